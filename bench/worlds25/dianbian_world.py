#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""dianbian (滇边) — a synthetic Yunnan world for fanzha: Kunming, Xishuangbanna, Dehong/Ruili on the
Myanmar border, Hekou on the Vietnam border, tea, jade, wild mushrooms, tourism; ordinary life, many
lawful look-alikes, and telecom-fraud rings whose mule layers end at ATMs, gold shops, U merchants and
banks across the border.

python3 dianbian_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth] [--stats] [--verify]

Standard library only; deterministic for a given (variant, seed).
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
DAY, HOUR, MIN = 86400, 3600, 60


def T(y, m, d, h=0, mi=0, s=0):
    return int(datetime(y, m, d, h, mi, s, tzinfo=TZ).timestamp())


W0 = T(2024, 3, 11)          # window start (inclusive)
W1 = T(2024, 9, 1)           # window end (exclusive): 174 days

# ---------------------------------------------------------------- institutions
SUPPLY = {  # code -> extract start
    'ICBC': T(2024, 3, 11), 'ABC': T(2024, 3, 11), 'YNRCC': T(2024, 3, 25),
    'ALIPAY': T(2024, 4, 1), 'FUDIAN': T(2024, 4, 15),
}
INST_NAMES = {
    'ICBC': '中国工商银行', 'ABC': '中国农业银行', 'YNRCC': '云南省农村信用社', 'ALIPAY': '支付宝(支付机构)',
    'FUDIAN': '富滇银行', 'CCB': '中国建设银行', 'BOC': '中国银行', 'PSBC': '中国邮政储蓄银行',
    'CMB': '招商银行', 'BOCOM': '交通银行', 'CIB': '兴业银行', 'QJCCB': '曲靖市商业银行',
    'TENPAY': '财付通(支付机构)', 'JDPAY': '京东支付(支付机构)', 'LAKALA': '拉卡拉(收单机构)',
    'KBZ': 'KBZ Bank (缅甸)', 'AYA': 'AYA Bank (缅甸)', 'BCEL': 'BCEL (老挝)', 'VTB': 'VietinBank (越南)',
    'ABA': 'ABA Bank (柬埔寨)',
}
FOREIGN = ['KBZ', 'AYA', 'BCEL', 'VTB', 'ABA']
EXT_BANKS = ['CCB', 'BOC', 'PSBC', 'CMB', 'BOCOM', 'CIB', 'QJCCB', 'TENPAY', 'JDPAY']
EXT_W = [22, 14, 14, 9, 6, 5, 3, 20, 2]
BIN = {'ICBC': '621226', 'ABC': '622848', 'YNRCC': '623190', 'FUDIAN': '622166', 'CCB': '621700',
       'BOC': '621661', 'PSBC': '621799', 'CMB': '621483', 'BOCOM': '622262', 'CIB': '622909',
       'QJCCB': '623078'}
CARD_LEN = {'CMB': 16, 'CIB': 18}
CORP_PREFIX = {'ICBC': ('2502', 15), 'ABC': ('24', 15), 'YNRCC': ('8', 17), 'FUDIAN': ('2000', 12),
               'CCB': ('5305', 16), 'BOC': ('13', 10), 'PSBC': ('9530', 15), 'CMB': ('8719', 8),
               'BOCOM': ('5310', 17), 'CIB': ('4210', 14), 'QJCCB': ('6010', 14), 'LAKALA': ('LKL', 12),
               'ALIPAY': ('2088', 12), 'TENPAY': ('1600', 10), 'JDPAY': ('JD', 14)}

# ---------------------------------------------------------------- places (GB/T 2260)
PLACES = {  # name: (code, weight for residents)
    'kunming_wuhua': ('530102', 9), 'kunming_panlong': ('530103', 8), 'kunming_guandu': ('530111', 9),
    'kunming_xishan': ('530112', 7), 'kunming_chenggong': ('530114', 5), 'qujing': ('530302', 6),
    'yuxi': ('530402', 4), 'zhaotong': ('530602', 4), 'zhenxiong': ('530627', 2), 'baoshan': ('530502', 2),
    'tengchong': ('530581', 2), 'lijiang': ('530702', 3), 'puer': ('530802', 3), 'lincang': ('530902', 2),
    'chuxiong': ('532301', 3), 'nanhua': ('532324', 1), 'gejiu': ('532501', 2), 'mengzi': ('532503', 2),
    'mile': ('532504', 1), 'hekou': ('532532', 1), 'jinghong': ('532801', 3), 'menghai': ('532822', 2),
    'mengla': ('532823', 1), 'dali': ('532901', 4), 'ruili': ('533102', 2), 'mangshi': ('533103', 2),
}
PL_NAMES = list(PLACES)
PL_W = [PLACES[n][1] for n in PL_NAMES]
KUNMING = ['530102', '530103', '530111', '530112', '530114']
BORDER = ['533102', '532532', '532823', '530581', '533103']
TEA = ['532822', '530802', '530902', '532801']
MUSHROOM = ['532301', '532324', '530402', '530102']
TOURIST = ['530702', '532901', '532801']
JADE = ['533102', '530581', '530103']
NATION = ['110105', '110108', '310115', '310104', '440106', '440304', '330106', '320102', '420106',
          '430102', '510107', '500103', '610113', '370102', '410105', '350203', '210102', '130102',
          '340104', '360102', '520102', '450102', '620102', '640104', '630102']
FAR_CASH = ['440304', '440306', '440106', '441900', '350582', '460108', '450102']
LOCAL_CASH = ['530102', '530103', '530111', '533102', '532801']
FARM_CITIES_FAR = ['510107', '520102', '450103', '430104', '500103', '532801', '533102', '530702']
FARM_HOMES = ['530602', '530627', '530302', '520502', '513401']
GOLD_FAR = '440303'
GOLD_LOCAL = '530103'

HOUR_W = [1, .5, .3, .2, .2, .4, 1, 3, 6, 8, 8, 8, 9, 8, 7, 7, 7, 7, 8, 8, 7, 5, 3, 2]
BIZ_W = [0, 0, 0, 0, 0, 0, 0, 0, 2, 8, 9, 9, 6, 6, 8, 8, 7, 4, 0, 0, 0, 0, 0, 0]
EVE_W = [1, .5, .2, 0, 0, 0, 0, 0, 0, 0, .5, 1, 1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 7, 3]


def cum(w):
    out, s = [], 0
    for x in w:
        s += x
        out.append(s)
    return out


HOUR_C, BIZ_C, EVE_C = cum(HOUR_W), cum(BIZ_W), cum(EVE_W)

# ---------------------------------------------------------------- identifiers
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def org_check(s8):
    r = 11 - sum(int(c) * w for c, w in zip(s8, ORG_W)) % 11
    return 'X' if r == 10 else ('0' if r == 11 else str(r))


def uscc_check(s17):
    r = 31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if r == 31 else r]


def luhn_digit(body):
    s = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    if not num.isdigit():
        return False
    s = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def valid_id(h):
    if len(h) != 18:
        return False
    if h[:17].isdigit() and h[17] in '0123456789X' and id_check(h[:17]) == h[17]:
        return True
    if all(c in USCC_CH for c in h) and uscc_check(h[:17]) == h[17] and org_check(h[8:16]) == h[16]:
        return True
    return False


def fmt_ts(t):
    return datetime.fromtimestamp(t, TZ).isoformat()


def fmt_amt(f):
    return '%d.%02d' % (f // 100, f % 100)


# ---------------------------------------------------------------- model objects
class Holder:
    __slots__ = ('id', 'home', 'cf', 'flabel', 'kind', 'accts')

    def __init__(self, hid, home, kind):
        self.id, self.home, self.kind = hid, home, kind
        self.cf, self.flabel, self.accts = 0, 0, []


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'row', 'role', 'arch', 'opened', 'region', 'cls', 'bal', 'init',
                 'pre_true', 'pre_list', 'fwd', 'pending', 'sched', 'layer', 'ring', 'afrom', 'ato',
                 'label', 'speed', 'seen', 'opening', 'victim', 'renter_card', 'src')

    def __init__(self):
        self.pre_true, self.pre_list, self.fwd, self.pending, self.sched = 0, [], None, 0, False
        self.layer, self.ring, self.afrom, self.ato, self.label, self.speed = '', None, 0, 0, 0, 'fast'
        self.seen, self.opening, self.victim, self.renter_card, self.src = False, 0, '', None, ''


class Ring:
    def __init__(self, idx):
        self.idx = idx
        self.L1, self.L2, self.L3, self.paofen, self.ops = [], [], [], [], []
        self.start = self.end = 0
        self.cash_region = ''
        self.cash_w = None


TYPOLOGIES = [
    # id, weight, payments (lo, hi), span hours (lo, hi), first amount mu (ln yuan), sd, growth per payment
    ('brushing', 17, (3, 8), (2, 72), math.log(600), .6, 1.8),
    ('investment', 16, (3, 10), (72, 1000), math.log(20000), .8, 1.5),
    ('ecommerce_cs', 11, (1, 4), (0.5, 6), math.log(9000), .8, 1.3),
    ('romance', 8, (3, 9), (150, 1300), math.log(30000), .8, 1.4),
    ('loan_card', 9, (2, 5), (3, 120), math.log(2500), .6, 1.5),
    ('police_gov', 8, (1, 4), (1, 72), math.log(80000), .9, 1.2),
    ('credit_record', 7, (1, 3), (0.5, 8), math.log(15000), .7, 1.3),
    ('leader_acquaintance', 6, (1, 2), (0.2, 5), math.log(25000), .7, 1.2),
    ('shopping_service', 6, (1, 2), (0.2, 24), math.log(900), .8, 1.2),
    ('game_trade', 4, (1, 3), (0.3, 24), math.log(1200), .7, 1.4),
    ('military_purchase', 3, (2, 3), (24, 120), math.log(15000), .6, 1.4),
    ('accident_kidnap', 2, (1, 2), (0.1, 2), math.log(20000), .6, 1.1),
    ('fake_job', 3, (1, 3), (1, 72), math.log(500), .5, 1.3),
]
SMALL_TYPS = ('brushing', 'shopping_service', 'game_trade', 'fake_job')

ORD = dict(salaried=3100, pensioner=1000, farmer=1600, student=600, dormant=900, firm=140, merchant_row=60)
LOOK = dict(freshman=260, shop=110, border_resident=110, border_trader=35, jade=55, tea=45, mushroom=35,
            guide=75, salary_fwd=140, own_cards=100, landlord=70, rosca=14, wedding=45)
VARIANTS = ('baseline', 'V2', 'V3')


class World:
    def __init__(self, variant, seed):
        self.variant, self.seed = variant, seed
        self.R = random.Random('dianbian:%s:%d' % (variant, seed))
        self.look = dict(LOOK)
        if variant == 'V3':
            for k in self.look:
                self.look[k] = int(round(self.look[k] * 2.5))
        self.heap, self.seq = [], 0
        self.accts = {}
        self.holders = {}
        self.used_ids = set()
        self.rows = []
        self.fraud_tx = []
        self.victim_tx = []
        self.ntx = 0
        self.persons = {k: [] for k in ('salaried', 'pensioner', 'farmer', 'student', 'dormant')}
        self.ext_people = []
        self.far_people = []
        self.victims = []
        self.rings = []
        self.farmers = []
        self.farm_cards = []
        self.ushang = []
        self.arch_count = {}

    # ------------------------------------------------------------ helpers
    def push(self, t, fn, *args):
        heapq.heappush(self.heap, (t, self.seq, fn, args))
        self.seq += 1

    def tod(self, c=HOUR_C):
        R = self.R
        return R.choices(range(24), cum_weights=c)[0] * HOUR + R.randrange(HOUR)

    def at_day(self, t, c=HOUR_C):
        return t - (t - W0) % DAY + self.tod(c)

    def clampt(self, x, lo):
        return x if x > lo else lo + self.R.randrange(300, 3 * HOUR)

    def ln(self, mu, sd, lo=1.0, hi=1e9):
        v = math.exp(self.R.gauss(mu, sd))
        return max(lo, min(hi, v))

    def yuan(self, x, step=1):
        v = int(x / step) * step
        return max(step, v) * 100

    def cents(self, x):
        return max(1, int(round(x * 100)))

    def place(self):
        return PLACES[self.R.choices(PL_NAMES, weights=PL_W)[0]][0]

    def poisson(self, start, end, rate, c=HOUR_C):
        R, out = self.R, []
        if rate <= 0 or end <= start:
            return out
        t = start
        while True:
            t += int(R.expovariate(rate) * DAY)
            if t >= end:
                return out
            x = self.at_day(t, c)
            if x < start:
                x = start + R.randrange(60, 2 * HOUR)
            if x < end:
                out.append(x)

    def monthly(self, start, end, dom, c=HOUR_C, jitter=1):
        out = []
        d = datetime.fromtimestamp(W0, TZ)
        y, m = d.year, d.month
        while True:
            day = min(28, max(1, dom + self.R.randint(-jitter, jitter)))
            t0 = T(y, m, day)
            if t0 >= end:
                return out
            t = t0 + self.tod(c)
            if start <= t < end and t >= W0:
                out.append(t)
            m += 1
            if m > 12:
                y, m = y + 1, 1

    # ------------------------------------------------------------ identities and accounts
    def new_person(self, home=None, age=(22, 60), kind='person'):
        R = self.R
        home = home or self.place()
        while True:
            by = 2024 - R.randint(age[0], age[1])
            bd = datetime(by, 1, 1) + timedelta(days=R.randrange(365))
            s17 = '%s%s%03d' % (home, bd.strftime('%Y%m%d'), R.randrange(1000))
            hid = s17 + id_check(s17)
            if hid not in self.used_ids:
                break
        self.used_ids.add(hid)
        h = Holder(hid, home, kind)
        self.holders[hid] = h
        return h

    def new_corp(self, region, indiv=False):
        R = self.R
        while True:
            body = ''.join(str(R.randrange(10)) for _ in range(8))
            s17 = ('92' if indiv else '91') + region + body + org_check(body)
            hid = s17 + uscc_check(s17)
            if hid not in self.used_ids:
                break
        self.used_ids.add(hid)
        h = Holder(hid, region, 'corp')
        self.holders[hid] = h
        return h

    def new_foreign_holder(self, bank):
        R = self.R
        while True:
            hid = '%s-%s%09d' % (bank, R.choice(['MB', 'LA', 'VN', 'KH']), R.randrange(10 ** 9))
            if hid not in self.used_ids:
                break
        self.used_ids.add(hid)
        h = Holder(hid, '', 'foreign')
        self.holders[hid] = h
        return h

    def acct_number(self, bank, corp):
        R = self.R
        while True:
            if bank == 'ALIPAY':
                n = '2088' + '%012d' % R.randrange(10 ** 12)
            elif bank == 'TENPAY' and not corp:
                n = 'wxp' + '%014d' % R.randrange(10 ** 14)
            elif bank == 'JDPAY' and not corp:
                n = 'JD' + '%014d' % R.randrange(10 ** 14)
            elif bank in FOREIGN:
                n = bank + '%013d' % R.randrange(10 ** 13)
            elif corp or bank not in BIN:
                p, k = CORP_PREFIX.get(bank, ('99', 14))
                n = p + ''.join(str(R.randrange(10)) for _ in range(k))
            else:
                L = CARD_LEN.get(bank, 19)
                body = BIN[bank] + ''.join(str(R.randrange(10)) for _ in range(L - 7))
                n = body + luhn_digit(body)
            if n not in self.used_ids:
                self.used_ids.add(n)
                return n

    def new_acct(self, h, bank, opened, region, cls='I', role='lawful', arch='', init=0):
        a = Acct()
        a.id = self.acct_number(bank, cls == 'corp')
        a.bank, a.holder, a.row = bank, h, bank in SUPPLY
        a.role, a.arch, a.opened, a.region, a.cls = role, arch, opened, region, cls
        a.init = init if opened < W0 else 0
        a.bal = a.init
        self.accts[a.id] = a
        h.accts.append(a)
        return a

    def old_time(self, years=(1, 15)):
        R = self.R
        t = W0 - int(R.uniform(years[0], years[1]) * 365 * DAY)
        return t - (t - W0) % DAY + self.tod(BIZ_C)

    def in_window_time(self, lo=W0, hi=W1 - 3 * DAY, c=BIZ_C):
        t = self.R.randrange(lo, hi)
        x = t - (t - W0) % DAY + self.tod(c)
        return max(lo, x)

    def row_bank(self, w=(32, 27, 22, 19)):
        return self.R.choices(['ICBC', 'ABC', 'YNRCC', 'FUDIAN'], weights=w)[0]

    def ext_bank(self):
        return self.R.choices(EXT_BANKS, weights=EXT_W)[0]

    def ext_person(self, region=None, new_p=0.35, age=(20, 65)):
        R = self.R
        if self.ext_people and R.random() > new_p and region is None:
            return R.choice(self.ext_people)
        h = self.new_person(region or (R.choice(NATION) if R.random() < .35 else self.place()), age)
        b = self.ext_bank()
        a = self.new_acct(h, b, self.old_time(), h.home, 'I', arch='counterparty')
        if region is None:
            self.ext_people.append(a)
        return a

    def far_person(self, new_p=.3):
        R = self.R
        if self.far_people and R.random() > new_p:
            return R.choice(self.far_people)
        h = self.new_person(R.choice(NATION), (20, 65))
        a = self.new_acct(h, self.ext_bank(), self.old_time(), h.home, 'I', arch='counterparty')
        self.far_people.append(a)
        return a

    def ext_corp(self, region=None, bank=None, arch='counterparty_firm', old=True):
        region = region or self.place()
        h = self.new_corp(region)
        b = bank or self.R.choice(['CCB', 'BOC', 'BOCOM', 'CMB', 'CIB', 'PSBC'])
        return self.new_acct(h, b, self.old_time((2, 20)) if old else W0 - 30 * DAY, region, 'corp',
                             arch=arch)

    def foreign_acct(self, bank=None, arch='foreign_counterparty'):
        b = bank or self.R.choices(FOREIGN, weights=[40, 20, 12, 18, 10])[0]
        h = self.new_foreign_holder(b)
        return self.new_acct(h, b, self.old_time((1, 10)), '', 'I', arch=arch)

    def count(self, arch, n=1):
        self.arch_count[arch] = self.arch_count.get(arch, 0) + n

    # ------------------------------------------------------------ the ledger
    def tx(self, t, frm, to, amt, ch='mobile', reg=None, memo='', tag='', policy='skip', cross=False,
           kind='transfer', victim=None):
        if t < W0 or t >= W1 or amt <= 0:
            return 0
        if kind == 'transfer' and (frm is None or to is None):
            return 0
        if frm is not None:
            if frm.opened > t:
                return 0
            if frm.row and frm.bal < amt:
                if policy != 'clamp':
                    return 0
                amt = frm.bal - frm.bal % 100 if frm.bal >= 10000 else frm.bal
                if amt < 100:
                    return 0
        if to is not None and to.opened > t:
            return 0
        written = ((frm is not None and frm.row and t >= SUPPLY[frm.bank]) or
                   (to is not None and to.row and t >= SUPPLY[to.bank]))
        for a, d in ((frm, -amt), (to, amt)):
            if a is None:
                continue
            a.bal += d
            if a.row and t < SUPPLY[a.bank]:
                a.pre_true += d
                if written:
                    a.pre_list.append(d)
            if written:
                a.seen = True
        if written:
            self.ntx += 1
            tid = 'YN%s%07d' % (datetime.fromtimestamp(t, TZ).strftime('%y%m%d'), self.ntx)
            if reg is None:
                reg = (frm or to).region or '530102'
            self.rows.append((tid, t, frm.id if frm else '', to.id if to else '', amt, ch, reg, kind, memo,
                              cross))
            if tag:
                self.fraud_tx.append((tid, tag))
            if victim is not None:
                self.victim_tx.append((tid, victim))
        if to is not None:
            if to.fwd is not None:
                self.lawful_recv(t, to, amt, frm)
            elif to.role in ('mule', 'farmer_card', 'paofen', 'ushang') and to.layer:
                self.mule_recv(t, to, amt)
        return amt

    def ev(self, t, *args, **kw):
        self.tx(t, *args, **kw)

    def sched(self, t, frm, to, amt, **kw):
        if W0 <= t < W1:
            self.push(t, self._ev, frm, to, amt, kw)

    def _ev(self, t, frm, to, amt, kw):
        self.tx(t, frm, to, amt, **kw)

    # lawful forwarding (salary cards forwarded to the old card, border residents, ...)
    def lawful_recv(self, t, a, amt, frm):
        f = a.fwd
        if f.get('from') is not None and (frm is None or frm.id not in f['from']):
            return
        R = self.R
        keep = f.get('keep', 0)
        out = amt - int(amt * keep)
        out -= out % f.get('round', 1)
        if out < 100:
            return
        lo, hi = f['delay']
        dt = int(R.uniform(lo, hi))
        tgt, cross, memo = f['target'](a)
        self.sched(t + dt, a, tgt, out, memo=memo, cross=cross, policy='clamp', ch='mobile',
                   reg=f.get('reg', a.region))

    # ------------------------------------------------------------ population: ordinary life
    def build_merchants(self):
        R = self.R
        self.merchants = {}
        self.mlist = []
        n_row = ORD['merchant_row']
        for i in range(360):
            reg = self.place() if i >= 40 else R.choice(KUNMING)
            h = self.new_corp(reg, indiv=R.random() < .3)
            if i < n_row:
                a = self.new_acct(h, self.row_bank((30, 20, 20, 30)), self.old_time((1, 12)), reg, 'corp',
                                  arch='merchant', init=self.yuan(R.uniform(5000, 60000)))
                self.count('merchant')
                owner = self.ext_person()
                for t in self.poisson(W0, W1, 1 / 5., BIZ_C):
                    self.push(t, self.sweep, a, owner, .85)
            else:
                a = self.new_acct(h, R.choice(['LAKALA', 'CCB', 'BOC', 'TENPAY', 'CMB']), self.old_time(), reg,
                                  'corp', arch='merchant')
            self.merchants.setdefault(reg, []).append(a)
            self.mlist.append(a)
        self.platforms = [self.ext_corp('330106', 'CMB', 'platform'), self.ext_corp('110105', 'JDPAY', 'platform'),
                          self.ext_corp('310115', 'TENPAY', 'platform'), self.ext_corp('440304', 'CCB', 'platform')]
        self.utility = [self.ext_corp('530102', 'CCB', 'utility'), self.ext_corp('530103', 'BOC', 'utility'),
                        self.ext_corp('530111', 'PSBC', 'utility')]
        self.ssf = self.ext_corp('530102', 'PSBC', 'social_security')
        self.finance = {}
        self.tax = self.ext_corp('530102', 'ICBC' if False else 'CCB', 'treasury')

    def sweep(self, t, a, owner, frac):
        amt = int(a.bal * frac)
        amt -= amt % 100
        if amt >= 1000 * 100:
            self.tx(t, a, owner, amt, 'online', memo='营业款归集')

    def merchant(self, region):
        R = self.R
        lst = self.merchants.get(region)
        if lst and R.random() < .8:
            return R.choice(lst)
        return R.choice(self.mlist)

    def build_firms(self):
        R = self.R
        self.firms = []
        for i in range(ORD['firm']):
            reg = R.choice(KUNMING) if R.random() < .5 else self.place()
            h = self.new_corp(reg)
            a = self.new_acct(h, self.row_bank((35, 25, 15, 25)), self.old_time((1, 20)), reg, 'corp',
                              arch='ordinary_firm', init=self.yuan(self.ln(math.log(600000), .8, 80000)))
            self.count('ordinary_firm')
            cust = [self.ext_corp() for _ in range(R.randint(2, 6))]
            supp = [self.ext_corp() for _ in range(R.randint(2, 5))]
            base = self.ln(math.log(80000), .7, 10000)
            a.src = 'firm'
            self.firms.append((a, base))
            for t in self.poisson(W0, W1, 1 / 9., BIZ_C):
                self.sched(t, R.choice(cust), a, self.yuan(base * R.uniform(.4, 1.8), 10), ch='online', memo='货款')
            for t in self.poisson(W0, W1, 1 / 12., BIZ_C):
                self.sched(t, a, R.choice(supp), self.yuan(base * R.uniform(.2, .8), 10), ch='online',
                           memo='采购款', policy='clamp')
            for t in self.monthly(W0, W1, 15, BIZ_C):
                self.sched(t, a, self.tax, self.yuan(base * R.uniform(.05, .15)), ch='online', memo='税款',
                           policy='clamp')

    def ext_employers(self):
        R = self.R
        self.xemp = [self.ext_corp(R.choice(KUNMING) if R.random() < .6 else self.place(), arch='employer')
                     for _ in range(260)]

    def employer(self, region):
        R = self.R
        if R.random() < .35:
            return R.choice(self.firms)[0]
        return R.choice(self.xemp)

    def person_with_account(self, arch, age, bank=None, opened=None, home=None, init_mu=9.0, cls='I'):
        R = self.R
        h = self.new_person(home, age)
        reg = h.home if R.random() < .8 else self.place()
        opened = opened if opened is not None else (self.old_time() if R.random() < .9 else self.in_window_time())
        b = bank or self.row_bank()
        a = self.new_acct(h, b, opened, reg, cls, arch=arch, init=self.yuan(self.ln(init_mu, 1.0, 50), 1))
        a.init += R.randrange(100)
        a.bal = a.init
        return h, a

    def spend(self, a, start, end, rate, mu, sd, c=HOUR_C, online=.3):
        R = self.R
        for t in self.poisson(start, end, rate, c):
            if R.random() < online:
                self.sched(t, a, R.choice(self.platforms), self.cents(self.ln(mu, sd, 5, 20000)), ch='online',
                           memo='网购')
            else:
                m = self.merchant(a.region)
                self.sched(t, a, m, self.cents(self.ln(mu, sd, 3, 20000)), ch='pos', reg=m.region)

    def life(self, arch, h, a, stop=W1, income=True):
        """Schedule an ordinary person's life on main account a until stop."""
        R = self.R
        start = max(W0, a.opened + 600)
        end = min(stop, W1)
        if end <= start:
            return
        if arch == 'salaried':
            if income:
                emp = self.employer(a.region)
                sal = self.ln(math.log(5200), .35, 2600, 40000)
                dom = R.randint(5, 15)
                for t in self.monthly(start, end, dom, BIZ_C, 0):
                    self.sched(t, emp, a, self.cents(sal * R.uniform(.93, 1.08)), ch='other', memo='工资',
                               policy='clamp', reg=emp.region)
            self.spend(a, start, end, .025, math.log(120), 1.0)
            if R.random() < .3:
                fam = self.ext_person()
                for t in self.monthly(start, end, R.randint(1, 27)):
                    self.sched(t, a, fam, self.yuan(R.choice([500, 800, 1000, 1500, 2000])), memo='生活费')
            if R.random() < .35:
                ll = R.choice(self.landlords) if self.landlords and R.random() < .5 else self.ext_person()
                rent = self.yuan(R.uniform(800, 2800), 50)
                for t in self.monthly(start, end, R.randint(1, 5)):
                    self.sched(t, a, ll, rent, memo='房租')
            u = R.choice(self.utility)
            for t in (self.monthly(start, end, R.randint(1, 28)) if R.random() < .3 else []):
                self.sched(t, a, u, self.cents(R.uniform(50, 300)), ch='online', memo='话费水电')
            if R.random() < .05:
                for t in self.poisson(start, end, 1 / 40.):
                    self.sched(t, a, None, self.yuan(R.choice([500, 1000, 2000])), ch='atm', kind='withdrawal')
        elif arch == 'pensioner':
            if income:
                p = self.ln(math.log(3000), .3, 1500, 9000)
                for t in self.monthly(start, end, 15, BIZ_C, 0):
                    self.sched(t, self.ssf, a, self.cents(p), ch='other', memo='养老金', reg='530102')
            self.spend(a, start, end, .02, math.log(100), .9, online=.05)
            for t in self.poisson(start, end, 1 / 60., BIZ_C):
                self.sched(t, a, None, self.yuan(R.choice([500, 1000, 2000, 3000])), ch=R.choice(['atm', 'counter']),
                           kind='withdrawal')
            if R.random() < .3:
                kid = self.ext_person()
                for t in self.poisson(start, end, 1 / 45.):
                    self.sched(t, a, kid, self.yuan(R.choice([200, 500, 1000, 2000])), memo='给孙子')
        elif arch == 'farmer':
            if income:
                fin = self.finance.get(a.region)
                if fin is None:
                    fin = self.finance[a.region] = self.ext_corp(a.region, 'PSBC', 'county_finance')
                for t in self.monthly(start, end, 20, BIZ_C, 3):
                    if R.random() < .34:
                        self.sched(t, fin, a, self.cents(R.uniform(200, 1800)), ch='other', memo='惠农补贴')
                if R.random() < .2:
                    kid = self.ext_person()
                    for t in self.monthly(start, end, R.randint(1, 28)):
                        self.sched(t, kid, a, self.yuan(R.choice([500, 800, 1000, 2000])), memo='家用')
                for t in self.poisson(start, end, 1 / 60.):
                    self.sched(t, self.ext_person(), a, self.yuan(R.uniform(1500, 20000), 10), memo='农产品款')
            self.spend(a, start, end, .02, math.log(120), .9, online=.1)
            for t in self.poisson(start, end, 1 / 70.):
                self.sched(t, a, None, self.yuan(R.choice([300, 500, 1000, 2000])), ch='atm', kind='withdrawal')
        elif arch == 'student':
            if income:
                par = self.ext_person(age=(40, 58))
                for t in self.monthly(start, end, R.randint(1, 10)):
                    self.sched(t, par, a, self.yuan(R.choice([1000, 1200, 1500, 2000, 2500])), memo='生活费')
            self.spend(a, start, end, .05, math.log(45), .9, online=.5)
        elif arch == 'dormant':
            if R.random() < .3:
                for t in self.poisson(start, end, 1 / 120.):
                    if R.random() < .5:
                        self.sched(t, self.ext_person(), a, self.yuan(R.uniform(100, 2000), 10), memo='转账')
                    else:
                        self.sched(t, a, None, self.yuan(R.choice([100, 200, 500])), ch='atm', kind='withdrawal')

    def second_cards(self, h, a, start, end, p_second=.25, p_wallet=.4):
        R = self.R
        if R.random() < p_wallet:
            w = self.new_acct(h, 'ALIPAY', self.old_time((1, 8)) if a.opened < W0 else a.opened + DAY,
                              a.region, R.choice(['II', 'III', 'I']), arch='wallet',
                              init=self.cents(R.uniform(0, 800)))
            self.count('wallet')
            for t in self.monthly(max(start, w.opened + 600), end, R.randint(1, 28)):
                self.sched(t, a, w, self.yuan(R.choice([200, 300, 500, 1000])), memo='充值')
            self.spend(w, max(start, w.opened + 600), end, .03, math.log(60), .9, online=.6)
        if R.random() < p_second:
            b = R.choice(['ICBC', 'ABC', 'FUDIAN', 'CCB', 'CMB', 'BOC'])
            s = self.new_acct(h, b, self.old_time((1, 10)) if a.opened < W0 else a.opened + 3 * DAY, a.region,
                              'II' if b in SUPPLY and R.random() < .5 else 'I', arch='second_card',
                              init=self.yuan(R.uniform(0, 5000)))
            self.count('second_card')
            for t in self.monthly(max(start, s.opened + 600), end, R.randint(1, 28)):
                self.sched(t, a, s, self.yuan(R.choice([1000, 2000, 3000, 5000])), memo='')
            self.spend(s, max(start, s.opened + 600), end, .03, math.log(150), 1.0)
            return s
        return None

    def build_ordinary(self):
        R = self.R
        self.landlords = []
        ages = dict(salaried=(22, 58), pensioner=(60, 82), farmer=(25, 70), student=(18, 23), dormant=(20, 70))
        mus = dict(salaried=9.3, pensioner=10.5, farmer=8.5, student=7.0, dormant=6.0)
        for arch in ('salaried', 'pensioner', 'farmer', 'student', 'dormant'):
            for i in range(ORD[arch]):
                bank = None
                if arch == 'farmer':
                    bank = R.choices(['YNRCC', 'ABC', 'PSBC'], weights=[60, 30, 10])[0]
                    if bank == 'PSBC':
                        bank = 'YNRCC'
                if arch == 'pensioner':
                    bank = R.choices(['ICBC', 'ABC', 'YNRCC', 'FUDIAN'], weights=[30, 25, 25, 20])[0]
                opened = None
                if arch == 'dormant':
                    opened = self.old_time((3, 15))
                elif arch == 'student':
                    opened = self.old_time((0.3, 3))
                elif arch == 'pensioner':
                    opened = self.old_time((5, 25))
                h, a = self.person_with_account(arch, ages[arch], bank, opened, init_mu=mus[arch])
                self.count(arch)
                self.persons[arch].append((h, a))

    def schedule_ordinary(self):
        R = self.R
        for arch in ('salaried', 'pensioner', 'farmer', 'student', 'dormant'):
            for h, a in self.persons[arch]:
                stop = a.afrom if a.role != 'lawful' else W1
                self.life(arch, h, a, stop)
                if arch in ('salaried', 'student') and a.role == 'lawful':
                    self.second_cards(h, a, max(W0, a.opened + 600), W1,
                                      .25 if arch == 'salaried' else .1, .25 if arch == 'salaried' else .2)

    # ------------------------------------------------------------ lawful look-alikes
    def build_lookalikes(self):
        R, L = self.R, self.look
        # landlords first (salaried pay rent to some of them)
        for i in range(L['landlord']):
            h, a = self.person_with_account('landlord', (40, 70), home=R.choice(KUNMING + ['532901', '530302']),
                                            init_mu=10.5)
            self.count('landlord')
            self.landlords.append(a)
            own = self.ext_person()
            for k in range(R.randint(2, 9)):
                ten = self.ext_person()
                rent = self.yuan(R.uniform(700, 2600), 50)
                dom = R.randint(1, 6)
                for t in self.monthly(W0, W1, dom):
                    self.sched(t, ten, a, rent, memo='房租')
            for t in self.monthly(W0, W1, 20):
                self.push(t, self.sweep, a, own, .5)
        # freshmen: cards opened in batches on campus at term start
        campus = [('530114', 'ICBC'), ('530114', 'FUDIAN'), ('532901', 'YNRCC'), ('530102', 'ABC'),
                  ('530602', 'YNRCC')]
        uni = {c: self.new_acct(self.new_corp(c[0]), c[1], self.old_time((10, 40)), c[0], 'corp',
                                arch='university') for c in campus}
        for i in range(L['freshman']):
            c = campus[R.choices(range(5), weights=[40, 20, 15, 15, 10])[0]]
            day = T(2024, 8, 24) + R.randrange(7) * DAY
            h = self.new_person(self.place() if R.random() < .8 else R.choice(NATION), (18, 19))
            a = self.new_acct(h, c[1], day + self.tod(BIZ_C), c[0], R.choice(['I', 'I', 'II']), arch='freshman')
            self.count('freshman')
            par = self.ext_person(age=(40, 55))
            t1 = a.opened + R.randrange(2 * HOUR, 3 * DAY)
            tuition = self.yuan(R.choice([4500, 5000, 5500, 6000, 6500]))
            self.sched(t1, par, a, tuition + self.yuan(R.choice([1000, 1500, 2000])), memo='学费生活费')
            self.sched(t1 + R.randrange(HOUR, 2 * DAY), a, uni[c], tuition, ch='online', memo='学费',
                       policy='clamp')
            self.spend(a, t1 + HOUR, W1, .5, math.log(25), .8, online=.4)
        # small shops on personal accounts
        self.shops = []
        for i in range(L['shop']):
            h, a = self.person_with_account('shop_personal', (25, 60), init_mu=8.5)
            self.count('shop_personal')
            self.shops.append(a)
            start = max(W0, a.opened + HOUR)
            if R.random() < .55:
                agg = R.choice(self.mlist[-40:])
                for t in self.poisson(start, W1, .25, BIZ_C):
                    self.sched(t, agg, a, self.cents(self.ln(math.log(900), .6, 50)), ch='other', memo='收单结算')
            else:
                for t in self.poisson(start, W1, .28, HOUR_C):
                    self.sched(t, self.ext_person(), a, self.cents(self.ln(math.log(60), .9, 2, 3000)), memo='扫码付款')
            supp = [self.ext_corp(a.region), self.ext_person()]
            for t in self.poisson(start, W1, 1 / 6., BIZ_C):
                self.sched(t, a, R.choice(supp), self.yuan(R.uniform(1500, 9000), 10), memo='进货款', policy='clamp')
            own = self.second_cards(h, a, start, W1, .6, .3) or self.ext_person()
            for t in self.poisson(start, W1, 1 / 10.):
                self.push(t, self.sweep, a, own, .6)
        # border residents (边民互市): coop pays up to 8000, resident forwards across the border the same day
        coops = []
        for reg in BORDER:
            for k in range(3):
                h = self.new_corp(reg)
                c = self.new_acct(h, R.choice(['YNRCC', 'FUDIAN', 'CCB', 'BOC']), self.old_time((1, 8)), reg, 'corp',
                                  arch='border_coop', init=self.yuan(R.uniform(3e5, 1.5e6)))
                buyers = [self.ext_corp(R.choice(NATION + KUNMING)) for _ in range(3)]
                for t in self.poisson(W0, W1, .6, BIZ_C):
                    self.sched(t, R.choice(buyers), c, self.yuan(R.uniform(5e4, 3e5), 100), ch='online', memo='货款')
                coops.append(c)
        self.sellers = {reg: [self.foreign_acct('VTB' if reg == '532532' else ('BCEL' if reg == '532823' else
                                                                               R.choice(['KBZ', 'AYA'])))
                              for _ in range(15)] for reg in BORDER}
        for i in range(L['border_resident']):
            reg = R.choice(BORDER)
            h, a = self.person_with_account('border_resident', (25, 65), R.choice(['YNRCC', 'FUDIAN', 'ABC']),
                                            home=reg, init_mu=7.5)
            a.region = reg
            self.count('border_resident')
            mycoops = [c for c in coops if c.region == reg]
            cp = R.choice(mycoops)
            agent = self.ext_person(reg)
            sellers = self.sellers[reg]
            a.fwd = dict(delay=(8 * MIN, 150 * MIN), keep=R.uniform(.003, .01), round=100, reg=reg,
                         target=lambda x, s=sellers, g=agent: ((self.R.choice(s), True, '互市货款')
                                                                if self.R.random() < .6 else (g, False, '货款')))
            a.fwd['from'] = {cp.id}
            for t in self.poisson(max(W0, a.opened + HOUR), W1, .13, BIZ_C):
                self.sched(t, cp, a, self.yuan(R.uniform(5000, 8000), 10), ch='online', memo='边民互市', policy='clamp')
            self.life('farmer', h, a, W1, income=False)
        # border traders: domestic buyers in, cross-border suppliers out
        for i in range(L['border_trader']):
            reg = R.choice(BORDER)
            h, a = self.person_with_account('border_trader', (28, 60), R.choice(['ICBC', 'FUDIAN', 'ABC']), home=reg,
                                            init_mu=11)
            a.region = reg
            self.count('border_trader')
            buyers = [self.ext_person(R.choice(NATION + KUNMING)) for _ in range(R.randint(3, 10))]
            sellers = self.sellers[reg]
            for t in self.poisson(max(W0, a.opened + HOUR), W1, .12, BIZ_C):
                tot = 0
                for k in range(R.randint(1, 4)):
                    v = self.yuan(self.ln(math.log(40000), .7, 3000), 10)
                    tot += v
                    self.sched(t + k * R.randrange(5 * MIN, 90 * MIN), R.choice(buyers), a, v, ch='online',
                               memo=R.choice(['货款', '红木款', '水果款', '橡胶款']))
                self.sched(t + R.randrange(2 * HOUR, 9 * HOUR), a, R.choice(sellers), int(tot * R.uniform(.85, .99)) // 100 * 100,
                           ch='online', memo='货款', cross=True, policy='clamp')
        # jade livestream traders: evening bursts of buyers, same-night payments to suppliers
        for i in range(L['jade']):
            reg = R.choice(JADE)
            h, a = self.person_with_account('jade_trader', (25, 55), R.choice(['ICBC', 'ABC', 'FUDIAN', 'YNRCC']),
                                            home=reg, init_mu=10.5)
            a.region = reg
            self.count('jade_trader')
            supp = [self.foreign_acct(R.choice(['KBZ', 'AYA'])) for _ in range(2)] + \
                   [self.ext_person(reg) for _ in range(3)]
            wallet = None
            if R.random() < .4:
                wallet = self.new_acct(h, 'ALIPAY', self.old_time((1, 6)), reg, 'I', arch='jade_wallet')
            for t in self.poisson(max(W0, a.opened + HOUR), W1, .08, EVE_C):
                tot = 0
                for k in range(R.randint(3, 10)):
                    v = self.yuan(self.ln(math.log(3500), 1.0, 300, 80000), 10)
                    tot += v
                    payee = wallet if wallet is not None and R.random() < .35 else a
                    self.sched(t + R.randrange(0, 4 * HOUR), self.far_person(), payee, v,
                               memo=R.choice(['翡翠', '玉石款', '手镯', '']))
                    if payee is wallet:
                        self.sched(t + 4 * HOUR + R.randrange(HOUR), wallet, a, v, memo='提现', policy='clamp')
                t2 = t + 5 * HOUR + R.randrange(6 * HOUR)
                for k in range(R.randint(1, 3)):
                    s = R.choice(supp)
                    self.sched(t2 + k * R.randrange(60, 1800), a, s, int(tot * R.uniform(.2, .5)) // 100 * 100,
                               memo='料款', cross=s.bank in FOREIGN, policy='clamp')
        # tea traders: spring buying from many farmers; buyers across China
        farmers_tea = [a for h, a in self.persons['farmer']]
        for i in range(L['tea']):
            reg = R.choice(TEA)
            h, a = self.person_with_account('tea_trader', (30, 60), R.choice(['YNRCC', 'ICBC', 'ABC', 'FUDIAN']),
                                            home=reg, init_mu=12)
            a.region = reg
            self.count('tea_trader')
            growers = [R.choice(farmers_tea) if R.random() < .4 else self.ext_person(reg)
                       for _ in range(R.randint(15, 50))]
            buyers = [self.ext_corp(R.choice(['440106', '440304', '350203', '110105', '310115']))
                      for _ in range(R.randint(2, 6))]
            spring_end = T(2024, 5, 31)
            for t in self.poisson(max(W0, a.opened + HOUR), spring_end, .18, BIZ_C):
                for k in range(R.randint(3, 9)):
                    self.sched(t + R.randrange(0, 8 * HOUR), a, R.choice(growers),
                               self.yuan(self.ln(math.log(2500), .9, 200, 40000), 10), memo='鲜叶款',
                               policy='skip')
            for t in self.poisson(W0, W1, .1, BIZ_C):
                self.sched(t, R.choice(buyers), a, self.yuan(self.ln(math.log(80000), .7, 10000), 100),
                           ch='online', memo='茶叶款')
        # wild-mushroom buyers: June-August, many pickers a day
        for i in range(L['mushroom']):
            reg = R.choice(MUSHROOM)
            h, a = self.person_with_account('mushroom_buyer', (28, 60), R.choice(['YNRCC', 'ABC', 'ICBC']), home=reg,
                                            init_mu=10.8)
            a.region = reg
            self.count('mushroom_buyer')
            pickers = [R.choice(farmers_tea) if R.random() < .25 else self.ext_person(reg)
                       for _ in range(R.randint(20, 60))]
            whole = [self.ext_person('530111'), self.ext_corp('530112'), self.ext_person(R.choice(NATION))]
            s0 = max(T(2024, 6, 1), a.opened + HOUR)
            for t in self.poisson(s0, W1, .24, BIZ_C):
                for k in range(R.randint(3, 9)):
                    self.sched(t + R.randrange(0, 6 * HOUR), a, R.choice(pickers),
                               self.yuan(self.ln(math.log(500), .9, 30, 6000)), memo='菌子款')
            for t in self.poisson(s0 - 5 * DAY, W1, .2, BIZ_C):
                self.sched(t, R.choice(whole), a, self.yuan(self.ln(math.log(30000), .6, 5000), 10),
                           memo='菌子货款')
        # tour guides: collections from tourists, evening forwarding to agencies and shops
        agencies = [self.ext_corp(r, arch='travel_agency') for r in TOURIST for _ in range(3)]
        for r in TOURIST:
            for k in range(2):
                agencies.append(self.new_acct(self.new_corp(r), R.choice(['ICBC', 'FUDIAN']), self.old_time((2, 12)),
                                              r, 'corp', arch='travel_agency', init=self.yuan(2e5)))
        for i in range(L['guide']):
            reg = R.choice(TOURIST)
            h, a = self.person_with_account('tour_guide', (23, 50), R.choice(['ICBC', 'ABC', 'YNRCC', 'FUDIAN']),
                                            home=reg, init_mu=8.8)
            a.region = reg
            self.count('tour_guide')
            ag = [x for x in agencies if x.region == reg]
            day = max(W0, a.opened + HOUR)
            d = day - (day - W0) % DAY
            while d < W1:
                dt = datetime.fromtimestamp(d, TZ)
                rate = .065
                if dt.month == 4 and 8 <= dt.day <= 20:
                    rate = .25
                elif dt.month in (7, 8):
                    rate = .16
                elif dt.month == 5 and dt.day <= 5:
                    rate = .3
                if R.random() < rate:
                    tot = 0
                    for k in range(R.randint(2, 8)):
                        v = self.yuan(self.ln(math.log(900), .8, 100, 8000), 10)
                        tot += v
                        self.sched(d + 9 * HOUR + R.randrange(11 * HOUR), self.far_person(),
                                   a, v, memo=R.choice(['团费', '自费项目', '门票', '代购', '']))
                    self.sched(d + 21 * HOUR + R.randrange(3 * HOUR), a, R.choice(ag),
                               int(tot * R.uniform(.7, .92)) // 100 * 100, memo='团款', policy='clamp')
                d += DAY
        # new employees: salary card at the payroll bank forwarded to the old card
        for i in range(L['salary_fwd']):
            if i % 6 == 0:
                emp = R.choice(self.firms)[0] if R.random() < .5 else R.choice(self.xemp)
                bank = R.choice(['ICBC', 'ABC', 'FUDIAN'])
                day = self.in_window_time(W0, W1 - 40 * DAY) - self.tod(BIZ_C)
                reg = emp.region
            h, old = self.person_with_account('salary_fwd_old_card', (21, 45), bank=R.choice(['CCB', 'CMB', 'YNRCC', 'ICBC', 'BOC']),
                                              init_mu=8.5)
            new = self.new_acct(h, bank, day + self.tod(BIZ_C), reg, 'I', arch='salary_forwarder')
            self.count('salary_forwarder')
            new.fwd = dict(delay=(20 * MIN, 30 * HOUR), keep=R.choice([0, 0, .02, .05]), round=100, reg=reg,
                           target=lambda x, o=old: (o, False, ''))
            sal = self.ln(math.log(5000), .3, 2600)
            for t in self.monthly(new.opened + 2 * DAY, W1, R.randint(8, 15), BIZ_C, 0):
                self.sched(t, emp, new, self.cents(sal * R.uniform(.95, 1.05)), ch='other', memo='工资',
                           policy='clamp', reg=emp.region)
            self.life('salaried', h, old, W1, income=False)
        # people moving money among their own cards
        for i in range(L['own_cards']):
            h, a = self.person_with_account('own_cards', (30, 60), init_mu=11.5)
            self.count('own_cards')
            others = [self.new_acct(h, b, self.old_time((1, 10)), a.region, c, arch='own_cards',
                                    init=self.yuan(self.ln(10, 1.0)))
                      for b, c in ((self.row_bank(), 'I'), ('ALIPAY', 'I'), (self.ext_bank(), 'I'))]
            cards = [a] + others
            emp = self.employer(a.region)
            sal = self.ln(math.log(12000), .4, 5000)
            for t in self.monthly(W0, W1, 10, BIZ_C, 0):
                self.sched(t, emp, a, self.cents(sal), ch='other', memo='工资', policy='clamp', reg=emp.region)
            for t in self.poisson(W0, W1, .08):
                x, y = R.sample(range(4), 2)
                v = self.yuan(self.ln(math.log(20000), 1.0, 1000, 500000), 100)
                self.sched(t, cards[x], cards[y], v, memo=R.choice(['', '理财', '还信用卡', '自转']), policy='clamp')
                if R.random() < .4:
                    z = R.choice([k for k in range(4) if k != y])
                    self.sched(t + R.randrange(60, 40 * MIN), cards[y], cards[z], v, policy='clamp')
            self.spend(a, W0, W1, .08, math.log(150), 1.0)
        # rotating savings groups (标会)
        for g in range(L['rosca']):
            reg = self.place()
            h, head = self.person_with_account('rosca_head', (40, 65), home=reg, init_mu=9.5)
            self.count('rosca_head')
            members = []
            for k in range(R.randint(8, 14)):
                if R.random() < .55:
                    hm, m = self.person_with_account('rosca_member', (30, 65), home=reg, init_mu=10.0)
                    self.count('rosca_member')
                    self.life('salaried', hm, m, W1)
                else:
                    m = self.ext_person(reg)
                members.append(m)
            stake = self.yuan(R.choice([1000, 2000, 3000, 5000]))
            order = list(members)
            R.shuffle(order)
            for mi, t in enumerate(self.monthly(W0, W1, R.randint(1, 25), BIZ_C, 0)):
                for m in members:
                    self.sched(t + R.randrange(0, 20 * HOUR), m, head, stake, memo='会钱')
                winner = order[mi % len(order)]
                self.sched(t + 22 * HOUR + R.randrange(HOUR), head, winner, stake * (len(members) - 1), memo='会钱',
                           policy='clamp')
        # weddings: bursts of gifts from relatives, then the banquet hall
        for i in range(L['wedding']):
            h, a = self.person_with_account('wedding', (24, 35), init_mu=9.5)
            self.count('wedding')
            wd = R.choice([T(2024, 5, 1), T(2024, 5, 2), T(2024, 5, 3)]) if R.random() < .3 else \
                self.in_window_time(W0 + 5 * DAY, W1 - 10 * DAY) // DAY * DAY
            wd = max(wd, W0 + 3 * DAY)
            tot = 0
            for k in range(R.randint(15, 60)):
                v = self.yuan(R.choice([200, 300, 500, 600, 666, 800, 888, 1000, 1200, 2000]))
                tot += v
                self.sched(wd - 2 * DAY + R.randrange(3 * DAY), self.ext_person(), a, v,
                           memo=R.choice(['新婚快乐', '份子钱', '礼金', '']))
            hall = self.merchant(a.region)
            self.sched(wd + 2 * DAY + R.randrange(3 * DAY), a, hall, int(tot * R.uniform(.6, 1.1)) // 100 * 100,
                       ch='pos', memo='酒席', policy='clamp')
            self.life('salaried', h, a, W1)

    # ------------------------------------------------------------ fraud
    def build_farmers(self):
        R = self.R
        n = 18 if self.variant != 'V2' else 16
        slow = self.variant == 'V2'
        for i in range(n):
            home = R.choice(FARM_HOMES)
            h, own = self.person_with_account('card_farmer_own', (19, 40), R.choice(['YNRCC', 'ABC', 'CCB']),
                                              home=home, init_mu=7.5)
            h.cf = 1
            self.farmers.append(h)
            self.count('card_farmer_own')
            self.life('farmer', h, own, W1)
            start = self.in_window_time(W0, W1 - 80 * DAY)
            if not slow:
                cities = R.sample(FARM_CITIES_FAR, R.randint(2, 4))
                t = start
                for c in cities:
                    for k in range(R.randint(2, 5)):
                        banks = ['ICBC', 'ABC', 'CCB', 'BOC', 'PSBC', 'CMB']
                        if c.startswith('53'):
                            banks += ['YNRCC', 'FUDIAN', 'FUDIAN']
                        b = R.choice(banks)
                        ot = t + R.randrange(0, 2 * DAY)
                        ot = ot - (ot - W0) % DAY + self.tod(BIZ_C)
                        card = self.new_acct(h, b, ot, c, R.choice(['I', 'I', 'II']), role='farmer_card',
                                             arch='farmer_card')
                        self.farm_cards.append(card)
                    t += R.randrange(DAY, 3 * DAY)
            else:
                t = start
                for k in range(R.randint(4, 8)):
                    c = R.choice([home, home, R.choice(KUNMING), self.place()])
                    b = R.choice(['ICBC', 'ABC', 'CCB', 'YNRCC', 'FUDIAN', 'PSBC'])
                    ot = t - (t - W0) % DAY + self.tod(BIZ_C)
                    card = self.new_acct(h, b, ot, c, R.choice(['I', 'II']), role='farmer_card', arch='farmer_card')
                    self.farm_cards.append(card)
                    t += R.randrange(3 * DAY, 12 * DAY)

    def pick_rented(self, afrom):
        R = self.R
        for _ in range(50):
            arch = R.choices(['salaried', 'farmer', 'student', 'dormant'], weights=[35, 25, 25, 15])[0]
            h, a = R.choice(self.persons[arch])
            if a.role == 'lawful' and a.opened < afrom - 60 * DAY and not a.victim:
                return a, arch
        return None, None

    def make_mule(self, ring, layer, afrom, ato, src):
        R = self.R
        v2 = self.variant == 'V2'
        a = None
        if src == 'farmer':
            cands = [c for c in self.farm_cards if c.layer == '' and c.opened < afrom - (20 if v2 else 7) * DAY]
            if cands:
                a = R.choice(cands)
                a.arch = '%s;farmer_card' % layer
            else:
                src = 'fresh'
        if src == 'rented':
            a, arch = self.pick_rented(afrom)
            if a is None:
                src = 'fresh'
            else:
                a.role = 'mule'
                a.arch = '%s;rented_old:%s' % (layer, arch)
                a.renter_card = self.new_acct(a.holder, self.ext_bank(), self.old_time((1, 5)), a.region, 'I',
                                              arch='renter_own_card')
        if src == 'fresh' or src == 'wallet':
            home = self.place() if R.random() < .7 else R.choice(NATION)
            h = self.new_person(home, (18, 35))
            ext = R.random() < .35
            bank = self.ext_bank() if ext else ('ALIPAY' if src == 'wallet' else self.row_bank((30, 25, 25, 20)))
            if src == 'wallet' and ext:
                bank = 'TENPAY'
            opened = afrom - R.randrange(DAY, (30 if v2 else 10) * DAY)
            opened = opened - (opened - W0) % DAY + self.tod(BIZ_C)
            a = self.new_acct(h, bank, opened, R.choice([home, self.place()]),
                              R.choice(['I', 'II']) if bank != 'ALIPAY' else R.choice(['I', 'II', 'III']),
                              role='mule', arch='%s;%s' % (layer, 'wallet' if src == 'wallet' else 'fresh_card'))
        if src == 'shell':
            reg = R.choice(KUNMING + ['533102', '532801', '532532'])
            h = self.new_corp(reg)
            bank = R.choice(['ICBC', 'ABC', 'FUDIAN', 'CCB', 'BOC'])
            a = self.new_acct(h, bank, afrom - R.randrange(5 * DAY, 90 * DAY), reg, 'corp', role='mule',
                              arch='%s;shell_company' % layer)
        a.layer, a.ring, a.afrom, a.ato, a.src = layer, ring, afrom, ato, src
        if layer == 'paofen':
            a.role = 'paofen'
            a.arch = 'paofen;' + a.arch.split(';')[-1]
        if v2:
            a.speed = 'slow' if R.random() < .85 else 'fast'
        else:
            a.speed = 'fast' if R.random() < (.8 if layer != 'L3' else .6) else 'slow'
        return a

    def build_rings(self):
        R = self.R
        v2 = self.variant == 'V2'
        mix = ([('fresh', 35), ('farmer', 20), ('rented', 20), ('wallet', 12), ('shell', 13)] if not v2 else
               [('rented', 62), ('fresh', 8), ('farmer', 12), ('wallet', 8), ('shell', 10)])
        srcs, ws = [m[0] for m in mix], [m[1] for m in mix]
        # U merchants (U商), shared
        for i in range(8):
            if R.random() < .6:
                h, a = self.person_with_account('ushang', (25, 45), R.choice(['ICBC', 'ABC', 'FUDIAN', 'ALIPAY']),
                                                home=R.choice(KUNMING + ['533102']), init_mu=11)
            else:
                h = self.new_person(R.choice(NATION), (25, 45))
                a = self.new_acct(h, self.ext_bank(), self.old_time((1, 6)), h.home, 'I')
            a.role, a.arch, a.layer = 'ushang', 'ushang', 'ushang'
            a.afrom, a.ato = W0, W1
            self.ushang.append(a)
            otc = [self.ext_person(R.choice(NATION)) for _ in range(5)]
            a.renter_card = otc
            for t in self.poisson(W0, W1, .5):
                self.sched(t, self.far_person(.5), a, self.yuan(self.ln(math.log(20000), .8, 1000), 100),
                           memo='', tag='ushang')
        nr = 11
        for r in range(nr):
            ring = Ring(r)
            ring.start = W0 + R.randrange(0, 90 * DAY)
            ring.end = min(W1 - 3 * DAY, ring.start + R.randrange(50, 120) * DAY)
            ring.cash_region = R.choice(LOCAL_CASH if v2 else FAR_CASH)
            ring.cash_w = ([('atm', 45), ('gold', 20), ('xborder', 10), ('ushang', 25)] if v2 else
                           [('atm', 35), ('gold', 10), ('xborder', 25), ('ushang', 30)])
            ring.abroad = [self.foreign_acct(R.choice(['KBZ', 'AYA', 'ABA']), 'fraud_abroad') for _ in range(3)]
            ring.gold = self.ext_corp(GOLD_LOCAL if v2 else GOLD_FAR, 'CCB', 'gold_shop')
            span = ring.end - ring.start

            def window(frac_lo, frac_hi, dur):
                a0 = ring.start + int(span * R.uniform(frac_lo, frac_hi))
                return a0, min(ring.end, a0 + dur)

            for i in range(R.randint(12, 24)):
                a0, a1 = window(0, .85, R.randrange(7, 35) * DAY)
                ring.L1.append(self.make_mule(ring, 'L1', a0, a1, R.choices(srcs, weights=ws)[0]))
            for i in range(R.randint(4, 8)):
                a0, a1 = window(0, .6, R.randrange(20, 70) * DAY)
                s = R.choices(srcs, weights=ws)[0]
                ring.L2.append(self.make_mule(ring, 'L2', a0, a1, s))
            for i in range(R.randint(2, 5)):
                a0, a1 = window(0, .5, R.randrange(30, 90) * DAY)
                ring.L3.append(self.make_mule(ring, 'L3', a0, a1, R.choice(['fresh', 'shell', 'rented', 'farmer'])))
            # backbone accounts active for the whole ring (external, opened long ago)
            for lst, layer in ((ring.L2, 'L2'), (ring.L3, 'L3')):
                h = self.new_person(R.choice(NATION), (20, 40))
                b = self.new_acct(h, self.ext_bank(), self.old_time((1, 4)), h.home, 'I', role='mule',
                                  arch='%s;fresh_card' % layer)
                b.layer, b.ring, b.afrom, b.ato, b.src = layer, ring, ring.start, ring.end, 'fresh'
                b.speed = 'fast' if not v2 else 'slow'
                lst.append(b)
            if R.random() < .6:
                for i in range(R.randint(5, 12)):
                    a0, a1 = window(0, .8, R.randrange(10, 40) * DAY)
                    src = 'rented' if R.random() < (.6 if v2 else .4) else 'fresh'
                    p = self.make_mule(ring, 'paofen', a0, a1, src)
                    p.speed = 'fast'
                    ring.paofen.append(p)
            # operator
            if R.random() < .5:
                h, op = self.person_with_account('operator', (25, 45), R.choice(['ICBC', 'FUDIAN']),
                                                 home=R.choice(BORDER + KUNMING), init_mu=9)
            else:
                h = self.new_person(R.choice(NATION + BORDER), (25, 45))
                op = self.new_acct(h, self.ext_bank(), self.old_time((1, 6)), h.home, 'I')
            op.role, op.arch, op.layer, op.ring = 'operator', 'operator', 'operator', ring
            op.afrom, op.ato = ring.start, ring.end
            ring.ops.append(op)
            t = ring.start + 7 * DAY
            while t < ring.end + 10 * DAY:
                self.push(self.at_day(t), self.operator_week, ring, op)
                t += 7 * DAY
            # gambling players paying 跑分 accounts
            for p in ring.paofen:
                for t in self.poisson(max(p.afrom, p.opened + HOUR), p.ato, R.uniform(.3, 1.2), EVE_C):
                    self.sched(t, self.far_person(.5), p, self.yuan(self.ln(math.log(300), .9, 20, 5000)),
                               tag='paofen')
            self.rings.append(ring)

    def build_victims(self):
        R = self.R
        nv = 430
        typw = [x[1] for x in TYPOLOGIES]
        affin = {'police_gov': ['pensioner', 'pensioner', 'salaried'], 'credit_record': ['student', 'salaried'],
                 'brushing': ['student', 'salaried', 'salaried'], 'game_trade': ['student'],
                 'loan_card': ['farmer', 'salaried'], 'fake_job': ['student', 'farmer'],
                 'military_purchase': ['salaried']}
        for i in range(nv):
            typ = R.choices(TYPOLOGIES, weights=typw)[0]
            tid, _, npay, span, mu, sd, g = typ
            n = R.randint(*npay)
            amts = []
            a1 = self.ln(mu, sd, 50, 2e6)
            for k in range(n):
                v = a1 * (g ** k) * R.uniform(.8, 1.2)
                step = 1000 if v > 20000 else (100 if v > 2000 else 10)
                amts.append(self.yuan(v, step))
            tot = sum(amts)
            t0 = W0 + R.randrange(3 * DAY, 166 * DAY)
            t0 = self.at_day(t0)
            spanh = R.uniform(*span)
            times = [t0] + sorted(t0 + int(R.uniform(0.02, 1.0) * spanh * HOUR) for _ in range(n - 1))
            rings = [r for r in self.rings if r.start <= t0 < r.end] or self.rings
            ring = R.choice(rings)
            if R.random() < .58:
                arch = R.choice(affin.get(tid, ['salaried', 'pensioner', 'farmer', 'salaried']))
                for _ in range(30):
                    h, a = R.choice(self.persons[arch])
                    if a.role == 'lawful' and not a.victim and a.opened < W0:
                        break
                else:
                    continue
                a.init += tot + self.yuan(R.uniform(100, 3000))
                a.bal = a.init
            else:
                h = self.new_person(R.choice(NATION) if R.random() < .7 else self.place(), (20, 75))
                a = self.new_acct(h, self.ext_bank(), self.old_time(), h.home, 'I', arch='victim_external')
            a.victim = tid
            a.arch = (a.arch or 'counterparty') + ';victim=' + tid
            rep = R.random() < (.5 if self.variant == 'V2' else .55)
            self.victims.append((a, tid, rep))
            for k in range(n):
                self.push(times[k], self.victim_pay, a, ring, amts[k], tid)

    def pick(self, lst, t):
        act = [m for m in lst if m.opened <= t and m.afrom <= t <= m.ato]
        if not act:
            act = [m for m in lst if m.opened <= t and m.afrom <= t + 5 * DAY]
        if not act:
            act = [m for m in lst if m.opened <= t]
        return self.R.choice(act) if act else None

    def victim_pay(self, t, v, ring, amt, typ):
        R = self.R
        tgt = None
        if typ in SMALL_TYPS and ring.paofen and amt <= 500000:
            tgt = self.pick(ring.paofen, t)
        if tgt is None:
            tgt = self.pick(ring.L1, t)
        if tgt is None:
            return
        ch = 'mobile'
        if typ == 'police_gov' and R.random() < .3:
            ch = 'counter'
        elif typ in ('subsidy_refund',):
            ch = 'atm'
        elif R.random() < .2:
            ch = 'online'
        memo = R.choice(['', '', '', '货款', '还款', '投资款', '保证金', '解冻费']) if typ != 'police_gov' else \
            R.choice(['', '安全账户', '资金清查'])
        self.tx(t, v, tgt, amt, ch, v.region, memo, 'victim_payment', 'clamp', victim=v)

    def mule_delay(self, m):
        R = self.R
        if m.speed == 'fast':
            return int(self.ln(math.log(8 * MIN), .8, 40, 3 * HOUR))
        if self.variant == 'V2':
            return int(self.ln(math.log(14 * HOUR), 1.0, HOUR, 5 * DAY))
        return int(self.ln(math.log(4 * HOUR), .8, 40 * MIN, 30 * HOUR))

    def mule_recv(self, t, m, amt):
        m.pending += amt
        if not m.sched:
            m.sched = True
            self.push(t + self.mule_delay(m), self.mule_fwd, m)

    def split(self, A, k):
        R = self.R
        if k <= 1:
            return [A]
        ws = [R.uniform(.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = [int(A * w / s) // 100 * 100 for w in ws[:-1]]
        parts.append(A - sum(parts))
        return [p for p in parts if p > 0]

    def mule_fwd(self, t, m):
        R = self.R
        m.sched = False
        A = m.pending
        if m.row:
            A = min(A, m.bal)
        m.pending = 0
        if A < 100:
            return
        ring = m.ring
        if m.layer == 'ushang':
            for p in self.split(A, R.randint(1, 3)):
                self.tx(t, m, R.choice(m.renter_card), p, 'mobile', m.region, '', 'ushang', 'clamp')
                t += R.randrange(60, 1200)
            return
        keep = int(A * (R.uniform(.005, .02) if m.layer in ('paofen',) else R.uniform(0, .01)))
        A -= keep
        if R.random() < .5:
            A -= A % 100
        if A < 100:
            return
        if m.layer in ('L1', 'paofen'):
            tag = 'paofen' if m.layer == 'paofen' else 'layering'
            nxt = self.pick(ring.L2, t)
            for p in self.split(A, R.choice([1, 1, 2, 2, 3])):
                tgt = nxt if R.random() < .6 else (self.pick(ring.L2, t) or nxt)
                self.tx(t, m, tgt, p, R.choice(['mobile', 'online']), m.region, '', tag, 'clamp')
                t += R.randrange(20, 300)
        elif m.layer == 'L2':
            if ring.ops and R.random() < .3:
                sk = int(A * R.uniform(.02, .05)) // 100 * 100
                if sk >= 100:
                    self.tx(t, m, ring.ops[0], sk, 'online', m.region, '', 'layering', 'clamp')
                    A -= sk
            if R.random() < .2:
                self.tx(t + 60, m, R.choice(self.ushang), A, 'online', m.region, '', 'ushang', 'clamp')
                return
            for p in self.split(A, R.choice([1, 1, 2, 3])):
                self.tx(t, m, self.pick(ring.L3, t), p, R.choice(['mobile', 'online']), m.region, '', 'layering',
                        'clamp')
                t += R.randrange(30, 600)
        elif m.layer == 'L3':
            how = R.choices([c[0] for c in ring.cash_w], weights=[c[1] for c in ring.cash_w])[0]
            if how == 'atm':
                self.atm_out(t, m, A, ring)
            elif how == 'gold':
                self.tx(t + R.randrange(HOUR, 5 * HOUR), m, ring.gold, A, 'pos', ring.gold.region, '黄金',
                        'cashout', 'clamp')
            elif how == 'xborder':
                self.tx(t, m, R.choice(ring.abroad), A, 'online', m.region, '货款', 'cashout', 'clamp', cross=True)
            else:
                self.tx(t, m, R.choice(self.ushang), A, 'online', m.region, '', 'ushang', 'clamp')

    def atm_out(self, t, m, A, ring):
        R = self.R
        t += R.randrange(20 * MIN, 3 * HOUR)
        day_used, day = 0, t - (t - W0) % DAY
        left = A
        n = 0
        while left >= 100 * 100 and n < 60:
            chunk = R.choice([2000, 2500, 3000, 5000]) * 100
            chunk = min(chunk, left - left % 10000)
            if chunk < 10000:
                break
            if day_used + chunk > 20000 * 100:
                day += DAY
                t = day + R.randrange(9 * HOUR, 22 * HOUR)
                day_used = 0
                continue
            self.sched(t, m, None, chunk, ch='atm', reg=ring.cash_region, kind='withdrawal', tag='cashout',
                       policy='clamp')
            day_used += chunk
            left -= chunk
            t += R.randrange(40, 240)
            n += 1

    def operator_week(self, t, ring, op):
        R = self.R
        dt = datetime.fromtimestamp(t, TZ)
        if dt.day <= 7:
            for m in ring.L1 + ring.L2 + ring.L3 + ring.paofen:
                if m.src == 'rented' and m.renter_card is not None and m.afrom <= t:
                    self.tx(t + R.randrange(0, HOUR), op, m.renter_card, self.yuan(R.choice([1500, 2000, 3000])),
                            'mobile', op.region, '', 'layering', 'clamp')
        bal = op.bal if op.row else op.pending + int(R.uniform(2e4, 8e4) * 100)
        v = int(bal * .8) // 100 * 100
        if v >= 10000:
            self.tx(t + HOUR, op, R.choice(ring.abroad), v, 'online', op.region, '', 'cashout', 'clamp', cross=True)

    # ------------------------------------------------------------ run
    def build(self):
        self.build_merchants()
        self.build_firms()
        self.ext_employers()
        self.build_ordinary()
        self.build_lookalikes()
        self.build_farmers()
        self.build_rings()
        self.build_victims()
        self.schedule_ordinary()

    def run(self):
        h = self.heap
        while h:
            t, _, fn, args = heapq.heappop(h)
            fn(t, *args)

    def finish(self):
        R = self.R
        # opening balances of accounts with rows
        for a in self.accts.values():
            if not a.row:
                continue
            op = a.init + a.pre_true - sum(a.pre_list)
            run, low = op, op
            for d in a.pre_list:
                run += d
                low = min(low, run)
            if low < 0:
                op -= low
            a.opening = op
        # labels
        self.labels = []
        rep = {}
        for a, typ, r in self.victims:
            rep[a.id] = r
        for tid, v in self.victim_tx:
            if rep.get(v.id) and R.random() < .9:
                self.labels.append(('transfer', tid, 'fraud'))
        lp = {'L1': .5, 'L2': .35, 'L3': .3, 'paofen': .3, 'ushang': .25, 'operator': .2}
        for a in self.accts.values():
            if a.role == 'lawful' or not (a.row or a.seen):
                continue
            if a.role == 'farmer_card' and not a.layer:
                p = .1 if a.row else 0
            else:
                p = lp.get(a.layer, .3)
                if self.variant == 'V2':
                    p *= .85
            if R.random() < p:
                a.label = 1
                self.labels.append(('account', a.id, 'mule'))
        for h in self.farmers:
            if any(c.row for c in h.accts) and R.random() < .45:
                h.flabel = 1
                self.labels.append(('holder', h.id, 'card_farmer'))

    # ------------------------------------------------------------ output
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in self.accts.values():
                if a.row:
                    w.writerow([a.id, a.bank, a.holder.id, fmt_ts(a.opened), a.region, a.cls, fmt_amt(a.opening),
                                'active'])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for (tid, t, fr, to, amt, ch, reg, kind, memo, cross) in self.rows:
                w.writerow([tid, fmt_ts(t), fr, to, fmt_amt(amt), 'CNY', ch, reg or '530102', kind, memo,
                            'true' if cross else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for r in self.labels:
                w.writerow(r)
        if not truth:
            return
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for code in INST_NAMES:
                w.writerow(['institution', code, code, '', 1 if code in SUPPLY else 0, '', INST_NAMES[code], '', '',
                            '', '', fmt_ts(SUPPLY[code]) if code in SUPPLY else ''])
            for a in self.accts.values():
                if not (a.row or a.seen):
                    continue
                w.writerow(['account', a.id, a.bank, a.holder.id, 1 if a.row else 0, a.role, a.arch or 'counterparty',
                            a.holder.cf, fmt_ts(a.opened), a.label, a.holder.flabel, ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for r in self.fraud_tx:
                w.writerow(r)

    def stats(self):
        rows = sum(1 for a in self.accts.values() if a.row)
        ext = sum(1 for a in self.accts.values() if not a.row and a.seen)
        lab = {}
        for k, i, l in self.labels:
            lab[l] = lab.get(l, 0) + 1
        fk = {}
        for i, k in self.fraud_tx:
            fk[k] = fk.get(k, 0) + 1
        roles = {}
        for a in self.accts.values():
            if a.row or a.seen:
                key = a.role + ('/row' if a.row else '/ext')
                roles[key] = roles.get(key, 0) + 1
        vrow = sum(1 for v, t, r in self.victims if v.row)
        print('variant=%s seed=%d' % (self.variant, self.seed))
        print('accounts_with_rows=%d external_accounts_seen=%d transfers=%d' % (rows, ext, len(self.rows)))
        print('victims=%d (with rows %d, reported %d) victim_transfers_written=%d' % (
            len(self.victims), vrow, sum(1 for v, t, r in self.victims if r), len(self.victim_tx)))
        print('fraud_transfers=%s' % ' '.join('%s:%d' % kv for kv in sorted(fk.items())))
        print('labels=%s' % ' '.join('%s:%d' % kv for kv in sorted(lab.items())))
        print('roles=%s' % ' '.join('%s:%d' % kv for kv in sorted(roles.items())))
        print('card_farmers=%d farmer_cards=%d (with rows %d, used %d)' % (
            len(self.farmers), len(self.farm_cards), sum(1 for c in self.farm_cards if c.row),
            sum(1 for c in self.farm_cards if c.layer)))
        print('archetypes=%s' % ' '.join('%s:%d' % kv for kv in sorted(self.arch_count.items())))


def verify(out):
    ok = True
    errs = []
    accts = {}
    with open(os.path.join(out, 'accounts.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            accts[r['account_id']] = r
            if not valid_id(r['holder_id']):
                errs.append('bad holder id %s' % r['holder_id'])
            if r['account_class'] in ('I', 'II', 'III') and r['bank'] != 'ALIPAY' and not luhn_ok(r['account_id']):
                errs.append('bad Luhn %s' % r['account_id'])
    bal = {k: int(round(float(v['opening_balance']) * 100)) for k, v in accts.items()}
    opened = {k: datetime.fromisoformat(v['opened_at']) for k, v in accts.items()}
    n = 0
    ids = set()
    with open(os.path.join(out, 'transfers.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            n += 1
            if r['txn_id'] in ids:
                errs.append('dup txn %s' % r['txn_id'])
            ids.add(r['txn_id'])
            ts = datetime.fromisoformat(r['ts'])
            amt = int(round(float(r['amount']) * 100))
            if amt <= 0:
                errs.append('non-positive amount %s' % r['txn_id'])
            for k, sign in ((r['from_account'], -1), (r['to_account'], 1)):
                if k in accts:
                    if ts < opened[k]:
                        errs.append('transfer %s before opening of %s' % (r['txn_id'], k))
                    bal[k] += sign * amt
                    if bal[k] < 0:
                        errs.append('negative balance %s at %s' % (k, r['txn_id']))
    for e in errs[:20]:
        print('VERIFY:', e, file=sys.stderr)
    print('verify: %d accounts, %d transfers, %d problems' % (len(accts), n, len(errs)))
    return not errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--variant', choices=VARIANTS, default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--verify', action='store_true')
    a = ap.parse_args()
    w = World(a.variant, a.seed)
    w.build()
    w.run()
    w.finish()
    w.write(a.out, a.truth)
    if a.stats:
        w.stats()
    if a.verify and not verify(a.out):
        sys.exit(2)


if __name__ == '__main__':
    main()
