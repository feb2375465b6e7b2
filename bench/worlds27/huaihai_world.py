#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""huaihai_world.py -- an independent synthetic evaluation world for fanzha.

The 淮海经济区 (northern Jiangsu, southern Shandong, northern Anhui, eastern Henan), six months
(2024-03-01 .. 2024-08-31, +08:00), written from three sources only: the domain notes, the seed
essays and the interchange-format page (docs/formats.md).  See README.md next to this file.

    python3 huaihai_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Writes accounts.csv, transfers.csv, labels.csv (format v1) and, with --truth, truth.csv and
truth_transfers.csv.  Standard library only; deterministic for (variant, seed).
"""
import argparse
import csv
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

# ----------------------------------------------------------------------------------------------
# time
TZ8 = timezone(timedelta(hours=8))
T0 = datetime(2024, 3, 1, tzinfo=TZ8)          # world (and data) starts
NDAYS = 184                                      # 2024-03-01 .. 2024-08-31
DAY = 86400
HOUR = 3600
MIN = 60
END = NDAYS * DAY
INF = 1 << 62
LABEL_CUTOFF = END + 10 * DAY                    # the label list is compiled ten days after the extract
MONTH0 = [0, 31, 61, 92, 122, 153]              # first day of Mar..Aug


def dday(y, m, d):
    return (datetime(y, m, d, tzinfo=TZ8) - T0).days


# supplying institutions and the day each one's extract starts (history before is censored)
EXTRACT_START = {
    'ICBC': dday(2024, 3, 1) * DAY,
    'ABC': dday(2024, 3, 1) * DAY,
    'LSBANK': dday(2024, 3, 1) * DAY,    # 临商银行
    'PSBC': dday(2024, 3, 18) * DAY,
    'JSBANK': dday(2024, 4, 1) * DAY,    # 江苏银行
    'XZRCB': dday(2024, 5, 6) * DAY,     # 徐州-宿迁 rural commercial banks (one extract)
}
SUPPLY_ORDER = ['ICBC', 'ABC', 'PSBC', 'JSBANK', 'LSBANK', 'XZRCB']

# ----------------------------------------------------------------------------------------------
# geography (GB/T 2260 county-level codes)
CITY = {
    'xuzhou': (['320302', '320303', '320311', '320312'],
               ['320305', '320321', '320322', '320324', '320381', '320382'], 'JS'),
    'suqian': (['321302', '321311'], ['321322', '321323', '321324'], 'JS'),
    'lianyungang': (['320706', '320703'], ['320707', '320722', '320723', '320724'], 'JS'),
    'linyi': (['371302', '371311', '371312'],
              ['371321', '371322', '371323', '371324', '371325', '371326', '371327', '371328', '371329'], 'SD'),
    'zaozhuang': (['370402', '370403', '370404'], ['370405', '370406', '370481'], 'SD'),
    'shangqiu': (['411402', '411403'],
                 ['411421', '411422', '411423', '411424', '411425', '411426', '411481'], 'HA'),
    'huaibei': (['340602', '340603'], ['340604', '340621'], 'AH'),
    'suzhou_ah': (['341302'], ['341321', '341322', '341323', '341324'], 'AH'),
}
CITY_LIST = ['xuzhou', 'linyi', 'shangqiu', 'suqian', 'lianyungang', 'zaozhuang', 'huaibei', 'suzhou_ah']
CITY_W = [30, 22, 12, 10, 9, 8, 5, 4]
COUNTY_CITY = {}
for _c in CITY_LIST:
    for _code in CITY[_c][0] + CITY[_c][1]:
        COUNTY_CITY[_code] = _c
HH_COUNTIES = [c for c in COUNTY_CITY]

SUPPLY_BY_CITY = {
    'xuzhou': ['ICBC', 'ABC', 'PSBC', 'JSBANK', 'XZRCB'],
    'suqian': ['ICBC', 'ABC', 'PSBC', 'JSBANK', 'XZRCB'],
    'lianyungang': ['ICBC', 'ABC', 'PSBC', 'JSBANK'],
    'linyi': ['ICBC', 'ABC', 'PSBC', 'LSBANK'],
    'zaozhuang': ['ICBC', 'ABC', 'PSBC', 'LSBANK'],
    'shangqiu': ['ICBC', 'ABC', 'PSBC'],
    'huaibei': ['ICBC', 'ABC', 'PSBC'],
    'suzhou_ah': ['ICBC', 'ABC', 'PSBC'],
}
NONSUP_BY_PROV = {
    'JS': ['CCB', 'BOC', 'BOCOM', 'CMB', 'CIB', 'JSRCU'],
    'SD': ['CCB', 'BOC', 'BOCOM', 'CMB', 'SDRCU', 'QLBANK'],
    'HA': ['CCB', 'BOC', 'BOCOM', 'HNRCU', 'ZYBANK'],
    'AH': ['CCB', 'BOC', 'BOCOM', 'AHRCU', 'HSBANK'],
}
NONSUP_NATIONAL = ['CCB', 'BOC', 'BOCOM', 'CMB', 'CIB', 'SPDB', 'CMBC', 'PAB', 'CITIC', 'CEB', 'HXB', 'GDB']
URBAN_W = {'ICBC': 3.0, 'ABC': 2.0, 'PSBC': 1.5, 'JSBANK': 2.0, 'XZRCB': 1.0, 'LSBANK': 2.5}
RURAL_W = {'ICBC': 1.0, 'ABC': 3.0, 'PSBC': 3.0, 'JSBANK': 0.4, 'XZRCB': 3.5, 'LSBANK': 1.5}

# elsewhere in China: (code, weight)
CHINA = [
    ('110105', 3), ('110108', 2), ('120104', 2), ('130102', 2), ('130602', 2), ('130203', 1),
    ('140105', 2), ('150102', 1), ('150203', 1), ('210102', 2), ('210202', 1), ('220102', 2),
    ('230103', 2), ('230602', 1), ('310104', 2), ('310115', 3), ('310112', 2), ('320106', 3),
    ('320505', 2), ('320214', 1), ('320411', 1), ('321002', 1), ('320812', 1), ('320902', 1),
    ('330106', 3), ('330108', 1), ('330782', 1), ('330203', 1), ('330302', 1), ('340104', 2),
    ('341202', 2), ('341602', 1), ('350102', 1), ('350203', 1), ('350582', 1), ('360102', 2),
    ('370102', 2), ('370202', 2), ('370811', 1), ('371702', 2), ('371502', 1), ('410105', 3),
    ('411302', 2), ('411602', 2), ('411702', 2), ('420111', 3), ('420902', 1), ('421002', 1),
    ('430104', 2), ('430202', 1), ('431102', 1), ('440106', 3), ('440304', 2), ('440305', 2),
    ('441900', 2), ('440604', 1), ('450103', 2), ('460106', 1), ('500103', 2), ('500112', 2),
    ('510107', 3), ('510104', 1), ('520102', 1), ('530102', 2), ('610113', 2), ('620102', 1),
    ('650102', 1),
]
CHINA_CODES = [c for c, _ in CHINA]
CHINA_W = [w for _, w in CHINA]
FAR_CASH = ['441900', '440307', '440106', '445224', '441581', '450103', '451481', '533102', '532801',
            '460106', '440904']
FARMER_HOMES = ['420902', '421302', '421002', '430202', '431322', '411702', '411602', '230103',
                '150102', '532801', '451481', '450126']
WORK_CITIES = ['320505', '320583', '320506', '310112', '310115', '441900', '440307', '330203',
               '320214', '320106', '330106', '320411']
SUPPLIER_REGIONS = ['330782', '440104', '350582', '440604', '330302', '371302', '371311']
LOGISTICS_DEST = ['210102', '230103', '410105', '130102', '320106', '340104', '120104', '220102',
                  '150203', '610113', '140105', '370102']
CAMPUS = [('320311', 'xuzhou'), ('320312', 'xuzhou'), ('321302', 'suqian'), ('371302', 'linyi'),
          ('411402', 'shangqiu'), ('340603', 'huaibei')]

# account-number shapes (synthetic BIN-like prefixes, Luhn check digit; not real card ranges)
BANK_CFG = {
    'ICBC': (['621226', '622202'], 19, ['621559'], '1106', 19),
    'ABC': (['622848', '623052'], 19, ['621336'], '1032', 17),
    'PSBC': (['621799', '622188'], 19, ['621096'], '9320', 19),
    'JSBANK': (['622173', '621076'], 19, ['623169'], '3021', 16),
    'LSBANK': (['622359', '623150'], 16, ['623196'], '8101', 18),
    'XZRCB': (['622452', '623218'], 19, ['623219'], '3203', 18),
    'CCB': (['621700', '436742'], 19, ['621284'], '3205', 20),
    'BOC': (['621661', '621785'], 19, ['621790'], '5217', 12),
    'BOCOM': (['622262', '622260'], 19, ['621069'], '3241', 21),
    'CMB': (['621483', '622588'], 16, ['621286'], '5159', 15),
    'CIB': (['622909', '622908'], 18, ['621671'], '4090', 18),
    'SPDB': (['622521', '621792'], 16, ['621793'], '9801', 16),
    'CMBC': (['621691', '622622'], 16, ['621692'], '6091', 9),
    'PAB': (['622155', '623058'], 16, ['622156'], '1100', 14),
    'CITIC': (['622690', '621773'], 16, ['621771'], '8110', 19),
    'CEB': (['622660', '621489'], 16, ['621492'], '3827', 17),
    'HXB': (['622630', '623021'], 16, ['622632'], '1265', 16),
    'GDB': (['621462', '622568'], 19, ['621463'], '9550', 19),
    'JSRCU': (['622468', '623131'], 19, ['623132'], '3207', 18),
    'SDRCU': (['622319', '623059'], 19, ['623060'], '9150', 19),
    'QLBANK': (['622886', '623195'], 16, ['623197'], '8601', 16),
    'HNRCU': (['623059', '622991'], 19, ['622992'], '4114', 19),
    'ZYBANK': (['623170', '621216'], 19, ['621217'], '4110', 18),
    'AHRCU': (['622418', '623040'], 19, ['623041'], '2000', 18),
    'HSBANK': (['622877', '623075'], 16, ['623076'], '1022', 17),
}
OTHER_RURAL = {'41': 'HNRCU', '34': 'AHRCU', '37': 'SDRCU', '32': 'JSRCU'}
ATM_CHUNK = {'ICBC': 2500, 'ABC': 3000, 'PSBC': 2500, 'JSBANK': 3000, 'LSBANK': 2000, 'XZRCB': 2000}
ATM_DAILY = 20000   # yuan per debit card per day

LOOKALIKE = ['migrant_worker', 'student', 'own_cards', 'rosca', 'linyi_wholesaler', 'linyi_logistics',
             'shaji_seller', 'shaji_board', 'garlic_trader', 'seafood_trader', 'seafood_live',
             'construction_foreman', 'daigou', 'wedding', 'demolition', 'gold_merchant', 'newhire_batch']
COUNTS = {
    'employer_row': 110, 'employer_ext_local': 60, 'employer_ext_far': 40,
    'salary_worker': 2600, 'farmer_household': 2600, 'pensioner': 1200, 'small_shop': 500,
    'dormant': 2600, 'boat_owner': 45,
    'migrant_worker': 360, 'student': 380, 'own_cards': 180, 'rosca': 18, 'linyi_wholesaler': 55,
    'linyi_logistics': 20, 'shaji_seller': 110, 'shaji_board': 18, 'garlic_trader': 40,
    'seafood_trader': 45, 'seafood_live': 24, 'construction_foreman': 50, 'daigou': 35, 'wedding': 40,
    'demolition': 28, 'gold_merchant': 16, 'newhire_batch': 30,
}

WALLET_MEMO_OUT = {'ALIPAY': ['支付宝充值', '支付宝-转入余额', ''], 'TENPAY': ['微信零钱充值', '财付通-充值', '']}
WALLET_MEMO_IN = {'ALIPAY': ['支付宝提现', '支付宝-余额提现', ''], 'TENPAY': ['微信零钱提现', '财付通-提现', '']}

# fraud typologies (domain notes ids)
TYPO_CH = {
    'brushing': 'mobile', 'ecommerce_cs': 'mobile', 'investment': 'mobile', 'loan_card': 'mobile',
    'credit_record': 'mobile', 'shopping_service': 'mobile', 'police_gov': 'counter',
    'leader_acquaintance': 'mobile', 'game_trade': 'mobile', 'romance': 'mobile',
    'military_purchase': 'online', 'prize': 'mobile', 'parcel': 'mobile', 'subsidy_refund': 'atm',
    'accident_kidnap': 'mobile', 'phone_bill': 'mobile', 'fake_job': 'mobile',
}
REPORT_DELAY = {   # hours from the victim's last payment to the report: (lo, hi)
    'brushing': (1, 48), 'ecommerce_cs': (1, 30), 'investment': (72, 1000), 'loan_card': (2, 72),
    'credit_record': (1, 48), 'shopping_service': (12, 200), 'police_gov': (1, 60),
    'leader_acquaintance': (1, 24), 'game_trade': (2, 100), 'romance': (150, 1200),
    'military_purchase': (24, 200), 'prize': (12, 150), 'parcel': (1, 48), 'subsidy_refund': (2, 72),
    'accident_kidnap': (1, 12), 'phone_bill': (1, 48), 'fake_job': (24, 300),
}


def luhn(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CK = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def yuan(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'city', 'cls', 'row', 'role', 'arch',
                 'farmer', 'status', 'freeze_at', 'win0', 'win1', 'cap', 'used', 'beh', 'wd',
                 'rep_depth', 'any_depth', 'label', 'busy', 'open_bal', 'cushion', 'ring', 'victim',
                 'holder_other', 'age', 'nrep', 'confirmed')

    def __init__(self, aid, bank, holder, opened, region, cls, row, role, arch):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.city = COUNTY_CITY.get(region, '')
        self.cls = cls
        self.row = row
        self.role = role
        self.arch = arch
        self.farmer = 0
        self.status = 'active'
        self.freeze_at = INF
        self.win0 = 0
        self.win1 = INF
        self.cap = 0
        self.used = 0
        self.beh = ''
        self.wd = None
        self.rep_depth = 99
        self.any_depth = 99
        self.label = 0
        self.busy = False
        self.open_bal = 0
        self.cushion = 0
        self.ring = ''
        self.victim = False
        self.holder_other = None
        self.age = 40
        self.nrep = 0
        self.confirmed = False


class Ring:
    def __init__(self, name, typos, d0, d1, nv, speed, l1mix, l2mix, exits, opreg, cashregs, deeper):
        self.name = name
        self.typos = typos
        self.d0 = d0
        self.d1 = d1
        self.nv = nv
        self.speed = speed
        self.l1mix = l1mix
        self.l2mix = l2mix
        self.exits = exits
        self.opreg = opreg
        self.cashregs = cashregs
        self.deeper = deeper
        self.l1 = []
        self.l2 = []
        self.cash = []
        self.collectors = []
        self.ops = []
        self.upstream = None


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.r = random.Random(f"huaihai:{variant}:{seed}")
        self.k_look = 2.5 if variant == 'V3' else 1.0
        self.A = {}
        self.T = []
        self.seq = 0
        self.used_ids = {}
        self.wallets = {}
        self.ext_people = {}
        self.merchants = {}
        self.city_people = {c: [] for c in CITY_LIST}
        self.by_arch = {}
        self.farm_by_county = {}
        self.employers = []
        self.ext_employers_local = {c: [] for c in CITY_LIST}
        self.ext_employers_far = []
        self.corps_ext = {}
        self.blackout = {}       # account id -> (t0, t1_out, t_in_stop) owner's lawful use suspended
        self.farmer_cards = []
        self.farmers = []
        self.ushang_rows = []
        self.ushang_ext = []
        self.victims = []
        self.rentable = []
        self.young = []
        self.gold = []
        self.tstr_cache = {}

    # ------------------------------------------------------------------ random helpers
    def n(self, key):
        c = COUNTS[key]
        if key in LOOKALIKE:
            c = int(round(c * self.k_look))
        return c

    def poisson(self, lam):
        r = self.r
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def days(self, expected, d0, d1):
        d0 = max(0, d0)
        d1 = min(NDAYS, d1)
        if d1 <= d0:
            return []
        k = self.poisson(expected)
        return sorted(self.r.randrange(d0, d1) for _ in range(k))

    def tod(self, mode):
        r = self.r
        if mode == 'day':
            x = r.random()
            if x < 0.3:
                h = r.uniform(8, 12)
            elif x < 0.75:
                h = r.uniform(12, 18)
            else:
                h = r.uniform(18, 22.5)
        elif mode == 'biz':
            h = r.uniform(8.6, 16.8)
        elif mode == 'eve':
            h = r.uniform(18, 23.5)
        elif mode == 'dawn':
            h = r.uniform(3, 7)
        elif mode == 'batch':
            h = r.uniform(9, 10.5)
        elif mode == 'night':
            h = r.uniform(0, 5.5)
        else:   # any
            x = r.random()
            h = r.uniform(0, 7) if x < 0.1 else r.uniform(7, 24)
        return int(h * HOUR)

    def t_at(self, day, mode='day'):
        return day * DAY + self.tod(mode)

    def lfen(self, lo, hi):
        return int(math.exp(self.r.uniform(math.log(lo), math.log(hi))) * 100)

    def rfen(self, lo, hi, step=100):
        v = math.exp(self.r.uniform(math.log(lo), math.log(hi)))
        return max(step, int(round(v / step)) * step) * 100

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, d):
        keys = list(d.keys())
        return self.r.choices(keys, weights=[d[k] for k in keys])[0]

    def china_region(self):
        return self.r.choices(CHINA_CODES, weights=CHINA_W)[0]

    def city_pick(self):
        return self.r.choices(CITY_LIST, weights=CITY_W)[0]

    def county(self, city, rural_p=0.5):
        urb, rur, _ = CITY[city]
        return self.pick(rur if self.r.random() < rural_p else urb)

    def mreg(self, reg, p=0.6):
        """region of a mobile transfer: device location, often not recorded"""
        return reg if self.r.random() < p else ''

    # ------------------------------------------------------------------ identities
    def person(self, region, y0=1955, y1=2003):
        r = self.r
        while True:
            y = r.randint(y0, y1)
            body = '%s%04d%02d%02d%03d' % (region, y, r.randint(1, 12), r.randint(1, 28), r.randint(1, 999))
            s = 0
            for i in range(17):
                s += (ord(body[i]) - 48) * ID_W[i]
            pid = body + ID_CK[s % 11]
            if pid not in self.used_ids:
                self.used_ids[pid] = 1
                return pid

    def corp_id(self, region, indiv=False):
        r = self.r
        while True:
            body = ('92' if indiv else '91') + region + ''.join(USCC_CH[r.randrange(31)] for _ in range(9))
            s = 0
            for i in range(17):
                s += USCC_CH.index(body[i]) * USCC_W[i]
            c = 31 - s % 31
            if c == 31:
                c = 0
            cid = body + USCC_CH[c]
            if cid not in self.used_ids:
                self.used_ids[cid] = 1
                return cid

    def new_id(self, bank, cls, corp):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                aid = '2088' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank == 'TENPAY':
                aid = ('wxm' if corp else 'wxp') + ''.join(str(r.randrange(10)) for _ in range(14))
            elif bank in ('FOREIGN_KR', 'FOREIGN_JP'):
                aid = bank[-2:] + ''.join(str(r.randrange(10)) for _ in range(14))
            else:
                bins, ln, bins2, cpre, cln = BANK_CFG[bank]
                if corp:
                    aid = cpre + ''.join(str(r.randrange(10)) for _ in range(cln - len(cpre)))
                else:
                    pre = self.pick(bins2 if cls == 'II' else bins)
                    body = pre + ''.join(str(r.randrange(10)) for _ in range(ln - len(pre) - 1))
                    aid = body + luhn(body)
            if aid not in self.A:
                return aid

    def acct(self, bank, holder, opened, region, cls='I', role='lawful', arch='', corp=False):
        row = bank in EXTRACT_START
        aid = self.new_id(bank, cls, corp)
        a = Acct(aid, bank, holder, opened, region, 'corp' if corp else cls, row, role, arch)
        self.A[aid] = a
        if arch:
            self.by_arch.setdefault(arch, []).append(a)
        return a

    def sup_bank(self, city, rural=False, bias=None):
        banks = SUPPLY_BY_CITY[city]
        w = RURAL_W if rural else URBAN_W
        ws = [w[b] * (bias.get(b, 1.0) if bias else 1.0) for b in banks]
        return self.r.choices(banks, weights=ws)[0]

    def ext_bank(self, region):
        prov = region[:2]
        r = self.r
        if r.random() < 0.25 and prov in OTHER_RURAL:
            return OTHER_RURAL[prov]
        if region in COUNTY_CITY and r.random() < 0.5:
            return self.pick(NONSUP_BY_PROV[CITY[COUNTY_CITY[region]][2]])
        return self.pick(NONSUP_NATIONAL)

    def old_open(self, y0=2008, y1=2023):
        """an opening time years before the data starts"""
        r = self.r
        d = (datetime(r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28), tzinfo=TZ8) - T0).days
        d = min(d, -20)
        return d * DAY + self.tod('biz')

    def ext_person_acct(self, region, arch='ext_person', y0=1955, y1=2003, bank=None):
        hid = self.person(region, y0, y1)
        a = self.acct(bank or self.ext_bank(region), hid, self.old_open(), region, 'I', 'lawful', arch)
        return a

    def ext_people_pick(self, region, cap=300):
        pool = self.ext_people.setdefault(region, [])
        if len(pool) < cap and (not pool or self.r.random() < 0.5):
            a = self.ext_person_acct(region)
            pool.append(a)
            return a
        return self.pick(pool)

    def ext_corp(self, region, arch='ext_corp', bank=None, indiv=False):
        cid = self.corp_id(region, indiv)
        return self.acct(bank or self.ext_bank(region), cid, self.old_open(2000, 2022), region, 'corp',
                         'lawful', arch, corp=True)

    def named_corp(self, key, region, bank, arch):
        if key not in self.corps_ext:
            self.corps_ext[key] = self.ext_corp(region, arch, bank)
        return self.corps_ext[key]

    def wallet(self, a, firm=None):
        if firm is None:
            firm = 'TENPAY' if self.r.random() < 0.55 else 'ALIPAY'
        key = (a.holder, firm)
        w = self.wallets.get(key)
        if w is None:
            w = self.acct(firm, a.holder, min(a.opened, -30 * DAY), a.region, 'II', 'lawful', 'wallet')
            self.wallets[key] = w
        return w

    def merchant(self, region):
        pool = self.merchants.setdefault(region, [])
        if len(pool) < 40:
            m = self.ext_corp(region, 'ext_merchant', indiv=self.r.random() < 0.6)
            pool.append(m)
            return m
        return self.pick(pool)

    def peer(self, a):
        r = self.r
        if a.city and r.random() < 0.45 and self.city_people[a.city]:
            p = self.pick(self.city_people[a.city])
            if p is not a:
                return p
        return self.ext_people_pick(a.region if r.random() < 0.8 else self.china_region())

    # ------------------------------------------------------------------ transfers
    def tx(self, t, frm, to, fen, ch='mobile', reg='', kind='transfer', memo='', tk='ordinary', xb=False,
           rep=0):
        if fen <= 0 or t >= END:
            return None
        if frm is not None and (t < frm.opened + 240):
            return None
        if to is not None and (t < to.opened + 240):
            return None
        rec = [t, self.seq, frm.id if frm is not None else '', to.id if to is not None else '', fen, ch,
               reg, kind, memo, xb, tk, rep]
        self.seq += 1
        self.T.append(rec)
        return rec

    def deposit(self, t, a, fen, ch='counter', reg=None, memo='', tk='ordinary'):
        return self.tx(t, None, a, fen, ch, a.region if reg is None else reg, 'deposit', memo, tk)

    def withdraw(self, t, a, fen, ch='atm', reg=None, memo='', tk='ordinary', rep=0):
        return self.tx(t, a, None, fen, ch, a.region if reg is None else reg, 'withdrawal', memo, tk, rep=rep)

    # ------------------------------------------------------------------ ordinary life
    def life(self, a, d0, d1, lvl=1.0, reg=None, peers=True):
        """background personal life: wallets, POS, ATM, friends and family"""
        r = self.r
        reg = reg or a.region
        months = max(0.0, (min(d1, NDAYS) - max(d0, 0)) / 30.4)
        if months <= 0:
            return
        for d in self.days(0.95 * lvl * months, d0, d1):
            w = self.wallet(a)
            self.tx(self.t_at(d, 'eve' if r.random() < 0.5 else 'day'), a, w, self.lfen(50, 3000), 'mobile',
                    self.mreg(reg), memo=self.pick(WALLET_MEMO_OUT[w.bank]))
        for d in self.days(0.3 * lvl * months, d0, d1):
            w = self.wallet(a)
            self.tx(self.t_at(d, 'day'), w, a, self.lfen(100, 5000), 'mobile', self.mreg(reg),
                    memo=self.pick(WALLET_MEMO_IN[w.bank]))
        for d in self.days(0.2 * lvl * months, d0, d1):
            self.tx(self.t_at(d, 'day'), a, self.merchant(reg), self.lfen(30, 2500), 'pos', reg)
        for d in self.days(0.15 * lvl * months, d0, d1):
            self.withdraw(self.t_at(d, 'day'), a, self.rfen(200, 3000), 'atm', reg)
        if peers:
            for d in self.days(0.22 * lvl * months, d0, d1):
                self.tx(self.t_at(d, 'day'), a, self.peer(a), self.lfen(50, 3000), 'mobile', self.mreg(reg),
                        memo=self.pick(['', '', '还款', '转账', '红包']))
            for d in self.days(0.18 * lvl * months, d0, d1):
                self.tx(self.t_at(d, 'day'), self.peer(a), a, self.lfen(50, 3000), 'mobile', '',
                        memo=self.pick(['', '', '还你', '转账']))

    def new_personal_row(self, arch, city=None, rural_p=0.5, y0=1960, y1=2002, opened=None, bank=None,
                         cls='I', region=None, holder=None, people=True):
        city = city or self.city_pick()
        region = region or self.county(city, rural_p)
        holder = holder or self.person(region, y0, y1)
        bank = bank or self.sup_bank(COUNTY_CITY.get(region, city), region in CITY[COUNTY_CITY.get(region, city)][1])
        a = self.acct(bank, holder, self.old_open() if opened is None else opened, region, cls, 'lawful', arch)
        a.age = 2024 - int(holder[6:10]) if holder[6:10].isdigit() else 40
        if people and a.opened < 0:
            self.city_people[a.city].append(a)
        return a

    # ---- employers and wage earners
    def gen_employers(self):
        r = self.r
        for _ in range(COUNTS['employer_row']):
            city = self.city_pick()
            reg = self.county(city, 0.3)
            bank = self.sup_bank(city, False)
            e = self.acct(bank, self.corp_id(reg), self.old_open(2000, 2021), reg, 'corp', 'lawful',
                          'employer_corp', corp=True)
            self.employers.append({'a': e, 'payday': r.choice([5, 10, 10, 15, 15, 20, 25]), 'staff': [],
                                   'row': True})
        for _ in range(COUNTS['employer_ext_local']):
            city = self.city_pick()
            e = self.ext_corp(self.county(city, 0.3), 'ext_employer')
            d = {'a': e, 'payday': r.choice([5, 10, 15, 20]), 'staff': [], 'row': False}
            self.ext_employers_local[city].append(d)
            self.employers.append(d)
        for _ in range(COUNTS['employer_ext_far']):
            e = self.ext_corp(self.pick(WORK_CITIES), 'ext_employer')
            d = {'a': e, 'payday': r.choice([5, 10, 15, 25]), 'staff': [], 'row': False}
            self.ext_employers_far.append(d)
            self.employers.append(d)

    def employer_for(self, city):
        r = self.r
        rows = [e for e in self.employers if e['row'] and e['a'].city == city]
        if rows and r.random() < 0.6:
            return self.pick(rows)
        if self.ext_employers_local[city]:
            return self.pick(self.ext_employers_local[city])
        return self.pick(self.employers)

    def pay_salaries(self):
        r = self.r
        for e in self.employers:
            if not e['staff']:
                continue
            payroll_m = 0
            for m in range(6):
                day = MONTH0[m] + e['payday'] - 1
                t = day * DAY + int(r.uniform(9, 10.5) * HOUR)
                for k, (w, base, d_from, d_to) in enumerate(e['staff']):
                    if day < d_from or day >= d_to:
                        continue
                    amt = int(base * r.uniform(0.88, 1.15))
                    if m == 5 and r.random() < 0.2:
                        amt += self.rfen(500, 5000)   # half-year bonus
                    self.tx(t + k * r.randint(1, 4), e['a'], w, amt, 'other', '', memo=self.pick(['代发工资', '工资', '工资']))
                    payroll_m += amt
            if e['row']:
                a = e['a']
                monthly = max(payroll_m // 6, 1000000)
                for m in range(6):
                    for _ in range(r.randint(2, 6)):
                        d = MONTH0[m] + r.randrange(0, 28)
                        client = self.ext_corp(self.pick(SUPPLIER_REGIONS + HH_COUNTIES), 'ext_client') \
                            if r.random() < 0.3 else self.named_corp('client%d' % r.randrange(400),
                                                                     self.pick(HH_COUNTIES + CHINA_CODES), None,
                                                                     'ext_client')
                        self.tx(self.t_at(d, 'biz'), client, a, int(monthly * r.uniform(0.3, 0.7)), 'online',
                                '', memo=self.pick(['货款', '工程款', '服务费', '']))
                    for _ in range(r.randint(1, 4)):
                        d = MONTH0[m] + r.randrange(0, 28)
                        sup = self.named_corp('sup%d' % r.randrange(300), self.pick(SUPPLIER_REGIONS + HH_COUNTIES),
                                              None, 'ext_supplier')
                        self.tx(self.t_at(d, 'biz'), a, sup, int(monthly * r.uniform(0.1, 0.4)), 'online', '',
                                memo=self.pick(['货款', '材料款', '']))
                    tax = self.named_corp('tax_' + a.city, a.region, 'CCB', 'ext_treasury')
                    self.tx(self.t_at(MONTH0[m] + 14, 'biz'), a, tax, int(monthly * r.uniform(0.05, 0.15)),
                            'other', '', memo='税款')

    def gen_salary_workers(self):
        r = self.r
        for _ in range(self.n('salary_worker')):
            city = self.city_pick()
            new = r.random() < 0.06
            opened = (r.randrange(0, 150) * DAY + self.tod('biz')) if new else None
            a = self.new_personal_row('salary_worker', city, 0.35, 1966, 2001, opened=opened,
                                      cls='I' if r.random() < 0.9 else 'II')
            e = self.employer_for(city)
            base = self.lfen(2800, 12000)
            d_from = (a.opened // DAY) + 1 if a.opened > 0 else 0
            e['staff'].append((a, base, d_from, NDAYS))
            self.life(a, d_from, NDAYS, 0.6)
            if r.random() < 0.35:   # credit card repayment at a non-supplying bank
                cc = self.acct(self.pick(['CMB', 'CIB', 'SPDB', 'CITIC', 'CCB']), a.holder, self.old_open(),
                               a.region, 'I', 'lawful', 'credit_card')
                for m in range(6):
                    d = MONTH0[m] + r.randint(2, 8)
                    if d > d_from:
                        self.tx(self.t_at(d, 'eve'), a, cc, int(base * r.uniform(0.1, 0.6)), 'mobile',
                                self.mreg(a.region), memo='信用卡还款')
            if r.random() < 0.25:
                fam = self.family_of(a)
                for m in range(6):
                    if r.random() < 0.5 and MONTH0[m] + 12 > d_from:
                        self.tx(self.t_at(MONTH0[m] + r.randint(10, 25), 'eve'), a, fam, self.rfen(300, 3000),
                                'mobile', self.mreg(a.region), memo=self.pick(['生活费', '', '']))

    def family_of(self, a):
        return self.family_in(a.region)

    def family_in(self, region):
        """a relative's account at home: a farming household with a row, or someone at another bank"""
        lst = self.farm_by_county.get(region)
        if lst and self.r.random() < 0.5:
            return self.pick(lst)
        return self.ext_people_pick(region)

    def gen_farmers(self):
        r = self.r
        for _ in range(self.n('farmer_household')):
            city = self.city_pick()
            reg = self.county(city, 1.0)
            a = self.new_personal_row('farmer_household', city, region=reg, y0=1950, y1=1985)
            self.farm_by_county.setdefault(reg, []).append(a)
        for a in self.by_arch['farmer_household']:
            bureau = self.named_corp('czj_' + a.region, a.region, self.pick(['CCB', 'BOC']), 'ext_gov')
            if r.random() < 0.8:
                self.tx(self.t_at(r.randrange(40, 100), 'biz'), bureau, a, self.lfen(150, 2500), 'other', '',
                        memo=self.pick(['耕地地力保护补贴', '惠农补贴', '一卡通补贴']))
            if r.random() < 0.4:    # wheat sold in June
                buyer = self.named_corp('grain_%s' % a.city, self.county(a.city, 0.5), None, 'ext_grain_buyer')
                self.tx(self.t_at(r.randrange(95, 112), 'day'), buyer, a, self.lfen(3000, 30000), 'online', '',
                        memo='粮款')
            for d in self.days(0.7 * 6, 0, NDAYS):
                ch = 'counter' if r.random() < 0.4 else 'atm'
                self.withdraw(self.t_at(d, 'biz'), a, self.rfen(200, 4000), ch, self.county(a.city, 0.8)
                              if r.random() < 0.3 else a.region)
            self.life(a, 0, NDAYS, 0.25)

    def gen_pensioners(self):
        r = self.r
        for _ in range(self.n('pensioner')):
            city = self.city_pick()
            a = self.new_personal_row('pensioner', city, 0.4, 1940, 1964)
            ss = self.named_corp('shebao_' + city, CITY[city][0][0], 'CCB', 'ext_social_security')
            pension = self.lfen(600, 5500)
            for m in range(6):
                self.tx(MONTH0[m] * DAY + 19 * DAY + int(r.uniform(2, 6) * HOUR), ss, a,
                        int(pension * r.uniform(0.99, 1.01)), 'other', '', memo='养老金')
                if r.random() < 0.7:
                    self.withdraw(self.t_at(MONTH0[m] + r.randint(20, 29), 'biz'), a,
                                  self.rfen(500, max(600, pension // 100)), 'counter')
            for d in self.days(1.0, 0, NDAYS):
                self.tx(self.t_at(d, 'day'), a, self.peer(a), self.rfen(200, 2000), 'counter', a.region,
                        memo=self.pick(['', '给孙子', '红包']))
            self.life(a, 0, NDAYS, 0.15, peers=False)

    def gen_dormant(self):
        r = self.r
        for _ in range(self.n('dormant')):
            city = self.city_pick()
            a = self.new_personal_row('dormant', city, 0.5, 1950, 2003, people=False)
            a.cushion = self.lfen(1, 3000) if r.random() < 0.7 else 0
            if r.random() < 0.15:
                d = r.randrange(0, NDAYS)
                self.tx(self.t_at(d, 'day'), a, self.wallet(a), self.lfen(10, 500), 'mobile', '')

    def gen_shops(self):
        r = self.r
        for _ in range(self.n('small_shop')):
            city = self.city_pick()
            reg = self.county(city, 0.4)
            owner = self.person(reg, 1965, 1995)
            corp = r.random() < 0.2
            a = self.acct(self.sup_bank(city, False), self.corp_id(reg, True) if corp else owner,
                          self.old_open(2010, 2023), reg, 'corp' if corp else 'I', 'lawful', 'small_shop', corp=corp)
            firm = self.pick(['TENPAY', 'ALIPAY'])
            settle = self.acct(firm, a.holder, -400 * DAY, reg, 'corp', 'lawful', 'merchant_settlement', corp=True)
            level = self.lfen(300, 6000)
            for d in range(r.randrange(0, 7), NDAYS, r.choice([5, 7, 7, 10])):
                self.tx(d * DAY + int(r.uniform(1, 7) * HOUR), settle, a, int(level * r.uniform(0.5, 1.6)), 'other',
                        '', memo=self.pick(WALLET_MEMO_IN[firm][:1] + ['结算']))
            for d in self.days(0.9 * 6, 0, NDAYS):
                self.tx(self.t_at(d, 'biz'), a, self.named_corp('shopsup%d' % r.randrange(150),
                                                                self.pick(SUPPLIER_REGIONS + HH_COUNTIES), None,
                                                                'ext_supplier'),
                        self.lfen(1000, 20000), 'mobile', '', memo='货款')
            landlord = self.ext_person_acct(reg)
            for m in (0, 3):
                self.tx(self.t_at(MONTH0[m] + r.randrange(0, 10), 'day'), a, landlord, self.rfen(3000, 20000),
                        'mobile', '', memo='房租')
            grid = self.named_corp('grid_' + city, CITY[city][0][0], 'CCB', 'ext_utility')
            for m in range(6):
                self.tx(self.t_at(MONTH0[m] + r.randrange(5, 20), 'day'), a, grid, self.lfen(100, 1500), 'other', '',
                        memo='电费')
            self.by_arch.setdefault('small_shop_acct', []).append(a)
            self.life(a, 0, NDAYS, 0.3, peers=False)

    # ---- look-alikes
    def gen_migrants(self):
        r = self.r
        for _ in range(self.n('migrant_worker')):
            city = self.city_pick()
            reg = self.county(city, 1.0)
            new = r.random() < 0.25
            opened = (r.randrange(0, 20) * DAY + self.tod('biz')) if new else None
            a = self.new_personal_row('migrant_worker', city, region=reg, y0=1970, y1=2004, opened=opened,
                                      bank=self.sup_bank(city, True, {'PSBC': 1.5, 'ABC': 1.3}))
            work = self.pick(WORK_CITIES)
            emp = self.pick(self.ext_employers_far) if r.random() < 0.7 else None
            if emp is None:
                emp = {'a': self.ext_corp(work, 'ext_employer'), 'payday': r.choice([10, 15, 28]), 'staff': [],
                       'row': False}
                self.employers.append(emp)
            work = emp['a'].region
            d_from = (a.opened // DAY) + r.randint(10, 25) if new else 0
            emp['staff'].append((a, self.lfen(4000, 9500), d_from, NDAYS))
            home = self.family_of(a)
            going_home = r.random() < 0.3
            for m in range(6):
                d = MONTH0[m] + emp['payday'] + r.randint(0, 2)
                if d <= d_from or d >= NDAYS:
                    continue
                t = self.t_at(d, 'eve')
                self.tx(t, a, home, self.rfen(1500, 6000), 'mobile', self.mreg(work, 0.7),
                        memo=self.pick(['', '生活费', '给家里']))
                if r.random() < 0.5:
                    self.withdraw(t + r.randint(1, 3) * DAY, a, self.rfen(300, 2000), 'atm', work)
            self.life(a, d_from, NDAYS, 0.6, reg=work, peers=False)
            if going_home:   # 三夏: back home for the wheat harvest
                for _k in range(r.randint(1, 3)):
                    self.withdraw(self.t_at(r.randrange(96, 110), 'day'), a, self.rfen(500, 3000), 'atm', reg)

    def gen_students(self):
        r = self.r
        for _ in range(self.n('student')):
            campus, city = self.pick(CAMPUS)
            home = self.pick(HH_COUNTIES) if r.random() < 0.45 else self.china_region()
            holder = self.person(home, 2002, 2006)
            new = r.random() < 0.6
            opened = (r.randrange(0, 25) * DAY + self.tod('biz')) if new else \
                (dday(2023, 9, r.randint(2, 20)) * DAY + self.tod('biz'))
            a = self.new_personal_row('student', city, region=campus, holder=holder, opened=opened,
                                      cls='I' if r.random() < 0.75 else 'II', people=not new)
            self.young.append(a)
            parent = self.ext_people_pick(home) if home not in COUNTY_CITY or r.random() < 0.5 \
                else self.family_in(home)
            d_from = max(0, a.opened // DAY + 1)
            for m in range(6):
                if m >= 4 and r.random() < 0.6:
                    continue    # summer at home
                d = max(d_from + 1, MONTH0[m] + r.randint(0, 6))
                self.tx(self.t_at(d, 'eve'), parent, a, self.rfen(800, 2500), 'mobile', '', memo=self.pick(['生活费', '', '']))
            mates = [s for s in self.young if s is not a and s.region == a.region]
            for d in self.days(2.0 * 4, d_from, 125):
                w = self.wallet(a)
                self.tx(self.t_at(d, 'eve'), a, w, self.lfen(30, 800), 'mobile', self.mreg(campus, 0.4),
                        memo=self.pick(WALLET_MEMO_OUT[w.bank]))
            if mates:
                for d in self.days(1.2 * 4, d_from, 125):
                    m2 = self.pick(mates)
                    if r.random() < 0.5:
                        self.tx(self.t_at(d, 'eve'), a, m2, self.lfen(10, 300), 'mobile', '', memo=self.pick(['AA', '', '饭钱']))
                    else:
                        self.tx(self.t_at(d, 'eve'), m2, a, self.lfen(10, 300), 'mobile', '', memo=self.pick(['AA', '']))
            for d in self.days(1.2, d_from, NDAYS):
                self.tx(self.t_at(d, 'day'), self.merchant(campus), a, self.lfen(100, 1500), 'mobile', '', memo='兼职')
            self.life(a, d_from, NDAYS, 0.25, peers=False)

    def gen_own_cards(self):
        r = self.r
        for _ in range(self.n('own_cards')):
            city = self.city_pick()
            reg = self.county(city, 0.2)
            holder = self.person(reg, 1970, 1998)
            banks = list(SUPPLY_BY_CITY[city])
            r.shuffle(banks)
            k = min(len(banks), r.randint(2, 4))
            cards = []
            for i in range(k):
                new = i > 0 and r.random() < 0.15
                op = (r.randrange(0, 120) * DAY + self.tod('biz')) if new else None
                c = self.new_personal_row('own_cards_mover', city, region=reg, holder=holder, bank=banks[i],
                                          opened=op, cls='I' if i == 0 or r.random() < 0.5 else 'II')
                cards.append(c)
            ext = self.acct(self.pick(['CMB', 'CCB', 'BOC']), holder, self.old_open(), reg, 'I', 'lawful', 'own_ext_card')
            main = cards[0]
            base = self.lfen(5000, 20000)
            e = self.employer_for(city)
            e['staff'].append((main, base, 0, NDAYS))
            for m in range(6):
                d = MONTH0[m] + e['payday']
                t = d * DAY + int(r.uniform(10.5, 22) * HOUR)
                tgt = self.pick(cards[1:] + [ext])
                self.tx(t, main, tgt, int(base * r.uniform(0.5, 0.9)), 'mobile', self.mreg(reg), memo=self.pick(['', '转账', '理财']))
                if r.random() < 0.6 and tgt is not ext:
                    self.tx(t + r.randint(5, 600) * MIN, tgt, ext, int(base * r.uniform(0.1, 0.4)), 'mobile', '',
                            memo='信用卡还款')
                if r.random() < 0.45:   # end-of-month promotion: park money, take it back days later
                    c1, c2 = r.sample(cards + [ext], 2)
                    d2 = MONTH0[m] + r.randint(26, 29)
                    amt = self.rfen(20000, 100000, 1000)
                    if c1.opened < d2 * DAY and c2.opened < d2 * DAY:
                        self.tx(self.t_at(d2, 'eve'), c1, c2, amt, 'mobile', '', memo='')
                        self.tx(self.t_at(min(NDAYS - 1, d2 + r.randint(2, 6)), 'day'), c2, c1, amt, 'mobile', '',
                                memo='')
            for c in cards:
                self.life(c, max(0, c.opened // DAY + 1), NDAYS, 0.4, peers=c is main)

    def gen_rosca(self):
        r = self.r
        for _ in range(self.n('rosca')):
            city = self.city_pick()
            reg = self.county(city, 0.7)
            org = self.new_personal_row('rosca_organizer', city, region=reg, y0=1958, y1=1985)
            members = []
            for _k in range(r.randint(10, 22)):
                if r.random() < 0.55:
                    members.append(self.new_personal_row('rosca_member', city, region=reg, y0=1955, y1=1995))
                else:
                    members.append(self.ext_people_pick(reg))
            share = self.pick([500, 1000, 1000, 2000, 3000, 5000]) * 100
            meet = r.randint(1, 25)
            order = list(range(len(members)))
            r.shuffle(order)
            for m in range(6):
                d = MONTH0[m] + meet - 1
                t = self.t_at(d, 'day')
                winner = members[order[m % len(order)]]
                pot = 0
                for mem in members:
                    if mem is winner:
                        continue
                    if r.random() < 0.15:
                        continue    # paid in cash at the meeting
                    amt = share + (self.rfen(20, 200, 10) if r.random() < 0.4 else 0)
                    if self.tx(t + r.randint(0, 5 * HOUR), mem, org, amt, 'mobile', '', memo=self.pick(['会钱', '会费', ''])):
                        pot += amt
                if r.random() < 0.3:
                    cash = share * r.randint(1, 3)
                    self.deposit(t + 5 * HOUR, org, cash, 'counter', memo='')
                    pot += cash
                self.tx(t + r.randint(5, 9) * HOUR, org, winner, pot, 'mobile', self.mreg(reg), memo=self.pick(['会钱', '']))
            for mem in [org] + members:
                if mem.row:
                    self.life(mem, 0, NDAYS, 0.4)

    def gen_wholesalers(self):
        r = self.r
        shops = self.by_arch.get('small_shop_acct', [])
        self.wholesalers = []
        for _ in range(self.n('linyi_wholesaler')):
            reg = self.pick(['371302', '371302', '371302', '371311', '371312'])
            corp = r.random() < 0.4
            owner = self.person(self.pick(CITY['linyi'][1] + CITY['linyi'][0]), 1965, 1995)
            a = self.acct(self.sup_bank('linyi', False, {'LSBANK': 1.6}), self.corp_id(reg, r.random() < 0.5) if corp else owner,
                          self.old_open(2006, 2023), reg, 'corp' if corp else 'I', 'lawful', 'linyi_wholesaler', corp=corp)
            self.wholesalers.append(a)
            customers = []
            for _k in range(r.randint(25, 80)):
                if shops and r.random() < 0.15:
                    customers.append(self.pick(shops))
                else:
                    creg = self.pick(HH_COUNTIES) if r.random() < 0.5 else self.china_region()
                    customers.append(self.ext_people_pick(creg, 600) if r.random() < 0.7 else self.merchant(creg))
            rate = r.uniform(0.15, 0.45)
            inflow = 0
            for d in range(NDAYS):
                wd = (d + 4) % 7   # 2024-03-01 was a Friday
                lam = rate * (0.6 if wd >= 5 else 1.0) * (1.6 if 50 <= d <= 60 else 1.0)
                for _k in range(self.poisson(lam)):
                    amt = self.lfen(300, 30000)
                    self.tx(self.t_at(d, 'day'), self.pick(customers), a, amt, 'mobile', '',
                            memo=self.pick(['货款', '', '', '拿货']))
                    inflow += amt
            firm = self.pick(['TENPAY', 'ALIPAY'])
            settle = self.acct(firm, a.holder, -800 * DAY, reg, 'corp', 'lawful', 'merchant_settlement', corp=True)
            for d in range(r.randrange(0, 7), NDAYS, 7):
                amt = self.lfen(2000, 40000)
                self.tx(d * DAY + int(r.uniform(1, 6) * HOUR), settle, a, amt, 'other', '', memo='结算')
                inflow += amt
            sups = [self.named_corp('ws_sup%d' % r.randrange(120), self.pick(SUPPLIER_REGIONS), None, 'ext_supplier')
                    for _k in range(r.randint(2, 6))]
            nsup = r.randint(14, 30)
            per = max(1000000, int(inflow * 0.85 / nsup))
            for d in sorted(r.randrange(3, NDAYS) for _k in range(nsup)):
                self.tx(self.t_at(d, 'biz'), a, self.pick(sups), int(per * r.uniform(0.5, 1.5)), 'online', '',
                        memo=self.pick(['货款', '付货款', '']))
            staff = [self.peer(a) for _k in range(r.randint(1, 4))]
            for m in range(6):
                for s in staff:
                    self.tx(self.t_at(MONTH0[m] + 4, 'eve'), a, s, self.rfen(3000, 6000), 'mobile', '', memo='工资')
            if r.random() < 0.4:   # evening sweep to a family member's card
                fam = self.ext_person_acct(a.region) if r.random() < 0.5 else self.peer(a)
                for d in self.days(6, 0, NDAYS):
                    self.tx(self.t_at(d, 'eve'), a, fam, self.rfen(5000, 50000, 1000), 'mobile', '', memo='')
            self.life(a, 0, NDAYS, 0.3, peers=False)

    def gen_logistics(self):
        r = self.r
        ws = getattr(self, 'wholesalers', [])
        for _ in range(self.n('linyi_logistics')):
            reg = self.pick(['371302', '371312', '371312', '371311'])
            corp = r.random() < 0.5
            owner = self.person(self.pick(CITY['linyi'][1]), 1968, 1992)
            a = self.acct(self.sup_bank('linyi', False, {'LSBANK': 1.8}), self.corp_id(reg) if corp else owner,
                          self.old_open(2008, 2023), reg, 'corp' if corp else 'I', 'lawful', 'linyi_logistics_agent',
                          corp=corp)
            dest = self.pick(LOGISTICS_DEST)
            shippers = [self.pick(ws) if ws and r.random() < 0.5 else self.ext_people_pick(self.pick(CITY['linyi'][0]), 600)
                        for _k in range(r.randint(8, 30))]
            partner = self.ext_corp(dest, 'ext_logistics_partner') if r.random() < 0.4 else None
            drivers = [self.ext_person_acct(self.pick(HH_COUNTIES + [dest])) for _k in range(r.randint(2, 6))]
            fuel = self.named_corp('sinopec', '110105', 'BOC', 'ext_fuel')
            rate = r.uniform(0.25, 0.6)
            for d in range(NDAYS):
                col = 0
                for _k in range(self.poisson(rate)):
                    payer = partner if partner is not None and r.random() < 0.6 else self.ext_people_pick(dest, 400)
                    amt = self.lfen(300, 15000)
                    if self.tx(self.t_at(d, 'day'), payer, a, amt, 'mobile', '', memo=self.pick(['代收货款', '货款', ''])):
                        col += amt
                if col > 0:
                    # pay the shipper(s) the same evening or next morning, less a 1-2 % fee
                    n_out = 1 if col < 1000000 or r.random() < 0.5 else 2
                    rest = int(col * r.uniform(0.98, 0.99))
                    for k in range(n_out):
                        part = rest if k == n_out - 1 else rest // 2
                        rest -= part
                        t = d * DAY + int(r.uniform(19, 23.5) * HOUR) if r.random() < 0.6 else (d + 1) * DAY + int(r.uniform(8, 11) * HOUR)
                        self.tx(t, a, self.pick(shippers), part, 'mobile', self.mreg(reg), memo=self.pick(['货款', '代收款', '']))
            for d in self.days(4 * 6, 0, NDAYS):
                self.tx(self.t_at(d, 'day'), a, self.pick(drivers), self.rfen(2000, 15000), 'mobile', '', memo='运费')
            for d in self.days(2 * 6, 0, NDAYS):
                self.tx(self.t_at(d, 'day'), a, fuel, self.rfen(1000, 8000), 'pos', reg, memo='')

    def gen_shaji(self):
        r = self.r
        boards = []
        for _ in range(self.n('shaji_board')):
            reg = '320324'
            a = self.acct(self.sup_bank('xuzhou', True), self.person(reg, 1965, 1990), self.old_open(2010, 2022),
                          reg, 'I', 'lawful', 'shaji_board_supplier')
            boards.append(a)
            for d in self.days(4 * 6, 0, NDAYS):
                fac = self.named_corp('board_fac%d' % r.randrange(40), self.pick(['371302', '371325', '371311']), None,
                                      'ext_board_factory')
                self.tx(self.t_at(d, 'biz'), a, fac, self.rfen(10000, 120000, 1000), 'online', '', memo='板材款')
            self.life(a, 0, NDAYS, 0.3)
        logi = [self.named_corp('logi%d' % k, self.pick(['320324', '320302', '371312']), None, 'ext_logistics')
                for k in range(6)]
        platforms = [self.named_corp('pdd', '310115', 'CMB', 'ext_platform'),
                     self.named_corp('jd', '110108', 'BOC', 'ext_platform')]
        for _ in range(self.n('shaji_seller')):
            reg = '320324'
            new = r.random() < 0.2
            opened = (r.randrange(0, 100) * DAY + self.tod('biz')) if new else None
            a = self.new_personal_row('shaji_seller', 'xuzhou', region=reg, y0=1980 if not new else 1995,
                                      y1=2003, opened=opened, bank=self.sup_bank('xuzhou', True, {'XZRCB': 1.5}))
            d_from = max(0, a.opened // DAY + 1)
            shop_w = self.acct('ALIPAY', a.holder, -200 * DAY if not new else a.opened, reg, 'II', 'lawful', 'wallet')
            scale = r.uniform(0.5, 2.5)
            workers = [self.family_of(a) for _k in range(r.randint(1, 6))]
            for d in range(d_from, NDAYS):
                peak = 2.5 if 92 <= d <= 110 else 1.0
                if r.random() < 0.14 * peak:
                    src = shop_w if r.random() < 0.7 else self.pick(platforms)
                    self.tx(self.t_at(d, 'day'), src, a, int(self.lfen(1500, 25000) * scale), 'other' if src is not shop_w else 'mobile',
                            '', memo=self.pick(['支付宝提现', '结算', '']) if src is shop_w else '货款结算')
                if r.random() < 0.06 * peak:
                    buyer = self.ext_people_pick(self.china_region(), 1000)
                    self.tx(self.t_at(d, 'eve'), buyer, a, self.lfen(200, 4000), 'mobile', '', memo=self.pick(['定金', '', '家具款']))
            for d in self.days(2.5 * 6, d_from, NDAYS):
                sup = self.pick(boards) if boards and r.random() < 0.7 else \
                    self.named_corp('board_fac%d' % r.randrange(40), '371302', None, 'ext_board_factory')
                self.tx(self.t_at(d, 'biz'), a, sup, int(self.lfen(3000, 30000) * scale), 'mobile', '', memo=self.pick(['板材', '货款', '']))
            for d in self.days(2 * 6, d_from, NDAYS):
                self.tx(self.t_at(d, 'day'), a, self.pick(logi), self.lfen(300, 6000), 'mobile', '', memo='物流费')
            for m in range(6):
                if MONTH0[m] + 5 > d_from:
                    for w in workers:
                        self.tx(self.t_at(MONTH0[m] + 5, 'eve'), a, w, self.rfen(2500, 6000), 'mobile', '', memo='工资')
            self.life(a, d_from, NDAYS, 0.3, peers=False)

    def gen_garlic(self):
        r = self.r
        growers = [a for reg in ('320382', '371324') for a in self.farm_by_county.get(reg, [])]
        for _ in range(self.n('garlic_trader')):
            reg = self.pick(['320382', '320382', '320382', '371324'])
            city = COUNTY_CITY[reg]
            a = self.new_personal_row('garlic_trader', city, region=reg, y0=1962, y1=1990,
                                      bank=self.sup_bank(city, True, {'ABC': 1.5}))
            buyers = [self.named_corp('garlic_buyer%d' % r.randrange(30),
                                      self.pick(['370828', '440106', '370202', '320382', '330782']), None, 'ext_garlic_buyer')
                      for _k in range(r.randint(2, 5))]
            cold = self.named_corp('coldstore%d' % r.randrange(12), reg, None, 'ext_cold_storage')
            # spring: a few sales of last year's stored garlic
            for d in self.days(2, 0, 70):
                self.tx(self.t_at(d, 'biz'), self.pick(buyers), a, self.rfen(20000, 200000, 1000), 'online', '', memo='蒜款')
            # harvest 2024-05-25 .. 06-25: buys from many growers, cash for the villages
            h0, h1 = dday(2024, 5, 24), dday(2024, 6, 26)
            spent = 0
            for d in range(h0, h1):
                for _k in range(self.poisson(r.uniform(0.8, 2.5))):
                    g = self.pick(growers) if growers and r.random() < 0.55 else self.ext_people_pick(reg, 800)
                    amt = self.lfen(1500, 30000)
                    self.tx(self.t_at(d, 'day'), a, g, amt, 'mobile', self.mreg(reg), memo=self.pick(['蒜款', '大蒜', '']))
                    spent += amt
                if r.random() < 0.2:
                    amt = self.rfen(20000, 150000, 1000)
                    self.withdraw(self.t_at(d, 'biz'), a, amt, 'counter', reg, memo='收蒜')
                    spent += amt
            got = 0
            while got < spent * 1.08:
                d = r.randrange(h0 + 3, min(NDAYS, h1 + 40))
                amt = self.rfen(50000, 800000, 1000)
                self.tx(self.t_at(d, 'biz'), self.pick(buyers), a, amt, 'online', '', memo='蒜款')
                got += amt
            for d in self.days(2, h0, NDAYS):
                self.tx(self.t_at(d, 'biz'), a, cold, self.rfen(5000, 40000, 100), 'mobile', '', memo='冷库费')
            self.life(a, 0, NDAYS, 0.3)

    def gen_seafood(self):
        r = self.r
        boats = []
        for _ in range(COUNTS['boat_owner']):
            reg = self.pick(['320703', '320707', '320723'])
            a = self.new_personal_row('fishing_boat_owner', 'lianyungang', region=reg, y0=1960, y1=1988)
            boats.append(a)
            crew = [self.ext_person_acct(self.pick(HH_COUNTIES)) for _k in range(r.randint(3, 8))]
            for m in (1, 2):
                for c in crew:
                    self.tx(self.t_at(MONTH0[m] + r.randint(0, 4), 'day'), a, c, self.rfen(4000, 9000), 'mobile', '', memo='工资')
            diesel = self.named_corp('diesel_lyg', '320703', 'BOC', 'ext_fuel')
            for d in self.days(6, 0, 61):
                self.tx(self.t_at(d, 'day'), a, diesel, self.rfen(5000, 40000), 'pos', reg)
            gov = self.named_corp('fishery_lyg', '320706', 'CCB', 'ext_gov')
            self.tx(self.t_at(r.randrange(125, 150), 'biz'), gov, a, self.lfen(3000, 20000), 'other', '', memo='休渔补贴')
            self.life(a, 0, NDAYS, 0.3)
        shops = self.by_arch.get('small_shop_acct', [])
        for _ in range(self.n('seafood_trader')):
            reg = self.pick(['320703', '320707', '320723', '320706'])
            laver = r.random() < 0.15
            corp = laver or r.random() < 0.2
            owner = self.person(reg, 1965, 1992)
            a = self.acct(self.sup_bank('lianyungang', False, {'JSBANK': 1.5}), self.corp_id(reg) if corp else owner,
                          self.old_open(2008, 2023), reg, 'corp' if corp else 'I', 'lawful',
                          'laver_exporter' if laver else 'seafood_trader', corp=corp)
            self.by_arch.setdefault('seafood_trader_acct', []).append(a)
            buyers = [self.pick(shops) if shops and r.random() < 0.2 else
                      self.ext_people_pick(self.pick(HH_COUNTIES + ['310104', '320106', '370202']), 600)
                      for _k in range(r.randint(10, 40))]
            for d in range(NDAYS):
                season = 1.0 if d < 61 else 0.2          # 伏季休渔 from 1 May
                if r.random() < 0.45 * season and boats:
                    for _k in range(r.randint(1, 2)):
                        self.tx(d * DAY + self.tod('dawn'), a, self.pick(boats) if r.random() < 0.6 else
                                self.ext_people_pick(reg, 200), self.lfen(3000, 60000), 'mobile', self.mreg(reg),
                                memo=self.pick(['鱼款', '货款', '']))
                for _k in range(self.poisson(0.45 * season + 0.06)):
                    self.tx(self.t_at(d, 'day'), self.pick(buyers), a, self.lfen(500, 40000), 'mobile', '',
                            memo=self.pick(['海鲜款', '货款', '']))
            if laver:
                fb = self.acct(self.pick(['FOREIGN_KR', 'FOREIGN_JP']), 'FOREIGN', -2000 * DAY, '', 'corp', 'lawful',
                               'foreign_importer', corp=True)
                for d in self.days(8, 0, NDAYS):
                    self.tx(self.t_at(d, 'biz'), fb, a, self.rfen(150000, 900000, 1000), 'online', '',
                            memo='紫菜货款', xb=True)
            self.life(a, 0, NDAYS, 0.3, peers=False)
        traders = self.by_arch.get('seafood_trader_acct', [])
        for _ in range(self.n('seafood_live')):
            reg = '320707'   # 赣榆海头 live-stream base
            a = self.new_personal_row('seafood_livestreamer', 'lianyungang', region=reg, y0=1990, y1=2003,
                                      opened=(r.randrange(0, 60) * DAY + self.tod('biz')) if r.random() < 0.2 else None)
            d_from = max(0, a.opened // DAY + 1)
            dy = self.named_corp('douyin', '110105', 'CMB', 'ext_platform')
            for d in range(d_from + r.randrange(0, 4), NDAYS, r.choice([4, 7, 7])):
                self.tx(d * DAY + int(r.uniform(1, 5) * HOUR), dy, a, self.lfen(2000, 40000), 'other', '', memo='结算')
            for d in self.days(0.2 * (NDAYS - d_from), d_from, NDAYS):
                self.tx(self.t_at(d, 'eve'), self.ext_people_pick(self.china_region(), 1000), a, self.lfen(60, 1500),
                        'mobile', '', memo=self.pick(['', '海鲜', '']))
            for d in self.days(3 * 6, d_from, NDAYS):
                if traders:
                    self.tx(self.t_at(d, 'dawn'), a, self.pick(traders), self.lfen(2000, 30000), 'mobile', '', memo='货款')
            sf = self.named_corp('sf_express', '440304', 'CMB', 'ext_logistics')
            for d in self.days(2 * 6, d_from, NDAYS):
                self.tx(self.t_at(d, 'day'), a, sf, self.lfen(1000, 10000), 'mobile', '', memo='快递费')
            self.life(a, d_from, NDAYS, 0.4, peers=False)

    def gen_construction(self):
        r = self.r
        workers_pool = self.by_arch.get('migrant_worker', []) + self.by_arch.get('farmer_household', [])
        row_emps = [e['a'] for e in self.employers if e['row']]
        for _ in range(self.n('construction_foreman')):
            city = self.pick(['suqian', 'shangqiu', 'linyi', 'xuzhou', 'suzhou_ah'])
            reg = self.county(city, 1.0)
            a = self.new_personal_row('construction_foreman', city, region=reg, y0=1965, y1=1988)
            crew = []
            for _k in range(r.randint(10, 35)):
                if workers_pool and r.random() < 0.3:
                    crew.append(self.pick(workers_pool))
                else:
                    crew.append(self.ext_people_pick(self.pick(HH_COUNTIES + ['411602', '341202', '510107']), 800))
            gc = self.pick(row_emps) if row_emps and r.random() < 0.4 else \
                self.named_corp('gc%d' % r.randrange(25), self.pick(['320302', '321302', '320106', '371302']), None,
                                'ext_construction_co')
            pays = sorted(r.sample([dday(2024, 4, 28), dday(2024, 5, 25), dday(2024, 5, 30), dday(2024, 7, 10),
                                    dday(2024, 8, 20), dday(2024, 3, 25), dday(2024, 6, 28)], r.randint(2, 4)))
            for d in pays:
                d = d + r.randint(-2, 2)
                t = self.t_at(d, 'biz')
                total = 0
                share = []
                for w in crew:
                    if r.random() < 0.85:
                        share.append((w, self.rfen(3000, 25000)))
                        total += share[-1][1]
                total = int(total * r.uniform(1.1, 1.35))
                self.tx(t, gc, a, total, 'online', '', memo=self.pick(['工程款', '劳务费', '人工费']))
                tt = t + r.randint(1, 20) * HOUR
                for w, amt in share:
                    if r.random() < 0.8:
                        self.tx(tt, a, w, amt, 'mobile', self.mreg(reg), memo=self.pick(['工资', '工钱', '']))
                    tt += r.randint(20, 400)
                if r.random() < 0.5:
                    self.withdraw(tt + HOUR, a, self.rfen(10000, 49000, 1000), 'counter', reg)
            self.life(a, 0, NDAYS, 0.4)

    def gen_daigou(self):
        r = self.r
        ws = getattr(self, 'wholesalers', [])
        for _ in range(self.n('daigou')):
            city = self.pick(['xuzhou', 'linyi', 'suqian', 'xuzhou'])
            new = r.random() < 0.3
            a = self.new_personal_row('daigou_livestreamer', city, 0.1, 1993, 2004,
                                      opened=(r.randrange(0, 120) * DAY + self.tod('biz')) if new else None)
            d_from = max(0, a.opened // DAY + 1)
            rate = r.uniform(0.2, 0.7)
            for d in range(d_from, NDAYS):
                for _k in range(self.poisson(rate)):
                    self.tx(self.t_at(d, 'eve'), self.ext_people_pick(self.china_region(), 1500), a, self.lfen(40, 2000),
                            'mobile', '', memo=self.pick(['', '', '货款', '拍下']))
            for d in self.days(rate * 0.5 * (NDAYS - d_from) / 7, d_from, NDAYS):
                sup = self.pick(ws) if ws and r.random() < 0.5 else \
                    self.named_corp('ws_sup%d' % r.randrange(120), self.pick(SUPPLIER_REGIONS), None, 'ext_supplier')
                self.tx(self.t_at(d, 'biz'), a, sup, self.lfen(1500, 20000), 'mobile', '', memo='拿货')
            self.life(a, d_from, NDAYS, 0.6, peers=False)

    def gen_wedding(self):
        r = self.r
        for _ in range(self.n('wedding')):
            city = self.city_pick()
            a = self.new_personal_row('wedding_household', city, 0.6, 1960, 1980)
            d = self.pick([dday(2024, 5, 1), dday(2024, 5, 2), dday(2024, 5, 3), dday(2024, 4, 6),
                           dday(2024, 6, 10), dday(2024, 8, 10), dday(2024, 3, 31), dday(2024, 5, 20)])
            for _k in range(r.randint(15, 60)):
                g = self.peer(a) if r.random() < 0.7 else self.ext_people_pick(self.pick(WORK_CITIES))
                self.tx(self.t_at(d + r.randint(-2, 1), 'any'), g, a, self.pick([200, 500, 600, 800, 1000, 1000, 2000]) * 100,
                        'mobile', '', memo=self.pick(['份子钱', '随礼', '', '新婚快乐']))
            hotel = self.merchant(a.region)
            self.tx(self.t_at(d + 1, 'day'), a, hotel, self.rfen(15000, 60000), 'pos', a.region, memo='')
            if r.random() < 0.6:
                bride = self.ext_person_acct(self.county(a.city, 0.8)) if r.random() < 0.5 else self.peer(a)
                self.tx(self.t_at(d - r.randint(10, 40), 'day'), a, bride, self.rfen(60000, 200000, 1000), 'counter', a.region,
                        memo='彩礼')
            self.life(a, 0, NDAYS, 0.5)

    def gen_demolition(self):
        r = self.r
        for _ in range(self.n('demolition')):
            city = self.pick(['xuzhou', 'linyi', 'suqian', 'shangqiu', 'zaozhuang'])
            a = self.new_personal_row('demolition_household', city, 0.5, 1948, 1975, people=False)
            a.opened = self.old_open(2005, 2015)
            gov = self.named_corp('zhengshou_' + city, CITY[city][0][0], 'CCB', 'ext_gov')
            d = r.randrange(10, 170)
            amt = self.rfen(300000, 2000000, 1000)
            self.tx(self.t_at(d, 'biz'), gov, a, amt, 'other', '', memo='征收补偿款')
            rest = amt
            for _k in range(r.randint(2, 5)):
                part = int(rest * r.uniform(0.1, 0.35))
                self.tx(self.t_at(d + r.randint(0, 10), 'biz'), a, self.ext_person_acct(self.county(city, 0.5))
                        if r.random() < 0.5 else self.peer(a), part, 'counter', a.region, memo=self.pick(['', '给儿子', '分配']))
                rest -= part
            if r.random() < 0.6:
                dev = self.named_corp('dev_' + city, CITY[city][0][0], None, 'ext_developer')
                self.tx(self.t_at(min(NDAYS - 1, d + r.randint(3, 20)), 'biz'), a, dev, int(rest * r.uniform(0.5, 0.9)),
                        'counter', a.region, memo='购房款')

    def gen_gold(self):
        r = self.r
        for _ in range(self.n('gold_merchant')):
            city, reg = self.pick([('xuzhou', '320302'), ('xuzhou', '320303'), ('linyi', '371302'), ('suqian', '321302')])
            corp = r.random() < 0.5
            a = self.acct(self.sup_bank(city, False), self.corp_id(reg, True) if corp else self.person(reg, 1970, 1992),
                          self.old_open(2010, 2023), reg, 'corp' if corp else 'I', 'lawful',
                          self.pick(['gold_shop', 'phone_wholesaler']), corp=corp)
            self.gold.append(a)
            acq = self.named_corp('unionpay_acq', '310115', 'BOCOM', 'ext_acquirer')
            for d in range(NDAYS):
                if r.random() < 0.5:
                    self.tx(d * DAY + int(r.uniform(1, 5) * HOUR), acq, a, self.lfen(3000, 60000), 'other', '', memo='POS结算')
                for _k in range(self.poisson(0.4)):
                    self.tx(self.t_at(d, 'day'), self.ext_people_pick(reg, 500), a, self.lfen(800, 30000), 'mobile', '',
                            memo=self.pick(['', '货款', '手机']))
            sup = self.named_corp('gold_sup%d' % r.randrange(8), '440303', None, 'ext_supplier')
            for d in self.days(10, 0, NDAYS):
                self.tx(self.t_at(d, 'biz'), a, sup, self.rfen(100000, 500000, 1000), 'online', '', memo='货款')

    def gen_newhire(self):
        """an employer opens salary cards for a batch of new hires at one branch on one day"""
        r = self.r
        rows = [e for e in self.employers if e['row']]
        for _ in range(self.n('newhire_batch')):
            e = self.pick(rows)
            emp = e['a']
            d = r.randrange(2, 120)
            t = d * DAY + int(9.5 * HOUR)
            for k in range(r.randint(4, 14)):
                home = self.county(emp.city, 0.8) if r.random() < 0.7 else self.pick(HH_COUNTIES)
                a = self.new_personal_row('new_hire_salary_card', emp.city, region=emp.region,
                                          holder=self.person(home, 1985, 2005), bank=emp.bank,
                                          opened=t + k * r.randint(300, 900), people=False)
                e['staff'].append((a, self.lfen(3000, 7000), d + 1, NDAYS))
                self.life(a, d + 2, NDAYS, 0.6)

    # ------------------------------------------------------------------ fraud
    def gen_farmers_cards(self):
        """card farmers (一人多卡): travel through several cities, open a dozen cards in each"""
        r = self.r
        nf = 8 if self.variant != 'V2' else 9
        for fi in range(nf):
            home = self.pick(FARMER_HOMES)
            holder = self.person(home, 1975, 2002)
            home_acct = self.acct(self.ext_bank(home), holder, self.old_open(), home, 'I', 'lawful', 'farmer_home_card')
            home_acct.farmer = 1
            start = r.randrange(-45, 110)
            cities = r.sample(['xuzhou', 'suqian', 'linyi', 'lianyungang', 'zaozhuang', 'shangqiu', 'huaibei'], r.randint(2, 3))
            t_day = start
            cards = []
            for city in cities:
                prov = CITY[city][2]
                banks = SUPPLY_BY_CITY[city] + NONSUP_BY_PROV[prov]
                ncards = r.randint(9, 15)
                stay = r.randint(1, 3)
                for k in range(ncards):
                    bank = banks[k % len(banks)]
                    d = t_day + r.randrange(0, stay)
                    reg = self.county(city, 0.25)
                    opened = d * DAY + int(r.uniform(8.7, 16.5) * HOUR)
                    c = self.acct(bank, holder, opened, reg, 'I' if r.random() < 0.65 else 'II', 'farmer_card',
                                  'farmer_card_idle')
                    c.farmer = 1
                    cards.append(c)
                    # activation: a little cash at the counter, or from the farmer's own card
                    if r.random() < 0.6:
                        self.deposit(opened + r.randint(300, 1500), c, self.pick([10, 20, 50, 100]) * 100, 'counter',
                                     tk='farmer_activation')
                    elif r.random() < 0.8:
                        self.tx(opened + r.randint(600, 6 * HOUR), home_acct, c, self.pick([1, 10, 50, 100]) * 100,
                                'mobile', reg, tk='farmer_activation')
                t_day += stay + r.randint(0, 1)
            sold = (t_day + r.randint(3, 25)) * DAY
            for c in cards:
                c.win0 = sold + r.randint(0, 10) * DAY
            self.farmers.append({'holder': holder, 'home': home_acct, 'cards': cards, 'sold': sold})
            self.farmer_cards.extend(cards)
        r.shuffle(self.farmer_cards)

    def gen_ushang(self):
        r = self.r
        for _ in range(6):
            city = self.pick(['xuzhou', 'linyi', 'suqian', 'shangqiu'])
            reg = self.county(city, 0.2)
            a = self.new_personal_row('ushang_otc', city, region=reg, y0=1988, y1=2001, people=False)
            a.role = 'ushang'
            a.beh = 'ushang'
            self.ushang_rows.append(a)
            # its own OTC business with crypto buyers and sellers
            for d in self.days(r.uniform(0.15, 0.5) * NDAYS, 0, NDAYS):
                amt = self.rfen(2000, 80000, 100)
                t = self.t_at(d, 'any')
                if self.tx(t, self.ext_people_pick(self.china_region(), 2000), a, amt, 'mobile', '', memo='', tk='otc_trade'):
                    self.tx(t + r.randint(5, 120) * MIN, a, self.ext_people_pick(self.china_region(), 2000),
                            int(amt * r.uniform(0.985, 0.997)), 'mobile', self.mreg(reg, 0.3), tk='otc_trade')
            self.life(a, 0, NDAYS, 0.5, peers=False)
        for _ in range(18):
            a = self.ext_person_acct(self.china_region(), 'ushang_otc_ext', 1985, 2001)
            a.role = 'ushang'
            a.beh = 'ushang'
            self.ushang_ext.append(a)

    def build_rings(self):
        v2 = self.variant == 'V2'
        R = []
        if not v2:
            l1 = {'fresh': .38, 'aged': .15, 'rented': .15, 'farmer': .14, 'external': .18}
            l2 = {'external': .42, 'fresh': .14, 'aged': .10, 'farmer': .14, 'shell': .10, 'rented': .10}
        else:
            l1 = {'fresh': .08, 'aged': .20, 'rented': .50, 'farmer': .07, 'external': .15}
            l2 = {'external': .40, 'fresh': .06, 'aged': .14, 'farmer': .06, 'shell': .10, 'rented': .24}

        def mix(base, **kw):
            d = dict(base)
            d.update(kw)
            return d
        far_exit = 'atm_local' if v2 else 'atm_far'
        sp = (lambda s: 'slow' if v2 and s != 'medium' else ('medium' if v2 else s))
        R.append(Ring('brush', {'brushing': .7, 'fake_job': .1, 'game_trade': .1, 'shopping_service': .1}, 5, 180, 300,
                      sp('fast'), mix(l1, paofen=.35), l2, {'wallet': .3, 'ushang': .5, far_exit: .2}, '533102',
                      ['533102', '532801'], .3))
        R.append(Ring('cs', {'ecommerce_cs': .7, 'credit_record': .3}, 0, 125, 210, sp('fast'), l1, l2,
                      {far_exit: .6, 'ushang': .3, 'wallet': .1}, '441900', ['441900', '440307'], .35))
        R.append(Ring('invest', {'investment': .6, 'romance': .4}, 20, 184, 90, sp('medium'),
                      mix(l1, shell=.15), mix(l2, shell=.25), {'ushang': .75, far_exit: .15, 'wallet': .1}, '',
                      ['451481'], .5))
        R.append(Ring('police', {'police_gov': .7, 'parcel': .15, 'phone_bill': .15}, 30, 165, 105, sp('fast'), l1, l2,
                      {far_exit: .5, 'ushang': .5}, '450103', ['450103', '460106'], .4))
        R.append(Ring('loan', {'loan_card': .7, 'credit_record': .3}, 60, 184, 200, sp('fast'), mix(l1, paofen=.1), l2,
                      {'wallet': .25, far_exit: .45, 'ushang': .3}, '441581', ['441581', '445224'], .35))
        R.append(Ring('acq', {'leader_acquaintance': .6, 'accident_kidnap': .4}, 10, 150, 100, sp('fast'), l1, l2,
                      {'ushang': .6, far_exit: .4}, '', ['440904'], .35))
        R.append(Ring('local', {'subsidy_refund': .35, 'prize': .25, 'military_purchase': .2, 'shopping_service': .2},
                      40, 184, 115, 'slow', mix(l1, rented=.45, aged=.3, fresh=.1, farmer=.05), l2,
                      {'atm_local': .6, 'ushang': .2, 'wallet': .2}, 'LOCAL', [], .45))
        R.append(Ring('paofen', {'brushing': .4, 'game_trade': .3, 'romance': .3}, 70, 184, 160,
                      'medium' if v2 else 'fast', mix(l1, paofen=1.5), l2, {'ushang': .8, 'wallet': .2}, '', ['533102'], .3))
        if v2:
            for ring in R:
                ring.deeper = min(0.8, ring.deeper + 0.2)   # more layers as well as slower ones
        return R

    def new_local(self, y0, y1, city=None):
        city = city or self.city_pick()
        reg = self.county(city, 0.6)
        return city, reg, self.person(reg, y0, y1)

    def make_mule(self, ring, kind, t, layer):
        """an account joining a ring's layer at time t"""
        r = self.r
        a = None
        if kind == 'rented' and self.rentable:
            a = self.rentable.pop()
            sold = r.random() < 0.4
            a.role = 'mule'
            a.arch = 'sold_old_account' if sold else 'rented_old_account'
            a.win0 = t - r.randint(0, 2 * DAY)
            a.win1 = t + r.randint(7, 45) * DAY
            self.blackout[a.id] = (a.win0, a.win1 if not sold else INF, a.win0 + 7 * DAY if sold else INF)
            # rent or purchase price to the holder's own wallet, or into the card itself
            op = self.pick(ring.ops)
            dst = self.wallet(a, 'TENPAY') if r.random() < 0.7 else a
            if sold:
                self.tx(a.win0 + r.randint(1, 20) * HOUR, op, dst, self.rfen(800, 3000), 'mobile', '', tk='card_purchase')
            else:
                tt = a.win0 + r.randint(1, 3) * DAY
                while tt < a.win1:
                    self.tx(tt, op, dst, self.rfen(300, 1500), 'mobile', '', tk='card_rent_fee')
                    tt += 7 * DAY
        elif kind == 'farmer':
            for i in range(len(self.farmer_cards) - 1, -1, -1):
                c = self.farmer_cards[i]
                if c.win0 <= t and c.opened < t - DAY:
                    a = self.farmer_cards.pop(i)
                    a.arch = 'farmer_card_used'
                    a.win0 = t - HOUR
                    a.win1 = t + r.randint(2, 14) * DAY
                    break
        elif kind == 'paofen':
            cands = [s for s in self.young if not s.busy and s.opened < t - 20 * DAY]
            if cands:
                a = self.pick(cands)
                a.role = 'paofen'
                a.arch = 'paofen_participant'
                a.win0 = t - HOUR
                a.win1 = t + r.randint(10, 45) * DAY
                coll = self.collector(ring)
                a.busy = True
                self.tx(a.win0 - r.randint(1, 20) * HOUR, a, coll, self.rfen(1000, 5000), 'mobile', '', tk='paofen_margin')
        elif kind == 'shell':
            city, reg, _h = self.new_local(1980, 2000, self.pick(['xuzhou', 'linyi', 'suqian']))
            bank = self.pick([b for b in SUPPLY_BY_CITY[city] if b != 'PSBC'])
            opened = t - r.randint(15, 90) * DAY
            a = self.acct(bank, self.corp_id(reg), opened, reg, 'corp', 'mule', 'shell_company_account', corp=True)
            a.win0 = t - HOUR
            a.win1 = t + r.randint(10, 40) * DAY
            self.deposit(opened + r.randint(1, 3) * DAY, a, self.rfen(1000, 10000), 'counter', tk='mule_activation')
        elif kind == 'external':
            reg = self.china_region() if r.random() < 0.8 else self.pick(HH_COUNTIES)
            a = self.ext_person_acct(reg, 'external_mule', 1965, 2004)
            a.role = 'mule'
            a.opened = min(a.opened, t - r.randint(1, 400) * DAY)
            a.win0 = t - HOUR
            a.win1 = t + r.randint(3, 25) * DAY
        if a is None:   # fresh or aged (also the fallback)
            aged = kind == 'aged'
            young = r.random() < 0.7
            city, reg, holder = self.new_local(1996 if young else 1950, 2005 if young else 1966)
            bank = self.sup_bank(city, reg in CITY[city][1])
            opened = t - (r.randint(20, 120) * DAY if aged else r.randint(2 * HOUR, 7 * DAY))
            opened = opened - opened % 60
            hh = (opened % DAY) / HOUR
            if hh < 8.5 or hh > 17:
                opened = (opened // DAY) * DAY + int(r.uniform(9, 16.5) * HOUR)
                if opened > t - 2 * HOUR:
                    opened -= DAY
            a = self.acct(bank, holder, opened, reg, 'I' if r.random() < 0.75 else 'II', 'mule',
                          'aged_mule' if aged else 'fresh_sold_card')
            a.win0 = t - HOUR
            a.win1 = t + r.randint(1, 7 if not aged else 30) * DAY
            if r.random() < 0.6:
                self.deposit(opened + r.randint(300, 1800), a, self.pick([10, 50, 100, 200]) * 100, 'counter', tk='mule_activation')
            if aged:    # 养卡: a little normal-looking use before the card is put to work
                for d in sorted(r.randrange(opened // DAY + 1, max(opened // DAY + 2, t // DAY)) for _k in range(r.randint(2, 7))):
                    tt = self.t_at(d, 'day')
                    if tt < t - HOUR:
                        if r.random() < 0.5:
                            self.tx(tt, self.ext_people_pick(reg), a, self.lfen(50, 800), 'mobile', '', tk='mule_upkeep')
                        else:
                            self.tx(tt, a, self.merchant(reg), self.lfen(10, 80), 'pos', reg, tk='mule_upkeep')
            if r.random() < 0.15 and ring.ops:
                # the same seller opened a second card the same day at another bank (一套卡)
                city2 = city
                b2 = self.pick([b for b in SUPPLY_BY_CITY[city2] + NONSUP_BY_PROV[CITY[city2][2]] if b != bank])
                s = self.acct(b2, holder, opened + r.randint(20, 120) * MIN, reg, 'I', 'mule', a.arch)
                s.win0 = t + r.randint(0, 5) * DAY
                s.win1 = s.win0 + r.randint(3, 15) * DAY
                s.beh = 'l2'
                s.cap = 10 ** 9
                s.ring = ring.name
                ring.l2.append(s)
            # sellers were paid for the card
            if ring.ops and r.random() < 0.5:
                op = self.pick(ring.ops)
                self.tx(opened + r.randint(1, 30) * HOUR, op, self.wallet(a, 'TENPAY') if r.random() < 0.6 else
                        self.ext_people_pick(reg), self.rfen(500, 1500), 'mobile', '', tk='card_purchase')
        a.ring = ring.name
        if a.role == 'lawful':
            a.role = 'mule'
        a.beh = layer
        if layer == 'l1':
            a.cap = r.randint(10, 40) if a.role == 'paofen' else r.randint(3, 15)
        else:
            a.cap = 10 ** 9
            if layer == 'l2' and a.win1 < INF:
                a.win1 = a.win0 + max(a.win1 - a.win0, r.randint(10, 40) * DAY)
        if a.role == 'farmer_card' and layer == 'cash':
            a.arch = 'farmer_card_cashout'
        # test transfer before first use
        if a.arch in ('fresh_sold_card', 'farmer_card_used', 'aged_mule') and ring.ops and r.random() < 0.6:
            self.tx(a.win0 - r.randint(1, 30) * HOUR + HOUR, self.pick(ring.ops), a, self.pick([1, 1, 10, 100, 50]),
                    'mobile', '', tk='test_transfer')
        return a

    def collector(self, ring):
        if len(ring.collectors) < 4 or self.r.random() < 0.1:
            c = self.ext_person_acct(self.china_region(), 'paofen_collector', 1980, 2003)
            c.role = 'mule'
            c.beh = 'collector'
            c.ring = ring.name
            ring.collectors.append(c)
            return c
        return self.pick(ring.collectors)

    def pool_pick(self, ring, pool, layer, t, mix):
        act = [a for a in pool if a.win0 <= t < a.win1 and a.freeze_at > t and a.used < a.cap]
        target = {'l1': 2, 'l2': 2, 'cash': 2}[layer]
        if len(act) < target or self.r.random() < 0.004:
            kind = self.wpick(mix)
            a = self.make_mule(ring, kind, t, layer)
            pool.append(a)
            act.append(a)
        a = self.pick(act)
        a.used += 1
        return a

    def gen_ops(self, ring):
        r = self.r
        up = self.ext_person_acct(self.china_region(), 'ring_upstream', 1980, 2000)
        up.role = 'operator'
        up.ring = ring.name
        ring.upstream = up
        ring.ops.append(up)
        if r.random() < 0.75:
            city, reg, holder = self.new_local(1985, 2002, self.pick(['xuzhou', 'suqian', 'shangqiu', 'linyi', 'huaibei']))
            op = self.acct(self.sup_bank(city, False), holder, self.old_open(2012, 2022), reg, 'I', 'operator', 'card_broker')
            op.ring = ring.name
            op.beh = 'op'
            ring.ops.append(op)
            # funded from upstream every week or so
            for d in range(max(0, ring.d0 - 5), min(NDAYS, ring.d1), r.randint(5, 10)):
                self.tx(self.t_at(d, 'any'), up, op, self.rfen(5000, 30000), 'mobile', '', tk='operator_funding')
            self.life(op, 0, NDAYS, 0.6, peers=False)

    def victim_plan(self, typ):
        """list of (offset seconds from the first payment, fen) for one victim"""
        r = self.r
        out = []
        if typ == 'brushing':
            amt = r.randint(1, 5) * 10000
            t = 0
            for _ in range(r.randint(2, 7)):
                out.append((t, amt))
                amt = min(int(amt * r.uniform(1.6, 3.0)) // 100 * 100, 8000000)
                t += r.randint(5, 90) * MIN if r.random() < 0.8 else r.randint(10, 30) * HOUR
        elif typ in ('ecommerce_cs', 'credit_record'):
            t = 0
            for _ in range(r.randint(1, 4)):
                out.append((t, self.lfen(2000, 50000) if r.random() < 0.5 else self.rfen(2000, 50000)))
                t += r.randint(3, 60) * MIN
        elif typ == 'investment':
            t = 0
            for i in range(r.randint(2, 8)):
                out.append((t, self.rfen(5000 if i == 0 else 20000, 300000, 1000)))
                t += r.randint(1, 10) * DAY + r.randint(0, 20) * HOUR
        elif typ == 'romance':
            t = 0
            for i in range(r.randint(2, 9)):
                out.append((t, self.rfen(2000 if i == 0 else 10000, 200000, 100)))
                t += r.randint(2, 12) * DAY + r.randint(0, 20) * HOUR
        elif typ == 'loan_card':
            t = 0
            for _ in range(r.randint(2, 5)):
                out.append((t, self.rfen(800, 20000, 100) if r.random() < 0.7 else self.lfen(800, 20000)))
                t += r.randint(10, 300) * MIN
        elif typ == 'police_gov':
            t = 0
            for _ in range(r.randint(1, 5)):
                out.append((t, self.rfen(30000, 800000, 1000)))
                t += r.randint(1, 30) * HOUR
        elif typ == 'leader_acquaintance':
            t = 0
            for _ in range(r.randint(1, 2)):
                out.append((t, self.rfen(10000, 200000, 1000)))
                t += r.randint(10, 90) * MIN
        elif typ in ('game_trade', 'shopping_service', 'fake_job'):
            t = 0
            for _ in range(r.randint(1, 3)):
                out.append((t, self.lfen(100, 3000) if r.random() < 0.5 else self.rfen(100, 5000)))
                t += r.randint(10, 600) * MIN
        elif typ in ('subsidy_refund', 'prize', 'military_purchase', 'phone_bill', 'parcel'):
            t = 0
            for _ in range(r.randint(1, 3)):
                out.append((t, self.rfen(2000, 50000) if typ != 'military_purchase' else self.rfen(10000, 150000, 1000)))
                t += r.randint(20, 400) * MIN
        else:   # accident_kidnap
            t = 0
            for _ in range(r.randint(1, 2)):
                out.append((t, self.rfen(5000, 60000, 1000)))
                t += r.randint(20, 120) * MIN
        return out

    def local_victim(self, typ):
        r = self.r
        if typ in ('police_gov', 'subsidy_refund', 'accident_kidnap', 'prize', 'parcel', 'phone_bill'):
            pool = self.by_arch.get('pensioner', []) + self.by_arch.get('salary_worker', [])
        elif typ in ('brushing', 'game_trade', 'fake_job', 'credit_record', 'loan_card', 'shopping_service'):
            pool = self.by_arch.get('salary_worker', []) + [s for s in self.young if s.opened < 0]
        else:
            pool = self.by_arch.get('salary_worker', []) + self.by_arch.get('farmer_household', [])
        for _ in range(20):
            a = self.pick(pool)
            if a.role == 'lawful' and not a.busy and a.opened < -30 * DAY:
                a.busy = True
                a.victim = True
                return a
        return None

    def gen_fraud(self):
        r = self.r
        self.gen_farmers_cards()
        self.gen_ushang()
        # accounts that may be rented or sold: old, quiet ordinary accounts
        pool = []
        for arch, w in (('farmer_household', 0.10), ('salary_worker', 0.05), ('migrant_worker', 0.10),
                        ('student', 0.15), ('pensioner', 0.04), ('dormant', 0.05)):
            for a in self.by_arch.get(arch, []):
                if a.opened < -365 * DAY and a.role == 'lawful' and r.random() < w:
                    pool.append(a)
        r.shuffle(pool)
        self.rentable = pool
        for a in pool:
            a.busy = True
        rings = self.build_rings()
        self.rings = rings
        for ring in rings:
            self.gen_ops(ring)
        # victims and their payments
        pays = []
        for ring in rings:
            typs = list(ring.typos.keys())
            tw = [ring.typos[k] for k in typs]
            for _ in range(ring.nv):
                typ = r.choices(typs, weights=tw)[0]
                if ring.name == 'paofen':
                    plan = [(o, min(f, 5000000)) for o, f in self.victim_plan(typ)]
                else:
                    plan = self.victim_plan(typ)
                d = r.randrange(ring.d0, ring.d1)
                mode = 'biz' if typ in ('police_gov', 'subsidy_refund', 'military_purchase') else \
                    ('eve' if typ in ('brushing', 'game_trade', 'romance') else 'any')
                t1 = self.t_at(d, mode)
                local = r.random() < 0.15
                v = self.local_victim(typ) if local else None
                if v is None:
                    reg = self.china_region()
                    if r.random() < 0.12:
                        v = self.acct(self.pick(['ALIPAY', 'TENPAY']), self.person(reg, 1950, 2005), self.old_open(),
                                      reg, 'II', 'lawful', 'victim_' + typ)
                    else:
                        v = self.ext_person_acct(reg, 'victim_' + typ, 1945 if typ == 'police_gov' else 1960, 2005)
                else:
                    v.arch = v.arch + ';victim'
                last = t1 + plan[-1][0]
                reported = r.random() < 0.74
                rep_time = last + int(r.uniform(*REPORT_DELAY[typ]) * HOUR)
                if rep_time > LABEL_CUTOFF:
                    reported = False    # reported after the label list was compiled (or never)
                vinfo = {'acct': v, 'typ': typ, 'reported': reported, 'rep_time': rep_time, 'ring': ring}
                self.victims.append(vinfo)
                if v.row and typ in ('credit_record', 'loan_card'):
                    lender = self.named_corp('lender%d' % r.randrange(6), self.pick(['310115', '440305', '330106']),
                                             None, 'ext_lender')
                    self.tx(t1 - r.randint(10, 120) * MIN, lender, v, sum(f for _, f in plan), 'other', '', memo='借款')
                for k, (off, fen) in enumerate(plan):
                    pays.append((t1 + off, len(pays), vinfo, fen, k))
        pays.sort(key=lambda x: (x[0], x[1]))
        receipts = []
        for t, _i, vinfo, fen, k in pays:
            ring = vinfo['ring']
            v = vinfo['acct']
            typ = vinfo['typ']
            if t >= END:
                continue
            # 三角诈骗: the victim pays a real merchant for goods the fraudster takes
            if self.gold and typ in ('ecommerce_cs', 'shopping_service', 'police_gov', 'investment') and r.random() < 0.02:
                dst = self.pick(self.gold)
                self.tx(t, v, dst, fen, TYPO_CH[typ], v.region if TYPO_CH[typ] != 'mobile' else '', tk='victim_payment',
                        rep=1 if vinfo['reported'] else 0)
                dst.victim = True
                continue
            l1mix = ring.l1mix
            if ring.name == 'paofen' or (typ in ('brushing', 'game_trade', 'shopping_service', 'fake_job') and 'paofen' in l1mix):
                pass
            else:
                l1mix = {k2: v2 for k2, v2 in l1mix.items() if k2 != 'paofen'} or {'fresh': 1}
            if fen > 3000000 and 'paofen' in l1mix:
                l1mix = {k2: v2 for k2, v2 in l1mix.items() if k2 != 'paofen'}
            dst = self.pool_pick(ring, ring.l1, 'l1', t, l1mix)
            ch = TYPO_CH[typ]
            if v.bank in ('ALIPAY', 'TENPAY'):
                ch = 'mobile'
            if ch == 'counter' and r.random() < 0.5:
                ch = 'mobile'
            memo = self.pick(['', '', '', '', '货款', '转账', '还款']) if typ not in ('police_gov',) else self.pick(['', '', '', '', '', '资金核查'])
            rec = self.tx(t, v, dst, fen, ch, v.region if ch in ('counter', 'atm') else self.mreg(v.region, 0.5),
                          memo=memo, tk='victim_payment', rep=1 if vinfo['reported'] else 0)
            if rec is None:
                continue
            dst.any_depth = min(dst.any_depth, 1)
            if vinfo['reported']:
                dst.nrep += 1
                # the report reaches the police and the bank in time to act on this account (stop-payment,
                # then freeze) -- and it is then on this extract's label list
                if r.random() < (0.07 if dst.role == 'paofen' else 0.15):
                    dst.confirmed = True
                    stop = vinfo['rep_time'] + int(r.uniform(0.5, 6) * HOUR)
                    dst.freeze_at = min(dst.freeze_at, stop)
            receipts.append((t, dst, fen, vinfo, ch))
            # bait: the brushing/investment victim first gets a small "rebate" or "profit"
            if k == 0 and typ in ('brushing', 'investment') and r.random() < 0.7:
                src = ring.upstream if r.random() < 0.5 else self.collector(ring)
                self.tx(t + r.randint(5, 60) * MIN, src, v, int(fen * r.uniform(1.05, 1.3)) if typ == 'brushing'
                        else int(fen * r.uniform(0.02, 0.1)), 'mobile', '', memo=self.pick(['佣金', '返利', '']) if typ == 'brushing' else '收益',
                        tk='bait_rebate')
        # layering from every receipt
        for t, dst, fen, vinfo, ch in receipts:
            arr = t + (24 * HOUR if ch == 'atm' else 0)   # ATM transfers to others arrive after 24 h
            self.route(vinfo['ring'], dst, arr, fen, 1, 1 if vinfo['reported'] else 0)
        # rented accounts whose rental ended: any leftover stays; sold accounts stay with the ring
        # operators pay paofen participants their margin back and commission
        for ring in rings:
            for a in ring.l1:
                if a.role == 'paofen' and ring.ops:
                    op = self.pick(ring.ops)
                    self.tx(min(a.win1, END - HOUR) + r.randint(1, 30) * HOUR, op, a, self.rfen(300, 5000), 'mobile', '',
                            tk='commission')

    def hold(self, ring, depth):
        r = self.r
        if ring.speed == 'fast':
            return int(math.exp(r.uniform(math.log(60), math.log(20 * MIN)))) if depth == 1 else \
                int(math.exp(r.uniform(math.log(120), math.log(60 * MIN))))
        if ring.speed == 'medium':
            return int(math.exp(r.uniform(math.log(10 * MIN), math.log(6 * HOUR)))) if depth == 1 else \
                int(math.exp(r.uniform(math.log(20 * MIN), math.log(12 * HOUR))))
        return int(math.exp(r.uniform(math.log(2 * HOUR), math.log(84 * HOUR)))) if depth == 1 else \
            int(math.exp(r.uniform(math.log(4 * HOUR), math.log(60 * HOUR))))

    def split(self, fen, n):
        r = self.r
        if n <= 1 or fen < 200000:
            return [fen]
        ws = [r.uniform(0.5, 1.5) for _ in range(n)]
        s = sum(ws)
        parts = []
        rest = fen
        for w in ws[:-1]:
            p = int(fen * w / s)
            if r.random() < 0.6:
                p = p // 10000 * 10000
            p = max(100, p)
            if p >= rest:
                break
            parts.append(p)
            rest -= p
        parts.append(rest)
        return parts

    def exit_pick(self, ring, t, fen=0):
        kind = self.wpick(ring.exits)
        r = self.r
        if kind.startswith('atm') and fen > 6000000 and r.random() < 0.7:
            kind = 'ushang'     # large sums leave through a U商 rather than through ATMs
        if kind == 'ushang':
            if r.random() < 0.3:
                return self.pick(self.ushang_rows)
            return self.pick(self.ushang_ext)
        if kind == 'wallet':
            reg = self.china_region()
            a = self.acct(self.pick(['ALIPAY', 'TENPAY']), self.person(reg, 1970, 2004), t - r.randint(30, 900) * DAY,
                          reg, 'II', 'mule', 'wallet_exit_account')
            a.beh = 'wallet'
            a.ring = ring.name
            return a
        a = self.pool_pick(ring, ring.cash, 'cash', t, {'farmer': .4, 'fresh': .35, 'external': .15, 'rented': .1}
                           if kind == 'atm_far' else {'rented': .45, 'fresh': .25, 'aged': .2, 'farmer': .1})
        a.beh = 'cash'
        a.wd = a.wd if a.wd is not None else {}
        if kind == 'atm_local':
            a.ring = ring.name + ':local'
        return a

    def route(self, ring, a, t_in, fen, depth, rep):
        r = self.r
        if t_in >= END:
            return
        if rep:
            a.rep_depth = min(a.rep_depth, depth)
        a.any_depth = min(a.any_depth, depth)
        beh = a.beh
        if beh == 'cash':
            self.cashout(ring, a, t_in, fen, rep)
            return
        if beh == 'ushang':
            if a.row:
                t = t_in + r.randint(5 * MIN, 3 * HOUR)
                out = int(fen * r.uniform(0.985, 0.997))
                for p in self.split(out, r.randint(1, 3)):
                    self.tx(t, a, self.ext_people_pick(self.china_region(), 2000), p, 'mobile', self.mreg(a.region, 0.3),
                            tk='otc_payout', rep=rep)
                    t += r.randint(2, 40) * MIN
            return
        if beh == 'wallet':
            return
        if beh == 'collector':
            u = self.pick(self.ushang_rows) if r.random() < 0.35 else self.pick(self.ushang_ext)
            t = t_in + r.randint(10 * MIN, 4 * HOUR)
            if self.tx(t, a, u, fen, 'mobile', '', tk='ushang_purchase', rep=rep):
                self.route(ring, u, t + 5, fen, depth + 1, rep)
            return
        # a layer account forwards what it received
        t = t_in + self.hold(ring, depth)
        if t >= a.freeze_at or t >= END:
            return      # stopped: the money stays (stop-payment / freeze) or the data ends
        keep = 0
        if a.role == 'paofen':
            keep = int(fen * r.uniform(0.01, 0.025))
            coll = self.collector(ring) if r.random() < 0.7 else None
            if coll is not None:
                if self.tx(t, a, coll, fen - keep, 'mobile', self.mreg(a.region, 0.5), tk='paofen_forward', rep=rep):
                    self.route(ring, coll, t + 5, fen - keep, depth + 1, rep)
                return
        slow = ring.speed == 'slow'
        if depth == 1:
            n = r.randint(1, 3) if not slow else r.randint(2, 5)
        else:
            n = r.randint(1, 2) if not slow else r.randint(1, 4)
        if depth >= 2 and ring.ops and r.random() < 0.12 and fen > 500000:
            op = self.pick(ring.ops)
            c = int(fen * r.uniform(0.01, 0.03))
            if self.tx(t, a, op, c, 'mobile', '', tk='commission', rep=rep):
                keep += c
                if rep:
                    op.rep_depth = min(op.rep_depth, depth + 1)
                op.any_depth = min(op.any_depth, depth + 1)
        parts = self.split(fen - keep, n)
        if ring.opreg == 'LOCAL' or (self.variant == 'V2' and a.row and r.random() < 0.5):
            reg = self.mreg(a.region, 0.7)
        else:
            reg = ring.opreg if ring.opreg and r.random() < 0.7 else ''
        tt = t
        for p in parts:
            if tt >= a.freeze_at:
                break
            if depth == 1:
                nxt = self.pool_pick(ring, ring.l2, 'l2', tt, ring.l2mix)
            elif depth == 2 and r.random() < ring.deeper:
                nxt = self.pool_pick(ring, ring.l2, 'l2', tt, ring.l2mix)
                if nxt is a:
                    nxt = self.exit_pick(ring, tt, p)
            else:
                nxt = self.exit_pick(ring, tt, p)
            if nxt.beh == 'ushang':
                tk = 'ushang_purchase'
            elif nxt.beh == 'wallet':
                tk = 'wallet_exit'
            else:
                tk = 'layering'
            if nxt.opened >= tt - 300:
                continue
            rec = self.tx(tt, a, nxt, p, 'mobile' if r.random() < 0.75 else 'online', reg,
                          memo=self.pick(['', '', '', '货款', '往来款']) if a.cls == 'corp' or nxt.cls == 'corp' else '',
                          tk=tk, rep=rep)
            if rec is not None:
                self.route(ring, nxt, tt + r.randint(1, 30), p, depth + 1, rep)
            if slow:
                tt += r.randint(20 * MIN, 8 * HOUR)
            else:
                tt += r.randint(10, 180)
        if slow and a.row and r.random() < 0.3:
            # cover: small everyday-looking spending from the slow account
            self.tx(t + r.randint(1, 20) * HOUR, a, self.merchant(a.region if ring.opreg == 'LOCAL' else (ring.opreg or a.region)),
                    self.lfen(10, 200), 'pos', a.region if ring.opreg == 'LOCAL' else (ring.opreg or ''), tk='mule_upkeep')

    def cashout(self, ring, a, t_in, fen, rep):
        r = self.r
        local = ring.name.endswith('local') or (a.ring.endswith(':local'))
        if local:
            reg = a.region if r.random() < 0.6 else self.county(a.city or self.city_pick(), 0.5)
        else:
            reg = self.pick(ring.cashregs) if ring.cashregs else self.pick(FAR_CASH)
        chunk = ATM_CHUNK.get(a.bank, 2000) * 100
        daily = ATM_DAILY * 100
        t = t_in + r.randint(15 * MIN, 5 * HOUR if not local else 30 * HOUR)
        rest = fen
        n = 0
        while rest >= 10000 and t < END and n < 400:
            n += 1
            if t >= a.freeze_at:
                return
            if local and rest >= 2000000 and r.random() < 0.35:
                # the holder himself withdraws at the counter, below the 50,000 cash report line
                w = min(rest, self.rfen(20000, 49900, 100)) // 10000 * 10000
                day = t // DAY
                tt = day * DAY + int(r.uniform(9, 16.5) * HOUR)
                if tt < t:
                    tt += DAY
                if self.withdraw(tt, a, w, 'counter', a.region, tk='cash_out', rep=rep):
                    rest -= w
                t = tt + r.randint(2, 30) * HOUR
                continue
            day = t // DAY
            used = a.wd.get(day, 0)
            w = min(chunk, rest // 10000 * 10000, daily - used)
            if w < 10000:
                t = (day + 1) * DAY + int(r.uniform(0, 9) * HOUR) if not local else (day + 1) * DAY + int(r.uniform(7, 22) * HOUR)
                continue
            if self.withdraw(t, a, w, 'atm', reg, tk='cash_out', rep=rep):
                a.wd[day] = used + w
                rest -= w
            t += r.randint(30, 150)

    # ------------------------------------------------------------------ finalize
    def apply_blackouts(self):
        keep = []
        bo = self.blackout
        for rec in self.T:
            if rec[10] == 'ordinary':
                f = bo.get(rec[2])
                if f is not None and (f[0] <= rec[0] < f[1] or rec[0] >= f[2]):
                    continue
                g = bo.get(rec[3])
                if g is not None and rec[0] >= g[2]:
                    continue
            keep.append(rec)
        self.T = keep

    def balances(self):
        A = self.A
        self.T.sort(key=lambda x: (x[0], x[1]))
        bal = {}
        mn = {}
        for rec in self.T:
            f, to, fen = rec[2], rec[3], rec[4]
            if f:
                a = A[f]
                if a.row:
                    b = bal.get(f, 0) - fen
                    bal[f] = b
                    if b < mn.get(f, 0):
                        mn[f] = b
            if to:
                a = A[to]
                if a.row:
                    bal[to] = bal.get(to, 0) + fen
        r = self.r
        extra = []
        for a in A.values():
            if not a.row:
                continue
            deficit = -mn.get(a.id, 0)
            if a.opened < 0:
                if a.role == 'lawful':
                    cush = a.cushion if a.arch == 'dormant' else self.lfen(200, 60000 if a.cls != 'corp' else 2000000)
                else:
                    cush = self.lfen(1, 800)
                a.open_bal = deficit + cush
            else:
                a.open_bal = 0 if a.role != 'lawful' or r.random() < 0.5 else self.rfen(10, 500, 10)
                need = deficit - a.open_bal
                if need > 0:
                    tk = 'ordinary' if a.role == 'lawful' else 'mule_activation'
                    extra.append([a.opened + r.randint(60, 200), 0, '', a.id, need, 'counter', a.region, 'deposit',
                                  '', False, tk, 0])
        for rec in extra:
            rec[1] = self.seq
            self.seq += 1
            self.T.append(rec)
        self.T.sort(key=lambda x: (x[0], x[1]))

    def in_data(self, rec):
        t = rec[0]
        f = rec[2]
        to = rec[3]
        if f:
            a = self.A[f]
            if a.row and t >= EXTRACT_START[a.bank]:
                return a.bank
        if to:
            a = self.A[to]
            if a.row and t >= EXTRACT_START[a.bank]:
                return a.bank
        return None

    def finalize(self):
        r = self.r
        self.apply_blackouts()
        self.balances()
        A = self.A
        out = []
        counts = {}
        bal = {}
        first_bal = {}
        for rec in self.T:
            bank = self.in_data(rec)
            f, to, fen = rec[2], rec[3], rec[4]
            for x in (f, to):
                # the balance a supplying bank knows: just before the account's first transfer in its own extract
                if x and A[x].row and x not in first_bal and rec[0] >= EXTRACT_START[A[x].bank]:
                    first_bal[x] = A[x].open_bal + bal.get(x, 0)
            if bank is not None:
                day = rec[0] // DAY
                key = (bank, day)
                counts[key] = counts.get(key, 0) + 1
                d = T0 + timedelta(days=day)
                txid = '%s%s%06d' % (bank, d.strftime('%Y%m%d'), counts[key])
                out.append((txid, rec))
            if f and A[f].row:
                bal[f] = bal.get(f, 0) - fen
            if to and A[to].row:
                bal[to] = bal.get(to, 0) + fen
        self.out = out
        # opening balance as the format asks
        for a in A.values():
            if not a.row:
                continue
            st = EXTRACT_START[a.bank]
            if a.opened < st:
                if a.id in first_bal:
                    a.open_bal = first_bal[a.id]
                else:
                    a.open_bal = a.open_bal + bal.get(a.id, 0)
        self.final_balance = bal
        self.touched = {}
        for txid, rec in out:
            for x in (rec[2], rec[3]):
                if x:
                    self.touched[x] = 1
        self.labels()

    def labels(self):
        r = self.r
        A = self.A
        lab_tx = []
        self.label_transfers = {}
        for txid, rec in self.out:
            if rec[10] == 'victim_payment' and rec[11] == 1 and r.random() < 0.96:
                self.label_transfers[txid] = 1
        # reports that arrive after the cut-off are not in the list
        late = {}
        for vinfo in self.victims:
            if vinfo['rep_time'] > LABEL_CUTOFF:
                late[vinfo['acct'].id] = 1
        for txid, rec in self.out:
            if txid in self.label_transfers and rec[2] in late:
                del self.label_transfers[txid]
        fraud_roles = ('mule', 'paofen', 'ushang', 'operator', 'farmer_card')
        for a in A.values():
            if a.role not in fraud_roles:
                continue
            if a.role == 'farmer_card' and a.any_depth == 99 and a.arch == 'farmer_card_idle':
                continue
            d = a.rep_depth
            if d == 1:
                # a first-hop account is confirmed when one of the reported cases that paid into it reaches
                # this extract's label list (local cases, notices from other provinces, the bank's own list)
                p = 1.0 if a.confirmed else 0.03
            elif a.role == 'paofen':
                p = 0.25 if d < 99 else 0.06
            elif a.role == 'ushang':
                p = 0.4 if d < 99 else 0.1
            elif a.role == 'operator':
                p = 0.3 if d < 99 else 0.06
            elif a.beh == 'cash':
                p = 0.45 if d < 99 else 0.05
            elif d == 2:
                p = 0.4
            elif d == 3:
                p = 0.3
            elif d < 99:
                p = 0.25
            else:
                p = 0.04
            if r.random() < p:
                a.label = 1
        # card farmers the police or the banks caught
        self.caught = {}
        for f in self.farmers:
            any_lab = any(c.label for c in f['cards'])
            if r.random() < (0.85 if any_lab else 0.3):
                self.caught[f['holder']] = 1
        # statuses as of the extract date
        for a in A.values():
            if not a.row:
                continue
            if a.role != 'lawful':
                if a.freeze_at < END:
                    a.status = 'frozen'
                elif a.label and r.random() < 0.6:
                    a.status = 'frozen'
                elif a.arch == 'farmer_card_idle' and r.random() < 0.12:
                    a.status = 'closed'
                elif a.arch == 'farmer_card_idle' and a.holder in self.caught and r.random() < 0.5:
                    a.status = 'frozen'
            else:
                if a.victim and a.arch in ('gold_shop', 'phone_wholesaler') and r.random() < 0.4:
                    a.status = 'frozen'
                elif a.arch == 'dormant' and r.random() < 0.03:
                    a.status = 'closed'

    # ------------------------------------------------------------------ output
    def tstr(self, t):
        if 0 <= t < END + 40 * DAY:
            day = t // DAY
            s = self.tstr_cache.get(day)
            if s is None:
                s = (T0 + timedelta(days=day)).strftime('%Y-%m-%d')
                self.tstr_cache[day] = s
            x = t - day * DAY
            return '%sT%02d:%02d:%02d+08:00' % (s, x // 3600, (x // 60) % 60, x % 60)
        return (T0 + timedelta(seconds=t)).isoformat()

    def write(self, out_dir, truth):
        os.makedirs(out_dir, exist_ok=True)
        A = self.A
        rows = [a for a in A.values() if a.row]
        with open(os.path.join(out_dir, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in rows:
                w.writerow([a.id, a.bank, a.holder, self.tstr(a.opened), a.region, a.cls, yuan(max(0, a.open_bal)),
                            a.status])
        with open(os.path.join(out_dir, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                        'memo', 'cross_border'])
            for txid, rec in self.out:
                w.writerow([txid, self.tstr(rec[0]), rec[2], rec[3], yuan(rec[4]), 'CNY', rec[5], rec[6], rec[7], rec[8],
                            'true' if rec[9] else 'false'])
        nlab = {'fraud': 0, 'mule': 0, 'card_farmer': 0}
        with open(os.path.join(out_dir, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for a in A.values():
                if a.label and (a.row or a.id in self.touched):
                    w.writerow(['account', a.id, 'mule'])
                    nlab['mule'] += 1
            for f in self.farmers:
                if f['holder'] in self.caught:
                    w.writerow(['holder', f['holder'], 'card_farmer'])
                    nlab['card_farmer'] += 1
            for txid, rec in self.out:
                if txid in self.label_transfers:
                    w.writerow(['transfer', txid, 'fraud'])
                    nlab['fraud'] += 1
        self.nlab = nlab
        if truth:
            with open(os.path.join(out_dir, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                            'labelled', 'farmer_labelled', 'extract_start'])
                for a in A.values():
                    if not (a.row or a.id in self.touched or a.farmer):
                        continue
                    w.writerow(['account', a.id, a.bank, a.holder, 1 if a.row else 0, a.role, a.arch, a.farmer,
                                self.tstr(a.opened), 1 if (a.label and (a.row or a.id in self.touched)) else 0,
                                1 if (a.farmer and a.holder in self.caught) else 0,
                                self.tstr(EXTRACT_START[a.bank]) if a.row else ''])
            with open(os.path.join(out_dir, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for txid, rec in self.out:
                    w.writerow([txid, rec[10]])

    # ------------------------------------------------------------------ run
    def build(self):
        self.gen_employers()
        self.gen_farmers()
        self.gen_salary_workers()
        self.gen_pensioners()
        self.gen_dormant()
        self.gen_shops()
        self.gen_migrants()
        self.gen_students()
        self.gen_own_cards()
        self.gen_rosca()
        self.gen_wholesalers()
        self.gen_logistics()
        self.gen_shaji()
        self.gen_garlic()
        self.gen_seafood()
        self.gen_construction()
        self.gen_daigou()
        self.gen_wedding()
        self.gen_demolition()
        self.gen_gold()
        self.gen_newhire()
        self.pay_salaries()
        self.gen_fraud()
        self.finalize()

    def summary(self):
        A = self.A
        rows = [a for a in A.values() if a.row]
        roles = {}
        lab = {}
        for a in rows:
            roles[a.role] = roles.get(a.role, 0) + 1
            if a.label:
                lab[a.role] = lab.get(a.role, 0) + 1
        kinds = {}
        for txid, rec in self.out:
            kinds[rec[10]] = kinds.get(rec[10], 0) + 1
        vp = kinds.get('victim_payment', 0)
        fr = [a for a in rows if a.role != 'lawful' and not (a.arch == 'farmer_card_idle')]
        print('variant=%s seed=%d' % (self.variant, self.seed))
        print('accounts with rows: %d   external accounts in transfers: %d   transfers: %d' % (
            len(rows), sum(1 for x in self.touched if not A[x].row), len(self.out)))
        print('rows by role: ' + ', '.join('%s=%d (labelled %d)' % (k, roles[k], lab.get(k, 0)) for k in sorted(roles)))
        print('fraud rows (excl. idle farmer cards): %d, labelled %d (%.0f%%)' % (
            len(fr), sum(a.label for a in fr), 100.0 * sum(a.label for a in fr) / max(1, len(fr))))
        print('card farmers: %d, caught (labelled) %d; farmer cards with rows %d' % (
            len(self.farmers), len(self.caught), sum(1 for a in rows if a.farmer)))
        print('victim payments in data: %d, labelled fraud %d (%.0f%%)' % (
            vp, self.nlab['fraud'], 100.0 * self.nlab['fraud'] / max(1, vp)))
        print('labels: ' + ', '.join('%s=%d' % (k, v) for k, v in self.nlab.items()))
        print('transfer kinds: ' + ', '.join('%s=%d' % (k, kinds[k]) for k in sorted(kinds)))
        print('history-from: ' + ' '.join('%s=%s' % (b, self.tstr(EXTRACT_START[b])) for b in SUPPLY_ORDER))


def main():
    ap = argparse.ArgumentParser(description='淮海经济区 synthetic world for fanzha (format v1)')
    ap.add_argument('--variant', choices=['baseline', 'V2', 'V3'], default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build()
    w.write(args.out, args.truth)
    w.summary()
    print('wrote %s in %.1f s' % (args.out, time.time() - t0))


if __name__ == '__main__':
    main()
