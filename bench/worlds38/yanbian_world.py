#!/usr/bin/env python3
"""Yanbian synthetic banking world (worlds38) for testing a counter-telecom-fraud engine.

Region: Yanbian Korean Autonomous Prefecture (Yanji, Hunchun, Tumen, Longjing, Helong, Dunhua,
Wangqing, Antu/Changbai Mountain) plus Jilin city and Changchun.  Standard library only and
deterministic for a given --variant and --seed.

    python3 yanbian_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange format v1) and, with --truth,
truth.csv and truth_transfers.csv.  Ends with a self-check and a one-line summary on stderr.
"""
import argparse
import bisect
import csv
import datetime as dt
import heapq
import math
import os
import random
import re
import sys
import time

TZ = dt.timezone(dt.timedelta(hours=8))
MIN, HOUR, DAY = 60, 3600, 86400
NDAYS = 30
SPAN = NDAYS * DAY

# ----------------------------------------------------------------------------- geography
LOCAL = {  # Yanbian
    '222401': '延吉市', '222402': '图们市', '222403': '敦化市', '222404': '珲春市',
    '222405': '龙井市', '222406': '和龙市', '222424': '汪清县', '222426': '安图县',
}
JILIN = {'220202': '吉林市昌邑区', '220203': '吉林市龙潭区', '220204': '吉林市船营区'}
CHANGCHUN = {'220102': '长春市南关区', '220103': '长春市宽城区', '220104': '长春市朝阳区',
             '220105': '长春市二道区', '220106': '长春市绿园区'}
OTHER_JL = {'220621': '抚松县', '220623': '长白朝鲜族自治县'}
FAR = {
    '110105': '北京朝阳', '310115': '上海浦东', '440106': '广州天河', '440103': '广州荔湾',
    '440304': '深圳福田', '441900': '东莞', '445102': '潮州湘桥', '441502': '汕尾城区',
    '350203': '厦门思明', '530102': '昆明五华', '532801': '景洪', '533102': '瑞丽',
    '450103': '南宁青秀', '460105': '海口秀英', '510107': '成都武侯', '420111': '武汉洪山',
    '230102': '哈尔滨道里', '231002': '牡丹江东安', '210102': '沈阳和平', '210202': '大连中山',
    '330106': '杭州西湖', '410105': '郑州金水', '610113': '西安雁塔', '430104': '长沙岳麓',
    '320106': '南京鼓楼', '370102': '济南历下', '370202': '青岛市南', '130102': '石家庄长安',
    '130683': '安国市', '341602': '亳州谯城', '140105': '太原小店', '150102': '呼和浩特新城',
    '360102': '南昌东湖', '340104': '合肥蜀山', '500103': '重庆渝中', '620102': '兰州城关',
    '650102': '乌鲁木齐天山', '120101': '天津和平',
}
REGIONS = {}
for _d in (LOCAL, JILIN, CHANGCHUN, OTHER_JL, FAR):
    REGIONS.update(_d)

HOME_W = [('222401', 38), ('222405', 8), ('222402', 6), ('222404', 10), ('222406', 5),
          ('222403', 12), ('222424', 5), ('222426', 5), ('220204', 3), ('220202', 2),
          ('220102', 2), ('220104', 2), ('220105', 1)]
FAR_W = [(k, 1.0) for k in FAR] + [('220204', 2), ('220104', 2), ('222401', 1.5)]
CASHOUT_REG = ['440106', '440304', '441900', '445102', '441502', '450103', '530102', '532801',
               '533102', '460105', '350203', '440103']
OPERATOR_REG = ['533102', '532801', '441502', '445102', '441900', '450103', '440304', '460105']
FARM_OPEN_CITIES = ['222401', '222404', '222403', '222402', '220104', '220102', '220204',
                    '230102', '210102', '231002']
FARM_HOME = ['420111', '230102', '231002', '410105', '150102', '430104', '360102', '222406',
             '222424', '220105', '340104']

# ----------------------------------------------------------------------------- institutions
SUPPLY = ['YBRCB', 'JLBANK', 'ICBC', 'ABC', 'PSBC']      # institutions that supply data
SUPPLY_W = [30, 20, 20, 15, 15]
NONSUP = ['CCB', 'BOC', 'BCM', 'CMB', 'CITIC', 'CEB', 'CIB', 'SPDB', 'CMBC', 'HXB']
NONSUP_W = [25, 20, 10, 10, 6, 5, 6, 5, 5, 4]
WALLETS = ['ALIPAY', 'TENPAY']
KR_BANKS = ['KR_WOORI', 'KR_SHINHAN', 'KR_KB', 'KR_HANA', 'KR_NH']
KR_REMIT = ['HANPASS', 'SENTBE', 'GMEREMIT', 'E9PAY']
RU_BANKS = ['RU_SBER', 'RU_VTB', 'RU_PRIMSOC']
BIN = {'YBRCB': '623181', 'JLBANK': '622865', 'ICBC': '622202', 'ABC': '622848', 'PSBC': '621799',
       'CCB': '621700', 'BOC': '621661', 'BCM': '622262', 'CMB': '622588', 'CITIC': '622690',
       'CEB': '622660', 'CIB': '622909', 'SPDB': '622521', 'CMBC': '622622', 'HXB': '622630'}
CORP_PREFIX = {'YBRCB': '0710', 'JLBANK': '0502', 'ICBC': '0814', 'ABC': '0717', 'PSBC': '9220',
               'CCB': '2205', 'BOC': '1589', 'BCM': '2210', 'CMB': '4319', 'CITIC': '8113',
               'CEB': '5418', 'CIB': '6217', 'SPDB': '6210', 'CMBC': '6318', 'HXB': '1235'}
ALL_BANKS = SUPPLY + NONSUP

CHANNELS = {'counter', 'online', 'mobile', 'atm', 'pos', 'other'}
KINDS = {'transfer', 'withdrawal', 'deposit'}

HOURS_LAWFUL = [1, .5, .3, .2, .2, .5, 2, 5, 8, 9, 9, 9, 10, 9, 8, 8, 8, 8, 9, 9, 8, 6, 4, 2]
HOURS_FRAUD = [3, 3, 2.5, 2, 1.5, 1.5, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4]
HOURS_VICTIM = [.5, .3, .2, .2, .2, .4, 1, 3, 6, 9, 10, 10, 9, 9, 9, 9, 8, 7, 6, 6, 5, 4, 2, 1]


def cum(ws):
    out, s = [], 0.0
    for w in ws:
        s += w
        out.append(s)
    return out


CUM_LAW, CUM_FRAUD, CUM_VIC = cum(HOURS_LAWFUL), cum(HOURS_FRAUD), cum(HOURS_VICTIM)

VARIANTS = {
    'baseline': dict(start=(2024, 9, 2), p_slow=0.50, rings=(40, 47), vic=(8, 18), pay=(1, 4),
                     mule_mix={'fresh': 30, 'aged': 20, 'rented': 13, 'rented_returned': 9,
                               'sold': 10, 'paofen': 11, 'farmer': 7},
                     fest=15, banquets=45, buyers=60, tourists=5500, harvest=True),
    'V2': dict(start=(2024, 11, 4), p_slow=0.85, rings=(36, 42), vic=(6, 13), pay=(3, 12),
               mule_mix={'fresh': 9, 'aged': 7, 'rented': 24, 'rented_returned': 18,
                         'sold': 26, 'paofen': 9, 'farmer': 7},
               fest=None, banquets=25, buyers=40, tourists=1300, harvest=False),
    'V3': dict(start=(2025, 1, 13), p_slow=0.50, rings=(40, 47), vic=(8, 18), pay=(1, 4),
               mule_mix={'fresh': 30, 'aged': 20, 'rented': 13, 'rented_returned': 9,
                         'sold': 10, 'paofen': 11, 'farmer': 7},
               fest=15, banquets=80, buyers=130, tourists=3000, harvest=False),
}

TYPOLOGY = {  # (weight, min yuan, max yuan, escalate, spacing hours, memo words)
    'police_gov': (14, 20000, 300000, 1.6, (0.5, 30), ['', '', '资金清查', '安全账户']),
    'brushing': (16, 200, 20000, 2.0, (0.05, 3), ['', '做单', '垫付', '任务单']),
    'investment': (14, 5000, 200000, 1.7, (6, 72), ['', '投资款', '入金', '充值']),
    'ecommerce_cs': (12, 2000, 50000, 1.3, (0.05, 1), ['', '退款', '保证金', '理赔']),
    'loan_card': (10, 500, 8000, 1.5, (1, 24), ['', '解冻费', '保证金', '流水']),
    'romance': (8, 5000, 150000, 1.5, (12, 96), ['', '', '充值', '借款']),
    'leader_acquaintance': (8, 5000, 80000, 1.2, (0.2, 6), ['', '借款', '急用']),
    'accident_kidnap': (5, 10000, 100000, 1.1, (0.3, 5), ['', '医疗费', '手术费']),
    'shopping_service': (5, 200, 6000, 1.2, (0.5, 12), ['', '货款', '定金']),
    'credit_record': (4, 3000, 60000, 1.3, (0.2, 4), ['', '注销', '还款']),
    'game_trade': (4, 300, 10000, 1.5, (0.2, 12), ['', '保证金', '解冻']),
}
TYPO_NAMES = list(TYPOLOGY)
TYPO_W = [TYPOLOGY[k][0] for k in TYPO_NAMES]

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def fmt_fen(f):
    return '%d.%02d' % (f // 100, f % 100)


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.V = VARIANTS[variant]
        self.r = random.Random('yanbian38:%s:%d' % (variant, seed))
        y, m, d = self.V['start']
        self.T0 = dt.datetime(y, m, d, tzinfo=TZ)
        self.acc = {}          # id -> dict
        self.persons = []      # list of dict
        self.holders = {}      # holder id -> True (uniqueness)
        self.tx = []           # [ts, from, to, fen, channel, region, kind, memo, xb, tkind]
        self.block = {}        # account -> [(a, b)] lawful activity suppressed (rented / sold)
        self.labels_acc = {}   # account -> True
        self.labels_tx_keys = []  # tx list indexes of reported victim payments
        self.farmer_holders = []
        self.farmer_labelled = {}
        r = self.r
        offs = [0] + [r.choice([0, 1, 1, 2, 2, 3, 4]) for _ in SUPPLY[1:]]
        r.shuffle(offs)
        self.extract = {b: o * DAY for b, o in zip(SUPPLY, offs)}
        self.dayw = self.day_weights()
        self.cum_dayw = cum(self.dayw)

    # ------------------------------------------------------------------ helpers
    def date_of(self, s):
        return self.T0 + dt.timedelta(seconds=s)

    def iso(self, s):
        return (self.T0 + dt.timedelta(seconds=int(s))).isoformat()

    def day_weights(self):
        w = []
        fest = self.V['fest']
        for d in range(NDAYS):
            x = 1.0
            wd = (self.T0 + dt.timedelta(days=d)).weekday()
            if wd >= 5:
                x *= 1.15
            if self.variant == 'baseline':
                if 12 <= d <= 16:
                    x *= 1.4
                if d >= 27:
                    x *= 1.25
            elif self.variant == 'V3':
                if 7 <= d <= 14:
                    x *= 1.5
                elif 15 <= d <= 17:
                    x *= 1.25
                elif 18 <= d <= 22:
                    x *= 1.1
            w.append(x)
        return w

    def rand_day(self):
        return bisect.bisect_left(self.cum_dayw, self.r.random() * self.cum_dayw[-1])

    def tod(self, cumh=None):
        cumh = cumh or CUM_LAW
        h = bisect.bisect_left(cumh, self.r.random() * cumh[-1])
        return h * HOUR + self.r.randrange(HOUR)

    def rand_ts(self, day=None, cumh=None):
        if day is None:
            day = self.rand_day()
        return day * DAY + self.tod(cumh)

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

    def logn(self, median, sigma, lo, hi):
        v = median * math.exp(self.r.gauss(0, sigma))
        return min(hi, max(lo, v))

    def fen(self, yuan, roundto=0.01):
        v = max(roundto, round(yuan / roundto) * roundto)
        return int(round(v * 100))

    def person_id(self, region, year0, year1):
        r = self.r
        while True:
            y = r.randint(year0, year1)
            m = r.randint(1, 12)
            d = r.randint(1, 28)
            body = '%s%04d%02d%02d%03d' % (region, y, m, d, r.randint(1, 999))
            s = sum(int(c) * w for c, w in zip(body, ID_W))
            hid = body + ID_C[s % 11]
            if hid not in self.holders:
                self.holders[hid] = True
                return hid

    def corp_id(self, region):
        r = self.r
        while True:
            body = '91' + region + ''.join(r.choice(USCC_CH) for _ in range(9))
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            c = (31 - s % 31) % 31
            hid = body + USCC_CH[c]
            if hid not in self.holders:
                self.holders[hid] = True
                return hid

    def acct_number(self, bank, corp=False):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                a = '2088' + '%012d' % r.randrange(10 ** 12)
            elif bank == 'TENPAY':
                a = '1300' + '%012d' % r.randrange(10 ** 12)
            elif bank == 'LAKALA':
                a = '8221' + '%012d' % r.randrange(10 ** 12)
            elif bank.startswith('KR_'):
                a = 'KR' + '%013d' % r.randrange(10 ** 13)
            elif bank in KR_REMIT:
                a = bank[:2] + '%010d' % r.randrange(10 ** 10)
            elif bank.startswith('RU_'):
                a = '40702810' + '%012d' % r.randrange(10 ** 12)
            elif bank == 'USDT_OTC':
                a = 'OTC' + '%011d' % r.randrange(10 ** 11)
            elif corp:
                a = CORP_PREFIX.get(bank, '9999') + '%014d' % r.randrange(10 ** 14)
            elif bank == 'CMB':
                a = BIN[bank] + '%010d' % r.randrange(10 ** 10)
            else:
                a = BIN.get(bank, '620000') + '%013d' % r.randrange(10 ** 13)
            if a not in self.acc:
                return a

    def new_acct(self, bank, holder, opened, region, cls='I', role='lawful', arch='resident',
                 cf=0, corp=False):
        a = self.acct_number(bank, corp or cls == 'corp')
        self.acc[a] = dict(id=a, bank=bank, holder=holder, opened=int(opened), region=region,
                           cls=cls, role=role, arch=arch, cf=cf, has_row=bank in SUPPLY)
        return a

    def sup_bank(self):
        return self.r.choices(SUPPLY, SUPPLY_W)[0]

    def non_bank(self):
        return self.r.choices(NONSUP, NONSUP_W)[0]

    def blocked(self, a, ts):
        iv = self.block.get(a)
        if not iv:
            return False
        for x, y in iv:
            if x <= ts < y:
                return True
        return False

    def t(self, ts, frm, to, fen, ch, reg, kind='transfer', memo='', xb=False, tk='ordinary'):
        """Record a transfer. Lawful ones respect opening dates and rental/sale blocks."""
        ts = int(ts)
        if ts < 0 or ts >= SPAN or fen <= 0:
            return False
        if frm is not None:
            fa = self.acc[frm]
            if ts < fa['opened']:
                return False
            if tk == 'ordinary' and self.blocked(frm, ts):
                return False
        if to is not None:
            ta = self.acc[to]
            if ts < ta['opened']:
                return False
            if tk == 'ordinary' and self.blocked(to, ts):
                return False
        self.tx.append([ts, frm, to, fen, ch, reg, kind, memo, xb, tk])
        return True

    # ------------------------------------------------------------------ population
    def build_population(self):
        r, V = self.r, self.V
        regs, rw = zip(*HOME_W)
        # ---- corporate accounts
        self.merchants = {k: [] for k in LOCAL}
        for k in list(JILIN) + list(CHANGCHUN):
            self.merchants[k] = []
        self.merch_all = []
        mtypes = ['超市', '韩式烤肉', '冷面馆', '药店', '加油站', '便利店', '服装店', '手机店',
                  '咖啡店', '医院', '酒店', '参茸店', '海鲜市场']
        for i in range(520):
            reg = r.choices(regs, rw)[0]
            if i < 60:
                reg = '222426'   # Changbai Mountain tourism (Antu, Erdaobaihe)
            bank = self.sup_bank() if r.random() < 0.6 else self.non_bank()
            a = self.new_acct(bank, self.corp_id(reg), -r.randint(200, 5000) * DAY, reg, 'corp',
                              arch='merchant_' + ('tour' if i < 60 or r.random() < .1 else 'local'),
                              corp=True)
            self.merchants.setdefault(reg, []).append(a)
            self.merch_all.append(a)
        self.tour_merch = [a for a in self.merch_all if self.acc[a]['arch'] == 'merchant_tour']
        self.online = []
        for b in ['ALIPAY'] * 3 + ['TENPAY'] * 3 + ['CMB', 'ICBC']:
            self.online.append(self.new_acct(b, self.corp_id(r.choice(['330106', '440304', '110105'])),
                                             -3000 * DAY, r.choice(['330106', '440304', '110105']),
                                             'corp', arch='online_collect', corp=True))
        self.utilities = {}
        for reg in list(LOCAL) + list(JILIN) + list(CHANGCHUN):
            ut = []
            for nm, sup in (('grid', True), ('mobile', False), ('heat', True), ('water', True)):
                bank = self.sup_bank() if sup else self.non_bank()
                ut.append(self.new_acct(bank, self.corp_id(reg), -4000 * DAY, reg, 'corp',
                                        arch='utility_' + nm, corp=True))
            self.utilities[reg] = ut
        self.canteen = self.new_acct('YBRCB', self.corp_id('222401'), -5000 * DAY, '222401', 'corp',
                                     arch='university_canteen', corp=True)
        self.univ_shop = self.new_acct('JLBANK', self.corp_id('222401'), -4000 * DAY, '222401',
                                       'corp', arch='university_bookshop', corp=True)
        self.employers = []
        for i in range(160):
            reg = r.choices(regs, rw)[0]
            bank = self.sup_bank() if r.random() < 0.6 else self.non_bank()
            a = self.new_acct(bank, self.corp_id(reg), -r.randint(300, 6000) * DAY, reg, 'corp',
                              arch='employer', corp=True)
            self.acc[a]['payday'] = r.choice([5, 10, 15, 20, 25])
            self.employers.append(a)
        self.pension = [self.new_acct('CCB', self.corp_id(reg), -6000 * DAY, reg, 'corp',
                                      arch='social_security', corp=True)
                        for reg in ('222401', '220204', '220104')]
        self.tax = self.new_acct('CCB', self.corp_id('222401'), -6000 * DAY, '222401', 'corp',
                                 arch='tax', corp=True)
        self.dealers, self.developers, self.halls = [], [], []
        for i in range(14):
            reg = r.choice(['222401', '222401', '222404', '222403', '220104', '220204'])
            new = i < 3
            op = r.randint(1, 14) * DAY if new else -r.randint(300, 3000) * DAY
            bank = self.sup_bank() if r.random() < .75 else self.non_bank()
            self.dealers.append(self.new_acct(bank, self.corp_id(reg), op, reg, 'corp',
                                              arch='car_dealer' + ('_new' if new else ''), corp=True))
        for i in range(9):
            reg = r.choice(['222401', '222401', '222404', '222405', '220104'])
            new = i < 2
            op = r.randint(1, 10) * DAY if new else -r.randint(300, 3000) * DAY
            bank = self.sup_bank() if r.random() < .75 else self.non_bank()
            self.developers.append(self.new_acct(bank, self.corp_id(reg), op, reg, 'corp',
                                                 arch='developer' + ('_new' if new else ''), corp=True))
        for i in range(14):
            reg = r.choices(regs, rw)[0]
            bank = self.sup_bank() if r.random() < .7 else self.non_bank()
            self.halls.append(self.new_acct(bank, self.corp_id(reg), -r.randint(300, 4000) * DAY, reg,
                                            'corp', arch='banquet_hall', corp=True))
        self.wholesalers = [self.new_acct(self.non_bank() if r.random() < .6 else self.sup_bank(),
                                          self.corp_id(rg), -2000 * DAY, rg, 'corp', arch='wholesaler',
                                          corp=True)
                            for rg in [r.choice(['222401', '220104', '220204', '210102']) for _ in range(45)]]
        self.gin_buyers = []
        for i in range(70):
            rg = r.choice(['341602', '130683', '440103', '220621', '310115', '110105', '370202',
                           '510107', '430104', '220104'])
            if r.random() < .5:
                a = self.new_acct(self.non_bank(), self.corp_id(rg), -2000 * DAY, rg, 'corp',
                                  arch='herb_buyer', corp=True)
            else:
                a = self.new_acct(self.non_bank(), self.person_id(rg, 1960, 1990), -2000 * DAY, rg,
                                  arch='herb_buyer')
            self.gin_buyers.append(a)
        self.trade_buyers = [self.new_acct(self.non_bank(), self.corp_id(rg), -2000 * DAY, rg, 'corp',
                                           arch='seafood_buyer', corp=True)
                             for rg in [r.choice(list(FAR)) for _ in range(90)]]
        self.ru_suppliers = [self.new_acct(r.choice(RU_BANKS), 'RU%010d' % r.randrange(10 ** 10),
                                           -3000 * DAY, '222404', 'corp', arch='russian_supplier',
                                           corp=True)
                             for _ in range(30)]
        self.logistics = [self.new_acct(self.sup_bank(), self.corp_id(rg), -2000 * DAY, rg, 'corp',
                                        arch='logistics', corp=True)
                          for rg in ('222404', '222402', '222404', '222401')]
        self.far_merch = [self.new_acct(self.non_bank(), self.corp_id(rg), -2000 * DAY, rg, 'corp',
                                        arch='far_merchant', corp=True)
                          for rg in [r.choice(list(FAR)) for _ in range(60)]]
        self.far_employers = [self.new_acct(self.non_bank(), self.corp_id(rg), -2000 * DAY, rg, 'corp',
                                            arch='far_employer', corp=True)
                              for rg in [r.choice(list(FAR)) for _ in range(40)]]
        self.remit_firms = [self.new_acct(b, 'KR%010d' % r.randrange(10 ** 10),
                                          -3000 * DAY, '222401', 'corp', arch='kr_remit_firm', corp=True)
                            for b in KR_REMIT]
        # ---- external people (counterparties at non-supplying banks)
        self.ext_local, self.ext_far = [], []
        for i in range(4200):
            rg = r.choices(regs, rw)[0]
            self.ext_local.append(self.new_acct(self.non_bank() if r.random() < .8 else r.choice(WALLETS),
                                                self.person_id(rg, 1950, 2004), -r.randint(100, 4000) * DAY,
                                                rg, arch='ext_person'))
        for i in range(2600):
            rg = r.choices([k for k, _ in FAR_W], [w for _, w in FAR_W])[0]
            self.ext_far.append(self.new_acct(self.non_bank() if r.random() < .8 else r.choice(WALLETS),
                                              self.person_id(rg, 1950, 2004), -r.randint(100, 4000) * DAY,
                                              rg, arch='ext_person'))
        # ---- local persons with rows
        arch_w = {'worker': 27, 'pensioner': 14, 'remit_family': 12, 'migrant_korea': 5, 'shop': 5,
                  'grower': 4, 'trader': 2.5, 'landlord': 3, 'student': 6, 'saver': 7, 'rural': 8,
                  'resident': 9}
        if self.variant == 'V3':
            arch_w['remit_family'] = 15
            arch_w['migrant_korea'] = 6
        if self.variant != 'baseline':
            arch_w['student'] = 3
        an, aw = list(arch_w), list(arch_w.values())
        nper = r.randint(7600, 8200)
        for i in range(nper):
            arch = r.choices(an, aw)[0]
            reg = r.choices(regs, rw)[0]
            if arch == 'student':
                reg = '222401'
            if arch == 'trader':
                reg = r.choice(['222404', '222404', '222402'])
            if arch == 'grower':
                reg = r.choice(['222426', '222424', '222406', '222403', '222405', '222404'])
            yrs = {'pensioner': (1940, 1964), 'student': (2002, 2007), 'migrant_korea': (1968, 1995),
                   'remit_family': (1945, 1975)}.get(arch, (1960, 2000))
            if arch == 'student':
                hreg = r.choice(list(FAR) + list(LOCAL) + ['220104', '220204'])
            else:
                hreg = reg
            holder = self.person_id(hreg, *yrs)
            p = dict(idx=i, holder=holder, region=reg, arch=arch, accts=[], wallet=None, kin=[],
                     extkin=[], kr=None, age_old=yrs[0] < 1966)
            if arch == 'student':
                if self.variant == 'baseline' and r.random() < .7:
                    op = r.randint(0, 11) * DAY + self.tod()
                elif r.random() < .08:
                    op = r.randint(0, 20) * DAY + self.tod()
                else:
                    op = -r.randint(120, 1200) * DAY
                cls = 'II' if r.random() < .35 else 'I'
                p['accts'].append(self.new_acct(r.choice(['YBRCB', 'JLBANK', 'ICBC']), holder, op, reg,
                                                cls, arch=arch))
                p['new'] = op >= 0
            else:
                p['accts'].append(self.new_acct(self.sup_bank(), holder, -r.randint(200, 8000) * DAY, reg,
                                                'I', arch=arch))
                n2 = 1 if r.random() < .6 else 0
                if arch in ('saver', 'trader', 'grower', 'remit_family'):
                    n2 += 1
                for _ in range(n2):
                    b = self.sup_bank() if r.random() < .5 else self.non_bank()
                    p['accts'].append(self.new_acct(b, holder, -r.randint(30, 6000) * DAY, reg,
                                                    r.choice(['I', 'I', 'II']), arch=arch))
            if r.random() < .7 and arch != 'pensioner' or r.random() < .2:
                p['wallet'] = self.new_acct(r.choice(WALLETS), holder, -r.randint(100, 3000) * DAY, reg,
                                            'III', arch='wallet')
            if arch == 'migrant_korea':
                p['kr'] = self.new_acct(r.choice(KR_BANKS), holder, -r.randint(200, 4000) * DAY, reg,
                                        'I', arch='korea_account')
            self.persons.append(p)
        # kinship: same region preferred
        byreg = {}
        for p in self.persons:
            byreg.setdefault(p['region'], []).append(p['idx'])
        for p in self.persons:
            pool = byreg[p['region']]
            for _ in range(r.randint(1, 3)):
                q = r.choice(pool) if r.random() < .8 else r.randrange(len(self.persons))
                if q != p['idx']:
                    p['kin'].append(q)
            for _ in range(r.randint(0, 2)):
                p['extkin'].append(r.choice(self.ext_local) if r.random() < .6 else r.choice(self.ext_far))
        self.by_arch = {}
        for p in self.persons:
            self.by_arch.setdefault(p['arch'], []).append(p)
        for p in self.by_arch.get('worker', []) + self.by_arch.get('resident', []):
            p['employer'] = r.choice(self.employers)
        # remittance senders for remit families: migrants' Korean accounts or remit firms
        migrants = self.by_arch.get('migrant_korea', [])
        self.kr_ext = [self.new_acct(r.choice(KR_BANKS), self.person_id(r.choice(list(LOCAL)), 1965, 1995),
                                     -2000 * DAY, '222401', 'I', arch='korea_account') for _ in range(300)]
        for p in self.by_arch.get('remit_family', []):
            src = []
            for _ in range(r.choice([1, 1, 2])):
                x = r.random()
                if x < .35 and migrants:
                    m = r.choice(migrants)
                    src.append(m['kr'])
                    m.setdefault('family', []).append(p['idx'])
                elif x < .7:
                    src.append(r.choice(self.remit_firms))
                else:
                    src.append(r.choice(self.kr_ext))
            p['kr_src'] = src

    # ------------------------------------------------------------------ fraud setup
    def build_fraud_accounts(self):
        r, V = self.r, self.V
        # ---- card farmers
        self.farmer_cards = []
        nf = r.randint(8, 15)
        for fi in range(nf):
            home = r.choice(FARM_HOME)
            holder = self.person_id(home, 1993, 2005)
            self.farmer_holders.append(holder)
            cities = r.sample(FARM_OPEN_CITIES, r.randint(2, 4))
            t0 = r.randint(-26, 10) * DAY
            ncard = r.randint(6, 16)
            span = r.randint(6, 20) * DAY
            times = sorted(min(SPAN - 2 * DAY, t0 + r.randrange(span)) for _ in range(ncard))
            banks = [b for b in ALL_BANKS]
            r.shuffle(banks)
            for ci, tt in enumerate(times):
                city = cities[min(len(cities) - 1, ci * len(cities) // ncard)]
                bank = banks[ci % len(banks)] if r.random() < .75 else self.sup_bank()
                a = self.new_acct(bank, holder, tt + self.tod(), city, 'I' if r.random() < .6 else 'II',
                                  role='farmer_card', arch='farmer_card', cf=1)
                self.farmer_cards.append(a)
            self.farmer_labelled[holder] = r.random() < 0.45
        # candidate lawful accounts to rent / sell / run 跑分
        cand = []
        for p in self.persons:
            if p['arch'] in ('worker', 'resident', 'rural', 'student', 'saver', 'shop') and \
                    not p.get('new'):
                cand.append(p)
        r.shuffle(cand)
        self.cand_iter = iter(cand)
        self.ext_cand = [a for a in self.ext_local + self.ext_far]
        r.shuffle(self.ext_cand)
        self.rings = []
        nr = r.randint(*V['rings'])
        mix_k, mix_w = list(V['mule_mix']), list(V['mule_mix'].values())
        used_farm = {}
        for ri in range(nr):
            slow = r.random() < V['p_slow']
            S = r.randint(0, 25) * DAY + r.randrange(DAY)
            dur = r.randint(3, 12) * DAY if not slow else r.randint(5, 14) * DAY
            E = min(SPAN - HOUR, S + dur)
            ring = dict(idx=ri, slow=slow, S=S, E=E, op=r.choice(OPERATOR_REG), levels=[], cash=[],
                        exits=[], typ=r.choices(TYPO_NAMES, TYPO_W)[0],
                        cash_share=r.choice([.2, .5, .7, .9]))
            nl = [r.randint(2, 5), r.randint(1, 3)]
            if r.random() < (.5 if not slow else .3):
                nl.append(r.randint(1, 2))
            for li, n in enumerate(nl):
                lev = []
                for _ in range(n):
                    kind = r.choices(mix_k, mix_w)[0]
                    if li > 0 and kind == 'paofen' and r.random() < .6:
                        kind = 'aged'
                    a = self.make_mule(kind, S, used_farm, ring)
                    self.acc[a]['level'] = 'L%d' % (li + 1)
                    lev.append(a)
                ring['levels'].append(lev)
            for _ in range(r.randint(1, 2)):
                kind = r.choices(['fresh', 'aged', 'sold', 'farmer', 'rented'], [3, 2, 2, 2, 1])[0]
                a = self.make_mule(kind, S, used_farm, ring)
                self.acc[a]['level'] = 'cash'
                self.acc[a]['cash_reg'] = r.choice(CASHOUT_REG)
                ring['cash'].append(a)
            for _ in range(r.randint(1, 2)):
                x = r.random()
                if x < .25:
                    bank = self.sup_bank()
                    rg = r.choice(['222401', '220104', '440304'])
                    a = self.new_acct(bank, self.person_id(rg, 1980, 2000), -r.randint(60, 900) * DAY, rg,
                                      'I', role='fraud_exit', arch='otc_seller')
                    self.acc[a]['own_ext'] = self.new_acct(self.non_bank(), self.acc[a]['holder'],
                                                           -900 * DAY, rg, arch='otc_seller_own')
                elif x < .6:
                    a = self.new_acct('USDT_OTC', 'OTC%08d' % r.randrange(10 ** 8), -500 * DAY,
                                      r.choice(OPERATOR_REG), 'corp', role='fraud_exit', arch='otc_exit')
                else:
                    b = r.choice(WALLETS + ['LAKALA'])
                    a = self.new_acct(b, self.corp_id(r.choice(OPERATOR_REG)), -r.randint(30, 400) * DAY,
                                      r.choice(OPERATOR_REG), 'corp', role='fraud_exit', arch='payment_exit')
                self.acc[a]['level'] = 'exit'
                ring['exits'].append(a)
            ring['tester'] = self.new_acct(self.non_bank(), self.person_id(ring['op'], 1985, 2002),
                                           -400 * DAY, ring['op'], arch='ring_tester', role='fraud_exit')
            self.rings.append(ring)
        # mules burnt before the window (labelled, no transfers)
        self.prewindow = []
        for _ in range(r.randint(3, 6)):
            rg = r.choice(list(LOCAL))
            a = self.new_acct(self.sup_bank(), self.person_id(rg, 1995, 2005), -r.randint(20, 90) * DAY, rg,
                              'I', role='mule', arch='burnt_before_window')
            self.prewindow.append(a)

    def make_mule(self, kind, S, used_farm, ring):
        r = self.r
        if kind == 'farmer':
            pool = [a for a in self.farmer_cards if a not in used_farm and self.acc[a]['opened'] < S - DAY]
            if pool:
                a = r.choice(pool)
                used_farm[a] = True
                self.acc[a]['role'] = 'mule'
                self.acc[a]['arch'] = 'farmer'
                return a
            kind = 'fresh'
        if kind in ('fresh', 'aged'):
            rg = r.choices([k for k, _ in HOME_W], [w for _, w in HOME_W])[0]
            if r.random() < .15:
                rg = r.choice(['230102', '231002', '150102', '210102'])
            holder = self.person_id(rg, 1996, 2006)
            bank = self.sup_bank() if r.random() < .72 else self.non_bank()
            if kind == 'fresh':
                op = S - r.randint(1, 7) * DAY - r.randrange(DAY // 2)
            else:
                op = S - r.randint(21, 150) * DAY
            return self.new_acct(bank, holder, op, rg, 'II' if r.random() < .25 else 'I', role='mule', arch=kind)
        # accounts of lawful people
        p = None
        if r.random() < .75:
            p = next(self.cand_iter, None)
        if p is None:
            a = self.ext_cand.pop()
        else:
            a = p['accts'][0] if r.random() < .6 or len(p['accts']) == 1 else p['accts'][1]
            if self.acc[a]['opened'] > S - 10 * DAY:
                a = p['accts'][0]
        ac = self.acc[a]
        ac['orig_arch'] = ac['arch']
        if kind == 'paofen':
            ac['role'] = 'paofen'
            ac['arch'] = 'paofen_' + ac['arch']
            return a
        ac['role'] = 'mule'
        ac['arch'] = kind
        if kind == 'rented':
            self.block[a] = [(S - DAY, SPAN + DAY)]
        elif kind == 'rented_returned':
            back = ring['E'] + r.randint(1, 4) * DAY
            self.block[a] = [(S - DAY, back)]
            ac['returned_at'] = back
        elif kind == 'sold':
            self.block[a] = [(S - r.randint(2, 40) * DAY, SPAN + DAY)]
        return a

    # ------------------------------------------------------------------ lawful life
    def merchant_near(self, reg):
        r = self.r
        lst = self.merchants.get(reg)
        if not lst or r.random() < .2:
            lst = self.merchants['222401']
        return r.choice(lst)

    def spend(self, p, a, n, day_lo=0, day_hi=NDAYS, scale=1.0):
        r = self.r
        for _ in range(n):
            d = self.rand_day() if (day_lo == 0 and day_hi == NDAYS) else r.randrange(day_lo, day_hi)
            ts = self.rand_ts(d)
            m = self.merchant_near(p['region'])
            amt = self.logn(70 * scale, 0.9, 3, 8000)
            self.t(ts, a, m, self.fen(amt), r.choice(['pos', 'pos', 'mobile']), self.acc[m]['region'])

    def life_common(self, p):
        """Ordinary life for a local person: income, spending, bills, family, cash, own moves."""
        r, V = self.r, self.V
        a0 = p['accts'][0]
        arch = p['arch']
        reg = p['region']
        lam_pos = {'worker': 7, 'pensioner': 3.5, 'resident': 5.5, 'rural': 2.5, 'saver': 6,
                   'shop': 4, 'grower': 3, 'trader': 5, 'landlord': 6, 'remit_family': 5,
                   'student': 0, 'migrant_korea': 0}[arch]
        # income
        if arch in ('worker', 'resident') and p.get('employer'):
            emp = p['employer']
            pd = self.acc[emp]['payday']
            base = self.logn(4200, 0.3, 2200, 15000)
            for d in range(NDAYS):
                if self.date_of(d * DAY).day == pd and (arch == 'worker' or r.random() < .5):
                    self.t(d * DAY + 9 * HOUR + r.randrange(3 * HOUR), emp, a0, self.fen(base, 0.01), 'other',
                           self.acc[emp]['region'], memo='工资')
            if self.variant == 'V3' and r.random() < .5:
                d = r.randint(5, 13)
                self.t(d * DAY + 10 * HOUR + r.randrange(6 * HOUR), emp, a0, self.fen(base * r.uniform(1, 3), 100),
                       'other', self.acc[emp]['region'], memo='年终奖')
        if arch == 'pensioner' or (arch == 'remit_family' and p['age_old']) or (arch == 'rural' and r.random() < .3):
            src = self.pension[0] if reg in LOCAL else (self.pension[1] if reg in JILIN else self.pension[2])
            for d in range(NDAYS):
                if self.date_of(d * DAY).day == 15:
                    self.t(d * DAY + 6 * HOUR + r.randrange(2 * HOUR), src, a0,
                           self.fen(self.logn(3000, .25, 1500, 7000), 0.01), 'other', reg, memo='养老金')
        # spending
        self.spend(p, a0, self.pois(lam_pos))
        if len(p['accts']) > 1:
            self.spend(p, p['accts'][1], self.pois(lam_pos * .3))
        onl = {'pensioner': .5, 'rural': 1, 'student': 0}.get(arch, 2.3)
        if self.variant == 'V2':
            onl *= 1.3
        for _ in range(self.pois(onl)):
            d = self.rand_day()
            if self.variant == 'V2' and r.random() < .35:
                d = r.choice([6, 7, 7, 7])    # 双十一
            src = a0 if not p['wallet'] or r.random() < .5 else p['wallet']
            self.t(self.rand_ts(d), src, r.choice(self.online), self.fen(self.logn(110, 1.0, 5, 9000)),
                   'online', reg)
        # bills
        ut = self.utilities.get(reg) or self.utilities['222401']
        self.t(self.rand_ts(), a0, ut[0], self.fen(self.logn(120, .5, 20, 600)), 'mobile', reg, memo='电费')
        self.t(self.rand_ts(), a0, ut[1], self.fen(r.choice([50, 100, 100, 200])), 'mobile', reg, memo='话费')
        heat_p = {'baseline': .18, 'V2': .45, 'V3': .03}[self.variant]
        if r.random() < heat_p:
            self.t(self.rand_ts(), a0, ut[2], self.fen(self.logn(2400, .3, 900, 6000), 0.01),
                   r.choice(['counter', 'mobile', 'online']), reg, memo='供暖费')
        # family
        for _ in range(self.pois(1.3)):
            tgt = self.kin_acct(p)
            if tgt:
                amt = r.choice([100, 200, 300, 500, 500, 1000, 1000, 2000, 3000, 5000])
                self.t(self.rand_ts(), a0, tgt, self.fen(amt), 'mobile', reg, memo=r.choice(['', '', '生活费', '还钱']))
        if self.variant == 'V3':
            for _ in range(self.pois(2.2 if arch != 'student' else 1)):
                tgt = self.kin_acct(p)
                if tgt:
                    d = r.randint(11, 20)
                    amt = r.choice([88, 168, 188, 200, 200, 520, 666, 888, 1000, 1000, 2000])
                    src = a0 if not p['wallet'] or r.random() < .6 else p['wallet']
                    self.t(self.rand_ts(d), src, tgt, self.fen(amt), 'mobile', reg, memo=r.choice(['红包', '压岁钱', '过年好', '']))
        if self.variant == 'baseline':
            for _ in range(self.pois(.8)):
                tgt = self.kin_acct(p)
                if tgt:
                    d = r.randint(11, 15)
                    self.t(self.rand_ts(d), a0, tgt, self.fen(r.choice([300, 500, 500, 1000, 2000])), 'mobile', reg,
                           memo=r.choice(['中秋', '추석', '过节', '']))
        # cash
        lam_atm = {'pensioner': 1.3, 'rural': 1.1, 'grower': 1.5, 'trader': 1.5}.get(arch, .7)
        if self.variant == 'V3':
            lam_atm *= 1.5
        for _ in range(self.pois(lam_atm)):
            ch = 'counter' if p['age_old'] and r.random() < .5 else 'atm'
            self.t(self.rand_ts(), a0, None, self.fen(r.choice([200, 500, 1000, 1000, 2000, 3000, 5000]) *
                                                     (2 if self.variant == 'V3' else 1)), ch, reg, kind='withdrawal')
        for _ in range(self.pois({'shop': 2, 'trader': 1, 'grower': 1}.get(arch, .15))):
            self.t(self.rand_ts(), None, a0, self.fen(r.choice([500, 1000, 2000, 3000, 5000, 8000])), 'counter', reg,
                   kind='deposit')
        # moves between own accounts
        own = p['accts'] + ([p['wallet']] if p['wallet'] else [])
        if len(own) > 1:
            for _ in range(self.pois(4 if arch == 'saver' else .9)):
                x, y = r.sample(own, 2)
                if y == p['wallet']:
                    amt = self.logn(500, .8, 50, 5000)
                    rt = 1
                else:
                    amt = self.logn(8000, 1.0, 500, 200000)
                    rt = 100
                ts = self.rand_ts()
                if self.t(ts, x, y, self.fen(amt, rt), r.choice(['mobile', 'online']), reg, memo=r.choice(['', '', '转存'])):
                    if arch == 'saver' and r.random() < .3 and len(own) > 2:
                        z = [o for o in own if o not in (x, y)][0]
                        self.t(ts + r.randint(60, 1800), y, z, self.fen(amt, rt), 'mobile', reg)

    def kin_acct(self, p):
        r = self.r
        if p['kin'] and (not p['extkin'] or r.random() < .6):
            q = self.persons[r.choice(p['kin'])]
            return q['accts'][0]
        if p['extkin']:
            return r.choice(p['extkin'])
        return None

    def any_local_payer(self, reg=None):
        r = self.r
        if r.random() < .55:
            p = r.choice(self.persons)
            if p['wallet'] and r.random() < .4:
                return p['wallet']
            return p['accts'][0]
        return r.choice(self.ext_local)

    def gen_lawful(self):
        r, V = self.r, self.V
        for p in self.persons:
            arch = p['arch']
            if arch not in ('student', 'migrant_korea'):
                self.life_common(p)
            getattr(self, 'life_' + arch, lambda p: None)(p)
        self.gen_corporate()
        self.gen_banquets()
        self.gen_purchases()
        self.gen_tourists()
        self.gen_class_fees()

    def life_remit_family(self, p):
        r = self.r
        a0 = p['accts'][0]
        n = {'baseline': 1.3, 'V2': 1.0, 'V3': 2.4}[self.variant]
        for src in p.get('kr_src', []):
            for _ in range(max(1, self.pois(n))):
                d = self.rand_day()
                if self.variant == 'V3' and r.random() < .6:
                    d = r.randint(3, 15)
                if self.variant == 'baseline' and r.random() < .35:
                    d = r.randint(8, 14)
                amt = self.logn(9000 if self.variant != 'V3' else 16000, .55, 2000, 90000)
                ts = d * DAY + self.tod()
                tgt = a0 if r.random() < .8 or len(p['accts']) == 1 else p['accts'][1]
                if not self.t(ts, src, tgt, self.fen(amt, 0.01), r.choice(['other', 'online']),
                              p['region'], memo=r.choice(['汇款', '생활비', '生活费', '']), xb=True):
                    continue
                x = r.random()
                t2 = ts + r.randint(600, 3 * DAY)
                if x < .4 and len(p['accts']) > 1:
                    o = p['accts'][1] if tgt == a0 else a0
                    self.t(t2, tgt, o, self.fen(amt * r.uniform(.5, .95), 100), 'mobile', p['region'], memo='转存')
                elif x < .75:
                    for _ in range(r.randint(1, 3)):
                        k = self.kin_acct(p)
                        if k:
                            self.t(t2 + r.randint(0, 7200), tgt, k, self.fen(amt * r.uniform(.1, .35), 100), 'mobile',
                                   p['region'], memo=r.choice(['', '生活费', '给你的']))
                elif x < .9:
                    self.t(t2, tgt, None, self.fen(min(20000, amt * r.uniform(.2, .6)), 100), 'atm', p['region'],
                           kind='withdrawal')
                else:
                    m = self.merchant_near(p['region'])
                    self.t(t2, tgt, m, self.fen(amt * r.uniform(.3, .8), 1), 'pos', p['region'], memo='医药费')

    def life_migrant_korea(self, p):
        r = self.r
        a0 = p['accts'][0]
        if r.random() < .4:
            self.t(self.rand_ts(), p['kr'], a0, self.fen(self.logn(15000, .5, 3000, 80000), 0.01), 'online',
                   p['region'], memo='', xb=True)
        if r.random() < .5:
            self.t(self.rand_ts(), a0, r.choice(self.employers), self.fen(self.logn(900, .4, 200, 4000), 0.01), 'online',
                   p['region'], memo='保险')
        home_p = {'baseline': .12, 'V2': .03, 'V3': .45}[self.variant]
        if r.random() < home_p:
            d0 = r.randint(4, 13) if self.variant != 'baseline' else r.randint(9, 13)
            d1 = min(NDAYS, d0 + r.randint(7, 18))
            self.t(d0 * DAY - r.randint(1, 3) * DAY + self.tod(), p['kr'], a0,
                   self.fen(self.logn(25000, .5, 5000, 120000), 0.01), 'online', p['region'], memo='回国', xb=True)
            self.spend(p, a0, r.randint(6, 18), d0, d1, scale=1.6)
            for _ in range(r.randint(1, 4)):
                self.t(self.rand_ts(r.randrange(d0, d1)), a0, None, self.fen(r.choice([2000, 3000, 5000, 10000])),
                       'atm', p['region'], kind='withdrawal')
            for _ in range(r.randint(2, 6)):
                k = self.kin_acct(p)
                if k:
                    self.t(self.rand_ts(r.randrange(d0, d1)), a0, k,
                           self.fen(r.choice([500, 1000, 2000, 5000, 10000])), 'mobile', p['region'],
                           memo=r.choice(['红包', '孝敬', '']))

    def life_shop(self, p):
        r = self.r
        qr = p['wallet'] or p['accts'][0]
        a0 = p['accts'][0]
        n = self.pois({'baseline': 75, 'V2': 60, 'V3': 82}[self.variant])
        for _ in range(n):
            d = self.rand_day()
            self.t(self.rand_ts(d), self.any_local_payer(), qr, self.fen(self.logn(45, .8, 3, 800)), 'mobile',
                   p['region'], memo='')
        for _ in range(r.randint(2, 6)):
            self.t(self.rand_ts(), a0, r.choice(self.wholesalers), self.fen(self.logn(6000, .6, 800, 40000), 1),
                   r.choice(['mobile', 'online']), p['region'], memo='货款')
        if qr != a0:
            for d in range(r.randint(2, 6), NDAYS, r.randint(3, 8)):
                self.t(d * DAY + 21 * HOUR + r.randrange(2 * HOUR), qr, a0,
                       self.fen(self.logn(3000, .5, 300, 20000), 0.01), 'mobile', p['region'], memo='提现')

    def life_grower(self, p):
        r = self.r
        a0 = p['accts'][0]
        n = self.pois({'baseline': 11, 'V2': 4, 'V3': 3}[self.variant])
        memo = r.choice(['人参', '松子', '人参款', '松子款'])
        total = 0
        for _ in range(n):
            b = r.choice(self.gin_buyers)
            amt = self.logn(25000, .8, 2000, 200000)
            d = self.rand_day()
            ts = self.rand_ts(d, CUM_LAW)
            if r.random() < .35:
                self.t(ts, b, a0, self.fen(amt * .3, 100), r.choice(['online', 'mobile']), p['region'], memo='定金')
                self.t(ts + r.randint(1, 6) * DAY, b, a0, self.fen(amt * .7, 1), 'online', p['region'], memo=memo)
            else:
                self.t(ts, b, a0, self.fen(amt, 1), r.choice(['online', 'mobile', 'counter']), p['region'], memo=memo)
            total += amt
        nw = self.pois({'baseline': 14, 'V2': 3, 'V3': 1}[self.variant])
        for _ in range(nw):
            w = self.any_local_payer()
            self.t(self.rand_ts(), a0, w, self.fen(r.choice([150, 200, 250, 300, 400, 600, 1200])), 'mobile',
                   p['region'], memo='工钱')
        if total > 20000 and len(p['accts']) > 1:
            self.t(self.rand_ts(r.randint(20, 29)), a0, p['accts'][1], self.fen(total * r.uniform(.3, .6), 1000),
                   'mobile', p['region'], memo='存款')
        for _ in range(r.randint(0, 2)):
            self.t(self.rand_ts(), a0, r.choice(self.wholesalers), self.fen(self.logn(4000, .6, 500, 30000), 1),
                   'online', p['region'], memo='农资')

    def life_trader(self, p):
        r = self.r
        a0 = p['accts'][0]
        a1 = p['accts'][1] if len(p['accts']) > 1 else a0
        for _ in range(self.pois(18)):
            ts = self.rand_ts()
            amt = self.logn(40000, .8, 3000, 400000)
            if self.t(ts, r.choice(self.trade_buyers), a0, self.fen(amt, 1), 'online', p['region'],
                      memo=r.choice(['货款', '海鲜', '帝王蟹', '俄货', ''])):
                if r.random() < .55:
                    t2 = ts + r.randint(5 * MIN, 6 * HOUR)
                    self.t(t2, a0, r.choice(self.ru_suppliers), self.fen(amt * r.uniform(.6, .95), 1), 'online',
                           p['region'], memo='进口货款', xb=True)
                elif r.random() < .5:
                    self.t(ts + r.randint(10 * MIN, 2 * DAY), a0, a1, self.fen(amt * r.uniform(.4, .9), 100), 'mobile',
                           p['region'])
        for _ in range(r.randint(2, 6)):
            self.t(self.rand_ts(), a0, r.choice(self.logistics), self.fen(self.logn(5000, .6, 500, 40000), 1),
                   'online', p['region'], memo='运费')

    def life_landlord(self, p):
        r = self.r
        a0 = p['accts'][0]
        days = [d for d in range(NDAYS) if self.date_of(d * DAY).day <= 5] or [0]
        for _ in range(r.randint(2, 8)):
            tenant = self.any_local_payer()
            rent = r.choice([800, 1000, 1200, 1500, 1800, 2000, 2500])
            self.t(self.rand_ts(r.choice(days)), tenant, a0, self.fen(rent), 'mobile', p['region'], memo='房租')
        self.t(self.rand_ts(), a0, r.choice(self.utilities[p['region']] if p['region'] in self.utilities else
                                            self.utilities['222401']), self.fen(self.logn(600, .5, 100, 3000), 0.01),
               'online', p['region'], memo='物业费')

    def life_student(self, p):
        r = self.r
        a0 = p['accts'][0]
        op = max(0, self.acc[a0]['opened'])
        d0 = op // DAY
        pr = self.acc[a0]['holder'][:6]
        parent = self.new_acct(self.non_bank() if r.random() < .7 else self.sup_bank(),
                               self.person_id(pr if pr in REGIONS else '222401', 1965, 1982),
                               -2000 * DAY, pr if pr in REGIONS else '222401', arch='parent')
        if self.acc[parent]['has_row']:
            self.acc[parent]['arch'] = 'student_parent'
        p['parent'] = parent
        first = op + r.randint(HOUR, 2 * DAY)
        self.t(first, parent, a0, self.fen(r.choice([1000, 1500, 2000, 2000, 3000, 5000])), 'mobile',
               self.acc[parent]['region'], memo=r.choice(['生活费', '', '']))
        if r.random() < .5:
            self.t(first + r.randint(8, 20) * DAY, parent, a0, self.fen(r.choice([500, 1000, 1500, 2000])), 'mobile',
                   self.acc[parent]['region'], memo='生活费')
        on_campus = self.variant != 'V3'
        lam = 14 if on_campus else 3
        start = max(d0, first // DAY)
        if start >= NDAYS:
            return
        for _ in range(self.pois(lam * (NDAYS - start) / NDAYS)):
            ts = first + r.randint(HOUR, max(HOUR + 1, SPAN - first - 1))
            self.t(ts, a0, self.canteen if on_campus else self.merchant_near('222401'),
                   self.fen(self.logn(15, .5, 3, 80)), 'pos', '222401')
        for _ in range(self.pois(3)):
            ts = first + r.randint(HOUR, max(HOUR + 1, SPAN - first - 1))
            self.t(ts, a0, r.choice(self.online), self.fen(self.logn(80, .8, 5, 2000)), 'online', '222401')
        mates = self.by_arch['student']
        for _ in range(self.pois(2)):
            q = r.choice(mates)
            ts = first + r.randint(HOUR, max(HOUR + 1, SPAN - first - 1))
            self.t(ts, a0, q['accts'][0], self.fen(r.choice([10, 20, 35, 50, 68, 100, 150, 200])), 'mobile', '222401',
                   memo=r.choice(['AA', '饭钱', '']))

    def gen_class_fees(self):
        """Class monitors collect fees from 20-40 classmates within hours, then pay one supplier."""
        r = self.r
        st = [p for p in self.by_arch.get('student', [])]
        if len(st) < 40:
            return
        nclass = len(st) // 30
        for _ in range(nclass):
            mon = r.choice(st)
            a = mon['accts'][0]
            d = r.randint(8, 27) if self.variant != 'V3' else r.randint(1, 8)
            ts0 = d * DAY + 12 * HOUR
            fee = r.choice([50, 80, 100, 120, 150, 200, 300])
            n = 0
            for q in r.sample(st, r.randint(20, 40)):
                if q is mon:
                    continue
                if self.t(ts0 + r.randint(0, 8 * HOUR), q['accts'][0], a, self.fen(fee), 'mobile', '222401',
                          memo=r.choice(['班费', '教材费', '班费', '']), tk='ordinary'):
                    n += 1
            if n:
                self.t(ts0 + r.randint(9 * HOUR, 3 * DAY), a, self.univ_shop, self.fen(fee * n), 'mobile', '222401',
                       memo='教材费')

    def gen_corporate(self):
        r = self.r
        workers = self.by_arch.get('worker', []) + self.by_arch.get('resident', [])
        for m in self.merch_all + self.halls:
            if not self.acc[m]['has_row']:
                continue
            reg = self.acc[m]['region']
            pd = r.randint(1, 28)
            for d in range(NDAYS):
                if self.date_of(d * DAY).day == pd:
                    for _ in range(r.randint(1, 6)):
                        w = r.choice(workers)['accts'][0]
                        self.t(d * DAY + 10 * HOUR + r.randrange(5 * HOUR), m, w,
                               self.fen(self.logn(3500, .25, 2000, 9000), 0.01), 'online', reg, memo='工资')
            for _ in range(self.pois(5)):
                self.t(self.rand_ts(), m, r.choice(self.wholesalers), self.fen(self.logn(9000, .8, 500, 120000), 0.01),
                       'online', reg, memo='货款')
            if r.random() < .7:
                self.t(self.rand_ts(r.randint(10, 18)), m, self.tax, self.fen(self.logn(3000, .9, 100, 60000), 0.01),
                       'online', reg, memo='税款')
        for e in self.employers:
            if self.acc[e]['has_row']:
                for _ in range(self.pois(4)):
                    self.t(self.rand_ts(), r.choice(self.wholesalers + self.far_merch), e,
                           self.fen(self.logn(30000, 1, 1000, 800000), 0.01), 'online', self.acc[e]['region'], memo='货款')
                for _ in range(self.pois(4)):
                    self.t(self.rand_ts(), e, r.choice(self.wholesalers + self.logistics),
                           self.fen(self.logn(20000, 1, 1000, 500000), 0.01), 'online', self.acc[e]['region'])
        # local wholesalers at supplying banks receive from shops, pay far suppliers
        for w in self.wholesalers:
            if self.acc[w]['has_row']:
                for _ in range(self.pois(6)):
                    self.t(self.rand_ts(), w, r.choice(self.far_merch), self.fen(self.logn(40000, .8, 2000, 400000), 0.01),
                           'online', self.acc[w]['region'], memo='采购')

    def gen_tourists(self):
        r = self.r
        n = self.V['tourists']
        for _ in range(n):
            t = r.choice(self.ext_far)
            m = r.choice(self.tour_merch) if r.random() < .7 else r.choice(self.merchants['222401'])
            self.t(self.rand_ts(), t, m, self.fen(self.logn(260, .9, 20, 6000)), r.choice(['pos', 'mobile', 'pos']),
                   self.acc[m]['region'], memo=r.choice(['', '', '房费', '门票', '餐费']))

    def gen_banquets(self):
        r = self.r
        n = self.V['banquets']
        hosts = r.sample(self.persons, n)
        for p in hosts:
            if p['arch'] == 'student':
                continue
            a = p['accts'][0]
            kind = r.choice(['wedding', 'wedding', 'hwangap', 'dol']) if self.variant != 'V3' else \
                r.choice(['wedding', 'wedding', 'wedding', 'hwangap'])
            memo = {'wedding': ['礼金', '新婚快乐', '随礼', ''], 'hwangap': ['花甲快乐', '寿礼', '礼金', ''],
                    'dol': ['周岁', '礼金', '']}[kind]
            d = r.randint(2, NDAYS - 3)
            tot = 0
            for _ in range(r.randint(30, 150)):
                g = self.any_local_payer() if r.random() < .8 else r.choice(self.ext_far)
                amt = r.choice([200, 200, 300, 500, 500, 500, 1000, 1000, 2000])
                ts = (d + r.choice([-1, 0, 0, 0, 0, 1])) * DAY + r.randint(7 * HOUR, 21 * HOUR)
                if self.t(ts, g, a, self.fen(amt), 'mobile', p['region'], memo=r.choice(memo)):
                    tot += amt
            hall = r.choice(self.halls)
            self.t((d + 1) * DAY + r.randint(9 * HOUR, 17 * HOUR), a, hall,
                   self.fen(self.logn(35000, .4, 12000, 120000), 100), r.choice(['mobile', 'counter']), p['region'],
                   memo='宴席费')
            if len(p['accts']) > 1 and tot > 10000:
                self.t((d + r.randint(2, 3)) * DAY + r.randint(9 * HOUR, 17 * HOUR), a, p['accts'][1],
                       self.fen(tot * r.uniform(.3, .7), 1000), 'mobile', p['region'], memo='转存')

    def gen_purchases(self):
        r = self.r
        n = self.V['buyers']
        buyers = r.sample([p for p in self.persons if p['arch'] not in ('student',)], n)
        for p in buyers:
            a = p['accts'][0]
            flat = r.random() < .4
            seller = r.choice(self.developers if flat else self.dealers)
            sop = max(0, self.acc[seller]['opened'])
            d = r.randint(max(3, sop // DAY + 1), NDAYS - 2)
            price = self.logn(400000 if flat else 120000, .4, 40000, 1500000)
            first = price * (r.uniform(.2, .35) if flat else r.uniform(.25, 1.0))
            for _ in range(r.randint(0, 4)):
                k = self.kin_acct(p)
                if k:
                    self.t((d - r.randint(1, 3)) * DAY + self.tod(), k, a, self.fen(self.logn(30000, .6, 5000, 200000), 1000),
                           r.choice(['mobile', 'counter']), p['region'], memo=r.choice(['买房', '买车', '', '借你']))
            if len(p['accts']) > 1:
                self.t((d - 1) * DAY + self.tod(), p['accts'][1], a, self.fen(first * r.uniform(.3, .8), 1000),
                       'mobile', p['region'])
            dep = r.choice([5000, 10000, 20000, 50000])
            ts = d * DAY + r.randint(9 * HOUR, 16 * HOUR)
            self.t(ts - r.randint(0, 2) * DAY, a, seller, self.fen(dep), r.choice(['pos', 'mobile']),
                   self.acc[seller]['region'], memo='定金')
            self.t(ts, a, seller, self.fen(first, 100), r.choice(['counter', 'pos', 'online']),
                   self.acc[seller]['region'], memo='首付' if flat else '购车款')
        for s in self.dealers + self.developers:
            if self.acc[s]['has_row']:
                for _ in range(self.pois(3)):
                    ts = max(self.acc[s]['opened'] + DAY, 0) + r.randint(DAY, 10 * DAY)
                    self.t(ts, s, r.choice(self.far_merch), self.fen(self.logn(300000, .6, 20000, 3000000), 0.01),
                           'online', self.acc[s]['region'], memo='车款' if s in self.dealers else '工程款')

    # ------------------------------------------------------------------ fraud flows
    def gen_fraud(self):
        r, V = self.r, self.V
        self.victims = []
        self.vic_reporting = {}
        locals_pool = [p for p in self.persons
                       if p['arch'] in ('pensioner', 'remit_family') and p['age_old']]
        r.shuffle(locals_pool)
        vi = 0
        for ring in self.rings:
            typ = ring['typ']
            tw, lo, hi, esc, spc, memos = TYPOLOGY[typ]
            pays = []
            nv = r.randint(*V['vic'])
            for _ in range(nv):
                loc = r.random() < (.14 if self.variant != 'V3' else .2) and vi < len(locals_pool)
                if loc:
                    p = locals_pool[vi]
                    vi += 1
                    va = p['accts'][0]
                    self.acc[va]['arch'] = self.acc[va]['arch'] + '+victim'
                    vreg = p['region']
                    vtyp = r.choice(['accident_kidnap', 'police_gov', 'investment', typ])
                else:
                    vreg = r.choices([k for k, _ in FAR_W], [w for _, w in FAR_W])[0]
                    if r.random() < .25:
                        va = self.new_acct(r.choice(['ICBC', 'ABC', 'PSBC']), self.person_id(vreg, 1950, 2004),
                                           -r.randint(300, 5000) * DAY, vreg, 'I', arch='victim_far')
                        self.victim_life(va, vreg)
                    else:
                        va = self.new_acct(self.non_bank(), self.person_id(vreg, 1950, 2004),
                                           -r.randint(300, 5000) * DAY, vreg, 'I', arch='victim_ext')
                    vtyp = typ
                _, lo, hi, esc, spc, memos = TYPOLOGY[vtyp]
                rep = r.random() < .62
                self.vic_reporting[va] = rep
                k = r.randint(*V['pay'])
                t = r.randint(ring['S'], max(ring['S'] + 1, ring['E'] - 6 * HOUR))
                t = (t // DAY) * DAY + self.tod(CUM_VIC)
                amt = self.logn(math.sqrt(lo * hi) / (esc ** (k / 2)), .5, lo * .3, hi)
                for j in range(k):
                    if t >= ring['E'] + DAY or t >= SPAN:
                        break
                    pays.append((t, va, self.fen(amt, 100 if r.random() < .6 else 0.01), vreg, r.choice(memos), rep))
                    amt = min(hi * 1.5, amt * esc * r.uniform(.8, 1.2))
                    t += int(r.uniform(*spc) * HOUR)
                    if t % DAY < 6 * HOUR:
                        t += 7 * HOUR
            self.run_ring(ring, pays)

    def victim_life(self, va, reg):
        r = self.r
        self.t(self.rand_ts(), r.choice(self.far_employers), va, self.fen(self.logn(6000, .4, 2000, 30000), 0.01),
               'other', reg, memo='工资')
        for _ in range(self.pois(6)):
            self.t(self.rand_ts(), va, r.choice(self.far_merch + self.online), self.fen(self.logn(90, 1, 5, 5000)),
                   r.choice(['pos', 'online', 'mobile']), reg)
        for _ in range(self.pois(1)):
            self.t(self.rand_ts(), va, None, self.fen(r.choice([500, 1000, 2000])), 'atm', reg, kind='withdrawal')

    def farmer_activation(self):
        """Unused cards of card farmers: a small cash deposit at opening, some a 1-yuan test, then silence."""
        r = self.r
        for a in self.farmer_cards:
            ac = self.acc[a]
            if ac['role'] != 'farmer_card':
                continue
            x = r.random()
            if x < .35:
                self.t(ac['opened'] + r.randint(60, 900), None, a, self.fen(r.choice([10, 20, 50, 100])), 'counter',
                       ac['region'], kind='deposit', tk='farmer_activation')
            elif x < .5:
                ts = ac['opened'] + r.randint(HOUR, 3 * DAY)
                t2 = r.choice(self.ext_far)
                if self.t(ts, t2, a, 100, 'mobile', ac['region'], tk='farmer_activation'):
                    self.t(ts + r.randint(60, 600), a, t2, 100, 'mobile', ac['region'], tk='farmer_activation')

    def run_ring(self, ring, pays):
        r = self.r
        slow = ring['slow']
        opreg = ring['op']
        st = {}
        allm = [a for lev in ring['levels'] for a in lev] + ring['cash'] + ring['exits']
        for a in allm:
            ac = self.acc[a]
            comm = r.uniform(.01, .03) if ac['role'] == 'paofen' else 0.0
            st[a] = dict(bal=0, pending=False, comm=comm, day_out={})
        # setup: tests for fresh/farmer cards, cover activity for aged cards
        for lev in ring['levels'] + [ring['cash']]:
            for a in lev:
                ac = self.acc[a]
                if ac.get('setup_done'):
                    continue
                ac['setup_done'] = True
                if ac['arch'] in ('fresh', 'farmer') and r.random() < .6:
                    ts = max(ac['opened'], ring['S'] - 2 * DAY) + r.randint(HOUR, 20 * HOUR)
                    if ts < ring['S']:
                        amt = r.choice([1, 10, 100, 1])
                        if self.t(ts, ring['tester'], a, amt, 'mobile', opreg, tk='mule_test'):
                            self.t(ts + r.randint(60, 900), a, ring['tester'], amt, 'mobile', opreg, tk='mule_test')
                elif ac['arch'] == 'aged':
                    for _ in range(r.randint(0, 3)):
                        ts = r.randint(max(0, ac['opened']), max(1, ring['S'] - HOUR))
                        if ts < ring['S']:
                            if self.t(ts, None, a, self.fen(r.choice([50, 100, 200])), 'counter', ac['region'],
                                      kind='deposit', tk='mule_cover'):
                                m = self.merchant_near(ac['region'] if ac['region'] in LOCAL else '222401')
                                self.t(ts + r.randint(HOUR, 3 * DAY), a, m, self.fen(self.logn(30, .6, 2, 150)), 'pos',
                                       ac['region'], tk='mule_cover')
        heap = []
        seq = [0]

        def push(t, typ, a, amt=0):
            seq[0] += 1
            heapq.heappush(heap, (t, seq[0], typ, a, amt))

        L1 = ring['levels'][0]
        for (t, va, f, vreg, memo, rep) in pays:
            tg = [a for a in L1 if self.acc[a]['opened'] <= t]
            if not tg:
                continue
            # scammers hand out a few accounts at a time: prefer the ones in use for this time slot
            slot = int((t - ring['S']) / max(1, ring['E'] - ring['S']) * len(tg))
            a = tg[min(len(tg) - 1, max(0, slot + r.choice([-1, 0, 0, 1])))]
            ch = r.choice(['mobile', 'mobile', 'online', 'counter']) if ring['typ'] != 'police_gov' else \
                r.choice(['counter', 'mobile', 'atm'])
            if self.t(t, va, a, f, ch, vreg, memo=memo, tk='victim_payment'):
                if rep:
                    self.labels_tx_keys.append(len(self.tx) - 1)
                push(t + r.randint(5, 60), 'recv', a, f)

        def targets(a, t):
            lv = self.acc[a].get('level')
            nxt = None
            if lv and lv.startswith('L'):
                i = int(lv[1:])
                if i < len(ring['levels']) and r.random() > .08:
                    nxt = ring['levels'][i]
            if nxt is None:
                nxt = ring['cash'] if r.random() < ring['cash_share'] else ring['exits']
            c = [x for x in nxt if self.acc[x]['opened'] <= t]
            return c or ring['exits']

        def send(t, a, amount):
            if amount < 100:
                return
            tl = targets(a, t)
            k = r.choice([1, 1, 2, 3]) if not slow else r.choice([1, 2, 2, 3, 4])
            k = max(1, min(k, amount // 50000 + 1))
            cuts = sorted(r.random() for _ in range(k - 1))
            parts, prev = [], 0
            for c in cuts + [1.0]:
                parts.append(int(amount * (c - prev)))
                prev = c
            parts[-1] += amount - sum(parts)
            tt = t
            for f in parts:
                if f < 100:
                    continue
                b = r.choice(tl)
                kind = 'exit' if self.acc[b]['level'] == 'exit' else 'layering'
                if self.acc[b]['level'] == 'cash':
                    kind = 'layering'
                memo = r.choice(['', '', '', '货款', '还款']) if self.acc[a]['role'] == 'paofen' else \
                    r.choice(['', '', '', '', '往来款'])
                if self.t(tt, a, b, f, r.choice(['mobile', 'online', 'mobile']), opreg, memo=memo, tk=kind):
                    st[a]['bal'] -= f
                    push(tt + r.randint(3, 90), 'recv', b, f)
                tt += r.randint(20, 400) if not slow else r.randint(5 * MIN, 4 * HOUR)

        while heap:
            t, _, typ, a, amt = heapq.heappop(heap)
            if t >= SPAN:
                continue
            s = st[a]
            ac = self.acc[a]
            lv = ac['level']
            if typ == 'recv':
                s['bal'] += amt
                if lv == 'exit':
                    if ac['has_row'] and ac.get('own_ext') and not s['pending']:
                        s['pending'] = True
                        push(t + r.randint(2 * HOUR, 20 * HOUR), 'exitout', a)
                elif lv == 'cash':
                    if not s['pending']:
                        s['pending'] = True
                        d = r.randint(5 * MIN, 70 * MIN) if not slow else r.randint(2 * HOUR, 40 * HOUR)
                        push(t + d, 'cash', a)
                elif not slow:
                    d = r.randint(40, 25 * MIN) if r.random() < .85 else r.randint(25 * MIN, 3 * HOUR)
                    push(t + d, 'fwd', a, amt)
                elif not s['pending']:
                    s['pending'] = True
                    d = int(r.choice([r.uniform(1, 6), r.uniform(4, 24), r.uniform(18, 72)]) * HOUR)
                    push(t + d, 'sweep', a)
            elif typ == 'fwd':
                f = min(s['bal'], int(amt * (1 - s['comm'])))
                if r.random() < .1 and s['comm'] == 0:
                    f -= r.randint(0, 5000)
                send(t, a, max(0, f))
            elif typ == 'sweep':
                s['pending'] = False
                keep = int(s['bal'] * s['comm'])
                send(t, a, s['bal'] - keep)
            elif typ == 'exitout':
                s['pending'] = False
                if s['bal'] >= 100:
                    f = s['bal']
                    if self.t(t, a, ac['own_ext'], f, 'online', ac['region'], tk='exit_out'):
                        s['bal'] -= f
            elif typ == 'cash':
                s['pending'] = False
                creg = ac['cash_reg']
                tt = t
                while s['bal'] >= 10000:
                    day = tt // DAY
                    used = s['day_out'].get(day, 0)
                    chunk = r.choice([2000, 2500, 3000, 5000]) * 100
                    chunk = min(chunk, (s['bal'] // 10000) * 10000, 2000000 - used)
                    if chunk < 10000:
                        break
                    if self.t(tt, a, None, chunk, 'atm', creg, kind='withdrawal', tk='cashout'):
                        s['bal'] -= chunk
                        s['day_out'][day] = used + chunk
                    else:
                        break
                    tt += r.randint(40, 240)
                if s['bal'] >= 10000:
                    if not slow and r.random() < .4 and ring['exits']:
                        b = r.choice(ring['exits'])
                        f = s['bal']
                        if self.t(tt + r.randint(60, 600), a, b, f, 'mobile', creg, tk='exit'):
                            s['bal'] -= f
                            push(tt + 700, 'recv', b, f)
                    else:
                        s['pending'] = True
                        nd = (tt // DAY + 1) * DAY + r.randint(0, 20 * HOUR)
                        push(nd, 'cash', a)

    # ------------------------------------------------------------------ output
    def finalize(self):
        r = self.r
        # visibility: at least one party with a row; censoring before each supplying bank's extract start
        keep = []
        lab_idx = {i: True for i in self.labels_tx_keys}
        self.tx_labels = []
        for i, x in enumerate(self.tx):
            ts, frm, to = x[0], x[1], x[2]
            vis = False
            ok = True
            for a in (frm, to):
                if a is None:
                    continue
                ac = self.acc[a]
                if ac['has_row']:
                    vis = True
                    if ts < self.extract[ac['bank']]:
                        ok = False
            if vis and ok:
                keep.append((x, i in lab_idx))
        keep.sort(key=lambda y: (y[0][0], y[0][1] or '', y[0][2] or '', y[0][3]))
        self.out_tx = []
        day_seq = {}
        for x, lab in keep:
            d = x[0] // DAY
            day_seq[d] = day_seq.get(d, 0) + 1
            tid = 'YB%s%06d' % (self.date_of(d * DAY).strftime('%Y%m%d'), day_seq[d])
            self.out_tx.append([tid] + x)
            if lab:
                self.tx_labels.append(tid)
        # balances -> opening balances
        bal, mn, first = {}, {}, {}
        for row in self.out_tx:
            tid, ts, frm, to, f = row[0], row[1], row[2], row[3], row[4]
            if frm is not None:
                bal[frm] = bal.get(frm, 0) - f
                if bal[frm] < mn.get(frm, 0):
                    mn[frm] = bal[frm]
                first.setdefault(frm, ts)
            if to is not None:
                bal[to] = bal.get(to, 0) + f
                first.setdefault(to, ts)
        self.first_seen = first
        for a, ac in self.acc.items():
            if not ac['has_row']:
                continue
            need = -mn.get(a, 0)
            if ac['role'] == 'lawful' and ac['opened'] < 0:
                cushion = self.fen(self.logn(8000 if ac['cls'] != 'corp' else 150000, 1.1, 0, 5e6), 0.01)
                if ac['arch'] in ('pensioner', 'remit_family', 'saver'):
                    cushion *= 3
            elif ac['role'] in ('paofen',) or ac['arch'] in ('rented', 'rented_returned', 'sold'):
                cushion = self.fen(self.logn(1500, 1.0, 0, 50000), 0.01)
            else:
                cushion = r.choice([0, 0, 0, 1000, 5000])
            ac['ob'] = need + cushion
        # labels
        lab_acc = {}
        tx_by_id = {row[0]: row for row in self.out_tx}
        reported_to = {}
        for tid in self.tx_labels:
            reported_to[tx_by_id[tid][3]] = True
        for ring in self.rings:
            disc = any(a in reported_to for a in ring['levels'][0])
            for li, lev in enumerate(ring['levels']):
                for a in lev:
                    ac = self.acc[a]
                    p = [.58, .4, .32][min(li, 2)]
                    if ac['role'] == 'paofen':
                        p = .33
                    if li == 0 and a in reported_to:
                        p = .7
                    if not disc:
                        p *= .3
                    if r.random() < p:
                        lab_acc[a] = True
            for a in ring['cash']:
                if r.random() < (.45 if disc else .15):
                    lab_acc[a] = True
            for a in ring['exits']:
                if r.random() < (.3 if disc else .1):
                    lab_acc[a] = True
        for a in self.prewindow:
            lab_acc[a] = True
        for a in self.farmer_cards:
            ac = self.acc[a]
            if ac['role'] == 'farmer_card' and self.farmer_labelled[ac['holder']] and r.random() < .25:
                lab_acc[a] = True
        self.lab_acc = lab_acc

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        seen = dict(self.first_seen)
        row_accts = [a for a, ac in self.acc.items() if ac['has_row']]
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in row_accts:
                ac = self.acc[a]
                w.writerow([a, ac['bank'], ac['holder'], self.iso(ac['opened']), ac['region'], ac['cls'],
                            fmt_fen(ac['ob']), 'active'])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for row in self.out_tx:
                tid, ts, frm, to, f, ch, reg, kind, memo, xb, tk = row
                w.writerow([tid, self.iso(ts), frm or '', to or '', fmt_fen(f), 'CNY', ch, reg, kind, memo,
                            'true' if xb else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for a in self.lab_acc:
                w.writerow(['account', a, 'mule'])
            for tid in self.tx_labels:
                w.writerow(['transfer', tid, 'fraud'])
            for h in self.farmer_holders:
                if self.farmer_labelled[h]:
                    w.writerow(['holder', h, 'card_farmer'])
        if truth:
            farmers = {h: True for h in self.farmer_holders}
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                for a, ac in self.acc.items():
                    if not (ac['has_row'] or a in seen or a in self.lab_acc or ac['cf']):
                        continue
                    cf = 1 if ac['holder'] in farmers else 0
                    w.writerow(['account', a, ac['bank'], ac['holder'], 1 if ac['has_row'] else 0, ac['role'],
                                ac['arch'], cf, self.iso(ac['opened']), 1 if a in self.lab_acc else 0,
                                1 if cf and self.farmer_labelled[ac['holder']] else 0,
                                self.iso(self.extract[ac['bank']]) if ac['has_row'] else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for row in self.out_tx:
                    w.writerow([row[0], row[-1]])


# ----------------------------------------------------------------------------- self-check
def self_check(world, out, truth):
    errs = []
    amt_re = re.compile(r'^[0-9]+\.[0-9]{2}$')
    t0 = world.T0
    t1 = t0 + dt.timedelta(days=NDAYS)
    accts = {}
    with open(os.path.join(out, 'accounts.csv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            if row['account_id'] in accts:
                errs.append('duplicate account ' + row['account_id'])
            accts[row['account_id']] = row
            if not re.fullmatch(r'[0-9]{6}', row['open_region']) or row['open_region'] not in REGIONS:
                errs.append('bad region ' + row['open_region'])
            if not amt_re.match(row['opening_balance']):
                errs.append('bad balance ' + row['opening_balance'])
            dt.datetime.fromisoformat(row['opened_at'])
            if row['account_class'] not in ('I', 'II', 'III', 'corp'):
                errs.append('bad class')
            if row['bank'] not in SUPPLY:
                errs.append('row for non-supplying bank')
    ext = {a for a, ac in world.acc.items() if not ac['has_row']}
    ids = set()
    n = nvp = 0
    kinds_seen = {}
    with open(os.path.join(out, 'transfers.csv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh):
            n += 1
            if row['txn_id'] in ids:
                errs.append('dup txn ' + row['txn_id'])
            ids.add(row['txn_id'])
            if not amt_re.match(row['amount']) or float(row['amount']) <= 0:
                errs.append('bad amount %s' % row['amount'])
            ts = dt.datetime.fromisoformat(row['ts'])
            if not row['ts'].endswith('+08:00') or not (t0 <= ts < t1):
                errs.append('ts out of window ' + row['ts'])
            if row['region'] not in REGIONS:
                errs.append('bad region ' + row['region'])
            if row['channel'] not in CHANNELS or row['kind'] not in KINDS:
                errs.append('bad enum')
            k = row['kind']
            fa, ta = row['from_account'], row['to_account']
            if (k == 'transfer' and not (fa and ta)) or (k == 'withdrawal' and (not fa or ta)) or \
                    (k == 'deposit' and (fa or not ta)):
                errs.append('parties do not fit kind ' + row['txn_id'])
            anyrow = False
            for a in (fa, ta):
                if not a:
                    continue
                if a in accts:
                    anyrow = True
                    ac = accts[a]
                    if ts < dt.datetime.fromisoformat(ac['opened_at']):
                        errs.append('transfer before opening ' + row['txn_id'])
                    if ts < t0 + dt.timedelta(seconds=world.extract[ac['bank']]):
                        errs.append('transfer before extract start ' + row['txn_id'])
                elif a not in ext:
                    errs.append('unknown account ' + a)
            if not anyrow:
                errs.append('transfer without any supplying party ' + row['txn_id'])
            if len(row['memo']) > 512:
                errs.append('memo too long')
    if truth:
        with open(os.path.join(out, 'truth_transfers.csv'), encoding='utf-8') as fh:
            tk = list(csv.DictReader(fh))
        if len(tk) != n or {x['txn_id'] for x in tk} != ids:
            errs.append('truth_transfers mismatch')
        for x in tk:
            kinds_seen[x['kind']] = kinds_seen.get(x['kind'], 0) + 1
        with open(os.path.join(out, 'truth.csv'), encoding='utf-8') as fh:
            tr = list(csv.DictReader(fh))
        roles = {'lawful', 'mule', 'paofen', 'farmer_card', 'fraud_exit'}
        for x in tr:
            if x['role'] not in roles:
                errs.append('bad role ' + x['role'])
        if {x['id'] for x in tr if x['has_row'] == '1'} != set(accts):
            errs.append('truth rows mismatch accounts.csv')
    with open(os.path.join(out, 'labels.csv'), encoding='utf-8') as fh:
        labs = list(csv.DictReader(fh))
    for x in labs:
        if x['kind'] == 'transfer' and x['id'] not in ids:
            errs.append('label on unknown transfer')
    # summary
    mules = {}
    nm_rows = 0
    for a, ac in world.acc.items():
        if ac['role'] in ('mule', 'paofen'):
            key = ac['arch'] if ac['role'] == 'mule' else 'paofen'
            mules[key] = mules.get(key, 0) + 1
            nm_rows += ac['has_row']
    nmule = sum(mules.values())
    lab_mules = sum(1 for a in world.lab_acc if world.acc[a]['role'] in ('mule', 'paofen'))
    lk = {}
    for x in labs:
        lk[x['kind']] = lk.get(x['kind'], 0) + 1
    msg = ('[yanbian_world %s] accounts_rows=%d external_in_tx=%d transfers=%d mules=%d (rows %d, labelled %d) %s '
           'card_farmers=%d (labelled %d, cards %d) victim_payments=%d kinds=%s labels=%s extract=%s errors=%d'
           % (world.variant, len(accts), len({a for a in world.first_seen if a not in accts}), n, nmule, nm_rows,
              lab_mules, ' '.join('%s:%d' % kv for kv in sorted(mules.items())), len(world.farmer_holders),
              sum(1 for h in world.farmer_holders if world.farmer_labelled[h]), len(world.farmer_cards),
              kinds_seen.get('victim_payment', sum(1 for r in world.out_tx if r[-1] == 'victim_payment')),
              ','.join('%s:%d' % kv for kv in sorted(kinds_seen.items())),
              ','.join('%s:%d' % kv for kv in sorted(lk.items())),
              ','.join('%s+%dd' % (b, world.extract[b] // DAY) for b in SUPPLY), len(errs)))
    print(msg, file=sys.stderr)
    for e in errs[:20]:
        print('  self-check error: ' + e, file=sys.stderr)
    return not errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    a = ap.parse_args()
    t = time.time()
    w = World(a.variant, a.seed)
    w.build_population()
    w.build_fraud_accounts()
    w.gen_lawful()
    w.gen_fraud()
    w.farmer_activation()
    w.finalize()
    w.write(a.out, a.truth)
    ok = self_check(w, a.out, a.truth)
    print('[yanbian_world %s] seed=%d %.1fs -> %s' % (a.variant, a.seed, time.time() - t, a.out), file=sys.stderr)
    sys.exit(0 if ok else 2)


if __name__ == '__main__':
    main()
