#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""yiwu_world.py - an independent synthetic banking world for testing fanzha.

Yiwu and Jinhua (Zhejiang, 义乌/金华), 30 days of banking, written from the domain notes only.

Lawful life: 国际商贸城 stall owners paid by buyers from every province (and some from abroad), traders
paying many small factories and workshops, live-streaming sellers and their hosts, courier outlets and
couriers (some collect freight on personal accounts and hand it over daily), factory workers (many migrants
from Jiangxi, Anhui, Guizhou, Henan) paid monthly and sending money home, college students, landlords
collecting rent from many tenants, families pooling money for a flat or a car, people with cards at several
banks, retirees, dormant accounts; accounts opened years before the data and some opened inside it.

Fraud: telecom-fraud victims across China paying into mule accounts (fresh ones, old ones rented or sold
(出租出借、买卖账户), ones opened weeks or months before use), layering across banks and provinces, ATM
cash-out in far provinces, exits to payment-firm merchants and USDT sellers; 跑分 runners; card farmers
(one person opening many cards in several cities).

Supplying institutions: four or five banks whose extracts start on different days (history before a
bank's extract start is censored), plus counterparties at institutions that supply no data.

Usage: python3 yiwu_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
  baseline  an ordinary month (April-May, with the May Day holiday)
  V2        late August - September (students arrive); mostly old accounts rented or sold, slow
            layering, victims paying several times
  V3        the Spring Festival season (year-end wages and bonuses, money sent home, red envelopes, the
            market closing and reopening, post-festival hiring); fresh mules and card farmers, fast exits
Output (fanzha interchange format v1): accounts.csv, transfers.csv, labels.csv; with --truth also
truth.csv and truth_transfers.csv. Money is generated in integer fen and written as exact decimal yuan.
Standard library only; deterministic for a given (variant, seed).
"""
import argparse
import csv
import datetime as dt
import heapq
import math
import os
import random
import re
import sys
import time as _time
from collections import defaultdict

TZ = dt.timezone(dt.timedelta(hours=8))
MIN, HOUR, DAY = 60, 3600, 86400
NDAYS = 30
WINDOW = NDAYS * DAY

# ---------------------------------------------------------------------------------------------------
# Places (GB/T 2260 division codes)
# ---------------------------------------------------------------------------------------------------
YIWU = '330782'
LOCAL_REGIONS = [('330782', 60), ('330702', 10), ('330703', 8), ('330783', 8), ('330784', 6),
                 ('330781', 3), ('330726', 3), ('330723', 2)]
FACTORY_REGIONS = [('330782', 50), ('330783', 12), ('330784', 14), ('330702', 7), ('330703', 8),
                   ('330726', 6), ('330723', 3)]
HOME = {
    'jiangxi': ['360102', '360702', '361102', '360502', '360981', '361002'],
    'anhui': ['340103', '341202', '341502', '341602', '341321', '340302'],
    'guizhou': ['520102', '520502', '520302', '522601', '520402'],
    'henan': ['410105', '411602', '411502', '411302', '411402', '410502'],
    'other': ['510104', '511602', '430102', '431102', '530102', '450103', '420103', '421102',
              '500103', '371302', '620102'],
}
HOME_BANKS = {'jiangxi': 'JXRCU', 'anhui': 'AHRCU', 'guizhou': 'GZRCU', 'henan': 'HNRCU'}
NATION = ['440106', '440304', '441900', '320102', '320508', '110101', '310101', '350502', '130102',
          '210102', '230102', '150102', '610102', '650102', '330102', '330302', '330203', '370102',
          '120101', '140105', '220102', '460106', '640104', '630102', '510104', '430102', '420103',
          '410105', '340103', '360102', '520102', '530102', '450103', '500103', '371302', '620102',
          '350582', '321002', '370202', '411602']
BUYER_REGIONS = [('440106', 8), ('440304', 5), ('441900', 5), ('320102', 4), ('320508', 4),
                 ('371302', 7), ('370102', 4), ('410105', 6), ('130102', 5), ('350502', 4),
                 ('650102', 5), ('530102', 4), ('510104', 4), ('420103', 4), ('430102', 4),
                 ('210102', 3), ('230102', 2), ('150102', 2), ('610102', 3), ('110101', 3),
                 ('310101', 3), ('330102', 4), ('330302', 3), ('500103', 3), ('450103', 3),
                 ('360102', 2), ('340103', 2), ('620102', 2), ('640104', 1), ('630102', 1)]
CASHOUT_REGIONS = ['440106', '440304', '441900', '445102', '533102', '451481', '530102', '350582',
                   '460106']
FARMER_CITIES = ['330782', '330702', '330783', '330784', '330781', '330106', '330602', '330302',
                 '330203', '330402']
FARMER_HOMES = ['421102', '420103', '450103', '431102', '411602', '530102', '520502']
FOREIGN = [('AE', 23), ('RU', 33), ('KZ', 20), ('IN', 22), ('PK', 24), ('BR', 29), ('NG', 18),
           ('EG', 29), ('TR', 26), ('SA', 24), ('MX', 18), ('ES', 24), ('PL', 28)]

# ---------------------------------------------------------------------------------------------------
# Institutions. Card banks: (card BIN, corporate account prefix). Payment firms: account prefix.
# ---------------------------------------------------------------------------------------------------
CARD_BANKS = {
    'ICBC': ('622202', '1208'), 'ABC': ('622848', '1960'), 'YWRCB': ('623091', '2010'),
    'JHCCB': ('621367', '1880'), 'CMB': ('622588', '5719'), 'CCB': ('621700', '3305'),
    'BOC': ('621661', '3686'), 'BOCOM': ('622262', '3310'), 'PSBC': ('621799', '9330'),
    'CIB': ('622909', '3560'), 'SPDB': ('622521', '9520'), 'CMBC': ('622622', '6980'),
    'CITIC': ('621773', '8110'), 'JXRCU': ('623182', '1502'), 'AHRCU': ('623055', '2001'),
    'GZRCU': ('621779', '3001'), 'HNRCU': ('623059', '4101'), 'HBRCU': ('621258', '4201'),
    'GDRCU': ('622439', '4401'),
}
PAY_FIRMS = {'ALIPAY': '2088', 'TENPAY': '1900', 'XFPAY': '8866', 'HCPAY': '7712', 'JHPAY': '6630',
             'YBPAY': '5521'}
SUPPLY_CANDIDATES = ['YWRCB', 'ICBC', 'ABC', 'JHCCB', 'CMB']
LOCAL_BANK_W = {'YWRCB': 30, 'ICBC': 22, 'ABC': 20, 'JHCCB': 12, 'CMB': 9, 'CCB': 6, 'BOC': 4,
                'PSBC': 3, 'BOCOM': 2}
NATION_BANKS = ['CCB', 'BOC', 'BOCOM', 'PSBC', 'CIB', 'SPDB', 'CMBC', 'CITIC', 'ICBC', 'ABC', 'CMB']

# ---------------------------------------------------------------------------------------------------
# Time-of-day profiles (weights per hour, 0-23)
# ---------------------------------------------------------------------------------------------------
TOD = {
    'business': [0, 0, 0, 0, 0, 0, 1, 3, 8, 12, 12, 11, 7, 8, 11, 12, 11, 9, 6, 4, 3, 2, 1, .5],
    'market':   [0, 0, 0, 0, 0, 0, 0, 1, 6, 12, 13, 12, 9, 10, 12, 12, 9, 5, 2, 1, 1, .5, .2, 0],
    'personal': [1, .5, .3, .2, .2, .4, 1, 3, 4, 5, 5, 6, 8, 6, 5, 5, 5, 6, 7, 9, 10, 9, 6, 3],
    'evening':  [2, 1, .5, .2, .2, .2, .5, 1, 2, 3, 3, 4, 5, 4, 3, 3, 3, 4, 6, 9, 12, 13, 10, 5],
    'night':    [6, 6, 5, 5, 4, 3, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 6, 7, 7, 7],
    'counter':  [0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 12, 11, 4, 4, 10, 11, 8, 1, 0, 0, 0, 0, 0, 0],
    'stream':   [1, 1, .5, .2, .1, .1, .1, .2, .5, 1, 2, 3, 3, 3, 3, 3, 4, 5, 6, 8, 10, 10, 9, 5],
}
TOD_CUM = {}
for _k, _w in TOD.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    TOD_CUM[_k] = _c
HOURS = list(range(24))

# ---------------------------------------------------------------------------------------------------
# Fraud typologies: (median yuan, sigma, min, max, memo cues)
# ---------------------------------------------------------------------------------------------------
TYPO = {
    'brushing': (2500, 1.0, 100, 80000, ['任务款', '垫付', '做单', '返利']),
    'ecommerce_cs': (12000, 0.9, 500, 200000, ['退款', '理赔', '保证金', '备用金']),
    'investment': (40000, 1.0, 2000, 1500000, ['投资', '入金', '充值']),
    'police_gov': (80000, 1.0, 5000, 2000000, ['资金清查', '安全账户', '保证金']),
    'loan_card': (2500, 0.8, 300, 30000, ['保证金', '解冻费', '手续费', '验资']),
    'credit_record': (20000, 0.9, 1000, 300000, ['注销', '还款', '清除记录']),
    'shopping_service': (800, 0.9, 50, 20000, ['货款', '定金', '车票', '代购']),
    'leader_acquaintance': (30000, 0.8, 2000, 300000, ['借款', '急用', '转账']),
    'romance': (50000, 1.0, 1000, 1000000, ['充值', '投资', '见面']),
    'game_trade': (600, 0.9, 50, 10000, ['装备', '账号', '保证金']),
    'fake_job': (500, 0.7, 100, 5000, ['培训费', '服装费', '介绍费']),
    'accident_kidnap': (20000, 0.7, 2000, 100000, ['医疗费', '住院费']),
    'prize': (3000, 0.8, 300, 30000, ['手续费', '个人所得税']),
}
# which lawful archetypes a local victim of a typology is drawn from
TYPO_LOCAL = {
    'brushing': ['factory_worker', 'student', 'shop_assistant', 'courier'],
    'ecommerce_cs': ['employee', 'stall_owner', 'factory_worker', 'shop_assistant'],
    'investment': ['employee', 'stall_owner', 'landlord'],
    'police_gov': ['retiree', 'employee', 'landlord'],
    'loan_card': ['factory_worker', 'courier', 'shop_assistant'],
    'credit_record': ['student', 'factory_worker', 'employee'],
    'shopping_service': ['student', 'factory_worker', 'employee'],
    'leader_acquaintance': ['employee', 'stall_owner'],
    'romance': ['employee', 'factory_worker', 'stall_owner'],
    'game_trade': ['student'],
    'fake_job': ['student', 'factory_worker'],
    'accident_kidnap': ['retiree', 'employee'],
    'prize': ['retiree', 'factory_worker'],
}

# what a local victim of each kind could plausibly lose in all (yuan)
VICTIM_CAP = {'factory_worker': 40000, 'student': 15000, 'shop_assistant': 30000, 'courier': 30000,
              'employee': 250000, 'stall_owner': 800000, 'landlord': 1000000, 'retiree': 400000}

VARIANTS = {
    'baseline': dict(
        start=dt.date(2024, 4, 8), season='ordinary', report=0.5, victims=420, pays=(1, 2),
        multi_pay=0.25, pay_gap=(5 * MIN, 3 * HOUR), gangs=8, farmers=5, runners=70,
        paofen_share=0.18, mule_mix={'fresh_mule': 40, 'aged_mule': 22, 'rented_old': 14,
                                     'sold_old': 8, 'farmer': 16},
        hop=(60, 25 * MIN), tier3=0.35, new_worker=0.05, new_student=0.02,
        typ={'brushing': 22, 'ecommerce_cs': 16, 'investment': 14, 'police_gov': 9, 'loan_card': 10,
             'credit_record': 8, 'shopping_service': 7, 'leader_acquaintance': 6, 'romance': 3,
             'game_trade': 3, 'fake_job': 2}),
    'V2': dict(
        start=dt.date(2024, 8, 19), season='school', report=0.45, victims=200, pays=(2, 8),
        multi_pay=0.85, pay_gap=(3 * HOUR, 3 * DAY), gangs=6, farmers=3, runners=55,
        paofen_share=0.10, mule_mix={'fresh_mule': 8, 'aged_mule': 17, 'rented_old': 45,
                                     'sold_old': 20, 'farmer': 10},
        hop=(2 * HOUR, 30 * HOUR), tier3=0.8, new_worker=0.05, new_student=0.10,
        typ={'investment': 24, 'romance': 14, 'brushing': 20, 'loan_card': 12, 'police_gov': 10,
             'credit_record': 8, 'ecommerce_cs': 6, 'game_trade': 3, 'fake_job': 3}),
    'V3': dict(
        start=dt.date(2025, 1, 13), season='spring', report=0.48, victims=380, pays=(1, 3),
        multi_pay=0.35, pay_gap=(5 * MIN, 8 * HOUR), gangs=9, farmers=8, runners=75,
        paofen_share=0.22, mule_mix={'fresh_mule': 40, 'aged_mule': 12, 'rented_old': 10,
                                     'sold_old': 8, 'farmer': 30},
        hop=(45, 15 * MIN), tier3=0.25, new_worker=0.09, new_student=0.01,
        typ={'shopping_service': 18, 'ecommerce_cs': 18, 'leader_acquaintance': 12, 'brushing': 14,
             'accident_kidnap': 6, 'fake_job': 8, 'police_gov': 8, 'investment': 8, 'loan_card': 5,
             'prize': 3}),
}

# ---------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHK = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def luhn_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def fen_str(fen):
    """Integer fen -> exact decimal yuan text with two decimals."""
    return '%d.%02d' % (fen // 100, fen % 100)


def wchoice(rng, pairs):
    """Weighted choice from [(item, weight), ...] or {item: weight}."""
    if isinstance(pairs, dict):
        pairs = list(pairs.items())
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def lognorm_fen(rng, median_yuan, sigma, lo_yuan, hi_yuan, step_fen=100):
    """A log-normal amount in fen, clamped, rounded to step_fen (1 = fen, 100 = yuan, 10000 = 100 yuan)."""
    v = median_yuan * math.exp(rng.gauss(0.0, sigma))
    v = min(max(v, lo_yuan), hi_yuan)
    f = int(round(v * 100 / step_fen)) * step_fen
    return max(f, step_fen)


def split_amount(rng, total, k, step=100):
    """Split total fen into k positive parts (uneven), each a multiple of step except the last."""
    if k <= 1 or total < k * step * 2:
        return [total]
    ws = [rng.uniform(0.5, 1.5) for _ in range(k)]
    s = sum(ws)
    parts = [int(total * w / s) // step * step for w in ws[:-1]]
    parts = [p for p in parts if p > 0]
    rest = total - sum(parts)
    if rest <= 0:
        return [total]
    parts.append(rest)
    return parts


class Acc(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'status', 'role', 'arch', 'farmer',
                 'block', 'tier', 'win', 'gang')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch):
        self.id, self.bank, self.holder, self.opened = aid, bank, holder, opened
        self.region, self.cls, self.status, self.role, self.arch = region, cls, 'active', role, arch
        self.farmer = ''
        self.block = None   # (from_ts, to_ts): the owner's own outgoing transfers stop (rented / sold)
        self.tier = None
        self.win = None
        self.gang = None


# ===================================================================================================
# The world: entities, transfers, censoring
# ===================================================================================================
class World(object):
    def __init__(self, variant, seed):
        self.variant, self.seed = variant, seed
        self.cfg = VARIANTS[variant]
        self.rng = random.Random('yiwu42|%s|%d' % (variant, seed))
        self.start_date = self.cfg['start']
        self.T0 = dt.datetime(self.start_date.year, self.start_date.month, self.start_date.day,
                              tzinfo=TZ)
        self.dates = [self.start_date + dt.timedelta(days=i) for i in range(NDAYS)]
        self.acc = {}                 # account id -> Acc
        self.holders = {}             # holder id -> (kind, home region)
        self.tx = []                  # [ts, from, to, fen, channel, region, memo, truth kind, xborder]
        self.used = set()
        self.P = defaultdict(list)    # archetype -> list of people/entities (dicts)
        self.victims = []             # dicts
        self.labels_extra = []
        rng = self.rng
        # supplying banks and their extract starts (day offsets; history before is censored)
        n_sup = rng.choice([4, 5, 5])
        sup = ['YWRCB', 'ICBC'] + rng.sample(['ABC', 'JHCCB', 'CMB'], n_sup - 2)
        offs = [0, rng.randint(1, 4), rng.randint(5, 8), rng.randint(9, 12), rng.randint(13, 15)][:n_sup]
        rng.shuffle(offs)
        self.extract = {b: o * DAY for b, o in zip(sup, offs)}
        self.supply = [b for b in SUPPLY_CANDIDATES if b in self.extract]
        self.nonsupply_cards = [b for b in CARD_BANKS if b not in self.extract]
        lw = [(b, w) for b, w in LOCAL_BANK_W.items()]
        self.local_bank_w = lw
        self.sup_bank_w = [(b, w) for b, w in lw if b in self.extract]
        self.nation_ext = [b for b in NATION_BANKS if b not in self.extract]

    # ----------------------------------------------------------------- time
    def fmt(self, t):
        return (self.T0 + dt.timedelta(seconds=int(t))).isoformat()

    def tod(self, profile):
        h = self.rng.choices(HOURS, cum_weights=TOD_CUM[profile])[0]
        return h * HOUR + self.rng.randint(0, HOUR - 1)

    def at(self, day, profile='personal'):
        return int(day) * DAY + self.tod(profile)

    def dom(self, day):
        return self.dates[day].day

    def day_of_dom(self, dom):
        """Window day whose calendar day-of-month is dom (nearest existing; every dom 1-28 occurs)."""
        for delta in (0, 1, -1, 2, -2, 3):
            for i, d in enumerate(self.dates):
                if d.day == dom + delta:
                    return i
        return 0

    def season_w(self, kind):
        """Per-day activity weights (30 values) for a kind of activity, by variant."""
        s = self.cfg['season']
        w = []
        for i, d in enumerate(self.dates):
            wd = d.weekday()
            x = 1.0
            if kind == 'personal':
                x = 1.15 if wd >= 5 else 1.0
                if s == 'ordinary' and d.month == 5 and d.day <= 5:
                    x = 1.5
                if s == 'school' and d.month == 9 and 15 <= d.day <= 17:
                    x = 1.4
                if s == 'spring':
                    x = [1.0] * 8 + [1.2] * 4 + [1.5, 1.7, 2.0, 2.0, 1.8, 1.5, 1.3, 1.1] + [1.0] * 10
                    x = x[i]
            elif kind == 'market':
                x = 0.8 if wd == 6 else 1.0
                if s == 'ordinary' and d.month == 5 and d.day <= 5:
                    x = 0.55
                if s == 'school':
                    x *= 1.1
                if s == 'spring':
                    x = ([1.6] * 8 + [1.0, 0.5, 0.2] + [0.02] * 12 + [0.1, 0.15, 0.2, 0.3, 0.35, 0.45, 0.55])[i]
            elif kind == 'ecom':
                x = 1.1 if wd >= 4 else 1.0
                if s == 'spring':
                    x = ([1.9] * 10 + [1.0] * 4 + [0.3] * 8 + [0.6] * 8)[i]
            elif kind == 'courier':
                x = 1.0
                if s == 'spring':
                    x = ([1.7] * 10 + [0.9, 0.6] + [0.05] * 10 + [0.5] * 8)[i]
            elif kind == 'student':
                x = 0.9 if wd >= 5 else 1.0
                if s == 'school':
                    x = 0.35 if i < 12 else (1.6 if i < 19 else 1.1)
                if s == 'spring':
                    x = ([0.9] * 5 + [0.25] * 21 + [0.5] * 4)[i]
                if s == 'ordinary' and d.month == 5 and d.day <= 5:
                    x = 0.7
            w.append(x)
        return w

    def pick_day(self, kind, lo=0, hi=NDAYS - 1):
        w = self._sw[kind]
        lo, hi = max(0, lo), min(NDAYS - 1, hi)
        if lo > hi:
            return None
        return self.rng.choices(range(lo, hi + 1), weights=w[lo:hi + 1])[0]

    def old_open(self, min_days=60, max_days=12 * 365):
        return -self.rng.randint(min_days, max_days) * DAY - self.rng.randint(0, DAY - 1)

    # ----------------------------------------------------------------- people and accounts
    def person(self, region, y0=1965, y1=2004):
        rng = self.rng
        while True:
            birth = dt.date(rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))
            s = region + birth.strftime('%Y%m%d') + '%03d' % rng.randint(0, 999)
            hid = s + ID_CHK[sum(int(a) * w for a, w in zip(s, ID_W)) % 11]
            if hid not in self.holders:
                self.holders[hid] = ('person', region)
                return hid

    def corp(self, region, kind='91'):
        rng = self.rng
        while True:
            body = kind + region + ''.join(rng.choice(USCC_CH) for _ in range(9))
            c = (31 - sum(USCC_CH.index(ch) * w for ch, w in zip(body, USCC_W)) % 31) % 31
            hid = body + USCC_CH[c]
            if hid not in self.holders:
                self.holders[hid] = ('corp', region)
                return hid

    def foreign_holder(self):
        while True:
            hid = 'F' + self.rng.choice(FOREIGN)[0] + ''.join(self.rng.choice('0123456789') for _ in range(10))
            if hid not in self.holders:
                self.holders[hid] = ('corp', '')
                return hid

    def new_id(self, bank, cls):
        rng = self.rng
        while True:
            if bank in PAY_FIRMS:
                aid = PAY_FIRMS[bank] + ''.join(rng.choice('0123456789') for _ in range(12))
            elif bank == 'FOREIGN':
                cc, ln = rng.choice(FOREIGN)
                aid = cc + '%02d' % rng.randint(2, 98) + ''.join(rng.choice('0123456789')
                                                             for _ in range(ln - 4))
            elif cls == 'corp':
                pre = CARD_BANKS[bank][1]
                aid = pre + ''.join(rng.choice('0123456789') for _ in range(rng.choice([13, 14, 15])))
            else:
                body = CARD_BANKS[bank][0] + ''.join(rng.choice('0123456789') for _ in range(12))
                aid = body + luhn_digit(body)
            if aid not in self.used:
                self.used.add(aid)
                return aid

    def account(self, holder, bank, opened, region, cls='I', role='lawful', arch='lawful'):
        aid = self.new_id(bank, cls)
        a = Acc(aid, bank, holder, int(opened), region, cls, role, arch)
        self.acc[aid] = a
        return a

    def local_bank(self, supplying_only=False):
        return wchoice(self.rng, self.sup_bank_w if supplying_only else self.local_bank_w)

    def other_sup_bank(self, not_bank):
        c = [(b, w) for b, w in self.sup_bank_w if b != not_bank]
        return wchoice(self.rng, c) if c else not_bank

    def ext_bank(self, home_prov=None):
        if home_prov in HOME_BANKS and self.rng.random() < 0.45:
            return HOME_BANKS[home_prov]
        return self.rng.choice(self.nation_ext)

    def ext_person_acc(self, region, arch='lawful', role='lawful', bank=None, y0=1955, y1=2002):
        h = self.person(region, y0, y1)
        return self.account(h, bank or self.ext_bank(), self.old_open(200, 15 * 365), region, 'I',
                            role, arch)

    def supplying(self, aid):
        return self.acc[aid].bank in self.extract

    # ----------------------------------------------------------------- transfers
    def t(self, ts, frm, to, fen, ch='mobile', region=None, memo='', tk='ordinary', xb=False):
        """Record a transfer (frm None: cash deposit; to None: cash withdrawal). Returns the time used,
        or None if it falls outside the window or is blocked (rented or sold account)."""
        ts = int(ts)
        if fen <= 0 or ts < 0 or ts >= WINDOW:
            return None
        if frm is not None:
            a = self.acc[frm]
            if ts <= a.opened:
                return None
            if tk == 'ordinary' and a.block and a.block[0] <= ts < a.block[1]:
                return None
        if to is not None:
            b = self.acc[to]
            if ts <= b.opened:
                return None
            if tk == 'ordinary' and b.block and b.block[0] <= ts < b.block[1] and b.arch == 'sold_old':
                if self.rng.random() < 0.7:
                    return None
        if region is None:
            src = self.acc[frm] if frm is not None else self.acc[to]
            region = src.region if self.rng.random() < 0.88 else ''
        self.tx.append([ts, frm, to, int(fen), ch, region, memo, tk, xb, len(self.tx)])
        return ts

    # ================================================================================================
    # Lawful entities
    # ================================================================================================
    def corp_acc(self, region, bank, arch, kind='91', opened=None):
        h = self.corp(region, kind)
        return self.account(h, bank, self.old_open(400, 20 * 365) if opened is None else opened,
                            region, 'corp', 'lawful', arch)

    def sup_or(self, bank):
        return bank if bank in self.extract else self.local_bank(True)

    def build_institutions(self):
        rng = self.rng
        I = self.I = {}
        I['alipay'] = self.corp_acc('330106', 'ALIPAY', 'payment_hub')
        I['tenpay'] = self.corp_acc('440305', 'TENPAY', 'payment_hub')
        I['power'] = self.corp_acc(YIWU, 'ICBC', 'utility')
        I['water'] = self.corp_acc(YIWU, self.sup_or('YWRCB'), 'utility')
        I['market'] = self.corp_acc(YIWU, 'ICBC', 'market_operator')
        I['colleges'] = [self.corp_acc(r, self.sup_or(b), 'college')
                         for r, b in [(YIWU, 'YWRCB'), ('330702', 'ICBC'), ('330703', 'JHCCB')]]
        I['employers'] = ([self.corp_acc(wchoice(rng, LOCAL_REGIONS), self.local_bank(True), 'employer_org')
                           for _ in range(14)] +
                          [self.corp_acc(wchoice(rng, LOCAL_REGIONS), self.local_bank(), 'employer_firm')
                           for _ in range(36)])
        I['treasury'] = self.corp_acc(YIWU, 'CCB' if 'CCB' not in self.extract else 'BOC', 'treasury', '11')
        I['pension'] = self.corp_acc('330702', self.sup_or('ABC'), 'social_security', '11')
        I['platforms'] = [self.corp_acc('330106', 'ALIPAY', 'platform'),
                          self.corp_acc('110101', rng.choice(self.nation_ext), 'platform'),
                          self.corp_acc('110101', rng.choice(self.nation_ext), 'platform')]
        I['adplat'] = [self.corp_acc('110101', rng.choice(self.nation_ext), 'ad_platform') for _ in range(2)]
        I['courier_hq'] = [self.corp_acc('310101', rng.choice(self.nation_ext), 'courier_hq') for _ in range(4)]
        I['car_dealers'] = [self.corp_acc(wchoice(rng, LOCAL_REGIONS), self.local_bank(), 'car_dealer')
                            for _ in range(6)]
        I['developers'] = [self.corp_acc(wchoice(rng, LOCAL_REGIONS), self.local_bank(), 'developer')
                           for _ in range(5)]
        I['tax'] = I['treasury']
        I['materials'] = [self.corp_acc(rng.choice(['440106', '441900', '320508', '330203', '350582',
                                                    '330302', '370202', '321002']),
                                        rng.choice(self.nation_ext), 'material_supplier')
                          for _ in range(int(160 * self.S))]
        I['forwarders'] = [self.corp_acc(YIWU, self.local_bank(), 'freight_forwarder') for _ in range(18)]
        I['agencies'] = [self.corp_acc(YIWU, self.local_bank(True), 'labour_agency') for _ in range(8)]
        I['parks'] = [self.corp_acc(wchoice(rng, FACTORY_REGIONS), self.local_bank(), 'industrial_park')
                      for _ in range(10)]
        I['shops'] = [self.corp_acc(wchoice(rng, LOCAL_REGIONS), self.local_bank(), 'retail_shop', '92')
                      for _ in range(60)]
        I['foreign'] = [self.account(self.foreign_holder(), 'FOREIGN', self.old_open(400, 6000), '',
                                     'corp', 'lawful', 'foreign_buyer') for _ in range(int(140 * self.S))]
        # buyers from all provinces (external), mostly persons, some firms
        I['buyers'] = []
        for _ in range(int(1500 * self.S)):
            r = wchoice(rng, BUYER_REGIONS)
            if rng.random() < 0.7:
                I['buyers'].append(self.ext_person_acc(r, 'buyer', y0=1960, y1=1998))
            else:
                I['buyers'].append(self.corp_acc(r, rng.choice(self.nation_ext), 'buyer', '92'))

    def new_or_old(self, p_new, lo=0, hi=NDAYS - 3, profile='counter'):
        """Opening time: inside the data with probability p_new, else years before."""
        if self.rng.random() < p_new:
            return self.at(self.rng.randint(lo, hi), profile), True
        return self.old_open(30, 12 * 365), False

    def extra_cards(self, p, holder, main, region, arch):
        """People with cards at several banks: a second (or third) supplying-bank card, some dormant."""
        out = []
        while self.rng.random() < p and len(out) < 3:
            b = self.other_sup_bank(main.bank) if self.rng.random() < 0.85 else self.rng.choice(self.nation_ext)
            out.append(self.account(holder, b, self.old_open(100, 14 * 365), region, 'I', 'lawful', arch))
            p *= 0.45
        return out

    def build_people(self):
        rng, S, I = self.rng, self.S, self.I
        cfg = self.cfg
        # ---- factories and workshops
        facs = self.P['factory']
        for _ in range(int(430 * S)):
            r = wchoice(rng, FACTORY_REGIONS)
            a = self.corp_acc(r, self.local_bank(), 'factory', rng.choice(['91', '91', '92']))
            owner = None
            if rng.random() < 0.6:
                oh = self.person(r, 1962, 1990)
                owner = self.account(oh, self.local_bank(), self.old_open(600, 15 * 365), r, 'I',
                                     'lawful', 'factory_owner')
            facs.append(dict(acc=a, owner=owner, region=r, workers=[],
                             payday=rng.choice([5, 8, 10, 10, 15, 15, 20, 25, 28]),
                             size=max(2, min(90, int(rng.lognormvariate(1.9, 0.8))))))
        for ag in I['agencies']:
            facs.append(dict(acc=ag, owner=None, region=YIWU, workers=[], payday=rng.choice([10, 15]),
                             size=rng.randint(25, 70)))
        # ---- factory workers (migrants and locals)
        fw = [f['size'] for f in facs]
        origins = {'jiangxi': 26, 'anhui': 20, 'guizhou': 17, 'henan': 16, 'other': 11, 'local': 10}
        new_lo, new_hi = (20, 28) if cfg['season'] == 'spring' else (0, 27)
        for _ in range(int(3000 * S)):
            o = wchoice(rng, origins)
            home = wchoice(rng, LOCAL_REGIONS) if o == 'local' else rng.choice(HOME[o])
            h = self.person(home, 1966, 2005)
            fac = rng.choices(facs, weights=fw)[0]
            bank = fac['acc'].bank if (rng.random() < 0.65 and fac['acc'].bank in CARD_BANKS) else self.local_bank()
            opened, new = self.new_or_old(cfg['new_worker'], new_lo, new_hi)
            acc = self.account(h, bank, opened, fac['region'], 'I', 'lawful', 'factory_worker')
            extra = self.extra_cards(0.17, h, acc, fac['region'], 'factory_worker')
            homecard = None
            if o != 'local' and rng.random() < 0.25:
                homecard = self.account(h, self.ext_bank(o), self.old_open(300, 15 * 365), home, 'I',
                                        'lawful', 'home_card')
            fam = None
            if rng.random() < (0.75 if o != 'local' else 0.3):
                if o != 'local' and self.P['_fam_' + o] and rng.random() < 0.08:
                    fam = rng.choice(self.P['_fam_' + o])
                else:
                    fam = self.ext_person_acc(home, 'family_home', bank=self.ext_bank(o), y0=1950, y1=1995)
                    if o != 'local':
                        self.P['_fam_' + o].append(fam)
            w = dict(holder=h, acc=acc, extra=extra, homecard=homecard, fam=fam, fac=fac, origin=o,
                     new=new, wage=lognorm_fen(rng, 6300, 0.22, 3800, 16000, 1), landlord=None,
                     rent=0, spouse=None)
            fac['workers'].append(w)
            self.P['factory_worker'].append(w)
        ws = self.P['factory_worker']
        for i in range(0, len(ws) - 1, 2):
            if rng.random() < 0.12 and ws[i]['fac'] is ws[i + 1]['fac'] or rng.random() < 0.04:
                ws[i]['spouse'], ws[i + 1]['spouse'] = ws[i + 1], ws[i]
        # ---- stall owners of the 国际商贸城 and their shop assistants
        for _ in range(int(640 * S)):
            home = wchoice(rng, LOCAL_REGIONS) if rng.random() < 0.6 else rng.choice(
                HOME['jiangxi'] + HOME['anhui'] + ['350502', '330302', '441900', '410105'])
            h = self.person(home, 1962, 1995)
            acc = self.account(h, self.local_bank(True), self.old_open(400, 16 * 365), YIWU, 'I',
                               'lawful', 'stall_owner')
            accs = [acc]
            if rng.random() < 0.22:   # several banks: buyers pay into whichever card they share a bank with
                for _k in range(rng.randint(1, 3)):
                    accs.append(self.account(h, self.other_sup_bank(acc.bank) if rng.random() < 0.8
                                             else rng.choice(self.nation_ext),
                                             self.old_open(200, 12 * 365), YIWU, 'I', 'lawful', 'stall_owner'))
            corp = None
            if rng.random() < 0.4:
                corp = self.corp_acc(YIWU, self.local_bank(), 'stall_business', '92')
            asst = None
            if rng.random() < 0.45:
                ah = self.person(rng.choice(HOME['jiangxi'] + HOME['anhui'] + HOME['henan'] + [YIWU]),
                                 1985, 2004)
                aop, _new = self.new_or_old(0.04)
                asst = dict(holder=ah, acc=self.account(ah, self.local_bank(), aop, YIWU, 'I', 'lawful',
                                                        'shop_assistant'),
                            wage=lognorm_fen(rng, 5200, 0.15, 3800, 8000, 100))
                self.P['shop_assistant'].append(asst)
            nb = rng.randint(6, 40)
            self.P['stall_owner'].append(dict(holder=h, acc=acc, accs=accs, corp=corp, asst=asst,
                                              buyers=rng.sample(I['buyers'], nb), suppliers=[],
                                              size=rng.lognormvariate(0, 0.6)))
        # ---- traders (foreign-trade firms and purchasing agents)
        for _ in range(int(120 * S)):
            a = self.corp_acc(YIWU, self.local_bank(), 'trader')
            oh = self.person(wchoice(rng, LOCAL_REGIONS), 1965, 1992)
            own = self.account(oh, self.local_bank(True), self.old_open(400, 12 * 365), YIWU, 'I', 'lawful',
                               'trader_owner')
            self.P['trader'].append(dict(acc=a, owner=own, foreign=rng.sample(I['foreign'], rng.randint(1, 5)),
                                         size=rng.lognormvariate(0, 0.5)))
        # ---- live-streaming e-commerce: sellers, hosts, assistants
        for _ in range(int(300 * S)):
            home = rng.choice(HOME['jiangxi'] + HOME['anhui'] + HOME['other'] + [YIWU, YIWU, '330702'])
            h = self.person(home, 1990, 2004)
            op, new = self.new_or_old(0.06)
            self.P['host'].append(dict(holder=h, acc=self.account(h, self.local_bank(), op, YIWU, 'I',
                                                                   'lawful', 'stream_host'),
                                       new=new, fam=None))
        for _ in range(int(180 * S)):
            a = self.corp_acc(YIWU, self.local_bank(), 'stream_seller', rng.choice(['91', '92']))
            oh = self.person(wchoice(rng, LOCAL_REGIONS) if rng.random() < 0.5 else rng.choice(NATION),
                             1978, 1998)
            own = self.account(oh, self.local_bank(True), self.old_open(200, 10 * 365), YIWU, 'I', 'lawful',
                               'stream_owner')
            hosts = rng.sample(self.P['host'], rng.randint(1, 4))
            assts = []
            for _k in range(rng.choice([0, 0, 1, 1, 2])):
                ah = self.person(rng.choice(HOME['guizhou'] + HOME['henan'] + [YIWU]), 1990, 2005)
                aop, _n = self.new_or_old(0.08)
                assts.append(dict(holder=ah, acc=self.account(ah, self.local_bank(), aop, YIWU, 'I', 'lawful',
                                                              'shop_assistant'),
                                  wage=lognorm_fen(rng, 5500, 0.2, 3500, 10000, 100)))
            self.P['shop_assistant'].extend(assts)
            self.P['stream_seller'].append(dict(acc=a, owner=own, hosts=hosts, assts=assts,
                                                platform=rng.choice(I['platforms']),
                                                size=rng.lognormvariate(0, 0.7)))
        # ---- couriers: outlets (franchise points) and staff
        for _ in range(int(30 * S)):
            a = self.corp_acc(YIWU if rng.random() < 0.7 else wchoice(rng, LOCAL_REGIONS), self.local_bank(),
                              'courier_outlet', '92')
            staff = []
            for _k in range(rng.randint(8, 22)):
                o = wchoice(rng, {'jiangxi': 3, 'anhui': 3, 'guizhou': 2, 'henan': 3, 'other': 2, 'local': 1})
                home = YIWU if o == 'local' else rng.choice(HOME[o])
                h = self.person(home, 1972, 2004)
                op, new = self.new_or_old(self.cfg['new_worker'])
                c = dict(holder=h, acc=self.account(h, self.local_bank(), op, a.region, 'I', 'lawful', 'courier'),
                         collector=rng.random() < 0.25, origin=o, new=new,
                         fam=self.ext_person_acc(home, 'family_home', bank=self.ext_bank(o)) if rng.random() < 0.6 else None)
                staff.append(c)
                self.P['courier'].append(c)
            self.P['courier_outlet'].append(dict(acc=a, staff=staff, hq=rng.choice(I['courier_hq'])))
        # ---- landlords
        for _ in range(int(220 * S)):
            r = wchoice(rng, LOCAL_REGIONS)
            h = self.person(r, 1950, 1985)
            acc = self.account(h, self.local_bank(True), self.old_open(1000, 20 * 365), r, 'I', 'lawful', 'landlord')
            extra = self.extra_cards(0.5, h, acc, r, 'landlord')
            self.P['landlord'].append(dict(holder=h, acc=acc, extra=extra, tenants=[],
                                           dom=rng.choice([1, 1, 1, 5, 5, 10, 15, 20])))
        lls = self.P['landlord']
        for w in self.P['factory_worker'] + self.P['courier'] + self.P['shop_assistant']:
            if (w.get('origin', 'x') != 'local') and rng.random() < 0.5 and w.get('spouse') is None or rng.random() < 0.05:
                ll = rng.choice(lls)
                w['landlord'] = ll
                w['rent'] = lognorm_fen(rng, 900, 0.3, 400, 2500, 10000)
                ll['tenants'].append(w)
        # ---- employees (schools, hospitals, offices, firms)
        for _ in range(int(1000 * S)):
            r = wchoice(rng, LOCAL_REGIONS)
            h = self.person(r if rng.random() < 0.75 else rng.choice(NATION), 1963, 2001)
            emp = rng.choice(I['employers']) if rng.random() < 0.85 else I['treasury']
            op, new = self.new_or_old(0.015)
            acc = self.account(h, emp.bank if (emp.bank in self.extract and rng.random() < 0.6) else self.local_bank(),
                               op, r, 'I', 'lawful', 'employee')
            extra = self.extra_cards(0.3, h, acc, r, 'employee')
            self.P['employee'].append(dict(holder=h, acc=acc, extra=extra, emp=emp, new=new,
                                           wage=lognorm_fen(rng, 8500, 0.35, 3500, 40000, 1),
                                           payday=rng.choice([5, 10, 15, 15, 20, 25])))
        # ---- students at local colleges
        st_lo, st_hi = (10, 20) if cfg['season'] == 'school' else (0, 27)
        for _ in range(int(950 * S)):
            col = rng.choice(I['colleges'])
            home = rng.choice(NATION + [YIWU, '330702'] * 3)
            h = self.person(home, 2001, 2007)
            p_new = cfg['new_student'] * (2.5 if cfg['season'] == 'school' else 1.0)
            op, new = self.new_or_old(p_new, st_lo, st_hi, 'counter')
            if not new:
                op = self.old_open(30, 4 * 365)
            acc = self.account(h, col.bank if rng.random() < 0.6 else self.local_bank(), op, col.region, 'I',
                               'lawful', 'student')
            parent = self.ext_person_acc(home, 'family_home', y0=1960, y1=1982) if rng.random() < 0.92 else None
            self.P['student'].append(dict(holder=h, acc=acc, col=col, parent=parent, new=new, classmates=[]))
        sts = self.P['student']
        for s in sts:
            s['classmates'] = [x for x in rng.sample(sts, 6) if x is not s and x['col'] is s['col']]
        # ---- retirees
        for _ in range(int(480 * S)):
            r = wchoice(rng, LOCAL_REGIONS)
            h = self.person(r, 1938, 1964)
            acc = self.account(h, self.local_bank(), self.old_open(3000, 25 * 365), r, 'I', 'lawful', 'retiree')
            self.P['retiree'].append(dict(holder=h, acc=acc, pension=lognorm_fen(rng, 3600, 0.4, 1500, 12000, 1)))
        # ---- dormant accounts (old, quiet cards of people outside the other groups)
        for _ in range(int(650 * S)):
            r = wchoice(rng, LOCAL_REGIONS) if rng.random() < 0.6 else rng.choice(NATION)
            h = self.person(r, 1950, 2003)
            a = self.account(h, self.local_bank(True), self.old_open(200, 15 * 365), r,
                             rng.choice(['I', 'I', 'II']), 'lawful', 'dormant')
            self.P['dormant'].append(dict(holder=h, acc=a))
        # supplier links for stalls and traders: factories and workshops
        for so in self.P['stall_owner']:
            so['suppliers'] = rng.sample(facs, rng.randint(2, 8))
        for tr in self.P['trader']:
            tr['suppliers'] = rng.sample(facs, rng.randint(12, 45)) + rng.sample(self.P['stall_owner'], rng.randint(3, 12))
        for ss in self.P['stream_seller']:
            ss['suppliers'] = rng.sample(self.P['stall_owner'], rng.randint(2, 6)) + rng.sample(facs, rng.randint(0, 3))
            ss['outlet'] = rng.choice(self.P['courier_outlet'])

    # ================================================================================================
    # Lawful flows
    # ================================================================================================
    def hub_spend(self, aid, n, loc, median=120, lo_day=0, hi_day=NDAYS - 1, kind='personal'):
        rng, I = self.rng, self.I
        for _ in range(n):
            d = self.pick_day(kind, lo_day, hi_day)
            if d is None:
                return
            hub = I['alipay'].id if rng.random() < 0.45 else I['tenpay'].id
            self.t(self.at(d, 'personal'), aid, hub, lognorm_fen(rng, median, 0.9, 3, 20 * median, 1),
                   'mobile', loc, rng.choice(['', '', '', '消费', '支付宝', '财付通', '微信零钱充值']))

    def hub_income(self, aid, n, loc, median=300, lo_day=0):
        rng, I = self.rng, self.I
        for _ in range(n):
            d = self.pick_day('personal', lo_day)
            if d is None:
                return
            self.t(self.at(d, 'personal'), I['tenpay'].id if rng.random() < 0.6 else I['alipay'].id, aid,
                   lognorm_fen(rng, median, 0.8, 10, 10 * median, 1), 'other', loc,
                   rng.choice(['零钱提现', '提现', '余额提现']))

    def atm(self, aid, n, loc, lo_day=0, hi_day=NDAYS - 1, big=False):
        rng = self.rng
        for _ in range(n):
            d = self.pick_day('personal', lo_day, hi_day)
            if d is None:
                return
            amt = rng.choice([200, 300, 500, 500, 1000, 1000, 2000, 3000]) * (rng.choice([2, 3, 5]) if big else 1)
            ch = 'atm' if amt <= 5000 or rng.random() < 0.3 else 'counter'
            self.t(self.at(d, 'personal'), aid, None, amt * 100, ch, loc)

    def red_envelopes(self, aid, loc, targets, n):
        """Spring Festival red envelopes (红包) and New Year greetings."""
        rng = self.rng
        for _ in range(n):
            d = rng.randint(13, 20)
            to = rng.choice(targets)
            if to == aid:
                continue
            amt = rng.choice([66, 88, 100, 168, 200, 200, 520, 600, 666, 800, 888, 1000, 1888, 2000, 5000])
            self.t(self.at(d, 'evening'), aid, to, amt * 100, 'mobile', loc,
                   rng.choice(['红包', '新年快乐', '压岁钱', '过年红包', '', '拜年']))

    def lawful_flows(self):
        rng, I, cfg = self.rng, self.I, self.cfg
        spring = cfg['season'] == 'spring'
        school = cfg['season'] == 'school'
        A = self.ACT
        people = ([w['acc'].id for w in self.P['factory_worker']] + [e['acc'].id for e in self.P['employee']] +
                  [s['acc'].id for s in self.P['student']] + [r['acc'].id for r in self.P['retiree']] +
                  [s['acc'].id for s in self.P['stall_owner']])
        self.people_ids = people
        ext_locals = [self.ext_person_acc(wchoice(rng, LOCAL_REGIONS), 'local_ext') for _ in range(int(300 * self.S))]
        self.ext_locals = [a.id for a in ext_locals]

        # ---------------- factories pay wages; workers live their month
        for fac in self.P['factory']:
            pd = self.day_of_dom(fac['payday'])
            if spring:
                pd = rng.randint(4, 12)
            base_t = pd * DAY + 9 * HOUR + rng.randint(0, 3 * HOUR)
            for k, w in enumerate(fac['workers']):
                a = w['acc']
                wage, memo = w['wage'], rng.choice(['工资', '工资', '代发工资', '%d月工资' % self.dates[pd].month])
                if spring:
                    wage = int(wage * rng.uniform(1.6, 3.2))
                    memo = rng.choice(['年终工资', '工资', '年终奖', '工资奖金'])
                ts = base_t + k * rng.randint(2, 12)
                pay_t = None
                if ts > a.opened + HOUR:
                    if w['new']:
                        wage = max(int(wage * (ts - a.opened) / (30 * DAY)), 30000)
                    pay_t = self.t(ts, fac['acc'].id, a.id, wage, 'other', fac['region'], memo)
                elif a.opened + 2 * DAY < WINDOW:
                    wage = rng.choice([50000, 80000, 100000, 150000])
                    pay_t = self.t(a.opened + rng.randint(HOUR, 2 * DAY), fac['acc'].id, a.id, wage, 'online',
                                   fac['region'], '预支工资')
                self.worker_life(w, pay_t, wage, spring)
        # factory running costs and owners
        for fac in self.P['factory']:
            f, r = fac['acc'].id, fac['region']
            if fac['acc'].arch == 'labour_agency':
                for _ in range(rng.randint(3, 8)):   # client factories pay the agency
                    c = rng.choice(self.P['factory'])['acc'].id
                    self.t(self.at(self.pick_day('market'), 'business'), c, f,
                           lognorm_fen(rng, 40000, 0.7, 5000, 400000, 100), 'online', r, '劳务费')
                continue
            for _ in range(int(rng.randint(1, 6) * A)):
                self.t(self.at(self.pick_day('market'), 'business'), f, rng.choice(I['materials']).id,
                       lognorm_fen(rng, 25000, 1.0, 1000, 800000, 100), 'online', r,
                       rng.choice(['货款', '原料款', '材料款', '']))
            self.t(self.at(rng.randint(0, 29), 'business'), f, I['power'].id,
                   lognorm_fen(rng, 6000, 0.9, 300, 150000, 1), 'online', r, '电费')
            if rng.random() < 0.35:
                self.t(self.at(rng.randint(0, 29), 'business'), f, rng.choice(I['parks']).id,
                       lognorm_fen(rng, 30000, 0.7, 3000, 300000, 10000), 'online', r, rng.choice(['厂房租金', '租金']))
            if rng.random() < 0.5:
                self.t(self.at(rng.randint(10, 20), 'business'), f, I['tax'].id,
                       lognorm_fen(rng, 8000, 1.0, 200, 300000, 1), 'online', r, '税款')
            if fac['owner']:
                o = fac['owner'].id
                for _ in range(rng.randint(0, 3)):
                    self.t(self.at(rng.randint(0, 29), 'business'), f, o,
                           lognorm_fen(rng, 20000, 0.8, 2000, 300000, 100), 'online', r, rng.choice(['', '备用金', '往来款']))
                self.hub_spend(o, rng.randint(2, 7), r, 300)
                if rng.random() < 0.3:
                    self.t(self.at(self.pick_day('personal'), 'personal'), o, rng.choice(I['shops']).id,
                           lognorm_fen(rng, 3000, 0.8, 200, 50000, 100), 'pos', r)

        # ---------------- stall owners of the 国际商贸城
        for so in self.P['stall_owner']:
            main = so['acc'].id
            recv = so['accs'] + ([so['corp']] if so['corp'] else [])
            rw = [4.0] + [1.0] * (len(recv) - 1)
            n = int(rng.randint(10, 45) * so['size'] * A)
            for _ in range(n):
                d = self.pick_day('market')
                to = rng.choices(recv, weights=rw)[0].id
                if rng.random() < 0.05:
                    fb = rng.choice(I['foreign'])
                    self.t(self.at(d, 'market'), fb.id, to, lognorm_fen(rng, 30000, 1.0, 2000, 800000, 1), 'online',
                           '', rng.choice(['PAYMENT', 'T/T', '货款', '']), xb=True)
                else:
                    b = rng.choice(so['buyers'])
                    self.t(self.at(d, 'market'), b.id, to, lognorm_fen(rng, 4500, 1.0, 150, 300000,
                                                                       rng.choice([1, 100, 100, 1000])),
                           rng.choice(['mobile', 'mobile', 'online']), b.region,
                           rng.choice(['货款', '货款', '', '', '定金', '尾款', '拿货']))
            for sec in recv[1:]:   # sweep the other cards into the main one (分散转入、集中转出, lawful)
                for _ in range(rng.randint(1, 4)):
                    d = self.pick_day('market')
                    self.t(self.at(d, 'evening'), sec.id, main, lognorm_fen(rng, 15000, 0.8, 500, 300000, 100),
                           'mobile', YIWU, rng.choice(['', '', '转账', '归集']))
            pay_from = [main] + ([so['corp'].id] if so['corp'] else [])
            k = int(rng.randint(3, 12) * so['size'] * A * (1.5 if spring else 1.0))
            for _ in range(k):
                sup = rng.choice(so['suppliers'])
                d = rng.randint(2, 13) if (spring and rng.random() < 0.8) else self.pick_day('market')
                self.t(self.at(d, 'business'), rng.choice(pay_from), sup['acc'].id,
                       lognorm_fen(rng, 12000 * (1.6 if spring else 1), 1.0, 300, 500000, rng.choice([100, 10000])),
                       rng.choice(['mobile', 'online']), YIWU,
                       rng.choice(['货款', '货款', '', '加工费', '年底结账' if spring else '结账']))
            for _ in range(rng.randint(1, 5)):
                dst = rng.choice(I['forwarders']).id if rng.random() < 0.6 else rng.choice(self.P['courier_outlet'])['acc'].id
                self.t(self.at(self.pick_day('courier'), 'business'), rng.choice(pay_from), dst,
                       lognorm_fen(rng, 2500, 0.9, 100, 60000, 100), 'mobile', YIWU, rng.choice(['运费', '物流费', '']))
            if so['asst']:
                self.t(self.at(rng.randint(0, 29) if not spring else rng.randint(8, 13), 'business'), main,
                       so['asst']['acc'].id, so['asst']['wage'] * (2 if spring else 1), 'mobile', YIWU,
                       rng.choice(['工资', '工资', '', '年终奖' if spring else '工资']))
            if rng.random() < 0.07:
                self.t(self.at(rng.randint(0, 29), 'counter'), main, I['market'].id,
                       lognorm_fen(rng, 80000, 0.6, 20000, 600000, 10000), 'counter', YIWU, rng.choice(['商位租金', '商位使用费']))
            self.hub_spend(main, int(rng.randint(3, 9) * A), YIWU, 250)
            if rng.random() < 0.4:
                self.atm(main, rng.randint(1, 2), YIWU, big=True)
            if len(so['accs']) > 1 and rng.random() < 0.5:
                self.t(self.at(rng.randint(0, 29), 'business'), main, so['accs'][1].id,
                       lognorm_fen(rng, 50000, 0.8, 5000, 1000000, 10000), 'mobile', YIWU, rng.choice(['', '理财']))
            if spring:
                self.red_envelopes(main, YIWU, people, rng.randint(2, 8))

        # ---------------- traders pay many small factories and workshops
        for tr in self.P['trader']:
            a = tr['acc'].id
            for _ in range(int(rng.randint(2, 8) * tr['size'] * A)):
                self.t(self.at(self.pick_day('market'), 'business'), rng.choice(tr['foreign']).id, a,
                       lognorm_fen(rng, 150000, 0.9, 8000, 3000000, 1), 'online', '',
                       rng.choice(['PAYMENT', 'T/T', '货款', 'INVOICE']), xb=True)
            for _ in range(rng.randint(0, 5)):
                b = rng.choice(I['buyers'])
                self.t(self.at(self.pick_day('market'), 'business'), b.id, a,
                       lognorm_fen(rng, 60000, 1.0, 2000, 1000000, 100), 'online', b.region, '货款')
            for _ in range(int(rng.randint(15, 50) * tr['size'] * A)):
                sup = rng.choice(tr['suppliers'])
                d = self.pick_day('market')
                self.t(self.at(d, 'business'), a, sup['acc'].id,
                       lognorm_fen(rng, 15000, 1.0, 300, 600000, rng.choice([1, 100])), 'online', YIWU,
                       rng.choice(['货款', '采购款', '', '订金', '尾款']))
            for _ in range(rng.randint(2, 6)):
                self.t(self.at(self.pick_day('market'), 'business'), a, rng.choice(I['forwarders']).id,
                       lognorm_fen(rng, 20000, 0.9, 1000, 300000, 100), 'online', YIWU, rng.choice(['运费', '报关费', '海运费']))
            for _ in range(rng.randint(1, 3)):
                self.t(self.at(rng.randint(0, 29), 'business'), a, tr['owner'].id,
                       lognorm_fen(rng, 30000, 0.9, 3000, 500000, 10000), 'online', YIWU, rng.choice(['', '工资', '分红']))
            self.hub_spend(tr['owner'].id, rng.randint(3, 8), YIWU, 300)

        # ---------------- live-streaming sellers, hosts, assistants
        for ss in self.P['stream_seller']:
            a, sz = ss['acc'].id, ss['size']
            for _ in range(int(rng.randint(6, 22) * A)):
                d = self.pick_day('ecom')
                self.t(d * DAY + rng.randint(1 * HOUR, 6 * HOUR), ss['platform'].id, a,
                       lognorm_fen(rng, 20000 * sz, 0.8, 500, 2000000, 1), 'other', '',
                       rng.choice(['平台结算', '货款结算', '提现', '结算款']))
            for h in ss['hosts']:
                for _ in range(rng.randint(1, 6)):
                    d = self.pick_day('ecom')
                    self.t(self.at(d, 'evening'), a, h['acc'].id, lognorm_fen(rng, 2500 * sz, 1.0, 100, 100000, 100),
                           'mobile', YIWU, rng.choice(['佣金', '坑位费', '提成', '主播工资', '']))
            for s_ in ss['assts']:
                self.t(self.at(rng.randint(5, 15), 'business'), a, s_['acc'].id, s_['wage'], 'mobile', YIWU,
                       rng.choice(['工资', '']))
            for _ in range(int(rng.randint(3, 12) * min(2.0, sz) * A)):
                sup = rng.choice(ss['suppliers'])
                self.t(self.at(self.pick_day('ecom'), 'business'), a, sup['acc'].id,
                       lognorm_fen(rng, 8000, 1.0, 200, 300000, 100), 'mobile', YIWU, rng.choice(['货款', '拿货', '']))
            for _ in range(rng.randint(2, 8)):
                self.t(self.at(self.pick_day('courier'), 'business'), a, ss['outlet']['acc'].id,
                       lognorm_fen(rng, 4000 * sz, 0.8, 200, 150000, 100), 'mobile', YIWU, rng.choice(['快递费', '运费']))
            for _ in range(rng.randint(1, 5)):
                self.t(self.at(self.pick_day('ecom'), 'business'), a, rng.choice(I['adplat']).id,
                       lognorm_fen(rng, 8000 * sz, 1.0, 500, 500000, 100), 'online', YIWU, rng.choice(['推广费', '充值', '投流']))
            for _ in range(rng.randint(1, 3)):
                self.t(self.at(rng.randint(0, 29), 'evening'), a, ss['owner'].id,
                       lognorm_fen(rng, 20000, 0.9, 1000, 400000, 100), 'mobile', YIWU, '')
            self.hub_spend(ss['owner'].id, rng.randint(3, 9), YIWU, 300)
        for h in self.P['host']:
            a = h['acc']
            lo = max(0, a.opened // DAY + 2) if h['new'] else 0
            self.hub_spend(a.id, int(rng.randint(4, 10) * A), YIWU, 200, lo)
            if rng.random() < 0.5:
                self.t(self.at(self.pick_day('personal', max(lo, 5)) or 29, 'evening'), a.id,
                       rng.choice(people), lognorm_fen(rng, 1500, 0.8, 100, 20000, 100), 'mobile', YIWU, '')
            if rng.random() < 0.25:
                self.t(self.at(self.pick_day('personal', max(lo, 8)) or 29, 'personal'), a.id,
                       rng.choice(I['shops']).id, lognorm_fen(rng, 5000, 0.7, 500, 30000, 100), 'pos', YIWU, '')
            if spring:
                self.red_envelopes(a.id, YIWU, people, rng.randint(1, 4))
        for s_ in self.P['shop_assistant']:
            a = s_['acc']
            lo = max(0, a.opened // DAY + 1)
            self.hub_spend(a.id, int(rng.randint(3, 8) * A), YIWU, 120, lo)
            self.atm(a.id, rng.choice([0, 0, 1]), YIWU, lo)
            if s_.get('landlord'):
                ll = s_['landlord']
                d = max(lo, self.day_of_dom(ll['dom']) + rng.randint(0, 2))
                if d < NDAYS:
                    self.t(self.at(d, 'evening'), a.id, ll['acc'].id, s_['rent'], 'mobile', YIWU, rng.choice(['房租', '']))

        # ---------------- couriers: outlets pay staff; collectors hand over freight daily
        cw = self.season_w('courier')
        for out in self.P['courier_outlet']:
            o = out['acc'].id
            for dom in (10, 25):
                pd = self.day_of_dom(dom)
                if spring and pd > 11:
                    pd = rng.randint(9, 11)
                for c in out['staff']:
                    if c['acc'].opened + DAY < pd * DAY:
                        self.t(pd * DAY + 10 * HOUR + rng.randint(0, 1800), o, c['acc'].id,
                               lognorm_fen(rng, 3500 * (1.5 if spring else 1), 0.35, 800, 15000, 1), 'other',
                               out['acc'].region, rng.choice(['工资', '派费', '提成']))
            for _ in range(rng.randint(2, 5)):
                self.t(self.at(self.pick_day('courier'), 'business'), o, out['hq'].id,
                       lognorm_fen(rng, 60000, 0.7, 5000, 800000, 100), 'online', out['acc'].region, rng.choice(['面单费', '中转费', '结算']))
            for c in out['staff']:
                a = c['acc']
                lo = max(0, a.opened // DAY + 1)
                if c['collector']:
                    for d in range(lo, NDAYS):
                        if rng.random() > 0.75 * cw[d]:
                            continue
                        tot = 0
                        for _ in range(rng.randint(1, 7)):
                            payer = rng.choice(people) if rng.random() < 0.6 else rng.choice(self.ext_locals)
                            f = rng.choice([800, 1000, 1200, 1500, 1800, 2000, 2500, 3000, 4500, 6000])
                            if self.t(d * DAY + rng.randint(8 * HOUR, 18 * HOUR), payer, a.id, f, 'mobile', a.region,
                                      rng.choice(['运费', '快递费', '', '寄件'])) is not None:
                                tot += f
                        if tot > 0:
                            self.t(d * DAY + rng.randint(19 * HOUR, 22 * HOUR), a.id, o, tot, 'mobile', a.region,
                                   rng.choice(['交款', '运费', '今天的', '']))
                self.hub_spend(a.id, int(rng.randint(3, 8) * A), a.region, 120, lo)
                self.atm(a.id, rng.choice([0, 1, 1]), a.region, lo)
                if c['fam'] and rng.random() < 0.7:
                    d = self.pick_day('personal', max(lo, 10))
                    if d is not None:
                        self.t(self.at(d, 'evening'), a.id, c['fam'].id,
                               rng.choice([1000, 1500, 2000, 3000, 5000]) * 100 * (2 if spring else 1), 'mobile', a.region,
                               rng.choice(['', '家用', '生活费']))
                if c.get('landlord'):
                    ll = c['landlord']
                    d = max(lo, self.day_of_dom(ll['dom']) + rng.randint(0, 2))
                    if d < NDAYS:
                        self.t(self.at(d, 'evening'), a.id, ll['acc'].id, c['rent'], 'mobile', a.region, rng.choice(['房租', '']))

    def worker_life(self, w, pay_t, wage, spring):
        rng, I = self.rng, self.I
        a, loc = w['acc'].id, w['fac']['region']
        lo = max(0, w['acc'].opened // DAY + 1) if w['new'] else 0
        pday = pay_t // DAY if pay_t is not None else None
        if pday is not None and w['new']:
            lo = max(lo, pday)
        if w['fam'] and pday is not None and rng.random() < 0.8:
            frac = rng.uniform(0.3, 0.65) * (1.25 if spring else 1.0)
            parts = split_amount(rng, int(wage * frac) // 10000 * 10000, 1 if rng.random() < 0.7 else 2, 10000)
            for part in parts:
                d = min(NDAYS - 1, pday + rng.randint(0, 6 if spring else 4))
                self.t(self.at(d, 'evening'), a, w['fam'].id, part, 'mobile', loc,
                       rng.choice(['', '', '家用', '生活费', '给爸妈', '寄回家'] + (['过年', '年货'] if spring else [])))
        if w['landlord'] and not (spring and rng.random() < 0.35):
            ll = w['landlord']
            d = max(lo, self.day_of_dom(ll['dom']) + rng.randint(-1, 3))
            if d < NDAYS:
                self.t(self.at(d, 'evening'), a, ll['acc'].id, w['rent'], 'mobile', loc,
                       rng.choice(['房租', '房租', '', '%d月房租' % self.dates[d].month, '房租水电']))
        elif w['landlord'] and spring:   # leaving for good: the landlord returns the deposit
            self.t(self.at(rng.randint(7, 13), 'evening'), w['landlord']['acc'].id, a, w['rent'], 'mobile', loc,
                   rng.choice(['退押金', '押金']))
        self.hub_spend(a, int(rng.randint(3, 9) * self.ACT), loc, 110, lo)
        self.hub_income(a, rng.choice([0, 0, 1, 1, 2]), loc, 250, lo)
        self.atm(a, rng.choice([0, 1, 1, 2]), loc, lo)
        if spring:   # cash for the journey home and the red envelopes
            self.atm(a, rng.choice([1, 2, 2, 3]), loc, max(lo, 7), 15, big=rng.random() < 0.4)
        cws = w['fac']['workers']
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            c = rng.choice(cws)
            if c is w:
                continue
            d = self.pick_day('personal', lo)
            if d is not None:
                self.t(self.at(d, 'evening'), a, c['acc'].id, lognorm_fen(rng, 300, 0.7, 20, 3000, 100), 'mobile',
                       loc, rng.choice(['', '', '还你', '饭钱', '借你的', 'AA']))
        if w['spouse'] and rng.random() < 0.6:
            d = self.pick_day('personal', lo)
            if d is not None:
                self.t(self.at(d, 'evening'), a, w['spouse']['acc'].id, lognorm_fen(rng, 2000, 0.8, 100, 20000, 100),
                       'mobile', loc, rng.choice(['', '', '老婆', '家用']))
        for x in w['extra'] + ([w['homecard']] if w['homecard'] else []):
            if rng.random() < 0.45:
                d = self.pick_day('personal', lo)
                if d is not None:
                    self.t(self.at(d, 'personal'), a, x.id, lognorm_fen(rng, 1500, 0.8, 100, 30000, 100), 'mobile',
                           loc, rng.choice(['', '', '存钱', '转账']))
        if rng.random() < 0.08:
            d = self.pick_day('personal', lo)
            if d is not None:
                self.t(self.at(d, 'personal'), a, rng.choice(I['shops']).id,
                       lognorm_fen(rng, 3000, 0.4, 1000, 9000, 100), 'pos', loc, rng.choice(['', '手机']))
        if spring and rng.random() < 0.5:
            tg = [x['acc'].id for x in cws if x is not w] + ([w['fam'].id] if w['fam'] else [])
            if tg:
                self.red_envelopes(a, loc, tg, rng.randint(1, 4))

    def lawful_flows2(self):
        rng, I, cfg = self.rng, self.I, self.cfg
        spring = cfg['season'] == 'spring'
        school = cfg['season'] == 'school'
        A, people = self.ACT, self.people_ids
        # ---------------- landlords' own flows (their tenants pay in their own lives)
        for ll in self.P['landlord']:
            a = ll['acc'].id
            rd = self.day_of_dom(ll['dom'])
            for _ in range(rng.randint(0, 8)):   # tenants banking elsewhere
                payer = rng.choice(self.ext_locals)
                d = min(NDAYS - 1, rd + rng.randint(-1, 4))
                self.t(self.at(d, 'evening'), payer, a, lognorm_fen(rng, 1000, 0.35, 400, 4000, 10000), 'mobile',
                       ll['acc'].region, rng.choice(['房租', '', '房租水电']))
            for _ in range(rng.randint(1, 3)):
                self.t(self.at(rng.randint(0, 29), 'business'), a, rng.choice([I['power'].id, I['water'].id]),
                       lognorm_fen(rng, 800, 0.8, 50, 10000, 1), 'mobile', ll['acc'].region, rng.choice(['电费', '水费']))
            for x in ll['extra']:
                if rng.random() < 0.6:
                    self.t(self.at(rng.randint(0, 29), 'business'), a, x.id,
                           lognorm_fen(rng, 30000, 0.8, 3000, 500000, 10000), 'mobile', ll['acc'].region,
                           rng.choice(['', '理财', '定期']))
            if rng.random() < 0.5:
                self.t(self.at(self.pick_day('personal'), 'evening'), a, rng.choice(people),
                       lognorm_fen(rng, 3000, 0.8, 200, 50000, 10000), 'mobile', ll['acc'].region,
                       rng.choice(['', '生活费', '给你的']))
            self.hub_spend(a, rng.randint(2, 7), ll['acc'].region, 200)
            self.atm(a, rng.choice([0, 1]), ll['acc'].region, big=True)
            if spring:
                self.red_envelopes(a, ll['acc'].region, people, rng.randint(2, 8))
        # ---------------- employees
        for e in self.P['employee']:
            a = e['acc']
            r = a.region
            pd = self.day_of_dom(e['payday'])
            lo = max(0, a.opened // DAY + 1) if e['new'] else 0
            if pd * DAY > a.opened + HOUR:
                self.t(pd * DAY + 9 * HOUR + rng.randint(0, 3 * HOUR), e['emp'].id, a.id, e['wage'], 'other', r,
                       rng.choice(['工资', '代发工资', '工资', '薪资']))
            if spring and rng.random() < 0.6:
                self.t(rng.randint(6, 13) * DAY + 10 * HOUR + rng.randint(0, 5 * HOUR), e['emp'].id, a.id,
                       lognorm_fen(rng, 15000, 0.8, 1000, 200000, 100), 'other', r, rng.choice(['年终奖', '奖金', '绩效']))
            self.hub_spend(a.id, int(rng.randint(4, 11) * A), r, 180, lo)
            self.hub_income(a.id, rng.choice([0, 1]), r, 300, lo)
            for _ in range(rng.choice([0, 1, 1, 2])):
                d = self.pick_day('personal', lo)
                if d is not None:
                    self.t(self.at(d, 'evening'), a.id, rng.choice(people) if rng.random() < 0.6 else rng.choice(self.ext_locals),
                           lognorm_fen(rng, 1500, 1.0, 50, 50000, 100), 'mobile', r, rng.choice(['', '', '还款', '生活费', '份子钱']))
            for x in e['extra']:
                if rng.random() < 0.5:
                    d = self.pick_day('personal', lo)
                    if d is not None:
                        self.t(self.at(d, 'personal'), a.id, x.id, lognorm_fen(rng, 5000, 0.9, 200, 100000, 100),
                               'mobile', r, rng.choice(['', '理财', '还信用卡', '存款']))
            for _ in range(rng.choice([0, 0, 1, 2])):
                d = self.pick_day('personal', lo)
                if d is not None:
                    self.t(self.at(d, 'personal'), a.id, rng.choice(I['shops']).id,
                           lognorm_fen(rng, 800, 0.9, 30, 20000, 1), 'pos', r, '')
            self.atm(a.id, rng.choice([0, 0, 1]) + (1 if spring else 0), r, lo)
            if spring:
                self.red_envelopes(a.id, r, people, rng.randint(1, 6))
        # ---------------- students
        for s in self.P['student']:
            a = s['acc']
            r = a.region
            lo = max(0, a.opened // DAY) if s['new'] else 0
            if school:
                lo = max(lo, rng.randint(10, 17)) if s['new'] else lo
            if s['parent']:
                for k in range(rng.choice([1, 1, 2, 3])):
                    d = self.pick_day('student', lo) if k else max(lo, rng.randint(0, 10) if not school else lo)
                    if d is None:
                        break
                    self.t(self.at(d, 'evening'), s['parent'].id, a.id,
                           rng.choice([500, 800, 1000, 1000, 1500, 2000, 3000]) * 100 * (2 if spring else 1),
                           'mobile', s['parent'].region, rng.choice(['生活费', '', '', '零花钱']))
            if school and (s['new'] or rng.random() < 0.3):
                d = max(lo, rng.randint(12, 20))
                tuition = rng.choice([4800, 5500, 6000, 6500, 7500]) * 100
                if s['parent'] and rng.random() < 0.6:
                    t1 = self.t(self.at(d, 'personal'), s['parent'].id, a.id, tuition, 'mobile', s['parent'].region, '学费')
                    if t1:
                        self.t(t1 + rng.randint(HOUR, 2 * DAY), a.id, s['col'].id, tuition, 'mobile', r, '学费')
                else:
                    self.t(self.at(d, 'personal'), s['parent'].id if s['parent'] else a.id, s['col'].id, tuition,
                           'online', r, '学费')
            for _ in range(int(rng.randint(2, 7) * A)):
                d = self.pick_day('student', lo)
                if d is not None:
                    self.t(self.at(d, 'personal'), a.id, s['col'].id, rng.choice([50, 100, 100, 150, 200, 300]) * 100,
                           'mobile', r, rng.choice(['饭卡充值', '校园卡充值', '']))
            self.hub_spend(a.id, int(rng.randint(3, 8) * A), r, 60, lo, kind='student')
            for _ in range(rng.randint(0, 4)):
                if s['classmates']:
                    d = self.pick_day('student', lo)
                    if d is not None:
                        self.t(self.at(d, 'evening'), a.id, rng.choice(s['classmates'])['acc'].id,
                               lognorm_fen(rng, 45, 0.8, 5, 500, 1), 'mobile', r, rng.choice(['', 'AA', '奶茶', '聚餐', '车费']))
            if rng.random() < 0.25:
                src = rng.choice(self.P['stream_seller'])['acc'].id if rng.random() < 0.6 else rng.choice(self.P['courier_outlet'])['acc'].id
                d = self.pick_day('student', lo)
                if d is not None:
                    self.t(self.at(d, 'evening'), src, a.id, lognorm_fen(rng, 500, 0.7, 50, 3000, 100), 'mobile', YIWU,
                           rng.choice(['兼职工资', '打包费', '兼职']))
        # ---------------- retirees
        pd = self.day_of_dom(rng.choice([8, 10, 12]))
        for k, p in enumerate(self.P['retiree']):
            a = p['acc'].id
            r = p['acc'].region
            self.t(pd * DAY + 8 * HOUR + k * 3, self.I['pension'].id, a, p['pension'], 'other', r, rng.choice(['养老金', '退休金']))
            self.atm(a, rng.choice([0, 1, 1, 2]), r, pd)
            if rng.random() < 0.4:
                self.t(self.at(rng.randint(pd, 29), 'counter'), a, None,
                       rng.choice([1000, 2000, 3000, 5000]) * 100, 'counter', r)
            self.hub_spend(a, rng.choice([0, 1, 2, 3]), r, 150)
            if rng.random() < 0.35:
                self.t(self.at(rng.randint(0, 29), 'counter'), a, rng.choice(people),
                       lognorm_fen(rng, 2000, 0.9, 200, 50000, 10000), rng.choice(['counter', 'mobile']), r,
                       rng.choice(['', '给孙子', '生活费']))
            if spring:
                self.red_envelopes(a, r, people, rng.randint(1, 5))
        # ---------------- dormant cards: a few small movements, most nothing
        for p in self.P['dormant']:
            if rng.random() < 0.2:
                self.t(self.at(rng.randint(0, 29)), p['acc'].id, self.I['alipay'].id,
                       lognorm_fen(rng, 50, 1.0, 1, 2000, 1), 'mobile', p['acc'].region, '')
        # ---------------- families pooling money for a flat or a car; large first payments
        for _ in range(int(70 * self.S)):
            base = rng.choice(self.P['employee'] + self.P['stall_owner'] + self.P['landlord'])
            main = base['acc']
            d0 = rng.randint(0, 22)
            recv = main
            op = self.at(d0, 'counter')
            if rng.random() < 0.35:   # a new card opened for the purchase (or for the mortgage)
                recv = self.account(main.holder, self.local_bank(True), op, main.region, 'I',
                                    'lawful', 'family_pool_new')
            members = rng.sample(people, rng.randint(1, 3)) + [rng.choice(self.ext_locals) for _ in range(rng.randint(0, 2))]
            members += [self.ext_person_acc(rng.choice(NATION), 'family_far').id for _ in range(rng.randint(0, 2))]
            tot = 0
            for m in members:
                f = rng.choice([2, 3, 5, 5, 8, 10, 20, 30]) * 1000000
                if self.t(max(op + rng.randint(600, 5 * HOUR), self.at(d0 + rng.randint(0, 4), 'personal')), m, recv.id, f,
                          rng.choice(['mobile', 'counter']), None,
                          rng.choice(['首付', '买房', '支持', '', '借你的', '买车'])):
                    tot += f
            if recv is not main:
                f = lognorm_fen(rng, 100000, 0.6, 10000, 800000, 1000000)
                if self.t(op + rng.randint(600, 3 * DAY), main.id, recv.id, f, 'mobile', main.region, ''):
                    tot += f
            if tot > 0:
                car = rng.random() < 0.3
                dst = rng.choice(self.I['car_dealers'] if car else self.I['developers']).id
                pay = int(tot * rng.uniform(0.85, 1.0)) // 100000 * 100000
                self.t(self.at(min(NDAYS - 1, d0 + rng.randint(4, 8)), 'counter'), recv.id, dst, pay,
                       rng.choice(['counter', 'online']), main.region, '购车款' if car else rng.choice(['购房定金', '首付款', '房款']))
        for _ in range(int(45 * self.S)):
            base = rng.choice(self.P['employee'] + self.P['stall_owner'] + self.P['factory_worker'])
            main = base['acc']
            d0 = rng.randint(0, 25)
            fen = lognorm_fen(rng, 130000, 0.5, 40000, 600000, 100000)
            src = main
            op = self.at(d0, 'counter')
            if rng.random() < 0.5:
                src = self.account(main.holder, self.other_sup_bank(main.bank), op, main.region,
                                   'I', 'lawful', 'big_buyer_new')
                if not self.t(op + rng.randint(600, 2 * HOUR), main.id, src.id, fen, 'mobile', main.region, ''):
                    continue
            self.t(op + rng.randint(3 * HOUR, 3 * DAY), src.id,
                   rng.choice(self.I['car_dealers'] + self.I['developers']).id, fen,
                   rng.choice(['pos', 'online', 'counter']), main.region, rng.choice(['购车款', '定金', '首付']))

    # ================================================================================================
    # Fraud: exits, card farmers, gangs of mules, 跑分 runners, victims, money movement
    # ================================================================================================
    def make_exit(self, kind):
        rng = self.rng
        if kind == 'pay':
            a = self.corp_acc(rng.choice(['440304', '350502', '460106', '530102', '310101']),
                              rng.choice(['XFPAY', 'HCPAY', 'JHPAY', 'YBPAY']), 'payment_firm_exit')
        else:
            local = rng.random() < 0.25
            r = YIWU if local else rng.choice(['440106', '350582', '445102', '530102', '460106'])
            a = self.account(self.person(r, 1980, 2000), self.local_bank(True) if local else rng.choice(self.nation_ext),
                             self.old_open(60, 3000), r, 'I', 'fraud_exit', 'otc_dealer')
        a.role = 'fraud_exit'
        return a

    def build_farmers(self):
        rng = self.rng
        self.farmers, self.farm_pool = [], []
        for _ in range(self.cfg['farmers']):
            home = rng.choice(FARMER_HOMES)
            h = self.person(home, 1982, 2003)
            own = self.account(h, self.ext_bank(), self.old_open(300, 4000), home, 'I', 'farmer_card', 'farmer_own')
            own.farmer = h
            d0 = rng.randint(-25, 14)
            cities = rng.sample(FARMER_CITIES, rng.randint(2, 4))
            n = rng.randint(8, 16)
            cards = []
            for i in range(n):
                day = d0 + (i * 4) // n + rng.choice([0, 0, 1])
                city = cities[(i * len(cities)) // n]
                bank = rng.choice(self.supply) if rng.random() < 0.8 else rng.choice(self.nation_ext)
                c = self.account(h, bank, day * DAY + self.tod('counter'), city, rng.choice(['I', 'I', 'II']),
                                 'farmer_card', 'farmer_card_idle')
                c.farmer = h
                cards.append(c)
            self.farmers.append(dict(holder=h, own=own, cards=cards, d0=d0))
            self.farm_pool.extend(cards)
            broker = self.ext_person_acc(rng.choice(CASHOUT_REGIONS), 'card_broker', 'mule')
            self.t((d0 + rng.randint(4, 9)) * DAY + self.tod('night'), broker.id, own.id,
                   rng.choice([5000, 5500, 6000]) * 100 * rng.choice([1, 1, 2]), 'mobile', broker.region,
                   rng.choice(['', '货款', '工资']), 'layering')
        rng.shuffle(self.farm_pool)

    def existing_for_rent(self, sup, pools):
        rng = self.rng
        for _ in range(60):
            p = rng.choice(self.P[rng.choice(pools)])
            a = p['acc']
            if a.role == 'lawful' and a.opened < -30 * DAY and ((a.bank in self.extract) == sup):
                return a
        return None

    def make_mule(self, src, tier, sup, gang):
        """One account of a gang's network, of source kind src; sets its active window."""
        rng, cfg = self.rng, self.cfg
        slow = cfg['season'] == 'school'
        length = rng.randint(6, 18) if slow else rng.randint(2, 9)
        if tier != 1:
            length += rng.randint(2, 8)
        a = None
        if tier in (2, 3) and slow and rng.random() < 0.3:   # shell company accounts in the middle of the chain
            r = rng.choice([YIWU, '330702', '440304', '350502'])
            a = self.account(self.corp(r, '92'), self.local_bank(True) if sup else rng.choice(self.nation_ext),
                             -rng.randint(60, 500) * DAY, r, 'corp', 'mule', 'shell_corp')
            s0 = rng.randint(0, 20) * DAY
            src = 'shell_corp'
        if src == 'farmer':
            for i, c in enumerate(self.farm_pool):
                if c.opened < (NDAYS - 6) * DAY and (c.bank in self.extract or not sup):
                    a = self.farm_pool.pop(i)
                    a.arch = 'farmer_card_used'
                    s0 = max(0, a.opened + rng.randint(3, 12) * DAY)
                    break
            if a is None:
                src = 'fresh_mule'
        if src in ('rented_old', 'sold_old'):
            pools = (['factory_worker', 'courier', 'shop_assistant', 'student', 'host'] if src == 'rented_old'
                     else ['dormant', 'dormant', 'factory_worker', 'courier'])
            a = self.existing_for_rent(sup, pools)
            if a is None:
                r = rng.choice(NATION)
                a = self.account(self.person(r, 1975, 2004), rng.choice(self.nation_ext) if not sup else self.local_bank(True),
                                 self.old_open(400, 4000), r, 'I', 'mule', src)
            d = rng.randint(1, 22)
            s0 = d * DAY + self.tod('personal')
            if src == 'rented_old':
                a.block = (s0 - rng.randint(0, DAY), s0 + (length + rng.randint(0, 3)) * DAY)
            else:
                a.block = (s0 - rng.randint(HOUR, 4 * DAY), WINDOW + DAY)
            a.arch = src
        if src == 'aged_mule':
            r = YIWU if sup else rng.choice(NATION)
            a = self.account(self.person(rng.choice(HOME[rng.choice(list(HOME))]) if rng.random() < 0.7 else r, 1978, 2005),
                             self.local_bank(True) if sup else rng.choice(self.nation_ext),
                             -rng.randint(20, 200) * DAY + self.tod('counter'), r, rng.choice(['I', 'I', 'II']),
                             'mule', 'aged_mule')
            s0 = rng.randint(0, 23) * DAY + self.tod('personal')
            for _ in range(rng.randint(0, 3)):   # 养卡: a few small, normal-looking movements first
                tt = rng.randint(0, max(1, s0 - HOUR))
                if rng.random() < 0.5:
                    self.t(tt, self.I['tenpay'].id, a.id, lognorm_fen(rng, 80, 0.8, 5, 500, 1), 'other', r, '零钱提现')
                else:
                    self.t(tt, a.id, self.I['alipay'].id, lognorm_fen(rng, 30, 0.8, 1, 200, 1), 'mobile', r, '')
        if src == 'fresh_mule':
            r = YIWU if sup else rng.choice(NATION)
            od = rng.randint(0, 23)
            if sup and rng.random() < 0.35:   # an existing worker or student opens a new card to sell it
                p = rng.choice(self.P[rng.choice(['factory_worker', 'student', 'courier', 'shop_assistant'])])
                h, r = p['holder'], p['acc'].region
            else:
                h = self.person(rng.choice(HOME[rng.choice(list(HOME))]) if rng.random() < 0.75 else r, 1980, 2006)
            cls = rng.choice(['I', 'I', 'II'])
            op = od * DAY + self.tod('counter' if cls == 'I' else 'personal')
            a = self.account(h, self.local_bank(True) if sup else rng.choice(self.nation_ext), op, r, cls, 'mule',
                             'fresh_mule')
            s0 = op + rng.randint(2 * HOUR, 3 * DAY)
        if a.role != 'farmer_card':
            a.role = 'mule'
        if tier in (2, 3) and not a.arch.endswith('_l2') and a.arch not in ('shell_corp',):
            a.arch += '_l2'
        if tier == 'c':
            a.arch += '_cashout'
        a.tier, a.gang = tier, gang
        a.win = (max(s0, a.opened + HOUR), min(WINDOW, max(s0, a.opened + HOUR) + length * DAY))
        return a

    def build_gangs(self):
        rng, cfg = self.rng, self.cfg
        self.exits_pay = [self.make_exit('pay') for _ in range(6)]
        self.exits_otc = [self.make_exit('otc') for _ in range(6)]
        self.gangs = []
        psup = {1: 0.72, 2: 0.45, 3: 0.35, 'c': 0.5}
        for g in range(cfg['gangs']):
            G = dict(id=g, tiers={1: [], 2: [], 3: [], 'c': []},
                     op=rng.choice(CASHOUT_REGIONS + ['350582', '445102', '']),
                     cash=rng.choice(CASHOUT_REGIONS),
                     exits=rng.sample(self.exits_pay, rng.randint(1, 3)) + rng.sample(self.exits_otc, rng.randint(0, 2)))
            n = {1: rng.randint(8, 15), 2: rng.randint(4, 8),
                 3: rng.randint(3, 6) if rng.random() < cfg['tier3'] else 0, 'c': rng.randint(2, 5)}
            for tier in (1, 2, 3, 'c'):
                for _ in range(n[tier]):
                    src = wchoice(rng, cfg['mule_mix'])
                    G['tiers'][tier].append(self.make_mule(src, tier, rng.random() < psup[tier], g))
            G['test'] = self.ext_person_acc(G['cash'], 'gang_ops', 'mule')
            self.gangs.append(G)
        # 跑分: runners lend their own accounts (or open a new one) to a platform's 车队
        self.platforms = []
        for _ in range(rng.randint(3, 5)):
            sup = rng.random() < 0.3
            r = YIWU if sup else rng.choice(CASHOUT_REGIONS)
            a = self.account(self.person(r, 1980, 2000), self.local_bank(True) if sup else rng.choice(self.nation_ext),
                             self.old_open(40, 900), r, 'I', 'paofen', 'paofen_platform')
            a.tier, a.win = 'p', (0, WINDOW)
            self.platforms.append(a)
        self.runners = []
        for _ in range(cfg['runners']):
            pool = wchoice(rng, {'student': 5, 'factory_worker': 3, 'courier': 1, 'shop_assistant': 1, 'host': 1})
            p = rng.choice(self.P[pool])
            if rng.random() < 0.25 or p['acc'].role != 'lawful':
                a = self.account(p['holder'], self.local_bank(True), self.at(rng.randint(0, 22), 'personal'),
                                 p['acc'].region, rng.choice(['I', 'II']), 'paofen', 'paofen_runner_new')
            else:
                a = p['acc']
                a.arch = 'paofen_runner'
            a.role = 'paofen'
            s0 = max(a.opened + HOUR, rng.randint(0, 22) * DAY + self.tod('evening'))
            a.tier, a.win = 'r', (s0, min(WINDOW, s0 + rng.randint(3, 15) * DAY))
            a.gang = 'paofen'
            self.runners.append(a)
        self.gamblers = [self.ext_person_acc(rng.choice(NATION), 'gambler', y0=1970, y1=2003)
                         for _ in range(int(250 * self.S))]

    def active_target(self, cands, ts, prev=None, avoid=()):
        rng = self.rng
        act = [c for c in cands if c.win[0] <= ts < c.win[1] and c.opened < ts - 600 and c.id not in avoid]
        if prev is not None and len(act) > 1 and rng.random() < 0.6:
            act = [c for c in act if c is not prev] or act
        if act:
            return rng.choice(act)
        ok = [c for c in cands if c.opened < ts - HOUR and c.id not in avoid]
        if not ok:
            return None
        c = min(ok, key=lambda c: min(abs(c.win[0] - ts), abs(c.win[1] - ts)))
        c.win = (min(c.win[0], ts), max(c.win[1], ts + DAY))
        return c

    def gen_victims(self):
        rng, cfg = self.rng, self.cfg
        self.arrivals = defaultdict(list)
        pf_typ = ('brushing', 'shopping_service', 'game_trade', 'investment', 'loan_card', 'fake_job')
        for _ in range(cfg['victims']):
            typ = wchoice(rng, cfg['typ'])
            med, sig, lo, hi, cues = TYPO[typ]
            acc, cap = None, hi * 100 * 2
            if rng.random() < 0.17:   # a victim from the Yiwu / Jinhua population itself
                la = rng.choice(TYPO_LOCAL[typ])
                cap = VICTIM_CAP[la] * 100
                pool = self.P[la]
                for _k in range(20):
                    c = rng.choice(pool)['acc']
                    if c.role == 'lawful' and c.bank in self.extract and c.opened < 0 and '+victim' not in c.arch:
                        acc = c
                        acc.arch += '+victim'
                        break
            if acc is None:
                y0, y1 = ((1940, 1966) if typ in ('police_gov', 'accident_kidnap', 'prize') else
                          (1997, 2006) if typ in ('game_trade', 'credit_record', 'fake_job') else (1960, 2003))
                acc = self.ext_person_acc(rng.choice(NATION), 'victim', y0=y0, y1=y1)
            k = rng.randint(*cfg['pays']) if rng.random() < cfg['multi_pay'] else 1
            if k == 1 and typ in ('police_gov', 'investment', 'romance') and rng.random() < 0.3:
                k = 2
            paofen = typ in pf_typ and rng.random() < min(0.9, cfg['paofen_share'] * 2.0)
            gang = rng.choice(self.gangs)
            gid = 'paofen' if paofen else gang['id']
            cands = self.runners if paofen else gang['tiers'][1]
            ts = self.at(rng.randint(0, 27), 'business' if typ == 'police_gov' else 'personal')
            amt = lognorm_fen(rng, med, sig, lo, hi, rng.choice([100, 100, 10000, 1]))
            amt = min(amt, max(cap // max(2, k), lo * 100))
            V = dict(acc=acc, typ=typ, u=rng.random(), pays=[], gang=gid)
            prev, paid = None, 0
            for j in range(k):
                if j:
                    ts += rng.randint(*cfg['pay_gap'])
                    amt = min(int(amt * rng.uniform(0.8, 1.8)) // 100 * 100, hi * 100)
                if paid + amt > cap:
                    break
                tgt = self.active_target(cands, ts, prev)
                if tgt is None:
                    continue
                ch = ('counter' if typ == 'police_gov' and rng.random() < 0.3 else
                      'atm' if rng.random() < 0.05 else rng.choice(['mobile', 'mobile', 'online']))
                memo = rng.choice(cues) if rng.random() < 0.25 else rng.choice(['', '', '', '转账'])
                got = self.t(ts, acc.id, tgt.id, amt, ch, acc.region, memo, 'victim_payment')
                if got is None:
                    continue
                V['pays'].append(self.tx[-1][9])
                paid += amt
                self.arrivals[gid].append((got, tgt.id, amt))
                prev = tgt
            self.victims.append(V)
        # 跑分 runners: a deposit to the platform, gamblers' deposits, the deposit back at the end
        self.runner_plat = {}
        for r in self.runners:
            pl = rng.choice(self.platforms)
            self.runner_plat[r.id] = pl
            dep = rng.choice([1000, 2000, 3000, 5000]) * 100
            s0, s1 = r.win
            if self.t(max(r.opened + 60, s0 - rng.randint(HOUR, DAY)), r.id, pl.id, dep, 'mobile', r.region,
                      rng.choice(['保证金', '押金', '']), 'paofen'):
                self.t(s1 + rng.randint(HOUR, DAY), pl.id, r.id, dep, 'mobile', pl.region, rng.choice(['退押金', '']),
                       'paofen')
            for d in range(s0 // DAY, min(NDAYS, s1 // DAY + 1)):
                for _ in range(rng.randint(2, 12)):
                    ts = d * DAY + self.tod('night')
                    if not (s0 <= ts < s1):
                        continue
                    g = rng.choice(self.gamblers)
                    f = lognorm_fen(rng, 600, 0.9, 50, 20000, rng.choice([1, 100, 100]))
                    if self.t(ts, g.id, r.id, f, 'mobile', g.region, rng.choice(['', '', '充值', '货款']), 'paofen'):
                        self.arrivals['paofen'].append((ts, r.id, f))

    def delay(self, tier):
        rng = self.rng
        lo, hi = self.cfg['hop']
        if tier == 'r':
            lo, hi = 90, 40 * MIN
        elif tier == 'p':
            lo, hi = HOUR, 8 * HOUR
        elif tier == 'c':
            lo, hi = lo // 2 + 30, hi // 2 + 60
        return int(math.exp(rng.uniform(math.log(lo), math.log(hi))))

    def next_hops(self, a, ts, amt, G):
        rng = self.rng
        if a.tier == 'r':
            return [(self.runner_plat[a.id], amt, 'paofen')]
        if a.tier == 'p':
            exits = rng.sample(self.exits_pay + self.exits_otc, rng.randint(1, 2))
            return list(zip(exits, split_amount(rng, amt, len(exits)), ['exit'] * len(exits)))
        T = G['tiers']
        r = rng.random()
        if a.tier == 1:
            dest = 'c' if r < 0.08 else ('x' if r < 0.16 else 2)
        elif a.tier == 2:
            dest = 3 if (T[3] and r < 0.6) else ('c' if r < 0.8 else 'x')
        else:
            dest = 'c' if r < 0.45 else 'x'
        if dest == 'x' or not T.get(dest):
            exits = rng.sample(G['exits'], min(len(G['exits']), rng.randint(1, 2)))
            return list(zip(exits, split_amount(rng, amt, len(exits)), ['exit'] * len(exits)))
        k = 1 if amt < 500000 else rng.randint(1, 3)
        out, avoid = [], {a.id}
        for part in split_amount(rng, amt, k, rng.choice([100, 10000])):
            tgt = self.active_target(T[dest], ts, None, avoid)
            if tgt is None:
                exits = G['exits']
                out.append((rng.choice(exits), part, 'exit'))
                continue
            avoid.add(tgt.id)
            out.append((tgt, part, 'layering'))
        return out

    def cash_out(self, a, ts, amt, G):
        rng = self.rng
        region = G['cash'] if rng.random() < 0.85 else rng.choice(CASHOUT_REGIONS + [a.region])
        chunk = rng.choice([200000, 250000, 300000, 500000])
        cap = rng.choice([2000000, 5000000])
        tt, day_tot, done = ts, 0, 0
        while amt - done >= chunk:
            if day_tot + chunk > cap:
                tt = (tt // DAY + 1) * DAY + 8 * HOUR + rng.randint(0, 5 * HOUR)
                day_tot = 0
                if rng.random() < 0.4:
                    region = rng.choice(CASHOUT_REGIONS)
            got = self.t(tt, a.id, None, chunk, 'atm', region, '', 'cash_out')
            if got is None:
                break
            done += chunk
            day_tot += chunk
            tt = got + rng.randint(30, 400)
        return done

    def simulate(self):
        """Move the victims' (and gamblers') money down each network, event by event."""
        rng = self.rng
        for G in self.gangs:   # cards are tested with a tiny transfer before first use
            for a in G['tiers'][1] + G['tiers'][2]:
                if rng.random() < 0.3:
                    self.t(a.win[0] - rng.randint(10 * MIN, 5 * HOUR), G['test'].id, a.id, rng.choice([1, 10, 100]),
                           'mobile', G['op'] or None, '', 'layering')
        groups = [(G['id'], G) for G in self.gangs] + [('paofen', None)]
        for gid, G in groups:
            heap, seq = [], 0
            for ts, aid, fen in self.arrivals[gid]:
                heap.append((ts, seq, 0, aid, fen))
                seq += 1
            heapq.heapify(heap)
            bal, pending = defaultdict(int), set()
            while heap:
                ts, _s, typ, aid, fen = heapq.heappop(heap)
                if ts >= WINDOW:
                    continue   # what has not moved by the end of the data is still there (freeze targets)
                a = self.acc[aid]
                if typ == 0:
                    bal[aid] += fen
                    if aid not in pending:
                        pending.add(aid)
                        seq += 1
                        heapq.heappush(heap, (ts + self.delay(a.tier), seq, 1, aid, 0))
                    continue
                pending.discard(aid)
                amt = bal[aid]
                if amt < 10000:
                    continue
                keep = 0
                if a.tier == 'r':
                    keep = int(amt * rng.uniform(0.01, 0.03))   # the runner's commission
                elif rng.random() < 0.5:
                    keep = rng.randint(0, 5000)                  # a small residue left behind
                bal[aid] -= keep
                amt -= keep
                if a.tier == 'c':
                    bal[aid] -= self.cash_out(a, ts, amt, G)
                    continue
                tt = ts
                region = (G['op'] if G and G['op'] and rng.random() < 0.5 else
                          (a.region if rng.random() < 0.4 else ''))
                for tgt, part, kind in self.next_hops(a, ts, amt, G):
                    tt += rng.randint(5, 90)
                    memo = rng.choice(['', '', '', '货款', '往来款', '还款']) if kind != 'paofen' else rng.choice(['', '', '结算'])
                    got = self.t(tt, aid, tgt.id, part, 'online' if a.cls == 'corp' else 'mobile', region, memo, kind)
                    if got is None:
                        continue
                    bal[aid] -= part
                    if kind != 'exit' and tgt.tier is not None:
                        seq += 1
                        heapq.heappush(heap, (got + rng.randint(1, 30), seq, 0, tgt.id, part))

    # ================================================================================================
    # Build, censor, balance, label
    # ================================================================================================
    def build(self):
        self.S, self.ACT = 1.0, 1.5
        self._sw = {k: self.season_w(k) for k in ('personal', 'market', 'ecom', 'courier', 'student')}
        self.build_institutions()
        self.build_people()
        self.build_farmers()
        self.build_gangs()        # before lawful flows: rented and sold accounts stop their owners' use
        self.lawful_flows()
        self.lawful_flows2()
        self.gen_victims()
        self.simulate()
        self.finalize()

    def cushion(self, a):
        rng = self.rng
        if a.role != 'lawful':
            return rng.randint(0, 30000)
        if a.cls == 'corp':
            return lognorm_fen(rng, 150000, 1.0, 5000, 5000000, 1)
        med = {'stall_owner': 60000, 'landlord': 80000, 'employee': 15000, 'retiree': 40000, 'trader_owner': 80000,
               'factory_owner': 50000, 'stream_owner': 40000, 'factory_worker': 2500, 'student': 600,
               'courier': 1500, 'shop_assistant': 1500, 'stream_host': 3000, 'dormant': 80}.get(a.arch.split('+')[0], 5000)
        return lognorm_fen(rng, med, 1.0, 0, 50 * med, 1)

    def finalize(self):
        rng = self.rng
        ext = self.extract
        acc = self.acc
        # --- censor: a transfer is in the data if one party's bank supplies it from that time on
        kept = []
        for row in self.tx:
            ts, frm, to = row[0], row[1], row[2]
            if (frm is not None and acc[frm].bank in ext and ts >= ext[acc[frm].bank]) or \
               (to is not None and acc[to].bank in ext and ts >= ext[acc[to].bank]):
                kept.append(row)
        kept.sort(key=lambda r: (r[0], r[9]))
        # --- balances: opening balances for accounts opened before their bank's history; cash put in at
        #     opening for accounts opened inside it that would otherwise go below zero
        rows = [a for a in acc.values() if a.bank in ext and a.opened < WINDOW]
        run, low = defaultdict(int), defaultdict(int)
        for r in kept:
            if r[1] is not None and acc[r[1]].bank in ext:
                run[r[1]] -= r[3]
                if run[r[1]] < low[r[1]]:
                    low[r[1]] = run[r[1]]
            if r[2] is not None and acc[r[2]].bank in ext:
                run[r[2]] += r[3]
        self.opening = {}
        extra = []
        for a in rows:
            need = -low.get(a.id, 0)
            if a.opened < ext[a.bank]:
                self.opening[a.id] = need + self.cushion(a)
            else:
                self.opening[a.id] = 0
                if need > 0:
                    amt = (need + 9999) // 10000 * 10000
                    extra.append([a.opened + 1, None, a.id, amt, 'counter', a.region, rng.choice(['开户存入', '存款', '']),
                                  'ordinary', False, -1])
        kept.extend(extra)
        kept.sort(key=lambda r: (r[0], r[9]))
        self.kept = kept
        self.rows = sorted(rows, key=lambda a: (a.bank, a.id))
        self.row_ids = set(a.id for a in rows)
        tag = '%s%02d' % ({'baseline': 'B', 'V2': 'S', 'V3': 'F'}[self.variant], self.seed % 100)
        self.txid = {}
        for i, r in enumerate(kept):
            r.append('YW%s-%07d' % (tag, i + 1))
            if r[9] >= 0:
                self.txid[r[9]] = r[10]
        self.appear = set(self.row_ids)
        for r in kept:
            if r[1] is not None:
                self.appear.add(r[1])
            if r[2] is not None:
                self.appear.add(r[2])
        self.make_labels()
        # --- status: police freezes on part of the confirmed mules; a few judicial freezes and closed cards
        for a in self.rows:
            if a.id in self.lab_acc and rng.random() < 0.45:
                a.status = 'frozen'
            elif a.role == 'lawful' and rng.random() < 0.0015:
                a.status = 'frozen'
            elif a.arch == 'dormant' and a.id not in self.appear_tx and rng.random() < 0.06:
                a.status = 'closed'

    def make_labels(self):
        rng = self.rng
        acc = self.acc
        self.appear_tx = set()
        for r in self.kept:
            for x in (r[1], r[2]):
                if x is not None:
                    self.appear_tx.add(x)
        by_seq = {r[9]: r for r in self.kept if r[9] >= 0}
        mule_like = [a for a in acc.values() if a.id in self.appear and
                     (a.role == 'mule' or a.arch.startswith('paofen_runner') or a.arch == 'farmer_card_used')]
        mule_ids = set(a.id for a in mule_like)
        tu = {a.id: rng.random() for a in mule_like}
        # second hops that police traced from confirmed accounts
        hops = [(r[1], r[2]) for r in self.kept if r[7] == 'layering' and r[1] is not None and r[2] is not None]
        p, q = self.cfg['report'], 0.25
        for _it in range(20):
            lab_tx, lab_acc = [], set()
            for V in self.victims:
                if V['u'] < p:
                    for s in V['pays']:
                        if s in by_seq:
                            lab_tx.append(s)
                            lab_acc.add(by_seq[s][2])
            first = set(lab_acc)
            for f, t in hops:
                if f in first and t in mule_ids and tu[t] < q:
                    lab_acc.add(t)
            ratio = len(lab_acc & mule_ids) / float(max(1, len(mule_ids)))
            if ratio > 0.5:
                p -= 0.04
            elif ratio < 0.3:
                p, q = min(1.0, p + 0.04), min(1.0, q + 0.1)
            else:
                break
        self.report_p, self.lab_ratio = p, ratio
        self.lab_tx, self.lab_acc = lab_tx, lab_acc
        self.mule_like = mule_ids
        self.farm_lab = set()
        for F in self.farmers:
            if any(c.id in lab_acc for c in F['cards']) and any(c.id in self.row_ids for c in F['cards']) \
                    and rng.random() < 0.8:
                self.farm_lab.add(F['holder'])

    # ================================================================================================
    # Output
    # ================================================================================================
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        acc = self.acc

        def opener(name):
            return open(os.path.join(out, name), 'w', encoding='utf-8', newline='')

        with opener('accounts.csv') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in self.rows:
                w.writerow([a.id, a.bank, a.holder, self.fmt(a.opened), a.region, a.cls,
                            fen_str(self.opening[a.id]), a.status])
        with opener('transfers.csv') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for r in self.kept:
                kind = 'deposit' if r[1] is None else ('withdrawal' if r[2] is None else 'transfer')
                w.writerow([r[10], self.fmt(r[0]), r[1] or '', r[2] or '', fen_str(r[3]), 'CNY', r[4], r[5] or '',
                            kind, r[6], 'true' if r[8] else 'false'])
        with opener('labels.csv') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for aid in sorted(self.lab_acc):
                if aid in self.appear:
                    w.writerow(['account', aid, 'mule'])
            for s in sorted(self.lab_tx):
                w.writerow(['transfer', self.txid[s], 'fraud'])
            for h in sorted(self.farm_lab):
                w.writerow(['holder', h, 'card_farmer'])
        if not truth:
            return
        with opener('truth.csv') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for a in sorted((a for a in acc.values() if a.id in self.appear), key=lambda a: a.id):
                w.writerow(['account', a.id, a.bank, a.holder, int(a.id in self.row_ids), a.role, a.arch, a.farmer,
                            self.fmt(a.opened), int(a.id in self.lab_acc), int(bool(a.farmer) and a.farmer in self.farm_lab),
                            self.fmt(self.extract[a.bank]) if a.bank in self.extract else ''])
        with opener('truth_transfers.csv') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for r in self.kept:
                w.writerow([r[10], r[7]])


# ===================================================================================================
# Re-read the files and check the format rules of formats.md (interchange format v1)
# ===================================================================================================
RFC3339 = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$')
AMOUNT = re.compile(r'^\d+(\.\d{1,2})?$')
ENUMS = {'kind': {'transfer', 'withdrawal', 'deposit'},
         'channel': {'counter', 'online', 'mobile', 'atm', 'pos', 'other'},
         'account_class': {'I', 'II', 'III', 'corp'}, 'status': {'active', 'frozen', 'closed'}}
TRUTH_KINDS = {'victim_payment', 'layering', 'cash_out', 'exit', 'paofen', 'ordinary'}
ROLES = {'lawful', 'mule', 'paofen', 'farmer_card', 'fraud_exit'}


def parse_time(s, where):
    assert RFC3339.match(s), '%s: time not RFC 3339 with offset: %r' % (where, s)
    t = dt.datetime.fromisoformat(s.replace('Z', '+00:00'))
    assert t.tzinfo is not None, where
    return t


def to_fen(s, where, allow_zero=False):
    assert AMOUNT.match(s), '%s: amount not a plain decimal with <= 2 decimals: %r' % (where, s)
    whole, _, frac = s.partition('.')
    fen = int(whole) * 100 + int((frac + '00')[:2])
    assert fen > 0 or (allow_zero and fen == 0), '%s: amount must be > 0: %r' % (where, s)
    assert fen <= 10 ** 14, '%s: amount above one trillion yuan' % where
    return fen


def read_csv(path, required):
    with open(path, encoding='utf-8', newline='') as f:
        rd = csv.reader(f)
        header = [h.strip().lower() for h in next(rd)]
        for c in required:
            assert c in header, '%s: header lacks required column %s' % (path, c)
        rows = []
        for n, row in enumerate(rd, start=2):
            assert len(row) == len(header), '%s:%d: %d fields, header has %d' % (path, n, len(row), len(header))
            rows.append((n, dict(zip(header, row))))
    return rows


def verify(out, truth, t_start, t_end):
    accs = read_csv(os.path.join(out, 'accounts.csv'), ['account_id', 'bank', 'holder_id', 'opened_at'])
    A, holders = {}, set()
    for n, r in accs:
        w = 'accounts.csv:%d' % n
        aid = r['account_id']
        assert aid and len(aid) <= 64 and aid not in A, w + ': account_id missing, too long or repeated'
        assert r['bank'] and len(r['bank']) <= 64 and r['holder_id'], w + ': bank / holder_id'
        opened = parse_time(r['opened_at'], w)
        assert opened < t_end, w + ': opened after the data'
        assert r['open_region'] == '' or re.match(r'^\d{6}$', r['open_region']), w + ': open_region'
        assert r['account_class'] in ENUMS['account_class'], w + ': account_class'
        assert r['status'] in ENUMS['status'], w + ': status'
        A[aid] = [opened, to_fen(r['opening_balance'], w, True), r['bank']]
        holders.add(r['holder_id'])
    txs = read_csv(os.path.join(out, 'transfers.csv'), ['txn_id', 'ts', 'amount'])
    T, seen, last = {}, set(), None
    bal = {aid: v[1] for aid, v in A.items()}
    for n, r in txs:
        w = 'transfers.csv:%d' % n
        tid = r['txn_id']
        assert tid and len(tid) <= 64 and tid not in T, w + ': txn_id missing or repeated'
        ts = parse_time(r['ts'], w)
        assert t_start <= ts < t_end, w + ': time outside the 30 days'
        assert last is None or ts >= last, w + ': not in time order'
        last = ts
        fen = to_fen(r['amount'], w)
        kind = r['kind'] or 'transfer'
        assert kind in ENUMS['kind'] and r['channel'] in ENUMS['channel'], w + ': kind / channel'
        f, t = r['from_account'], r['to_account']
        assert (kind == 'transfer' and f and t) or (kind == 'withdrawal' and f and not t) or \
               (kind == 'deposit' and t and not f), w + ': parties do not fit the kind'
        assert len(f) <= 64 and len(t) <= 64 and len(r['memo']) <= 512, w + ': id or memo too long'
        assert r['region'] == '' or re.match(r'^\d{6}$', r['region']), w + ': region'
        assert re.match(r'^[A-Z]{3}$', r['currency']), w + ': currency'
        assert r['cross_border'] in ('true', 'false'), w + ': cross_border'
        for x in (f, t):
            if x and x in A:
                assert ts > A[x][0], w + ': transfer before the account %s was opened' % x
                seen.add(x)
            elif x:
                seen.add(x)
        if f in bal:
            bal[f] -= fen
            assert bal[f] >= 0, w + ': balance of %s below zero' % f
        if t in bal:
            bal[t] += fen
        T[tid] = r
    labs = read_csv(os.path.join(out, 'labels.csv'), ['kind', 'id', 'label'])
    nl = defaultdict(int)
    lab_acc = set()
    for n, r in labs:
        w = 'labels.csv:%d' % n
        assert r['kind'] in ('account', 'transfer', 'holder'), w + ': kind'
        if r['kind'] == 'account':
            assert r['id'] in A or r['id'] in seen, w + ': unknown account'
            lab_acc.add(r['id'])
        elif r['kind'] == 'transfer':
            assert r['id'] in T, w + ': unknown transfer'
        else:
            assert r['id'] in holders, w + ': unknown holder'
        nl[r['kind']] += 1
    info = dict(accounts=len(A), external=len(seen - set(A)), transfers=len(T), labels=dict(nl))
    if truth:
        tr = read_csv(os.path.join(out, 'truth.csv'), ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype',
                                                       'card_farmer', 'opened_at', 'labelled', 'farmer_labelled',
                                                       'extract_start'])
        ids = set()
        roles = defaultdict(int)
        for n, r in tr:
            w = 'truth.csv:%d' % n
            assert r['id'] not in ids, w + ': repeated'
            ids.add(r['id'])
            assert r['role'] in ROLES, w + ': role'
            assert r['has_row'] == ('1' if r['id'] in A else '0'), w + ': has_row'
            assert r['labelled'] == ('1' if r['id'] in lab_acc else '0'), w + ': labelled'
            parse_time(r['opened_at'], w)
            roles[r['role']] += 1
        assert ids == set(A) | seen, 'truth.csv does not list exactly the accounts that appear'
        tt = read_csv(os.path.join(out, 'truth_transfers.csv'), ['txn_id', 'kind'])
        assert len(tt) == len(T) and all(r['txn_id'] in T and r['kind'] in TRUTH_KINDS for _n, r in tt), \
            'truth_transfers.csv does not match transfers.csv'
        info['roles'] = dict(roles)
    return info


def main(argv=None):
    ap = argparse.ArgumentParser(description='Synthetic Yiwu / Jinhua banking world for fanzha (format v1).')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', required=True, type=int)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    args = ap.parse_args(argv)
    t0 = _time.time()
    W = World(args.variant, args.seed)
    W.build()
    W.write(args.out, args.truth)
    info = verify(args.out, args.truth, W.T0, W.T0 + dt.timedelta(days=NDAYS))
    starts = ','.join('%s=d%d' % (b, W.extract[b] // DAY) for b in W.supply)
    vp = sum(1 for r in W.kept if r[7] == 'victim_payment')
    print('yiwu_world %s seed=%d: %d accounts (+%d external), %d transfers (%d victim payments), labels %s, '
          'mule-like %d (%.0f%% labelled), banks %s, %.1fs'
          % (args.variant, args.seed, info['accounts'], info['external'], info['transfers'], vp,
             info['labels'], len(W.mule_like), 100.0 * W.lab_ratio, starts, _time.time() - t0), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
