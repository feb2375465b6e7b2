#!/usr/bin/env python3
# Licence: Apache-2.0 (written for the fanzha project).
"""Jingjinji + Shanxi synthetic evaluation world for fanzha.

Beijing, Tianjin, Hebei and Shanxi, 2024-03-01 .. 2024-08-13 (166 days), written in the
fanzha interchange format v1 (accounts.csv, transfers.csv, labels.csv).  Standard library
only; one seeded random.Random; output is byte-identical for the same variant and seed.

    python3 jingjinji_world.py --variant baseline --seed 1 --out /tmp/w11/baseline --stats --truth
"""
import argparse
import datetime as dt
import math
import os
import random
import sys

TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2024, 3, 1, tzinfo=TZ)
START_DATE = dt.date(2024, 3, 1)
DAYS = 166
DAY = 86400
END_T = DAYS * DAY
INF = 10 ** 12
LIFE = 0.33  # scale of everyday retail activity

# --------------------------------------------------------------------------- places (GB/T 2260)
CITIES = {
    'BJ': (['110101', '110102', '110105', '110106', '110108', '110107', '110109', '110111', '110112',
            '110113', '110114', '110115', '110116', '110117', '110118', '110119'],
           [6, 6, 12, 8, 12, 3, 1, 4, 6, 4, 7, 6, 1.5, 1, 1, 1]),
    'TJ': (['120101', '120102', '120103', '120104', '120105', '120106', '120110', '120111', '120112',
            '120113', '120114', '120115', '120116', '120117', '120118'],
           [3, 3, 4, 4, 3, 2, 3, 3, 2, 3, 3, 2, 8, 1, 2]),
    'SJZ': (['130102', '130104', '130105', '130108'], [1, 1, 1, 1]),
    'TS': (['130202', '130203', '130207', '130209', '130283'], [2, 2, 1, 1, 1]),
    'HD': (['130402', '130481'], [2, 1]),
    'XT': (['130502'], [1]),
    'BD': (['130602', '130606', '130681'], [2, 2, 1]),
    'ZJK': (['130702'], [1]),
    'CDE': (['130802'], [1]),
    'QHD': (['130302'], [1]),
    'CZ': (['130902', '130903'], [1, 1]),
    'LF': (['131002', '131003', '131082'], [1, 1, 2]),
    'HS': (['131102'], [1]),
    'TY': (['140105', '140106', '140107', '140108', '140109', '140110'], [3, 2, 2, 1, 2, 1]),
    'DT': (['140213'], [1]),
    'YQ': (['140302'], [1]),
    'ZZ': (['140403'], [1]),
    'JC': (['140502'], [1]),
    'SZ': (['140602'], [1]),
    'JZ': (['140702', '140781'], [2, 1]),
    'YC': (['140802'], [1]),
    'XZ': (['140902'], [1]),
    'LFS': (['141002'], [1]),
    'LL': (['141102', '141181', '141182'], [1, 1, 1]),
}
CITY_POP = {'BJ': 40, 'TJ': 20, 'SJZ': 5, 'TS': 4, 'HD': 2.5, 'XT': 1.2, 'BD': 3.5, 'ZJK': 1, 'CDE': 0.8,
            'QHD': 1, 'CZ': 2, 'LF': 2.5, 'HS': 0.8, 'TY': 5, 'DT': 1.5, 'YQ': 0.6, 'ZZ': 1.2, 'JC': 0.8,
            'SZ': 0.6, 'JZ': 1.2, 'YC': 1.5, 'XZ': 0.8, 'LFS': 1.2, 'LL': 1.3}
REGION_CITY = {r: c for c, (rs, _) in CITIES.items() for r in rs}
# outside the four provinces: home places of migrants, outsiders, gang cash-out, U-merchants
OUTSIDE = ['440106', '440304', '441900', '445281', '350582', '350102', '533102', '530102', '460106',
           '450102', '360702', '420102', '421002', '430102', '410102', '411302', '230102', '150102',
           '320102', '370102', '210102', '610103', '510104', '500103', '340102']
ORIGINS_FAR = ['410102', '411302', '370102', '230102', '150102', '210102', '420102', '421002', '510104',
               '340102', '430102', '610103', '500103']
CASHOUT = ['440106', '441900', '445281', '350582', '533102', '460106', '450102', '360702']
USHANG_REG = ['440304', '441900', '350102', '460106', '510104', '500103', '445281']
RURAL_CITIES_HB = ['BD', 'CZ', 'HS', 'XT', 'HD', 'ZJK', 'CDE']
RURAL_CITIES_SX = ['YC', 'LFS', 'XZ', 'JZ', 'LL', 'DT']

# --------------------------------------------------------------------------- institutions
BINS = {'ICBC': '622202', 'CCB': '621700', 'ABC': '622848', 'BOC': '621661', 'BOCOM': '622262',
        'PSBC': '621799', 'CMB': '621483', 'CITIC': '621768', 'CMBC': '622622', 'SPDB': '622521',
        'CIB': '622909', 'CEB': '622666', 'HXB': '622632', 'PAB': '622155', 'BOB': '621468',
        'BJRCB': '621067', 'TJB': '621069', 'TJRCB': '622138', 'HEBB': '621043', 'HBRCU': '621021',
        'JSB': '622139', 'SXRCU': '621779', 'GDRCU': '621016', 'FJRCU': '621058', 'YNRCU': '622369',
        'HNRCU': '623059', 'HUBRCU': '621013', 'HLJRCU': '621098', 'NMRCU': '621024', 'SDRCU': '621042',
        'SCRCU': '621033', 'GXRCU': '621085', 'JXRCU': '621092', 'HUNRCU': '621539', 'AHRCU': '621015',
        'LNRCU': '621177', 'JSRCU': '621003', 'SNRCU': '621008', 'CQRCB': '621268', 'HAINRCU': '621179',
        'MSCF': '', 'ZYCF': ''}
PAYFIRMS = {'ALIPAY': '2088', 'TENPAY': '1310', 'LKL': '8226', 'YSE': '6601'}
LOCAL_BANK = {'44': 'GDRCU', '35': 'FJRCU', '53': 'YNRCU', '41': 'HNRCU', '42': 'HUBRCU', '23': 'HLJRCU',
              '15': 'NMRCU', '37': 'SDRCU', '51': 'SCRCU', '45': 'GXRCU', '36': 'JXRCU', '43': 'HUNRCU',
              '34': 'AHRCU', '21': 'LNRCU', '32': 'JSRCU', '61': 'SNRCU', '50': 'CQRCB', '46': 'HAINRCU',
              '11': 'BJRCB', '12': 'TJRCB', '13': 'HBRCU', '14': 'SXRCU'}
NATIONAL_W = {'ICBC': 14, 'CCB': 12, 'ABC': 10, 'BOC': 8, 'BOCOM': 5, 'PSBC': 6, 'CMB': 7, 'CITIC': 3,
              'CMBC': 3, 'SPDB': 2, 'CIB': 3, 'CEB': 2, 'HXB': 2, 'PAB': 3}
PROV_W = {'11': {'BOB': 9, 'BJRCB': 5, 'CMB': 3}, '12': {'TJB': 9, 'TJRCB': 5},
          '13': {'HEBB': 6, 'HBRCU': 12, 'PSBC': 5, 'ABC': 4}, '14': {'JSB': 7, 'SXRCU': 12, 'PSBC': 5, 'ABC': 4}}
RURAL_BANKS = {'HBRCU', 'SXRCU', 'BJRCB', 'TJRCB', 'PSBC', 'ABC'}

VARIANTS = {
    'baseline': dict(
        supply={'ICBC': 0, 'CCB': 0, 'BOC': 0, 'CMB': 0, 'TJB': 0, 'LKL': 3, 'BOB': 6, 'ABC': 11,
                'JSB': 17, 'PSBC': 24, 'HEBB': 40, 'SXRCU': 61},
        people=7200, gangs=9, cases=1150, farmers=24, outsider_victim=0.22,
        speed={'fast': 0.45, 'medium': 0.35, 'slow': 0.20},
        l1_kinds={'fresh': 30, 'farmer': 18, 'rented': 22, 'paofen': 14, 'platform': 8, 'shell': 8},
        l2_kinds={'fresh': 35, 'farmer': 25, 'rented': 15, 'shell': 25},
        exits={'atm': 50, 'ushang': 38, 'platform': 12}, atm_far=0.85,
        report=1.0, confirm=1.0, mule_bank_supply_bias=1.0, hardneg=1.0, farm_days=(5, 18),
        farm_per_city=(3, 7), victim_installments=1.0),
    # fewer institutions supply, and later; gangs favour institutions outside the data; fewer reports
    'patchy_supply': dict(
        supply={'ICBC': 0, 'TJB': 0, 'CCB': 20, 'JSB': 30, 'ABC': 45, 'HEBB': 60, 'LKL': 12},
        people=10800, gangs=9, cases=1250, farmers=24, outsider_victim=0.25,
        speed={'fast': 0.45, 'medium': 0.35, 'slow': 0.20},
        l1_kinds={'fresh': 28, 'farmer': 18, 'rented': 20, 'paofen': 14, 'platform': 12, 'shell': 8},
        l2_kinds={'fresh': 35, 'farmer': 25, 'rented': 15, 'shell': 25},
        exits={'atm': 45, 'ushang': 40, 'platform': 15}, atm_far=0.85,
        report=0.75, confirm=0.8, mule_bank_supply_bias=0.45, hardneg=1.0, farm_days=(5, 18),
        farm_per_city=(3, 7), victim_installments=1.0),
    # old rented accounts and 跑分 people with ongoing lives, slow layering, small installments,
    # cash-out through U-merchants and in-region ATMs, slow card farmers, twice the hard negatives
    'slow_camouflage': dict(
        supply={'ICBC': 0, 'CCB': 0, 'BOC': 0, 'CMB': 0, 'TJB': 0, 'LKL': 3, 'BOB': 6, 'ABC': 11,
                'JSB': 17, 'PSBC': 24, 'HEBB': 40, 'SXRCU': 61},
        people=6300, gangs=9, cases=1150, farmers=24, outsider_victim=0.18,
        speed={'fast': 0.10, 'medium': 0.30, 'slow': 0.60},
        l1_kinds={'fresh': 8, 'farmer': 6, 'rented': 42, 'paofen': 30, 'platform': 6, 'shell': 8},
        l2_kinds={'fresh': 10, 'farmer': 10, 'rented': 45, 'shell': 35},
        exits={'atm': 30, 'ushang': 60, 'platform': 10}, atm_far=0.35,
        report=1.0, confirm=1.0, mule_bank_supply_bias=1.0, hardneg=1.7, farm_days=(25, 60),
        farm_per_city=(1, 3), victim_installments=2.0),
}

FRAUD_TYPES = {  # id: (weight, demographic pref, payments range, median yuan per payment)
    'brushing': (16, 'young', (2, 7), 3000),
    'ecommerce_cs': (11, 'any', (1, 5), 6000),
    'investment': (10, 'worker', (3, 9), 30000),
    'loan_card': (9, 'young', (2, 4), 2500),
    'credit_record': (6, 'young', (1, 3), 15000),
    'police_gov': (8, 'old', (1, 5), 60000),
    'leader_acquaintance': (6, 'worker', (1, 3), 40000),
    'shopping_service': (8, 'old', (1, 3), 1500),
    'game_trade': (5, 'student', (1, 4), 800),
    'romance': (5, 'worker', (3, 8), 20000),
    'military_purchase': (2, 'shop', (1, 3), 30000),
    'accident_kidnap': (3, 'old', (1, 2), 20000),
    'subsidy_refund': (3, 'old', (1, 3), 4000),
    'fake_job': (4, 'young', (1, 3), 600),
    'prize': (2, 'old', (1, 2), 3000),
    'parcel': (1, 'any', (1, 3), 20000),
    'phone_bill': (1, 'old', (1, 2), 15000),
}
REPORT_P = {'brushing': 0.72, 'ecommerce_cs': 0.82, 'investment': 0.8, 'loan_card': 0.6,
            'credit_record': 0.78, 'police_gov': 0.9, 'leader_acquaintance': 0.85, 'shopping_service': 0.5,
            'game_trade': 0.45, 'romance': 0.7, 'military_purchase': 0.85, 'accident_kidnap': 0.88,
            'subsidy_refund': 0.75, 'fake_job': 0.4, 'prize': 0.6, 'parcel': 0.85, 'phone_bill': 0.8}
FRAUD_MEMO = {'brushing': ['任务单', '垫付', '', '', '做单'], 'ecommerce_cs': ['', '理赔', '退款', ''],
              'investment': ['', '入金', '投资', '充值'], 'loan_card': ['解冻费', '保证金', '', '验资'],
              'credit_record': ['', '还款', '注销'], 'police_gov': ['', '', '资金清查', ''],
              'leader_acquaintance': ['', '借款', ''], 'shopping_service': ['', '货款', '代购'],
              'game_trade': ['', '账号'], 'romance': ['', '充值', ''], 'military_purchase': ['货款', '垫付'],
              'accident_kidnap': ['医药费', ''], 'subsidy_refund': ['', ''], 'fake_job': ['培训费', '服装费', ''],
              'prize': ['手续费', '税费'], 'parcel': ['', ''], 'phone_bill': ['', '']}

HOUR_W = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 4, 7, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 7, 4, 2]
HOUR_WORK = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 9, 10, 9, 5, 7, 9, 9, 8, 5, 1, 0.3, 0, 0, 0, 0]
HOUR_NIGHT = [6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6]


def _cum(w):
    out, s = [], 0.0
    for x in w:
        s += x
        out.append(s)
    return out


HOUR_C, WORK_C, NIGHT_C = _cum(HOUR_W), _cum(HOUR_WORK), _cum(HOUR_NIGHT)


class Holder:
    __slots__ = ('hid', 'kind', 'home', 'origin', 'age', 'arch', 'accts', 'wallet', 'kin', 'farmer',
                 'farmer_labelled', 'role')

    def __init__(self, hid, kind, home, age, arch):
        self.hid, self.kind, self.home, self.age, self.arch = hid, kind, home, age, arch
        self.origin = home
        self.accts = []
        self.wallet = None
        self.kin = None
        self.farmer = False
        self.farmer_labelled = False
        self.role = 'lawful'


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'block', 'status',
                 'mkind', 'layer', 'gang', 'labelled', 'inb', 'style', 'speed', 'targets', 'keep',
                 'b0', 'row', 'seen', 'idx', 'use_from', 'use_to')

    def __init__(self, aid, bank, holder, opened, region, cls):
        self.id, self.bank, self.holder, self.opened, self.region, self.cls = aid, bank, holder, opened, region, cls
        self.role = 'lawful'
        self.arch = holder.arch if holder else ''
        self.block = INF
        self.status = 'active'
        self.mkind = ''
        self.layer = 0
        self.gang = -1
        self.labelled = False
        self.inb = None
        self.style = ''
        self.speed = ''
        self.targets = None
        self.keep = 0.0
        self.b0 = 0
        self.row = False
        self.seen = False
        self.idx = 0
        self.use_from = INF
        self.use_to = INF


class World:
    def __init__(self, variant, seed):
        self.v = VARIANTS[variant]
        self.variant = variant
        self.rng = random.Random(seed)
        self.used_ids = set()
        self.used_hids = set()
        self.accts = []
        self.holders = []
        self.ev = []
        self.supply = dict(self.v['supply'])
        self.start = {b: d * DAY for b, d in self.supply.items()}
        self.hn = self.v['hardneg']

    # ------------------------------------------------------------------ random helpers
    def poisson(self, lam):
        r = self.rng
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def logn(self, median, sigma):
        return median * math.exp(self.rng.gauss(0, sigma))

    def fen(self, yuan, round_to=None):
        if round_to:
            v = max(round_to, int(round(yuan / round_to)) * round_to)
            return int(v * 100)
        return max(1, int(round(yuan * 100)))

    def tod(self, cum=None):
        r = self.rng
        h = r.choices(range(24), cum_weights=cum or HOUR_C)[0]
        return h * 3600 + r.randrange(3600)

    def t_on(self, day, cum=None):
        return day * DAY + self.tod(cum)

    def region_in(self, city):
        rs, w = CITIES[city]
        return self.rng.choices(rs, weights=w)[0]

    def any_city(self, weights=None):
        cs = list(CITY_POP.keys())
        return self.rng.choices(cs, weights=[CITY_POP[c] for c in cs])[0]

    def day_of(self, month, dom):
        try:
            d = dt.date(2024, month, dom)
        except ValueError:
            d = dt.date(2024, month, 28)
        return (d - START_DATE).days

    def months(self):
        return [3, 4, 5, 6, 7, 8]

    # ------------------------------------------------------------------ ids
    def new_hid(self, region, age, corp=False):
        r = self.rng
        while True:
            if corp:
                cs = '0123456789ABCDEFGHJKLMNPQRTUWXY'
                body = '91' + region + ''.join(r.choice(cs) for _ in range(9))
                wts = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
                s = sum(cs.index(ch) * w for ch, w in zip(body, wts))
                c = 31 - s % 31
                hid = body + cs[0 if c == 31 else c]
            else:
                y = 2024 - age
                bd = dt.date(y, 1, 1) + dt.timedelta(days=r.randrange(365))
                body = region + bd.strftime('%Y%m%d') + '%03d' % r.randrange(1000)
                wts = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
                s = sum(int(ch) * w for ch, w in zip(body, wts))
                hid = body + '10X98765432'[s % 11]
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def new_acct_no(self, bank, corp=False):
        r = self.rng
        while True:
            if bank in PAYFIRMS:
                aid = PAYFIRMS[bank] + '%012d' % r.randrange(10 ** 12)
            elif bank in ('MSCF', 'ZYCF'):
                aid = bank + '%010d' % r.randrange(10 ** 10)
            elif corp:
                aid = '%d' % r.randrange(1, 10) + BINS[bank][2:5] + '%013d' % r.randrange(10 ** 13)
            else:
                aid = BINS[bank] + '%013d' % r.randrange(10 ** 13)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    # ------------------------------------------------------------------ entities
    def pick_bank(self, region, rural=False, bias_supply=None):
        prov = region[:2]
        w = dict(NATIONAL_W)
        if prov in PROV_W:
            for b, x in PROV_W[prov].items():
                w[b] = w.get(b, 0) + x
        else:
            lb = LOCAL_BANK.get(prov)
            if lb:
                w[lb] = 12
            w['PSBC'] += 4
            w['ABC'] += 4
        if rural:
            for b in list(w):
                if b in RURAL_BANKS:
                    w[b] *= 2.5
        if bias_supply is not None:
            for b in list(w):
                if b in self.supply:
                    w[b] *= bias_supply
        bs = list(w.keys())
        return self.rng.choices(bs, weights=[w[b] for b in bs])[0]

    def new_holder(self, home, age, arch, corp=False):
        h = Holder(self.new_hid(home, age, corp), 'corp' if corp else 'person', home, age, arch)
        self.holders.append(h)
        return h

    def open_acct(self, h, bank, opened, region, cls):
        a = Acct(self.new_acct_no(bank, cls == 'corp'), bank, h, opened, region, cls)
        a.row = bank in self.supply
        a.idx = len(self.accts)
        self.accts.append(a)
        h.accts.append(a)
        return a

    def old_open_time(self, age, max_years=20):
        r = self.rng
        yrs = max(0.2, min(max_years, age - 16))
        # skew towards more recent openings
        d = int(30 + (yrs * 365 - 30) * (r.random() ** 1.4))
        return -d * DAY + 9 * 3600 + r.randrange(8 * 3600)

    def corp(self, city, arch, bank=None, age_years=None, region=None):
        region = region or self.region_in(city)
        h = self.new_holder(region, 30, arch, corp=True)
        b = bank or self.pick_bank(region)
        yrs = age_years if age_years is not None else self.rng.uniform(1, 18)
        a = self.open_acct(h, b, -int(yrs * 365) * DAY + 10 * 3600, region, 'corp')
        a.b0 = self.fen(self.logn(800000, 1.0))
        return a

    # ------------------------------------------------------------------ events
    def add(self, t, frm, to, f, ch, reg, kind='transfer', memo='', fraud=0, lawful=True):
        if t < 0 or t >= END_T or f <= 0:
            return None
        if frm is not None and t < frm.opened:
            return None
        if to is not None and t < to.opened:
            return None
        if lawful and ((frm is not None and t >= frm.block) or (to is not None and t >= to.block)):
            return None
        e = [t, frm, to, f, ch, reg, kind, memo, fraud, None]
        self.ev.append(e)
        return e

    # ------------------------------------------------------------------ build
    def build(self):
        self.build_corps()
        self.build_people()
        self.build_farmers()
        self.build_gangs()
        self.lawful_life()
        self.corp_life()
        self.fraud_cases()
        self.flows()
        self.farmer_tests()
        self.decide_labels()

    def build_corps(self):
        r = self.rng
        self.employers = {}
        self.merchants = {}
        cats = [('super', 6), ('rest', 6), ('pharm', 2), ('fuel', 1.5), ('mall', 2), ('health', 1),
                ('edu', 1), ('hospital', 1), ('car', 0.6), ('developer', 0.5), ('nursing', 0.5), ('whole', 2)]
        for city, pop in CITY_POP.items():
            n_emp = max(2, int(pop * 2.5))
            self.employers[city] = {}
            for sec in ('gov', 'firm', 'factory', 'school', 'construction', 'logistics'):
                k = n_emp if sec == 'firm' else max(1, n_emp // 4)
                if sec == 'factory' and city in ('TS', 'HD', 'TJ'):
                    k *= 3
                self.employers[city][sec] = [self.corp(city, 'employer_' + sec) for _ in range(k)]
            if city[:1] in ('D', 'Y', 'L', 'J', 'S', 'Z', 'X') and city not in ('SJZ', 'XT'):
                self.employers[city]['coal'] = [self.corp(city, 'employer_coal') for _ in range(max(2, n_emp // 3))]
            self.merchants[city] = {}
            for cat, w in cats:
                k = max(1, int(pop * w * 0.35))
                self.merchants[city][cat] = [self.corp(city, 'merchant_' + cat) for _ in range(k)]
        # providers
        self.grid = {p: self.corp({'11': 'BJ', '12': 'TJ', '13': 'SJZ', '14': 'TY'}[p], 'utility_grid', bank='ICBC')
                     for p in ('11', '12', '13', '14')}
        self.telecom = {p: self.corp({'11': 'BJ', '12': 'TJ', '13': 'SJZ', '14': 'TY'}[p], 'utility_telecom', bank='CCB')
                        for p in ('11', '12', '13', '14')}
        self.pension = {p: self.corp({'11': 'BJ', '12': 'TJ', '13': 'SJZ', '14': 'TY'}[p], 'social_security',
                                     bank=b) for p, b in (('11', 'BOB'), ('12', 'TJB'), ('13', 'PSBC'), ('14', 'ABC'))}
        self.loan_settle = {b: self.corp('BJ', 'bank_loan_settlement', bank=b) for b in ('ICBC', 'CCB', 'CMB', 'BOB', 'ABC')}
        self.consumer_fin = [self.corp('BJ', 'consumer_finance', bank=b, region='110105') for b in ('MSCF', 'ZYCF')]
        self.ecom = [self.corp('BJ', 'ecommerce_settlement', bank=b, region=reg) for b, reg in
                     (('ALIPAY', '330106' if False else '110108'), ('TENPAY', '440304'), ('ALIPAY', '110105'))]
        self.lkl_settle = self.corp('BJ', 'acquirer_settlement', bank='LKL', region='110108')
        self.grain_buyers = [self.corp(c, 'grain_buyer') for c in ('BD', 'HS', 'XT', 'YC', 'LFS', 'CZ')]
        self.steel_traders = [self.corp(c, 'steel_coal_trader') for c in ('TS', 'TS', 'HD', 'TJ', 'LL', 'TY', 'DT', 'ZZ')]
        self.tax = self.corp('BJ', 'tax_treasury', bank='ICBC', region='110102')
        self.hk_accts = []
        for _ in range(12):
            h = self.new_holder('810000' if False else '440304', 40, 'offshore')
            a = Acct('HK' + '%012d' % r.randrange(10 ** 12), 'HSBCHK', h, -3000 * DAY, '440304', 'I')
            a.idx = len(self.accts)
            self.accts.append(a)
            h.accts.append(a)
            self.hk_accts.append(a)

    def merchant(self, city, cat):
        lst = self.merchants[city].get(cat)
        if not lst:
            lst = self.merchants['BJ'][cat]
        return self.rng.choice(lst)

    def person(self, arch, city, age, origin=None, n_acc=None, rural=False, new_in_window=0.0):
        r = self.rng
        home = self.region_in(city) if city in CITIES else city
        h = self.new_holder(origin or home, age, arch)
        h.home = home
        h.origin = origin or home
        if n_acc is None:
            n_acc = r.choices([1, 2, 3, 4], weights=[30, 38, 22, 10])[0]
        for i in range(n_acc):
            reg = home if (i == 0 or r.random() < 0.7) else h.origin
            if h.origin != home and i > 0 and r.random() < 0.5:
                reg = h.origin
            bank = self.pick_bank(reg, rural=rural)
            if any(x.bank == bank for x in h.accts):
                bank = self.pick_bank(reg, rural=rural)
            if r.random() < new_in_window and i == n_acc - 1:
                opened = r.randrange(0, END_T - 5 * DAY)
                opened = (opened // DAY) * DAY + 9 * 3600 + r.randrange(8 * 3600)
            else:
                opened = self.old_open_time(age)
            cls = 'I' if i == 0 or r.random() < 0.6 else 'II'
            a = self.open_acct(h, bank, opened, reg, cls)
            a.b0 = self.fen(self.logn(8000 if age < 25 else 30000, 1.2))
        # payment wallet (never supplies data)
        wb = 'TENPAY' if r.random() < 0.6 else 'ALIPAY'
        w = Acct(self.new_acct_no(wb), wb, h, self.old_open_time(age, 10), home, 'II')
        w.idx = len(self.accts)
        self.accts.append(w)
        h.wallet = w
        return h

    def kin_of(self, h):
        if h.kin is None:
            age = min(88, h.age + self.rng.randint(22, 32))
            reg = h.origin
            city = REGION_CITY.get(reg)
            if city is None or self.rng.random() < 0.5:
                # parents in a village of the origin county
                pass
            k = Holder(self.new_hid(reg, age), 'person', reg, age, 'parent')
            self.holders.append(k)
            bank = self.pick_bank(reg, rural=True)
            a = self.open_acct(k, bank, self.old_open_time(age), reg, 'I')
            a.b0 = self.fen(self.logn(20000, 1.0))
            h.kin = a
        return h.kin

    def build_people(self):
        r = self.rng
        n = self.v['people']
        hn = self.hn
        plan = [  # arch, share
            ('office_worker', 22), ('civil_servant', 7), ('factory_worker', 9), ('coal_worker', 4),
            ('farmer', 8), ('pensioner', 14), ('student', 9), ('commuter', 4), ('migrant_worker', 6),
            ('truck_driver', 3), ('small_shop', 1.3 * hn), ('landlord', 2.2), ('group_buy_leader', 0.4 * hn),
            ('wholesale_trader', 1.0 * hn), ('labour_contractor', 0.5 * hn), ('secondhand_seller', 0.8 * hn),
            ('new_arrival', 1.2 * hn)]
        tot = sum(w for _, w in plan)
        self.people = []
        self.by_arch = {}
        self.by_city = {}
        for arch, w in plan:
            k = int(round(n * w / tot))
            for _ in range(k):
                h = self.make_person(arch)
                self.people.append(h)
                self.by_arch.setdefault(arch, []).append(h)
                self.by_city.setdefault(REGION_CITY.get(h.home, 'BJ'), []).append(h)
        # extra dormant old cards: many people have a forgotten card
        for h in self.people:
            if r.random() < 0.18:
                bank = self.pick_bank(h.origin)
                a = self.open_acct(h, bank, self.old_open_time(h.age), h.origin, 'I')
                a.b0 = self.fen(r.choice([0.37, 2.15, 12.8, 55, 130, 800]))
                a.arch = 'dormant'
                if r.random() < 0.08:
                    a.status = 'closed'
                    a.b0 = 0
        # relations
        self.landlords = {}
        for h in self.by_arch.get('landlord', []):
            self.landlords.setdefault(REGION_CITY[h.home], []).append(h)
        self.contractors = self.by_arch.get('labour_contractor', [])
        self.workers_of = {id(c): [] for c in self.contractors}
        for wkr in self.by_arch.get('migrant_worker', []):
            if self.contractors:
                c = r.choice(self.contractors)
                self.workers_of[id(c)].append(wkr)

    def make_person(self, arch):
        r = self.rng
        if arch == 'office_worker':
            city = r.choices(['BJ', 'TJ', 'SJZ', 'TY'], weights=[70, 22, 4, 4])[0]
            origin = None if r.random() < 0.45 else r.choice([self.region_in(r.choice(RURAL_CITIES_HB + RURAL_CITIES_SX))] + ORIGINS_FAR)
            return self.person(arch, city, r.randint(23, 50), origin, new_in_window=0.04)
        if arch == 'civil_servant':
            return self.person(arch, self.any_city(), r.randint(25, 58))
        if arch == 'factory_worker':
            city = r.choices(['TJ', 'TS', 'HD', 'CZ', 'BD', 'LF', 'QHD'], weights=[35, 30, 12, 6, 6, 6, 5])[0]
            if city == 'TJ':
                home = r.choice(['120116', '120116', '120110', '120113', '120111'])
                return self.person(arch, home, r.randint(20, 55))
            return self.person(arch, city, r.randint(20, 55))
        if arch == 'coal_worker':
            return self.person(arch, r.choice(['DT', 'LL', 'ZZ', 'JC', 'SZ', 'YQ', 'JZ']), r.randint(22, 55), rural=True)
        if arch == 'farmer':
            return self.person(arch, r.choice(RURAL_CITIES_HB + RURAL_CITIES_SX), r.randint(35, 72), rural=True,
                               n_acc=r.choice([1, 1, 2]))
        if arch == 'pensioner':
            h = self.person(arch, self.any_city(), r.randint(60, 86), n_acc=r.choice([1, 2, 2, 3]))
            for a in h.accts:
                a.b0 = self.fen(self.logn(60000, 1.1))
            return h
        if arch == 'student':
            home = r.choices(['110108', '110114', '110105', '120104', '120116', '130104', '130108', '140105', '140108'],
                             weights=[30, 14, 6, 12, 4, 8, 6, 12, 8])[0]
            origin = r.choice(ORIGINS_FAR + [self.region_in(c) for c in ('SJZ', 'BD', 'TY', 'TS', 'YC', 'HD')])
            return self.person(arch, home, r.randint(18, 25), origin, n_acc=r.choice([1, 2, 2, 3]), new_in_window=0.05)
        if arch == 'commuter':
            return self.person(arch, r.choice(['131082', '131082', '130681', '131003', '120114']), r.randint(25, 45))
        if arch == 'migrant_worker':
            city = r.choices(['BJ', 'TJ', 'SJZ', 'TY', 'BD'], weights=[45, 30, 10, 10, 5])[0]
            origin = r.choice(ORIGINS_FAR + [self.region_in(c) for c in RURAL_CITIES_HB + RURAL_CITIES_SX])
            h = self.person(arch, city, r.randint(20, 58), origin, n_acc=r.choice([1, 2]), rural=True)
            return h
        if arch == 'truck_driver':
            home = r.choice(['120116', '130209', '130903', '141102', '140213', '131003'])
            return self.person(arch, home, r.randint(25, 55))
        if arch == 'small_shop':
            home = r.choices(['110106', '110105', '110112', '120105', '120102', '130105', '140106', '130606', '140213'],
                             weights=[20, 10, 6, 10, 6, 8, 8, 5, 4])[0]
            return self.person(arch, home, r.randint(28, 60))
        if arch == 'landlord':
            return self.person(arch, r.choices(['BJ', 'TJ', 'SJZ', 'TY'], weights=[60, 20, 10, 10])[0], r.randint(40, 72))
        if arch == 'group_buy_leader':
            return self.person(arch, r.choices(['BJ', 'TJ', 'SJZ', 'TY'], weights=[55, 25, 10, 10])[0], r.randint(28, 55))
        if arch == 'wholesale_trader':
            home = r.choice(['110106', '110106', '120116', '130203', '130104', '140105', '141102', '110115'])
            h = self.person(arch, home, r.randint(30, 58), n_acc=r.choice([2, 3, 4]))
            for a in h.accts:
                a.b0 = self.fen(self.logn(300000, 0.8))
            return h
        if arch == 'labour_contractor':
            home = r.choice(['110112', '110115', '110114', '120116', '130102', '130606', '140109'])
            origin = self.region_in(r.choice(RURAL_CITIES_HB + RURAL_CITIES_SX))
            h = self.person(arch, home, r.randint(35, 58), origin, n_acc=r.choice([2, 3]))
            for a in h.accts:
                a.b0 = self.fen(self.logn(150000, 0.8))
            return h
        if arch == 'secondhand_seller':
            return self.person(arch, r.choice(['BJ', 'BJ', 'TJ']), r.randint(20, 40))
        if arch == 'new_arrival':
            # moved for a job: opens 2-4 cards in one city within two weeks (lawful multi-card)
            city = r.choice(['BJ', 'BJ', 'TJ', 'SJZ', 'TY'])
            origin = r.choice(ORIGINS_FAR + [self.region_in(c) for c in RURAL_CITIES_HB + RURAL_CITIES_SX])
            h = self.person(arch, city, r.randint(21, 35), origin, n_acc=1)
            d0 = r.randrange(0, DAYS - 40)
            for i in range(r.randint(2, 4)):
                d = d0 + r.randint(0, 13)
                reg = h.home if r.random() < 0.8 else self.region_in(city)
                bank = self.pick_bank(reg)
                a = self.open_acct(h, bank, d * DAY + 9 * 3600 + r.randrange(8 * 3600), reg, 'I' if i < 2 else 'II')
                a.b0 = 0
            return h
        raise ValueError(arch)

    # ------------------------------------------------------------------ card farmers
    def build_farmers(self):
        r = self.rng
        self.farmer_cards = []
        self.farmers = []
        lo, hi = self.v['farm_days']
        pc_lo, pc_hi = self.v['farm_per_city']
        for i in range(self.v['farmers']):
            home = r.choice(ORIGINS_FAR + [self.region_in(c) for c in ('HS', 'XT', 'ZJK', 'LFS', 'XZ', 'YC')])
            h = self.new_holder(home, r.randint(19, 38), 'card_farmer')
            h.farmer = True
            h.role = 'card_farmer'
            self.farmers.append(h)
            if r.random() < 0.6:  # an ordinary old card at home
                a = self.open_acct(h, self.pick_bank(home, rural=True), self.old_open_time(h.age), home, 'I')
                a.b0 = self.fen(self.logn(2000, 1))
                a.arch = 'farmer_home_card'
            span = r.randint(lo, hi)
            d0 = r.randint(-25, DAYS - span - 30)
            n_cities = r.randint(2, 4)
            cities = r.sample(['BJ', 'TJ', 'SJZ', 'TS', 'BD', 'LF', 'TY', 'DT', 'JZ', 'CZ', 'HD'], n_cities)
            if r.random() < 0.35:
                cities.append(r.choice(OUTSIDE))
            per_city = [r.randint(pc_lo, pc_hi) for _ in cities]
            for ci, city in enumerate(cities):
                cd0 = d0 + int(span * ci / len(cities))
                used = set()
                for k in range(per_city[ci]):
                    reg = self.region_in(city) if city in CITIES else city
                    for _ in range(4):
                        bank = self.pick_bank(reg)
                        if bank not in used:
                            break
                    used.add(bank)
                    d = cd0 + r.randint(0, max(1, span // len(cities)))
                    t = d * DAY + 9 * 3600 + r.randrange(8 * 3600)
                    a = self.open_acct(h, bank, t, reg, 'I')
                    a.role = 'farmer_card'
                    a.arch = 'farmer_card'
                    self.farmer_cards.append(a)
                    if r.random() < 0.4:  # an online II-class account bound the same day
                        b2 = self.pick_bank(reg)
                        a2 = self.open_acct(h, b2, t + r.randint(600, 7200), reg, 'II')
                        a2.role = 'farmer_card'
                        a2.arch = 'farmer_card'
                        self.farmer_cards.append(a2)
        r.shuffle(self.farmer_cards)
        self.farmer_pool = list(self.farmer_cards)

    def farmer_tests(self):
        """Small activation deposits/transfers on freshly farmed cards, then silence."""
        r = self.rng
        for a in self.farmer_cards:
            if r.random() < 0.55:
                t = a.opened + r.randint(600, 3 * DAY)
                if r.random() < 0.5:
                    self.add(t, None, a, self.fen(r.choice([1, 5, 10, 10, 50, 100])), 'counter', a.region,
                             kind='deposit', lawful=False)
                else:
                    src = r.choice(a.holder.accts)
                    if src is not a:
                        self.add(t, src, a, self.fen(r.choice([0.01, 1, 1, 2, 10])), 'mobile', a.region, lawful=False)

    # ------------------------------------------------------------------ gangs and mules
    def build_gangs(self):
        r = self.rng
        v = self.v
        self.gangs = []
        types = list(FRAUD_TYPES.keys())
        young_pool = [h for a in ('student', 'migrant_worker', 'factory_worker', 'new_arrival', 'office_worker',
                                  'truck_driver') for h in self.by_arch.get(a, []) if h.age <= 40]
        r.shuffle(young_pool)
        self.young_pool = young_pool
        self.mules = []
        self.gang_ushang = {}
        self.gang_op = {}
        for g in range(v['gangs']):
            spec = r.sample(types, r.randint(3, 6))
            speed = r.choices(list(v['speed']), weights=list(v['speed'].values()))[0]
            cash = r.choice(CASHOUT)
            gang = dict(id=g, types=spec, speed=speed, cash=cash, waves=[])
            self.gang_op[g] = r.choice(CASHOUT + USHANG_REG)
            t0 = r.randint(-10, 30)
            while t0 < DAYS - 5:
                length = r.randint(10, 30)
                wave = self.make_wave(gang, max(0, t0), min(DAYS, t0 + length))
                gang['waves'].append(wave)
                t0 += length - r.randint(0, 6) + r.randint(0, 8)
            self.gangs.append(gang)

    def mule_holder(self, kind, region=None):
        r = self.rng
        if kind == 'shell':
            reg = region or r.choice(['120116', '110112', '110115', '131082', '131003', '130104', '140105'] + OUTSIDE[:6])
            h = self.new_holder(reg, 30, 'shell_company', corp=True)
        else:
            reg = region or (self.region_in(self.any_city()) if r.random() < 0.6 else r.choice(OUTSIDE))
            h = self.new_holder(reg, r.randint(18, 45), 'recruited_mule')
        h.role = 'mule'
        return h

    def mule_bank(self, reg):
        return self.pick_bank(reg, bias_supply=self.v['mule_bank_supply_bias'])

    def new_mule(self, gang, kind, layer, t_use):
        """Create or recruit a mule account for use from t_use (seconds)."""
        r = self.rng
        a = None
        if kind == 'farmer':
            for j in range(len(self.farmer_pool) - 1, -1, -1):
                c = self.farmer_pool[j]
                if c.opened + 5 * DAY < t_use:
                    a = self.farmer_pool.pop(j)
                    break
            if a is None:
                kind = 'fresh'
        if kind in ('rented', 'paofen'):
            while self.young_pool:
                h = self.young_pool.pop()
                cand = [x for x in h.accts if x.opened < t_use - 200 * DAY and x.role == 'lawful'
                        and x.arch != 'dormant'] if kind == 'rented' else [x for x in h.accts if x.role == 'lawful'
                                                                            and x.opened < t_use - 30 * DAY]
                if cand:
                    a = r.choice(cand) if kind == 'rented' else cand[0]
                    break
            if a is None:
                kind = 'fresh'
            else:
                a.holder.role = 'mule_owner' if kind == 'rented' else 'paofen'
                if kind == 'rented':
                    a.block = t_use - r.randint(1, 10) * DAY
        if kind == 'fresh':
            h = self.mule_holder(kind)
            reg = h.home if r.random() < 0.7 else (self.region_in(self.any_city()))
            opened = t_use - r.randint(1, 25) * DAY
            opened = (opened // DAY) * DAY + 9 * 3600 + r.randrange(8 * 3600)
            a = self.open_acct(h, self.mule_bank(reg), opened, reg, r.choice(['I', 'I', 'II']))
        elif kind == 'shell':
            h = self.mule_holder(kind)
            opened = t_use - r.randint(20, 240) * DAY
            opened = (opened // DAY) * DAY + 10 * 3600 + r.randrange(6 * 3600)
            a = self.open_acct(h, self.mule_bank(h.home), opened, h.home, 'corp')
            a.b0 = 0
        elif kind == 'platform':
            h = self.mule_holder('fresh')
            bank = r.choices(['LKL', 'YSE', 'ALIPAY'], weights=[5 * self.v['mule_bank_supply_bias'], 3, 2])[0]
            opened = t_use - r.randint(3, 60) * DAY
            a = self.open_acct(h, bank, opened, h.home, r.choice(['corp', 'II']))
        elif kind == 'ushang':
            reg = r.choice(USHANG_REG)
            h = self.new_holder(reg, r.randint(24, 45), 'u_merchant')
            h.role = 'ushang'
            bank = r.choices(['ICBC', 'CCB', 'CMB', 'PAB', 'CIB', LOCAL_BANK[reg[:2]]], weights=[3, 2, 3, 3, 2, 4])[0]
            a = self.open_acct(h, bank, self.old_open_time(h.age, 8), reg, 'I')
            a.b0 = self.fen(self.logn(50000, 1))
        a.role = 'ushang' if kind == 'ushang' else 'mule'
        a.mkind = {'farmer': 'farmer_card'}.get(kind, kind) if a.mkind == '' else a.mkind
        if kind == 'atm' and a.mkind == 'atm':
            a.mkind = 'atm_card'
        a.layer = layer
        a.gang = gang['id']
        a.inb = []
        a.speed = gang['speed']
        a.use_from = t_use
        if a.style != 'atm':
            a.style = r.choice(['relay', 'relay', 'batch']) if kind != 'ushang' else 'ushang'
        if kind == 'paofen':
            a.keep = r.uniform(0.008, 0.03)
        elif kind in ('rented', 'fresh', 'farmer', 'shell', 'platform'):
            a.keep = r.uniform(0, 0.004)
        self.mules.append(a)
        return a

    def make_wave(self, gang, d0, d1):
        r = self.rng
        v = self.v
        t_use = d0 * DAY
        w = dict(d0=d0, d1=d1, l1=[], l2=[], ex=[])
        for _ in range(r.randint(4, 11)):
            k = r.choices(list(v['l1_kinds']), weights=list(v['l1_kinds'].values()))[0]
            w['l1'].append(self.new_mule(gang, k, 1, t_use + r.randint(0, 3) * DAY))
        for _ in range(r.randint(2, 6)):
            k = r.choices(list(v['l2_kinds']), weights=list(v['l2_kinds'].values()))[0]
            w['l2'].append(self.new_mule(gang, k, 2, t_use + r.randint(0, 4) * DAY))
        n_ex = r.randint(2, 4)
        for _ in range(n_ex):
            k = r.choices(list(v['exits']), weights=list(v['exits'].values()))[0]
            if k == 'atm':
                kk = 'farmer' if (self.farmer_pool and r.random() < 0.4) else 'fresh'
                m = self.new_mule(gang, kk, 3, t_use)
                m.style = 'atm'
                m.mkind = m.mkind + '+atm'
                m.targets = gang['cash'] if r.random() < v['atm_far'] else self.region_in(self.any_city())
                w['ex'].append(m)
            else:
                w['ex'].append(self.new_mule(gang, k, 3, t_use))
        for m in w['l1'] + w['l2'] + w['ex']:
            m.use_to = d1 * DAY + r.randint(0, 12) * DAY
        # routing: L1 -> L2 (or straight to exits), L2 -> exits (or another L2)
        for m in w['l1']:
            if m.mkind == 'paofen':
                m.targets = r.sample(w['l2'], min(len(w['l2']), 2))
            elif r.random() < 0.25:
                m.targets = r.sample(w['ex'], min(len(w['ex']), 2))
            else:
                m.targets = r.sample(w['l2'], min(len(w['l2']), r.randint(1, 3)))
        for m in w['l2']:
            others = [x for x in w['l2'] if x is not m]
            tg = r.sample(w['ex'], min(len(w['ex']), r.randint(1, 3)))
            if others and r.random() < 0.3:
                tg.append(r.choice(others))
            m.targets = tg
        for m in w['ex']:
            if m.style == 'ushang':
                self.gang_ushang.setdefault(gang['id'], []).append(m)
                m.layer = 5
                # the U-merchant moves money to his own other cards and buys USDT elsewhere
                own = []
                for _ in range(r.randint(1, 2)):
                    bank = self.pick_bank(m.region)
                    o = self.open_acct(m.holder, bank, self.old_open_time(m.holder.age, 6), m.region, 'I')
                    o.role = 'ushang'
                    o.mkind = 'ushang_own'
                    o.gang = gang['id']
                    o.b0 = self.fen(self.logn(30000, 1))
                    own.append(o)
                m.targets = own
            elif m.mkind == 'platform':
                m.style = 'batch'
                m.targets = [self.new_mule(gang, 'fresh', 4, t_use)]
                m.targets[0].style = 'atm'
                m.targets[0].mkind = 'fresh+atm'
                m.targets[0].targets = gang['cash']
                m.targets[0].use_to = m.use_to + 5 * DAY
        return w

    # ------------------------------------------------------------------ lawful life
    def salary(self, acct, employer, med, dom, memo='工资', jitter=0.05):
        r = self.rng
        base = self.logn(med, 0.35)
        for m in self.months():
            d = self.day_of(m, dom)
            wd = (START_DATE + dt.timedelta(days=d)).weekday()
            if wd >= 5:
                d -= wd - 4
            t = d * DAY + 9 * 3600 + r.randrange(7 * 3600)
            amt = base * r.uniform(1 - jitter, 1 + jitter)
            if m == 7 and r.random() < 0.2:
                amt *= 1.5  # half-year bonus
            self.add(t, employer, acct, self.fen(amt), 'other', employer.region, memo=memo)

    def spending(self, h, acct, per_week, med, cats=('super', 'rest', 'pharm', 'mall', 'fuel')):
        r = self.rng
        city = REGION_CITY.get(h.home, 'BJ')
        n = self.poisson(LIFE * per_week * DAYS / 7)
        for _ in range(n):
            cat = r.choice(cats)
            m = self.merchant(city, cat)
            t = self.t_on(r.randrange(DAYS))
            ch = 'pos' if r.random() < 0.55 else 'mobile'
            mult = {'mall': 4, 'fuel': 3, 'pharm': 1.2}.get(cat, 1)
            self.add(t, acct, m, self.fen(self.logn(med * mult, 0.8)), ch, h.home)

    def topups(self, h, acct, per_month, med):
        r = self.rng
        n = self.poisson(LIFE * per_month * DAYS / 30)
        for _ in range(n):
            t = self.t_on(r.randrange(DAYS))
            if r.random() < 0.8:
                self.add(t, acct, h.wallet, self.fen(self.logn(med, 0.7), 10 if r.random() < 0.6 else None), 'mobile', h.home)
            else:
                self.add(t, h.wallet, acct, self.fen(self.logn(med * 0.7, 0.8)), 'mobile', h.home, memo='提现')
            if r.random() < 0.5:
                # online shopping / platform payment by quick pay
                self.add(t + r.randint(60, 3 * DAY), acct, r.choice(self.ecom), self.fen(self.logn(med * 0.5, 0.9)),
                         'online', h.home)

    def bills(self, h, acct):
        r = self.rng
        p = h.home[:2] if h.home[:2] in self.grid else '11'
        for m in self.months():
            if r.random() < 0.3:
                d = self.day_of(m, r.randint(1, 28))
                self.add(self.t_on(d), acct, self.grid[p], self.fen(self.logn(150 if m not in (7, 8) else 320, 0.5)),
                         'mobile', h.home, memo='电费')
            if r.random() < 0.25:
                d = self.day_of(m, r.randint(1, 28))
                self.add(self.t_on(d), acct, self.telecom[p], self.fen(r.choice([50, 100, 100, 200, 58, 128])),
                         'mobile', h.home, memo='话费')

    def to_parents(self, h, acct, med, p_month):
        r = self.rng
        kin = self.kin_of(h)
        for m in self.months():
            if r.random() < p_month:
                d = self.day_of(m, r.randint(1, 28))
                self.add(self.t_on(d), acct, kin, self.fen(self.logn(med, 0.4), 100), 'mobile', h.home,
                         memo=r.choice(['', '生活费', '给爸妈', '']))

    def atm(self, h, acct, per_month, med, region=None):
        r = self.rng
        n = self.poisson(per_month * DAYS / 30)
        for _ in range(n):
            t = self.t_on(r.randrange(DAYS))
            reg = region or h.home
            self.add(t, acct, None, self.fen(self.logn(med, 0.6), 100), 'atm' if r.random() < 0.7 else 'counter',
                     reg, kind='withdrawal')

    def own_moves(self, h, per_month):
        r = self.rng
        acs = [a for a in h.accts if a.arch != 'dormant' and a.status == 'active']
        if len(acs) < 2:
            return
        n = self.poisson(per_month * DAYS / 30)
        for _ in range(n):
            a, b = r.sample(acs, 2)
            t = self.t_on(r.randrange(DAYS))
            self.add(t, a, b, self.fen(self.logn(5000, 1.0), 100 if r.random() < 0.6 else None), 'mobile', h.home,
                     memo=r.choice(['', '', '转账', '还信用卡']))

    def lawful_life(self):
        r = self.rng
        for h in self.people:
            acs = [a for a in h.accts if a.arch != 'dormant']
            main = acs[0]
            second = acs[1] if len(acs) > 1 else main
            city = REGION_CITY.get(h.home, 'BJ')
            arch = h.arch
            if arch in ('office_worker', 'civil_servant', 'factory_worker', 'coal_worker', 'commuter', 'new_arrival'):
                sec = {'office_worker': 'firm', 'civil_servant': 'gov', 'factory_worker': 'factory',
                       'coal_worker': 'coal', 'commuter': 'firm', 'new_arrival': 'firm'}[arch]
                ecity = 'BJ' if arch == 'commuter' and h.home != '120114' else ('TJ' if arch == 'commuter' else city)
                emps = self.employers[ecity].get(sec) or self.employers[ecity]['firm']
                emp = r.choice(emps)
                med = {'office_worker': 13000 if city == 'BJ' else 8000, 'civil_servant': 9000 if city in ('BJ', 'TJ') else 5500,
                       'factory_worker': 6500, 'coal_worker': 8000, 'commuter': 12000, 'new_arrival': 9000}[arch]
                if arch == 'new_arrival':
                    main = h.accts[-1] if len(h.accts) > 1 else main
                self.salary(main, emp, med, r.randint(5, 20))
                self.spending(h, main, 1.2, 90)
                self.topups(h, main, 1.2, 800)
                self.bills(h, main)
                if h.origin != h.home:
                    self.to_parents(h, main, r.choice([500, 1000, 2000, 3000]), 0.6)
                if r.random() < 0.35:
                    self.own_moves(h, 1.0)
                if arch == 'commuter' or (r.random() < 0.25 and arch in ('office_worker', 'civil_servant')):
                    ls = self.loan_settle[r.choice(list(self.loan_settle))]
                    amt = self.logn(7000, 0.4)
                    dom = r.randint(1, 28)
                    for m in self.months():
                        self.add(self.t_on(self.day_of(m, dom), WORK_C), main, ls, self.fen(amt), 'other', h.home, memo='房贷')
                if arch in ('office_worker', 'new_arrival') and h.origin != h.home and city in self.landlords:
                    ll = r.choice(self.landlords[city])
                    rent = self.logn(4500 if city == 'BJ' else 2500, 0.3)
                    dom = r.randint(1, 10)
                    for m in self.months():
                        self.add(self.t_on(self.day_of(m, dom)), main, ll.accts[0], self.fen(rent, 100), 'mobile', h.home, memo='房租')
                if r.random() < 0.03:
                    self.travel(h, main)
                if r.random() < 0.05:
                    self.large_payment(h)
            elif arch == 'pensioner':
                p = h.home[:2] if h.home[:2] in self.pension else '11'
                self.salary(main, self.pension[p], 4500 if p in ('11', '12') else 3000, r.randint(5, 15), memo='养老金', jitter=0)
                self.atm(h, main, 1.0, 1500)
                self.spending(h, main, 0.5, 60, cats=('super', 'pharm', 'health', 'super'))
                self.bills(h, main)
                if r.random() < 0.25:
                    self.own_moves(h, 0.4)
                if r.random() < 0.05:
                    self.large_payment(h)
            elif arch == 'student':
                par = self.kin_of(h)
                amt = self.logn(2000, 0.3)
                dom = r.randint(1, 28)
                for m in self.months():
                    if m == 8 and r.random() < 0.6:
                        continue
                    self.add(self.t_on(self.day_of(m, dom)), par, main, self.fen(amt, 100), 'mobile', par.region, memo='生活费')
                self.spending(h, main, 0.6, 35, cats=('rest', 'super', 'mall'))
                self.topups(h, main, 2.0, 300)
                if r.random() < 0.15:
                    c = r.choice(self.employers[city]['firm'])
                    for _ in range(r.randint(1, 4)):
                        self.add(self.t_on(r.randrange(DAYS), WORK_C), c, main, self.fen(self.logn(800, 0.5)), 'online', c.region, memo='兼职')
            elif arch == 'farmer':
                self.farmer_life(h, main)
            elif arch == 'migrant_worker':
                self.atm(h, main, 0.8, 800)
                self.spending(h, main, 0.3, 40, cats=('super', 'rest'))
                self.topups(h, main, 0.8, 300)
            elif arch == 'truck_driver':
                lc = self.employers['TJ']['logistics'] + self.employers[city].get('logistics', [])
                for _ in range(self.poisson(3.0 * DAYS / 30)):
                    c = r.choice(lc)
                    self.add(self.t_on(r.randrange(DAYS), WORK_C), c, main, self.fen(self.logn(4000, 0.5), 10), 'online', c.region, memo='运费')
                for _ in range(self.poisson(4.0 * DAYS / 30)):
                    fc = self.merchant(r.choice(['TJ', 'TS', 'CZ', 'LL', 'BJ', 'SJZ']), 'fuel')
                    self.add(self.t_on(r.randrange(DAYS)), main, fc, self.fen(self.logn(900, 0.4)), 'pos', fc.region)
                self.topups(h, main, 1.0, 500)
                self.to_parents(h, main, 1500, 0.4)
            elif arch == 'small_shop':
                self.shop_life(h, main, second)
            elif arch == 'landlord':
                self.spending(h, main, 0.7, 120)
                self.bills(h, main)
                self.own_moves(h, 1.0)
                self.topups(h, main, 1.0, 1000)
            elif arch == 'group_buy_leader':
                self.group_buy(h, main)
                self.spending(h, main, 0.6, 80)
            elif arch == 'wholesale_trader':
                self.trader(h)
            elif arch == 'labour_contractor':
                self.contractor(h)
            elif arch == 'secondhand_seller':
                self.secondhand(h, main)
        # overlays: family pooling, weddings
        self.family_pools()
        self.weddings()
        for h in self.people:
            if h.kin is not None and h.kin.row and r.random() < 0.5:
                self.atm(h.kin.holder, h.kin, 0.7, 1000, region=h.kin.region)
        for wkr in self.by_arch.get('migrant_worker', []):
            pass

    def travel(self, h, acct):
        r = self.rng
        d = r.randrange(60, DAYS - 10)
        reg = r.choice(['460106', '530102', '350102', '510104', '610103', '150102'])
        for i in range(r.randint(1, 3)):
            self.add(self.t_on(d + i), acct, None, self.fen(r.choice([1000, 2000, 3000]), 100), 'atm', reg, kind='withdrawal')
        for i in range(r.randint(2, 6)):
            self.add(self.t_on(d + r.randint(0, 5)), acct, self.ecom[1], self.fen(self.logn(400, 0.7)), 'pos', reg)

    def large_payment(self, h):
        """Opens a new account and soon makes a large first payment (car, flat deposit, hospital)."""
        r = self.rng
        d = r.randrange(3, DAYS - 10)
        reg = h.home
        bank = self.pick_bank(reg)
        new = self.open_acct(h, bank, d * DAY + 9 * 3600 + r.randrange(6 * 3600), reg, 'I')
        new.arch = 'large_first_payment'
        kind = r.choice(['car', 'developer', 'hospital'])
        amt = {'car': self.logn(150000, 0.4), 'developer': self.logn(200000, 0.5), 'hospital': self.logn(60000, 0.6)}[kind]
        src = [a for a in h.accts if a is not new and a.arch != 'dormant']
        t = new.opened + r.randint(1800, 2 * DAY)
        n_src = min(len(src), r.randint(1, 3)) if src else 0
        if n_src == 0:
            self.add(t, None, new, self.fen(amt * 1.02, 100), 'counter', reg, kind='deposit', memo='存款')
        else:
            for s in r.sample(src, n_src):
                self.add(t, s, new, self.fen(amt / n_src * 1.02, 100), 'mobile', reg)
                t += r.randint(60, 3600)
        city = 'BJ' if kind == 'hospital' and r.random() < 0.7 else REGION_CITY.get(reg, 'BJ')
        m = self.merchant(city, kind)
        self.add(t + r.randint(1800, 5 * DAY), new, m, self.fen(amt, 100 if kind != 'hospital' else None), 'counter', m.region,
                 memo={'car': '购车款', 'developer': '定金', 'hospital': '住院押金'}[kind])

    def farmer_life(self, h, main):
        r = self.rng
        p = h.home[:2]
        self.atm(h, main, 0.8, 1000)
        self.spending(h, main, 0.25, 80, cats=('super', 'pharm'))
        # wheat harvest in June, payment from grain buyers
        if r.random() < 0.7:
            gb = r.choice(self.grain_buyers)
            d = self.day_of(6, r.randint(10, 30))
            self.add(self.t_on(d, WORK_C), gb, main, self.fen(self.logn(15000, 0.6)), 'online', gb.region, memo='粮款')
        if r.random() < 0.5:
            d = self.day_of(4, r.randint(1, 28))
            gov = r.choice(self.employers[REGION_CITY[h.home]]['gov'])
            self.add(self.t_on(d, WORK_C), gov, main, self.fen(self.logn(800, 0.4)), 'other', gov.region, memo='耕地地力补贴')
        if r.random() < 0.5:
            for _ in range(r.randint(1, 4)):
                self.add(self.t_on(r.randrange(DAYS)), None, main, self.fen(self.logn(5000, 0.7), 100), 'counter', h.home,
                         kind='deposit')

    def shop_life(self, h, main, second):
        """Small shop on a personal account: many small payments in, suppliers out."""
        r = self.rng
        city = REGION_CITY.get(h.home, 'BJ')
        custs = [x for x in self.by_city.get(city, []) if x is not h] or self.people
        regulars = r.sample(custs, min(len(custs), r.randint(30, 120)))
        sup = self.merchants[city]['whole']
        wts = self.by_arch.get('wholesale_trader', [])
        open_days = [d for d in range(DAYS) if r.random() < 0.9]
        for d in open_days:
            for _ in range(self.poisson(1.1)):
                c = r.choice(regulars) if r.random() < 0.6 else r.choice(custs)
                ca = c.accts[0]
                self.add(d * DAY + r.randint(7 * 3600, 21 * 3600), ca, main, self.fen(self.logn(45, 0.8)), 'mobile', h.home,
                         memo=r.choice(['', '', '货款', '']))
            if r.random() < 0.3:
                self.add(d * DAY + r.randint(1 * 3600, 6 * 3600), self.lkl_settle if r.random() < 0.5 else r.choice(self.ecom),
                         main, self.fen(self.logn(600, 0.6)), 'other', h.home, memo='结算')
        for wk in range(DAYS // 7):
            d = wk * 7 + r.randint(0, 6)
            if wts and r.random() < 0.4:
                dst = r.choice(wts).accts[0]
            else:
                dst = r.choice(sup)
            self.add(self.t_on(d, WORK_C), main, dst, self.fen(self.logn(6000, 0.6), 10 if r.random() < 0.5 else None),
                     'mobile', h.home, memo='进货')
        if city in self.landlords:
            ll = r.choice(self.landlords[city])
            rent = self.logn(8000, 0.4)
            for m in self.months():
                self.add(self.t_on(self.day_of(m, 3)), main, ll.accts[0], self.fen(rent, 100), 'mobile', h.home, memo='房租')
        self.bills(h, main)
        self.topups(h, second, 1.5, 1000)
        if second is not main:
            for _ in range(self.poisson(2 * DAYS / 30)):
                self.add(self.t_on(r.randrange(DAYS)), main, second, self.fen(self.logn(8000, 0.5), 100), 'mobile', h.home)

    def group_buy(self, h, main):
        """Community group-buy leader: collects many small payments within hours, pays the supplier in one go."""
        r = self.rng
        city = REGION_CITY.get(h.home, 'BJ')
        neigh = [x for x in self.by_city.get(city, []) if x is not h]
        members = r.sample(neigh, min(len(neigh), r.randint(40, 150)))
        sup = r.choice(self.merchants[city]['whole'])
        for d in range(DAYS):
            if r.random() < 0.13:
                t0 = d * DAY + r.randint(8 * 3600, 12 * 3600)
                tot = 0
                for _ in range(r.randint(5, 22)):
                    c = r.choice(members)
                    f = self.fen(self.logn(60, 0.6))
                    tot += f
                    self.add(t0 + r.randint(0, 6 * 3600), c.accts[0], main, f, 'mobile', h.home, memo='团购')
                self.add(t0 + 6 * 3600 + r.randint(600, 4 * 3600), main, sup, int(tot * r.uniform(0.88, 0.95)), 'mobile',
                         h.home, memo='货款')

    def trader(self, h):
        r = self.rng
        acs = [a for a in h.accts if a.arch != 'dormant']
        city = REGION_CITY.get(h.home, 'BJ')
        partners = self.steel_traders + self.merchants[city]['whole'] + self.merchants['BJ']['whole']
        others = [x for x in self.by_arch.get('wholesale_trader', []) if x is not h]
        for _ in range(self.poisson(2.5 * DAYS / 7)):
            a = r.choice(acs)
            t = self.t_on(r.randrange(DAYS), WORK_C)
            amt = self.fen(self.logn(120000, 0.9), r.choice([1000, 10000, 100]))
            cp = r.choice(partners) if (not others or r.random() < 0.7) else r.choice(others).accts[0]
            if r.random() < 0.5:
                self.add(t, cp, a, amt, 'online', cp.region, memo=r.choice(['货款', '', '钢材', '煤款', '菜款']))
            else:
                self.add(t, a, cp, amt, 'online', h.home, memo=r.choice(['货款', '', '预付款']))
        if len(acs) > 1:
            for _ in range(self.poisson(1.5 * DAYS / 7)):
                a, b = r.sample(acs, 2)
                self.add(self.t_on(r.randrange(DAYS), WORK_C), a, b, self.fen(self.logn(80000, 0.7), 1000), 'online', h.home)
        self.spending(h, acs[0], 0.8, 150)
        self.atm(h, acs[0], 0.6, 5000)

    def contractor(self, h):
        """Labour contractor: lump sums from construction firms, then pays many workers within a day or two."""
        r = self.rng
        acs = [a for a in h.accts if a.arch != 'dormant']
        main = acs[0]
        city = REGION_CITY.get(h.home, 'BJ')
        firms = self.employers[city]['construction']
        workers = self.workers_of.get(id(h), [])
        extra = r.sample(self.people, r.randint(10, 30))
        crew = workers + [x for x in extra if x.age < 60]
        for m in self.months():
            if r.random() < 0.8:
                d = self.day_of(m, r.randint(1, 25))
                n = max(3, int(len(crew) * r.uniform(0.6, 1.0)))
                paid = r.sample(crew, min(n, len(crew)))
                wages = [self.fen(self.logn(7000, 0.35), 100) for _ in paid]
                tot = sum(wages)
                t = self.t_on(d, WORK_C)
                self.add(t, r.choice(firms), main, int(tot * r.uniform(1.05, 1.2)) // 100000 * 100000 + 100000,
                         'online', h.home, memo='劳务费')
                t2 = t + r.randint(1800, 2 * DAY)
                for wkr, f in zip(paid, wages):
                    self.add(t2, main, wkr.accts[0], f, 'mobile', h.home, memo='工资')
                    t2 += r.randint(20, 900)
                    if wkr.arch == 'migrant_worker' and r.random() < 0.7:
                        kin = self.kin_of(wkr)
                        self.add(t2 + r.randint(3600, 3 * DAY), wkr.accts[0], kin, int(f * r.uniform(0.4, 0.8)) // 10000 * 10000 + 10000,
                                 'mobile', wkr.home, memo='')
        self.spending(h, main, 0.8, 200)
        self.own_moves(h, 1.5)

    def secondhand(self, h, main):
        r = self.rng
        for _ in range(self.poisson(4 * DAYS / 7)):
            buyer = r.choice(self.people)
            t = self.t_on(r.randrange(DAYS))
            self.add(t, buyer.accts[0], main, self.fen(self.logn(300, 1.0)), 'mobile', buyer.home, memo=r.choice(['', '二手', '']))
        for _ in range(self.poisson(1 * DAYS / 7)):
            self.add(self.t_on(r.randrange(DAYS)), main, r.choice(self.ecom), self.fen(self.logn(1500, 0.8)), 'online', h.home)
        self.topups(h, main, 2, 600)

    def family_pools(self):
        r = self.rng
        pool = [h for h in self.people if 30 <= h.age <= 60 and h.arch not in ('student',)]
        for _ in range(int(120 * self.hn)):
            sibs = r.sample(pool, r.randint(2, 5))
            collector = sibs[0]
            nursing = self.merchant(REGION_CITY.get(collector.home, 'BJ'), 'nursing')
            share = self.logn(1500, 0.4)
            for m in self.months():
                d = self.day_of(m, r.randint(1, 8))
                for s in sibs[1:]:
                    self.add(self.t_on(d + r.randint(0, 3)), s.accts[0], collector.accts[0], self.fen(share, 100), 'mobile', s.home,
                             memo=r.choice(['妈的护理费', '', '赡养费']))
                self.add(self.t_on(d + 5, WORK_C), collector.accts[0], nursing, self.fen(share * len(sibs), 100), 'mobile',
                         collector.home, memo='护理费')
            if r.random() < 0.3:  # mother in hospital: siblings pool quickly, then one big payment
                d = r.randrange(DAYS - 3)
                tot = 0
                for s in sibs[1:]:
                    f = self.fen(self.logn(20000, 0.5), 1000)
                    tot += f
                    self.add(self.t_on(d), s.accts[0], collector.accts[0], f, 'mobile', s.home, memo='医药费')
                hosp = self.merchant('BJ', 'hospital')
                self.add(d * DAY + 23 * 3600 + r.randint(0, 3000), collector.accts[0], hosp, tot, 'counter', hosp.region,
                         memo='住院费')

    def weddings(self):
        r = self.rng
        cands = [h for h in self.people if 24 <= h.age <= 35]
        for _ in range(int(60 * self.hn)):
            h = r.choice(cands)
            d = r.randrange(5, DAYS - 5)
            acct = h.accts[0]
            if r.random() < 0.4:
                acct = self.open_acct(h, self.pick_bank(h.home), (d - r.randint(1, 4)) * DAY + 10 * 3600, h.home, 'I')
                acct.arch = 'wedding_account'
            guests = r.sample(self.people, r.randint(20, 70))
            tot = 0
            for g in guests:
                f = self.fen(r.choice([200, 500, 600, 800, 1000, 1000, 1888, 2000, 6666, 10000]))
                tot += f
                self.add(d * DAY + r.randint(8 * 3600, 36 * 3600), g.accts[0], acct, f, 'mobile', g.home, memo=r.choice(['份子钱', '新婚快乐', '', '']))
            hotel = self.merchant(REGION_CITY.get(h.home, 'BJ'), 'rest')
            self.add(self.t_on(d + 2, WORK_C), acct, hotel, int(tot * r.uniform(0.5, 0.9)), 'counter', h.home, memo='婚宴')

    def corp_life(self):
        r = self.rng
        corps = [a for a in self.accts if a.cls == 'corp' and a.role == 'lawful' and a.holder.arch.startswith(('employer', 'merchant'))]
        for a in corps:
            n = self.poisson(2 * DAYS / 30)
            for _ in range(n):
                b = r.choice(corps)
                if b is a:
                    continue
                t = self.t_on(r.randrange(DAYS), WORK_C)
                self.add(t, a, b, self.fen(self.logn(60000, 1.1), r.choice([None, 100, 1000])), 'online', a.region,
                         memo=r.choice(['货款', '服务费', '', '往来款']))
            if r.random() < 0.3:
                for m in self.months():
                    self.add(self.t_on(self.day_of(m, 15), WORK_C), a, self.tax, self.fen(self.logn(20000, 1.0)), 'online', a.region, memo='税款')
        for _ in range(40):  # a few cross-border payments (tuition abroad, imports)
            h = r.choice(self.by_arch['office_worker'] + self.by_arch['wholesale_trader'])
            e = self.add(self.t_on(r.randrange(DAYS), WORK_C), h.accts[0], r.choice(self.hk_accts),
                         self.fen(self.logn(60000, 0.8), 100), 'counter', h.home, memo=r.choice(['学费', '货款']))
            if e:
                e[9] = 'xb'

    # ------------------------------------------------------------------ fraud
    def pick_victim(self, demo):
        r = self.rng
        pools = {'young': ['student', 'new_arrival', 'office_worker', 'factory_worker', 'migrant_worker'],
                 'student': ['student'], 'old': ['pensioner', 'pensioner', 'farmer'],
                 'worker': ['office_worker', 'civil_servant', 'commuter', 'factory_worker', 'coal_worker', 'pensioner'],
                 'shop': ['small_shop', 'wholesale_trader', 'labour_contractor'],
                 'any': ['office_worker', 'pensioner', 'student', 'farmer', 'factory_worker', 'civil_servant']}[demo]
        for _ in range(10):
            h = r.choice(self.by_arch.get(r.choice(pools), self.people))
            if h.role == 'lawful':
                return h
        return r.choice(self.people)

    def outsider_victim(self, demo):
        r = self.rng
        reg = r.choice(OUTSIDE)
        age = {'old': r.randint(58, 80), 'student': r.randint(18, 23), 'young': r.randint(19, 32)}.get(demo, r.randint(25, 60))
        h = self.new_holder(reg, age, 'outsider')
        bank = self.pick_bank(reg)
        a = self.open_acct(h, bank, self.old_open_time(age), reg, 'I')
        a.b0 = self.fen(self.logn(80000, 1.0))
        a.arch = 'outsider'
        return h

    def fraud_cases(self):
        r = self.rng
        v = self.v
        self.cases = []
        types = list(FRAUD_TYPES)
        for ci in range(v['cases']):
            ft = r.choices(types, weights=[FRAUD_TYPES[t][0] for t in types])[0]
            _, demo, (plo, phi), med = FRAUD_TYPES[ft]
            gangs = [g for g in self.gangs if ft in g['types']] or self.gangs
            g = r.choice(gangs)
            wave = r.choice(g['waves'])
            d = r.randint(wave['d0'], max(wave['d0'], wave['d1'] - 1))
            if d >= DAYS:
                continue
            outsider = r.random() < v['outsider_victim']
            vh = self.outsider_victim(demo) if outsider else self.pick_victim(demo)
            vacs = [a for a in vh.accts if a.arch not in ('dormant',) and a.role == 'lawful' and a.status == 'active']
            if not vacs:
                continue
            pay = vacs[0]
            npay = r.randint(plo, phi)
            if v['victim_installments'] > 1 and ft in ('investment', 'romance', 'brushing', 'police_gov', 'ecommerce_cs'):
                npay = int(round(npay * v['victim_installments']))
                med = med / v['victim_installments']
            case = dict(type=ft, victim=vh, payments=[], reported=r.random() < min(0.98, REPORT_P[ft] * v['report']))
            l1 = self.l1_for(g, d, ft)
            if ft in ('police_gov', 'investment', 'military_purchase', 'leader_acquaintance', 'romance'):
                l1 = [m for m in l1 if m.mkind != 'paofen'] or l1
            elif ft in ('brushing', 'game_trade', 'fake_job', 'loan_card', 'shopping_service'):
                l1 = [m for m in l1 if m.mkind != 'shell'] or l1
            # big-ticket types prefer shells when available
            budget = med * npay * r.uniform(0.6, 1.8) * (3 if vh.arch in ('wholesale_trader', 'labour_contractor') else 1)
            t = self.t_on(d, HOUR_C)
            if ft == 'police_gov' or (ft in ('investment', 'romance') and r.random() < 0.3):
                # consolidate savings from the victim's other accounts first
                for o in vacs[1:]:
                    self.add(t - r.randint(600, 7200), o, pay, self.fen(self.logn(med, 0.5), 100), 'mobile', vh.home,
                             lawful=False)
            if ft in ('credit_record', 'loan_card') and r.random() < 0.6:
                cf = r.choice(self.consumer_fin)
                self.add(t - r.randint(600, 3600), cf, pay, self.fen(self.logn(med * 1.5, 0.4), 100), 'online', cf.region,
                         memo='放款', lawful=False)
            if ft == 'brushing' and r.random() < 0.8:
                # first small task paid back with commission from a gang account
                src = r.choice(l1)
                f = self.fen(r.choice([50, 100, 200, 300]))
                e1 = self.add(t, pay, src, f, 'mobile', vh.home, memo='任务单', fraud=1, lawful=False)
                if e1:
                    case['payments'].append(e1)
                    src.inb.append((t, f))
                    self.add(t + r.randint(120, 1800), src, pay, int(f * r.uniform(1.1, 1.3)), 'mobile', src.region,
                             memo='返佣', lawful=False)
                t += r.randint(1800, 4 * 3600)
            amt = med * math.exp(r.gauss(0, 0.6))
            for k in range(npay):
                if k > 0:
                    l1 = self.l1_for(g, t // DAY, ft)  # the gang rotates its receiving accounts
                shells = [m for m in l1 if m.mkind == 'shell']
                amt = min(amt, budget, 500000 if ft in ('police_gov', 'investment', 'military_purchase') else 200000)
                if amt < 50:
                    break
                budget -= amt
                if shells and ft in ('police_gov', 'investment', 'military_purchase') and r.random() < 0.6:
                    dst = r.choice(shells)
                else:
                    dst = r.choice(l1)
                ch = 'mobile' if r.random() < 0.75 else ('online' if r.random() < 0.6 else 'counter')
                if ft == 'subsidy_refund':
                    ch = 'atm'
                if vh.age >= 60 and r.random() < 0.3:
                    ch = 'counter'
                f = self.fen(amt, 100 if r.random() < 0.55 else None)
                e = self.add(t, pay, dst, f, ch, vh.home if ch != 'atm' else vh.home, memo=r.choice(FRAUD_MEMO[ft]),
                             fraud=1, lawful=False)
                if e:
                    case['payments'].append(e)
                    dst.inb.append((t, f))
                if ft in ('investment', 'romance'):
                    t += r.randint(1, 6) * DAY + r.randint(0, 8 * 3600)
                    amt *= r.uniform(0.9, 1.6)
                elif ft in ('brushing', 'ecommerce_cs', 'loan_card'):
                    t += r.randint(300, 3 * 3600)
                    amt *= r.uniform(1.1, 1.8)
                elif ft == 'police_gov':
                    t += r.randint(1800, 2 * DAY)
                    amt *= r.uniform(0.5, 1.5)
                else:
                    t += r.randint(600, DAY)
                if t >= END_T:
                    break
                # installments after the wave ends still land on the same mule accounts
            self.cases.append(case)

    def l1_for(self, g, day, ft):
        ws = [w for w in g['waves'] if w['d0'] <= day < w['d1']] or [w for w in g['waves'] if w['d0'] <= day] or g['waves'][:1]
        return list(self.rng.choice(ws)['l1'] if len(ws) > 1 and self.rng.random() < 0.3 else ws[-1]['l1'])

    def delay(self, speed):
        r = self.rng
        if speed == 'fast':
            return r.randint(40, 25 * 60)
        if speed == 'medium':
            return r.randint(20 * 60, 8 * 3600)
        return r.randint(6 * 3600, 5 * DAY)

    def split(self, f, n):
        r = self.rng
        if n <= 1 or f < 200000:
            return [f]
        cuts = sorted(r.sample(range(1, 100), n - 1))
        parts, prev = [], 0
        for c in cuts + [100]:
            parts.append(f * (c - prev) // 100)
            prev = c
        parts[-1] += f - sum(parts)
        if r.random() < 0.5:  # round the first pieces to hundreds of yuan, remainder on the last
            rest = 0
            for k in range(len(parts) - 1):
                p2 = parts[k] // 10000 * 10000
                rest += parts[k] - p2
                parts[k] = p2
            parts[-1] += rest
        return [x for x in parts if x > 0]

    def flows(self):
        r = self.rng
        by_layer = {}
        for m in self.mules:
            by_layer.setdefault(m.layer, []).append(m)
        for layer in sorted(by_layer):
            for m in by_layer[layer]:
                if not m.inb:
                    continue
                m.inb.sort(key=lambda x: x[0])
                if m.style == 'atm':
                    self.cash_out(m)
                elif m.style == 'ushang':
                    self.ushang(m)
                elif m.style == 'batch':
                    self.sweep(m)
                else:
                    self.relay(m)
        # mule accounts that were rented also show a little activity of the owner before the rental
        for m in self.mules:
            if m.mkind in ('fresh', 'shell') and r.random() < 0.35 and m.inb:
                t = m.opened + r.randint(600, 2 * DAY)
                if t < m.inb[0][0]:
                    if m.cls == 'corp':
                        self.add(t, None, m, self.fen(r.choice([1000, 5000, 10000])), 'counter', m.region, kind='deposit',
                                 memo='验资', lawful=False)
                    else:
                        self.add(t, None, m, self.fen(r.choice([10, 50, 100, 200])), 'counter', m.region, kind='deposit',
                                 lawful=False)

    def send(self, m, t, f):
        """Forward f fen from mule m at time t to its targets."""
        r = self.rng
        tg = m.targets or []
        if not tg:
            return
        n = 1 if f < 500000 else r.randint(1, min(3, len(tg) + 1))
        parts = self.split(f, n)
        for p in parts:
            dst = r.choice(tg)
            night = r.random() < 0.25
            tt = t + r.randint(0, 300)
            if night and m.speed != 'fast':
                tt = (tt // DAY) * DAY + DAY + r.choice(range(0, 5)) * 3600 + r.randrange(3600)
            ch = 'mobile' if m.cls != 'corp' else 'online'
            e = self.add(tt, m, dst, p, ch, m.region if r.random() < 0.4 else self.gang_op[m.gang],
                         memo=r.choice(['', '', '', '货款', '还款']) if m.cls == 'corp' or r.random() < 0.1 else '', lawful=False)
            if e:
                dst.inb.append((tt, p))
            t = tt + r.randint(5, 240)

    def relay(self, m):
        r = self.rng
        for (t, f) in m.inb:
            out = int(f * (1 - m.keep))
            if out < 100:
                continue
            self.send(m, t + self.delay(m.speed), out)

    def sweep(self, m):
        r = self.rng
        period = {'fast': 3600, 'medium': 6 * 3600, 'slow': 2 * DAY}[m.speed]
        acc, last = 0, None
        i = 0
        inb = m.inb
        t_next = inb[0][0] + r.randint(period // 3, period)
        while i < len(inb) or acc > 0:
            while i < len(inb) and inb[i][0] <= t_next:
                acc += inb[i][1]
                i += 1
            if acc > 0:
                out = int(acc * (1 - m.keep))
                self.send(m, t_next, out)
                acc = 0
            if i < len(inb):
                t_next = max(t_next + period, inb[i][0] + r.randint(60, period))
            else:
                break

    def cash_out(self, m):
        """ATM withdrawals far away: 2,000-5,000 a time, at most 20,000 per card per day, for a few days;
        what the card cannot get out in time is passed on to a U-merchant of the gang."""
        r = self.rng
        reg = m.targets if isinstance(m.targets, str) else m.region
        over = self.gang_ushang.get(m.gang) or []
        bal = 0
        day_used = {}
        for (t, f) in m.inb:
            bal += f
            tt = t + self.delay('fast' if m.speed != 'slow' else 'medium')
            days_tried = 0
            while bal >= 200000 and days_tried < 3:
                d = tt // DAY
                used = day_used.get(d, 0)
                if used >= 2000000:
                    days_tried += 1
                    tt = (d + 1) * DAY + (r.randint(0, 3 * 3600) if r.random() < 0.4 else r.randint(7 * 3600, 12 * 3600))
                    continue
                chunk = min(bal, r.choice([200000, 250000, 300000, 500000, 500000]), 2000000 - used)
                chunk = chunk // 10000 * 10000
                e = self.add(tt, m, None, chunk, 'atm', reg, kind='withdrawal', lawful=False)
                if e is None:
                    break
                day_used[d] = used + chunk
                bal -= chunk
                tt += r.randint(30, 200)
            if bal >= 500000 and over:
                dst = r.choice(over)
                e = self.add(tt + r.randint(60, 3600), m, dst, bal - r.randint(0, 5000), 'mobile', m.region, lawful=False)
                if e:
                    dst.inb.append((e[0], e[3]))
                    bal -= e[3]

    def ushang(self, m):
        r = self.rng
        for (t, f) in m.inb:
            if r.random() < 0.6 and m.targets:
                o = r.choice(m.targets)
                self.add(t + r.randint(300, 12 * 3600), m, o, int(f * r.uniform(0.95, 1.0)), 'mobile', m.region, lawful=False)
        # some lawful-looking U-merchant turnover with other buyers
        for _ in range(self.poisson(8)):
            o = r.choice(m.targets) if m.targets else None
            if o:
                self.add(self.t_on(r.randrange(DAYS)), o, m, self.fen(self.logn(30000, 0.8), 100), 'mobile', m.region, lawful=False)

    # ------------------------------------------------------------------ labels
    def decide_labels(self):
        r = self.rng
        v = self.v
        self.fraud_labelled = set()
        for c in self.cases:
            if not c['reported']:
                continue
            for e in c['payments']:
                if r.random() < 0.95:
                    e[9] = 'F'
        got_rep = set()
        for c in self.cases:
            for e in c['payments']:
                if e[9] == 'F':
                    got_rep.add(e[2].idx)
        conf = v['confirm']
        by_layer = {}
        for m in self.mules:
            by_layer.setdefault(m.layer, []).append(m)
        up_confirmed = {}
        # propagate: a mule is traced if an upstream confirmed mule paid it
        pay_from = {}
        for e in self.ev:
            if e[1] is not None and e[2] is not None and e[1].role in ('mule', 'ushang') and e[2].role in ('mule', 'ushang'):
                pay_from.setdefault(e[2].idx, []).append(e[1])
        for layer in sorted(by_layer):
            for m in by_layer[layer]:
                if not m.inb:
                    p = 0.05
                elif layer == 1:
                    p = 0.88 if m.idx in got_rep else 0.3
                else:
                    ups = pay_from.get(m.idx, [])
                    p = 0.72 if any(u.labelled for u in ups) else 0.2
                if m.role == 'ushang':
                    p *= 0.5
                if m.mkind == 'paofen':
                    p *= 0.8
                m.labelled = r.random() < p * conf
        for h in self.farmers:
            used = any(a.role == 'mule' and a.labelled for a in h.accts)
            h.farmer_labelled = r.random() < (0.95 if used else 0.75) * conf


# ---------------------------------------------------------------------------- output
def fmt_money(f):
    return '%d.%02d' % (f // 100, f % 100)


_DCACHE = {}


def fmt_ts(t):
    d, s = divmod(t, DAY)
    ds = _DCACHE.get(d)
    if ds is None:
        ds = (START_DATE + dt.timedelta(days=d)).isoformat()
        _DCACHE[d] = ds
    return '%sT%02d:%02d:%02d+08:00' % (ds, s // 3600, (s // 60) % 60, s % 60)


def csv_field(x):
    x = str(x)
    if any(c in x for c in ',"\n\r'):
        return '"' + x.replace('"', '""') + '"'
    return x


def write(world, out, truth, stats):
    W = world
    os.makedirs(out, exist_ok=True)
    ev = W.ev
    ev.sort(key=lambda e: e[0])  # stable: ties keep generation order
    start = W.start
    # visibility
    vis = []
    for e in ev:
        t, a, b = e[0], e[1], e[2]
        ok = (a is not None and a.bank in start and t >= start[a.bank]) or \
             (b is not None and b.bank in start and t >= start[b.bank])
        vis.append(ok)
    # balances over the full (uncensored) history, row accounts only
    n = len(W.accts)
    cum = [0] * n
    mincum = [0] * n
    before_first = [None] * n
    for e, ok in zip(ev, vis):
        f = e[3]
        for acc, sgn in ((e[1], -1), (e[2], 1)):
            if acc is None or not acc.row:
                continue
            i = acc.idx
            if ok and before_first[i] is None:
                before_first[i] = cum[i]
            cum[i] += sgn * f
            if cum[i] < mincum[i]:
                mincum[i] = cum[i]
    # ids
    seq = 0
    txn_ids = []
    for e, ok in zip(ev, vis):
        if ok:
            seq += 1
            txn_ids.append('JJJ%s%07d' % (fmt_ts(e[0])[:10].replace('-', ''), seq))
        else:
            txn_ids.append(None)
    seen = set()
    n_tx = 0
    with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as fh:
        fh.write('txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n')
        for e, tid in zip(ev, txn_ids):
            if tid is None:
                continue
            a, b = e[1], e[2]
            if a is not None:
                a.seen = True
            if b is not None:
                b.seen = True
            fh.write(','.join((tid, fmt_ts(e[0]), a.id if a else '', b.id if b else '', fmt_money(e[3]), 'CNY', e[4], e[5],
                               e[6], csv_field(e[7]), 'true' if e[9] == 'xb' else 'false')) + '\n')
            n_tx += 1
    rows = 0
    with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as fh:
        fh.write('account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status\n')
        for a in W.accts:
            if not a.row:
                continue
            i = a.idx
            need = -mincum[i]
            if a.opened < 0 or a.cls == 'corp':
                b0 = max(a.b0, need + (W.rng.randrange(0, 50000) if need > 0 else 0))
            else:
                b0 = max(0, need)
                if b0 > 0:
                    b0 = (b0 + 9999) // 10000 * 10000
            if a.status == 'closed':
                b0 = max(0, need)
            bstart = start[a.bank]
            if a.opened < bstart:
                ob = b0 + (before_first[i] if before_first[i] is not None else cum[i])
            else:
                ob = b0
            opened = START + dt.timedelta(seconds=a.opened)
            fh.write(','.join((a.id, a.bank, a.holder.hid, opened.isoformat(), a.region, a.cls, fmt_money(ob), a.status)) + '\n')
            rows += 1
    # labels
    n_fraud = n_mule = n_mule_rows = n_farm = 0
    with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as fh:
        fh.write('kind,id,label\n')
        for a in W.accts:
            if a.role in ('mule', 'ushang') and a.labelled and (a.row or a.seen):
                fh.write('account,%s,mule\n' % a.id)
                n_mule += 1
                n_mule_rows += a.row
        for h in W.farmers:
            if h.farmer_labelled:
                fh.write('holder,%s,card_farmer\n' % h.hid)
                n_farm += 1
        for e, tid in zip(ev, txn_ids):
            if tid is not None and e[9] == 'F':
                fh.write('transfer,%s,fraud\n' % tid)
                n_fraud += 1
    if truth:
        with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as fh:
            fh.write('record,id,bank,holder,has_row,role,archetype,card_farmer,opened_at,labelled,farmer_labelled,supplies,extract_start\n')
            for b in sorted(set(BINS) | set(PAYFIRMS) | {'HSBCHK'}):
                sup = b in W.supply
                fh.write('institution,%s,%s,,,,,,,,,%s,%s\n' % (b, b, 'true' if sup else 'false',
                                                              fmt_ts(start[b]) if sup else ''))
            for a in W.accts:
                if not (a.row or a.seen):
                    continue
                role = a.role
                arch = a.mkind if role in ('mule', 'ushang') else (a.arch or a.holder.arch)
                if role == 'lawful' and a.holder.role in ('mule_owner', 'paofen'):
                    arch = arch + '|holder_' + a.holder.role
                if role == 'mule':
                    arch = '%s|L%d|gang%d|%s' % (arch, a.layer, a.gang, a.speed)
                opened = (START + dt.timedelta(seconds=a.opened)).isoformat()
                fh.write(','.join(('account', a.id, a.bank, a.holder.hid, 'true' if a.row else 'false', role, arch,
                                   'true' if a.holder.farmer else 'false', opened,
                                   'true' if a.labelled and role in ('mule', 'ushang') else 'false',
                                   'true' if a.holder.farmer and a.holder.farmer_labelled else 'false', '', '')) + '\n')
    if stats:
        mule_rows = sum(1 for a in W.accts if a.role == 'mule' and a.row and a.inb)
        fraud_all = sum(1 for e, tid in zip(ev, txn_ids) if tid is not None and e[8] == 1)
        sys.stderr.write('variant=%s accounts_with_rows=%d transfers=%d generated_events=%d\n' % (W.variant, rows, n_tx, len(ev)))
        sys.stderr.write('labels: mule_accounts=%d (with rows %d) fraud_transfers=%d card_farmers=%d\n' % (n_mule, n_mule_rows, n_fraud, n_farm))
        sys.stderr.write('truth: used mule accounts with rows=%d visible victim payments=%d farmers=%d farmer cards=%d cases=%d\n'
                         % (mule_rows, fraud_all, len(W.farmers), len(W.farmer_cards), len(W.cases)))
        sys.stderr.write('institutions supplying: %s\n' % ', '.join('%s@day%d' % (b, d) for b, d in W.supply.items()))


def main():
    ap = argparse.ArgumentParser(description='Jingjinji+Shanxi synthetic world for fanzha')
    ap.add_argument('--variant', default='baseline', choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='out_jingjinji')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build()
    write(w, args.out, args.truth, args.stats)


if __name__ == '__main__':
    main()
