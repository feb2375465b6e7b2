#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""sunan_world.py -- a synthetic 苏南 (southern Jiangsu) evaluation world for
mule-account and card-farmer detection.

Written from three documents only (domain notes, seed essays, interchange
format); see README.md in this directory.  Standard library only.

    python3 sunan_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Output depends only on (variant, seed): a single random.Random seeded with
"sunan:{variant}:{seed}", no set iteration, no hash().
"""
import argparse
import csv
import heapq
import math
import os
import random
import time as _time
from datetime import datetime, timedelta, timezone

# ---------------------------------------------------------------------------
# calendar: 2024-09-01 .. 2025-02-28 (181 days), all times +08:00
# ---------------------------------------------------------------------------
TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 9, 1, tzinfo=TZ)
NDAYS = 181
DAY = 86400
HOUR = 3600
MIN = 60
TEND = NDAYS * DAY

_DATES = [T0 + timedelta(days=d) for d in range(NDAYS + 2)]
DSTR = [d.strftime('%Y-%m-%d') for d in _DATES]
WDAY = [d.weekday() for d in _DATES]


def day_of(y, m, d):
    return (datetime(y, m, d, tzinfo=TZ) - T0).days


def _span(a, b):
    return list(range(day_of(*a), day_of(*b) + 1))


HOLIDAY = set(_span((2024, 9, 15), (2024, 9, 17)) + _span((2024, 10, 1), (2024, 10, 7))
              + [day_of(2025, 1, 1)] + _span((2025, 1, 28), (2025, 2, 4)))
MAKEUP = set([day_of(2024, 9, 14), day_of(2024, 9, 29), day_of(2024, 10, 12),
              day_of(2025, 1, 26), day_of(2025, 2, 8)])
MONTHS = [(2024, 9), (2024, 10), (2024, 11), (2024, 12), (2025, 1), (2025, 2)]
MLEN = [30, 31, 30, 31, 31, 28]
SPRING = day_of(2025, 1, 29)          # 春节 (Chinese New Year's day)
SF_OFF0, SF_OFF1 = day_of(2025, 1, 28), day_of(2025, 2, 4)
LANTERN = day_of(2025, 2, 12)         # 元宵
D11_PRE = day_of(2024, 10, 14)        # Double-11 presale opens
D11 = day_of(2024, 11, 11)
D12 = day_of(2024, 12, 12)
TERM2 = day_of(2025, 2, 16)           # spring term starts


def workday(d):
    if d < 0 or d >= NDAYS:
        return False
    if d in MAKEUP:
        return True
    return WDAY[d] < 5 and d not in HOLIDAY


def prev_workday(d):
    while d > 0 and not workday(d):
        d -= 1
    return d


def month_day(mi, dom):
    y, m = MONTHS[mi]
    return day_of(y, m, min(dom, MLEN[mi]))


def month_of_day(d):
    for mi in range(len(MONTHS) - 1, -1, -1):
        if d >= month_day(mi, 1):
            return mi
    return 0


def fmt_ts(t):
    d, s = divmod(t, DAY)
    h, s = divmod(s, HOUR)
    m, s = divmod(s, 60)
    return "%sT%02d:%02d:%02d+08:00" % (DSTR[d], h, m, s)


def fmt_abs(t):
    """any second offset (also long before T0) as RFC 3339 +08:00"""
    return (T0 + timedelta(seconds=t)).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def fmt_amt(f):
    return "%d.%02d" % (f // 100, f % 100)


def Y(yuan):
    return int(round(yuan * 100))


# ---------------------------------------------------------------------------
# geography (GB/T 2260 division codes)
# ---------------------------------------------------------------------------
JS = {
    'suzhou': ['320505', '320506', '320507', '320508', '320509'],
    'kunshan': ['320583'], 'changshu': ['320581'], 'zhangjiagang': ['320582'],
    'taicang': ['320585'],
    'wuxi': ['320205', '320206', '320211', '320213', '320214'],
    'jiangyin': ['320281'], 'yixing': ['320282'],
    'changzhou': ['320402', '320404', '320411'], 'wujin': ['320412'],
    'nanjing': ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115'],
}
RESIDENT_CITIES = [('suzhou', 22), ('kunshan', 10), ('changshu', 5), ('zhangjiagang', 4),
                   ('taicang', 2), ('wuxi', 14), ('jiangyin', 5), ('yixing', 3),
                   ('changzhou', 10), ('wujin', 7), ('nanjing', 18)]
WORK_CITIES = [('kunshan', 30), ('suzhou', 18), ('changshu', 6), ('zhangjiagang', 5),
               ('taicang', 3), ('wuxi', 12), ('jiangyin', 7), ('changzhou', 6), ('wujin', 13)]
PROV = {
    '32': ['320311', '321302', '320902'],
    '41': ['410102', '411623', '411625', '411628', '411721', '411522', '411421', '411325', '410526'],
    '34': ['341221', '341225', '341522', '341321', '341621', '340104'],
    '51': ['511321', '511722', '511921', '511623', '510104'],
    '52': ['520521', '520624', '520304', '520102'],
    '42': ['421181', '421182', '420981', '420106'],
    '43': ['430102', '430581', '430524', '431102'],
    '36': ['361127', '360102'],
    '45': ['450126', '450681', '451481', '450102'],
    '53': ['532801', '533102', '533103', '530102', '530627'],
    '44': ['440106', '440111', '440303', '440304', '440306', '440307', '441900', '445281'],
    '35': ['350524', '350104'],
    '15': ['150102', '150203'],
    '23': ['230102', '230103'],
    '37': ['370102', '371302'],
    '13': ['130102', '130681'],
    '33': ['330102', '330782', '330106'],
    '31': ['310115', '310104'],
    '11': ['110105', '110108'],
    '61': ['610113'],
    '21': ['210102'],
    '62': ['620102'],
    '46': ['460400'],
    '50': ['500101', '500233'],
}
NATION_W = [('37', 8), ('41', 9), ('13', 6), ('34', 7), ('42', 5), ('43', 5), ('36', 4),
            ('23', 3), ('21', 3), ('15', 2), ('33', 8), ('44', 8), ('35', 4), ('51', 5),
            ('50', 3), ('61', 3), ('62', 2), ('31', 5), ('11', 4), ('32', 9), ('45', 3),
            ('52', 3), ('53', 3), ('46', 1)]
WORKER_HOME_W = [('41', 32), ('34', 26), ('51', 16), ('52', 14), ('53', 4), ('62', 3), ('42', 5)]
CASH_FAR = ['440306', '440307', '441900', '440111', '532801', '533102', '533103',
            '450681', '451481', '350524', '445281']
MULE_PROV_W = [('45', 10), ('53', 9), ('44', 8), ('43', 9), ('36', 7), ('15', 5), ('23', 5),
               ('42', 6), ('52', 6), ('41', 6), ('32', 8)]
FARMER_HOME_W = [('42', 8), ('43', 6), ('36', 4), ('45', 4), ('53', 3), ('41', 3), ('34', 3), ('52', 3)]
OUTSIDE_FARM_CITIES = ['430102', '430104', '420106', '340104']

# ---------------------------------------------------------------------------
# institutions
# ---------------------------------------------------------------------------
SUPPLY_START = {          # institution -> its extract start (seconds after T0)
    'ICBC': 0,
    'CCB': 0,
    'JSB': day_of(2024, 9, 9) * DAY,
    'ABC': day_of(2024, 9, 23) * DAY,
    'CSRCB': day_of(2024, 9, 30) * DAY,
    'SZRCB': day_of(2024, 10, 8) * DAY,
    'BOC': day_of(2024, 10, 14) * DAY,
    'JNRCB': day_of(2024, 11, 4) * DAY,
}
NAT_BANKS = [('ICBC', 13), ('ABC', 11), ('CCB', 11), ('BOC', 9), ('BOCOM', 6), ('PSBC', 6),
             ('CMB', 7), ('JSB', 7), ('CIB', 3), ('SPDB', 3), ('CITIC', 2), ('CEB', 2),
             ('CMBC', 2), ('PAB', 2), ('HXB', 1)]
LOCAL_BANKS = {
    'suzhou': [('SZRCB', 7), ('BOSZ', 5)], 'kunshan': [('KSRCB', 7), ('BOSZ', 4)],
    'changshu': [('CSRCB', 14), ('BOSZ', 3)], 'zhangjiagang': [('ZJGRCB', 9), ('BOSZ', 3)],
    'taicang': [('BOSZ', 5), ('SZRCB', 3)], 'wuxi': [('WXRCB', 8)], 'jiangyin': [('JYRCB', 10)],
    'yixing': [('WXRCB', 6)], 'changzhou': [('JNRCB', 10)], 'wujin': [('JNRCB', 13)],
    'nanjing': [('NJCB', 8), ('ZJRCB', 4)],
}
COOP = {'41': 'HNRCU', '34': 'AHRCU', '51': 'SCRCU', '52': 'GZRCU', '42': 'HBRCU', '43': 'HUNRCU',
        '45': 'GXRCU', '53': 'YNRCU', '36': 'JXRCU', '44': 'GDRCU', '50': 'CQRCB', '37': 'SDRCU',
        '13': 'HEBRCU', '15': 'NMRCU', '23': 'HLJRCU', '35': 'FJRCU', '62': 'GSRCU', '32': 'JSRCU'}
BINS = {
    'ICBC': ['622202', '621226', '621558'], 'ABC': ['622848', '623052', '621282'],
    'CCB': ['621700', '622700', '621284'], 'BOC': ['621661', '621785', '621790'],
    'JSB': ['622173', '621076'], 'SZRCB': ['623165', '622566'], 'CSRCB': ['622323', '623061'],
    'JNRCB': ['622891', '623114'], 'BOCOM': ['622262', '601428'], 'PSBC': ['621799', '622188', '621098'],
    'CMB': ['621483', '622588', '621286'], 'CIB': ['622909', '622908'], 'SPDB': ['622521', '621792'],
    'CITIC': ['621771', '622690'], 'CEB': ['622666', '621489'], 'CMBC': ['622622', '621691'],
    'PAB': ['622155', '623058'], 'HXB': ['622632'], 'CGB': ['622568'], 'NJCB': ['622303', '621777'],
    'ZJRCB': ['623109'], 'BOSZ': ['623139', '621461'], 'WXRCB': ['622569'], 'JYRCB': ['622316'],
    'KSRCB': ['622443'], 'ZJGRCB': ['622342'], 'HNRCU': ['623059', '622991'], 'AHRCU': ['622651'],
    'SCRCU': ['621033', '622386'], 'GZRCU': ['622369'], 'HBRCU': ['621013'], 'HUNRCU': ['622169'],
    'GXRCU': ['623123'], 'YNRCU': ['622478'], 'JXRCU': ['622682'], 'GDRCU': ['622322'],
    'CQRCB': ['621528'], 'SDRCU': ['623138'], 'HEBRCU': ['621021'], 'NMRCU': ['621390'],
    'HLJRCU': ['622935'], 'FJRCU': ['622127'], 'GSRCU': ['621248'], 'JSRCU': ['622452'],
}
CORP_PREFIX = {'ICBC': ('1102', 19), 'CCB': ('3205', 20), 'ABC': ('1054', 15), 'BOC': ('4', 12),
               'JSB': ('30', 16), 'SZRCB': ('7066', 17), 'CSRCB': ('0110', 18), 'JNRCB': ('8980', 18),
               'BOCOM': ('3250', 21), 'CMB': ('5129', 15), 'PSBC': ('9320', 19), 'CIB': ('4060', 18),
               'SPDB': ('8901', 18), 'CITIC': ('8110', 19), 'PAB': ('1501', 14), 'NJCB': ('0199', 16),
               'BOSZ': ('5161', 16), 'KSRCB': ('0501', 17), 'WXRCB': ('0361', 17), 'JYRCB': ('0180', 17),
               'ZJGRCB': ('8020', 17), 'PBC': ('2701', 16), 'CEB': ('3696', 16), 'CMBC': ('6311', 16)}
PAYFIRMS = ('ALIPAY', 'TENPAY', 'DYPAY', 'JDPAY', 'UMS')

# ---------------------------------------------------------------------------
# fraud typologies (domain.md ids) with victim behaviour
# ---------------------------------------------------------------------------
TYPO_W = [('brushing', 24), ('investment', 15), ('ecommerce_cs', 12), ('loan_card', 10),
          ('romance', 7), ('police_gov', 7), ('credit_record', 5), ('shopping_service', 5),
          ('leader_acquaintance', 4), ('game_trade', 3), ('fake_job', 2), ('military_purchase', 1),
          ('prize', 1), ('parcel', 1), ('subsidy_refund', 1), ('accident_kidnap', 1), ('phone_bill', 1)]
RING_TEMPLATES = [
    {'typ': {'brushing': 5, 'game_trade': 1, 'fake_job': 1}, 'depth': 3, 'paofen': True, 'shell': False},
    {'typ': {'investment': 4, 'romance': 3}, 'depth': 3, 'paofen': False, 'shell': True},
    {'typ': {'ecommerce_cs': 4, 'credit_record': 2}, 'depth': 2, 'paofen': False, 'shell': False},
    {'typ': {'loan_card': 4, 'shopping_service': 2, 'fake_job': 1}, 'depth': 2, 'paofen': True, 'shell': False},
    {'typ': {'police_gov': 4, 'parcel': 1, 'phone_bill': 1, 'leader_acquaintance': 2}, 'depth': 2,
     'paofen': False, 'shell': True},
    {'typ': {'brushing': 3, 'investment': 2, 'ecommerce_cs': 1}, 'depth': 3, 'paofen': True, 'shell': False},
    {'typ': {'romance': 3, 'investment': 2, 'military_purchase': 1, 'credit_record': 1}, 'depth': 2,
     'paofen': False, 'shell': True},
    {'typ': {'prize': 1, 'subsidy_refund': 1, 'accident_kidnap': 1, 'shopping_service': 2, 'game_trade': 1,
             'loan_card': 1, 'leader_acquaintance': 1}, 'depth': 1, 'paofen': False, 'shell': False},
    {'typ': {'brushing': 2, 'loan_card': 2, 'romance': 1}, 'depth': 2, 'paofen': True, 'shell': False},
]
VICTIM_MEMO = {
    'brushing': ['', '', '', '任务单', '垫付', '做单'], 'investment': ['', '', '投资款', '充值', '入金'],
    'ecommerce_cs': ['', '', '备用金', '验证', '退款'], 'loan_card': ['', '保证金', '解冻费', '验资'],
    'romance': ['', '', '投资', '充值'], 'police_gov': ['', '', '', '资金清查', '安全账户'],
    'credit_record': ['', '', '注销', '征信'], 'shopping_service': ['', '货款', '定金'],
    'leader_acquaintance': ['', '借款', '急用'], 'game_trade': ['', '账号', '保证金'],
    'fake_job': ['', '培训费', '服装费'], 'military_purchase': ['', '货款', '垫付'],
    'prize': ['', '手续费', '税费'], 'parcel': ['', ''], 'subsidy_refund': ['', '手续费'],
    'accident_kidnap': ['', '医疗费'], 'phone_bill': ['', ''],
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
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


class Acct(object):
    __slots__ = ('i', 'id', 'bank', 'holder', 'opened', 'region', 'cls', 'corp', 'row', 'role',
                 'arch', 'farmer', 'cutoff', 'status', 'label', 'cush', 'tags', 'owner')

    def __init__(self):
        self.cutoff = 1 << 60
        self.status = 'active'
        self.label = 0
        self.farmer = 0
        self.tags = ''
        self.owner = None


class Person(object):
    __slots__ = ('hid', 'home', 'city', 'reg', 'byear', 'kind', 'accts', 'young')

    def __init__(self):
        self.accts = []


# ---------------------------------------------------------------------------
# the world
# ---------------------------------------------------------------------------
class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.r = random.Random("sunan:%s:%s" % (variant, seed))
        self.look = 2.5 if variant == 'V3' else 1.0   # lawful look-alike multiplier
        self.A = []
        self.used_ids = set()
        self.used_hids = set()
        self.persons = []
        self.T = []
        self.seq = 0
        self.dropped = 0

    # ---- random helpers -------------------------------------------------
    def wc(self, pairs):
        """weighted choice over a list of (item, weight)"""
        tot = 0.0
        for _, w in pairs:
            tot += w
        x = self.r.random() * tot
        for it, w in pairs:
            x -= w
            if x < 0:
                return it
        return pairs[-1][0]

    def ch(self, seq):
        return seq[self.r.randrange(len(seq))]

    def u(self, a, b):
        return self.r.uniform(a, b)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def p(self, prob):
        return self.r.random() < prob

    def logn(self, median, sigma):
        return median * math.exp(self.r.gauss(0.0, sigma))

    def pois(self, lam):
        if lam <= 0:
            return 0
        L = math.exp(-lam)
        k, pr = 0, 1.0
        while True:
            pr *= self.r.random()
            if pr < L:
                return k
            k += 1

    def rnd(self, yuan, unit):
        """round a yuan amount to a unit (yuan), returned in fen, at least one unit"""
        v = max(unit, int(round(yuan / unit)) * unit)
        return Y(v)

    def odd(self, yuan):
        """an amount with cents, fen"""
        return max(1, Y(yuan) + self.ri(-99, 99))

    # ---- time helpers ---------------------------------------------------
    def t_at(self, d, lo, hi):
        d = max(0, min(NDAYS - 1, d))
        return d * DAY + int(self.u(lo, hi) * HOUR)

    def t_personal(self, d):
        x = self.r.random()
        if x < 0.5:
            return self.t_at(d, 8.0, 18.0)
        if x < 0.95:
            return self.t_at(d, 18.0, 23.6)
        return self.t_at(d, 0.0, 7.5)

    def t_biz(self, d):
        return self.t_at(d, 8.6, 17.4)

    # ---- identities -----------------------------------------------------
    def person_id(self, region, byear, sex=None):
        while True:
            mo, dd = self.ri(1, 12), self.ri(1, 28)
            seq = self.ri(1, 998)
            if sex is not None and seq % 2 != (1 if sex == 'm' else 0):
                seq += 1
            body = "%s%04d%02d%02d%03d" % (region, byear, mo, dd, seq % 1000)
            s = 0
            for k in range(17):
                s += (ord(body[k]) - 48) * ID_W[k]
            hid = body + ID_C[s % 11]
            if hid not in self.used_hids:
                self.used_hids.add(hid)
                return hid

    def uscc(self, region):
        while True:
            org = ''.join(self.ch(USCC_CH[:10] if k < 2 else USCC_CH) for k in range(8))
            s = 0
            for k in range(8):
                s += USCC_CH.index(org[k]) * ORG_W[k]
            c9 = 11 - s % 11
            orgc = 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
            body = '91' + region + org + orgc
            s = 0
            for k in range(17):
                s += USCC_CH.index(body[k]) * USCC_W[k]
            code = body + USCC_CH[(31 - s % 31) % 31]
            if code not in self.used_hids:
                self.used_hids.add(code)
                return code

    def new_person(self, home, city, reg, byear, kind, sex=None):
        p = Person()
        p.hid = self.person_id(home, byear, sex)
        p.home, p.city, p.reg, p.byear, p.kind = home, city, reg, byear, kind
        p.young = byear >= 1995
        self.persons.append(p)
        return p

    def new_org(self, reg, kind):
        p = Person()
        p.hid = self.uscc(reg)
        p.home, p.city, p.reg, p.byear, p.kind = reg, '', reg, 0, kind
        p.young = False
        return p

    def acct_id(self, bank, corp):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                aid = '2088' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank == 'TENPAY':
                aid = '1900' + ''.join(str(r.randrange(10)) for _ in range(10))
            elif bank == 'DYPAY':
                aid = '7319' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank == 'JDPAY':
                aid = '8856' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank == 'UMS':
                aid = '8983' + ''.join(str(r.randrange(10)) for _ in range(11))
            elif corp:
                pre, ln = CORP_PREFIX.get(bank, ('3', 17))
                aid = pre + ''.join(str(r.randrange(10)) for _ in range(ln - len(pre)))
            else:
                pay = self.ch(BINS[bank]) + ''.join(str(r.randrange(10)) for _ in range(12))
                aid = pay + luhn(pay)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def acct(self, owner, bank, opened, region, cls='I', role='lawful', arch='', corp=False, cush=None):
        a = Acct()
        a.i = len(self.A)
        a.id = self.acct_id(bank, corp)
        a.bank = bank
        a.holder = owner.hid
        a.owner = owner
        a.opened = int(opened)
        a.region = region
        a.cls = 'corp' if corp else cls
        a.corp = corp
        a.row = bank in SUPPLY_START
        a.role = role
        a.arch = arch
        a.cush = cush
        self.A.append(a)
        if isinstance(owner, Person):
            owner.accts.append(a.i)
        return a.i

    # ---- bank choice ----------------------------------------------------
    def local_bank(self, city, supply_bias=0.0):
        pairs = list(NAT_BANKS) + LOCAL_BANKS.get(city, [])
        if supply_bias:
            pairs = [(b, w * (1 + supply_bias) if b in SUPPLY_START else w) for b, w in pairs]
        return self.wc(pairs)

    def home_bank(self, prov, supply_share=1.0):
        pairs = [('PSBC', 30), (COOP.get(prov, 'PSBC'), 40), ('ABC', 10 * supply_share),
                 ('CCB', 6 * supply_share), ('ICBC', 6 * supply_share), ('BOC', 3 * supply_share),
                 ('CMB', 2), ('BOCOM', 3)]
        return self.wc(pairs)

    def ext_bank(self, prov=None):
        pairs = [('PSBC', 20), ('CMB', 12), ('BOCOM', 10), ('CIB', 7), ('SPDB', 5), ('CITIC', 5),
                 ('CEB', 4), ('CMBC', 5), ('PAB', 6), ('HXB', 2), ('CGB', 3)]
        if prov:
            pairs.append((COOP.get(prov, 'PSBC'), 25))
        return self.wc(pairs)

    def reg_of(self, prov):
        return self.ch(PROV[prov])

    def city_reg(self, city):
        return self.ch(JS[city])

    # ---- transfers ------------------------------------------------------
    def tx(self, t, frm, to, fen, ch='mobile', reg='', kind='transfer', memo='', tk=None,
           xb=False, cur='CNY'):
        """record a transfer; frm/to are account indexes or None (cash)."""
        t = int(t)
        if fen <= 0 or t < 0 or t >= TEND:
            self.dropped += 1
            return False
        A = self.A
        fa = A[frm] if frm is not None else None
        ta = A[to] if to is not None else None
        if (fa is None or not fa.row) and (ta is None or not ta.row):
            return False          # nobody reports it
        if tk is None:
            if fa is not None and (t < fa.opened or t >= fa.cutoff):
                self.dropped += 1
                return False
            if ta is not None and (t < ta.opened or t >= ta.cutoff):
                self.dropped += 1
                return False
        else:
            if (fa is not None and t < fa.opened) or (ta is not None and t < ta.opened):
                self.dropped += 1
                return False
        self.T.append((t, self.seq, frm, to, fen, ch, reg, kind, memo, tk, xb, cur))
        self.seq += 1
        return True

    def mreg(self, a, prob=0.6):
        """region for a mobile/online transfer made by account a"""
        if a is None or not self.p(prob):
            return ''
        return self.A[a].region or ''

    # ---- opening times --------------------------------------------------
    def open_before(self, lo_days, hi_days, byear=None):
        d = -self.ri(lo_days, hi_days)
        if byear:
            min_d = int((byear + 17 - 2024.67) * 365)
            if d < min_d:
                d = min(min_d, -lo_days)
        return d * DAY + int(self.u(8.7, 16.8) * HOUR)

    def open_on(self, d):
        return self.t_at(d, 8.7, 16.8)

    # =====================================================================
    # population
    # =====================================================================
    def build_population(self):
        r = self.r
        self.hub = {}
        for name, bank, reg, n in (('tenpay', 'TENPAY', '440305', 2), ('alipay', 'ALIPAY', '330106', 2),
                                   ('dypay', 'DYPAY', '110108', 1), ('jdpay', 'JDPAY', '110115', 1),
                                   ('ums', 'UMS', '310115', 2), ('railway', 'BOCOM', '110108', 1),
                                   ('tax', 'PBC', '320508', 2), ('socins', 'PBC', '320102', 2),
                                   ('express', 'CMB', '310118', 2), ('hk_parent', 'CITIC', '810000', 3)):
            org = self.new_org(reg if reg[:2] != '81' else '440304', 'hub')
            self.hub[name] = [self.acct(org, bank, self.open_before(3000, 6000), reg, corp=True,
                                        arch='payment_hub' if bank in PAYFIRMS else 'public_account')
                              for _ in range(n)]
        grid = self.new_org('320102', 'hub')
        self.hub['grid'] = [self.acct(grid, 'ICBC', self.open_before(5000, 8000), '320102', corp=True,
                                      arch='public_account')]
        self.remote_rows = []
        self.build_employers()
        self.build_merchants()
        self.build_hn_structures()
        self.build_residents()
        self.build_elderly()
        self.build_workers()
        self.build_students()
        self.link_hn_people()

    def corp_acct(self, city_or_reg, kind, arch, supply_bias=1.5, years=(1, 20)):
        reg = self.city_reg(city_or_reg) if city_or_reg in JS else city_or_reg
        org = self.new_org(reg, kind)
        city = city_or_reg if city_or_reg in JS else 'suzhou'
        bank = self.local_bank(city, supply_bias)
        return self.acct(org, bank, self.open_before(365 * years[0], 365 * years[1]), reg, corp=True,
                         arch=arch)

    def remote_person_acct(self, prov=None, young=False, supply=0.6, arch='remote_resident', pool=None):
        """a person elsewhere in China with one account (mostly at non-supplying institutions)"""
        if prov is None:
            prov = self.wc(NATION_W)
        reg = self.reg_of(prov)
        by = self.ri(1992, 2004) if young else self.ri(1958, 2000)
        p = self.new_person(reg, '', reg, by, 'remote')
        bank = self.home_bank(prov, supply) if self.p(0.6) else self.ext_bank(prov)
        a = self.acct(p, bank, self.open_before(200, 4000, by), reg, arch=arch)
        if self.A[a].row:
            self.remote_rows.append(a)
        return a

    def remote_corp(self, prov=None, arch='remote_company'):
        if prov is None:
            prov = self.wc(NATION_W)
        reg = self.reg_of(prov)
        org = self.new_org(reg, 'remote')
        bank = self.ext_bank(prov) if self.p(0.85) else self.ch(['ICBC', 'CCB', 'ABC', 'BOC'])
        a = self.acct(org, bank, self.open_before(400, 6000), reg, corp=True, arch=arch)
        return a

    # ---- employers --------------------------------------------------------
    def build_employers(self):
        self.employers = []
        spec = [('kunshan', 'electronics_tw', 22, 10, 5200, True), ('suzhou', 'factory', 14, 15, 5000, True),
                ('wujin', 'ev_parts', 16, 25, 5300, True), ('changzhou', 'factory', 6, 20, 5000, False),
                ('jiangyin', 'steel_textile', 12, 20, 5600, True), ('wuxi', 'electronics', 12, 10, 5400, True),
                ('changshu', 'garment_factory', 8, 15, 4600, False),
                ('zhangjiagang', 'factory', 7, 20, 5400, True), ('320509', 'silk_mill', 10, 15, 4800, False),
                ('yixing', 'ceramics', 5, 28, 4700, False), ('nanjing', 'factory', 6, 15, 5800, True),
                ('taicang', 'factory', 4, 10, 5200, True)]
        self.factories = []
        for city, kind, n, payday, base, bonus in spec:
            for _ in range(n):
                a = self.corp_acct(city, kind, 'employer_factory', 2.0)
                e = {'a': a, 'city': city if city in JS else 'suzhou', 'reg': self.A[a].region,
                     'payday': payday + self.ri(-2, 2), 'base': base * self.u(0.9, 1.15), 'kind': kind,
                     'bonus': bonus and self.p(0.8), 'bank': self.A[a].bank, 'size': self.logn(1.0, 0.6),
                     'agency': False, 'payroll': [0] * 6, 'batch': {}, 'suppliers': [], 'customers': []}
                if kind == 'electronics_tw':
                    self.A[a].arch = 'employer_factory_tw'
                self.employers.append(e)
                self.factories.append(e)
        self.smes = []
        for _ in range(170):
            city = self.wc(RESIDENT_CITIES)
            kind = self.wc([('sme', 60), ('public', 15), ('hospital', 6), ('school', 8), ('logistics', 11)])
            a = self.corp_acct(city, kind, 'employer_sme' if kind in ('sme', 'logistics') else 'employer_public',
                               1.8)
            e = {'a': a, 'city': city, 'reg': self.A[a].region,
                 'payday': self.ch([5, 8, 10, 10, 15, 15, 20, 25, 28, 31]), 'base': self.u(5500, 9500),
                 'kind': kind, 'bonus': self.p(0.6), 'bank': self.A[a].bank, 'size': 1.0,
                 'agency': False, 'payroll': [0] * 6, 'batch': {}, 'suppliers': [], 'customers': []}
            self.employers.append(e)
            self.smes.append(e)
        # suppliers / customers of companies (mostly outside the data)
        for e in self.factories + self.smes:
            n_sup = self.ri(2, 6) if e in self.factories else self.ri(1, 4)
            for _ in range(n_sup):
                if self.p(0.3):
                    e['suppliers'].append(self.ch(self.factories + self.smes)['a'])
                else:
                    e['suppliers'].append(self.remote_corp(self.wc([('32', 10), ('33', 6), ('44', 5), ('31', 5), ('37', 2)])))
            for _ in range(self.ri(1, 4)):
                e['customers'].append(self.remote_corp())
        # pension payers (社会保险基金) and universities
        self.pension = {}
        for grp, city, bank in (('suzhou', 'suzhou', 'JSB'), ('wuxi', 'wuxi', 'ICBC'),
                                ('changzhou', 'changzhou', 'JNRCB'), ('nanjing', 'nanjing', 'CCB')):
            org = self.new_org(self.city_reg(city), 'public')
            self.pension[grp] = self.acct(org, bank, self.open_before(5000, 9000), org.reg, corp=True,
                                          arch='pension_payer')
        self.univs = []
        for reg, bank in (('320113', 'BOC'), ('320115', 'ICBC'), ('320106', 'JSB'), ('320506', 'BOC'),
                          ('320508', 'CCB'), ('320211', 'ICBC'), ('320412', 'ABC'), ('320113', 'CCB')):
            org = self.new_org(reg, 'public')
            a = self.acct(org, bank, self.open_before(5000, 9000), reg, corp=True, arch='university')
            self.univs.append({'a': a, 'reg': reg, 'bank': bank,
                               'city': 'nanjing' if reg[:4] == '3201' else ('wuxi' if reg[:4] == '3202' else
                                                                             ('changzhou' if reg[:4] == '3204' else 'suzhou'))})

    def city_group(self, city):
        if city in ('wuxi', 'jiangyin', 'yixing'):
            return 'wuxi'
        if city in ('changzhou', 'wujin'):
            return 'changzhou'
        if city == 'nanjing':
            return 'nanjing'
        return 'suzhou'

    # ---- merchants --------------------------------------------------------
    def build_merchants(self):
        self.gold = []
        self.phone = []
        self.shops = []
        for reg, n in (('320508', 4), ('320213', 2), ('320402', 1), ('320104', 2), ('320583', 1)):
            for _ in range(n):
                self.gold.append(self.corp_acct(reg, 'merchant', 'merchant_gold', 1.0, (2, 15)))
        for reg, n in (('440303', 4),):
            for _ in range(n):
                self.gold.append(self.remote_corp('44', 'merchant_gold'))
                self.A[self.gold[-1]].region = reg
        for reg, n in (('320508', 2), ('320105', 1), ('320213', 1)):
            for _ in range(n):
                self.phone.append(self.corp_acct(reg, 'merchant', 'merchant_phone', 1.0, (1, 10)))
        for _ in range(5):
            self.phone.append(self.remote_corp('44', 'merchant_phone'))
            self.A[self.phone[-1]].region = '440304'
        for _ in range(24):
            city = self.wc(RESIDENT_CITIES)
            self.shops.append(self.corp_acct(city, 'merchant', 'merchant_shop', 1.2, (1, 12)))

    # ---- hard-negative structures (built before people, people linked later)
    def build_hn_structures(self):
        L = self.look
        # dispatch labour agencies (劳务派遣)
        self.agencies = []
        for _ in range(int(round(6 * L))):
            city = self.wc([('kunshan', 40), ('suzhou', 20), ('wujin', 15), ('wuxi', 15), ('changshu', 5),
                            ('zhangjiagang', 5)])
            a = self.corp_acct(city, 'agency', 'dispatch_agency', 3.0, (2, 10))
            clients = [f for f in self.factories if f['city'] == city] or self.factories
            e = {'a': a, 'city': city, 'reg': self.A[a].region, 'payday': self.ch([15, 16, 20]),
                 'base': self.u(4800, 5800), 'kind': 'agency', 'bonus': self.p(0.4), 'bank': self.A[a].bank,
                 'size': 1.0, 'agency': True, 'payroll': [0] * 6, 'batch': {}, 'suppliers': [],
                 'customers': [], 'clients': [self.ch(clients) for _ in range(self.ri(2, 4))],
                 'middlemen': [], 'hires': []}
            for _ in range(self.ri(5, 12)):
                if self.p(0.4):
                    mp = self.new_person(self.reg_of(self.wc(WORKER_HOME_W)), city, self.city_reg(city),
                                         self.ri(1975, 1995), 'middleman')
                    e['middlemen'].append(self.acct(mp, self.local_bank(city, 0.5), self.open_before(300, 3000),
                                                    mp.reg, arch='recruiting_middleman'))
                else:
                    e['middlemen'].append(self.remote_person_acct(self.wc(WORKER_HOME_W), arch='recruiting_middleman'))
            # mass card-opening days for new hires (new job = new card)
            days = [self.ri(day_of(2024, 9, 2), day_of(2024, 9, 14)),
                    self.ri(day_of(2024, 10, 8), day_of(2024, 10, 25)),
                    self.ri(day_of(2025, 2, 6), day_of(2025, 2, 12)),
                    self.ri(day_of(2025, 2, 13), day_of(2025, 2, 24))]
            if self.p(0.6):
                days.append(self.ri(day_of(2024, 11, 4), day_of(2024, 12, 10)))
            e['open_days'] = sorted(days)
            e['open_bank'] = self.ch(['ICBC', 'ABC', 'SZRCB', 'CCB', 'JNRCB', 'BOC']) if self.p(0.85) else 'KSRCB'
            self.agencies.append(e)
            self.employers.append(e)
        # dormitory landlords (宿舍房东)
        self.landlords = []
        for _ in range(int(round(30 * L))):
            city = self.wc([('kunshan', 35), ('wujin', 20), ('suzhou', 20), ('wuxi', 15), ('jiangyin', 5),
                            ('changshu', 5)])
            p = self.new_person(self.city_reg(city), city, self.city_reg(city), self.ri(1958, 1985), 'landlord')
            main = self.acct(p, self.local_bank(city, 1.0), self.open_before(2000, 8000, p.byear), p.reg,
                             arch='landlord')
            own = self.acct(p, self.local_bank(city), self.open_before(1000, 6000, p.byear), p.reg,
                            arch='landlord_own')
            self.landlords.append({'p': p, 'a': main, 'own': own, 'city': city, 'tenants': [],
                                   'rent': self.ch([500, 600, 700, 800, 900, 1000, 1200]),
                                   'due': self.ri(1, 5)})
        # 互助会 (rotating savings groups) -- members linked later
        self.roscas = []
        for _ in range(int(round(8 * L))):
            self.roscas.append({'members': [], 'head': None, 'dom': self.ri(8, 22),
                                'c': self.ch([1000, 1000, 2000, 2000, 3000, 5000]), 'prov': self.wc(WORKER_HOME_W),
                                'local': self.p(0.4), 'city': self.wc(WORK_CITIES)})
        # e-commerce sellers on personal accounts
        self.sellers = []
        for _ in range(int(round(55 * L))):
            city = self.wc([('suzhou', 30), ('changshu', 15), ('wuxi', 15), ('nanjing', 15), ('changzhou', 10),
                            ('kunshan', 10), ('yixing', 5)])
            p = self.new_person(self.city_reg(city), city, self.city_reg(city), self.ri(1982, 2000), 'seller')
            new = self.p(0.2)
            op = self.open_on(self.ri(5, 120)) if new else self.open_before(200, 3000, p.byear)
            main = self.acct(p, self.local_bank(city, 1.5), op, p.reg, arch='ecommerce_seller')
            pay = self.acct(p, self.local_bank(city), self.open_before(300, 4000, p.byear), p.reg,
                            arch='ecommerce_seller_own')
            self.sellers.append({'p': p, 'a': main, 'pay': pay, 'city': city, 'size': self.logn(1.0, 0.6),
                                 'suppliers': [], 'platform': self.ch(['alipay', 'alipay', 'dypay']),
                                 'buyers': [], 'start': max(0, self.A[main].opened // DAY + 1)})
        # Changshu garment wholesalers and fabric mills
        self.mills = [f['a'] for f in self.factories if f['kind'] in ('silk_mill', 'steel_textile')]
        for _ in range(int(round(12 * L))):
            city = self.ch(['suzhou', 'jiangyin', 'changshu'])
            reg = '320509' if city == 'suzhou' else self.city_reg(city)
            p = self.new_person(reg, city, reg, self.ri(1965, 1988), 'mill_owner')
            self.mills.append(self.acct(p, self.local_bank(city, 1.0), self.open_before(1000, 6000, p.byear), reg,
                                        arch='fabric_mill_owner'))
        self.wholesalers = []
        for _ in range(int(round(40 * L))):
            p = self.new_person('320581', 'changshu', '320581', self.ri(1970, 1994), 'wholesaler')
            main = self.acct(p, self.wc([('CSRCB', 40), ('ICBC', 15), ('ABC', 15), ('CCB', 10), ('BOSZ', 10),
                                         ('JSB', 10)]), self.open_before(300, 5000, p.byear), '320581',
                             arch='garment_wholesaler')
            own = self.acct(p, self.local_bank('changshu'), self.open_before(300, 5000, p.byear), '320581',
                            arch='garment_wholesaler_own')
            self.wholesalers.append({'p': p, 'a': main, 'own': own, 'buyers': [], 'mills': [],
                                     'workshops': [], 'size': self.logn(1.0, 0.5)})
        # Yixing teapot livestream sellers and potters
        self.potters = []
        for _ in range(int(round(25 * L))):
            p = self.new_person('320282', 'yixing', '320282', self.ri(1960, 1995), 'potter')
            self.potters.append(self.acct(p, self.local_bank('yixing', 0.5), self.open_before(500, 6000, p.byear),
                                          '320282', arch='potter'))
        self.teapot = []
        for _ in range(int(round(30 * L))):
            p = self.new_person('320282', 'yixing', '320282', self.ri(1975, 1998), 'teapot')
            new = self.p(0.15)
            op = self.open_on(self.ri(5, 100)) if new else self.open_before(300, 5000, p.byear)
            main = self.acct(p, self.local_bank('yixing', 1.5), op, '320282', arch='teapot_seller')
            self.teapot.append({'p': p, 'a': main, 'buyers': [], 'potters': [self.ch(self.potters) for _ in range(self.ri(2, 5))],
                                'size': self.logn(1.0, 0.6), 'start': max(0, self.A[main].opened // DAY + 1)})
        # used-car dealers and housing deposits
        self.dealers = []
        for _ in range(int(round(18 * L))):
            city = self.wc(RESIDENT_CITIES)
            p = self.new_person(self.city_reg(city), city, self.city_reg(city), self.ri(1970, 1992), 'dealer')
            a = self.acct(p, self.local_bank(city, 1.0), self.open_before(300, 5000, p.byear), p.reg,
                          arch='used_car_dealer')
            self.dealers.append({'p': p, 'a': a, 'city': city})
        self.n_car = int(round(60 * L))
        self.n_house = int(round(40 * L))
        self.n_multibank = int(round(170 * L))
        self.fresh_count = int(round(200 * L))
        self.change_rate = min(0.55, 0.2 * L)

    # ---- residents ----------------------------------------------------------
    def build_residents(self, n=3700):
        self.residents = []
        for k in range(n + self.n_multibank):
            mb = k >= n
            city = self.wc(RESIDENT_CITIES)
            reg = self.city_reg(city)
            by = self.ri(1962, 2002)
            home = reg if self.p(0.7) else self.reg_of(self.wc(NATION_W))
            p = self.new_person(home, city, reg, by, 'resident')
            main = self.acct(p, self.local_bank(city, 0.3), self.open_before(100, 6000, by), reg, arch='resident')
            others = []
            n_o = (self.ri(2, 4) if mb else (1 if self.p(0.65) else 0) + (1 if self.p(0.3) else 0))
            for _ in range(n_o):
                b = self.local_bank(city, 0.6 if mb else 0.0)
                op = self.open_on(self.ri(10, 150)) if (mb and self.p(0.15)) else self.open_before(60, 5000, by)
                o = self.acct(p, b, op, reg, arch='multibank' if mb else 'resident_secondary')
                if op > -3 * 365 * DAY and self.p(0.45):
                    self.A[o].cls = 'II'     # electronic class-II account opened in an app
                others.append(o)
                if not mb and self.p(0.55):
                    self.A[o].tags = 'dormant'
            if mb:
                self.A[main].arch = 'multibank'
            emp = self.ch(self.smes) if self.p(0.85) else self.ch(self.factories)
            rec = {'p': p, 'a': main, 'others': others, 'emp': emp, 'city': city, 'mb': mb,
                   'sal': self.logn(7500 if city in ('nanjing', 'suzhou', 'kunshan') else 6500, 0.35),
                   'cc': None, 'rent': None, 'parent': None, 'alipay': None, 'employed': self.p(0.9)}
            if self.p(0.45) or mb:
                rec['cc'] = self.acct(p, self.ch(['CMB', 'CITIC', 'SPDB', 'CIB', 'PAB', 'CGB']),
                                      self.open_before(100, 3000, by), reg, arch='credit_card')
            if mb:
                rec['alipay'] = self.acct(p, 'ALIPAY', self.open_before(100, 3000, by), reg, arch='own_payment_account')
            if self.p(0.22):
                rec['rent'] = (self.remote_person_acct('32', supply=0.5, arch='landlord_private'),
                               self.rnd(self.u(1500, 4500), 100), self.ri(1, 10))
            self.residents.append(rec)
        self.res_by_city = {}
        for rec in self.residents:
            self.res_by_city.setdefault(rec['city'], []).append(rec)

    def build_elderly(self, n=1100):
        self.elderly = []
        for _ in range(n):
            city = self.wc(RESIDENT_CITIES)
            reg = self.city_reg(city)
            by = self.ri(1938, 1963)
            p = self.new_person(reg, city, reg, by, 'elderly')
            bank = self.wc([('ABC', 15), ('ICBC', 12), ('PSBC', 12), ('CCB', 10), ('BOC', 6),
                            (LOCAL_BANKS[city][0][0], 18), ('JSB', 5), ('BOCOM', 4)])
            main = self.acct(p, bank, self.open_before(2000, 9000, by), reg, arch='elderly')
            others = []
            if self.p(0.5):
                o = self.acct(p, self.local_bank(city), self.open_before(1000, 9000, by), reg,
                              arch='elderly_secondary')
                others.append(o)
                if self.p(0.6):
                    self.A[o].tags = 'dormant'
            rec = {'p': p, 'a': main, 'others': others, 'city': city,
                   'pension': self.logn(3200, 0.35), 'payer': self.pension[self.city_group(city)],
                   'children': []}
            self.elderly.append(rec)
            kids = self.res_by_city.get(city, [])
            if kids:
                for _ in range(self.ri(0, 2)):
                    kid = self.ch(kids)
                    if kid['parent'] is None:
                        kid['parent'] = main
                        rec['children'].append(kid['a'])
        for rec in self.residents:
            if rec['parent'] is None and self.p(0.3):
                rec['parent'] = self.remote_person_acct(rec['p'].home[:2], supply=0.5, arch='family_remote')

    # ---- migrant factory workers ---------------------------------------------
    def new_worker(self, emp, start_t=None, city=None):
        prov = self.wc(WORKER_HOME_W)
        home = self.reg_of(prov)
        by = self.ri(1972, 2005) if self.p(0.5) else self.ri(1990, 2005)
        city = city or emp['city']
        reg = self.city_reg(city)
        p = self.new_person(home, city, reg, by, 'worker')
        fam = self.remote_person_acct(prov, supply=0.5, arch='family_remote')
        homecard = None
        if self.p(0.55):
            homecard = self.acct(p, self.home_bank(prov, 0.4), self.open_before(800, 6000, by), home,
                                 arch='worker_home_card')
        w = {'p': p, 'prov': prov, 'fam': fam, 'home': homecard, 'segs': [], 'depart': None, 'ret': None,
             'leaver': False, 'rent': None, 'city': city, 'mult': self.u(0.85, 1.25), 'old': [],
             'remit': self.u(0.5, 0.85), 'roscas': []}
        if start_t is None:
            bank = emp['open_bank'] if emp['agency'] else (emp['bank'] if self.p(0.7) else self.local_bank(city, 1.0))
            if bank not in BINS:
                bank = self.local_bank(city, 1.0)
            card = self.acct(p, bank, self.open_before(40, 2500, by), reg, arch='worker_salary_card')
            w['segs'].append([emp, card, -self.ri(30, 2000) * DAY, 1 << 50])
        else:
            card = self.new_salary_card(w, emp, start_t)
            w['segs'].append([emp, card, start_t, 1 << 50])
        if self.p(0.45):
            o = self.acct(p, self.local_bank(city), self.open_before(300, 3000, by), self.city_reg(city),
                          arch='worker_old_card')
            self.A[o].tags = 'dormant'
            w['old'].append(o)
        self.workers.append(w)
        return w

    def new_salary_card(self, w, emp, start_t):
        p = w['p']
        if emp['agency']:
            bank = emp['open_bank']
            reg = emp['reg']
        else:
            bank = emp['bank'] if self.p(0.7) else self.local_bank(emp['city'], 1.0)
            reg = self.city_reg(emp['city'])
        if bank not in BINS:
            bank = 'ICBC'
        return self.acct(p, bank, start_t, reg, arch='worker_new_salary_card')

    def agency_open_time(self, ag, day, k):
        """time of the k-th card opened at an agency's mass opening on `day`"""
        return day * DAY + int(9.0 * HOUR) + k * self.ri(240, 900)

    def build_workers(self, n_direct=2100):
        self.workers = []
        fw = [(f, f['size']) for f in self.factories]
        for _ in range(n_direct):
            self.new_worker(self.wc(fw))
        for ag in self.agencies:
            for _ in range(self.ri(70, 150)):
                self.new_worker(ag)
            ag['open_count'] = {}
            # new arrivals hired in mass openings
            for d in ag['open_days']:
                for _ in range(self.ri(8, 30)):
                    k = ag['open_count'].get(d, 0)
                    ag['open_count'][d] = k + 1
                    self.new_worker(ag, self.agency_open_time(ag, d, k))
        dep_lo, dep_hi = day_of(2025, 1, 8), day_of(2025, 1, 26)
        ret_lo, ret_hi = day_of(2025, 2, 5), day_of(2025, 2, 18)
        base_workers = list(self.workers)
        for w in base_workers:
            if w['segs'][0][2] > dep_lo * DAY:
                continue
            if self.p(0.85):
                w['depart'] = min(self.ri(dep_lo, dep_hi), self.ri(dep_lo, dep_hi + 2))
                if self.p(0.12):
                    w['leaver'] = True
                    w['segs'][-1][3] = w['depart'] * DAY
                else:
                    w['ret'] = self.ri(ret_lo, ret_hi)
            if w['leaver'] or not self.p(self.change_rate):
                continue
            if w['ret'] is not None and self.p(0.7):
                w['segs'][-1][3] = w['depart'] * DAY
                start_d = w['ret'] + self.ri(0, 6)
            else:
                start_d = self.ri(day_of(2024, 9, 10), day_of(2025, 1, 5))
                if w['segs'][-1][2] > start_d * DAY - 30 * DAY:
                    continue
                w['segs'][-1][3] = start_d * DAY
            if self.p(0.45) and self.agencies:
                cands = [a for a in self.agencies if a['city'] == w['city']] or self.agencies
                ag = self.ch(cands)
                later = [d for d in ag['open_days'] if start_d - 2 <= d <= start_d + 20]
                if later:
                    d = later[0]
                    k = ag['open_count'].get(d, 0)
                    ag['open_count'][d] = k + 1
                    st = self.agency_open_time(ag, d, k)
                else:
                    st = self.open_on(start_d)
                emp = ag
            else:
                cands = [f for f in self.factories if f['city'] == w['city']] if self.p(0.6) else self.factories
                emp = self.ch(cands or self.factories)
                st = self.open_on(max(0, start_d - self.ri(0, 3)))
            card = self.new_salary_card(w, emp, st)
            w['segs'].append([emp, card, st, 1 << 50])
            if self.p(0.15):
                self.A[w['segs'][-2][1]].status = 'closed'

    # ---- students ---------------------------------------------------------------
    def build_students(self, n_old=550):
        self.students = []
        mass = {}
        for u in self.univs:
            mass[u['a']] = [self.ri(day_of(2024, 9, 2), day_of(2024, 9, 6)),
                            self.ri(day_of(2024, 9, 7), day_of(2024, 9, 13))]
        for k in range(n_old + self.fresh_count):
            fresh = k >= n_old
            u = self.ch(self.univs)
            prov = '32' if self.p(0.4) else self.wc(NATION_W)
            home = self.reg_of(prov)
            by = self.ri(2005, 2006) if fresh else self.ri(2001, 2005)
            p = self.new_person(home, u['city'], u['reg'], by, 'student')
            if fresh:
                d = self.ch(mass[u['a']])
                op = d * DAY + int(8.5 * HOUR) + self.ri(0, 8 * 3600)
                a = self.acct(p, u['bank'], op, u['reg'], arch='student_freshman')
            else:
                yrs = self.ri(1, 3)
                op = day_of(2024 - yrs, 9, self.ri(2, 12)) * DAY + int(self.u(9, 16) * HOUR)
                a = self.acct(p, u['bank'], op, u['reg'], arch='student')
            par = self.remote_person_acct(prov, supply=0.7, arch='family_remote')
            own2 = None
            if self.p(0.45):
                own2 = self.acct(p, self.home_bank(prov, 0.6) if prov != '32' else self.local_bank('suzhou'),
                                 self.open_before(200, 2500, by) if not fresh else self.open_before(30, 700, by),
                                 home, arch='student_home_card')
            self.students.append({'p': p, 'a': a, 'par': par, 'u': u, 'fresh': fresh, 'own2': own2,
                                  'prov': prov, 'job': None, 'friends': [],
                                  'allow': round(self.u(1200, 3200), -2)})
        by_u = {}
        for s in self.students:
            by_u.setdefault(s['u']['a'], []).append(s)
        for s in self.students:
            mates = by_u[s['u']['a']]
            s['friends'] = [self.ch(mates)['a'] for _ in range(self.ri(2, 6))]
            if self.p(0.3):
                s['job'] = self.ch(self.smes)['a'] if self.p(0.6) else self.ch(self.sellers)['a']

    # ---- wire hard negatives to people ----------------------------------------
    def link_hn_people(self):
        by_city = {}
        for w in self.workers:
            by_city.setdefault(w['city'], []).append(w)
        for ll in self.landlords:
            pool = by_city.get(ll['city'], [])
            n = self.ri(15, 50)
            for _ in range(n):
                if pool and self.p(0.55):
                    w = self.ch(pool)
                    if w['rent'] is None:
                        w['rent'] = ll
                        ll['tenants'].append(('w', w))
                        continue
                prov = self.wc(WORKER_HOME_W)
                p = self.new_person(self.reg_of(prov), ll['city'], self.city_reg(ll['city']), self.ri(1975, 2004),
                                    'tenant')
                b = self.ext_bank(prov) if self.p(0.75) else self.local_bank(ll['city'])
                a = self.acct(p, b, self.open_before(100, 3000, p.byear), p.reg, arch='tenant')
                if self.A[a].row:
                    self.remote_rows.append(a)
                ll['tenants'].append(('a', a))
        for g in self.roscas:
            n = self.ri(10, 20)
            if g['local']:
                pool = [rc['a'] for rc in self.residents if not rc['mb']]
                members = [self.ch(pool) for _ in range(n)]
            else:
                pool = [w for w in self.workers if w['prov'] == g['prov']]
                ms = [self.ch(pool) for _ in range(n)]
                members = []
                for w in ms:
                    members.append(w['segs'][0][1])
                    w['roscas'].append(g)
            seen = []
            for m in members:
                if m not in seen:
                    seen.append(m)
            g['members'] = seen
            hp = self.new_person(self.city_reg(g['city']) if g['local'] else self.reg_of(g['prov']), g['city'],
                                 self.city_reg(g['city']), self.ri(1960, 1985), 'rosca_head')
            g['head'] = self.acct(hp, self.local_bank(g['city'], 1.0), self.open_before(500, 5000, hp.byear),
                                  hp.reg, arch='rosca_head')
        buyer_pool = [self.remote_person_acct(young=self.p(0.5), supply=0.6, arch='remote_buyer')
                      for _ in range(int(1500 * min(self.look, 1.6)))]
        for s in self.sellers:
            s['suppliers'] = [self.remote_corp(self.wc([('33', 8), ('44', 6), ('32', 5), ('35', 2)]))
                              if self.p(0.5) else
                              self.remote_person_acct(self.wc([('33', 8), ('44', 6), ('32', 5), ('35', 2)]),
                                                      arch='remote_supplier')
                              for _ in range(self.ri(3, 7))]
            s['buyers'] = [self.ch(buyer_pool) for _ in range(self.ri(30, 120))]
        for t in self.teapot:
            t['buyers'] = [self.ch(buyer_pool) for _ in range(self.ri(30, 100))]
        shop_pool = [self.remote_person_acct(self.wc([('37', 8), ('41', 7), ('13', 6), ('34', 5), ('42', 4),
                                                      ('23', 3), ('21', 3), ('36', 3), ('15', 2), ('43', 3)]),
                                             supply=0.6, arch='remote_shop_owner')
                     for _ in range(int(700 * min(self.look, 1.6)))]
        for g in self.wholesalers:
            g['buyers'] = [self.ch(shop_pool) for _ in range(self.ri(15, 60))]
            g['mills'] = [self.ch(self.mills) for _ in range(self.ri(2, 5))]
            g['workshops'] = []
            for _ in range(self.ri(1, 4)):
                p = self.new_person('320581', 'changshu', '320581', self.ri(1965, 1990), 'workshop')
                g['workshops'].append(self.acct(p, self.local_bank('changshu'), self.open_before(500, 5000, p.byear),
                                                '320581', arch='garment_workshop'))
        self.buyer_pool = buyer_pool

    # =====================================================================
    # lawful flows
    # =====================================================================
    def pay_time(self, e, mi):
        bt = e['batch'].get(mi)
        if bt is None:
            d = month_day(mi, e['payday'])
            if mi == 4 and e['kind'] not in ('public', 'school', 'hospital'):
                d = min(d, day_of(2025, 1, 22))
            d = prev_workday(d)
            bt = self.t_at(d, 9.0, 11.0)
            e['batch'][mi] = bt
        return bt

    def topups(self, a, d0, d1, lam_month, lo, hi, names=('tenpay', 'alipay')):
        """small payments into payment firms (WeChat Pay / Alipay quick pay)"""
        days = d1 - d0
        if days <= 0:
            return
        n = self.pois(lam_month * days / 30.0)
        for _ in range(n):
            d = self.ri(d0, d1 - 1)
            amt = self.logn(math.sqrt(lo * hi), 0.6)
            amt = min(max(amt, lo), hi * 2)
            hn = self.ch(names)
            memo = {'tenpay': ['', '财付通', '微信支付', '快捷支付'], 'alipay': ['', '支付宝', '快捷支付'],
                    'dypay': ['', '抖音支付'], 'jdpay': ['', '京东支付']}.get(hn, [''])
            self.tx(self.t_personal(d), a, self.ch(self.hub[hn]), self.odd(amt) if self.p(0.6) else self.rnd(amt, 10),
                    'mobile', self.mreg(a), memo=self.ch(memo))

    def gen_lawful(self):
        self.gen_corps()
        self.gen_workers()
        self.gen_agencies()
        self.gen_residents()
        self.gen_elderly()
        self.gen_students()
        self.gen_landlords()
        self.gen_roscas()
        self.gen_sellers()
        self.gen_wholesalers()
        self.gen_teapot()
        self.gen_car_house()
        self.gen_merchants()
        self.gen_remote_rows()

    def gen_corps(self):
        for e in self.factories + self.smes:
            a = e['a']
            fac = e in self.factories
            scale = (e['size'] * 8.0) if fac else 1.0
            for mi in range(6):
                for s in e['suppliers']:
                    if self.p(0.7):
                        d = prev_workday(month_day(mi, self.ri(1, 28)))
                        amt = self.logn(120000 if fac else 25000, 0.8) * (scale ** 0.5)
                        self.tx(self.t_biz(d), a, s, self.odd(amt), 'online', e['reg'], memo=self.ch(['货款', '材料款', '']))
                for c in e['customers']:
                    if self.p(0.8):
                        d = prev_workday(month_day(mi, self.ri(1, 28)))
                        amt = self.logn(260000 if fac else 45000, 0.7) * (scale ** 0.5)
                        self.tx(self.t_biz(d), c, a, self.odd(amt), 'online', memo=self.ch(['货款', '服务费', '']))
                d = prev_workday(month_day(mi, 15))
                self.tx(self.t_biz(d), a, self.ch(self.hub['tax']), self.odd(self.logn(30000 if fac else 6000, 0.8)),
                        'online', e['reg'], memo='税款')
                d = prev_workday(month_day(mi, self.ri(10, 20)))
                self.tx(self.t_biz(d), a, self.ch(self.hub['socins']), self.odd(self.logn(60000 if fac else 12000, 0.6)),
                        'online', e['reg'], memo='社保')
                if e['kind'] == 'electronics_tw' and self.p(0.8):
                    d = prev_workday(month_day(mi, self.ri(3, 26)))
                    self.tx(self.t_biz(d), a, self.ch(self.hub['hk_parent']), Y(self.rnd(self.logn(60000, 0.7), 100) / 100.0),
                            'online', e['reg'], memo=self.ch(['技术服务费', '货款', '特许权使用费']), xb=True, cur='USD')

    def current_card(self, w, t):
        for emp, card, t0, t1 in w['segs']:
            if t0 <= t < t1 + 20 * DAY:
                return card
        return w['segs'][-1][1]

    def gen_workers(self):
        for w in self.workers:
            fam = w['fam']
            for si, (emp, card, t0, t1) in enumerate(w['segs']):
                last_pay = None
                for mi in range(6):
                    bt = self.pay_time(emp, mi)
                    t = bt + self.ri(0, 900)
                    if t < t0 + 20 * DAY or t > t1 + 40 * DAY:
                        continue
                    amt = emp['base'] * w['mult'] * self.u(0.88, 1.18)
                    if t0 > (t - 50 * DAY):
                        amt *= self.u(0.4, 0.9)
                    if mi == 5:
                        amt *= self.u(0.45, 0.8)
                    if t > t1:
                        amt *= self.u(0.3, 1.0)
                    if mi == 4 and emp['bonus'] and t < t1:
                        amt += emp['base'] * self.u(0.5, 1.5)
                    fen = self.odd(amt)
                    if self.tx(t, emp['a'], card, fen, 'other', emp['reg'], memo=self.ch(['代发工资', '工资', '工资', '奖金'] if mi == 4 else ['代发工资', '工资'])):
                        emp['payroll'][mi] += fen
                    last_pay = t
                    # money home
                    if self.p(0.85):
                        tt = t + self.ri(0, 3) * DAY + self.ri(1, 10) * HOUR
                        dest = w['home'] if (w['home'] is not None and self.p(0.3)) else fam
                        rm = w['remit'] * (1.15 if mi == 4 else 1.0)
                        self.tx(tt, card, dest, self.rnd(fen / 100.0 * rm, 100), 'mobile', self.mreg(card),
                                memo=self.ch(['', '', '生活费', '家用', '给家里']))
                    if self.p(0.12):
                        d = t // DAY + self.ri(0, 10)
                        self.tx(self.t_personal(d), card, None, self.rnd(self.u(300, 2000), 100), 'atm',
                                self.A[card].region, kind='withdrawal')
                d0 = max(0, t0 // DAY)
                d1 = min(NDAYS, t1 // DAY + 20)
                if w['depart'] is not None:
                    # away at home over the festival
                    self.topups(card, d0, min(d1, w['depart']), 0.5, 40, 600)
                    if w['ret'] is not None:
                        self.topups(card, max(d0, w['ret']), d1, 0.5, 40, 600)
                else:
                    self.topups(card, d0, d1, 0.5, 40, 600)
            if w['depart'] is not None:
                card = self.current_card(w, w['depart'] * DAY - DAY)
                if self.p(0.7):
                    d = self.ri(day_of(2024, 12, 20), max(day_of(2024, 12, 21), w['depart'] - 3))
                    self.tx(self.t_personal(d), card, self.ch(self.hub['railway']), self.odd(self.u(250, 900)),
                            'mobile', memo='铁路客票')
                if self.p(0.5):
                    d = w['depart'] - self.ri(0, 3)
                    self.tx(self.t_personal(d), card, None, self.rnd(self.u(1500, 6000), 100), 'atm',
                            self.A[card].region, kind='withdrawal')
                if w['ret'] is not None and self.p(0.5):
                    d = self.ri(w['ret'] - 2, w['ret'] + 1)
                    self.tx(self.t_personal(d), card, self.ch(self.hub['railway']), self.odd(self.u(250, 900)),
                            'mobile', memo='铁路客票')
            for o in w['old']:
                if self.p(0.2):
                    d = self.ri(0, NDAYS - 1)
                    self.tx(self.t_personal(d), o, self.current_card(w, d * DAY), self.odd(self.u(50, 3000)),
                            'mobile', self.mreg(o))

    def gen_agencies(self):
        for ag in self.agencies:
            a = ag['a']
            for mi in range(6):
                pay = ag['payroll'][mi]
                if pay <= 0:
                    continue
                fee = pay * self.u(1.08, 1.16)
                bt = self.pay_time(ag, mi)
                wts = [self.u(0.5, 2.0) for _ in ag['clients']]
                tot = sum(wts)
                for c, wt in zip(ag['clients'], wts):
                    d = prev_workday(bt // DAY - self.ri(1, 5))
                    self.tx(self.t_biz(d), c['a'], a, self.odd(fee * wt / tot / 100.0), 'online', c['reg'],
                            memo=self.ch(['劳务费', '服务费', '派遣费']))
                d = prev_workday(month_day(mi, self.ri(10, 20)))
                self.tx(self.t_biz(d), a, self.ch(self.hub['socins']), self.odd(pay * 0.2 / 100.0), 'online',
                        ag['reg'], memo='社保')
                self.tx(self.t_biz(prev_workday(month_day(mi, 15))), a, self.ch(self.hub['tax']),
                        self.odd(pay * 0.03 / 100.0), 'online', ag['reg'], memo='税款')
                for m in ag['middlemen']:
                    for _ in range(self.pois(1.2)):
                        d = month_day(mi, self.ri(1, 28))
                        self.tx(self.t_biz(d), a, m, self.rnd(self.u(200, 500) * self.ri(1, 8), 50), 'online',
                                ag['reg'], memo=self.ch(['介绍费', '返费', '']))
        for w in self.workers:
            for emp, card, t0, t1 in w['segs']:
                if emp['agency'] and t0 > 0 and self.p(0.3):
                    t = t0 + self.ri(50, 70) * DAY
                    if t < t1:
                        self.tx(self.t_biz(t // DAY), emp['a'], card, self.rnd(self.u(2000, 6000), 500), 'online',
                                emp['reg'], memo='返费')

    def gen_residents(self):
        for rec in self.residents:
            a = rec['a']
            e = rec['emp']
            mb = rec['mb']
            for mi in range(6):
                m0 = month_day(mi, 1)
                m1 = m0 + MLEN[mi]
                sal = 0
                if rec['employed']:
                    t = self.pay_time(e, mi) + self.ri(0, 1800)
                    amt = rec['sal'] * self.u(0.95, 1.1)
                    if mi == 4 and e['bonus']:
                        amt += rec['sal'] * self.u(0.5, 3.0)
                    sal = self.odd(amt)
                    self.tx(t, e['a'], a, sal, 'other', e['reg'], memo=self.ch(['工资', '代发工资', '绩效']))
                    if mb and rec['others']:
                        # moving own money around (cards at several banks)
                        o = self.ch(rec['others'])
                        t2 = t + self.ri(20 * MIN, 40 * HOUR)
                        mv = self.rnd(sal / 100.0 * self.u(0.4, 0.85), 100)
                        self.tx(t2, a, o, mv, 'mobile', self.mreg(a), memo=self.ch(['', '', '转账', '理财']))
                        if self.p(0.6):
                            t3 = t2 + self.ri(10 * MIN, 30 * HOUR)
                            self.tx(t3, o, rec['alipay'], self.rnd(mv / 100.0 * self.u(0.2, 0.7), 100), 'mobile',
                                    self.mreg(o), memo=self.ch(['', '余额宝']))
                        if rec['cc'] is not None:
                            t4 = t2 + self.ri(1, 12) * DAY
                            self.tx(t4, o, rec['cc'], self.odd(self.u(1000, 9000)), 'mobile', self.mreg(o),
                                    memo='信用卡还款')
                        if self.p(0.35):
                            o2 = self.ch(rec['others'])
                            tb = self.t_personal(self.ri(m0, m1 - 1))
                            self.tx(tb, o2, a, self.rnd(self.u(500, 20000), 100), 'mobile', self.mreg(o2))
                        if self.p(0.12):
                            o2 = self.ch(rec['others'])
                            tb = self.t_personal(self.ri(m0, m1 - 1))
                            big = self.rnd(self.logn(50000, 0.6), 1000)
                            self.tx(tb, a, o2, big, 'mobile', self.mreg(a), memo=self.ch(['', '存款', '理财']))
                            self.tx(tb + self.ri(15, 45) * DAY, o2, a, big + self.ri(0, 5000), 'mobile', self.mreg(o2))
                self.topups(a, m0, m1, 0.7, 50, 1500)
                if rec['cc'] is not None and not mb and self.p(0.7):
                    self.tx(self.t_personal(month_day(mi, self.ri(5, 25))), a, rec['cc'], self.odd(self.logn(2500, 0.7)),
                            'mobile', self.mreg(a), memo='信用卡还款')
                if rec['parent'] is not None and self.p(0.5):
                    self.tx(self.t_personal(self.ri(m0, m1 - 1)), a, rec['parent'], self.rnd(self.u(300, 3000), 100),
                            'mobile', self.mreg(a), memo=self.ch(['', '生活费', '']))
                if rec['rent'] is not None:
                    ll, amt, due = rec['rent']
                    self.tx(self.t_personal(month_day(mi, due)), a, ll, amt, 'mobile', self.mreg(a), memo='房租')
                for _ in range(self.pois(0.2)):
                    fr = self.ch(self.res_by_city[rec['city']])['a']
                    if fr != a:
                        self.tx(self.t_personal(self.ri(m0, m1 - 1)), a, fr, self.rnd(self.logn(500, 1.0), 10),
                                'mobile', self.mreg(a), memo=self.ch(['', '', '还款', '借款', 'AA']))
                if self.p(0.08):
                    self.tx(self.t_personal(self.ri(m0, m1 - 1)), a, None, self.rnd(self.u(500, 3000), 100), 'atm',
                            self.A[a].region, kind='withdrawal')
            # Spring Festival red packets, gold, new phones, Double-11
            for _ in range(self.pois(2.0)):
                d = self.ri(day_of(2025, 1, 24), day_of(2025, 2, 5))
                fr = self.ch(self.residents)['a'] if self.p(0.6) else (rec['parent'] or self.ch(self.residents)['a'])
                if fr != a:
                    self.tx(self.t_personal(d), a, fr, self.rnd(self.ch([200, 500, 666, 888, 1000, 2000]), 1),
                            'mobile', self.mreg(a), memo=self.ch(['红包', '新年快乐', '压岁钱', '']))
            if self.p(0.05):
                d = self.ri(day_of(2025, 1, 10), day_of(2025, 2, 10))
                g = self.ch(self.gold[:10])
                self.tx(self.t_personal(d), a, g, self.odd(self.u(4000, 30000)), 'pos', self.A[g].region)
            if self.p(0.04):
                d = self.ri(day_of(2024, 9, 20), day_of(2024, 10, 10))
                ph = self.ch(self.phone[:4])
                self.tx(self.t_personal(d), a, ph, self.rnd(self.u(5999, 9999), 1), 'pos', self.A[ph].region)
            if self.p(0.5):
                for _ in range(self.ri(1, 3)):
                    d = self.ri(D11_PRE, D11 + 1)
                    self.tx(self.t_personal(d), a, self.ch(self.hub['alipay']), self.odd(self.logn(400, 0.8)),
                            'mobile', self.mreg(a), memo='支付宝')
            for o in rec['others']:
                if self.A[o].tags == 'dormant' or mb:
                    continue
                for _ in range(self.pois(1.2)):
                    d = self.ri(0, NDAYS - 1)
                    if self.p(0.5):
                        self.tx(self.t_personal(d), a, o, self.rnd(self.logn(3000, 0.9), 100), 'mobile', self.mreg(a))
                    else:
                        self.tx(self.t_personal(d), o, a, self.rnd(self.logn(2000, 0.9), 100), 'mobile', self.mreg(o))
                self.topups(o, 0, NDAYS, 0.3, 50, 800)

    def gen_elderly(self):
        hospitals = [e['a'] for e in self.smes if e['kind'] == 'hospital'] or [self.smes[0]['a']]
        for rec in self.elderly:
            a = rec['a']
            pay_dom = {'suzhou': 10, 'wuxi': 8, 'changzhou': 12, 'nanjing': 6}[self.city_group(rec['city'])]
            for mi in range(6):
                d = prev_workday(month_day(mi, pay_dom))
                t = d * DAY + int(6 * HOUR) + self.ri(0, 5400)
                self.tx(t, rec['payer'], a, self.odd(rec['pension'] * (1.03 if mi >= 5 else 1.0)), 'other',
                        self.A[rec['payer']].region, memo=self.ch(['养老金', '养老保险']))
                m0 = month_day(mi, 1)
                if self.p(0.5):
                    self.tx(self.t_at(self.ri(m0, m0 + MLEN[mi] - 1), 8.5, 16.5), a, None,
                            self.rnd(self.u(500, 3000), 100), 'counter' if self.p(0.6) else 'atm',
                            self.A[a].region, kind='withdrawal')
                if rec['children'] and self.p(0.08):
                    self.tx(self.t_at(self.ri(m0, m0 + 27), 8.5, 20), a, self.ch(rec['children']),
                            self.rnd(self.u(1000, 20000), 500), 'counter' if self.p(0.4) else 'mobile',
                            self.A[a].region)
                if self.p(0.1):
                    h = self.ch(hospitals)
                    self.tx(self.t_at(self.ri(m0, m0 + 27), 8, 17), a, h, self.odd(self.logn(600, 0.9)), 'pos',
                            self.A[h].region, memo='医疗费')
                self.topups(a, m0, m0 + MLEN[mi], 0.3, 20, 400)
            if rec['children']:
                for _ in range(self.pois(1.2)):
                    d = self.ri(day_of(2025, 1, 24), day_of(2025, 2, 4))
                    self.tx(self.t_at(d, 9, 21), a, self.ch(rec['children']), self.rnd(self.ch([500, 1000, 2000]), 1),
                            'mobile', self.A[a].region, memo=self.ch(['压岁钱', '红包']))
            for o in rec['others']:
                if self.A[o].tags != 'dormant' and self.p(0.3):
                    d = self.ri(0, NDAYS - 1)
                    amt = self.rnd(self.logn(50000, 0.6), 1000)
                    self.tx(self.t_at(d, 9, 16), a, o, amt, 'counter', self.A[a].region, memo=self.ch(['定期', '理财', '']))

    def gen_students(self):
        wb0, wb1 = day_of(2025, 1, 12), day_of(2025, 2, 15)
        for s in self.students:
            a = s['a']
            op = self.A[a].opened
            od = max(0, op // DAY)
            # tuition at term start
            if s['fresh'] or self.p(0.7):
                d = max(od, 0) + self.ri(1, 12)
                fee = self.rnd(self.ch([4600, 5200, 5500, 5800, 6000, 6800]), 1)
                if self.p(0.5):
                    self.tx(self.t_at(d, 9, 21), s['par'], s['u']['a'], fee, 'mobile', memo='学费')
                else:
                    self.tx(self.t_at(d - 1, 9, 21), s['par'], a, fee, 'mobile', memo='学费')
                    self.tx(self.t_at(d, 9, 21), a, s['u']['a'], fee, 'mobile', self.mreg(a), memo='学费')
            for mi in range(6):
                m0 = month_day(mi, 1)
                if mi == 4:
                    continue
                dd = m0 + self.ri(0, 5) if mi != 5 else TERM2 - self.ri(0, 3)
                if dd * DAY < op:
                    dd = od + self.ri(0, 3)
                amt = s['allow'] * (1.3 if mi == 5 else 1.0)
                self.tx(self.t_at(dd, 8, 22), s['par'], a, self.rnd(amt, 100), 'mobile',
                        memo=self.ch(['生活费', '', '']))
                if s['own2'] is not None and self.p(0.2):
                    self.tx(self.t_personal(self.ri(m0, m0 + 27)), s['own2'], a, self.rnd(self.u(200, 2000), 100),
                            'mobile')
                if s['job'] is not None and self.p(0.6):
                    self.tx(self.t_at(self.ri(m0, m0 + 27), 10, 20), s['job'], a, self.rnd(self.u(200, 2500), 10),
                            'online', memo=self.ch(['兼职', '劳务费', '']))
                for _ in range(self.pois(0.5)):
                    d = self.ri(m0, m0 + MLEN[mi] - 1)
                    if wb0 <= d < wb1:
                        continue
                    f = self.ch(s['friends'])
                    if f != a:
                        self.tx(self.t_personal(d), a, f, self.odd(self.logn(60, 0.8)), 'mobile', self.mreg(a),
                                memo=self.ch(['AA', '', '饭钱', '车费']))
            self.topups(a, od, wb0, 1.6, 15, 400)
            self.topups(a, wb1, NDAYS, 1.6, 15, 400)
            if self.p(0.6):
                for _ in range(self.ri(1, 3)):
                    d = self.ri(D11_PRE, D11 + 1)
                    self.tx(self.t_personal(d), a, self.ch(self.hub['alipay']), self.odd(self.logn(250, 0.8)),
                            'mobile', self.mreg(a), memo='支付宝')

    def gen_landlords(self):
        for ll in self.landlords:
            for mi in range(6):
                got = 0
                last = month_day(mi, ll['due']) * DAY
                for kind, x in ll['tenants']:
                    d = month_day(mi, ll['due']) + self.ri(-2, 6)
                    if kind == 'w':
                        src = self.current_card(x, d * DAY)
                        if x['leaver'] and d >= x['depart']:
                            continue
                    else:
                        src = x
                    t = self.t_personal(d)
                    amt = Y(ll['rent'] + self.ch([0, 0, 0, 50, 100, -100]) + (self.ri(30, 150) if self.p(0.4) else 0))
                    if self.tx(t, src, ll['a'], amt, 'mobile', self.mreg(src), memo=self.ch(['房租', '房租', '', '水电房租'])):
                        got += amt
                        last = max(last, t)
                if got > 0:
                    t = last + self.ri(1, 6) * DAY
                    self.tx(t, ll['a'], ll['own'], self.rnd(got / 100.0 * self.u(0.6, 0.9), 100), 'mobile',
                            self.A[ll['a']].region)
                    self.tx(self.t_personal(month_day(mi, self.ri(10, 20))), ll['a'], self.hub['grid'][0],
                            self.odd(len(ll['tenants']) * self.u(60, 150)), 'mobile', memo='电费')

    def gen_roscas(self):
        for g in self.roscas:
            n = len(g['members'])
            order = list(g['members'])
            self.r.shuffle(order)
            for mi in range(6):
                d = month_day(mi, g['dom'])
                if SF_OFF0 - 3 <= d <= SF_OFF1:
                    d = SF_OFF1 + 2
                last = d * DAY
                for m in g['members']:
                    t = self.t_at(d - self.ri(0, 1), 8, 19.5)
                    if self.tx(t, m, g['head'], Y(g['c']), 'mobile', self.mreg(m), memo=self.ch(['会钱', '', '互助会'])):
                        last = max(last, t)
                win = order[mi % n]
                self.tx(max(last + 600, d * DAY + int(20 * HOUR)) + self.ri(0, 5400), g['head'], win,
                        Y(g['c'] * (n - 1)), 'mobile', self.A[g['head']].region, memo=self.ch(['会钱', '标会', '']))

    def season_ecom(self, d):
        f = 1.0
        if D11_PRE <= d <= D11 + 1:
            f = 2.5
        if d == D11 or d == D11 - 1:
            f = 5.0
        if D12 - 4 <= d <= D12:
            f = 1.8
        if SF_OFF0 - 4 <= d <= SF_OFF1 + 1:
            f = 0.3
        return f

    def gen_sellers(self):
        for s in self.sellers:
            a, pay = s['a'], s['pay']
            hubname = s['platform']
            for d in range(s['start'], NDAYS):
                f = self.season_ecom(d)
                got = 0
                last = d * DAY + 9 * HOUR
                if self.p(min(0.9, 0.25 * s['size'] * (f ** 0.5))):
                    amt = self.odd(s['size'] * f * self.logn(1500, 0.7))
                    t = self.t_at(d, 8, 12)
                    if self.tx(t, self.ch(self.hub[hubname]), a, amt, 'other', memo=self.ch(['提现', '结算', ''])):
                        got += amt
                        last = max(last, t)
                for _ in range(self.pois(0.15 * s['size'] * f)):
                    b = self.ch(s['buyers'])
                    t = self.t_personal(d)
                    amt = self.odd(self.logn(120, 0.9)) if self.p(0.6) else self.rnd(self.logn(150, 0.8), 1)
                    if self.tx(t, b, a, amt, 'mobile', memo=self.ch(['', '', '货款', '拍下'])):
                        got += amt
                        last = max(last, t)
                if got > 20000 and self.p(0.45):
                    src = a
                    t = last + self.ri(10 * MIN, 6 * HOUR)
                    if self.p(0.3):
                        self.tx(t, a, pay, self.rnd(got / 100.0 * self.u(0.7, 1.0), 10), 'mobile', self.mreg(a))
                        src = pay
                        t += self.ri(2 * MIN, 60 * MIN)
                    self.tx(t, src, self.ch(s['suppliers']), self.rnd(got / 100.0 * self.u(0.4, 0.8), 10), 'mobile',
                            self.mreg(src), memo=self.ch(['货款', '进货', '']))
                if self.p(0.04 * f):
                    self.tx(self.t_personal(d), a, self.ch(s['buyers']), self.odd(self.logn(80, 0.8)), 'mobile',
                            self.mreg(a), memo=self.ch(['退款', '补差价', '']))
                if d % 30 == 17:
                    self.tx(self.t_biz(d), a, self.ch(self.hub['express']), self.odd(self.logn(1500, 0.6) * s['size']),
                            'online', memo='快递费')
                if self.p(0.05):
                    self.tx(self.t_personal(d), a, self.ch(self.hub['dypay']), self.rnd(self.u(200, 3000), 100),
                            'mobile', memo='推广费')

    def garment_season(self, d):
        if d < day_of(2024, 11, 1):
            return 1.3
        if d < day_of(2025, 1, 1):
            return 1.0
        if d < day_of(2025, 1, 22):
            return 1.5
        if d < day_of(2025, 2, 9):
            return 0.0
        return 0.9

    def gen_wholesalers(self):
        for g in self.wholesalers:
            a = g['a']
            for d in range(NDAYS):
                f = self.garment_season(d)
                if f <= 0:
                    continue
                got = 0
                last = d * DAY
                for _ in range(self.pois(0.26 * g['size'] * f)):
                    t = self.t_at(d, 7.5, 21)
                    amt = self.rnd(self.logn(15000, 0.8), 10) if self.p(0.7) else self.odd(self.logn(12000, 0.8))
                    if self.tx(t, self.ch(g['buyers']), a, amt, 'mobile', memo=self.ch(['货款', '', '拿货', '衣服款'])):
                        got += amt
                        last = max(last, t)
                if got > 0 and self.p(0.75):
                    k = self.ri(1, 2)
                    tot = got / 100.0 * self.u(0.5, 0.9)
                    for j in range(k):
                        t = last + self.ri(20 * MIN, 5 * HOUR)
                        self.tx(t, a, self.ch(g['mills']), self.rnd(tot / k, 100), 'mobile', self.mreg(a, 0.8),
                                memo=self.ch(['布款', '货款', '面料']))
                if WDAY[d] == 5 and self.p(0.7):
                    self.tx(self.t_at(d, 16, 21), a, self.ch(g['workshops']), self.rnd(self.logn(12000, 0.5), 100),
                            'mobile', self.mreg(a, 0.8), memo='加工费')
                if d % 30 == 25:
                    self.tx(self.t_at(d, 19, 22), a, g['own'], self.rnd(self.logn(30000, 0.6), 1000), 'mobile',
                            self.mreg(a))

    def gen_teapot(self):
        for tp in self.teapot:
            a = tp['a']
            for d in range(tp['start'], NDAYS):
                f = self.season_ecom(d) ** 0.6
                if self.p(0.5):
                    for _ in range(self.pois(0.8 * tp['size'] * f)):
                        t = d * DAY + int(self.u(20.0, 23.99) * HOUR)
                        amt = self.rnd(self.logn(1500, 1.0), 10)
                        self.tx(t, self.ch(tp['buyers']), a, amt, 'mobile', memo=self.ch(['', '壶款', '定金', '紫砂壶']))
                if self.p(0.3):
                    self.tx(self.t_at(d, 9, 12), self.ch(self.hub['dypay']), a, self.odd(self.logn(6000, 0.8) * tp['size']),
                            'other', memo='结算')
                if WDAY[d] in (1, 4) and self.p(0.5):
                    self.tx(self.t_at(d, 10, 18), a, self.ch(tp['potters']), self.rnd(self.logn(8000, 0.8), 100),
                            'mobile', '320282', memo=self.ch(['壶款', '泥料', '']))

    def gen_car_house(self):
        res = [rc for rc in self.residents]
        for _ in range(self.n_car):
            dl = self.ch(self.dealers)
            buyer = self.ch(res)['a'] if self.p(0.65) else self.ch(self.buyer_pool)
            owner = self.ch(res)['a'] if self.p(0.4) else self.remote_person_acct('32', supply=0.6)
            d = self.ri(0, NDAYS - 15)
            dep = self.rnd(self.u(5000, 30000), 1000)
            t = self.t_at(d, 9, 20)
            self.tx(t, buyer, dl['a'], dep, 'mobile', memo=self.ch(['定金', '车款定金', '订金']))
            tot = dep
            if self.p(0.7):
                t2 = t + self.ri(2, 10) * DAY
                full = self.rnd(self.u(30000, 180000), 1000)
                self.tx(t2, buyer, dl['a'], full, 'mobile' if full < 50000 else 'counter', memo='车款')
                tot += full
                t = t2
            self.tx(t + self.ri(1 * HOUR, 40 * HOUR), dl['a'], owner, self.rnd(tot / 100.0 * self.u(0.88, 0.97), 100),
                    'mobile', memo='车款')
        for _ in range(self.n_house):
            b = self.ch(res)
            s = self.ch(res) if self.p(0.6) else self.ch(self.elderly)
            if s is b:
                continue
            sa = s['a'] if (not s['others'] or self.p(0.5)) else s['others'][0]
            d = self.ri(0, NDAYS - 50)
            dep = self.rnd(self.u(20000, 100000), 10000)
            t = self.t_at(d, 9, 20)
            self.tx(t, b['a'], sa, dep, 'mobile', memo=self.ch(['定金', '购房定金']))
            t2 = t + self.ri(14, 42) * DAY
            first = self.rnd(self.u(200000, 900000), 10000)
            # buyer gathers money from family first
            fam = b['parent'] or self.remote_person_acct(b['p'].home[:2], supply=0.5, arch='family_remote')
            got = 0
            while got < first * 0.6:
                part = self.rnd(self.u(50000, 300000), 10000)
                self.tx(t2 - self.ri(1, 10) * DAY, fam, b['a'], part, 'counter' if self.p(0.5) else 'mobile',
                        memo=self.ch(['首付', '', '买房']))
                got += part
            self.tx(t2, b['a'], sa, first, 'counter', self.A[b['a']].region, memo='首付款')
            others = [o for o in s['others'] if o != sa] + ([s['a']] if sa != s['a'] else [])
            if others:
                self.tx(t2 + self.ri(1, 5) * DAY, sa, self.ch(others), self.rnd((first + dep) / 100.0 * self.u(0.6, 1.0), 1000),
                        'counter', self.A[sa].region)

    def gen_merchants(self):
        for m in self.shops + self.gold + self.phone:
            if not self.A[m].row:
                continue
            sup = self.remote_corp(self.wc([('44', 5), ('32', 5), ('33', 4)]))
            d = self.ri(0, 2)
            while d < NDAYS:
                amt = self.logn(12000, 0.6)
                if self.A[m].arch == 'merchant_gold' and day_of(2025, 1, 10) <= d <= day_of(2025, 2, 10):
                    amt *= 3
                self.tx(self.t_at(d, 1, 5), self.ch(self.hub['ums']), m, self.odd(amt), 'other', memo='银联商务结算')
                d += self.ri(1, 3)
            for mi in range(6):
                for _ in range(self.ri(1, 3)):
                    self.tx(self.t_biz(prev_workday(month_day(mi, self.ri(1, 28)))), m, sup,
                            self.odd(self.logn(60000, 0.6)), 'online', self.A[m].region, memo='货款')

    def gen_remote_rows(self):
        emps = [self.remote_corp() for _ in range(40)]
        for a in self.remote_rows:
            self.bg_life(a, emps)

    # =====================================================================
    # fraud network
    # =====================================================================
    OLD_ARCH = ('old_rented', 'old_sold', 'dormant_sold', 'student_sold')
    LIFE = {'fresh_sold': (2, 10), 'farmer_card': (3, 12), 'premade': (4, 15), 'old_rented': (7, 35),
            'old_sold': (5, 25), 'dormant_sold': (5, 20), 'student_sold': (3, 15), 'shell_company': (10, 40),
            'paofen': (5, 30)}

    def build_candidates(self):
        c = {'old_sold': [], 'old_rented': [], 'dormant_sold': [], 'student_sold': [], 'paofen': []}
        for w in self.workers:
            if w['leaver']:
                c['old_sold'].append((w['segs'][-1][1], (w['depart'] - 6) * DAY))
            for emp, card, t0, t1 in w['segs'][:-1]:
                c['old_sold'].append((card, t1 + 35 * DAY))
            for o in w['old']:
                c['dormant_sold'].append((o, 0))
            if w['p'].young:
                c['paofen'].append((w['segs'][0][1], 0))
        for rec in self.residents:
            for o in rec['others']:
                if rec['mb']:
                    continue
                if self.A[o].tags == 'dormant':
                    c['dormant_sold'].append((o, 0))
                elif rec['p'].byear >= 1975:
                    c['old_rented' if self.p(0.6) else 'old_sold'].append((o, 0))
            if rec['p'].young and not rec['mb']:
                c['paofen'].append((rec['a'], 0))
        for rec in self.elderly:
            for o in rec['others']:
                if self.A[o].tags == 'dormant':
                    c['dormant_sold'].append((o, 0))
        for s in self.students:
            c['student_sold'].append((s['a'], self.A[s['a']].opened + 14 * DAY))
            c['paofen'].append((s['a'], self.A[s['a']].opened + 10 * DAY))
        self.cand = c

    def pick_candidate(self, kind, t):
        pool = self.cand[kind]
        elig = []
        for k in range(len(pool)):
            a, e = pool[k]
            if e <= t and self.A[a].tags not in ('used', 'victim') and self.A[a].role == 'lawful' and self.A[a].opened < t - 20 * DAY:
                elig.append(k)
        if not elig:
            return None
        k = self.ch(elig)
        a = pool[k][0]
        self.A[a].tags = 'used'
        return a

    def build_fraud_infra(self):
        V2 = self.variant == 'V2'
        # card brokers (卡头) and ring treasuries
        self.brokers = []
        for k in range(4):
            if k < 2:
                city = self.ch(['suzhou', 'kunshan', 'wujin', 'wuxi'])
                p = self.new_person(self.reg_of(self.wc(FARMER_HOME_W)), city, self.city_reg(city), self.ri(1985, 1998), 'broker')
                a = self.acct(p, self.ch(['ICBC', 'ABC', 'CCB', 'SZRCB']), self.open_before(200, 2000, p.byear),
                              p.reg, role='operator', arch='card_broker')
            else:
                prov = self.ch(['44', '45', '35'])
                p = self.new_person(self.reg_of(prov), '', self.reg_of(prov), self.ri(1985, 1998), 'broker')
                a = self.acct(p, self.ext_bank(prov), self.open_before(200, 2000, p.byear), p.reg, role='operator',
                              arch='card_broker')
            self.brokers.append(a)
        # U商 (OTC USDT sellers)
        self.ushang = []
        for k in range(12 if V2 else 14):
            local = self.p(0.4)
            if local:
                city = self.ch(['suzhou', 'kunshan', 'wuxi', 'nanjing', 'changzhou'])
                reg = self.city_reg(city)
                bank = self.local_bank(city, 2.0)
            else:
                prov = self.ch(['44', '44', '35', '33', '53'])
                reg = self.reg_of(prov)
                bank = self.ch(['ICBC', 'CCB', 'ABC', 'BOC']) if self.p(0.4) else self.ext_bank(prov)
            p = self.new_person(self.reg_of(self.wc(NATION_W)), '', reg, self.ri(1985, 2000), 'ushang')
            a = self.acct(p, bank, self.open_before(100, 2500, p.byear), reg, role='ushang', arch='ushang_main')
            own = [self.acct(p, self.ext_bank(), self.open_before(100, 2500, p.byear), reg, role='ushang',
                             arch='ushang_own') for _ in range(self.ri(1, 3))]
            self.ushang.append({'a': a, 'own': own})
    def build_farmers(self):
        V2 = self.variant == 'V2'
        # card farmers (一人多卡)
        self.farmers = []
        self.farm_pool = []
        n_f = self.ri(6, 10)
        jscities = ['suzhou', 'kunshan', 'wuxi', 'changzhou', 'nanjing', 'changshu', 'zhangjiagang', 'jiangyin',
                    'wujin']
        for k in range(n_f):
            prov = self.wc(FARMER_HOME_W)
            home = self.reg_of(prov)
            p = self.new_person(home, '', home, self.ri(1982, 2002), 'farmer')
            own = self.acct(p, self.home_bank(prov, 1.0), self.open_before(500, 4000, p.byear), home,
                            role='farmer_card', arch='farmer_own')
            self.A[own].farmer = 1
            start = self.ri(0, 110 if V2 else 125)
            dur = self.ri(21, 56) if V2 else self.ri(6, 20)
            cities = []
            order = list(jscities)
            self.r.shuffle(order)
            for c in order[:self.ri(2, 3)]:
                cities.append(('js', c))
            if self.p(0.4):
                cities.append(('out', self.ch(OUTSIDE_FARM_CITIES)))
            self.r.shuffle(cities)
            cards = []
            seg = dur / float(len(cities))
            for ci, (kind, c) in enumerate(cities):
                n_c = self.ri(2, 4) if V2 else self.ri(3, 7)
                if kind == 'js':
                    pool = list(NAT_BANKS) + LOCAL_BANKS.get(c, [])
                else:
                    pool = list(NAT_BANKS) + [(COOP.get(c[:2], 'PSBC'), 6)]
                pool = [(b, w * (2.5 if b in SUPPLY_START else 1.0)) for b, w in pool]
                banks = []
                while pool and len(banks) < n_c:
                    b = self.wc(pool)
                    banks.append(b)
                    pool = [(x, w) for x, w in pool if x != b]
                for j in range(min(n_c, len(banks))):
                    if V2:
                        d = start + int(seg * ci + self.u(0, seg))
                    else:
                        d = start + int(seg * ci + self.u(0, min(seg, 3)))
                    d = min(d, NDAYS - 20)
                    while not workday(d) and d < NDAYS - 1:
                        d += 1
                    reg = self.city_reg(c) if kind == 'js' else c
                    op = self.open_on(d)
                    a = self.acct(p, banks[j], op, reg, cls='II' if self.p(0.25) else 'I', role='farmer_card',
                                  arch='farmer_card_unused')
                    self.A[a].farmer = 1
                    cards.append(a)
                    if self.p(0.6):
                        self.tx(op + self.ri(60, 1200), None, a, Y(self.ch([10, 20, 50, 100, 10, 1])), 'counter', reg,
                                kind='deposit', tk='card_opening')
            cards.sort(key=lambda x: self.A[x].opened)
            last = self.A[cards[-1]].opened
            avail = last + self.ri(3, 20) * DAY
            f = {'p': p, 'own': own, 'cards': cards, 'avail': avail, 'labelled': 0, 'paid': False}
            self.farmers.append(f)
            for a in cards:
                self.farm_pool.append((a, avail, f))
            # the set sells for 五六千 a card
            br = self.ch(self.brokers)
            tpay = avail + self.ri(1, 3) * DAY
            tot = len(cards) * self.u(5000, 6000)
            parts = self.ri(1, 3)
            for j in range(parts):
                self.fund_broker(br, tpay + j * HOUR, tot / parts)
                self.tx(tpay + j * HOUR + self.ri(60, 3000), br, own, self.rnd(tot / parts, 100), 'mobile', '',
                        memo=self.ch(['', '货款', '还款']), tk='card_fee')


    def fund_broker(self, br, t, yuan):
        if self.A[br].row:
            tr = self.treasury_any()
            self.tx(t - self.ri(1, 20) * HOUR, tr, br, self.rnd(yuan * 1.05 + 500, 1000), 'online', '',
                    memo=self.ch(['', '往来款']), tk='operator_funding')

    def treasury_any(self):
        if getattr(self, 'rings', None):
            return self.ch(self.rings)['treasury']
        if not hasattr(self, '_tr0'):
            p = self.new_person(self.reg_of('44'), '', self.reg_of('44'), self.ri(1980, 1995), 'operator')
            self._tr0 = self.acct(p, self.ext_bank('44'), self.open_before(300, 2000, p.byear), p.reg,
                                  role='operator', arch='ring_treasury')
        return self._tr0

    def build_rings(self):
        V2 = self.variant == 'V2'
        tm = list(RING_TEMPLATES)
        self.r.shuffle(tm)
        tm = tm[:8]
        cover = {}
        for t in tm:
            for k in t['typ']:
                cover[k] = 1
        for k, _ in TYPO_W:
            if k not in cover:
                self.ch(tm)['typ'][k] = 1
        self.rings = []
        for i, t in enumerate(tm):
            typ = dict(t['typ'])
            start = self.ri(0, 12) if self.p(0.7) else self.ri(13, 60)
            end = min(NDAYS, start + self.ri(130, 181))
            speed = self.wc([('fast', 10), ('medium', 35), ('slow', 55)] if V2 else
                            [('fast', 45), ('medium', 35), ('slow', 20)])
            depth = t['depth'] if not V2 else max(1, min(2, t['depth']))
            if V2:
                ex = [('atm', 30), ('counter', 25), ('ushang', 22), ('goods', 12), ('treasury', 11)]
                cash = [self.city_reg(self.ch(['suzhou', 'kunshan', 'wuxi', 'changzhou', 'wujin', 'jiangyin']))
                        for _ in range(self.ri(2, 3))]
                if self.p(0.3):
                    cash.append(self.ch(CASH_FAR))
                goods = [g for g in self.gold if self.A[g].region[:2] == '32'] + self.phone[:3]
            else:
                ex = [('ushang', 42), ('atm', 20), ('goods', 8), ('treasury', 18)]
                cash = [self.ch(CASH_FAR) for _ in range(self.ri(2, 3))]
                goods = [g for g in self.gold if self.A[g].region[:2] == '44'] + self.phone[4:] + self.gold[:2]
            ex = [(k, w * self.u(0.5, 1.5)) for k, w in ex]
            tp = self.new_person(self.reg_of(self.ch(['44', '35', '53', '45'])), '', '', self.ri(1980, 1995), 'operator')
            tr = self.acct(tp, self.ext_bank(tp.hid[:2]), self.open_before(300, 2000, tp.byear), tp.hid[:6],
                           role='operator', arch='ring_treasury')
            if V2:
                l1 = [('old_rented', 30), ('old_sold', 22), ('dormant_sold', 12), ('student_sold', 6), ('premade', 10),
                      ('fresh_sold', 6), ('farmer_card', 20), ('paofen', 4)]
                l2 = [('old_rented', 22), ('old_sold', 15), ('dormant_sold', 10), ('premade', 15),
                      ('shell_company', 12 if t['shell'] else 4), ('farmer_card', 24), ('fresh_sold', 10)]
                l3 = [('old_rented', 20), ('old_sold', 15), ('premade', 20), ('farmer_card', 24), ('fresh_sold', 15),
                      ('shell_company', 10)]
            else:
                l1 = [('fresh_sold', 30), ('farmer_card', 20), ('premade', 10), ('old_rented', 10), ('old_sold', 7),
                      ('dormant_sold', 4), ('student_sold', 5), ('paofen', 10 if t['paofen'] else 2)]
                l2 = [('fresh_sold', 30), ('farmer_card', 22), ('premade', 10), ('shell_company', 22 if t['shell'] else 5),
                      ('old_rented', 5), ('paofen', 12 if t['paofen'] else 0)]
                l3 = [('fresh_sold', 35), ('farmer_card', 24), ('premade', 15), ('shell_company', 5), ('old_sold', 5)]
            ring = {'i': i, 'name': 'ring%d' % (i + 1), 'typ': typ, 'depth': depth, 'start': start, 'end': end,
                    'speed': speed, 'exits': ex, 'cash': cash, 'goods': goods, 'treasury': tr,
                    'chunk': Y(self.ch([2500, 3000, 5000, 5000])), 'ushang': [self.ch(self.ushang) for _ in range(self.ri(2, 4))],
                    'broker': self.ch(self.brokers), 'mix': {1: l1, 2: l2, 3: l3}, 'slots': {1: [], 2: [], 3: []},
                    'tracks': {1: self.ri(3, 4) if V2 else self.ri(2, 3), 2: self.ri(2, 3) if V2 else self.ri(1, 3), 3: self.ri(1, 2)},
                    'op_regs': ['', '', '', self.ch(CASH_FAR), self.ch(['532801', '533102', '450681', '451481'])] if not V2
                    else ['', '', '', self.city_reg(self.ch(['suzhou', 'kunshan', 'wuxi', 'wujin']))]}
            self.rings.append(ring)
            for layer in (1, 2, 3):
                if layer > depth:
                    continue
                for tr_i in range(ring['tracks'][layer]):
                    t_ = start * DAY - self.ri(0, 3) * DAY
                    while t_ < min(TEND, end * DAY + 12 * DAY):
                        t_ = self.add_slot(ring, layer, t_)

    def add_slot(self, ring, layer, t):
        arch = self.wc(ring['mix'][layer])
        lo, hi = self.LIFE[arch]
        life = self.u(lo, hi) * (1.5 if (self.variant == 'V2' and arch in self.OLD_ARCH) else 1.0) * (1.3 if layer > 1 else 1.0)
        s = {'ring': ring, 'layer': layer, 'arch': arch, 'start': int(t), 'end': int(t + life * DAY), 'acct': None}
        ring['slots'][layer].append(s)
        return s['end']

    def active_slots(self, ring, layer, t):
        out = [s for s in ring['slots'][layer] if s['start'] <= t < s['end']]
        if not out:     # the ring buys another account when none is at hand
            self.add_slot(ring, layer, t)
            out = [ring['slots'][layer][-1]]
        return out

    # ---- mule account materialisation -------------------------------------------------
    def supply_bank_for(self, reg):
        if reg[:2] == '32':
            city = 'suzhou'
            for c, regs in JS.items():
                if reg in regs:
                    city = c
            return self.local_bank(city, 3.0) if self.p(0.5) else self.ch(['ICBC', 'ABC', 'CCB', 'BOC', 'JSB'])
        return self.ch(['ICBC', 'ABC', 'CCB', 'BOC', 'ICBC', 'CCB', 'ABC', 'PSBC', 'CMB', 'BOCOM'])

    def materialize(self, slot, t):
        if slot['acct'] is not None:
            return slot['acct']
        ring = slot['ring']
        layer = slot['layer']
        arch = slot['arch']
        V2 = self.variant == 'V2'
        a = None
        if arch in self.OLD_ARCH:
            order = {'old_sold': ['old_sold', 'old_rented', 'dormant_sold'],
                     'old_rented': ['old_rented', 'old_sold', 'dormant_sold'],
                     'dormant_sold': ['dormant_sold', 'old_rented'],
                     'student_sold': ['student_sold', 'old_rented']}[arch]
            for kind in order:
                a = self.pick_candidate(kind, slot['start'] - 2 * DAY)
                if a is not None:
                    arch = kind
                    break
            if a is not None:
                acc = self.A[a]
                take = slot['start'] - int(self.u(1, 30 if V2 else 10) * DAY)
                acc.cutoff = max(take, acc.opened + DAY)
                acc.role = 'mule'
                acc.arch = arch
                self.mule_meta[a] = {'ring': ring, 'layer': layer, 'arch': arch, 'slot': slot}
                self.card_fee_for(ring, a, acc.cutoff, arch, slot)
            else:
                arch = 'premade'
        if a is None and arch == 'farmer_card':
            best = None
            for k in range(len(self.farm_pool)):
                c, av, f = self.farm_pool[k]
                if av <= slot['start'] and self.A[c].arch == 'farmer_card_unused':
                    best = k
                    break
            if best is not None:
                a = self.farm_pool[best][0]
                self.A[a].arch = 'farmer_card_l%d' % layer
                self.mule_meta[a] = {'ring': ring, 'layer': layer, 'arch': 'farmer_card', 'slot': slot}
            else:
                arch = 'fresh_sold'
        if a is None and arch == 'paofen':
            a = None
            if self.p(0.65):
                a = self.pick_candidate('paofen', slot['start'])
            if a is None:
                p = self.new_person(self.reg_of(self.wc(MULE_PROV_W)), '', '', self.ri(1996, 2005), 'paofen')
                a = self.acct(p, self.ext_bank(p.hid[:2]) if self.p(0.6) else self.supply_bank_for(p.hid[:6]),
                              self.open_before(100, 1500, p.byear), p.hid[:6], arch='paofen')
            acc = self.A[a]
            acc.role = 'paofen'
            acc.arch = 'paofen_' + (acc.owner.kind if acc.owner.kind in ('student', 'worker', 'resident') else 'external')
            acc.tags = 'used'
            self.mule_meta[a] = {'ring': ring, 'layer': layer, 'arch': 'paofen', 'slot': slot}
        if a is None and arch == 'shell_company':
            reg = self.city_reg(self.ch(['wujin', 'kunshan', 'suzhou', 'wuxi', 'changzhou', 'nanjing'])) if self.p(0.55) \
                else self.reg_of(self.wc(MULE_PROV_W))
            org = self.new_org(reg, 'shell')
            ext = self.p(0.35)
            bank = self.ext_bank(reg[:2]) if ext else self.supply_bank_for(reg)
            a = self.acct(org, bank, slot['start'] - self.ri(30, 150) * DAY + self.ri(9 * HOUR, 16 * HOUR) - (slot['start'] % DAY),
                          reg, corp=True, role='mule', arch='shell_company')
            self.mule_meta[a] = {'ring': ring, 'layer': layer, 'arch': arch, 'slot': slot}
        if a is None:   # fresh_sold or premade
            if layer == 1 and self.p(0.45):
                reg = self.city_reg(self.wc(RESIDENT_CITIES))
            else:
                reg = self.reg_of(self.wc(MULE_PROV_W))
            p = self.new_person(reg if self.p(0.7) else self.reg_of(self.wc(MULE_PROV_W)), '', reg,
                                self.ri(1960, 2005), 'mule_seller')
            ext = self.p({1: 0.2, 2: 0.3, 3: 0.35}[layer])
            bank = self.ext_bank(reg[:2]) if ext else self.supply_bank_for(reg)
            if arch == 'premade':
                op = slot['start'] - self.ri(45, 180) * DAY
            else:
                op = slot['start'] - self.ri(2, 30) * DAY
            op = (op // DAY) * DAY + int(self.u(8.7, 16.8) * HOUR)
            a = self.acct(p, bank, op, reg, cls='II' if self.p(0.2) else 'I', role='mule', arch=arch)
            self.mule_meta[a] = {'ring': ring, 'layer': layer, 'arch': arch, 'slot': slot}
            if self.p(0.7):
                self.tx(op + self.ri(60, 1500), None, a, Y(self.ch([10, 20, 50, 100, 1, 5])), 'counter', reg,
                        kind='deposit', tk='card_opening')
            if arch == 'fresh_sold' or self.p(0.5):
                self.card_fee_for(ring, a, op + self.ri(1, 4) * DAY, arch, slot)
        slot['acct'] = a
        slot['arch'] = arch
        acc = self.A[a]
        self.state(a)
        # test transfers once the buyer has the card
        tt = max(acc.opened + HOUR, min(slot['start'], t) - self.ri(1 * HOUR, 48 * HOUR))
        if acc.role != 'paofen' and tt < t:
            amt = Y(self.ch([0.01, 0.1, 1, 1, 1, 2, 5, 10]))
            self.tx(tt, ring['treasury'], a, amt, 'mobile', '', memo='', tk='test_transfer')
            self.fs[a]['bal'] += amt
            if self.p(0.4):
                self.tx(tt + self.ri(30, 600), a, ring['treasury'], amt, 'mobile', '', tk='test_transfer')
                self.fs[a]['bal'] -= amt
        return a

    def card_fee_for(self, ring, a, t, arch, slot):
        """the broker pays whoever sold or rents out the account (to another account of theirs)"""
        acc = self.A[a]
        owner = acc.owner
        others = [x for x in owner.accts if x != a and self.A[x].role == 'lawful']
        if others:
            dest = self.ch(others)
        else:
            if not self.p(0.6):
                return
            dest = self.acct(owner, self.ext_bank(owner.hid[:2]), self.open_before(100, 2000), acc.region or owner.hid[:6],
                             arch='seller_other_account')
        br = ring['broker']
        if arch == 'student_sold':
            amt = self.u(500, 1500)
        elif arch == 'old_rented':
            amt = self.u(1000, 2500)
        else:
            amt = self.u(800, 3000)
        n = 1
        if arch == 'old_rented':
            n = 1 + int((slot['end'] - slot['start']) // (30 * DAY))
        for k in range(n):
            tk_ = t + k * 30 * DAY + self.ri(HOUR, 20 * HOUR)
            self.fund_broker(br, tk_, amt)
            self.tx(tk_, br, dest, self.rnd(amt, 100), 'mobile', '', memo=self.ch(['', '', '租金', '工资', '还款']),
                    tk='card_fee')

    def state(self, a):
        st = self.fs.get(a)
        if st is None:
            acc = self.A[a]
            meta = self.mule_meta.get(a, {})
            arch = meta.get('arch', acc.arch)
            if acc.corp:
                lim = Y(5000000)
            elif arch in ('old_rented', 'old_sold', 'dormant_sold'):
                lim = Y(500000)
            elif arch == 'paofen':
                lim = Y(50000)
            elif acc.cls == 'II':
                lim = Y(10000)
            else:
                lim = Y(100000)
            st = {'bal': 0, 'send': 0, 'pend': False, 'cash': False, 'lim': lim, 'out': {}, 'atm': {},
                  'keep': self.u(0.01, 0.03) if arch == 'paofen' else 0.0, 'recv': 0}
            self.fs[a] = st
        return st

    # ---- victims ---------------------------------------------------------------
    def plan_payments(self, typ, t):
        """list of (time, yuan, channel, memo) and rebates [(time, yuan)] for one victim"""
        P, R = [], []
        u, ri = self.u, self.ri
        if typ == 'brushing':
            a1 = u(100, 500)
            P.append((t, a1))
            R.append((t + ri(5, 30) * MIN, a1 * u(1.1, 1.3)))
            if self.p(0.5):
                a2 = u(300, 1000)
                t2 = t + ri(40, 120) * MIN
                P.append((t2, a2))
                R.append((t2 + ri(5, 30) * MIN, a2 * u(1.1, 1.3)))
            amt = u(1000, 3000)
            tt = P[-1][0] + ri(30, 120) * MIN
            for _ in range(ri(1, 6)):
                P.append((tt, min(amt, 100000)))
                amt *= u(1.5, 3.0)
                tt += ri(10, 90) * MIN if self.p(0.8) else ri(12, 30) * HOUR
        elif typ == 'ecommerce_cs':
            tt = t
            for _ in range(ri(1, 4)):
                P.append((tt, self.logn(9000, 0.8)))
                tt += ri(5, 40) * MIN
        elif typ in ('investment', 'romance'):
            first = u(5000, 30000) if typ == 'romance' else u(10000, 50000)
            tt = t + (ri(7, 30) * DAY if typ == 'romance' else 0)
            P.append((tt, first))
            R.append((tt + ri(1, 4) * DAY, u(500, 5000)))
            amt = first * u(1.5, 3)
            for _ in range(ri(1, 7)):
                tt += ri(2, 10) * DAY + ri(-6, 6) * HOUR
                P.append((tt, min(amt, 600000)))
                amt *= u(1.2, 2.2)
        elif typ == 'loan_card':
            tt = t
            base = u(2000, 5000)
            for _ in range(ri(2, 5)):
                P.append((tt, base))
                base *= u(1.3, 2.5)
                tt += ri(1, 30) * HOUR
        elif typ == 'credit_record':
            tt = t
            for _ in range(ri(1, 4)):
                P.append((tt, self.logn(20000, 0.7)))
                tt += ri(10, 90) * MIN
        elif typ in ('police_gov', 'parcel', 'phone_bill'):
            tt = t
            for _ in range(ri(1, 4)):
                P.append((tt, min(self.logn(80000, 0.9), 1500000)))
                tt += ri(1, 8) * HOUR if self.p(0.6) else ri(18, 40) * HOUR
        elif typ == 'leader_acquaintance':
            tt = t
            for _ in range(ri(1, 2)):
                P.append((tt, u(10000, 100000)))
                tt += ri(10, 60) * MIN
        elif typ in ('shopping_service', 'game_trade', 'fake_job', 'prize'):
            hi = {'shopping_service': 5000, 'game_trade': 8000, 'fake_job': 3000, 'prize': 10000}[typ]
            tt = t
            for _ in range(ri(1, 3)):
                P.append((tt, u(200, hi)))
                tt += ri(10, 180) * MIN
        elif typ == 'military_purchase':
            tt = t
            for _ in range(ri(1, 2)):
                P.append((tt, u(10000, 80000)))
                tt += ri(2, 30) * HOUR
        elif typ == 'subsidy_refund':
            P.append((t, u(2000, 30000)))
            if self.p(0.5):
                P.append((t + ri(5, 30) * MIN, u(2000, 20000)))
        elif typ == 'accident_kidnap':
            P.append((t, u(10000, 50000)))
            if self.p(0.4):
                P.append((t + ri(20, 120) * MIN, u(5000, 30000)))
        else:
            P.append((t, u(1000, 20000)))
        return P, R

    def victim_day(self, typ, ring):
        lo, hi = ring['start'], max(ring['start'] + 1, min(NDAYS - 1, ring['end']))
        for _ in range(50):
            d = self.ri(lo, hi)
            w = 1.0
            if typ == 'brushing' and (D11_PRE <= d <= D11 + 4 or day_of(2025, 1, 1) <= d <= SF_OFF0):
                w = 1.9
            if typ == 'ecommerce_cs' and D11 - 1 <= d <= D11 + 30:
                w = 2.0
            if typ == 'loan_card' and day_of(2024, 12, 15) <= d <= SF_OFF0:
                w = 1.9
            if typ in ('game_trade', 'credit_record', 'fake_job') and (d <= 20 or TERM2 - 3 <= d <= TERM2 + 12):
                w = 1.8
            if typ in ('police_gov', 'leader_acquaintance', 'parcel') and not workday(d):
                w = 0.4
            if self.r.random() * 2.0 < w:
                return d
        return self.ri(lo, hi)

    def plan_victims(self):
        n = {'baseline': 820, 'V2': 780, 'V3': 820}.get(self.variant, 820)
        def ok(a):
            acc = self.A[a]
            return acc.row and acc.opened < -30 * DAY and acc.role == 'lawful' and acc.tags not in ('used', 'victim')
        el = [rc['a'] for rc in self.elderly if ok(rc['a'])]
        stu = [s['a'] for s in self.students if ok(s['a'])]
        wk = [w['segs'][0][1] for w in self.workers if ok(w['segs'][0][1]) and not w['leaver'] and len(w['segs']) == 1]
        rs = [rc['a'] for rc in self.residents if not rc['mb'] and ok(rc['a'])]
        sl = [x['a'] for x in self.sellers + self.teapot + self.wholesalers if ok(x['a'])]
        compat = {'police_gov': [(el, 5), (rs, 3)], 'parcel': [(el, 3), (rs, 2)], 'phone_bill': [(el, 1)],
                  'subsidy_refund': [(el, 1)], 'accident_kidnap': [(el, 1)], 'prize': [(el, 1), (rs, 1)],
                  'investment': [(rs, 4), (el, 2), (wk, 1)], 'romance': [(rs, 3), (wk, 2)],
                  'ecommerce_cs': [(rs, 3), (stu, 1), (sl, 1)], 'leader_acquaintance': [(rs, 2), (sl, 1)],
                  'brushing': [(stu, 3), (wk, 3), (rs, 3)], 'loan_card': [(wk, 3), (stu, 2), (rs, 1)],
                  'credit_record': [(stu, 3), (rs, 1)], 'shopping_service': [(stu, 2), (rs, 2), (wk, 1)],
                  'game_trade': [(stu, 3)], 'fake_job': [(stu, 2), (wk, 2)], 'military_purchase': [(sl, 3)]}
        tri_merchants = [x['a'] for x in self.teapot + self.wholesalers + self.sellers] + self.gold[:6]
        self.victims = []
        for k in range(n):
            typ = self.wc(TYPO_W)
            rings = [(rg, rg['typ'][typ]) for rg in self.rings if typ in rg['typ']]
            ring = self.wc(rings)
            d = self.victim_day(typ, ring)
            if typ in ('police_gov', 'leader_acquaintance', 'parcel', 'phone_bill', 'military_purchase'):
                t = self.t_at(d, 9, 17.5)
            else:
                t = self.t_personal(d)
                if t % DAY < 7 * HOUR:
                    t += 8 * HOUR
            row = self.p(0.35)
            a = None
            if row:
                pools = [(pl, w) for pl, w in compat.get(typ, [(rs, 1)]) if pl]
                if pools:
                    pl = self.wc(pools)
                    for _ in range(10):
                        c = self.ch(pl)
                        if self.A[c].tags not in ('used', 'victim'):
                            a = c
                            break
            if a is None:
                young = typ in ('brushing', 'game_trade', 'credit_record', 'fake_job', 'loan_card')
                a = self.remote_person_acct(young=young, supply=0.0, arch='remote_resident')
                if self.A[a].row:     # (never: supply=0 and ext banks) keep safe
                    self.remote_rows.append(a)
            self.A[a].tags = 'victim'
            P, R = self.plan_payments(typ, t)
            pays = []
            elderly = self.A[a].arch == 'elderly'
            for tt, yuan in P:
                if tt >= TEND - HOUR:
                    continue
                x = self.r.random()
                if typ == 'brushing' and self.p(0.5):
                    fen = Y(round(yuan) + self.ch([0.0, 0.88, 0.0, 0.66]))
                elif x < 0.55:
                    fen = self.rnd(yuan, 100)
                elif x < 0.8:
                    fen = self.rnd(yuan, 1000)
                else:
                    fen = self.odd(yuan)
                if typ == 'subsidy_refund' or (elderly and self.p(0.25)):
                    ch = 'atm' if typ == 'subsidy_refund' or fen <= Y(50000) else 'counter'
                elif fen >= Y(50000) and self.p(0.3):
                    ch = 'counter'
                else:
                    ch = self.wc([('mobile', 80), ('online', 20)])
                if ch in ('counter', 'atm') and not (8 * HOUR <= tt % DAY <= 17 * HOUR) and ch == 'counter':
                    tt = (tt // DAY) * DAY + int(self.u(9.5, 16) * HOUR) + (DAY if tt % DAY > 17 * HOUR else 0)
                    if tt >= TEND:
                        continue
                pays.append((tt, fen, ch, self.ch(VICTIM_MEMO.get(typ, ['']))))
            if not pays:
                continue
            tri = typ in ('shopping_service', 'military_purchase', 'brushing') and self.p(0.03)
            v = {'a': a, 'typ': typ, 'ring': ring, 'pays': pays,
                 'rebates': [(tt, Y(round(y, 2))) for tt, y in R if tt < TEND],
                 'reported': self.p(0.75), 'tri': tri, 'merchant': self.ch(tri_merchants) if tri else None,
                 'slot': None, 'seqs': [], 'l1': []}
            self.victims.append(v)

    # ---- the money simulation ---------------------------------------------------------
    def delay(self, a):
        meta = self.mule_meta.get(a)
        if meta is None:
            return self.ri(5 * MIN, 3 * HOUR)
        if meta['arch'] == 'paofen':
            return int(min(max(self.logn(180, 0.6), 30), 1200))
        sp = meta['ring']['speed']
        if sp == 'fast':
            return int(min(max(self.logn(300, 0.7), 40), 2400))
        if sp == 'medium':
            return int(min(max(self.logn(9000, 0.8), 900), 12 * HOUR))
        return int(min(max(self.logn(20 * HOUR, 0.7), 3 * HOUR), 5 * DAY))

    def push(self, t, typ, *args):
        self.eseq += 1
        heapq.heappush(self.heap, (int(t), self.eseq, typ, args))

    def credit(self, t, a, fen):
        st = self.state(a)
        st['bal'] += fen
        st['recv'] += fen
        st['send'] += int(fen * (1.0 - st['keep']))
        if not st['pend'] and not st['cash'] and a in self.mule_meta:
            st['pend'] = True
            self.push(t + self.delay(a), 'sweep', a)

    def ftx(self, t, frm, to, fen, ch, reg, memo, tk, kind='transfer'):
        ok = self.tx(t, frm, to, fen, ch, reg, kind=kind, memo=memo, tk=tk)
        self.fedges.append((frm, to, tk))
        return ok

    def run_sim(self):
        self.heap = []
        self.eseq = 0
        for vi, v in enumerate(self.victims):
            for k, p in enumerate(v['pays']):
                self.push(p[0], 'vpay', vi, k)
            for k, rb in enumerate(v['rebates']):
                self.push(rb[0], 'rebate', vi, k)
        while self.heap:
            t, _, typ, args = heapq.heappop(self.heap)
            if t >= TEND:
                continue
            if typ == 'vpay':
                self.do_vpay(t, *args)
            elif typ == 'sweep':
                self.do_sweep(t, *args)
            elif typ == 'atm':
                self.do_atm(t, *args)
            elif typ == 'counter':
                self.do_counter(t, *args)
            elif typ == 'usettle':
                self.do_usettle(t, *args)
            elif typ == 'rebate':
                self.do_rebate(t, *args)

    def do_vpay(self, t, vi, k):
        v = self.victims[vi]
        _, fen, ch, memo = v['pays'][k]
        a = v['a']
        reg = self.A[a].region if (ch != 'mobile' or self.p(0.6)) else ''
        if v['tri']:
            if self.tx(t, a, v['merchant'], fen, ch, reg, memo=self.ch(['货款', '', '定金']), tk='triangle_payment'):
                v['seqs'].append(self.seq - 1)
            return
        ring = v['ring']
        act = self.active_slots(ring, 1, t)
        if v['slot'] is not None and v['slot'] in act and self.p(0.65):
            slot = v['slot']
        else:
            slot = self.ch(act)
        v['slot'] = slot
        m = self.materialize(slot, t)
        if self.A[a].row and fen >= Y(30000) and self.p(0.6):
            # the victim first gathers money from own accounts / family
            own = [x for x in self.A[a].owner.accts if x != a and self.A[x].role == 'lawful']
            src = self.ch(own) if own else self.remote_person_acct(self.A[a].holder[:2], supply=0.0, arch='family_remote')
            self.tx(t - self.ri(20 * MIN, 10 * HOUR), src, a, self.rnd(fen / 100.0 + self.u(0, 5000), 1000), 'mobile',
                    memo=self.ch(['', '', '转账']))
        if self.ftx(t, a, m, fen, ch, reg, memo, 'victim_payment'):
            v['seqs'].append(self.seq - 1)
        v['l1'].append(m)
        self.credit(t, m, fen)

    def do_rebate(self, t, vi, k):
        v = self.victims[vi]
        if v['tri']:
            return
        fen = v['rebates'][k][1]
        src = None
        for s in self.active_slots(v['ring'], 1, t):
            if s['acct'] is not None and self.fs[s['acct']]['send'] >= fen + Y(100) and not self.fs[s['acct']]['cash']:
                src = s['acct']
                break
        if src is None:
            src = v['ring']['treasury']
        else:
            self.fs[src]['bal'] -= fen
            self.fs[src]['send'] -= fen
        self.ftx(t, src, v['a'], fen, 'mobile', '', self.ch(['', '佣金', '返现', '收益']), 'rebate_bait')

    def split(self, fen, k):
        if k <= 1:
            return [fen]
        ws = [self.u(0.6, 1.4) for _ in range(k)]
        tot = sum(ws)
        out = []
        rest = fen
        for j in range(k - 1):
            x = int(fen * ws[j] / tot)
            if self.p(0.6):
                x = (x // 10000) * 10000
            x = max(100, min(x, rest - 100 * (k - 1 - j)))
            out.append(x)
            rest -= x
        out.append(rest)
        return [x for x in out if x > 0]

    def do_sweep(self, t, a):
        st = self.fs[a]
        st['pend'] = False
        if st['cash']:
            return
        meta = self.mule_meta[a]
        ring = meta['ring']
        layer = meta['layer']
        amt = min(st['send'], st['bal'])
        if amt < Y(100):
            return
        d = t // DAY
        room = st['lim'] - st['out'].get(d, 0)
        if room < Y(100):
            st['pend'] = True
            self.push((d + 1) * DAY + self.ri(5 * MIN, 8 * HOUR), 'sweep', a)
            return
        amt = min(amt, room)
        if layer < ring['depth']:
            k = 1 if amt < Y(20000) else self.ri(1, 3 if amt < Y(200000) else 4)
            pieces = self.split(amt, k)
            tt = t
            for fen in pieces:
                slots = self.active_slots(ring, layer + 1, tt)
                dest = self.materialize(self.ch(slots), tt)
                if dest == a:
                    continue
                self.ftx(tt, a, dest, fen, self.wc([('mobile', 70), ('online', 30)]), self.ch(ring['op_regs']),
                         self.ch(['', '', '', '货款', '往来款', '还款']), 'layering')
                st['bal'] -= fen
                st['send'] -= fen
                st['out'][d] = st['out'].get(d, 0) + fen
                self.credit(tt, dest, fen)
                tt += self.ri(5, 120)
        else:
            self.do_exit(t, a, amt, ring)
        if not st['cash'] and not st['pend'] and min(st['send'], st['bal']) >= Y(100):
            st['pend'] = True
            if st['lim'] - st['out'].get(d, 0) < Y(100):
                self.push((d + 1) * DAY + self.ri(5 * MIN, 8 * HOUR), 'sweep', a)
            else:
                self.push(t + self.delay(a), 'sweep', a)

    def do_exit(self, t, a, amt, ring):
        st = self.fs[a]
        acc = self.A[a]
        ex = self.wc(ring['exits'])
        if (acc.corp and ex in ('atm', 'counter')) or (ex == 'atm' and st['bal'] > Y(60000)) or \
                (ex == 'counter' and st['bal'] > Y(150000)) or (ex == 'goods' and amt > Y(200000)):
            # too much for one card at the ATM or counter: sell it for USDT or pass it up instead
            ex = 'ushang' if self.p(0.7) else 'treasury'
        d = t // DAY
        sp = ring['speed']
        if ex == 'atm':
            st['cash'] = True
            lag = {'fast': (10 * MIN, 90 * MIN), 'medium': (30 * MIN, 4 * HOUR), 'slow': (2 * HOUR, 14 * HOUR)}[sp]
            self.push(t + self.ri(*lag), 'atm', a, self.ch(ring['cash']))
        elif ex == 'counter':
            st['cash'] = True
            nt = t + self.ri(30 * MIN, 3 * HOUR)
            if not (9 * HOUR <= nt % DAY <= 16 * HOUR) or not workday(nt // DAY):
                nd = nt // DAY + (1 if nt % DAY > 16 * HOUR else 0)
                while not workday(nd) and nd < NDAYS:
                    nd += 1
                nt = nd * DAY + int(self.u(9.2, 15.5) * HOUR)
            self.push(nt, 'counter', a)
        elif ex == 'ushang':
            u = self.ch(ring['ushang'])
            tt = t
            for fen in self.split(amt, 1 if amt < Y(50000) else 2):
                self.ftx(tt, a, u['a'], fen, 'mobile', self.ch(ring['op_regs']), '', 'otc_trade')
                st['bal'] -= fen
                st['send'] -= fen
                st['out'][d] = st['out'].get(d, 0) + fen
                self.push(tt + self.ri(5 * MIN, 3 * HOUR), 'usettle', self.ushang.index(u), fen)
                tt += self.ri(10, 300)
        elif ex == 'goods':
            tt = t + self.ri(10 * MIN, 3 * HOUR)
            g = self.ch(ring['goods'])
            while amt >= Y(5000):
                fen = min(amt, self.rnd(self.u(8000, 50000), 100))
                self.ftx(tt, a, g, fen, 'pos', self.A[g].region, '', 'goods_purchase')
                st['bal'] -= fen
                st['send'] -= fen
                st['out'][d] = st['out'].get(d, 0) + fen
                amt -= fen
                tt += self.ri(3 * MIN, 30 * MIN)
        else:
            self.ftx(t, a, ring['treasury'], amt, 'mobile', self.ch(ring['op_regs']), '', 'layering')
            st['bal'] -= amt
            st['send'] -= amt
            st['out'][d] = st['out'].get(d, 0) + amt

    def do_atm(self, t, a, reg):
        st = self.fs[a]
        ring = self.mule_meta[a]['ring']
        d = t // DAY
        used = st['atm'].get(d, 0)
        cap = Y(20000) - used
        tt = t
        while True:
            avail = (st['bal'] // 10000) * 10000
            if avail < 10000 or cap < 10000 or tt // DAY != d:
                break
            amt = min(ring['chunk'], cap, avail)
            self.ftx(tt, a, None, amt, 'atm', reg, '', 'cash_out', kind='withdrawal')
            st['bal'] -= amt
            st['send'] = max(0, st['send'] - amt)
            cap -= amt
            used += amt
            tt += self.ri(25, 110)
        st['atm'][d] = used
        if st['bal'] >= 10000:
            if tt // DAY != d:
                nt = tt
            elif tt % DAY >= int(22.5 * HOUR):
                nt = (d + 1) * DAY + self.ri(60, 900)
            else:
                nt = (d + 1) * DAY + self.ri(7 * HOUR, 23 * HOUR)
            self.push(nt, 'atm', a, reg if self.p(0.7) else self.ch(ring['cash']))
        else:
            st['cash'] = False
            if st['send'] >= Y(100) and not st['pend']:
                st['pend'] = True
                self.push(tt + self.delay(a), 'sweep', a)

    def do_counter(self, t, a):
        st = self.fs[a]
        ring = self.mule_meta[a]['ring']
        acc = self.A[a]
        reg = acc.region if acc.region[:2] == '32' else self.ch(ring['cash'])
        avail = (st['bal'] // 10000) * 10000
        if avail >= 10000:
            amt = min(avail, self.rnd(self.u(20000, 49900), 100))
            self.ftx(t, a, None, amt, 'counter', reg, '', 'cash_out', kind='withdrawal')
            st['bal'] -= amt
            st['send'] = max(0, st['send'] - amt)
        if st['bal'] >= Y(1000):
            nd = t // DAY + 1
            while nd < NDAYS and not workday(nd):
                nd += 1
            self.push(nd * DAY + int(self.u(9.2, 15.5) * HOUR), 'counter', a)
        else:
            st['cash'] = False

    def do_usettle(self, t, ui, fen):
        u = self.ushang[ui]
        out = int(fen * self.u(0.97, 1.0))     # keeps a margin, sends the rest on
        tt = t
        for x in self.split(out, self.ri(1, 2)):
            self.ftx(tt, u['a'], self.ch(u['own']), x, 'mobile', self.A[u['a']].region, '', 'otc_settlement')
            tt += self.ri(10, 600)

    def gen_ushang_background(self):
        for u in self.ushang:
            a = u['a']
            if not self.A[a].row:
                continue
            sellers = [self.remote_person_acct(young=True, supply=0.0, arch='remote_crypto_trader') for _ in range(8)]
            for d in range(NDAYS):
                if not self.p(0.35):
                    continue
                for _ in range(self.pois(1.5)):
                    t = self.t_personal(d)
                    fen = self.rnd(self.logn(8000, 0.9), 100)
                    self.tx(t, self.ch(self.buyer_pool), a, fen, 'mobile', memo='')
                    self.tx(t + self.ri(5 * MIN, 4 * HOUR), a, self.ch(sellers), self.rnd(fen / 100.0 * self.u(0.97, 0.995), 1),
                            'mobile', self.A[a].region)

    def bg_life(self, a, emps):
        emp = self.ch(emps) if self.p(0.7) else None
        for mi in range(6):
            m0 = month_day(mi, 1)
            if emp is not None:
                self.tx(self.t_at(m0 + self.ri(4, 20), 9, 12), emp, a, self.odd(self.logn(5000, 0.4)), 'other',
                        memo='工资')
            self.topups(a, m0, m0 + MLEN[mi], 0.8, 30, 800)
            if self.p(0.25):
                self.tx(self.t_personal(m0 + self.ri(0, 27)), a, None, self.rnd(self.u(300, 3000), 100), 'atm',
                        self.A[a].region, kind='withdrawal')

    def late_rows_life(self):
        """accounts at supplying institutions created after the lawful pass (e.g. out-of-region 跑分 people)"""
        emps = [self.remote_corp() for _ in range(10)]
        for a in range(self.n_lawful_accts, len(self.A)):
            acc = self.A[a]
            if acc.row and acc.role == 'paofen' and acc.owner.kind == 'paofen':
                self.bg_life(a, emps)

    # =====================================================================
    # labels
    # =====================================================================
    def make_labels(self):
        A = self.A
        self.lab_tx = []
        for v in self.victims:
            if v['reported']:
                for s in v['seqs']:
                    if self.p(0.9 if v['tri'] else 0.95):
                        self.lab_tx.append(s)
        adj = {}
        for frm, to, tk in self.fedges:
            if frm is None or to is None:
                continue
            if tk in ('layering', 'otc_trade'):
                adj.setdefault(frm, []).append(to)
        depth = {}
        order = []
        for v in self.victims:
            if v['reported'] and not v['tri']:
                for m in v['l1']:
                    if m not in depth:
                        depth[m] = 0
                        order.append(m)
        k = 0
        while k < len(order):
            a = order[k]
            k += 1
            for nb in adj.get(a, []):
                if nb not in depth and A[nb].role != 'lawful':
                    depth[nb] = depth[a] + 1
                    order.append(nb)
        lab = {}
        for a in order:
            role = A[a].role
            if role in ('ushang', 'operator'):
                pr = 0.3
            else:
                pr = {0: 0.72, 1: 0.4, 2: 0.25}.get(depth[a], 0.12)
            if self.p(pr):
                lab[a] = 'trace'
        for v in self.victims:
            if not v['reported']:
                for m in v['l1']:
                    if m not in depth and m not in lab and self.p(0.08):
                        lab[m] = 'bank'
        for b in self.brokers:
            if self.p(0.35):
                lab[b] = 'trace'
        for f in self.farmers:
            hit = False
            for c in f['cards']:
                if c in lab:
                    hit = True
            f['labelled'] = 1 if self.p(0.85 if hit else 0.3) else 0
            if f['labelled']:
                for c in f['cards']:
                    if A[c].arch == 'farmer_card_unused' and self.p(0.3):
                        lab[c] = 'farmer'
                if self.p(0.4):
                    lab[f['own']] = 'farmer'
        wrong = []
        for v in self.victims:
            if v['tri'] and v['reported'] and self.p(0.45):
                wrong.append(v['merchant'])
            elif v['rebates'] and A[v['a']].row and self.p(0.015):
                wrong.append(v['a'])
        hn = []
        for w in self.workers:
            for emp, card, t0, t1 in w['segs']:
                if t0 > 0 and A[card].row and A[card].role == 'lawful':
                    hn.append(card)
        hn += [x['a'] for x in self.sellers + self.wholesalers + self.teapot + self.landlords + self.dealers
               if A[x['a']].row and A[x['a']].role == 'lawful']
        for _ in range(self.ri(2, 4)):
            if hn:
                wrong.append(self.ch(hn))
        for a in wrong:
            if A[a].role == 'lawful' and a not in lab:
                lab[a] = 'wrong'
        self.lab_acct = lab
        for a, why in lab.items():
            A[a].label = 1
        for acc in A:
            if not acc.row:
                continue
            if acc.role != 'lawful':
                if acc.label and self.p(0.7):
                    acc.status = 'frozen'
                elif not acc.label and self.p(0.06):
                    acc.status = 'frozen'
            elif acc.label and self.p(0.5):
                acc.status = 'frozen'
            elif acc.status == 'active' and self.p(0.002):
                acc.status = 'frozen'

    # =====================================================================
    # balances, censoring, output
    # =====================================================================
    def cushion(self, a):
        arch, role = a.arch, a.role
        if role != 'lawful':
            if role == 'ushang':
                return Y(self.logn(20000, 1.0))
            if role == 'operator':
                return Y(self.logn(50000, 1.0))
            if arch in self.OLD_ARCH:
                return Y(self.logn(80, 1.2))
            return 0
        if arch in ('payment_hub', 'public_account', 'pension_payer', 'university'):
            return Y(self.u(2e8, 9e8))
        if a.corp:
            return Y(self.logn(600000, 1.0))
        if arch.startswith('elderly'):
            return Y(self.logn(50000, 0.9))
        if arch in ('resident', 'resident_secondary', 'multibank', 'credit_card', 'own_payment_account'):
            return Y(self.logn(12000, 1.0))
        if arch.startswith('worker'):
            return Y(self.logn(1500, 1.0))
        if arch.startswith('student'):
            return Y(self.logn(600, 0.8))
        if arch in ('ecommerce_seller', 'ecommerce_seller_own', 'garment_wholesaler', 'garment_wholesaler_own',
                    'teapot_seller', 'used_car_dealer', 'landlord', 'landlord_own', 'rosca_head',
                    'fabric_mill_owner', 'garment_workshop', 'potter'):
            return Y(self.logn(40000, 0.8))
        return Y(self.logn(3000, 1.0))

    def finish(self):
        A = self.A
        n = len(A)
        T = []
        for x in self.T:
            if x[9] is None:
                f, to = x[2], x[3]
                if (f is not None and x[0] >= A[f].cutoff) or (to is not None and x[0] >= A[to].cutoff):
                    continue
            T.append(x)
        T.sort(key=lambda x: (x[0], x[1]))

        def val(x):
            return x[4] if x[11] == 'CNY' else x[4] * 71 // 10

        bal = [0] * n
        mn = [0] * n
        first = [None] * n
        for x in T:
            v = val(x)
            f, to = x[2], x[3]
            if f is not None and A[f].row:
                bal[f] -= v
                if bal[f] < mn[f]:
                    mn[f] = bal[f]
                if first[f] is None:
                    first[f] = x[0]
            if to is not None and A[to].row:
                bal[to] += v
                if first[to] is None:
                    first[to] = x[0]
        init = [0] * n
        extra = []
        for a in A:
            if not a.row:
                continue
            deficit = -mn[a.i]
            if a.opened >= 0:
                if deficit > 0:
                    amt = ((deficit + 9999) // 10000) * 10000 + 10000 * self.ri(0, 5)
                    t = a.opened + self.ri(60, 600)
                    if first[a.i] is not None:
                        t = min(t, first[a.i])
                    t = max(t, a.opened)
                    extra.append((t, -1 - len(extra), None, a.i, amt, 'counter', a.region, 'deposit', '',
                                  'card_opening' if a.role != 'lawful' else None, False, 'CNY'))
            else:
                init[a.i] = deficit + self.cushion(a)
        if extra:
            T.extend(extra)
            T.sort(key=lambda x: (x[0], x[1]))
        bal = list(init)
        ob = [None] * n
        vis = []
        neg = 0
        for x in T:
            t = x[0]
            f, to = x[2], x[3]
            fa = A[f] if f is not None else None
            ta = A[to] if to is not None else None
            seen = (fa is not None and fa.row and t >= SUPPLY_START[fa.bank]) or \
                   (ta is not None and ta.row and t >= SUPPLY_START[ta.bank])
            if seen:
                if fa is not None and fa.row and ob[f] is None:
                    ob[f] = bal[f]
                if ta is not None and ta.row and ob[to] is None:
                    ob[to] = bal[to]
                vis.append(x)
            v = val(x)
            if fa is not None and fa.row:
                bal[f] -= v
                if bal[f] < 0:
                    neg += 1
            if ta is not None and ta.row:
                bal[to] += v
        for a in A:
            if a.row and ob[a.i] is None:
                ob[a.i] = bal[a.i] if a.opened < SUPPLY_START[a.bank] else 0
            if a.row and a.opened >= SUPPLY_START[a.bank]:
                ob[a.i] = 0
        self.neg = neg
        self.vis = vis
        self.ob = ob

    def write(self, out, truth):
        A = self.A
        os.makedirs(out, exist_ok=True)
        vis = self.vis
        seq2id = {}
        used_acc = [False] * len(A)
        rows = []
        for k, x in enumerate(vis):
            d = x[0] // DAY
            tid = 'SN%s%07d' % (DSTR[d].replace('-', ''), k + 1)
            seq2id[x[1]] = tid
            f, to = x[2], x[3]
            if f is not None:
                used_acc[f] = True
            if to is not None:
                used_acc[to] = True
            rows.append((tid, fmt_ts(x[0]), A[f].id if f is not None else '', A[to].id if to is not None else '',
                         fmt_amt(x[4]), x[11], x[5], x[6], x[7], x[8], 'true' if x[10] else 'false'))
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            w.writerows(rows)
        accs = [a for a in A if a.row]
        accs.sort(key=lambda a: (a.bank, a.id))
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in accs:
                w.writerow([a.id, a.bank, a.holder, fmt_abs(a.opened), a.region, a.cls, fmt_amt(self.ob[a.i]),
                            a.status])
        lab_rows = []
        for a, why in self.lab_acct.items():
            lab_rows.append(('account', A[a].id, 'mule'))
        for s in self.lab_tx:
            if s in seq2id:
                lab_rows.append(('transfer', seq2id[s], 'fraud'))
        for f in self.farmers:
            if f['labelled']:
                lab_rows.append(('holder', f['p'].hid, 'card_farmer'))
        kind_order = {'account': 0, 'transfer': 1, 'holder': 2}
        lab_rows.sort(key=lambda r: (kind_order[r[0]], r[1]))
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            w.writerows(lab_rows)
        self.n_vis_labels = len(lab_rows)
        if truth:
            farmer_lab = {}
            for f in self.farmers:
                farmer_lab[f['p'].hid] = f['labelled']
            trows = []
            for a in A:
                if not (a.row or used_acc[a.i] or a.label or a.role != 'lawful'):
                    continue
                trows.append(('account', a.id, a.bank, a.holder, 1 if a.row else 0, a.role, a.arch, a.farmer,
                              fmt_abs(a.opened), a.label, farmer_lab.get(a.holder, 0) if a.farmer else 0,
                              fmt_ts(SUPPLY_START[a.bank]) if a.bank in SUPPLY_START else ''))
            trows.sort(key=lambda r: r[1])
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                w.writerows(trows)
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for x in vis:
                    if x[9] is not None:
                        w.writerow([seq2id[x[1]], x[9]])

    # =====================================================================
    def run(self):
        self.build_population()
        self.gen_lawful()
        self.n_lawful_accts = len(self.A)
        self.mule_meta = {}
        self.fs = {}
        self.fedges = []
        self.build_candidates()
        self.build_fraud_infra()
        self.build_rings()
        self.build_farmers()
        self.plan_victims()
        self.run_sim()
        self.gen_ushang_background()
        self.late_rows_life()
        self.make_labels()
        self.finish()

    def summary(self, secs):
        A = self.A
        rows = sum(1 for a in A if a.row)
        vis = self.vis
        kinds = {}
        for x in vis:
            if x[9] is not None:
                kinds[x[9]] = kinds.get(x[9], 0) + 1
        fraud = [a for a in A if a.role != 'lawful']
        fr_rows = [a for a in fraud if a.row]
        by = {}
        for a in fraud:
            key = (a.role, a.arch)
            r_, t_ = by.get(key, (0, 0))
            by[key] = (r_ + (1 if a.row else 0), t_ + 1)
        n_vp = kinds.get('victim_payment', 0)
        seqset = set(self.lab_tx)
        vp_lab = sum(1 for x in vis if x[9] == 'victim_payment' and x[1] in seqset)
        lab_rows = sum(1 for a in fr_rows if a.label)
        lab_all = sum(1 for a in fraud if a.label)
        wrong = sum(1 for a in A if a.label and a.role == 'lawful')
        print('sunan world  variant=%s seed=%s' % (self.variant, self.seed))
        print('  accounts with rows      %d   (all accounts in world %d)' % (rows, len(A)))
        print('  transfers               %d   (generated %d, censored/unreported %d)' % (len(vis), len(self.T), len(self.T) - len(vis)))
        print('  fraud accounts          %d with rows / %d in all' % (len(fr_rows), len(fraud)))
        for key in sorted(by):
            print('    %-12s %-24s rows %4d  all %4d' % (key[0], key[1], by[key][0], by[key][1]))
        print('  card farmers            %d (labelled %d), cards %d' % (len(self.farmers), sum(f['labelled'] for f in self.farmers),
                                                                      sum(len(f['cards']) for f in self.farmers)))
        print('  victims                 %d (reported %d)' % (len(self.victims), sum(1 for v in self.victims if v['reported'])))
        print('  fraud transfers by kind ' + ', '.join('%s=%d' % (k, kinds[k]) for k in sorted(kinds)))
        print('  victim payments         %d, labelled fraud %d (%.1f%%)' % (n_vp, vp_lab, 100.0 * vp_lab / max(1, n_vp)))
        print('  mule labels             fraud accounts with rows labelled %d/%d (%.1f%%), all %d/%d (%.1f%%), wrong %d' % (
            lab_rows, len(fr_rows), 100.0 * lab_rows / max(1, len(fr_rows)), lab_all, len(fraud),
            100.0 * lab_all / max(1, len(fraud)), wrong))
        print('  negative balances       %d' % self.neg)
        print('  generation time         %.1f s' % secs)


def main():
    ap = argparse.ArgumentParser(description='synthetic 苏南 mule-account world')
    ap.add_argument('--variant', default='baseline', choices=['baseline', 'V2', 'V3'])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    t0 = _time.time()
    w = World(args.variant, args.seed)
    w.run()
    w.write(args.out, args.truth)
    w.summary(_time.time() - t0)


if __name__ == '__main__':
    main()
