#!/usr/bin/env python3
# Licence: Apache-2.0 (written for the fanzha project).
"""huadong_world.py -- an independent synthetic East China (华东) world for fanzha.

Writes accounts.csv, transfers.csv and labels.csv in the fanzha interchange format v1
(docs/formats.md).  Standard library only, one seeded random.Random, byte-identical output
for the same --variant and --seed.

  python3 huadong_world.py --variant baseline --seed 1 --out /tmp/w9/baseline --stats --truth

See README.md next to this file for what the world contains.
"""

import argparse
import datetime
import math
import os
import random
import sys

# --------------------------------------------------------------------------------------------
# time: the data window is 2024-03-01T00:00+08:00 .. 2024-09-01T00:00+08:00 (184 days).
# Internally every time is seconds since the window start, local time (+08:00).
BASE = datetime.datetime(2024, 3, 1)
DAYS = 184
DAY = 86400
HOUR = 3600
MIN = 60
END = DAYS * DAY
MSTART = [0, 31, 61, 92, 122, 153, 184]          # Mar..Aug month starts, and the end


def fts(s):
    return (BASE + datetime.timedelta(seconds=int(s))).strftime('%Y-%m-%dT%H:%M:%S') + '+08:00'


def famt(f):
    return '%d.%02d' % (f // 100, f % 100)


# --------------------------------------------------------------------------------------------
# places: real GB/T 2260 county-level codes.  (code, label, weight)
REG = {
    'JS': [('320102', '南京玄武', 3), ('320106', '南京鼓楼', 3), ('320115', '南京江宁', 4),
           ('320211', '无锡滨湖', 2), ('320205', '无锡锡山', 2), ('320506', '苏州吴中', 3),
           ('320505', '苏州虎丘', 3), ('320583', '昆山', 5), ('320582', '张家港', 2),
           ('320581', '常熟', 3), ('320412', '常州武进', 3), ('320311', '徐州泉山', 2),
           ('320602', '南通崇川', 2), ('321002', '扬州广陵', 1), ('320902', '盐城亭湖', 1),
           ('321302', '宿迁宿城', 2)],
    'ZJ': [('330102', '杭州上城', 3), ('330106', '杭州西湖', 3), ('330108', '杭州滨江', 3),
           ('330110', '杭州余杭', 4), ('330782', '义乌', 5), ('330203', '宁波海曙', 2),
           ('330212', '宁波鄞州', 3), ('330302', '温州鹿城', 3), ('330381', '瑞安', 1),
           ('331002', '台州椒江', 1), ('330402', '嘉兴南湖', 2), ('330502', '湖州吴兴', 1),
           ('330602', '绍兴越城', 1), ('330681', '诸暨', 1), ('330702', '金华婺城', 1)],
    'SH': [('310101', '黄浦', 2), ('310104', '徐汇', 3), ('310105', '长宁', 2), ('310107', '普陀', 2),
           ('310110', '杨浦', 3), ('310112', '闵行', 4), ('310115', '浦东', 6), ('310117', '松江', 3),
           ('310114', '嘉定', 2), ('310118', '青浦', 2), ('310151', '崇明', 1)],
    'AH': [('340102', '合肥瑶海', 2), ('340104', '合肥蜀山', 3), ('340111', '合肥包河', 3),
           ('340202', '芜湖镜湖', 2), ('341202', '阜阳颍州', 2), ('341221', '临泉', 1),
           ('341302', '宿州埇桥', 1), ('340302', '蚌埠龙子湖', 1), ('341502', '六安金安', 1),
           ('341602', '亳州谯城', 1), ('340403', '淮南田家庵', 1)],
    'SD': [('370102', '济南历下', 3), ('370112', '济南历城', 2), ('370202', '青岛市南', 3),
           ('370211', '青岛黄岛', 3), ('370212', '青岛崂山', 1), ('370602', '烟台芝罘', 2),
           ('370702', '潍坊潍城', 2), ('370303', '淄博张店', 2), ('371302', '临沂兰山', 4),
           ('370811', '济宁任城', 2), ('371102', '日照东港', 1), ('371702', '菏泽牡丹', 1),
           ('371721', '曹县', 1)],
}
EAST = ['SH', 'JS', 'ZJ', 'AH', 'SD']
# cities where factories and migrant workers cluster
FACTORY = ['320583', '320506', '320505', '320582', '320205', '320412', '330212', '330402', '330782',
           '310117', '310114', '310118', '370211', '340111', '320602', '330302']
UNIV = ['320102', '320106', '320115', '330106', '330108', '310110', '310104', '310112', '340104',
        '340111', '370102', '370112', '370212', '320506', '340202', '320311']
ECOM = ['330782', '330110', '320581', '371302', '321302', '371721', '330302', '320583']
WHOLESALE = ['330782', '371302', '320581', '310101', '340102', '370102', '330302']
RURAL_EAST = ['341202', '341221', '341302', '341602', '341502', '321302', '320311', '371702',
              '371721', '371302', '320902']
# outside East China: migrants' homes, card farmers' homes, gang operators, far cash-out
HOME_OUT = ['411723', '411621', '511602', '510722', '520502', '431321', '421181', '360731', '500235',
            '410105', '230102', '150102']
FAR = ['445281', '441900', '440304', '440106', '350181', '350582', '533102', '532801', '450102',
       '460105', '430102']
OVERSEAS_EDGE = ['533102', '532801', '445281', '350181']


def prov_of(code):
    p = code[:2]
    return {'32': 'JS', '33': 'ZJ', '31': 'SH', '34': 'AH', '37': 'SD', '44': 'GD', '35': 'FJ',
            '53': 'YN', '43': 'HUN', '42': 'HUB', '41': 'HEN', '51': 'SC', '52': 'GZ', '45': 'GX',
            '36': 'JX', '50': 'CQ', '46': 'HI', '23': 'HLJ', '15': 'NM'}.get(p, 'OUT')


OUTREG = {}
for _c in HOME_OUT + FAR:
    OUTREG.setdefault(prov_of(_c), []).append(_c)


# --------------------------------------------------------------------------------------------
# institutions.  code: (type, provinces (None = nationwide), personal BINs, personal weight,
# corporate weight, corporate account number length)
BANKS = {
    'ICBC': ('big', None, [('622202', 19), ('621226', 19)], 14, 14, 19),
    'CCB': ('big', None, [('621700', 19), ('621284', 19)], 13, 12, 20),
    'ABC': ('big', None, [('622848', 19), ('623052', 19)], 12, 8, 17),
    'BOC': ('big', None, [('621661', 19), ('621785', 19)], 9, 8, 12),
    'BOCOM': ('big', None, [('622262', 19)], 5, 5, 21),
    'PSBC': ('big', None, [('621799', 19), ('622188', 19)], 8, 2, 18),
    'CMB': ('joint', None, [('621483', 16), ('622588', 16)], 7, 8, 15),
    'CIB': ('joint', None, [('622909', 18)], 3, 4, 18),
    'SPDB': ('joint', None, [('621792', 16)], 3, 4, 17),
    'CITIC': ('joint', None, [('621768', 16)], 2, 3, 19),
    'CEB': ('joint', None, [('622660', 16)], 2, 2, 20),
    'CMBC': ('joint', None, [('622622', 16)], 2, 3, 16),
    'PAB': ('joint', None, [('623058', 19)], 2, 2, 14),
    'HXB': ('joint', None, [('623020', 19)], 1, 1, 16),
    'BOJS': ('city', ('JS',), [('622173', 19)], 6, 6, 17),
    'NJCB': ('city', ('JS',), [('621777', 19)], 3, 3, 16),
    'JSRCU': ('rural', ('JS',), [('623066', 19)], 8, 3, 18),
    'HZCB': ('city', ('ZJ',), [('621977', 19)], 4, 4, 17),
    'BONB': ('city', ('ZJ',), [('621418', 19)], 4, 4, 17),
    'CZCB': ('city', ('ZJ',), [('621268', 19)], 2, 3, 16),
    'ZJRCU': ('rural', ('ZJ',), [('621058', 19)], 9, 3, 18),
    'BOSC': ('city', ('SH',), [('622892', 19)], 7, 5, 17),
    'SRCB': ('rural', ('SH',), [('622478', 19)], 5, 3, 18),
    'HSB': ('city', ('AH',), [('622651', 19)], 6, 4, 17),
    'AHRCU': ('rural', ('AH',), [('623669', 19)], 9, 2, 18),
    'QDCCB': ('city', ('SD',), [('622597', 19)], 3, 3, 17),
    'SDRCU': ('rural', ('SD',), [('621521', 19)], 10, 3, 18),
    'MYBANK': ('net', None, [('623178', 19)], 2, 0, 19),
    'WEBANK': ('net', None, [('623627', 19)], 1, 0, 19),
    # rural banks outside East China (counterparties only)
    'GDRCU': ('rural', ('GD',), [('621728', 19)], 9, 2, 18),
    'FJNX': ('rural', ('FJ',), [('622127', 19)], 9, 2, 18),
    'YNNX': ('rural', ('YN',), [('622469', 19)], 9, 2, 18),
    'HUNNX': ('rural', ('HUN',), [('621539', 19)], 9, 2, 18),
    'HUBNX': ('rural', ('HUB',), [('621013', 19)], 9, 2, 18),
    'HENNX': ('rural', ('HEN',), [('623059', 19)], 9, 2, 18),
    'SCNX': ('rural', ('SC',), [('621033', 19)], 9, 2, 18),
    'GZNX': ('rural', ('GZ',), [('622991', 19)], 9, 2, 18),
    'GXNX': ('rural', ('GX',), [('623133', 19)], 9, 2, 18),
    'JXNX': ('rural', ('JX',), [('622683', 19)], 9, 2, 18),
    'CQRCB': ('rural', ('CQ',), [('621361', 19)], 9, 2, 18),
    'HINX': ('rural', ('HI',), [('621459', 19)], 9, 2, 18),
    'HLJNX': ('rural', ('HLJ',), [('623176', 19)], 9, 2, 18),
    'NMNX': ('rural', ('NM',), [('621349', 19)], 9, 2, 18),
}
PAYFIRMS = ['TENPAY', 'ALIPAY', 'JDPAY', 'DOUYINPAY', 'LAKALA', 'YEEPAY']
FOREIGN = ['HSBCHK', 'BOCHK', 'SCBHK']
# supplying institutions and the day their extract starts (0 = 2024-03-01)
SUPPLY_DAY = {'ICBC': 0, 'CMB': 0, 'BOJS': 0, 'ZJRCU': 0, 'MYBANK': 0, 'JSRCU': 9, 'HZCB': 17,
              'TENPAY': 21, 'SDRCU': 26, 'BOSC': 38, 'HSB': 52}
SUP = {b: d * DAY for b, d in SUPPLY_DAY.items()}

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def luhn(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


# --------------------------------------------------------------------------------------------
VARIANTS = {
    'baseline': dict(
        desc='mixed mule kinds, mixed layering speed, card farmers in bursts',
        kinds={'fresh': 1.0, 'farm': 1.0, 'old': 1.0, 'paofen': 1.0, 'payplat': 1.0, 'corp': 1.0,
               'shop': 0.25, 'ushang': 1.0},
        speed=(0.5, 0.3, 0.2), depth=(0.3, 0.35, 0.25, 0.1),
        exits={'atm': 0.4, 'ushang': 0.3, 'external': 0.3},
        farmers=32, farmer_mode='burst', cases=1450, typ_boost={}, shops=1.0),
    'paofen_shops': dict(
        desc='跑分 through e-commerce shops, small-merchant QR codes and payment accounts; fast',
        kinds={'fresh': 0.35, 'farm': 0.35, 'old': 0.3, 'paofen': 3.0, 'payplat': 2.0, 'corp': 0.3,
               'shop': 3.0, 'ushang': 0.6},
        speed=(0.7, 0.25, 0.05), depth=(0.35, 0.4, 0.2, 0.05),
        exits={'atm': 0.25, 'ushang': 0.45, 'external': 0.3},
        farmers=16, farmer_mode='burst', cases=1500,
        typ_boost={'brushing': 2.0, 'shopping_service': 2.0, 'game_trade': 2.0, 'ecommerce_cs': 1.5,
                   'fake_job': 1.5}, shops=1.1, pop=0.93),
    'old_slow': dict(
        desc='mules mostly old rented/sold accounts with years of history; slow, deep layering',
        kinds={'fresh': 0.3, 'farm': 0.3, 'old': 4.0, 'paofen': 0.3, 'payplat': 0.4, 'corp': 1.5,
               'shop': 0.2, 'ushang': 1.2},
        speed=(0.1, 0.3, 0.6), depth=(0.1, 0.3, 0.35, 0.25),
        exits={'atm': 0.35, 'ushang': 0.4, 'external': 0.25},
        farmers=22, farmer_mode='slow', cases=1150,
        typ_boost={'investment': 2.0, 'romance': 2.0, 'police_gov': 1.5, 'leader_acquaintance': 1.3},
        shops=1.0),
}

# typologies: (payments lo, hi, first amount median, sigma, growth, gap profile, report prob,
#              L1 mule kind weights, channels)
TYPO = {
    'police_gov': (1, 4, 60000, 0.8, 1.4, 'hours', 0.98,
                   {'corp': 3, 'old': 3.5, 'fresh': 2, 'farm': 1}, {'mobile': 5, 'online': 2, 'counter': 3}),
    'investment': (2, 8, 8000, 0.9, 1.6, 'days', 0.95,
                   {'corp': 3, 'old': 3, 'ushang': 1.5, 'fresh': 1.5, 'farm': 1}, {'mobile': 6, 'online': 3, 'counter': 1}),
    'romance': (2, 6, 5000, 0.8, 1.8, 'days', 0.9,
                {'old': 4, 'fresh': 1.5, 'farm': 1, 'ushang': 1, 'paofen': 2}, {'mobile': 8, 'online': 2}),
    'brushing': (2, 6, 200, 0.6, 2.4, 'minutes', 0.82,
                 {'paofen': 4, 'payplat': 2, 'fresh': 2, 'farm': 1, 'old': 1, 'shop': 1.5}, {'mobile': 10}),
    'ecommerce_cs': (1, 3, 9000, 0.8, 1.3, 'minutes', 0.92,
                     {'fresh': 2.5, 'farm': 1.5, 'paofen': 3, 'old': 2, 'payplat': 1, 'shop': 1}, {'mobile': 8, 'online': 2}),
    'loan_card': (1, 5, 1500, 0.8, 1.7, 'hours', 0.85,
                  {'fresh': 2.5, 'farm': 1.5, 'paofen': 4, 'old': 2}, {'mobile': 10}),
    'credit_record': (1, 3, 15000, 0.7, 1.3, 'minutes', 0.92,
                      {'fresh': 2.5, 'farm': 1.5, 'old': 3, 'paofen': 3}, {'mobile': 9, 'online': 1}),
    'shopping_service': (1, 2, 600, 0.9, 1.2, 'hours', 0.72,
                         {'payplat': 5, 'paofen': 3, 'fresh': 1, 'shop': 3}, {'mobile': 10}),
    'game_trade': (1, 3, 800, 0.9, 1.5, 'minutes', 0.78,
                   {'payplat': 4, 'paofen': 4, 'fresh': 2, 'shop': 2}, {'mobile': 10}),
    'leader_acquaintance': (1, 2, 30000, 0.8, 1.3, 'hours', 0.95,
                            {'old': 5, 'fresh': 2, 'farm': 1, 'corp': 2}, {'mobile': 6, 'online': 3, 'counter': 1}),
    'fake_job': (1, 2, 500, 0.7, 1.5, 'hours', 0.7,
                 {'paofen': 5, 'fresh': 3, 'shop': 1}, {'mobile': 10}),
    'subsidy_refund': (1, 3, 8000, 0.7, 1.3, 'minutes', 0.95,
                       {'fresh': 4, 'farm': 2, 'old': 3}, {'atm': 8, 'mobile': 2}),
    'accident_kidnap': (1, 2, 15000, 0.7, 1.2, 'minutes', 0.95,
                        {'fresh': 3, 'farm': 2, 'old': 4}, {'mobile': 6, 'counter': 2, 'atm': 2}),
    'prize': (1, 3, 3000, 0.8, 1.5, 'hours', 0.85, {'fresh': 3, 'old': 3, 'paofen': 2}, {'mobile': 7, 'atm': 3}),
    'parcel': (1, 3, 40000, 0.8, 1.3, 'hours', 0.96, {'corp': 2, 'old': 4, 'fresh': 3}, {'mobile': 6, 'counter': 4}),
    'phone_bill': (1, 2, 20000, 0.8, 1.3, 'hours', 0.95, {'old': 4, 'fresh': 3, 'farm': 1}, {'mobile': 6, 'counter': 2, 'atm': 2}),
    'military_purchase': (1, 2, 40000, 0.7, 1.4, 'days', 0.93, {'corp': 4, 'old': 3, 'fresh': 2}, {'online': 6, 'mobile': 4}),
}
GAP = {'minutes': (3 * MIN, 0.8), 'hours': (2 * HOUR, 0.9), 'days': (3 * DAY, 0.7)}
TYPO_BY_ARCH = {
    'retiree': {'police_gov': 28, 'investment': 14, 'accident_kidnap': 10, 'subsidy_refund': 9, 'prize': 6,
                'parcel': 6, 'phone_bill': 6, 'romance': 3, 'leader_acquaintance': 5, 'shopping_service': 6},
    'student': {'brushing': 24, 'credit_record': 18, 'game_trade': 18, 'shopping_service': 14,
                'ecommerce_cs': 10, 'loan_card': 6, 'fake_job': 6, 'police_gov': 4},
    'office': {'investment': 24, 'romance': 14, 'ecommerce_cs': 18, 'brushing': 14, 'leader_acquaintance': 9,
               'loan_card': 5, 'police_gov': 6, 'credit_record': 5, 'shopping_service': 5},
    'migrant': {'loan_card': 26, 'brushing': 18, 'fake_job': 18, 'romance': 10, 'game_trade': 6,
                'ecommerce_cs': 10, 'shopping_service': 6, 'accident_kidnap': 3, 'prize': 3},
    'business': {'leader_acquaintance': 30, 'military_purchase': 18, 'investment': 20, 'loan_card': 14,
                 'ecommerce_cs': 8, 'police_gov': 6, 'romance': 4},
}


class Acct(object):
    __slots__ = ('id', 'bank', 'hid', 'opened', 'region', 'cls', 'status', 'role', 'arch',
                 'rent_from', 'close_at', 'close_to', 'base')

    def __init__(self, aid, bank, hid, opened, region, cls, role, arch):
        self.id = aid
        self.bank = bank
        self.hid = hid
        self.opened = opened
        self.region = region
        self.cls = cls
        self.status = 'active'
        self.role = role
        self.arch = arch
        self.rent_from = None
        self.close_at = None
        self.close_to = None
        self.base = None


class Mule(object):
    __slots__ = ('aid', 'kind', 'gang', 'a', 'b', 'cap', 'used', 'opreg', 'layer', 'batch')

    def __init__(self, aid, kind, gang, a, b, cap, opreg, layer):
        self.aid = aid
        self.kind = kind
        self.gang = gang
        self.a = a
        self.b = b
        self.cap = cap
        self.used = 0
        self.opreg = opreg
        self.layer = layer
        self.batch = 0


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.V = VARIANTS[variant]
        self.r = random.Random(seed)
        self.acc = {}
        self.holders = {}          # hid -> [kind, home, region, birth_year, arch, farmer]
        self.ids = set()
        self.hids = set()
        self.txs = []
        self.seq = 0
        self.by_holder = {}        # hid -> [aid,...]
        # pools
        self.emp = {p: [] for p in EAST}
        self.payday = {}
        self.merch = {p: [] for p in EAST}
        self.tmerch = {p: [] for p in EAST}
        self.wallets = {p: [] for p in EAST}
        self.shop_wallets = {p: [] for p in EAST}
        self.landlords = {p: [] for p in EAST}
        self.suppliers = {p: [] for p in EAST}
        self.people = {}           # arch -> list of hid
        self.primary = {}          # hid -> main personal bank account
        self.wallet_of = {}        # hid -> tenpay wallet
        self.anon_pool = []
        self.mules = {}            # aid -> Mule
        self.mule_hit = {}         # aid -> min layer that carried reported money
        self.gangs = []
        self.farm_stock = []       # (available_from, aid, farmer hid)
        self.farmers = []
        self.victims = set()
        self.cases = []            # (case id, typology, reported, victim aid)
        self.sweeps = []           # (wallet aid, owner bank aid, every days, channel)
        self.busy = set()          # accounts already used as rented/paofen/shop mules
        # bank pickers per province
        self._bank_pick = {}
        self._corp_pick = {}
        self._city_pick = {}

    # ------------------------------------------------------------------ random helpers
    def ln(self, median, sigma, lo=None, hi=None):
        x = median * math.exp(self.r.gauss(0.0, sigma))
        if lo is not None and x < lo:
            x = lo
        if hi is not None and x > hi:
            x = hi
        return x

    def yuan(self, x, step=None):
        """yuan (float) -> fen (int), optionally rounded to a step in yuan"""
        if step:
            v = int(round(x / step)) * step
            if v <= 0:
                v = step
            return int(v * 100)
        f = int(round(x * 100))
        return f if f > 0 else 1

    def human(self, x):
        """amount a person would type: mostly round"""
        u = self.r.random()
        if x >= 2000 and u < 0.6:
            return self.yuan(x, 100)
        if x >= 200 and u < 0.7:
            return self.yuan(x, 10)
        if u < 0.5:
            return self.yuan(x, 1)
        return self.yuan(x)

    def tod(self, prof):
        r = self.r
        if prof == 'work':
            h = r.uniform(8.8, 17.5)
        elif prof == 'day':
            h = r.triangular(7.0, 23.5, 14.0)
        elif prof == 'eve':
            h = r.uniform(17.5, 23.8)
        elif prof == 'night':
            h = r.uniform(21.0, 29.5) % 24
        elif prof == 'batch':
            h = r.uniform(1.0, 6.5) if r.random() < 0.5 else r.uniform(9.0, 11.0)
        elif prof == 'bank':
            h = r.uniform(9.0, 16.8)
        else:
            h = r.uniform(0, 24)
        return int(h * HOUR) + r.randint(0, 59)

    def at(self, day, prof='day'):
        return int(day) * DAY + self.tod(prof)

    def city(self, prov):
        if prov not in self._city_pick:
            lst = REG[prov]
            cum, c = [], 0
            for _, _, w in lst:
                c += w
                cum.append(c)
            self._city_pick[prov] = ([x[0] for x in lst], cum)
        codes, cum = self._city_pick[prov]
        return self.r.choices(codes, cum_weights=cum)[0]

    def east_city(self, weights=(30, 30, 22, 9, 9)):
        return self.city(self.r.choices(EAST, weights=weights)[0])

    def pick_bank(self, prov, corp=False, no_net=False):
        key = (prov, corp, no_net)
        if key not in self._bank_pick:
            names, cum, c = [], [], 0
            for b, spec in BANKS.items():
                typ, provs = spec[0], spec[1]
                w = spec[4] if corp else spec[3]
                if provs is not None and prov not in provs:
                    continue
                if typ == 'net' and no_net:
                    continue
                if w <= 0:
                    continue
                c += w
                names.append(b)
                cum.append(c)
            self._bank_pick[key] = (names, cum)
        names, cum = self._bank_pick[key]
        return self.r.choices(names, cum_weights=cum)[0]

    # ------------------------------------------------------------------ identities
    def idno(self, home, byear, female=None):
        r = self.r
        while True:
            d = datetime.date(byear, 1, 1) + datetime.timedelta(days=r.randint(0, 364))
            seq = r.randint(0, 499) * 2 + (0 if female else 1) if female is not None else r.randint(1, 999)
            body = '%s%s%03d' % (home, d.strftime('%Y%m%d'), seq)
            s = sum(int(body[i]) * ID_W[i] for i in range(17))
            hid = body + ID_C[s % 11]
            if hid not in self.hids:
                self.hids.add(hid)
                return hid

    def uscc(self, region):
        r = self.r
        while True:
            body8 = '%08d' % r.randint(0, 99999999)
            s = sum(int(body8[i]) * ORG_W[i] for i in range(8))
            c9 = 11 - s % 11
            c9 = 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
            body = '91' + region + body8 + c9
            s = sum(USCC_CH.index(body[i]) * USCC_W[i] for i in range(17))
            c = (31 - s % 31) % 31
            hid = body + USCC_CH[c]
            if hid not in self.hids:
                self.hids.add(hid)
                return hid

    def new_holder(self, kind, home, region, byear, arch):
        if kind == 'P':
            hid = self.idno(home, byear)
        else:
            hid = self.uscc(region)
        self.holders[hid] = [kind, home, region, byear, arch, False]
        self.by_holder[hid] = []
        return hid

    def _digits(self, n):
        return ''.join(self.r.choice('0123456789') for _ in range(n))

    def acct_no(self, bank, corp=False, region='310000'):
        r = self.r
        while True:
            if bank == 'TENPAY':
                aid = ('16' + self._digits(8)) if corp else \
                    'wxid_' + ''.join(r.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(14))
            elif bank == 'ALIPAY':
                aid = '2088' + self._digits(12)
            elif bank == 'JDPAY':
                aid = '22' + self._digits(14)
            elif bank == 'DOUYINPAY':
                aid = '7' + self._digits(15)
            elif bank == 'LAKALA':
                aid = '822' + region[:4] + self._digits(8)
            elif bank == 'YEEPAY':
                aid = '10' + self._digits(9)
            elif bank in FOREIGN:
                aid = '%03d' % r.randint(1, 999) + '-' + self._digits(6) + '-' + self._digits(3)
            elif corp:
                L = BANKS[bank][5]
                aid = region[:4] + self._digits(L - 4)
            else:
                bin_, L = r.choice(BANKS[bank][2])
                body = bin_ + self._digits(L - len(bin_) - 1)
                aid = body + luhn(body)
            if aid not in self.ids:
                self.ids.add(aid)
                return aid

    def open(self, hid, bank, region, opened, cls, role, arch, corp=False):
        aid = self.acct_no(bank, corp=corp, region=region)
        a = Acct(aid, bank, hid, int(opened), region, cls, role, arch)
        self.acc[aid] = a
        if hid is not None:
            self.by_holder.setdefault(hid, []).append(aid)
        return aid

    def pre_open(self, byear, earliest=2003, min_days=15):
        """an opening time before the window: years back, skewed to recent years"""
        r = self.r
        lo = max(earliest, byear + 16)
        if lo > 2023:
            lo = 2023
        y = lo + int((2024 - lo) * (1.0 - r.random() ** 1.5))
        if y > 2023:
            y = 2023
        dt = datetime.datetime(y, 1, 1) + datetime.timedelta(days=r.randint(0, 364))
        s = int((dt - BASE).total_seconds()) + self.tod('bank')
        if s > -min_days * DAY:
            s = -min_days * DAY - r.randint(0, 200) * DAY + self.tod('bank')
        return s

    def cls_for(self, bank, online=False):
        if bank in ('MYBANK', 'WEBANK'):
            return 'II'
        if bank == 'TENPAY':
            return self.r.choices(['I', 'II', 'III'], weights=[3, 6, 1])[0]
        if online:
            return 'II'
        return 'I' if self.r.random() < 0.9 else 'II'

    # an anonymous member of the public at a non-supplying bank (payer / payee only)
    def anon(self, prov=None, reuse=0.45):
        r = self.r
        if self.anon_pool and r.random() < reuse:
            return r.choice(self.anon_pool)
        if prov is None:
            reg = self.east_city() if r.random() < 0.75 else r.choice(HOME_OUT + FAR)
        else:
            reg = self.city(prov) if prov in REG else r.choice(OUTREG.get(prov) or (HOME_OUT + FAR))
        p = prov_of(reg)
        while True:
            b = self.pick_bank(p) if p in REG or p != 'OUT' else 'ABC'
            if r.random() < 0.25:
                b = 'ALIPAY'
            if b not in SUP:
                break
        hid = self.new_holder('P', reg, reg, r.randint(1960, 2004), 'public')
        aid = self.open(hid, b, reg, self.pre_open(1990), 'I', 'public', 'public')
        self.anon_pool.append(aid)
        return aid

    def ext_corp(self, region, role='ext_corp', arch='company'):
        r = self.r
        while True:
            b = self.pick_bank(prov_of(region), corp=True) if prov_of(region) != 'OUT' else 'ICBC'
            if b not in SUP:
                break
        hid = self.new_holder('C', region, region, 2000, arch)
        return self.open(hid, b, region, self.pre_open(1970, 2000), 'corp', role, arch, corp=True)

    # ------------------------------------------------------------------ transfers
    def tx(self, ts, a, b, amt, ch='mobile', reg='', kind='transfer', memo='', xb=False, fraud=0, gang=0):
        if amt <= 0 or ts < 0 or ts >= END:
            return None
        A = self.acc.get(a) if a else None
        B = self.acc.get(b) if b else None
        if not ((A is not None and A.bank in SUP) or (B is not None and B.bank in SUP)):
            return None
        rec = [int(ts), self.seq, a, b, int(amt), ch, reg, kind, memo, xb, fraud, gang, None]
        self.seq += 1
        self.txs.append(rec)
        return rec

    # ------------------------------------------------------------------ shared counterparties
    def corp(self, region, role, arch, bank=None, opened=None, supplying_bias=0.0):
        r = self.r
        p = prov_of(region)
        if bank is None:
            bank = self.pick_bank(p, corp=True)
            if supplying_bias and bank not in SUP and r.random() < supplying_bias:
                bank = self.pick_bank(p, corp=True)
        hid = self.new_holder('C', region, region, 2000, arch)
        if opened is None:
            opened = self.pre_open(1975, 1998, 60)
        return self.open(hid, bank, region, opened, 'corp', role, arch, corp=True)

    def build_pools(self):
        r = self.r
        S = self.V['shops']
        for p in EAST:
            n_emp = {'SH': 70, 'JS': 80, 'ZJ': 65, 'AH': 30, 'SD': 35}[p]
            for _ in range(n_emp):
                reg = r.choice(FACTORY) if r.random() < 0.45 and any(prov_of(c) == p for c in FACTORY) else self.city(p)
                if prov_of(reg) != p:
                    reg = self.city(p)
                aid = self.corp(reg, 'lawful', 'employer')
                self.emp[p].append(aid)
                self.payday[aid] = r.choice([5, 8, 10, 10, 15, 15, 20, 25, 28])
            for _ in range({'SH': 45, 'JS': 45, 'ZJ': 40, 'AH': 20, 'SD': 25}[p]):
                self.merch[p].append(self.corp(self.city(p), 'lawful', 'merchant'))
            for _ in range(int({'SH': 45, 'JS': 45, 'ZJ': 40, 'AH': 18, 'SD': 22}[p] * S)):
                reg = self.city(p)
                m = self.corp(reg, 'lawful', 'qr_merchant', bank='TENPAY',
                              opened=self.pre_open(1985, 2016, 30))
                owner_bank = self.corp(reg, 'lawful', 'qr_merchant_bank')
                self.acc[owner_bank].hid = self.acc[m].hid
                self.by_holder[self.acc[m].hid].append(owner_bank)
                self.tmerch[p].append(m)
                self.sweeps.append((m, owner_bank, r.choice([2, 3, 5, 7, 10]), 'other'))
            for _ in range({'SH': 25, 'JS': 35, 'ZJ': 35, 'AH': 12, 'SD': 18}[p]):
                self.suppliers[p].append(self.corp(self.city(p), 'lawful', 'supplier'))
        # national counterparties (mostly external)
        self.platform = {
            'taobao': self.corp('330108', 'lawful', 'platform', bank='ALIPAY'),
            'pdd': self.corp('310105', 'lawful', 'platform', bank='CMB'),
            'douyin': self.corp('310104', 'lawful', 'platform', bank='DOUYINPAY'),
            'jd': self.corp('310115', 'lawful', 'platform', bank='JDPAY'),
        }
        self.univ = {}
        for c in UNIV:
            b = r.choice(['ICBC', 'BOC', 'CCB', 'BOJS' if c[:2] == '32' else 'ABC', 'CMB'])
            self.univ[c] = (self.corp(c, 'lawful', 'university', bank=b), b)
        self.pension = {}
        for p in EAST:
            for code, _, _ in REG[p]:
                self.pension[code] = self.corp(code, 'lawful', 'social_security')
        self.loanco = [self.corp(c, 'lawful', 'consumer_finance') for c in ('310115', '500235', '330108', '320102', '440304')]
        self.utility = {p: [self.corp(self.city(p), 'lawful', 'utility') for _ in range(4)] for p in EAST}
        self.dealers = {p: [self.corp(self.city(p), 'lawful', 'car_dealer') for _ in range(6)] for p in EAST}
        self.developers = {p: [self.corp(self.city(p), 'lawful', 'developer') for _ in range(6)] for p in EAST}
        self.hospitals = {p: [self.corp(self.city(p), 'lawful', 'hospital') for _ in range(5)] for p in EAST}
        self.express = {p: [self.corp(self.city(p), 'lawful', 'express') for _ in range(8)] for p in EAST}
        self.bank_promo = {}
        for b in BANKS:
            if BANKS[b][1] is None or any(x in EAST for x in BANKS[b][1]):
                self.bank_promo[b] = self.corp('310115' if BANKS[b][1] is None else REG[BANKS[b][1][0]][0][0],
                                               'lawful', 'bank_marketing', bank=b)
        self.hk = [self.open(self.new_holder('C', '810000', '810000', 2000, 'hk_trader'), r.choice(FOREIGN),
                             '810000', -3000 * DAY, 'corp', 'lawful', 'hk_trader', corp=True) for _ in range(40)]

    def consumer_spend(self, src, prov, day, prof='day', scale=1.0, ch=None):
        r = self.r
        u = r.random()
        if u < 0.55:
            dst = r.choice(self.merch[prov])
            amt = self.yuan(self.ln(160 * scale, 1.0, 8, 30000))
            ch = ch or r.choice(['pos', 'pos', 'mobile', 'online'])
        elif u < 0.75:
            dst = self.platform[r.choice(['taobao', 'taobao', 'jd', 'pdd', 'douyin'])]
            amt = self.yuan(self.ln(120 * scale, 1.0, 5, 20000))
            ch = ch or 'online'
        elif u < 0.9:
            dst = r.choice(self.utility[prov])
            amt = self.yuan(self.ln(150, 0.6, 20, 3000))
            ch = ch or 'online'
        else:
            dst = r.choice(self.tmerch[prov]) if self.acc[src].bank == 'TENPAY' else r.choice(self.merch[prov])
            amt = self.yuan(self.ln(60 * scale, 0.9, 3, 5000))
            ch = ch or 'mobile'
        self.tx(self.at(day, prof), src, dst, amt, ch, self.acc[src].region if r.random() < 0.9 else '')

    def wallet_life(self, hid, w, fund, prov, d0, d1, intensity=1.0):
        """a TENPAY wallet: top-ups from a bank card, small payments at QR shops, red packets"""
        r = self.r
        reg = self.acc[w].region
        d = max(d0, 0)
        while d < d1:
            d += r.randint(8, 24)
            if d >= d1:
                break
            self.tx(self.at(d, 'day'), fund, w, self.human(self.ln(500 * intensity, 0.6, 50, 5000)), 'mobile', reg,
                    memo=r.choice(['', '', '零钱充值']))
        n = int((d1 - max(d0, 0)) / 30.0 * r.uniform(0.8, 2.0) * intensity) + 1
        shops = self.shop_wallets[prov]
        for _ in range(n):
            day = r.uniform(max(d0, 0), d1)
            v = r.random()
            if v < 0.45 and shops:
                dst = r.choice(shops[:max(8, len(shops))]) if r.random() < 0.5 else r.choice(shops)
                self.tx(self.at(day, 'day'), w, dst, self.yuan(self.ln(35, 0.8, 2, 800)), 'mobile', reg)
            elif v < 0.88:
                dst = r.choice(self.tmerch[prov])
                self.tx(self.at(day, 'day'), w, dst, self.yuan(self.ln(45, 0.9, 2, 2000)), 'mobile', reg)
            else:
                pool = self.wallets[prov]
                if pool:
                    dst = r.choice(pool)
                    if dst != w:
                        amt = r.choice([6.66, 8.88, 20, 50, 52, 66, 88, 100, 168, 200, 520, 13.14, 18.8]) \
                            if r.random() < 0.6 else self.ln(60, 0.8, 1, 1000)
                        self.tx(self.at(day, 'eve'), w, dst, self.yuan(amt), 'mobile', reg,
                                memo=r.choice(['', '', '红包', 'AA', '转账']))

    # ------------------------------------------------------------------ lawful population
    def person(self, arch, reg, home, byear):
        hid = self.new_holder('P', home, reg, byear, arch)
        self.people.setdefault(arch, []).append(hid)
        return hid

    def wallet(self, hid, reg, opened=None, pool=True):
        byear = self.holders[hid][3]
        w = self.open(hid, 'TENPAY', reg, opened if opened is not None else self.pre_open(byear, 2014),
                      self.cls_for('TENPAY'), 'lawful', self.holders[hid][4])
        self.wallet_of[hid] = w
        if pool:
            self.wallets[prov_of(reg)].append(w)
        return w

    def home_account(self, home, byear=None, arch='parent', owner=None):
        """a parent's / family account in the home county (usually at a non-supplying bank)"""
        r = self.r
        p = prov_of(home)
        for _ in range(6):
            b = self.pick_bank(p, no_net=True) if p != 'OUT' else 'PSBC'
            if b not in SUP or r.random() < 0.75:
                break
        hid = owner or self.new_holder('P', home, home, byear or r.randint(1952, 1975), arch)
        aid = self.open(hid, b, home, self.pre_open(byear or 1970, 2000), 'I', 'lawful', arch)
        return aid

    def parent_life(self, aid):
        """parents in the countryside take cash out now and then"""
        r = self.r
        if self.acc[aid].bank not in SUP:
            return
        for m in range(6):
            if r.random() < 0.7:
                d = MSTART[m] + r.randint(0, 29)
                self.tx(self.at(d, 'bank'), aid, None, self.yuan(self.ln(1200, 0.6, 100, 8000), 100),
                        r.choice(['atm', 'counter']), self.acc[aid].region, kind='withdrawal')

    def dormant(self, hid, prov, byear, p):
        """an old card nobody uses any more (kept for a mortgage, a former job, a bank promotion)"""
        r = self.r
        while r.random() < p:
            b = self.pick_bank(prov, no_net=True)
            self.open(hid, b, self.city(prov), self.pre_open(byear, 2003, 400), 'I', 'lawful', 'dormant')
            p *= 0.4

    def p_office(self, n):
        r = self.r
        for _ in range(n):
            prov = r.choices(EAST, weights=[35, 28, 22, 8, 7])[0]
            reg = self.city(prov)
            home = reg if r.random() < 0.45 else (r.choice(RURAL_EAST) if r.random() < 0.6 else r.choice(HOME_OUT))
            byear = r.randint(1972, 2001)
            hid = self.person('office', reg, home, byear)
            emp = r.choice(self.emp[prov])
            pb = self.acc[emp].bank if r.random() < 0.75 else self.pick_bank(prov, no_net=True)
            prim = self.open(hid, pb, reg, self.pre_open(byear), self.cls_for(pb), 'lawful', 'office')
            others = []
            for _k in range(r.choices([0, 1, 2], [30, 48, 22])[0]):
                b = self.pick_bank(prov)
                others.append(self.open(hid, b, reg if r.random() < 0.8 else home, self.pre_open(byear),
                                        self.cls_for(b), 'lawful', 'office'))
            w = self.wallet(hid, reg) if r.random() < 0.3 else None
            self.primary[hid] = prim
            self.dormant(hid, prov, byear, 0.6)
            sal = self.ln({'SH': 13000, 'ZJ': 10000, 'JS': 9500, 'AH': 7000, 'SD': 7500}[prov], 0.45, 3500, 90000)
            jobday, emp2, prim2 = None, None, None
            if r.random() < 0.08:
                # changes job inside the window: new payroll card, often a local co-branded card too
                jobday = r.randint(10, 165)
                emp2 = r.choice(self.emp[prov])
                b2 = self.acc[emp2].bank
                prim2 = self.open(hid, b2, self.acc[emp2].region, (jobday - r.randint(0, 6)) * DAY + self.tod('bank'),
                                  'I', 'lawful', 'office_newjob')
                if r.random() < 0.5:
                    b3 = {'JS': 'BOJS', 'ZJ': 'HZCB', 'SH': 'BOSC', 'AH': 'HSB', 'SD': 'QDCCB'}[prov]
                    others.append(self.open(hid, b3, reg, (jobday + r.randint(0, 12)) * DAY + self.tod('bank'),
                                            'I', 'lawful', 'office_newjob'))
                if r.random() < 0.3:
                    b4 = self.pick_bank(prov)
                    others.append(self.open(hid, b4, reg, (jobday + r.randint(-3, 10)) * DAY + self.tod('bank'),
                                            self.cls_for(b4, online=True), 'lawful', 'office_newjob'))
                sal2 = sal * r.uniform(0.95, 1.3)

            def cur(day):
                return prim2 if (jobday is not None and day >= jobday + 3) else prim

            renter = r.random() < 0.55 and self.landlords[prov]
            landlord = r.choice(self.landlords[prov]) if renter else None
            rent = self.ln(4500 if prov == 'SH' else 2600, 0.35, 900, 15000)
            parents = self.home_account(home) if r.random() < 0.3 else None
            saver = others and r.random() < 0.45
            for m in range(6):
                ms, me = MSTART[m], MSTART[m + 1]
                pd = self.payday[emp]
                # salary
                if jobday is None or ms + pd < jobday - 15:
                    amt = sal * r.uniform(0.93, 1.07) * (1.6 if (m == 3 and r.random() < 0.2) else 1.0)
                    self.tx(self.at(ms + pd - 1, 'batch'), emp, prim, self.yuan(amt), 'other',
                            self.acc[emp].region, memo=r.choice(['代发工资', '工资', '']))
                if jobday is not None and ms + self.payday[emp2] >= jobday + 25:
                    self.tx(self.at(ms + self.payday[emp2] - 1, 'batch'), emp2, prim2,
                            self.yuan(sal2 * r.uniform(0.95, 1.05)), 'other', self.acc[emp2].region,
                            memo=r.choice(['代发工资', '工资']))
                if landlord:
                    d = ms + r.randint(0, 5)
                    self.tx(self.at(d, 'day'), cur(d), landlord, self.yuan(rent, 10), 'mobile', reg,
                            memo=r.choice(['房租', '', '%d月房租' % (m + 3)]))
                for _k in range(r.randint(0, 3)):
                    d = r.randint(ms, me - 1)
                    self.consumer_spend(cur(d), prov, d)
                if saver:
                    d = ms + r.randint(pd, min(pd + 6, 29))
                    self.tx(self.at(d, 'eve'), cur(d), r.choice(others), self.yuan(self.ln(2500, 0.6, 500, 30000), 500),
                            'mobile', reg)
                if parents and (r.random() < 0.5 or m in (1, 3)):
                    d = ms + r.randint(0, 27)
                    self.tx(self.at(d, 'eve'), cur(d), parents, self.yuan(self.ln(1500, 0.5, 200, 10000), 100),
                            'mobile', reg, memo=r.choice(['', '生活费', '给爸妈']))
            if parents:
                self.parent_life(parents)
            if w:
                self.wallet_life(hid, w, prim, prov, 0, DAYS)
            # wealth management round trips between own banks
            if others and r.random() < 0.2:
                o = r.choice(others)
                d = r.randint(5, 120)
                amt = self.yuan(self.ln(30000, 0.6, 5000, 300000), 1000)
                self.tx(self.at(d, 'work'), prim, o, amt, 'online', reg, memo='理财')
                self.tx(self.at(d + r.randint(28, 60), 'work'), o, prim, amt + self.yuan(amt / 100.0 * r.uniform(0.2, 0.8) / 100.0),
                        'online', reg, memo='理财赎回')
            # big first payments
            u = r.random()
            if u < 0.035:
                self.big_purchase(hid, prim, others, prov, reg, 'car')
            elif u < 0.055:
                self.big_purchase(hid, prim, others, prov, reg, 'flat')

    def big_purchase(self, hid, prim, others, prov, reg, what):
        """car or flat deposit, often from a brand-new account, funded by own and family money"""
        r = self.r
        d = r.randint(20, 170)
        if r.random() < 0.45:
            b = self.pick_bank(prov, no_net=True)
            acct = self.open(hid, b, reg, (d - r.randint(1, 6)) * DAY + self.tod('bank'), 'I', 'lawful', 'buyer_newacct')
        else:
            acct = prim
        price = self.ln(150000 if what == 'car' else 300000, 0.45, 40000, 2000000)
        price_f = self.yuan(price, 1000)
        got = 0
        srcs = list(others) + [prim]
        for s in srcs:
            if s == acct:
                continue
            amt = self.yuan(price * r.uniform(0.2, 0.5), 1000)
            self.tx(d * DAY - r.randint(2, 90) * HOUR, s, acct, amt, 'online', reg, memo='')
            got += amt
        # family pooling: parents and relatives chip in
        for _k in range(r.randint(1, 3) if what == 'flat' else r.randint(0, 1)):
            rel = self.home_account(self.holders[hid][1], arch='relative')
            amt = self.yuan(price * r.uniform(0.1, 0.35), 1000)
            self.tx(d * DAY - r.randint(1, 200) * HOUR, rel, acct, amt, r.choice(['counter', 'mobile']),
                    self.acc[rel].region, memo=r.choice(['', '买房', '首付', '支持']))
            got += amt
        if got < price_f:
            self.tx(d * DAY - r.randint(1, 48) * HOUR, None, acct, price_f - got, 'counter', reg, kind='deposit')
        dst = r.choice(self.dealers[prov] if what == 'car' else self.developers[prov])
        self.tx(self.at(d, 'bank'), acct, dst, price_f, r.choice(['counter', 'online', 'pos']), reg,
                memo='购车款' if what == 'car' else '购房定金')

    def p_landlords(self, n):
        r = self.r
        for _ in range(n):
            prov = r.choices(EAST, weights=[35, 25, 22, 9, 9])[0]
            reg = self.city(prov)
            byear = r.randint(1950, 1985)
            hid = self.person('landlord', reg, reg, byear)
            b = self.pick_bank(prov, no_net=True)
            a = self.open(hid, b, reg, self.pre_open(byear), 'I', 'lawful', 'landlord')
            b2 = self.pick_bank(prov, no_net=True)
            a2 = self.open(hid, b2, reg, self.pre_open(byear), 'I', 'lawful', 'landlord')
            self.primary[hid] = a
            for _k in range(r.randint(1, 4)):
                self.landlords[prov].append(a)
            for m in range(6):
                d = MSTART[m] + r.randint(8, 25)
                self.tx(self.at(d, 'day'), a, a2, self.yuan(self.ln(8000, 0.6, 1000, 60000), 1000), 'mobile', reg)
                self.tx(self.at(MSTART[m] + r.randint(10, 20), 'batch'), a, r.choice(self.utility[prov]),
                        self.yuan(self.ln(400, 0.6, 50, 4000)), 'other', reg, memo='物业费')
                self.consumer_spend(a, prov, r.randint(MSTART[m], MSTART[m + 1] - 1))
            # a new tenant's deposit and first rent in one go (押一付三)
            for _k in range(r.randint(0, 2)):
                d = r.randint(0, 180)
                payer = self.anon(prov) if r.random() < 0.6 else r.choice(self.anon_pool or [self.anon(prov)])
                self.tx(self.at(d, 'day'), payer, a, self.yuan(self.ln(3000, 0.4, 1000, 12000), 100) * 4, 'mobile',
                        reg, memo='押一付三')

    def p_migrants(self, n):
        r = self.r
        switch = {}
        for p in ('JS', 'ZJ', 'SD', 'SH'):
            for e in r.sample(self.emp[p], 2 if p != 'SH' else 1):
                nb = {'JS': r.choice(['JSRCU', 'BOJS', 'ICBC']), 'ZJ': r.choice(['ZJRCU', 'ICBC', 'CMB']),
                      'SD': 'SDRCU', 'SH': r.choice(['BOSC', 'ICBC'])}[p]
                switch[e] = (r.randint(20, 150), nb)
        self.switch = switch
        emp_switch = {p: [e for e in self.emp[p] if e in switch] for p in EAST}
        for _ in range(n):
            reg = r.choice(FACTORY)
            prov = prov_of(reg)
            home = r.choice(HOME_OUT) if r.random() < 0.55 else r.choice(RURAL_EAST)
            byear = r.randint(1972, 2006)
            hid = self.person('migrant', reg, home, byear)
            if emp_switch[prov] and r.random() < 0.12:
                emp = r.choice(emp_switch[prov])
            else:
                emp = r.choice(self.emp[prov])
            newhire = r.random() < 0.16
            start = r.randint(2, 30) if newhire else -40
            opened = start * DAY + self.tod('bank') if newhire else self.pre_open(byear, 2008)
            pb = self.acc[emp].bank
            prim = self.open(hid, pb, reg, opened, 'I', 'lawful', 'migrant')
            self.primary[hid] = prim
            hb = self.home_account(home, byear, arch='migrant_home', owner=hid)   # own card opened at home
            parents = self.home_account(home)
            w = self.wallet(hid, reg) if r.random() < 0.35 else None
            self.dormant(hid, prov, byear, 0.5)
            sal = self.ln(6200, 0.3, 2800, 16000)
            sw = switch.get(emp)
            prim_b = None
            if sw:
                prim_b = self.open(hid, sw[1], self.acc[emp].region, (sw[0] + r.randint(0, 2)) * DAY + self.tod('work'),
                                   'I', 'lawful', 'migrant_payroll_switch')
            agent = r.choice(self.agents[prov]) if (self.agents.get(prov) and r.random() < 0.28) else None
            quit_day = r.randint(90, 140) if r.random() < 0.08 else None
            for m in range(6):
                ms, me = MSTART[m], MSTART[m + 1]
                if quit_day and ms > quit_day:
                    break
                pay = prim_b if (sw and ms + 15 > sw[0] + 4) else prim
                amt = self.yuan(sal * r.uniform(0.85, 1.15))
                if ms + 15 > start + 20:
                    if agent:
                        self.agent_jobs.setdefault(agent, []).append((ms, pay, amt))
                    else:
                        self.tx(self.at(ms + self.payday[emp] - 1, 'batch'), emp, pay, amt, 'other',
                                self.acc[emp].region, memo=r.choice(['工资', '代发工资', '']))
                    d = ms + r.randint(15, 27)
                    home_amt = self.yuan(self.ln(2500, 0.4, 500, 8000), 100)
                    tgt = parents if r.random() < 0.7 else hb
                    self.tx(self.at(d, 'eve'), pay, tgt, home_amt, 'mobile', reg, memo=r.choice(['', '', '家用']))
                    if r.random() < 0.5:
                        self.tx(self.at(r.randint(ms, me - 1), 'eve'), pay, None,
                                self.yuan(self.ln(800, 0.5, 100, 3000), 100), 'atm', reg, kind='withdrawal')
                    if r.random() < 0.25:
                        self.tx(self.at(r.randint(ms, me - 1), 'day'), pay, r.choice(self.loanco),
                                self.yuan(self.ln(700, 0.5, 100, 4000)), 'mobile', reg, memo='还款')
                    for _k in range(r.randint(0, 2)):
                        dd = r.randint(ms, me - 1)
                        self.consumer_spend(pay, prov, dd, 'eve', 0.6)
            self.parent_life(parents)
            if w:
                self.wallet_life(hid, w, prim, prov, max(0, start), quit_day or DAYS, 0.7)
            if quit_day:
                # leaves the factory, goes home; new job back home or elsewhere later
                self.tx(self.at(quit_day + 2, 'day'), prim, hb, self.yuan(self.ln(5000, 0.6, 500, 40000), 100), 'mobile', reg)
                if r.random() < 0.5:
                    reg2 = r.choice(FACTORY)
                    p2 = prov_of(reg2)
                    e2 = r.choice(self.emp[p2])
                    nd = quit_day + r.randint(15, 35)
                    acc2 = self.open(hid, self.acc[e2].bank, reg2, nd * DAY + self.tod('bank'), 'I', 'lawful', 'migrant')
                    for m in range(6):
                        if MSTART[m] + 15 > nd + 20:
                            self.tx(self.at(MSTART[m] + self.payday[e2] - 1, 'batch'), e2, acc2,
                                    self.yuan(sal * r.uniform(0.85, 1.15)), 'other', self.acc[e2].region, memo='工资')
                            self.tx(self.at(MSTART[m] + r.randint(16, 28), 'eve'), acc2, parents,
                                    self.yuan(self.ln(2500, 0.4, 500, 8000), 100), 'mobile', reg2)

    def p_agents(self, n):
        """payroll agents (包工头/劳务中介) on personal accounts; workers are assigned later"""
        r = self.r
        self.agents = {p: [] for p in EAST}
        self.agent_jobs = {}
        self.agent_src = {}
        for _ in range(n):
            reg = r.choice(FACTORY)
            prov = prov_of(reg)
            byear = r.randint(1965, 1990)
            home = r.choice(HOME_OUT + RURAL_EAST)
            hid = self.person('payroll_agent', reg, home, byear)
            b = self.pick_bank(prov, no_net=True)
            new = r.random() < 0.15
            opened = r.randint(0, 60) * DAY + self.tod('bank') if new else self.pre_open(byear, 2008)
            a = self.open(hid, b, reg, opened, 'I', 'lawful', 'payroll_agent')
            self.primary[hid] = a
            self.agents[prov].append(a)
            self.agent_src[a] = r.choice(self.emp[prov]) if r.random() < 0.5 else \
                self.corp(reg, 'lawful', 'construction')

    def agent_flows(self):
        r = self.r
        for a, jobs in self.agent_jobs.items():
            src = self.agent_src[a]
            reg = self.acc[a].region
            by_m = {}
            for ms, pay, amt in jobs:
                by_m.setdefault(ms, []).append((pay, amt))
            for ms in sorted(by_m):
                lst = by_m[ms]
                tot = sum(x[1] for x in lst)
                t_in = max(self.at(ms + r.randint(8, 20), 'work'), self.acc[a].opened + HOUR)
                self.tx(t_in, src, a, tot + self.yuan(tot / 100.0 * r.uniform(0.06, 0.15), 100),
                        r.choice(['online', 'counter']), self.acc[src].region, memo=r.choice(['劳务费', '工程款', '人工费']))
                t = t_in + r.randint(2, 30) * HOUR
                for pay, amt in lst:
                    t += r.randint(20, 600)
                    self.tx(t, a, pay, amt, 'mobile', reg, memo=r.choice(['工资', '', '']))

    def p_students(self, n, n_fresh):
        r = self.r
        for i in range(n + n_fresh):
            fresh = i >= n
            uni = r.choice(UNIV)
            prov = prov_of(uni)
            home = r.choice(RURAL_EAST) if r.random() < 0.35 else (self.east_city() if r.random() < 0.6 else r.choice(HOME_OUT))
            byear = 2006 if fresh else r.randint(2001, 2005)
            hid = self.person('student', uni, home, byear)
            ucorp, ubank = self.univ[uni]
            parents = self.home_account(home)
            if fresh:
                # the card comes with the admission letter; parents put tuition and living money on it
                od = r.randint(150, 170)
                card = self.open(hid, ubank, uni, od * DAY + self.tod('bank'), 'I', 'lawful', 'freshman')
                self.primary[hid] = card
                d = od + r.randint(1, 10)
                tuition = r.choice([4800, 5200, 5460, 5800, 6000, 6500])
                self.tx(self.at(d, 'day'), parents, card, self.yuan(tuition + r.choice([2000, 3000, 4000, 5000]), 100),
                        r.choice(['counter', 'mobile']), self.acc[parents].region, memo=r.choice(['学费', '', '生活费']))
                pd_ = max(d + 1, r.randint(175, 183))
                self.tx(self.at(pd_, 'batch'), card, ucorp, self.yuan(tuition), 'other', uni, memo='学费')
                if r.random() < 0.5:
                    self.tx(self.at(pd_, 'batch'), card, ucorp, self.yuan(r.choice([900, 1200, 1500])), 'other', uni, memo='住宿费')
                continue
            senior = byear <= 2002
            card = self.open(hid, ubank, uni, self.pre_open(byear, 2019, 120), 'I', 'lawful', 'student')
            self.primary[hid] = card
            w = self.wallet(hid, uni, self.pre_open(byear, 2018)) if r.random() < 0.55 else None
            self.dormant(hid, prov_of(home) if prov_of(home) in REG else prov, byear, 0.2)
            if r.random() < 0.15:
                # new term: a second card opened on campus (bank promotion, internship pay, 助学金)
                b2 = self.pick_bank(prov)
                od = r.randint(0, 16)
                c2 = self.open(hid, b2, uni, od * DAY + self.tod('bank'), self.cls_for(b2, online=r.random() < 0.4),
                               'lawful', 'student_newterm')
                self.tx(self.at(od + r.randint(0, 5), 'eve'), card, c2, self.yuan(r.choice([100, 200, 500, 1000])),
                        'mobile', uni)
                for _k in range(r.randint(0, 4)):
                    self.consumer_spend(c2, prov, r.randint(od + 6, 150), 'eve', 0.3)
            allowance = self.ln(1800, 0.3, 800, 6000)
            grad_close = senior and r.random() < 0.35
            for m in range(6):
                ms, me = MSTART[m], MSTART[m + 1]
                if m >= 4 and senior:
                    break
                if m == 5 or (m == 4 and r.random() < 0.5):
                    continue   # summer at home
                d = ms + r.randint(0, 6)
                self.tx(self.at(d, 'eve'), parents, card, self.yuan(allowance, 100), 'mobile',
                        self.acc[parents].region, memo=r.choice(['生活费', '', '']))
                for _k in range(r.randint(1, 3)):
                    self.consumer_spend(card, prov, r.randint(ms, me - 1), 'eve', 0.5)
            if w:
                self.wallet_life(hid, w, card, prov, 0, 135 if senior else DAYS, 1.2)
            if r.random() < 0.25:
                # tutoring / part-time: several small payments from different parents
                for _k in range(r.randint(2, 8)):
                    self.tx(self.at(r.randint(0, 140), 'eve'), self.anon(prov), card,
                            self.yuan(r.choice([100, 150, 200, 300, 400])), 'mobile', '', memo=r.choice(['家教', '兼职', '']))
            if r.random() < 0.08:
                self.tx(self.at(r.randint(70, 110), 'batch'), ucorp, card, self.yuan(r.choice([1000, 2000, 3000, 5000, 8000])),
                        'other', uni, memo='奖学金')
            if senior:
                # graduation: sells things to juniors, gets a job, rents a flat
                if w:
                    for _k in range(r.randint(2, 9)):
                        pool = self.wallets[prov]
                        src = r.choice(pool) if pool else None
                        if src and src != w:
                            self.tx(self.at(r.randint(95, 125), 'day'), src, w, self.yuan(self.ln(80, 0.8, 5, 1500)),
                                    'mobile', uni, memo=r.choice(['二手', '闲置', '']))
                jprov = prov if r.random() < 0.6 else r.choices(EAST, [40, 25, 25, 5, 5])[0]
                emp = r.choice(self.emp[jprov])
                jd = r.randint(125, 160)
                jreg = self.acc[emp].region
                newc = self.open(hid, self.acc[emp].bank, jreg, (jd - r.randint(0, 5)) * DAY + self.tod('bank'),
                                 'I', 'lawful', 'graduate_newjob')
                self.tx(self.at(jd, 'eve'), parents, newc, self.yuan(r.choice([5000, 8000, 10000, 15000])),
                        'mobile', self.acc[parents].region, memo=r.choice(['', '租房', '']))
                lord = self.landlords[jprov]
                if lord:
                    self.tx(self.at(jd + 1, 'day'), newc, r.choice(lord),
                            self.yuan(self.ln(2500 if jprov != 'SH' else 3800, 0.3, 1200, 8000), 100) * 4, 'mobile',
                            jreg, memo='押一付三')
                for m in range(6):
                    pd = MSTART[m] + self.payday[emp]
                    if pd > jd + 28:
                        self.tx(self.at(pd - 1, 'batch'), emp, newc, self.yuan(self.ln(7000, 0.3, 4000, 20000)), 'other',
                                jreg, memo='代发工资')
                if grad_close:
                    a = self.acc[card]
                    a.close_at = self.at(r.randint(122, 140), 'bank')
                    a.close_to = newc

    def p_retirees(self, n):
        r = self.r
        for _ in range(n):
            prov = r.choices(EAST, weights=[25, 25, 20, 15, 15])[0]
            reg = self.city(prov)
            byear = r.randint(1940, 1964)
            hid = self.person('retiree', reg, reg, byear)
            b = self.pick_bank(prov, no_net=True)
            a = self.open(hid, b, reg, self.pre_open(byear, 1998), 'I', 'lawful', 'retiree')
            self.primary[hid] = a
            sav = None
            if r.random() < 0.6:
                b2 = self.pick_bank(prov, no_net=True)
                sav = self.open(hid, b2, reg, self.pre_open(byear, 1998), 'I', 'lawful', 'retiree')
            w = self.wallet(hid, reg) if r.random() < 0.18 else None
            self.dormant(hid, prov, byear, 0.55)
            rural = reg in RURAL_EAST
            pension = self.ln({'SH': 4800, 'ZJ': 3800, 'JS': 3600, 'AH': 2800, 'SD': 3000}[prov] * (0.35 if rural else 1), 0.35, 180, 15000)
            payer = self.pension[reg]
            pd = r.choice([5, 8, 10, 12, 15])
            for m in range(6):
                ms, me = MSTART[m], MSTART[m + 1]
                self.tx(self.at(ms + pd, 'batch'), payer, a, self.yuan(pension), 'other', reg, memo='养老金')
                if r.random() < 0.6:
                    self.tx(self.at(r.randint(ms, me - 1), 'bank'), a, None, self.yuan(self.ln(1500, 0.5, 200, 8000), 100),
                            r.choice(['counter', 'atm', 'atm']), reg, kind='withdrawal')
                for _k in range(r.randint(0, 2)):
                    self.consumer_spend(a, prov, r.randint(ms, me - 1), 'work', 0.8)
                if r.random() < 0.2:
                    kid = r.choice(self.people.get('office') or [None])
                    if kid and self.primary.get(kid):
                        self.tx(self.at(r.randint(ms, me - 1), 'day'), a, self.primary[kid],
                                self.yuan(r.choice([500, 1000, 2000, 5000])), r.choice(['counter', 'mobile']), reg,
                                memo=r.choice(['', '给孙子', '红包']))
            if sav and r.random() < 0.35:
                d = r.randint(0, 170)
                amt = self.yuan(self.ln(50000, 0.6, 10000, 500000), 10000)
                self.tx(self.at(d, 'bank'), sav, a, amt, 'counter', reg, memo='定期到期')
                if r.random() < 0.6:
                    self.tx(self.at(min(d + r.randint(0, 10), 183), 'bank'), a, sav, amt, 'counter', reg, memo='转存')
            if r.random() < 0.06:
                self.tx(self.at(r.randint(0, 180), 'bank'), a, r.choice(self.hospitals[prov]),
                        self.yuan(self.ln(12000, 0.6, 2000, 150000)), r.choice(['pos', 'counter']), reg, memo='医疗费')
            if w:
                self.wallet_life(hid, w, a, prov, 0, DAYS, 0.5)

    def p_shops(self, n):
        """small shops (餐馆/水果店/便利店/理发店) collecting on the owner's personal QR code"""
        r = self.r
        self.shop_info = []
        for _ in range(n):
            prov = r.choices(EAST, weights=[25, 28, 25, 11, 11])[0]
            reg = self.city(prov)
            byear = r.randint(1965, 1998)
            home = reg if r.random() < 0.5 else r.choice(RURAL_EAST + HOME_OUT)
            hid = self.person('shop', reg, home, byear)
            b = self.pick_bank(prov)
            bank_acct = self.open(hid, b, reg, self.pre_open(byear, 2008), 'I', 'lawful', 'shop')
            self.dormant(hid, prov, byear, 0.3)
            self.primary[hid] = bank_acct
            newshop = r.random() < 0.1
            wo = r.randint(5, 120) * DAY + self.tod('work') if newshop else self.pre_open(byear, 2015)
            w = self.open(hid, 'TENPAY', reg, wo, 'I', 'lawful', 'shop_qr')
            self.wallet_of[hid] = w
            self.shop_wallets[prov].append(w)
            size = self.ln(1.0, 0.6, 0.2, 5)
            self.shop_info.append((w, bank_acct, prov, reg, size, max(0, wo // DAY + 1)))
            self.sweeps.append((w, bank_acct, r.choice([2, 3, 5, 7, 10]), 'mobile'))
            sup = r.choice(self.suppliers[prov])
            sup2 = self.anon(prov, 0.2)
            d = max(0, wo // DAY + 1)
            while d < DAYS:
                d += r.randint(3, 9)
                tgt = sup if r.random() < 0.6 else sup2
                self.tx(self.at(d, 'work'), bank_acct, tgt, self.yuan(self.ln(3000 * size, 0.5, 200, 80000), 10),
                        r.choice(['mobile', 'online']), reg, memo=r.choice(['货款', '', '进货']))
            for m in range(6):
                self.tx(self.at(MSTART[m] + r.randint(0, 4), 'day'), bank_acct, self.anon(prov, 0.1),
                        self.yuan(self.ln(5000 * size, 0.4, 1000, 40000), 100), 'mobile', reg, memo='店面租金')
                for _k in range(r.randint(1, 3)):
                    self.consumer_spend(bank_acct, prov, r.randint(MSTART[m], MSTART[m + 1] - 1))
                for _k in range(r.randint(0, 2)):   # pays helpers in the shop
                    self.tx(self.at(MSTART[m] + r.randint(0, 6), 'eve'), bank_acct, self.anon(prov, 0.6),
                            self.yuan(self.ln(4500, 0.2, 2500, 9000), 100), 'mobile', reg, memo='工资')
                # some customers pay by card transfer (catering orders, prepaid cards)
                for _k in range(r.randint(0, 4)):
                    self.tx(self.at(r.randint(MSTART[m], MSTART[m + 1] - 1), 'day'), self.anon(prov), bank_acct,
                            self.yuan(self.ln(400, 0.8, 30, 5000)), 'mobile', '')

    def shop_customers(self):
        """regular customers (population wallets) paying QR shops and group-buy leaders"""
        r = self.r
        for w, bank_acct, prov, reg, size, d0 in self.shop_info:
            pool = self.wallets[prov]
            if not pool:
                continue
            regs = [x for x in r.sample(pool, min(len(pool), int(5 + 10 * size)))]
            for c in regs:
                k = r.randint(1, 3)
                for _k in range(k):
                    day = r.randint(d0, DAYS - 1)
                    self.tx(self.at(day, 'day'), c, w, self.yuan(self.ln(28 * min(size, 2), 0.8, 1, 600)), 'mobile', reg)
        for leader, prov, reg, sup in self.groupbuy:
            pool = self.wallets[prov]
            if not pool:
                continue
            members = r.sample(pool, min(len(pool), r.randint(20, 70)))
            day = r.randint(0, 4)
            while day < DAYS:
                buyers = r.sample(members, min(len(members), r.randint(4, 14)))
                t0 = self.at(day, 'day')
                tot = 0
                for c in buyers:
                    amt = self.yuan(self.ln(45, 0.6, 5, 400))
                    t = t0 + r.randint(0, 10 * HOUR)
                    self.tx(t, c, leader, amt, 'mobile', reg, memo=r.choice(['', '团购', '接龙']))
                    tot += amt
                t1 = t0 + r.randint(10 * HOUR, 30 * HOUR)
                self.tx(t1, leader, sup, int(tot * r.uniform(0.85, 0.95)), 'mobile', reg, memo='货款')
                day += r.randint(4, 10)

    def p_groupbuy(self, n):
        r = self.r
        self.groupbuy = []
        for _ in range(n):
            prov = r.choices(EAST, weights=[30, 25, 25, 10, 10])[0]
            reg = self.city(prov)
            byear = r.randint(1975, 1998)
            hid = self.person('groupbuy_leader', reg, reg, byear)
            b = self.pick_bank(prov)
            ba = self.open(hid, b, reg, self.pre_open(byear, 2010), 'I', 'lawful', 'groupbuy_leader')
            self.primary[hid] = ba
            w = self.open(hid, 'TENPAY', reg, self.pre_open(byear, 2016) if r.random() < 0.8 else
                          r.randint(0, 90) * DAY + self.tod('day'), 'II', 'lawful', 'groupbuy_leader')
            self.wallet_of[hid] = w
            sup = self.open(self.new_holder('P', reg, reg, r.randint(1965, 1990), 'supplier_person'), 'TENPAY', reg,
                            self.pre_open(1975, 2015), 'I', 'lawful', 'supplier_person') \
                if r.random() < 0.5 else r.choice(self.tmerch[prov])
            self.groupbuy.append((w, prov, reg, sup))
            self.sweeps.append((w, ba, 7, 'mobile'))
            if self.acc[sup].arch == 'supplier_person':
                self.sweeps.append((sup, self.anon(prov, 0.0), 2, 'mobile'))

    def p_ecom(self, n):
        """e-commerce sellers and 微商 running their business on personal accounts"""
        r = self.r
        for _ in range(n):
            reg = r.choice(ECOM) if r.random() < 0.7 else self.east_city()
            prov = prov_of(reg)
            byear = r.randint(1978, 2001)
            hid = self.person('ecom_seller', reg, reg if r.random() < 0.6 else r.choice(RURAL_EAST), byear)
            new = r.random() < 0.12
            o0 = r.randint(0, 100) * DAY + self.tod('day') if new else self.pre_open(byear, 2012)
            b = self.pick_bank(prov, no_net=True)
            ba = self.open(hid, b, reg, self.pre_open(byear, 2008), 'I', 'lawful', 'ecom_seller')
            self.primary[hid] = ba
            weishang = r.random() < 0.3
            if not weishang and r.random() < 0.6:
                sett = self.open(hid, 'MYBANK', reg, o0, 'II', 'lawful', 'ecom_seller')
            else:
                sett = ba
            w = self.wallet(hid, reg, pool=False) if (weishang or r.random() < 0.4) else None
            size = self.ln(1.0, 0.8, 0.15, 12)
            plat = self.platform[r.choice(['taobao', 'taobao', 'pdd', 'douyin', 'douyin', 'jd'])]
            sup_corp = r.choice(self.suppliers[prov])
            sup_person = self.anon(prov, 0.1)
            staff = [self.anon(prov, 0.3) for _k in range(r.randint(0, 4))]
            expr = r.choice(self.express[prov])
            d = max(0, o0 // DAY + 1)
            recv = sett if not weishang else (w or ba)
            while d < DAYS:
                boost = 2.2 if 85 <= d <= 110 else 1.0
                if weishang:
                    for _k in range(r.randint(0, int(3 * size * boost) + 1)):
                        payer = self.anon(None, 0.35)
                        self.tx(self.at(d, 'day'), payer, ba, self.yuan(self.ln(260, 0.7, 20, 3000)), 'mobile', '',
                                memo=r.choice(['', '', '货款', '拿货']))
                    self.tx(self.at(d, 'eve'), ba, sup_person, self.yuan(self.ln(1500 * size * boost, 0.5, 100, 60000)),
                            'mobile', reg, memo='货款')
                    d += r.randint(1, 4)
                else:
                    self.tx(self.at(d, 'batch'), plat, recv, self.yuan(self.ln(2500 * size * boost, 0.6, 50, 300000)),
                            'other', '', memo=r.choice(['结算', '提现', '']))
                    if r.random() < 0.35:
                        self.tx(self.at(d, 'work'), recv, r.choice([sup_corp, sup_person]),
                                self.yuan(self.ln(9000 * size * boost, 0.5, 500, 500000), 100),
                                r.choice(['online', 'mobile']), reg, memo=r.choice(['货款', '']))
                    if r.random() < 0.1:
                        self.tx(self.at(d, 'day'), recv, self.anon(None, 0.1), self.yuan(self.ln(80, 0.8, 5, 2000)),
                                'mobile', reg, memo='退款')
                    if r.random() < 0.1:
                        self.tx(self.at(d, 'work'), recv, plat, self.yuan(self.ln(800 * size, 0.6, 50, 50000)), 'online',
                                reg, memo='推广费')
                    d += r.randint(2, 6)
            for m in range(6):
                ms = MSTART[m]
                if ms < o0 // DAY:
                    continue
                self.tx(self.at(ms + r.randint(0, 6), 'work'), recv, expr, self.yuan(self.ln(4000 * size, 0.5, 200, 200000)),
                        'online', reg, memo='快递费')
                for s in staff:
                    self.tx(self.at(ms + r.randint(5, 12), 'eve'), recv, s, self.yuan(self.ln(5500, 0.2, 3000, 12000), 100),
                            'mobile', reg, memo='工资')
                if recv != ba and r.random() < 0.7:
                    self.tx(self.at(ms + r.randint(10, 28), 'eve'), recv, ba, self.yuan(self.ln(6000 * size, 0.6, 500, 200000), 100),
                            'mobile', reg)
                for _k in range(r.randint(1, 3)):
                    self.consumer_spend(ba, prov, r.randint(ms, MSTART[m + 1] - 1))
            if w and w != recv:
                self.wallet_life(hid, w, ba, prov, 0, DAYS)
            self.shop_accounts = getattr(self, 'shop_accounts', [])
            self.shop_accounts.append(recv)

    def p_wholesale(self, n):
        r = self.r
        traders = []
        for _ in range(n):
            reg = r.choice(WHOLESALE)
            prov = prov_of(reg)
            byear = r.randint(1962, 1992)
            hid = self.person('wholesaler', reg, reg if r.random() < 0.5 else r.choice(RURAL_EAST), byear)
            accts = []
            for _k in range(r.randint(1, 3)):
                b = self.pick_bank(prov, no_net=True)
                accts.append(self.open(hid, b, reg, self.pre_open(byear, 2005), 'I', 'lawful', 'wholesaler'))
            self.primary[hid] = accts[0]
            if r.random() < 0.4:
                c = self.uscc(reg)
                self.holders[c] = ['C', reg, reg, 2005, 'wholesaler_firm', False]
                self.by_holder[c] = []
                accts.append(self.open(c, self.pick_bank(prov, corp=True), reg, self.pre_open(1980, 2008), 'corp',
                                       'lawful', 'wholesaler_firm', corp=True))
            traders.append((accts, prov, reg, self.ln(1.0, 0.7, 0.2, 8)))
        for accts, prov, reg, size in traders:
            d = r.randint(0, 5)
            while d < DAYS:
                u = r.random()
                a = r.choice(accts)
                if u < 0.35:   # customers pay, round sums
                    self.tx(self.at(d, 'work'), self.anon(prov, 0.5) if r.random() < 0.7 else r.choice(traders)[0][0], a,
                            self.yuan(self.ln(30000 * size, 0.8, 1000, 2000000), 1000), r.choice(['online', 'mobile', 'counter']),
                            '', memo=r.choice(['货款', '', '定金']))
                elif u < 0.65:
                    self.tx(self.at(d, 'work'), a, r.choice(self.suppliers[prov]) if r.random() < 0.5 else self.anon(prov, 0.5),
                            self.yuan(self.ln(40000 * size, 0.8, 1000, 3000000), 1000), r.choice(['online', 'counter']),
                            reg, memo=r.choice(['货款', '', '']))
                elif u < 0.75:
                    self.tx(self.at(d, 'bank'), None, a, self.yuan(self.ln(60000 * size, 0.6, 5000, 500000), 100), 'counter',
                            reg, kind='deposit', memo='现金存入')
                elif u < 0.83 and reg == '330782':
                    self.tx(self.at(d, 'work'), r.choice(self.hk), a, self.yuan(self.ln(80000 * size, 0.7, 5000, 3000000), 100),
                            'online', '', memo='export', xb=True)
                elif u < 0.9 and len(accts) > 1:
                    b = r.choice(accts)
                    if b != a:
                        self.tx(self.at(d, 'work'), a, b, self.yuan(self.ln(50000 * size, 0.7, 5000, 1000000), 1000), 'online', reg)
                else:
                    self.tx(self.at(d, 'bank'), a, None, self.yuan(self.ln(20000 * size, 0.6, 1000, 200000), 100),
                            'counter', reg, kind='withdrawal')
                d += r.randint(0, 4)

    def p_traders(self, n):
        """second-hand / game-item traders and 代购: many strangers in, quick payments out"""
        r = self.r
        for _ in range(n):
            prov = r.choices(EAST, weights=[30, 25, 25, 10, 10])[0]
            reg = self.city(prov)
            byear = r.randint(1985, 2003)
            hid = self.person('trader', reg, reg, byear)
            b = self.pick_bank(prov)
            a = self.open(hid, b, reg, self.pre_open(byear, 2012) if r.random() < 0.85 else
                          r.randint(0, 120) * DAY + self.tod('day'), self.cls_for(b), 'lawful', 'trader')
            self.primary[hid] = a
            daigou = r.random() < 0.4
            d = max(0, self.acc[a].opened // DAY + 1)
            while d < DAYS:
                for _k in range(r.randint(1, 5)):
                    amt = self.yuan(self.ln(900 if daigou else 300, 0.8, 10, 20000))
                    t = self.at(d, 'day')
                    self.tx(t, self.anon(None, 0.2), a, amt, 'mobile', '', memo=r.choice(['', '', '代购', '账号', '装备']))
                    if r.random() < 0.7:
                        if daigou:
                            self.tx(t + r.randint(10 * MIN, 30 * HOUR), a, r.choice(self.hk), int(amt * r.uniform(0.75, 0.92)),
                                    'online', reg, xb=True, memo='purchase')
                        else:
                            self.tx(t + r.randint(3 * MIN, 6 * HOUR), a, self.anon(None, 0.2), int(amt * r.uniform(0.7, 0.95)),
                                    'mobile', reg)
                d += r.randint(1, 6)

    def p_otc(self, n):
        """lawful crypto OTC traders who never touch the gangs' money: big round sums with strangers"""
        r = self.r
        for _ in range(n):
            reg = self.east_city()
            byear = r.randint(1980, 1998)
            hid = self.person('otc_trader', reg, reg, byear)
            a = self.open(hid, self.pick_bank(prov_of(reg), no_net=True), reg, self.pre_open(byear, 2015), 'I', 'lawful', 'otc_trader')
            self.primary[hid] = a
            d = r.randint(0, 10)
            while d < DAYS:
                t = self.at(d, 'any')
                amt = self.yuan(self.ln(20000, 0.8, 1000, 300000), 100)
                self.tx(t, self.anon(None, 0.1), a, amt, 'mobile', '', memo='')
                self.tx(t + r.randint(10 * MIN, 20 * HOUR), a, self.anon(None, 0.1), int(amt * r.uniform(0.97, 1.0)), 'mobile', reg)
                d += r.randint(1, 5)

    def p_promo(self, n):
        """promotion hunters (薅羊毛): several new accounts at several banks within days"""
        r = self.r
        pool = self.people.get('office', []) + self.people.get('migrant', [])
        for hid in r.sample(pool, min(n, len(pool))):
            prim = self.primary[hid]
            reg = self.holders[hid][2]
            prov = prov_of(reg)
            d0 = r.randint(0, 150)
            banks = []
            for _k in range(r.randint(3, 6)):
                b = self.pick_bank(prov)
                if b in banks:
                    continue
                banks.append(b)
                od = d0 + r.randint(0, 10)
                a = self.open(hid, b, reg, od * DAY + self.tod('bank'), self.cls_for(b, online=r.random() < 0.5), 'lawful', 'promo_hunter')
                amt = self.yuan(r.choice([1000, 2000, 5000, 10000, 20000]))
                self.tx(self.at(od, 'eve') + 600, prim, a, amt, 'mobile', reg, memo='')
                if b in self.bank_promo and r.random() < 0.7:
                    self.tx(self.at(od + r.randint(3, 30), 'batch'), self.bank_promo[b], a,
                            self.yuan(r.choice([10, 18.8, 20, 50, 66, 88])), 'other', '', memo='新客奖励')
                back = od + r.randint(30, 60)
                if back < DAYS:
                    self.tx(self.at(back, 'eve'), a, prim, amt, 'mobile', reg)

    # ------------------------------------------------------------------ card farmers
    def p_farmers(self):
        r = self.r
        n = self.V['farmers']
        slow = self.V['farmer_mode'] == 'slow'
        cities = [c for p in EAST for c, _, _ in REG[p]]
        far_home = ['421181', '431321', '411723', '360731', '450102', '520502', '511602']
        for _f in range(n):
            home = r.choice(far_home) if r.random() < 0.6 else r.choice(RURAL_EAST)
            byear = r.randint(1984, 2004)
            hid = self.new_holder('P', home, home, byear, 'card_farmer')
            self.holders[hid][5] = True
            self.farmers.append(hid)
            start = r.randint(-45, 165)
            if slow:
                route = r.sample(cities, r.randint(4, 8))
                per_city = (1, 3)
                hop = (4, 12)
            else:
                route = r.sample(cities, r.randint(2, 4))
                per_city = (3, 10)
                hop = (1, 4)
            d = start
            cards = []
            for c in route:
                prov = prov_of(c)
                used = []
                k = r.randint(*per_city)
                for _k in range(k * 2):
                    if len(used) >= k:
                        break
                    b = self.pick_bank(prov)
                    if b in used:
                        continue
                    used.append(b)
                    od = d + (1 if r.random() < 0.3 else 0)
                    t = od * DAY + self.tod('bank')
                    online = b in ('MYBANK', 'WEBANK')
                    a = self.open(hid, b, home if online and r.random() < 0.5 else c, t,
                                  self.cls_for(b, online=r.random() < 0.15), 'farmer_card', 'farmer_card')
                    dep = r.random() < 0.45
                    cards.append((t, a, dep))
                    if dep:
                        self.tx(t + r.randint(3, 40) * MIN, None, a, self.yuan(r.choice([10, 20, 50, 100, 100, 200])),
                                'counter', c, kind='deposit', memo='开户存入')
                d += r.randint(*hop)
            last = max(x[0] for x in cards)
            avail = last + r.randint(1, 15) * DAY
            g = r.randrange(len(self.gangs))
            for t, a, dep in cards:
                u = r.random()
                if u < 0.78:
                    self.farm_stock.append([avail + r.randint(0, 20) * DAY, a, g])
                elif u < 0.9 and not dep:
                    self.acc[a].status = 'closed'

    # ------------------------------------------------------------------ gangs and mules
    def make_gangs(self, n=14):
        r = self.r
        V = self.V
        for i in range(n):
            op = r.choice(FAR)
            g = dict(i=i, op=op, cash=r.sample(FAR, 3),
                     speed=r.choices(['fast', 'medium', 'slow'], weights=V['speed'])[0],
                     pool={'L1': [], 'L2': []}, ext=[], ushang=[])
            for _k in range(4):
                reg = r.choice(FAR)
                g['ext'].append(self.ext_corp(reg, 'gang_ext', 'gang_external') if r.random() < 0.3 else
                                self.anon(prov_of(reg), 0.0))
            for a in g['ext']:
                self.acc[a].role = 'mule'
                self.acc[a].arch = 'gang_external'
            for _k in range(r.randint(1, 2)):
                reg = r.choice(['440304', '440106', '350582', '310115', '330106', '320505'])
                byear = r.randint(1982, 1998)
                hid = self.new_holder('P', reg, reg, byear, 'ushang')
                b = self.pick_bank(prov_of(reg), no_net=True)
                a = self.open(hid, b, reg, self.pre_open(byear, 2016), 'I', 'mule', 'ushang')
                self.mules[a] = Mule(a, 'ushang', i, 0, END, 10 ** 9, reg, 9)
                g['ushang'].append(a)
                d = r.randint(0, 6)
                while d < DAYS:   # its crypto-dealing cover traffic
                    t = self.at(d, 'any')
                    amt = self.yuan(self.ln(15000, 0.8, 1000, 200000), 100)
                    self.tx(t, self.anon(None, 0.1), a, amt, 'mobile', '', gang=1)
                    self.tx(t + r.randint(5 * MIN, 10 * HOUR), a, self.anon(None, 0.1), int(amt * r.uniform(0.98, 1.0)),
                            'mobile', reg, gang=1)
                    d += r.randint(1, 6)
            self.gangs.append(g)

    def delay(self, g):
        r = self.r
        s = g['speed'] if r.random() < 0.7 else r.choices(['fast', 'medium', 'slow'], weights=self.V['speed'])[0]
        if s == 'fast':
            return int(self.ln(6 * MIN, 0.8, 40, 50 * MIN))
        if s == 'medium':
            return int(self.ln(2.5 * HOUR, 0.7, 20 * MIN, 14 * HOUR))
        return int(self.ln(1.8 * DAY, 0.7, 5 * HOUR, 12 * DAY))

    def recruit(self, t, kind):
        """a recruited card seller: student, unemployed youth, villager"""
        r = self.r
        if r.random() < 0.7:
            byear = r.randint(1996, 2005)
        else:
            byear = r.randint(1958, 1978)
        home = r.choice(RURAL_EAST) if r.random() < 0.6 else (self.east_city() if r.random() < 0.6 else r.choice(HOME_OUT))
        reg = home if prov_of(home) in REG else self.east_city()
        return self.new_holder('P', home, reg, byear, kind), reg

    def new_mule(self, g, kind, t, layer):
        r = self.r
        gi = g['i']
        op = g['op']
        if kind == 'farm':
            best = None
            for item in self.farm_stock:
                if item[0] <= t and (item[2] == gi or r.random() < 0.15):
                    best = item
                    break
            if best is None:
                kind = 'fresh'
            else:
                self.farm_stock.remove(best)
                aid = best[1]
                self.acc[aid].role = 'mule'
                m = Mule(aid, 'farm', gi, t, t + r.randint(3, 20) * DAY, r.randint(3, 15), op, layer)
                self.mules[aid] = m
                self.test_card(g, aid, t)
                return m
        if kind == 'fresh':
            hid, reg = self.recruit(t, 'mule_opener')
            ot = t - r.randint(1, 12) * DAY + self.tod('bank') - 12 * HOUR
            prov = prov_of(reg)
            b = self.pick_bank(prov)
            aid = self.open(hid, b, reg, ot, self.cls_for(b, online=r.random() < 0.25), 'mule', 'fresh_card')
            if r.random() < 0.3:
                b2 = self.pick_bank(prov)
                if b2 != b:
                    a2 = self.open(hid, b2, reg, ot + r.randint(20, 120) * MIN, self.cls_for(b2), 'mule', 'fresh_card')
                    m2 = Mule(a2, 'fresh', gi, t, t + r.randint(3, 20) * DAY, r.randint(3, 12), op, 2)
                    self.mules[a2] = m2
                    g['pool']['L2'].append(m2)
            if r.random() < 0.4:
                self.tx(ot + r.randint(5, 40) * MIN, None, aid, self.yuan(r.choice([10, 20, 50, 100])), 'counter', reg,
                        kind='deposit', memo='开户存入')
            m = Mule(aid, 'fresh', gi, t, t + r.randint(3, 20) * DAY, r.randint(3, 15), op, layer)
            self.mules[aid] = m
            self.test_card(g, aid, t)
            return m
        if kind == 'old':
            for _k in range(30):
                arch = r.choices(['student', 'migrant', 'office', 'retiree', 'shop'], [30, 35, 22, 5, 8])[0]
                hid = r.choice(self.people[arch])
                aid = self.primary.get(hid)
                if aid is None or aid in self.busy or aid in self.victims:
                    continue
                a = self.acc[aid]
                if a.opened > -300 * DAY or a.close_at is not None:
                    continue
                self.busy.add(aid)
                a.role = 'mule'
                a.arch = 'rented_old_' + arch
                a.rent_from = t - r.randint(0, 3 * DAY)
                m = Mule(aid, 'old', gi, t, t + r.randint(10, 45) * DAY, r.randint(5, 25), op, layer)
                self.mules[aid] = m
                return m
            return self.new_mule(g, 'fresh', t, layer)
        if kind in ('paofen', 'shop'):
            for _k in range(30):
                if kind == 'paofen':
                    arch = r.choices(['student', 'migrant', 'office', 'shop'], [40, 30, 20, 10])[0]
                    hid = r.choice(self.people[arch])
                    aid = self.wallet_of.get(hid) if r.random() < 0.7 else self.primary.get(hid)
                else:
                    pool = self.shop_accounts + [x[0] for x in self.shop_info]
                    aid = r.choice(pool)
                if aid is None or aid in self.busy or aid in self.victims:
                    continue
                a = self.acc[aid]
                if a.opened > t - 20 * DAY or a.close_at is not None:
                    continue
                self.busy.add(aid)
                a.role = 'mule'
                a.arch = ('paofen_' if kind == 'paofen' else 'shop_paofen_') + a.arch
                dur = r.randint(10, 60) * DAY if kind == 'paofen' else r.randint(20, 80) * DAY
                m = Mule(aid, kind, gi, t, t + dur, r.randint(4, 40), a.region, layer)
                self.mules[aid] = m
                # gambling deposits ride the same QR codes (not fraud, not labelled)
                for _g in range(r.randint(1, 12)):
                    tg = t + r.randint(0, dur)
                    if tg >= END:
                        continue
                    amt = self.yuan(self.ln(600, 0.8, 50, 20000), r.choice([1, 10, 100]))
                    self.tx(tg, self.anon(None, 0.15), aid, amt, 'mobile', '', gang=1)
                    self.route(g, aid, tg, amt, r.choices([0, 1, 2], [3, 5, 2])[0], 0, False, layer)
                return m
            return self.new_mule(g, 'fresh', t, layer)
        if kind == 'payplat':
            hid, reg = self.recruit(t, 'shell_merchant')
            ot = t - r.randint(5, 60) * DAY + self.tod('bank')
            pf = r.choice(['TENPAY', 'TENPAY', 'LAKALA', 'YEEPAY', 'DOUYINPAY'])
            maid = self.open(hid, pf, reg, ot, 'corp', 'mule', 'payplat_merchant', corp=True)
            b = self.pick_bank(prov_of(reg))
            card = self.open(hid, b, reg, ot - r.randint(0, 5) * DAY, self.cls_for(b), 'mule', 'payplat_settle_card')
            m = Mule(maid, 'payplat', gi, t, t + r.randint(10, 40) * DAY, r.randint(10, 60), reg, layer)
            m.batch = card
            self.mules[maid] = m
            self.mules[card] = Mule(card, 'settle', gi, t, t + 60 * DAY, 10 ** 6, op, layer)
            return m
        if kind == 'corp':
            reg = r.choice(['310118', '310151', '340111', '320506', '330110', '370112', '460105', '320583'])
            hid = self.new_holder('C', reg, reg, 2023, 'shell_company')
            ot = t - r.randint(20, 300) * DAY + self.tod('bank')
            b = self.pick_bank(prov_of(reg), corp=True) if prov_of(reg) in REG else 'ICBC'
            aid = self.open(hid, b, reg, ot, 'corp', 'mule', 'shell_corp', corp=True)
            # a little fake business to look alive
            for _k in range(r.randint(1, 5)):
                tt = r.randint(max(ot + DAY, t - 60 * DAY), t - HOUR)
                amt = self.yuan(self.ln(20000, 0.6, 2000, 200000), 1000)
                src = r.choice(g['ext'])
                self.tx(tt, src, aid, amt, 'online', reg, memo=r.choice(['货款', '服务费', '往来款']), gang=1)
                self.tx(tt + r.randint(1, 72) * HOUR, aid, r.choice(g['ext']), int(amt * r.uniform(0.8, 0.98)),
                        'online', op, memo=r.choice(['货款', '采购', '']), gang=1)
            m = Mule(aid, 'corp', gi, t, t + r.randint(15, 90) * DAY, r.randint(5, 30), op, layer)
            m.batch = 1
            self.mules[aid] = m
            return m
        if kind == 'ushang':
            aid = r.choice(g['ushang'])
            return self.mules[aid]
        raise ValueError(kind)

    def test_card(self, g, aid, t):
        """the buyer checks the card works: a small amount in and back out"""
        r = self.r
        if r.random() < 0.55:
            src = r.choice(g['ext'])
            tt = t - r.randint(1, 48) * HOUR
            if tt <= self.acc[aid].opened:
                tt = self.acc[aid].opened + r.randint(30, 300) * MIN
            amt = self.yuan(r.choice([0.01, 0.1, 1, 1, 2, 5, 10]))
            self.tx(tt, src, aid, amt, 'mobile', g['op'], gang=1)
            self.tx(tt + r.randint(1, 30) * MIN, aid, src, amt, 'mobile', g['op'], gang=1)

    def get_mule(self, g, cls, t, weights):
        r = self.r
        cand = [m for m in g['pool'][cls] if m.a <= t <= m.b and m.used < m.cap and m.kind in weights]
        if cand and cls == 'L1':
            # 跑分 platforms spread orders over many participants
            spread = sum(weights.get(k, 0) for k in ('paofen', 'shop')) / float(sum(weights.values()))
            if r.random() < spread * 0.3:
                cand = []
        if cand and r.random() < 0.93:
            m = r.choice(cand)
        else:
            kinds = list(weights)
            m = self.new_mule(g, r.choices(kinds, [weights[k] for k in kinds])[0], t, 1 if cls == 'L1' else 2)
            if cls == 'L2' and m.kind in ('fresh', 'farm', 'old'):
                m.cap = r.randint(8, 40)
            if m.kind != 'ushang':
                g['pool'][cls].append(m)
        m.used += 1
        return m

    def hit(self, aid, layer, rep):
        if rep:
            cur = self.mule_hit.get(aid)
            if cur is None or layer < cur:
                self.mule_hit[aid] = layer

    def route(self, g, aid, t, amt, hops, case, rep, layer):
        """money (amt fen) has arrived in gang account aid at time t: pass it on"""
        r = self.r
        m = self.mules.get(aid)
        if m is None:
            return
        self.hit(aid, layer, rep)
        if m.kind == 'ushang':
            self.ushang_out(g, aid, t, amt)
            return
        if m.kind == 'payplat':
            # merchant settlement to the linked card, next morning
            day = t // DAY + 1
            ts = day * DAY + int(r.uniform(1, 6) * HOUR)
            key = (aid, day)
            rec = self.pending.get(key)
            if rec is not None:
                rec[4] += amt
            else:
                self.pending[key] = self.tx(ts, aid, m.batch, amt, 'other', '', memo='结算', gang=1) or [0] * 13
            self.route(g, m.batch, ts, amt, hops, case, rep, layer)
            return
        keep = 0
        if m.kind in ('paofen', 'shop'):
            keep = int(amt * r.uniform(0.01, 0.025))
        elif r.random() < 0.2:
            keep = min(amt // 50, r.randint(0, 5000))
        fwd = amt - keep
        if fwd <= 100:
            return
        t2 = t + self.delay(g)
        if m.kind in ('paofen', 'shop'):
            t2 = t + int(self.ln(4 * MIN, 0.8, 30, 90 * MIN))
        if t2 >= END:
            return
        if hops <= 0:
            self.exit(g, aid, t2, fwd, case, rep, layer, m)
            return
        if fwd < 300000:
            k = 1
        else:
            k = r.choices([1, 2, 3, 4, 5], [45, 25, 15, 10, 5])[0]
        parts = self.split(fwd, k)
        ch = 'mobile' if r.random() < 0.8 else 'online'
        w = {'fresh': 3, 'farm': 3, 'old': 2}
        if m.kind == 'corp':
            w = {'fresh': 3, 'farm': 2, 'old': 2, 'corp': 1}
        w = dict((k, v * self.V['kinds'].get(k, 1.0)) for k, v in w.items())
        for p in parts:
            if m.batch == 1 or (g['speed'] == 'slow' and r.random() < 0.5):
                slot = (t2 // (6 * HOUR) + 1) * 6 * HOUR + r.randint(0, 900)
            else:
                slot = None
            nm = self.get_mule(g, 'L2', t2, w)
            if nm.aid == aid:
                continue
            tt = t2 if slot is None else slot
            if tt >= END:
                continue
            if slot is not None:
                key = (aid, nm.aid, slot // (6 * HOUR))
                rec = self.pending.get(key)
                if rec is not None:
                    rec[4] += p
                    self.route(g, nm.aid, rec[0] if rec[0] else tt, p, hops - 1, case, rep, layer + 1)
                    continue
                rec = self.tx(tt, aid, nm.aid, p, ch, m.opreg, gang=1) or [tt] + [0] * 12
                self.pending[key] = rec
            else:
                self.tx(tt, aid, nm.aid, p, ch, m.opreg, gang=1)
            self.route(g, nm.aid, tt, p, hops - 1, case, rep, layer + 1)
            t2 = tt + r.randint(20, 600)

    def split(self, amt, k):
        r = self.r
        if k <= 1:
            return [amt]
        cuts = sorted(r.random() for _ in range(k - 1))
        parts, prev = [], 0.0
        for c in cuts + [1.0]:
            parts.append(c - prev)
            prev = c
        out = []
        for x in parts[:-1]:
            v = int(amt * (0.4 * x + 0.6 / k))
            if r.random() < 0.5:
                v = (v // 10000) * 10000 or v
            out.append(v)
        out.append(amt - sum(out))
        return [x for x in out if x > 0]

    def exit(self, g, aid, t, amt, case, rep, layer, m):
        r = self.r
        ex = self.V['exits']
        kinds = list(ex)
        e = r.choices(kinds, [ex[k] for k in kinds])[0]
        if self.acc[aid].cls == 'corp' and e == 'atm':
            e = 'external'
        if e == 'atm':
            far = r.random() < 0.75
            reg = r.choice(g['cash']) if far else self.acc[aid].region
            limit = 2000000 if r.random() < 0.8 else 5000000
            left = (amt // 10000) * 10000
            tt = t + (int(self.ln(40 * MIN, 0.8, 5 * MIN, 6 * HOUR)) if far else int(self.ln(30 * MIN, 0.8, 3 * MIN, 4 * HOUR)))
            day_used, day = 0, tt // DAY
            while left > 0 and tt < END:
                if tt // DAY != day:
                    day, day_used = tt // DAY, 0
                if day_used >= limit:
                    tt = (day + 1) * DAY + int(r.uniform(0.2, 3.0) * HOUR) if r.random() < 0.6 else \
                        (day + 1) * DAY + self.tod('day')
                    continue
                chunk = min(left, r.choice([200000, 250000, 300000, 500000]), limit - day_used)
                self.tx(tt, aid, None, chunk, 'atm', reg, kind='withdrawal', gang=1)
                left -= chunk
                day_used += chunk
                tt += r.randint(40, 400)
                if r.random() < 0.08:
                    reg = r.choice(g['cash'])
                    tt += r.randint(1, 5) * HOUR
            return
        if e == 'ushang' and g['ushang']:
            u = r.choice(g['ushang'])
            self.tx(t, aid, u, amt, 'mobile', g['op'], gang=1)
            self.route(g, u, t, amt, 0, case, rep, layer + 1)
            return
        x = r.choice(g['ext'])
        self.tx(t, aid, x, amt, r.choice(['mobile', 'online']), g['op'], gang=1)

    def ushang_out(self, g, aid, t, amt):
        r = self.r
        k = 1 if amt < 2000000 else r.randint(2, 4)
        tt = t + int(self.ln(1.5 * HOUR, 1.0, 5 * MIN, 2 * DAY))
        out = int(amt * r.uniform(0.97, 0.995))
        for p in self.split(out, k):
            if tt >= END:
                return
            self.tx(tt, aid, self.anon(None, 0.05), p, 'mobile', self.acc[aid].region, gang=1)
            tt += r.randint(5 * MIN, 3 * HOUR)

    # ------------------------------------------------------------------ victims
    FMEMO = {'police_gov': ['', '', '', '资金清查', '安全账户'], 'investment': ['', '', '投资', '入金', '充值'],
             'romance': ['', '', '', '充值'], 'brushing': ['', '', '任务', '做单'], 'ecommerce_cs': ['', '', '保证金'],
             'loan_card': ['', '解冻费', '保证金', '手续费'], 'credit_record': ['', '', '还款'],
             'shopping_service': ['', '货款', '订金'], 'game_trade': ['', '装备', '账号'],
             'leader_acquaintance': ['', '', '借款'], 'fake_job': ['', '培训费', '服装费', '介绍费'],
             'subsidy_refund': ['', ''], 'accident_kidnap': ['', '医疗费', ''], 'prize': ['', '手续费', '个税'],
             'parcel': ['', ''], 'phone_bill': ['', ''], 'military_purchase': ['', '货款', '采购款']}

    def fraud_cases(self):
        r = self.r
        V = self.V
        biz = self.people.get('shop', []) + self.people.get('ecom_seller', []) + \
            self.people.get('wholesaler', []) + self.people.get('landlord', [])
        archs = ['retiree', 'student', 'office', 'migrant', 'business']
        aw = [28, 20, 27, 17, 8]
        for c in range(1, V['cases'] + 1):
            arch = r.choices(archs, aw)[0]
            victim = None
            popul = r.random() < 0.45
            if popul:
                pool = biz if arch == 'business' else self.people[arch]
                for _k in range(20):
                    hid = r.choice(pool)
                    aid = self.primary.get(hid)
                    if aid is None or aid in self.busy or aid in self.victims:
                        continue
                    a = self.acc[aid]
                    if a.opened > -30 * DAY or a.close_at is not None:
                        continue
                    victim = aid
                    break
            if victim is None:
                popul = False
                prov = r.choice(EAST) if r.random() < 0.6 else r.choice(['HEN', 'SC', 'HUB', 'HUN', 'JX', 'GZ', 'CQ', 'HLJ', 'NM', 'GD', 'FJ'])
                victim = self.anon(prov, 0.0)
                self.acc[victim].arch = 'victim_' + arch
            self.victims.add(victim)
            tw = TYPO_BY_ARCH[arch]
            typs = list(tw)
            typ = r.choices(typs, [tw[k] * V['typ_boost'].get(k, 1.0) for k in typs])[0]
            lo, hi, med, sig, growth, gapk, prep, kinds, chans = TYPO[typ]
            rep = r.random() < prep
            g = r.choice(self.gangs)
            kw = {k: v * V['kinds'].get(k, 1.0) for k, v in kinds.items()}
            npay = r.randint(lo, hi)
            day0 = int(r.triangular(0, 183.99, 125))
            prof = 'work' if typ in ('police_gov', 'parcel', 'phone_bill', 'subsidy_refund', 'accident_kidnap') or \
                'counter' in chans else r.choice(['day', 'eve', 'day', 'night'])
            t = self.at(day0, prof)
            amt = self.ln(med, sig, 30, 3000000)
            m = None
            vreg = self.acc[victim].region
            others = [x for x in self.by_holder.get(self.acc[victim].hid, []) if x != victim and x not in self.busy
                      and self.acc[x].opened < t and self.acc[x].bank != 'TENPAY'] if popul else []
            for i in range(npay):
                if t >= END:
                    break
                if m is None or r.random() > 0.55 or not (m.a <= t <= m.b):
                    m = self.get_mule(g, 'L1', t, kw)
                ch = r.choices(list(chans), list(chans.values()))[0]
                if ch == 'counter' and not (9 * HOUR <= t % DAY <= 17 * HOUR):
                    ch = 'mobile'
                f = self.human(amt)
                if popul and f > 300000:
                    if others:
                        self.tx(t - r.randint(10 * MIN, 30 * HOUR), r.choice(others), victim,
                                self.yuan(f / 100.0 * r.uniform(1.0, 1.25), 100), 'mobile', vreg)
                    elif arch in ('student', 'migrant', 'office') and r.random() < 0.8:
                        self.tx(t - r.randint(10 * MIN, 20 * HOUR), r.choice(self.loanco), victim,
                                self.yuan(f / 100.0 * r.uniform(0.8, 1.1), 100), 'online', '', memo='借款')
                self.tx(t, victim, m.aid, f, ch, vreg, memo=r.choice(self.FMEMO[typ]), fraud=c if rep else -c)
                self.cases.append((c, typ, rep, victim, m.aid))
                hops = r.choices([0, 1, 2, 3], V['depth'])[0]
                self.route(g, m.aid, t, f, hops, c, rep, 1)
                if typ == 'brushing' and i < 2:
                    self.tx(t + r.randint(5, 40) * MIN, r.choice(g['ext']), victim,
                            int(f * r.uniform(1.05, 1.3)), 'mobile', g['op'], memo=r.choice(['佣金', '返利', '']), gang=1)
                gm, gs = GAP[gapk]
                t += int(self.ln(gm, gs, 60, 20 * DAY))
                amt = min(amt * growth * r.uniform(0.7, 1.3), 3000000)

    # ------------------------------------------------------------------ post passes
    def rows(self):
        return [a for a in self.acc.values() if a.bank in SUP and a.opened < END]

    def cleanup(self):
        """drop what cannot have happened: lawful use of a rented card after hand-over, anything
        after an account is closed, anything before an account was opened"""
        acc = self.acc
        keep = []
        for rec in self.txs:
            ts, a, b = rec[0], rec[2], rec[3]
            ok = True
            for x in (a, b):
                if not x:
                    continue
                A = acc[x]
                if ts < A.opened:
                    ok = False
                elif A.rent_from is not None and ts >= A.rent_from and not rec[11] and rec[10] == 0:
                    ok = False
                elif A.close_at is not None and ts >= A.close_at:
                    ok = False
            if ok:
                keep.append(rec)
        self.txs = keep

    def per_account(self):
        idx = {}
        for rec in self.txs:
            for x in (rec[2], rec[3]):
                if x and self.acc[x].bank in SUP:
                    idx.setdefault(x, []).append(rec)
        return idx

    def do_sweeps(self):
        r = self.r
        idx = self.per_account()
        for w, dst, every, ch in self.sweeps:
            recs = idx.get(w, [])
            if not recs:
                continue
            period = every * DAY
            acc_in = {}
            for rec in recs:
                if rec[3] == w:
                    acc_in[rec[0] // period] = acc_in.get(rec[0] // period, 0) + rec[4]
            for k in sorted(acc_in):
                amt = int(acc_in[k] * r.uniform(0.85, 1.0))
                ts = (k + 1) * period + self.tod('eve' if ch == 'mobile' else 'batch')
                self.tx(ts, w, dst, amt, ch, self.acc[w].region if ch == 'mobile' else '',
                        memo='提现' if ch == 'mobile' else '结算')

    BIZ = ('employer', 'merchant', 'qr_merchant_bank', 'supplier', 'utility', 'platform', 'university',
           'social_security', 'developer', 'car_dealer', 'hospital', 'express', 'consumer_finance',
           'bank_marketing', 'construction')

    def business_balance(self):
        """companies with rows also have clients paying them and suppliers and taxes to pay"""
        r = self.r
        idx = self.per_account()
        pool = [self.ext_corp(self.east_city()) for _ in range(220)]
        for aid in list(idx):
            a = self.acc[aid]
            if a.arch not in self.BIZ:
                continue
            for m in range(6):
                ms, me = MSTART[m] * DAY, MSTART[m + 1] * DAY
                fin = sum(x[4] for x in idx[aid] if ms <= x[0] < me and x[3] == aid)
                fout = sum(x[4] for x in idx[aid] if ms <= x[0] < me and x[2] == aid)
                if fout > fin:
                    need = int((fout - fin) * r.uniform(1.0, 1.25)) + self.yuan(self.ln(50000, 1.0, 1000, 5000000))
                    k = r.randint(2, 6)
                    for p in self.split(need, k):
                        self.tx(r.randint(ms, me - 1), r.choice(pool), aid, p, r.choice(['online', 'other']), '',
                                memo=r.choice(['货款', '服务费', '', '结算款']))
                elif fin > fout * 1.1:
                    give = int((fin - fout) * r.uniform(0.7, 0.95))
                    k = r.randint(2, 5)
                    for p in self.split(give, k):
                        t = r.randint(ms, me - 1)
                        self.tx(t, aid, r.choice(pool), p, r.choice(['online', 'other']), a.region,
                                memo=r.choice(['货款', '税款', '社保', '', '采购']))

    BASE_BAL = {'office': (15000, 1.0), 'retiree': (40000, 1.0), 'migrant': (3000, 1.0), 'student': (1200, 0.9),
                'shop': (12000, 0.9), 'shop_qr': (300, 1.0), 'ecom_seller': (20000, 1.0), 'wholesaler': (150000, 1.0),
                'wholesaler_firm': (400000, 1.0), 'landlord': (60000, 1.0), 'payroll_agent': (20000, 1.0),
                'trader': (5000, 1.0), 'otc_trader': (30000, 1.0), 'ushang': (30000, 1.0), 'groupbuy_leader': (3000, 1.0),
                'employer': (800000, 1.2), 'merchant': (300000, 1.0), 'qr_merchant': (2000, 1.0)}

    def balances(self):
        """starting balances: an account open before the window starts with its own savings plus
        whatever it needs never to go below zero; an account opened in the window starts at zero,
        and the holder brings cash (or a transfer) if the account would otherwise go negative"""
        r = self.r
        self.txs.sort(key=lambda x: (x[0], x[1]))
        idx = self.per_account()
        self.start_bal = {}
        inserts = []
        for a in self.rows():
            recs = idx.get(a.id, [])
            bal, low, low_t = 0, 0, None
            for rec in recs:
                bal += rec[4] if rec[3] == a.id else -rec[4]
                if bal < low:
                    low, low_t = bal, rec[0]
            if a.opened < 0:
                med, sig = self.BASE_BAL.get(a.arch, (3000, 1.0))
                base = self.yuan(self.ln(med, sig, 0, 5e7))
                if a.role in ('mule', 'farmer_card') and a.arch.startswith(('fresh', 'farmer', 'payplat', 'shell')):
                    base = 0
                self.start_bal[a.id] = base - low
            else:
                self.start_bal[a.id] = 0
                if low < 0:
                    need = ((-low + 9999) // 10000) * 10000 + self.yuan(r.choice([0, 100, 500, 1000]))
                    t = a.opened + r.randint(5, 60) * MIN
                    if t >= low_t:
                        t = max(a.opened + 1, low_t - r.randint(30, 600))
                    if a.cls == 'corp':
                        src = self.ext_corp(a.region)
                        inserts.append(self.tx(t, src, a.id, need, 'online', '', memo='注资'))
                    else:
                        inserts.append(self.tx(t, None, a.id, need, 'counter', a.region, kind='deposit', memo='现金存入'))
        # graduates and movers closing an account: sweep the balance out, then close
        self.txs.sort(key=lambda x: (x[0], x[1]))
        idx = self.per_account()
        for a in self.rows():
            if a.close_at is None:
                continue
            bal = self.start_bal[a.id]
            for rec in idx.get(a.id, []):
                if rec[0] >= a.close_at:
                    break
                bal += rec[4] if rec[3] == a.id else -rec[4]
            if bal > 0:
                if a.close_to:
                    self.tx(a.close_at, a.id, a.close_to, bal, 'mobile', a.region, memo='销户转出')
                else:
                    self.tx(a.close_at, a.id, None, bal, 'counter', a.region, kind='withdrawal', memo='销户')
            a.status = 'closed'
        self.txs.sort(key=lambda x: (x[0], x[1]))

    def visible(self, rec):
        for x in (rec[2], rec[3]):
            if x:
                b = self.acc[x].bank
                if b in SUP and rec[0] >= SUP[b]:
                    return True
        return False

    # ------------------------------------------------------------------ run and write
    def build(self):
        r = self.r
        self.pending = {}
        self.shop_accounts = []
        self.shop_info = []
        self.groupbuy = []
        S = self.V['shops']
        P = self.V.get('pop', 1.0)
        self.build_pools()
        self.p_landlords(300)
        self.p_shops(int(330 * S))
        self.p_groupbuy(int(50 * S))
        self.p_agents(80)
        self.p_office(int(2300 * P))
        self.p_migrants(int(2150 * P))
        self.p_students(int(1200 * P), 260)
        self.p_retirees(int(2650 * P))
        self.p_ecom(int(330 * S))
        self.p_wholesale(170)
        self.p_traders(int(90 * S))
        self.p_otc(20)
        self.p_promo(130)
        self.shop_customers()
        self.agent_flows()
        self.make_gangs()
        self.p_farmers()
        self.fraud_cases()
        self.cleanup()
        self.do_sweeps()
        self.business_balance()
        self.cleanup()
        self.balances()

    def write(self, out, want_stats, want_truth):
        r = self.r
        os.makedirs(out, exist_ok=True)
        rows = sorted(self.rows(), key=lambda a: (a.bank, a.opened, a.id))
        rowset = set(a.id for a in rows)
        vis = [rec for rec in self.txs if self.visible(rec)]
        seen = set()
        for rec in vis:
            seen.add(rec[2])
            seen.add(rec[3])
        seen.discard(None)
        # opening balances
        ob = {}
        firstvis = {}
        idx = self.per_account()
        for a in rows:
            if a.opened >= SUP[a.bank]:
                ob[a.id] = 0
                continue
            bal = self.start_bal.get(a.id, 0)
            got = None
            at_start = None
            for rec in idx.get(a.id, []):
                if at_start is None and rec[0] >= SUP[a.bank]:
                    at_start = bal
                if got is None and self.visible(rec):
                    got = bal
                    break
                bal += rec[4] if rec[3] == a.id else -rec[4]
            if got is None:
                got = at_start if at_start is not None else bal
            ob[a.id] = got
        # labels
        labels = []
        mule_lab = set()
        for aid, layer in self.mule_hit.items():
            a = self.acc[aid]
            if a.role != 'mule':
                continue
            if aid not in rowset and aid not in seen:
                continue
            p = {1: 0.97, 2: 0.9}.get(layer, 0.8)
            if self.mules.get(aid) is not None and self.mules[aid].kind == 'ushang':
                p = 0.75
            if r.random() < p:
                mule_lab.add(aid)
        for a in rows:
            if a.id in mule_lab:
                if r.random() < 0.2:
                    a.status = 'frozen'
            elif a.role == 'mule' and r.random() < 0.04:
                a.status = 'frozen'
            elif a.role == 'lawful' and a.status == 'active' and r.random() < 0.004:
                a.status = 'frozen'
        farmer_lab = []
        for hid in self.farmers:
            cards = self.by_holder.get(hid, [])
            if any(c in mule_lab for c in cards) or r.random() < 0.5:
                farmer_lab.append(hid)
        # ids
        txid = {}
        for n, rec in enumerate(vis):
            txid[id(rec)] = 'HD%s%07d' % (fts(rec[0])[:10].replace('-', ''), n + 1)
        with open(os.path.join(out, 'accounts.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status\n')
            for a in rows:
                f.write('%s,%s,%s,%s,%s,%s,%s,%s\n' % (a.id, a.bank, a.hid, fts(a.opened), a.region, a.cls,
                                                     famt(ob[a.id]), a.status))
        with open(os.path.join(out, 'transfers.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n')
            for rec in vis:
                f.write('%s,%s,%s,%s,%s,CNY,%s,%s,%s,%s,%s\n' % (
                    txid[id(rec)], fts(rec[0]), rec[2] or '', rec[3] or '', famt(rec[4]), rec[5], rec[6],
                    rec[7], rec[8], 'true' if rec[9] else 'false'))
        nfraud = 0
        with open(os.path.join(out, 'labels.csv'), 'w', encoding='utf-8', newline='') as f:
            f.write('kind,id,label\n')
            for a in sorted(mule_lab):
                f.write('account,%s,mule\n' % a)
            for h in farmer_lab:
                f.write('holder,%s,card_farmer\n' % h)
            for rec in vis:
                if rec[10] > 0:
                    f.write('transfer,%s,fraud\n' % txid[id(rec)])
                    nfraud += 1
        if want_truth:
            with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
                f.write('record,id,bank,holder,has_row,role,archetype,card_farmer,opened_at,extract_start,labelled\n')
                for b in sorted(set(list(BANKS) + PAYFIRMS + FOREIGN)):
                    f.write('institution,%s,%s,,%s,,,,,%s,\n' % (b, b, 'true' if b in SUP else 'false',
                                                               fts(SUP[b]) if b in SUP else ''))
                for a in self.acc.values():
                    if a.id not in rowset and a.id not in seen:
                        continue
                    farmer = bool(a.hid and self.holders.get(a.hid, [0] * 6)[5])
                    f.write('account,%s,%s,%s,%s,%s,%s,%s,%s,,%s\n' % (
                        a.id, a.bank, a.hid or '', 'true' if a.id in rowset else 'false', a.role, a.arch,
                        'true' if farmer else 'false', fts(a.opened), 'true' if a.id in mule_lab else 'false'))
        if want_stats:
            true_mules = [a for a in rows if a.role == 'mule']
            sys.stderr.write('variant=%s accounts_with_rows=%d transfers=%d external_accounts=%d\n' % (
                self.variant, len(rows), len(vis), len(seen - rowset)))
            sys.stderr.write('mule_labels=%d (with rows %d; true mules with rows %d) fraud_transfers=%d '
                             'card_farmers=%d (labelled %d) cases=%d reported=%d\n' % (
                                 len(mule_lab), len(mule_lab & rowset), len(true_mules), nfraud, len(self.farmers),
                                 len(farmer_lab), len(set(c[0] for c in self.cases)),
                                 len(set(c[0] for c in self.cases if c[2]))))
            kinds = {}
            for a in true_mules:
                k = a.arch.split('_')[0] if not a.arch.startswith('rented') else 'rented_old'
                kinds[k] = kinds.get(k, 0) + 1
            sys.stderr.write('true mule rows by kind: %s\n' % ', '.join('%s=%d' % kv for kv in sorted(kinds.items())))
            byb = {}
            for a in rows:
                byb[a.bank] = byb.get(a.bank, 0) + 1
            sys.stderr.write('rows by institution: %s\n' % ', '.join('%s=%d' % kv for kv in sorted(byb.items())))


def main():
    ap = argparse.ArgumentParser(description='East China (华东) synthetic world for fanzha')
    ap.add_argument('--variant', default='baseline', choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='huadong_out')
    ap.add_argument('--stats', action='store_true', help='counts to stderr')
    ap.add_argument('--truth', action='store_true', help='also write OUT/truth.csv (for analysing misses only)')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build()
    w.write(args.out, args.stats, args.truth)


if __name__ == '__main__':
    main()
