# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""赣皖湘 (Jiangxi, Anhui, Hunan) synthetic counter-telecom-fraud evaluation world.

Standard library only; deterministic for a given --variant and --seed.
See README.md next to this file for the world, the files and the labels.
"""
import argparse
import csv
import datetime as dtm
import math
import os
import random
import sys
import time

D = dtm.datetime
TD = dtm.timedelta

PSTART = D(2024, 11, 1)          # first day of the world (local time, +08:00)
PEND = D(2025, 5, 1)             # exclusive end: data runs to 2025-04-30 23:59:59
CHUXI = D(2025, 1, 28)           # 除夕, Spring Festival eve
SPRING = D(2025, 1, 29)          # 春节
DAYS = (PEND - PSTART).days

# --------------------------------------------------------------------------------------------
# institutions: code -> (kind, supplies data, extract start, card BIN)
# a supplying bank supplies the accounts of its branches in 赣皖湘 (36/34/43); the payment
# firm YPAY (a Nanchang-registered payment institution) supplies all of its accounts.
BANKS = {
    'ABC':    ('bank', True,  D(2024, 11, 1),  '622848'),
    'CMB':    ('bank', True,  D(2024, 11, 8),  '621483'),
    'PSBC':   ('bank', True,  D(2024, 11, 16), '621799'),
    'CCB':    ('bank', True,  D(2024, 12, 2),  '621700'),
    'JXRCB':  ('rural', True, D(2024, 12, 16), '623058'),
    'YPAY':   ('pay', True,   D(2025, 1, 2),   ''),
    'ICBC':   ('bank', False, None, '621226'),
    'BOC':    ('bank', False, None, '621661'),
    'BOCOM':  ('bank', False, None, '622262'),
    'CIB':    ('bank', False, None, '622909'),
    'CITIC':  ('bank', False, None, '622690'),
    'SPDB':   ('bank', False, None, '622521'),
    'PAB':    ('bank', False, None, '622155'),
    'CMBC':   ('bank', False, None, '622622'),
    'AHRCB':  ('rural', False, None, '623669'),
    'HNRCB':  ('rural', False, None, '621539'),
    'ZJTLCB': ('bank', False, None, '623188'),
    'DGRCB':  ('rural', False, None, '623086'),
    'SZRCB':  ('rural', False, None, '623035'),
    'QPAY':   ('pay', False, None, ''),
    'KHBANK': ('foreign', False, None, ''),
}
SUPPLY = [b for b, v in BANKS.items() if v[1]]

# --------------------------------------------------------------------------------------------
# regions (GB/T 2260 county-level codes)
LOCAL = [
    ('360102', 'JX', 'city'), ('360111', 'JX', 'city market college'), ('360112', 'JX', 'city college'),
    ('360202', 'JX', 'city porcelain'), ('360203', 'JX', 'city porcelain market'), ('360222', 'JX', 'county tea porcelain'),
    ('360281', 'JX', 'county rice'), ('360731', 'JX', 'county migrant orange'), ('360732', 'JX', 'county migrant orange'),
    ('360781', 'JX', 'county migrant'), ('360702', 'JX', 'city orange market'), ('361128', 'JX', 'county migrant rice'),
    ('361130', 'JX', 'county tea'), ('361102', 'JX', 'city'), ('360428', 'JX', 'county migrant rice'),
    ('360403', 'JX', 'city'), ('360981', 'JX', 'county migrant rice'), ('360902', 'JX', 'city'), ('360802', 'JX', 'city'),
    ('340104', 'AH', 'city college'), ('340111', 'AH', 'city market'), ('340103', 'AH', 'city'), ('340124', 'AH', 'county rice'),
    ('341221', 'AH', 'county migrant'), ('341222', 'AH', 'county migrant market'), ('341225', 'AH', 'county migrant'),
    ('341226', 'AH', 'county migrant rice'), ('341202', 'AH', 'city'), ('341525', 'AH', 'county tea'),
    ('341502', 'AH', 'city tea'), ('341024', 'AH', 'county tea'), ('341002', 'AH', 'city tea market'), ('341021', 'AH', 'county tea'),
    ('340826', 'AH', 'county migrant'), ('340881', 'AH', 'county'), ('341602', 'AH', 'city market'), ('341622', 'AH', 'county migrant'),
    ('430104', 'HN', 'city college'), ('430105', 'HN', 'city market'), ('430111', 'HN', 'city'), ('430182', 'HN', 'county rice'),
    ('430181', 'HN', 'county'), ('430582', 'HN', 'county market migrant'), ('430522', 'HN', 'county migrant'),
    ('430524', 'HN', 'county migrant'), ('430525', 'HN', 'county migrant'), ('431322', 'HN', 'county migrant'),
    ('431321', 'HN', 'county migrant'), ('431302', 'HN', 'city'), ('430923', 'HN', 'county tea'), ('430903', 'HN', 'city'),
    ('430426', 'HN', 'county migrant'), ('430481', 'HN', 'county migrant'), ('430408', 'HN', 'city'), ('433101', 'HN', 'city'),
    ('433123', 'HN', 'county'), ('431002', 'HN', 'city'),
]
LOCAL_CODES = [c for c, _, _ in LOCAL]
PROV_OF = {c: p for c, p, _ in LOCAL}
TAGS = {c: t.split() for c, _, t in LOCAL}
COLLEGE = [c for c in LOCAL_CODES if 'college' in TAGS[c]]
CITY = [c for c in LOCAL_CODES if 'city' in TAGS[c]]
MIGRANT_HOME = [c for c in LOCAL_CODES if 'migrant' in TAGS[c] or 'county' in TAGS[c]]
TEA = [c for c in LOCAL_CODES if 'tea' in TAGS[c]]
PORCELAIN = ['360202', '360203', '360222']
MARKET = [c for c in LOCAL_CODES if 'market' in TAGS[c]]
PROV_CAP = {'JX': '360111', 'AH': '340104', 'HN': '430104'}
COAST = ['310115', '310112', '310117', '310114', '320583', '320506', '320509', '330109', '330110',
         '330782', '441900', '440306', '440307', '440309', '440111', '330212']
ELSEWHERE = ['110105', '120104', '130102', '140105', '150102', '210102', '220102', '230103', '320102',
             '320211', '330106', '350102', '350203', '370102', '370202', '410105', '420106', '420103',
             '440106', '450103', '460106', '500112', '510104', '520103', '530111', '610113', '620102',
             '640104', '650102', '340302', '411302', '420902', '421181', '411521', '130602', '371302']
FARMER_HOME = ['420902', '421181', '411302', '411521', '430524', '431322', '341221', '360731', '452122', '450103']
OP_REGIONS = ['532801', '450681', '451481', '350524', '441581', '445224', '533102', '533103']
CASHOUT_FAR = ['441900', '440306', '440111', '441581', '532801', '450681', '533102', '440307']
IN_REGION_PROV = ('36', '34', '43')

LOCAL_BANK_W = {'JX': [('ABC', 17), ('PSBC', 14), ('CCB', 11), ('ICBC', 12), ('BOC', 5), ('CMB', 5), ('BOCOM', 2),
                       ('CIB', 3), ('JXRCB', 22)],
                'AH': [('ABC', 17), ('PSBC', 14), ('CCB', 12), ('ICBC', 13), ('BOC', 5), ('CMB', 6), ('BOCOM', 3),
                       ('CIB', 3), ('AHRCB', 22)],
                'HN': [('ABC', 17), ('PSBC', 14), ('CCB', 12), ('ICBC', 13), ('BOC', 5), ('CMB', 6), ('BOCOM', 3),
                       ('CIB', 3), ('HNRCB', 22)]}
OUT_BANK_W = [('ICBC', 20), ('CCB', 15), ('ABC', 14), ('CMB', 10), ('BOC', 9), ('PAB', 6), ('ZJTLCB', 3),
              ('DGRCB', 3), ('SZRCB', 3), ('SPDB', 5), ('CITIC', 4), ('CMBC', 4), ('BOCOM', 5), ('CIB', 5),
              ('PSBC', 8), ('QPAY', 6)]

LAWFUL_MEMO = {
    'salary': ['工资', '代发工资', '工资', '绩效', ''], 'remit': ['生活费', '家用', '给妈', '', '', '寄回家'],
    'rent': ['房租', '房租', '租金', ''], 'shop': ['', '', '货款', '烟酒', '超市'], 'supplier': ['货款', '进货', '货款', ''],
    'red': ['红包', '新年快乐', '压岁钱', '恭喜发财', ''], 'allow': ['生活费', '零花钱', ''], 'wage': ['工资', '年底工资', '工钱', ''],
    'gift': ['礼金', '随礼', '新婚快乐', ''], 'tuition': ['学费', '住宿费', ''], 'self': ['', '', '转存'],
    'tea': ['茶叶款', '茶款', ''], 'porcelain': ['瓷器款', '货款', ''], 'live': ['', '', ''], 'car': ['购车款', '车款'],
    'house': ['购房定金', '首付款', '房款'], 'subsidy': ['耕地地力保护补贴', '惠民惠农补贴', '稻谷补贴'],
    'grain': ['粮款', '稻谷款'], 'loan': ['放款', '借款'], 'comp': ['征地补偿款', '补偿款'], 'aa': ['AA', '饭钱', '', ''],
    'pension': ['养老金', '城乡居民养老金'], 'usdt': ['', '', '货款'], 'fee': ['物业费', '']}
FRAUD_MEMO = ['', '', '', '', '货款', '还款', '投资', '保证金', '借款', '服务费']


def luhn(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return str((10 - tot % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_A = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer', 'supply',
                 'status', 'layer', 'gang', 'win', 'lab', 'traced', 'victim')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = role
        self.arch = arch
        self.farmer = False
        self.supply = BANKS[bank][1] and (bank == 'YPAY' or region[:2] in IN_REGION_PROV)
        self.status = 'active'
        self.layer = 0
        self.gang = None
        self.win = None
        self.lab = False
        self.traced = False
        self.victim = ''


VARIANTS = {
    # n_*: counts of lawful archetype units; fraud knobs below
    'baseline': dict(pop=1.0, look=1.0, gangs=8, victims=1900, hops=(1, 2, 2, 3, 3), delay=(1, 40),
                     hold=(0.0, 0.02), kinds={'fresh': 40, 'farmer': 25, 'rented': 15, 'sold': 12, 'corp': 8},
                     l1_age_years=(1, 9), far_cash=0.75, exit_w={'atm': 35, 'ushang': 25, 'operator': 25, 'gold': 15},
                     split_max=3, paofen=60, ushang=16, farmers=16, night=0.45, per_card=(4, 14), sold_old=(2, 10)),
    'qianliu': dict(pop=1.0, look=1.0, gangs=8, victims=1700, hops=(1, 1, 2, 2), delay=(120, 2880),
                    hold=(0.05, 0.25), kinds={'fresh': 12, 'farmer': 13, 'rented': 30, 'sold': 40, 'corp': 5},
                    l1_age_years=(5, 14), far_cash=0.35, exit_w={'atm': 20, 'ushang': 45, 'operator': 20, 'gold': 15},
                    split_max=2, paofen=45, ushang=18, farmers=10, night=0.15, per_card=(2, 6), sold_old=(5, 14)),
    'nianguan': dict(pop=0.55, look=2.1, gangs=8, victims=1900, hops=(1, 2, 2, 3, 3), delay=(1, 40),
                     hold=(0.0, 0.02), kinds={'fresh': 40, 'farmer': 25, 'rented': 15, 'sold': 12, 'corp': 8},
                     l1_age_years=(1, 9), far_cash=0.75, exit_w={'atm': 35, 'ushang': 25, 'operator': 25, 'gold': 15},
                     split_max=3, paofen=60, ushang=16, farmers=16, night=0.45, per_card=(4, 14), sold_old=(2, 10)),
}

TYPOLOGY = [  # id, weight, share of victims inside the region
    ('brushing', 16, 0.25), ('ecommerce_cs', 13, 0.2), ('investment', 14, 0.15), ('loan_card', 10, 0.25),
    ('credit_record', 6, 0.25), ('shopping_service', 9, 0.2), ('police_gov', 8, 0.2), ('leader_acquaintance', 5, 0.2),
    ('game_trade', 4, 0.3), ('romance', 5, 0.15), ('military_purchase', 2, 0.1), ('prize', 1, 0.3), ('parcel', 1, 0.2),
    ('subsidy_refund', 1, 0.4), ('accident_kidnap', 2, 0.35), ('phone_bill', 1, 0.3), ('fake_job', 4, 0.45),
]


class World:
    def __init__(self, variant, seed):
        self.v = VARIANTS[variant]
        self.variant = variant
        self.r = random.Random('ganwan:%s:%d' % (variant, seed))
        self.acc = {}
        self.used_ids = {}
        self.hseq = 0
        self.tx = []       # (ts, seq, frm, to, fen, channel, region, kind, memo, fk, xb)
        self.block = {}    # account -> list of (start, end): lawful outgoing suppressed
        self.shops = {c: [] for c in LOCAL_CODES}
        self.merch = {}
        self.people = []   # (holder, home, main account, arch)
        self.victims = []
        self.farm_holders = {}
        self.farmer_lab = {}
        self.gangs = []
        self.three_party = []

    # ---------------------------------------------------------------- primitives
    def w(self, pairs):
        tot = sum(p[1] for p in pairs)
        x = self.r.random() * tot
        for p in pairs:
            x -= p[1]
            if x < 0:
                return p[0]
        return pairs[-1][0]

    def holder(self, region, year_lo=1950, year_hi=2006, corp=False):
        r = self.r
        self.hseq += 1
        if corp:
            body = ('92' if r.random() < 0.5 else '91') + region + ''.join(r.choice(USCC_A[:10] + 'MNPQ') for _ in range(9))
            s = sum(USCC_A.index(c) * w for c, w in zip(body, USCC_W))
            return body + USCC_A[(31 - s % 31) % 31]
        b = D(year_lo, 1, 1) + TD(days=r.randrange((D(year_hi, 12, 31) - D(year_lo, 1, 1)).days))
        body = region + b.strftime('%Y%m%d') + '%03d' % r.randrange(1000)
        s = sum(int(c) * w for c, w in zip(body, ID_W))
        return body + '10X98765432'[s % 11]

    def newid(self, bank, corp=False):
        r = self.r
        while True:
            if bank == 'YPAY':
                aid = 'YP20' + ''.join(r.choice('0123456789') for _ in range(14))
            elif bank == 'QPAY':
                aid = 'Q88' + ''.join(r.choice('0123456789') for _ in range(13))
            elif bank == 'KHBANK':
                aid = 'KH' + ''.join(r.choice('0123456789') for _ in range(12))
            elif corp:
                aid = str(r.randrange(1, 10)) + ''.join(r.choice('0123456789') for _ in range(r.choice((14, 16, 17))))
            else:
                b = BANKS[bank][3] + ''.join(r.choice('0123456789') for _ in range(12))
                aid = b + luhn(b)
            if aid not in self.used_ids:
                self.used_ids[aid] = 1
                return aid

    def open(self, holder, bank, region, opened, cls, role='lawful', arch='', corp=False):
        aid = self.newid(bank, corp or cls == 'corp')
        a = Acct(aid, bank, holder, opened, region, cls, role, arch)
        self.acc[aid] = a
        return a

    def old_open(self, lo=1.0, hi=12.0):
        return PSTART - TD(days=int(365 * self.r.uniform(lo, hi)), seconds=self.r.randrange(8 * 3600, 17 * 3600))

    def local_bank(self, region):
        return self.w(LOCAL_BANK_W[PROV_OF.get(region, 'JX')])

    def pcls(self, bank, main=True):
        if bank in ('YPAY', 'QPAY'):
            return self.w([('II', 5), ('III', 4), ('I', 1)])
        return 'I' if main or self.r.random() < 0.6 else 'II'

    def at(self, day, prof='day'):
        r = self.r
        if prof == 'day':
            h = self.w([(7, 2), (8, 4), (9, 7), (10, 8), (11, 8), (12, 6), (13, 5), (14, 6), (15, 6), (16, 6), (17, 6),
                        (18, 6), (19, 7), (20, 8), (21, 7), (22, 4), (23, 2)])
        elif prof == 'work':
            h = r.randrange(9, 17)
        elif prof == 'eve':
            h = self.w([(18, 2), (19, 4), (20, 6), (21, 6), (22, 4), (23, 2)])
        elif prof == 'night':
            h = self.w([(22, 2), (23, 3), (0, 4), (1, 4), (2, 3), (3, 2), (4, 1), (5, 1)])
        else:
            h = r.randrange(24)
        return D(day.year, day.month, day.day, h, r.randrange(60), r.randrange(60))

    def rday(self, lo=PSTART, hi=PEND):
        n = (hi - lo).days
        return lo + TD(days=self.r.randrange(max(1, n)))

    def add(self, ts, frm, to, fen, ch='mobile', region='', kind='transfer', memo='', fk=None, xb=False):
        if fen <= 0 or ts < PSTART or ts >= PEND:
            return None
        if frm is not None and ts < frm.opened:
            return None
        if to is not None and ts < to.opened:
            return None
        t = (ts, len(self.tx), frm, to, int(fen), ch, region, kind, memo, fk, xb)
        self.tx.append(t)
        return t

    def memo(self, key, p=0.45):
        return self.r.choice(LAWFUL_MEMO[key]) if self.r.random() < p else ''

    def yuan(self, lo, hi, step=1):
        v = self.r.uniform(lo, hi)
        return int(round(v / step)) * step * 100

    def lognorm(self, med, sigma, lo=1.0, hi=1e9, step=1):
        v = med * math.exp(self.r.gauss(0, sigma))
        v = min(max(v, lo), hi)
        return max(100, int(round(v / step)) * step * 100)

    def months(self):
        m = D(PSTART.year, PSTART.month, 1)
        while m < PEND:
            yield m
            m = D(m.year + (m.month == 12), m.month % 12 + 1, 1)

    # ---------------------------------------------------------------- shared counterparties
    def corp_acct(self, region, bank=None, arch='merchant', opened=None):
        bank = bank or (self.local_bank(region) if region[:2] in IN_REGION_PROV else self.w(OUT_BANK_W))
        if bank in ('YPAY', 'QPAY'):
            bank = 'ICBC'
        h = self.holder(region, corp=True)
        return self.open(h, bank, region, opened or self.old_open(2, 20), 'corp', 'lawful', arch)

    def setup_shared(self):
        r = self.r
        for c in LOCAL_CODES:
            self.merch[c] = [self.corp_acct(c, arch=a) for a in ('supermarket', 'pharmacy', 'fuel_station', 'hospital', 'school')]
            for _ in range(r.randrange(1, 3)):
                self.merch[c].append(self.corp_acct(c, arch='factory'))
        self.platforms = [self.corp_acct('330106', 'ICBC', 'ecommerce_platform'),
                          self.corp_acct('440305', 'CMB', 'ecommerce_platform'),
                          self.corp_acct('310115', 'BOC', 'ecommerce_platform'),
                          self.corp_acct('110105', 'CITIC', 'ticketing')]
        self.utility = {p: self.corp_acct(PROV_CAP[p], 'ICBC', 'utility') for p in ('JX', 'AH', 'HN')}
        self.pension = {p: self.corp_acct(PROV_CAP[p], 'ABC', 'social_security') for p in ('JX', 'AH', 'HN')}
        self.subsidy = {p: self.corp_acct(PROV_CAP[p], 'PSBC', 'agri_subsidy') for p in ('JX', 'AH', 'HN')}
        self.grain = {p: self.corp_acct(PROV_CAP[p], 'ABC', 'grain_depot') for p in ('JX', 'AH', 'HN')}
        self.coast_emp = [self.corp_acct(c, arch='coastal_factory') for c in COAST for _ in range(3)]
        self.loanco = [self.corp_acct('310115', 'CMB', 'consumer_finance'), self.corp_acct('440306', 'PAB', 'consumer_finance'),
                       self.corp_acct('500112', 'CITIC', 'microloan')]
        self.dealers = {c: self.corp_acct(c, arch='car_dealer') for c in CITY}
        self.devs = {c: self.corp_acct(c, arch='property_developer') for c in LOCAL_CODES if r.random() < 0.8}
        self.gold = [self.corp_acct(c, arch='gold_jeweller') for c in (CITY + CASHOUT_FAR[:4])]
        self.logistics = [self.corp_acct(c, arch='logistics') for c in ('360203', '341002', '430105', '330782')]
        self.universities = {c: self.corp_acct(c, arch='university') for c in COLLEGE}
        self.canteens = {c: self.corp_acct(c, arch='campus_canteen') for c in COLLEGE}
        self.construction = [self.corp_acct(c, arch='construction_company') for c in CITY + COAST[:5]]
        self.wedding_hotel = {c: self.corp_acct(c, arch='banquet_hotel') for c in LOCAL_CODES}
        self.ext_people = []

    def ext_person(self, region=None, bank=None):
        region = region or self.r.choice(ELSEWHERE + COAST)
        bank = bank or self.w(OUT_BANK_W)
        h = self.holder(region, 1960, 2004)
        return self.open(h, bank, region, self.old_open(1, 14), self.pcls(bank), 'lawful', 'outside_person')

    def ext_pool(self, n):
        while len(self.ext_people) < n:
            self.ext_people.append(self.ext_person())
        return self.ext_people

    def person(self, home, arch, yr=(1960, 2003), n_local=(1, 2), ypay=0.45, reg=None):
        """a local person with one to three old accounts opened in `reg` (default home)."""
        r = self.r
        reg = reg or home
        h = self.holder(home, *yr)
        accts = []
        k = r.randint(*n_local)
        banks = []
        for i in range(k):
            b = self.local_bank(reg)
            while b in banks:
                b = self.local_bank(reg)
            banks.append(b)
            age_hi = max(1.5, min(15, 2024 - yr[1] - 16))
            accts.append(self.open(h, b, reg, self.old_open(0.5, age_hi), self.pcls(b, i == 0), 'lawful', arch))
        if r.random() < ypay:
            accts.append(self.open(h, 'YPAY', reg, self.old_open(0.5, 6), self.pcls('YPAY'), 'lawful', arch))
        self.people.append((h, home, accts[0], arch, accts))
        return h, accts

    def spend(self, a, region, per_month, lo=15, hi=400, start=None, end=None, night=0.05):
        """ordinary consumption from account a in its county: shops on personal accounts, merchants, platforms."""
        r = self.r
        if region[:2] not in IN_REGION_PROV and a.bank != 'YPAY':
            return   # spending on the coast from a coastal card is in nobody's extract
        start = max(start or PSTART, a.opened)
        end = end or PEND
        n = int((end - start).days / 30.4 * per_month * r.uniform(0.25, 0.65))
        shops = self.shops.get(region) or []
        merch = self.merch.get(region) or self.merch[r.choice(LOCAL_CODES)]
        for _ in range(n):
            day = self.rday(start, end)
            x = r.random()
            if x < 0.45 and shops:
                to = r.choice(shops)
                ch = 'mobile'
            elif x < 0.8:
                to = r.choice(merch[:3])
                ch = r.choice(('pos', 'mobile'))
            else:
                to = r.choice(self.platforms)
                ch = 'mobile'
            fen = int(self.lognorm(math.sqrt(lo * hi) * 0.7, 0.8, lo, hi * 3) * r.choice((1, 1, 1.0))) + r.randrange(0, 100)
            self.add(self.at(day, 'night' if r.random() < night else 'day'), a, to, fen, ch, region, memo=self.memo('shop', 0.1))

    def monthly(self, frm, to, day_lo, day_hi, lo, hi, memo_key, ch='mobile', region='', step=100, prof='day',
                start=None, end=None, skip=0.05, kind='transfer'):
        r = self.r
        base = self.yuan(lo, hi, step)
        for m in self.months():
            if r.random() < skip:
                continue
            dd = r.randint(day_lo, day_hi)
            day = D(m.year, m.month, min(dd, 28))
            if start and day < start or end and day >= end:
                continue
            fen = base if r.random() < 0.6 else self.yuan(lo, hi, step)
            self.add(self.at(day, prof), frm, to, fen, ch, region, kind, self.memo(memo_key))

    def atm(self, a, day, fen, region, prof='day'):
        t = self.at(day, prof)
        chunk = 250000 if self.r.random() < 0.6 else 300000
        while fen > 0:
            c = min(fen, chunk)
            self.add(t, a, None, c, 'atm', region, 'withdrawal')
            fen -= c
            t += TD(seconds=self.r.randrange(40, 120))

    # ---------------------------------------------------------------- lawful archetypes
    def g_shopkeeper(self, home, kind='shop'):
        """county shop / market stall run on a personal account: many customers in, suppliers out."""
        r = self.r
        h, accts = self.person(home, kind, (1965, 1995), (1, 2), 0.8)
        main = accts[-1] if accts[-1].bank == 'YPAY' and r.random() < 0.5 else accts[0]
        self.shops[home].append(main)
        # walk-in customers from outside the sample, wholesale market B2B buyers
        pool = self.ext_pool(3000)
        nin = int(r.uniform(15, 60) * (2.0 if kind == 'wholesaler' else 1.0))
        for _ in range(nin):
            day = self.rday()
            if D(2025, 1, 5) <= day <= CHUXI and r.random() < 0.5:
                day = day  # year-goods rush: more customers (duplicated below)
            fen = self.lognorm(900 if kind == 'wholesaler' else 120, 0.9, 10, 60000) + r.randrange(100)
            self.add(self.at(day, 'day'), r.choice(pool), main, fen, 'mobile', home, memo=self.memo('shop', 0.2))
        for _ in range(int(nin * 0.3)):   # 年货 rush before Spring Festival
            day = D(2025, 1, 10) + TD(days=r.randrange(18))
            self.add(self.at(day, 'day'), r.choice(pool), main, self.lognorm(180, 0.8, 10, 20000), 'mobile', home)
        # suppliers: wholesalers (some local people, many external), weekly to monthly, larger amounts
        sups = [r.choice(self.shops[c]) for c in r.sample(MARKET, 3) if self.shops[c]] + [self.ext_person(r.choice(COAST + ELSEWHERE)) for _ in range(r.randint(1, 4))]
        every = r.choice((7, 10, 14, 30))
        day = PSTART + TD(days=r.randrange(every))
        while day < PEND:
            to = r.choice(sups)
            self.add(self.at(day, 'day'), main, to, self.lognorm(6000 if kind == 'wholesaler' else 3500, 0.7, 300, 300000),
                     r.choice(('mobile', 'online', 'counter')), home, memo=self.memo('supplier'))
            day += TD(days=every + r.randint(-2, 3))
        # cash takings deposited at the counter
        for _ in range(r.randint(0, 10)):
            self.add(self.at(self.rday(), 'work'), None, accts[0], self.yuan(2000, 30000, 100), 'counter', home, 'deposit')
        if len(accts) > 1 and accts[1].bank != 'YPAY':
            for m in self.months():
                self.add(self.at(m + TD(days=r.randrange(27)), 'eve'), main, accts[1] if main is accts[0] else accts[0],
                         self.yuan(3000, 40000, 1000), 'mobile', home, memo=self.memo('self'))
        self.spend(accts[0], home, 2.5)
        return h, accts

    def g_salaried(self, home, emp=None):
        r = self.r
        h, accts = self.person(home, 'salaried', (1968, 2001), (1, 3), 0.5)
        emp = emp or r.choice(self.merch[home])
        sal = self.yuan(3200, 9000, 10)
        main = accts[0]
        for m in self.months():
            self.add(D(m.year, m.month, r.randint(8, 15), r.randint(9, 11), r.randrange(60)), emp, main,
                     sal + r.randrange(-30000, 30000, 100), 'other', home, memo=self.memo('salary', 0.8))
        self.add(self.at(D(2025, 1, r.randint(15, 24)), 'work'), emp, main, self.yuan(2000, 20000, 100), 'other', home, memo='年终奖')
        self.spend(main, home, r.uniform(1.5, 5))
        if accts[-1].bank == 'YPAY':
            for m in self.months():
                self.add(self.at(m + TD(days=r.randrange(25)), 'eve'), main, accts[-1], self.yuan(300, 3000, 100), 'mobile', home)
            self.spend(accts[-1], home, r.uniform(1, 4), 5, 200)
        self.monthly(main, self.utility[PROV_OF[home]], 1, 28, 60, 400, 'fee', step=1)
        if len(accts) > 1 and accts[1].bank != 'YPAY' and r.random() < 0.6:
            self.monthly(main, accts[1], 16, 25, 500, 6000, 'self', step=100)
        return h, accts

    def g_migrant_family(self, home):
        """one to three members working on the coast sending money home to parents/spouse."""
        r = self.r
        ph, paccts = self.person(home, 'left_behind_family', (1950, 1975), (1, 2), 0.25)
        pmain = paccts[0]
        nmig = r.choice((1, 1, 2, 2, 3))
        migs = []
        for i in range(nmig):
            city = r.choice(COAST)
            mh, maccts = self.person(home, 'migrant_worker', (1975, 2003), (1, 1), 0.35)
            cb = self.w(OUT_BANK_W)
            coast = self.open(mh, cb if cb != 'QPAY' else 'ICBC', city, self.old_open(0.3, 8), 'I', 'lawful', 'migrant_worker')
            migs.append((mh, maccts, coast, city))
            emp = r.choice(self.coast_emp)
            salary_to = coast if r.random() < 0.7 else maccts[0]
            sal = self.yuan(4500, 9500, 10)
            for m in self.months():
                if D(2025, 1, 20) <= m + TD(days=14) <= D(2025, 2, 10) and r.random() < 0.5:
                    continue
                self.add(D(m.year, m.month, r.randint(5, 15), r.randint(8, 12), r.randrange(60)), emp, salary_to,
                         sal + r.randrange(-50000, 80000, 100), 'other', city, memo=self.memo('salary', 0.7))
            src = salary_to
            send = self.yuan(1200, 4000, 100)
            self.monthly(src, pmain, 10, 20, send / 100 * 0.8, send / 100 * 1.3, 'remit', step=100, prof='eve', region=city)
            self.spend(coast, city, 10)
            # return home for Spring Festival with the year's savings
            back = D(2025, 1, r.randint(12, 26))
            self.add(self.at(back - TD(days=r.randint(0, 3)), 'eve'), coast, maccts[0], self.yuan(8000, 60000, 1000), 'mobile', city,
                     memo=self.memo('self'))
            self.spend(maccts[0], home, 12, 30, 1500, back, D(2025, 2, 8))
            self.atm(maccts[0], back + TD(days=r.randint(1, 6)), self.yuan(2000, 10000, 100), home)
            self.add(self.at(back + TD(days=r.randint(0, 8)), 'day'), maccts[0], pmain, self.yuan(2000, 20000, 1000), 'mobile', home,
                     memo=self.memo('red'))
            leave = D(2025, 2, r.randint(4, 16))
            self.add(self.at(leave, 'day'), maccts[0], coast, self.yuan(2000, 20000, 500), 'mobile', home, memo='')
            if r.random() < 0.3:
                self.red_packets(maccts[0], home, r.randint(3, 12))
        # parents: cash at the village ATM, shop, school fees, pension
        for m in self.months():
            if r.random() < 0.8:
                self.atm(pmain, m + TD(days=r.randrange(28)), self.yuan(500, 3000, 100), home)
        self.spend(pmain, home, 3, 10, 500)
        if r.random() < 0.6:
            self.monthly(self.pension[PROV_OF[home]], pmain, 5, 12, 150, 260, 'pension', 'other', home, step=1)
        if r.random() < 0.35:
            self.add(self.at(D(2025, 2, r.randint(10, 28)), 'work'), pmain, r.choice(self.merch[home][4:5]),
                     self.yuan(800, 4000, 100), 'counter', home, memo=self.memo('tuition'))
        if r.random() < 0.25 and len(migs) >= 1:
            self.big_buy(home, [m[1][0] for m in migs] + [pmain], migs[0][1][0])
        self.red_packets(pmain, home, r.randint(2, 8))
        return migs

    def red_packets(self, a, home, n):
        r = self.r
        kin = [p[2] for p in self.people[-60:] if p[1] == home] or [p[2] for p in self.people[-20:]]
        for _ in range(n):
            to = r.choice(kin)
            if to is a:
                continue
            day = CHUXI + TD(days=r.randint(-3, 10))
            prof = 'eve' if day == CHUXI else 'day'
            fen = r.choice((6600, 8800, 16800, 20000, 52000, 66600, 88800, 100000, 50000, 20000, 200000)) if r.random() < 0.8 \
                else self.yuan(50, 2000, 1)
            self.add(self.at(day, prof), a, to, fen, 'mobile', home, memo=self.memo('red', 0.6))

    def big_buy(self, home, payers, buyer, new_acct=False):
        """family pools money into one account, which makes a large first payment (car, flat deposit)."""
        r = self.r
        day = D(2025, 1, r.randint(18, 31)) + TD(days=r.randint(0, 20)) if r.random() < 0.6 else self.rday()
        acct = buyer
        if new_acct:
            b = self.local_bank(home)
            acct = self.open(buyer.holder, b, home, day - TD(days=r.randint(0, 3), hours=r.randint(1, 5)), 'I', 'lawful', 'big_buy_new_acct')
        tot = 0
        for p in payers:
            if p is acct:
                continue
            fen = self.yuan(10000, 80000, 1000)
            tot += fen
            self.add(self.at(day - TD(days=r.randint(0, 4)), 'day'), p, acct, fen, 'mobile', home, memo=r.choice(('', '买房', '买车', '')))
        what = r.random()
        if what < 0.5 and home in self.devs:
            to, key, amt = self.devs[home], 'house', max(tot, self.yuan(50000, 300000, 1000))
        else:
            to, key, amt = self.dealers.get(home) or self.dealers[r.choice(CITY)], 'car', max(tot, self.yuan(60000, 180000, 1000))
        self.add(self.at(day + TD(days=r.randint(0, 2)), 'work'), acct, to, amt, 'counter' if r.random() < 0.4 else 'online', home,
                 memo=self.memo(key, 0.8))
        return acct

    def g_student(self, home):
        r = self.r
        col = r.choice(COLLEGE)
        h, accts = self.person(home, 'student', (2002, 2006), (1, 1), 0.6, reg=r.choice((home, col)))
        main = accts[0]
        fam = r.choice([p[2] for p in self.people[-200:] if p[3] in ('left_behind_family', 'salaried', 'farmer', 'shop')] or [self.ext_person()])
        self.monthly(fam, main, 1, 10, 800, 2500, 'allow', step=100, prof='eve')
        term = D(2025, 2, r.randint(14, 28))
        term_end = D(2025, 1, r.randint(8, 18))
        self.spend_campus(main, col, PSTART, term_end)
        self.spend_campus(main, col, term, PEND)
        self.spend(main, home, 3, 10, 300, term_end, term)
        if r.random() < 0.45:   # new II-class card opened at term start (campus / bank promotion)
            b = self.local_bank(col)
            na = self.open(h, b, col, term + TD(days=r.randint(0, 10), hours=r.randint(9, 16)), 'II', 'lawful', 'student_new_card')
            self.add(na.opened + TD(hours=r.randint(1, 48)), main, na, self.yuan(200, 2000, 100), 'mobile', col)
            self.spend_campus(na, col, na.opened, PEND, 5)
            self.monthly(fam, na, 1, 10, 800, 2000, 'allow', start=na.opened, step=100)
        if r.random() < 0.4:
            self.add(self.at(term - TD(days=r.randint(0, 5)), 'day'), fam, main, self.yuan(3000, 7000, 100), 'mobile', home, memo='学费')
            self.add(self.at(term + TD(days=r.randint(1, 10)), 'work'), main, self.universities[col], self.yuan(3000, 7000, 100),
                     'online', col, memo=self.memo('tuition', 0.8))
        if r.random() < 0.35:   # part-time job
            emp = r.choice(self.merch[col][:3])
            for _ in range(r.randint(2, 6)):
                self.add(self.at(self.rday(), 'eve'), emp, main, self.yuan(150, 1500, 10), 'mobile', col, memo='兼职')
        return h, accts, col

    def spend_campus(self, a, col, start, end, per_month=7):
        r = self.r
        n = int(max(0, (end - max(start, a.opened)).days) / 30.4 * per_month * r.uniform(0.35, 0.8))
        mates = [p[2] for p in self.people[-150:] if p[3] == 'student'] or [a]
        for _ in range(n):
            day = self.rday(max(start, a.opened), end)
            if r.random() < 0.7:
                self.add(self.at(day, 'day'), a, self.canteens[col], self.yuan(8, 35, 0.01), 'pos', col)
            elif r.random() < 0.6:
                to = r.choice(mates)
                if to is not a:
                    self.add(self.at(day, 'eve'), a, to, self.yuan(10, 150, 0.01), 'mobile', col, memo=self.memo('aa', 0.5))
            else:
                self.add(self.at(day, 'day'), a, r.choice(self.platforms), self.yuan(20, 400, 0.01), 'mobile', col)

    def g_porcelain(self):
        r = self.r
        home = r.choice(PORCELAIN)
        h, accts = self.person(home, 'porcelain_seller', (1965, 1998), (1, 2), 0.7)
        main = accts[-1] if accts[-1].bank == 'YPAY' else accts[0]
        self.shops[home].append(main)
        buyers = [self.ext_person() for _ in range(r.randint(60, 200))]
        workshops = [self.person(home, 'porcelain_workshop', (1960, 1990), (1, 1), 0.2)[1][0] for _ in range(r.randint(2, 5))]
        for b in buyers:
            for _ in range(r.choice((1, 1, 1, 2, 3))):
                day = self.rday()
                fen = self.lognorm(600, 1.1, 50, 80000) + r.choice((0, 0, 50, 80))
                self.add(self.at(day, r.choice(('day', 'eve'))), b, main, fen, 'mobile', b.region, memo=self.memo('porcelain', 0.3))
        every = r.choice((7, 10, 15))
        day = PSTART + TD(days=r.randrange(every))
        while day < PEND:
            self.add(self.at(day, 'day'), main, r.choice(workshops), self.lognorm(8000, 0.7, 500, 200000), 'mobile', home,
                     memo=self.memo('supplier'))
            if r.random() < 0.6:
                self.add(self.at(day, 'day'), main, r.choice(self.logistics), self.lognorm(800, 0.6, 50, 20000), 'online', home)
            day += TD(days=every + r.randint(-2, 2))
        if main is not accts[0]:
            self.monthly(main, accts[0], 20, 28, 5000, 40000, 'self', step=1000)

    def g_livestream(self, home):
        """live-streaming seller of local produce (navel oranges, tea, 腊肉, porcelain): bursts of buyers per session."""
        r = self.r
        h, accts = self.person(home, 'livestream_seller', (1985, 2002), (1, 1), 1.0)
        main = accts[-1]
        pool = self.ext_pool(3000)
        nsess = r.randint(5, 18)
        sups = [self.person(home, 'produce_supplier', (1955, 1985), (1, 1), 0.2)[1][0] for _ in range(r.randint(1, 3))]
        for _ in range(nsess):
            day = self.rday()
            if r.random() < 0.35:
                day = r.choice((D(2024, 11, 11), D(2024, 12, 12), D(2025, 1, 15), D(2025, 1, 20), D(2025, 3, 8))) + TD(days=r.randint(-2, 1))
            t = D(day.year, day.month, day.day, r.randint(19, 21), r.randrange(60))
            price = r.choice((2990, 3990, 4990, 6800, 9900, 12800, 19900, 29900))
            total = 0
            for _ in range(r.randint(10, 80)):
                tt = t + TD(seconds=r.randrange(3 * 3600))
                fen = price * r.choice((1, 1, 1, 2, 3)) + r.choice((0, 0, 800, 1000))
                total += fen
                self.add(tt, r.choice(pool), main, fen, 'mobile', r.choice(ELSEWHERE + COAST + LOCAL_CODES))
            nt = t + TD(hours=r.randint(12, 40))
            self.add(nt, main, r.choice(sups), int(total * r.uniform(0.45, 0.7)), 'mobile', home, memo=self.memo('supplier'))
            self.add(nt + TD(minutes=r.randint(2, 200)), main, r.choice(self.logistics), int(total * r.uniform(0.05, 0.12)), 'online', home)
            if len(accts) > 1:
                self.add(nt + TD(hours=r.randint(1, 30)), main, accts[0], int(total * r.uniform(0.1, 0.3)), 'mobile', home)

    def g_landlord(self, home):
        r = self.r
        h, accts = self.person(home, 'landlord', (1955, 1985), (1, 2), 0.4)
        main = accts[0]
        ntn = r.randint(3, 14)
        pool = [p[2] for p in self.people[-300:] if p[3] in ('student', 'salaried', 'migrant_worker')]
        for _ in range(ntn):
            ten = r.choice(pool) if pool and r.random() < 0.6 else self.ext_person(home if r.random() < 0.5 else None)
            rent = self.yuan(500, 2200, 50)
            quarterly = r.random() < 0.25
            start = PSTART if r.random() < 0.85 else D(2025, 2, r.randint(10, 28))
            for m in self.months():
                if quarterly and m.month not in (11, 2):
                    continue
                day = D(m.year, m.month, r.randint(1, 8))
                if day < start:
                    continue
                self.add(self.at(day, 'day'), ten, main, rent * (3 if quarterly else 1), 'mobile', home, memo=self.memo('rent'))
        self.spend(main, home, 6)
        if r.random() < 0.5:
            self.monthly(main, r.choice(self.merch[home][:3]), 1, 28, 200, 800, 'fee', step=1)

    def g_shuffler(self, home):
        """one person, cards at several banks, moves money between them (wealth products, repayments, promotions)."""
        r = self.r
        h, accts = self.person(home, 'multi_bank', (1970, 1998), (3, 4), 0.7)
        banks = accts
        emp = r.choice(self.merch[home])
        self.monthly(emp, banks[0], 8, 15, 5000, 15000, 'salary', 'other', home, step=10)
        for _ in range(r.randint(6, 30)):
            day = self.rday()
            a, b = r.sample(banks, 2)
            fen = self.yuan(2000, 80000, 1000)
            t = self.at(day, 'day')
            self.add(t, a, b, fen, 'mobile', home, memo=self.memo('self', 0.3))
            if r.random() < 0.3:   # chained same day: A -> B -> C
                c = r.choice([x for x in banks if x is not b])
                self.add(t + TD(minutes=r.randint(2, 90)), b, c, fen - r.choice((0, 0, 100000)) if fen > 200000 else fen, 'mobile', home)
        self.spend(banks[0], home, 6)
        if r.random() < 0.3:
            self.monthly(banks[1], r.choice(self.loanco), 20, 27, 800, 4000, 'loan', 'online', step=1)

    def g_newjob(self, home):
        """returned migrant or graduate starting a local job after the festival: salary card opened in the data."""
        r = self.r
        h, accts = self.person(home, 'new_job', (1980, 2003), (1, 1), 0.4)
        emp = r.choice(self.merch[home][5:] or self.merch[home])
        b = r.choice(SUPPLY[:5])
        od = D(2025, 2, 10) + TD(days=r.randint(0, 45), hours=r.randint(9, 16))
        na = self.open(h, b, home, od, 'I', 'lawful', 'new_salary_card')
        sal = self.yuan(3000, 7000, 10)
        m = od + TD(days=r.randint(20, 40))
        while m < PEND:
            self.add(D(m.year, m.month, m.day, 10, r.randrange(60)), emp, na, sal, 'other', home, memo='工资')
            m += TD(days=30)
        if r.random() < 0.5:  # housing fund / second card opened the same week
            b2 = r.choice([x for x in SUPPLY if x != b])
            self.open(h, b2, home, od + TD(days=r.randint(0, 6)), 'II', 'lawful', 'new_second_card')
        self.spend(na, home, 6, start=od)
        self.add(od + TD(days=r.randint(1, 10)), accts[0], na, self.yuan(100, 2000, 100), 'mobile', home)

    def g_contractor(self, home):
        """包工头: project money in, wages out to a crew before the festival, cash in chunks."""
        r = self.r
        h, accts = self.person(home, 'labour_contractor', (1962, 1988), (1, 2), 0.3)
        main = accts[0]
        comp = r.choice(self.construction)
        crew = [self.person(home, 'construction_worker', (1960, 1998), (1, 1), 0.3)[1][0] if r.random() < 0.6 else self.ext_person(home)
                for _ in range(r.randint(12, 45))]
        for _ in range(r.randint(1, 4)):
            self.add(self.at(self.rday(PSTART, D(2025, 1, 20)), 'work'), comp, main, self.yuan(80000, 900000, 1000), 'online', home,
                     memo='工程款')
        payday = D(2025, 1, r.randint(12, 24))
        t = self.at(payday, 'eve')
        for wkr in crew:
            self.add(t, main, wkr, self.yuan(8000, 45000, 100), 'mobile', home, memo=self.memo('wage', 0.6))
            t += TD(seconds=r.randrange(20, 300))
        for _ in range(r.randint(1, 4)):
            self.atm(main, payday + TD(days=r.randint(-3, 3)), self.yuan(5000, 20000, 100), home)
        if r.random() < 0.6:
            t = self.at(D(2025, r.choice((3, 4)), r.randint(1, 28)), 'eve')
            self.add(t - TD(days=2), comp, main, self.yuan(50000, 400000, 1000), 'online', home, memo='工程款')
            for wkr in r.sample(crew, min(len(crew), r.randint(5, 20))):
                self.add(t, main, wkr, self.yuan(3000, 12000, 100), 'mobile', home, memo=self.memo('wage', 0.6))
                t += TD(seconds=r.randrange(20, 300))
        self.spend(main, home, 6)

    def g_factory(self, home):
        """returned migrant's small factory (corp account) and the owner's personal card."""
        r = self.r
        h, accts = self.person(home, 'factory_owner', (1970, 1992), (2, 2), 0.4)
        corp = self.corp_acct(home, arch='small_factory')
        self.merch[home].append(corp)
        buyers = r.sample(self.coast_emp, 3)
        for _ in range(r.randint(6, 20)):
            self.add(self.at(self.rday(), 'work'), r.choice(buyers), corp, self.yuan(20000, 400000, 10), 'online', home, memo='货款')
        workers = [self.person(home, 'factory_worker', (1965, 2003), (1, 1), 0.3)[1][0] for _ in range(r.randint(8, 40))]
        for m in self.months():
            t = D(m.year, m.month, r.randint(10, 15), 10, r.randrange(60))
            for wk in workers:
                if r.random() < 0.93:
                    self.add(t, corp, wk, self.yuan(2800, 6500, 10), 'other', home, memo='工资')
        for _ in range(r.randint(3, 10)):
            self.add(self.at(self.rday(), 'work'), corp, accts[0], self.yuan(5000, 60000, 100), 'online', home)
            self.add(self.at(self.rday(), 'work'), accts[0], r.choice(self.shops[r.choice(MARKET)] or [self.ext_person()]),
                     self.yuan(3000, 50000, 100), 'mobile', home, memo=self.memo('supplier'))
        self.spend(accts[0], home, 8)

    def g_wedding(self, home):
        """份子钱: dozens of guests, many unrelated to each other, pay the couple; then hotel and jeweller."""
        r = self.r
        h, accts = self.person(home, 'wedding_couple', (1990, 2000), (1, 1), 0.8)
        main = accts[0] if r.random() < 0.6 else accts[-1]
        day = D(2025, 1, r.randint(18, 31)) + TD(days=r.randint(0, 14)) if r.random() < 0.75 else self.rday()
        guests = [p[2] for p in self.people[-400:] if p[1] == home] + self.ext_pool(3000)[:0]
        tot = 0
        for _ in range(r.randint(25, 110)):
            g = r.choice(guests) if guests and r.random() < 0.6 else self.ext_person(r.choice(COAST + [home]))
            fen = r.choice((20000, 30000, 50000, 60000, 66600, 80000, 100000, 88800, 120000, 200000))
            tot += fen
            self.add(self.at(day - TD(days=r.randint(0, 2)), 'day'), g, main, fen, 'mobile', home, memo=self.memo('gift', 0.5))
        self.add(self.at(day + TD(days=1), 'day'), main, self.wedding_hotel[home], int(tot * r.uniform(0.3, 0.6)), 'pos', home, memo='酒席')
        self.add(self.at(day + TD(days=r.randint(2, 9)), 'day'), main, r.choice(self.gold[:len(CITY)]), int(tot * r.uniform(0.1, 0.3)),
                 'pos', home)

    def g_farmer(self, home):
        r = self.r
        tea = home in TEA
        h, accts = self.person(home, 'tea_farmer' if tea else 'rice_farmer', (1950, 1985), (1, 1), 0.2)
        main = accts[0]
        prov = PROV_OF[home]
        if not tea or r.random() < 0.4:
            self.add(self.at(D(2024, 11, r.randint(3, 28)), 'work'), self.grain[prov], main, self.yuan(3000, 40000, 1), 'other', home,
                     memo=self.memo('grain', 0.8))
        self.add(self.at(D(2024, 12, r.randint(5, 25)), 'work'), self.subsidy[prov], main, self.yuan(200, 3000, 0.01), 'other', home,
                 memo=self.memo('subsidy', 0.9))
        if tea:
            buyers = [r.choice(self.shops[c]) for c in TEA if self.shops[c]] + [self.ext_person() for _ in range(r.randint(1, 4))]
            for _ in range(r.randint(3, 14)):
                self.add(self.at(D(2025, 3, 12) + TD(days=r.randint(0, 48)), 'day'), r.choice(buyers), main,
                         self.lognorm(2500, 0.8, 200, 60000), 'mobile', home, memo=self.memo('tea', 0.5))
        for m in self.months():
            if r.random() < 0.6:
                self.atm(main, m + TD(days=r.randrange(28)), self.yuan(300, 3000, 100), home)
        self.add(self.at(D(2025, 3, r.randint(1, 28)), 'day'), main, r.choice(self.merch[home][:3]), self.yuan(500, 6000, 1),
                 'pos', home, memo='化肥')
        self.spend(main, home, 3, 10, 400)

    def g_tea_merchant(self, home):
        r = self.r
        h, accts = self.g_shopkeeper(home, 'tea_merchant')
        main = accts[0]
        pool = self.ext_pool(3000)
        for _ in range(r.randint(30, 120)):  # spring tea orders from all over China
            day = D(2025, 3, 15) + TD(days=r.randint(0, 46))
            self.add(self.at(day, r.choice(('day', 'eve'))), r.choice(pool), main, self.lognorm(500, 0.9, 60, 30000), 'mobile',
                     home, memo=self.memo('tea', 0.3))

    def g_dormant_comp(self, home):
        """long-quiet account wakes with a land-compensation or insurance payout, shared out to children."""
        r = self.r
        h, accts = self.person(home, 'dormant_payout', (1940, 1965), (1, 1), 0.0)
        main = accts[0]
        payer = self.corp_acct(home, 'ABC', 'county_land_bureau') if r.random() < 0.7 else r.choice(self.loanco)
        day = self.rday(D(2024, 12, 1))
        fen = self.yuan(60000, 600000, 1)
        self.add(self.at(day, 'work'), payer, main, fen, 'other', home, memo=self.memo('comp', 0.9))
        kids = [self.person(home, 'payout_child', (1968, 1995), (1, 1), 0.4)[1][0] for _ in range(r.randint(2, 4))]
        left = fen
        for k in kids:
            part = int(fen * r.uniform(0.1, 0.3)) // 100 * 100
            self.add(self.at(day + TD(days=r.randint(0, 10)), 'day'), main, k, part, 'counter', home)
            left -= part
        self.atm(main, day + TD(days=r.randint(1, 20)), self.yuan(2000, 10000, 100), home)

    def g_elderly(self, home):
        r = self.r
        h, accts = self.person(home, 'pensioner', (1940, 1962), (1, 1), 0.1)
        main = accts[0]
        prov = PROV_OF[home]
        self.monthly(self.pension[prov], main, 5, 12, 180, 3500 if r.random() < 0.3 else 300, 'pension', 'other', home, step=1)
        for m in self.months():
            if r.random() < 0.7:
                self.atm(main, m + TD(days=r.randrange(28)), self.yuan(300, 2000, 100), home)
        self.spend(main, home, 2, 10, 300)
        self.red_packets(main, home, r.randint(1, 6))

    def g_group_leader(self, home):
        """社区团购团长 / village cooperative treasurer: many neighbours pay, supplier paid in one go."""
        r = self.r
        h, accts = self.person(home, 'group_buy_leader', (1970, 1995), (1, 1), 0.9)
        main = accts[-1]
        neigh = [p[2] for p in self.people[-500:] if p[1] == home] or self.ext_pool(3000)
        sup = self.corp_acct(home, arch='produce_wholesaler')
        for _ in range(r.randint(6, 20)):
            day = self.rday()
            tot = 0
            for _ in range(r.randint(6, 30)):
                fen = self.yuan(15, 300, 0.01)
                tot += fen
                self.add(self.at(day, 'day'), r.choice(neigh), main, fen, 'mobile', home, memo=r.choice(('', '', '团购', '拼单')))
            self.add(self.at(day + TD(days=1), 'work'), main, sup, int(tot * 0.93), 'mobile', home, memo=self.memo('supplier'))

    def build_lawful(self):
        r = self.r
        v = self.v
        pop, look = v['pop'], v['look']
        # shops first so that everybody else can spend at them
        for c in LOCAL_CODES:
            for _ in range(int(r.randint(4, 9) * (pop + 0.3 * (look - 1)))):
                self.g_shopkeeper(c, 'shop')
        for c in MARKET:
            for _ in range(int(r.randint(4, 8) * look)):
                self.g_shopkeeper(c, 'wholesaler')
        for c in TEA:
            for _ in range(int(r.randint(2, 4) * look)):
                self.g_tea_merchant(c)
        for _ in range(int(1450 * pop)):
            self.g_salaried(r.choice(LOCAL_CODES))
        for _ in range(int(1200 * pop)):
            self.g_migrant_family(r.choice(MIGRANT_HOME))
        for _ in range(int(800 * pop)):
            self.g_elderly(r.choice(LOCAL_CODES))
        for _ in range(int(700 * pop)):
            self.g_farmer(r.choice(MIGRANT_HOME + TEA))
        for _ in range(int(1100 * pop)):
            self.g_student(r.choice(LOCAL_CODES))
        for _ in range(int(130 * look)):
            self.g_landlord(r.choice(CITY + COLLEGE))
        for _ in range(int(150 * look)):
            self.g_shuffler(r.choice(LOCAL_CODES))
        for _ in range(int(220 * look)):
            self.g_newjob(r.choice(LOCAL_CODES))
        for _ in range(int(45 * look)):
            self.g_contractor(r.choice(MIGRANT_HOME))
        for _ in range(int(25 * look)):
            self.g_factory(r.choice(MIGRANT_HOME))
        for _ in range(int(70 * look)):
            self.g_wedding(r.choice(LOCAL_CODES))
        for _ in range(int(30 * look)):
            self.g_porcelain()
        for _ in range(int(45 * look)):
            self.g_livestream(r.choice(LOCAL_CODES))
        for _ in range(int(50 * look)):
            self.g_dormant_comp(r.choice(MIGRANT_HOME))
        for _ in range(int(40 * look)):
            self.g_group_leader(r.choice(LOCAL_CODES))
        for _ in range(int(60 * look)):    # family pooling into a freshly opened account for a big payment
            home = r.choice(LOCAL_CODES)
            h, accts = self.person(home, 'big_buyer', (1975, 1998), (1, 1), 0.3)
            payers = [self.person(home, 'pooling_relative', (1950, 1990), (1, 1), 0.2)[1][0] for _ in range(r.randint(2, 5))]
            self.big_buy(home, payers + [accts[0]], accts[0], new_acct=r.random() < 0.6)

    # ---------------------------------------------------------------- fraud side
    def lanes(self, span, n_lanes, length, make):
        """sequential cards in parallel lanes covering span; make(start) -> account with .win set."""
        r = self.r
        out = []
        for _ in range(n_lanes):
            t = span[0] - TD(days=r.randint(0, 3))
            while t < span[1]:
                ln = TD(days=r.uniform(*length))
                a = make(t, t + ln)
                if a is not None:
                    a.win = (t, t + ln)
                    out.append(a)
                t += ln * r.uniform(0.6, 1.1)
        return out

    def mule_card(self, g, layer, t0, t1, kind):
        r = self.r
        v = self.v
        if kind == 'fresh':
            home = r.choice(MIGRANT_HOME + COLLEGE) if r.random() < 0.7 else r.choice(ELSEWHERE)
            h = self.holder(home, 1975, 2006)
            bank = self.local_bank(home) if home[:2] in IN_REGION_PROV else self.w(OUT_BANK_W)
            if r.random() < 0.25:
                bank = 'YPAY'
            a = self.open(h, bank, home, t0 - TD(days=r.randint(1, 12), hours=r.randint(0, 6)), self.pcls(bank, r.random() < 0.5),
                          'mule', 'fresh_card')
            if r.random() < 0.4:  # the recruit opens a second card the same week
                b2 = self.local_bank(home) if home[:2] in IN_REGION_PROV else self.w(OUT_BANK_W)
                if b2 != bank:
                    a2 = self.open(h, b2, home, a.opened + TD(days=r.randint(0, 4)), 'II', 'mule', 'fresh_card')
                    a2.gang, a2.layer, a2.win = g, layer, (max(t0, a2.opened + TD(hours=2)), t1)
                    g['cards'].append(a2)
        elif kind == 'farmer':
            pool = [x for x in self.farmer_cards if x.gang is None and x.opened < t0 - TD(days=2)]
            if not pool:
                return self.mule_card(g, layer, t0, t1, 'fresh')
            a = r.choice(pool[:40])
        elif kind in ('rented', 'sold'):
            lo, hi = v['l1_age_years'] if kind == 'rented' else v['sold_old']
            cand = [x for x in self.lawful_old if x.gang is None and lo <= (PSTART - x.opened).days / 365 <= hi]
            if not cand:
                return self.mule_card(g, layer, t0, t1, 'fresh')
            a = cand[r.randrange(min(len(cand), 60))]
            self.lawful_old.remove(a)
            arch0 = a.arch
            a.role = 'mule'
            a.arch = ('old_rented' if kind == 'rented' else 'old_sold') + '(was ' + arch0 + ')'
            if kind == 'rented':
                self.block.setdefault(a.id, []).append((t0 - TD(days=1), t1 + TD(days=1)))
            else:
                self.block.setdefault(a.id, []).append((t0 - TD(days=r.randint(3, 30)), PEND))
        else:   # corp shell
            home = r.choice(LOCAL_CODES + ELSEWHERE + COAST)
            a = self.corp_acct(home, opened=t0 - TD(days=r.randint(60, 500)))
            a.role, a.arch = 'mule', 'corp_shell'
        a.gang, a.layer = g, layer
        g['cards'].append(a)
        return a

    def build_farmers(self):
        r = self.r
        self.farmer_cards = []
        for i in range(self.v['farmers']):
            home = r.choice(FARMER_HOME)
            h = self.holder(home, 1978, 2004)
            own = self.open(h, self.w(OUT_BANK_W) if home[:2] not in IN_REGION_PROV else self.local_bank(home), home,
                            self.old_open(2, 10), 'I', 'lawful', 'card_farmer_own')
            own.farmer = True
            self.farm_holders[h] = own
            start = PSTART + TD(days=r.randint(-50, 110))
            cities = r.sample(LOCAL_CODES, r.randint(1, 3)) + r.sample(ELSEWHERE + COAST, r.randint(0, 2))
            n = r.randint(6, 16)
            used = []
            for k in range(n):
                c = r.choice(cities)
                bank = self.local_bank(c) if c[:2] in IN_REGION_PROV else self.w(OUT_BANK_W)
                if r.random() < 0.2:
                    bank = 'YPAY'
                if bank in used and r.random() < 0.7:
                    bank = r.choice([b for b in SUPPLY + ['ICBC', 'BOC', 'CIB'] if b not in used] or [bank])
                used.append(bank)
                od = start + TD(days=r.uniform(0, r.choice((6, 10, 18))), hours=r.randint(9, 16))
                a = self.open(h, bank, c, od, r.choice(('I', 'II', 'II')), 'farmer_card', 'farmer_card')
                a.farmer = True
                self.farmer_cards.append(a)
                # opening test deposit/transfer that sets the card live
                if r.random() < 0.5:
                    self.add(od + TD(minutes=r.randint(5, 90)), own, a, r.choice((1000, 5000, 10000, 100)), 'mobile', c)
        r.shuffle(self.farmer_cards)

    def build_gangs(self):
        r = self.r
        v = self.v
        self.lawful_old = [a for a in self.acc.values() if a.role == 'lawful' and a.supply and a.cls in ('I', 'II')
                           and a.arch in ('student', 'salaried', 'migrant_worker', 'left_behind_family', 'rice_farmer',
                                          'pensioner', 'factory_worker', 'construction_worker', 'new_job', 'tea_farmer')
                           and a.opened < PSTART - TD(days=365)]
        r.shuffle(self.lawful_old)
        for gi in range(v['gangs']):
            s = PSTART + TD(days=r.randint(0, 60))
            e = min(PEND - TD(days=2), s + TD(days=r.randint(70, 170)))
            op_reg = r.choice(OP_REGIONS)
            g = dict(id=gi, span=(s, e), cards=[], hops=r.choice(v['hops']), op_reg=op_reg)
            ops = []
            for _ in range(r.randint(2, 4)):
                if r.random() < 0.35:
                    a = self.open(self.holder(op_reg, 1975, 2000), 'KHBANK', op_reg, self.old_open(1, 5), 'I', 'operator', 'overseas_operator')
                else:
                    b = self.w(OUT_BANK_W)
                    a = self.open(self.holder(op_reg, 1975, 2000), b, op_reg, self.old_open(1, 6), 'I', 'operator', 'operator')
                a.gang = g
                ops.append(a)
            g['ops'] = ops
            kinds = list(v['kinds'].items())
            kw = [(k, w) for k, w in kinds if k != 'corp']
            L = {}
            L[1] = self.lanes(g['span'], r.randint(2, 4), (3, 14) if v['delay'][1] < 100 else (10, 40),
                              lambda a0, a1: self.mule_card(g, 1, a0, a1, self.w(kw)))
            for k in range(2, g['hops'] + 1):
                L[k] = self.lanes(g['span'], r.randint(1, 3), (5, 25) if v['delay'][1] < 100 else (15, 60),
                                  lambda a0, a1, k=k: self.mule_card(g, k, a0, a1, self.w(kinds)))
            # cash-out cards: opened at home, emptied at ATMs elsewhere
            L['cash'] = self.lanes(g['span'], r.randint(1, 2), (4, 15),
                                   lambda a0, a1: self.mule_card(g, 9, a0, a1, self.w([('fresh', 5), ('farmer', 3), ('sold', 2)])))
            for a in L['cash']:
                if a.role == 'mule':
                    a.arch = 'cashout_' + a.arch
            g['L'] = L
            self.gangs.append(g)
        # U商 (OTC USDT dealers), some in the region, with cards at several banks
        self.ushang = []
        for i in range(v['ushang']):
            home = r.choice(CITY + COAST[:4] + ['350102', '440106'])
            h = self.holder(home, 1980, 2000)
            cards = []
            for b in r.sample(['ABC', 'CCB', 'CMB', 'PSBC', 'ICBC', 'YPAY', 'BOC', 'CIB', 'JXRCB' if home[:2] == '36' else 'PAB'], r.randint(2, 4)):
                a = self.open(h, b, home, self.old_open(0.3, 6), self.pcls(b), 'ushang', 'usdt_otc_dealer')
                cards.append(a)
            self.ushang.append(cards)
            pool = self.ext_pool(3000)
            for _ in range(r.randint(20, 80)):   # ordinary USDT buyers and sellers (lawful counterparts)
                t = self.at(self.rday(), 'any')
                c = r.choice(cards)
                if r.random() < 0.6:
                    self.add(t, r.choice(pool), c, self.lognorm(8000, 0.9, 500, 200000), 'mobile', home, memo=self.memo('usdt', 0.3))
                else:
                    self.add(t, c, r.choice(pool), self.lognorm(9000, 0.9, 500, 200000), 'mobile', home)
        # 跑分 participants: students, housewives, idle youth lending their payment accounts for commission
        self.paofen = []
        for i in range(v['paofen']):
            home = r.choice(LOCAL_CODES)
            if r.random() < 0.5:
                h, accts = self.g_student(home)[:2]
            else:
                h, accts = self.person(home, 'young_idle', (1990, 2005), (1, 1), 0.9)
                self.spend(accts[0], home, 5)
            g = r.choice(self.gangs)
            s = max(g['span'][0], PSTART + TD(days=r.randint(0, 150)))
            s = min(s, g['span'][1] - TD(days=5))
            e = min(g['span'][1], s + TD(days=r.randint(3, 25)))
            cards = [a for a in accts if a.bank == 'YPAY'] + [accts[0]]
            for a in cards[:2]:
                a.role, a.arch, a.gang, a.win, a.layer = 'paofen', 'paofen_' + a.arch, g, (s, e), 1
                self.block.setdefault(a.id, []).append((s, e))
                self.paofen.append(a)

    def active(self, cards, t):
        act = [a for a in cards if a.win and a.win[0] <= t < a.win[1]]
        if act:
            return self.r.choice(act)
        best = min(cards, key=lambda a: abs((a.win[0] - t).total_seconds()) if a.win else 1e18)
        return best

    def build_victims(self):
        r = self.r
        v = self.v
        self.incoming = {}  # account id -> list of (t, fen, reported, victim)
        typ = [(t[0], t[1]) for t in TYPOLOGY]
        inside_share = {t[0]: t[2] for t in TYPOLOGY}
        local_people = [p for p in self.people if p[3] in ('salaried', 'student', 'pensioner', 'left_behind_family', 'migrant_worker',
                                                            'shop', 'rice_farmer', 'tea_farmer', 'new_job', 'landlord')]
        for vi in range(v['victims']):
            ty = self.w(typ)
            if ty == 'fake_job' and r.random() < 0.6:
                t0 = D(2025, 2, 5) + TD(days=r.randint(0, 40))
            elif ty in ('shopping_service', 'ecommerce_cs') and r.random() < 0.4:
                t0 = D(2025, 1, 5) + TD(days=r.randint(0, 22))
            else:
                t0 = self.rday(PSTART, PEND - TD(days=3))
            gs = [g for g in self.gangs if g['span'][0] <= t0 < g['span'][1]] or self.gangs
            g = r.choice(gs)
            inside = r.random() < inside_share[ty]
            if inside:
                p = r.choice(local_people)
                src = [a for a in p[4] if a.role == 'lawful'] or [self.ext_person()]
                vhome = p[1]
            else:
                va = self.ext_person(r.choice(ELSEWHERE + COAST))
                src = [va]
                vhome = va.region
            if ty == 'military_purchase':
                src = [self.corp_acct(r.choice(LOCAL_CODES if inside else ELSEWHERE), arch='victim_business')]
            big = {'brushing': (300, 0.9), 'ecommerce_cs': (9000, 0.9), 'investment': (30000, 1.0), 'loan_card': (2500, 0.7),
                   'credit_record': (20000, 0.8), 'shopping_service': (800, 0.9), 'police_gov': (60000, 1.0),
                   'leader_acquaintance': (30000, 0.7), 'game_trade': (1200, 0.9), 'romance': (20000, 1.0),
                   'military_purchase': (50000, 0.7), 'prize': (3000, 0.8), 'parcel': (30000, 0.9), 'subsidy_refund': (5000, 0.7),
                   'accident_kidnap': (20000, 0.6), 'phone_bill': (15000, 0.9), 'fake_job': (600, 0.7)}[ty]
            npay = {'brushing': (3, 8), 'ecommerce_cs': (1, 4), 'investment': (2, 12), 'loan_card': (2, 5), 'credit_record': (1, 6),
                    'shopping_service': (1, 2), 'police_gov': (1, 5), 'leader_acquaintance': (1, 2), 'game_trade': (1, 3),
                    'romance': (2, 10), 'military_purchase': (1, 3), 'fake_job': (1, 3)}.get(ty, (1, 2))
            n = r.randint(*npay)
            spread = {'investment': 40, 'romance': 35}.get(ty, 0)
            reported = r.random() < (0.4 if ty in ('brushing', 'shopping_service', 'game_trade', 'fake_job') else 0.58)
            paof = ty in ('brushing', 'shopping_service', 'game_trade', 'loan_card', 'fake_job') and r.random() < 0.45
            three = ty in ('police_gov', 'investment', 'ecommerce_cs') and r.random() < 0.04
            vrec = dict(id=vi, ty=ty, reported=reported, src=src, pays=[], inside=inside)
            self.victims.append(vrec)
            t = t0
            prof = 'work' if ty in ('police_gov', 'military_purchase', 'credit_record') else 'day'
            base = self.lognorm(big[0], big[1], 50, 2000000)
            for k in range(n):
                if spread:
                    t = t + TD(days=r.uniform(0.5, spread / n + 2)) if k else self.at(t0, 'eve')
                else:
                    t = (t + TD(minutes=r.randint(3, 240))) if k else self.at(t0, prof)
                if t >= PEND:
                    break
                esc = 1.0 + (k * r.uniform(0.3, 1.2) if ty in ('brushing', 'investment', 'romance', 'loan_card') else r.uniform(-0.3, 0.3))
                fen = max(1000, int(base * esc))
                if ty in ('police_gov', 'credit_record', 'investment') and r.random() < 0.4:
                    fen = fen // 100000 * 100000 or 100000
                s = r.choice(src)
                if ty in ('credit_record', 'ecommerce_cs', 'loan_card') and r.random() < 0.3:   # victim borrows first
                    lo = r.choice(self.loanco)
                    self.add(t - TD(minutes=r.randint(5, 40)), lo, s, fen, 'other', vhome, memo='放款', fk=None)
                if inside and len(p[4]) > 1 and ty in ('police_gov', 'investment') and r.random() < 0.5:
                    other = [a for a in p[4] if a is not s]
                    for o in other:   # gathers own cards into one before paying the "safe account"
                        self.add(t - TD(minutes=r.randint(10, 120)), o, s, int(fen * r.uniform(0.2, 0.6)), 'mobile', vhome)
                if three and k == 0:
                    to = r.choice(self.gold)
                    self.three_party.append(to)
                    g3 = True
                elif paof:
                    to = self.active([a for a in self.paofen if a.gang is g] or self.paofen, t)
                    g3 = False
                else:
                    to = self.active([a for a in g['cards'] if a.layer == 1], t)
                    g3 = False
                if s.supply is False and to.supply is False and r.random() < 0.5 and not g3:
                    pass
                tr = self.add(t, s, to, fen, r.choice(('mobile', 'mobile', 'online', 'counter' if ty == 'police_gov' else 'mobile')),
                              vhome, memo=r.choice(FRAUD_MEMO) if r.random() < 0.3 else '', fk='victim_payment')
                if tr is None:
                    continue
                vrec['pays'].append(tr)
                if not g3:
                    self.incoming.setdefault(to.id, []).append((t, fen, reported, vi))
                # early "profit" paid back to a victim of investment fraud to build trust
                if ty == 'investment' and k == 0 and r.random() < 0.4:
                    self.add(t + TD(days=r.uniform(0.5, 3)), to, s, int(fen * r.uniform(0.05, 0.2)), 'mobile', '', fk='layering')

    def flow_out(self, a, batch_t, fen, rep, g, nxt_layer):
        """forward `fen` from account a at batch_t to the next layer or to an exit."""
        r = self.r
        v = self.v
        if a.role == 'paofen':
            nxt = self.active([c for c in g['cards'] if c.layer == 2], batch_t) if g['hops'] >= 2 else r.choice(g['ops'])
            t = batch_t + TD(minutes=r.randint(1, 20))
            tr = self.add(t, a, nxt, fen, 'mobile', a.region, fk='paofen')
            if tr and nxt.id in self.acc and nxt.role != 'operator':
                self.incoming.setdefault(nxt.id, []).append((t, fen, rep, -1))
            return
        if nxt_layer <= g['hops']:
            k = r.randint(1, v['split_max'])
            parts = self.split(fen, k)
            for p in parts:
                nxt = self.active([c for c in g['cards'] if c.layer == nxt_layer], batch_t)
                t = batch_t + TD(minutes=r.uniform(*v['delay']))
                memo = r.choice(FRAUD_MEMO) if nxt.cls == 'corp' or r.random() < 0.15 else ''
                tr = self.add(t, a, nxt, p, r.choice(('mobile', 'online')), '', memo=memo, fk='layering')
                if tr:
                    self.incoming.setdefault(nxt.id, []).append((t, p, rep, -1))
            return
        ex = self.w(list(v['exit_w'].items()))
        t = batch_t + TD(minutes=r.uniform(*v['delay']))
        if ex == 'atm' and fen > 6000000:
            # more than a cash team withdraws: part goes on to a dealer or the operator
            rest = fen - self.yuan(20000, 60000, 100)
            self.flow_exit(a, t, rest, rep, g, r.choice(('ushang', 'operator')))
            fen -= rest
        self.flow_exit(a, t, fen, rep, g, ex)

    def flow_exit(self, a, t, fen, rep, g, ex):
        r = self.r
        v = self.v
        if ex == 'atm':
            cc = self.active(g['L']['cash'], t)
            if cc is not a:
                tr = self.add(t, a, cc, fen, 'mobile', '', fk='layering')
                if not tr:
                    return
                t += TD(minutes=r.uniform(5, 90))
            far = r.random() < v['far_cash']
            reg = r.choice(CASHOUT_FAR) if far else (cc.region if cc.region[:2] in IN_REGION_PROV else r.choice(LOCAL_CODES))
            left = fen
            day = t
            while left > 0 and day < PEND:
                take = min(left, r.choice((2000000, 2000000, 5000000)))
                tt = day if day.hour >= 0 else day
                chunk = r.choice((250000, 300000, 500000))
                while take > 0:
                    c = min(take, chunk)
                    self.add(tt, cc, None, c, 'atm', reg, 'withdrawal', fk='cashout')
                    take -= c
                    left -= c
                    tt += TD(seconds=r.randrange(30, 150))
                day = D(day.year, day.month, day.day, r.choice((0, 1, 2, 22, 23, 9, 10)), r.randrange(60)) + TD(days=1)
            cc.traced = cc.traced or rep
        elif ex == 'ushang':
            cards = r.choice(self.ushang)
            for p in self.split(fen, r.randint(1, 2)):
                u = r.choice(cards)
                tr = self.add(t, a, u, p, 'mobile', '', memo=r.choice(('', '', '货款')), fk='ushang')
                if tr:
                    u.traced = u.traced or rep
                    # the dealer sweeps the money to another of his own cards
                    other = [c for c in cards if c is not u]
                    if other and r.random() < 0.7:
                        self.add(t + TD(minutes=r.uniform(10, 600)), u, r.choice(other), p, 'mobile', '', fk='ushang')
                t += TD(minutes=r.uniform(1, 30))
        elif ex == 'operator':
            op = r.choice(g['ops'])
            self.add(t, a, op, fen, 'online', '', fk='layering', xb=op.bank == 'KHBANK')
            op.traced = op.traced or rep
        else:
            shop = r.choice(self.gold)
            self.add(t, a, shop, fen, 'pos', shop.region, memo=r.choice(('', '黄金', '')), fk='cashout')

    def split(self, fen, k):
        r = self.r
        if k <= 1 or fen < 1500000:
            return [fen]
        w = [r.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = [int(fen * x / s) // 100 * 100 for x in w]
        parts[-1] = fen - sum(parts[:-1])
        return [p for p in parts if p > 0]

    def run_flows(self):
        r = self.r
        v = self.v
        order = [self.paofen] + [[c for g in self.gangs for c in g['cards'] if c.layer == k] for k in (1, 2, 3)]
        for layer_cards in order:
            for a in layer_cards:
                inc = sorted(self.incoming.get(a.id, []), key=lambda x: (x[0], x[1]))
                if not inc:
                    continue
                a.traced = a.traced or any(x[2] for x in inc)
                g = a.gang
                i = 0
                while i < len(inc):
                    t, fen, rep, _ = inc[i]
                    fwd = t + TD(minutes=r.uniform(*v['delay']))
                    j = i + 1
                    while j < len(inc) and inc[j][0] <= fwd:
                        fen += inc[j][1]
                        rep = rep or inc[j][2]
                        fwd = max(fwd, inc[j][0] + TD(minutes=r.uniform(0.5, 5)))
                        j += 1
                    keep = int(fen * r.uniform(*v['hold'])) // 100 * 100
                    if a.role == 'paofen':
                        keep = int(fen * r.uniform(0.01, 0.03))
                    out = fen - keep
                    if out > 0:
                        self.flow_out(a, fwd, out, rep, g, a.layer + 1)
                    i = j
        # cash-out cards of layer 9 handled inside flow_out; gambling deposits through 跑分 accounts
        pool = self.ext_pool(3000)
        for a in self.paofen:
            n = r.randint(5, 40)
            for _ in range(n):
                t = a.win[0] + TD(seconds=r.randrange(max(60, int((a.win[1] - a.win[0]).total_seconds()))))
                t = D(t.year, t.month, t.day, r.choice((0, 1, 2, 20, 21, 22, 23)), r.randrange(60), r.randrange(60))
                fen = r.choice((10000, 20000, 50000, 100000, 30000, 88800)) + r.randrange(0, 3) * 100
                tr = self.add(t, r.choice(pool), a, fen, 'mobile', '', fk='paofen')
                if tr:
                    nx = r.choice(a.gang['ops'])
                    self.add(t + TD(minutes=r.uniform(1, 15)), a, nx, int(fen * 0.98), 'mobile', '', fk='paofen')
            # the commission the participant keeps is spent
            self.spend(a, a.region, 4, 20, 300, a.win[0], min(PEND, a.win[1] + TD(days=20)))

    # ---------------------------------------------------------------- write out
    def finish(self):
        r = self.r
        # suppress lawful spending from accounts the holder has rented out or sold
        kept = []
        for t in self.tx:
            frm = t[2]
            if t[9] is None and frm is not None and frm.id in self.block:
                if any(s <= t[0] < e for s, e in self.block[frm.id]):
                    continue
            kept.append(t)
        # a transfer is written only if a side is a supplying account on/after its extract start
        out = []
        for t in kept:
            ok = False
            for a in (t[2], t[3]):
                if a is not None and a.supply and t[0] >= BANKS[a.bank][2]:
                    ok = True
            if ok:
                out.append(t)
        out.sort(key=lambda x: (x[0], x[1]))
        self.out = out

    def labels(self):
        r = self.r
        lab = []
        fraud_tx = set()
        for vrec in self.victims:
            if vrec['reported']:
                for tr in vrec['pays']:
                    fraud_tx.add(id(tr))
        for a in self.acc.values():
            p = 0.0
            if a.role == 'mule':
                p = (0.72 if a.traced else 0.22) if a.layer == 1 else (0.55 if a.traced else 0.18)
                if a.arch.startswith('old_sold') or a.arch.startswith('old_rented'):
                    p *= 0.8
            elif a.role == 'farmer_card':
                p = (0.7 if a.traced else 0.25) if a.gang else 0.04
            elif a.role == 'paofen':
                p = 0.55 if a.traced else 0.2
            elif a.role == 'ushang':
                p = 0.45 if a.traced else 0.05
            elif a.role == 'operator':
                p = 0.4 if a.traced else 0.1
            elif a in self.three_party:
                p = 0.25    # a lawful merchant frozen after a third-party (三方) payment: a wrong label
            a.lab = r.random() < p
        for h, own in self.farm_holders.items():
            cards = [a for a in self.farmer_cards if a.holder == h]
            p = 0.5 if any(c.lab for c in cards) else 0.15
            self.farmer_lab[h] = r.random() < p
        return fraud_tx


def fmt_ts(t):
    return t.strftime('%Y-%m-%dT%H:%M:%S') + '+08:00'


def fmt_amt(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


def main():
    ap = argparse.ArgumentParser(description='赣皖湘 synthetic counter-telecom-fraud world')
    ap.add_argument('--variant', default='baseline', choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='.')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t_start = time.time()
    W = World(args.variant, args.seed)
    W.setup_shared()
    W.build_lawful()
    W.build_farmers()
    W.build_gangs()
    W.build_victims()
    W.run_flows()
    W.finish()
    fraud_tx = W.labels()
    os.makedirs(args.out, exist_ok=True)

    used = {}
    for t in W.out:
        for a in (t[2], t[3]):
            if a is not None:
                used[a.id] = a
    rows = [a for a in W.acc.values() if a.supply and a.opened < PEND]

    # opening balances: never let a row account's written history go below zero
    flows = {}
    for t in W.out:
        if t[2] is not None:
            flows.setdefault(t[2].id, []).append(-t[4])
        if t[3] is not None:
            flows.setdefault(t[3].id, []).append(t[4])
    rng = random.Random('ganwan-bal:%s:%d' % (args.variant, args.seed))
    with open(os.path.join(args.out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
        for a in rows:
            run = low = 0
            for x in flows.get(a.id, []):
                run += x
                low = min(low, run)
            old = a.opened < BANKS[a.bank][2]
            if old:
                buf = int(math.exp(rng.gauss(math.log(8000), 1.3)) * 100) if a.role in ('lawful', 'ushang') else rng.randrange(0, 50000)
            else:
                buf = rng.choice((0, 0, 1000, 1000, 5000, 10000)) if a.cls != 'corp' else 0
            bal = -low + buf
            w.writerow([a.id, a.bank, a.holder, fmt_ts(a.opened), a.region, a.cls, fmt_amt(bal), a.status])
    with open(os.path.join(args.out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo', 'cross_border'])
        for n, t in enumerate(W.out):
            w.writerow(['GW%08d' % (n + 1), fmt_ts(t[0]), t[2].id if t[2] else '', t[3].id if t[3] else '', fmt_amt(t[4]), 'CNY',
                        t[5], t[6], t[7], t[8], 'true' if t[10] else 'false'])
    nlab = {'fraud': 0, 'mule': 0, 'card_farmer': 0}
    with open(os.path.join(args.out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['kind', 'id', 'label'])
        for n, t in enumerate(W.out):
            if id(t) in fraud_tx:
                w.writerow(['transfer', 'GW%08d' % (n + 1), 'fraud'])
                nlab['fraud'] += 1
        rowset = {a.id for a in rows}
        for a in W.acc.values():
            if a.lab and (a.id in rowset or a.id in used):
                w.writerow(['account', a.id, 'mule'])
                nlab['mule'] += 1
        for h, own in W.farm_holders.items():
            if W.farmer_lab[h] and any(c.holder == h and (c.id in rowset or c.id in used) for c in W.farmer_cards):
                w.writerow(['holder', h, 'card_farmer'])
                nlab['card_farmer'] += 1
    if args.truth:
        with open(os.path.join(args.out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at', 'labelled',
                        'farmer_labelled', 'extract_start'])
            for b, v in BANKS.items():
                if v[1]:
                    w.writerow(['institution', b, b, '', '', '', BANKS[b][0], '', '', '', '', fmt_ts(v[2])])
            for a in W.acc.values():
                if a.id in rowset or a.id in used:
                    w.writerow(['account', a.id, a.bank, a.holder, 'true' if a.id in rowset else 'false', a.role, a.arch,
                                'true' if a.farmer else 'false', fmt_ts(a.opened), 'true' if a.lab else 'false',
                                'true' if (a.farmer and W.farmer_lab.get(a.holder)) else 'false', ''])
        with open(os.path.join(args.out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for n, t in enumerate(W.out):
                if t[9]:
                    w.writerow(['GW%08d' % (n + 1), t[9]])
    if args.stats:
        rowacc = {a.id: a for a in rows}
        fk = {}
        for t in W.out:
            if t[9]:
                fk[t[9]] = fk.get(t[9], 0) + 1
        involved = {}
        for a in list(rowacc.values()) + [x for x in used.values() if x.id not in rowset]:
            if a.role != 'lawful':
                key = (a.role, a.arch.split('(')[0], a.id in rowset)
                involved[key] = involved.get(key, 0) + 1
        vict = [vr for vr in W.victims if vr['pays'] and any(id(p) for p in vr['pays'])]
        written = {id(t) for t in W.out}
        vict_w = [vr for vr in W.victims if any(id(p) in written for p in vr['pays'])]
        rep = sum(1 for vr in vict_w if vr['reported'])
        fraud_accts = [a for a in W.acc.values() if a.role in ('mule', 'farmer_card', 'paofen', 'ushang', 'operator')
                       and (a.id in rowset or a.id in used)]
        fraud_rows = [a for a in fraud_accts if a.id in rowset]
        e = sys.stderr
        print('variant=%s seed=%d' % (args.variant, args.seed), file=e)
        print('accounts with rows: %d   accounts in transfers without row: %d' % (len(rows), len([x for x in used if x not in rowset])), file=e)
        print('transfers: %d   fraud-related: %s' % (len(W.out), fk), file=e)
        print('victims with a written payment: %d (inside region %d), reported: %d (%.0f%%)' % (
            len(vict_w), sum(1 for vr in vict_w if vr['inside']), rep, 100.0 * rep / max(1, len(vict_w))), file=e)
        for k in sorted(involved):
            print('  %-12s %-34s row=%-5s %d' % (k[0], k[1], k[2], involved[k]), file=e)
        print('fraud-side accounts with rows: %d, labelled: %d (%.0f%%)' % (
            len(fraud_rows), sum(1 for a in fraud_rows if a.lab), 100.0 * sum(1 for a in fraud_rows if a.lab) / max(1, len(fraud_rows))), file=e)
        print('card farmers: %d holders, labelled %d' % (len(W.farm_holders), sum(1 for h in W.farmer_lab if W.farmer_lab[h])), file=e)
        print('labels written: %s' % nlab, file=e)
        print('run time %.1fs' % (time.time() - t_start), file=e)


if __name__ == '__main__':
    main()
