#!/usr/bin/env python3
"""xinan_world.py - an independent synthetic world of South-West China's border provinces
(Yunnan 53, Guangxi 45, Guizhou 52) for evaluating fanzha's mule-account detection, card-farmer
detection and live transfer check.

Licence: Apache-2.0 (written for the fanzha project).

Python 3, standard library only.  One seeded random.Random drives everything; no set or hash
order is ever iterated, so the same --variant and --seed give byte-identical files.

Writes OUT/accounts.csv, OUT/transfers.csv, OUT/labels.csv in the fanzha interchange format v1
and, with --truth, OUT/truth.csv and OUT/truth_transfers.csv.  See README.md.
"""
import argparse
import csv
import datetime as dt
import math
import os
import random
import sys
import time

# --------------------------------------------------------------------------- time
TZ = dt.timezone(dt.timedelta(hours=8))
SIM0 = dt.datetime(2023, 12, 1, tzinfo=TZ)          # simulation (not data) start
END = dt.datetime(2024, 6, 30, 23, 59, 59, tzinfo=TZ)  # common end of every extract
DAY = 86400
END_T = int((END - SIM0).total_seconds())
NDAYS = END_T // DAY + 1


def T(y, m, d, h=0, mi=0):
    return int((dt.datetime(y, m, d, h, mi, tzinfo=TZ) - SIM0).total_seconds())


_DS = [(SIM0 + dt.timedelta(days=i)).strftime('%Y-%m-%d') for i in range(NDAYS + 3)]
_DC = [s.replace('-', '') for s in _DS]


def fmt(t):
    """RFC 3339 with the +08:00 offset (Beijing time)."""
    if 0 <= t < (NDAYS + 3) * DAY:
        d, s = divmod(t, DAY)
        h, s = divmod(s, 3600)
        m, s = divmod(s, 60)
        return '%sT%02d:%02d:%02d+08:00' % (_DS[d], h, m, s)
    return (SIM0 + dt.timedelta(seconds=t)).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def yuan(fen):
    return '%d.%02d' % divmod(fen, 100)


SPRING_FESTIVAL = T(2024, 2, 10)
HOLIDAYS = [(T(2024, 1, 1), T(2024, 1, 2)), (T(2024, 2, 9), T(2024, 2, 18)),
            (T(2024, 4, 4), T(2024, 4, 7)), (T(2024, 5, 1), T(2024, 5, 6)),
            (T(2024, 6, 8), T(2024, 6, 11))]

# --------------------------------------------------------------------------- places (GB/T 2260)
REGION_TXT = """
530102 昆明五华 city
530103 昆明盘龙 city
530111 昆明官渡 city
530112 昆明西山 city
530114 昆明呈贡 city,uni
530181 安宁 city
530302 曲靖麒麟 city
530402 玉溪红塔 city
530428 元江 rural,mango
530502 保山隆阳 rural
530581 腾冲 border,tour
530602 昭通昭阳 rural
530702 丽江古城 tour
530721 玉龙 tour,rural
530723 华坪 rural,mango
530802 普洱思茅 city,tea
530821 宁洱 rural,tea
530822 墨江 rural,tea
530824 景谷 rural,tea
530827 孟连 border,tea
530828 澜沧 border,tea
530829 西盟 border
530902 临沧临翔 city,tea
530921 凤庆 rural,tea
530922 云县 rural,tea
530924 镇康 border
530925 双江 rural,tea
530926 耿马 border
530927 沧源 border
532301 楚雄 city
532503 蒙自 city
532530 金平 border
532532 河口 border
532601 文山 city
532624 麻栗坡 border
532625 马关 border
532628 富宁 border
532801 景洪 tour,border
532822 勐海 border,tea
532823 勐腊 border
532901 大理 tour
533102 瑞丽 border
533103 芒市 border
533123 盈江 border
533124 陇川 border
533401 香格里拉 tour
450102 南宁兴宁 city
450103 南宁青秀 city
450105 南宁江南 city
450107 南宁西乡塘 city,uni
450110 武鸣 rural,citrus
450126 宾阳 rural
450202 柳州城中 city
450203 柳州鱼峰 city
450302 桂林秀峰 city,tour
450305 桂林七星 city,tour,uni
450321 阳朔 tour
450403 梧州万秀 city
450502 北海海城 tour
450603 防城 rural
450681 东兴 border
450702 钦州钦南 city
450802 贵港港北 rural
450902 玉林玉州 city
451002 百色右江 city,mango
451026 那坡 border
451081 靖西 border
451102 贺州八步 rural
451202 河池金城江 rural
451302 来宾兴宾 rural
451402 崇左江州 rural,citrus
451421 扶绥 rural,citrus
451422 宁明 border
451423 龙州 border
451424 大新 border
451481 凭祥 border
520102 贵阳南明 city
520103 贵阳云岩 city
520111 贵阳花溪 city,uni
520115 贵阳观山湖 city
520201 六盘水钟山 city
520302 遵义红花岗 city
520328 湄潭 rural,tea
520402 安顺西秀 rural
520502 毕节七星关 rural
520602 铜仁碧江 rural
522301 兴义 city
522601 凯里 rural
522701 都匀 rural,tea
440106 广州天河 out
440304 深圳福田 out
440305 深圳南山 out
441900 东莞 out
330106 杭州西湖 out
330782 义乌 out
320102 南京玄武 out
430102 长沙芙蓉 out
420106 武汉武昌 out
510104 成都锦江 out
500103 重庆渝中 out
350203 厦门思明 out
310115 上海浦东 out
110105 北京朝阳 out
"""
REGIONS = []
TAGS = {}
for _ln in REGION_TXT.strip().splitlines():
    _c, _n, _t = _ln.split()
    REGIONS.append(_c)
    for _x in _t.split(','):
        TAGS.setdefault(_x, []).append(_c)
LOCAL = [c for c in REGIONS if c[:2] in ('53', '45', '52')]
RURALISH = [c for c in LOCAL if c in TAGS['rural'] or c in TAGS['border']]
CITIES = TAGS['city']
OUT = TAGS['out']
BORDER = TAGS['border']
GANG_BASES = {
    'mm_north': ['533102', '533124', '533123', '533103', '530581', '530924', '530926', '530927',
                 '530828', '530827', '530829'],
    'laos': ['532823', '532822', '532801'],
    'vietnam': ['532532', '532530', '532624', '532625', '532628', '450681', '451481', '451423',
                '451422', '451424', '451081', '451026'],
}

# --------------------------------------------------------------------------- institutions
# code: (card prefix, extract start, scope).  Card prefixes are illustrative only.
BANKS = {
    'ABC': ('622848', (2024, 1, 1), 'all'),
    'ICBC': ('622202', (2024, 1, 8), 'all'),
    'GXRCU': ('623166', (2024, 1, 10), '45'),
    'CCB': ('621700', (2024, 1, 15), 'all'),
    'YUNPAY': ('YP', (2024, 1, 17), 'all'),
    'PSBC': ('621799', (2024, 1, 22), 'all'),
    'FDB': ('623190', (2024, 1, 29), '53'),
    'BOC': ('621661', (2024, 2, 1), 'all'),
    'GZRCU': ('621779', (2024, 2, 5), '52'),
    'BBGB': ('623199', (2024, 2, 12), '45'),
    'YNRCU': ('622995', (2024, 2, 19), '53'),
    'GYB': ('622165', (2024, 3, 4), '52'),
}
NATIONAL = ['ICBC', 'ABC', 'BOC', 'CCB', 'PSBC']
RURALB = {'53': 'YNRCU', '45': 'GXRCU', '52': 'GZRCU'}
CITYB = {'53': 'FDB', '45': 'BBGB', '52': 'GYB'}
EXT_BANKS = ['CMB', 'CIB', 'SPDB', 'CITIC', 'CMBC', 'PAB', 'CEB', 'HXB', 'BOCOM', 'GDB', 'BJB',
             'NBCB', 'SHB']
FOREIGN = {'mm_north': 'KBZ-MM', 'laos': 'BCEL-LA', 'vietnam': 'BIDV-VN'}
ATM_PER_TXN = {'ABC': 2500, 'ICBC': 3000, 'CCB': 5000, 'BOC': 3000, 'PSBC': 2500, 'YNRCU': 2000,
               'GXRCU': 2000, 'GZRCU': 2000, 'FDB': 3000, 'BBGB': 3000, 'GYB': 3000}

IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

# --------------------------------------------------------------------------- fraud typologies
# id, weight, payments (lo, hi), first amount median (yuan), growth, span days, memos
TYPO = [
    ('brushing', 20, (2, 5), 700, 2.0, 2, ['', '', '刷单', '任务', '返利']),
    ('investment', 13, (2, 7), 18000, 1.6, 35, ['', '', '投资', '充值', '入金']),
    ('romance', 8, (2, 6), 12000, 1.5, 40, ['', '', '转账', '充值']),
    ('ecommerce_cs', 12, (1, 3), 6000, 1.5, 1, ['', '', '退款', '理赔', '备用金']),
    ('loan_card', 10, (1, 4), 2500, 1.7, 3, ['', '', '保证金', '解冻费', '流水']),
    ('police_gov', 6, (1, 3), 70000, 1.3, 3, ['', '', '', '资金清查']),
    ('credit_record', 6, (1, 3), 12000, 1.4, 2, ['', '', '注销', '还款']),
    ('shopping_service', 8, (1, 2), 1200, 1.2, 2, ['', '货款', '代购', '定金']),
    ('leader_acquaintance', 6, (1, 2), 25000, 1.2, 1, ['', '', '借款', '急用']),
    ('game_trade', 5, (1, 3), 1500, 1.6, 1, ['', '账号', '装备', '保证金']),
    ('fake_job', 3, (1, 2), 500, 1.5, 2, ['', '培训费', '服装费']),
    ('accident_kidnap', 2, (1, 1), 20000, 1.0, 0, ['', '医疗费']),
    ('parcel', 2, (1, 2), 40000, 1.3, 2, ['', '']),
]

# --------------------------------------------------------------------------- variants
VARIANTS = {
    'baseline': dict(
        cases=850, report=0.78, farmers=24, farmer_used=0.55,
        l1=[('fresh', .32), ('old', .17), ('paofen', .20), ('aged', .19), ('farmer', .12)],
        deep=[('fresh', .27), ('aged', .25), ('old', .16), ('farmer', .14), ('ext', .18)],
        cash=[('fresh', .35), ('old', .30), ('aged', .15), ('farmer', .20)],
        exits=[('atm', .32), ('ushang', .40), ('ext', .28)],
        abroad=0.05, border_atm=0.60, slow_share=0.15, depth=(2, 4), old_border=0.35,
        camo=(8, 40), paofen_l2=0.0),
    'border_cash': dict(
        cases=760, report=0.76, farmers=24, farmer_used=0.55,
        l1=[('fresh', .28), ('old', .30), ('paofen', .14), ('aged', .16), ('farmer', .12)],
        deep=[('fresh', .22), ('aged', .18), ('old', .30), ('farmer', .14), ('ext', .16)],
        cash=[('fresh', .20), ('old', .55), ('aged', .10), ('farmer', .15)],
        exits=[('atm', .58), ('ushang', .24), ('ext', .18)],
        abroad=0.28, border_atm=0.90, slow_share=0.12, depth=(2, 4), old_border=0.85,
        camo=(8, 40), paofen_l2=0.0),
    'slow_rented_paofen': dict(
        cases=680, report=0.76, farmers=20, farmer_used=0.5,
        l1=[('fresh', .10), ('old', .36), ('paofen', .38), ('aged', .11), ('farmer', .05)],
        deep=[('fresh', .12), ('aged', .18), ('old', .40), ('farmer', .08), ('ext', .10),
              ('paofen', .12)],
        cash=[('fresh', .20), ('old', .50), ('aged', .20), ('farmer', .10)],
        exits=[('atm', .28), ('ushang', .47), ('ext', .25)],
        abroad=0.06, border_atm=0.55, slow_share=0.85, depth=(3, 4), old_border=0.40,
        camo=(25, 80), paofen_l2=0.25),
}

LAWFUL_COUNTS = [('villager', 1250), ('tea_farmer', 620), ('fruit_farmer', 560), ('migrant', 1050),
                 ('student', 1080), ('salaried', 1350), ('retiree', 620), ('tourism_shop', 220),
                 ('shop_personal', 250), ('weishang', 120), ('border_trader', 210),
                 ('landlord', 190), ('multi_bank', 280), ('big_first', 150), ('family_pool', 110)]

HOUR_W = {
    'day': [1, .5, .3, .2, .2, .5, 2, 5, 8, 9, 9, 9, 10, 9, 8, 8, 8, 8, 9, 10, 10, 8, 5, 2],
    'night': [6, 4, 2, 1, .5, .3, .5, 1, 2, 3, 4, 5, 6, 5, 4, 4, 5, 7, 9, 10, 11, 11, 10, 8],
    'mule': [4, 4, 3, 3, 2, 2, 3, 4, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5],
    'work': [0, 0, 0, 0, 0, 0, .5, 2, 6, 9, 10, 10, 6, 7, 9, 10, 9, 7, 3, 1, .5, 0, 0, 0],
    'trader': [2, 1, 1, 1, 1, 1, 3, 6, 8, 9, 9, 9, 9, 9, 9, 9, 8, 8, 7, 6, 5, 4, 3, 2],
}
HOUR_CW = {}
for _k, _w in HOUR_W.items():
    _acc = 0.0
    HOUR_CW[_k] = []
    for _x in _w:
        _acc += _x
        HOUR_CW[_k].append(_acc)
HOURS = list(range(24))
RATE = 0.2    # global scale of ordinary consumer activity


class Acct:
    __slots__ = ('i', 'id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'row',
                 'stop', 'resume', 'bal0', 'status', 'rep_depth', 'touch', 'lab', 'used', 'layer')

    def __init__(self):
        self.stop = None
        self.resume = None
        self.bal0 = 0
        self.status = 'active'
        self.rep_depth = 99
        self.touch = False
        self.lab = False
        self.used = False
        self.layer = 0


class Holder:
    __slots__ = ('id', 'home', 'arch', 'accts', 'farmer', 'flab', 'corp', 'by')

    def __init__(self, hid, home, arch, by, corp=False):
        self.id = hid
        self.home = home
        self.arch = arch
        self.accts = []
        self.farmer = False
        self.flab = False
        self.corp = corp
        self.by = by


class Gang:
    def __init__(self, g, base):
        self.g = g
        self.base = base
        self.border = GANG_BASES[base]
        self.pool = {}       # layer -> list of [acct, live_from, live_to, uses, cap]
        self.ushang = []


class World:
    def __init__(self, variant, seed):
        self.r = random.Random(seed)
        self.vname = variant
        self.P = VARIANTS[variant]
        self.A = []
        self.H = []
        self.ev = []
        self.seq = 0
        self.ids = set()
        self.hids = set()
        self.start = {b: T(*BANKS[b][1]) for b in BANKS}
        self.pub = {}            # external public accounts, created lazily by index
        self.n_pub = 16000
        self.peers = {'53': [], '45': [], '52': []}
        self.students = []
        self.villagers = {'53': [], '45': [], '52': []}
        self.cases = []
        self.stats_fraud = {}

    # ------------------------------------------------------------------ helpers
    def ch(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wch(self, pairs):
        x = self.r.random() * sum(w for _, w in pairs)
        for k, w in pairs:
            x -= w
            if x < 0:
                return k
        return pairs[-1][0]

    def tod(self, prof='day'):
        h = self.r.choices(HOURS, cum_weights=HOUR_CW[prof])[0]
        return h * 3600 + self.r.randrange(3600)

    def pois(self, lam):
        r = self.r
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(r.gauss(lam, math.sqrt(lam)) + 0.5))
        L = math.exp(-lam)
        k = 0
        p = 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def lnf(self, med, sig):
        """lognormal amount in fen (with fen)"""
        return max(1, int(med * math.exp(self.r.gauss(0, sig)) * 100))

    def lny(self, med, sig, step=1):
        """lognormal amount rounded to `step` yuan, in fen"""
        v = int(med * math.exp(self.r.gauss(0, sig)) / step + 0.5) * step
        return max(step, v) * 100

    def person_id(self, region, by):
        r = self.r
        while True:
            body = '%s%04d%02d%02d%03d' % (region, by, r.randint(1, 12), r.randint(1, 28),
                                            r.randint(1, 999))
            x = body + '10X98765432'[sum(int(c) * w for c, w in zip(body, IDW)) % 11]
            if x not in self.hids:
                self.hids.add(x)
                return x

    def uscc(self, region):
        r = self.r
        while True:
            body = '91' + region + ''.join(USCC_CH[r.randrange(31)] for _ in range(9))
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            c = 31 - s % 31
            x = body + USCC_CH[0 if c == 31 else c]
            if x not in self.hids:
                self.hids.add(x)
                return x

    def acct_no(self, bank, corp=False):
        r = self.r
        while True:
            if bank == 'YUNPAY':
                x = 'YP' + ('8' if corp else '1') + '%015d' % r.randrange(10 ** 15)
            elif bank in BANKS:
                if corp:
                    x = '%s%016d' % (BANKS[bank][0][2:6], r.randrange(10 ** 16))
                else:
                    x = BANKS[bank][0] + '%013d' % r.randrange(10 ** 13)
            elif bank in ('ALIPAY', 'TENPAY'):
                x = ('2088' if bank == 'ALIPAY' else '1000') + '%012d' % r.randrange(10 ** 12)
            elif bank.endswith(('-MM', '-LA', '-VN')):
                x = bank[-2:] + '%012d' % r.randrange(10 ** 12)
            else:
                x = '62%02d' % (EXT_BANKS.index(bank) + 10 if bank in EXT_BANKS else 99) + \
                    '%014d' % r.randrange(10 ** 14)
            if x not in self.ids:
                self.ids.add(x)
                return x

    def holder(self, home, arch, by=None, corp=False):
        if by is None:
            by = self.r.randint(1950, 2004)
        hid = self.uscc(home) if corp else self.person_id(home, by)
        h = Holder(hid, home, arch, by, corp)
        self.H.append(h)
        return h

    def acct(self, h, bank, opened, region, cls='I', role='lawful', arch=None, bal0=0):
        a = Acct()
        a.i = len(self.A)
        a.id = self.acct_no(bank, cls == 'corp')
        a.bank = bank
        a.holder = h
        a.opened = opened
        a.region = region
        a.cls = cls
        a.role = role
        a.arch = arch or h.arch
        a.row = bank in BANKS and opened <= END_T
        a.bal0 = bal0
        self.A.append(a)
        h.accts.append(a)
        return a

    def pick_bank(self, region, prof):
        p = region[:2]
        if p not in RURALB:
            return self.wch([('ICBC', .2), ('CCB', .2), ('ABC', .15), ('BOC', .12),
                             ('PSBC', .08), ('EXT', .25)]).replace('EXT', self.ch(EXT_BANKS))
        if prof == 'rural':
            b = self.wch([('ABC', .25), ('PSBC', .2), ('R', .38), ('CCB', .06), ('ICBC', .06),
                          ('BOC', .02), ('C', .03)])
        else:
            b = self.wch([('ICBC', .2), ('CCB', .18), ('BOC', .12), ('ABC', .12), ('C', .15),
                          ('PSBC', .06), ('R', .05), ('YUNPAY', .04), ('EXT', .08)])
        if b == 'R':
            return RURALB[p]
        if b == 'C':
            return CITYB[p]
        if b == 'EXT':
            return self.ch(['CMB', 'CIB', 'BOCOM', 'CITIC'])
        return b

    def old_open(self, lo_years=1, hi_years=18):
        return -int(self.r.uniform(lo_years, hi_years) * 365) * DAY + self.tod('work')

    def open_at(self, t, cls='I'):
        """an opening time on the day of t: branch hours, or any waking hour for II/III online"""
        return t // DAY * DAY + self.tod('work' if cls in ('I', 'corp') else 'day')

    def ext_acct(self, bank=None, arch='external', role='lawful', region=None, opened=None):
        bank = bank or self.ch(EXT_BANKS)
        region = region or self.ch(OUT + LOCAL)
        h = self.holder(region, arch)
        return self.acct(h, bank, opened if opened is not None else self.old_open(), region,
                         'I', role, arch)

    def public(self, i=None):
        """an external member of the public (tourists, buyers, strangers) from a fixed pool"""
        if i is None:
            i = self.r.randrange(self.n_pub)
        a = self.pub.get(i)
        if a is None:
            a = self.ext_acct(self.wch([('ALIPAY', .1), ('TENPAY', .05), ('X', .85)])
                              .replace('X', self.ch(EXT_BANKS)), 'public')
            self.pub[i] = a
        return a

    # ------------------------------------------------------------------ events
    def add(self, t, f, to, amt, ch='mobile', reg='', kind='T', memo='', xb=False, fk='', rep=0):
        t = int(t)
        if t < 0 or t > END_T or amt == 0:
            return False
        if f is not None and t < f.opened + 60:
            return False
        if to is not None and t < to.opened + 60:
            return False
        if not fk:
            for a in (f, to):
                if a is not None and a.stop is not None and t >= a.stop and \
                        (a.resume is None or t < a.resume):
                    return False
        self.seq += 1
        self.ev.append((t, self.seq, f.i if f is not None else -1, to.i if to is not None else -1,
                        amt, ch, reg, kind, memo, xb, fk, rep))
        return True

    def pay(self, t, f, to, amt, ch='mobile', reg='', memo='', xb=False, fk='', rep=0):
        return self.add(t, f, to, amt, ch, reg, 'T', memo, xb, fk, rep)

    def wd(self, t, f, amt, reg, ch='atm', xb=False, fk='', rep=0):
        return self.add(t, f, None, amt, ch, reg, 'W', '', xb, fk, rep)

    def dep(self, t, to, amt, reg, ch='counter', memo=''):
        return self.add(t, None, to, amt, ch, reg, 'D', memo)

    def span(self, a):
        d0 = 0 if a.opened < 0 else a.opened // DAY + 1
        d1 = NDAYS - 1
        return d0, d1

    def monthly(self, a, dom, fn):
        """call fn(t_day_start) for each month's day `dom` inside the account's span"""
        d0, d1 = self.span(a)
        for y, m in ((2023, 12), (2024, 1), (2024, 2), (2024, 3), (2024, 4), (2024, 5), (2024, 6)):
            d = T(y, m, max(1, min(dom, 28))) // DAY
            if d0 <= d <= d1:
                fn(d * DAY)

    def spend(self, a, per_month, med, sig, prof='day', d0=None, d1=None):
        r = self.r
        s0, s1 = self.span(a)
        d0 = s0 if d0 is None else max(s0, d0)
        d1 = s1 if d1 is None else min(s1, d1)
        if d1 < d0:
            return
        n = self.pois(RATE * per_month * (d1 - d0 + 1) / 30.0)
        prov = a.region[:2] if a.region[:2] in self.peers else self.ch(['53', '45', '52'])
        for _ in range(n):
            t = r.randint(d0, d1) * DAY + self.tod(prof)
            x = r.random()
            if x < 0.55:
                self.pay(t, a, self.ch(self.hubs), self.lnf(med, sig), 'mobile', '')
            elif x < 0.85:
                m = self.ch(self.merchants[prov])
                self.pay(t, a, m, self.lnf(med * 1.5, sig), 'pos', m.region)
            else:
                self.pay(t, a, self.ch(self.ext_merchants), self.lnf(med * 2, sig), 'online', '')

    def peer(self, a, per_month, med, sig, prof='day', memo_p=0.2):
        r = self.r
        d0, d1 = self.span(a)
        if d1 < d0:
            return
        n = self.pois(RATE * per_month * (d1 - d0 + 1) / 30.0)
        prov = a.region[:2] if a.region[:2] in self.peers else '53'
        for _ in range(n):
            t = r.randint(d0, d1) * DAY + self.tod(prof)
            b = self.ch(self.peers[prov]) if r.random() < 0.6 else self.public()
            if b is a:
                continue
            memo = self.ch(['', '', '', '还钱', '红包', '饭钱', '借款']) if r.random() < memo_p else ''
            if r.random() < 0.5:
                self.pay(t, a, b, self.lny(med, sig), 'mobile', a.region, memo)
            else:
                self.pay(t, b, a, self.lny(med, sig), 'mobile', '', memo)

    def withdraw_n(self, a, per_month, med, sig, reg=None, ch='atm'):
        r = self.r
        d0, d1 = self.span(a)
        if d1 < d0:
            return
        n = self.pois(per_month * (d1 - d0 + 1) / 30.0)
        for _ in range(n):
            t = r.randint(d0, d1) * DAY + self.tod('work' if ch == 'counter' else 'day')
            amt = self.lny(med, sig, 100)
            if ch == 'atm':
                amt = min(amt, 500000)
            self.wd(t, a, amt, reg or a.region, ch)

    def own_moves(self, h, per_month, med, sig, fast=False):
        rows = [a for a in h.accts if a.row and a.role in ('lawful', 'paofen')]
        if len(rows) < 2:
            return
        r = self.r
        for _ in range(self.pois(per_month * 7)):
            a, b = r.sample(rows, 2)
            t = r.randrange(0, END_T)
            amt = self.lny(med, sig, 100)
            if self.pay(t, a, b, amt, 'mobile', a.region, self.ch(['', '', '转存', '理财'])) and fast \
                    and r.random() < 0.5:
                c = self.ch(rows)
                if c is not b:
                    self.pay(t + r.randint(120, 7200), b, c, amt, 'mobile', b.region)

    # ------------------------------------------------------------------ population
    def build_infra(self):
        r = self.r
        self.hubs = []
        for b in ('ALIPAY', 'ALIPAY', 'ALIPAY', 'TENPAY', 'TENPAY', 'TENPAY'):
            h = self.holder('330106' if b == 'ALIPAY' else '440305', 'payment_hub', corp=True)
            self.hubs.append(self.acct(h, b, self.old_open(8, 15), h.home, 'corp', arch='payment_hub'))
        self.ext_merchants = [self.ext_acct(self.ch(EXT_BANKS), 'ext_merchant') for _ in range(300)]
        self.corps = {}

        def corp(kind, n, regions, banks=None, bal=(2e5, 5e6)):
            lst = []
            for j in range(n):
                reg = regions[j] if n == len(regions) else self.ch(regions)
                h = self.holder(reg, kind, corp=True)
                bank = self.ch(banks) if banks else self.pick_bank(reg, 'urban')
                if bank not in BANKS:
                    bank = self.ch(NATIONAL)
                a = self.acct(h, bank, self.old_open(2, 20), reg, 'corp', arch=kind,
                              bal0=int(r.uniform(*bal) * 100))
                lst.append(a)
            self.corps[kind] = lst
            return lst

        corp('employer', 130, CITIES + TAGS['tour'] + RURALISH[:20])
        corp('tea_coop', 14, TAGS['tea'])
        corp('fruit_wholesaler', 12, TAGS['mango'] + TAGS['citrus'])
        corp('hotel_agency', 45, TAGS['tour'])
        corp('developer', 6, CITIES)
        corp('car_dealer', 8, CITIES)
        corp('hospital', 8, CITIES)
        corp('pension_office', 3, ['530102', '450103', '520102'], ['ABC', 'ICBC', 'CCB'],
             (1e8, 3e8))
        corp('subsidy_office', 6, ['530102', '450103', '520102', '530902', '451402', '522601'],
             ['ABC', 'PSBC'] + list(RURALB.values()), (5e7, 1e8))
        corp('merchant', 110, LOCAL)
        corp('logistics', 20, BORDER + CITIES)
        h = self.holder('530102', 'payment_clearing', corp=True)
        self.clearing = self.acct(h, 'YUNPAY', self.old_open(5, 8), '530102', 'corp',
                                  arch='payment_clearing', bal0=5 * 10 ** 10)
        self.merchants = {p: [m for m in self.corps['merchant'] if m.region[:2] == p] for p in
                          ('53', '45', '52')}
        self.ext_employers = [self.ext_acct(self.ch(EXT_BANKS), 'ext_employer', region=self.ch(OUT))
                              for _ in range(80)]
        self.foreign = {k: [self.ext_acct(v, 'foreign_partner') for _ in range(40)]
                        for k, v in FOREIGN.items()}
        self.ext_buyers = [self.ext_acct(self.ch(EXT_BANKS), 'ext_buyer') for _ in range(150)]

    def new_person(self, arch, home=None, prof='rural', by=None):
        r = self.r
        if home is None:
            if arch in ('villager', 'home_family'):
                home = self.ch(RURALISH + BORDER)
            elif arch == 'tea_farmer':
                home = self.ch(TAGS['tea'])
            elif arch == 'fruit_farmer':
                home = self.ch(TAGS['mango'] + TAGS['citrus'] * 2)
            elif arch in ('tourism_shop',):
                home = self.ch(TAGS['tour'])
            elif arch == 'border_trader':
                home = self.ch(['533102', '533102', '532532', '450681', '450681', '451481',
                                '451481', '532823', '530924', '451423', '532624'])
            elif arch in ('migrant', 'student'):
                home = self.ch(RURALISH + CITIES[:6])
            else:
                home = self.ch(CITIES * 3 + LOCAL)
        if by is None:
            by = {'student': (2000, 2005), 'retiree': (1945, 1964), 'migrant': (1970, 2003),
                  'villager': (1950, 1998)}.get(arch, (1960, 1998))
            by = r.randint(*by)
        return self.holder(home, arch, by)

    def build_people(self):
        r = self.r
        self.lawful_primary = []
        for arch, n in LAWFUL_COUNTS:
            for _ in range(int(n * 0.78)):
                h = self.new_person(arch)
                prof = 'rural' if h.home in RURALISH else 'urban'
                bank = self.pick_bank(h.home, prof)
                if bank not in BANKS:
                    bank = self.ch(NATIONAL)
                new_inside = r.random() < 0.09 or arch == 'big_first'
                opened = self.open_at(r.randrange(DAY, END_T - DAY // 2)) if new_inside else \
                    self.old_open(0.2, max(1.0, min(25.0, 2024 - h.by - 16)))
                if arch == 'student' and r.random() < 0.25:
                    opened = self.open_at(T(2024, 2, 24) + r.randrange(14 * DAY))  # semester
                bal0 = self.lny({'villager': 3000, 'retiree': 30000, 'salaried': 15000,
                                 'border_trader': 200000, 'multi_bank': 60000, 'landlord': 40000,
                                 'tourism_shop': 20000, 'shop_personal': 15000,
                                 'family_pool': 20000}.get(arch, 6000), 1.0)
                cls = 'I'
                reg = h.home
                if arch == 'student' and r.random() < 0.5:
                    reg = self.ch(TAGS['uni'])
                    bank = self.pick_bank(reg, 'urban')
                    if bank not in BANKS:
                        bank = 'ICBC'
                a = self.acct(h, bank, opened, reg, cls, bal0=bal0)
                self.lawful_primary.append(a)
                # more accounts
                k = self.wch([(0, .58), (1, .29), (2, .09), (3, .04)])
                if arch == 'multi_bank':
                    k = r.randint(2, 5)
                if arch == 'student' and opened > 0 and r.random() < 0.5:
                    k = max(k, 1)
                for j in range(k):
                    b2 = self.pick_bank(reg if r.random() < 0.8 else self.ch(CITIES), prof)
                    if arch == 'multi_bank':
                        b2 = self.ch([x for x in NATIONAL + [CITYB.get(reg[:2], 'FDB'), 'YUNPAY',
                                                             'CMB'] if x != bank])
                    c2 = 'II' if b2 == 'YUNPAY' or r.random() < 0.15 else 'I'
                    if b2 == 'YUNPAY' and r.random() < 0.3:
                        c2 = 'III'
                    if arch == 'student' and opened > 0 and j == 0:
                        o2 = self.open_at(opened + r.randrange(4 * DAY), c2)
                    elif r.random() < 0.08:
                        o2 = self.open_at(r.randrange(DAY, END_T - DAY // 2), c2)
                    else:
                        o2 = self.old_open(0.2, 15)
                    self.acct(h, b2, o2, reg, c2, bal0=self.lny(3000, 1.2))
                p = reg[:2]
                if p in self.peers and arch not in ('border_trader',):
                    self.peers[p].append(a)
                if arch == 'student':
                    self.students.append(a)
                if arch in ('villager', 'tea_farmer', 'fruit_farmer') and p in self.villagers:
                    self.villagers[p].append(a)
        # accounts open every day: make sure no day of the span is without a lawful opening
        opened_days = [0] * NDAYS
        for x in self.A:
            if 0 <= x.opened <= END_T:
                opened_days[x.opened // DAY] += 1
        for d in range(NDAYS):
            while opened_days[d] < 2:
                p = self.ch(self.lawful_primary)
                b2 = self.pick_bank(p.region, 'urban')
                if b2 not in BANKS:
                    continue
                c2 = self.ch(['I', 'II', 'II'])
                self.acct(p.holder, b2, self.open_at(d * DAY, c2), p.region, c2)
                opened_days[d] += 1
        # migrants' families at home (receivers of remittances)
        self.families = {}
        for a in self.lawful_primary:
            if a.arch == 'migrant' and r.random() < 0.7:
                h = self.new_person('home_family', home=a.holder.home if a.holder.home in LOCAL
                                    else self.ch(RURALISH))
                bank = self.pick_bank(h.home, 'rural')
                if bank not in BANKS:
                    bank = 'ABC'
                fa = self.acct(h, bank, self.old_open(1, 15), h.home, bal0=self.lny(2000, 1))
                self.families[a.i] = fa
                self.lawful_primary.append(fa)
                self.villagers[fa.region[:2]].append(fa)

    # ------------------------------------------------------------------ lawful life
    def life(self):
        r = self.r
        for a in list(self.lawful_primary):
            h = a.holder
            arch = h.arch
            getattr(self, 'life_' + arch)(a, h)
            # secondary accounts: little traffic, a sweep now and then
            for b in h.accts:
                if b is a or not b.row or b.role not in ('lawful', 'paofen'):
                    continue
                self.spend(b, 0.7, 60, 1.1)
                if r.random() < 0.5:
                    self.own_moves(h, 0.5, 1500, 1.0)
                if r.random() < 0.03:        # dormant account woken up lawfully
                    t = r.randrange(0, END_T)
                    amt = self.lny(40000, 0.8, 100)
                    if self.pay(t, self.ch(self.ext_buyers + [a]), b, amt, 'counter', b.region,
                                self.ch(['', '转存', '定期到期'])):
                        self.pay(t + r.randint(600, 3 * DAY), b, self.ch(self.corps['developer'] +
                                 self.corps['car_dealer'] + self.corps['hospital']),
                                 amt, 'counter', b.region)
        # corporate revenue so corporate balances look alive
        for kind, lst in self.corps.items():
            for c in lst:
                nin = {'employer': 6, 'hotel_agency': 20, 'merchant': 4, 'tea_coop': 3,
                       'fruit_wholesaler': 3, 'developer': 3, 'car_dealer': 6, 'hospital': 8,
                       'logistics': 8}.get(kind, 0)
                for _ in range(self.pois(nin * 7)):
                    t = r.randrange(0, END_T)
                    src = self.ch(self.ext_buyers) if kind != 'hotel_agency' else self.ch(self.hubs)
                    self.pay(t, src, c, self.lny(60000, 1.0, 10), 'online', '', '货款' if
                             r.random() < .3 else '')
                for _ in range(self.pois(nin * 3)):
                    t = r.randrange(0, END_T)
                    self.pay(t, c, self.ch(self.ext_buyers + self.ext_merchants),
                             self.lny(40000, 1.0, 10), 'online', '', '货款' if r.random() < .3 else '')
        # merchants: weekly settlement out
        for m in self.corps['merchant'] + self.corps['developer'] + self.corps['car_dealer'] + \
                self.corps['hospital']:
            for d in range(3, NDAYS, 7):
                self.pay(d * DAY + self.tod('work'), m, self.ch(self.ext_merchants), -60, 'online')

    def salary(self, a, employer, med, dom=10, memo='工资', ch='other'):
        amt = self.lny(med, 0.35, 10)

        def fn(t0):
            self.pay(t0 + 9 * 3600 + self.r.randrange(8 * 3600), employer, a,
                     amt + self.r.randint(-3, 3) * 10000, ch, '', memo)
        self.monthly(a, dom + self.r.randint(-1, 2), fn)

    def life_salaried(self, a, h):
        r = self.r
        emp = self.ch(self.corps['employer'])
        self.salary(a, emp, r.choice([4500, 6000, 8000, 11000]))
        self.spend(a, 3, 80, 1.1)
        self.peer(a, 0.8, 300, 1.0)
        self.withdraw_n(a, 0.3, 1000, 0.6)
        rent_to = self.ch(self.corps['developer'] + self.ext_merchants[:20])
        self.monthly(a, 12, lambda t0: self.pay(t0 + self.tod('day'), a, rent_to,
                                               self.lny(2500, 0.3, 10), 'mobile', '', '房贷'))
        self.own_moves(h, 0.8, 2000, 0.8)

    def life_family_pool(self, a, h):
        r = self.r
        self.life_salaried(a, h)
        d0, d1 = self.span(a)
        if d1 - d0 < 20:
            return
        day = r.randint(max(d0, 10), d1 - 12)
        prov = a.region[:2]
        total = 0
        for _ in range(r.randint(4, 10)):
            src = self.ch(self.peers[prov]) if r.random() < 0.5 else self.public()
            amt = self.lny(8000, 0.9, 100)
            if self.pay((day + r.randint(0, 6)) * DAY + self.tod('day'), src, a, amt, 'mobile', '',
                        self.ch(['', '', '凑钱', '借你', '给妈看病', '首付'])):
                total += amt
        if total:
            dst = self.ch(self.corps['hospital'] + self.corps['developer'] + self.ext_merchants[:5])
            self.pay((day + r.randint(7, 11)) * DAY + self.tod('work'), a, dst, int(total * 0.9) //
                     10000 * 10000 + 10000, 'counter', a.region, self.ch(['', '首付', '医疗费', '婚宴']))

    def life_big_first(self, a, h):
        r = self.r
        self.life_salaried(a, h)
        amt = self.lny(150000, 0.6, 1000)
        t = a.opened + r.randint(1200, 2 * 3600)
        src = self.ch(h.accts) if len(h.accts) > 1 and r.random() < .5 else self.public()
        if src is a:
            src = self.public()
        if not self.pay(t, src, a, amt, 'counter' if r.random() < .5 else 'mobile', a.region,
                        self.ch(['', '购车款', '首付'])):
            self.dep(t, a, amt, a.region, 'counter')
        dst = self.ch(self.corps['car_dealer'] + self.corps['developer'])
        self.pay(t + r.randint(1800, 2 * DAY), a, dst, amt, 'counter' if r.random() < .6 else 'pos',
                 dst.region, self.ch(['', '购车款', '首付', '定金']))
        self.monthly(a, 20, lambda t0: self.pay(t0 + self.tod('work'), a,
                                                self.ch(self.ext_merchants[:10]),
                                                self.lny(3000, 0.3, 10), 'other', '', '还款'))

    def life_migrant(self, a, h):
        r = self.r
        emp = self.ch(self.ext_employers)
        med = r.choice([4500, 5500, 7000])
        home_back = SPRING_FESTIVAL - r.randint(3, 12) * DAY
        back_work = SPRING_FESTIVAL + r.randint(5, 15) * DAY
        work_reg = emp.region
        fam = self.families.get(a.i)
        new_card = None
        if r.random() < 0.2:
            b = self.ch(NATIONAL)
            new_card = self.acct(h, b, back_work + r.randint(2, 30) * DAY + self.tod('work'),
                                 work_reg, 'I')

        def month(t0):
            acc = a if new_card is None or t0 < new_card.opened else new_card
            if home_back - 20 * DAY < t0 < back_work:
                return
            self.pay(t0 + 10 * 3600 + r.randrange(6 * 3600), emp, acc, self.lny(med, 0.25, 10),
                     'other', '', '工资')
            if fam is not None:
                self.pay(t0 + r.randint(1, 4) * DAY + self.tod('night'), acc, fam,
                         self.lny(1500, 0.5, 100), 'mobile', work_reg,
                         self.ch(['', '', '生活费', '家用']))
        self.monthly(a, r.randint(5, 15), month)
        self.spend(a, 3, 50, 1.0, 'night')
        if new_card is not None:
            self.spend(new_card, 3, 50, 1.0, 'night')
        # Spring Festival at home: cash, red packets
        for k in range(r.randint(1, 3)):
            self.wd(home_back + r.randint(1, 8) * DAY + self.tod('day'), a,
                    self.lny(2000, 0.5, 100), h.home, 'atm')
        if fam is not None and r.random() < 0.6:
            self.pay(SPRING_FESTIVAL - DAY + self.tod('day'), a, fam, self.lny(3000, 0.6, 100),
                     'mobile', h.home, '红包')
        self.peer(a, 1.0, 300, 1.0, 'night')

    def life_home_family(self, a, h):
        self.withdraw_n(a, 1.2, 800, 0.6, ch=self.ch(['atm', 'counter']))
        self.spend(a, 2, 40, 1.0)
        self.subsidy(a, 0.6)

    def subsidy(self, a, p):
        r = self.r
        if r.random() > p:
            return
        prov = a.region[:2]
        offs = [c for c in self.corps['subsidy_office'] if c.region[:2] == prov] or \
            self.corps['subsidy_office']
        off = self.ch(offs)
        for y, m in ((2024, 1), (2024, 4)):
            self.pay(T(y, m, r.randint(10, 25)) + self.tod('work'), off, a,
                     self.lny(900, 0.7, 1), 'other', '',
                     self.ch(['补贴', '惠农补贴', '耕地地力保护补贴', '低保', '生态补偿']))

    def life_villager(self, a, h):
        r = self.r
        self.subsidy(a, 0.8)
        self.withdraw_n(a, 0.9, 600, 0.7, ch=self.ch(['atm', 'counter', 'atm']))
        self.spend(a, 1.5, 50, 1.0)
        self.peer(a, 0.5, 400, 0.9)
        for _ in range(self.pois(0.5 * 7)):
            t = r.randrange(0, END_T)
            self.pay(t, self.ch(self.ext_buyers + self.corps['merchant']), a,
                     self.lny(1500, 0.8, 10), 'mobile', '', self.ch(['', '货款', '猪款', '菌子']))

    def life_tea_farmer(self, a, h):
        r = self.r
        self.subsidy(a, 0.6)
        prov = a.region[:2]
        coops = [c for c in self.corps['tea_coop'] if c.region[:2] == prov] or self.corps['tea_coop']
        s0, s1 = T(2024, 3, 5) // DAY, T(2024, 5, 31) // DAY
        for _ in range(r.randint(2, 10)):
            src = self.ch(coops) if r.random() < 0.5 else self.ch(self.ext_buyers)
            self.pay(r.randint(s0, s1) * DAY + self.tod('day'), src, a,
                     self.lny(9000, 0.8, 10), 'online', '', self.ch(['茶叶款', '货款', '', '春茶']))
        pickers = [self.ch(self.villagers[prov]) for _ in range(r.randint(3, 14))]
        for d in range(s0 + 5, s1 + 5):
            if r.random() < 0.035:
                for p in r.sample(pickers, min(len(pickers), r.randint(2, 8))):
                    if p is not a:
                        self.pay(d * DAY + 18 * 3600 + r.randrange(4 * 3600), a, p,
                                 self.lny(220, 0.3, 10), 'mobile', a.region, '工钱')
        self.withdraw_n(a, 0.8, 3000, 0.8, ch='counter')
        self.spend(a, 2.5, 60, 1.0)
        self.pay(T(2024, 2, r.randint(15, 28)) + self.tod('work'), a, self.ch(self.merchants[prov]),
                 self.lny(3000, 0.6, 10), 'pos', a.region, '化肥')

    def life_fruit_farmer(self, a, h):
        r = self.r
        self.subsidy(a, 0.5)
        citrus = a.region in TAGS['citrus']
        s0, s1 = ((0, T(2024, 4, 10) // DAY) if citrus else
                  (T(2024, 5, 10) // DAY, NDAYS - 1))
        prov = a.region[:2]
        whs = [c for c in self.corps['fruit_wholesaler'] if c.region[:2] == prov] or \
            self.corps['fruit_wholesaler']
        for _ in range(r.randint(3, 12)):
            src = self.ch(whs) if r.random() < 0.4 else self.ch(self.ext_buyers)
            self.pay(r.randint(s0, s1) * DAY + self.tod('day'), src, a, self.lny(12000, 0.8, 10),
                     'online', '', self.ch(['果款', '货款', '', '沃柑' if citrus else '芒果']))
        pickers = [self.ch(self.villagers[prov]) for _ in range(r.randint(3, 10))]
        for d in range(s0 + 3, s1):
            if r.random() < 0.035:
                for p in r.sample(pickers, min(len(pickers), r.randint(2, 6))):
                    if p is not a:
                        self.pay(d * DAY + 17 * 3600 + r.randrange(5 * 3600), a, p,
                                 self.lny(200, 0.3, 10), 'mobile', a.region, '工钱')
        self.withdraw_n(a, 1.0, 2000, 0.8, ch='counter')
        self.spend(a, 1.5, 60, 1.0)
        self.monthly(a, 21, lambda t0: self.pay(t0 + self.tod('work'), a,
                                               self.ch(self.ext_merchants[:8]),
                                               self.lny(1500, 0.3, 10), 'other', '', '贷款还款'))

    def life_student(self, a, h):
        r = self.r
        parent = self.ch(self.peers[a.region[:2]]) if r.random() < 0.4 else self.public()
        amt = self.lny(1500, 0.3, 100)
        self.monthly(a, r.randint(1, 5), lambda t0: self.pay(t0 + self.tod('day'), parent, a,
                                                            amt, 'mobile', '',
                                                            self.ch(['生活费', '', ''])))
        self.spend(a, 4, 30, 0.9, 'night')
        d0, d1 = self.span(a)
        for _ in range(self.pois(1.0 * (d1 - d0 + 1) / 30.0)):
            b = self.ch(self.students)
            if b is not a:
                self.pay(r.randint(d0, d1) * DAY + self.tod('night'), a, b,
                         self.lny(45, 0.7), 'mobile', a.region, self.ch(['', 'AA', '饭钱']))
        if r.random() < 0.2:
            emp = self.ch(self.corps['employer'] + self.corps['hotel_agency'])
            self.salary(a, emp, 1200, 15, '兼职', 'mobile')

    def life_retiree(self, a, h):
        prov = a.region[:2]
        pen = [c for c in self.corps['pension_office'] if c.region[:2] == prov][0]
        self.salary(a, pen, self.r.choice([2200, 3500, 5500]), 15, '养老金', 'other')
        self.withdraw_n(a, 1.0, 1500, 0.6, ch='counter')
        self.spend(a, 4, 50, 1.0)
        self.peer(a, 0.5, 500, 0.8)

    def life_tourism_shop(self, a, h):
        r = self.r
        night = r.random() < 0.3
        base = r.uniform(0.08, 0.5)
        d0, d1 = self.span(a)
        for d in range(d0, d1 + 1):
            t = d * DAY
            f = 1.0
            for h0, h1 in HOLIDAYS:
                if h0 <= t <= h1:
                    f = 3.0
            if t < T(2024, 1, 20):
                f *= 0.7
            for _ in range(self.pois(base * f)):
                self.pay(t + self.tod('night' if night else 'day'), self.public(), a,
                         self.lnf(120, 0.8), 'mobile', '', self.ch(['', '', '', '住宿', '门票',
                                                                  '餐费', '鲜花饼']))
            if d % 7 == 3:
                self.pay(t + self.tod('work'), a, self.ch(self.ext_merchants + self.corps['merchant']),
                         -35, 'online', a.region, '货款')
            if d % 7 == 6 and len(h.accts) > 1:
                self.pay(t + 22 * 3600 + r.randrange(3600), a, h.accts[1], -50, 'mobile', a.region)
        self.spend(a, 4, 80, 1.0)
        self.monthly(a, 1, lambda t0: self.pay(t0 + self.tod('work'), a,
                                              self.ch(self.peers[a.region[:2]]),
                                              self.lny(5000, 0.4, 100), 'mobile', a.region, '房租'))

    def life_shop_personal(self, a, h):
        r = self.r
        base = r.uniform(300, 2500)
        d0, d1 = self.span(a)
        for d in range(d0, d1 + 1):
            t = d * DAY
            if r.random() < 0.3:
                self.pay(t + 2 * 3600 + r.randrange(3600), self.clearing, a,
                         self.lnf(base, 0.5), 'other', '', '结算')
            for _ in range(self.pois(0.25)):
                self.pay(t + self.tod('day'), self.ch(self.peers[a.region[:2]]), a,
                         self.lnf(60, 1.0), 'mobile', '')
            if d % 4 == 1:
                self.pay(t + self.tod('work'), a, self.ch(self.ext_merchants[:60] +
                                                          self.corps['merchant']),
                         -60, 'mobile', a.region, self.ch(['进货', '货款', '']))
        self.withdraw_n(a, 1.0, 2000, 0.6)
        self.spend(a, 3, 60, 1.0)

    def life_weishang(self, a, h):
        r = self.r
        sup = self.ch(self.ext_merchants[:40])
        base = r.uniform(0.12, 0.7)
        d0, d1 = self.span(a)
        for d in range(d0, d1 + 1):
            t = d * DAY
            for _ in range(self.pois(base)):
                self.pay(t + self.tod('night'), self.public(), a, self.lnf(180, 0.8), 'mobile', '',
                         self.ch(['', '', '', '货款', '代购', '衣服']))
            if r.random() < 0.25:
                self.pay(t + 23 * 3600 + r.randrange(3000), a, sup, -85, 'mobile', a.region,
                         self.ch(['', '拿货', '货款']))
        self.spend(a, 6, 50, 1.0, 'night')

    def life_border_trader(self, a, h):
        r = self.r
        base = 'vietnam' if a.region[:2] == '45' or a.region in ('532532', '532624') else \
            ('laos' if a.region == '532823' else 'mm_north')
        partners = r.sample(self.foreign[base], r.randint(2, 8))
        buyers = r.sample(self.ext_buyers, r.randint(4, 20))
        d0, d1 = self.span(a)
        m = (d1 - d0 + 1) / 30.0
        for _ in range(self.pois(3 * m)):
            self.pay(r.randint(d0, d1) * DAY + self.tod('trader'), self.ch(buyers), a,
                     self.lny(60000, 0.9, 10), 'online', '', self.ch(['货款', '', '红木', '玉石',
                                                                    '水果款', '海鲜']))
        for _ in range(self.pois(2 * m)):
            self.dep(r.randint(d0, d1) * DAY + self.tod('work'), a, self.lny(30000, 0.7, 100),
                     a.region, 'counter', '')
        for _ in range(self.pois(2.5 * m)):
            self.pay(r.randint(d0, d1) * DAY + self.tod('trader'), a, self.ch(partners),
                     self.lny(50000, 0.8, 10), 'online', a.region, self.ch(['货款', '互市货款', '']),
                     xb=True)
        for _ in range(self.pois(2 * m)):
            self.wd(r.randint(d0, d1) * DAY + self.tod('work'), a, self.lny(40000, 0.6, 100),
                    a.region, 'counter')
        for _ in range(self.pois(1.5 * m)):
            self.pay(r.randint(d0, d1) * DAY + self.tod('trader'), a,
                     self.ch(self.corps['logistics']), self.lny(5000, 0.7, 10), 'mobile', a.region,
                     '运费')
        self.spend(a, 5, 100, 1.0, 'trader')
        self.own_moves(h, 0.6, 30000, 0.8, fast=True)

    def life_landlord(self, a, h):
        r = self.r
        prov = a.region[:2]
        tenants = [self.ch(self.peers[prov]) if r.random() < 0.6 else self.public()
                   for _ in range(r.randint(5, 28))]
        for tn in tenants:
            if tn is a:
                continue
            amt = self.lny(1200, 0.4, 50)
            self.monthly(a, r.randint(1, 5), lambda t0, tn=tn, amt=amt: self.pay(
                t0 + self.tod('day'), tn, a, amt, 'mobile', '', self.ch(['房租', '', '租金'])))
        if len(h.accts) > 1:
            self.monthly(a, 8, lambda t0: self.pay(t0 + self.tod('day'), a, h.accts[1], -70,
                                                  'mobile', a.region))
        self.spend(a, 5, 80, 1.0)

    def life_multi_bank(self, a, h):
        self.life_salaried(a, h)
        self.own_moves(h, 2, 12000, 0.9, fast=True)

    # ------------------------------------------------------------------ card farmers
    def build_farmers(self):
        r = self.r
        self.farmer_queue = []   # [avail_t, acct, taken]
        self.farmers = []
        for _ in range(self.P['farmers']):
            home = self.ch(RURALISH) if r.random() < 0.6 else self.ch(OUT)
            h = self.holder(home, 'card_farmer', r.randint(1975, 2003))
            h.farmer = True
            self.farmers.append(h)
            if r.random() < 0.5:   # the farmer's own ordinary account
                b = self.pick_bank(home, 'rural')
                if b in BANKS:
                    a = self.acct(h, b, self.old_open(2, 10), home, arch='farmer_own', bal0=self.lny(
                        2000, 1))
                    self.life_villager(a, h)
            start = r.randint(-25, NDAYS - 40) * DAY
            spanl = r.randint(4, 20) * DAY
            cities = r.sample(CITIES + TAGS['tour'] + RURALISH + OUT[:6], r.randint(3, 7))
            n = r.randint(6, 18)
            offs = sorted(r.randrange(spanl) for _ in range(n))
            for j in range(n):
                reg = cities[min(len(cities) - 1, j * len(cities) // n)]
                used_banks = [x.bank for x in h.accts if x.region == reg]
                choices = [b for b in NATIONAL + [RURALB.get(reg[:2]), CITYB.get(reg[:2])] if b and
                           b not in used_banks and (BANKS[b][2] == 'all' or BANKS[b][2] == reg[:2])]
                if r.random() < 0.15 or not choices:
                    b = self.ch(EXT_BANKS)
                else:
                    b = self.ch(choices)
                day0 = (start + offs[j]) // DAY * DAY
                t = day0 + 9 * 3600 + r.randrange(8 * 3600)
                a = self.acct(h, b, t, reg, 'I' if r.random() < 0.8 else 'II', 'farmer_card',
                              'farmer_card_unused')
                if a.row and r.random() < 0.5:
                    self.dep(t + r.randint(60, 900), a, self.lny(50, 0.6), reg, 'counter')
                if r.random() < self.P['farmer_used']:
                    self.farmer_queue.append([t + r.randint(5, 60) * DAY, a, False])
        self.farmer_queue.sort(key=lambda x: (x[0], x[1].i))

    # ------------------------------------------------------------------ fraud
    def build_fraud(self):
        r = self.r
        P = self.P
        self.gangs = [Gang(g, self.wch([('mm_north', .5), ('laos', .2), ('vietnam', .3)]))
                      for g in range(8)]
        # U商 (USDT dealers)
        self.ushangs = []
        for _ in range(40):
            reg = self.ch(['530102', '530111', '450103', '520102', '533102', '450681', '532801',
                           '440106', '440304'])
            h = self.holder(reg, 'ushang', r.randint(1980, 2000))
            accs = []
            for _k in range(r.randint(1, 3)):
                b = self.pick_bank(reg, 'urban')
                a = self.acct(h, b, self.old_open(1, 8), reg, 'I', 'ushang', 'ushang',
                              bal0=self.lny(80000, 0.8))
                accs.append(a)
            for a in accs:
                self.ushangs.append(a)
                # ordinary USDT trading with the public (not fraud money)
                for _k in range(self.pois(25)):
                    t = r.randrange(0, END_T)
                    amt = self.lny(8000, 0.9, 1)
                    if r.random() < 0.55:
                        self.pay(t, self.public(), a, amt, 'mobile', '', '')
                    else:
                        self.pay(t, a, self.public(), amt, 'mobile', a.region, '')
                self.spend(a, 4, 80, 1.0, 'night')
        for g in self.gangs:
            g.ushang = r.sample(self.ushangs, r.randint(2, 4))
        # candidate pools of ordinary accounts that can be rented/sold or used for 跑分
        olds_b, olds_o, pf = [], [], []
        seen = {}
        for a in self.A:
            if not a.row or a.role != 'lawful' or a.cls == 'corp' or a.i in seen:
                continue
            seen[a.i] = 1
            if a.arch in ('villager', 'home_family', 'tea_farmer', 'fruit_farmer', 'migrant',
                          'student') and a.opened < -2 * 365 * DAY:
                (olds_b if a.region in BORDER else olds_o).append(a)
            if a.arch in ('student', 'migrant', 'salaried') and a.holder.by >= 1985 and \
                    a.holder.accts[0] is a:
                pf.append(a)
        r.shuffle(olds_b)
        r.shuffle(olds_o)
        r.shuffle(pf)
        self.olds_b, self.olds_o, self.pfc = olds_b, olds_o, pf
        # victims' cases
        weights = [(t, w) for t, w, *_ in TYPO]
        tinfo = {t[0]: t for t in TYPO}
        for c in range(P['cases']):
            start = r.randint(15, NDAYS - 2) * DAY + self.tod('day')
            self.cases.append((start, c, self.wch(weights)))
        self.cases.sort()
        for start, c, typ in self.cases:
            self.run_case(start, c, tinfo[typ])

    def run_case(self, start, c, info):
        r = self.r
        P = self.P
        typ, _, (nlo, nhi), med, growth, spd, memos = info
        g = self.ch(self.gangs)
        rep = 1 if r.random() < P['report'] else 0
        n = r.randint(nlo, nhi)
        amts = []
        amt = med * math.exp(r.gauss(0, 0.6))
        for k in range(n):
            amts.append(max(100, int(amt)) * 100 if amt > 2000 else max(10, int(amt * 100)))
            amt *= growth * r.uniform(0.7, 1.3)
            amt = min(amt, 900000)
        times = sorted(start + (r.randrange(spd * DAY + 1) if k else 0) for k in range(n))
        local = r.random() < 0.28
        victim = None
        if local:
            for _ in range(20):
                cand = self.ch(self.lawful_primary)
                if cand.row and cand.role == 'lawful' and not cand.used and cand.opened < start - DAY \
                        and cand.stop is None:
                    victim = cand
                    break
        if victim is None:
            victim = self.ext_acct(self.ch(EXT_BANKS), 'victim', region=self.ch(OUT + LOCAL))
        else:
            victim.arch = victim.arch + '+victim'
            # victim gathers the money first (own savings elsewhere, a loan, relatives)
            need = sum(amts)
            self.pay(start - r.randint(600, min(2 * DAY, start - victim.opened - 600)), self.ext_acct(self.ch(EXT_BANKS), 'victim_funds',
                                                                     region=victim.region),
                     victim, need, 'mobile', '', self.ch(['', '', '转存', '借款']), fk='_reserve')
        victim.used = True
        self.stats_fraud['victims'] = self.stats_fraud.get('victims', 0) + 1
        for k in range(n):
            t = times[k] + (self.tod('day') % 3600 if k else 0)
            if t > END_T:
                break
            m = self.get_mule(g, 1, t)
            ch = self.wch([('mobile', .7), ('online', .15), ('counter', .08), ('atm', .07)])
            memo = self.ch(memos)
            if self.pay(t, victim, m, amts[k], ch, victim.region if ch in ('counter', 'atm') else '',
                        memo, fk='victim_payment', rep=rep):
                self.mark(m, 1, rep)
                self.route(m, amts[k], t, 1, g, rep)

    def mark(self, a, depth, rep):
        a.touch = True
        if rep:
            a.rep_depth = min(a.rep_depth, depth)

    def slow(self):
        return self.r.random() < self.P['slow_share']

    def delay(self, depth, a):
        r = self.r
        if self.slow() or (a.arch.startswith('old') and r.random() < 0.5):
            return int(r.uniform(1, 40) * 3600 * (1 + 0.3 * depth))
        return int(60 * math.exp(r.gauss(1.8 + 0.3 * depth, 0.8))) + 30

    def route(self, a, amt, t, depth, g, rep):
        r = self.r
        P = self.P
        if a.role == 'paofen':
            keep = int(amt * r.uniform(0.005, 0.025))
            out = amt - keep
            col = self.get_mule(g, 2, t)
            t2 = t + r.randint(40, 900)
            if self.pay(t2, a, col, out, 'mobile', '', '', fk='paofen', rep=rep):
                self.mark(col, depth + 1, rep)
                self.route(col, out, t2, depth + 1, g, rep)
            return
        dmax = r.randint(*P['depth'])
        out = amt - (r.randint(0, 200) * 100 if amt > 50000 and r.random() < 0.5 else 0)
        if depth >= dmax or (depth >= 2 and r.random() < 0.3) or not a.row and depth >= 2:
            self.exit(a, out, t, depth, g, rep)
            return
        if out > 30000:
            k = self.wch([(1, .45), (2, .35), (3, .2)])
        else:
            k = 1 if r.random() < 0.85 else 2
        parts = self.split(out, k)
        tt = t
        for p in parts:
            if p <= 0:
                continue
            tt = tt + self.delay(depth, a)
            nxt = self.get_mule(g, depth + 1, tt)
            if nxt is a:
                continue
            ch = 'mobile' if r.random() < 0.8 else 'online'
            if self.pay(tt, a, nxt, p, ch, '', self.ch(['', '', '', '', '货款', '还款']),
                        fk='layering', rep=rep):
                self.mark(nxt, depth + 1, rep)
                self.route(nxt, p, tt, depth + 1, g, rep)

    def split(self, amt, k):
        r = self.r
        if k == 1:
            return [amt]
        cuts = sorted(r.random() for _ in range(k - 1))
        parts = []
        prev = 0.0
        for c in cuts + [1.0]:
            parts.append(int(amt * (c - prev)))
            prev = c
        parts[-1] += amt - sum(parts)
        return parts

    def exit(self, a, amt, t, depth, g, rep):
        r = self.r
        P = self.P
        e = self.wch(P['exits'])
        if e == 'atm':
            if not a.row or a.role == 'paofen' or amt > 60000:
                k = 1 if amt <= 60000 else min(5, amt // 40000 + 1)
                for p in self.split(amt, k):
                    cc = self.get_mule(g, 'C', t)
                    t2 = t + self.delay(depth, a)
                    if cc is not a and self.pay(t2, a, cc, p, 'mobile', '', '', fk='layering',
                                                rep=rep):
                        self.mark(cc, depth + 1, rep)
                        self.cashout(cc, p, t2, g, rep)
            else:
                self.cashout(a, amt, t, g, rep)
        elif e == 'ushang':
            u = self.ch(g.ushang)
            t2 = t + self.delay(depth, a)
            if self.pay(t2, a, u, amt, 'mobile', '', '', fk='ushang', rep=rep):
                self.mark(u, depth + 1, rep)
                if u.row:
                    t3 = t2 + r.randint(300, 4 * 3600)
                    self.pay(t3, u, self.public(r.randrange(200)), amt - r.randint(0, amt // 200),
                             'mobile', u.region, '', fk='ushang', rep=rep)
        else:
            x = self.get_mule(g, 'X', t)
            t2 = t + self.delay(depth, a)
            if self.pay(t2, a, x, amt, 'mobile', '', '', fk='layering', rep=rep):
                self.mark(x, depth + 1, rep)

    def cashout(self, a, amt, t, g, rep):
        r = self.r
        P = self.P
        abroad = r.random() < P['abroad']
        reg = '' if abroad else (self.ch(g.border) if r.random() < P['border_atm'] else
                                 self.ch(CITIES + RURALISH))
        t += r.randint(600, 6 * 3600)
        left = amt // 10000 * 10000
        if not abroad and left >= 2000000 and r.random() < 0.3:
            w = min(left, r.randint(400, 495) * 10000)
            if self.wd(t, a, w, reg, 'counter', fk='cashout', rep=rep):
                left -= w
        per = ATM_PER_TXN.get(a.bank, 2500) * 100
        daily = (10000 if abroad else 20000) * 100
        days = 0
        while left >= 10000 and days < 6:
            done = 0
            while left >= 10000 and done < daily:
                w = min(per, left, daily - done) // 10000 * 10000
                if w <= 0:
                    break
                if not self.wd(t, a, w, reg, 'atm', xb=abroad, fk='cashout', rep=rep):
                    left = 0
                    break
                left -= w
                done += w
                t += r.randint(30, 240)
            days += 1
            t = (t // DAY + 1) * DAY + self.tod('mule')

    def get_mule(self, g, layer, t):
        r = self.r
        pool = g.pool.setdefault(layer, [])
        cands = [x for x in pool if x[1] <= t <= x[2] and x[3] < x[4]]
        pnew = 0.2 if layer == 1 else 0.06
        if cands and r.random() > pnew:
            x = self.ch(cands)
            x[3] += 1
            return x[0]
        if layer == 1:
            kind = self.wch(self.P['l1'])
        elif layer == 'C':
            kind = self.wch(self.P['cash'])
        elif layer == 'X':
            kind = 'ext'
        else:
            kind = self.wch(self.P['deep'])
        if kind == 'paofen' and layer != 1 and r.random() > self.P['paofen_l2']:
            kind = 'aged'
        a, live_from, live_to = self.new_mule(kind, g, t, layer)
        cap = {1: r.randint(2, 10), 'C': r.randint(3, 12), 'X': r.randint(5, 30)}.get(
            layer, r.randint(6, 30))
        if kind == 'paofen':
            cap = r.randint(3, 15)
        pool.append([a, live_from, live_to, 1, cap])
        a.layer = layer if isinstance(layer, int) else (9 if layer == 'C' else 8)
        return a

    def mule_holder(self, g):
        r = self.r
        arch = self.wch([('student', .3), ('villager', .3), ('migrant', .25), ('farmer', .15)])
        home = self.ch(BORDER) if r.random() < self.P['old_border'] else self.ch(RURALISH + CITIES)
        h = self.holder(home, 'mule_' + arch, r.randint(1960, 2005) if arch != 'student' else
                        r.randint(2000, 2005))
        if r.random() < 0.35:
            b = self.pick_bank(home, 'rural')
            if b in BANKS:
                own = self.acct(h, b, self.old_open(1, 8), home, arch='seller_own',
                                bal0=self.lny(1500, 1))
                self.life_villager(own, h)
        return h

    def new_mule(self, kind, g, t, layer):
        r = self.r
        slowv = self.P['slow_share'] > 0.5
        span = (r.uniform(3, 14) if not slowv else r.uniform(7, 40)) * DAY
        if layer != 1:
            span *= r.uniform(2, 4)
        if kind == 'old':
            lst = self.olds_b if (r.random() < self.P['old_border'] and self.olds_b) else self.olds_o
            while lst:
                a = lst.pop()
                if not a.used and a.stop is None and a.opened < t - 2 * 365 * DAY:
                    a.used = True
                    a.role = 'mule'
                    rented = r.random() < 0.6
                    a.arch = 'old_rented' if rented else 'old_sold'
                    a.stop = t - r.randint(0, 3 * DAY)
                    live_to = t + int(span * 2)
                    if rented:
                        a.resume = live_to + r.randint(1, 10) * DAY
                    return a, t, live_to
            kind = 'fresh'
        if kind == 'paofen':
            while self.pfc:
                a = self.pfc.pop()
                if not a.used and a.stop is None and a.opened < t - 30 * DAY:
                    a.used = True
                    a.role = 'paofen'
                    a.arch = 'paofen_' + a.arch
                    live_to = t + r.randint(14, 90) * DAY
                    self.camo(a, g, t, live_to)
                    return a, t, live_to
            kind = 'fresh'
        if kind == 'farmer':
            for x in self.farmer_queue:
                if not x[2] and x[0] <= t and x[1].opened < t - DAY:
                    x[2] = True
                    a = x[1]
                    a.role = 'mule'
                    a.arch = 'farmer_card_used'
                    return a, t, t + int(span)
            kind = 'fresh'
        if kind == 'ext':
            a = self.ext_acct(self.ch(EXT_BANKS), 'external_mule', 'mule', self.ch(OUT + LOCAL),
                              self.open_at(t - r.randint(2, 200) * DAY))
            return a, t, t + int(span * 2)
        h = self.mule_holder(g)
        reg = h.home if r.random() < 0.7 else self.ch(LOCAL)
        b = self.pick_bank(reg, 'rural')
        if b not in BANKS and r.random() < 0.8:
            b = self.ch(NATIONAL)
        if kind == 'aged':
            cls = 'I' if r.random() < 0.8 else 'II'
            opened = self.open_at(t - r.randint(21, 120) * DAY, cls)
            a = self.acct(h, b, opened, reg, cls, 'mule', 'aged_mule')
            for _ in range(r.randint(1, 5)):   # signs of life while it is "raised"
                tt = opened + r.randint(1, max(2, (t - opened) // DAY - 1)) * DAY + self.tod('day')
                if r.random() < 0.5:
                    self.dep(tt, a, self.lny(100, 0.7), reg, 'atm')
                else:
                    self.pay(tt, self.public(), a, self.lny(50, 0.8), 'mobile', '')
            return a, t, t + int(span)
        cls = 'I' if r.random() < 0.85 else 'II'
        opened = self.open_at(t - r.randint(1, 10) * DAY, cls)
        a = self.acct(h, b, opened, reg, cls, 'mule', 'fresh_bought')
        return a, t, t + int(span)

    def camo(self, a, g, t0, t1):
        """跑分 participant passing strangers' (not victims') money on to collectors"""
        r = self.r
        n = r.randint(*self.P['camo'])
        for _ in range(n):
            t = r.randint(t0, t1)
            amt = self.lny(r.choice([300, 1000, 3000]), 0.8, 1)
            if self.pay(t, self.public(), a, amt, 'mobile', '', '', fk='paofen'):
                col = self.get_mule(g, 2, t)
                t2 = t + r.randint(40, 900)
                out = amt - int(amt * r.uniform(0.005, 0.025))
                if self.pay(t2, a, col, out, 'mobile', '', '', fk='paofen'):
                    col.touch = True
                    if r.random() < 0.3:
                        self.exit(col, out, t2, 2, g, 0)

    # ------------------------------------------------------------------ lawful closures etc.
    def closures(self):
        r = self.r
        for a in self.A:
            if a.row and a.role == 'lawful' and a.cls != 'corp' and not a.used and \
                    a.holder.accts[0] is not a and a.stop is None and r.random() < 0.03:
                t = r.randint(30, NDAYS - 2) * DAY + self.tod('work')
                if t > a.opened + DAY:
                    a.status = 'closed'
                    a.stop = t + 1
                    self.pay(t, a, a.holder.accts[0], -100, 'counter', a.region, '销户')

    # ------------------------------------------------------------------ simulate & write
    def build(self):
        self.build_infra()
        self.build_people()
        self.build_farmers()
        self.build_fraud()
        self.life()
        self.closures()

    def included(self, t, f, to):
        A = self.A
        if f >= 0 and A[f].row and t >= self.start[A[f].bank]:
            return True
        if to >= 0 and A[to].row and t >= self.start[A[to].bank]:
            return True
        return False

    def simulate(self):
        A = self.A
        n = len(A)
        bal = [a.bal0 if a.opened < 0 else 0 for a in A]
        held = [0] * n
        first = [None] * n
        self.ev.sort()
        out = []
        self.dropped = 0
        self.overdraw = 0
        for e in self.ev:
            t, _, f, to, amt, ch, reg, kind, memo, xb, fk, rep = e
            if amt < 0:
                if f < 0:
                    continue
                amt = (bal[f] - held[f]) * (-amt) // 100 // 100 * 100
                if amt <= 0:
                    continue
            if f >= 0 and A[f].row:
                if not fk and amt > bal[f] - held[f]:
                    self.dropped += 1
                    continue
                if fk and amt > bal[f]:
                    self.overdraw += 1
            inc = self.included(t, f, to)
            if inc:
                if f >= 0 and first[f] is None:
                    first[f] = bal[f]
                if to >= 0 and first[to] is None:
                    first[to] = bal[to]
                out.append((t, f, to, amt, ch, reg, kind, memo, xb, fk, rep))
            if f >= 0:
                bal[f] -= amt
                if fk:
                    held[f] = max(0, held[f] - amt)
            if to >= 0:
                bal[to] += amt
                if fk:
                    held[to] += amt
        self.out = out
        self.first = first
        self.final = bal

    def write(self, d, truth):
        r = self.r
        os.makedirs(d, exist_ok=True)
        A = self.A
        appears = [False] * len(A)
        tx_rows = []
        fraud_tx = []
        lab_tx = []
        for k, (t, f, to, amt, ch, reg, kind, memo, xb, fk, rep) in enumerate(self.out):
            rb = A[f].bank if f >= 0 and A[f].row and t >= self.start[A[f].bank] else A[to].bank
            tid = '%s%s%07d' % (rb, _DC[t // DAY], k + 1)
            if f >= 0:
                appears[f] = True
            if to >= 0:
                appears[to] = True
            tx_rows.append((tid, fmt(t), A[f].id if f >= 0 else '', A[to].id if to >= 0 else '',
                            yuan(amt), 'CNY', ch, reg,
                            {'T': 'transfer', 'W': 'withdrawal', 'D': 'deposit'}[kind], memo,
                            'true' if xb else 'false'))
            if fk and fk[0] != '_':
                fraud_tx.append((tid, fk))
                if fk == 'victim_payment' and rep:
                    lab_tx.append(tid)
        with open(os.path.join(d, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency',
                        'channel', 'region', 'kind', 'memo', 'cross_border'])
            w.writerows(tx_rows)
        # labels: confirmation of mules as an anti-fraud centre would manage
        PCONF = {1: .8, 2: .55, 3: .38, 4: .25}
        for a in A:
            if a.role in ('mule', 'paofen', 'ushang') and (a.touch or a.rep_depth < 99):
                if a.rep_depth < 99:
                    p = PCONF.get(a.rep_depth, .18)
                    if a.role == 'paofen':
                        p = .45
                    elif a.role == 'ushang':
                        p = .25
                    elif a.layer == 9:
                        p = max(p, .3)
                else:
                    p = .06 if a.role == 'mule' else .03
                a.lab = r.random() < p
        for h in self.farmers:
            used_rep = any(a.rep_depth < 99 for a in h.accts)
            h.flab = r.random() < (.55 if used_rep else .15)
            if h.flab:
                for a in h.accts:
                    if a.role == 'farmer_card' and r.random() < 0.15:
                        a.lab = True
        rows_acc = []
        for a in A:
            if a.row:
                if a.opened >= self.start[a.bank]:
                    ob = 0
                else:
                    ob = self.first[a.i] if self.first[a.i] is not None else self.final[a.i]
                rows_acc.append((a.id, a.bank, a.holder.id, fmt(a.opened), a.region, a.cls,
                                 yuan(max(0, ob)), a.status))
        with open(os.path.join(d, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region',
                        'account_class', 'opening_balance', 'status'])
            w.writerows(rows_acc)
        with open(os.path.join(d, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for tid in lab_tx:
                w.writerow(['transfer', tid, 'fraud'])
            for a in A:
                if a.lab and (a.row or appears[a.i]):
                    w.writerow(['account', a.id, 'mule'])
            for h in self.farmers:
                if h.flab:
                    w.writerow(['holder', h.id, 'card_farmer'])
        self.appears = appears
        self.n_lab_tx = len(lab_tx)
        self.fraud_tx = fraud_tx
        if truth:
            with open(os.path.join(d, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype',
                            'card_farmer', 'opened_at', 'labelled', 'farmer_labelled',
                            'extract_start'])
                for b in BANKS:
                    w.writerow(['institution', b, b, '', '', '', '', '', '', '', '',
                                fmt(self.start[b])])
                for a in A:
                    if a.row or appears[a.i]:
                        w.writerow(['account', a.id, a.bank, a.holder.id, int(a.row), a.role,
                                    a.arch, int(a.holder.farmer), fmt(a.opened), int(a.lab),
                                    int(a.holder.flab), ''])
            with open(os.path.join(d, 'truth_transfers.csv'), 'w', newline='',
                      encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                w.writerows(fraud_tx)

    def stats(self, secs):
        A = self.A
        rows = [a for a in A if a.row]
        c = {}
        for a in rows:
            c[a.role] = c.get(a.role, 0) + 1
        fk = {}
        for _, k in self.fraud_tx:
            fk[k] = fk.get(k, 0) + 1
        arch = {}
        for a in rows:
            if a.role != 'lawful':
                arch[a.arch] = arch.get(a.arch, 0) + 1
        p = lambda *x: print(*x, file=sys.stderr)
        p('variant %s: accounts with rows %d, external accounts in transfers %d, transfers %d'
          % (self.vname, len(rows), sum(1 for a in A if not a.row and self.appears[a.i]),
             len(self.out)))
        p('  roles with rows:', ', '.join('%s=%d' % kv for kv in sorted(c.items())))
        p('  fraud archetypes with rows:', ', '.join('%s=%d' % kv for kv in sorted(arch.items())))
        p('  labelled mules: with rows %d, all %d' % (
            sum(1 for a in rows if a.lab), sum(1 for a in A if a.lab and (a.row or self.appears[a.i]))))
        p('  card farmers: true %d, labelled %d; farmer cards with rows %d (used %d)' % (
            len(self.farmers), sum(1 for h in self.farmers if h.flab),
            sum(1 for a in rows if a.holder.farmer and a.arch.startswith('farmer_card')),
            sum(1 for a in rows if a.arch == 'farmer_card_used')))
        p('  fraud transfers:', ', '.join('%s=%d' % kv for kv in sorted(fk.items())))
        p('  victim payments: true %d, labelled %d' % (fk.get('victim_payment', 0), self.n_lab_tx))
        p('  lawful spends dropped for lack of funds %d; fraud overdraws %d; %.1f s' % (
            self.dropped, self.overdraw, secs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', default='xinan_out')
    ap.add_argument('--stats', action='store_true')
    ap.add_argument('--truth', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.simulate()
    w.write(a.out, a.truth)
    if a.stats:
        w.stats(time.time() - t0)


if __name__ == '__main__':
    main()
