#!/usr/bin/env python3
"""粤东 (Yuedong) synthetic evaluation world for fanzha, interchange format v1.

Written from three sources only: the project's domain notes (docs/domain.md in the shared docs),
the seed essays (seed-essays.txt) and docs/formats.md.  See README.md next to this file.

    python3 yuedong_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Standard library only; deterministic for (variant, seed).
"""
import argparse
import bisect
import csv
import heapq
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 3, 1, tzinfo=TZ)          # a Friday
NDAYS = 184                                    # 2024-03-01 .. 2024-08-31
DAY = 86400
HOUR = 3600
MIN = 60
END = NDAYS * DAY
MONTHS = [(0, 31), (31, 30), (61, 31), (92, 30), (122, 31), (153, 31)]
LABEL_HORIZON = END + 30 * DAY                 # the label extract is drawn a month after the data ends

# festivals / seasons inside the window (day index from 2024-03-01)
QINGMING = 34          # 04-04
MAZU = 61              # 05-01 妈祖诞 (三月廿三)
DUANWU = 101           # 06-10
GUANDI = 109           # 06-18 关帝诞 (五月十三)
ZHONGYUAN = 170        # 08-18 中元 / 施孤
MORATORIUM = (61, 168)  # 南海伏季休渔 05-01 .. 08-16

# --------------------------------------------------------------------------------------------
# geography (GB/T 2260 division codes)
CITY_DISTRICTS = {
    'ST': [('440507', 6.0), ('440511', 8.0), ('440512', 3.0), ('440513', 16.0), ('440514', 14.0),
           ('440515', 8.5), ('440523', 0.7)],            # 汕头: 龙湖 金平 濠江 潮阳 潮南 澄海 南澳
    'CZ': [('445102', 5.0), ('445103', 12.0), ('445122', 9.0)],   # 潮州: 湘桥 潮安 饶平
    'JY': [('445202', 9.0), ('445203', 8.0), ('445222', 7.0), ('445224', 10.0), ('445281', 20.0)],
    # 揭阳: 榕城 揭东 揭西 惠来 普宁
    'MZ': [('441402', 5.0), ('441403', 5.5), ('441422', 3.7), ('441423', 4.7), ('441424', 10.0),
           ('441426', 2.0), ('441427', 2.0), ('441481', 8.0)],  # 梅州: 梅江 梅县 大埔 丰顺 五华 平远 蕉岭 兴宁
    'SW': [('441502', 5.5), ('441521', 7.5), ('441523', 2.5), ('441581', 12.5)],  # 汕尾: 城区 海丰 陆河 陆丰
}
CITY_W = [('ST', 5.5), ('JY', 5.6), ('CZ', 2.6), ('MZ', 3.9), ('SW', 2.7)]
CITY_OF = {}
for _c, _ds in CITY_DISTRICTS.items():
    for _d, _w in _ds:
        CITY_OF[_d] = _c
# codes in identity numbers issued before later re-divisions
OLD_ID_CODE = {'440513': '440582', '440514': '440582', '440515': '440583', '445103': '445121',
               '445203': '445221', '441403': '441421'}
GD_OTHER = [('440106', 3), ('440111', 2), ('440113', 2), ('440304', 2), ('440305', 2), ('440306', 3),
            ('440307', 3), ('441900', 4), ('440605', 2), ('441302', 1.5)]
NATION = [('110105', 4), ('110108', 3), ('120101', 2), ('130102', 2), ('140105', 2), ('150102', 1.5),
          ('210102', 2), ('220104', 1.5), ('230103', 2), ('310115', 4), ('310104', 2), ('320102', 2),
          ('320508', 2.5), ('330106', 2.5), ('330212', 2), ('340104', 2.5), ('350102', 2), ('350203', 2),
          ('360102', 2), ('370102', 2.5), ('370202', 2), ('410105', 3.5), ('420111', 3), ('430104', 3),
          ('450103', 2), ('460106', 1), ('500112', 3), ('510107', 3.5), ('520103', 1.5), ('530102', 2),
          ('610113', 2.5), ('620102', 1), ('630102', 0.5), ('640104', 0.5), ('650102', 1),
          ('440106', 3), ('440304', 3), ('440307', 2), ('441900', 3), ('440605', 2), ('441302', 1),
          ('440402', 1), ('440703', 1), ('440802', 1)]
MIGRANT_HOME = [('450902', 4), ('450802', 3), ('451002', 2), ('520502', 3), ('520303', 2), ('511302', 2),
                ('511702', 2), ('430502', 3), ('431103', 2), ('360702', 3), ('411602', 2)]
FARMER_HOME = [('420902', 3), ('421002', 2), ('420111', 1), ('430502', 2), ('450902', 2), ('360702', 1),
               ('411602', 1)]
FAR_CASH = [('450681', 3), ('451481', 2), ('533102', 2), ('532801', 2), ('440306', 3), ('441900', 3),
            ('440111', 2), ('460106', 1), ('530102', 1), ('450103', 1)]
OPS_REGION = ['440306', '441900', '450681', '532801', '440111', '450103']
UNIVERSITIES = [('440511', 4), ('445102', 3), ('441402', 3), ('445202', 2), ('441502', 1)]

# --------------------------------------------------------------------------------------------
# institutions
SUPPLY_START_DAY = {'ICBC': 0, 'PSBC': 0, 'CCB': 10, 'MZKSB': 17, 'ABC': 24, 'CZRCB': 31,
                    'STRCB': 45, 'JYRCB': 66}
LOCAL_BANK = {'ST': 'STRCB', 'CZ': 'CZRCB', 'JY': 'JYRCB', 'MZ': 'MZKSB', 'SW': 'SWRCB'}
NATIONAL = [('ICBC', 16), ('CCB', 15), ('ABC', 17), ('PSBC', 12), ('BOC', 9), ('CMB', 5), ('BOCOM', 3),
            ('PAB', 3), ('CIB', 3), ('GDB', 3), ('CITIC', 2), ('CMBC', 2), ('CEB', 1.5), ('SPDB', 1)]
NONSUPPLY = ['BOC', 'CMB', 'BOCOM', 'PAB', 'CIB', 'GDB', 'CITIC', 'CMBC', 'CEB', 'SPDB']
CARD_BIN = {
    'ICBC': (['622202', '621226', '621558'], 19), 'CCB': (['621700', '622700', '621284'], 19),
    'ABC': (['622848', '622845', '623052'], 19), 'PSBC': (['621799', '622188', '621098'], 19),
    'BOC': (['621785', '621661', '621790'], 19), 'CMB': (['621483', '622588', '621486'], 16),
    'BOCOM': (['622262', '621069'], 19), 'PAB': (['623058', '622298'], 19),
    'CIB': (['622909', '622908'], 18), 'GDB': (['621462', '622568'], 19),
    'CITIC': (['621771', '622690'], 16), 'CMBC': (['622622', '621691'], 16),
    'CEB': (['622660', '621489'], 19), 'SPDB': (['621792', '622521'], 16),
    'STRCB': (['623190'], 19), 'CZRCB': (['623187'], 19), 'JYRCB': (['623189'], 19),
    'MZKSB': (['623195'], 19), 'SWRCB': (['623186'], 19), 'RCB': (['622859', '623066', '621067'], 19),
}
CORP_PREFIX = {'ICBC': ('2005', 19), 'CCB': ('4405', 20), 'ABC': ('4455', 17), 'PSBC': ('9440', 18),
               'BOC': ('7', 12), 'CMB': ('7', 15), 'BOCOM': ('4440', 21), 'PAB': ('1501', 14),
               'CIB': ('3920', 18), 'GDB': ('9550', 19), 'CITIC': ('8110', 19), 'CMBC': ('6313', 9),
               'CEB': ('3886', 20), 'SPDB': ('8201', 20), 'STRCB': ('8001', 18), 'CZRCB': ('8002', 18),
               'JYRCB': ('8003', 18), 'MZKSB': ('8800', 18), 'SWRCB': ('8005', 18), 'RCB': ('8009', 18)}
FOREIGN_BANKS = {'TH': ['BKKBTHBK', 'KASITHBK'], 'MY': ['MBBEMYKL', 'PBBEMYKL'], 'SG': ['OCBCSGSG', 'DBSSSGSG'],
                 'ID': ['BNINIDJA', 'BCAOIDJA'], 'HK': ['HSBCHKHH', 'BKCHHKHH'], 'US': ['CHASUS33'],
                 'DE': ['DEUTDEFF'], 'GB': ['HSBCGB2L'], 'AE': ['NBADAEAA'], 'RU': ['SABRRUMM']}

# hours of day weights
HOURS = {
    'day': [1, .5, .3, .2, .2, .5, 2, 5, 8, 10, 11, 11, 10, 9, 9, 9, 9, 9, 9, 9, 8, 6, 4, 2],
    'evening': [3, 1.5, .8, .4, .2, .2, .5, 1, 2, 3, 3, 3, 4, 3, 3, 3, 3, 4, 6, 9, 10, 10, 9, 6],
    'office': [0, 0, 0, 0, 0, 0, 0, .5, 3, 10, 10, 10, 6, 8, 10, 10, 9, 6, 1, .5, .2, 0, 0, 0],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 2, 10, 10, 10, 6, 7, 10, 10, 8, 3, 0, 0, 0, 0, 0, 0],
    'market': [6, 4, 5, 9, 10, 8, 5, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
    'night': [8, 8, 7, 6, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7],
    'late': [4, 2, 1, .5, .2, .2, .5, 1, 3, 5, 6, 6, 5, 5, 5, 5, 6, 7, 8, 9, 10, 10, 9, 7],
    'any': [1] * 24,
}
HOURS_CUM = {}
for _k, _w in HOURS.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    HOURS_CUM[_k] = _c

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def iso(sec):
    return (T0 + timedelta(seconds=int(sec))).isoformat()


def fmt_fen(f):
    return "%d.%02d" % (f // 100, f % 100)


def cumw(pairs):
    c, s = [], 0.0
    for _, w in pairs:
        s += w
        c.append(s)
    return [p for p, _ in pairs], c


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer', 'row',
                 'frozen_at', 'closed_at', 'stop_lawful_at', 'known_at', 'fbal', 'speed', 'layer',
                 'group', 'ws', 'we', 'pending', 'cash_region', 'cushion', 'vol', 'owner', 'ext_start',
                 'appears', 'used', 'tries')

    def __init__(self, aid, bank, holder, opened, region, cls, row):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.row = row
        self.role = 'lawful'
        self.arch = ''
        self.farmer = 0
        self.frozen_at = None
        self.closed_at = None
        self.stop_lawful_at = None
        self.known_at = None
        self.fbal = 0
        self.speed = 'fast'
        self.layer = None
        self.group = None
        self.ws = 0
        self.we = 0
        self.pending = False
        self.cash_region = None
        self.cushion = 'person'
        self.vol = 0
        self.owner = None
        self.ext_start = SUPPLY_START_DAY[bank] * DAY if row else None
        self.appears = False
        self.used = False
        self.tries = 0


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.r = random.Random(f"yuedong:{variant}:{seed}")
        self.la = 2.5 if variant == 'V3' else 1.0     # lawful look-alike multiplier
        self.hard = variant == 'V2'
        self.accts = {}
        self.holders = {}
        self.used_ids = set()
        self.tx = []          # [ts, seq, from, to, fen, channel, region, kind, memo, cross, truthkind]
        self.seq = 0
        self.persons = []
        self.by_city = {c: [] for c, _ in CITY_W}
        self.city_pick = cumw(CITY_W)
        self.dist_pick = {c: cumw(ds) for c, ds in CITY_DISTRICTS.items()}
        self.nation_pick = cumw(NATION)
        self.gd_pick = cumw(GD_OTHER)
        self.mig_pick = cumw(MIGRANT_HOME)
        self.farmhome_pick = cumw(FARMER_HOME)
        self.far_pick = cumw(FAR_CASH)
        self.uni_pick = cumw(UNIVERSITIES)
        self.nat_bank_pick = cumw(NATIONAL)
        self.heap = []
        self.hseq = 0
        self.farmers = []
        self.frozen_merchants = []

    # ---------------------------------------------------------------- small helpers
    def pick(self, pc):
        items, cum = pc
        return items[bisect.bisect_left(cum, self.r.random() * cum[-1])]

    def pois(self, lam):
        r = self.r
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def n(self, x):
        """count of a lawful look-alike actor kind, scaled in V3"""
        return int(round(x * self.la))

    def at(self, day, prof='day'):
        cum = HOURS_CUM[prof]
        h = bisect.bisect_left(cum, self.r.random() * cum[-1])
        return int(day) * DAY + h * HOUR + self.r.randrange(HOUR)

    def lognorm_y(self, median, sigma, lo=None, hi=None):
        v = median * math.exp(self.r.gauss(0, sigma))
        if lo is not None and v < lo:
            v = lo
        if hi is not None and v > hi:
            v = hi
        return v

    def money(self, y, style='cents'):
        """yuan -> fen; style: cents | int | round10 | round100 | round1000"""
        if style == 'cents':
            return max(1, int(round(y * 100)))
        if style == 'int':
            return max(100, int(round(y)) * 100)
        step = {'round10': 10, 'round100': 100, 'round1000': 1000}[style]
        return max(step * 100, int(round(y / step)) * step * 100)

    def style_for(self, y):
        r = self.r.random()
        if y >= 5000:
            return 'round1000' if r < 0.35 else ('round100' if r < 0.7 else ('int' if r < 0.9 else 'cents'))
        if y >= 500:
            return 'round100' if r < 0.4 else ('int' if r < 0.75 else 'cents')
        return 'round10' if r < 0.25 else ('int' if r < 0.6 else 'cents')

    def amt(self, y):
        return self.money(y, self.style_for(y))

    def loc_region(self, ch, loc):
        if ch in ('counter', 'atm', 'pos'):
            return loc or ''
        if ch in ('mobile', 'online'):
            return loc if (loc and self.r.random() < 0.55) else ''
        return ''

    def tx_add(self, ts, frm, to, fen, ch='mobile', region=None, kind='transfer', memo='', cross=False,
               tk='', loc=None):
        if fen <= 0 or ts < 0 or ts >= END:
            return None
        if region is None:
            region = self.loc_region(ch, loc)
        self.seq += 1
        row = [int(ts), self.seq, frm, to, int(fen), ch, region, kind, memo, cross, tk]
        self.tx.append(row)
        return row

    # ---------------------------------------------------------------- identities
    def id_number(self, region6, y0, y1, male=None):
        r = self.r
        while True:
            y = r.randint(y0, y1)
            m = r.randint(1, 12)
            d = r.randint(1, 28)
            reg = region6
            if region6 in OLD_ID_CODE and y < 1996 and r.random() < 0.8:
                reg = OLD_ID_CODE[region6]
            if male is None:
                male = r.random() < 0.5
            s3 = r.randrange(0, 100) * 10 + (r.choice([1, 3, 5, 7, 9]) if male else r.choice([0, 2, 4, 6, 8]))
            body = f"{reg}{y:04d}{m:02d}{d:02d}{s3:03d}"
            s = sum(int(c) * w for c, w in zip(body, ID_W))
            hid = body + "10X98765432"[s % 11]
            if hid not in self.holders:
                self.holders[hid] = {'kind': 'person', 'region': region6, 'birth': y}
                return hid

    def uscc(self, region6, kind='91'):
        r = self.r
        while True:
            if r.random() < 0.5:
                org8 = 'MA' + ''.join(r.choice(USCC_CH[:10] + 'ABCDEFGHJKLMNPQRTUWXY') for _ in range(6))
            else:
                org8 = ''.join(r.choice('0123456789') for _ in range(8))
            vals = [int(c) if c.isdigit() else ord(c) - 55 for c in org8]
            c9 = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
            c9s = 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
            body = kind + region6 + org8 + c9s
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            hid = body + USCC_CH[(31 - s % 31) % 31]
            if hid not in self.holders:
                self.holders[hid] = {'kind': 'corp', 'region': region6, 'birth': 0}
                return hid

    # ---------------------------------------------------------------- accounts
    def card_no(self, bank):
        r = self.r
        bins, ln = CARD_BIN.get(bank, CARD_BIN['RCB'])
        while True:
            body = r.choice(bins) + ''.join(str(r.randrange(10)) for _ in range(ln - 7))
            s, dbl = 0, True
            for ch in reversed(body):
                d = int(ch)
                if dbl:
                    d *= 2
                    if d > 9:
                        d -= 9
                s += d
                dbl = not dbl
            aid = body + str((10 - s % 10) % 10)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def corp_no(self, bank):
        pre, ln = CORP_PREFIX.get(bank, CORP_PREFIX['RCB'])
        while True:
            aid = pre + ''.join(str(self.r.randrange(10)) for _ in range(ln - len(pre)))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def pay_no(self, firm):
        while True:
            if firm == 'ALIPAY':
                aid = '2088' + ''.join(str(self.r.randrange(10)) for _ in range(12))
            else:
                aid = 'TP' + ''.join(str(self.r.randrange(10)) for _ in range(16))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def foreign_no(self, cc):
        while True:
            aid = self.r.choice(FOREIGN_BANKS[cc]) + '-' + ''.join(str(self.r.randrange(10)) for _ in range(10))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def new_acct(self, holder, bank, opened, region, cls='I', corp=False, role='lawful', arch='',
                 cushion='person'):
        if bank in ('ALIPAY', 'TENPAY'):
            aid = self.pay_no(bank)
        elif bank.startswith('FX-'):
            aid = self.foreign_no(bank[3:])
        elif corp:
            aid = self.corp_no(bank)
        else:
            aid = self.card_no(bank)
        row = bank in SUPPLY_START_DAY and region is not None and region.startswith('44')
        a = Acct(aid, bank, holder, opened, region, 'corp' if corp else cls, row)
        a.role = role
        a.arch = arch
        a.cushion = cushion
        self.accts[aid] = a
        return a

    def ext(self, region=None, bank=None, arch='ext_person', role='lawful', holder=None):
        """an account outside the supplying set (no row)"""
        if region is None:
            region = self.pick(self.nation_pick)
        if bank is None:
            if region.startswith('44'):
                bank = self.r.choice(NONSUPPLY)
            else:
                bank = self.pick(self.nat_bank_pick) if self.r.random() < 0.8 else 'RCB'
        a = self.new_acct(holder or '', bank, None, region, 'I', False, role, arch)
        a.row = False
        a.ext_start = None
        return a

    def ext_corp(self, region=None, bank=None, arch='ext_corp'):
        if region is None:
            region = self.pick(self.nation_pick)
        if bank is None:
            bank = self.r.choice(NONSUPPLY) if region.startswith('44') else self.pick(self.nat_bank_pick)
        a = self.new_acct('', bank, None, region, 'corp', True, 'lawful', arch)
        a.row = False
        a.ext_start = None
        return a

    def foreign(self, cc, arch='foreign'):
        a = self.new_acct('', 'FX-' + cc, None, None, 'I', False, 'lawful', arch)
        a.bank = a.id.split('-')[0]
        return a

    def old_open(self, y0=0.5, y1=15.0):
        d = -int(self.r.uniform(y0, y1) * 365)
        return self.at(d, 'counter')

    def local_bank(self, city, corp=False):
        r = self.r
        if r.random() < 0.11:
            return LOCAL_BANK[city]
        return self.pick(self.nat_bank_pick)

    def district(self, city=None):
        if city is None:
            city = self.pick(self.city_pick)
        return self.pick(self.dist_pick[city])

    def person(self, district, y0, y1, kind, id_region=None, n_acc=None, opened=None, bank=None, cls='I',
               arch=None, cushion='person'):
        hid = self.id_number(id_region or district, y0, y1)
        city = CITY_OF.get(district)
        p = {'hid': hid, 'district': district, 'city': city, 'kind': kind, 'accts': [], 'kin': [],
             'tp': None, 'ap': None, 'emp': None, 'salary': 0, 'age': 2024 - self.holders[hid]['birth']}
        if bank is None:
            bank = self.local_bank(city) if city else (self.r.choice(NONSUPPLY + ['ICBC', 'CCB', 'ABC']))
        if opened is None:
            opened = self.old_open(0.5, min(25, max(1, p['age'] - 16)))
        a = self.new_acct(hid, bank, opened, district, cls, False, 'lawful', arch or kind, cushion)
        p['accts'].append(a)
        p['main'] = a
        extra = n_acc if n_acc is not None else (1 + (self.r.random() < 0.42) + (self.r.random() < 0.08))
        for _ in range(extra - 1):
            b2 = self.local_bank(city) if city else self.r.choice(NONSUPPLY)
            if b2 == bank:
                b2 = self.pick(self.nat_bank_pick)
            if b2 == bank:
                continue
            a2 = self.new_acct(hid, b2, self.old_open(0.3, min(20, max(1, p['age'] - 16))), district,
                               'I' if self.r.random() < 0.7 else 'II', False, 'lawful', (arch or kind) + '_second',
                               cushion)
            p['accts'].append(a2)
        self.persons.append(p)
        if city:
            self.by_city[city].append(p)
        return p

    def wallet(self, p, firm):
        key = 'tp' if firm == 'TENPAY' else 'ap'
        if p[key] is None:
            a = self.new_acct(p['hid'], firm, None, p['district'], 'II', False, 'lawful', 'wallet')
            a.row = False
            a.ext_start = None
            p[key] = a
        return p[key]

    # ---------------------------------------------------------------- hubs
    def make_hubs(self):
        self.hub_tp = [self.new_acct('', 'TENPAY', None, None, 'corp', False, 'lawful', 'payment_hub')
                       for _ in range(3)]
        self.hub_ap = [self.new_acct('', 'ALIPAY', None, None, 'corp', False, 'lawful', 'payment_hub')
                       for _ in range(3)]
        self.hub_ums = self.ext_corp('310115', 'BOCOM', 'acquirer_hub')
        for h in self.hub_tp + self.hub_ap:
            h.row = False
            h.ext_start = None
        self.sif = {}
        self.treasury = {}
        for c, _ in CITY_W:
            d = CITY_DISTRICTS[c][0][0]
            hid = self.uscc(d[:4] + '00', '12')
            a = self.new_acct(hid, 'ICBC', self.old_open(8, 20), d, 'corp', True, 'lawful', 'social_insurance_fund',
                              'corp_big')
            self.sif[c] = a
            self.treasury[c] = self.ext_corp(d, 'PBOC', 'treasury')
        self.utilities = [self.ext_corp('440304', 'CMB', 'utility_grid'),
                          self.ext_corp('440106', 'BOC', 'telecom_operator')]
        self.couriers = [self.ext_corp(self.pick(self.gd_pick), None, 'courier') for _ in range(6)]

    def hub(self):
        x = self.r.random()
        if x < 0.55:
            return self.r.choice(self.hub_tp)
        if x < 0.9:
            return self.r.choice(self.hub_ap)
        return self.hub_ums

    # ---------------------------------------------------------------- lawful everyday life
    def spend(self, p, a, d0, d1, rate, med, atm_rate=0.3, night=False, prof='day'):
        """consumption from a card: payments to payment hubs / POS, wallet top-ups, ATM cash"""
        if not a.row:
            return
        r = self.r
        span = max(0, d1 - d0)
        if span <= 0:
            return
        months = span / 30.5
        for _ in range(self.pois(rate * months)):
            d = r.uniform(d0, d1)
            ts = self.at(d, 'late' if night else prof)
            y = self.lognorm_y(med, 0.9, 5, 30000)
            x = r.random()
            if x < 0.55:
                self.tx_add(ts, a.id, self.hub().id, self.money(y), 'mobile', loc=p['district'],
                            memo=r.choice(['', '', '消费', '财付通-微信支付', '支付宝-消费']))
            elif x < 0.75:
                self.tx_add(ts, a.id, self.hub_ums.id, self.money(y), 'pos', loc=p['district'])
            elif x < 0.92:
                w = self.wallet(p, 'TENPAY' if r.random() < 0.65 else 'ALIPAY')
                self.tx_add(ts, a.id, w.id, self.amt(y * 1.5), 'mobile', loc=p['district'], memo='充值')
            else:
                w = self.wallet(p, 'TENPAY' if r.random() < 0.65 else 'ALIPAY')
                self.tx_add(ts, w.id, a.id, self.amt(y), 'mobile', loc=p['district'], memo='零钱提现')
        for _ in range(self.pois(atm_rate * months)):
            d = r.uniform(d0, d1)
            y = r.choice([200, 300, 500, 500, 1000, 1000, 2000, 3000])
            self.tx_add(self.at(d, prof), a.id, None, y * 100, 'atm', kind='withdrawal', loc=p['district'])

    def bills(self, p, a, d0, d1, rate=0.3):
        if not a.row:
            return
        for _ in range(self.pois(rate * (d1 - d0) / 30.5)):
            d = self.r.uniform(d0, d1)
            u = self.r.choice(self.utilities)
            self.tx_add(self.at(d, 'day'), a.id, u.id, self.money(self.lognorm_y(120, 0.6, 20, 1500)), 'mobile',
                        loc=p['district'], memo=self.r.choice(['电费', '话费', '宽带费', '水费']))

    def gen_ordinary(self):
        r = self.r
        self.employers = {c: [] for c, _ in CITY_W}
        # employers (factories, shops, firms)
        for _ in range(260):
            city = self.pick(self.city_pick)
            d = self.district(city)
            hid = self.uscc(d)
            bank = self.local_bank(city)
            a = self.new_acct(hid, bank, self.old_open(1, 20), d, 'corp', True, 'lawful', 'employer_firm', 'corp')
            e = {'acct': a, 'district': d, 'city': city, 'staff': [], 'payday': r.choice([5, 8, 10, 15, 20, 25]),
                 'customers': [self.ext_corp() for _ in range(r.randint(3, 10))],
                 'suppliers': [self.ext_corp() for _ in range(r.randint(2, 8))]}
            self.employers[city].append(e)
        self.young_urban = []
        # families
        target = 9800
        made = 0
        self.retirees, self.workers, self.homemakers, self.farmers_fish, self.merchants = [], [], [], [], []
        while made < target:
            city = self.pick(self.city_pick)
            d = self.district(city)
            fam = []
            for _ in range(r.choice([0, 0, 1, 1, 2])):
                p = self.person(d, 1940, 1963, 'retiree', cushion='person_rich' if r.random() < 0.3 else 'person')
                self.retirees.append(p)
                fam.append(p)
            for _ in range(r.choice([1, 1, 2, 2, 3])):
                k = r.choices(['worker', 'homemaker', 'farmer', 'merchant', 'young_urban'],
                              [0.46, 0.16, 0.16, 0.08, 0.14])[0]
                if k == 'young_urban':
                    wd = self.pick(self.gd_pick)
                    bank = self.pick(self.nat_bank_pick)
                    p = self.person(wd, 1990, 2002, 'young_urban', id_region=d, bank=bank, n_acc=r.choice([1, 1, 2]))
                    p['home'] = d
                    self.young_urban.append(p)
                elif k == 'worker':
                    p = self.person(d, 1970, 2003, 'worker')
                    self.workers.append(p)
                elif k == 'homemaker':
                    p = self.person(d, 1965, 2000, 'homemaker', cushion='person_low')
                    self.homemakers.append(p)
                elif k == 'farmer':
                    p = self.person(d, 1955, 1995, 'farmer_fisher' if city == 'SW' else 'farmer',
                                    cushion='person_low')
                    self.farmers_fish.append(p)
                else:
                    p = self.person(d, 1965, 1998, 'small_merchant', cushion='person_rich')
                    self.merchants.append(p)
                fam.append(p)
            for p in fam:
                p['kin'] = [q for q in fam if q is not p]
            made += len(fam)
        # dormant leftover accounts of ordinary people (cards not used in the window)
        for p in r.sample(self.persons, 3000):
            city = p['city'] or 'ST'
            b = self.local_bank(city)
            self.new_acct(p['hid'], b, self.old_open(1, 12), p['district'], 'I', False, 'lawful', 'dormant_card', 'person_low')
        # assign workers to employers
        for p in self.workers:
            es = self.employers[p['city']]
            if r.random() < 0.8 and es:
                e = r.choice(es)
                e['staff'].append(p)
                p['emp'] = e['acct']
                p['salary'] = r.uniform(3300, 9000)
            else:
                p['salary'] = 0
        # generate life
        for p in self.workers:
            a = p['main']
            if p['salary'] == 0:   # informal work: irregular cash income
                for _ in range(self.pois(4)):
                    d = r.uniform(0, NDAYS)
                    self.tx_add(self.at(d, 'counter'), None, a.id, self.amt(r.uniform(1000, 6000)), 'counter',
                                kind='deposit', loc=p['district'])
            self.spend(p, a, 0, NDAYS, 1.2, 150, 0.3)
            self.bills(p, a, 0, NDAYS, 0.15)
            self.family_flows(p, 0.18)
            self.second_card(p)
        for p in self.homemakers:
            a = p['main']
            sp = [q for q in p['kin'] if q['kind'] in ('worker', 'small_merchant', 'young_urban')]
            if sp and r.random() < 0.7:
                q = sp[0]
                for m0, ml in MONTHS:
                    if r.random() < 0.8:
                        self.tx_add(self.at(m0 + r.uniform(0, ml), 'evening'), q['main'].id, a.id,
                                    self.amt(r.uniform(800, 4000)), 'mobile', loc=p['district'],
                                    memo=r.choice(['家用', '生活费', '']))
            self.spend(p, a, 0, NDAYS, 0.8, 100, 0.3)
            self.bills(p, a, 0, NDAYS, 0.2)
        for p in self.retirees:
            a = p['main']
            sif = self.sif[p['city']]
            pension = r.uniform(1200, 5500) if r.random() < 0.7 else r.uniform(200, 700)
            for m0, _ in MONTHS:
                self.tx_add(m0 * DAY + 9 * HOUR + r.randrange(7200), sif.id, a.id, self.money(pension), 'other',
                            memo='养老金')
            for _ in range(self.pois(4)):
                d = r.uniform(0, NDAYS)
                ch = 'counter' if r.random() < 0.6 else 'atm'
                y = r.choice([500, 1000, 1000, 2000, 3000, 5000]) if ch == 'counter' else r.choice([500, 1000, 2000])
                self.tx_add(self.at(d, 'counter'), a.id, None, y * 100, ch, kind='withdrawal', loc=p['district'])
            self.spend(p, a, 0, NDAYS, 0.4, 80, 0)
            if len(p['accts']) > 1 and r.random() < 0.25:   # term deposit moves between own banks
                b = p['accts'][1]
                d = r.uniform(0, NDAYS)
                self.tx_add(self.at(d, 'counter'), a.id, b.id, self.money(r.choice([20000, 50000, 100000, 200000])),
                            'counter', loc=p['district'], memo=r.choice(['转存', '定期', '']))
        for p in self.farmers_fish:
            a = p['main']
            buyers = [self.ext(self.pick(self.gd_pick)) for _ in range(2)]
            for _ in range(self.pois(3)):
                d = r.uniform(0, NDAYS)
                if p['kind'] == 'farmer_fisher' and MORATORIUM[0] <= d < MORATORIUM[1]:
                    continue
                self.tx_add(self.at(d, 'day'), r.choice(buyers).id, a.id, self.amt(r.uniform(1500, 20000)), 'mobile',
                            loc=p['district'], memo=r.choice(['', '货款', '']))
            self.spend(p, a, 0, NDAYS, 0.8, 100, 0.4)
        for p in self.merchants:
            self.merchant_life(p)
        for p in self.young_urban:
            a = p['main']
            emp = self.ext_corp(p['district'])
            sal = r.uniform(5000, 15000)
            parents = [q for q in p['kin'] if q['kind'] == 'retiree'] or p['kin']
            for m0, _ in MONTHS:
                self.tx_add((m0 + 9) * DAY + 10 * HOUR + r.randrange(3 * HOUR), emp.id, a.id, self.money(sal),
                            'other', memo='代发工资')
                if parents and r.random() < 0.75:
                    q = parents[0]
                    self.tx_add(self.at(m0 + 10 + r.uniform(0, 5), 'evening'), a.id, q['main'].id,
                                self.amt(r.uniform(800, 3500)), 'mobile', loc=p['district'],
                                memo=r.choice(['生活费', '家用', '', '给爸妈']))
            self.spend(p, a, 0, NDAYS, 1.5, 200, 0.2)
            self.bills(p, a, 0, NDAYS, 0.2)
        # SIF hubs need inflows from the treasury
        for c, a in self.sif.items():
            for m0, _ in MONTHS:
                self.tx_add(m0 * DAY + 8 * HOUR, self.treasury[c].id, a.id,
                            self.money(r.uniform(3e6, 5e6)), 'other', memo='财政补助养老金')

    def family_flows(self, p, rate):
        r = self.r
        if not p['kin']:
            return
        for _ in range(self.pois(rate * 6)):
            q = r.choice(p['kin'])
            d = r.uniform(0, NDAYS)
            y = self.lognorm_y(1200, 1.0, 100, 60000)
            frm, to = (p['main'], q['main']) if r.random() < 0.6 else (q['main'], p['main'])
            self.tx_add(self.at(d, 'evening'), frm.id, to.id, self.amt(y), 'mobile', loc=p['district'],
                        memo=r.choice(['', '', '借款', '还款', '红包', '家用', '转账']))

    def second_card(self, p):
        r = self.r
        if len(p['accts']) < 2 or r.random() < 0.4:
            return
        a, b = p['accts'][0], p['accts'][1]
        for _ in range(self.pois(3)):
            d = r.uniform(0, NDAYS)
            frm, to = (a, b) if r.random() < 0.7 else (b, a)
            self.tx_add(self.at(d, 'evening'), frm.id, to.id, self.amt(self.lognorm_y(2000, 0.9, 100, 50000)),
                        'mobile', loc=p['district'], memo=r.choice(['', '', '还信用卡', '转存']))

    def merchant_life(self, p, settle_every=6.0, med=3000, arch=None):
        r = self.r
        a = p['main']
        if arch:
            a.arch = arch
        wholesalers = [self.ext_corp(self.pick(self.gd_pick)) for _ in range(r.randint(2, 5))]
        d = r.uniform(0, settle_every)
        while d < NDAYS:
            hub = r.choice(self.hub_tp) if r.random() < 0.6 else r.choice(self.hub_ap)
            self.tx_add(d * DAY + 7 * HOUR + r.randrange(3 * HOUR), hub.id, a.id,
                        self.money(self.lognorm_y(med, 0.6, 50, 80000)), 'other', memo='商户结算')
            d += r.expovariate(1 / settle_every) + 0.5
        for _ in range(self.pois(9)):
            dd = r.uniform(0, NDAYS)
            self.tx_add(self.at(dd, 'day'), a.id, r.choice(wholesalers).id,
                        self.amt(self.lognorm_y(med * 4, 0.7, 300, 200000)), 'mobile', loc=p['district'],
                        memo=r.choice(['货款', '进货', '']))
        for _ in range(self.pois(5)):
            dd = r.uniform(0, NDAYS)
            self.tx_add(self.at(dd, 'counter'), None, a.id, self.amt(r.uniform(1000, 15000)), 'counter',
                        kind='deposit', loc=p['district'])
        self.spend(p, a, 0, NDAYS, 1.5, 150, 0.3)

    def employer_flows(self, e, scale=1.0, cross=False, arch=None):
        r = self.r
        a = e['acct']
        staff = e['staff']
        payroll_est = 0
        for p in staff:
            if not p.get('salary'):
                p['salary'] = r.uniform(3500, 8000)
        for m0, ml in MONTHS:
            pd = m0 + e['payday'] - 1
            ts0 = pd * DAY + 10 * HOUR + r.randrange(5 * HOUR)
            tot = 0
            for i, p in enumerate(staff):
                acc = p.get('wage_acct') or p['main']
                if acc.opened is not None and acc.opened > ts0:
                    continue
                f = self.money(p['salary'] * r.uniform(0.9, 1.1))
                tot += f
                self.tx_add(ts0 + i * r.randint(1, 4), a.id, acc.id, f, 'other', memo=r.choice(['代发工资', '工资']))
            payroll_est = max(payroll_est, tot)
            rev = max(tot * 1.6, 60000 * 100) * scale
            nin = r.randint(2, 5)
            for _ in range(nin):
                c = r.choice(e['customers'])
                self.tx_add(self.at(m0 + r.uniform(0, ml), 'office'), c.id, a.id, self.amt(rev / nin / 100),
                            'online', memo=r.choice(['货款', '', '加工费']), cross=cross and c.bank in FOREIGN_SWIFT)
            nout = r.randint(1, 4)
            for _ in range(nout):
                s = r.choice(e['suppliers'])
                self.tx_add(self.at(m0 + r.uniform(0, ml), 'office'), a.id, s.id, self.amt(rev * 0.45 / nout / 100),
                            'online', memo=r.choice(['货款', '材料款', '']))
            self.tx_add((m0 + 14) * DAY + 10 * HOUR, a.id, self.treasury[e['city']].id,
                        self.money(rev * 0.03 / 100), 'online', memo='税款')
            if tot:
                self.tx_add((m0 + 14) * DAY + 11 * HOUR, a.id, self.sif[e['city']].id,
                            self.money(tot * 0.15 / 100), 'online', memo='社保费')


FOREIGN_SWIFT = set()
for _l in FOREIGN_BANKS.values():
    for _b in _l:
        FOREIGN_SWIFT.add(_b)


class LookAlikes:
    """lawful actors that resemble mules (mixed into World)"""

    def la_person(self, district, y0, y1, kind, **kw):
        p = self.person(district, y0, y1, kind, **kw)
        p['main'].arch = kind
        return p

    def local_people(self, city, k):
        pool = self.by_city[city]
        return [self.r.choice(pool) for _ in range(k)]

    def gen_lookalikes(self):
        r = self.r
        self.la_accts = []
        self.migrants = []
        # ---- migrant workers (wages in, most sent home at once, ATM cash) -------------------
        for _ in range(self.n(400)):
            city = r.choices(['ST', 'JY', 'CZ', 'SW', 'MZ'], [5, 5, 3, 1, 1])[0]
            d = self.district(city)
            home = self.pick(self.mig_pick)
            new = r.random() < 0.3
            opened = self.at(r.uniform(0, 150), 'counter') if new else self.old_open(0.3, 8)
            p = self.la_person(d, 1970, 2005, 'migrant_worker', id_region=home, opened=opened, n_acc=1,
                               cushion='person_low')
            if new:
                p['main'].arch = 'migrant_worker_newcard'
            p['home'] = home
            p['home_acct'] = self.ext(home, holder=p['hid'])     # own card at home, or the family's
            p['salary'] = r.uniform(3800, 7500)
            self.migrants.append(p)
        # employers of migrants: toy exporters, workshops, ceramics factories, crew leaders, boats
        self.gen_toys()
        self.gen_ceramics()
        self.gen_textile()
        self.gen_crew_leaders()
        self.gen_fishing()
        for p in self.migrants:
            a = p['main']
            if not p.get('paid_by'):
                # factory in an ordinary employer
                es = self.employers[p['city']]
                e = r.choice(es)
                e['staff'].append(p)
        # ---- the rest ----------------------------------------------------------------------
        self.gen_clan_pools()
        self.gen_temples()
        self.gen_qiaohui()
        self.gen_biaohui()
        self.gen_markets()
        self.gen_shufflers()
        self.gen_students()
        self.gen_collection_cards()
        self.gen_tea()
        self.gen_gold_shops()
        self.gen_daigou()
        self.gen_property_sales()
        self.gen_ecommerce()

    def migrant_after(self):
        """migrant workers send most of each wage home within a day or two"""
        r = self.r
        ids = {}
        for p in self.migrants:
            ids[p['main'].id] = p
        wages = [t for t in self.tx if t[3] in ids and t[10] == '' and t[8] in ('代发工资', '工资', '人工费', '劳务费')]
        for t in wages:
            p = ids[t[3]]
            a = p['main']
            ts = t[0] + int(r.uniform(0.2, 40) * HOUR)
            share = r.uniform(0.45, 0.9)
            f = t[4] * share
            if r.random() < 0.8:
                self.tx_add(ts, a.id, p['home_acct'].id, self.money(f / 100, 'round100'), 'mobile', loc=p['district'],
                            memo=r.choice(['', '家用', '寄回家', '生活费']))
            else:
                self.tx_add(ts, a.id, None, self.money(min(f / 100, 5000), 'round100'), 'atm', kind='withdrawal',
                            loc=p['district'])
            if r.random() < 0.5:
                self.tx_add(ts + r.randint(HOUR, 5 * DAY), a.id, None, r.choice([500, 1000, 1500, 2000]) * 100,
                            'atm', kind='withdrawal', loc=p['district'])
        for p in self.migrants:
            self.spend(p, p['main'], 0, NDAYS, 1.0, 80, 0.2)

    # ---------------------------------------------------------------- 澄海 toys
    def gen_toys(self):
        r = self.r
        self.workshops = []
        for _ in range(self.n(210)):
            d = '440515' if r.random() < 0.85 else r.choice(['440507', '440511', '440513'])
            if r.random() < 0.7:
                p = self.la_person(d, 1965, 1995, 'toy_workshop', cushion='person_rich')
            else:
                p = self.la_person(d, 1965, 1995, 'toy_workshop_owner')
                hid = self.uscc(d, '92')
                ca = self.new_acct(hid, self.local_bank('ST'), self.old_open(1, 15), d, 'corp', True, 'lawful',
                                   'toy_workshop', 'corp')
                p['main'] = ca
                p['accts'].insert(0, ca)
            p['materials'] = [self.ext_corp(self.pick(self.gd_pick)) for _ in range(r.randint(1, 3))]
            p['workers'] = []
            self.workshops.append(p)
        self.exporters = []
        for _ in range(self.n(12)):
            d = '440515' if r.random() < 0.7 else '440507'
            hid = self.uscc(d)
            bank = r.choice(['ICBC', 'BOC', 'CCB', 'ABC', 'BOC'])
            a = self.new_acct(hid, bank, self.old_open(3, 20), d, 'corp', True, 'lawful', 'toy_exporter', 'corp_big')
            e = {'acct': a, 'district': d, 'city': 'ST', 'staff': [], 'payday': r.choice([10, 15, 25]),
                 'customers': [self.foreign(r.choice(['US', 'DE', 'GB', 'AE', 'RU', 'HK', 'HK']), 'foreign_buyer')
                               for _ in range(r.randint(3, 8))],
                 'suppliers': [self.ext_corp(self.pick(self.gd_pick)) for _ in range(3)]}
            e['workshops'] = r.sample(self.workshops, min(len(self.workshops), r.randint(15, 40)))
            self.exporters.append(e)
        # staff
        for p in self.migrants:
            x = r.random()
            if x < 0.3 and self.exporters:
                e = r.choice(self.exporters)
                e['staff'].append(p)
                p['paid_by'] = e['acct']
            elif x < 0.45:
                w = r.choice(self.workshops)
                w['workers'].append(p)
                p['paid_by'] = w['main']
        for e in self.exporters:
            a = e['acct']
            for m0, ml in MONTHS:
                season = 1.0 + 0.15 * MONTHS.index((m0, ml))      # Christmas orders build up in summer
                rev = r.uniform(6e5, 4e6) * season
                k = r.randint(2, 6)
                for _ in range(k):
                    c = r.choice(e['customers'])
                    self.tx_add(self.at(m0 + r.uniform(0, ml), 'office'), c.id, a.id, self.amt(rev / k), 'online',
                                memo=r.choice(['', 'PAYMENT FOR INVOICE', 'TOYS ORDER', '货款']), cross=True)
                # pay workshops (scattered out to many small suppliers)
                for w in e['workshops']:
                    if r.random() < 0.55:
                        for _ in range(r.choice([1, 1, 2])):
                            y = self.lognorm_y(rev / len(e['workshops']) * 0.9, 0.6, 2000, 600000)
                            self.tx_add(self.at(m0 + r.uniform(0, ml), 'office'), a.id, w['main'].id, self.amt(y),
                                        r.choice(['online', 'online', 'counter']),
                                        memo=r.choice(['货款', '加工费', '模具费', '包装费', '']), loc=e['district'])
                self.tx_add((m0 + 14) * DAY + 10 * HOUR, a.id, self.treasury['ST'].id,
                            self.money(rev * 0.01), 'online', memo='关税及税款')
            self.employer_flows(e, scale=0.2, cross=True)
        # workshops: materials right after being paid, wages, cash
        for w in self.workshops:
            a = w['main']
            for m0, ml in MONTHS:
                for _ in range(r.randint(1, 3)):
                    self.tx_add(self.at(m0 + r.uniform(0, ml), 'day'), a.id, r.choice(w['materials']).id,
                                self.amt(self.lognorm_y(15000, 0.7, 1000, 300000)), 'mobile', loc=w['district'],
                                memo=r.choice(['塑料粒', '原料款', '货款', '']))
                pd = m0 + r.randint(25, ml - 1)
                for i, q in enumerate(w['workers']):
                    self.tx_add(pd * DAY + 19 * HOUR + i * 40, a.id, q['main'].id, self.money(q['salary']), 'mobile',
                                loc=w['district'], memo=r.choice(['工资', '人工费']))
                if r.random() < 0.6:
                    self.tx_add(self.at(pd, 'counter'), a.id, None, r.choice([10000, 20000, 30000, 45000]) * 100,
                                'counter', kind='withdrawal', loc=w['district'])     # cash wages for home workers
            self.spend(w, a if a.cls != 'corp' else w['accts'][1], 0, NDAYS, 1.5, 200, 0.2)

    # ---------------------------------------------------------------- 潮州 ceramics
    def gen_ceramics(self):
        r = self.r
        self.kilns = []
        for _ in range(self.n(40)):
            d = r.choice(['445103', '445103', '445102', '445122'])
            hid = self.uscc(d, r.choice(['91', '92']))
            a = self.new_acct(hid, self.local_bank('CZ'), self.old_open(2, 20), d, 'corp', True, 'lawful',
                              'ceramics_factory', 'corp')
            e = {'acct': a, 'district': d, 'city': 'CZ', 'staff': [], 'payday': r.choice([10, 20, 28]),
                 'customers': [self.ext_corp(self.pick(self.gd_pick))],
                 'suppliers': [self.ext_corp(self.pick(self.gd_pick)) for _ in range(3)]}
            self.kilns.append(e)
        for p in self.migrants:
            if not p.get('paid_by') and p['city'] == 'CZ' and r.random() < 0.7:
                e = r.choice(self.kilns)
                e['staff'].append(p)
                p['paid_by'] = e['acct']
        for _ in range(self.n(26)):
            d = r.choice(['445103', '445102', '445102'])
            p = self.la_person(d, 1965, 1992, 'ceramics_wholesaler', cushion='person_rich')
            a = p['main']
            buyers = [self.ext(self.pick(self.nation_pick)) for _ in range(r.randint(25, 90))]
            kilns = r.sample(self.kilns, min(len(self.kilns), r.randint(3, 8)))
            for m0, ml in MONTHS:
                nb = r.randint(8, 30)
                tot = 0
                for _ in range(nb):
                    y = self.lognorm_y(9000, 0.9, 800, 150000)
                    tot += y
                    self.tx_add(self.at(m0 + r.uniform(0, ml), 'day'), r.choice(buyers).id, a.id, self.amt(y),
                                r.choice(['mobile', 'online', 'online']), memo=r.choice(['', '', '货款', '陶瓷货款', '定金']))
                nk = r.randint(3, 10)
                for _ in range(nk):
                    self.tx_add(self.at(m0 + r.uniform(0, ml), 'day'), a.id, r.choice(kilns)['acct'].id,
                                self.amt(tot * 0.75 / nk), 'mobile', loc=d, memo=r.choice(['货款', '瓷器款', '']))
                self.tx_add(self.at(m0 + r.uniform(0, ml), 'day'), a.id, r.choice(self.couriers).id,
                            self.amt(tot * 0.05), 'mobile', loc=d, memo='运费')
            self.spend(p, a, 0, NDAYS, 2, 200, 0.3)
        for e in self.kilns:
            self.employer_flows(e, scale=0.3)

    # ---------------------------------------------------------------- 普宁 textiles
    def gen_textile(self):
        r = self.r
        self.mills = []
        for _ in range(self.n(18)):
            d = r.choice(['445281', '445281', '445202'])
            hid = self.uscc(d)
            a = self.new_acct(hid, self.local_bank('JY'), self.old_open(2, 20), d, 'corp', True, 'lawful',
                              'textile_mill', 'corp')
            e = {'acct': a, 'district': d, 'city': 'JY', 'staff': [], 'payday': r.choice([5, 15, 30]),
                 'customers': [self.ext_corp(self.pick(self.gd_pick))],
                 'suppliers': [self.ext_corp(r.choice(['440105', '440605', '330106'])) for _ in range(3)]}
            self.mills.append(e)
        for p in self.migrants:
            if not p.get('paid_by') and p['city'] == 'JY' and r.random() < 0.6:
                e = r.choice(self.mills)
                e['staff'].append(p)
                p['paid_by'] = e['acct']
        self.textile = []
        for _ in range(self.n(30)):
            d = '445281'
            p = self.la_person(d, 1970, 1998, 'textile_wholesaler', cushion='person_rich')
            self.textile.append(p)
            a = p['main']
            buyers = [self.ext(self.pick(self.nation_pick)) for _ in range(r.randint(20, 70))]
            mills = r.sample(self.mills, r.randint(2, 5))
            outside = [self.ext_corp(r.choice(['440105', '440605'])) for _ in range(2)]
            for m0, ml in MONTHS:
                for _ in range(r.randint(8, 25)):
                    ts = self.at(m0 + r.uniform(0, ml), 'late')
                    y = self.lognorm_y(4000, 1.0, 200, 120000)
                    self.tx_add(ts, r.choice(buyers).id, a.id, self.amt(y), 'mobile',
                                memo=r.choice(['', '', '货款', '布款', '拿货']))
                    if r.random() < 0.45:     # fabric paid within hours of the sale
                        tgt = r.choice(mills)['acct'] if r.random() < 0.7 else r.choice(outside)
                        self.tx_add(ts + r.randint(10 * MIN, 8 * HOUR), a.id, tgt.id, self.amt(y * r.uniform(0.6, 1.1)),
                                    'mobile', loc=d, memo=r.choice(['布款', '货款', '']))
                for _ in range(r.randint(2, 6)):
                    hub = r.choice(self.hub_ap + self.hub_tp)
                    self.tx_add(self.at(m0 + r.uniform(0, ml), 'day'), hub.id, a.id,
                                self.amt(self.lognorm_y(6000, 0.8, 200, 80000)), 'other', memo='平台结算')
            self.spend(p, a, 0, NDAYS, 2, 200, 0.3, night=True)
        for e in self.mills:
            self.employer_flows(e, scale=0.5)

    # ---------------------------------------------------------------- crew leaders (包工头, 搬运队)
    def gen_crew_leaders(self):
        r = self.r
        self.crews = []
        for _ in range(self.n(40)):
            city = r.choices(['ST', 'JY', 'CZ', 'MZ', 'SW'], [4, 4, 2, 2, 1])[0]
            d = self.district(city)
            p = self.la_person(d, 1965, 1990, 'crew_leader')
            a = p['main']
            crew = [m for m in self.migrants if not m.get('paid_by') and m['city'] == city][:r.randint(8, 25)]
            for m in crew:
                m['paid_by'] = a
            if len(crew) < 6:      # locals in the crew
                for _ in range(6 - len(crew)):
                    q = self.la_person(d, 1965, 2000, 'crew_member', n_acc=1, cushion='person_low')
                    q['salary'] = r.uniform(4000, 7000)
                    crew.append(q)
            contractors = [self.employers[city][0]['acct'] if self.employers[city] else self.ext_corp(d)] + \
                          [self.ext_corp(self.pick(self.gd_pick)) for _ in range(2)]
            self.crews.append(p)
            for m0, ml in MONTHS:
                for _ in range(r.randint(1, 3)):
                    d0 = m0 + r.uniform(0, ml - 2)
                    tot = sum(m['salary'] for m in crew) * r.uniform(0.4, 0.8) + r.uniform(5000, 30000)
                    ts = self.at(d0, 'office')
                    self.tx_add(ts, r.choice(contractors).id, a.id, self.amt(tot), 'online',
                                memo=r.choice(['工程款', '劳务费', '进度款', '']))
                    t1 = ts + r.randint(HOUR, 30 * HOUR)
                    for i, m in enumerate(crew):
                        if r.random() < 0.85:
                            self.tx_add(t1 + i * r.randint(20, 200), a.id, m['main'].id,
                                        self.money(m['salary'] * r.uniform(0.4, 0.7), 'round100'), 'mobile', loc=d,
                                        memo=r.choice(['工资', '人工费', '劳务费', '']))
            self.spend(p, a, 0, NDAYS, 2, 150, 0.4)

    # ---------------------------------------------------------------- 汕尾/南澳 fishing boats
    def gen_fishing(self):
        r = self.r
        for _ in range(self.n(24)):
            d = r.choice(['441581', '441521', '441502', '440523', '440512'])
            p = self.la_person(d, 1960, 1988, 'fishing_boat_owner', cushion='person_rich')
            a = p['main']
            crew = [m for m in self.migrants if not m.get('paid_by')][:r.randint(3, 8)]
            while len(crew) < 6:
                q = self.la_person(d, 1960, 2000, 'boat_crew', n_acc=1, cushion='person_low')
                q['salary'] = r.uniform(4000, 8000)
                crew.append(q)
            for m in crew:
                m['paid_by'] = a
            buyers = [self.ext(self.pick(self.gd_pick)) for _ in range(3)]
            fuel = self.ext_corp(d, 'BOC', 'fuel_station')
            for trip_d in list(range(0, MORATORIUM[0], 9)) + list(range(MORATORIUM[1], NDAYS, 5)):
                d0 = trip_d + r.uniform(0, 4)
                ts = self.at(d0, 'market')
                y = self.lognorm_y(60000, 0.6, 8000, 500000)
                self.tx_add(ts, r.choice(buyers).id, a.id, self.amt(y), 'mobile', memo=r.choice(['鱼款', '海鲜款', '']))
                self.tx_add(ts + r.randint(HOUR, 20 * HOUR), a.id, fuel.id, self.amt(y * 0.2), 'pos', loc=d)
                if r.random() < 0.5:
                    t1 = ts + r.randint(2 * HOUR, 48 * HOUR)
                    for i, m in enumerate(crew):
                        self.tx_add(t1 + i * 30, a.id, m['main'].id, self.money(m['salary'] * r.uniform(0.3, 0.6), 'round100'),
                                    'mobile', loc=d, memo='分红' if r.random() < 0.5 else '工资')
            self.tx_add(self.at(140, 'office'), self.treasury['SW'].id, a.id, self.amt(r.uniform(8000, 40000)), 'other',
                        memo='渔业油价补贴')
            self.spend(p, a, 0, NDAYS, 1.5, 150, 0.3)

    # ---------------------------------------------------------------- clan & family pooling
    def gen_clan_pools(self):
        r = self.r
        for _ in range(self.n(64)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            purpose = r.choice(['wedding', 'business', 'house', 'factory', 'car', 'medical'])
            start = r.uniform(0, NDAYS - 25)
            if r.random() < 0.3:   # a new account opened for the pool
                p = self.la_person(d, 1960, 1998, 'clan_pool_newacct', opened=self.at(start - r.uniform(0, 5), 'counter'),
                                   n_acc=1)
            else:
                p = self.la_person(d, 1955, 1995, 'clan_pool_organizer')
            a = p['main']
            members = self.local_people(city, r.randint(4, 14))
            n_out = r.randint(1, 6)
            ts = self.at(start, 'evening')
            tot = 0
            for q in members:
                y = r.choice([2000, 5000, 10000, 10000, 20000, 30000, 50000, 100000])
                tot += y
                t = ts + r.randint(0, 12 * DAY)
                self.tx_add(t, q['main'].id, a.id, y * 100, 'mobile',
                            memo={'wedding': '礼金', 'business': '入股', 'house': '建房', 'factory': '股份',
                                  'car': '借款', 'medical': '医药费'}[purpose] if r.random() < 0.6 else '')
            for _ in range(n_out):
                src = self.ext(self.pick(self.gd_pick))
                y = r.choice([5000, 10000, 20000, 50000])
                tot += y
                self.tx_add(ts + r.randint(0, 12 * DAY), src.id, a.id, y * 100, 'mobile', memo='')
            if r.random() < 0.35:
                cc = r.choice(['TH', 'MY', 'SG', 'HK', 'US'])
                y = r.choice([20000, 30000, 50000, 100000])
                tot += y
                self.tx_add(ts + r.randint(0, 12 * DAY), self.foreign(cc).id, a.id, y * 100, 'online', memo='',
                            cross=True)
            # concentrated out
            t2 = ts + 13 * DAY + r.randint(0, 6 * DAY)
            payees = {'wedding': ['banquet', 'gold'], 'business': ['supplier'], 'house': ['developer'],
                      'factory': ['machine'], 'car': ['car_dealer'], 'medical': ['hospital']}[purpose]
            left = tot
            for k, what in enumerate(payees):
                tgt = self.ext_corp(self.pick(self.gd_pick) if r.random() < 0.5 else d, arch=what)
                y = left * (r.uniform(0.3, 0.6) if k < len(payees) - 1 else r.uniform(0.8, 0.98))
                left -= y
                self.tx_add(t2 + k * r.randint(HOUR, 2 * DAY), a.id, tgt.id, self.amt(y), 'counter' if y > 200000 else 'mobile',
                            loc=d, memo=r.choice(['', '货款', '首付', '设备款', '酒席', '三金']))
            self.spend(p, a, 0, NDAYS, 1.0, 120, 0.2)

    # ---------------------------------------------------------------- temple / festival collections
    def gen_temples(self):
        r = self.r
        for _ in range(self.n(16)):
            fest, day = r.choice([('mazu', MAZU), ('zhongyuan', ZHONGYUAN), ('guandi', GUANDI),
                                  ('ancestral_hall', int(r.uniform(20, 160)))])
            city = 'SW' if fest == 'mazu' and r.random() < 0.6 else self.pick(self.city_pick)
            d = self.district(city)
            p = self.la_person(d, 1945, 1975, 'temple_committee_' + fest)
            a = p['main']
            donors = self.local_people(city, r.randint(30, 140))
            ext_donors = [self.ext(self.pick(self.gd_pick)) for _ in range(r.randint(5, 30))]
            for q in donors + ext_donors:
                acc = q['main'] if isinstance(q, dict) else q
                t = self.at(day - r.uniform(1, 25), 'evening')
                y = r.choice([50, 100, 100, 200, 200, 300, 500, 600, 800, 1000, 1000, 2000, 3000, 6000, 10000])
                self.tx_add(t, acc.id, a.id, y * 100, 'mobile', memo=r.choice(['香油钱', '题缘', '丁钱', '', '', '添油']))
            for _ in range(r.randint(0, 5)):
                cc = r.choice(['TH', 'MY', 'SG', 'HK'])
                self.tx_add(self.at(day - r.uniform(3, 30), 'office'), self.foreign(cc).id, a.id,
                            self.money(r.choice([2000, 5000, 10000, 20000, 50000])), 'online', memo='', cross=True)
            for what in ['opera_troupe', 'fireworks', 'offerings', 'stage_builder', 'catering']:
                tgt = self.ext_corp(d if r.random() < 0.6 else self.pick(self.gd_pick), arch=what)
                self.tx_add(self.at(day + r.uniform(-3, 4), 'day'), a.id, tgt.id,
                            self.amt(self.lognorm_y(20000, 0.7, 2000, 150000)), r.choice(['mobile', 'counter']),
                            loc=d, memo=r.choice(['戏金', '', '货款', '订金']))
            for _ in range(r.randint(1, 4)):
                self.tx_add(self.at(day + r.uniform(-5, 3), 'counter'), a.id, None,
                            r.choice([5000, 10000, 20000, 30000]) * 100, 'counter', kind='withdrawal', loc=d)
            self.spend(p, a, 0, NDAYS, 0.8, 80, 0.3)

    # ---------------------------------------------------------------- 侨汇 relays
    def gen_qiaohui(self):
        r = self.r
        for _ in range(self.n(46)):
            city = r.choices(['MZ', 'ST', 'CZ', 'JY'], [5, 3, 2, 1])[0]
            d = self.pick(self.dist_pick[city])
            p = self.la_person(d, 1945, 1978, 'qiaohui_relay', cushion='person_rich')
            a = p['main']
            cc = r.choice(['TH', 'TH', 'MY', 'SG', 'ID', 'HK', 'US'])
            abroad = [self.foreign(cc, 'overseas_relative') for _ in range(r.randint(1, 3))]
            rel = self.local_people(city, r.randint(3, 8)) + [{'main': self.ext(self.pick(self.gd_pick))}
                                                              for _ in range(r.randint(0, 3))]
            days = [QINGMING - r.uniform(2, 8), DUANWU - r.uniform(2, 8), ZHONGYUAN - r.uniform(2, 8)]
            days += [r.uniform(0, NDAYS) for _ in range(r.randint(0, 3))]
            for dd in days:
                ts = self.at(dd, 'office')
                y = self.lognorm_y(20000, 0.7, 3000, 200000)
                self.tx_add(ts, r.choice(abroad).id, a.id, self.money(y, 'round100'), 'online', memo=r.choice(['侨汇', '', '家用']),
                            cross=True)
                t1 = ts + r.randint(2 * HOUR, 3 * DAY)
                shares = r.sample(rel, min(len(rel), r.randint(2, 6)))
                for i, q in enumerate(shares):
                    ch = 'counter' if p['age'] > 65 and r.random() < 0.5 else 'mobile'
                    self.tx_add(t1 + i * r.randint(60, 3000), a.id, q['main'].id,
                                self.money(y * r.uniform(0.5, 0.95) / len(shares), 'round100'), ch, loc=d,
                                memo=r.choice(['', '侨汇', '家用', '清明', '过节']))
            self.spend(p, a, 0, NDAYS, 0.8, 100, 0.5)

    # ---------------------------------------------------------------- 标会 rotating savings clubs
    def gen_biaohui(self):
        r = self.r
        for _ in range(self.n(30)):
            city = r.choices(['ST', 'JY', 'CZ', 'SW', 'MZ'], [4, 4, 2, 2, 1])[0]
            d = self.district(city)
            p = self.la_person(d, 1955, 1985, 'biaohui_head', cushion='person_rich')
            a = p['main']
            members = self.local_people(city, r.randint(10, 24))
            share = r.choice([1000, 2000, 3000, 5000, 10000])
            mday = r.randint(1, 26)
            winners = r.sample(members, min(len(members), 6))
            for k, (m0, ml) in enumerate(MONTHS):
                day = m0 + mday - 1
                for q in members:
                    self.tx_add(self.at(day - r.uniform(0, 1.5), 'evening'), q['main'].id, a.id, share * 100, 'mobile',
                                loc=q['district'], memo=r.choice(['会款', '标会', '', '']))
                w = winners[k]
                pot = share * len(members) * r.uniform(0.85, 0.97)
                self.tx_add(self.at(day + r.uniform(0.2, 1.0), 'evening'), a.id, w['main'].id, self.money(pot, 'round100'),
                            'mobile', loc=d, memo=r.choice(['会款', '标会', '']))
            self.spend(p, a, 0, NDAYS, 1.5, 120, 0.3)

    # ---------------------------------------------------------------- markets, stalls and wholesalers
    def gen_markets(self):
        r = self.r
        self.wholesalers = []
        for _ in range(self.n(16)):
            d = r.choice(['440511', '440511', '441502', '445202', '440513'])
            p = self.la_person(d, 1965, 1990, 'market_wholesaler', cushion='person_rich')
            p['suppliers'] = [self.ext(self.pick(self.gd_pick)) for _ in range(3)] + \
                             [q['main'] for q in self.farmers_fish[:0]]
            self.wholesalers.append(p)
        for _ in range(self.n(80)):
            city = r.choices(['ST', 'JY', 'CZ', 'SW', 'MZ'], [4, 3, 2, 2, 2])[0]
            d = self.district(city)
            p = self.la_person(d, 1960, 1995, 'market_stall', cushion='person')
            a = p['main']
            ws = [w for w in self.wholesalers if w['city'] == city] or self.wholesalers
            mine = r.sample(ws, min(len(ws), 2))
            dd = r.uniform(0, 2)
            while dd < NDAYS:
                hub = r.choice(self.hub_tp) if r.random() < 0.7 else r.choice(self.hub_ap)
                self.tx_add(int(dd) * DAY + 6 * HOUR + r.randrange(4 * HOUR), hub.id, a.id,
                            self.money(self.lognorm_y(1500, 0.6, 100, 20000)), 'other', memo='商户结算')
                dd += r.choice([2, 3, 4, 5])
            for _ in range(self.pois(20)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'market'), a.id, r.choice(mine)['main'].id,
                            self.amt(self.lognorm_y(2500, 0.7, 200, 40000)), 'mobile', loc=d,
                            memo=r.choice(['', '货款', '鱼款', '菜款']))
            for _ in range(self.pois(4)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'counter'), None, a.id, self.amt(r.uniform(2000, 20000)),
                            'counter', kind='deposit', loc=d)
            self.spend(p, a, 0, NDAYS, 1.5, 100, 0.3)
        for w in self.wholesalers:
            a = w['main']
            for _ in range(self.pois(40)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'market'), a.id, r.choice(w['suppliers']).id,
                            self.amt(self.lognorm_y(20000, 0.8, 1000, 300000)), 'mobile', loc=w['district'],
                            memo=r.choice(['', '货款', '鱼款']))
            self.spend(w, a, 0, NDAYS, 1.5, 200, 0.2)

    # ---------------------------------------------------------------- own cards (multi-bank savers)
    def gen_shufflers(self):
        r = self.r
        for _ in range(self.n(70)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            banks = r.sample(['ICBC', 'CCB', 'ABC', 'PSBC', 'BOC', 'CMB', LOCAL_BANK[city], 'PAB'], r.randint(3, 5))
            p = self.la_person(d, 1950, 1990, 'multi_bank_saver', bank=banks[0], n_acc=1, cushion='person_rich')
            # some cards opened recently, within a fortnight, chasing deposit rates (大额存单)
            t_new = r.uniform(-20, NDAYS - 30)
            for b in banks[1:]:
                if r.random() < 0.5:
                    op = self.at(t_new + r.uniform(0, 14), 'counter')
                    arch = 'multi_bank_saver_newcard'
                else:
                    op = self.old_open(0.5, 15)
                    arch = 'multi_bank_saver'
                p['accts'].append(self.new_acct(p['hid'], b, op, d, 'I', False, 'lawful', arch, 'person_rich'))
            accs = p['accts']
            bal = self.lognorm_y(300000, 0.7, 50000, 3000000)
            for _ in range(r.randint(3, 12)):
                src, dst = r.sample(accs, 2)
                ts = self.at(max(t_new, 0) + r.uniform(0, NDAYS - max(t_new, 0)), 'counter')
                y = bal * r.uniform(0.2, 0.9)
                self.tx_add(ts, src.id, dst.id, self.money(y, 'round1000'), r.choice(['counter', 'mobile', 'online']),
                            loc=d, memo=r.choice(['转存', '大额存单', '理财', '', '']))
                if r.random() < 0.4:   # passes straight on to a third card
                    dst2 = r.choice([x for x in accs if x is not dst])
                    self.tx_add(ts + r.randint(2 * MIN, 2 * HOUR), dst.id, dst2.id, self.money(y, 'round1000'),
                                'mobile', loc=d, memo='')
            self.spend(p, accs[0], 0, NDAYS, 2, 150, 0.3)

    # ---------------------------------------------------------------- students with new cards
    def gen_students(self):
        r = self.r
        self.students = []
        for _ in range(self.n(260)):
            d = self.pick(self.uni_pick)
            home = self.district() if r.random() < 0.6 else (self.pick(self.gd_pick) if r.random() < 0.5
                                                             else self.pick(self.nation_pick))
            new = r.random() < 0.65
            if new:
                od = r.choice([r.uniform(0, 20), r.uniform(100, 140)])      # new term / summer jobs
                opened = self.at(od, 'counter')
            else:
                od = 0
                opened = self.old_open(0.3, 3)
            p = self.la_person(d, 2002, 2006, 'student_newcard' if new else 'student', id_region=home, opened=opened,
                               n_acc=1, cls='I' if r.random() < 0.6 else 'II', cushion='new')
            self.students.append(p)
            a = p['main']
            parent = self.ext(home) if not home.startswith('44') or r.random() < 0.5 else \
                (r.choice(self.by_city[CITY_OF[home]])['main'] if home in CITY_OF else self.ext(home))
            for m0, ml in MONTHS:
                if m0 + ml < od:
                    continue
                self.tx_add(self.at(max(m0, od + 0.5) + r.uniform(0, 6), 'evening'), parent.id, a.id,
                            self.money(r.choice([800, 1000, 1200, 1500, 2000, 2500])), 'mobile', memo=r.choice(['生活费', '', '']))
            if r.random() < 0.25:   # class monitor collecting 班费 / group buys from many classmates
                a.arch = 'student_class_monitor'
                mates = [r.choice(self.students)['main'] if self.students and r.random() < 0.4 else self.ext(d)
                         for _ in range(r.randint(10, 40))]
                dd = max(od + 1, r.uniform(5, 110))
                for q in mates:
                    if q is a:
                        continue
                    self.tx_add(self.at(dd + r.uniform(0, 3), 'evening'), q.id, a.id,
                                self.money(r.choice([20, 30, 50, 50, 100, 150, 200])), 'mobile',
                                memo=r.choice(['班费', '拼单', 'AA', '']))
                self.tx_add(self.at(dd + r.uniform(3, 8), 'day'), a.id, self.ext_corp(d, arch='shop').id,
                            self.amt(len(mates) * 60 * r.uniform(0.7, 1.0)), 'mobile', loc=d, memo='')
            if od >= 100 or r.random() < 0.2:   # part-time / summer job wages
                emp = self.ext_corp(self.pick(self.gd_pick)) if r.random() < 0.5 else \
                    r.choice(self.employers[r.choice(['ST', 'JY', 'CZ'])])['acct']
                for k in range(r.randint(1, 3)):
                    self.tx_add(self.at(max(od, 120) + 10 + 30 * k + r.uniform(0, 3), 'office'), emp.id, a.id,
                                self.amt(r.uniform(1200, 4000)), 'other', memo='工资')
            self.spend(p, a, od, NDAYS, 3.0, 45, 0.2)

    # ---------------------------------------------------------------- employees' collection cards (老板代收)
    def gen_collection_cards(self):
        r = self.r
        for _ in range(self.n(40)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            p = self.la_person(d, 1985, 2003, 'boss_collection_card', cushion='person_low')
            a = p['main']
            boss = r.choice(self.by_city[city])['main'] if r.random() < 0.6 else self.ext(d)
            customers = [self.ext(self.pick(self.nation_pick)) for _ in range(r.randint(20, 60))]
            dd = r.uniform(0, 3)
            while dd < NDAYS:
                k = r.randint(1, 4)
                tot = 0
                for _ in range(k):
                    y = self.lognorm_y(1500, 1.0, 50, 30000)
                    tot += y
                    self.tx_add(self.at(dd, 'day'), r.choice(customers).id, a.id, self.amt(y), 'mobile',
                                memo=r.choice(['', '', '货款', '定金']))
                self.tx_add(int(dd) * DAY + 20 * HOUR + r.randrange(3 * HOUR), a.id, boss.id, self.amt(tot * 0.98),
                            'mobile', loc=d, memo=r.choice(['', '今日货款', '货款']))
                dd += r.choice([2, 3, 4, 5])
            self.spend(p, a, 0, NDAYS, 1.5, 80, 0.2)

    # ---------------------------------------------------------------- 凤凰单丛 tea farmers
    def gen_tea(self):
        r = self.r
        for _ in range(self.n(30)):
            d = '445103'
            p = self.la_person(d, 1955, 1990, 'tea_farmer', cushion='person')
            a = p['main']
            pickers = self.local_people('CZ', r.randint(4, 12))
            buyers = [self.ext(self.pick(self.nation_pick)) for _ in range(r.randint(10, 50))]
            for _ in range(r.randint(15, 70)):
                dd = r.uniform(40, 100)    # spring tea sells mid-April to early June
                self.tx_add(self.at(dd, 'day'), r.choice(buyers).id, a.id, self.amt(self.lognorm_y(3000, 0.9, 300, 50000)),
                            'mobile', memo=r.choice(['', '茶叶', '单丛', '茶款']))
            for q in pickers:
                self.tx_add(self.at(r.uniform(50, 70), 'evening'), a.id, q['main'].id, self.amt(r.uniform(1500, 5000)),
                            'mobile', loc=d, memo=r.choice(['工钱', '采茶', '']))
            for _ in range(r.randint(1, 3)):
                self.tx_add(self.at(r.uniform(40, 70), 'counter'), a.id, None, r.choice([5000, 10000, 20000]) * 100,
                            'counter', kind='withdrawal', loc=d)
            self.spend(p, a, 30, 110, 1.0, 100, 0.2)

    # ---------------------------------------------------------------- gold and phone shops
    def gen_gold_shops(self):
        r = self.r
        self.gold_shops = []
        for _ in range(self.n(18)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            hid = self.uscc(d, '92' if r.random() < 0.5 else '91')
            a = self.new_acct(hid, self.local_bank(city), self.old_open(1, 15), d, 'corp', True, 'lawful',
                              r.choice(['gold_shop', 'gold_shop', 'phone_shop']), 'corp')
            self.gold_shops.append(a)
            wholesale = self.ext_corp('440303', arch='gold_wholesale')
            for _ in range(self.pois(40)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'day'), r.choice(self.by_city[city])['main'].id, a.id,
                            self.amt(self.lognorm_y(8000, 0.9, 500, 200000)), 'mobile', memo=r.choice(['', '黄金', '三金', '货款']))
            dd = r.uniform(0, 2)
            while dd < NDAYS:
                self.tx_add(int(dd) * DAY + 8 * HOUR + r.randrange(2 * HOUR), self.hub_ums.id, a.id,
                            self.money(self.lognorm_y(12000, 0.8, 200, 200000)), 'other', memo='POS结算')
                dd += r.choice([1, 2, 3])
            for _ in range(self.pois(12)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'office'), a.id, wholesale.id,
                            self.amt(self.lognorm_y(150000, 0.6, 20000, 2000000)), 'online', loc=d, memo='货款')

    # ---------------------------------------------------------------- 代购 / 微商
    def gen_daigou(self):
        r = self.r
        for _ in range(self.n(40)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            p = self.la_person(d, 1988, 2003, 'daigou_weishang', cushion='person_low')
            a = p['main']
            for _ in range(self.pois(40)):
                ts = self.at(r.uniform(0, NDAYS), 'evening')
                y = self.lognorm_y(500, 0.9, 30, 8000)
                self.tx_add(ts, self.ext(self.pick(self.nation_pick)).id, a.id, self.amt(y), 'mobile',
                            memo=r.choice(['', '', '代购', '货款', '定金']))
                if r.random() < 0.5:
                    self.tx_add(ts + r.randint(30 * MIN, 2 * DAY), a.id, r.choice(self.hub_ap + self.hub_tp).id,
                                self.amt(y * r.uniform(0.7, 0.9)), 'mobile', loc=d, memo='')
            self.spend(p, a, 0, NDAYS, 2, 100, 0.2)

    # ---------------------------------------------------------------- dormant account suddenly moving a house sale
    def gen_property_sales(self):
        r = self.r
        for _ in range(self.n(20)):
            city = self.pick(self.city_pick)
            d = self.district(city)
            p = self.la_person(d, 1945, 1970, 'property_sale_dormant', cushion='person_low')
            a = p['main']
            dd = r.uniform(10, NDAYS - 15)
            buyer = self.ext(self.pick(self.gd_pick))
            y = self.lognorm_y(700000, 0.5, 200000, 3000000)
            self.tx_add(self.at(dd, 'counter'), buyer.id, a.id, self.money(y, 'round1000'), 'counter', memo='购房款')
            kids = (p['kin'] or self.local_people(city, 3))[:4] or self.local_people(city, 3)
            kids = self.local_people(city, r.randint(2, 4))
            t1 = self.at(dd + r.uniform(0.5, 6), 'counter')
            for i, q in enumerate(kids):
                self.tx_add(t1 + i * r.randint(120, 1800), a.id, q['main'].id, self.money(y * r.uniform(0.15, 0.3), 'round1000'),
                            'counter', loc=d, memo=r.choice(['', '分家', '房款']))

    # ---------------------------------------------------------------- 揭阳 军埔 e-commerce village
    def gen_ecommerce(self):
        r = self.r
        for _ in range(self.n(40)):
            d = '445203'
            p = self.la_person(d, 1985, 2002, 'ecommerce_seller', cushion='person')
            a = p['main']
            sups = [w['main'] for w in r.sample(self.textile, min(3, len(self.textile)))] + \
                   [self.ext_corp('440105')]
            dd = r.uniform(0, 2)
            while dd < NDAYS:
                self.tx_add(int(dd) * DAY + 9 * HOUR + r.randrange(10 * HOUR), r.choice(self.hub_ap + self.hub_tp).id, a.id,
                            self.money(self.lognorm_y(5000, 0.8, 100, 100000)), 'other', memo='平台结算')
                dd += r.choice([2, 3, 4, 5])
            for _ in range(self.pois(25)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'late'), a.id, r.choice(sups).id,
                            self.amt(self.lognorm_y(8000, 0.8, 500, 150000)), 'mobile', loc=d, memo=r.choice(['拿货', '货款', '']))
            for _ in range(self.pois(10)):
                self.tx_add(self.at(r.uniform(0, NDAYS), 'day'), a.id, r.choice(self.couriers).id,
                            self.amt(self.lognorm_y(3000, 0.6, 200, 30000)), 'mobile', loc=d, memo='快递费')
            self.spend(p, a, 0, NDAYS, 2, 150, 0.2)


# ============================================================================================
# fraud
TYPOLOGIES = {
    # name: (payments lo, hi, median yuan, sigma, span days, growth, victim age band, channels)
    'brushing': (3, 6, 300, 0.5, 0.3, 2.6, 'young', ['mobile']),
    'fake_job': (1, 3, 600, 0.7, 1.5, 1.3, 'young', ['mobile']),
    'game_trade': (1, 3, 800, 0.8, 0.5, 1.3, 'young', ['mobile']),
    'shopping_service': (1, 2, 700, 0.8, 0.5, 1.0, 'young', ['mobile']),
    'ecommerce_cs': (1, 4, 9000, 0.8, 0.2, 1.3, 'mid', ['mobile', 'mobile', 'online']),
    'loan_card': (2, 5, 2500, 0.7, 2.0, 1.4, 'young', ['mobile']),
    'credit_record': (1, 5, 20000, 0.8, 0.3, 1.3, 'young', ['mobile', 'online']),
    'investment': (3, 12, 30000, 0.9, 50.0, 1.5, 'mid', ['mobile', 'online', 'counter']),
    'romance': (3, 10, 20000, 0.9, 45.0, 1.4, 'mid', ['mobile', 'online']),
    'police_gov': (1, 4, 100000, 0.8, 2.0, 1.2, 'old', ['counter', 'online', 'mobile', 'atm']),
    'parcel': (1, 3, 60000, 0.8, 1.5, 1.2, 'old', ['online', 'mobile', 'counter']),
    'phone_bill': (1, 2, 40000, 0.8, 1.0, 1.1, 'old', ['counter', 'online', 'atm']),
    'leader_acquaintance': (1, 2, 30000, 0.9, 0.1, 1.0, 'mid', ['mobile', 'online']),
    'military_purchase': (1, 3, 40000, 0.7, 3.0, 1.2, 'biz', ['online']),
    'accident_kidnap': (1, 2, 20000, 0.6, 0.1, 1.0, 'old', ['mobile', 'counter', 'atm']),
    'prize': (1, 3, 3000, 0.8, 1.0, 1.5, 'old', ['mobile', 'atm']),
    'subsidy_refund': (1, 2, 8000, 0.7, 0.1, 1.2, 'old', ['atm']),
}
VICTIM_MEMO = {'fake_job': ['培训费', '服装费', '保证金', ''], 'loan_card': ['解冻费', '保证金', '流水', ''],
               'military_purchase': ['货款', '垫付'], 'investment': ['', '', '投资', '入金'],
               'prize': ['手续费', '税费', ''], 'police_gov': ['', '', '资金清查'], 'ecommerce_cs': ['', '', '退款', '备用金']}
P_KNOW = {'L1': 0.6, 'paofen': 0.45, 'L2': 0.3, 'L3': 0.2, 'cash': 0.35, 'ushang': 0.3, 'op': 0.15, 'gold': 0.15,
          'pay': 0.15}
P_FREEZE = {'L1': 0.7, 'paofen': 0.55, 'L2': 0.6, 'L3': 0.5, 'cash': 0.5, 'ushang': 0.7, 'op': 0.5, 'gold': 0.3,
            'pay': 0.0}
TK_OF = {'L2': 'layering', 'L3': 'layering', 'cycle': 'layering', 'cash': 'layering', 'ushang': 'to_ushang',
         'pay': 'to_payment_firm', 'gold': 'to_merchant', 'op': 'to_operator'}


class Fraud:
    def push(self, ts, fn, *args):
        self.hseq += 1
        heapq.heappush(self.heap, (int(ts), self.hseq, fn, args))

    def frozen(self, a, ts):
        return a.frozen_at is not None and a.frozen_at <= ts

    # ---------------------------------------------------------------- candidate pools of lawful accounts
    def lawful_pools(self):
        r = self.r
        rent, young = [], []
        for p in self.persons:
            a = p['main']
            if a.role != 'lawful' or a.opened is None or a.opened > -150 * DAY or a.cls == 'corp':
                continue
            if p['kind'] in ('worker', 'homemaker', 'young_urban', 'farmer', 'migrant_worker', 'student',
                             'crew_member', 'boat_crew', 'farmer_fisher') and p['age'] <= 62:
                rent.append(p)
                if p['age'] <= 32:
                    young.append(p)
        r.shuffle(rent)
        r.shuffle(young)
        self.rent_pool = rent
        self.young_pool = young

    def take_lawful(self, pool, want_row=True):
        for i in range(len(pool)):
            p = pool[i]
            a = p['main']
            if a.role == 'lawful' and (a.row or not want_row or self.r.random() < 0.15):
                pool.pop(i)
                return p
        return None

    # ---------------------------------------------------------------- mule accounts
    def mule_region(self, layer):
        r = self.r
        if layer in ('L1', 'cash'):
            return self.district() if r.random() < 0.85 else self.pick(self.gd_pick)
        if layer == 'L2':
            x = r.random()
            return self.district() if x < 0.4 else (self.pick(self.gd_pick) if x < 0.65 else self.pick(self.nation_pick))
        return self.district() if r.random() < 0.25 else (self.pick(self.gd_pick) if r.random() < 0.4 else self.pick(self.nation_pick))

    def mule_bank(self, region, rowed_share):
        r = self.r
        if region.startswith('44') and r.random() < rowed_share:
            c = CITY_OF.get(region)
            opts = ['ICBC', 'CCB', 'ABC', 'PSBC'] + ([LOCAL_BANK[c]] if c and LOCAL_BANK[c] in SUPPLY_START_DAY else [])
            return r.choice(opts)
        if region.startswith('44'):
            return r.choice(NONSUPPLY)
        return self.pick(self.nat_bank_pick) if r.random() < 0.85 else 'RCB'

    def make_mule(self, g, layer, arch, ws, we, rowed_share):
        r = self.r
        a = None
        if arch in ('rented', 'sold'):
            p = self.take_lawful(self.rent_pool, want_row=r.random() < rowed_share + 0.1)
            if p is not None:
                a = p['main']
                a.arch = 'mule_rented_old' if arch == 'rented' else 'mule_sold_old'
                a.owner = p
            else:
                arch = 'fresh'
        if arch == 'farmer':
            cards = [c for c in self.farmer_cards if not c.used and c.role == 'farmer_card'
                     and c.opened + 5 * DAY <= ws and (c.group is None or c.group == g['name'])]
            if layer == 'L1':
                cards = [c for c in cards if c.row] or cards
            if cards:
                a = r.choice(cards)
                a.used = True
                a.role = 'mule'
                a.arch = 'farmer_card_used_' + layer
                a.group = g['name']
            else:
                arch = 'fresh'
        if a is None:
            region = self.mule_region(layer)
            bank = self.mule_bank(region, rowed_share)
            if arch == 'aged':
                opened = self.at(ws / DAY - r.uniform(20, 110), 'counter')
            else:
                opened = self.at(ws / DAY - r.uniform(0.4, 10), 'counter')
                arch = 'fresh'
            idreg = region if (region.startswith('44') and r.random() < 0.75) else self.pick(self.nation_pick)
            hid = self.id_number(idreg if len(idreg) == 6 else region, 1978, 2005)
            cls = 'I' if r.random() < 0.75 else 'II'
            a = self.new_acct(hid, bank, opened, region, cls, False, 'mule', 'mule_%s_%s' % (arch, layer), 'mule_new')
            if arch == 'aged':
                self.aging(a, ws, g)
        a.role = 'mule'
        a.layer = layer
        a.group = g['name']
        a.ws = int(ws)
        a.we = int(we)
        a.speed = g['speed'] if layer != 'paofen' else 'fast'
        if layer == 'cash':
            if self.hard:
                a.cash_region = a.region if r.random() < 0.7 else self.district(CITY_OF.get(a.region) or 'ST')
            else:
                a.cash_region = self.pick(self.far_pick)
                if a.cash_region == a.region:
                    a.cash_region = '450681'
        return a

    def aging(self, a, ws, g):
        """养卡: a few small moves to keep a held card alive, and a 验卡 test"""
        r = self.r
        t_open = a.opened
        for _ in range(r.randint(0, 4)):
            ts = int(r.uniform(t_open + DAY, ws - DAY))
            self.tx_add(ts, a.id, self.hub().id, self.money(r.uniform(5, 80)), 'mobile', memo='', tk='card_aging')
        self.test_transfer(a, ws, g)

    def test_transfer(self, a, ws, g):
        r = self.r
        src = g['op_ext']
        ts = int(ws - r.uniform(0.2, 3) * DAY)
        f = r.choice([1, 1, 100, 100, 1000])
        self.tx_add(ts, src.id, a.id, f, 'mobile', memo='', tk='card_test')
        if r.random() < 0.5:
            self.tx_add(ts + r.randint(60, 1800), a.id, src.id, f, 'mobile', memo='', tk='card_test')

    # ---------------------------------------------------------------- card farmers
    def gen_farmers(self):
        r = self.r
        self.farmer_cards = []
        nf = 14
        for i in range(nf):
            local = r.random() < 0.5
            if local:
                home = self.district()
                hid = self.id_number(home, 1982, 2003)
                hc = CITY_OF[home]
                own = self.new_acct(hid, self.local_bank(hc), self.old_open(1, 8), home, 'I', False, 'farmer_card',
                                    'farmer_own_account', 'person_low')
                cities = r.sample([c for c, _ in CITY_W if c != hc] + ['GD', 'GD'], r.randint(2, 4))
            else:
                home = self.pick(self.farmhome_pick)
                hid = self.id_number(home, 1980, 2002)
                own = self.new_acct(hid, self.pick(self.nat_bank_pick), self.old_open(1, 8), home, 'I', False,
                                    'farmer_card', 'farmer_own_account', 'person_low')
                cities = r.sample([c for c, _ in CITY_W], r.randint(2, 3)) + (['HOME'] if r.random() < 0.4 else [])
            own.farmer = 1
            start = r.uniform(-50, 125)
            f = {'hid': hid, 'own': own, 'cards': [], 'batches': [], 'local': local, 'home': home}
            day = start
            for c in cities:
                if c == 'GD':
                    dists = [self.pick(self.gd_pick)]
                elif c == 'HOME':
                    dists = [home]
                else:
                    dists = [self.pick(self.dist_pick[c])]
                nb = r.randint(3, 6)
                banks = r.sample(['ICBC', 'CCB', 'ABC', 'PSBC', 'BOC', 'CMB', 'BOCOM', 'PAB', 'CIB', 'GDB'] +
                                 ([LOCAL_BANK[c]] if c in LOCAL_BANK else []), nb)
                batch = []
                for b in banks:
                    dd = dists[0]
                    op = self.at(day + r.uniform(0, 1.5), 'counter')
                    a = self.new_acct(hid, b, op, dd, 'I' if r.random() < 0.8 else 'II', False, 'farmer_card',
                                      'farmer_card_idle', 'mule_new')
                    a.farmer = 1
                    batch.append(a)
                    f['cards'].append(a)
                    self.farmer_cards.append(a)
                f['batches'].append(batch)
                day += r.uniform(1.5, 4)
            self.farmers.append(f)
            # the farmer's own account keeps a modest ordinary life
            if own.row:
                pp = {'hid': hid, 'district': home, 'tp': None, 'ap': None}
                self.spend(pp, own, 0, NDAYS, 1.5, 80, 0.3)
        # card farmers sell their sets to one group's dealer; the group is fixed when the first card is used
        r.shuffle(self.farmer_cards)

    # ---------------------------------------------------------------- U商 (crypto OTC sellers)
    def gen_ushang(self):
        r = self.r
        self.ushang = []
        specs = [('440507', True), ('440511', True), ('445281', True), ('440306', False), ('350203', False)]
        for d, local in specs:
            hid = self.id_number(d if d.startswith('44') else d, 1985, 2000)
            accs = []
            k = r.randint(2, 3)
            for j in range(k):
                bank = (r.choice(['ICBC', 'CCB', 'ABC', 'PSBC']) if (local and j < 2) else r.choice(NONSUPPLY))
                region = d
                a = self.new_acct(hid, bank, self.old_open(0.3, 5), region, 'I', False, 'ushang', 'ushang_otc', 'person')
                a.layer = 'ushang'
                a.ws, a.we = 0, END
                accs.append(a)
            u = {'hid': hid, 'accts': accs, 'district': d, 'sellers': [self.ext() for _ in range(r.randint(10, 25))]}
            self.ushang.append(u)
            # lawful retail buyers of USDT (not fraud money)
            for a in accs:
                for _ in range(self.pois(10)):
                    ts = self.at(r.uniform(0, NDAYS), 'evening')
                    if r.random() < 0.5 and self.young_pool:
                        src = r.choice(self.young_pool)['main']
                    else:
                        src = self.ext()
                    self.push(ts, self.ev_lawful_in, a, src, self.amt(self.lognorm_y(8000, 0.9, 500, 80000)))

    def ushang_acct(self, ts):
        r = self.r
        u = r.choice(self.ushang)
        for a in u['accts']:
            if not self.frozen(a, ts) and a.opened + HOUR <= ts:
                return a
        # all cards frozen: the U商 opens a new one
        bank = r.choice(['ICBC', 'CCB', 'ABC', 'PSBC'] + NONSUPPLY)
        a = self.new_acct(u['hid'], bank, int(ts - r.uniform(0.2, 3) * DAY), u['district'], 'I', False, 'ushang',
                          'ushang_otc_newcard', 'mule_new')
        a.layer = 'ushang'
        a.ws, a.we = 0, END
        u['accts'].append(a)
        return a

    def ev_lawful_in(self, ts, a, src, fen):
        if a.opened is not None and ts < a.opened:
            return
        self.tx_add(ts, src.id, a.id, fen, 'mobile', memo=self.r.choice(['', '', 'USDT', '货款']))
        a.fbal += fen
        if not a.pending:
            a.pending = True
            self.push(ts + self.r.randint(HOUR, 20 * HOUR), self.ev_ushang, a)

    # ---------------------------------------------------------------- groups
    def gen_fraud(self):
        r = self.r
        hard = self.hard
        self.lawful_pools()
        self.gen_farmers()
        self.gen_ushang()
        slow = 'slow'
        self.groups = [
            dict(name='G1', typ=['police_gov', 'credit_record', 'parcel', 'phone_bill'], cases=130, speed=slow,
                 npaofen=0, n1=26, n2=16, n3=10, ncash=8, local_op='445224',
                 ex1={'L2': .85, 'cash': .07, 'ushang': .08},
                 ex2={'L3': .5, 'cash': .22, 'ushang': .18, 'pay': .05, 'gold': .03, 'op': .02},
                 ex3={'ushang': .45, 'cash': .3, 'pay': .1, 'op': .1, 'gold': .03, 'cycle': .02}),
            dict(name='G2', typ=['brushing', 'fake_job', 'game_trade'], cases=300, speed='fast' if not hard else slow,
                 npaofen=45, n1=22, n2=14, n3=6, ncash=6, local_op=None,
                 ex1={'L2': .9, 'ushang': .05, 'pay': .05},
                 ex2={'L3': .3, 'ushang': .4, 'cash': .15, 'pay': .15},
                 ex3={'ushang': .6, 'cash': .2, 'pay': .15, 'op': .05}),
            dict(name='G3', typ=['investment', 'romance'], cases=110, speed='fast' if not hard else slow,
                 npaofen=0, n1=24, n2=16, n3=10, ncash=5, local_op=None,
                 ex1={'L2': .95, 'ushang': .05},
                 ex2={'L3': .55, 'ushang': .35, 'cash': .05, 'op': .05},
                 ex3={'ushang': .75, 'cash': .1, 'op': .1, 'cycle': .05}),
            dict(name='G4', typ=['ecommerce_cs', 'loan_card'], cases=280, speed='fast' if not hard else slow,
                 npaofen=0, n1=34, n2=18, n3=8, ncash=10, local_op=None,
                 ex1={'L2': .85, 'cash': .1, 'ushang': .05},
                 ex2={'L3': .35, 'cash': .3, 'ushang': .2, 'gold': .08, 'pay': .07},
                 ex3={'cash': .45, 'ushang': .35, 'pay': .1, 'gold': .05, 'op': .05}),
            dict(name='G5', typ=['shopping_service', 'game_trade', 'brushing'], cases=250,
                 speed='fast', npaofen=40, n1=18, n2=12, n3=5, ncash=5, local_op=None,
                 ex1={'L2': .9, 'pay': .1},
                 ex2={'L3': .25, 'ushang': .45, 'pay': .2, 'cash': .1},
                 ex3={'ushang': .6, 'cash': .2, 'pay': .15, 'op': .05}),
            dict(name='G6', typ=['leader_acquaintance', 'military_purchase', 'accident_kidnap', 'prize',
                                 'subsidy_refund'], cases=150, speed=slow, npaofen=0, n1=24, n2=12, n3=6, ncash=10,
                 local_op='441581',
                 ex1={'L2': .8, 'cash': .15, 'ushang': .05},
                 ex2={'L3': .3, 'cash': .45, 'ushang': .15, 'op': .05, 'gold': .05},
                 ex3={'cash': .5, 'ushang': .3, 'op': .15, 'pay': .05}),
        ]
        if hard:
            mix1 = [('fresh', .12), ('aged', .18), ('rented', .35), ('sold', .27), ('farmer', .08)]
        else:
            mix1 = [('fresh', .35), ('aged', .18), ('rented', .14), ('sold', .11), ('farmer', .22)]
        mix2 = [('fresh', .35), ('aged', .15), ('farmer', .35), ('sold', .15)]
        mixc = [('fresh', .4), ('farmer', .45), ('sold', .15)]
        self.all_mules = []
        for g in self.groups:
            # operators: controllers' accounts, mostly outside the data
            g['op_ext'] = self.new_acct(self.id_number(self.pick(self.nation_pick), 1975, 1998), r.choice(['CMB', 'PAB', 'CIB']),
                                        self.old_open(0.5, 5), self.pick(self.gd_pick), 'I', False, 'operator',
                                        'operator_collector', 'person')
            g['ops'] = [g['op_ext']]
            if g['local_op']:
                d = g['local_op']
                a = self.new_acct(self.id_number(d, 1975, 1998), r.choice(['ICBC', 'ABC', 'CCB']), self.old_open(1, 10),
                                  d, 'I', False, 'operator', 'operator_local', 'person_rich')
                g['ops'].append(a)
            for a in g['ops']:
                a.layer = 'op'
                a.group = g['name']
                a.ws, a.we = 0, END
            g['wallets'] = [self.new_acct('', r.choice(['ALIPAY', 'TENPAY']), None, None, 'II', False, 'mule',
                                          'payment_firm_exit_wallet') for _ in range(r.randint(4, 10))]
            for w in g['wallets']:
                w.layer = 'pay'
            # pools
            g['L1'] = self.pool(g, 'L1', g['n1'], (5, 25), mix1, 0.8)
            g['L2'] = self.pool(g, 'L2', g['n2'], (15, 50), mix2, 0.5)
            g['L3'] = self.pool(g, 'L3', g['n3'], (20, 70), mix2, 0.35)
            g['cash'] = self.pool(g, 'cash', g['ncash'], (10, 40), mixc, 0.92)
            g['paofen'] = []
            for _ in range(g['npaofen']):
                ws = r.uniform(-5, NDAYS - 8) * DAY
                we = ws + r.uniform(10, 50) * DAY
                if r.random() < 0.65:
                    p = self.take_lawful(self.young_pool, want_row=r.random() < 0.85)
                else:
                    p = None
                if p is not None:
                    a = p['main']
                    a.arch = 'paofen_own_card'
                    a.owner = p
                else:
                    d = self.district()
                    a = self.new_acct(self.id_number(d, 1995, 2005), self.mule_bank(d, 0.8),
                                      self.at(ws / DAY - r.uniform(0.5, 10), 'any'), d, 'II', False, 'paofen',
                                      'paofen_new_card', 'mule_new')
                a.role = 'paofen'
                a.layer = 'paofen'
                a.group = g['name']
                a.ws, a.we = int(ws), int(we)
                a.speed = 'fast'
                g['paofen'].append(a)
                self.all_mules.append(a)
                self.paofen_sessions(a)
        self.gen_cases()
        # run
        while self.heap:
            ts, _, fn, args = heapq.heappop(self.heap)
            fn(ts, *args)
        self.after_fees()

    def pool(self, g, layer, n, wl, mix, rowed):
        r = self.r
        out = []
        names, cum = cumw(mix)
        for i in range(n):
            ws = r.uniform(-3, NDAYS - 5) * DAY
            if i == 0:
                ws = r.uniform(-3, 2) * DAY
            we = ws + r.uniform(*wl) * DAY
            arch = names[bisect.bisect_left(cum, r.random() * cum[-1])]
            a = self.make_mule(g, layer, arch, ws, we, rowed)
            out.append(a)
            self.all_mules.append(a)
        return out

    def paofen_sessions(self, a):
        r = self.r
        d = a.ws / DAY
        while d < a.we / DAY and d < NDAYS:
            if r.random() < 0.45:
                t = self.at(d, 'evening')
                for _ in range(r.randint(1, 5)):
                    t += r.randint(2 * MIN, 40 * MIN)
                    self.push(t, self.ev_gamble, a)
            d += 1

    def ev_gamble(self, ts, a):
        if self.frozen(a, ts) or (a.opened is not None and ts < a.opened):
            return
        src = self.ext()
        f = self.amt(self.lognorm_y(600, 0.9, 50, 5000))
        self.tx_add(ts, src.id, a.id, f, 'mobile', memo='', tk='paofen_in')
        self.on_receive(a, f, ts, None, 1)

    # ---------------------------------------------------------------- victims
    def gen_cases(self):
        r = self.r
        self.cases = []
        local_kinds = {'old': [p for p in self.retirees if p['main'].row],
                       'young': [p for p in self.young_pool if p['main'].row] + [p for p in getattr(self, 'students', []) if p['main'].row],
                       'mid': [p for p in self.workers + self.merchants if p['main'].row],
                       'biz': [p for p in self.merchants if p['main'].row]}
        for g in self.groups:
            for _ in range(g['cases']):
                typ = r.choice(g['typ'])
                lo, hi, med, sig, span, growth, band, chans = TYPOLOGIES[typ]
                k = r.randint(lo, hi)
                prof = 'evening' if typ in ('brushing', 'game_trade', 'shopping_service', 'romance', 'fake_job') else 'day'
                start = self.at(r.uniform(-span * 0.3, NDAYS - 0.5), prof)
                local = r.random() < 0.05 and local_kinds[band]
                if local:
                    vp = r.choice(local_kinds[band])
                    if vp['main'].role != 'lawful':
                        local = False
                if local:
                    vacc = [vp['main']]
                    vreg = vp['district']
                    if not vp['main'].arch.endswith('+victim'):
                        vp['main'].arch += '+victim'
                else:
                    vreg = self.pick(self.nation_pick)
                    if band == 'biz':
                        vacc = [self.ext_corp(vreg, arch='victim_business')]
                    else:
                        vacc = [self.ext(vreg, arch='victim')]
                        if k > 2 and r.random() < 0.2:
                            vacc.append(self.ext(vreg, arch='victim'))
                y = self.lognorm_y(med, sig, 50, 2000000)
                t = start
                pays = []
                for i in range(k):
                    ch = r.choice(chans)
                    hod = (t % DAY) // HOUR
                    if ch in ('counter', 'atm') and not (9 <= hod < 17):
                        t = self.at(t // DAY + (1 if hod >= 17 else 0), 'counter')
                    elif hod < 7 and r.random() < 0.8:
                        t = t - t % DAY + 7 * HOUR + r.randrange(5 * HOUR)
                    pays.append((int(t), y, ch))
                    y = min(y * growth * r.uniform(0.8, 1.2), 3000000)
                    gap = span * DAY / max(1, k) * r.uniform(0.3, 1.7)
                    t += max(5 * MIN, gap)
                reported = r.random() < 0.72
                rep_t = pays[-1][0] + int(self.lognorm_y(1.0, 1.3, 0.02, 30) * DAY) if reported else None
                case = {'g': g, 'typ': typ, 'acc': vacc, 'reg': vreg, 'rep': rep_t, 'last': None, 'n': 0}
                self.cases.append(case)
                for i, (t, yy, ch) in enumerate(pays):
                    if 0 <= t < END:
                        self.push(t, self.ev_vpay, case, i, yy, ch)

    def ev_vpay(self, ts, case, i, y, ch):
        r = self.r
        g = case['g']
        tgt = None
        if case['last'] is not None and r.random() < 0.5:
            a = case['last']
            if a.ws <= ts < a.we and not self.frozen(a, ts):
                tgt = a
        if tgt is None:
            if g['paofen'] and y <= 5000 and r.random() < 0.7:
                tgt = self.pick_active(g['paofen'], ts)
            if tgt is None:
                tgt = self.pick_active(g['L1'], ts)
            if tgt is None:
                a = self.make_mule(g, 'L1', 'fresh', ts, ts + r.uniform(5, 20) * DAY, 0.8)
                g['L1'].append(a)
                self.all_mules.append(a)
                tgt = a
        case['last'] = tgt
        src = r.choice(case['acc'])
        style = 'round1000' if y > 20000 and r.random() < 0.5 else ('int' if r.random() < 0.6 else 'cents')
        f = self.money(y, style)
        memo = r.choice(VICTIM_MEMO.get(case['typ'], ['']) + ['', '', ''])
        row = self.tx_add(ts, src.id, tgt.id, f, ch, loc=case['reg'], memo=memo, tk='victim_payment')
        if row is None:
            return
        lab = case['rep'] is not None and case['rep'] < LABEL_HORIZON and r.random() < 0.96
        self.victim_rows.append((row, lab))
        self.on_receive(tgt, f, ts, case['rep'], 1)
        case['n'] += 1
        if case['n'] == 1 and case['typ'] in ('brushing', 'investment') and r.random() < 0.8:
            rb = f * (r.uniform(1.1, 1.4) if case['typ'] == 'brushing' else r.uniform(0.03, 0.1))
            self.push(ts + r.randint(5 * MIN, 40 * MIN if case['typ'] == 'brushing' else 3 * DAY),
                      self.ev_rebate, g, src, int(rb))

    def ev_rebate(self, ts, g, victim, fen):
        r = self.r
        cands = [a for a in g['L2'] + g['L1'] if a.ws <= ts < a.we and a.fbal >= fen and not self.frozen(a, ts)]
        if not cands:
            return
        a = r.choice(cands)
        fen = self.money(fen / 100, 'int')
        if fen > a.fbal:
            return
        a.fbal -= fen
        self.tx_add(ts, a.id, victim.id, fen, 'mobile', memo=r.choice(['', '返利', '佣金', '收益']), tk='rebate')

    def pick_active(self, pool, ts, avoid=None):
        r = self.r
        c = [a for a in pool if a.ws <= ts < a.we and a is not avoid and not self.frozen(a, ts)
             and a.opened is not None and a.opened + HOUR <= ts]
        if c:
            return r.choice(c)
        fut = [a for a in pool if a.ws > ts and a is not avoid and a.frozen_at is None and a.opened is not None
               and a.opened + 2 * HOUR <= ts and not a.arch.startswith(('mule_rented', 'mule_sold', 'paofen_own'))]
        if fut:
            a = min(fut, key=lambda x: x.ws)
            a.we = ts + (a.we - a.ws)
            a.ws = ts
            return a
        past = [a for a in pool if a.we <= ts and a is not avoid and not self.frozen(a, ts)]
        if past:
            a = max(past, key=lambda x: x.we)
            a.we = ts + 3 * DAY
            return a
        return None

    # ---------------------------------------------------------------- knowledge (what police / banks learn)
    def learn(self, a, ts, trace):
        r = self.r
        if trace is None:
            return
        # one good chance on the first traced receipt, small ones later (reports reach this extract or not)
        if a.tries >= 4:
            return
        p = P_KNOW.get(a.layer, 0) * (1.0 if a.tries == 0 else 0.2)
        a.tries += 1
        if r.random() >= p:
            return
        lag = r.uniform(0, 2) if a.layer in ('L1', 'paofen') else r.uniform(0.5, 7)
        kt = int(max(trace, ts) + lag * DAY)
        first = a.known_at is None
        if first or kt < a.known_at:
            a.known_at = kt
        if first and kt < END and a.frozen_at is None and r.random() < P_FREEZE.get(a.layer, 0):
            a.frozen_at = kt

    def on_receive(self, a, fen, ts, trace, depth):
        r = self.r
        a.fbal += fen
        a.vol += fen
        a.used = True
        self.learn(a, ts, trace)
        L = a.layer
        if L in ('L1', 'L2', 'L3', 'paofen'):
            if a.speed == 'fast':
                if L == 'paofen':
                    dl = r.uniform(1, 10) * MIN if not self.hard else r.uniform(5, 90) * MIN
                else:
                    dl = self.lognorm_y(4, 0.8, 0.7, 60) * MIN
                self.push(ts + dl, self.ev_fwd, a, fen, depth, trace)
            elif not a.pending:
                a.pending = True
                med = 5 if not self.hard else 18
                self.push(ts + self.lognorm_y(med, 0.8, 1, 96) * HOUR, self.ev_sweep, a, depth, trace)
        elif L == 'cash':
            if not a.pending:
                a.pending = True
                dl = r.uniform(0.3, 6) * HOUR if not self.hard else r.uniform(8, 60) * HOUR
                self.push(ts + dl, self.ev_cash, a)
        elif L == 'ushang':
            if not a.pending:
                a.pending = True
                self.push(ts + r.randint(HOUR, 20 * HOUR), self.ev_ushang, a)

    def ev_fwd(self, ts, a, fen, depth, trace):
        if self.frozen(a, ts):
            return
        amt = min(fen, a.fbal)
        if a.layer == 'paofen':
            amt = int(amt * (1 - self.r.uniform(0, 0.02)))
        else:
            amt -= min(amt // 50, self.r.choice([0, 0, 0, 100, 1000, 5000]))
        if amt > 0:
            self.send(a, amt, ts, depth, trace)

    def ev_sweep(self, ts, a, depth, trace):
        r = self.r
        a.pending = False
        if self.frozen(a, ts):
            return
        keep = r.choice([0, 0, 100, 500, 2000, 10000])
        amt = a.fbal - keep
        if self.hard and r.random() < 0.5:
            amt = int(a.fbal * r.uniform(0.5, 0.9))
            a.pending = True
            self.push(ts + self.lognorm_y(20, 0.7, 3, 96) * HOUR, self.ev_sweep, a, depth, trace)
        if amt > 1000:
            self.send(a, amt, ts, depth, trace)

    def route(self, a):
        g = self.gmap[a.group]
        ex = {'L1': g['ex1'], 'paofen': g['ex1'], 'L2': g['ex2'], 'L3': g['ex3']}[a.layer]
        names, cum = self.excache.setdefault((g['name'], a.layer), cumw(list(ex.items())))
        return names[bisect.bisect_left(cum, self.r.random() * cum[-1])]

    def target(self, a, kind, ts):
        g = self.gmap[a.group]
        r = self.r
        if kind in ('L2', 'L3', 'cash', 'cycle'):
            pool = g['L2'] if kind == 'cycle' else g[kind]
            t = self.pick_active(pool, ts, avoid=a)
            if t is None:
                ws = ts
                t = self.make_mule(g, 'L2' if kind == 'cycle' else kind, 'fresh', ws, ws + r.uniform(10, 30) * DAY,
                                   0.5 if kind != 'cash' else 0.95)
                pool.append(t)
                self.all_mules.append(t)
                if t.opened > ts - HOUR:
                    t.opened = ts - r.randint(2 * HOUR, 5 * DAY)
            return t
        if kind == 'ushang':
            return self.ushang_acct(ts)
        if kind == 'pay':
            return r.choice(g['wallets'])
        if kind == 'gold':
            return r.choice(self.gold_shops)
        if kind == 'op':
            return r.choice(g['ops'])
        return None

    def send(self, a, amt, ts, depth, trace):
        r = self.r
        kind = self.route(a) if depth < 5 else ('ushang' if r.random() < 0.6 else 'cash')
        if a.layer == 'paofen' and kind not in ('L2', 'pay'):
            kind = 'L2'
        if kind == 'cycle' and depth >= 4:
            kind = 'ushang'
        if kind == 'L3' and a.layer == 'L3':
            kind = 'ushang'
        k = 1
        if amt > 30000 * 100:
            k = r.choice([1, 2, 2, 3, 4])
        elif amt > 5000 * 100:
            k = r.choice([1, 1, 2])
        parts = self.split(amt, k)
        t = ts
        nxt = None
        if a.known_at is not None and a.known_at < LABEL_HORIZON:
            nxt = a.known_at
        for f in parts:
            if f <= 0:
                continue
            tg = self.target(a, kind, t)
            if tg is None or tg is a:
                continue
            ch = 'mobile' if r.random() < 0.65 else 'online'
            reg = ''
            if a.owner is not None or a.layer == 'paofen':
                reg = a.region if r.random() < 0.6 else ''
            elif r.random() < 0.4:
                reg = self.r.choice(OPS_REGION)
            memo = r.choice(['', '', '', '货款', '还款', '往来款', '工程款'])
            self.tx_add(t, a.id, tg.id, f, ch, region=reg, memo=memo, tk=TK_OF.get(kind, 'layering'))
            a.fbal -= f
            if kind == 'gold':
                tg.known_at = tg.known_at
                self.learn_gold(tg, t, nxt)
            elif kind == 'pay':
                tg.used = True
                self.learn(tg, t, nxt)
            else:
                self.on_receive(tg, f, t, nxt, depth + 1)
            t += r.randint(20, 6 * MIN)

    def learn_gold(self, tg, t, trace):
        if trace is None:
            return
        if self.r.random() < P_KNOW['gold']:
            kt = int(max(trace, t) + self.r.uniform(1, 10) * DAY)
            if tg.known_at is None or kt < tg.known_at:
                tg.known_at = kt
            if kt < END and tg.frozen_at is None and self.r.random() < P_FREEZE['gold']:
                tg.frozen_at = kt

    def split(self, amt, k):
        r = self.r
        if k == 1:
            return [amt]
        ws = [r.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        for w in ws[:-1]:
            f = int(amt * w / s)
            if r.random() < 0.5:
                f = (f // 10000) * 10000   # round hundreds of yuan
            parts.append(f)
        parts.append(amt - sum(parts))
        return parts

    def ev_cash(self, ts, a):
        r = self.r
        a.pending = False
        if self.frozen(a, ts) or a.fbal < 50000:
            return
        reg = a.cash_region
        if not self.hard:
            chunk = (2500 if a.bank == 'ICBC' else 3000) * 100
            limit = 20000 * 100
        else:
            chunk = r.choice([1000, 1500, 2000, 2500]) * 100
            limit = r.choice([6000, 8000, 10000]) * 100
        t = ts
        done = 0
        if self.hard and a.fbal > 20000 * 100 and r.random() < 0.5:
            f = min(a.fbal - a.fbal % 10000, r.randint(150, 490) * 10000)
            t = self.at(ts / DAY, 'counter') if (ts % DAY) > 16 * HOUR else ts
            self.tx_add(t, a.id, None, f, 'counter', region=reg, kind='withdrawal', tk='cash_out')
            a.fbal -= f
            done += f
        while a.fbal >= chunk and done + chunk <= limit:
            self.tx_add(t, a.id, None, chunk, 'atm', region=reg, kind='withdrawal', tk='cash_out')
            a.fbal -= chunk
            done += chunk
            t += r.randint(40, 4 * MIN)
        if a.fbal >= 100000 and r.random() < 0.15:
            w = r.choice(self.gmap[a.group]['wallets'])
            f = a.fbal - a.fbal % 100
            self.tx_add(t + 300, a.id, w.id, f, 'mobile', region='', tk='to_payment_firm')
            a.fbal -= f
        if a.fbal >= chunk:
            a.pending = True
            self.push(ts + r.uniform(20, 30) * HOUR, self.ev_cash, a)

    def ev_ushang(self, ts, a):
        r = self.r
        a.pending = False
        if self.frozen(a, ts) or a.fbal < 100000:
            return
        u = [x for x in self.ushang if x['hid'] == a.holder][0]
        amt = int(a.fbal * r.uniform(0.85, 1.0))
        parts = self.split(amt, r.randint(1, 3))
        t = ts
        for f in parts:
            if f <= 0:
                continue
            x = r.random()
            if x < 0.7:
                tg = r.choice(u['sellers'])
            elif x < 0.85:
                other = [y for y in u['accts'] if y is not a and not self.frozen(y, t) and y.opened + HOUR <= t]
                tg = other[0] if other else r.choice(u['sellers'])
            else:
                tg = r.choice(self.ushang)['accts'][0]
                if tg.holder == a.holder:
                    tg = r.choice(u['sellers'])
            self.tx_add(t, a.id, tg.id, f, 'mobile', memo=r.choice(['', '', 'USDT', '货款']), tk='ushang_out')
            a.fbal -= f
            if tg.layer == 'ushang':
                tg.fbal += f
            t += r.randint(5 * MIN, 2 * HOUR)

    # ---------------------------------------------------------------- fees paid by operators
    def after_fees(self):
        r = self.r
        for a in self.all_mules:
            g = self.gmap[a.group]
            op = r.choice(g['ops'])
            if a.vol == 0:
                continue
            if a.arch == 'mule_rented_old':
                t = a.ws + r.randint(DAY, 3 * DAY)
                while t < a.we:
                    dst = a if r.random() < 0.5 else self.wallet(a.owner, 'TENPAY')
                    self.tx_add(t, op.id, dst.id, self.money(r.uniform(1000, 3000), 'round100'), 'mobile', memo='',
                                tk='rental_fee')
                    t += 7 * DAY
            elif a.arch == 'mule_sold_old':
                sold = a.ws - int(r.uniform(1, 5) * DAY)
                a.stop_lawful_at = sold
                p = a.owner
                dst = p['accts'][1] if len(p['accts']) > 1 else self.wallet(p, 'TENPAY')
                self.tx_add(sold, op.id, dst.id, self.money(r.uniform(800, 3000), 'round100'), 'mobile', memo='',
                            tk='account_sale')
            elif a.layer == 'paofen':
                dst = a if r.random() < 0.6 else (self.wallet(a.owner, 'TENPAY') if a.owner else a)
                self.tx_add(a.we + r.randint(HOUR, 3 * DAY), op.id, dst.id, self.money(a.vol / 100 * r.uniform(0.01, 0.025)),
                            'mobile', memo=r.choice(['', '佣金', '工资']), tk='commission')
            elif a.arch.startswith('mule_fresh') and r.random() < 0.5:
                self.tx_add(a.ws + r.randint(3 * DAY, 15 * DAY), op.id, a.id, self.money(r.uniform(500, 3000), 'round100'),
                            'mobile', memo='', tk='recruit_fee')
        for f in self.farmers:
            groups = [c.group for c in f['cards'] if c.group]
            gname = groups[0] if groups else r.choice(self.groups)['name']
            op = self.gmap[gname]['ops'][0] if r.random() < 0.7 else self.gmap[gname]['ops'][-1]
            for batch in f['batches']:
                t = max(c.opened for c in batch) + int(r.uniform(3, 20) * DAY)
                tot = sum(r.uniform(5000, 6000) for _ in batch)
                for part in self.split(int(tot * 100), r.choice([1, 1, 2])):
                    self.tx_add(t, op.id, f['own'].id, part - part % 100, 'mobile', memo='', tk='card_sale')
                    t += r.randint(MIN, DAY)
        for g in self.groups:
            for _ in range(r.randint(5, 15)):
                op = r.choice(g['ops'])
                self.tx_add(self.at(r.uniform(0, NDAYS), 'any'), op.id, self.ext().id,
                            self.amt(self.lognorm_y(20000, 1.0, 1000, 500000)), 'mobile', tk='operator_spend')


class Yuedong(World, LookAlikes, Fraud):
    def run(self):
        self.make_hubs()
        self.gen_ordinary()
        self.gen_lookalikes()
        for c, es in self.employers.items():
            for e in es:
                self.employer_flows(e)
        self.migrant_after()
        self.victim_rows = []
        self.excache = {}
        self.gen_fraud_wrapper()
        self.finish()

    def gen_fraud_wrapper(self):
        self.gmap = {}
        # groups are created inside gen_fraud; map them before the heap runs
        orig_cases = self.gen_cases

        def cases_then_map():
            for g in self.groups:
                self.gmap[g['name']] = g
            orig_cases()
        self.gen_cases = cases_then_map
        self.gen_fraud()

    # ---------------------------------------------------------------- post-processing
    def finish(self):
        r = self.r
        A = self.accts
        # lawful closures and judicial freezes of ordinary accounts
        rowed_lawful = [a for a in A.values() if a.row and a.role == 'lawful' and a.cls != 'corp']
        for a in rowed_lawful:
            x = r.random()
            if x < 0.005:
                a.closed_at = self.at(r.uniform(30, NDAYS - 1), 'counter')
                if a.opened is not None and a.opened > a.closed_at - 20 * DAY:
                    a.closed_at = None
            elif x < 0.008:
                a.frozen_at = self.at(r.uniform(30, NDAYS - 1), 'counter')
                a.arch += '+judicial_freeze'
        # drop what cannot have happened
        keep = []
        for t in self.tx:
            ts = t[0]
            ok = True
            for aid in (t[2], t[3]):
                if aid is None:
                    continue
                a = A[aid]
                if a.opened is not None and ts < a.opened:
                    ok = False
                    break
                if a.closed_at is not None and ts >= a.closed_at:
                    ok = False
                    break
                if a.stop_lawful_at is not None and t[10] == '' and ts >= a.stop_lawful_at:
                    ok = False
                    break
            if ok and t[2] is not None:
                a = A[t[2]]
                if a.frozen_at is not None and ts >= a.frozen_at:
                    ok = False
            if ok:
                keep.append(t)
        keep.sort(key=lambda t: (t[0], t[1]))
        # visibility: reported by a supplying institution whose extract has started
        def visible(t):
            for aid in (t[2], t[3]):
                if aid is not None:
                    a = A[aid]
                    if a.row and t[0] >= a.ext_start:
                        return True
            return False
        # balances
        flows = {}
        for t in keep:
            if t[2] is not None and A[t[2]].row:
                flows.setdefault(t[2], []).append(t)
            if t[3] is not None and A[t[3]].row:
                flows.setdefault(t[3], []).append(t)
        extra = []
        self.opening = {}
        for aid, a in A.items():
            if not a.row:
                continue
            fl = flows.get(aid, [])
            bal, mn = 0, 0
            for t in fl:
                bal += t[4] if t[3] == aid else -t[4]
                if bal < mn:
                    mn = bal
            init = -mn + self.cushion(a)
            if a.closed_at is not None:
                b = init + sum((t[4] if t[3] == aid else -t[4]) for t in fl)
                if b > 0:
                    self.seq += 1
                    row = [a.closed_at - 120, self.seq, aid, None, b, 'counter', a.region, 'withdrawal', '销户', False, '']
                    extra.append(row)
            if a.opened is not None and a.opened >= a.ext_start:
                ob = init
            else:
                # opened before its institution's extract starts: the balance just before the account's first
                # transfer in that institution's extract (earlier rows reported by other institutions and
                # everything unreported before the extract start are censored history)
                ob = init
                for t in fl:
                    if t[0] >= a.ext_start:
                        break
                    ob += t[4] if t[3] == aid else -t[4]
            self.opening[aid] = ob
        keep.extend(extra)
        keep.sort(key=lambda t: (t[0], t[1]))
        self.out_tx = [t for t in keep if visible(t)]
        for t in self.out_tx:
            for aid in (t[2], t[3]):
                if aid is not None:
                    A[aid].appears = True

    def cushion(self, a):
        r = self.r
        c = a.cushion
        if a.opened is not None and a.opened >= 0 and c not in ('mule_new',):
            return r.choice([0, 0, 0, 1000, 2000, 5000, 10000, 50000])
        if c == 'corp_big':
            return self.money(self.lognorm_y(3e6, 0.8))
        if c == 'corp':
            return self.money(self.lognorm_y(3e5, 0.9))
        if c == 'person_rich':
            return self.money(self.lognorm_y(1.5e5, 1.0))
        if c == 'person':
            return self.money(self.lognorm_y(2e4, 1.1))
        if c == 'person_low':
            return self.money(self.lognorm_y(2000, 1.0))
        if c == 'mule_new':
            return r.choice([0, 0, 0, 100, 1000, 2000, 5000])
        return r.choice([0, 0, 1000, 5000])

    # ---------------------------------------------------------------- output
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        A = self.accts
        # transaction ids: institution that reports it + date + running number
        ids = {}
        n = 0
        for t in self.out_tx:
            n += 1
            a = A[t[2]] if t[2] is not None else None
            b = A[t[3]] if t[3] is not None else None
            if a is not None and a.row and t[0] >= a.ext_start:
                rep = a.bank
            else:
                rep = b.bank
            ids[t[1]] = '%s%s%07d' % (rep, (T0 + timedelta(seconds=t[0])).strftime('%Y%m%d'), n)
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid, a in A.items():
                if not a.row:
                    continue
                st = 'active'
                if a.closed_at is not None and a.closed_at < END:
                    st = 'closed'
                elif a.frozen_at is not None and a.frozen_at < END:
                    st = 'frozen'
                w.writerow([aid, a.bank, a.holder, iso(a.opened), a.region, a.cls, fmt_fen(self.opening[aid]), st])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                        'memo', 'cross_border'])
            for t in self.out_tx:
                w.writerow([ids[t[1]], iso(t[0]), t[2] or '', t[3] or '', fmt_fen(t[4]), 'CNY', t[5], t[6], t[7], t[8],
                            'true' if t[9] else 'false'])
        # labels
        lab_acc = []
        for aid, a in A.items():
            if a.known_at is not None and a.known_at < LABEL_HORIZON and a.role != 'farmer_card' and \
                    (a.row or a.appears):
                lab_acc.append(aid)
        lab_farm = []
        for f in self.farmers:
            anyk = any(c.known_at is not None and c.known_at < LABEL_HORIZON for c in f['cards'])
            f['caught'] = self.r.random() < (0.7 if anyk else 0.15)
            if f['caught']:
                lab_farm.append(f['hid'])
        farm_hids = set(lab_farm)
        lab_set = set(lab_acc)
        lab_tx = [ids[row[1]] for row, lab in self.victim_rows if lab and row[1] in ids]
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for aid in lab_acc:
                w.writerow(['account', aid, 'mule'])
            for h in lab_farm:
                w.writerow(['holder', h, 'card_farmer'])
            for x in lab_tx:
                w.writerow(['transfer', x, 'fraud'])
        stats = self.stats(ids, lab_set, farm_hids, lab_tx)
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                            'labelled', 'farmer_labelled', 'extract_start'])
                for aid, a in A.items():
                    if not (a.row or a.appears or a.role != 'lawful'):
                        continue
                    w.writerow(['account', aid, a.bank, a.holder, int(a.row), a.role, a.arch or 'ext', a.farmer,
                                iso(a.opened) if a.opened is not None else '', int(aid in lab_set),
                                int(a.holder in farm_hids), iso(a.ext_start) if a.row else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for t in self.out_tx:
                    if t[10]:
                        w.writerow([ids[t[1]], t[10]])
        return stats

    def stats(self, ids, lab_set, farm_hids, lab_tx):
        A = self.accts
        s = {}
        s['accounts_rows'] = sum(1 for a in A.values() if a.row)
        s['external_accounts_seen'] = sum(1 for a in A.values() if not a.row and a.appears)
        s['transfers'] = len(self.out_tx)
        s['transfers_fraud_related'] = sum(1 for t in self.out_tx if t[10])
        vp = [row for row, lab in self.victim_rows if row[1] in ids]
        s['victim_payments'] = len(vp)
        s['victim_payments_labelled'] = len(lab_tx)
        s['labels_account_mule'] = len(lab_set)
        s['labels_holder_card_farmer'] = len(farm_hids)
        s['card_farmers'] = len(self.farmers)
        roles = {}
        for a in A.values():
            if a.row:
                k = a.role
                roles.setdefault(k, [0, 0])
                roles[k][0] += 1
                roles[k][1] += int(a.id in lab_set)
        s['rowed_by_role(total,labelled)'] = roles
        fr = [a for a in A.values() if a.row and a.role in ('mule', 'paofen', 'ushang', 'operator')]
        s['rowed_fraud_labelled_share'] = round(sum(1 for a in fr if a.id in lab_set) / max(1, len(fr)), 3)
        s['lawful_rowed_labelled'] = sum(1 for a in A.values() if a.row and a.role == 'lawful' and a.id in lab_set)
        s['la_multiplier'] = self.la
        return s


def main():
    ap = argparse.ArgumentParser(description='粤东 synthetic world (fanzha interchange format v1)')
    ap.add_argument('--variant', choices=['baseline', 'V2', 'V3'], default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t0 = time.time()
    w = Yuedong(args.variant, args.seed)
    w.run()
    st = w.write(args.out, args.truth)
    st['seconds'] = round(time.time() - t0, 1)
    for k, v in st.items():
        print('%s: %s' % (k, v))


if __name__ == '__main__':
    main()
