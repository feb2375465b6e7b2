# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""ganmin_world.py -- an independent synthetic evaluation world for fanzha.

"Ganmin" (赣闽) world: southern Jiangxi (Ganzhou), western Fujian (Longyan, Sanming) and Meizhou,
with migrants from the region in the Pearl River Delta, buyers and victims elsewhere in China,
and 10-12 telecom-fraud rings laundering victims' money through mule accounts.

Standard library only.  Writes fanzha interchange format v1 CSV files:
    accounts.csv, transfers.csv, labels.csv   (+ truth.csv, truth_transfers.csv with --truth)

    python3 ganmin_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

All randomness comes from one random.Random seeded with the string "ganmin/<variant>/<seed>";
no set is ever iterated and hash() is never called, so equal arguments give byte-identical files.
Money is integer fen everywhere inside; the CSV `amount` column is written from fen as decimal yuan.
See README.md beside this file.
"""

import argparse
import csv
import heapq
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta

# ----------------------------------------------------------------------------------------------
# time
# ----------------------------------------------------------------------------------------------
DAY = 86400
HOUR = 3600
MIN = 60
W0 = datetime(2024, 10, 1)          # data window starts 2024-10-01T00:00:00+08:00
NDAYS = 123                         # ... and ends 2025-02-01T00:00:00+08:00 (exclusive)
W_END = NDAYS * DAY
MONTH_STARTS = [0, 31, 61, 92]      # Oct 1, Nov 1, Dec 1, Jan 1 (day offsets)
MONTH_LEN = [31, 30, 31, 31]
D_SINGLES = 41                      # 2024-11-11 (双十一)
D_DOUBLE12 = 72                     # 2024-12-12
D_DONGZHI = 81                      # 2024-12-21 (冬至, Hakka ancestral rites)
D_NEWYEAR = 92                      # 2025-01-01
D_XIAONIAN = 114                    # 2025-01-23 (southern 小年)
D_CHUXI = 119                       # 2025-01-28 (除夕); Spring Festival is 2025-01-29

_DAY_CACHE = {}


def fmt_ts(t):
    """seconds after W0 (may be negative) -> RFC 3339 with +08:00."""
    d, s = divmod(int(t), DAY)
    ds = _DAY_CACHE.get(d)
    if ds is None:
        ds = (W0 + timedelta(days=d)).strftime('%Y-%m-%d')
        _DAY_CACHE[d] = ds
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    return '%sT%02d:%02d:%02d+08:00' % (ds, h, m, sec)


def day_str(t):
    d = int(t) // DAY
    return (W0 + timedelta(days=d)).strftime('%Y%m%d')


def fen_str(f):
    return '%d.%02d' % divmod(int(f), 100)


def Y(yuan):
    """yuan (int or float) -> integer fen."""
    return int(round(yuan * 100))


# ----------------------------------------------------------------------------------------------
# places (GB/T 2260 county-level codes)
# ----------------------------------------------------------------------------------------------
REGIONS = {
    # Ganzhou 赣州 (Jiangxi)
    '360702': ('赣州市章贡区', 'GZ'), '360703': ('赣州市南康区', 'GZ'), '360704': ('赣州市赣县区', 'GZ'),
    '360722': ('信丰县', 'GZ'), '360723': ('大余县', 'GZ'), '360724': ('上犹县', 'GZ'),
    '360725': ('崇义县', 'GZ'), '360726': ('安远县', 'GZ'), '360728': ('定南县', 'GZ'),
    '360729': ('全南县', 'GZ'), '360730': ('宁都县', 'GZ'), '360731': ('于都县', 'GZ'),
    '360732': ('兴国县', 'GZ'), '360733': ('会昌县', 'GZ'), '360734': ('寻乌县', 'GZ'),
    '360735': ('石城县', 'GZ'), '360781': ('瑞金市', 'GZ'), '360783': ('龙南市', 'GZ'),
    # Longyan 龙岩 (Fujian)
    '350802': ('龙岩市新罗区', 'LY'), '350803': ('龙岩市永定区', 'LY'), '350821': ('长汀县', 'LY'),
    '350823': ('上杭县', 'LY'), '350824': ('武平县', 'LY'), '350825': ('连城县', 'LY'),
    '350881': ('漳平市', 'LY'),
    # Sanming 三明 (Fujian)
    '350404': ('三明市三元区', 'SM'), '350405': ('三明市沙县区', 'SM'), '350421': ('明溪县', 'SM'),
    '350423': ('清流县', 'SM'), '350424': ('宁化县', 'SM'), '350425': ('大田县', 'SM'),
    '350426': ('尤溪县', 'SM'), '350428': ('将乐县', 'SM'), '350429': ('泰宁县', 'SM'),
    '350430': ('建宁县', 'SM'), '350481': ('永安市', 'SM'),
    # Meizhou 梅州 (Guangdong, Hakka)
    '441402': ('梅州市梅江区', 'MZ'), '441403': ('梅州市梅县区', 'MZ'), '441422': ('大埔县', 'MZ'),
    '441423': ('丰顺县', 'MZ'), '441424': ('五华县', 'MZ'), '441426': ('平远县', 'MZ'),
    '441427': ('蕉岭县', 'MZ'), '441481': ('兴宁市', 'MZ'),
    # Pearl River Delta (where the region's migrants work)
    '440106': ('广州市天河区', 'PRD'), '440111': ('广州市白云区', 'PRD'), '440113': ('广州市番禺区', 'PRD'),
    '440304': ('深圳市福田区', 'PRD'), '440306': ('深圳市宝安区', 'PRD'), '440307': ('深圳市龙岗区', 'PRD'),
    '440309': ('深圳市龙华区', 'PRD'), '440303': ('深圳市罗湖区', 'PRD'), '441900': ('东莞市', 'PRD'), '442000': ('中山市', 'PRD'),
    '440606': ('佛山市顺德区', 'PRD'), '440604': ('佛山市禅城区', 'PRD'), '441302': ('惠州市惠城区', 'PRD'),
    # provincial capitals / coast near the region
    '360111': ('南昌市青山湖区', 'NEAR'), '350206': ('厦门市湖里区', 'NEAR'), '350102': ('福州市鼓楼区', 'NEAR'),
    # elsewhere in China (buyers, victims, wholesalers)
    '110105': ('北京市朝阳区', 'OUT'), '310115': ('上海市浦东新区', 'OUT'), '320106': ('南京市鼓楼区', 'OUT'),
    '330106': ('杭州市西湖区', 'OUT'), '330782': ('义乌市', 'OUT'), '320506': ('苏州市吴中区', 'OUT'),
    '420106': ('武汉市武昌区', 'OUT'), '430104': ('长沙市岳麓区', 'OUT'), '510107': ('成都市武侯区', 'OUT'),
    '500103': ('重庆市渝中区', 'OUT'), '610113': ('西安市雁塔区', 'OUT'), '370102': ('济南市历下区', 'OUT'),
    '410105': ('郑州市金水区', 'OUT'), '210102': ('沈阳市和平区', 'OUT'), '120101': ('天津市和平区', 'OUT'),
    '130102': ('石家庄市长安区', 'OUT'), '340104': ('合肥市蜀山区', 'OUT'), '140105': ('太原市小店区', 'OUT'),
    '620102': ('兰州市城关区', 'OUT'), '220102': ('长春市南关区', 'OUT'), '530102': ('昆明市五华区', 'OUT'),
    '520102': ('贵阳市南明区', 'OUT'), '450103': ('南宁市青秀区', 'OUT'), '230103': ('哈尔滨市南岗区', 'OUT'),
    '150102': ('呼和浩特市新城区', 'OUT'),
    # far places where mule cards are opened (besides the region itself)
    '150203': ('包头市昆都仑区', 'FAR'), '230602': ('大庆市萨尔图区', 'FAR'), '431202': ('怀化市鹤城区', 'FAR'),
    '421002': ('荆州市沙市区', 'FAR'), '320902': ('盐城市亭湖区', 'FAR'),
    # border towns (cash-out near exits)
    '533102': ('瑞丽市', 'BORDER'), '532801': ('景洪市', 'BORDER'), '450681': ('东兴市', 'BORDER'),
    '451481': ('凭祥市', 'BORDER'),
}


def codes_of(group):
    return [c for c in REGIONS if REGIONS[c][1] == group]


GZ = codes_of('GZ')
LY = codes_of('LY')
SM = codes_of('SM')
MZ = codes_of('MZ')
PRD = codes_of('PRD')
NEAR = codes_of('NEAR')
OUT = codes_of('OUT')
FAR = codes_of('FAR')
BORDER = codes_of('BORDER')
HOME = GZ + LY + SM + MZ
ORANGE_COUNTIES = ['360722', '360726', '360734', '360731', '360733', '360704', '360730', '360735']
RARE_EARTH = ['360783', '360728', '360729', '360734', '360722', '360726']
TOBACCO = ['350803', '350823', '350821', '350824', '350424', '350430', '350429', '350428']
TEA = ['350881', '350425', '350426', '350825', '350405']
POMELO = ['441403', '441422', '441402', '441426']
CASHOUT = ['441900', '440306', '440307', '440111', '440309', '533102', '532801', '450681', '451481']
MULE_OPEN = FAR + ['150102', '230103', '220102', '430104', '420106', '450103', '520102', '530102',
                   '510107', '620102', '320106']
CITY_OF = {'GZ': '360702', 'LY': '350802', 'SM': '350404', 'MZ': '441402'}


def group_of(code):
    return REGIONS[code][1]


# ----------------------------------------------------------------------------------------------
# institutions.  supplies=True: the institution sends an extract (its accounts have rows).
# ----------------------------------------------------------------------------------------------
BANKS = {
    # code: (supplies, personal BINs, personal length, corp prefix, corp length)
    'ICBC':   (True,  ['622202', '621226', '621558'], 19, '1510', 19),
    'ABC':    (True,  ['622848', '623052'], 19, '1405', 15),
    'CCB':    (True,  ['621700', '622700'], 19, '3605', 20),
    'PSBC':   (True,  ['621799', '622188'], 19, '9360', 18),
    'GZCCB':  (True,  ['623586', '622362'], 19, '7900', 17),   # 赣州银行
    'JXRCU':  (True,  ['621592', '623129'], 19, '1407', 17),   # 江西农商银行 (农信)
    'FJRCU':  (True,  ['622127', '623038'], 19, '9070', 18),   # 福建农信
    'CIB':    (True,  ['622909', '622908'], 18, '1290', 18),   # 兴业银行
    'TENPAY': (True,  ['TP'], 14, 'TPM', 14),                 # payment firm (wallets, merchants)
    'BOC':    (False, ['621661', '621785'], 19, '2019', 12),
    'CMB':    (False, ['622588', '621483'], 16, '7559', 15),
    'BOCOM':  (False, ['622262', '622260'], 19, '4429', 21),
    'SPDB':   (False, ['622521', '623160'], 16, '7901', 16),
    'CEB':    (False, ['622660', '622662'], 16, '3821', 16),
    'CMBC':   (False, ['622622', '621691'], 16, '6319', 9),
    'PAB':    (False, ['622155', '622157'], 16, '1500', 14),
    'CITIC':  (False, ['622690', '622696'], 16, '8110', 19),
    'GDB':    (False, ['622568', '622556'], 16, '9550', 19),
    'HXB':    (False, ['622630', '623021'], 16, '1055', 14),
    'MZKSB':  (False, ['623598', '622367'], 19, '8023', 18),   # 梅州客商银行
    'GDRC':   (False, ['621728', '622439'], 19, '8001', 19),   # 广东农信
    'ALIPAY': (False, ['2088'], 16, '2088', 16),               # payment firm
}
SUPPLYING = [b for b in BANKS if BANKS[b][0]]
OVERSEAS = {  # banks abroad: (account length, country)
    'MAYBANK': (12, 'MY'), 'CIMB': (10, 'MY'), 'BCA': (10, 'ID'), 'BBL': (10, 'TH'),
    'DBS': (10, 'SG'), 'HSBCHK': (12, 'HK'), 'BOCHK': (12, 'HK'), 'ACLEDA': (12, 'KH'),
    'KBZ': (13, 'MM'), 'BDO': (12, 'PH'),
}
# which banks people of a place tend to use (weights)
BANK_PREF = {
    'GZ': [('JXRCU', 24), ('GZCCB', 16), ('PSBC', 14), ('ABC', 12), ('CCB', 9), ('ICBC', 8), ('BOC', 6),
           ('CMB', 3), ('BOCOM', 2), ('ALIPAY', 2), ('CIB', 3), ('SPDB', 1)],
    'LY': [('FJRCU', 24), ('CIB', 12), ('PSBC', 12), ('ABC', 11), ('ICBC', 9), ('CCB', 9), ('BOC', 8),
           ('HXB', 3), ('CMB', 4), ('BOCOM', 2), ('ALIPAY', 2)],
    'SM': [('FJRCU', 25), ('CIB', 10), ('PSBC', 13), ('ABC', 11), ('ICBC', 9), ('CCB', 9), ('BOC', 8),
           ('HXB', 3), ('CMB', 3), ('CEB', 2), ('ALIPAY', 2)],
    'MZ': [('MZKSB', 18), ('GDRC', 20), ('PSBC', 12), ('ABC', 10), ('ICBC', 9), ('CCB', 9), ('BOC', 8),
           ('CMB', 5), ('GDB', 4), ('ALIPAY', 2)],
    'PRD': [('ICBC', 16), ('CMB', 15), ('CCB', 13), ('PAB', 10), ('BOC', 9), ('ABC', 9), ('GDB', 6),
            ('BOCOM', 6), ('CITIC', 4), ('SPDB', 4), ('PSBC', 4), ('ALIPAY', 3), ('CMBC', 2)],
    'NEAR': [('ICBC', 15), ('CCB', 13), ('CIB', 12), ('BOC', 10), ('ABC', 10), ('CMB', 12), ('BOCOM', 7),
             ('SPDB', 5), ('CITIC', 5), ('PSBC', 5), ('PAB', 4)],
    'OUT': [('ICBC', 15), ('CCB', 13), ('ABC', 12), ('BOC', 12), ('CMB', 12), ('BOCOM', 8), ('PSBC', 6),
            ('SPDB', 5), ('CITIC', 5), ('PAB', 4), ('CMBC', 4), ('CEB', 4), ('HXB', 3), ('CIB', 4),
            ('ALIPAY', 3)],
}
BANK_PREF['FAR'] = BANK_PREF['OUT']
BANK_PREF['BORDER'] = BANK_PREF['OUT']

# payroll / cash limits
ATM_CHUNKS = [2000, 2500, 3000, 5000]       # single ATM withdrawal caps (yuan), by machine
ATM_DAY_LIMIT = 20000                       # per card per natural day (yuan)
CTR_CASH = 50000                            # large cash transaction report threshold (yuan)


# ----------------------------------------------------------------------------------------------
# identity numbers and account numbers
# ----------------------------------------------------------------------------------------------
_ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_C = '10X98765432'
_USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(region, birth, seq3):
    """18-character resident identity number (GB 11643)."""
    body = '%s%s%03d' % (region, birth, seq3)
    s = sum(int(c) * w for c, w in zip(body, _ID_W))
    return body + _ID_C[s % 11]


def uscc(region, org8):
    """18-character unified social credit code (GB 32100), registered as enterprise ('91')."""
    s = sum(int(c) * w for c, w in zip(org8, _ORG_W))
    c9 = 11 - s % 11
    org = org8 + ('X' if c9 == 10 else '0' if c9 == 11 else str(c9))
    body = '91' + region + org
    s = sum(_USCC_CH.index(c) * w for c, w in zip(body, _USCC_W))
    c = (31 - s % 31) % 31
    return body + _USCC_CH[c]


def luhn_complete(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return digits + str((10 - total % 10) % 10)


# ----------------------------------------------------------------------------------------------
# variants
# ----------------------------------------------------------------------------------------------
VARIANTS = {
    # scale: lawful population multiplier per archetype group; see README for the story of each
    'baseline': dict(
        name='平常季 ordinary season', rings=11, cases=(360, 400), farmers=(9, 11),
        slow_share=0.45, layers=(2, 3), mule_mix=dict(fresh=0.30, aged=0.24, farmed=0.20,
                                                     rented=0.16, paofen=0.10),
        harvest=1.0, lookalike=1.0, lawful_scale=1.0, newacct=1.0, hidden_farmers=0.3,
        exit_w=dict(atm=0.30, counter=0.10, ushang=0.22, goods=0.13, xborder=0.17, hold=0.08),
        label_rate=0.50, report_rate=0.72, case_days=(5, 118), shell_corp=0.06,
        extract_shift=0),
    'V2': dict(
        name='断卡之后 after the card crackdown: slow layering, rented accounts', rings=12,
        cases=(310, 350), farmers=(8, 10), slow_share=0.80, layers=(3, 4),
        mule_mix=dict(fresh=0.10, aged=0.22, farmed=0.14, rented=0.34, paofen=0.20),
        harvest=1.0, lookalike=1.0, lawful_scale=0.95, newacct=0.9, hidden_farmers=0.5,
        exit_w=dict(atm=0.18, counter=0.20, ushang=0.30, goods=0.10, xborder=0.14, hold=0.08),
        label_rate=0.46, report_rate=0.70, case_days=(3, 118), shell_corp=0.10,
        extract_shift=1),
    'V3': dict(
        name='脐橙旺季 busy harvest and pre-Spring-Festival season: dense look-alikes', rings=10,
        cases=(410, 445), farmers=(12, 15), slow_share=0.25, layers=(2, 3),
        mule_mix=dict(fresh=0.38, aged=0.18, farmed=0.28, rented=0.10, paofen=0.06),
        harvest=1.5, lookalike=1.5, lawful_scale=0.72, newacct=1.8, hidden_farmers=0.25,
        exit_w=dict(atm=0.32, counter=0.08, ushang=0.18, goods=0.22, xborder=0.14, hold=0.06),
        label_rate=0.52, report_rate=0.76, case_days=(30, 120), shell_corp=0.05,
        extract_shift=2),
}

# extract start day per supplying institution (before the variant's shift is applied)
EXTRACT_DAYS = {'ICBC': 0, 'ABC': 0, 'CCB': 7, 'PSBC': 0, 'GZCCB': 0, 'JXRCU': 14, 'FJRCU': 31,
                'CIB': 0, 'TENPAY': 45}
EXTRACT_SHIFT = {0: {}, 1: {'CCB': 20, 'ABC': 10, 'TENPAY': 15}, 2: {'JXRCU': -14, 'GZCCB': 3,
                                                                      'TENPAY': -20}}

# event codes
EV_T, EV_FWD, EV_FREEZE, EV_ATM, EV_HOOK = 0, 1, 2, 3, 4
# transfer modes
M_SKIP, M_CLIP, M_SWEEP, M_FORCE = 0, 1, 2, 3
K_TRANSFER, K_WITHDRAW, K_DEPOSIT = 0, 1, 2
KIND_WORD = ('transfer', 'withdrawal', 'deposit')


class Person(object):
    __slots__ = ('i', 'hid', 'home', 'loc', 'arch', 'accts', 'birth', 'family', 'tags', 'victim',
                 'corp', 'farmer')

    def __init__(self, i, hid, home, loc, arch, birth, corp=False):
        self.i = i
        self.hid = hid
        self.home = home
        self.loc = loc
        self.arch = arch
        self.accts = []
        self.birth = birth
        self.family = []
        self.tags = {}
        self.victim = False
        self.corp = corp
        self.farmer = ''


class Acct(object):
    __slots__ = ('i', 'id', 'bank', 'person', 'opened', 'region', 'cls', 'role', 'arch', 'farmer',
                 'bal', 'inf', 'minbal', 'ring', 'level', 'rented_at', 'freeze_at', 'fpend',
                 'pending', 'alt', 'labelled', 'used', 'status', 'cash_region', 'atm_day',
                 'atm_used', 'init')

    def __init__(self, i, aid, bank, person, opened, region, cls, role, arch):
        self.i = i
        self.id = aid
        self.bank = bank
        self.person = person
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = role
        self.arch = arch
        self.farmer = ''
        self.bal = 0
        self.inf = False
        self.minbal = 0
        self.ring = None
        self.level = 0
        self.rented_at = None
        self.freeze_at = None
        self.fpend = 0
        self.pending = False
        self.alt = -1
        self.labelled = False
        self.used = False
        self.status = 'active'
        self.cash_region = None
        self.atm_day = -1
        self.atm_used = 0
        self.init = 0


def supplies(bank):
    b = BANKS.get(bank)
    return bool(b and b[0])


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.cfg = VARIANTS[variant]
        self.rng = random.Random('ganmin/%s/%d' % (variant, seed))
        self.persons = []
        self.accts = []
        self.acct_ids = {}
        self.hids = {}
        self.heap = []
        self.seq = 0
        self.tx = []
        self.now = -10 ** 9
        self.extract = {}
        shift = EXTRACT_SHIFT[self.cfg['extract_shift']]
        for b in SUPPLYING:
            d = max(0, EXTRACT_DAYS[b] + shift.get(b, 0))
            self.extract[b] = d * DAY
        self.by_arch = {}
        self.rings = []
        self.cases = []
        self.farmers = []
        self.labels_acct = []
        self.labels_txn = []
        self.labels_holder = []
        self.counters = {}
        self.life_rate = 1.0
        self.shops = {}
        self.wallets = []
        self.hh = {}

    # ---------------- random helpers ----------------
    def wchoice(self, pairs):
        tot = 0
        for _, w in pairs:
            tot += w
        x = self.rng.random() * tot
        for v, w in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][0]

    def lognorm(self, median, sigma, lo=None, hi=None):
        v = median * math.exp(self.rng.gauss(0.0, sigma))
        if lo is not None and v < lo:
            v = lo
        if hi is not None and v > hi:
            v = hi
        return v

    def poisson(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= self.rng.random()
            if p <= L:
                return k
            k += 1

    def tod(self, profile='day'):
        """a time of day in seconds for an activity profile."""
        r = self.rng
        if profile == 'day':
            h = self.wchoice([(7, 3), (8, 6), (9, 8), (10, 9), (11, 9), (12, 8), (13, 6), (14, 7),
                              (15, 7), (16, 7), (17, 7), (18, 8), (19, 8), (20, 8), (21, 6), (22, 3),
                              (23, 1)])
        elif profile == 'work':
            h = r.randint(9, 16)
        elif profile == 'evening':
            h = self.wchoice([(18, 3), (19, 6), (20, 8), (21, 8), (22, 7), (23, 5), (0, 3), (1, 1)])
        elif profile == 'young':
            h = self.wchoice([(8, 2), (10, 4), (12, 6), (14, 4), (16, 4), (18, 5), (20, 7), (21, 7),
                              (22, 7), (23, 6), (0, 4), (1, 2), (2, 1)])
        elif profile == 'old':
            h = self.wchoice([(6, 3), (7, 6), (8, 9), (9, 10), (10, 9), (11, 6), (14, 5), (15, 5),
                              (16, 4), (17, 2), (19, 1)])
        elif profile == 'night':
            h = self.wchoice([(0, 6), (1, 7), (2, 6), (3, 5), (4, 3), (5, 1), (23, 3)])
        else:
            h = r.randint(0, 23)
        return h * HOUR + r.randint(0, 3599)

    def at(self, day, profile='day'):
        return int(day) * DAY + self.tod(profile)

    # ---------------- identities and accounts ----------------
    def new_hid(self, region, birth_year):
        r = self.rng
        while True:
            d = datetime(birth_year, 1, 1) + timedelta(days=r.randint(0, 364))
            hid = resident_id(region, d.strftime('%Y%m%d'), r.randint(0, 999))
            if hid not in self.hids:
                self.hids[hid] = 1
                return hid

    def new_uscc(self, region):
        r = self.rng
        while True:
            org8 = ''.join(str(r.randint(0, 9)) for _ in range(8))
            code = uscc(region, org8)
            if code not in self.hids:
                self.hids[code] = 1
                return code

    def new_person(self, arch, home, age=(20, 60), loc=None):
        by = 2024 - self.rng.randint(age[0], age[1])
        p = Person(len(self.persons), self.new_hid(home, by), home, loc or home, arch, by)
        self.persons.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def new_corp(self, arch, region):
        p = Person(len(self.persons), self.new_uscc(region), region, region, arch, 0, corp=True)
        self.persons.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def acct_number(self, bank, corp):
        r = self.rng
        if bank in OVERSEAS:
            n = OVERSEAS[bank][0]
            while True:
                aid = str(r.randint(1, 9)) + ''.join(str(r.randint(0, 9)) for _ in range(n - 1))
                if aid not in self.acct_ids:
                    return aid
        sup, bins, plen, cpre, clen = BANKS[bank]
        while True:
            if bank == 'TENPAY':
                aid = ('TPM' if corp else 'TP') + ''.join(str(r.randint(0, 9)) for _ in range(12))
            elif bank == 'ALIPAY':
                aid = '2088' + ''.join(str(r.randint(0, 9)) for _ in range(12))
            elif corp:
                aid = cpre + ''.join(str(r.randint(0, 9)) for _ in range(clen - len(cpre)))
            else:
                b = bins[r.randrange(len(bins))]
                aid = luhn_complete(b + ''.join(str(r.randint(0, 9)) for _ in range(plen - len(b) - 1)))
            if aid not in self.acct_ids:
                return aid

    def open_acct(self, person, bank, opened, region, cls=None, role='lawful', arch=None, bal=0):
        corp = person.corp if person is not None else False
        if cls is None:
            if corp:
                cls = 'corp'
            elif bank in ('TENPAY', 'ALIPAY'):
                cls = 'II'
            else:
                cls = 'I'
        aid = self.acct_number(bank, cls == 'corp')
        a = Acct(len(self.accts), aid, bank, person, int(opened), region, cls, role,
                 arch or (person.arch if person is not None else 'external'))
        a.bal = int(bal)
        self.acct_ids[aid] = a.i
        self.accts.append(a)
        if person is not None:
            person.accts.append(a.i)
        return a

    def pick_bank(self, group, avoid=()):
        prefs = BANK_PREF.get(group, BANK_PREF['OUT'])
        for _ in range(20):
            b = self.wchoice(prefs)
            if b not in avoid:
                return b
        return prefs[0][0]

    def old_open(self, years_lo=1.0, years_hi=15.0):
        """an opening time before the window (censored history)."""
        return -int(self.rng.uniform(years_lo, years_hi) * 365) * DAY + self.tod('work')

    # ---------------- scheduling ----------------
    def push(self, t, code, *args):
        self.seq += 1
        heapq.heappush(self.heap, (int(t), self.seq, code, args))

    def T(self, t, src, dst, amt, ch='mobile', reg=None, memo='', mode=M_SKIP, tk=None,
          cross=False, case=-1):
        """schedule a transfer (src/dst are account indices, -1 for cash)."""
        if amt is None or (amt <= 0 and mode != M_SWEEP):
            return
        if t < 0 or t >= W_END:
            return
        self.push(t, EV_T, src, dst, int(amt), ch, reg, memo, mode, tk, cross, case)

    def hook(self, t, fn, *args):
        if t < W_END:
            self.push(t, EV_HOOK, fn, args)

    def execute(self, t, s, d, amt, ch, reg, memo, mode, tk, cross, case):
        A = self.accts
        sa = A[s] if s >= 0 else None
        da = A[d] if d >= 0 else None
        if tk is None:
            # a lawful holder who rented/sold the account moves their own life to another account
            if sa is not None and sa.rented_at is not None and t >= sa.rented_at:
                if sa.alt >= 0:
                    sa = A[sa.alt]
                    s = sa.i
                else:
                    return 0
            if da is not None and da.rented_at is not None and t >= da.rented_at and da.alt >= 0:
                da = A[da.alt]
                d = da.i
        if sa is not None:
            if t < sa.opened:
                return 0
            if sa.freeze_at is not None and t >= sa.freeze_at:
                return 0
            if mode == M_SWEEP:
                amt = sa.bal - amt
                if amt < 100:
                    return 0
            elif not sa.inf and amt > sa.bal:
                if mode == M_CLIP and sa.bal >= 1000:
                    amt = sa.bal
                    if amt >= 10000:
                        amt -= amt % 100
                elif mode == M_FORCE:
                    pass
                else:
                    return 0
        if da is not None and t < da.opened:
            return 0
        if amt <= 0:
            return 0
        kind = K_TRANSFER if (sa is not None and da is not None) else (
            K_WITHDRAW if sa is not None else K_DEPOSIT)
        sb = sa.bal if sa is not None else 0
        db = da.bal if da is not None else 0
        if sa is not None:
            sa.bal -= amt
            if sa.bal < sa.minbal:
                sa.minbal = sa.bal
            sa.used = True
        if da is not None:
            da.bal += amt
            da.used = True
        self.tx.append((t, kind, s, d, amt, ch, reg, memo, cross, tk, sb, db, case))
        if da is not None and da.ring is not None and (
                da.ring == 'U' or (tk is not None and tk not in ('rebate', 'skim', 'warmup'))):
            self.on_fraud_receive(da, t, amt)
        if tk == 'victim_payment' and case >= 0:
            self.cases[case]['l1'].append(d)
        return amt

    def run(self):
        heap = self.heap
        pop = heapq.heappop
        while heap:
            t, _, code, args = pop(heap)
            if t >= W_END:
                break
            self.now = t
            if code == EV_T:
                self.execute(t, *args)
            elif code == EV_FWD:
                self.forward(t, args[0])
            elif code == EV_ATM:
                self.atm_chunk(t, *args)
            elif code == EV_FREEZE:
                a = self.accts[args[0]]
                if a.freeze_at is None or a.freeze_at > t:
                    a.freeze_at = t
                a.status = 'frozen'
            elif code == EV_HOOK:
                args[0](t, *args[1])
        self.heap = []


# ----------------------------------------------------------------------------------------------
# institutions: employers, merchants, platforms, utilities, lenders, wholesalers ...
# ----------------------------------------------------------------------------------------------
def build_institutions(w):
    r = w.rng
    w.inst = {}

    def inst(key, arch, region, n, banks=None, group=None, inf=True, bal=0, cls='corp', person=False):
        out = w.inst.setdefault(key, [])
        for _ in range(n):
            if person:
                p = w.new_person(arch, region, (28, 60))
            else:
                p = w.new_corp(arch, region)
            bank = r.choice(banks) if banks else w.pick_bank(group or group_of(region))
            a = w.open_acct(p, bank, w.old_open(2, 20), region, cls=cls, arch=arch, bal=bal)
            a.inf = inf
            out.append(a.i)
        return out

    for g, n in (('GZ', 70), ('LY', 34), ('SM', 30), ('MZ', 34), ('PRD', 60), ('NEAR', 20), ('OUT', 90)):
        regs = codes_of(g)
        for _ in range(n):
            inst('merchant:' + g, 'merchant', r.choice(regs), 1, group=g)
    for g in ('GZ', 'LY', 'SM', 'MZ'):
        city = CITY_OF[g]
        inst('power:' + g, 'utility', city, 1, banks=['ABC', 'CCB', 'ICBC'])
        inst('water:' + g, 'utility', city, 1, banks=['CCB', 'ABC', 'BOC', 'PSBC'])
        inst('sss:' + g, 'social_security', city, 1, banks=['ABC', 'CCB', 'PSBC', 'ICBC'])
        inst('gov:' + g, 'gov_finance', city, 2, banks=['ABC', 'CCB', 'ICBC', 'BOC'])
        inst('hospital:' + g, 'hospital', city, 2, group=g)
        inst('dealer:' + g, 'car_dealer', city, 3, group=g)
        inst('developer:' + g, 'developer', city, 3, group=g)
        inst('agri:' + g, 'agri_supply', r.choice(codes_of(g)), 8, group=g, inf=False,
             bal=Y(80000), person=True, cls='I')
        inst('wholesale:' + g, 'local_wholesaler', city, 6, group=g)
        inst('housingfund:' + g, 'housing_fund', city, 1, banks=['CCB', 'ICBC'])
    inst('power:PRD', 'utility', '440304', 1, banks=['ICBC'])
    for name, bank in (('telecom', 'ICBC'), ('telecom', 'CMB'), ('telecom', 'BOC')):
        inst(name, 'telecom', '110105', 1, banks=[bank])
    for bank in SUPPLYING + ['BOC', 'CMB', 'BOCOM', 'MZKSB', 'GDRC', 'PAB', 'SPDB', 'CITIC', 'GDB']:
        if bank in ('TENPAY',):
            continue
        inst('bankloan:' + bank, 'bank_loan', '110105', 1, banks=[bank])
    inst('loanp', 'loan_platform', '310115', 3, banks=['CMB', 'SPDB', 'PAB'])
    inst('loanp', 'loan_platform', '440304', 2, banks=['PAB', 'CITIC'])
    inst('loanp', 'loan_platform', '500103', 1, banks=['CCB'])
    inst('loanp', 'loan_platform', '330106', 2, banks=['ALIPAY', 'ICBC'])
    inst('platform', 'ecom_platform', '310115', 1, banks=['CMB'])        # 拼多多-like
    inst('platform', 'ecom_platform', '110105', 1, banks=['CITIC'])      # 抖音-like
    inst('platform', 'ecom_platform', '330106', 1, banks=['ALIPAY'])     # 淘宝-like
    inst('platform', 'ecom_platform', '110105', 1, banks=['BOC'])        # 京东-like
    inst('express', 'express', '440304', 2, banks=['CMB', 'ICBC'])
    inst('express', 'express', '310115', 2, banks=['CCB', 'BOCOM'])
    inst('express', 'express', '360702', 2, banks=['GZCCB', 'PSBC'])
    for g, n in (('OUT', 45), ('NEAR', 15)):
        for _ in range(n):
            inst('wholesale_out', 'wholesaler', r.choice(codes_of(g)), 1, group=g)
    for _ in range(10):
        inst('timber', 'timber_supplier', r.choice(['350206', '441900', '330782', '360702', '440606']), 1)
    for g in ('LY', 'SM'):
        inst('tobacco:' + g, 'tobacco_company', CITY_OF[g], 1, banks=['ABC', 'FJRCU', 'ICBC'])
    for _ in range(8):
        inst('rare_corp', 'rare_earth_corp', r.choice(RARE_EARTH), 1, banks=['GZCCB', 'ICBC', 'CCB', 'ABC',
                                                                            'BOC', 'JXRCU'])
    for _ in range(45):
        inst('employer:PRD', 'prd_factory', r.choice(PRD), 1, group='PRD')
    for g in ('LY', 'SM'):
        for _ in range(14):
            inst('employer:' + g, 'factory', r.choice(codes_of(g)), 1, group=g)
    for _ in range(70):
        g = r.choice(['OUT', 'OUT', 'OUT', 'NEAR', 'PRD'])
        inst('employer:OUT', 'employer', r.choice(codes_of(g)), 1, group=g)
    for _ in range(6):
        inst('construction:MZ', 'construction', r.choice(MZ), 1, group='MZ')
        inst('restaurant:MZ', 'restaurant', r.choice(MZ), 1, group='MZ', inf=False, bal=Y(30000))
    for _ in range(6):
        inst('travel', 'travel_agency', r.choice(HOME), 1)
    # lawful gold and phone traders (also where mules buy goods)
    for reg, n in (('440303', 6), ('440304', 5), ('360702', 4), ('360703', 2), ('350802', 2), ('441402', 3),
                   ('441900', 3)):
        for _ in range(n):
            person = r.random() < 0.45
            arch = 'gold_shop' if r.random() < 0.55 else 'phone_shop'
            inst('trader', arch, reg, 1, group=group_of(reg), person=person, inf=False,
                 bal=Y(r.randint(50000, 400000)), cls='I' if person else 'corp')
    inst('supplier_sz', 'gold_wholesaler', '440303', 4, banks=['ICBC', 'CMB', 'PAB', 'BOC'])
    # abroad: remitters' banks (created per family), fraud exits, USDT upstream (domestic, no rows)
    for _ in range(14):
        bank = r.choice(['HSBCHK', 'BOCHK', 'ACLEDA', 'KBZ', 'BDO'])
        p = w.new_corp('overseas_shell', '110105')
        a = w.open_acct(p, bank, w.old_open(0.2, 3), '000000', cls='corp', arch='overseas_exit')
        a.inf = True
        a.region = ''
        w.inst.setdefault('xborder', []).append(a.i)
    for _ in range(10):
        p = w.new_person('usdt_upstream', r.choice(OUT), (22, 45))
        a = w.open_acct(p, r.choice(['BOC', 'CMB', 'CITIC', 'PAB', 'SPDB', 'ALIPAY']), w.old_open(1, 6),
                        p.home, arch='usdt_upstream', bal=Y(100000))
        a.inf = True
        w.inst.setdefault('usdt_up', []).append(a.i)


def I(w, key):
    return w.inst[key]


def pick(w, key):
    lst = w.inst[key]
    return lst[w.rng.randrange(len(lst))]


# ----------------------------------------------------------------------------------------------
# people
# ----------------------------------------------------------------------------------------------
def make_person(w, arch, home, age, nacct, bal_med, loc=None, group=None, first_bank=None,
                years=(1, 15), new_window=None, cls1=None):
    """a person with nacct accounts at distinct institutions; new_window=(d0,d1) opens the first
    account inside the window instead of years ago."""
    r = w.rng
    p = w.new_person(arch, home, age, loc)
    g = group or group_of(loc or home)
    used = []
    for k in range(nacct):
        if k == 0 and first_bank:
            bank = first_bank
        else:
            bank = w.pick_bank(g, avoid=used)
        used.append(bank)
        if k == 0 and new_window:
            opened = int(r.uniform(new_window[0], new_window[1]) * DAY) + w.tod('work')
            bal = 0
        else:
            opened = w.old_open(years[0], years[1])
            bal = Y(w.lognorm(bal_med, 0.9, 50, bal_med * 20))
        cls = cls1 if (k == 0 and cls1) else ('II' if bank in ('ALIPAY', 'TENPAY') else
                                            ('II' if (k > 0 and r.random() < 0.25) else 'I'))
        reg = home
        if loc and loc != home and (g == 'PRD' or r.random() < 0.5) and (k > 0 or r.random() < 0.4):
            reg = loc
        w.open_acct(p, bank, opened, reg, cls=cls, bal=bal)
    return p


def spend_targets(w, g):
    """a merchant account or a small shop owner of place group g."""
    r = w.rng
    shops = w.shops.get(g)
    if shops and r.random() < 0.4:
        return shops[r.randrange(len(shops))]
    key = 'merchant:' + (g if ('merchant:' + g) in w.inst else 'OUT')
    return pick(w, key)


def amount(w, med, sigma=0.7, lo=1, hi=10 ** 7, round_to=0):
    v = w.lognorm(med, sigma, lo, hi)
    if round_to:
        v = max(round_to, int(v / round_to) * round_to)
        return Y(v)
    return int(v * 100)


def routine(w, p, a, rate=1.0, spend_med=80, cash=0.6, profile='day', group=None, reg=None,
            d0=0, d1=NDAYS, wallet=True, utility=True):
    """ordinary life on account a between days d0 and d1: shop payments, bills, cash, wallet top-ups."""
    r = w.rng
    acc = w.accts[a]
    g = group or group_of(p.loc)
    reg = reg or p.loc
    scale = w.life_rate * rate
    d0 = max(d0, int(max(0, acc.opened) // DAY) + (1 if acc.opened > 0 else 0))
    if d1 <= d0:
        return
    months = (d1 - d0) / 30.5
    n = w.poisson(3.0 * scale * months)
    for _ in range(n):
        d = r.randint(d0, d1 - 1)
        if r.random() < 0.15 and D_XIAONIAN - 10 <= d <= D_CHUXI:
            amt = amount(w, spend_med * 3, 0.8)
        else:
            amt = amount(w, spend_med, 0.8)
        tgt = spend_targets(w, g)
        ch = 'pos' if (r.random() < 0.45 and w.accts[tgt].bank != 'TENPAY') else 'mobile'
        w.T(w.at(d, profile), a, tgt, amt, ch, reg)
    if utility and g in ('GZ', 'LY', 'SM', 'MZ'):
        for m in range(4):
            if r.random() < 0.55 * min(1.0, scale):
                d = MONTH_STARTS[m] + r.randint(3, 25)
                if d0 <= d < d1:
                    w.T(w.at(d, profile), a, I(w, 'power:' + g)[0], amount(w, 120, 0.5), 'mobile', reg,
                        '电费')
    if r.random() < 0.6 * min(1.0, scale):
        for m in range(4):
            d = MONTH_STARTS[m] + r.randint(0, 27)
            if d0 <= d < d1 and r.random() < 0.6:
                w.T(w.at(d, profile), a, pick(w, 'telecom'), Y(r.choice([30, 50, 50, 100, 100, 200])),
                    'mobile', reg, '话费充值')
    if wallet:
        wal = w.wallet_of(p)
        k = w.poisson(1.0 * scale * months) if wal >= 0 else 0
        for _ in range(k):
            d = r.randint(d0, d1 - 1)
            w.T(w.at(d, profile), a, wal, Y(r.choice([100, 200, 200, 300, 500, 500, 1000])), 'mobile', reg,
                '')
    k = w.poisson(cash * scale * months)
    for _ in range(k):
        d = r.randint(d0, d1 - 1)
        amt = Y(r.choice([200, 300, 500, 500, 1000, 1000, 2000, 3000]))
        ch = 'atm' if r.random() < 0.8 else 'counter'
        w.T(w.at(d, 'old' if profile == 'old' else 'day'), a, -1, amt, ch, reg)


def wallet_of(w, p):
    """the person's own wallet at a payment firm (ALIPAY: no rows; TENPAY: rows)."""
    wal = p.tags.get('wallet')
    if wal is None:
        if w.rng.random() < 0.45:
            p.tags['wallet'] = -1
            return -1
        bank = 'ALIPAY' if w.rng.random() < 0.65 else 'TENPAY'
        a = w.open_acct(p, bank, w.old_open(1, 8), p.loc, cls='II', arch='own_wallet',
                        bal=Y(w.rng.randint(0, 800)))
        wal = a.i
        p.tags['wallet'] = wal
        # a wallet is spent at merchants too
        w.wallets.append(wal)
    return wal


World.wallet_of = wallet_of


def salary(w, employer, a, day_of_month, amt_fen, memo='工资', ch='other', jitter=0.06, d0=0, d1=NDAYS,
           months=range(4), hour=None):
    r = w.rng
    for m in months:
        d = MONTH_STARTS[m] + day_of_month - 1
        if d0 <= d < d1:
            t = d * DAY + (hour if hour is not None else r.randint(9, 16) * HOUR) + r.randint(0, 1800)
            v = int(amt_fen * (1 + r.uniform(-jitter, jitter)))
            w.T(t, employer, a, v, ch, None, memo, M_FORCE)


def home_code(w, weights=(('GZ', 50), ('MZ', 22), ('LY', 15), ('SM', 13))):
    g = w.wchoice(list(weights))
    return w.rng.choice(codes_of(g))


def red_packets(w, p, a, pool, n_lo=1, n_hi=5, med=400):
    """Spring Festival red packets (压岁钱/拜年红包), many on 除夕 night."""
    r = w.rng
    if not pool:
        return
    for _ in range(r.randint(n_lo, n_hi)):
        q = pool[r.randrange(len(pool))]
        if q is p or not q.accts:
            continue
        d = r.choice([D_CHUXI, D_CHUXI, D_CHUXI + 1, D_CHUXI + 1, D_CHUXI + 2, D_XIAONIAN + r.randint(0, 4)])
        t = d * DAY + (w.tod('evening') if d == D_CHUXI else w.tod('day'))
        if d == D_CHUXI and r.random() < 0.3:
            t = (D_CHUXI + 1) * DAY + r.randint(0, 40 * MIN)       # at midnight
        v = Y(r.choice([66, 88, 100, 166, 188, 200, 288, 500, 600, 666, 888, 1000, 1888, 2000]))
        w.T(t, a, q.accts[0], v, 'mobile', p.loc, r.choice(['', '新年快乐', '红包', '压岁钱']))


def family_pool(w, g):
    return w.hh.get(g) or w.hh['GZ']


def build_people_basic(w):
    """outsiders, households, shops, pensioners, students, migrants, workers, civil servants,
    multi-bank holders, new multi-bank openers, big purchasers, newcomers."""
    r = w.rng
    cfg = w.cfg
    S = cfg['lawful_scale']
    N = cfg['newacct']
    w.hh = {}
    w.shops = {}
    w.outsiders = []
    # ---- small shops first (they are payment targets of everybody's routine) ----
    for _ in range(int(430 * S)):
        home = home_code(w, (('GZ', 40), ('MZ', 18), ('LY', 12), ('SM', 10), ('PRD', 20)))
        g = group_of(home)
        p = make_person(w, 'small_shop', home, (26, 60), 1 + (r.random() < 0.4), 20000)
        if r.random() < 0.45:
            a = w.open_acct(p, 'TENPAY', w.old_open(1, 6), home, cls='II', arch='small_shop',
                            bal=Y(r.randint(200, 3000)))
            recv = a.i
        else:
            recv = p.accts[0]
        p.tags['recv'] = recv
        w.shops.setdefault(g, []).append(recv)
    # ---- outsiders: ordinary people elsewhere (buyers, most victims) ----
    for _ in range(int(3900 * S)):
        grp = w.wchoice([('OUT', 70), ('NEAR', 12), ('PRD', 18)])
        home = r.choice(codes_of(grp))
        p = make_person(w, 'outsider', home, (20, 72), 1 + (r.random() < 0.18), 25000)
        w.outsiders.append(p)
    for p in w.outsiders:
        a = p.accts[0]
        if r.random() < 0.8:
            salary(w, pick(w, 'employer:OUT'), a, r.randint(1, 20), Y(w.lognorm(7000, 0.45, 2500, 40000)))
        routine(w, p, a, rate=0.25, spend_med=110, cash=0.2, wallet=(r.random() < 0.5))
    # ---- households in the region ----
    for _ in range(int(1800 * S)):
        home = home_code(w)
        p = make_person(w, 'household', home, (35, 72), 1 + (r.random() < 0.35), 12000)
        w.hh.setdefault(group_of(home), []).append(p)
    for g in ('GZ', 'LY', 'SM', 'MZ'):
        for p in w.hh.get(g, []):
            a = p.accts[0]
            prof = 'old' if 2024 - p.birth > 55 else 'day'
            routine(w, p, a, rate=0.8, spend_med=70, cash=0.8, profile=prof)
            for _ in range(w.poisson(1.5)):
                src = pick(w, r.choice(['wholesale:' + g, 'agri:' + g, 'merchant:' + g]))
                w.T(w.at(r.randint(0, NDAYS - 1)), src, a, amount(w, 1500, 0.8, 200, 20000, 10),
                    'mobile', p.loc, r.choice(['', '', '货款', '工钱']), M_FORCE)
            if len(p.accts) > 1 and r.random() < 0.3:
                for _ in range(r.randint(1, 3)):
                    d = r.randint(0, NDAYS - 1)
                    w.T(w.at(d), p.accts[1], a, amount(w, 3000, 0.7, 200, 50000, 100), 'mobile', p.loc,
                        '', M_CLIP)
            if r.random() < 0.35:
                red_packets(w, p, a, family_pool(w, g), 1, 4)
    # ---- pensioners ----
    w.pensioners = []
    for _ in range(int(800 * S)):
        home = home_code(w)
        g = group_of(home)
        p = make_person(w, 'pensioner', home, (62, 88), 1 + (r.random() < 0.45), 30000, years=(5, 25))
        w.pensioners.append(p)
        a = p.accts[0]
        rural = r.random() < 0.4
        amt = Y(r.randint(150, 420)) if rural else Y(w.lognorm(3000, 0.35, 1500, 9000))
        salary(w, I(w, 'sss:' + g)[0], a, r.randint(5, 15), amt, '养老金', jitter=0.0)
        routine(w, p, a, rate=0.45, spend_med=60, cash=1.0, profile='old', wallet=(r.random() < 0.2))
        if len(p.accts) > 1 and r.random() < 0.35:      # wealth product / fixed deposit moves
            d = r.randint(0, 100)
            v = amount(w, 60000, 0.6, 10000, 400000, 1000)
            w.T(w.at(d, 'old'), p.accts[1], a, v, 'counter', home, '定期到期', M_CLIP)
            if r.random() < 0.6:
                w.T(w.at(min(NDAYS - 1, d + r.randint(0, 10)), 'old'), a, p.accts[1], v, 'counter', home,
                    '转存', M_CLIP)
        if r.random() < 0.3:
            red_packets(w, p, a, family_pool(w, g), 1, 5, 500)
    # ---- students at the region's colleges ----
    w.students = []
    colleges = [('360702', 40), ('441402', 22), ('350802', 18), ('350404', 14), ('360781', 6)]
    for _ in range(int(900 * S)):
        college = w.wchoice(colleges)
        if r.random() < 0.6:
            home = home_code(w)
        else:
            home = r.choice(OUT + NEAR)
        g = group_of(college)
        fresh = r.random() < 0.3
        p = w.new_person('student', home, (18, 23), college)
        bank = w.pick_bank(g)
        op = -int(r.uniform(10, 30) * DAY) + w.tod('work') if fresh else w.old_open(1, 3.5)
        a = w.open_acct(p, bank, op, college, cls='I', bal=Y(r.randint(100, 4000)))
        if r.random() < 0.35:
            w.open_acct(p, w.pick_bank(group_of(home)), w.old_open(2, 8), home, cls='I',
                        bal=Y(r.randint(0, 3000)))
        if r.random() < 0.06 * N:
            d = r.randint(5, 100)
            na = w.open_acct(p, r.choice(['GZCCB', 'ICBC', 'CCB', 'CMB', 'CIB', 'TENPAY']),
                             d * DAY + w.tod('day'), college, cls='II')
            w.T(na.opened + r.randint(10 * MIN, 3 * DAY), a.i, na.i, Y(r.choice([100, 200, 500])), 'mobile',
                college, '', M_CLIP)
            p.tags['new_ii'] = na.i
        w.students.append(p)
    by_college = {}
    for p in w.students:
        by_college.setdefault(p.loc, []).append(p)
    for p in w.students:
        a = p.accts[0]
        hg = group_of(p.home)
        if hg in ('GZ', 'LY', 'SM', 'MZ'):
            par = family_pool(w, hg)[r.randrange(len(family_pool(w, hg)))]
        else:
            par = w.outsiders[r.randrange(len(w.outsiders))]
        p.family.append(par)
        allowance = Y(r.choice([800, 1000, 1200, 1500, 1500, 2000, 2500]))
        for m in range(4):
            d = MONTH_STARTS[m] + r.randint(0, 6)
            w.T(w.at(d), par.accts[0], a, allowance, 'mobile', par.loc, r.choice(['生活费', '', '']),
                M_CLIP)
        routine(w, p, a, rate=1.2, spend_med=25, cash=0.15, profile='young', group=group_of(p.loc),
                d1=D_XIAONIAN - 5)
        routine(w, p, a, rate=0.6, spend_med=40, cash=0.2, profile='young', group=group_of(p.home) if
                group_of(p.home) in BANK_PREF else 'OUT', reg=p.home, d0=D_XIAONIAN - 5)
        mates = by_college[p.loc]
        for _ in range(w.poisson(2.5)):
            q = mates[r.randrange(len(mates))]
            if q is not p:
                w.T(w.at(r.randint(0, D_XIAONIAN - 6), 'young'), a, q.accts[0], amount(w, 45, 0.8, 5, 500),
                    'mobile', p.loc, r.choice(['', 'AA', '饭钱', '车费']))
        if r.random() < 0.05:                                  # class fund (班费) collector
            d = r.randint(3, 80)
            k = r.randint(25, 48)
            fee = Y(r.choice([50, 80, 100, 150, 200]))
            for _ in range(k):
                q = mates[r.randrange(len(mates))]
                if q is not p:
                    w.T(d * DAY + r.randint(8 * HOUR, 48 * HOUR), q.accts[0], a, fee, 'mobile', p.loc,
                        '班费', M_SKIP)
            dst = pick(w, r.choice(['travel', 'merchant:' + group_of(p.loc)]))
            w.T((d + r.randint(3, 12)) * DAY + w.tod('day'), a, dst, int(fee * k * 0.8), 'mobile', p.loc,
                '班级活动', M_CLIP)
        if r.random() < 0.15:                                  # part-time job
            shop = pick(w, 'merchant:' + group_of(p.loc))
            for m in range(3):
                w.T(w.at(MONTH_STARTS[m] + r.randint(10, 25)), shop, a, Y(r.randint(400, 1500)), 'mobile',
                    p.loc, '兼职工资', M_FORCE)
    # ---- migrants from the region working in the Pearl River Delta ----
    w.migrants = []
    for _ in range(int(1300 * S)):
        home = home_code(w, (('GZ', 55), ('MZ', 25), ('LY', 10), ('SM', 10)))
        loc = r.choice(PRD)
        p = w.new_person('migrant', home, (19, 52), loc)
        hb = w.pick_bank(group_of(home))
        a0 = w.open_acct(p, hb, w.old_open(3, 18), home, cls='I', bal=Y(w.lognorm(3000, 1.0, 0, 60000)))
        pb = w.pick_bank('PRD', avoid=[hb])
        a1 = w.open_acct(p, pb, w.old_open(0.5, 8), loc, cls='I', bal=Y(w.lognorm(4000, 0.9, 0, 50000)))
        w.migrants.append(p)
        p.family.append(family_pool(w, group_of(home))[r.randrange(len(family_pool(w, group_of(home))))])
        emp = pick(w, 'employer:PRD')
        pay = Y(w.lognorm(6200, 0.3, 3200, 16000))
        payday = r.randint(5, 15)
        sal_acct = a1.i
        switch = None
        if r.random() < 0.08 * N:                              # new job: payroll card opened days before
            p.arch = 'migrant_newjob'
            sm = r.randint(1, 3)
            switch = MONTH_STARTS[sm] + payday - 1
            nb = w.pick_bank('PRD', avoid=[hb, pb])
            opened = switch * DAY - int(r.uniform(0.3, 8) * DAY) + w.tod('work')
            a2 = w.open_acct(p, nb, opened, r.choice(PRD), cls='I', arch='migrant_newjob')
            emp2 = pick(w, 'employer:PRD')
            salary(w, emp, a1.i, payday, pay, '代发工资', months=range(sm))
            salary(w, emp2, a2.i, payday, int(pay * r.uniform(0.9, 1.3)), '代发工资', months=range(sm, 4))
            p.tags['newjob'] = a2.i
        else:
            salary(w, emp, a1.i, payday, pay, '代发工资')
        fam = p.family[0].accts[0]
        for m in range(4):
            d = MONTH_STARTS[m] + payday + r.randint(0, 3)
            src = sal_acct if (switch is None or d < switch) else p.tags['newjob']
            if r.random() < 0.75:
                w.T(w.at(d, 'evening'), src, fam, amount(w, 1500, 0.45, 300, 6000, 100), 'mobile', p.loc,
                    r.choice(['', '', '家用', '生活费']), M_CLIP)
            if r.random() < 0.5:
                w.T(w.at(MONTH_STARTS[m] + r.randint(0, 5)), src, pick(w, 'merchant:PRD'),
                    Y(r.choice([800, 1000, 1200, 1500, 1800])), 'mobile', p.loc, '房租', M_SKIP)
        main_src = sal_acct if switch is None else p.tags['newjob']
        routine(w, p, sal_acct, rate=0.8, spend_med=55, cash=0.3, profile='young', group='PRD',
                d1=switch if switch else D_XIAONIAN - 6)
        if switch:
            routine(w, p, main_src, rate=0.8, spend_med=55, cash=0.3, profile='young', group='PRD', d0=switch,
                    d1=D_XIAONIAN - 6)
        # year end: bonus, money moved to the home card, home trip, cash at home, red packets
        dh = r.randint(D_XIAONIAN - 10, D_CHUXI - 1)
        if r.random() < 0.6:
            w.T(w.at(r.randint(100, 112), 'work'), emp if switch is None else pick(w, 'employer:PRD'),
                main_src, Y(w.lognorm(4000, 0.6, 500, 30000)), 'other', None, '年终奖', M_FORCE)
        if r.random() < 0.6:
            w.T(w.at(dh - r.randint(0, 2), 'evening'), main_src, a0.i, amount(w, 8000, 0.6, 1000, 60000, 100),
                'mobile', p.loc, '', M_CLIP)
        for _ in range(r.randint(0, 3)):
            w.T(w.at(r.randint(dh, NDAYS - 1)), r.choice([a0.i, main_src]), -1,
                Y(r.choice([1000, 2000, 2000, 2500, 3000, 5000])), 'atm', p.home, '', M_SKIP)
        routine(w, p, a0.i, rate=0.7, spend_med=90, cash=0.0, group=group_of(home), reg=home, d0=dh,
                wallet=False, utility=False)
        if r.random() < 0.65:
            red_packets(w, p, a0.i, family_pool(w, group_of(home)), 2, 6, 500)
        if r.random() < 0.1:                                   # a small online loan, paid back monthly
            lp = pick(w, 'loanp')
            d = r.randint(0, 60)
            v = amount(w, 8000, 0.5, 2000, 30000, 500)
            w.T(w.at(d), lp, main_src if switch is None or d >= switch else sal_acct, v, 'other', None,
                '借款', M_FORCE)
            for k in range(1, 4):
                if d + 30 * k < NDAYS:
                    w.T(w.at(d + 30 * k, 'work'), sal_acct if (switch is None or d + 30 * k < switch) else
                        main_src, lp, int(v / 3 * 1.04), 'other', None, '还款', M_SKIP)
    # ---- factory workers (Longyan, Sanming), teachers and civil servants ----
    for _ in range(int(800 * S)):
        g = r.choice(['LY', 'LY', 'SM'])
        loc = r.choice(['350802', '350823', '350821', '350802']) if g == 'LY' else r.choice(
            ['350481', '350404', '350405', '350426'])
        home = r.choice(codes_of(g)) if r.random() < 0.7 else home_code(w)
        p = make_person(w, 'factory_worker', home, (20, 55), 1 + (r.random() < 0.3), 6000, loc=loc, group=g)
        a = p.accts[0]
        salary(w, pick(w, 'employer:' + g), a, r.randint(8, 16), Y(w.lognorm(5200, 0.25, 3000, 12000)))
        routine(w, p, a, rate=0.9, spend_med=70, cash=0.5, group=g, reg=loc)
        if r.random() < 0.35:
            fam = family_pool(w, group_of(home))
            q = fam[r.randrange(len(fam))]
            for m in range(4):
                if r.random() < 0.7:
                    w.T(w.at(MONTH_STARTS[m] + r.randint(16, 25), 'evening'), a, q.accts[0],
                        amount(w, 1000, 0.4, 200, 4000, 100), 'mobile', loc, '', M_CLIP)
        if r.random() < 0.2:
            w.T(w.at(MONTH_STARTS[0] + r.randint(18, 27)), a, I(w, 'bankloan:' + w.accts[a].bank)[0]
                if ('bankloan:' + w.accts[a].bank) in w.inst else pick(w, 'loanp'), Y(r.randint(1500, 3500)),
                'other', None, '房贷', M_SKIP)
        if r.random() < 0.3:
            red_packets(w, p, a, family_pool(w, group_of(home)), 1, 4)
    for _ in range(int(480 * S)):
        g = w.wchoice([('GZ', 45), ('LY', 18), ('SM', 15), ('MZ', 22)])
        loc = r.choice(codes_of(g))
        p = make_person(w, 'teacher_civil', loc, (24, 58), 1 + (r.random() < 0.5), 40000)
        a = p.accts[0]
        salary(w, pick(w, 'gov:' + g), a, 15, Y(w.lognorm(7000, 0.2, 4000, 14000)), '工资', jitter=0.02)
        routine(w, p, a, rate=1.1, spend_med=110, cash=0.3, group=g)
        if r.random() < 0.5:
            lk = 'bankloan:' + w.accts[a].bank
            dst = I(w, lk)[0] if lk in w.inst else pick(w, 'loanp')
            for m in range(4):
                w.T(w.at(MONTH_STARTS[m] + 19, 'work'), a, dst, Y(r.randint(1800, 4500)), 'other', None,
                    '房贷', M_SKIP)
        if r.random() < 0.35:
            red_packets(w, p, a, family_pool(w, g), 2, 6, 600)
    # ---- multi-bank people (many accounts over many years) ----
    for _ in range(int(200 * S)):
        g = w.wchoice([('GZ', 40), ('LY', 15), ('SM', 10), ('MZ', 15), ('PRD', 20)])
        loc = r.choice(codes_of(g))
        p = make_person(w, 'multi_bank', loc if g != 'PRD' else home_code(w), (28, 60), r.randint(5, 8),
                        20000, loc=loc, group=g, years=(1, 16))
        a = p.accts
        salary(w, pick(w, 'gov:' + g) if g != 'PRD' else pick(w, 'employer:PRD'), a[0], r.randint(5, 15),
               Y(w.lognorm(9000, 0.4, 4000, 40000)))
        routine(w, p, a[0], rate=1.0, spend_med=120, cash=0.3, group=g)
        routine(w, p, a[1], rate=0.4, spend_med=150, cash=0.1, group=g, wallet=False, utility=False)
        for _ in range(w.poisson(6)):
            x, y = r.sample(a, 2)
            w.T(w.at(r.randint(0, NDAYS - 1)), x, y, amount(w, 5000, 0.9, 200, 200000, 100),
                r.choice(['mobile', 'online']), loc, r.choice(['', '', '理财', '还信用卡']), M_CLIP)
        if r.random() < 0.4:                                   # a dormant account wakes up
            k = a[-1]
            d = r.randint(30, 110)
            v = amount(w, 30000, 0.7, 5000, 300000, 1000)
            w.T(w.at(d), a[0], k, v, 'mobile', loc, '', M_CLIP)
            w.T(w.at(min(NDAYS - 1, d + r.randint(0, 3))), k, pick(w, r.choice(['dealer:' + (g if g != 'PRD'
                                                                                             else 'GZ'),
                                                                              'wholesale_out'])),
                v, 'online', loc, '', M_CLIP)
    # ---- people who open several accounts within weeks, lawfully ----
    for _ in range(int(60 * S * N)):
        g = w.wchoice([('GZ', 50), ('LY', 15), ('SM', 15), ('MZ', 20)])
        loc = r.choice(codes_of(g))
        has_old = r.random() < 0.6
        p = make_person(w, 'new_multibank', loc, (22, 45), 1, 8000) if has_old else \
            w.new_person('new_multibank', loc, (22, 35))
        d0 = r.randint(-10, 90)
        used = [w.accts[x].bank for x in p.accts]
        new = []
        for k in range(r.randint(3, 5)):
            bank = w.pick_bank(g, avoid=used)
            used.append(bank)
            opened = max(-20 * DAY, (d0 + r.randint(0, 20)) * DAY) + w.tod('work')
            new.append(w.open_acct(p, bank, opened, r.choice([loc, CITY_OF[g]]), cls='I' if k < 2 else 'II',
                                   arch='new_multibank').i)
        first = max(0, max(w.accts[x].opened for x in new) // DAY + 1)
        salary(w, pick(w, 'gov:' + g) if r.random() < 0.6 else pick(w, 'employer:' + (g if g in ('LY', 'SM')
                                                                                       else 'OUT')),
               new[0], 15, Y(w.lognorm(6000, 0.3, 3000, 12000)), d0=first)
        if has_old:
            w.T(first * DAY + w.tod('day'), p.accts[0], new[0], Y(r.randint(500, 5000)), 'mobile', loc, '',
                M_CLIP)
        routine(w, p, new[0], rate=1.0, spend_med=90, cash=0.3, group=g, d0=first)
        for _ in range(w.poisson(4)):
            x, y = r.sample(new, 2)
            d = r.randint(first, NDAYS - 1)
            w.T(w.at(d), x, y, amount(w, 2000, 0.7, 100, 20000, 100), 'mobile', loc, '', M_CLIP)
        lk = 'bankloan:' + w.accts[new[1]].bank
        if lk in w.inst and r.random() < 0.5:
            for m in range(4):
                d = MONTH_STARTS[m] + 20
                if d > first:
                    w.T(w.at(d, 'work'), new[1], I(w, lk)[0], Y(r.randint(1500, 4000)), 'other', None, '房贷',
                        M_SKIP)
            w.T(w.at(first), new[0], new[1], Y(r.randint(3000, 8000)), 'mobile', loc, '', M_CLIP)
    # ---- big first payments: a car, a flat deposit ----
    for _ in range(int(120 * S)):
        g = w.wchoice([('GZ', 50), ('LY', 15), ('SM', 15), ('MZ', 20)])
        loc = r.choice(codes_of(g))
        p = make_person(w, 'big_purchase', loc, (24, 50), 1, 30000)
        a = p.accts[0]
        routine(w, p, a, rate=0.3, spend_med=90, cash=0.3, group=g)
        D = r.randint(15, 118)
        pay_acct = a
        if r.random() < 0.3:
            na = w.open_acct(p, w.pick_bank(g), (D - r.randint(2, 15)) * DAY + w.tod('work'), loc,
                             arch='big_purchase_new')
            pay_acct = na.i
            w.T(na.opened + r.randint(HOUR, DAY), a, pay_acct, 0, 'mobile', loc, '', M_SWEEP)
        fam = family_pool(w, g) + w.migrants
        total = 0
        for _ in range(r.randint(2, 5)):
            q = fam[r.randrange(len(fam))]
            v = amount(w, 30000, 0.6, 5000, 150000, 1000)
            total += v
            w.T((D - r.randint(1, 10)) * DAY + w.tod('evening'), q.accts[0], pay_acct, v, 'mobile', q.loc,
                r.choice(['', '借款', '买车', '首付']), M_FORCE)
        if r.random() < 0.35:
            lk = 'bankloan:' + w.accts[pay_acct].bank
            if lk in w.inst:
                v = amount(w, 80000, 0.5, 20000, 300000, 1000)
                w.T((D - 1) * DAY + w.tod('work'), I(w, lk)[0], pay_acct, v, 'other', None, '贷款发放', M_FORCE)
        dst = pick(w, ('dealer:' if r.random() < 0.5 else 'developer:') + g)
        w.T(D * DAY + w.tod('work'), pay_acct, dst, 0, r.choice(['counter', 'online', 'pos']), loc,
            r.choice(['购车款', '首付款', '定金']), M_SWEEP)
    # ---- newcomers: first account opened inside the window ----
    for _ in range(int(150 * S * N)):
        home = home_code(w)
        g = group_of(home)
        p = make_person(w, 'newcomer', home, (18, 21), 1, 100, new_window=(0, 110))
        a = p.accts[0]
        fam = family_pool(w, g)
        q = fam[r.randrange(len(fam))]
        d0 = int(w.accts[a].opened // DAY) + 1
        for _ in range(r.randint(1, 4)):
            w.T(w.at(r.randint(d0, NDAYS - 1)), q.accts[0], a, Y(r.choice([200, 300, 500, 1000])), 'mobile',
                q.loc, '', M_CLIP)
        routine(w, p, a, rate=0.6, spend_med=35, cash=0.2, profile='young', group=g, d0=d0)


def split(w, total, k, unit=100):
    """split total fen into k positive parts rounded to unit fen (remainder on the last)."""
    k = max(1, k)
    ws = [w.rng.random() + 0.25 for _ in range(k)]
    s = sum(ws)
    parts = [int(total * x / s) // unit * unit for x in ws]
    parts[-1] += total - sum(parts)
    return [p for p in parts if p > 0]


def weekly(d0, d1, step=7, off=0):
    return range(max(0, d0 + off), min(NDAYS, d1), step)


ORDER_PRICES = [39.9, 49.9, 59.9, 69.9, 79, 88, 99, 128, 139, 168, 198, 268, 298]


def build_economy(w):
    """the region's seasonal economy: navel oranges, pomelo, furniture, logistics, rare earth,
    tobacco, tea, Hakka clan associations, overseas remittances, traders."""
    r = w.rng
    cfg = w.cfg
    S = cfg['lawful_scale']
    H = cfg['harvest'] * S
    L = cfg['lookalike'] * S
    N = cfg['newacct']
    hs0, hs1 = (28, 116) if cfg['harvest'] > 1.2 else (35, 110)
    w.harvest = (hs0, hs1)
    w.orange_buyers_ops = []
    outs = w.outsiders

    def outsider():
        return outs[r.randrange(len(outs))]

    # ------------------ 赣南脐橙: pickers, growers, packing houses, buyers, e-sellers ------------------
    pickers = []
    for _ in range(int(480 * H)):
        home = r.choice(ORANGE_COUNTIES)
        newa = r.random() < 0.25 * N
        p = make_person(w, 'picker', home, (35, 68), 1, 2500, first_bank=r.choice(['JXRCU', 'PSBC', 'JXRCU',
                                                                                  'ABC', 'GZCCB', 'BOC']),
                        new_window=(hs0 - 12, hs0 + 20) if newa else None)
        if newa:
            w.accts[p.accts[0]].arch = 'picker_newacct'
        pickers.append(p)
        a = p.accts[0]
        routine(w, p, a, rate=0.4, spend_med=50, cash=0.2, profile='old', group='GZ', wallet=False)
        for d in weekly(hs0 + 6, hs1 + 8):
            if r.random() < 0.45:
                w.T(w.at(d + r.randint(0, 3), 'old'), a, -1, Y(r.choice([300, 500, 800, 1000, 1500, 2000])),
                    'atm', home, '', M_SKIP)
    growers = []
    for _ in range(int(650 * H)):
        home = r.choice(ORANGE_COUNTIES)
        p = make_person(w, 'orange_grower', home, (32, 70), 1 + (r.random() < 0.5), 15000,
                        first_bank=r.choice(['JXRCU', 'JXRCU', 'PSBC', 'GZCCB', 'ABC']))
        growers.append(p)
        a = p.accts[0]
        bank = w.accts[a].bank
        routine(w, p, a, rate=0.7, spend_med=80, cash=0.5, group='GZ')
        for _ in range(r.randint(1, 3)):
            w.T(w.at(r.randint(0, hs0)), a, pick(w, 'agri:GZ'), amount(w, 3000, 0.6, 500, 20000, 10), 'mobile',
                home, r.choice(['', '化肥', '纸箱', '农药']), M_CLIP)
        if r.random() < 0.3 and ('bankloan:' + bank) in w.inst:
            v = amount(w, 50000, 0.5, 10000, 200000, 1000)
            w.T(w.at(r.randint(3, 30), 'work'), I(w, 'bankloan:' + bank)[0], a, v, 'counter', home, '贷款发放',
                M_FORCE)
            w.T(w.at(r.randint(95, 118), 'work'), a, I(w, 'bankloan:' + bank)[0], int(v * 1.03), 'counter', home,
                '还贷', M_CLIP)
        local = [q for q in pickers[:200] if q.home == home] or pickers
        crew = [local[r.randrange(len(local))] for _ in range(r.randint(3, 10))]
        s, e = hs0 + r.randint(0, 15), hs1 - r.randint(0, 20)
        p.tags['season'] = (s, e)
        for d in weekly(s + 3, e + 3):
            if r.random() < 0.55:
                for q in r.sample(crew, min(len(crew), r.randint(1, 3))):
                    w.T(w.at(d + r.randint(0, 4), 'evening'), a, q.accts[0], Y(r.randint(3, 25) * 100),
                        'mobile', home, r.choice(['', '工钱', '摘果']), M_CLIP)
            if r.random() < 0.22:
                w.T(w.at(d + r.randint(0, 4), 'work'), a, -1, Y(r.randint(50, 400) * 100), 'counter', home, '',
                    M_CLIP)
        if r.random() < 0.3:
            red_packets(w, p, a, family_pool(w, 'GZ'), 1, 4)
    houses = []
    for _ in range(int(20 * H)):
        reg = r.choice(ORANGE_COUNTIES)
        p = w.new_corp('packing_house', reg)
        a = w.open_acct(p, r.choice(['JXRCU', 'GZCCB', 'ABC', 'CCB', 'ICBC', 'BOC']), w.old_open(1, 12), reg,
                        cls='corp', bal=Y(r.randint(100000, 600000))).i
        houses.append(a)
        crew = [pickers[r.randrange(len(pickers))] for _ in range(r.randint(8, 30))]
        sup = [growers[r.randrange(len(growers))] for _ in range(r.randint(10, 40))]
        for d in weekly(hs0 - 3, hs1 + 5, 7, r.randint(0, 6)):
            v = amount(w, 200000, 0.6, 40000, 900000, 1000)
            src = pick(w, r.choice(['platform', 'wholesale_out', 'wholesale_out']))
            w.T(w.at(d, 'work'), src, a, v, 'online' if r.random() < 0.5 else 'other', None,
                r.choice(['货款', '', '脐橙']), M_FORCE)
            for q in r.sample(sup, min(len(sup), r.randint(3, 10))):
                w.T(w.at(d + r.randint(0, 3), 'work'), a, q.accts[0], amount(w, 15000, 0.6, 2000, 80000, 10),
                    'online', reg, r.choice(['果款', '脐橙款', '']), M_CLIP)
            tb = (d + r.randint(2, 5)) * DAY + r.randint(10, 17) * HOUR
            for q in crew:
                if r.random() < 0.85:
                    w.T(tb + r.randint(0, 90), a, q.accts[0], Y(r.randint(6, 25) * 100), 'other', reg, '工资',
                        M_CLIP)
            if r.random() < 0.7:
                w.T(w.at(d + r.randint(1, 6), 'work'), a, pick(w, 'express'), amount(w, 15000, 0.5), 'online',
                    reg, '运费', M_CLIP)
    for _ in range(int(40 * H)):
        local = r.random() < 0.3
        home = r.choice(GZ) if local else r.choice(OUT + NEAR)
        base = r.choice(ORANGE_COUNTIES)
        p = make_person(w, 'orange_buyer', home, (30, 58), 1 + (r.random() < 0.5), 80000, loc=base,
                        group=group_of(home))
        op = p.accts[0]
        s, e = hs0 + r.randint(-5, 10), hs1 - r.randint(0, 15)
        if r.random() < (0.15 if local else 0.45) * N:         # opens a local account for the season
            na = w.open_acct(p, r.choice(['GZCCB', 'JXRCU', 'ICBC', 'ABC', 'CCB']),
                             (s - r.randint(1, 12)) * DAY + w.tod('work'), base, cls='I', arch='orange_buyer_new')
            w.T(na.opened + r.randint(HOUR, 30 * HOUR), op, na.i, amount(w, 100000, 0.4, 30000, 300000, 1000),
                'online', home, '', M_CLIP)
            op = na.i
        sup = [growers[r.randrange(len(growers))] for _ in range(r.randint(20, 80))]
        d = s
        while d < e:
            v = amount(w, 250000, 0.6, 60000, 900000, 1000)
            w.T(w.at(d, 'work'), pick(w, 'wholesale_out'), op, v, 'online', None, r.choice(['货款', '', '预付款']),
                M_FORCE)
            t0 = w.at(d, 'work') + HOUR
            rest = int(v * r.uniform(0.82, 0.95))
            k = r.randint(5, 22)
            for part in split(w, rest, k, 1000):
                q = sup[r.randrange(len(sup))]
                t = t0 + r.randint(0, 46 * HOUR)
                if (t % DAY) < 9 * HOUR:
                    t += 10 * HOUR
                w.T(t, op, q.accts[0], part, 'mobile', base, r.choice(['果款', '脐橙', '', '']), M_CLIP)
            x = r.random()
            if x < 0.22:
                w.T(t0 + r.randint(0, 30 * HOUR), op, -1, Y(r.randint(200, 499) * 100), 'counter', base, '',
                    M_CLIP)
            elif x < 0.27:
                w.T(t0 + r.randint(0, 30 * HOUR), op, -1, Y(r.randint(50, 150) * 1000), 'counter', base,
                    '收购款', M_CLIP)
            if r.random() < 0.6 and houses:
                w.T(t0 + r.randint(0, 48 * HOUR), op, houses[r.randrange(len(houses))],
                    amount(w, 20000, 0.5, 3000, 80000, 100), 'online', base, '打包费', M_CLIP)
            w.orange_buyers_ops.append(op)
            d += r.randint(3, 7)
    for _ in range(int(150 * L * cfg['harvest'])):
        home = r.choice(ORANGE_COUNTIES + ['360702', '360704'])
        p = make_person(w, 'orange_eseller', home, (21, 42), 1 + (r.random() < 0.5), 8000,
                        first_bank=r.choice(['GZCCB', 'JXRCU', 'ABC', 'ICBC', 'CCB']))
        card = p.accts[0]
        recv = card
        s, e = hs0 - r.randint(0, 7), hs1 - r.randint(0, 10)
        if r.random() < 0.15 * N:
            recv = w.open_acct(p, r.choice(['GZCCB', 'TENPAY', 'CCB', 'ICBC']),
                               (s - r.randint(1, 10)) * DAY + w.tod('day'), home, cls='II',
                               arch='orange_eseller_new').i
        elif r.random() < 0.45:
            recv = w.open_acct(p, 'TENPAY', w.old_open(1, 5), home, cls='II', arch='orange_eseller',
                               bal=Y(r.randint(100, 3000))).i
        rate = r.uniform(0.4, 1.4)
        for d in range(max(0, s), min(NDAYS, e)):
            for _ in range(w.poisson(rate)):
                q = outsider()
                price = Y(r.choice(ORDER_PRICES) * r.choice([1, 1, 1, 2, 2, 3, 5]))
                w.T(w.at(d, 'evening'), q.accts[0], recv, price, 'mobile', q.loc, r.choice(['', '', '脐橙']),
                    M_SKIP)
        for d in weekly(s, e, 7, r.randint(0, 6)):
            for _ in range(r.randint(1, 2)):
                w.T(w.at(d, 'work'), pick(w, 'platform'), recv if r.random() < 0.5 else card,
                    amount(w, 8000, 0.7, 1000, 60000), 'other', None, '结算', M_FORCE)
            for _ in range(r.randint(1, 2)):
                tgt = r.choice([growers[r.randrange(len(growers))].accts[0]] + houses[:1] * (len(houses) > 0))
                w.T(w.at(d + r.randint(0, 2), 'evening'), card, tgt, amount(w, 12000, 0.6, 2000, 60000, 100),
                    'mobile', home, r.choice(['果款', '']), M_CLIP)
            w.T(w.at(d + r.randint(0, 6), 'work'), card, pick(w, 'express'), amount(w, 3000, 0.6, 300, 20000),
                'online', home, '快递费', M_CLIP)
            if recv != card:
                w.T(w.at(d + r.randint(0, 6), 'evening'), recv, card, Y(r.randint(0, 300)), 'mobile', home,
                    '', M_SWEEP)
        routine(w, p, card, rate=0.8, spend_med=60, cash=0.2, profile='young', group='GZ')
    # ------------------ 梅州金柚 pomelo (season Oct - Nov) ------------------
    mz_hh = family_pool(w, 'MZ')
    pgrowers = []
    for _ in range(int(240 * S)):
        home = r.choice(POMELO)
        p = make_person(w, 'pomelo_grower', home, (35, 70), 1 + (r.random() < 0.4), 12000, group='MZ')
        pgrowers.append(p)
        a = p.accts[0]
        routine(w, p, a, rate=0.6, spend_med=70, cash=0.6, group='MZ', profile='old')
        for d in weekly(0, 50, 7, r.randint(0, 6)):
            if r.random() < 0.6:
                q = mz_hh[r.randrange(len(mz_hh))]
                w.T(w.at(d + 2, 'evening'), a, q.accts[0], Y(r.randint(3, 20) * 100), 'mobile', home, '工钱',
                    M_CLIP)
        if r.random() < 0.3:
            for _ in range(w.poisson(10)):
                q = outsider()
                w.T(w.at(r.randint(0, 55), 'evening'), q.accts[0], a, Y(r.choice([59, 69, 88, 99, 128, 168])),
                    'mobile', q.loc, r.choice(['', '柚子']), M_SKIP)
    for _ in range(int(14 * S)):
        home = r.choice(MZ) if r.random() < 0.4 else r.choice(OUT + NEAR)
        base = r.choice(POMELO)
        p = make_person(w, 'pomelo_buyer', home, (30, 58), 1 + (r.random() < 0.5), 60000, loc=base,
                        group=group_of(home))
        op = p.accts[0]
        sup = [pgrowers[r.randrange(len(pgrowers))] for _ in range(r.randint(15, 50))]
        d = r.randint(0, 6)
        while d < 55:
            v = amount(w, 150000, 0.5, 40000, 600000, 1000)
            w.T(w.at(d, 'work'), pick(w, 'wholesale_out'), op, v, 'online', None, r.choice(['货款', '']), M_FORCE)
            for part in split(w, int(v * r.uniform(0.85, 0.95)), r.randint(4, 16), 1000):
                q = sup[r.randrange(len(sup))]
                w.T(w.at(d + r.randint(0, 2), 'day'), op, q.accts[0], part, 'mobile', base, r.choice(['柚子款', '']),
                    M_CLIP)
            d += r.randint(3, 8)
    # ------------------ 南康 furniture: factories, workers, live-stream sellers, logistics ------------------
    factories = []
    owners = []
    for _ in range(int(50 * S)):
        p = w.new_corp('furniture_factory', '360703')
        a = w.open_acct(p, r.choice(['GZCCB', 'JXRCU', 'ICBC', 'CCB', 'ABC', 'BOC', 'CIB']), w.old_open(1, 15),
                        '360703', cls='corp', bal=Y(r.randint(200000, 1500000))).i
        factories.append(a)
        o = make_person(w, 'factory_owner', '360703', (32, 60), 2, 100000)
        owners.append(o)
        for d in range(r.randint(0, 4), NDAYS, 1):
            if r.random() < 0.25:
                w.T(w.at(d, 'work'), pick(w, 'wholesale_out'), a, amount(w, 60000, 0.8, 8000, 600000, 100),
                    'online', None, r.choice(['货款', '', '家具款']), M_FORCE)
            if r.random() < 0.12:
                q = outsider()
                w.T(w.at(d), q.accts[0], a, amount(w, 9000, 0.6, 1000, 60000, 10), 'mobile', q.loc,
                    r.choice(['', '定金', '尾款']), M_SKIP)
        for d in weekly(2, NDAYS, 7, r.randint(0, 6)):
            w.T(w.at(d, 'work'), a, pick(w, 'timber'), amount(w, 90000, 0.6, 10000, 500000, 100), 'online',
                '360703', r.choice(['板材款', '木材款', '']), M_CLIP)
        for m in range(4):
            w.T(w.at(MONTH_STARTS[m] + r.randint(3, 8), 'work'), a, o.accts[0],
                amount(w, 40000, 0.5, 5000, 200000, 1000), 'online', '360703', '', M_CLIP)
        routine(w, o, o.accts[0], rate=1.2, spend_med=200, cash=0.4, group='GZ')
    w.factories = factories
    fw_home = ['360703', '360703', '360724', '360725', '360704', '360723', '360702']
    for _ in range(int(650 * S)):
        p = make_person(w, 'furniture_worker', r.choice(fw_home), (19, 55), 1 + (r.random() < 0.25), 4000,
                        loc='360703', group='GZ')
        a = p.accts[0]
        f = factories[r.randrange(len(factories))]
        pd = (f * 7) % 10 + 6
        salary(w, f, a, pd, Y(w.lognorm(5500, 0.3, 3000, 14000)), '工资', ch='other', jitter=0.1)
        routine(w, p, a, rate=0.9, spend_med=60, cash=0.5, group='GZ', reg='360703')
        if r.random() < 0.3:
            fam = family_pool(w, 'GZ')
            q = fam[r.randrange(len(fam))]
            for m in range(4):
                w.T(w.at(MONTH_STARTS[m] + pd + r.randint(0, 5), 'evening'), a, q.accts[0],
                    amount(w, 1200, 0.4, 200, 5000, 100), 'mobile', '360703', '', M_CLIP)
        if r.random() < 0.3:
            red_packets(w, p, a, family_pool(w, 'GZ'), 1, 4)
    logistics = []
    drivers = []
    for _ in range(int(150 * S)):
        p = make_person(w, 'logistics_driver', r.choice(['360703', '360702', '360704', '360724', '360732']),
                        (25, 55), 1 + (r.random() < 0.4), 5000, group='GZ')
        drivers.append(p)
        a = p.accts[0]
        routine(w, p, a, rate=0.7, spend_med=80, cash=0.4, group='GZ')
        for m in range(4):
            for _ in range(r.randint(3, 6)):
                w.T(w.at(MONTH_STARTS[m] + r.randint(0, 29)), a, pick(w, 'merchant:GZ'),
                    amount(w, 600, 0.4, 200, 1500), 'pos', r.choice(GZ + PRD + OUT[:6]), '', M_SKIP)
    for _ in range(int(24 * S)):
        reg = r.choice(['360703', '360703', '360702', '360704'])
        if r.random() < 0.6:                                    # personal-account 物流专线 (pass-through!)
            p = make_person(w, 'logistics_cod', reg, (28, 55), 1 + (r.random() < 0.5), 30000, group='GZ')
            a = p.accts[0]
        else:
            p = w.new_corp('logistics_firm', reg)
            a = w.open_acct(p, r.choice(['GZCCB', 'JXRCU', 'ICBC', 'CCB', 'ABC']), w.old_open(1, 10), reg,
                            cls='corp', bal=Y(r.randint(50000, 300000))).i
        logistics.append(a)
        crew = [drivers[r.randrange(len(drivers))] for _ in range(r.randint(4, 12))]
        for d in range(NDAYS):
            for _ in range(w.poisson(1.1)):
                q = outsider()
                w.T(w.at(d), q.accts[0], a, amount(w, 4000, 0.7, 500, 30000, 10), 'mobile', q.loc,
                    r.choice(['代收货款', '货款', '', '']), M_SKIP)
        for d in weekly(3, NDAYS, 7, r.randint(0, 6)):
            for f in r.sample(factories, r.randint(1, 3)):
                w.T(w.at(d, 'work') + r.randint(0, 1800), a, f, amount(w, 15000, 0.6, 2000, 100000, 100),
                    'online', reg, r.choice(['代收货款', '货款返还', '']), M_CLIP)
            for q in r.sample(crew, min(len(crew), r.randint(1, 4))):
                w.T(w.at(d + r.randint(0, 3), 'day'), a, q.accts[0], Y(r.randint(20, 90) * 100), 'mobile', reg,
                    r.choice(['运费', '', '车费']), M_CLIP)
    w.logistics = logistics
    for _ in range(int(190 * L)):
        p = make_person(w, 'furniture_seller', r.choice(['360703', '360703', '360702']), (21, 42),
                        1 + (r.random() < 0.5), 15000, group='GZ')
        card = p.accts[0]
        recv = card
        if r.random() < 0.2 * N:
            recv = w.open_acct(p, r.choice(['GZCCB', 'JXRCU', 'TENPAY', 'ICBC']),
                               r.randint(-20, 35) * DAY + w.tod('day'), '360703', cls='II',
                               arch='furniture_seller_new').i
        elif r.random() < 0.35:
            recv = w.open_acct(p, 'GZCCB', w.old_open(0.5, 4), '360703', cls='II', arch='furniture_seller',
                               bal=Y(r.randint(0, 5000))).i
        myf = [factories[r.randrange(len(factories))] for _ in range(r.randint(1, 4))]
        batch = r.random() < 0.4
        start = max(0, int(w.accts[recv].opened // DAY) + 1)
        for d in range(start, NDAYS):
            if 31 <= d <= D_SINGLES:
                lam = 1.3
            elif 61 <= d <= D_DOUBLE12:
                lam = 0.8
            elif d >= D_XIAONIAN - 5:
                lam = 0.12
            else:
                lam = 0.35
            for _ in range(w.poisson(lam * r.uniform(0.6, 1.4))):
                q = outsider()
                v = amount(w, 3500, 0.8, 300, 40000, 1)
                t = w.at(d, 'evening')
                w.T(t, q.accts[0], recv, v, 'mobile', q.loc, r.choice(['', '', '定金', '沙发', '床', '尾款']),
                    M_SKIP)
                if not batch:
                    w.T(t + r.randint(3 * MIN, 4 * HOUR), recv, myf[r.randrange(len(myf))],
                        int(v * r.uniform(0.6, 0.85)) // 100 * 100, 'mobile', '360703', '', M_CLIP)
            if batch and r.random() < 0.5:
                t = d * DAY + r.randint(23 * HOUR, 25 * HOUR)
                w.T(t, recv, myf[r.randrange(len(myf))], Y(r.randint(1000, 5000)), 'mobile', '360703', '',
                    M_SWEEP)
        for d in weekly(start, NDAYS, 7, r.randint(0, 6)):
            if r.random() < 0.6:
                w.T(w.at(d, 'work'), pick(w, 'platform'), recv, amount(w, 6000, 0.7, 500, 50000), 'other', None,
                    '结算', M_FORCE)
            w.T(w.at(d + 1), recv, logistics[r.randrange(len(logistics))], amount(w, 2500, 0.6, 300, 20000),
                'mobile', '360703', '运费', M_CLIP)
            if recv != card:
                w.T(w.at(d + 2, 'evening'), recv, card, Y(r.randint(500, 3000)), 'mobile', '360703', '', M_SWEEP)
        routine(w, p, card, rate=0.9, spend_med=90, cash=0.2, profile='young', group='GZ')
    # ------------------ rare earth towns ------------------
    for a in I(w, 'rare_corp'):
        for d in weekly(0, NDAYS, 7, r.randint(0, 6)):
            w.T(w.at(d, 'work'), pick(w, 'wholesale_out'), a, amount(w, 1500000, 0.6, 200000, 8000000, 1000),
                'online', None, '货款', M_FORCE)
            w.T(w.at(d + 2, 'work'), a, pick(w, 'wholesale_out'), amount(w, 900000, 0.6, 100000, 5000000, 1000),
                'online', None, r.choice(['采购款', '']), M_FORCE)
    for _ in range(int(300 * S)):
        home = r.choice(RARE_EARTH)
        p = make_person(w, 'rare_earth_worker', home, (20, 56), 1 + (r.random() < 0.3), 6000, group='GZ')
        a = p.accts[0]
        salary(w, pick(w, 'rare_corp'), a, r.choice([10, 12, 15]), Y(w.lognorm(6000, 0.3, 3500, 15000)))
        routine(w, p, a, rate=0.8, spend_med=70, cash=0.5, group='GZ')
        if r.random() < 0.3:
            red_packets(w, p, a, family_pool(w, 'GZ'), 1, 4)
    # ------------------ tobacco (Longyan, Sanming) ------------------
    for _ in range(int(260 * S)):
        home = r.choice(TOBACCO)
        g = group_of(home)
        p = make_person(w, 'tobacco_farmer', home, (35, 68), 1 + (r.random() < 0.4), 20000,
                        first_bank=r.choice(['FJRCU', 'FJRCU', 'ABC', 'PSBC', 'CIB']))
        a = p.accts[0]
        routine(w, p, a, rate=0.6, spend_med=70, cash=0.6, group=g, profile='old')
        for _ in range(r.randint(2, 4)):
            w.T(w.at(r.randint(0, 50), 'work'), I(w, 'tobacco:' + g)[0], a, amount(w, 25000, 0.6, 5000, 120000, 1),
                'other', None, '烟叶款', M_FORCE)
        for _ in range(r.randint(1, 3)):
            w.T(w.at(r.randint(70, 120)), a, pick(w, 'agri:' + g), amount(w, 5000, 0.6, 800, 30000, 10),
                'mobile', home, r.choice(['化肥', '育苗', '']), M_CLIP)
        fam = family_pool(w, g)
        for _ in range(r.randint(0, 3)):
            q = fam[r.randrange(len(fam))]
            w.T(w.at(r.randint(75, 120)), a, q.accts[0], Y(r.randint(10, 50) * 100), 'mobile', home, '工钱',
                M_CLIP)
        if r.random() < 0.3:
            red_packets(w, p, a, fam, 1, 4)
    # ------------------ tea (漳平, 大田 ...) ------------------
    for _ in range(int(150 * S)):
        home = r.choice(TEA)
        g = group_of(home)
        p = make_person(w, 'tea_farmer', home, (28, 66), 1 + (r.random() < 0.4), 15000)
        a = p.accts[0]
        routine(w, p, a, rate=0.6, spend_med=70, cash=0.4, group=g)
        for _ in range(w.poisson(8)):
            q = outsider()
            w.T(w.at(r.randint(0, 80), 'evening'), q.accts[0], a, amount(w, 300, 0.6, 60, 3000, 1), 'mobile',
                q.loc, r.choice(['', '茶叶']), M_SKIP)
        for _ in range(r.randint(0, 3)):
            w.T(w.at(r.randint(0, 60), 'work'), pick(w, 'wholesale_out'), a, amount(w, 15000, 0.6, 3000, 80000, 100),
                'online', None, '茶叶款', M_FORCE)
    # ------------------ Meizhou: overseas remittances, Hakka clan associations ------------------
    ovfam = []
    for _ in range(int(380 * S)):
        home = r.choice(MZ)
        p = make_person(w, 'overseas_family', home, (40, 82), 1 + (r.random() < 0.4), 20000, group='MZ')
        ovfam.append(p)
        a = p.accts[0]
        routine(w, p, a, rate=0.5, spend_med=70, cash=0.6, group='MZ', profile='old')
        bank = r.choice(['MAYBANK', 'MAYBANK', 'CIMB', 'BCA', 'BBL', 'DBS', 'HSBCHK'])
        rel = w.new_person('overseas_relative', home, (35, 75))
        ra = w.open_acct(rel, bank, w.old_open(2, 30), '', cls='I', arch='overseas_relative')
        ra.inf = True
        days = [r.randint(0, 80)] if r.random() < 0.7 else []
        if r.random() < 0.75:
            days.append(r.randint(D_XIAONIAN - 16, D_XIAONIAN))
        for d in days:
            v = amount(w, 15000 if d < 90 else 30000, 0.6, 2000, 150000, 100)
            t = w.at(d, 'work')
            w.T(t, ra.i, a, v, 'online', None, r.choice(['', 'family support', '家用', 'remittance']), M_FORCE,
                cross=True)
            if r.random() < 0.45:
                for q in r.sample(mz_hh, r.randint(2, 4)):
                    w.T(t + r.randint(2 * HOUR, 3 * DAY), a, q.accts[0], amount(w, 3000, 0.6, 500, 20000, 100),
                        'mobile', home, r.choice(['', '过年', '家用']), M_CLIP)
            if r.random() < 0.3:
                w.T(t + r.randint(HOUR, 4 * DAY), a, -1, Y(r.randint(5, 30) * 1000), 'counter', home, '', M_CLIP)
        if r.random() < 0.4:
            red_packets(w, p, a, mz_hh, 2, 6, 600)
    mz_students = [p for p in w.students if p.loc == '441402' or group_of(p.home) == 'MZ']
    mz_pens = [p for p in w.pensioners if group_of(p.home) == 'MZ']
    mz_mig = [p for p in w.migrants if group_of(p.home) == 'MZ']
    members_pool = mz_hh + mz_mig + ovfam + mz_pens
    for _ in range(int(30 * L)):
        home = r.choice(MZ)
        if r.random() < 0.4:
            p = w.new_corp('clan_association', home)
            a = w.open_acct(p, r.choice(['PSBC', 'ABC', 'ICBC', 'CCB', 'MZKSB', 'GDRC']), w.old_open(2, 20), home,
                            cls='corp', arch='clan_association', bal=Y(r.randint(50000, 250000))).i
        else:
            p = make_person(w, 'clan_treasurer', home, (45, 75), 1 + (r.random() < 0.5), 20000, group='MZ',
                            first_bank=r.choice(['PSBC', 'ABC', 'ICBC', 'CCB', 'MZKSB']))
            a = p.accts[0]
            w.accts[a].bal += Y(r.randint(50000, 200000))
            routine(w, p, a, rate=0.4, spend_med=80, cash=0.4, group='MZ', profile='old')
        mem = [members_pool[r.randrange(len(members_pool))] for _ in range(r.randint(30, 120))]
        for (d0, d1, pr, memos) in ((D_DONGZHI - 12, D_DONGZHI, 0.6, ['冬至祭祖', '捐款', '', '祭祖']),
                                     (D_XIAONIAN - 10, D_CHUXI - 1, 0.5, ['团拜', '新春', '', '会费'])):
            for q in mem:
                if r.random() < pr:
                    w.T(w.at(r.randint(d0, d1 - 1), 'evening'), q.accts[0], a,
                        Y(r.choice([100, 200, 200, 300, 500, 500, 600, 800, 1000, 1000, 2000, 3000, 5000])),
                        'mobile', q.loc, r.choice(memos), M_SKIP)
        for _ in range(r.randint(1, 4)):
            ob = w.new_person('overseas_relative', home, (40, 80))
            oa = w.open_acct(ob, r.choice(['MAYBANK', 'CIMB', 'BCA', 'DBS', 'BBL']), w.old_open(3, 30), '',
                             arch='overseas_relative')
            oa.inf = True
            w.T(w.at(r.randint(40, 115), 'work'), oa.i, a, amount(w, 20000, 0.6, 3000, 150000, 100), 'online',
                None, r.choice(['donation', '捐款', '']), M_FORCE, cross=True)
        w.T(w.at(D_DONGZHI + r.randint(1, 25), 'work'), a, pick(w, 'construction:MZ'),
            amount(w, 90000, 0.5, 20000, 300000, 1000), 'counter', home, r.choice(['祠堂修缮', '工程款']), M_CLIP)
        w.T(w.at(D_DONGZHI, 'work'), a, pick(w, 'restaurant:MZ'), amount(w, 25000, 0.5, 5000, 80000, 100),
            'mobile', home, '酒席', M_CLIP)
        if mz_students:
            d = r.choice([r.randint(5, 25), r.randint(D_XIAONIAN - 8, D_CHUXI - 1)])
            for q in r.sample(mz_students, min(len(mz_students), r.randint(6, 25))):
                w.T(w.at(d, 'work') + r.randint(0, 3 * HOUR), a, q.accts[0], Y(r.choice([1000, 2000, 3000, 5000])),
                    'mobile', home, '奖学金', M_CLIP)
        if mz_pens:
            d = r.randint(D_XIAONIAN - 6, D_CHUXI - 1)
            for q in r.sample(mz_pens, min(len(mz_pens), r.randint(8, 30))):
                w.T(w.at(d, 'work') + r.randint(0, 2 * HOUR), a, q.accts[0], Y(r.choice([200, 300, 500, 800, 1000])),
                    'mobile', home, '慰问金', M_CLIP)
    # ------------------ traders (gold, phones): customers and suppliers ------------------
    region_people = w.hh.get('GZ', []) + w.migrants
    for a in I(w, 'trader'):
        acc = w.accts[a]
        for d in range(NDAYS):
            lam = 0.35 * (2.0 if D_XIAONIAN - 14 <= d <= D_CHUXI else 1.0)
            for _ in range(w.poisson(lam)):
                q = outsider() if r.random() < 0.6 else region_people[r.randrange(len(region_people))]
                w.T(w.at(d), q.accts[0], a, amount(w, 6000, 0.8, 500, 60000, 1), r.choice(['pos', 'mobile']),
                    acc.region, '', M_SKIP)
        for d in weekly(0, NDAYS, 7, r.randint(0, 6)):
            w.T(w.at(d, 'work'), a, pick(w, 'supplier_sz'), Y(r.randint(5000, 30000)), 'online', acc.region,
                '进货', M_SWEEP)
    # ------------------ shops: wholesale purchases, cash takings, wallet to card ------------------
    for p in w.by_arch.get('small_shop', []):
        recv = p.tags['recv']
        card = p.accts[0]
        g = group_of(p.home)
        wk = 'wholesale:' + g if ('wholesale:' + g) in w.inst else 'wholesale_out'
        for d in weekly(0, NDAYS, 7, r.randint(0, 6)):
            if r.random() < 0.6:
                w.T(w.at(d, 'work'), card, pick(w, wk), amount(w, 5000, 0.6, 500, 30000, 10), 'mobile', p.home,
                    r.choice(['货款', '', '进货']), M_CLIP)
            if r.random() < 0.6:
                w.T(w.at(d + r.randint(0, 6), 'evening'), -1, card, Y(r.randint(5, 50) * 100), 'counter' if
                    r.random() < 0.5 else 'atm', p.home, '', M_FORCE)
            if recv != card:
                w.T(w.at(d + r.randint(0, 6), 'evening'), recv, card, Y(r.randint(0, 200)), 'mobile', p.home, '',
                    M_SWEEP)
        routine(w, p, card, rate=0.6, spend_med=100, cash=0.2, group=g if g in ('GZ', 'LY', 'SM', 'MZ', 'PRD')
                else 'OUT')
    # ------------------ payment-firm wallets with rows spend at merchants ------------------
    for wi in w.wallets:
        acc = w.accts[wi]
        if acc.bank != 'TENPAY':
            continue
        g = group_of(acc.person.loc)
        g = g if ('merchant:' + g) in w.inst else 'OUT'
        for _ in range(w.poisson(6 * w.life_rate)):
            w.T(w.at(r.randint(0, NDAYS - 1)), wi, spend_targets(w, g), amount(w, 45, 0.8, 2, 2000), 'mobile',
                acc.person.loc, '', M_SKIP)


# ----------------------------------------------------------------------------------------------
# fraud: typologies, rings, mules, card farmers, U商, cases
# ----------------------------------------------------------------------------------------------
TYPOLOGIES = {
    # id: (schedule, natural speed, case weight, victim pools, amount median (yuan), time profile)
    'brushing': ('escalate_rebate', 'fast', 1.4,
                 [('student', 30), ('outsider', 38), ('migrant', 14), ('household', 8), ('newcomer', 5),
                  ('furniture_worker', 5)], 600, 'young'),
    'police_gov': ('safe_account', 'slow', 0.8,
                   [('pensioner', 28), ('outsider', 45), ('teacher_civil', 10), ('household', 10),
                    ('overseas_family', 7)], 60000, 'day'),
    'investment': ('long_con', 'slow', 1.0,
                   [('outsider', 55), ('teacher_civil', 10), ('multi_bank', 10), ('factory_owner', 6),
                    ('migrant', 12), ('household', 7)], 8000, 'evening'),
    'loan_card': ('escalate', 'fast', 1.0,
                  [('migrant', 30), ('outsider', 42), ('student', 10), ('factory_worker', 10),
                   ('furniture_worker', 8)], 1500, 'day'),
    'ecommerce_cs': ('loan_then_pay', 'fast', 1.2,
                     [('outsider', 55), ('student', 13), ('migrant', 15), ('household', 9), ('teacher_civil', 8)],
                     15000, 'day'),
    'credit_record': ('loan_then_pay', 'fast', 0.8, [('student', 40), ('outsider', 40), ('migrant', 20)], 12000,
                      'day'),
    'leader_acquaintance': ('single_big', 'fast', 0.6,
                            [('biz', 35), ('outsider', 40), ('teacher_civil', 10), ('small_shop', 15)], 80000,
                            'work'),
    'romance': ('long_con', 'slow', 0.7,
                [('outsider', 60), ('migrant', 20), ('factory_worker', 10), ('household', 10)], 6000, 'evening'),
    'game_trade': ('small_many', 'fast', 0.9, [('student', 50), ('outsider', 40), ('newcomer', 10)], 400, 'young'),
    'shopping_service': ('small_many', 'fast', 0.9,
                         [('student', 35), ('outsider', 50), ('household', 10), ('newcomer', 5)], 600, 'young'),
    'accident_kidnap': ('single', 'fast', 0.5, [('pensioner', 40), ('household', 30), ('outsider', 30)], 20000,
                        'old'),
    'subsidy_refund': ('atm_guided', 'slow', 0.5,
                       [('pensioner', 40), ('household', 20), ('outsider', 30), ('big_purchase', 10)], 8000, 'old'),
    'prize': ('atm_guided', 'fast', 0.5, [('household', 30), ('pensioner', 20), ('outsider', 50)], 5000, 'day'),
    'military_purchase': ('escalate', 'fast', 0.6,
                          [('small_shop', 30), ('furniture_seller', 30), ('biz', 10), ('outsider', 30)], 8000,
                          'work'),
    'parcel': ('safe_account', 'slow', 0.6,
               [('outsider', 50), ('student', 20), ('teacher_civil', 15), ('migrant', 15)], 30000, 'day'),
}
RING_TYPES = {
    'baseline': ['brushing', 'police_gov', 'investment', 'loan_card', 'ecommerce_cs', 'credit_record',
                 'leader_acquaintance', 'romance', 'game_trade', 'accident_kidnap', 'subsidy_refund'],
    'V2': ['brushing', 'police_gov', 'investment', 'loan_card', 'ecommerce_cs', 'credit_record',
           'leader_acquaintance', 'romance', 'game_trade', 'subsidy_refund', 'military_purchase', 'prize'],
    'V3': ['brushing', 'police_gov', 'ecommerce_cs', 'loan_card', 'shopping_service', 'game_trade',
           'leader_acquaintance', 'military_purchase', 'investment', 'parcel'],
}
PAOFEN_OK = ('brushing', 'game_trade', 'shopping_service', 'loan_card', 'credit_record', 'prize', 'ecommerce_cs')
NONSUP_BANKS = ['BOC', 'CMB', 'BOCOM', 'SPDB', 'CEB', 'CMBC', 'PAB', 'CITIC', 'GDB', 'HXB']
SUP_CARD_BANKS = ['ICBC', 'ABC', 'CCB', 'PSBC', 'CIB', 'GZCCB', 'JXRCU', 'FJRCU']


class Ring(object):
    def __init__(self, i, typ):
        self.i = i
        self.typ = typ
        self.id = 'R%02d' % (i + 1)
        self.tracks = {}
        self.ops = []
        self.cases = []


def mule_region(w):
    x = w.rng.random()
    if x < 0.55:
        return w.rng.choice(MULE_OPEN)
    if x < 0.85:
        return w.rng.choice(['360702', '360703', '360731', '360732', '360730', '350802', '441402', '441424',
                             '441481', '350481'])
    return w.rng.choice(PRD)


def build_ushang(w):
    r = w.rng
    w.ushang = []
    n = 16 if w.variant != 'V2' else 22
    for _ in range(n):
        home = r.choice(['360702', '360703', '441402', '350802', '440306', '440304', '441900', '330106', '430104',
                         '510107', '450103', '350206'])
        p = w.new_person('ushang', home, (22, 45))
        k = r.randint(2, 3)
        used = []
        for j in range(k):
            if j == 0:
                bank = r.choice(SUP_CARD_BANKS[:5] + ['GZCCB'] * (group_of(home) == 'GZ'))
            else:
                bank = r.choice(SUP_CARD_BANKS + NONSUP_BANKS + ['ALIPAY'])
            if bank in used:
                continue
            used.append(bank)
            a = w.open_acct(p, bank, w.old_open(0.5, 6), home, role='ushang', arch='ushang',
                            bal=Y(r.randint(2000, 60000)))
            a.ring = 'U'
            a.level = 0
            w.ushang.append(a.i)
        routine(w, p, p.accts[0], rate=0.8, spend_med=150, cash=0.3, profile='young',
                group=group_of(home) if group_of(home) in ('GZ', 'LY', 'SM', 'MZ', 'PRD') else 'OUT')
    # people who buy USDT from them for their own reasons (speculation, games, paying abroad)
    for _ in range(55):
        home = r.choice(OUT + PRD + ['360702', '441402', '350802'])
        p = make_person(w, 'usdt_buyer', home, (20, 40), 1, 30000)
        a = p.accts[0]
        for _ in range(r.randint(1, 5)):
            w.T(w.at(r.randint(0, NDAYS - 1), 'young'), a, w.ushang[r.randrange(len(w.ushang))],
                amount(w, 12000, 0.8, 1000, 150000, 100), 'mobile', home, '', M_CLIP)
        routine(w, p, a, rate=0.6, spend_med=90, cash=0.2, profile='young')


def build_farmers(w):
    r = w.rng
    cfg = w.cfg
    w.farm_cards = []
    w.farm_sellable = {}
    n = r.randint(*cfg['farmers'])
    homes_out = ['421002', '420106', '431202', '430104', '450103', '520102', '230103', '150102', '510107']
    for f in range(n):
        home = r.choice(homes_out) if r.random() < 0.6 else r.choice(['360731', '360732', '360730', '441424',
                                                                    '350821', '360735'])
        p = w.new_person('card_farmer', home, (19, 45))
        fid = 'CF%02d' % (f + 1)
        p.farmer = fid
        w.farmers.append(p)
        hidden = r.random() < cfg['hidden_farmers']
        p.tags['hidden'] = hidden
        if r.random() < 0.6:
            own = w.open_acct(p, w.pick_bank(group_of(home)), w.old_open(2, 10), home, arch='farmer_own',
                              bal=Y(r.randint(200, 6000)))
            routine(w, p, own.i, rate=0.5, spend_med=60, cash=0.4, profile='young')
        c0 = r.randint(-120, 70)
        dur = r.randint(7, 30)
        cand = [c for c in MULE_OPEN + ['360702', '350802', '441402', '440306', '441900'] if c != home]
        cities = r.sample(cand, r.randint(2, 4))
        if hidden:
            banks = r.sample(NONSUP_BANKS, r.randint(3, 5)) + [r.choice(SUP_CARD_BANKS[:5])]
        else:
            banks = r.sample(SUP_CARD_BANKS[:5], r.randint(2, 4)) + r.sample(NONSUP_BANKS, r.randint(1, 3))
        nc = r.randint(6, 15)
        for k in range(nc):
            city = cities[k * len(cities) // nc]
            bank = banks[r.randrange(len(banks))]
            if bank in ('GZCCB', 'JXRCU') and group_of(city) != 'GZ':
                bank = 'ICBC'
            day = c0 + int(dur * k / nc)
            opened = day * DAY + 9 * HOUR + (k % 4) * 90 * MIN + r.randint(0, 80 * MIN)
            a = w.open_acct(p, bank, opened, city, cls='I' if r.random() < 0.7 else 'II', role='farmer_card',
                            arch='farmed_idle')
            a.farmer = fid
            w.farm_cards.append(a.i)
            w.farm_sellable[a.i] = r.random() < 0.62
            if opened >= 0 and r.random() < 0.7:
                w.T(opened + r.randint(60, 900), -1, a.i, Y(r.choice([10, 20, 50, 100])), 'counter', city, '',
                    M_FORCE, tk='warmup')


def new_mule_holder(w, reg):
    """a holder for a fresh or aged mule card: an existing young person of the region who sells a
    new card (40 %), or a new person."""
    r = w.rng
    if r.random() < 0.4:
        for _ in range(10):
            pool = w.by_arch.get(r.choice(['student', 'newcomer', 'migrant', 'furniture_worker', 'picker',
                                           'outsider']), [])
            if not pool:
                continue
            p = pool[r.randrange(len(pool))]
            if not p.victim and not p.tags.get('fraud') and 2024 - p.birth < 35:
                p.tags['fraud'] = 1
                return p, p.loc if r.random() < 0.6 else reg
    p = w.new_person('mule_holder', reg, (18, 40))
    p.tags['fraud'] = 1
    return p, reg


RENT_POOLS = ['migrant', 'student', 'household', 'furniture_worker', 'factory_worker', 'logistics_driver',
              'rare_earth_worker', 'outsider', 'picker', 'small_shop']
PAOFEN_POOLS = ['student', 'student', 'newcomer', 'migrant', 'furniture_worker', 'household', 'outsider']


def make_mule(w, ring, level, es, kind, exitlvl):
    r = w.rng
    tag = 'l1' if level == 1 else ('exit' if level == exitlvl else 'l%d' % level)
    es = int(es)
    if kind == 'farmed':
        cand = [c for c in w.farm_cards if w.farm_sellable[c] and not w.accts[c].used and w.accts[c].ring is None and
                w.accts[c].opened <= es - 2 * DAY]
        if cand:
            a = w.accts[cand[r.randrange(len(cand))]]
            a.role = 'mule'
            a.arch = 'farmed_' + tag
            a.used = True
            return a
        kind = 'fresh'
    if kind == 'rented':
        for _ in range(40):
            pool = w.by_arch.get(r.choice(RENT_POOLS), [])
            if not pool:
                continue
            p = pool[r.randrange(len(pool))]
            if p.victim or p.tags.get('fraud') or p.corp:
                continue
            olds = [x for x in p.accts if w.accts[x].opened < -365 * DAY and w.accts[x].bank not in
                    ('TENPAY', 'ALIPAY') and x != p.tags.get('recv')]
            if not olds:
                continue
            p.tags['fraud'] = 1
            a = w.accts[olds[-1]]
            a.role = 'mule'
            a.arch = 'rented_old'
            a.rented_at = es - int(r.uniform(1, 10) * DAY)
            others = [x for x in p.accts if x != a.i and w.accts[x].bank not in ('ALIPAY', 'TENPAY')]
            a.alt = others[0] if others else -1
            a.used = True
            return a
        kind = 'aged'
    if kind == 'paofen':
        for _ in range(40):
            pool = w.by_arch.get(r.choice(PAOFEN_POOLS), [])
            if not pool:
                continue
            p = pool[r.randrange(len(pool))]
            if p.victim or p.tags.get('fraud') or p.corp:
                continue
            cands = [x for x in p.accts if w.accts[x].opened < es - 30 * DAY and w.accts[x].bank != 'ALIPAY']
            if not cands:
                continue
            p.tags['fraud'] = 1
            a = w.accts[cands[r.randrange(len(cands))]]
            a.role = 'paofen'
            a.arch = 'paofen_' + p.arch
            a.used = True
            return a
        kind = 'aged'
    if kind == 'shell':
        reg = r.choice(HOME + PRD + OUT[:8])
        p = w.new_corp('shell_corp', reg)
        p.tags['fraud'] = 1
        opened = es - int(r.uniform(30, 150) * DAY)
        a = w.open_acct(p, w.pick_bank(group_of(reg)), opened, reg, cls='corp', role='mule', arch='shell_corp')
        w.T(opened + r.randint(DAY, 5 * DAY), -1, a.i, Y(r.randint(10, 50) * 1000), 'counter', reg, '注册资本',
            M_FORCE, tk='warmup')
        for _ in range(r.randint(1, 3)):
            w.T(opened + r.randint(6 * DAY, 25 * DAY), a.i, pick(w, 'wholesale_out'), Y(r.randint(500, 8000)),
                'online', reg, '货款', M_CLIP, tk='warmup')
        return a
    reg = mule_region(w)
    holder, reg = new_mule_holder(w, reg)
    if reg not in REGIONS:
        reg = mule_region(w)
    bank = w.pick_bank(group_of(reg))
    if bank in ('ALIPAY', 'TENPAY'):
        bank = r.choice(SUP_CARD_BANKS[:5] + NONSUP_BANKS[:4])
    cls = 'I' if r.random() < 0.6 else 'II'
    if kind == 'fresh':
        opened = es - int(r.uniform(2 * HOUR, 4 * DAY))
    else:
        opened = es - int(r.uniform(20, 150) * DAY)
    if cls == 'I':                                  # a class I card is opened at a branch counter
        opened = (opened // DAY) * DAY + w.tod('work')
        if opened > es - HOUR:
            opened -= DAY
    a = w.open_acct(holder, bank, opened, reg, cls=cls, role='mule', arch=kind + '_' + tag)
    if kind == 'fresh':
        if r.random() < 0.5 and ring.ops:
            w.T(es - r.randint(5 * MIN, 2 * HOUR), ring.ops[0], a.i, r.choice([1, 10, 50, 100]), 'mobile', None,
                '', M_FORCE, tk='warmup')
    else:
        others = [x for x in holder.accts if x != a.i]
        for _ in range(r.randint(2, 5)):
            t = opened + r.randint(DAY, max(2 * DAY, es - opened - DAY))
            t = (t // DAY) * DAY + w.tod('day')
            if others and r.random() < 0.5:
                w.T(t, others[0], a.i, Y(r.randint(20, 500)), 'mobile', reg, '', M_CLIP, tk='warmup')
            else:
                w.T(t, -1, a.i, Y(r.randint(50, 500)), 'atm', reg, '', M_FORCE, tk='warmup')
            w.T(t + r.randint(HOUR, 3 * DAY), a.i, spend_targets(w, 'OUT'), Y(r.randint(10, 200)), 'mobile', reg,
                '', M_SKIP, tk='warmup')
    return a


def build_rings(w):
    r = w.rng
    cfg = w.cfg
    types = RING_TYPES[w.variant]
    nr = len(types)
    total = r.randint(*cfg['cases'])
    wts = [TYPOLOGIES[t][2] * r.uniform(0.7, 1.3) for t in types]
    sw = sum(wts)
    counts = [max(12, int(total * x / sw)) for x in wts]
    counts[0] += total - sum(counts)
    nslow = int(round(nr * cfg['slow_share']))
    order = sorted(range(nr), key=lambda i: (0 if TYPOLOGIES[types[i]][1] == 'slow' else 1, r.random()))
    slow = [False] * nr
    for i in order[:nslow]:
        slow[i] = True
    lo, hi = cfg['case_days']
    for i, typ in enumerate(types):
        g = Ring(i, typ)
        g.sched, _, _, g.pools, g.med, g.profile = TYPOLOGIES[typ]
        g.speed = 'slow' if slow[i] else 'fast'
        g.ncases = counts[i]
        span = r.randint(35, 100)
        d0 = r.randint(lo, max(lo, hi - span))
        g.d0, g.d1 = d0, min(hi, d0 + span)
        g.levels = r.randint(*cfg['layers'])
        if g.sched in ('safe_account', 'single_big') and g.levels < 3 and r.random() < 0.5:
            g.levels += 1
        g.cash = r.choice(CASHOUT)
        g.cash2 = r.choice(CASHOUT)
        g.base = r.choice(['441900', '440306', '440307', '533102', '532801', '450681', '', ''])
        g.night = g.speed == 'slow' and r.random() < 0.8
        g.mimic = w.variant == 'V3' and r.random() < 0.4
        g.skim_p = r.uniform(0.3, 0.8)
        ew = dict(cfg['exit_w'])
        if g.med >= 30000:
            ew['xborder'] *= 1.6
            ew['ushang'] *= 1.3
            ew['atm'] *= 0.6
        g.exit_w = sorted(ew.items())
        mix = dict(cfg['mule_mix'])
        if typ not in PAOFEN_OK:
            mix['paofen'] = 0.0
        g.mix = sorted(mix.items())
        # operators (skims, fees); mostly at banks that supply no data
        for _ in range(r.randint(1, 3)):
            reg = r.choice(BORDER + PRD + OUT[:6])
            p = w.new_person('ring_operator', reg, (22, 45))
            p.tags['fraud'] = 1
            bank = r.choice(NONSUP_BANKS + ['ALIPAY']) if r.random() < 0.7 else r.choice(SUP_CARD_BANKS[:5])
            a = w.open_acct(p, bank, w.old_open(0.2, 3), reg, role='operator', arch='operator',
                            bal=Y(r.randint(1000, 20000)))
            a.ring = g
            a.level = 99
            a.inf = True
            g.ops.append(a.i)
            for d in weekly(g.d0, min(NDAYS, g.d1 + 10), 7, r.randint(0, 6)):
                w.T(w.at(d, 'night'), a.i, w.ushang[r.randrange(len(w.ushang))], Y(r.randint(0, 500)), 'mobile',
                    reg, '', M_SWEEP, tk='to_ushang')
        # mule tracks per level, tiled over the ring's active span (+ slack for slow moves)
        slack = 14 if g.speed == 'slow' else 4
        for lv in range(1, g.levels + 1):
            ntr = (r.randint(2, 3) if g.speed == 'fast' else r.randint(1, 2)) if lv == 1 else r.randint(1, 2)
            if lv == 1 and g.ncases > 45:
                ntr += 1
            tracks = []
            for _ in range(ntr):
                tr = []
                t = g.d0 * DAY - r.randint(0, DAY)
                end = (g.d1 + (0 if lv == 1 else slack)) * DAY
                while t < end:
                    if lv == 1:
                        kind = w.wchoice(g.mix)
                    else:
                        kind = w.wchoice([('fresh', 0.22), ('aged', 0.33), ('farmed', 0.28),
                                          ('rented', 0.17 + (0.15 if w.variant == 'V2' else 0)),
                                          ('shell', cfg['shell_corp'] * 2.5)])
                    if kind == 'paofen':
                        ln = r.uniform(3, 10)
                    elif lv == 1:
                        ln = r.uniform(1, 3) if g.speed == 'fast' else r.uniform(3, 8)
                    else:
                        ln = r.uniform(4, 12) if lv < g.levels else r.uniform(5, 15)
                    a = make_mule(w, g, lv, t, kind, g.levels)
                    a.ring = g
                    a.level = lv
                    a.cash_region = g.cash if a.region != g.cash else g.cash2
                    if a.cash_region == a.region:
                        a.cash_region = '441900' if a.region != '441900' else '440306'
                    tr.append((t, t + int(ln * DAY), a.i))
                    t += int(ln * DAY)
                tracks.append(tr)
            g.tracks[lv] = tracks
        w.rings.append(g)


def ring_active(w, g, lv, t):
    out = []
    for tr in g.tracks[lv]:
        best = None
        for (s, e, ai) in tr:
            if s <= t < e:
                best = ai
                break
            if s <= t:
                best = ai
        if best is None:
            best = tr[0][2]
        out.append(best)
    return out


VICTIM_MEMOS = ['', '', '', '', '', '货款', '还款', '转账', '借款', '充值', '保证金', '投资款']


def biz_pool(w):
    out = []
    for k in ('furniture_factory', 'packing_house', 'clan_association', 'factory_owner', 'logistics_firm'):
        out.extend(w.by_arch.get(k, []))
    return out


def choose_victim(w, g, t0):
    r = w.rng
    for _ in range(40):
        key = 'outsider' if r.random() < 0.3 else w.wchoice(g.pools)
        pool = biz_pool(w) if key == 'biz' else w.by_arch.get(key, [])
        if not pool:
            continue
        p = pool[r.randrange(len(pool))]
        if p.victim or p.tags.get('fraud') or p.farmer:
            continue
        accs = [w.accts[i] for i in p.accts if w.accts[i].opened < t0 - 2 * DAY and
                w.accts[i].bank not in ('TENPAY', 'ALIPAY') and w.accts[i].rented_at is None and
                w.accts[i].role == 'lawful']
        if not accs:
            continue
        best = accs[0]
        for a in accs:
            if a.bal > best.bal:
                best = a
        p.victim = True
        return p, best
    return None, None


def l1_for(w, g, t):
    act = ring_active(w, g, 1, t)
    return act[w.rng.randrange(len(act))]


def schedule_case(w, g, cid, p, va, t0):
    """the victim's side of one case: payments to level-1 mules, loans, own-account moves, rebates."""
    r = w.rng
    case = w.cases[cid]
    vreg = p.loc
    ch0 = 'counter' if (2024 - p.birth > 62 and r.random() < 0.5) else ('online' if p.corp else 'mobile')
    med = g.med * r.uniform(0.6, 1.6)
    plan = []          # (t, amount fen, channel, memo)

    def loan(t, v):
        w.T(t, pick(w, 'loanp'), va.i, v, 'other', None, '借款', M_FORCE, tk='victim_loan', case=cid)

    def rebate(t, v, t_pay):
        src = l1_for(w, g, t_pay)
        w.T(t, src, va.i, v, 'mobile', g.base or None, r.choice(['', '返利', '佣金', '收益']), M_CLIP, tk='rebate',
            case=cid)

    s = g.sched
    fast = g.speed == 'fast'
    if s in ('escalate', 'escalate_rebate'):
        n = r.randint(3, 7)
        v = med * r.uniform(0.3, 0.8)
        t = t0
        for k in range(n):
            plan.append((t, Y(max(50, int(v))), ch0, r.choice(VICTIM_MEMOS)))
            if s == 'escalate_rebate' and k < 2:
                rebate(t + r.randint(3 * MIN, 20 * MIN), Y(int(v * r.uniform(1.05, 1.3))), t)
            if k == n - 2 and r.random() < 0.35:
                loan(t + r.randint(5 * MIN, 40 * MIN), amount(w, 10000, 0.5, 2000, 50000, 100))
            t += r.randint(8 * MIN, 70 * MIN) if fast or r.random() < 0.5 else r.randint(2 * HOUR, 26 * HOUR)
            v *= r.uniform(1.6, 2.8)
    elif s == 'safe_account':
        t = t0
        for x in p.accts:
            o = w.accts[x]
            if o.i != va.i and o.bank not in ('ALIPAY',) and o.opened < t0 and o.role == 'lawful':
                w.T(t + r.randint(10 * MIN, 3 * HOUR), o.i, va.i, Y(r.randint(0, 50)), 'mobile', vreg, '', M_SWEEP,
                    tk='victim_self', case=cid)
        if r.random() < 0.4:
            for _ in range(r.randint(1, 3)):
                loan(t + r.randint(HOUR, 5 * HOUR), amount(w, 40000, 0.5, 5000, 200000, 1000))
        t += r.randint(3 * HOUR, 6 * HOUR)
        for k in range(r.randint(1, 4)):
            plan.append((t, amount(w, med, 0.7, 5000, 900000, 100), ch0 if k == 0 else
                         r.choice([ch0, 'mobile', 'online']), r.choice(['', '', '往来款', '还款', '转账'])))
            t += r.randint(30 * MIN, 30 * HOUR)
    elif s == 'long_con':
        n = r.randint(4, 8)
        t = t0
        v = med * r.uniform(0.15, 0.4)
        for k in range(n):
            tt = (t // DAY) * DAY + w.tod('evening')
            plan.append((tt, Y(max(500, int(v))), ch0, r.choice(['', '', '投资', '充值', '入金', ''])))
            if k in (0, 1) and r.random() < 0.6:
                rebate(tt + r.randint(HOUR, 3 * DAY), Y(int(v * r.uniform(0.05, 0.25))), tt)
            if k >= 2 and r.random() < 0.3:
                loan(tt - r.randint(20 * MIN, 3 * HOUR), amount(w, 30000, 0.6, 5000, 200000, 1000))
            t += r.randint(1, 9) * DAY
            v *= r.uniform(1.3, 2.6)
        plan.append((t + r.randint(1, 4) * DAY, Y(int(v * r.uniform(0.1, 0.3))), ch0,
                     r.choice(['手续费', '解冻', '个税', ''])))
    elif s == 'loan_then_pay':
        t = t0
        tot = 0
        for _ in range(r.randint(1, 3)):
            v = amount(w, 15000, 0.6, 3000, 80000, 500)
            tot += v
            loan(t + r.randint(5 * MIN, 60 * MIN), v)
            t += r.randint(10 * MIN, 40 * MIN)
        tot += Y(med * r.uniform(0.1, 0.6))
        t += r.randint(10 * MIN, 50 * MIN)
        for part in split(w, tot, r.randint(1, 3), 100):
            plan.append((t, part, ch0, r.choice(['', '', '退款', '备用金', '注销', '还款'])))
            t += r.randint(3 * MIN, 25 * MIN)
    elif s == 'single_big':
        t = t0
        for _ in range(1 if r.random() < 0.7 else 2):
            plan.append((t, amount(w, med * (2.0 if p.corp else 1.0), 0.6, 5000, 1500000, 1000),
                         'online' if p.corp else ch0, r.choice(['', '货款', '往来款', '借款'])))
            t += r.randint(10 * MIN, 60 * MIN)
    elif s == 'single':
        t = t0
        for _ in range(1 if r.random() < 0.75 else 2):
            plan.append((t, amount(w, med, 0.6, 2000, 200000, 100), ch0, r.choice(['', '医药费', '急用'])))
            t += r.randint(15 * MIN, 90 * MIN)
    elif s == 'atm_guided':
        t = t0
        for _ in range(r.randint(1, 3)):
            plan.append((t, amount(w, med, 0.6, 1000, 49000, 100), 'atm', ''))
            t += r.randint(4 * MIN, 25 * MIN)
    elif s == 'small_many':
        t = t0
        for _ in range(r.randint(1, 4)):
            plan.append((t, amount(w, med, 0.7, 30, 8000, 1), ch0, r.choice(['', '', '账号', '点卡', '定金'])))
            t += r.randint(5 * MIN, 120 * MIN)
    need = sum(x[1] for x in plan)
    if va.opened < 0:
        va.bal += int(need * r.uniform(0.4, 1.3))
    for (t, v, ch, memo) in plan:
        if t >= W_END:
            continue
        w.T(t, va.i, l1_for(w, g, t), v, ch, vreg, memo, M_CLIP, tk='victim_payment', case=cid)
    last = max([x[0] for x in plan] + [t0])
    case['reported'] = r.random() < w.cfg['report_rate']
    if case['reported']:
        delay = r.randint(HOUR, 3 * DAY) if s != 'long_con' else r.randint(DAY, 12 * DAY)
        case['report_t'] = last + delay
        w.hook(last + delay, w.report_hook, cid)


def build_cases(w):
    r = w.rng
    for g in w.rings:
        for _ in range(g.ncases):
            d = r.randint(g.d0, max(g.d0, g.d1 - 1))
            if w.variant == 'V3' and r.random() < 0.3:
                d = r.randint(max(g.d0, 60), max(g.d0, g.d1 - 1))
            t0 = w.at(d, g.profile)
            p, va = choose_victim(w, g, t0)
            if p is None:
                continue
            cid = len(w.cases)
            w.cases.append({'ring': g, 'victim': p, 'acct': va.i, 't0': t0, 'l1': [], 'reported': False,
                            'report_t': None})
            g.cases.append(cid)
            schedule_case(w, g, cid, p, va, t0)


# ----------------------------------------------------------------------------------------------
# fraud money movement (run inside the event loop)
# ----------------------------------------------------------------------------------------------
def next_night(w, t):
    d = t // DAY
    tn = d * DAY + w.rng.randint(30 * MIN, 4 * HOUR + 30 * MIN)
    if tn <= t:
        tn += DAY
    return tn


def hop_delay(w, a, t):
    r = w.rng
    g = a.ring
    if g == 'U':
        return r.randint(10 * MIN, 8 * HOUR)
    if a.role == 'paofen':
        return r.randint(1 * MIN, 10 * MIN) if g.speed == 'fast' else r.randint(10 * MIN, 90 * MIN)
    if g.speed == 'fast':
        if a.level == 1:
            return r.randint(60, 15 * MIN)
        return r.randint(2 * MIN, 40 * MIN) if a.level < g.levels else r.randint(5 * MIN, 90 * MIN)
    hi = 72 if w.variant == 'V2' else 30
    d = int(r.uniform(1, hi) * HOUR) if a.level == 1 else int(r.uniform(2, hi * 1.5) * HOUR)
    if g.night and r.random() < 0.6:
        return next_night(w, t + d) - t
    return d


def on_fraud_receive(w, a, t, amt):
    a.fpend += amt
    if a.pending or a.level == 99:
        return
    a.pending = True
    w.push(t + hop_delay(w, a, t), EV_FWD, a.i)


def report_hook(w, t, cid):
    r = w.rng
    case = w.cases[cid]
    seen = []
    for ai in case['l1']:
        if ai in seen:
            continue
        seen.append(ai)
        if r.random() < 0.55:
            w.push(t + r.randint(2 * HOUR, 36 * HOUR), EV_FREEZE, ai)


def layer_memo(w, g):
    if g.mimic:
        return w.rng.choice(['果款', '货款', '脐橙款', '', '收购款'])
    return w.rng.choice(['', '', '', '', '货款', '还款', '往来款'])


def forward(w, t, ai):
    r = w.rng
    a = w.accts[ai]
    a.pending = False
    if a.freeze_at is not None and t >= a.freeze_at:
        return
    amt = min(a.fpend, a.bal)
    a.fpend = 0
    if amt < 10000:
        return
    g = a.ring
    if g == 'U':
        ushang_onward(w, a, t, amt)
        return
    reg = g.base or None
    if a.role == 'paofen':
        amt = int(amt * (1 - r.uniform(0.01, 0.02))) // 100 * 100
    elif a.role == 'mule' and a.arch == 'rented_old':
        amt = amt // 100 * 100
    if a.level < g.levels:
        if (a.level == 2 or (a.level == 1 and g.levels == 2)) and a.role != 'paofen' and r.random() < g.skim_p \
                and g.ops:
            sk = int(amt * r.uniform(0.01, 0.04)) // 100 * 100
            if sk > 0:
                w.execute(t, a.i, g.ops[r.randrange(len(g.ops))], sk, 'mobile', reg, '', M_CLIP, 'skim', False, -1)
                amt -= sk
        targets = ring_active(w, g, a.level + 1, t)
        k = r.randint(3, 6) if g.mimic else r.randint(1, 3)
        parts = split(w, amt, k, 100 if amt < 500000 else 10000)
        dt = 0
        for i, part in enumerate(parts):
            tgt = targets[i % len(targets)] if i < len(targets) or r.random() < 0.5 else \
                targets[r.randrange(len(targets))]
            if tgt == a.i:
                continue
            if dt == 0:
                w.execute(t, a.i, tgt, part, r.choice(['mobile', 'mobile', 'online']), reg, layer_memo(w, g),
                          M_CLIP, 'layer', False, -1)
            else:
                w.push(t + dt, EV_T, a.i, tgt, part, r.choice(['mobile', 'online']), reg, layer_memo(w, g),
                       M_CLIP, 'layer', False, -1)
            dt += r.randint(20, 240)
        return
    exit_money(w, a, t, amt)


def exit_money(w, a, t, amt):
    r = w.rng
    g = a.ring
    reg = g.base or None
    if g.levels == 2 and r.random() < g.skim_p * 0.5 and g.ops:
        sk = int(amt * r.uniform(0.01, 0.03)) // 100 * 100
        if sk > 0:
            w.execute(t, a.i, g.ops[0], sk, 'mobile', reg, '', M_CLIP, 'skim', False, -1)
            amt -= sk
    methods = [w.wchoice(g.exit_w)]
    if amt > Y(30000) and r.random() < 0.35:
        methods.append(w.wchoice(g.exit_w))
    parts = split(w, amt, len(methods), 10000) if len(methods) > 1 else [amt]
    for m, v in zip(methods, parts):
        if m == 'atm':
            t1 = t + r.randint(5 * MIN, 60 * MIN) if g.speed == 'fast' else next_night(w, t)
            w.push(t1, EV_ATM, a.i, v, a.cash_region or g.cash, r.choice(ATM_CHUNKS))
        elif m == 'counter':
            rest = v
            d = 0
            while rest >= Y(1000) and d < 4:
                big = r.random() < 0.1
                cap = Y(r.randint(52, 120) * 1000) if big else Y(r.randint(40, 49) * 1000 + r.choice([0, 500, 900]))
                x = min(rest, cap)
                x -= x % 10000
                tt = (t // DAY + d + (1 if r.random() < 0.5 else 0)) * DAY + r.randint(9 * HOUR, 16 * HOUR)
                w.push(max(tt, t + 10 * MIN), EV_T, a.i, -1, x, 'counter',
                       r.choice([a.cash_region or g.cash, a.region or g.cash]), '', M_CLIP, 'counter', False, -1)
                rest -= x
                d += 1
        elif m == 'ushang':
            us = w.ushang[r.randrange(len(w.ushang))]
            w.push(t + r.randint(2 * MIN, 40 * MIN), EV_T, a.i, us, v // 100 * 100, 'mobile', reg, '', M_CLIP,
                   'to_ushang', False, -1)
        elif m == 'goods':
            rest = v
            tt = t + r.randint(20 * MIN, 6 * HOUR)
            traders = I(w, 'trader')
            while rest >= Y(3000):
                x = min(rest, amount(w, 18000, 0.5, 3000, 60000, 100))
                w.push(tt, EV_T, a.i, traders[r.randrange(len(traders))], x, r.choice(['pos', 'mobile']),
                       a.cash_region or g.cash, '', M_CLIP, 'goods_purchase', False, -1)
                rest -= x
                tt += r.randint(10 * MIN, 3 * HOUR)
            if rest >= Y(100):
                w.push(tt, EV_T, a.i, w.ushang[r.randrange(len(w.ushang))], rest, 'mobile', reg, '', M_CLIP,
                       'to_ushang', False, -1)
        elif m == 'xborder':
            rest = v
            tt = t + r.randint(10 * MIN, 3 * HOUR)
            xb = I(w, 'xborder')
            while rest >= Y(100):
                x = min(rest, Y(r.randint(150, 199) * 1000))
                w.push(tt, EV_T, a.i, xb[r.randrange(len(xb))], x, 'online', reg, r.choice(['', 'trade', '货款']),
                       M_CLIP, 'cross_border_exit', True, -1)
                rest -= x
                tt += r.randint(5 * MIN, 2 * HOUR)
        else:                                                       # hold for days, then move on
            a.fpend += v
            if not a.pending:
                a.pending = True
                w.push(t + r.randint(2 * DAY, 9 * DAY), EV_FWD, a.i)


def atm_chunk(w, t, ai, remaining, region, cap):
    r = w.rng
    a = w.accts[ai]
    if a.freeze_at is not None and t >= a.freeze_at:
        return
    day = t // DAY
    if a.atm_day != day:
        a.atm_day = day
        a.atm_used = 0
    left = Y(ATM_DAY_LIMIT) - a.atm_used
    if left < Y(100):
        tn = (day + 1) * DAY + (r.randint(60, 2 * HOUR) if r.random() < 0.6 else r.randint(7 * HOUR, 11 * HOUR))
        w.push(tn, EV_ATM, ai, remaining, region, cap)
        return
    v = min(Y(cap), remaining, left, a.bal)
    v -= v % 10000
    if v < Y(100):
        return
    got = w.execute(t, ai, -1, v, 'atm', region, '', M_SKIP, 'atm', False, -1)
    if not got:
        return
    a.atm_used += got
    remaining -= got
    if remaining >= Y(100):
        w.push(t + r.randint(40, 4 * MIN), EV_ATM, ai, remaining, region, cap)


def ushang_onward(w, a, t, amt):
    r = w.rng
    own = [x for x in a.person.accts if x != a.i and w.accts[x].role == 'ushang']
    up = I(w, 'usdt_up')
    x = r.random()
    if x < 0.12 and own:
        w.push(t, EV_T, a.i, own[r.randrange(len(own))], amt, 'mobile', a.region, '', M_CLIP, 'ushang_onward',
               False, -1)
    elif x < 0.22 and amt >= Y(5000):
        w.push(t + r.randint(HOUR, 20 * HOUR), EV_T, a.i, -1, min(amt, Y(49000)), 'counter', a.region, '', M_CLIP,
               'ushang_onward', False, -1)
    else:
        for part in split(w, amt, r.randint(1, 2), 100):
            w.push(t + r.randint(0, 30 * MIN), EV_T, a.i, up[r.randrange(len(up))], part, 'mobile', a.region, '',
                   M_CLIP, 'ushang_onward', False, -1)


World.on_fraud_receive = on_fraud_receive
World.forward = forward
World.atm_chunk = atm_chunk
World.report_hook = report_hook


# ----------------------------------------------------------------------------------------------
# labels (an anti-fraud centre's: incomplete, with a few wrong ones)
# ----------------------------------------------------------------------------------------------
LOOKALIKE_ARCHS = ['orange_buyer_new', 'orange_buyer', 'furniture_seller_new', 'furniture_seller',
                   'clan_treasurer', 'logistics_cod', 'migrant_newjob', 'usdt_buyer', 'orange_eseller_new',
                   'orange_eseller', 'new_multibank', 'big_purchase_new', 'picker_newacct']


def make_labels(w, visible_tx, has_row):
    r = w.rng
    A = w.accts
    # accounts touched by payments of reported cases
    reported_l1 = {}
    for c in w.cases:
        if c['reported']:
            for ai in c['l1']:
                reported_l1[ai] = 1
    fraud_rows = [a for a in A if has_row[a.i] and a.role != 'lawful']
    scored = []
    for a in fraud_rows:
        if a.role == 'mule':
            wt = 0.9 if a.i in reported_l1 else (0.5 if a.used else 0.15)
        elif a.role == 'paofen':
            wt = 0.8 if a.i in reported_l1 else 0.45
        elif a.role == 'ushang':
            wt = 0.35
        elif a.role == 'operator':
            wt = 0.4
        else:
            wt = 0.12
        scored.append((-(wt * r.random()), a.id, a.i))
    scored.sort()
    target = int(round(w.cfg['label_rate'] * len(fraud_rows)))
    for _, _, ai in scored[:target]:
        A[ai].labelled = True
    # a handful of wrong labels on lawful look-alikes
    cands = [a for a in A if has_row[a.i] and a.role == 'lawful' and a.arch in LOOKALIKE_ARCHS and a.used]
    cands.sort(key=lambda a: a.id)
    for a in r.sample(cands, min(len(cands), r.randint(4, 8))):
        a.labelled = True
        a.status = a.status
    w.wrong_labels = sum(1 for a in cands if a.labelled)
    # victim payments of reported cases
    txl = []
    for (txn_id, rec) in visible_tx:
        if rec[9] == 'victim_payment' and rec[12] >= 0 and w.cases[rec[12]]['reported'] and r.random() < 0.93:
            txl.append(txn_id)
    # card farmers (holder labels)
    fl = []
    seen = [p for p in w.farmers if any(has_row[x] for x in p.accts)]
    for p in seen:
        if r.random() < 0.5:
            fl.append(p.hid)
            p.tags['flabel'] = 1
    if not fl and seen:
        fl.append(seen[0].hid)
        seen[0].tags['flabel'] = 1
    return txl, fl


# ----------------------------------------------------------------------------------------------
# output
# ----------------------------------------------------------------------------------------------
def write_all(w, out, truth):
    r = w.rng
    A = w.accts
    os.makedirs(out, exist_ok=True)
    ext = w.extract
    has_row = [supplies(a.bank) for a in A]

    def vis(ai, t):
        if ai < 0:
            return False
        b = A[ai].bank
        return has_row[ai] and t >= ext[b]

    # visible transfers, txn ids by reporting institution
    visible = []
    counters = {}
    first_pre = {}
    for rec in w.tx:
        t, kind, s, d = rec[0], rec[1], rec[2], rec[3]
        vs, vd = vis(s, t), vis(d, t)
        if not (vs or vd):
            continue
        rb = A[s].bank if vs else A[d].bank
        n = counters.get(rb, 0) + 1
        counters[rb] = n
        txn_id = '%s%s%08d' % (rb, day_str(t), n)
        visible.append((txn_id, rec))
        if s >= 0 and s not in first_pre:
            first_pre[s] = rec[10]
        if d >= 0 and d not in first_pre:
            first_pre[d] = rec[11]
    # balance offsets: institutions (and anybody who went below zero) get a cushion
    offset = [0] * len(A)
    for a in A:
        off = -a.minbal if a.minbal < 0 else 0
        if a.inf:
            off += Y(r.randint(50, 5000) * 1000)
        offset[a.i] = off
    txl, fl = make_labels(w, visible, has_row)
    flabelled = {}
    for h in fl:
        flabelled[h] = 1
    # ---------------- accounts.csv ----------------
    rows = []
    for a in A:
        if not has_row[a.i]:
            continue
        if a.opened < ext[a.bank]:
            pre = first_pre.get(a.i, a.bal)
        else:
            pre = a.init
        ob = pre + offset[a.i]
        rows.append((a.id, a.bank, a.person.hid, fmt_ts(a.opened), a.region, a.cls, fen_str(ob), a.status))
    rows.sort()
    with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
        cw = csv.writer(f, lineterminator='\n')
        cw.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                     'opening_balance', 'status'])
        cw.writerows(rows)
    # ---------------- transfers.csv ----------------
    with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
        cw = csv.writer(f, lineterminator='\n')
        cw.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                     'kind', 'memo', 'cross_border'])
        for txn_id, rec in visible:
            t, kind, s, d, amt, ch, reg, memo, cross = rec[:9]
            cw.writerow([txn_id, fmt_ts(t), A[s].id if s >= 0 else '', A[d].id if d >= 0 else '', fen_str(amt),
                         'CNY', ch, reg or '', KIND_WORD[kind], memo or '', 'true' if cross else 'false'])
    # ---------------- labels.csv ----------------
    lab = []
    for h in sorted(fl):
        lab.append(('holder', h, 'card_farmer'))
    for a in sorted([a for a in A if a.labelled], key=lambda a: a.id):
        lab.append(('account', a.id, 'mule'))
    for tid in sorted(txl):
        lab.append(('transfer', tid, 'fraud'))
    with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
        cw = csv.writer(f, lineterminator='\n')
        cw.writerow(['kind', 'id', 'label'])
        cw.writerows(lab)
    # ---------------- truth ----------------
    if truth:
        trow = []
        for a in A:
            eb = fmt_ts(ext[a.bank]) if a.bank in ext else ''
            trow.append(('account', a.id, a.bank, a.person.hid, 1 if has_row[a.i] else 0, a.role, a.arch,
                         a.farmer, fmt_ts(a.opened), 1 if a.labelled else 0,
                         1 if flabelled.get(a.person.hid) else 0, eb))
        trow.sort(key=lambda x: x[1])
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
            cw = csv.writer(f, lineterminator='\n')
            cw.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                         'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
            cw.writerows(trow)
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            cw = csv.writer(f, lineterminator='\n')
            cw.writerow(['txn_id', 'kind'])
            for txn_id, rec in visible:
                if rec[9] is not None:
                    cw.writerow([txn_id, rec[9]])
    return visible, rows, lab, has_row


# ----------------------------------------------------------------------------------------------
# self-check of the written files
# ----------------------------------------------------------------------------------------------
CHANNELS = ('counter', 'online', 'mobile', 'atm', 'pos', 'other')


def _ts_ok(s):
    try:
        if len(s) != 25 or not s.endswith('+08:00') or s[10] != 'T':
            return False
        datetime.strptime(s[:19], '%Y-%m-%dT%H:%M:%S')
        return True
    except ValueError:
        return False


def _amount_ok(s):
    if '.' not in s:
        return False
    a, b = s.split('.', 1)
    return a.isdigit() and b.isdigit() and len(b) == 2 and (int(a) > 0 or int(b) > 0)


def self_check(out, truth):
    errs = []

    def err(m):
        if len(errs) < 30:
            errs.append(m)

    def read(name):
        with open(os.path.join(out, name), newline='', encoding='utf-8') as f:
            for row in csv.reader(f):
                yield row

    def body(name):
        it = read(name)
        next(it)
        return it

    ids = {}
    holders = {}
    for row in body('accounts.csv'):
        if len(row) != 8:
            err('accounts: bad row %r' % (row,))
            continue
        aid, bank, hid, op, reg, cls, ob, st = row
        if not aid or len(aid) > 64 or aid in ids:
            err('accounts: bad or duplicate id %r' % aid)
        ids[aid] = bank
        holders[hid] = 1
        if not (bank in BANKS and BANKS[bank][0]):
            err('accounts: non-supplying bank has a row %r' % aid)
        if len(hid) != 18:
            err('accounts: holder id %r' % hid)
        if not _ts_ok(op):
            err('accounts: opened_at %r' % op)
        if reg and not (len(reg) == 6 and reg.isdigit()):
            err('accounts: region %r' % reg)
        if cls not in ('I', 'II', 'III', 'corp'):
            err('accounts: class %r' % cls)
        if not _amount_ok(ob) and ob != '0.00':
            err('accounts: opening_balance %r' % ob)
        if st not in ('active', 'frozen', 'closed'):
            err('accounts: status %r' % st)
    tids = {}
    last = ''
    for row in body('transfers.csv'):
        if len(row) != 11:
            err('transfers: bad row %r' % (row,))
            continue
        tid, ts, fa, ta, amt, cur, ch, reg, kind, memo, cb = row
        if not tid or len(tid) > 64 or tid in tids:
            err('transfers: bad or duplicate txn id %r' % tid)
        tids[tid] = 1
        if not _ts_ok(ts) or not ('2024-10-01' <= ts[:10] <= '2025-01-31'):
            err('transfers: ts %r' % ts)
        if ts < last:
            err('transfers: not in time order at %r' % tid)
        last = ts
        if not _amount_ok(amt):
            err('transfers: amount %r' % amt)
        if ch not in CHANNELS:
            err('transfers: channel %r' % ch)
        if reg and not (len(reg) == 6 and reg.isdigit()):
            err('transfers: region %r' % reg)
        if kind == 'transfer':
            ok = bool(fa) and bool(ta)
        elif kind == 'withdrawal':
            ok = bool(fa) and not ta
        elif kind == 'deposit':
            ok = bool(ta) and not fa
        else:
            ok = False
        if not ok:
            err('transfers: parties do not fit kind %r' % tid)
        for x in (fa, ta):
            if x and len(x) > 64:
                err('transfers: account id too long %r' % x)
        if not (fa in ids or ta in ids):
            err('transfers: neither side has a row %r' % tid)
        if len(memo) > 512 or cb not in ('true', 'false') or cur != 'CNY':
            err('transfers: memo/cross_border/currency %r' % tid)
    for row in body('labels.csv'):
        k, i, l = row
        if k == 'account' and i not in ids:
            err('labels: account without row %r' % i)
        elif k == 'transfer' and i not in tids:
            err('labels: unknown transfer %r' % i)
        elif k == 'holder' and i not in holders:
            err('labels: holder without rows %r' % i)
        elif k not in ('account', 'transfer', 'holder'):
            err('labels: kind %r' % k)
    if truth:
        seen = {}
        nrow = 0
        for row in body('truth.csv'):
            if row[1] in seen:
                err('truth: duplicate %r' % row[1])
            seen[row[1]] = 1
            if row[4] == '1':
                nrow += 1
                if row[1] not in ids:
                    err('truth: has_row but no row %r' % row[1])
            if row[5] not in ('lawful', 'mule', 'paofen', 'ushang', 'operator', 'farmer_card'):
                err('truth: role %r' % row[5])
        if nrow != len(ids):
            err('truth: has_row count %d != rows %d' % (nrow, len(ids)))
        n_vp = 0
        for row in body('truth_transfers.csv'):
            if row[0] not in tids:
                err('truth_transfers: unknown txn %r' % row[0])
            if row[1] == 'victim_payment':
                n_vp += 1
        if n_vp == 0:
            err('truth_transfers: no victim payments')
    return errs


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------
def build(w):
    w.life_rate = 0.48
    build_institutions(w)
    build_people_basic(w)
    build_economy(w)
    build_ushang(w)
    build_farmers(w)
    build_rings(w)
    build_cases(w)
    for a in w.accts:
        a.init = a.bal


def main(argv=None):
    ap = argparse.ArgumentParser(description='Ganmin (赣闽) synthetic evaluation world for fanzha')
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    args = ap.parse_args(argv)
    t_start = time.time()
    w = World(args.variant, args.seed)
    build(w)
    t_build = time.time()
    w.run()
    t_run = time.time()
    visible, rows, lab, has_row = write_all(w, args.out, args.truth)
    t_write = time.time()
    errs = self_check(args.out, args.truth)
    A = w.accts
    nrow = len(rows)
    kinds = {}
    for _, rec in visible:
        if rec[9] is not None:
            kinds[rec[9]] = kinds.get(rec[9], 0) + 1
    roles = {}
    for a in A:
        if has_row[a.i]:
            roles[a.role] = roles.get(a.role, 0) + 1
    frozen = sum(1 for a in A if has_row[a.i] and a.status == 'frozen')
    nl = {}
    for k, _, _ in lab:
        nl[k] = nl.get(k, 0) + 1
    fraud_rows = sum(v for k, v in roles.items() if k != 'lawful')
    lab_fraud = sum(1 for a in A if has_row[a.i] and a.labelled and a.role != 'lawful')
    vp_total = kinds.get('victim_payment', 0)
    print('ganmin world  variant=%s (%s)  seed=%d' % (args.variant, w.cfg['name'], args.seed))
    print('  accounts: %d in the world, %d with rows (%d institutions supply data)' % (
        len(A), nrow, len(SUPPLYING)))
    print('  rows by role: ' + ', '.join('%s=%d' % (k, roles[k]) for k in sorted(roles)))
    print('  transfers: %d simulated, %d in the data' % (len(w.tx), len(visible)))
    print('  fraud transfers in the data: ' + ', '.join('%s=%d' % (k, kinds[k]) for k in sorted(kinds)))
    print('  rings=%d cases=%d (reported %d) farmers=%d (holder-labelled %d) frozen rows=%d' % (
        len(w.rings), len(w.cases), sum(1 for c in w.cases if c['reported']), len(w.farmers),
        nl.get('holder', 0), frozen))
    print('  labels: %d accounts (%d of %d fraud rows = %.0f%%, %d wrong), %d transfers (%.0f%% of %d victim '
          'payments), %d holders' % (
              nl.get('account', 0), lab_fraud, fraud_rows, 100.0 * lab_fraud / max(1, fraud_rows),
              w.wrong_labels, nl.get('transfer', 0), 100.0 * nl.get('transfer', 0) / max(1, vp_total), vp_total,
              nl.get('holder', 0)))
    print('  time: build %.1fs, simulate %.1fs, write %.1fs, total %.1fs' % (
        t_build - t_start, t_run - t_build, t_write - t_run, time.time() - t_start))
    if errs:
        print('SELF-CHECK FAILED:')
        for e in errs:
            print('  ' + e)
        return 2
    print('  self-check: ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
