#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project: an independent synthetic evaluation world (晋蒙, Shanxi and Inner Mongolia).
"""jinmeng_world.py -- a synthetic bank-extract world of Shanxi and Inner Mongolia for fanzha.

Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange format v1) and, with --truth,
truth.csv and truth_transfers.csv.  Standard library only; deterministic for a given variant and seed.

    python3 jinmeng_world.py --variant baseline|yinni|chouchou --seed 7 --out DIR [--truth] [--stats] [--verify]
"""
import argparse
import datetime
import os
import random
import sys
import time

TZ = datetime.timezone(datetime.timedelta(hours=8))
W0_DATE = datetime.date(2025, 8, 18)
W0 = datetime.datetime(2025, 8, 18, tzinfo=TZ)
DAYS = 187                      # 2025-08-18 .. 2026-02-20 inclusive
W1 = DAYS * 86400
DAYSTR = [(W0_DATE + datetime.timedelta(days=i)).strftime('%Y-%m-%d') for i in range(DAYS + 1)]


def dday(y, m, d):
    return (datetime.date(y, m, d) - W0_DATE).days


D_TERM = dday(2025, 9, 1)
D_NATIONAL = dday(2025, 10, 1)
D_HEAT = dday(2025, 10, 15)
D_D11 = dday(2025, 11, 11)
D_SF = dday(2026, 2, 17)

# --------------------------------------------------------------------------- geography (GB/T 2260)
CITIES = {
    'taiyuan': ('SX', ['140105', '140106', '140107', '140109', '140110'], 0.19),
    'datong': ('SX', ['140213', '140214', '140215'], 0.08),
    'changzhi': ('SX', ['140403', '140404', '140406'], 0.07),
    'linfen': ('SX', ['141002', '141081'], 0.07),
    'yuncheng': ('SX', ['140802', '140881'], 0.07),
    'lvliang': ('SX', ['141102', '141181', '141182', '141125'], 0.07),
    'hohhot': ('IM', ['150102', '150103', '150105'], 0.12),
    'baotou': ('IM', ['150202', '150203', '150204', '150207'], 0.10),
    'ordos': ('IM', ['150602', '150603', '150621', '150622', '150627'], 0.08),
    'chifeng': ('IM', ['150402', '150404', '150425', '150426'], 0.07),
    'hulunbuir': ('IM', ['150702', '150781', '150724', '150725', '150727'], 0.06),
    'erenhot': ('IM', ['152501'], 0.02),
}
CITY_NAMES = list(CITIES)
CITY_CW = []
_acc = 0.0
for _c in CITY_NAMES:
    _acc += CITIES[_c][2]
    CITY_CW.append(_acc)
OUTSIDE = {
    'shenzhen': ['440304', '440306'], 'guangzhou': ['440106'], 'dongguan': ['441900'],
    'jinghong': ['532801'], 'ruili': ['533102'], 'pingxiang_gx': ['451481'], 'harbin': ['230102'],
    'heihe': ['231102'], 'wuhan': ['420106'], 'jingzhou': ['421003', '421022'], 'nanjing': ['320106'],
    'changsha': ['430102'], 'xiamen': ['350203'], 'haikou': ['460106'], 'zhengzhou': ['410105'],
    'xian': ['610113'], 'zhangjiakou': ['130702'], 'shijiazhuang': ['130102'], 'bazhong': ['511902'],
    'lanzhou': ['620102'], 'zhoukou': ['411602'], 'beijing': ['110105'], 'nanning': ['450103'],
}
MIGRANT_HOMES = ['zhoukou', 'bazhong', 'lanzhou', 'zhangjiakou', 'shijiazhuang', 'zhengzhou']
FAR_CASH = ['shenzhen', 'guangzhou', 'dongguan', 'jinghong', 'haikou', 'xiamen']
BORDER_CASH = [('erenhot', '152501'), ('ruili', '533102'), ('pingxiang_gx', '451481'), ('manzhouli', '150781')]

# --------------------------------------------------------------------------- institutions
# code, name, type, supplying, extract-start day offset, card BINs, corporate prefix
INST = [
    ('ICBC', '中国工商银行', 'state_bank', True, 0, ['622202', '621226'], '0502'),
    ('ABC', '中国农业银行', 'state_bank', True, 4, ['622848', '621282'], '0412'),
    ('CCB', '中国建设银行', 'state_bank', True, 11, ['621700', '622700'], '1405'),
    ('JSB', '晋商银行', 'city_bank', True, 2, ['622161', '621436'], '6100'),
    ('SXRCU', '山西省农村信用社联合社', 'rural_credit', True, 18, ['622391', '621579'], '1401'),
    ('MSB', '蒙商银行', 'city_bank', True, 7, ['621089', '622568'], '1502'),
    ('IMRCU', '内蒙古农村信用社联合社', 'rural_credit', True, 25, ['622323', '621593'], '1507'),
    ('BOC', '中国银行', 'state_bank', False, None, ['621661', '621785'], '1543'),
    ('PSBC', '中国邮政储蓄银行', 'state_bank', False, None, ['621799', '622188'], '9140'),
    ('CMB', '招商银行', 'joint_stock_bank', False, None, ['622588', '621483'], '7559'),
    ('CITIC', '中信银行', 'joint_stock_bank', False, None, ['622690', '621771'], '8110'),
    ('SPDB', '上海浦东发展银行', 'joint_stock_bank', False, None, ['622521', '621792'], '7912'),
    ('GDRCU', '广东省农村信用社联合社', 'rural_credit', False, None, ['621018', '622439'], '8066'),
    ('HBRCU', '湖北省农村信用社联合社', 'rural_credit', False, None, ['621013', '622412'], '8271'),
    ('TENPAY', '财付通', 'payment_institution', False, None, [], ''),
    ('ALIPAY', '支付宝', 'payment_institution', False, None, [], ''),
    ('KHANBANK', 'Khan Bank (Mongolia)', 'foreign_bank', False, None, [], ''),
]
IN = {i[0]: i for i in INST}
SUPPLY = [i[0] for i in INST if i[3]]
BANK_SX = (['ICBC', 'ABC', 'CCB', 'JSB', 'SXRCU', 'BOC', 'PSBC', 'CMB', 'CITIC'],
           [20, 20, 15, 10, 16, 8, 7, 3, 1])
BANK_IM = (['ICBC', 'ABC', 'CCB', 'MSB', 'IMRCU', 'BOC', 'PSBC', 'CMB', 'SPDB'],
           [18, 20, 14, 10, 19, 8, 7, 2, 2])
BANK_OUT = (['BOC', 'PSBC', 'CMB', 'CITIC', 'SPDB', 'GDRCU', 'HBRCU', 'ICBC', 'ABC', 'CCB'],
            [12, 14, 14, 8, 8, 10, 6, 10, 10, 8])

TYPOLOGIES = ['brushing', 'investment', 'romance', 'police_gov', 'loan_card', 'credit_record',
              'ecommerce_cs', 'shopping_service', 'leader_acquaintance', 'game_trade', 'subsidy_refund',
              'accident_kidnap']
TYPO_W = [22, 13, 8, 10, 12, 7, 12, 5, 5, 3, 2, 1]
REPORT_P = {'brushing': .55, 'investment': .6, 'romance': .45, 'police_gov': .72, 'loan_card': .5,
            'credit_record': .55, 'ecommerce_cs': .6, 'shopping_service': .4, 'leader_acquaintance': .65,
            'game_trade': .35, 'subsidy_refund': .6, 'accident_kidnap': .7}

HOUR_DAY = [1, .5, .3, .2, .2, .5, 1.5, 4, 6, 7, 7, 7, 6, 6, 6, 6, 6, 6, 7, 7, 6, 5, 3, 2]
HOUR_WORK = [0, 0, 0, 0, 0, 0, 0, .5, 3, 8, 9, 9, 4, 5, 8, 8, 7, 4, .5, 0, 0, 0, 0, 0]
HOUR_NIGHT = [6, 6, 5, 4, 3, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 7]


def _cw(w):
    out, s = [], 0.0
    for x in w:
        s += x
        out.append(s)
    return out


CW_DAY, CW_WORK, CW_NIGHT = _cw(HOUR_DAY), _cw(HOUR_WORK), _cw(HOUR_NIGHT)
HOURS = list(range(24))

# --------------------------------------------------------------------------- check digits
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return '10X98765432'[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def org_check(s8):
    c = 11 - sum(int(ch) * w for ch, w in zip(s8, ORG_W)) % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


def uscc_check(s17):
    return USCC_CH[(31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31) % 31]


def luhn_check(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def valid_id(s):
    if len(s) != 18:
        return False
    if s[0] != '9' and s[:17].isdigit():
        return s[17] == id_check(s[:17])
    if all(c in USCC_CH for c in s):
        return s[17] == uscc_check(s[:17]) and s[16] == org_check(s[8:16])
    return False


def valid_luhn(s):
    return s.isdigit() and len(s) >= 13 and s[-1] == luhn_check(s[:-1])


def fmt_ts(sec):
    if 0 <= sec < W1 + 86400:
        d, rem = divmod(sec, 86400)
        h, rem = divmod(rem, 3600)
        m, s = divmod(rem, 60)
        return '%sT%02d:%02d:%02d+08:00' % (DAYSTR[d], h, m, s)
    return (W0 + datetime.timedelta(seconds=sec)).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def fmt_fen(f):
    return '%d.%02d' % divmod(f, 100)


# --------------------------------------------------------------------------- model objects
class H:
    __slots__ = ('idn', 'home', 'corp', 'farmer', 'flab', 'accts')

    def __init__(self, idn, home, corp=False):
        self.idn, self.home, self.corp, self.farmer, self.flab, self.accts = idn, home, corp, 0, 0, []


class A:
    __slots__ = ('id', 'bank', 'h', 'opened', 'region', 'cls', 'role', 'arch', 'cf', 'base', 'row', 'S',
                 'sold', 'lab', 'kind', 'city', 'atm')

    def __init__(self):
        self.sold = None
        self.lab = 0
        self.atm = None


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.r = random.Random('jinmeng22:%s:%d' % (variant, seed))
        self.L = 2.5 if variant == 'chouchou' else 1.0
        self.hid = variant == 'yinni'
        self.accts, self.holders, self.tx = [], [], []
        self.used = set()
        self.seq = 0
        self.victims = []           # (acct, typology, reported, [tx])
        self.counts = {}
        self.farmers = []
        self.pf_in = {}
        self.students = []

    # ---------------- random helpers
    def city(self):
        r = self.r.random() * CITY_CW[-1]
        for c, w in zip(CITY_NAMES, CITY_CW):
            if r <= w:
                return c
        return CITY_NAMES[-1]

    def reg(self, city):
        if city in CITIES:
            return self.r.choice(CITIES[city][1])
        if city == 'manzhouli':
            return '150781'
        return self.r.choice(OUTSIDE[city])

    def tod(self, cw):
        return self.r.choices(HOURS, cum_weights=cw)[0] * 3600 + self.r.randrange(3600)

    def at(self, d, cw=CW_DAY):
        return d * 86400 + self.tod(cw)

    def lognorm(self, median, sigma):
        return median * self.r.lognormvariate(0, sigma)

    def bump(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    # ---------------- identities and accounts
    def person_h(self, region, age_lo=20, age_hi=70):
        r = self.r
        y = 2025 - r.randint(age_lo, age_hi)
        bd = datetime.date(y, 1, 1) + datetime.timedelta(days=r.randrange(365))
        while True:
            s17 = '%s%s%03d' % (region, bd.strftime('%Y%m%d'), r.randrange(1, 1000))
            idn = s17 + id_check(s17)
            if idn not in self.used:
                break
        self.used.add(idn)
        h = H(idn, region)
        self.holders.append(h)
        return h

    def corp_h(self, region):
        r = self.r
        while True:
            org8 = '%08d' % r.randrange(10 ** 8)
            s17 = '91' + region + org8 + org_check(org8)
            idn = s17 + uscc_check(s17)
            if idn not in self.used:
                break
        self.used.add(idn)
        h = H(idn, region, True)
        self.holders.append(h)
        return h

    def bank_for(self, city):
        if city in CITIES:
            b = BANK_SX if CITIES[city][0] == 'SX' else BANK_IM
        else:
            b = BANK_OUT
        return self.r.choices(b[0], weights=b[1])[0]

    def new_id(self, bank, kind):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                s = '2088%012d' % r.randrange(10 ** 12)
            elif bank == 'TENPAY':
                s = 'TP%014d' % r.randrange(10 ** 14)
            elif bank == 'KHANBANK':
                s = '5%09d' % r.randrange(10 ** 9)
            elif kind == 'corp':
                n = r.choice((15, 17, 19)) - 4
                s = IN[bank][6] + str(r.randrange(10 ** (n - 1), 10 ** n))
            else:
                ln = 19 if r.random() < .65 else 16
                body = r.choice(IN[bank][5]) + '%0*d' % (ln - 7, r.randrange(10 ** (ln - 7)))
                s = body + luhn_check(body)
            if s not in self.used:
                self.used.add(s)
                return s

    def acct(self, h, bank, opened, region, role='lawful', arch='ordinary', cls=None, base=None, cf=0):
        a = A()
        kind = 'corp' if h.corp else ('wallet' if IN[bank][2] == 'payment_institution' else
                                      ('foreign' if bank == 'KHANBANK' else 'card'))
        a.kind = kind
        a.id = self.new_id(bank, kind)
        a.bank, a.h, a.opened, a.region = bank, h, opened, region
        a.cls = cls or ('corp' if h.corp else 'I')
        a.role, a.arch, a.cf = role, arch, cf
        a.row = IN[bank][3]
        a.S = IN[bank][4] * 86400 if a.row else None
        if base is None:
            base = 0 if opened >= 0 else self.r.choice((0, 50, 300, 1200, 3000, 8000, 20000)) * 100 + self.r.randrange(10000)
        a.base = base
        a.city = None
        h.accts.append(a)
        self.accts.append(a)
        return a

    def old_open(self, lo_days=60, hi_days=365 * 15):
        return -self.r.randint(lo_days, hi_days) * 86400 - self.r.randrange(86400)

    def new_open(self, d):
        return d * 86400 + self.tod(CW_WORK)

    def wallet(self, h, region, opened=None):
        return self.acct(h, self.r.choice(('TENPAY', 'ALIPAY')), opened if opened is not None else self.old_open(200),
                         region, cls='II')

    # ---------------- transfers
    def T(self, ts, a, b, yuan=None, ch='mobile', region=None, memo='', xb=0, fk='', fen=None):
        if ts < 0 or ts >= W1:
            return None
        if fen is None:
            fen = int(round(yuan * 100))
        if fen <= 0:
            return None
        if not fk:
            if a is not None and a.sold is not None and ts >= a.sold:
                return None
            if b is not None and b.sold is not None and ts >= b.sold:
                return None
        if a is not None and ts < a.opened + 60:
            return None
        if b is not None and ts < b.opened + 60:
            return None
        if region is None:
            region = a.region if a is not None else b.region
        self.seq += 1
        t = [ts, a, b, fen, ch, region, memo, xb, fk, self.seq]
        self.tx.append(t)
        return t

    # ======================================================================= build
    def build(self):
        self.infrastructure()
        self.ordinary()
        self.lookalikes()
        self.fraud()
        self.ordinary_life()
        self.finish()

    # ---------------- merchants, employers, public bodies
    def corp(self, city, arch, bank=None, opened=None, region=None):
        region = region or self.reg(city)
        h = self.corp_h(region[:4] + '00' if self.r.random() < .3 else region)
        a = self.acct(h, bank or self.bank_for(city), opened if opened is not None else self.old_open(400, 365 * 20),
                      region, arch=arch, cls='corp',
                      base=self.r.randint(50000, 5000000) * 100)
        a.city = city
        return a

    def infrastructure(self):
        r = self.r
        self.merch = {}      # city -> list of merchant accounts
        self.util = {}
        self.dev = {}
        self.cars = {}
        self.hotel = {}
        self.univ = {}
        self.gold = {}
        self.fuel = {}
        self.loanacct = {}
        self.pension = {}
        for c in CITY_NAMES:
            n = max(3, int(40 * CITIES[c][2]))
            self.merch[c] = [self.corp(c, r.choice(('merchant_supermarket', 'merchant_restaurant', 'merchant_pharmacy',
                                                      'merchant_clothing', 'merchant_hardware'))) for _ in range(n)]
            self.util[c] = [self.corp(c, 'utility_power'), self.corp(c, 'utility_heating'), self.corp(c, 'telecom')]
            self.dev[c] = [self.corp(c, 'property_developer') for _ in range(2 if c != 'ordos' else 5)]
            self.cars[c] = [self.corp(c, 'car_dealer')]
            self.hotel[c] = [self.corp(c, 'wedding_hotel') for _ in range(2)]
            self.gold[c] = [self.corp(c, 'gold_shop')]
            self.fuel[c] = [self.corp(c, 'fuel_station') for _ in range(2)]
            self.loanacct[c] = self.corp(c, 'bank_loan_repayment', bank=('IMRCU' if CITIES[c][0] == 'IM' else 'SXRCU'))
            self.pension[c] = self.corp(c, 'social_insurance_fund', bank=r.choice(('ICBC', 'ABC', 'CCB')))
        for c in ('taiyuan', 'hohhot', 'baotou', 'datong', 'linfen'):
            self.univ[c] = [self.corp(c, 'university', bank=r.choice(('ICBC', 'CCB', 'JSB' if CITIES[c][0] == 'SX' else 'MSB')))
                            for _ in range(2)]
        # outside merchants (online platforms, gold in Shenzhen Shuibei, lending apps)
        self.platform = [self.corp('shenzhen', 'ecommerce_platform', bank='CMB'),
                         self.corp('beijing', 'ecommerce_platform', bank='BOC')]
        self.gold_sz = [self.corp('shenzhen', 'gold_wholesaler_shuibei', bank=b) for b in ('CMB', 'GDRCU', 'BOC')]
        self.lender = [self.corp(c, 'consumer_lending_app', bank=b) for c, b in
                       (('shenzhen', 'CMB'), ('beijing', 'CITIC'), ('xiamen', 'SPDB'))]
        self.meat = [self.corp(c, 'meat_processor') for c in ('chifeng', 'baotou', 'hohhot', 'hulunbuir')]
        self.meat += [self.corp(c, 'meat_processor', bank=b) for c, b in (('beijing', 'BOC'), ('shijiazhuang', 'CITIC'))]
        self.coaltrade = [self.corp(c, 'coal_trading_company') for c in ('lvliang', 'datong', 'changzhi', 'ordos', 'ordos', 'taiyuan')]
        self.coaltrade += [self.corp(c, 'power_plant_buyer', bank=b) for c, b in (('shijiazhuang', 'BOC'), ('zhengzhou', 'CITIC'))]
        self.fodder = [self.corp(c, 'fodder_supplier') for c in ('chifeng', 'hulunbuir', 'ordos')]
        # employers
        self.employers = []
        for c in CITY_NAMES:
            n = max(2, int(150 * CITIES[c][2]))
            for _ in range(n):
                e = self.corp(c, r.choice(('employer_school', 'employer_hospital', 'employer_government',
                                           'employer_factory', 'employer_retail', 'employer_services')))
                self.employers.append((e, r.randint(5, 20), []))
        if 'baotou' in CITIES:
            e = self.corp('baotou', 'employer_steelworks', bank='ICBC')
            self.employers.append((e, 8, []))
            self.steel = self.employers[-1]

    # ---------------- ordinary people
    def new_person(self, city, arch, age=(20, 70), home=None, banks=None, opened=None, second=.35,
                   wallet=.6, cls='I'):
        r = self.r
        region = self.reg(city)
        h = self.person_h(home or (region if r.random() < .8 else self.reg(self.city())), *age)
        a = self.acct(h, banks or self.bank_for(city), opened if opened is not None else self.old_open(),
                      region, arch=arch, cls=cls)
        a.city = city
        p = {'h': h, 'a': a, 'city': city, 'acc': [a], 'arch': arch, 'wallet': None, 'home': home}
        if r.random() < second:
            b2 = self.bank_for(city)
            a2 = self.acct(h, b2, self.old_open(), self.reg(city), arch=arch, cls=r.choice(('I', 'II')))
            a2.city = city
            p['acc'].append(a2)
        if r.random() < wallet:
            p['wallet'] = self.wallet(h, region)
        return p

    def ordinary(self):
        r = self.r
        self.people = []
        n = 5800
        for i in range(n):
            c = self.city()
            kind = r.choices(('salaried', 'rural', 'retiree', 'selfemployed'), weights=(50, 22, 18, 10))[0]
            p = self.new_person(c, 'ordinary_' + kind, age=(22, 58) if kind != 'retiree' else (60, 85))
            p['kind'] = kind
            if kind == 'salaried':
                emps = [e for e in self.employers if e[0].city == c] or self.employers
                e = r.choice(emps)
                e[2].append((p['a'], r.randint(2800, 11000), 0))
            elif kind == 'retiree':
                p['pension'] = r.randint(1800, 6500)
            self.people.append(p)
        # dormant accounts (old, unused in the window)
        for i in range(1300):
            p = r.choice(self.people)
            a = self.acct(p['h'], self.bank_for(p['city']), self.old_open(300), self.reg(p['city']),
                          arch='ordinary_dormant', cls=r.choice(('I', 'II')))
            a.city = p['city']
        # accounts opened every day inside the window by ordinary people (switching banks, new cards)
        for d in range(DAYS - 3):
            for _ in range(r.randint(1, 4)):
                p = r.choice(self.people)
                b = self.bank_for(p['city'])
                a = self.acct(p['h'], b, self.new_open(d), self.reg(p['city']), arch='ordinary_new_card',
                              cls=r.choice(('I', 'II', 'II')), base=r.choice((0, 0, 1000, 5000, 10000)))
                a.city = p['city']
                p['acc'].append(a)
                p.setdefault('newcard', []).append(a)

    def ordinary_life(self):
        """payroll, pensions and the everyday outflows of ordinary people"""
        r = self.r
        months = [dday(2025, m, 1) for m in (8, 9, 10, 11, 12)] + [dday(2026, m, 1) for m in (1, 2)]
        for e, payday, emps in self.employers:
            if not emps:
                continue
            for m0 in months:
                d = m0 + payday - 1
                if d < 0 or d >= DAYS:
                    continue
                t = self.at(d, CW_WORK)
                for i, (a, amt, start) in enumerate(emps):
                    if d < start:
                        continue
                    bonus = 1.0
                    if dday(2026, 1, 20) <= d <= dday(2026, 2, 12):
                        bonus = r.choice((1.0, 1.5, 2.0))
                    self.T(t + i * r.randint(1, 4), e, a, round(amt * bonus * r.uniform(.93, 1.07), 2),
                           ch='other', memo='工资', region=e.region)
                # client revenue into the employer
                for _ in range(r.randint(0, 2)):
                    src = r.choice(self.coaltrade + self.platform + self.meat)
                    self.T(self.at(min(DAYS - 1, d + r.randint(-10, 10)), CW_WORK), src, e,
                           round(sum(x[1] for x in emps) * r.uniform(.4, 1.2), 2), ch='online', memo='货款')
        for p in self.people:
            self.life(p)

    def life(self, p, scale=1.0):
        r = self.r
        a = p['a']
        c = p['city'] if p['city'] in CITIES else 'taiyuan'
        kind = p.get('kind', 'salaried')
        if kind == 'retiree':
            for m in range(6):
                d = 4 + m * 30 + r.randint(0, 2)
                self.T(self.at(min(d, DAYS - 1), CW_WORK), self.pension[c], a, p['pension'] * r.uniform(.99, 1.01),
                       ch='other', memo='养老金')
        if kind == 'selfemployed':
            for _ in range(r.randint(3, 12)):
                src = r.choice(self.people)['a']
                self.T(self.at(r.randrange(DAYS)), src, a, r.randint(200, 8000), memo=r.choice(('货款', '', '转账')))
        if kind == 'rural':
            d = r.randint(dday(2025, 9, 20), dday(2025, 11, 10))
            self.T(self.at(d), r.choice(self.merch[c]), a, r.randint(3000, 40000), ch='online', memo='粮款')
            self.T(self.at(r.randint(0, DAYS - 1), CW_WORK), self.loanacct[c], a, r.randint(300, 2500), ch='other',
                   memo='补贴')
        rate = 2.0 * scale
        n = int(rate * 6 * r.uniform(.4, 1.6))
        accs = p['acc']
        for _ in range(n):
            d = r.randrange(DAYS)
            if r.random() < .25 and d < D_SF - 25:
                d = r.randint(D_SF - 25, min(DAYS - 1, D_SF + 2))   # Spring Festival spending
            src = r.choice(accs) if r.random() < .3 else a
            t = self.at(d)
            x = r.random()
            if x < .33 and p['wallet'] is not None:
                self.T(t, src, p['wallet'], r.choice((100, 200, 300, 500, 800, 1000, 2000)) * r.choice((1, 1, 1, 1.5)),
                       memo='')
            elif x < .50:
                q = r.choice(self.people)
                memo = '压岁钱' if abs(d - D_SF) < 12 and r.random() < .5 else r.choice(('', '生活费', '转账', '还你的'))
                self.T(t, src, q['a'], r.choice((200, 500, 800, 1000, 1500, 2000, 3000, 5000)), memo=memo)
            elif x < .64:
                amt = r.choice((500, 1000, 1500, 2000, 3000))
                self.T(t, src, None, amt, ch='atm', region=src.region)
            elif x < .80:
                u = r.choice(self.util[c])
                amt = r.randint(50, 600) if not (u.arch == 'utility_heating' and d > D_HEAT) else r.randint(1500, 4000)
                self.T(t, src, u, amt + r.choice((0, .5, .3)), ch='online', memo='缴费')
            elif x < .93:
                self.T(t, src, r.choice(self.merch[c]), round(r.uniform(30, 2500), 2), ch='pos')
            else:
                if len(accs) > 1:
                    dst = r.choice([q for q in accs if q is not src] or accs)
                    self.T(t, src, dst, r.choice((1000, 2000, 5000, 10000, 20000)), memo='', ch='mobile')
                else:
                    self.T(t, None, src, r.choice((1000, 2000, 5000, 10000)), ch='counter', memo='现金存入')
        for na in p.get('newcard', []):
            d0 = int(na.opened // 86400) + 1
            if d0 >= DAYS - 1:
                continue
            self.T(self.at(r.randint(d0, min(DAYS - 1, d0 + 5))), a, na, r.choice((500, 1000, 2000, 5000)), memo='')
            for _ in range(r.randint(0, 4)):
                self.T(self.at(r.randint(d0 + 1, DAYS - 1)), na, r.choice(self.merch[c]), round(r.uniform(20, 400), 2),
                       ch='pos')

    # ======================================================================= lawful look-alikes
    def scaled(self, n):
        return int(round(n * self.L))

    def lookalikes(self):
        r = self.r
        L = self.L
        cnt = self.counts
        # ---- coal truck fleets: boss receives freight from coal traders, pays many drivers the same day
        for i in range(self.scaled(20)):
            c = r.choice(('lvliang', 'lvliang', 'datong', 'changzhi', 'ordos', 'linfen'))
            boss = self.new_person(c, 'coal_fleet_boss', age=(30, 58), banks=r.choice(SUPPLY[:5] if CITIES[c][0] == 'SX' else ('ICBC', 'ABC', 'MSB', 'IMRCU')))
            boss['a'].base = r.randint(100000, 900000) * 100
            drivers = []
            for _ in range(r.randint(10, 30)):
                home = self.reg(r.choice(('lvliang', 'datong', 'ordos', 'linfen', 'zhangjiakou', 'zhoukou')))
                dp = self.new_person(c, 'coal_truck_driver', age=(24, 55), home=home, second=.2)
                drivers.append(dp)
            self.bump('coal_fleet_boss')
            self.bump('coal_truck_driver', len(drivers))
            d = r.randint(0, 10)
            while d < DAYS:
                heat = 1.4 if D_HEAT <= d <= D_HEAT + 90 else (0.6 if d >= D_SF - 5 else 1.0)
                # incoming freight money in one or two lumps
                total = 0
                pays = []
                for dp in drivers:
                    if r.random() < .85:
                        amt = round(r.randint(2500, 14000) * heat, -1)
                        pays.append((dp, amt))
                        total += amt
                if not pays:
                    d += 14
                    continue
                t_in = self.at(max(0, d - 1), CW_WORK)
                self.T(t_in, r.choice(self.coaltrade), boss['a'], round(total * r.uniform(1.08, 1.25), 2), ch='online',
                       memo='运费')
                t = self.at(d, CW_WORK)
                for k, (dp, amt) in enumerate(pays):
                    self.T(t + k * r.randint(20, 90), boss['a'], dp['a'], amt, memo='运费')
                self.T(t + 3600 * 3, boss['a'], r.choice(self.fuel[c]), round(total * r.uniform(.1, .2), 2), ch='online',
                       memo='油款')
                d += r.randint(12, 16)
            for dp in drivers:
                dp['kind'] = 'driver'
                self.life(dp, .6)
                if dp['h'].home[:2] != dp['a'].region[:2] or r.random() < .3:
                    fam = self.family_ext(dp['h'].home)
                    for m in range(6):
                        dd = 10 + m * 30 + r.randint(0, 6)
                        self.T(self.at(min(dd, DAYS - 1)), dp['a'], fam, r.choice((2000, 3000, 4000, 5000)), memo='家用')
        # ---- coal mine payroll batches
        for i in range(self.scaled(6)):
            c = r.choice(('lvliang', 'datong', 'changzhi', 'linfen', 'ordos'))
            mine = self.corp(c, 'coal_mine', bank=r.choice(('ICBC', 'ABC', 'SXRCU' if CITIES[c][0] == 'SX' else 'IMRCU')))
            mine.base = r.randint(5000000, 40000000) * 100
            self.bump('coal_mine')
            miners = []
            for _ in range(r.randint(60, 180)):
                migrant = r.random() < .4
                home = self.reg(r.choice(MIGRANT_HOMES)) if migrant else None
                new = r.random() < .12
                mp = self.new_person(c, 'miner_migrant' if migrant else 'miner', age=(22, 55), home=home, second=.15,
                                     banks=mine.bank if r.random() < .7 else None,
                                     opened=self.new_open(r.randint(0, 120)) if new else None)
                mp['kind'] = 'miner'
                mp['migrant'] = migrant
                miners.append((mp, r.randint(6000, 15000)))
            self.bump('miner', len(miners))
            pday = r.randint(8, 20)
            for m in range(7):
                d = pday - 14 + 30 * m
                if d < 0 or d >= DAYS:
                    continue
                batches = 2 if r.random() < .3 else 1
                for bi in range(batches):
                    t = self.at(min(DAYS - 1, d + bi * r.randint(2, 6)), CW_WORK)
                    for k, (mp, w) in enumerate(miners):
                        if k % batches != bi:
                            continue
                        amt = w * r.uniform(.85, 1.15) * (1.0 if not (D_SF - 30 < d < D_SF) else 1.8)
                        self.T(t + k * r.randint(1, 3), mine, mp['a'], round(amt, 2), ch='other', memo='工资', region=mine.region)
                # revenue into the mine (coal price swings: heating season up, February down)
                price = 1.3 if D_HEAT <= d <= D_HEAT + 80 else (0.8 if d > D_SF - 20 else 1.0)
                for _ in range(r.randint(2, 4)):
                    self.T(self.at(min(DAYS - 1, max(0, d - r.randint(1, 20))), CW_WORK), r.choice(self.coaltrade), mine,
                           round(r.randint(800000, 3000000) * price, 2), ch='online', memo='煤款')
            for mp, w in miners:
                self.life(mp, .5)
                if mp['migrant']:
                    fam = self.family_ext(mp['h'].home)
                    for m in range(7):
                        d = pday - 14 + 30 * m + r.randint(0, 2)
                        if 0 <= d < DAYS:
                            self.T(self.at(d), mp['a'], fam, round(w * r.uniform(.5, .85), -2), memo='')
        # ---- herders: one big livestock payment in autumn, spread to family and debts
        self.herders = []
        for i in range(self.scaled(120)):
            c = r.choice(('hulunbuir', 'hulunbuir', 'chifeng', 'chifeng', 'ordos', 'erenhot'))
            hp = self.new_person(c, 'herder', age=(28, 68), banks=r.choice(('IMRCU', 'IMRCU', 'ABC', 'MSB')), second=.3)
            hp['kind'] = 'rural'
            self.herders.append(hp)
            hp['fam'] = [self.new_person(r.choice((c, 'hohhot', 'baotou')), 'herder_family', second=.1, wallet=.2)
                         for _ in range(r.randint(1, 4))]
            self.bump('herder')
        self.bump('herder_family', 0)
        # ---- livestock and wool brokers
        self.brokers = []
        for i in range(self.scaled(12)):
            c = r.choice(('hulunbuir', 'chifeng', 'ordos', 'erenhot', 'baotou'))
            bp = self.new_person(c, 'livestock_broker', age=(30, 60), banks=r.choice(('ABC', 'IMRCU', 'ICBC', 'MSB')))
            bp['a'].base = r.randint(20000, 300000) * 100
            self.brokers.append(bp)
            self.bump('livestock_broker')
        ext_herders = []
        for bi, bp in enumerate(self.brokers):
            mine = [h for k, h in enumerate(self.herders) if k % len(self.brokers) == bi]
            for _ in range(r.randint(5, 15)):
                x = self.acct(self.person_h(self.reg(bp['city'])), r.choice(('PSBC', 'BOC', 'IMRCU', 'ABC')), self.old_open(),
                              self.reg(bp['city']), arch='herder')
                x.city = bp['city']
                ext_herders.append(x)
                mine.append({'a': x, 'ext': True})
            # wool in late August (after shearing), livestock from mid-September to late November
            for season, d0, d1, memo in (('wool', 0, 20, '羊毛款'), ('live', dday(2025, 9, 10), dday(2025, 11, 25), '羊款')):
                for rnd in range(1 if season == 'wool' else r.randint(3, 6)):
                    d = r.randint(d0, d1)
                    sellers = [h for h in mine if r.random() < (.3 if season == 'wool' else .45)]
                    if not sellers:
                        continue
                    amts = [r.randint(8000, 60000) if season == 'wool' else r.randint(30000, 380000) for _ in sellers]
                    tot = sum(amts)
                    t = self.at(d, CW_WORK)
                    self.T(t - r.randint(3600, 20000), r.choice(self.meat), bp['a'], round(tot * r.uniform(1.03, 1.08), 2),
                           ch='online', memo=memo)
                    for k, (hh, amt) in enumerate(zip(sellers, amts)):
                        self.T(t + k * r.randint(60, 600), bp['a'], hh['a'], amt, memo=r.choice((memo, '牛款' if season == 'live' else memo, '')))
                    if r.random() < .4:
                        self.T(t + 7200, bp['a'], None, r.choice((30000, 45000, 50000)), ch='counter', memo='取现')
        for hp in self.herders:
            # after the payment arrives: family, debts, fodder, a car sometimes
            d = r.randint(dday(2025, 10, 1), dday(2025, 12, 5))
            t = self.at(d)
            for q in hp['fam'] + r.sample(self.people, r.randint(0, 2)):
                self.T(t + r.randint(600, 86400 * 3), hp['a'], q['a'], r.choice((5000, 10000, 20000, 30000)), memo=r.choice(('还款', '家用', '', '学费')))
            self.T(t + r.randint(3600, 86400 * 5), hp['a'], self.loanacct[hp['city']], r.randint(20000, 120000), ch='counter', memo='还贷款')
            self.T(t + r.randint(86400, 86400 * 20), hp['a'], r.choice(self.fodder), r.randint(8000, 60000), memo='草料款')
            if r.random() < .2:
                self.T(t + r.randint(86400, 86400 * 30), hp['a'], self.cars[hp['city']][0], r.randint(60000, 180000), ch='counter', memo='购车')
            self.life(hp, .4)
        # ---- Naadam (那达慕): sumu committees pay prize money to many herders in late August
        for i in range(self.scaled(4)):
            c = r.choice(('hulunbuir', 'chifeng', 'erenhot', 'ordos'))
            com = self.corp(c, 'naadam_committee', bank='IMRCU')
            t = self.at(r.randint(2, 12), CW_WORK)
            for k, hh in enumerate(r.sample(self.herders, min(len(self.herders), r.randint(15, 40)))):
                self.T(t + k * 40, com, hh['a'], r.choice((500, 1000, 2000, 3000, 5000, 10000)), ch='other', memo='那达慕奖金')
        # ---- Erenhot border traders: bursts of in and out, some cross-border
        mongol = []
        for _ in range(15):
            mh = H('MN%07d' % r.randrange(10 ** 7), '152501', True)
            self.holders.append(mh)
            mongol.append(self.acct(mh, 'KHANBANK', self.old_open(), '152501', arch='mongolian_trade_partner', cls='corp'))
        for i in range(self.scaled(25)):
            tp = self.new_person('erenhot', 'border_trader', age=(28, 60), banks=r.choice(('ICBC', 'ABC', 'BOC', 'MSB', 'CCB')))
            tp['a'].base = r.randint(50000, 600000) * 100
            self.bump('border_trader')
            buyers = [r.choice(self.people)['a'] for _ in range(8)] + [self.corp(r.choice(('beijing', 'shijiazhuang', 'zhengzhou', 'baotou')), 'wholesale_buyer') for _ in range(3)]
            for burst in range(r.randint(4, 10)):
                d = r.randrange(DAYS)
                if abs(d - D_SF) < 8:
                    continue
                t = self.at(d, CW_WORK)
                tot = 0
                for k in range(r.randint(3, 12)):
                    amt = r.randint(5000, 150000)
                    tot += amt
                    self.T(t + k * r.randint(300, 3000), r.choice(buyers), tp['a'], amt, memo=r.choice(('货款', '')), ch='online')
                out = tot * r.uniform(.7, .98)
                for k in range(r.randint(1, 4)):
                    part = round(out / 4 * r.uniform(.8, 1.2), 2)
                    self.T(t + 3600 * 5 + k * 900, tp['a'], r.choice(mongol), part, ch='online', memo='货款', xb=1, region='152501')
                if r.random() < .5:
                    self.T(t + 1800, None, tp['a'], r.randint(20000, 200000), ch='counter', memo='现金存入', region='152501')
            self.life(tp, .5)
        # ---- landlords: rent from many tenants at month start
        for i in range(self.scaled(60)):
            c = r.choice(('taiyuan', 'hohhot', 'baotou', 'ordos', 'datong', 'taiyuan'))
            lp = self.new_person(c, 'landlord', age=(40, 75))
            self.bump('landlord')
            tenants = [self.new_person(c, 'tenant', age=(20, 40), second=.1) for _ in range(r.randint(3, 10))]
            for tn in tenants:
                rent = r.choice((600, 800, 1000, 1200, 1500, 1800, 2200))
                for m in range(6):
                    d = m * 30 + 14 + r.randint(-3, 4)
                    self.T(self.at(min(max(d, 0), DAYS - 1)), tn['a'], lp['a'], rent, memo='房租')
                tn['kind'] = 'salaried'
                self.life(tn, .4)
            self.life(lp, .7)
        # ---- family pooling for a flat down-payment
        for i in range(self.scaled(50)):
            c = self.city()
            fp = self.new_person(c, 'family_pooling', age=(25, 40))
            self.bump('family_pooling')
            d = r.randint(5, DAYS - 10)
            tot = 0
            for k in range(r.randint(3, 8)):
                q = r.choice(self.people)
                amt = r.choice((20000, 30000, 50000, 80000, 100000))
                tot += amt
                self.T(self.at(d + r.randint(0, 2)), q['a'], fp['a'], amt, memo=r.choice(('买房', '首付', '')))
            self.T(self.at(d + 3, CW_WORK), fp['a'], r.choice(self.dev[c]), tot, ch='counter', memo='购房首付')
            self.life(fp, .5)
        # ---- migrant construction workers: wages, most sent home the same day
        for i in range(self.scaled(150)):
            c = r.choice(('baotou', 'ordos', 'taiyuan', 'hohhot'))
            home = self.reg(r.choice(MIGRANT_HOMES))
            mp = self.new_person(c, 'migrant_worker', age=(20, 55), home=home, second=.05)
            self.bump('migrant_worker')
            fam = self.family_ext(home)
            boss = r.choice([e for e, _, _ in self.employers if e.city == c] or [self.employers[0][0]])
            for k in range(r.randint(2, 5)):
                d = r.randrange(DAYS)
                if k == 0:
                    d = r.randint(D_SF - 25, D_SF - 5)   # back-pay before going home
                w = r.randint(5000, 30000)
                t = self.at(d, CW_WORK)
                self.T(t, boss, mp['a'], w, ch='online', memo='工资')
                self.T(t + r.randint(600, 7200), mp['a'], fam, round(w * r.uniform(.6, .9), -2), memo='')
            if r.random() < .5:
                self.T(self.at(D_SF - r.randint(3, 10)), mp['a'], None, r.choice((2000, 3000, 5000)), ch='atm',
                       region=home)
        # ---- students opening cards at term start
        for i in range(self.scaled(380)):
            c = r.choice(list(self.univ))
            home = self.reg(self.city()) if r.random() < .7 else self.reg(r.choice(MIGRANT_HOMES))
            d = r.randint(D_TERM - 8, D_TERM + 20)
            sp = self.new_person(c, 'student_new_card', age=(18, 22), home=home, wallet=.8, second=0,
                                 opened=self.new_open(d), cls=r.choice(('I', 'II')))
            self.bump('student_new_card')
            accs = [sp['a']]
            if r.random() < .35:
                a2 = self.acct(sp['h'], r.choice(SUPPLY), self.new_open(d + r.randint(0, 10)), sp['a'].region,
                               arch='student_new_card', cls='II')
                accs.append(a2)
            parents = [self.acct(self.person_h(home[:4] + '02' if False else home, 40, 55), self.bank_for(self.city()),
                                 self.old_open(), home, arch='parent')]
            if r.random() < .4:
                parents.append(r.choice(self.people)['a'])
            dd = d + 1
            self.T(self.at(dd), parents[0], sp['a'], r.choice((3000, 5000, 6000, 8000)), memo='学费')
            self.T(self.at(dd + r.randint(1, 4), CW_WORK), sp['a'], r.choice(self.univ[c]), r.choice((3500, 4200, 4800, 5000)),
                   ch='online', memo='学费')
            for m in range(6):
                pd = dd + 30 * m + r.randint(0, 5)
                self.T(self.at(min(pd, DAYS - 1)), r.choice(parents), r.choice(accs), r.choice((1000, 1200, 1500, 2000)), memo='生活费')
                for _ in range(r.randint(1, 3)):
                    if sp['wallet'] is not None:
                        self.T(self.at(min(pd + r.randint(0, 20), DAYS - 1)), r.choice(accs), sp['wallet'], r.choice((200, 300, 500)))
                self.T(self.at(min(pd + r.randint(1, 25), DAYS - 1)), r.choice(accs), r.choice(self.univ[c]), r.choice((100, 200, 300)),
                       ch='online', memo='饭卡充值')
            if r.random() < .3:   # scholarship batch
                self.T(self.at(dday(2025, 11, 20), CW_WORK), r.choice(self.univ[c]), sp['a'], r.choice((2000, 3000, 5000)),
                       ch='other', memo='助学金')
            self.students.append(sp)
        # ---- new employees' salary cards
        for i in range(self.scaled(200)):
            e, payday, emps = r.choice(self.employers)
            d = r.randint(0, DAYS - 30)
            np_ = self.new_person(e.city, 'new_employee_salary_card', age=(21, 35), banks=e.bank, opened=self.new_open(d),
                                  second=0)
            self.bump('new_employee_salary_card')
            emps.append((np_['a'], r.randint(3000, 8000), d + 1))
            np_['kind'] = 'salaried'
            self.life(np_, .4)
        # ---- people with cards at several banks moving money between their own accounts
        for i in range(self.scaled(150)):
            c = self.city()
            mp = self.new_person(c, 'multi_bank_own_transfers', second=0)
            self.bump('multi_bank_own_transfers')
            for _ in range(r.randint(2, 4)):
                a2 = self.acct(mp['h'], r.choice(SUPPLY + ['BOC', 'CMB', 'PSBC']), self.old_open(), mp['a'].region,
                               arch='multi_bank_own_transfers', cls=r.choice(('I', 'II')))
                mp['acc'].append(a2)
            for _ in range(r.randint(6, 20)):
                x, y = r.sample(mp['acc'], 2)
                self.T(self.at(r.randrange(DAYS)), x, y, r.choice((2000, 5000, 10000, 20000, 50000, 100000)), memo='')
            mp['kind'] = 'salaried'
            self.life(mp, .6)
        # ---- large first payment from a new account (car, flat deposit)
        for i in range(self.scaled(60)):
            c = self.city()
            d = r.randint(0, DAYS - 10)
            owner = r.choice(self.people)
            na = self.acct(owner['h'], self.bank_for(c), self.new_open(d), owner['a'].region, arch='large_first_payment',
                           cls='I')
            self.bump('large_first_payment')
            amt = r.choice((50000, 80000, 120000, 150000, 200000, 300000))
            t = self.at(d + 1)
            self.T(t, owner['a'], na, amt, memo='')
            self.T(t + r.randint(3600, 86400 * 2), na, r.choice(self.cars[c] + self.dev[c]), amt, ch='counter',
                   memo=r.choice(('购车款', '定金', '首付')))
        # ---- weddings: many gifts within two days, then the hotel
        for i in range(self.scaled(50)):
            c = self.city()
            wp = self.new_person(c, 'wedding_gifts', age=(24, 34))
            self.bump('wedding_gifts')
            d = r.choice((r.randint(D_NATIONAL - 2, D_NATIONAL + 7), r.randint(D_SF - 30, D_SF - 2), r.randrange(DAYS - 3)))
            t = self.at(d)
            tot = 0
            for k in range(r.randint(25, 110)):
                g = r.choice((200, 500, 600, 800, 1000, 1000, 2000, 6666, 8888))
                tot += g
                self.T(t + r.randint(0, 86400 * 2), r.choice(self.people)['a'], wp['a'], g, memo=r.choice(('份子钱', '新婚快乐', '', '随礼')))
            self.T(t + 86400 * 3, wp['a'], r.choice(self.hotel[c]), round(tot * r.uniform(.3, .7), -2), ch='pos', memo='婚宴')
            self.life(wp, .5)
        # ---- group buying (团购团长): many small payments, one supplier payment
        for i in range(self.scaled(40)):
            c = self.city()
            gp = self.new_person(c, 'group_buying_leader', age=(28, 55))
            self.bump('group_buying_leader')
            nbr = [self.new_person(c, 'group_buying_neighbour', second=0, wallet=.3) for _ in range(r.randint(6, 16))]
            sup = r.choice(self.merch[c])
            for wk in range(r.randint(6, 20)):
                d = r.randrange(DAYS)
                t = self.at(d)
                tot = 0
                for q in r.sample(nbr, max(1, len(nbr) // 2)):
                    amt = round(r.uniform(20, 300), 1)
                    tot += amt
                    self.T(t + r.randint(0, 20000), q['a'], gp['a'], amt, memo='团购')
                self.T(t + 86400, gp['a'], sup, round(tot * .95, 2), ch='online', memo='货款')
            self.life(gp, .5)
            for q in nbr:
                q['kind'] = 'salaried'
                self.life(q, .3)

    def family_ext(self, home):
        h = self.person_h(home, 40, 75)
        a = self.acct(h, self.r.choice(('PSBC', 'PSBC', 'ABC', 'BOC', 'HBRCU' if home[:2] == '42' else 'PSBC')),
                      self.old_open(), home, arch='family_back_home')
        return a

    # ======================================================================= fraud
    def mule_person(self, city, arch, opened, bank=None, cls=None, region=None):
        r = self.r
        region = region or self.reg(city)
        h = self.person_h(region if r.random() < .7 else self.reg(self.city()), 18, 45)
        a = self.acct(h, bank or self.bank_for(city), opened, region, role='mule', arch=arch,
                      cls=cls or r.choice(('I', 'II', 'II')), base=r.choice((0, 0, 1000, 1000)))
        a.city = city
        return a

    def new_mule(self, kind, t_first):
        """a mule account ready to be used at time t_first"""
        r = self.r
        hid = self.hid
        if kind == 'fresh':
            lead = (r.uniform(.5, 10) if not hid else r.uniform(10, 60)) * 86400
            c = self.city() if r.random() < .85 else r.choice(('harbin', 'heihe'))
            bank = r.choice(SUPPLY) if c in CITIES and r.random() < .8 else None
            a = self.mule_person(c, 'mule_fresh_card', max(1, int(t_first - lead)), bank=bank)
            self.bump('mule_fresh_card')
            return a
        if kind == 'fresh_out':
            c = r.choice(('shenzhen', 'guangzhou', 'changsha', 'nanning', 'wuhan', 'harbin'))
            lead = (r.uniform(.5, 10) if not hid else r.uniform(10, 60)) * 86400
            a = self.mule_person(c, 'mule_fresh_card_outside', max(1, int(t_first - lead)),
                                 bank=r.choice(('CMB', 'CITIC', 'SPDB', 'GDRCU', 'BOC', 'PSBC')))
            self.bump('mule_fresh_card_outside')
            return a
        if kind == 'sold':
            for _ in range(50):
                p = r.choice(self.people)
                a = r.choice(p['acc'])
                if a.role == 'lawful' and a.opened < -365 * 86400 and a.sold is None and a.kind == 'card' and 'victim' not in a.arch:
                    break
            else:
                return self.new_mule('fresh', t_first)
            a.role = 'mule'
            a.arch = 'mule_sold_old_account;prior=' + a.arch
            a.sold = max(0, int(t_first - r.uniform(1, 10 if not hid else 25) * 86400))
            a.base = r.choice((0, 500, 2000, 5000))
            self.bump('mule_sold_old_account')
            return a
        if kind == 'wallet':
            c = self.city()
            h = self.person_h(self.reg(c), 18, 45)
            a = self.acct(h, r.choice(('TENPAY', 'ALIPAY')), max(1, int(t_first - r.uniform(1, 20) * 86400)), self.reg(c),
                          role='mule', arch='mule_wallet', cls='II')
            self.bump('mule_wallet')
            return a
        if kind == 'shell':
            c = r.choice(('taiyuan', 'hohhot', 'baotou', 'ordos', 'shenzhen', 'xiamen'))
            region = self.reg(c)
            h = self.corp_h(region)
            bank = r.choice(SUPPLY) if c in CITIES else r.choice(('CMB', 'CITIC', 'SPDB'))
            opened = int(t_first - r.uniform(20, 120) * 86400)
            a = self.acct(h, bank, opened, region, role='mule', arch='mule_shell_company', cls='corp',
                          base=r.choice((0, 10000, 100000)))
            a.city = c
            self.bump('mule_shell_company')
            return a
        raise ValueError(kind)

    def fraud(self):
        r = self.r
        hid = self.hid
        # ---- U商 (USDT over-the-counter sellers)
        self.ushang = []
        for i in range(14):
            local = i < 6
            c = r.choice(('taiyuan', 'ordos', 'baotou', 'hohhot')) if local else r.choice(('shenzhen', 'xiamen', 'guangzhou', 'haikou'))
            region = self.reg(c)
            h = self.person_h(region, 22, 45)
            accs = []
            for _ in range(r.randint(2, 3)):
                b = r.choice(SUPPLY) if local and r.random() < .7 else r.choice(('CMB', 'CITIC', 'SPDB', 'BOC', 'GDRCU'))
                a = self.acct(h, b, self.old_open(100, 2000), region, role='ushang', arch='ushang_otc_usdt')
                a.city = c
                accs.append(a)
            self.ushang.append(accs)
            self.bump('ushang')
        # ---- operator (upper-layer) accounts
        self.ops = []
        for i in range(30):
            c = r.choice(('shenzhen', 'guangzhou', 'xiamen', 'jinghong', 'ruili', 'nanning', 'haikou'))
            region = self.reg(c)
            if r.random() < .3:
                h = self.corp_h(region)
            else:
                h = self.person_h(region, 20, 50)
            b = r.choice(('CMB', 'CITIC', 'SPDB', 'GDRCU', 'BOC', 'TENPAY', 'ALIPAY'))
            a = self.acct(h, b, self.old_open(30, 1500), region, role='operator', arch='operator_collection')
            self.ops.append(a)
        # ---- card farmers
        self.farm_cards = []
        nf = 24
        for i in range(nf):
            outsider = r.random() < .55
            home = self.reg(r.choice(('jingzhou', 'nanning', 'zhoukou', 'bazhong'))) if outsider else self.reg(self.city())
            h = self.person_h(home, 18, 40)
            h.farmer = 1
            self.farmers.append(h)
            own_bank = self.bank_for('wuhan' if outsider else r.choice(CITY_NAMES))
            own = self.acct(h, own_bank, self.old_open(400), home, arch='card_farmer_own_account', cf=1)
            own.city = None
            span = r.randint(3, 14) if not hid else r.randint(20, 50)
            d0 = r.randint(5, DAYS - 90)
            ncity = r.randint(2, 4) if not hid else r.randint(1, 2)
            cities = r.sample(CITY_NAMES[:11], ncity)
            ncards = r.randint(8, 20) if not hid else r.randint(6, 12)
            cards = []
            for k in range(ncards):
                c = cities[k % ncity]
                d = d0 + int(span * k / ncards) + r.randint(0, 1)
                if r.random() < .55:
                    bank = r.choice(('BOC', 'PSBC', 'CMB', 'CITIC', 'SPDB'))
                else:
                    bank = r.choice([b for b in SUPPLY if (b not in ('JSB', 'SXRCU') or CITIES[c][0] == 'SX')
                                     and (b not in ('MSB', 'IMRCU') or CITIES[c][0] == 'IM')])
                a = self.acct(h, bank, self.new_open(min(d, DAYS - 2)), self.reg(c), role='farmer_card',
                              arch='farmer_card', cf=1, cls=r.choice(('I', 'II')), base=r.choice((0, 0, 1000, 2000)))
                a.city = c
                cards.append(a)
                if r.random() < .3:   # a tiny test transfer after opening
                    self.T(a.opened + r.randint(600, 7200), own, a, r.choice((1, 10, 100)), memo='')
            # the farmer's own ordinary life
            for _ in range(r.randint(3, 10)):
                self.T(self.at(r.randrange(DAYS)), own, r.choice(self.merch[r.choice(CITY_NAMES)]), round(r.uniform(20, 800), 2), ch='pos')
            self.T(self.at(min(DAYS - 1, d0 + span + r.randint(2, 10))), r.choice(self.ops), own,
                   r.choice((5000, 6000, 5500)) * (ncards // 6 + 1), memo='')
            self.farm_cards.extend(cards)
            self.bump('card_farmer')
            self.bump('farmer_card', len(cards))
        # ---- rings
        self.rings = []
        nrings = 18
        for i in range(nrings):
            typ = r.choices(TYPOLOGIES, weights=TYPO_W)[0]
            s = r.randint(0, DAYS - 40)
            e = min(DAYS - 1, s + r.randint(30, 110))
            ring = {'typ': typ, 's': s, 'e': e, 'l1': [], 'l2': [], 'l3': [],
                    'ush': r.sample(self.ushang if not hid else self.ushang[:6] + self.ushang[:6], 3),
                    'ops': r.sample(self.ops, 3), 'farm': []}
            self.rings.append(ring)
        # distribute farmer cards among rings (sets of sold cards)
        for a in self.farm_cards:
            if r.random() < .6:
                ring = r.choice([g for g in self.rings if g['e'] * 86400 > a.opened + 10 * 86400] or self.rings)
                ring['farm'].append(a)
        # ---- paofen platforms and participants
        self.paofen = []
        for i in range(40):
            c = r.choice(('taiyuan', 'hohhot', 'baotou', 'datong', 'linfen', 'yuncheng', 'chifeng'))
            new = r.random() < .4
            d0 = r.randint(3, DAYS - 30)
            if new:
                a = self.mule_person(c, 'paofen_participant', self.new_open(max(0, d0 - r.randint(1, 5))),
                                     bank=r.choice(SUPPLY) if r.random() < .8 else None)
            else:
                p = r.choice(self.people)
                a = p['a']
                a.arch = 'paofen_participant;prior=' + a.arch
            a.role = 'paofen'
            self.paofen.append((a, d0, min(DAYS - 1, d0 + r.randint(10, 60))))
            self.bump('paofen_participant')
        self.gamblers = []
        for i in range(500):
            c = r.choice(list(OUTSIDE)) if r.random() < .6 else self.city()
            region = self.reg(c)
            b = self.bank_for(c) if r.random() < .5 else r.choice(('TENPAY', 'ALIPAY'))
            a = self.acct(self.person_h(region, 18, 60), b, self.old_open(), region, arch='paofen_payer_gambler')
            self.gamblers.append(a)
        # ---- victims
        nv = 520
        for i in range(nv):
            typ = r.choices(TYPOLOGIES, weights=TYPO_W)[0]
            rings = [g for g in self.rings if g['typ'] == typ] or self.rings
            ring = r.choice(rings)
            self.victim(typ, ring)
        # paofen traffic (gamblers and some small victim payments)
        for a, d0, d1 in self.paofen:
            self.paofen_flow(a, d0, d1)

    # ---------------- ring membership helpers
    def ring_acct(self, ring, layer, t):
        r = self.r
        hid = self.hid
        pool = ring[layer]
        cand = [x for x in pool if x[1] <= t <= x[2]]
        want = 3 if layer == 'l1' else 4
        if len(cand) >= want or (cand and r.random() < .8):
            return r.choice(cand)[0]
        if layer == 'l1':
            if ring['typ'] == 'investment' and r.random() < .35:
                kind = 'shell'
            elif not hid:
                kind = r.choices(('fresh', 'sold', 'wallet', 'fresh_out'), weights=(52, 20, 10, 18))[0]
            else:
                kind = r.choices(('fresh', 'sold', 'wallet', 'fresh_out'), weights=(14, 70, 6, 10))[0]
        else:
            farm = [a for a in ring['farm'] if a.opened + 5 * 86400 < t and a not in [x[0] for x in pool]]
            if farm and r.random() < .55:
                a = farm[0]
                ring['farm'].remove(a)
                span = (r.uniform(5, 20) if not hid else r.uniform(15, 50)) * 86400
                pool.append((a, t, t + span))
                return a
            if not hid:
                kind = r.choices(('fresh', 'fresh_out', 'sold', 'wallet'), weights=(35, 40, 15, 10))[0]
            else:
                kind = r.choices(('fresh', 'fresh_out', 'sold', 'wallet'), weights=(15, 15, 65, 5))[0]
        a = self.new_mule(kind, t)
        span = (r.uniform(4, 18) if not hid else r.uniform(15, 55)) * 86400
        pool.append((a, t, t + span))
        return a

    def delay(self, depth):
        r = self.r
        if not self.hid:
            return int(self.lognorm(420 if depth == 1 else 300, .8)) + 60
        return int(self.lognorm(6 * 3600 if depth == 1 else 14 * 3600, 1.0)) + 1800

    def daylight(self, t):
        """yinni mules move money in office hours"""
        if not self.hid:
            return t
        sod = t % 86400
        if sod < 8 * 3600:
            return t - sod + 8 * 3600 + self.r.randrange(3 * 3600)
        if sod > 21 * 3600:
            return t - sod + 86400 + 9 * 3600 + self.r.randrange(3 * 3600)
        return t

    def flow(self, ring, a, fen, t, depth):
        """move fen (arrived at a at time t) onward; every outflow after the inflow, never more than arrived"""
        r = self.r
        hid = self.hid
        if fen < 500:
            return
        keep = int(fen * r.uniform(0, .015)) if depth > 1 or r.random() < .5 else 0
        fen -= keep
        go_exit = depth >= 3 or (depth == 2 and r.random() < (.4 if not hid else .6))
        if not go_exit:
            k = 1
            if not hid:
                k = r.choices((1, 2, 3), weights=(3, 4, 3))[0] if fen > 500000 else r.choice((1, 1, 2))
            elif fen > 2000000:
                k = r.choice((1, 2))
            parts = self.split(fen, k)
            t2 = self.daylight(t + self.delay(depth))
            for p in parts:
                nxt = self.ring_acct(ring, 'l2' if depth == 1 else 'l3', t2)
                if nxt is a:
                    continue
                x = self.T(t2, a, nxt, fen=p, ch=r.choice(('mobile', 'online')), fk='layering',
                           region=a.region if not a.atm else a.atm)
                if x:
                    self.flow(ring, nxt, p, t2, depth + 1)
                t2 += r.randint(30, 400) if not hid else r.randint(1800, 20000)
            return
        self.exit(ring, a, fen, self.daylight(t + self.delay(depth)))

    def split(self, fen, k):
        r = self.r
        if k == 1:
            return [fen]
        w = [r.uniform(.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = [int(fen * x / s) for x in w]
        parts[-1] += fen - sum(parts)
        return [p for p in parts if p > 0]

    def exit(self, ring, a, fen, t):
        r = self.r
        hid = self.hid
        if not hid:
            x = r.choices(('ushang', 'atm_far', 'operator', 'gold', 'border'), weights=(35, 25, 22, 8, 10))[0]
        else:
            x = r.choices(('ushang', 'atm_local', 'operator', 'gold_local', 'counter_local'), weights=(28, 30, 17, 13, 12))[0]
        if x in ('atm_far', 'border', 'atm_local') and fen > 6000000:
            x = 'ushang' if r.random() < .6 else 'operator'
        if x == 'ushang':
            u = r.choice(ring['ush'])
            ua = r.choice(u)
            if self.T(t, a, ua, fen=fen, ch='mobile', fk='ushang', memo=''):
                t2 = t + r.randint(600, 7200)
                other = [q for q in u if q is not ua]
                if other and r.random() < .7:
                    self.T(t2, ua, r.choice(other), fen=fen - fen // 200, ch='mobile', fk='ushang')
                elif r.random() < .5:
                    self.T(t2, ua, r.choice(self.ops), fen=fen - fen // 100, ch='online', fk='ushang')
        elif x == 'operator':
            self.T(t, a, r.choice(ring['ops']), fen=fen, ch='online', fk='layering')
        elif x in ('gold', 'gold_local'):
            c = a.city if a.city in CITIES else self.city()
            shop = r.choice(self.gold_sz) if x == 'gold' else self.gold[c][0]
            self.T(t, a, shop, fen=fen, ch='pos', fk='cashout', region=shop.region, memo='')
        elif x == 'counter_local':
            left = fen
            d = t
            while left > 0:
                p = min(left, r.randint(30000, 49000) * 100)
                self.T(d, a, None, fen=p, ch='counter', fk='cashout', region=a.region, memo='取现')
                left -= p
                d += 86400 + r.randint(-3600, 3600)
        else:
            if x == 'atm_far':
                region = self.reg(r.choice(FAR_CASH))
            elif x == 'border':
                region = r.choice(BORDER_CASH)[1]
            else:
                region = a.region
            left = fen
            d = t
            day_used = 0
            while left > 0:
                chunk = min(left, r.choice((200000, 250000, 300000, 500000)) if not hid else r.choice((150000, 200000, 250000, 490000)))
                if day_used + chunk > 2000000:
                    d = (d // 86400 + 1) * 86400 + r.randint(8 * 3600, 20 * 3600)
                    day_used = 0
                self.T(d, a, None, fen=chunk, ch='atm', fk='cashout', region=region)
                day_used += chunk
                left -= chunk
                d += r.randint(40, 300)

    # ---------------- victims
    def victim(self, typ, ring):
        r = self.r
        hid = self.hid
        if r.random() < .8:
            p = r.choice(self.people + self.students if typ in ('brushing', 'credit_record', 'game_trade')
                         else self.people)
            va = p['a']
            for _ in range(10):
                if va.role == 'lawful' and va.sold is None and 'victim=' not in va.arch:
                    break
                p = r.choice(self.people)
                va = p['a']
            else:
                return
        else:
            c = r.choice(list(OUTSIDE))
            region = self.reg(c)
            va = self.acct(self.person_h(region, 18, 75), self.bank_for(c), self.old_open(), region, arch='outside_person')
            p = None
        va.arch += ';victim=' + typ
        d0 = r.randint(ring['s'], ring['e'])
        t = self.at(d0, CW_DAY)
        # payment plan per typology: (count range, first amount yuan, growth, spacing seconds)
        plan = {
            'brushing': ((2, 8), (100, 800), 2.2, (600, 86400)),
            'investment': ((2, 8), (5000, 30000), 1.8, (86400 * 2, 86400 * 10)),
            'romance': ((2, 6), (3000, 20000), 1.7, (86400 * 2, 86400 * 9)),
            'police_gov': ((1, 4), (20000, 150000), 1.4, (1800, 30000)),
            'loan_card': ((2, 5), (500, 3000), 1.6, (1800, 40000)),
            'credit_record': ((1, 4), (5000, 30000), 1.3, (900, 7200)),
            'ecommerce_cs': ((1, 3), (2000, 15000), 1.5, (300, 2400)),
            'shopping_service': ((1, 2), (200, 3000), 1.3, (600, 86400)),
            'leader_acquaintance': ((1, 2), (10000, 50000), 1.2, (1800, 7200)),
            'game_trade': ((1, 3), (200, 2000), 1.5, (600, 7200)),
            'subsidy_refund': ((1, 3), (1000, 9000), 1.3, (300, 1800)),
            'accident_kidnap': ((1, 2), (10000, 50000), 1.2, (600, 3600)),
        }[typ]
        n = r.randint(*plan[0])
        amt = r.randint(*plan[1])
        if hid:
            amt = amt * .8
        reported = r.random() < REPORT_P[typ]
        txs = []
        if typ in ('credit_record', 'loan_card') and r.random() < .6:
            self.T(t - r.randint(600, 3600), r.choice(self.lender), va, round(amt * r.uniform(1, 2), -2), ch='online',
                   memo='借款')
        if typ in ('police_gov', 'investment', 'romance') and p is not None and len(p['acc']) > 1 and r.random() < .5:
            self.T(t - r.randint(600, 7200), p['acc'][1], va, round(amt * r.uniform(1, 1.5), -2), memo='')
        paofen_route = typ in ('brushing', 'shopping_service', 'game_trade') and self.paofen and r.random() < .3
        for k in range(n):
            if va.opened >= 0:   # a new account (a student's card): the victim borrows first
                self.T(t - r.randint(300, 3600), r.choice(self.lender), va, round(amt * 1.05 + 100, -1), ch='online', memo='借款')
            if paofen_route:
                cand = [x for x in self.paofen if x[1] * 86400 <= t <= x[2] * 86400]
                if cand:
                    l1 = r.choice(cand)[0]
                    x = self.T(t, va, l1, round(amt, 2) if amt < 5000 else round(amt, -1), ch='mobile', fk='victim_payment')
                    if x:
                        txs.append(x)
                        self.pf_in.setdefault(id(l1), []).append(x)
                    t += r.randint(*plan[3])
                    amt *= plan[2] * r.uniform(.8, 1.2)
                    continue
            l1 = self.ring_acct(ring, 'l1', t)
            if l1 is va:
                continue
            x = self.T(t, va, l1, round(amt, -1) if amt > 1000 else round(amt, 2), ch=r.choice(('mobile', 'mobile', 'online', 'counter' if typ == 'police_gov' else 'atm' if typ == 'subsidy_refund' else 'mobile')),
                       fk='victim_payment', region=va.region)
            if x:
                txs.append(x)
                fen = x[3]
                # early rebate to keep the victim paying (brushing, investment)
                if k == 0 and typ in ('brushing', 'investment') and n > 1:
                    reb = int(fen * r.uniform(.05, .3))
                    if reb > 100:
                        self.T(x[0] + r.randint(120, 1800), l1, va, fen=reb, fk='layering', memo=r.choice(('佣金', '收益', '')))
                        fen -= reb
                self.flow(ring, l1, fen, x[0], 1)
            t += r.randint(*plan[3])
            amt *= plan[2] * r.uniform(.8, 1.2)
            if t >= W1:
                break
        self.victims.append((va, typ, reported, txs))
        self.bump('victim')

    def paofen_flow(self, a, d0, d1):
        r = self.r
        hid = self.hid
        plat = r.sample(self.ops, 2)
        ins = list(self.pf_in.get(id(a), []))
        n = int((d1 - d0) * r.uniform(2, 5))
        for _ in range(n):
            t = self.at(r.randint(d0, d1), CW_NIGHT if r.random() < .5 else CW_DAY)
            g = r.choice(self.gamblers)
            amt = r.choice((100, 200, 300, 500, 1000, 2000, 3000)) + r.choice((0, 0, .01, .02, .05, .1, 1, 2))
            x = self.T(t, g, a, amt, ch='mobile', fk='paofen')
            if x:
                ins.append(x)
        ins.sort(key=lambda x: (x[0], x[9]))
        # forward accumulated money every 1-4 hours (commission kept)
        acc = 0
        last = None
        for x in ins:
            if last is None:
                last = x[0]
            acc += x[3]
            if x[0] - last > r.randint(3600, 4 * 3600) or acc > 3000000:
                t = x[0] + r.randint(60, 900)
                fwd = acc - acc * 15 // 1000
                self.T(t, a, r.choice(plat), fen=fwd, ch='mobile', fk='paofen')
                acc = 0
                last = None
        if acc > 0 and ins:
            self.T(ins[-1][0] + r.randint(60, 900), a, r.choice(plat), fen=acc - acc * 15 // 1000, ch='mobile', fk='paofen')

    # ======================================================================= finish
    def finish(self):
        r = self.r
        tx = self.tx
        tx.sort(key=lambda x: (x[0], x[9]))
        # 1) true-world balance for accounts opened inside the window (conservative on equal timestamps)
        bal = {}
        self.fraud_clipped = 0
        keep = []
        i = 0
        n = len(tx)
        while i < n:
            j = i
            ts = tx[i][0]
            while j < n and tx[j][0] == ts:
                j += 1
            group = tx[i:j]
            for x in group:
                a = x[1]
                if a is not None and a.opened >= 0:
                    b = bal.get(id(a), a.base)
                    if b < x[3]:
                        if x[8]:
                            self.fraud_clipped += 1
                        if b < 100:
                            x[3] = 0
                            continue
                        x[3] = b
                    bal[id(a)] = b - x[3]
            for x in group:
                if x[3] > 0 and x[2] is not None and x[2].opened >= 0:
                    bal[id(x[2])] = bal.get(id(x[2]), x[2].base) + x[3]
            i = j
        tx = [x for x in tx if x[3] > 0]
        # 2) what the supplying institutions' extracts hold
        out = []
        for x in tx:
            a, b, ts = x[1], x[2], x[0]
            if (a is not None and a.row and ts >= a.S) or (b is not None and b.row and ts >= b.S):
                out.append(x)
        self.out = out
        # 3) opening balances of accounts with rows
        mins = {}
        run = {}
        i = 0
        n = len(out)
        while i < n:
            j = i
            ts = out[i][0]
            while j < n and out[j][0] == ts:
                j += 1
            for x in out[i:j]:
                a = x[1]
                if a is not None and a.row:
                    v = run.get(id(a), 0) - x[3]
                    run[id(a)] = v
                    if v < mins.get(id(a), 0):
                        mins[id(a)] = v
            for x in out[i:j]:
                b = x[2]
                if b is not None and b.row:
                    run[id(b)] = run.get(id(b), 0) + x[3]
            i = j
        for a in self.accts:
            if not a.row:
                continue
            if a.opened >= a.S:
                a.base = a.base  # balance at opening (true world, consistent by construction)
                if -mins.get(id(a), 0) > a.base:
                    a.base = -mins[id(a)]   # only reachable if a transfer was missed; keeps the file consistent
            else:
                a.base = -mins.get(id(a), 0) + a.base
        # 4) ids
        for k, x in enumerate(out):
            a, b = x[1], x[2]
            rep = a.bank if (a is not None and a.row and x[0] >= a.S) else b.bank
            x.append('%s%s%08d' % (rep, DAYSTR[x[0] // 86400].replace('-', ''), k + 1))
        # 5) appearing accounts and labels
        seen = set()
        self.appear = []
        for x in out:
            for a in (x[1], x[2]):
                if a is not None and id(a) not in seen:
                    seen.add(id(a))
                    if not a.row:
                        self.appear.append(a)
        self.labels()

    def labels(self):
        r = self.r
        outset = set(id(x) for x in self.out)
        self.lab_tx = []
        reported_l1 = {}
        for va, typ, rep, txs in self.victims:
            if not rep:
                continue
            for x in txs:
                if id(x) in outset and r.random() < .9:
                    self.lab_tx.append(x)
                    reported_l1[id(x[2])] = x[2]
        # accounts: receiving accounts of reported payments more likely, deeper layers less
        appear_ids = set(id(a) for a in self.appear)
        depth = {}
        for x in self.out:
            if x[8] == 'layering' and x[1] is not None and x[2] is not None:
                if id(x[1]) in reported_l1 and id(x[2]) not in reported_l1:
                    depth[id(x[2])] = 2
        self.lab_acc = []
        for a in self.accts:
            if not (a.row or id(a) in appear_ids):
                continue
            p = 0
            if a.role == 'mule' or (a.role == 'farmer_card'):
                if id(a) in reported_l1:
                    p = .75
                elif depth.get(id(a)) == 2:
                    p = .45
                else:
                    p = .22
                if a.role == 'farmer_card':
                    p *= .7 if self.used_card(a) else 0.0
                if a.arch.startswith('mule_sold_old'):
                    p *= .8
            elif a.role == 'paofen':
                p = .4
            if p and r.random() < p:
                a.lab = 1
                self.lab_acc.append(a)
        self.lab_h = []
        for h in self.farmers:
            if r.random() < .5:
                h.flab = 1
                self.lab_h.append(h)

    def used_card(self, a):
        if not hasattr(self, '_used'):
            self._used = set()
            for x in self.out:
                if x[8]:
                    for q in (x[1], x[2]):
                        if q is not None:
                            self._used.add(id(q))
        return id(a) in self._used


# =========================================================================== output
def write(w, out, truth):
    os.makedirs(out, exist_ok=True)
    rows = [a for a in w.accts if a.row]
    with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance\n')
        f.write(''.join('%s,%s,%s,%s,%s,%s,%s\n' % (a.id, a.bank, a.h.idn, fmt_ts(a.opened), a.region, a.cls, fmt_fen(a.base))
                        for a in rows))
    with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n')
        buf = []
        for x in w.out:
            a, b = x[1], x[2]
            kind = 'transfer' if (a is not None and b is not None) else ('withdrawal' if b is None else 'deposit')
            buf.append('%s,%s,%s,%s,%s,CNY,%s,%s,%s,%s,%s\n' % (
                x[10], fmt_ts(x[0]), a.id if a is not None else '', b.id if b is not None else '', fmt_fen(x[3]),
                x[4], x[5], kind, x[6], 'true' if x[7] else 'false'))
        f.write(''.join(buf))
    with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('kind,id,label\n')
        for x in sorted(w.lab_tx, key=lambda x: x[10]):
            f.write('transfer,%s,fraud\n' % x[10])
        for a in w.lab_acc:
            f.write('account,%s,mule\n' % a.id)
        for h in w.lab_h:
            f.write('holder,%s,card_farmer\n' % h.idn)
    if not truth:
        return
    with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('record,id,bank,holder,has_row,role,archetype,card_farmer,opened_at,labelled,farmer_labelled,extract_start\n')
        for i in INST:
            f.write('institution,%s,%s,,,,%s,,,,,%s\n' % (i[0], i[0], i[2], fmt_ts(i[4] * 86400) if i[3] else ''))
        appear = set(id(a) for a in w.appear)
        for a in w.accts:
            if not (a.row or id(a) in appear):
                continue
            f.write('account,%s,%s,%s,%d,%s,%s,%d,%s,%d,%d,%s\n' % (
                a.id, a.bank, a.h.idn, 1 if a.row else 0, a.role, a.arch, a.cf, fmt_ts(a.opened), a.lab, a.h.flab,
                fmt_ts(a.S) if a.row else ''))
    with open(os.path.join(out, 'truth_transfers.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('txn_id,kind\n')
        f.write(''.join('%s,%s\n' % (x[10], x[8]) for x in w.out if x[8]))


def stats(w):
    out = w.out
    rows = [a for a in w.accts if a.row]
    appear = set(id(a) for a in w.appear)
    present = [a for a in w.accts if a.row or id(a) in appear]
    fk = {}
    for x in out:
        if x[8]:
            fk[x[8]] = fk.get(x[8], 0) + 1
    roles = {}
    for a in present:
        k = (a.role, a.row)
        roles[k] = roles.get(k, 0) + 1
    victims = [v for v in w.victims if any(x[10:] for x in v[3] if len(x) > 10)]
    farmers_present = sum(1 for h in w.farmers if any(a.row or id(a) in appear for a in h.accts if a.role == 'farmer_card'))
    s = [
        ('accounts with rows', len(rows)),
        ('external accounts (in transfers, no row)', len(w.appear)),
        ('transfers', len(out)),
        ('  of which cross-border', sum(1 for x in out if x[7])),
        ('  of which withdrawals / deposits', '%d / %d' % (sum(1 for x in out if x[2] is None), sum(1 for x in out if x[1] is None))),
        ('victims (with a written payment)', len(victims)),
        ('victim payments', fk.get('victim_payment', 0)),
        ('layering transfers', fk.get('layering', 0)),
        ('cash-out transfers', fk.get('cashout', 0)),
        ('paofen transfers', fk.get('paofen', 0)),
        ('ushang transfers', fk.get('ushang', 0)),
        ('mule accounts (rows / all present)', '%d / %d' % (roles.get(('mule', True), 0), roles.get(('mule', True), 0) + roles.get(('mule', False), 0))),
        ('paofen accounts (rows / all)', '%d / %d' % (roles.get(('paofen', True), 0), roles.get(('paofen', True), 0) + roles.get(('paofen', False), 0))),
        ('ushang accounts (rows / all)', '%d / %d' % (roles.get(('ushang', True), 0), roles.get(('ushang', True), 0) + roles.get(('ushang', False), 0))),
        ('operator accounts (all external)', roles.get(('operator', False), 0) + roles.get(('operator', True), 0)),
        ('card farmers (with a present card)', farmers_present),
        ('farmer cards (rows / all present)', '%d / %d' % (roles.get(('farmer_card', True), 0), roles.get(('farmer_card', True), 0) + roles.get(('farmer_card', False), 0))),
        ('labels: transfer fraud', len(w.lab_tx)),
        ('labels: account mule', len(w.lab_acc)),
        ('labels: holder card_farmer', len(w.lab_h)),
        ('fraud transfers clipped by balance (should be 0)', w.fraud_clipped),
    ]
    return s


def verify(out):
    import csv
    bad = []
    opened, bal0 = {}, {}
    with open(os.path.join(out, 'accounts.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            if not valid_id(row['holder_id']):
                bad.append('bad identity check digit: %s' % row['holder_id'])
            if row['account_class'] in ('I', 'II', 'III') and not valid_luhn(row['account_id']):
                bad.append('bad Luhn digit: %s' % row['account_id'])
            opened[row['account_id']] = row['opened_at']
            bal0[row['account_id']] = int(row['opening_balance'].replace('.', ''))
    seen = set()
    bal = dict(bal0)
    groups = []
    with open(os.path.join(out, 'transfers.csv'), encoding='utf-8') as f:
        prev = None
        cur = []
        for row in csv.DictReader(f):
            if row['txn_id'] in seen:
                bad.append('duplicate txn %s' % row['txn_id'])
            seen.add(row['txn_id'])
            ts = row['ts']
            if prev is not None and ts < prev:
                bad.append('transfers not in time order at %s' % row['txn_id'])
            if ts != prev and cur:
                groups.append(cur)
                cur = []
            prev = ts
            cur.append((row['from_account'], row['to_account'], int(row['amount'].replace('.', '')), ts))
        if cur:
            groups.append(cur)
    neg = 0
    for g in groups:
        for a, b, fen, ts in g:      # debits first on equal timestamps (conservative)
            for acc in (a, b):
                if acc in opened and ts < opened[acc]:
                    bad.append('transfer before opening: %s %s' % (acc, ts))
            if a in bal:
                bal[a] -= fen
                if bal[a] < 0:
                    neg += 1
                    if neg < 20:
                        bad.append('negative balance: %s at %s' % (a, ts))
        for a, b, fen, ts in g:
            if b in bal:
                bal[b] += fen
    with open(os.path.join(out, 'labels.csv'), encoding='utf-8') as f:
        for row in csv.DictReader(f):
            if row['kind'] == 'holder' and not valid_id(row['id']):
                bad.append('bad labelled holder id %s' % row['id'])
    return bad


def main():
    ap = argparse.ArgumentParser(description='晋蒙 synthetic anti-fraud world for fanzha')
    ap.add_argument('--variant', choices=('baseline', 'yinni', 'chouchou'), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--verify', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build()
    write(w, args.out, args.truth)
    if args.stats:
        print('| %s | %s |' % ('measure', args.variant))
        print('|---|---|')
        for k, v in stats(w):
            print('| %s | %s |' % (k, v))
        print('| generation seconds | %.1f |' % (time.time() - t0))
    if args.verify:
        bad = verify(args.out)
        if bad:
            for b in bad[:50]:
                print('verify:', b, file=sys.stderr)
            print('verify: FAILED (%d problems)' % len(bad), file=sys.stderr)
            sys.exit(2)
        print('verify: ok', file=sys.stderr)


if __name__ == '__main__':
    main()
