#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Minnan synthetic banking world: Quanzhou and Xiamen (Fujian), 30 days of banking.

An independent test-data generator for a counter-telecom-fraud engine, written only from the domain
notes, the seed essays and the input-format page. Python 3 standard library only; the output is a
deterministic function of (variant, seed).

    python3 minnan_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Writes DIR/accounts.csv, DIR/transfers.csv and DIR/labels.csv (fanzha interchange format v1) and, with
--truth, DIR/truth.csv and DIR/truth_transfers.csv.

Variants
  baseline  2023-11-06 .. 2023-12-05, an ordinary late-autumn month: autumn tieguanyin still being sold,
            fishing season, 下元节 at the temples, weddings; a mixed fraud economy (fresh cards, rented old
            cards, cards opened weeks or months before use, some card-farmer cards, 跑分), fast layering.
  V2        2024-07-08 .. 2024-08-06, summer: fishing moratorium (休渔), Xiamen tourist peak, students away,
            普度 starting at the temples; fraud mostly on old accounts rented or sold, money held hours to
            days in each layer, victims (investment, romance, fake police) paying several times.
  V3        2024-01-22 .. 2024-02-20, Spring Festival: year-end wages and bonuses, 尾牙, workers sending
            money home and travelling home, red envelopes, weddings, 天公生; fraud on freshly opened cards
            and card-farmer cards with fast exits.

Supplying institutions (their accounts have rows): ICBC, CCB, CIB, XMBANK (厦门银行), FJNX (福建农信).
Each extract starts on its own day within the first 12 days; a transfer is in the data only when one of
its parties is at a supplying bank whose extract has started. Everything else (BOC, ABC, PSBC, CMB,
泉州银行, rural banks of other provinces, payment firms, overseas banks) appears only as counterparty.

Balances are simulated: no account at a supplying bank goes below zero from its extract start on, and
opening_balance is the balance just before the account's first transfer at or after its bank's extract
start (0 for an account opened after that start). Labels are a centre's: victim payments of victims who
reported inside the window, about 45 % of the mule accounts (those fed by reported victims and frozen
cards first), a few exits, a few card-farmer holders, and now and then an innocent merchant.

truth.csv lists every account that is in the data (a row, or a counterparty of a transfer in the data);
truth_transfers.csv gives each transfer's kind (ordinary, victim_payment, layering, cash_out, exit,
paofen); layering also covers card tests (验卡) and the small "commission" paid back to brushing victims.
"""
import argparse
import bisect
import csv
import datetime as dt
import heapq
import math
import os
import random
import sys

TZ = dt.timezone(dt.timedelta(hours=8))
MIN = 60
HOUR = 3600
DAY = 86400
YEAR = 365 * DAY
NDAYS = 30
INF = 1 << 62

SUPPLY = ('ICBC', 'CCB', 'CIB', 'XMBANK', 'FJNX')

# ----------------------------------------------------------------------------------------------
# variants
# ----------------------------------------------------------------------------------------------
VARIANTS = {
    'baseline': dict(
        start=dt.date(2023, 11, 6), usdt=7.31, act=1.45,
        fest={dt.date(2023, 11, 13): 2.5, dt.date(2023, 11, 27): 7.0, dt.date(2023, 11, 28): 2.0},
        rings=5, victims=250, multi=1.0,
        l1_src=[('fresh', 30), ('rented', 22), ('weeks', 20), ('farmer', 16), ('paofen', 12)],
        deep_src=[('fresh', 25), ('rented', 20), ('weeks', 20), ('farmer', 20), ('ext', 15)],
        hop_delay=(9 * MIN, 1.0), l1_life=(1, 4), l1_cap=(3, 14),
        exits=[('atm', 35), ('merchant', 28), ('usdt', 30), ('gold', 4), ('ubank', 3)],
        farmers=9, farmer_open=(-95, 18), farmer_quiet=(3, 25), paofen=20, freeze_p=0.3,
        fraud_mix=[('brushing', 22), ('ecommerce_cs', 12), ('investment', 14), ('loan_card', 10),
                   ('credit_record', 6), ('police_gov', 8), ('leader_acquaintance', 7), ('romance', 6),
                   ('game_trade', 4), ('shopping_service', 5), ('fake_job', 2), ('subsidy_refund', 2),
                   ('accident_kidnap', 1), ('prize', 1)],
    ),
    'V2': dict(
        start=dt.date(2024, 7, 8), usdt=7.29, act=1.6,
        fest={dt.date(2024, 7, 20): 2.0, dt.date(2024, 7, 24): 5.0, dt.date(2024, 8, 4): 5.0,
              dt.date(2024, 8, 5): 2.5, dt.date(2024, 8, 6): 2.0},
        rings=4, victims=190, multi=1.9,
        l1_src=[('rented', 62), ('weeks', 12), ('fresh', 8), ('farmer', 5), ('paofen', 13)],
        deep_src=[('rented', 50), ('weeks', 15), ('fresh', 5), ('farmer', 5), ('ext', 25)],
        hop_delay=(5 * HOUR, 1.2), l1_life=(3, 12), l1_cap=(4, 18),
        exits=[('usdt', 44), ('merchant', 28), ('atm', 20), ('gold', 5), ('ubank', 3)],
        farmers=4, farmer_open=(-160, -20), farmer_quiet=(20, 60), paofen=18, freeze_p=0.4,
        fraud_mix=[('investment', 25), ('romance', 14), ('police_gov', 12), ('brushing', 14),
                   ('credit_record', 8), ('loan_card', 8), ('ecommerce_cs', 7), ('leader_acquaintance', 4),
                   ('game_trade', 3), ('shopping_service', 3), ('fake_job', 2)],
    ),
    'V3': dict(
        start=dt.date(2024, 1, 22), usdt=7.23, act=1.0,
        fest={dt.date(2024, 1, 25): 1.5, dt.date(2024, 1, 26): 2.5, dt.date(2024, 2, 3): 3.0,
              dt.date(2024, 2, 9): 3.0, dt.date(2024, 2, 10): 8.0, dt.date(2024, 2, 11): 4.0,
              dt.date(2024, 2, 14): 2.0, dt.date(2024, 2, 17): 3.0, dt.date(2024, 2, 18): 9.0},
        rings=6, victims=300, multi=0.9,
        l1_src=[('fresh', 40), ('farmer', 35), ('rented', 8), ('paofen', 12), ('weeks', 5)],
        deep_src=[('fresh', 35), ('farmer', 35), ('ext', 20), ('rented', 5), ('weeks', 5)],
        hop_delay=(3 * MIN, 0.9), l1_life=(1, 3), l1_cap=(2, 12),
        exits=[('atm', 40), ('merchant', 30), ('usdt', 25), ('gold', 5)],
        farmers=18, farmer_open=(-25, 20), farmer_quiet=(1, 7), paofen=24, freeze_p=0.2,
        fraud_mix=[('brushing', 18), ('shopping_service', 12), ('ecommerce_cs', 12), ('loan_card', 12),
                   ('leader_acquaintance', 10), ('game_trade', 8), ('investment', 10), ('police_gov', 7),
                   ('credit_record', 5), ('romance', 3), ('accident_kidnap', 3)],
    ),
}

# ----------------------------------------------------------------------------------------------
# geography (GB/T 2260 codes)
# ----------------------------------------------------------------------------------------------
LOCAL_W = [('350502', 9), ('350503', 7), ('350504', 2), ('350505', 2), ('350521', 5), ('350524', 7),
           ('350525', 2), ('350526', 1), ('350581', 8), ('350582', 14), ('350583', 6),
           ('350203', 9), ('350206', 9), ('350205', 4), ('350211', 5), ('350212', 4), ('350213', 2)]
XIAMEN = ('350203', '350206', '350205', '350211', '350212', '350213')
QZ_CITY = ('350502', '350503', '350504', '350505')
JINJIANG, SHISHI, NANAN, ANXI, HUIAN = '350582', '350581', '350583', '350524', '350521'
FUJIAN_OTHER = ('350102', '350302', '350602', '350802', '350402', '350902')
MIGRANT_HOME = [('511700', 8), ('511300', 6), ('511900', 4), ('510900', 3), ('520500', 6), ('520600', 4),
                ('522600', 4), ('520200', 3), ('530600', 5), ('530300', 3), ('500101', 3), ('500235', 2),
                ('360700', 6), ('361100', 4), ('431200', 4), ('430500', 4), ('431300', 3), ('411600', 4),
                ('411500', 3), ('411400', 2), ('341200', 4), ('341600', 2), ('421100', 3), ('420900', 2),
                ('450900', 3), ('620500', 2)]
HOME_RURAL_BANK = {'51': 'SCRCU', '52': 'GZRCU', '53': 'YNRCC', '50': 'CQRCB', '36': 'JXNX', '43': 'HNRCU',
                   '41': 'HENANRCU', '34': 'AHRCU', '42': 'HBRCU', '45': 'GXRCU', '62': 'GSRCU',
                   '35': 'FJNX'}
CHINA_W = [('110105', 5), ('110108', 4), ('310115', 5), ('310104', 3), ('120104', 3), ('500103', 3),
           ('440106', 4), ('440305', 4), ('330106', 3), ('320106', 3), ('320506', 3), ('420106', 3),
           ('510107', 4), ('610113', 3), ('410105', 4), ('370102', 3), ('370212', 3), ('210102', 3),
           ('230103', 3), ('220102', 2), ('140105', 3), ('130102', 3), ('340104', 3), ('430104', 3),
           ('360102', 2), ('530102', 2), ('520102', 2), ('450103', 2), ('620102', 2), ('150102', 2),
           ('650102', 1), ('460106', 1), ('330302', 2), ('441900', 3), ('440604', 2), ('130202', 2),
           ('320303', 2), ('371302', 2), ('130602', 2), ('370702', 2), ('350102', 2), ('350203', 1),
           ('350502', 1), ('350302', 1), ('350582', 1)]
BUYER_W = [('440106', 6), ('440305', 5), ('441900', 4), ('440604', 3), ('370102', 4), ('370212', 3),
           ('110105', 4), ('310104', 3), ('330106', 3), ('330302', 3), ('320506', 2), ('430104', 3),
           ('360102', 2), ('420106', 2), ('410105', 2), ('510107', 2), ('350102', 4), ('350602', 3),
           ('350302', 2), ('130102', 2), ('210102', 1), ('230103', 1)]
FAR_CASHOUT = [('440306', 6), ('441900', 6), ('440111', 4), ('445281', 3), ('532801', 3), ('533102', 3),
               ('530926', 2), ('451481', 3), ('450681', 2), ('460106', 2)]
MULE_FAR_OPEN = [('150102', 3), ('150203', 2), ('230103', 3), ('230202', 2), ('431202', 3), ('420106', 2),
                 ('360702', 2), ('450103', 3), ('520102', 2), ('440306', 2)]
OVERSEAS = [('BDO-PH', 'PH', 5), ('MBT-PH', 'PH', 3), ('MBB-MY', 'MY', 3), ('DBS-SG', 'SG', 3),
            ('OCBC-SG', 'SG', 2), ('HSBC-HK', 'HK', 4), ('BOCHK', 'HK', 4), ('BCA-ID', 'ID', 2)]

NATIONAL_BANK_W = [('ICBC', 18), ('CCB', 15), ('ABC', 17), ('BOC', 12), ('PSBC', 10), ('CMB', 8),
                   ('BOCOM', 5), ('CIB', 3), ('SPDB', 2), ('CMBC', 2), ('CITIC', 2), ('PAB', 3),
                   ('CEB', 1), ('HXB', 1), ('RURAL', 9)]
BANK_W_XM = [('ICBC', 14), ('CCB', 12), ('CIB', 12), ('XMBANK', 14), ('FJNX', 5), ('BOC', 9), ('ABC', 8),
             ('PSBC', 5), ('CMB', 7), ('BOCOM', 3), ('XMRCB', 7), ('QZBANK', 1), ('SPDB', 2), ('PAB', 2)]
BANK_W_QZ = [('ICBC', 14), ('CCB', 12), ('CIB', 13), ('XMBANK', 5), ('FJNX', 14), ('BOC', 9), ('ABC', 9),
             ('PSBC', 6), ('CMB', 5), ('BOCOM', 2), ('QZBANK', 9), ('PAB', 1), ('CMBC', 1)]
BANK_W_RURAL = [('FJNX', 30), ('ABC', 14), ('PSBC', 14), ('ICBC', 9), ('CCB', 9), ('CIB', 7), ('BOC', 5),
                ('QZBANK', 8), ('XMBANK', 2)]
RURAL_REGIONS = ('350524', '350583', '350525', '350526', '350521')

# account-number shapes: personal card prefix and length, corporate prefix and length
BANK_FMT = {
    'ICBC': ('622202', 19, '1408', 19), 'CCB': ('621700', 19, '3505', 20), 'CIB': ('622909', 18, '155', 18),
    'XMBANK': ('623073', 19, '8001', 16), 'FJNX': ('622127', 19, '9070', 21),
    'ABC': ('622848', 19, '1375', 17), 'BOC': ('621785', 19, '4101', 12), 'PSBC': ('621799', 19, '9350', 19),
    'CMB': ('621483', 16, '5929', 15), 'BOCOM': ('622262', 19, '3520', 21), 'QZBANK': ('621452', 19, '2200', 18),
    'XMRCB': ('623128', 19, '7900', 20), 'SPDB': ('621792', 16, '3301', 20), 'CMBC': ('621691', 16, '1504', 9),
    'CITIC': ('621771', 16, '8111', 19), 'PAB': ('623058', 19, '1500', 14), 'CEB': ('622660', 16, '3786', 16),
    'HXB': ('623022', 19, '1036', 14), 'SCRCU': ('621033', 19, '8830', 20), 'GZRCU': ('621779', 19, '2401', 20),
    'YNRCC': ('622469', 19, '2601', 20), 'CQRCB': ('621258', 19, '0101', 20), 'JXNX': ('621592', 19, '1510', 20),
    'HNRCU': ('621539', 19, '8201', 20), 'HENANRCU': ('623059', 19, '4107', 20), 'AHRCU': ('621778', 19, '2000', 20),
    'HBRCU': ('621013', 19, '8201', 20), 'GXRCU': ('621098', 19, '8101', 20), 'GSRCU': ('621556', 19, '2702', 20),
    'NMGRCU': ('621737', 19, '1501', 20), 'HLJRCU': ('623137', 19, '2301', 20),
    'ALIPAY': ('2088', 16, '1202', 19), 'TENPAY': ('1000', 16, '7551', 15), 'UNIONPAY': ('6216', 19, '3100', 17),
    'JDPAY': ('1100', 16, '1100', 16), 'MTPAY': ('1101', 16, '1101', 16), 'LKL': ('8221', 15, '8221', 15),
    'SANDPAY': ('8310', 15, '8310', 15), 'YSEPAY': ('8440', 15, '8440', 15), 'HUIFU': ('8312', 15, '8312', 15),
    'BDO-PH': ('0042', 12, '0042', 12), 'MBT-PH': ('0017', 13, '0017', 13), 'MBB-MY': ('5140', 12, '5140', 12),
    'DBS-SG': ('0720', 10, '0720', 10), 'OCBC-SG': ('5010', 12, '5010', 12), 'HSBC-HK': ('8080', 12, '8080', 12),
    'BOCHK': ('0120', 14, '0120', 14), 'BCA-ID': ('8720', 10, '8720', 10),
}
RURAL_BANKS = ('SCRCU', 'GZRCU', 'YNRCC', 'CQRCB', 'JXNX', 'HNRCU', 'HENANRCU', 'AHRCU', 'HBRCU', 'GXRCU',
               'GSRCU', 'NMGRCU', 'HLJRCU')
PROV_RURAL = {'15': 'NMGRCU', '23': 'HLJRCU'}

# time-of-day profiles: relative weight of each hour 0..23
PROFILES = {
    'person': [1, .5, .3, .2, .2, .4, 1.2, 3, 5, 6, 7, 7, 8, 6, 6, 6, 6, 6, 7, 8, 8, 7, 5, 3],
    'work': [0, 0, 0, 0, 0, 0, .1, .8, 5, 9, 9, 8, 4, 6, 9, 9, 8, 6, 2, 1, .5, .2, 0, 0],
    'office': [0, 0, 0, 0, 0, 0, 0, .2, 3, 9, 10, 8, 3, 5, 9, 10, 8, 5, 1, .2, 0, 0, 0, 0],
    'eve': [1.5, .6, .2, 0, 0, 0, .2, .5, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 4, 6, 8, 8, 6, 4],
    'live': [4, 2.5, 1.2, .5, .2, .1, .1, .3, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 6, 8, 9, 9, 7],
    'early': [.3, .3, .8, 3, 7, 9, 8, 6, 3, 2, 1, .5, .3, .3, .3, .5, .8, 1, 1, .5, .3, .3, .2, .2],
    'market': [.2, .2, .5, 2, 5, 7, 8, 8, 7, 6, 5, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1, .5],
    'night': [7, 6, 4, 3, 2, 1, .5, .2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .5, 1, 2, 4, 6, 7],
    'retiree': [0, 0, 0, 0, .1, .5, 2, 5, 9, 10, 9, 7, 3, 3, 5, 6, 5, 3, 2, 1, .5, .2, 0, 0],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 10, 5, 4, 8, 10, 9, 5, 0, 0, 0, 0, 0, 0],
    'student': [2, 1, .4, .2, .1, .1, .3, 2, 3, 3, 4, 6, 7, 5, 4, 4, 5, 6, 7, 8, 8, 8, 6, 4],
}
_PROF_CUM = {}
for _k, _w in PROFILES.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    _PROF_CUM[_k] = (_c, _s)

LUCKY = [600, 666, 800, 888, 1000, 1680, 1880, 2000, 5000, 6600, 6660, 8800, 8880, 10000, 16800, 18800,
         20000, 50000, 66600, 88800, 100000, 188800, 200000, 500000, 666600, 888800]  # fen
TEMPLE_GIFTS = [(600, 3), (1000, 6), (1680, 2), (2000, 8), (3600, 2), (5000, 10), (6600, 5), (8800, 6),
                (10000, 14), (16800, 4), (18800, 3), (20000, 8), (28800, 2), (50000, 6), (60000, 2),
                (66600, 2), (88800, 3), (100000, 4), (168800, 1), (200000, 1.5), (500000, 0.6),
                (888800, 0.4), (1000000, 0.3)]
TEA_PRICES = [88, 98, 128, 138, 168, 198, 228, 268, 298, 328, 368, 398, 458, 588, 688, 888, 1288, 1688]

ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def fen_str(f):
    return '%d.%02d' % (f // 100, f % 100)


class Acc:
    __slots__ = ('i', 'id', 'bank', 'h', 'opened', 'region', 'cls', 'role', 'arch', 'status', 'lend',
                 'sup', 'loc', 'used')


class Holder:
    __slots__ = ('i', 'hid', 'corp', 'home', 'arch', 'farmer', 'flab', 'accs')


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.cfg = VARIANTS[variant]
        self.r = random.Random('minnan44|%s|%d' % (variant, seed))
        r = self.r
        self.start_date = self.cfg['start']
        self.t0 = dt.datetime.combine(self.start_date, dt.time(0, 0), TZ)
        self.T = NDAYS * DAY
        self.dates = [self.start_date + dt.timedelta(days=d) for d in range(NDAYS)]
        self.accs = []
        self.holders = []
        self.ev = []
        self._ids = set()
        self._hids = set()
        first = r.randint(0, 2)
        others = r.sample([d for d in range(1, 13) if d != first], len(SUPPLY) - 1)
        days = [first] + others
        r.shuffle(days)
        self.xstart = {b: d * DAY for b, d in zip(SUPPLY, days)}
        self.wcache = {}
        self.away = {}

    # ---------------- random helpers ----------------
    def U(self, a, b):
        return self.r.uniform(a, b)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def p(self, prob):
        return self.r.random() < prob

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, pairs):
        """pairs: list of (item, weight) or (item, x, weight); cached cumulative weights by id."""
        key = id(pairs)
        c = self.wcache.get(key)
        if c is None or c[2] is not pairs:
            cum, s = [], 0.0
            for it in pairs:
                s += it[-1]
                cum.append(s)
            c = (cum, s, pairs)
            self.wcache[key] = c
        x = self.r.random() * c[1]
        return pairs[bisect.bisect_right(c[0], x)][0]

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def at(self, d, prof='person'):
        cum, s = _PROF_CUM[prof]
        h = bisect.bisect_right(cum, self.r.random() * s)
        return d * DAY + min(h, 23) * HOUR + self.r.randrange(HOUR)

    def fen_irr(self, lo, hi):
        return self.r.randint(int(lo * 100), int(hi * 100))

    def fen_round(self, lo, hi, step):
        a, b = int(math.ceil(lo / step)), int(hi // step)
        return self.r.randint(a, max(a, b)) * step * 100

    def fen_ln(self, med, sig, lo=0.01, hi=1e9, step=None):
        v = med * math.exp(self.r.gauss(0, sig))
        v = min(max(v, lo), hi)
        if step:
            return max(1, int(round(v / step))) * step * 100
        return max(1, int(v * 100))

    def years(self, lo, hi):
        return -int(self.U(lo, hi) * YEAR)

    # ---------------- calendar ----------------
    def date(self, d):
        return self.dates[d]

    def weekend(self, d):
        return self.dates[d].weekday() >= 5

    def dom_days(self, dom):
        """day indices whose day-of-month is dom (clipped to the month's length)"""
        out = []
        for d, x in enumerate(self.dates):
            nxt = x + dt.timedelta(days=1)
            last = nxt.month != x.month
            if x.day == dom or (last and x.day < dom):
                out.append(d)
        return out

    def day_of(self, y, m, dd):
        d = (dt.date(y, m, dd) - self.start_date).days
        return d if 0 <= d < NDAYS else None

    # ---------------- identities & accounts ----------------
    def person(self, home, arch, age=(20, 60)):
        r = self.r
        while True:
            birth = self.start_date - dt.timedelta(days=int(r.uniform(*age) * 365.25))
            s17 = '%s%s%03d' % (home, birth.strftime('%Y%m%d'), r.randint(1, 999))
            hid = s17 + ID_C[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]
            if hid not in self._hids:
                break
        return self._holder(hid, False, home, arch)

    def corp(self, region, arch):
        r = self.r
        while True:
            if r.random() < 0.6:
                body = 'MA' + ''.join(r.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(6))
            else:
                body = ''.join(r.choice('0123456789') for _ in range(8))
            vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
            c9 = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
            org = body + ('X' if c9 == 10 else '0' if c9 == 11 else str(c9))
            # unified social credit code: 9 = registered by market regulator, 1 = enterprise;
            # 5/3 for social organisations and religious venues (used for temples)
            head = '53' if arch == 'temple' else '91'
            s17 = head + region + org[:9]
            tot = sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W))
            chk = (31 - tot % 31) % 31
            hid = s17 + USCC_CH[chk]
            if hid not in self._hids:
                break
        return self._holder(hid, True, region, arch)

    def _holder(self, hid, corp, home, arch):
        h = Holder()
        h.i, h.hid, h.corp, h.home, h.arch = len(self.holders), hid, corp, home, arch
        h.farmer, h.flab, h.accs = False, False, []
        self._hids.add(hid)
        self.holders.append(h)
        return h.i

    def new_acc_id(self, bank, corp):
        r = self.r
        ppre, plen, cpre, clen = BANK_FMT[bank]
        while True:
            if corp:
                s = cpre + ''.join(r.choice('0123456789') for _ in range(clen - len(cpre)))
            elif bank in ('ALIPAY', 'TENPAY', 'JDPAY', 'MTPAY') or '-' in bank:
                s = ppre + ''.join(r.choice('0123456789') for _ in range(plen - len(ppre)))
            else:
                s = ppre + ''.join(r.choice('0123456789') for _ in range(plen - len(ppre) - 1))
                s += luhn_digit(s)
            if s not in self._ids:
                self._ids.add(s)
                return s

    def acct(self, h, bank, opened, region, cls='I', role='lawful', arch='', loc=None, before=None):
        # counters open in the daytime; class II/III accounts are mostly opened in an app
        opened = int(opened)
        day = opened - opened % DAY
        if cls in ('I', 'corp') or self.r.random() < 0.3:
            opened = day + 9 * HOUR + self.r.randrange(8 * HOUR)
        else:
            opened = day + 7 * HOUR + self.r.randrange(16 * HOUR)
        lim = self.T - HOUR if before is None else before
        while opened > lim:
            opened -= DAY
        a = Acc()
        a.i = len(self.accs)
        a.id = self.new_acc_id(bank, cls == 'corp')
        a.bank, a.h, a.opened, a.region, a.cls = bank, h, int(opened), region, cls
        a.role, a.arch, a.status, a.lend = role, arch, 'active', INF
        a.sup = bank in SUPPLY
        a.loc = loc or region
        a.used = False
        self.accs.append(a)
        self.holders[h].accs.append(a.i)
        return a.i

    def local_bank(self, region):
        if region.startswith('3502'):
            return self.wpick(BANK_W_XM)
        if region in RURAL_REGIONS:
            return self.wpick(BANK_W_RURAL)
        if region.startswith('35'):
            return self.wpick(BANK_W_QZ)
        b = self.wpick(NATIONAL_BANK_W)
        if b == 'RURAL':
            b = PROV_RURAL.get(region[:2]) or HOME_RURAL_BANK.get(region[:2]) or 'PSBC'
        return b

    def far_bank(self, region):
        b = self.wpick(NATIONAL_BANK_W)
        if b == 'RURAL':
            b = PROV_RURAL.get(region[:2]) or HOME_RURAL_BANK.get(region[:2]) or 'PSBC'
        return b

    def home_bank(self, region):
        x = self.r.random()
        if x < 0.32:
            return 'PSBC'
        if x < 0.58:
            return 'ABC'
        if x < 0.68:
            return 'BOC'
        return HOME_RURAL_BANK.get(region[:2], 'PSBC')

    def person_accs(self, h, loc, n, ymax, recent_p=0.0, banks=None, region=None, cls_main='I'):
        """n accounts for holder h; the first is the main account. Banks distinct when possible."""
        out, used = [], []
        ymax = max(ymax, 0.6)
        for k in range(n):
            if banks and k < len(banks):
                bank = banks[k]
            else:
                for _ in range(6):
                    bank = self.local_bank(loc)
                    if bank not in used:
                        break
            used.append(bank)
            if self.p(recent_p):
                opened = -int(self.U(3, 70) * DAY)
            elif k == 0:
                opened = self.years(0.8, ymax)
            else:
                opened = self.years(0.1, ymax)
            cls = cls_main if k == 0 else ('I' if self.p(0.62) else ('II' if self.p(0.88) else 'III'))
            out.append(self.acct(h, bank, opened, region or loc, cls, loc=loc))
        return out

    # ---------------- transfers ----------------
    def tx(self, ts, frm, to, fen, ch='mobile', region=None, kind='transfer', memo='', xb=False,
           tk='ordinary', force=False):
        if ts < 0 or ts >= self.T or fen <= 0:
            return False
        ts = int(ts)
        if not force:
            for a in (frm, to):
                if a is not None:
                    A = self.accs[a]
                    if ts < A.opened + 60 or ts >= A.lend:
                        return False
        if region is None:
            src = self.accs[frm if frm is not None else to]
            region = src.loc
            if ch in ('mobile', 'online') and self.r.random() < 0.12:
                region = ''
        self.ev.append((ts, len(self.ev), frm, to, int(fen), ch, region, kind, memo, xb, tk))
        return True


# ----------------------------------------------------------------------------------------------
# population: institutions, firms, pools of far-away counterparties, local people
# ----------------------------------------------------------------------------------------------
def ext_corp(W, bank, region, arch, years=(5, 25)):
    h = W.corp(region, arch)
    return W.acct(h, bank, W.years(*years), region, 'corp', arch=arch)


def local_corp(W, region, arch, n=1, years=(2, 20), first_sup=0.7, recent=False):
    """a local firm with n accounts at distinct banks; the first (basic) account is more often at a
    supplying bank"""
    h = W.corp(region, arch)
    out, used = [], []
    for k in range(n):
        for _ in range(8):
            b = W.local_bank(region)
            if k == 0 and W.p(first_sup) and b not in SUPPLY:
                continue
            if b not in used:
                break
        used.append(b)
        opened = -int(W.U(5, 80) * DAY) if (recent and k == 0) else W.years(*years)
        out.append(W.acct(h, b, opened, region, 'corp', arch=arch))
    return out


def far_person_acc(W, regions, arch, age=(22, 60), corp=False, sup_ok=True):
    region = W.wpick(regions)
    if corp:
        h = W.corp(region, arch)
    else:
        h = W.person(region, arch, age)
    for _ in range(5):
        bank = W.far_bank(region)
        if sup_ok or bank not in SUPPLY:
            break
    if not sup_ok and bank in SUPPLY:
        bank = 'PSBC'
    cls = 'corp' if corp else 'I'
    a = W.acct(h, bank, W.years(1, 14), region, cls, arch=arch)
    W.far.append(a)
    return a


def build_infra(W):
    W.far = []           # far-away accounts: at a supplying bank they get a light background life
    W.hub = {}
    for key, bank, region, arch in (
            ('tenpay', 'TENPAY', '440305', 'tenpay_settlement'), ('alipay', 'ALIPAY', '330106', 'alipay_settlement'),
            ('unionpay', 'UNIONPAY', '310115', 'unionpay_settlement'), ('jd', 'JDPAY', '110105', 'jdpay_settlement'),
            ('meituan', 'MTPAY', '110105', 'meituan_settlement'), ('lkl', 'LKL', '110108', 'pos_acquirer'),
            ('pdd', 'CMB', '310104', 'ecommerce_platform'), ('rail', 'BOC', '110105', 'railway_tickets'),
            ('grid', 'BOC', '350102', 'utility_power'), ('water_qz', 'ABC', '350502', 'utility_water'),
            ('water_xm', 'BOC', '350203', 'utility_water'), ('cmcc', 'BOC', '350102', 'telecom'),
            ('telecom', 'ABC', '350102', 'telecom'), ('gas', 'BOCOM', '350203', 'utility_gas'),
            ('sinopec', 'BOC', '350102', 'fuel_company'), ('sf', 'CMB', '440305', 'logistics'),
            ('zto', 'ABC', '310115', 'logistics'), ('ctrip', 'CMB', '310115', 'ota_settlement'),
            ('mt_ota', 'BOC', '110105', 'ota_settlement'), ('insurer', 'BOCOM', '440305', 'insurer'),
            ('ssf_qz', 'ABC', '350502', 'social_security_fund'), ('ssf_xm', 'BOC', '350203', 'social_security_fund'),
            ('tax', 'BOC', '350502', 'tax_treasury'), ('gov_fin', 'ABC', '350582', 'district_finance'),
            ('fishery', 'ABC', '350581', 'fishery_bureau'), ('school_fee', 'BOC', '350203', 'university'),
            ('tencent_game', 'TENPAY', '440305', 'game_platform'), ('airline', 'BOCOM', '350203', 'airline')):
        W.hub[key] = ext_corp(W, bank, region, arch)
    W.spend_hubs = [('tenpay', 42), ('alipay', 34), ('unionpay', 5), ('jd', 5), ('meituan', 7), ('pdd', 4),
                    ('lkl', 3)]
    # each bank's loan-settlement account (mortgage and loan repayments)
    W.loan = {}
    for b in ('ICBC', 'CCB', 'CIB', 'XMBANK', 'FJNX', 'BOC', 'ABC', 'PSBC', 'CMB', 'BOCOM', 'QZBANK', 'XMRCB',
              'SPDB', 'PAB', 'CMBC'):
        h = W.corp('350502' if b != 'XMBANK' else '350203', 'bank_internal')
        W.loan[b] = W.acct(h, b, W.years(10, 25), '350502', 'corp', arch='loan_settlement')
    # far-away counterparties
    W.far_employers = [far_person_acc(W, CHINA_W, 'far_employer', corp=True) for _ in range(36)]
    W.gbuyers = [far_person_acc(W, BUYER_W, 'garment_buyer', (22, 50)) for _ in range(380)]
    W.teabuyers = [far_person_acc(W, BUYER_W, 'tea_buyer_shop', (28, 62), corp=W.p(0.25)) for _ in range(190)]
    W.teacons = [far_person_acc(W, CHINA_W, 'tea_consumer', (25, 70)) for _ in range(380)]
    W.tourists = [far_person_acc(W, CHINA_W, 'tourist', (20, 60)) for _ in range(350)]
    W.fish_cust = []
    for _ in range(80):
        reg = W.pick(['350102', '350602', '350302', '330302', '440106', '440305', '350203', '350502', '350582'])
        h = W.corp(reg, 'seafood_customer') if W.p(0.4) else W.person(reg, 'seafood_customer', (28, 60))
        W.fish_cust.append(W.acct(h, W.local_bank(reg), W.years(2, 15), reg,
                                  'corp' if W.holders[h].corp else 'I', arch='seafood_customer'))
    W.clients_far = [far_person_acc(W, CHINA_W, 'brand_client', corp=True) for _ in range(40)]
    W.overseas = []
    for _ in range(150):
        bank = W.wpick(OVERSEAS)
        h = W.person(W.pick(['350582', '350581', '350583', '350502', '350521']), 'overseas_relative', (35, 80))
        W.overseas.append(W.acct(h, bank, W.years(3, 30), '350582', 'I', arch='overseas_relative'))
    W.export_buyers = []
    for _ in range(14):
        bank = W.wpick(OVERSEAS)
        h = W.corp('350582', 'overseas_buyer')
        W.export_buyers.append(W.acct(h, bank, W.years(3, 20), '350582', 'corp', arch='overseas_buyer'))


def build_firms(W):
    W.factories = []
    for k in range(22):
        reg = W.pick([JINJIANG] * 6 + [SHISHI] * 2 + [NANAN, '350505'])
        arch = 'shoe_factory' if k < 12 else ('sportswear_factory' if k < 17 else 'garment_factory')
        accs = local_corp(W, reg, arch, n=W.ri(1, 3))
        W.factories.append(dict(a=accs, loc=reg, payday=W.pick([8, 10, 12, 15, 15, 18, 20, 25]),
                                size=W.ri(40, 260), workers=[]))
    W.suppliers = [local_corp(W, W.pick([JINJIANG, SHISHI, JINJIANG, '350503']), W.pick(
        ['fabric_supplier', 'sole_supplier', 'packaging_factory', 'dyeing_works', 'glue_chemicals']),
        n=W.ri(1, 2))[0] for _ in range(16)]
    W.techs = []
    for _ in range(12):
        reg = W.pick(['350206', '350206', '350203', '350211'])
        W.techs.append(dict(a=local_corp(W, reg, 'tech_firm', n=W.ri(1, 2)), loc=reg,
                            payday=W.pick([10, 10, 15, 5]), staff=[]))
    W.constructions = [local_corp(W, W.pick(['350502', '350503', '350206', '350582', '350211']),
                                  'construction_company', n=W.ri(1, 3)) for _ in range(8)]
    W.restaurants = []
    for _ in range(12):
        reg = W.pick(['350203', '350206', '350502', '350582', '350581', '350203'])
        W.restaurants.append(dict(a=local_corp(W, reg, W.pick(['restaurant', 'hotel', 'wedding_banquet_hall']),
                                               n=W.ri(1, 2)), loc=reg, payday=W.pick([5, 10, 15]), staff=[]))
    W.public = []
    for arch, reg in (('school', '350502'), ('school', '350582'), ('school', '350203'), ('school', '350206'),
                      ('hospital', '350502'), ('hospital', '350203'), ('hospital', '350582'),
                      ('district_government', '350582'), ('district_government', '350203'),
                      ('district_government', '350524'), ('university', '350203'), ('university', '350502')):
        W.public.append(dict(a=local_corp(W, reg, arch, n=1, first_sup=0.5), loc=reg, payday=W.pick([5, 10, 15]),
                             staff=[]))
    W.temples = []
    for reg in ('350502', '350502', '350203', '350524', '350582', '350581', '350583', '350521', '350582',
                '350206', '350581'):
        W.temples.append(dict(a=local_corp(W, reg, 'temple', n=W.ri(1, 2), first_sup=0.5), loc=reg,
                              size=W.U(0.3, 2.5)))
    W.dealers = [local_corp(W, W.pick(['350503', '350206', '350582']), 'car_dealer', n=2)[0] for _ in range(5)]
    W.developers = [local_corp(W, W.pick(['350503', '350211', '350582', '350212']), 'property_developer',
                               n=2)[0] for _ in range(4)]
    W.jewelry = [local_corp(W, W.pick(['350203', '350502', '350581', '350582']), 'jewelry_shop')[0]
                 for _ in range(5)]
    W.phone_shops = [local_corp(W, W.pick(['350203', '350502', '350582']), 'phone_shop')[0] for _ in range(3)]
    W.shipyards = [local_corp(W, SHISHI, 'shipyard')[0] for _ in range(2)]
    W.ice_plants = [local_corp(W, W.pick([SHISHI, JINJIANG, HUIAN]), 'ice_plant')[0] for _ in range(3)]
    W.stone_suppliers = [local_corp(W, W.pick([HUIAN, NANAN]), 'stone_quarry')[0] for _ in range(3)]
    W.tea_packaging = [local_corp(W, ANXI, 'tea_packaging')[0] for _ in range(3)]
    W.fertilizer = [local_corp(W, ANXI, 'farm_supplies')[0] for _ in range(3)]
    W.wholesalers = [local_corp(W, W.pick(['350503', '350206', JINJIANG]), 'food_wholesaler')[0]
                     for _ in range(8)]
    W.training = [local_corp(W, W.pick(['350203', '350206', '350502']), 'training_school')[0] for _ in range(3)]


ACC_N = [(1, 30), (2, 36), (3, 20), (4, 9), (5, 5)]


def local_person(W, arch, loc, home=None, age=(22, 60), nacc=None, ymax=15, recent_p=0.02, banks=None):
    h = W.person(home or loc, arch, age)
    n = nacc if nacc is not None else W.wpick(ACC_N)
    accs = W.person_accs(h, loc, n, ymax, recent_p, banks)
    return dict(h=h, a=accs, loc=loc, arch=arch, home=home or loc)


def build_people(W):
    r = W.r
    W.people = []           # every local person (dicts)
    # landlords
    W.landlords = {'xm': [], 'qz': []}
    for _ in range(105):
        loc = W.wpick(LOCAL_W)
        P = local_person(W, 'landlord', loc, age=(38, 72))
        P['tenants'] = 0
        W.landlords['xm' if loc.startswith('3502') else 'qz'].append(P)
        W.people.append(P)
    # fishing-boat owners and seafood buyers
    W.fishers = []
    for _ in range(90):
        loc = W.pick([SHISHI, SHISHI, JINJIANG, HUIAN])
        P = local_person(W, 'fishing_boat_owner', loc, age=(30, 65))
        P['crew'] = []
        W.fishers.append(P)
        W.people.append(P)
    W.seafood = []
    for _ in range(18):
        loc = W.pick([SHISHI, JINJIANG, HUIAN, '350203'])
        P = local_person(W, 'seafood_buyer', loc, age=(28, 60), nacc=W.ri(2, 4))
        W.seafood.append(P)
        W.people.append(P)
    # foremen (包工头)
    W.foremen = []
    for _ in range(22):
        loc = W.pick(['350502', '350503', '350206', '350211', JINJIANG, '350212'])
        home = W.wpick(MIGRANT_HOME) if W.p(0.6) else loc
        P = local_person(W, 'construction_foreman', loc, home=home, age=(32, 58), nacc=W.ri(2, 4))
        P['workers'] = []
        P['company'] = W.pick(W.constructions)
        W.foremen.append(P)
        W.people.append(P)
    # migrant workers
    W.workers = []
    nw = 1420
    fam_by_home = {}
    for i in range(nw):
        home = W.wpick(MIGRANT_HOME) if W.p(0.86) else W.pick(RURAL_REGIONS + FUJIAN_OTHER)
        x = r.random()
        if x < 0.60:
            emp = W.pick(W.factories)
            etype, loc = 'factory', emp['loc']
            pbank = W.accs[emp['a'][0]].bank
        elif x < 0.82:
            emp = W.pick(W.foremen)
            etype, loc = 'foreman', emp['loc']
            pbank = None
        elif x < 0.92:
            emp = W.pick(W.restaurants)
            etype, loc = 'restaurant', emp['loc']
            pbank = W.accs[emp['a'][0]].bank
        else:
            emp = W.pick(W.fishers)
            etype, loc = 'crew', emp['loc']
            pbank = None
        h = W.person(home, 'migrant_worker', (18, 54))
        bank = pbank if (pbank and W.p(0.8)) else W.local_bank(loc)
        xo = r.random()
        if xo < 0.045:
            opened = int(W.U(0, 20) * DAY)          # new hire inside the data
        elif xo < 0.10:
            opened = -int(W.U(5, 70) * DAY)
        else:
            opened = W.years(0.3, 9)
        accs = [W.acct(h, bank, opened, loc, 'I', loc=loc)]
        if W.p(0.42):
            hb = W.home_bank(home)
            accs.append(W.acct(h, hb, W.years(2, 15), home, 'I', loc=loc))
        if W.p(0.28):
            b2 = W.local_bank(loc)
            if b2 != bank:
                accs.append(W.acct(h, b2, W.years(0.2, 6), loc, 'II' if W.p(0.5) else 'I', loc=loc))
        # family back home (shared by siblings from the same place now and then)
        fam = None
        if W.p(0.82):
            lst = fam_by_home.setdefault(home, [])
            if lst and W.p(0.16):
                fam = W.pick(lst)
            else:
                fh = W.person(home, 'family_at_home', (40, 75))
                fam = W.acct(fh, W.home_bank(home), W.years(3, 20), home, 'I', arch='family_at_home')
                lst.append(fam)
        P = dict(h=h, a=accs, loc=loc, arch='migrant_worker', home=home, etype=etype, emp=emp, fam=fam,
                 wage=W.fen_ln(6200 if etype != 'foreman' else 7800, 0.22, 3200, 16000),
                 landlord=None, rent=0)
        if etype == 'factory':
            emp['workers'].append(P)
        elif etype == 'foreman':
            emp['workers'].append(P)
        elif etype == 'restaurant':
            emp['staff'].append(P)
        else:
            emp['crew'].append(P)
        if W.p(0.55):
            L = W.pick(W.landlords['xm' if loc.startswith('3502') else 'qz'])
            P['landlord'], P['rent'] = L, W.fen_round(500, 1500, 50)
        W.workers.append(P)
        W.people.append(P)
    # households of local families
    W.families = []
    for _ in range(560):
        loc = W.wpick(LOCAL_W)
        adults = []
        for k in range(1 if W.p(0.3) else 2):
            home = loc if W.p(0.7) else (W.pick(FUJIAN_OTHER) if W.p(0.6) else W.wpick(MIGRANT_HOME))
            P = local_person(W, 'household', loc, home=home, age=(25, 58))
            x = r.random()
            if x < 0.25:
                P['emp'] = W.pick(W.public)
            elif x < 0.45:
                P['emp'] = W.pick(W.factories)
            elif x < 0.55:
                P['emp'] = W.pick(W.restaurants)
            elif x < 0.62:
                P['emp'] = W.pick(W.techs)
            elif x < 0.8:
                P['emp'] = dict(a=[W.pick(W.far_employers)], payday=W.pick([5, 10, 15, 20]), loc=loc)
            else:
                P['emp'] = None   # self-employed / housewife
            P['wage'] = W.fen_ln(7500, 0.35, 3000, 40000)
            P['mortgage'] = W.fen_irr(2500, 9000) if W.p(0.35) else 0
            P['loan_bank'] = W.accs[P['a'][0]].bank
            adults.append(P)
            W.people.append(P)
        W.families.append(dict(adults=adults, loc=loc, parents=[], students=[]))
    # retirees (some are parents of family adults)
    W.retirees = []
    for _ in range(300):
        loc = W.wpick(LOCAL_W)
        P = local_person(W, 'retiree', loc, age=(60, 88), nacc=W.wpick([(1, 35), (2, 40), (3, 20), (4, 5)]),
                         ymax=25)
        P['pension'] = W.fen_ln(3300, 0.35, 1200, 9000)
        P['ssf'] = W.hub['ssf_xm' if loc.startswith('3502') else 'ssf_qz']
        fam = W.pick(W.families)
        fam['parents'].append(P)
        P['fam'] = fam
        W.retirees.append(P)
        W.people.append(P)
    # university students
    W.students = []
    for _ in range(430):
        loc = W.pick(['350203', '350203', '350211', '350213', '350502', '350503', '350206'])
        home = W.wpick(CHINA_W) if W.p(0.7) else W.pick(QZ_CITY + XIAMEN + FUJIAN_OTHER + (ANXI, JINJIANG))
        h = W.person(home, 'student', (18, 24))
        xo = r.random()
        opened = W.years(0.5, 4) if xo > 0.08 else -int(W.U(10, 120) * DAY)
        bank = W.pick(['XMBANK', 'ICBC', 'CCB', 'BOC', 'CIB', 'XMBANK']) if loc.startswith('3502') else \
            W.pick(['ICBC', 'CCB', 'FJNX', 'BOC', 'QZBANK', 'CIB'])
        accs = [W.acct(h, bank, opened, loc, 'I', loc=loc)]
        if W.p(0.55):
            accs.append(W.acct(h, W.far_bank(home), W.years(1, 6), home, 'I', loc=loc))
        if W.p(0.25):
            b3 = W.local_bank(loc)
            if b3 not in [W.accs[x].bank for x in accs]:
                accs.append(W.acct(h, b3, W.years(0.1, 3), loc, 'II', loc=loc))
        if home.startswith('35') and W.p(0.5):
            fam = W.pick(W.families)
            parent = fam['adults'][0]['a'][0]
            fam['students'].append(h)
        else:
            ph = W.person(home, 'student_parent', (42, 58))
            parent = W.acct(ph, W.far_bank(home), W.years(3, 20), home, 'I', arch='student_parent')
            W.far.append(parent)
        P = dict(h=h, a=accs, loc=loc, arch='student', home=home, parent=parent,
                 allowance=W.fen_round(800, 3000, 100), monitor=W.p(0.05), job=W.p(0.2))
        W.students.append(P)
        W.people.append(P)
    # tech employees (Xiamen)
    W.techstaff = []
    for _ in range(300):
        emp = W.pick(W.techs)
        home = W.wpick(CHINA_W) if W.p(0.6) else W.pick(FUJIAN_OTHER + XIAMEN + QZ_CITY)
        P = local_person(W, 'tech_employee', emp['loc'], home=home, age=(23, 45), recent_p=0.04)
        P['emp'] = emp
        P['wage'] = W.fen_ln(14000, 0.35, 6000, 60000)
        if W.p(0.55):
            L = W.pick(W.landlords['xm'])
            P['landlord'], P['rent'] = L, W.fen_round(1500, 5500, 100)
        else:
            P['landlord'], P['rent'] = None, 0
        P['mortgage'] = W.fen_irr(4000, 15000) if (P['landlord'] is None and W.p(0.6)) else 0
        emp['staff'].append(P)
        W.techstaff.append(P)
        W.people.append(P)
    # small shops run on personal accounts
    W.shops = []
    for _ in range(175):
        loc = W.wpick(LOCAL_W)
        kind = W.wpick([('restaurant', 25), ('grocery', 20), ('fruit', 8), ('milk_tea', 8), ('barber', 6),
                        ('night_snack', 8), ('hardware', 6), ('phone_repair', 4), ('pharmacy', 4),
                        ('bakery', 4), ('laundry', 3), ('farm_supplies', 4)])
        P = local_person(W, 'shop_' + kind, loc, age=(25, 60), recent_p=0.04)
        P['kind'] = kind
        P['scale'] = W.U(0.4, 2.5)
        P['landlord'] = W.pick(W.landlords['xm' if loc.startswith('3502') else 'qz'])
        P['rent'] = W.fen_round(2000, 12000, 500)
        W.shops.append(P)
        W.people.append(P)
    # Anxi tea growers, traders and online tea shops
    W.growers = []
    for _ in range(220):
        loc = W.pick([ANXI] * 6 + [NANAN, '350525'])
        P = local_person(W, 'tea_grower', loc, age=(30, 70), nacc=W.wpick([(1, 35), (2, 45), (3, 20)]), ymax=20)
        P['scale'] = W.U(0.4, 2.0)
        W.growers.append(P)
        W.people.append(P)
    W.traders = []
    for _ in range(36):
        loc = W.pick([ANXI, ANXI, '350502', '350203'])
        P = local_person(W, 'tea_trader', loc, age=(30, 60), nacc=W.ri(2, 5))
        P['scale'] = W.U(0.5, 2.5)
        P['growers'] = r.sample(W.growers, 18)
        P['buyers'] = r.sample(W.teabuyers, W.ri(10, 30))
        W.traders.append(P)
        W.people.append(P)
    W.teashops = []
    for _ in range(56):
        loc = W.pick([ANXI, ANXI, '350502', '350203', '350206'])
        P = local_person(W, 'online_tea_shop', loc, age=(22, 45), nacc=W.ri(1, 3), recent_p=0.12)
        P['scale'] = W.U(0.4, 2.2)
        P['source'] = W.pick(W.traders)
        P['cons'] = r.sample(W.teacons, W.ri(30, 90))
        W.teashops.append(P)
        W.people.append(P)
    # Shishi garment wholesale stalls
    W.stalls = []
    for _ in range(82):
        P = local_person(W, 'garment_stall', SHISHI, age=(25, 55), nacc=W.ri(1, 4), recent_p=0.07)
        P['scale'] = W.U(0.4, 2.5)
        P['buyers'] = r.sample(W.gbuyers, W.ri(15, 50))
        P['factory'] = W.pick([f for f in W.factories if f['loc'] == SHISHI] or W.factories)
        W.stalls.append(P)
        W.people.append(P)
    # Hui'an stone carving workshops
    W.stone = []
    for _ in range(14):
        P = local_person(W, 'stone_carving_workshop', HUIAN, age=(35, 65), nacc=W.ri(2, 3))
        P['carvers'] = []
        W.stone.append(P)
        W.people.append(P)
    for P in W.workers:
        if P['etype'] == 'foreman' and W.p(0.08):
            W.pick(W.stone)['carvers'].append(P)
    # Xiamen homestays
    W.homestays = []
    for _ in range(58):
        loc = W.pick(['350203', '350203', '350206', '350213'])
        P = local_person(W, 'homestay', loc, age=(26, 55), nacc=W.ri(1, 3), recent_p=0.06)
        P['rooms'] = W.ri(4, 16)
        P['price'] = W.ri(260, 900)
        P['landlord'] = W.pick(W.landlords['xm'])
        W.homestays.append(P)
        W.people.append(P)
    # overseas-Chinese families (侨眷)
    W.qiao = []
    for _ in range(95):
        loc = W.pick([JINJIANG, JINJIANG, SHISHI, NANAN, '350502', HUIAN])
        P = local_person(W, 'overseas_chinese_family', loc, age=(40, 85), ymax=25)
        P['rel'] = r.sample(W.overseas, W.ri(1, 3))
        P['kin'] = []
        W.qiao.append(P)
        W.people.append(P)
    # businesses that moved to a new account inside the data (a new stall, a bank's better terms)
    for P in W.stalls + W.teashops + W.homestays:
        if W.p(0.05):
            b = W.local_bank(P['loc'])
            na = W.acct(P['h'], b, int(W.U(1, 14) * DAY), P['loc'], 'I')
            P['a'].insert(0, na)
    # newcomers opening several accounts within a few weeks (new job, new flat, payroll, provident fund)
    W.newcomers = []
    for _ in range(14):
        loc = W.pick(['350206', '350203', '350211', JINJIANG, '350502', '350503'])
        home = W.wpick(CHINA_W) if W.p(0.7) else W.wpick(MIGRANT_HOME)
        h = W.person(home, 'newcomer', (22, 40))
        t0 = W.U(-40, 8) * DAY
        banks = W.r.sample(['ICBC', 'CCB', 'CIB', 'XMBANK', 'FJNX', 'BOC', 'CMB', 'ABC'], W.ri(3, 4))
        accs = [W.acct(h, b, t0 + W.U(0, 14) * DAY, loc, 'I' if k == 0 or W.p(0.5) else 'II', loc=loc)
                for k, b in enumerate(banks)]
        accs.sort(key=lambda x: W.accs[x].opened)
        P = dict(h=h, a=accs, loc=loc, arch='newcomer_multi_bank', home=home,
                 emp=W.pick(W.techs + W.factories), wage=W.fen_ln(8000, 0.4, 4000, 30000))
        W.newcomers.append(P)
        W.people.append(P)
    # long-dormant accounts that wake up for a one-off (demolition compensation, a flat sold)
    W.wakers = []
    for _ in range(8):
        loc = W.pick([JINJIANG, '350503', '350212', '350211', NANAN])
        P = local_person(W, 'dormant_then_compensation', loc, age=(45, 80), nacc=W.ri(1, 3), ymax=25)
        W.wakers.append(P)
        W.people.append(P)
    # indexes used by the activity generators
    W.local_main = [P['a'][0] for P in W.people]
    W.by_city = {'xm': [P['a'][0] for P in W.people if P['loc'].startswith('3502')],
                 'qz': [P['a'][0] for P in W.people if not P['loc'].startswith('3502')]}
    for P in W.qiao:
        P['kin'] = [W.pick(W.local_main) for _ in range(W.ri(2, 6))]


# ----------------------------------------------------------------------------------------------
# seasons: day weights per activity
# ----------------------------------------------------------------------------------------------
DAYW_NAMES = ('flat', 'consume', 'biz', 'factory', 'garment', 'tea_sell', 'tea_buy', 'teashop', 'shop',
              'fish', 'tour', 'temple', 'student', 'night')


def build_daywts(W):
    V = W.variant
    D = {n: [1.0] * NDAYS for n in DAYW_NAMES}
    fest = W.cfg['fest']
    for d, x in enumerate(W.dates):
        wk = x.weekday() >= 5
        D['biz'][d] = 0.5 if wk else 1.0
        D['factory'][d] = 0.6 if wk else 1.0
        D['consume'][d] = 1.15 if wk else 1.0
        D['tour'][d] = 1.7 if wk else 1.0
        D['shop'][d] = 1.2 if wk else 1.0
        D['temple'][d] = fest.get(x, 1.0)
        D['garment'][d] = 0.9 if wk else 1.0
        if V == 'baseline':
            D['tea_sell'][d], D['tea_buy'][d], D['teashop'][d] = 1.0, 0.55, 1.0
            D['fish'][d] = 1.0
            if x == dt.date(2023, 11, 11):
                D['consume'][d], D['teashop'][d] = 2.6, 3.2
            elif x in (dt.date(2023, 11, 10), dt.date(2023, 11, 12)):
                D['consume'][d], D['teashop'][d] = 1.4, 1.6
            D['tour'][d] *= 0.8
        elif V == 'V2':
            D['tea_sell'][d], D['tea_buy'][d], D['teashop'][d] = 0.45, 0.3, 0.8
            D['fish'][d] = 0.0               # 休渔 May 1 - Aug 16
            D['tour'][d] *= 2.1
            D['student'][d] = 0.35           # summer vacation
            D['garment'][d] *= 0.9
        else:
            sf = (x - dt.date(2024, 2, 10)).days
            D['student'][d] = 0.3            # winter vacation
            if sf <= -15:
                D['consume'][d] *= 1.2
                D['tea_sell'][d], D['teashop'][d], D['garment'][d] = 1.6, 1.8, 1.5
            elif sf <= -2:
                D['consume'][d] *= 1.8
                D['tea_sell'][d], D['teashop'][d], D['garment'][d] = 1.9, 2.4, 1.3 if sf < -6 else 0.5
                D['shop'][d] *= 1.6
            elif sf <= 4:
                D['consume'][d] *= 0.9
                D['tea_sell'][d], D['teashop'][d], D['garment'][d] = 0.1, 0.5, 0.0
                D['shop'][d] *= 0.35
                D['biz'][d] = 0.08
                D['tour'][d] *= 2.6
            else:
                D['tea_sell'][d], D['teashop'][d], D['garment'][d] = 0.3, 0.7, 0.4 if sf >= 8 else 0.05
                D['biz'][d] *= 0.6 if sf < 8 else 0.9
                D['tour'][d] *= 1.8 if sf <= 7 else 0.9
            D['tea_buy'][d] = 0.5 if sf < -3 else 0.1
            if -9 <= sf <= 7:
                D['factory'][d] = 0.03
            D['fish'][d] = 1.0 if sf < -7 else (0.0 if sf < 6 else 0.6)
        D['night'][d] = 1.3 if wk else 1.0
    W.dayw = D
    W.wmean = {n: sum(v) / NDAYS for n, v in D.items()}
    W.wcum = {}
    for n, v in D.items():
        c, s = [], 0.0
        for x in v:
            s += x
            c.append(s)
        W.wcum[n] = (c, s)


def dpick(W, name):
    c, s = W.wcum[name]
    if s <= 0:
        return W.r.randrange(NDAYS)
    return min(NDAYS - 1, bisect.bisect_right(c, W.r.random() * s))


HUB_MEMO = {'tenpay': '财付通-微信支付', 'alipay': '支付宝-快捷支付', 'unionpay': '银联云闪付', 'jd': '京东支付',
            'meituan': '美团', 'pdd': '拼多多', 'lkl': 'POS消费'}


def hubpay(W, a, ts, fen, region=None):
    key = W.wpick(W.spend_hubs)
    return W.tx(ts, a, W.hub[key], fen, 'pos' if key == 'lkl' else 'mobile', region, memo=HUB_MEMO[key])


def pick_acc(W, P, main_p=0.8):
    a = P['a']
    if len(a) == 1 or W.p(main_p):
        return a[0]
    return a[W.r.randrange(1, len(a))]


def daily_life(W, P, rate, med, atm_rate, prof='person', away=None, own_rate=0.5, sig=1.0, inbound=0.08):
    """ordinary consumption through payment firms, ATM cash, own-account moves, small refunds.
    away = (first_day, last_day, region): days spent away from Fujian (home visit)"""
    a0 = P['a'][0]
    n = W.pois(rate * W.wmean['consume'] * W.cfg['act'])
    for _ in range(n):
        d = dpick(W, 'consume')
        reg = away[2] if (away and away[0] <= d <= away[1]) else None
        hubpay(W, pick_acc(W, P), W.at(d, prof), W.fen_ln(med, sig, 1, 30000), reg)
    for _ in range(W.pois(rate * inbound)):
        d = W.r.randrange(NDAYS)
        key = 'tenpay' if W.p(0.6) else 'alipay'
        W.tx(W.at(d, prof), W.hub[key], a0, W.fen_ln(120, 1.0, 1, 5000), 'other',
             memo='零钱提现' if key == 'tenpay' else '余额提现')
    for _ in range(W.pois(atm_rate)):
        d = W.r.randrange(NDAYS)
        reg = away[2] if (away and away[0] <= d <= away[1]) else P['loc']
        W.tx(W.at(d, prof), a0, None, W.fen_ln(800, 0.7, 100, 5000, step=100), 'atm', reg, 'withdrawal')
    if len(P['a']) > 1:
        for _ in range(W.pois(own_rate)):
            d = W.r.randrange(NDAYS)
            x, y = W.r.sample(P['a'], 2)
            W.tx(W.at(d, prof), x, y, W.fen_ln(3000, 1.0, 100, 200000, step=100), 'mobile', memo='')


def utilities(W, P, d_list=None):
    a = P['a'][0]
    xm = P['loc'].startswith('3502')
    for key, med in (('grid', 180), ('water_xm' if xm else 'water_qz', 45), ('cmcc' if W.p(0.6) else 'telecom', 90)):
        if W.p(0.75):
            d = W.r.randrange(NDAYS)
            W.tx(W.at(d), a, W.hub[key], W.fen_ln(med, 0.4, 10, 3000), 'mobile', memo='代扣' if W.p(0.5) else '缴费')


# ----------------------------------------------------------------------------------------------
# lawful activity
# ----------------------------------------------------------------------------------------------
def sf_day(W, m, d):
    """day index of a 2024 date in the V3 window (or None)"""
    return W.day_of(2024, m, d)


def gen_factories(W):
    V = W.variant
    for F in W.factories:
        fa = F['a'][0]
        base = F['size'] / 120.0
        # payroll (batch), V3: a final settlement with bonus before closing for the holiday
        paydays = W.dom_days(F['payday'])
        for d in paydays:
            if W.dayw['factory'][d] < 0.1:
                continue
            ts = d * DAY + W.ri(9, 16) * HOUR + W.ri(0, 3000)
            for k, P in enumerate(F['workers']):
                amt = int(P['wage'] * W.U(0.82, 1.18))
                W.tx(ts + k * W.ri(1, 3), fa, P['a'][0], amt, 'other', '', memo='工资')
        if V == 'V3':
            d = sf_day(W, 2, W.ri(1, 4))
            ts = d * DAY + W.ri(9, 15) * HOUR
            for k, P in enumerate(F['workers']):
                amt = int(P['wage'] * W.U(0.7, 1.2)) + W.fen_round(500, 4000, 100)
                W.tx(ts + k * W.ri(1, 3), fa, P['a'][0], amt, 'other', '', memo='年终工资及奖金')
            # 尾牙 red envelopes from the boss (1/26)
            d = sf_day(W, 1, 26)
            ts = d * DAY + W.ri(18, 20) * HOUR
            for k, P in enumerate(F['workers']):
                if W.p(0.7):
                    W.tx(ts + k * W.ri(2, 20), fa, P['a'][0], W.pick(LUCKY[4:12]), 'online', '', memo='尾牙红包')
        # customers, exports, suppliers, social insurance, taxes, utilities
        for _ in range(W.pois(10 * base * W.wmean['factory'])):
            d = dpick(W, 'factory')
            if W.p(0.22):
                W.tx(W.at(d, 'office'), W.pick(W.export_buyers), W.pick(F['a']), W.fen_ln(260000, 0.8, 20000,
                     4000000), 'online', '', memo='货款', xb=True)
            else:
                W.tx(W.at(d, 'office'), W.pick(W.clients_far), W.pick(F['a']), W.fen_ln(300000, 0.9, 10000,
                     5000000), 'online', '', memo='货款')
        for _ in range(W.pois(12 * base * W.wmean['factory'])):
            d = dpick(W, 'factory')
            W.tx(W.at(d, 'office'), W.pick(F['a']), W.pick(W.suppliers), W.fen_ln(90000, 0.9, 3000, 2000000),
                 'online', '', memo=W.pick(['材料款', '货款', '鞋底款', '面料款', '']))
        for key, med in (('ssf_qz', 60000 * base), ('tax', 120000 * base), ('grid', 40000 * base)):
            d = W.dom_days(W.ri(10, 20))
            if d:
                W.tx(W.at(d[0], 'office'), fa, W.hub[key], W.fen_ln(med, 0.3, 1000, 5e6), 'online', '')
        if W.p(0.5):
            owner = W.pick(W.families)['adults'][0]
            d = dpick(W, 'biz')
            W.tx(W.at(d, 'office'), fa, owner['a'][0], W.fen_round(20000, 300000, 1000), 'online', '')


def gen_suppliers(W):
    for s in W.suppliers:
        for _ in range(W.pois(6 * W.wmean['factory'])):
            d = dpick(W, 'factory')
            W.tx(W.at(d, 'office'), s, W.pick(W.clients_far), W.fen_ln(60000, 0.8, 2000, 1e6), 'online', '',
                 memo='原料款')
        for key in ('ssf_qz', 'tax', 'grid'):
            d = W.dom_days(W.ri(10, 20))
            if d:
                W.tx(W.at(d[0], 'office'), s, W.hub[key], W.fen_ln(20000, 0.5, 500, 1e6), 'online', '')


def worker_away(W, P):
    """V3: most migrant workers travel home for the Spring Festival"""
    if W.variant != 'V3' or not P['home'] or P['home'][:2] == '35' or not W.p(0.82):
        return None
    go = sf_day(W, 2, W.ri(1, 8))
    back = sf_day(W, 2, W.ri(16, 26)) if W.p(0.5) else None
    return (go, back if back is not None else NDAYS + 5, P['home'])


def gen_workers(W):
    V = W.variant
    for P in W.workers:
        a0 = P['a'][0]
        away = worker_away(W, P)
        P['away'] = away
        if away:
            W.away[a0] = away
        # rent to the landlord at the start of the month (some pay cash: invisible)
        if P['landlord'] and W.p(0.8):
            for d in W.dom_days(W.ri(1, 6)):
                if away and away[0] <= d:
                    continue
                W.tx(W.at(d, 'eve'), a0, P['landlord']['a'][0], P['rent'], 'mobile', memo='房租')
        # money home: after payday (factory: the payroll day), round sums
        if P['fam'] is not None:
            pdays = []
            if P['etype'] == 'factory':
                pdays = W.dom_days(P['emp']['payday'])
            elif P['etype'] == 'restaurant':
                pdays = W.dom_days(P['emp']['payday'])
            else:
                pdays = [W.r.randrange(NDAYS)]
            for d in pdays:
                if W.p(0.75):
                    d2 = min(NDAYS - 1, d + W.ri(0, 3))
                    amt = W.fen_round(800, max(1000, P['wage'] * 0.75 / 100), 100)
                    W.tx(W.at(d2, 'eve'), a0, P['fam'], amt, 'mobile', memo=W.pick(['', '生活费', '家用', '']))
            if V == 'V3' and away:
                d2 = max(0, away[0] - W.ri(0, 3))
                W.tx(W.at(d2, 'eve'), a0, P['fam'], W.fen_round(3000, 20000, 500), 'mobile', memo='过年')
        if len(P['a']) > 1 and W.accs[P['a'][1]].region == P['home'] and W.p(0.5):
            d = W.r.randrange(NDAYS)
            W.tx(W.at(d, 'eve'), a0, P['a'][1], W.fen_round(500, 5000, 100), 'mobile')
        # co-workers: small round loans, shared meals
        for _ in range(W.pois(1.2)):
            d = W.r.randrange(NDAYS)
            mates = P['emp'].get('workers') or P['emp'].get('staff') or P['emp'].get('crew') or W.workers
            q = W.pick(mates)
            if q is not P:
                W.tx(W.at(d, 'eve'), a0, q['a'][0], W.fen_round(50, 1000, 50) if W.p(0.8) else W.fen_irr(10, 300),
                     'mobile', away[2] if (away and away[0] <= d <= away[1]) else None)
        daily_life(W, P, 16, 55, 1.4, 'person', away)
        if V == 'V3' and away:
            d = max(0, away[0] - W.ri(3, 12))
            W.tx(W.at(d), a0, W.hub['rail'], W.fen_ln(450, 0.5, 80, 2500), 'mobile', memo='12306火车票')
            for _ in range(W.ri(1, 3)):
                d = W.ri(away[0], min(NDAYS - 1, away[1]))
                W.tx(W.at(d), a0, None, W.fen_round(500, 3000, 100), 'atm', P['home'], 'withdrawal')


def gen_foremen(W):
    V = W.variant
    for F in W.foremen:
        fa = F['a'][0]
        comp = F['company'][0]
        workers = F['workers']
        wsum = sum(P['wage'] for P in workers) or 50000
        if V == 'V3':
            # year-end settlement: the company pays the foreman, the foreman pays everyone in full
            d = sf_day(W, 1, W.ri(24, 31)) or 2
            ts = W.at(d, 'office')
            total = int(wsum * W.U(3.5, 7.0))
            parts = W.ri(1, 3)
            for k in range(parts):
                W.tx(ts + k * W.ri(300, 4000), comp, F['a'][k % len(F['a'])], total // parts, 'online', '',
                     memo='工程款')
            ts2 = ts + W.ri(1, 30) * HOUR
            for k, P in enumerate(workers):
                amt = W.fen_round(P['wage'] * 2.5 / 100, P['wage'] * 6.5 / 100, 100)
                W.tx(ts2 + k * W.ri(20, 200), fa, P['a'][0], amt, 'mobile', memo='工资结算')
        else:
            for _ in range(W.ri(1, 2)):
                d = dpick(W, 'biz')
                ts = W.at(d, 'office')
                W.tx(ts, comp, fa, int(wsum * W.U(0.9, 1.6)) // 100 * 100, 'online', '', memo='工程进度款')
                ts2 = ts + int(W.U(0.5, 30) * HOUR)
                for k, P in enumerate(workers):
                    if W.p(0.85):
                        amt = W.fen_round(800, max(1000, P['wage'] * 0.9 / 100), 100)
                        W.tx(ts2 + k * W.ri(20, 180), fa, P['a'][0], amt, 'mobile',
                             memo=W.pick(['生活费', '工资', '']))
        for _ in range(W.pois(3)):
            d = dpick(W, 'biz')
            W.tx(W.at(d), fa, W.pick(W.wholesalers + W.suppliers), W.fen_round(2000, 60000, 100), 'mobile',
                 memo='材料')
        daily_life(W, F, 14, 90, 1.0)


def gen_restaurants(W):
    for R in W.restaurants:
        ra = R['a'][0]
        for d in range(NDAYS):
            for key in ('tenpay', 'alipay', 'meituan'):
                if W.p(0.85 * W.dayw['shop'][d]):
                    W.tx(d * DAY + W.ri(1, 4) * HOUR + W.ri(0, 3000), W.hub[key], ra, W.fen_ln(6000, 0.6, 100,
                         200000), 'other', '', memo='商户结算')
        for P in R['staff']:
            for d in W.dom_days(R['payday']):
                W.tx(W.at(d, 'office'), ra, P['a'][0], int(P['wage'] * W.U(0.9, 1.1)), 'online', '', memo='工资')
        for _ in range(W.pois(10)):
            d = W.r.randrange(NDAYS)
            W.tx(W.at(d, 'early'), ra, W.pick(W.wholesalers), W.fen_ln(12000, 0.7, 500, 200000), 'online', '',
                 memo='货款')
        for key in ('grid', 'tax', 'ssf_qz'):
            d = W.dom_days(W.ri(10, 20))
            if d:
                W.tx(W.at(d[0], 'office'), ra, W.hub[key], W.fen_ln(15000, 0.5, 500, 1e6), 'online', '')


def gen_public(W):
    """schools, hospitals, district governments: purchases (their staff's salaries come with the families)"""
    for E in W.public:
        ea = E['a'][0]
        for _ in range(W.pois(6)):
            d = dpick(W, 'biz')
            W.tx(W.at(d, 'office'), ea, W.pick(W.wholesalers + W.suppliers + [c[0] for c in W.constructions[:3]]),
                 W.fen_ln(50000, 0.8, 1000, 2e6), 'online', '')


def gen_tech(W):
    V = W.variant
    for E in W.techs:
        ea = E['a'][0]
        for d in W.dom_days(E['payday']):
            ts = d * DAY + W.ri(9, 15) * HOUR
            for k, P in enumerate(E['staff']):
                W.tx(ts + k, ea, P['a'][0], int(P['wage'] * W.U(0.95, 1.05)), 'other', '', memo='工资')
        if V == 'V3':
            d = sf_day(W, 2, W.ri(1, 7))
            ts = d * DAY + W.ri(9, 15) * HOUR
            for k, P in enumerate(E['staff']):
                W.tx(ts + k, ea, P['a'][0], int(P['wage'] * W.U(0.5, 4.0)), 'other', '', memo='年终奖')
        for _ in range(W.pois(5)):
            d = dpick(W, 'biz')
            W.tx(W.at(d, 'office'), W.pick(W.clients_far + [W.hub['alipay'], W.hub['tenpay']]), W.pick(E['a']),
                 W.fen_ln(150000, 1.0, 5000, 5e6), 'online', '', memo='服务费')
        for key in ('ssf_xm', 'tax', 'grid'):
            d = W.dom_days(W.ri(10, 20))
            if d:
                W.tx(W.at(d[0], 'office'), ea, W.hub[key], W.fen_ln(40000, 0.6, 500, 2e6), 'online', '')
    for P in W.techstaff:
        a0 = P['a'][0]
        if P['landlord']:
            for d in W.dom_days(W.ri(1, 5)):
                W.tx(W.at(d, 'eve'), a0, P['landlord']['a'][0], P['rent'], 'mobile', memo='房租')
        if P['mortgage']:
            for d in W.dom_days(W.ri(15, 25)):
                W.tx(d * DAY + W.ri(1, 6) * HOUR, a0, W.loan.get(W.accs[a0].bank, W.loan['ICBC']), P['mortgage'],
                     'other', memo='贷款还款')
        daily_life(W, P, 30, 85, 0.3, 'person', own_rate=1.0)
        utilities(W, P)
        if W.p(0.25):
            d = dpick(W, 'consume')
            W.tx(W.at(d), a0, W.hub['airline'], W.fen_ln(1400, 0.5, 300, 8000), 'mobile', memo='机票')
        if len(P['a']) > 1 and W.p(0.5):
            d = W.r.randrange(NDAYS)
            W.tx(W.at(d), a0, P['a'][1], W.fen_round(5000, 100000, 1000), 'mobile', memo='理财')
        if W.p(0.35):
            W.tx(W.at(W.r.randrange(NDAYS)), a0, W.pick(W.local_main), W.fen_round(100, 3000, 100), 'mobile')
        if W.variant == 'V3':
            if P['home'] and not P['home'].startswith('35') and W.p(0.7):
                d = sf_day(W, 2, W.ri(5, 9))
                W.tx(W.at(d), a0, W.hub['airline'] if W.p(0.5) else W.hub['rail'], W.fen_ln(1500, 0.5, 200, 9000),
                     'mobile')
            for _ in range(W.ri(0, 5)):
                d = sf_day(W, 2, W.ri(8, 12))
                W.tx(W.at(d, 'eve'), a0, W.pick(W.local_main), W.pick(LUCKY[7:16]), 'mobile', memo='红包')


def gen_families(W):
    V = W.variant
    wed_p, car_p, flat_p = (0.05, 0.03, 0.008) if V == 'V3' else (0.014, 0.012, 0.01)
    for F in W.families:
        adults = F['adults']
        for j, P in enumerate(adults):
            a0 = P['a'][0]
            emp = P['emp']
            if emp is not None:
                for d in W.dom_days(emp['payday']):
                    W.tx(d * DAY + W.ri(8, 15) * HOUR + W.ri(0, 3599), emp['a'][0], a0,
                         int(P['wage'] * W.U(0.95, 1.08)), 'other', '', memo='工资')
                if V == 'V3' and W.p(0.6):
                    d = sf_day(W, 2, W.ri(1, 8))
                    W.tx(d * DAY + W.ri(9, 16) * HOUR, emp['a'][0], a0, int(P['wage'] * W.U(0.5, 2.5)), 'other',
                         '', memo='年终奖')
            if P['mortgage'] and P['loan_bank'] in W.loan:
                for d in W.dom_days(W.ri(15, 25)):
                    W.tx(d * DAY + W.ri(1, 6) * HOUR, a0, W.loan[P['loan_bank']], P['mortgage'], 'other',
                         memo='房贷还款')
            daily_life(W, P, 24, 70, 0.8, own_rate=0.8)
            if j == 0:
                utilities(W, P)
            if j == 0 and len(adults) == 2:
                for _ in range(W.pois(1.6)):
                    W.tx(W.at(W.r.randrange(NDAYS)), a0, adults[1]['a'][0], W.fen_round(200, 10000, 100), 'mobile')
            if j == 0:
                for R in F['parents']:
                    if W.p(0.4):
                        W.tx(W.at(W.r.randrange(NDAYS)), a0, R['a'][0], W.fen_round(500, 3000, 100), 'mobile',
                             memo='孝敬')
                for sh in F['students']:
                    sa = W.holders[sh].accs[0]
                    for _ in range(W.ri(1, 2)):
                        W.tx(W.at(W.r.randrange(NDAYS)), a0, sa, W.fen_round(800, 3000, 100), 'mobile',
                             memo='生活费')
            for _ in range(W.pois(1.0)):
                W.tx(W.at(W.r.randrange(NDAYS), 'eve'), a0, W.pick(W.local_main),
                     W.fen_round(100, 5000, 100) if W.p(0.7) else W.fen_irr(5, 800), 'mobile')
            if W.p(0.08):
                W.tx(W.at(dpick(W, 'biz'), 'office'), a0, W.hub['insurer'], W.fen_ln(6000, 0.7, 500, 80000),
                     'mobile', memo='保费')
            if W.p(0.04):
                other = W.pick(W.families)['adults'][0]['a'][0]
                W.tx(W.at(W.r.randrange(NDAYS)), a0, other, W.fen_round(10000, 200000, 1000), 'mobile',
                     memo=W.pick(['借款', '还款', '']))
            if V == 'V3':
                for _ in range(W.ri(2, 8)):
                    d = sf_day(W, 2, W.ri(8, 14))
                    W.tx(W.at(d, 'eve'), a0, W.pick(W.local_main), W.pick(LUCKY[3:17]), 'mobile', memo='红包')
                if W.p(0.5):
                    d = sf_day(W, 2, W.ri(1, 8))
                    W.tx(W.at(d), a0, None, W.fen_round(2000, 20000, 1000), 'counter', P['loc'], 'withdrawal',
                         memo='新钞')
        P = adults[0]
        a0 = P['a'][0]
        # one-off large payments: a car, a flat deposit, a wedding
        if W.p(car_p):
            d = dpick(W, 'consume')
            ts = W.at(d, 'office')
            amt = W.fen_round(60000, 320000, 100)
            if len(P['a']) > 1:
                W.tx(ts - W.ri(600, 20000), P['a'][1], a0, amt, 'mobile')
            W.tx(ts, a0, W.pick(W.dealers), amt, W.pick(['counter', 'online', 'pos']), memo='购车款')
        if W.p(flat_p):
            d = dpick(W, 'biz')
            ts = W.at(d, 'office')
            if F['parents'] and W.p(0.6):
                W.tx(ts - W.ri(3600, 3 * DAY), F['parents'][0]['a'][0], a0, W.fen_round(50000, 300000, 10000),
                     'counter')
            if W.p(0.6):
                amt = W.fen_round(100000, 800000, 1000)
                parts = 2 if amt > 50000000 else 1
                for k in range(parts):
                    W.tx(ts + k * 600, a0, W.pick(W.developers), amt // parts, 'counter', memo='购房首付')
            else:
                seller = W.pick(W.families)['adults'][0]['a'][0]
                W.tx(ts, a0, seller, W.fen_round(20000, 100000, 10000), 'mobile', memo='购房定金')
        if W.p(wed_p):
            d = dpick(W, 'consume')
            if d > NDAYS - 3:
                d = NDAYS - 4
            bride = W.pick(W.families)['adults'][0]['a'][0]
            payer = F['parents'][0]['a'][0] if (F['parents'] and W.p(0.5)) else a0
            W.tx(W.at(d, 'office'), payer, bride, W.pick([6666600, 8888800, 12800000, 16888800, 18888800,
                                                        20000000, 28888800]), 'counter', memo='彩礼')
            W.tx(W.at(d, 'office'), a0, W.pick(W.jewelry), W.fen_round(10000, 80000, 100), 'pos', memo='三金')
            hall = W.pick([R for R in W.restaurants if W.holders[W.accs[R['a'][0]].h].arch ==
                           'wedding_banquet_hall'] or W.restaurants)
            W.tx(W.at(d + 1, 'office'), a0, hall['a'][0], W.fen_round(30000, 150000, 100), 'mobile', memo='婚宴')
            # wedding gifts (礼金) from many relatives and friends into the couple's account
            gd = d + 2
            for _ in range(W.ri(12, 45)):
                W.tx(W.at(gd + W.ri(0, 1), 'eve'), W.pick(W.local_main), a0,
                     W.pick([60000, 80000, 100000, 120000, 160000, 200000, 66600, 88800, 500000]), 'mobile',
                     memo=W.pick(['新婚快乐', '礼金', '', '']))


def gen_retirees(W):
    V = W.variant
    for P in W.retirees:
        a0 = P['a'][0]
        for d in W.dom_days(8 if P['ssf'] == W.hub['ssf_qz'] else 10):
            W.tx(d * DAY + W.ri(2, 7) * HOUR, P['ssf'], a0, P['pension'], 'other', '', memo='养老金')
        for _ in range(W.pois(1.1)):
            d = W.r.randrange(NDAYS)
            ch = 'counter' if W.p(0.45) else 'atm'
            W.tx(W.at(d, 'counter' if ch == 'counter' else 'retiree'), a0, None, W.fen_round(300, 5000, 100), ch,
                 P['loc'], 'withdrawal')
        daily_life(W, P, 6, 60, 0, 'retiree', own_rate=0.15, inbound=0.02)
        fam = P['fam']
        if W.p(0.22):
            W.tx(W.at(W.r.randrange(NDAYS), 'retiree'), a0, fam['adults'][0]['a'][0], W.fen_round(1000, 20000, 500),
                 'mobile' if W.p(0.6) else 'counter')
        for sh in fam['students']:
            if W.p(0.3):
                W.tx(W.at(W.r.randrange(NDAYS), 'retiree'), a0, W.holders[sh].accs[0], W.fen_round(200, 2000, 100),
                     'mobile')
        if V == 'V3':
            kids = [x['a'][0] for x in fam['adults']] + [W.holders[sh].accs[0] for sh in fam['students']]
            for q in kids:
                if W.p(0.7):
                    d = sf_day(W, 2, W.ri(9, 11))
                    W.tx(W.at(d, 'retiree'), a0, q, W.pick(LUCKY[7:19]), 'mobile', memo='压岁钱')


def gen_students(W):
    V = W.variant
    studs = W.students
    by_loc = {}
    for P in studs:
        by_loc.setdefault(P['loc'], []).append(P)
    fac = W.wmean['student']
    for P in studs:
        a0 = P['a'][0]
        away = None
        if (V == 'V2' and W.p(0.7)) or (V == 'V3' and W.p(0.85)):
            away = (0, NDAYS + 5, P['home'])
            W.away[a0] = away
        P['away'] = away
        for _ in range(W.ri(1, 2)):
            d = W.r.randrange(NDAYS)
            W.tx(W.at(d, 'eve'), P['parent'], a0, P['allowance'], 'mobile', away[2] if away else None,
                 memo=W.pick(['生活费', '', '']))
        daily_life(W, P, 26, 28, 0.35, 'student', away, own_rate=0.3, sig=0.9)
        mates = by_loc[P['loc']]
        for _ in range(W.pois(3.0 * (fac if away is None else 0.5))):
            q = W.pick(mates)
            if q is not P:
                W.tx(W.at(W.r.randrange(NDAYS), 'student'), a0, q['a'][0],
                     W.fen_irr(5, 150) if W.p(0.6) else W.fen_round(20, 500, 10), 'mobile',
                     away[2] if away else None, memo=W.pick(['AA', '饭钱', '', '', '车费']))
        if W.p(0.3):
            for _ in range(W.pois(2)):
                W.tx(W.at(W.r.randrange(NDAYS), 'night'), a0, W.hub['tencent_game'],
                     W.pick([600, 3000, 6800, 9800, 12800, 19800, 32800, 64800]), 'mobile', memo='游戏充值')
        if P['job']:
            if V == 'V2' and W.p(0.5):
                F = W.pick(W.factories)
                d = W.dom_days(F['payday'])
                if d:
                    W.tx(W.at(d[0], 'office'), F['a'][0], a0, W.fen_irr(1500, 4200), 'other', '', memo='暑期工资')
            elif away is None:
                src = W.pick(W.restaurants)['a'][0] if W.p(0.6) else W.pick(W.training)
                W.tx(W.at(W.r.randrange(NDAYS), 'office'), src, a0, W.fen_irr(600, 3000), 'online', memo='兼职')
        if V == 'V2' and W.p(0.12):
            W.tx(W.at(W.r.randrange(NDAYS)), a0, W.pick(W.training), W.fen_round(2800, 5200, 100), 'mobile',
                 memo='驾校报名')
        if V == 'V3':
            for _ in range(W.ri(0, 3)):
                d = sf_day(W, 2, W.ri(9, 12))
                W.tx(W.at(d), P['parent'], a0, W.pick(LUCKY[5:17]), 'mobile', away[2] if away else None, memo='红包')
        # class monitor collecting class fees: many classmates, one fixed round amount, one evening
        if P['monitor'] and V == 'baseline':
            d = W.ri(0, NDAYS - 5)
            fee = W.pick([5000, 10000, 15000, 20000])
            tot = 0
            for q in mates:
                if q is not P and W.p(0.7) and tot < 45 * fee:
                    if W.tx(W.at(d + (1 if W.p(0.2) else 0), 'eve'), q['a'][0], a0, fee, 'mobile', memo='班费'):
                        tot += fee
            if tot:
                W.tx(W.at(d + W.ri(2, 4), 'office'), a0, W.pick([W.hub['school_fee'], W.pick(W.restaurants)['a'][0],
                     W.pick(W.training)]), int(tot * W.U(0.6, 1.0)), 'mobile', memo='班级活动')


def gen_shops(W):
    for P in W.shops:
        a0 = P['a'][0]
        s = P['scale']
        pool = W.by_city['xm' if P['loc'].startswith('3502') else 'qz']
        prof = 'night' if P['kind'] == 'night_snack' else 'person'
        for d in range(NDAYS):
            f = W.dayw['shop'][d] * s
            if W.p(0.85 * min(1.0, f + 0.2)):
                W.tx(d * DAY + W.ri(1, 6) * HOUR + W.ri(0, 3599), W.hub['tenpay' if W.p(0.6) else 'alipay'], a0,
                     W.fen_ln(900 * f + 50, 0.5, 10, 50000), 'other', '', memo='收款码结算')
            for _ in range(W.pois(3.5 * f)):
                payer = W.pick(pool)
                aw = W.away.get(payer)
                if aw and aw[0] <= d <= aw[1]:
                    continue
                W.tx(W.at(d, prof), payer, a0, W.fen_irr(6, 180) if W.p(0.7) else W.fen_round(10, 500, 10),
                     'mobile', memo='')
        sup = W.fertilizer if P['kind'] == 'farm_supplies' else W.wholesalers
        for _ in range(W.pois(8 * s)):
            W.tx(W.at(dpick(W, 'shop'), 'early'), a0, W.pick(sup), W.fen_ln(3000 * s, 0.7, 100, 100000), 'mobile',
                 memo='货款')
        for d in W.dom_days(W.ri(1, 6))[:1]:
            W.tx(W.at(d, 'eve'), a0, P['landlord']['a'][0], P['rent'], 'mobile', memo='店租')
        for _ in range(W.ri(0, 2)):
            d = W.dom_days(W.ri(5, 15))
            if d:
                W.tx(W.at(d[0], 'eve'), a0, W.pick(pool), W.fen_round(2800, 6000, 100), 'mobile', memo='工资')
        for _ in range(W.pois(1.5)):
            W.tx(W.at(W.r.randrange(NDAYS), 'counter'), None, a0, W.fen_round(1000, 20000, 100), 'counter',
                 P['loc'], 'deposit', memo='现金存款')
        daily_life(W, P, 10, 60, 0.5, own_rate=1.0)
        utilities(W, P)


def gen_tea(W):
    for P in W.traders:
        s = P['scale']
        for _ in range(W.pois(38 * s * W.wmean['tea_sell'])):
            d = dpick(W, 'tea_sell')
            ts = W.at(d, 'person')
            amt = W.fen_ln(22000, 0.9, 800, 600000, step=10 if W.p(0.5) else None)
            to = pick_acc(W, P, 0.6)
            if not W.tx(ts, W.pick(P['buyers']), to, amt, 'mobile' if W.p(0.6) else 'online', memo='茶叶款'):
                continue
            if W.p(0.4):
                # passes most of it to the growers within hours
                t2 = ts + int(W.U(0.2, 6) * HOUR)
                left = int(amt * W.U(0.55, 0.95))
                for _ in range(W.ri(1, 3)):
                    part = min(left, W.fen_round(2000, max(2000, left / 100), 100))
                    if part <= 0:
                        break
                    W.tx(t2, to, W.pick(P['growers'])['a'][0], part, 'mobile', memo='茶款')
                    left -= part
                    t2 += W.ri(60, 1800)
        for _ in range(W.pois(30 * s * W.wmean['tea_buy'])):
            d = dpick(W, 'tea_buy')
            W.tx(W.at(d, 'work'), pick_acc(W, P, 0.7), W.pick(P['growers'])['a'][0],
                 W.fen_round(3000, 60000, 100) if W.p(0.6) else W.fen_irr(2000, 50000), 'mobile', memo='毛茶款')
        for _ in range(W.pois(3)):
            W.tx(W.at(dpick(W, 'biz'), 'office'), P['a'][0], W.pick(W.tea_packaging), W.fen_ln(15000, 0.7, 1000,
                 200000), 'online', memo='包装')
        for _ in range(W.pois(8 * W.wmean['tea_sell'])):
            W.tx(W.at(dpick(W, 'tea_sell')), P['a'][0], W.hub['sf'], W.fen_ln(600, 0.7, 30, 8000), 'mobile',
                 memo='运费')
        daily_life(W, P, 12, 90, 0.8, own_rate=3.0)
    for P in W.growers:
        a0 = P['a'][0]
        daily_life(W, P, 5, 60, 1.0, own_rate=0.3)
        if W.p(0.5):
            W.tx(W.at(W.r.randrange(NDAYS), 'work'), a0, W.pick(W.fertilizer), W.fen_round(500, 8000, 50), 'mobile',
                 memo='肥料')
        if W.accs[a0].bank == 'FJNX' and W.p(0.25):
            for d in W.dom_days(21):
                W.tx(d * DAY + W.ri(1, 5) * HOUR, a0, W.loan['FJNX'], W.fen_irr(1500, 6000), 'other', memo='贷款利息')
        if W.p(0.3):
            W.tx(W.at(W.r.randrange(NDAYS), 'eve'), a0, W.pick(W.local_main), W.fen_round(1000, 5000, 100), 'mobile')
        if W.variant == 'V3' and W.p(0.3):
            d = dpick(W, 'tea_sell')
            W.tx(W.at(d), W.pick(W.teabuyers), pick_acc(W, P), W.fen_round(3000, 40000, 100), 'mobile', memo='茶叶')
    for P in W.teashops:
        s = P['scale']
        for d in range(NDAYS):
            f = W.dayw['teashop'][d]
            for _ in range(W.pois(3.2 * s * f)):
                amt = W.pick(TEA_PRICES) * W.pick([1, 1, 1, 1, 2, 2, 3, 5]) * 100
                if W.p(0.15):
                    amt += W.pick([800, 1000, 1200])
                W.tx(W.at(d, 'live'), W.pick(P['cons']), pick_acc(W, P, 0.85), amt, 'mobile', memo='')
            if W.p(0.55 * min(1, f)):
                W.tx(d * DAY + W.ri(1, 8) * HOUR, W.hub['alipay' if W.p(0.5) else 'tenpay'], P['a'][0],
                     W.fen_ln(1200 * s * f + 50, 0.6, 10, 80000), 'other', '', memo='平台结算')
        for _ in range(W.pois(4 * s)):
            W.tx(W.at(dpick(W, 'teashop'), 'work'), P['a'][0], P['source']['a'][0], W.fen_round(3000, 40000, 500),
                 'mobile', memo='进货')
        for _ in range(W.pois(7)):
            W.tx(W.at(dpick(W, 'teashop')), P['a'][0], W.hub['sf'], W.fen_ln(350, 0.7, 20, 5000), 'mobile',
                 memo='快递费')
        for _ in range(W.pois(2)):
            W.tx(W.at(W.r.randrange(NDAYS), 'live'), P['a'][0], W.hub['tenpay' if W.p(0.5) else 'alipay'],
                 W.fen_round(100, 3000, 100), 'mobile', memo='推广费')
        daily_life(W, P, 10, 60, 0.3, own_rate=1.0)


def gen_garment(W):
    for P in W.stalls:
        s = P['scale']
        fac = P['factory']['a'][0]
        for d in range(NDAYS):
            f = W.dayw['garment'][d]
            tot = 0
            for _ in range(W.pois(3.6 * s * f)):
                amt = W.fen_ln(3200, 0.9, 150, 90000, step=100 if W.p(0.3) else None)
                if W.tx(W.at(d, 'market' if W.p(0.6) else 'live'), W.pick(P['buyers']), pick_acc(W, P, 0.7), amt,
                        'mobile', memo=W.pick(['货款', '', '', '拿货'])):
                    tot += amt
            if tot and W.p(0.55):
                ts = d * DAY + int(W.U(10, 30) * HOUR)
                W.tx(ts, P['a'][0], fac if W.p(0.6) else W.pick(W.suppliers), int(tot * W.U(0.4, 0.9)) // 100 * 100,
                     'mobile', memo=W.pick(['货款', '布料', '']))
        for _ in range(W.pois(10 * W.wmean['garment'])):
            W.tx(W.at(dpick(W, 'garment'), 'eve'), P['a'][0], W.hub['zto' if W.p(0.6) else 'sf'],
                 W.fen_ln(500, 0.8, 20, 10000), 'mobile', memo='物流')
        pool = W.by_city['qz']
        for _ in range(W.ri(0, 2)):
            d = W.dom_days(W.ri(5, 15))
            if d:
                W.tx(W.at(d[0], 'eve'), P['a'][0], W.pick(pool), W.fen_round(3500, 7000, 100), 'mobile', memo='工资')
        daily_life(W, P, 12, 70, 0.6, own_rate=1.5)


def gen_fish(W):
    V = W.variant
    for P in W.fishers:
        a0 = P['a'][0]
        crew = P['crew']
        d = W.ri(0, 4)
        n_land = 0
        while d < NDAYS:
            if W.dayw['fish'][d] > 0 and W.p(W.dayw['fish'][d]):
                n_land += 1
                ts = W.at(d, 'early')
                if W.p(0.75):
                    payer = pick_acc(W, W.pick(W.seafood), 0.6)
                else:
                    payer = W.pick(W.fish_cust)
                amt = W.fen_ln(38000, 0.8, 4000, 350000, step=100 if W.p(0.5) else None)
                W.tx(ts, payer, a0, amt, 'mobile', memo=W.pick(['鱼款', '海鲜款', '', '']))
                W.tx(ts + W.ri(1, 8) * HOUR, a0, W.pick(W.ice_plants), W.fen_round(500, 6000, 50), 'mobile', memo='冰款')
                if n_land % 2 == 0:
                    W.tx(ts + W.ri(2, 30) * HOUR, a0, W.hub['sinopec'], W.fen_ln(18000, 0.5, 2000, 80000), 'mobile',
                         memo='柴油')
                    t2 = ts + int(W.U(3, 36) * HOUR)
                    for k, c in enumerate(crew):
                        W.tx(t2 + k * W.ri(30, 300), a0, c['a'][0], W.fen_round(1500, 7000, 100), 'mobile',
                             memo=W.pick(['分红', '工钱', '']))
            d += W.ri(3, 8)
        if V == 'V2':
            if W.p(0.45):
                W.tx(W.at(dpick(W, 'biz'), 'office'), a0, W.pick(W.shipyards), W.fen_round(10000, 150000, 1000),
                     'mobile', memo='修船款')
            if W.p(0.35):
                W.tx(W.at(dpick(W, 'biz'), 'office'), W.hub['fishery'], a0, W.fen_irr(8000, 60000), 'other', '',
                     memo='休渔补贴')
            for c in crew:
                if W.p(0.3):
                    W.tx(W.at(W.r.randrange(NDAYS), 'eve'), a0, c['a'][0], W.fen_round(500, 2000, 100), 'mobile',
                         memo='预支')
        if V == 'V3':
            d = sf_day(W, 2, W.ri(1, 7))
            for k, c in enumerate(crew):
                W.tx(W.at(d, 'eve') + k * 60, a0, c['a'][0], W.fen_round(3000, 30000, 500), 'mobile', memo='年终分红')
        daily_life(W, P, 8, 70, 0.8, own_rate=0.6)
    for P in W.seafood:
        fac = W.wmean['fish'] if V != 'V2' else 0.45
        for d in range(NDAYS):
            for _ in range(W.pois(2.4 * max(W.dayw['fish'][d], 0.4 if V == 'V2' else 0.1))):
                W.tx(W.at(d, 'early'), W.pick(W.fish_cust), pick_acc(W, P, 0.6), W.fen_ln(14000, 0.8, 500, 200000),
                     'mobile', memo=W.pick(['海鲜', '货款', '']))
        if V == 'V2':
            for _ in range(W.pois(6)):
                W.tx(W.at(W.r.randrange(NDAYS), 'early'), pick_acc(W, P, 0.6), W.pick(W.fishers)['a'][0],
                     W.fen_round(2000, 20000, 100), 'mobile', memo='养殖货款')
        for _ in range(W.pois(4 * fac)):
            W.tx(W.at(W.r.randrange(NDAYS), 'early'), P['a'][0], W.pick(W.ice_plants), W.fen_round(500, 5000, 50),
                 'mobile')
        daily_life(W, P, 12, 80, 0.8, own_rate=2.5)


def gen_homestays(W):
    for P in W.homestays:
        a0 = P['a'][0]
        price = P['price'] * 100
        for d in range(NDAYS):
            lam = P['rooms'] * 0.09 * W.dayw['tour'][d]
            for _ in range(W.pois(lam)):
                W.tx(W.at(d, 'eve' if W.p(0.6) else 'night'), W.pick(W.tourists), pick_acc(W, P, 0.8),
                     price * W.pick([1, 1, 1, 2, 2, 3]) + W.pick([0, 0, 0, 5000, 10000]), 'mobile',
                     memo=W.pick(['房费', '订金', '', '']))
        for d in range(0, NDAYS, 7):
            occ = sum(W.dayw['tour'][d:d + 7]) / 7
            for key in ('ctrip', 'mt_ota'):
                if W.p(0.8):
                    W.tx(d * DAY + W.ri(10, 16) * HOUR, W.hub[key], a0,
                         int(P['rooms'] * price * 7 * min(0.95, 0.25 * occ) * W.U(0.3, 0.6)), 'other', '',
                         memo='OTA结算')
        for _ in range(W.ri(1, 2)):
            d = W.dom_days(W.ri(5, 15))
            if d:
                W.tx(W.at(d[0], 'eve'), a0, W.pick(W.by_city['xm']), W.fen_round(2500, 4500, 100), 'mobile',
                     memo='保洁工资')
        for _ in range(W.pois(4)):
            W.tx(W.at(W.r.randrange(NDAYS), 'work'), a0, W.pick(W.wholesalers), W.fen_ln(1500, 0.6, 100, 20000),
                 'mobile', memo='布草')
        if W.p(0.3):
            W.tx(W.at(W.r.randrange(NDAYS), 'office'), a0, P['landlord']['a'][0], W.fen_round(20000, 90000, 1000),
                 'mobile', memo='季度房租')
        utilities(W, P)
        daily_life(W, P, 12, 70, 0.4, own_rate=1.0)


def gen_qiao(W):
    mult = 3.0 if W.variant == 'V3' else 1.0
    temples = [T['a'][0] for T in W.temples]
    for P in W.qiao:
        a0 = P['a'][0]
        for _ in range(W.pois(0.8 * mult)):
            d = dpick(W, 'consume') if W.variant != 'V3' else W.ri(0, 18)
            ts = W.at(d, 'office')
            amt = W.fen_ln(30000, 1.0, 2000, 900000)
            if not W.tx(ts, W.pick(P['rel']), a0, amt, 'online' if W.p(0.7) else 'counter', P['loc'],
                        memo=W.pick(['侨汇', '赡家款', 'FAMILY SUPPORT', '']), xb=True):
                continue
            left = int(amt * W.U(0.4, 0.9))
            t2 = ts + int(W.U(2, 72) * HOUR)
            for k in range(W.ri(1, 4)):
                part = min(left, W.fen_round(2000, max(2000, left / 100), 1000))
                if part <= 0:
                    break
                W.tx(t2 + k * W.ri(60, 7200), a0, W.pick(P['kin']), part, 'mobile' if W.p(0.6) else 'counter')
                left -= part
            if W.p(0.3):
                W.tx(t2 + W.ri(1, 48) * HOUR, a0, W.pick(temples), W.fen_round(1000, 30000, 1000), 'mobile',
                     memo='功德款')
            if W.p(0.08):
                W.tx(t2 + W.ri(1, 96) * HOUR, a0, W.pick(W.constructions)[0], W.fen_round(50000, 300000, 1000),
                     'counter', memo='建房款')
        daily_life(W, P, 6, 80, 0.7, 'retiree', own_rate=0.5)


def gen_temples(W):
    ov = W.overseas
    for T in W.temples:
        ta = T['a'][0]
        for d in range(NDAYS):
            fw = W.dayw['temple'][d]
            for _ in range(W.pois(1.7 * T['size'] * fw)):
                x = W.r.random()
                if x < 0.86:
                    donor, xb = W.pick(W.local_main), False
                elif x < 0.92:
                    donor, xb = W.pick(ov), True
                else:
                    donor, xb = W.pick(W.far), False
                W.tx(W.at(d, 'early' if fw > 1.5 and W.p(0.6) else 'person'), donor, W.pick(T['a']),
                     W.wpick(TEMPLE_GIFTS), 'mobile' if not xb else 'online', memo=W.pick(['香油钱', '功德', '添油',
                                                                                           '随喜', '', '']), xb=xb)
        for _ in range(W.pois(2.5 * T['size'])):
            d = dpick(W, 'temple')
            W.tx(W.at(min(NDAYS - 1, d + W.ri(0, 2)), 'office'), ta, W.pick(W.local_main + W.wholesalers),
                 W.fen_round(3000, 60000, 500), 'mobile', memo=W.pick(['戏班', '烟花', '供品', '法会', '']))
        d = W.dom_days(W.ri(10, 20))
        if d:
            W.tx(W.at(d[0], 'office'), ta, W.hub['grid'], W.fen_ln(1500, 0.5, 100, 20000), 'online', '')


def gen_misc(W):
    temples = [T['a'][0] for T in W.temples]
    for P in W.stone:
        a0 = P['a'][0]
        for _ in range(W.pois(1.8)):
            src = W.pick(W.clients_far) if W.p(0.6) else W.pick(temples)
            W.tx(W.at(dpick(W, 'biz'), 'office'), src, pick_acc(W, P, 0.6), W.fen_round(20000, 400000, 1000),
                 'online', memo='石雕工程款')
        for _ in range(W.pois(2)):
            W.tx(W.at(dpick(W, 'biz'), 'work'), a0, W.pick(W.stone_suppliers), W.fen_round(8000, 120000, 500),
                 'mobile', memo='石材款')
        carvers = P['carvers'] or W.r.sample(W.workers, 3)
        d = W.dom_days(W.ri(20, 28))
        if d:
            for k, c in enumerate(carvers):
                W.tx(W.at(d[0], 'eve') + k * 90, a0, c['a'][0], W.fen_round(5000, 13000, 100), 'mobile', memo='工钱')
        daily_life(W, P, 10, 80, 0.6, own_rate=1.0)
    for L in W.landlords['xm'] + W.landlords['qz']:
        daily_life(W, L, 16, 80, 0.8, own_rate=1.2)
        utilities(W, L)
        if W.p(0.15):
            W.tx(W.at(dpick(W, 'biz'), 'office'), L['a'][0], L['a'][-1], W.fen_round(20000, 300000, 10000), 'mobile',
                 memo='理财')
    # a long-dormant account wakes up for a one-off (demolition compensation or a flat sold)
    for P in W.wakers:
        if len(P['a']) < 2:
            continue
        acc = P['a'][-1]
        d = W.ri(1, NDAYS - 6)
        ts = W.at(d, 'office')
        if W.p(0.6):
            amt = W.fen_irr(300000, 3000000)
            W.tx(ts, W.hub['gov_fin'], acc, amt, 'other', '', memo='征迁补偿款')
        else:
            amt = W.fen_round(500000, 2500000, 1000)
            W.tx(ts, W.pick(W.families)['adults'][0]['a'][0], acc, amt, 'counter', memo='购房款')
        left = amt
        t2 = ts + int(W.U(3, 96) * HOUR)
        for k in range(W.ri(2, 5)):
            part = min(left, W.fen_round(30000, max(30000, left / 100 * 0.6), 1000))
            if part <= 0:
                break
            to = P['a'][0] if k == 0 else (W.pick(W.developers) if W.p(0.2) else W.pick(W.local_main))
            W.tx(t2, acc, to, part, 'counter' if W.p(0.5) else 'mobile')
            left -= part
            t2 += int(W.U(0.2, 30) * HOUR)
        main = dict(P)
        main['a'] = [P['a'][0]]
        daily_life(W, main, 8, 70, 0.8)
    for dl in W.dealers:
        for _ in range(W.pois(4)):
            W.tx(W.at(dpick(W, 'biz'), 'office'), dl, W.pick(W.clients_far), W.fen_round(200000, 2000000, 100),
                 'online', memo='车款')
    for dv in W.developers:
        for _ in range(W.pois(3)):
            W.tx(W.at(dpick(W, 'biz'), 'office'), dv, W.pick(W.constructions)[0], W.fen_round(500000, 5000000, 1000),
                 'online', memo='工程款')
        for c in W.constructions:
            if W.p(0.3):
                W.tx(W.at(dpick(W, 'biz'), 'office'), c[0], W.pick(W.suppliers), W.fen_ln(200000, 0.8, 5000, 3e6),
                     'online', memo='材料款')
    for j in W.jewelry + W.phone_shops:
        big = j in W.jewelry
        for d in range(NDAYS):
            if W.p(0.75 * W.dayw['shop'][d]):
                W.tx(d * DAY + W.ri(1, 6) * HOUR, W.hub['lkl' if W.p(0.5) else 'unionpay'], j,
                     W.fen_ln(30000 if big else 8000, 0.8, 500, 800000), 'other', '', memo='POS结算')
        for _ in range(W.pois(3)):
            W.tx(W.at(dpick(W, 'biz'), 'office'), j, W.pick(W.clients_far), W.fen_ln(150000 if big else 40000, 0.7,
                 5000, 3e6), 'online', memo='进货款')


def gen_friends(W):
    """transfers between friends, relatives and neighbours in the same city: AA bills, small loans,
    favours repaid, red envelopes"""
    V = W.variant
    for P in W.people:
        pool = W.by_city['xm' if P['loc'].startswith('3502') else 'qz']
        fr = [W.pick(pool) for _ in range(W.ri(4, 12))]
        lam = 2.4 * (1.3 if V == 'V3' else 1.0)
        away = P.get('away')
        for _ in range(W.pois(lam)):
            d = W.r.randrange(NDAYS)
            q = W.pick(fr)
            if q == P['a'][0]:
                continue
            if V == 'V3' and 17 <= d <= 22 and W.p(0.6):
                amt, memo = W.pick(LUCKY[1:15]), '红包'
            elif W.p(0.6):
                amt, memo = W.fen_round(50, 2000, 50), W.pick(['', '', '还你', '借你的', '请客'])
            else:
                amt, memo = W.fen_irr(5, 800), W.pick(['', 'AA', '饭钱', ''])
            reg = away[2] if (away and away[0] <= d <= away[1]) else None
            W.tx(W.at(d, 'eve'), pick_acc(W, P, 0.85), q, amt, 'mobile', reg, memo=memo)


def gen_newcomers(W):
    for P in W.newcomers:
        emp = P['emp']
        a0 = P['a'][0]
        for d in W.dom_days(emp['payday']):
            W.tx(d * DAY + W.ri(9, 15) * HOUR, emp['a'][0], a0, int(P['wage'] * W.U(0.5, 1.0)), 'other', '',
                 memo='工资')
        L = W.pick(W.landlords['xm' if P['loc'].startswith('3502') else 'qz'])
        d = W.ri(0, NDAYS - 1)
        W.tx(W.at(d, 'eve'), pick_acc(W, P, 0.5), L['a'][0], W.fen_round(3000, 12000, 100), 'mobile', memo='押金房租')
        daily_life(W, P, 20, 70, 0.6, own_rate=2.5)


def gen_far(W):
    """far-away accounts at supplying banks: a light background life (salary, spending, cash)"""
    emps = W.far_employers
    for a in W.far:
        A = W.accs[a]
        if not A.sup:
            continue
        if W.holders[A.h].corp:
            for _ in range(W.pois(5)):
                other = W.pick(W.far)
                if other != a:
                    if W.p(0.5):
                        W.tx(W.at(dpick(W, 'biz'), 'office'), a, other, W.fen_ln(40000, 1.0, 500, 2e6), 'online')
                    else:
                        W.tx(W.at(dpick(W, 'biz'), 'office'), other, a, W.fen_ln(40000, 1.0, 500, 2e6), 'online')
            continue
        if W.p(0.75):
            e = W.pick(emps)
            for d in W.dom_days(W.ri(1, 28)):
                W.tx(d * DAY + W.ri(8, 16) * HOUR, e, a, W.fen_ln(7000, 0.4, 2500, 40000), 'other', A.region,
                     memo='工资')
        for _ in range(W.pois(9)):
            hubpay(W, a, W.at(dpick(W, 'consume')), W.fen_ln(80, 1.0, 1, 20000), A.region)
        for _ in range(W.pois(0.8)):
            W.tx(W.at(W.r.randrange(NDAYS)), a, None, W.fen_round(200, 3000, 100), 'atm', A.region, 'withdrawal')
        for _ in range(W.pois(1.0)):
            other = W.pick(W.far)
            if other != a and not W.holders[W.accs[other].h].corp:
                W.tx(W.at(W.r.randrange(NDAYS)), a, other, W.fen_round(100, 3000, 100), 'mobile', A.region)


# ----------------------------------------------------------------------------------------------
# fraud: victims, mule networks, 跑分, card farmers, exits
# ----------------------------------------------------------------------------------------------
# type: (min payments, max payments, median yuan, sigma, share of round amounts, time profile, spread days)
FRAUD_T = {
    'brushing': (2, 5, 2600, 0.9, 0.35, 'eve', 1),
    'ecommerce_cs': (1, 3, 11000, 0.9, 0.25, 'person', 1),
    'investment': (1, 5, 38000, 1.0, 0.45, 'eve', 12),
    'loan_card': (2, 4, 4200, 0.8, 0.3, 'person', 2),
    'credit_record': (1, 3, 28000, 0.9, 0.3, 'office', 2),
    'police_gov': (1, 4, 110000, 0.9, 0.35, 'office', 3),
    'leader_acquaintance': (1, 2, 48000, 0.7, 0.8, 'office', 1),
    'romance': (2, 6, 26000, 1.0, 0.5, 'eve', 18),
    'game_trade': (1, 2, 1500, 0.8, 0.3, 'student', 1),
    'shopping_service': (1, 2, 1100, 0.9, 0.2, 'person', 1),
    'fake_job': (1, 2, 600, 0.7, 0.5, 'person', 1),
    'subsidy_refund': (1, 2, 7800, 0.7, 0.2, 'office', 1),
    'accident_kidnap': (1, 2, 30000, 0.6, 0.9, 'person', 1),
    'prize': (1, 3, 4800, 0.8, 0.4, 'person', 2),
}
FRAUD_MEMO = {'investment': ['入金', '充值', '', ''], 'police_gov': ['', '资金清查', '安全账户', ''],
              'loan_card': ['解冻费', '保证金', '', ''], 'brushing': ['', '任务', '垫付', ''],
              'credit_record': ['', '还款', ''], 'romance': ['', '', '转账'], 'leader_acquaintance': ['', '借款', '']}
SUP_W = [('ICBC', 25), ('CCB', 22), ('CIB', 18), ('XMBANK', 12), ('FJNX', 23)]
NONSUP_LOCAL = ['BOC', 'ABC', 'PSBC', 'CMB', 'QZBANK', 'XMRCB', 'BOCOM', 'SPDB', 'PAB', 'CMBC', 'CITIC']
NONSUP_FAR = ['BOC', 'ABC', 'PSBC', 'CMB', 'BOCOM', 'SPDB', 'PAB', 'CMBC', 'CITIC', 'CEB', 'HXB']


class Fraud:
    def __init__(self, W):
        self.W = W
        self.cfg = W.cfg
        self.heap = []
        self.seq = 0
        self.fbal = {}
        self.pending = {}
        self.frozen_at = {}
        self.tier_of = {}
        self.vpays = []          # (event index, victim acc, receiving acc, victim id)
        self.victims = []        # dicts
        self.farm_inv = []       # [available_ts, acc]
        self.farmers = []
        self.mule_info = {}      # acc -> dict(tier, ring, reported)
        W.extra_life = []

    def push(self, t, kind, args):
        self.seq += 1
        heapq.heappush(self.heap, (int(t), self.seq, kind, args))

    # ---------------- accounts of the network ----------------
    def new_holder(self, far=False):
        W = self.W
        if far:
            home = W.wpick(MULE_FAR_OPEN) if W.p(0.6) else W.wpick(CHINA_W)
            loc = home
        else:
            loc = W.wpick(LOCAL_W)
            x = W.r.random()
            home = loc if x < 0.45 else (W.wpick(MIGRANT_HOME) if x < 0.85 else W.wpick(CHINA_W))
        h = W.person(home, 'mule_holder', (18, 36))
        return h, home, loc

    def fresh_card(self, t, kind, sup_p):
        """a card opened for selling: kind 'fresh' (days before use), 'weeks' (weeks/months before),
        'ext' (a far card at an institution that supplies no data)"""
        W = self.W
        if kind == 'ext':
            h, home, loc = self.new_holder(far=True)
            bank = W.pick(NONSUP_FAR) if W.p(0.75) else (PROV_RURAL.get(loc[:2]) or HOME_RURAL_BANK.get(loc[:2], 'PSBC'))
            opened = t - int(W.U(10, 400) * DAY)
            a = W.acct(h, bank, opened, loc, 'I', 'mule', 'far_layer_card', before=t - DAY)
            return a
        far = W.p(0.28)
        h, home, loc = self.new_holder(far)
        if W.p(sup_p):
            bank = W.wpick(SUP_W)
            if far and bank in ('XMBANK', 'FJNX'):
                bank = W.pick(['ICBC', 'CCB', 'CIB'])
        else:
            bank = W.pick(NONSUP_FAR if far else NONSUP_LOCAL)
        if kind == 'fresh':
            lo, hi = (0.15, 5) if W.variant == 'V3' else (0.3, 14)
            arch = 'fresh_card'
        else:
            lo, hi = 20, 130
            arch = 'aged_card'
        opened = t - int(W.U(lo, hi) * DAY)
        a = W.acct(h, bank, opened, loc, 'I' if W.p(0.8) else 'II', 'mule', arch, before=t - 2 * HOUR)
        opened = W.accs[a].opened
        W.tx(opened + W.ri(70, 1200), None, a, W.fen_round(10, 100, 10), 'counter', loc, 'deposit', memo='开户存入',
             force=True)
        if not far and W.p(0.35):
            # the seller keeps using an older card of his own for daily life
            b2 = W.local_bank(loc)
            if b2 != bank:
                m = W.acct(h, b2, W.years(1, 8), loc, 'I', 'lawful', 'mule_holder_own_account')
                W.extra_life.append(dict(h=h, a=[m], loc=loc, arch='mule_holder', home=home))
        return a

    def rented_card(self, t):
        W = self.W
        while self.renters:
            P = self.renters.pop()
            if P.get('taken'):
                continue
            P['taken'] = True
            accs = [x for x in P['a'] if W.accs[x].opened < t - 30 * DAY and W.accs[x].role == 'lawful']
            if P['arch'] not in ('student', 'migrant_worker'):
                accs = [x for x in accs if x != P['a'][0]]
            if not accs:
                continue
            a = accs[0] if (len(accs) == 1 or W.p(0.35)) else W.pick(accs[1:])
            A = W.accs[a]
            sold = W.p(0.4)
            A.lend = t - int((W.U(1, 40) if sold else W.U(0.05, 2)) * DAY)
            A.role, A.arch = 'mule', ('sold_old_card_' if sold else 'rented_old_card_') + P['arch']
            return a
        return None

    def farmer_card(self, t):
        inv = self.farm_inv
        for k, (av, a) in enumerate(inv):
            if av <= t and self.W.accs[a].opened < t - HOUR:
                inv.pop(k)
                return a
            if av > t:
                break
        return None

    def get_card(self, R, tier, t):
        W = self.W
        src = W.wpick(self.cfg['l1_src'] if tier == 'L1' else self.cfg['deep_src'])
        a = None
        if src == 'paofen':
            src = 'fresh'
        if src == 'farmer':
            a = self.farmer_card(t)
            if a is None:
                src = 'fresh'
        if src == 'rented':
            a = self.rented_card(t)
            if a is None:
                src = 'weeks'
        if a is None:
            sup_p = 0.62 if tier in ('L1', 'CASH') else 0.5
            a = self.fresh_card(t, src if src in ('fresh', 'weeks', 'ext') else 'fresh', sup_p)
        A = W.accs[a]
        A.used = True
        self.tier_of[a] = (R, tier)
        self.mule_info[a] = dict(tier=tier, ring=R['id'], reported=False, src=src)
        if src in ('fresh', 'weeks', 'farmer') and W.p(0.5):
            # 验卡: the buyer checks that the card works with a tiny transfer in and out
            tt = max(A.opened + 900, t - int(W.U(0.5, 60) * HOUR))
            if tt < t - 120:
                amt = W.pick([1, 10, 100, 1000, 100 * W.ri(1, 9)])
                W.tx(tt, R['tester'], a, amt, 'mobile', '', tk='layering', force=True)
                if W.p(0.5):
                    W.tx(tt + W.ri(30, 600), a, R['tester'], amt, 'mobile', '', tk='layering', force=True)
        return a

    def active(self, R, tier, t, k=1):
        W = self.W
        lst = R['act'][tier]
        lst[:] = [x for x in lst if x['t1'] > t and x['cap'] > 0]
        act = [x for x in lst if x['t0'] <= t and self.frozen_at.get(x['a'], INF) > t]
        lo, hi = self.cfg['l1_life']
        mult = {'L1': 1, 'L2': 3, 'L3': 4, 'L4': 4, 'CASH': 2}[tier]
        want = k if tier != 'L1' else 1
        while len(act) < want:
            a = self.get_card(R, tier, t)
            cap = W.ri(*self.cfg['l1_cap']) if tier == 'L1' else W.ri(8, 40)
            x = dict(a=a, t0=t, t1=t + int(W.U(lo, hi) * mult * DAY), cap=cap)
            lst.append(x)
            act.append(x)
        if tier != 'L1' and len(act) > k and W.p(0.06):
            # sometimes bring one more card in even when enough are active
            a = self.get_card(R, tier, t)
            x = dict(a=a, t0=t, t1=t + int(W.U(lo, hi) * mult * DAY), cap=W.ri(5, 30))
            lst.append(x)
            act.append(x)
        ch = W.r.sample(act, min(k, len(act)))
        for x in ch:
            x['cap'] -= 1
        return [x['a'] for x in ch]

    def region(self, R):
        return '' if self.W.p(0.42) else R['ops']

    def delay(self, tier):
        W = self.W
        med, sig = self.cfg['hop_delay']
        if tier == 'L1':
            med *= 1.3
        d = med * math.exp(W.r.gauss(0, sig))
        return int(min(max(d, 40), 4 * DAY))

    # ---------------- flows ----------------
    def arrive(self, a, amt, t):
        self.fbal[a] = self.fbal.get(a, 0) + amt
        R, tier = self.tier_of[a]
        if self.pending.get(a):
            return
        self.pending[a] = True
        W = self.W
        if tier == 'CASH':
            fast = W.variant == 'V3'
            self.push(t + int(W.U(8, 80) * MIN if fast else W.U(0.4, 7) * HOUR), 'atm', (a,))
        elif tier == 'PF':
            self.push(t + W.ri(50, 420), 'sweep', (a,))
        else:
            self.push(t + self.delay(tier), 'sweep', (a,))

    def send(self, t, frm, to, amt, R, tk='layering', memo=''):
        W = self.W
        ch = 'mobile' if W.p(0.8) else 'online'
        W.tx(t, frm, to, amt, ch, self.region(R), memo=memo, tk=tk, force=True)
        self.fbal[frm] -= amt
        if to in self.tier_of:
            self.push(t, 'arrive', (to, amt))

    def split(self, amt, k):
        W = self.W
        if k <= 1 or amt < 200000:
            return [amt]
        ws = [W.U(0.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        for w in ws[:-1]:
            p = int(amt * w / s)
            if W.p(0.4):
                p = p // 10000 * 10000
            parts.append(max(p, 100))
        parts.append(amt - sum(parts))
        return [p for p in parts if p > 0]

    def do_sweep(self, a, t):
        W = self.W
        self.pending[a] = False
        if self.frozen_at.get(a, INF) <= t:
            return
        R, tier = self.tier_of[a]
        amt = self.fbal.get(a, 0)
        if tier == 'L1' and W.p(0.3):
            amt -= min(amt, W.ri(1, 5000))
        if amt < 10000:
            return
        nxt = R['next'][tier]
        tt = t
        if nxt == 'EXIT':
            self.exit(a, amt, t, R)
            return
        if tier == 'PF':
            tgt = self.active(R, nxt, t, 1)
            fee = int(amt * W.U(0.005, 0.015))
            self.send(tt, a, tgt[0], (amt - fee) // 100 * 100 or amt - fee, R, tk='paofen')
            self.fbal[a] = 0          # what is left is the participant's commission
            return
        k = 1 if amt < 5000000 else W.ri(1, 3)
        if W.p(0.1):
            k += 1
        tgts = self.active(R, nxt, t, k)
        pfs = [x for x in R['paofen'] if self.frozen_at.get(x, INF) > t]
        if nxt in ('L2', 'L3') and pfs and W.p(0.08):
            tgts[-1] = W.pick(pfs)
        parts = self.split(amt, len(tgts))
        for tg, p in zip(tgts, parts):
            self.send(tt, a, tg, p, R)
            tt += W.ri(20, 240) if W.variant != 'V2' else W.ri(120, 3 * HOUR)

    def exit(self, a, amt, t, R):
        W = self.W
        kind = W.wpick(R['exits'])
        before = self.fbal[a]
        self.exit_kind(a, amt, t, R, kind)
        if self.fbal[a] == before and kind != 'merchant':
            self.exit_kind(a, amt, t, R, 'merchant')
        if self.fbal[a] >= 50000 and self.fbal[a] < before and not self.pending.get(a):
            self.pending[a] = True
            self.push(t + self.delay('L3'), 'sweep', (a,))

    def exit_kind(self, a, amt, t, R, kind):
        W = self.W
        tt = t
        if kind == 'atm':
            k = 1 if amt < 3000000 else W.ri(1, 3)
            tgts = self.active(R, 'CASH', t, k)
            for tg, p in zip(tgts, self.split(amt, len(tgts))):
                self.send(tt, a, tg, p, R)
                tt += W.ri(30, 300)
        elif kind == 'merchant':
            m = W.pick(R['merchants'])
            left = amt
            while left >= 10000:
                p = min(left, W.pick([W.fen_irr(3000, 49999), W.fen_irr(5000, 20000), 999800, 1999900, 4999900]))
                W.tx(tt, a, m, p, 'online', self.region(R), memo=W.pick(['', '货款', '商品', '充值']), tk='exit',
                     force=True)
                self.fbal[a] -= p
                left -= p
                tt += W.ri(20, 400)
                if W.p(0.3):
                    m = W.pick(R['merchants'])
        elif kind in ('usdt', 'ubank'):
            if kind == 'usdt':
                rate = int(round(W.cfg['usdt'] * 100 + W.ri(-4, 6)))
                qty = amt // rate // 10 * 10
                tot = qty * rate
                if qty >= 100:
                    n = 1 if tot < 5000000 else W.ri(1, 3)
                    per = qty // n // 10 * 10
                    for j in range(n):
                        q = per if j < n - 1 else qty - per * (n - 1)
                        d = W.pick(R['dealers'])
                        W.tx(tt, a, d, q * rate, 'mobile', self.region(R), memo='', tk='exit', force=True)
                        self.fbal[a] -= q * rate
                        tt += W.ri(60, 900)
            else:
                p = amt // 10000 * 10000
                if p:
                    W.tx(tt, a, W.pick(W.ubanks), p, 'online', self.region(R), tk='exit', force=True)
                    self.fbal[a] -= p
        else:   # gold / phones bought with the money
            shop = W.pick(W.jewelry) if W.p(0.8) else W.pick(W.phone_shops)
            price = {'baseline': 61000, 'V2': 73500, 'V3': 63000}[W.variant]
            grams = min(amt // price, W.ri(20, 160))
            if grams > 0:
                W.tx(tt, a, shop, grams * price, 'pos', W.accs[shop].region, tk='exit', force=True)
                self.fbal[a] -= grams * price
                self.exit_shops.append(shop)

    def do_atm(self, a, t):
        W = self.W
        R, _ = self.tier_of[a]
        self.pending[a] = False
        reg = R['cash_region']
        lim = self.cash_limit.setdefault(a, W.pick([2000000, 2000000, 5000000]))
        day_used = 0
        tt = t
        while self.fbal[a] >= 10000 and day_used < lim:
            chunk = min(self.fbal[a] // 10000 * 10000, W.pick([200000, 250000, 300000, 250000, 500000]),
                        lim - day_used)
            if chunk <= 0:
                break
            W.tx(tt, a, None, chunk, 'atm', reg, 'withdrawal', tk='cash_out', force=True)
            self.fbal[a] -= chunk
            day_used += chunk
            tt += W.ri(35, 160)
        if self.fbal[a] >= 10000:
            self.pending[a] = True
            self.push(t + DAY + W.ri(-2 * HOUR, 3 * HOUR), 'atm', (a,))

    # ---------------- set-up ----------------
    def build(self):
        W, cfg, r = self.W, self.cfg, self.W.r
        self.cash_limit = {}
        self.exit_shops = []
        # exits shared by the rings
        W.merchants = []
        for _ in range(11):
            reg = W.wpick(CHINA_W)
            h = W.corp(reg, 'payment_merchant')
            W.merchants.append(W.acct(h, W.pick(['LKL', 'SANDPAY', 'YSEPAY', 'HUIFU']), -int(W.U(20, 700) * DAY),
                                      reg, 'corp', 'fraud_exit', 'payment_firm_merchant'))
        W.udealers = []
        for k in range(9):
            if k < 3:
                loc = W.pick(['350203', '350206', '350502', JINJIANG])
                h = W.person(W.pick([loc, W.wpick(CHINA_W)]), 'usdt_dealer', (22, 40))
                a = W.acct(h, W.wpick(SUP_W), W.years(0.5, 6), loc, 'I', 'fraud_exit', 'usdt_otc_dealer')
            else:
                loc = W.wpick(CHINA_W)
                h = W.person(loc, 'usdt_dealer', (22, 40))
                a = W.acct(h, W.far_bank(loc), W.years(0.3, 6), loc, 'I', 'fraud_exit', 'usdt_otc_dealer')
            W.udealers.append(a)
        W.ubanks = []
        for _ in range(3):
            loc = W.pick(['440306', '440106', '350203', '530102'])
            h = W.person(loc, 'underground_bank', (28, 50))
            W.ubanks.append(W.acct(h, W.pick(NONSUP_FAR), W.years(1, 8), loc, 'I', 'fraud_exit', 'underground_bank'))
        # who may rent or sell an old card: students, young workers, the odd shopkeeper
        pool = [P for P in W.students] + [P for P in W.workers if W.p(0.35)] + \
               [P for P in W.shops if W.p(0.1)] + [a for F in W.families for a in F['adults'] if W.p(0.05)]
        r.shuffle(pool)
        self.renters = pool
        # 跑分 participants keep their ordinary life and lend their own card and payment codes
        pf_pool = [P for P in self.renters[-300:] if W.accs[P['a'][0]].opened < -30 * DAY]
        self.renters = self.renters[:-300]
        self.rings = []
        nr = cfg['rings']
        for i in range(nr):
            tiers = ['L1', 'L2'] + (['L3'] if W.p(0.55) else []) + (['L4'] if W.p(0.15) else [])
            nxt = {tiers[j]: (tiers[j + 1] if j + 1 < len(tiers) else 'EXIT') for j in range(len(tiers))}
            nxt['PF'] = 'L2'
            nxt['CASH'] = 'NONE'
            ex = [(k, w * W.U(0.4, 1.6)) for k, w in cfg['exits']]
            th, _, tl = self.new_holder(far=True)
            tester = W.acct(th, W.pick(NONSUP_FAR), -int(W.U(30, 500) * DAY), tl, 'I', 'mule', 'ring_float_card')
            R = dict(id=i, tiers=tiers, next=nxt, exits=ex, act={t: [] for t in ('L1', 'L2', 'L3', 'L4', 'CASH')},
                     paofen=[], ops=W.pick(['440306', '440111', '533102', '532801', '451481', '445281', '350203']),
                     cash_region=W.wpick(FAR_CASHOUT), merchants=r.sample(W.merchants, W.ri(2, 5)),
                     dealers=r.sample(W.udealers, W.ri(2, 4)), tester=tester, weight=W.U(0.5, 1.8),
                     pf_share=W.U(0.05, 0.3))
            self.rings.append(R)
        for i in range(cfg['paofen']):
            P = pf_pool[i]
            P['taken'] = True
            a = P['a'][0]
            A = W.accs[a]
            A.role, A.arch = 'paofen', 'paofen_' + P['arch']
            R = self.rings[i % nr]
            R['paofen'].append(a)
            self.tier_of[a] = (R, 'PF')
            self.mule_info[a] = dict(tier='PF', ring=R['id'], reported=False, src='paofen')
        self.build_farmers()
        self.build_victims()

    def build_farmers(self):
        W, cfg = self.W, self.cfg
        cities = list(QZ_CITY) + list(XIAMEN) + [JINJIANG, SHISHI, NANAN] + list(FUJIAN_OTHER)
        for f in range(cfg['farmers']):
            x = W.r.random()
            home = W.wpick(LOCAL_W) if x < 0.3 else (W.wpick(MIGRANT_HOME) if x < 0.7 else W.wpick(MULE_FAR_OPEN))
            h = W.person(home, 'card_farmer', (19, 38))
            W.holders[h].farmer = True
            self.farmers.append(h)
            n = W.ri(4, 12) if W.variant != 'V3' else W.ri(5, 14)
            s0 = W.U(*cfg['farmer_open']) * DAY
            dur = W.U(3, 18) * DAY
            mycities = W.r.sample(cities, W.ri(2, 4))
            banks = list(SUPPLY)
            W.r.shuffle(banks)
            for k in range(n):
                opened = int(min(s0 + W.U(0, dur), W.T - 3 * HOUR))
                if k < 3 and W.p(0.85):
                    bank = banks[k]
                elif W.p(0.5):
                    bank = W.wpick(SUP_W)
                else:
                    bank = W.pick(NONSUP_LOCAL)
                reg = W.pick(mycities)
                a = W.acct(h, bank, opened, reg, 'I' if W.p(0.75) else 'II', 'farmer_card', 'card_farmer_card',
                           loc=reg)
                opened = W.accs[a].opened
                W.tx(opened + W.ri(70, 900), None, a, W.fen_round(10, 50, 10), 'counter', reg, 'deposit',
                     memo='开户存入', force=True)
                self.farm_inv.append([opened + int(W.U(*cfg['farmer_quiet']) * DAY), a])
        self.farm_inv.sort()

    def build_victims(self):
        W, cfg = self.W, self.cfg
        V = W.variant
        locals_ok = [P for F in W.families for P in F['adults']] + W.retirees + W.techstaff + W.students[:150]
        locals_ok = [P for P in locals_ok if W.accs[P['a'][0]].role == 'lawful' and not P.get('taken') and
                     W.accs[P['a'][0]].opened < -30 * DAY]
        n = cfg['victims']
        for v in range(n):
            ftype = W.wpick(cfg['fraud_mix'])
            nmin, nmax, med, sig, rnd, prof, spread = FRAUD_T[ftype]
            if W.p(0.12):
                P = W.pick(locals_ok)
                P['taken'] = True
                accs, reg = [P['a'][0]] + P['a'][1:2], P['loc']
            else:
                reg = W.wpick(CHINA_W)
                age = (45, 75) if ftype in ('police_gov', 'accident_kidnap', 'subsidy_refund') else \
                    ((18, 26) if ftype in ('game_trade', 'brushing', 'fake_job') else (24, 60))
                h = W.person(reg, 'victim', age)
                accs = []
                for k in range(2 if W.p(0.25) else 1):
                    b = W.far_bank(reg)
                    accs.append(W.acct(h, b, W.years(1, 15), reg, 'I', arch='victim_' + ftype))
                    W.far.append(accs[-1])
            npay = W.ri(nmin, max(nmin, int(round(nmax * cfg['multi']))))
            if V == 'V2' and ftype in ('investment', 'romance', 'police_gov', 'credit_record'):
                npay = max(npay, W.ri(2, 4))
            R = W.wpick([(x, x['weight']) for x in self.rings])
            d0 = W.r.randrange(NDAYS)
            t = W.at(d0, prof)
            span = spread * (1.6 if V == 'V2' else 1.0)
            vid = len(self.victims)
            amts = []
            for j in range(npay):
                m = med
                if ftype == 'brushing':
                    m = med * (0.12 if j == 0 else 0.6 * (1.9 ** (j - 1)))
                elif ftype == 'loan_card':
                    m = med * (0.6 if j == 0 else 1.3 ** j)
                amt = W.fen_ln(m, sig, 20, 2000000)
                if W.p(rnd):
                    step = 10000 if amt > 2000000 else (1000 if amt > 200000 else 100)
                    amt = max(step, amt // (step * 100) * step * 100) if amt >= step * 100 else amt
                amts.append(amt)
            plan = []
            for j, amt in enumerate(amts):
                if j > 0:
                    if span <= 1:
                        t += int(W.U(6, 90) * MIN) if W.p(0.7) else int(W.U(3, 30) * HOUR)
                    else:
                        t += int(W.U(0.3, span / max(1, npay - 1) * 2) * DAY)
                        t = t - t % DAY + W.at(0, prof)
                src = accs[0] if len(accs) == 1 or W.p(0.6) else accs[1]
                if ftype in ('subsidy_refund', 'prize') and W.p(0.5):
                    ch = 'atm'
                elif ftype in ('police_gov', 'credit_record') and W.p(0.35):
                    ch = 'counter'
                    if t % DAY < 9 * HOUR or t % DAY > 17 * HOUR:
                        t = t - t % DAY + (DAY if t % DAY > 17 * HOUR else 0) + 9 * HOUR + W.ri(0, 7 * HOUR)
                else:
                    ch = 'mobile' if W.p(0.85) else 'online'
                if t >= W.T:
                    break
                plan.append((t, src, amt, ch, W.pick(FRAUD_MEMO.get(ftype, ['', '', '转账'])), j))
            if not plan:
                continue
            # most victims report after their last payment, when the "platform" or the "officer" goes silent
            rt = plan[-1][0] + int(W.U(1, 7 * 24) * HOUR) if W.p(0.78) else INF
            self.victims.append(dict(accs=accs, type=ftype, ring=R['id'], rt=rt, npay=0))
            for t, src, amt, ch, memo, j in plan:
                self.push(t, 'vpay', (R, src, amt, ch, reg, memo, vid, ftype, j))

    # ---------------- run ----------------
    def run(self):
        W = self.W
        while self.heap:
            t, _, kind, args = heapq.heappop(self.heap)
            if t >= W.T:
                continue
            if kind == 'vpay':
                R, src, amt, ch, reg, memo, vid, ftype, j = args
                VI = self.victims[vid]
                if t > VI['rt']:
                    continue            # the victim has realised and reported; no more payments
                pfs = [x for x in R['paofen'] if self.frozen_at.get(x, INF) > t]
                if pfs and W.p(R['pf_share']):
                    dst = W.pick(pfs)
                else:
                    dst = self.active(R, 'L1', t, 1)[0]
                if W.tx(t, src, dst, amt, ch, reg, memo=memo, tk='victim_payment', force=True):
                    VI['npay'] += 1
                    rep = VI['rt'] < W.T
                    self.vpays.append((len(W.ev) - 1, src, dst, vid, rep))
                    if rep:
                        self.mule_info[dst]['reported'] = True
                        if W.p(self.cfg['freeze_p']):
                            self.push(max(t, VI['rt']) + int(W.U(0.3, 30) * HOUR), 'freeze', (dst,))
                    self.push(t, 'arrive', (dst, amt))
                    if ftype == 'brushing' and j == 0:
                        # the first "commission" comes back, from another card, to make the task look real
                        W.tx(t + W.ri(3, 25) * MIN, R['tester'], src, int(amt * W.U(1.08, 1.35)), 'mobile',
                             self.region(R), memo=W.pick(['佣金', '返利', '']), tk='layering', force=True)
            elif kind == 'arrive':
                self.arrive(args[0], args[1], t)
            elif kind == 'sweep':
                self.do_sweep(args[0], t)
            elif kind == 'atm':
                self.do_atm(args[0], t)
            elif kind == 'freeze':
                self.frozen_at.setdefault(args[0], t)
        self.dealer_business()

    def dealer_business(self):
        """the dealers' ordinary trade: buyers paying for USDT, paying other sellers"""
        W = self.W
        rate = W.cfg['usdt']
        for d in W.udealers:
            for _ in range(W.pois(22)):
                q = W.ri(50, 3000) * 10
                src = W.pick(W.local_main) if W.p(0.4) else W.pick(W.far)
                W.tx(W.at(W.r.randrange(NDAYS), 'eve'), src, d, int(q * (rate * 100 + W.ri(-5, 5))), 'mobile')
            for _ in range(W.pois(16)):
                q = W.ri(100, 6000) * 10
                W.tx(W.at(W.r.randrange(NDAYS), 'eve'), d, W.pick(W.far), int(q * (rate * 100 - W.ri(2, 12))),
                     'mobile')


# ----------------------------------------------------------------------------------------------
# balances, censoring, labels, output
# ----------------------------------------------------------------------------------------------
def tsfmt(W, s):
    return (W.t0 + dt.timedelta(seconds=int(s))).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def init_buffer(W, A):
    if A.role in ('mule', 'farmer_card'):
        return W.fen_ln(60, 1.2, 0, 5000)
    if A.cls == 'corp':
        return W.fen_ln(250000, 1.2, 1000, 5e7)
    if A.role == 'fraud_exit':
        return W.fen_ln(20000, 1.0, 100, 1e6)
    return W.fen_ln(4000, 1.4, 0, 2e6)


def finalize(W, F):
    accs = W.accs
    ev = W.ev
    ev.sort(key=lambda e: (e[0], e[1]))
    n = len(accs)
    bal = [0] * n
    mn = [0] * n
    for e in ev:
        frm, to, f = e[2], e[3], e[4]
        if frm is not None:
            b = bal[frm] - f
            bal[frm] = b
            if b < mn[frm]:
                mn[frm] = b
        if to is not None:
            bal[to] += f
    extra = []
    for A in accs:
        if mn[A.i] < 0 and A.opened >= 0:
            need = -mn[A.i]
            amt = (need + 9999) // 10000 * 10000 + W.fen_round(0, 2000, 100)
            extra.append((A.opened + W.ri(5, 55), len(ev) + len(extra), None, A.i, amt, 'counter', A.region, 'deposit',
                          '现金存入', False, 'ordinary'))
    if extra:
        ev.extend(extra)
        ev.sort(key=lambda e: (e[0], e[1]))
    init = [0] * n
    for A in accs:
        if A.opened < 0:
            init[A.i] = (-mn[A.i] if mn[A.i] < 0 else 0) + init_buffer(W, A)
    # visibility: a transfer is in the data when one party's bank supplies data and its extract has started
    xs = W.xstart
    vis = []
    seen = [False] * n
    for e in ev:
        ts = e[0]
        rep = None
        for a in (e[2], e[3]):
            if a is not None:
                A = accs[a]
                if A.sup and ts >= xs[A.bank]:
                    rep = A.bank
                    break
        if rep:
            vis.append((e, rep))
            for a in (e[2], e[3]):
                if a is not None:
                    seen[a] = True
    # opening balances of accounts with rows: the balance just before the first transfer of the bank's extract
    cur = init[:]
    ob = [None] * n
    for e in ev:
        ts, frm, to, f = e[0], e[2], e[3], e[4]
        for a in (frm, to):
            if a is not None and ob[a] is None:
                A = accs[a]
                if A.sup and ts >= xs[A.bank]:
                    ob[a] = cur[a]
        if frm is not None:
            cur[frm] -= f
        if to is not None:
            cur[to] += f
    for A in accs:
        if A.sup and ob[A.i] is None:
            ob[A.i] = cur[A.i]
        if A.sup and A.opened >= xs[A.bank]:
            ob[A.i] = 0
    # account status at extract time
    last = [-1] * n
    for e in ev:
        for a in (e[2], e[3]):
            if a is not None:
                last[a] = e[0]
    for a, tf in F.frozen_at.items():
        if tf < W.T:
            accs[a].status = 'frozen'
    for A in accs:
        if A.sup and A.role == 'lawful' and A.status == 'active' and A.cls != 'corp':
            if last[A.i] < 0 and A.opened < -2 * YEAR and W.p(0.03):
                A.status = 'closed'
            elif last[A.i] < W.T - 5 * DAY and W.p(0.002):
                A.status = 'frozen'          # a court freeze in a civil dispute
    rows = [A for A in accs if A.sup and A.opened < W.T]
    has_row = [False] * n
    for A in rows:
        has_row[A.i] = True
    visible = [has_row[i] or seen[i] for i in range(n)]
    # labels ---------------------------------------------------------------------------
    rep_seq = set(x[0] for x in F.vpays if x[4])
    pool = []
    exit_lab = []
    for A in accs:
        if not visible[A.i]:
            continue
        if A.role == 'fraud_exit':
            # exits are listed now and then (a dealer whose card was frozen), not as the mules are
            if W.p(0.3 if A.arch == 'usdt_otc_dealer' else 0.1):
                exit_lab.append(A.i)
            continue
        if A.role in ('mule', 'paofen') or (A.role == 'farmer_card' and A.used):
            mi = F.mule_info.get(A.i)
            w = 1.0
            if mi:
                tier = mi['tier']
                if tier == 'L1':
                    w = 5.0 if mi['reported'] else 1.0
                elif tier == 'PF':
                    w = 2.5 if mi['reported'] else 0.6
                elif tier == 'L2':
                    w = 1.6
                elif tier == 'CASH':
                    w = 1.3
                else:
                    w = 0.9
            if A.sup:
                w *= 1.3
            pool.append((A.i, w))
    target = int(round(len(pool) * W.U(0.42, 0.48)))
    forced = [i for i, _ in pool if accs[i].status == 'frozen']
    rest = [(i, w) for i, w in pool if accs[i].status != 'frozen']
    keyed = sorted(rest, key=lambda x: -(W.r.random() ** (1.0 / x[1])))
    labelled = set(forced)
    for i, _ in keyed:
        if len(labelled) >= target:
            break
        labelled.add(i)
    # the centre's list also holds an innocent merchant frozen after a mule bought gold there
    innocents = []
    shops = [s for s in dict.fromkeys(F.exit_shops) if visible[s]]
    if shops and W.p(0.7):
        innocents.append(W.pick(shops))
    labelled.update(innocents)
    labelled.update(exit_lab)
    used_farmers = [h for h in F.farmers if any(accs[a].used for a in W.holders[h].accs)]
    nf = max(1, min(5, int(round(len(F.farmers) * W.U(0.2, 0.35)))))
    cand = used_farmers + [h for h in F.farmers if h not in used_farmers]
    flab = set(cand[:nf]) if cand else set()
    for h in flab:
        W.holders[h].flab = True
    return dict(vis=vis, rows=rows, has_row=has_row, visible=visible, ob=ob, labelled=labelled, rep_seq=rep_seq,
                innocents=innocents, flab=flab)


def write_out(W, F, R, out, truth):
    os.makedirs(out, exist_ok=True)
    accs, holders = W.accs, W.holders
    xs = W.xstart
    with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                    'opening_balance', 'status'])
        for A in R['rows']:
            w.writerow([A.id, A.bank, holders[A.h].hid, tsfmt(W, A.opened), A.region, A.cls,
                        fen_str(R['ob'][A.i]), A.status])
    txid = {}
    cnt = {}
    with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                    'memo', 'cross_border'])
        for e, rep in R['vis']:
            ts, seq, frm, to, f, ch, reg, kind, memo, xb, tk = e
            day = (W.t0 + dt.timedelta(seconds=ts)).strftime('%Y%m%d')
            k = cnt.get(rep, 0) + 1
            cnt[rep] = k
            tid = '%s%s%08d' % (rep, day, k)
            txid[seq] = (tid, tk)
            w.writerow([tid, tsfmt(W, ts), accs[frm].id if frm is not None else '',
                        accs[to].id if to is not None else '', fen_str(f), 'CNY', ch, reg, kind, memo,
                        'true' if xb else 'false'])
    nlab_tx = 0
    with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
        w = csv.writer(fh, lineterminator='\n')
        w.writerow(['kind', 'id', 'label'])
        for seq in sorted(R['rep_seq']):
            if seq in txid:
                w.writerow(['transfer', txid[seq][0], 'fraud'])
                nlab_tx += 1
        for i in sorted(R['labelled']):
            w.writerow(['account', accs[i].id, 'mule'])
        for h in sorted(R['flab']):
            w.writerow(['holder', holders[h].hid, 'card_farmer'])
    stats = dict(rows=len(R['rows']), transfers=len(R['vis']), labelled_payments=nlab_tx)
    if truth:
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for A in accs:
                if not R['visible'][A.i]:
                    continue
                H = holders[A.h]
                hr = R['has_row'][A.i]
                w.writerow(['account', A.id, A.bank, H.hid, 1 if hr else 0, A.role, A.arch or H.arch,
                            1 if H.farmer else 0, tsfmt(W, A.opened) if hr else '',
                            1 if A.i in R['labelled'] else 0, 1 if H.flab else 0,
                            tsfmt(W, xs[A.bank]) if A.sup else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for e, rep in R['vis']:
                w.writerow([txid[e[1]][0], e[10]])
    return stats


def build_world(variant, seed):
    W = World(variant, seed)
    build_daywts(W)
    build_infra(W)
    build_firms(W)
    build_people(W)
    F = Fraud(W)
    F.build()
    F.run()
    for a, tf in F.frozen_at.items():
        if tf < W.T:
            W.accs[a].lend = min(W.accs[a].lend, tf)      # nothing moves on a frozen card
    gen_factories(W)
    gen_suppliers(W)
    gen_workers(W)
    gen_foremen(W)
    gen_restaurants(W)
    gen_public(W)
    gen_tech(W)
    gen_families(W)
    gen_retirees(W)
    gen_students(W)
    gen_shops(W)
    gen_tea(W)
    gen_garment(W)
    gen_fish(W)
    gen_homestays(W)
    gen_qiao(W)
    gen_temples(W)
    gen_misc(W)
    gen_newcomers(W)
    for P in W.extra_life:
        daily_life(W, P, 8, 60, 0.6)
    gen_friends(W)
    gen_far(W)
    return W, F


def summary(W, F, R, stats):
    accs = W.accs
    vis_acc = [A for A in accs if R['visible'][A.i]]
    roles = {}
    for A in vis_acc:
        roles[A.role] = roles.get(A.role, 0) + 1
    kinds = {}
    for e, _ in R['vis']:
        kinds[e[10]] = kinds.get(e[10], 0) + 1
    ismule = lambda A: A.role in ('mule', 'paofen') or (A.role == 'farmer_card' and A.used)
    mules = sum(1 for A in vis_acc if ismule(A))
    lab = sum(1 for i in R['labelled'] if ismule(accs[i]))
    lab_exit = sum(1 for i in R['labelled'] if accs[i].role == 'fraud_exit')
    frozen = sum(1 for A in R['rows'] if A.status == 'frozen')
    fh = sum(1 for h in F.farmers)
    return dict(variant=W.variant, seed=W.seed, start=str(W.start_date),
                extract_start={b: str(W.dates[s // DAY]) for b, s in W.xstart.items()},
                accounts=len(vis_acc), rows=stats['rows'], transfers=stats['transfers'], roles=roles,
                transfer_kinds=kinds, mule_accounts=mules, labelled_mules=lab, labelled_exits=lab_exit,
                frozen_rows=frozen, farmer_cards=sum(1 for A in vis_acc if A.role == 'farmer_card'),
                labelled_innocent=len(R['innocents']), victim_payments=kinds.get('victim_payment', 0),
                labelled_payments=stats['labelled_payments'], card_farmers=fh, card_farmers_labelled=len(R['flab']),
                victims=sum(1 for v in F.victims if v['npay'] > 0))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Minnan (Quanzhou/Xiamen) synthetic banking world')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', required=True, type=int)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args(argv)
    W, F = build_world(args.variant, args.seed)
    R = finalize(W, F)
    stats = write_out(W, F, R, args.out, args.truth)
    s = summary(W, F, R, stats)
    sys.stderr.write(' '.join('%s=%s' % (k, v) for k, v in s.items()) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
