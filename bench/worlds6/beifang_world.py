#!/usr/bin/env python3
# Licence: Apache-2.0 (written by the fanzha project).
"""worlds6 / beifang: a North and North-East China evaluation world for fanzha.

An anti-fraud centre covering Tianjin, Hebei, Liaoning, Jilin, Heilongjiang and Shandong receives
extracts from some banks and payment institutions and not from others.  The generator writes the
fanzha interchange format v1 (accounts.csv, transfers.csv, labels.csv).  Standard library only; one
seeded random.Random; no iteration over sets; the output depends only on --variant and --seed.

    python3 bench/worlds6/beifang_world.py --variant baseline --seed 1 --out /tmp/w6

See bench/worlds6/README.md for the assumptions, the variants and the caveats.
"""

import argparse
import datetime
import heapq
import math
import os
import random
import sys
import time

DAY = 86400
HOUR = 3600
MIN = 60
LOCAL = 8 * HOUR                     # +08:00
EPOCH_ORD = datetime.date(1970, 1, 1).toordinal()
FOREVER = 1 << 40

# ----------------------------------------------------------------------------------------------
# Geography: GB/T 2260 district codes.  Weights are rough relative populations inside a province.
# ----------------------------------------------------------------------------------------------
IN_REGIONS = {
    '12': ('天津', '120101:3 120102:3 120103:3 120104:4 120105:3 120106:2 120110:3 120111:3 '
                  '120112:2 120113:3 120114:3 120115:2 120116:6 120117:1 120118:2 120119:2'),
    '13': ('河北', '130102:3 130104:3 130105:2 130108:3 130109:2 130110:1 130111:1 130202:2 130203:3 '
                  '130204:1 130205:1 130207:1 130208:2 130281:2 130283:2 130302:2 130303:1 130304:1 '
                  '130402:2 130403:3 130404:1 130502:2 130503:2 130602:3 130606:3 130607:1 130681:2 '
                  '130682:3 130684:1 130702:2 130703:2 130802:2 130902:2 130903:2 130981:1 130984:2 '
                  '131002:2 131003:2 131082:2 131102:2'),
    '21': ('辽宁', '210102:3 210103:3 210104:3 210105:3 210106:4 210111:1 210112:3 210113:2 210114:2 '
                  '210202:2 210203:2 210204:3 210211:4 210212:1 210213:3 210214:1 210281:2 210283:2 '
                  '210302:2 210303:2 210304:1 210381:2 210402:2 210502:1 210602:1 210603:1 210681:1 '
                  '210702:2 210703:1 210802:2 210881:1 210902:1 211002:1 211102:1 211103:1 211202:1 '
                  '211302:1 211402:1 211481:1'),
    '22': ('吉林', '220102:2 220103:2 220104:3 220105:2 220106:2 220112:1 220113:1 220182:1 220183:1 '
                  '220202:2 220203:1 220204:1 220211:1 220302:1 220303:1 220402:1 220502:1 220581:1 '
                  '220602:1 220702:1 220802:1 222401:2 222402:1 222403:1 222404:1 222405:1'),
    '23': ('黑龙江', '230102:3 230103:4 230104:2 230108:1 230109:2 230110:3 230111:1 230112:1 230113:1 '
                   '230183:1 230184:1 230202:2 230203:1 230204:1 230302:1 230402:1 230502:1 230602:2 '
                   '230603:1 230604:1 230717:1 230803:1 230804:1 230881:1 230902:1 231002:1 231003:1 '
                   '231004:1 231081:1 231102:1 231202:1 231281:1 231282:1'),
    '37': ('山东', '370102:3 370103:2 370104:2 370105:2 370112:3 370113:1 370114:2 370202:2 370203:3 '
                  '370211:4 370212:2 370213:2 370214:3 370215:2 370281:2 370283:1 370302:1 370303:2 '
                  '370402:1 370502:2 370602:2 370612:1 370613:1 370702:1 370705:2 370783:1 370811:2 '
                  '370881:1 370902:2 371002:2 371102:2 371302:3 371311:1 371312:1 371402:2 371502:2 '
                  '371602:2 371702:2 371721:1'),
}
RURAL = set('120114 120115 120117 120118 120119 130109 130110 130111 130281 130283 130607 130681 '
            '130682 130684 130981 130984 131082 210214 210281 210283 210381 210681 210881 211481 '
            '220112 220113 220182 220183 220581 230111 230112 230113 230183 230184 230881 231281 '
            '231282 370113 370114 370215 370281 370283 370783 370881 371721'.split())
BORDER = ['231081', '231102', '230881', '222404', '210681', '210602']   # 绥芬河 黑河 同江 珲春 东港 丹东
YANBIAN = ['222401', '222402', '222403', '222404', '222405']
SEAFOOD = ['210211', '210213', '210283', '370211', '370215', '370602', '371002', '371102']
GRAIN = ['230184', '230183', '231281', '231282', '220182', '220183', '220702', '230602', '230202',
         '230111', '220113']
VEG = ['370783', '370702', '130682', '371302']
OUT_REGIONS = ('110101:2 110102:2 110105:4 110106:3 110108:4 110114:3 140105:2 140106:2 150102:1 '
               '150105:1 150202:1 150602:1 150702:1 150781:1 310104:3 310115:5 320102:2 320106:2 '
               '320505:2 320506:2 320205:2 330102:2 330106:3 330782:2 340102:2 340104:2 350102:2 '
               '350203:2 350582:2 360102:2 410102:3 410105:3 411302:2 420102:2 420106:3 420111:3 '
               '430102:2 430104:3 431102:1 440103:2 440104:2 440106:4 440111:3 440303:3 440304:4 '
               '440306:4 440307:4 440604:2 441900:4 442000:2 445202:1 441502:1 450102:2 450103:2 '
               '450681:1 451402:1 451481:1 460105:1 460106:1 460202:1 500103:3 510104:3 510107:3 '
               '520102:2 530102:2 530103:2 533102:1 533103:1 532801:1 610103:3')
CASHOUT = ('440303 440304 440306 440307 441900 440111 440106 445202 441502 450681 451481 451402 '
           '533102 533103 532801 350582 460105 460202').split()
GANG_OPS = '533102 532801 450681 451481 440306 441502 350582 460106 440307 445202'.split()
STUDIO_IN = '230103 230104 210106 210211 220104 130104 120104 370105 371302'.split()
FARMER_HOME = ('420102 420106 420111 430102 431102 410102 411302 450102 530102 150102 150202 '
               '230183 220182 230184 130681').split()
MIGRANT_WORK = ('110105:4 110106:3 110114:2 320505:2 320506:2 310115:3 330782:1 440306:1 '
                '120116:3 370211:2 210211:2').split()
WINTER_SOUTH = '460202 460105 460106 450102'.split()    # 候鸟老人 spend winter in Hainan/Guangxi
FOREIGN = [('KR', 6), ('RU', 3), ('HK', 4), ('JP', 1), ('US', 1), ('AU', 1), ('GB', 1)]
FRAUD_FOREIGN = [('HK', 3), ('KH', 4), ('MM', 3), ('LA', 2), ('TH', 1), ('MY', 1), ('PH', 2)]

# ----------------------------------------------------------------------------------------------
# Institutions.  code, kind, province ('*' = national), weight, display name.
# Payment institutions are deliberately anonymous (A..E).
# ----------------------------------------------------------------------------------------------
INSTS = [
    ('ICBC', 'bank', '*', 10, '中国工商银行'), ('ABC', 'bank', '*', 9, '中国农业银行'),
    ('BOC', 'bank', '*', 7, '中国银行'), ('CCB', 'bank', '*', 10, '中国建设银行'),
    ('BOCOM', 'bank', '*', 4, '交通银行'), ('PSBC', 'bank', '*', 9, '中国邮政储蓄银行'),
    ('CMB', 'bank', '*', 4, '招商银行'), ('CIB', 'bank', '*', 1.5, '兴业银行'),
    ('CITIC', 'bank', '*', 1.5, '中信银行'), ('SPDB', 'bank', '*', 1, '浦发银行'),
    ('CMBC', 'bank', '*', 1.2, '民生银行'), ('CEB', 'bank', '*', 1.2, '光大银行'),
    ('PAB', 'bank', '*', 1.5, '平安银行'), ('HXB', 'bank', '*', 0.8, '华夏银行'),
    ('HFB', 'bank', '37', 1, '恒丰银行'), ('TJB', 'bank', '12', 3, '天津银行'),
    ('TRCB', 'rcc', '12', 3, '天津农商银行'), ('HEBB', 'bank', '13', 2, '河北银行'),
    ('HERCU', 'rcc', '13', 7, '河北省农村信用社'), ('SJB', 'bank', '21', 2.5, '盛京银行'),
    ('DLB', 'bank', '21', 1.5, '大连银行'), ('JZB', 'bank', '21', 1, '锦州银行'),
    ('LNRCU', 'rcc', '21', 5, '辽宁省农村信用社'), ('JLB', 'bank', '22', 3, '吉林银行'),
    ('JLRCU', 'rcc', '22', 5, '吉林省农村信用社'), ('HRBB', 'bank', '23', 3, '哈尔滨银行'),
    ('LJB', 'bank', '23', 2, '龙江银行'), ('HLRCU', 'rcc', '23', 6, '黑龙江省农村信用社'),
    ('QDB', 'bank', '37', 1.5, '青岛银行'), ('QLB', 'bank', '37', 1.5, '齐鲁银行'),
    ('SDRCU', 'rcc', '37', 8, '山东省农村信用社'),
    ('PAYA', 'pay', '*', 45, '支付机构A'), ('PAYB', 'pay', '*', 38, '支付机构B'),
    ('PAYC', 'pay', '*', 8, '支付机构C'), ('PAYD', 'pay', '*', 6, '支付机构D'),
    ('PAYE', 'pay', '*', 3, '支付机构E'),
]

# ----------------------------------------------------------------------------------------------
# Fraud typology: n instalments (lo, hi), amount median/sigma/lo/hi (yuan), escalation per
# instalment, median gap between instalments (hours), who is targeted, median report delay (hours)
# ----------------------------------------------------------------------------------------------
TYPO = {
    'brushing':            ((2, 8), 600, 0.9, 30, 80000, 1.9, 0.4, 'young', 10),
    'ecommerce_cs':        ((1, 3), 6000, 0.9, 500, 90000, 1.3, 0.25, 'adult', 6),
    'investment':          ((2, 9), 30000, 1.0, 2000, 900000, 1.4, 80, 'adult', 300),
    'loan_card':           ((1, 4), 2000, 0.8, 200, 30000, 1.6, 3, 'young', 24),
    'credit_record':       ((1, 5), 15000, 0.9, 1000, 200000, 1.2, 0.6, 'young', 12),
    'shopping_service':    ((1, 2), 600, 1.0, 50, 8000, 1.0, 2, 'any', 48),
    'police_gov':          ((1, 6), 80000, 1.0, 5000, 1200000, 1.2, 10, 'elder', 30),
    'leader_acquaintance': ((1, 2), 30000, 0.8, 3000, 300000, 1.1, 1, 'business', 8),
    'game_trade':          ((1, 3), 800, 0.9, 50, 10000, 1.3, 1, 'young', 24),
    'romance':             ((3, 12), 20000, 1.0, 1000, 600000, 1.3, 100, 'adult', 500),
    'military_purchase':   ((1, 2), 30000, 0.7, 5000, 200000, 1.2, 6, 'business', 48),
    'net_black':           ((1, 3), 3000, 1.0, 200, 50000, 1.2, 6, 'any', 48),
    'prize':               ((1, 3), 2000, 0.8, 200, 30000, 1.5, 2, 'elder', 36),
    'parcel':              ((1, 4), 40000, 1.0, 3000, 500000, 1.2, 8, 'adult', 24),
    'subsidy_refund':      ((1, 3), 5000, 0.8, 500, 60000, 1.2, 0.3, 'elder', 6),
    'accident_kidnap':     ((1, 2), 20000, 0.7, 2000, 150000, 1.0, 0.5, 'elder', 3),
    'phone_bill':          ((1, 4), 50000, 1.0, 3000, 600000, 1.2, 8, 'elder', 24),
    'fake_job':            ((1, 3), 500, 0.7, 50, 5000, 1.3, 12, 'young', 72),
}
TYPO_ORDER = list(TYPO.keys())

# ----------------------------------------------------------------------------------------------
# Variants
# ----------------------------------------------------------------------------------------------
BASE_TYPO_W = {'brushing': 26, 'ecommerce_cs': 9, 'investment': 13, 'loan_card': 9, 'credit_record': 6,
               'shopping_service': 5, 'police_gov': 7, 'leader_acquaintance': 3, 'game_trade': 4,
               'romance': 4, 'military_purchase': 1.5, 'net_black': 3, 'prize': 1.5, 'parcel': 2,
               'subsidy_refund': 2, 'accident_kidnap': 1.5, 'phone_bill': 1, 'fake_job': 3}

VARIANTS = {
    'baseline': dict(
        days=(95, 110), persons=9200, prov_w={'37': 24, '13': 19, '21': 19, '23': 15, '22': 11, '12': 12},
        supply=['ICBC', 'CCB', 'PSBC', 'CMB', 'BOCOM', 'HRBB', 'JLB', 'SJB', 'HEBB', 'TRCB', 'SDRCU',
                'QDB', 'LJB', 'PAYB', 'PAYD'],
        cases=1000, gangs=11, slow_share=0.45, in_region_mule=0.72, ext_victim=0.45,
        mule_mix={'fresh': 15, 'farmed': 9, 'rented': 17, 'sold': 11, 'takeover': 5, 'relative_dormant': 8,
                  'shell_corp': 10, 'payment_inst': 14, 'paofen': 11},
        farmers=16, farmers_before=0.3, farmed_use=0.45, lookalike=1.0, paofen_small_only=True,
        typo=BASE_TYPO_W, tiers_fast=(2, 3), tiers_slow=(4, 6),
        exits={'atm': 30, 'counter': 12, 'otc': 25, 'gold': 10, 'xborder': 8, 'purchase': 8, 'payinst': 7},
        merchant_rate=1.0, lawful_scale=0.72),
    'oldrent_slow': dict(
        days=(115, 130), persons=8600, prov_w={'23': 24, '22': 18, '21': 22, '13': 13, '37': 14, '12': 9},
        supply=['ICBC', 'ABC', 'BOC', 'PSBC', 'CMB', 'HRBB', 'LJB', 'JLB', 'JLRCU', 'SJB', 'LNRCU', 'TJB',
                'QLB', 'HLRCU', 'PAYA'],
        cases=850, gangs=9, slow_share=0.9, in_region_mule=0.78, ext_victim=0.45,
        mule_mix={'fresh': 4, 'farmed': 3, 'rented': 30, 'sold': 22, 'takeover': 7, 'relative_dormant': 13,
                  'shell_corp': 9, 'payment_inst': 8, 'paofen': 4},
        farmers=8, farmers_before=0.5, farmed_use=0.3, lookalike=1.0, paofen_small_only=True,
        typo=dict(BASE_TYPO_W, investment=20, romance=7, police_gov=10, brushing=18),
        tiers_fast=(2, 3), tiers_slow=(5, 8),
        exits={'atm': 16, 'counter': 16, 'otc': 30, 'gold': 18, 'xborder': 10, 'purchase': 4, 'payinst': 6},
        merchant_rate=0.72, lawful_scale=0.56),
    'hardneg_paofen': dict(
        days=(85, 95), persons=7700, prov_w={'37': 28, '13': 22, '12': 16, '21': 14, '23': 11, '22': 9},
        supply=['ICBC', 'CCB', 'ABC', 'PSBC', 'CMB', 'CIB', 'HRBB', 'HLRCU', 'JLB', 'DLB', 'HEBB', 'HERCU',
                'SDRCU', 'PAYA', 'PAYB', 'PAYC'],
        cases=1100, gangs=10, slow_share=0.4, in_region_mule=0.72, ext_victim=0.5,
        mule_mix={'fresh': 10, 'farmed': 6, 'rented': 12, 'sold': 7, 'takeover': 4, 'relative_dormant': 5,
                  'shell_corp': 6, 'payment_inst': 12, 'paofen': 38},
        farmers=12, farmers_before=0.3, farmed_use=0.35, lookalike=2.2, paofen_small_only=False,
        typo=dict(BASE_TYPO_W, brushing=32, game_trade=8, shopping_service=9, fake_job=6, loan_card=11,
                  police_gov=4, investment=9),
        tiers_fast=(2, 3), tiers_slow=(3, 5),
        exits={'atm': 24, 'counter': 8, 'otc': 30, 'gold': 8, 'xborder': 6, 'purchase': 14, 'payinst': 10},
        merchant_rate=0.7, lawful_scale=0.6),
}

HOURS = list(range(24))
_PROF = {
    'day':   [1, .5, .3, .2, .2, .4, 1.5, 4, 6, 7, 8, 9, 10, 8, 7, 7, 8, 9, 11, 12, 11, 9, 6, 3],
    'work':  [.2, .1, .1, .1, .1, .2, .5, 2, 8, 12, 12, 11, 6, 9, 11, 11, 10, 7, 3, 1.5, 1, .7, .4, .3],
    'bank':  [0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 12, 11, 7, 8, 11, 10, 8, 2, 0, 0, 0, 0, 0, 0],
    'elder': [.2, .1, .1, .1, .2, 1, 4, 8, 11, 12, 11, 9, 5, 6, 8, 8, 6, 4, 3, 2, 1.5, .8, .4, .2],
    'young': [4, 2.5, 1.2, .5, .3, .3, .8, 2.5, 4, 5, 6, 8, 10, 8, 7, 7, 7, 8, 10, 12, 13, 12, 10, 7],
    'night': [8, 8, 7, 6, 5, 3, 2, 2, 2, 2, 3, 4, 5, 4, 3, 3, 3, 4, 5, 6, 7, 8, 9, 9],
    'fraud': [3, 3, 2.5, 2, 1.5, 1.5, 2, 3, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5, 4],
    'victim': [.5, .3, .2, .2, .2, .5, 1.5, 4, 7, 9, 10, 10, 8, 8, 9, 9, 8, 7, 7, 7, 7, 5, 3, 1.5],
}
PROF = {}
for _k, _v in _PROF.items():
    _acc, _c = [], 0.0
    for _x in _v:
        _c += _x
        _acc.append(_c)
    PROF[_k] = _acc

LAWFUL_MEMO_P2P = ['', '', '', '', '', '转账', '转账', '红包', '生活费', '还款', '借款', 'AA', '饭钱', '给妈的',
                   '孩子学费', '买菜钱', '礼金', '话费', '油钱', '房租']
VICTIM_MEMO = ['', '', '', '', '', '', '转账', '转账', '货款', '还款', '还款', '借款', '生活费', '往来款']
LAYER_MEMO = ['', '', '', '', '', '', '', '转账', '货款', '往来款', '还款', '借款', '服务费']


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
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def fen_str(f):
    return '%d.%02d' % (f // 100, f % 100)


class Inst:
    __slots__ = ('code', 'kind', 'prov', 'w', 'name', 'num', 'bin', 'supplied', 'cover', 'start', 'end')


class Person:
    __slots__ = ('hid', 'region', 'prov', 'age', 'persona', 'accts', 'prim', 'wallet', 'prof', 'family',
                 'contacts', 'employer', 'salary', 'work_region', 'landlord', 'victim', 'tags', 'rent')


class Corp:
    __slots__ = ('hid', 'region', 'kind', 'acct', 'pay', 'staff', 'payday', 'hour', 'cat')


class Acct:
    __slots__ = ('id', 'inst', 'holder', 'opened', 'region', 'cls', 'supplied', 'status', 'nat',
                 'lawful_until', 'dormant', 'mkind', 'gang', 'tier', 'afrom', 'auntil', 'freeze', 'fbal',
                 'pending', 'exit', 'cash_region', 'runner', 'owner', 'farmer', 'new', 'ext_region',
                 'closed_at', 'xout', 'otcs', 'atmday', 'atmused')

    def __init__(self):
        self.lawful_until = FOREVER
        self.dormant = False
        self.mkind = None
        self.gang = None
        self.tier = 0
        self.afrom = FOREVER
        self.auntil = FOREVER
        self.freeze = None
        self.fbal = 0
        self.pending = False
        self.exit = None
        self.cash_region = None
        self.runner = None
        self.owner = None
        self.farmer = None
        self.new = False
        self.status = 'active'
        self.nat = 0
        self.closed_at = None
        self.xout = False
        self.otcs = None
        self.atmday = -1
        self.atmused = 0


class Gang:
    __slots__ = ('gid', 'slow', 'tiers', 'start', 'end', 'ops', 'cash', 'exits', 'otc', 'gold', 'rebate',
                 'payinst', 'foreign', 'ncases', 'p_local')


class World:
    def __init__(self, variant, seed):
        self.vname = variant
        self.V = VARIANTS[variant]
        self.seed = seed
        self.rng = random.Random(seed * 7919 + 104729 * (list(VARIANTS).index(variant) + 1))
        self.ev = []
        self.seq = 0
        self.accts = []
        self.used_ids = set()
        self.used_hids = set()
        self.persons = []
        self.corps = []
        self.stats = {}
        self.datecache = {}
        self.phase = ''
        self.trip_merchants = {}

    # ------------------------------------------------------------------ small helpers
    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        r = self.rng.random
        while True:
            p *= r()
            if p <= L:
                return k
            k += 1

    def logn(self, med, sig, lo, hi):
        x = med * math.exp(self.rng.gauss(0, sig))
        if x < lo:
            x = lo
        if x > hi:
            x = hi
        return int(x * 100)

    def pick_w(self, items, weights):
        return self.rng.choices(items, weights=weights)[0]

    def roundy(self, fen, p_round=0.7):
        """People type round sums: 50/100/500/1000 yuan steps, else whole yuan or cents."""
        r = self.rng.random()
        if r < p_round:
            y = fen / 100.0
            step = 50 if y < 1000 else (100 if y < 10000 else (1000 if y < 100000 else 10000))
            v = int(round(y / step)) * step
            return max(step, v) * 100
        if r < p_round + 0.2:
            return max(100, (fen // 100) * 100)
        return max(1, fen)

    def rts(self, t0, t1, prof):
        if t1 <= t0:
            return None
        rng = self.rng
        d0 = (t0 + LOCAL) // DAY
        d1 = (t1 - 1 + LOCAL) // DAY
        cw = PROF[prof]
        for _ in range(5):
            d = rng.randint(d0, d1)
            h = rng.choices(HOURS, cum_weights=cw)[0]
            ts = d * DAY - LOCAL + h * HOUR + rng.randrange(HOUR)
            if t0 <= ts < t1:
                return ts
        return rng.randrange(t0, t1)

    def at(self, y, m, d, h=0, mi=0):
        return (datetime.date(y, m, d).toordinal() - EPOCH_ORD) * DAY - LOCAL + h * HOUR + mi * MIN

    def ymd(self, ts):
        d = datetime.date.fromordinal((ts + LOCAL) // DAY + EPOCH_ORD)
        return d.year, d.month, d.day

    def month_of(self, ts):
        return self.ymd(ts)[1]

    def fmt_ts(self, ts):
        l = ts + LOCAL
        d, s = divmod(l, DAY)
        ds = self.datecache.get(d)
        if ds is None:
            ds = datetime.date.fromordinal(d + EPOCH_ORD).isoformat()
            self.datecache[d] = ds
        h, s = divmod(s, 3600)
        m, s = divmod(s, 60)
        return '%sT%02d:%02d:%02d+08:00' % (ds, h, m, s)

    # ------------------------------------------------------------------ geography
    def setup_geo(self):
        self.prov_list = list(IN_REGIONS.keys())
        self.prov_codes = {}
        self.city_codes = {}
        self.all_in = []
        self.all_in_w = []
        for pv in self.prov_list:
            items = [(c, float(w)) for c, w in (x.split(':') for x in IN_REGIONS[pv][1].split())]
            self.prov_codes[pv] = items
            for c, w in items:
                self.city_codes.setdefault(c[:4], []).append(c)
                self.all_in.append(c)
                self.all_in_w.append(w * self.V['prov_w'][pv] / sum(x[1] for x in items))
        self.cities = list(self.city_codes.keys())
        self.out = [(c, float(w)) for c, w in (x.split(':') for x in OUT_REGIONS.split())]
        self.out_codes = [c for c, _ in self.out]
        self.out_w = [w for _, w in self.out]
        self.mig_codes = [x.split(':')[0] for x in MIGRANT_WORK]
        self.mig_w = [float(x.split(':')[1]) for x in MIGRANT_WORK]
        # national mix for external victims and payers: in-region share ~ 35 %
        self.nat_codes = self.all_in + self.out_codes
        s_in = sum(self.all_in_w)
        s_out = sum(self.out_w)
        self.nat_w = [w * 35.0 / s_in for w in self.all_in_w] + [w * 65.0 / s_out for w in self.out_w]

    def in_region(self, prov=None, rural=None):
        rng = self.rng
        if prov is None:
            return rng.choices(self.all_in, weights=self.all_in_w)[0]
        items = self.prov_codes[prov]
        if rural is not None:
            sub = [(c, w) for c, w in items if (c in RURAL) == rural]
            if sub:
                items = sub
        return rng.choices([c for c, _ in items], weights=[w for _, w in items])[0]

    def pick_prov(self):
        pw = self.V['prov_w']
        return self.rng.choices(self.prov_list, weights=[pw[p] for p in self.prov_list])[0]

    def out_region(self):
        return self.rng.choices(self.out_codes, weights=self.out_w)[0]

    def nat_region(self):
        return self.rng.choices(self.nat_codes, weights=self.nat_w)[0]

    def same_city(self, code):
        lst = self.city_codes.get(code[:4])
        if not lst:
            return code
        return self.rng.choice(lst)

    # ------------------------------------------------------------------ institutions
    def setup_insts(self):
        rng = self.rng
        self.insts = []
        self.inst_by = {}
        sup = set(self.V['supply'])
        for i, (code, kind, prov, w, name) in enumerate(INSTS):
            it = Inst()
            it.code, it.kind, it.prov, it.w, it.name = code, kind, prov, w, name
            it.num = i + 1
            it.bin = '62%04d' % (1103 + i * 37)
            it.supplied = code in sup
            # which districts' customers the extract covers (branch scope of the extract)
            cov = set()
            if it.supplied:
                p_cov = rng.uniform(0.75, 1.0)
                for c in self.all_in:
                    if (prov == '*' or c[:2] == prov) and rng.random() < p_cov:
                        cov.add(c)
            it.cover = cov
            # each supplying institution starts its extract on its own day and may stop early
            it.start = self.W0 + (rng.randint(0, 21) * DAY if it.supplied else 0)
            it.end = self.W1 - (rng.randint(1, 4) * DAY if (it.supplied and rng.random() < 0.3) else 0)
            self.insts.append(it)
            self.inst_by[code] = it
        self.banks = [x for x in self.insts if x.kind != 'pay']
        self.pays = [x for x in self.insts if x.kind == 'pay']

    def pick_bank(self, prov, rural=False, small=False):
        cands, ws = [], []
        for it in self.banks:
            if it.prov == '*' or it.prov == prov:
                w = it.w
                if rural and (it.kind == 'rcc' or it.code in ('PSBC', 'ABC')):
                    w *= 3.0
                if small and (it.kind == 'rcc' or it.prov != '*'):
                    w *= 2.5
                if it.prov != '*' and it.prov == prov:
                    w *= 1.3
                cands.append(it)
                ws.append(w)
        return self.rng.choices(cands, weights=ws)[0]

    def pick_bank_any(self):
        return self.rng.choices(self.banks, weights=[b.w if b.prov == '*' else b.w * 0.15 for b in self.banks])[0]

    def pick_pay(self):
        return self.rng.choices(self.pays, weights=[p.w for p in self.pays])[0]

    # ------------------------------------------------------------------ identities
    def new_pid(self, region, age):
        rng = self.rng
        while True:
            y = self.year0 - age
            d = datetime.date(y, 1, 1) + datetime.timedelta(days=rng.randrange(365))
            body = '%s%s%03d' % (region, d.strftime('%Y%m%d'), rng.randrange(1000))
            s = sum(int(body[i]) * ID_W[i] for i in range(17))
            hid = body + '10X98765432'[s % 11]
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def new_uscc(self, region):
        rng = self.rng
        while True:
            org = ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(8)) + str(rng.randrange(10))
            body = '91' + region + org
            s = sum(USCC_CH.index(body[i]) * USCC_W[i] for i in range(17))
            c = 31 - s % 31
            if c == 31:
                c = 0
            hid = body + USCC_CH[c]
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def new_acct_id(self, inst, cls):
        rng = self.rng
        while True:
            if inst.kind == 'pay':
                aid = '%s%02d%014d' % ('P', inst.num, rng.randrange(10 ** 14))
            elif cls == 'corp':
                aid = '%03d%015d' % (inst.num + 100, rng.randrange(10 ** 15))
            else:
                payload = inst.bin + '%012d' % rng.randrange(10 ** 12)
                aid = payload + luhn(payload)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def bank_hours(self, ts):
        l = ts + LOCAL
        d, s = divmod(l, DAY)
        if 9 * HOUR <= s < 16 * HOUR + 30 * MIN:
            return ts
        return d * DAY - LOCAL + self.rng.randint(9 * HOUR, 16 * HOUR + 29 * MIN)

    def new_acct(self, inst, holder, opened, region, cls, owner=None):
        if inst.kind != 'pay' and cls in ('I', 'corp'):
            opened = self.bank_hours(opened)          # class I and corporate accounts are opened at a counter
        else:
            l = (opened + LOCAL) % DAY
            if l < 7 * HOUR:
                opened += 8 * HOUR + self.rng.randrange(12 * HOUR)
        a = Acct()
        a.id = self.new_acct_id(inst, cls)
        a.inst = inst
        a.holder = holder
        a.opened = opened
        a.region = region
        a.cls = cls
        a.owner = owner
        a.supplied = inst.supplied and region in inst.cover
        a.new = opened >= self.W0
        self.accts.append(a)
        return a

    def ext_acct(self, region=None, pay=False, cls='I', age=None, inst=None):
        """An account of somebody outside the modelled population (appears only in transfers)."""
        rng = self.rng
        if region is None:
            region = self.nat_region()
        if inst is None:
            if pay:
                inst = self.pick_pay()
            elif region[:2] in IN_REGIONS:
                inst = self.pick_bank(region[:2])
            else:
                inst = self.pick_bank_any()
        hid = self.new_pid(region, age or rng.randint(20, 70)) if cls != 'corp' else self.new_uscc(region)
        a = Acct()
        a.id = self.new_acct_id(inst, cls)
        a.inst = inst
        a.holder = hid
        a.opened = self.W0 - rng.randint(200, 4000) * DAY
        a.region = region
        a.cls = cls
        a.supplied = False           # not in the modelled population => never a row
        self.accts.append(a)
        return a

    def foreign_acct(self, fraud=False):
        rng = self.rng
        cc = self.pick_w([c for c, _ in (FRAUD_FOREIGN if fraud else FOREIGN)],
                         [w for _, w in (FRAUD_FOREIGN if fraud else FOREIGN)])
        while True:
            aid = '%s%014d' % (cc, rng.randrange(10 ** 14))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                break
        a = Acct()
        a.id = aid
        a.inst = None
        a.holder = ''
        a.opened = 0
        a.region = ''
        a.cls = 'I'
        a.supplied = False
        self.accts.append(a)
        return a

    # ------------------------------------------------------------------ emission
    def emit(self, ts, frm, to, fen, ch, reg, kind='transfer', memo='', xb=False, fraud=False, tag=''):
        if ts is None or fen <= 0 or ts < self.W0 or ts >= self.W1:
            return False
        if not reg and frm is not None:
            reg = frm.region          # an online payment is placed where the payer is (account region if unknown)
        if frm is not None and (ts < frm.opened or (frm.closed_at is not None and ts >= frm.closed_at)):
            return False
        if to is not None and (ts < to.opened or (to.closed_at is not None and ts >= to.closed_at)):
            return False
        self.ev.append((ts, self.seq, frm, to, fen, ch, reg, kind, memo, xb, fraud, tag or self.phase))
        self.seq += 1
        return True

    def lok(self, a, ts):
        return a is not None and a.opened <= ts < a.lawful_until and (a.freeze is None or ts < a.freeze)

    def emit_l(self, ts, frm, to, fen, ch, reg, kind='transfer', memo='', xb=False):
        if frm is not None and not self.lok(frm, ts):
            return False
        if to is not None and not self.lok(to, ts):
            return False
        return self.emit(ts, frm, to, fen, ch, reg, kind, memo, xb)

    def own_bank(self, p, ts, exclude=None):
        if p.prim is not exclude and self.lok(p.prim, ts):
            return p.prim
        for a in p.accts:
            if a is not exclude and a.inst.kind != 'pay' and not a.dormant and self.lok(a, ts):
                return a
        return None

    def recv_acct(self, p, ts):
        a = self.own_bank(p, ts)
        if a is None and p.wallet is not None and self.lok(p.wallet, ts):
            a = p.wallet
        return a

    def spend_acct(self, p, ts, wallet_first):
        if wallet_first and p.wallet is not None and self.lok(p.wallet, ts):
            return p.wallet
        return self.own_bank(p, ts)

    # ------------------------------------------------------------------ population
    def make_person(self, persona, region=None, age=None):
        rng = self.rng
        p = Person()
        p.persona = persona
        if region is None:
            prov = self.pick_prov()
            region = self.in_region(prov, rural=(rng.random() < 0.75) if persona == 'farmer' else None)
        p.region = region
        p.prov = region[:2]
        if age is None:
            age = {'student': rng.randint(18, 24), 'retiree': rng.randint(58, 85), 'farmer': rng.randint(30, 72),
                   'migrant': rng.randint(20, 55), 'gig': rng.randint(20, 45), 'dependent': rng.randint(22, 70),
                   'microseller': rng.randint(20, 40), 'landlord': rng.randint(38, 72)}.get(persona, rng.randint(23, 58))
        p.age = age
        p.hid = self.new_pid(region if rng.random() < 0.85 else self.in_region(), age)
        p.accts = []
        p.family = []
        p.contacts = []
        p.employer = None
        p.salary = 0
        p.work_region = region
        p.landlord = None
        p.victim = False
        p.tags = []
        p.rent = 0
        p.prof = {'student': 'young', 'retiree': 'elder', 'farmer': 'elder', 'nightshift': 'night',
                  'gig': 'young', 'microseller': 'young'}.get(persona, 'day')
        if persona == 'worker' and age < 30 and rng.random() < 0.5:
            p.prof = 'young'
        rural = region in RURAL or persona == 'farmer'
        # primary account: opened years ago (sometimes inside the window)
        inst = self.pick_bank(p.prov, rural=rural)
        years = max(0.3, min(25.0, rng.uniform(0.3, max(0.5, age - 16))))
        opened = self.W0 - int(years * 365 * DAY) + rng.randrange(DAY)
        if rng.random() < 0.035:
            opened = self.rts(self.W0, self.W1 - 10 * DAY, 'bank')
        p.prim = self.new_acct(inst, p.hid, opened, self.same_city(region), 'I', p)
        p.prim.nat = self.logn(3000 if age < 25 else 12000, 1.2, 0, 900000)
        p.accts.append(p.prim)
        # secondary bank accounts (salary cards from old jobs, mortgage, dormant cards)
        n2 = self.pick_w([0, 1, 2, 3], [35, 38, 19, 8])
        if persona in ('multicard', 'trader', 'shop', 'landlord'):
            n2 += rng.randint(1, 3)
        for _ in range(n2):
            inst2 = self.pick_bank(p.prov, rural=rural)
            o2 = self.W0 - int(rng.uniform(0.1, max(0.3, min(20, age - 17))) * 365 * DAY) + rng.randrange(DAY)
            if rng.random() < 0.03:
                o2 = self.rts(self.W0, self.W1 - 5 * DAY, 'bank')
            a2 = self.new_acct(inst2, p.hid, o2, self.same_city(region), 'I' if rng.random() < 0.72 else 'II', p)
            a2.dormant = rng.random() < (0.55 if persona != 'multicard' else 0.15)
            a2.nat = self.logn(800 if a2.dormant else 5000, 1.5, 0, 500000)
            p.accts.append(a2)
        # payment-institution wallet
        pw = 0.92 if age < 30 else (0.8 if age < 50 else (0.5 if age < 65 else 0.25))
        p.wallet = None
        if rng.random() < pw:
            ow = self.W0 - int(rng.uniform(0.05, min(10, max(0.2, age - 17))) * 365 * DAY)
            p.wallet = self.new_acct(self.pick_pay(), p.hid, ow, region, self.pick_w(['I', 'II', 'III'], [2, 6, 2]), p)
            p.wallet.nat = self.logn(400, 1.2, 0, 50000)
            p.accts.append(p.wallet)
        self.persons.append(p)
        return p

    def make_corp(self, kind, region=None, inst=None, with_pay=False, cat=None, opened=None):
        rng = self.rng
        c = Corp()
        c.kind = kind
        c.cat = cat
        c.region = region or self.in_region()
        c.hid = self.new_uscc(c.region)
        if inst is None:
            inst = self.pick_bank(c.region[:2]) if c.region[:2] in IN_REGIONS else self.pick_bank_any()
        if opened is None:
            opened = self.W0 - rng.randint(120, 6000) * DAY
        if c.region[:2] in IN_REGIONS:
            c.acct = self.new_acct(inst, c.hid, opened, c.region, 'corp', c)
        else:
            c.acct = self.ext_acct(region=c.region, cls='corp', inst=inst)
            c.acct.owner = c
        c.acct.nat = self.logn(200000, 1.3, 1000, 50000000)
        c.pay = None
        if with_pay:
            c.pay = self.new_acct(self.pick_pay(), c.hid, opened + rng.randint(10, 400) * DAY, c.region, 'corp', c) \
                if c.region[:2] in IN_REGIONS else self.ext_acct(region=c.region, pay=True, cls='corp')
            c.pay.nat = self.logn(20000, 1.0, 0, 5000000)
        c.staff = []
        c.payday = rng.choice([5, 8, 10, 10, 15, 15, 20, 25, 28])
        c.hour = rng.choice([9, 10, 10, 11, 14, 16])
        self.corps.append(c)
        return c

    def build_population(self):
        V = self.V
        rng = self.rng
        L = V['lookalike']
        n = V['persons']
        w = {'worker': 29, 'retiree': 15, 'student': 8, 'farmer': 9, 'migrant': 6, 'shop': 4.5 * L ** 0.5,
             'landlord': 2.5 * L ** 0.5, 'trader': 2 * L ** 0.7, 'multicard': 5, 'gig': 3, 'nightshift': 3,
             'dependent': 5, 'microseller': 1.5 * L ** 0.7, 'border': 0.8 * L, 'yanbian': 0.8, 'collector': 0.5 * L,
             'otc': 0.08 * L}
        personas = list(w.keys())
        ws = [w[k] for k in personas]
        for _ in range(n):
            pr = rng.choices(personas, weights=ws)[0]
            region = None
            if pr == 'border':
                region = rng.choice(BORDER)
            elif pr == 'yanbian':
                region = rng.choice(YANBIAN)
            elif pr == 'trader' and rng.random() < 0.7:
                region = rng.choice(GRAIN + SEAFOOD + VEG)
            self.make_person(pr, region)
        self.by_persona = {}
        for p in self.persons:
            self.by_persona.setdefault(p.persona, []).append(p)
        self.by_city = {}
        for p in self.persons:
            self.by_city.setdefault(p.region[:4], []).append(p)
        # family and contacts: same city mostly, some across the region
        for p in self.persons:
            city = self.by_city[p.region[:4]]
            for _ in range(rng.randint(1, 3)):
                q = rng.choice(city) if rng.random() < 0.7 else rng.choice(self.persons)
                if q is not p:
                    p.family.append(q)
            for _ in range(rng.randint(2, 8)):
                q = rng.choice(city) if rng.random() < 0.8 else rng.choice(self.persons)
                if q is not p:
                    p.contacts.append(q)
        # external contacts pool (people outside the modelled population)
        # mostly residents of the same provinces whose institutions do not supply (or who are not in the
        # extracts' branch scope), some people elsewhere in China
        self.ext_pool = []
        self.ext_city = {}
        self.ext_prov = {}
        for _ in range(int(n * 1.5)):
            reg = self.in_region() if rng.random() < 0.75 else self.out_region()
            a = self.ext_acct(region=reg, pay=(rng.random() < 0.35), cls=('II' if rng.random() < 0.3 else 'I'))
            self.ext_pool.append(a)
            self.ext_city.setdefault(reg[:4], []).append(a)
            self.ext_prov.setdefault(reg[:2], []).append(a)
        for p in self.persons:
            for _ in range(rng.randint(1, 4)):
                p.contacts.append(self.ext_near(p.region))
        # students study in a university city; their parents are elsewhere
        uni = ['230103', '230109', '210102', '210204', '220104', '370102', '370212', '120104', '130104',
               '130606', '210211', '370112']
        for p in self.by_persona.get('student', []):
            p.work_region = rng.choice(uni) if rng.random() < 0.7 else p.region
        for p in self.by_persona.get('migrant', []):
            p.work_region = rng.choices(self.mig_codes, weights=self.mig_w)[0]

    def ext_near(self, region):
        rng = self.rng
        r = rng.random()
        lst = None
        if region:
            if r < 0.75:
                lst = self.ext_city.get(region[:4])
            elif r < 0.93:
                lst = self.ext_prov.get(region[:2])
        return rng.choice(lst) if lst else rng.choice(self.ext_pool)

    def build_corps(self):
        rng = self.rng
        n = len(self.persons)
        V = self.V
        # employers in the region
        self.employers = [self.make_corp('employer', cat='employer') for _ in range(max(60, n // 28))]
        # out-of-region employers (migrant workers, lending platforms, platforms)
        self.ext_employers = [self.make_corp('employer', region=rng.choices(self.mig_codes, weights=self.mig_w)[0])
                              for _ in range(40)]
        self.lenders = [self.make_corp('lender', region=rng.choice(['310115', '440304', '330106', '110105',
                                                                      '500103', '320505']))
                        for _ in range(8)]
        self.platforms = [self.make_corp('platform', region=rng.choice(['310115', '440304', '330106', '110108']))
                          for _ in range(6)]
        self.ecom = [self.make_corp('ecommerce', region=rng.choice(['330106', '310115', '440304', '110105']))
                     for _ in range(5)]
        self.games = [self.make_corp('game', region=rng.choice(['440304', '310115', '330106']))
                      for _ in range(4)]
        self.pension = {pv: self.make_corp('pension', region=self.prov_codes[pv][0][0],
                                           inst=self.inst_by[rng.choice(['PSBC', 'ICBC', 'CCB', 'ABC'])])
                        for pv in self.prov_list}
        self.gov = {pv: self.make_corp('gov', region=self.prov_codes[pv][0][0]) for pv in self.prov_list}
        self.heating = {}
        self.property = []
        for city in self.cities:
            self.heating[city] = self.make_corp('heating', region=self.city_codes[city][0])
        for _ in range(max(10, n // 200)):
            self.property.append(self.make_corp('property'))
        self.grain_cos = [self.make_corp('grain', region=rng.choice(GRAIN)) for _ in range(6)]
        self.hospitals = [self.make_corp('hospital') for _ in range(max(8, n // 500))]
        self.schools = [self.make_corp('school') for _ in range(max(8, n // 600))]
        self.car_dealers = [self.make_corp('car', with_pay=False) for _ in range(max(6, n // 700))]
        self.developers = [self.make_corp('developer') for _ in range(max(5, n // 900))]
        self.gold_shops = [self.make_corp('gold', cat='gold') for _ in range(max(6, n // 700))]
        self.suppliers = [self.make_corp('supplier') for _ in range(max(20, n // 150))]
        self.ext_suppliers = [self.make_corp('supplier', region=self.out_region()) for _ in range(20)]
        self.banquet = [self.make_corp('banquet') for _ in range(max(6, n // 800))]
        self.funeral = [self.make_corp('funeral') for _ in range(max(4, n // 1200))]
        # merchants: corporate chains plus the shops of 'shop' persons
        self.merchants = []      # (acct, category, city, owner person or None)
        cats = [('supermarket', 10), ('fuel', 5), ('pharmacy', 4), ('electronics', 3), ('restaurant', 5),
                ('utility', 3)]
        for _ in range(max(40, n // 45)):
            cat = self.pick_w([c for c, _ in cats], [w for _, w in cats])
            c = self.make_corp('merchant', cat=cat, with_pay=True)
            self.merchants.append((c.acct, cat, c.region[:4], None))
            self.merchants.append((c.pay, cat, c.region[:4], None))
        for p in self.by_persona.get('shop', []):
            cat = self.pick_w(['grocery', 'restaurant', 'clothing', 'pharmacy', 'grocery'], [5, 4, 2, 1, 3])
            if rng.random() < 0.55:
                coll = self.new_acct(self.pick_pay(), p.hid, self.W0 - rng.randint(30, 3000) * DAY, p.region, 'I', p)
            else:
                coll = self.new_acct(self.pick_bank(p.prov), p.hid, self.W0 - rng.randint(30, 3000) * DAY,
                                     p.region, 'I', p)
            coll.nat = self.logn(8000, 1.0, 0, 300000)
            p.accts.append(coll)
            p.tags.append(('shop', coll, cat))
            self.merchants.append((coll, cat, p.region[:4], p))
        for c in self.gold_shops:
            self.merchants.append((c.acct, 'gold', c.region[:4], None))
        self.m_city = {}
        for m in self.merchants:
            self.m_city.setdefault(m[2], []).append(m)
        self.m_elec = [m for m in self.merchants if m[1] == 'electronics']
        # staff
        for p in self.persons:
            if p.persona in ('worker', 'nightshift', 'collector') or (p.persona == 'dependent' and rng.random() < 0.2):
                emp = rng.choice(self.employers)
                near = [e for e in self.employers if e.region[:4] == p.region[:4]]
                if near and rng.random() < 0.8:
                    emp = rng.choice(near)
                p.employer = emp
                emp.staff.append(p)
                base = 6500 if p.region[:4] in ('1201', '3702', '2102', '3701', '1301', '2101') else 4300
                p.salary = self.logn(base, 0.35, 1800, 60000)
                # salary card at the employer's payroll bank (代发) when one was opened for the job
                if rng.random() < 0.55 and emp.acct.inst is not p.prim.inst and emp.acct.inst.kind != 'pay':
                    o = self.W0 - rng.randint(30, 3000) * DAY
                    if rng.random() < 0.05 * self.V['lookalike']:
                        o = self.rts(self.W0, self.W1 - 20 * DAY, 'bank')       # new job inside the window
                        p.tags.append(('newjob', None, None))
                    sc = self.new_acct(emp.acct.inst, p.hid, o, p.region, 'I', p)
                    sc.nat = self.logn(3000, 1.0, 0, 100000)
                    p.accts.append(sc)
                    p.prim = sc
            elif p.persona == 'migrant':
                emp = rng.choice([e for e in self.ext_employers if e.region == p.work_region] or self.ext_employers)
                p.employer = emp
                emp.staff.append(p)
                p.salary = self.logn(6500, 0.3, 3000, 20000)
        # tenants
        landlords = self.by_persona.get('landlord', [])
        for p in self.persons:
            if p.persona in ('worker', 'nightshift', 'gig', 'student', 'migrant') and rng.random() < 0.3:
                near = [q for q in self.by_city.get(p.region[:4], []) if q.persona == 'landlord']
                if near and rng.random() < 0.6:
                    p.landlord = rng.choice(near)
                elif landlords and rng.random() < 0.3:
                    p.landlord = rng.choice(landlords)
                else:
                    p.landlord = self.ext_near(p.region)
                p.rent = self.roundy(self.logn(1300, 0.4, 400, 6000), 0.95)

    # ------------------------------------------------------------------ merchants & spending
    def pick_merchant(self, city, pay_side):
        lst = self.m_city.get(city)
        rng = self.rng
        for _ in range(4):
            m = rng.choice(lst) if lst and rng.random() < 0.9 else rng.choice(self.merchants)
            if (m[0].inst.kind == 'pay') == pay_side:
                return m
        return m

    CAT_AMT = {'grocery': (35, 0.8, 2, 800), 'restaurant': (75, 0.7, 8, 2500), 'supermarket': (110, 0.8, 5, 3000),
               'pharmacy': (55, 0.8, 5, 2000), 'clothing': (260, 0.7, 30, 5000), 'fuel': (260, 0.3, 50, 800),
               'electronics': (1500, 0.9, 50, 15000), 'utility': (100, 0.6, 20, 800), 'gold': (6000, 0.8, 500, 80000)}

    def trip_at(self, p, ts):
        for (a, b, reg) in p.tags:
            if a == 'trip' and b[0] <= ts < b[1]:
                return reg
        return None

    def spend(self, p, t0, t1, n, wallet_share):
        rng = self.rng
        for _ in range(n):
            ts = self.rts(t0, t1, p.prof)
            wal = rng.random() < wallet_share
            src = self.spend_acct(p, ts, wal)
            if src is None:
                continue
            trip = self.trip_at(p, ts) if p.tags else None
            if trip is not None:
                # paying a hotel, a restaurant or a taxi elsewhere: merchants outside the extracts
                lst = self.trip_merchants.get(trip)
                if lst is None:
                    lst = [self.ext_acct(region=trip, pay=rng.random() < 0.5, cls='corp') for _ in range(6)]
                    self.trip_merchants[trip] = lst
                self.emit_l(ts, src, rng.choice(lst), self.logn(180, 1.0, 5, 8000), 'mobile' if src.inst.kind == 'pay' else 'pos', trip)
                continue
            city = p.work_region[:4] if rng.random() < 0.85 else p.region[:4]
            if rng.random() < 0.18:       # online shopping
                c = rng.choice(self.ecom)
                dst = c.acct
                fen = self.logn(90, 1.0, 3, 6000)
                ch = 'mobile' if src.inst.kind == 'pay' else 'online'
                self.emit_l(ts, src, dst, fen, ch, p.work_region, memo='')
                continue
            m = self.pick_merchant(city, src.inst.kind == 'pay')
            if m[0] is src:
                continue
            med, sg, lo, hi = self.CAT_AMT.get(m[1], (60, 0.8, 2, 2000))
            fen = self.logn(med, sg, lo, hi)
            ch = 'mobile' if (src.inst.kind == 'pay' or m[0].inst.kind == 'pay') else 'pos'
            self.emit_l(ts, src, m[0], fen, ch, p.work_region if city == p.work_region[:4] else p.region)

    # ------------------------------------------------------------------ lawful persons
    RATES = {  # per 30 days: card spend, wallet spend, p2p out, p2p in (external), atm, counter wd, own moves, top-ups
        'worker': (2.5, 6, 1.5, 0.6, 0.5, 0.05, 0.4, 1.2),
        'nightshift': (2.5, 6, 1.5, 0.6, 0.8, 0.05, 0.3, 1.2),
        'retiree': (1.5, 1.2, 0.8, 0.2, 0.6, 1.0, 0.3, 0.3),
        'student': (0.8, 8, 2.5, 0.8, 0.3, 0.0, 0.2, 1.5),
        'farmer': (1.0, 1.2, 0.6, 0.3, 0.5, 0.8, 0.1, 0.2),
        'migrant': (1.5, 5, 1.0, 0.3, 1.2, 0.1, 0.3, 1.0),
        'shop': (2.0, 4, 1.5, 0.6, 0.4, 0.2, 0.8, 0.6),
        'landlord': (2.5, 4, 1.5, 0.6, 0.4, 0.3, 1.0, 0.6),
        'trader': (2.0, 3, 1.5, 0.6, 0.4, 0.4, 1.5, 0.5),
        'multicard': (3.0, 5, 1.5, 0.6, 0.5, 0.1, 5.0, 1.5),
        'gig': (1.5, 6, 1.5, 0.6, 1.5, 0.0, 0.8, 1.5),
        'dependent': (1.0, 4, 0.8, 0.3, 0.3, 0.1, 0.2, 0.8),
        'microseller': (1.0, 5, 1.5, 0.6, 0.3, 0.0, 0.6, 0.8),
        'border': (2.0, 3, 1.5, 0.6, 0.5, 0.4, 1.0, 0.6),
        'yanbian': (1.5, 3, 1.2, 0.4, 0.6, 0.6, 0.4, 0.6),
        'collector': (2.5, 5, 1.5, 0.6, 0.4, 0.1, 0.4, 1.0),
        'otc': (2.0, 4, 1.5, 0.6, 0.3, 0.1, 1.5, 0.8),
    }

    def person_common(self, p):
        rng = self.rng
        t0, t1 = self.W0, self.W1
        if rng.random() < (0.18 if p.persona in ('worker', 'trader', 'landlord', 'border', 'multicard') else 0.08):
            ts = self.rts(t0, t1 - 3 * DAY, 'day')
            dest = self.out_region() if rng.random() < 0.8 else self.in_region()
            p.tags.append(('trip', (ts, ts + rng.randint(2, 12) * DAY), dest))
        f = (t1 - t0) / (30.0 * DAY) * self.V['lawful_scale']
        r = self.RATES[p.persona]
        reg = p.work_region
        # spending (card / wallet)
        self.spend(p, t0, t1, self.pois(r[0] * f), 0.0)
        self.spend(p, t0, t1, self.pois(r[1] * f), 1.0)
        # wallet top-ups from a bank card
        if p.wallet is not None:
            for _ in range(self.pois(r[7] * f)):
                ts = self.rts(t0, t1, p.prof)
                src = self.own_bank(p, ts)
                if src is not None:
                    self.emit_l(ts, src, p.wallet, self.roundy(self.logn(300, 0.8, 20, 5000), 0.8), 'mobile', reg)
        # p2p out
        for _ in range(self.pois(r[2] * f)):
            ts = self.rts(t0, t1, p.prof)
            src = self.spend_acct(p, ts, rng.random() < 0.5)
            if src is None:
                continue
            q = rng.choice(p.family) if (p.family and rng.random() < 0.5) else (rng.choice(p.contacts) if p.contacts else None)
            if q is None:
                continue
            dst = self.recv_acct(q, ts) if isinstance(q, Person) else q
            if dst is None or dst is src:
                continue
            fen = self.roundy(self.logn(300 if p.age < 25 else 800, 1.1, 1, 50000))
            self.emit_l(ts, src, dst, fen, 'mobile', self.trip_at(p, ts) or reg, memo=rng.choice(LAWFUL_MEMO_P2P))
        # p2p in from external contacts
        ext = [c for c in p.contacts if not isinstance(c, Person)]
        if ext:
            for _ in range(self.pois(r[3] * f)):
                ts = self.rts(t0, t1, 'day')
                dst = self.recv_acct(p, ts)
                if dst is None:
                    continue
                src = rng.choice(ext)
                self.emit_l(ts, src, dst, self.roundy(self.logn(600, 1.1, 1, 30000)), 'mobile', src.region,
                            memo=rng.choice(LAWFUL_MEMO_P2P))
        # ATM and counter cash
        for _ in range(self.pois(r[4] * f)):
            ts = self.rts(t0, t1, p.prof)
            src = self.own_bank(p, ts)
            if src is not None:
                loc = reg if rng.random() < 0.9 else self.same_city(p.region)
                loc = self.trip_at(p, ts) or loc
                self.emit_l(ts, src, None, self.pick_w([20000, 50000, 100000, 200000, 300000, 500000],
                                                       [3, 4, 5, 3, 1, 1]), 'atm', loc, kind='withdrawal')
        for _ in range(self.pois(r[5] * f)):
            ts = self.rts(t0, t1, 'bank')
            src = self.own_bank(p, ts)
            if src is not None:
                self.emit_l(ts, src, None, self.roundy(self.logn(2000, 0.8, 100, 49000), 0.9), 'counter',
                            src.region, kind='withdrawal')
        # moves between own accounts (several cards at several banks)
        banks = [a for a in p.accts if a.inst.kind != 'pay' and not a.dormant]
        if len(banks) >= 2:
            for _ in range(self.pois(r[6] * f)):
                ts = self.rts(t0, t1, p.prof)
                a, b = rng.sample(banks, 2)
                if self.lok(a, ts) and self.lok(b, ts):
                    self.emit_l(ts, a, b, self.roundy(self.logn(3000, 1.2, 10, 300000), 0.6),
                                self.pick_w(['mobile', 'online'], [4, 1]), reg, memo=rng.choice(['', '', '转账', '还信用卡']))
        # rent to the landlord, monthly
        if p.landlord is not None:
            day = rng.randint(1, 6)
            for (y, m) in self.months():
                ts = self.at(y, m, min(day + rng.randint(0, 2), 28), rng.randint(8, 22), rng.randrange(60))
                src = self.own_bank(p, ts) if rng.random() < 0.7 else self.spend_acct(p, ts, True)
                q = p.landlord
                dst = self.recv_acct(q, ts) if isinstance(q, Person) else q
                if src is not None and dst is not None:
                    self.emit_l(ts, src, dst, p.rent, 'mobile', reg, memo=rng.choice(['房租', '房租', '', '租金']))
        # a judicial freeze on a few ordinary accounts (debt cases) or a closure
        if rng.random() < 0.005:
            # judicial freeze in a debt case (some before the window, some inside it)
            a = rng.choice(p.accts)
            if a.mkind is None:
                a.freeze = self.rts(self.W0 - 300 * DAY, self.W1 - DAY, 'bank')
        for a in p.accts:
            if a.dormant and rng.random() < 0.06 and a.mkind is None:
                a.closed_at = self.rts(max(a.opened + DAY, self.W0 - 400 * DAY), self.W1, 'bank')

    def months(self):
        y, m, _ = self.ymd(self.W0)
        out = []
        while True:
            if self.at(y, m, 1) >= self.W1:
                break
            out.append((y, m))
            m += 1
            if m == 13:
                y, m = y + 1, 1
        return out

    def gen_payroll(self):
        rng = self.rng
        for emp in self.employers + self.ext_employers:
            if not emp.staff:
                continue
            for (y, m) in self.months():
                T = self.at(y, m, emp.payday, emp.hour, rng.randrange(50))
                for i, p in enumerate(emp.staff):
                    dst = self.own_bank(p, T + i)
                    if dst is None:
                        continue
                    amt = max(100, int(p.salary * (1 + rng.gauss(0, 0.06))))
                    self.emit_l(T + i * rng.randint(0, 2), emp.acct, dst, amt, 'online', emp.region,
                                memo=rng.choice(['工资', '代发工资', '', '工资', '薪资']))
                    if rng.random() < 0.25:       # bonus / reimbursement
                        self.emit_l(T + rng.randint(2, 12) * DAY, emp.acct, dst,
                                    self.logn(800, 0.9, 50, 20000), 'online', emp.region, memo=rng.choice(['报销', '奖金', '']))

    def gen_pension(self):
        rng = self.rng
        for p in self.persons:
            if p.persona != 'retiree' and not (p.persona in ('farmer', 'landlord', 'dependent') and p.age >= 60):
                continue
            pay = self.pension[p.prov]
            amt = self.logn(3200 if p.persona == 'retiree' else 200, 0.35, 100, 12000)
            for (y, m) in self.months():
                T = self.at(y, m, 10 + (int(p.prov) % 7), 6, rng.randrange(40))
                dst = self.own_bank(p, T)
                if dst is not None:
                    self.emit_l(T + rng.randrange(600), pay.acct, dst, amt, 'online', pay.region, memo='养老金')

    def gen_persona(self, p):
        rng = self.rng
        pr = p.persona
        W0, W1 = self.W0, self.W1
        ndays = (W1 - W0) / DAY
        if pr == 'student':
            parent = p.family[0] if p.family else None
            for (y, m) in self.months():
                ts = self.at(y, m, rng.randint(1, 5), rng.randint(8, 22), rng.randrange(60))
                dst = self.recv_acct(p, ts)
                src = self.own_bank(parent, ts) if (parent and rng.random() < 0.7) else self.ext_near(p.region)
                if dst is not None and src is not None and src is not dst:
                    self.emit_l(ts, src, dst, self.roundy(self.logn(1500, 0.3, 500, 5000), 0.95), 'mobile',
                                '' if not isinstance(parent, Person) else parent.region, memo=rng.choice(['生活费', '', '']))
                if m == 9 and rng.random() < 0.8:
                    t2 = self.at(y, 9, rng.randint(1, 15), rng.randint(9, 17))
                    src = self.own_bank(p, t2)
                    if src is not None:
                        self.emit_l(t2, src, rng.choice(self.schools).acct, self.pick_w([450000, 500000, 550000, 680000], [2, 3, 2, 1]),
                                    'online', p.work_region, memo='学费')
            classmates = [q for q in self.by_city.get(p.work_region[:4], []) if q.persona == 'student'] or self.by_persona['student']
            for _ in range(self.pois(ndays / 30 * 2.5)):
                ts = self.rts(W0, W1, 'young')
                q = rng.choice(classmates)
                a, b = self.spend_acct(p, ts, True), self.recv_acct(q, ts)
                if a is not None and b is not None and a is not b:
                    self.emit_l(ts, a, b, self.logn(40, 0.8, 1, 600), 'mobile', p.work_region, memo=rng.choice(['AA', '', '饭钱', '车费']))
            for _ in range(self.pois(ndays / 30 * 0.8)):
                ts = self.rts(W0, W1, 'young')
                a = self.spend_acct(p, ts, True)
                if a is not None:
                    self.emit_l(ts, a, rng.choice(self.games).acct, self.pick_w([600, 3000, 6800, 12800, 32800, 64800], [3, 5, 5, 3, 2, 1]),
                                'mobile', p.work_region)
        elif pr == 'migrant':
            home = p.family[0] if p.family else None
            for (y, m) in self.months():
                ts = self.at(y, m, min(28, p.employer.payday + rng.randint(0, 4)), rng.randint(12, 23), rng.randrange(60))
                src = self.own_bank(p, ts)
                dst = self.recv_acct(home, ts) if home else None
                if src is not None and dst is not None:
                    self.emit_l(ts, src, dst, self.roundy(int(p.salary * rng.uniform(0.4, 0.8)), 0.9), 'mobile', p.work_region,
                                memo=rng.choice(['', '家用', '生活费', '给家里']))
        elif pr == 'farmer':
            # grain sales: autumn/winter in the NE, wheat in June in Shandong/Hebei
            for (y, m) in self.months():
                season = (m in (10, 11, 12, 1, 2, 3) and p.prov in ('21', '22', '23')) or (m in (6, 7, 10) and p.prov in ('13', '37', '12'))
                if season and rng.random() < 0.55:
                    ts = self.at(y, m, rng.randint(1, 28), rng.randint(8, 18), rng.randrange(60))
                    dst = self.own_bank(p, ts)
                    traders = [q for q in self.by_persona.get('trader', []) if q.prov == p.prov]
                    if traders and rng.random() < 0.6:
                        src = self.own_bank(rng.choice(traders), ts)
                    else:
                        src = rng.choice(self.grain_cos).acct
                    if src is not None and dst is not None:
                        self.emit_l(ts, src, dst, self.logn(30000, 0.8, 2000, 400000), 'online', p.region, memo=rng.choice(['粮款', '玉米款', '', '货款']))
                if m in (4, 5, 10, 11) and rng.random() < 0.4:
                    ts = self.at(y, m, rng.randint(1, 28), 10)
                    dst = self.own_bank(p, ts)
                    if dst is not None:
                        self.emit_l(ts, self.gov[p.prov].acct, dst, self.logn(1500, 0.7, 100, 30000), 'online', self.gov[p.prov].region,
                                    memo=rng.choice(['耕地地力保护补贴', '农业补贴', '补贴']))
        elif pr == 'shop':
            self.gen_shop(p)
        elif pr == 'landlord':
            for (y, m) in self.months():
                for _ in range(rng.randint(1, 6)):
                    ts = self.at(y, m, rng.randint(1, 8), rng.randint(8, 22), rng.randrange(60))
                    dst = self.recv_acct(p, ts)
                    if dst is not None:
                        self.emit_l(ts, self.ext_near(p.region), dst, self.roundy(self.logn(1300, 0.4, 400, 6000), 0.95),
                                    'mobile', '', memo=rng.choice(['房租', '', '租金']))
                ts = self.at(y, m, rng.randint(10, 25), rng.randint(9, 17))
                src = self.own_bank(p, ts)
                if src is not None and rng.random() < 0.5:
                    self.emit_l(ts, src, rng.choice(self.property).acct, self.logn(600, 0.6, 100, 6000), 'mobile', p.region, memo='物业费')
        elif pr == 'trader':
            self.gen_trader(p)
        elif pr == 'gig':
            plat = rng.choice(self.platforms)
            for d in range(int(ndays)):
                if rng.random() < 0.45:
                    ts = W0 + d * DAY + rng.randint(20, 23) * HOUR + rng.randrange(HOUR)
                    dst = self.recv_acct(p, ts)
                    if dst is not None:
                        self.emit_l(ts, plat.acct, dst, self.logn(180, 0.5, 20, 1500), 'online', plat.region, memo=rng.choice(['', '提现', '结算']))
        elif pr == 'microseller':
            coll = p.wallet or p.prim
            for d in range(int(ndays)):
                for _ in range(self.pois(1.3)):
                    ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'young')
                    self.emit_l(ts, rng.choice(self.ext_pool), coll, self.logn(120, 0.9, 5, 3000), 'mobile', '', memo='')
                if rng.random() < 0.12:
                    ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'work')
                    src = self.own_bank(p, ts) or coll
                    self.emit_l(ts, src, rng.choice(self.suppliers + self.ext_suppliers).acct, self.logn(3000, 0.8, 200, 40000),
                                'mobile', p.region, memo='货款')
                if rng.random() < 0.05:        # refund to a buyer
                    ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'young')
                    self.emit_l(ts, coll, rng.choice(self.ext_pool), self.logn(80, 0.8, 5, 1500), 'mobile', p.region, memo='退款')
                if p.wallet is not None and rng.random() < 0.1:
                    ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'young')
                    dst = self.own_bank(p, ts)
                    if dst is not None and dst is not coll:
                        self.emit_l(ts, coll, dst, self.logn(1500, 0.8, 100, 30000), 'mobile', p.region, memo='提现')
        elif pr == 'border':
            for _ in range(self.pois(ndays / 30 * 4)):
                ts = self.rts(W0, W1 - DAY, 'work')
                dst = self.own_bank(p, ts)
                if dst is None:
                    continue
                amt = self.logn(60000, 0.9, 5000, 900000)
                if rng.random() < 0.5:
                    src = self.foreign_acct() if rng.random() < 0.5 else rng.choice(self.suppliers).acct
                    xb = src.inst is None
                    self.emit_l(ts, src, dst, amt, 'online', p.region, memo=rng.choice(['货款', '', '木材款', '海产品']), xb=xb)
                    t2 = ts + rng.randint(10 * MIN, 20 * HOUR)
                    dst2 = self.foreign_acct() if rng.random() < 0.5 else rng.choice(self.ext_suppliers + self.suppliers).acct
                    self.emit_l(t2, dst, dst2, int(amt * rng.uniform(0.8, 0.97)), 'online', p.region, memo='货款',
                                xb=dst2.inst is None)
        elif pr == 'yanbian':
            for (y, m) in self.months():
                if rng.random() < 0.8:
                    ts = self.at(y, m, rng.randint(1, 28), rng.randint(9, 16), rng.randrange(60))
                    dst = self.own_bank(p, ts)
                    if dst is not None:
                        amt = self.logn(9000, 0.6, 1000, 80000)
                        self.emit_l(ts, self.foreign_acct(), dst, amt, 'online', p.region, memo=rng.choice(['', '汇款', '生活费']), xb=True)
                        for q in p.family[:2]:
                            d2 = self.recv_acct(q, ts + DAY)
                            if d2 is not None:
                                self.emit_l(ts + rng.randint(1, 48) * HOUR, dst, d2, self.roundy(amt // 4), 'mobile', p.region, memo='家用')
        elif pr == 'collector':
            self.gen_collector(p)
        elif pr == 'otc':
            self.gen_otc_dealer(p)

    def gen_shop(self, p):
        rng = self.rng
        W0, W1 = self.W0, self.W1
        coll, cat = None, None
        for t in p.tags:
            if t[0] == 'shop':
                coll, cat = t[1], t[2]
        if coll is None:
            return
        ndays = int((W1 - W0) / DAY)
        rate = self.V['merchant_rate'] * (2.4 if coll.supplied else 0.8)   # only visible shops need many rows
        med, sg, lo, hi = self.CAT_AMT.get(cat, (40, 0.8, 2, 800))
        for d in range(ndays):
            for _ in range(self.pois(rate)):
                ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'day')
                self.emit_l(ts, self.ext_near(p.region), coll, self.logn(med, sg, lo, hi), 'mobile' if coll.inst.kind == 'pay' else 'pos',
                            p.region)
            if coll.inst.kind == 'pay' and rng.random() < 0.3:
                ts = W0 + d * DAY + 22 * HOUR + rng.randrange(2 * HOUR)
                dst = self.own_bank(p, ts, exclude=coll)
                if dst is not None:
                    self.emit_l(ts, coll, dst, self.logn(1500, 0.8, 100, 40000), 'mobile', p.region, memo='提现')
            if rng.random() < 0.15:
                ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'work')
                src = self.own_bank(p, ts)
                if src is not None:
                    self.emit_l(ts, src, rng.choice(self.suppliers).acct, self.logn(4000, 0.8, 300, 60000), 'mobile', p.region,
                                memo=rng.choice(['货款', '进货', '']))

    def gen_trader(self, p):
        """Grain / seafood / vegetable traders: large inflows paid out fast to many suppliers."""
        rng = self.rng
        W0, W1 = self.W0, self.W1
        farmers = [q for q in self.by_persona.get('farmer', []) if q.prov == p.prov] or self.by_persona.get('farmer', [])
        for (y, m) in self.months():
            peak = (p.region in GRAIN and m in (10, 11, 12, 1, 2, 3)) or (p.region in SEAFOOD and m in (5, 6, 7, 8, 9, 10)) \
                or (p.region not in GRAIN and p.region not in SEAFOOD)
            n = self.pois(5 if peak else 1.2)
            for _ in range(n):
                ts = self.rts(max(W0, self.at(y, m, 1)), min(W1, self.at(y, m, 28)), 'work')
                if ts is None:
                    continue
                acc = self.own_bank(p, ts)
                if acc is None:
                    continue
                buyer = rng.choice(self.grain_cos + self.suppliers).acct if rng.random() < 0.7 else self.ext_near(p.region)
                amt = self.logn(120000, 0.8, 10000, 2000000)
                self.emit_l(ts, buyer, acc, amt, 'online', p.region, memo=rng.choice(['货款', '粮款', '', '往来款']))
                k = rng.randint(3, 14)
                left = int(amt * rng.uniform(0.88, 0.98))
                t = ts + rng.randint(5 * MIN, 5 * HOUR)
                for i in range(k):
                    part = left // (k - i) if i < k - 1 else left
                    part = int(part * rng.uniform(0.7, 1.3)) if i < k - 1 else part
                    part = min(part, left)
                    if part <= 0:
                        break
                    left -= part
                    if farmers and rng.random() < 0.5:
                        q = rng.choice(farmers)
                        dst = self.recv_acct(q, t)
                    else:
                        dst = self.ext_near(p.region)
                    if dst is not None and dst is not acc:
                        self.emit_l(t, acc, dst, part, 'mobile', p.region, memo=rng.choice(['粮款', '货款', '', '收购款']))
                    t += rng.randint(20, 15 * MIN)

    def gen_collector(self, p):
        """Building heating-fee / property-fee collector (楼长代收): many residents pay one person,
        who forwards the sums in batches to the heating company."""
        rng = self.rng
        W0, W1 = self.W0, self.W1
        acc = p.wallet if (p.wallet is not None and rng.random() < 0.4) else p.prim
        heat = self.heating.get(p.region[:4]) or rng.choice(list(self.heating.values()))
        neighbours = [q for q in self.by_city.get(p.region[:4], [])] or self.persons
        for (y, m) in self.months():
            heating_season = m in (8, 9, 10, 11)
            n = rng.randint(25, 90) if heating_season else rng.randint(0, 8)
            got = []
            for _ in range(n):
                ts = self.rts(max(W0, self.at(y, m, 1)), min(W1, self.at(y, m, 28)), 'day')
                if ts is None:
                    continue
                if rng.random() < 0.5:
                    q = rng.choice(neighbours)
                    src = self.spend_acct(q, ts, rng.random() < 0.6)
                else:
                    src = self.ext_near(p.region)
                if src is None or src is acc:
                    continue
                amt = (int(rng.uniform(55, 130) * 25.5) * 100 + rng.choice([0, 0, 50])) if heating_season else self.logn(500, 0.5, 100, 3000)
                if self.emit_l(ts, src, acc, amt, 'mobile', p.region, memo=rng.choice(['供暖费', '取暖费', '', '暖气费', '物业费'])):
                    got.append((ts, amt))
            got.sort(key=lambda x: x[0])
            total, last = 0, None
            for ts, amt in got:
                total += amt
                if total > 3000000 or rng.random() < 0.12:
                    t2 = ts + rng.randint(HOUR, 3 * DAY)
                    self.emit_l(t2, acc, heat.acct, total, 'online', p.region, memo='代收供暖费')
                    total = 0
                last = ts
            if total and last:
                self.emit_l(last + rng.randint(HOUR, 2 * DAY), acc, heat.acct, total, 'online', p.region, memo='代收供暖费')

    def gen_otc_dealer(self, p):
        """A local OTC crypto seller (U商): strangers buy USDT from him by bank transfer; he pays
        other sellers.  Not under fraud control, but gangs also use such sellers as an exit."""
        rng = self.rng
        W0, W1 = self.W0, self.W1
        acc = p.prim
        p.tags.append(('otc', acc, None))
        for _ in range(self.pois((W1 - W0) / DAY * 2.0)):
            ts = self.rts(W0, W1, 'young')
            self.emit_l(ts, rng.choice(self.ext_pool), acc, self.roundy(self.logn(8000, 0.9, 500, 200000), 0.5), 'mobile', '', memo='')
            if rng.random() < 0.6:
                self.emit_l(ts + rng.randint(5 * MIN, 6 * HOUR), acc, rng.choice(self.ext_pool),
                            self.roundy(self.logn(9000, 0.9, 500, 200000), 0.5), 'mobile', p.region, memo='')

    def gen_merchants_ext(self):
        """Customers outside the modelled population paying corporate merchants (only visible ones)."""
        rng = self.rng
        W0, W1 = self.W0, self.W1
        ndays = int((W1 - W0) / DAY)
        rate = self.V['merchant_rate']
        for (acc, cat, city, owner) in self.merchants:
            if owner is not None or not acc.supplied:
                continue
            med, sg, lo, hi = self.CAT_AMT.get(cat, (60, 0.8, 2, 2000))
            lam = rate * (2.2 if cat in ('supermarket', 'restaurant', 'fuel') else 0.9)
            for d in range(ndays):
                for _ in range(self.pois(lam)):
                    ts = self.rts(W0 + d * DAY, W0 + (d + 1) * DAY, 'day')
                    self.emit_l(ts, self.ext_near(acc.region), acc, self.logn(med, sg, lo, hi),
                                'mobile' if acc.inst.kind == 'pay' else 'pos', acc.region)
            # merchants settle to suppliers and pay staff; payment-institution merchant accounts sweep to the bank
            for _ in range(self.pois(ndays / 7.0)):
                ts = self.rts(W0, W1, 'work')
                self.emit_l(ts, acc, rng.choice(self.suppliers + self.ext_suppliers).acct, self.logn(20000, 1.0, 500, 800000),
                            'online', acc.region, memo=rng.choice(['货款', '', '采购款']))

    def gen_corp_b2b(self):
        rng = self.rng
        W0, W1 = self.W0, self.W1
        ndays = (W1 - W0) / DAY
        pool = self.suppliers + self.property + self.car_dealers + self.developers + self.banquet + self.funeral + self.hospitals
        for c in self.corps:
            if c.kind in ('employer', 'supplier', 'property', 'heating', 'grain', 'developer', 'car', 'gold', 'hospital',
                          'school', 'merchant') and c.acct.supplied:
                for _ in range(self.pois(ndays / 30 * 6)):
                    ts = self.rts(W0, W1, 'work')
                    other = rng.choice(pool + self.ext_suppliers).acct
                    if other is c.acct:
                        continue
                    amt = self.logn(50000, 1.2, 1000, 5000000)
                    if rng.random() < 0.5:
                        self.emit_l(ts, c.acct, other, amt, 'online', c.region, memo=rng.choice(['货款', '服务费', '', '往来款', '租金', '工程款']))
                    else:
                        self.emit_l(ts, other, c.acct, amt, 'online', other.region, memo=rng.choice(['货款', '服务费', '', '往来款']))
                # taxes, social insurance
                for _ in range(self.pois(ndays / 30)):
                    ts = self.rts(W0, W1, 'work')
                    self.emit_l(ts, c.acct, self.gov[c.region[:2]].acct, self.logn(8000, 1.0, 100, 500000), 'online', c.region,
                                memo=rng.choice(['税款', '社保', '公积金']))

    # ------------------------------------------------------------------ life events (look-alikes)
    def gen_events(self):
        rng = self.rng
        W0, W1 = self.W0, self.W1
        L = self.V['lookalike']
        n = len(self.persons)
        ndays = (W1 - W0) / DAY
        adults = [p for p in self.persons if p.age >= 22]
        # weddings and funerals: many gifts (礼金) from many payers in one or two days
        for _ in range(int(n * 0.012 * L * ndays / 100)):
            p = rng.choice(adults)
            wedding = rng.random() < 0.65
            d = self.rts(W0 + 3 * DAY, W1 - 2 * DAY, 'day')
            amts = [20000, 50000, 60000, 66600, 80000, 88800, 100000, 131400, 200000] if wedding else \
                [10000, 20000, 30000, 50000, 100000, 20000]
            k = rng.randint(25, 140)
            host = self.recv_acct(p, d)
            if host is None:
                continue
            pool = p.contacts + p.family + [q for q in self.by_city.get(p.region[:4], [])[:200]]
            tot = 0
            for _ in range(k):
                ts = d - rng.randint(0, 3 * DAY) + rng.randint(0, DAY)
                q = rng.choice(pool) if rng.random() < 0.6 else self.ext_near(p.region)
                src = self.spend_acct(q, ts, True) if isinstance(q, Person) else q
                if src is None or src is host:
                    continue
                a = rng.choice(amts)
                if self.emit_l(ts, src, host, a, 'mobile', '', memo=rng.choice(['礼金', '份子钱', '随礼', '', '新婚快乐' if wedding else '节哀'])):
                    tot += a
            venue = rng.choice(self.banquet if wedding else self.funeral).acct
            self.emit_l(d + rng.randint(DAY, 2 * DAY), host, venue, max(10000, int(tot * rng.uniform(0.3, 0.8))), 'mobile', p.region,
                        memo='酒席' if wedding else '')
            p.tags.append(('event', host, 'wedding' if wedding else 'funeral'))
        # family pooling before a large payment (hospital, flat, car, tuition)
        for _ in range(int(n * 0.01 * L * ndays / 100)):
            p = rng.choice(adults)
            d = self.rts(W0 + 2 * DAY, W1 - 4 * DAY, 'day')
            dst = self.own_bank(p, d)
            if dst is None:
                continue
            tot = 0
            for q in (p.family + [self.ext_near(p.region) for _ in range(rng.randint(1, 4))])[:7]:
                ts = d + rng.randint(0, 3 * DAY)
                src = self.own_bank(q, ts) if isinstance(q, Person) else q
                if src is None or src is dst:
                    continue
                a = self.roundy(self.logn(20000, 0.9, 1000, 300000), 0.9)
                if self.emit_l(ts, src, dst, a, 'mobile', '', memo=rng.choice(['', '借你的', '看病', '首付', '凑钱'])):
                    tot += a
            if tot:
                target = self.pick_w([self.hospitals, self.developers, self.car_dealers, self.schools], [3, 3, 2, 1])
                self.emit_l(d + rng.randint(3 * DAY, 4 * DAY), dst, rng.choice(target).acct, int(tot * rng.uniform(0.8, 1.0)) + 100000,
                            'counter' if rng.random() < 0.3 else 'online', p.region, memo=rng.choice(['', '首付', '医疗费', '购车款']))
        # a freshly opened card that receives a large sum and pays it out at once (car, flat deposit)
        for _ in range(int(n * 0.008 * L * ndays / 100)):
            p = rng.choice(adults)
            t = self.rts(W0 + DAY, W1 - 3 * DAY, 'bank')
            inst = self.pick_bank(p.prov)
            na = self.new_acct(inst, p.hid, t, self.same_city(p.region), 'I', p)
            na.nat = 0
            p.accts.append(na)
            p.tags.append(('bigfirst', na, None))
            src = self.own_bank(p, t + HOUR, exclude=na)
            amt = self.roundy(self.logn(150000, 0.7, 20000, 1500000), 0.9)
            t1 = t + rng.randint(10 * MIN, 2 * DAY)
            if src is not None and rng.random() < 0.7:
                self.emit_l(t1, src, na, amt, 'online', p.region, memo='')
            else:
                self.emit_l(t1, rng.choice(self.lenders + self.car_dealers).acct, na, amt, 'online', '', memo='放款')
            target = rng.choice(self.car_dealers + self.developers).acct
            self.emit_l(t1 + rng.randint(5 * MIN, 6 * HOUR), na, target, amt, 'counter' if rng.random() < 0.4 else 'online', p.region,
                        memo=rng.choice(['购车款', '定金', '首付', '']))
        # rotating savings clubs (标会 / 互助会): members pay the organiser, the organiser pays one member
        for _ in range(max(1, int(n * 0.0015 * L))):
            org = rng.choice(adults)
            members = [q for q in self.by_city.get(org.region[:4], []) if q is not org][:400]
            if len(members) < 8:
                continue
            members = rng.sample(members, min(len(members), rng.randint(8, 20)))
            C = self.pick_w([100000, 200000, 300000, 500000], [2, 3, 2, 1])
            for (y, m) in self.months():
                base = self.at(y, m, rng.randint(1, 20), 9)
                got = 0
                for q in members:
                    ts = base + rng.randint(0, 2 * DAY)
                    src = self.spend_acct(q, ts, rng.random() < 0.5)
                    dst = self.recv_acct(org, ts)
                    if src is not None and dst is not None and src is not dst and self.emit_l(ts, src, dst, C, 'mobile', q.region, memo=rng.choice(['会钱', '', '会费'])):
                        got += C
                win = rng.choice(members)
                ts = base + 2 * DAY + rng.randint(HOUR, 20 * HOUR)
                src, dst = self.own_bank(org, ts), self.recv_acct(win, ts)
                if got and src is not None and dst is not None:
                    self.emit_l(ts, src, dst, got, 'mobile', org.region, memo='会钱')
            org.tags.append(('club', None, None))
        # winter in the south (候鸟老人): ATM withdrawals and spending far from home
        for p in self.by_persona.get('retiree', []):
            if rng.random() < 0.08:
                for (y, m) in self.months():
                    if m in (12, 1, 2, 3):
                        reg = rng.choice(WINTER_SOUTH)
                        for _ in range(rng.randint(1, 4)):
                            ts = self.rts(max(W0, self.at(y, m, 1)), min(W1, self.at(y, m, 28)), 'elder')
                            src = self.own_bank(p, ts) if ts else None
                            if src is not None:
                                self.emit_l(ts, src, None, self.pick_w([100000, 200000, 300000], [2, 3, 1]), 'atm', reg, kind='withdrawal')
        # dormant card woken up for one large transfer to a child (elderly parents)
        for p in self.persons:
            if p.age >= 55 and rng.random() < 0.03 * L:
                dor = [a for a in p.accts if a.dormant and a.mkind is None and a.closed_at is None]
                if dor and p.family:
                    a = dor[0]
                    ts = self.rts(W0, W1 - DAY, 'bank')
                    dst = self.recv_acct(p.family[0], ts)
                    if dst is not None and dst is not a:
                        a.nat = max(a.nat, self.logn(80000, 0.7, 10000, 600000))
                        self.emit_l(ts, a, dst, a.nat - rng.randint(0, 5000), 'counter', a.region, memo=rng.choice(['', '给孩子买房', '转账']))
                        p.tags.append(('wakeup', a, None))
        # lawful multi-card openers: new job, mortgage, deposit chasing, project salary cards (农民工工资专户)
        self.lawful_openers = []
        for _ in range(int(n * 0.012 * L)):
            p = rng.choice(adults)
            why = self.pick_w(['job', 'mortgage', 'deposit', 'project', 'freshman', 'business'], [3, 2, 3, 2, 1, 1])
            if why == 'freshman':
                cand = self.by_persona.get('student', [])
                if not cand:
                    continue
                p = rng.choice(cand)
            if why == 'deposit':
                cand = [q for q in self.persons if q.age >= 55]
                p = rng.choice(cand)
            k = {'job': 2, 'mortgage': 2, 'deposit': rng.randint(2, 5), 'project': rng.randint(2, 4), 'freshman': 2,
                 'business': rng.randint(2, 4)}[why]
            t = self.rts(W0, W1 - 15 * DAY, 'bank')
            cities = [p.region]
            if why == 'project':
                cities = [self.in_region() for _ in range(rng.randint(1, 3))]
            new = []
            used = set()
            for i in range(k):
                ts = t + rng.randint(0, (60 if why == 'project' else 21) * DAY)
                if ts >= W1:
                    continue
                inst = self.pick_bank(p.prov, small=(why == 'deposit'))
                if inst.code in used:
                    continue
                used.add(inst.code)
                reg = self.same_city(rng.choice(cities))
                if reg[:4] == p.region[:4] or why == 'project':
                    pass
                a = self.new_acct(inst, p.hid, ts, reg, 'I' if rng.random() < 0.8 else 'II', p)
                a.nat = 0
                p.accts.append(a)
                new.append(a)
                if why == 'deposit':
                    src = self.own_bank(p, ts + HOUR, exclude=a)
                    if src is not None:
                        self.emit_l(ts + rng.randint(10 * MIN, 3 * HOUR), src, a, self.roundy(self.logn(50000, 0.6, 10000, 500000), 0.95),
                                    'counter', a.region, memo='')
                elif why in ('job', 'project', 'business') and i == 0:
                    p.prim = a
            if new:
                p.tags.append(('opener', new, why))
                self.lawful_openers.append(p)

    # ------------------------------------------------------------------ card farmers
    def build_farmers(self):
        rng = self.rng
        V = self.V
        self.farmers = []
        self.farm_cards = []
        for i in range(V['farmers']):
            local = rng.random() < 0.35
            home = self.in_region(rural=True, prov=self.pick_prov()) if local else rng.choice(FARMER_HOME)
            age = rng.randint(19, 45)
            hid = self.new_pid(home, age)
            if rng.random() < V['farmers_before']:
                start = self.W0 - rng.randint(20, 90) * DAY
            else:
                start = self.rts(self.W0, self.W1 - 20 * DAY, 'bank')
            dur = rng.randint(3, 20) * DAY
            ncity = rng.randint(2, 4)
            provs = [self.pick_prov() for _ in range(ncity)]
            cities = [self.in_region(pv)[:4] for pv in provs]
            cards = []
            for ci, city in enumerate(cities):
                cstart = start + int(dur * ci / ncity)
                insts = rng.sample(self.banks, rng.randint(4, 9))
                for j, inst in enumerate(insts):
                    if inst.prov != '*' and inst.prov != city[:2]:
                        continue
                    ts = cstart + rng.randint(0, max(1, int(dur / ncity))) 
                    d = (ts + LOCAL) // DAY
                    ts = d * DAY - LOCAL + rng.randint(9 * HOUR, 16 * HOUR + 30 * MIN)
                    reg = rng.choice(self.city_codes[city])
                    a = self.new_acct(inst, hid, ts, reg, 'I' if rng.random() < 0.6 else 'II')
                    a.farmer = hid
                    a.nat = 0
                    cards.append(a)
                    if rng.random() < 0.5:
                        x = self.pick_w([1000, 5000, 10000, 100], [3, 2, 2, 1])
                        if self.emit(ts + rng.randint(2 * MIN, 20 * MIN), None, a, x, 'counter', reg, kind='deposit'):
                            a.fbal += x
                    if rng.random() < 0.08 * V['lookalike'] ** 0:
                        a.closed_at = ts + rng.randint(20, 60) * DAY
                        if a.closed_at < self.W1:
                            a.status = 'closed'
                        else:
                            a.closed_at = None
            # a few also get a payment-institution account in the same days
            if rng.random() < 0.5:
                a = self.new_acct(self.pick_pay(), hid, start + rng.randint(0, dur), self.in_region(provs[0]), 'II')
                a.farmer = hid
                cards.append(a)
            self.farmers.append((hid, cards, home))
            self.farm_cards.extend(cards)
        # the lone test transfer a buyer makes on a bought card before use
        self.farm_pool = [a for a in self.farm_cards if a.closed_at is None]
        rng.shuffle(self.farm_pool)
        # only part of the farmed cards reach a gang inside the window; the rest stay quiet
        self.farm_pool = self.farm_pool[:int(len(self.farm_pool) * V['farmed_use'])]

    # ------------------------------------------------------------------ fraud network
    def build_gangs(self):
        rng = self.rng
        V = self.V
        W0, W1 = self.W0, self.W1
        self.gangs = []
        self.mules = []
        kinds = list(V['mule_mix'].keys())
        kw = [V['mule_mix'][k] for k in kinds]
        # population accounts that can be rented / sold / taken over / are relatives' dormant cards
        young = [p for p in self.persons if 18 <= p.age <= 45 and p.persona in ('worker', 'student', 'gig', 'farmer', 'migrant',
                                                                                 'dependent', 'nightshift', 'microseller')]
        rng.shuffle(young)
        self.young_pool = young
        old = [p for p in self.persons if p.age >= 55]
        rng.shuffle(old)
        self.old_pool = old
        runners = [p for p in self.persons if 18 <= p.age <= 35 and p.persona in ('student', 'worker', 'gig', 'dependent',
                                                                                   'microseller', 'nightshift')]
        rng.shuffle(runners)
        self.runner_pool = runners
        self.used_persons = set()
        ncases = V['cases']
        share = [rng.uniform(0.5, 1.5) for _ in range(V['gangs'])]
        for gi in range(V['gangs']):
            g = Gang()
            g.gid = gi
            g.slow = rng.random() < V['slow_share']
            span = rng.uniform(0.35, 1.0) * (W1 - W0)
            g.start = W0 - int(rng.uniform(0, 0.1) * (W1 - W0)) + int(rng.random() * (W1 - W0 - span))
            g.start = max(W0, g.start)
            g.end = min(W1, int(g.start + span))
            g.ops = [rng.choice(GANG_OPS) for _ in range(2)] + ([rng.choice(STUDIO_IN)] if rng.random() < 0.4 else [])
            # share of operations run from a room near where the cards were opened (the card owners travel
            # with the crew, or the phone is in a local 'studio'); the rest from the south or the border
            g.p_local = rng.uniform(0.15, 0.9)
            g.cash = [rng.choice(CASHOUT) for _ in range(rng.randint(1, 3))] + ([self.in_region()] if rng.random() < 0.3 else [])
            ex = list(V['exits'].keys())
            g.exits = (ex, [V['exits'][k] * rng.uniform(0.3, 1.7) for k in ex])
            g.ncases = int(ncases * share[gi] / sum(share))
            # OTC sellers used by this gang: mostly outside the region; sometimes a local dealer in the population
            g.otc = [self.ext_acct(pay=rng.random() < 0.3) for _ in range(rng.randint(3, 8))]
            for p in self.by_persona.get('otc', []):
                if rng.random() < 0.5:
                    g.otc.append(p.prim)
            g.gold = rng.sample(self.gold_shops, min(len(self.gold_shops), rng.randint(1, 3)))
            g.foreign = [self.foreign_acct(fraud=True) for _ in range(rng.randint(1, 3))]
            # tiers
            ntier = rng.randint(*(V['tiers_slow'] if g.slow else V['tiers_fast']))
            n1 = max(6, int(g.ncases / rng.uniform(1.6, 3.0)))
            sizes = [n1]
            for t in range(1, ntier):
                sizes.append(max(2, int(n1 * rng.uniform(0.25, 0.6) * (0.85 ** (t - 1)))))
            g.tiers = []
            life = (rng.uniform(3, 12) if not g.slow else rng.uniform(8, 35)) * DAY
            for t, sz in enumerate(sizes):
                pool = []
                for i in range(sz):
                    af = g.start + int((g.end - g.start) * (i / float(sz))) - int(rng.uniform(0, 0.3) * life)
                    af = max(W0 - 5 * DAY, af)
                    lf = life * rng.uniform(0.6, 1.6) * (1.0 + 0.4 * t)
                    k = self.pick_kind(kinds, kw, t, ntier)
                    a = self.make_mule(k, g, t, af, int(af + lf))
                    if a is not None:
                        pool.append(a)
                g.tiers.append(pool)
            # payment-institution accounts that money is pushed into at the end (outside the region, no rows)
            g.payinst = []
            for _ in range(rng.randint(2, 5)):
                a = self.make_mule('payment_inst', g, len(sizes), g.start, g.end, force_out=True)
                if a is not None:
                    g.payinst.append(a)
            # the account that pays the small "rebates" to brushing / investment victims
            g.rebate = self.make_mule('payment_inst', g, 0, min(g.start, self.W1 - 2 * DAY), g.end, force_out=rng.random() < 0.6)
            g.rebate.tier = -1
            # exit type per last-tier account, consistent with what the account can do
            for a in g.tiers[-1]:
                a.exit = self.exit_for(a, g)
                a.cash_region = rng.choice(g.cash)
            self.gangs.append(g)

    def op_region(self, g, a):
        rng = self.rng
        if a is not None and a.region and rng.random() < g.p_local:
            return self.same_city(a.region)
        return rng.choice(g.ops)

    def exit_for(self, a, g):
        rng = self.rng
        for _ in range(10):
            e = rng.choices(g.exits[0], weights=g.exits[1])[0]
            if a.inst.kind == 'pay' and e in ('atm', 'counter', 'xborder'):
                continue
            if e == 'xborder' and a.cls != 'corp' and rng.random() < 0.8:
                continue
            return e
        return 'otc'

    def pick_kind(self, kinds, kw, tier, ntier):
        rng = self.rng
        w = []
        for k, x in zip(kinds, kw):
            if k == 'paofen':
                x = x * 2.2 if tier == 0 else 0
            elif k == 'shell_corp':
                x = x * (0.5 if tier == 0 else 1.5)
            elif k == 'payment_inst':
                x = x * (0.8 if tier == ntier - 1 else 1.0)
            elif k == 'relative_dormant':
                x = x * (1.2 if tier in (0, ntier - 1) else 0.8)
            w.append(x)
        return rng.choices(kinds, weights=w)[0]

    def take_person(self, pool, pred=None):
        for _ in range(60):
            if not pool:
                return None
            p = pool[self.rng.randrange(len(pool))]
            if id(p) in self.used_persons or p.victim:
                continue
            if pred is not None and not pred(p):
                continue
            self.used_persons.add(id(p))
            return p
        return None

    def make_mule(self, kind, g, tier, afrom, auntil, force_out=False, dynamic=False, big=False):
        rng = self.rng
        V = self.V
        W0, W1 = self.W0, self.W1
        if afrom >= W1 - (0 if dynamic else DAY):
            return None
        inreg = (rng.random() < V['in_region_mule']) and not force_out
        a = None
        if kind in ('rented', 'sold', 'takeover') and inreg:
            p = self.take_person(self.young_pool)
            if p is not None:
                banks = [x for x in p.accts if x.inst.kind != 'pay' and x.opened < afrom - 60 * DAY and x.mkind is None
                         and x.closed_at is None and x.farmer is None]
                nd = [x for x in banks if not x.dormant]
                if nd:
                    sec = [x for x in nd if x is not p.prim]
                    a = rng.choice(sec) if (sec and rng.random() < 0.45) else (p.prim if p.prim in nd else rng.choice(nd))
            if a is not None:
                hand = afrom - rng.randint(1, 14) * DAY - rng.randrange(DAY)
                if kind != 'takeover':
                    a.lawful_until = hand
                if kind == 'sold':
                    # the seller empties the card before handing it over
                    ts = hand - rng.randint(HOUR, 2 * DAY)
                    dst = self.own_bank(p, ts, exclude=a)
                    amt = int(a.nat * rng.uniform(0.7, 0.98))
                    if dst is not None and amt > 100:
                        self.emit(ts, a, dst, amt, 'mobile', p.region, memo='')
                    elif amt > 100:
                        self.emit(ts, a, None, min(amt, 2000000), 'atm', p.region, kind='withdrawal')
                a.owner = p
        elif kind == 'relative_dormant' and inreg:
            p = self.take_person(self.old_pool)
            if p is not None:
                dor = [x for x in p.accts if x.dormant and x.mkind is None and x.closed_at is None and x.opened < afrom - 365 * DAY]
                if dor:
                    a = dor[0]
                else:
                    a = self.new_acct(self.pick_bank(p.prov, rural=True), p.hid,
                                      W0 - rng.randint(3, 15) * 365 * DAY, p.region, 'I', p)
                    a.dormant = True
                    a.nat = self.logn(200, 1.5, 0, 5000)
                    p.accts.append(a)
                a.lawful_until = a.opened
        elif kind == 'paofen':
            p = self.take_person(self.runner_pool)
            if p is not None:
                cand = [x for x in ([p.wallet] if p.wallet is not None else []) + [p.prim] if x.mkind is None]
                if cand:
                    a = cand[0] if rng.random() < 0.5 else cand[-1]
                    a.runner = p
                    a.owner = p
        elif kind == 'farmed':
            for ix, c in enumerate(self.farm_pool):
                if c.opened < afrom - DAY and (not big or self.cap(c) > 2000000):
                    a = self.farm_pool.pop(ix)
                    a.lawful_until = a.opened
                    break
            if a is None:
                kind = 'fresh'
        if a is None and kind in ('rented', 'sold', 'takeover', 'relative_dormant', 'paofen') and not inreg:
            # an old account opened outside the covered provinces: seen only in transfers
            reg = self.out_region()
            a = self.ext_acct(region=reg, age=rng.randint(18, 70) if kind != 'relative_dormant' else rng.randint(60, 85))
            a.opened = W0 - rng.randint(1, 12) * 365 * DAY
            a.lawful_until = a.opened
        if a is None and kind in ('rented', 'sold', 'takeover', 'relative_dormant', 'paofen'):
            kind = 'fresh'
        if a is None and kind == 'fresh':
            op = afrom - rng.randint(1, 25) * DAY - rng.randrange(DAY)
            d = (op + LOCAL) // DAY
            op = d * DAY - LOCAL + rng.randint(9 * HOUR, 16 * HOUR)
            if inreg:
                p = self.take_person(self.young_pool) if rng.random() < 0.5 else None
                if p is not None:
                    reg = self.same_city(p.region)
                    hid = p.hid
                else:
                    reg = self.in_region()
                    hid = self.new_pid(reg if rng.random() < 0.6 else rng.choice(FARMER_HOME), rng.randint(18, 60))
                inst = self.pick_bank(reg[:2], small=True)
                a = self.new_acct(inst, hid, op, reg, 'I' if (big or rng.random() < 0.55) else 'II', p)
                if p is not None:
                    p.accts.append(a)
            else:
                a = self.ext_acct(region=self.out_region(), cls='I' if (big or rng.random() < 0.55) else 'II')
                a.opened = op
            a.lawful_until = a.opened
            a.nat = 0
        if a is None and kind == 'shell_corp':
            op = afrom - rng.randint(20, 300) * DAY
            if inreg:
                reg = self.in_region()
                c = self.make_corp('shell', region=reg, opened=op)
                a = c.acct
                a.nat = self.logn(3000, 1.0, 0, 50000)
            else:
                a = self.ext_acct(region=self.out_region(), cls='corp')
                a.opened = op
            a.lawful_until = a.opened
        if a is None and kind == 'payment_inst':
            op = afrom - rng.randint(5, 200) * DAY
            inst = self.pick_pay()
            cls = self.pick_w(['II', 'III', 'I'], [5, 3, 1])
            if inreg:
                reg = self.in_region()
                hid = self.new_pid(reg, rng.randint(18, 65))
                a = self.new_acct(inst, hid, op, reg, cls)
            else:
                a = self.ext_acct(region=self.out_region(), pay=True, cls=cls, inst=inst)
                a.opened = op
            a.lawful_until = a.opened
            a.nat = 0
        if a is None:
            return None
        a.mkind = kind
        a.gang = g
        a.tier = tier
        a.afrom = max(afrom, a.opened + HOUR)
        a.auntil = max(auntil, a.afrom + DAY)
        self.mules.append(a)
        return a

    def buy_card(self, g, tier, t, amount=0):
        """The gang has run out of usable accounts at this tier: it buys another one (a fresh card,
        a farmed card, a payment-institution account or a shell company's account)."""
        rng = self.rng
        mix = self.V['mule_mix']
        # same mix as the variant; an old account bought now comes from outside the covered provinces
        # (an in-region one would need an owner history that was generated before the purchase)
        kinds = ['fresh', 'farmed', 'payment_inst', 'shell_corp', 'rented', 'sold', 'takeover', 'relative_dormant']
        k = rng.choices(kinds, weights=[mix[x] * (0.4 if (x == 'shell_corp' and tier == 0) else 1) for x in kinds])[0]
        if amount > 2000000 and k == 'payment_inst':
            k = 'fresh'
        life = (rng.uniform(3, 12) if not g.slow else rng.uniform(8, 35)) * DAY
        a = self.make_mule(k, g, tier, t, int(t + life), dynamic=True, big=amount > 2000000,
                           force_out=k in ('rented', 'sold', 'takeover', 'relative_dormant'))
        if a is None:
            return None
        a.afrom = t
        if tier < len(g.tiers):
            g.tiers[tier].append(a)
        if tier == len(g.tiers) - 1:
            a.exit = self.exit_for(a, g)
            a.cash_region = rng.choice(g.cash)
        self.stats['cards_bought_in_flight'] = self.stats.get('cards_bought_in_flight', 0) + 1
        self.warm_one(a)
        return a

    def warm_up(self):
        for a in self.mules:
            self.warm_one(a)

    def warm_one(self, a):
        """Small 'warming' activity on mule accounts before they carry victim money (养卡):
        a test transfer from another gang account, a cash deposit, small purchases."""
        rng = self.rng
        g = a.gang
        if a.mkind in ('paofen', 'takeover') or a.tier < 0:
            return
        if True:
            n = rng.randint(0, 2) + (2 if g.slow else 0)
            t0 = max(a.opened + MIN, a.afrom - (10 if g.slow else 3) * DAY)
            for _ in range(n):
                ts = self.rts(t0, a.afrom, 'fraud')
                if ts is None:
                    break
                r = rng.random()
                if r < 0.35:
                    src = rng.choice(g.tiers[0] + [g.rebate])
                    x = self.pick_w([1, 10, 100, 1000, 8800], [3, 2, 3, 2, 1])
                    if src is not a and self.emit(ts, src, a, x, 'mobile', self.op_region(g, src), memo=rng.choice(['', '', '测试'])):
                        a.fbal += x
                        src.fbal -= x
                elif r < 0.6 and a.inst.kind != 'pay' and a.cls != 'corp':
                    x = self.pick_w([10000, 20000, 50000, 100000], [2, 3, 2, 1])
                    if self.emit(ts, None, a, x, 'atm' if rng.random() < 0.5 else 'counter', a.region, kind='deposit'):
                        a.fbal += x
                elif a.cls == 'corp':
                    other = rng.choice(self.suppliers + self.ext_suppliers).acct
                    if rng.random() < 0.5:
                        self.emit(ts, other, a, self.logn(5000, 0.8, 500, 60000), 'online', other.region, memo=rng.choice(['服务费', '货款']))
                    else:
                        self.emit(ts, a, other, self.logn(3000, 0.8, 300, 30000), 'online', self.op_region(g, a), memo=rng.choice(['租金', '服务费']))
                elif a.fbal > 500:
                    m = self.pick_merchant(a.region[:4], a.inst.kind == 'pay')
                    x = min(a.fbal - 1, self.logn(30, 0.8, 1, 300))
                    if self.emit(ts, a, m[0], x, 'mobile', self.op_region(g, a)):
                        a.fbal -= x

    # ------------------------------------------------------------------ victims
    def victims(self):
        rng = self.rng
        V = self.V
        W0, W1 = self.W0, self.W1
        tw = V['typo']
        typos = TYPO_ORDER
        tws = [tw.get(t, 0) for t in typos]
        demog = {
            'young': [p for p in self.persons if 18 <= p.age <= 32],
            'adult': [p for p in self.persons if 25 <= p.age <= 58],
            'elder': [p for p in self.persons if p.age >= 55],
            'business': [p for p in self.persons if p.persona in ('shop', 'trader', 'landlord', 'border') or (p.age > 35 and p.persona == 'worker')],
            'any': self.persons,
        }
        inst_list = []      # (ts, case_no, amount, victim account, channel, region, typology)
        self.cases = []
        for g in self.gangs:
            for ci in range(g.ncases):
                ty = rng.choices(typos, weights=tws)[0]
                (nlo, nhi), med, sg, lo, hi, esc, gap, dem, rep = TYPO[ty]
                n = rng.randint(nlo, nhi)
                if rng.random() < 0.4:
                    n = max(nlo, min(n, rng.randint(nlo, nhi)))
                t = self.rts(g.start, g.end, 'victim')
                if t is None:
                    continue
                ext = rng.random() < V['ext_victim']
                p = None
                if not ext:
                    for _ in range(20):
                        q = rng.choice(demog[dem])
                        if not q.victim and id(q) not in self.used_persons:
                            p = q
                            break
                    if p is None:
                        ext = True
                if p is not None:
                    p.victim = True
                    vreg = p.work_region
                else:
                    vreg = self.nat_region()
                    vacct = self.ext_acct(region=vreg, pay=(ty in ('game_trade', 'shopping_service', 'brushing') and rng.random() < 0.35),
                                          age={'young': rng.randint(18, 32), 'elder': rng.randint(58, 82)}.get(dem, rng.randint(25, 60)))
                base = self.logn(med, sg, lo, hi)
                amts = []
                for i in range(n):
                    a_ = int(base * (esc ** i) * rng.uniform(0.8, 1.25))
                    a_ = min(a_, hi * 100)
                    a_ = self.roundy(a_, 0.65)
                    amts.append(a_)
                times = []
                for i in range(n):
                    times.append(t)
                    t += max(60, int(gap * HOUR * math.exp(rng.gauss(0, 0.9))))
                last = times[-1]
                report = last + int(rep * HOUR * math.exp(rng.gauss(0, 0.8)))
                if rng.random() < 0.1:
                    report = FOREVER          # never reported (shame, unaware)
                case = {'no': len(self.cases), 'typo': ty, 'gang': g, 'person': p, 'report': report, 'pays': []}
                self.cases.append(case)
                elderly = (p.age if p is not None else 40) >= 60
                for i in range(n):
                    ts = times[i]
                    if ts >= W1:
                        break
                    if p is not None:
                        acc = None
                        if ty in ('game_trade', 'shopping_service', 'brushing', 'fake_job') and amts[i] < 500000 and rng.random() < 0.5:
                            acc = p.wallet if (p.wallet is not None and self.lok(p.wallet, ts)) else None
                        if acc is None:
                            acc = self.own_bank(p, ts)
                        if acc is None:
                            continue
                    else:
                        acc = vacct
                    ch = 'mobile'
                    if amts[i] > 20000000:
                        ch = 'online' if rng.random() < 0.7 else 'counter'
                    if ty == 'subsidy_refund' and rng.random() < 0.7:
                        ch = 'atm'
                    elif elderly and amts[i] >= 3000000 and rng.random() < 0.5:
                        ch = 'counter'
                    elif acc.inst is not None and acc.inst.kind != 'pay' and rng.random() < 0.15:
                        ch = 'online'
                    if ch == 'counter':
                        d = (ts + LOCAL) // DAY
                        hh = (ts + LOCAL) % DAY // HOUR
                        if hh < 9 or hh >= 17:
                            ts = d * DAY - LOCAL + rng.randint(9 * HOUR, 16 * HOUR)
                    inst_list.append((ts, case['no'], i, amts[i], acc, ch, vreg, ty))
        inst_list.sort(key=lambda x: (x[0], x[1], x[2]))
        self.inst_list = inst_list

    def victim_prelude(self, case, ts, acc, amt):
        """What a victim in the population does just before paying: borrow from a lending app,
        move savings from other cards into the paying card."""
        rng = self.rng
        p = case['person']
        ty = case['typo']
        if p is None:
            return
        if ty in ('credit_record', 'ecommerce_cs', 'loan_card', 'brushing') and amt >= 300000 and rng.random() < 0.45:
            self.emit(ts - rng.randint(3 * MIN, 60 * MIN), rng.choice(self.lenders).acct, acc, self.roundy(amt, 0.9), 'online', '', memo='放款')
        elif ty in ('police_gov', 'parcel', 'phone_bill', 'investment', 'romance') and rng.random() < 0.5:
            others = [a for a in p.accts if a is not acc and a.inst.kind != 'pay' and self.lok(a, ts)]
            for o in others[:2]:
                self.emit(ts - rng.randint(10 * MIN, 20 * HOUR), o, acc, self.roundy(int(amt * rng.uniform(0.3, 0.7)), 0.9),
                          'counter' if p.age >= 60 and rng.random() < 0.5 else 'mobile', p.work_region, memo='')

    @staticmethod
    def cap(a):
        """Largest single inflow an account of this class can take (yuan*100).  Payment accounts
        (class I: 1,000 yuan lifetime; II/III: 100k/200k a year) and bank class II accounts are limited."""
        if a.inst is not None and a.inst.kind == 'pay':
            return 100000 if a.cls == 'I' else 2000000
        if a.cls == 'II' or a.cls == 'III':
            return 2000000
        return 1 << 50

    def pick_active(self, pool, t, avoid=None, small=True, amount=0):
        rng = self.rng
        c = [a for a in pool if a.afrom <= t < a.auntil and (a.freeze is None or a.freeze > t) and a is not avoid
             and (small or a.runner is None) and a.opened <= t and self.cap(a) >= amount]
        if c:
            return rng.choice(c)
        fut = [a for a in pool if a.afrom > t and a.opened <= t - HOUR and (a.freeze is None or a.freeze > t) and a is not avoid
               and (small or a.runner is None) and (a.lawful_until <= t or a.mkind in ('takeover', 'paofen'))
               and self.cap(a) >= amount]
        if fut:
            a = min(fut, key=lambda x: (x.afrom, x.id))
            a.afrom = t
            return a
        old = [a for a in pool if a.auntil <= t and (a.freeze is None or a.freeze > t) and a is not avoid and a.opened <= t
               and (small or a.runner is None) and self.cap(a) >= amount]
        if old:
            a = max(old, key=lambda x: (x.auntil, x.id))
            a.auntil = t + 2 * DAY
            return a
        return None

    def simulate(self):
        rng = self.rng
        W1 = self.W1
        heap = []
        self.hseq = 0
        dropped = 0
        self.victim_pay = 0

        def push(t, typ, a, amt):
            self.hseq += 1
            heapq.heappush(heap, (t, self.hseq, typ, a, amt))

        for (ts, cno, i, amt, acc, ch, vreg, ty) in self.inst_list:
            push(ts, 'victim', (cno, i, acc, ch, vreg, ty), amt)
        rebated = set()
        while heap:
            t, _, typ, a, amt = heapq.heappop(heap)
            if t >= W1:
                break
            if typ == 'victim':
                cno, i, acc, ch, vreg, ty = a
                case = self.cases[cno]
                g = case['gang']
                small_ok = amt <= (5000000 if self.V['paofen_small_only'] else 20000000)
                m = self.pick_active(g.tiers[0], t, small=small_ok, amount=amt)
                if m is None:
                    m = self.buy_card(g, 0, t, amount=amt)
                if m is None or m is acc:
                    dropped += 1
                    continue
                # brushing / investment scams first pay the victim a small "profit" (返利)
                if ty in ('brushing', 'investment', 'romance') and cno not in rebated and rng.random() < 0.6:
                    rebated.add(cno)
                    self.emit(t - rng.randint(10 * MIN, 6 * HOUR), g.rebate, acc, max(100, int(amt * rng.uniform(0.05, 0.3))), 'mobile',
                              self.op_region(g, g.rebate), memo=rng.choice(['', '返利', '佣金', '收益']))
                if i == 0 or rng.random() < 0.3:
                    self.victim_prelude(case, t, acc, amt)
                memo = rng.choice(VICTIM_MEMO)
                if ty in ('investment', 'romance') and rng.random() < 0.2:
                    memo = rng.choice(['投资款', '充值'])
                if not self.emit(t, acc, m, amt, ch, vreg, memo=memo, fraud=True, tag=case['typo']):
                    dropped += 1
                    continue
                self.victim_pay += 1
                case['pays'].append(m)
                if case['report'] < FOREVER and rng.random() < 0.75:
                    fz = case['report'] + rng.randint(30 * MIN, 36 * HOUR)
                    if m.freeze is None or fz < m.freeze:
                        m.freeze = fz
                if m.runner is not None:
                    self.runner_order(m, t, amt, push)
                else:
                    push(t + 1, 'arr', m, amt)
            elif typ == 'arr':
                a.fbal += amt
                if not a.pending:
                    a.pending = True
                    push(t + self.delay(a), 'sweep', a, 0)
            elif typ == 'sweep':
                self.sweep(a, t, push)
        self.stats['victim_instalments_dropped'] = dropped

    def runner_order(self, r, t, amt, push):
        """跑分: the runner either paid the platform first out of his own lawful money and keeps the
        victim's money (spending it in ordinary life), or forwards it at once minus his commission."""
        rng = self.rng
        g = r.gang
        plat = self.pick_active(g.tiers[1] if len(g.tiers) > 1 else g.tiers[0], t, avoid=r)
        if plat is None:
            return
        c = rng.uniform(0.01, 0.035)
        reg = r.runner.work_region if r.runner is not None else r.region
        if rng.random() < 0.5:
            ts = t - rng.randint(5 * MIN, 3 * HOUR)
            fen = self.roundy(int(amt * (1 - c)), 0.6)
            if self.emit(ts, r, plat, fen, 'mobile', reg, memo=rng.choice(['', '', '充值', '保证金'])):
                push(max(ts + 1, t), 'arr', plat, fen)
        else:
            ts = t + rng.randint(40, 25 * MIN)
            fen = int(amt * (1 - c))
            if self.emit(ts, r, plat, fen, 'mobile', reg, memo=''):
                push(ts + 1, 'arr', plat, fen)

    def delay(self, a):
        rng = self.rng
        g = a.gang
        if a.tier < 0:
            return HOUR
        last = a.tier == len(g.tiers) - 1
        if not g.slow:
            med = (3 if a.tier == 0 else 6) * MIN
            if last:
                med = (40 if a.exit in ('atm', 'counter') else 8) * MIN
            d = med * math.exp(rng.gauss(0, 0.8))
            return int(min(max(d, 25), 3 * HOUR))
        med = (4 if a.tier == 0 else 9) * HOUR
        if last:
            med = 14 * HOUR
        d = med * math.exp(rng.gauss(0, 1.0))
        return int(min(max(d, 15 * MIN), 5 * DAY))

    def split(self, amt, k):
        rng = self.rng
        if k <= 1 or amt < 200000:
            return [amt]
        ws = [rng.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        left = amt
        for i in range(k - 1):
            x = int(amt * ws[i] / s)
            if rng.random() < 0.5:
                x = max(10000, (x // 10000) * 10000)       # whole hundreds of yuan
            else:
                x = max(100, (x // 100) * 100)
            x = min(x, left - 100 * (k - 1 - i))
            if x <= 0:
                continue
            parts.append(x)
            left -= x
        if left > 0:
            parts.append(left)
        return parts

    def sweep(self, a, t, push):
        rng = self.rng
        g = a.gang
        a.pending = False
        if a.freeze is not None and a.freeze <= t:
            return                                     # money stuck on a frozen account
        if a.tier < 0:
            return
        residue = rng.randint(0, 3000 if g.slow else 1000)
        amt = a.fbal - residue
        if amt < 1000:
            return
        reg = self.op_region(g, a)
        last = a.tier >= len(g.tiers) - 1
        if g.slow and rng.random() < 0.35 and amt > 500000 and not last:
            keep = int(amt * rng.uniform(0.2, 0.6))
            amt -= keep
            a.pending = True
            push(t + self.delay(a), 'sweep', a, 0)
        if g.slow and rng.random() < 0.25:
            m = self.pick_merchant(a.region[:4] if a.region else '2301', a.inst is not None and a.inst.kind == 'pay')
            small = self.logn(40, 0.9, 2, 400)
            if small < amt and self.emit(t - rng.randint(60, HOUR), a, m[0], small, 'mobile', reg):
                a.fbal -= small
                amt -= small
        if last:
            self.exit_action(a, t, amt, push)
            return
        k = rng.choices([1, 2, 3, 4, 5], weights=([5, 3, 1.5, 0.3, 0.1] if not g.slow else [3, 4, 3, 2, 1]))[0]
        if g.slow:
            k = max(k, min(8, amt // 5000000 + 1))      # slow crews keep single hops below ~50k yuan
        parts = self.split(amt, k)
        ts = t
        nxt_t = a.tier + 1
        if g.slow and nxt_t + 1 < len(g.tiers) and rng.random() < 0.12:
            nxt_t += 1
        for part in parts:
            pool = g.tiers[nxt_t]
            if g.slow and rng.random() < 0.06:
                pool = g.tiers[a.tier]                     # sideways hop (merge / cycle)
            tgt = self.pick_active(pool, ts, avoid=a, amount=part)
            if tgt is None and pool is g.tiers[nxt_t]:
                tgt = self.buy_card(g, nxt_t, ts, amount=part)
            if tgt is None:
                continue
            ch = 'online' if a.cls == 'corp' else ('mobile' if rng.random() < 0.8 else 'online')
            if self.emit(ts, a, tgt, part, ch, reg if a.runner is None else a.runner.work_region, memo=rng.choice(LAYER_MEMO)):
                a.fbal -= part
                push(ts + 1, 'arr', tgt, part)
                if a.freeze is not None and tgt.freeze is None and rng.random() < 0.35:
                    tgt.freeze = a.freeze + rng.randint(2 * HOUR, 3 * DAY)
            ts += rng.randint(20, 4 * MIN) if not g.slow else rng.randint(5 * MIN, 4 * HOUR)

    def exit_action(self, a, t, amt, push):
        rng = self.rng
        g = a.gang
        e = a.exit or 'otc'
        reg = self.op_region(g, a)
        if e == 'atm' and a.inst is not None and a.inst.kind != 'pay':
            loc = a.cash_region or rng.choice(g.cash)
            day_limit = 2000000 if a.cls == 'I' else 1000000
            per = self.pick_w([250000, 300000, 500000, 200000], [4, 3, 2, 1])
            ts = t + rng.randint(0, 2 * HOUR)
            left = amt
            while left >= 10000:
                dnow = (ts + LOCAL) // DAY
                day_used = a.atmused if a.atmday == dnow else 0
                while left >= 10000 and day_used + 10000 <= day_limit:
                    x = min(per, left, day_limit - day_used)
                    x = (x // 10000) * 10000
                    if x <= 0:
                        break
                    if not self.emit(ts, a, None, x, 'atm', loc if rng.random() < 0.85 else self.same_city(loc), kind='withdrawal'):
                        return
                    a.fbal -= x
                    left -= x
                    day_used += x
                    a.atmday, a.atmused = dnow, day_used
                    ts += rng.randint(40, 6 * MIN)
                d = dnow + 1
                ts = d * DAY - LOCAL + rng.randint(0, 2 * HOUR) + (rng.randint(7, 20) * HOUR if rng.random() < 0.7 else 0)
            return
        if e == 'counter' and a.inst is not None and a.inst.kind != 'pay':
            loc = a.cash_region if rng.random() < 0.6 else a.region
            d = (t + LOCAL) // DAY
            left = amt
            while left >= 100000:
                ts = d * DAY - LOCAL + rng.randint(9 * HOUR, 16 * HOUR)
                if ts < t:
                    d += 1
                    continue
                x = min(left, self.pick_w([4990000, 4900000, 4500000, 3000000], [3, 3, 2, 2]))
                x = (x // 10000) * 10000
                if not self.emit(ts, a, None, x, 'counter', loc, kind='withdrawal'):
                    return
                a.fbal -= x
                left -= x
                d += 1
            return
        if e == 'gold' and g.gold:
            shop = rng.choice(g.gold)
            x = amt if amt < 30000000 else int(amt * rng.uniform(0.5, 0.9))
            x = (x // 100) * 100
            if x > 0 and self.emit(t + rng.randint(10 * MIN, 3 * HOUR), a, shop.acct, x, 'pos' if rng.random() < 0.5 else 'mobile',
                                   shop.region, memo=rng.choice(['', '黄金', '货款'])):
                a.fbal -= x
            return
        if e == 'xborder' and g.foreign:
            x = (amt // 100) * 100
            if x > 0 and self.emit(t + rng.randint(5 * MIN, 2 * HOUR), a, rng.choice(g.foreign), x, 'online', reg,
                                   memo=rng.choice(['货款', '服务费', '']), xb=True):
                a.fbal -= x
            return
        if e == 'purchase':
            left = amt
            ts = t
            for _ in range(4):
                if left < 200000 or not self.m_elec:
                    break
                m = rng.choice(self.m_elec)
                x = min(left, self.logn(6000, 0.5, 1500, 15000))
                if self.emit(ts, a, m[0], x, 'pos' if m[0].inst.kind != 'pay' else 'mobile', m[0].region):
                    a.fbal -= x
                    left -= x
                ts += rng.randint(5 * MIN, 2 * HOUR)
            amt = left
            if amt < 10000:
                return
        if e == 'payinst' and g.payinst:
            tgt = rng.choice(g.payinst)
            if self.emit(t + rng.randint(30, 30 * MIN), a, tgt, amt, 'mobile', reg, memo=''):
                a.fbal -= amt
            return
        # OTC crypto sellers (USDT): round-ish sums, one or two sellers
        sellers = rng.sample(g.otc, min(len(g.otc), rng.randint(1, 2)))
        left = amt
        ts = t + rng.randint(60, 40 * MIN)
        for i, s in enumerate(sellers):
            x = left if i == len(sellers) - 1 else (left // 2 // 10000) * 10000
            if x <= 0:
                continue
            if self.emit(ts, a, s, x, 'mobile', reg, memo=''):
                a.fbal -= x
                left -= x
            ts += rng.randint(60, 20 * MIN)

    # ------------------------------------------------------------------ output
    def finish(self, out):
        rng = self.rng
        W0, W1 = self.W0, self.W1
        # visibility of each event
        vis = []
        for e in self.ev:
            ts, frm, to = e[0], e[2], e[3]
            ok = False
            if frm is not None and frm.supplied and frm.inst.start <= ts < frm.inst.end:
                ok = True
            elif to is not None and to.supplied and to.inst.start <= ts < to.inst.end:
                ok = True
            if ok:
                vis.append(e)
        # balances of supplied accounts from their own extract start; opening deposits for new cards
        by_acct = {}
        for e in vis:
            for side, a in ((0, e[2]), (1, e[3])):
                if a is not None and a.supplied:
                    by_acct.setdefault(a.id, []).append((e[0], e[1], -e[4] if side == 0 else e[4]))
        rows = [a for a in self.accts if a.supplied]
        rows.sort(key=lambda a: a.id)
        opening = {}
        extra = []
        for a in rows:
            p = max(a.opened, a.inst.start)
            lst = by_acct.get(a.id, [])
            lst.sort()
            run, mn = 0, 0
            for ts, _, d in lst:
                if ts < p:
                    continue
                run += d
                if run < mn:
                    mn = run
            need = -mn
            if a.opened >= a.inst.start:
                base = 0
                if need > 0:
                    # the first deposit at opening covers what the card later pays out before it receives
                    fen = ((need + 9999) // 10000) * 10000
                    first = lst[0][0] if lst else a.opened + HOUR
                    ts = min(a.opened + rng.randint(60, 15 * MIN), max(a.opened, first - 1))
                    extra.append((ts, -1, None, a, fen, 'counter', a.region, 'deposit', '', False, False, 'open'))
                opening[a.id] = 0
            else:
                opening[a.id] = a.nat + need
        vis.extend(extra)
        vis.sort(key=lambda e: (e[0], e[1]))
        # statuses
        # account rows are the institution's customer master as of the day its extract starts:
        # freezes and closures that happen later are visible only through the missing activity
        for a in rows:
            a.status = 'active'
            snap = max(a.inst.start, a.opened)
            if a.freeze is not None and a.freeze <= snap:
                a.status = 'frozen'
            if a.closed_at is not None and a.closed_at <= snap:
                a.status = 'closed'
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status\n')
            for a in rows:
                f.write('%s,%s,%s,%s,%s,%s,%s,%s\n' % (a.id, a.inst.code, a.holder, self.fmt_ts(a.opened), a.region, a.cls,
                                                       fen_str(opening[a.id]), a.status))
        seen = set()
        labels_tx = []
        fty = {}
        fpay = [0, 0]
        n = 0
        with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n')
            for e in vis:
                ts, _, frm, to, fen, ch, reg, kind, memo, xb, fraud, tag = e
                rep = frm if (frm is not None and frm.supplied and frm.inst.start <= ts < frm.inst.end) else to
                n += 1
                tid = '%s%s%08d' % (rep.inst.code, self.fmt_ts(ts)[:10].replace('-', ''), n)
                if frm is not None:
                    seen.add(frm.id)
                if to is not None:
                    seen.add(to.id)
                if fraud:
                    labels_tx.append(tid)
                    fty[tag] = fty.get(tag, 0) + 1
                    if frm is not None and frm.supplied:
                        fpay[0] += 1
                    else:
                        fpay[1] += 1
                f.write('%s,%s,%s,%s,%s,CNY,%s,%s,%s,%s,%s\n' % (
                    tid, self.fmt_ts(ts), frm.id if frm is not None else '', to.id if to is not None else '', fen_str(fen),
                    ch, reg, kind, memo, 'true' if xb else 'false'))
        self.n_transfers = n
        ph = {}
        for e in vis:
            ph[e[11]] = ph.get(e[11], 0) + 1
        st0 = self.stats
        st0['by_phase'] = sorted(ph.items(), key=lambda x: -x[1])
        row_ids = set(a.id for a in rows)
        mule_lab = []
        mstat = {}
        for a in self.mules:
            if a.id in row_ids or a.id in seen:
                mule_lab.append(a.id)
                k = mstat.setdefault(a.mkind, [0, 0])
                k[0 if a.id in row_ids else 1] += 1
        mule_lab = sorted(set(mule_lab))
        farmers = []
        for hid, cards, home in self.farmers:
            if any(c.id in row_ids for c in cards):
                farmers.append(hid)
        with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('kind,id,label\n')
            for aid in mule_lab:
                f.write('account,%s,mule\n' % aid)
            for tid in labels_tx:
                f.write('transfer,%s,fraud\n' % tid)
            for hid in sorted(farmers):
                f.write('holder,%s,card_farmer\n' % hid)
        st = self.stats
        st['accounts_rows'] = len(rows)
        st['transfers'] = n
        st['victim_payments_labelled'] = len(labels_tx)
        st['victim_payments(payer row / payer external)'] = tuple(fpay)
        st['victim_payments_by_typology'] = sorted(fty.items(), key=lambda x: -x[1])
        st['victim_cases'] = len(self.cases)
        st['lawful_rows_opened_in_window'] = sum(1 for a in rows if a.opened >= W0 and a.mkind is None and a.farmer is None)
        st['card_farmers_labelled'] = len(farmers)
        st['farmer_cards_rows'] = sum(1 for a in self.farm_cards if a.id in row_ids)
        st['farmed_mule_accounts'] = sum(1 for a in self.mules if a.mkind == 'farmed')
        st['mules_labelled'] = len(mule_lab)
        st['mules_with_rows'] = sum(v[0] for v in mstat.values())
        st['mules_transfers_only'] = sum(v[1] for v in mstat.values())
        st['mules_by_kind(rows/transfers-only)'] = {k: tuple(mstat[k]) for k in sorted(mstat)}
        st['frozen_rows'] = sum(1 for a in rows if a.status == 'frozen')
        st['frozen_mule_rows'] = sum(1 for a in rows if a.status == 'frozen' and a.mkind is not None)
        st['closed_rows'] = sum(1 for a in rows if a.status == 'closed')
        st['external_accounts_seen'] = len(seen - row_ids)
        st['lawful_multi_card_openers'] = len(self.lawful_openers)
        st['gangs(slow)'] = '%d(%d)' % (len(self.gangs), sum(1 for g in self.gangs if g.slow))
        st['window'] = '%s .. %s' % (self.fmt_ts(W0), self.fmt_ts(W1))
        st['extract_starts'] = ' '.join('%s:%s' % (i.code, self.fmt_ts(i.start)[:10]) for i in self.insts if i.supplied)

    def write_truth(self, out):
        """Optional side file (--truth): typology of each victim payment and how each mule was obtained."""
        with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('kind,id,detail\n')
            for a in sorted(self.mules, key=lambda x: x.id):
                f.write('mule,%s,%s;gang=%d;tier=%d;exit=%s\n' % (a.id, a.mkind, a.gang.gid, a.tier, a.exit or ''))
            for hid, cards, home in self.farmers:
                f.write('farmer,%s,cards=%d;home=%s\n' % (hid, len(cards), home))

    def run(self, out, truth=False):
        rng = self.rng
        # the window: an arbitrary start between 2023-01 and 2024-10
        base = datetime.date(2023, 1, 1).toordinal() + rng.randint(0, 640)
        self.W0 = (base - EPOCH_ORD) * DAY - LOCAL
        self.W1 = self.W0 + rng.randint(*self.V['days']) * DAY
        self.year0 = datetime.date.fromordinal(base).year
        self.setup_geo()
        self.setup_insts()
        self.build_population()
        self.build_corps()
        self.build_farmers()
        self.build_gangs()
        self.phase = 'payroll'
        self.gen_payroll()
        self.phase = 'pension'
        self.gen_pension()
        for p in self.persons:
            self.phase = 'common'
            self.person_common(p)
            self.phase = p.persona
            self.gen_persona(p)
        self.phase = 'merchants'
        self.gen_merchants_ext()
        self.phase = 'b2b'
        self.gen_corp_b2b()
        self.phase = 'events'
        self.gen_events()
        self.phase = 'warmup'
        self.warm_up()
        self.phase = 'victim'
        self.victims()
        self.phase = 'fraud'
        self.simulate()
        self.finish(out)
        if truth:
            self.write_truth(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--variant', default='baseline', choices=list(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--stats', action='store_true', help='print counts to stderr')
    ap.add_argument('--truth', action='store_true', help='also write truth.csv (typologies, mule kinds)')
    args = ap.parse_args()
    t = time.time()
    w = World(args.variant, args.seed)
    w.run(args.out, truth=args.truth)
    if args.stats:
        w.stats['seconds'] = round(time.time() - t, 1)
        for k, v in w.stats.items():
            print('%s: %s' % (k, v), file=sys.stderr)


if __name__ == '__main__':
    main()
