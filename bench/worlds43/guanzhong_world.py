#!/usr/bin/env python3
"""Guanzhong (关中) synthetic banking world: Xi'an, Xianyang and Baoji, 30 days.

An independent test-data generator for a counter-telecom-fraud engine, written from domain
notes only.  Lawful life of the region (universities, tourism, the Muslim quarter, kiwi growers
of Zhouzhi/Meixian, Yangling agriculture, factories and military industry, construction crews,
landlords, families, retirees, small shops on personal cards ...) plus telecom-fraud victims
across China paying into mule accounts, layering, ATM cash-out, exits to payment merchants and
USDT sellers, 跑分 participants and card farmers.

Usage: python3 guanzhong_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
Python 3 standard library only; deterministic for a given (variant, seed).
Money is generated in integer fen and written as exact decimal yuan.
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
DAY, HOUR, MIN = 86400, 3600, 60
NDAYS = 30
END = NDAYS * DAY
DAYS = list(range(NDAYS))
HOURS = list(range(24))


def cumw(ws):
    out, c = [], 0.0
    for w in ws:
        c += w
        out.append(c)
    return out


_P = {
    'day':     [1, .5, .3, .2, .2, .4, 1, 3, 5, 6, 6, 7, 9, 7, 6, 6, 6, 7, 9, 10, 10, 8, 5, 2],
    'work':    [0, 0, 0, 0, 0, 0, .2, 1, 5, 9, 10, 10, 6, 6, 9, 10, 9, 6, 2, 1, .5, .2, 0, 0],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 9, 5, 4, 8, 9, 7, 2, 0, 0, 0, 0, 0, 0],
    'eve':     [6, 4, 2, 1, .5, .3, .2, .3, .5, 1, 1, 1, 2, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 8],
    'night':   [8, 8, 7, 6, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 6, 7],
    'settle':  [0, 1, 4, 6, 5, 3, 1, .5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    'meal':    [.5, .3, .1, .1, .1, .3, 2, 6, 5, 2, 2, 6, 12, 8, 2, 2, 3, 7, 12, 10, 6, 4, 2, 1],
    'victim':  [.5, .3, .2, .1, .1, .3, .8, 2, 5, 8, 9, 9, 7, 7, 8, 9, 9, 8, 7, 7, 6, 5, 3, 1.5],
    'batch':   [0, 0, 0, 0, 0, 0, 0, 0, 3, 8, 10, 6, 2, 1, 3, 4, 2, 1, 0, 0, 0, 0, 0, 0],
    'ops':     [3, 3, 2, 2, 1, 1, 1, 2, 4, 6, 7, 7, 6, 6, 7, 7, 7, 6, 6, 6, 6, 5, 5, 4],
}
PROF = {k: cumw(v) for k, v in _P.items()}

# ---- GB/T 2260 division codes -------------------------------------------------------------
XA_URBAN = ['610102', '610103', '610104', '610112', '610113', '610116', '610111']
XA_URBAN_W = [8, 10, 11, 9, 15, 10, 5]
XA_SUBURB = ['610114', '610115', '610117', '610118', '610122', '610124']
XY_REG = ['610402', '610403', '610404', '610481', '610423', '610424', '610425', '610431']
BJ_REG = ['610302', '610303', '610304', '610305', '610323', '610324', '610326', '610327']
KIWI_REG = ['610124', '610124', '610124', '610326', '610326']
OTHER_SX = ['610502', '610602', '610702', '610802', '610902', '611002']
SX_ALL = XA_URBAN + XA_SUBURB + XY_REG + BJ_REG
SX_RURAL = ['610122', '610124', '610118', '610423', '610424', '610425', '610431', '610323',
            '610324', '610326', '610327', '610305'] + OTHER_SX
OUT_REG = {
    '110105': 10, '110108': 6, '120104': 4, '310115': 9, '310104': 5, '320106': 5, '320506': 4,
    '330106': 5, '330110': 4, '340104': 4, '350203': 3, '350102': 3, '360102': 3, '370102': 4,
    '370212': 3, '410105': 9, '410302': 4, '411302': 4, '420106': 6, '420111': 3, '430104': 5,
    '440106': 8, '440306': 8, '441900': 6, '440604': 3, '450103': 4, '460105': 2, '500103': 5,
    '500112': 4, '510107': 7, '510104': 4, '511302': 3, '520102': 3, '530102': 4, '620102': 6,
    '620502': 3, '630102': 2, '640104': 3, '650102': 3, '140105': 5, '130102': 4, '150102': 3,
    '210102': 3, '220102': 2, '230102': 3, '230602': 2}
NEAR_PROV = ('62', '41', '14', '51', '50', '64', '42', '15', '63')
CASHOUT_REG = ['441900', '440306', '440111', '445281', '440904', '450103', '530102', '532801',
               '350524', '460105', '460400', '350582']
FARMER_HOME = ['420106', '430104', '450103', '411302', '520102', '530102', '350524', '445281',
               '610124', '610327', '610902']

# ---- institutions -------------------------------------------------------------------------
BIN = {'ICBC': '621226', 'ABC': '622848', 'BOC': '621661', 'CCB': '621700', 'BOCOM': '622262',
       'PSBC': '621799', 'CMB': '621483', 'CIB': '622908', 'CITIC': '621771', 'SPDB': '622521',
       'CEB': '622660', 'XABANK': '623165', 'CHANGAN': '621391', 'SXRCU': '621115'}
CORP_PFX = {'ICBC': '3700', 'ABC': '2604', 'BOC': '1025', 'CCB': '61050', 'BOCOM': '6110',
            'PSBC': '9610', 'CMB': '1299', 'CIB': '4560', 'CITIC': '8111', 'SPDB': '7210',
            'CEB': '3971', 'XABANK': '7110', 'CHANGAN': '8060', 'SXRCU': '2707'}
LOCAL_BANKS = ('XABANK', 'CHANGAN', 'SXRCU')
PROV_RCU = {'11': 'BJRCB', '12': 'TJRCB', '13': 'HEBRCU', '14': 'SXIRCU', '15': 'NMRCU',
            '21': 'LNRCU', '22': 'JLRCU', '23': 'HLJRCU', '31': 'SHRCB', '32': 'JSRCU',
            '33': 'ZJRCU', '34': 'AHRCU', '35': 'FJRCU', '36': 'JXRCU', '37': 'SDRCU',
            '41': 'HNRCU', '42': 'HBRCU', '43': 'HUNRCU', '44': 'GDRCU', '45': 'GXRCU',
            '46': 'HAINRCU', '50': 'CQRCB', '51': 'SCRCU', '52': 'GZRCU', '53': 'YNRCU',
            '62': 'GSRCU', '63': 'QHRCU', '64': 'NXRCU', '65': 'XJRCU'}
PAYFIRMS = ('JUHEPAY', 'YUNXPAY', 'XINCHENGPAY', 'HUITONGPAY')
SX_URB_W = {'ICBC': 15, 'CCB': 15, 'ABC': 11, 'BOC': 8, 'PSBC': 6, 'XABANK': 9, 'CHANGAN': 6,
            'SXRCU': 6, 'CMB': 7, 'BOCOM': 4, 'CIB': 3, 'CITIC': 2, 'SPDB': 2, 'CEB': 2}
SX_RUR_W = {'ICBC': 6, 'CCB': 8, 'ABC': 14, 'BOC': 3, 'PSBC': 14, 'XABANK': 2, 'CHANGAN': 5,
            'SXRCU': 30, 'CMB': 1}
OUT_W = {'ICBC': 18, 'CCB': 16, 'ABC': 14, 'BOC': 10, 'PSBC': 8, 'CMB': 9, 'BOCOM': 5, 'CIB': 4,
         'CITIC': 3, 'SPDB': 3, 'CEB': 3, 'RCU': 10, 'ALIPAY': 5, 'TENPAY': 4}
CORP_W = {'ICBC': 18, 'CCB': 18, 'ABC': 10, 'BOC': 10, 'XABANK': 10, 'CHANGAN': 8, 'SXRCU': 4,
          'CMB': 6, 'BOCOM': 5, 'PSBC': 3, 'CIB': 4, 'CITIC': 2, 'SPDB': 2}
CORP_RUR_W = {'ABC': 20, 'SXRCU': 30, 'PSBC': 10, 'CCB': 12, 'ICBC': 8, 'CHANGAN': 8,
              'XABANK': 4, 'BOC': 4}
OUTCORP_W = {'ICBC': 22, 'CCB': 20, 'ABC': 12, 'BOC': 12, 'CMB': 10, 'BOCOM': 6, 'CIB': 6,
             'CITIC': 4, 'SPDB': 4, 'PSBC': 4}

# ---- fraud typologies: n payments (lo, hi), first amount median (yuan), sigma, growth, gap minutes
TYP = {
    'brushing':            (2, 6, 300, .8, 2.3, (8, 240)),
    'ecommerce_cs':        (1, 3, 6000, .8, 1.3, (5, 120)),
    'investment':          (2, 6, 20000, .9, 1.7, (1440, 7 * 1440)),
    'loan_card':           (2, 4, 1500, .6, 1.6, (20, 1440)),
    'credit_record':       (1, 3, 15000, .9, 1.2, (5, 180)),
    'shopping_service':    (1, 2, 600, .9, 1.3, (10, 600)),
    'police_gov':          (1, 4, 60000, 1.0, 1.3, (20, 1440)),
    'leader_acquaintance': (1, 2, 30000, .8, 1.2, (10, 120)),
    'game_trade':          (1, 3, 800, .9, 1.4, (10, 300)),
    'romance':             (2, 6, 30000, 1.0, 1.6, (1440, 6 * 1440)),
    'military_purchase':   (1, 3, 15000, .7, 1.5, (60, 2880)),
    'fake_job':            (1, 2, 500, .6, 1.5, (30, 1440)),
    'accident_kidnap':     (1, 2, 20000, .7, 1.0, (10, 120)),
    'subsidy_refund':      (1, 2, 8000, .7, 1.2, (5, 60)),
    'prize':               (1, 3, 3000, .8, 1.8, (30, 1440)),
}

VARIANTS = {
    # an ordinary late-autumn month: heating season starts, Double 11, kiwi out of cold storage
    'baseline': dict(date=(2023, 11, 6), season='autumn', hol=[], makeup=[],
                     supply=['CCB', 'ABC', 'XABANK', 'CHANGAN', 'SXRCU'], pop=1.3,
                     rings=8, pfplat=1, paofen=(26, 40), farmers=(5, 8), fpc=(6, 16),
                     farm_start=(-80, 18), ps=.6, fast=.6, multi=1.0, vsx=.14, report=.75,
                     vp=(380, 520),
                     src={'fresh': .28, 'rented': .22, 'nurtured': .14, 'farmed': .16, 'dormant': .20},
                     typ={'brushing': 16, 'ecommerce_cs': 12, 'investment': 12, 'loan_card': 10,
                          'credit_record': 6, 'shopping_service': 7, 'police_gov': 9,
                          'leader_acquaintance': 5, 'game_trade': 5, 'romance': 5,
                          'military_purchase': 2, 'fake_job': 3, 'accident_kidnap': 2,
                          'subsidy_refund': 2, 'prize': 2}),
    # spring: Qingming holiday, seedling season in Yangling, kiwi pruning; rented/sold old
    # accounts, slow layering, victims paying several times
    'V2': dict(date=(2024, 3, 18), season='spring', hol=[17, 18, 19], makeup=[20],
               supply=['CCB', 'XABANK', 'SXRCU', 'PSBC'], pop=1.55,
               rings=7, pfplat=1, paofen=(16, 26), farmers=(2, 4), fpc=(5, 10),
               farm_start=(-160, -25), ps=.62, fast=.12, multi=2.0, vsx=.12, report=.7,
               vp=(400, 560),
               src={'rented': .58, 'dormant': .18, 'nurtured': .12, 'fresh': .08, 'farmed': .04},
               typ={'brushing': 18, 'ecommerce_cs': 7, 'investment': 20, 'loan_card': 10,
                    'credit_record': 5, 'shopping_service': 3, 'police_gov': 8,
                    'leader_acquaintance': 4, 'game_trade': 3, 'romance': 12,
                    'military_purchase': 2, 'fake_job': 2, 'accident_kidnap': 1,
                    'subsidy_refund': 2, 'prize': 3}),
    # kiwi harvest + university enrolment + Mid-Autumn and National Day golden week;
    # fresh mules and card farmers, fast exits
    'V3': dict(date=(2024, 9, 9), season='harvest', hol=[6, 7, 8] + list(range(22, 29)),
               makeup=[5, 20], supply=['ABC', 'XABANK', 'CHANGAN', 'SXRCU', 'CMB'], pop=1.3,
               rings=9, pfplat=2, paofen=(30, 46), farmers=(11, 16), fpc=(8, 22),
               farm_start=(-35, 16), ps=.6, fast=.92, multi=.9, vsx=.2, report=.8,
               vp=(360, 520),
               src={'fresh': .45, 'farmed': .42, 'rented': .08, 'nurtured': .05},
               typ={'brushing': 16, 'ecommerce_cs': 10, 'investment': 8, 'loan_card': 8,
                    'credit_record': 12, 'shopping_service': 10, 'police_gov': 8,
                    'leader_acquaintance': 4, 'game_trade': 8, 'romance': 3,
                    'military_purchase': 2, 'fake_job': 6, 'accident_kidnap': 2,
                    'subsidy_refund': 1, 'prize': 2}),
}

# ---- identities -----------------------------------------------------------------------------
_W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CK = '10X98765432'
_USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def idnum(rng, region, by):
    body = '%s%04d%02d%02d%03d' % (region, by, rng.randint(1, 12), rng.randint(1, 28),
                                    rng.randrange(1000))
    s = sum(int(c) * w for c, w in zip(body, _W_ID))
    return body + _CK[s % 11]


def uscc(rng, region):
    org = ''.join(rng.choice('0123456789') for _ in range(8)) + rng.choice(_USCC_CH)
    body = '91' + region + org
    s = sum(_USCC_CH.index(c) * w for c, w in zip(body, _USCC_W))
    c = 31 - s % 31
    return body + _USCC_CH[0 if c == 31 else c]


def luhn(body):
    tot = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def yuan(fen):
    return '%d.%02d' % divmod(fen, 100)


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer',
                 'status', 'row', 'xkind', 'lab', 'flab', 'bal0', 'active')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch):
        self.id, self.bank, self.holder, self.opened = aid, bank, holder, opened
        self.region, self.cls, self.role, self.arch = region, cls, role, arch
        self.farmer = None
        self.status = 'active'
        self.row = False
        self.xkind = 'person'
        self.lab = 0
        self.flab = 0
        self.bal0 = 0
        self.active = True


class Person:
    __slots__ = ('pid', 'hid', 'region', 'arch', 'accts', 'corp', 'info', 'by')

    def __init__(self, pid, region, arch, corp):
        self.pid, self.region, self.arch, self.corp = pid, region, arch, corp
        self.accts = []
        self.info = {}
        self.hid = ''
        self.by = 1980


class MS:
    """State of an account operated by a fraud network during the flow simulation."""
    __slots__ = ('acct', 'ring', 'layer', 'a0', 'a1', 'freeze', 'mode', 'bal', 'pending',
                 'cash_reg', 'single', 'daylim', 'dayused', 'cases', 'comm', 'src', 'out')

    def __init__(self, acct, ring, layer, a0, a1, mode, src):
        self.acct, self.ring, self.layer, self.a0, self.a1 = acct, ring, layer, a0, a1
        self.mode, self.src = mode, src
        self.freeze = 10 ** 12
        self.bal = 0
        self.pending = False
        self.cash_reg = ''
        self.single = 250000
        self.daylim = 2000000
        self.dayused = {}
        self.cases = set()
        self.comm = 0.0
        self.out = None


class Ring:
    __slots__ = ('rid', 'kind', 'typ', 'fast', 'speedf', 'depth', 'exit_mix', 'op_reg', 'L',
                 'atm', 'spare', 'cash_reg', 'sellers', 'merchants', 'gamblers', 'src')

    def __init__(self, rid, kind):
        self.rid, self.kind = rid, kind
        self.L = [[], [], [], [], []]
        self.atm, self.spare, self.gamblers = [], [], []


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.V = V = VARIANTS[variant]
        self.season = V['season']
        self.rng = random.Random('guanzhong43|%s|%d' % (variant, seed))
        y, m, d = V['date']
        self.t0 = datetime(y, m, d, tzinfo=TZ)
        self.hol = set(V['hol'])
        self.makeup = set(V['makeup'])
        self.dates = [self.t0 + timedelta(days=i) for i in DAYS]
        banks = list(V['supply'])
        days = self.rng.sample(range(0, 12), len(banks))
        if min(days) > 2:
            days[days.index(min(days))] = self.rng.randint(0, 2)
        self.start = {b: dd * DAY for b, dd in zip(banks, days)}
        self.accts = {}
        self.people = []
        self.tx = []
        self._ids = set()
        self._hids = set()
        self._wc = {}
        self.M = {}
        self.handover = {}
        self.light = []
        self.busy = set()          # persons already given a fraud-related part
        self.spend_cw = cumw([self.spend_weight(i) for i in DAYS])
        self.work_cw = cumw([1.0 if self.workday(i) else 0.1 for i in DAYS])
        self.flat_cw = cumw([1.0] * NDAYS)
        self.tour_cw = cumw([self.tour_weight(i) for i in DAYS])

    # ---- calendar --------------------------------------------------------------------------
    def workday(self, d):
        if d in self.makeup:
            return True
        if d in self.hol:
            return False
        return self.dates[d].weekday() < 5

    def spend_weight(self, d):
        w = 1.0 if self.dates[d].weekday() < 5 else 1.25
        if d in self.hol:
            w = 1.5
        if self.season == 'autumn' and d in (4, 5):     # Double 11 (2023-11-11 is day 5)
            w = 2.4 if d == 5 else 1.5
        if self.season == 'harvest' and 22 <= d <= 28:
            w = 1.7
        return w

    def tour_weight(self, d):
        w = 1.0 if self.dates[d].weekday() < 5 else 1.8
        if d in self.hol:
            w = 2.6
        if self.season == 'harvest' and 22 <= d <= 26:
            w = 4.0
        return w

    def dom_days(self, dom):
        out = []
        for i, dt in enumerate(self.dates):
            if dt.day == dom:
                j = i
                while j > 0 and not self.workday(j):
                    j -= 1
                out.append(j)
        if not out:                      # a day of month the window lacks: the nearest one
            for k in (1, -1, 2, -2, 3):
                if 1 <= dom + k <= 28:
                    out = self.dom_days(dom + k)
                    if out:
                        break
        return out

    # ---- random helpers --------------------------------------------------------------------
    def r(self):
        return self.rng.random()

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def wch(self, d):
        c = self._wc.get(id(d))
        if c is None:
            ks = list(d.keys())
            c = (ks, cumw([d[k] for k in ks]))
            self._wc[id(d)] = c
        return self.rng.choices(c[0], cum_weights=c[1])[0]

    def lgn(self, med, sig, lo, hi):
        v = med * math.exp(self.rng.gauss(0, sig))
        return lo if v < lo else hi if v > hi else v

    def fp(self, y):
        """A retail price in fen (whole yuan, dimes or exact cents)."""
        r = self.rng.random()
        if r < .35:
            return max(100, int(round(y)) * 100)
        if r < .55:
            return max(10, int(round(y * 10)) * 10)
        return max(1, int(round(y * 100)))

    def fr(self, y, unit=100):
        """Yuan rounded to a unit of yuan, in fen."""
        return max(1, int(round(y / unit))) * unit * 100

    def fx(self, y):
        """A human transfer amount: mostly round, some exact."""
        r = self.rng.random()
        if y >= 2000 and r < .45:
            return self.fr(y, 1000 if y >= 20000 else 100)
        if r < .75:
            return self.fr(y, 10 if y < 500 else 100)
        if r < .85 and y < 3000:
            return self.ch([520, 1314, 666, 888, 200, 1000, 1688]) * 100
        return max(100, int(round(y)) * 100)

    def tod(self, prof='day'):
        return self.rng.choices(HOURS, cum_weights=PROF[prof])[0] * HOUR + self.rng.randrange(HOUR)

    def pday(self, cw=None):
        return self.rng.choices(DAYS, cum_weights=cw or self.spend_cw)[0]

    def at(self, d, prof='day'):
        return d * DAY + self.tod(prof)

    def past(self, dmin, dmax):
        dmax = max(dmax, dmin + 1)
        return -int(self.rng.uniform(dmin, dmax)) * DAY + self.tod('counter')

    def pick_out(self, near=False):
        while True:
            reg = self.wch(OUT_REG)
            if not near or reg[:2] in NEAR_PROV or self.r() < .35:
                return reg

    def pick_sx(self):
        r = self.r()
        if r < .62:
            return self.rng.choices(XA_URBAN, weights=XA_URBAN_W)[0]
        if r < .72:
            return self.ch(XA_SUBURB)
        if r < .86:
            return self.ch(XY_REG)
        return self.ch(BJ_REG)

    def fmt(self, ts):
        return (self.t0 + timedelta(seconds=ts)).isoformat()

    # ---- identities and accounts -----------------------------------------------------------
    def new_person(self, region, arch, by=None, hreg=None, corp=False):
        p = Person(len(self.people), region, arch, corp)
        while True:
            if corp:
                h = uscc(self.rng, region)
            else:
                p.by = by or self.ri(1955, 2002)
                h = idnum(self.rng, hreg or region, p.by)
            if h not in self._hids:
                break
        self._hids.add(h)
        p.hid = h
        self.people.append(p)
        return p

    def acct_no(self, bank, corp, credit=False):
        rng = self.rng
        while True:
            if bank == 'ALIPAY':
                s = '2088' + '%012d' % rng.randrange(10 ** 12)
            elif bank == 'TENPAY':
                s = '1900' + '%011d' % rng.randrange(10 ** 11)
            elif bank in PAYFIRMS:
                s = bank[:2] + '%014d' % rng.randrange(10 ** 14)
            elif bank in ('NUCC', 'CUP', 'JDPAY'):
                s = bank + '%010d' % rng.randrange(10 ** 10)
            elif bank == 'OVERSEAS':
                s = 'HK%02d%012d' % (rng.randrange(100), rng.randrange(10 ** 12))
            elif corp:
                pfx = CORP_PFX.get(bank) or ('9%03d' % (sum(map(ord, bank)) % 1000))
                s = pfx + ''.join(rng.choice('0123456789') for _ in range(rng.choice((11, 13, 15))))
            else:
                b = BIN.get(bank) or ('6230%02d' % (sum(map(ord, bank)) * 7 % 100))
                if credit:
                    b = '6259%02d' % (sum(map(ord, bank)) * 3 % 100)
                    body = b + '%09d' % rng.randrange(10 ** 9)
                else:
                    body = b + '%012d' % rng.randrange(10 ** 12)
                s = body + luhn(body)
            if s not in self._ids:
                self._ids.add(s)
                return s

    def new_acct(self, p, bank, opened, region=None, cls='I', role='lawful', arch=None,
                 xkind='person', credit=False):
        aid = self.acct_no(bank, xkind in ('corp', 'hub', 'merchant'), credit)
        a = Acct(aid, bank, p.pid, opened, region or p.region, cls, role, arch or p.arch)
        a.row = bank in self.start
        a.xkind = 'credit' if credit else xkind
        self.accts[aid] = a
        p.accts.append(aid)
        return aid

    def bank_sx(self, rural=False):
        return self.wch(SX_RUR_W if rural else SX_URB_W)

    def bank_out(self, reg):
        b = self.wch(OUT_W)
        if b == 'RCU':
            b = PROV_RCU.get(reg[:2], 'RCU' + reg[:2])
        return b

    def bank_for(self, reg, rural=False):
        return self.bank_sx(rural) if reg.startswith('61') else self.bank_out(reg)

    def bank_nonsupply(self, reg, rural=False):
        for _ in range(50):
            b = self.bank_for(reg, rural)
            if b not in self.start:
                return b
        return 'ICBC' if 'ICBC' not in self.start else 'BOC'

    def holder(self, aid):
        return self.people[self.accts[aid].holder]

    def loc(self, aid):
        """Region written on a mobile/online transfer: the payer's home, sometimes blank."""
        return self.people[self.accts[aid].holder].region if self.rng.random() < .62 else ''

    def T(self, ts, frm, to, fen, ch='mobile', reg='', memo='', tk='ordinary', kind='transfer',
          cb=False):
        ts = int(ts)
        fen = int(fen)
        if fen <= 0 or ts < 0 or ts >= END or (frm is not None and frm == to):
            return False
        A = self.accts
        if frm is not None and A[frm].opened > ts:
            return False
        if to is not None and A[to].opened > ts:
            return False
        self.tx.append((ts, frm, to, fen, ch, reg, kind, memo, tk, cb))
        return True

    def vis(self, ts, aid):
        a = self.accts[aid]
        return a.row and ts >= self.start[a.bank]

    # ---- the lawful economy: institutions ------------------------------------------------
    def mkcorp(self, kind, reg, nacc=1, rural=False, wts=None):
        p = self.new_person(reg, kind, corp=True)
        p.info = {'kind': kind, 'payday': self.ch([5, 8, 10, 10, 15, 15, 20, 25])}
        used = set()
        for i in range(nacc):
            b = self.wch(wts or (CORP_RUR_W if rural else CORP_W))
            if b in used:
                b = self.wch(wts or (CORP_RUR_W if rural else CORP_W))
            used.add(b)
            self.new_acct(p, b, self.past(200, 8000), reg, 'corp', xkind='corp')
        self.C.setdefault(kind, []).append(p)
        return p

    def ghost(self, reg, rural=False):
        p = self.new_person(reg, 'counterparty')
        return self.new_acct(p, self.bank_nonsupply(reg, rural), self.past(100, 5000), reg)

    def build_base(self):
        self.C = {}
        self.hub = {}
        for key, bank, reg in (('alipay', 'ALIPAY', '330106'), ('tenpay', 'TENPAY', '440305'),
                               ('unionpay', 'CUP', '310115'), ('jd', 'JDPAY', '110115')):
            p = self.new_person(reg, 'payment_hub', corp=True)
            self.hub[key] = self.new_acct(p, bank, self.past(3000, 5000), reg, 'corp', xkind='hub')
        mk = self.mkcorp
        urb = lambda: self.rng.choices(XA_URBAN, weights=XA_URBAN_W)[0]
        for reg in ('610103', '610103', '610116', '610116', '610116', '610113', '610403',
                    '610303', '610402'):
            u = mk('university', reg, 2)
            u.info['partner'] = self.ch(['CCB', 'ICBC', 'XABANK', 'CHANGAN', 'BOC', 'ABC', 'CCB'])
            u.info['size'] = {'610403': 1.2, '610303': .7, '610402': .6}.get(reg, 1.0)
        # campus co-branded cards: about half of the universities bank with a supplying institution
        us = list(self.C['university'])
        self.rng.shuffle(us)
        campus = ['CCB', 'ICBC', 'XABANK', 'CHANGAN', 'BOC', 'ABC', 'CMB', 'PSBC']
        sup = [b for b in campus if b in self.start]
        non = [b for b in campus if b not in self.start]
        for i, u in enumerate(us):
            u.info['partner'] = self.ch(sup if i % 2 == 0 else non)
        for reg in ('610102', '610113', '610103', '610104', '610402', '610302'):
            mk('hospital', reg, 2)
        for reg in ('610114', '610112', '610302', '610304', '610303', '610402', '610113',
                    '610116', '610481', '610111'):
            mk('factory', reg, 2)
        for _ in range(40):
            mk('sme', self.ch(['610113'] * 5 + ['610116', '610103', '610112', '610402', '610302']))
        for _ in range(12):
            mk('gov_unit', self.ch(SX_ALL))
        for _ in range(6):
            mk('construction', self.ch(['610113', '610112', '610116', '610402', '610302', '610111']), 2)
        for _ in range(5):
            mk('developer', self.ch(['610113', '610116', '610112', '610402', '610303']), 2)
        for _ in range(5):
            mk('car_dealer', self.ch(['610112', '610116', '610113', '610402', '610302']))
        for _ in range(8):
            mk('travel_agency', self.ch(['610103', '610104', '610113', '610115']))
        for reg in ('610115', '610103', '610113'):
            mk('scenic', reg, 2)
        for _ in range(12):
            mk('hotel', self.ch(['610103', '610104', '610113', '610115', '610102']))
        for _ in range(48):
            mk('restaurant', urb() if self.r() < .8 else self.ch(['610402', '610302', '610115']))
        for _ in range(6):
            mk('supermarket', self.pick_sx())
        for _ in range(26):
            mk('wholesaler', self.ch(['610111', '610112', '610104', '610113', '610402', '610302']))
        for _ in range(9):
            mk('agri_input', self.ch(KIWI_REG + ['610403']), rural=True)
        for _ in range(10):
            mk('agri_firm', self.ch(['610403'] * 4 + ['610431']), rural=True)
        for _ in range(8):
            mk('cold_storage', self.ch(KIWI_REG), rural=True)
        for _ in range(8):
            mk('logistics', self.ch(['610111', '610112', '610124', '610402', '610302']))
        for _ in range(26):
            mk('fruit_market', self.pick_out(), wts=OUTCORP_W)
        for _ in range(6):
            mk('utility', self.ch(['610113', '610102', '610104']))
        for reg in ('610102', '610402', '610302'):
            mk('social_ins', reg)
        for reg in ('610116', '610112'):
            mk('land_office', reg)
        mk('tax', '610102')
        for kind, n in (('ride_platform', 2), ('delivery_platform', 2), ('ecom_platform', 3),
                        ('consumer_loan', 5), ('insurer', 2), ('wealth', 3)):
            for _ in range(n):
                mk(kind, self.ch(['110105', '310115', '440305', '330106', '110108']), wts=OUTCORP_W)
        for _ in range(45):
            mk('emp_out', self.pick_out(), wts=OUTCORP_W)
        # overseas counterparties (study abroad, agricultural exports)
        self.overseas = []
        for _ in range(6):
            p = self.new_person('810000', 'overseas', corp=True)
            self.overseas.append(self.new_acct(p, 'OVERSEAS', self.past(500, 5000), '', 'corp',
                                               xkind='corp'))
        self.pos_merch = [c.accts[0] for k in ('restaurant', 'supermarket', 'hotel') for c in self.C[k]]
        self.urban_merch = [c.accts[0] for c in self.C['restaurant']]
        sc = self.V['pop']
        self.gsx = [self.ghost(self.pick_sx()) for _ in range(int(2400 * sc))]
        self.gsx_rural = [self.ghost(self.ch(SX_RURAL + KIWI_REG * 2), True) for _ in range(int(800 * sc))]
        self.gout = [self.ghost(self.pick_out()) for _ in range(int(2600 * sc))]

    # ---- residents -------------------------------------------------------------------------
    POP = [('student', 1450), ('worker', 700), ('salaried', 780), ('retiree', 700),
           ('homemaker', 280), ('shop', 280), ('stall', 160), ('landlord', 100), ('guide', 50),
           ('homestay', 40), ('souvenir', 45), ('driver', 200), ('rider', 150), ('foreman', 32),
           ('builder', 300), ('kiwi_grower', 240), ('kiwi_buyer', 28), ('farmer', 260),
           ('yangling_staff', 80), ('groupbuy', 30), ('trader2h', 18), ('lender', 14),
           ('chaiqian', 8), ('newcomer', 70)]
    EMP_KINDS = {'sme': 30, 'gov_unit': 14, 'hospital': 14, 'university': 10, 'restaurant': 10,
                 'hotel': 5, 'supermarket': 5, 'travel_agency': 3, 'construction': 3,
                 'developer': 2, 'logistics': 3, 'car_dealer': 1}

    def resident(self, arch):
        y0 = self.t0.year
        hreg, rural, first, op0, info = None, False, None, None, {}
        nw = [35, 38, 20, 7]
        urb = self.rng.choices(XA_URBAN, weights=XA_URBAN_W)[0]
        by = self.ri(1965, 2000)
        if arch == 'student':
            u = self.rng.choices(self.C['university'],
                                 weights=[x.info['size'] for x in self.C['university']])[0]
            reg, yr = u.region, self.ri(1, 4)
            by = y0 - 17 - yr - self.ri(0, 1)
            hreg = self.ch(SX_ALL + OTHER_SX) if self.r() < .55 else self.pick_out(True)
            ay = y0 if self.t0.month >= 9 else y0 - 1
            enrol = datetime(ay - yr + 1, 9, 1, 10, tzinfo=TZ) + timedelta(days=self.ri(0, 12))
            op0 = int((enrol - self.t0).total_seconds())
            if self.season == 'harvest' and yr == 1:
                op0 = self.ri(0, 6) * DAY + self.tod('counter')
            first, info, nw = u.info['partner'], {'univ': u, 'yr': yr}, [42, 42, 16, 0]
        elif arch == 'worker':
            emp = self.ch(self.C['factory'])
            reg = emp.region if self.r() < .8 else self.pick_sx()
            by = self.ri(1966, 2001)
            first, info = self.accts[emp.accts[0]].bank, {'emp': emp}
        elif arch in ('salaried', 'yangling_staff'):
            emp = (self.ch(self.C['agri_firm']) if arch == 'yangling_staff' else
                   self.ch(self.C[self.wch(self.EMP_KINDS)]))
            reg = emp.region if emp.region.startswith('61') else urb
            first, info = self.accts[emp.accts[0]].bank, {'emp': emp}
        elif arch == 'retiree':
            reg, by, nw = self.pick_sx(), self.ri(1938, 1963), [40, 40, 15, 5]
        elif arch == 'homemaker':
            reg = self.pick_sx()
        elif arch in ('shop', 'stall', 'groupbuy', 'trader2h'):
            reg = self.ch(['610104'] * 4 + ['610103', '610113', '610102', '610116', '610112',
                                              '610402', '610302', '610115'])
        elif arch == 'landlord':
            reg, by, rural = self.ch(['610113', '610113', '610116', '610112', '610111']), self.ri(1950, 1982), True
        elif arch in ('guide', 'homestay', 'souvenir'):
            reg = '610115' if arch == 'souvenir' or self.r() < .4 else self.ch(['610103', '610104', '610113'])
        elif arch in ('driver', 'rider'):
            reg, by = urb, self.ri(1975, 2003)
            hreg = self.ch(SX_RURAL) if self.r() < .5 else (self.pick_out(True) if self.r() < .5 else None)
        elif arch in ('foreman', 'builder'):
            reg, rural = urb if self.r() < .7 else self.pick_sx(), True
            hreg = self.ch(SX_RURAL) if self.r() < .45 else self.pick_out(True)
            by = self.ri(1962, 1998)
        elif arch in ('kiwi_grower', 'kiwi_buyer'):
            reg, rural, by = self.ch(KIWI_REG), True, self.ri(1950, 1992)
        elif arch == 'farmer':
            reg, rural, by = self.ch(['610423', '610424', '610425', '610431', '610323', '610324', '610305']), True, self.ri(1948, 1990)
        elif arch == 'chaiqian':
            reg, rural, by, first = self.ch(['610116', '610113', '610112']), True, self.ri(1950, 1975), 'SXRCU'
            nw = [0, 50, 50, 0]
        elif arch == 'newcomer':
            reg, by = urb if self.r() < .8 else '610402', self.ri(1990, 2003)
            hreg = self.pick_out(True) if self.r() < .6 else self.ch(SX_RURAL)
            op0, first = self.ri(0, 24) * DAY + self.tod('counter'), self.ch(list(self.start))
            info = {'emp': self.ch(self.C[self.wch(self.EMP_KINDS)])}
        else:
            reg = self.pick_sx()
        p = self.new_person(reg, arch, by, hreg)
        p.info = info
        n = self.rng.choices([1, 2, 3, 4], weights=nw)[0]
        age_days = max(400, (y0 - p.by - 16) * 365)
        used = []
        for i in range(n):
            if i == 0 and first:
                b = first
            else:
                b = self.bank_sx(rural)
                if b in used:
                    b = self.bank_sx(rural)
            used.append(b)
            op = op0 if (i == 0 and op0 is not None) else self.past(20, age_days)
            if arch == 'chaiqian' and i == 0:
                op = self.past(3000, 7000)
            if arch == 'newcomer' and i > 0:
                b = self.bank_for(hreg or reg, True)
            cls = 'I' if i == 0 or self.r() < .6 else 'II'
            aid = self.new_acct(p, b, op, reg if not (arch == 'newcomer' and i > 0) else (hreg or reg), cls)
            if i > 0 and self.r() < .2 and arch not in ('newcomer', 'chaiqian'):
                self.accts[aid].active = False          # a dormant spare card
        if arch not in ('student', 'retiree', 'farmer', 'kiwi_grower') and self.r() < .22:
            p.info['cc'] = self.new_acct(p, self.bank_sx(), self.past(100, 3000), reg, '', credit=True)
        return p

    def build_people(self):
        sc = self.V['pop']
        R = self.R = {}
        for arch, n in self.POP:
            R[arch] = [self.resident(arch) for _ in range(int(round(n * sc)))]
        self.residents = [p for arch, _ in self.POP for p in R[arch]]
        self.adults = (R['worker'] + R['salaried'] + R['homemaker'] + R['shop'] + R['driver'] +
                       R['farmer'] + R['kiwi_grower'] + R['builder'] + R['yangling_staff'])
        pool = R['homemaker'] + R['salaried'] + R['worker']
        for p in R['worker'] + R['salaried'] + R['shop'] + R['driver'] + R['stall']:
            if 'spouse' not in p.info and self.r() < .45:
                q = self.ch(pool)
                if q is not p and 'spouse' not in q.info:
                    p.info['spouse'], q.info['spouse'] = q, p
        cands = R['worker'] + R['farmer'] + R['kiwi_grower'] + R['shop'] + R['salaried'] + R['driver']
        for s in R['student']:
            hreg = s.hid[:6]
            if hreg.startswith('61') and self.r() < .45:
                s.info['parent'] = self.ch(cands)
                continue
            rural = hreg in SX_RURAL or self.r() < .4
            q = self.new_person(hreg, 'parent', self.ri(1965, 1982))
            for _ in range(self.ri(1, 2)):
                self.new_acct(q, self.bank_for(hreg, rural), self.past(300, 7000), hreg)
            if any(self.accts[a].row for a in q.accts):
                self.light.append(q)
            s.info['parent'] = q
        self.byu = {}
        for s in R['student']:
            self.byu.setdefault(s.info['univ'].pid, []).append(s)
        for lst in self.byu.values():
            for s in lst:
                s.info['mates'] = self.rng.sample(lst, min(len(lst), 8))
        for p in R['retiree']:
            p.info['kids'] = [self.ch(self.adults) for _ in range(self.ri(0, 2))]

    # ---- lawful life: helpers -----------------------------------------------------------------
    def acc(self, p, rnd=.15):
        if len(p.accts) > 1 and self.r() < rnd:
            a = self.ch(p.accts)
            if self.accts[a].active and self.accts[a].xkind == 'person':
                return a
        return p.accts[0]

    def buy(self, a, n, med, sig=1.0, lo=1, hi=5000, prof='day', pos=.15, cw=None):
        h = self.hub
        for _ in range(n):
            d = self.pday(cw)
            r = self.r()
            if r < pos:
                to, ch, memo = self.ch(self.pos_merch), 'pos', '消费'
            elif r < pos + .45:
                to, ch, memo = h['alipay'], 'mobile', self.ch(['支付宝快捷支付', '支付宝', ''])
            elif r < pos + .8:
                to, ch, memo = h['tenpay'], 'mobile', self.ch(['财付通快捷支付', '微信支付', ''])
            elif r < pos + .9:
                to, ch, memo = h['jd'], 'online', '京东支付'
            else:
                to, ch, memo = h['unionpay'], 'online', '银联在线支付'
            reg = self.accts[to].region if ch == 'pos' else self.loc(a)
            self.T(self.at(d, prof), a, to, self.fp(self.lgn(med, sig, lo, hi)), ch, reg, memo)

    def pay(self, d, frm, to, fen, prof='day', memo='', ch='mobile', tk='ordinary', cb=False):
        ts = self.at(d, prof) if isinstance(d, int) and d < NDAYS else d
        reg = self.loc(frm) if ch in ('mobile', 'online') else self.holder(frm).region
        return self.T(ts, frm, to, fen, ch, reg, memo, tk, 'transfer', cb)

    def payt(self, ts, frm, to, fen, memo='', ch='mobile', tk='ordinary'):
        reg = self.loc(frm) if ch in ('mobile', 'online') else self.holder(frm).region
        return self.T(ts, frm, to, fen, ch, reg, memo, tk)

    def cash(self, d, a, fen, deposit=False, ch=None, prof=None):
        reg = self.holder(a).region
        ch = ch or ('counter' if deposit or fen > 300000 else self.ch(['atm', 'atm', 'counter']))
        ts = self.at(d, prof or ('counter' if ch == 'counter' else 'day'))
        if deposit:
            return self.T(ts, None, a, fen, ch, reg, '', kind='deposit')
        return self.T(ts, a, None, fen, ch, reg, '', kind='withdrawal')

    def util(self, i=None):
        u = self.C['utility']
        return u[i % len(u)].accts[0] if i is not None else self.ch(u).accts[0]

    def person_acct(self, pool):
        x = self.ch(pool)
        return x if isinstance(x, str) else x.accts[0]

    def salary(self, p, a, emp, med, sig=.3):
        base = self.lgn(med, sig, 2600, 60000)
        for d in self.dom_days(emp.info['payday']):
            self.T(self.at(d, 'batch'), emp.accts[0], a, self.fp(base * self.rng.uniform(.92, 1.12)),
                   'other', emp.region, self.ch(['代发工资', '工资', '代发', '工资']))

    def adult_common(self, p, a, n, med):
        self.buy(a, n, med, 1.1, 1, 6000)
        for _ in range(self.ri(0, 2)):
            i = self.ri(0, 5)
            self.pay(self.pday(), a, self.util(i), self.fp(self.lgn(120, .6, 20, 800)),
                     memo=['电费', '燃气费', '水费', '采暖费', '话费', '宽带费'][i])
        if self.season == 'autumn' and p.region in XA_URBAN and self.r() < .3:
            self.pay(self.ri(0, 12), a, self.util(3), self.fp(self.lgn(2000, .3, 700, 5000)),
                     memo='采暖费')
        sp = p.info.get('spouse')
        if sp is not None and self.r() < .6:
            self.pay(self.pday(), a, sp.accts[0], self.fx(self.lgn(2000, .7, 200, 10000)),
                     memo=self.ch(['家用', '', '生活费', '']))
        for o in p.accts[1:]:
            oa = self.accts[o]
            if oa.active and oa.xkind == 'person':
                self.buy(o, self.ri(1, 6), 90, 1.1, 1, 5000)
            if oa.active and oa.xkind == 'person' and self.r() < .45:
                for _ in range(self.ri(1, 2)):
                    f, t = (a, o) if self.r() < .6 else (o, a)
                    self.pay(self.pday(), f, t, self.fr(self.lgn(3000, 1.0, 200, 60000), 100),
                             memo=self.ch(['', '转账', '跨行转账', '']))
        cc = p.info.get('cc')
        if cc:
            self.buy(cc, self.ri(2, 10), 150, 1.0, 5, 8000, pos=.35)
            self.pay(self.pday(), a, cc, self.fp(self.lgn(3000, .8, 200, 30000)), memo='信用卡还款')
        for _ in range(self.ri(0, 2)):
            self.cash(self.pday(), a, self.fr(self.lgn(800, .6, 100, 3000), 100), ch='atm')
        for _ in range(self.ri(0, 3)):
            o = self.person_acct(self.gsx if self.r() < .5 else (self.gout if self.r() < .4 else self.residents))
            f, t = (a, o) if self.r() < .55 else (o, a)
            self.pay(self.pday(), f, t, self.fx(self.lgn(300, .9, 20, 5000)),
                     memo=self.ch(['', '红包', '还你', '借款', '转账', '']))
        if self.season == 'harvest' and self.r() < .25:
            o = self.person_acct(self.R['retiree'] + self.gsx_rural)
            self.pay(self.ri(3, 7), a, o, self.fx(self.lgn(1000, .5, 200, 5000)), memo='中秋')
        if self.season == 'spring' and self.r() < .12:
            o = self.person_acct(self.R['retiree'] + self.gsx_rural)
            self.pay(self.ri(14, 19), a, o, self.fx(self.lgn(600, .5, 100, 3000)), memo='')
        if self.r() < .004:
            self.pay(self.ri(0, 29), a, self.ch(self.overseas),
                     self.fr(self.lgn(80000, .4, 20000, 300000), 100), 'counter', '留学学费',
                     ch='counter', cb=True)

    # ---- lawful life: archetypes ----------------------------------------------------------------
    def life_student(self, p):
        a = p.accts[0]
        u, par = p.info['univ'], p.info['parent']
        pa = par.accts[0]
        op = self.accts[a].opened
        d0 = max(0, op // DAY + 1) if op > 0 else 0
        fresh = self.season == 'harvest' and p.info['yr'] == 1
        rd = lambda lo=0: self.ri(max(lo, d0), NDAYS - 1)
        for _ in range(1 if self.r() < .7 else 2):
            d = rd() if op > 0 else self.ch(self.dom_days(self.ri(1, 6)))
            self.pay(d, pa, a, self.fx(self.lgn(1600, .35, 500, 5000)),
                     memo=self.ch(['生活费', '', '生活费', '零花钱']))
        if self.season == 'harvest':
            d = min(NDAYS - 1, rd() if fresh else self.ri(0, 12))
            fee = self.fr(self.lgn(5200, .2, 3500, 9000), 100)
            t1 = self.at(d, 'day')
            if fresh or self.r() < .6:
                self.payt(t1, pa, a, fee + self.fr(self.ri(500, 4000), 100), memo=self.ch(['学费', '', '学费生活费']))
            self.payt(t1 + self.ri(600, 30000), a, u.accts[0], fee, '学费', 'online')
            if self.r() < .7:
                self.payt(t1 + self.ri(600, 40000), a, u.accts[0],
                          self.fr(self.ri(800, 1500), 100), '住宿费', 'online')
            if fresh:
                if self.r() < .45:
                    self.payt(self.at(rd(), 'day'), a, self.hub['jd'],
                              self.fp(self.lgn(4500, .35, 1500, 12000)), '京东支付', 'online')
                self.buy(a, self.ri(3, 8), 90, .8, 10, 800)
        elif self.r() < .08:
            self.pay(rd(), a, u.accts[0], self.fr(self.ri(30, 300), 10), memo='考试报名费', ch='online')
        self.buy(a, self.ri(14, 38), 22, 1.0, 2, 1500, 'meal', pos=.05)
        for _ in range(self.ri(1, 4)):
            self.pay(rd(), a, u.accts[1], self.ch([50, 100, 100, 200, 300]) * 100, 'meal', '校园卡充值')
        mates = p.info['mates']
        for _ in range(self.ri(1, 5)):
            m = self.ch(mates)
            if m is not p:
                self.pay(rd(), a, m.accts[0], self.fx(self.lgn(50, .8, 5, 500)), 'eve',
                         self.ch(['AA', '饭钱', '车费', '', '奶茶', '']))
        if self.r() < .05:
            d = self.ri(max(2, d0), 25)
            fee = self.ch([20, 30, 50, 80, 100, 150]) * 100
            lst = self.byu[u.pid]
            got = 0
            for m in self.rng.sample(lst, min(len(lst), self.ri(15, 36))):
                if m is not p and self.pay(self.ri(d, d + 1), m.accts[0], a, fee, 'day',
                                           self.ch(['班费', '资料费', '班服', ''])):
                    got += fee
            if got:
                self.pay(min(NDAYS - 1, d + self.ri(1, 4)), a,
                         self.ch(self.C['sme']).accts[0] if self.r() < .5 else self.hub['alipay'],
                         int(got * self.rng.uniform(.85, 1.0)), memo=self.ch(['班费支出', '货款', '']))
        if self.r() < .25:
            for _ in range(self.ri(1, 4)):
                self.pay(rd(), self.person_acct(self.gsx + self.C['sme']), a,
                         self.fr(self.lgn(200, .6, 60, 800), 10), memo=self.ch(['家教费', '兼职', '']))
        if self.r() < .6:
            self.pay(rd(), a, self.util(4), self.ch([30, 50, 50, 100]) * 100, memo='话费')
        for o in p.accts[1:]:
            if self.accts[o].active:
                self.buy(o, self.ri(0, 4), 40, 1.0, 2, 1500)
            if self.accts[o].active and self.r() < .35:
                f, t = (a, o) if self.r() < .5 else (o, a)
                self.pay(rd(), f, t, self.fr(self.lgn(300, .8, 50, 3000), 10))
        trip = {'harvest': (18, 21), 'spring': (13, 16)}.get(self.season)
        if trip and self.r() < .4:
            self.pay(self.ri(*trip), a, self.hub['alipay'], self.fp(self.lgn(300, .4, 80, 900)), memo='12306')
        if self.r() < .04:
            for _ in range(self.ri(1, 4)):
                self.pay(rd(), self.person_acct(self.gout + self.gsx), a,
                         self.fr(self.lgn(200, .9, 20, 2000), 1), memo=self.ch(['闲鱼', '']))

    def life_employee(self, p, med):
        a = p.accts[0]
        self.salary(p, a, p.info['emp'], med)
        self.adult_common(p, a, self.ri(10, 32), 70)
        if self.r() < .12:
            self.pay(self.pday(), a, self.ch(self.C['wealth']).accts[0],
                     self.fr(self.lgn(20000, .7, 2000, 200000), 1000), memo='理财申购', ch='online')
        if self.r() < .15:
            self.pay(self.pday(), a, self.ch(self.C['sme']).accts[0],
                     self.fp(self.lgn(2500, .6, 500, 12000)), memo=self.ch(['培训费', '学费', '托管费']))

    def life_retiree(self, p):
        a = p.accts[0]
        si = self.C['social_ins'][0 if p.region[:4] == '6101' else 1 if p.region[:4] == '6104' else 2]
        for d in self.dom_days(10 + si.pid % 6):
            self.T(self.at(d, 'batch'), si.accts[0], a, self.fp(self.lgn(3800, .35, 1500, 12000)),
                   'other', si.region, '养老金')
        for _ in range(self.ri(1, 3)):
            self.cash(self.pday(self.work_cw), a, self.fr(self.lgn(1500, .5, 200, 10000), 100),
                      ch='counter' if self.r() < .6 else 'atm')
        self.buy(a, self.ri(2, 10), 60, .9, 2, 2000, pos=.3)
        for k in p.info.get('kids', []):
            if self.r() < .5:
                self.pay(self.pday(), a, k.accts[0], self.fx(self.lgn(800, .7, 100, 5000)),
                         memo=self.ch(['', '给孙子', '红包']))
            if self.r() < .3:
                self.pay(self.pday(), k.accts[0], a, self.fx(self.lgn(1000, .6, 200, 5000)),
                         memo=self.ch(['', '孝敬', '生活费']))
        if self.r() < .3:
            for _ in range(self.ri(1, 2)):
                self.pay(self.pday(self.work_cw), a, self.ch(self.C['hospital']).accts[0],
                         self.fp(self.lgn(900, 1.0, 50, 20000)), 'work', '医疗费', ch='pos')
        if self.r() < .12:
            to = p.accts[1] if len(p.accts) > 1 else self.ch(self.C['wealth']).accts[0]
            self.pay(self.pday(self.work_cw), a, to, self.fr(self.lgn(40000, .7, 5000, 300000), 1000),
                     'counter', '定期', ch='counter')
        if self.r() < .6:
            self.pay(self.pday(), a, self.util(self.ri(0, 2)), self.fp(self.lgn(90, .5, 15, 400)), memo='缴费')

    def life_homemaker(self, p):
        a = p.accts[0]
        sp = p.info.get('spouse')
        if sp is not None:
            for _ in range(self.ri(1, 2)):
                self.pay(self.pday(), sp.accts[0], a, self.fx(self.lgn(3500, .5, 500, 12000)), memo='家用')
        self.buy(a, self.ri(14, 36), 60, 1.0, 2, 3000)
        if self.r() < .3:
            self.pay(self.pday(), a, self.ch(self.C['sme']).accts[0],
                     self.fp(self.lgn(2500, .6, 300, 9000)), memo=self.ch(['课时费', '培训费', '兴趣班']))
        self.pay(self.pday(), a, self.util(self.ri(0, 5)), self.fp(self.lgn(120, .5, 20, 600)), memo='缴费')

    def shopkeeper(self, p, scale, tour):
        a = p.accts[0]
        sc = self.lgn(scale, .5, scale * .2, scale * 5)
        tw = self.tour_cw if tour else self.spend_cw
        for d in DAYS:
            if self.r() < .08:
                continue
            f = self.tour_weight(d) / 1.4 if tour else self.spend_weight(d)
            hub = self.hub['alipay'] if self.r() < .55 else self.hub['tenpay']
            self.T(self.at(d, 'settle'), hub, a, self.fp(self.lgn(900 * sc * f, .4, 30, 80000)),
                   'other', '', self.ch(['商户结算', '提现', '收款码结算']))
        custs = self.gout if tour else self.gsx
        for _ in range(self.ri(4, 28)):
            o = self.person_acct(custs if self.r() < .7 else self.residents)
            self.pay(self.pday(tw), o, a, self.fx(self.lgn(70, 1.0, 5, 2000)), memo=self.ch(['', '', '货款', '付款']))
        for _ in range(self.ri(3, 10)):
            self.pay(self.pday(self.work_cw), a, self.ch(self.C['wholesaler']).accts[0],
                     self.fp(self.lgn(3500 * sc, .7, 200, 60000)), 'work', self.ch(['货款', '进货', '']))
        if self.r() < .8:
            ll = self.person_acct(self.R['landlord']) if self.r() < .5 else self.ch(self.gsx)
            self.pay(self.ch(self.dom_days(self.ri(1, 5))), a, ll,
                     self.fr(self.lgn(6000 * sc ** .5, .5, 1500, 40000), 100), memo='房租')
        for _ in range(self.ri(1, 5)):
            self.cash(self.pday(self.work_cw), a, self.fr(self.lgn(3000 * sc, .6, 300, 40000), 100), True)
        self.adult_common(p, a, self.ri(4, 14), 70)

    def life_landlord(self, p):
        a = p.accts[0]
        tenants = self.R['student'] + self.R['builder'] + self.R['rider'] + self.R['driver'] + self.R['stall']
        for _ in range(self.ri(8, 40)):
            o = self.person_acct(tenants) if self.r() < .3 else self.ch(self.gsx)
            dom = self.ri(1, 5) if self.r() < .55 else self.ri(1, 28)
            rent = self.fr(self.lgn(1100, .35, 450, 3500), 50)
            if self.r() < .2:
                if self.r() > .33:
                    continue
                rent *= 3
            self.pay(self.ch(self.dom_days(dom)), o, a, rent,
                     memo=self.ch(['房租', '房租', '', '房租水电', '押一付三']))
        for _ in range(self.ri(1, 3)):
            self.pay(self.pday(), a, self.util(self.ri(0, 2)), self.fp(self.lgn(1500, .6, 200, 8000)), memo='水电费')
        for _ in range(self.ri(1, 3)):
            to = self.ch(p.accts[1:]) if len(p.accts) > 1 else self.ch(self.C['wealth']).accts[0]
            self.pay(self.pday(self.work_cw), a, to, self.fr(self.lgn(30000, .6, 5000, 200000), 1000),
                     'counter', '', ch='counter')
        for _ in range(self.ri(0, 3)):
            self.pay(self.pday(), a, self.ch(self.gsx), self.fr(self.lgn(600, .7, 100, 5000), 10), memo='维修')
        self.adult_common(p, a, self.ri(4, 12), 80)

    def tour_k(self):
        return {'autumn': .6, 'spring': 1.0, 'harvest': 1.8}[self.season]

    def life_guide(self, p):
        a, k = p.accts[0], self.tour_k()
        for _ in range(max(1, round(self.ri(2, 7) * k))):
            self.pay(self.pday(self.tour_cw), self.ch(self.C['travel_agency']).accts[0], a,
                     self.fr(self.lgn(900, .5, 200, 5000), 10), 'work', self.ch(['导游费', '带团费']), ch='online')
        for _ in range(round(self.ri(1, 10) * k)):
            self.pay(self.pday(self.tour_cw), self.ch(self.gout), a, self.fx(self.lgn(300, .8, 50, 3000)),
                     memo=self.ch(['讲解费', '门票', '', '定金']))
        for _ in range(round(self.ri(1, 6) * k)):
            self.pay(self.pday(self.tour_cw), a, self.ch(self.C['scenic']).accts[0],
                     self.ch([120, 120, 150, 54, 65]) * 100 * self.ri(8, 40), 'work', '门票')
        for _ in range(round(self.ri(0, 4) * k)):
            self.pay(self.pday(self.tour_cw), a, self.ch(self.urban_merch), self.fp(self.lgn(1500, .5, 300, 6000)),
                     'meal', '团餐', ch='pos')
        self.adult_common(p, a, self.ri(6, 16), 70)

    def life_homestay(self, p):
        a, k = p.accts[0], self.tour_k()
        for _ in range(max(1, round(self.ri(4, 14) * k))):
            src = self.ch(self.C['ecom_platform']).accts[0] if self.r() < .6 else self.hub['alipay']
            self.T(self.at(self.pday(self.tour_cw), 'settle'), src, a, self.fp(self.lgn(500, .6, 100, 4000)),
                   'other', '', '平台结算')
        for _ in range(round(self.ri(1, 8) * k)):
            self.pay(self.pday(self.tour_cw), self.ch(self.gout), a, self.fx(self.lgn(400, .6, 100, 3000)), memo='房费')
        for _ in range(self.ri(1, 4)):
            self.pay(self.pday(), a, self.ch(self.gsx), self.fr(self.lgn(300, .5, 80, 1500), 10), memo='保洁')
        self.adult_common(p, a, self.ri(6, 14), 70)

    def life_souvenir(self, p):
        a, k = p.accts[0], self.tour_k()
        for _ in range(round(self.ri(8, 30) * k)):
            o = self.ch(self.gout) if self.r() < .75 else self.ch(self.gsx)
            self.pay(self.pday(self.tour_cw), o, a, self.fx(self.lgn(120, .9, 10, 2000)), memo='')
        for d in DAYS:
            if self.r() < .5 * k:
                self.T(self.at(d, 'settle'), self.hub['alipay'], a,
                       self.fp(self.lgn(600 * self.tour_weight(d), .5, 50, 20000)), 'other', '', '收款码结算')
        for _ in range(self.ri(1, 4)):
            self.pay(self.pday(self.work_cw), a, self.ch(self.C['wholesaler']).accts[0],
                     self.fp(self.lgn(6000, .6, 1000, 40000)), 'work', '进货')
        for _ in range(self.ri(1, 3)):
            self.cash(self.pday(self.work_cw), a, self.fr(self.lgn(3000, .6, 300, 20000), 100), True)
        self.adult_common(p, a, self.ri(4, 10), 60)

    def life_driver(self, p, rider=False):
        a = p.accts[0]
        plat = self.C['delivery_platform' if rider else 'ride_platform']
        for _ in range(self.ri(4, 20) if rider else self.ri(8, 26)):
            self.T(self.at(self.pday(), 'day'), self.ch(plat).accts[0], a,
                   self.fp(self.lgn(350 if rider else 260, .5, 30, 2500)), 'other', '',
                   '骑手提现' if rider else '司机提现')
        if not rider:
            self.buy(a, self.ri(8, 22), 120, .5, 20, 500, pos=.5)
            self.pay(self.pday(), a, self.ch(self.C['sme'] + self.C['consumer_loan']).accts[0],
                     self.fr(self.lgn(3800, .3, 1500, 8000), 1), memo=self.ch(['车贷', '租车费']))
        hreg = p.hid[:6]
        if hreg[:4] not in ('6101',) and self.r() < .7:
            fam = self.gsx_rural if hreg.startswith('61') else self.gout
            self.pay(self.pday(), a, self.ch(fam), self.fr(self.lgn(2500, .5, 500, 8000), 100), memo='家用')
        self.adult_common(p, a, self.ri(5, 16), 45)

    def life_foreman(self, p):
        a = p.accts[0]
        con = self.ch(self.C['construction'])
        crew = self.rng.sample(self.R['builder'], min(len(self.R['builder']), self.ri(5, 22)))
        crew = [b.accts[0] for b in crew] + [self.ch(self.gsx_rural if self.r() < .5 else self.gout)
                                             for _ in range(self.ri(4, 25))]
        nrec = {'autumn': self.ri(1, 3), 'spring': self.ri(1, 2), 'harvest': self.ri(1, 3)}[self.season]
        for _ in range(nrec):
            d = self.pday(self.work_cw)
            t = self.at(d, 'work')
            amt = self.fr(self.lgn(220000, .7, 30000, 1500000), 1000)
            if not self.T(t, self.ch(con.accts), a, amt, 'online', con.region,
                          self.ch(['劳务费', '工程款', '人工费', '进度款'])):
                continue
            t += self.ri(1800, 26 * HOUR)
            budget = int(amt * self.rng.uniform(.55, .85))
            self.rng.shuffle(crew)
            for w in crew:
                x = self.fr(self.lgn(6000, .5, 1500, 25000), 100)
                if x > budget:
                    break
                if self.payt(t, a, w, x, self.ch(['工资', '工钱', '', '工资'])):
                    budget -= x
                t += self.ri(20, 240)
            if self.r() < .6:
                self.T(t + self.ri(600, 7200), a, None, self.fr(self.lgn(40000, .5, 10000, 150000), 1000),
                       'counter', p.region, '', kind='withdrawal')
            for _ in range(self.ri(0, 2)):
                self.payt(t + self.ri(3600, 3 * DAY), a, self.ch(self.C['wholesaler']).accts[0],
                          self.fr(self.lgn(20000, .7, 3000, 120000), 100), '材料款', 'online')
        for _ in range(self.ri(2, 8)):
            self.pay(self.pday(), a, self.ch(crew), self.fr(self.lgn(700, .4, 200, 2000), 100), memo='生活费')
        self.adult_common(p, a, self.ri(6, 16), 80)

    def life_builder(self, p):
        a = p.accts[0]
        fam = self.gsx_rural if p.hid.startswith('61') else self.gout
        if self.r() < .65:                 # wages through the contractor's migrant-wage account
            con = self.C['construction'][p.pid % len(self.C['construction'])]
            for d in self.dom_days(con.info['payday']):
                self.T(self.at(d, 'batch'), con.accts[-1], a, self.fp(self.lgn(5500, .3, 2000, 15000)),
                       'other', con.region, self.ch(['农民工工资', '代发工资', '工资']))
        for _ in range(self.ri(0, 2)):
            self.pay(self.ri(8, 29), a, self.ch(fam), self.fr(self.lgn(3000, .6, 500, 15000), 100), memo='家用')
        self.buy(a, self.ri(4, 14), 40, .9, 2, 1500, 'meal')
        for _ in range(self.ri(0, 2)):
            self.cash(self.pday(), a, self.fr(self.lgn(600, .5, 100, 3000), 100), ch='atm')

    def kiwi_sellers(self, reg):
        g = [x for x in self.R['kiwi_grower'] if x.region == reg]
        return g, [x for x in self.gsx_rural if self.accts[x].region == reg]

    def life_kiwi_grower(self, p):
        a, s = p.accts[0], self.season
        if s == 'autumn':
            if self.r() < .4:
                self.pay(self.pday(self.work_cw), a, self.ch(self.C['cold_storage']).accts[0],
                         self.fp(self.lgn(3000, .6, 600, 12000)), 'work', '冷库费')
            if self.r() < .5:
                self.pay(self.pday(), a, self.ch(self.C['agri_input']).accts[0],
                         self.fp(self.lgn(3000, .6, 500, 10000)), memo='化肥')
        elif s == 'spring':
            for _ in range(self.ri(1, 3)):
                self.pay(self.pday(), a, self.ch(self.C['agri_input']).accts[0],
                         self.fp(self.lgn(2500, .7, 300, 20000)), memo=self.ch(['化肥', '花粉', '农药', '']))
            for _ in range(self.ri(0, 4)):
                self.pay(self.pday(), a, self.ch(self.gsx_rural), self.fr(self.lgn(800, .6, 150, 3000), 10),
                         memo=self.ch(['工钱', '修剪', '']))
        else:
            for _ in range(self.ri(4, 20)):
                self.pay(self.pday(), a, self.ch(self.gsx_rural + [x.accts[0] for x in self.R['retiree'][:60]]),
                         self.fr(self.lgn(300, .5, 80, 1500), 10), 'work', self.ch(['工钱', '摘果', '']))
            for _ in range(self.ri(1, 2)):
                self.pay(self.pday(), a, self.ch(self.C['agri_input']).accts[0],
                         self.fp(self.lgn(5000, .7, 800, 30000)), memo=self.ch(['纸箱', '包装', '']))
        if s != 'spring' and self.r() < (.35 if s == 'harvest' else .15):
            for _ in range(self.ri(3, 15)):
                self.pay(self.pday(), self.ch(self.gout), a, self.fp(self.lgn(110, .5, 30, 600)),
                         memo=self.ch(['猕猴桃', '', '快递费'])) 
        self.buy(a, self.ri(3, 10), 80, 1.0, 2, 3000)
        for _ in range(self.ri(1, 3)):
            self.cash(self.pday(), a, self.fr(self.lgn(1500, .7, 100, 20000), 100))

    def life_kiwi_buyer(self, p):
        a, s = p.accts[0], self.season
        nrec = {'autumn': self.ri(2, 6), 'spring': self.ri(0, 2), 'harvest': self.ri(5, 12)}[s]
        g, gg = self.kiwi_sellers(p.region)
        sellers = [x.accts[0] for x in g] + gg
        for _ in range(nrec):
            t = self.at(self.pday(), 'work')
            src = self.ch(self.C['fruit_market']).accts[0] if self.r() < .6 else self.ch(self.gout)
            amt = self.fr(self.lgn(150000 if s == 'harvest' else 90000, .6, 20000, 900000), 100)
            if self.r() < .3:
                amt = int(self.rng.uniform(2.8, 6.5) * self.ri(3000, 90000)) * 100
            if not self.T(t, src, a, amt, 'online', self.accts[src].region,
                          self.ch(['货款', '猕猴桃款', '果款', ''])):
                continue
            t += self.ri(1800, 30 * HOUR)
            budget = int(amt * self.rng.uniform(.7, .95))
            for _ in range(60):
                if budget <= 0 or not sellers or t >= END:
                    break
                x = int(self.rng.uniform(2.6, 5.5) * self.ri(1500, 20000)) * 100 if self.r() < .5 else \
                    self.fr(self.lgn(25000, .7, 3000, 120000), 10)
                if x > budget:
                    break
                if self.payt(t, a, self.ch(sellers), x, self.ch(['果款', '猕猴桃', '', '货款'])):
                    budget -= x
                t += self.ri(60, 1800)
            if self.r() < .35:
                self.T(t + self.ri(300, 5000), a, None, self.fr(self.lgn(50000, .6, 20000, 200000), 1000),
                       'counter', p.region, '', kind='withdrawal')
            if self.r() < .6:
                self.payt(t + self.ri(3600, 2 * DAY), a, self.ch(self.C['logistics']).accts[0],
                          self.fr(self.lgn(8000, .5, 2000, 30000), 10), '运费', 'online')
        if s != 'spring' and self.r() < .6:
            self.pay(self.pday(self.work_cw), a, self.ch(self.C['cold_storage']).accts[0],
                     self.fp(self.lgn(20000, .6, 3000, 100000)), 'work', '冷库租金')
        self.adult_common(p, a, self.ri(6, 16), 90)

    def life_farmer(self, p):
        a, s = p.accts[0], self.season
        if s in ('autumn', 'harvest'):
            for _ in range(self.ri(0, 3)):
                src = self.ch(self.gout) if self.r() < .6 else self.ch(self.C['fruit_market']).accts[0]
                self.pay(self.pday(), src, a, self.fr(self.lgn(20000, .7, 3000, 120000), 10),
                         'work', self.ch(['苹果款', '货款', '']), ch='online')
        else:
            for _ in range(self.ri(1, 3)):
                self.pay(self.pday(), a, self.ch(self.C['agri_firm']).accts[0],
                         self.fp(self.lgn(2500, .8, 200, 30000)), memo=self.ch(['种苗', '化肥', '种子', '']))
        if self.r() < .4:
            d = self.ch(self.dom_days(self.ri(10, 25)))
            self.T(self.at(d, 'batch'), self.ch(self.C['gov_unit']).accts[0], a,
                   self.fp(self.lgn(400, .6, 60, 2000)), 'other', '', self.ch(['惠农补贴', '耕地地力保护补贴']))
        self.buy(a, self.ri(3, 8), 70, 1.0, 2, 2000)
        for _ in range(self.ri(1, 2)):
            self.cash(self.pday(), a, self.fr(self.lgn(1200, .6, 100, 8000), 100))

    def life_groupbuy(self, p):
        a = p.accts[0]
        nb = self.R['homemaker'] + self.R['retiree']
        days = sorted(self.rng.sample(DAYS, self.ri(8, 18)))
        for _ in range(self.ri(30, 110)):
            o = self.person_acct(nb) if self.r() < .35 else self.ch(self.gsx)
            self.pay(self.ch(days), o, a, self.fp(self.lgn(45, .8, 6, 400)), 'day',
                     self.ch(['团购', '接龙', '', '']))
        for _ in range(self.ri(4, 12)):
            to = self.ch(self.C['wholesaler'] + self.C['ecom_platform']).accts[0]
            self.pay(self.ch(days), a, to, self.fp(self.lgn(2500, .6, 300, 20000)), 'work', '货款')
        self.adult_common(p, a, self.ri(5, 12), 60)

    def life_trader2h(self, p):
        a = p.accts[0]
        for _ in range(self.ri(8, 26)):
            self.pay(self.pday(), a, self.ch(self.gout if self.r() < .6 else self.gsx),
                     self.fr(self.lgn(2200, .6, 300, 9000), 10), memo=self.ch(['手机款', '', '回收']))
        for _ in range(self.ri(8, 26)):
            self.pay(self.pday(), self.ch(self.gout if self.r() < .7 else self.gsx), a,
                     self.fr(self.lgn(2600, .6, 300, 10000), 10), memo=self.ch(['货款', '', '手机']))
        self.adult_common(p, a, self.ri(5, 12), 60)

    def life_lender(self, p):
        a = p.accts[0]
        pool = self.gsx + [x.accts[0] for x in self.R['shop'] + self.R['stall'] + self.R['foreman']]
        for _ in range(self.ri(1, 4)):
            self.pay(self.pday(self.work_cw), a, self.ch(pool), self.fr(self.lgn(60000, .8, 10000, 500000), 1000),
                     memo=self.ch(['借款', '', '借款']))
        for _ in range(self.ri(3, 12)):
            self.pay(self.pday(), self.ch(pool), a, self.fr(self.lgn(2000, .8, 200, 20000), 100),
                     memo=self.ch(['利息', '', '还款']))
        self.adult_common(p, a, self.ri(5, 12), 100)

    def life_chaiqian(self, p):
        a = p.accts[0]
        lo = self.ch(self.C['land_office'])
        d = self.ri(2, 22)
        t = self.at(d, 'batch')
        amt = int(self.lgn(1500000, .5, 300000, 5000000) * 100)
        if not self.T(t, lo.accts[0], a, amt, 'other', lo.region, self.ch(['征收补偿款', '拆迁安置补偿'])):
            return
        left = amt
        kids = [self.person_acct(self.adults + self.gsx) for _ in range(self.ri(2, 4))]
        for k in kids:
            t += self.ri(HOUR, 3 * DAY)
            x = min(left // 3, self.fr(self.lgn(250000, .5, 80000, 800000), 1000))
            if self.payt(t, a, k, x, self.ch(['', '给儿子', '补偿款']), self.ch(['counter', 'mobile'])):
                left -= x
        if len(p.accts) > 1:
            x = min(left // 2, self.fr(self.lgn(400000, .5, 100000, 2000000), 10000))
            if self.payt(t + self.ri(HOUR, 2 * DAY), a, p.accts[1], x, '', 'counter'):
                left -= x
        if self.r() < .4:
            x = min(left // 2, self.fr(self.lgn(220000, .3, 100000, 450000), 100))
            if self.payt(t + self.ri(DAY, 5 * DAY), a, self.ch(self.C['car_dealer']).accts[0], x, '购车款', 'counter'):
                left -= x
        if self.r() < .5:
            x = min(int(left * .8), self.fr(self.lgn(600000, .4, 200000, 1500000), 1000))
            self.payt(t + self.ri(DAY, 6 * DAY), a, self.ch(self.C['developer']).accts[0], x, '购房款', 'counter')

    def life_newcomer(self, p):
        a = p.accts[0]
        d0 = self.accts[a].opened // DAY
        t = self.accts[a].opened + self.ri(60, 2 * DAY)
        if len(p.accts) > 1:
            self.payt(t, p.accts[1], a, self.fr(self.lgn(2500, .6, 300, 10000), 100), '', 'mobile')
        else:
            self.T(self.accts[a].opened + 300, None, a, self.fr(self.lgn(1500, .6, 100, 6000), 100),
                   'counter', p.region, '', kind='deposit')
        self.salary(p, a, p.info['emp'], 5000)
        self.buy(a, self.ri(4, 14), 60, 1.0, 2, 2000)
        if d0 < 27:
            self.payt(self.at(self.ri(d0 + 1, 29), 'day'), a, self.ch(self.gsx + [x.accts[0] for x in self.R['landlord']]),
                      self.fr(self.lgn(1500, .4, 600, 4000), 50), '房租')

    # ---- institutions' own flows ------------------------------------------------------------------
    def life_corp(self, p):
        k, A = p.info['kind'], p.accts
        a = A[0]
        C, s = self.C, self.season
        pick = lambda *kinds: self.ch([c for kk in kinds for c in C[kk]]).accts[0]
        if k in ('restaurant', 'hotel', 'supermarket', 'scenic', 'hospital', 'utility'):
            med = {'restaurant': 6000, 'hotel': 15000, 'supermarket': 40000, 'scenic': 150000,
                   'hospital': 150000, 'utility': 300000}[k]
            tour = k in ('hotel', 'scenic')
            if k == 'scenic':
                med *= self.tour_k()
            sc = self.lgn(1.0, .4, .3, 3)
            for d in DAYS:
                if self.r() < .9:
                    f = self.tour_weight(d) / 1.4 if tour else self.spend_weight(d)
                    hub = self.hub['unionpay' if self.r() < .3 else 'alipay' if self.r() < .6 else 'tenpay']
                    self.T(self.at(d, 'settle'), hub, a, self.fp(self.lgn(med * sc * f, .35, 100, 5e6)),
                           'other', '', self.ch(['商户结算', '清算款', '']))
            for _ in range(self.ri(5, 16)):
                self.pay(self.pday(self.work_cw), self.ch(A), pick('wholesaler', 'sme', 'logistics'),
                         self.fp(self.lgn(med * 1.5, .8, 500, 5e6)), 'work', self.ch(['货款', '服务费', '']), ch='online')
        elif k == 'wholesaler':
            for _ in range(self.ri(4, 12)):
                self.pay(self.pday(self.work_cw), a, pick('emp_out', 'fruit_market'),
                         self.fp(self.lgn(40000, .8, 5000, 600000)), 'work', '货款', ch='online')
            for _ in range(self.ri(3, 10)):
                self.cash(self.pday(self.work_cw), a, self.fr(self.lgn(20000, .6, 2000, 100000), 100), True)
        elif k == 'factory':
            for _ in range(self.ri(3, 10)):
                self.pay(self.pday(self.work_cw), pick('emp_out', 'factory'), a,
                         self.fp(self.lgn(800000, 1.0, 50000, 1e7)), 'work', '货款', ch='online')
            for _ in range(self.ri(5, 15)):
                self.pay(self.pday(self.work_cw), self.ch(A), pick('sme', 'logistics', 'factory', 'emp_out'),
                         self.fp(self.lgn(200000, 1.0, 5000, 5e6)), 'work', self.ch(['货款', '材料款', '加工费']), ch='online')
        elif k == 'university':
            for _ in range(self.ri(2, 4)):
                self.pay(self.pday(self.work_cw), A[1], a, self.fr(self.lgn(300000, .5, 50000, 2e6), 1),
                         'work', '归集', ch='online')
            for _ in range(self.ri(3, 10)):
                self.pay(self.pday(self.work_cw), a, pick('sme', 'supermarket', 'logistics'),
                         self.fp(self.lgn(120000, 1.0, 3000, 3e6)), 'work', self.ch(['采购款', '服务费']), ch='online')
        elif k == 'travel_agency':
            kk = self.tour_k()
            for _ in range(round(self.ri(6, 30) * kk)):
                self.pay(self.pday(self.tour_cw), self.ch(self.gout), a, self.fr(self.lgn(2500, .6, 300, 20000), 1),
                         memo=self.ch(['团费', '旅游费', '']))
            for _ in range(round(self.ri(4, 15) * kk)):
                self.pay(self.pday(self.tour_cw), a, pick('scenic', 'hotel', 'restaurant'),
                         self.fp(self.lgn(8000, .7, 500, 80000)), 'work', self.ch(['门票', '房费', '餐费']), ch='online')
        elif k == 'agri_firm':
            m = 2.0 if s == 'spring' else 1.0
            for _ in range(round(self.ri(5, 18) * m)):
                src = self.ch(self.gout) if self.r() < .5 else pick('emp_out', 'fruit_market')
                self.pay(self.pday(self.work_cw), src, a, self.fp(self.lgn(60000, 1.0, 3000, 8e5)),
                         'work', self.ch(['种子款', '苗木款', '货款']), ch='online')
            if self.r() < .5:
                self.pay(self.pday(self.work_cw), self.ch(self.overseas), a, self.fp(self.lgn(300000, .6, 50000, 2e6)),
                         'work', '出口货款', ch='online', cb=True)
            for _ in range(self.ri(3, 8)):
                self.pay(self.pday(self.work_cw), a, pick('sme', 'logistics', 'emp_out'),
                         self.fp(self.lgn(50000, .9, 3000, 5e5)), 'work', '货款', ch='online')
        elif k in ('agri_input', 'cold_storage', 'logistics'):
            for _ in range(self.ri(2, 6)):
                to = self.util(0) if k == 'cold_storage' else pick('emp_out')
                self.pay(self.pday(self.work_cw), a, to, self.fp(self.lgn(40000, .8, 3000, 5e5)),
                         'work', '电费' if k == 'cold_storage' else '货款', ch='online')
            if k == 'logistics':
                for _ in range(self.ri(5, 20)):
                    self.pay(self.pday(), a, self.ch(self.gsx + self.gout), self.fr(self.lgn(3000, .6, 500, 15000), 10),
                             memo='运费')
        elif k == 'construction':
            for _ in range(self.ri(1, 4)):
                self.pay(self.pday(self.work_cw), pick('developer', 'gov_unit'), self.ch(A),
                         self.fr(self.lgn(3e6, .8, 2e5, 3e7), 100), 'work', '工程款', ch='online')
            for _ in range(self.ri(3, 10)):
                self.pay(self.pday(self.work_cw), self.ch(A), pick('wholesaler', 'sme'),
                         self.fp(self.lgn(150000, .9, 5000, 3e6)), 'work', '材料款', ch='online')
        elif k in ('developer', 'car_dealer'):
            for _ in range(self.ri(1, 3)):
                self.pay(self.pday(self.work_cw), self.ch(A), pick('construction' if k == 'developer' else 'emp_out'),
                         self.fr(self.lgn(2e6, .7, 2e5, 2e7), 100), 'work', '工程款' if k == 'developer' else '车款', ch='online')
        elif k in ('sme', 'gov_unit'):
            for _ in range(self.ri(3, 10)):
                self.pay(self.pday(self.work_cw), pick('emp_out', 'sme', 'gov_unit'), a,
                         self.fp(self.lgn(60000, 1.0, 2000, 2e6)), 'work', self.ch(['服务费', '货款', '项目款']), ch='online')
            for _ in range(self.ri(3, 10)):
                self.pay(self.pday(self.work_cw), a, pick('sme', 'logistics', 'emp_out', 'utility'),
                         self.fp(self.lgn(30000, 1.0, 500, 1e6)), 'work', self.ch(['服务费', '货款', '']), ch='online')
        elif k in ('fruit_market', 'emp_out', 'ecom_platform', 'consumer_loan', 'insurer', 'wealth',
                   'ride_platform', 'delivery_platform') and any(self.accts[x].row for x in A):
            for _ in range(self.ri(5, 15)):
                self.pay(self.pday(self.work_cw), self.ch(self.gout), a, self.fp(self.lgn(20000, 1.2, 100, 2e6)),
                         'work', self.ch(['货款', '还款', '']), ch='online')
            for _ in range(self.ri(5, 15)):
                self.pay(self.pday(self.work_cw), a, self.ch(self.gout), self.fp(self.lgn(8000, 1.2, 100, 1e6)),
                         'work', self.ch(['工资', '放款', '货款', '']), ch='online')
        if k in ('factory', 'sme', 'hospital', 'university', 'restaurant', 'hotel', 'supermarket',
                 'construction', 'agri_firm', 'developer'):
            self.pay(self.ch(self.dom_days(self.ri(10, 20))), a, self.C['tax'][0].accts[0],
                     self.fp(self.lgn(50000, 1.2, 500, 5e6)), 'work', '税款', ch='online')
            self.pay(self.ch(self.dom_days(self.ri(10, 20))), a, self.ch(self.C['social_ins']).accts[0],
                     self.fp(self.lgn(60000, 1.2, 1000, 5e6)), 'work', '社保费', ch='online')

    # ---- big one-off payments of families ---------------------------------------------------------
    def life_events(self):
        ad = self.adults + self.R['retiree'][:100]
        n = len(ad)
        for _ in range(int(n * .012)):                      # flat deposit with family help
            p = self.ch(ad)
            a, d = p.accts[0], self.ri(3, 27)
            t = self.at(d, 'work')
            for _ in range(self.ri(1, 4)):
                o = self.person_acct(self.R['retiree'] + self.gsx + self.gout)
                self.payt(t - self.ri(HOUR, 3 * DAY), o, a, self.fr(self.lgn(80000, .7, 10000, 400000), 1000),
                          self.ch(['购房款', '', '借你的']))
            self.payt(t, a, self.ch(self.C['developer']).accts[0], self.fr(self.lgn(300000, .5, 50000, 1200000), 1000),
                      self.ch(['首付款', '定金', '购房款']), self.ch(['counter', 'online']))
        for _ in range(int(n * .012)):                      # car
            p = self.ch(ad)
            a, d = p.accts[0], self.ri(1, 29)
            dealer = self.ch(self.C['car_dealer']).accts[0]
            if self.r() < .4:
                self.pay(d - 1 if d > 0 else d, a, dealer, self.fr(self.ri(5000, 20000), 1000), memo='订金')
            self.pay(d, a, dealer, self.fr(self.lgn(160000, .5, 50000, 500000), 100), 'work', '购车款',
                     ch=self.ch(['counter', 'online', 'pos']))
        rural = self.R['farmer'] + self.R['kiwi_grower'] + self.R['worker']
        for _ in range(int(n * .004)):                      # 彩礼: relatives gather money, pay bride's family
            p = self.ch(rural)
            a, d = p.accts[0], self.ri(2, 28)
            t = self.at(d, 'day')
            for _ in range(self.ri(5, 15)):
                o = self.person_acct(self.gsx_rural + self.adults)
                self.payt(t - self.ri(HOUR, 2 * DAY), o, a, self.fr(self.lgn(10000, .6, 1000, 60000), 100),
                          self.ch(['礼金', '随礼', '']))
            self.payt(t, a, self.person_acct(self.gsx_rural + self.adults),
                      self.fr(self.lgn(150000, .3, 60000, 300000), 1000), self.ch(['彩礼', '']), 'counter')
        for _ in range(int(n * .01)):                       # emergency hospital stay
            p = self.ch(ad)
            a, d = p.accts[0], self.ri(0, 28)
            t = self.at(d, 'day')
            for _ in range(self.ri(3, 8)):
                o = self.person_acct(self.gout + self.gsx + self.adults)
                self.payt(t + self.ri(0, 30 * HOUR), o, a, self.fx(self.lgn(8000, .7, 1000, 50000)),
                          self.ch(['', '医药费', '看病']))
            self.payt(t + self.ri(31 * HOUR, 3 * DAY), a, self.ch(self.C['hospital']).accts[0],
                      self.fr(self.lgn(50000, .6, 10000, 200000), 100), self.ch(['住院押金', '医疗费']),
                      self.ch(['counter', 'pos']))

    def life_light(self, p):
        """Out-of-province people (victims, parents, buyers) whose card is at a supplying bank."""
        for a in p.accts:
            if not self.accts[a].row:
                continue
            if self.r() < .7:
                emp = self.ch(self.C['emp_out'])
                for d in self.dom_days(emp.info['payday']):
                    self.T(self.at(d, 'batch'), emp.accts[0], a, self.fp(self.lgn(6000, .4, 2500, 30000)),
                           'other', emp.region, '工资')
            else:
                for _ in range(self.ri(1, 4)):
                    self.pay(self.pday(), self.ch(self.gout), a, self.fx(self.lgn(3000, 1.0, 100, 50000)))
            self.buy(a, self.ri(4, 16), 70, 1.0, 1, 5000, pos=0)
            for _ in range(self.ri(1, 4)):
                o = self.ch(self.gout)
                f, t = (a, o) if self.r() < .5 else (o, a)
                self.pay(self.pday(), f, t, self.fx(self.lgn(500, 1.0, 20, 10000)),
                         memo=self.ch(['', '红包', '转账']))
            if self.r() < .4:
                self.cash(self.pday(), a, self.fr(self.lgn(1000, .6, 100, 5000), 100), ch='atm')

    def run_lawful(self):
        L = {'student': self.life_student, 'retiree': self.life_retiree,
             'homemaker': self.life_homemaker, 'landlord': self.life_landlord,
             'guide': self.life_guide, 'homestay': self.life_homestay,
             'souvenir': self.life_souvenir, 'foreman': self.life_foreman,
             'builder': self.life_builder, 'kiwi_grower': self.life_kiwi_grower,
             'kiwi_buyer': self.life_kiwi_buyer, 'farmer': self.life_farmer,
             'groupbuy': self.life_groupbuy, 'trader2h': self.life_trader2h,
             'lender': self.life_lender, 'chaiqian': self.life_chaiqian,
             'newcomer': self.life_newcomer}
        for p in self.residents:
            a = p.arch
            if a in L:
                L[a](p)
            elif a == 'worker':
                self.life_employee(p, 6200)
            elif a in ('salaried', 'yangling_staff'):
                self.life_employee(p, 7500)
            elif a == 'shop':
                self.shopkeeper(p, 1.0, p.region in ('610104', '610103', '610115'))
            elif a == 'stall':
                self.shopkeeper(p, .35, p.region in ('610104', '610103'))
            elif a == 'driver':
                self.life_driver(p)
            elif a == 'rider':
                self.life_driver(p, True)
        for kind in sorted(self.C):
            for c in self.C[kind]:
                self.life_corp(c)
        self.life_events()

    # ==== the fraud economy ========================================================================
    def fraud_region(self):
        r = self.r()
        if r < .3:
            return self.pick_sx() if self.r() < .6 else self.ch(SX_RURAL)
        if r < .55:
            return self.ch(FARMER_HOME + CASHOUT_REG)
        return self.pick_out()

    def mule_bank(self, reg):
        sup = [b for b in self.start if reg.startswith('61') or b not in LOCAL_BANKS]
        if sup and self.r() < self.V['ps']:
            return self.ch(sup)
        return self.bank_nonsupply(reg, self.r() < .4)

    def counter_time(self, ts):
        """Move a time to bank counter hours of the same day (or the day before)."""
        d = ts // DAY
        t = d * DAY + self.tod('counter')
        return t if t < ts else t - DAY

    def mk_merchant(self):
        reg = self.pick_out()
        p = self.new_person(reg, 'payment_merchant', corp=True)
        return self.new_acct(p, self.ch(PAYFIRMS), self.past(20, 600), reg, 'corp', 'fraud_exit',
                             'payment_merchant', xkind='merchant')

    def mk_seller(self):
        reg = self.pick_sx() if self.r() < .3 else self.pick_out()
        p = self.new_person(reg, 'usdt_seller', self.ri(1985, 2001))
        outs = [self.new_acct(p, self.bank_nonsupply(reg), self.past(60, 2500), reg, 'I', 'fraud_exit',
                              'usdt_seller_out') for _ in range(self.ri(1, 2))]
        ins = []
        for _ in range(self.ri(1, 3)):
            aid = self.new_acct(p, self.mule_bank(reg), self.past(60, 2500), reg, 'I', 'fraud_exit', 'usdt_seller')
            ms = MS(aid, None, 9, 0, END, 'seller', 'seller')
            ms.out = outs
            self.M[aid] = ms
            ins.append(aid)
            for _ in range(self.ri(3, 14)):          # ordinary OTC trades with the public
                o = self.ch(self.gout)
                f, t = (o, aid) if self.r() < .5 else (aid, o)
                self.pay(self.pday(), f, t, self.fr(self.lgn(8000, .9, 500, 80000), 1), 'ops',
                         self.ch(['', 'USDT', '货款']))
        if any(self.accts[a].row for a in ins):
            self.light.append(p)
        return ins

    def mk_farmer(self):
        V = self.V
        home = self.ch(FARMER_HOME)
        p = self.new_person(home, 'card_farmer', self.ri(1978, 2004))
        day = self.rng.uniform(*V['farm_start'])
        ncards = self.ri(*V['fpc'])
        cities = []
        for _ in range(self.ri(2, 4)):
            r = self.r()
            cities.append(self.rng.choices(XA_URBAN, weights=XA_URBAN_W)[0] if r < .45 else
                          self.ch(XY_REG[:3] + BJ_REG[:3]) if r < .7 else self.pick_out())
        cities = list(dict.fromkeys(cities))
        made = 0
        for ci, city in enumerate(cities):
            if made >= ncards:
                break
            k = min(ncards - made, self.ri(2, 7)) if ci < len(cities) - 1 else ncards - made
            if city.startswith('61'):
                pool = list(SX_URB_W)
            else:
                pool = [b for b in OUT_W if b not in ('ALIPAY', 'TENPAY', 'RCU')] + [PROV_RCU.get(city[:2], 'RCU')]
            self.rng.shuffle(pool)
            banks = (pool * 2)[:k]
            t = int(day * DAY) // DAY * DAY + 9 * HOUR + self.ri(0, 3600)
            for b in banks:
                aid = self.new_acct(p, b, t, city, 'I' if self.r() < .7 else 'II', 'farmer_card', 'farmed_card')
                self.accts[aid].farmer = p.pid
                if self.r() < .35:
                    self.T(t + self.ri(60, 900), None, aid, self.ch([10, 20, 50, 100]) * 100, 'counter', city, '',
                           kind='deposit')
                self.farm_pool.append(aid)
                t += self.ri(20 * MIN, 80 * MIN)
                if t % DAY > 17 * HOUR:
                    t = (t // DAY + 1) * DAY + 9 * HOUR + self.ri(0, 3600)
                made += 1
            day = t / DAY + self.rng.uniform(.5, 4)
        self.farmers.append(p)

    def take_farm(self, ts):
        c = [a for a in self.farm_pool if self.accts[a].opened <= ts - 2 * DAY]
        if not c:
            return None
        aid = self.ch(c[:12])
        self.farm_pool.remove(aid)
        return aid

    def take_rented(self, ts):
        if self.r() < .4:
            reg = self.pick_out() if self.r() < .7 else self.ch(SX_RURAL)
            p = self.new_person(reg, 'mule_holder', self.ri(1968, 2003))
            aid = self.new_acct(p, self.mule_bank(reg), self.past(365, 3500), reg, 'I', 'mule', 'rented_card')
            if self.accts[aid].row:
                self.light.append(p)
            self.handover[aid] = ts - self.ri(HOUR, 3 * DAY)
            return aid
        for _ in range(40):
            p = self.ch(self.rent_pool)
            if p.pid in self.busy:
                continue
            c = [a for a in p.accts if self.accts[a].xkind == 'person' and self.accts[a].opened < ts - 60 * DAY]
            if not c:
                continue
            aid = c[-1] if (len(c) > 1 and self.r() < .7) else c[0]
            self.busy.add(p.pid)
            a = self.accts[aid]
            a.role, a.arch = 'mule', 'rented_' + p.arch
            self.handover[aid] = ts - self.ri(HOUR, 3 * DAY)
            return aid
        return None

    def ring_any(self, R):
        for lay in R.L:
            if lay:
                return lay[0]
        return None

    def make_mule(self, R, layer, ts, mode='layer'):
        src = self.wch(self.V['src'])
        aid = None
        if src == 'farmed':
            aid = self.take_farm(ts)
            if aid is None:
                src = 'fresh'
        if src == 'rented':
            aid = self.take_rented(ts)
            if aid is None:
                src = 'dormant'
        if src == 'fresh' and R.spare:
            c = [x for x in R.spare if self.accts[x].opened <= ts - HOUR]
            if c:
                aid = c[0]
                R.spare.remove(aid)
        if aid is None:
            reg = self.fraud_region()
            p = self.new_person(reg, 'mule_holder', self.ri(1972, 2005))
            if src == 'fresh':
                op = self.counter_time(ts - int(self.lgn(3 * DAY, .8, 2 * HOUR, 14 * DAY)))
                aid = self.new_acct(p, self.mule_bank(reg), op, reg, 'I' if self.r() < .8 else 'II', 'mule', 'fresh_mule')
                for _ in range(self.rng.choices([0, 1, 2], weights=[55, 30, 15])[0]):   # a "set" of cards
                    op2 = self.counter_time(op + self.ri(-2 * DAY, 2 * DAY))
                    R.spare.append(self.new_acct(p, self.mule_bank(reg), op2, reg, 'I', 'mule', 'fresh_mule'))
            elif src == 'nurtured':
                op = self.counter_time(ts - int(self.rng.uniform(20, 120) * DAY))
                aid = self.new_acct(p, self.mule_bank(reg), op, reg, 'I', 'mule', 'nurtured_mule')
                lo = max(0, op + DAY)
                for _ in range(self.ri(2, 7)):
                    if ts - HOUR > lo:
                        tt = self.ri(lo, ts - HOUR)
                        o = self.ch(self.gout + [self.hub['alipay'], self.hub['tenpay']])
                        f, t = (o, aid) if self.r() < .5 else (aid, o)
                        self.T(tt, f, t, self.ri(1, 30000), 'mobile', reg if self.r() < .5 else '',
                               self.ch(['', '', '转账', '红包']))
            else:
                aid = self.new_acct(p, self.mule_bank(reg), self.past(700, 3650), reg, 'I', 'mule', 'dormant_mule')
        a = self.accts[aid]
        if mode == 'atm' and a.arch in ('fresh_mule', 'dormant_mule', 'nurtured_mule'):
            a.arch = 'atm_card'
        if R.kind == 'paofen' and a.arch in ('fresh_mule', 'dormant_mule', 'nurtured_mule'):
            a.arch = 'collection_card'
        life = self.lgn(2 * DAY, .6, 6 * HOUR, 8 * DAY) if R.fast else self.lgn(8 * DAY, .5, 2 * DAY, 25 * DAY)
        ms = MS(aid, R, layer, ts, ts + int(life), mode, src)
        pfz = .12 if mode == 'atm' else (.4 if layer == 0 else .15) * (1 if R.fast else .8)
        if self.r() < pfz:
            fz = ts + int(self.rng.uniform(.3, 1.0) * life) + self.ri(HOUR, 30 * HOUR)
            ms.freeze = fz
            ms.a1 = min(ms.a1, fz)
        if mode == 'atm':
            ms.cash_reg = R.cash_reg if self.r() < .8 else self.ch(CASHOUT_REG)
            ms.single = self.ch([200000, 250000, 300000, 500000])
            ms.daylim = self.ch([2000000, 2000000, 5000000])
        if src in ('farmed', 'fresh', 'dormant') and self.r() < .35:
            tester = self.ring_any(R) or self.ch(self.gout)
            self.T(ts - self.ri(10 * MIN, 20 * HOUR), tester, aid, self.ri(1, 100), 'mobile', R.op_reg, '', 'layering')
        self.M[aid] = ms
        (R.atm if mode == 'atm' else R.L[layer]).append(aid)
        return aid

    def ring_acct(self, R, layer, ts, mode='layer'):
        pool = R.atm if mode == 'atm' else R.L[layer]
        M = self.M
        act = [x for x in pool if M[x].a0 <= ts < M[x].a1]
        want = 2 if layer == 0 else 3
        if act and (len(act) >= want or self.r() < .55):
            return self.ch(act)
        return self.make_mule(R, layer, ts, mode)

    def mk_ring(self, i):
        V = self.V
        R = Ring(i, 'telecom')
        R.typ = set(self.rng.sample(sorted(V['typ']), self.ri(2, 5)))
        R.fast = self.r() < V['fast']
        R.speedf = self.lgn(1.0, .4, .4, 2.5)
        R.depth = self.ch([1, 2, 2, 3, 3, 3, 4])
        w = [self.r() + .15 for _ in range(3)]
        if self.season == 'harvest':
            w[0] += .5
        if not R.fast:
            w[1] += .4
        R.exit_mix = {'atm': w[0], 'seller': w[1], 'merchant': w[2]}
        R.op_reg = self.ch(CASHOUT_REG + ['510107', '500103', '530102', '350203', '440106'])
        R.cash_reg = self.ch(CASHOUT_REG)
        R.sellers = self.rng.sample(self.seller_accts, min(3, len(self.seller_accts)))
        R.merchants = self.rng.sample(self.merchants, min(3, len(self.merchants)))
        return R

    def mk_participant(self, R, a0=None):
        young = self.pf_pool
        aid = None
        if self.r() < .6:
            for _ in range(30):
                p = self.ch(young)
                if p.pid not in self.busy and self.accts[p.accts[0]].opened < -30 * DAY:
                    self.busy.add(p.pid)
                    aid = p.accts[0] if len(p.accts) == 1 or self.r() < .6 else p.accts[1]
                    a = self.accts[aid]
                    a.role, a.arch = 'paofen', 'paofen_' + p.arch
                    break
        if aid is None:
            reg = self.pick_out() if self.r() < .7 else self.pick_sx()
            p = self.new_person(reg, 'paofen_outsider', self.ri(1988, 2005))
            aid = self.new_acct(p, self.mule_bank(reg), self.past(30, 2000), reg, 'I', 'paofen', 'paofen_outsider')
            if self.accts[aid].row:
                self.light.append(p)
        if a0 is None:
            a0 = int(self.rng.uniform(0, 26) * DAY)
        ms = MS(aid, R, 0, a0, a0 + int(self.rng.uniform(2, 14) * DAY), 'paofen', 'paofen')
        ms.comm = self.rng.uniform(.008, .025)
        if self.r() < .3:
            ms.freeze = ms.a1 + self.ri(HOUR, DAY)
        self.M[aid] = ms
        R.L[0].append(aid)
        # gamblers topping up an illegal gambling platform through the participant's card
        for d in range(a0 // DAY, min(NDAYS, ms.a1 // DAY + 1)):
            for _ in range(self.ri(0, 9)):
                t = self.at(d, 'eve')
                if not (ms.a0 <= t < ms.a1):
                    continue
                g = self.ch(R.gamblers)
                x = self.fr(self.lgn(500, .9, 50, 20000), self.ch([1, 10, 100]))
                if self.T(t, g, aid, x, 'mobile', self.loc(g), self.ch(['', '', '充值', '货款']), 'paofen'):
                    self.push(t, 0, aid, x, None)
        return aid

    def mk_platform(self, i, n):
        R = Ring(100 + i, 'paofen')
        R.typ = {'brushing', 'game_trade', 'shopping_service', 'loan_card', 'fake_job'}
        R.fast, R.speedf = True, 1.0
        R.depth = self.ch([2, 3])
        R.exit_mix = {'seller': .7, 'merchant': .3}
        R.op_reg = self.ch(CASHOUT_REG)
        R.cash_reg = self.ch(CASHOUT_REG)
        R.sellers = self.rng.sample(self.seller_accts, min(3, len(self.seller_accts)))
        R.merchants = self.rng.sample(self.merchants, min(2, len(self.merchants)))
        R.gamblers = [self.ch(self.gout) for _ in range(self.ri(60, 160))] + \
                     [self.ch(self.adults).accts[0] for _ in range(self.ri(5, 15))]
        for _ in range(n):
            self.mk_participant(R)
        return R

    def push(self, ts, et, aid, fen, cases):
        self.hseq += 1
        heapq.heappush(self.heap, (ts, self.hseq, et, aid, fen, cases))

    # ---- victims --------------------------------------------------------------------------------
    def pick_victim(self, typ):
        R = self.R
        if typ == 'leader_acquaintance' and self.r() < .45:
            if self.r() < .3:
                c = self.ch(self.C['sme'])
                return c, c.accts[0]
            reg = self.pick_out()
            c = self.new_person(reg, 'victim_corp', corp=True)
            c.info = {'kind': 'emp_out', 'payday': 15}
            va = self.new_acct(c, self.wch(OUTCORP_W), self.past(300, 5000), reg, 'corp', xkind='corp')
            self.light_corps.append(c)
            return c, va
        if self.r() < self.V['vsx']:
            if typ in ('credit_record', 'game_trade', 'shopping_service', 'fake_job') or \
                    (typ == 'brushing' and self.r() < .5):
                pool = R['student']
            elif typ in ('police_gov', 'prize', 'subsidy_refund', 'accident_kidnap') and self.r() < .6:
                pool = R['retiree']
            else:
                pool = self.adults + R['shop']
            for _ in range(20):
                p = self.ch(pool)
                if p.pid not in self.busy:
                    self.busy.add(p.pid)
                    return p, p.accts[0]
        reg = self.pick_out()
        if typ in ('credit_record', 'game_trade', 'fake_job', 'shopping_service'):
            by = self.ri(1996, 2006)
        elif typ in ('police_gov', 'prize', 'subsidy_refund', 'accident_kidnap') and self.r() < .5:
            by = self.ri(1945, 1965)
        else:
            by = self.ri(1965, 2000)
        p = self.new_person(reg, 'victim', by)
        va = self.new_acct(p, self.bank_out(reg), self.past(200, 4000), reg)
        if self.r() < .5:
            self.new_acct(p, self.bank_out(reg), self.past(200, 4000), reg)
        if any(self.accts[a].row for a in p.accts):
            self.light.append(p)
        return p, va

    def vamount(self, y, typ):
        r = self.r()
        if typ in ('brushing', 'game_trade') and r < .5:
            return int(y) * 100 + self.ch([0, 0, 80, 50, 88, 60])
        if r < .55:
            return self.fr(y, 100 if y < 20000 else 1000)
        if r < .85:
            return self.fr(y, 1)
        return max(100, int(y * 100))

    def mk_case(self):
        V = self.V
        typ = self.wch(V['typ'])
        n_lo, n_hi, med, sig, growth, gap = TYP[typ]
        n = self.ri(n_lo, n_hi)
        if V['multi'] != 1.0:
            n = max(1, int(round(n * V['multi'] * self.rng.uniform(.7, 1.3))))
        p, va = self.pick_victim(typ)
        rings = [R for R in self.rings if typ in R.typ] or self.rings
        R = self.ch(rings)
        if self.platforms and typ in self.platforms[0].typ and self.r() < .22:
            R = self.ch(self.platforms)
        cap = 8e5 if p.corp else 4e4 if (p.by >= 1996) else 1e6 if p.by < 1966 else 5e5
        c = {'typ': typ, 'va': va, 'ring': R, 'l1': None, 'reported': self.r() < V['report'],
             'pays': []}
        cid = len(self.cases)
        self.cases.append(c)
        t = self.at(self.pday(self.flat_cw), 'victim')
        y0 = self.lgn(med, sig, med / 8, med * 10)
        specs = []
        others = [a for a in p.accts[1:] if self.accts[a].xkind == 'person']
        for k in range(n):
            y = min(cap, y0 * growth ** k * self.rng.uniform(.8, 1.25))
            fen = self.vamount(y, typ)
            ch = 'mobile' if self.r() < .72 else 'online'
            if typ == 'police_gov' and p.by < 1966 and self.r() < .4:
                ch = 'counter'
            if typ == 'subsidy_refund' and self.r() < .5:
                ch = 'atm'
            memo = self.ch(['', '', '', '货款', '保证金', '转账', '还款'])
            specs.append((t, cid, va, fen, ch, memo, k))
            if fen > 300000 and others and self.r() < .5:
                self.payt(t - self.ri(5 * MIN, 90 * MIN), self.ch(others), va, fen + self.ri(0, 50000), '', 'mobile')
            elif typ in ('ecommerce_cs', 'loan_card', 'credit_record') and self.r() < .35:
                self.T(t - self.ri(3 * MIN, 60 * MIN), self.ch(self.C['consumer_loan']).accts[0], va,
                       self.fr(y * self.rng.uniform(1.0, 1.3), 100), 'other', '', '借款发放')
            g = self.rng.uniform(*gap) * MIN
            if V['multi'] > 1.5 and self.r() < .5:
                g = max(g, self.rng.uniform(.5, 4) * DAY)
            t += int(g)
            if g > 20 * HOUR:
                t = t // DAY * DAY + self.tod('victim')
        return specs

    def case_target(self, c, ts):
        R = c['ring']
        M = self.M
        if R.kind == 'paofen':
            act = [x for x in R.L[0] if M[x].a0 <= ts < M[x].a1]
            return self.ch(act) if act else self.mk_participant(R, max(0, ts - self.ri(HOUR, DAY)))
        l1 = c['l1']
        if l1 is not None and M[l1].a0 <= ts < M[l1].a1 and self.r() < .55:
            return l1
        c['l1'] = self.ring_acct(R, 0, ts)
        return c['l1']

    def mk_cases(self):
        target = self.ri(*self.V['vp'])
        vis = 0
        while vis < target:
            batch = []
            for _ in range(5):
                batch.extend(self.mk_case())
            batch.sort()
            for ts, cid, va, fen, ch, memo, k in batch:
                if ts >= END:
                    continue
                c = self.cases[cid]
                tgt = self.case_target(c, ts)
                reg = self.holder(va).region if ch in ('counter', 'atm') else self.loc(va)
                if not self.T(ts, va, tgt, fen, ch, reg, memo, 'victim_payment'):
                    continue
                c['pays'].append(len(self.tx) - 1)
                self.push(ts, 0, tgt, fen, (cid,))
                if self.vis(ts, va) or self.vis(ts, tgt):
                    vis += 1
                R = c['ring']
                if k == 0 and c['typ'] in ('brushing', 'investment', 'romance') and self.r() < .6:
                    back = self.fp(fen / 100 * (self.rng.uniform(1.05, 1.3) if c['typ'] == 'brushing'
                                               else self.rng.uniform(.03, .12)))
                    dt = self.ri(3 * MIN, 25 * MIN) if c['typ'] == 'brushing' else self.ri(DAY, 3 * DAY)
                    self.push(ts + dt, 2, va, back, R.rid)

    # ---- money flow simulation ---------------------------------------------------------------------
    def delay(self, ms, ts):
        R = ms.ring
        if ms.mode == 'paofen':
            return self.ri(40, 900)
        if ms.mode == 'seller':
            return int(self.lgn(3 * HOUR, .8, 20 * MIN, 20 * HOUR))
        f = R.speedf if R else 1.0
        if ms.mode == 'atm':
            d = int(f * (self.lgn(50 * MIN, .9, 5 * MIN, 10 * HOUR) if R.fast else
                         self.lgn(8 * HOUR, .9, HOUR, 3 * DAY)))
            h = ((ts + d) % DAY) // HOUR
            if 8 <= h <= 18 and self.r() < .4:                  # cash runners prefer the night
                d += (22 - h) * HOUR
            return d
        if R.fast:
            return int(f * self.lgn(4 * MIN, .8, 30, 45 * MIN))
        return int(f * self.lgn(7 * HOUR, 1.0, 20 * MIN, 4 * DAY))

    def split(self, total, k):
        if k <= 1 or total < 200000:
            return [total]
        ws = [self.rng.uniform(.5, 1.5) for _ in range(k)]
        s = sum(ws)
        out, rem = [], total
        for w in ws[:-1]:
            x = int(total * w / s)
            if x > 1000000 and self.r() < .6:
                x = x // 100000 * 100000
            elif self.r() < .5:
                x = x // 10000 * 10000
            x = max(100, min(x, rem - 100))
            out.append(x)
            rem -= x
        out.append(rem)
        return [x for x in out if x > 0]

    def fmemo(self, tk):
        if tk == 'exit':
            return self.ch(['', '', '货款', '充值', '服务费'])
        return self.ch(['', '', '', '货款', '还款', '往来款', '工资'])

    def atm_out(self, ms, ts):
        t = ts
        while ms.bal >= 10000 and t < END and t < ms.freeze:
            d = t // DAY
            used = ms.dayused.get(d, 0)
            room = ms.daylim - used
            if room < 10000:
                nt = (d + 1) * DAY + self.ch([0, 1, 2, 3, 4, 5, 20, 21, 22, 23]) * HOUR + self.ri(0, 3599)
                ms.pending = True
                self.push(nt, 1, ms.acct, 0, None)
                return
            x = min(ms.single, room, ms.bal) // 10000 * 10000
            if x <= 0:
                break
            if not self.T(t, ms.acct, None, x, 'atm', ms.cash_reg, '', 'cash_out', 'withdrawal'):
                break
            ms.bal -= x
            ms.dayused[d] = used + x
            t += self.ri(25, 150)

    def sweep(self, ms, ts):
        ms.pending = False
        if ts >= ms.freeze or ts >= END:
            return
        if ms.mode == 'atm':
            return self.atm_out(ms, ts)
        bal = ms.bal
        if bal < 5000:
            return
        R = ms.ring
        cases = tuple(ms.cases) if ms.cases else None
        if ms.mode == 'seller':
            send = bal - self.ri(0, 5000) if bal > 100000 else bal
            t = ts
            for x in self.split(send, self.ri(1, 3)):
                to = self.ch(ms.out) if self.r() < .65 else self.ch(self.gout)
                t += self.ri(30, 900)
                if self.T(t, ms.acct, to, x, 'mobile', self.loc(ms.acct), self.ch(['', '货款', 'USDT']), 'exit'):
                    ms.bal -= x
            return
        if ms.mode == 'paofen':
            fwd = int(bal * (1 - ms.comm)) // 100 * 100
            tgt = self.ring_acct(R, 1, ts)
            if self.T(ts, ms.acct, tgt, fwd, 'mobile', self.loc(ms.acct), '', 'paofen'):
                ms.bal -= fwd
                self.push(ts, 0, tgt, fwd, cases)
            return
        send = bal
        if not R.fast and bal > 500000 and self.r() < .35:
            send = int(bal * self.rng.uniform(.4, .8))
            ms.pending = True
            self.push(ts + self.delay(ms, ts), 1, ms.acct, 0, None)
        if self.r() < .5:
            send -= min(send // 50, self.ri(0, 3000))
        nxt = ms.layer + 1
        k = 1 + (send > 3000000) + (send > 10000000) + (self.r() < .35) + (self.r() < .15)
        t = ts
        for x in self.split(send, k):
            t += self.ri(5, 150) if R.fast else self.ri(60, 3600)
            if t >= ms.freeze or t >= END:
                break
            arrive = True
            if R.kind == 'paofen' and R.gamblers and self.r() < .18:
                to, tk, arrive = self.ch(R.gamblers), 'paofen', False
            elif nxt < R.depth:
                lay = nxt - 2 if (nxt >= 2 and self.r() < .04) else nxt
                to, tk = self.ring_acct(R, lay, t), 'layering'
            else:
                e = self.wch(R.exit_mix)
                if e == 'atm':
                    to, tk = self.ring_acct(R, 0, t, 'atm'), 'layering'
                elif e == 'seller':
                    to, tk = self.ch(R.sellers), 'exit'
                else:
                    to, tk, arrive = self.ch(R.merchants), 'exit', False
            if to == ms.acct:
                continue
            ch = 'mobile' if self.r() < .7 else 'online'
            if self.T(t, ms.acct, to, x, ch, R.op_reg if self.r() < .6 else '', self.fmemo(tk), tk):
                ms.bal -= x
                if arrive and to in self.M:
                    self.push(t, 0, to, x, cases)

    def rebate(self, ts, va, fen, rid):
        R = self.ring_by_id[rid]
        M = self.M
        c = [x for lay in R.L for x in lay if M[x].bal >= fen and M[x].a0 <= ts < M[x].freeze]
        if not c:
            return
        x = self.ch(c)
        if self.T(ts, x, va, fen, 'mobile', R.op_reg if self.r() < .6 else '',
                  self.ch(['佣金', '返利', '收益', '提现']), 'layering'):
            M[x].bal -= fen

    def run_flows(self):
        M = self.M
        while self.heap:
            ts, _, et, aid, fen, cs = heapq.heappop(self.heap)
            if ts >= END:
                continue
            if et == 2:
                self.rebate(ts, aid, fen, cs)
                continue
            ms = M.get(aid)
            if ms is None:
                continue
            if et == 0:
                ms.bal += fen
                if cs:
                    ms.cases.update(cs)
                if not ms.pending:
                    ms.pending = True
                    self.push(ts + self.delay(ms, ts), 1, aid, 0, None)
            else:
                self.sweep(ms, ts)

    def build_fraud(self):
        V = self.V
        self.heap, self.hseq = [], 0
        self.cases, self.farm_pool, self.farmers, self.light_corps = [], [], [], []
        R = self.R
        self.rent_pool = ([s for s in R['student'] if s.info['yr'] >= 2] + R['builder'] + R['rider'] +
                          R['driver'] + R['homemaker'] + R['farmer'] + R['worker'] + R['kiwi_grower'])
        self.pf_pool = ([s for s in R['student'] if s.info['yr'] >= 2] + R['rider'] + R['driver'] +
                        R['builder'] + R['newcomer'])
        self.merchants = [self.mk_merchant() for _ in range(self.ri(10, 16))]
        self.seller_accts = []
        for _ in range(self.ri(8, 13)):
            self.seller_accts.extend(self.mk_seller())
        for _ in range(self.ri(*V['farmers'])):
            self.mk_farmer()
        self.rings = [self.mk_ring(i) for i in range(V['rings'])]
        npf = self.ri(*V['paofen'])
        self.platforms = [self.mk_platform(i, npf // V['pfplat']) for i in range(V['pfplat'])]
        self.ring_by_id = {x.rid: x for x in self.rings + self.platforms}
        self.mk_cases()
        self.run_flows()

    def run_light(self):
        for p in self.light:
            self.life_light(p)
        for c in self.light_corps:
            self.life_corp(c)

    # ==== censoring, balances, labels, output ==========================================================
    INIT_BAL = {'student': 1200, 'worker': 15000, 'salaried': 30000, 'yangling_staff': 25000,
                'retiree': 50000, 'homemaker': 8000, 'shop': 30000, 'stall': 8000, 'landlord': 60000,
                'guide': 10000, 'homestay': 20000, 'souvenir': 15000, 'driver': 8000, 'rider': 3000,
                'foreman': 40000, 'builder': 4000, 'kiwi_grower': 20000, 'kiwi_buyer': 80000,
                'farmer': 15000, 'groupbuy': 8000, 'trader2h': 30000, 'lender': 200000,
                'chaiqian': 300, 'newcomer': 0, 'parent': 20000, 'victim': 40000,
                'usdt_seller': 20000, 'mule_holder': 50, 'card_farmer': 30, 'paofen_outsider': 2000}

    def init_balance(self, a):
        if a.opened >= 0:
            return 0
        p = self.people[a.holder]
        if a.xkind == 'corp':
            return int(self.lgn(800000, 1.0, 20000, 5e7) * 100)
        if a.xkind == 'credit':
            return 0
        med = self.INIT_BAL.get(p.arch, 10000)
        if not a.active or a.role != 'lawful' or p.accts[0] != a.id:
            med = min(med, 800) if a.role != 'lawful' or not a.active else med * .3
        return int(self.lgn(max(med, 1), 1.0, 0, 1e8) * 100) if med > 0 else 0

    def finalize(self):
        A, S, ho = self.accts, self.start, self.handover
        tx = [t for t in self.tx if not (t[8] == 'ordinary' and (
            (t[1] in ho and t[0] >= ho[t[1]]) or (t[2] in ho and t[0] >= ho[t[2]])))]
        tx.sort(key=lambda t: t[0])
        self.dropped_handover = len(self.tx) - len(tx)
        rel, mn, first_rel = {}, {}, {}
        keep = []
        for t in tx:
            ts, f, to, fen = t[0], t[1], t[2], t[3]
            visible = False
            for aid in (f, to):
                if aid is not None:
                    a = A[aid]
                    if a.row and ts >= S[a.bank]:
                        visible = True
            if visible:
                keep.append(t)
            for aid, sg in ((f, -1), (to, 1)):
                if aid is None or not A[aid].row:
                    continue
                if visible and aid not in first_rel:
                    first_rel[aid] = rel.get(aid, 0)
                b = rel.get(aid, 0) + sg * fen
                rel[aid] = b
                if b < mn.get(aid, 0):
                    mn[aid] = b
        self.keep = keep
        for aid, a in A.items():
            if not a.row:
                continue
            b0 = max(self.init_balance(a), -mn.get(aid, 0))
            a.bal0 = b0 + (first_rel.get(aid, rel.get(aid, 0)) if a.opened < S[a.bank] else 0)
        # statuses
        for aid, ms in self.M.items():
            if ms.freeze < END and A[aid].row:
                A[aid].status = 'frozen'
        last = {}
        for t in keep:
            for aid in (t[1], t[2]):
                if aid is not None:
                    last[aid] = t[0]
        for aid, a in A.items():
            if a.row and a.role == 'lawful' and a.xkind == 'person':
                if aid not in last and not a.active and self.r() < .1 and a.bal0 == 0:
                    a.status = 'closed'
                elif aid not in last and self.r() < .01:
                    a.status = 'frozen'            # judicial freeze of an idle card (debt enforcement)
                elif aid in last and last[aid] < 24 * DAY and self.r() < .006:
                    a.status = 'frozen'
        self.appear = set(last)
        self.make_labels()

    def make_labels(self):
        A, M = self.accts, self.M
        rep = {i for i, c in enumerate(self.cases) if c['reported']}
        cand = [aid for aid, a in A.items() if a.role != 'lawful' and (a.row or aid in self.appear)]
        prob = {}
        for aid in cand:
            a, ms = A[aid], M.get(aid)
            if a.status == 'frozen':
                p = 1.0
            elif ms is not None and ms.cases & rep:
                p = {'atm': .45, 'seller': .35, 'paofen': .55}.get(ms.mode, {0: .8, 1: .55}.get(ms.layer, .35))
            elif a.role == 'farmer_card' and ms is None:
                p = .04
            elif a.arch == 'payment_merchant':
                p = .3
            elif ms is None:
                p = .08
            else:
                p = .15
            prob[aid] = p
            a.lab = 1 if self.r() < p else 0
        target = self.rng.uniform(.42, .48)
        for grp in ([x for x in cand if A[x].row], [x for x in cand if not A[x].row]):
            if not grp:
                continue
            want = int(round(target * len(grp)))
            on = [x for x in grp if A[x].lab]
            if len(on) > want:
                off = [x for x in on if A[x].status != 'frozen']
                self.rng.shuffle(off)
                for x in off[:len(on) - want]:
                    A[x].lab = 0
            elif len(on) < want:
                offl = [x for x in grp if not A[x].lab]
                offl.sort(key=lambda x: -(prob[x] + self.r() * .5))
                for x in offl[:want - len(on)]:
                    A[x].lab = 1
        self.lab_farmers = set()
        used = [f for f in self.farmers if any(A[a].id in M for a in f.accts)]
        pool = used or self.farmers
        if pool:
            for f in self.rng.sample(pool, max(1, int(round(len(self.farmers) * .22)))):
                self.lab_farmers.add(f.pid)
                for a in f.accts:
                    A[a].flab = 1
        self.fraud_tx = set()
        for cid in rep:
            for i in self.cases[cid]['pays']:
                if self.r() < .95:
                    self.fraud_tx.add(id(self.tx[i]))

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        A, S = self.accts, self.start
        rows = sorted(aid for aid, a in A.items() if a.row)
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid in rows:
                a = A[aid]
                w.writerow([aid, a.bank, self.people[a.holder].hid, self.fmt(a.opened), a.region,
                            a.cls, yuan(a.bal0), a.status])
        pre = 'GZ%s%s' % ({'baseline': 'B', 'V2': 'S', 'V3': 'H'}[self.variant], '')
        tkinds = []
        lab_tx = []
        nvp = 0
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel',
                        'region', 'kind', 'memo', 'cross_border'])
            for i, t in enumerate(self.keep):
                ts, fr, to, fen, ch, reg, kind, memo, tk, cb = t
                tid = '%s%08d' % (pre, i + 1)
                w.writerow([tid, self.fmt(ts), fr or '', to or '', yuan(fen), 'CNY', ch, reg or '', kind,
                            memo, 'true' if cb else 'false'])
                tkinds.append((tid, tk))
                if tk == 'victim_payment':
                    nvp += 1
                    if id(t) in self.fraud_tx:
                        lab_tx.append(tid)
        labels = [('transfer', x, 'fraud') for x in lab_tx]
        labels += [('account', aid, 'mule') for aid in sorted(A) if A[aid].lab and
                   (A[aid].row or aid in self.appear)]
        labels += [('holder', self.people[pid].hid, 'card_farmer') for pid in sorted(self.lab_farmers)]
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['kind', 'id', 'label'])
            w.writerows(labels)
        self.summary = dict(accounts=len(rows), transfers=len(self.keep), victim_payments=nvp,
                            lab_tx=len(lab_tx), lab_acct=sum(1 for x in labels if x[0] == 'account'),
                            lab_holder=len(self.lab_farmers))
        if not truth:
            return
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                        'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
            for aid in sorted(x for x in A if A[x].row or x in self.appear):
                a = A[aid]
                w.writerow(['account', aid, a.bank, self.people[a.holder].hid, 1 if a.row else 0, a.role,
                            a.arch, self.people[a.farmer].hid if a.farmer is not None else '',
                            self.fmt(a.opened), a.lab, a.flab,
                            self.fmt(S[a.bank]) if a.bank in S else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f)
            w.writerow(['txn_id', 'kind'])
            w.writerows(tkinds)


def main():
    ap = argparse.ArgumentParser(description='Guanzhong (Xi\'an/Xianyang/Baoji) synthetic banking world')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build_base()
    w.build_people()
    w.run_lawful()
    w.build_fraud()
    w.run_light()
    w.finalize()
    w.write(args.out, args.truth)
    s = w.summary
    starts = ' '.join('%s=%s' % (b, w.dates[d // DAY].strftime('%m-%d')) for b, d in
                      sorted(w.start.items(), key=lambda x: x[1]))
    print('guanzhong %s seed=%d: accounts=%d transfers=%d victim_payments=%d labels: transfers=%d '
          'accounts=%d holders=%d | banks/extract starts: %s | window %s..%s | %.1fs'
          % (args.variant, args.seed, s['accounts'], s['transfers'], s['victim_payments'], s['lab_tx'],
             s['lab_acct'], s['lab_holder'], starts, w.dates[0].strftime('%Y-%m-%d'),
             w.dates[-1].strftime('%Y-%m-%d'), time.time() - t0), file=sys.stderr)


if __name__ == '__main__':
    main()
