#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
zhedong_world.py -- an independent synthetic banking world for 浙东 (宁波、舟山): Ningbo city, Beilun and
Meishan port, Cixi and Yuyao, Xiangshan, Zhoushan's Dinghai, Shenjiamen and Putuo.  30 days of banking.

Standard library only.  Writes the fanzha interchange format v1 (accounts.csv, transfers.csv, labels.csv)
and, with --truth, truth.csv and truth_transfers.csv.

    python3 zhedong_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]

Variants
  baseline  4 Mar - 2 Apr 2024: an ordinary spring month (spring fishing, Guanyin's birthday on Putuoshan
            on 28 Mar).  Mixed mule sourcing, layering in minutes to an hour.
  V2        4 Dec 2023 - 2 Jan 2024: winter (ribbonfish season with storm days, fuel subsidies, year-end
            settlements, New Year).  Mostly old accounts rented or sold, slow layering (hours to days),
            victims paying several times.
  V3        2 Sep - 1 Oct 2024: the end of the summer fishing moratorium (开渔 16 Sep 12:00), Mid-Autumn,
            freshmen arriving, National Day travel.  Fresh mules and card farmers, fast exits.

Data supply: four or five supplying banks, each with its own extract start in the first 12 days; a
transfer is in the data when at least one of its accounts is at a supplying bank whose extract has
started.  Every account of a supplying bank has a row; all other accounts appear only as counterparties.

Truth kinds: victim_payment (victim -> fraud account), layering (between fraud-network accounts: mule,
paofen, farmer_card), cashout (fraud network -> cash, fraud exits, or lawful merchants selling goods, and
onward moves of exit accounts), ordinary (everything else).
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
DAY = 86400
HOUR = 3600
MIN = 60

# ------------------------------------------------------------------------------------------- regions
# local areas: key -> (GB/T 2260 code, city, population weight)
LOCAL = {
    'haishu': ('330203', 'NB', 10), 'jiangbei': ('330205', 'NB', 6), 'beilun': ('330206', 'NB', 8),
    'zhenhai': ('330211', 'NB', 5), 'yinzhou': ('330212', 'NB', 14), 'fenghua': ('330213', 'NB', 4),
    'yuyao': ('330281', 'NB', 8), 'cixi': ('330282', 'NB', 10), 'xiangshan': ('330225', 'NB', 5),
    'ninghai': ('330226', 'NB', 4),
    'dinghai': ('330902', 'ZS', 6), 'putuo': ('330903', 'ZS', 5), 'daishan': ('330921', 'ZS', 2),
    'shengsi': ('330922', 'ZS', 1),
}
NB_AREAS = [k for k in LOCAL if LOCAL[k][1] == 'NB']
ZS_AREAS = [k for k in LOCAL if LOCAL[k][1] == 'ZS']

# provinces: key -> (rural credit institution code, [(division code, weight)])
PROV = {
    'anhui': ('AHRCU', [('340100', 2), ('340800', 2), ('341200', 3), ('341300', 2), ('341500', 2), ('341600', 2)]),
    'henan': ('HNRCU', [('410100', 3), ('411300', 2), ('411400', 2), ('411500', 2), ('411600', 3), ('411700', 2)]),
    'guizhou': ('GZRCU', [('520100', 2), ('520300', 2), ('520500', 3), ('520600', 2), ('522600', 2), ('522700', 1)]),
    'sichuan': ('SCRCU', [('510100', 4), ('511300', 2), ('511700', 2), ('511600', 2), ('511900', 1), ('513400', 1)]),
    'jiangxi': ('JXRCU', [('360100', 2), ('361100', 2), ('360700', 2)]),
    'hunan': ('HUNRCU', [('430100', 3), ('430500', 2), ('430400', 2), ('431200', 1)]),
    'hubei': ('HBRCU', [('420100', 4), ('421100', 2), ('421000', 1), ('420900', 1)]),
    'guangdong': ('GDRCU', [('440100', 4), ('440300', 4), ('441900', 3), ('440600', 2), ('440800', 1),
                            ('440900', 1), ('445200', 1)]),
    'guangxi': ('GXRCU', [('450100', 3), ('450600', 1), ('450681', 1), ('451400', 1), ('451481', 1), ('450900', 2)]),
    'yunnan': ('YNRCU', [('530100', 4), ('530900', 1), ('530926', 1), ('530800', 1), ('532801', 1),
                         ('533102', 1), ('533103', 1)]),
    'fujian': ('FJRCU', [('350100', 2), ('350200', 2), ('350500', 2), ('350300', 1)]),
    'shandong': ('SDRCU', [('370100', 2), ('370200', 2), ('371300', 2), ('371700', 1), ('370700', 1)]),
    'jiangsu': ('JSRCU', [('320100', 3), ('320500', 3), ('320300', 2), ('320700', 1), ('320900', 1)]),
    'shanghai': ('SRCB', [('310115', 3), ('310112', 2), ('310101', 1)]),
    'beijing': ('BJRCB', [('110105', 2), ('110108', 2)]),
    'tianjin': ('TRCB', [('120104', 1)]),
    'hebei': ('HEBRCU', [('130100', 2), ('130600', 2), ('130400', 1)]),
    'shanxi': ('SXRCU', [('140100', 2), ('140800', 1)]),
    'shaanxi': ('SNRCU', [('610100', 2)]),
    'liaoning': ('LNRCU', [('210100', 2), ('210200', 1)]),
    'jilin': ('JLRCU', [('220100', 2), ('222400', 1)]),
    'heilongjiang': ('HLJRCU', [('230100', 2), ('230200', 1), ('231200', 1)]),
    'neimenggu': ('NMRCU', [('150100', 2), ('150400', 1), ('150500', 1)]),
    'chongqing': ('CQRCB', [('500101', 1), ('500112', 2)]),
    'gansu': ('GSRCU', [('620100', 1)]),
    'xinjiang': ('XJRCU', [('650100', 1)]),
    'hainan': ('HAINRCU', [('460100', 1), ('460200', 1)]),
    'zhejiang': ('ZJRCU', [('330106', 3), ('330300', 2), ('331000', 2), ('330782', 2), ('330600', 1)]),
}

# where telecom-fraud victims live (Zhejiang small; local Ningbo/Zhoushan victims handled apart)
VICTIM_PROV = {'guangdong': 10, 'shandong': 7, 'henan': 7, 'sichuan': 6, 'jiangsu': 6, 'hebei': 5, 'hunan': 5,
               'anhui': 4, 'hubei': 4, 'fujian': 3, 'jiangxi': 3, 'shaanxi': 3, 'liaoning': 3, 'guangxi': 3,
               'yunnan': 2, 'guizhou': 2, 'shanxi': 2, 'chongqing': 2, 'heilongjiang': 2, 'jilin': 2,
               'neimenggu': 2, 'beijing': 2, 'shanghai': 2, 'tianjin': 1, 'gansu': 1, 'xinjiang': 1,
               'hainan': 1, 'zhejiang': 2}
MIGRANT_PROV = {'guizhou': 5, 'anhui': 5, 'sichuan': 4, 'henan': 4, 'jiangxi': 3, 'hunan': 2, 'yunnan': 2,
                'hubei': 1, 'chongqing': 1, 'guangxi': 1}
STUDENT_PROV = {'zhejiang': 12, 'anhui': 5, 'jiangsu': 3, 'henan': 5, 'shandong': 4, 'jiangxi': 4, 'hunan': 3,
                'hubei': 3, 'sichuan': 3, 'guizhou': 3, 'hebei': 3, 'shanxi': 2, 'gansu': 2, 'yunnan': 2,
                'guangxi': 2, 'fujian': 2, 'chongqing': 2, 'heilongjiang': 1, 'neimenggu': 1, 'xinjiang': 1}
VISITOR_PROV = {'shanghai': 30, 'jiangsu': 25, 'zhejiang': 16, 'anhui': 6, 'beijing': 3, 'guangdong': 4,
                'fujian': 4, 'shandong': 4, 'henan': 3, 'hubei': 2, 'jiangxi': 2, 'sichuan': 1}
MULE_PROV = {'guangdong': 5, 'guangxi': 4, 'yunnan': 4, 'hunan': 3, 'jiangxi': 3, 'fujian': 3, 'henan': 3,
             'hubei': 2, 'sichuan': 2, 'guizhou': 2, 'anhui': 2, 'neimenggu': 2, 'heilongjiang': 2, 'jilin': 1,
             'shandong': 1, 'hebei': 1, 'hainan': 2, 'chongqing': 1}
FARMER_HOME = {'hubei': 4, 'hunan': 3, 'guangxi': 3, 'jiangxi': 2, 'yunnan': 2, 'henan': 2, 'guizhou': 2}
# ATM cash-out places: Guangdong, the Yunnan and Guangxi borders, Fujian, Hainan
ATM_FAR = ['441900', '440300', '440100', '440600', '533102', '530926', '532801', '533103', '451481',
           '450681', '350500', '460200', '450100']
BUSINESS_PROV = {'zhejiang': 8, 'jiangsu': 6, 'shanghai': 5, 'guangdong': 5, 'anhui': 3, 'jiangxi': 3,
                 'fujian': 3, 'shandong': 3, 'henan': 2, 'hubei': 2, 'hunan': 2, 'sichuan': 1, 'hebei': 1}

# ------------------------------------------------------------------------------------------- banks
# code: (card BIN, card length, corporate prefix, corporate length)
BANKS = {
    'ICBC': ('621226', 19, '3901', 19), 'ABC': ('622848', 19, '3930', 17), 'CCB': ('621700', 19, '3315', 20),
    'BOC': ('621785', 19, '3580', 12), 'BOCOM': ('622262', 19, '3320', 21), 'PSBC': ('621799', 19, '9330', 19),
    'CMB': ('621483', 16, '5749', 15), 'CIB': ('622909', 18, '3880', 18), 'SPDB': ('621792', 16, '9411', 17),
    'CITIC': ('621771', 16, '8114', 19), 'CEB': ('622660', 16, '3920', 16), 'CMBC': ('622622', 16, '6310', 16),
    'PAB': ('623058', 19, '1501', 14), 'NBCB': ('622282', 16, '7001', 14), 'ZSRCB': ('621058', 19, '2010', 18),
    'YZRCB': ('621345', 19, '8101', 18), 'CZB': ('621528', 19, '3320', 19), 'ZJTLCB': ('621055', 19, '3301', 15),
    'PBOC': ('621000', 19, '2701', 16),
}
for _k, (_rc, _) in PROV.items():
    _n = sum(ord(c) * (i + 3) for i, c in enumerate(_rc)) % 9000 + 1000
    BANKS.setdefault(_rc, ('62%04d' % _n, 19, '%04d' % (_n + 11) if _n < 9988 else '1234', 19))
PAYFIRMS = ('ALIPAY', 'TENPAY', 'LAKALA', 'YSEPAY', 'SXFPAY', 'UMSPAY')
OVERSEAS = ('HSBCHK', 'DBSSG', 'CITIUS', 'MUFGJP')

NB_BANKW = {'NBCB': 17, 'ICBC': 13, 'ABC': 14, 'CCB': 12, 'BOC': 8, 'PSBC': 6, 'YZRCB': 6, 'BOCOM': 4,
            'CMB': 5, 'CZB': 3, 'ZJTLCB': 3, 'CIB': 2, 'SPDB': 2, 'CITIC': 2, 'ZSRCB': 1, 'PAB': 1}
ZS_BANKW = {'ZSRCB': 24, 'ABC': 14, 'ICBC': 12, 'CCB': 11, 'BOC': 8, 'PSBC': 9, 'NBCB': 6, 'ZJTLCB': 5,
            'BOCOM': 3, 'CMB': 3, 'CZB': 2, 'CIB': 1}
REMOTE_BANKW = {'ICBC': 14, 'ABC': 14, 'CCB': 12, 'BOC': 8, 'PSBC': 10, 'BOCOM': 4, 'CMB': 6, 'CIB': 3,
                'SPDB': 2, 'CITIC': 2, 'CEB': 2, 'CMBC': 2, 'PAB': 3, 'RCU': 16}

# ------------------------------------------------------------------------------------------- time profiles
PROF = {
    'person': [2, 1, .6, .4, .3, .5, 1.5, 4, 6, 7, 7, 7, 7, 6, 6, 6, 6, 6, 7, 8, 8, 7, 5, 3],
    'office': [.1, .1, .1, .1, .1, .1, .3, 1, 6, 9, 9, 8, 4, 6, 9, 9, 8, 5, 2, 1, .6, .4, .2, .1],
    'batch': [0, 0, 0, 0, 0, 0, 0, .5, 3, 6, 5, 3, 1, 1, 1, 1, .5, .3, 0, 0, 0, 0, 0, 0],
    'predawn': [3, 6, 10, 12, 12, 9, 5, 2, 1, .7, .5, .4, .4, .3, .3, .3, .3, .3, .3, .4, .5, .7, 1, 2],
    'night': [6, 4, 2, 1, .3, .2, .2, .3, .5, .6, .8, 2, 3, 1.5, 1, 1, 1.5, 3, 6, 9, 10, 10, 9, 8],
    'port': [3, 3, 3, 2.5, 2.5, 3, 4, 5, 6, 6, 6, 5, 5, 6, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3],
    'elder': [0, 0, 0, 0, .1, .5, 2, 6, 10, 10, 8, 5, 3, 4, 5, 4, 3, 2, 1.5, 1, .5, .2, 0, 0],
    'evening': [2, 1, .5, .3, .2, .2, .5, 1.5, 3, 4, 4, 4, 5, 4, 4, 4, 4, 5, 6, 8, 9, 9, 7, 4],
    'morning': [.2, .2, .3, 1, 4, 8, 9, 7, 5, 3, 2, 1, 1, 1, 1, 1, 1, 1, .8, .6, .5, .3, .2, .2],
    'fraud_day': [1.5, 1, .6, .4, .3, .3, .5, 1, 3, 6, 8, 8, 6, 7, 8, 8, 8, 7, 6, 6, 6, 5, 4, 2.5],
    'fraud_late': [5, 4, 3, 2, 1, .5, .5, .8, 1.5, 3, 4, 5, 5, 5, 5, 5, 5, 5, 6, 7, 7, 7, 7, 6],
    'atm_night': [8, 7, 6, 5, 3, 1.5, 1, 1, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2.5, 3, 4, 5, 6, 7, 8],
    'victim': [.3, .2, .1, .1, .1, .2, .8, 2, 5, 8, 9, 8, 6, 7, 8, 8, 7, 6, 6, 7, 7, 5, 3, 1],
}
PROF_CUM = {}
for _k, _v in PROF.items():
    _c, _s = [], 0.0
    for _x in _v:
        _s += _x
        _c.append(_s)
    PROF_CUM[_k] = _c

# ------------------------------------------------------------------------------------------- variants
VARIANTS = {
    'baseline': dict(
        start=(2024, 3, 4), season='spring',
        supplying=['NBCB', 'ZSRCB', 'ICBC', 'ABC', 'CCB'],
        holidays=[], workdays_extra=[],
        n_gangs=10, n_victims=300, multi=1.0,
        hold=dict(l1=(14 * MIN, 1.0), ln=(10 * MIN, 1.0)),
        src={'fresh': 28, 'aged': 20, 'rented': 28, 'sold_dormant': 8, 'farmer': 9, 'corp': 7},
        paofen=0.2, farmers=4, farmer_open=(-70, -8), exit={'atm': 35, 'usdt': 35, 'merchant': 24, 'goods': 6},
        tour_peak=[(23, 2.2), (24, 3.4), (25, 1.8)], tour_base=0.7,
    ),
    'V2': dict(
        start=(2023, 12, 4), season='winter',
        supplying=['NBCB', 'ZSRCB', 'ABC', 'ICBC'],
        holidays=[28], workdays_extra=[],
        n_gangs=8, n_victims=235, multi=2.3,
        hold=dict(l1=(11 * HOUR, 1.0), ln=(6 * HOUR, 1.1)),
        src={'fresh': 6, 'aged': 12, 'rented': 52, 'sold_dormant': 20, 'farmer': 3, 'corp': 7},
        paofen=0.06, farmers=2, farmer_open=(-120, -30), exit={'atm': 30, 'usdt': 40, 'merchant': 25, 'goods': 5},
        tour_peak=[(26, 1.5), (27, 1.8), (28, 2.0)], tour_base=0.35,
    ),
    'V3': dict(
        start=(2024, 9, 2), season='opening',
        supplying=['NBCB', 'ZSRCB', 'ABC', 'CCB', 'PSBC'],
        holidays=[13, 14, 15, 29], workdays_extra=[12, 27],
        n_gangs=12, n_victims=300, multi=1.0,
        hold=dict(l1=(4 * MIN, 0.8), ln=(3 * MIN, 0.8)),
        src={'fresh': 46, 'aged': 9, 'rented': 8, 'sold_dormant': 2, 'farmer': 31, 'corp': 4},
        paofen=0.22, farmers=9, farmer_open=(-25, 12), exit={'atm': 42, 'usdt': 38, 'merchant': 17, 'goods': 3},
        tour_peak=[(13, 1.8), (14, 1.9), (15, 1.5), (27, 1.3), (28, 1.6), (29, 2.6)], tour_base=0.8,
    ),
}

# ------------------------------------------------------------------------------------------- fraud typology
# id: weight, payments (lo, hi), median amount, sigma, escalation per payment, gap (median s, sigma), birth years
TYPO = {
    'brushing': dict(w=18, n=(1, 5), med=1500, sig=0.9, esc=2.0, gap=(25 * MIN, 0.8), age=(1975, 2004), small=True),
    'ecommerce_cs': dict(w=12, n=(1, 4), med=9000, sig=0.8, esc=1.3, gap=(12 * MIN, 0.8), age=(1965, 2000)),
    'investment': dict(w=12, n=(1, 6), med=40000, sig=0.9, esc=1.7, gap=(2 * DAY, 0.9), age=(1960, 1995), big=True),
    'romance': dict(w=7, n=(1, 5), med=25000, sig=0.9, esc=1.5, gap=(2 * DAY, 0.9), age=(1965, 1998), big=True),
    'loan_card': dict(w=10, n=(1, 4), med=3500, sig=0.7, esc=1.6, gap=(40 * MIN, 0.8), age=(1975, 2002)),
    'credit_record': dict(w=6, n=(1, 3), med=25000, sig=0.8, esc=1.3, gap=(30 * MIN, 0.8), age=(1995, 2004)),
    'police_gov': dict(w=8, n=(1, 3), med=90000, sig=1.0, esc=1.0, gap=(5 * HOUR, 1.0), age=(1945, 1990), big=True),
    'leader_acquaintance': dict(w=7, n=(1, 2), med=45000, sig=0.9, esc=1.0, gap=(40 * MIN, 0.8), age=(1965, 1995)),
    'game_trade': dict(w=5, n=(1, 3), med=900, sig=0.8, esc=1.5, gap=(20 * MIN, 0.8), age=(1995, 2006), small=True),
    'shopping_service': dict(w=6, n=(1, 3), med=1200, sig=0.9, esc=1.2, gap=(30 * MIN, 0.8), age=(1970, 2004), small=True),
    'fake_job': dict(w=3, n=(1, 2), med=500, sig=0.6, esc=1.0, gap=(HOUR, 0.8), age=(1985, 2005), small=True),
    'accident_kidnap': dict(w=2, n=(1, 2), med=20000, sig=0.7, esc=1.0, gap=(40 * MIN, 0.7), age=(1945, 1975)),
    'subsidy_refund': dict(w=1, n=(1, 2), med=8000, sig=0.7, esc=1.0, gap=(30 * MIN, 0.7), age=(1950, 1985)),
    'prize': dict(w=1, n=(1, 3), med=3000, sig=0.8, esc=1.5, gap=(HOUR, 0.8), age=(1950, 1990)),
    'parcel': dict(w=1, n=(1, 2), med=50000, sig=1.0, esc=1.0, gap=(3 * HOUR, 0.8), age=(1950, 1995), big=True),
    'military_purchase': dict(w=1, n=(1, 2), med=40000, sig=0.7, esc=1.0, gap=(HOUR, 0.8), age=(1965, 1990)),
}
HARDNEG = ('fish_buyer', 'forwarder_owner', 'dried_seafood_shop', 'dried_seafood_shop_new', 'taxi_driver', 'night_market_stall',
           'restaurant_personal_acct', 'container_truck_driver', 'landlord', 'labour_subcontractor', 'usdt_buyer')
MULTI_TYPOS = ('brushing', 'investment', 'romance', 'loan_card', 'police_gov', 'credit_record')

# ------------------------------------------------------------------------------------------- ids
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(s17):
    return '10X98765432'[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


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


def uscc_make(rng, region, kind='91'):
    body = ''.join(rng.choice('0123456789') for _ in range(8))
    c = 11 - sum(int(b) * w for b, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    cc = 'X' if c == 10 else ('0' if c == 11 else str(c))
    s17 = kind + region + body + cc
    tot = sum(USCC_CH.index(ch) * w for ch, w in zip(s17, USCC_W))
    return s17 + USCC_CH[(31 - tot % 31) % 31]


def fmt_fen(f):
    return '%d.%02d' % (f // 100, f % 100)


def nice(x, rng=None):
    """round a yuan amount to what a person would type"""
    if x <= 0:
        return 1
    if x < 100:
        u = 10
    elif x < 1000:
        u = 50 if (rng and rng.random() < 0.5) else 100
    elif x < 10000:
        u = 100 if (rng and rng.random() < 0.4) else 500
    elif x < 100000:
        u = 1000
    else:
        u = 10000
    v = int(round(x / u)) * u
    return v if v > 0 else u


LOCAL_KEY = {v[0]: k for k, v in LOCAL.items()}


def hash_idx(s, n):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h % n if n else 0


class Holder:
    __slots__ = ('id', 'kind', 'region', 'birth', 'farmer', 'accts', 'lab')

    def __init__(self, hid, kind, region, birth):
        self.id = hid
        self.kind = kind
        self.region = region
        self.birth = birth
        self.farmer = False
        self.accts = []
        self.lab = False


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'status', 'role', 'arch', 'row', 'obal',
                 'lab', 'buf', 'init', 'x', 'loc')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch, row):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.status = 'active'
        self.role = role
        self.arch = arch
        self.row = row
        self.obal = 0
        self.lab = False
        self.buf = 5000.0
        self.init = 0
        self.x = None
        self.loc = region


# =========================================================================================== world core
class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.cfg = cfg = VARIANTS[variant]
        self.rng = random.Random('zhedong49/%s/%d' % (variant, seed))
        y, m, d = cfg['start']
        self.T0 = dt.datetime(y, m, d, tzinfo=TZ)
        self.ND = 30
        self.END = self.ND * DAY
        self.dates = [self.T0.date() + dt.timedelta(days=i) for i in range(self.ND)]
        self.season = cfg['season']
        self.supplying = list(cfg['supplying'])
        rng = self.rng
        days = sorted(rng.sample(range(0, 13), len(self.supplying)))
        order = self.supplying[:]
        rng.shuffle(order)
        self.ext_start = {b: days[i] * DAY for i, b in enumerate(order)}
        self.holders = {}
        self.accts = {}
        self.alist = []
        self.tx = []
        self.ids = set()
        self.remote_bg = []
        self.dropped = 0
        self.SPK = {'baseline': 5.0, 'V2': 5.7, 'V3': 5.0}[variant]   # bank-visible card/QR payments per person
        hol = set(cfg['holidays'])
        extra = set(cfg['workdays_extra'])
        self.work = [((self.dates[i].weekday() < 5) or (i in extra)) and (i not in hol) for i in range(self.ND)]

    # ----------------------------------------------------------------------------- random helpers
    def wchoice(self, d):
        keys = list(d.keys())
        return self.rng.choices(keys, weights=[d[k] for k in keys])[0]

    def ln(self, med, sig, lo=None, hi=None):
        x = med * math.exp(self.rng.gauss(0.0, sig))
        if lo is not None and x < lo:
            x = lo
        if hi is not None and x > hi:
            x = hi
        return x

    def cents(self, x):
        return round(x, 2)

    def tin(self, day, prof='person'):
        cw = PROF_CUM[prof]
        h = bisect.bisect_right(cw, self.rng.random() * cw[-1])
        if h > 23:
            h = 23
        return day * DAY + h * HOUR + self.rng.randrange(HOUR)

    def iso(self, t):
        return (self.T0 + dt.timedelta(seconds=int(t))).isoformat()

    def dom_day(self, dom):
        """window day index for a day of month (first match) or None; shifted back to a work day"""
        for i, d in enumerate(self.dates):
            if d.day == dom:
                j = i
                while j > 0 and not self.work[j]:
                    j -= 1
                return j
        return None

    def prov_region(self, prov):
        lst = PROV[prov][1]
        return self.rng.choices([c for c, _ in lst], weights=[w for _, w in lst])[0]

    def local_area(self, city=None, weights=None):
        if weights:
            return self.wchoice(weights)
        keys = NB_AREAS if city == 'NB' else (ZS_AREAS if city == 'ZS' else list(LOCAL))
        return self.rng.choices(keys, weights=[LOCAL[k][2] for k in keys])[0]

    # ----------------------------------------------------------------------------- holders, accounts
    def person(self, region, birth=(1960, 2000)):
        rng = self.rng
        while True:
            y = rng.randint(birth[0], birth[1])
            mo = rng.randint(1, 12)
            da = rng.randint(1, 28)
            s17 = '%s%04d%02d%02d%03d' % (region, y, mo, da, rng.randrange(1, 999))
            hid = s17 + id_check(s17)
            if hid not in self.holders:
                break
        h = Holder(hid, 'P', region, y)
        self.holders[hid] = h
        return h

    def company(self, region, kind='91'):
        while True:
            hid = uscc_make(self.rng, region, kind)
            if hid not in self.holders:
                break
        h = Holder(hid, 'C', region, 0)
        self.holders[hid] = h
        return h

    def foreign_co(self):
        while True:
            hid = 'FOREIGN-' + ''.join(self.rng.choice('0123456789') for _ in range(9))
            if hid not in self.holders:
                break
        h = Holder(hid, 'C', '', 0)
        self.holders[hid] = h
        return h

    def gen_id(self, bank, cls):
        rng = self.rng
        while True:
            if bank == 'ALIPAY':
                aid = '2088' + ''.join(rng.choice('0123456789') for _ in range(12))
            elif bank == 'TENPAY':
                aid = '1' + ''.join(rng.choice('0123456789') for _ in range(9))
            elif bank == 'LAKALA':
                aid = '822' + ''.join(rng.choice('0123456789') for _ in range(12))
            elif bank == 'YSEPAY':
                aid = 'YS' + ''.join(rng.choice('0123456789') for _ in range(13))
            elif bank == 'SXFPAY':
                aid = '399' + ''.join(rng.choice('0123456789') for _ in range(12))
            elif bank == 'UMSPAY':
                aid = '898' + ''.join(rng.choice('0123456789') for _ in range(12))
            elif bank in OVERSEAS:
                aid = {'HSBCHK': '848', 'DBSSG': '072', 'CITIUS': '3007', 'MUFGJP': '0052'}[bank] + \
                    ''.join(rng.choice('0123456789') for _ in range(9))
            else:
                binc, clen, cpre, corplen = BANKS[bank]
                if cls == 'corp':
                    aid = cpre + ''.join(rng.choice('0123456789') for _ in range(corplen - len(cpre)))
                else:
                    aid = luhn_complete(binc + ''.join(rng.choice('0123456789') for _ in range(clen - len(binc) - 1)))
            if aid not in self.ids:
                self.ids.add(aid)
                return aid

    def acct(self, holder, bank, opened, region, cls='I', role='lawful', arch='', buf=5000.0, init=0):
        row = bank in self.ext_start
        a = Acct(self.gen_id(bank, cls), bank, holder, int(opened), region, cls, role, arch, row)
        a.buf = buf
        a.init = init
        holder.accts.append(a)
        self.accts[a.id] = a
        self.alist.append(a)
        return a

    def old_open(self, ymin=1.0, ymax=12.0):
        days = int(self.rng.uniform(ymin, ymax) * 365) + 1
        return -days * DAY + self.rng.randint(8 * HOUR + 30 * MIN, 16 * HOUR + 30 * MIN)

    def open_at(self, day_f):
        """opening on (fractional) day day_f, moved into branch hours"""
        d = int(math.floor(day_f))
        return d * DAY + self.rng.randint(9 * HOUR, 16 * HOUR + 40 * MIN)

    def local_bank(self, city):
        return self.wchoice(NB_BANKW if city == 'NB' else ZS_BANKW)

    def remote_bank(self, prov):
        b = self.wchoice(REMOTE_BANKW)
        if b == 'RCU':
            b = PROV[prov][0]
        if prov in ('shanghai', 'jiangsu', 'zhejiang') and self.rng.random() < 0.04:
            b = 'NBCB'
        return b

    def remote_person(self, prov, birth=(1960, 2000), arch='remote', bg=True, buf=8000.0, opened=None,
                      region=None, bank=None):
        reg = region or self.prov_region(prov)
        h = self.person(reg, birth)
        b = bank or self.remote_bank(prov)
        a = self.acct(h, b, opened if opened is not None else self.old_open(1, 15), reg, 'I', arch=arch, buf=buf)
        if a.row and bg:
            self.remote_bg.append(a)
        return a

    def remote_company(self, prov, arch='remote_corp', buf=300000.0, bank=None, kind='91'):
        reg = self.prov_region(prov)
        h = self.company(reg, kind)
        b = bank or self.remote_bank(prov)
        if b in PROV[prov][0:1]:
            b = 'ABC'
        return self.acct(h, b, self.old_open(1, 15), reg, 'corp', arch=arch, buf=buf)

    def local_company(self, area, arch, bank=None, buf=300000.0, kind='91', ymin=1, ymax=15):
        code, city, _ = LOCAL[area]
        h = self.company(code, kind)
        b = bank or self.local_bank(city)
        return self.acct(h, b, self.old_open(ymin, ymax), code, 'corp', arch=arch, buf=buf)

    def local_person(self, area, arch, birth=(1960, 2000), bank=None, buf=8000.0, home=None, opened=None,
                     cls='I'):
        code, city, _ = LOCAL[area]
        h = self.person(home or code, birth)
        b = bank or self.local_bank(city)
        a = self.acct(h, b, opened if opened is not None else self.old_open(1, 15), code, cls, arch=arch, buf=buf)
        return a

    def second_acct(self, a, arch=None, buf=None, opened=None, bank=None, cls='I'):
        """another account of the same holder at another bank"""
        city = 'ZS' if a.region.startswith('3309') else 'NB'
        for _ in range(10):
            b = bank or (self.local_bank(city) if a.region.startswith('33') else self.remote_bank('zhejiang'))
            if b != a.bank:
                break
        return self.acct(a.holder, b, opened if opened is not None else self.old_open(0.5, 12), a.region, cls,
                         arch=arch or a.arch, buf=buf if buf is not None else a.buf)

    # ----------------------------------------------------------------------------- transfers
    def T(self, t, frm, to, yuan, ch='mobile', region=None, memo='', tk='o', kind='transfer', cur='CNY', xb=False):
        fen = int(round(yuan * 100))
        if fen <= 0:
            fen = 1
        t = int(t)
        if region is None:
            src = frm if frm is not None else to
            region = src.loc if src is not None else ''
            if ch in ('mobile', 'online') and self.rng.random() < 0.12:
                region = ''
        rec = [t, frm.id if frm is not None else '', to.id if to is not None else '', fen, ch, region, kind, memo,
               tk, cur, xb]
        self.tx.append(rec)
        return rec

    def withdraw(self, t, a, yuan, ch='atm', region=None, memo='', tk='o'):
        return self.T(t, a, None, yuan, ch, region if region is not None else a.loc, memo, tk, 'withdrawal')

    def deposit(self, t, a, yuan, ch='counter', region=None, memo='', tk='o'):
        return self.T(t, None, a, yuan, ch, region if region is not None else a.loc, memo, tk, 'deposit')

    # ----------------------------------------------------------------------------- seasonal shape
    def tour(self, day):
        m = self.cfg['tour_base']
        if not self.work[day]:
            m *= 1.6
        for d, f in self.cfg['tour_peak']:
            if d == day:
                m *= f
        return m

    def fishing(self, day):
        """landings intensity"""
        if self.season == 'opening':
            if day < 15:
                return 0.0
            return 1.8 if day < 22 else 1.3
        if self.season == 'winter':
            return 0.0 if day in self.storm else 1.0
        return 0.0 if day in self.storm else 1.0

    def ecom(self, day):
        m = 1.0
        if self.season == 'spring' and day in (3, 4):
            m = 1.4
        if self.season == 'winter' and day in (7, 8):
            m = 1.5
        if self.season == 'opening':
            if 4 <= day <= 12:
                m = 1.6
            elif day >= 15:
                m = 1.5
        return m

    # =========================================================================================== lawful
    def hub(self, region, arch, bank, kind='91', buf=5e6, cls='corp'):
        h = self.company(region, kind)
        return self.acct(h, bank, self.old_open(3, 20), region, cls, arch=arch, buf=buf)

    def build_hubs(self):
        rng = self.rng
        self.storm = set()
        if self.season == 'winter':
            self.storm = set(rng.sample(range(30), 5))
        elif self.season == 'spring':
            self.storm = set(rng.sample(range(30), 2))
        H = self.hub
        self.RES_ALI = H('330106', 'settlement_alipay', 'ALIPAY', buf=1e10)
        self.RES_TEN = H('440300', 'settlement_tenpay', 'TENPAY', buf=1e10)
        self.PDD = H('310115', 'platform_settlement', 'CMB', buf=1e9)
        self.JD = H('110105', 'platform_settlement', 'CITIC', buf=1e9)
        self.DY = H('110108', 'platform_settlement', 'SPDB', buf=1e9)
        self.PLATS = [self.RES_ALI, self.PDD, self.JD, self.DY]
        self.CTRIP = H('310115', 'ota_settlement', 'CMB', buf=1e9)
        self.MEITUAN = H('110105', 'ota_settlement', 'CMBC', buf=1e9)
        self.ETC = H('330106', 'toll_etc', 'CZB', buf=1e9)
        self.CMCC = H('330106', 'telecom', 'CMB', buf=1e9)
        self.ADS = H('110108', 'ads_platform', 'CMBC', buf=1e9)
        self.GRID = {'NB': self.local_company('haishu', 'utility_grid', buf=5e7), 'ZS': self.local_company('dinghai', 'utility_grid', buf=5e7)}
        self.TAX = {'NB': H('330203', 'treasury', 'PBOC', kind='11', buf=1e10), 'ZS': H('330902', 'treasury', 'PBOC', kind='11', buf=1e10)}
        self.SOC = {'NB': self.local_company('haishu', 'social_security_fund', kind='12', buf=1e9),
                    'ZS': self.local_company('dinghai', 'social_security_fund', kind='12', buf=1e9)}
        self.FIN_ZS = self.local_company('dinghai', 'fishery_subsidy_fund', kind='11', buf=1e9)
        self.FIN = {'NB': self.local_company('haishu', 'finance_bureau', kind='11', buf=1e10),
                    'ZS': self.local_company('dinghai', 'finance_bureau', kind='11', buf=1e10)}
        LC = self.local_company
        self.SINOPEC = {'NB': [LC(a, 'fuel_station') for a in ('beilun', 'beilun', 'zhenhai', 'yinzhou', 'cixi', 'yuyao', 'haishu')],
                        'ZS': [LC(a, 'fuel_station') for a in ('dinghai', 'putuo', 'putuo', 'daishan')]}
        self.MFUEL = [LC(a, 'marine_fuel_supplier', buf=2e6) for a in ('putuo', 'putuo', 'putuo', 'xiangshan', 'daishan', 'dinghai')]
        self.ICE = [LC(a, 'ice_factory', kind='92', buf=3e5) for a in ('putuo', 'putuo', 'xiangshan', 'daishan', 'shengsi')]
        self.GEAR = [LC(a, 'fishing_gear_shop', kind='92', buf=3e5) for a in ('putuo', 'putuo', 'xiangshan', 'daishan', 'dinghai')]
        self.PROVI = [LC(a, 'ship_chandler', kind='92', buf=2e5) for a in ('putuo', 'xiangshan', 'daishan', 'putuo')]
        self.REPAIRYARD = [LC(a, 'boat_repair_yard', buf=1e6) for a in ('putuo', 'dinghai', 'xiangshan', 'daishan')]
        self.ENGINE = [LC(a, 'marine_engine_dealer', buf=2e6) for a in ('jiangbei', 'putuo')]
        self.CARDEALER = [LC(a, 'car_dealer', buf=5e6) for a in ('yinzhou', 'jiangbei', 'cixi', 'dinghai', 'beilun')]
        self.DEVELOPER = [LC(a, 'property_developer', buf=5e7) for a in ('yinzhou', 'haishu', 'beilun', 'cixi', 'dinghai')]
        self.BANQUET = [LC(a, 'banquet_hotel', buf=1e6) for a in ('haishu', 'yinzhou', 'cixi', 'dinghai', 'xiangshan')]
        self.JEWEL = [LC(a, 'jeweller', buf=2e6) for a in ('haishu', 'yinzhou', 'cixi', 'dinghai', 'yuyao')]
        self.PHONESHOP = [LC(a, 'phone_shop', kind='92', buf=2e5) for a in ('haishu', 'beilun', 'dinghai', 'cixi')]
        self.COURIER = [LC(a, 'courier_franchise', buf=5e5) for a in ('putuo', 'dinghai', 'xiangshan', 'cixi', 'yuyao', 'yinzhou')]
        self.PACK = [LC(a, 'packaging_supplier', buf=5e5) for a in ('yinzhou', 'cixi', 'dinghai')]
        self.SHIPAG = [LC(a, 'shipping_line_agent', buf=5e7) for a in ('haishu', 'haishu', 'jiangbei', 'beilun', 'beilun', 'yinzhou', 'haishu')]
        self.TERMINAL = [LC(a, 'container_terminal', buf=5e7) for a in ('beilun', 'beilun', 'zhenhai')]
        self.OVERSEA = [self.acct(self.foreign_co(), rng.choice(OVERSEAS), self.old_open(3, 15),
                                  '', 'corp', arch='overseas_agent', buf=1e7) for _ in range(12)]
        self.LEASING = [self.remote_company(p, 'truck_finance', bank='PAB', buf=1e8) for p in ('shanghai', 'zhejiang', 'jiangsu')]
        self.TRUCKREPAIR = [LC(a, 'truck_repair', kind='92', buf=1e5) for a in ('beilun', 'beilun', 'zhenhai', 'beilun', 'yinzhou', 'zhenhai')]
        self.FLEET = [LC(a, 'truck_fleet', buf=1e6) for a in ('beilun', 'beilun', 'beilun', 'zhenhai', 'zhenhai', 'beilun', 'yinzhou', 'beilun', 'zhenhai', 'beilun')]
        self.SUPPL_LOCAL = [LC(self.rng.choice(['cixi', 'cixi', 'yuyao', 'yuyao', 'yinzhou', 'beilun', 'zhenhai', 'fenghua']),
                               'workshop_supplier', kind=rng.choice(['91', '91', '92']), buf=1e6) for _ in range(40)]
        self.SUPPL_REMOTE = [self.remote_company(self.wchoice({'guangdong': 5, 'jiangsu': 3, 'zhejiang': 3, 'shanghai': 1, 'anhui': 1}),
                                                 'workshop_supplier', buf=2e6) for _ in range(15)]
        self.DISTRIB = [self.remote_company(self.wchoice(BUSINESS_PROV), 'appliance_distributor', buf=2e6) if rng.random() < 0.6
                        else self.remote_person(self.wchoice(BUSINESS_PROV), (1970, 1992), 'appliance_distributor', buf=3e5)
                        for _ in range(40)]
        self.PROCESSOR = [LC(a, 'fish_processor', buf=5e6) for a in ('putuo', 'putuo', 'putuo', 'putuo', 'dinghai', 'dinghai', 'xiangshan', 'xiangshan', 'daishan', 'putuo')]
        self.WHOLESALE = [self.remote_company(self.wchoice({'shanghai': 5, 'zhejiang': 4, 'jiangsu': 4, 'fujian': 2, 'anhui': 1, 'guangdong': 1}),
                                              'seafood_wholesale_customer', buf=2e6) if rng.random() < 0.5 else
                          self.remote_person(self.wchoice({'shanghai': 5, 'zhejiang': 4, 'jiangsu': 4, 'fujian': 2, 'anhui': 1}),
                                             (1965, 1990), 'seafood_wholesale_customer', buf=5e5) for _ in range(60)]
        self.SHIPOWNER = [self.remote_company(p, 'shipowner', bank='BOCOM', buf=5e8) for p in ('shanghai', 'fujian', 'shandong', 'zhejiang', 'jiangsu')]
        self.SHIPOWNER_F = [self.acct(self.foreign_co(), rng.choice(OVERSEAS), self.old_open(3, 15), '', 'corp',
                                      arch='foreign_shipowner', buf=1e9) for _ in range(3)]
        self.STEEL = [self.remote_company(p, 'steel_supplier', buf=5e8) for p in ('jiangsu', 'shanghai', 'hebei', 'shandong')]
        self.EQUIP = [self.remote_company(p, 'marine_equipment', buf=1e8) for p in ('jiangsu', 'shanghai', 'zhejiang', 'shandong')]
        self.TEMPLE = LC('putuo', 'temple_donation', kind='53', bank=rng.choice(['ZSRCB', 'ZSRCB', 'ABC']), buf=5e6)
        self.SCENIC = LC('putuo', 'scenic_area', buf=5e6)
        self.INCENSE_WS = [self.remote_company(p, 'incense_wholesaler', buf=1e6) for p in ('fujian', 'fujian', 'zhejiang')]
        self.PROPERTY = [LC(a, 'property_management', buf=1e6) for a in ('yinzhou', 'haishu', 'jiangbei', 'dinghai', 'cixi', 'beilun')]
        self.TAXICO = [LC(a, 'taxi_company', buf=1e6) for a in ('dinghai', 'putuo')]
        self.VEG = {'NB': [self.local_person(a, 'vegetable_wholesaler', (1965, 1985), buf=2e5) for a in ('haishu', 'yinzhou', 'jiangbei', 'cixi', 'beilun', 'yuyao')],
                    'ZS': [self.local_person(a, 'vegetable_wholesaler', (1965, 1985), buf=2e5) for a in ('dinghai', 'putuo', 'putuo')]}
        self.LOANPLAT = [self.remote_company(p, 'consumer_loan_platform', bank=b, buf=1e9) for p, b in (('shanghai', 'CMBC'), ('guangdong', 'PAB'), ('chongqing', 'CEB'), ('beijing', 'CITIC'))]
        self.REMOTE_EMP = [self.remote_company(self.wchoice(VICTIM_PROV), 'remote_employer', buf=5e7) for _ in range(30)]
        # local merchants (acquirer merchants or their own corporate accounts)
        self.merch = {'NB': [], 'ZS': []}
        for i in range(230):
            area = self.local_area()
            city = LOCAL[area][1]
            if rng.random() < 0.45:
                bank = rng.choice(['UMSPAY', 'LAKALA', 'SXFPAY', 'UMSPAY'])
                m = self.acct(self.company(LOCAL[area][0], '92'), bank, self.old_open(1, 8), LOCAL[area][0], 'corp',
                              arch='local_merchant', buf=2e5)
            else:
                m = LC(area, 'local_merchant', kind=rng.choice(['91', '92', '92']), buf=2e5)
            self.merch[city].append(m)
        # employers: (account, median salary, payday, staff list)
        self.employers = {'NB': [], 'ZS': []}
        spec = [('NB', 'school', 11, 11500), ('ZS', 'school', 4, 10500), ('NB', 'hospital', 4, 16000), ('ZS', 'hospital', 2, 13500),
                ('NB', 'government', 4, 11000), ('ZS', 'government', 2, 10000), ('NB', 'port_group', 2, 11500),
                ('NB', 'company', 16, 8000), ('ZS', 'company', 5, 7200), ('ZS', 'ferry_company', 1, 7800),
                ('NB', 'bank_branch', 3, 13000), ('NB', 'logistics_company', 5, 7500)]
        for city, kind, n, med in spec:
            for _ in range(n):
                area = self.local_area(city)
                if kind == 'port_group':
                    area = 'beilun'
                a = LC(area, 'employer_' + kind, kind='12' if kind in ('school', 'hospital', 'government') else '91', buf=5e7)
                self.employers[city].append(dict(a=a, med=med, pay=self.dom_day(rng.choice([5, 8, 10, 10, 12, 15, 15, 20, 25])), staff=[], kind=kind))
        self.univ = []
        for area, bank in (('jiangbei', 'ICBC'), ('haishu', 'NBCB'), ('yinzhou', 'BOC'), ('yinzhou', 'ABC'), ('dinghai', 'ZSRCB')):
            a = LC(area, 'university', kind='12', bank=rng.choice(['ICBC', 'ABC', 'BOC', 'CCB']), buf=5e7)
            emp = dict(a=a, med=12500, pay=self.dom_day(10), staff=[], kind='university', campus_bank=bank, area=area)
            self.univ.append(emp)
            self.employers[LOCAL[area][1]].append(emp)
        for p in self.PROCESSOR:
            self.employers['ZS'].append(dict(a=p, med=6500, pay=self.dom_day(rng.choice([10, 15, 20])), staff=[], kind='fish_processor'))
        self.stalls = {'NB': [], 'ZS': []}
        self.tenants = []        # (account, rent, city)
        self.people = {'NB': [], 'ZS': []}   # local personal accounts for peer payments
        self.elderly = []
        self.students = []
        self.owners = []         # business owners' personal accounts (victims of leader impersonation)
        self.corp_victims = []   # company accounts that can be defrauded by leader impersonation
        self.migrant_family = []

    def spend(self, a, n, d0=0, d1=None, prof='person', med=70.0, stall_p=0.10, remote=False):
        rng = self.rng
        d1 = self.ND if d1 is None else d1
        if d1 <= d0:
            return
        n = int(round(n * (1.6 if remote else self.SPK) * rng.uniform(0.6, 1.4) * (d1 - d0) / self.ND))
        city = 'ZS' if a.region.startswith('3309') else 'NB'
        for _ in range(n):
            day = rng.randrange(d0, d1)
            t = self.tin(day, prof)
            if t < a.opened + 900:
                continue
            r = rng.random()
            if not remote and r < 0.38:
                m = rng.choice(self.merch[city])
                self.T(t, a, m, self.cents(self.ln(med * 1.3, 0.9, 3, 6000)), 'pos', a.loc, '消费')
            elif not remote and r < 0.38 + stall_p and self.stalls[city]:
                s = rng.choice(self.stalls[city])
                self.T(t, a, s, round(self.ln(45, 0.7, 5, 600)), 'mobile', a.loc, rng.choice(['', '', '餐费', '']))
            elif r < 0.78:
                self.T(t, a, self.RES_TEN, self.cents(self.ln(med, 1.0, 1, 5000)), 'mobile', a.loc, '财付通-微信支付')
            else:
                self.T(t, a, self.RES_ALI, self.cents(self.ln(med * 1.2, 1.0, 1, 8000)), 'mobile', a.loc, '支付宝')

    def withdraw_wallet(self, a, res, day, med, prof='night'):
        """a payment-firm balance withdrawn to a bank account (微信零钱/支付宝提现)"""
        t = self.tin(day, prof)
        if t > a.opened + 900:
            self.T(t, res, a, self.cents(self.ln(med, 0.55, 20, 30000)), 'other', res.region,
                   '微信零钱提现' if res is self.RES_TEN else '支付宝提现')

    # ----------------------------------------------------------------------------- night markets, restaurants
    def g_stalls(self, n):
        rng = self.rng
        for i in range(n):
            city = 'ZS' if rng.random() < 0.35 else 'NB'
            area = self.local_area(city)
            night = rng.random() < 0.45
            a = self.local_person(area, 'night_market_stall' if night else 'restaurant_personal_acct', (1968, 1996),
                                  buf=self.ln(20000, 0.8), home=(self.prov_region(self.wchoice(MIGRANT_PROV)) if rng.random() < 0.3 else None))
            self.stalls[city].append(a)
            self.people[city].append(a)
            open_days = [d for d in range(self.ND) if rng.random() < 0.86]
            for d in open_days:
                if rng.random() < 0.8:
                    self.withdraw_wallet(a, self.RES_TEN, d, 900 if night else 1500, 'night' if night else 'evening')
                if rng.random() < 0.25:
                    self.withdraw_wallet(a, self.RES_ALI, d, 500, 'night')
                if rng.random() < 0.8:      # pre-dawn supplies: vegetables, seafood, meat
                    sup = rng.choice(self.VEG[city] + (self.buyers_by_city(city) if rng.random() < 0.4 else []))
                    t = self.tin(d, 'morning')
                    self.T(t, a, sup, nice(self.ln(1200, 0.6), rng) if rng.random() < 0.6 else round(self.ln(1100, 0.6)),
                           'mobile', a.loc, rng.choice(['', '菜钱', '货款', '']))
            if rng.random() < 0.5:       # helpers' wages
                helpers = rng.randint(1, 3)
                for _ in range(helpers):
                    hp = self.local_person(area, 'restaurant_helper', (1970, 2002), buf=3000,
                                           home=self.prov_region(self.wchoice(MIGRANT_PROV)))
                    d = rng.randrange(20, 30)
                    self.T(self.tin(d, 'night'), a, hp, nice(self.ln(4800, 0.2), rng), 'mobile', a.loc, '工资')
                    self.remit_home(hp, d, 0.6)
                    self.spend(hp, rng.randint(2, 6))
            self.tenants.append((a, nice(self.ln(4500, 0.5), rng), city))
            self.spend(a, rng.randint(2, 6))
            self.setup_multi(a, 0.3)

    def buyers_by_city(self, city):
        return self.fishbuyers if city == 'ZS' and getattr(self, 'fishbuyers', None) else []

    def remit_home(self, a, day, share, fam=None, prov=None):
        """a migrant sends part of the wage home within a couple of days; returns the family account"""
        rng = self.rng
        if fam is None:
            if a.x and 'fam' in a.x:
                fam = a.x['fam']
            else:
                home = a.holder.region
                pr = None
                for k, (_, lst) in PROV.items():
                    if any(c == home for c, _ in lst):
                        pr = k
                        break
                if pr is None or home.startswith('3302') or home.startswith('3309'):
                    return None
                fam = self.remote_person(pr, (1955, 1985), 'migrant_family', region=home, buf=3000)
                self.migrant_family.append(fam)
                a.x = a.x or {}
                a.x['fam'] = fam
        t = (day + rng.choice([0, 0, 1, 1, 2])) * DAY + self.tin(0, 'evening')
        if t >= self.END:
            t = self.END - rng.randint(600, 20000)
        amt = nice(self.ln(4000 * share / 0.6, 0.4, 500, 20000), rng)
        self.T(t, a, fam, amt, 'mobile', a.loc, rng.choice(['', '', '生活费', '家用', '给家里']))
        return fam

    def setup_multi(self, a, p, moves=(2, 6)):
        """people with cards at several banks move round sums between their own accounts"""
        rng = self.rng
        if rng.random() >= p:
            return None
        if rng.random() < 0.1:      # a new electronic (class II) account opened in the app during the month
            b = self.second_acct(a, opened=rng.randint(0, self.END - 3 * DAY), cls='II')
            b.arch = a.arch + '_new_e_account'
        else:
            b = self.second_acct(a)
        for _ in range(rng.randint(*moves)):
            d = rng.randrange(self.ND)
            t = self.tin(d, 'person')
            if t < max(a.opened, b.opened) + 900:
                continue
            amt = nice(self.ln(a.buf * 0.3 + 2000, 0.7), rng)
            if rng.random() < 0.5:
                self.T(t, a, b, amt, 'mobile', a.loc, rng.choice(['', '转入理财', '自己转账', '']))
            else:
                self.T(t, b, a, amt, 'mobile', a.loc, rng.choice(['', '', '还信用卡']))
        if rng.random() < 0.5:
            self.spend(b, rng.randint(1, 4))
        return b

    # ----------------------------------------------------------------------------- salaried, elderly
    def g_salaried(self, n):
        rng = self.rng
        for i in range(n):
            city = 'ZS' if rng.random() < 0.24 else 'NB'
            emp = rng.choice(self.employers[city])
            area = emp['a'].region
            area = [k for k in LOCAL if LOCAL[k][0] == area][0] if rng.random() < 0.6 else self.local_area(city)
            migrant = rng.random() < 0.18
            home = self.prov_region(self.wchoice(STUDENT_PROV)) if migrant else None
            sal = self.ln(emp['med'], 0.28, 2600, 80000)
            if emp['pay'] is not None and emp['pay'] >= 2 and rng.random() < 0.03:     # new hire, new payroll card
                a = self.local_person(area, 'salaried_' + emp['kind'] + '_new_hire', (1994, 2002), home=home, buf=self.ln(1000, 0.8),
                                      opened=self.open_at(rng.uniform(0, emp['pay'] - 1)), bank=emp['a'].bank if rng.random() < 0.7 else None)
            else:
                a = self.local_person(area, 'salaried_' + emp['kind'], (1964, 2001), home=home, buf=self.ln(sal * 3, 0.8))
            emp['staff'].append((a, self.cents(sal)))
            self.people[city].append(a)
            self.spend(a, rng.randint(5, 13))
            if rng.random() < 0.5:     # credit card / Huabei repayment
                d = self.dom_day(rng.choice([8, 9, 10, 18, 20])) or rng.randrange(self.ND)
                self.T(self.tin(d), a, self.RES_ALI, self.cents(self.ln(1800, 0.8, 50, 30000)), 'mobile', a.loc, '花呗还款')
            if rng.random() < 0.35:
                self.tenants.append((a, nice(self.ln(2600, 0.35), rng), city))
            if rng.random() < 0.3:
                d = rng.randrange(self.ND)
                self.T(self.tin(d), a, self.CMCC, rng.choice([50, 100, 100, 200]), 'mobile', a.loc, '话费充值')
            if rng.random() < 0.35:
                d = rng.randrange(self.ND)
                self.T(self.tin(d), a, self.GRID[city], self.cents(self.ln(180, 0.5, 20, 1500)), 'mobile', a.loc, '电费')
            if migrant and rng.random() < 0.5:
                fam = self.remote_person(self.region_prov(a.holder.region), (1950, 1975), 'parent_remote', region=a.holder.region)
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'evening'), a, fam, nice(self.ln(2000, 0.5), rng), 'mobile', a.loc, rng.choice(['', '孝敬爸妈', '']))
            self.setup_multi(a, 0.32)
            if rng.random() < 0.03:   # far-away holiday: ATM cash and spending in another province
                far = rng.choice(['460200', '530100', '532801', '510100', '450100', '350200', '610100'])
                d = rng.randrange(self.ND - 4)
                for k in range(rng.randint(1, 3)):
                    self.withdraw(self.tin(d + k, 'person'), a, rng.choice([1000, 2000, 2000, 3000]), 'atm', far)
                    self.T(self.tin(d + k, 'evening'), a, self.RES_TEN, self.cents(self.ln(300, 0.8)), 'mobile', far, '财付通-微信支付')
            if rng.random() < 0.08:
                self.T(self.tin(rng.randrange(self.ND)), a, rng.choice(self.people[city][-200:] or [a]),
                       nice(self.ln(1500, 0.9), rng), 'mobile', a.loc, rng.choice(['还你', 'AA', '份子钱', '']))

    def region_prov(self, code):
        for k, (_, lst) in PROV.items():
            if any(c == code for c, _ in lst):
                return k
        return 'zhejiang'

    def run_payroll(self):
        rng = self.rng
        for city in ('NB', 'ZS'):
            for emp in self.employers[city]:
                if not emp['staff'] or emp['pay'] is None:
                    continue
                e = emp['a']
                t = self.tin(emp['pay'], 'batch')
                tot = 0.0
                for k, (a, sal) in enumerate(emp['staff']):
                    tt = t + k * rng.randint(0, 3)
                    if tt > a.opened + 900:
                        self.T(tt, e, a, sal, 'other', e.region, '代发工资')
                        tot += sal
                if e.row:   # the employer's own income
                    src = self.FIN[city] if emp['kind'] in ('school', 'hospital', 'government', 'university') else None
                    for _ in range(rng.randint(2, 6)):
                        payer = src or rng.choice(self.REMOTE_EMP + self.DISTRIB[:10] + self.SHIPOWNER)
                        d = rng.randrange(self.ND)
                        self.T(self.tin(d, 'office'), payer, e, self.cents(tot * rng.uniform(0.2, 0.5) + 1000), 'online',
                               payer.region, rng.choice(['拨款', '服务费', '货款', '']) if src is None else '财政拨款')
                    if rng.random() < 0.7:
                        self.T(self.tin(rng.randrange(self.ND), 'office'), e, self.TAX[city], self.cents(tot * 0.12 + 500), 'online', e.region, '代扣个税社保')

    def g_elderly(self, n):
        rng = self.rng
        for i in range(n):
            city = 'ZS' if rng.random() < 0.55 else 'NB'
            area = self.local_area(city, {'putuo': 4, 'dinghai': 4, 'daishan': 2, 'shengsi': 1} if city == 'ZS'
                                   else {'xiangshan': 3, 'fenghua': 2, 'yinzhou': 2, 'haishu': 2, 'ninghai': 2, 'cixi': 1, 'yuyao': 1})
            a = self.local_person(area, 'elderly_islander' if city == 'ZS' else 'pensioner', (1938, 1964),
                                  buf=self.ln(60000, 1.0), opened=self.old_open(5, 25))
            self.elderly.append(a)
            pd = self.dom_day(rng.choice([18, 18, 20, 22]))
            if pd is not None and rng.random() < 0.9:
                self.T(self.tin(pd, 'batch'), self.SOC[city], a, self.cents(self.ln(3300, 0.35, 1300, 12000)), 'other',
                       self.SOC[city].region, '养老金')
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                d = rng.randrange(self.ND)
                ch = 'counter' if rng.random() < 0.5 else 'atm'
                self.withdraw(self.tin(d, 'elder'), a, rng.choice([500, 1000, 1000, 2000, 3000, 5000]), ch)
            if rng.random() < 0.45 and self.people[city]:
                child = rng.choice(self.people[city])
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'evening'), child, a, nice(self.ln(1200, 0.5), rng), 'mobile', child.loc,
                       rng.choice(['', '给妈', '给爸', '生活费']))
            if rng.random() < 0.5:
                self.T(self.tin(rng.randrange(self.ND), 'elder'), a, self.GRID[city], self.cents(self.ln(120, 0.5, 10, 800)),
                       'counter' if rng.random() < 0.5 else 'mobile', a.loc, '电费')
            if rng.random() < 0.3:
                self.spend(a, rng.randint(1, 3), prof='elder')
            if rng.random() < 0.03 and self.people[city]:    # help a child with a flat
                child = rng.choice(self.people[city])
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'elder'), a, child, nice(self.ln(80000, 0.6), rng), 'counter', a.loc, '买房')

    # ----------------------------------------------------------------------------- friends, family, merchants
    def g_social(self):
        rng = self.rng
        for city in ('NB', 'ZS'):
            ppl = self.people[city]
            N = len(ppl)
            for i, a in enumerate(ppl):
                n = rng.choice([0, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12])
                for _ in range(n):
                    if rng.random() < 0.7:
                        b = ppl[(i + rng.randint(-40, 40)) % N]
                    else:
                        b = ppl[rng.randrange(N)]
                    if b is a:
                        continue
                    t = self.tin(rng.randrange(self.ND), 'person')
                    if t < max(a.opened, b.opened) + 900:
                        continue
                    amt = self.ln(450, 1.1, 5, 50000)
                    amt = nice(amt, rng) if rng.random() < 0.7 else self.cents(amt)
                    self.T(t, a, b, amt, 'mobile', a.loc, rng.choice(['', '', '', '还钱', '红包', 'AA', '借你的', '份子钱', '生日快乐', '还款']))

    def merchant_flows(self):
        rng = self.rng
        for city in ('NB', 'ZS'):
            for m in self.merch[city]:
                if not m.row:
                    continue
                staff = rng.sample(self.people[city], rng.randint(1, 3))
                for k in range(rng.randint(8, 24)):
                    d = rng.randrange(self.ND)
                    r = rng.random()
                    if r < 0.55:
                        s_ = rng.choice(self.SUPPL_LOCAL + self.VEG[city] + (self.PROCESSOR if city == 'ZS' else []))
                        self.T(self.tin(d, 'office'), m, s_, nice(self.ln(6000, 0.8), rng), 'online', m.loc, rng.choice(['货款', '进货', '']))
                    elif r < 0.75:
                        self.T(self.tin(d, 'evening'), m, rng.choice(staff), nice(self.ln(5000, 0.4), rng), 'online', m.loc, '工资')
                    elif r < 0.85:
                        self.withdraw(self.tin(d, 'office'), m, nice(self.ln(5000, 0.6), rng), 'counter', m.loc)
                    else:
                        self.T(self.tin(d, 'office'), m, rng.choice(self.PROPERTY), nice(self.ln(8000, 0.5), rng), 'online', m.loc, '租金')

    # ----------------------------------------------------------------------------- landlords
    def g_landlords(self, n):
        rng = self.rng
        lords = {'NB': [], 'ZS': []}
        for i in range(n):
            city = 'ZS' if rng.random() < 0.25 else 'NB'
            area = self.local_area(city)
            a = self.local_person(area, 'landlord', (1950, 1985), buf=self.ln(150000, 0.8))
            lords[city].append(a)
            self.people[city].append(a)
            if rng.random() < 0.6:
                self.T(self.tin(rng.randrange(self.ND), 'office'), a, rng.choice(self.PROPERTY), self.cents(self.ln(1500, 0.6)), 'mobile', a.loc, '物业费')
            self.spend(a, rng.randint(2, 6))
            b = self.setup_multi(a, 0.45, (1, 2))
        for (ten, rent, city) in self.tenants:
            if not lords[city]:
                continue
            lord = lords[city][hash_idx(ten.id, len(lords[city]))]
            d = rng.randrange(self.ND) if rng.random() < 0.6 else (self.dom_day(rng.randint(1, 5)) or rng.randrange(self.ND))
            t = self.tin(d, 'evening')
            if t > ten.opened + 900:
                self.T(t, ten, lord, rent, 'mobile', ten.loc, rng.choice(['房租', '房租', '租金', '', '3月房租' if self.season == 'spring' else '房租']))

    # ----------------------------------------------------------------------------- students
    def g_students(self, n):
        rng = self.rng
        for i in range(n):
            u = rng.choice(self.univ)
            prov = self.wchoice(STUDENT_PROV)
            home = self.prov_region(prov)
            fresh = self.season == 'opening' and rng.random() < 0.27
            if fresh:
                opened = self.open_at(rng.uniform(3, 9))
            else:
                yrs = rng.choice([0, 1, 1, 2, 2, 3])
                sept = dt.datetime(self.T0.year - (0 if self.T0.month >= 9 else 1) - yrs, 9, rng.randint(3, 15), tzinfo=TZ)
                opened = int((sept - self.T0).total_seconds()) + rng.randint(9 * HOUR, 16 * HOUR)
                if opened >= 0:
                    opened = self.old_open(0.3, 1)
            area = u['area']
            a = self.local_person(area, 'student_freshman' if fresh else 'student', (2001, 2006) if fresh else (1999, 2005),
                                  bank=u['campus_bank'] if rng.random() < 0.75 else None, home=home, buf=self.ln(1500, 0.8),
                                  opened=opened)
            a.init = rng.choice([0, 0, 10, 20]) if fresh else 0
            self.students.append(a)
            city = LOCAL[area][1]
            parent = self.remote_person(prov, (1968, 1982), 'parent_remote', region=home, buf=self.ln(30000, 0.8))
            d0 = max(0, int(opened // DAY) + 1) if opened > 0 else 0
            if self.season == 'winter' and rng.random() < 0.5:
                d_end = 27
            else:
                d_end = self.ND
            if fresh:
                t = opened + rng.randint(2 * HOUR, 30 * HOUR)
                self.T(t, parent, a, nice(self.ln(6000, 0.3), rng), 'mobile', parent.loc, rng.choice(['学费', '', '生活费']))
                t2 = t + rng.randint(HOUR, 3 * DAY)
                self.T(t2, a, u['a'], rng.choice([4800, 5500, 6000, 6600]), 'online', a.loc, '学费')
            for k in range(rng.choice([1, 1, 1, 2])):
                d = rng.randrange(d0, self.ND) if d0 < self.ND else self.ND - 1
                self.T(self.tin(d, 'evening'), parent, a, nice(self.ln(1800, 0.35), rng), 'mobile', parent.loc,
                       rng.choice(['', '生活费', '生活费', '零花钱']))
            self.spend(a, rng.randint(6, 14), d0, d_end, prof='evening', med=28, stall_p=0.15)
            peers = self.students[-60:]
            for _ in range(rng.randint(0, 4)):
                p = rng.choice(peers)
                if p is a:
                    continue
                d = rng.randrange(d0, d_end) if d0 < d_end else d0
                t = self.tin(min(d, self.ND - 1), 'evening')
                if t > max(a.opened, p.opened) + 900:
                    self.T(t, a, p, self.cents(self.ln(45, 0.7, 5, 400)), 'mobile', a.loc, rng.choice(['AA', '', '奶茶', '车费']))
            if rng.random() < 0.22 and self.people[city]:   # tutoring or part-time work
                payer = rng.choice(self.people[city])
                for _ in range(rng.randint(1, 4)):
                    d = rng.randrange(d0, self.ND) if d0 < self.ND else self.ND - 1
                    self.T(self.tin(d, 'evening'), payer, a, rng.choice([150, 200, 200, 300, 400]), 'mobile', payer.loc, '家教费')
            if self.season == 'winter' and rng.random() < 0.4:
                self.T(self.tin(rng.randrange(18, 27)), a, self.RES_ALI, self.cents(self.ln(350, 0.4)), 'mobile', a.loc, '火车票')

    # ----------------------------------------------------------------------------- container trucks
    def g_drivers(self, n):
        rng = self.rng
        self.drivers = []
        for i in range(n):
            area = self.wchoice({'beilun': 12, 'zhenhai': 5, 'yinzhou': 2, 'cixi': 1})
            migrant = rng.random() < 0.55
            home = self.prov_region(self.wchoice({'anhui': 4, 'henan': 4, 'jiangxi': 2, 'hubei': 2, 'sichuan': 1, 'shandong': 1})) if migrant else None
            a = self.local_person(area, 'container_truck_driver', (1968, 1996), home=home, buf=self.ln(12000, 0.8))
            self.drivers.append(a)
            self.people['NB'].append(a)
        for a in self.drivers:
            payers = rng.sample(self.FLEET, rng.randint(0, 2)) + rng.sample(self.fwd_pay, rng.randint(3, 10))
            subs = rng.sample(self.drivers, rng.randint(1, 2)) if rng.random() < 0.3 else []
            for p in payers:
                k = rng.randint(2, 8)
                for _ in range(k):
                    d = rng.randrange(self.ND)
                    t = self.tin(d, 'port' if p.cls != 'corp' else 'office')
                    jobs = rng.choice([1, 1, 1, 2, 3, 5])
                    amt = sum(self.ln(750, 0.3, 300, 1800) for _ in range(jobs))
                    amt = nice(amt, rng) if rng.random() < 0.6 else round(amt)
                    self.T(t, p, a, amt, 'online' if p.cls == 'corp' else 'mobile', p.loc, rng.choice(['运费', '运费', '拖车费', '', '柜费']))
                    if subs and rng.random() < 0.5:
                        s = rng.choice(subs)
                        if s is not a:
                            self.T(t + rng.randint(10 * MIN, 4 * HOUR), a, s, nice(amt * rng.uniform(0.3, 0.6), rng), 'mobile', a.loc,
                                   rng.choice(['代班', '运费', '']))
            city = 'NB'
            for _ in range(rng.randint(4, 9)):
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'port'), a, rng.choice(self.SINOPEC['NB'][:3] + self.SINOPEC['NB']), rng.choice([500, 800, 1000, 1000, 1500, 2000]),
                       'pos', a.loc, '加油')
            d = rng.randrange(self.ND)
            self.T(self.tin(d, 'batch'), a, self.ETC, self.cents(self.ln(2600, 0.4)), 'other', '330106', 'ETC通行费')
            if rng.random() < 0.5:
                d = self.dom_day(rng.choice([5, 10, 15, 20])) or 5
                self.T(self.tin(d, 'office'), a, rng.choice(self.LEASING), self.cents(self.ln(8500, 0.2)), 'online', a.loc, '车贷')
            for _ in range(rng.randint(0, 2)):
                self.T(self.tin(rng.randrange(self.ND), 'port'), a, rng.choice(self.TRUCKREPAIR), nice(self.ln(900, 0.9), rng), 'mobile', a.loc, '修车')
            if not a.holder.region.startswith('33'):
                for _ in range(rng.randint(1, 2)):
                    self.remit_home(a, rng.randrange(self.ND), 0.8)
            self.spend(a, rng.randint(3, 8), prof='port')
            if rng.random() < 0.04:   # long haul: cash far from home
                far = self.prov_region(rng.choice(['guangdong', 'fujian', 'sichuan', 'henan']))
                self.withdraw(self.tin(rng.randrange(self.ND), 'port'), a, rng.choice([1000, 2000, 2500]), 'atm', far)
            self.setup_multi(a, 0.2)

    # ----------------------------------------------------------------------------- forwarders, customs brokers
    def g_forwarders(self, n):
        rng = self.rng
        self.fwd_pay = list(self.FLEET)
        self.forwarders = []
        for i in range(n):
            area = self.wchoice({'beilun': 5, 'haishu': 3, 'jiangbei': 2, 'yinzhou': 3, 'zhenhai': 1})
            broker = rng.random() < 0.3
            personal_mode = rng.random() < 0.35
            corp = self.local_company(area, 'customs_broker' if broker else 'freight_forwarder', buf=self.ln(400000, 0.8), ymin=1, ymax=12)
            owner = self.local_person(area, 'forwarder_owner', (1970, 1990), buf=self.ln(80000, 0.8))
            self.owners.append(owner)
            self.corp_victims.append(corp)
            self.people['NB'].append(owner)
            emp = dict(a=corp, med=7800, pay=self.dom_day(rng.choice([10, 15])), staff=[], kind='freight_forwarder')
            self.employers['NB'].append(emp)
            main = owner if personal_mode else corp
            self.fwd_pay.append(main)
            self.forwarders.append((corp, owner, main, broker))
        self.shippers_remote = [self.remote_company(self.wchoice({'zhejiang': 6, 'jiangxi': 3, 'anhui': 3, 'jiangsu': 3, 'guangdong': 1, 'fujian': 1, 'hunan': 1}),
                                                    'shipper_factory', buf=3e6) if rng.random() < 0.8 else
                                self.remote_person(self.wchoice({'zhejiang': 5, 'jiangxi': 2, 'anhui': 2, 'jiangsu': 2}), (1970, 1990), 'shipper_trader', buf=5e5)
                                for _ in range(110)]

    def forwarder_flows(self):
        rng = self.rng
        for corp, owner, main, broker in self.forwarders:
            clients = rng.sample(self.shippers_remote, rng.randint(8, 25)) + rng.sample(self.workshops_corp, min(len(self.workshops_corp), rng.randint(2, 8)))
            for c in clients:
                for _ in range(rng.randint(1, 4)):
                    d = rng.randrange(self.ND)
                    t = self.tin(d, 'office' if c.cls == 'corp' else 'person')
                    amt = self.cents(self.ln(4000 if broker else 14000, 0.9, 600, 400000))
                    if rng.random() < 0.4:
                        amt = nice(amt, rng)
                    self.T(t, c, main, amt, 'online' if c.cls == 'corp' else 'mobile', c.loc, rng.choice(['运费', '海运费', '报关费', '货代费', '']))
                    if rng.random() < 0.65:       # passed on to the carrier within hours
                        t2 = t + int(self.ln(2 * HOUR, 1.0, 5 * MIN, 30 * HOUR))
                        if broker:
                            tgt, memo = rng.choice([(self.TAX['NB'], '代缴税款'), (rng.choice(self.TERMINAL), '港杂费')])
                        else:
                            tgt, memo = rng.choice([(rng.choice(self.SHIPAG), '海运费'), (rng.choice(self.SHIPAG), '订舱费'), (rng.choice(self.TERMINAL), '码头操作费')])
                        self.T(t2, main, tgt, self.cents(amt * rng.uniform(0.6, 0.92)), 'online', main.loc, memo)
            if not broker and rng.random() < 0.45:   # overseas agents, USD
                for _ in range(rng.randint(1, 4)):
                    d = rng.randrange(self.ND)
                    if self.work[d]:
                        self.T(self.tin(d, 'office'), corp, rng.choice(self.OVERSEA), self.cents(self.ln(4500, 0.8, 300, 60000)), 'online',
                               corp.loc, '海外代理费 agency fee', cur='USD', xb=True)
            for _ in range(rng.randint(1, 3)):     # owner's draw, or the owner topping up the company
                d = rng.randrange(self.ND)
                if main is corp:
                    self.T(self.tin(d, 'office'), corp, owner, nice(self.ln(30000, 0.7), rng), 'online', corp.loc, rng.choice(['备用金', '借款', '']))
                else:
                    self.T(self.tin(d, 'night'), owner, corp, nice(self.ln(50000, 0.7), rng), 'mobile', owner.loc, rng.choice(['', '还款', '往来款']))
            self.spend(owner, rng.randint(4, 10))
            self.setup_multi(owner, 0.5, (2, 5))
            if self.T0.month in (3, 12, 9):
                self.T(self.tin(rng.randrange(self.ND), 'office'), corp, self.TAX['NB'], self.cents(self.ln(12000, 0.8)), 'online', corp.loc, '增值税')

    # ----------------------------------------------------------------------------- fishing
    def make_fishbuyers(self, n):
        rng = self.rng
        self.fishbuyers = []     # every account the buyers pay from
        self.buyer_groups = []
        for i in range(n):
            area = self.wchoice({'putuo': 10, 'xiangshan': 4, 'daishan': 2, 'dinghai': 2, 'shengsi': 1, 'jiangbei': 1, 'yinzhou': 1})
            a = self.local_person(area, 'fish_buyer', (1965, 1990), buf=self.ln(250000, 0.7))
            accts = [a]
            for _ in range(rng.choice([0, 1, 1, 2])):
                accts.append(self.second_acct(a, buf=self.ln(150000, 0.7)))
            if rng.random() < 0.25:
                c = self.local_company(area, 'seafood_trading_co', buf=self.ln(500000, 0.7), ymin=1, ymax=10)
                accts.append(c)
                self.corp_victims.append(c)
            self.fishbuyers.extend(accts)
            self.buyer_groups.append(accts)
            self.owners.append(a)
            self.people['ZS' if LOCAL[area][1] == 'ZS' else 'NB'].append(a)

    def g_fishing(self, n_boats):
        rng = self.rng
        opening = self.season == 'opening'
        self.crews = []
        for i in range(n_boats):
            area = self.wchoice({'putuo': 9, 'xiangshan': 5, 'daishan': 3, 'shengsi': 2, 'dinghai': 1})
            city = LOCAL[area][1]
            big = rng.random() < 0.45
            owner = self.local_person(area, 'boat_owner', (1960, 1988), buf=self.ln(200000 if big else 80000, 0.7))
            self.owners.append(owner)
            self.people['ZS' if city == 'ZS' else 'NB'].append(owner)
            o2 = self.setup_multi(owner, 0.35, (1, 3))
            # crews
            crew = []
            for k in range(rng.randint(6, 12) if big else rng.randint(3, 6)):
                migrant = rng.random() < 0.65
                if migrant:
                    prov = self.wchoice({'guizhou': 5, 'sichuan': 4, 'henan': 3, 'anhui': 3, 'hunan': 2, 'jiangxi': 2, 'yunnan': 2})
                    home = self.prov_region(prov)
                    if rng.random() < 0.25:
                        c = self.remote_person(prov, (1965, 2000), 'fishing_crew', region=home, buf=self.ln(3000, 0.8))
                        c.loc = LOCAL[area][0]
                    else:
                        newacct = opening and rng.random() < 0.35
                        opened = self.open_at(rng.uniform(1, 12)) if newacct else None
                        c = self.local_person(area, 'fishing_crew_new' if newacct else 'fishing_crew', (1965, 2001), home=home,
                                              bank=self.wchoice({'ZSRCB': 5, 'ABC': 3, 'PSBC': 3, 'ICBC': 2, 'CCB': 2, 'NBCB': 1}) if city == 'ZS' else None,
                                              buf=self.ln(3000, 0.8), opened=opened)
                else:
                    c = self.local_person(area, 'fishing_crew', (1958, 1985), buf=self.ln(15000, 0.8))
                crew.append(c)
            self.crews.extend(crew)
            buyers = [rng.choice(self.buyer_groups) for _ in range(rng.randint(1, 3))]
            # trips and landings
            trip = rng.uniform(1.5, 4) if not big else rng.uniform(4, 11)
            d = rng.uniform(0, trip) if not opening else 14.5 + rng.uniform(0, 0.6)
            landings = []
            while d < self.ND:
                dl = int(d + trip) if opening else int(d)
                if opening and d < 15:
                    dl = int(15 + trip * rng.uniform(0.3, 1.0))
                if dl >= self.ND:
                    break
                if self.fishing(dl) > 0:
                    landings.append(dl)
                d = dl + trip + rng.uniform(0.5, 2)
            for dl in landings:
                catch = self.ln(60000 if big else 16000, 0.6) * self.fishing(dl)
                g = rng.choice(buyers)
                parts = rng.choice([1, 1, 2, 3])
                for p in range(parts):
                    payer = rng.choice(g) if rng.random() < 0.7 else rng.choice(rng.choice(self.buyer_groups))
                    amt = catch / parts * rng.uniform(0.7, 1.3)
                    amt = nice(amt, rng) if rng.random() < 0.55 else self.cents(amt)
                    self.T(self.tin(dl, 'predawn'), payer, owner, amt, 'mobile', payer.loc, rng.choice(['鱼款', '货款', '', '带鱼', '梭子蟹' if opening else '鱼款']))
                # fuel, ice, provisions for the next trip
                t = self.tin(dl, 'office')
                self.T(t, owner, rng.choice(self.MFUEL), nice(self.ln(22000 if big else 6000, 0.5), rng), 'mobile', owner.loc, '油款')
                if rng.random() < 0.7:
                    self.T(t + rng.randint(300, 7200), owner, rng.choice(self.ICE), nice(self.ln(3000 if big else 900, 0.5), rng), 'mobile', owner.loc, '冰钱')
                if rng.random() < 0.4:
                    self.T(t + rng.randint(300, 9000), owner, rng.choice(self.PROVI), self.cents(self.ln(1800, 0.6)), 'mobile', owner.loc, '物资')
            if opening:      # pre-season: nets, repair, fuel, crew advances
                self.T(self.tin(rng.randrange(2, 13), 'office'), owner, rng.choice(self.GEAR), nice(self.ln(30000 if big else 8000, 0.6), rng), 'mobile', owner.loc, '网具')
                if rng.random() < 0.6:
                    self.T(self.tin(rng.randrange(0, 12), 'office'), owner, rng.choice(self.REPAIRYARD), nice(self.ln(80000 if big else 20000, 0.7), rng), 'online', owner.loc, '修船款')
                self.T(self.tin(rng.randrange(11, 15), 'office'), owner, rng.choice(self.MFUEL), nice(self.ln(90000 if big else 20000, 0.5), rng), 'mobile', owner.loc, '油款')
                self.T(self.tin(14, 'predawn'), owner, rng.choice(self.ICE), nice(self.ln(5000 if big else 1500, 0.5), rng), 'mobile', owner.loc, '冰钱')
                for c in crew:
                    dd = max(rng.randrange(3, 14), int(c.opened // DAY) + 1 if c.opened > 0 else 0)
                    if dd < 15:
                        self.T(self.tin(dd, 'evening'), owner, c, rng.choice([2000, 3000, 3000, 5000]), 'mobile', owner.loc, '预支')
                        if c.holder.region[:2] != '33':
                            self.remit_home(c, dd, 0.5)
            # wages: once in the month (end of trip settlements), partly round
            pay_day = rng.randrange(22, 30) if opening else rng.randrange(5, 28)
            for c in crew:
                wage = self.ln(9500 if big else 7000, 0.3)
                if opening:
                    wage *= 0.6
                tt = self.tin(pay_day, 'evening')
                if tt < c.opened + 900:
                    continue
                self.T(tt, owner if (o2 is None or rng.random() < 0.7) else o2, c, nice(wage, rng), 'mobile', owner.loc, rng.choice(['工资', '工资', '', '分红']))
                if c.holder.region[:2] != '33':
                    self.remit_home(c, pay_day, 0.7)
                if rng.random() < 0.6:
                    self.withdraw(self.tin(min(pay_day + rng.randint(0, 2), self.ND - 1), 'evening'), c, rng.choice([500, 1000, 1000, 2000]), 'atm', c.loc)
                self.spend(c, rng.randint(1, 4), max(0, int(c.opened // DAY) + 1) if c.opened > 0 else 0)
                if self.season != 'opening' and rng.random() < 0.04:    # home visit: cash at home
                    self.withdraw(self.tin(rng.randrange(self.ND), 'person'), c, rng.choice([1000, 2000, 3000]), 'atm', c.holder.region)
            if self.season == 'winter' and rng.random() < 0.5:     # fuel subsidy (油补)
                self.T(self.tin(rng.randrange(8, 20), 'batch'), self.FIN_ZS, owner, self.cents(self.ln(120000 if big else 40000, 0.5)), 'other', self.FIN_ZS.region, '渔业油价补贴')
            if rng.random() < (0.12 if opening else 0.03):           # new engine
                d = rng.randrange(0, 14) if opening else rng.randrange(self.ND)
                self.T(self.tin(d, 'office'), owner, rng.choice(self.ENGINE), nice(self.ln(260000, 0.4), rng), 'counter', owner.loc, '主机款')
            self.spend(owner, rng.randint(3, 8))

    def fishbuyer_flows(self):
        rng = self.rng
        for g in self.buyer_groups:
            main = g[0]
            for k in range(rng.randint(8, 20)):       # processors pay in lumps
                d = rng.randrange(self.ND)
                if self.fishing(d) == 0 and self.season == 'opening' and d < 15:
                    continue
                p = rng.choice(self.PROCESSOR)
                self.T(self.tin(d, 'office'), p, rng.choice(g), nice(self.ln(90000, 0.8), rng) if rng.random() < 0.6 else self.cents(self.ln(90000, 0.8)),
                       'online', p.loc, rng.choice(['货款', '鱼款', '']))
            for k in range(rng.randint(8, 25)):       # wholesale customers in Shanghai, Hangzhou, Jiangsu, Fujian
                d = rng.randrange(self.ND)
                c = rng.choice(self.WHOLESALE)
                self.T(self.tin(d, 'office' if c.cls == 'corp' else 'evening'), c, rng.choice(g), self.cents(self.ln(25000, 0.9)), 'online' if c.cls == 'corp' else 'mobile',
                       c.loc, rng.choice(['货款', '海鲜款', '']))
            for k in range(rng.randint(1, 5)):        # move money to the bank the boats use, before dawn
                if len(g) < 2:
                    break
                a, b = rng.sample(g, 2)
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'predawn'), a, b, nice(self.ln(150000, 0.6), rng), 'mobile', a.loc, '')
            for k in range(rng.randint(0, 4)):        # cash for boats that want cash
                d = rng.randrange(self.ND)
                self.withdraw(self.tin(d, 'office'), rng.choice(g), nice(self.ln(60000, 0.5), rng), 'counter', main.loc, '取现')
            for k in range(rng.randint(1, 5)):        # cold-chain trucks
                d = rng.randrange(self.ND)
                self.T(self.tin(d, 'port'), main, rng.choice(self.drivers), nice(self.ln(2500, 0.5), rng), 'mobile', main.loc, '运费')
            self.spend(main, rng.randint(2, 6))

    # ----------------------------------------------------------------------------- dried seafood online shops
    def g_seafood_shops(self, n):
        rng = self.rng
        self.seafood_shops = []
        for i in range(n):
            area = self.wchoice({'putuo': 5, 'dinghai': 3, 'xiangshan': 3, 'daishan': 2, 'shengsi': 1})
            new = rng.random() < 0.15
            opened = self.open_at(rng.uniform(0, 10)) if (new and rng.random() < 0.5) else (self.old_open(0.05, 0.4) if new else None)
            a = self.local_person(area, 'dried_seafood_shop_new' if new else 'dried_seafood_shop', (1975, 1998), buf=self.ln(40000, 0.8), opened=opened)
            a.init = rng.choice([0, 100, 500]) if new else 0
            self.seafood_shops.append(a)
            self.people['ZS' if LOCAL[area][1] == 'ZS' else 'NB'].append(a)
            d0 = max(0, int(a.opened // DAY) + 1) if a.opened > 0 else 0
            size = self.ln(1.0, 0.6)
            plat = rng.sample(self.PLATS, rng.randint(1, 3))
            for d in range(d0, self.ND):
                for p in plat:
                    if rng.random() > 0.75 * min(1.3, size) * min(1.3, self.ecom(d)):
                        continue
                    self.T(self.tin(d, 'batch'), p, a, self.cents(self.ln(2200 * size * self.ecom(d), 0.7)), 'other', p.region, '结算款')
            ncust = int(self.ln(40, 0.6) * size * (1.5 if self.season == 'opening' else 1.0))
            pool = self.online_buyers
            for k in range(ncust):
                c = pool[(hash_idx(a.id, len(pool)) + k * 7 + rng.randrange(len(pool))) % len(pool)]
                d = rng.randrange(d0, self.ND)
                self.T(self.tin(d, 'evening'), c, a, round(self.ln(220, 0.7, 30, 4000), rng.choice([0, 0, 2])), 'mobile', c.loc,
                       rng.choice(['', '', '鱼干', '虾干', '货款', '海鲜', '带鱼']))
            for k in range(rng.randint(2, 7)):   # suppliers: processors, buyers, drying workshops
                d = rng.randrange(d0, self.ND)
                s = rng.choice(self.PROCESSOR + self.fishbuyers[:40])
                self.T(self.tin(d, 'office'), a, s, nice(self.ln(9000 * size, 0.7), rng), 'mobile', a.loc, '货款')
            cour = rng.choice(self.COURIER)
            self.T(self.tin(rng.randrange(d0, self.ND), 'office'), a, cour, self.cents(self.ln(3500 * size, 0.6)), 'online', a.loc, '快递费')
            for k in range(rng.randint(0, 4)):
                self.T(self.tin(rng.randrange(d0, self.ND), 'evening'), a, self.ADS, rng.choice([300, 500, 1000, 2000]), 'online', a.loc, '巨量千川充值')
            self.spend(a, rng.randint(2, 6), d0)

    # ----------------------------------------------------------------------------- Cixi / Yuyao workshops
    def g_workshops(self, n):
        rng = self.rng
        self.workshops_corp = []
        for i in range(n):
            area = self.wchoice({'cixi': 6, 'yuyao': 4, 'yinzhou': 1, 'beilun': 1, 'fenghua': 1})
            line = rng.choice(['small_appliance', 'small_appliance', 'mould', 'plastic_moulding', 'small_appliance'])
            corp = self.local_company(area, 'workshop_' + line, buf=self.ln(500000, 0.8), ymin=1, ymax=20)
            owner = self.local_person(area, 'workshop_owner', (1965, 1990), buf=self.ln(150000, 0.8))
            self.workshops_corp.append(corp)
            self.corp_victims.append(corp)
            self.owners.append(owner)
            self.people['NB'].append(owner)
            staff = []
            nw = int(self.ln(9, 0.5, 3, 30))
            pay = self.dom_day(rng.choice([10, 15, 15, 20, 25]))
            p_new = {'spring': 0.18, 'winter': 0.05, 'opening': 0.08}[self.season]
            for k in range(nw):
                migrant = rng.random() < 0.72
                prov = self.wchoice({'guizhou': 4, 'sichuan': 3, 'henan': 3, 'anhui': 3, 'yunnan': 2, 'jiangxi': 2, 'guangxi': 1, 'hunan': 1})
                if migrant and rng.random() < 0.12:
                    w = self.remote_person(prov, (1970, 2003), 'workshop_worker', buf=self.ln(2000, 0.8))
                    w.loc = LOCAL[area][0]
                elif migrant and pay is not None and pay >= 2 and rng.random() < p_new:
                    w = self.local_person(area, 'workshop_worker_new', (1975, 2005), home=self.prov_region(prov), buf=self.ln(800, 0.8),
                                          opened=self.open_at(rng.uniform(0, pay - 1)),
                                          bank=self.wchoice({'ABC': 3, 'ICBC': 3, 'CCB': 2, 'PSBC': 2, 'NBCB': 2, 'YZRCB': 1}))
                else:
                    w = self.local_person(area, 'workshop_worker', (1968, 2003), home=self.prov_region(prov) if migrant else None,
                                          buf=self.ln(2500, 0.8))
                staff.append((w, self.cents(self.ln(6300, 0.22, 3500, 14000))))
                self.people['NB'].append(w)
                self.tenants.append((w, nice(self.ln(700, 0.3), rng), 'NB')) if (migrant and rng.random() < 0.6) else None
            self.employers['NB'].append(dict(a=corp, med=6300, pay=pay, staff=staff, kind='workshop'))
            for w, sal in staff:
                if not w.holder.region.startswith('33') and pay is not None and rng.random() < 0.75:
                    self.remit_home(w, pay, 0.6)
                self.spend(w, rng.randint(2, 6))
                if rng.random() < 0.3:
                    self.withdraw(self.tin(rng.randrange(self.ND), 'evening'), w, rng.choice([500, 1000, 1000, 2000]), 'atm', w.loc)
            size = nw / 9.0
            plats = rng.sample(self.PLATS, rng.randint(1, 3))
            for d in range(self.ND):
                for p in plats:
                    if rng.random() > 0.8:
                        continue
                    self.T(self.tin(d, 'batch'), p, corp, self.cents(self.ln(7000 * size * self.ecom(d), 0.7)), 'other', p.region, '结算款')
            dists = rng.sample(self.DISTRIB, rng.randint(2, 6))
            for k in range(rng.randint(3, 9)):
                dd = rng.choice(dists)
                self.T(self.tin(rng.randrange(self.ND), 'office'), dd, corp if rng.random() < 0.75 else owner,
                       nice(self.ln(35000 * size, 0.8), rng) if rng.random() < 0.5 else self.cents(self.ln(35000 * size, 0.8)),
                       'online' if dd.cls == 'corp' else 'mobile', dd.loc, rng.choice(['货款', '货款', '预付款', '']))
            sups = rng.sample(self.SUPPL_LOCAL, rng.randint(4, 10)) + rng.sample(self.SUPPL_REMOTE, rng.randint(0, 3))
            yearend = 1.8 if self.season == 'winter' else 1.0
            for k in range(int(rng.randint(6, 16) * yearend)):
                s = rng.choice(sups)
                d = rng.randrange(self.ND) if self.season != 'winter' else min(self.ND - 1, int(rng.triangular(0, self.ND, self.ND - 3)))
                payer = corp if rng.random() < 0.7 else owner
                self.T(self.tin(d, 'office' if payer is corp else 'night'), payer, s,
                       nice(self.ln(18000 * size, 0.8), rng) if rng.random() < 0.6 else self.cents(self.ln(18000 * size, 0.8)),
                       'online' if payer is corp else 'mobile', payer.loc, rng.choice(['货款', '材料款', '模具款' if 'mould' in line else '货款', '']))
            self.T(self.tin(rng.randrange(self.ND), 'batch'), corp, self.GRID['NB'], self.cents(self.ln(6000 * size, 0.5)), 'other', corp.loc, '电费')
            self.T(self.tin(rng.randrange(self.ND), 'office'), corp, self.TAX['NB'], self.cents(self.ln(9000 * size, 0.7)), 'online', corp.loc, '税款')
            for k in range(rng.randint(1, 3)):
                self.T(self.tin(rng.randrange(self.ND), 'office'), corp, owner, nice(self.ln(30000, 0.6), rng), 'online', corp.loc, rng.choice(['备用金', '分红', '']))
            self.spend(owner, rng.randint(4, 10))
            self.setup_multi(owner, 0.5, (1, 4))

    # ----------------------------------------------------------------------------- shipyards
    def g_shipyards(self, n_yards):
        rng = self.rng
        for i in range(n_yards):
            area = ['dinghai', 'putuo', 'xiangshan', 'daishan', 'beilun'][i % 5]
            yard = self.local_company(area, 'shipyard', buf=self.ln(3e7, 0.5), ymin=8, ymax=25)
            self.corp_victims.append(yard)
            for k in range(rng.randint(1, 2)):
                so = rng.choice(self.SHIPOWNER)
                self.T(self.tin(rng.randrange(self.ND), 'office'), so, yard, nice(self.ln(8e6, 0.6), rng), 'online', so.loc, '造船进度款')
            if rng.random() < 0.6:
                fo = rng.choice(self.SHIPOWNER_F)
                self.T(self.tin(rng.randrange(self.ND), 'office'), fo, yard, nice(self.ln(1.5e6, 0.5), rng), 'online', '', 'shipbuilding instalment',
                       cur='USD', xb=True)
            for k in range(rng.randint(2, 4)):
                s = rng.choice(self.STEEL + self.EQUIP)
                self.T(self.tin(rng.randrange(self.ND), 'office'), yard, s, nice(self.ln(2.5e6, 0.7), rng), 'online', yard.loc, rng.choice(['钢材款', '设备款']))
            self.T(self.tin(rng.randrange(self.ND), 'office'), yard, self.TAX['ZS' if area != 'beilun' and area != 'xiangshan' else 'NB'],
                   self.cents(self.ln(4e5, 0.5)), 'online', yard.loc, '税款')
            payday = self.dom_day(rng.choice([10, 15, 20])) or 10
            direct = []
            for s in range(rng.randint(3, 5)):     # labour subcontractors (劳务分包)
                boss = self.local_person(area, 'labour_subcontractor', (1965, 1985), home=self.prov_region(self.wchoice(MIGRANT_PROV)),
                                         buf=self.ln(60000, 0.8))
                sub_corp = self.local_company(area, 'labour_service_co', buf=self.ln(100000, 0.8), ymin=1, ymax=8) if rng.random() < 0.5 else None
                workers = []
                for w in range(int(self.ln(20, 0.5, 6, 60))):
                    prov = self.wchoice({'anhui': 4, 'henan': 4, 'guizhou': 3, 'sichuan': 3, 'jiangxi': 2, 'hunan': 2, 'chongqing': 1})
                    if rng.random() < 0.15:
                        wa = self.remote_person(prov, (1965, 2000), 'shipyard_worker', buf=self.ln(2000, 0.8))
                        wa.loc = LOCAL[area][0]
                    elif payday >= 2 and rng.random() < (0.15 if self.season == 'spring' else 0.06):
                        wa = self.local_person(area, 'shipyard_worker_new', (1968, 2003), home=self.prov_region(prov), buf=self.ln(600, 0.8),
                                               opened=self.open_at(rng.uniform(0, payday - 1)),
                                               bank=self.wchoice({'ZSRCB': 3, 'ABC': 3, 'ICBC': 3, 'CCB': 2, 'PSBC': 2}))
                    else:
                        wa = self.local_person(area, 'shipyard_worker', (1965, 2000), home=self.prov_region(prov), buf=self.ln(2500, 0.8),
                                               bank=self.wchoice({'ZSRCB': 3, 'ABC': 3, 'ICBC': 3, 'CCB': 2, 'PSBC': 2, 'BOC': 1, 'NBCB': 1}))
                    workers.append((wa, nice(self.ln(8000, 0.25), rng) if rng.random() < 0.7 else self.cents(self.ln(8000, 0.25))))
                tot = sum(x for _, x in workers) * rng.uniform(1.08, 1.2)
                t = self.tin(payday, 'office')
                recv = sub_corp or boss
                self.T(t, yard, recv, nice(tot, rng), 'online', yard.loc, '劳务费')
                if sub_corp:
                    t += int(self.ln(3 * HOUR, 0.8, 20 * MIN, 2 * DAY))
                    self.T(t, sub_corp, boss, nice(tot * rng.uniform(0.96, 1.0), rng), 'online', sub_corp.loc, '劳务费')
                t2 = t + int(self.ln(2 * HOUR, 1.0, 10 * MIN, 2 * DAY))
                for k, (wa, w_amt) in enumerate(workers):     # fan-out to the workers
                    tt = t2 + k * rng.randint(20, 240)
                    self.T(tt, boss, wa, w_amt, 'mobile', boss.loc, rng.choice(['工资', '工资', '', '生活费']))
                    if not wa.holder.region.startswith('33') and rng.random() < 0.8:
                        self.remit_home(wa, int(tt // DAY), 0.65)
                    if rng.random() < 0.5:
                        self.withdraw(self.tin(min(self.ND - 1, int(tt // DAY) + rng.randint(0, 3)), 'evening'), wa,
                                      rng.choice([500, 1000, 2000, 2500]), 'atm', wa.loc)
                    self.spend(wa, rng.randint(1, 4))
                for k in range(rng.randint(2, 10)):   # advances to workers during the month
                    wa, _ = rng.choice(workers)
                    self.T(self.tin(rng.randrange(self.ND), 'evening'), boss, wa, rng.choice([500, 1000, 1000, 2000]), 'mobile', boss.loc, '借支')
                self.spend(boss, rng.randint(3, 8))
            for k in range(rng.randint(5, 20)):
                direct.append((self.local_person(area, 'shipyard_staff', (1970, 1998), buf=self.ln(20000, 0.8)), self.cents(self.ln(9500, 0.3))))
            self.employers['ZS'].append(dict(a=yard, med=9500, pay=payday, staff=direct, kind='shipyard'))
            for a, _ in direct:
                self.spend(a, rng.randint(3, 8))
        for ry in self.REPAIRYARD:       # small repair yards receive from boat owners (above) and pay welders
            for k in range(rng.randint(3, 8)):
                w = self.local_person(LOCAL_KEY[ry.region], 'repair_yard_welder', (1968, 1995), home=self.prov_region(self.wchoice(MIGRANT_PROV)), buf=2000)
                self.T(self.tin(rng.randrange(5, 28), 'evening'), ry, w, nice(self.ln(7500, 0.3), rng), 'online', ry.loc, '工资')
                self.remit_home(w, rng.randrange(self.ND), 0.6)
                self.spend(w, rng.randint(1, 4))

    # ----------------------------------------------------------------------------- tourism
    def g_tourism(self, n_guest, n_taxi, n_incense, n_visitors):
        rng = self.rng
        gh = []
        for i in range(n_guest):
            area = self.wchoice({'putuo': 7, 'shengsi': 2, 'xiangshan': 2, 'daishan': 1})
            a = self.local_person(area, 'fisherman_guesthouse', (1960, 1992), buf=self.ln(30000, 0.8))
            gh.append(a)
            self.people['ZS' if LOCAL[area][1] == 'ZS' else 'NB'].append(a)
        taxis = []
        for i in range(n_taxi):
            area = self.wchoice({'putuo': 5, 'dinghai': 3, 'shengsi': 1, 'xiangshan': 1})
            a = self.local_person(area, 'taxi_driver' if rng.random() < 0.7 else 'island_ferry_boatman', (1965, 1995), buf=self.ln(8000, 0.8))
            taxis.append(a)
            self.people['ZS' if LOCAL[area][1] == 'ZS' else 'NB'].append(a)
        inc = []
        for i in range(n_incense):
            a = self.local_person('putuo', 'incense_shop', (1960, 1990), buf=self.ln(30000, 0.8))
            inc.append(a)
            self.people['ZS'].append(a)
        self.tour_accts = gh + taxis + inc
        # visitors, their trips and payments
        visitors = [self.remote_person(self.wchoice(VISITOR_PROV), (1955, 2003), 'visitor', buf=self.ln(20000, 0.8)) for _ in range(n_visitors)]
        dayw = [self.tour(d) for d in range(self.ND)]
        for v in visitors:
            for trip in range(1 if rng.random() < 0.85 else 2):
                d = rng.choices(range(self.ND), weights=dayw)[0]
                pilgrim = rng.random() < 0.5
                stay = rng.choice([1, 1, 2, 2, 3])
                if rng.random() < 0.75:
                    g = rng.choice(gh)
                    td = max(0, d - rng.randint(0, 10))
                    self.T(self.tin(td, 'evening'), v, g, rng.choice([200, 300, 300, 500, 500, 800, 1000]), 'mobile', v.loc, rng.choice(['定金', '房费', '']))
                    if rng.random() < 0.5:
                        self.T(self.tin(min(d + stay, self.ND - 1), 'morning'), v, g, round(self.ln(500 * stay, 0.5)), 'mobile', v.loc, rng.choice(['房费', '尾款', '']))
                for k in range(rng.randint(0, 3)):
                    tx = rng.choice(taxis)
                    self.T(self.tin(min(d + rng.randint(0, stay), self.ND - 1), 'person'), v, tx, round(self.ln(45, 0.6, 10, 400)), 'mobile', tx.loc, '')
                if pilgrim and rng.random() < 0.6:
                    s = rng.choice(inc)
                    big = d in [p for p, _ in self.cfg['tour_peak']] and rng.random() < 0.2
                    amt = rng.choice([6666, 8888, 9999, 3600]) if big else round(self.ln(180, 0.9, 20, 5000))
                    self.T(self.tin(min(d + 1, self.ND - 1), 'morning'), v, s, amt, 'mobile', s.loc, rng.choice(['香', '', '请香']))
                if pilgrim and rng.random() < 0.3:
                    self.T(self.tin(d, 'person'), v, self.TEMPLE, rng.choice([100, 200, 200, 500, 1000, 1888, 6666, 8888, 300, 600]),
                           'mobile', v.loc, rng.choice(['功德', '随喜', '香火', '']))
                if rng.random() < 0.15:
                    s = rng.choice(self.seafood_shops)
                    self.T(self.tin(d, 'person'), v, s, round(self.ln(400, 0.7)), 'mobile', s.loc, rng.choice(['海鲜干货', '', '鱼干']))
                if rng.random() < 0.3:
                    s = rng.choice(self.stalls['ZS'])
                    self.T(self.tin(d, 'night'), v, s, round(self.ln(180, 0.6)), 'mobile', s.loc, '')
        # remote pilgrims donating online (no trip)
        for k in range(int(60 * self.cfg['tour_base'] * 2)):
            v = rng.choice(visitors)
            d = rng.choices(range(self.ND), weights=dayw)[0]
            self.T(self.tin(d, 'person'), v, self.TEMPLE, rng.choice([50, 100, 100, 200, 500, 1000, 666, 888]), 'mobile', v.loc, rng.choice(['功德', '随喜', '']))
        for d in range(self.ND):       # the businesses' own flows
            m = self.tour(d)
            for g in gh:
                if rng.random() < 0.18 * m:
                    self.withdraw_wallet(g, self.RES_TEN, d, 1200 * m, 'evening')
                if rng.random() < 0.08 * m:
                    self.T(self.tin(d, 'morning'), g, rng.choice(self.fishbuyers + self.stalls['ZS']), nice(self.ln(1500, 0.6), rng), 'mobile', g.loc, rng.choice(['海鲜', '菜钱', '']))
            for tx in taxis:
                if rng.random() < 0.55 * min(1.5, m):
                    self.withdraw_wallet(tx, self.RES_TEN if rng.random() < 0.7 else self.RES_ALI, d, 350 * min(2, m), 'night')
            for s in inc:
                if rng.random() < 0.3 * m:
                    self.withdraw_wallet(s, self.RES_TEN, d, 900 * m, 'evening')
        for g in gh:
            if rng.random() < 0.6:
                for k in range(rng.randint(1, 4)):
                    o = rng.choice([self.CTRIP, self.MEITUAN])
                    self.T(self.tin(rng.randrange(self.ND), 'batch'), o, g, self.cents(self.ln(5000 * self.cfg['tour_base'], 0.6)), 'other', o.region, '结算款')
            self.T(self.tin(rng.randrange(self.ND), 'office'), g, self.GRID['ZS'], self.cents(self.ln(800, 0.5)), 'mobile', g.loc, '电费')
            if rng.random() < 0.5:
                hp = self.local_person('putuo', 'guesthouse_helper', (1965, 2000), buf=2000)
                self.T(self.tin(rng.randrange(20, 30), 'evening'), g, hp, nice(self.ln(4000, 0.2), rng), 'mobile', g.loc, '工资')
                self.spend(hp, rng.randint(1, 4))
            self.spend(g, rng.randint(2, 6))
        for tx in taxis:
            for k in range(rng.randint(5, 10)):
                self.T(self.tin(rng.randrange(self.ND), 'port'), tx, rng.choice(self.SINOPEC['ZS']), rng.choice([200, 300, 300, 400]), 'pos', tx.loc, '加油')
            if tx.arch == 'taxi_driver':
                self.T(self.tin(rng.randrange(self.ND), 'office'), tx, rng.choice(self.TAXICO), nice(self.ln(4200, 0.2), rng), 'mobile', tx.loc, '份子钱')
            self.spend(tx, rng.randint(2, 6))
        for s in inc:
            for k in range(rng.randint(1, 3)):
                self.T(self.tin(rng.randrange(self.ND), 'office'), s, rng.choice(self.INCENSE_WS), nice(self.ln(15000, 0.7), rng), 'online', s.loc, '货款')
            self.spend(s, rng.randint(2, 5))
        for k in range(rng.randint(1, 3)):
            self.T(self.tin(rng.randrange(self.ND), 'office'), self.TEMPLE, rng.choice(self.SUPPL_LOCAL), nice(self.ln(150000, 0.6), rng), 'online', self.TEMPLE.loc, '工程款')

    def make_online_buyers(self, n):
        self.online_buyers = [self.remote_person(self.wchoice(VICTIM_PROV), (1960, 2002), 'online_buyer', buf=self.ln(15000, 0.8)) for _ in range(n)]

    # ----------------------------------------------------------------------------- pooling, one-offs, dormant
    def g_life_events(self, n_pool, n_dormant_use):
        rng = self.rng
        for k in range(n_pool):     # relatives pool money for a flat deposit, a car, a wedding or a boat engine
            city = 'ZS' if rng.random() < 0.3 else 'NB'
            org = rng.choice(self.people[city])
            what = rng.choice(['flat', 'flat', 'car', 'wedding', 'engine' if city == 'ZS' else 'car'])
            d = rng.randrange(2, self.ND - 2)
            rel = rng.sample(self.people[city], rng.randint(1, 3)) + rng.sample(self.elderly, rng.randint(0, 2))
            if rng.random() < 0.4:
                rel.append(self.remote_person(self.wchoice(STUDENT_PROV), (1955, 1990), 'relative_remote', buf=self.ln(100000, 0.6)))
            tot = 0
            for r in rel:
                if r is org:
                    continue
                amt = rng.choice([20000, 30000, 50000, 50000, 100000, 100000, 200000])
                tot += amt
                self.T(self.tin(d - rng.randint(0, 2), 'evening'), r, org, amt, 'mobile' if amt <= 50000 else 'counter', r.loc,
                       rng.choice(['', '买房', '凑首付', '借你的', '结婚']))
            t = self.tin(d + rng.randint(0, 1), 'office')
            if what == 'flat':
                self.T(t, org, rng.choice(self.DEVELOPER), nice(tot + self.ln(100000, 0.5), rng), 'counter', org.loc, '购房定金')
            elif what == 'car':
                self.T(t, org, rng.choice(self.CARDEALER), nice(min(tot, 150000) + self.ln(80000, 0.5), rng), 'pos', org.loc, '购车款')
            elif what == 'engine':
                self.T(t, org, rng.choice(self.ENGINE), nice(tot + self.ln(60000, 0.5), rng), 'counter', org.loc, '主机款')
            else:
                other = rng.choice(self.people[city])
                self.T(t, org, other, rng.choice([88888, 128000, 166000, 188888, 200000]), 'counter', org.loc, '彩礼')
                self.T(t + rng.randint(DAY, 2 * DAY), org, rng.choice(self.BANQUET), nice(self.ln(50000, 0.4), rng), 'pos', org.loc, '婚宴')
                self.T(t + rng.randint(HOUR, DAY), org, rng.choice(self.JEWEL), nice(self.ln(30000, 0.5), rng), 'pos', org.loc, '三金')
        for k in range(n_dormant_use):   # an old, idle account suddenly moves a large sum
            city = 'ZS' if rng.random() < 0.4 else 'NB'
            area = self.local_area(city)
            a = self.local_person(area, 'dormant_reactivated', (1945, 1975), buf=self.ln(3000, 0.8), opened=self.old_open(8, 20))
            child = rng.choice(self.people[city])
            d = rng.randrange(1, self.ND - 1)
            amt = nice(self.ln(250000, 0.5), rng)
            t = self.tin(d, 'office')
            self.T(t, child, a, amt, 'online', child.loc, '')
            self.T(t + rng.randint(20 * MIN, 3 * DAY), a, rng.choice(self.DEVELOPER + self.CARDEALER), amt, 'counter', a.loc, rng.choice(['房款', '购车款']))
        for k in range(int(len(self.people['NB']) * 0.01)):   # one-off purchases
            city = 'ZS' if rng.random() < 0.3 else 'NB'
            a = rng.choice(self.people[city])
            r = rng.random()
            d = rng.randrange(self.ND)
            if r < 0.4:
                self.T(self.tin(d, 'office'), a, rng.choice(self.CARDEALER), nice(self.ln(120000, 0.5), rng), 'pos', a.loc, '购车款')
            elif r < 0.7:
                self.T(self.tin(d, 'person'), a, rng.choice(self.JEWEL), self.cents(self.ln(12000, 0.7)), 'pos', a.loc, '黄金')
            else:
                self.T(self.tin(d, 'person'), a, rng.choice(self.PHONESHOP), rng.choice([5999, 6999, 7999, 8999, 9999]), 'pos', a.loc, '手机')

    def g_dormant(self, n):
        """idle accounts at supplying banks: rows with no transfers in the window"""
        rng = self.rng
        pool = [a for c in ('NB', 'ZS') for a in self.people[c]] + self.elderly + self.students
        sup = self.supplying
        made = 0
        while made < n:
            r = rng.random()
            if r < 0.55 and pool:
                base = rng.choice(pool)
                b = rng.choice(sup)
                if any(x.bank == b for x in base.holder.accts):
                    continue
                a = self.acct(base.holder, b, self.old_open(1, 15), base.region, 'I' if rng.random() < 0.8 else 'II', arch='dormant_card', buf=self.ln(300, 1.5))
            else:
                city = 'ZS' if rng.random() < 0.35 else 'NB'
                area = self.local_area(city)
                home = self.prov_region(self.wchoice(MIGRANT_PROV)) if rng.random() < 0.5 else None
                h = self.person(home or LOCAL[area][0], (1950, 2002))
                a = self.acct(h, rng.choice(sup), self.old_open(1, 18), LOCAL[area][0], 'I', arch='dormant_left_region' if home else 'dormant_card',
                              buf=self.ln(200, 1.5))
            if rng.random() < 0.05:
                a.status = 'closed'
            a.x = {'dormant': True}
            made += 1

    def remote_background(self):
        """light ordinary life for remote accounts that have rows"""
        rng = self.rng
        for a in self.remote_bg:
            if a.x and a.x.get('nobg'):
                continue
            d0 = max(0, int(a.opened // DAY) + 1) if a.opened > 0 else 0
            if d0 >= self.ND:
                continue
            if rng.random() < 0.7 and a.cls != 'corp':
                e = self.REMOTE_EMP[hash_idx(a.id, len(self.REMOTE_EMP))]
                d = (self.dom_day(10 + hash_idx(e.id, 15)) or 10)
                if d >= d0:
                    self.T(self.tin(d, 'batch'), e, a, self.cents(self.ln(6000, 0.4, 2000, 40000)), 'other', e.region, '工资')
            self.spend(a, rng.randint(1, 5), d0, remote=True)
            if a.cls == 'corp':
                for k in range(rng.randint(1, 4)):
                    self.T(self.tin(rng.randrange(d0, self.ND), 'office'), a, rng.choice(self.REMOTE_EMP), self.cents(self.ln(30000, 1.0)), 'online', a.loc, '货款')


    # =========================================================================================== fraud
    def light_life(self, a, d0, d1):
        """ordinary use of an account by its holder (before it is rented out, or around a paofen's use)"""
        rng = self.rng
        d0 = max(d0, int(a.opened // DAY) + 1 if a.opened > 0 else 0)
        d1 = min(d1, self.ND)
        if d1 <= d0:
            return
        local = a.region.startswith('3302') or a.region.startswith('3309')
        if rng.random() < 0.6:
            if local:
                city = 'ZS' if a.region.startswith('3309') else 'NB'
                emp = rng.choice(self.employers[city])
                d = emp['pay']
                if d is not None and d0 <= d < d1:
                    self.T(self.tin(d, 'batch'), emp['a'], a, self.cents(self.ln(5500, 0.3)), 'other', emp['a'].region, '代发工资')
            else:
                e = rng.choice(self.REMOTE_EMP)
                d = rng.randrange(d0, d1)
                self.T(self.tin(d, 'batch'), e, a, self.cents(self.ln(5000, 0.35)), 'other', e.region, '工资')
        self.spend(a, rng.randint(1, 5), d0, d1, remote=not local)

    def build_fraud(self):
        rng = self.rng
        cfg = self.cfg
        self.fb = {}
        self.fx_in = {}
        self.fx_first = {}
        # --- exits: USDT sellers (U商) and payment-firm merchants
        self.usellers = []
        for k in range(22):
            where = self.wchoice({'guangdong': 4, 'fujian': 3, 'henan': 2, 'zhejiang': 3, 'hunan': 1, 'jiangxi': 1, 'local': 2, 'hainan': 1})
            if where == 'local':
                area = self.local_area('NB')
                h = self.person(LOCAL[area][0], (1985, 2000))
                reg, city = LOCAL[area][0], 'NB'
            else:
                reg = self.prov_region(where)
                h = self.person(reg, (1985, 2000))
                city = None
            accs = []
            for j in range(rng.choice([1, 1, 2, 3])):
                b = self.local_bank(city) if city else self.remote_bank(where if where != 'local' else 'zhejiang')
                if any(x.bank == b for x in accs):
                    continue
                a = self.acct(h, b, self.old_open(0.2, 6), reg, 'I', role='fraud_exit', arch='usdt_seller', buf=self.ln(20000, 1.0))
                a.x = {'seller': True}
                accs.append(a)
            self.usellers.extend(accs)
        self.pmerch = []
        for k in range(26):
            prov = self.wchoice({'guangdong': 5, 'fujian': 2, 'hainan': 2, 'yunnan': 2, 'guangxi': 2, 'zhejiang': 1, 'hunan': 1})
            reg = self.prov_region(prov)
            a = self.acct(self.company(reg, '92'), rng.choice(['LAKALA', 'YSEPAY', 'SXFPAY', 'UMSPAY', 'LAKALA']), self.old_open(0.1, 2),
                          reg, 'corp', role='fraud_exit', arch='shell_pos_merchant', buf=0)
            self.pmerch.append(a)
        self.goods = self.JEWEL + self.PHONESHOP + [self.remote_company('guangdong', 'gold_wholesaler', buf=5e6) for _ in range(3)]
        # --- card farmers: one holder, many cards opened in a few days in Ningbo / Zhoushan (and another city)
        self.farmers = []
        for f in range(cfg['farmers']):
            prov = self.wchoice(FARMER_HOME)
            h = self.person(self.prov_region(prov), (1984, 2003))
            h.farmer = True
            lo, hi = cfg['farmer_open']
            d = rng.uniform(lo, hi)
            cards = []
            cities = ['NB', 'ZS'] if rng.random() < 0.5 else [rng.choice(['NB', 'ZS'])]
            if rng.random() < 0.5:
                cities.append(rng.choice(['320500', '330106', '430100', '320100']))
            for ci, city in enumerate(cities):
                dd = d + ci * rng.uniform(0.8, 3)
                if city in ('NB', 'ZS'):
                    banks = list(NB_BANKW if city == 'NB' else ZS_BANKW)
                    rng.shuffle(banks)
                    banks = banks[:rng.randint(4, 9)]
                else:
                    banks = ['ICBC', 'ABC', 'CCB', 'BOC', 'PSBC', 'BOCOM', 'CMB', 'CIB', 'PAB']
                    rng.shuffle(banks)
                    banks = banks[:rng.randint(3, 6)]
                for bi, b in enumerate(banks):
                    reg = LOCAL[self.local_area(city)][0] if city in ('NB', 'ZS') else city
                    opened = self.open_at(dd + bi * rng.uniform(0.05, 0.5))
                    a = self.acct(h, b, opened, reg, 'I', role='farmer_card', arch='farmer_card', buf=0, init=rng.choice([0, 0, 1, 10]))
                    a.x = {'src': 'farmer'}
                    cards.append(a)
                    if rng.random() < 0.3:
                        a2 = self.acct(h, b, opened + rng.randint(5 * MIN, 40 * MIN), reg, 'II', role='farmer_card', arch='farmer_card', buf=0)
                        a2.x = {'src': 'farmer'}
                        cards.append(a2)
            rng.shuffle(cards)
            self.farmers.append((h, cards))
        # --- gangs
        self.gangs = []
        for k in range(cfg['n_gangs']):
            tw = {}
            for t_, spec in TYPO.items():
                if rng.random() < 0.55:
                    w = spec['w'] * rng.uniform(0.5, 1.6)
                    if self.variant == 'V2' and t_ in MULTI_TYPOS:
                        w *= 2.2
                    tw[t_] = w
            if not tw:
                tw = {'brushing': 1.0}
            src = {s_: w * rng.uniform(0.6, 1.4) for s_, w in cfg['src'].items()}
            ex = {e: w * rng.uniform(0.4, 1.6) for e, w in cfg['exit'].items()}
            g = dict(id=k, typos=tw, src=src, exit=ex,
                     prof=rng.choice(['fraud_day', 'fraud_day', 'fraud_late']),
                     opreg=rng.choice(['533102', '530926', '532801', '441900', '451481', '440300', '']),
                     p_next={1: rng.uniform(0.78, 0.95), 2: rng.uniform(0.35, 0.7), 3: rng.uniform(0.2, 0.45), 4: 0.1, 5: 0.0},
                     split={1: 5, 2: 3, 3: 1.5, 4: 0.6},
                     atm_regions=rng.sample(ATM_FAR, rng.randint(1, 3)) + (['330206', '330903', '330212'] if rng.random() < 0.25 else []),
                     atm_chunk=rng.choice([2000, 2500, 2500, 3000, 5000]), atm_daily=rng.choice([20000, 20000, 20000, 50000]),
                     txlimit=rng.choice([50000, 50000, 100000, 200000]),
                     usellers=rng.sample(self.usellers, rng.randint(2, 5)), merch=rng.sample(self.pmerch, rng.randint(2, 5)),
                     pool={1: [], 2: [], 3: [], 4: [], 5: []}, spare=[], farmer_cards=[], paofen=[],
                     p_paofen=cfg['paofen'] * rng.uniform(0.0, 2.0), weight=rng.uniform(0.5, 1.8),
                     local1=rng.uniform(0.35, 0.75))
            self.gangs.append(g)
        buyers = [g for g in self.gangs if g['src'].get('farmer', 0) > 0]
        for h, cards in self.farmers:
            g = rng.choice(buyers or self.gangs)
            g['farmer_cards'].extend(cards)
            if len(cards) > 10 and rng.random() < 0.4:
                g2 = rng.choice(self.gangs)
                half = len(cards) // 2
                g2['farmer_cards'].extend(g['farmer_cards'][-half:])
                del g['farmer_cards'][-half:]
        for g in self.gangs:
            g['tester'] = self.remote_person(self.wchoice(MULE_PROV), (1985, 2003), 'mule_tester', bg=False, buf=300)
            g['tester'].role = 'mule'
            g['tester'].x = {'gang': g, 'layer': 5, 'src': 'tester', 'from': -DAY, 'to': self.END, 'uses': 0, 'cap': 10 ** 6}
        # --- victims
        self._seq = 0
        self.heap = []
        self.victims = []
        gw = [g['weight'] for g in self.gangs]
        for v in range(cfg['n_victims']):
            g = rng.choices(self.gangs, weights=gw)[0]
            self.make_case(g)
        self.run_fraud()
        self.exit_onward()

    def push(self, t, kind, obj):
        self._seq += 1
        heapq.heappush(self.heap, (int(t), self._seq, kind, obj))

    def make_victim(self, typo):
        rng = self.rng
        spec = TYPO[typo]
        p_local = 0.2 if typo in ('leader_acquaintance', 'military_purchase') else 0.07
        if rng.random() < p_local:
            if typo in ('police_gov', 'accident_kidnap', 'subsidy_refund', 'parcel', 'prize'):
                pool = self.elderly
            elif typo in ('game_trade', 'credit_record', 'fake_job'):
                pool = self.students
            elif typo in ('leader_acquaintance', 'military_purchase'):
                pool = self.corp_victims if rng.random() < 0.5 else self.owners
            elif typo in ('brushing', 'shopping_service'):
                pool = self.students + self.people['NB'][:400]
            else:
                pool = self.people['NB'] + self.people['ZS']
            cand = [a for a in pool if a.role == 'lawful' and not (a.x and a.x.get('victim'))]
            if cand:
                a = rng.choice(cand)
                a.x = a.x or {}
                a.x['victim'] = True
                a.arch = a.arch + '|victim'
                return a
        prov = self.wchoice(VICTIM_PROV)
        if typo in ('leader_acquaintance', 'military_purchase') and rng.random() < 0.4:
            a = self.remote_company(prov, 'victim_company', buf=self.ln(500000, 0.8))
            if a.row:
                self.remote_bg.append(a)
        else:
            a = self.remote_person(prov, spec['age'], 'victim', buf=self.ln(spec['med'] * 2, 0.8))
        a.x = a.x or {}
        a.x['victim'] = True
        return a

    def make_case(self, g):
        rng = self.rng
        typo = self.wchoice(g['typos'])
        spec = TYPO[typo]
        victim = self.make_victim(typo)
        lo, hi = spec['n']
        multi = self.cfg['multi'] if typo in MULTI_TYPOS else 1.0
        if multi > 1:
            lo = max(lo, 2 if rng.random() < 0.7 else 1)
            hi = int(round(hi * multi))
        n = min(hi, max(lo, int(round(rng.triangular(lo, hi + 0.49, lo)))))
        day = rng.uniform(-0.5, self.ND - 0.5)
        t = max(0, int(day)) * DAY + self.tin(0, 'victim')
        if t < victim.opened + DAY:
            t = victim.opened + DAY + rng.randint(0, DAY)
        amt = self.ln(spec['med'], spec['sig'], 50, 3e6)
        gmed, gsig = spec['gap']
        if multi > 1:
            gmed *= 2.5 if typo in ('brushing', 'loan_card', 'credit_record') else 1.3
        ch = 'mobile'
        if typo in ('police_gov', 'accident_kidnap', 'parcel') and victim.holder.birth and victim.holder.birth < 1965:
            ch = 'counter' if rng.random() < 0.45 else 'mobile'
        elif typo == 'subsidy_refund':
            ch = 'atm'
        elif victim.cls == 'corp':
            ch = 'online'
        case = dict(typo=typo, victim=victim, gang=g, reported=rng.random() < {'police_gov': 0.85, 'investment': 0.8, 'romance': 0.75}.get(typo, 0.7 if not spec.get('small') else 0.58))
        self.victims.append(case)
        loaned = victim.row and typo in ('credit_record', 'loan_card', 'brushing', 'investment') and rng.random() < 0.35
        for k in range(n):
            a = amt
            if a >= 5000 and rng.random() < 0.7:
                a = nice(a, rng)
            elif a >= 1000 and rng.random() < 0.4:
                a = nice(a, rng)
            else:
                a = self.cents(a) if rng.random() < 0.3 else round(a)
            if ch == 'counter' and victim.holder.birth:
                t = (t // DAY) * DAY + max(t % DAY, 9 * HOUR) if t % DAY < 16 * HOUR else (t // DAY + 1) * DAY + 9 * HOUR + rng.randint(0, 5 * HOUR)
            if loaned and k < 2:
                lp = rng.choice(self.LOANPLAT)
                self.T(t - rng.randint(5 * MIN, 3 * HOUR), lp, victim, nice(a * rng.uniform(1.0, 1.2), rng), 'online', lp.region, '借款放款')
            self.push(t, 'v', (victim, g, a, ch, case))
            amt = min(amt * spec['esc'] * rng.uniform(0.7, 1.3), spec['med'] * rng.uniform(6, 14))
            t += int(self.ln(gmed, gsig, 60, 12 * DAY))
            if t >= self.END + DAY:
                break

    # ----------------------------------------------------------------------------- mule accounts
    def new_mule(self, g, layer, t, avoid_bank=None, big=False):
        rng = self.rng
        if g['spare'] and rng.random() < 0.8:
            for i, a in enumerate(g['spare']):
                if a.opened < t - HOUR and a.bank != avoid_bank:
                    g['spare'].pop(i)
                    self.activate(a, g, layer, t)
                    return a
        src = self.wchoice(g['src'])
        if src == 'farmer':
            cands = [i for i, c in enumerate(g['farmer_cards']) if c.opened < t - 2 * HOUR and c.bank != avoid_bank]
            if not cands:
                src = 'fresh'
            else:
                a = g['farmer_cards'].pop(cands[0])
                self.activate(a, g, layer, t)
                tt = max(a.opened + HOUR, t - int(self.ln(6 * HOUR, 1.0, 10 * MIN, 3 * DAY)))
                self.T(tt, g['tester'], a, rng.choice([0.01, 0.1, 0.5, 1, 1, 0.01]), 'mobile', g['opreg'], '', 'l')
                return a
        if src == 'corp' and not (big or layer >= 2):
            src = 'aged'
        local = rng.random() < (g['local1'] if layer == 1 else {2: 0.32, 3: 0.22}.get(layer, 0.15))
        if local:
            city = 'ZS' if rng.random() < 0.35 else 'NB'
            area = self.local_area(city)
            reg = LOCAL[area][0]
            kind = rng.random()
            if kind < 0.35:
                home = self.prov_region(self.wchoice(STUDENT_PROV))
                birth = (2000, 2005)
            elif kind < 0.65:
                home = self.prov_region(self.wchoice(MIGRANT_PROV))
                birth = (1975, 2004)
            else:
                home = reg
                birth = (1960, 2004) if src in ('rented', 'sold_dormant') else (1990, 2005)
            bankf = lambda: self.local_bank(city)
        else:
            prov = self.wchoice(MULE_PROV)
            reg = self.prov_region(prov)
            home = reg if rng.random() < 0.7 else self.prov_region(self.wchoice(MULE_PROV))
            birth = (1965, 2004) if src in ('rented', 'sold_dormant') else (1988, 2005)
            bankf = lambda: self.remote_bank(prov)
        b = bankf()
        for _ in range(6):
            if b != avoid_bank:
                break
            b = bankf()
        if src == 'corp':
            h = self.company(reg, '91')
            opened = self.open_at((t - self.ln(70 * DAY, 0.6, 15 * DAY, 400 * DAY)) / DAY)
            a = self.acct(h, b if b not in PAYFIRMS else 'ICBC', opened, reg, 'corp', role='mule', arch='mule_shell_company', buf=self.ln(2000, 1.0))
        else:
            h = self.person(home, birth)
            cls = 'I'
            if src == 'fresh':
                opened = self.open_at((t - self.ln(2.5 * DAY, 0.9, 3 * HOUR, 12 * DAY)) / DAY)
                if opened > t - HOUR:
                    opened = self.open_at(t / DAY - 1)
                if rng.random() < 0.22 and not big:
                    cls = 'II'
                arch = 'mule_fresh'
                init = rng.choice([0, 0, 0, 1, 10, 50])
                buf = 0
            elif src == 'aged':
                opened = self.open_at((t - self.ln(45 * DAY, 0.6, 14 * DAY, 180 * DAY)) / DAY)
                arch = 'mule_aged'
                init = rng.choice([0, 10, 100])
                buf = self.ln(60, 1.0)
            elif src == 'rented':
                opened = self.old_open(1, 12)
                arch = 'mule_rented'
                init = 0
                buf = self.ln(800, 1.2)
            else:
                opened = self.old_open(2, 14)
                arch = 'mule_sold_dormant'
                init = 0
                buf = self.ln(20, 1.5)
            a = self.acct(h, b, opened, reg, cls, role='mule', arch=arch, buf=buf, init=init)
            if src == 'rented':
                self.light_life(a, 0, int((t - DAY) // DAY))
            elif src == 'aged' and opened < t - 2 * DAY:
                d0 = max(0, int(opened // DAY) + 1)
                for _ in range(rng.randint(1, 3)):
                    if d0 >= int(t // DAY):
                        break
                    d = rng.randrange(d0, int(t // DAY))
                    if rng.random() < 0.5:
                        self.deposit(self.tin(d, 'office'), a, rng.choice([100, 200, 500]), 'counter' if rng.random() < 0.5 else 'atm')
                    else:
                        self.T(self.tin(d, 'evening'), a, self.RES_TEN, self.cents(self.ln(30, 0.8)), 'mobile', a.loc, '财付通-微信支付')
            if src in ('fresh', 'aged') and rng.random() < 0.25:     # the same person sold a second card
                b2 = bankf()
                if b2 != b:
                    o2 = opened + rng.randint(20 * MIN, 90 * MIN) if rng.random() < 0.5 else self.open_at(opened / DAY + rng.randint(1, 2))
                    s2 = self.acct(h, b2, o2, reg, 'I', role='mule', arch=arch, buf=buf, init=init)
                    g['spare'].append(s2)
        self.activate(a, g, layer, t)
        return a

    def activate(self, a, g, layer, t):
        rng = self.rng
        src = (a.x or {}).get('src') or a.arch.replace('mule_', '')
        if a.role == 'lawful':
            a.role = 'mule'
        life = {'fresh': 2.5, 'farmer_card': 2, 'farmer': 2, 'aged': 3, 'rented': 7, 'sold_dormant': 4, 'shell_company': 8}.get(src, 3)
        if self.variant == 'V2':
            life *= 1.8
        cap = rng.randint(2, 9) if layer == 1 else rng.randint(3, 16)
        a.x = {'gang': g, 'layer': layer, 'src': src, 'from': t - 60, 'to': t + self.ln(life * DAY, 0.6, 6 * HOUR, 25 * DAY), 'uses': 0, 'cap': cap}
        g['pool'][layer].append(a)

    def get_acct(self, g, layer, t, avoid_bank=None, big=False):
        rng = self.rng
        alive = [a for a in g['pool'][layer][-12:] if a.x['from'] <= t <= a.x['to'] and a.x['uses'] < a.x['cap'] and a.bank != avoid_bank
                 and (a.cls != 'II' or not big)]
        if alive and rng.random() < 0.85:
            a = alive[-1] if rng.random() < 0.6 else rng.choice(alive)
        else:
            a = self.new_mule(g, layer, t, avoid_bank, big)
        a.x['uses'] += 1
        return a

    def get_paofen(self, g, t):
        rng = self.rng
        alive = [a for a in g['paofen'] if a.x['from'] <= t <= a.x['to'] and a.x['uses'] < a.x['cap']]
        if alive and rng.random() < 0.8:
            a = rng.choice(alive)
        else:
            cand = None
            if rng.random() < 0.5 and self.students:
                for _ in range(20):
                    s = rng.choice(self.students)
                    if s.role == 'lawful' and not (s.x and (s.x.get('victim') or s.x.get('fam'))) and s.opened < t - 3 * DAY:
                        cand = s
                        break
            if cand is None:
                prov = self.wchoice(MULE_PROV if rng.random() < 0.5 else STUDENT_PROV)
                cand = self.remote_person(prov, (1996, 2005), 'paofen_participant', buf=self.ln(1500, 0.8))
            a = cand
            a.role = 'paofen'
            a.arch = 'paofen_' + a.arch
            a.x = {'gang': g, 'layer': 1, 'src': 'paofen', 'from': t - 60, 'to': t + self.ln(6 * DAY, 0.6, DAY, 25 * DAY), 'uses': 0,
                   'cap': rng.randint(4, 25), 'paofen': True, 'comm': rng.uniform(0.012, 0.03)}
            g['paofen'].append(a)
        a.x['uses'] += 1
        return a

    def hold(self, a):
        rng = self.rng
        x = a.x
        if x.get('paofen'):
            return int(self.ln(4 * MIN, 0.7, 30, 2 * HOUR))
        med, sig = self.cfg['hold']['l1' if x['layer'] == 1 else 'ln']
        if x['src'] == 'rented' and self.variant == 'V2':
            med *= 1.5
        return int(self.ln(med, sig, 40, 5 * DAY))

    def mule_region(self, a, g):
        r = self.rng.random()
        if r < 0.45:
            return a.loc
        if r < 0.8:
            return g['opreg']
        return ''

    def send(self, t, a, b, fen, g, tk='l', memo=''):
        """move fen from a to b, split at the gang's per-transfer limit"""
        rng = self.rng
        lim = g['txlimit'] * 100 if a.cls != 'II' else 1000000
        if a.cls == 'corp':
            lim = max(lim, 100000000)
        ch = 'online' if a.cls == 'corp' else rng.choice(['mobile', 'mobile', 'mobile', 'online'])
        reg = self.mule_region(a, g)
        while fen > 0:
            part = min(fen, lim)
            if fen > lim and rng.random() < 0.5:
                part = lim - rng.randint(0, 20) * 100
            self.T(t, a, b, part / 100.0, ch, reg, memo, tk)
            fen -= part
            t += rng.randint(15, 180)
        return t

    def run_fraud(self):
        rng = self.rng
        stop = self.END + DAY
        fb = self.fb
        while self.heap:
            t, _, kind, obj = heapq.heappop(self.heap)
            if t >= stop:
                continue
            if kind == 'v':
                victim, g, amt, ch, case = obj
                small = amt < 8000
                if small and rng.random() < g['p_paofen']:
                    tgt = self.get_paofen(g, t)
                else:
                    big = amt >= 30000 and TYPO[case['typo']].get('big')
                    tgt = self.get_acct(g, 1, t, None, big)
                rec = self.T(t, victim, tgt, amt, ch, victim.loc if ch != 'atm' else victim.loc, rng.choice(['', '', '', '货款', '转账', '还款']) if ch != 'counter' else '', 'v')
                rec.append(case)
                fb[tgt.id] = fb.get(tgt.id, 0) + rec[3]
                self.push(t + self.hold(tgt), 's', tgt)
            elif kind == 'c':
                a, fen = obj
                fb[a.id] = fb.get(a.id, 0) + fen
                self.push(t + self.hold(a), 's', a)
            else:
                a = obj
                self.sweep(a, t)

    def sweep(self, a, t):
        rng = self.rng
        fb = self.fb
        bal = fb.get(a.id, 0)
        if bal < 5000:
            return
        x = a.x
        g = x['gang']
        layer = x['layer']
        if x.get('paofen'):
            keep = int(bal * x['comm'])
            out = bal - keep
            nxt = self.get_acct(g, 2, t, a.bank, out >= 3000000)
            fb[a.id] = bal - out
            t2 = self.send(t, a, nxt, out, g)
            self.push(t2, 'c', (nxt, out))
            return
        force = x.pop('force', None)
        residue = rng.randint(0, 3000) if rng.random() < 0.55 else 0
        residue = min(residue, bal)
        out = bal - residue
        if force is None and rng.random() < g['p_next'].get(layer, 0.0):
            m = int(self.wchoice(g['split']))
            if out < 300000:
                m = 1
            m = min(m, max(1, out // 200000))
            weights = [rng.uniform(0.5, 1.5) for _ in range(m)]
            tot_w = sum(weights)
            parts = []
            left = out
            for i in range(m - 1):
                p = int(out * weights[i] / tot_w)
                if rng.random() < 0.45:
                    p = (p // 100000) * 100000 or (p // 10000) * 10000
                p = max(100, min(p, left - 100 * (m - 1 - i)))
                parts.append(p)
                left -= p
            parts.append(left)
            fb[a.id] = bal - out
            tt = t
            for p in parts:
                if p <= 0:
                    continue
                nxt = self.get_acct(g, min(layer + 1, 5), tt, a.bank, p >= 3000000)
                t2 = self.send(tt, a, nxt, p, g)
                self.push(t2, 'c', (nxt, p))
                tt = t2 + rng.randint(20, 400)
            return
        # exit
        meth = force or self.wchoice(g['exit'])
        if a.cls == 'corp' and meth == 'atm':
            meth = 'usdt'
        if meth == 'atm':
            reg = rng.choice(g['atm_regions'])
            if x.get('atm_reg'):
                reg = x['atm_reg']
            x['atm_reg'] = reg
            day = int(t // DAY)
            used = x.get('atm_used', {}).get(day, 0)
            cap = g['atm_daily'] * 100 - used
            chunk = g['atm_chunk'] * 100
            tt = t + (int(self.ln(40 * MIN, 1.0, 2 * MIN, 8 * HOUR)) if 'atm_reg' not in x or used == 0 else rng.randint(60, 600))
            if tt // DAY != day:
                day = int(tt // DAY)
                used = x.get('atm_used', {}).get(day, 0)
                cap = g['atm_daily'] * 100 - used
            took = 0
            while out - took >= 10000 and cap - took >= 10000:
                w = min(chunk, out - took, cap - took)
                w = (w // 10000) * 10000
                if w <= 0:
                    break
                self.T(tt, a, None, w / 100.0, 'atm', reg, '', 'c', 'withdrawal')
                took += w
                tt += rng.randint(25, 110)
                if rng.random() < 0.15:
                    tt += rng.randint(120, 900)
            x.setdefault('atm_used', {})[day] = used + took
            fb[a.id] = bal - took
            if out - took >= 10000:
                if cap - took < 10000:
                    nd = (tt // DAY + 1) * DAY + rng.randint(20, 40 * MIN)
                    if rng.random() < 0.7:
                        x['force'] = 'atm'
                        self.push(nd, 's', a)
                    else:
                        x['force'] = 'usdt'
                        self.push(tt + rng.randint(MIN, HOUR), 's', a)
            return
        if meth == 'usdt':
            seller = rng.choice(g['usellers'])
            amt = out
            if rng.random() < 0.6 and out >= 10000:
                amt = (out // 10000) * 10000
            tt = t + int(self.ln(3 * MIN, 1.0, 20, 2 * HOUR))
            sent = 0
            while amt > 0:
                p = amt
                if amt > 5000000 and rng.random() < 0.7:
                    p = rng.choice([4980000, 5000000, 3000000, 4900000])
                self.T(tt, a, seller, p / 100.0, 'mobile' if a.cls != 'corp' else 'online', self.mule_region(a, g), rng.choice(['', '', '货款', 'USDT']), 'c')
                self.fx_in[seller.id] = self.fx_in.get(seller.id, 0) + p
                if seller.id not in self.fx_first or tt < self.fx_first[seller.id]:
                    self.fx_first[seller.id] = tt
                amt -= p
                sent += p
                tt += rng.randint(30, 600)
                if rng.random() < 0.3:
                    seller = rng.choice(g['usellers'])
            fb[a.id] = bal - sent
            return
        if meth == 'merchant':
            tt = t + int(self.ln(2 * MIN, 1.0, 10, HOUR))
            left = out
            while left >= 20000:
                p = min(left, int(self.ln(max(12000, out / 800.0), 0.7, 500, 200000) * 100))
                m = rng.choice(g['merch'])
                self.T(tt, a, m, p / 100.0, rng.choice(['online', 'pos', 'mobile']), self.mule_region(a, g), rng.choice(['消费', '', '商品']), 'c')
                left -= p
                tt += rng.randint(20, 300)
            fb[a.id] = bal - (out - left)
            return
        # goods bought from a lawful merchant, the rest to a USDT seller
        m = rng.choice(self.goods)
        p = min(out, int(self.ln(20000, 0.6, 3000, 80000) * 100))
        tt = t + int(self.ln(30 * MIN, 1.0, 2 * MIN, 6 * HOUR))
        self.T(tt, a, m, p / 100.0, rng.choice(['pos', 'mobile']), m.loc if rng.random() < 0.6 else '', rng.choice(['黄金', '手机', '货款', '']), 'c')
        m.x = m.x or {}
        m.x['got_fraud'] = m.x.get('got_fraud', 0) + p
        fb[a.id] = bal - p
        if out - p >= 10000:
            x['force'] = 'usdt'
            self.push(tt + rng.randint(MIN, 2 * HOUR), 's', a)

    def exit_onward(self):
        """USDT sellers move what they received to their own other accounts or take cash"""
        rng = self.rng
        for s in self.usellers:
            got = self.fx_in.get(s.id, 0)
            if got <= 0 or not s.row:
                continue
            own = [o for o in s.holder.accts if o is not s]
            n = rng.randint(1, 3)
            for k in range(n):
                amt = int(got * rng.uniform(0.2, 0.45)) // 10000 * 10000
                if amt <= 0:
                    continue
                t0 = self.fx_first.get(s.id, 0) + HOUR
                if t0 >= self.END - HOUR:
                    continue
                t = rng.randint(t0, self.END - 1)
                if own and rng.random() < 0.7:
                    self.T(t, s, rng.choice(own), amt / 100.0, 'mobile', s.loc, '', 'c')
                else:
                    self.withdraw(t, s, min(amt / 100.0, 49000), 'counter', s.loc, '', 'c')

    # =========================================================================================== assemble
    POP = {
        'baseline': dict(salaried=1000, elderly=480, student=450, stall=120, landlord=80, forwarder=55, workshop=75, driver=240,
                         boat=120, fish_buyer=50, seafood_shop=70, shipyard=3, guesthouse=45, taxi=55, incense=22, visitors=900,
                         online_buyers=600, pool=14, dormant_use=6, dormant=1100),
        'V2': dict(salaried=1120, elderly=500, student=450, stall=130, landlord=85, forwarder=58, workshop=85, driver=250,
                   boat=125, fish_buyer=50, seafood_shop=70, shipyard=3, guesthouse=42, taxi=50, incense=20, visitors=520,
                   online_buyers=650, pool=16, dormant_use=7, dormant=1000),
        'V3': dict(salaried=980, elderly=480, student=520, stall=120, landlord=80, forwarder=55, workshop=72, driver=240,
                   boat=135, fish_buyer=55, seafood_shop=75, shipyard=3, guesthouse=48, taxi=58, incense=22, visitors=980,
                   online_buyers=620, pool=14, dormant_use=6, dormant=850),
    }

    def build(self):
        P = self.POP[self.variant]
        self.build_hubs()
        self.make_online_buyers(P['online_buyers'])
        self.make_fishbuyers(P['fish_buyer'])
        self.g_stalls(P['stall'])
        self.g_salaried(P['salaried'])
        self.g_elderly(P['elderly'])
        self.g_students(P['student'])
        self.g_forwarders(P['forwarder'])
        self.g_workshops(P['workshop'])
        self.forwarder_flows()
        self.g_drivers(P['driver'])
        self.g_fishing(P['boat'])
        self.fishbuyer_flows()
        self.g_seafood_shops(P['seafood_shop'])
        self.g_shipyards(P['shipyard'])
        self.g_tourism(P['guesthouse'], P['taxi'], P['incense'], P['visitors'])
        self.g_landlords(P['landlord'])
        self.g_life_events(P['pool'], P['dormant_use'])
        self.g_social()
        self.merchant_flows()
        self.build_fraud()
        self.run_payroll()
        self.g_dormant(P['dormant'])
        self.remote_background()
        self.finalize()

    def finalize(self):
        rng = self.rng
        A = self.accts
        ext = self.ext_start
        keep = []
        for seq, rec in enumerate(self.tx):
            t = rec[0]
            fa = A.get(rec[1]) if rec[1] else None
            ta = A.get(rec[2]) if rec[2] else None
            if t < 0 or t >= self.END:
                continue
            if (fa is not None and t < fa.opened + 60) or (ta is not None and t < ta.opened + 60):
                self.dropped += 1
                continue
            if fa is not None and fa.status == 'closed' or ta is not None and ta.status == 'closed':
                self.dropped += 1
                continue
            ok = (fa is not None and fa.row and t >= ext[fa.bank]) or (ta is not None and ta.row and t >= ext[ta.bank])
            if not ok:
                continue
            keep.append((t, seq, rec))
        keep.sort(key=lambda z: (z[0], z[1]))
        # balances: opening balances so that no account with a row is overdrawn
        bal, minp, first = {}, {}, {}
        for t, seq, rec in keep:
            f, to, fen = rec[1], rec[2], rec[3]
            if f and A[f].row:
                b = bal.get(f, 0) - fen
                bal[f] = b
                if b < minp.get(f, 0):
                    minp[f] = b
                first.setdefault(f, t)
            if to and A[to].row:
                bal[to] = bal.get(to, 0) + fen
                first.setdefault(to, t)
        extra = []
        self.mule_deposits = 0
        for a in self.alist:
            if not a.row:
                continue
            need = -minp.get(a.id, 0)
            if a.opened >= ext[a.bank]:
                a.obal = int(round(a.init * 100))
                if need > a.obal:
                    dep = math.ceil(((need - a.obal) / 100.0 + self.ln(300, 1.0, 10, 20000)) / 100.0) * 100
                    ft = first[a.id]
                    td = a.opened + min(rng.randint(60, 1800), max(1, (ft - a.opened) // 2))
                    if td > ft:
                        td = ft
                    rec = [td, '', a.id, int(dep * 100), 'counter', a.loc, 'deposit', '开户存入' if td - a.opened < 3600 else '存现', 'o', 'CNY', False]
                    extra.append((td, -1, rec))
                    if a.role != 'lawful':
                        self.mule_deposits += 1
            else:
                b = a.buf
                cushion = 0 if b <= 0 else int(self.ln(b, 0.5) * 100)
                a.obal = need + cushion
        if extra:
            keep.extend(extra)
            keep.sort(key=lambda z: (z[0], z[1]))
        # transaction ids
        out = []
        cnt = {}
        for t, seq, rec in keep:
            d = (self.T0 + dt.timedelta(seconds=t)).strftime('%Y%m%d')
            cnt[d] = cnt.get(d, 0) + 1
            out.append(('ZD%s%07d' % (d, cnt[d]), rec))
        self.out = out
        # accounts the data names
        named = {}
        for a in self.alist:
            if a.row:
                named[a.id] = a
        for tid, rec in out:
            for k in (1, 2):
                if rec[k] and rec[k] not in named:
                    named[rec[k]] = A[rec[k]]
        self.named = named
        self.make_labels()

    def make_labels(self):
        rng = self.rng
        A = self.accts
        named = self.named
        self.lab_tx = []
        rep_acct = {}
        for tid, rec in self.out:
            if rec[8] == 'v':
                case = rec[11]
                if case['reported']:
                    self.lab_tx.append(tid)
                    rep_acct[rec[2]] = rep_acct.get(rec[2], 0) + 1
        fraud = [a for a in named.values() if a.role != 'lawful']
        scores = []
        for a in fraud:
            x = a.x or {}
            if a.role == 'fraud_exit':
                s = 0.9 if a.arch == 'usdt_seller' else 0.5
            elif a.role == 'paofen':
                s = 1.0 + 0.5 * min(3, rep_acct.get(a.id, 0))
            else:
                layer = x.get('layer', 2)
                s = {1: 1.3, 2: 1.0, 3: 0.8}.get(layer, 0.6)
                s += 0.9 * min(3, rep_acct.get(a.id, 0))
                if a.role == 'farmer_card':
                    s += 0.3
            scores.append((s * rng.uniform(0.25, 1.0), a.id))
        scores.sort(reverse=True)
        frac = rng.uniform(0.40, 0.50)
        nlab = int(round(frac * len(scores)))
        for s, aid in scores[:nlab]:
            A[aid].lab = True
        for a in self.goods:          # lawful shops that sold goods to mules: sometimes reported too
            if a.id in named and a.x and a.x.get('got_fraud') and rng.random() < 0.3:
                a.lab = True
        # card farmers: a few labelled, judged from cards with rows
        fl = []
        for h, cards in self.farmers:
            if any(c.id in named for c in cards):
                fl.append(h)
        if fl:
            k = max(1, int(round(len(fl) * rng.uniform(0.25, 0.45))))
            for h in rng.sample(fl, k):
                h.lab = True
        # statuses at the end of the extract
        for a in named.values():
            if not a.row:
                continue
            if a.role in ('mule', 'paofen', 'farmer_card', 'fraud_exit'):
                used = a.x and a.x.get('uses', 0) > 0
                if a.lab and used and rng.random() < 0.55:
                    a.status = 'frozen'
                elif used and rng.random() < 0.07:
                    a.status = 'frozen'
            elif a.status == 'active' and rng.random() < (0.015 if a.arch.split('|')[0] in HARDNEG else 0.004):
                a.status = 'frozen'

    # ----------------------------------------------------------------------------- output
    def write(self, out_dir, truth=False):
        os.makedirs(out_dir, exist_ok=True)
        named = self.named
        rows = sorted([a for a in named.values() if a.row], key=lambda a: (a.bank, a.id))
        with open(os.path.join(out_dir, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a in rows:
                w.writerow([a.id, a.bank, a.holder.id, self.iso(a.opened), a.region, a.cls, fmt_fen(a.obal), a.status])
        with open(os.path.join(out_dir, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo', 'cross_border'])
            for tid, rec in self.out:
                w.writerow([tid, self.iso(rec[0]), rec[1], rec[2], fmt_fen(rec[3]), rec[9], rec[4], rec[5], rec[6], rec[7],
                            'true' if rec[10] else 'false'])
        with open(os.path.join(out_dir, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for a in sorted(named.values(), key=lambda a: a.id):
                if a.lab:
                    w.writerow(['account', a.id, 'mule'])
            for tid in self.lab_tx:
                w.writerow(['transfer', tid, 'fraud'])
            seen = []
            for h, cards in self.farmers:
                if h.lab and h.id not in seen:
                    seen.append(h.id)
                    w.writerow(['holder', h.id, 'card_farmer'])
        if not truth:
            return
        with open(os.path.join(out_dir, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at', 'labelled',
                        'farmer_labelled', 'extract_start'])
            for a in sorted(named.values(), key=lambda a: (a.bank, a.id)):
                w.writerow(['account', a.id, a.bank, a.holder.id, 1 if a.row else 0, a.role, a.arch, 1 if a.holder.farmer else 0,
                            self.iso(a.opened), 1 if a.lab else 0, 1 if a.holder.lab else 0,
                            self.iso(self.ext_start[a.bank]) if a.bank in self.ext_start else ''])
        kinds = {'o': 'ordinary', 'v': 'victim_payment', 'l': 'layering', 'c': 'cashout'}
        with open(os.path.join(out_dir, 'truth_transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for tid, rec in self.out:
                w.writerow([tid, kinds[rec[8]]])

    def summary(self):
        named = self.named
        rows = sum(1 for a in named.values() if a.row)
        roles = {}
        for a in named.values():
            roles[a.role] = roles.get(a.role, 0) + 1
        tk = {}
        for tid, rec in self.out:
            tk[rec[8]] = tk.get(rec[8], 0) + 1
        labs = sum(1 for a in named.values() if a.lab)
        fr = [a for a in named.values() if a.role != 'lawful']
        flab = sum(1 for a in fr if a.lab)
        return ('variant=%s named=%d rows=%d transfers=%d roles=%s kinds=%s acct_labels=%d fraud_labelled=%d/%d '
                'fraud_tx_labels=%d dropped=%d mule_deposits=%d extract=%s' % (
                    self.variant, len(named), rows, len(self.out), roles, tk, labs, flab, len(fr), len(self.lab_tx),
                    self.dropped, self.mule_deposits,
                    {b: self.iso(t)[:10] for b, t in sorted(self.ext_start.items())}))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Synthetic 浙东 (Ningbo-Zhoushan) banking world, fanzha format v1')
    ap.add_argument('--variant', choices=sorted(VARIANTS), required=True)
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args(argv)
    w = World(args.variant, args.seed)
    w.build()
    w.write(args.out, args.truth)
    sys.stderr.write(w.summary() + '\n')


if __name__ == '__main__':
    main()
