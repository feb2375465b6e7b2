#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project: an independent synthetic evaluation world
# ("qionglei", Hainan and western Guangdong) for the anti-telecom-fraud engine.
"""Generate the qionglei synthetic world (accounts, transfers, labels, truth).

Usage: python3 qionglei_world.py --variant baseline|qianyi|chaoshi --seed INT --out DIR
       [--truth] [--stats] [--verify]
Standard library only; output is byte-identical for the same variant and seed.
"""
import argparse
import csv
import os
import sys
import time
import zlib
import random

# ---------------------------------------------------------------- calendar
T0_EPOCH = 1705248000          # 2024-01-15T00:00:00+08:00 (a Monday)
DAYS = 170                     # to 2024-07-02
DAY = 86400
HOUR = 3600
SPRING_FESTIVAL = 26           # 2024-02-10
TERM_START = 42                # 2024-02-26
WINTER_END = 76                # 2024-03-31, migratory birds fly home
MORATORIUM = 107               # 2024-05-01, South China Sea fishing moratorium
LYCHEE = (121, 167)            # 2024-05-15 .. 2024-06-30, Maoming lychee harvest
MONTH_DAYS = [0, 17, 46, 77, 107, 138, 168]   # 1st of Feb..Jul relative to T0 (and T0)


def fmt_ts(t):
    tt = time.gmtime(T0_EPOCH + t + 8 * HOUR)
    return time.strftime('%Y-%m-%dT%H:%M:%S+08:00', tt)


# ---------------------------------------------------------------- regions (GB/T 2260)
HAIKOU = ['460105', '460106', '460107', '460108']
SANYA = ['460202', '460203', '460204', '460205']
DANZHOU = ['460400']
QIONGHAI = ['469002']
WENCHANG = ['469005']
WANNING = ['469006']
ZHANJIANG = ['440802', '440803', '440804', '440811', '440823', '440825', '440881', '440882', '440883']
MAOMING = ['440902', '440904', '440981', '440982', '440983']
LOCAL = HAIKOU * 3 + SANYA * 2 + DANZHOU * 2 + QIONGHAI + WENCHANG + WANNING + ZHANJIANG + MAOMING
NORTH = ['230102', '230103', '230104', '210102', '210103', '220102', '220104', '150102', '110105', '130102']
FAR = ['150102', '150203', '230103', '230602', '430102', '430104', '320102', '420102', '530102',
       '450102', '350102', '360102', '510104', '410102']
CASHOUT_FAR = ['440106', '440304', '440303', '441900', '440604', '532801', '450102', '530102']
ELSEWHERE = ['440106', '440304', '330106', '310104', '110105', '510104', '420102', '430102',
             '320102', '350102', '370102', '610102', '500103', '210102', '230102']

# ---------------------------------------------------------------- institutions
# code: (type, supplying, extract start day or None, card BIN, corp prefix)
INSTITUTIONS = [
    ('ICBC', 'big_bank', 1, 0, '622202', '2201'),
    ('CCB', 'big_bank', 1, 0, '621700', '4605'),
    ('ZJRCB', 'rural_commercial_bank', 1, 3, '622387', '8001'),
    ('HNRCB', 'rural_credit_union', 1, 5, '621458', '1012'),
    ('HNB', 'city_commercial_bank', 1, 12, '623510', '6001'),
    ('HNPAY', 'payment_firm', 1, 20, '886801', None),
    ('ABC', 'big_bank', 0, None, '622848', '2110'),
    ('BOC', 'big_bank', 0, None, '621661', '2665'),
    ('BOCOM', 'big_bank', 0, None, '622262', '4610'),
    ('PSBC', 'big_bank', 0, None, '621799', '9440'),
    ('CMB', 'joint_stock_bank', 0, None, '621483', '7559'),
    ('CIB', 'joint_stock_bank', 0, None, '622909', '3911'),
    ('SPDB', 'joint_stock_bank', 0, None, '622521', '3401'),
    ('GDRC', 'rural_credit_union', 0, None, '621728', '8002'),
    ('HRBB', 'city_commercial_bank', 0, None, '622425', '5010'),
    ('SJB', 'city_commercial_bank', 0, None, '622468', '5210'),
    ('WXPAY', 'payment_firm', 0, None, '101088', None),
    ('ZFBPAY', 'payment_firm', 0, None, '208801', None),
]
INST = {c[0]: c for c in INSTITUTIONS}
SUPPLY = [c[0] for c in INSTITUTIONS if c[2]]
SUPPLY_BANKS = ['ICBC', 'CCB', 'ZJRCB', 'HNRCB', 'HNB']
NONSUP_BANKS = ['ABC', 'BOC', 'BOCOM', 'PSBC', 'CMB', 'CIB', 'SPDB', 'GDRC']
START = {c[0]: c[3] * DAY for c in INSTITUTIONS if c[2]}

TYPOLOGIES = [  # id, weight, payments (lo, hi), amount yuan (lo, hi), spread days
    ('police_gov', 12, (1, 4), (20000, 300000), 3),
    ('brushing', 20, (2, 7), (200, 30000), 2),
    ('investment', 15, (2, 10), (5000, 120000), 40),
    ('romance', 8, (2, 8), (3000, 80000), 35),
    ('loan_card', 10, (2, 4), (500, 9000), 4),
    ('credit_record', 8, (1, 3), (5000, 60000), 2),
    ('ecommerce_cs', 12, (1, 4), (1000, 30000), 1),
    ('shopping_service', 6, (1, 2), (100, 3000), 2),
    ('leader_acquaintance', 5, (1, 2), (10000, 80000), 1),
    ('game_trade', 2, (1, 3), (200, 5000), 2),
    ('subsidy_refund', 2, (1, 2), (3000, 20000), 1),
]

VARIANTS = {
    'baseline': dict(look=1.0, old_frac=0.2, slow=False),
    'qianyi': dict(look=1.0, old_frac=0.7, slow=True),
    'chaoshi': dict(look=2.5, old_frac=0.2, slow=False),
}

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return '10X98765432'[sum(int(a) * w for a, w in zip(s17, ID_W)) % 11]


def uscc_check(s17):
    c = 31 - sum(USCC_CH.index(a) * w for a, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if c == 31 else c]


def org_check(s8):
    c = 11 - sum(int(a) * w for a, w in zip(s8, ORG_W)) % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return num.isdigit() and luhn_digit(num[:-1]) == num[-1]


class Acct(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'cf', 'row', 'base')

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


class World(object):
    def __init__(self, variant, seed):
        self.v = VARIANTS[variant]
        self.variant = variant
        self.r = random.Random(seed * 1000003 + zlib.crc32(variant.encode()))
        self.acc = {}
        self.order = []
        self.holders = set()
        self.tx = []          # (t, seq, frm, to, fen, channel, region, kind, memo, fkind)
        self.seq = 0
        self.victims = []     # (holder, acct, typology, [tx index])
        self.farmers = []     # holder ids
        self.employers = []
        self.merchants = []
        self.ordinary = []
        self.used = {}

    # ------------------------------------------------------------ identities and accounts
    def person(self, region, y0=1955, y1=2003):
        r = self.r
        while True:
            y = r.randint(y0, y1)
            m = r.randint(1, 12)
            d = r.randint(1, 28)
            s17 = '%s%04d%02d%02d%03d' % (region, y, m, d, r.randint(1, 999))
            h = s17 + id_check(s17)
            if h not in self.holders:
                self.holders.add(h)
                return h

    def company(self, region):
        r = self.r
        while True:
            s8 = ''.join(r.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') if i < 2 else str(r.randint(0, 9))
                         for i in range(8))
            s8 = ''.join(ch if ch.isdigit() else str(ord(ch) % 10) for ch in s8)
            s17 = '91' + region + s8 + org_check(s8)
            h = s17 + uscc_check(s17)
            if h not in self.holders:
                self.holders.add(h)
                return h

    def new_id(self, bank, corp):
        r = self.r
        inst = INST[bank]
        while True:
            if corp:
                pre = inst[5] or '9900'
                aid = pre + ''.join(str(r.randint(0, 9)) for _ in range(15))
            else:
                body = inst[4] + ''.join(str(r.randint(0, 9)) for _ in range(12 if bank != 'CMB' and bank not in ('HNPAY', 'WXPAY', 'ZFBPAY') else 9))
                aid = body + luhn_digit(body)
            if aid not in self.acc:
                return aid

    def account(self, bank, holder, opened, region, cls, role='lawful', arch='ordinary', cf=0, base=None):
        corp = cls == 'corp'
        aid = self.new_id(bank, corp)
        r = self.r
        if base is None:
            if opened < 0:
                base = int(r.lognormvariate(8.5, 1.4) * 100) if not corp else int(r.lognormvariate(12, 1) * 100)
            else:
                base = r.choice([0, 0, 1000, 5000, 10000])
        a = Acct(id=aid, bank=bank, holder=holder, opened=opened, region=region, cls=cls, role=role,
                 arch=arch, cf=cf, row=bool(INST[bank][2]), base=base)
        self.acc[aid] = a
        self.order.append(aid)
        return aid

    # ------------------------------------------------------------ transfers
    def t(self, ts, frm, to, yuan, ch='mobile', region='', kind='transfer', memo='', fk=''):
        fen = int(round(yuan * 100))
        if fen <= 0:
            return None
        if ts < 0 or ts >= DAYS * DAY:
            return None
        if (frm and self.acc[frm].opened > ts - 60) or (to and self.acc[to].opened > ts - 60):
            return None
        self.seq += 1
        self.tx.append((int(ts), self.seq, frm or '', to or '', fen, ch, region, kind, memo, fk))
        return len(self.tx) - 1

    def at(self, d, h0=8, h1=22):
        return d * DAY + self.r.randint(h0 * HOUR, h1 * HOUR - 1)

    def pick_bank(self, sup_p=0.6, wallet_p=0.0):
        r = self.r
        if r.random() < wallet_p:
            return r.choice(['HNPAY', 'HNPAY', 'WXPAY', 'ZFBPAY'])
        if r.random() < sup_p:
            return r.choice(['ICBC', 'ICBC', 'CCB', 'CCB', 'HNRCB', 'ZJRCB', 'HNB'])
        return r.choice(NONSUP_BANKS)

    def old_open(self, y0=0.3, y1=12.0):
        return -int(self.r.uniform(y0, y1) * 365 * DAY) - self.r.randint(0, DAY)

    def ext_person(self, region=None, arch='ordinary_external'):
        r = self.r
        region = region or r.choice(ELSEWHERE + LOCAL)
        h = self.person(region)
        return self.account(r.choice(NONSUP_BANKS + ['WXPAY', 'ZFBPAY']), h, self.old_open(), region, 'I', arch=arch)

    def amt(self, med, sigma=0.6, lo=1.0, hi=1e7, step=None):
        v = self.r.lognormvariate(0, sigma) * med
        v = max(lo, min(hi, v))
        if step:
            return max(step, round(v / step) * step)
        return round(v, 2)

    # ------------------------------------------------------------ background population
    def base_population(self):
        r = self.r
        for i in range(220):
            reg = r.choice(LOCAL)
            bank = self.pick_bank(0.6)
            self.employers.append(self.account(bank, self.company(reg), self.old_open(1, 20), reg, 'corp', arch='employer'))
        for i in range(520):
            reg = r.choice(LOCAL)
            bank = self.pick_bank(0.45, wallet_p=0.0)
            self.merchants.append(self.account(bank, self.company(reg), self.old_open(0.5, 15), reg, 'corp', arch='merchant'))
        self.gold = []
        for reg in ['440303', '440303', '460106', '460202', '440803', '440106']:
            bank = self.r.choice(['ICBC', 'CCB', 'BOC', 'CMB'])
            self.gold.append(self.account(bank, self.company(reg), self.old_open(2, 15), reg, 'corp', arch='gold_dealer'))
        for i in range(7500 if self.v["look"] == 1.0 else 6500):
            self.ordinary.append(self.ordinary_person())
        for i in range(3000):   # rarely used cards: a row, few or no transfers
            reg = r.choice(LOCAL)
            h = self.person(reg)
            a = self.account(r.choice(SUPPLY_BANKS), h, self.old_open(0.5, 15), reg, r.choice(['I', 'II']), arch='dormant')
            if r.random() < 0.4:
                self.t(self.at(r.randrange(DAYS)), a, r.choice(self.merchants), self.amt(80), 'mobile', reg)
        # ordinary accounts opened every day inside the window
        for i in range(900):
            reg = r.choice(LOCAL)
            d = r.randrange(DAYS - 5)
            a = self.ordinary_person(opened=self.at(d, 9, 17), region=reg, arch='ordinary_new')
            self.ordinary.append(a)
        # post-pass for employers and merchants happens in finish_business()

    def ordinary_person(self, opened=None, region=None, arch='ordinary', bank=None, salary=None, holder=None):
        r = self.r
        region = region or r.choice(LOCAL)
        holder = holder or self.person(region)
        if opened is None:
            opened = self.old_open(0.3, 15)
        bank = bank or r.choice(SUPPLY_BANKS + ['HNPAY'])
        cls = 'II' if bank == 'HNPAY' else r.choice(['I', 'I', 'I', 'II'])
        a = self.account(bank, holder, opened, region, cls, arch=arch)
        self.life(a, region, opened, salary=salary)
        return a

    def life(self, a, region, start, end=DAYS * DAY, salary=None, intensity=1.0):
        r = self.r
        d0 = max(0, start // DAY + 1)
        d1 = end // DAY
        if d1 <= d0:
            return
        if salary is None:
            salary = r.random() < 0.65
        if salary:
            emp = r.choice(self.employers)
            pay = self.amt(5500, 0.45, 2200, 40000)
            pd = r.choice([5, 10, 15, 20])
            for m in MONTH_DAYS:
                d = m + pd - 1
                if d0 <= d < d1:
                    self.t(d * DAY + r.randint(9 * HOUR, 11 * HOUR), emp, a, round(pay * r.uniform(0.95, 1.08), 2),
                           'other', region, memo='工资')
        span = d1 - d0
        n = int(r.randint(4, 14) * intensity * span / DAYS + r.random())
        for _ in range(n):
            d = r.randrange(d0, d1)
            self.t(self.at(d, 7, 23), a, r.choice(self.merchants), self.amt(160, 0.9, 5, 20000),
                   r.choice(['pos', 'mobile', 'mobile', 'online']), region)
        if r.random() < 0.5 and d0 < SPRING_FESTIVAL:
            for _ in range(r.randint(1, 3)):
                to = r.choice(self.ordinary) if self.ordinary and r.random() < 0.5 else None
                if to is None:
                    continue
                self.t(self.at(r.randint(max(d0, SPRING_FESTIVAL - 6), SPRING_FESTIVAL + 2)), a, to,
                       r.choice([200, 288, 500, 666, 888, 1000, 2000]), 'mobile', region, memo='红包')
        if r.random() < 0.35:
            d = r.randrange(d0, d1)
            self.t(self.at(d), a, '', r.choice([500, 1000, 2000, 3000]), 'atm', region, kind='withdrawal')
        if r.random() < 0.15:
            d = r.randrange(d0, d1)
            self.t(self.at(d, 9, 17), '', a, r.choice([1000, 2000, 5000, 10000]), 'counter', region, kind='deposit')

    def finish_business(self):
        """Employers get revenue before paydays; row merchants pay suppliers monthly."""
        r = self.r
        inflow = {}
        outflow = {}
        for (ts, _, f, to, fen, *_rest) in self.tx:
            if to:
                inflow.setdefault(to, [0] * 7)[min(6, sum(1 for m in MONTH_DAYS if ts >= m * DAY) - 1)] += fen
            if f:
                outflow.setdefault(f, [0] * 7)[min(6, sum(1 for m in MONTH_DAYS if ts >= m * DAY) - 1)] += fen
        sup = [self.account(self.pick_bank(0.3), self.company(r.choice(LOCAL + ELSEWHERE)), self.old_open(2, 15),
                            r.choice(LOCAL), 'corp', arch='supplier') for _ in range(60)]
        for e in self.employers:
            a = self.acc[e]
            if not a.row:
                continue
            for mi, fen in enumerate(outflow.get(e, [0] * 7)):
                if fen:
                    d = MONTH_DAYS[mi] + r.randint(0, 3)
                    self.t(self.at(d, 9, 16), r.choice(sup) if r.random() < 0.3 else self.ext_corp(), e,
                           round(fen * r.uniform(1.0, 1.2) / 100, 2), 'online', a.region, memo='货款')
        for m in self.merchants + self.gold:
            a = self.acc[m]
            if not a.row:
                continue
            for mi, fen in enumerate(inflow.get(m, [0] * 7)):
                if fen > 100000:
                    d = min(DAYS - 1, MONTH_DAYS[mi] + 27)
                    self.t(self.at(d, 9, 17), m, r.choice(sup), round(fen * r.uniform(0.6, 0.9) / 100, 2),
                           'online', a.region, memo='结算')

    def ext_corp(self):
        r = self.r
        reg = r.choice(ELSEWHERE)
        return self.account(r.choice(NONSUP_BANKS), self.company(reg), self.old_open(1, 15), reg, 'corp', arch='external_corp')

    # ------------------------------------------------------------ lawful look-alikes
    def lookalikes(self):
        r = self.r
        k = self.v['look']
        n = lambda x: int(round(x * k))
        O = self.ordinary
        # seafood and shrimp wholesalers (Zhanjiang)
        for _ in range(n(12)):
            reg = r.choice(['440803', '440811', '440802'])
            w = self.account(r.choice(['ZJRCB', 'ICBC', 'CCB']), self.company(reg), self.old_open(2, 12), reg, 'corp', arch='seafood_wholesaler')
            rests = []
            for _ in range(r.randint(8, 15)):
                rr = r.choice(HAIKOU + SANYA + ZHANJIANG)
                rests.append((self.account(self.pick_bank(0.55), self.company(rr), self.old_open(1, 10), rr, 'corp', arch='restaurant'),
                              self.amt(9000, 0.6, 2000, 60000), r.randrange(7), rr))
            farms = []
            for _ in range(r.randint(6, 12)):
                fr = r.choice(['440823', '440825', '440882', '440881'])
                farms.append(self.account(self.pick_bank(0.6), self.person(fr, 1960, 1990), self.old_open(2, 15), fr, 'I', arch='shrimp_farmer'))
            for d in range(0, DAYS):
                dow = d % 7
                inc = 0
                for (ra, amt, rd, rr) in rests:
                    if rd == dow:
                        mult = 1.8 if SPRING_FESTIVAL - 12 < d < SPRING_FESTIVAL + 6 else (0.6 if MORATORIUM <= d else 1.0)
                        v = round(amt * mult * r.uniform(0.85, 1.15), 2)
                        self.t(self.at(d, 9, 15), ra, w, v, 'online', rr, memo='海鲜货款')
                        inc += v
                if inc and dow in (1, 4):
                    pass
                if inc > 0:
                    fs = r.sample(farms, min(len(farms), r.randint(1, 3)))
                    for fa in fs:
                        self.t(self.at(d, 16, 21), w, fa, round(inc * r.uniform(0.2, 0.35), 2), 'online', reg, memo='虾款')
            for fa in farms:
                for _ in range(r.randint(2, 6)):
                    self.t(self.at(r.randrange(DAYS)), fa, r.choice(self.merchants), self.amt(3000, 0.8), 'mobile', self.acc[fa].region, memo='饲料')
        # lychee buyers (Maoming) paying many growers at harvest
        for _ in range(n(8)):
            reg = r.choice(['440981', '440982', '440902'])
            h = self.person(reg, 1965, 1990)
            b = self.account(r.choice(['ICBC', 'CCB']), h, self.old_open(2, 12), reg, 'I', arch='lychee_buyer')
            growers = [self.account(r.choice(['ICBC', 'CCB', 'PSBC', 'GDRC', 'ABC']), self.person(r.choice(MAOMING), 1950, 1985),
                                    self.old_open(3, 20), reg, 'I', arch='lychee_grower') for _ in range(r.randint(20, 45))]
            markets = [self.ext_corp() for _ in range(3)]
            for d in range(LYCHEE[0], min(DAYS, LYCHEE[1])):
                if r.random() < 0.6:
                    todays = r.sample(growers, r.randint(3, 9))
                    tot = 0
                    for g in todays:
                        v = self.amt(4000, 0.6, 300, 40000)
                        tot += v
                    self.t(self.at(d, 7, 10), r.choice(markets), b, round(tot * r.uniform(1.05, 1.2), 2), 'online', reg, memo='荔枝货款')
                    for g in todays:
                        self.t(self.at(d, 12, 21), b, g, self.amt(4000, 0.6, 300, 40000), 'mobile', reg, memo='荔枝')
        # tour guides and homestay owners
        for kind, cnt in (('tour_guide', 20), ('homestay_owner', 20)):
            for _ in range(n(cnt)):
                reg = r.choice(SANYA + SANYA + HAIKOU + WANNING + WENCHANG)
                a = self.account(r.choice(SUPPLY_BANKS + ['HNPAY']), self.person(reg, 1970, 1998), self.old_open(1, 10), reg,
                                 'I' if r.random() < 0.7 else 'II', arch=kind)
                hotel = r.choice(self.merchants)
                for d in range(DAYS):
                    peak = d < WINTER_END or SPRING_FESTIVAL - 5 < d < SPRING_FESTIVAL + 10
                    if r.random() < (0.18 if peak else 0.05):
                        got = 0
                        for _ in range(r.randint(2, 12) if kind == 'tour_guide' else r.randint(1, 4)):
                            v = self.amt(600 if kind == 'tour_guide' else 900, 0.5, 100, 8000, step=1)
                            self.t(self.at(d, 7, 23), self.ext_person(), a, v, 'mobile', reg,
                                   memo='团费' if kind == 'tour_guide' else '房费')
                            got += v
                        if kind == 'tour_guide':
                            self.t(self.at(d, 22, 24), a, hotel, round(got * 0.7, 2), 'mobile', reg, memo='门票')
                if kind == 'homestay_owner':
                    for m in MONTH_DAYS[1:]:
                        self.t(self.at(m), a, r.choice(self.merchants), self.amt(3000, 0.4), 'mobile', reg, memo='水电')
        # daigou: duty-free resellers, bursts in and out
        cdf = [self.account(r.choice(['BOC', 'ICBC']), self.company('460202'), self.old_open(3, 10), '460202', 'corp', arch='duty_free_store'),
               self.account(r.choice(['BOC', 'CCB']), self.company('460108'), self.old_open(3, 10), '460108', 'corp', arch='duty_free_store')]
        for _ in range(n(25)):
            reg = r.choice(HAIKOU + SANYA)
            a = self.account(r.choice(['HNPAY', 'HNPAY', 'ICBC', 'CCB', 'HNB']), self.person(reg, 1985, 2002),
                             self.old_open(0.5, 6), reg, 'II', arch='daigou')
            custs = [self.ext_person() for _ in range(r.randint(15, 40))]
            for d in range(DAYS):
                if r.random() < 0.07:
                    tot = 0
                    for c in r.sample(custs, r.randint(4, 14)):
                        v = self.amt(1500, 0.7, 100, 20000)
                        self.t(self.at(d, 9, 23), c, a, v, 'mobile', reg, memo='代购')
                        tot += v
                    self.t(self.at(d + 1, 10, 20), a, r.choice(cdf), round(tot * 0.88, 2), 'pos', reg, memo='免税店')
        # migratory-bird retirees and their Sanya landlords
        landlords = []
        for _ in range(n(30)):
            reg = r.choice(SANYA + ['469006'])
            landlords.append(self.account(r.choice(SUPPLY_BANKS), self.person(reg, 1955, 1985), self.old_open(2, 15), reg, 'I', arch='landlord_sanya'))
        for _ in range(n(120)):
            home = r.choice(NORTH)
            h = self.person(home, 1945, 1964)
            pension = self.account(r.choice(['HRBB', 'SJB', 'ABC', 'BOC']), h, self.old_open(5, 20), home, 'I', arch='retiree_pension')
            reg = r.choice(SANYA)
            new = r.random() < 0.35
            opened = self.at(r.randint(0, 10), 9, 16) if new else self.old_open(1, 8)
            a = self.account(r.choice(['ICBC', 'CCB', 'HNB', 'HNRCB']), h, opened, reg, 'I', arch='retiree_migratory')
            leave = r.randint(WINTER_END - 20, WINTER_END + 20)
            d0 = max(0, opened // DAY + 1)
            self.t(self.at(d0, 9, 16), pension, a, self.amt(30000, 0.5, 8000, 150000, step=1000), 'online', home, memo='转账')
            ll = r.choice(landlords)
            rent = self.amt(3500, 0.3, 1500, 8000, step=100)
            for m in MONTH_DAYS:
                if d0 <= m + 1 < leave:
                    self.t(self.at(m + 1), a, ll, rent, 'mobile', reg, memo='房租')
                    self.t(self.at(m + 14), pension, a, self.amt(4000, 0.3, 2000, 9000), 'online', home, memo='养老金')
            self.life(a, reg, d0 * DAY, leave * DAY, salary=False, intensity=1.5)
            self.t(self.at(leave - 1), a, pension, self.amt(8000, 0.5, 1000, 30000, step=100), 'mobile', reg, memo='回家')
        # fishermen paid in lumps after a catch (none during the moratorium)
        for _ in range(n(40)):
            reg = r.choice(DANZHOU + QIONGHAI + WENCHANG + ['440882', '440825'])
            a = self.account(r.choice(['HNRCB', 'ZJRCB', 'ICBC', 'PSBC']), self.person(reg, 1960, 1995), self.old_open(2, 20), reg, 'I', arch='fisherman')
            buyer = self.ext_corp() if r.random() < 0.5 else r.choice(self.merchants)
            d = r.randint(0, 10)
            while d < MORATORIUM:
                self.t(self.at(d, 5, 10), buyer, a, self.amt(25000, 0.6, 3000, 200000), 'online', reg, memo='鱼款')
                self.t(self.at(d + 1), a, '', 5000 * r.randint(1, 4), 'atm', reg, kind='withdrawal')
                d += r.randint(8, 20)
            self.life(a, reg, 0, salary=False, intensity=0.5)
        # migrant workers remitting home
        for _ in range(n(150)):
            home = r.choice(MAOMING + ZHANJIANG + ['450102', '451402', '450902'])
            h = self.person(home, 1975, 2000)
            work = r.choice(HAIKOU + SANYA)
            a = self.account(r.choice(SUPPLY_BANKS), h, self.old_open(0.2, 8), work, 'I', arch='migrant_worker')
            fam = self.account(r.choice(['PSBC', 'GDRC', 'ABC', 'ZJRCB']), self.person(home, 1950, 1975), self.old_open(2, 20), home, 'I', arch='migrant_family')
            emp = r.choice(self.employers)
            pay = self.amt(6500, 0.3, 3000, 15000)
            for m in MONTH_DAYS:
                if m + 12 < DAYS:
                    self.t(self.at(m + 12, 9, 11), emp, a, round(pay * r.uniform(0.9, 1.1), 2), 'other', work, memo='工资')
                    self.t(self.at(m + 12, 19, 23), a, fam, round(pay * r.uniform(0.5, 0.8), -2), 'mobile', work, memo='家用')
            self.t(self.at(SPRING_FESTIVAL - 4), a, fam, self.amt(8000, 0.4, 2000, 30000, step=100), 'mobile', work, memo='过年')
        # family pooling (for a flat)
        for _ in range(n(40)):
            reg = r.choice(LOCAL)
            parent = self.ordinary_person(region=reg, arch='family_pool_parent', salary=False)
            kids = [self.ordinary_person(region=r.choice(LOCAL + ELSEWHERE[:3]), arch='family_pool_member') for _ in range(r.randint(2, 4))]
            for m in MONTH_DAYS:
                for kid in kids:
                    self.t(self.at(m + r.randint(10, 16)), kid, parent, self.amt(3000, 0.4, 500, 20000, step=100), 'mobile', reg, memo='凑首付')
            dev = self.ext_corp()
            self.t(self.at(r.randint(120, DAYS - 2), 9, 16), parent, dev, self.amt(150000, 0.3, 50000, 600000, step=1000), 'counter', reg, memo='首付')
        # rotating savings groups (标会)
        for _ in range(n(15)):
            reg = r.choice(WENCHANG + QIONGHAI + MAOMING + ZHANJIANG)
            org = self.ordinary_person(region=reg, arch='rosca_organiser')
            mem = [self.ordinary_person(region=reg, arch='rosca_member') if r.random() < 0.7 else self.ext_person(reg, 'rosca_member')
                   for _ in range(r.randint(8, 14))]
            share = r.choice([1000, 2000, 3000, 5000])
            for i, m in enumerate(MONTH_DAYS):
                if m + 5 >= DAYS:
                    break
                for x in mem:
                    self.t(self.at(m + r.randint(0, 4)), x, org, share, 'mobile', reg, memo='会钱')
                self.t(self.at(m + 5), org, mem[i % len(mem)], share * len(mem), 'mobile', reg, memo='得会')
        # students opening cards at term start, in batches at a campus branch
        for _ in range(n(200)):
            reg = r.choice(['460108', '460108', '460400', '460106', '440802'])
            bank = 'HNB' if reg.startswith('46') and r.random() < 0.6 else r.choice(['ICBC', 'CCB'])
            d = TERM_START + r.randint(0, 6)
            h = self.person(r.choice(LOCAL + ELSEWHERE), 2003, 2006)
            a = self.account(bank, h, d * DAY + r.choice([9, 10, 14, 15]) * HOUR + r.randint(0, 3000), reg, 'II', arch='student')
            par = self.ext_person(arch='student_parent')
            for m in MONTH_DAYS:
                if m >= d:
                    self.t(self.at(max(m, d + 1)), par, a, self.amt(1800, 0.3, 500, 5000, step=100), 'mobile', '', memo='生活费')
            self.life(a, reg, d * DAY, salary=False, intensity=1.2)
        # new employees' salary cards (batches: duty-free mall hiring, Maoming plant)
        for batch in range(n(6)):
            reg = ['460202', '440904', '460108', '440803', '460202', '469006'][batch % 6]
            emp = self.account('ICBC' if batch % 2 else 'CCB', self.company(reg), self.old_open(2, 10), reg, 'corp', arch='employer')
            self.employers.append(emp)
            d = r.choice([3, 20, 50, 80, 110])
            for _ in range(r.randint(18, 32)):
                h = self.person(r.choice(LOCAL + ELSEWHERE), 1990, 2004)
                a = self.account(self.acc[emp].bank, h, d * DAY + r.randint(9 * HOUR, 16 * HOUR), reg, 'I', arch='new_employee')
                pay = self.amt(5000, 0.2, 3000, 9000)
                for m in MONTH_DAYS:
                    if m + 9 > d + 20:
                        self.t(self.at(m + 9, 10, 12), emp, a, pay, 'other', reg, memo='工资')
                self.life(a, reg, d * DAY, salary=False)
        # people with cards at several banks moving money between their own accounts
        for _ in range(n(120)):
            reg = r.choice(LOCAL)
            h = self.person(reg)
            banks = r.sample(SUPPLY_BANKS + NONSUP_BANKS[:4] + ['HNPAY', 'WXPAY'], r.randint(3, 5))
            own = [self.account(b, h, self.old_open(0.5, 15), r.choice(LOCAL), 'I' if b not in ('HNPAY', 'WXPAY') else 'II', arch='multibank') for b in banks]
            self.life(own[0], reg, 0)
            for _ in range(r.randint(4, 12)):
                x, y = r.sample(own, 2)
                self.t(self.at(r.randrange(DAYS)), x, y, self.amt(5000, 0.8, 100, 100000, step=100), 'mobile', reg, memo='本人转账')
        # large first payments (car, flat deposit) from a new account
        for _ in range(n(60)):
            reg = r.choice(LOCAL)
            h = self.person(reg, 1970, 1998)
            d = r.randrange(DAYS - 10)
            old = self.account(r.choice(NONSUP_BANKS), h, self.old_open(3, 15), reg, 'I', arch='big_first_payment_source')
            a = self.account(r.choice(SUPPLY_BANKS), h, d * DAY + 10 * HOUR, reg, 'I', arch='big_first_payment')
            v = self.amt(120000, 0.6, 30000, 900000, step=1000)
            self.t(d * DAY + 11 * HOUR + r.randint(0, 3000), old, a, v, 'online', reg, memo='本人')
            self.t((d + r.randint(0, 3)) * DAY + 15 * HOUR, a, self.ext_corp(), v, 'counter', reg, memo=r.choice(['购车', '定金', '首付']))
        # wedding gifts
        for _ in range(n(40)):
            reg = r.choice(LOCAL)
            a = self.ordinary_person(region=reg, arch='wedding')
            d = r.choice([SPRING_FESTIVAL - 3, SPRING_FESTIVAL + 5, SPRING_FESTIVAL + 8, 95, 110, 130])
            tot = 0
            for _ in range(r.randint(20, 70)):
                g = r.choice(O) if r.random() < 0.5 else self.ext_person(reg)
                v = r.choice([600, 666, 800, 888, 1000, 1688, 1888, 2000, 6666])
                self.t(self.at(d + r.randint(-1, 1), 8, 23), g, a, v, 'mobile', reg, memo='新婚快乐')
                tot += v
            self.t(self.at(d + 2, 10, 16), a, r.choice(self.merchants), round(tot * 0.5, 2), 'pos', reg, memo='酒席')
            self.t(self.at(d + 3, 10, 16), a, r.choice(self.gold), self.amt(15000, 0.4, 3000, 60000), 'pos', reg, memo='金饰')
        # group buying organisers (团长)
        for _ in range(n(30)):
            reg = r.choice(HAIKOU + ZHANJIANG + SANYA)
            a = self.ordinary_person(region=reg, arch='group_buy_organiser', bank=r.choice(['HNPAY', 'ICBC', 'CCB']))
            sup = r.choice(self.merchants)
            for d in range(0, DAYS, r.randint(5, 10)):
                tot = 0
                for _ in range(r.randint(8, 30)):
                    v = self.amt(80, 0.6, 10, 600)
                    self.t(self.at(d, 8, 22), r.choice(O), a, v, 'mobile', reg, memo='团购')
                    tot += v
                self.t(self.at(d + 1, 9, 12), a, sup, round(tot * 0.92, 2), 'mobile', reg, memo='团购货款')
        # lawful gold buyers
        for _ in range(200):
            self.t(self.at(r.randrange(DAYS)), r.choice(O), r.choice(self.gold), self.amt(8000, 0.7, 500, 100000), 'pos', '', memo='黄金')

    # ------------------------------------------------------------ fraud
    def fraud(self):
        r = self.r
        slow = self.v['slow']
        old_frac = self.v['old_frac']
        self.ftxt = {}
        # card farmers
        nfarm = 24
        self.farm_cards = []
        for i in range(nfarm):
            home = r.choice(FAR + LOCAL[:6]) if not slow else r.choice(LOCAL)
            h = self.person(home, 1980, 2003)
            self.farmers.append(h)
            own = self.account(r.choice(SUPPLY_BANKS), h, self.old_open(2, 10), home, 'I', arch='farmer_own', cf=1)
            self.life(own, home, 0, salary=r.random() < 0.4)
            d0 = r.randint(0, 90)
            span = r.randint(3, 14) if not slow else r.randint(21, 60)
            cities = r.sample([HAIKOU, SANYA, ZHANJIANG, MAOMING, DANZHOU, ['440106'], ['430102'], ['320102']], r.randint(2, 3)) if not slow else [r.choice([HAIKOU, ZHANJIANG, MAOMING, SANYA])]
            cards = []
            for _ in range(r.randint(8, 20)):
                b = r.choice(SUPPLY_BANKS) if r.random() < 0.4 else r.choice(NONSUP_BANKS + ['WXPAY', 'ZFBPAY'])
                reg = r.choice(r.choice(cities))
                od = self.at(d0 + r.randrange(span), 9, 17)
                c = self.account(b, h, od, reg, 'I' if r.random() < 0.7 else 'II', role='farmer_card', arch='farmer_card', cf=1, base=r.choice([0, 1000, 1000, 5000]))
                cards.append(c)
            self.farm_cards.append((h, own, cards, d0 + span))
        # rings
        nring = 12
        rings = []
        self.mules = []
        pool_cards = [(c, ready) for (h, own, cards, ready) in self.farm_cards for c in cards]
        r.shuffle(pool_cards)
        for k in range(nring):
            s = r.randint(0, DAYS - 70)
            e = min(DAYS - 2, s + r.randint(40, 110))
            ring = dict(s=s, e=e)
            ring['op'] = self.account(r.choice(NONSUP_BANKS + ['ICBC']), self.person(r.choice(FAR)), self.old_open(1, 5), r.choice(FAR), 'I', role='operator', arch='operator')
            ring['ushang'] = []
            for _ in range(r.randint(1, 2)):
                reg = r.choice(['440106', '440304', '441900', '460108'])
                ring['ushang'].append(self.account(r.choice(SUPPLY_BANKS + NONSUP_BANKS), self.person(reg, 1985, 2000), self.old_open(0.5, 6), reg, 'I', role='ushang', arch='ushang_otc'))
            for lvl, cnt in (('L1', r.randint(12, 22)), ('L2', r.randint(6, 11)), ('L3', r.randint(4, 7)), ('CO', r.randint(3, 7))):
                lst = []
                for _ in range(cnt):
                    lst.append(self.mule(ring, lvl, old_frac, pool_cards))
                ring[lvl] = lst
            rings.append(ring)
        self.rings = rings
        # paofen participants
        self.paofen = []
        for _ in range(110):
            reg = r.choice(LOCAL + FAR)
            h = self.person(reg, 1995, 2005)
            bank = r.choice(SUPPLY_BANKS + ['HNPAY', 'HNPAY', 'WXPAY', 'ZFBPAY', 'CMB'])
            a = self.account(bank, h, self.old_open(0.2, 5), reg, 'II' if bank in ('HNPAY', 'WXPAY', 'ZFBPAY') else 'I', role='paofen', arch='paofen_participant')
            self.life(a, reg, 0, salary=False, intensity=0.6)
            self.paofen.append(a)
        # victims
        tw = [x[1] for x in TYPOLOGIES]
        nvict = 620
        for i in range(nvict):
            typ = r.choices(TYPOLOGIES, tw)[0]
            ring = rings[i % nring]
            if r.random() < 0.55:
                va = r.choice(self.ordinary)
                while self.acc[va].opened > 0:
                    va = r.choice(self.ordinary)
                self.acc[va].arch = self.acc[va].arch.split(';')[0] + ';victim=' + typ[0]
            else:
                va = self.ext_person(arch='victim_external;victim=' + typ[0])
            self.victim(va, typ, ring)
        # farmers paid for their card sets
        for (h, own, cards, ready) in self.farm_cards:
            if any(self.acc[c].role == 'farmer_card' and self.used.get(c) for c in cards):
                ring = r.choice(rings)
                d = min(DAYS - 1, ready + r.randint(0, 3))
                self.t(self.at(d), ring['op'], own, r.choice([5000, 5500, 6000]) * max(1, len(cards) // 8), 'mobile', '', memo='', fk='layering')

    def mule(self, ring, lvl, old_frac, pool_cards):
        r = self.r
        x = r.random()
        if x < 0.18 and pool_cards:
            for j, (c, ready) in enumerate(pool_cards):
                if ready <= ring['s'] + 20:
                    pool_cards.pop(j)
                    a = self.acc[c]
                    a.arch = 'farmer_card;sold=' + lvl
                    return c
        if x < 0.18 + old_frac:
            reg = r.choice(LOCAL)
            h = self.person(reg, 1965, 2003)
            a = self.account(r.choice(SUPPLY_BANKS + NONSUP_BANKS), h, self.old_open(2, 12), reg, 'I', role='mule', arch='mule_old_sold')
            sale = ring['s'] - r.randint(1, 20)
            self.life(a, reg, 0, max(0, sale) * DAY, salary=r.random() < 0.5)
            return a
        y = r.random()
        if lvl == 'L2' and y < 0.3:
            reg = r.choice(LOCAL + FAR)
            return self.account(r.choice(SUPPLY_BANKS + NONSUP_BANKS), self.company(reg), self.at(max(0, ring['s'] - r.randint(10, 60))) if ring['s'] > 15 else self.old_open(0.2, 1), reg, 'corp', role='mule', arch='mule_shell_company')
        if lvl in ('L1', 'L2') and y < 0.5:
            reg = r.choice(FAR + LOCAL)
            return self.account(r.choice(['HNPAY', 'WXPAY', 'ZFBPAY', 'HNPAY']), self.person(reg, 1985, 2004), self.old_open(0.1, 2), reg, 'II', role='mule', arch='mule_wallet')
        reg = r.choice(FAR) if not self.v['slow'] else r.choice(LOCAL)
        od = max(0, ring['s'] - r.randint(2, 20))
        return self.account(r.choice(SUPPLY_BANKS + NONSUP_BANKS), self.person(reg, 1980, 2004), self.at(od, 9, 16), reg, 'I', role='mule', arch='mule_fresh', base=r.choice([0, 0, 1000]))

    def delay(self):
        r = self.r
        if self.v['slow']:
            return int(min(4 * DAY, r.lognormvariate(0, 1.1) * 8 * HOUR)) + 300
        return int(r.lognormvariate(0, 0.8) * 6 * 60) + 60

    def victim(self, va, typ, ring):
        r = self.r
        tid, _, (n0, n1), (lo, hi), spread = typ
        n = r.randint(n0, n1)
        d = r.randint(ring['s'], max(ring['s'], ring['e'] - min(spread, 10)))
        t = self.at(d, 8, 22)
        amt = r.uniform(lo, (lo * hi) ** 0.5)
        vreg = self.acc[va].region
        idxs = []
        for i in range(n):
            if tid in ('brushing', 'investment', 'romance'):
                amt = min(hi, amt * r.uniform(1.2, 2.2))
            if tid in ('police_gov', 'investment', 'romance', 'credit_record', 'leader_acquaintance'):
                v = max(lo, round(amt, -3) if r.random() < 0.7 else round(amt, 2))
            else:
                v = round(amt * r.uniform(0.8, 1.2), r.choice([0, 2]))
            usable = [a for a in ring['L1'] if self.opened_ok(a, t)]
            small = tid in ('brushing', 'shopping_service', 'game_trade', 'ecommerce_cs') and v < 20000
            if small and r.random() < 0.5:
                to = r.choice(self.paofen)
            else:
                to = r.choice(usable) if usable else r.choice(self.paofen)
            ch = r.choice(['mobile', 'mobile', 'online', 'atm', 'counter']) if tid in ('police_gov', 'subsidy_refund') else 'mobile'
            k = self.t(t, va, to, v, ch, vreg, memo=r.choice(['', '', '转账', '保证金', '解冻', '投资', '还款']), fk='victim_payment')
            if k is not None:
                idxs.append(k)
                self.forward(to, ring, v, t, 'L1' if self.acc[to].role != 'paofen' else 'P')
            if tid in ('police_gov', 'ecommerce_cs', 'brushing', 'credit_record', 'leader_acquaintance', 'loan_card'):
                t += r.randint(10 * 60, 6 * HOUR)
            else:
                t += r.randint(1, max(1, spread // max(1, n - 1) + 3)) * DAY + r.randint(-3 * HOUR, 3 * HOUR)
            if t >= DAYS * DAY:
                break
        self.victims.append((va, tid, idxs))

    def opened_ok(self, a, t):
        return self.acc[a].opened < t - 3600

    def split(self, v, k):
        r = self.r
        fen = int(round(v * 100))
        if k <= 1 or fen < 200 * k:
            return [fen / 100.0]
        cuts = sorted(r.sample(range(1, fen), k - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [fen])]
        return [p / 100.0 for p in parts if p > 0]

    def forward(self, a, ring, v, t, lvl):
        r = self.r
        self.used[a] = 1
        t2 = t + self.delay()
        if t2 >= DAYS * DAY:
            return
        if lvl == 'P':
            keep = round(v * r.uniform(0.005, 0.02), 2)
            nxt = [x for x in ring['L2'] if self.opened_ok(x, t2)] or [ring['op']]
            to = r.choice(nxt)
            if v - keep > 0.5:
                k = self.t(t2, a, to, round(v - keep, 2), 'mobile', self.acc[a].region, fk='paofen')
                if to != ring['op'] and k is not None:
                    self.forward(to, ring, round(v - keep, 2), t2, 'L2')
            return
        if lvl == 'L1':
            nxt, nl, k = ring['L2'], 'L2', r.choice([1, 1, 2, 3])
        elif lvl == 'L2':
            nxt, nl, k = ring['L3'], 'L3', r.choice([1, 2, 2, 3])
        elif lvl == 'L3':
            self.cashout(a, ring, v, t2)
            return
        nxt = [x for x in nxt if self.opened_ok(x, t2)]
        if not nxt:
            self.cashout(a, ring, v, t2)
            return
        if self.v['slow'] and v > 50000:
            k = max(k, 2)
        for part in self.split(v, k):
            to = r.choice(nxt)
            if self.t(t2, a, to, part, 'online' if self.acc[a].cls == 'corp' else 'mobile', self.acc[a].region, fk='layering') is not None:
                self.forward(to, ring, part, t2, nl)
            t2 += r.randint(20, 600) if not self.v['slow'] else r.randint(600, 6 * HOUR)

    def cashout(self, a, ring, v, t):
        r = self.r
        self.used[a] = 1
        x = r.random()
        slow = self.v['slow']
        if x < 0.45:
            co = [c for c in ring['CO'] if self.opened_ok(c, t)]
            c = r.choice(co) if co else a
            if c != a and self.t(t, a, c, v, 'mobile', self.acc[a].region, fk='layering') is None:
                c = a
            if c != a:
                self.used[c] = 1
                t += self.delay()
            reg = r.choice(CASHOUT_FAR) if not slow else self.acc[c].region
            left = int(v // 100) * 100
            day_tot = 0
            while left >= 100 and t < DAYS * DAY:
                w = min(left, r.choice([2500, 2500, 5000]) if not slow else r.choice([1000, 2000, 3000, 4800]))
                if day_tot + w > 20000:
                    t = (t // DAY + 1) * DAY + r.randint(8 * HOUR, 12 * HOUR)
                    day_tot = 0
                    if slow:
                        reg = self.acc[c].region
                self.t(t, c, '', w, 'atm', reg, kind='withdrawal', fk='cashout')
                left -= w
                day_tot += w
                t += r.randint(40, 300) if not slow else r.randint(HOUR, 8 * HOUR)
        elif x < 0.65:
            g = r.choice(self.gold)
            self.t(t, a, g, round(v, 2), 'pos', self.acc[g].region, memo='黄金', fk='cashout')
        else:
            u = r.choice(ring['ushang'])
            self.t(t, a, u, round(v, 2), 'mobile', self.acc[a].region, fk='cashout')
            t2 = t + r.randint(600, 4 * HOUR)
            if r.random() < 0.6:
                self.t(t2, u, ring['op'], round(v * r.uniform(0.97, 0.995), 2), 'online', self.acc[u].region, fk='ushang')

    def ushang_business(self):
        r = self.r
        for ring in self.rings:
            for u in ring['ushang']:
                for _ in range(r.randint(10, 25)):
                    c = self.ext_person()
                    self.t(self.at(r.randrange(DAYS)), c, u, self.amt(8000, 0.8, 500, 100000), 'mobile', '', memo='USDT')

    # ------------------------------------------------------------ output
    def build(self):
        self.base_population()
        self.lookalikes()
        self.fraud()
        self.ushang_business()
        self.finish_business()

    def write(self, out, truth):
        r = self.r
        os.makedirs(out, exist_ok=True)
        acc = self.acc
        # extract visibility: kept if a supplying party's bank extract has started
        kept = []
        for x in sorted(self.tx, key=lambda z: (z[0], z[1])):
            ts, _, f, to = x[0], x[1], x[2], x[3]
            ok = False
            for p in (f, to):
                if p and acc[p].row and ts >= START[acc[p].bank]:
                    ok = True
            if ok:
                kept.append(x)
        # balance replay to set opening balances
        bal = {}
        low = {}
        for x in kept:
            f, to, fen = x[2], x[3], x[4]
            if f:
                bal[f] = bal.get(f, 0) - fen
                if bal[f] < low.get(f, 0):
                    low[f] = bal[f]
            if to:
                bal[to] = bal.get(to, 0) + fen
        seen = set()
        for x in kept:
            if x[2]:
                seen.add(x[2])
            if x[3]:
                seen.add(x[3])
        self.kept = kept
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for aid in self.order:
                a = acc[aid]
                if not a.row:
                    continue
                ob = a.base - low.get(aid, 0)
                w.writerow([aid, a.bank, a.holder, fmt_ts(a.opened), a.region, a.cls, '%d.%02d' % divmod(ob, 100), 'active'])
        txid = {}
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo'])
            for i, x in enumerate(kept):
                tid = 'QL%s%07d' % (fmt_ts(x[0])[:10].replace('-', ''), i + 1)
                txid[x[1]] = tid
                w.writerow([tid, fmt_ts(x[0]), x[2], x[3], '%d.%02d' % divmod(x[4], 100), 'CNY', x[5], x[6], x[7], x[8]])
        # labels
        lab = []
        vpay = 0
        self.n_vpay_lab = 0
        byseq = {x[1]: x for x in kept}
        for (va, tid, idxs) in self.victims:
            reported = r.random() < 0.6
            for k in idxs:
                s = self.tx[k][1]
                if s in txid:
                    vpay += 1
                    if reported and r.random() < 0.85:
                        lab.append(('transfer', txid[s], 'fraud'))
        mule_roles = {'mule': 0.5, 'paofen': 0.4, 'farmer_card': 0.35, 'ushang': 0.3, 'operator': 0.5}
        labelled = set()
        for aid in self.order:
            a = acc[aid]
            if a.role in mule_roles and (a.row or aid in seen):
                if a.role == 'farmer_card' and not self.used.get(aid):
                    continue
                if r.random() < mule_roles[a.role]:
                    labelled.add(aid)
                    lab.append(('account', aid, 'mule'))
        flab = set()
        for h in self.farmers:
            if r.random() < 0.5:
                flab.add(h)
                lab.append(('holder', h, 'card_farmer'))
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for row in lab:
                w.writerow(row)
        self.labels = lab
        self.vpay = vpay
        self.seen = seen
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                for c in INSTITUTIONS:
                    w.writerow(['institution', c[0], c[0], '', 1 if c[2] else 0, '', c[1], '', '', '', '', fmt_ts(START[c[0]]) if c[2] else ''])
                for aid in self.order:
                    a = acc[aid]
                    if not (a.row or aid in seen):
                        continue
                    w.writerow(['account', aid, a.bank, a.holder, 1 if a.row else 0, a.role, a.arch, a.cf, fmt_ts(a.opened),
                                1 if aid in labelled else 0, 1 if a.holder in flab else 0, ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for x in kept:
                    if x[9]:
                        w.writerow([txid[x[1]], x[9]])

    def stats(self):
        acc = self.acc
        rows = sum(1 for a in acc.values() if a.row)
        ext = sum(1 for aid, a in acc.items() if not a.row and aid in self.seen)
        kinds = {}
        for x in self.kept:
            if x[9]:
                kinds[x[9]] = kinds.get(x[9], 0) + 1
        roles = {}
        for aid, a in acc.items():
            if a.row or aid in self.seen:
                key = a.role + ('(row)' if a.row else '(ext)')
                roles[key] = roles.get(key, 0) + 1
        lk = {}
        for k, _, l in self.labels:
            lk[l] = lk.get(l, 0) + 1
        out = [('variant', self.variant), ('accounts_with_rows', rows), ('external_accounts', ext),
               ('transfers', len(self.kept)), ('victims', len(self.victims)), ('victim_payments', self.vpay)]
        out += [('fraud_' + k, kinds[k]) for k in sorted(kinds)]
        out += [('role_' + k, roles[k]) for k in sorted(roles)]
        out += [('card_farmers', len(self.farmers))]
        out += [('label_' + k, lk[k]) for k in sorted(lk)]
        for k, v in out:
            print('%-28s %s' % (k, v))


def verify(out):
    bad = 0
    ob = {}
    opened = {}
    with open(os.path.join(out, 'accounts.csv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            h = row['holder_id']
            if h.startswith('91'):
                if uscc_check(h[:17]) != h[17] or org_check(h[8:16]) != h[16]:
                    bad += 1
                    print('bad USCC', h)
            elif len(h) != 18 or id_check(h[:17]) != h[17]:
                bad += 1
                print('bad ID number', h)
            if row['account_class'] != 'corp' and not luhn_ok(row['account_id']):
                bad += 1
                print('bad Luhn', row['account_id'])
            a, b = row['opening_balance'].split('.')
            ob[row['account_id']] = int(a) * 100 + int(b)
            opened[row['account_id']] = row['opened_at']
    with open(os.path.join(out, 'labels.csv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            if row['kind'] == 'holder' and id_check(row['id'][:17]) != row['id'][17]:
                bad += 1
                print('bad labelled ID number', row['id'])
    with open(os.path.join(out, 'transfers.csv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            a, b = row['amount'].split('.')
            fen = int(a) * 100 + int(b)
            f, t = row['from_account'], row['to_account']
            for p in (f, t):
                if p in opened and row['ts'] < opened[p]:
                    bad += 1
                    if bad < 20:
                        print('transfer before opening', row['txn_id'])
            if f in ob:
                ob[f] -= fen
                if ob[f] < 0:
                    bad += 1
                    if bad < 20:
                        print('negative balance', f, row['txn_id'])
            if t in ob:
                ob[t] += fen
    print('verify: %s' % ('ok' if not bad else '%d problems' % bad))
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description='qionglei synthetic world for fanzha')
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--verify', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.write(a.out, a.truth)
    if a.stats:
        w.stats()
        print('%-28s %.1f s' % ('generation_time', time.time() - t0))
    if a.verify and not verify(a.out):
        sys.exit(2)


if __name__ == '__main__':
    main()
