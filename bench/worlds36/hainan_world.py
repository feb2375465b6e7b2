#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
#
# hainan_world.py -- an independent synthetic banking world, "Hainan" (海南), for judging a
# counter-telecom-fraud engine.  Standard library only; deterministic for a given --variant and --seed.
#
# The world (the author's own assumptions):
#   * Haikou (海口) and Sanya (三亚) plus the counties: tourism, hotels and homestays, duty-free shopping
#     (离岛免税), tour agencies that take deposits and then balances;
#   * 候鸟 retirees from Heilongjiang, Jilin, Liaoning, Beijing ... wintering in Sanya with accounts opened
#     back home: pensions from home, rent for months to local landlords, money from their children, cash at
#     Sanya ATMs far from where the cards were opened, some opening a local account on arrival;
#   * tropical agriculture (betel nut 槟榔, rubber, mango, winter vegetables shipped north): northern
#     wholesalers pay farmers many times at harvest, farmers pay pickers and buy inputs;
#   * fishermen of Tanmen (琼海) and Lingao (临高): seafood buyers pay boat owners, owners pay crews and fuel;
#   * free-trade-port construction sites: migrant workers paid by builders or foremen (包工头), sending
#     money home; hotel and homestay staff; Hainan University students; small shops on personal QR codes;
#   * telecom fraud: victims all over China pay first-level mule accounts (several times, sometimes many),
#     money is layered through further levels fast or slow and cashed out at ATMs far from where the
#     cards were opened or passed to OTC / payment-firm exits.  Mules: freshly opened cards, cards opened
#     weeks or months before use, old accounts rented out (出租出借, some returned) or sold (买卖账户),
#     跑分 accounts of students and workers who keep their normal life, and cards of card farmers who open
#     many cards at many banks in several cities in a short time.
#   * some institutions supply data (rows in accounts.csv), others appear only as counterparties; each
#     supplying source's extract starts on its own day (earlier history censored).
# Variants: baseline = winter high season; V2 = mostly old rented/sold accounts, slow layering, victims
# paying many times (late season, 候鸟 going home); V3 = Spring Festival peak stressing false alarms
# (tourists, red packets, large family transfers, duty-free, migrants going home, year-end wages).
#
# Usage: python3 hainan_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

import argparse
import csv
import datetime
import math
import os
import random
import sys
from collections import defaultdict

TZ = datetime.timezone(datetime.timedelta(hours=8))
DAY = 86400
HOUR = 3600
MIN = 60
NDAYS = 30
WINDOW_START = {'baseline': (2024, 1, 6), 'V2': (2024, 3, 4), 'V3': (2025, 1, 14)}
VARIANT_NO = {'baseline': 1, 'V2': 2, 'V3': 3}

# ---- institutions ----------------------------------------------------------------------------
SUPPLY = ['ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', 'HNB', 'HNRCU']          # supply extracts
EXTERNAL = ['CMB', 'BOCOM', 'CIB', 'CITIC', 'SPDB', 'CEB', 'CMBC', 'GDB', 'PAB',
            'HRBB', 'JLBANK', 'SJBANK', 'BJBANK', 'ALIPAY', 'TENPAY']   # counterparties only
BIN = {'ICBC': '622202', 'CCB': '621700', 'ABC': '622848', 'BOC': '621661', 'PSBC': '621799',
       'HNB': '623091', 'HNRCU': '621458', 'CMB': '622588', 'BOCOM': '622262', 'CIB': '622909',
       'CITIC': '622690', 'SPDB': '622521', 'CEB': '622660', 'CMBC': '622622', 'GDB': '622568',
       'PAB': '622298', 'HRBB': '622425', 'JLBANK': '622394', 'SJBANK': '622323', 'BJBANK': '621468'}
CORP_PREFIX = {'ICBC': '2201', 'CCB': '4605', 'ABC': '2110', 'BOC': '2663', 'PSBC': '9460',
               'HNB': '1001', 'HNRCU': '1010', 'CMB': '8989', 'BOCOM': '4610', 'CIB': '3620',
               'CITIC': '8111', 'SPDB': '3401', 'CEB': '3929', 'CMBC': '6990', 'GDB': '9550',
               'PAB': '1101', 'HRBB': '1200', 'JLBANK': '0711', 'SJBANK': '0401', 'BJBANK': '2000',
               'ALIPAY': '2088', 'TENPAY': '1900'}
W_LOCAL = {'HNRCU': 24, 'ICBC': 14, 'CCB': 14, 'ABC': 12, 'BOC': 8, 'PSBC': 8, 'HNB': 7,
           'CMB': 4, 'BOCOM': 3, 'CIB': 2, 'PAB': 2, 'ALIPAY': 1, 'TENPAY': 1}
W_NATION = {'ICBC': 16, 'CCB': 15, 'ABC': 14, 'BOC': 9, 'PSBC': 10, 'CMB': 9, 'BOCOM': 6,
            'CIB': 4, 'CITIC': 3, 'SPDB': 3, 'CEB': 2, 'CMBC': 2, 'GDB': 2, 'PAB': 3,
            'ALIPAY': 1, 'TENPAY': 1}
W_EXT = {b: w for b, w in W_NATION.items() if b not in SUPPLY}
W_FAMILY = {'PSBC': 3, 'ABC': 3, 'ICBC': 1, 'CCB': 1, 'CMB': 2, 'BOCOM': 1, 'ALIPAY': 4, 'TENPAY': 5, 'CITIC': 1,
            'PAB': 1, 'CIB': 1, 'CEB': 1, 'CMBC': 1}
HOME_BANK = {'23': 'HRBB', '22': 'JLBANK', '21': 'SJBANK', '11': 'BJBANK'}

# ---- GB/T 2260 divisions -----------------------------------------------------------------------
HAIKOU = ['460105', '460106', '460107', '460108']            # 秀英 龙华 琼山 美兰
SANYA = ['460202', '460203', '460204', '460205']             # 海棠 吉阳 天涯 崖州
TOWNS = ['460400', '469002', '469005', '469006', '469007', '469023', '469024', '469027', '469028',
         '469021', '469022', '469025', '469026', '469029', '469030', '469001']
FARM_REGIONS = {'mango': ['469027', '469028', '460205', '469007'],
                'vegetable': ['469027', '469007', '469023', '460205', '469021'],
                'betel': ['469006', '469030', '469002', '469022', '469029'],
                'rubber': ['460400', '469025', '469026', '469030']}
FISH_REGIONS = ['469002', '469024']                            # 琼海潭门, 临高
NORTH_HOMES = ['230100', '230600', '230200', '230800', '230400', '220100', '220200', '220500',
               '210100', '210300', '210400', '210200', '110105', '110108', '110102', '150100',
               '150200', '130100', '120103', '620100', '640100', '370200']
NORTH_W = [14, 6, 4, 3, 3, 9, 4, 2, 8, 4, 3, 4, 5, 4, 3, 3, 2, 2, 3, 2, 1, 2]
WHOLESALE_HOMES = ['370783', '110106', '230100', '210100', '410100', '420100', '310112', '320100',
                   '500103', '440100', '220100', '330100']
MIGRANT_HOMES = ['511300', '510900', '511600', '500101', '411600', '411300', '411500', '431100',
                 '430500', '450900', '450800', '522600', '360700', '341200', '440800']
CHINA = ['110105', '110108', '310115', '310104', '440300', '440100', '440600', '441900', '330100',
         '330200', '320100', '320500', '420100', '510100', '500103', '430100', '410100', '370100',
         '370200', '610100', '350200', '350100', '450100', '530100', '360100', '340100', '130100',
         '140100', '150100', '620100', '520100', '210100', '220100', '230100', '120103', '330300',
         '441300', '130200', '370600', '410300', '421000', '430700', '510700', '532500', '640100',
         '630100', '650100', '460106', '460108', '460203', '460202', '469002', '460400']
FARMER_HOMES = ['421100', '420900', '431200', '450300', '532600', '360800', '522700', '230700',
                '150400', '411700']
OPEN_CITIES = ['460106', '460108', '460203', '320100', '430100', '230100', '150100', '440300',
               '410100', '350200', '500103', '520100', '530100', '450100', '360100', '420100',
               '320500', '510100']
CASHOUT = ['441900', '445200', '440900', '440300', '533100', '532800', '450600', '451400',
           '350500', '441500']

HOUR_W = {'day': [1, .5, .3, .2, .2, .4, 1, 3, 5, 6, 7, 7, 8, 7, 6, 6, 6, 7, 8, 9, 9, 7, 4, 2],
          'work': [0, 0, 0, 0, 0, 0, 0, .5, 3, 6, 6, 5, 3, 4, 6, 6, 5, 3, .5, 0, 0, 0, 0, 0],
          'eve': [2, 1, .5, .2, .2, .2, .5, 1, 2, 3, 4, 5, 7, 5, 4, 4, 5, 7, 9, 11, 11, 9, 6, 4],
          'any': [4, 3, 3, 2, 2, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5],
          'early': [0, 0, 0, 0, 1, 4, 8, 9, 7, 5, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0]}
HOUR_CUM = {}
for _k, _w in HOUR_W.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    HOUR_CUM[_k] = _c


def id_check(body17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * x for c, x in zip(body17, w))
    return '10X98765432'[s % 11]


def uscc_check(body17):
    cs = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    s = sum(cs.index(c) * x for c, x in zip(body17, w))
    c = 31 - s % 31
    return cs[0 if c == 31 else c]


def luhn_complete(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def city_of(region):
    if region in HAIKOU or region == '460100':
        return 'haikou'
    if region in SANYA or region == '460200':
        return 'sanya'
    return 'other'


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer',
                 'person', 'off', 'cushion', 'idx')

    def __init__(self, aid, bank, person, opened, region, cls):
        self.id = aid
        self.bank = bank
        self.person = person
        self.holder = person.hid
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = 'ordinary'
        self.arch = person.ptype
        self.farmer = False
        self.off = []          # intervals when the owner does not use the account
        self.cushion = None    # typical savings (yuan) for the opening balance
        self.idx = 0


class Person:
    __slots__ = ('hid', 'ptype', 'home', 'live', 'accts', 'x')

    def __init__(self, hid, ptype, home, live):
        self.hid = hid
        self.ptype = ptype
        self.home = home
        self.live = live
        self.accts = []
        self.x = {}

    def main(self):
        return self.accts[0]


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.rng = random.Random(seed * 7919 + VARIANT_NO[variant] * 104729 + 36)
        y, m, d = WINDOW_START[variant]
        self.w0 = datetime.datetime(y, m, d, 0, 0, 0, tzinfo=TZ)
        self.end = NDAYS * DAY
        self.used_ids = set()
        self.used_hids = set()
        self.persons = []
        self.accts = []
        self.tx = []            # [t, from Acct|None, to Acct|None, fen, channel, region, kind, memo, tk]
        self.corps = defaultdict(list)
        self.by = defaultdict(list)         # person type -> persons
        self.shops = defaultdict(list)      # city -> shop accounts
        self.labels_holder = []
        r = self.rng
        offs = [0] + [r.randint(0, 6) for _ in SUPPLY[1:]]
        r.shuffle(offs)
        self.xstart = {b: o * DAY for b, o in zip(SUPPLY, offs)}
        v = variant
        self.P = {
            'tourists': {'baseline': 4200, 'V2': 2800, 'V3': 4000}[v],
            'retirees': {'baseline': 1300, 'V2': 1150, 'V3': 1300}[v],
            'victims': {'baseline': 560, 'V2': 330, 'V3': 600}[v],
            'rings': {'baseline': 14, 'V2': 12, 'V3': 15}[v],
            'mules': {'baseline': 400, 'V2': 390, 'V3': 410}[v],
            'farmers': r.randint(8, 14),
            'mix': {'baseline': {'fresh': .30, 'weeks': .20, 'rented': .13, 'sold': .12, 'paofen': .25},
                    'V2': {'fresh': .08, 'weeks': .10, 'rented': .38, 'sold': .30, 'paofen': .14},
                    'V3': {'fresh': .30, 'weeks': .20, 'rented': .14, 'sold': .12, 'paofen': .24}}[v],
            'slow': {'baseline': .15, 'V2': .85, 'V3': .15}[v],
            'pay_many': {'baseline': .25, 'V2': .75, 'V3': .25}[v],
            'act': {'baseline': 1.0, 'V2': 1.0, 'V3': 1.0}[v],
        }

    # ---- time and amounts ----
    def date_of(self, day):
        return (self.w0 + datetime.timedelta(days=day)).date()

    def t_on(self, day, prof='day'):
        r = self.rng
        h = r.choices(range(24), cum_weights=HOUR_CUM[prof])[0]
        return int(day * DAY + h * HOUR + r.randrange(3600))

    def t_any(self, d0=0, d1=NDAYS, prof='day'):
        return self.t_on(self.rng.randrange(max(0, int(d0)), max(int(d0) + 1, min(NDAYS, int(d1)))), prof)

    def fen(self, lo, hi, style='cents'):
        r = self.rng
        v = math.exp(r.uniform(math.log(lo), math.log(hi)))
        if style == 'cents':
            f = int(round(v * 100))
        elif style == 'shop':
            f = int(round(v * 10)) * 10
        elif style == 'yuan':
            f = int(round(v)) * 100
        elif style == 'round':
            step = 100 if v < 2000 else (500 if v < 20000 else 1000)
            f = max(1, int(round(v / step))) * step * 100
        else:
            f = int(round(v * 100))
        return max(1, f)

    # ---- identities and accounts ----
    def person_id(self, region, y0=1950, y1=2004):
        r = self.rng
        while True:
            b = datetime.date(r.randint(y0, y1), 1, 1) + datetime.timedelta(days=r.randrange(365))
            body = '%s%s%03d' % (region, b.strftime('%Y%m%d'), r.randrange(1000))
            hid = body + id_check(body)
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def corp_id(self, region):
        r = self.rng
        cs = '0123456789ABCDEFGHJKLMNPQRTUWXY'
        while True:
            body = '91' + region + ''.join(r.choice(cs) for _ in range(9))
            hid = body + uscc_check(body)
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def mk_person(self, ptype, home, live=None, y0=1955, y1=2002):
        p = Person(self.person_id(home, y0, y1), ptype, home, live or home)
        self.persons.append(p)
        self.by[ptype].append(p)
        return p

    def mk_corp(self, ctype, region, bank=None, n_acc=1):
        p = Person(self.corp_id(region), 'corp_' + ctype, region, region)
        self.persons.append(p)
        for i in range(n_acc):
            b = bank if (bank and i == 0) else self.pick_bank(W_LOCAL if region[:2] == '46' else W_NATION)
            a = self.mk_acct(p, b, self.open_before(400, 6000), region, 'corp')
            a.cushion = self.rng.uniform(2e5, 5e6)
        self.corps[ctype].append(p.accts[0])
        return p

    def pick_bank(self, weights):
        ks = list(weights)
        return self.rng.choices(ks, weights=[weights[k] for k in ks])[0]

    def new_acct_id(self, bank, cls):
        r = self.rng
        while True:
            if cls == 'corp':
                aid = CORP_PREFIX[bank] + ''.join(str(r.randrange(10)) for _ in range(13))
            elif bank == 'ALIPAY':
                aid = '2088' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank == 'TENPAY':
                aid = 'wx' + ''.join(r.choice('0123456789abcdef') for _ in range(16))
            else:
                n = 16 if bank in ('CMB', 'CIB') else 19
                aid = luhn_complete(BIN[bank] + ''.join(str(r.randrange(10)) for _ in range(n - 7)))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def mk_acct(self, person, bank, opened, region, cls='I'):
        a = Acct(self.new_acct_id(bank, cls), bank, person, opened, region, cls)
        a.idx = len(self.accts)
        person.accts.append(a)
        self.accts.append(a)
        return a

    def open_before(self, d_lo, d_hi, counter=True):
        """an opening time d_lo..d_hi days before the window (negative seconds)."""
        d = self.rng.uniform(d_lo, d_hi)
        day = -int(math.ceil(d))
        return self.open_at_day(day, counter)

    def open_at_day(self, day, counter=True):
        r = self.rng
        if counter:
            return day * DAY + r.randint(9 * HOUR, 16 * HOUR + 50 * MIN)
        return day * DAY + r.randint(7 * HOUR, 23 * HOUR + 30 * MIN)

    def add(self, t, frm, to, fen, ch, region, kind='transfer', memo='', tk='ordinary'):
        if fen <= 0 or t < 0 or t >= self.end:
            return None
        row = [int(t), frm, to, int(fen), ch, region, kind, memo, tk]
        self.tx.append(row)
        return row

    def ext_person(self, ptype, home, weights=None, opened=(300, 7000), cls='I'):
        """a person with one account, at a bank drawn from weights (default: a national mix)."""
        p = self.mk_person(ptype, home)
        b = self.pick_bank(weights or W_NATION)
        if b == 'HOME':
            b = HOME_BANK.get(home[:2], 'CMB')
        self.mk_acct(p, b, self.open_before(*opened), home, cls)
        return p

    # ---- population ------------------------------------------------------------------------
    def age_days(self, p):
        try:
            b = datetime.date(int(p.hid[6:10]), int(p.hid[10:12]), int(p.hid[12:14]))
        except ValueError:
            return 20000
        return (self.w0.date() - b).days

    def open_old(self, p, d_lo, d_hi, counter=True):
        cap = max(d_lo + 5, self.age_days(p) - 16 * 365)
        return self.open_before(min(d_lo, cap - 5), min(d_hi, cap), counter)

    def local_person(self, ptype, live, home=None, y0=1962, y1=2003, extra=(.35, .10),
                     weights=None, old=(150, 9000)):
        r = self.rng
        p = self.mk_person(ptype, home or live, live, y0, y1)
        w = dict(weights or W_LOCAL)
        n = 1 + (r.random() < extra[0]) + (r.random() < extra[1])
        for _ in range(n):
            b = self.pick_bank(w)
            w.pop(b, None)
            self.mk_acct(p, b, self.open_old(p, *old), live, 'I' if r.random() < .85 else 'II')
        return p

    def city_region(self, weights=(.5, .4, .1)):
        r = self.rng
        x = r.random()
        if x < weights[0]:
            return r.choice(HAIKOU)
        if x < weights[0] + weights[1]:
            return r.choice(SANYA)
        return r.choice(TOWNS)

    def build_population(self):
        r, v = self.rng, self.variant
        sup_w = {b: W_LOCAL[b] for b in W_LOCAL}
        # corporations
        for i in range(70):
            self.mk_corp('hotel', r.choice(SANYA[:3]) if i < 46 else r.choice(HAIKOU), self.pick_bank(sup_w), 1 + (r.random() < .3))
        for reg, bank in [('460202', 'BOC'), ('460204', 'ICBC'), ('460106', 'CCB'), ('460108', 'BOC'),
                          ('460202', 'HNB'), ('460105', 'ICBC')]:
            self.mk_corp('dutyfree', reg, bank, 2)
        for kind, n, regs in [('super', 30, None), ('fuel', 16, None), ('property', 30, (.5, .5, 0)),
                              ('agency', 40, (.4, .6, 0)), ('construction', 24, (.7, .25, .05)),
                              ('developer', 12, (.5, .4, .1)), ('cardealer', 10, (.6, .4, 0)),
                              ('hospital', 8, (.5, .4, .1)), ('gov', 6, (1, 0, 0)),
                              ('carrental', 10, (.3, .7, 0)), ('seafood_co', 10, (.4, .2, .4)),
                              ('agri_input', 16, (.1, .1, .8)), ('betel_proc', 6, (0, 0, 1)),
                              ('rubber', 2, (0, 0, 1)), ('bus', 6, (.5, .5, 0))]:
            for _ in range(n):
                self.mk_corp(kind, self.city_region(regs or (.45, .35, .2)), self.pick_bank(sup_w))
        self.mk_corp('univ', '460108', 'CCB', 2)
        self.mk_corp('univ', '460106', 'ICBC')
        self.mk_corp('utility', '460106', 'CCB', 2)
        self.mk_corp('utility', '460203', 'ICBC')
        for name, reg in [('airline', '460108'), ('rail', '110106'), ('ota', '310105'), ('ecom', '330100'),
                          ('telecom', '460106'), ('insurance', '440300')]:
            self.mk_corp(name, reg, self.pick_bank({'CMB': 2, 'BOCOM': 1, 'CIB': 1, 'ALIPAY': 2, 'ICBC': 1}))
        for _ in range(70):   # suppliers in Guangzhou, Zhanjiang, Haikou wholesale markets (mixed banks)
            reg = r.choice(['440100', '440800', '460106', '460107', '440300', '350200'])
            self.mk_corp('supplier', reg, self.pick_bank(W_NATION))
        self.pension = {}
        for home in sorted(set(NORTH_HOMES)):
            for b in ('ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', HOME_BANK.get(home[:2], 'CMB')):
                self.pension[(home, b)] = self.mk_corp('pension', home, b).main()

        emp_types = ['hotel'] * 20 + ['super'] * 15 + ['property'] * 10 + ['hospital'] * 8 + \
            ['agency'] * 5 + ['developer'] * 5 + ['gov'] * 12 + ['cardealer'] * 3 + ['seafood_co'] * 3 + \
            ['carrental'] * 3 + ['bus'] * 3 + ['univ'] * 3 + [None] * 20
        # residents and staff
        for _ in range(2700):
            p = self.local_person('resident', self.city_region((.55, .35, .10)), y0=1958)
            et = r.choice(emp_types)
            p.x['employer'] = r.choice(self.corps[et]) if et else None
            p.x['salary'] = r.uniform(3500, 12000)
        for _ in range(800):
            live = r.choice(SANYA) if r.random() < .7 else r.choice(HAIKOU)
            mig = r.random() < .4
            home = r.choice(MIGRANT_HOMES) if mig else live
            p = self.local_person('hotel_staff', live, home, y0=1975, y1=2004, extra=(.3, .05))
            if mig:
                self.mk_acct(p, self.pick_bank(W_NATION), self.open_old(p, 800, 5000), home)
                p.x['home_fam'] = self.ext_person('family_home', home, W_FAMILY).main()
            p.x['employer'] = r.choice([a for a in self.corps['hotel'] if city_of(a.region) == city_of(live)] or self.corps['hotel'])
            p.x['salary'] = r.uniform(3200, 7500)
        # migrant construction workers and foremen
        for _ in range(1100):
            home = r.choice(MIGRANT_HOMES)
            live = r.choice(['460108'] * 5 + ['460106', '460107', '460203', '460202', '460204', '460400'])
            p = self.mk_person('migrant', home, live, 1965, 2004)
            if r.random() < .7:
                self.mk_acct(p, self.pick_bank(W_FAMILY), self.open_old(p, 500, 7000), home)
            new_job = r.random() < (.18 if v != 'V3' else .08)
            opened = self.open_at_day(r.randint(0, 18)) if new_job else self.open_old(p, 20, 900)
            self.mk_acct(p, r.choice(['ICBC', 'CCB', 'ABC', 'HNRCU', 'BOC']), opened, live)
            if len(p.accts) == 2:
                p.accts.reverse()            # the local payroll card is the main one
            p.x['payroll'] = p.accts[0]
            p.x['home_fam'] = self.ext_person('family_home', home, W_FAMILY).main()
            p.x['salary'] = r.uniform(4500, 10000)
        migrants = self.by['migrant']
        for i in range(36):
            home = r.choice(MIGRANT_HOMES)
            p = self.local_person('foreman', r.choice(['460108', '460106', '460203', '460400']), home,
                                  1965, 1990, extra=(.9, .3), weights=W_NATION, old=(300, 6000))
            p.x['employer'] = r.choice(self.corps['construction'])
            crew = r.sample(migrants, r.randint(8, 28))
            p.x['crew'] = crew
            for m in crew:
                m.x['foreman'] = p
        for m in migrants:
            if 'foreman' not in m.x:
                m.x['employer'] = r.choice(self.corps['construction'])
        # 候鸟 retirees
        for _ in range(self.P['retirees']):
            home = r.choices(NORTH_HOMES, weights=NORTH_W)[0]
            live = r.choice(SANYA) if r.random() < .75 else (r.choice(HAIKOU) if r.random() < .6 else r.choice(['469002', '469005', '469006']))
            p = self.mk_person('retiree', home, live, 1942, 1966)
            w = dict(W_NATION)
            w['HOME'] = 14
            for _k in range(1 + (r.random() < .5) + (r.random() < .15)):
                b = self.pick_bank(w)
                w.pop(b, None)
                if b == 'HOME':
                    b = HOME_BANK.get(home[:2], 'CMB')
                self.mk_acct(p, b, self.open_old(p, 1500, 12000), home)
            p.accts[0].cushion = r.uniform(2e4, 4e5)
            if v == 'V2':
                arrive = -r.randint(30, 120)
                leave = r.randint(4, 40)
            else:
                arrive = r.randint(1, 22) if r.random() < .18 else -r.randint(5, 100)
                leave = NDAYS + 60
            p.x['arrive'], p.x['leave'] = arrive, leave
            if (arrive >= 0 and r.random() < .35) or (arrive < 0 and r.random() < .12):
                when = self.open_at_day(arrive + r.randint(0, 3)) if arrive >= 0 else self.open_old(p, 20, 1500)
                p.x['local'] = self.mk_acct(p, r.choice(['HNB', 'HNRCU', 'ICBC', 'CCB', 'BOC']), when, live)
            p.x['kids'] = [self.ext_person('child', r.choice([home, home, '110105', '310115', '440300', '210100']),
                                           {'CMB': 7, 'ICBC': 2, 'CCB': 2, 'BOCOM': 3, 'ABC': 1, 'PAB': 2, 'HOME': 5,
                                            'ALIPAY': 3, 'TENPAY': 2, 'BOC': 1, 'CIB': 2}).main()
                           for _k in range(1 + (r.random() < .45))]
            p.x['pension'] = self.pension[(home, p.accts[0].bank)] if (home, p.accts[0].bank) in self.pension else None
        # landlords and homestay owners
        for _ in range(250):
            self.local_person('landlord', self.city_region((.4, .55, .05)), y0=1955, y1=1990, extra=(.55, .25))
        for _ in range(180):
            self.local_person('homestay', r.choice(SANYA + ['469028', '469006', '460205']), y0=1960, y1=1995, extra=(.4, .1))
        # shops on personal QR codes
        for _ in range(700):
            live = self.city_region((.45, .40, .15))
            p = self.local_person('shop', live, y0=1960, y1=2000, extra=(.45, .1))
            self.shops[city_of(live)].append(p.main())
            p.x['suppliers'] = r.sample(self.corps['supplier'], 3)
        # farmers, pickers, buyers
        for _ in range(900):
            crop = r.choices(['vegetable', 'mango', 'betel', 'rubber'], weights=[35, 25, 25, 15])[0]
            p = self.local_person('farmer', r.choice(FARM_REGIONS[crop]), y0=1955, y1=1995, extra=(.25, .05),
                                  weights={'HNRCU': 60, 'ABC': 15, 'PSBC': 12, 'CCB': 5, 'ICBC': 4, 'HNB': 4})
            p.x['crop'] = crop
        for _ in range(420):
            self.local_person('picker', r.choice(sum(FARM_REGIONS.values(), [])), y0=1960, y1=2004, extra=(.1, 0),
                              weights={'HNRCU': 55, 'PSBC': 20, 'ABC': 15, 'CCB': 5, 'TENPAY': 3, 'ALIPAY': 2})
        farmers = defaultdict(list)
        for p in self.by['farmer']:
            farmers[p.x['crop']].append(p)
        for _ in range(120):
            home = r.choice(WHOLESALE_HOMES)
            p = self.ext_person('wholesaler', home, {**W_NATION, 'HOME': 3}, opened=(400, 6000))
            crop = r.choice(['vegetable', 'vegetable', 'mango'])
            p.x['farms'] = r.sample(farmers[crop], r.randint(5, 18))
        for _ in range(25):
            p = self.local_person('betel_buyer', r.choice(FARM_REGIONS['betel']), y0=1965, y1=1990, extra=(.5, .1))
            p.x['farms'] = r.sample(farmers['betel'], r.randint(8, 25))
        # fishermen
        for _ in range(90):
            p = self.local_person('boat_owner', r.choice(FISH_REGIONS), y0=1958, y1=1988, extra=(.4, .1),
                                  weights={'HNRCU': 50, 'PSBC': 15, 'ABC': 15, 'CCB': 8, 'ICBC': 7, 'HNB': 5})
            p.x['crew'] = []
        owners = self.by['boat_owner']
        for _ in range(260):
            reg = r.choice(FISH_REGIONS)
            p = self.local_person('crew', reg, y0=1965, y1=2004, extra=(.1, 0),
                                  weights={'HNRCU': 50, 'PSBC': 20, 'ABC': 15, 'CCB': 5, 'TENPAY': 5, 'CMB': 3})
            o = r.choice([q for q in owners if q.live == reg] or owners)
            o.x['crew'].append(p)
        for _ in range(40):
            self.local_person('seafood_buyer', r.choice(FISH_REGIONS + ['460106', '460203']), y0=1965, y1=1992, extra=(.5, .2))
        # students of Hainan University and Hainan Normal University
        nst = 1500
        for _ in range(nst):
            home = r.choice(CHINA) if r.random() < .78 else r.choice(HAIKOU + TOWNS)
            campus = '460108' if r.random() < .8 else '460106'
            p = self.mk_person('student', home, campus, 2000, 2006)
            newp = {'baseline': .06, 'V2': .14, 'V3': .03}[v]
            if r.random() < newp:
                self.mk_acct(p, r.choice(['CCB', 'ICBC', 'HNB', 'BOC']), self.open_at_day(r.randint(0, 14)), campus,
                             'I' if r.random() < .6 else 'II')
            else:
                self.mk_acct(p, r.choice(['CCB', 'CCB', 'ICBC', 'HNB', 'BOC', 'ABC', 'PSBC']),
                             self.open_before(10, 1300), campus, 'I' if r.random() < .7 else 'II')
            if r.random() < .35:
                self.mk_acct(p, self.pick_bank(W_NATION), self.open_old(p, 300, 3000), home)
            p.accts[0].cushion = r.uniform(100, 4000)
            p.x['parent'] = self.ext_person('parent', home, {**W_EXT, 'ICBC': 3, 'CCB': 3, 'ABC': 3, 'PSBC': 3, 'HOME': 2,
                                                             'ALIPAY': 5, 'TENPAY': 5}).main()
        # AA groups and families
        for group_pool, gsize in [(self.by['student'], (3, 6)), (self.by['resident'] + self.by['hotel_staff'], (3, 6))]:
            pool = list(group_pool)
            r.shuffle(pool)
            i = 0
            while i < len(pool):
                k = r.randint(*gsize)
                g = pool[i:i + k]
                for q in g:
                    q.x['friends'] = g
                i += k
        res = list(self.by['resident'])
        r.shuffle(res)
        i = 0
        while i < len(res):
            k = r.randint(2, 5)
            g = res[i:i + k]
            for q in g:
                q.x['family'] = g
            i += k
        # landlords' tenants
        lls = defaultdict(list)
        for p in self.by['landlord']:
            lls[city_of(p.live)].append(p)
        for p in self.by['retiree'] + self.by['resident'] + self.by['hotel_staff']:
            tenant_p = {'retiree': .85, 'resident': .3, 'hotel_staff': .45}[p.ptype]
            if r.random() < tenant_p:
                c = city_of(p.live)
                p.x['landlord'] = r.choice(lls[c] or self.by['landlord'])
                p.x['rent'] = r.uniform(1500, 4500) if p.ptype != 'retiree' else r.uniform(2500, 7000)
        # tourists (mostly at institutions that do not supply data)
        self.tourists = []
        for _ in range(self.P['tourists']):
            home = r.choices(NORTH_HOMES + CHINA, weights=[2] * len(NORTH_HOMES) + [1] * len(CHINA))[0]
            if home[:2] == '46':
                home = '110105'
            p = self.ext_person('tourist', home, {**W_NATION, 'ICBC': 4, 'CCB': 3, 'ABC': 2, 'BOC': 2, 'PSBC': 1,
                                                  'CMB': 14, 'ALIPAY': 8, 'TENPAY': 8})
            self.tourists.append(p)

    # ---- ordinary life ---------------------------------------------------------------------
    def pois(self, lam):
        lam *= self.P['act']
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L, k, q = math.exp(-lam), 0, 1.0
        while True:
            q *= self.rng.random()
            if q < L:
                return k
            k += 1

    def payer(self, p):
        a = p.accts
        if len(a) == 1 or self.rng.random() < .75:
            return a[0]
        return self.rng.choice(a)

    def loc(self, p, day):
        """where the person is on that day (None: not around / not paying)."""
        x = p.x
        if p.ptype == 'retiree':
            return p.live if x['arrive'] <= day < x['leave'] else None
        if 'away' in x and x['away'][0] <= day < x['away'][1]:
            return p.home
        return p.live

    def days_present(self, p):
        return [d for d in range(NDAYS) if self.loc(p, d) == p.live]

    def shop_near(self, region):
        c = city_of(region)
        return self.rng.choice(self.shops[c] or self.shops['haikou'])

    def spend(self, p, lam_shop, lam_merch, days=None, merch=('super', 'fuel', 'hospital', 'telecom')):
        r = self.rng
        days = days if days is not None else self.days_present(p)
        if not days:
            return
        for _ in range(self.pois(lam_shop)):
            d = r.choice(days)
            reg = self.loc(p, d) or p.live
            self.add(self.t_on(d, 'eve'), self.payer(p), self.shop_near(reg), self.fen(6, 320, 'shop'),
                     'mobile', reg)
        for _ in range(self.pois(lam_merch)):
            d = r.choice(days)
            reg = self.loc(p, d) or p.live
            kind = r.choice(merch)
            cands = [a for a in self.corps[kind] if city_of(a.region) == city_of(reg)] or self.corps[kind]
            self.add(self.t_on(d), self.payer(p), r.choice(cands), self.fen(30, 900 if kind != 'hospital' else 4000),
                     r.choice(['pos', 'mobile', 'mobile']), reg)

    def paydays(self, dom):
        return [d for d in range(NDAYS) if self.date_of(d).day == dom]

    def gen_ordinary(self):
        r, v = self.rng, self.variant
        sf = 15 if v == 'V3' else None                     # Spring Festival eve index (2025-01-28)
        # away periods
        for p in self.by['student']:
            if v == 'baseline' and r.random() < .7:
                p.x['away'] = (r.randint(8, 16), NDAYS + 1)
            elif v == 'V3' and r.random() < .85:
                p.x['away'] = (0, NDAYS + 1) if r.random() < .7 else (0, r.randint(22, 29))
        if v == 'V3':
            for p in self.by['migrant'] + self.by['hotel_staff'][:150]:
                if r.random() < .7:
                    p.x['away'] = (r.randint(6, 14), NDAYS + 1)
        # payroll
        emp = defaultdict(list)
        for p in self.by['resident'] + self.by['hotel_staff'] + self.by['migrant']:
            e = p.x.get('employer')
            if e is not None:
                emp[e].append(p)
        for corp, staff in emp.items():
            dom = r.choice([5, 10, 10, 15, 15, 20, 25, 28])
            for d in self.paydays(dom):
                for p in staff:
                    amt = p.x['salary'] * r.uniform(.9, 1.15)
                    if v == 'V3' and d < sf:
                        amt *= r.uniform(1.5, 3.0)        # year-end bonus / wage settlement
                    if p.ptype == 'migrant' and v == 'V3':
                        amt += r.uniform(8000, 30000)
                    acc = p.x.get('payroll', p.main())
                    self.add(self.t_on(d, 'work'), corp, acc, int(amt * 100), 'other', corp.region, memo=r.choice(['工资', '代发工资', '']))
        for f in self.by['foreman']:
            crew = f.x['crew']
            days = [r.randint(2, 9)] if v == 'V3' else self.paydays(r.choice([10, 15, 20, 25]))
            for d in days:
                wages = [c.x['salary'] * r.uniform(.8, 1.2) * (r.uniform(2.5, 5) if v == 'V3' else 1) for c in crew]
                t0 = self.t_on(max(0, d - 1), 'work')
                self.add(t0, f.x['employer'], f.main(), int(sum(wages) * r.uniform(1.08, 1.2) * 100), 'online', f.x['employer'].region, memo='劳务费')
                for c, w in zip(crew, wages):
                    self.add(t0 + r.randint(2 * HOUR, 30 * HOUR), self.payer(f), c.x['payroll'], int(w) * 100, 'mobile', f.live, memo=r.choice(['工资', '', '工钱']))
        # residents, staff, shop owners, landlords...
        for p in self.by['resident'] + self.by['hotel_staff']:
            self.spend(p, 8.5, 3)
            if r.random() < .8:
                d = r.randrange(NDAYS)
                self.add(self.t_on(d), self.payer(p), r.choice(self.corps['utility']), self.fen(60, 450), 'mobile', p.live, memo=r.choice(['电费', '水费', '']))
            if len(p.accts) > 1 and r.random() < .35:
                a, b = r.sample(p.accts, 2)
                self.add(self.t_any(), a, b, self.fen(500, 20000, 'round'), 'mobile', p.live)
            if r.random() < .3:
                d = r.randrange(NDAYS)
                self.add(self.t_on(d), self.payer(p), None, self.fen(300, 3000, 'round'), 'atm', self.loc(p, d) or p.live, 'withdrawal')
            for _ in range(self.pois(.9)):
                fam = p.x.get('family') or [p]
                q = r.choice(fam)
                if q is not p:
                    self.add(self.t_any(), self.payer(p), self.payer(q), self.fen(100, 5000, 'round'), 'mobile', p.live,
                             memo=r.choice(['', '', '生活费', '还你', '转账']))
            if 'home_fam' in p.x:
                for _ in range(self.pois(.9)):
                    self.add(self.t_any(), self.payer(p), p.x['home_fam'], self.fen(800, 4000, 'round'), 'mobile', p.live)
        for p in self.by['migrant']:
            days = self.days_present(p)
            self.spend(p, 5, .8, days, ('super', 'telecom', 'fuel'))
            for _ in range(self.pois(1.3)):
                amt = self.fen(800, 5000, 'round')
                if v == 'V3':
                    amt = self.fen(3000, 30000, 'round')
                self.add(self.t_any(), self.payer(p), p.x['home_fam'], amt, 'mobile', p.live, memo=r.choice(['', '家用', '']))
            if r.random() < .5:
                self.add(self.t_on(r.randrange(NDAYS)), p.x['payroll'], None, self.fen(300, 3000, 'round'), 'atm', p.live, 'withdrawal')
            if len(p.accts) > 1 and r.random() < .3:
                self.add(self.t_any(), p.x['payroll'], p.accts[1], self.fen(1000, 8000, 'round'), 'mobile', p.live)
            if 'away' in p.x:
                d = max(0, p.x['away'][0] - r.randint(1, 6))
                self.add(self.t_on(d), self.payer(p), r.choice(self.corps['rail'] + self.corps['airline']), self.fen(300, 1800), 'mobile', p.live)
        for p in self.by['shop']:
            self.spend(p, 2, 1.5)
            for _ in range(self.pois(4)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), self.payer(p), r.choice(p.x['suppliers']),
                         self.fen(1000, 30000, 'round'), r.choice(['mobile', 'online']), p.live, memo=r.choice(['货款', '进货', '']))
            for _ in range(self.pois(2)):
                self.add(self.t_on(r.randrange(NDAYS), 'eve'), None, p.main(), self.fen(500, 8000, 'round'), 'atm', p.live, 'deposit')
            if len(p.accts) > 1:
                for _ in range(self.pois(1.5)):
                    self.add(self.t_any(), p.main(), p.accts[1], self.fen(2000, 30000, 'round'), 'mobile', p.live)
        for p in self.by['landlord'] + self.by['homestay']:
            self.spend(p, 3, 1.5)
            for _ in range(self.pois(1)):
                self.add(self.t_any(), self.payer(p), r.choice(self.corps['property']), self.fen(300, 3000), 'mobile', p.live, memo='物业费')
            if len(p.accts) > 1:
                for _ in range(self.pois(1.5)):
                    a, b = r.sample(p.accts, 2)
                    self.add(self.t_any(), a, b, self.fen(3000, 60000, 'round'), 'mobile', p.live)
        for p in self.by['homestay']:
            staff = r.sample(self.by['picker'] + self.by['resident'], r.randint(1, 3))
            for q in staff:
                for d in self.paydays(r.choice([1, 10, 15, 30])) or [r.randrange(NDAYS)]:
                    self.add(self.t_on(d), self.payer(p), self.payer(q), self.fen(2500, 4500, 'round'), 'mobile', p.live, memo='工资')
        # rent
        for p in self.by['retiree'] + self.by['resident'] + self.by['hotel_staff']:
            ll = p.x.get('landlord')
            if ll is None:
                continue
            if p.ptype == 'retiree':
                arr = p.x['arrive']
                src = p.x.get('local') or self.payer(p)
                if arr >= 0:
                    t = self.t_on(arr)
                    self.add(t, src, self.payer(ll), int(p.x['rent'] * r.choice([3, 4, 5]) * 100) + self.fen(1000, 3000, 'round'),
                             'mobile', p.live, memo=r.choice(['房租', '租金', '房租押金', '']))
                elif r.random() < .45:
                    d = self.paydays(r.randint(1, 10))
                    if d:
                        self.add(self.t_on(d[0]), src, self.payer(ll), int(p.x['rent'] * 100), 'mobile', p.live, memo=r.choice(['房租', '']))
                if p.x['leave'] < NDAYS and r.random() < .7:    # deposit refund when leaving
                    self.add(self.t_on(p.x['leave']), self.payer(ll), src, self.fen(1000, 5000, 'round'), 'mobile', ll.live, memo='退押金')
            else:
                for d in self.paydays(r.randint(1, 10)):
                    self.add(self.t_on(d), self.payer(p), self.payer(ll), int(p.x['rent']) * 100, 'mobile', p.live, memo=r.choice(['房租', '', '租金']))
        # retirees
        for p in self.by['retiree']:
            days = self.days_present(p)
            loc_acc = p.x.get('local')
            if loc_acc is not None and (loc_acc.opened >= 0 or r.random() < .4):
                t = loc_acc.opened + r.randint(10 * MIN, 3 * DAY) if loc_acc.opened >= 0 else self.t_any()
                self.add(t, p.accts[0], loc_acc, self.fen(20000, 120000, 'round'), 'mobile', p.live)
            pay_from = [loc_acc] * 2 + p.accts if loc_acc is not None else p.accts
            for _ in range(self.pois(11)):
                if not days:
                    break
                d = r.choice(days)
                self.add(self.t_on(d, 'early'), r.choice(pay_from), self.shop_near(p.live), self.fen(5, 260, 'shop'), 'mobile', p.live)
            for _ in range(self.pois(1.5)):
                if not days:
                    break
                kind = r.choice(['super', 'super', 'hospital', 'dutyfree'])
                cands = [a for a in self.corps[kind] if city_of(a.region) == city_of(p.live)] or self.corps[kind]
                self.add(self.t_on(r.choice(days)), r.choice(pay_from), r.choice(cands),
                         self.fen(50, 6000 if kind != 'super' else 800), r.choice(['pos', 'mobile']), p.live)
            for _ in range(self.pois(.9)):
                if not days:
                    break
                self.add(self.t_on(r.choice(days), 'work'), p.accts[0], None, self.fen(500, 3000, 'round'), 'atm', p.live, 'withdrawal')
            pen = p.x['pension']
            if pen is not None:
                for d in self.paydays(r.choice([5, 10, 15, 20])):
                    self.add(self.t_on(d, 'early'), pen, p.accts[0], self.fen(2800, 6500), 'other', pen.region, memo='养老金')
            for kid in p.x['kids']:
                for _ in range(self.pois(1.0 if v != 'V3' else 1.8)):
                    amt = self.fen(500, 6000, 'round') if v != 'V3' else self.fen(2000, 20000, 'round')
                    self.add(self.t_any(), kid, r.choice(p.accts), amt, 'mobile', kid.region, memo=r.choice(['', '生活费', '爸妈过年', '']))
            if p.x['leave'] < NDAYS:
                self.add(self.t_on(max(0, p.x['leave'] - r.randint(2, 10))), r.choice(pay_from), r.choice(self.corps['airline']),
                         self.fen(900, 4000), 'mobile', p.live)
        # students
        univ = self.corps['univ']
        for p in self.by['student']:
            days = self.days_present(p)
            for _ in range(self.pois(len(days) * .6)):
                self.add(self.t_on(r.choice(days), 'day'), self.payer(p), univ[0] if p.live == '460108' else univ[1],
                         self.fen(6, 35, 'shop'), 'mobile', p.live, memo='')
            self.spend(p, 3 * len(days) / NDAYS + .5, .5, days or [0], ('super', 'telecom', 'ecom'))
            for d in self.paydays(r.randint(1, 5)) or [r.randrange(NDAYS)]:
                amt = self.fen(1000, 3500, 'round') if v != 'V3' else self.fen(2000, 8000, 'round')
                self.add(self.t_on(d), p.x['parent'], p.main(), amt, 'mobile', p.x['parent'].region, memo=r.choice(['生活费', '', '']))
            if r.random() < .12:
                q = r.choice(self.by['shop'] + self.by['homestay'])
                self.add(self.t_any(), self.payer(q), p.main(), self.fen(300, 2000, 'round'), 'mobile', q.live, memo='兼职')
        for grp_owner in self.by['student'] + self.by['resident'] + self.by['hotel_staff']:
            g = grp_owner.x.get('friends')
            if not g or g[0] is not grp_owner:
                continue
            lam = 2.0 if grp_owner.ptype == 'student' else .6
            for _ in range(self.pois(lam)):
                pres = [q for q in g]
                pay = r.choice(pres)
                d = r.randrange(NDAYS)
                t = self.t_on(d, 'eve')
                total = self.fen(80, 900, 'cents')
                self.add(t, self.payer(pay), self.shop_near(pay.live), total, 'mobile', pay.live)
                share = max(1, total // len(pres))
                for q in pres:
                    if q is not pay and r.random() < .9:
                        self.add(t + r.randint(5 * MIN, 20 * HOUR), self.payer(q), self.payer(pay), share, 'mobile', q.live,
                                 memo=r.choice(['AA', 'AA', '饭钱', '']))
        self.gen_tourism()
        self.gen_agri_fish()
        self.gen_big_payments()
        self.gen_corporate()
        if v == 'V3':
            self.gen_festival()

    def gen_tourism(self):
        r, v = self.rng, self.variant
        hotels = defaultdict(list)
        for a in self.corps['hotel']:
            hotels[city_of(a.region)].append(a)
        df = defaultdict(list)
        for a in self.corps['dutyfree']:
            df[city_of(a.region)].append(a)
        homestays = [p for p in self.by['homestay']]
        agencies = self.corps['agency']
        groups = defaultdict(list)
        for tp in self.tourists:
            acc = tp.main()
            if v == 'V3':
                arr = int(min(NDAYS - 2, max(-3, r.gauss(16, 6))))
            else:
                arr = r.randint(-4, NDAYS - 2)
            stay = r.randint(3, 9)
            city = 'sanya' if r.random() < .68 else 'haikou'
            reg = r.choice(SANYA[:3]) if city == 'sanya' else r.choice(HAIKOU)
            days = [d for d in range(max(0, arr), min(NDAYS, arr + stay))]
            if not days:
                continue
            if r.random() < .45:
                h = r.choice(hotels[city])
                self.add(self.t_on(days[0]), acc, h, self.fen(600, 9000), r.choice(['pos', 'mobile']), reg)
                if r.random() < .3:
                    self.add(self.t_on(days[-1]), acc, h, self.fen(100, 2500), 'pos', reg)
            elif r.random() < .4 and homestays:
                hs = r.choice([q for q in homestays if city_of(q.live) == city] or homestays)
                self.add(self.t_on(max(0, arr - r.randint(0, 10)), 'eve'), acc, hs.main(), self.fen(300, 3500, 'yuan'), 'mobile', tp.home, memo=r.choice(['', '房费', '定金']))
            for _ in range(self.pois(4)):
                d = r.choice(days)
                self.add(self.t_on(d, 'eve'), acc, self.shop_near(reg), self.fen(15, 900, 'shop'), 'mobile', reg)
            pdf = {'baseline': .4, 'V2': .3, 'V3': .6}[v]
            if r.random() < pdf:
                for _ in range(1 + self.pois(.7)):
                    self.add(self.t_on(r.choice(days)), acc, r.choice(df[city]), self.fen(800, 30000), r.choice(['pos', 'pos', 'mobile']), reg)
            if r.random() < .12:
                self.add(self.t_on(days[0]), acc, r.choice(self.corps['carrental']), self.fen(400, 4000), 'mobile', reg, memo='租车')
            if r.random() < .25:
                ag = r.choice(agencies)
                groups[ag].append((tp, arr))
        # tour groups: deposit some weeks before, balance a few days before the trip
        for ag, members in groups.items():
            for tp, arr in members:
                dep_day = arr - r.randint(7, 25)
                bal_day = arr - r.randint(1, 4)
                if dep_day >= 0:
                    self.add(self.t_on(dep_day), tp.main(), ag, self.fen(300, 2000, 'round'), 'mobile', tp.home, memo=r.choice(['定金', '团费定金', '']))
                if bal_day >= 0:
                    self.add(self.t_on(bal_day), tp.main(), ag, self.fen(1500, 9000, 'yuan'), 'mobile', tp.home, memo=r.choice(['尾款', '团费', '']))
            # agency pays hotels, buses and guides
            for _ in range(self.pois(6)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), ag, r.choice(self.corps['hotel'] + self.corps['bus']),
                         self.fen(5000, 120000, 'yuan'), 'online', ag.region, memo=r.choice(['团款', '房费', '车费']))
            for _ in range(self.pois(3)):
                g = r.choice(self.by['resident'])
                self.add(self.t_on(r.randrange(NDAYS)), ag, g.main(), self.fen(800, 6000, 'yuan'), 'online', ag.region, memo='导游费')
        # online travel agency settles hotels in batches
        ota = self.corps['ota'][0]
        for h in self.corps['hotel']:
            for d in range(r.randint(0, 6), NDAYS, 7):
                self.add(self.t_on(d, 'work'), ota, h, self.fen(20000, 600000), 'other', ota.region, memo='结算')

    def gen_agri_fish(self):
        r, v = self.rng, self.variant
        quiet = set(range(13, 21)) if v == 'V3' else set()
        for w in self.by['wholesaler']:
            acc = w.main()
            for f in w.x['farms']:
                for _ in range(r.randint(1, 6) if v != 'V2' else r.randint(1, 4)):
                    d = r.randrange(NDAYS)
                    if d in quiet:
                        continue
                    reg = f.live if r.random() < .5 else w.home
                    memo = '芒果款' if f.x['crop'] == 'mango' else r.choice(['菜款', '货款', '', '菜款'])
                    self.add(self.t_on(d), acc, f.main(), self.fen(3000, 90000, 'yuan'), r.choice(['online', 'mobile']), reg, memo=memo)
        for b in self.by['betel_buyer']:
            for f in b.x['farms']:
                for _ in range(self.pois(2.5)):
                    self.add(self.t_on(r.randrange(NDAYS), 'early'), self.payer(b), f.main(), self.fen(1500, 40000, 'yuan'), 'mobile', f.live, memo=r.choice(['槟榔款', '果款', '']))
            for _ in range(self.pois(3)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), r.choice(self.corps['betel_proc']), b.main(), self.fen(50000, 500000, 'yuan'), 'online', b.live, memo='货款')
        pickers = defaultdict(list)
        for q in self.by['picker']:
            pickers[q.live].append(q)
        for f in self.by['farmer']:
            crop = f.x['crop']
            if crop == 'rubber':
                if r.random() < .3:
                    for d in self.paydays(20):
                        self.add(self.t_on(d, 'work'), r.choice(self.corps['rubber']), f.main(), self.fen(1500, 9000), 'other', f.live, memo='胶款')
            else:
                pool = pickers.get(f.live) or self.by['picker']
                crew = r.sample(pool, min(len(pool), r.randint(1, 6)))
                for q in crew:
                    for _ in range(self.pois(1.3)):
                        self.add(self.t_on(r.randrange(NDAYS), 'eve'), self.payer(f), self.payer(q), self.fen(300, 3000, 'yuan'), 'mobile', f.live, memo=r.choice(['工钱', '', '']))
            for _ in range(self.pois(1.2)):
                inp = [a for a in self.corps['agri_input'] if a.region == f.live] or self.corps['agri_input']
                self.add(self.t_on(r.randrange(NDAYS), 'work'), self.payer(f), r.choice(inp), self.fen(300, 12000), 'mobile', f.live, memo=r.choice(['化肥', '农药', '']))
            self.spend(f, 2.5, .5)
            if r.random() < .35:
                self.add(self.t_on(r.randrange(NDAYS)), self.payer(f), None, self.fen(500, 5000, 'round'), 'atm', f.live, 'withdrawal')
        for q in self.by['picker']:
            self.spend(q, 2, .3)
        buyers = [p.main() for p in self.by['seafood_buyer']] + self.corps['seafood_co']
        for o in self.by['boat_owner']:
            trips = r.randint(1, 3)
            for k in range(trips):
                d = r.randrange(NDAYS)
                for _ in range(r.randint(1, 4)):
                    self.add(self.t_on(d, 'early'), r.choice(buyers), o.main(), self.fen(5000, 150000, 'yuan'), r.choice(['mobile', 'online']), o.live, memo=r.choice(['鱼款', '海产款', '']))
                dd = min(NDAYS - 1, d + r.randint(0, 2))
                for c in o.x['crew']:
                    self.add(self.t_on(dd, 'eve'), self.payer(o), self.payer(c), self.fen(2000, 12000, 'round'), 'mobile', o.live, memo=r.choice(['工资', '分红', '']))
                self.add(self.t_on(max(0, d - r.randint(1, 5)), 'work'), self.payer(o), r.choice(self.corps['fuel']), self.fen(8000, 90000), 'online', o.live, memo='油款')
            if r.random() < .3:
                self.add(self.t_on(r.randrange(NDAYS), 'work'), r.choice(self.corps['gov']), o.main(), self.fen(10000, 80000), 'other', '460106', memo='燃油补贴')
            self.spend(o, 3, 1)
        for c in self.by['crew']:
            self.spend(c, 3, .5)
        for b in self.by['seafood_buyer']:
            for _ in range(self.pois(3)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), r.choice(self.corps['seafood_co'] + self.corps['hotel']), b.main(),
                         self.fen(5000, 200000, 'yuan'), 'online', b.live, memo='货款')

    def gen_big_payments(self):
        """hard negatives: new account, money pooled from family or own accounts, large first payment."""
        r, v = self.rng, self.variant
        n = {'baseline': 60, 'V2': 55, 'V3': 90}[v]
        for _ in range(n):
            base = r.choice(self.by['resident'] + self.by['hotel_staff'] + self.by['landlord'])
            d_open = r.randint(0, NDAYS - 5)
            bank = r.choice(['HNB', 'ICBC', 'CCB', 'ABC', 'BOC', 'HNRCU'])
            acc = base.x.get('newacc') or self.mk_acct(base, bank, self.open_at_day(d_open), base.live)
            base.x['newacc'] = acc
            t = max(acc.opened + r.randint(20 * MIN, 2 * HOUR), 0)
            total = 0
            senders = [a for a in base.accts if a is not acc]
            fam = [q for q in (base.x.get('family') or []) if q is not base]
            for s in senders:
                f = self.fen(10000, 150000, 'round')
                self.add(t, s, acc, f, 'mobile', base.live)
                total += f
                t += r.randint(5 * MIN, 8 * HOUR)
            for q in fam[:r.randint(0, 3)]:
                f = self.fen(10000, 200000, 'round')
                self.add(t, self.payer(q), acc, f, 'mobile', q.live, memo=r.choice(['', '买房', '支持', '']))
                total += f
                t += r.randint(5 * MIN, 20 * HOUR)
            for _k in range(r.randint(0, 2)):
                kid = self.ext_person('family_home', r.choice(CHINA)).main()
                f = self.fen(20000, 200000, 'round')
                self.add(t, kid, acc, f, 'mobile', kid.region)
                total += f
                t += r.randint(5 * MIN, 20 * HOUR)
            if total == 0:
                f = self.fen(30000, 200000, 'round')
                self.add(t, None, acc, f, 'counter', acc.region, 'deposit')
                total = f
            kind = r.choice(['developer', 'cardealer'])
            pay = int(total * r.uniform(.8, 1.0)) // 10000 * 10000
            self.add(t + r.randint(30 * MIN, 3 * DAY), acc, r.choice(self.corps[kind]), max(pay, 100000), r.choice(['online', 'counter']),
                     acc.region, memo='购车款' if kind == 'cardealer' else r.choice(['定金', '首付', '购房款']))

    def gen_corporate(self):
        r = self.rng
        sup = self.corps['supplier']
        for kind, lam in [('hotel', 8), ('super', 12), ('dutyfree', 20), ('fuel', 3), ('hospital', 5), ('developer', 3),
                          ('cardealer', 3), ('property', 2), ('seafood_co', 4), ('agri_input', 3), ('univ', 6), ('carrental', 2)]:
            for a in self.corps[kind]:
                for _ in range(self.pois(lam)):
                    self.add(self.t_on(r.randrange(NDAYS), 'work'), a, r.choice(sup), self.fen(5000, 800000), 'online', a.region, memo=r.choice(['货款', '采购款', '服务费', '']))
        for a in self.corps['developer']:
            for _ in range(self.pois(2)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), a, r.choice(self.corps['construction']), self.fen(500000, 8000000, 'yuan'), 'online', a.region, memo='工程款')
        for a in self.corps['construction']:
            for _ in range(self.pois(3)):
                self.add(self.t_on(r.randrange(NDAYS), 'work'), a, r.choice(sup), self.fen(20000, 900000), 'online', a.region, memo='材料款')
        for a in self.corps['property']:
            for _ in range(self.pois(4)):
                q = r.choice(self.by['resident'])
                self.add(self.t_any(), self.payer(q), a, self.fen(150, 1500), 'mobile', q.live, memo='物业费')
        for s in sup:
            if s.bank in SUPPLY:
                for _ in range(self.pois(2)):
                    self.add(self.t_on(r.randrange(NDAYS), 'work'), s, r.choice(sup), self.fen(5000, 300000), 'online', s.region, memo='货款')

    def gen_festival(self):
        """V3: Spring Festival 2025 (eve = window day 14, 2025-01-28): red packets, family transfers."""
        r = self.rng
        eve = 14
        pack = [666, 888, 6600, 6666, 8800, 8888, 16800, 18800, 20000, 52000, 66600, 88800, 100000]
        people = self.by['resident'] + self.by['hotel_staff'] + self.by['student'] + self.by['retiree'] + self.by['landlord'] + self.by['shop']
        for p in people:
            circle = [q for q in (p.x.get('family') or []) + (p.x.get('friends') or []) if q is not p]
            for _ in range(self.pois(1.5)):
                d = eve + r.choice([-1, 0, 0, 0, 1, 1, 2, 3])
                if circle and r.random() < .7:
                    to = self.payer(r.choice(circle))
                elif p.ptype == 'retiree':
                    to = r.choice(p.x['kids'])
                elif p.ptype == 'student':
                    to = p.x['parent']
                else:
                    to = self.payer(r.choice(self.by['resident']))
                self.add(self.t_on(d, 'eve'), self.payer(p), to, r.choice(pack), 'mobile', self.loc(p, d) or p.live, memo=r.choice(['红包', '新年快乐', '', '压岁钱']))
        for p in self.by['shop'] + self.by['landlord'] + self.by['boat_owner'] + self.by['foreman']:
            staff = p.x.get('crew') or r.sample(self.by['resident'] + self.by['picker'], r.randint(3, 12))
            d = eve - r.randint(1, 6)
            for q in staff:
                self.add(self.t_on(d, 'eve'), self.payer(p), self.payer(q), r.choice([20000, 50000, 60000, 88800, 100000]), 'mobile', p.live, memo='红包')
        for p in self.by['resident'] + self.by['hotel_staff']:
            if r.random() < .25:
                fam = [q for q in (p.x.get('family') or []) if q is not p]
                if fam:
                    q = r.choice(fam)
                    self.add(self.t_on(eve + r.randint(-5, 3)), self.payer(p), self.payer(q), self.fen(2000, 50000, 'round'), 'mobile', p.live, memo=r.choice(['过年', '孝敬爸妈', '']))
            if r.random() < .3:
                kind = r.choice(['dutyfree', 'super', 'super'])
                self.add(self.t_on(eve + r.randint(-10, 5)), self.payer(p), r.choice(self.corps[kind]), self.fen(300, 12000), 'pos', p.live)

    # ---- fraud -----------------------------------------------------------------------------
    TYPOLOGY = {  # id: (weight baseline, weight V2, amount range yuan, gap range seconds, channel bias)
        'brushing': (16, 18, (200, 30000), (8 * MIN, 4 * HOUR)),
        'ecommerce_cs': (14, 6, (2000, 60000), (3 * MIN, 50 * MIN)),
        'investment': (12, 26, (10000, 400000), (6 * HOUR, 5 * DAY)),
        'loan_card': (10, 8, (800, 20000), (20 * MIN, 2 * DAY)),
        'credit_record': (6, 4, (5000, 90000), (10 * MIN, 3 * HOUR)),
        'police_gov': (7, 8, (30000, 800000), (30 * MIN, 2 * DAY)),
        'leader_acquaintance': (7, 4, (10000, 200000), (10 * MIN, 3 * HOUR)),
        'romance': (5, 16, (2000, 200000), (12 * HOUR, 6 * DAY)),
        'game_trade': (6, 2, (200, 8000), (10 * MIN, 6 * HOUR)),
        'shopping_service': (8, 3, (100, 6000), (10 * MIN, 1 * DAY)),
        'fake_job': (4, 2, (100, 3000), (20 * MIN, 1 * DAY)),
        'accident_kidnap': (3, 1, (5000, 60000), (10 * MIN, 2 * HOUR)),
        'subsidy_refund': (2, 2, (2000, 30000), (10 * MIN, 2 * HOUR)),
    }

    def delay(self, slow):
        r = self.rng
        if slow:
            return int(math.exp(r.uniform(math.log(40 * MIN), math.log(60 * HOUR))))
        return int(math.exp(r.uniform(math.log(90), math.log(45 * MIN))))

    def gen_card_farmers(self):
        r = self.rng
        cards = []
        for _ in range(self.P['farmers']):
            home = r.choice(FARMER_HOMES)
            p = self.mk_person('card_farmer', home, home, 1980, 2003)
            inside = r.random() < .5
            s = r.randint(-4, 12) if inside else r.randint(-85, -18)
            span = r.randint(4, 16)
            cities = r.sample([c for c in OPEN_CITIES if c[:2] != home[:2]], r.randint(2, 4))
            ncards = r.randint(7, 16)
            used = defaultdict(set)
            for k in range(ncards):
                city = cities[k * len(cities) // ncards]
                day = min(NDAYS - 3, s + int(span * k / ncards) + r.randint(0, 1))
                banks = [b for b in SUPPLY * 3 + ['CMB', 'BOCOM', 'CIB', 'PAB', 'CITIC', 'CEB', 'SPDB'] if b not in used[city]]
                b = r.choice(banks)
                used[city].add(b)
                a = self.mk_acct(p, b, self.open_at_day(day), city, 'I' if r.random() < .55 else 'II')
                a.farmer = True
                a.role, a.arch = 'farmed', 'farmer_card_unused'
                cards.append(a)
            p.x['labelled'] = r.random() < .55
            if p.x['labelled']:
                self.labels_holder.append(p.hid)
        return cards

    def gen_fraud(self):
        r, v, P = self.rng, self.variant, self.P
        fcards = self.gen_card_farmers()
        # rings
        rings = []
        for i in range(P['rings']):
            rs = r.randint(-6, 18)
            ring = {'rs': max(-6, rs), 're': min(NDAYS + 2, rs + r.randint(10, 34)), 'slow': r.random() < P['slow'],
                    'levels': [[], [], []], 'cash': r.sample(CASHOUT, 3), 'atm_share': r.uniform(.2, .7),
                    'exits': [], 'controller': self.ext_person('controller', r.choice(CASHOUT), W_EXT).main()}
            ring['controller'].role, ring['controller'].arch = 'fraud_exit', 'ring_controller'
            for _ in range(r.randint(2, 4)):
                e = self.ext_person('otc', r.choice(['440300', '350500', '445200', '441900', '530100']),
                                    {'ALIPAY': 3, 'TENPAY': 3, 'CMB': 2, 'CIB': 1, 'PAB': 1, 'CITIC': 1}).main()
                e.role, e.arch = 'fraud_exit', 'otc_exit'
                ring['exits'].append(e)
            rings.append(ring)
        self.rings = rings
        lvl_w = {'fresh': (.6, .3, .1), 'weeks': (.3, .4, .3), 'rented': (.5, .35, .15), 'sold': (.35, .4, .25),
                 'paofen': (.65, .35, 0), 'farmer': (.45, .35, .2)}
        dur = {'fresh': (1, 5), 'weeks': (2, 8), 'rented': (3, 10), 'sold': (4, 20), 'paofen': (5, 25), 'farmer': (1, 6)}
        # plan of mules: (kind, ring, level, use start seconds, use end seconds)
        r.shuffle(fcards)
        n_far = int(len(fcards) * r.uniform(.72, .88))
        plan = [('farmer', c) for c in fcards[:n_far]]
        rest = P['mules'] - n_far
        mix = dict(P['mix'])
        kinds = list(mix)
        for k in kinds:
            n = int(round(P['mules'] * mix[k]))
            if k in ('fresh', 'weeks'):
                n = max(3, n - n_far // 2)
            plan += [(k, None)] * n
        # candidates for rented/sold/paofen among ordinary persons
        old_pool = [p for t in ('resident', 'hotel_staff', 'migrant', 'picker', 'crew', 'student', 'shop', 'farmer')
                    for p in self.by[t]]
        r.shuffle(old_pool)
        taken = set()
        mules = []
        for kind, card in plan:
            ring = r.choice(rings)
            lvl = r.choices([0, 1, 2], weights=lvl_w[kind])[0]
            us = r.uniform(ring['rs'], max(ring['rs'] + 1, ring['re'] - 1)) * DAY
            ue = us + r.uniform(*dur[kind]) * DAY * (1.6 if lvl else 1)
            if kind == 'farmer':
                a = card
                if us < a.opened + 2 * HOUR:
                    us = a.opened + r.uniform(2 * HOUR, 6 * DAY)
                    ue = us + r.uniform(*dur[kind]) * DAY
                gap = (us - a.opened) / DAY
                a.role, a.arch = 'mule', 'farmer_fresh' if gap <= 14 else 'farmer_weeks'
            elif kind in ('fresh', 'weeks'):
                home = r.choice(CHINA + MIGRANT_HOMES + HAIKOU)
                p = self.mk_person('mule_holder', home, home, 1983, 2005)
                gap = r.uniform(.2, 5) if kind == 'fresh' else r.uniform(14, 100)
                bank = self.pick_bank({**{b: 10 for b in SUPPLY}, 'CMB': 6, 'CIB': 3, 'PAB': 3, 'ALIPAY': 2, 'TENPAY': 2})
                reg = home if r.random() < .6 else r.choice(HAIKOU + SANYA)
                day = int(math.floor((us - gap * DAY) / DAY))
                a = self.mk_acct(p, bank, self.open_at_day(day), reg, 'I' if r.random() < .6 else 'II')
                if a.opened > us - HOUR:
                    us = a.opened + r.uniform(1, 20) * HOUR
                a.role, a.arch = 'mule', 'fresh_card' if kind == 'fresh' else 'weeks_dormant'
                a.cushion = r.uniform(0, 50)
            else:
                a = None
                while old_pool:
                    p = old_pool.pop()
                    if p.hid in taken:
                        continue
                    if kind == 'paofen' and p.ptype not in ('student', 'hotel_staff', 'migrant', 'resident', 'picker'):
                        continue
                    olds = [x for x in p.accts if x.opened < -200 * DAY and (x.bank in SUPPLY or r.random() < .25)]
                    if kind == 'paofen':
                        olds = [x for x in p.accts if x.bank in SUPPLY and x.opened < us - 3 * DAY]
                    if not olds:
                        continue
                    taken.add(p.hid)
                    a = r.choice(olds)
                    break
                if a is None:
                    continue
                if kind == 'paofen':
                    a.role, a.arch = 'paofen', 'paofen_' + ('student' if p.ptype == 'student' else 'worker')
                    lvl = min(lvl, 1)
                elif kind == 'rented':
                    ret = r.random() < .5
                    a.role, a.arch = 'mule', 'rented_returned' if ret else 'rented_kept'
                    a.person.x.setdefault('ret', {})[a.id] = ret
                else:
                    a.role, a.arch = 'mule', 'sold_old_account'
                    a.person.x.setdefault('sale', {})[a.id] = us - r.uniform(1, 45) * DAY
            us = max(us, 0)
            ue = max(ue, us + DAY)
            ring['levels'][lvl].append(a)
            mules.append((a, ring, lvl, us, ue, kind))
        self.mules = mules
        self.use = {a.id: (us, ue) for a, ring, lvl, us, ue, kind in mules}
        self.level = {a.id: lvl for a, ring, lvl, us, ue, kind in mules}
        for ring in rings:                       # every ring needs a first and a second level
            L = ring['levels']
            for k in (0, 1):
                if not L[k]:
                    src = L[2] if L[2] else L[1 - k]
                    if len(src) > 1:
                        a = src.pop()
                        L[k].append(a)
                        self.level[a.id] = k
            if not L[0] or not L[1]:
                a = self.mk_fresh_for(ring)
                L[0 if not L[0] else 1].append(a)
        self.gen_victims()
        self.gen_layering()

    def mk_fresh_for(self, ring):
        r = self.rng
        home = r.choice(CHINA + MIGRANT_HOMES)
        p = self.mk_person('mule_holder', home, home, 1983, 2005)
        us = max(0.0, r.uniform(ring['rs'], ring['re']) * DAY)
        a = self.mk_acct(p, r.choice(SUPPLY), self.open_at_day(int(us // DAY) - r.randint(1, 4)), home)
        a.role, a.arch, a.cushion = 'mule', 'fresh_card', r.uniform(0, 30)
        self.use[a.id] = (us, us + r.uniform(2, 8) * DAY)
        self.level[a.id] = 0
        self.mules.append((a, ring, 0, us, self.use[a.id][1], 'fresh'))
        return a

    def pick_acct(self, accts, t, margin=HOUR):
        ok = [a for a in accts if a.opened < t - margin]
        cands = [a for a in ok if self.use[a.id][0] <= t <= self.use[a.id][1]]
        if not cands:
            if not ok:
                return None
            ok.sort(key=lambda a: min(abs(t - self.use[a.id][0]), abs(t - self.use[a.id][1])))
            cands = ok[:2]
        return self.rng.choice(cands)

    def give_life(self, acc):
        """a little ordinary history for an out-of-island victim whose bank supplies data."""
        r = self.rng
        emp = self.ext_corp(acc.region)
        for d in self.paydays(r.choice([5, 10, 15, 25])):
            self.add(self.t_on(d, 'work'), emp, acc, self.fen(3000, 15000), 'other', acc.region, memo='工资')
        for _ in range(self.pois(3)):
            self.add(self.t_any(), acc, r.choice(self.corps['ecom'] + self.corps['telecom'] + self.corps['ota']),
                     self.fen(20, 1500), 'mobile', acc.region)
        if r.random() < .4:
            self.add(self.t_any(), acc, None, self.fen(300, 3000, 'round'), 'atm', acc.region, 'withdrawal')

    def ext_corp(self, region):
        if not hasattr(self, '_extc'):
            self._extc = {}
        if region not in self._extc:
            self._extc[region] = self.mk_corp('employer_ext', region, self.pick_bank(W_EXT)).main()
        return self._extc[region]

    def gen_victims(self):
        r, v, P = self.rng, self.variant, self.P
        names = list(self.TYPOLOGY)
        wi = 1 if v == 'V2' else 0
        weights = [self.TYPOLOGY[n][wi] for n in names]
        self.inflow = defaultdict(list)
        self.victim_rows = []
        elder = ('police_gov', 'investment', 'romance', 'subsidy_refund', 'accident_kidnap', 'leader_acquaintance')
        used_local = set()
        for i in range(P['victims']):
            typ = r.choices(names, weights=weights)[0]
            _, _, (lo, hi), (glo, ghi) = self.TYPOLOGY[typ]
            acc = None
            t = self.t_any(0, NDAYS - 1, 'day')
            if r.random() < .22:
                pool = self.by['retiree'] + self.by['resident'] if typ in elder else \
                    self.by['student'] + self.by['resident'] + self.by['hotel_staff'] + self.by['migrant']
                for _k in range(20):
                    p = r.choice(pool)
                    if p.hid in used_local:
                        continue
                    a = self.payer(p)
                    if a.role == 'ordinary' and a.bank in SUPPLY and a.opened < t - 2 * DAY:
                        acc, region = a, p.live
                        used_local.add(p.hid)
                        break
            if acc is None:
                home = r.choice(CHINA)
                q = self.ext_person('victim_ext', home, W_NATION, opened=(200, 8000))
                acc, region = q.main(), home
                if acc.bank in SUPPLY:
                    self.give_life(acc)
            acc.role = 'victim'
            acc.arch = 'victim_' + typ
            if r.random() < P['pay_many']:
                npay = r.randint(2, 12 if v == 'V2' else 6)
            else:
                npay = 1 + (r.random() < .2)
            day = t / DAY
            act = [g for g in self.rings if g['rs'] <= day <= g['re']] or self.rings
            ring = r.choice(act)
            base = math.exp(r.uniform(math.log(lo), math.log(hi)))
            if typ in ('brushing', 'investment', 'romance', 'loan_card') and npay > 1:
                base = max(lo, base / 3)
            reported = r.random() < (.62 if v == 'V2' else .7)
            for k in range(npay):
                a = self.pick_acct(ring['levels'][0], t)
                if a is None:
                    break
                amt = base * (r.uniform(1.2, 2.2) ** k if typ in ('brushing', 'investment', 'romance') else r.uniform(.6, 1.4))
                amt = min(amt, hi * 1.5)
                f = int(round(amt / 100)) * 10000 if r.random() < .6 else int(amt) * 100
                f = max(f, 5000)
                ch = r.choices(['mobile', 'online', 'atm', 'counter'],
                               weights=[70, 15, 20 if typ == 'subsidy_refund' else 3, 25 if typ == 'police_gov' else 4])[0]
                hod = (t % DAY) // HOUR
                if (ch == 'counter' and not 9 <= hod < 17) or (ch == 'atm' and hod < 6):
                    ch = 'mobile'
                if ch == 'atm':
                    f = min(f, 5000000)
                row = self.add(t, acc, a, f, ch, region, memo=r.choice(['', '', '', '转账', '货款', '还款']), tk='victim_payment')
                if row is None:
                    break
                self.inflow[a.id].append((t, f))
                self.victim_rows.append((row, reported and r.random() < .93))
                t += int(math.exp(r.uniform(math.log(glo), math.log(ghi))))
                if t >= self.end:
                    break

    def sweeps(self, inflows, slow):
        out, pend, bal = [], None, 0
        for t, f in sorted(inflows):
            if pend is not None and t > pend:
                out.append((pend, bal))
                bal, pend = 0, None
            bal += f
            if pend is None:
                pend = t + self.delay(slow)
        if pend is not None:
            out.append((pend, bal))
        return out

    def gen_layering(self):
        r = self.rng
        ctl_pay = []
        for a, ring, lvl, us, ue, kind in self.mules:
            # card test (试卡) before first use
            if kind in ('fresh', 'weeks', 'farmer', 'sold') and r.random() < .4:
                t = max(a.opened + 5 * MIN, us - r.uniform(10 * MIN, 10 * HOUR))
                f = r.randint(1, 100)
                self.add(t, ring['controller'], a, f, 'mobile', '', memo='', tk='card_test')
                self.add(t + r.randint(60, 600), a, ring['controller'], f, 'mobile', '', memo='', tk='card_test')
            # 跑分: other illicit collections through the account
            if kind == 'paofen':
                players = ring.setdefault('players', [])
                for _ in range(self.pois(14)):
                    if len(players) < 40 or r.random() < .3:
                        q = self.ext_person('player', r.choice(CHINA), W_EXT).main()
                        q.role, q.arch = 'fraud_exit', 'paofen_payer'
                        players.append(q)
                    q = r.choice(players)
                    t = int(r.uniform(max(us, a.opened + HOUR), min(ue, self.end - 1)))
                    f = self.fen(100, 5000, 'round' if r.random() < .6 else 'yuan')
                    if self.add(t, q, a, f, 'mobile', q.region, tk='paofen_collect'):
                        self.inflow[a.id].append((t, f))
            # the owner of a rented or sold account is paid
            if kind in ('rented', 'sold') and r.random() < .5:
                tc = us - r.uniform(0, 2 * DAY)
                others = [x for x in a.person.accts if x is not a and x.opened < tc - HOUR]
                if others:
                    self.add(tc, ring['controller'], others[0],
                             self.fen(500, 3000, 'round'), 'mobile', '', tk='commission')
        for ring in self.rings:
            L = ring['levels']
            for lvl in range(3):
                last = lvl == 2 or (lvl == 1 and not L[2])
                for a in L[lvl]:
                    infl = self.inflow.get(a.id)
                    if not infl:
                        continue
                    paofen = a.role == 'paofen'
                    slow = ring['slow'] and not paofen
                    for ts, amt in self.sweeps(infl, slow):
                        keep = r.uniform(.01, .03) if paofen else r.uniform(0, .004)
                        out = int(amt * (1 - keep)) // 100 * 100
                        if out <= 0 or ts >= self.end:
                            continue
                        reg = r.choice(ring['cash']) if r.random() < .5 else ''
                        if last or (lvl == 0 and r.random() < .05):
                            self.cashout(a, ring, ts, out)
                            continue
                        nxt = L[2] if (lvl == 0 and L[2] and r.random() < .15) else L[lvl + 1]
                        k = 1 if out < 2000000 else r.randint(1, 3)
                        parts = self.split(out, k)
                        t = ts
                        for part in parts:
                            b = self.pick_acct(nxt, t, 30 * MIN)
                            if b is None or b is a:
                                self.cashout(a, ring, t, part)
                                continue
                            self.add(t, a, b, part, r.choice(['mobile', 'mobile', 'online']), reg,
                                     memo=r.choice(['', '', '', '货款', '往来款']),
                                     tk='paofen_forward' if paofen else 'layering')
                            self.inflow[b.id].append((t, part))
                            t += r.randint(30, 400)

    def split(self, total, k):
        r = self.rng
        if k <= 1:
            return [total]
        cuts = sorted(r.uniform(.2, .8) for _ in range(k - 1))
        parts, prev = [], 0
        for c in cuts:
            x = int(total * c) // 10000 * 10000
            parts.append(x - prev)
            prev = x
        parts.append(total - prev)
        return [p for p in parts if p > 0]

    def cashout(self, a, ring, t, amt):
        r = self.rng
        if amt <= 0 or t >= self.end:
            return
        if r.random() < ring['atm_share'] and amt <= 8000000:
            regs = [x for x in ring['cash'] if x[:2] != a.region[:2]] or ring['cash']
            reg = r.choice(regs)
            tt = t + r.randint(5 * MIN, 2 * HOUR)
            left, used, days = amt, 0, 0
            while left >= 10000 and tt < self.end:
                chunk = min(left // 10000 * 10000, r.choice([200000, 250000, 300000, 500000]))
                if used + chunk > 2000000:
                    days += 1
                    if days > 1:
                        break
                    tt = (tt // DAY + 1) * DAY + r.randint(5 * MIN, 10 * HOUR)
                    used = 0
                    reg = r.choice(regs)
                    continue
                self.add(tt, a, None, chunk, 'atm', reg, 'withdrawal', tk='cash_out')
                left -= chunk
                used += chunk
                tt += r.randint(40, 300)
            if left >= 10000 and tt < self.end:
                self.add(tt + r.randint(60, 900), a, r.choice(ring['exits']), left // 100 * 100, 'mobile', '', tk='exit')
            return
        parts = self.split(amt, 1 if amt < 5000000 else r.randint(2, 3))
        tt = t
        for part in parts:
            self.add(tt, a, r.choice(ring['exits']), part, r.choice(['mobile', 'online']), '', tk='exit')
            tt += r.randint(60, 900)

    # ---- post-processing -------------------------------------------------------------------
    def set_owner_off(self):
        r = self.rng
        span = {}
        for row in self.tx:
            if row[8] in ('ordinary', 'commission'):
                continue
            for acc in (row[1], row[2]):
                if acc is not None and acc.role in ('mule', 'paofen'):
                    s = span.get(acc.id)
                    span[acc.id] = (row[0], row[0]) if s is None else (min(s[0], row[0]), max(s[1], row[0]))
        big = 10 ** 9
        for a, ring, lvl, us, ue, kind in self.mules:
            f, l = span.get(a.id, (us, ue))
            if kind == 'rented':
                ret = a.person.x['ret'][a.id]
                a.off.append((f - r.uniform(2, 30) * HOUR, l + r.uniform(6, 72) * HOUR if ret else big))
            elif kind == 'sold':
                a.off.append((min(a.person.x['sale'][a.id], f - HOUR), big))

    def usable(self, acc, t):
        if t < acc.opened + 120 or acc.role in ('mule',) and not acc.off:
            return False
        for s, e in acc.off:
            if s <= t <= e:
                return False
        return True

    def filter_ordinary(self):
        kept = []
        for row in self.tx:
            if row[8] != 'ordinary':
                kept.append(row)
                continue
            t, ok = row[0], True
            for i in (1, 2):
                acc = row[i]
                if acc is None or self.usable(acc, t):
                    continue
                alt = [x for x in acc.person.accts if x is not acc and self.usable(x, t)]
                if not alt:
                    ok = False
                    break
                row[i] = alt[0]
            if ok and row[1] is not row[2]:
                kept.append(row)
        self.tx = kept

    def visible(self, row):
        t = row[0]
        for acc in (row[1], row[2]):
            if acc is not None and acc.bank in self.xstart and t >= self.xstart[acc.bank]:
                return True
        return False

    def default_cushion(self, a):
        r = self.rng
        if a.cushion is not None:
            return a.cushion
        pt = a.person.ptype
        if pt.startswith('corp_'):
            return r.uniform(2e5, 3e6)
        if pt in ('retiree', 'landlord', 'wholesaler', 'boat_owner', 'betel_buyer', 'seafood_buyer', 'foreman'):
            return math.exp(r.uniform(math.log(8000), math.log(5e5)))
        if pt in ('student', 'picker', 'crew', 'mule_holder', 'card_farmer'):
            return math.exp(r.uniform(math.log(5), math.log(3000)))
        return math.exp(r.uniform(math.log(200), math.log(80000)))

    def fix_balances(self):
        """opening balances for rows, and opening deposits so that no account with a row goes below zero."""
        r = self.rng
        per = defaultdict(list)
        for row in self.tx:
            for i in (1, 2):
                acc = row[i]
                if acc is not None and acc.bank in self.xstart:
                    per[acc.id].append((row[0], 0 if i == 2 else 1, row))
        byid = {a.id: a for a in self.accts}
        self.opening = {}
        extra = []
        for aid, evs in per.items():
            a = byid[aid]
            evs.sort(key=lambda e: (e[0], e[1]))
            bal, low = 0, 0
            for t, side, row in evs:
                bal += -row[3] if side == 1 else row[3]
                low = min(low, bal)
            if a.opened < self.xstart[a.bank]:
                self.opening[aid] = -low + int(self.default_cushion(a) * 100)
                continue
            self.opening[aid] = 0
            bal, first = 0, True
            for t, side, row in evs:
                if side == 1 and bal - row[3] < 0:
                    need = row[3] - bal + (int(self.default_cushion(a) * 100) if a.role == 'ordinary' else r.randint(0, 5000))
                    need = (need + 9999) // 10000 * 10000
                    if first:      # the opening deposit at the counter
                        td = a.opened + r.randint(60, 20 * MIN)
                    else:
                        td = max(a.opened + 60, t - r.randint(60, 2 * HOUR))
                    td = min(td, t)
                    first = False
                    extra.append([td, None, a, need, 'counter' if td % 3 else 'atm', a.region, 'deposit', '', 'ordinary'])
                    bal += need
                bal += -row[3] if side == 1 else row[3]
        self.tx.extend(extra)

    def finish(self):
        self.set_owner_off()
        self.filter_ordinary()
        self.tx = [row for row in self.tx if 0 <= row[0] < self.end and row[3] > 0 and self.visible(row)]
        self.fix_balances()
        self.tx.sort(key=lambda row: (row[0], row[6] != 'deposit'))
        seq = defaultdict(int)
        for row in self.tx:
            bank = None
            for acc in (row[1], row[2]):
                if acc is not None and acc.bank in self.xstart and row[0] >= self.xstart[acc.bank]:
                    bank = acc.bank
                    break
            day = self.date_of(row[0] // DAY).strftime('%Y%m%d')
            seq[bank] += 1
            row.append('%s%s%07d' % (bank, day, seq[bank]))
        # which accounts appear
        self.appear = {}
        for a in self.accts:
            if a.bank in self.xstart and a.opened < self.end:
                self.appear[a.id] = a
        for row in self.tx:
            for acc in (row[1], row[2]):
                if acc is not None:
                    self.appear[acc.id] = acc
        # labels
        r = self.rng
        self.lab_acc = set()
        for a, ring, lvl, us, ue, kind in self.mules:
            if a.id not in self.appear:
                continue
            p = {0: .62, 1: .45, 2: .35}[self.level.get(a.id, 0)]
            if a.role == 'paofen':
                p = .45
            if r.random() < p:
                self.lab_acc.add(a.id)
        self.lab_tx = [row[9] for row, rep in self.victim_rows if rep and len(row) > 9]

    # ---- output ----------------------------------------------------------------------------
    def ts(self, t):
        return (self.w0 + datetime.timedelta(seconds=int(t))).isoformat()

    @staticmethod
    def money(f):
        return '%d.%02d' % (f // 100, f % 100)

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        rows = sorted((a for a in self.appear.values() if a.bank in self.xstart and a.opened < self.end),
                      key=lambda a: (a.bank, a.id))
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a in rows:
                w.writerow([a.id, a.bank, a.holder, self.ts(a.opened), a.region, a.cls,
                            self.money(self.opening.get(a.id, int(self.default_cushion(a) * 100))), 'active'])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'channel', 'region', 'kind', 'memo'])
            for row in self.tx:
                w.writerow([row[9], self.ts(row[0]), row[1].id if row[1] else '', row[2].id if row[2] else '',
                            self.money(row[3]), row[4], row[5] or '', row[6], row[7]])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for aid in sorted(self.lab_acc):
                w.writerow(['account', aid, 'mule'])
            for hid in sorted(self.labels_holder):
                w.writerow(['holder', hid, 'card_farmer'])
            for tid in sorted(self.lab_tx):
                w.writerow(['transfer', tid, 'fraud'])
        if not truth:
            return
        lab_h = set(self.labels_holder)
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for a in sorted(self.appear.values(), key=lambda a: (a.bank, a.id)):
                has_row = a.bank in self.xstart and a.opened < self.end
                w.writerow(['account', a.id, a.bank, a.holder, int(has_row), a.role, a.arch, int(a.farmer), self.ts(a.opened),
                            int(a.id in self.lab_acc), int(a.farmer and a.holder in lab_h),
                            self.ts(self.xstart[a.bank]) if a.bank in self.xstart else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for row in self.tx:
                w.writerow([row[9], row[8]])


# ---- self-check ----------------------------------------------------------------------------------
def parse_ts(s):
    d = datetime.datetime.fromisoformat(s)
    if d.tzinfo is None or 'T' not in s:
        raise ValueError('no offset')
    return d


def check(out, truth, w0):
    import re
    probs = []
    money = re.compile(r'^\d+(\.\d{1,2})?$')
    end = w0 + datetime.timedelta(days=NDAYS)

    def read(name, header):
        path = os.path.join(out, name)
        with open(path, newline='', encoding='utf-8') as fh:
            rows = list(csv.reader(fh))
        if not rows or rows[0] != header:
            probs.append('%s: header %r' % (name, rows[0] if rows else None))
            return []
        for i, row in enumerate(rows[1:], 2):
            if len(row) != len(header):
                probs.append('%s:%d: %d fields' % (name, i, len(row)))
        return rows[1:]

    acc = read('accounts.csv', ['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                                'opening_balance', 'status'])
    accts = {}
    for i, row in enumerate(acc, 2):
        aid, bank, hid, op, reg, cls, ob, st = row
        if not aid or not bank or not hid or len(aid) > 64:
            probs.append('accounts.csv:%d: required field' % i)
        if aid in accts:
            probs.append('accounts.csv:%d: duplicate %s' % (i, aid))
        try:
            accts[aid] = (parse_ts(op), bank, int(round(float(ob) * 100)))
        except ValueError:
            probs.append('accounts.csv:%d: opened_at/opening_balance' % i)
        if not re.match(r'^\d{6}$', reg) or cls not in ('I', 'II', 'III', 'corp') or not money.match(ob) or st != 'active':
            probs.append('accounts.csv:%d: region/class/balance/status' % i)
    known = set(accts)
    if truth:
        tr = read('truth.csv', ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                                'labelled', 'farmer_labelled', 'extract_start'])
        tids = set()
        for i, row in enumerate(tr, 2):
            if row[1] in tids:
                probs.append('truth.csv:%d: duplicate' % i)
            tids.add(row[1])
            if (row[4] == '1') != (row[1] in accts):
                probs.append('truth.csv:%d: has_row mismatch' % i)
        if not set(accts) <= tids:
            probs.append('truth.csv: accounts missing')
        known |= tids
    tx = read('transfers.csv', ['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'channel', 'region', 'kind', 'memo'])
    txids = set()
    flows = defaultdict(list)
    for i, row in enumerate(tx, 2):
        tid, ts, fa, ta, amt, ch, reg, kind, memo = row
        if tid in txids:
            probs.append('transfers.csv:%d: duplicate id' % i)
        txids.add(tid)
        try:
            t = parse_ts(ts)
            if not (w0 <= t < end):
                probs.append('transfers.csv:%d: time outside window' % i)
        except ValueError:
            probs.append('transfers.csv:%d: bad time' % i)
            continue
        if not money.match(amt) or float(amt) <= 0:
            probs.append('transfers.csv:%d: amount' % i)
            continue
        f = int(round(float(amt) * 100))
        if ch not in ('counter', 'online', 'mobile', 'atm', 'pos', 'other') or (reg and not re.match(r'^\d{6}$', reg)):
            probs.append('transfers.csv:%d: channel/region' % i)
        need = {'transfer': (1, 1), 'withdrawal': (1, 0), 'deposit': (0, 1)}.get(kind)
        if need is None or (bool(fa), bool(ta)) != (bool(need[0]), bool(need[1])):
            probs.append('transfers.csv:%d: parties do not fit kind' % i)
        row_party = False
        for side, a in ((1, fa), (0, ta)):
            if not a:
                continue
            if truth and a not in known:
                probs.append('transfers.csv:%d: unknown account %s' % (i, a))
            if a in accts:
                row_party = True
                if t < accts[a][0]:
                    probs.append('transfers.csv:%d: before %s opened' % (i, a))
                flows[a].append((t, side, f))
        if not row_party:
            probs.append('transfers.csv:%d: no party with a row' % i)
    neg = 0
    for a, ev in flows.items():
        ev.sort(key=lambda e: (e[0], e[1]))
        bal = accts[a][2]
        for t, side, f in ev:
            bal += -f if side else f
            if bal < 0:
                neg += 1
                break
    if neg:
        probs.append('%d accounts go below zero' % neg)
    lab = read('labels.csv', ['kind', 'id', 'label'])
    for i, row in enumerate(lab, 2):
        k, x, l = row
        if k == 'transfer' and x not in txids or k == 'account' and truth and x not in known or \
                k not in ('account', 'transfer', 'holder'):
            probs.append('labels.csv:%d: unknown %s %s' % (i, k, x))
    if truth:
        tt = read('truth_transfers.csv', ['txn_id', 'kind'])
        if {r[0] for r in tt} != txids or len(tt) != len(txids):
            probs.append('truth_transfers.csv: ids do not match transfers.csv')
    return probs


def main():
    ap = argparse.ArgumentParser(description='Hainan synthetic banking world (fanzha interchange format v1)')
    ap.add_argument('--variant', choices=['baseline', 'V2', 'V3'], default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build_population()
    w.gen_ordinary()
    w.gen_fraud()
    w.finish()
    w.write(args.out, args.truth)
    probs = check(args.out, args.truth, w.w0)
    if probs:
        for p in probs[:60]:
            print('problem: ' + p, file=sys.stderr)
        print('%d problems' % len(probs), file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
