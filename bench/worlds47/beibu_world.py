#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
beibu_world.py - an independent synthetic banking world of the Beibu Gulf of Guangxi
(广西北部湾: Nanning, Beihai, Qinzhou, Fangchenggang, Dongxing, Pingxiang/Chongzuo), 30 days.

Standard library only.  Writes fanzha interchange format v1 CSV files:

    DIR/accounts.csv   account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status
    DIR/transfers.csv  txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border
    DIR/labels.csv     kind,id,label      (fraud / mule / card_farmer; incomplete, as a centre's are)
    with --truth also DIR/truth.csv and DIR/truth_transfers.csv

Usage:  beibu_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]

Data supply model.  Four or five institutions supply extracts.  Guangxi's own banks (BBGB 北部湾银行,
GXRCU 广西农信, GLB 桂林银行) supply all their accounts; a national bank that supplies (ICBC, CCB, ABC,
PSBC or BOC depending on the variant) supplies the accounts of its Guangxi branches (opened in a 45xxxx
division).  Every other account (other banks, payment firms, Vietnamese banks, out-of-region branches)
appears only as a counterparty.  Each supplier's extract starts at midnight of its own day within the
first 12 days; nothing a supplier would report before that is written (history is censored, and the
opening balance of an account opened earlier is its balance just before its first written transfer).

Variants
  baseline  2024-05-13 .. 06-11: an ordinary late-spring month (fishing moratorium, Vietnamese durian
            imports, Dragon Boat holiday); mixed mule supply (fresh, aged, rented, sold, card farmers,
            跑分), layering in minutes to hours.
  V2        2023-10-16 .. 11-14: autumn (oyster season, retirees start arriving, Double 11); mostly old
            accounts rented or sold, slow layering (hours to days), victims paying several times.
  V3        2024-01-15 .. 02-13: Spring Festival border trade (fruit and seafood imports ramp to a peak
            and stop for the festival, 边民互市 closes, migrants' year-end wages, red envelopes, cane
            harvest); fresh mules and card farmers, exits within minutes.
"""
import argparse
import csv
import datetime as dt
import heapq
import math
import os
import random
import sys

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = 86400
HOUR = 3600
MIN = 60
NDAYS = 30
END = NDAYS * DAY

# ----------------------------------------------------------------------------------------- geography
GXC = {
    'NN': ['450102', '450103', '450105', '450107', '450108', '450109', '450110'],   # 南宁
    'BH': ['450502', '450503', '450512', '450521'],                                 # 北海 (涠洲岛 in 海城区)
    'QZ': ['450702', '450703', '450721', '450722'],                                 # 钦州
    'FC': ['450602', '450603', '450621'],                                           # 防城港
    'DX': ['450681'],                                                               # 东兴
    'PX': ['451481'],                                                               # 凭祥
    'CZ': ['451402', '451421', '451422', '451423'],                                 # 崇左 江州/扶绥/宁明/龙州
    'GO': ['450202', '450203', '450302', '450305', '450403', '450802', '450881', '450902', '450921',
           '450981', '451002', '451102', '451202', '451302'],                       # rest of Guangxi
}
CITY_OF = {c: k for k, v in GXC.items() for c in v}
ALL_GX = [c for v in GXC.values() for c in v]
BEIBU_CITIES = ['NN', 'BH', 'QZ', 'FC', 'DX', 'PX', 'CZ']

PROVS = [
    ('BJ', 2.0, ['110101', '110105', '110106', '110108']),
    ('TJ', 1.0, ['120101', '120104']),
    ('HE', 5.5, ['130102', '130104', '130602']),
    ('SX', 2.5, ['140105', '140106']),
    ('NM', 1.8, ['150102', '150203']),
    ('LN', 3.0, ['210102', '210202']),
    ('JL', 1.8, ['220102', '220202']),
    ('HL', 2.3, ['230102', '230103', '230202']),
    ('SH', 2.2, ['310104', '310115']),
    ('JS', 6.0, ['320102', '320506', '320205']),
    ('ZJ', 5.5, ['330106', '330302', '330782', '330783']),
    ('AH', 4.5, ['340104', '340202']),
    ('FJ', 3.5, ['350102', '350203', '350582', '350322']),
    ('JX', 3.5, ['360102', '360702']),
    ('SD', 7.0, ['370102', '370202', '371302']),
    ('HA', 7.0, ['410105', '410302', '411302']),
    ('HB', 4.5, ['420106', '420111', '421002', '420902']),
    ('HN', 5.0, ['430102', '430105', '430602', '431002']),
    ('GD', 10.0, ['440103', '440106', '440111', '440304', '440306', '440307', '441900', '440604',
                  '440606', '442000', '440803', '441302']),
    ('HI', 0.8, ['460106', '460203']),
    ('CQ', 2.5, ['500103', '500105', '500112']),
    ('SC', 6.0, ['510104', '510107', '511302']),
    ('GZ', 3.0, ['520102', '520103', '520302']),
    ('YN', 3.2, ['530102', '530103', '532532', '533102', '532801']),
    ('SN', 2.8, ['610113', '610103']),
    ('GS', 1.8, ['620102', '620103']),
    ('NX', 0.5, ['640104']),
    ('XJ', 1.8, ['650102', '650104']),
]
PROV = {p: codes for p, _, codes in PROVS}
PROV_KEYS = [p for p, _, _ in PROVS]
PROV_W = [w for _, w, _ in PROVS]
BORDER_CASH = ['450681', '451481', '451422', '451423', '532532', '533102', '532823']
FAR_CASH = ['441900', '440306', '440307', '440111', '350582', '430105', '510107', '520102', '460203',
            '442000', '330782']

# ----------------------------------------------------------------------------------------- banks
# code: (card BINs, card length, corporate prefix, corporate length, Guangxi-only institution)
BANKS = {
    'ICBC': (['622202', '621226', '621558', '622208'], 19, '2102', 19, False),
    'CCB': (['621700', '622700', '436742'], 19, '4505', 20, False),
    'ABC': (['622848', '622845', '623052'], 19, '2005', 17, False),
    'BOC': (['621661', '621785', '621790'], 19, '6332', 12, False),
    'BOCOM': (['622262', '622260'], 19, '4510', 21, False),
    'CMB': (['621483', '622588', '621286'], 16, '7719', 15, False),
    'PSBC': (['621799', '622188', '621098'], 19, '9450', 18, False),
    'CIB': (['622909', '622908'], 18, '5540', 18, False),
    'CITIC': (['622690', '621773'], 16, '8113', 19, False),
    'SPDB': (['622521', '621792'], 16, '6301', 17, False),
    'CMBC': (['622622', '415599'], 16, '6940', 16, False),
    'CEB': (['622660', '622666'], 16, '7807', 16, False),
    'PAB': (['622155', '623058'], 16, '1500', 14, False),
    'BBGB': (['623166', '621459'], 19, '8000', 18, True),
    'GXRCU': (['623133', '621458'], 19, '8801', 20, True),
    'GLB': (['621456', '623251'], 19, '6600', 18, True),
    'LZB': (['623167', '621449'], 19, '5800', 18, True),
}
for _i, _p in enumerate(PROV_KEYS):
    BANKS[_p + 'RCU'] = (['623%03d' % (100 + 7 * _i), '621%03d' % (300 + 11 * _i)], 19,
                         '88%02d' % _i, 20, False)
PAYFIRMS = ['ALIPAY', 'TENPAY', 'LAKALA', 'UMS', 'HUIJUPAY', 'YUNXIPAY']
VNBANKS = ['VCB', 'BIDV', 'VBA']
LOCAL_BANK_W = [('GXRCU', 24), ('BBGB', 11), ('GLB', 6), ('LZB', 2), ('ICBC', 12), ('CCB', 11),
                ('ABC', 12), ('BOC', 7), ('PSBC', 9), ('BOCOM', 3), ('CMB', 3), ('CIB', 2)]
REMOTE_BANK_W = [('ICBC', 15), ('CCB', 13), ('ABC', 13), ('BOC', 9), ('PSBC', 10), ('CMB', 8),
                 ('BOCOM', 5), ('CIB', 4), ('CITIC', 3), ('SPDB', 3), ('CMBC', 3), ('CEB', 2),
                 ('PAB', 3), ('RCU', 9)]

VARIANTS = {
    'baseline': dict(start=(2024, 5, 13), suppliers=['BBGB', 'GXRCU', 'GLB', 'ICBC', 'CCB']),
    'V2': dict(start=(2023, 10, 16), suppliers=['BBGB', 'GXRCU', 'ABC', 'PSBC']),
    'V3': dict(start=(2024, 1, 15), suppliers=['GXRCU', 'BBGB', 'GLB', 'ICBC', 'BOC']),
}

FRAUD = {
    'baseline': dict(
        victims=370, synd=4, farmers=5, cards=(6, 11), report=0.70, repeat=1.0,
        l1mix=[('fresh', .34), ('aged', .22), ('rented', .20), ('sold', .06), ('farmer', .06),
               ('paofen', .12)],
        l2mix=[('farmer', .30), ('fresh', .30), ('aged', .15), ('rented', .20), ('sold', .05)],
        d1=(25 * MIN, 1.1), d2=(15 * MIN, 1.1), dc=(50 * MIN, 1.0), depth=(2, 4), split=(1, 4),
        exits=[('atm', .35), ('merchant', .30), ('usdt', .35)], direct=0.08, active=(1.0, 6.0),
        gx_l1=0.78, gx_l2=0.55),
    'V2': dict(
        victims=165, synd=3, farmers=3, cards=(5, 9), report=0.72, repeat=2.8,
        l1mix=[('rented', .46), ('sold', .24), ('aged', .12), ('fresh', .05), ('farmer', .04),
               ('paofen', .09)],
        l2mix=[('rented', .45), ('sold', .27), ('aged', .13), ('farmer', .10), ('fresh', .05)],
        d1=(7 * HOUR, 1.0), d2=(5 * HOUR, 1.1), dc=(10 * HOUR, 0.9), depth=(2, 5), split=(1, 3),
        exits=[('usdt', .40), ('atm', .35), ('merchant', .25)], direct=0.03, active=(3.0, 14.0),
        gx_l1=0.75, gx_l2=0.55),
    'V3': dict(
        victims=440, synd=5, farmers=9, cards=(6, 13), report=0.72, repeat=1.0,
        l1mix=[('fresh', .42), ('farmer', .28), ('paofen', .14), ('aged', .08), ('rented', .08)],
        l2mix=[('farmer', .52), ('fresh', .40), ('aged', .08)],
        d1=(5 * MIN, 0.9), d2=(3 * MIN, 0.9), dc=(12 * MIN, 0.8), depth=(1, 3), split=(1, 4),
        exits=[('atm', .45), ('usdt', .35), ('merchant', .20)], direct=0.25, active=(0.4, 2.5),
        gx_l1=0.80, gx_l2=0.60),
}

VTYPES = [  # type, weight, may go through 跑分 / small-amount accounts
    ('brushing', 20, True), ('investment', 15, False), ('ecommerce_cs', 11, False),
    ('loan_card', 10, True), ('police_gov', 7, False), ('romance', 6, False),
    ('credit_record', 6, False), ('shopping_service', 6, True), ('leader_acquaintance', 4, False),
    ('game_trade', 4, True), ('fake_job', 3, True), ('subsidy_refund', 2, False),
    ('accident_kidnap', 2, False), ('parcel', 1, False), ('prize', 1, True), ('phone_bill', 1, False),
    ('military_purchase', 1, False)]

HOURLY = {
    'day': [1, .5, .3, .2, .2, .4, 1, 3, 6, 9, 10, 10, 9, 8, 9, 9, 9, 8, 8, 9, 9, 7, 4, 2],
    'office': [0, 0, 0, 0, 0, 0, 0, 1, 4, 10, 10, 9, 4, 6, 10, 10, 9, 6, 2, 1, 0, 0, 0, 0],
    'night': [6, 4, 2, 1, .3, .2, .2, .3, .5, .5, 1, 2, 3, 2, 1, 1, 1, 2, 6, 10, 12, 12, 10, 8],
    'early': [.5, 1, 2, 4, 8, 10, 10, 8, 5, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, .5, .5],
    'any': [3, 2, 2, 1.5, 1.5, 1.5, 2, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 2, 10, 10, 10, 5, 6, 10, 10, 8, 3, 0, 0, 0, 0, 0, 0],
    'evening': [2, 1, .5, .2, .1, .1, .3, 1, 2, 3, 3, 4, 5, 4, 3, 3, 4, 5, 7, 9, 10, 9, 7, 4],
    'batch': [0, 0, 1, 2, 3, 3, 2, 2, 3, 4, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    'late': [8, 7, 5, 3, 1, .5, .3, .3, .5, .5, .5, .5, .5, .5, .5, .5, .5, .5, 1, 2, 4, 6, 8, 9],
}
HCUM = {}
for _k, _v in HOURLY.items():
    _s, _c = 0.0, []
    for _x in _v:
        _s += _x
        _c.append(_s)
    HCUM[_k] = _c

MULE_MEMOS = [''] * 14 + ['货款', '货款', '往来款', '还款', '转账', '工资', '借款', '服务费']
RED_ENV = [66, 88, 166, 168, 188, 200, 288, 500, 520, 666, 800, 888, 1000, 1688, 1888, 2000]
NETWORK_ROLES = ('mule', 'paofen', 'farmer_card', 'fraud_exit')


class Acct(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'role', 'arch', 'corp', 'layer',
                 'synd', 'typ', 'a0', 'a1', 'cap', 'uses', 'status', 'cls', 'xb')

    def __init__(self):
        self.layer = 0
        self.synd = None
        self.typ = ''
        self.a0 = 0
        self.a1 = 0
        self.cap = 0
        self.uses = 0
        self.status = 'active'
        self.cls = ''
        self.xb = False


class Synd(object):
    def __init__(self, sid):
        self.sid = sid
        self.pools = {}
        self.merchants = []
        self.usdt = []
        self.cash = []
        self.handler = None
        self.depth = 2
        self.collectors = []


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


def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return '10X98765432'[sum(int(c) * x for c, x in zip(s17, w)) % 11]


USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'


def org_val(c):
    return int(c) if c.isdigit() else ord(c) - 55


class World(object):
    def __init__(self, variant, seed):
        self.v = variant
        self.cfg = VARIANTS[variant]
        self.fp = FRAUD[variant]
        self.r = random.Random('beibu-world|%s|%d' % (variant, seed))
        y, m, d = self.cfg['start']
        self.T0 = dt.datetime(y, m, d, tzinfo=TZ)
        self.suppliers = list(self.cfg['suppliers'])
        days = [0] + [self.r.randint(1, 12) for _ in range(len(self.suppliers) - 1)]
        self.r.shuffle(days)
        self.xstart = {b: dd * DAY for b, dd in zip(self.suppliers, days)}
        # activity level: the variant's own level, raised a little when extracts start late so that the
        # written month keeps a comparable volume
        lw = dict(LOCAL_BANK_W)
        wsum = sum(lw.get(b, 3) for b in self.suppliers)
        wmean = sum(lw.get(b, 3) * dd for b, dd in zip(self.suppliers, days)) / float(wsum)
        self.act = {'baseline': 1.12, 'V2': 1.35, 'V3': 1.18}[variant] * NDAYS / (NDAYS - wmean)
        self.A = {}
        self.H = {}
        self.used = set()
        self.txs = []
        self.pool = {c: [] for c in BEIBU_CITIES + ['GO']}
        self.young = {c: [] for c in BEIBU_CITIES + ['GO']}
        self.renters = {c: [] for c in BEIBU_CITIES}
        self.tourists = []
        self.families = []
        self.natpool = []
        self.lab_acc = []
        self.lab_tx = []
        self.lab_holder = []

    # ------------------------------------------------------------------ random helpers
    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def wpick(self, pairs):
        return self.r.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def ln(self, med, sig):
        return med * math.exp(sig * self.r.gauss(0.0, 1.0))

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam < 30:
            lim, k, p = math.exp(-lam), 0, 1.0
            while True:
                p *= self.r.random()
                if p < lim:
                    return k
                k += 1
        return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))

    def rnd(self, x, unit):
        return max(unit, int(round(x / unit)) * unit)

    def T(self, day, prof='day'):
        c = HCUM[prof]
        h = self.r.choices(range(24), cum_weights=c)[0]
        return day * DAY + h * HOUR + self.r.randrange(HOUR)

    def date(self, day):
        return (self.T0 + dt.timedelta(days=day)).date()

    def wd(self, day):
        return (self.T0.weekday() + day) % 7

    def doms(self, dom, shift_weekend=False):
        out = []
        for d in range(NDAYS):
            if self.date(d).day == dom:
                dd = d
                if shift_weekend:
                    while self.wd(dd) >= 5 and dd > 0:
                        dd -= 1
                out.append(dd)
        return out

    # ------------------------------------------------------------------ season
    def sf(self, k, d):
        v, wd = self.v, self.wd(d)
        wk = wd >= 5
        if v == 'baseline':
            if k == 'tour':
                x = 1.0 * (1.5 if wk else 1.0)
                return x * (1.9 if d in (26, 27, 28) else 1.0)
            return dict(retiree=0.22, cane=0.08, fruit=1.25, seafood=0.85, fishing=0.15, oyster=0.9,
                        campus=1.0, border=1.0, online=1.0 + (0.35 if 8 <= d <= 29 else 0.0),
                        redenv=0.0, migrant=1.0, festival=0.0).get(k, 1.0)
        if v == 'V2':
            if k == 'tour':
                return 0.5 * (1.35 if wk else 1.0)
            if k == 'retiree':
                return 0.3 + 0.6 * d / 29.0
            if k == 'cane':
                return 0.1 + (0.45 if d >= 25 else 0.0)
            if k == 'online':
                return 3.0 if d == 26 else (1.5 if 20 <= d <= 25 else 1.0)
            return dict(fruit=0.9, seafood=1.2, fishing=1.1, oyster=1.3, campus=1.0, border=1.0,
                        redenv=0.0, migrant=1.0, festival=0.0).get(k, 1.0)
        # V3: Spring Festival on day 26 (2024-02-10), eve day 25
        fest = 25 <= d <= 28
        if k == 'fruit':
            if d <= 18:
                return 1.6 + 1.4 * d / 18.0
            if d <= 24:
                return 2.5
            return 0.15 if fest else 0.5
        if k == 'border':
            if d <= 24:
                return 1.2 + 0.9 * d / 24.0
            return 0.03 if fest else 0.3
        if k == 'seafood':
            if fest:
                return 0.5
            return 1.4 + 0.9 * min(d, 22) / 22.0
        if k == 'cane':
            return 0.15 if 24 <= d <= 28 else (0.4 if d == 29 else 1.0)
        if k == 'campus':
            return 0.12
        if k == 'tour':
            return (0.65 * (1.3 if wk else 1.0)) * (2.0 if 26 <= d <= 29 else 1.0)
        if k == 'redenv':
            return 1.0 if 24 <= d <= 29 else (0.15 if d >= 18 else 0.0)
        if k == 'festival':
            return 1.0 if fest else 0.0
        return dict(retiree=1.0, fishing=0.8, oyster=1.1, online=1.2, migrant=1.6).get(k, 1.0)

    # ------------------------------------------------------------------ identities and accounts
    def pid(self, region, y0=1960, y1=2002):
        while True:
            y = self.r.randint(y0, y1)
            b = dt.date(y, 1, 1) + dt.timedelta(days=self.r.randint(0, 364))
            s = region + b.strftime('%Y%m%d') + '%03d' % self.r.randint(0, 999)
            s += id_check(s)
            if s not in self.H:
                return s

    def uscc(self, region, individual=False):
        while True:
            org = ''.join(self.pick(ORG_CH if i else '0123456789MP') for i in range(8))
            c = 11 - sum(org_val(ch) * w for ch, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
            org += 'X' if c == 10 else ('0' if c == 11 else str(c))
            s = ('92' if individual else '91') + region + org
            ck = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s, USCC_W)) % 31
            s += USCC_CH[0 if ck == 31 else ck]
            if s not in self.H:
                return s

    def holder(self, region, corp=False, y0=1960, y1=2002, indiv=False):
        hid = self.uscc(region, indiv) if corp else self.pid(region, y0, y1)
        self.H[hid] = dict(id=hid, home=region, corp=corp, farmer=False, flab=False)
        return hid

    def foreign_holder(self, corp=True):
        while True:
            hid = ('VN' + self.digits(10)) if corp else ('C' + self.digits(7))
            if hid not in self.H:
                self.H[hid] = dict(id=hid, home='VN', corp=corp, farmer=False, flab=False)
                return hid

    def vn_acct(self, reg, arch, bank=None, corp=True):
        bank = bank or self.pick(VNBANKS)
        aid = self.acct(self.foreign_holder(corp and bank in VNBANKS), bank, self.old_open(1, 10), reg, arch=arch,
                        corp=corp and bank in VNBANKS)
        self.A[aid].xb = bank in VNBANKS
        return aid

    def nat(self, arch, p_new=0.3, y0=1960, y1=2003):
        """A person somewhere in China, reused from a national pool most of the time."""
        if len(self.natpool) < 150 or self.r.random() < p_new:
            aid = self.remote_person(None, arch, y0, y1)
            self.natpool.append(aid)
            return aid
        return self.pick(self.natpool)

    def digits(self, n):
        return ''.join(str(self.r.randrange(10)) for _ in range(n))

    def acct_no(self, bank, corp):
        while True:
            if bank == 'ALIPAY':
                s = '2088' + self.digits(12)
            elif bank == 'TENPAY':
                s = ('16' + self.digits(8)) if corp else ('1000' + self.digits(10))
            elif bank in ('LAKALA', 'UMS', 'HUIJUPAY', 'YUNXIPAY'):
                s = {'LAKALA': '822', 'UMS': '898', 'HUIJUPAY': '850', 'YUNXIPAY': '861'}[bank] + \
                    self.digits(12)
            elif bank == 'VCB':
                s = '00' + self.digits(11)
            elif bank == 'BIDV':
                s = self.pick(['63', '21', '37']) + self.digits(12)
            elif bank == 'VBA':
                s = self.pick(['83', '14', '86']) + self.digits(11)
            else:
                bins, L, cp, cl, _ = BANKS[bank]
                if corp:
                    s = cp + self.digits(cl - len(cp))
                else:
                    body = self.pick(bins) + self.digits(L - 7)
                    s = body + luhn(body)
            if s not in self.used:
                self.used.add(s)
                return s

    def acct(self, hid, bank, opened, region, role='lawful', arch='', corp=False):
        a = Acct()
        opened = min(int(opened), END - 2 * HOUR)
        a.id = self.acct_no(bank, corp)
        a.bank, a.holder, a.opened, a.region = bank, hid, int(opened), region
        a.role, a.arch, a.corp = role, arch, corp
        self.A[a.id] = a
        return a.id

    def old_open(self, y0=0.5, y1=15.0, prof='counter'):
        d = -int(self.r.uniform(y0, y1) * 365)
        while self.wd(d) >= 5 and self.r.random() < 0.8:
            d -= 1
        return self.T(d, prof)

    def open_at_day(self, day, prof='counter'):
        while self.wd(day) >= 6 and self.r.random() < 0.7:
            day -= 1
        return self.T(day, prof)

    def local_bank(self):
        return self.wpick(LOCAL_BANK_W)

    def remote_bank(self, prov):
        b = self.wpick(REMOTE_BANK_W)
        return prov + 'RCU' if b == 'RCU' else b

    def region_of_city(self, city):
        return self.pick(GXC[city])

    def rprov(self, excl=()):
        while True:
            p = self.r.choices(PROV_KEYS, weights=PROV_W)[0]
            if p not in excl:
                return p

    def remote_person(self, prov=None, arch='remote_person', y0=1960, y1=2002, opened=None):
        prov = prov or self.rprov()
        reg = self.pick(PROV[prov])
        h = self.holder(reg, y0=y0, y1=y1)
        return self.acct(h, self.remote_bank(prov), opened if opened is not None else self.old_open(1, 15),
                         reg, arch=arch)

    def remote_corp(self, prov=None, arch='remote_corp'):
        prov = prov or self.rprov()
        reg = self.pick(PROV[prov])
        h = self.holder(reg, corp=True)
        b = self.remote_bank(prov)
        return self.acct(h, b, self.old_open(2, 20), reg, arch=arch, corp=True)

    def gx_person(self, city, arch, y0=1960, y1=2002, home=None, bank=None, opened=None):
        reg = self.region_of_city(city)
        h = self.holder(home or reg, y0=y0, y1=y1)
        return self.acct(h, bank or self.local_bank(), opened if opened is not None else self.old_open(),
                         reg, arch=arch)

    def gx_corp(self, city, arch, bank=None, opened=None, indiv=False):
        reg = self.region_of_city(city)
        h = self.holder(reg, corp=True, indiv=indiv)
        return self.acct(h, bank or self.local_bank(), opened if opened is not None else self.old_open(2, 20),
                         reg, arch=arch, corp=True)

    def second_acct(self, aid, arch=None, bank=None, opened=None, region=None):
        a = self.A[aid]
        b = bank
        while b is None or b == a.bank:
            b = self.local_bank() if (region or a.region)[:2] == '45' else self.remote_bank(
                self.prov_of(region or a.region))
        return self.acct(a.holder, b, opened if opened is not None else self.old_open(0.3, 12),
                         region or a.region, arch=arch or a.arch, corp=a.corp)

    def prov_of(self, reg):
        for p, _, codes in PROVS:
            if reg in codes:
                return p
        return 'GD'

    def in_scope(self, aid):
        a = self.A[aid]
        if a.bank not in self.xstart:
            return False
        return BANKS[a.bank][4] or a.region[:2] == '45'

    # ------------------------------------------------------------------ transfers
    def tx(self, ts, frm, to, amt, ch='mobile', reg=None, kind='transfer', memo='', xb=False, tk='ordinary'):
        if ts < 0 or ts >= END:
            return False
        c = int(round(amt * 100))
        if c <= 0 or frm == to:
            return False
        if frm and self.A[frm].opened > ts:
            return False
        if to and self.A[to].opened > ts:
            return False
        if reg is None:
            reg = self.A[frm].region if frm else self.A[to].region
        self.txs.append([int(ts), frm or '', to or '', c, ch, reg, kind, memo, xb, tk])
        return True

    def withdraw(self, ts, aid, amt, reg, ch='atm', memo='', tk='ordinary'):
        return self.tx(ts, aid, '', amt, ch, reg, 'withdrawal', memo, False, tk)

    def deposit(self, ts, aid, amt, reg, ch='counter', memo='', tk='ordinary'):
        return self.tx(ts, '', aid, amt, ch, reg, 'deposit', memo, False, tk)

    # ------------------------------------------------------------------ infrastructure
    def gen_infra(self):
        r = self.r
        self.hub = {}
        for name, bank in (('tenpay', 'TENPAY'), ('alipay', 'ALIPAY'), ('lakala', 'LAKALA'),
                           ('ums', 'UMS'), ('unionpay_qr', 'UMS')):
            h = self.holder(self.pick(PROV['GD'] + PROV['SH'] + PROV['BJ']), corp=True)
            self.hub[name] = self.acct(h, bank, self.old_open(8, 15), '310115', arch='payment_hub', corp=True)
        self.pf_merchants = []   # lawful merchants at payment firms (games, e-commerce, services)
        for i in range(40):
            prov = self.rprov()
            reg = self.pick(PROV[prov])
            h = self.holder(reg, corp=True)
            self.pf_merchants.append(self.acct(h, self.pick(['ALIPAY', 'TENPAY', 'HUIJUPAY', 'YUNXIPAY', 'LAKALA']),
                                               self.old_open(1, 8), reg, arch='pf_merchant', corp=True))
        self.util = {}
        self.util['power'] = self.gx_corp('NN', 'power_grid')
        self.util['mobile'] = self.gx_corp('NN', 'telecom')
        self.util['water'] = {c: self.gx_corp(c, 'water_company') for c in BEIBU_CITIES}
        self.social = {c: self.gx_corp(c, 'social_security_fund', bank=self.pick(['BBGB', 'GXRCU', 'ICBC', 'CCB', 'ABC', 'PSBC']))
                       for c in BEIBU_CITIES}
        self.fuel = [self.gx_corp(c, 'fuel_station') for c in ['NN', 'QZ', 'FC', 'BH', 'DX', 'PX', 'CZ']]
        self.fuel_remote = [self.remote_corp(p, 'fuel_station') for p in ['GD', 'HN', 'GZ', 'YN', 'SC', 'CQ', 'HB', 'HA']]
        self.etc = self.gx_corp('NN', 'highway_toll')
        self.courier = [self.remote_corp('GD', 'courier'), self.remote_corp('SH', 'courier'), self.gx_corp('NN', 'courier')]
        self.ota = [self.remote_corp('SH', 'ota_platform'), self.remote_corp('BJ', 'ota_platform')]
        self.railway = self.remote_corp('BJ', 'railway_tickets')
        self.car_dealers = [self.gx_corp(c, 'car_dealer') for c in ['NN', 'NN', 'QZ', 'BH', 'FC']]
        self.developers = [self.gx_corp(c, 'property_developer') for c in ['NN', 'NN', 'BH', 'QZ', 'FC']]
        self.hotels = [self.gx_corp(c, 'hotel') for c in ['NN', 'NN', 'BH', 'QZ', 'FC', 'DX']]
        self.hospitals = [self.gx_corp(c, 'hospital_revenue') for c in ['NN', 'NN', 'BH', 'QZ', 'FC', 'CZ']]
        self.jewelry = [self.gx_corp(c, 'jewelry_shop') for c in ['NN', 'BH', 'QZ']]
        self.customs = [self.gx_corp(c, 'customs_broker') for c in ['DX', 'DX', 'PX', 'PX', 'QZ', 'FC']]
        self.coldstore = [self.gx_corp(c, 'cold_storage') for c in ['DX', 'PX', 'NN', 'QZ']]
        self.ports = [self.gx_corp(c, 'port_terminal') for c in ['QZ', 'FC', 'BH']]
        self.feed = [self.gx_corp(c, 'feed_seed_dealer') for c in ['QZ', 'BH', 'FC']]
        self.fert = [self.gx_corp(c, 'fertiliser_dealer') for c in ['CZ', 'CZ', 'NN', 'QZ', 'BH']]
        self.veg = {c: [self.gx_person(c, 'market_supplier') for _ in range(4)] for c in BEIBU_CITIES}
        self.insurers = [self.remote_corp('GD', 'insurer'), self.remote_corp('SH', 'insurer')]
        self.gov_fin = {c: self.gx_corp(c, 'finance_bureau', bank=self.pick(['BBGB', 'GXRCU', 'ICBC', 'CCB', 'ABC']))
                        for c in BEIBU_CITIES}
        # employers
        specs = [
            ('NN', 'gov', 4, 30, 7200, [10, 15]), ('NN', 'university', 4, 22, 7600, [10]),
            ('NN', 'college', 3, 10, 5900, [10]), ('NN', 'hospital', 3, 24, 10500, [8, 10]),
            ('NN', 'office', 22, 6, 6300, [5, 10, 15, 25]), ('NN', 'school', 5, 8, 6300, [10]),
            ('QZ', 'petrochem', 2, 30, 9800, [15]), ('QZ', 'port', 2, 20, 7600, [10]),
            ('QZ', 'office', 5, 5, 5600, [10, 15]), ('QZ', 'gov', 2, 12, 6600, [10]),
            ('QZ', 'hospital', 1, 12, 8800, [10]), ('QZ', 'school', 2, 6, 5800, [10]),
            ('BH', 'gov', 2, 12, 6600, [10]), ('BH', 'hospital', 2, 12, 8800, [10]),
            ('BH', 'office', 5, 5, 5400, [10, 15]), ('BH', 'port', 1, 10, 7000, [10]),
            ('BH', 'school', 2, 6, 5800, [10]), ('BH', 'electronics', 2, 15, 5200, [25]),
            ('FC', 'port', 1, 18, 7600, [10]), ('FC', 'steel', 1, 25, 8200, [15]),
            ('FC', 'nuclear', 1, 10, 11000, [15]), ('FC', 'gov', 1, 10, 6400, [10]),
            ('FC', 'office', 3, 4, 5200, [10]), ('DX', 'gov', 1, 8, 6200, [10]),
            ('DX', 'office', 3, 4, 4800, [15]), ('PX', 'gov', 1, 8, 6200, [10]),
            ('PX', 'office', 2, 4, 4800, [15]), ('CZ', 'gov', 1, 8, 6000, [10]),
            ('CZ', 'school', 1, 6, 5500, [10])]
        self.employers = []
        for city, sector, n, hc, med, pdays in specs:
            for _ in range(n):
                bank = self.pick(['BBGB', 'GXRCU', 'ICBC', 'CCB', 'ABC', 'BOC']) if sector in (
                    'gov', 'school', 'hospital') else self.local_bank()
                a = self.gx_corp(city, 'employer_' + sector, bank=bank)
                self.employers.append(dict(acct=a, city=city, sector=sector, hc=hc * r.uniform(0.6, 1.4),
                                           med=med, pday=self.pick(pdays)))

    # ------------------------------------------------------------------ lawful life helpers
    def spend(self, aid, reg, d0, d1, rate, med=55, sig=0.95, prof='day'):
        for d in range(max(0, d0), min(NDAYS, d1)):
            lam = rate * self.act * (1.0 + 0.3 * (self.sf('online', d) - 1.0))
            for _ in range(self.pois(lam)):
                t = self.T(d, prof)
                u = self.r.random()
                if u < 0.5:
                    self.tx(t, aid, self.hub['tenpay' if self.r.random() < 0.62 else 'alipay'],
                            round(self.ln(med, sig), 2), 'mobile', reg)
                elif u < 0.8:
                    self.tx(t, aid, self.hub[self.pick(['lakala', 'ums'])], round(self.ln(med * 1.6, sig), 2), 'pos', reg)
                elif u < 0.92:
                    self.tx(t, aid, self.pick(self.pf_merchants), round(self.ln(med * 1.2, sig), 2), 'online', reg)
                else:
                    self.tx(t, aid, self.hub['unionpay_qr'], round(self.ln(med, sig), 2), 'mobile', reg)

    def utilities(self, aid, city, d0=0):
        reg = self.A[aid].region
        d = self.r.randint(max(0, d0), NDAYS - 1)
        self.tx(self.T(d, 'day'), aid, self.util['power'], round(self.ln(160, 0.5), 2), 'mobile', reg, memo='电费')
        if self.r.random() < 0.6:
            d = self.r.randint(max(0, d0), NDAYS - 1)
            self.tx(self.T(d, 'day'), aid, self.util['mobile'], self.pick([30, 50, 50, 100, 100, 200]), 'mobile', reg, memo='话费充值')
        if self.r.random() < 0.4 and city in self.util['water']:
            d = self.r.randint(max(0, d0), NDAYS - 1)
            self.tx(self.T(d, 'day'), aid, self.util['water'][city], round(self.ln(45, 0.5), 2), 'mobile', reg, memo='水费')

    def atm_cash(self, aid, reg, n, med=800, d0=0):
        for _ in range(n):
            d = self.r.randint(max(0, d0), NDAYS - 1)
            self.withdraw(self.T(d, 'day'), aid, self.rnd(self.ln(med, 0.6), 100), reg)

    def family_acct(self, home, arch='family'):
        city = CITY_OF.get(home)
        if city:
            h = self.holder(home, y0=1950, y1=1975)
            bank = self.wpick([('GXRCU', 40), ('PSBC', 15), ('ABC', 12), ('BBGB', 6), ('ICBC', 8), ('CCB', 8), ('GLB', 5), ('BOC', 3)])
            a = self.acct(h, bank, self.old_open(3, 20), home, arch=arch)
            if city in self.pool and self.r.random() < 0.5:
                self.pool[city].append(a)
            return a
        return self.remote_person(self.prov_of(home), arch=arch, y0=1950, y1=1975)

    def family_cash(self, aid, t_after):
        a = self.A[aid]
        if self.r.random() < 0.55:
            d = min(NDAYS - 1, int(t_after // DAY) + self.r.randint(0, 6))
            t = self.T(d, 'counter')
            if t > t_after:
                self.withdraw(t, aid, self.rnd(self.ln(800, 0.5), 100), a.region, self.pick(['atm', 'atm', 'counter']))

    # ------------------------------------------------------------------ lawful archetypes
    def gen_workers(self, n):
        r = self.r
        emps = self.employers
        w = [e['hc'] for e in emps]
        for _ in range(n):
            e = r.choices(emps, weights=w)[0]
            city = e['city']
            reg = self.region_of_city(city)
            u = r.random()
            home = reg if u < 0.55 else (self.pick(ALL_GX) if u < 0.88 else self.pick(PROV[self.rprov()]))
            h = self.holder(home, y0=1964, y1=2001)
            bank = self.A[e['acct']].bank if r.random() < 0.8 else self.local_bank()
            u = r.random()
            newhire = u < 0.035
            if newhire:
                od = r.randint(0, 22)
                opened = self.open_at_day(od)
            elif u < 0.09:
                opened = self.open_at_day(-r.randint(20, 100))
            else:
                opened = self.old_open(0.5, 18)
            arch = 'worker_' + e['sector']
            a = self.acct(h, bank, opened, reg, arch=arch)
            d0 = max(0, int(opened // DAY) + 1)
            self.pool[city].append(a)
            age_young = int(h[6:10]) >= 1992
            if age_young:
                self.young[city].append(a)
            a2 = self.second_acct(a) if r.random() < 0.42 else None
            med = e['med'] * math.exp(0.28 * r.gauss(0, 1))
            for d in self.doms(e['pday'], True):
                if d >= d0:
                    amt = med if not newhire else med * r.uniform(0.3, 0.9)
                    self.tx(self.T(d, 'batch'), e['acct'], a, round(amt, 2), 'other', self.A[e['acct']].region, memo='代发工资')
            if self.v == 'V3':
                d = r.randint(10, 22)
                if d >= d0 and not newhire:
                    self.tx(self.T(d, 'batch'), e['acct'], a, round(med * r.uniform(0.8, 4.0), 2), 'other',
                            self.A[e['acct']].region, memo='年终奖')
            if r.random() < 0.45:
                self.renters[city].append((a, reg))
            if a2:
                for _ in range(r.randint(1, 3)):
                    d = r.randint(d0, NDAYS - 1)
                    x, y = (a, a2) if r.random() < 0.6 else (a2, a)
                    self.tx(self.T(d, 'evening'), x, y, self.rnd(self.ln(2000, 0.7), 100), 'mobile', reg)
                self.spend(a2, reg, d0, NDAYS, 0.08)
            if home != reg and r.random() < 0.55:
                fam = self.family_acct(home)
                amt = self.rnd(self.ln(1000, 0.5), 100)
                ds = self.doms(r.randint(1, 28)) or [r.randint(0, NDAYS - 1)]
                for d in ds:
                    if d >= d0:
                        t = self.T(d, 'evening')
                        if self.tx(t, a, fam, amt, 'mobile', reg, memo=self.pick(['', '生活费', '家用'])):
                            self.family_cash(fam, t)
                        if self.v == 'V3' and r.random() < 0.6:
                            dd = r.randint(24, 29)
                            self.tx(self.T(dd, 'evening'), a, fam, self.pick(RED_ENV[8:]), 'mobile', reg, memo='红包')
                self.families.append((a, fam))
            self.spend(a, reg, d0, NDAYS, 0.62)
            self.utilities(a, city, d0)
            if r.random() < 0.15:
                card = self.acct(h, self.pick(['CMB', 'CMB', 'CITIC', 'PAB', 'SPDB']), self.old_open(1, 8), reg,
                                 arch='credit_card')
                d = r.randint(d0, NDAYS - 1)
                self.tx(self.T(d, 'evening'), a, card, round(self.ln(2500, 0.8), 2), 'mobile', reg, memo='信用卡还款')
            self.atm_cash(a, reg, self.pois(0.8), d0=d0)
            # AA and friends
            for _ in range(self.pois(2.0 * self.act)):
                p = self.pool[city]
                if len(p) > 5:
                    d = r.randint(d0, NDAYS - 1)
                    self.tx(self.T(d, 'evening'), a, self.pick(p), round(self.ln(80, 0.8), 2), 'mobile', reg,
                            memo=self.pick(['', 'AA', '饭钱', '']))

    def gen_pensioners(self, n):
        r = self.r
        for _ in range(n):
            city = self.wpick([('NN', 45), ('BH', 14), ('QZ', 14), ('FC', 9), ('DX', 5), ('PX', 4), ('CZ', 9)])
            bank = self.A[self.social[city]].bank if r.random() < 0.6 else self.local_bank()
            a = self.gx_person(city, 'pensioner', 1940, 1964, bank=bank, opened=self.old_open(5, 25))
            reg = self.A[a].region
            self.pool[city].append(a)
            amt = self.ln(3600, 0.35)
            for d in self.doms(r.choice([5, 8, 10, 15]), True):
                self.tx(self.T(d, 'batch'), self.social[city], a, round(amt, 2), 'other', self.A[self.social[city]].region,
                        memo='养老金')
            for _ in range(self.pois(1.3)):
                d = r.randint(0, NDAYS - 1)
                self.withdraw(self.T(d, 'counter'), a, self.rnd(self.ln(1500, 0.5), 100), reg,
                              self.pick(['counter', 'counter', 'atm']))
            self.spend(a, reg, 0, NDAYS, 0.14, med=60)
            if r.random() < 0.3:
                d = r.randint(0, NDAYS - 1)
                self.tx(self.T(d, 'day'), a, self.pick(self.hospitals), round(self.ln(400, 1.0), 2), 'pos', reg, memo='医药费')
            self.utilities(a, city)
            if r.random() < 0.15 and self.pool[city]:
                d = r.randint(0, NDAYS - 1)
                self.tx(self.T(d, 'day'), a, self.pick(self.pool[city]), self.rnd(self.ln(800, 0.6), 100), 'counter', reg)

    def gen_students(self, n):
        r = self.r
        unis = [('NN', '450107', 'BBGB', 30), ('NN', '450107', 'ICBC', 25), ('NN', '450103', 'GXRCU', 10),
                ('NN', '450108', 'CCB', 12), ('NN', '450110', 'GLB', 10), ('NN', '450105', 'BOC', 8),
                ('QZ', '450702', 'BBGB', 12), ('BH', '450503', 'GXRCU', 8), ('BH', '450503', 'ABC', 6),
                ('NN', '450110', 'PSBC', 6)]
        self.uni_accts = []
        for city, reg, bank, w in unis:
            h = self.holder(reg, corp=True)
            self.uni_accts.append((self.acct(h, bank, self.old_open(5, 20), reg, arch='university_canteen', corp=True),
                                   city, reg, bank, w))
        canteen_w = [u[4] for u in self.uni_accts]
        home_provs = ['HN', 'GD', 'GZ', 'SC', 'HA', 'JX', 'YN', 'HB', 'AH', 'SD', 'CQ', 'HE', 'SX', 'GS']
        y = self.T0.year
        term_start = (dt.datetime(y if self.T0.month >= 9 else y - 1, 9, 2, tzinfo=TZ) - self.T0).days
        for _ in range(n):
            canteen, city, reg, bank, _w = r.choices(self.uni_accts, weights=canteen_w)[0]
            u = r.random()
            if u < 0.36:
                prov = self.pick(home_provs)
                home = self.pick(PROV[prov])
            elif u < 0.84:
                home = self.pick(ALL_GX)
                prov = 'GX'
            else:
                home = reg
                prov = 'GX'
            year = r.randint(0, 3)
            h = self.holder(home, y0=self.T0.year - 22, y1=self.T0.year - 18)
            od = term_start - 365 * year + r.randint(-2, 12)
            if self.v == 'V2' and year == 0 and r.random() < 0.08:
                od = r.randint(0, 12)     # late registrants open their campus card inside the data
            a = self.acct(h, bank, self.open_at_day(od), reg, arch='student')
            d0 = max(0, int(self.A[a].opened // DAY) + 1)
            self.pool[city].append(a)
            self.young[city].append(a)
            at_home = self.v == 'V3'
            sreg = home if at_home else reg
            fam = self.family_acct(home, arch='student_parent')
            self.families.append((a, fam))
            for _ in range(max(1, self.pois(1.6))):
                d = r.randint(d0, NDAYS - 1)
                self.tx(self.T(d, 'evening'), fam, a, self.rnd(self.ln(1300, 0.45), 100), 'mobile', self.A[fam].region,
                        memo=self.pick(['生活费', '生活费', '', '']))
            for d in range(d0, NDAYS):
                for _ in range(self.pois(0.38 * self.act * self.sf('campus', d))):
                    self.tx(self.T(d, 'day'), a, canteen, self.pick([50, 100, 100, 150, 200, 300]), 'mobile', reg, memo='饭卡充值')
            self.spend(a, sreg, d0, NDAYS, 0.45, med=35)
            for _ in range(self.pois(2.5)):
                d = r.randint(d0, NDAYS - 1)
                if self.sf('campus', d) > 0.5 and len(self.young[city]) > 5:
                    self.tx(self.T(d, 'evening'), a, self.pick(self.young[city]), round(self.ln(45, 0.8), 2), 'mobile',
                            reg, memo=self.pick(['AA', '', '', '奶茶', '车费']))
            if r.random() < 0.12:
                self.renters[city].append((a, reg))
            if self.v == 'V3' and r.random() < 0.5:
                d = r.randint(25, 29)
                self.tx(self.T(d, 'evening'), fam, a, self.pick(RED_ENV), 'mobile', self.A[fam].region, memo='红包')
            if r.random() < 0.25:
                self.second_acct(a, bank=self.pick(['CMB', 'ICBC', 'CCB', 'ABC', 'BOC']), opened=self.open_at_day(od + r.randint(0, 30)))

    def gen_migrants(self, n):
        r = self.r
        gd_codes = ['441900', '441900', '440306', '440307', '440111', '440604', '440606', '442000', '441302']
        homes = GXC['GO'] + GXC['QZ'][2:] + ['450521'] + GXC['CZ'] + ['450110']
        factories = [self.remote_corp('GD', 'factory_guangdong') for _ in range(30)]
        for _ in range(n):
            home = self.pick(homes)
            h = self.holder(home, y0=1968, y1=2003)
            bank = self.wpick([('GXRCU', 35), ('BBGB', 6), ('ICBC', 12), ('CCB', 12), ('ABC', 12), ('PSBC', 12), ('GLB', 5)])
            a = self.acct(h, bank, self.old_open(1, 15), home, arch='migrant_worker')
            wreg = self.pick(gd_codes)
            fac = self.pick(factories)
            fam = self.family_acct(home)
            self.families.append((a, fam))
            pd = r.randint(1, 20)
            sal = self.ln(5600, 0.25)
            for d in self.doms(pd, True):
                self.tx(self.T(d, 'batch'), fac, a, round(sal, 2), 'other', self.A[fac].region, memo='工资')
                t = self.T(min(NDAYS - 1, d + r.randint(0, 3)), 'evening')
                if self.tx(t, a, fam, self.rnd(sal * r.uniform(0.25, 0.55), 100), 'mobile', wreg):
                    self.family_cash(fam, t)
            if self.v == 'V3':
                d = r.randint(8, 20)
                self.tx(self.T(d, 'batch'), fac, a, round(sal * r.uniform(1.0, 2.5), 2), 'other', self.A[fac].region,
                        memo=self.pick(['年终奖', '工资结算', '年底结算']))
                dt_home = r.randint(14, 25)
                self.tx(self.T(r.randint(3, dt_home - 1), 'evening'), a, self.railway, round(self.ln(180, 0.4), 2), 'mobile', wreg, memo='车票')
                for _ in range(r.randint(1, 4)):
                    d = r.randint(dt_home, NDAYS - 1)
                    self.withdraw(self.T(d, 'day'), a, self.rnd(self.ln(2000, 0.5), 100), home, self.pick(['atm', 'atm', 'counter']))
                t = self.T(r.randint(dt_home, NDAYS - 1), 'evening')
                self.tx(t, a, fam, self.rnd(self.ln(5000, 0.5), 500), 'mobile', home, memo=self.pick(['', '过年', '家用']))
                for _ in range(r.randint(1, 5)):
                    self.tx(self.T(r.randint(24, 29), 'evening'), a, self.family_acct(home), self.pick(RED_ENV), 'mobile', home, memo='红包')
                self.spend(a, wreg, 0, dt_home, 0.4)
                self.spend(a, home, dt_home, NDAYS, 0.6)
            else:
                self.spend(a, wreg, 0, NDAYS, 0.45)
            for _ in range(self.pois(1.0)):
                d = r.randint(0, NDAYS - 1)
                self.withdraw(self.T(d, 'day'), a, self.rnd(self.ln(600, 0.5), 100), wreg)

    def gen_dormant(self, n, n_wake):
        r = self.r
        for _ in range(n):
            city = self.wpick([('NN', 40), ('BH', 12), ('QZ', 14), ('FC', 8), ('DX', 5), ('PX', 4), ('CZ', 10), ('GO', 7)])
            bank = self.wpick([(b, w) for b, w in LOCAL_BANK_W if b in self.xstart] or LOCAL_BANK_W)
            a = self.gx_person(city, 'dormant', bank=bank, opened=self.old_open(2, 20))
            if r.random() < 0.04:
                self.A[a].status = 'closed'
        for _ in range(n_wake):
            city = self.wpick([('NN', 30), ('QZ', 20), ('FC', 15), ('BH', 15), ('CZ', 20)])
            bank = self.wpick([(b, w) for b, w in LOCAL_BANK_W if b in self.xstart] or LOCAL_BANK_W)
            a = self.gx_person(city, 'dormant_waking', 1950, 1980, bank=bank, opened=self.old_open(4, 20))
            reg = self.A[a].region
            d = r.randint(2, NDAYS - 6)
            kind = self.pick(['征地补偿款', '房屋拆迁补偿', '售房款', '保险理赔'])
            src = self.gov_fin[CITY_OF.get(reg, 'NN')] if '补偿' in kind else (
                self.pick(self.insurers) if kind == '保险理赔' else self.gx_person(city, 'house_buyer'))
            amt = self.rnd(self.ln(260000, 0.6), 100)
            t = self.T(d, 'office')
            self.tx(t, src, a, amt, 'online', None, memo=kind)
            left = amt
            for _ in range(r.randint(1, 4)):
                t += r.randint(2 * HOUR, 3 * DAY)
                x = self.rnd(left * r.uniform(0.2, 0.5), 1000)
                if x >= left:
                    break
                left -= x
                dest = self.family_acct(reg) if r.random() < 0.6 else self.second_acct(a, arch='dormant_waking')
                self.tx(t, a, dest, x, self.pick(['counter', 'mobile']), reg, memo=self.pick(['', '给儿子', '转存', '']))
            if r.random() < 0.5:
                self.withdraw(t + r.randint(HOUR, DAY), a, self.rnd(min(left * 0.3, 50000), 1000), reg, 'counter')

    def gen_fruit_importers(self, n):
        r = self.r
        buyer_provs = [('GD', 20), ('HN', 10), ('HA', 8), ('SC', 8), ('BJ', 6), ('SH', 6), ('HB', 6), ('YN', 4),
                       ('ZJ', 7), ('JS', 6), ('SD', 6), ('CQ', 5), ('FJ', 4), ('HE', 4), ('SN', 3)]
        drivers = self.truckers
        self.importers = []
        for i in range(n):
            city = self.pick(['DX', 'DX', 'PX', 'PX', 'PX', 'NN'])
            newco = r.random() < (0.18 if self.v == 'V3' else 0.06)
            od = r.randint(0, 10) if newco else None
            corp = self.gx_corp(city, 'fruit_importer', opened=self.open_at_day(od) if newco else None)
            reg = self.A[corp].region
            owner = self.acct(self.holder(self.pick(ALL_GX if r.random() < 0.8 else PROV['GD']), y0=1970, y1=1992),
                              self.local_bank(), self.A[corp].opened if newco else self.old_open(2, 15), reg,
                              arch='fruit_importer_owner')
            owner2 = self.second_acct(owner) if r.random() < 0.6 else owner
            self.importers.append((corp, owner, reg))
            recv = [corp, owner, owner2]
            buyers = []
            for _ in range(r.randint(7, 20)):
                p = self.wpick(buyer_provs)
                buyers.append(self.remote_corp(p, 'fruit_buyer') if r.random() < 0.45 else
                              self.remote_person(p, 'fruit_buyer', 1965, 1995))
            if r.random() < 0.6:
                buyers += [self.gx_person('NN', 'fruit_buyer') for _ in range(r.randint(2, 6))]
            vn = [self.vn_acct(reg, 'vn_fruit_grower') for _ in range(r.randint(3, 8))]
            d0 = max(0, int(self.A[corp].opened // DAY) + 1)
            size = self.ln(1.0, 0.5)
            for d in range(d0, NDAYS):
                f = self.sf('fruit', d) * size
                for _ in range(self.pois(2.6 * self.act * f)):
                    b = self.pick(buyers)
                    t = self.T(d, 'any')
                    amt = self.rnd(self.ln(62000, 0.8), self.pick([1, 100, 1000]))
                    to = self.pick(recv)
                    if not self.tx(t, b, to, amt, self.pick(['online', 'mobile', 'online']), None,
                                   memo=self.pick(['货款', '榴莲货款', '火龙果', '菠萝蜜货款', '水果款', '', '定金'])):
                        continue
                    # pay the Vietnamese grower quickly, cross-border, and the driver
                    t2 = t + r.randint(10 * MIN, 9 * HOUR)
                    if to != corp and r.random() < 0.5:
                        self.tx(t2 - r.randint(60, 9 * MIN), to, corp, amt, 'mobile', reg, memo='转公司')
                        to = corp
                    if r.random() < 0.75:
                        self.tx(t2, to, self.pick(vn), round(amt * r.uniform(0.6, 0.88), 2), 'online', reg,
                                memo=self.pick(['货款', 'payment', '进口货款']), xb=True)
                    if r.random() < 0.6 and drivers:
                        self.tx(t2 + r.randint(60, 2 * HOUR), to, self.pick(drivers)[0], self.rnd(self.ln(5500, 0.4), 100),
                                'mobile', reg, memo=self.pick(['运费', '运费', '']))
                if r.random() < 0.08 * f:
                    self.tx(self.T(d, 'office'), corp, self.pick(self.customs), round(self.ln(3800, 0.6), 2), 'online', reg, memo='报关费')
                if r.random() < 0.05 * f:
                    self.tx(self.T(d, 'office'), corp, self.pick(self.coldstore), round(self.ln(6000, 0.6), 2), 'online', reg, memo='冷库费')
                if r.random() < 0.07 * f:
                    self.withdraw(self.T(d, 'counter'), self.pick([corp, owner]), self.rnd(self.ln(60000, 0.5), 1000), reg,
                                  'counter', memo='备用金')
            if r.random() < 0.5:
                self.spend(owner, reg, d0, NDAYS, 0.3, med=120)

    def gen_mahogany(self, n):
        r = self.r
        for _ in range(n):
            city = self.pick(['PX', 'PX', 'DX'])
            corp = self.gx_corp(city, 'mahogany_furniture')
            reg = self.A[corp].region
            owner = self.gx_person(city, 'mahogany_owner', 1965, 1988)
            buyers = [self.remote_person(self.pick(['FJ', 'ZJ', 'GD', 'BJ', 'SH', 'JS', 'SD', 'HE']), 'furniture_buyer', 1960, 1990)
                      for _ in range(r.randint(5, 14))]
            vn = self.vn_acct(reg, 'vn_timber_supplier')
            workers = [self.gx_person(city, 'workshop_worker', 1970, 2000) for _ in range(r.randint(3, 8))]
            for b in buyers:
                d = r.randint(0, NDAYS - 1)
                dep = self.pick([10000, 20000, 30000, 50000])
                t = self.T(d, 'day')
                self.tx(t, b, self.pick([corp, owner]), dep, 'mobile', None, memo='定金')
                if r.random() < 0.5 and d + 3 < NDAYS:
                    self.tx(t + r.randint(3, 20) * DAY, b, corp, self.rnd(self.ln(180000, 0.8), 100), 'online', None, memo='尾款')
            for _ in range(r.randint(1, 3)):
                self.tx(self.T(r.randint(0, NDAYS - 1), 'office'), corp, vn, self.rnd(self.ln(300000, 0.6), 1000), 'online', reg,
                        memo='红木原料', xb=True)
            pd = r.randint(1, 15)
            for d in self.doms(pd):
                for wk in workers:
                    self.tx(self.T(d, 'office'), owner, wk, self.rnd(self.ln(4800, 0.3), 100), 'mobile', reg, memo='工资')
            self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), corp, owner, self.rnd(self.ln(50000, 0.5), 1000), 'online', reg)

    def gen_fishers(self, n):
        r = self.r
        self.fishers = []
        for _ in range(n):
            kind = self.wpick([('oyster_farmer', 35), ('fish_farmer', 20), ('fishing_boat', 35), ('fish_seller', 10)])
            city = {'oyster_farmer': self.pick(['QZ', 'QZ', 'BH', 'FC']), 'fish_farmer': self.pick(['BH', 'QZ', 'FC']),
                    'fishing_boat': self.pick(['BH', 'BH', 'DX', 'FC', 'QZ']), 'fish_seller': self.pick(['BH', 'QZ', 'DX', 'FC'])}[kind]
            if kind == 'oyster_farmer' and city == 'QZ':
                reg = '450702'
            else:
                reg = self.region_of_city(city)
            bank = self.wpick([('GXRCU', 45), ('BBGB', 12), ('PSBC', 12), ('ABC', 10), ('ICBC', 6), ('CCB', 6), ('GLB', 4)])
            h = self.holder(reg, y0=1958, y1=1995)
            a = self.acct(h, bank, self.old_open(2, 20), reg, arch=kind)
            self.fishers.append((a, kind, city, reg))
            self.pool[city].append(a)
            if kind == 'fishing_boat':
                crew = [self.gx_person(city, 'fishing_crew', 1965, 2000) if r.random() < 0.6 else
                        self.remote_person(self.pick(['GD', 'HI', 'GZ']), 'fishing_crew', 1965, 2000) for _ in range(r.randint(2, 6))]
                f = self.sf('fishing', 0)
                if f < 0.5:
                    # moratorium: fuel subsidy and a little crew pay; some boats take transport work
                    if r.random() < 0.5:
                        self.tx(self.T(r.randint(0, NDAYS - 1), 'office'), self.gov_fin[city], a, round(self.ln(18000, 0.6), 2),
                                'other', self.A[self.gov_fin[city]].region, memo='渔业油价补贴')
                    for c in crew[:2]:
                        self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), a, c, self.rnd(self.ln(1500, 0.4), 100), 'mobile', reg, memo='生活费')
                else:
                    for _ in range(r.randint(2, 6)):
                        d = r.randint(0, NDAYS - 1)
                        self.tx(self.T(d, 'early'), a, self.pick(self.fuel), round(self.ln(6000, 0.6), 2), 'pos', reg, memo='柴油')
                    pd = r.randint(1, 28)
                    for d in self.doms(pd):
                        for c in crew:
                            self.tx(self.T(d, 'day'), a, c, self.rnd(self.ln(5500, 0.3), 100), 'mobile', reg, memo='工钱')
            elif kind in ('oyster_farmer', 'fish_farmer'):
                for _ in range(r.randint(0, 3)):
                    self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), a, self.pick(self.feed), round(self.ln(4000, 0.8), 2), 'mobile', reg,
                            memo=self.pick(['饲料', '蚝苗', '浮排材料']))
                hands = [self.gx_person(city, 'farm_hand', 1960, 2000) for _ in range(r.randint(1, 3))]
                for _ in range(self.pois(1.5)):
                    w = self.pick(hands) if r.random() < 0.6 else self.pick(self.pool[city])
                    self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), a, w, self.rnd(self.ln(2500, 0.5), 50), 'mobile', reg, memo='工钱')
            self.atm_cash(a, reg, self.pois(1.5), med=1500)
            self.spend(a, reg, 0, NDAYS, 0.3)

    def gen_seafood(self, n):
        r = self.r
        buyer_provs = [('GD', 25), ('HN', 10), ('GZ', 8), ('YN', 8), ('SC', 6), ('CQ', 5), ('HB', 4), ('JX', 4), ('BJ', 3), ('SH', 3), ('ZJ', 4)]
        self.seafood = []
        for _ in range(n):
            city = self.pick(['BH', 'BH', 'BH', 'QZ', 'QZ', 'DX', 'DX', 'FC'])
            a = self.gx_person(city, 'seafood_wholesaler', 1965, 1992)
            reg = self.A[a].region
            corp = self.gx_corp(city, 'seafood_company') if r.random() < 0.5 else None
            recv = [a, corp] if corp else [a]
            self.seafood.append((a, city, reg))
            suppliers = [x for x in self.fishers if x[2] == city or r.random() < 0.2]
            suppliers = [self.pick(suppliers)[0] for _ in range(r.randint(8, 22))] if suppliers else []
            buyers = []
            for _ in range(r.randint(6, 16)):
                if r.random() < 0.45:
                    buyers.append(self.gx_person(self.pick(['NN', 'NN', 'QZ', 'BH', 'FC', 'GO']), 'restaurant_buyer'))
                else:
                    buyers.append(self.remote_person(self.wpick(buyer_provs), 'seafood_buyer', 1965, 1995))
            vn = None
            if city == 'DX' or r.random() < 0.2:
                vn = self.vn_acct(reg, 'vn_seafood_supplier')
            size = self.ln(1.0, 0.45)
            self.restaurants_supply = getattr(self, 'restaurants_supply', [])
            self.restaurants_supply.append(a)
            for d in range(NDAYS):
                f = self.sf('seafood', d) * size
                fo = self.sf('oyster', d)
                for _ in range(self.pois(2.6 * self.act * f)):
                    t = self.T(d, 'any')
                    self.tx(t, self.pick(buyers), self.pick(recv), self.rnd(self.ln(9000, 0.9), self.pick([1, 10, 100])),
                            'mobile', None, memo=self.pick(['货款', '海鲜款', '生蚝', '', '虾款']))
                for _ in range(self.pois(2.2 * f * (0.6 + 0.4 * fo))):
                    if suppliers:
                        t = self.T(d, 'early')
                        self.tx(t, a, self.pick(suppliers), round(self.ln(3500, 0.8), 2), 'mobile', reg,
                                memo=self.pick(['货款', '蚝钱', '鱼钱', '']))
                if vn and r.random() < 0.12 * f:
                    self.tx(self.T(d, 'day'), self.pick(recv), vn, self.rnd(self.ln(40000, 0.6), 100), 'online', reg, memo='海产进口', xb=True)
                if r.random() < 0.15 * f and self.truckers:
                    self.tx(self.T(d, 'night'), a, self.pick(self.truckers)[0], self.rnd(self.ln(3000, 0.4), 100), 'mobile', reg, memo='冷链运费')
            if corp:
                self.tx(self.T(r.randint(0, NDAYS - 1), 'office'), corp, a, self.rnd(self.ln(40000, 0.6), 1000), 'online', reg)
            self.deposit(self.T(r.randint(0, NDAYS - 1), 'counter'), a, self.rnd(self.ln(8000, 0.6), 100), reg)

    def gen_border_residents(self, n):
        r = self.r
        coops = []
        for city in ['DX', 'DX', 'PX', 'PX', 'CZ']:
            reg = '451422' if city == 'CZ' else self.region_of_city(city)
            h = self.holder(reg, corp=True)
            coops.append((self.acct(h, self.pick(['GXRCU', 'BBGB', 'GXRCU', 'ICBC']), self.old_open(2, 8), reg,
                                    arch='border_trade_cooperative', corp=True), city, reg))
        self.coops = coops
        settle = {}
        for _, city, reg in coops:
            if reg not in settle:
                vs = []
                for _ in range(6):
                    b = self.pick(VNBANKS + ['GXRCU', 'BBGB'])
                    vs.append(self.vn_acct(reg, 'vn_border_trader', bank=b, corp=b in VNBANKS))
                settle[reg] = vs
        for _ in range(n):
            coop, city, reg = self.pick(coops)
            h = self.holder(reg, y0=1955, y1=1998)
            newacct = r.random() < 0.04
            opened = self.open_at_day(r.randint(0, 15)) if newacct else self.old_open(0.5, 12)
            a = self.acct(h, self.pick(['GXRCU', 'GXRCU', 'BBGB', 'GXRCU']), opened, reg, arch='border_resident')
            d0 = max(0, int(self.A[a].opened // DAY) + 1)
            if city in self.pool:
                self.pool[city].append(a)
            act = min(0.95, r.uniform(0.25, 0.8) * self.act)
            for d in range(d0, NDAYS):
                if r.random() < act * min(1.0, self.sf('border', d)):
                    k = 1 if r.random() < 0.7 else 2
                    for _ in range(k):
                        t = self.T(d, 'office')
                        amt = round(min(7999.0, self.ln(5200, 0.35)), 2)
                        if self.tx(t, coop, a, amt, 'other', reg, memo='互市货款'):
                            fee = self.pick([20, 30, 50, 50, 80, 100])
                            v = self.pick(settle[reg])
                            self.tx(t + r.randint(40, 25 * MIN), a, v, round(amt - fee, 2), 'mobile', reg,
                                    memo='互市结算', xb=self.A[v].xb)
            for _ in range(self.pois(1.5)):
                self.withdraw(self.T(r.randint(d0, NDAYS - 1), 'day'), a, self.rnd(self.ln(600, 0.5), 100), reg)
            self.spend(a, reg, d0, NDAYS, 0.2)

    def gen_truckers_agents(self, n_agents, n_drivers):
        r = self.r
        self.truckers = []
        home_pool = ALL_GX * 3 + PROV['HN'] + PROV['GZ'] + PROV['HA'] + PROV['GD'] + PROV['SC']
        travel = FAR_CASH + ['430102', '520103', '530102', '500112', '510104', '420106', '410105', '440803']
        for _ in range(n_drivers):
            home = self.pick(home_pool)
            base = self.pick(['QZ', 'QZ', 'FC', 'NN', 'DX', 'PX', 'BH'])
            if home[:2] == '45':
                bank = self.local_bank()
                reg = home
            elif r.random() < 0.6:
                bank = self.remote_bank(self.prov_of(home))
                reg = home
            else:
                bank = self.local_bank()
                reg = self.region_of_city(base)
            new = r.random() < 0.05
            h = self.holder(home, y0=1968, y1=1998)
            a = self.acct(h, bank, self.open_at_day(r.randint(0, 12)) if new else self.old_open(1, 15), reg, arch='truck_driver')
            self.truckers.append((a, base, home))
        for _ in range(n_agents):
            city = self.pick(['QZ', 'QZ', 'QZ', 'FC', 'FC', 'BH', 'NN'])
            reg = {'QZ': '450702', 'FC': '450602', 'BH': '450512'}.get(city) or self.region_of_city(city)
            new = r.random() < 0.08
            corp = self.gx_corp(city, 'freight_agent', opened=self.open_at_day(r.randint(0, 10)) if new else None)
            owner = self.gx_person(city, 'freight_agent_owner', 1970, 1992)
            recv = [corp, owner]
            shippers = [self.remote_corp(self.pick(['GD', 'SC', 'CQ', 'YN', 'GZ', 'HN', 'GD', 'HB']), 'shipper') if r.random() < 0.7
                        else self.gx_corp(self.pick(['NN', 'QZ', 'GO']), 'shipper') for _ in range(r.randint(4, 11))]
            d0 = max(0, int(self.A[corp].opened // DAY) + 1)
            mine = [self.pick(self.truckers)[0] for _ in range(r.randint(8, 25))]
            for d in range(d0, NDAYS):
                for _ in range(self.pois(2.0)):
                    t = self.T(d, 'office')
                    amt = self.rnd(self.ln(28000, 0.9), self.pick([1, 100]))
                    to = self.pick(recv)
                    if self.tx(t, self.pick(shippers), to, amt, 'online', None, memo=self.pick(['运费', '物流费', '港杂费', '货代费'])):
                        n_pay = r.randint(1, 4)
                        t2 = t + r.randint(15 * MIN, 6 * HOUR)
                        for _ in range(n_pay):
                            self.tx(t2, to, self.pick(mine), self.rnd(self.ln(4500, 0.5), 50), 'mobile', reg, memo=self.pick(['运费', '车费', '']))
                            t2 += r.randint(30, 40 * MIN)
                        if r.random() < 0.3:
                            self.tx(t2, to, self.pick(self.ports), round(self.ln(9000, 0.7), 2), 'online', reg, memo='港杂费')
        for a, base, home in self.truckers:
            reg = self.A[a].region
            for _ in range(r.randint(4, 12)):
                d = r.randint(0, NDAYS - 1)
                where = self.pick(travel) if r.random() < 0.55 else self.region_of_city(base)
                self.tx(self.T(d, 'any'), a, self.pick(self.fuel + self.fuel_remote), round(self.ln(900, 0.6), 2), 'pos', where, memo='加油')
            for _ in range(self.pois(1.6)):
                d = r.randint(0, NDAYS - 1)
                self.withdraw(self.T(d, 'night' if r.random() < 0.4 else 'day'), a, self.rnd(self.ln(1000, 0.5), 100),
                              self.pick(travel) if r.random() < 0.6 else self.region_of_city(base))
            self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), a, self.etc, round(self.ln(700, 0.6), 2), 'mobile', reg, memo='ETC')
            if r.random() < 0.5:
                fam = self.family_acct(home)
                t = self.T(r.randint(0, NDAYS - 1), 'night')
                self.tx(t, a, fam, self.rnd(self.ln(2500, 0.5), 100), 'mobile', None)
            self.spend(a, reg, 0, NDAYS, 0.35)

    def gen_cane(self, n_mills, n_farmers, n_leaders):
        r = self.r
        cane_regions = ['451421', '451421', '451402', '451422', '451423', '450110', '450721', '450722', '450521']
        mills = []
        for _ in range(n_mills):
            reg = self.pick(cane_regions)
            h = self.holder(reg, corp=True)
            mills.append((self.acct(h, self.pick(['GXRCU', 'BBGB', 'ABC', 'ICBC', 'CCB']), self.old_open(8, 25), reg,
                                    arch='sugar_mill', corp=True), reg))
        leaders = []
        for _ in range(n_leaders):
            outsider = r.random() < 0.35
            home = self.pick(PROV[self.pick(['YN', 'GZ'])]) if outsider else self.pick(cane_regions + GXC['GO'])
            reg = self.pick(cane_regions)
            h = self.holder(home, y0=1965, y1=1995)
            bank = self.wpick([('GXRCU', 40), ('ABC', 15), ('PSBC', 15), ('BBGB', 10), ('CCB', 10)])
            la = self.acct(h, bank, self.old_open(1, 10) if r.random() < 0.85 else self.open_at_day(r.randint(-40, 5)),
                           reg, arch='cane_cutting_crew_leader')
            members = []
            for _ in range(r.randint(3, 9)):
                if r.random() < 0.55:
                    members.append(self.remote_person(self.prov_of(home) if home[:2] != '45' else self.pick(['YN', 'GZ']),
                                                      'cane_cutter', 1965, 2002))
                else:
                    members.append(self.gx_person(CITY_OF.get(reg, 'CZ'), 'cane_cutter', 1960, 2002))
            leaders.append((la, reg, members))
        for _ in range(n_farmers):
            mill, mreg = self.pick(mills)
            reg = mreg if r.random() < 0.7 else self.pick(cane_regions)
            h = self.holder(reg, y0=1950, y1=1990)
            a = self.acct(h, self.wpick([('GXRCU', 55), ('ABC', 15), ('PSBC', 10), ('BBGB', 10), ('CCB', 5), ('ICBC', 5)]),
                          self.old_open(2, 20), reg, arch='cane_farmer')
            city = CITY_OF.get(reg, 'CZ')
            if city in self.pool:
                self.pool[city].append(a)
            size = self.ln(1.0, 0.8)
            la, lreg, members = self.pick(leaders)
            for d in range(NDAYS):
                f = self.sf('cane', d)
                if r.random() < 0.16 * f:
                    t = self.T(d, 'batch')
                    amt = round(self.ln(14000 * size, 0.5), 2)
                    if self.tx(t, mill, a, amt, 'other', mreg, memo='蔗款'):
                        if r.random() < 0.75 and f > 0.3:
                            t2 = t + r.randint(1 * HOUR, 2 * DAY)
                            self.tx(t2, a, la, self.rnd(amt * r.uniform(0.15, 0.3), 100), 'mobile', reg, memo='砍蔗费')
                        if r.random() < 0.3:
                            self.tx(t + r.randint(HOUR, 3 * DAY), a, self.pick(self.truckers)[0], self.rnd(self.ln(1500, 0.4), 50),
                                    'mobile', reg, memo='拉蔗运费')
            if r.random() < 0.4:
                self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), a, self.pick(self.fert), round(self.ln(3000, 0.7), 2), 'mobile', reg,
                        memo='化肥')
            self.atm_cash(a, reg, self.pois(1.0), med=1200)
            self.spend(a, reg, 0, NDAYS, 0.15)
        self._cane_leaders = leaders     # they pass the cutting fees on to their crews (cane_leaders_payout)

    def cane_leaders_payout(self):
        r = self.r
        inflow = {}
        for t in self.txs:
            if t[7] == '砍蔗费':
                inflow.setdefault(t[2], []).append((t[0], t[3]))
        for la, reg, members in self._cane_leaders:
            for ts, c in inflow.get(la, []):
                amt = c / 100.0
                k = min(len(members), r.randint(2, len(members)))
                share = amt * r.uniform(0.85, 0.95) / k
                t = ts + r.randint(20 * MIN, 20 * HOUR)
                for m in r.sample(members, k):
                    self.tx(t, la, m, self.rnd(share * r.uniform(0.8, 1.2), 10), 'mobile', reg, memo=self.pick(['工钱', '砍蔗钱', '']))
                    t += r.randint(20, 10 * MIN)

    def gen_tourism(self, n_guest, n_boat, n_drivers, n_tourists, n_retirees):
        r = self.r
        bh_tour = ['450503', '450503', '450502', '450502']   # 银滩 / 侨港 and 涠洲岛 (海城区)
        guests = []
        for _ in range(n_guest):
            reg = self.pick(bh_tour)
            new = r.random() < (0.10 if self.v == 'baseline' else 0.05)
            a = self.gx_person('BH', 'guesthouse', 1965, 1995, opened=self.open_at_day(r.randint(0, 14)) if new else None)
            self.A[a].region = reg
            guests.append(a)
            self.pool['BH'].append(a)
        boats = [self.gx_person('BH', 'boat_operator', 1965, 1995) for _ in range(n_boat)]
        drivers = [self.gx_person('BH', 'tourism_driver', 1968, 2000) for _ in range(n_drivers)]
        self.beihai_biz = guests + boats + drivers
        stays = []
        for _ in range(n_tourists):
            d = r.choices(range(NDAYS), weights=[self.sf('tour', x) for x in range(NDAYS)])[0]
            acct = self.nat('tourist', 0.85, 1955, 2003) if r.random() < 0.93 else self.gx_person(
                self.pick(['NN', 'GO', 'GO']), 'tourist')
            self.tourists.append(acct)
            stays.append((acct, d, r.randint(1, 5)))
        for acct, d, L in stays:
            g = self.pick(guests)
            t = self.T(max(0, d - r.randint(0, 7)), 'evening')
            amt = self.rnd(self.ln(260 * L, 0.5), self.pick([1, 10, 50]))
            if r.random() < 0.35:
                self.tx(t, acct, g, self.rnd(amt * 0.3, 10), 'mobile', None, memo='定金')
                self.tx(self.T(d, 'late'), acct, g, self.rnd(amt * 0.7, 10), 'mobile', None, memo='房费')
            elif r.random() < 0.7:
                self.tx(self.T(d, 'late'), acct, g, amt, 'mobile', None, memo=self.pick(['房费', '', '住宿']))
            if r.random() < 0.45:
                self.tx(self.T(min(NDAYS - 1, d + r.randint(0, L)), 'day'), acct, self.pick(boats),
                        self.rnd(self.ln(180, 0.5), 10) * r.randint(1, 4), 'mobile', '450502', memo=self.pick(['船票', '出海', '']))
            for _ in range(self.pois(1.0)):
                self.tx(self.T(min(NDAYS - 1, d + r.randint(0, L)), 'night'), acct, self.pick(drivers),
                        self.rnd(self.ln(60, 0.6), 5), 'mobile', self.pick(bh_tour), memo=self.pick(['车费', '包车', '']))
        # OTA settlement, cleaners, cash
        for g in guests:
            reg = self.A[g].region
            d0 = max(0, int(self.A[g].opened // DAY) + 1)
            for d in range(max(d0, 0), NDAYS, 7):
                if r.random() < 0.7:
                    self.tx(self.T(d + r.randint(0, 2) if d + 2 < NDAYS else d, 'batch'), self.pick(self.ota), g,
                            round(self.ln(3500 * self.sf('tour', d), 0.6), 2), 'other', '310115', memo='结算款')
            cl = self.gx_person('BH', 'cleaner', 1960, 1995)
            for d in range(d0, NDAYS, 15):
                self.tx(self.T(d, 'day'), g, cl, self.rnd(self.ln(2200, 0.3), 100), 'mobile', reg, memo='工资')
            self.withdraw(self.T(r.randint(d0, NDAYS - 1), 'day'), g, self.rnd(self.ln(2000, 0.5), 100), reg)
            self.utilities(g, 'BH', d0)
            self.spend(g, reg, d0, NDAYS, 0.35)
        for b in boats:
            reg = '450502'
            for _ in range(r.randint(1, 4)):
                self.tx(self.T(r.randint(0, NDAYS - 1), 'early'), b, self.pick(self.fuel[3:4] + self.fuel), round(self.ln(2500, 0.5), 2), 'pos', reg, memo='油费')
            crew = self.gx_person('BH', 'boat_crew', 1970, 2000)
            self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), b, crew, self.rnd(self.ln(4500, 0.3), 100), 'mobile', reg, memo='工资')
        for dv in drivers:
            self.tx(self.T(r.randint(0, NDAYS - 1), 'day'), dv, self.pick(self.fuel), round(self.ln(300, 0.4), 2), 'pos', None, memo='加油')
            self.spend(dv, self.A[dv].region, 0, NDAYS, 0.35, prof='night')
        # winter retirees (候鸟老人): home pensions elsewhere, rent in Beihai, cash in Beihai
        north = [('HL', 25), ('JL', 14), ('LN', 16), ('NM', 8), ('SX', 7), ('HE', 7), ('GS', 5), ('SC', 8), ('CQ', 5), ('HA', 5)]
        landlords = [self.gx_person('BH', 'landlord_seasonal', 1950, 1985) for _ in range(max(3, n_retirees // 5))]
        for _ in range(n_retirees):
            p = self.wpick(north)
            home_acct = self.remote_person(p, 'winter_retiree', 1944, 1962)
            h = self.A[home_acct].holder
            arrive = 0 if self.v != 'V2' else r.randint(0, 26)
            local = None
            if r.random() < 0.55:
                od = arrive + r.randint(0, 3) if (self.v == 'V2' and r.random() < 0.35) else None
                local = self.acct(h, self.pick(['GXRCU', 'BBGB', 'ICBC', 'CCB', 'BOC', 'ABC', 'PSBC', 'GLB']),
                                  self.open_at_day(od) if od is not None and od < NDAYS else self.old_open(1, 8),
                                  self.pick(['450503', '450502']), arch='winter_retiree')
                d0 = max(arrive, int(self.A[local].opened // DAY) + 1)
                if d0 < NDAYS:
                    self.tx(self.T(d0, 'day'), home_acct, local, self.rnd(self.ln(15000, 0.5), 1000), 'mobile',
                            self.A[local].region, memo=self.pick(['', '转账', '生活费']))
                    if r.random() < 0.3:
                        self.tx(self.T(min(NDAYS - 1, d0 + r.randint(7, 20)), 'day'), home_acct, local, self.rnd(self.ln(8000, 0.5), 1000),
                                'mobile', self.A[local].region)
            payer = local or home_acct
            d0 = max(arrive, int(self.A[payer].opened // DAY) + 1)
            if d0 >= NDAYS:
                continue
            ll = self.pick(landlords + guests[:10])
            rent = self.rnd(self.ln(2600, 0.3), 100)
            months = self.pick([1, 1, 3, 3, 4])
            self.tx(self.T(d0, 'day'), payer, ll, rent * months if self.v != 'baseline' else rent, 'mobile', '450503', memo='房租')
            if local:
                for _ in range(self.pois(2.0)):
                    self.withdraw(self.T(r.randint(d0, NDAYS - 1), 'day'), local, self.rnd(self.ln(1000, 0.5), 100), self.A[local].region)
                self.spend(local, self.A[local].region, d0, NDAYS, 0.25, med=70)
                for _ in range(self.pois(1.0)):
                    sf = self.seafood[r.randrange(len(self.seafood))][0]
                    self.tx(self.T(r.randint(d0, NDAYS - 1), 'early'), local, sf, round(self.ln(150, 0.6), 2), 'mobile', None, memo='海鲜')

    def gen_restaurants(self, n):
        r = self.r
        self.restaurants = []
        for _ in range(n):
            city = self.wpick([('NN', 45), ('BH', 25), ('QZ', 12), ('FC', 6), ('DX', 7), ('PX', 5)])
            stall = r.random() < 0.6
            new = r.random() < 0.05
            a = self.gx_person(city, 'night_market_stall' if stall else 'restaurant_personal', 1968, 2000,
                               opened=self.open_at_day(r.randint(0, 15)) if new else None)
            reg = self.A[a].region
            self.restaurants.append((a, city))
            self.pool[city].append(a)
            d0 = max(0, int(self.A[a].opened // DAY) + 1)
            size = self.ln(1.0, 0.5)
            prof = 'night' if stall else 'evening'
            med = 38 if stall else 110
            cust = self.pool[city]
            for d in range(d0, NDAYS):
                tf = self.sf('tour', d) if city == 'BH' else 1.0
                if self.v == 'V3' and 25 <= d <= 27 and r.random() < 0.6:
                    continue
                for _ in range(self.pois(4.2 * self.act * size * (1.25 if self.wd(d) >= 4 else 1.0))):
                    if city == 'BH' and self.tourists and r.random() < 0.35 * tf:
                        payer = self.pick(self.tourists)
                    else:
                        payer = self.pick(cust)
                    if payer == a:
                        continue
                    self.tx(self.T(d, prof), payer, a, round(self.ln(med, 0.7), 2), 'mobile', reg)
                if r.random() < 0.7:
                    self.tx(self.T(d, 'early'), self.hub['tenpay'], a, round(self.ln(600 * size, 0.6), 2), 'other', reg, memo='零钱提现')
                if r.random() < 0.75:
                    sup = self.pick(self.veg[city]) if r.random() < 0.6 or city not in ('BH', 'QZ', 'DX', 'FC') else \
                        self.pick(self.restaurants_supply)
                    self.tx(self.T(d, 'early'), a, sup, round(self.ln(700 * size, 0.6), 2), 'mobile', reg, memo=self.pick(['货款', '菜钱', '']))
                if r.random() < 0.1:
                    self.deposit(self.T(d, 'counter'), a, self.rnd(self.ln(3000, 0.5), 100), reg, self.pick(['counter', 'atm']))

    def gen_landlords(self, per_city):
        r = self.r
        for city, n in per_city:
            tenants = list(self.renters.get(city, []))
            if not tenants or n <= 0:
                continue
            lls = []
            for _ in range(n):
                a = self.gx_person(city, 'landlord', 1950, 1985)
                lls.append(a)
                self.pool[city].append(a)
            weights = [r.paretovariate(1.3) for _ in lls]
            base = {'NN': 1500, 'BH': 1200, 'QZ': 1100, 'FC': 1100, 'DX': 1000, 'PX': 900, 'CZ': 800}[city]
            for ten, reg in tenants:
                ll = r.choices(lls, weights=weights)[0]
                rent = self.rnd(self.ln(base, 0.3), 100)
                d0 = max(0, int(self.A[ten].opened // DAY) + 1)
                for d in self.doms(r.randint(1, 10)) or [r.randint(0, 9)]:
                    if d >= d0:
                        self.tx(self.T(d, 'evening'), ten, ll, rent, 'mobile', reg, memo=self.pick(['房租', '房租', '租金', '']))
            for ll in lls:
                reg = self.A[ll].region
                self.utilities(ll, city)
                self.spend(ll, reg, 0, NDAYS, 0.25)
                if r.random() < 0.4:
                    self.tx(self.T(r.randint(10, NDAYS - 1), 'counter'), ll, self.second_acct(ll, arch='landlord'),
                            self.rnd(self.ln(10000, 0.5), 1000), 'counter', reg, memo='转存')

    def gen_family_events(self, n):
        r = self.r
        for _ in range(n):
            city = self.pick(['NN', 'NN', 'QZ', 'BH', 'FC', 'DX', 'CZ'])
            cands = self.pool[city]
            if len(cands) < 30:
                continue
            host = self.pick(cands)
            reg = self.A[host].region
            kind = self.wpick([('wedding', 40), ('car', 25), ('flat', 25), ('medical', 10)])
            d = r.randint(0, NDAYS - 5)
            if self.A[host].opened > d * DAY:
                continue
            if kind == 'wedding':
                ts = self.T(d, 'evening')
                for _ in range(r.randint(12, 45)):
                    g = self.pick(cands) if r.random() < 0.7 else self.nat('wedding_guest', 0.5)
                    if g == host:
                        continue
                    self.tx(ts + r.randint(0, 2 * DAY), g, host, self.pick([200, 500, 600, 666, 800, 888, 1000, 1000, 1888, 2000, 2888]),
                            'mobile', None, memo=self.pick(['红包', '新婚快乐', '贺礼', '']))
                self.tx(ts + r.randint(2 * DAY, 4 * DAY), host, self.pick(self.hotels), self.rnd(self.ln(45000, 0.4), 100), 'counter', reg, memo='婚宴')
                if r.random() < 0.6:
                    self.tx(ts + r.randint(DAY, 4 * DAY), host, self.pick(self.jewelry), round(self.ln(18000, 0.5), 2), 'pos', reg, memo='三金')
            else:
                ts = self.T(d, 'day')
                fam = [self.pick(cands) for _ in range(r.randint(2, 5))]
                tot = 0
                for f in fam:
                    if f == host:
                        continue
                    x = self.rnd(self.ln(30000, 0.6), 1000)
                    if self.tx(ts + r.randint(0, 2 * DAY), f, host, x, self.pick(['mobile', 'counter', 'online']), None,
                               memo=self.pick(['', '借你', '首付', '买车', '医药费'])):
                        tot += x
                payee = {'car': self.pick(self.car_dealers), 'flat': self.pick(self.developers),
                         'medical': self.pick(self.hospitals)}[kind]
                amt = self.rnd(tot + self.ln(50000, 0.6), 1000 if kind != 'medical' else 1)
                self.tx(ts + r.randint(2 * DAY + 3600, 4 * DAY), host, payee, amt, 'counter', reg,
                        memo={'car': '购车款', 'flat': '购房定金', 'medical': '住院押金'}[kind])

    def gen_red_envelopes(self):
        """Spring Festival red envelopes between family members (V3)."""
        r = self.r
        for a, fam in self.families:
            if r.random() > 0.55:
                continue
            for _ in range(r.randint(1, 6)):
                d = r.randint(24, 29)
                x, y = (fam, a) if r.random() < 0.6 else (a, fam)
                self.tx(self.T(d, 'evening'), x, y, self.pick(RED_ENV), 'mobile', None, memo=self.pick(['红包', '压岁钱', '新年快乐', '']))
        # elders receiving from many relatives
        for city in ['NN', 'QZ', 'BH', 'CZ', 'GO']:
            cands = self.pool[city]
            for _ in range(25):
                if len(cands) < 20:
                    break
                elder = self.pick(cands)
                for _ in range(r.randint(5, 18)):
                    g = self.pick(cands)
                    if g != elder:
                        self.tx(self.T(r.randint(25, 29), 'evening'), g, elder, self.pick(RED_ENV[6:]), 'mobile', None, memo='红包')

    def gen_online_sellers(self, n):
        r = self.r
        self.online_sellers = []
        for _ in range(n):
            city = self.pick(['BH', 'BH', 'DX', 'DX', 'QZ', 'NN', 'PX'])
            new = r.random() < 0.2
            od = r.randint(0, 12) if new and r.random() < 0.6 else (r.randint(-60, -5) if new else None)
            a = self.gx_person(city, 'online_seller', 1980, 2001, opened=self.open_at_day(od) if od is not None else None)
            reg = self.A[a].region
            self.online_sellers.append(a)
            d0 = max(0, int(self.A[a].opened // DAY) + 1)
            goods = self.pick(['海鲜干货', '沙虫干', '越南咖啡', '越南腰果', '海鸭蛋', '红木手串', '百香果', '芒果干'])
            size = self.ln(1.0, 0.5)
            for d in range(d0, NDAYS):
                for _ in range(self.pois(1.7 * size * self.sf('online', d))):
                    b = self.pick(self.tourists) if self.tourists and r.random() < 0.25 else self.nat('online_buyer', 0.2)
                    self.tx(self.T(d, 'evening'), b, a, round(self.ln(160, 0.7), 2), 'mobile', None, memo=self.pick([goods, '', '', '货款']))
                if r.random() < 0.5:
                    self.tx(self.T(d, 'day'), self.hub['alipay'], a, round(self.ln(500 * size, 0.6), 2), 'other', reg, memo='提现')
                if r.random() < 0.3:
                    self.tx(self.T(d, 'day'), a, self.pick(self.courier), round(self.ln(300, 0.6), 2), 'mobile', reg, memo='快递费')
                if r.random() < 0.12 and self.seafood:
                    self.tx(self.T(d, 'early'), a, self.pick(self.seafood)[0], round(self.ln(2000, 0.6), 2), 'mobile', reg, memo='进货')

    def gen_exchange_shops(self, n):
        r = self.r
        for _ in range(n):
            city = self.pick(['DX', 'DX', 'PX'])
            a = self.gx_person(city, 'currency_exchange_shop', 1965, 1990)
            reg = self.A[a].region
            a2 = self.second_acct(a)
            partner = self.vn_acct(reg, 'vn_exchange_partner')
            for d in range(NDAYS):
                f = min(1.5, self.sf('border', d))
                for _ in range(self.pois(3.0 * f)):
                    payer = self.pick(self.tourists) if self.tourists and r.random() < 0.4 else self.pick(self.pool[city] or self.tourists)
                    self.tx(self.T(d, 'any'), payer, self.pick([a, a, a2]), self.rnd(self.ln(3000, 0.8), 100), 'mobile', None,
                            memo=self.pick(['', '', '换越南盾', '兑换']))
                if r.random() < 0.3 * f:
                    self.tx(self.T(d, 'day'), a, partner, self.rnd(self.ln(60000, 0.5), 1000), 'online', reg, xb=True, memo='往来款')
                if r.random() < 0.3:
                    self.withdraw(self.T(d, 'counter'), a, self.rnd(self.ln(40000, 0.5), 1000), reg, 'counter')
                if r.random() < 0.3:
                    self.tx(self.T(d, 'evening'), a2, a, self.rnd(self.ln(20000, 0.6), 100), 'mobile', reg)

    def gen_merchants(self, n):
        r = self.r
        for _ in range(n):
            city = self.wpick([('NN', 45), ('BH', 15), ('QZ', 14), ('FC', 10), ('DX', 8), ('PX', 4), ('CZ', 4)])
            if r.random() < 0.5:
                a = self.gx_corp(city, 'shop_merchant', indiv=True)
            else:
                a = self.gx_person(city, 'shop_merchant_personal', 1965, 1998)
            reg = self.A[a].region
            acq = self.hub[self.pick(['lakala', 'ums', 'tenpay', 'alipay'])]
            size = self.ln(1.0, 0.6)
            sup = self.pick(self.veg[city])
            if not hasattr(self, 'whs_all'):
                self.whs_all = [self.remote_corp(self.pick(['GD', 'GD', 'ZJ', 'FJ', 'HN']), 'wholesale_supplier') for _ in range(40)]
            whs = [self.pick(self.whs_all) for _ in range(r.randint(1, 3))]
            for d in range(NDAYS):
                if r.random() < 0.9:
                    self.tx(self.T(d, 'batch'), acq, a, round(self.ln(1800 * size, 0.5), 2), 'other', reg, memo='商户结算')
                for _ in range(self.pois(0.4 * self.act)):
                    self.tx(self.T(d, 'day'), self.pick(self.pool[city]), a, round(self.ln(90, 0.8), 2), 'mobile', None)
                if r.random() < 0.2:
                    self.tx(self.T(d, 'day'), a, sup if r.random() < 0.5 else self.pick(whs),
                            round(self.ln(6000 * size, 0.6), 2), 'online', reg, memo='货款')
            self.utilities(a, city)

    # ------------------------------------------------------------------ fraud
    def new_mule(self, typ, syn, t, layer, gx_prob):
        """Create a fraud-network account usable from about time t."""
        r = self.r
        fp = self.fp
        gx = r.random() < gx_prob
        if typ == 'paofen':
            city = self.pick(['NN', 'NN', 'QZ', 'BH', 'FC', 'GO'])
            cands = [x for x in self.young[city] if self.A[x].role == 'lawful' and self.A[x].opened < t - 3 * DAY
                     and self.A[x].arch in ('student', 'worker_office', 'worker_electronics', 'worker_port', 'worker_college')]
            if cands:
                aid = self.pick(cands)
                a = self.A[aid]
                a.role, a.arch = 'paofen', a.arch + '+paofen'
            else:
                aid = self.gx_person(city, 'paofen', 1995, 2005, opened=t - r.randint(30, 400) * DAY)
                a = self.A[aid]
                a.role = 'paofen'
            a.typ = 'paofen'
            a.a0 = t - r.randint(0, 6 * HOUR)
            a.a1 = a.a0 + int(r.uniform(3, 15) * DAY)
            a.cap = r.randint(6, 30)
            # deposit (押金) to the platform
            if self.tx(a.a0 - r.randint(10 * MIN, 3 * HOUR), aid, syn.handler, self.pick([500, 1000, 1000, 2000, 3000]),
                       'mobile', a.region, memo='', tk='layering'):
                pass
        elif typ == 'farmer':
            cands = [x for x in syn.pools.get('idle_farmer', []) if self.A[x].opened < t - HOUR]
            if not cands:
                return self.new_mule('fresh', syn, t, layer, gx_prob)
            aid = cands[0]
            syn.pools['idle_farmer'].remove(aid)
            a = self.A[aid]
        else:
            if gx:
                city = self.wpick([('NN', 40), ('QZ', 14), ('BH', 12), ('FC', 7), ('DX', 6), ('PX', 5), ('CZ', 8), ('GO', 8)])
                reg = self.region_of_city(city)
                home = reg if r.random() < 0.55 else self.pick(PROV[self.pick(['HN', 'GZ', 'YN', 'GD', 'HA', 'SC', 'JX', 'HB'])] + ALL_GX)
                bank = self.local_bank()
            else:
                prov = self.rprov(excl=('BJ', 'SH', 'TJ'))
                reg = self.pick(PROV[prov])
                home = reg if r.random() < 0.7 else self.pick(PROV[self.rprov()])
                bank = self.remote_bank(prov)
            y0, y1 = (1990, 2005) if typ == 'fresh' else (1965, 2002)
            h = self.holder(home, y0=y0, y1=y1)
            if typ == 'fresh':
                op = t - int(r.uniform(0.3, 8) * DAY)
                op = self.T(int(op // DAY), 'counter') if r.random() < 0.8 else op
                op = min(op, t - 20 * MIN)
            elif typ == 'aged':
                op = t - int(r.uniform(20, 110) * DAY)
            else:
                op = self.old_open(1, 12)
            aid = self.acct(h, bank, op, reg, role='mule', arch='mule_' + typ)
            a = self.A[aid]
            a.typ = typ
            if typ == 'rented':
                self.owner_life(aid, 0, max(0, int(t // DAY) - r.randint(0, 5)))
            if typ == 'aged':
                # test transfers (养卡) from the handler
                tt = max(op + DAY, t - int(r.uniform(2, 15) * DAY))
                for _ in range(r.randint(1, 3)):
                    x = self.pick([0.01, 1, 1, 5, 10, 10, 50, 88])
                    if self.tx(tt, syn.handler, aid, x, 'mobile', None, tk='layering') and r.random() < 0.5:
                        self.tx(tt + r.randint(60, 3600), aid, syn.handler, x, 'mobile', None, tk='layering')
                    tt += r.randint(HOUR, 3 * DAY)
                    if tt >= t:
                        break
        a = self.A[aid]
        a.synd = syn.sid
        a.layer = layer
        if typ != 'paofen':
            lo, hi = fp['active']
            if typ in ('rented', 'sold'):
                lo, hi = lo * 1.5, hi * 1.5
            if layer != 1:
                lo, hi = lo * 1.8, hi * 2.0
            a.a0 = max(a.opened + 10 * MIN, t - r.randint(0, 2 * HOUR))
            a.a1 = a.a0 + int(r.uniform(lo, hi) * DAY)
            a.cap = r.randint(2, 14) if layer == 1 else r.randint(8, 45)
        syn.pools.setdefault(layer, []).append(aid)
        return aid

    def owner_life(self, aid, d0, d1):
        """Light ordinary use of an account by its real owner (before it is rented out)."""
        r = self.r
        a = self.A[aid]
        d0 = max(d0, int(a.opened // DAY) + 1, 0)
        if d1 <= d0:
            return
        reg = a.region
        if r.random() < 0.5:
            src = self.remote_corp(self.prov_of(reg), 'employer') if reg[:2] != '45' else self.pick(self.employers)['acct']
            d = r.randint(d0, d1 - 1)
            self.tx(self.T(d, 'batch'), src, aid, round(self.ln(3500, 0.3), 2), 'other', None, memo='工资')
        self.spend(aid, reg, d0, d1, 0.2)

    def gen_farmers(self, syns):
        r = self.r
        self.farmers = []
        for i in range(self.fp['farmers']):
            syn = syns[i % len(syns)]
            home = self.pick(PROV[self.pick(['HB', 'HN', 'HA', 'JX', 'AH', 'HL', 'NM', 'SC', 'GZ'])])
            h = self.holder(home, y0=1980, y1=2003)
            self.H[h]['farmer'] = True
            start = r.randint(-60, 18)
            ncards = r.randint(*self.fp['cards'])
            cities = r.sample(['NN', 'QZ', 'BH', 'FC', 'DX', 'CZ'], r.randint(2, 3))
            banks = r.sample([b for b, _ in LOCAL_BANK_W], r.randint(2, 4))
            # bias towards banks people open cards at easily: keep a supplier in most sets
            if not any(b in self.xstart for b in banks) and r.random() < 0.8:
                banks[0] = self.pick(self.suppliers)
            cards = []
            d = start
            for k in range(ncards):
                if k and r.random() < 0.55:
                    d += r.randint(0, 2)
                city = cities[min(len(cities) - 1, k * len(cities) // ncards)]
                aid = self.acct(h, self.pick(banks), self.open_at_day(d), self.region_of_city(city), role='farmer_card',
                                arch='farmer_card')
                self.A[aid].typ = 'farmer'
                cards.append(aid)
            # his own account at home stays in ordinary use elsewhere
            own = self.acct(h, self.remote_bank(self.prov_of(home)), self.old_open(2, 10), home, arch='card_farmer_own')
            self.spend(own, home, 0, NDAYS, 0.1)
            self.farmers.append((h, cards, syn))
            syn.pools.setdefault('idle_farmer', []).extend(cards)
        for syn in syns:
            syn.pools['idle_farmer'].sort(key=lambda x: self.A[x].opened)

    def gen_fraud(self):
        r = self.r
        fp = self.fp
        syns = []
        for i in range(fp['synd']):
            s = Synd(i)
            s.pools['idle_farmer'] = []
            s.depth = r.randint(*fp['depth'])
            far = r.sample(FAR_CASH, 2)
            border = r.sample(BORDER_CASH, 2 if self.v == 'V3' else 1)
            s.cash = far + border
            hp = self.rprov(excl=('GX',))
            hh = self.holder(self.pick(PROV[hp]), y0=1975, y1=2000)
            s.handler = self.acct(hh, self.remote_bank(hp), self.old_open(1, 6), self.pick(PROV[hp]), role='mule', arch='mule_handler')
            self.A[s.handler].synd = i
            self.A[s.handler].layer = 9
            for _ in range(r.randint(2, 3)):
                b = self.pick(['HUIJUPAY', 'YUNXIPAY', 'LAKALA', 'ALIPAY', 'TENPAY'])
                reg = self.pick(PROV[self.pick(['GD', 'FJ', 'HN', 'YN', 'ZJ'])])
                s.merchants.append(self.acct(self.holder(reg, corp=True), b, self.old_open(0.2, 3), reg, role='fraud_exit',
                                             arch='exit_payment_merchant', corp=True))
            for _ in range(r.randint(2, 4)):
                if r.random() < 0.45:
                    city = self.pick(['NN', 'NN', 'BH', 'QZ', 'DX', 'PX'])
                    aid = self.gx_person(city, 'exit_usdt_seller', 1980, 2000)
                    self.A[aid].role = 'fraud_exit'
                else:
                    aid = self.remote_person(self.pick(['GD', 'FJ', 'ZJ', 'HN', 'SC', 'YN']), 'exit_usdt_seller', 1980, 2000)
                    self.A[aid].role = 'fraud_exit'
                s.usdt.append(aid)
                # ordinary crypto buyers also pay them
                for _ in range(r.randint(2, 8)):
                    self.tx(self.T(r.randint(0, NDAYS - 1), 'any'), self.nat('crypto_buyer', 0.5, 1975, 2003), aid,
                            round(self.pick([500, 1000, 2000, 3000, 5000]) * r.uniform(7.18, 7.32), 2), 'mobile', None)
            syns.append(s)
        self.syns = syns
        self.gen_farmers(syns)
        # paofen participants are recruited lazily as victims' payments need them
        # victims
        events = []
        seq = [0]

        def push(t, typ, payload):
            seq[0] += 1
            heapq.heappush(events, (t, seq[0], typ, payload))

        vweights = [w for _, w, _ in VTYPES]
        self.victims = []
        for vi in range(fp['victims']):
            vt, _, small = r.choices(VTYPES, weights=vweights)[0]
            syn = self.pick(syns)
            local = r.random() < 0.09
            if local:
                city = self.pick(['NN', 'NN', 'QZ', 'BH', 'FC', 'GO'])
                cands = [x for x in (self.young[city] if vt in ('brushing', 'credit_record', 'game_trade', 'fake_job') else self.pool[city])
                         if self.A[x].role == 'lawful']
                vacct = self.pick(cands) if cands else self.remote_person(None, 'victim')
            elif vt == 'leader_acquaintance' and r.random() < 0.45:
                vacct = self.remote_corp(None, 'victim_company')
            else:
                y0, y1 = {'police_gov': (1950, 1995), 'subsidy_refund': (1945, 1970), 'accident_kidnap': (1950, 1975),
                          'game_trade': (1998, 2008), 'credit_record': (1993, 2004), 'brushing': (1985, 2003)}.get(vt, (1960, 2000))
                vacct = self.remote_person(None, 'victim', y0, y1)
            va = self.A[vacct]
            va.arch = (va.arch + '+victim_' + vt) if va.arch else 'victim_' + vt
            plan = self.victim_plan(vt)
            d0 = r.randint(0, NDAYS - 1)
            prof = plan[0][3]
            t = self.T(d0, prof)
            t = max(t, va.opened + DAY)
            reported = r.random() < fp['report']
            pays = []
            vreg = va.region
            second = None
            if len(plan) >= 3 and r.random() < 0.25:
                second = self.second_acct(vacct, arch=va.arch, region=vreg)
            for k, (gap, amt, ch, prof_, memo) in enumerate(plan):
                if gap >= 18 * HOUR:
                    t = self.T(int((t + gap) // DAY), prof_)
                else:
                    t += gap
                payer = vacct if (second is None or k % 2 == 0) else second
                pays.append(t)
                push(t, 'vp', (payer, amt, ch, memo, syn, vt, small, vi, k))
            if not local and r.random() < 0.3:
                # the victim first gathers money from relatives or a second card
                rel = self.remote_person(self.prov_of(vreg), 'victim_relative')
                self.tx(pays[0] - r.randint(10 * MIN, DAY), rel, vacct, self.rnd(plan[0][1] * r.uniform(0.5, 1.0), 1000),
                        'mobile', None, memo=self.pick(['借款', '', '急用']))
            self.victims.append(dict(acct=vacct, vt=vt, reported=reported, syn=syn.sid, pays=pays))
        self.bal = {}
        self.pending = {}
        self.daycash = {}
        self.victim_tx = {}
        self._push = push
        while events:
            t, _, typ, p = heapq.heappop(events)
            if t >= END:
                continue
            if typ == 'vp':
                self.victim_pay(t, *p)
            elif typ == 'sweep':
                self.sweep(t, p)
            elif typ == 'cash':
                self.cash(t, p)
            elif typ == 'bait':
                a, v, amt = p
                if self.bal.get(a, 0) >= int(amt * 100) + 100:
                    if self.tx(t, a, v, amt, 'mobile', None, memo=self.pick(['佣金', '返利', '']), tk='layering'):
                        self.bal[a] -= int(round(amt * 100))

    def victim_plan(self, vt):
        """List of (gap seconds from previous, amount, channel, time profile, memo)."""
        r = self.r
        rep = self.fp['repeat']
        slow = self.v == 'V2'
        out = []

        def n_of(lo, hi):
            n = r.randint(lo, hi)
            if rep > 1.0 and r.random() < 0.9:
                n = max(2, int(round((n + 1) * r.uniform(1.1, rep))))
            return n

        def gap(fast_lo, fast_hi, slow_lo=None, slow_hi=None):
            if slow and slow_lo is not None and r.random() < 0.7:
                return int(r.uniform(slow_lo, slow_hi))
            return int(r.uniform(fast_lo, fast_hi))

        ch_mob = lambda: self.wpick([('mobile', 78), ('online', 17), ('counter', 5)])
        if vt == 'brushing':
            n = n_of(1, 4)
            x = self.pick([98, 100, 200, 298, 300, 500])
            for k in range(n):
                out.append((0 if k == 0 else gap(8 * MIN, 90 * MIN, 6 * HOUR, 3 * DAY), round(x, 2), ch_mob(), 'evening',
                            self.pick(['', '', '任务单', '货款'])))
                x = min(80000, self.rnd(x * r.uniform(2.2, 4.5), self.pick([1, 10, 100])))
        elif vt in ('investment', 'romance'):
            n = n_of(1, 3) if vt == 'investment' else n_of(1, 4)
            x = self.rnd(self.ln(20000 if vt == 'investment' else 12000, 0.7), 1000)
            cap = self.pick([60000, 100000, 150000, 200000, 300000, 500000])
            for k in range(n):
                g = 0 if k == 0 else gap(DAY, 5 * DAY, 2 * DAY, 7 * DAY)
                ch = self.wpick([('mobile', 60), ('online', 28), ('counter', 12)])
                if x > 50000 and ch != 'counter':
                    parts = int(math.ceil(x / 50000.0))
                    for j in range(parts):
                        out.append((g if j == 0 else int(r.uniform(60, 15 * MIN)), min(50000, x - 50000 * j), ch, 'day',
                                    self.pick(['', '投资款', '充值', '入金'])))
                else:
                    out.append((g, x, ch, 'day' if vt == 'investment' else 'evening', self.pick(['', '投资款', '', '借款'])))
                x = min(max(cap, x), self.rnd(x * r.uniform(1.3, 2.8), 1000))
        elif vt in ('police_gov', 'parcel', 'phone_bill'):
            total = self.rnd(self.ln(90000 if vt != 'phone_bill' else 40000, 0.8), self.pick([1, 100, 1000]))
            ch = self.wpick([('counter', 35), ('online', 25), ('mobile', 40)])
            left, k = total, 0
            while left > 0:
                x = left if ch == 'counter' else min(left, self.pick([50000, 50000, 49999, 20000]))
                out.append((0 if k == 0 else gap(5 * MIN, 50 * MIN, 20 * HOUR, 2 * DAY), x, ch, 'office', self.pick(['', '', '资金清查', '安全账户'])))
                left -= x
                k += 1
                if k >= 8:
                    break
        elif vt == 'ecommerce_cs' or vt == 'credit_record':
            n = n_of(1, 3)
            for k in range(n):
                out.append((0 if k == 0 else gap(5 * MIN, 40 * MIN, 3 * HOUR, DAY),
                            round(self.ln(14000, 0.7), self.pick([0, 2])), ch_mob(), 'day', self.pick(['', '', '退款', '注销'])))
        elif vt == 'loan_card':
            n = n_of(2, 4)
            for k, base in enumerate([self.pick([380, 480, 500, 980, 1000]), self.pick([2000, 3000, 5000]),
                                      self.pick([3000, 5000, 8000]), self.pick([6000, 10000])][:n]):
                out.append((0 if k == 0 else gap(20 * MIN, DAY, DAY, 3 * DAY), base, ch_mob(), 'day',
                            self.pick(['手续费', '保证金', '解冻费', '', '验资'])))
            for k in range(4, n):
                out.append((gap(HOUR, DAY, DAY, 3 * DAY), self.pick([5000, 8000, 10000]), ch_mob(), 'day', ''))
        elif vt == 'leader_acquaintance':
            n = n_of(1, 2)
            for k in range(n):
                out.append((0 if k == 0 else gap(10 * MIN, 2 * HOUR, 3 * HOUR, DAY),
                            self.rnd(self.ln(60000, 0.7), self.pick([1000, 10000])), 'online', 'office', self.pick(['', '货款', '借款'])))
        elif vt in ('game_trade', 'shopping_service', 'fake_job', 'prize'):
            n = n_of(1, 3)
            for k in range(n):
                out.append((0 if k == 0 else gap(10 * MIN, 3 * HOUR, 5 * HOUR, 2 * DAY),
                            round(self.ln(900, 0.8), self.pick([0, 0, 2])), ch_mob(), 'evening',
                            self.pick(['', '', '定金', '手续费', '保证金'])))
        elif vt == 'subsidy_refund':
            n = n_of(1, 2)
            for k in range(n):
                out.append((0 if k == 0 else gap(10 * MIN, HOUR), self.rnd(self.ln(12000, 0.6), 100), 'atm', 'office', ''))
        elif vt in ('accident_kidnap', 'military_purchase'):
            n = n_of(1, 2)
            for k in range(n):
                out.append((0 if k == 0 else gap(20 * MIN, 3 * HOUR, 5 * HOUR, DAY),
                            self.rnd(self.ln(30000, 0.6), 1000), self.wpick([('mobile', 60), ('counter', 40)]), 'day',
                            self.pick(['', '医药费', '货款'])))
        out = [(g, max(1.0, float(a)), c, p, m) for g, a, c, p, m in out]
        return out

    def pick_account(self, syn, layer, t, typ_pairs, gx_prob, small=False, prefer=None):
        r = self.r
        if prefer and self.A[prefer].a0 <= t <= self.A[prefer].a1 and r.random() < 0.4:
            return prefer
        typ = self.wpick(typ_pairs)
        if layer == 1 and small and r.random() < 0.45:
            typ = 'paofen'
        if typ == 'paofen' and not small:
            typ = 'fresh'
        pool = syn.pools.get(layer, [])
        if layer == 1:
            live = [x for x in pool if self.A[x].a0 <= t <= self.A[x].a1 and self.A[x].uses < self.A[x].cap
                    and (self.A[x].typ == typ or r.random() < 0.4) and (small or self.A[x].typ != 'paofen')]
            reuse = 0.8
        else:
            live = [x for x in pool if self.A[x].a0 <= t <= self.A[x].a1 and self.A[x].uses < self.A[x].cap]
            reuse = 0.93
        if live and r.random() < reuse:
            return self.pick(live)
        return self.new_mule(typ, syn, t, layer, gx_prob)

    def credit(self, t, aid, c):
        self.bal[aid] = self.bal.get(aid, 0) + c
        if not self.pending.get(aid):
            a = self.A[aid]
            self.pending[aid] = True
            if a.layer == 'carrier':
                med, sig = self.fp['dc']
                self._push(t + max(60, int(self.ln(med, sig))), 'cash', aid)
            else:
                med, sig = self.fp['d1'] if a.layer == 1 else self.fp['d2']
                if a.typ == 'paofen':
                    med, sig = 6 * MIN, 0.7
                self._push(t + max(40, int(self.ln(med, sig))), 'sweep', aid)

    def ftx(self, t, frm, to, amt, tk, ch='mobile', reg=None, memo=None):
        a = self.A[frm]
        if reg is None:
            u = self.r.random()
            reg = a.region if u < 0.6 else ('' if u < 0.75 else self.pick(self.syns[a.synd].cash if a.synd is not None else BORDER_CASH))
        if memo is None:
            memo = self.pick(MULE_MEMOS)
        if self.tx(t, frm, to, amt, ch, reg, memo=memo, tk=tk):
            c = int(round(amt * 100))
            self.bal[frm] = self.bal.get(frm, 0) - c
            self.A[to].uses += 1
            if self.A[to].role in ('mule', 'paofen', 'farmer_card'):
                self.credit(t, to, c)
            return True
        return False

    def victim_pay(self, t, payer, amt, ch, memo, syn, vt, small, vi, k):
        r = self.r
        prev = self.victim_tx.get(vi)
        prefer = prev[-1][1] if prev else None
        smallpay = small and amt <= 8000
        if vt in ('shopping_service', 'game_trade') and r.random() < 0.1:
            dest = self.pick(syn.merchants)
        else:
            dest = self.pick_account(syn, 1, t, self.fp['l1mix'], self.fp['gx_l1'], smallpay, prefer)
        reg = self.A[payer].region if ch != 'mobile' or r.random() < 0.9 else ''
        if self.tx(t, payer, dest, amt, ch, reg, memo=memo, tk='victim_payment'):
            self.victim_tx.setdefault(vi, []).append((len(self.txs) - 1, dest))
            self.A[dest].uses += 1
            if self.A[dest].role != 'fraud_exit':
                self.credit(t, dest, int(round(amt * 100)))
            if vt == 'brushing' and k == 0 and r.random() < 0.7 and self.A[dest].role != 'fraud_exit':
                self._push(t + r.randint(4 * MIN, 25 * MIN), 'bait', (dest, payer, round(amt * r.uniform(1.05, 1.3), 2)))

    def split(self, c, k):
        """Split c fen into k parts, many rounded to hundreds."""
        r = self.r
        if k <= 1:
            return [c]
        ws = [r.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        left = c
        for w in ws[:-1]:
            p = int(c * w / s)
            if r.random() < 0.6:
                p = (p // 10000) * 10000
            p = max(100, min(p, left - 100 * (k - len(parts))))
            parts.append(p)
            left -= p
        parts.append(left)
        return [p for p in parts if p > 0]

    def sweep(self, t, aid):
        r = self.r
        fp = self.fp
        a = self.A[aid]
        self.pending[aid] = False
        c = self.bal.get(aid, 0)
        syn = self.syns[a.synd]
        if a.typ == 'paofen':
            keep = int(c * r.uniform(0.008, 0.03))
        else:
            keep = self.pick([0, 0, 0, 100, 500, 1000, 2000, 5000])
        c -= keep
        if c < (5000 if a.typ == 'paofen' else 30000):
            return      # a small residue stays behind (balance near zero)
        layer = a.layer if isinstance(a.layer, int) else 1
        go_exit = layer >= syn.depth or (layer == 1 and r.random() < fp['direct'])
        if a.typ == 'paofen':
            go_exit = False
        t += r.randint(0, 90)
        if go_exit:
            ex = self.wpick(fp['exits'])
            if ex == 'atm':
                tgt = self.pick_carrier(syn, t)
                self.ftx(t, aid, tgt, c / 100.0, 'layering')
            elif ex == 'merchant':
                k = r.randint(1, 3)
                for p in self.split(c, k):
                    self.ftx(t, aid, self.pick(syn.merchants), p / 100.0, 'cashout', 'online',
                             memo=self.pick(['', '', '货款', '充值', '服务费']))
                    t += r.randint(30, 8 * MIN)
            else:
                rate = r.uniform(7.18, 7.32)
                left = c
                while left >= 100000:
                    u = max(100, int(left / 100.0 / rate / 100) * 100)
                    if u * rate * 100 > left:
                        u -= 100
                    if u <= 0:
                        break
                    amt = round(u * rate, 2)
                    if not self.ftx(t, aid, self.pick(syn.usdt), amt, 'cashout', self.pick(['mobile', 'online']), memo=''):
                        break
                    left -= int(round(amt * 100))
                    t += r.randint(60, 20 * MIN)
                    if r.random() < 0.4:
                        break
            return
        nxt = layer + 1
        if a.typ == 'paofen':
            tgt = self.pick_account(syn, 2, t, fp['l2mix'], fp['gx_l2'])
            self.ftx(t, aid, tgt, c / 100.0, 'layering')
            return
        lo, hi = fp['split']
        k = r.randint(lo, hi) if layer == 1 else r.randint(1, max(1, hi - 2))
        parts = self.split(c, k)
        gather = None
        if nxt == syn.depth and r.random() < 0.5:
            gather = self.pick_account(syn, nxt, t, fp['l2mix'], fp['gx_l2'])
        for p in parts:
            tgt = gather or self.pick_account(syn, nxt, t, fp['l2mix'], fp['gx_l2'])
            if tgt == aid:
                continue
            self.ftx(t, aid, tgt, p / 100.0, 'layering')
            t += r.randint(20, 6 * MIN)
        # an occasional loop back into an earlier layer
        if r.random() < 0.03 and layer >= 2:
            back = [x for x in syn.pools.get(1, []) if self.A[x].a0 <= t <= self.A[x].a1 and x != aid]
            if back and self.bal.get(aid, 0) > 20000:
                self.ftx(t + 60, aid, self.pick(back), self.bal[aid] / 200.0, 'layering')

    def pick_carrier(self, syn, t):
        r = self.r
        pool = syn.pools.get('carrier', [])
        live = [x for x in pool if self.A[x].a0 <= t <= self.A[x].a1]
        if live and r.random() < 0.88:
            return self.pick(live)
        typ = self.wpick(self.fp['l2mix'])
        aid = self.new_mule(typ, syn, t, 'carrier', self.fp['gx_l2'])
        self.A[aid].layer = 'carrier'
        return aid

    def cash(self, t, aid):
        r = self.r
        a = self.A[aid]
        self.pending[aid] = False
        syn = self.syns[a.synd]
        c = self.bal.get(aid, 0)
        if c < 100000:
            return
        reg = self.pick(syn.cash)
        day = int(t // DAY)
        used = self.daycash.get((aid, day), 0)
        if c >= 3000000 and r.random() < 0.35 and 9 <= (t % DAY) // HOUR <= 16:
            x = min(c, r.randint(4500000, 4990000)) // 100 * 100
            if self.tx(t, aid, '', x / 100.0, 'counter', reg, 'withdrawal', '', False, 'cashout'):
                self.bal[aid] -= x
                c -= x
        chunk = self.pick([200000, 250000, 250000, 300000, 500000])
        limit = 2000000
        while c >= chunk and used + chunk <= limit:
            if not self.tx(t, aid, '', chunk / 100.0, 'atm', reg, 'withdrawal', '', False, 'cashout'):
                break
            self.bal[aid] -= chunk
            c -= chunk
            used += chunk
            t += r.randint(25, 4 * MIN)
            if r.random() < 0.15:
                reg = self.pick(syn.cash)
        self.daycash[(aid, day)] = used
        if c >= 100000:
            nd = day + 1
            self.pending[aid] = True
            self._push(nd * DAY + self.pick([0, 1, 2, 3, 21, 22, 23]) * HOUR + r.randrange(HOUR), 'cash', aid)

    # ------------------------------------------------------------------ assembling
    def build(self):
        sc = 1.0
        self.gen_infra()
        self.truckers = []
        self.gen_truckers_agents(int(26 * sc), int(230 * sc))
        self.gen_workers(int(1150 * sc))
        self.gen_pensioners(int(430 * sc))
        self.gen_students(int(680 * sc))
        self.gen_migrants(int(300 * sc))
        self.gen_fishers(int(260 * sc))
        self.gen_seafood(int(26 * sc))
        self.gen_fruit_importers(int(28 * sc))
        self.gen_mahogany(int(12 * sc))
        self.gen_border_residents(int(330 * sc))
        self.gen_cane(6, int(320 * sc), int(26 * sc))
        rt = {'baseline': 40, 'V2': 120, 'V3': 140}[self.v]
        nt = {'baseline': 1000, 'V2': 650, 'V3': 440}[self.v]
        self.gen_tourism(int(80 * sc), int(24 * sc), int(80 * sc), int(nt * sc), int(rt * sc))
        self.gen_restaurants(int(140 * sc))
        self.gen_landlords([('NN', 60), ('BH', 14), ('QZ', 16), ('FC', 10), ('DX', 5), ('PX', 4), ('CZ', 3)])
        self.gen_family_events(int(45 * sc))
        if self.v == 'V3':
            self.gen_red_envelopes()
        self.gen_online_sellers(int(40 * sc))
        self.gen_exchange_shops(7)
        self.gen_merchants(int(200 * sc))
        self.cane_leaders_payout()
        self.gen_dormant(int(300 * sc), 14)
        self.gen_fraud()

    # ------------------------------------------------------------------ censoring, balances, labels
    def finish(self):
        r = self.r
        inscope = {aid: self.in_scope(aid) for aid in self.A}
        vis = []
        for i, t in enumerate(self.txs):
            ts, frm, to = t[0], t[1], t[2]
            ok = False
            for x in (frm, to):
                if x and inscope[x] and ts >= self.xstart[self.A[x].bank]:
                    ok = True
                    break
            if ok:
                vis.append(i)
        self.vis = vis
        named = {}
        for i in vis:
            t = self.txs[i]
            if t[1]:
                named[t[1]] = True
            if t[2]:
                named[t[2]] = True
        rows = {}
        for aid, a in self.A.items():
            if inscope[aid] and (aid in named or a.region[:2] == '45'):
                rows[aid] = True
        self.rows = rows
        # balances: per row account walk the visible transfers
        per = {}
        for i in vis:
            t = self.txs[i]
            if t[1] in rows:
                per.setdefault(t[1], []).append(i)
            if t[2] in rows:
                per.setdefault(t[2], []).append(i)
        self.obal = {}
        added = []
        self.maxday_out = {}
        self.maxbal = {}
        self.has_counter = {}
        for aid in rows:
            a = self.A[aid]
            lst = per.get(aid, [])
            lst.sort(key=lambda i: (self.txs[i][0], 0 if self.txs[i][2] == aid else 1, i))
            run, mn = 0, 0
            dayout = {}
            for i in lst:
                t = self.txs[i]
                if t[2] == aid:
                    run += t[3]
                if t[1] == aid:
                    run -= t[3]
                    d = t[0] // DAY
                    if t[4] != 'counter':
                        dayout[d] = dayout.get(d, 0) + t[3]
                    else:
                        self.has_counter[aid] = True
                if run < mn:
                    mn = run
            need = -mn
            self.maxday_out[aid] = max(dayout.values()) if dayout else 0
            before = a.opened < self.xstart[a.bank]
            if before:
                if a.role == 'lawful':
                    if a.corp:
                        base = self.ln(300000, 1.0)
                    elif a.arch.startswith('dormant'):
                        base = self.ln(300, 1.5)
                    elif a.arch.startswith('student'):
                        base = self.ln(900, 0.8)
                    else:
                        base = self.ln(6000, 1.1)
                else:
                    base = self.ln(60, 1.5) if a.typ in ('rented', 'sold', 'paofen') or a.role == 'fraud_exit' else r.choice([0, 0, 1, 10, 20])
                ob = need + int(base * 100)
            else:
                ob = self.pick([0, 0, 0, 1000, 5000, 10000]) if not a.corp else 0
                if need > ob:
                    dep = ((need - ob) // 10000 + 1) * 10000 + (self.pick([0, 10000, 50000, 100000]) if a.role == 'lawful' else 0)
                    ts = a.opened + r.randint(60, 20 * MIN)
                    firsts = [self.txs[i][0] for i in lst]
                    if firsts and ts >= firsts[0]:
                        ts = max(a.opened, firsts[0] - 1)
                    added.append([ts, '', aid, dep, 'counter', a.region, 'deposit',
                                  self.pick(['开户存入', '现金存入', '']), False, 'ordinary'])
                    need -= dep
            self.obal[aid] = ob
            self.maxbal[aid] = ob + (max(0, run) if lst else 0)
        for t in added:
            self.txs.append(t)
            self.vis.append(len(self.txs) - 1)
        self.n_added = len(added)
        # account classes and statuses
        for aid in rows:
            a = self.A[aid]
            if a.corp:
                a.cls = 'corp'
                continue
            a.cls = 'I'
            mo = self.maxday_out.get(aid, 0)
            if not self.has_counter.get(aid) and mo <= 1000000 and a.opened > -4 * 365 * DAY:
                p = 0.35 if a.arch.startswith('student') else (0.3 if a.role in ('mule', 'paofen') else 0.15)
                if r.random() < p:
                    a.cls = 'II'
                    if mo <= 500000 and self.maxbal.get(aid, 0) <= 200000 and r.random() < 0.25:
                        a.cls = 'III'
        # labels
        self.make_labels(named)

    def make_labels(self, named):
        r = self.r
        vis_set = set(self.vis)
        reported_tx = []
        rep_dest = {}
        for vi, v in enumerate(self.victims):
            late = v['pays'] and v['pays'][-1] > END - 2 * DAY
            rep = v['reported'] and not (late and r.random() < 0.5)
            v['reported'] = rep
            if not rep:
                continue
            for idx, dest in self.victim_tx.get(vi, []):
                if idx in vis_set and r.random() < 0.95:
                    reported_tx.append(idx)
                    rep_dest[dest] = True
        self.lab_tx = sorted(reported_tx)
        net = [aid for aid in self.A if self.A[aid].role in NETWORK_ROLES and (aid in named or aid in self.rows)]
        keys = []
        for aid in net:
            a = self.A[aid]
            if a.role == 'fraud_exit':
                w = 0.6
            elif a.layer == 1 or a.typ == 'paofen':
                w = 3.0 if aid in rep_dest else 1.3
            elif a.layer == 'carrier':
                w = 1.0
            elif a.layer == 9:
                w = 0.5
            else:
                w = 0.9
            if a.role == 'farmer_card' and a.uses == 0:
                w = 0.25
            keys.append((r.random() ** (1.0 / w), aid))
        self.lab_acc = []
        for with_row, lo, hi in ((True, 0.40, 0.48), (False, 0.36, 0.47)):
            ks = sorted([x for x in keys if (x[1] in self.rows) == with_row], reverse=True)
            k = int(round(len(ks) * r.uniform(lo, hi)))
            self.lab_acc += [aid for _, aid in ks[:k]]
        lab = set(self.lab_acc)
        self.labset = lab
        # card farmers: a few holders
        fs = list(self.farmers)
        fs.sort(key=lambda f: -sum(1 for c in f[1] if c in lab))
        nlab = max(1, int(round(len(fs) * r.uniform(0.3, 0.45))))
        for h, cards, syn in fs[:nlab]:
            self.H[h]['flab'] = True
            self.lab_holder.append(h)
        # statuses: some labelled accounts frozen, a few lawful judicial freezes
        last = {}
        for i in self.vis:
            t = self.txs[i]
            for x in (t[1], t[2]):
                if x:
                    last[x] = max(last.get(x, 0), t[0])
        for aid in self.rows:
            a = self.A[aid]
            if a.status != 'active':
                continue
            if aid in lab and a.role != 'fraud_exit' and last.get(aid, END) < END - 2 * DAY and r.random() < 0.4:
                a.status = 'frozen'
            elif a.role == 'lawful' and r.random() < 0.002 and last.get(aid, 0) < END - 3 * DAY:
                a.status = 'frozen'

    # ------------------------------------------------------------------ output
    def iso(self, s):
        return (self.T0 + dt.timedelta(seconds=int(s))).isoformat()

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        r = self.r
        # accounts
        order = [aid for aid in self.A if aid in self.rows]
        bank_rank = {b: i for i, b in enumerate(self.suppliers)}
        order.sort(key=lambda x: (bank_rank[self.A[x].bank], self.A[x].opened))
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid in order:
                a = self.A[aid]
                ob = self.obal.get(aid, 0)
                w.writerow([aid, a.bank, a.holder, self.iso(a.opened), a.region, a.cls,
                            '%d.%02d' % (ob // 100, ob % 100), a.status])
        # transfers: grouped by the reporting bank (the extracts), in time order within each
        recs = []
        for i in self.vis:
            t = self.txs[i]
            rb = None
            for x in (t[1], t[2]):
                if x:
                    a = self.A[x]
                    if x in self.rows and t[0] >= self.xstart.get(a.bank, END):
                        rb = a.bank
                        break
            recs.append((bank_rank[rb], t[0], i, rb))
        recs.sort()
        ids = {}
        seq = 0
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for _, ts, i, rb in recs:
                t = self.txs[i]
                seq += 1
                tid = '%s%s%07d' % (rb, self.date(ts // DAY).strftime('%Y%m%d'), seq)
                ids[i] = tid
                reg = t[5] or ''
                if reg and t[4] in ('mobile', 'online') and t[6] == 'transfer' and r.random() < 0.04:
                    reg = ''
                w.writerow([tid, self.iso(ts), t[1], t[2], '%d.%02d' % (t[3] // 100, t[3] % 100), 'CNY', t[4], reg,
                            t[6], t[7], 'true' if t[8] else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for aid in self.lab_acc:
                w.writerow(['account', aid, 'mule'])
            for i in self.lab_tx:
                w.writerow(['transfer', ids[i], 'fraud'])
            for h in self.lab_holder:
                w.writerow(['holder', h, 'card_farmer'])
        named = {}
        for i in self.vis:
            t = self.txs[i]
            if t[1]:
                named[t[1]] = True
            if t[2]:
                named[t[2]] = True
        for aid in self.rows:
            named[aid] = True
        for aid in self.lab_acc:
            named[aid] = True
        self.named = named
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                            'labelled', 'farmer_labelled', 'extract_start'])
                for aid in self.A:
                    if aid not in named:
                        continue
                    a = self.A[aid]
                    hd = self.H[a.holder]
                    arch = a.arch
                    if a.role in ('mule', 'farmer_card') and a.layer:
                        arch = '%s:%s' % (arch, 'L%d' % a.layer if isinstance(a.layer, int) and a.layer < 9 else
                                          ('cashout' if a.layer == 'carrier' else 'handler'))
                    if a.role == 'farmer_card' and a.uses == 0:
                        arch = 'farmer_card:idle'
                    xs = self.iso(self.xstart[a.bank]) if a.bank in self.xstart else ''
                    w.writerow(['account', aid, a.bank, a.holder, 1 if aid in self.rows else 0, a.role, arch,
                                1 if hd['farmer'] else 0, self.iso(a.opened), 1 if aid in self.labset else 0,
                                1 if hd['flab'] else 0, xs])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for _, ts, i, rb in recs:
                    tk = self.txs[i][9]
                    if tk == 'layering' and self.txs[i][6] == 'withdrawal':
                        tk = 'cashout'
                    w.writerow([ids[i], tk])

    def summary(self):
        from collections import Counter
        kinds = Counter(self.txs[i][9] for i in self.vis)
        roles = Counter(self.A[a].role for a in self.named)
        rows_roles = Counter(self.A[a].role for a in self.rows)
        return ('variant=%s accounts_named=%d rows=%d transfers=%d kinds=%s roles_named=%s roles_rows=%s '
                'labels: mule=%d fraud=%d holder=%d victims=%d added_deposits=%d extract_starts=%s' % (
                    self.v, len(self.named), len(self.rows), len(self.vis), dict(kinds), dict(roles), dict(rows_roles),
                    len(self.lab_acc), len(self.lab_tx), len(self.lab_holder), len(self.victims), self.n_added,
                    {b: s // DAY for b, s in self.xstart.items()}))


def main():
    ap = argparse.ArgumentParser(description='Beibu Gulf synthetic banking world (fanzha interchange format v1)')
    ap.add_argument('--variant', required=True, choices=['baseline', 'V2', 'V3'])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build()
    w.finish()
    w.write(args.out, args.truth)
    sys.stderr.write(w.summary() + '\n')


if __name__ == '__main__':
    main()
