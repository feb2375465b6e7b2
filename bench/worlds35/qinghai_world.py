# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project: an independent synthetic banking world set in Qinghai
# (Xining, Haidong, Haixi, Hainan prefecture, Huangnan, Yushu) for judging counter-telecom-fraud
# detectors.  Python 3 standard library only.  Deterministic for a given --variant and --seed.
#
#   python3 qinghai_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
#
# Writes DIR/accounts.csv, DIR/transfers.csv, DIR/labels.csv (fanzha interchange format v1) and,
# with --truth, DIR/truth.csv and DIR/truth_transfers.csv.  Then reads its own files back and checks
# them; exit 0 on pass, 2 on failure (problems listed on stderr).
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
DAY = 86400
HOUR = 3600
MIN = 60

# ---------------------------------------------------------------- geography (GB/T 2260 codes)
QH = {
    'xining': ['630102', '630103', '630104', '630105', '630106', '630121', '630123'],
    'haidong': ['630202', '630203', '630222', '630223', '630224', '630225'],
    'golmud': ['632801'], 'delingha': ['632802'], 'mangya': ['632803'],
    'ulan': ['632821'], 'dulan': ['632822'], 'tianjun': ['632823'],
    'gonghe': ['632521'], 'hainan_other': ['632522', '632523', '632524', '632525'],
    'haibei': ['632221', '632222', '632223', '632224'],
    'huangnan': ['632301', '632322', '632323', '632324'],
    'yushu': ['632701', '632722', '632723', '632724', '632725', '632726'],
    'guoluo': ['632621', '632622'],
}
OTHER = {
    'gansu': ['620102', '620103', '620502', '620503', '621102', '620702', '620602', '621121',
              '621123', '622901', '620421'],
    'henan': ['410102', '411402', '411627', '411702', '411521', '410482', '411325'],
    'guangdong': ['440106', '440304', '440306', '441900', '442000', '440113'],
    'yunnan': ['530102', '530112', '533102', '532502'],
    'guangxi': ['450103', '451402', '451481'],
    'fujian': ['350102', '350203', '350582'],
    'hunan': ['430102', '430111'], 'jiangsu': ['320106', '320506'], 'hubei': ['420106', '420111'],
    'sichuan': ['510104', '510107'], 'chongqing': ['500103', '500112'],
    'shanghai': ['310104', '310115'], 'beijing': ['110105', '110108'],
    'zhejiang': ['330106', '330782'], 'shaanxi': ['610112', '610113'],
    'ningxia': ['640104', '640502', '640521'], 'tibet': ['540102'], 'xinjiang': ['650102', '650104'],
    'neimeng': ['150102'], 'heilongjiang': ['230103'], 'shandong': ['370102', '370212'],
    'hainanprov': ['460106'],
}
TOURIST_FROM = ['beijing', 'shanghai', 'guangdong', 'jiangsu', 'zhejiang', 'sichuan', 'chongqing',
                'shaanxi', 'hunan', 'hubei', 'henan', 'shandong', 'gansu', 'fujian']
TOURIST_W = [8, 8, 10, 8, 7, 8, 5, 6, 4, 5, 6, 5, 5, 4]
CASH_REGIONS = ['guangdong', 'yunnan', 'guangxi', 'fujian', 'hunan', 'sichuan', 'chongqing']

# ---------------------------------------------------------------- institutions
# (code, supplying?, scope) -- scope 'QH': the source supplies its Qinghai book (accounts opened in
# Qinghai); 'ALL': its whole book.  Non-supplying institutions appear only as external accounts.
BANKS = {
    'ICBC': (True, 'QH'), 'ABC': (True, 'QH'), 'CCB': (True, 'QH'), 'BOC': (True, 'QH'),
    'PSBC': (True, 'QH'), 'BOQH': (True, 'QH'), 'QHRCU': (True, 'QH'), 'CMB': (True, 'ALL'),
    'ALIPAY': (True, 'QH'),
    'CIB': (False, ''), 'SPDB': (False, ''), 'CITIC': (False, ''), 'CEB': (False, ''),
    'HXB': (False, ''), 'PAB': (False, ''), 'CMBC': (False, ''), 'GDB': (False, ''),
    'BOCOM': (False, ''), 'TENPAY': (False, ''), 'GSRCU': (False, ''), 'HNRCU': (False, ''),
}
EXTRACT_OFFSET_DAYS = {'ICBC': 0, 'ABC': 2, 'CCB': 1, 'BOC': 5, 'PSBC': 3, 'BOQH': 0,
                       'QHRCU': 4, 'CMB': 6, 'ALIPAY': 2}
BINS = {
    'ICBC': [('622202', 19), ('621226', 19), ('621558', 19)],
    'ABC': [('622848', 19), ('622845', 19), ('623052', 19)],
    'CCB': [('621700', 19), ('622700', 19), ('436742', 19)],
    'BOC': [('621661', 19), ('621660', 19), ('621785', 19)],
    'PSBC': [('621799', 19), ('622188', 19), ('621098', 19)],
    'BOQH': [('622817', 19), ('623165', 19)],
    'QHRCU': [('622967', 19), ('621593', 19)],
    'CMB': [('621483', 16), ('622588', 16), ('623126', 16)],
    'CIB': [('622909', 18), ('622908', 18)], 'SPDB': [('622521', 16), ('621792', 16)],
    'CITIC': [('622690', 16), ('621771', 16)], 'CEB': [('622660', 16)], 'HXB': [('622630', 16)],
    'PAB': [('622155', 16), ('623058', 19)], 'CMBC': [('622622', 16), ('621691', 16)],
    'GDB': [('622568', 16)], 'BOCOM': [('622262', 19), ('622260', 19)],
    'GSRCU': [('623065', 19)], 'HNRCU': [('623059', 19), ('622991', 19)],
}
CORP_PREFIX = {'ICBC': '2803', 'ABC': '2850', 'CCB': '6305', 'BOC': '1070', 'PSBC': '9630',
               'BOQH': '0101', 'QHRCU': '6300', 'CMB': '9710', 'CIB': '1170', 'SPDB': '6701',
               'CITIC': '8110', 'CEB': '3721', 'HXB': '1059', 'PAB': '1500', 'CMBC': '6904',
               'GDB': '1360', 'BOCOM': '6310', 'GSRCU': '6201', 'HNRCU': '4100'}
QH_BANK_W = [('QHRCU', 20), ('ABC', 18), ('ICBC', 14), ('CCB', 14), ('BOQH', 10), ('PSBC', 12),
             ('BOC', 6), ('CMB', 3), ('BOCOM', 2), ('CIB', 1)]
QH_RURAL_BANK_W = [('QHRCU', 40), ('ABC', 22), ('PSBC', 18), ('ICBC', 6), ('CCB', 6), ('BOQH', 6),
                   ('BOC', 2)]
EXT_BANK_W = [('ICBC', 14), ('ABC', 11), ('CCB', 12), ('BOC', 8), ('PSBC', 7), ('CMB', 8),
              ('CIB', 5), ('SPDB', 4), ('CITIC', 4), ('CEB', 3), ('HXB', 2), ('PAB', 4), ('CMBC', 4),
              ('GDB', 3), ('BOCOM', 6), ('TENPAY', 10), ('ALIPAY', 10)]
HOME_BANK_W = {'gansu': [('GSRCU', 30), ('ABC', 25), ('PSBC', 20), ('ICBC', 10), ('CCB', 10),
                         ('CMB', 2), ('TENPAY', 3)],
               'henan': [('HNRCU', 30), ('ABC', 22), ('PSBC', 22), ('ICBC', 10), ('CCB', 10),
                         ('CMB', 2), ('TENPAY', 4)]}
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return num.isdigit() and luhn_digit(num[:-1]) == num[-1]


def id_check(body17):
    s = sum(int(c) * w for c, w in zip(body17, ID_W))
    return '10X98765432'[s % 11]


def org_check(body8):
    s = sum(int(c, 36) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


def uscc_check(body17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W))
    c = 31 - s % 31
    return USCC_CH[0 if c == 31 else c]


def wchoice(rng, pairs):
    tot = 0
    for _, w in pairs:
        tot += w
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def ts_str(t):
    return datetime.fromtimestamp(t, TZ).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def money(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


def hour_of_day(rng, profile):
    """seconds after midnight for an event of the given profile"""
    if profile == 'day':
        h = rng.choice([8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 14, 15, 15, 16, 17, 18, 18, 19, 19, 20,
                        20, 21, 21, 22])
    elif profile == 'office':
        h = rng.choice([8, 9, 9, 10, 10, 11, 14, 15, 15, 16, 16, 17])
    elif profile == 'meal':
        h = rng.choice([7, 8, 11, 12, 12, 12, 13, 13, 17, 18, 18, 19, 19, 20, 21, 22])
    elif profile == 'night':
        h = rng.choice([22, 23, 23, 0, 0, 1, 1, 2, 3, 4])
    elif profile == 'batch':
        h = rng.choice([3, 4, 9, 10])
    else:  # 'any'
        h = rng.choice([0, 1, 2, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 20, 21,
                        21, 22, 22, 23, 23])
    return h * 3600 + rng.randrange(3600)


def lognorm(rng, median, sigma):
    return median * math.exp(rng.gauss(0.0, sigma))


def to_fen(rng, yuan, style):
    """round an amount in yuan the way people write it"""
    if yuan < 0.01:
        yuan = 0.01
    if style == 'cents':
        f = int(round(yuan * 100))
    elif style == 'yuan':
        f = int(round(yuan)) * 100
    elif style == 'ten':
        f = int(round(yuan / 10.0)) * 1000
    elif style == 'hundred':
        f = int(round(yuan / 100.0)) * 10000
    elif style == 'thousand':
        f = int(round(yuan / 1000.0)) * 100000
    else:  # 'mixed'
        r = rng.random()
        return to_fen(rng, yuan, 'cents' if r < 0.25 else 'yuan' if r < 0.6 else 'ten' if r < 0.8
                      else 'hundred')
    if f <= 0:
        f = {'cents': 1, 'yuan': 100, 'ten': 1000, 'hundred': 10000, 'thousand': 100000}[style]
    return f


# ---------------------------------------------------------------- variants
VARIANTS = {
    'baseline': dict(
        start=(2024, 7, 15), desc='wolfberry harvest, July-August',
        farms=46, pickers_per_farm=(18, 60), picker_new_local_p=0.30, buyers=28, sellers=70,
        homestays=110, guides=70, tourist_groups=2600, tourism_local_p=0.25,
        herder_subsidy=True, cordyceps=True, gangs=10, farmers=(6, 12),
        mule_mix=[('fresh', 34), ('weeks', 24), ('rented_old', 14), ('sold_old', 10),
                  ('farmer', 18)],
        l1_dur=(0.8, 4.0), l1_delay_min=(1.0, 45.0), l2_sweep_min=(10.0, 90.0),
        victims=800, victim_repeat=1.5, paofen_per_gang=(2, 6), ushang=14, report_p=0.55,
        lent_return_p=0.35, shop_scale=1.0, l1_qh=0.6, l1_step=(0.35, 0.7), l2_dur=(3.0, 10.0)),
    'V2': dict(
        start=(2024, 10, 8), desc='autumn, old accounts rented or sold, slow layering',
        farms=16, pickers_per_farm=(10, 35), picker_new_local_p=0.20, buyers=22, sellers=60,
        homestays=90, guides=40, tourist_groups=900, tourism_local_p=0.30,
        herder_subsidy=True, cordyceps=False, gangs=14, farmers=(6, 10),
        mule_mix=[('fresh', 8), ('weeks', 10), ('rented_old', 46), ('sold_old', 26),
                  ('farmer', 10)],
        l1_dur=(3.0, 12.0), l1_delay_min=(90.0, 2880.0), l2_sweep_min=(240.0, 1800.0),
        victims=640, victim_repeat=3.4, paofen_per_gang=(1, 4), ushang=12, report_p=0.6,
        lent_return_p=0.45, shop_scale=1.25, l1_qh=0.75, l1_step=(0.15, 0.35), l2_dur=(6.0, 20.0)),
    'V3': dict(
        start=(2024, 7, 1), desc='Qinghai Lake summer tourist peak',
        farms=22, pickers_per_farm=(12, 40), picker_new_local_p=0.25, buyers=20, sellers=55,
        homestays=300, guides=210, tourist_groups=9000, tourism_local_p=0.2,
        herder_subsidy=True, cordyceps=True, gangs=10, farmers=(6, 12),
        mule_mix=[('fresh', 32), ('weeks', 24), ('rented_old', 16), ('sold_old', 10),
                  ('farmer', 18)],
        l1_dur=(0.8, 4.0), l1_delay_min=(1.0, 45.0), l2_sweep_min=(10.0, 90.0),
        victims=780, victim_repeat=1.6, paofen_per_gang=(2, 6), ushang=14, report_p=0.55,
        lent_return_p=0.35, shop_scale=0.8, l1_qh=0.6, l1_step=(0.35, 0.7), l2_dur=(3.0, 10.0)),
}

TYPOLOGY = {
    # id: (median yuan of one payment, sigma, escalation, mean extra payments, hours profile)
    'brushing': (900, 1.0, 2.2, 2.5, 'any'), 'ecommerce_cs': (9000, 0.9, 1.3, 0.8, 'day'),
    'investment': (40000, 1.0, 1.6, 2.5, 'day'), 'loan_card': (2500, 0.8, 1.6, 1.5, 'day'),
    'credit_record': (18000, 0.8, 1.2, 0.7, 'day'), 'shopping_service': (700, 0.9, 1.0, 0.4, 'any'),
    'police_gov': (80000, 0.9, 1.2, 1.6, 'office'), 'leader_acquaintance': (20000, 0.8, 1.0, 0.5,
                                                                            'office'),
    'game_trade': (1200, 0.9, 1.5, 0.8, 'any'), 'romance': (30000, 1.0, 1.8, 2.5, 'any'),
    'military_purchase': (30000, 0.8, 1.3, 0.8, 'day'), 'prize': (3000, 0.8, 1.4, 0.8, 'day'),
    'parcel': (50000, 0.9, 1.2, 0.8, 'office'), 'subsidy_refund': (6000, 0.7, 1.2, 0.6, 'day'),
    'accident_kidnap': (20000, 0.7, 1.0, 0.3, 'day'), 'phone_bill': (30000, 0.9, 1.2, 0.7,
                                                                     'office'),
    'fake_job': (600, 0.7, 1.3, 0.8, 'day'), 'net_black': (5000, 1.0, 1.3, 0.8, 'any'),
}
TYPO_BY_GROUP = {
    'elderly': [('police_gov', 30), ('accident_kidnap', 12), ('subsidy_refund', 14),
                ('investment', 10), ('prize', 10), ('parcel', 8), ('phone_bill', 8),
                ('romance', 3), ('shopping_service', 5)],
    'student': [('brushing', 30), ('game_trade', 18), ('credit_record', 10), ('loan_card', 10),
                ('fake_job', 12), ('shopping_service', 12), ('ecommerce_cs', 8)],
    'adult': [('brushing', 14), ('ecommerce_cs', 14), ('investment', 14), ('loan_card', 11),
              ('romance', 8), ('leader_acquaintance', 9), ('police_gov', 8),
              ('shopping_service', 6), ('credit_record', 5), ('military_purchase', 3),
              ('net_black', 3), ('parcel', 2), ('game_trade', 3)],
    'herder': [('prize', 20), ('leader_acquaintance', 20), ('police_gov', 15), ('loan_card', 15),
               ('shopping_service', 15), ('investment', 15)],
    'business': [('military_purchase', 25), ('leader_acquaintance', 25), ('investment', 20),
                 ('ecommerce_cs', 15), ('loan_card', 15)],
}
VICTIM_MEMO = {'investment': ['投资款', '充值', ''], 'loan_card': ['保证金', '解冻费', '手续费', ''],
               'brushing': ['', '任务', '垫付'], 'credit_record': ['还款', ''],
               'police_gov': ['', '', '资金清查'], 'military_purchase': ['货款', '垫付款'],
               'romance': ['', '充值'], 'prize': ['手续费', '个税'],
               'subsidy_refund': ['', '手续费'], 'ecommerce_cs': ['', '备用金', '退款'],
               'fake_job': ['培训费', '服装费'], 'game_trade': ['', '保证金']}


class Acc(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer',
                 'has_row', 'status', 'base', 'block', 'corp', 'person')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch, corp, person):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = role
        self.arch = arch
        self.farmer = 0
        sup, scope = BANKS[bank]
        self.has_row = bool(sup and (scope == 'ALL' or region.startswith('63')))
        self.status = 'active'
        self.base = None
        self.block = None
        self.corp = corp
        self.person = person


class Person(object):
    __slots__ = ('hid', 'region', 'city', 'prov', 'birth', 'arche', 'accts', 'primary', 'wallet',
                 'group', 'shops', 'kin', 'home_region')

    def __init__(self, hid, region, city, prov, birth, arche, group):
        self.hid = hid
        self.region = region
        self.city = city
        self.prov = prov
        self.birth = birth
        self.arche = arche
        self.group = group
        self.accts = []
        self.primary = None
        self.wallet = None
        self.shops = None
        self.kin = []
        self.home_region = region


class Mule(object):
    __slots__ = ('acc', 'gang', 'layer', 'a', 'b', 'bal', 'pending', 'rep', 'thresh', 'cash_region',
                 'daily', 'received', 'kept')

    def __init__(self, acc, gang, layer, a, b):
        self.acc = acc
        self.gang = gang
        self.layer = layer
        self.a = a
        self.b = b
        self.bal = 0
        self.pending = False
        self.rep = False
        self.thresh = 0
        self.cash_region = acc.region
        self.daily = {}
        self.received = 0
        self.kept = 0


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.cfg = VARIANTS[variant]
        self.rng = random.Random('qinghai35:%s:%d' % (variant, seed))
        y, m, d = self.cfg['start']
        self.W = int(datetime(y, m, d, tzinfo=TZ).timestamp())
        self.NDAYS = 30
        self.END = self.W + self.NDAYS * DAY
        self.extract = {b: self.W + off * DAY for b, off in EXTRACT_OFFSET_DAYS.items()}
        self.accts = {}
        self.holders = set()
        self.ids_used = set()
        self.persons = []
        self.ev = []          # (t, from, to, fen, channel, region, kind, memo, fkind, cross)
        self.shops_by_city = {}
        self.corps = {}       # tag -> list of Acc
        self.ext_pool = {}    # province -> list of external person accounts (reused counterparties)
        self.farmer_holders = []   # (hid, labelled)
        self.labelled_accts = set()
        self.labelled_holders = set()
        self.fraud_txn_label = set()   # indexes into ev of reported victim payments

    # ------------------------------------------------------------ identities and accounts
    def person_id(self, region, birth_year):
        rng = self.rng
        while True:
            bd = datetime(birth_year, 1, 1) + timedelta(days=rng.randrange(365))
            body = region + bd.strftime('%Y%m%d') + '%03d' % rng.randrange(1, 1000)
            hid = body + id_check(body)
            if hid not in self.holders:
                self.holders.add(hid)
                return hid

    def corp_id(self, region):
        rng = self.rng
        while True:
            org = ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(8))
            org = org + org_check(org)
            body = '91' + region + org
            hid = body + uscc_check(body)
            if hid not in self.holders:
                self.holders.add(hid)
                return hid

    def acct_number(self, bank, corp):
        rng = self.rng
        while True:
            if bank == 'ALIPAY':
                n = '2088' + ''.join(str(rng.randrange(10)) for _ in range(12))
            elif bank == 'TENPAY':
                n = '1' + ''.join(str(rng.randrange(10)) for _ in range(15))
            elif corp:
                n = CORP_PREFIX[bank] + ''.join(str(rng.randrange(10))
                                                for _ in range(rng.choice([13, 14, 15])))
            else:
                pre, ln = rng.choice(BINS[bank])
                body = pre + ''.join(str(rng.randrange(10)) for _ in range(ln - 7))
                n = body + luhn_digit(body)
            if n not in self.ids_used:
                self.ids_used.add(n)
                return n

    def add_acct(self, holder, bank, opened, region, cls='I', role='lawful', arch='', corp=False,
                 person=None):
        opened = int(opened)
        day0 = opened - (opened - self.W) % DAY
        if corp or (cls == 'I' and bank not in ('ALIPAY', 'TENPAY')):
            snapped = day0 + 9 * HOUR + self.rng.randrange(8 * HOUR)      # at the counter
        else:
            snapped = day0 + 7 * HOUR + self.rng.randrange(16 * HOUR)     # in an app
        if snapped > opened:
            snapped -= DAY
        opened = snapped
        a = Acc(self.acct_number(bank, corp), bank, holder, int(opened), region,
                'corp' if corp else cls, role, arch, corp, person)
        self.accts[a.id] = a
        if person is not None:
            person.accts.append(a)
        return a

    def old_open(self, birth_year, min_days=60, max_years=18):
        rng = self.rng
        earliest = int(datetime(max(birth_year + 16, 2000), 1, 1, tzinfo=TZ).timestamp())
        latest = self.W - min_days * DAY
        if earliest >= latest:
            earliest = latest - 30 * DAY
        lo = max(earliest, self.W - max_years * 365 * DAY)
        if lo >= latest:
            lo = latest - 30 * DAY
        return rng.randrange(lo, latest)

    def region_of(self, key):
        if key in QH:
            return self.rng.choice(QH[key])
        return self.rng.choice(OTHER[key])

    def make_person(self, city, arche, group, ages, bank_w, extra_p=0.2, wallet_p=0.3,
                    recent_p=0.04, prov=None):
        rng = self.rng
        region = self.region_of(prov if prov else city)
        birth = self.cfg['start'][0] - rng.randint(ages[0], ages[1])
        p = Person(self.person_id(region, birth), region, city, prov or 'qinghai', birth, arche,
                   group)
        bank = wchoice(rng, bank_w)
        r = rng.random()
        if r < recent_p * 0.35:
            opened = self.W + rng.randrange(0, 20 * DAY)       # opened inside the window
        elif r < recent_p:
            opened = self.W - rng.randrange(3 * DAY, 120 * DAY)
        else:
            opened = self.old_open(birth)
        p.primary = self.add_acct(p.hid, bank, opened, region, 'I', 'lawful', arche, person=p)
        if rng.random() < extra_p:
            b2 = wchoice(rng, bank_w)
            if b2 != bank:
                self.add_acct(p.hid, b2, self.old_open(birth, 30), region,
                              rng.choice(['I', 'II']), 'lawful', arche, person=p)
        if rng.random() < wallet_p:
            wb = 'ALIPAY' if rng.random() < 0.55 else 'TENPAY'
            p.wallet = self.add_acct(p.hid, wb, self.old_open(max(birth, 1995), 20, 10), region,
                                     rng.choice(['I', 'II', 'II', 'III']), 'lawful', arche,
                                     person=p)
        self.persons.append(p)
        return p

    def make_corp(self, tag, city, arch, bank_w=None, opened_years=(2, 20), region=None):
        rng = self.rng
        region = region or self.region_of(city)
        hid = self.corp_id(region)
        bank = wchoice(rng, bank_w or QH_BANK_W)
        opened = self.W - rng.randrange(opened_years[0] * 365 * DAY, opened_years[1] * 365 * DAY)
        a = self.add_acct(hid, bank, opened, region, 'corp', 'lawful', arch, corp=True)
        a.base = int(lognorm(rng, 800000, 0.8) * 100)
        self.corps.setdefault(tag, []).append(a)
        return a

    def ext_person(self, prov, bank=None, reuse=0.0, arch='external_person'):
        """an account of a person outside Qinghai (mostly no row)"""
        rng = self.rng
        pool = self.ext_pool.setdefault(prov, [])
        if pool and rng.random() < reuse:
            return rng.choice(pool)
        region = self.region_of(prov)
        birth = self.cfg['start'][0] - rng.randint(20, 70)
        hid = self.person_id(region, birth)
        b = bank or wchoice(rng, EXT_BANK_W)
        a = self.add_acct(hid, b, self.old_open(birth), region, 'I', 'lawful', arch)
        pool.append(a)
        return a

    # ------------------------------------------------------------ events
    def emit(self, t, frm, to, fen, channel='mobile', region=None, kind='transfer', memo='',
             fk=None, cross=False):
        if fen <= 0:
            return None
        if region is None:
            src = frm if frm is not None else to
            region = src.region
        self.ev.append((int(t), frm.id if frm is not None else '', to.id if to is not None else '',
                        int(fen), channel, region, kind, memo, fk, cross))
        return len(self.ev) - 1

    def day_time(self, d, profile):
        return self.W + d * DAY + hour_of_day(self.rng, profile)

    # ------------------------------------------------------------ population
    def days_with_dom(self, dom):
        out = []
        for d in range(self.NDAYS):
            if datetime.fromtimestamp(self.W + d * DAY + 43200, TZ).day == dom:
                out.append(d)
        return out

    def pick_city(self, pairs):
        return wchoice(self.rng, pairs)

    def build_population(self):
        rng = self.rng
        cfg = self.cfg
        # --- companies
        self.employers = []
        emp_specs = [('golmud', 'potash_works', 330, 7800), ('golmud', 'potash_works', 240, 7200),
                     ('delingha', 'soda_ash_works', 180, 7000), ('mangya', 'saltlake_chem', 110, 8200),
                     ('ulan', 'saltlake_chem', 70, 6500), ('dulan', 'mine', 50, 7000),
                     ('xining', 'railway', 280, 8500), ('golmud', 'railway', 220, 9000),
                     ('delingha', 'railway', 70, 8200)]
        for city, n in [('xining', 220), ('haidong', 90), ('golmud', 60), ('gonghe', 55),
                        ('huangnan', 45), ('yushu', 55), ('dulan', 30), ('delingha', 40),
                        ('haibei', 30)]:
            emp_specs.append((city, 'civil_service', n, 6800))
        emp_specs += [('xining', 'hospital_school', 160, 7000), ('haidong', 'hospital_school', 60, 6200)]
        for _ in range(10):
            emp_specs.append(('xining', 'private_company', rng.randint(12, 40), 5200))
        for _ in range(3):
            emp_specs.append(('golmud', 'private_company', rng.randint(10, 30), 5600))
        for city, arch, n, med in emp_specs:
            c = self.make_corp('employer', city, 'employer_' + arch)
            payday = rng.choice([5, 8, 10, 10, 12, 15, 15, 20, 25, 28])
            self.employers.append([c, city, arch, n, med, payday, rng.random() < 0.3, []])
        small = ['mangya', 'tianjun', 'guoluo', 'ulan']
        for city in QH:
            for _ in range(2 if city in small else 6):
                self.make_corp('supplier_' + city, city, 'wholesale_supplier')
        for city, n in [('golmud', 4), ('xining', 4), ('delingha', 2), ('dulan', 2), ('ulan', 1),
                        ('gonghe', 2), ('yushu', 1), ('haidong', 2), ('huangnan', 1),
                        ('mangya', 1)]:
            for _ in range(n):
                self.make_corp('fuel', city, 'fuel_station')
        for city, n in [('golmud', 6), ('xining', 6), ('delingha', 2)]:
            for _ in range(n):
                self.make_corp('logistics', city, 'logistics_company')
        for prov in ['xinjiang', 'tibet', 'gansu', 'sichuan', 'shaanxi', 'henan', 'guangdong']:
            for _ in range(2):
                self.make_corp('ext_shipper', prov, 'external_shipper', EXT_BANK_W[:15],
                               region=self.region_of(prov))
        for city, n in [('xining', 4), ('golmud', 2), ('haidong', 1)]:
            for _ in range(n):
                self.make_corp('car_dealer', city, 'car_dealer')
        for city, n in [('xining', 4), ('haidong', 1), ('golmud', 1)]:
            for _ in range(n):
                self.make_corp('developer', city, 'property_developer')
        self.pension_payer = {}
        for key, cities in [('xining', ['xining']), ('haidong', ['haidong']),
                            ('haixi', ['golmud', 'delingha', 'mangya', 'ulan', 'dulan', 'tianjun']),
                            ('hainan', ['gonghe', 'hainan_other']), ('huangnan', ['huangnan']),
                            ('yushu', ['yushu']), ('haibei', ['haibei']), ('guoluo', ['guoluo'])]:
            c = self.make_corp('pension', cities[0], 'social_security_fund')
            c.base = 10 ** 12
            for ct in cities:
                self.pension_payer[ct] = c
        self.finance_bureau = {}
        for city in ['huangnan', 'yushu', 'hainan_other', 'gonghe', 'haibei', 'guoluo', 'tianjun']:
            for code in QH[city]:
                c = self.make_corp('finance', city, 'county_finance_bureau', region=code)
                c.base = 10 ** 12
                self.finance_bureau[code] = c
        for city, n in [('dulan', 3), ('delingha', 2), ('golmud', 1), ('xining', 3), ('ulan', 1)]:
            for _ in range(n):
                self.make_corp('berry_corp', city, 'wolfberry_cooperative')
        for prov in ['ningxia', 'ningxia', 'zhejiang', 'guangdong', 'gansu', 'shandong']:
            self.make_corp('berry_ext', prov, 'external_wolfberry_wholesaler', EXT_BANK_W[:15],
                           region=self.region_of(prov))
        for city, n in [('xining', 6), ('gonghe', 3), ('haibei', 1)]:
            for _ in range(n):
                self.make_corp('tour_agency', city, 'tour_agency')
        for _ in range(3):
            self.make_corp('car_rental', 'xining', 'car_rental')
        for tag, arch in [('utility', 'state_grid'), ('utility', 'telecom_operator'),
                          ('utility', 'water_gas')]:
            self.make_corp(tag, 'xining', arch)
        for city in ['xining', 'xining', 'golmud', 'dulan', 'delingha']:
            self.make_corp('express', city, 'express_company')
        for _ in range(3):
            self.make_corp('platform', 'zhejiang', 'ecommerce_platform_settlement',
                           [('ICBC', 1), ('CCB', 1), ('CIB', 1)], region=self.region_of('zhejiang'))
        for _ in range(4):
            self.make_corp('ext_supplier', 'gansu', 'external_supplier', EXT_BANK_W[:15],
                           region=self.region_of(rng.choice(['gansu', 'sichuan', 'shaanxi'])))
        # --- shops on personal accounts (and some registered ones)
        shop_n = {'xining': 180, 'haidong': 50, 'golmud': 70, 'delingha': 30, 'dulan': 25,
                  'ulan': 15, 'mangya': 8, 'tianjun': 6, 'gonghe': 35, 'hainan_other': 20,
                  'haibei': 20, 'huangnan': 25, 'yushu': 30, 'guoluo': 10}
        self.shop_owners = []
        for city, n in shop_n.items():
            for _ in range(n):
                p = self.make_person(city, 'shop_owner', 'business', (25, 62), QH_BANK_W, 0.35,
                                     0.45, 0.05)
                if rng.random() < 0.25:
                    acc = self.make_corp('shop_corp', city, 'shop_registered', region=p.region)
                else:
                    acc = p.primary
                    acc.arch = rng.choice(['restaurant_personal', 'noodle_shop_personal',
                                           'grocery_personal', 'clothing_personal',
                                           'repair_shop_personal', 'pharmacy_personal'])
                self.shops_by_city.setdefault(city, []).append(acc)
                self.shop_owners.append((p, acc))
        # --- employees
        for e in self.employers:
            c, city, arch, n, med, payday, bonus, staff = e
            paybank = wchoice(rng, QH_BANK_W[:7])
            for _ in range(n):
                bw = [(paybank, 70)] + QH_BANK_W if rng.random() < 0.7 else QH_BANK_W
                p = self.make_person(city, arch + '_employee', 'adult', (21, 59), bw, 0.3, 0.4,
                                     0.035)
                staff.append((p, int(lognorm(rng, med, 0.25) * 100)))
        # new hires who opened several accounts within days (not card farmers)
        movers = rng.sample([p for e in self.employers for p, _ in e[7]], 45)
        for p in movers:
            t0 = self.W - rng.randrange(-12 * DAY, 40 * DAY)
            t0 = t0 - (t0 - self.W) % DAY + 9 * HOUR + rng.randrange(8 * HOUR)
            p.primary.opened = t0
            for b in rng.sample(['QHRCU', 'ICBC', 'CCB', 'ALIPAY', 'BOQH', 'PSBC'], rng.randint(2, 3)):
                a = self.add_acct(p.hid, b, t0 + rng.randrange(0, 6 * DAY), p.region,
                                  rng.choice(['I', 'II']), 'lawful', 'new_hire_multi_bank', person=p)
                if b == 'ALIPAY':
                    p.wallet = a
        city_w = [('xining', 45), ('haidong', 20), ('golmud', 8), ('delingha', 3), ('gonghe', 5),
                  ('huangnan', 5), ('yushu', 5), ('haibei', 4), ('hainan_other', 3), ('dulan', 2)]
        self.elderly = [self.make_person(self.pick_city(city_w), 'elderly_pensioner', 'elderly',
                                         (62, 88), [('PSBC', 25), ('QHRCU', 25), ('ABC', 20),
                                                    ('ICBC', 10), ('CCB', 10), ('BOQH', 10)],
                                         0.25, 0.08, 0.01) for _ in range(1100)]
        self.students = [self.make_person(self.pick_city([('xining', 60), ('haidong', 15),
                                                          ('golmud', 10), ('gonghe', 5),
                                                          ('huangnan', 5), ('yushu', 5)]),
                                          'student', 'student', (18, 23), QH_BANK_W, 0.3, 0.75,
                                          0.12 if self.variant != 'V2' else 0.2)
                         for _ in range(650)]
        self.drivers = [self.make_person(self.pick_city([('golmud', 40), ('xining', 25),
                                                         ('delingha', 10), ('haidong', 15),
                                                         ('dulan', 5), ('ulan', 5)]),
                                         'truck_driver', 'adult', (24, 56), QH_BANK_W, 0.45, 0.5,
                                         0.03) for _ in range(550)]
        self.herders = [self.make_person(self.pick_city([('huangnan', 25), ('yushu', 30),
                                                         ('hainan_other', 15), ('gonghe', 10),
                                                         ('haibei', 12), ('guoluo', 8)]),
                                         'herder', 'herder', (20, 72), QH_RURAL_BANK_W, 0.15, 0.12,
                                         0.02) for _ in range(1200)]
        self.traders = [self.make_person(self.pick_city([('yushu', 15), ('xining', 15),
                                                         ('guoluo', 5)]),
                                         'cordyceps_trader', 'business', (28, 60), QH_BANK_W, 0.8,
                                         0.5, 0.02) for _ in range(35)]
        self.monasteries = [self.make_person(self.pick_city([('huangnan', 6), ('yushu', 8),
                                                             ('haidong', 4), ('xining', 3),
                                                             ('hainan_other', 4)]),
                                             'monastery_account', 'business', (30, 70), QH_BANK_W,
                                             0.2, 0.3, 0.0) for _ in range(25)]
        self.landlords = [self.make_person(self.pick_city([('xining', 60), ('golmud', 20),
                                                           ('haidong', 10), ('delingha', 10)]),
                                           'landlord', 'adult', (38, 72), QH_BANK_W, 0.4, 0.3,
                                           0.01) for _ in range(220)]
        # --- wolfberry
        self.farms = []
        for _ in range(cfg['farms']):
            city = self.pick_city([('dulan', 40), ('delingha', 25), ('golmud', 15), ('ulan', 20)])
            owner = self.make_person(city, 'wolfberry_farm_owner', 'business', (30, 62), QH_BANK_W,
                                     0.85, 0.5, 0.02)
            farm_code = owner.region
            pickers = []
            n = rng.randint(*cfg['pickers_per_farm'])
            for _ in range(n):
                r = rng.random()
                prov = 'gansu' if r < 0.55 else 'henan' if r < 0.8 else None
                if prov:
                    pk = self.make_person(city, 'seasonal_picker', 'adult', (18, 64),
                                          HOME_BANK_W[prov], 0.1, 0.25, 0.0, prov=prov)
                    if rng.random() < cfg['picker_new_local_p']:
                        b = rng.choice(['QHRCU', 'QHRCU', 'ABC', 'PSBC'])
                        la = self.add_acct(pk.hid, b, self.W - rng.randrange(-8 * DAY, 20 * DAY),
                                           farm_code, 'II', 'lawful', 'picker_local_new_card',
                                           person=pk)
                        pk.primary = la
                else:
                    pk = self.make_person('haidong', 'seasonal_picker_local', 'adult', (18, 64),
                                          QH_RURAL_BANK_W, 0.1, 0.2, 0.02)
                pickers.append(pk)
            leader = None
            if rng.random() < 0.25 and len(pickers) > 10:
                leader = pickers[0]
                leader.arche = 'picker_crew_leader'
            self.farms.append((owner, city, pickers, leader))
        self.berry_buyers = [self.make_person(self.pick_city([('xining', 40), ('dulan', 30),
                                                              ('delingha', 15), ('golmud', 15)]),
                                              'wolfberry_buyer', 'business', (28, 60), QH_BANK_W,
                                              0.7, 0.5, 0.03) for _ in range(cfg['buyers'])]
        self.sellers = [self.make_person(self.pick_city([('xining', 50), ('dulan', 20),
                                                         ('delingha', 15), ('haidong', 15)]),
                                         'ecommerce_seller', 'business', (20, 50), QH_BANK_W, 0.5,
                                         0.9, 0.15) for _ in range(cfg['sellers'])]
        # --- tourism
        self.homestays = [self.make_person(self.pick_city([('gonghe', 55), ('haibei', 25),
                                                           ('ulan', 10), ('xining', 10)]),
                                           'homestay_owner', 'business', (25, 60), QH_BANK_W,
                                           0.4, 0.7, 0.06) for _ in range(cfg['homestays'])]
        self.guides = [self.make_person(self.pick_city([('xining', 60), ('gonghe', 25),
                                                        ('golmud', 5), ('ulan', 10)]),
                                        'tour_guide', 'adult', (21, 50), QH_BANK_W, 0.4, 0.8, 0.08)
                       for _ in range(cfg['guides'])]
        # --- kin links (for family transfers); students' parents, employees' parents
        adults = [p for e in self.employers for p, _ in e[7]] + self.drivers + self.shop_owners_p()
        for s in self.students:
            if rng.random() < 0.6:
                s.kin.append(('parent', rng.choice(adults)))
        for p in adults:
            if rng.random() < 0.35:
                p.kin.append(('parent', rng.choice(self.elderly)))
        for p in self.elderly:
            if rng.random() < 0.3:
                p.kin.append(('grandchild', rng.choice(self.students)))
        # shops each person frequents
        for p in self.persons:
            c = p.city if p.city in self.shops_by_city else 'xining'
            pool = self.shops_by_city[c]
            k = min(len(pool), rng.randint(3, 7))
            p.shops = rng.sample(pool, k)
            if c != 'xining' and rng.random() < 0.3:
                p.shops.append(rng.choice(self.shops_by_city['xining']))

    def shop_owners_p(self):
        return [p for p, _ in self.shop_owners]

    # ------------------------------------------------------------ lawful activity
    def payer_acct(self, p):
        if p.wallet is not None and self.rng.random() < 0.55:
            return p.wallet
        return p.primary

    def poisson(self, lam):
        rng = self.rng
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k = 0
        prod = rng.random()
        while prod > L:
            k += 1
            prod *= rng.random()
        return k

    def gen_lawful(self):
        rng = self.rng
        cfg = self.cfg
        N = self.NDAYS
        # payroll
        for c, city, arch, n, med, payday, bonus, staff in self.employers:
            for d in self.days_with_dom(payday):
                t0 = self.W + d * DAY + rng.choice([9, 10, 11, 14, 15]) * HOUR + rng.randrange(1800)
                for i, (p, sal) in enumerate(staff):
                    f = int(sal * rng.uniform(0.93, 1.08))
                    self.emit(t0 + i // 3, c, p.primary, f, 'other', c.region, memo='工资')
            if bonus:
                for d in self.days_with_dom(rng.choice([18, 20, 22])):
                    t0 = self.W + d * DAY + 10 * HOUR + rng.randrange(3600)
                    for i, (p, sal) in enumerate(staff):
                        if rng.random() < 0.6:
                            self.emit(t0 + i, c, p.primary, to_fen(rng, sal / 100 * rng.uniform(
                                0.1, 0.6), 'ten'), 'other', c.region, memo='绩效')
        # pensions
        pdom = 8 if self.variant != 'V3' else 6
        by_payer = {}
        for p in self.elderly:
            by_payer.setdefault(self.pension_payer[p.city].id, []).append(p)
        for pid, lst in by_payer.items():
            c = self.accts[pid]
            for d in self.days_with_dom(pdom):
                t0 = self.W + d * DAY + 3 * HOUR + rng.randrange(3600)
                for i, p in enumerate(lst):
                    self.emit(t0 + i, c, p.primary, int(lognorm(rng, 3300, 0.35) * 100), 'other',
                              c.region, memo='养老金')
        lam = {'student': 14, 'elderly': 5, 'herder': 3, 'business': 7, 'adult': 13}
        atm_lam = {'student': 0.6, 'elderly': 2.2, 'herder': 2.0, 'business': 1.5, 'adult': 1.0}
        utils = self.corps['utility']
        for p in self.persons:
            if p.shops is None:
                continue
            k = self.poisson(lam[p.group] * cfg['shop_scale'] * (0.4 if p.arche.startswith(
                'seasonal') else 1.0))
            for _ in range(k):
                d = rng.randrange(N)
                t = self.day_time(d, 'meal')
                shop = rng.choice(p.shops)
                big = rng.random() < 0.04
                y = lognorm(rng, 1800, 0.7) if big else lognorm(rng, 42, 0.85)
                f = to_fen(rng, y, 'cents' if rng.random() < 0.5 else 'yuan')
                src = self.payer_acct(p)
                self.emit(t, src, shop, f, 'pos' if rng.random() < 0.15 else 'mobile', shop.region)
                if rng.random() < 0.04:      # back to the same shop later that day
                    self.emit(t + rng.randrange(600, 5 * HOUR), src, shop,
                              to_fen(rng, lognorm(rng, 35, 0.8), 'yuan'), 'mobile', shop.region)
            for _ in range(self.poisson(atm_lam[p.group])):
                d = rng.randrange(N)
                ch = 'counter' if (p.group == 'elderly' and rng.random() < 0.5) else 'atm'
                y = rng.choice([200, 300, 500, 500, 1000, 1000, 2000, 3000]) if ch == 'atm' else \
                    rng.choice([1000, 2000, 3000, 5000])
                self.emit(self.day_time(d, 'day'), p.primary, None, y * 100, ch, p.primary.region,
                          'withdrawal')
            if rng.random() < 0.35:
                u = rng.choice(utils)
                self.emit(self.day_time(rng.randrange(N), 'day'), self.payer_acct(p), u,
                          to_fen(rng, lognorm(rng, 120, 0.6), 'cents'), 'mobile', p.region,
                          memo=rng.choice(['电费', '话费', '水费', '']))
            if p.wallet is not None and p.wallet is not p.primary:
                for _ in range(rng.randint(1, 3)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), p.primary, p.wallet,
                              to_fen(rng, lognorm(rng, 600, 0.8), 'hundred'), 'mobile', p.region,
                              memo='充值')
            others = [a for a in p.accts if a is not p.primary and a is not p.wallet]
            for a in others:
                for _ in range(self.poisson(1.2)):
                    s, r = (p.primary, a) if rng.random() < 0.5 else (a, p.primary)
                    self.emit(self.day_time(rng.randrange(N), 'day'), s, r,
                              to_fen(rng, lognorm(rng, 2500, 1.0), 'hundred'), 'mobile', p.region)
            for rel, q in p.kin:
                if rel == 'parent':
                    if p.group == 'student':
                        for _ in range(rng.randint(1, 2)):
                            self.emit(self.day_time(rng.randrange(N), 'day'), q.primary, p.primary,
                                      to_fen(rng, lognorm(rng, 1200, 0.5), 'hundred'), 'mobile',
                                      q.region, memo='生活费')
                    elif rng.random() < 0.6:
                        self.emit(self.day_time(rng.randrange(N), 'day'), self.payer_acct(p),
                                  q.primary, to_fen(rng, lognorm(rng, 800, 0.6), 'hundred'),
                                  'mobile', p.region)
                elif rel == 'grandchild' and rng.random() < 0.5:
                    self.emit(self.day_time(rng.randrange(N), 'day'), p.primary, q.primary,
                              to_fen(rng, lognorm(rng, 500, 0.5), 'hundred'), 'mobile', p.region)
        # friends and relatives nearby: red packets, shared bills, small loans paid back
        by_city = {}
        for p in self.persons:
            if p.group != 'business' and p.prov == 'qinghai':
                by_city.setdefault(p.city, []).append(p)
        for c, lst in by_city.items():
            for p in lst:
                for _ in range(self.poisson(1.3)):
                    q = rng.choice(lst)
                    if q is p:
                        continue
                    r = rng.random()
                    if r < 0.35:
                        f = rng.choice([66, 88, 100, 168, 188, 200, 520, 666, 888]) * 100
                        memo = '红包'
                    elif r < 0.7:
                        f = to_fen(rng, lognorm(rng, 90, 0.7), 'cents')
                        memo = rng.choice(['AA', '饭钱', ''])
                    else:
                        f = to_fen(rng, lognorm(rng, 2000, 0.9), 'hundred')
                        memo = rng.choice(['还款', '借款', ''])
                    t = self.day_time(rng.randrange(N), 'day')
                    self.emit(t, self.payer_acct(p), self.payer_acct(q), f, 'mobile', p.region,
                              memo=memo)
                    if memo == '借款' and rng.random() < 0.4:
                        self.emit(t + rng.randrange(DAY, 12 * DAY), q.primary, p.primary, f,
                                  'mobile', q.region, memo='还款')
        # students without Qinghai parents: external parents
        for s in self.students:
            if not s.kin and rng.random() < 0.7:
                par = self.ext_person(rng.choice(['gansu', 'henan', 'sichuan', 'shaanxi']), reuse=0.0)
                for _ in range(rng.randint(1, 3)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), par, s.primary,
                              to_fen(rng, lognorm(rng, 1000, 0.5), 'hundred'), 'mobile', par.region)
        self.gen_landlords()
        self.gen_shops_b2b()
        self.gen_drivers()
        self.gen_wolfberry()
        self.gen_herders()
        self.gen_tourism()
        self.gen_big_payments()

    def gen_landlords(self):
        rng = self.rng
        pool = {}
        for p in self.persons:
            if p.group in ('adult', 'student') and p.arche != 'landlord':
                pool.setdefault(p.city, []).append(p)
        for L in self.landlords:
            cand = pool.get(L.city) or pool['xining']
            dom = rng.randint(1, 5)
            for ten in rng.sample(cand, min(len(cand), rng.randint(2, 8))):
                rent = rng.choice([700, 800, 900, 1000, 1200, 1500, 1800, 2200, 2600]) * 100
                days = self.days_with_dom(dom) or [rng.randrange(self.NDAYS)]
                for d in days:
                    d2 = min(self.NDAYS - 1, d + rng.choice([0, 0, 0, 1, 2, 3]))
                    t = self.day_time(d2, 'day')
                    src = self.payer_acct(ten)
                    if rng.random() < 0.1:    # new tenant: deposit then first rent, same day
                        self.emit(t, src, L.primary, rent, 'mobile', L.region, memo='押金')
                        self.emit(t + rng.randrange(60, 3 * HOUR), src, L.primary, rent, 'mobile',
                                  L.region, memo='房租')
                    else:
                        self.emit(t, src, L.primary, rent, 'mobile', L.region,
                                  memo=rng.choice(['房租', '', '']))
            if rng.random() < 0.5:
                self.emit(self.day_time(rng.randrange(self.NDAYS), 'day'), L.primary,
                          rng.choice(self.corps['utility']), to_fen(rng, lognorm(rng, 600, 0.5),
                                                                    'cents'), 'mobile', L.region)

    def gen_shops_b2b(self):
        rng = self.rng
        N = self.NDAYS
        for p, acc in self.shop_owners:
            sup = self.corps.get('supplier_' + p.city) or self.corps['supplier_xining']
            for _ in range(rng.randint(2, 7)):
                s = rng.choice(sup[:3]) if rng.random() < 0.7 else rng.choice(sup)
                self.emit(self.day_time(rng.randrange(N), 'office'), acc, s,
                          to_fen(rng, lognorm(rng, 5000, 0.8), 'mixed'), 'mobile', acc.region,
                          memo=rng.choice(['货款', '', '进货']))
            if acc is not p.primary:
                for _ in range(rng.randint(1, 3)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), acc, p.primary,
                              to_fen(rng, lognorm(rng, 6000, 0.6), 'hundred'), 'counter', acc.region)
            if rng.random() < 0.5:
                self.emit(self.day_time(rng.randrange(N), 'day'), acc, None,
                          to_fen(rng, lognorm(rng, 4000, 0.6), 'hundred'), 'atm', acc.region,
                          'withdrawal')
            # cash takings banked
            for _ in range(self.poisson(1.5)):
                self.emit(self.day_time(rng.randrange(N), 'office'), None, acc,
                          to_fen(rng, lognorm(rng, 3000, 0.7), 'hundred'), 'counter', acc.region,
                          'deposit')
        extsup = self.corps['ext_supplier']
        for tag, lst in list(self.corps.items()):
            if not tag.startswith('supplier_'):
                continue
            for s in lst:
                for _ in range(rng.randint(1, 4)):
                    self.emit(self.day_time(rng.randrange(N), 'office'), s, rng.choice(extsup),
                              to_fen(rng, lognorm(rng, 60000, 0.7), 'hundred'), 'online', s.region,
                              memo='货款')
        # employers buy and sell
        for c, city, arch, n, med, payday, bonus, staff in self.employers:
            for _ in range(rng.randint(1, 5)):
                s = rng.choice(self.corps['supplier_' + city] if 'supplier_' + city in self.corps
                               else self.corps['supplier_xining'])
                self.emit(self.day_time(rng.randrange(N), 'office'), c, s,
                          to_fen(rng, lognorm(rng, 80000, 0.9), 'cents'), 'online', c.region)
            if arch in ('potash_works', 'saltlake_chem', 'soda_ash_works'):
                for _ in range(rng.randint(2, 6)):
                    buyer = rng.choice(self.corps['ext_shipper'] + self.corps['ext_supplier'])
                    self.emit(self.day_time(rng.randrange(N), 'office'), buyer, c,
                              to_fen(rng, lognorm(rng, 900000, 0.7), 'cents'), 'online', buyer.region,
                              memo='货款')
                if rng.random() < 0.5:
                    fa = self.add_acct('FOREIGN-' + c.id[-6:], 'BOC', self.W - 900 * DAY, 'HK0000',
                                       'corp', 'lawful', 'foreign_equipment_supplier', corp=True)
                    self.emit(self.day_time(rng.randrange(N), 'office'), c, fa,
                              to_fen(rng, lognorm(rng, 400000, 0.6), 'cents'), 'online', c.region,
                              memo='设备款', cross=True)

    def gen_drivers(self):
        rng = self.rng
        N = self.NDAYS
        payers = self.corps['logistics'] + self.corps['ext_shipper']
        fuels = self.corps['fuel']
        route = ['xinjiang', 'tibet', 'gansu', 'sichuan', 'shaanxi']
        for p in self.drivers:
            for _ in range(rng.randint(2, 8)):
                c = rng.choice(payers)
                self.emit(self.day_time(rng.randrange(N), 'office'), c, p.primary,
                          to_fen(rng, lognorm(rng, 6000, 0.6), 'mixed'), 'online', c.region,
                          memo=rng.choice(['运费', '', '运费']))
            for _ in range(rng.randint(3, 10)):
                f = rng.choice(fuels)
                self.emit(self.day_time(rng.randrange(N), 'any'), self.payer_acct(p), f,
                          to_fen(rng, lognorm(rng, 1100, 0.5), 'cents'), 'pos', f.region)
            for _ in range(self.poisson(1.5)):      # cash on the road, far from home
                reg = self.region_of(rng.choice(route))
                self.emit(self.day_time(rng.randrange(N), 'any'), p.primary, None,
                          rng.choice([500, 1000, 2000, 2000, 3000]) * 100, 'atm', reg, 'withdrawal')
            if rng.random() < 0.3:
                home = self.ext_person(rng.choice(['gansu', 'henan', 'sichuan']), reuse=0.0)
                for _ in range(rng.randint(1, 2)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), p.primary, home,
                              to_fen(rng, lognorm(rng, 3000, 0.5), 'hundred'), 'mobile', p.region)

    def gen_wolfberry(self):
        rng = self.rng
        N = self.NDAYS
        v = self.variant
        h0, h1 = (0, N) if v == 'baseline' else ((15, N) if v == 'V3' else (0, 22))
        buyers_all = [b.primary for b in self.berry_buyers] + self.corps['berry_corp'] + \
            self.corps['berry_ext']
        for owner, city, pickers, leader in self.farms:
            oa = owner.primary
            cash_share = rng.uniform(0.0, 0.5)
            cash_needed = 0
            crew = pickers[1:] if leader is not None else []
            home_acct = {}
            for pk in pickers:
                if pk in crew:
                    continue
                a0 = rng.randint(h0, max(h0, h1 - 8))
                a1 = min(h1, a0 + rng.randint(8, 40))
                if rng.random() < cash_share and pk is not leader:
                    continue_cash = True
                else:
                    continue_cash = False
                d = a0 + rng.randint(2, 6)
                while d < a1:
                    if continue_cash:
                        cash_needed += int(rng.uniform(300, 1500)) * 100
                    else:
                        base = rng.uniform(80, 160) * rng.uniform(2.0, 3.0) * rng.randint(2, 5)
                        if pk is leader:
                            base *= len(crew) + 1
                        f = to_fen(rng, base, 'ten' if rng.random() < 0.6 else 'yuan')
                        t = self.day_time(d, 'meal')
                        self.emit(t, oa, pk.primary, f, 'mobile', oa.region,
                                  memo=rng.choice(['工钱', '摘枸杞工钱', '', '']))
                        if rng.random() < 0.09:    # same sum again the same day (another day's pay)
                            self.emit(t + rng.randrange(120, 4 * HOUR), oa, pk.primary, f, 'mobile',
                                      oa.region, memo='工钱')
                        if pk is leader:
                            for j, m in enumerate(crew):
                                self.emit(t + rng.randrange(600, 8 * HOUR), pk.primary, m.primary,
                                          to_fen(rng, base / (len(crew) + 1) *
                                                 rng.uniform(0.8, 1.1), 'ten'),
                                          'mobile', oa.region, memo='工钱')
                        elif rng.random() < 0.45 and pk.prov != 'qinghai':   # send most of it home
                            if pk.hid not in home_acct:
                                home_acct[pk.hid] = self.ext_person(pk.prov, reuse=0.0,
                                                                    arch='picker_family_home')
                            self.emit(t + rng.randrange(5 * MIN, 20 * HOUR), pk.primary,
                                      home_acct[pk.hid], to_fen(rng, base * rng.uniform(0.6, 0.95),
                                                                'hundred'), 'mobile', oa.region)
                    d += rng.randint(2, 6)
                if rng.random() < 0.35 and not continue_cash:
                    self.emit(self.day_time(min(N - 1, a1), 'day'), pk.primary, None,
                              rng.choice([500, 1000, 1500, 2000]) * 100, 'atm', oa.region,
                              'withdrawal')
            # cash for cash-paid pickers, taken at the counter in large sums
            while cash_needed > 0:
                f = min(cash_needed, int(rng.uniform(20000, 80000)) * 100)
                self.emit(self.day_time(rng.randrange(h0, h1), 'office'), oa, None,
                          max(f, 100000), 'counter', oa.region, 'withdrawal', memo='现金')
                cash_needed -= f
            # sales to buyers and cooperatives
            for _ in range(rng.randint(2, 8)):
                b = rng.choice(buyers_all)
                self.emit(self.day_time(rng.randrange(h0, N), 'office'), b, oa,
                          to_fen(rng, lognorm(rng, 90000, 0.8), 'mixed'), 'online', b.region,
                          memo=rng.choice(['枸杞款', '货款', '']))
            for _ in range(rng.randint(1, 4)):
                s = rng.choice(self.corps['supplier_' + city])
                self.emit(self.day_time(rng.randrange(N), 'office'), oa, s,
                          to_fen(rng, lognorm(rng, 8000, 0.7), 'hundred'), 'mobile', oa.region,
                          memo=rng.choice(['化肥', '农资', '']))
            for _ in range(rng.randint(0, 3)):
                dr = rng.choice(self.drivers)
                self.emit(self.day_time(rng.randrange(h0, N), 'day'), oa, dr.primary,
                          to_fen(rng, lognorm(rng, 3000, 0.5), 'hundred'), 'mobile', oa.region,
                          memo='运费')
        # buyers: clients all over China, then pay the farms (above) and transport
        for b in self.berry_buyers:
            for _ in range(rng.randint(5, 25)):
                cl = self.ext_person(rng.choice(['zhejiang', 'guangdong', 'ningxia', 'beijing',
                                                 'shanghai', 'shandong']), reuse=0.3)
                self.emit(self.day_time(rng.randrange(N), 'office'), cl, b.primary,
                          to_fen(rng, lognorm(rng, 15000, 0.9), 'mixed'), 'online', cl.region,
                          memo='货款')
            for _ in range(rng.randint(1, 4)):
                self.emit(self.day_time(rng.randrange(N), 'day'), b.primary,
                          rng.choice(self.corps['express']),
                          to_fen(rng, lognorm(rng, 3000, 0.6), 'cents'), 'mobile', b.region)
        # e-commerce sellers: platform settlements and private-domain sales from strangers
        plat = self.corps['platform']
        for s in self.sellers:
            pl = rng.choice(plat)
            for d in range(N):
                if rng.random() < 0.6:
                    self.emit(self.W + d * DAY + 2 * HOUR + rng.randrange(7200), pl, s.primary,
                              to_fen(rng, lognorm(rng, 2500, 0.9), 'cents'), 'other', pl.region,
                              memo='结算')
            recv = s.wallet if s.wallet is not None else s.primary
            payers = []
            for _ in range(rng.randint(15, 70)):
                if payers and rng.random() < 0.15:
                    cl = rng.choice(payers)    # repeat customers
                else:
                    cl = self.ext_person(rng.choice(TOURIST_FROM), reuse=0.02)
                    payers.append(cl)
                t = self.day_time(rng.randrange(N), 'any')
                f = to_fen(rng, rng.choice([39.9, 59, 68, 88, 98, 128, 168, 198, 268, 398]) *
                           rng.choice([1, 1, 1, 2, 3]), 'cents')
                self.emit(t, cl, recv, f, 'mobile', cl.region)
                if rng.random() < 0.03:       # refund
                    self.emit(t + rng.randrange(HOUR, 3 * DAY), recv, cl, f, 'mobile', s.region,
                              memo='退款')
            for _ in range(rng.randint(1, 5)):
                tgt = rng.choice([b.primary for b in self.berry_buyers] +
                                 [f[0].primary for f in self.farms])
                self.emit(self.day_time(rng.randrange(N), 'office'), s.primary, tgt,
                          to_fen(rng, lognorm(rng, 15000, 0.7), 'hundred'), 'mobile', s.region,
                          memo='进货')
            for _ in range(rng.randint(2, 5)):
                self.emit(self.day_time(rng.randrange(N), 'day'), s.primary,
                          rng.choice(self.corps['express']),
                          to_fen(rng, lognorm(rng, 1500, 0.6), 'cents'), 'mobile', s.region,
                          memo='快递费')
            if recv is not s.primary:
                for _ in range(rng.randint(1, 4)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), recv, s.primary,
                              to_fen(rng, lognorm(rng, 3000, 0.7), 'hundred'), 'mobile', s.region,
                              memo='提现')

    def gen_herders(self):
        rng = self.rng
        N = self.NDAYS
        cfg = self.cfg
        by_code = {}
        for h in self.herders:
            by_code.setdefault(h.region, []).append(h)
        for code, lst in by_code.items():
            fb = self.finance_bureau.get(code)
            if fb is None or not cfg['herder_subsidy']:
                continue
            nb = 1 if self.variant != 'V2' else 2
            for b in range(nb):
                d = rng.randrange(N)
                t0 = self.W + d * DAY + 10 * HOUR + rng.randrange(3 * HOUR)
                for i, h in enumerate(lst):
                    if rng.random() < 0.9:
                        self.emit(t0 + 2 * i, fb, h.primary, to_fen(rng, lognorm(rng, 7000, 0.6),
                                                                    'cents'), 'other', code,
                                  memo='草原生态保护补助奖励')
                    if rng.random() < 0.15:
                        self.emit(t0 + 2 * i + 1, fb, h.primary, 180000, 'other', code,
                                  memo='生态管护员工资')
        traders = [t.primary for t in self.traders]
        for h in self.herders:
            if rng.random() < 0.35:
                payer = rng.choice(traders) if rng.random() < 0.4 else self.ext_person(
                    'gansu', reuse=0.5, arch='livestock_trader')
                self.emit(self.day_time(rng.randrange(N), 'day'), payer, h.primary,
                          to_fen(rng, lognorm(rng, 18000, 0.7), 'hundred'), 'mobile', h.region,
                          memo=rng.choice(['牛羊款', '', '']))
            if cfg['cordyceps'] and h.city in ('yushu', 'guoluo', 'huangnan') and \
                    rng.random() < 0.3:
                tr = rng.choice(traders)
                for _ in range(rng.randint(1, 2)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), tr, h.primary,
                              to_fen(rng, lognorm(rng, 30000, 0.8), 'hundred'), 'mobile', h.region,
                              memo='虫草')
            if rng.random() < 0.25:
                st = rng.choice(self.students)
                self.emit(self.day_time(rng.randrange(N), 'day'), h.primary, st.primary,
                          to_fen(rng, lognorm(rng, 1000, 0.5), 'hundred'), 'mobile', h.region)
        for tr in self.traders:
            for _ in range(rng.randint(2, 10)):
                cl = self.ext_person(rng.choice(['guangdong', 'zhejiang', 'beijing', 'sichuan',
                                                 'tibet']), reuse=0.3)
                self.emit(self.day_time(rng.randrange(N), 'office'), cl, tr.primary,
                          to_fen(rng, lognorm(rng, 120000, 0.8), 'thousand'), 'online', cl.region,
                          memo=rng.choice(['虫草款', '货款', '']))
            for _ in range(rng.randint(1, 5)):
                d = rng.randrange(N)
                if rng.random() < 0.5:
                    self.emit(self.day_time(d, 'office'), tr.primary, None,
                              to_fen(rng, lognorm(rng, 60000, 0.5), 'thousand'), 'counter',
                              tr.region, 'withdrawal')
                else:
                    self.emit(self.day_time(d, 'office'), None, tr.primary,
                              to_fen(rng, lognorm(rng, 60000, 0.5), 'thousand'), 'counter',
                              tr.region, 'deposit')
            for a in tr.accts[1:]:
                self.emit(self.day_time(rng.randrange(N), 'day'), tr.primary, a,
                          to_fen(rng, lognorm(rng, 50000, 0.6), 'thousand'), 'mobile', tr.region)
        # monasteries: donations from many unrelated people
        locals_ = self.herders + self.elderly + [p for e in self.employers for p, _ in e[7]]
        for m in self.monasteries:
            acc = m.primary
            acc.arch = 'monastery_donations'
            for _ in range(rng.randint(50, 220)):
                if rng.random() < 0.6:
                    dn = self.payer_acct(rng.choice(locals_))
                else:
                    dn = self.ext_person(rng.choice(TOURIST_FROM + ['tibet', 'sichuan']), reuse=0.05)
                self.emit(self.day_time(rng.randrange(N), 'day'), dn, acc,
                          to_fen(rng, rng.choice([10, 20, 50, 100, 100, 200, 500, 1000, 2000]) *
                                 rng.choice([1, 1, 1, 1.08]), 'yuan'), 'mobile', dn.region,
                          memo=rng.choice(['布施', '供养', '', '']))
            for _ in range(rng.randint(1, 4)):
                s = rng.choice(self.corps['supplier_xining'])
                self.emit(self.day_time(rng.randrange(N), 'office'), acc, s,
                          to_fen(rng, lognorm(rng, 30000, 0.8), 'hundred'), 'counter', acc.region)

    def gen_tourism(self):
        rng = self.rng
        N = self.NDAYS
        cfg = self.cfg
        locals_ = [p for e in self.employers for p, _ in e[7]] + self.students + self.drivers
        hs_by_city = {}
        for h in self.homestays:
            hs_by_city.setdefault(h.city, []).append(h)
        day_w = []
        for d in range(N):
            wd = datetime.fromtimestamp(self.W + d * DAY + 43200, TZ).weekday()
            w = 1.6 if wd >= 4 else 1.0
            if self.variant == 'V3' and 8 <= d <= 24:
                w *= 1.8
            day_w.append((d, w))
        for _ in range(cfg['tourist_groups']):
            if rng.random() < cfg['tourism_local_p']:
                org = self.payer_acct(rng.choice(locals_))
            else:
                org = self.ext_person(wchoice(rng, list(zip(TOURIST_FROM, TOURIST_W))), reuse=0.03,
                                      arch='tourist')
            d0 = wchoice(rng, day_w)
            nights = rng.choice([1, 1, 2, 2, 2, 3, 4])
            city = wchoice(rng, [(c, len(v)) for c, v in hs_by_city.items()])
            hs = rng.choice(hs_by_city[city])
            ha = self.payer_acct(hs) if rng.random() < 0.5 else hs.primary
            rooms = rng.choice([1, 1, 1, 2, 2, 3])
            price = rng.choice([288, 368, 428, 498, 588, 688, 888, 1080]) * rooms
            total = price * nights
            mode = rng.random()
            tci = self.day_time(d0, 'day')
            if mode < 0.45:
                db = d0 - rng.randint(0, 10)
                dep = to_fen(rng, total * rng.choice([0.3, 0.5]), 'yuan')
                if db >= 0:
                    self.emit(self.day_time(db, 'any'), org, ha, dep, 'mobile', org.region,
                              memo=rng.choice(['定金', '订金', '']))
                if rng.random() < 0.06:                      # cancelled: deposit refunded
                    if db >= 0:
                        self.emit(self.day_time(min(N - 1, db + rng.randint(0, 3)), 'day'), ha, org,
                                  dep, 'mobile', ha.region, memo='退定金')
                    continue
                self.emit(tci, org, ha, total * 100 - dep, 'mobile', ha.region, memo='尾款')
            elif mode < 0.8:
                self.emit(tci, org, ha, total * 100, 'mobile', ha.region, memo='房费')
            else:                                            # pays night by night, same sum
                for k in range(nights):
                    if d0 + k < N:
                        self.emit(self.day_time(d0 + k, 'day'), org, ha, price * 100, 'mobile',
                                  ha.region)
            if rng.random() < 0.05:
                self.emit(tci + rng.randrange(HOUR, DAY), org, ha,
                          to_fen(rng, lognorm(rng, 120, 0.6), 'yuan'), 'mobile', ha.region,
                          memo=rng.choice(['加床', '烤全羊', '补差价']))
            shops = self.shops_by_city.get(city, self.shops_by_city['gonghe'])
            for k in range(rng.randint(1, 4)):
                dd = min(N - 1, d0 + rng.randrange(nights + 1))
                sh = rng.choice(shops)
                self.emit(self.day_time(dd, 'meal'), org, sh,
                          to_fen(rng, lognorm(rng, 160 * rooms, 0.6), 'cents'), 'mobile', sh.region)
            if rng.random() < 0.35 and self.guides:
                g = rng.choice(self.guides)
                gf = rng.choice([400, 600, 800, 1000, 1200]) * (nights + 1)
                if rng.random() < 0.4 and d0 > 0:
                    self.emit(self.day_time(d0 - 1, 'any'), org, g.primary, gf * 30, 'mobile',
                              org.region, memo='导游定金')
                    self.emit(tci + rng.randrange(HOUR), org, g.primary, gf * 70, 'mobile',
                              g.region, memo='导游费')
                else:
                    self.emit(tci + rng.randrange(HOUR), org, g.primary, gf * 100, 'mobile',
                              g.region, memo=rng.choice(['导游费', '包车', '']))
                if rng.random() < 0.4:      # guide collects and pays the next homestay
                    h2 = rng.choice(self.homestays)
                    self.emit(tci + rng.randrange(HOUR, 6 * HOUR), g.primary, h2.primary,
                              to_fen(rng, gf * rng.uniform(0.4, 0.8), 'ten'), 'mobile', g.region)
            if org.person is None and rng.random() < 0.25:      # AA: friends pay the organiser
                for _ in range(rng.randint(1, 4)):
                    fr = self.ext_person(rng.choice(TOURIST_FROM), reuse=0.0,
                                         arch='tourist')
                    self.emit(tci + rng.randrange(-2 * DAY, DAY), fr, org,
                              to_fen(rng, total / 3.0, 'cents'), 'mobile', fr.region, memo='AA')
            if rng.random() < 0.1:
                cr = rng.choice(self.corps['car_rental'])
                self.emit(tci - 3 * HOUR, org, cr, 300000, 'mobile', cr.region, memo='押金')
                self.emit(tci - 3 * HOUR + rng.randrange(60, 1800), org, cr,
                          to_fen(rng, 350 * (nights + 1), 'yuan'), 'mobile', cr.region, memo='租金')
                dr = min(N - 1, d0 + nights + rng.randint(1, 10))
                self.emit(self.day_time(dr, 'office'), cr, org, 300000, 'online', cr.region,
                          memo='退押金')
            if rng.random() < 0.12:
                ag = rng.choice(self.corps['tour_agency'])
                self.emit(self.day_time(max(0, d0 - rng.randint(0, 7)), 'day'), org, ag,
                          to_fen(rng, 1500 * rooms * nights, 'yuan'), 'mobile', org.region)
        # agencies pay guides and homestays; homestays pay cleaners and suppliers
        for ag in self.corps['tour_agency']:
            for _ in range(rng.randint(10, 40)):
                tgt = rng.choice(self.guides).primary if rng.random() < 0.6 else \
                    rng.choice(self.homestays).primary
                self.emit(self.day_time(rng.randrange(N), 'office'), ag, tgt,
                          to_fen(rng, lognorm(rng, 3000, 0.7), 'ten'), 'online', ag.region)
        for h in self.homestays:
            cleaners = rng.sample(self.herders, 2)
            for d in range(rng.randrange(7), N, 7):
                for c in cleaners:
                    if rng.random() < 0.7:
                        self.emit(self.day_time(d, 'day'), h.primary, c.primary,
                                  rng.choice([600, 700, 800, 1000]) * 100, 'mobile', h.region,
                                  memo='工钱')
            sup = self.corps['supplier_' + h.city]
            for _ in range(rng.randint(1, 5)):
                self.emit(self.day_time(rng.randrange(N), 'office'), h.primary, rng.choice(sup),
                          to_fen(rng, lognorm(rng, 4000, 0.7), 'hundred'), 'mobile', h.region)
            if h.wallet is not None:
                for _ in range(rng.randint(1, 4)):
                    self.emit(self.day_time(rng.randrange(N), 'day'), h.wallet, h.primary,
                              to_fen(rng, lognorm(rng, 8000, 0.6), 'hundred'), 'mobile', h.region,
                              memo='提现')

    def gen_big_payments(self):
        rng = self.rng
        N = self.NDAYS
        cands = [p for e in self.employers for p, _ in e[7]] + self.drivers + \
            self.shop_owners_p() + self.herders[:300]
        for p in rng.sample(cands, 70):
            b = wchoice(rng, QH_BANK_W[:7])
            d = rng.randrange(N - 3)
            opened = self.W + d * DAY + 9 * HOUR + rng.randrange(5 * HOUR)
            a = self.add_acct(p.hid, b, opened, p.region, 'I', 'lawful', 'new_account_big_purchase',
                              person=p)
            tgt = rng.choice(self.corps['car_dealer'] + self.corps['developer'])
            amt = to_fen(rng, lognorm(rng, 120000, 0.5), 'thousand')
            t1 = opened + rng.randrange(10 * MIN, 2 * HOUR)
            if rng.random() < 0.5:
                self.emit(t1, None, a, amt, 'counter', a.region, 'deposit')
            else:
                self.emit(t1, p.primary, a, amt, 'mobile', a.region)
            t2 = t1 + rng.randrange(30 * MIN, 3 * DAY)
            if rng.random() < 0.3:
                dep = rng.choice([5000, 10000, 20000, 50000]) * 100
                self.emit(t2, a, tgt, dep, 'counter', a.region, memo='定金')
                self.emit(t2 + rng.randrange(10 * MIN, 3 * HOUR), a, tgt, amt - dep, 'counter',
                          a.region, memo='首付')
            else:
                self.emit(t2, a, tgt, amt, 'counter', a.region,
                          memo=rng.choice(['购车款', '首付', '房款', '']))
        # family pooling for a flat, a car or a hospital bill
        for _ in range(50):
            pooler = rng.choice(cands)
            members = [rng.choice(self.elderly).primary, rng.choice(cands).primary]
            for _ in range(rng.randint(0, 3)):
                members.append(self.ext_person(rng.choice(['gansu', 'henan', 'sichuan', 'shaanxi']),
                                               arch='family_member'))
            d = rng.randrange(N - 5)
            tot = 0
            for m in members:
                f = to_fen(rng, lognorm(rng, 30000, 0.6), 'thousand')
                tot += f
                self.emit(self.day_time(d + rng.randrange(4), 'day'), m, pooler.primary, f,
                          'mobile', m.region, memo=rng.choice(['', '凑首付', '']))
            tgt = rng.choice(self.corps['developer'] + self.corps['car_dealer'] +
                             [e[0] for e in self.employers if e[2] == 'hospital_school'])
            self.emit(self.day_time(min(N - 1, d + 4 + rng.randrange(2)), 'office'),
                      pooler.primary, tgt, tot, 'counter', pooler.region)

    # ------------------------------------------------------------ fraud: card farmers, gangs, mules
    def build_farmers(self):
        rng = self.rng
        self.farmer_cards = []    # [acc, available_from, used, farmer_index]
        self.farmers = []
        n = rng.randint(*self.cfg['farmers'])
        cities_q = ['xining', 'golmud', 'haidong', 'delingha', 'gonghe']
        cities_o = ['gansu', 'shaanxi', 'sichuan', 'ningxia', 'hunan', 'jiangsu', 'xinjiang',
                    'neimeng', 'heilongjiang']
        for fi in range(n):
            home = rng.choice(['haidong', 'xining', 'gansu', 'henan', 'hubei', 'sichuan'])
            region = self.region_of(home)
            birth = self.cfg['start'][0] - rng.randint(19, 45)
            hid = self.person_id(region, birth)
            own = self.add_acct(hid, wchoice(rng, QH_BANK_W if home in QH else EXT_BANK_W[:15]),
                                self.old_open(birth), region, 'I', 'lawful', 'farmer_own_old_account')
            own.farmer = 1
            k = rng.randint(2, 4)
            cities = rng.sample(cities_q, rng.randint(1, min(k, 3)))
            while len(cities) < k:
                c = rng.choice(cities_o)
                if c not in cities:
                    cities.append(c)
            t0 = self.W + rng.randrange(-90 * DAY, 16 * DAY)
            span = rng.randint(3, 18) * DAY
            p_sold = rng.uniform(0.3, 0.85)
            cards = []
            for ci, c in enumerate(cities):
                qh = c in QH
                banks = [b for b, _ in (QH_BANK_W if qh else EXT_BANK_W) if b not in
                         ('ALIPAY', 'TENPAY')]
                nb = min(len(banks), rng.randint(3, 8))
                tc = t0 + int(span * ci / len(cities))
                for b in rng.sample(banks, nb):
                    opened = tc + rng.randrange(0, max(DAY, span // len(cities)))
                    opened = opened - opened % DAY + 9 * HOUR + rng.randrange(8 * HOUR)
                    a = self.add_acct(hid, b, opened, self.region_of(c), rng.choice(['I', 'I', 'II']),
                                      'farmer_card', 'farmer_unsold', person=None)
                    a.farmer = 1
                    a.base = 0
                    cards.append(a)
                    if rng.random() < 0.5:
                        self.emit(opened + rng.randrange(60, 1200), None, a,
                                  rng.choice([10, 20, 50, 100, 100, 200]) * 100, 'counter',
                                  a.region, 'deposit', fk='farmer_activation')
                    if rng.random() < p_sold:
                        self.farmer_cards.append([a, opened + rng.randrange(2 * DAY, 30 * DAY),
                                                  False, fi])
            self.farmers.append((hid, own, cards))

    def new_mule_acct(self, kind, layer, a, where):
        """an account for a mule role of the given kind, located in Qinghai ('qh') or a province"""
        rng = self.rng
        role = 'mule'
        if kind == 'farmer':
            for fc in self.farmer_cards:
                if not fc[2] and fc[1] <= a and (where == 'qh') == fc[0].region.startswith('63'):
                    fc[2] = True
                    acc = fc[0]
                    acc.role = 'mule'
                    acc.arch = 'farmer_sold_' + layer
                    return acc
            for fc in self.farmer_cards:
                if not fc[2] and fc[1] <= a:
                    fc[2] = True
                    acc = fc[0]
                    acc.role = 'mule'
                    acc.arch = 'farmer_sold_' + layer
                    return acc
            kind = 'weeks'
        if kind == 'rented_old' and where == 'qh':
            for _ in range(50):
                p = rng.choice(self.rent_pool)
                spare = [x for x in p.accts if x is not p.wallet and x.role == 'lawful' and
                         x.opened < a - 180 * DAY and x.arch != 'new_hire_multi_bank']
                if not spare:
                    continue
                acc = spare[-1] if len(spare) > 1 and rng.random() < 0.7 else spare[0]
                acc.role = role
                acc.arch = 'rented_old_' + layer
                return acc
            kind = 'sold_old'
        if kind == 'rented_old':
            kind = 'rented_old_elsewhere'
        if where == 'qh':
            region = self.region_of(rng.choice(['xining', 'xining', 'haidong', 'golmud',
                                                'delingha', 'gonghe', 'huangnan', 'yushu']))
            bank = wchoice(rng, QH_BANK_W[:7] + [('ALIPAY', 4)])
        else:
            region = self.region_of(where)
            bank = wchoice(rng, EXT_BANK_W)
        birth = self.cfg['start'][0] - rng.randint(18, 50)
        hid = self.person_id(region, birth)
        if kind == 'fresh':
            opened = a - rng.randrange(DAY // 3, 10 * DAY)
            cls = 'II' if rng.random() < 0.4 else 'I'
        elif kind == 'weeks':
            opened = a - rng.randrange(14 * DAY, 180 * DAY)
            cls = rng.choice(['I', 'I', 'II'])
        else:
            opened = self.old_open(birth, 365, 14)
            cls = 'I'
        acc = self.add_acct(hid, bank, opened, region, cls, role, kind + '_' + layer)
        acc.base = rng.choice([0, 0, 0, 100, 1000, 5000]) if kind in ('fresh', 'weeks') else \
            rng.randrange(0, 20000)
        return acc

    def slots(self, start, end, dur, step):
        rng = self.rng
        out = []
        t = start
        while t < end:
            d = int(rng.uniform(*dur) * DAY)
            out.append((t, t + d))
            t += max(HOUR, int(d * rng.uniform(*step)))
        return out

    def build_gangs(self):
        rng = self.rng
        cfg = self.cfg
        self.rent_pool = [p for p in self.students + self.drivers + self.herders[:400]
                          if p.primary.role == 'lawful'] + \
            [p for e in self.employers for p, _ in e[7] if p.birth > cfg['start'][0] - 35] + \
            [pk for f in self.farms for pk in f[2] if pk.prov == 'qinghai']
        self.mules = []
        self.gangs = []
        mix = cfg['mule_mix']
        later_mix = [(k, w) for k, w in mix if k != 'rented_old'] + [('sold_old', 4)]
        self.ushang = []
        for _ in range(cfg['ushang']):
            where = 'qh' if rng.random() < 0.4 else rng.choice(['guangdong', 'fujian', 'zhejiang',
                                                                 'shanghai', 'yunnan'])
            acc = self.new_mule_acct('sold_old', 'US', self.W, where)
            acc.role = 'ushang'
            acc.arch = 'ushang_old_personal'
            acc.base = rng.randrange(50000, 500000) * 100
            m = self.mk_mule(acc, None, 'US', self.W - 30 * DAY, self.END + DAY)
            self.ushang.append(m)
        for g in range(cfg['gangs']):
            cashp = rng.sample(CASH_REGIONS, 2)
            hubp = rng.sample(['guangdong', 'fujian', 'hunan', 'sichuan', 'chongqing', 'jiangsu',
                               'hubei', 'guangxi', 'yunnan', 'shaanxi'], 3)
            gang = {'id': g, 'cash': cashp, 'L1': [], 'L2': [], 'L3': [], 'PF': [], 'OP': []}
            for _ in range(rng.randint(2, 3)):
                where = rng.choice(hubp + cashp)
                region = self.region_of(where)
                bank = wchoice(rng, [(b, w) for b, w in EXT_BANK_W if b != 'ALIPAY'])
                hid = self.person_id(region, cfg['start'][0] - rng.randint(22, 50))
                acc = self.add_acct(hid, bank, self.old_open(1985, 60, 6), region, 'I', 'operator',
                                    'operator_collection')
                acc.base = 0
                gang['OP'].append(self.mk_mule(acc, gang, 'OP', self.W - 30 * DAY, self.END + DAY))
            for a, b in self.slots(self.W - 2 * DAY, self.END, cfg['l1_dur'], cfg['l1_step']):
                kind = wchoice(rng, mix)
                where = 'qh' if rng.random() < cfg['l1_qh'] else rng.choice(hubp + ['gansu', 'henan'])
                if kind in ('rented_old', 'sold_old') and where == 'qh':
                    b = a + int((b - a) * rng.uniform(1.0, 1.8))
                acc = self.new_mule_acct(kind, 'L1', a, where)
                gang['L1'].append(self.mk_mule(acc, gang, 'L1', a, b))
            for a, b in self.slots(self.W - 3 * DAY, self.END, cfg['l2_dur'], (0.4, 0.8)):
                kind = wchoice(rng, later_mix)
                where = 'qh' if rng.random() < 0.2 else rng.choice(hubp)
                acc = self.new_mule_acct(kind, 'L2', a, where)
                gang['L2'].append(self.mk_mule(acc, gang, 'L2', a, b))
            for a, b in self.slots(self.W - 3 * DAY, self.END, (2.0, 8.0), (0.4, 0.8)):
                kind = wchoice(rng, later_mix)
                where = 'qh' if rng.random() < 0.15 else rng.choice(cashp)
                acc = self.new_mule_acct(kind, 'L3', a, where)
                m = self.mk_mule(acc, gang, 'L3', a, b)
                m.cash_region = acc.region if where == 'qh' else self.region_of(rng.choice(cashp))
                gang['L3'].append(m)
            for _ in range(rng.randint(*cfg['paofen_per_gang'])):
                p = rng.choice(self.students + self.rent_pool)
                acc = p.wallet if (p.wallet is not None and p.wallet.role == 'lawful' and
                                   rng.random() < 0.6) else p.primary
                if acc.role != 'lawful':
                    continue
                acc.role = 'paofen'
                acc.arch = 'paofen_' + p.arche
                a = self.W + rng.randrange(-10 * DAY, 20 * DAY)
                m = self.mk_mule(acc, gang, 'PF', a, a + rng.randint(5, 40) * DAY)
                m.thresh = rng.randint(30, 200) * 10000
                gang['PF'].append(m)
            self.gangs.append(gang)
        # block lawful use of rented accounts while the gang holds them
        for m in self.mules:
            if m.acc.arch.startswith('rented_old'):
                back = m.b + rng.randrange(0, DAY) if rng.random() < cfg['lent_return_p'] \
                    else self.END + DAY
                m.acc.block = (m.a - rng.randrange(0, DAY), back)
                m.acc.arch += '_returned' if back < self.END else ''
            elif m.acc.arch.startswith('sold_old') and m.acc.person is not None:
                m.acc.block = (self.W - DAY, self.END + DAY)

    def mk_mule(self, acc, gang, layer, a, b):
        m = Mule(acc, gang, layer, a, b)
        self.mules.append(m)
        return m


    # ------------------------------------------------------------ fraud: victims and money flow
    def active(self, lst, t):
        act = [m for m in lst if m.a <= t <= m.b and m.acc.opened < t]
        if act:
            return self.rng.choice(act)
        lst = [m for m in lst if m.acc.opened < t]
        if not lst:
            return None
        return min(lst, key=lambda m: min(abs(m.a - t), abs(m.b - t)))

    def push(self, t, what, m, amt=0, rep=False):
        self.seq += 1
        heapq.heappush(self.heap, (int(t), self.seq, what, m, amt, rep))

    def delay(self, lo_hi):
        lo, hi = lo_hi
        return int(math.exp(self.rng.uniform(math.log(lo), math.log(hi))) * MIN)

    def xfer(self, t, src, dst, fen, fk, region=None, channel='mobile', memo=''):
        """a fraud-network transfer between mules; schedules the arrival"""
        if dst is None or fen <= 0 or t >= self.END or dst.acc.opened >= t:
            return
        src.bal -= fen
        self.emit(t, src.acc, dst.acc, fen, channel, region or src.acc.region, memo=memo, fk=fk)
        self.push(t, 'arr', dst, fen, src.rep)

    def split(self, fen, k):
        rng = self.rng
        if k <= 1 or fen < 200000:
            return [fen]
        ws = [rng.uniform(0.5, 1.5) for _ in range(k)]
        tot = sum(ws)
        parts = [int(fen * w / tot) // 10000 * 10000 for w in ws[:-1]]
        parts = [p for p in parts if p > 0]
        parts.append(fen - sum(parts))
        return [p for p in parts if p > 0]

    def gen_fraud(self):
        rng = self.rng
        cfg = self.cfg
        self.heap = []
        self.seq = 0
        groups = [('elderly', self.elderly, 26), ('student', self.students, 22),
                  ('adult', [p for e in self.employers for p, _ in e[7]] + self.drivers, 30),
                  ('herder', self.herders, 8),
                  ('business', self.shop_owners_p() + self.sellers + self.homestays, 10)]
        self.victims = []
        small = ('brushing', 'shopping_service', 'game_trade', 'fake_job', 'loan_card')
        for vi in range(cfg['victims']):
            gang = rng.choice(self.gangs)
            if rng.random() < 0.38:
                grp, pool, _ = groups[wchoice(rng, [(i, w) for i, (_, _, w) in enumerate(groups)])]
                person = rng.choice(pool)
                vacc = person.primary
                if vacc.role != 'lawful':
                    continue
            else:
                grp = rng.choice(['elderly', 'student', 'adult', 'adult', 'adult', 'business'])
                person = None
                vacc = self.ext_person(rng.choice(list(OTHER.keys())), arch='victim_elsewhere')
            typ = wchoice(rng, TYPO_BY_GROUP[grp])
            med, sig, esc, extra, prof = TYPOLOGY[typ]
            reported = rng.random() < cfg['report_p'] * (1.15 if grp == 'elderly' else 1.0)
            npay = 1 + self.poisson(extra * cfg['victim_repeat'] / 1.5)
            npay = min(npay, 14)
            t = self.W + rng.randrange(self.NDAYS) * DAY + hour_of_day(rng, prof)
            amt = lognorm(rng, med, sig)
            tgt = None
            if person is not None and len(person.accts) > 1 and rng.random() < 0.3 and \
                    typ in ('police_gov', 'investment', 'parcel', 'phone_bill', 'romance'):
                for o in person.accts:
                    if o is not vacc and o.role == 'lawful':
                        self.emit(t - rng.randrange(10 * MIN, 3 * HOUR), o, vacc,
                                  to_fen(rng, amt * rng.uniform(0.5, 1.0), 'hundred'), 'mobile',
                                  vacc.region, fk='victim_self_move')
            for k in range(npay):
                if t >= self.END:
                    break
                if tgt is None or not (tgt.a <= t <= tgt.b) or rng.random() < 0.4:
                    if typ in small and gang['PF'] and rng.random() < 0.55:
                        tgt = self.active(gang['PF'], t)
                    else:
                        tgt = self.active(gang['L1'], t)
                if tgt is None:
                    break
                style = 'cents' if typ == 'brushing' and rng.random() < 0.3 else \
                    ('thousand' if amt > 30000 and rng.random() < 0.5 else 'hundred' if amt > 2000
                     else 'yuan')
                f = to_fen(rng, amt, style)
                ch = 'mobile'
                if grp == 'elderly' and rng.random() < 0.35:
                    ch = 'atm' if typ == 'subsidy_refund' else 'counter'
                memo = rng.choice(VICTIM_MEMO.get(typ, ['']) + ['', ''])
                idx = self.emit(t, vacc, tgt.acc, f, ch, vacc.region, memo=memo,
                                fk='victim_payment')
                if reported:
                    self.fraud_txn_label.add(idx)
                self.push(t, 'arr', tgt, f, reported)
                # the next payment
                if typ in ('police_gov', 'accident_kidnap', 'leader_acquaintance', 'phone_bill',
                           'parcel', 'ecommerce_cs', 'brushing', 'game_trade'):
                    gap = rng.randrange(5 * MIN, 6 * HOUR) if rng.random() < 0.7 else \
                        rng.randrange(DAY // 2, 3 * DAY)
                else:
                    gap = rng.randrange(HOUR, 5 * DAY)
                if self.variant == 'V2':
                    gap = int(gap * rng.uniform(1.0, 2.5))
                t += gap
                amt = amt * esc * rng.uniform(0.6, 1.4)
                if amt > 2000000:
                    amt = rng.uniform(200000, 900000)
            self.victims.append((vacc, typ, reported, person is not None))
        # running-score accounts also carry gamblers' deposits for the same platforms
        for g in self.gangs:
            for m in g['PF']:
                for _ in range(rng.randint(10, 70)):
                    t = max(m.a, self.W) + rng.randrange(max(HOUR, min(m.b, self.END) - max(m.a, self.W)))
                    if t <= m.acc.opened:
                        continue
                    pl = self.ext_person(rng.choice(list(OTHER.keys())), reuse=0.15,
                                         arch='gambling_player')
                    f = to_fen(rng, rng.choice([100, 200, 300, 500, 1000, 2000]) *
                               rng.uniform(0.98, 1.0), 'cents' if rng.random() < 0.3 else 'yuan')
                    self.emit(t, pl, m.acc, f, 'mobile', pl.region, fk='paofen_player_in')
                    self.push(t, 'arr', m, f, False)
        # ushang: ordinary USDT clients too
        for u in self.ushang:
            for _ in range(rng.randint(3, 20)):
                cl = self.ext_person(rng.choice(list(OTHER.keys())), reuse=0.1, arch='usdt_client')
                t = self.W + rng.randrange(self.NDAYS * DAY)
                f = to_fen(rng, lognorm(rng, 40000, 0.8), 'hundred')
                self.emit(t, cl, u.acc, f, 'mobile', cl.region, fk='ushang_other_in')
                self.push(t, 'arr', u, f, False)
        # sold cards tested by their buyers; card sale paid to the farmer; commissions
        for fc in self.farmer_cards:
            acc = fc[0]
            if fc[2] and rng.random() < 0.5:
                op = rng.choice(rng.choice(self.gangs)['OP']).acc
                t = max(acc.opened + HOUR, fc[1] - rng.randrange(HOUR, 2 * DAY))
                self.emit(t, op, acc, rng.choice([1, 10, 100]), 'mobile', op.region,
                          fk='card_test')
        for hid, own, cards in self.farmers:
            sold = [fc for fc in self.farmer_cards if fc[0].holder == hid and fc[2]]
            if sold:
                g = rng.choice(self.gangs)
                op = rng.choice(g['OP']).acc
                t = max(min(fc[1] for fc in sold), self.W + HOUR)
                self.emit(t, op, own, rng.randint(40, 65) * 10000, 'mobile', op.region,
                          fk='card_sale_payment')
        for m in self.mules:
            if m.acc.arch.startswith('rented_old') and m.acc.person is not None:
                p = m.acc.person
                others = [x for x in p.accts if x is not m.acc and x.role == 'lawful']
                if others:
                    op = rng.choice(m.gang['OP']).acc
                    self.emit(m.a + rng.randrange(HOUR, 3 * DAY), op, others[0],
                              rng.randint(3, 30) * 10000, 'mobile', op.region, fk='rental_fee')
        for m in self.mules:
            if m.layer in ('L1', 'L2', 'L3', 'PF'):
                self.push(m.b, 'end', m)
        self.run_heap()

    def run_heap(self):
        rng = self.rng
        cfg = self.cfg
        slow = self.variant == 'V2'
        while self.heap:
            t, _, what, m, amt, rep = heapq.heappop(self.heap)
            if t >= self.END:
                break
            if what == 'arr':
                m.bal += amt
                m.received += amt
                if rep:
                    m.rep = True
                if m.layer == 'L1':
                    if slow and rng.random() < 0.6:
                        if not m.pending:
                            m.pending = True
                            self.push(t + self.delay(cfg['l1_delay_min']), 'sweep', m)
                    else:
                        self.push(t + self.delay(cfg['l1_delay_min']), 'fwd', m, amt)
                elif m.layer == 'L2':
                    if not m.pending:
                        m.pending = True
                        self.push(t + self.delay(cfg['l2_sweep_min']), 'sweep', m)
                elif m.layer == 'L3':
                    if not m.pending:
                        m.pending = True
                        self.push(t + self.delay((3, 240 if not slow else 1440)), 'cash', m)
                elif m.layer == 'PF':
                    if m.bal >= m.thresh and not m.pending:
                        m.pending = True
                        self.push(t + self.delay((3, 90)), 'sweep', m)
                elif m.layer == 'US':
                    self.push(t + self.delay((10, 600)), 'uspay', m, amt)
            elif what == 'fwd':
                x = min(amt, m.bal)
                if x <= 0:
                    continue
                if rng.random() < 0.45 and x > 100000:
                    x = x // 10000 * 10000
                if m.acc.region.startswith('63') and rng.random() < 0.12 and x > 300000:
                    # part taken out locally in cash
                    c = min(x // 2, 500000) // 10000 * 10000
                    self.emit(t, m.acc, None, c, 'atm', m.acc.region, 'withdrawal',
                              fk='cash_withdrawal')
                    m.bal -= c
                    x -= c
                    t += rng.randrange(60, 600)
                parts = self.split(x, 1 if rng.random() < 0.7 else 2)
                for p in parts:
                    dst = self.active(m.gang['L2'], t)
                    self.xfer(t, m, dst, p, 'layer_L1_L2')
                    t += rng.randrange(20, 400)
            elif what == 'sweep':
                m.pending = False
                x = m.bal
                if m.layer == 'PF':
                    m.kept += int((x - m.kept) * rng.uniform(0.005, 0.02))
                    x = m.bal - m.kept
                if x <= 0:
                    continue
                if m.layer == 'L1':
                    for p in self.split(x, rng.choice([1, 1, 2])):
                        self.xfer(t, m, self.active(m.gang['L2'], t), p, 'layer_L1_L2')
                        t += rng.randrange(30, 900)
                    continue
                if m.layer == 'PF':
                    dst = self.active(m.gang['L2'], t) if rng.random() < 0.7 else \
                        rng.choice(m.gang['OP'])
                    self.xfer(t, m, dst, x, 'paofen_sweep')
                    continue
                parts = self.split(x, rng.choice([1, 2, 2, 3, 4]))
                for p in parts:
                    r = rng.random()
                    if r < 0.48:
                        dst, fk = self.active(m.gang['L3'], t), 'layer_L2_L3'
                    elif r < 0.70:
                        dst, fk = rng.choice(self.ushang), 'layer_to_ushang'
                    elif r < 0.90:
                        dst, fk = rng.choice(m.gang['OP']), 'layer_to_operator'
                    else:
                        cand = [o for o in m.gang['L2'] if o is not m and o.a <= t <= o.b]
                        if cand:
                            dst, fk = rng.choice(cand), 'layer_L2_L2'
                        else:
                            dst, fk = rng.choice(m.gang['OP']), 'layer_to_operator'
                    self.xfer(t, m, dst, p, fk)
                    t += rng.randrange(30, 1200)
            elif what == 'cash':
                m.pending = False
                day = (t - self.W) // DAY
                used = m.daily.get(day, 0)
                if rng.random() < 0.25 and m.bal >= 3000000 and used == 0:
                    c = min(m.bal, rng.randint(300, 499) * 10000)
                    self.emit(t, m.acc, None, c, 'counter', m.cash_region, 'withdrawal',
                              fk='cash_withdrawal')
                    m.bal -= c
                    m.daily[day] = used + c
                    used += c
                while m.bal >= 10000 and used < 2000000:
                    c = min(rng.choice([200000, 300000, 500000, 500000]), m.bal // 10000 * 10000,
                            2000000 - used)
                    if c <= 0:
                        break
                    self.emit(t, m.acc, None, c, 'atm', m.cash_region, 'withdrawal',
                              fk='cash_withdrawal')
                    m.bal -= c
                    used += c
                    t += rng.randrange(30, 300)
                m.daily[day] = used
                if m.bal >= 10000:
                    if rng.random() < 0.35:
                        dst = self.active([o for o in m.gang['L3'] if o is not m] or m.gang['OP'], t)
                        self.xfer(t + rng.randrange(60, 1800), m, dst, m.bal // 10000 * 10000,
                                  'layer_L3_L3' if dst.layer == 'L3' else 'layer_to_operator')
                    else:      # after midnight, next daily limit
                        nxt = self.W + (day + 1) * DAY + rng.randrange(60, 3 * HOUR)
                        m.pending = True
                        self.push(nxt, 'cash', m)
            elif what == 'uspay':
                x = min(amt, m.bal)
                for p in self.split(x, rng.randint(1, 3)):
                    s = self.ext_person(rng.choice(list(OTHER.keys())), reuse=0.2,
                                        arch='usdt_seller')
                    self.emit(t, m.acc, s, p, 'mobile', m.acc.region, fk='ushang_payout')
                    m.bal -= p
                    t += rng.randrange(60, 3600)
            elif what == 'end':
                if m.bal <= 0 or rng.random() < 0.3:
                    continue       # left behind (e.g. the card was already stopped)
                x = m.bal - (m.kept if m.layer == 'PF' else 0)
                if x <= 0:
                    continue
                if m.layer == 'L3':
                    self.push(t, 'cash', m)
                    continue
                dst = rng.choice(m.gang['OP']) if m.layer != 'L1' else \
                    self.active(m.gang['L2'], t)
                self.xfer(t + rng.randrange(60, 3 * HOUR), m, dst, x,
                          'layer_L1_L2' if m.layer == 'L1' else 'layer_to_operator')

    # ------------------------------------------------------------ finishing: censoring, balances
    def finish(self):
        rng = self.rng
        A = self.accts
        keep = []
        for i, e in enumerate(self.ev):
            t, f, to, fen, ch, reg, kind, memo, fk, cross = e
            if t < self.W or t >= self.END:
                continue
            bad = False
            for aid in (f, to):
                if not aid:
                    continue
                a = A[aid]
                if a.opened >= t:
                    bad = True
                    break
                if fk is None and a.block is not None and a.block[0] <= t < a.block[1]:
                    bad = True
                    break
            if not bad:
                keep.append(i)
        keep.sort(key=lambda i: (self.ev[i][0], i))
        # which transfers the supplying sources report
        self.rows = []
        for i in keep:
            t, f, to = self.ev[i][:3]
            ok = False
            for aid in (f, to):
                if aid:
                    a = A[aid]
                    if a.has_row and t >= self.extract[a.bank]:
                        ok = True
            if ok:
                self.rows.append(i)
        in_data = set(self.rows)
        # balances over the whole simulated month (before censoring); the opening balance of a
        # row is its balance just before its first transfer in the data (or at its bank's extract
        # start when it has none)
        run = {}
        low = {}
        pre = {}
        first = set()
        for i in keep:
            t, f, to, fen = self.ev[i][:4]
            for aid in (f, to):
                if aid and aid not in first:
                    a = A[aid]
                    if i in in_data or (a.bank in self.extract and t >= self.extract[a.bank]):
                        first.add(aid)
                        pre[aid] = run.get(aid, 0)
            if f:
                v = run.get(f, 0) - fen
                run[f] = v
                if v < low.get(f, 0):
                    low[f] = v
            if to:
                run[to] = run.get(to, 0) + fen
        for aid, v in run.items():
            if aid not in first:
                pre[aid] = v
        for a in A.values():
            if a.base is None:
                if a.opened >= self.W:
                    a.base = rng.choice([0, 0, 1000, 5000, 10000])
                else:
                    a.base = int(lognorm(rng, 6000, 1.1) * 100)
            need = -low.get(a.id, 0)
            if need > a.base:
                a.base = need + (rng.randrange(0, 300000) if a.role == 'lawful' else 0)
        self.pre = pre
        # transaction ids
        self.txn_ids = {}
        for n, i in enumerate(self.rows):
            t = self.ev[i][0]
            self.txn_ids[i] = 'QH%s%07d' % (datetime.fromtimestamp(t, TZ).strftime('%y%m%d'), n + 1)
        # labels: what the anti-fraud centre has confirmed
        p_layer = {'L1': 0.85, 'PF': 0.6, 'L2': 0.55, 'L3': 0.45, 'US': 0.2, 'OP': 0.3}
        for m in self.mules:
            if m.acc.opened >= self.END:
                continue
            if (m.rep and rng.random() < p_layer[m.layer]) or rng.random() < 0.06:
                self.labelled_accts.add(m.acc.id)
        for hid, own, cards in self.farmers:
            hit = any(c.id in self.labelled_accts for c in cards)
            if rng.random() < (0.7 if hit else 0.25):
                self.labelled_holders.add(hid)
        self.farmer_hids = set(h for h, _, _ in self.farmers)

    # ------------------------------------------------------------ output
    def write(self, out, truth):
        A = self.accts
        os.makedirs(out, exist_ok=True)
        in_world = [a for a in A.values() if a.opened < self.END]
        # accounts with no transfer at all in the month, long open: some were closed
        seen = set()
        for i in self.rows:
            e = self.ev[i]
            seen.add(e[1])
            seen.add(e[2])
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region',
                        'account_class', 'opening_balance', 'status'])
            for a in in_world:
                if not a.has_row:
                    continue
                st = a.status
                if a.role == 'lawful' and a.id not in seen and a.opened < self.W - 3 * 365 * DAY \
                        and a.person is not None and a is not a.person.primary and \
                        hash_pick(a.id, 0.15):
                    st = 'closed'
                    a.status = st
                ob = a.base + self.pre.get(a.id, 0)
                w.writerow([a.id, a.bank, a.holder, ts_str(a.opened), a.region, a.cls, money(ob),
                            st])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency',
                        'channel', 'region', 'kind', 'memo', 'cross_border'])
            for i in self.rows:
                t, f, to, fen, ch, reg, kind, memo, fk, cross = self.ev[i]
                w.writerow([self.txn_ids[i], ts_str(t), f, to, money(fen), 'CNY', ch, reg, kind,
                            memo, 'true' if cross else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for i in self.rows:
                if i in self.fraud_txn_label:
                    w.writerow(['transfer', self.txn_ids[i], 'fraud'])
            for a in in_world:
                if a.id in self.labelled_accts:
                    w.writerow(['account', a.id, 'mule'])
            for hid, _, _ in self.farmers:
                if hid in self.labelled_holders:
                    w.writerow(['holder', hid, 'card_farmer'])
        if not truth:
            return
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype',
                        'card_farmer', 'opened_at', 'labelled', 'farmer_labelled',
                        'extract_start'])
            for a in in_world:
                fl = 1 if (a.farmer and a.holder in self.labelled_holders) else 0
                ex = ts_str(self.extract[a.bank]) if a.bank in self.extract else ''
                w.writerow(['account', a.id, a.bank, a.holder, 1 if a.has_row else 0, a.role,
                            a.arch, a.farmer, ts_str(a.opened),
                            1 if a.id in self.labelled_accts else 0, fl, ex])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='',
                  encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for i in self.rows:
                fk = self.ev[i][8]
                if fk:
                    w.writerow([self.txn_ids[i], fk])

    def summary(self):
        A = self.accts
        rows = [a for a in A.values() if a.has_row and a.opened < self.END]
        out = []
        out.append('variant %s (%s), window %s .. %s' % (self.variant, self.cfg['desc'],
                                                        ts_str(self.W), ts_str(self.END)))
        out.append('extract starts: ' + ', '.join('%s=%s' % (b, ts_str(t)[:10])
                                                  for b, t in sorted(self.extract.items())))
        ext = set()
        kinds = {}
        fks = {}
        for i in self.rows:
            e = self.ev[i]
            for aid in (e[1], e[2]):
                if aid and not A[aid].has_row:
                    ext.add(aid)
            kinds[e[6]] = kinds.get(e[6], 0) + 1
            if e[8]:
                fks[e[8]] = fks.get(e[8], 0) + 1
        out.append('accounts with rows: %d (opened inside the window: %d); external accounts in '
                   'transfers: %d; accounts in world: %d' % (
                       len(rows), sum(1 for a in rows if a.opened >= self.W), len(ext),
                       sum(1 for a in A.values() if a.opened < self.END)))
        out.append('transfers: %d (%s)' % (len(self.rows), ', '.join(
            '%s %d' % kv for kv in sorted(kinds.items()))))
        roles = {}
        for a in A.values():
            if a.opened >= self.END:
                continue
            k = roles.setdefault(a.role, [0, 0])
            k[0] += 1
            k[1] += 1 if a.has_row else 0
        out.append('roles (all/with rows): ' + ', '.join('%s %d/%d' % (r, v[0], v[1])
                                                         for r, v in sorted(roles.items())))
        mt = sum(1 for a in rows if a.role in ('mule', 'paofen', 'ushang'))
        out.append('mule-type accounts with rows (mule+paofen+ushang): %d' % mt)
        arch = {}
        for a in A.values():
            if a.role in ('mule',) and a.opened < self.END:
                k = a.arch.split('_L')[0]
                arch[k] = arch.get(k, 0) + 1
        out.append('mules by how obtained: ' + ', '.join('%s %d' % kv for kv in sorted(arch.items())))
        out.append('card farmers: %d (labelled %d), their cards: %d (with rows %d, sold and used %d)'
                   % (len(self.farmers), len(self.labelled_holders),
                      sum(len(c) for _, _, c in self.farmers),
                      sum(1 for _, _, c in self.farmers for x in c if x.has_row and
                          x.opened < self.END),
                      sum(1 for fc in self.farmer_cards if fc[2])))
        out.append('fraud-related transfers in data: %d (%s)' % (sum(fks.values()), ', '.join(
            '%s %d' % kv for kv in sorted(fks.items()))))
        nv = len(self.victims)
        out.append('victims: %d (%d in the Qinghai population, %d reported)' % (
            nv, sum(1 for v in self.victims if v[3]), sum(1 for v in self.victims if v[2])))
        lab_rows = sum(1 for a in rows if a.id in self.labelled_accts)
        out.append('labels: transfers %d, accounts %d (with rows %d), holders %d' % (
            sum(1 for i in self.rows if i in self.fraud_txn_label), len(self.labelled_accts),
            lab_rows, len(self.labelled_holders)))
        return '\n'.join(out)


def hash_pick(s, p):
    """a deterministic coin that does not touch the generator's stream"""
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h < p * 1000003


# ---------------------------------------------------------------- reading the files back
ACC_HDR = ['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
           'opening_balance', 'status']
TX_HDR = ['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
          'kind', 'memo', 'cross_border']
TRUTH_HDR = ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
             'opened_at', 'labelled', 'farmer_labelled', 'extract_start']
ROLES = {'lawful', 'mule', 'paofen', 'ushang', 'operator', 'farmer_card'}


def parse_ts(s):
    if len(s) != 25 or s[10] != 'T' or not s.endswith('+08:00'):
        raise ValueError(s)
    return int(datetime.fromisoformat(s).timestamp())


def parse_money(s):
    if not s or s.count('.') != 1:
        raise ValueError(s)
    a, b = s.split('.')
    if not a.isdigit() or not b.isdigit() or len(b) != 2:
        raise ValueError(s)
    return int(a) * 100 + int(b)


def holder_ok(h):
    if len(h) != 18:
        return False
    if h[:17].isdigit():
        return id_check(h[:17]) == h[17]
    if all(c in USCC_CH for c in h):
        return uscc_check(h[:17]) == h[17] and org_check(h[8:16]) == h[16]
    return False


def check(out, truth):
    probs = []

    def bad(msg):
        if len(probs) < 200:
            probs.append(msg)

    def rd(name):
        with open(os.path.join(out, name), newline='', encoding='utf-8') as fh:
            r = csv.reader(fh)
            hdr = next(r)
            return hdr, list(r)

    hdr, acc = rd('accounts.csv')
    if hdr != ACC_HDR:
        bad('accounts.csv: header %r' % hdr)
    accounts = {}
    for n, r in enumerate(acc, 2):
        if len(r) != len(ACC_HDR):
            bad('accounts.csv:%d: %d fields' % (n, len(r)))
            continue
        aid, bank, hid, op, reg, cls, ob, st = r
        if aid in accounts:
            bad('accounts.csv:%d: duplicate account %s' % (n, aid))
        if not aid or len(aid) > 64 or not bank or len(bank) > 64:
            bad('accounts.csv:%d: id/bank' % n)
        if not holder_ok(hid):
            bad('accounts.csv:%d: holder id %s' % (n, hid))
        try:
            opened = parse_ts(op)
        except ValueError:
            bad('accounts.csv:%d: opened_at %s' % (n, op))
            opened = 0
        if len(reg) != 6 or not reg.isdigit():
            bad('accounts.csv:%d: region %s' % (n, reg))
        if cls not in ('I', 'II', 'III', 'corp'):
            bad('accounts.csv:%d: class %s' % (n, cls))
        if cls != 'corp' and bank in BINS and not luhn_ok(aid):
            bad('accounts.csv:%d: card number fails Luhn %s' % (n, aid))
        try:
            obf = parse_money(ob)
        except ValueError:
            bad('accounts.csv:%d: opening_balance %s' % (n, ob))
            obf = 0
        if st not in ('active', 'frozen', 'closed'):
            bad('accounts.csv:%d: status %s' % (n, st))
        accounts[aid] = (bank, opened, obf)
    hdr, txs = rd('transfers.csv')
    if hdr != TX_HDR:
        bad('transfers.csv: header %r' % hdr)
    tids = set()
    parsed = []
    for n, r in enumerate(txs, 2):
        if len(r) != len(TX_HDR):
            bad('transfers.csv:%d: %d fields' % (n, len(r)))
            continue
        tid, ts, f, to, am, cur, ch, reg, kind, memo, cb = r
        if not tid or tid in tids:
            bad('transfers.csv:%d: txn_id %r missing or repeated' % (n, tid))
        tids.add(tid)
        try:
            t = parse_ts(ts)
        except ValueError:
            bad('transfers.csv:%d: ts %s' % (n, ts))
            continue
        try:
            fen = parse_money(am)
            if fen <= 0:
                raise ValueError(am)
        except ValueError:
            bad('transfers.csv:%d: amount %s' % (n, am))
            continue
        if cur != 'CNY':
            bad('transfers.csv:%d: currency %s' % (n, cur))
        if ch not in ('counter', 'online', 'mobile', 'atm', 'pos', 'other'):
            bad('transfers.csv:%d: channel %s' % (n, ch))
        if len(reg) != 6 or not reg.isdigit():
            bad('transfers.csv:%d: region %s' % (n, reg))
        if kind == 'transfer':
            ok = bool(f) and bool(to)
        elif kind == 'withdrawal':
            ok = bool(f) and not to
        elif kind == 'deposit':
            ok = bool(to) and not f
        else:
            ok = False
        if not ok:
            bad('transfers.csv:%d: parties do not fit kind %s' % (n, kind))
        if cb not in ('true', 'false'):
            bad('transfers.csv:%d: cross_border %s' % (n, cb))
        if len(memo) > 512 or len(f) > 64 or len(to) > 64:
            bad('transfers.csv:%d: field too long' % n)
        for aid in (f, to):
            if aid in accounts and accounts[aid][1] >= t:
                bad('transfers.csv:%d: %s used before it was opened' % (n, aid))
        if not ((f in accounts) or (to in accounts)):
            bad('transfers.csv:%d: no party has an account row' % n)
        parsed.append((t, n, f, to, fen))
    parsed.sort()
    hdr, labs = rd('labels.csv')
    if hdr != ['kind', 'id', 'label']:
        bad('labels.csv: header %r' % hdr)
    seen = set()
    for n, r in enumerate(labs, 2):
        if len(r) != 3 or r[0] not in ('account', 'transfer', 'holder') or not r[1] or not r[2]:
            bad('labels.csv:%d: %r' % (n, r))
            continue
        if tuple(r) in seen:
            bad('labels.csv:%d: repeated' % n)
        seen.add(tuple(r))
        if r[0] == 'transfer' and r[1] not in tids:
            bad('labels.csv:%d: unknown transfer %s' % (n, r[1]))
        if r[0] == 'holder' and not holder_ok(r[1]):
            bad('labels.csv:%d: holder id %s' % (n, r[1]))
    counts = {'accounts': len(accounts), 'transfers': len(tids), 'labels': len(labs)}
    if truth:
        hdr, tr = rd('truth.csv')
        if hdr != TRUTH_HDR:
            bad('truth.csv: header %r' % hdr)
        world = {}
        for n, r in enumerate(tr, 2):
            if len(r) != len(TRUTH_HDR):
                bad('truth.csv:%d: %d fields' % (n, len(r)))
                continue
            rec, aid, bank, hid, hr, role, arch, cf, op, lab, flab, ex = r
            if rec != 'account' or aid in world:
                bad('truth.csv:%d: record/duplicate %s' % (n, aid))
            if role not in ROLES or hr not in '01' or cf not in '01' or lab not in '01' or \
                    flab not in '01' or not arch:
                bad('truth.csv:%d: bad enum' % n)
            if (hr == '1') != (aid in accounts):
                bad('truth.csv:%d: has_row %s disagrees with accounts.csv' % (n, hr))
            if hr == '1' and accounts[aid][0] != bank:
                bad('truth.csv:%d: bank disagrees' % n)
            try:
                parse_ts(op)
                exs = parse_ts(ex) if ex else None
            except ValueError:
                bad('truth.csv:%d: times' % n)
                exs = None
            if hr == '1' and exs is None:
                bad('truth.csv:%d: row without extract start' % n)
            world[aid] = (hr, exs, lab, role)
        for t, n, f, to, fen in parsed:
            for aid in (f, to):
                if aid and aid not in world:
                    bad('transfers.csv:%d: %s missing from truth.csv' % (n, aid))
            if not any(aid in world and world[aid][1] is not None and world[aid][0] == '1' and
                       t >= world[aid][1] for aid in (f, to)):
                bad('transfers.csv:%d: outside every supplying extract' % n)
        # balances replayed from opening balances never go below zero (for accounts whose first
        # transfer in the data lies inside their own bank's extract, so nothing is censored after)
        firstt = {}
        for t, n, f, to, fen in parsed:
            for aid in (f, to):
                if aid in accounts and aid not in firstt:
                    firstt[aid] = t
        bal = {aid: v[2] for aid, v in accounts.items()
               if aid in world and world[aid][1] is not None and firstt.get(aid, 0) >= world[aid][1]}
        neg = 0
        for t, n, f, to, fen in parsed:
            if f in bal:
                bal[f] -= fen
                if bal[f] < 0:
                    neg += 1
                    if neg <= 5:
                        bad('transfers.csv:%d: balance of %s goes negative' % (n, f))
            if to in bal:
                bal[to] += fen
        counts['balance_checked_accounts'] = len(bal)
        labacc = set(r[1] for r in labs if r[0] == 'account')
        for aid, v in world.items():
            if (v[2] == '1') != (aid in labacc):
                bad('truth.csv: labelled flag of %s disagrees with labels.csv' % aid)
        for r in labs:
            if r[0] == 'account' and r[1] not in world:
                bad('labels.csv: account %s not in world' % r[1])
        hdr, tt = rd('truth_transfers.csv')
        if hdr != ['txn_id', 'kind']:
            bad('truth_transfers.csv: header %r' % hdr)
        ts_seen = set()
        vk = 0
        for n, r in enumerate(tt, 2):
            if len(r) != 2 or r[0] not in tids or r[0] in ts_seen or not r[1]:
                bad('truth_transfers.csv:%d: %r' % (n, r))
                continue
            ts_seen.add(r[0])
            vk += r[1] == 'victim_payment'
        if vk == 0:
            bad('truth_transfers.csv: no victim_payment rows')
        fl = set(r[1] for r in labs if r[0] == 'transfer')
        vp = set(r[0] for r in tt if r[1] == 'victim_payment')
        if not fl <= vp:
            bad('labels.csv: a fraud transfer label is not a victim payment in truth')
        counts['truth_accounts'] = len(world)
        counts['truth_transfers'] = len(tt)
    return probs, counts


def main():
    ap = argparse.ArgumentParser(description='Qinghai synthetic banking world for fanzha')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', required=True, type=int)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build_population()
    w.build_farmers()
    w.build_gangs()
    w.gen_lawful()
    w.gen_fraud()
    w.finish()
    w.write(args.out, args.truth)
    print(w.summary())
    t1 = time.time()
    probs, counts = check(args.out, args.truth)
    print('read back: %s' % ', '.join('%s %d' % kv for kv in sorted(counts.items())))
    print('generation %.1f s, check %.1f s' % (t1 - t0, time.time() - t1))
    if probs:
        print('CHECK FAILED (%d problems)' % len(probs))
        for p in probs:
            print(p, file=sys.stderr)
        return 2
    print('check passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
