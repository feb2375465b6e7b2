#!/usr/bin/env python3
# Licence: Apache-2.0 (written for the fanzha project).
"""Lingnan world: a synthetic South-China-coast (Guangdong + Hainan) banking extract with
telecom-fraud mule networks, 跑分 platforms, U商 cash-out and card farmers.

Standard library only.  One seeded random.Random; output is byte-identical for the same
--variant and --seed.  Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange
format v1) and optionally truth.csv.
"""
import argparse
import csv
import heapq
import os
import random
import sys
from datetime import datetime, timedelta, timezone, date

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 3, 1, tzinfo=TZ)          # Friday
DAYS = 168                                    # 2024-03-01 .. 2024-08-15
DAY, HOUR, MIN = 86400, 3600, 60
END = DAYS * DAY
MONTH_STARTS = [0, 31, 61, 92, 122, 153]      # Mar Apr May Jun Jul Aug
HOLIDAYS = set([34, 35, 36, 61, 62, 63, 64, 65, 101])

# ---------------------------------------------------------------- places (GB/T 2260)
CITIES = {  # key: (district codes, weight for residents, province prefix)
    'SZ': ([440303, 440304, 440305, 440306, 440307, 440309, 440310, 440311], 26),
    'DG': ([441900], 16),
    'GZ': ([440103, 440104, 440105, 440106, 440111, 440112, 440113, 440114], 22),
    'FS': ([440604, 440605, 440606], 10),
    'ZS': ([442000], 5),
    'ZH': ([440402], 3),
    'HZ': ([441302], 4),
    'JM': ([440703], 2),
    'ST': ([440507], 1.5),
    'CZ': ([445102], 0.8),
    'JY': ([445281], 1.2),
    'SW': ([441581], 0.8),
    'MZ': ([441402], 0.7),
    'ZJ': ([440803], 1.3),
    'MM': ([440981, 440904], 1.2),
    'YJ': ([441702], 0.5),
    'HKO': ([460105, 460106, 460107, 460108], 4),
    'SY': ([460202, 460203, 460204], 3),
    'DZ': ([460400], 0.6),
    'QH': ([469002], 0.5),
    'WN': ([469006], 0.4),
}
INDUSTRIAL = ['DG', 'SZ', 'FS', 'ZS', 'HZ', 'GZ', 'JM']
URBAN = ['SZ', 'GZ', 'FS', 'DG', 'ZH', 'HKO']
HOMES = [  # migrant workers' home regions
    (430502, 6), (431002, 6), (431102, 5), (431202, 5), (450902, 6), (450802, 6), (450303, 4),
    (511302, 5), (511602, 4), (360702, 8), (411602, 4), (411702, 4), (421102, 5), (520102, 4),
    (522601, 4), (500101, 4), (530102, 3), (440981, 4), (445281, 3), (441581, 2), (440803, 3)]
FAR = [230102, 230803, 150102, 150202, 220102, 650102, 533102, 451481, 350582, 350102,
       420106, 320106, 430102, 510104, 431202, 450802]
CASHOUT_ATM = [533102, 451481, 441581, 445281, 440904, 460400, 230102, 150202, 350582, 441900,
               440306, 440111]
RCU_BY_PROV = {'43': 'HNNX', '45': 'GXRCU', '51': 'SCRCU', '36': 'JXNX', '41': 'HARCU',
               '42': 'HBRCU', '52': 'GZNX', '50': 'CQRCB', '53': 'YNRCU', '23': 'HLJRCU',
               '15': 'NMRCU', '22': 'JLRCU', '65': 'XJRCU', '35': 'FJNX', '32': 'JSRCU'}

# ---------------------------------------------------------------- institutions
# code: (name, kind, card BINs, card length, corp prefix, corp length, national)
BANKS = {
    'ICBC': ('中国工商银行', 'bank', ['621226', '622202', '621723'], 19, '4000', 19, True),
    'CCB': ('中国建设银行', 'bank', ['621700', '622700', '436742'], 19, '4405', 20, True),
    'ABC': ('中国农业银行', 'bank', ['622848', '623052', '621282'], 19, '4406', 17, True),
    'BOC': ('中国银行', 'bank', ['621661', '621785', '621790'], 19, '6442', 12, True),
    'BOCOM': ('交通银行', 'bank', ['622262', '622260'], 19, '4410', 21, True),
    'CMB': ('招商银行', 'bank', ['621483', '622588', '621286'], 16, '755', 15, True),
    'PSBC': ('中国邮政储蓄银行', 'bank', ['621799', '622188', '621098'], 19, '9440', 18, True),
    'PAB': ('平安银行', 'bank', ['623058', '622298', '622155'], 19, '15', 14, True),
    'CGB': ('广发银行', 'bank', ['621462', '622568', '625809'], 19, '9550', 20, True),
    'CITIC': ('中信银行', 'bank', ['622690', '621771'], 16, '8110', 19, True),
    'CEB': ('中国光大银行', 'bank', ['622660', '621488'], 16, '3891', 16, True),
    'CMBC': ('中国民生银行', 'bank', ['622622', '621691'], 16, '6981', 9, True),
    'SPDB': ('浦发银行', 'bank', ['622521', '621792'], 16, '7901', 18, True),
    'CIB': ('兴业银行', 'bank', ['622909', '622908'], 18, '3910', 18, True),
    'HXB': ('华夏银行', 'bank', ['622632', '623021'], 16, '1086', 14, True),
    'GDRCU': ('广东农信', 'bank', ['621728', '622439', '623595'], 19, '8002', 18, False),
    'SZRCB': ('深圳农村商业银行', 'bank', ['622567', '621065'], 19, '0002', 17, False),
    'GZRCB': ('广州农村商业银行', 'bank', ['622439', '621027'], 19, '0571', 17, False),
    'DGRCB': ('东莞农村商业银行', 'bank', ['622476', '621253'], 19, '5600', 18, False),
    'DGB': ('东莞银行', 'bank', ['622333', '621439'], 19, '5100', 17, False),
    'SDEBANK': ('广东顺德农村商业银行', 'bank', ['622322', '621022'], 19, '8011', 17, False),
    'GZCB': ('广州银行', 'bank', ['622467', '621461'], 19, '8006', 18, False),
    'HNRCU': ('海南省农村信用社', 'bank', ['621066', '622479'], 19, '1001', 17, False),
    'ALIPAY': ('支付宝', 'payment', ['2088'], 16, '2088', 16, True),
    'TENPAY': ('财付通', 'payment', ['1900'], 14, '1900', 14, True),
    'DYPAY': ('抖音支付', 'payment', ['7031'], 16, '7031', 16, True),
    'JDPAY': ('京东支付', 'payment', ['3106'], 15, '3106', 15, True),
    'LAKALA': ('拉卡拉支付', 'payment', ['822'], 15, '822', 15, True),
}
for _p, _c in RCU_BY_PROV.items():
    BANKS[_c] = (_c + ' 农信/农商', 'bank', ['62' + _p + '%02d' % (int(_p) % 97)], 19, '7' + _p, 18, False)

VARIANTS = {
    'baseline': dict(
        supply={'ICBC': 0, 'CMB': 0, 'PAB': 4, 'GDRCU': 11, 'HNRCU': 16, 'CGB': 23,
                'LAKALA': 26, 'DGRCB': 33, 'SZRCB': 47},
        pop=1.0, n_gangs=7, cases=1.0, farmers=14, farmer_cards=(6, 14), farmer_days=(1, 3),
        l1_mix={'fresh': 36, 'rented_old': 22, 'paofen': 14, 'platform': 11, 'corp_shell': 9,
                'seller_card': 8},
        speed={'fast': 55, 'medium': 30, 'slow': 15}, forward_frac=(0.97, 1.0),
        cashout={'atm': 35, 'ushang': 30, 'external': 22, 'purchase': 6, 'wallet': 7},
        victims_local=0.40),
    # accounts bought or rented with years of lawful history, slow layering, money parked
    'slow_rented': dict(
        supply={'ICBC': 0, 'CMB': 0, 'PAB': 4, 'GDRCU': 11, 'HNRCU': 16, 'CGB': 23,
                'LAKALA': 26, 'DGRCB': 33, 'SZRCB': 47},
        pop=1.0, n_gangs=7, cases=0.9, farmers=8, farmer_cards=(3, 6), farmer_days=(6, 25),
        l1_mix={'fresh': 10, 'rented_old': 44, 'paofen': 24, 'platform': 8, 'corp_shell': 10,
                'seller_card': 4},
        speed={'fast': 12, 'medium': 30, 'slow': 58}, forward_frac=(0.55, 0.9),
        cashout={'atm': 15, 'ushang': 40, 'external': 20, 'purchase': 18, 'wallet': 7},
        victims_local=0.40),
    # few institutions supply data and most start late: chains are cut into pieces
    'thin_supply': dict(
        supply={'CMB': 0, 'PAB': 19, 'GDRCU': 30, 'HNRCU': 44, 'LAKALA': 58, 'DGRCB': 72},
        pop=1.6, n_gangs=7, cases=1.1, farmers=16, farmer_cards=(6, 14), farmer_days=(1, 3),
        l1_mix={'fresh': 36, 'rented_old': 22, 'paofen': 14, 'platform': 11, 'corp_shell': 9,
                'seller_card': 8},
        speed={'fast': 55, 'medium': 30, 'slow': 15}, forward_frac=(0.97, 1.0),
        cashout={'atm': 35, 'ushang': 30, 'external': 22, 'purchase': 6, 'wallet': 7},
        victims_local=0.30),
}

TYPOLOGY = {  # id: (weight, payments range, amount (mu, sigma) of log yuan, spacing kind)
    'brushing': (20, (2, 7), (7.2, 1.1), 'escalate'),
    'investment': (12, (2, 8), (10.3, 0.9), 'weeks'),
    'ecommerce_cs': (11, (1, 4), (8.9, 0.9), 'hour'),
    'loan_card': (10, (2, 5), (7.6, 0.8), 'days'),
    'credit_record': (6, (1, 4), (9.4, 0.8), 'hour'),
    'police_gov': (6, (1, 3), (11.0, 1.0), 'hour'),
    'romance': (6, (3, 9), (9.6, 1.0), 'weeks'),
    'leader_acquaintance': (6, (1, 2), (10.0, 0.7), 'hour'),
    'shopping_service': (8, (1, 2), (6.8, 1.0), 'hour'),
    'game_trade': (5, (1, 3), (6.6, 0.9), 'hour'),
    'fake_job': (3, (1, 2), (6.3, 0.6), 'days'),
    'military_purchase': (2, (1, 3), (10.2, 0.7), 'days'),
    'accident_kidnap': (2, (1, 2), (9.6, 0.6), 'hour'),
    'subsidy_refund': (2, (1, 3), (8.6, 0.8), 'hour'),
    'parcel': (1, (1, 2), (10.2, 0.8), 'hour'),
}
VICTIM_MEMO = ['', '', '', '', '', '', '货款', '转账', '保证金', '投资款', '还款', '往来款', '充值']

HUMAN_H = [1, .5, .3, .2, .2, .4, 1.5, 4, 6, 7, 7, 7, 8, 7, 7, 7, 7, 7, 8, 9, 9, 8, 6, 3]
NIGHT_H = [5, 5, 4, 4, 3, 2, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 8, 8, 7, 6]
BIZ_H = [0, 0, 0, 0, 0, 0, .2, 1, 5, 9, 10, 10, 6, 8, 10, 10, 9, 7, 3, 1, .5, .2, 0, 0]


def cum(ws):
    out, s = [], 0.0
    for w in ws:
        s += w
        out.append(s)
    return out


HUMAN_C, NIGHT_C, BIZ_C = cum(HUMAN_H), cum(NIGHT_H), cum(BIZ_H)


class Acc:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arche', 'owner',
                 'supplied', 'blocked', 'kind', 'gang', 'layer', 'act_from', 'act_to', 'mode',
                 'pending', 'sweep_at', 'dirty', 'reported', 'labelled', 'atm_day', 'uses',
                 'unwitting', 'farmer', 'settle')

    def __init__(self):
        self.blocked = None
        self.kind = None
        self.gang = None
        self.layer = 0
        self.mode = 'each'
        self.pending = None
        self.sweep_at = None
        self.dirty = False
        self.reported = False
        self.labelled = False
        self.atm_day = None
        self.uses = 0
        self.unwitting = False
        self.farmer = False
        self.settle = None


class Person:
    def __init__(self, hid, arche, city, region, home, age, role='lawful'):
        self.hid, self.arche, self.city, self.region, self.home = hid, arche, city, region, home
        self.age, self.role = age, role
        self.banks = []       # bank accounts
        self.dormant = []     # accounts it no longer uses
        self.wallets = []     # payment-firm wallets
        self.family = []      # accounts of family members (often outside the data)
        self.busy = False     # already used by the fraud side


class Gang:
    def __init__(self, name):
        self.name = name
        self.pool = {1: [], 2: [], 3: [], 9: []}
        self.stock = []       # bought card-farmer cards
        self.sinks = []
        self.ushang = []


class World:
    def __init__(self, variant, seed):
        self.v = VARIANTS[variant]
        self.variant = variant
        self.r = random.Random(seed)
        self.ids = set()
        self.accs = []
        self.persons = []
        self.ev = []          # (t, from, to, fen, channel, region, kind, memo, cross, fraud, case)
        self.by_city = {}
        self.supply = self.v['supply']
        self.cases = []
        self.holders = {}
        self.farmer_holders = []
        self.seq = 0
        self.heap = []

    # ------------------------------------------------------------ small helpers
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, items):
        tot = sum(w for _, w in items)
        x = self.r.random() * tot
        for it, w in items:
            x -= w
            if x < 0:
                return it
        return items[-1][0]

    def at(self, day, c=HUMAN_C):
        h = self.r.choices(range(24), cum_weights=c)[0]
        return day * DAY + h * HOUR + self.r.randrange(3600)

    def yuan(self, y, cents=False):
        if cents:
            return max(1, int(round(y * 100)))
        return max(100, int(round(y)) * 100)

    def r100(self, y):
        return max(100, int(y / 100) * 10000)

    def lgn(self, mu, s):
        return self.r.lognormvariate(mu, s)

    def city_region(self, ck):
        return self.pick(CITIES[ck][0])

    def rand_city(self, keys=None):
        if keys is None:
            return self.wpick([(k, v[1]) for k, v in CITIES.items()])
        return self.wpick([(k, CITIES[k][1]) for k in keys])

    def luhn(self, body):
        s, alt = 0, True
        for ch in reversed(body):
            d = int(ch)
            if alt:
                d *= 2
                if d > 9:
                    d -= 9
            s += d
            alt = not alt
        return str((10 - s % 10) % 10)

    def new_id(self, f):
        while True:
            x = f()
            if x not in self.ids:
                self.ids.add(x)
                return x

    def card_no(self, bank, corp=False):
        name, kind, bins, ln, cpre, cln, nat = BANKS[bank]
        r = self.r
        if kind == 'payment':
            pre = cpre if corp else self.pick(bins)
            n = cln if corp else ln
            return self.new_id(lambda: pre + ''.join(str(r.randrange(10)) for _ in range(n - len(pre))))
        if corp:
            return self.new_id(lambda: cpre + ''.join(str(r.randrange(10)) for _ in range(cln - len(cpre))))
        b = self.pick(bins)

        def f():
            body = b + ''.join(str(r.randrange(10)) for _ in range(ln - len(b) - 1))
            return body + self.luhn(body)
        return self.new_id(f)

    def id_number(self, region, age):
        r = self.r
        by = 2024 - age
        bd = date(by, 1, 1) + timedelta(days=r.randrange(365))
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

        def f():
            body = '%06d%s%03d' % (region, bd.strftime('%Y%m%d'), r.randrange(1000))
            s = sum(int(c) * w[i] for i, c in enumerate(body)) % 11
            return body + '10X98765432'[s]
        return self.new_id(f)

    def uscc(self, region):
        cs = '0123456789ABCDEFGHJKLMNPQRTUWXY'
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        r = self.r

        def f():
            body = '91%06d' % region + ''.join(cs[r.randrange(31)] for _ in range(9))
            s = sum(cs.index(c) * w[i] for i, c in enumerate(body))
            return body + cs[(31 - s % 31) % 31]
        return self.new_id(f)

    def bank_for(self, region, personal=True):
        pv = str(region)[:2]
        if pv in ('44', '46'):
            ck = None
            for k, (codes, _) in CITIES.items():
                if region in codes:
                    ck = k
            items = [('ICBC', 14), ('CCB', 13), ('ABC', 10), ('BOC', 8), ('BOCOM', 4), ('CMB', 9),
                     ('PSBC', 6), ('PAB', 6), ('CGB', 4), ('CITIC', 2), ('CEB', 2), ('CMBC', 2),
                     ('SPDB', 2), ('CIB', 3), ('HXB', 1)]
            if pv == '46':
                items += [('HNRCU', 16)]
            elif ck == 'SZ':
                items += [('SZRCB', 5)]
            elif ck == 'GZ':
                items += [('GZRCB', 5), ('GZCB', 3)]
            elif ck == 'DG':
                items += [('DGRCB', 8), ('DGB', 4)]
            elif ck == 'FS':
                items += [('SDEBANK', 6), ('GDRCU', 2)]
            else:
                items += [('GDRCU', 12)]
            return self.wpick(items)
        items = [('ICBC', 14), ('CCB', 14), ('ABC', 14), ('BOC', 8), ('PSBC', 12), ('BOCOM', 4),
                 ('CMB', 5), ('CIB', 3), ('CITIC', 2), ('CEB', 2), ('CMBC', 2), ('SPDB', 2), ('PAB', 2)]
        if pv in RCU_BY_PROV:
            items.append((RCU_BY_PROV[pv], 18))
        return self.wpick(items)

    def is_supplied(self, bank, region):
        if bank not in self.supply:
            return False
        name, kind, _, _, _, _, nat = BANKS[bank]
        if kind == 'payment':
            return True
        return str(region)[:2] in ('44', '46')

    def new_acc(self, owner, bank, opened, region, cls, role='lawful', arche=None, corp=False):
        a = Acc()
        a.id = self.card_no(bank, corp)
        a.bank, a.holder, a.opened, a.region, a.cls = bank, owner.hid, opened, region, cls
        a.role, a.arche, a.owner = role, arche or owner.arche, owner
        a.supplied = self.is_supplied(bank, region)
        a.farmer = owner.role == 'card_farmer'
        self.accs.append(a)
        return a

    def new_person(self, arche, city, region, home, age, role='lawful'):
        hid = self.id_number(home, age)
        p = Person(hid, arche, city, region, home, age, role)
        self.persons.append(p)
        return p

    def new_corp(self, arche, city, banks=1, bank=None, opened=None, role='lawful'):
        region = self.city_region(city) if city in CITIES else city
        p = Person(self.uscc(region), arche, city, region, region, 0, role)
        for i in range(banks):
            b = bank if (bank and i == 0) else self.bank_for(region)
            op = opened if opened is not None else -self.r.randrange(200, 6000) * DAY - self.r.randrange(DAY)
            p.banks.append(self.new_acc(p, b, op, region, 'corp', role, arche, corp=True))
        self.persons.append(p)
        return p

    def tx(self, t, a, b, fen, ch='mobile', reg=None, kind='transfer', memo='', cross=False,
           fraud=False, case=None):
        if fen <= 0 or t < 0 or t >= END:
            return
        if (kind == 'transfer' and (a is None or b is None)) or (kind == 'withdrawal' and a is None) \
                or (kind == 'deposit' and b is None):
            return
        if reg is None:
            src = a if a is not None else b
            reg = src.owner.region if src.owner.region else src.region
        self.ev.append((t, a, b, fen, ch, reg, kind, memo, cross, fraud, case))

    def usable(self, p, t):
        """a bank account of p that its owner can use at time t"""
        ok = [a for a in p.banks if a.opened <= t and (a.blocked is None or not (a.blocked[0] <= t < a.blocked[1]))]
        if not ok:
            return None
        if len(ok) == 1 or self.r.random() < 0.7:
            return ok[0]
        return self.pick(ok)

    # ------------------------------------------------------------ population
    def build_population(self):
        r = self.r
        S = self.v['pop']
        # corporate counterparties
        self.factories = {}
        for ck in INDUSTRIAL:
            n = {'DG': 60, 'SZ': 55, 'FS': 30, 'ZS': 18, 'HZ': 16, 'GZ': 25, 'JM': 8}[ck]
            n = int(n * S)
            fl = []
            for _ in range(n):
                bank = self.wpick([('ICBC', 5), ('CCB', 4), ('ABC', 3), ('BOC', 3), ('DGRCB', 4 if ck == 'DG' else 0),
                                   ('SZRCB', 3 if ck == 'SZ' else 0), ('GDRCU', 2), ('CMB', 3), ('PAB', 2), ('CGB', 1)])
                fl.append(self.new_corp('factory', ck, banks=1 + (r.random() < 0.4), bank=bank))
            self.factories[ck] = fl
        self.merchants = {}
        for ck in CITIES:
            n = max(4, int(CITIES[ck][1] * 5 * S))
            self.merchants[ck] = [self.new_corp(self.pick(['restaurant', 'supermarket', 'phone_shop', 'clinic',
                                                           'gold_shop', 'hardware', 'school_fee']), ck)
                                  for _ in range(n)]
        self.utility = {'44': self.new_corp('power_grid', 'GZ', banks=3), '46': self.new_corp('power_grid', 'HKO', banks=2)}
        self.pension = {'44': self.new_corp('social_security', 'GZ', banks=4),
                        '46': self.new_corp('social_security', 'HKO', banks=2)}
        self.card_centre = {}
        for b in ['ICBC', 'CMB', 'PAB', 'CGB', 'CCB', 'BOC', 'CITIC', 'CMBC', 'SPDB', 'CIB']:
            self.card_centre[b] = self.new_corp('credit_card_centre', 'SZ' if b in ('CMB', 'PAB') else 'GZ', banks=1, bank=b)
        self.car_dealers = [self.new_corp('car_dealer', self.rand_city(URBAN)) for _ in range(int(30 * S))]
        self.developers = [self.new_corp('property_developer', self.rand_city(URBAN + ['HZ', 'ZS', 'SY'])) for _ in range(int(20 * S))]
        self.logistics = [self.new_corp('logistics', self.rand_city(INDUSTRIAL)) for _ in range(int(15 * S))]
        self.platforms = {}
        for pf, b in [('douyin', 'DYPAY'), ('jd', 'JDPAY'), ('taobao', 'ALIPAY'), ('wechat_shop', 'TENPAY'),
                      ('meituan', 'TENPAY'), ('ctrip', 'ALIPAY')]:
            p = Person(self.uscc(440305), 'platform', 'SZ', 440305, 440305, 0)
            op = -3000 * DAY
            p.banks = [self.new_acc(p, b, op, 440305, 'corp', 'lawful', 'platform', corp=True) for _ in range(3)]
            self.persons.append(p)
            self.platforms[pf] = p
        self.hk_partners = []
        for _ in range(int(40 * S)):
            p = Person('HK' + str(r.randrange(10 ** 7, 10 ** 8)), 'hk_company', 'HK', 810000, 810000, 0)
            a = Acc()
            a.id = self.new_id(lambda: '0' + ''.join(str(r.randrange(10)) for _ in range(11)))
            a.bank, a.holder, a.opened, a.region, a.cls = 'HKBANK', p.hid, -4000 * DAY, 810000, 'corp'
            a.role, a.arche, a.owner, a.supplied = 'lawful', 'hk_company', p, False
            self.accs.append(a)
            p.banks = [a]
            self.hk_partners.append(p)

        arches = [('factory_worker', 26), ('service_worker', 10), ('office_worker', 14), ('student', 7),
                  ('retiree', 9), ('small_shop', 3), ('livestream_seller', 1.5), ('landlord', 2.5),
                  ('wholesaler', 2), ('labour_contractor', 0.8), ('secondhand_trader', 1.2),
                  ('daigou', 1), ('homestay', 1.2), ('multi_bank', 3), ('big_purchase', 1.5),
                  ('rural', 4), ('resident', 7)]
        N = int(13200 * S)
        for _ in range(N):
            arche = self.wpick(arches)
            self.make_lawful(arche)
        self.wholesalers = [p for p in self.persons if p.arche == 'wholesaler']
        # POS merchants on the payment firm LAKALA (lawful)
        self.lakala_accs = []
        for ck, ms in self.merchants.items():
            for m in ms:
                if r.random() < 0.35:
                    la = self.new_acc(m, 'LAKALA', -r.randrange(30, 2500) * DAY, m.region, 'corp', arche=m.arche + '_pos')
                    m.pos = la
                    la.settle = m.banks[0]
                    self.lakala_accs.append(la)
        for p in self.persons:
            if p.arche == 'small_shop' and r.random() < 0.4:
                la = self.new_acc(p, 'LAKALA', p.banks[0].opened + r.randrange(0, 400) * DAY, p.region, self.pick(['corp', 'II']), arche='small_shop_pos')
                if la.opened > -DAY:
                    la.opened = -r.randrange(2, 60) * DAY
                p.pos = la
                la.settle = p.banks[0]
                self.lakala_accs.append(la)
        # households: local family pooling
        locals_ = [p for p in self.persons if p.role == 'lawful' and p.age and p.home // 10000 in (44, 46)
                   and p.banks]
        r.shuffle(locals_)
        self.households = []
        i = 0
        while i < len(locals_) - 4:
            k = r.choice([2, 2, 3, 3, 4])
            hh = locals_[i:i + k]
            i += k
            if r.random() < 0.45:
                self.households.append(hh)
                for p in hh:
                    p.family.extend(q.banks[0] for q in hh if q is not p)

    def make_lawful(self, arche):
        r = self.r
        migrant = arche in ('factory_worker', 'service_worker') and r.random() < 0.85 or \
            arche in ('office_worker', 'student', 'secondhand_trader', 'small_shop', 'livestream_seller') and r.random() < 0.45
        if arche in ('factory_worker', 'labour_contractor'):
            city = self.rand_city(INDUSTRIAL)
        elif arche in ('office_worker', 'student', 'daigou', 'livestream_seller', 'multi_bank'):
            city = self.rand_city(URBAN + ['ZH', 'HZ'] if arche != 'daigou' else ['SZ', 'ZH', 'GZ'])
        elif arche == 'homestay':
            city = self.rand_city(['SY', 'SY', 'WN', 'HKO', 'QH'])
        elif arche == 'wholesaler':
            city = self.rand_city(['SZ', 'GZ', 'DG', 'FS', 'ST', 'JY', 'ZS'])
        elif arche == 'rural':
            city = self.rand_city(['MM', 'ZJ', 'YJ', 'MZ', 'CZ', 'JY', 'SW', 'DZ', 'QH', 'WN', 'JM'])
        else:
            city = self.rand_city()
        region = self.city_region(city)
        if city == 'SZ' and arche == 'wholesaler':
            region = 440304   # Huaqiangbei electronics
        if city == 'GZ' and arche == 'student':
            region = 440113   # university town
        home = self.wpick(HOMES) if migrant else (region if r.random() < 0.8 else self.pick(CITIES[self.rand_city()][0]))
        age = {'student': r.randint(18, 24), 'retiree': r.randint(58, 82), 'factory_worker': r.randint(18, 50),
               'service_worker': r.randint(19, 48)}.get(arche, r.randint(24, 62))
        p = self.new_person(arche, city, region, home, age)
        p.migrant = migrant
        p.pop = True
        # bank accounts: history over years
        adult = min(max(-(age - 16) * 365, -20 * 365), -60)
        nb = self.wpick([(1, 30), (2, 38), (3, 22), (4, 10)])
        if arche in ('multi_bank', 'wholesaler', 'livestream_seller', 'daigou'):
            nb += 1 + (r.random() < 0.5)
        for i in range(nb):
            if migrant and i == 0:
                reg = home
            else:
                reg = region if r.random() < 0.8 else self.pick(CITIES[self.rand_city()][0])
            opened = r.randrange(adult, -20) * DAY + self.r.randrange(8 * HOUR, 17 * HOUR)
            cls = 'I' if i == 0 or r.random() < 0.7 else 'II'
            p.banks.append(self.new_acc(p, self.bank_for(reg), opened, reg, cls))
        if arche == 'big_purchase' or r.random() < 0.03:
            d = r.randrange(0, DAYS - 25)
            p.banks.append(self.new_acc(p, self.bank_for(region), d * DAY + r.randrange(9 * HOUR, 17 * HOUR), region, 'I'))
        p.banks.sort(key=lambda a: a.opened)
        # old accounts the holder no longer uses (睡眠户): rows without transfers
        p.dormant = []
        if r.random() < 0.4:
            for _ in range(r.choice([1, 1, 2])):
                reg = region if r.random() < 0.7 else home
                p.dormant.append(self.new_acc(p, self.bank_for(reg), r.randrange(adult, -200) * DAY + r.randrange(8 * HOUR, 17 * HOUR), reg, 'I'))
        for wb, pr in (('TENPAY', 0.9), ('ALIPAY', 0.8)):
            if r.random() < pr:
                p.wallets.append(self.new_acc(p, wb, -r.randrange(100, 3000) * DAY, region, 'III'))
        if migrant:
            fam = Person(self.id_number(home, r.randint(40, 70)), 'family_home', 'HOME', home, home, 55)
            fa = self.new_acc(fam, self.bank_for(home), -r.randrange(500, 7000) * DAY, home, 'I')
            fam.banks = [fa]
            self.persons.append(fam)
            p.family.append(fa)
        self.by_city.setdefault(city, []).append(p)
        return p

    def new_hires(self):
        """factory workers starting after Spring Festival open a payroll card (often batches)"""
        r = self.r
        for ck, fl in self.factories.items():
            for f in fl:
                f.workers = []
        workers = [p for p in self.persons if p.arche == 'factory_worker' and p.role == 'lawful']
        for p in workers:
            f = self.pick(self.factories[p.city] if p.city in self.factories else self.factories['DG'])
            f.workers.append(p)
            p.factory = f
        for ck, fl in self.factories.items():
            for f in fl:
                if not f.workers:
                    continue
                fb = f.banks[0]
                pb = fb.bank if BANKS[fb.bank][1] == 'bank' else 'ICBC'
                nh = [p for p in f.workers if r.random() < 0.22]
                batch_days = [r.randrange(0, 35) for _ in range(r.randint(1, 3))]
                for p in nh:
                    d = self.pick(batch_days) + (r.random() < 0.3) * r.randrange(1, 5)
                    t = d * DAY + r.randrange(9 * HOUR, 17 * HOUR)
                    a = self.new_acc(p, pb, t, f.region, 'I')
                    p.banks.append(a)
                    p.payroll = a
                    p.hire_day = d + 1
                    if r.random() < 0.35:   # and another card for phone/rent that week
                        t2 = t + r.randrange(1, 6) * DAY
                        p.banks.append(self.new_acc(p, self.bank_for(f.region), t2, f.region, self.pick(['I', 'II'])))

    # ------------------------------------------------------------ lawful activity
    def lawful_activity(self):
        r = self.r
        self.landlords = [p for p in self.persons if p.arche == 'landlord' and p.role == 'lawful']
        tenants_by_city = {}
        for p in self.persons:
            if p.arche in ('factory_worker', 'service_worker', 'office_worker', 'resident', 'secondhand_trader') \
                    and p.role == 'lawful' and r.random() < 0.35:
                tenants_by_city.setdefault(p.city, []).append(p)
        for L in self.landlords:
            pool = tenants_by_city.get(L.city, [])
            L.tenants = []
            for _ in range(r.randint(5, 30)):
                if pool:
                    L.tenants.append(pool.pop(r.randrange(len(pool))))
            for tnt in L.tenants:
                tnt.landlord = L
        contractors = [p for p in self.persons if p.arche == 'labour_contractor']
        for c in contractors:
            fs = self.factories.get(c.city) or self.factories['DG']
            c.client = self.pick(fs)
            ws = [w for w in c.client.workers if not hasattr(w, 'contractor')]
            c.crew = ws[:r.randint(15, 70)]
            for w in c.crew:
                w.contractor = c
        for p in list(self.persons):
            if p.role != 'lawful' or not p.banks or not p.age or not getattr(p, 'pop', False):
                continue
            fn = getattr(self, 'act_' + p.arche, None)
            if fn:
                fn(p)
            self.act_common(p)
        for hh in self.households:
            self.act_household(hh)

    def month_days(self, off_lo, off_hi):
        for ms in MONTH_STARTS:
            d = ms + self.r.randint(off_lo, off_hi)
            if 0 <= d < DAYS:
                yield d

    def start_day(self, p):
        return getattr(p, 'hire_day', 0)

    def act_common(self, p):
        """wallet top-ups, friends, ATM cash, remittances home, rent, credit card"""
        r = self.r
        sd = self.start_day(p)
        inten = {'student': 1.2, 'retiree': 0.5, 'rural': 0.5}.get(p.arche, 1.0)
        # wallet top-ups and withdrawals
        if p.wallets:
            for _ in range(int(r.randint(1, 7) * inten)):
                d = r.randrange(sd, DAYS)
                t = self.at(d)
                a = self.usable(p, t)
                if a is None:
                    continue
                w = self.pick(p.wallets)
                if r.random() < 0.8:
                    self.tx(t, a, w, self.yuan(self.lgn(5.6, 0.7)), 'mobile', memo='')
                else:
                    self.tx(t, w, a, self.yuan(self.lgn(6.0, 0.8), True), 'mobile', memo='提现')
        # transfers to friends / red packets / AA splits
        peers = self.by_city.get(p.city, [])
        for _ in range(int(r.randint(0, 4) * inten)):
            if not peers:
                break
            q = self.pick(peers)
            if q is p or not q.banks:
                continue
            d = r.randrange(sd, DAYS)
            t = self.at(d)
            a, b = self.usable(p, t), self.usable(q, t)
            if a is None or b is None:
                continue
            amt = self.wpick([(self.yuan(self.lgn(4.5, 0.8)), 5), (self.r100(self.lgn(7.0, 0.9)), 3), (self.yuan(r.choice([66, 88, 188, 200, 520])), 2)])
            self.tx(t, a, b, amt, 'mobile', memo=self.pick(['', '', '红包', '还你', 'AA', '借款']))
        # ATM cash
        if r.random() < 0.5:
            for _ in range(r.randint(1, 5)):
                d = r.randrange(sd, DAYS)
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, None, self.r100(self.lgn(6.5, 0.6)), 'atm', kind='withdrawal')
        # counter cash deposit (shops, elderly)
        if p.arche in ('retiree', 'rural', 'small_shop') and r.random() < 0.5:
            for _ in range(r.randint(1, 4)):
                d = r.randrange(sd, DAYS)
                t = self.at(d, BIZ_C)
                a = self.usable(p, t)
                if a:
                    self.tx(t, None, a, self.r100(self.lgn(8.0, 0.8)), 'counter', kind='deposit')
        # remittances home
        if getattr(p, 'migrant', False) and p.family:
            fam = p.family[0]
            for d in self.month_days(10, 20):
                if d < sd or r.random() < 0.2:
                    continue
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, fam, self.r100(self.lgn(7.7, 0.35)), 'mobile', memo=self.pick(['', '生活费', '家用', '']))
        # rent
        L = getattr(p, 'landlord', None)
        if L is not None:
            rent = self.r100(self.lgn(7.0, 0.3))
            for d in self.month_days(0, 5):
                if d < sd:
                    continue
                t = self.at(d)
                a, b = self.usable(p, t), self.usable(L, t)
                if a and b:
                    self.tx(t, a, b, rent + self.yuan(r.randrange(30, 150)), 'mobile', memo=self.pick(['房租', '房租水电', '', '租金']))
        # credit card repayment
        if p.arche in ('office_worker', 'multi_bank', 'resident', 'wholesaler', 'livestream_seller') and r.random() < 0.6:
            cb = self.pick(list(self.card_centre.values()))
            for d in self.month_days(3, 8):
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, cb.banks[0], self.yuan(self.lgn(8.0, 0.7), True), 'mobile', memo='信用卡还款')
        # utilities
        if p.arche in ('resident', 'retiree', 'office_worker', 'landlord') and r.random() < 0.5:
            ut = self.utility['46' if str(p.region).startswith('46') else '44']
            for d in self.month_days(10, 25):
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, self.pick(ut.banks), self.yuan(self.lgn(5.3, 0.5), True), 'mobile', memo='电费')
        # shop payments by card (云闪付 QR etc.)
        ms = self.merchants.get(p.city)
        if ms:
            for _ in range(r.randint(0, 3)):
                d = r.randrange(sd, DAYS)
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    m = self.pick(ms)
                    amt = self.yuan(self.lgn(5.0 if m.arche != 'gold_shop' else 8.3, 0.9), True)
                    dst = m.pos if getattr(m, 'pos', None) is not None and r.random() < 0.7 else m.banks[0]
                    self.tx(t, a, dst, amt, self.pick(['pos', 'mobile']))

    def salary(self, p, payer_acc, base, day_lo, day_hi, memo='工资', ch='other', jitter=0.15):
        sd = self.start_day(p)
        for d in self.month_days(day_lo, day_hi):
            if d < sd:
                continue
            t = d * DAY + self.r.randrange(9 * HOUR, 12 * HOUR)
            a = getattr(p, 'payroll', None) or self.usable(p, t)
            if a is None or a.opened > t:
                continue
            self.tx(t, payer_acc, a, self.yuan(base * self.r.uniform(1 - jitter, 1 + jitter), True), ch,
                    reg=payer_acc.region, memo=memo)

    def act_factory_worker(self, p):
        if hasattr(p, 'contractor'):
            return   # paid by the labour contractor
        f = p.factory
        self.salary(p, f.banks[0], self.lgn(8.65, 0.18), 9, 14, self.pick(['工资', '代发工资']))

    def act_service_worker(self, p):
        r = self.r
        plat = self.platforms['meituan'] if r.random() < 0.6 else None
        if plat:
            for wk in range(0, DAYS, 7):
                t = (wk + 1) * DAY + r.randrange(10 * HOUR, 16 * HOUR)
                a = self.usable(p, t)
                if a:
                    self.tx(t, self.pick(plat.banks), a, self.yuan(self.lgn(7.3, 0.35), True), 'other', reg=440305, memo='骑手结算')
        else:
            m = self.pick(self.merchants[p.city])
            self.salary(p, m.banks[0], self.lgn(8.4, 0.2), 5, 10, '工资', 'online')

    def act_office_worker(self, p):
        r = self.r
        emp = self.pick(self.merchants[p.city] + self.factories.get(p.city, [])) if r.random() < 0.4 else \
            self.new_corp('company', p.city) if r.random() < 0.3 else self.pick(self.factories.get('SZ'))
        self.salary(p, emp.banks[0], self.lgn(9.4, 0.4), 8, 12)
        own = [a for a in p.banks]
        if len(own) > 1 and r.random() < 0.5:   # move savings between own banks
            for d in self.month_days(12, 20):
                t = self.at(d)
                a, b = own[0], own[1]
                if b.opened <= t:
                    self.tx(t, a, b, self.r100(self.lgn(8.5, 0.6)), 'mobile', memo=self.pick(['', '转账', '理财']))

    def act_student(self, p):
        r = self.r
        parent = Person(self.id_number(p.home, r.randint(42, 55)), 'parent', 'HOME', p.home, p.home, 48)
        pb = [b for b in p.family] or [self.new_acc(parent, self.bank_for(p.home), -4000 * DAY, p.home, 'I')]
        self.persons.append(parent)
        for d in self.month_days(0, 6):
            for _ in range(r.choice([1, 1, 2])):
                t = self.at(d)
                a = self.usable(p, t)
                if a:
                    self.tx(t, pb[0], a, self.r100(self.lgn(7.4, 0.3)), 'mobile', reg=p.home, memo='生活费')
        # AA fan-in: class dinners, trips
        peers = self.by_city.get(p.city, [])
        studs = [q for q in peers if q.arche == 'student' and q is not p]
        if studs and r.random() < 0.4:
            for _ in range(r.randint(1, 3)):
                d = r.randrange(DAYS)
                t0 = self.at(d, NIGHT_C)
                a = self.usable(p, t0)
                if not a:
                    continue
                share = self.yuan(r.uniform(40, 300))
                for q in r.sample(studs, min(len(studs), r.randint(4, 15))):
                    b = self.usable(q, t0)
                    if b:
                        self.tx(t0 + r.randrange(60, 6 * HOUR), b, a, share, 'mobile', memo='AA')

    def act_retiree(self, p):
        r = self.r
        pen = self.pension['46' if str(p.region).startswith('46') else '44']
        self.salary(p, self.pick(pen.banks), self.lgn(8.1, 0.4), 14, 16, '养老金', 'other', 0.0)
        if r.random() < 0.35 and len(p.banks) > 1:
            for _ in range(r.randint(1, 3)):
                d = r.randrange(DAYS)
                t = self.at(d, BIZ_C)
                self.tx(t, p.banks[0], p.banks[-1], self.r100(self.lgn(10.3, 0.8)), 'counter', memo='理财')

    def act_small_shop(self, p):
        r = self.r
        peers = self.by_city.get(p.city, [])
        rate = r.uniform(0.05, 0.55)
        suppliers = [self.pick(self.merchants[p.city] + self.logistics) for _ in range(r.randint(2, 6))]
        settle = self.pick([self.platforms['wechat_shop'], self.platforms['taobao']])
        for d in range(DAYS):
            n = int(rate + r.random())
            for _ in range(n):
                q = self.pick(peers) if peers else None
                if q is None or q is p or not q.banks:
                    continue
                t = self.at(d, BIZ_C)
                a, b = self.usable(q, t), self.usable(p, t)
                if getattr(p, 'pos', None) is not None and r.random() < 0.6:
                    b = p.pos
                if a and b:
                    self.tx(t, a, b, self.yuan(self.lgn(4.2, 0.8), True), self.pick(['mobile', 'pos']))
            if r.random() < 0.25:
                t = d * DAY + 2 * HOUR + r.randrange(3 * HOUR)
                b = self.usable(p, t)
                if b:
                    self.tx(t, self.pick(settle.banks), b, self.yuan(self.lgn(6.8, 0.6), True), 'other', reg=440305, memo='收款结算')
            if d % 7 == 2:
                t = self.at(d, BIZ_C)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, self.pick(suppliers).banks[0], self.r100(self.lgn(8.5, 0.6)), 'mobile', memo='货款')

    def act_livestream_seller(self, p):
        r = self.r
        plat = self.platforms[self.pick(['douyin', 'douyin', 'taobao', 'wechat_shop', 'jd'])]
        suppliers = [self.pick(self.factories[self.pick(INDUSTRIAL)]) for _ in range(r.randint(2, 5))]
        staff = [q for q in self.by_city.get(p.city, []) if q.arche in ('student', 'service_worker', 'resident')]
        staff = r.sample(staff, min(len(staff), r.randint(1, 5)))
        peers = self.by_city.get(p.city, []) + self.persons[:2000:7]
        big = self.lgn(8.6, 0.8)
        for d in range(DAYS):
            surge = 3.0 if 75 <= d <= 110 else 1.0  # 618 season
            if r.random() < 0.3:
                t = d * DAY + r.randrange(HOUR, 6 * HOUR)
                b = self.usable(p, t)
                if b:
                    self.tx(t, self.pick(plat.banks), b, self.yuan(big * surge * r.uniform(0.3, 1.7), True), 'other', reg=440305, memo='结算')
            for _ in range(int(r.uniform(0, 1.0) * surge)):   # private-domain buyers pay directly
                q = self.pick(peers)
                if q is p or not q.banks:
                    continue
                t = self.at(d, NIGHT_C)
                a, b = self.usable(q, t), self.usable(p, t)
                if a and b:
                    self.tx(t, a, b, self.yuan(self.lgn(4.9, 0.7), True), 'mobile')
                    if r.random() < 0.05:   # refund
                        self.tx(t + r.randrange(HOUR, 3 * DAY), b, a, self.yuan(self.lgn(4.3, 0.6), True), 'mobile', memo='退款')
            if d % 5 == 1:
                t = self.at(d, BIZ_C)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, self.pick(suppliers).banks[0], self.r100(big * surge * r.uniform(1, 4)), 'online', memo='货款')
                    self.tx(t + HOUR, a, self.pick(self.logistics).banks[0], self.yuan(big * r.uniform(0.1, 0.3), True), 'online', memo='快递费')
        for q in staff:
            self.salary(q, p.banks[0], self.lgn(8.5, 0.3), 1, 5, '工资', 'mobile')

    def act_landlord(self, p):
        r = self.r
        if len(p.banks) > 1 and r.random() < 0.7:
            for d in self.month_days(6, 12):
                t = self.at(d)
                self.tx(t, p.banks[0], p.banks[1], self.r100(self.lgn(10.2, 0.6)), 'mobile', memo='')
        ut = self.utility['46' if str(p.region).startswith('46') else '44']
        for d in self.month_days(8, 15):
            t = self.at(d, BIZ_C)
            self.tx(t, p.banks[0], self.pick(ut.banks), self.yuan(self.lgn(8.0, 0.5), True), 'online', memo='水电费')

    def act_wholesaler(self, p):
        r = self.r
        partners = []
        for _ in range(r.randint(10, 35)):
            x = r.random()
            if x < 0.25:
                partners.append(self.pick(self.hk_partners))
            elif x < 0.55:
                partners.append(self.pick(self.factories[self.pick(INDUSTRIAL)]))
            else:
                q = self.pick(self.wholesalers) if self.wholesalers else p
                partners.append(q if q is not p else self.pick(self.merchants[p.city]))
        rate = r.uniform(0.1, 0.7)
        for d in range(DAYS):
            if (d + 4) % 7 == 6 and r.random() < 0.7:
                continue
            for _ in range(int(rate + r.random())):
                q = self.pick(partners)
                t = self.at(d, BIZ_C)
                a = self.usable(p, t)
                b = q.banks[0] if q.banks and q.banks[0].opened <= t else None
                if not a or not b:
                    continue
                cross = q.arche == 'hk_company'
                amt = self.r100(self.lgn(10.0, 1.0)) if r.random() < 0.7 else self.yuan(self.lgn(10.0, 1.0), True)
                if r.random() < 0.5:
                    self.tx(t, a, b, amt, self.pick(['online', 'online', 'counter']), memo=self.pick(['货款', '', '货款', '订金']), cross=cross)
                else:
                    self.tx(t, b, a, amt, 'online', reg=p.region, memo=self.pick(['货款', '', '回款']), cross=cross)

    def act_labour_contractor(self, p):
        r = self.r
        f = p.client
        for d in self.month_days(6, 9):
            t = d * DAY + r.randrange(9 * HOUR, 15 * HOUR)
            n = len(p.crew)
            pay = [self.yuan(self.lgn(8.6, 0.18)) for _ in p.crew]
            tot = int(sum(pay) * r.uniform(1.08, 1.2))
            self.tx(t, f.banks[0], p.banks[0], tot, 'online', reg=f.region, memo='劳务费')
            t2 = t + r.randrange(HOUR, 30 * HOUR)
            for w, amt in zip(p.crew, pay):
                b = getattr(w, 'payroll', None) or self.usable(w, t2)
                if b and b.opened <= t2:
                    self.tx(t2 + r.randrange(0, 40 * MIN), p.banks[0], b, amt, 'mobile', memo='工资')
                t2 += r.randrange(10, 120)

    def act_secondhand_trader(self, p):
        r = self.r
        peers = self.persons[::3]
        rate = r.uniform(0.2, 1.2)
        for d in range(DAYS):
            for _ in range(int(rate + r.random())):
                q = self.pick(peers)
                if not q.banks or q is p or q.role != 'lawful':
                    continue
                t = self.at(d)
                a, b = self.usable(p, t), self.usable(q, t)
                if not a or not b:
                    continue
                amt = self.r100(self.lgn(7.3, 0.9)) if r.random() < 0.6 else self.yuan(self.lgn(7.0, 0.9))
                if r.random() < 0.5:
                    self.tx(t, a, b, amt, 'mobile', memo=self.pick(['', '手机', '回收']))
                else:
                    self.tx(t, b, a, int(amt * r.uniform(1.05, 1.3)) // 100 * 100, 'mobile', memo=self.pick(['', '二手']))

    def act_daigou(self, p):
        r = self.r
        peers = self.persons[1::4]
        for d in range(DAYS):
            for _ in range(int(r.random() * 1.2)):
                q = self.pick(peers)
                if not q.banks or q is p or q.role != 'lawful':
                    continue
                t = self.at(d)
                a, b = self.usable(q, t), self.usable(p, t)
                if a and b:
                    self.tx(t, a, b, self.yuan(self.lgn(6.9, 0.8), True), 'mobile', memo=self.pick(['', '代购', '奶粉', '']))
            if d % 3 == 0 and r.random() < 0.7:
                t = self.at(d, BIZ_C)
                a = self.usable(p, t)
                if a:
                    self.tx(t, a, self.pick(self.hk_partners).banks[0], self.yuan(self.lgn(8.5, 0.6), True), 'pos', reg=810000 if r.random() < 0.5 else p.region, cross=True)

    def act_homestay(self, p):
        r = self.r
        plat = self.platforms['ctrip']
        for d in range(DAYS):
            wd = (4 + d) % 7
            lam = 0.5 + (wd >= 4) * 0.8 + (d in HOLIDAYS) * 2 + (d >= 130) * 0.8
            for _ in range(int(lam * r.random() * 0.9)):
                home = self.pick(FAR + [h for h, _ in HOMES])
                tourist = Person(self.id_number(home, r.randint(22, 60)), 'tourist', 'HOME', home, home, 35)
                ta = self.new_acc(tourist, self.bank_for(home), -r.randrange(300, 5000) * DAY, home, 'I')
                tourist.banks = [ta]
                self.persons.append(tourist)
                t = self.at(d)
                b = self.usable(p, t)
                if b:
                    self.tx(t, ta, b, self.yuan(self.lgn(6.8, 0.6)), 'mobile', reg=p.region, memo=self.pick(['房费', '', '定金']))
            if wd == 0:
                t = self.at(d, BIZ_C)
                b = self.usable(p, t)
                if b:
                    self.tx(t, self.pick(plat.banks), b, self.yuan(self.lgn(8.0, 0.6), True), 'other', reg=440305, memo='结算')

    def act_multi_bank(self, p):
        r = self.r
        emp = self.pick(self.merchants[p.city])
        self.salary(p, emp.banks[0], self.lgn(9.2, 0.4), 5, 10)
        for _ in range(r.randint(4, 18)):
            d = r.randrange(DAYS)
            t = self.at(d)
            own = [a for a in p.banks if a.opened <= t]
            if len(own) < 2:
                continue
            a, b = r.sample(own, 2)
            amt = self.r100(self.lgn(9.8, 1.0))
            self.tx(t, a, b, amt, 'mobile', memo=self.pick(['', '', '转账', '理财', '还信用卡']))
            if r.random() < 0.3:  # fast onward to a third own account
                c = self.pick(own)
                if c is not b:
                    self.tx(t + r.randrange(60, 1200), b, c, amt, 'mobile')

    def act_big_purchase(self, p):
        r = self.r
        new = [a for a in p.banks if a.opened >= 0]
        if not new:
            return
        a = new[-1]
        t = a.opened + r.randrange(HOUR, 3 * DAY)
        olds = [b for b in p.banks if b is not a and b.opened < a.opened] or p.banks[:1]
        target = self.pick(self.car_dealers + self.developers)
        price = self.r100(self.lgn(11.8 if target.arche == 'car_dealer' else 12.0, 0.5))
        got = 0
        while got < price:
            src = self.pick(olds + p.family) if p.family else self.pick(olds)
            amt = min(price - got, self.r100(self.lgn(11.0, 0.6)))
            if src is a:
                continue
            self.tx(t, src, a, amt, self.pick(['mobile', 'counter']), memo=self.pick(['', '购车', '首付', '转账']))
            got += amt
            t += r.randrange(10 * MIN, 20 * HOUR)
        t += r.randrange(10 * MIN, 4 * DAY)
        self.tx(t, a, self.pick(target.banks), price, 'counter' if r.random() < 0.5 else 'online',
                reg=target.region, memo='购车款' if target.arche == 'car_dealer' else '购房定金')

    def act_rural(self, p):
        r = self.r
        season = (61, 140) if not str(p.region).startswith('46') else (0, 90)   # lychee / mango
        buyers = self.wholesalers or self.merchants[p.city]
        for _ in range(r.randint(1, 8)):
            d = r.randrange(*season)
            t = self.at(d, BIZ_C)
            a = self.usable(p, t)
            q = self.pick(buyers)
            if a and q.banks:
                self.tx(t, q.banks[0], a, self.r100(self.lgn(8.8, 0.8)), 'mobile', reg=p.region, memo=self.pick(['荔枝', '货款', '芒果', '']))
        if r.random() < 0.5:
            gov = self.pension['46' if str(p.region).startswith('46') else '44']
            d = r.randrange(DAYS)
            t = d * DAY + 10 * HOUR
            a = self.usable(p, t)
            if a:
                self.tx(t, self.pick(gov.banks), a, self.yuan(r.choice([300, 500, 1200, 2400])), 'other', memo='补贴')

    def settle_pos(self):
        """T+1 batch settlement of lawful POS merchants' takings to their bank accounts"""
        r = self.r
        pos = set(self.lakala_accs)
        daily = {}
        for e in self.ev:
            if e[2] in pos:
                k = (e[2], e[0] // DAY)
                daily[k] = daily.get(k, 0) + e[3]
        for (a, d), fen in sorted(daily.items(), key=lambda x: (x[0][0].id, x[0][1])):
            ts = (d + 1) * DAY + r.randrange(HOUR, 6 * HOUR)
            self.tx(ts, a, a.settle, int(fen * 0.9962), 'other', reg=a.region, memo='结算')

    def act_resident(self, p):
        emp = self.pick(self.merchants[p.city])
        self.salary(p, emp.banks[0], self.lgn(8.9, 0.4), 8, 15)

    def act_household(self, hh):
        r = self.r
        hub = hh[0]
        for q in hh[1:]:
            if r.random() < 0.6:
                amt = self.r100(self.lgn(7.8, 0.5))
                for d in self.month_days(10, 18):
                    t = self.at(d)
                    a, b = self.usable(q, t), self.usable(hub, t)
                    if a and b:
                        self.tx(t, a, b, amt, 'mobile', memo=self.pick(['', '家用', '房贷']))
        if r.random() < 0.06:   # pooling for a flat deposit
            d = r.randrange(DAYS - 20)
            t = self.at(d)
            tot = 0
            b = self.usable(hub, t)
            if not b:
                return
            for q in hh[1:]:
                a = self.usable(q, t)
                if a:
                    amt = self.r100(self.lgn(11.0, 0.5))
                    self.tx(t, a, b, amt, 'mobile', memo='首付')
                    tot += amt
                    t += r.randrange(5 * MIN, 10 * HOUR)
            dev = self.pick(self.developers)
            if tot:
                self.tx(t + r.randrange(HOUR, 5 * DAY), b, self.pick(dev.banks), tot, 'counter', reg=dev.region, memo='购房款')

    # ------------------------------------------------------------ U商 (OTC USDT merchants)
    def build_ushang(self):
        r = self.r
        self.ushang = []
        for _ in range(10):
            home = self.pick([350582, 350102, 445281, 441581, 440304, 440106])
            city = self.rand_city(['SZ', 'GZ', 'DG', 'SW', 'JY'])
            p = self.new_person('otc_usdt', city, self.city_region(city), home, r.randint(23, 40), role='ushang')
            for i in range(r.randint(3, 6)):
                reg = p.region
                p.banks.append(self.new_acc(p, self.bank_for(reg), -r.randrange(30, 2500) * DAY, reg, 'I', role='ushang', arche='otc_usdt'))
            self.ushang.append(p)
            # lawful crypto buyers and sellers
            peers = self.persons[5::11]
            for _ in range(r.randint(60, 220)):
                q = self.pick(peers)
                if not q.banks or q.role != 'lawful' or not q.age:
                    continue
                d = r.randrange(DAYS)
                t = self.at(d, NIGHT_C)
                a, b = self.usable(q, t), self.pick(p.banks)
                if a is None or b.opened > t:
                    continue
                amt = self.r100(self.lgn(9.3, 0.9))
                if r.random() < 0.55:
                    self.tx(t, a, b, amt, 'mobile', memo='')
                else:
                    self.tx(t, b, a, amt, 'mobile', memo='')
            # U商 move money between own accounts
            for _ in range(r.randint(10, 40)):
                d = r.randrange(DAYS)
                t = self.at(d, NIGHT_C)
                a, b = r.sample(p.banks, 2)
                self.tx(t, a, b, self.r100(self.lgn(10.5, 0.8)), 'mobile')

    # ------------------------------------------------------------ card farmers
    def build_farmers(self):
        r = self.r
        self.farmer_cards = []
        lo, hi = self.v['farmer_cards']
        dlo, dhi = self.v['farmer_days']
        for i in range(self.v['farmers']):
            home = self.pick(FAR + [430502, 421102, 450802, 360702])
            p = self.new_person('card_farmer', 'TRAVEL', home, home, r.randint(19, 45), role='card_farmer')
            start = r.randrange(-70, DAYS - 40)
            ncity = r.randint(2, 4)
            cities = r.sample([k for k in CITIES if k not in ('WN', 'QH')] + ['OUT1', 'OUT2'], ncity)
            d = start
            for ck in cities:
                reg = self.city_region(ck) if ck in CITIES else self.pick(FAR)
                n = r.randint(lo, hi)
                days = r.randint(dlo, dhi)
                banks_used = set()
                for _ in range(n):
                    b = self.bank_for(reg)
                    if b in banks_used and r.random() < 0.6:
                        b = self.bank_for(reg)
                    banks_used.add(b)
                    t = (d + r.randrange(days)) * DAY + r.randrange(9 * HOUR, 17 * HOUR)
                    a = self.new_acc(p, b, t, reg, 'I' if r.random() < 0.8 else 'II', role='farmer_card', arche='card_farmer')
                    a.farmer = True
                    p.banks.append(a)
                    self.farmer_cards.append(a)
                    if r.random() < 0.5:
                        self.tx(t + r.randrange(60, 900), None, a, self.yuan(r.choice([10, 20, 50, 100])), 'counter', reg=reg, kind='deposit')
                d += days + r.randint(0, 4)
                p.region = reg
            self.farmer_holders.append(p)
        # sell card sets to gangs
        r.shuffle(self.farmer_cards)

    # ------------------------------------------------------------ fraud networks
    def build_gangs(self):
        r = self.r
        self.gangs = []
        for gi in range(self.v['n_gangs']):
            g = Gang('G%d' % (gi + 1))
            g.typ = {k: v[0] * r.uniform(0.2, 2.0) for k, v in TYPOLOGY.items()}
            g.depth = self.wpick([(1, 2), (2, 5), (3, 3)])
            sp = dict(self.v['speed'])
            g.speed = {k: w * r.uniform(0.5, 1.5) for k, w in sp.items()}
            g.cashout = {k: w * r.uniform(0.4, 1.6) for k, w in self.v['cashout'].items()}
            g.mix = {k: w * r.uniform(0.5, 1.5) for k, w in self.v['l1_mix'].items()}
            g.active = (r.randrange(-30, 60), r.randrange(110, DAYS + 30))
            g.sweep = r.random() < 0.4
            g.far = self.pick(FAR)
            g.atm_regions = r.sample(CASHOUT_ATM, 3)
            g.ushang = r.sample(self.ushang, 3)
            # operators' accounts far away (external)
            for _ in range(r.randint(4, 10)):
                reg = self.pick(FAR)
                op = self.new_person('operator', 'FAR', reg, reg, r.randint(25, 45), role='operator')
                b = self.bank_for(reg)
                op.banks.append(self.new_acc(op, b, -r.randrange(20, 900) * DAY, reg, 'I', role='operator', arche='operator'))
                g.sinks.append(op.banks[0])
            # rebate account: an old account with balance
            g.rebate = None
            self.gangs.append(g)
        # 跑分 platforms
        self.paofen = []
        for pi in range(2):
            g = Gang('PF%d' % (pi + 1))
            g.is_platform = True
            g.depth = 2
            g.speed = {'fast': 90, 'medium': 10, 'slow': 0}
            g.cashout = {'ushang': 40, 'external': 50, 'atm': 10}
            g.mix = {'paofen': 1}
            g.active = (-60, DAYS + 30)
            g.sweep = False
            g.atm_regions = r.sample(CASHOUT_ATM, 2)
            g.ushang = r.sample(self.ushang, 3)
            for _ in range(6):
                reg = self.pick([533102, 451481, 350582, 530102])
                op = self.new_person('gambling_operator', 'FAR', reg, reg, 35, role='operator')
                op.banks.append(self.new_acc(op, self.bank_for(reg), -r.randrange(20, 900) * DAY, reg, 'I', role='operator', arche='gambling_operator'))
                g.sinks.append(op.banks[0])
            self.paofen.append(g)
        # distribute farmer cards: each farmer's cards go to one or two gangs
        for p in self.farmer_holders:
            gs = r.sample(self.gangs, r.choice([1, 1, 2]))
            for a in p.banks:
                if r.random() < 0.8:
                    self.pick(gs).stock.append(a)
        for g in self.gangs:
            g.stock.sort(key=lambda a: a.opened)

    def lawful_pick(self, arches, t, need_old=True):
        r = self.r
        for _ in range(200):
            p = self.pick(self.persons)
            if p.role != 'lawful' or p.busy or p.arche not in arches or not p.banks:
                continue
            cand = [a for a in p.banks if a.opened < t - (365 * DAY if need_old else 0) and a.blocked is None]
            if need_old and p.dormant and r.random() < 0.4:
                cand = [a for a in p.dormant if a.kind is None]
            if cand:
                p.busy = True
                return p, self.pick(cand)
        return None, None

    def mule_delay(self, g):
        sp = self.wpick(list(g.speed.items()))
        r = self.r
        if sp == 'fast':
            return int(self.lgn(5.5, 0.8)) + 30
        if sp == 'medium':
            return r.randrange(20 * MIN, 8 * HOUR)
        return r.randrange(10 * HOUR, 6 * DAY)

    def new_mule(self, g, layer, t, kind=None):
        r = self.r
        kind = kind or self.wpick(list(g.mix.items()))
        if layer > 1 and kind in ('paofen', 'platform'):
            kind = self.wpick([('fresh', 5), ('rented_old', 3), ('corp_shell', 1), ('seller_card', 2)])
        a = None
        if kind == 'fresh':
            while g.stock and g.stock[0].opened + 2 * DAY <= t:
                c = g.stock.pop(0)
                if c.opened + 150 * DAY >= t:
                    a = c
                    break
            if a is None:
                kind = 'seller_card'
        if kind == 'seller_card':
            # someone (student, jobless youth, migrant) opens 1-3 new cards and sells them
            if r.random() < 0.6:
                ck = self.rand_city()
                reg = self.city_region(ck)
                home = reg if r.random() < 0.5 else self.wpick(HOMES)
            else:
                reg = self.wpick(HOMES)
                ck, home = 'HOME', reg
            sp = self.new_person(self.pick(['card_seller_student', 'card_seller_youth', 'card_seller_worker']),
                                 ck, reg, home, r.randint(18, 30), role='card_seller')
            op = t - r.randrange(2 * DAY, 25 * DAY)
            for i in range(r.choice([1, 2, 2, 3])):
                sa = self.new_acc(sp, self.bank_for(reg), op + i * r.randrange(HOUR, 2 * DAY), reg, self.pick(['I', 'I', 'II']), role='mule', arche='seller_card')
                sa.kind = 'seller_card'
                sp.banks.append(sa)
                if i:
                    g.stock_extra = getattr(g, 'stock_extra', []) + [sa]
            a = sp.banks[0]
        elif kind == 'rented_old' or kind == 'paofen':
            p, a = self.lawful_pick(('factory_worker', 'service_worker', 'student', 'resident', 'office_worker',
                                     'secondhand_trader', 'rural'), t, need_old=(kind == 'rented_old'))
            if a is None:
                return self.new_mule(g, layer, t, 'seller_card')
            if kind == 'rented_old':
                sold = r.random() < 0.5
                a.blocked = (t - r.randrange(DAY, 5 * DAY), END * 2 if sold else t + r.randrange(10 * DAY, 40 * DAY))
        elif kind == 'platform':
            ck = self.rand_city()
            reg = self.city_region(ck)
            sp = self.new_person('fake_merchant', ck, reg, reg if r.random() < 0.5 else self.wpick(HOMES), r.randint(20, 50), role='mule_holder')
            op = t - r.randrange(3 * DAY, 60 * DAY)
            a = self.new_acc(sp, self.pick(['LAKALA', 'LAKALA', 'ALIPAY', 'TENPAY']), op, reg, self.pick(['corp', 'III']), role='mule', arche='platform_merchant')
            st = self.new_acc(sp, self.bank_for(reg), op - r.randrange(0, 600) * DAY, reg, 'I', role='mule', arche='settlement_card')
            st.kind = 'settlement_card'
            st.gang, st.layer = g, 2
            sp.banks = [st, a]
            a.settle = st
        elif kind == 'corp_shell':
            ck = self.rand_city(['SZ', 'GZ', 'DG', 'FS', 'HKO', 'SY', 'ZH'])
            op = t - r.randrange(15 * DAY, 150 * DAY)
            c = self.new_corp('shell_company', ck, banks=1 + (r.random() < 0.4), opened=op, role='mule')
            for ca in c.banks:
                ca.kind, ca.gang, ca.layer = 'corp_shell', g, layer
            a = c.banks[0]
        a.kind = a.kind or kind
        a.role = 'mule' if kind != 'paofen' else 'paofen'
        if kind == 'paofen':
            a.arche = 'paofen_' + a.owner.arche
        elif kind == 'rented_old':
            a.arche = 'rented_old_' + a.owner.arche
        elif kind == 'fresh':
            a.arche = 'farmer_card'
        a.gang, a.layer = g, layer
        a.act_from = t
        a.act_to = t + (r.randrange(20 * DAY, 90 * DAY) if kind == 'paofen' else r.randrange(2 * DAY, 25 * DAY))
        a.mode = 'sweep' if g.sweep and r.random() < 0.6 else 'each'
        if kind in ('fresh', 'seller_card') and r.random() < 0.5 and g.sinks:   # buyer checks the card works
            self.tx(max(a.opened + 600, t - r.randrange(HOUR, 2 * DAY)), self.pick(g.sinks) if hasattr(g, 'sinks') and g.sinks else None,
                    a, self.yuan(r.choice([0.01, 0.1, 1, 1, 10]), True), 'mobile', reg=g.far if hasattr(g, 'far') else None, memo='')
        g.pool[layer].append(a)
        return a

    def get_mule(self, g, layer, t, reuse=0.75):
        act = [a for a in g.pool[layer] if a.act_from <= t < a.act_to]
        if act and self.r.random() < reuse:
            return self.pick(act)
        if layer >= 2:
            extra = [a for a in getattr(g, 'stock_extra', []) if a.opened + DAY <= t and a.gang is None]
            if extra:
                a = extra[0]
                g.stock_extra.remove(a)
                a.gang, a.layer, a.act_from, a.act_to = g, layer, t, t + self.r.randrange(2 * DAY, 20 * DAY)
                a.role = 'mule'
                g.pool[layer].append(a)
                return a
        return self.new_mule(g, layer, t)

    def victim(self, typ, t):
        r = self.r
        if r.random() < self.v['victims_local']:
            pref = {'brushing': ('student', 'factory_worker', 'service_worker', 'resident'),
                    'investment': ('office_worker', 'wholesaler', 'resident', 'multi_bank', 'retiree'),
                    'police_gov': ('retiree', 'office_worker', 'student', 'resident'),
                    'romance': ('office_worker', 'resident', 'factory_worker'),
                    'credit_record': ('student', 'office_worker'),
                    'loan_card': ('factory_worker', 'small_shop', 'service_worker', 'resident'),
                    'game_trade': ('student',), 'fake_job': ('student', 'factory_worker'),
                    }.get(typ, ('resident', 'office_worker', 'factory_worker', 'retiree', 'student', 'small_shop'))
            for _ in range(100):
                p = self.pick(self.persons)
                if p.role == 'lawful' and p.arche in pref and p.banks and not p.busy:
                    a = self.usable(p, t)
                    if a is not None:
                        return p, a
        home = self.pick(FAR + [h for h, _ in HOMES] + [320106, 310101, 330106, 370102, 610113, 130102])
        p = Person(self.id_number(home, r.randint(18, 75)), 'victim_elsewhere', 'HOME', home, home, 40, role='lawful')
        a = self.new_acc(p, self.bank_for(home), -r.randrange(200, 6000) * DAY, home, 'I')
        p.banks = [a]
        self.persons.append(p)
        return p, a

    def fraud(self):
        r = self.r
        ncases = int(230 * self.v['cases'] * self.v['pop'] ** 0.5)
        cid = 0
        self.unwitting = [p for p in self.persons if p.arche in ('secondhand_trader', 'wholesaler', 'daigou') and p.role == 'lawful']
        for g in self.gangs:
            lo, hi = max(0, g.active[0]), min(DAYS - 2, g.active[1])
            n = int(ncases * r.uniform(0.6, 1.4))
            for _ in range(n):
                cid += 1
                typ = self.wpick(list(g.typ.items()))
                w, (plo, phi), (mu, sg), spacing = TYPOLOGY[typ]
                d0 = r.randrange(lo, hi)
                t = self.at(d0)
                vp, va = self.victim(typ, t)
                reported = r.random() < 0.8
                npay = r.randint(plo, phi)
                base = self.lgn(mu, sg)
                use_pf = r.random() < (g.mix.get('paofen', 0) / sum(g.mix.values())) * 0.6
                self.cases.append((cid, g.name, typ, vp.hid, reported))
                for k in range(npay):
                    if spacing == 'escalate':
                        amt = base * (2.2 ** k) * r.uniform(0.6, 1.2) / (2 ** (npay / 2))
                    else:
                        amt = base * r.uniform(0.5, 1.5)
                    fen = self.r100(amt) if r.random() < 0.7 else self.yuan(max(amt, 20))
                    if typ in ('shopping_service', 'game_trade', 'ecommerce_cs') and r.random() < 0.06 and self.unwitting:
                        # 三方诈骗: the scammer "buys" from a real seller with the victim's money
                        s = self.pick(self.unwitting)
                        sa = self.usable(s, t)
                        if sa:
                            sa.unwitting = True
                            sa.reported = sa.reported or reported
                            self.tx(t, va, sa, fen, 'mobile', memo='', fraud=reported, case=cid)
                            continue
                    if use_pf and self.paofen:
                        pg = self.pick(self.paofen)
                        m = self.get_mule(pg, 1, t, reuse=0.85)
                        owner_g = pg
                    else:
                        m = self.get_mule(g, 1, t)
                        owner_g = g
                    if m.opened > t:
                        t = m.opened + HOUR
                    ch = 'atm' if typ == 'subsidy_refund' else self.pick(['mobile', 'mobile', 'mobile', 'online', 'counter' if typ in ('police_gov', 'investment') else 'mobile'])
                    self.tx(t, va, m, fen, ch, reg=va.owner.region, memo=self.pick(VICTIM_MEMO), fraud=reported, case=cid)
                    self.push(t, m, fen, reported, owner_g)
                    if typ == 'brushing' and k == 0 and r.random() < 0.6:   # small rebate to hook the victim
                        rb = self.rebate_acc(g, t)
                        self.tx(t + r.randrange(2 * MIN, 30 * MIN), rb, va, int(fen * r.uniform(1.05, 1.3)), 'mobile', reg=g.far, memo='返利')
                    if spacing == 'escalate':
                        t += r.randrange(5 * MIN, 2 * HOUR)
                    elif spacing == 'hour':
                        t += r.randrange(3 * MIN, 90 * MIN)
                    elif spacing == 'days':
                        t += r.randrange(6 * HOUR, 4 * DAY)
                    else:
                        t += r.randrange(2 * DAY, 12 * DAY)
                    if t >= END:
                        break
        # gambling money through 跑分 participants
        gamblers = []
        for _ in range(int(220 * self.v['pop'])):
            p = self.pick(self.persons)
            if p.role == 'lawful' and p.age and p.banks and p.arche not in ('retiree',):
                gamblers.append(p)
        for p in gamblers:
            pg = self.pick(self.paofen)
            for _ in range(r.randint(2, 25)):
                d = r.randrange(DAYS)
                t = self.at(d, NIGHT_C)
                a = self.usable(p, t)
                if a is None:
                    continue
                m = self.get_mule(pg, 1, t, reuse=0.9)
                fen = self.r100(self.lgn(7.3, 1.0))
                self.tx(t, a, m, fen, 'mobile', memo='')
                self.push(t, m, fen, False, pg, gambling=True)
                if r.random() < 0.3:   # a payout from another participant
                    m2 = self.get_mule(pg, 1, t, reuse=0.9)
                    self.tx(t + r.randrange(HOUR, 2 * DAY), m2, a, int(fen * r.uniform(0.5, 2.5)) // 100 * 100 or 100, 'mobile', memo='')

    def rebate_acc(self, g, t):
        if g.rebate is None:
            p, a = self.lawful_pick(('resident', 'factory_worker', 'service_worker'), t)
            if a is None:
                a = self.new_mule(g, 9, t, 'seller_card')
            else:
                a.blocked = (t - DAY, END * 2)
                a.kind, a.role, a.arche, a.gang, a.layer = 'rebate', 'mule', 'rebate_' + a.owner.arche, g, 9
            g.rebate = a
        return g.rebate

    def push(self, t, acc, fen, reported, g, gambling=False):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, 'arrive', acc, fen, reported, g, gambling))

    def run_flows(self):
        r = self.r
        ff = self.v['forward_frac']
        while self.heap:
            t, _, typ, acc, fen, rep, g, gam = heapq.heappop(self.heap)
            if typ == 'arrive':
                acc.dirty = acc.dirty or not gam
                acc.reported = acc.reported or rep
                if acc.kind == 'platform' and acc.settle is not None:
                    # T+1 settlement from the payment account to the merchant's bank card
                    d = t // DAY + 1
                    ts = d * DAY + r.randrange(HOUR, 5 * HOUR)
                    amt = int(fen * 0.994)
                    self.tx(ts, acc, acc.settle, amt, 'other', reg=acc.region, memo='结算')
                    self.push(ts, acc.settle, amt, rep, g, gam)
                    continue
                if acc.mode == 'sweep':
                    if acc.pending is None:
                        acc.pending = [0, False, False]
                    acc.pending[0] += fen
                    acc.pending[1] = acc.pending[1] or rep
                    acc.pending[2] = acc.pending[2] or not gam
                    if acc.sweep_at is None or acc.sweep_at <= t:
                        acc.sweep_at = t + r.randrange(30 * MIN, 6 * HOUR)
                        self.seq += 1
                        heapq.heappush(self.heap, (acc.sweep_at, self.seq, 'sweep', acc, 0, rep, g, gam))
                    continue
                dl = r.randrange(60, 12 * MIN) if acc.kind == 'paofen' else self.mule_delay(g)
                self.forward(t + dl, acc, fen, rep, g, gam, ff)
            else:
                if acc.pending is None or acc.pending[0] <= 0:
                    continue
                fen, rep, notgam = acc.pending
                acc.pending = None
                acc.sweep_at = None
                self.forward(t, acc, fen, rep, g, not notgam, ff)

    def forward(self, t, acc, fen, rep, g, gam, ff):
        r = self.r
        if acc.kind == 'paofen':
            keep = r.uniform(0.01, 0.025)
        else:
            keep = 1 - r.uniform(*ff) if not getattr(g, 'is_platform', False) else 0.0
        out = int(fen * (1 - keep)) // 100 * 100
        if out < 100 or t >= END:
            return
        layer = acc.layer if acc.layer else 1
        depth = g.depth if not gam else 2
        if layer >= depth or (layer >= 2 and r.random() < 0.15) or acc.kind == 'settlement_card' and r.random() < 0.5:
            self.cash_out(t, acc, out, rep, g, gam)
            return
        k = self.wpick([(1, 5), (2, 3), (3, 2), (4, 1)]) if out > 3000 * 100 else 1
        parts = self.split(out, k)
        for p in parts:
            nl = layer + 1
            if r.random() < 0.04 and layer >= 2:
                nl = 1      # money sent back to an earlier layer: cycles
            nxt = self.get_mule(g, nl, t, reuse=0.8)
            if nxt is acc:
                continue
            tt = max(t, nxt.opened + HOUR)
            self.tx(tt, acc, nxt, p, self.pick(['mobile', 'mobile', 'online']), reg=self.hop_region(acc, g),
                    memo=self.pick(['', '', '', '还款', '货款', '工程款']))
            self.push(tt, nxt, p, rep, g, gam)
            t = tt + r.randrange(20, 10 * MIN)

    def hop_region(self, acc, g):
        if acc.kind in ('paofen', 'rented_old') and self.r.random() < 0.7:
            return acc.owner.region
        return g.far if hasattr(g, 'far') and self.r.random() < 0.5 else acc.region

    def split(self, fen, k):
        if k == 1:
            return [fen]
        cuts = sorted(self.r.random() for _ in range(k - 1))
        parts, prev = [], 0.0
        for c in cuts + [1.0]:
            parts.append(int(fen * (c - prev)) // 100 * 100)
            prev = c
        parts[-1] += fen - sum(parts)
        return [p for p in parts if p > 0]

    def cash_out(self, t, acc, fen, rep, g, gam):
        r = self.r
        how = self.wpick(list(g.cashout.items()))
        if acc.kind in ('corp_shell',) and how == 'atm':
            how = 'external'
        if how == 'atm':
            reg = self.pick(g.atm_regions)
            limit = self.pick([2000000, 2000000, 5000000])
            left = fen
            day_used = 0
            cur_day = t // DAY
            while left > 0 and t < END:
                chunk = min(left, self.pick([200000, 250000, 300000, 500000]))
                if day_used + chunk > limit:
                    cur_day += 1
                    day_used = 0
                    t = cur_day * DAY + self.r.randrange(0, 4 * HOUR) + self.pick([0, 20 * HOUR])
                    if left > 2 * limit and r.random() < 0.3:   # counter withdrawal by a 车手
                        self.tx(t, acc, None, left // 100 * 100, 'counter', reg=reg, kind='withdrawal')
                        return
                    continue
                self.tx(t, acc, None, chunk, 'atm', reg=reg, kind='withdrawal')
                day_used += chunk
                left -= chunk
                t += r.randrange(40, 300)
        elif how == 'ushang':
            u = self.pick(g.ushang)
            b = self.pick(u.banks)
            for p in self.split(fen, 1 if fen < 5000000 else 2):
                self.tx(t, acc, b, p, 'mobile', reg=self.hop_region(acc, g), memo='')
                b.reported = b.reported or rep
                b.dirty = b.dirty or not gam
                t += r.randrange(MIN, HOUR)
                b = self.pick(u.banks)
        elif how == 'purchase':
            m = self.pick(self.merchants['SZ'] + self.merchants['GZ'])
            if m.arche not in ('gold_shop', 'phone_shop'):
                m = self.pick(self.wholesalers or [m])
            self.tx(t, acc, m.banks[0], fen, 'mobile', reg=m.region, memo=self.pick(['货款', '', '黄金']))
        elif how == 'wallet':
            w = self.new_acc(acc.owner, self.pick(['ALIPAY', 'TENPAY', 'JDPAY']), acc.opened, acc.region, 'III', role='mule', arche='wallet')
            w.kind, w.gang, w.dirty, w.reported = 'wallet', g, not gam, rep
            self.tx(t, acc, w, fen, 'mobile', reg=acc.region)
        else:
            s = self.pick(g.sinks)
            self.tx(t, acc, s, fen, 'online', reg=self.hop_region(acc, g), memo=self.pick(['', '', '还款']))
            s.reported = s.reported or rep
            s.dirty = s.dirty or not gam

    # ------------------------------------------------------------ finish
    def finalize(self):
        r = self.r
        start = {b: d * DAY for b, d in self.supply.items()}

        def vis(a, t):
            return a is not None and a.supplied and t >= start[a.bank]

        # accounts' transfers before they were opened would be impossible: move them after opening
        fixed = []
        for e in self.ev:
            t, a, b = e[0], e[1], e[2]
            lo = max(a.opened if a else -1, b.opened if b else -1)
            if t < lo:
                t = lo + r.randrange(5 * MIN, 3 * HOUR)
                if t >= END:
                    continue
                e = (t,) + e[1:]
            fixed.append(e)
        self.ev = fixed
        rows = [e for e in self.ev if vis(e[1], e[0]) or vis(e[2], e[0])]
        # opening balances and cash at account opening for accounts that start empty
        flows = {}
        for e in rows:
            if e[1] is not None and e[1].supplied:
                flows.setdefault(e[1], []).append((e[0], -e[3]))
            if e[2] is not None and e[2].supplied:
                flows.setdefault(e[2], []).append((e[0], e[3]))
        self.opening = {}
        extra = []
        for a in self.accs:
            if not a.supplied or a.opened >= END:
                continue
            fl = sorted(flows.get(a, []), key=lambda x: x[0])
            bal, low = 0, 0
            for _, f in fl:
                bal += f
                low = min(low, bal)
            new = a.opened >= start[a.bank]
            if new:
                ob = 0
                if low < 0:
                    dep = (-low + 9999) // 10000 * 10000 + self.r100(r.uniform(0, 300))
                    extra.append((a.opened + r.randrange(5 * MIN, 30 * MIN), None, a, dep, 'counter', a.region,
                                  'deposit', '开户存入', False, False, None))
            else:
                if a.role in ('farmer_card',) or a.kind in ('seller_card', 'fresh', 'corp_shell', 'settlement_card'):
                    buf = r.choice([0, 0, 1000, 5000])
                elif a.role == 'lawful' and a.arche in ('retiree', 'multi_bank', 'wholesaler', 'landlord'):
                    buf = self.yuan(self.lgn(10.5, 1.2), True)
                elif a.cls == 'corp':
                    buf = self.yuan(self.lgn(12.0, 1.3), True)
                else:
                    buf = self.yuan(self.lgn(7.8, 1.4), True) if r.random() < 0.9 else 0
                ob = -low + buf
            self.opening[a] = ob
        rows.extend(extra)
        rows.sort(key=lambda e: (e[0], e[1].id if e[1] else '', e[2].id if e[2] else '', e[3]))
        self.rows = rows
        self.n_open_deposits = len(extra)

    def fmt_t(self, t):
        return (T0 + timedelta(seconds=t)).isoformat()

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        r = self.r
        start = {b: d * DAY for b, d in self.supply.items()}
        seen = set()
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            self.txn_ids = []
            daycount = {}
            for e in rows_iter(self.rows):
                t, a, b, fen, ch, reg, kind, memo, cross, fraud, case = e
                rep = a if (a is not None and a.supplied and t >= start[a.bank]) else b
                day = (T0 + timedelta(seconds=t)).strftime('%Y%m%d')
                k = (rep.bank, day)
                daycount[k] = daycount.get(k, 0) + 1
                tid = '%s%s%08d' % (rep.bank, day, daycount[k] * 7 + 3 + (hash_small(rep.id) % 7))
                self.txn_ids.append(tid)
                w.writerow([tid, self.fmt_t(t), a.id if a else '', b.id if b else '', '%d.%02d' % divmod(fen, 100),
                            'CNY', ch, reg, kind, memo, 'true' if cross else 'false'])
                if a is not None:
                    seen.add(a)
                if b is not None:
                    seen.add(b)
        self.seen = seen
        rows_accts = [a for a in self.accs if a.supplied and a.opened < END]
        rows_accts.sort(key=lambda a: (a.bank, a.id))
        self.rowset = set(rows_accts)
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance'])
            for a in rows_accts:
                ob = self.opening.get(a, 0)
                w.writerow([a.id, a.bank, a.holder, self.fmt_t(a.opened), a.region, a.cls, '%d.%02d' % divmod(ob, 100)])
        # labels: what the anti-fraud centre eventually knows
        lab_acc = []
        for a in self.accs:
            if a not in seen and a not in self.rowset:
                continue
            p = 0.0
            if a.role in ('mule', 'paofen'):
                if a.reported:
                    p = {1: 0.85, 2: 0.62, 3: 0.55, 9: 0.5}.get(a.layer, 0.6)
                    if a.kind == 'corp_shell':
                        p = 0.8
                elif a.dirty:
                    p = 0.25
                else:
                    p = 0.08 if a.kind == 'paofen' else 0.0
            elif a.role == 'ushang':
                p = 0.3 if a.reported else 0.0
            elif a.role == 'operator':
                p = 0.5 if a.reported else 0.1
            elif a.unwitting and a.reported:
                p = 0.5
            if p and r.random() < p:
                a.labelled = True
                lab_acc.append(a)
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for a in lab_acc:
                w.writerow(['account', a.id, 'mule'])
            for tid, e in zip(self.txn_ids, self.rows):
                if e[9]:
                    w.writerow(['transfer', tid, 'fraud'])
            self.lab_farmers = []
            for p in self.farmer_holders:
                if any(a in self.rowset for a in p.banks):
                    w.writerow(['holder', p.hid, 'card_farmer'])
                    self.lab_farmers.append(p)
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'mule_kind', 'gang', 'layer', 'supplies', 'extract_start'])
                for b in sorted(BANKS):
                    sup = b in self.supply
                    w.writerow(['institution', b, b, '', '', '', BANKS[b][1], '', '', '', '', '', '',
                                'true' if sup else 'false',
                                self.fmt_t(self.supply[b] * DAY) if sup else ''])
                for a in sorted(set(self.accs) & (seen | self.rowset), key=lambda a: (a.bank, a.id)):
                    w.writerow(['account', a.id, a.bank, a.holder, 'true' if a in self.rowset else 'false', a.role,
                                a.arche, 'true' if a.farmer else 'false', self.fmt_t(a.opened),
                                'true' if a.labelled else 'false', a.kind or '', a.gang.name if a.gang else '',
                                a.layer or '', '', ''])

    def stats(self):
        rows = self.rows
        nf = sum(1 for e in rows if e[9])
        mules_rows = sum(1 for a in self.rowset if a.labelled)
        mule_true_rows = sum(1 for a in self.rowset if a.role in ('mule', 'paofen') and (a.dirty or a.reported))
        out = {
            'variant': self.variant,
            'accounts_with_rows': len(self.rowset),
            'transfers': len(rows),
            'fraud_transfers_labelled': nf,
            'labelled_mule_accounts_with_rows': mules_rows,
            'labelled_mule_accounts_all': sum(1 for a in self.accs if a.labelled),
            'true_mule_accounts_with_rows(used)': mule_true_rows,
            'card_farmers_labelled': len(self.lab_farmers),
            'farmer_cards_with_rows': sum(1 for a in self.rowset if a.farmer),
            'cases': len(self.cases),
            'external_accounts_in_transfers': sum(1 for a in self.seen if a not in self.rowset),
            'deposits_added_at_opening': self.n_open_deposits,
        }
        for k, v in out.items():
            print('%s: %s' % (k, v), file=sys.stderr)


def hash_small(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000003
    return h


def rows_iter(rows):
    return rows


def main():
    ap = argparse.ArgumentParser(description='Lingnan (Guangdong + Hainan) synthetic fraud world for fanzha')
    ap.add_argument('--variant', default='baseline', choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='out_lingnan')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build_population()
    w.new_hires()
    w.build_ushang()
    w.build_farmers()
    w.build_gangs()
    w.fraud()
    w.lawful_activity()
    w.run_flows()
    w.settle_pos()
    w.finalize()
    w.write(args.out, args.truth)
    if args.stats:
        w.stats()


if __name__ == '__main__':
    main()
