#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Guizhou (贵州) synthetic 30-day banking world for testing a counter-telecom-fraud engine.

Independent generator (worlds41), written from the domain notes and field essays only.
Standard library only; deterministic for a given (variant, seed).

    python3 guizhou_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Writes DIR/accounts.csv, DIR/transfers.csv, DIR/labels.csv (fanzha interchange format v1) and,
with --truth, DIR/truth.csv and DIR/truth_transfers.csv.  Re-reads the files, asserts the format
rules and prints a one-line summary to stderr.

Variants
  baseline  2024-04-08 .. 2024-05-07  spring tea harvest (Meitan, Duyun) and the May Day holiday.
  V2        2024-08-12 .. 2024-09-10  summer tourism, freshmen enrolment at Huaxi, pre-Mid-Autumn
            liquor buying; the fraud uses mostly old accounts rented out or sold, layers slowly,
            and victims pay several times.
  V3        2025-01-13 .. 2025-02-11  Spring Festival (除夕 = 2025-01-28): migrant workers' year-end
            wages and return home, red envelopes, weddings, gift liquor, festival tourism.
"""
import argparse
import csv
import datetime as dt
import math
import os
import random
import re
import sys
import time

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = 86400
HOUR = 3600
MIN = 60
NDAYS = 30
END = NDAYS * DAY
SUPPLY = ('GZRCU', 'PSBC', 'GYB', 'GZB', 'CCB')
PAYFIRMS = ('ALIPAY', 'TENPAY', 'JDPAY', 'DOUYINPAY', 'YEEPAY', 'LAKALA')

# ---------------------------------------------------------------------------------------------
# geography (GB/T 2260)
AREAS = {
    'guiyang': ['520102', '520103', '520112', '520113', '520115'],
    'guian': ['520111', '520181', '520403'],
    'huaxi': ['520111'],
    'zunyi': ['520302', '520303', '520304'],
    'renhuai': ['520382'],
    'meitan': ['520328'],
    'duyun': ['522701'],
    'anshun': ['520402', '520403'],
    'huangguoshu': ['520423', '520424'],
    'qdn': ['522634', '522631', '522633', '522632', '522630', '522625'],
    'kaili': ['522601'],
    'bijie': ['520502', '520521', '520524', '520525', '520526', '520527'],
    'tongren': ['520602', '520603', '520628'],
    'lps': ['520201', '520203', '520204', '520281'],
    'qxn': ['522301', '522302', '522326', '522327'],
    'qiannan': ['522722', '522723', '522731'],
}
AREA_KIND = {'guiyang': 'city', 'guian': 'city', 'huaxi': 'city', 'zunyi': 'city', 'renhuai': 'town',
             'meitan': 'rural', 'duyun': 'town', 'anshun': 'town', 'huangguoshu': 'rural', 'qdn': 'rural',
             'kaili': 'town', 'bijie': 'rural', 'tongren': 'rural', 'lps': 'rural', 'qxn': 'rural',
             'qiannan': 'rural'}
RURAL_AREAS = ['bijie', 'tongren', 'lps', 'qxn', 'qiannan', 'qdn', 'meitan', 'huangguoshu', 'duyun', 'renhuai']
RURAL_W = [22, 12, 12, 12, 9, 12, 6, 5, 5, 5]
RELOC_AREAS = ['bijie', 'qxn', 'tongren', 'qiannan', 'lps']
ZJ = ['330102', '330106', '330110', '330203', '330282', '330302', '330381', '330702', '330782', '331002',
      '330602', '330481']
GD = ['440106', '440111', '440113', '440306', '440307', '441900', '442000', '440605', '440606', '441302']
NATIONAL = ['110105', '310115', '320106', '320506', '350203', '370102', '410105', '420106', '430104',
            '500103', '510107', '530102', '610113', '450103', '120101', '130102', '340104', '360102',
            '210102', '230102', '150102', '460105', '330106', '440106', '440306', '441900', '330782',
            '320211', '370202', '350102', '520102', '520302', '522601']
OP_REGIONS = ['520102', '520302', '441900', '440306', '445102', '441502', '350582', '530102', '533102', '532801', '451081',
              '460202', '450103', '440111', '500103', '510107']
CASH_REGIONS = ['441900', '440306', '440307', '445102', '441502', '533102', '532801', '451081', '530102',
                '350582', '460105', '520102']
FARM_CITIES = [('520102', 'gz'), ('520103', 'gz'), ('520302', 'gz'), ('522601', 'gz'), ('520402', 'gz'),
               ('522701', 'gz'), ('520201', 'gz'), ('520502', 'gz'), ('520602', 'gz'),
               ('430102', 'out'), ('420106', 'out'), ('530102', 'out'), ('500103', 'out'), ('450103', 'out')]
FARM_HOMES = ['421087', '421281', '430524', '431382', '360732', '520526', '522327', '520525', '452226']

BANKW = {
    'city': {'GYB': 16, 'CCB': 15, 'ICBC': 14, 'GZRCU': 9, 'GZB': 10, 'CMB': 8, 'ABC': 8, 'BOC': 6,
             'PSBC': 6, 'BOCOM': 3, 'CIB': 2, 'PAB': 2},
    'town': {'GZRCU': 22, 'GZB': 14, 'CCB': 13, 'ICBC': 10, 'ABC': 10, 'PSBC': 10, 'GYB': 8, 'BOC': 6,
             'CMB': 4},
    'rural': {'GZRCU': 46, 'PSBC': 19, 'ABC': 12, 'CCB': 6, 'GZB': 6, 'ICBC': 5, 'GYB': 3, 'BOC': 3},
    'zj': {'ICBC': 18, 'ABC': 15, 'ZJRCU': 18, 'CCB': 10, 'CMB': 8, 'BOC': 8, 'PSBC': 6, 'HZB': 5},
    'gd': {'ICBC': 18, 'ABC': 14, 'GRCB': 12, 'CCB': 10, 'CMB': 10, 'BOC': 8, 'PSBC': 6, 'PAB': 8},
    'nat': {'ICBC': 22, 'ABC': 17, 'BOC': 11, 'CMB': 12, 'BOCOM': 7, 'CIB': 6, 'PAB': 5, 'CITIC': 5,
            'CMBC': 5, 'SPDB': 5},
}
BIN = {'GZRCU': ['621779', '622368', '623190'], 'PSBC': ['621799', '622188', '621098'],
       'GYB': ['621591', '622172'], 'GZB': ['621794', '623561'], 'CCB': ['621700', '622700', '621081'],
       'ICBC': ['622202', '621226', '621558'], 'ABC': ['622848', '622845', '623052'],
       'BOC': ['621661', '621785', '621790'], 'BOCOM': ['622262', '622260'], 'CMB': ['621483', '622588'],
       'CIB': ['622909', '622908'], 'ZJRCU': ['621058', '623091'], 'GRCB': ['621253', '622439'],
       'PAB': ['622155', '621626'], 'CITIC': ['621771', '622690'], 'CMBC': ['622622', '621691'],
       'SPDB': ['622521', '621792'], 'HZB': ['621652', '622286']}
CORP_PREFIX = {'GZRCU': '2200', 'PSBC': '9520', 'GYB': '1301', 'GZB': '0701', 'CCB': '5205', 'ICBC': '2402',
               'ABC': '2332', 'BOC': '1339', 'BOCOM': '5211', 'CMB': '8519', 'CIB': '6060', 'ZJRCU': '2010',
               'GRCB': '0811', 'PAB': '1501', 'CITIC': '8111', 'CMBC': '6310', 'SPDB': '9501', 'HZB': '3301',
               'HSBCHK': '8018'}

H24 = list(range(24))
HOURS = {
    'day': [.2, .1, .05, .05, .05, .1, .4, 1.2, 2.5, 3.5, 4, 4, 3.5, 3, 3.2, 3.3, 3.2, 3, 3, 3.5, 4, 3.8, 2.8, 1.2],
    'work': [0, 0, 0, 0, 0, 0, .05, .3, 2, 4, 4.5, 4.2, 2, 2.5, 4, 4.2, 4, 3, 1, .2, .1, 0, 0, 0],
    'evening': [.5, .2, .1, .02, .02, .02, .1, .3, .5, .7, .8, 1, 1.2, 1, 1, 1, 1, 1.5, 2.5, 3.5, 4, 4, 3.5, 2],
    'night': [3, 3, 2.5, 2, 1.5, 1, .5, .3, .3, .3, .3, .3, .3, .3, .3, .3, .3, .3, .5, .8, 1.2, 1.8, 2.5, 3],
    'elder': [0, 0, 0, 0, 0, .1, .6, 2, 4, 5, 5, 4, 2, 2, 3, 3.5, 3, 2, .6, .3, .1, 0, 0, 0],
    'batch': [0, 0, 0, 0, 0, 0, 0, .2, 1, 3, 4, 3, 1, .5, 1, 1.5, 1, .5, 0, 0, 0, 0, 0, 0],
    'any': [1] * 24,
    'fraud': [1.2, .9, .6, .4, .3, .3, .5, .9, 1.6, 2.4, 2.8, 2.8, 2.4, 2.4, 2.8, 3, 3, 2.8, 2.6, 2.8, 3, 2.8, 2.2, 1.6],
}
CUM = {}
for _k, _w in HOURS.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    CUM[_k] = _c

VARIANTS = {
    'baseline': dict(
        start=(2024, 4, 8), title='spring tea harvest + May Day',
        extract={'GZRCU': 0, 'PSBC': 2, 'GYB': 4, 'GZB': 7, 'CCB': 11},
        n_rings=14, n_farmers=14, farm_inside=0.45,
        mix={'fresh': .30, 'aged': .20, 'rented_old': .14, 'sold_old': .09, 'paofen': .26, 'shell_corp': .10},
        fast_ring=.7, batch_p=.3, victims=(32, 52), multi=1.0, report_p=.6, ext_victim=.45,
        typos={'brushing': 18, 'ecommerce_cs': 10, 'investment': 10, 'loan_card': 9, 'credit_record': 6,
               'police_gov': 7, 'leader_acquaintance': 6, 'romance': 6, 'game_trade': 5, 'fake_job': 5,
               'fake_liquor': 6, 'subsidy_refund': 4, 'accident_kidnap': 3}),
    'V2': dict(
        start=(2024, 8, 12), title='summer tourism + freshmen enrolment + pre-Mid-Autumn liquor',
        extract={'PSBC': 0, 'GZB': 1, 'GZRCU': 3, 'GYB': 6, 'CCB': 9},
        n_rings=15, n_farmers=10, farm_inside=0.3, farm_quiet=.3,
        mix={'fresh': .06, 'aged': .07, 'rented_old': .38, 'sold_old': .27, 'paofen': .15, 'shell_corp': .07},
        fast_ring=.15, batch_p=.65, victims=(15, 25), multi=2.3, report_p=.55, ext_victim=.45,
        typos={'brushing': 15, 'ecommerce_cs': 7, 'investment': 17, 'loan_card': 8, 'credit_record': 8,
               'police_gov': 8, 'leader_acquaintance': 5, 'romance': 12, 'game_trade': 6, 'fake_job': 8,
               'fake_liquor': 5, 'subsidy_refund': 3, 'accident_kidnap': 2}),
    'V3': dict(
        start=(2025, 1, 13), title='Spring Festival 2025',
        extract={'GZRCU': 0, 'GYB': 2, 'PSBC': 5, 'GZB': 8, 'CCB': 12},
        n_rings=15, n_farmers=17, farm_inside=0.5,
        mix={'fresh': .30, 'aged': .18, 'rented_old': .14, 'sold_old': .10, 'paofen': .25, 'shell_corp': .12},
        fast_ring=.8, batch_p=.25, victims=(30, 48), multi=1.0, report_p=.6, ext_victim=.45,
        typos={'brushing': 12, 'ecommerce_cs': 10, 'investment': 7, 'loan_card': 9, 'credit_record': 5,
               'police_gov': 7, 'leader_acquaintance': 9, 'romance': 6, 'game_trade': 6, 'fake_job': 4,
               'fake_liquor': 13, 'subsidy_refund': 5, 'accident_kidnap': 7}),
}

ARCH_COUNTS = {'gy_office': 1150, 'guian_tech': 380, 'student': 950, 'migrant': 1350, 'elder': 1150,
               'reloc': 760, 'liquor_dist': 45, 'liquor_scalper': 32, 'liquor_shop': 130, 'guesthouse': 160,
               'guide': 150, 'craft': 90, 'tea_grower': 260, 'tea_dealer': 28, 'shop': 520, 'landlord': 130,
               'foreman': 45, 'rural': 1000, 'civil': 420, 'new_arrival': 30}

WED_AMTS = [200, 300, 500, 600, 666, 800, 888, 1000, 1200, 1314, 1888, 2000, 3000, 5200, 6666, 8888, 10000]
WED_W = [10, 8, 18, 8, 6, 6, 7, 12, 4, 2, 3, 5, 2, 1, 1, .5, .5]
HB_AMTS = [66, 88, 100, 168, 200, 288, 500, 520, 600, 666, 800, 888, 1000, 1888, 2000]


def luhn(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def rid_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(c) * x for c, x in zip(s17, w)) % 11]


USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17):
    c = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if c == 31 else c]


class Acct:
    __slots__ = ('id', 'bank', 'hid', 'opened', 'region', 'cls', 'role', 'arch', 'farmer', 'status', 'row',
                 'cushion', 'lab')

    def __init__(self, aid, bank, hid, opened, region, cls, role, arch):
        self.id, self.bank, self.hid, self.opened, self.region = aid, bank, hid, opened, region
        self.cls, self.role, self.arch = cls, role, arch
        self.farmer = 0
        self.status = 'active'
        self.row = bank in SUPPLY
        self.cushion = None
        self.lab = 0


class Mule:
    __slots__ = ('acc', 'kind', 'tier', 'on', 'off', 'mode', 'ring')

    def __init__(self, acc, kind, tier, on, off, mode, ring):
        self.acc, self.kind, self.tier, self.on, self.off, self.mode, self.ring = acc, kind, tier, on, off, mode, ring


class World:
    def __init__(self, variant, seed):
        self.V = variant
        self.cfg = VARIANTS[variant]
        self.seed = seed
        self.r = random.Random('guizhou41|%s|%d' % (variant, seed))
        y, m, d = self.cfg['start']
        self.W0 = dt.datetime(y, m, d, tzinfo=TZ)
        self.date = [(self.W0 + dt.timedelta(days=i)) for i in range(NDAYS + 1)]
        self.dom = [x.day for x in self.date]
        self.wd = [x.weekday() for x in self.date]
        self.ext_start = {b: self.cfg['extract'][b] * DAY for b in SUPPLY}
        self.accts = {}
        self.hids = {}
        self.people = []
        self.by_arch = {}
        self.by_area = {}
        self.corps = {}
        self.tx = []
        self.cut = {}
        self.nat_pool = []
        self.used = {}
        self.batch_times = {}
        self.setup_days()

    # ------------------------------------------------------------------ random helpers
    def U(self, a, b):
        return self.r.uniform(a, b)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def ch(self, p):
        return self.r.random() < p

    def ln(self, med, s):
        return med * math.exp(self.r.gauss(0, s))

    def pois(self, lam):
        if lam <= 0:
            return 0
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def wpick(self, d):
        keys = list(d.keys())
        return self.r.choices(keys, weights=[d[k] for k in keys])[0]

    def mm(self, p_empty, opts):
        if self.r.random() < p_empty:
            return ''
        return self.r.choice(opts)

    @staticmethod
    def hum(x):
        """round an amount the way a person types it"""
        if x < 20:
            return float(max(1, int(x)))
        if x < 200:
            return float(int(x / 5) * 5 or 5)
        if x < 2000:
            return float(int(x / 50) * 50 or 50)
        if x < 20000:
            return float(int(x / 100) * 100)
        if x < 200000:
            return float(int(x / 1000) * 1000)
        return float(int(x / 10000) * 10000)

    def at(self, d, prof='day'):
        h = self.r.choices(H24, cum_weights=CUM[prof])[0]
        return int(d * DAY + h * HOUR + self.r.random() * HOUR)

    def pick_day(self, w=None, lo=0, hi=NDAYS - 1):
        if w is None:
            return self.ri(lo, hi)
        return self.r.choices(range(lo, hi + 1), weights=w[lo:hi + 1])[0]

    def paydays(self, dom, weekend_shift=True):
        out = []
        for d in range(NDAYS):
            if self.dom[d] == dom:
                dd = d
                if weekend_shift and self.wd[d] >= 5:
                    dd = d - (self.wd[d] - 4)
                if dd >= 0:
                    out.append(dd)
        return out

    def sec(self, y, m, d, h=10):
        return int((dt.datetime(y, m, d, h, tzinfo=TZ) - self.W0).total_seconds())

    def iso(self, s):
        return (self.W0 + dt.timedelta(seconds=int(s))).isoformat()

    def old_open(self, age, min_days=200):
        maxd = max(min_days + 60, int((age - 16) * 365))
        dd = self.ri(min_days, maxd)
        return -dd * DAY + self.ri(9 * HOUR, 17 * HOUR)

    # ------------------------------------------------------------------ calendar per variant
    def setup_days(self):
        v = self.V
        wk = [1.5 if self.wd[d] >= 5 else 1.0 for d in range(NDAYS)]
        self.w_flat = [1.0] * NDAYS
        self.w_week = wk
        if v == 'baseline':
            self.w_tour = [wk[d] * (4.0 if 23 <= d <= 27 else 1.0) for d in range(NDAYS)]
            self.w_tea = [max(.2, 3.2 - .12 * d) for d in range(NDAYS)]
            self.w_liq = [1.0 + (.3 if 17 <= d <= 22 else 0) for d in range(NDAYS)]
            self.holiday = set(range(23, 28))
        elif v == 'V2':
            self.w_tour = [wk[d] * (2.3 if d < 20 else .9) for d in range(NDAYS)]
            self.w_tea = [.25] * NDAYS
            self.w_liq = [1.0 if d < 16 else 1.0 + .12 * (d - 15) for d in range(NDAYS)]
            self.holiday = set()
        else:
            self.w_tour = [(.7 if d < 15 else 3.6 if d <= 22 else 1.0) * wk[d] for d in range(NDAYS)]
            self.w_tea = [0.0] * NDAYS
            self.w_liq = [2.6 if d < 14 else 1.3 if d == 14 else .3 if d <= 21 else .8 for d in range(NDAYS)]
            self.holiday = set(range(15, 23))
        self.w_hol = [2.5 if d in self.holiday else self.w_week[d] for d in range(NDAYS)]

    # ------------------------------------------------------------------ identities and accounts
    def pid(self, region, age):
        yr = self.W0.year - age
        while True:
            b = dt.date(yr, 1, 1) + dt.timedelta(days=self.ri(0, 364))
            s17 = '%s%s%03d' % (region, b.strftime('%Y%m%d'), self.ri(1, 999))
            h = s17 + rid_check(s17)
            if h not in self.hids:
                self.hids[h] = 1
                return h

    def uscc(self, region, gov=False):
        while True:
            s = ('11' if gov else self.r.choice(['91', '91', '91', '92', '93'])) + region + \
                ''.join(self.r.choice(USCC_CH) for _ in range(9))
            h = s + uscc_check(s)
            if h not in self.hids:
                self.hids[h] = 1
                return h

    def acct_no(self, bank, cls):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                n = '2088' + ''.join(r.choice('0123456789') for _ in range(12))
            elif bank == 'TENPAY':
                n = ('19' if cls == 'corp' else '10') + ''.join(r.choice('0123456789') for _ in range(12))
            elif bank in PAYFIRMS:
                n = bank[:2] + ''.join(r.choice('0123456789') for _ in range(14))
            elif bank not in BIN:
                n = '8' + ''.join(r.choice('0123456789') for _ in range(11))
            elif cls == 'corp':
                pre = CORP_PREFIX.get(bank, '9999')
                n = pre + ''.join(r.choice('0123456789') for _ in range(r.choice([14, 15, 16])))
            else:
                b = r.choice(BIN[bank])
                L = 19 if r.random() < .85 else 16
                pay = b + ''.join(r.choice('0123456789') for _ in range(L - 1 - len(b)))
                n = pay + luhn(pay)
            if n not in self.accts:
                return n

    def acct(self, bank, hid, opened, region, cls='I', role='lawful', arch=''):
        aid = self.acct_no(bank, cls)
        a = Acct(aid, bank, hid, int(opened), region, cls, role, arch)
        self.accts[aid] = a
        return aid

    def bank_for(self, kind, exclude=()):
        d = {k: v for k, v in BANKW[kind].items() if k not in exclude}
        return self.wpick(d)

    def corp(self, arch, region, bank=None, kind=None, gov=False, age_years=(2, 20)):
        if bank is None:
            bank = self.bank_for(kind or AREA_KIND_OF_REGION(region))
        hid = self.uscc(region, gov)
        opened = -self.ri(int(age_years[0] * 365), int(age_years[1] * 365)) * DAY + self.ri(9 * HOUR, 16 * HOUR)
        aid = self.acct(bank, hid, opened, region, 'corp', 'lawful', arch)
        self.corps.setdefault(arch, []).append(aid)
        return aid

    def wallet(self, p):
        if p.get('wallet') is None:
            bank = 'TENPAY' if self.r.random() < .6 else 'ALIPAY'
            p['wallet'] = self.acct(bank, p['hid'], self.old_open(p['age'], 300), p['reg'], 'II', 'lawful',
                                    'own_wallet')
        return p['wallet']

    def nat(self):
        """an out-of-province individual (tourist, buyer, relative, stranger), mostly re-used"""
        if self.nat_pool and self.r.random() < .55:
            i = int(len(self.nat_pool) * (self.r.random() ** 1.6))
            return self.nat_pool[i]
        reg = self.r.choice(NATIONAL)
        age = self.ri(22, 62)
        hid = self.pid(reg, age)
        bank = self.bank_for('nat')
        if self.r.random() < .15:
            bank = self.r.choice(['ALIPAY', 'TENPAY'])
        aid = self.acct(bank, hid, self.old_open(age), reg, 'I', 'lawful', 'national_individual')
        self.nat_pool.append(aid)
        return aid

    def areg(self, aid):
        return self.accts[aid].region

    # ------------------------------------------------------------------ transfers
    def biz(self, t):
        """move a counter transaction into banking hours (09:00-17:00)"""
        h = (t % DAY) / HOUR
        if 9 <= h < 17:
            return t
        d = t // DAY + (1 if h >= 17 else 0)
        return d * DAY + 9 * HOUR + self.ri(0, 3 * HOUR)

    def T(self, ts, frm, to, yuan, ch='mobile', reg='', memo='', tk='ordinary', kind='transfer', xb=False):
        if ch == 'counter':
            ts = self.biz(ts)
        fen = int(round(yuan * 100))
        if fen <= 0:
            fen = 1
        self.tx.append((int(ts), frm, to, fen, ch, reg, kind, memo, tk, xb))

    # ------------------------------------------------------------------ population
    def person(self, arch, area, age, home_area=None, bankkind=None, main_bank=None, n_extra=0.4,
               opened=None, reg=None):
        r = self.r
        reg = reg or r.choice(AREAS[area])
        home_reg = r.choice(AREAS[home_area]) if home_area else reg
        hid = self.pid(home_reg, age)
        p = {'i': len(self.people), 'arch': arch, 'area': area, 'age': age, 'reg': reg, 'hid': hid,
             'accs': [], 'wallet': None, 'loc': reg, 'home': home_reg}
        kind = bankkind or AREA_KIND[area]
        bank = main_bank or self.bank_for(kind)
        op = opened if opened is not None else self.old_open(age)
        main = self.acct(bank, hid, op, reg, 'I', 'lawful', arch)
        p['main'] = main
        p['accs'].append(main)
        extra = 0
        if r.random() < n_extra:
            extra = 1 + (1 if r.random() < .3 else 0) + (1 if r.random() < .12 else 0)
        used = [bank]
        for _ in range(extra):
            b2 = self.bank_for(kind, exclude=used)
            used.append(b2)
            a2 = self.acct(b2, hid, self.old_open(age, 60), r.choice(AREAS[area]) if r.random() < .8 else home_reg,
                           'I' if r.random() < .7 else 'II', 'lawful', arch)
            p['accs'].append(a2)
        self.people.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        self.by_area.setdefault(area, []).append(p)
        return p

    def make_corps(self):
        r = self.r
        for _ in range(110):
            c = self.corp('employer', r.choice(AREAS['guiyang']), kind='city')
            self.batch_times[c] = r.choice([5, 10, 10, 15, 15, 20, 25])
        for _ in range(14):
            c = self.corp('datacentre', r.choice(AREAS['guian']), bank=self.wpick({'GYB': 3, 'GZB': 3, 'CCB': 3, 'ICBC': 3, 'BOC': 1}))
            self.batch_times[c] = r.choice([10, 15])
        self.county_fin = {}
        for area in AREAS:
            for reg in AREAS[area]:
                if reg not in self.county_fin:
                    self.county_fin[reg] = self.corp('county_finance', reg,
                                                     bank=self.wpick({'GZRCU': 7, 'PSBC': 2, 'ABC': 1}), gov=True)
        for _ in range(6):
            self.corp('university', '520111', bank=self.wpick({'GYB': 3, 'GZB': 3, 'CCB': 2, 'ICBC': 2}))
            self.corp('canteen', '520111', kind='city')
        for a in ['guiyang', 'guiyang', 'guiyang', 'zunyi', 'zunyi', 'kaili', 'duyun', 'bijie', 'anshun', 'tongren', 'lps', 'qxn']:
            self.corp('hospital', r.choice(AREAS[a]), kind='town')
        for a in ['guiyang'] * 7 + ['guian'] * 2 + ['zunyi'] * 4 + ['kaili', 'anshun', 'bijie']:
            self.corp('car_dealer', r.choice(AREAS[a]), kind='city')
        for a in ['guiyang'] * 6 + ['guian'] * 3 + ['zunyi'] * 3 + ['kaili', 'anshun', 'bijie', 'duyun']:
            self.corp('developer', r.choice(AREAS[a]), kind='city')
        for a in ['guiyang'] * 6 + ['zunyi'] * 4 + ['renhuai'] * 2 + ['kaili'] * 3 + ['anshun'] * 2 + ['bijie'] * 3 + ['duyun'] * 2 + ['tongren'] * 2:
            self.corp('banquet_hall', r.choice(AREAS[a]), kind='town')
        for a in ['guiyang'] * 4 + ['zunyi'] * 2 + ['kaili'] * 2:
            self.corp('jeweler', r.choice(AREAS[a]), kind='city')
        self.moutai = self.corp('moutai_sales', '520382', bank='GZB', age_years=(10, 20))
        for _ in range(8):
            self.corp('liquor_wholesale', r.choice(['520382', '520382', '520302', '520303']),
                      bank=self.wpick({'GZB': 3, 'GZRCU': 2, 'CCB': 2, 'ICBC': 2, 'ABC': 1}))
        for a in ['meitan'] * 6 + ['duyun'] * 5:
            self.corp('tea_factory', AREAS[a][0], bank=self.wpick({'GZRCU': 4, 'GZB': 2, 'ABC': 2, 'CCB': 1}))
        for _ in range(22):
            self.corp('construction', r.choice(AREAS['guiyang'] + AREAS['zunyi'] + AREAS['guian']), kind='city')
        for _ in range(18):
            self.corp('construction_out', r.choice(ZJ + GD), kind='nat')
        for _ in range(80):
            reg = r.choice(ZJ + GD)
            self.corp('factory_out', reg, kind='zj' if reg.startswith('33') else 'gd')
        for a in RELOC_AREAS * 3:
            self.corp('community_factory', r.choice(AREAS[a]), bank=self.wpick({'GZRCU': 5, 'PSBC': 2, 'GZB': 1}))
        for reg in ['520423', '522634', '522631']:
            self.corp('scenic', reg, bank=self.wpick({'GZB': 2, 'GZRCU': 2, 'CCB': 1}))
        for a in ['qdn'] * 18 + ['meitan'] * 4 + ['duyun'] * 3 + ['bijie'] * 3:
            self.corp('coop', r.choice(AREAS[a]), bank=self.wpick({'GZRCU': 8, 'PSBC': 1}), age_years=(1, 9))
        for _ in range(15):
            self.corp('property_mgmt', r.choice(AREAS['guiyang'] + AREAS['zunyi']), kind='city')
        self.corp('utility', '520103', bank='CCB', age_years=(15, 20))
        self.corp('utility', '520102', bank='ICBC', age_years=(15, 20))
        for _ in range(10):
            self.corp('travel_agency', r.choice(AREAS['guiyang'] + AREAS['anshun'] + ['522601']), kind='town')
        for reg in ['310115', '110105', '440106', '320106', '330106']:
            self.corp('insurer', reg, kind='nat')
        for reg, b in [('310115', 'CMB'), ('110105', 'ICBC')]:
            self.corp('ota', reg, bank=b)
        for reg, b in [('330106', 'ALIPAY'), ('110105', 'DOUYINPAY'), ('310115', 'TENPAY')]:
            self.corp('ecom_settle', reg, bank=b)
        for reg in ['440305', '330108', '310115']:
            self.corp('game_co', reg, bank='TENPAY')
        for reg in ['440306', '330106']:
            self.corp('logistics', reg, kind='nat')
        for _ in range(5):
            self.corp('gas_station', r.choice(AREAS['guiyang'] + AREAS['anshun']), bank='ICBC')
        for _ in range(6):
            self.corp('silver_supplier', '522601', bank=self.wpick({'GZRCU': 2, 'GZB': 1, 'ICBC': 1}))
        for a in RURAL_AREAS:
            self.corp('school', r.choice(AREAS[a]), bank=self.wpick({'GZRCU': 5, 'PSBC': 2}), gov=True)
        self.merchants = {}
        for area in AREAS:
            n = 30 if area == 'guiyang' else 10 if AREA_KIND[area] != 'rural' else 6
            for _ in range(n):
                reg = self.r.choice(AREAS[area])
                if self.r.random() < .55:
                    m = self.acct(self.r.choice(['LAKALA', 'YEEPAY', 'ALIPAY', 'TENPAY']), self.uscc(reg),
                                  -self.ri(200, 3000) * DAY, reg, 'corp', 'lawful', 'merchant_acquired')
                else:
                    m = self.corp('merchant', reg, kind=AREA_KIND[area])
                self.merchants.setdefault(area, []).append(m)
        for key, regs in (('zj', ZJ), ('gd', GD)):
            for _ in range(40):
                reg = self.r.choice(regs)
                m = self.acct(self.r.choice(['LAKALA', 'YEEPAY', 'ALIPAY', 'TENPAY']), self.uscc(reg),
                              -self.ri(200, 3000) * DAY, reg, 'corp', 'lawful', 'merchant_acquired')
                self.merchants.setdefault(key, []).append(m)
        for _ in range(10):
            self.corp('agri_supply', r.choice(AREAS[self.r.choice(RURAL_AREAS)]), bank=self.wpick({'GZRCU': 5, 'PSBC': 2, 'ABC': 2}))

    def populate(self):
        r = self.r
        C = {k: int(v * 1.2) for k, v in ARCH_COUNTS.items()}
        self.make_corps()
        emp = self.corps['employer']
        dc = self.corps['datacentre']
        for _ in range(C['gy_office']):
            p = self.person('gy_office', 'guiyang', self.ri(23, 55),
                            home_area=r.choice(['guiyang', 'zunyi'] + RURAL_AREAS), n_extra=.5)
            p['emp'] = r.choice(emp)
            p['sal'] = round(self.ln(6200, .35), 2)
        for _ in range(C['guian_tech']):
            p = self.person('guian_tech', 'guian', self.ri(23, 42),
                            home_area=r.choice(['guiyang', 'zunyi', 'anshun'] + RURAL_AREAS), n_extra=.6)
            p['emp'] = r.choice(dc)
            p['sal'] = round(self.ln(12500, .35), 2)
        for _ in range(C['civil']):
            area = r.choices(RURAL_AREAS + ['guiyang', 'zunyi', 'kaili', 'anshun'], weights=RURAL_W + [8, 6, 4, 4])[0]
            p = self.person('civil', area, self.ri(25, 58), n_extra=.55)
            p['sal'] = round(self.ln(6800, .25), 2)
        for _ in range(C['new_arrival']):
            age = self.ri(23, 35)
            base = self.ri(0, 12)
            p = self.person('new_arrival', 'guian', age, home_area=r.choice(['zunyi'] + RURAL_AREAS), n_extra=0,
                            main_bank='CCB', opened=base * DAY + self.ri(9 * HOUR, 16 * HOUR))
            for j, b in enumerate(r.sample(['GYB', 'GZRCU', 'ICBC', 'GZB'], self.ri(1, 3))):
                a = self.acct(b, p['hid'], (base + self.ri(1, 10)) * DAY + self.ri(9 * HOUR, 17 * HOUR),
                              r.choice(AREAS['guian'] + AREAS['guiyang']), 'I', 'lawful', 'new_arrival')
                p['accs'].append(a)
            p['emp'] = r.choice(dc)
            p['sal'] = round(self.ln(9000, .3), 2)
        # migrant workers (home card in Guizhou, work in Zhejiang / Guangdong)
        for _ in range(C['migrant']):
            area = r.choices(RURAL_AREAS, weights=RURAL_W)[0]
            p = self.person('migrant', area, self.ri(19, 55), bankkind='rural', n_extra=.25)
            zj = r.random() < .5
            p['loc'] = r.choice(ZJ if zj else GD)
            wb = self.bank_for('zj' if zj else 'gd')
            p['work'] = self.acct(wb, p['hid'], self.old_open(p['age'], 90), p['loc'], 'I', 'lawful', 'migrant_workcard')
            p['accs'].append(p['work'])
            p['factory'] = r.choice(self.corps['factory_out'])
            p['sal'] = round(self.ln(6000, .3), 2)
            p['home_salary'] = r.random() < .3
        for _ in range(C['elder']):
            area = r.choices(RURAL_AREAS, weights=RURAL_W)[0]
            p = self.person('elder', area, self.ri(58, 85), bankkind='rural', n_extra=.3,
                            main_bank=self.wpick({'GZRCU': 60, 'PSBC': 25, 'ABC': 15}))
        for _ in range(C['rural']):
            area = r.choices(RURAL_AREAS, weights=RURAL_W)[0]
            self.person('rural', area, self.ri(20, 62), bankkind='rural', n_extra=.3)
        # relocation households: accounts from the relocation years, some opened inside the data
        new_days = sorted(r.sample(range(1, 22), 4))
        for _ in range(C['reloc']):
            area = r.choice(RELOC_AREAS)
            age = self.ri(18, 70)
            if r.random() < .11:
                d = r.choice(new_days)
                op = d * DAY + self.ri(9 * HOUR, 16 * HOUR)
                p = self.person('reloc', area, age, bankkind='rural', n_extra=.1, opened=op,
                                main_bank=self.wpick({'GZRCU': 8, 'PSBC': 2}), reg=AREAS[area][0])
                p['new'] = d
            else:
                op = -self.ri(365, 8 * 365) * DAY + self.ri(9 * HOUR, 16 * HOUR)
                p = self.person('reloc', area, age, bankkind='rural', n_extra=.2, opened=op,
                                main_bank=self.wpick({'GZRCU': 65, 'PSBC': 25, 'ABC': 10}))
            p['wage'] = r.random() < .4
        # students at Huaxi university town
        for _ in range(C['student']):
            home = r.choice(['guiyang', 'zunyi', 'anshun', 'kaili'] + RURAL_AREAS)
            enrol = self.W0.year - (self.ri(1, 4) if self.V != 'V2' else self.ri(1, 3))
            op = self.sec(enrol, 9, self.ri(1, 10), self.ri(9, 16)) + self.ri(0, 3599)
            p = self.person('student', 'huaxi', self.ri(18, 23), home_area=home, n_extra=.3, opened=op,
                            main_bank=self.wpick({'GYB': 30, 'GZB': 25, 'CCB': 20, 'ICBC': 15, 'GZRCU': 10}))
        if self.V == 'V2':
            # freshmen: designated cards opened in batches at the campus branches (Sep 1-5)
            for _ in range(520):
                home = r.choice(['guiyang', 'zunyi', 'anshun', 'kaili'] + RURAL_AREAS)
                d = r.choice([20, 20, 21, 21, 22, 23, 24])
                b = r.choice(['GYB', 'GZB', 'CCB'])
                op = d * DAY + self.ri(9 * HOUR, 17 * HOUR)
                p = self.person('freshman', 'huaxi', self.ri(17, 19), home_area=home, n_extra=0, opened=op, main_bank=b)
                p['new'] = d
        for arch, areas, n_extra in [('liquor_dist', ['renhuai', 'renhuai', 'zunyi'], .9),
                                     ('liquor_scalper', ['renhuai', 'zunyi', 'guiyang'], .6),
                                     ('liquor_shop', ['guiyang', 'zunyi', 'renhuai', 'kaili', 'anshun', 'duyun', 'bijie'], .4),
                                     ('guesthouse', ['huangguoshu', 'qdn', 'qdn', 'anshun'], .4),
                                     ('guide', ['anshun', 'guiyang', 'kaili', 'huangguoshu'], .3),
                                     ('craft', ['qdn', 'qdn', 'kaili'], .3),
                                     ('tea_grower', ['meitan', 'duyun'], .2),
                                     ('tea_dealer', ['meitan', 'duyun', 'guiyang'], .7),
                                     ('shop', ['guiyang', 'zunyi', 'kaili', 'anshun', 'duyun', 'bijie', 'renhuai', 'tongren', 'lps', 'qxn', 'huaxi'], .35),
                                     ('landlord', ['guiyang', 'guiyang', 'huaxi', 'zunyi', 'guian'], .5),
                                     ('foreman', ['guiyang', 'zunyi', 'bijie', 'tongren'], .5)]:
            for _ in range(C[arch]):
                area = r.choice(areas)
                p = self.person(arch, area, self.ri(26, 60), n_extra=n_extra)
                if arch == 'liquor_dist' and r.random() < .5:
                    c = self.corp('liquor_dist_corp', p['reg'], bank=self.wpick({'GZB': 3, 'GZRCU': 2, 'CCB': 2, 'ICBC': 2}))
                    p['accs'].append(c)
                    p['corp'] = c
        # multi-bank lawful holders (several cards opened over the years)
        for p in r.sample(self.people, len(self.people) // 12):
            if p['arch'] in ('freshman', 'new_arrival') or p.get('new') is not None:
                continue
            for _ in range(self.ri(1, 3)):
                b = self.bank_for('city', exclude=[self.accts[a].bank for a in p['accs']])
                p['accs'].append(self.acct(b, p['hid'], self.old_open(p['age'], 30), p['reg'], r.choice(['I', 'II']),
                                           'lawful', p['arch']))
        # relations
        elders = self.by_arch['elder']
        ruralp = self.by_arch['rural']
        for p in self.by_arch['migrant']:
            p['parent'] = r.choice(elders)['main']
            if r.random() < .45:
                p['spouse'] = r.choice(ruralp)['main']
        parents_pool = self.by_arch['migrant'] + ruralp + self.by_arch['civil'] + self.by_arch['gy_office'] + \
            self.by_arch['shop']
        for p in self.by_arch['student'] + self.by_arch.get('freshman', []):
            par = r.choice(parents_pool)
            p['parent'] = par['work'] if par.get('work') and r.random() < .7 else par['main']
            if r.random() < .3:
                p['grand'] = r.choice(elders)['main']
        for p in self.by_arch['gy_office'] + self.by_arch['guian_tech']:
            if r.random() < .6:
                p['parent'] = r.choice(elders + ruralp)['main']
        landlords = self.by_arch['landlord']
        for p in self.by_arch['gy_office'] + self.by_arch['guian_tech'] + self.by_arch['student'] + self.by_arch['shop']:
            if r.random() < (.45 if p['arch'] != 'student' else .12):
                p['landlord'] = r.choice(landlords)['main']
                p['rent'] = self.hum(self.ln(1500 if p['arch'] != 'student' else 700, .3))
                p['rdom'] = r.choice([1, 1, 2, 3, 5, 5, 10, 15])
        for p in self.by_arch['gy_office'] + self.by_arch['guian_tech'] + self.by_arch['civil']:
            if r.random() < .35:
                p['cc'] = self.acct(r.choice(['CMB', 'ICBC', 'CCB', 'PAB', 'CITIC']), p['hid'], self.old_open(p['age'], 200),
                                    p['reg'], 'I', 'lawful', 'own_credit_card')
        for _ in range(2600):
            self.nat()

    # helper pickers
    def any_person(self, archs=None):
        if archs:
            return self.r.choice(self.by_arch[self.r.choice(archs)])
        return self.r.choice(self.people)

    def peer(self, p):
        r = self.r
        x = r.random()
        if x < .6:
            lst = self.by_area.get(p['area'])
            return r.choice(lst)
        if x < .8 and p['arch'] in self.by_arch:
            return r.choice(self.by_arch[p['arch']])
        return r.choice(self.people)

    def batch_t(self, corp, d):
        key = (corp, d)
        t = self.batch_times.get(key)
        if t is None:
            t = d * DAY + self.ri(9 * HOUR, 11 * HOUR + 30 * MIN)
            self.batch_times[key] = t
        return t + self.ri(0, 240)

    def chan(self, p):
        x = self.r.random()
        if p['arch'] in ('elder', 'reloc') or p['age'] > 62:
            return 'counter' if x < .45 else 'mobile' if x < .9 else 'online'
        return 'mobile' if x < .86 else 'online' if x < .97 else 'counter'

    # ------------------------------------------------------------------ lawful activity
    def g_common(self, p):
        """peer transfers, wallets, own-card moves, claims, loans"""
        r = self.r
        m = p['main']
        self.g_spend(p)
        for _ in range(self.pois(3.0 if p['age'] < 60 else .9)):
            q = self.peer(p)
            d = self.pick_day(self.w_week)
            amt = round(self.ln(80, .9), r.choice([0, 0, 1, 2]))
            if amt > 3000:
                amt = self.hum(amt)
            a, b = (m, q['main']) if r.random() < .5 else (q['main'], m)
            self.T(self.at(d, 'evening'), a, b, amt, self.chan(p), p['loc'],
                   self.mm(.7, ['饭钱', 'AA', '车费', '奶茶', '还你', '转账', '份子', '麻将', '代买']))
        for _ in range(self.pois(2.4 if p['age'] < 60 else .5)):
            d = self.pick_day()
            self.T(self.at(d, 'day'), m, self.wallet(p), self.hum(self.ln(400, .8)), 'mobile', p['loc'])
        for _ in range(self.pois(.5)):
            d = self.pick_day()
            self.T(self.at(d, 'day'), self.wallet(p), m, round(self.ln(600, .9), 2), 'mobile', p['loc'],
                   self.mm(.5, ['零钱提现', '提现']))
        if len(p['accs']) > 1 and r.random() < .35:
            for _ in range(self.ri(1, 3)):
                a, b = r.sample(p['accs'], 2)
                if self.accts[a].cls == 'corp' and self.accts[b].cls == 'corp':
                    continue
                d = self.pick_day()
                self.T(self.at(d, 'day'), a, b, self.hum(self.ln(8000, 1.0)), 'mobile', p['loc'],
                       self.mm(.9, ['转存', '理财', '还款']))
        if r.random() < .04:
            ins = r.choice(self.corps['insurer'])
            self.T(self.at(self.pick_day(), 'work'), ins, m, round(self.ln(3000, 1.1), 2), 'other', self.areg(ins),
                   self.mm(.2, ['理赔款', '保险理赔', '医疗险理赔', '车险理赔']))
        if r.random() < .06:
            pl = r.choice(self.corps['ecom_settle'])
            self.T(self.at(self.pick_day(), 'any'), pl, m, round(self.ln(150, 1.0), 2), 'other', self.areg(pl),
                   self.mm(.3, ['退款', '订单退款', '售后退款']))
        if r.random() < .05:
            q = self.peer(p)
            d = self.pick_day(lo=0, hi=20)
            amt = self.hum(self.ln(8000, .9))
            self.T(self.at(d, 'day'), m, q['main'], amt, self.chan(p), p['loc'], self.mm(.5, ['借款', '借你的', '周转']))
            if r.random() < .5:
                d2 = min(NDAYS - 1, d + self.ri(2, 9))
                self.T(self.at(d2, 'day'), q['main'], m, amt, 'mobile', q['loc'], self.mm(.4, ['还款', '还钱', '还你']))
        if r.random() < .2:
            u = r.choice(self.corps['utility'])
            self.T(self.at(self.pick_day(), 'day'), m, u, round(self.ln(130, .6), 2), 'mobile', p['loc'],
                   self.mm(.4, ['电费', '话费', '燃气费']))

    SPEND = {'gy_office': 8, 'guian_tech': 9, 'civil': 6, 'student': 3, 'migrant': 4, 'rural': 2, 'reloc': 1,
             'elder': 1, 'shop': 3, 'landlord': 5, 'liquor_dist': 6, 'tea_dealer': 4, 'guesthouse': 3, 'guide': 3,
             'craft': 2, 'tea_grower': 2, 'liquor_shop': 3, 'foreman': 4, 'liquor_scalper': 4}

    def g_spend(self, p):
        r = self.r
        lam = self.SPEND.get(p['arch'], 2) * (1.4 if self.V == 'V3' else 1.0)
        if p['arch'] == 'migrant':
            key = 'zj' if p['loc'].startswith('33') else 'gd'
        else:
            key = p['area']
        ms = self.merchants[key]
        for _ in range(self.pois(lam)):
            d = self.pick_day(self.w_week)
            src = p['main'] if r.random() < .7 else r.choice(p['accs'])
            if self.accts[src].cls == 'corp':
                src = p['main']
            self.T(self.at(d, 'day'), src, r.choice(ms), round(self.ln(130, 1.0), 2),
                   'pos' if r.random() < .6 else 'online', p['loc'], '')

    def g_office(self, p):
        r = self.r
        m = p['main']
        emp = p['emp']
        sal = p['sal']
        for d in self.paydays(self.batch_times.get(emp, 10)):
            t = self.batch_t(emp, d)
            self.T(t, emp, m, round(sal * self.U(.95, 1.05), 2), 'other', self.areg(emp),
                   r.choice(['代发工资', '工资', '工资', '', '薪资']))
            if r.random() < .45:
                self.T(t + self.ri(3 * MIN, 5 * HOUR), m, self.wallet(p), self.hum(sal * self.U(.1, .5)), 'mobile', p['loc'])
            if p.get('cc') and r.random() < .85:
                self.T(self.at(min(NDAYS - 1, d + self.ri(0, 6)), 'day'), m, p['cc'], round(self.ln(sal * .35, .5), 2),
                       'mobile', p['loc'], self.mm(.5, ['还款', '信用卡还款']))
        if self.V == 'V3' and p['arch'] in ('gy_office', 'guian_tech') and r.random() < .6:
            d = self.ri(3, 13)
            self.T(self.batch_t(emp, d), emp, m, round(sal * self.U(.8, 4), 2), 'other', self.areg(emp),
                   r.choice(['年终奖', '年终奖金', '奖金', '']))
        if p.get('landlord'):
            for d in self.paydays(p['rdom'], False):
                self.T(self.at(d, 'evening'), m, p['landlord'], p['rent'], 'mobile', p['loc'],
                       self.mm(.35, ['房租', '%d月房租' % self.date[d].month, '房租水电']))
        if p.get('parent') and r.random() < .45:
            d = self.pick_day(self.w_hol)
            self.T(self.at(d, 'evening'), m, p['parent'], self.hum(self.ln(900, .5)), 'mobile', p['loc'],
                   self.mm(.4, ['生活费', '给妈', '给爸妈', '家用', '爸生日']))
        if p['arch'] == 'guian_tech' and r.random() < .3:
            for _ in range(self.ri(1, 3)):
                self.T(self.at(self.pick_day(), 'night'), m, r.choice(self.corps['game_co']),
                       r.choice([30, 68, 128, 328, 648]), 'mobile', p['loc'])
        self.g_common(p)

    def g_civil(self, p):
        r = self.r
        m = p['main']
        fin = self.county_fin[p['reg']]
        for d in self.paydays(10):
            self.T(self.batch_t(fin, d), fin, m, round(p['sal'] * self.U(.97, 1.03), 2), 'other', p['reg'],
                   r.choice(['工资', '代发工资', '']))
        if p.get('cc') and r.random() < .8:
            self.T(self.at(self.pick_day(), 'day'), m, p['cc'], round(self.ln(2500, .6), 2), 'mobile', p['loc'], '')
        if self.V == 'V3' and r.random() < .5:
            d = self.ri(8, 14)
            self.T(self.batch_t(fin, d), fin, m, round(self.ln(8000, .4), 2), 'other', p['reg'],
                   r.choice(['绩效奖励', '年终考核奖', '']))
        self.g_common(p)

    def g_new_arrival(self, p):
        r = self.r
        emp = p['emp']
        accs = p['accs']
        for d in self.paydays(self.batch_times.get(emp, 15)):
            t = self.batch_t(emp, d)
            if t < self.accts[accs[0]].opened + DAY:
                continue
            self.T(t, emp, accs[0], round(p['sal'] * self.U(.5, 1.0), 2), 'other', self.areg(emp), '工资')
            for a in accs[1:]:
                if self.accts[a].opened < t:
                    self.T(t + self.ri(HOUR, 3 * DAY), accs[0], a, self.hum(self.U(500, 3000)), 'mobile', p['reg'], '')
        fam = self.any_person(['elder', 'rural', 'civil'])
        t = self.accts[accs[0]].opened + self.ri(HOUR, 2 * DAY)
        self.T(t, fam['main'], accs[0], self.hum(self.ln(3000, .5)), 'mobile', fam['reg'], self.mm(.5, ['生活费', '租房']))
        lord = r.choice(self.by_arch['landlord'])['main']
        self.T(t + self.ri(HOUR, 3 * DAY), accs[0], lord, self.hum(self.ln(2800, .3)), 'mobile', p['reg'],
               self.mm(.3, ['押一付三', '房租押金', '房租']))

    def g_student(self, p, fresh=False):
        r = self.r
        m = p['main']
        op = self.accts[m].opened
        d0 = max(0, int(op // DAY) + 1) if op > 0 else 0
        if fresh:
            # tuition: family money in, then straight out to the university
            univ = r.choice(self.corps['university'])
            t = op + self.ri(2 * HOUR, 2 * DAY)
            fee = r.choice([4800, 5200, 5500, 6000, 6300]) + r.choice([0, 1200, 1500])
            self.T(t, p['parent'], m, fee + self.hum(self.U(500, 2500)), 'mobile', self.areg(p['parent']),
                   self.mm(.4, ['学费', '学费生活费', '开学']))
            self.T(t + self.ri(20 * MIN, 2 * DAY), m, univ, fee, 'mobile', '520111',
                   self.mm(.3, ['学费', '学费住宿费', '2024级学费']))
            for _ in range(self.ri(1, 4)):
                t2 = t + self.ri(HOUR, 6 * DAY)
                self.T(t2, m, self.wallet(p), self.hum(self.U(100, 600)), 'mobile', '520111')
            for _ in range(self.ri(0, 3)):
                self.T(t + self.ri(HOUR, 6 * DAY), m, r.choice(self.corps['canteen']), r.choice([100, 200, 300]),
                       'mobile', '520111', self.mm(.5, ['饭卡充值']))
            return
        for _ in range(self.ri(1, 3)):
            d = self.pick_day(lo=d0)
            src = p['parent'] if r.random() < .8 or not p.get('grand') else p['grand']
            self.T(self.at(d, 'evening'), src, m, self.hum(self.ln(1100, .4)), 'mobile', self.areg(src),
                   self.mm(.35, ['生活费', '伙食费', '零花钱', '买书', '']))
        for _ in range(self.pois(2.5)):
            self.T(self.at(self.pick_day(lo=d0), 'day'), m, r.choice(self.corps['canteen']), r.choice([100, 100, 150, 200, 300]),
                   'mobile', '520111', self.mm(.6, ['饭卡充值', '充值']))
        for _ in range(self.pois(3)):
            self.T(self.at(self.pick_day(lo=d0), 'day'), m, self.wallet(p), self.hum(self.ln(200, .6)), 'mobile', '520111')
        for _ in range(self.pois(2.5)):
            q = r.choice(self.by_arch['student'])
            self.T(self.at(self.pick_day(lo=d0), 'evening'), m, q['main'], round(self.ln(35, .8), r.choice([0, 1, 2])), 'mobile',
                   '520111', self.mm(.6, ['奶茶', '饭钱', 'AA', '车费', '打印费', '班费']))
        if r.random() < .25:
            for _ in range(self.ri(1, 3)):
                self.T(self.at(self.pick_day(lo=d0), 'night'), m, r.choice(self.corps['game_co']),
                       r.choice([6, 30, 68, 128, 328, 648]), 'mobile', '520111')
        if r.random() < .15:
            payer = self.any_person(['gy_office', 'civil', 'landlord'])
            for _ in range(self.ri(1, 4)):
                self.T(self.at(self.pick_day(lo=d0), 'evening'), payer['main'], m, r.choice([200, 300, 400, 600, 800]),
                       'mobile', payer['loc'], self.mm(.4, ['家教费', '课时费', '辅导费']))
        if r.random() < .04:
            # second-hand / daigou reseller: many small payments from strangers
            for _ in range(self.ri(6, 20)):
                src = self.nat() if r.random() < .5 else r.choice(self.by_arch['student'])['main']
                self.T(self.at(self.pick_day(lo=d0), 'evening'), src, m, round(self.ln(120, .8), r.choice([0, 2])),
                       'mobile', '', self.mm(.5, ['代购', '二手', '定金', '尾款']))
        if self.V == 'V3' and r.random() < .4:
            # home for the holiday: red envelopes from relatives
            for _ in range(self.ri(1, 4)):
                src = r.choice(self.by_arch['elder'] + self.by_arch['migrant'])['main']
                self.T(self.at(self.ri(14, 19), 'day'), src, m, r.choice(HB_AMTS), 'mobile', '',
                       self.mm(.4, ['压岁钱', '新年快乐', '红包']))

    def g_migrant(self, p):
        r = self.r
        m, w = p['main'], p['work']
        sal = p['sal']
        fac = p['factory']
        loc = p['loc']
        V3 = self.V == 'V3'
        pdays = self.paydays(r.choice([10, 15, 20, 25]))
        for d in pdays:
            tgt = m if p['home_salary'] else w
            self.T(self.batch_t(fac, d), fac, tgt, round(sal * self.U(.85, 1.2), 2), 'other', loc,
                   r.choice(['工资', '代发工资', '']))
            t = self.batch_t(fac, d) + self.ri(HOUR, 3 * DAY)
            src = tgt
            if p['home_salary']:
                for _ in range(self.ri(1, 3)):
                    self.T(t, m, None, r.choice([500, 1000, 1500, 2000, 3000]), 'atm', loc, kind='withdrawal')
                    t += self.ri(HOUR, 4 * DAY)
            tgt2 = p.get('spouse') if p.get('spouse') and r.random() < .5 else p['parent']
            self.T(t, src, tgt2, self.hum(self.ln(2000, .45)), 'mobile', loc,
                   self.mm(.45, ['生活费', '家用', '给爸妈', '孩子学费', '']))
            if not p['home_salary'] and r.random() < .3:
                self.T(t + self.ri(MIN, DAY), w, m, self.hum(self.ln(3000, .5)), 'mobile', loc, self.mm(.9, ['存']))
        for _ in range(self.pois(1.2)):
            q = r.choice(self.by_arch['migrant'])
            self.T(self.at(self.pick_day(), 'evening'), m if r.random() < .5 else w, q['main'], self.hum(self.ln(300, .8)),
                   'mobile', loc, self.mm(.7, ['饭钱', '借你', '车费']))
        if V3:
            # year-end settlement, the trip home, cash at the county ATM, red envelopes, going back
            if r.random() < .7:
                d = self.ri(0, 11)
                fore = r.choice(self.by_arch['foreman'])['main'] if r.random() < .4 else fac
                tgt = m if r.random() < .6 else w
                amt = round(self.ln(28000, .5), 2)
                self.T(self.at(d, 'work'), fore, tgt, amt, 'mobile' if fore != fac else 'other', loc,
                       r.choice(['年终工资', '工资结算', '工资', '', '全年工资']))
                d2 = min(14, d + self.ri(0, 5))
                if tgt == w:
                    self.T(self.at(d2, 'day'), w, m, self.hum(amt * self.U(.4, .9)), 'mobile', loc, '')
                home = p['reg']
                dh = self.ri(max(d2, 8), 15)
                left = amt * .5
                k = 0
                while left > 2000 and k < 6:
                    x = min(r.choice([2000, 3000, 5000, 5000]), self.hum(left))
                    self.T(self.at(dh + k // 3, 'day'), m, None, x, 'atm', home, kind='withdrawal')
                    left -= x
                    k += 1
                for _ in range(self.ri(1, 5)):
                    q = r.choice(self.by_area[p['area']])
                    self.T(self.at(self.ri(15, 18), 'day'), m, q['main'], r.choice(HB_AMTS), 'mobile', home,
                           self.mm(.5, ['新年快乐', '压岁钱', '红包', '拜年']))
                if r.random() < .5:
                    self.T(self.at(self.ri(20, 27), 'day'), m, p['parent'], self.hum(self.ln(3000, .5)), 'mobile', home,
                           self.mm(.5, ['家用', '生活费', '爸妈留着用']))
        self.g_common(p)

    def g_elder(self, p):
        r = self.r
        m = p['main']
        fin = self.county_fin[p['reg']]
        for d in self.paydays(r.choice([8, 10, 12]), False):
            self.T(self.batch_t(fin, d), fin, m, round(self.U(150, 320), 2), 'other', p['reg'],
                   r.choice(['养老金', '城乡居民养老保险', '']))
        if self.V == 'baseline' and r.random() < .5:
            d = self.ri(5, 20)
            self.T(self.batch_t(fin, d), fin, m, round(self.U(80, 900), 2), 'other', p['reg'],
                   r.choice(['耕地地力保护补贴', '惠农补贴', '']))
        if self.V == 'V3' and r.random() < .3:
            self.T(self.batch_t(fin, 9), fin, m, r.choice([300, 500, 800]), 'other', p['reg'],
                   r.choice(['春节慰问金', '慰问金', '']))
        for _ in range(self.ri(1, 3) + (1 if self.V == 'V3' else 0)):
            d = self.pick_day()
            if r.random() < .5:
                self.T(self.at(d, 'elder'), m, None, r.choice([300, 500, 800, 1000, 1000, 2000, 3000]), 'counter',
                       p['reg'], kind='withdrawal')
            else:
                self.T(self.at(d, 'elder'), m, None, r.choice([300, 500, 1000, 2000]), 'atm', p['reg'], kind='withdrawal')
        if r.random() < .15:
            d = self.pick_day()
            self.T(self.at(d, 'elder'), m, r.choice(self.corps['school'] + self.corps['hospital']),
                   self.hum(self.ln(1200, .7)), 'counter', p['reg'], self.mm(.4, ['学费', '医药费', '住院费']))
        if r.random() < .25:
            q = self.peer(p)
            self.T(self.at(self.pick_day(), 'elder'), m, q['main'], self.hum(self.ln(800, .8)), 'counter', p['reg'],
                   self.mm(.6, ['借款', '还款', '礼金']))

    def g_rural(self, p):
        r = self.r
        m = p['main']
        for _ in range(self.pois(1.2)):
            buyer = self.nat() if r.random() < .2 else self.any_person(['shop', 'rural', 'civil', 'liquor_shop'])['main']
            self.T(self.at(self.pick_day(), 'day'), buyer, m, self.hum(self.ln(1500, .8)), 'mobile', '',
                   self.mm(.6, ['猪钱', '菜钱', '牛钱', '辣椒款', '货款', '果子钱']))
        for _ in range(self.pois(1.2)):
            self.T(self.at(self.pick_day(), 'day'), m, None, r.choice([200, 500, 1000, 2000]), 'atm', p['reg'], kind='withdrawal')
        if r.random() < .3:
            self.T(self.at(self.pick_day(), 'day'), m, r.choice(self.corps['agri_supply']), self.hum(self.ln(1200, .7)),
                   'mobile', p['reg'], self.mm(.5, ['化肥', '种子', '农药', '饲料']))
        self.g_common(p)

    def g_reloc(self, p):
        r = self.r
        m = p['main']
        fin = self.county_fin[p['reg']]
        op = self.accts[m].opened
        if p.get('new') is not None:
            d = min(NDAYS - 1, p['new'] + self.ri(1, 5))
            t = self.batch_t(fin, d)
            amt = r.choice([1000, 2000, 3000, 3000, 5000, 6000])
            self.T(t, fin, m, amt, 'other', p['reg'], r.choice(['搬迁补助', '易地扶贫搬迁补助', '安置补助', '']))
            t2 = t + self.ri(20 * MIN, 8 * HOUR)
            self.T(t2, m, None, self.hum(amt * self.U(.7, 1.0)), 'counter' if r.random() < .5 else 'atm', p['reg'],
                   kind='withdrawal')
            return
        for _ in range(self.ri(0, 2)):
            d = self.ri(0, NDAYS - 1)
            self.T(self.batch_t(fin, d), fin, m, r.choice([300, 500, 800, 1000, 1500, 2000, 3000]), 'other', p['reg'],
                   r.choice(['以工代赈', '稳岗补贴', '交通补贴', '搬迁补助', '', '']))
        if p['wage']:
            cf = self.r.choice(self.corps['community_factory'])
            for d in self.paydays(15):
                self.T(self.batch_t(cf, d), cf, m, round(self.U(1500, 2700), 2), 'other', p['reg'], r.choice(['工资', '']))
        for _ in range(self.ri(1, 3)):
            self.T(self.at(self.pick_day(), 'elder'), m, None, r.choice([200, 300, 500, 1000, 1500]),
                   'atm' if r.random() < .6 else 'counter', p['reg'], kind='withdrawal')
        if r.random() < .3:
            src = r.choice(self.by_arch['migrant'])
            self.T(self.at(self.pick_day(), 'evening'), src['work'], m, self.hum(self.ln(1500, .5)), 'mobile', src['loc'],
                   self.mm(.5, ['生活费', '家用']))
        self.g_common(p)

    def g_liquor_dist(self, p):
        r = self.r
        accs = [a for a in p['accs'] if self.accts[a].cls != 'corp']
        m = p['main']
        corp = p.get('corp')
        n_in = int(self.ln(70, .4))
        for _ in range(n_in):
            d = self.pick_day(self.w_liq)
            prof = 'night' if r.random() < .2 else 'day'
            t = self.at(d, prof)
            if r.random() < .55:
                buyer = self.nat()
            else:
                buyer = self.any_person(['liquor_shop', 'liquor_scalper', 'gy_office', 'civil', 'shop'])['main']
            x = r.random()
            if x < .45:
                n = self.ri(1, 6)
                amt = n * r.choice([2399, 2450, 2500, 2580, 2650, 2700, 2750, 2900])
                memo = self.mm(.55, ['飞天%d瓶' % n, '茅台', '酒款', '货款', '飞天'])
            elif x < .8:
                n = self.ri(1, 12)
                amt = n * r.choice([14400, 15000, 15600, 16200, 16800])
                memo = self.mm(.5, ['%d箱飞天' % n, '飞天%d件' % n, '货款', '酒款', '定金'])
            else:
                amt = self.hum(self.ln(9000, .9))
                memo = self.mm(.5, ['王子酒', '迎宾酒', '1935', '系列酒', '货款', '尾款'])
            tgt = corp if corp and r.random() < .3 else r.choice(accs)
            self.T(t, buyer, tgt, amt, 'mobile' if tgt != corp else 'online', '', memo)
        for _ in range(self.ri(2, 5)):
            d = self.pick_day(self.w_liq)
            src = corp or m
            self.T(self.at(d, 'work'), src, r.choice([self.moutai] + self.corps['liquor_wholesale']),
                   self.hum(self.ln(450000, .6)), 'online' if src == corp else 'counter', p['reg'],
                   self.mm(.3, ['货款', '计划款', '配额款', '进货']))
        for _ in range(self.ri(2, 8)):
            q = r.choice(self.by_arch['liquor_dist'])
            if q is p:
                continue
            self.T(self.at(self.pick_day(self.w_liq), 'day'), r.choice(accs), q['main'], self.hum(self.ln(80000, .7)),
                   'mobile', p['reg'], self.mm(.5, ['调货', '货款', '飞天']))
        for _ in range(self.ri(2, 6)):
            self.T(self.at(self.pick_day(), 'day'), r.choice(accs), r.choice(self.corps['logistics']),
                   round(self.ln(1800, .6), 2), 'mobile', p['reg'], self.mm(.5, ['运费', '快递费']))
        if corp:
            for _ in range(self.ri(2, 5)):
                a, b = (corp, m) if r.random() < .5 else (m, corp)
                self.T(self.at(self.pick_day(), 'work'), a, b, self.hum(self.ln(120000, .7)), 'online', p['reg'], '')
        self.g_common(p)

    def g_liquor_scalper(self, p):
        r = self.r
        m = p['main']
        bought = 0
        for _ in range(self.ri(15, 45)):
            d = self.pick_day(self.w_liq)
            seller = self.nat() if r.random() < .5 else self.any_person(['gy_office', 'civil', 'rural', 'student', 'migrant'])['main']
            n = 1 if r.random() < .7 else 2
            amt = n * r.choice([2250, 2280, 2300, 2350, 2400])
            bought += amt
            self.T(self.at(d, 'evening'), m, seller, amt, 'mobile', p['reg'], self.mm(.6, ['茅台', '飞天', '收酒']))
        dist = r.choice(self.by_arch['liquor_dist'])['main']
        left = bought * self.U(1.02, 1.12)
        while left > 5000:
            x = min(left, self.hum(self.ln(50000, .5)))
            self.T(self.at(self.pick_day(self.w_liq), 'day'), dist, m, x, 'mobile', '', self.mm(.5, ['酒款', '飞天', '货款']))
            left -= x
        self.g_common(p)

    def g_liquor_shop(self, p):
        r = self.r
        m = p['main']
        dist = r.choice(self.by_arch['liquor_dist'])
        for _ in range(self.ri(1, 4)):
            self.T(self.at(self.pick_day(self.w_liq), 'day'), m, dist['main'] if r.random() < .7 else dist.get('corp', dist['main']),
                   self.hum(self.ln(20000, .7)), 'mobile', p['reg'], self.mm(.4, ['货款', '酒款', '进货']))
        for _ in range(int(self.ln(14, .4))):
            buyer = self.peer(p)['main'] if r.random() < .8 else self.nat()
            self.T(self.at(self.pick_day(self.w_liq), 'day'), buyer, m, self.hum(self.ln(900, .9)), 'mobile', '',
                   self.mm(.6, ['酒钱', '买酒', '货款']))
        for _ in range(self.ri(2, 6)):
            self.T(self.at(self.pick_day(), 'evening'), self.wallet(p), m, round(self.ln(1500, .6), 2), 'mobile', p['reg'],
                   self.mm(.6, ['零钱提现']))
        self.g_common(p)

    def g_guesthouse(self, p):
        r = self.r
        m = p['main']
        n = int(self.ln(28, .45) * sum(self.w_tour) / NDAYS)
        bookings = []
        for _ in range(n):
            d = self.pick_day(self.w_tour)
            guest = self.nat() if r.random() < .7 else self.any_person(['gy_office', 'guian_tech', 'civil', 'student'])['main']
            amt = self.hum(self.ln(450, .6))
            t = self.at(max(0, d - self.ri(0, 6)), 'evening')
            self.T(t, guest, m, amt, 'mobile', '', self.mm(.45, ['房费', '定金', '住宿', '订房', '民宿']))
            bookings.append((t, guest, amt))
        for t, g, a in bookings:
            if r.random() < .08:
                self.T(t + self.ri(HOUR, 4 * DAY), m, g, a if r.random() < .6 else self.hum(a * .5), 'mobile', p['reg'],
                       self.mm(.4, ['退定金', '退房费', '退款']))
        ota = r.choice(self.corps['ota'])
        for d in range(r.choice([0, 1, 2, 3]), NDAYS, 7):
            self.T(self.batch_t(ota, d), ota, m, round(self.ln(3000, .7) * self.w_tour[d], 2), 'other', '',
                   self.mm(.3, ['结算款', '订单结算']))
        for _ in range(self.ri(1, 3)):
            q = r.choice(self.by_area[p['area']])
            for d in self.paydays(5, False)[:1]:
                self.T(self.at(d, 'day'), m, q['main'], r.choice([1800, 2000, 2500, 3000]), 'mobile', p['reg'],
                       self.mm(.4, ['工资', '工钱']))
        for _ in range(self.ri(2, 6)):
            q = self.any_person(['shop', 'rural'])
            self.T(self.at(self.pick_day(), 'day'), m, q['main'], self.hum(self.ln(1200, .8)), 'mobile', p['reg'],
                   self.mm(.5, ['货款', '菜钱', '布草']))
        self.g_common(p)

    def g_guide(self, p):
        r = self.r
        m = p['main']
        for _ in range(int(self.ln(12, .5) * sum(self.w_tour) / NDAYS)):
            d = self.pick_day(self.w_tour)
            src = self.nat() if r.random() < .6 else r.choice(self.corps['travel_agency'])
            self.T(self.at(d, 'day'), src, m, self.hum(self.ln(700, .6)), 'mobile', '',
                   self.mm(.5, ['包车', '导游费', '车费', '团费', '']))
        for _ in range(self.ri(1, 5)):
            self.T(self.at(self.pick_day(self.w_tour), 'day'), m, r.choice(self.corps['scenic']), self.hum(self.ln(900, .6)),
                   'mobile', p['reg'], self.mm(.4, ['门票', '团票']))
        for _ in range(self.ri(2, 6)):
            self.T(self.at(self.pick_day(), 'day'), m, r.choice(self.corps['gas_station']), round(self.ln(350, .3), 2),
                   'mobile', p['reg'], '')
        self.g_common(p)

    def g_craft(self, p):
        r = self.r
        m = p['main']
        pl = r.choice(self.corps['ecom_settle'])
        for _ in range(int(self.ln(7, .5))):
            self.T(self.at(self.pick_day(), 'day'), pl, m, round(self.ln(3000, .8), 2), 'other', '',
                   self.mm(.6, ['提现', '结算', '货款']))
        for _ in range(int(self.ln(6, .6) * (1.5 if self.V == 'V3' else 1))):
            src = self.nat()
            self.T(self.at(self.pick_day(self.w_tour), 'evening'), src, m, self.hum(self.ln(800, .8)), 'mobile', '',
                   self.mm(.5, ['银饰', '刺绣', '定金', '银手镯', '苗绣']))
        for _ in range(self.ri(0, 3)):
            self.T(self.at(self.pick_day(), 'work'), m, r.choice(self.corps['silver_supplier']), self.hum(self.ln(20000, .7)),
                   'mobile', p['reg'], self.mm(.4, ['银料', '货款']))
        for _ in range(self.ri(2, 10)):
            q = r.choice(self.by_area[p['area']])
            self.T(self.at(self.pick_day(), 'day'), m, q['main'], self.hum(self.ln(700, .7)), 'mobile', p['reg'],
                   self.mm(.5, ['绣片工钱', '工钱', '加工费']))
        self.g_common(p)

    def g_coop(self, c):
        r = self.r
        reg = self.accts[c].region
        area = [a for a in AREAS if reg in AREAS[a]][0]
        members = [q['main'] for q in self.by_area.get(area, []) if q['arch'] in ('rural', 'elder', 'reloc', 'craft')]
        for _ in range(self.ri(2, 8)):
            src = self.nat() if r.random() < .4 else r.choice(self.corps['tea_factory'] + self.corps['travel_agency'])
            self.T(self.at(self.pick_day(), 'work'), src, c, self.hum(self.ln(25000, .8)), 'online', '',
                   self.mm(.4, ['货款', '采购款', '刺绣款', '茶叶款']))
        if r.random() < .4:
            fin = self.county_fin[reg]
            self.T(self.batch_t(fin, self.ri(0, 29)), fin, c, self.hum(self.ln(50000, .6)), 'other', reg,
                   r.choice(['产业扶持资金', '补助资金', '']))
        if members and r.random() < .5:
            d = self.ri(3, 29)
            t = d * DAY + self.ri(9 * HOUR, 15 * HOUR)
            for q in r.sample(members, min(len(members), self.ri(15, 60))):
                self.T(t + self.ri(0, 40 * MIN), c, q, self.hum(self.ln(900, .6)), 'online', reg,
                       r.choice(['分红', '合作社分红', '股金分红', '']))

    def g_tea_grower(self, p):
        r = self.r
        m = p['main']
        sales = int(self.ln(8, .5) * sum(self.w_tea) / NDAYS)
        for _ in range(sales):
            d = self.pick_day(self.w_tea) if sum(self.w_tea) > 0 else self.pick_day()
            src = r.choice(self.by_arch['tea_dealer'])['main'] if r.random() < .6 else r.choice(self.corps['tea_factory'])
            amt = self.hum(self.ln(2500, .8))
            t = self.at(d, 'day')
            self.T(t, src, m, amt, 'mobile', p['reg'], self.mm(.5, ['茶青款', '鲜叶款', '茶叶款', '']))
            if r.random() < .35:
                self.T(t + self.ri(HOUR, DAY), m, None, min(5000, self.hum(amt * .8)), 'atm', p['reg'], kind='withdrawal')
            if r.random() < .35:
                pickers = r.sample(self.by_area[p['area']], self.ri(2, 6))
                for q in pickers:
                    self.T(t + self.ri(HOUR, 2 * DAY), m, q['main'], r.choice([100, 120, 150, 200, 240, 300]), 'mobile',
                           p['reg'], self.mm(.4, ['采茶工钱', '工钱']))
        if r.random() < .4:
            self.T(self.at(self.pick_day(), 'day'), m, r.choice(self.corps['agri_supply']), self.hum(self.ln(1500, .6)),
                   'mobile', p['reg'], self.mm(.5, ['肥料', '化肥']))
        self.g_common(p)

    def g_tea_dealer(self, p):
        r = self.r
        m = p['main']
        tw = sum(self.w_tea) / NDAYS
        for _ in range(int(self.ln(10, .4) * max(tw, .3))):
            src = self.nat() if r.random() < .7 else r.choice(self.corps['tea_factory'])
            self.T(self.at(self.pick_day(self.w_tea if tw > 0 else None), 'work'), src, m, self.hum(self.ln(60000, .8)),
                   'online', '', self.mm(.4, ['茶叶款', '货款', '都匀毛尖', '湄潭翠芽']))
        for _ in range(int(self.ln(4, .4) * max(tw, .2))):
            self.T(self.at(self.pick_day(self.w_tea if tw > 0 else None), 'day'), m, None,
                   r.choice([20000, 30000, 40000, 49000]), 'counter', p['reg'], kind='withdrawal')
        self.g_common(p)

    def g_shop(self, p):
        r = self.r
        m = p['main']
        for d in range(NDAYS):
            if r.random() < .45:
                self.T(self.at(d, 'evening'), self.wallet(p), m, round(self.ln(900, .7), 2), 'mobile', p['reg'],
                       self.mm(.6, ['零钱提现', '收款提现']))
        for _ in range(int(self.ln(7, .6))):
            q = self.peer(p)
            self.T(self.at(self.pick_day(), 'day'), q['main'], m, round(self.ln(150, 1.0), r.choice([0, 2])), 'mobile', q['loc'],
                   self.mm(.7, ['货款', '买东西', '']))
        sup = self.any_person(['shop', 'liquor_dist', 'rural'])
        for _ in range(self.ri(1, 5)):
            self.T(self.at(self.pick_day(), 'day'), m, sup['main'], self.hum(self.ln(6000, .7)), 'mobile', p['reg'],
                   self.mm(.4, ['货款', '进货款']))
        if p.get('landlord'):
            for d in self.paydays(p['rdom'], False):
                self.T(self.at(d, 'day'), m, p['landlord'], p['rent'] * 2, 'mobile', p['reg'], self.mm(.4, ['门面租金', '房租']))
        self.g_common(p)

    def g_landlord(self, p):
        r = self.r
        m = p['main']
        pm = r.choice(self.corps['property_mgmt'])
        self.T(self.at(self.pick_day(), 'day'), m, pm, round(self.ln(1500, .6), 2), 'mobile', p['reg'],
               self.mm(.4, ['物业费', '水电费']))
        for _ in range(self.ri(0, 2)):
            t = self.nat() if r.random() < .5 else self.any_person(['gy_office', 'student'])['main']
            self.T(self.at(self.pick_day(), 'day'), m, t, self.hum(self.ln(1500, .4)), 'mobile', p['reg'],
                   self.mm(.3, ['退押金', '押金', '退房租']))
        self.g_common(p)

    def g_foreman(self, p):
        r = self.r
        m = p['main']
        k = self.ri(1, 2) + (2 if self.V == 'V3' else 0)
        for j in range(k):
            d = self.ri(0, 14) if self.V == 'V3' else self.pick_day()
            src = r.choice(self.corps['construction'] + self.corps['construction_out'])
            amt = self.hum(self.ln(260000, .6))
            t = self.at(d, 'work')
            self.T(t, src, m, amt, 'online', '', self.mm(.3, ['工程款', '劳务费', '进度款', '人工费']))
            workers = r.sample(self.by_arch['migrant'] + self.by_arch['rural'], self.ri(8, 35))
            left = amt * self.U(.6, .9)
            tt = t + self.ri(10 * MIN, 5 * HOUR)
            for q in workers:
                if left < 2000:
                    break
                x = min(left, self.hum(self.ln(left / max(1, len(workers)) * 1.3, .4)))
                self.T(tt, m, q['main'] if r.random() < .6 or not q.get('work') else q['work'], x, 'mobile', p['loc'],
                       self.mm(.5, ['工资', '工钱', '%d月工资' % self.date[d].month, '']))
                left -= x
                tt += self.ri(20, 400)
            if r.random() < .5:
                self.T(tt + self.ri(HOUR, DAY), m, None, r.choice([30000, 40000, 49000, 49900]), 'counter', p['reg'],
                       kind='withdrawal')
        self.g_common(p)

    def g_events(self):
        """weddings, funerals, family pooling, car and flat purchases, red envelopes"""
        r = self.r
        V3 = self.V == 'V3'
        n_wed = 70 if V3 else 28
        cands = self.by_arch['gy_office'] + self.by_arch['guian_tech'] + self.by_arch['migrant'] + \
            self.by_arch['rural'] + self.by_arch['civil']
        for _ in range(n_wed):
            p = r.choice(cands)
            d = self.ri(8, 27) if V3 else self.pick_day(self.w_week)
            tgt = p['main']
            guests = self.ri(20, 80)
            for _ in range(guests):
                q = self.peer(p) if r.random() < .85 else None
                src = q['main'] if q else self.nat()
                dd = d - self.ri(0, 2) if r.random() < .7 else d
                self.T(self.at(max(0, dd), 'day'), src, tgt, r.choices(WED_AMTS, weights=WED_W)[0],
                       'mobile', '', self.mm(.5, ['新婚快乐', '百年好合', '礼金', '随礼', '恭喜恭喜', '早生贵子']))
            hall = r.choice(self.corps['banquet_hall'])
            self.T(self.at(min(NDAYS - 1, d + self.ri(0, 2)), 'day'), tgt, hall, self.hum(self.ln(40000, .4)),
                   'mobile', p['reg'], self.mm(.3, ['酒席', '婚宴尾款', '婚宴']))
            if r.random() < .4:
                self.T(self.at(max(0, d - self.ri(1, 5)), 'day'), tgt, r.choice(self.corps['jeweler']),
                       self.hum(self.ln(18000, .5)), 'pos', p['reg'], self.mm(.5, ['三金', '首饰']))
        for _ in range(12):
            p = r.choice(self.by_arch['elder'] + self.by_arch['rural'])
            d = self.pick_day()
            for _ in range(self.ri(15, 45)):
                q = self.peer(p)
                self.T(self.at(d, 'day'), q['main'], p['main'], r.choice([100, 200, 200, 300, 500, 1000]), 'mobile', '',
                       self.mm(.8, ['奠仪', '心意']))
        # family pooling for a hospital bill
        for _ in range(35):
            p = r.choice(cands + self.by_arch['elder'])
            d = self.pick_day()
            t = self.at(d, 'day')
            tot = 0
            for _ in range(self.ri(3, 7)):
                q = self.peer(p) if r.random() < .5 else r.choice(self.by_arch['migrant'] + self.by_arch['gy_office'])
                src = q.get('work') or q['main'] if q['arch'] == 'migrant' else q['main']
                amt = self.hum(self.ln(15000, .7))
                tot += amt
                self.T(t + self.ri(0, 20 * HOUR), src, p['main'], amt, 'mobile', q['loc'],
                       self.mm(.5, ['医药费', '给爸看病', '住院费', '']))
            self.T(t + self.ri(21 * HOUR, 3 * DAY), p['main'], r.choice(self.corps['hospital']), self.hum(tot * self.U(.8, 1.0)),
                   'counter', p['reg'], self.mm(.5, ['住院押金', '医疗费', '手术费']))
        # car purchases (more before the festival)
        for _ in range(90 if V3 else 45):
            p = r.choice(cands + self.by_arch['liquor_dist'] + self.by_arch['foreman'])
            d = self.ri(0, 14) if V3 and r.random() < .7 else self.pick_day()
            t = self.at(d, 'day')
            dealer = r.choice(self.corps['car_dealer'])
            price = self.hum(self.ln(70000, .5))
            for a in p['accs'][1:]:
                if self.accts[a].cls != 'corp' and r.random() < .7:
                    self.T(t - self.ri(HOUR, 2 * DAY), a, p['main'], self.hum(price * self.U(.2, .5)), 'mobile', p['reg'], '')
            if r.random() < .4 and p.get('parent'):
                self.T(t - self.ri(HOUR, 3 * DAY), p['parent'], p['main'], self.hum(price * self.U(.2, .6)), 'mobile', '',
                       self.mm(.5, ['买车', '给你买车']))
            self.T(t - self.ri(DAY, 5 * DAY), p['main'], dealer, r.choice([2000, 5000, 10000]), 'mobile', p['reg'],
                   self.mm(.3, ['定金', '订车定金']))
            self.T(t, p['main'], dealer, price, 'counter' if r.random() < .4 else 'mobile', p['reg'],
                   self.mm(.3, ['购车款', '首付', '车款']))
        # flat purchases: pooled family money, one large first payment
        for _ in range(22 if not V3 else 28):
            p = r.choice(self.by_arch['gy_office'] + self.by_arch['guian_tech'] + self.by_arch['civil'] + self.by_arch['migrant'])
            d = self.pick_day()
            t = self.at(d, 'work')
            dev = r.choice(self.corps['developer'])
            down = self.hum(self.ln(260000, .4))
            left = down
            for _ in range(self.ri(2, 6)):
                q = r.choice(self.by_arch['elder'] + self.by_arch['rural'] + self.by_arch['civil'] + self.by_arch['migrant'])
                x = self.hum(min(left, self.ln(down / 4, .5)))
                if x <= 0:
                    break
                self.T(t - self.ri(2 * HOUR, 6 * DAY), q['main'], p['main'], x, 'mobile', '',
                       self.mm(.5, ['买房', '首付', '借你买房', '']))
                left -= x
            self.T(t - self.ri(3 * DAY, 9 * DAY), p['main'], dev, r.choice([10000, 20000, 50000]), 'mobile', p['reg'],
                   self.mm(.3, ['定金', '认购定金']))
            self.T(t, p['main'], dev, down, 'counter', p['reg'], self.mm(.2, ['首付款', '购房款', '房款']))
        if V3:
            # red envelopes inside families over New Year
            fam = self.by_arch['elder'] + self.by_arch['rural'] + self.by_arch['civil'] + self.by_arch['gy_office']
            for _ in range(6000):
                p = r.choice(fam)
                q = self.peer(p)
                d = r.choice([14, 15, 15, 15, 16, 16, 17, 18, 19, 22])
                self.T(self.at(d, 'day'), p['main'], q['main'], r.choice(HB_AMTS), 'mobile', p['loc'],
                       self.mm(.45, ['新年快乐', '压岁钱', '红包', '拜年', '蛇年大吉', '给孩子的']))

    def gen_lawful(self):
        G = {'gy_office': self.g_office, 'guian_tech': self.g_office, 'civil': self.g_civil,
             'new_arrival': self.g_new_arrival, 'student': self.g_student,
             'freshman': lambda p: self.g_student(p, True), 'migrant': self.g_migrant, 'elder': self.g_elder,
             'rural': self.g_rural, 'reloc': self.g_reloc, 'liquor_dist': self.g_liquor_dist,
             'liquor_scalper': self.g_liquor_scalper, 'liquor_shop': self.g_liquor_shop,
             'guesthouse': self.g_guesthouse, 'guide': self.g_guide, 'craft': self.g_craft,
             'tea_grower': self.g_tea_grower, 'tea_dealer': self.g_tea_dealer, 'shop': self.g_shop,
             'landlord': self.g_landlord, 'foreman': self.g_foreman}
        for p in self.people:
            G[p['arch']](p)
        for c in self.corps['coop']:
            self.g_coop(c)
        self.g_events()

    # ------------------------------------------------------------------ fraud
    def recruit_person(self, tier_kind):
        """a lawful person whose old account is rented out / sold / used for score-running"""
        r = self.r
        if tier_kind == 'paofen':
            archs = ['student', 'student', 'gy_office', 'migrant', 'rural', 'shop', 'reloc']
        else:
            archs = ['migrant', 'rural', 'reloc', 'student', 'gy_office', 'shop', 'elder', 'guide', 'rural']
        for _ in range(50):
            p = r.choice(self.by_arch[r.choice(archs)])
            if p['i'] in self.used:
                continue
            cands = [a for a in p['accs'] if self.accts[a].cls != 'corp' and self.accts[a].opened < -200 * DAY
                     and self.accts[a].role == 'lawful']
            if not cands:
                continue
            self.used[p['i']] = tier_kind
            return p, r.choice(cands)
        return None, None

    def new_recruit(self):
        """a person recruited to open fresh cards (students, relocation residents, unemployed youth, out-of-province)"""
        r = self.r
        x = r.random()
        if x < .45:
            for _ in range(30):
                p = r.choice(self.by_arch[r.choice(['student', 'reloc', 'rural', 'migrant', 'student'])])
                if p['i'] not in self.used and p['age'] < 45:
                    self.used[p['i']] = 'fresh_holder'
                    return p['hid'], p['reg']
        if x < .75:
            area = r.choice(RURAL_AREAS + ['guiyang', 'huaxi'])
            reg = r.choice(AREAS[area])
        else:
            reg = r.choice(NATIONAL[:30])
        return self.pid(reg, self.ri(18, 40)), reg

    def mule_bank(self, reg, supply_p=.72):
        if self.r.random() < supply_p:
            if reg.startswith('52'):
                return self.wpick({'GZRCU': 4, 'PSBC': 3, 'GYB': 2, 'GZB': 2, 'CCB': 3})
            return self.wpick({'CCB': 3, 'PSBC': 2})
        return self.bank_for('nat')

    def make_mule(self, ring, tier, kind):
        r = self.r
        span = {'L1': (-4, 27.5), 'L2': (-5, 26), 'L3': (-5, 24), 'coll': (-8, 20), 'cash': (-3, 27)}[tier]
        on = int(self.U(*span) * DAY)
        dur = {'fresh': (1, 5), 'aged': (2, 8), 'rented_old': (3, 12), 'sold_old': (6, 25), 'paofen': (5, 20),
               'shell_corp': (8, 25)}[kind]
        mult = {'L1': 1.0, 'L2': 1.5, 'L3': 1.7, 'coll': 1.5, 'cash': 1.0}[tier]
        if self.V == 'V2':
            mult *= 1.4
        off = on + int(self.U(*dur) * mult * DAY)
        op_reg = ring['op']
        if kind in ('fresh', 'aged'):
            hid, reg = self.new_recruit()
            if ring.get('liquor') and tier == 'L1' and r.random() < .6:
                reg = r.choice(['520382', '520382', '520302', '520303'])
            opened = on - int(self.U(.05, 6) * DAY) if kind == 'fresh' else on - int(self.U(20, 180) * DAY)
            opened = (opened // DAY) * DAY + self.ri(9 * HOUR, 16 * HOUR)
            if opened >= on:
                opened = on - self.ri(HOUR, 3 * HOUR)
            bank = self.mule_bank(reg, .78 if tier == 'L1' else .65)
            aid = self.acct(bank, hid, opened, reg, 'I' if r.random() < .8 else 'II', 'mule',
                            'fresh_card' if kind == 'fresh' else 'aged_card')
            if kind == 'aged':
                self.nurture(aid, opened, on)
            self.card_test(ring, aid, on)
        elif kind in ('rented_old', 'sold_old', 'paofen'):
            p, aid = self.recruit_person(kind)
            if aid is None:
                return self.make_mule(ring, tier, 'fresh')
            a = self.accts[aid]
            a.role = 'paofen' if kind == 'paofen' else 'mule'
            a.arch = '%s(%s)' % (kind, a.arch)
            if kind == 'sold_old':
                sale = on - int(self.U(.3, 4) * DAY)
                self.cut[aid] = sale
                self.card_test(ring, aid, on)
            elif kind == 'rented_old':
                other = [x for x in p['accs'] if x != aid and self.accts[x].cls != 'corp']
                payee = other[0] if other else aid
                for d in range(max(0, on // DAY), min(NDAYS, off // DAY + 1), self.ri(2, 4)):
                    self.T(d * DAY + self.ri(20 * HOUR, 23 * HOUR), ring['ops'], payee, r.choice([100, 150, 200, 300, 500]),
                           'mobile', op_reg, self.mm(.7, ['工资', '红包', '']), tk='rent_fee')
        elif kind == 'shell_corp':
            reg = r.choice(AREAS['guiyang'] + AREAS['zunyi'] + ['522601', '520402'] + NATIONAL[:12])
            hid = self.uscc(reg)
            opened = on - int(self.U(15, 120) * DAY)
            opened = (opened // DAY) * DAY + self.ri(9 * HOUR, 16 * HOUR)
            bank = self.mule_bank(reg, .7)
            aid = self.acct(bank, hid, opened, reg, 'corp', 'mule', 'shell_corp')
        else:
            raise ValueError(kind)
        mode = 'relay'
        if tier in ('coll', 'cash'):
            mode = 'batch'
        elif tier in ('L2', 'L3') and r.random() < self.cfg['batch_p']:
            mode = 'batch'
        m = Mule(aid, kind, tier, on, off, mode, ring['k'])
        ring[tier].append(m)
        return m

    def nurture(self, aid, opened, on):
        """养卡: a few small ordinary-looking transfers between opening and first use"""
        r = self.r
        lo = max(opened + HOUR, 0)
        if on - lo < DAY:
            return
        for _ in range(self.ri(1, 4)):
            t = self.ri(lo, on - HOUR)
            x = self.hum(self.U(50, 600))
            src = self.nat()
            self.T(t, src, aid, x, 'mobile', '', self.mm(.7, ['还款', '饭钱', '转账']), tk='nurture')
            if r.random() < .7:
                self.T(min(on - 60, t + self.ri(HOUR, 3 * DAY)), aid, self.nat(), self.hum(x * self.U(.3, .9)), 'mobile', '',
                       '', tk='nurture')

    def card_test(self, ring, aid, on):
        if self.r.random() < .55:
            t = on - self.ri(20 * MIN, 30 * HOUR)
            x = self.r.choice([0.01, 0.1, 1.0, 1.0, 0.5])
            self.T(t, ring['ops'], aid, x, 'mobile', ring['op'], '', tk='card_test')
            if self.r.random() < .6:
                self.T(t + self.ri(60, 900), aid, ring['ops'], x, 'mobile', ring['op'], '', tk='card_test')

    def make_farmers(self):
        r = self.r
        self.farmers = []
        for i in range(self.cfg['n_farmers']):
            home = r.choice(FARM_HOMES)
            age = self.ri(19, 36)
            hid = self.pid(home, age)
            inside = r.random() < self.cfg['farm_inside']
            start = int(self.U(-3, 13) * DAY) if inside else int(self.U(-110, -12) * DAY)
            cities = r.sample(FARM_CITIES, self.ri(2, 4))
            cards = []
            t = start
            for reg, kind in cities:
                banks = list(SUPPLY) + ['ICBC', 'ABC', 'BOC', 'CMB']
                if kind == 'out':
                    banks = ['CCB', 'PSBC', 'ICBC', 'ABC', 'BOC', 'CMB']
                nb = self.ri(2, 5)
                for b in r.sample(banks, min(nb, len(banks))):
                    for _ in range(1 if r.random() < .8 else 2):
                        op = (t // DAY) * DAY + self.ri(9 * HOUR, 17 * HOUR)
                        aid = self.acct(b, hid, op, reg, 'I' if r.random() < .75 else 'II', 'farmer_card', 'farmer_card')
                        self.accts[aid].farmer = 1
                        cards.append(aid)
                t += int(self.U(.6, 3.2) * DAY)
            own = None
            if r.random() < .5:
                b = 'GZRCU' if home.startswith('52') else self.bank_for('nat')
                own = self.acct(b, hid, self.old_open(age, 400), home, 'I', 'lawful', 'card_farmer_own')
                self.accts[own].farmer = 1
                for _ in range(self.ri(1, 4)):
                    self.T(self.at(self.pick_day(), 'day'), own, self.nat(), self.hum(self.ln(300, .8)), 'mobile', home)
                self.T(self.at(max(0, min(NDAYS - 1, start // DAY + 20)), 'evening'), self.nat(), own,
                       r.choice([5000, 5500, 6000, 6000, 11000]), 'mobile', '', self.mm(.7, ['货款', '工资']), tk='card_sale')
            self.farmers.append({'hid': hid, 'cards': cards, 'own': own, 'home': home})

    def make_rings(self):
        r = self.r
        cfg = self.cfg
        self.rings = []
        typos = cfg['typos']
        for k in range(cfg['n_rings']):
            tw = dict(typos)
            main = self.wpick(tw)
            ts = {main: 6}
            for _ in range(self.ri(0, 2)):
                ts[self.wpick(tw)] = ts.get(self.wpick(tw), 0) + 2
            ring = {'k': k, 'typos': ts, 'speed': 'fast' if r.random() < cfg['fast_ring'] else 'slow',
                    'op': r.choice(OP_REGIONS), 'cashreg': r.sample(CASH_REGIONS, 2),
                    'L1': [], 'L2': [], 'L3': [], 'coll': [], 'cash': [], 'exits': [], 'liquor': 'fake_liquor' in ts}
            ring['ops'] = self.acct(self.bank_for('nat'), self.pid(ring['op'], self.ri(20, 40)), -self.ri(200, 2000) * DAY,
                                    ring['op'], 'I', 'mule', 'operator_card')
            ring['rebate'] = self.acct(self.bank_for('nat'), self.pid(r.choice(NATIONAL), self.ri(20, 40)),
                                       -self.ri(30, 400) * DAY, r.choice(NATIONAL), 'I', 'mule', 'rebate_payer')
            for _ in range(self.ri(3, 6)):
                x = r.random()
                if x < .45:
                    reg = r.choice(['440306', '441900', '350203', '460105', '445102', '530102'])
                    ex = self.acct(self.bank_for('nat'), self.pid(reg, self.ri(25, 50)), -self.ri(300, 3000) * DAY, reg,
                                   'I', 'fraud_exit', 'usdt_otc_seller')
                elif x < .75:
                    reg = r.choice(NATIONAL)
                    ex = self.acct(r.choice(['YEEPAY', 'LAKALA', 'ALIPAY', 'TENPAY']), self.uscc(reg), -self.ri(100, 900) * DAY,
                                   reg, 'corp', 'fraud_exit', 'payment_merchant')
                elif x < .9:
                    reg = '440303'
                    ex = self.acct(self.bank_for('nat'), self.uscc(reg), -self.ri(300, 3000) * DAY, reg, 'corp', 'fraud_exit',
                                   'gold_shop')
                else:
                    ex = self.acct('HSBCHK', self.pid(r.choice(NATIONAL), self.ri(25, 50)), -self.ri(300, 3000) * DAY,
                                   '810000', 'I', 'fraud_exit', 'hk_account')
                ring['exits'].append(ex)
            self.rings.append(ring)
        # farmer card sets go to rings
        for i, f in enumerate(self.farmers):
            ring = self.rings[i % len(self.rings)] if r.random() < .85 else r.choice(self.rings)
            for aid in f['cards']:
                if r.random() < cfg.get('farm_quiet', .15):
                    continue  # quiet, never used inside the data
                a = self.accts[aid]
                on = a.opened + int(self.U(2, 20) * DAY)
                if on > END - DAY:
                    continue
                tier = r.choices(['L1', 'L2', 'cash', 'L3'], weights=[50, 25, 20, 5])[0]
                off = on + int(self.U(2, 7) * DAY)
                mode = 'batch' if tier == 'cash' else ('batch' if tier in ('L2', 'L3') and r.random() < cfg['batch_p'] else 'relay')
                ring[tier].append(Mule(aid, 'farmer', tier, on, off, mode, ring['k']))
                self.card_test(ring, aid, on)
        mix = cfg['mix']
        for ring in self.rings:
            sizes = {'L1': self.ri(9, 17), 'L2': self.ri(5, 9), 'L3': self.ri(0, 3), 'coll': self.ri(1, 2), 'cash': self.ri(2, 4)}
            for tier, n in sizes.items():
                need = n - len(ring[tier]) // 2
                for _ in range(max(1 if tier in ('L1', 'L2', 'coll', 'cash') else 0, need)):
                    if tier == 'coll':
                        kind = r.choice(['shell_corp', 'shell_corp', 'aged', 'sold_old'] if self.V != 'V2' else
                                        ['shell_corp', 'sold_old', 'rented_old', 'sold_old'])
                    elif tier == 'cash':
                        kind = r.choice(['fresh', 'aged', 'fresh'] if self.V != 'V2' else ['sold_old', 'aged', 'rented_old', 'fresh'])
                    else:
                        d = {k: v for k, v in mix.items() if k != 'shell_corp'}
                        if tier != 'L1':
                            d['paofen'] = d.get('paofen', 0) * .3
                        kind = self.wpick(d)
                    self.make_mule(ring, tier, kind)

    def pick(self, ring, tier, t, exclude=None):
        lst = ring[tier]
        act = [m for m in lst if m.on <= t <= m.off and m.acc != exclude]
        if act:
            return self.r.choice(act)
        ok = [m for m in lst if self.accts[m.acc].opened + HOUR <= t and m.acc != exclude]
        if not ok:
            return None
        best = min(ok, key=lambda m: min(abs(m.on - t), abs(m.off - t)))
        if t < best.on:
            best.on = t
        if t > best.off:
            best.off = t
        return best

    def delay(self, ring, tier):
        slow = ring['speed'] == 'slow'
        if tier == 'L1':
            return int(self.ln(4 * HOUR, 1.0)) if slow else int(max(40, self.ln(7 * MIN, .9)))
        return int(self.ln(8 * HOUR, 1.0)) if slow else int(max(60, self.ln(20 * MIN, .9)))

    def lmemo(self):
        return self.mm(.82, ['货款', '往来款', '还款', '工资', '借款', '转账', '资金周转', '服务费', '材料款'])

    def split(self, amt, k):
        if k <= 1:
            return [amt]
        ws = [self.U(.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        for w in ws[:-1]:
            x = amt * w / s
            x = float(int(x / 100) * 100) if self.r.random() < .5 else float(int(x))
            parts.append(x)
        parts.append(round(amt - sum(parts), 2))
        return [p for p in parts if p > 0]

    def deliver(self, ring, m, t, amt):
        if m.mode == 'relay':
            self.forward(ring, m, t, amt)
        else:
            self.pend.setdefault(m.acc, []).append((t, amt))

    def send(self, ring, m, t, amt, tier):
        """m sends amt at time t to an account of the next tier"""
        r = self.r
        reg = ring['op'] if r.random() < .8 else ''
        if tier == 'exit':
            ex = r.choice(ring['exits'])
            xb = self.accts[ex].bank == 'HSBCHK'
            self.T(t, m.acc, ex, amt, 'online' if self.accts[m.acc].cls == 'corp' else 'mobile', reg,
                   self.mm(.6, ['货款', '采购款', '服务费', '往来款']), tk='exit', xb=xb)
            return
        nxt = self.pick(ring, tier, t, exclude=m.acc)
        if nxt is None:
            ex = r.choice(ring['exits'])
            self.T(t, m.acc, ex, amt, 'mobile', reg, self.lmemo(), tk='exit')
            return
        self.T(t, m.acc, nxt.acc, amt, 'online' if self.accts[m.acc].cls == 'corp' else 'mobile', reg,
               self.lmemo(), tk='collect' if tier == 'coll' else 'layering')
        self.deliver(ring, nxt, t, amt)

    def forward(self, ring, m, t, amt):
        r = self.r
        if m.tier == 'L1':
            if m.kind == 'paofen':
                fee = round(amt * self.U(.005, .02), 2)
                self.fees[m.acc] = self.fees.get(m.acc, 0) + fee
                self.send(ring, m, t + self.ri(40, 420), round(amt - fee, 2), 'L2')
                return
            keep = round(amt * self.U(0, .01), 2) if r.random() < .3 else 0
            k = 1 if amt < 3000 else r.choices([1, 2, 3], weights=[50, 32, 18])[0]
            tt = t + self.delay(ring, 'L1')
            for part in self.split(round(amt - keep, 2), k):
                self.send(ring, m, tt, part, 'L2' if r.random() < .9 else 'coll')
                tt += self.ri(20, 600)
            return
        # L2 / L3 (relay)
        tt = t + self.delay(ring, m.tier)
        self.route_mid(ring, m, tt, amt)

    def route_mid(self, ring, m, t, amt):
        r = self.r
        x = r.random()
        if m.tier == 'L2':
            if x < .35:
                dest = 'coll'
            elif x < .6:
                dest = 'cash'
            elif x < .85 and ring['L3']:
                dest = 'L3'
            else:
                dest = 'exit'
        else:
            dest = 'coll' if x < .45 else 'cash' if x < .75 else 'exit'
        if amt > 20000 and dest != 'exit' and r.random() < .4:
            for part in self.split(amt, 2):
                self.send(ring, m, t, part, dest)
                t += self.ri(30, 900)
        else:
            self.send(ring, m, t, amt, dest)

    def sweep(self, ring, m):
        r = self.r
        arr = sorted(self.pend.get(m.acc, []))
        if not arr:
            return
        slow = ring['speed'] == 'slow'
        if m.tier == 'coll':
            iv = (8 * HOUR, 36 * HOUR) if slow else (2 * HOUR, 8 * HOUR)
        else:
            iv = (6 * HOUR, 30 * HOUR) if slow else (HOUR, 4 * HOUR)
        i = 0
        nxt = arr[0][0] + int(self.U(*iv) * self.U(.3, 1))
        while i < len(arr):
            tot = 0.0
            while i < len(arr) and arr[i][0] <= nxt:
                tot += arr[i][1]
                i += 1
            tot = round(tot, 2)
            if tot > 0:
                if m.tier == 'coll':
                    keep = round(min(tot * .02, self.U(0, 80)), 2)
                    out = round(tot - keep, 2)
                    if r.random() < .22 and ring['cash']:
                        t = nxt
                        for part in self.split(out, self.ri(2, 4)):
                            self.send(ring, m, t, part, 'cash')
                            t += self.ri(60, 1200)
                    else:
                        k = 1 if out < 80000 else self.ri(1, 3)
                        t = nxt
                        for part in self.split(out, k):
                            self.send(ring, m, t, part, 'exit')
                            t += self.ri(60, 1800)
                else:
                    self.route_mid(ring, m, nxt, tot)
            if i < len(arr):
                nxt = max(nxt + int(self.U(*iv)), arr[i][0] + self.ri(60, 1800))

    def cashout(self, ring, m):
        r = self.r
        arr = sorted(self.pend.get(m.acc, []))
        if not arr:
            return
        reg = r.choice(ring['cashreg'])
        chunk = r.choice([2000, 2500, 3000, 5000, 5000])
        bal = 0.0
        cur = 0
        used = {}
        i = 0
        while i < len(arr) or bal >= 100:
            if i < len(arr) and (bal < 100 or arr[i][0] <= cur):
                if bal < 100:
                    cur = max(cur, arr[i][0] + self.ri(5 * MIN, 2 * HOUR))
                bal += arr[i][1]
                i += 1
                continue
            day = cur // DAY
            if used.get(day, 0) >= 20000:
                cur = (day + 1) * DAY + self.ri(0, 10 * HOUR)
                if r.random() < .2:
                    reg = r.choice(ring['cashreg'])
                continue
            if bal >= 40000 and r.random() < .25 and 9 * HOUR <= cur % DAY < 17 * HOUR:
                w = min(49000.0, float(int(bal / 100) * 100))
                self.T(cur, m.acc, None, w, 'counter', reg, kind='withdrawal', tk='cashout')
                bal -= w
                cur += self.ri(10 * MIN, HOUR)
                continue
            w = min(float(chunk), float(int(bal / 100) * 100), 20000 - used.get(day, 0))
            if w < 100:
                break
            self.T(cur, m.acc, None, w, 'atm', reg, kind='withdrawal', tk='cashout')
            used[day] = used.get(day, 0) + w
            bal -= w
            cur += self.ri(40, 300)
            if cur > END + 3 * DAY:
                break

    # victims -------------------------------------------------------------
    VICTIM_POOLS = {
        'brushing': ['student', 'gy_office', 'reloc', 'migrant', 'rural', 'guian_tech'],
        'ecommerce_cs': ['gy_office', 'student', 'shop', 'guian_tech', 'civil'],
        'investment': ['gy_office', 'guian_tech', 'civil', 'landlord', 'liquor_dist', 'shop'],
        'loan_card': ['migrant', 'reloc', 'shop', 'rural', 'guide'],
        'credit_record': ['student', 'gy_office', 'guian_tech'],
        'police_gov': ['elder', 'civil', 'gy_office', 'elder', 'landlord'],
        'leader_acquaintance': ['shop', 'civil', 'gy_office', 'guesthouse', 'tea_dealer'],
        'romance': ['gy_office', 'migrant', 'civil', 'guian_tech', 'rural'],
        'game_trade': ['student', 'student', 'migrant'],
        'fake_job': ['student', 'reloc', 'migrant', 'rural'],
        'fake_liquor': ['liquor_shop', 'gy_office', 'civil', 'shop', 'guian_tech'],
        'subsidy_refund': ['elder', 'reloc', 'elder'],
        'accident_kidnap': ['elder', 'rural', 'civil', 'migrant'],
    }

    def victim_plan(self, typ):
        """list of (offset_seconds, amount, memo, channel, profile) for one victim"""
        r = self.r
        multi = self.cfg['multi']
        plan = []

        def n_of(a, b):
            return max(1, int(round(self.ri(a, b) * multi)))
        if typ == 'brushing':
            n = n_of(2, 5)
            x = self.U(150, 900)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(x), self.mm(.85, ['货款', '任务', '充值']), 'mobile', None))
                x *= self.U(1.6, 3.0)
                t += self.ri(5 * MIN, 70 * MIN) if r.random() < .8 else self.ri(DAY, 3 * DAY)
                x = min(x, 80000)
        elif typ == 'ecommerce_cs':
            n = n_of(1, 3)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(9000, .8)) if r.random() < .7 else round(self.ln(9000, .8), 2),
                             self.mm(.75, ['还款', '退款', '保证金', '转账']), 'mobile', None))
                t += self.ri(3 * MIN, 50 * MIN)
        elif typ == 'investment':
            n = n_of(2, 6)
            x = self.ln(10000, .6)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(x), self.mm(.7, ['投资', '入金', '货款', '充值', '往来款']), 'mobile' if x < 50000 else r.choice(['mobile', 'counter']), None))
                x = min(x * self.U(1.2, 2.5), 500000)
                t += self.ri(DAY // 2, 5 * DAY)
        elif typ == 'loan_card':
            n = n_of(1, 4)
            t = 0
            for j in range(n):
                plan.append((t, self.hum(self.ln(3000 * (1 + j), .6)), self.mm(.7, ['保证金', '解冻费', '还款', '验资']), 'mobile', None))
                t += self.ri(20 * MIN, 2 * DAY)
        elif typ == 'credit_record':
            n = n_of(1, 3)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(15000, .7)), self.mm(.6, ['还款', '还款', '注销', '转账']), 'mobile', None))
                t += self.ri(10 * MIN, 4 * HOUR)
        elif typ == 'police_gov':
            n = n_of(1, 4)
            t = 0
            for _ in range(n):
                x = self.hum(self.ln(90000, .8))
                plan.append((t, x, self.mm(.55, ['货款', '还款', '往来款', '借款', '生活费']),
                             'counter' if r.random() < .35 else 'mobile', 'elder'))
                t += self.ri(10 * MIN, 2 * DAY)
        elif typ == 'leader_acquaintance':
            n = n_of(1, 2)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(40000, .7)), self.mm(.5, ['借款', '工程款', '货款', '周转']), 'mobile', 'work'))
                t += self.ri(10 * MIN, 3 * HOUR)
        elif typ == 'romance':
            n = n_of(3, 8)
            x = self.ln(3000, .6)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(x), self.mm(.75, ['投资', '充值', '借你', '520', '转账']), 'mobile', 'evening'))
                x = min(x * self.U(1.1, 2.2), 300000)
                t += self.ri(DAY // 3, 4 * DAY)
        elif typ == 'game_trade':
            n = n_of(1, 3)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(600, .7)), self.mm(.6, ['游戏账号', '装备', '解冻', '保证金']), 'mobile', 'evening'))
                t += self.ri(5 * MIN, 2 * HOUR)
        elif typ == 'fake_job':
            n = n_of(1, 3)
            t = 0
            for _ in range(n):
                plan.append((t, r.choice([98, 198, 300, 380, 500, 680, 800]), self.mm(.45, ['培训费', '服装费', '介绍费', '押金']), 'mobile', None))
                t += self.ri(HOUR, 3 * DAY)
        elif typ == 'fake_liquor':
            n = n_of(1, 2)
            t = 0
            for _ in range(n):
                k = self.ri(1, 10)
                price = r.choice([12000, 12600, 13200, 13800])
                plan.append((t, float(k * price) if r.random() < .7 else self.hum(k * price * .3),
                             self.mm(.3, ['飞天茅台货款', '%d箱飞天' % k, '酒款', '定金', '货款', '茅台']), 'mobile', 'day'))
                t += self.ri(HOUR, 2 * DAY)
        elif typ == 'subsidy_refund':
            n = n_of(1, 2)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(3500, .6)), '', 'atm' if r.random() < .5 else 'counter', 'elder'))
                t += self.ri(10 * MIN, HOUR)
        elif typ == 'accident_kidnap':
            n = n_of(1, 2)
            t = 0
            for _ in range(n):
                plan.append((t, self.hum(self.ln(20000, .6)), self.mm(.4, ['医疗费', '医药费', '手术费']), 'mobile', 'day'))
                t += self.ri(10 * MIN, 3 * HOUR)
        return plan

    def victim_account(self, typ):
        r = self.r
        if r.random() < self.cfg['ext_victim'] or typ == 'fake_liquor' and r.random() < .5:
            return None, self.nat(), ''
        for _ in range(30):
            p = r.choice(self.by_arch[r.choice(self.VICTIM_POOLS[typ])])
            if p['i'] not in self.used:
                self.used[p['i']] = 'victim'
                pay = p['main']
                if p['arch'] == 'migrant' and r.random() < .5:
                    pay = p['work']
                return p, pay, p['loc']
        return None, self.nat(), ''

    def gen_victims(self):
        r = self.r
        self.pend = {}
        self.fees = {}
        self.victims = []
        for ring in self.rings:
            nv = self.ri(*self.cfg['victims'])
            for _ in range(nv):
                typ = self.wpick(ring['typos'])
                p, pay, loc = self.victim_account(typ)
                plan = self.victim_plan(typ)
                w = self.w_liq if typ == 'fake_liquor' else self.w_hol if typ in ('accident_kidnap', 'leader_acquaintance') else None
                start_day = self.pick_day(w) if r.random() < .93 else -self.ri(1, 2)
                prof = plan[0][4] or ('evening' if typ in ('brushing', 'romance', 'game_trade') else 'fraud')
                t0 = self.at(start_day, prof)
                vic = {'ring': ring['k'], 'typ': typ, 'acc': pay, 'pays': [], 'person': p}
                for off, amt, memo, chn, _ in plan:
                    t = t0 + off
                    if (t % DAY) < 7 * HOUR and r.random() < .85:
                        t = self.at(t // DAY, 'day')
                        while (t % DAY) < 7 * HOUR:
                            t = self.at(t // DAY, 'day')
                    if chn == 'counter':
                        t = self.biz(t)
                    if t >= END:
                        break
                    l1 = self.pick(ring, 'L1', t)
                    if l1 is None:
                        continue
                    # victims move money from their own other accounts, or borrow, before big payments
                    if p is not None and amt >= 5000 and r.random() < .35:
                        others = [a for a in p['accs'] if a != pay and self.accts[a].cls != 'corp']
                        if others:
                            self.T(t - self.ri(5 * MIN, 3 * HOUR), r.choice(others), pay, amt, self.chan(p), loc, '',
                                   tk='victim_self')
                        elif r.random() < .5:
                            q = self.peer(p)
                            self.T(t - self.ri(HOUR, DAY), q['main'], pay, self.hum(amt * self.U(.5, 1.1)), 'mobile', q['loc'],
                                   self.mm(.5, ['借款', '借你的']), tk='victim_borrow')
                    idx = len(self.tx)
                    self.T(t, pay, l1.acc, amt, chn, loc if loc else '', memo, tk='victim_payment')
                    vic['pays'].append(idx)
                    if typ in ('brushing', 'investment') and len(vic['pays']) == 1 and r.random() < .7:
                        self.T(t + self.ri(5 * MIN, 40 * MIN) if typ == 'brushing' else t + self.ri(DAY // 2, 2 * DAY),
                               ring['rebate'], pay, round(amt * self.U(1.05, 1.3), 2) if typ == 'brushing' else self.hum(amt * self.U(.05, .15)),
                               'mobile', '', self.mm(.7, ['佣金', '返利', '提现']), tk='rebate')
                    self.deliver(ring, l1, t, amt)
                self.victims.append(vic)
        for ring in self.rings:
            for tier in ('L2', 'L3', 'coll'):
                for m in ring[tier]:
                    if m.mode == 'batch':
                        self.sweep(ring, m)
            for m in ring['cash']:
                self.cashout(ring, m)
        # score-running commissions leave the account as the runner's own money
        for aid, fee in self.fees.items():
            if fee >= 20:
                a = self.accts[aid]
                self.T(self.at(self.ri(5, NDAYS - 1), 'night'), aid, self.nat(), self.hum(fee * .8) if fee > 50 else round(fee, 2),
                       'mobile', a.region, '', tk='commission')

    # ------------------------------------------------------------------ assemble
    def finish(self):
        r = self.r
        accts = self.accts
        start = self.ext_start
        kept = []
        dropped_open = 0
        for tx in self.tx:
            ts, f, to = tx[0], tx[1], tx[2]
            if ts < 0 or ts >= END:
                continue
            fa = accts[f] if f else None
            ta = accts[to] if to else None
            ok = False
            bad = False
            for a in (fa, ta):
                if a is None:
                    continue
                if ts < a.opened + 60:
                    bad = True
                if a.row and ts >= start[a.bank]:
                    ok = True
            if bad:
                dropped_open += 1
                continue
            if not ok:
                continue
            if tx[8] == 'ordinary' and ((f in self.cut and ts > self.cut[f]) or (to in self.cut and ts > self.cut[to])):
                continue
            kept.append(tx)
        kept.sort(key=lambda x: (x[0], x[1] or '', x[2] or ''))
        # balances: accounts opened inside their bank's extract start at 0 (cash deposited at opening if
        # needed); older ones carry the balance just before their first transfer in the data
        flows = {}
        for j, tx in enumerate(kept):
            if tx[1] and accts[tx[1]].row:
                flows.setdefault(tx[1], []).append((j, -tx[3]))
            if tx[2] and accts[tx[2]].row:
                flows.setdefault(tx[2], []).append((j, tx[3]))
        extra = []
        self.opening = {}
        for aid, fl in flows.items():
            a = accts[aid]
            run = 0
            mn = 0
            for _, x in fl:
                run += x
                if run < mn:
                    mn = run
            if a.opened >= start[a.bank]:
                self.opening[aid] = 0
                if mn < 0:
                    first = kept[fl[0][0]][0]
                    t = max(a.opened + 60, first - self.ri(5 * MIN, 2 * HOUR))
                    if t >= first:
                        t = a.opened + 60
                    need = -mn
                    dep = (int(math.ceil(need / 10000.0)) + self.ri(0, 3)) * 10000
                    tk = 'ordinary' if a.role == 'lawful' else 'mule_cash_in'
                    extra.append((t, None, aid, int(dep), 'counter', a.region, 'deposit', '', tk, False))
            else:
                cush = self.cushion(a)
                self.opening[aid] = -mn + cush
        kept.extend(extra)
        kept.sort(key=lambda x: (x[0], x[1] or '', x[2] or ''))
        self.kept = kept
        self.dropped_open = dropped_open
        self.n_deposit_fix = len(extra)

    def cushion(self, a):
        r = self.r
        if a.role != 'lawful' and a.arch in ('fresh_card', 'aged_card', 'farmer_card', 'shell_corp'):
            return int(self.U(0, 30000))
        if a.cls == 'corp':
            return int(self.ln(500000, 1.0) * 100)
        arch = a.arch.split('(')[-1].rstrip(')')
        med = {'elder': 8000, 'liquor_dist': 150000, 'tea_dealer': 60000, 'landlord': 40000, 'civil': 20000,
               'guian_tech': 25000, 'gy_office': 9000, 'student': 600, 'freshman': 0, 'reloc': 800, 'migrant': 5000,
               'foreman': 30000}.get(arch, 5000)
        if r.random() < .25:
            return int(self.U(0, 2000))
        return int(self.ln(max(med, 1), 1.0) * 100)

    def labels(self):
        r = self.r
        cfg = self.cfg
        kept_idx = {}
        for tx in self.kept:
            kept_idx[(tx[0], tx[1], tx[2], tx[3], tx[8])] = 1
        self.lab_tx = []
        lab_accs = {}
        for v in self.victims:
            if r.random() >= cfg['report_p']:
                continue
            for idx in v['pays']:
                tx = self.tx[idx]
                if (tx[0], tx[1], tx[2], tx[3], tx[8]) in kept_idx and r.random() < .92:
                    self.lab_tx.append(tx)
                    lab_accs[tx[2]] = max(lab_accs.get(tx[2], 0), 1)
        # trace one and two hops downstream of reported payments (police follow the money)
        out = {}
        for tx in self.kept:
            if tx[8] in ('layering', 'collect') and tx[1] and tx[2]:
                out.setdefault(tx[1], []).append(tx[2])
        hop1 = list(lab_accs.keys())
        for a in hop1:
            for b in out.get(a, []):
                if b not in lab_accs:
                    lab_accs[b] = 2
        for a in [k for k, v in lab_accs.items() if v == 2]:
            for b in out.get(a, []):
                if b not in lab_accs:
                    lab_accs[b] = 3
        fraud_rows = [a for a in self.accts.values() if a.row and a.role in ('mule', 'paofen', 'farmer_card')]
        cap = int(len(fraud_rows) * self.U(.38, .48))
        p_hop = {1: .72, 2: .4, 3: .2}
        chosen = []
        for aid in sorted(lab_accs):
            a = self.accts[aid]
            if a.role not in ('mule', 'paofen', 'farmer_card'):
                continue
            if r.random() < p_hop[lab_accs[aid]] * (1 if a.row else .3):
                chosen.append(aid)
        r.shuffle(chosen)
        n_row = 0
        final = []
        for aid in chosen:
            if self.accts[aid].row:
                if n_row >= cap:
                    continue
                n_row += 1
            final.append(aid)
        for aid in final:
            self.accts[aid].lab = 1
        self.lab_accs = sorted(final)
        self.lab_farmers = []
        for f in self.farmers:
            if any(self.accts[c].lab for c in f['cards']):
                p = .8
            elif any(c in lab_accs for c in f['cards']):
                p = .45
            else:
                p = 0
            if r.random() < p:
                self.lab_farmers.append(f['hid'])
        # police freeze part of the labelled accounts; a few lawful accounts are frozen by courts or closed
        for aid in self.lab_accs:
            a = self.accts[aid]
            if a.row and r.random() < .25:
                a.status = 'frozen'
        for a in self.accts.values():
            if a.row and a.role == 'lawful':
                x = r.random()
                if x < .002:
                    a.status = 'frozen'
                elif x < .007:
                    a.status = 'closed'
            elif a.row and a.role == 'mule' and not a.lab and a.arch == 'fresh_card' and r.random() < .08:
                a.status = 'closed'

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        accts = self.accts
        used = {}
        for tx in self.kept:
            if tx[1]:
                used[tx[1]] = 1
            if tx[2]:
                used[tx[2]] = 1
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid in sorted(a.id for a in accts.values() if a.row):
                a = accts[aid]
                if a.opened >= END:
                    continue
                ob = self.opening.get(aid)
                if ob is None:
                    ob = 0 if a.opened >= self.ext_start[a.bank] else self.cushion(a)
                w.writerow([aid, a.bank, a.hid, self.iso(a.opened), a.region, a.cls, '%d.%02d' % divmod(int(ob), 100),
                            a.status])
        seq = {}
        self.txid = []
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for tx in self.kept:
                ts, f, to, fen, chn, reg, kind, memo, tk, xb = tx
                rep = None
                for x in (f, to):
                    if x and accts[x].row and ts >= self.ext_start[accts[x].bank]:
                        rep = accts[x].bank
                        break
                day = self.date[ts // DAY].strftime('%Y%m%d')
                k = (rep, day)
                seq[k] = seq.get(k, 0) + 1
                tid = '%s%s%07d' % (rep, day, seq[k])
                self.txid.append(tid)
                w.writerow([tid, self.iso(ts), f or '', to or '', '%d.%02d' % divmod(fen, 100), 'CNY', chn, reg,
                            kind, memo, 'true' if xb else 'false'])
        lab_keys = {}
        for tx in self.lab_tx:
            lab_keys[(tx[0], tx[1], tx[2], tx[3], tx[8])] = 1
        self.n_lab_tx = 0
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['kind', 'id', 'label'])
            for tx, tid in zip(self.kept, self.txid):
                if (tx[0], tx[1], tx[2], tx[3], tx[8]) in lab_keys and tx[8] == 'victim_payment':
                    w.writerow(['transfer', tid, 'fraud'])
                    self.n_lab_tx += 1
            for aid in self.lab_accs:
                w.writerow(['account', aid, 'mule'])
            for hid in self.lab_farmers:
                w.writerow(['holder', hid, 'card_farmer'])
        if not truth:
            return
        labf = set(self.lab_farmers)
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for aid in sorted(accts):
                a = accts[aid]
                if a.row:
                    if a.opened >= END:
                        continue
                elif aid not in used:
                    continue
                w.writerow(['account', aid, a.bank, a.hid, 1 if a.row else 0, a.role, a.arch, a.farmer,
                            self.iso(a.opened), a.lab, 1 if a.hid in labf else 0,
                            self.iso(self.ext_start[a.bank]) if a.row else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['txn_id', 'kind'])
            for tx, tid in zip(self.kept, self.txid):
                w.writerow([tid, tx[8]])

    def build(self):
        self.populate()
        self.gen_lawful()
        self.make_farmers()
        self.make_rings()
        self.gen_victims()
        self.finish()
        self.labels()


def AREA_KIND_OF_REGION(region):
    for a, regs in AREAS.items():
        if region in regs:
            return AREA_KIND[a]
    if region[:2] == '33':
        return 'zj'
    if region[:2] == '44':
        return 'gd'
    return 'nat'


# ------------------------------------------------------------------------------------------------
TS_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$')
AMT_RE = re.compile(r'^\d+\.\d{2}$')


def selfcheck(out, truth, w, t0):
    def rd(name):
        with open(os.path.join(out, name), newline='', encoding='utf-8') as fh:
            rows = list(csv.reader(fh))
        return rows[0], rows[1:]
    h, arows = rd('accounts.csv')
    assert h == ['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'], h
    acc = {}
    for row in arows:
        assert len(row) == 8, row
        aid, bank, hid, op, reg, cls, ob, st = row
        assert aid and len(aid) <= 64 and aid not in acc, aid
        assert bank in SUPPLY, bank
        assert hid and len(hid) == 18, hid
        assert TS_RE.match(op), op
        assert re.match(r'^\d{6}$', reg), reg
        assert cls in ('I', 'II', 'III', 'corp'), cls
        assert AMT_RE.match(ob), ob
        assert st in ('active', 'frozen', 'closed'), st
        acc[aid] = (bank, dt.datetime.fromisoformat(op))
    starts = {b: w.W0 + dt.timedelta(seconds=w.ext_start[b]) for b in SUPPLY}
    endt = w.W0 + dt.timedelta(days=NDAYS)
    h, trows = rd('transfers.csv')
    assert h == ['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                 'memo', 'cross_border'], h
    ids = {}
    for row in trows:
        assert len(row) == 11, row
        tid, ts, f, to, amt, cur, chn, reg, kind, memo, xb = row
        assert tid not in ids and len(tid) <= 64, tid
        ids[tid] = 1
        assert TS_RE.match(ts), ts
        t = dt.datetime.fromisoformat(ts)
        assert w.W0 <= t < endt, ts
        assert AMT_RE.match(amt) and float(amt) > 0, amt
        assert cur == 'CNY'
        assert chn in ('counter', 'online', 'mobile', 'atm', 'pos', 'other'), chn
        assert reg == '' or re.match(r'^\d{6}$', reg), reg
        assert kind in ('transfer', 'withdrawal', 'deposit'), kind
        if kind == 'transfer':
            assert f and to
        elif kind == 'withdrawal':
            assert f and not to
        else:
            assert to and not f
        assert len(memo) <= 512 and xb in ('true', 'false')
        ok = False
        for x in (f, to):
            if x in acc:
                b, op = acc[x]
                assert t >= op, (tid, x)
                if t >= starts[b]:
                    ok = True
        assert ok, ('transfer outside every supplying extract', tid)
    h, lrows = rd('labels.csv')
    assert h == ['kind', 'id', 'label'], h
    roles = {a.id: a for a in w.accts.values()}
    hold = {}
    for a in w.accts.values():
        hold.setdefault(a.hid, []).append(a)
    nl = {'fraud': 0, 'mule': 0, 'card_farmer': 0}
    for kind, i, lab in lrows:
        if kind == 'transfer':
            assert i in ids and lab == 'fraud'
        elif kind == 'account':
            assert lab == 'mule' and roles[i].role in ('mule', 'paofen', 'farmer_card'), i
        else:
            assert kind == 'holder' and lab == 'card_farmer' and all(a.farmer for a in hold[i])
        nl[lab] += 1
    tk = {}
    if truth:
        h, rows = rd('truth.csv')
        assert h == ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                     'labelled', 'farmer_labelled', 'extract_start'], h
        seen = {}
        for row in rows:
            assert row[0] == 'account' and row[5] in ('lawful', 'mule', 'paofen', 'farmer_card', 'fraud_exit'), row
            assert (row[4] == '1') == (row[1] in acc), row
            seen[row[1]] = 1
        for aid in acc:
            assert aid in seen, aid
        h, rows = rd('truth_transfers.csv')
        assert h == ['txn_id', 'kind'] and len(rows) == len(trows)
        for tid, k in rows:
            assert tid in ids
            tk[k] = tk.get(k, 0) + 1
    # roles from the generator
    fr = {'mule': 0, 'paofen': 0, 'farmer_card': 0}
    for aid in acc:
        r = roles[aid].role
        if r in fr:
            fr[r] += 1
    farmers = len(w.farmers)
    vp = sum(1 for tx in w.kept if tx[8] == 'victim_payment')
    ext = len({x for tx in w.kept for x in (tx[1], tx[2]) if x and x not in acc})
    return ('guizhou_world variant=%s seed=%d window=%s..%s accounts_with_rows=%d external=%d transfers=%d '
            'victim_payments=%d fraud_rows=%d (mule %d, paofen %d, farmer_card %d) card_farmers=%d '
            'labels: fraud=%d mule=%d card_farmer=%d extract_starts=%s time=%.1fs'
            % (w.V, w.seed, w.W0.date(), (endt - dt.timedelta(days=1)).date(), len(acc), ext, len(trows), vp,
               sum(fr.values()), fr['mule'], fr['paofen'], fr['farmer_card'], farmers, nl['fraud'], nl['mule'],
               nl['card_farmer'], ','.join('%s+%d' % (b, w.cfg['extract'][b]) for b in SUPPLY), time.time() - t0))


def main():
    ap = argparse.ArgumentParser(description='Guizhou synthetic banking world (worlds41)')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.write(a.out, a.truth)
    print(selfcheck(a.out, a.truth, w, t0), file=sys.stderr)


if __name__ == '__main__':
    main()
