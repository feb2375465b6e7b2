# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""huhang_world.py - the 沪杭甬苏 synthetic evaluation world for fanzha.

Shanghai, Hangzhou, Ningbo, Suzhou and Wuxi, 2024-11-01 .. 2025-04-30 (Double 11 and the
2025 Spring Festival).  Writes accounts.csv, transfers.csv and labels.csv in the fanzha
interchange format v1, and with --truth also truth.csv and truth_transfers.csv.

Standard library only; same --variant and --seed give byte-identical files.

    python3 huhang_world.py --variant baseline --seed 1 --out /tmp/w17/baseline --truth --stats
"""

import argparse
import csv
import datetime as dt
import hashlib
import heapq
import math
import os
import random
import sys
import time

# --------------------------------------------------------------------------- time
TZ = dt.timezone(dt.timedelta(hours=8))
DAY = 86400


def ts_of(y, m, d, h=0, mi=0, s=0):
    return int(dt.datetime(y, m, d, h, mi, s, tzinfo=TZ).timestamp())


T0 = ts_of(2024, 11, 1)
NDAYS = 181
T_END = T0 + NDAYS * DAY


def didx(y, m, d):
    return (ts_of(y, m, d) - T0) // DAY


D_D11 = didx(2024, 11, 11)
D_NYE = didx(2025, 1, 28)      # 除夕
D_SF = didx(2025, 1, 29)       # 春节
D_LANTERN = didx(2025, 2, 12)
D_QINGMING = didx(2025, 4, 4)


def fmt_t(t):
    return dt.datetime.fromtimestamp(t, TZ).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def fmt_fen(f):
    return '%d.%02d' % (f // 100, f % 100)


# --------------------------------------------------------------------------- institutions
# code, name, type, supplying, extract start (y, m, d), personal card BIN, card length, corp prefix
INST = [
    ('ICBC', '中国工商银行', 'state bank', True, (2024, 11, 1), '622202', 19, '1001'),
    ('SPDB', '上海浦东发展银行', 'joint-stock bank', True, (2024, 11, 6), '621792', 19, '9812'),
    ('CCB', '中国建设银行', 'state bank', True, (2024, 11, 18), '621700', 19, '3105'),
    ('TENPAY', '财付通(微信支付)', 'payment firm', True, (2024, 11, 25), None, 0, None),
    ('BOCOM', '交通银行', 'state bank', True, (2024, 12, 2), '622262', 19, '3100'),
    ('NBCB', '宁波银行', 'city commercial bank', True, (2024, 12, 16), '623318', 19, '8601'),
    ('ABC', '中国农业银行', 'state bank', False, None, '622848', 19, '1903'),
    ('BOC', '中国银行', 'state bank', False, None, '621785', 19, '4473'),
    ('CMB', '招商银行', 'joint-stock bank', False, None, '621483', 16, '1219'),
    ('PSBC', '中国邮政储蓄银行', 'state bank', False, None, '621799', 19, '9320'),
    ('JSB', '江苏银行', 'city commercial bank', False, None, '622173', 19, '1020'),
    ('HZCB', '杭州银行', 'city commercial bank', False, None, '621526', 19, '3301'),
    ('SRCB', '上海农商银行', 'rural commercial bank', False, None, '622478', 19, '5013'),
    ('ALIPAY', '支付宝', 'payment firm', False, None, None, 0, None),
    ('YNRCC', '云南省农村信用社', 'rural credit union', False, None, '622469', 19, '7200'),
    ('GXRCC', '广西农村信用社', 'rural credit union', False, None, '621459', 19, '8700'),
]
INSTD = {i[0]: i for i in INST}
SUPPLY = {i[0]: ts_of(*i[4]) for i in INST if i[3]}
BANKS_CARD = [i[0] for i in INST if i[5]]

# --------------------------------------------------------------------------- regions (GB/T 2260)
CITY = {
    'SH': ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112',
           '310113', '310114', '310115', '310115', '310116', '310117', '310118', '310120', '310151'],
    'HZ': ['330102', '330105', '330106', '330108', '330109', '330110', '330111', '330112',
           '330113', '330114'],
    'NB': ['330203', '330205', '330206', '330211', '330212', '330213', '330281', '330282'],
    'SZ': ['320505', '320506', '320507', '320508', '320509', '320581', '320582', '320583', '320585'],
    'WX': ['320205', '320206', '320211', '320213', '320214', '320281', '320282'],
}
CITY_W = [('SH', 38), ('HZ', 20), ('NB', 12), ('SZ', 20), ('WX', 10)]
HOMETOWNS = ['340102', '341202', '340302', '341502', '341302', '410102', '411302', '411502',
             '411602', '360102', '360702', '420106', '421102', '421003', '430104', '430602',
             '431102', '510104', '511302', '320302', '321302', '320803', '371302', '370102',
             '520102', '500101', '620102', '230102', '150102', '450103', '530102', '350102',
             '330302', '330782', '440106']
FARMER_HOMES = ['421102', '421003', '420106', '411602', '411302', '430602', '431102',
                '341202', '360702', '450103', '230102', '150102']
CASH_FAR = ['441900', '440306', '533102', '450681', '441502', '445202', '532801']
GANG_BASES = ['533102', '450681', '441502', '350524', '532801', '445202', '440306']
SHUIBEI = '440303'
YIWU = '330782'

BANK_W_BASE = {'ICBC': 14, 'CCB': 12, 'BOCOM': 7, 'SPDB': 6, 'NBCB': 1, 'ABC': 10, 'BOC': 8,
               'CMB': 10, 'PSBC': 5, 'JSB': 1, 'HZCB': 1, 'SRCB': 1}
BANK_W_CITY = {'SH': {'SPDB': 5, 'SRCB': 6, 'BOCOM': 3}, 'HZ': {'HZCB': 9},
               'NB': {'NBCB': 14}, 'SZ': {'JSB': 8}, 'WX': {'JSB': 8}}
BANK_W_OUT = {'ABC': 18, 'PSBC': 14, 'ICBC': 16, 'CCB': 14, 'BOC': 8, 'CMB': 4, 'BOCOM': 3}


def bank_weights(city):
    w = dict(BANK_W_BASE)
    for k, v in BANK_W_CITY.get(city, {}).items():
        w[k] = w.get(k, 0) + v
    return sorted(w.items())


BW = {c: bank_weights(c) for c, _ in CITY_W}
BW_OUT = sorted(BANK_W_OUT.items())

# --------------------------------------------------------------------------- variants
VARIANTS = {
    'baseline': dict(
        desc='reference world', n_persons=7600, look=1.0, n_gangs=6, n_cases=1050,
        inside_share=0.55, t1_per_gang=46, t2_per_gang=22, t1_window=(3, 16),
        hops=(1, 3), delay=(45, 1500), keep=(0.0, 0.004), split_max=4, part_cap=None,
        kinds_t1=[('fresh', 35), ('farmer', 25), ('old', 25), ('wallet', 10), ('corp', 5)],
        kinds_t2=[('fresh', 40), ('farmer', 35), ('old', 25)], old_open=(2014, 2021),
        n_farmers=12, farmer_cards=(8, 16), farmer_span=(5, 16), far_cash=0.85,
        atm_night=0.7, exit_w=[('atm', 40), ('ushang', 25), ('gold', 10), ('op', 25)],
        n_paofen=100, n_ushang=24, paofen_share=0.35, fanin_pref=0.75),
    'chenmo': dict(
        desc='quiet money: slow layering, old bought accounts, fewer and smaller hops',
        n_persons=7600, look=1.0, n_gangs=6, n_cases=1000,
        inside_share=0.55, t1_per_gang=60, t2_per_gang=14, t1_window=(14, 60),
        hops=(0, 1), delay=(3 * 3600, 4 * DAY), keep=(0.04, 0.25), split_max=2, part_cap=48000,
        kinds_t1=[('fresh', 12), ('farmer', 12), ('old', 60), ('wallet', 12), ('corp', 4)],
        kinds_t2=[('fresh', 20), ('farmer', 20), ('old', 60)], old_open=(2010, 2018),
        n_farmers=9, farmer_cards=(4, 7), farmer_span=(20, 60), far_cash=0.3,
        atm_night=0.25, exit_w=[('atm', 30), ('ushang', 35), ('gold', 15), ('op', 20)],
        n_paofen=130, n_ushang=28, paofen_share=0.45, fanin_pref=0.15),
    'yanhuo': dict(
        desc='busy lawful streets: denser lawful look-alikes',
        n_persons=5600, look=2.6, n_gangs=6, n_cases=1050,
        inside_share=0.55, t1_per_gang=46, t2_per_gang=22, t1_window=(3, 16),
        hops=(1, 3), delay=(45, 1500), keep=(0.0, 0.004), split_max=4, part_cap=None,
        kinds_t1=[('fresh', 35), ('farmer', 25), ('old', 25), ('wallet', 10), ('corp', 5)],
        kinds_t2=[('fresh', 40), ('farmer', 35), ('old', 25)], old_open=(2014, 2021),
        n_farmers=12, farmer_cards=(8, 16), farmer_span=(5, 16), far_cash=0.85,
        atm_night=0.7, exit_w=[('atm', 40), ('ushang', 25), ('gold', 10), ('op', 25)],
        n_paofen=100, n_ushang=24, paofen_share=0.35, fanin_pref=0.75),
}

# lawful archetypes: (name, weight, is_lookalike, age range, local share)
ARCH = [
    ('office_worker', 290, False, (23, 45), 0.45),
    ('rider', 75, False, (20, 45), 0.08),
    ('student', 75, False, (18, 24), 0.35),
    ('elderly_alone', 80, False, (68, 90), 0.9),
    ('retiree', 60, False, (60, 75), 0.85),
    ('migrant_worker', 75, False, (20, 50), 0.05),
    ('freelancer', 55, False, (25, 45), 0.4),
    ('housewife', 30, False, (28, 50), 0.5),
    ('landlord', 40, False, (40, 70), 0.85),
    ('restaurant_owner', 22, True, (28, 55), 0.3),
    ('ecom_seller', 22, True, (22, 40), 0.4),
    ('xborder_seller', 9, True, (24, 40), 0.5),
    ('property_agent', 12, True, (22, 40), 0.3),
    ('tutor', 14, True, (22, 35), 0.4),
    ('sublandlord', 12, True, (30, 55), 0.4),
    ('group_buy_leader', 10, True, (30, 55), 0.6),
    ('fee_collector', 10, True, (25, 40), 0.5),
    ('rent_splitter', 20, True, (23, 35), 0.2),
    ('multi_bank_saver', 28, True, (35, 65), 0.8),
    ('daigou', 8, True, (25, 40), 0.5),
    ('crypto_retail', 5, True, (22, 40), 0.5),
]

TYPOLOGY = [  # id, weight, victim archetypes
    ('brushing', 20, ['office_worker', 'student', 'housewife', 'rider', 'migrant_worker']),
    ('ecommerce_cs', 12, ['office_worker', 'student', 'housewife', 'freelancer']),
    ('investment', 11, ['office_worker', 'retiree', 'freelancer', 'landlord', 'multi_bank_saver']),
    ('loan_card', 9, ['rider', 'migrant_worker', 'freelancer', 'restaurant_owner']),
    ('credit_record', 6, ['office_worker', 'student', 'freelancer']),
    ('shopping_service', 7, ['student', 'office_worker', 'housewife']),
    ('police_gov', 10, ['elderly_alone', 'retiree', 'office_worker']),
    ('leader_acquaintance', 6, ['office_worker', 'restaurant_owner', 'ecom_seller']),
    ('game_trade', 4, ['student', 'rider']),
    ('romance', 5, ['office_worker', 'retiree', 'freelancer', 'landlord']),
    ('military_purchase', 1, ['restaurant_owner', 'ecom_seller']),
    ('prize', 1, ['elderly_alone', 'retiree']),
    ('parcel', 1, ['elderly_alone', 'student']),
    ('subsidy_refund', 1, ['elderly_alone', 'retiree']),
    ('accident_kidnap', 2, ['elderly_alone', 'retiree']),
    ('phone_bill', 0.5, ['elderly_alone']),
    ('fake_job', 1.5, ['student', 'migrant_worker']),
    ('net_black', 0.5, ['office_worker', 'student']),
]
SMALL_TYPES = {'brushing', 'shopping_service', 'game_trade', 'loan_card', 'fake_job', 'prize'}
ELDER_TYPES = {'police_gov', 'accident_kidnap', 'subsidy_refund', 'phone_bill', 'prize', 'parcel'}
REPORT_RATE = {'police_gov': 0.62, 'investment': 0.55, 'romance': 0.45, 'leader_acquaintance': 0.7,
               'accident_kidnap': 0.6, 'ecommerce_cs': 0.55, 'credit_record': 0.55,
               'brushing': 0.45, 'loan_card': 0.35, 'shopping_service': 0.3, 'game_trade': 0.3,
               'fake_job': 0.35}


# --------------------------------------------------------------------------- small helpers
IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def idcheck(body17):
    return '10X98765432'[sum(int(a) * w for a, w in zip(body17, IDW)) % 11]


def luhn(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def wchoice(r, items):
    tot = 0.0
    for _, w in items:
        tot += w
    x = r.random() * tot
    for k, w in items:
        x -= w
        if x < 0:
            return k
    return items[-1][0]


def derive(*parts):
    return int(hashlib.sha256('|'.join(str(p) for p in parts).encode()).hexdigest()[:16], 16)


def gold_price(t):  # yuan per gram at a Shuibei wholesaler, rising over the period
    x = (t - T0) / (T_END - T0)
    return 612.0 + 95.0 * x


def usdt_rate(t):
    x = (t - T0) / (T_END - T0)
    return 7.24 + 0.09 * math.sin(x * 5.0)


# --------------------------------------------------------------------------- world
class World:
    def __init__(self, variant, seed):
        self.vname = variant
        self.v = VARIANTS[variant]
        self.seed = seed
        look = self.v['look']
        self.rl = random.Random(derive('huhang-lawful', seed, look))
        self.rf = random.Random(derive('huhang-fraud', seed, variant))
        self.rng = self.rl
        self.acc = {}       # id -> dict
        self.hold = {}      # holder id -> dict
        self.tx = []        # (t, from, to, fen, channel, region, kind, memo, xb, truthkind, victim)
        self.persons = []   # in-region lawful persons
        self.by_city = {c: [] for c, _ in CITY_W}
        self.corps = {}     # category -> list of account ids
        self.corp_city = {}
        self.victims = {}   # holder -> typology
        self.mule_info = {}  # account -> kind label (for stats)
        self.farmers = []
        self.third_party = set()
        self.sold = {}

    # ---------------------------------------------------------------- ids
    def new_hid(self, region, byear, corp=False):
        r = self.rng
        alnum = '0123456789ABCDEFGHJKLMNPQRTUWXY'
        while True:
            if corp:
                hid = '91' + region + ''.join(r.choice(alnum) for _ in range(10))
            else:
                d = dt.date(byear, 1, 1) + dt.timedelta(days=r.randrange(365))
                body = '%s%s%03d' % (region, d.strftime('%Y%m%d'), r.randrange(1000))
                hid = body + idcheck(body)
            if hid not in self.hold:
                return hid

    def new_aid(self, bank, corp):
        r = self.rng
        inst = INSTD[bank]
        while True:
            if bank == 'TENPAY':
                aid = ('TPM' if corp else 'TP') + ''.join(r.choice('0123456789') for _ in range(12 if corp else 14))
            elif bank == 'ALIPAY':
                aid = '2088' + ''.join(r.choice('0123456789') for _ in range(12))
            elif corp:
                aid = inst[7] + ''.join(r.choice('0123456789') for _ in range(15))
            else:
                body = inst[5] + ''.join(r.choice('0123456789') for _ in range(inst[6] - 7))
                aid = body + luhn(body)
            if aid not in self.acc:
                return aid

    def holder(self, kind, arch, region, byear=None, home=None, city=None, role='lawful'):
        hid = self.new_hid(home or region, byear or 1980, corp=(kind == 'corp'))
        h = {'id': hid, 'kind': kind, 'arch': arch, 'region': region, 'home': home or region,
             'city': city, 'byear': byear, 'accts': [], 'role': role, 'farmer': False,
             'main': None, 'wallet': None, 'tp': None, 'ap': None}
        self.hold[hid] = h
        return h

    def open_acct(self, h, bank, opened, region, cls='I', role=None, arch=None):
        aid = self.new_aid(bank, cls == 'corp')
        self.acc[aid] = {'bank': bank, 'holder': h['id'], 'opened': int(opened), 'region': region,
                         'cls': cls, 'role': role or h['role'], 'arch': arch or h['arch'],
                         'status': 'active'}
        h['accts'].append(aid)
        return aid

    def old_open(self, byear, lo=2008, hi_t=None):
        r = self.rng
        y0 = max(lo, (byear or 1980) + 16)
        a = ts_of(min(y0, 2023), 1, 1)
        b = hi_t or (T0 - 120 * DAY)
        if b <= a:
            b = a + 200 * DAY
        t = a + int(r.random() * (b - a))
        t = t - (t - T0) % DAY + int(r.uniform(9 * 3600, 17 * 3600))
        return t

    # ---------------------------------------------------------------- money
    def pay(self, t, a, b, yuan, ch='mobile', reg='', kind='transfer', memo='', xb=False,
            tk=None, vic=None, fen=None):
        if fen is None:
            fen = int(round(yuan * 100))
        if fen <= 0 or t < T0 or t >= T_END:
            return
        self.tx.append((int(t), a or '', b or '', fen, ch, reg, kind, memo, xb, tk, vic))

    def amt(self, med, sig, unit=1.0, lo=None, hi=None):
        x = med * math.exp(self.rng.gauss(0, sig))
        if lo is not None:
            x = max(lo, x)
        if hi is not None:
            x = min(hi, x)
        if unit >= 1:
            return max(unit, round(x / unit) * unit)
        return max(0.01, round(x, 2))

    def tday(self, d, lo=8.0, hi=22.0):
        return T0 + d * DAY + int(self.rng.uniform(lo * 3600, hi * 3600))

    def tod_life(self, d):
        r = self.rng.random()
        if r < 0.06:
            return self.tday(d, 0, 7)
        if r < 0.55:
            return self.tday(d, 8, 18)
        return self.tday(d, 18, 24)

    def rday(self, lo=0, hi=NDAYS - 1):
        return self.rng.randint(max(0, lo), min(NDAYS - 1, hi))

    # ---------------------------------------------------------------- people
    def make_person(self, arch, city=None, region=None, age=None, local=None):
        r = self.rng
        spec = ARCHD[arch]
        city = city or wchoice(r, CITY_W)
        region = region or r.choice(CITY[city])
        age = age or r.randint(*spec[3])
        if local is None:
            local = r.random() < spec[4]
        home = region if local else r.choice(HOMETOWNS)
        byear = 2024 - age
        h = self.holder('person', arch, region, byear, home=home, city=city)
        bw = BW[city]
        nb = 1 + (r.random() < 0.45) + (r.random() < 0.15)
        if arch == 'multi_bank_saver':
            nb = r.randint(4, 6)
        if arch in ('elderly_alone',):
            nb = 1 + (r.random() < 0.35)
        banks = []
        while len(banks) < nb:
            b = wchoice(r, bw)
            if b not in banks:
                banks.append(b)
        for i, b in enumerate(banks):
            op_reg = region if (local or i > 0 or r.random() < 0.5) else home
            aid = self.open_acct(h, b, self.old_open(byear, 2006 if age > 40 else 2012), op_reg, 'I' if i == 0 else r.choice(['I', 'I', 'II']))
            if i == 0:
                h['main'] = aid
        tpp = {'elderly_alone': 0.2, 'retiree': 0.45}.get(arch, 0.62)
        if r.random() < tpp:
            h['tp'] = self.open_acct(h, 'TENPAY', self.old_open(byear, 2015), region, r.choice('II I III'.split()))
        if r.random() < (0.2 if age > 60 else 0.42):
            h['ap'] = self.open_acct(h, 'ALIPAY', self.old_open(byear, 2013), region, 'II')
        h['wallet'] = h['tp'] or h['ap'] or h['main']
        self.persons.append(h)
        self.by_city[city].append(h)
        return h

    def outside_person(self, arch, region=None, byear=None, banks_sup=0.35):
        r = self.rng
        region = region or r.choice(HOMETOWNS)
        byear = byear or r.randint(1950, 2003)
        h = self.holder('person', arch, region, byear)
        if r.random() < banks_sup:
            b = r.choice(['ICBC', 'CCB', 'BOCOM', 'ICBC', 'CCB'])
        else:
            b = wchoice(r, BW_OUT)
            if region.startswith('53') and r.random() < 0.4:
                b = 'YNRCC'
            if region.startswith('45') and r.random() < 0.4:
                b = 'GXRCC'
        h['main'] = self.open_acct(h, b, self.old_open(byear), region, 'I')
        if r.random() < 0.3:
            h['tp'] = self.open_acct(h, 'TENPAY', self.old_open(byear, 2015), region, 'II')
        h['wallet'] = h['tp'] or h['main']
        return h

    def corp(self, cat, city=None, region=None, bank=None, n=1, sup_bias=0.5, opened=None):
        r = self.rng
        out = []
        for _ in range(n):
            reg = region or r.choice(CITY[city or wchoice(r, CITY_W)])
            h = self.holder('corp', cat, reg)
            if bank:
                b = bank
            elif r.random() < sup_bias:
                b = r.choice(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB' if reg.startswith('3302') else 'ICBC'])
            else:
                b = r.choice(['ABC', 'BOC', 'CMB', 'JSB' if reg.startswith('32') else 'CMB',
                              'HZCB' if reg.startswith('3301') else 'BOC', 'SRCB' if reg.startswith('31') else 'ABC'])
            aid = self.open_acct(h, b, opened or self.old_open(1970, 2005, T0 - 400 * DAY), reg, 'corp')
            h['main'] = aid
            self.corps.setdefault(cat, []).append(aid)
            self.corp_city[aid] = reg
            out.append(aid)
        return out

    def corp_in(self, cat, reg=None):
        lst = self.corps[cat]
        if reg:
            pref = [a for a in lst if self.corp_city[a][:4] == reg[:4]]
            if pref and self.rng.random() < 0.8:
                return self.rng.choice(pref)
        return self.rng.choice(lst)

    def recv(self, h, via):
        if via == 'TENPAY' and h['tp']:
            return h['tp']
        if via == 'ALIPAY' and h['ap']:
            return h['ap']
        return h['main']

    def p2p(self, t, a, b, yuan, memo='', ch='mobile', tk=None, vic=None):
        r = self.rng
        if a['tp'] and b['tp'] and r.random() < 0.65:
            src, dst = a['tp'], b['tp']
        elif a['ap'] and b['ap'] and r.random() < 0.5:
            src, dst = a['ap'], b['ap']
        else:
            src, dst = a['main'], b['main']
        self.pay(t, src, dst, yuan, ch, a['region'], memo=memo, tk=tk, vic=vic)
        return src, dst

    def contacts(self, h, k):
        lst = self.by_city[h['city']] if h.get('city') else self.persons
        return [self.rng.choice(lst) for _ in range(k)]

    # ---------------------------------------------------------------- lawful world
    def build_corps(self):
        c = self.corp
        for city, _ in CITY_W:
            c('employer', city, n=26)
            c('merchant', city, n=22)
            c('property_mgmt', city, n=4)
            c('hospital', city, n=3)
            c('banquet_hotel', city, n=4)
            c('veg_wholesale', city, n=4)
            c('venue', city, n=3)
            c('training', city, n=2)
            c('rental_company', city, n=2)
            c('car_dealer', city, n=3)
            c('developer', city, n=3)
            c('gold_shop', city, n=2)
            c('agency', city, n=2)
            c('courier_station', city, n=2)
            c('funeral_home', city, n=1)
            c('utility', city, n=2, sup_bias=0.6)
            c('social_security', city, n=1, sup_bias=0.8)
        for reg in ['320583', '320505', '320214', '330110', '310114']:
            c('factory', region=reg, n=4)
        c('rider_platform', 'SH', n=3, sup_bias=0.5)
        c('ecom_platform', 'HZ', n=3, sup_bias=0.5)
        c('xborder_pay', 'HZ', n=2, sup_bias=0.2)
        c('consumer_finance', 'SH', n=5, sup_bias=0.4)
        c('university', n=9, sup_bias=0.6)
        c('wholesale', region=YIWU, n=20)
        c('wholesale', region='440104', n=10)
        c('wholesale', region='320581', n=8)
        c('gold_shop', region=SHUIBEI, n=6, sup_bias=0.4)
        c('travel_merchant', region='532801', n=3)
        c('upstream_otc', region='440306', n=6, sup_bias=0.1)
        c('upstream_otc', region='350102', n=4, sup_bias=0.1)

    def build_people(self):
        r = self.rng
        look = self.v['look']
        items = []
        for name, w, isl, _, _ in ARCH:
            items.append((name, w * (look if isl else 1.0)))
        tot = sum(w for _, w in items)
        n = self.v['n_persons']
        for name, w in items:
            k = int(round(n * w / tot))
            for _ in range(k):
                self.make_person(name)

    def lawful(self):
        r = self.rng
        look = self.v['look']
        P = self.persons
        byarch = {}
        for h in P:
            byarch.setdefault(h['arch'], []).append(h)
        self.byarch = byarch
        landlords = byarch.get('landlord', [])
        subl = byarch.get('sublandlord', [])
        # relatives outside the region (mostly non-supplying rural banks)
        for h in P:
            if h['home'] != h['region'] and h['arch'] not in ('elderly_alone', 'retiree'):
                h['parent'] = self.outside_person('relative', h['home'], (h['byear'] or 1990) - r.randint(22, 32), 0.25)
            else:
                h['parent'] = None
        # employers
        for h in P:
            a = h['arch']
            if a in ('office_worker', 'rent_splitter', 'multi_bank_saver', 'crypto_retail', 'fee_collector'):
                h['employer'] = self.corp_in('employer', h['region'])
            elif a == 'migrant_worker':
                h['employer'] = self.corp_in('factory') if r.random() < 0.6 else self.corp_in('employer', h['region'])
            else:
                h['employer'] = None
        # renting
        renters = [h for h in P if h['arch'] in ('office_worker', 'rider', 'migrant_worker', 'freelancer',
                                                  'rent_splitter', 'tutor', 'ecom_seller', 'property_agent',
                                                  'daigou', 'crypto_retail') and h['home'] != h['region']]
        for h in renters:
            x = r.random()
            same = [l for l in (subl if x < 0.35 else landlords) if l['city'] == h['city']]
            if x < 0.8 and same:
                h['landlord'] = r.choice(same)
                h['rent_to'] = None
            else:
                h['landlord'] = None
                h['rent_to'] = self.corp_in('rental_company', h['region'])
            h['rent'] = self.amt({'SH': 4200, 'HZ': 3300, 'NB': 2600, 'SZ': 2800, 'WX': 2200}[h['city']], 0.35, 50)
            if h['arch'] in ('rider', 'migrant_worker'):
                h['rent'] = self.amt(1500, 0.3, 50)
        for h in P:
            self.life(h)
        # ----------------- look-alike overlays
        for h in byarch.get('rent_splitter', []):
            self.rent_split(h)
        for h in byarch.get('group_buy_leader', []):
            self.group_buy(h)
        for h in byarch.get('fee_collector', []):
            self.fee_collect(h)
        for h in byarch.get('restaurant_owner', []):
            self.restaurant(h)
        self.suppliers = [self.outside_person('supplier', r.choice([YIWU, YIWU, '440104', '350582', '320581']), r.randint(1965, 1995), 0.4) for _ in range(int(120 * look))]
        for h in byarch.get('ecom_seller', []) + byarch.get('xborder_seller', []):
            self.ecom(h)
        for h in byarch.get('property_agent', []):
            self.agent(h)
        for h in byarch.get('tutor', []):
            self.tutor(h)
        for h in byarch.get('daigou', []):
            self.daigou(h)
        for h in byarch.get('multi_bank_saver', []):
            self.saver(h)
        for _ in range(int(40 * look)):
            self.wedding()
        for _ in range(int(24 * look)):
            self.funeral()
        for _ in range(int(70 * look)):
            self.big_first_payment()
        for _ in range(int(120 * look)):
            self.new_account_life()
        for _ in range(int(30 * look)):
            self.new_job_cards()
        for _ in range(int(25 * look)):
            self.far_tourist()

    def life(self, h):
        r = self.rng
        a = h['arch']
        reg = h['region']
        # income
        if h.get('employer'):
            payday = r.choice([5, 10, 10, 15, 15, 20, 25])
            base = {'migrant_worker': 6200, 'office_worker': 13000}.get(a, 12000)
            sal = self.amt(base, 0.4, 1, 3500, 80000)
            tgt = h['main']
            for m in range(6):
                y, mo = (2024, 11 + m) if m < 2 else (2025, m - 1)
                d = didx(y, mo, payday)
                if 0 <= d < NDAYS:
                    self.pay(T0 + d * DAY + r.randint(9 * 3600, 12 * 3600), h['employer'], tgt,
                             round(sal * r.uniform(0.93, 1.05), 2), 'other', self.corp_city[h['employer']], memo='工资')
            if a != 'migrant_worker' and r.random() < 0.7:
                d = self.rday(60, 95)
                self.pay(self.tday(d, 9, 12), h['employer'], tgt, round(sal * r.uniform(0.8, 4), 2),
                         'other', self.corp_city[h['employer']], memo='年终奖')
        elif a == 'rider':
            plat = r.choice(self.corps['rider_platform'])
            for wk in range(0, 26, 2):
                d = wk * 7 + r.randint(0, 1)
                if D_NYE - 4 <= d <= D_SF + 10 and r.random() < 0.6:
                    continue
                self.pay(self.tday(d, 10, 16), plat, h['main'], self.amt(3600, 0.3, 0.01), 'other', '310115', memo='骑手结算')
        elif a in ('retiree', 'elderly_alone'):
            ss = self.corp_in('social_security', reg)
            pen = self.amt(4800 if a == 'retiree' else 3600, 0.35, 0.01, 1600, 15000)
            for m in range(6):
                y, mo = (2024, 11 + m) if m < 2 else (2025, m - 1)
                d = didx(y, mo, 12)
                self.pay(self.tday(d, 6, 9), ss, h['main'], pen, 'other', reg, memo='养老金')
        elif a == 'student':
            src = h['parent'] or self.outside_person('relative', h['home'] if h['home'] != reg else reg, None, 0.3)
            h['parent'] = src
            for m in range(6):
                d = min(NDAYS - 1, m * 30 + r.randint(0, 6))
                self.pay(self.tday(d), src['main'], h['wallet'] if r.random() < 0.5 else h['main'],
                         self.amt(2000, 0.3, 100), 'mobile', src['region'], memo='生活费')
            d = self.rday(105, 125)
            self.pay(self.tday(d, 9, 17), h['main'], r.choice(self.corps['university']),
                     self.amt(5500, 0.4, 100, 3000, 28000), 'online', reg, memo='学费')
        elif a in ('freelancer', 'housewife', 'landlord'):
            for _ in range(r.randint(1, 4)):
                e = self.corp_in('employer', reg)
                self.pay(self.tday(self.rday(), 9, 18), e, h['main'], self.amt(4000, 0.7, 0.01), 'online', self.corp_city[e], memo='劳务费')
        # rent
        if h.get('rent'):
            day = r.randint(1, 28)
            quarterly = r.random() < 0.3
            for m in range(0, 6, 3 if quarterly else 1):
                y, mo = (2024, 11 + m) if m < 2 else (2025, m - 1)
                d = didx(y, mo, day)
                amount = h['rent'] * (3 if quarterly else 1)
                if h['landlord']:
                    self.p2p(self.tday(d, 8, 23), h, h['landlord'], amount, '房租')
                else:
                    self.pay(self.tday(d, 8, 23), h['main'], h['rent_to'], amount, 'mobile', reg, memo='房租')
        # landlord: sublandlord pays the owner quarterly
        if a == 'sublandlord':
            owner = self.outside_person('flat_owner', reg, r.randint(1955, 1975), 0.5) if r.random() < 0.5 else r.choice(self.byarch['landlord'])
            for q in range(2):
                d = q * 90 + r.randint(0, 10)
                for _ in range(r.randint(2, 5)):
                    self.pay(self.tday(d, 9, 20), h['main'], owner['main'], self.amt(5200, 0.3, 100) * 3, 'mobile', reg, memo='房租 季付')
        # family
        if h.get('parent') and a not in ('student',):
            for m in range(6):
                if r.random() < 0.55:
                    d = min(NDAYS - 1, m * 30 + r.randint(0, 29))
                    self.pay(self.tday(d), h['main'], h['parent']['main'], self.amt(1500, 0.5, 100), 'mobile', reg, memo='给家里')
            if r.random() < 0.8:
                d = self.rday(D_NYE - 14, D_NYE)
                self.pay(self.tday(d), h['main'], h['parent']['main'], self.amt(6000, 0.6, 1000), 'mobile', reg, memo='过年')
        if a in ('elderly_alone', 'retiree'):
            kids = self.contacts(h, r.randint(0, 2))
            for k in kids:
                if k['arch'] in ('office_worker', 'freelancer', 'landlord', 'multi_bank_saver'):
                    for m in range(6):
                        if r.random() < 0.5:
                            d = min(NDAYS - 1, m * 30 + r.randint(0, 29))
                            self.p2p(self.tday(d), k, h, self.amt(1000, 0.5, 100), '孝敬')
                    self.p2p(self.tday(self.rday(D_NYE - 5, D_SF + 3)), k, h, self.amt(3000, 0.6, 200), '过年红包')
            # cash at the ATM, property fees, hospital
            for m in range(6):
                for _ in range(r.randint(0, 2)):
                    d = min(NDAYS - 1, m * 30 + r.randint(0, 29))
                    self.pay(self.tday(d, 8, 17), h['main'], '', self.amt(1500, 0.5, 100, 200, 5000), 'atm' if r.random() < 0.8 else 'counter', reg, 'withdrawal')
            self.pay(self.tday(self.rday(0, 40), 8, 16), h['main'], self.corp_in('property_mgmt', reg), self.amt(1800, 0.4, 0.01), 'counter', reg, memo='物业费')
            for _ in range(r.randint(0, 3)):
                self.pay(self.tday(self.rday(), 8, 16), h['main'], self.corp_in('hospital', reg), self.amt(600, 1.0, 0.01), 'pos', reg, memo='医疗')
            if r.random() < 0.5:
                self.pay(self.tday(self.rday(D_NYE - 10, D_NYE - 1), 8, 16), h['main'], '', self.amt(5000, 0.4, 1000), 'counter', reg, 'withdrawal', memo='新钞')
        # spending
        nshop = {'elderly_alone': 2, 'student': 6, 'office_worker': 6, 'housewife': 7}.get(a, 4)
        for _ in range(r.randint(max(0, nshop - 3), nshop + 2)):
            d = self.rday()
            m = self.corp_in('merchant', reg) if r.random() < 0.7 else r.choice(self.corps['ecom_platform'])
            self.pay(self.tod_life(d), h['wallet'], m, self.amt(260, 1.0, 0.01, 5, 30000), 'mobile', reg)
        if (h['byear'] or 1960) > 1975 and r.random() < 0.55:
            for _ in range(r.randint(1, 3)):
                t = T0 + D_D11 * DAY - r.randint(-3 * 3600, 4 * 3600) + 20 * 3600 - 86400 * r.randint(0, 1)
                self.pay(t, h['wallet'], r.choice(self.corps['ecom_platform']), self.amt(600, 0.9, 0.01, 20, 20000), 'mobile', reg, memo='双11')
        if r.random() < 0.5:
            d = self.rday(D_NYE - 20, D_NYE - 1)
            self.pay(self.tod_life(d), h['wallet'], self.corp_in('merchant', reg), self.amt(900, 0.8, 0.01), 'mobile', reg, memo='年货')
        # friends: AA dinners, red packets, returned loans
        nf = {'elderly_alone': 1, 'student': 5}.get(a, 3)
        for f in self.contacts(h, r.randint(0, nf + 1)):
            if f is h:
                continue
            d = self.rday()
            amt = self.amt(150, 1.0, 0.01, 5, 5000)
            if D_NYE - 2 <= d <= D_SF + 6 and r.random() < 0.6:
                amt = r.choice([66.66, 88.88, 168, 188, 200, 520, 666, 888])
            self.p2p(self.tod_life(d), h, f, amt, r.choice(['', '', 'AA', '红包', '还你', '饭钱']))
        # own cards
        own = [x for x in h['accts'] if x != h['main']]
        if own and a != 'multi_bank_saver':
            for _ in range(r.randint(0, 3)):
                dst = r.choice(own)
                self.pay(self.tod_life(self.rday()), h['main'], dst, self.amt(2000, 0.8, 100, 100), 'mobile', reg, memo=r.choice(['', '还信用卡', '零钱']))
            if h['tp']:
                for _ in range(r.randint(0, 2)):
                    self.pay(self.tod_life(self.rday()), h['tp'], h['main'], self.amt(800, 0.8, 0.01), 'mobile', reg, memo='零钱提现')
        if a not in ('elderly_alone', 'retiree') and r.random() < 0.2:
            self.pay(self.tday(self.rday(), 8, 23), h['main'], '', self.amt(1000, 0.5, 100, 100, 5000), 'atm', reg, 'withdrawal')
        # crypto retail: buys and sells USDT with OTC dealers (filled in after the U商 exist)
        # consumer loans disbursed into young accounts (look-alike for the loan-then-pay pattern)
        if a in ('office_worker', 'student', 'freelancer', 'rider') and r.random() < 0.06:
            d = self.rday()
            self.pay(self.tday(d, 9, 22), r.choice(self.corps['consumer_finance']), h['main'], self.amt(10000, 0.7, 100), 'online', '310115', memo='借款发放')

    def rent_split(self, h):
        r = self.rng
        mates = [m for m in self.contacts(h, r.randint(2, 4)) if m is not h]
        if not h.get('rent'):
            h['rent'] = self.amt(6500, 0.3, 100)
            h['landlord'] = None
            h['rent_to'] = self.corp_in('rental_company', h['region'])
        share = round(h['rent'] / (len(mates) + 1), 2)
        day = r.randint(1, 25)
        for m in range(6):
            y, mo = (2024, 11 + m) if m < 2 else (2025, m - 1)
            d = didx(y, mo, day)
            t = self.tday(d, 8, 22)
            for mt in mates:
                self.p2p(t - r.randint(600, 3 * DAY), mt, h, share + r.choice([0, 0, 35.5, 62.3, 18]), '房租+水电')

    def group_buy(self, h):
        r = self.rng
        pool = [p for p in self.by_city[h['city']] if p['region'] == h['region'] and p is not h] or self.by_city[h['city']]
        members = [r.choice(pool) for _ in range(r.randint(20, 60))]
        sup = self.corp_in('veg_wholesale', h['region']) if r.random() < 0.5 else self.corp_in('wholesale')
        rounds = list(range(self.rday(0, 6), NDAYS, r.randint(6, 10)))
        for d in rounds:
            big = D_NYE - 18 <= d <= D_NYE - 3
            tot = 0.0
            buyers = [m for m in members if r.random() < (0.45 if big else 0.22)]
            for m in buyers:
                amt = self.amt(220 if big else 65, 0.6, 0.1, 9.9, 2000)
                self.p2p(self.tday(d, 7, 23), m, h, amt, '团购')
                tot += amt
            if tot > 0:
                self.pay(self.tday(d + 1, 6, 12), h['main'], sup, round(tot * r.uniform(0.86, 0.94), 2), 'mobile', h['region'], memo='货款')

    def fee_collect(self, h):
        r = self.rng
        members = [m for m in self.contacts(h, r.randint(15, 40)) if m is not h]
        venue = self.corp_in('venue', h['region']) if r.random() < 0.7 else self.corp_in('training', h['region'])
        for d0 in [self.rday(0, 10), self.rday(95, 115)]:
            fee = r.choice([200, 300, 360, 500, 600, 800])
            tot = 0
            for m in members:
                if r.random() < 0.9:
                    self.p2p(self.tday(d0 + r.randint(0, 4), 8, 23), m, h, fee, r.choice(['班费', '羽毛球会费', '活动费', 'AA']))
                    tot += fee
            self.pay(self.tday(d0 + r.randint(4, 7), 9, 18), h['main'], venue, tot * r.uniform(0.9, 1.0), 'mobile', h['region'], memo='场地费')

    def restaurant(self, h):
        r = self.rng
        if not h['tp']:
            h['tp'] = self.open_acct(h, 'TENPAY', self.old_open(h['byear'], 2016), h['region'], 'II')
            h['wallet'] = h['tp']
        cust = self.by_city[h['city']]
        n = int(r.randint(90, 220))
        days_off = set(range(D_NYE - 3, D_SF + 9)) if h['home'] != h['region'] else set()
        for _ in range(n):
            d = self.rday()
            if d in days_off:
                continue
            c = r.choice(cust)
            src = c['tp'] or c['main']
            self.pay(self.tday(d, 10.5, 21.5), src, h['tp'], self.amt(48, 0.7, 0.5, 8, 1500), 'mobile', h['region'], memo='')
        for w in range(0, 26, 2):
            self.pay(self.tday(w * 7 + 6, 22, 23.9), h['tp'], h['main'], self.amt(5000, 0.4, 0.01), 'mobile', h['region'], memo='零钱提现')
        sup = [self.corp_in('veg_wholesale', h['region']) for _ in range(2)]
        for _ in range(r.randint(12, 22)):
            self.pay(self.tday(self.rday(), 5, 10), h['main'], r.choice(sup), self.amt(3000, 0.6, 1), 'mobile', h['region'], memo='菜款')
        staff = [m for m in self.contacts(h, r.randint(1, 4)) if m is not h]
        for m in range(6):
            for s in staff:
                self.pay(self.tday(min(NDAYS - 1, m * 30 + 5), 20, 23), h['main'], s['main'], self.amt(5200, 0.15, 100), 'mobile', h['region'], memo='工资')
        shopl = r.choice(self.byarch['landlord'])
        for m in range(0, 6, 3):
            self.pay(self.tday(m * 30 + 1), h['main'], shopl['main'], self.amt(18000, 0.4, 500), 'mobile', h['region'], memo='店租')

    def ecom(self, h):
        r = self.rng
        xb = h['arch'] == 'xborder_seller'
        plats = self.corps['xborder_pay'] if xb else self.corps['ecom_platform']
        scale = self.amt(20000, 0.7, 1)
        for w in range(26):
            d = w * 7 + r.randint(0, 2)
            f = 3.0 if D_D11 <= d <= D_D11 + 14 else (0.4 if D_NYE - 7 <= d <= D_SF + 8 else 1.0)
            if xb and w % 2:
                continue
            self.pay(self.tday(d, 1, 6), r.choice(plats), h['main'], round(scale * f * r.uniform(0.4, 1.6), 2), 'other', '330108', memo='结算')
        if xb:
            for _ in range(r.randint(1, 3)):
                self.pay(self.tday(self.rday(), 9, 17), 'HK' + ''.join(r.choice('0123456789') for _ in range(12)), h['main'],
                         self.amt(50000, 0.6, 0.01), 'online', '', memo='货款 USD结汇', xb=True)
        for _ in range(r.randint(10, 30)):
            d = self.rday()
            src = h['main']
            self.pay(self.tday(d, 9, 20), src, self.corp_in('wholesale'), self.amt(scale * 0.6, 0.6, 0.01), 'online', h['region'], memo='采购')
        for _ in range(r.randint(3, 8)):
            sup = r.choice(self.suppliers)
            for _ in range(r.randint(1, 4)):
                self.pay(self.tday(self.rday(), 9, 20), h['main'], sup['main'], self.amt(8000, 0.7, 1), 'mobile', h['region'], memo='货款')
        cs = self.corp_in('courier_station', h['region'])
        for m in range(6):
            self.pay(self.tday(m * 30 + 3), h['main'], cs, self.amt(scale * 0.12, 0.3, 0.01), 'online', h['region'], memo='快递费')
        for s in self.contacts(h, r.randint(0, 3)):
            for m in range(6):
                self.pay(self.tday(min(NDAYS - 1, m * 30 + 10), 19, 23), h['main'], s['main'], self.amt(6000, 0.2, 100), 'mobile', h['region'], memo='工资')
        for c in self.contacts(h, r.randint(3, 10)):   # refunds and 好评返现
            self.p2p(self.tday(self.rday()), h, c, self.amt(25, 0.8, 0.01, 1, 2000), r.choice(['退款', '好评返现', '补差价']))

    def agent(self, h):
        r = self.rng
        comp = self.corp_in('agency', h['region'])
        for m in range(6):
            self.pay(self.tday(min(NDAYS - 1, m * 30 + 8), 10, 16), comp, h['main'], self.amt(9000, 0.6, 0.01), 'other', h['region'], memo='佣金')
        for _ in range(r.randint(8, 22)):
            payer = r.choice(self.by_city[h['city']])
            land = r.choice(self.byarch['landlord']) if r.random() < 0.6 else self.outside_person('flat_owner', h['region'], r.randint(1950, 1985), 0.5)
            d = self.rday()
            big = r.random() < 0.25
            amount = self.amt(50000 if big else 9000, 0.5, 1000 if big else 100)
            t = self.tday(d, 9, 21)
            self.pay(t, payer['main'], h['main'], amount, 'mobile', payer['region'], memo='定金' if big else '押金+首月房租')
            fee = 0 if big else round(amount * r.uniform(0.0, 0.3), -2)
            self.pay(t + r.randint(1800, 2 * DAY), h['main'], land['main'], amount - fee, 'mobile', h['region'], memo='转房东')

    def tutor(self, h):
        r = self.rng
        for p in self.contacts(h, r.randint(5, 18)):
            fee = self.amt(2400, 0.5, 100)
            for m in range(0, 6, r.choice([1, 2, 3])):
                self.p2p(self.tday(min(NDAYS - 1, m * 30 + r.randint(0, 8))), p, h, fee, '课时费')

    def daigou(self, h):
        r = self.rng
        for _ in range(r.randint(40, 110)):
            c = r.choice(self.persons)
            d = self.rday()
            self.p2p(self.tod_life(d), c, h, self.amt(900, 0.8, 1, 50, 30000), r.choice(['', '代购', '面霜', '包']))
        for _ in range(r.randint(3, 8)):
            self.pay(self.tday(self.rday(), 9, 20), h['main'], 'HK' + ''.join(r.choice('0123456789') for _ in range(12)),
                     self.amt(20000, 0.5, 0.01), 'online', h['region'], memo='货款', xb=True)

    def saver(self, h):
        r = self.rng
        accts = [a for a in h['accts'] if self.acc[a]['bank'] not in ('TENPAY', 'ALIPAY')]
        pot = self.amt(300000, 0.8, 1000)
        for _ in range(r.randint(3, 9)):
            a, b = r.sample(accts, 2)
            self.pay(self.tday(self.rday(), 9, 16), a, b, self.amt(pot / 3, 0.5, 1000), r.choice(['mobile', 'online', 'counter']), h['region'], memo=r.choice(['', '存定期', '理财到期']))
        if r.random() < 0.3 * self.v['look']:
            # opens a promotional card inside the data and moves savings there
            d = self.rday(5, 150)
            b = r.choice(['NBCB', 'BOCOM', 'SPDB', 'CCB'])
            na = self.open_acct(h, b, self.tday(d, 9, 16), h['region'], 'I')
            self.pay(self.tday(d, 16.5, 18), r.choice(accts), na, self.amt(pot / 2, 0.4, 10000), 'mobile', h['region'], memo='大额存单')

    def wedding(self):
        r = self.rng
        h = r.choice(self.byarch['office_worker'])
        d = r.choice([didx(2024, 11, 16), didx(2024, 12, 8), didx(2024, 12, 21), didx(2025, 1, 1), didx(2025, 1, 18),
                      didx(2025, 2, 9), didx(2025, 3, 15), didx(2025, 4, 19), didx(2025, 4, 27), self.rday()])
        guests = self.contacts(h, r.randint(25, 90))
        hotel = self.corp_in('banquet_hotel', h['region'])
        self.pay(self.tday(max(0, d - 60), 10, 16), h['main'], hotel, self.amt(10000, 0.3, 1000), 'mobile', h['region'], memo='婚宴定金')
        if h.get('parent'):
            self.pay(self.tday(max(0, d - 10)), h['parent']['main'], h['main'], self.amt(80000, 0.6, 10000), 'mobile', h['parent']['region'], memo='结婚')
        tot = 0
        for g in guests:
            if g is h:
                continue
            a = r.choice([500, 600, 800, 1000, 1000, 1200, 1314, 1888, 2000, 3000])
            self.p2p(self.tday(d + r.randint(-3, 1), 7, 23.5), g, h, a, r.choice(['新婚快乐', '份子钱', '百年好合', '']))
            tot += a
        self.pay(self.tday(min(NDAYS - 1, d + 1), 10, 15), h['main'], hotel, self.amt(60000, 0.4, 1), 'pos', h['region'], memo='婚宴尾款')

    def funeral(self):
        r = self.rng
        h = r.choice(self.byarch['office_worker'] + self.byarch['landlord'])
        d = self.rday()
        for g in self.contacts(h, r.randint(20, 70)):
            if g is h:
                continue
            self.p2p(self.tday(min(NDAYS - 1, d + r.randint(0, 3)), 6, 22), g, h, r.choice([200, 300, 500, 500, 600, 1000]), r.choice(['节哀', '奠仪', '']))
        self.pay(self.tday(min(NDAYS - 1, d + 3), 9, 16), h['main'], self.corp_in('funeral_home', h['region']), self.amt(25000, 0.5, 1), 'pos', h['region'], memo='丧葬费')

    def big_first_payment(self):
        r = self.rng
        h = r.choice(self.byarch['office_worker'] + self.byarch['freelancer'])
        d = self.rday(0, 170)
        kind = r.choice(['car', 'car', 'flat', 'flat'])
        new_acct = r.random() < 0.5
        tgt = h['main']
        if new_acct:
            b = r.choice(['ICBC', 'CCB', 'BOCOM', 'NBCB', 'SPDB', 'CMB'])
            tgt = self.open_acct(h, b, self.tday(d, 9, 15), h['region'], 'I', arch=h['arch'] + '+new')
        fam = [h.get('parent') or self.outside_person('relative', h['home'], None, 0.3)] + self.contacts(h, r.randint(0, 3))
        tot = 0
        for f in fam:
            a = self.amt(80000, 0.6, 10000)
            self.pay(self.tday(d, 15.5, 23) + r.randint(0, DAY), f['main'], tgt, a, 'mobile', f['region'], memo=r.choice(['首付', '买车', '借你的']))
            tot += a
        if kind == 'car':
            self.pay(self.tday(d + 2, 10, 17), tgt, self.corp_in('car_dealer', h['region']), self.amt(tot * 0.9, 0.1, 0.01), 'pos', h['region'], memo='购车款')
        else:
            self.pay(self.tday(d + 2, 10, 17), tgt, self.corp_in('developer', h['region']), self.amt(tot * 0.95, 0.05, 1000), 'counter', h['region'], memo='购房定金')

    def new_account_life(self):
        """someone who opens a first card in the region inside the data: a graduate, a newcomer after the
        Spring Festival, a student with a new campus card"""
        r = self.rng
        city = wchoice(r, CITY_W)
        d = self.rday(100, 150) if r.random() < 0.5 else self.rday(0, 160)
        reg = r.choice(CITY[city])
        h = self.holder('person', 'newcomer', reg, r.randint(1995, 2004), home=r.choice(HOMETOWNS), city=city)
        b = wchoice(r, BW[city])
        if r.random() < 0.5:
            b = r.choice(['ICBC', 'CCB', 'BOCOM', 'NBCB' if city == 'NB' else 'SPDB'])
        t0 = self.tday(d, 9, 16)
        h['main'] = self.open_acct(h, b, t0, reg, 'I')
        h['tp'] = self.open_acct(h, 'TENPAY', t0 + r.randint(600, 3 * DAY), reg, 'II') if r.random() < 0.5 else None
        h['ap'] = None
        h['wallet'] = h['tp'] or h['main']
        par = self.outside_person('relative', h['home'], None, 0.3)
        self.pay(t0 + r.randint(3600, 3 * DAY), par['main'], h['main'], self.amt(3000, 0.6, 100), 'mobile', par['region'], memo='生活费')
        emp = self.corp_in('employer', reg)
        for dd in range(d + 20, NDAYS, 30):
            self.pay(self.tday(dd, 9, 12), emp, h['main'], self.amt(7500, 0.3, 0.01), 'other', reg, memo='工资')
            if h['tp']:
                self.pay(self.tday(dd, 12, 23), h['main'], h['tp'], self.amt(1500, 0.5, 100), 'mobile', reg)
        land = r.choice(self.byarch['landlord'] + self.byarch['sublandlord'])
        self.pay(t0 + r.randint(2 * DAY, 6 * DAY), h['main'], land['main'], self.amt(7000, 0.3, 100), 'mobile', reg, memo='押一付三' if r.random() < 0.5 else '押金')
        for _ in range(r.randint(2, 6)):
            dd = self.rday(d + 1, NDAYS - 1)
            if dd > d:
                self.pay(self.tod_life(dd), h['wallet'], self.corp_in('merchant', reg), self.amt(200, 1.0, 0.01), 'mobile', reg)

    def new_job_cards(self):
        """a lawful person opening two or three cards within two weeks (salary bank, housing fund bank,
        a bank promotion): a look-alike for card farming"""
        r = self.rng
        h = r.choice(self.byarch['office_worker'] + self.byarch['migrant_worker'])
        d = self.rday(5, 160)
        emp = h.get('employer') or self.corp_in('employer', h['region'])
        banks = r.sample(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB', 'CMB', 'ABC'], r.randint(2, 3))
        new = []
        for i, b in enumerate(banks):
            new.append(self.open_acct(h, b, self.tday(d + r.randint(0, 12), 9, 16), h['region'], 'I' if i == 0 else 'II', arch=h['arch'] + '+newjob'))
        dd = d + 14
        while dd < NDAYS:
            self.pay(self.tday(dd, 9, 12), emp, new[0], self.amt(11000, 0.3, 0.01), 'other', h['region'], memo='工资')
            self.pay(self.tday(dd, 13, 23), new[0], h['main'], self.amt(5000, 0.4, 100), 'mobile', h['region'])
            dd += 30
        for x in new[1:]:
            self.pay(self.tday(d + 13, 9, 22), new[0] if d + 14 < NDAYS else h['main'], x, self.amt(2000, 0.6, 100), 'mobile', h['region'])

    def far_tourist(self):
        r = self.rng
        h = r.choice(self.byarch['office_worker'] + self.byarch['retiree'])
        d = self.rday(D_NYE - 2, D_SF + 7) if r.random() < 0.6 else self.rday()
        reg = r.choice(['532801', '533102', '530102', '460202', '450681'])
        for i in range(r.randint(1, 4)):
            self.pay(self.tday(d + i, 10, 23), h['main'], '', r.choice([1000, 2000, 2500, 3000]), 'atm', reg, 'withdrawal')
        if r.random() < 0.5:
            self.pay(self.tday(d, 10, 20), h['main'], self.corp_in('travel_merchant'), self.amt(3000, 0.6, 0.01), 'pos', reg, memo='旅游')

    # ---------------------------------------------------------------- fraud world
    def fraud(self):
        self.rng = self.rf
        r = self.rng
        v = self.v
        self.nodes = {}      # account -> node dict
        self.gangs = []
        # ---- U商: OTC crypto dealers with cards at several banks
        self.ushang = []
        for i in range(v['n_ushang']):
            city = wchoice(r, CITY_W) if r.random() < 0.5 else None
            reg = r.choice(CITY[city]) if city else r.choice(['440306', '350102', '441502', '330302'])
            h = self.holder('person', 'ushang', reg, r.randint(1980, 1998), home=reg, city=city, role='ushang')
            accs = []
            for b in r.sample(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB', 'ABC', 'CMB', 'BOC', 'PSBC'], r.randint(2, 4)):
                accs.append(self.open_acct(h, b, self.old_open(h['byear'], 2014), reg, 'I'))
            h['main'] = accs[0]
            h['tp'] = h['ap'] = None
            h['wallet'] = accs[0]
            self.ushang.append(h)
        # lawful crypto buyers (the look-alike customers of the U商)
        buyers = list(self.byarch.get('crypto_retail', [])) + [r.choice(self.persons) for _ in range(int(60 * v['look']))]
        for b in buyers:
            u = r.choice(self.ushang)
            for _ in range(r.randint(2, 9)):
                t = self.tday(self.rday(), 9, 24)
                usdt = r.choice([100, 200, 300, 500, 1000, 1500, 2000, 3000, 5000])
                amt = round(usdt * (usdt_rate(t) + r.uniform(0.03, 0.08)), 2)
                if r.random() < 0.7:
                    self.pay(t, b['main'], r.choice(u['accts']), amt, 'mobile', b['region'], memo='')
                else:
                    self.pay(t, r.choice(u['accts']), b['main'], round(amt * 0.985, 2), 'mobile', u['region'], memo='')
        for u in self.ushang:   # dealer's own moves and upstream purchases (mixed money; not listed)
            for _ in range(r.randint(15, 40)):
                t = self.tday(self.rday(), 0, 24)
                a, b = r.sample(u['accts'], 2)
                self.pay(t, a, b, self.amt(30000, 0.8, 0.01), 'mobile', u['region'])
            for _ in range(r.randint(6, 20)):
                t = self.tday(self.rday(), 0, 24)
                self.pay(t, r.choice(u['accts']), r.choice(self.corps['upstream_otc']), self.amt(80000, 0.7, 0.01), 'online', u['region'])
        # ---- card farmers
        self.farm_cards = []
        for i in range(v['n_farmers']):
            home = r.choice(FARMER_HOMES)
            h = self.holder('person', 'card_farmer', home, r.randint(1975, 2002), home=home, role='lawful')
            h['farmer'] = True
            h['main'] = self.open_acct(h, r.choice(['ABC', 'PSBC', 'ICBC', 'CCB']), self.old_open(h['byear'], 2012), home, 'I', role='lawful', arch='farmer_own')
            h['tp'] = h['ap'] = None
            h['wallet'] = h['main']
            self.farmers.append(h)
            start = r.randint(-50, 150)
            cities = r.sample(['SZ', 'WX', 'HZ', 'NB', 'SH'], r.randint(2, 3))
            n = r.randint(*v['farmer_cards'])
            span = r.randint(*v['farmer_span'])
            cards = []
            for k in range(n):
                c = cities[min(len(cities) - 1, k * len(cities) // n)]
                reg = r.choice(CITY[c])
                b = r.choice(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB' if c == 'NB' else 'ICBC', 'ABC', 'BOC', 'CMB', 'PSBC',
                              'JSB' if c in ('SZ', 'WX') else 'HZCB' if c == 'HZ' else 'SRCB' if c == 'SH' else 'CCB'])
                d = start + int(span * k / max(1, n - 1))
                t = T0 + d * DAY + r.randint(9 * 3600, 16 * 3600)
                aid = self.open_acct(h, b, t, reg, r.choice(['I', 'I', 'II']), role='farmer_card', arch='farmer_card')
                cards.append(aid)
                self.pay(t + r.randint(60, 900), '', aid, r.choice([10, 10, 20, 50, 100]), 'counter', reg, 'deposit', memo='开卡存入')
            h['cards'] = cards
            h['sold_at'] = T0 + (start + span) * DAY + r.randint(1, 6) * DAY
            self.farm_cards.append(h)
        # ---- gangs
        typ_items = [(t, w) for t, w, _ in TYPOLOGY]
        gang_types = [
            ['police_gov', 'accident_kidnap', 'subsidy_refund', 'phone_bill', 'parcel', 'prize'],
            ['brushing', 'fake_job', 'loan_card', 'game_trade'],
            ['investment', 'romance'],
            ['ecommerce_cs', 'credit_record', 'shopping_service', 'net_black'],
            ['leader_acquaintance', 'military_purchase', 'police_gov'],
            ['brushing', 'investment', 'ecommerce_cs', 'loan_card', 'shopping_service'],
        ]
        farm_pool = []
        for h in self.farm_cards:
            for c in h['cards']:
                farm_pool.append((c, h))
        r.shuffle(farm_pool)
        self.farm_pool = farm_pool
        for gi in range(v['n_gangs']):
            g = {'i': gi, 'base': GANG_BASES[gi % len(GANG_BASES)], 'types': gang_types[gi % len(gang_types)],
                 't1': [], 'tiers': {}, 'ops': [], 'exit_cards': [], 'platform': []}
            # operators
            for k in range(r.randint(3, 5)):
                reg = g['base']
                hh = self.holder('person', 'operator', reg, r.randint(1980, 1998), role='operator')
                b = r.choice(['YNRCC', 'GXRCC', 'ABC', 'ICBC', 'BOC', 'CCB', 'PSBC'])
                hh['main'] = self.open_acct(hh, b, self.old_open(hh['byear'], 2013), reg, 'I', role='operator', arch='operator')
                g['ops'].append(hh['main'])
            self.gangs.append(g)
            # tier-1 cards
            for k in range(v['t1_per_gang']):
                kind = wchoice(r, v['kinds_t1'])
                w0 = r.randint(-5, NDAYS - 5)
                w1 = w0 + r.randint(*v['t1_window'])
                aid = self.mule_card(g, kind, 1, w0, w1)
                if aid:
                    g['t1'].append(aid)
            H = v['hops'][1]
            for tier in range(2, 2 + H):
                g['tiers'][tier] = []
                for k in range(v['t2_per_gang']):
                    kind = wchoice(r, v['kinds_t2'])
                    w0 = r.randint(-5, NDAYS - 5)
                    w1 = w0 + r.randint(10, 40)
                    aid = self.mule_card(g, kind, tier, w0, w1)
                    if aid:
                        g['tiers'][tier].append(aid)
            # cash-out cards (farmer or fresh), withdrawn far away
            for k in range(max(6, v['t2_per_gang'] // 2)):
                kind = 'farmer' if r.random() < 0.5 else 'fresh'
                w0 = r.randint(-5, NDAYS - 5)
                aid = self.mule_card(g, kind, 99, w0, w0 + r.randint(7, 30))
                if aid:
                    far = r.random() < v['far_cash']
                    self.nodes[aid]['cash_reg'] = r.choice(CASH_FAR) if far else r.choice(CITY[r.choice(list(CITY))])
                    g['exit_cards'].append(aid)
        # ---- 跑分 platform collection accounts and participants
        self.paofen = []
        plat_gangs = [g for g in self.gangs if set(g['types']) & SMALL_TYPES] or self.gangs
        for g in plat_gangs:
            for k in range(4):
                w0 = r.randint(-5, NDAYS - 30)
                aid = self.mule_card(g, r.choice(['fresh', 'old', 'farmer']), 2, w0, w0 + r.randint(30, 90), platform=True)
                if aid:
                    g['platform'].append(aid)
        for i in range(v['n_paofen']):
            arch = r.choice(['student', 'housewife', 'rider', 'migrant_worker', 'freelancer'])
            base = r.choice(self.byarch[arch])
            # a 跑分 participant is an ordinary person; the accounts they lend to the platform change role
            accs = [a for a in base['accts'] if self.acc[a]['role'] == 'lawful' and self.acc[a]['bank'] != 'ALIPAY']
            if not accs or base['id'] in self.victims:
                continue
            g = r.choice(plat_gangs)
            if not g['platform']:
                continue
            use = accs[:2]
            w0 = r.randint(0, NDAYS - 20)
            w1 = min(NDAYS + 5, w0 + r.randint(14, 70))
            for a in use:
                self.acc[a]['role'] = 'paofen'
                self.acc[a]['arch'] = base['arch'] + '+paofen'
                self.nodes[a] = {'g': g, 'tier': 1.5, 'kind': 'paofen', 'w0': w0, 'w1': w1, 'pending': 0, 'flush': None,
                                 'hold': base, 'paofen': True, 'victims': 0}
                self.mule_info[a] = 'paofen'
            base['paofen'] = use
            self.paofen.append((base, g, use, w0, w1))
            # deposit (押金) to the platform before starting
            self.pay(self.tday(max(0, w0 - 1), 10, 22), use[0], r.choice(g['platform']), r.choice([1000, 2000, 3000, 5000, 10000]),
                     'mobile', base['region'], memo='', tk='paofen')
        # ---- victim cases
        self.cases = []
        n = v['n_cases']
        used = set()
        for ci in range(n):
            typ = wchoice(r, typ_items)
            gl = [g for g in self.gangs if typ in g['types']] or self.gangs
            g = r.choice(gl)
            inside = r.random() < v['inside_share']
            arches = dict((t, a) for t, _, a in TYPOLOGY)[typ]
            vh = None
            if inside:
                for _ in range(20):
                    cand = r.choice(self.byarch[r.choice(arches)])
                    if cand['id'] not in used and not cand.get('paofen') and not cand.get('old_mule'):
                        vh = cand
                        break
            if vh is None:
                elder = typ in ELDER_TYPES
                vh = self.outside_person('victim_outside', None, r.randint(1942, 1962) if elder else r.randint(1975, 2005), 0.6)
                vh['arch'] = 'outside_' + (r.choice(arches))
                for a in vh['accts']:
                    self.acc[a]['arch'] = vh['arch']
                self.outside_life(vh)
            used.add(vh['id'])
            self.victims[vh['id']] = typ
            self.run_case(g, typ, vh)
        # ---- gambling players paying 跑分 accounts
        gamblers = [self.outside_person('gambler', None, r.randint(1975, 2000), 0.4) for _ in range(260)]
        for base, g, use, w0, w1 in self.paofen:
            for _ in range(r.randint(8, 40)):
                d = r.randint(max(0, w0), min(NDAYS - 1, w1))
                pl = r.choice(self.persons) if r.random() < 0.4 else r.choice(gamblers)
                t = self.tday(d, 12, 26)
                a = r.choice(use)
                amt = r.choice([100, 200, 300, 500, 1000, 2000, 3000, 5000]) + (r.choice([0, 0, 1, 2, 3, 7]) if r.random() < 0.5 else 0)
                self.pay(t, pl['tp'] if (pl.get('tp') and self.acc[a]['bank'] == 'TENPAY') else pl['main'], a, amt, 'mobile', pl['region'], tk='paofen')
                self.arrive(t, a, int(amt * 100), None)
        # ---- card purchases and rents paid by the gangs
        for h in self.farm_cards:
            used_cards = [c for c in h['cards'] if c in self.nodes]
            if used_cards:
                g = self.nodes[used_cards[0]]['g']
                for k in range(max(1, len(h['cards']) // 4)):
                    self.pay(h['sold_at'] + k * 3600 * r.randint(1, 20), r.choice(g['ops']), h['main'], self.amt(5500, 0.1, 100),
                             'mobile', g['base'], tk='layering')
        # ---- run the money through the network
        self.simulate()
        self.rng = self.rl

    def outside_life(self, h):
        r = self.rng
        src = self.corp_in('employer') if (h['byear'] or 1960) > 1963 else self.corp_in('social_security')
        amt = self.amt(6000, 0.4, 0.01)
        for m in range(6):
            self.pay(self.tday(min(NDAYS - 1, m * 30 + 10), 8, 12), src, h['main'], amt, 'other', h['region'], memo='工资' if (h['byear'] or 1960) > 1963 else '养老金')
        for _ in range(r.randint(2, 8)):
            self.pay(self.tod_life(self.rday()), h['wallet'], self.corp_in('merchant'), self.amt(300, 1.0, 0.01), 'mobile', h['region'])
        for _ in range(r.randint(0, 4)):
            self.pay(self.tday(self.rday(), 8, 20), h['main'], '', self.amt(1000, 0.5, 100), 'atm', h['region'], 'withdrawal')

    def mule_card(self, g, kind, tier, w0, w1, platform=False):
        """create (or take) one account of the network and register it as a node"""
        r = self.rng
        v = self.v
        aid = None
        hold = None
        if kind == 'farmer':
            while self.farm_pool:
                c, fh = self.farm_pool.pop()
                if c in self.nodes:
                    continue
                aid, hold = c, fh
                op = self.acc[c]['opened']
                lo = max(op, fh['sold_at']) + r.randint(1, 10) * DAY
                w0 = max(w0, (lo - T0) // DAY)
                w1 = max(w1, w0 + 4)
                # 测卡: the buyer tests the card with a small amount in and back
                ts = T0 + w0 * DAY - r.randint(3600, 2 * DAY)
                if ts > op:
                    self.pay(ts, g['ops'][0], c, r.choice([1, 1.5, 2, 5, 10]), 'mobile', g['base'], tk='layering', memo='')
                break
            if aid is None:
                kind = 'fresh'
        if kind == 'fresh':
            city = wchoice(r, CITY_W)
            local = r.random() < 0.5
            reg = r.choice(CITY[city]) if local else r.choice(HOMETOWNS)
            hold = self.holder('person', 'mule_recruit', reg, r.randint(1996, 2006), home=r.choice(HOMETOWNS) if not local else reg, city=city, role='mule')
            op = T0 + w0 * DAY - r.randint(1, 12) * DAY + r.randint(9 * 3600, 16 * 3600)
            b = r.choice(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB', 'ABC', 'BOC', 'CMB', 'PSBC', 'JSB', 'HZCB'])
            aid = self.open_acct(hold, b, op, reg, r.choice(['I', 'II', 'II']), role='mule', arch='mule_fresh')
        elif kind == 'wallet':
            city = wchoice(r, CITY_W)
            reg = r.choice(CITY[city])
            hold = self.holder('person', 'mule_recruit', reg, r.randint(1996, 2006), home=r.choice(HOMETOWNS), city=city, role='mule')
            op = T0 + w0 * DAY - r.randint(2, 200) * DAY + r.randint(8 * 3600, 23 * 3600)
            aid = self.open_acct(hold, r.choice(['TENPAY', 'TENPAY', 'ALIPAY']), op, reg, r.choice(['II', 'III']), role='mule', arch='mule_wallet')
        elif kind == 'corp':
            city = wchoice(r, CITY_W)
            reg = r.choice(CITY[city])
            hold = self.holder('corp', 'shell_company', reg, role='mule')
            op = T0 + w0 * DAY - r.randint(20, 120) * DAY + r.randint(9 * 3600, 16 * 3600)
            aid = self.open_acct(hold, r.choice(['ICBC', 'CCB', 'BOCOM', 'SPDB', 'NBCB', 'CMB', 'BOC']), op, reg, 'corp', role='mule', arch='mule_shell_corp')
        elif kind == 'old':
            # an ordinary account, years old, rented / lent / sold to the gang
            for _ in range(40):
                arch = r.choice(['migrant_worker', 'student', 'rider', 'freelancer', 'elderly_alone', 'office_worker', 'housewife'])
                cand = r.choice(self.byarch[arch])
                if cand.get('old_mule') or cand.get('paofen') or cand['id'] in self.victims:
                    continue
                banks = [a for a in cand['accts'] if self.acc[a]['bank'] not in ('ALIPAY',) and self.acc[a]['role'] == 'lawful'
                         and self.acc[a]['opened'] < T0 - 365 * DAY]
                if not banks:
                    continue
                aid = r.choice(banks)
                lo, hi = v['old_open']
                op = self.acc[aid]['opened']
                if not (ts_of(lo, 1, 1) <= op <= ts_of(hi, 12, 31)):
                    op = ts_of(lo, 1, 1) + int(r.random() * (ts_of(hi, 12, 31) - ts_of(lo, 1, 1)))
                    self.acc[aid]['opened'] = op
                cand['old_mule'] = aid
                hold = cand
                mode = 'sold' if r.random() < 0.6 else 'rented'
                if mode == 'sold':
                    self.sold[aid] = T0 + w0 * DAY - DAY
                self.acc[aid]['role'] = 'mule'
                self.acc[aid]['arch'] = 'mule_old_' + mode + '(' + cand['arch'] + ')'
                # gang pays the owner a rent or a price, to the owner's other account when there is one
                others = [a for a in cand['accts'] if a != aid]
                pay_to = others[0] if others else aid
                for k in range(1 if mode == 'sold' else max(1, (w1 - w0) // 20)):
                    t = T0 + (w0 + 20 * k) * DAY - r.randint(0, DAY)
                    self.pay(t, r.choice(g['ops']), pay_to, r.choice([800, 1000, 1500, 2000, 3000]) if mode == 'rented' else r.choice([1500, 2000, 3000]),
                             'mobile', g['base'], tk='layering')
                break
            if aid is None:
                return self.mule_card(g, 'fresh', tier, w0, w1, platform)
        if aid is None:
            return None
        self.nodes[aid] = {'g': g, 'tier': tier, 'kind': kind, 'w0': w0, 'w1': w1, 'pending': 0, 'flush': None,
                           'hold': hold, 'paofen': False, 'platform': platform, 'victims': 0, 'cursor': 0}
        if kind != 'farmer':
            self.mule_info[aid] = 'plat' if platform else kind
        else:
            self.mule_info[aid] = 'farmer'
        return aid

    # ------------------------------------------------------------- victim payments
    def pick_t1(self, g, t, small):
        r = self.rng
        v = self.v
        d = (t - T0) // DAY
        if small and r.random() < v['paofen_share']:
            pf = [a for base, gg, use, w0, w1 in self.paofen if gg is g and w0 <= d <= w1 for a in use]
            if not pf:
                pf = [a for base, gg, use, w0, w1 in self.paofen if w0 <= d <= w1 for a in use]
            pf = [a for a in pf if self.acc[a]['opened'] < t]
            if pf:
                return r.choice(pf)
        act = [a for a in g['t1'] if self.nodes[a]['w0'] <= d <= self.nodes[a]['w1'] and self.acc[a]['opened'] < t - 3600]
        if not act:
            act = sorted([a for a in g['t1'] if self.acc[a]['opened'] < t - 3600], key=lambda a: abs(self.nodes[a]['w0'] - d))[:3]
        if not act:
            return None
        if r.random() < v['fanin_pref']:
            act.sort(key=lambda a: -self.nodes[a]['victims'])
            a = act[0] if r.random() < 0.6 else r.choice(act)
        else:
            act.sort(key=lambda a: self.nodes[a]['victims'])
            a = act[0]
        return a

    def run_case(self, g, typ, vh):
        r = self.rng
        d0 = self.rday(2, NDAYS - 4)
        if typ == 'ecommerce_cs' and r.random() < 0.4:
            d0 = self.rday(D_D11 + 2, D_D11 + 25)
        if typ in ('shopping_service', 'accident_kidnap', 'leader_acquaintance') and r.random() < 0.4:
            d0 = self.rday(D_NYE - 25, D_SF + 10)
        pays = []   # (t, yuan)
        day_h = (9, 17)
        if typ == 'police_gov':
            tot = self.amt(150000, 0.9, 1000, 20000, 2000000)
            k = r.randint(1, 6)
            t = self.tday(d0, 9, 16)
            for i in range(k):
                pays.append((t, round(tot / k, -2 if r.random() < 0.6 else 0)))
                t += r.randint(1800, 2 * DAY)
        elif typ in ('investment', 'romance'):
            tot = self.amt(120000, 1.0, 1000, 5000, 3000000)
            k = r.randint(3, 14)
            t = self.tday(d0, 10, 23)
            ws = [1.4 ** i for i in range(k)]
            for i in range(k):
                pays.append((t, round(tot * ws[i] / sum(ws), -2 if r.random() < 0.5 else 0)))
                t += r.randint(2 * 3600, 8 * DAY)
        elif typ == 'brushing':
            seq = [100, 300, 800, 2000, 5000, 12000, 30000, 60000]
            k = r.randint(2, 8)
            t = self.tday(d0, 18, 23)
            for i in range(k):
                pays.append((t, seq[i] + r.choice([0, 0, 8, 18, 88])))
                t += r.randint(600, 5 * 3600)
        elif typ in ('ecommerce_cs', 'credit_record'):
            tot = self.amt(25000 if typ == 'ecommerce_cs' else 45000, 0.8, 0.01, 1000, 300000)
            if r.random() < 0.4:   # the victim is first talked into borrowing from loan apps
                for _ in range(r.randint(1, 3)):
                    self.pay(self.tday(d0, 10, 14), r.choice(self.corps['consumer_finance']), vh['main'], self.amt(tot / 2, 0.3, 100), 'online', '310115', memo='借款发放')
            k = r.randint(1, 4)
            t = self.tday(d0, 14, 18)
            for i in range(k):
                pays.append((t, round(tot / k, 2)))
                t += r.randint(300, 6 * 3600)
        elif typ == 'leader_acquaintance':
            tot = self.amt(80000, 0.8, 1000, 10000, 1500000)
            k = r.randint(1, 2)
            t = self.tday(d0, 9, 17)
            for i in range(k):
                pays.append((t, round(tot / k, -3)))
                t += r.randint(600, 4 * 3600)
            if r.random() < 0.4:   # paid from the company account the victim keeps the books for
                vh['_payer'] = self.corp_in('employer', vh['region'])
        elif typ in ('accident_kidnap', 'subsidy_refund', 'prize', 'parcel', 'phone_bill', 'military_purchase', 'net_black'):
            tot = self.amt(20000, 0.8, 100, 800, 300000)
            k = r.randint(1, 3)
            t = self.tday(d0, 9, 18)
            for i in range(k):
                pays.append((t, round(tot / k, -2)))
                t += r.randint(900, 2 * DAY)
        else:   # loan_card, shopping_service, game_trade, fake_job
            k = r.randint(1, 5)
            t = self.tday(d0, 10, 23)
            for i in range(k):
                pays.append((t, self.amt(1200, 0.8, 1, 100, 20000)))
                t += r.randint(600, 3 * DAY)
        # the elderly gather savings from their other cards first (own money, not labelled)
        src = vh.get('_payer') or vh['main']
        if typ in ('police_gov', 'investment') and len(vh['accts']) > 1:
            for a in vh['accts']:
                if a != vh['main'] and self.acc[a]['bank'] not in ('TENPAY', 'ALIPAY') and r.random() < 0.7:
                    self.pay(pays[0][0] - r.randint(1200, 30000), a, vh['main'], self.amt(sum(p for _, p in pays) / 3, 0.4, 100), 'mobile', vh['region'], memo='')
        small = typ in SMALL_TYPES
        # brushing victims receive small "commissions" first
        vic_id = vh['id']
        third = (r.random() < 0.04 and typ in ('investment', 'police_gov', 'ecommerce_cs', 'leader_acquaintance'))
        for i, (t, y) in enumerate(pays):
            if t >= T_END:
                break
            if typ == 'investment' and r.random() < 0.25 and self.ushang:
                u = r.choice(self.ushang)
                self.pay(t, src, r.choice(u['accts']), y, 'mobile', vh['region'], tk='victim_payment', vic=vic_id)
                continue
            if third:
                m = self.corp_in('gold_shop', vh['region']) if r.random() < 0.6 else self.corp_in('merchant', vh['region'])
                self.third_party.add(m)
                self.pay(t, src, m, y, 'mobile', vh['region'], memo='货款', tk='victim_payment', vic=vic_id)
                continue
            a = self.pick_t1(g, t, small)
            if a is None:
                continue
            if typ == 'brushing' and i < 2:
                self.pay(t + r.randint(120, 900), r.choice(g['ops']), src, round(y * r.uniform(1.03, 1.2), 2), 'mobile', g['base'], memo='佣金', tk='layering', vic=vic_id)
            memo = ''
            if r.random() < 0.15:
                memo = r.choice({'police_gov': ['安全账户', '资金清查'], 'brushing': ['任务单', '垫付'], 'loan_card': ['解冻费', '保证金'],
                                 'ecommerce_cs': ['备用金', '退款'], 'investment': ['入金'], 'credit_record': ['注销'],
                                 }.get(typ, ['']))
            ch = 'counter' if (typ == 'police_gov' and r.random() < 0.3) else ('atm' if typ == 'subsidy_refund' else 'mobile')
            self.pay(t, src, a, y, ch, vh['region'], memo=memo, tk='victim_payment', vic=vic_id)
            self.nodes[a]['victims'] += 1
            self.arrive(t, a, int(round(y * 100)), vic_id)

    # ------------------------------------------------------------- layering simulation
    def arrive(self, t, a, fen, vic):
        self.events.append((t, a, fen))

    def simulate(self):
        r = self.rng
        v = self.v
        heap = []
        seq = 0
        for t, a, fen in self.events:
            heapq.heappush(heap, (t, seq, 'in', a, fen))
            seq += 1
        self.events = []
        while heap:
            t, _, ev, a, fen = heapq.heappop(heap)
            n = self.nodes.get(a)
            if n is None:
                continue
            if ev == 'in':
                n['pending'] += fen
                if n['flush'] is None:
                    if n.get('paofen'):
                        dl = r.randint(1800, 6 * 3600)
                    else:
                        dl = int(math.exp(r.uniform(math.log(v['delay'][0]), math.log(v['delay'][1]))))
                    n['flush'] = t + dl
                    heapq.heappush(heap, (t + dl, seq, 'flush', a, 0))
                    seq += 1
                continue
            # flush
            n['flush'] = None
            amount = n['pending']
            if n.get('paofen'):
                out = int(amount * r.uniform(0.97, 0.985))
            else:
                out = int(amount * (1 - r.uniform(*v['keep'])))
            out -= out % 100 if r.random() < 0.3 else 0
            if out < 1000:
                continue
            g = n['g']
            tier = n['tier']
            d = (t - T0) // DAY
            if tier == 99:
                n['pending'] -= self.cashout_atm(a, n, t, out)
                continue
            # choose next step
            nxt = None
            if n.get('paofen'):
                cands = g['platform']
                tk = 'paofen'
            else:
                H = r.randint(*v['hops'])
                nt = 2 if tier < 2 else int(tier) + 1
                tk = 'layering'
                if tier == 1 and H == 0:
                    cands = None
                elif tier >= 2 and (nt - 1 > H or nt not in g['tiers']):
                    cands = None
                else:
                    cands = g['tiers'].get(nt)
            if cands:
                live = [c for c in cands if self.nodes[c]['w0'] <= d <= self.nodes[c]['w1'] and self.acc[c]['opened'] < t]
                if not live:
                    live = sorted([c for c in cands if self.acc[c]['opened'] < t], key=lambda c: abs(self.nodes[c]['w0'] - d))[:2]
                if live:
                    k = 1 + (r.randint(0, v['split_max'] - 1) if out > 2000000 else r.randint(0, 1))
                    if v['part_cap']:
                        k = max(k, min(6, 1 + out // (v['part_cap'] * 100)))
                    parts = self.split(out, k)
                    tt = t
                    for p in parts:
                        c = r.choice(live)
                        tt += r.randint(20, 300)
                        self.pay(tt, a, c, 0, 'mobile', g['base'] if r.random() < 0.7 else '', tk=tk, fen=p)
                        heapq.heappush(heap, (tt, seq, 'in', c, p))
                        seq += 1
                    n['pending'] -= sum(parts)
                    continue
            # exit
            ex = wchoice(r, v['exit_w'])
            if ex == 'atm' and g['exit_cards']:
                live = [c for c in g['exit_cards'] if self.acc[c]['opened'] < t]
                if live:
                    live.sort(key=lambda c: abs(self.nodes[c]['w0'] - d))
                    c = r.choice(live[:3])
                    self.pay(t + 60, a, c, 0, 'mobile', g['base'], tk='layering', fen=out)
                    heapq.heappush(heap, (t + 60, seq, 'in', c, out))
                    seq += 1
                    n['pending'] -= out
                    continue
                ex = 'op'
            if ex == 'ushang' and self.ushang:
                u = r.choice(self.ushang)
                rem = out
                tt = t
                while rem > 100000:
                    usdt = min(rem // 100, r.choice([3000, 5000, 8000, 10000, 20000])) / usdt_rate(t)
                    usdt = max(10, int(usdt // 10 * 10))
                    f = int(round(usdt * (usdt_rate(t) + 0.05) * 100))
                    if f > rem:
                        break
                    self.pay(tt, a, r.choice(u['accts']), 0, 'mobile', g['base'], tk='ushang', fen=f)
                    rem -= f
                    tt += r.randint(120, 1800)
                n['pending'] -= (out - rem)
                continue
            if ex == 'gold':
                shop = r.choice(self.corps['gold_shop'])
                price = gold_price(t)
                grams = max(1, int(out / 100 // price))
                f = int(round(grams * price * 100))
                if f > 0:
                    self.pay(t + 300, a, shop, 0, 'mobile', SHUIBEI if self.corp_city[shop] == SHUIBEI else g['base'], tk='cashout', fen=f, memo='黄金')
                    n['pending'] -= f
                continue
            op = r.choice(g['ops'])
            self.pay(t + 60, a, op, 0, 'mobile', g['base'], tk='layering', fen=out)
            n['pending'] -= out

    def split(self, fen, k):
        r = self.rng
        if k <= 1:
            return [fen]
        ws = [r.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = [int(fen * w / s) for w in ws]
        parts = [p - p % 100 if r.random() < 0.5 else p for p in parts]
        return [p for p in parts if p > 0]

    def cashout_atm(self, a, n, t, fen):
        r = self.rng
        v = self.v
        reg = n.get('cash_reg') or r.choice(CASH_FAR)
        lim = 2000000    # 20,000 yuan a day
        cur = max(t + r.randint(600, 4 * 3600), n.get('cursor', 0))
        if r.random() < v['atm_night']:
            day = (cur - T0) // DAY
            cur = max(cur, T0 + day * DAY + 23 * 3600 + r.randint(0, 2400))
        done = 0
        used_day = {}
        while fen - done >= 100000:
            day = (cur - T0) // DAY
            if cur >= T_END:
                break
            u = used_day.get(day, n.get('used_' + str(day), 0))
            chunk = r.choice([200000, 250000, 250000, 300000]) if v['atm_night'] > 0.5 else r.choice([100000, 150000, 200000])
            chunk = min(chunk, (fen - done) // 10000 * 10000)
            if chunk < 10000:
                break
            if u + chunk > lim:
                cur = T0 + (day + 1) * DAY + r.randint(60, 3600 if v['atm_night'] > 0.5 else 12 * 3600)
                continue
            self.pay(cur, a, '', 0, 'atm', reg, 'withdrawal', tk='cashout', fen=chunk)
            used_day[day] = u + chunk
            n['used_' + str(day)] = u + chunk
            done += chunk
            cur += r.randint(40, 200)
        n['cursor'] = cur + 60
        return done

    # ---------------------------------------------------------------- output
    def build(self):
        t0 = time.time()
        self.events = []
        self.build_corps()
        self.build_people()
        self.lawful()
        self.fraud()
        self.t_build = time.time() - t0

    def finish(self, out, truth, stats):
        r = random.Random(derive('huhang-labels', self.seed, self.vname))
        acc = self.acc
        # opened-before-transfer guard, write filter
        written = []
        dropped_open = 0
        for x in self.tx:
            t, a, b = x[0], x[1], x[2]
            if (a and acc.get(a) and acc[a]['opened'] > t) or (b and acc.get(b) and acc[b]['opened'] > t):
                dropped_open += 1
                continue
            if x[9] is None and ((a in self.sold and t >= self.sold[a]) or (b in self.sold and t >= self.sold[b])):
                continue
            ok = False
            if a and a in acc and acc[a]['bank'] in SUPPLY and t >= SUPPLY[acc[a]['bank']]:
                ok = True
            if b and b in acc and acc[b]['bank'] in SUPPLY and t >= SUPPLY[acc[b]['bank']]:
                ok = True
            if ok:
                written.append(x)
        order = sorted(range(len(written)), key=lambda i: (written[i][0], i))
        written = [written[i] for i in order]
        seen = {}
        for x in written:
            for a in (x[1], x[2]):
                if a:
                    seen[a] = 1
        # account rows: supplying accounts seen in the data or opened inside their extract
        rows = []
        for aid, ac in acc.items():
            bank = ac['bank']
            if bank not in SUPPLY:
                continue
            if aid in seen or (SUPPLY[bank] <= ac['opened'] < T_END):
                rows.append(aid)
        rowset = dict.fromkeys(rows)
        # balances
        bal = {a: 0 for a in rows}
        mn = {a: 0 for a in rows}
        first = {}
        for x in written:
            t, a, b, f = x[0], x[1], x[2], x[3]
            if a in bal:
                bal[a] -= f
                if bal[a] < mn[a]:
                    mn[a] = bal[a]
            if b in bal:
                bal[b] += f
        opening = {}
        for a in rows:
            ac = acc[a]
            need = -mn[a]
            if ac['role'] in ('mule', 'farmer_card', 'operator'):
                extra = 0 if ac['opened'] >= SUPPLY[ac['bank']] else r.randint(0, 8000)
            elif ac['opened'] >= SUPPLY[ac['bank']]:
                extra = r.choice([0, 0, 0, 1000, 5000])
            else:
                extra = int(math.exp(r.gauss(math.log(12000), 1.2))) // 100 * 100
                if ac['arch'] in ('elderly_alone', 'retiree', 'multi_bank_saver'):
                    extra *= 5
            opening[a] = need + extra * 100 if (ac['cls'] != 'corp' or ac['role'] != 'lawful') else need + r.randint(0, 500000) * 1000
        # ids
        txids = []
        truth_tx = []
        for i, x in enumerate(written):
            d = dt.datetime.fromtimestamp(x[0], TZ)
            tid = 'HH%s%07d' % (d.strftime('%y%m%d'), i + 1)
            txids.append(tid)
            if x[9]:
                truth_tx.append((tid, x[9]))
        # labels
        lab = []
        reported = {}
        for vid, typ in self.victims.items():
            reported[vid] = r.random() < REPORT_RATE.get(typ, 0.5)
        vic_paid = {}
        reported_to = {}
        for i, x in enumerate(written):
            if x[9] == 'victim_payment':
                vic_paid.setdefault(x[10], 0)
                vic_paid[x[10]] += 1
                if reported.get(x[10]) and r.random() < 0.92:
                    lab.append(('transfer', txids[i], 'fraud'))
                    reported_to[x[2]] = 1
        labelled = {}
        for aid in list(rowset) + [a for a in seen if a not in rowset]:
            ac = acc.get(aid)
            if ac is None:
                continue
            role = ac['role']
            p = 0
            if role in ('mule', 'farmer_card'):
                n = self.nodes.get(aid)
                if n and n['tier'] == 1:
                    p = 0.68 if aid in reported_to else 0.2
                elif n and n.get('platform'):
                    p = 0.45
                elif n:
                    p = 0.38
                else:
                    p = 0.12   # farmer cards never used in the data
            elif role == 'paofen':
                p = 0.45 if aid in reported_to else 0.2
            elif role == 'ushang':
                p = 0.28
            elif role == 'operator':
                p = 0.35
            elif aid in self.third_party and aid in reported_to:
                p = 0.5     # a lawful seller paid directly by a victim (三方诈骗) gets frozen too
            if p and r.random() < p:
                labelled[aid] = 1
                lab.append(('account', aid, 'mule'))
        flab = {}
        kf = sorted(r.sample(range(len(self.farmers)), (len(self.farmers) + 1) // 2))
        for i in kf:
            h = self.farmers[i]
            if True:
                flab[h['id']] = 1
                lab.append(('holder', h['id'], 'card_farmer'))
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a in rows:
                ac = acc[a]
                w.writerow([a, ac['bank'], ac['holder'], fmt_t(ac['opened']), ac['region'], ac['cls'], fmt_fen(opening[a]), ac['status']])
        with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo', 'cross_border'])
            for i, x in enumerate(written):
                w.writerow([txids[i], fmt_t(x[0]), x[1], x[2], fmt_fen(x[3]), 'CNY', x[4], x[5], x[6], x[7], 'true' if x[8] else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for l in lab:
                w.writerow(l)
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                            'labelled', 'farmer_labelled', 'extract_start'])
                for code, st in SUPPLY.items():
                    w.writerow(['institution', code, code, '', '', '', INSTD[code][2], '', '', '', '', fmt_t(st)])
                cover = list(rows) + [a for a in seen if a not in rowset]
                for a in cover:
                    ac = acc.get(a)
                    if ac is None:
                        w.writerow(['account', a, '', '', 0, 'lawful', 'foreign_counterparty', 0, '', 0, 0, ''])
                        continue
                    h = self.hold[ac['holder']]
                    arch = ac['arch']
                    if ac['holder'] in self.victims:
                        arch += ';victim=' + self.victims[ac['holder']]
                    w.writerow(['account', a, ac['bank'], ac['holder'], 1 if a in rowset else 0, ac['role'], arch,
                                1 if h['farmer'] else 0, fmt_t(ac['opened']), 1 if a in labelled else 0,
                                1 if h['id'] in flab else 0, fmt_t(SUPPLY[ac['bank']]) if ac['bank'] in SUPPLY else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', encoding='utf-8', newline='') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for tid, k in truth_tx:
                    w.writerow([tid, k])
        if stats:
            kinds = {}
            for x in truth_tx:
                kinds[x[1]] = kinds.get(x[1], 0) + 1
            mule_rows = {}
            mule_lab = {}
            for a in rows:
                role = acc[a]['role']
                if role in ('mule', 'farmer_card', 'paofen', 'ushang', 'operator'):
                    k = self.mule_info.get(a, role)
                    if role == 'mule' and a in self.nodes and self.nodes[a]['tier'] not in (1, 1.5):
                        k = k + '@tier%s' % ('cash' if self.nodes[a]['tier'] == 99 else self.nodes[a]['tier'])
                    k = role + ':' + k
                    mule_rows[k] = mule_rows.get(k, 0) + 1
                    mule_lab[k] = mule_lab.get(k, 0) + (1 if a in labelled else 0)
            nvic = len([1 for v in vic_paid])
            nvic_rep = len([1 for v in vic_paid if reported.get(v)])
            nvp = kinds.get('victim_payment', 0)
            nvp_lab = sum(1 for l in lab if l[0] == 'transfer')
            nf_rows = len([h for h in self.farmers if any(c in rowset for c in h['accts'])])
            e = sys.stderr
            print('variant=%s seed=%d: %s' % (self.vname, self.seed, self.v['desc']), file=e)
            print('accounts with rows: %d; external accounts in transfers: %d; transfers: %d (generated %d, dropped before opening %d)'
                  % (len(rows), len([a for a in seen if a not in rowset]), len(written), len(self.tx), dropped_open), file=e)
            print('fraud-related transfers: %s' % ', '.join('%s=%d' % kv for kv in sorted(kinds.items())), file=e)
            print('victims with a written payment: %d (reported %d); victim payments %d, labelled fraud %d (%.0f%%)'
                  % (nvic, nvic_rep, nvp, nvp_lab, 100.0 * nvp_lab / max(1, nvp)), file=e)
            tot_m = sum(mule_rows.values())
            tot_l = sum(mule_lab.values())
            print('network accounts with rows by kind (labelled/all):', file=e)
            for k in sorted(mule_rows):
                print('  %-28s %4d/%4d' % (k, mule_lab[k], mule_rows[k]), file=e)
            print('  total %d/%d labelled (%.0f%%); account labels incl. external: %d; third-party sellers labelled: %d'
                  % (tot_l, tot_m, 100.0 * tot_l / max(1, tot_m), len(labelled), len([a for a in labelled if acc[a]['role'] == 'lawful'])), file=e)
            print('card farmers: %d (with rows %d), labelled %d' % (len(self.farmers), nf_rows, len(flab)), file=e)
            print('labels: %d rows' % len(lab), file=e)


ARCHD = {a[0]: a for a in ARCH}


def main(argv=None):
    ap = argparse.ArgumentParser(description='沪杭甬苏 synthetic world for fanzha (see README.md)')
    ap.add_argument('--variant', default='baseline', choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='huhang_out')
    ap.add_argument('--stats', action='store_true', help='print counts to stderr')
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    a = ap.parse_args(argv)
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.finish(a.out, a.truth, a.stats)
    if a.stats:
        print('run time %.1f s' % (time.time() - t0), file=sys.stderr)


if __name__ == '__main__':
    main()
