#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""Pearl River Delta + Chaoshan synthetic evaluation world (worlds18) for fanzha.

Standard library only.  Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange
format v1) and, with --truth, truth.csv and truth_transfers.csv.  See README.md next to this file.
"""
import argparse
import csv
import heapq
import os
import sys
from datetime import datetime, timedelta, timezone
import random

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 11, 1, tzinfo=TZ)          # day 0
DAYS = 181                                      # 2024-11-01 .. 2025-04-30
DAY = 86400
SF = 89                                         # 2025-01-29 春节 (day index)
END = DAYS * DAY

# ----------------------------------------------------------------------------- geography (GB/T 2260)
DG = '441900'; ZS = '442000'
FOSHAN = ['440604', '440605', '440606', '440607', '440608']
SHANTOU = ['440507', '440511', '440512', '440513', '440514', '440515', '440523']
JIEYANG = ['445202', '445203', '445222', '445224', '445281']
SHANWEI = ['441502', '441521', '441523', '441581']
PRD = [DG, ZS] + FOSHAN
CHAOSHAN = SHANTOU + JIEYANG + SHANWEI
REGION_ALL = PRD + CHAOSHAN
HOT_LOCAL = ['441581', '445281', '445224', '440514', '441521']   # 陆丰 普宁 惠来 潮南 海丰
BORDER = ['533102', '530926', '450681', '451481']                 # 瑞丽 耿马 东兴 凭祥
HOT_FAR = ['460400', '350524', '431321', '361127', '450126']      # 儋州 安溪 双峰 余干 宾阳
HOMETOWNS = ['450981', '430481', '511324', '520502', '360731', '411525', '421181', '440881',
             '441481', '431321', '522622', '450126']
FARMER_HOMES = ['421083', '411623', '430582', '450126', '522622', '360124']
FAR_CITIES = ['440106', '440305', '440303', '440111', '110105', '310115', '510107', '420111',
              '330106', '430104', '450103', '410105', '610113', '320106', '440402']


def live_group(r):
    if r == DG:
        return 'DG'
    if r in FOSHAN:
        return 'FS'
    if r == ZS:
        return 'ZS'
    if r in CHAOSHAN:
        return 'CS'
    return 'OUT'


def city_of(r):
    if r in FOSHAN:
        return 'FS'
    if r in SHANTOU:
        return 'ST'
    if r in JIEYANG:
        return 'JY'
    if r in SHANWEI:
        return 'SW'
    return r


# ----------------------------------------------------------------------------- institutions
# code, name, type, extract start (day index) or None, card BIN, card length
INST = [
    ('ICBC', '中国工商银行', 'state_bank', 0, '622202', 19),
    ('ABC', '中国农业银行', 'state_bank', None, '622848', 19),
    ('CCB', '中国建设银行', 'state_bank', None, '621700', 19),
    ('BOC', '中国银行', 'state_bank', None, '621661', 19),
    ('PSBC', '中国邮政储蓄银行', 'state_bank', None, '621799', 19),
    ('CMB', '招商银行', 'joint_stock_bank', 10, '622588', 16),
    ('PAB', '平安银行', 'joint_stock_bank', None, '622155', 16),
    ('CIB', '兴业银行', 'joint_stock_bank', None, '622909', 16),
    ('DGB', '东莞银行', 'city_commercial_bank', 19, '623166', 16),
    ('GDRC', '广东农信', 'rural_credit_union', 26, '621017', 19),
    ('SDRCB', '顺德农商银行', 'rural_commercial_bank', 33, '622322', 19),
    ('TENPAY', '财付通', 'payment_firm', 40, None, None),
    ('ALIPAY', '支付宝', 'payment_firm', None, None, None),
]
START = {c: (None if s is None else s * DAY) for c, _, _, s, _, _ in INST}
BIN = {c: (b, n) for c, _, _, _, b, n in INST}
BANKS = [c for c, _, t, _, _, _ in INST if t != 'payment_firm']
BANK_W = {
    'DG': [14, 12, 10, 6, 6, 8, 5, 4, 22, 8, 1],
    'FS': [14, 11, 9, 6, 5, 9, 5, 4, 1, 10, 20],
    'ZS': [15, 13, 11, 8, 6, 9, 6, 5, 3, 18, 3],
    'CS': [13, 11, 9, 7, 8, 7, 5, 5, 1, 30, 1],
    'HOME': [20, 20, 25, 10, 25, 0, 0, 0, 0, 0, 0],
    'OUT': [20, 20, 20, 10, 10, 10, 5, 5, 0, 0, 0],
}

VARIANTS = ('baseline', 'yinbi', 'xiangsi')


def luhn_complete(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return body + str((10 - s % 10) % 10)


def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'


def id_check(body17):
    return ID_C[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check(body17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W))
    c = 31 - s % 31
    return USCC_CH[0 if c == 31 else c]


def org_check(body8):
    s = sum(int(c) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


# ----------------------------------------------------------------------------- model objects
class Person:
    __slots__ = ('pid', 'hid', 'live', 'home', 'arch', 'cards', 'wallet', 'alipay', 'byear',
                 'victim', 'farmer', 'leaves', 'corp', 'family', 'employer')

    def __init__(self, pid, hid, live, home, arch, byear, corp=False):
        self.pid = pid; self.hid = hid; self.live = live; self.home = home; self.arch = arch
        self.cards = []; self.wallet = None; self.alipay = None; self.byear = byear
        self.victim = None; self.farmer = False; self.leaves = None; self.corp = corp
        self.family = None; self.employer = None


class Acc:
    __slots__ = ('id', 'bank', 'p', 'opened', 'region', 'cls', 'role', 'arch', 'row', 'start', 'bal',
                 'gang', 'layer', 'af', 'at', 'pending', 'sched', 'sold', 'sold_mode', 'rep',
                 'fraud_in', 'is_card', 'first_bal', 'seen', 'closed')

    def __init__(self, aid, bank, p, opened, region, cls, role, arch, is_card):
        self.id = aid; self.bank = bank; self.p = p; self.opened = opened; self.region = region
        self.cls = cls; self.role = role; self.arch = arch; self.is_card = is_card
        self.row = START.get(bank) is not None
        self.start = START.get(bank)
        self.bal = 0; self.gang = None; self.layer = 0; self.af = 10 ** 12; self.at = 0
        self.pending = 0; self.sched = False; self.sold = None; self.sold_mode = None
        self.rep = False; self.fraud_in = False; self.first_bal = None; self.seen = False
        self.closed = False


class World:
    def __init__(self, variant, seed):
        self.variant = variant; self.seed = seed
        self.R = random.Random('pearl:%s:%d' % (variant, seed))
        self.people = []; self.accs = []; self.acc_ids = {}; self.hids = {}
        self.intents = []          # lawful / scripted transfers
        self.rows = []             # written transfers
        self.ttruth = []           # (txn_id, kind)
        self.seq = 0
        self.n_txn = 0
        self.heap = []
        self.gangs = []
        self.victims = []
        self.farmers = []
        self.ushang = []
        self.sanfang = []
        self.gold_shops = []
        self.loan_apps = []
        self.labels_extra = []

    # ------------------------------------------------------------------ identities
    def new_hid(self, region, byear):
        R = self.R
        while True:
            d = datetime(byear, 1, 1) + timedelta(days=R.randrange(365))
            body = '%s%s%03d' % (region, d.strftime('%Y%m%d'), R.randrange(1, 1000))
            h = body + id_check(body)
            if h not in self.hids:
                self.hids[h] = 1
                return h

    def new_uscc(self, region, kind='91'):
        R = self.R
        while True:
            org = ''.join(R.choice('0123456789') for _ in range(8))
            body = kind + region + org + org_check(org)
            h = body + uscc_check(body)
            if h not in self.hids:
                self.hids[h] = 1
                return h

    def person(self, arch, live, home=None, byear=None, corp=False):
        R = self.R
        home = home or live
        if byear is None:
            byear = R.randint(1960, 2004)
        hid = self.new_uscc(live, '92' if arch in ('shop_ind',) else '91') if corp else self.new_hid(home, byear)
        p = Person(len(self.people), hid, live, home, arch, byear, corp)
        self.people.append(p)
        return p

    # ------------------------------------------------------------------ accounts
    def new_acc_id(self, bank, kind):
        R = self.R
        while True:
            if bank == 'TENPAY':
                aid = 'TP' + ''.join(R.choice('0123456789') for _ in range(16))
            elif bank == 'ALIPAY':
                aid = 'AP' + ''.join(R.choice('0123456789') for _ in range(16))
            elif kind == 'corp':
                aid = luhn_complete('%02d' % (BANKS.index(bank) + 10) + '0' +
                                    ''.join(R.choice('0123456789') for _ in range(14)))
            else:
                b, n = BIN[bank]
                aid = luhn_complete(b + ''.join(R.choice('0123456789') for _ in range(n - len(b) - 1)))
            if aid not in self.acc_ids:
                return aid

    def acc(self, p, bank, opened, region, cls='I', role='lawful', arch=None, kind='card'):
        aid = self.new_acc_id(bank, kind)
        a = Acc(aid, bank, p, opened, region, cls, role, arch or p.arch,
                kind == 'card' and bank not in ('TENPAY', 'ALIPAY'))
        self.acc_ids[aid] = a
        self.accs.append(a)
        return a

    def old_open(self, lo_year=2008):
        R = self.R
        d = datetime(R.randint(lo_year, 2023), 1, 1, tzinfo=TZ) + timedelta(days=R.randrange(365),
                                                                          seconds=R.randrange(9 * 3600, 17 * 3600))
        return int((d - T0).total_seconds())

    def bank_for(self, grp):
        return self.R.choices(BANKS, weights=BANK_W[grp])[0]

    # ------------------------------------------------------------------ scheduling helpers
    def tday(self, d, h0=8.0, h1=22.0):
        return int(d * DAY + self.R.uniform(h0, h1) * 3600)

    def L(self, t, frm, to, amt, ch='mobile', reg=None, kind='transfer', memo='', tag=None):
        if amt <= 0 or t < 0 or t >= END:
            return
        self.seq += 1
        self.heap.append((t, self.seq, 'L', (frm, to, int(amt), ch, reg, kind, memo, tag)))

    def push(self, t, code, args):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, code, args))

    # ------------------------------------------------------------------ execution
    def xfer(self, t, frm, to, amt, ch, reg, kind, memo, fk=None):
        """Execute one transfer (fen).  Returns the executed amount (0 if skipped)."""
        if frm is not None:
            if t < frm.opened:
                return 0
            if frm.row:
                amt = min(amt, frm.bal)
            elif amt >= 10 ** 9:          # 'move everything' from an account whose balance is not modelled
                amt = int(self.R.uniform(1000, 50000)) * 100
        if to is not None and t < to.opened:
            return 0
        if amt < 100:
            return 0
        if frm is not None and frm.row:
            frm.bal -= amt
        if to is not None and to.row:
            to.bal += amt
        written = False
        if t >= 0:
            for a in (frm, to):
                if a is not None and a.row and t >= a.start:
                    written = True
                    break
        if written:
            self.n_txn += 1
            tid = 'PW%07d' % self.n_txn
            self.rows.append((t, tid, frm, to, amt, ch, reg, kind, memo))
            for a in (frm, to):
                if a is not None:
                    a.seen = True
            if fk:
                self.ttruth.append((tid, fk))
        return amt

    def redirect(self, a, t):
        if a is None or a.sold is None or a.sold_mode != 'stops' or t < a.sold:
            return a
        for b in a.p.cards:
            if b is not a and b.sold is None and b.opened <= t:
                return b
        return None

    def run(self):
        heapq.heapify(self.heap)
        H = self.heap
        while H:
            t, _, code, args = heapq.heappop(H)
            if code == 'L':
                frm, to, amt, ch, reg, kind, memo, tag = args
                if kind == 'transfer' and (frm is None or to is None):
                    continue
                if kind == 'withdrawal' and frm is None:
                    continue
                if frm is not None and frm.sold is not None:
                    frm2 = self.redirect(frm, t)
                    if frm2 is None:
                        continue
                    frm = frm2
                if to is not None and to.sold is not None:
                    to2 = self.redirect(to, t)
                    if to2 is None:
                        continue
                    to = to2
                if reg is None:
                    reg = (frm or to).p.live if (frm or to).p else (frm or to).region
                self.xfer(t, frm, to, amt, ch, reg, kind, memo, tag)
            elif code == 'V':
                self.victim_pay(t, *args)
            elif code == 'F':
                self.forward(t, args)
            elif code == 'A':
                self.atm(t, *args)
            elif code == 'X':
                frm, to, amt, ch, reg, memo, fk = args
                got = self.xfer(t, frm, to, amt, ch, reg, 'transfer', memo, fk)
                if got and frm is not None and frm.pending:
                    frm.pending = max(0, frm.pending - got)
            elif code == 'W':
                self.xfer(t, args[0], None, args[1], 'atm', args[0].region, 'withdrawal', '', 'cashout')
            elif code == 'P':
                self.part(t, *args)
            elif code == 'O':
                self.operator_out(t, args)

    # ------------------------------------------------------------------ fraud mechanics
    def pick(self, g, layer, t, kinds=None):
        pool = g['pools'][layer]
        c = [a for a in pool if a.af <= t < a.at and (kinds is None or a.arch.split(';')[0] in kinds)]
        if not c:
            c = [a for a in pool if a.af <= t < a.at]
        if not c:
            c = g['spare'][layer]
        return self.R.choice(c)

    def receive(self, t, a, amt, rep):
        if a.role not in ('mule', 'farmer_card', 'paofen'):
            return
        a.pending += amt
        a.fraud_in = True
        if rep:
            a.rep = True
        if not a.sched:
            a.sched = True
            g = self.gangs[a.gang]
            lo, hi = g['delay']
            if a.role == 'paofen':
                lo, hi = 60, 900
            self.push(t + int(self.R.uniform(lo, hi)), 'F', a)

    def victim_pay(self, t, v, src, amt, ch, dest, memo):
        R = self.R
        g = self.gangs[v['gang']]
        if dest == 'sanfang':
            to = R.choice(self.sanfang)
        elif dest == 'ushang':
            to = R.choice(self.ushang[:6] if self.variant != 'yinbi' else self.ushang)
        else:
            to = self.pick(g, 1, t, dest)
        reg = src.p.live if src.p else src.region
        if ch == 'counter' and src.row is False:
            reg = src.region
        got = self.xfer(t, src, to, amt, ch, reg, 'transfer', memo, 'victim_payment')
        if not got:
            return
        v['paid'] += got
        v['dests'].append(to)
        if to.role == 'ushang':
            if v['reported']:
                to.rep = True
            to.fraud_in = True
            return
        if to in self.sanfang:
            if v['reported']:
                to.rep = True
            to.fraud_in = True
            return
        self.receive(t, to, got, v['reported'])
        if v.get('rebate') and v['rebate'] > 0:
            back = min(int(got * R.uniform(1.05, 1.25)), got + 30000)
            v['rebate'] -= 1
            self.push(t + R.randint(300, 2400), 'X', (to, src, back, 'mobile', to.region, '佣金返利', 'layering'))

    def forward(self, t, a):
        R = self.R
        a.sched = False
        amt = a.pending
        if a.row:
            amt = min(amt, a.bal)
        if amt < 100:
            a.pending = 0
            return
        g = self.gangs[a.gang]
        night = R.random() < g['night']
        if a.role == 'paofen':
            keep = int(amt * R.uniform(0.01, 0.03))
            amt -= keep
            a.pending = 0
            self.push(t, 'P', (a, None, amt, 'mobile', a.p.live, '', 'paofen', 2))
            return
        if a.layer < g['hops'] and a.layer < 3:
            k = R.choice(g['split'])
            parts = split_amt(R, amt, k)
            tt = t
            reg = a.p.live if a.row else a.region
            for part in parts:
                self.push(tt, 'P', (a, None, part, 'mobile' if R.random() < 0.7 else 'online', reg,
                                    R.choice(g['memos']), 'layering', a.layer + 1))
                tt += R.randint(20, 600) if not night else R.randint(60, 1800)
            a.pending = max(0, a.pending - amt)
            return
        # exit
        ex = R.choices(['atm', 'gold', 'ushang', 'operator'], weights=g['exits'])[0]
        if ex == 'atm' and not a.is_card:
            ex = 'ushang' if R.random() < 0.5 else 'operator'
        if ex == 'atm':
            a.pending = 0
            reg = R.choice(g['cash_regions'])
            self.push(t + R.randint(600, 3 * 3600), 'A', (a, amt, reg, 0))
            return
        if ex == 'gold':
            to = R.choice(self.gold_shops); fk = 'cashout'; memo = R.choice(['黄金', '金条', '首饰', ''])
        elif ex == 'ushang':
            to = R.choice(self.ushang); fk = 'ushang'; memo = R.choice(['', '货款', 'U', '还款'])
        else:
            to = R.choice(g['operators']); fk = 'cashout'; memo = ''
        parts = split_amt(R, amt, 1 if amt < 5000000 else R.choice([1, 2, 3]))
        tt = t
        for part in parts:
            self.push(tt, 'P', (a, to, part, 'mobile', a.p.live if a.row else a.region, memo, fk, 0))
            tt += R.randint(30, 900)
        a.pending = 0

    def part(self, t, a, to, amt, ch, reg, memo, fk, layer):
        if to is None:
            to = self.pick(self.gangs[a.gang], layer, t)
            if to is a:
                return
        got = self.xfer(t, a, to, amt, ch, reg, 'transfer', memo, fk)
        if not got:
            return
        if fk in ('layering', 'paofen'):
            self.receive(t + 1, to, got, a.rep)
        elif to.role in ('ushang', 'operator'):
            to.fraud_in = True
            to.rep = to.rep or a.rep
            if to.role == 'operator' and to.row:
                self.push(t + self.R.randint(3600, 5 * DAY), 'O', to)

    def atm(self, t, a, remaining, reg, day_used):
        R = self.R
        lim = self.gangs[a.gang]['atm_day']
        chunk = min(remaining, R.choice([2000, 2500, 3000, 5000, 5000]) * 100)
        chunk = (chunk // 10000) * 10000
        if chunk <= 0:
            return
        got = self.xfer(t, a, None, chunk, 'atm', reg, 'withdrawal', '', 'cashout')
        if got == 0:
            return
        remaining -= got
        day_used += got
        if remaining < 10000:
            return
        if day_used + 200000 > lim:
            nd = (t // DAY + 1) * DAY + R.randint(0, 6 * 3600)
            self.push(nd, 'A', (a, remaining, reg, 0))
        else:
            self.push(t + R.randint(40, 400), 'A', (a, remaining, reg, day_used))

    def operator_out(self, t, a):
        R = self.R
        amt = a.bal
        if amt < 100000:
            return
        amt = (int(amt * R.uniform(0.5, 0.95)) // 10000) * 10000
        n = max(1, min(8, amt // 500000))
        for i in range(n):
            part = min(500000, amt)
            self.push(t + i * 300, 'W', (a, part))
            amt -= part


def split_amt(R, amt, k):
    if k <= 1 or amt < 100000:
        return [amt]
    cuts = sorted(R.uniform(0.15, 0.85) for _ in range(k - 1))
    parts = []
    prev = 0.0
    for c in cuts + [1.0]:
        parts.append(c - prev)
        prev = c
    out = []
    rest = amt
    for i, f in enumerate(parts):
        if i == len(parts) - 1:
            out.append(rest)
        else:
            x = int(amt * f)
            if R.random() < 0.5:
                x = (x // 10000) * 10000
            x = max(100, min(x, rest - 100))
            out.append(x)
            rest -= x
    return [x for x in out if x > 0]


# ============================================================================= world building
def rfen(R, lo, hi, roundto=1):
    """random amount in yuan in [lo, hi] log-uniform, rounded to `roundto` yuan, returned in fen."""
    import math
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if roundto >= 1:
        v = max(roundto, round(v / roundto) * roundto)
        return int(v * 100)
    return int(round(v * 100))


def build(W):
    R = W.R
    var = W.variant
    dense = 2.5 if var == 'xiangsi' else 1.0

    # ---------------- external pools (counterparties only; non-supplying institutions)
    def ext_person(arch, region):
        p = W.person(arch, region)
        return p

    def ext_acc(p, bank=None, kind='card', region=None, role='lawful', arch=None, cls='I'):
        bank = bank or R.choice(['ABC', 'CCB', 'BOC', 'PSBC', 'PAB', 'CIB', 'ALIPAY'])
        if kind == 'card' and bank == 'ALIPAY':
            kind = 'wallet'
        return W.acc(p, bank, W.old_open(), region or p.live, cls, role, arch, kind)

    public = []
    for i in range(2600):
        reg = R.choice(REGION_ALL + FAR_CITIES)
        p = ext_person('public_external', reg)
        public.append(ext_acc(p))
    ext_merch = []
    for i in range(260):
        reg = R.choice(REGION_ALL + FAR_CITIES)
        p = W.person('merchant_external', reg, corp=True)
        ext_merch.append(ext_acc(p, R.choice(['ABC', 'CCB', 'BOC', 'PAB', 'CIB', 'ALIPAY']), 'corp', cls='corp'))
    ext_cust = []
    for i in range(180):
        reg = R.choice(REGION_ALL + FAR_CITIES)
        p = W.person('customer_company_external', reg, corp=True)
        ext_cust.append(ext_acc(p, R.choice(['ABC', 'CCB', 'BOC', 'PAB', 'CIB']), 'corp', cls='corp'))
    platforms = []
    for name in ('ecom_platform_a', 'ecom_platform_b', 'ecom_platform_c', 'live_stream_platform'):
        p = W.person('platform_external', R.choice(['330106', '440305', '310115']), corp=True)
        platforms.append(ext_acc(p, R.choice(['PAB', 'CIB', 'ALIPAY']), 'corp', cls='corp', arch=name))
    employers = []
    for i in range(90):
        reg = R.choice(REGION_ALL)
        p = W.person('employer_external', reg, corp=True)
        employers.append(ext_acc(p, R.choice(['ABC', 'CCB', 'BOC', 'PAB', 'CIB']), 'corp', cls='corp'))
    for i in range(8):
        p = W.person('loan_app_external', R.choice(['440305', '310115', '110105']), corp=True)
        W.loan_apps.append(ext_acc(p, R.choice(['PAB', 'CIB', 'CCB']), 'corp', cls='corp', arch='loan_platform'))
    utilities = []
    for i in range(12):
        p = W.person('utility_external', R.choice(REGION_ALL), corp=True)
        utilities.append(ext_acc(p, R.choice(['CCB', 'BOC', 'ABC']), 'corp', cls='corp', arch='utility'))
    dealers = []
    for i in range(20):
        reg = R.choice(REGION_ALL)
        p = W.person('car_or_property_dealer', reg, corp=True)
        dealers.append(ext_acc(p, R.choice(['ICBC', 'CCB', 'CMB', 'BOC', 'DGB']), 'corp', cls='corp',
                               arch='car_or_property_dealer'))
    # gold shops: 水贝 (罗湖) external + a few in the region with rows
    for i in range(6):
        p = W.person('gold_shop', '440303', corp=True)
        W.gold_shops.append(ext_acc(p, R.choice(['CCB', 'BOC', 'PAB']), 'corp', cls='corp', arch='gold_shop'))

    # ---------------- population
    def live_region():
        g = R.choices(['DG', 'FS', 'ZS', 'ST', 'JY', 'SW'], weights=[28, 20, 12, 17, 13, 10])[0]
        return {'DG': DG, 'ZS': ZS}.get(g) or R.choice({'FS': FOSHAN, 'ST': SHANTOU, 'JY': JIEYANG,
                                                          'SW': SHANWEI}[g])

    def ncards():
        return R.choices([1, 2, 3, 4, 5, 6], weights=[30, 35, 22, 7, 4, 2])[0]

    def equip(p, migrant=False, n=None, new_from=None, wallet_p=0.72, ali_p=0.55):
        grp = live_group(p.live)
        n = n() if callable(n) else (n or ncards())
        for i in range(n):
            if new_from is not None:
                op = new_from + R.randint(0, 3 * DAY) + R.randint(9 * 3600, 17 * 3600)
            else:
                op = W.old_open(max(2008, p.byear + 18))
            if migrant and i == 0:
                bank = W.bank_for('HOME'); reg = p.home
            else:
                bank = W.bank_for(grp); reg = p.live
            cls = 'I' if i == 0 else R.choice(['I', 'II', 'II'])
            a = W.acc(p, bank, op, reg, cls)
            a.bal = 0 if new_from is not None else 0
            p.cards.append(a)
        if R.random() < wallet_p:
            op = (new_from + R.randint(0, 2 * DAY)) if new_from is not None else W.old_open(max(2014, p.byear + 16))
            p.wallet = W.acc(p, 'TENPAY', op, p.live, R.choice(['II', 'II', 'III', 'I']), kind='wallet')
        if R.random() < ali_p:
            op = (new_from + R.randint(0, 2 * DAY)) if new_from is not None else W.old_open(max(2014, p.byear + 16))
            p.alipay = W.acc(p, 'ALIPAY', op, p.live, 'II', kind='wallet')

    def seed_bal(p, lo, hi):
        for a in p.cards:
            if a.opened < 0:
                a.bal = rfen(R, lo, hi, 0)
        if p.wallet and p.wallet.opened < 0:
            p.wallet.bal = rfen(R, 20, 3000, 0)

    n_base = {'worker': 3300, 'resident': 1500, 'boss': 110, 'wholesaler': 200, 'shop': 300, 'stall': 150,
              'student': 220, 'outside_resident': 230}
    hard = {'landlord': 55, 'dispatch_agent': 35, 'biaohui_organiser': 40, 'gift_host': 80, 'big_payer': 140,
            'multi_saver': 110, 'crypto_buyer': 55, 'traveller': 110, 'new_worker': 330}
    if var == 'xiangsi':
        extra = 0
        for k in hard:
            nk = int(round(hard[k] * dense))
            extra += nk - hard[k]
            hard[k] = nk
        # keep totals in range: fewer plain workers and residents
        n_base['worker'] -= int(extra * 0.6)
        n_base['resident'] -= extra - int(extra * 0.6)

    people = {}
    # factories (corp accounts) and bosses
    factories = []
    bosses = []
    for i in range(n_base['boss']):
        live = R.choice([DG] * 4 + FOSHAN + [ZS] * 2 + ['440515', '440515', '445281', '445202'])
        p = W.person('boss', live, byear=R.randint(1960, 1988))
        equip(p, n=R.choice([3, 4, 4, 5, 6]))
        seed_bal(p, 30000, 1500000)
        bosses.append(p)
        fp = W.person('factory', live, corp=True)
        fa = W.acc(fp, W.bank_for(live_group(live)), W.old_open(2005), live, 'corp', arch='factory', kind='corp')
        fa.bal = rfen(R, 300000, 5000000, 0)
        factories.append({'acc': fa, 'boss': p, 'workers': [], 'region': live})
    people['boss'] = bosses

    def mk(arch, count, region_fn=None, migrant=False, byr=(1960, 2004), new_from=None, **kw):
        out = []
        for i in range(count):
            live = region_fn() if region_fn else live_region()
            home = R.choice(HOMETOWNS) if migrant else live
            p = W.person(arch, live, home, byear=R.randint(*byr))
            nf = new_from() if callable(new_from) else new_from
            equip(p, migrant=migrant, new_from=nf, **kw)
            out.append(p)
        return out

    prd_region = lambda: R.choice([DG] * 5 + FOSHAN + [ZS] * 2)
    workers = mk('worker', n_base['worker'], lambda: R.choice([DG] * 5 + FOSHAN + [ZS] * 2 + ['440515', '445281']),
                 migrant=True, byr=(1968, 2005))
    for p in workers:
        seed_bal(p, 200, 30000)
        p.family = W.acc(W.person('family_external', p.home), W.bank_for('HOME'), W.old_open(), p.home, 'I')
        if R.random() < 0.12:
            p.leaves = True
    new_workers = mk('new_worker', hard['new_worker'], prd_region, migrant=True, byr=(1975, 2006),
                     new_from=lambda: (R.randint(SF + 7, SF + 30)) * DAY, n=lambda: R.choice([1, 1, 2]))
    for p in new_workers:
        p.family = W.acc(W.person('family_external', p.home), W.bank_for('HOME'), W.old_open(), p.home, 'I')
    residents = mk('resident', n_base['resident'], byr=(1950, 2002))
    for p in residents:
        seed_bal(p, 500, 200000)
        p.employer = R.choice(employers)
    wholesalers = mk('wholesaler', n_base['wholesaler'],
                     lambda: R.choice(['440515'] * 4 + ['445281'] * 3 + ['445202', '440511', '440513', DG, '440605']),
                     byr=(1965, 1995), n=lambda: R.choice([2, 3, 4, 5]))
    for p in wholesalers:
        seed_bal(p, 20000, 800000)
    shops = mk('shop', n_base['shop'], byr=(1960, 1998))
    stalls = mk('stall', n_base['stall'], byr=(1955, 1995))
    for p in shops + stalls:
        seed_bal(p, 2000, 150000)
        hp = W.person('shop_ind', p.live, corp=True)
        p.corp = W.acc(hp, 'TENPAY', W.old_open(2016), p.live, 'corp',
                       arch='qr_merchant_' + ('restaurant_or_shop' if p.arch == 'shop' else 'tea_or_market_stall'),
                       kind='corp')
    students = mk('student', n_base['student'], lambda: R.choice([DG, '440604', '440507', ZS, '440606']),
                  migrant=True, byr=(2002, 2006), new_from=lambda: R.randint(95, 125) * DAY, n=1)
    outsiders = mk('outside_resident', n_base['outside_resident'], lambda: R.choice(FAR_CITIES + HOMETOWNS),
                   byr=(1950, 2003))
    for p in outsiders:
        for a in p.cards:
            a.region = p.live
        seed_bal(p, 2000, 400000)
        p.employer = R.choice(employers)
    landlords = mk('landlord', hard['landlord'], prd_region, byr=(1955, 1985))
    for p in landlords:
        seed_bal(p, 5000, 300000)
    agents = mk('dispatch_agent', hard['dispatch_agent'], prd_region, byr=(1970, 1992))
    for p in agents:
        seed_bal(p, 5000, 100000)
    organisers = mk('biaohui_organiser', hard['biaohui_organiser'],
                    lambda: R.choice(CHAOSHAN + CHAOSHAN + [DG]), byr=(1955, 1985))
    for p in organisers:
        seed_bal(p, 5000, 200000)
    hosts = mk('gift_host', hard['gift_host'], byr=(1960, 1998))
    for p in hosts:
        seed_bal(p, 3000, 100000)
    bigpayers = mk('big_payer', hard['big_payer'], byr=(1965, 1998), n=lambda: R.choice([2, 3, 3, 4]))
    for p in bigpayers:
        seed_bal(p, 20000, 300000)
    savers = mk('multi_saver', hard['multi_saver'], byr=(1950, 1985), n=lambda: R.choice([4, 5, 6]))
    for p in savers:
        seed_bal(p, 20000, 500000)
    cryptos = mk('crypto_buyer', hard['crypto_buyer'], byr=(1980, 2003))
    for p in cryptos:
        seed_bal(p, 5000, 200000)
    travellers = mk('traveller', hard['traveller'], byr=(1960, 1995))
    for p in travellers:
        seed_bal(p, 10000, 300000)
    lawful_all = (bosses + workers + new_workers + residents + wholesalers + shops + stalls + students + outsiders +
                  landlords + agents + organisers + hosts + bigpayers + savers + cryptos + travellers)
    inregion = [p for p in lawful_all if p.live in REGION_ALL]
    by_city = {}
    for p in inregion:
        by_city.setdefault(city_of(p.live), []).append(p)

    # assign workers to factories
    for p in workers:
        same = [f for f in factories if city_of(f['region']) == city_of(p.live)] or factories
        f = R.choice(same)
        f['workers'].append(p)
        p.employer = f
    for p in new_workers:
        same = [f for f in factories if city_of(f['region']) == city_of(p.live)] or factories
        f = R.choice(same)
        f['workers'].append(p)
        p.employer = f

    # ---------------- lawful activity
    months = [(0, 30), (30, 61), (61, 92), (92, 120), (120, 151), (151, 181)]   # Nov..Apr

    def card(p, t=None):
        cs = [a for a in p.cards if t is None or a.opened <= t]
        return cs[0] if cs else None

    def anycard(p, t=None):
        cs = [a for a in p.cards if t is None or a.opened <= t]
        return R.choice(cs) if cs else None

    def pay_acc(p, t):
        if p.wallet and p.wallet.opened <= t and R.random() < 0.6:
            return p.wallet
        return anycard(p, t)

    def home_period(p):
        return p.live in PRD and p.home != p.live

    def away(p, d):
        return home_period(p) and (SF - 11 <= d <= SF + 9)

    def base_life(p, scale=1.0):
        first = min([a.opened for a in p.cards] + [0])
        for (m0, m1) in months:
            for _ in range(poisson(R, 1.3 * scale)):          # wallet top-up
                d = R.randint(m0, m1 - 1); t = W.tday(d)
                if p.wallet and t > p.wallet.opened:
                    W.L(t, anycard(p, t), p.wallet, rfen(R, 100, 2000, 50), 'mobile', memo='充值')
            for _ in range(poisson(R, 0.8 * scale)):          # P2P
                d = R.randint(m0, m1 - 1); t = W.tday(d)
                q = R.choice(by_city.get(city_of(p.live)) or inregion) if R.random() < 0.6 else None
                to = pay_acc(q, t) if q else R.choice(public)
                if to is not None:
                    W.L(t, pay_acc(p, t), to, rfen(R, 20, 3000, R.choice([0, 1, 10])), 'mobile',
                        memo=R.choice(['', '转账', '还你', '饭钱', '代付', '']))
            for _ in range(poisson(R, 1.2 * scale)):          # POS / online spending at external merchants
                d = R.randint(m0, m1 - 1); t = W.tday(d)
                W.L(t, anycard(p, t), R.choice(ext_merch), rfen(R, 30, 4000, 0), R.choice(['pos', 'online', 'pos']),
                    memo='')
            if R.random() < 0.45 * scale:                     # ATM cash
                d = R.randint(m0, m1 - 1); t = W.tday(d)
                reg = p.home if away(p, d) else p.live
                W.L(t, anycard(p, t), None, rfen(R, 200, 3000, 100), 'atm', reg, 'withdrawal')
            if R.random() < 0.7 * scale:                      # utilities / phone
                d = R.randint(m0, m1 - 1); t = W.tday(d)
                W.L(t, anycard(p, t), R.choice(utilities), rfen(R, 30, 400, 0), 'online', memo=R.choice(['电费', '话费', '水费', '燃气费']))

    # QR payments: population wallets pay modelled merchants in their city
    merchants = shops + stalls
    merch_by_city = {}
    for m in merchants:
        merch_by_city.setdefault(city_of(m.live), []).append(m)
    favs = {}
    for p in inregion:
        if p.wallet is None:
            continue
        ml = merch_by_city.get(city_of(p.live)) or merchants
        favs[p.pid] = [R.choice(ml) for _ in range(R.randint(2, 6))]
    for p in inregion:
        if p.wallet is None:
            continue
        rate = (3.2 if p.arch not in ('student',) else 4.0) * (0.7 if var == 'xiangsi' else 1.0)
        for (m0, m1) in months:
            for _ in range(poisson(R, rate)):
                d = R.randint(m0, m1 - 1)
                if away(p, d) or (p.leaves and d > SF):
                    continue
                m = R.choice(favs[p.pid])
                if m.live in PRD and SF - 8 <= d <= SF + 6 and R.random() < 0.7:
                    continue
                t = W.tday(d, 7, 23)
                if t <= p.wallet.opened:
                    continue
                W.L(t, p.wallet, m.corp, rfen(R, 3, 180, 0), R.choice(['mobile', 'pos']), m.live, memo='扫码付款')
    # merchants: settlement to owner's card, supplies; external wallet payers are invisible
    for m in merchants:
        base_life(m, 0.8)
        c = card(m)
        step = R.choice([1, 1, 2, 3, 7])
        for d in range(R.randint(0, step), DAYS, step):
            W.L(d * DAY + R.randint(1, 5) * 3600, m.corp, c, 10 ** 9, 'other', m.live, memo='提现')
        for (m0, m1) in months:
            for _ in range(R.randint(1, 3)):
                t = W.tday(R.randint(m0, m1 - 1))
                W.L(t, anycard(m, t), R.choice(ext_merch + ext_cust), rfen(R, 500, 20000, 10), 'online', memo='进货')
            # external customers pay in (Alipay settlement etc.)
            for _ in range(R.randint(2, 6)):
                t = W.tday(R.randint(m0, m1 - 1), 1, 6)
                W.L(t, R.choice(platforms), anycard(m, t), rfen(R, 300, 8000, 0), 'other', memo='结算')
            if R.random() < 0.8:
                t = W.tday(R.randint(m0, m1 - 1))
                W.L(t, anycard(m, t), R.choice(public), rfen(R, 1500, 6000, 100), 'mobile', memo='店租')

    # workers: payroll, money home, Spring Festival
    pay_days = [(10, 'Nov'), (40, 'Dec'), (71, 'Jan'), (102, 'Feb'), (130, 'Mar'), (161, 'Apr')]
    for f in factories:
        fa = f['acc']
        for (m0, m1) in months:
            n = len(f['workers'])
            for _ in range(R.randint(2, 5)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 17)
                W.L(t, R.choice(ext_cust), fa, int(max(n, 3) * 6500 * 100 * R.uniform(0.3, 0.7)), 'online',
                    memo='货款')
            for _ in range(R.randint(2, 6)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 17)
                W.L(t, fa, R.choice(ext_cust + ext_merch), rfen(R, 5000, 200000, 100), 'online', memo='材料款')
            t = W.tday(R.randint(m0 + 5, m1 - 2), 9, 17)
            W.L(t, fa, R.choice(f['boss'].cards), rfen(R, 10000, 150000, 1000), 'online', memo='往来款')
        bonus_day = R.randint(SF - 16, SF - 9)
        for p in f['workers']:
            personal = R.random() < 0.25
            for pd, mon in pay_days:
                if p.arch == 'new_worker' and pd < SF + 20:
                    continue
                if p.leaves and pd > SF:
                    continue
                if pd == 102 and p.arch == 'worker':
                    amt = rfen(R, 1500, 3500, 1)       # short February after shutdown
                else:
                    amt = rfen(R, 4200, 8500, 1)
                d = pd + R.randint(0, 2)
                if d >= DAYS:
                    continue
                t = d * DAY + 10 * 3600 + R.randint(0, 3600)
                src = R.choice(f['boss'].cards) if personal else fa
                W.L(t, src, card(p, t), amt, 'other', f['region'], memo='工资' if not personal else '工资' + mon)
                # money home
                if p.family and R.random() < 0.8:
                    t2 = t + R.randint(3600, 4 * DAY)
                    W.L(t2, card(p, t), p.family, int(amt * R.uniform(0.3, 0.7)) // 10000 * 10000 or 50000,
                        'mobile', memo=R.choice(['生活费', '家用', '', '给妈']))
                if R.random() < 0.5 and p.wallet:
                    W.L(t + R.randint(600, 3 * DAY), card(p, t), p.wallet, rfen(R, 200, 1500, 100), 'mobile', memo='')
            if p.arch == 'worker':
                t = bonus_day * DAY + 11 * 3600 + R.randint(0, 7200)
                W.L(t, fa, card(p, t), rfen(R, 2000, 12000, 100), 'other', f['region'], memo='年终奖')
                if home_period(p):
                    dgo = R.randint(SF - 11, SF - 4)
                    t = W.tday(dgo)
                    if p.family:
                        W.L(t, card(p), p.family, rfen(R, 1000, 8000, 100), 'mobile', p.home, memo='过年')
                    for _ in range(R.randint(1, 3)):
                        W.L(W.tday(R.randint(SF - 3, SF + 5)), card(p), None, rfen(R, 500, 3000, 100), 'atm',
                            p.home, 'withdrawal')
        f['bonus_day'] = bonus_day
    for p in workers + new_workers:
        base_life(p, 0.9 if not p.leaves else 0.5)
    # new workers: dispatch fee to an agent, wallet created
    for p in new_workers:
        c = card(p)
        ag = R.choice(agents)
        W.L(c.opened + R.randint(3600, 5 * DAY), c, anycard(ag), rfen(R, 200, 900, 50), 'mobile', memo='介绍费')
        c.bal = 0

    # residents / outsiders: salary from external employer
    for p in residents + outsiders + travellers + cryptos + bigpayers + savers + hosts + landlords:
        emp = p.employer or R.choice(employers)
        sal = rfen(R, 3500, 20000, 1)
        for pd, _ in pay_days:
            if R.random() < 0.85:
                t = (pd + R.randint(-2, 3)) * DAY + 10 * 3600 + R.randint(0, 7200)
                W.L(t, emp, card(p), int(sal * R.uniform(0.95, 1.05)), 'other', memo='工资')
        base_life(p, 1.0 if p.arch != 'outside_resident' else 0.5)

    # bosses: customers pay personal cards, pay suppliers, pay some workers
    for p in bosses:
        base_life(p, 1.0)
        for (m0, m1) in months:
            for _ in range(R.randint(2, 6)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 20)
                W.L(t, R.choice(ext_cust), anycard(p), rfen(R, 10000, 300000, 100), 'online', memo='货款')
            for _ in range(R.randint(2, 6)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 20)
                to = anycard(R.choice(wholesalers)) if R.random() < 0.4 else R.choice(ext_cust + ext_merch)
                W.L(t, anycard(p), to, rfen(R, 5000, 200000, 100), 'online', memo=R.choice(['货款', '材料', '加工费']))
            for _ in range(R.randint(0, 2)):                 # move between own cards
                t = W.tday(R.randint(m0, m1 - 1))
                a, b = R.sample(p.cards, 2)
                W.L(t, a, b, rfen(R, 10000, 300000, 1000), 'mobile', memo='')
        # Spring Festival red packets to workers and family (红包)
        f = [x for x in factories if x['boss'] is p][0]
        for w in f['workers'][:R.randint(3, 20)]:
            t = W.tday(SF + R.randint(-12, -7))
            if w.wallet:
                W.L(t, p.wallet or anycard(p), w.wallet, rfen(R, 100, 888, 1), 'mobile', memo='红包')

    # wholesalers: platform settlements, suppliers, many buyers
    for p in wholesalers:
        base_life(p, 1.0)
        for (m0, m1) in months:
            for _ in range(R.randint(6, 16)):
                t = W.tday(R.randint(m0, m1 - 1), 0, 6)
                W.L(t, R.choice(platforms), anycard(p), rfen(R, 2000, 80000, 0), 'other', memo='平台结算')
            for _ in range(R.randint(3, 12)):
                t = W.tday(R.randint(m0, m1 - 1))
                W.L(t, R.choice(public + public + ext_cust), anycard(p), rfen(R, 300, 30000, 10), 'mobile',
                    memo=R.choice(['货款', '拿货', '']))
            for _ in range(R.randint(3, 8)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 20)
                to = R.choice(ext_cust + ext_merch) if R.random() < 0.7 else anycard(R.choice(wholesalers))
                W.L(t, anycard(p), to, rfen(R, 3000, 150000, 100), 'online', memo=R.choice(['货款', '布料', '物流费', '']))

    for p in students:
        base_life(p, 0.7)
        c = card(p)
        W.L(c.opened + R.randint(3600, 2 * DAY), R.choice(public), c, rfen(R, 800, 3000, 100), 'mobile', memo='生活费')
        for k in range(1, 4):
            W.L(c.opened + k * 30 * DAY + R.randint(-3, 3) * DAY, R.choice(public), c, rfen(R, 800, 2500, 100),
                'mobile', memo='生活费')

    # ---------------- hard look-alikes
    tenants_pool = workers + new_workers
    for p in landlords:
        c = card(p)
        ten = [q for q in tenants_pool if city_of(q.live) == city_of(p.live)]
        ten = R.sample(ten, min(len(ten), R.randint(20, 60)))
        rent = {q.pid: rfen(R, 300, 900, 50) for q in ten}
        out_acc = R.choice(p.cards[1:]) if len(p.cards) > 1 else R.choice(dealers + utilities)
        for (m0, m1) in months:
            for q in ten:
                d = m0 + R.randint(0, 5)
                if away(q, d) or (q.leaves and d > SF) or (q.arch == 'new_worker' and d < SF + 10):
                    continue
                t = W.tday(d, 7, 23)
                src = q.wallet if q.wallet and q.wallet.opened < t and R.random() < 0.5 else card(q, t)
                if src:
                    W.L(t, src, c, rent[q.pid], 'mobile', memo=R.choice(['房租', '房租', '租金', '']))
            t = (m0 + 6) * DAY + R.randint(9, 20) * 3600
            W.L(t, c, out_acc, int(sum(rent.values()) * R.uniform(0.6, 0.95)), 'mobile', memo='')
    for p in agents:
        c = R.choice(p.cards)
        disp = R.sample(tenants_pool, min(len(tenants_pool), R.randint(15, 50)))
        for (m0, m1) in months:
            d = m0 + R.randint(8, 14)
            tot = 0
            t = W.tday(d, 9, 12)
            cust = R.choice(ext_cust)
            wages = []
            for q in disp:
                if q.leaves and d > SF:
                    continue
                a = rfen(R, 3800, 7000, 1)
                wages.append((q, a)); tot += a
            W.L(t, cust, c, int(tot * 1.08), 'online', memo='劳务费')
            tt = t + R.randint(600, 4 * 3600)
            for q, a in wages:
                tt += R.randint(5, 90)
                if card(q, tt):
                    W.L(tt, c, card(q, tt), a, 'mobile', memo='工资')
        # fees from many new payers after Spring Festival
        for _ in range(R.randint(10, 35)):
            d = R.randint(SF + 6, SF + 40)
            t = W.tday(d)
            q = R.choice(public)
            W.L(t, q, c, rfen(R, 200, 800, 50), 'mobile', memo=R.choice(['介绍费', '报名费', '']))
        base_life(p, 1.0)
    members_pool = [p for p in inregion if p.arch in ('worker', 'resident', 'shop', 'stall', 'wholesaler', 'boss')]
    for p in organisers:
        c = card(p)
        cs = [q for q in members_pool if city_of(q.live) == city_of(p.live)] or members_pool
        mem = R.sample(cs, min(len(cs), R.randint(10, 28)))
        unit = rfen(R, 300, 5000, 100)
        order = list(mem)
        R.shuffle(order)
        hd = R.randint(1, 25)
        for k, (m0, m1) in enumerate(months):
            d = min(m0 + hd, m1 - 1)
            t = d * DAY + 9 * 3600
            for q in mem:
                tt = t + R.randint(0, 10 * 3600)
                src = card(q, tt)
                if src:
                    W.L(tt, src, c, unit, 'mobile', memo=R.choice(['会钱', '标会', '会款', '']))
            W.L(t + 11 * 3600 + R.randint(0, 3600), c, card(order[k % len(order)], t) or R.choice(public),
                int(unit * len(mem) * R.uniform(0.93, 1.0)), 'mobile', memo='会钱')
        base_life(p, 1.0)
    for p in hosts:
        c = card(p)
        d0 = R.choice([R.randint(SF - 20, SF + 20), R.randint(5, DAYS - 10)])
        n = R.randint(30, 150)
        tot = 0
        cands = by_city.get(city_of(p.live)) or inregion
        for _ in range(n):
            t = W.tday(d0 + R.randint(0, 1), 8, 23)
            q = R.choice(cands) if R.random() < 0.5 else None
            src = (q.wallet or card(q)) if q else R.choice(public)
            to = p.wallet if p.wallet and R.random() < 0.5 else c
            a = R.choice([200, 288, 500, 520, 666, 888, 1000, 1314, 2000]) * 100
            W.L(t, src, to, a, 'mobile', memo=R.choice(['红包', '贺礼', '礼金', '帛金', '']))
            tot += a
        t = W.tday(d0 + R.randint(1, 3))
        if p.wallet:
            W.L(t - 3600, p.wallet, c, 10 ** 9, 'mobile', memo='提现')
        W.L(t, c, R.choice(merchants).corp if R.random() < 0.3 else R.choice(dealers + ext_merch),
            int(tot * R.uniform(0.6, 1.0)), 'mobile', memo=R.choice(['酒席', '婚宴', '购车', '']))
    for p in bigpayers:
        d0 = R.randint(10, DAYS - 5)
        tgt = p.cards[0]
        for a in p.cards[1:]:
            W.L(W.tday(d0 - R.randint(0, 2)), a, tgt, 10 ** 9, 'mobile', memo='')
        for _ in range(R.randint(0, 3)):
            W.L(W.tday(d0 - R.randint(0, 3)), R.choice(public), tgt, rfen(R, 10000, 100000, 1000), 'mobile', memo='借款')
        ch = R.choice(['counter', 'online', 'mobile'])
        W.L(W.tday(d0, 10, 16) + 3 * 3600, tgt, R.choice(dealers), rfen(R, 30000, 300000, 1000), ch,
            memo=R.choice(['首付', '定金', '购车款', '房款']))
    for p in savers:
        # open 1-3 new cards at different banks within days (promotional deposit rates)
        d0 = R.randint(20, DAYS - 30)
        have = {a.bank for a in p.cards}
        for _ in range(R.randint(1, 3)):
            bank = R.choice([b for b in BANKS if b not in have] or BANKS)
            have.add(bank)
            a = W.acc(p, bank, d0 * DAY + R.randint(0, 6) * DAY + R.randint(9, 16) * 3600, p.live, 'II')
            p.cards.append(a)
        for (m0, m1) in months:
            for _ in range(R.randint(1, 4)):
                t = W.tday(R.randint(m0, m1 - 1))
                cs = [a for a in p.cards if a.opened < t]
                if len(cs) >= 2:
                    a, b = R.sample(cs, 2)
                    W.L(t, a, b, rfen(R, 10000, 300000, 1000), R.choice(['mobile', 'online', 'counter']), memo='')
    for p in travellers:
        for _ in range(R.randint(1, 4)):
            d0 = R.randint(3, DAYS - 5)
            reg = R.choice(FAR_CITIES + BORDER + ['460400'])
            c = anycard(p)
            for k in range(R.randint(1, 4)):
                W.L(W.tday(d0 + k), c, None, rfen(R, 500, 5000, 100), 'atm', reg, 'withdrawal')
                W.L(W.tday(d0 + k), c, R.choice(ext_merch), rfen(R, 100, 3000, 0), 'pos', reg)

    # ---------------- fraud side
    ushang_people = []
    for i in range(10):
        live = R.choice(['445281', '441581', '440511', DG, '440305', '440106'])
        p = W.person('ushang', live, byear=R.randint(1980, 1998))
        for k in range(R.randint(3, 5)):
            bank = W.bank_for('CS' if live in CHAOSHAN else 'DG')
            a = W.acc(p, bank, W.old_open(2016), live, R.choice(['I', 'II']), 'ushang', 'ushang_otc_dealer')
            a.bal = rfen(R, 20000, 300000, 0)
            p.cards.append(a)
            W.ushang.append(a)
        ushang_people.append(p)
    # U商 sweeps and lawful crypto buyers/sellers
    for p in ushang_people:
        sink = W.acc(p, R.choice(['ABC', 'CCB', 'PAB']), W.old_open(2016), p.live, 'I', 'ushang', 'ushang_sink')
        for d in range(R.randint(0, 3), DAYS, R.randint(2, 4)):
            for a in p.cards:
                if R.random() < 0.5:
                    W.L(W.tday(d, 20, 23.9), a, sink, int(10 ** 9), 'mobile', memo='')
            # pay lawful sellers of USDT
        for _ in range(R.randint(30, 80)):
            t = W.tday(R.randint(0, DAYS - 1))
            W.L(t, R.choice(public), R.choice(p.cards), rfen(R, 1000, 50000, 100), 'mobile', memo=R.choice(['', 'U', '货款']))
    for p in cryptos:
        for _ in range(R.randint(2, 8)):
            t = W.tday(R.randint(0, DAYS - 1))
            u = R.choice(W.ushang)
            if R.random() < 0.7:
                W.L(t, anycard(p), u, rfen(R, 2000, 80000, 100), 'mobile', memo=R.choice(['', 'U', '货款', 'USDT']))
            else:
                W.L(t, R.choice(ushang_people).cards[0], anycard(p), rfen(R, 2000, 50000, 100), 'mobile', memo='')

    # 三方诈骗 merchants: lawful shops with rows (gold / phone / electronics)
    for i in range(10):
        live = R.choice([DG, DG, '440511', '440507', '445202', ZS, '440605'])
        p = W.person('sanfang_merchant_owner', live, byear=R.randint(1965, 1990))
        equip(p, n=2)
        seed_bal(p, 20000, 200000)
        hp = W.person('shop_ind', live, corp=True)
        bank = R.choice(['ICBC', 'CMB', 'DGB', 'GDRC', 'TENPAY'])
        a = W.acc(hp, bank, W.old_open(2012), live, 'corp', arch=R.choice(['gold_shop', 'phone_shop', 'electronics_shop']),
                  kind='corp')
        a.bal = rfen(R, 10000, 200000, 0)
        W.sanfang.append(a)
        for (m0, m1) in months:
            for _ in range(R.randint(15, 40)):
                t = W.tday(R.randint(m0, m1 - 1), 9, 21)
                q = R.choice(inregion)
                src = pay_acc(q, t) or R.choice(public)
                W.L(t, src, a, rfen(R, 200, 20000, 0), R.choice(['mobile', 'pos']), live, memo=R.choice(['', '货款', '手机', '金饰']))
            for _ in range(R.randint(2, 5)):
                t = W.tday(R.randint(m0, m1 - 1))
                W.L(t, a, R.choice(ext_cust), rfen(R, 20000, 200000, 100), 'online', memo='进货')
            W.L(W.tday(m1 - 1), a, card(p), rfen(R, 5000, 50000, 100), 'online', memo='提现')
        base_life(p, 1.0)
    for a in W.sanfang:
        if a.bank not in ('TENPAY',) and R.random() < 0.3:
            pass

    yinbi = var == 'yinbi'
    gang_defs = [
        ('G1_lufeng', ['441581'], ['police_gov', 'loan_card', 'credit_record', 'subsidy_refund'], [0, 5, 2, 3],
         ['450681', '440303'], 2),
        ('G2_puning', ['445281', '445224'], ['ecommerce_cs', 'brushing', 'shopping_service', 'game_trade'],
         [6, 1, 3, 2], ['440111', '441900'], 2),
        ('G3_ruili', ['533102', '530926'], ['investment', 'romance', 'brushing', 'net_black'], [1, 1, 6, 2],
         ['533102', '530926'], 3),
        ('G4_dongxing', ['450681', '451481'], ['leader_acquaintance', 'military_purchase', 'accident_kidnap',
                                                'fake_job'], [3, 5, 1, 2], ['450681', '451481'], 2),
        ('G5_chaonan', ['440514', '441521'], ['game_trade', 'prize', 'parcel', 'phone_bill', 'shopping_service',
                                               'fake_job'], [7, 1, 1, 1], ['440514', '441521', '440303'], 1),
        ('G6_danzhou', ['460400', '350524'], ['investment', 'romance', 'net_black', 'credit_record', 'brushing'],
         [2, 2, 5, 2], ['460400', '440106'], 3),
    ]
    for gi, (name, homes, typs, exits, cashregs, hops) in enumerate(gang_defs):
        g = {'name': name, 'homes': homes, 'typs': typs, 'exits': exits, 'cash_regions': cashregs,
             'hops': hops, 'pools': {1: [], 2: [], 3: []}, 'spare': {1: [], 2: [], 3: []}, 'operators': [],
             'split': [1, 2, 2, 3] if not yinbi else [1, 1, 2],
             'delay': (60, 40 * 60) if not yinbi else (2 * 3600, 3 * DAY),
             'night': 0.3, 'atm_day': 2000000 if not yinbi else 500000,
             'memos': ['', '', '货款', '还款', '工程款', '借款']}
        if yinbi:
            g['hops'] = max(1, hops - 1)
            g['cash_regions'] = [R.choice(REGION_ALL) for _ in range(3)]
        W.gangs.append(g)
        for k in range(R.randint(2, 4)):
            p = W.person('operator', R.choice(homes), byear=R.randint(1975, 1998))
            bank = R.choice(['ABC', 'CCB', 'PSBC', 'BOC', 'GDRC'] if homes[0] in CHAOSHAN else ['ABC', 'CCB', 'PSBC', 'BOC'])
            a = W.acc(p, bank, W.old_open(2015), p.live, 'I', 'operator', 'gang_operator')
            a.gang = gi
            g['operators'].append(a)
            p.cards.append(a)
        # always-available external spares at every layer
        for layer in (1, 2, 3):
            for k in range(3):
                p = W.person('mule_holder_external', R.choice(FARMER_HOMES + HOMETOWNS))
                a = W.acc(p, R.choice(['ABC', 'CCB', 'PSBC', 'BOC', 'PAB', 'CIB']), W.old_open(2018), p.live, 'I',
                          'mule', 'external_mule_card')
                a.gang = gi; a.layer = layer; a.af = -10 ** 9; a.at = 10 ** 12
                g['spare'][layer].append(a)
                p.cards.append(a)

    def add_pool(a, gi, layer, af, life):
        a.gang = gi; a.layer = layer; a.af = af; a.at = af + life
        W.gangs[gi]['pools'][layer].append(a)

    def life_days(lo, hi):
        return int(R.uniform(lo, hi) * DAY)

    ng = len(W.gangs)
    # card farmers
    nf = 11
    for i in range(nf):
        home = R.choice(FARMER_HOMES + ['445281', '441581'])
        p = W.person('card_farmer', home, byear=R.randint(1985, 2004))
        p.farmer = True
        W.farmers.append(p)
        d0 = R.randint(-28, 120)
        window = R.randint(3, 20) if not yinbi else R.randint(10, 40)
        n = R.randint(5, 12)
        cities = R.sample([DG, ZS, '440604', '440606', '440507', '445202', '440605'], R.randint(1, 3))
        gi = R.randrange(ng)
        banks_used = []
        for k in range(n):
            bank = R.choice([b for b in BANKS + ['TENPAY'] if b not in banks_used] or BANKS)
            banks_used.append(bank)
            op = int((d0 + R.uniform(0, window)) * DAY) + R.randint(9 * 3600, 16 * 3600)
            reg = R.choice(cities)
            a = W.acc(p, bank, op, reg, 'I' if bank != 'TENPAY' else 'II', 'farmer_card', 'card_farmer_card',
                      kind='wallet' if bank == 'TENPAY' else 'card')
            p.cards.append(a)
            if R.random() < 0.15:
                continue                           # never used in the data (unsold or seized)
            quiet = R.uniform(5, 35) if not yinbi else R.uniform(20, 60)
            layer = R.choice([1, 1, 2, 2, 3])
            add_pool(a, gi if R.random() < 0.8 else R.randrange(ng), layer, op + int(quiet * DAY),
                     life_days(3, 20))
            if a.opened >= 0 and R.random() < 0.5:  # a tiny activation deposit
                W.L(a.opened + R.randint(60, 3600), None, a, R.choice([1000, 2000, 5000, 10000]), 'counter', reg, 'deposit')
    # fresh mules: students / young workers opening new cards to sell or rent
    nfresh = 80 if not yinbi else 30
    for i in range(nfresh):
        live = R.choice([DG, DG, ZS, '440606', '440507', '445281', '441581', '445202'])
        p = W.person('fresh_mule_holder', live, R.choice(HOMETOWNS + [live]), byear=R.randint(1995, 2006))
        d0 = R.randint(5, 165)
        gi = R.randrange(ng)
        for k in range(R.choice([1, 1, 2])):
            bank = W.bank_for(live_group(live)) if R.random() < 0.7 else R.choice(BANKS)
            op = d0 * DAY + R.randint(9 * 3600, 17 * 3600) + k * R.randint(0, 3) * DAY
            a = W.acc(p, bank, op, live, 'I', 'mule', 'fresh_card_mule')
            p.cards.append(a)
            add_pool(a, gi, R.choice([1, 1, 1, 2]), op + int(R.uniform(0.2, 5) * DAY), life_days(2, 15))
    # old accounts sold (owner stops) or rented (owner continues)
    nold = 40 if not yinbi else 110
    old_cands = [p for p in workers + residents + students + shops if len(p.cards) >= 1 and p.victim is None]
    for p in R.sample(old_cands, nold):
        cs = [a for a in p.cards if a.opened < -60 * DAY]
        if not cs:
            continue
        a = R.choice(cs)
        mode = R.choice(['stops', 'continues'])
        s = R.randint(20, 165) * DAY
        a.role = 'mule'
        a.arch = 'old_account_sold_owner_stops' if mode == 'stops' else 'old_account_rented_owner_continues'
        a.sold = s if mode == 'stops' else None
        a.sold_mode = mode
        add_pool(a, R.randrange(ng), R.choice([1, 1, 2]) if not yinbi else 1, s + R.randint(3600, 3 * DAY),
                 life_days(5, 40) if not yinbi else life_days(20, 80))
    # payment-firm wallets used as receiving accounts
    for i in range(40):
        live = R.choice(REGION_ALL)
        p = W.person('wallet_mule_holder', live, byear=R.randint(1990, 2006))
        bank = R.choice(['TENPAY', 'TENPAY', 'ALIPAY'])
        op = R.choice([W.old_open(2017), R.randint(0, 170) * DAY + R.randint(9, 20) * 3600])
        a = W.acc(p, bank, op, live, R.choice(['II', 'III']), 'mule', 'wallet_mule', kind='wallet')
        p.wallet = a
        add_pool(a, R.choice([1, 4, 2, 1, 4]), 1, max(op, 0) + R.randint(1, 10) * DAY, life_days(3, 25))
    # shell companies
    for i in range(10):
        live = R.choice([DG, '440605', ZS, '440511', '445281', '441581'])
        p = W.person('shell_company', live, corp=True)
        op = R.choice([W.old_open(2022), R.randint(-60, 100) * DAY + 10 * 3600])
        a = W.acc(p, R.choice(['ICBC', 'CMB', 'DGB', 'PAB', 'CIB', 'GDRC']), op, live, 'corp', 'mule', 'shell_company',
                  kind='corp')
        add_pool(a, R.choice([2, 3, 5, 0, 2]), 1, max(op, 0) + R.randint(10, 40) * DAY, life_days(15, 60))
    # external layer accounts at non-supplying banks (bought cards from far away)
    for i in range(90):
        p = W.person('mule_holder_external', R.choice(FARMER_HOMES + HOMETOWNS + FAR_CITIES))
        a = W.acc(p, R.choice(['ABC', 'CCB', 'PSBC', 'BOC', 'PAB', 'CIB', 'ALIPAY']), W.old_open(2019), p.live, 'I',
                  'mule', 'external_mule_card', kind='card')
        a.is_card = a.bank != 'ALIPAY'
        add_pool(a, R.randrange(ng), R.choice([1, 2, 2, 3, 3]), R.randint(-10, 175) * DAY, life_days(5, 30))
    # 跑分 participants: ordinary people whose wallet or card is rented to a 跑分 platform
    paofen_src = [p for p in workers + students + new_workers if p.wallet is not None]
    for p in R.sample(paofen_src, 40):
        a = p.wallet if R.random() < 0.7 else p.cards[0]
        a.role = 'paofen'
        a.arch = 'paofen_' + ('wallet' if a is p.wallet else 'card')
        gi = R.choice([1, 1, 2, 4, 4, 5])
        add_pool(a, gi, 1, max(a.opened, 0) + R.randint(5, 150) * DAY, life_days(5, 30))

    # ---------------- victims
    vcounts = {'brushing': 60, 'ecommerce_cs': 45, 'investment': 45, 'loan_card': 35, 'credit_record': 30,
               'shopping_service': 40, 'police_gov': 30, 'leader_acquaintance': 25, 'game_trade': 25, 'romance': 25,
               'military_purchase': 10, 'net_black': 10, 'prize': 10, 'parcel': 10, 'subsidy_refund': 10,
               'accident_kidnap': 12, 'phone_bill': 8, 'fake_job': 15}
    inside_pool = [p for p in inregion if p.arch in ('worker', 'resident', 'shop', 'stall', 'wholesaler', 'boss',
                                                     'student', 'new_worker', 'landlord', 'big_payer', 'multi_saver')
                   and all(a.role == 'lawful' for a in p.cards)]
    R.shuffle(inside_pool)
    out_pool = [p for p in outsiders]
    R.shuffle(out_pool)
    vid = 0
    amt_scale = 1.0 if not yinbi else 0.55
    report_p = {'police_gov': 0.75, 'investment': 0.7, 'romance': 0.6, 'leader_acquaintance': 0.7,
                'credit_record': 0.6, 'ecommerce_cs': 0.6, 'brushing': 0.5, 'loan_card': 0.5,
                'shopping_service': 0.3, 'game_trade': 0.3, 'military_purchase': 0.6, 'accident_kidnap': 0.7}
    for typ, n in vcounts.items():
        n = int(round(n * 1.4))
        gis = [i for i, g in enumerate(W.gangs) if typ in g['typs']] or [0]
        for k in range(n):
            inside_p = {'accident_kidnap': 0.15, 'military_purchase': 0.9, 'leader_acquaintance': 0.7,
                        'fake_job': 0.6, 'brushing': 0.5}.get(typ, 0.45)
            if R.random() < inside_p and inside_pool:
                if typ == 'leader_acquaintance' or typ == 'military_purchase':
                    cand = [q for q in inside_pool[:400] if q.arch in ('boss', 'wholesaler', 'shop', 'resident')]
                    p = cand[0] if cand else inside_pool[0]
                elif typ == 'fake_job':
                    cand = [q for q in inside_pool[:400] if q.arch in ('worker', 'new_worker', 'student')]
                    p = cand[0] if cand else inside_pool[0]
                else:
                    p = inside_pool[0]
                inside_pool.remove(p)
                srcs = [a for a in p.cards]
                if p.wallet and typ in ('shopping_service', 'game_trade', 'brushing', 'fake_job', 'prize'):
                    srcs = [p.wallet] + srcs
            else:
                if out_pool and R.random() < 0.45:
                    p = out_pool.pop()
                    srcs = list(p.cards)
                else:
                    p = W.person('outside_victim_external', R.choice(FAR_CITIES + HOMETOWNS))
                    srcs = [W.acc(p, W.bank_for('OUT'), W.old_open(), p.live, 'I') for _ in range(R.randint(1, 2))]
                    p.cards = srcs
            p.victim = typ
            rp = report_p.get(typ, 0.45) * (0.85 if yinbi else 1.0)
            v = {'id': vid, 'p': p, 'typ': typ, 'gang': R.choice(gis), 'reported': R.random() < rp, 'paid': 0,
                 'dests': [], 'srcs': srcs}
            vid += 1
            W.victims.append(v)
            plan_victim(W, v, amt_scale, dealers)
    return lawful_all


def plan_victim(W, v, s, dealers):
    R = W.R
    typ = v['typ']
    srcs = v['srcs']
    main = srcs[0]
    p = v['p']
    d0 = R.randint(8, DAYS - 12)
    t0 = W.tday(d0, 9, 21)
    sanfang_ok = typ in ('shopping_service', 'ecommerce_cs', 'investment', 'brushing')

    def pay(t, amt, ch='mobile', dest=None, memo='', src=None):
        if sanfang_ok and R.random() < 0.12:
            dest = 'sanfang'
        W.push(t, 'V', (v, src or main, max(100, int(amt * s)), ch, dest, memo))

    def consolidate(t):
        for a in srcs[1:]:
            if a.bank in ('TENPAY', 'ALIPAY'):
                continue
            W.L(t - R.randint(600, 5400), a, main, 10 ** 9, 'mobile', memo='')

    def loan_first(t, lo, hi):
        for _ in range(R.randint(1, 3)):
            W.L(t - R.randint(1800, 6 * 3600), R.choice(W.loan_apps), main, rfen(R, lo, hi, 100), 'online', memo='放款')

    if typ == 'brushing':
        v['rebate'] = R.randint(1, 2)
        n = R.randint(3, 8)
        amt = rfen(R, 100, 600, 0)
        t = t0
        for i in range(n):
            dest = ('paofen_wallet', 'wallet_mule') if i < 2 else None
            pay(t, amt, 'mobile', dest, R.choice(['', '任务', '做单']), src=srcs[0])
            amt = int(amt * R.uniform(1.6, 3.0))
            t += R.randint(900, 8 * 3600)
    elif typ == 'ecommerce_cs':
        consolidate(t0)
        if R.random() < 0.4:
            loan_first(t0, 5000, 30000)
        for i in range(R.randint(1, 3)):
            pay(t0 + i * R.randint(300, 2400), rfen(R, 2000, 50000, 1), R.choice(['mobile', 'online']))
    elif typ in ('investment', 'romance'):
        n = R.randint(4, 14)
        t = t0
        amt = rfen(R, 3000, 20000, 100)
        for i in range(n):
            dest = 'ushang' if R.random() < 0.25 else (('shell_company',) if R.random() < 0.3 else None)
            pay(t, amt, R.choice(['mobile', 'online', 'counter']), dest, R.choice(['', '投资', '充值', '入金']))
            amt = int(amt * R.uniform(1.0, 1.8))
            t += int(R.uniform(1, 8) * DAY)
            if t >= END - DAY:
                break
    elif typ == 'loan_card':
        t = t0
        for i in range(R.randint(2, 5)):
            pay(t, rfen(R, 500, 8000, 100), 'mobile', None, R.choice(['解冻费', '保证金', '', '手续费']))
            t += R.randint(1200, DAY)
    elif typ == 'credit_record':
        loan_first(t0, 10000, 60000)
        consolidate(t0)
        for i in range(R.randint(1, 3)):
            pay(t0 + i * R.randint(600, 3600), rfen(R, 8000, 60000, 100), 'mobile')
    elif typ in ('shopping_service', 'game_trade'):
        for i in range(R.randint(1, 3)):
            pay(t0 + i * R.randint(300, 6 * 3600), rfen(R, 80, 3000, 0), 'mobile',
                ('paofen_wallet', 'paofen_card', 'wallet_mule'), R.choice(['', '货款', '定金', '账号']))
    elif typ == 'police_gov':
        consolidate(t0)
        t = t0
        for i in range(R.randint(1, 4)):
            ch = 'counter' if R.random() < 0.4 else 'mobile'
            pay(t, rfen(R, 20000, 400000, 100), ch, None, R.choice(['', '资金清查', '安全账户', '']))
            t += R.randint(1800, 2 * DAY)
    elif typ == 'leader_acquaintance':
        for i in range(R.randint(1, 2)):
            pay(t0 + i * R.randint(300, 3600), rfen(R, 5000, 100000, 100), 'mobile', None, '')
    elif typ == 'military_purchase':
        for i in range(R.randint(1, 3)):
            pay(t0 + i * R.randint(3600, 2 * DAY), rfen(R, 5000, 60000, 100), 'online', ('shell_company',), '垫付货款')
    elif typ == 'accident_kidnap':
        for i in range(R.randint(1, 2)):
            pay(t0 + i * R.randint(300, 1800), rfen(R, 10000, 50000, 100), R.choice(['mobile', 'counter']), None,
                R.choice(['医疗费', '', '']))
    elif typ == 'subsidy_refund':
        for i in range(R.randint(1, 3)):
            pay(t0 + i * R.randint(300, 1200), rfen(R, 2000, 30000, 100), 'atm', None, '')
    else:   # prize, parcel, phone_bill, fake_job, net_black
        for i in range(R.randint(1, 3)):
            lo, hi = (200, 3000) if typ in ('fake_job', 'prize') else (2000, 40000)
            pay(t0 + i * R.randint(600, 3 * 3600), rfen(R, lo, hi, 10), 'mobile', None,
                R.choice(['', '手续费', '培训费' if typ == 'fake_job' else '']))


def poisson(R, lam):
    import math
    L = math.exp(-lam)
    k = 0
    p = 1.0
    while True:
        p *= R.random()
        if p <= L:
            return k
        k += 1


# ============================================================================= output
def ts(t):
    return (T0 + timedelta(seconds=t)).isoformat()


def fen(a):
    return '%d.%02d' % (a // 100, a % 100)


def write(W, out, truth, stats):
    R = random.Random('pearl-labels:%s:%d' % (W.variant, W.seed))
    os.makedirs(out, exist_ok=True)
    yinbi = W.variant == 'yinbi'
    # opening balances: replay written rows, opening = max(true balance before first row, deficit)
    first = {}
    flow = {}
    minpref = {}
    for (t, tid, frm, to, amt, ch, reg, kind, memo) in W.rows:
        for a, sgn in ((frm, -1), (to, 1)):
            if a is None or not a.row:
                continue
            if a.id not in first:
                bal_after = a.bal  # placeholder; real value computed below
                first[a.id] = None
            f = flow.get(a.id, 0) + sgn * amt
            flow[a.id] = f
            if f < minpref.get(a.id, 0):
                minpref[a.id] = f
    # true balance before first written row = final true balance - sum of all flows after it that
    # were executed (written or not).  Keep it simple and exact for the replay: opening must be at
    # least -minpref; use final true balance - written net flow when that is >= -minpref.
    opening = {}
    for a in W.accs:
        if not a.row:
            continue
        if a.opened >= a.start:
            base = 0
        else:
            base = a.bal - flow.get(a.id, 0)
        opening[a.id] = max(base, -minpref.get(a.id, 0), 0)
    # accounts written
    acc_rows = [a for a in W.accs if a.row and a.opened < END]
    with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance',
                    'status'])
        for a in acc_rows:
            w.writerow([a.id, a.bank, a.p.hid, ts(a.opened), a.region, a.cls, fen(opening[a.id]), 'active'])
    with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                    'memo'])
        for (t, tid, frm, to, amt, ch, reg, kind, memo) in W.rows:
            w.writerow([tid, ts(t), frm.id if frm else '', to.id if to else '', fen(amt), 'CNY', ch, reg, kind, memo])
    # ---------------- labels
    fraud_txn = set()
    vpay = {}
    for tid, k in W.ttruth:
        pass
    # which victim rows: map via rows of victim payments
    tkind = dict(W.ttruth)
    victim_src = {}
    for v in W.victims:
        for a in v['srcs']:
            victim_src[a.id] = v
    labels = []
    for (t, tid, frm, to, amt, ch, reg, kind, memo) in W.rows:
        if tkind.get(tid) == 'victim_payment':
            v = victim_src.get(frm.id)
            if v and v['reported']:
                labels.append(('transfer', tid, 'fraud'))
    mule_lab = {}
    for a in W.accs:
        if not a.fraud_in or not (a.seen or a.row):
            continue               # the analyst only knows accounts that appear in the data
        if a.role in ('mule', 'farmer_card'):
            L = a.layer
            if L <= 1:
                p = 0.75 if a.rep else 0.1
            elif L == 2:
                p = 0.35 if a.rep else 0.05
            else:
                p = 0.12 if a.rep else 0.02
            if yinbi and a.arch.startswith('old_account'):
                p *= 0.6
        elif a.role == 'paofen':
            p = 0.5 if a.rep else 0.05
        elif a.role == 'ushang':
            p = 0.15 if a.rep else 0.0
        elif a.role == 'operator':
            p = 0.3 if a.rep else 0.05
        elif a in W.sanfang:
            p = 0.6 if a.rep else 0.0
        else:
            p = 0.0
        if R.random() < p:
            mule_lab[a.id] = 1
    # a few lawful accounts labelled because they traded with a labelled U商 (contact-based freezes)
    lab_u = [a for a in W.ushang if a.id in mule_lab]
    if lab_u:
        contacts = []
        seen = set()
        for (t, tid, frm, to, amt, ch, reg, kind, memo) in W.rows:
            if to in lab_u and frm is not None and frm.role == 'lawful' and frm.p.arch == 'crypto_buyer' \
                    and frm.id not in seen:
                seen.add(frm.id); contacts.append(frm)
        for a in contacts[:3]:
            if R.random() < 0.5:
                mule_lab[a.id] = 1
    for a in W.accs:
        if a.id in mule_lab:
            labels.append(('account', a.id, 'mule'))
    nfl = len(W.farmers) // 2 + (len(W.farmers) % 2 if R.random() < 0.5 else 0)
    flab = R.sample(W.farmers, nfl)
    flab_ids = {p.hid for p in flab}
    for p in W.farmers:
        if p.hid in flab_ids:
            labels.append(('holder', p.hid, 'card_farmer'))
    with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['kind', 'id', 'label'])
        for r in labels:
            w.writerow(r)
    if truth:
        with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for c, name, typ, s, _, _ in INST:
                w.writerow(['institution', c, c, '', '', '', typ, '', '', '', '', ts(s * DAY) if s is not None else ''])
            for a in W.accs:
                if not ((a.row and a.opened < END) or a.seen):
                    continue
                arch = a.arch
                if a.p.victim and a.role == 'lawful':
                    arch += ';victim=' + a.p.victim
                w.writerow(['account', a.id, a.bank, a.p.hid, 1 if a.row else 0, a.role, arch,
                            1 if a.p.farmer else 0, ts(a.opened), 1 if a.id in mule_lab else 0,
                            1 if a.p.hid in flab_ids else 0, ts(a.start) if a.row else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for r in W.ttruth:
                w.writerow(r)
    if stats:
        from collections import Counter
        kc = Counter(k for _, k in W.ttruth)
        roles = Counter(a.role for a in W.accs if (a.row and a.opened < END) or a.seen)
        rows_roles = Counter(a.role for a in acc_rows)
        print('variant=%s seed=%d' % (W.variant, W.seed))
        print('account rows: %d  (by role %s)' % (len(acc_rows), dict(rows_roles)))
        print('accounts in truth (rows or in transfers): %d (by role %s)' % (sum(roles.values()), dict(roles)))
        print('transfers: %d  fraud-related: %d %s' % (len(W.rows), len(W.ttruth), dict(kc)))
        fused = sum(1 for a in W.accs if a.fraud_in and a.role in ('mule', 'farmer_card', 'paofen'))
        print('mule/farmer/paofen accounts that moved fraud money: %d' % fused)
        print('victims: %d reported: %d' % (len(W.victims), sum(1 for v in W.victims if v['reported'])))
        print('card farmers: %d labelled: %d' % (len(W.farmers), len(flab_ids)))
        print('labels: %s' % dict(Counter(l[2] for l in labels)))


def main():
    ap = argparse.ArgumentParser(description='Pearl River Delta + Chaoshan synthetic world for fanzha')
    ap.add_argument('--variant', default='baseline', choices=VARIANTS)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    ap.add_argument('--stats', action='store_true')
    a = ap.parse_args()
    W = World(a.variant, a.seed)
    build(W)
    W.run()
    write(W, a.out, a.truth, a.stats)


if __name__ == '__main__':
    main()
