#!/usr/bin/env python3
"""liaohai_world.py - a synthetic banking world of the Liaoning coast and the China-DPRK border
(辽宁沿海与中朝边境: Dalian, Dandong, Donggang, Yingkou, Zhuanghe, Kuandian), 30 days of banking.

Independent test-data generator (standard library only).  It writes, in the fanzha interchange
format v1 (docs/formats.md):

  DIR/accounts.csv   account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance,status
  DIR/transfers.csv  txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border
  DIR/labels.csv     kind,id,label           (incomplete, as an anti-fraud centre's labels are)
  with --truth also
  DIR/truth.csv            record,id,bank,holder,has_row,role,archetype,card_farmer,opened_at,labelled,
                           farmer_labelled,extract_start
  DIR/truth_transfers.csv  txn_id,kind

Usage:  liaohai_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]

Lawful life: Dandong Korean-goods wholesalers and micro-sellers paid by buyers across provinces,
border trade companies, border residents' small-scale trade (边民互市), sea-cucumber / scallop / clam
farmers, processors and wholesale markets buying before dawn, Donggang strawberry growers, brokers and
buyers, Dalian / Yingkou / Dandong port logistics (freight agents, truck drivers), shipyards,
petrochemical and equipment factories with payroll, Dalian tourism (guesthouses, drivers, guides),
universities with students from other provinces, teachers, doctors, civil servants, pensioners whose
children work elsewhere, restaurants / barbecue stalls / night markets on personal accounts, landlords,
families pooling money, labour contractors and migrant workers, seafarers paid from abroad, people with
cards at several banks, dormant accounts, large one-off payments (car, wedding, flat deposit).

Fraud: telecom-fraud victims across China pay into mule accounts (fresh, incubated, old rented or sold,
card farmers' cards, 跑分 participants); money is layered across banks and provinces and leaves by ATM
cash-out far away or near the borders, to payment-firm merchants and to USDT sellers.

Variants: baseline = an ordinary autumn month (mid-October to mid-November);
V2 = early spring (March), mostly old accounts rented or sold, slow layering (hours to days), victims
paying several times; V3 = Spring Festival month, which is also the peak of the Donggang strawberry
harvest, with fresh mules and card farmers and fast exits.
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
DAY = 86400
HOUR = 3600
MIN = 60
NDAYS = 30

# ----------------------------------------------------------------------------------------------
# geography (GB/T 2260 county-level codes)
# ----------------------------------------------------------------------------------------------
DALIAN_URBAN = ['210202', '210203', '210204', '210211']       # 中山 西岗 沙河口 甘井子
LUSHUN = '210212'        # 旅顺口区
JINZHOU = '210213'       # 金州区 (Jinshitan, port, factories)
PULANDIAN = '210214'
CHANGHAI = '210224'      # 长海县 (islands: scallops, sea cucumber, tourism)
WAFANGDIAN = '210281'
ZHUANGHE = '210283'      # 庄河市
DANDONG_URBAN = ['210602', '210603', '210604']                # 元宝 振兴 振安 (Yalu river, border)
KUANDIAN = '210624'      # 宽甸满族自治县 (border county)
DONGGANG = '210681'      # 东港市 (strawberries, seafood, Dandong port)
FENGCHENG = '210682'
YINGKOU_URBAN = ['210802', '210803', '210811']
BAYUQUAN = '210804'      # 鲅鱼圈区 (Yingkou port)
GAIZHOU = '210881'
DASHIQIAO = '210882'
OTHER_LN = ['210102', '210103', '210302', '210702', '211002', '211302']  # Shenyang, Anshan, Jinzhou, Liaoyang, Chaoyang

DALIAN_ALL = DALIAN_URBAN + [LUSHUN, JINZHOU, PULANDIAN, CHANGHAI, WAFANGDIAN, ZHUANGHE]
DANDONG_ALL = DANDONG_URBAN + [KUANDIAN, DONGGANG, FENGCHENG]
YINGKOU_ALL = YINGKOU_URBAN + [BAYUQUAN, GAIZHOU, DASHIQIAO]
BORDER_DD = ['210602', '210603', KUANDIAN, DONGGANG]

PROV = {
    '11': ['110101', '110105', '110108', '110106'],
    '12': ['120101', '120116', '120104'],
    '13': ['130102', '130104', '130203', '130602', '131002'],
    '14': ['140105', '140106', '140107'],
    '15': ['150102', '150105', '150203', '150602'],
    '22': ['220102', '220104', '220202', '222401'],
    '23': ['230102', '230103', '230202', '230602'],
    '31': ['310101', '310104', '310115', '310112'],
    '32': ['320102', '320106', '320505', '320213', '320302', '321002'],
    '33': ['330106', '330105', '330203', '330302', '330782', '330402'],
    '34': ['340104', '340103', '340202', '341302'],
    '35': ['350102', '350203', '350503', '350702'],
    '36': ['360102', '360103', '360702'],
    '37': ['370102', '370202', '370602', '371002', '371302', '370303'],
    '41': ['410102', '410105', '410302', '411302', '411102'],
    '42': ['420102', '420106', '420502', '421002', '420602'],
    '43': ['430102', '430104', '430202', '430502', '431102'],
    '44': ['440103', '440106', '440303', '440304', '440305', '441900', '440604', '440802', '445202',
           '441502', '441581', '440402'],
    '45': ['450102', '450103', '450202', '450602'],
    '46': ['460105', '460106', '460202'],
    '50': ['500103', '500105', '500106', '500112'],
    '51': ['510104', '510107', '510108', '510502', '511302'],
    '52': ['520102', '520103', '520302'],
    '53': ['530102', '530103', '532801'],
    '61': ['610103', '610113', '610302'],
    '62': ['620102', '620103'],
    '63': ['630102', '630103'],
    '64': ['640104', '640105'],
    '65': ['650102', '650103', '653101'],
}
# population-ish weights for where people (victims, buyers, tourists, families) live
PROV_W = {'44': 12, '37': 8, '41': 7, '32': 7, '51': 6, '13': 6, '33': 6, '43': 5, '42': 5, '34': 5,
          '45': 4, '53': 4, '35': 4, '36': 3, '14': 3, '61': 3, '52': 3, '50': 3, '23': 3, '22': 2,
          '11': 3, '31': 3, '12': 2, '15': 2, '62': 2, '65': 2, '46': 1, '63': 0.5, '64': 0.5}
# places where fraud cash leaves (far provinces, southern borders, northern borders, the DPRK border)
CASH_FAR = ['440303', '440304', '441900', '440604', '445202', '441502', '441581', '350503', '460105',
            '510107', '450102', '530102', '500105']
CASH_BORDER = ['533102', '533103', '532823', '532801', '532532', '450681', '451481', '222401', '222402',
               '222404', '220582', '231081', '150781', '152501', '654004'] + ['210603', KUANDIAN, DONGGANG]
# card farmers' and hired card-openers' home provinces (seed: Hubei man opening cards in other cities)
FARMER_HOME = ['42', '43', '45', '53', '52', '23', '15', '22', '36', '51']
LIAONING_OTHER_HOME = ['210102', '210103', '210302', '211302', '210702']

# ----------------------------------------------------------------------------------------------
# institutions
# ----------------------------------------------------------------------------------------------
BIN = {'ICBC': '622202', 'CCB': '621700', 'PSBC': '621799', 'DLB': '622178', 'DDB': '623186',
       'ABC': '622848', 'BOC': '621661', 'BOCOM': '622262', 'CMB': '621483', 'CIB': '622909',
       'SPDB': '621792', 'CITIC': '621773', 'CMBC': '622622', 'PAB': '623058', 'CEB': '622666',
       'HXB': '622630', 'CGB': '622568', 'YKB': '622286', 'LNRCU': '621283', 'RCU': '621336'}
CORP_PFX = {'ICBC': '3400', 'CCB': '2105', 'PSBC': '9210', 'DLB': '8001', 'DDB': '8106', 'ABC': '0617',
            'BOC': '3125', 'BOCOM': '2121', 'CMB': '4119', 'CIB': '5330', 'SPDB': '7201', 'CITIC': '8112',
            'CMBC': '6310', 'PAB': '1501', 'CEB': '3566', 'HXB': '1085', 'CGB': '9550', 'YKB': '6602',
            'LNRCU': '1120', 'RCU': '7700'}
PAYFIRMS = {'ALIPAY': '2088', 'TENPAY': '19', 'LAKALA': '822', 'SUMPAY': '8620', 'HUIFU': '6666',
            'YEEPAY': '1000', 'FUIOU': '0002', 'ALLINPAY': '5580', 'JDPAY': '1108'}
OVERSEAS = 'OVERSEAS'
LOCAL_BANKS = {
    'dl': [('ICBC', 16), ('CCB', 15), ('DLB', 14), ('ABC', 12), ('BOC', 10), ('PSBC', 8), ('BOCOM', 6),
           ('CMB', 6), ('LNRCU', 4), ('CIB', 3), ('SPDB', 2), ('CITIC', 2), ('HXB', 2)],
    'dd': [('DDB', 18), ('PSBC', 12), ('ICBC', 12), ('CCB', 12), ('ABC', 12), ('BOC', 8), ('LNRCU', 14),
           ('BOCOM', 4), ('DLB', 3), ('CMB', 3), ('CITIC', 2)],
    'yk': [('YKB', 18), ('ICBC', 14), ('CCB', 14), ('ABC', 12), ('PSBC', 10), ('BOC', 8), ('LNRCU', 10),
           ('BOCOM', 5), ('DLB', 4), ('CMB', 3), ('CEB', 2)],
    'out': [('ICBC', 14), ('CCB', 13), ('ABC', 14), ('BOC', 10), ('PSBC', 10), ('BOCOM', 5), ('CMB', 8),
            ('CIB', 4), ('SPDB', 3), ('CITIC', 3), ('CMBC', 3), ('PAB', 3), ('CEB', 2), ('HXB', 1),
            ('CGB', 2), ('RCU', 15)],
}

# ----------------------------------------------------------------------------------------------
# variants
# ----------------------------------------------------------------------------------------------
VARIANTS = {
    'baseline': dict(
        start=(2024, 10, 14), season='autumn',
        supply=['ICBC', 'CCB', 'PSBC', 'DLB', 'DDB'],
        n_victims=330, pay_dist=[(1, 60), (2, 20), (3, 10), (4, 6), (6, 4)],
        typ_w={'brushing': 16, 'ecommerce_cs': 14, 'investment': 12, 'police_gov': 8, 'loan_card': 9,
               'romance': 6, 'credit_record': 6, 'shopping_service': 8, 'game_trade': 6,
               'leader_acquaintance': 6, 'military_purchase': 2, 'fake_job': 3, 'parcel': 2,
               'accident_kidnap': 2},
        rings=7, tier1=(16, 26), tier2=(7, 12), tier3=(5, 8),
        origin={'fresh': 30, 'incubated': 30, 'rented_old': 22, 'sold_old': 18},
        hop=(150, 3 * HOUR), hold_p=0.08, hold=(3 * HOUR, 20 * HOUR),
        farmers=4, farmer_cards=(6, 11), farmer_when='before', farmer_idle=0.3, paofen=28,
        exit_mix={'atm': 45, 'usdt': 35, 'merchant': 20}, direct_exit=0.15, split_p=0.5),
    'V2': dict(
        start=(2025, 3, 3), season='spring',
        supply=['ICBC', 'ABC', 'PSBC', 'DLB'],
        n_victims=165, pay_dist=[(1, 10), (2, 14), (3, 22), (4, 20), (5, 14), (7, 12), (9, 8)],
        typ_w={'investment': 20, 'romance': 14, 'police_gov': 12, 'loan_card': 12, 'credit_record': 8,
               'brushing': 14, 'ecommerce_cs': 6, 'leader_acquaintance': 5, 'military_purchase': 4,
               'subsidy_refund': 3, 'game_trade': 2},
        rings=6, tier1=(12, 20), tier2=(6, 10), tier3=(4, 7),
        origin={'fresh': 6, 'incubated': 14, 'rented_old': 46, 'sold_old': 34},
        hop=(40 * MIN, 10 * HOUR), hold_p=0.45, hold=(10 * HOUR, 3 * DAY),
        farmers=2, farmer_cards=(5, 8), farmer_when='before', farmer_idle=0.4, paofen=14,
        exit_mix={'atm': 50, 'usdt': 35, 'merchant': 15}, direct_exit=0.05, split_p=0.55),
    'V3': dict(
        start=(2025, 1, 13), season='festival',
        supply=['CCB', 'BOC', 'PSBC', 'DLB', 'DDB'],
        n_victims=400, pay_dist=[(1, 72), (2, 18), (3, 10)],
        typ_w={'shopping_service': 16, 'brushing': 14, 'leader_acquaintance': 10, 'loan_card': 10,
               'ecommerce_cs': 10, 'accident_kidnap': 6, 'game_trade': 8, 'investment': 8,
               'police_gov': 6, 'prize': 4, 'fake_job': 4, 'romance': 4},
        rings=8, tier1=(20, 30), tier2=(8, 12), tier3=(6, 10),
        origin={'fresh': 74, 'incubated': 12, 'rented_old': 8, 'sold_old': 6},
        hop=(40, 14 * MIN), hold_p=0.0, hold=(0, 0),
        farmers=10, farmer_cards=(6, 12), farmer_when='inside', farmer_idle=0.15, paofen=40,
        exit_mix={'atm': 38, 'usdt': 42, 'merchant': 20}, direct_exit=0.35, split_p=0.45),
}

# time-of-day profiles: weights per hour 0..23
HOUR_W = {
    'day': [0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 0.6, 1.5, 3, 4, 4.5, 4.5, 4, 3.5, 4, 4, 4, 3.8, 3.5, 3.8, 4,
            3.5, 2, 0.8],
    'biz': [0, 0, 0, 0, 0, 0, 0.02, 0.3, 2, 5, 5, 4.5, 2, 3, 5, 5, 4.5, 3, 1, 0.3, 0.1, 0, 0, 0],
    'night': [2.5, 1.8, 1, 0.4, 0.1, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 1.5, 1, 0.8, 0.8, 1, 1.5, 3, 4.5,
              5, 5, 4.5, 3.5],
    'dawn': [0.3, 0.8, 2.5, 4, 5, 4.5, 3, 1.5, 0.8, 0.5, 0.3, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.1,
             0.1, 0.1, 0.1, 0.1, 0.1],
    'any': [1.5, 1, 0.8, 0.6, 0.6, 0.8, 1.2, 2, 3, 3.5, 3.5, 3.5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 2],
    'eve': [0.8, 0.3, 0.1, 0.05, 0.05, 0.1, 0.3, 0.8, 1.2, 1.5, 1.5, 1.8, 2, 1.5, 1.5, 1.5, 1.5, 2, 3, 4,
            5, 5, 4, 2],
    'late': [3, 2, 1, 0.5, 0.2, 0.1, 0.2, 0.5, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 2.5, 3, 3.5, 4, 4.5, 4],
}
HOUR_CUM = {}
for _k, _w in HOUR_W.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    HOUR_CUM[_k] = _c

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(s17):
    return ID_C[sum(int(a) * w for a, w in zip(s17, ID_W)) % 11]


def uscc_check(s17):
    t = sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W))
    r = 31 - t % 31
    return USCC_CH[0 if r == 31 else r]


def fmt_ts(ts):
    return datetime.fromtimestamp(ts, TZ).isoformat(timespec='seconds')


def fmt_fen(f):
    return '%d.%02d' % (f // 100, f % 100)


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'status', 'role', 'arch', 'tier',
                 'ring', 'win', 'frozen_at', 'origin', 'w')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.status = 'active'
        self.role = role
        self.arch = arch
        self.tier = None
        self.ring = None
        self.win = None
        self.frozen_at = None
        self.origin = None
        self.w = 1.0


class Holder:
    __slots__ = ('id', 'corp', 'home', 'farmer', 'accts')

    def __init__(self, hid, corp, home):
        self.id = hid
        self.corp = corp
        self.home = home
        self.farmer = False
        self.accts = []


# ----------------------------------------------------------------------------------------------
# the world: registry of holders and accounts, time and money helpers, the transfer log
# ----------------------------------------------------------------------------------------------
class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.cfg = VARIANTS[variant]
        self.season = self.cfg['season']
        self.rng = random.Random('liaohai48|%s|%d' % (variant, seed))
        y, m, d = self.cfg['start']
        self.start_dt = datetime(y, m, d, tzinfo=TZ)
        self.T0 = int(self.start_dt.timestamp())
        self.T_END = self.T0 + NDAYS * DAY
        self.wd0 = self.start_dt.weekday()
        self.supply = list(self.cfg['supply'])
        self.supply_set = set(self.supply)
        r = self.rng
        days = r.sample(range(0, 12), len(self.supply))
        days.sort()
        days[0] = min(days[0], 2)
        order = self.supply[:]
        r.shuffle(order)
        self.start_of = {b: self.T0 + dd * DAY for b, dd in zip(order, days)}
        self.accts = {}
        self.holders = {}
        self.txs = []
        self.seq = 0
        self.bad = 0
        self.badk = {}
        self.vic_pay = {}          # seq -> reported flag
        self.mule_accts = []
        self.farmers = []
        self.hubs = {}
        self.festival_eve = None
        if self.season == 'festival':
            # 2025-01-28 is Spring Festival eve (除夕); holiday 01-28 .. 02-04
            self.festival_eve = int((datetime(2025, 1, 28, tzinfo=TZ) - self.start_dt).total_seconds()) // DAY

    # ---------------- calendar ----------------
    def weekday(self, d):
        return (self.wd0 + d) % 7

    def dom_days(self, dom):
        out = []
        for d in range(NDAYS):
            if (self.start_dt + timedelta(days=d)).day == dom:
                out.append(d)
        return out

    def phase(self, d):
        if self.festival_eve is None:
            return 'norm'
        if d < self.festival_eve - 1:
            return 'pre'
        if d <= self.festival_eve + 7:
            return 'hol'
        return 'post'

    def sf(self, kind, d):
        """seasonal and weekly intensity of a kind of lawful activity on day d"""
        s = self.season
        wk = self.weekday(d) >= 5
        ph = self.phase(d)
        if kind == 'tourism':
            base = {'autumn': 0.55, 'spring': 0.25, 'festival': 0.3}[s]
            if wk:
                base *= 1.8
            if ph == 'hol':
                base *= 2.2
            return base
        if kind == 'strawberry':
            base = {'autumn': 0.0, 'spring': 0.55, 'festival': 1.0}[s]
            if ph == 'pre':
                base *= 1.35
            elif ph == 'hol':
                base *= 0.55
            return base
        if kind == 'seafood':
            base = {'autumn': 1.0, 'spring': 0.55, 'festival': 0.75}[s]
            if ph == 'pre':
                base *= 1.5
            elif ph == 'hol':
                base *= 0.25
            return base
        if kind == 'trade':
            base = {'autumn': 1.0, 'spring': 0.85, 'festival': 1.0}[s]
            if ph == 'pre':
                base *= 1.4
            elif ph == 'hol':
                base *= 0.12
            if wk:
                base *= 0.75
            return base
        if kind == 'port':
            base = 1.0
            if ph == 'pre':
                base *= 1.1
            elif ph == 'hol':
                base *= 0.3
            if wk:
                base *= 0.7
            return base
        if kind == 'biz':
            base = 1.0
            if wk:
                base *= 0.35
            if ph == 'hol':
                base *= 0.15
            return base
        if kind == 'food':
            base = 1.0
            if wk:
                base *= 1.35
            if ph == 'hol':
                base *= 0.6
            if s == 'autumn':
                base *= 1.1
            return base
        if kind == 'consumer':
            base = 1.0
            if wk:
                base *= 1.15
            if ph == 'pre':
                base *= 1.45
            elif ph == 'hol':
                base *= 1.25
            return base
        return 1.0

    # ---------------- randomness helpers ----------------
    def pois(self, lam):
        r = self.rng
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def ln(self, med, sig):
        return med * math.exp(self.rng.gauss(0.0, sig))

    def amt(self, med, sig, style='exact', lo=1.0, hi=None):
        """an amount in fen; style exact (2 decimals), yuan, ten, hundred, thousand, mix"""
        r = self.rng
        x = self.ln(med, sig)
        if hi is not None and x > hi:
            x = hi * (0.85 + 0.15 * r.random())
        if x < lo:
            x = lo * (1 + 0.3 * r.random())
        if style == 'mix':
            style = r.choices(['exact', 'yuan', 'ten', 'hundred'], [4, 3, 2, 2])[0]
        if style == 'exact':
            return max(1, int(round(x * 100)))
        step = {'yuan': 1, 'ten': 10, 'hundred': 100, 'thousand': 1000}[style]
        v = int(round(x / step)) * step
        if v <= 0:
            v = step
        return v * 100

    def tod(self, prof):
        r = self.rng
        h = 0
        cum = HOUR_CUM[prof]
        x = r.random() * cum[-1]
        while cum[h] < x:
            h += 1
        return h * HOUR + r.randrange(HOUR)

    def t(self, d, prof='day'):
        return self.T0 + d * DAY + self.tod(prof)

    def wchoice(self, pairs):
        return self.rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]

    # ---------------- geography ----------------
    def prov_region(self, prov=None):
        r = self.rng
        if prov is None:
            prov = r.choices(list(PROV_W), list(PROV_W.values()))[0]
        return r.choice(PROV[prov])

    def far_region(self):
        """a region outside Liaoning, weighted by population"""
        return self.prov_region()

    @staticmethod
    def group(region):
        if region.startswith('2102'):
            return 'dl'
        if region.startswith('2106'):
            return 'dd'
        if region.startswith('2108'):
            return 'yk'
        if region.startswith('21'):
            return 'dl'
        return 'out'

    def pick_bank(self, region, avoid=()):
        g = self.group(region)
        pairs = [p for p in LOCAL_BANKS[g] if p[0] not in avoid] or LOCAL_BANKS[g]
        b = self.wchoice(pairs)
        if b == 'RCU':
            b = 'RCU' + region[:2]
        return b

    def pick_supply_bank(self, region=None):
        r = self.rng
        if region is not None:
            g = self.group(region)
            pairs = [p for p in LOCAL_BANKS[g] if p[0] in self.supply_set]
            if pairs:
                return self.wchoice(pairs)
        return r.choice(self.supply)

    # ---------------- holders and accounts ----------------
    def new_person(self, home, age=(22, 60)):
        r = self.rng
        while True:
            yr = self.start_dt.year - r.randint(age[0], age[1])
            bd = datetime(yr, 1, 1) + timedelta(days=r.randrange(365))
            s17 = '%s%s%03d' % (home, bd.strftime('%Y%m%d'), r.randrange(1000))
            hid = s17 + id_check(s17)
            if hid not in self.holders:
                h = Holder(hid, False, home)
                self.holders[hid] = h
                return h

    def new_corp(self, region):
        r = self.rng
        while True:
            body = ''.join(r.choice(USCC_CH) for _ in range(9))
            s17 = '91' + region + body
            hid = s17 + uscc_check(s17)
            if hid not in self.holders:
                h = Holder(hid, True, region)
                self.holders[hid] = h
                return h

    def new_acct_id(self, bank, corp):
        r = self.rng
        while True:
            base = 'RCU' if bank.startswith('RCU') else bank
            if bank in PAYFIRMS:
                pf = PAYFIRMS[bank]
                s = pf + '%012d' % r.randrange(10 ** 12) if bank != 'TENPAY' else pf + '%08d' % r.randrange(10 ** 8)
            elif bank == OVERSEAS:
                s = r.choice(['HK', 'SG', 'KR', 'PA', 'RU']) + '%014d' % r.randrange(10 ** 14)
            elif corp:
                s = CORP_PFX[base] + '%s' % ('%015d' % r.randrange(10 ** 15))
            else:
                pfx = BIN[base]
                n = 16 if base in ('CMB', 'CITIC', 'CEB') else 19
                s = pfx + ('%0*d' % (n - 6, r.randrange(10 ** (n - 6))))
            if s not in self.accts:
                return s

    def open_acct(self, holder, bank, opened, region, cls='I', role='lawful', arch=''):
        aid = self.new_acct_id(bank, cls == 'corp')
        a = Acct(aid, bank, holder.id, int(opened), region, cls, role, arch)
        self.accts[aid] = a
        holder.accts.append(aid)
        return a

    def old_open(self, min_days=60, max_years=14.0, prof='biz'):
        r = self.rng
        days = min_days + int((r.random() ** 1.6) * max_years * 365)
        return self.T0 - days * DAY + self.tod(prof)

    def open_between(self, t_lo, t_hi, prof='biz'):
        r = self.rng
        d0 = (t_lo - self.T0) // DAY
        d1 = (t_hi - self.T0) // DAY
        for _ in range(20):
            d = r.randint(d0, max(d0, d1))
            ts = self.T0 + d * DAY + self.tod(prof)
            if t_lo <= ts <= t_hi:
                return ts
        return t_lo + r.randrange(max(1, t_hi - t_lo))

    def person_accts(self, home, region, arch, n=1, age=(22, 60), min_days=60, max_years=14.0,
                     first_bank=None, cls='I', supply_pref=0.0):
        """a lawful person with n accounts (old ones), the first optionally at a given bank"""
        r = self.rng
        h = self.new_person(home, age)
        out = []
        used = set()
        for i in range(n):
            if i == 0 and first_bank:
                b = first_bank
            elif supply_pref and r.random() < supply_pref:
                b = self.pick_supply_bank(region)
            else:
                b = self.pick_bank(region, avoid=used)
            used.add(b)
            c = cls if i == 0 else r.choice(['I', 'I', 'II'])
            out.append(self.open_acct(h, b, self.old_open(min_days, max_years), region, c, 'lawful', arch))
        return h, out

    def corp_acct(self, region, arch, bank=None, opened=None, role='lawful'):
        h = self.new_corp(region)
        b = bank or self.pick_bank(region)
        return self.open_acct(h, b, opened if opened is not None else self.old_open(200, 18.0), region,
                              'corp', role, arch)

    def has_row(self, a):
        return a.bank in self.supply_set

    def visible(self, a):
        return a.bank in self.supply_set

    # ---------------- the transfer log ----------------
    def tx(self, ts, frm, to, fen, ch='mobile', region='', memo='', kind='transfer', xb=False, tk='ordinary'):
        if fen <= 0 or ts < self.T0 or ts >= self.T_END:
            return False
        A = self.accts
        so = self.start_of
        vis = False
        if frm:
            fa = A[frm]
            if ts < fa.opened:
                self.bad += 1
                self.badk[(tk, fa.arch, 'from')] = self.badk.get((tk, fa.arch, 'from'), 0) + 1
                return False
            if fa.frozen_at is not None and ts >= fa.frozen_at:
                return False
            st = so.get(fa.bank)
            if st is not None and ts >= st:
                vis = True
        if to:
            ta = A[to]
            if ts < ta.opened:
                self.bad += 1
                self.badk[(tk, ta.arch, 'to')] = self.badk.get((tk, ta.arch, 'to'), 0) + 1
                return False
            st = so.get(ta.bank)
            if st is not None and ts >= st:
                vis = True
        if not vis:
            return False
        if ch == 'counter':
            hh = ((ts - self.T0) % DAY) // HOUR
            if hh < 8 or hh >= 17 or (self.weekday((ts - self.T0) // DAY) == 6 and hh >= 12):
                ch = 'mobile' if kind == 'transfer' else 'atm'     # branches are closed: the app or the ATM instead
        self.txs.append((ts, self.seq, frm, to, fen, ch, region, memo, kind, xb, tk))
        self.seq += 1
        return True

    def wd(self, ts, acct, fen, region, ch='atm', tk='ordinary', memo=''):
        return self.tx(ts, acct, '', fen, ch, region, memo, 'withdrawal', False, tk)

    def dep(self, ts, acct, fen, region, ch='counter', tk='ordinary', memo=''):
        return self.tx(ts, '', acct, fen, ch, region, memo, 'deposit', False, tk)

    # ==========================================================================================
    # lawful infrastructure: payment firms, merchants, utilities, employers, bank internals
    # ==========================================================================================
    def hub(self, name, make, n=1):
        if name not in self.hubs:
            self.hubs[name] = [make() for _ in range(n)]
        return self.hubs[name]

    def ext_corp(self, region, arch, bank=None):
        """a corporate account at an institution that does not supply data (if possible)"""
        r = self.rng
        if bank is None:
            for _ in range(10):
                bank = self.pick_bank(region)
                if bank not in self.supply_set:
                    break
            if bank in self.supply_set:
                bank = 'CMB'
        return self.corp_acct(region, arch, bank)

    def payfirm_acct(self, firm, arch, region='110108', cls='corp', role='lawful'):
        h = self.new_corp(region)
        return self.open_acct(h, firm, self.old_open(400, 10.0), region, cls, role, arch)

    def mk_hubs(self):
        r = self.rng
        H = self.hubs
        H['tenpay'] = [self.payfirm_acct('TENPAY', 'settlement', '440305').id for _ in range(3)]
        H['alipay'] = [self.payfirm_acct('ALIPAY', 'settlement', '330106').id for _ in range(3)]
        H['jd'] = [self.payfirm_acct('JDPAY', 'settlement', '110105').id for _ in range(2)]
        H['ota'] = [self.payfirm_acct(r.choice(['ALIPAY', 'TENPAY']), 'ota_settlement', '310115').id
                    for _ in range(2)]
        H['douyin'] = [self.payfirm_acct('HUIFU', 'platform_settlement', '110108').id]
        for g, regs in (('dl', DALIAN_URBAN + [JINZHOU]), ('dd', DANDONG_URBAN + [DONGGANG]),
                        ('yk', YINGKOU_URBAN + [BAYUQUAN])):
            H['super_' + g] = [self.corp_acct(r.choice(regs), 'supermarket').id for _ in range(4 if g == 'dl' else 2)]
            H['pharm_' + g] = [self.corp_acct(r.choice(regs), 'pharmacy').id for _ in range(2)]
            H['util_' + g] = [self.corp_acct(regs[0], k).id for k in ('state_grid', 'heating', 'water', 'gas')]
            H['fuel_' + g] = [self.corp_acct(r.choice(regs), 'fuel_station').id for _ in range(2)]
            H['hospital_' + g] = [self.corp_acct(regs[0], 'hospital_fees').id for _ in range(2)]
            H['ss_' + g] = [self.corp_acct(regs[0], 'social_security_fund',
                                           bank=self.pick_supply_bank(regs[0])).id]
        H['telecom'] = [self.corp_acct(r.choice(['210102', '210202']), k).id for k in ('china_mobile', 'china_unicom', 'china_telecom')]
        H['fuel_out'] = [self.ext_corp(self.far_region(), 'fuel_station').id for _ in range(25)]
        H['merch_out'] = [self.ext_corp(self.far_region(), 'merchant').id for _ in range(30)]
        H['etc'] = [self.corp_acct('210102', 'etc_toll').id, self.ext_corp('370102', 'etc_toll').id]
        H['express'] = [self.corp_acct(r.choice(DALIAN_URBAN + DANDONG_URBAN), k).id
                        for k in ('sf_express', 'jd_logistics', 'zto_express', 'cold_chain')]
        H['car_dealer'] = [self.corp_acct(r.choice(DALIAN_ALL[:6] + DANDONG_URBAN + YINGKOU_URBAN), 'car_dealer').id for _ in range(7)]
        H['developer'] = [self.corp_acct(r.choice(DALIAN_ALL[:6] + DANDONG_URBAN + YINGKOU_URBAN + [BAYUQUAN]), 'property_developer').id for _ in range(7)]
        H['wedding'] = [self.corp_acct(r.choice(DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN + [ZHUANGHE, DONGGANG]), 'wedding_hotel').id for _ in range(8)]
        H['jewelry'] = [self.corp_acct(r.choice(DALIAN_URBAN + DANDONG_URBAN), 'jewelry').id for _ in range(3)]
        H['customs'] = [self.corp_acct('210603', 'customs_duty', bank='BOC').id, self.corp_acct('210202', 'customs_duty', bank='BOC').id]
        H['tax'] = [self.corp_acct('210202', 'tax_bureau').id, self.corp_acct('210603', 'tax_bureau').id]
        H['port'] = [self.corp_acct('210211', 'port_group').id, self.corp_acct(BAYUQUAN, 'port_group').id,
                     self.corp_acct(DONGGANG, 'port_group').id]
        H['overseas_manning'] = [self.open_acct(self.new_corp('810000'), OVERSEAS, self.old_open(800, 10), '', 'corp', 'lawful', 'overseas_manning').id for _ in range(8)]
        H['overseas_supplier'] = [self.open_acct(self.new_corp('810000'), OVERSEAS, self.old_open(800, 10), '', 'corp', 'lawful', 'overseas_supplier').id for _ in range(10)]
        H['out_employer'] = [self.ext_corp(self.far_region(), 'employer_out').id for _ in range(60)]
        H['out_corp'] = [self.ext_corp(self.far_region(), 'company_out').id for _ in range(120)]
        H['seed_feed'] = [self.corp_acct(r.choice([ZHUANGHE, JINZHOU, DONGGANG, CHANGHAI]), 'aquaculture_supplies').id for _ in range(6)]
        H['farm_inputs'] = [self.corp_acct(DONGGANG, 'farm_supplies').id for _ in range(5)]
        H['packing'] = [self.corp_acct(DONGGANG, 'packing').id for _ in range(4)]
        H['beverage'] = [self.corp_acct(r.choice(DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN), 'beer_distributor').id for _ in range(5)]
        H['construction'] = [self.corp_acct(r.choice(DALIAN_ALL[:6] + YINGKOU_URBAN), 'construction_company').id for _ in range(8)]
        H['travel_agency'] = [self.corp_acct(r.choice(DALIAN_URBAN + DANDONG_URBAN), 'travel_agency').id for _ in range(8)]
        self.bank_internal = {}
        self.pools = {}

    def internal(self, bank):
        """the bank's own account for loan and credit-card repayments"""
        if bank not in self.bank_internal:
            base = 'RCU' if bank.startswith('RCU') else bank
            if bank in PAYFIRMS or bank == OVERSEAS:
                base = 'CMB'
            h = self.new_corp('110102' if not bank.startswith('RCU') else bank[3:5] + '0102')
            a = self.open_acct(h, bank if bank not in PAYFIRMS and bank != OVERSEAS else base,
                               self.old_open(3000, 5.0), '210202', 'corp', 'lawful', 'bank_internal')
            self.bank_internal[bank] = a.id
        return self.bank_internal[bank]

    def mk_employers(self):
        r = self.rng
        spec = [
            # kind, count, regions, payday, wage median, staff range
            ('school', 28, DALIAN_ALL + DANDONG_ALL + YINGKOU_ALL, 10, 6300, (15, 45)),
            ('hospital', 7, DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN, 15, 7800, (25, 60)),
            ('government', 6, DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN + [ZHUANGHE, DONGGANG, KUANDIAN], 5, 6900, (20, 50)),
            ('shipyard', 2, ['210211', JINZHOU], 10, 7600, (90, 140)),
            ('petrochemical', 3, ['210211', BAYUQUAN, JINZHOU], 12, 8600, (40, 80)),
            ('equipment', 6, [JINZHOU, WAFANGDIAN, '210211', BAYUQUAN, DASHIQIAO, '210604'], 15, 6100, (25, 60)),
            ('port', 3, ['210211', BAYUQUAN, DONGGANG], 10, 7100, (25, 50)),
            ('logistics', 6, ['210211', JINZHOU, BAYUQUAN, DONGGANG], 20, 5600, (8, 20)),
            ('university', 5, ['210211', LUSHUN, '210204', JINZHOU], 8, 9200, (20, 40)),
            ('seafood_processor', 10, [ZHUANGHE, DONGGANG, JINZHOU, CHANGHAI, LUSHUN], 25, 4300, (10, 30)),
            ('sme', 45, DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN + [JINZHOU, DONGGANG], 25, 4600, (3, 10)),
        ]
        self.employers = []
        for kind, n, regs, payday, wage, staff in spec:
            for _ in range(n):
                reg = r.choice(regs)
                bank = self.pick_supply_bank(reg) if r.random() < 0.65 else self.pick_bank(reg)
                a = self.corp_acct(reg, kind, bank=bank)
                dom = payday if r.random() < 0.7 else r.choice([5, 8, 10, 12, 15, 20, 25, 28])
                self.employers.append(dict(acct=a.id, kind=kind, region=reg, dom=dom, wage=wage,
                                           staff=r.randint(*staff), payroll=[]))
        self.emp_by_kind = {}
        for e in self.employers:
            self.emp_by_kind.setdefault(e['kind'], []).append(e)

    # ==========================================================================================
    # everyday life primitives
    # ==========================================================================================
    SINKS = [('tenpay', 36), ('alipay', 28), ('super', 12), ('fuel', 4), ('pharm', 3), ('util', 4),
             ('telecom', 3), ('jd', 4), ('food', 6)]
    SINKS_OUT = [('tenpay', 40), ('alipay', 34), ('merch_out', 18), ('jd', 8)]

    def sink(self, g, kind):
        r = self.rng
        H = self.hubs
        if kind in ('super', 'pharm', 'util', 'fuel'):
            return r.choice(H[kind + '_' + (g if g != 'out' else 'dl')]), 'pos' if kind != 'util' else r.choice(['online', 'mobile'])
        if kind == 'food':
            lst = self.food_by_group.get(g) or self.food_by_group['dl']
            return r.choice(lst), 'mobile'
        if kind == 'telecom':
            return r.choice(H['telecom']), 'mobile'
        if kind == 'merch_out':
            return r.choice(H['merch_out']), 'pos'
        return r.choice(H[kind]), r.choice(['mobile', 'mobile', 'mobile', 'online'])

    SINK_AMT = {'tenpay': (150, 1.0, 'mix'), 'alipay': (170, 1.0, 'mix'), 'super': (160, 0.8, 'exact'),
                'fuel': (300, 0.35, 'exact'), 'pharm': (85, 0.7, 'exact'), 'util': (190, 0.6, 'exact'),
                'telecom': (80, 0.5, 'ten'), 'jd': (210, 1.0, 'exact'), 'food': (110, 0.7, 'exact'),
                'merch_out': (180, 0.9, 'exact')}

    def spend(self, aid, lam, region, prof='day', d_lo=0, d_hi=NDAYS, scale=1.0, out=False, sf='consumer'):
        r = self.rng
        if region and not region.startswith('21'):
            out = True
        g = 'out' if out else self.group(region)
        op = self.accts[aid].opened
        if op >= self.T0:
            d_lo = max(d_lo, (op - self.T0) // DAY + 1)
            if d_lo >= d_hi:
                return
        sinks = self.SINKS_OUT if out else self.SINKS
        names = [s[0] for s in sinks]
        ws = [s[1] for s in sinks]
        n = self.pois(lam * self.spend_mult * (d_hi - d_lo) / NDAYS)
        for _ in range(n):
            d = r.randrange(d_lo, d_hi)
            if r.random() > min(1.0, self.sf(sf, d) / 1.5):
                continue
            k = r.choices(names, ws)[0]
            to, ch = self.sink(g, k)
            med, sig, st = self.SINK_AMT[k]
            f = self.amt(med * scale, sig, st)
            reg = region if r.random() > 0.08 else ''
            self.tx(self.t(d, prof), aid, to, f, ch, reg)

    def atm(self, aid, d, region, med=800, sig=0.6, prof='day', ch='atm'):
        f = self.amt(med, sig, 'hundred', lo=100, hi=20000 if ch == 'atm' else None)
        return self.wd(self.t(d, prof), aid, f, region, ch)

    def ext_person(self, arch, prov=None, region=None, supply_p=0.12, age=(22, 60), min_days=120):
        """a person at another place; usually at an institution that supplies no data"""
        r = self.rng
        reg = region or self.prov_region(prov)
        h = self.new_person(reg, age)
        bank = None
        want_supply = r.random() < supply_p
        for _ in range(12):
            b = self.pick_bank(reg)
            if (b in self.supply_set) == want_supply:
                bank = b
                break
        if bank is None:
            bank = r.choice(self.supply) if want_supply else ('RCU' + reg[:2] if not reg.startswith('21') else 'LNRCU')
            if bank in self.supply_set and not want_supply:
                bank = 'CMB'
        a = self.open_acct(h, bank, self.old_open(min_days, 12.0), reg, 'I', 'lawful', arch)
        if bank in self.supply_set:
            self.light_life(a)
        return a

    def light_life(self, a, income=True):
        """ordinary activity for an account with a row whose holder lives elsewhere"""
        r = self.rng
        out = not a.region.startswith('21')
        if income:
            emp = r.choice(self.hubs['out_employer']) if out else r.choice(self.employers)['acct']
            days = self.dom_days(r.choice([5, 8, 10, 15, 20, 25]))
            for d in days:
                self.tx(self.T0 + d * DAY + 9 * HOUR + r.randrange(2 * HOUR), emp, a.id,
                        self.amt(5200, 0.4, 'exact'), 'other', a.region, r.choice(['工资', '代发工资', '']))
        self.spend(a.id, r.uniform(5, 14), a.region, out=out)
        if r.random() < 0.3:
            self.atm(a.id, r.randrange(NDAYS), a.region)

    # ==========================================================================================
    # lawful population: creation of businesses (activity comes later, once everyone exists)
    # ==========================================================================================
    def local_person(self, region, arch, n=1, age=(22, 60), home=None, min_days=60, max_years=14.0,
                     first_bank=None, supply_pref=0.0, pool=True):
        r = self.rng
        if home is None:
            home = region if r.random() < 0.8 else r.choice(LIAONING_OTHER_HOME + [region])
        h, accs = self.person_accts(home, region, arch, n, age, min_days, max_years, first_bank,
                                    supply_pref=supply_pref)
        if pool and accs[0].opened < self.T0:
            self.local_pool.append(accs[0].id)
        return h, accs

    def mk_businesses(self):
        r = self.rng
        self.local_pool = []
        # restaurants, barbecue stalls, night-market stalls (personal accounts)
        self.food = []
        self.food_by_group = {}
        for g, n, regs in (('dl', 95, DALIAN_URBAN + [JINZHOU, LUSHUN, ZHUANGHE]),
                           ('dd', 45, DANDONG_URBAN + [DONGGANG, KUANDIAN]),
                           ('yk', 28, YINGKOU_URBAN + [BAYUQUAN])):
            for _ in range(n):
                reg = r.choice(regs)
                kind = r.choice(['bbq_stall', 'night_market_stall', 'restaurant', 'seafood_restaurant', 'noodle_shop'])
                h, accs = self.local_person(reg, kind, 1 + (r.random() < 0.4), age=(25, 58), supply_pref=0.5)
                if r.random() < 0.1:   # a new stall or a new card for the business
                    accs[0].opened = self.old_open(8, 0.25)
                self.food.append(dict(acct=accs[0].id, other=[a.id for a in accs[1:]], region=reg, kind=kind, g=g,
                                      size=self.ln(1.0, 0.5)))
                self.food_by_group.setdefault(g, []).append(accs[0].id)
        # landlords
        self.landlords = []
        for _ in range(140):
            reg = r.choice(DALIAN_URBAN * 3 + [JINZHOU, LUSHUN] + DANDONG_URBAN + YINGKOU_URBAN + [BAYUQUAN])
            h, accs = self.local_person(reg, 'landlord', 1 + (r.random() < 0.5), age=(35, 70), supply_pref=0.4)
            self.landlords.append(dict(acct=accs[0].id, other=[a.id for a in accs[1:]], region=reg, units=r.randint(1, 6)))
        # seafood: farmers / fishermen, farm workers, wholesale-market traders, processors
        self.sea_farmers = []
        for _ in range(220):
            reg = self.wchoice([(ZHUANGHE, 30), (CHANGHAI, 15), (JINZHOU, 10), (LUSHUN, 10), (DONGGANG, 20),
                                (PULANDIAN, 5), (WAFANGDIAN, 5), (GAIZHOU, 5)])
            kind = self.wchoice([('sea_cucumber_farmer', 45), ('scallop_farmer', 20), ('clam_farmer', 20), ('fisherman', 15)])
            h, accs = self.local_person(reg, kind, 1 + (r.random() < 0.45), age=(30, 65), home=reg, supply_pref=0.3)
            self.sea_farmers.append(dict(acct=accs[0].id, other=[a.id for a in accs[1:]], region=reg, kind=kind,
                                         size=self.ln(1.0, 0.7)))
        self.farm_workers = []
        for _ in range(170):
            reg = r.choice([ZHUANGHE, CHANGHAI, DONGGANG, JINZHOU, LUSHUN, DONGGANG, KUANDIAN, FENGCHENG])
            home = reg if r.random() < 0.6 else self.prov_region(r.choice(['23', '22', '15', '37']))
            h, accs = self.local_person(reg, 'farm_worker', 1, age=(25, 62), home=home)
            self.farm_workers.append(accs[0].id)
        self.sea_traders = []
        for _ in range(105):
            reg = self.wchoice([('210211', 30), (JINZHOU, 15), ('210603', 15), (DONGGANG, 20), (BAYUQUAN, 10), (ZHUANGHE, 10)])
            h, accs = self.local_person(reg, 'seafood_trader', 1 + (r.random() < 0.5), age=(28, 60), supply_pref=0.45)
            if r.random() < 0.08:
                accs[0].opened = self.old_open(20, 0.3)
            self.sea_traders.append(dict(acct=accs[0].id, other=[a.id for a in accs[1:]], region=reg,
                                         buyers=[], size=self.ln(1.0, 0.6)))
        self.processors = [dict(acct=e['acct'], region=e['region'], buyers=[]) for e in self.emp_by_kind['seafood_processor']]
        for _ in range(10):
            reg = r.choice([ZHUANGHE, DONGGANG, JINZHOU, CHANGHAI])
            self.processors.append(dict(acct=self.corp_acct(reg, 'seafood_processor').id, region=reg, buyers=[]))
        # strawberries (Donggang)
        self.growers = []
        for _ in range(250):
            reg = DONGGANG if r.random() < 0.9 else FENGCHENG
            h, accs = self.local_person(reg, 'strawberry_grower', 1 + (r.random() < 0.35), age=(30, 66), home=reg,
                                        supply_pref=0.25)
            self.growers.append(dict(acct=accs[0].id, other=[a.id for a in accs[1:]], region=reg, size=self.ln(1.0, 0.5)))
        self.brokers = []
        for _ in range(34):
            h, accs = self.local_person(DONGGANG, 'strawberry_broker', 1 + (r.random() < 0.5), age=(28, 58), home=DONGGANG,
                                        supply_pref=0.5)
            a = accs[0]
            x = r.random()
            if self.season != 'autumn' and x < 0.18:
                a.opened = self.open_between(self.T0, self.T0 + 12 * DAY)          # a new card for the season
            elif x < 0.45:
                a.opened = self.T0 - r.randint(10, 80) * DAY + self.tod('biz')
            self.brokers.append(dict(acct=a.id, other=[b.id for b in accs[1:]], buyers=[], size=self.ln(1.0, 0.5)))
        # Dandong Korean-goods trade
        self.kwholesale = []
        for i in range(52):
            reg = self.wchoice([('210602', 40), ('210603', 35), ('210604', 10), (DONGGANG, 15)])
            if i < 34:
                h, accs = self.local_person(reg, 'korean_goods_wholesaler', 1 + (r.random() < 0.5), age=(28, 60),
                                            supply_pref=0.5)
                a = accs[0]
            else:
                a = self.corp_acct(reg, 'korean_goods_wholesaler', bank=self.pick_supply_bank(reg) if r.random() < 0.6 else None)
            x = r.random()
            if x < 0.08:
                a.opened = self.open_between(self.T0, self.T0 + 15 * DAY)
            elif x < 0.25:
                a.opened = self.T0 - r.randint(10, 90) * DAY + self.tod('biz')
            self.kwholesale.append(dict(acct=a.id, region=reg, buyers=[], size=self.ln(1.0, 0.6),
                                        cash=r.random() < 0.3, corp=i >= 34))
        self.kmicro = []
        for i in range(18):
            reg = r.choice(['210602', '210603', DONGGANG, '210202'])
            h, accs = self.local_person(reg, 'korean_goods_microseller', 1, age=(22, 45), supply_pref=0.5)
            a = accs[0]
            x = r.random()
            if x < 0.15:
                a.opened = self.open_between(self.T0, self.T0 + 15 * DAY)
            elif x < 0.4:
                a.opened = self.T0 - r.randint(10, 120) * DAY + self.tod('day')
            self.kmicro.append(dict(acct=a.id, region=reg, buyers=[], size=self.ln(1.0, 0.5)))
        self.btrade = [dict(acct=self.corp_acct(r.choice(['210603', '210602', '210604', DONGGANG]), 'border_trade_company').id)
                       for _ in range(22)]
        self.hushi_buyers = [self.corp_acct(r.choice(['210603', '210602', '210604']), 'hushi_trading_company').id for _ in range(8)]
        self.hushi_coops = [dict(acct=self.corp_acct(reg, 'hushi_cooperative').id, region=reg,
                                 days=r.choice([(0, 2, 4), (1, 3, 5), (0, 1, 3, 4), (1, 2, 4, 5)]))
                            for reg in ('210603', '210603', '210603', KUANDIAN, KUANDIAN, DONGGANG)]
        # port logistics
        self.agents = []
        for i in range(44):
            reg = self.wchoice([('210211', 35), (JINZHOU, 20), (BAYUQUAN, 30), (DONGGANG, 15)])
            if i < 26:
                h, accs = self.local_person(reg, 'freight_agent', 1 + (r.random() < 0.5), age=(26, 55), supply_pref=0.5)
                a = accs[0]
            else:
                a = self.corp_acct(reg, 'freight_agent', bank=self.pick_supply_bank(reg) if r.random() < 0.6 else None)
            if r.random() < 0.1:
                a.opened = self.T0 - r.randint(5, 60) * DAY + self.tod('biz')
            self.agents.append(dict(acct=a.id, region=reg, shippers=[], drivers=[], size=self.ln(1.0, 0.6)))
        # tourism
        self.guesthouses = []
        for _ in range(70):
            reg = self.wchoice([(JINZHOU, 25), (LUSHUN, 12), (CHANGHAI, 15), ('210202', 12), (KUANDIAN, 12),
                                ('210603', 12), (DONGGANG, 12)])
            h, accs = self.local_person(reg, 'guesthouse', 1 + (r.random() < 0.4), age=(28, 62), supply_pref=0.4)
            a = accs[0]
            x = r.random()
            if x < 0.06:
                a.opened = self.open_between(self.T0, self.T0 + 10 * DAY)
            elif x < 0.25:
                a.opened = self.T0 - r.randint(20, 300) * DAY + self.tod('biz')
            self.guesthouses.append(dict(acct=a.id, region=reg, size=self.ln(1.0, 0.5)))
        self.tdrivers = []
        for _ in range(50):
            reg = r.choice(['210202', '210204', '210211', JINZHOU, '210603', '210603'])
            h, accs = self.local_person(reg, 'tourist_driver', 1, age=(28, 58), supply_pref=0.4)
            self.tdrivers.append(dict(acct=accs[0].id, region=reg))
        self.guides = []
        for _ in range(50):
            reg = r.choice(['210202', '210204', '210203', '210603', JINZHOU])
            h, accs = self.local_person(reg, 'tour_guide', 1, age=(22, 50), supply_pref=0.4)
            self.guides.append(dict(acct=accs[0].id, region=reg))
        # labour contractors
        self.contractors = []
        for _ in range(18):
            reg = r.choice(DALIAN_URBAN + [JINZHOU, BAYUQUAN, '210803'])
            home = self.prov_region(r.choice(['51', '41', '23', '13', '50', '34']))
            h, accs = self.local_person(reg, 'labour_contractor', 1 + (r.random() < 0.5), age=(35, 58), home=home,
                                        supply_pref=0.5)
            self.contractors.append(dict(acct=accs[0].id, region=reg, workers=[], company=r.choice(self.hubs['construction'])))
        # online shops selling local products
        self.eshops = []
        for _ in range(45):
            reg = r.choice(DALIAN_URBAN + ['210603', DONGGANG, ZHUANGHE])
            h, accs = self.local_person(reg, 'online_shop', 1, age=(22, 48), supply_pref=0.5)
            if r.random() < 0.1:
                accs[0].opened = self.T0 - r.randint(10, 60) * DAY + self.tod('day')
            self.eshops.append(dict(acct=accs[0].id, region=reg, size=self.ln(1.0, 0.6)))
        self.crewing = [self.corp_acct(r.choice(['210202', '210203', '210211']), 'crewing_agency').id for _ in range(5)]
        self.local_pool = [a for a in self.local_pool if self.accts[a].opened < self.T0]
        self.student_accts = []
        self.tenant_pool = []
        self.family_pool = []

    def pooled(self, key, cap, make, reuse_p=0.25):
        r = self.rng
        pool = self.pools.setdefault(key, [])
        if pool and (len(pool) >= cap or r.random() < reuse_p):
            return r.choice(pool)
        a = make()
        pool.append(a)
        return a

    def tourist(self):
        cap = {'autumn': 520, 'spring': 330, 'festival': 320}[self.season]
        return self.pooled('tourist', cap, lambda: self.ext_person('tourist', supply_p=0.08, age=(20, 65)).id, 0.3)

    def consumer(self):
        return self.pooled('consumer', 360, lambda: self.ext_person('online_consumer', supply_p=0.07, age=(20, 60)).id, 0.3)

    def buyers_of(self, biz, n, corp_p=0.4, ln_p=0.15, arch='buyer', prov_w=None, cap=240):
        r = self.rng
        if not biz['buyers']:
            seen = set()
            for _ in range(n):
                x = r.random()
                if x < ln_p and self.local_pool:
                    b = r.choice(self.local_pool)
                elif x < ln_p + corp_p:
                    if r.random() < 0.4:
                        b = r.choice(self.hubs['out_corp'])
                    else:
                        b = self.pooled(arch + '_corp', cap // 3, lambda: self.ext_corp(self.prov_region(prov_w and self.wchoice(prov_w)), arch).id, 0.2)
                else:
                    b = self.pooled(arch, cap, lambda: self.ext_person(arch, prov=prov_w and self.wchoice(prov_w), supply_p=0.08).id, 0.2)
                if b not in seen:
                    seen.add(b)
                    biz['buyers'].append(b)
        return biz['buyers']

    # ==========================================================================================
    # lawful people
    # ==========================================================================================
    def family_acct(self, home_region, age=(40, 70)):
        """a relative living at home in another province (usually an external account)"""
        a = self.ext_person('family', region=self.rng.choice(PROV[home_region[:2]]) if home_region[:2] in PROV else home_region,
                            supply_p=0.12, age=age)
        return a.id

    def person_life(self, accs, region, wage=0.0, paydays=(), home=None, lam=16.0, prof='day', remit=0.0):
        r = self.rng
        main = accs[0]
        scale = max(0.5, min(2.0, (wage or 4000) / 5500.0))
        self.spend(main.id, lam, region, prof, scale=scale)
        if r.random() < 0.3:       # mortgage or car loan instalment
            inst = self.amt(2600 * scale, 0.35, 'exact')
            for d in self.dom_days(r.choice([15, 18, 20, 22, 25, 28])):
                self.tx(self.T0 + d * DAY + r.randrange(6 * HOUR, 22 * HOUR), main.id, self.internal(main.bank), inst,
                        'other', '', r.choice(['', '贷款还款', '']))
        if r.random() < 0.3:       # credit-card repayment
            d = r.randrange(NDAYS)
            self.tx(self.t(d, 'eve'), main.id, self.internal(r.choice([main.bank] + [a.bank for a in accs])),
                    self.amt(2200 * scale, 0.8, 'exact'), 'mobile', region, '信用卡还款' if r.random() < 0.3 else '')
        pd = paydays[0] if paydays else r.randrange(NDAYS)
        for other in accs[1:]:
            if r.random() < 0.55:
                for _ in range(1 + (r.random() < 0.4)):
                    d = min(NDAYS - 1, pd + r.randint(0, 4)) if r.random() < 0.6 else r.randrange(NDAYS)
                    self.tx(self.t(d, 'eve'), main.id, other.id, self.amt(2500 * scale, 0.8, 'hundred', lo=200),
                            r.choice(['mobile', 'mobile', 'online']), region)
                self.spend(other.id, 5.0, region, prof, scale=scale)
                if r.random() < 0.25:
                    self.tx(self.t(r.randrange(NDAYS), 'eve'), other.id, main.id, self.amt(800 * scale, 0.7, 'hundred'),
                            'mobile', region)
        if remit > 0 and home:
            fam = self.family_acct(home)
            for d in (paydays or [r.randrange(NDAYS)]):
                d2 = min(NDAYS - 1, d + r.choice([0, 0, 1, 1, 2, 3, 5]))
                f = int(wage * remit * r.uniform(0.8, 1.1) / 100 + 1) * 100 * 100
                self.tx(self.t(d2, 'eve'), main.id, fam, f, 'mobile', region, r.choice(['', '', '家用', '生活费']))
        elif r.random() < 0.18 and self.local_pool:
            rel = r.choice(self.local_pool)
            if rel != main.id:
                self.tx(self.t(r.randrange(NDAYS), 'eve'), main.id, rel, self.amt(1000, 0.7, 'hundred'), 'mobile', region)
        for _ in range(self.pois(0.7)):
            self.atm(main.id, r.randrange(NDAYS), region)

    def gen_salaried(self):
        r = self.rng
        migr_kinds = ('shipyard', 'equipment', 'petrochemical', 'seafood_processor', 'logistics', 'port')
        batch_emp = None
        if self.variant == 'V2' or r.random() < 0.5:
            batch_emp = r.choice(self.emp_by_kind['shipyard'] + self.emp_by_kind['equipment'])
        for e in self.employers:
            ea = self.accts[e['acct']]
            n = max(2, int(e['staff'] * self.staff_scale))
            for i in range(n):
                migrant = e['kind'] in migr_kinds and r.random() < 0.4
                home = self.prov_region(r.choice(['37', '23', '22', '13', '51', '41', '15', '34'])) if migrant else None
                reg = e['region'] if r.random() < 0.6 else r.choice(
                    {'dl': DALIAN_URBAN + [JINZHOU], 'dd': DANDONG_URBAN, 'yk': YINGKOU_URBAN + [BAYUQUAN]}[self.group(e['region'])])
                nacc = 1 + (r.random() < 0.35) + (r.random() < 0.1)
                fb = ea.bank if (r.random() < 0.85 and ea.bank in BIN) else None
                h, accs = self.local_person(reg, e['kind'] + '_staff' if not migrant else 'migrant_worker', nacc,
                                            age=(21, 59), home=home, first_bank=fb)
                if r.random() < 0.03:          # a new hire with a new salary card
                    accs[0].opened = self.open_between(self.T0, self.T0 + 20 * DAY)
                    accs[0].arch = 'new_hire'
                wage = self.ln(e['wage'], 0.3)
                e['payroll'].append((accs[0].id, wage))
                if migrant:
                    self.tenant_pool.append(accs[0].id)
                elif r.random() < 0.12:
                    self.tenant_pool.append(accs[0].id)
                pdays = [d for d in self.dom_days(e['dom'])]
                self.person_life(accs, reg, wage, pdays, home, lam=r.uniform(9, 24),
                                 remit=r.uniform(0.4, 0.7) if migrant else 0.0)
            if e is batch_emp:     # a batch of payroll cards opened for new hires on one day
                bd = r.randint(1, 12)
                ts0 = self.T0 + bd * DAY + 9 * HOUR + r.randrange(2 * HOUR)
                for j in range(r.randint(18, 36)):
                    home = self.prov_region(r.choice(['37', '23', '22', '13', '51', '41', '15', '34', '62', '42']))
                    h = self.new_person(home, (19, 45))
                    a = self.open_acct(h, ea.bank if ea.bank in BIN else self.pick_supply_bank(e['region']),
                                       ts0 + j * r.randint(120, 600), e['region'], 'I', 'lawful', 'new_hire_batch')
                    self.dep(a.opened + r.randint(30, 300), a.id, r.choice([1000, 2000, 5000, 10000]), e['region'])
                    if r.random() < 0.6:
                        self.spend(a.id, 6, e['region'], d_lo=bd + 1)
                    e['payroll'].append((a.id, self.ln(e['wage'] * 0.8, 0.2)))

    def run_payroll(self):
        r = self.rng
        for e in self.employers:
            days = self.dom_days(e['dom'])
            ea = self.accts[e['acct']]
            tot = 0
            for d in days:
                dd = d
                while self.weekday(dd) >= 5 and dd > 0:
                    dd -= 1
                ts = self.T0 + dd * DAY + 9 * HOUR + r.randrange(2 * HOUR)
                for k, (aid, wage) in enumerate(e['payroll']):
                    if self.accts[aid].opened >= ts:
                        continue
                    f = self.amt(wage, 0.06, 'exact')
                    tot += f
                    self.tx(ts + k // 20, e['acct'], aid, f, 'other', ea.region, r.choice(['工资', '代发工资', '工资', '']))
            # money coming in: fiscal allocation, customers, group company
            for _ in range(self.pois(5)):
                d = r.randrange(NDAYS)
                src = r.choice(self.hubs['out_corp'] + self.hubs['tax'] if e['kind'] in ('school', 'hospital', 'government', 'university')
                               else self.hubs['out_corp'])
                self.tx(self.t(d, 'biz'), src, e['acct'], self.amt(max(30000, tot / 3.0 / 100), 0.5, 'exact'), 'online', '')
            for _ in range(self.pois(3)):
                d = r.randrange(NDAYS)
                self.tx(self.t(d, 'biz'), e['acct'], r.choice(self.hubs['out_corp'] + self.hubs['tax'] + self.hubs['util_dl']),
                        self.amt(60000, 0.9, 'exact'), 'online', '')
            if e['kind'] == 'hospital' or e['kind'] == 'university':
                for _ in range(self.pois(8)):
                    self.tx(self.t(r.randrange(NDAYS), 'biz'), e['acct'], r.choice(self.hubs['out_corp']),
                            self.amt(25000, 0.8, 'exact'), 'online', '')

    def gen_pensioners(self, n):
        r = self.rng
        pbanks = {'dl': [('ICBC', 3), ('PSBC', 3), ('CCB', 2), ('DLB', 2), ('ABC', 1)],
                  'dd': [('PSBC', 3), ('DDB', 3), ('LNRCU', 2), ('ICBC', 1), ('CCB', 1)],
                  'yk': [('YKB', 3), ('PSBC', 3), ('ICBC', 2), ('LNRCU', 1)]}
        pdom = {'dl': 10, 'dd': 12, 'yk': 8}
        for _ in range(n):
            reg = self.wchoice([(rg, 3) for rg in DALIAN_URBAN] + [(JINZHOU, 2), (LUSHUN, 1), (ZHUANGHE, 2), (WAFANGDIAN, 1)]
                               + [(rg, 2) for rg in DANDONG_URBAN] + [(DONGGANG, 2), (KUANDIAN, 2), (FENGCHENG, 1)]
                               + [(rg, 2) for rg in YINGKOU_URBAN] + [(GAIZHOU, 1), (DASHIQIAO, 1)])
            g = self.group(reg)
            h, accs = self.local_person(reg, 'pensioner', 1 + (r.random() < 0.35), age=(60, 86), home=reg,
                                        first_bank=self.wchoice(pbanks[g]), max_years=25.0, min_days=400)
            main = accs[0]
            pen = self.ln(3300, 0.3)
            for d in self.dom_days(pdom[g]):
                self.tx(self.T0 + d * DAY + r.randrange(2 * HOUR, 7 * HOUR), self.hubs['ss_' + g][0], main.id,
                        self.amt(pen, 0.02, 'exact'), 'other', reg, '养老金')
            x = r.random()
            if x < 0.4:        # a child working in another province sends money
                child = self.ext_person('pensioner_child', prov=self.wchoice([('11', 4), ('31', 3), ('44', 4), ('32', 2), ('37', 2), ('33', 2), ('12', 1), ('21', 0)]),
                                        supply_p=0.15, age=(26, 48)).id
                for _ in range(1 + (r.random() < 0.3)):
                    self.tx(self.t(r.randrange(NDAYS), 'eve'), child, main.id, self.amt(1200, 0.5, 'hundred', lo=200),
                            'mobile', '', r.choice(['', '', '生活费']))
                if r.random() < 0.06:   # parents help the child with a flat (large transfer to another province)
                    d = r.randrange(NDAYS)
                    self.tx(self.t(d, 'biz'), main.id, child, self.amt(120000, 0.5, 'thousand', lo=20000), 'counter', reg,
                            r.choice(['', '购房', '首付']))
            elif x < 0.55 and self.local_pool:
                child = r.choice(self.local_pool)
                self.tx(self.t(r.randrange(NDAYS), 'eve'), child, main.id, self.amt(1000, 0.5, 'hundred'), 'mobile', '')
            for _ in range(1 + self.pois(1.0)):
                d = r.randrange(NDAYS)
                if r.random() < 0.55:
                    self.atm(main.id, d, reg, med=1500, ch='counter', prof='biz')
                else:
                    self.atm(main.id, d, reg, med=800)
            self.spend(main.id, r.uniform(3, 10), reg, 'day', scale=0.7)
            if len(accs) > 1 and r.random() < 0.4:
                self.tx(self.t(r.randrange(NDAYS), 'biz'), main.id, accs[1].id, self.amt(5000, 0.7, 'thousand'), 'counter', reg,
                        r.choice(['', '定期']))
            self.pensioner_accts.append(main.id)

    def gen_students(self, n):
        r = self.rng
        unis = self.emp_by_kind['university']
        ubank = {e['acct']: self.pick_supply_bank(e['region']) if r.random() < 0.7 else self.pick_bank(e['region']) for e in unis}
        acad_year = self.start_dt.year if self.start_dt.month >= 9 else self.start_dt.year - 1
        for _ in range(n):
            e = r.choice(unis)
            reg = e['region']
            home = self.prov_region() if r.random() < 0.72 else r.choice(LIAONING_OTHER_HOME + DANDONG_URBAN + YINGKOU_URBAN)
            h = self.new_person(home, (18, 23))
            yr = acad_year - self.wchoice([(0, 30), (1, 26), (2, 24), (3, 20)])
            opened = int(datetime(yr, 9, r.randint(2, 16), tzinfo=TZ).timestamp()) + self.tod('biz')
            a = self.open_acct(h, ubank[e['acct']], opened, reg, 'I', 'lawful', 'student')
            accs = [a]
            if r.random() < 0.25:
                accs.append(self.open_acct(h, self.pick_bank(reg), opened + r.randint(1, 300) * DAY, reg,
                                           r.choice(['I', 'II']), 'lawful', 'student'))
                if accs[1].opened >= self.T_END - 2 * DAY:
                    accs[1].opened = self.T0 - 5 * DAY
            if r.random() < 0.04:      # a new account opened inside the month (scholarship / part-time job card)
                accs.append(self.open_acct(h, self.pick_supply_bank(reg), self.open_between(self.T0, self.T0 + 20 * DAY), reg,
                                           'II', 'lawful', 'student_new_card'))
            self.student_accts.append(a.id)
            if r.random() < 0.35:
                self.tenant_pool.append(a.id)
            parent = self.ext_person('student_parent', region=home if not home.startswith('21') else None, supply_p=0.12,
                                     age=(40, 56)) if not home.startswith('21') else None
            if parent is None:
                parent_id = self.local_pool and r.choice(self.local_pool)
            else:
                parent_id = parent.id
            home_from = NDAYS
            if self.season == 'festival':
                home_from = r.randint(0, 7)      # winter break: the student goes home
            for _ in range(1 + (r.random() < 0.35)):
                d = r.randrange(min(home_from + 3, NDAYS)) if self.season != 'spring' else r.randrange(0, 8)
                if parent_id:
                    self.tx(self.t(d, 'eve'), parent_id, a.id, self.amt(1800 if self.season != 'spring' else 2600, 0.35, 'hundred', lo=300),
                            'mobile', '', r.choice(['', '', '生活费', '']))
            if home_from < NDAYS:
                self.spend(a.id, 10, reg, 'late', 0, home_from, scale=0.6)
                hreg = home
                self.spend(a.id, 8, hreg, 'late', home_from, NDAYS, scale=0.7)
                for _ in range(self.pois(1.2)):
                    self.atm(a.id, r.randrange(home_from, NDAYS), hreg, med=500)
                if self.festival_eve is not None:   # red envelopes from relatives
                    for _ in range(self.pois(1.5)):
                        src = self.pooled('rel' + hreg[:2], 12, lambda: self.ext_person(
                            'relative', region=hreg if not hreg.startswith('21') else None, supply_p=0.1).id, 0.3) \
                            if r.random() < 0.7 else (parent_id or r.choice(self.local_pool))
                        d = max(0, min(NDAYS - 1, self.festival_eve + r.randint(-3, 4)))
                        self.tx(self.t(d, 'day'), src, a.id, r.choice([20000, 50000, 60000, 66600, 80000, 100000, 200000]),
                                'mobile', '', r.choice(['红包', '压岁钱', '', '新年快乐']))
            else:
                self.spend(a.id, r.uniform(8, 18), reg, 'late', scale=0.6)
                for _ in range(r.randint(3, 8)):
                    self.tx(self.t(r.randrange(NDAYS), 'day'), a.id, e['acct'], self.amt(150, 0.5, 'ten', lo=30), 'mobile', reg,
                            r.choice(['校园卡充值', '']))
                for _ in range(self.pois(2.0)):
                    if len(self.student_accts) > 5:
                        peer = r.choice(self.student_accts)
                        if peer != a.id and self.accts[peer].opened < self.T0:
                            self.tx(self.t(r.randrange(NDAYS), 'late'), a.id, peer, self.amt(60, 0.8, 'exact', lo=5), 'mobile', reg)
                if r.random() < 0.15 and self.local_pool:     # tutoring income
                    for _ in range(r.randint(1, 4)):
                        self.tx(self.t(r.randrange(NDAYS), 'eve'), r.choice(self.local_pool), a.id, self.amt(300, 0.4, 'ten'),
                                'mobile', reg, r.choice(['家教费', '']))
                for _ in range(self.pois(0.5)):
                    self.atm(a.id, r.randrange(NDAYS), reg, med=300)
            for b in accs[1:]:
                if b.opened < self.T_END and r.random() < 0.6:
                    d0 = max(0, (b.opened - self.T0) // DAY + 1)
                    if d0 < NDAYS:
                        self.tx(self.t(r.randrange(d0, NDAYS), 'late'), a.id, b.id, self.amt(400, 0.6, 'hundred'), 'mobile', reg)
                        self.spend(b.id, 4, reg, 'late', d_lo=d0, scale=0.5)

    def gen_misc_locals(self, n):
        r = self.rng
        for _ in range(n):
            reg = r.choice(DALIAN_ALL * 2 + DANDONG_ALL + YINGKOU_ALL)
            kind = self.wchoice([('taxi_driver', 12), ('shopkeeper', 16), ('hairdresser', 5), ('homemaker', 14),
                                 ('office_worker', 20), ('self_employed', 14), ('delivery_rider', 8), ('unemployed', 6),
                                 ('nurse_private', 5)])
            h, accs = self.local_person(reg, kind, 1 + (r.random() < 0.35) + (r.random() < 0.1), age=(20, 62))
            main = accs[0]
            if kind in ('taxi_driver', 'shopkeeper', 'hairdresser', 'self_employed', 'delivery_rider'):
                daily = {'taxi_driver': 420, 'shopkeeper': 900, 'hairdresser': 500, 'self_employed': 1200, 'delivery_rider': 260}[kind]
                src = self.hubs['tenpay'] + self.hubs['alipay']
                for d in range(NDAYS):
                    if r.random() < 0.75:
                        self.tx(self.T0 + d * DAY + r.randrange(1 * HOUR, 8 * HOUR), r.choice(src), main.id,
                                self.amt(daily, 0.5, 'exact'), 'other', '', r.choice(['', '提现', '结算']))
                self.spend(main.id, r.uniform(10, 22), reg, 'late' if kind in ('taxi_driver', 'delivery_rider') else 'day')
                if kind == 'taxi_driver':
                    for _ in range(r.randint(4, 10)):
                        self.tx(self.t(r.randrange(NDAYS), 'late'), main.id, r.choice(self.hubs['fuel_' + self.group(reg)]),
                                self.amt(250, 0.3, 'exact'), 'pos', reg)
                for _ in range(self.pois(1.0)):
                    self.atm(main.id, r.randrange(NDAYS), reg)
                if len(accs) > 1:
                    self.person_life(accs, reg, 5000, (), lam=2)
            elif kind in ('homemaker', 'unemployed'):
                if self.local_pool:
                    sp = r.choice(self.local_pool)
                    for _ in range(1 + self.pois(1.0)):
                        self.tx(self.t(r.randrange(NDAYS), 'eve'), sp, main.id, self.amt(2000, 0.6, 'hundred'), 'mobile', reg)
                self.spend(main.id, r.uniform(8, 18), reg, scale=0.8)
            else:
                emp = r.choice(self.employers)
                emp['payroll'].append((main.id, self.ln(emp['wage'], 0.3)))
                self.person_life(accs, reg, emp['wage'], self.dom_days(emp['dom']), lam=r.uniform(10, 22))
            if kind in ('office_worker', 'nurse_private', 'delivery_rider') and r.random() < 0.5:
                self.tenant_pool.append(main.id)

    # ==========================================================================================
    # lawful businesses: activity
    # ==========================================================================================
    def act_food(self):
        r = self.rng
        settle = self.hubs['tenpay'] + self.hubs['alipay']
        for f in self.food:
            a = self.accts[f['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            sz = f['size']
            night = f['kind'] in ('bbq_stall', 'night_market_stall')
            suppliers = [t['acct'] for t in r.sample(self.sea_traders, 2)] + [r.choice(self.hubs['beverage'])]
            for d in range(d0, NDAYS):
                s = self.sf('food', d)
                if r.random() < 0.9:
                    self.tx(self.T0 + d * DAY + r.randrange(1 * HOUR, 7 * HOUR), r.choice(settle), a.id,
                            self.amt(2200 * sz * s, 0.45, 'exact'), 'other', '', r.choice(['', '结算', '提现']))
                for _ in range(self.pois(1.4 * s * sz)):
                    payer = r.choice(self.local_pool) if r.random() < 0.65 else self.tourist()
                    self.tx(self.t(d, 'night' if night else 'eve'), payer, a.id, self.amt(110, 0.7, 'mix', lo=8), 'mobile',
                            a.region if r.random() < 0.5 else '')
                if r.random() < 0.35 * s:
                    to = r.choice(suppliers)
                    self.tx(self.t(d, 'dawn' if r.random() < 0.6 else 'day'), a.id, to,
                            self.amt(3500 * sz, 0.6, 'hundred' if r.random() < 0.6 else 'exact'), 'mobile', a.region,
                            r.choice(['', '货款', '海鲜', '']))
                if r.random() < 0.08:
                    self.dep(self.t(d, 'biz'), a.id, self.amt(3000 * sz, 0.5, 'hundred'), a.region,
                             r.choice(['counter', 'atm']))
            # staff wages, rent, own spending
            staff = r.sample(self.local_pool, r.randint(1, 4))
            pd = r.randrange(NDAYS)
            for st in staff:
                if pd >= d0:
                    self.tx(self.t(pd, 'eve'), a.id, st, self.amt(4200, 0.2, 'hundred'), 'mobile', a.region, r.choice(['工资', '']))
            if r.random() < 0.6:
                self.tenant_pool.append(a.id)
            self.spend(a.id, 10, a.region, 'late')
            for o in f['other']:
                self.tx(self.t(r.randrange(d0, NDAYS), 'late'), a.id, o, self.amt(6000 * sz, 0.6, 'thousand'), 'mobile', a.region)
                self.spend(o, 5, a.region)
            for _ in range(self.pois(1.5)):
                self.atm(a.id, r.randrange(d0, NDAYS), a.region, med=1500, prof='night' if night else 'day')

    def act_landlords(self):
        r = self.rng
        tenants = [t for t in self.tenant_pool if self.accts[t].opened < self.T0]
        r.shuffle(tenants)
        k = 0
        for L in self.landlords:
            a = self.accts[L['acct']]
            for _ in range(L['units']):
                if k >= len(tenants):
                    break
                ten = tenants[k]
                k += 1
                rent = self.amt(1700, 0.35, 'hundred', lo=600)
                dom = r.randint(1, 28)
                if r.random() < 0.2:       # quarterly or half-yearly rent
                    if r.random() < 0.3:
                        for d in self.dom_days(dom):
                            self.tx(self.t(d, 'eve'), ten, a.id, rent * r.choice([3, 6]), 'mobile', '', r.choice(['房租', '']))
                else:
                    for d in self.dom_days(dom):
                        d2 = max(0, min(NDAYS - 1, d + r.choice([0, 0, 0, 1, -1, 2])))
                        self.tx(self.t(d2, 'eve'), ten, a.id, rent, 'mobile', '', r.choice(['房租', '', '', '租金']))
            self.spend(a.id, 8, a.region, scale=1.2)
            for o in L['other']:
                if r.random() < 0.6:
                    self.tx(self.t(r.randrange(NDAYS), 'day'), a.id, o, self.amt(4000, 0.6, 'thousand'), 'mobile', a.region)
            if r.random() < 0.4:
                for d in self.dom_days(r.randint(1, 28)):
                    self.tx(self.t(d, 'biz'), a.id, self.internal(a.bank), self.amt(3500, 0.4, 'exact'), 'other', '')
            for _ in range(self.pois(0.6)):
                self.atm(a.id, r.randrange(NDAYS), a.region, med=2000, ch='counter', prof='biz')

    def act_korean(self):
        r = self.rng
        suppliers = [b['acct'] for b in self.btrade] + self.hushi_buyers
        for w in self.kwholesale:
            a = self.accts[w['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            buyers = self.buyers_of(w, r.randint(25, 90), corp_p=0.3, ln_p=0.18, arch='korean_goods_buyer')
            sups = r.sample(suppliers, r.randint(1, 3))
            sz = w['size']
            carry = 0
            for d in range(d0, NDAYS):
                s = self.sf('trade', d)
                inflow = 0
                for _ in range(self.pois(3.2 * s * sz)):
                    f = self.amt(3800, 0.9, 'mix', lo=200)
                    self.tx(self.t(d, r.choice(['biz', 'biz', 'eve'])), r.choice(buyers), a.id, f,
                            r.choice(['mobile', 'online', 'mobile']), '', r.choice(['', '货款', '', '朝鲜族食品', '韩国化妆品', '海产品']))
                    inflow += f
                carry += inflow
                if carry > 1500000 and r.random() < 0.8:
                    out = int(carry * r.uniform(0.82, 0.97) / 10000) * 10000
                    ts = self.T0 + (d + (r.random() < 0.5)) * DAY + self.tod('biz')
                    self.tx(ts, a.id, r.choice(sups), out, 'online', a.region, r.choice(['货款', '', '进货款']))
                    carry -= out
                if r.random() < 0.15:
                    self.tx(self.t(d, 'biz'), a.id, r.choice(self.hubs['express']), self.amt(1500, 0.6, 'exact'), 'online', a.region)
                if w['cash'] and r.random() < 0.12:
                    self.wd(self.t(d, 'biz'), a.id, self.amt(50000, 0.5, 'thousand', lo=10000), a.region, 'counter')
            if not w['corp']:
                self.spend(a.id, 8, a.region)
        for m in self.kmicro:
            a = self.accts[m['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            sz = m['size']
            wh = r.choice(self.kwholesale)['acct']
            carry = 0
            for d in range(d0, NDAYS):
                s = self.sf('trade', d)
                for _ in range(self.pois(5.0 * s * sz)):
                    payer = self.consumer() if r.random() < 0.7 else (
                        r.choice(self.local_pool) if r.random() < 0.5 else self.tourist())
                    f = self.amt(180, 0.7, 'exact', lo=19)
                    self.tx(self.t(d, r.choice(['eve', 'late'])), payer, a.id, f, 'mobile', '', r.choice(['', '', '代购', '货款']))
                    carry += f
                if carry > 200000 and r.random() < 0.45:
                    out = int(carry * r.uniform(0.75, 0.9) / 10000) * 10000
                    if out > 0:
                        self.tx(self.t(d, 'day'), a.id, wh, out, 'mobile', a.region, r.choice(['', '拿货']))
                        carry -= out
            self.spend(a.id, 12, a.region, 'late')
        for b in self.btrade:
            a = self.accts[b['acct']]
            for _ in range(self.pois(3.0)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), a.id, r.choice(self.hubs['overseas_supplier']),
                        self.amt(260000, 0.7, 'thousand'), 'online', a.region, r.choice(['货款', 'PAYMENT', '']), xb=True)
            for _ in range(self.pois(3.0)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), a.id, r.choice(self.hubs['customs'] + self.hubs['tax']),
                        self.amt(18000, 0.8, 'exact'), 'online', a.region, r.choice(['关税', '税款', '']))
            for _ in range(self.pois(2.0)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), a.id, r.choice(self.hubs['port'] + self.hubs['express']),
                        self.amt(9000, 0.7, 'exact'), 'online', a.region)
            for _ in range(self.pois(2.5)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), r.choice(self.hubs['out_corp']), a.id,
                        self.amt(150000, 0.7, 'exact'), 'online', '', r.choice(['货款', '']))
            for st in r.sample(self.local_pool, r.randint(2, 6)):
                for d in self.dom_days(15):
                    self.tx(self.t(d, 'biz'), a.id, st, self.amt(5200, 0.25, 'exact'), 'other', a.region, '工资')
            if r.random() < 0.3:
                self.wd(self.t(r.randrange(NDAYS), 'biz'), a.id, self.amt(90000, 0.5, 'thousand', lo=50000), a.region, 'counter')

    def act_hushi(self, n):
        """边民互市: border residents buy goods within their daily quota, paid by a trading company,
        and pay the cooperative / seller at once, keeping a small fee"""
        r = self.rng
        for i in range(n):
            c = r.choice(self.hushi_coops)
            reg = c['region'] if r.random() < 0.7 else r.choice(['210603', '210602', KUANDIAN, DONGGANG])
            h, accs = self.local_person(reg, 'border_resident', 1, age=(25, 70), home=reg,
                                        first_bank=self.wchoice([('LNRCU', 3), ('DDB', 3), ('PSBC', 3), ('ICBC', 1), ('CCB', 1), ('BOC', 1)]))
            a = accs[0]
            if r.random() < 0.06:
                a.opened = self.open_between(self.T0, self.T0 + 15 * DAY)
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            buyer = r.choice(self.hushi_buyers)
            p = r.uniform(0.25, 0.75)
            fees = 0
            for d in range(d0, NDAYS):
                if self.weekday(d) not in c['days'] or r.random() > p * self.sf('trade', d):
                    continue
                f = self.amt(6200, 0.25, 'exact', lo=1500, hi=7999)
                ts = self.T0 + d * DAY + r.randrange(9 * HOUR, 14 * HOUR)
                self.tx(ts, buyer, a.id, f, 'online', '', r.choice(['互市货款', '', '边民互市']))
                fee = r.randint(30, 150) * 100
                self.tx(ts + r.randint(3 * MIN, 80 * MIN), a.id, c['acct'], f - fee, 'mobile', reg, r.choice(['互市', '', '货款']))
                fees += fee
            if fees and r.random() < 0.7:
                self.wd(self.t(r.randrange(max(d0, 15), NDAYS) if d0 < NDAYS - 1 else NDAYS - 1, 'day'), a.id,
                        max(10000, fees // 10000 * 10000), reg, r.choice(['atm', 'counter']))
            self.spend(a.id, r.uniform(3, 9), reg, scale=0.7)
        for c in self.hushi_coops:
            for _ in range(self.pois(4)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), c['acct'], r.choice(self.hubs['overseas_supplier']),
                        self.amt(180000, 0.5, 'thousand'), 'online', c['region'], '互市结算', xb=True)
        for b in self.hushi_buyers:
            for _ in range(self.pois(6)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), r.choice(self.hubs['out_corp']), b,
                        self.amt(120000, 0.6, 'exact'), 'online', '', '货款')

    def act_seafood(self):
        r = self.rng
        workers = self.farm_workers
        by_area = {}
        for fm in self.sea_farmers:
            by_area.setdefault(self.group(fm['region']), []).append(fm['acct'])
        all_f = [fm['acct'] for fm in self.sea_farmers]
        for t in self.sea_traders:
            a = self.accts[t['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            buyers = self.buyers_of(t, r.randint(12, 40), corp_p=0.35, ln_p=0.1, arch='seafood_buyer',
                                    prov_w=[('11', 3), ('31', 2), ('37', 2), ('13', 2), ('44', 2), ('12', 1), ('41', 1), ('32', 1), ('23', 1), ('22', 1)])
            farmers = by_area.get(self.group(a.region)) or all_f
            sz = t['size']
            for d in range(d0, NDAYS):
                s = self.sf('seafood', d)
                for _ in range(self.pois(3.0 * s * sz)):     # buying before dawn from farmers and boats
                    self.tx(self.t(d, 'dawn'), a.id, r.choice(farmers), self.amt(5500, 0.9, 'mix', lo=300), 'mobile', a.region,
                            r.choice(['', '海参', '扇贝', '蛤', '货款', '']))
                for _ in range(self.pois(2.4 * s * sz)):     # selling to buyers across provinces
                    self.tx(self.t(d, r.choice(['biz', 'day', 'eve'])), r.choice(buyers), a.id,
                            self.amt(8000, 0.9, 'mix', lo=300), r.choice(['mobile', 'online']), '', r.choice(['', '货款', '']))
                if r.random() < 0.2:
                    self.tx(self.t(d, 'day'), a.id, r.choice(self.hubs['express']), self.amt(2000, 0.6, 'exact'), 'online', a.region,
                            '运费')
            self.spend(a.id, 8, a.region, 'day')
            for o in t['other']:
                self.tx(self.t(r.randrange(d0, NDAYS), 'eve'), a.id, o, self.amt(20000, 0.6, 'thousand'), 'mobile', a.region)
            for _ in range(self.pois(1.0)):
                self.atm(a.id, r.randrange(d0, NDAYS), a.region, med=3000, ch='counter', prof='biz')
        for p in self.processors:
            a = self.accts[p['acct']]
            buyers = self.buyers_of(p, r.randint(20, 60), corp_p=0.7, ln_p=0.05, arch='seafood_distributor')
            for d in range(NDAYS):
                s = self.sf('seafood', d)
                for _ in range(self.pois(1.1 * s)):
                    self.tx(self.t(d, 'biz'), a.id, r.choice(all_f), self.amt(55000, 0.8, 'hundred'), 'online', a.region,
                            r.choice(['海参款', '扇贝款', '收购款', '']))
                for _ in range(self.pois(1.0 * s)):
                    self.tx(self.t(d, 'biz'), a.id, r.choice([t['acct'] for t in self.sea_traders]), self.amt(30000, 0.7, 'hundred'),
                            'online', a.region)
                for _ in range(self.pois(2.8 * s)):
                    self.tx(self.t(d, 'biz'), r.choice(buyers), a.id, self.amt(38000, 0.9, 'exact'), 'online', '', r.choice(['货款', '']))
                if self.phase(d) == 'pre' or (self.season == 'autumn' and r.random() < 0.3):   # gift boxes to consumers
                    for _ in range(self.pois(3.0 if self.phase(d) == 'pre' else 0.8)):
                        self.tx(self.t(d, 'eve'), self.consumer(), a.id,
                                self.amt(1200, 0.6, 'exact', lo=198), 'mobile', '', r.choice(['海参礼盒', '', '年货']))
                if r.random() < 0.25:
                    self.tx(self.t(d, 'biz'), a.id, r.choice(self.hubs['packing'] + self.hubs['express']),
                            self.amt(12000, 0.6, 'exact'), 'online', a.region)
        for fm in self.sea_farmers:
            a = self.accts[fm['acct']]
            sz = fm['size']
            for _ in range(self.pois(2.2 * sz)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), a.id, r.choice(self.hubs['seed_feed']),
                        self.amt(22000 * sz, 0.7, 'hundred'), 'mobile', a.region, r.choice(['苗种', '饲料', '', '网箱']))
            crew = r.sample(workers, r.randint(2, 6))
            for d in range(NDAYS):
                if self.weekday(d) == 5 and r.random() < 0.7 * self.sf('seafood', d):
                    for wkr in crew:
                        self.tx(self.t(d, 'eve'), a.id, wkr, self.amt(1400, 0.3, 'hundred'), 'mobile', a.region, r.choice(['', '工钱']))
            for _ in range(self.pois(3)):
                self.tx(self.t(r.randrange(NDAYS), 'dawn'), a.id, r.choice(self.hubs['fuel_' + self.group(a.region)]),
                        self.amt(900, 0.5, 'exact'), 'pos', a.region)
            for _ in range(self.pois(1.0)):
                self.atm(a.id, r.randrange(NDAYS), a.region, med=8000, ch='counter', prof='biz')
            self.spend(a.id, 7, a.region, 'day')
            for o in fm['other']:
                if r.random() < 0.5:
                    self.tx(self.t(r.randrange(NDAYS), 'eve'), a.id, o, self.amt(15000, 0.7, 'thousand'), 'mobile', a.region)
        for wkr in workers:
            self.spend(wkr, 6, self.accts[wkr].region, scale=0.6)
            if r.random() < 0.35:
                home = self.holders[self.accts[wkr].holder].home
                if not home.startswith('21'):
                    self.tx(self.t(r.randrange(10, NDAYS), 'eve'), wkr, self.family_acct(home), self.amt(2000, 0.4, 'hundred'),
                            'mobile', self.accts[wkr].region)
            for _ in range(self.pois(0.6)):
                self.atm(wkr, r.randrange(NDAYS), self.accts[wkr].region, med=600)

    def act_strawberry(self):
        r = self.rng
        growers = [g['acct'] for g in self.growers]
        pw = [('11', 4), ('31', 3), ('44', 3), ('37', 2), ('33', 2), ('32', 2), ('12', 1), ('13', 1), ('41', 1), ('23', 1), ('22', 1)]
        for b in self.brokers:
            a = self.accts[b['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            buyers = self.buyers_of(b, r.randint(8, 30), corp_p=0.35, ln_p=0.15, arch='fruit_wholesaler', prov_w=pw)
            mine = r.sample(growers, r.randint(15, 45))
            sz = b['size']
            for d in range(d0, NDAYS):
                s = self.sf('strawberry', d)
                inflow = 0
                for _ in range(self.pois(2.0 * s * sz)):
                    f = self.amt(42000, 0.6, 'mix', lo=3000)
                    self.tx(self.t(d, r.choice(['biz', 'eve', 'day'])), r.choice(buyers), a.id, f, r.choice(['mobile', 'online']),
                            '', r.choice(['', '草莓款', '货款', '']))
                    inflow += f
                if inflow:
                    pay = int(inflow * r.uniform(0.86, 0.96))
                    k = r.randint(3, 10)
                    cuts = sorted(r.random() for _ in range(k - 1))
                    parts = [b2 - a2 for a2, b2 in zip([0.0] + cuts, cuts + [1.0])]
                    base_ts = self.T0 + d * DAY + r.choice([r.randrange(15 * HOUR, 22 * HOUR), DAY + r.randrange(4 * HOUR, 9 * HOUR)])
                    for i, pp in enumerate(parts):
                        f = int(pay * pp / 1000) * 1000
                        if f >= 10000:
                            self.tx(base_ts + i * r.randint(20, 400), a.id, r.choice(mine), f, 'mobile', DONGGANG,
                                    r.choice(['', '草莓', '', '果款']))
                if s > 0 and r.random() < 0.3:
                    self.tx(self.t(d, 'day'), a.id, r.choice(self.hubs['packing'] + self.hubs['express']),
                            self.amt(3500, 0.6, 'exact'), 'mobile', DONGGANG, r.choice(['', '包装', '运费']))
            self.spend(a.id, 9, DONGGANG)
            for o in b['other']:
                self.tx(self.t(r.randrange(d0, NDAYS), 'eve'), a.id, o, self.amt(20000, 0.6, 'thousand'), 'mobile', DONGGANG)
        for g in self.growers:
            a = self.accts[g['acct']]
            sz = g['size']
            for d in range(NDAYS):
                s = self.sf('strawberry', d)
                if s <= 0:
                    continue
                if self.weekday(d) >= 5 or self.phase(d) == 'hol':
                    for _ in range(self.pois(1.2 * s * sz)):      # visitors picking strawberries
                        payer = r.choice(self.local_pool) if r.random() < 0.6 else self.tourist()
                        self.tx(self.t(d, 'day'), payer, a.id, self.amt(150, 0.6, 'yuan', lo=30), 'mobile', '', r.choice(['', '采摘']))
                for _ in range(self.pois(0.35 * s * sz)):         # gift boxes sold online
                    self.tx(self.t(d, 'eve'), self.consumer(), a.id,
                            self.amt(198, 0.4, 'exact', lo=69), 'mobile', '', r.choice(['', '草莓', '']))
            for _ in range(self.pois(2.0 if self.season == 'autumn' else 1.0)):
                self.tx(self.t(r.randrange(NDAYS), 'biz'), a.id, r.choice(self.hubs['farm_inputs']),
                        self.amt(9000 * sz, 0.7, 'hundred'), 'mobile', a.region, r.choice(['', '苗', '棚膜', '肥料']))
            if self.season != 'autumn':
                pick = r.sample(self.farm_workers, r.randint(1, 3))
                for d in range(NDAYS):
                    if self.weekday(d) == 6 and r.random() < 0.8:
                        for wkr in pick:
                            self.tx(self.t(d, 'eve'), a.id, wkr, self.amt(1100, 0.25, 'hundred'), 'mobile', a.region)
            self.tx(self.t(r.randrange(NDAYS), 'day'), a.id, self.hubs['util_dd'][0], self.amt(600, 0.5, 'exact'), 'mobile', a.region)
            self.spend(a.id, 6, a.region)
            for o in g['other']:
                if r.random() < 0.5:
                    self.tx(self.t(r.randrange(NDAYS), 'eve'), a.id, o, self.amt(10000, 0.7, 'thousand'), 'mobile', a.region)
            for _ in range(self.pois(0.8)):
                self.atm(a.id, r.randrange(NDAYS), a.region, med=2000, ch='counter', prof='biz')

    def act_logistics(self, n_drivers):
        r = self.rng
        drivers = []
        for _ in range(n_drivers):
            home = self.wchoice([('ln', 45), ('37', 15), ('13', 10), ('23', 10), ('22', 8), ('41', 6), ('15', 6)])
            if home == 'ln':
                reg = r.choice(['210211', JINZHOU, BAYUQUAN, DASHIQIAO, DONGGANG, FENGCHENG, PULANDIAN] + OTHER_LN[:2])
                h, accs = self.local_person(reg, 'truck_driver', 1 + (r.random() < 0.3), age=(25, 58))
                a = accs[0]
            else:
                a = self.ext_person('truck_driver', prov=home, supply_p=0.3, age=(25, 58))
            drivers.append(a.id)
        for ag in self.agents:
            a = self.accts[ag['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            shippers = r.sample(self.hubs['out_corp'], 6) + [e['acct'] for e in r.sample(self.employers, 4)] + \
                [self.pooled('shipper', 90, lambda: self.ext_corp(self.far_region(), 'shipper').id, 0.2) for _ in range(r.randint(3, 12))] + \
                [w['acct'] for w in r.sample(self.kwholesale, 2)]
            mine = r.sample(drivers, r.randint(8, 30))
            sz = ag['size']
            for d in range(d0, NDAYS):
                s = self.sf('port', d)
                for _ in range(self.pois(2.6 * s * sz)):
                    f = self.amt(18000, 0.9, 'mix', lo=1500)
                    ts = self.t(d, 'biz')
                    self.tx(ts, r.choice(shippers), a.id, f, 'online', '', r.choice(['运费', '', '货代费', '物流费']))
                    k = r.randint(1, 3)
                    for i in range(k):
                        self.tx(ts + r.randint(30 * MIN, 10 * HOUR), a.id, r.choice(mine),
                                self.amt(f / 100 * 0.7 / k, 0.2, 'hundred', lo=300), 'mobile', a.region, r.choice(['运费', '', '']))
                if r.random() < 0.15:
                    self.tx(self.t(d, 'biz'), a.id, r.choice(self.hubs['port']), self.amt(12000, 0.6, 'exact'), 'online', a.region,
                            '港杂费')
                if r.random() < 0.1:
                    self.tx(self.t(d, 'biz'), a.id, r.choice(self.hubs['fuel_dl'] + self.hubs['fuel_yk']),
                            r.choice([500000, 1000000, 2000000]), 'online', a.region, '油卡充值')
        for did in drivers:
            a = self.accts[did]
            out = not a.region.startswith('21')
            route = [a.region] + [self.far_region() if r.random() < 0.5 else r.choice(OTHER_LN + DALIAN_URBAN) for _ in range(3)]
            for _ in range(self.pois(5)):
                self.tx(self.t(r.randrange(NDAYS), 'late'), did, r.choice(self.hubs['fuel_out'] + self.hubs['fuel_dl']),
                        self.amt(800, 0.6, 'exact'), 'pos', r.choice(route))
            for _ in range(self.pois(4)):
                self.tx(self.t(r.randrange(NDAYS), 'late'), did, r.choice(self.hubs['etc']), self.amt(350, 0.7, 'exact'), 'other', '')
            for _ in range(self.pois(2.0)):
                self.atm(did, r.randrange(NDAYS), r.choice(route), med=1500, prof='late')
            home = self.holders[a.holder].home
            if r.random() < 0.5:
                fam = self.family_acct(home) if not home.startswith('21') else (r.choice(self.local_pool))
                self.tx(self.t(r.randrange(NDAYS), 'eve'), did, fam, self.amt(3000, 0.4, 'hundred'), 'mobile', r.choice(route))
            self.spend(did, 7, r.choice(route), 'late', out=out)

    def act_tourism(self):
        r = self.rng
        for gh in self.guesthouses:
            a = self.accts[gh['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            sz = gh['size']
            staff = r.sample(self.farm_workers + self.local_pool[:200], 2)
            for d in range(d0, NDAYS):
                s = self.sf('tourism', d)
                if self.group(a.region) == 'dd' and self.phase(d) == 'hol':
                    s *= 1.3
                for _ in range(self.pois(1.7 * s * sz)):
                    tour = self.tourist()
                    dep = self.amt(300, 0.5, 'hundred' if r.random() < 0.5 else 'ten', lo=100)
                    ts = self.t(max(d0, d - r.randint(0, 6)), 'eve')
                    self.tx(ts, tour, a.id, dep, 'mobile', '', r.choice(['定金', '房费', '', '']))
                    if r.random() < 0.75:
                        self.tx(self.t(d, 'day'), tour, a.id, self.amt(500, 0.6, 'mix', lo=80), 'mobile', '', r.choice(['房费', '', '尾款']))
                if r.random() < 0.15:
                    self.tx(self.t(d, 'dawn'), r.choice(self.hubs['ota']), a.id, self.amt(2500 * s * sz + 100, 0.5, 'exact'),
                            'other', '', '结算')
                if self.weekday(d) == 0 and s > 0.3:
                    for st in staff:
                        self.tx(self.t(d, 'eve'), a.id, st, self.amt(600, 0.3, 'hundred'), 'mobile', a.region)
            self.spend(a.id, 8, a.region)
        for dr in self.tdrivers:
            a = self.accts[dr['acct']]
            for d in range(NDAYS):
                for _ in range(self.pois(0.9 * self.sf('tourism', d))):
                    self.tx(self.t(d, 'day'), self.tourist(), a.id, self.amt(500, 0.5, 'mix', lo=60), 'mobile', '', r.choice(['', '包车', '车费']))
            for _ in range(self.pois(6)):
                self.tx(self.t(r.randrange(NDAYS), 'day'), a.id, r.choice(self.hubs['fuel_' + self.group(a.region)]),
                        self.amt(300, 0.3, 'exact'), 'pos', a.region)
            self.spend(a.id, 9, a.region)
        for gd in self.guides:
            a = self.accts[gd['acct']]
            ag = r.choice(self.hubs['travel_agency'])
            for d in range(NDAYS):
                s = self.sf('tourism', d)
                if r.random() < 0.35 * s:
                    self.tx(self.t(d, 'eve'), ag, a.id, self.amt(450, 0.4, 'ten'), 'online', '', r.choice(['导游费', '带团费', '']))
                for _ in range(self.pois(0.4 * s)):
                    self.tx(self.t(d, 'day'), self.tourist(), a.id, self.amt(150, 0.6, 'ten', lo=20), 'mobile', '')
            self.spend(a.id, 9, a.region)

    def act_contractors(self, n_workers):
        r = self.rng
        for i in range(n_workers):
            c = self.contractors[i % len(self.contractors)]
            home = self.prov_region(r.choice(['51', '41', '62', '23', '13', '50', '34', '43', '36']))
            if r.random() < 0.4:
                h, accs = self.local_person(c['region'], 'construction_worker', 1, age=(22, 60), home=home,
                                            supply_pref=0.5, min_days=20, max_years=1.5)
                a = accs[0]
            else:
                a = self.ext_person('construction_worker', region=home, supply_p=0.15, age=(22, 60))
            c['workers'].append(a.id)
        for c in self.contractors:
            a = self.accts[c['acct']]
            pays = [r.randrange(NDAYS)] if r.random() < 0.7 else [r.randrange(NDAYS), r.randrange(NDAYS)]
            if self.festival_eve is not None:
                pays = [max(0, self.festival_eve - r.randint(4, 12))] + ([r.randrange(NDAYS)] if r.random() < 0.3 else [])
            for d in pays:
                total = 0
                n = len(c['workers'])
                per = []
                for w in c['workers']:
                    f = self.amt(7000 if self.festival_eve is None else 16000, 0.45, 'hundred', lo=1000)
                    per.append((w, f))
                    total += f
                inflow = int(total * r.uniform(1.08, 1.25) / 1000000 + 1) * 1000000
                ts = self.t(d, 'biz')
                self.tx(ts, c['company'], a.id, inflow, 'online', '', r.choice(['劳务费', '工程款', '人工费']))
                ts2 = ts + r.randint(20 * MIN, 20 * HOUR)
                cash_part = r.random() < 0.3
                for k, (w, f) in enumerate(per):
                    if cash_part and k % 4 == 0:
                        continue
                    self.tx(ts2 + k * r.randint(15, 120), a.id, w, f, 'mobile', a.region, r.choice(['工资', '', '工钱']))
                if cash_part:
                    self.wd(ts2 - 10 * MIN, a.id, self.amt(60000, 0.3, 'thousand', lo=20000), a.region, 'counter')
            self.spend(a.id, 10, a.region)
            self.tx(self.t(r.randrange(NDAYS), 'day'), a.id, self.family_acct(self.holders[a.holder].home),
                    self.amt(20000, 0.5, 'thousand'), 'mobile', a.region)
        for c in self.contractors:
            for w in c['workers']:
                a = self.accts[w]
                home = self.holders[a.holder].home
                fam = self.family_acct(home)
                back = NDAYS
                if self.festival_eve is not None:
                    back = max(1, self.festival_eve - r.randint(1, 8))
                self.tx(self.t(r.randrange(NDAYS), 'eve'), w, fam, self.amt(4000, 0.4, 'hundred'), 'mobile', c['region'],
                        r.choice(['', '家用']))
                self.spend(w, 5, c['region'], d_hi=back, scale=0.6, out=not a.region.startswith('21'))
                if back < NDAYS:           # home for the Spring Festival: cash and spending at home
                    for _ in range(1 + self.pois(1.5)):
                        self.atm(w, r.randrange(back, NDAYS), home, med=2000)
                    self.spend(w, 8, home, d_lo=back, scale=0.8, out=True)
                else:
                    for _ in range(self.pois(0.8)):
                        self.atm(w, r.randrange(NDAYS), c['region'], med=1000)

    def act_seafarers(self, n):
        r = self.rng
        for _ in range(n):
            reg = r.choice(['210211', '210204', JINZHOU, LUSHUN, '210203'])
            home = reg if r.random() < 0.5 else self.prov_region(r.choice(['37', '32', '23', '13', '35', '22']))
            h, accs = self.local_person(reg, 'seafarer', 1 + (r.random() < 0.4), age=(22, 58), home=home)
            a = accs[0]
            at_sea = r.random() < 0.65
            overseas = r.random() < 0.55
            dom = r.randint(1, 28)
            wage = self.ln(22000, 0.45)
            fam = self.family_acct(home) if not home.startswith('21') else r.choice(self.local_pool)
            for d in self.dom_days(dom):
                ts = self.t(d, 'any')
                if overseas:
                    self.tx(ts, r.choice(self.hubs['overseas_manning']), a.id, self.amt(wage, 0.05, 'exact'), 'other', '',
                            r.choice(['WAGES', 'CREW WAGE', '工资', '']), xb=True)
                else:
                    self.tx(ts, r.choice(self.crewing), a.id, self.amt(wage, 0.05, 'exact'), 'other', '', '工资')
                ts2 = ts + r.randint(10 * MIN, 40 * HOUR)
                self.tx(ts2, a.id, fam, int(wage * r.uniform(0.5, 0.9) / 1000) * 100000, 'mobile', '' if at_sea else reg,
                        r.choice(['', '家用', '']))
                if len(accs) > 1 and r.random() < 0.5:
                    self.tx(ts2 + r.randint(60, 3 * DAY), a.id, accs[1].id, self.amt(5000, 0.5, 'thousand'), 'mobile', '')
            if at_sea:
                self.spend(a.id, 2, reg, 'any', scale=0.8)
            else:
                self.spend(a.id, 14, reg, 'day', scale=1.3)
                for _ in range(self.pois(1.5)):
                    self.atm(a.id, r.randrange(NDAYS), reg if r.random() < 0.6 else self.far_region(), med=2000)

    def act_eshops(self):
        r = self.rng
        settle = self.hubs['alipay'] + self.hubs['tenpay'] + self.hubs['jd'] + self.hubs['douyin']
        sups = [t['acct'] for t in self.sea_traders[:30]] + [w['acct'] for w in self.kwholesale[:20]] + [g['acct'] for g in self.growers[:30]]
        for e in self.eshops:
            a = self.accts[e['acct']]
            d0 = max(0, (a.opened - self.T0) // DAY + 1)
            for d in range(d0, NDAYS):
                s = self.sf('consumer', d)
                if r.random() < 0.85:
                    self.tx(self.T0 + d * DAY + r.randrange(1 * HOUR, 9 * HOUR), r.choice(settle), a.id,
                            self.amt(2800 * e['size'] * s, 0.6, 'exact'), 'other', '', r.choice(['', '结算', '货款结算']))
                if r.random() < 0.4:
                    self.tx(self.t(d, 'day'), a.id, r.choice(sups), self.amt(4500 * e['size'], 0.6, 'hundred'), 'mobile', a.region,
                            r.choice(['', '货款', '拿货']))
                if r.random() < 0.2:
                    self.tx(self.t(d, 'day'), a.id, r.choice(self.hubs['express']), self.amt(1800, 0.6, 'exact'), 'online', a.region, '运费')
            self.spend(a.id, 10, a.region, 'late')

    def act_family_events(self, n):
        """pooled family money and large one-off payments: a car, a flat deposit, a wedding, medical bills"""
        r = self.rng
        w = {'autumn': [('car', 25), ('flat', 25), ('wedding', 35), ('medical', 15)],
             'spring': [('car', 30), ('flat', 35), ('wedding', 15), ('medical', 20)],
             'festival': [('car', 25), ('flat', 15), ('wedding', 45), ('medical', 15)]}[self.season]
        for _ in range(n):
            kind = self.wchoice(w)
            org = self.accts[r.choice(self.local_pool)]
            oid = org.id
            d = r.randint(1, NDAYS - 3)
            if self.festival_eve is not None and kind == 'wedding':
                d = max(1, min(NDAYS - 3, self.festival_eve + r.randint(-10, 8)))
            if r.random() < 0.15:      # a new card opened for the occasion
                h = self.holders[org.holder]
                na = self.open_acct(h, self.pick_supply_bank(org.region), self.T0 + (d - 5) * DAY + self.tod('biz'),
                                    org.region, 'I', 'lawful', 'event_card')
                oid = na.id
            reg = org.region
            if kind == 'wedding':
                guests = r.randint(15, 60)
                for _ in range(guests):
                    g = r.choice(self.local_pool) if r.random() < 0.7 else self.pooled('guest', 160, lambda: self.ext_person('wedding_guest', supply_p=0.1).id, 0.2)
                    if g == oid:
                        continue
                    self.tx(self.T0 + (d + r.choice([-1, 0, 0, 0, 1])) * DAY + self.tod('day'), g, oid,
                            r.choice([20000, 50000, 60000, 66600, 80000, 88800, 100000, 100000, 200000]), 'mobile', '',
                            r.choice(['礼金', '', '新婚快乐', '份子钱', '']))
                self.tx(self.t(min(NDAYS - 1, d + r.randint(0, 2)), 'biz'), oid, r.choice(self.hubs['wedding']),
                        self.amt(36000, 0.4, 'hundred'), r.choice(['counter', 'online']), reg, r.choice(['婚宴', '尾款', '']))
                if r.random() < 0.5:
                    self.tx(self.t(max(0, d - r.randint(3, 10)), 'day'), oid, r.choice(self.hubs['jewelry']),
                            self.amt(18000, 0.5, 'exact'), 'pos', reg)
            else:
                rel = r.randint(2, 6)
                tot = 0
                for _ in range(rel):
                    src = r.choice(self.local_pool) if r.random() < 0.55 else self.pooled('relative', 140, lambda: self.ext_person('relative', supply_p=0.12, age=(35, 75)).id, 0.1)
                    if src == oid:
                        continue
                    f = self.amt(40000, 0.7, 'thousand', lo=5000)
                    tot += f
                    self.tx(self.T0 + (d - r.randint(0, 3)) * DAY + self.tod('day'), src, oid, f, r.choice(['mobile', 'counter']), '',
                            r.choice(['', '', '借款', '买车', '首付']))
                to = r.choice(self.hubs[{'car': 'car_dealer', 'flat': 'developer', 'medical': 'hospital_' + self.group(reg)}[kind]])
                f = int((tot + self.amt(30000, 0.8, 'thousand')) / 100000) * 100000
                self.tx(self.t(min(NDAYS - 1, d + r.randint(0, 3)), 'biz'), oid, to, f, r.choice(['counter', 'online']), reg,
                        {'car': r.choice(['购车款', '']), 'flat': r.choice(['定金', '首付款', '购房款']), 'medical': '住院费'}[kind])
                if kind == 'car' and r.random() < 0.5:
                    self.tx(self.t(min(NDAYS - 1, d + 4), 'biz'), oid, self.internal(self.accts[oid].bank) if self.accts[oid].bank in BIN else to,
                            self.amt(12000, 0.4, 'exact'), 'counter', reg, '保险')

    def act_dormant(self, n):
        r = self.rng
        for i in range(n):
            reg = r.choice(DALIAN_ALL + DANDONG_ALL + YINGKOU_ALL)
            if i % 3 == 0 and self.local_pool:
                h = self.holders[self.accts[r.choice(self.local_pool)].holder]
                a = self.open_acct(h, self.pick_bank(reg), self.old_open(365, 14.0), reg, r.choice(['I', 'II']), 'lawful', 'dormant')
            else:
                h = self.new_person(reg, (18, 80))
                a = self.open_acct(h, self.pick_bank(reg), self.old_open(365, 16.0), reg, 'I', 'lawful', 'dormant')
            x = r.random()
            if x < 0.04:
                a.status = 'closed'
            elif x < 0.09:   # woken up once: a small deposit, interest or a withdrawal
                d = r.randrange(NDAYS)
                if r.random() < 0.5:
                    self.dep(self.t(d, 'biz'), a.id, self.amt(500, 0.8, 'hundred'), reg)
                else:
                    self.wd(self.t(d, 'biz'), a.id, self.amt(300, 0.8, 'hundred'), reg, 'counter')

    def act_marketing_openers(self, n):
        """lawful people opening cards at several banks within days (bank campaigns such as 开门红),
        then leaving them almost idle"""
        r = self.rng
        for _ in range(n):
            reg = r.choice(DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN)
            h = self.new_person(reg, (24, 65))
            inside = self.season == 'festival' or r.random() < 0.5
            t0 = self.open_between(self.T0, self.T0 + 14 * DAY) if inside else self.T0 - r.randint(20, 90) * DAY + self.tod('biz')
            banks = r.sample(self.supply, min(len(self.supply), r.randint(2, 4)))
            old = self.open_acct(h, self.pick_bank(reg), self.old_open(400, 10.0), reg, 'I', 'lawful', 'campaign_opener_main')
            self.spend(old.id, 10, reg)
            for j, b in enumerate(banks):
                a = self.open_acct(h, b, t0 + j * r.randint(HOUR, 3 * DAY), reg, r.choice(['I', 'I', 'II']), 'lawful', 'campaign_opener')
                if r.random() < 0.5:
                    f = r.choice([1000, 5000, 10000, 100000]) if r.random() < 0.7 else r.choice([2000000, 5000000, 3000000])
                    ok = self.tx(a.opened + r.randint(10 * MIN, 2 * DAY), old.id, a.id, f, 'mobile', reg, r.choice(['', '存款']))
                    if not ok:
                        self.dep(a.opened + r.randint(5 * MIN, 30 * MIN), a.id, f, reg)

    def lawful_freezes(self, n):
        r = self.rng
        cands = [a for a in self.local_pool if r.random() < 0.05]
        for aid in r.sample(cands, min(n, len(cands))):
            a = self.accts[aid]
            a.frozen_at = self.T0 + r.randint(2, NDAYS - 2) * DAY + self.tod('biz')
            a.status = 'frozen'

    # ==========================================================================================
    # fraud: exits, card farmers, mules, 跑分 participants, victims, and the money's path
    # ==========================================================================================
    def mk_exits(self):
        r = self.rng
        self.usdt = []
        for i in range(10):
            with_row = i < 4
            reg = self.wchoice([('440303', 2), ('440106', 1), ('350203', 1), ('410105', 1), ('210202', 2), ('210603', 1),
                                ('510107', 1), ('460105', 1)])
            h = self.new_person(reg, (23, 45))
            if with_row:
                bank = self.pick_supply_bank(reg) if reg.startswith('21') else self.rng.choice(self.supply)
            else:
                bank = self.pick_bank(reg)
                if bank in self.supply_set:
                    bank = r.choice(['CMB', 'CIB', 'PAB', 'CMBC'])
            a = self.open_acct(h, bank, self.old_open(60, 6.0), reg, 'I', 'fraud_exit', 'usdt_seller')
            other = self.open_acct(h, r.choice(['CMB', 'CIB', 'PAB', 'SPDB']), self.old_open(60, 6.0), reg, 'I', 'lawful', 'usdt_seller_own')
            self.usdt.append(a.id)
            # the seller's trade with other customers (buying and selling USDT)
            for d in range(NDAYS):
                for _ in range(self.pois(1.6)):
                    self.tx(self.t(d, 'any'), self.crypto(), a.id,
                            self.amt(12000, 0.9, 'mix', lo=500), 'mobile', '', '')
                for _ in range(self.pois(1.3)):
                    self.tx(self.t(d, 'any'), a.id, self.crypto(),
                            self.amt(15000, 0.9, 'mix', lo=500), 'mobile', reg if r.random() < 0.5 else '', '')
                if r.random() < 0.3:
                    self.tx(self.t(d, 'any'), a.id, other.id, self.amt(60000, 0.6, 'thousand'), 'mobile', '', '')
            self.spend(a.id, 6, reg, 'late', out=not reg.startswith('21'))
        self.pf_merch = []
        firms = ['LAKALA', 'SUMPAY', 'HUIFU', 'YEEPAY', 'FUIOU', 'ALLINPAY']
        for i in range(14):
            reg = self.far_region()
            a = self.payfirm_acct(r.choice(firms), r.choice(['pf_merchant_game_topup', 'pf_merchant_digital_goods',
                                                            'pf_merchant_ecommerce']), reg, 'corp', 'fraud_exit')
            a.opened = self.T0 - r.randint(15, 200) * DAY
            self.pf_merch.append(a.id)
        # lawful merchants at the same payment firms (card-present purchases)
        for i in range(12):
            reg = r.choice(DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN + [DONGGANG, ZHUANGHE])
            a = self.payfirm_acct(r.choice(firms), r.choice(['pf_merchant_shop', 'pf_merchant_restaurant', 'pf_merchant_phone_shop']),
                                  reg, 'corp', 'lawful')
            for _ in range(self.pois(60)):
                self.tx(self.t(r.randrange(NDAYS), 'day'), r.choice(self.local_pool), a.id, self.amt(260, 1.0, 'exact', lo=5), 'pos', reg)

    def crypto(self):
        return self.pooled('crypto', 160, lambda: self.ext_person('crypto_counterparty', supply_p=0.1, age=(20, 50)).id, 0.2)

    def mk_mule_holder(self, local_p=0.6):
        r = self.rng
        if r.random() < local_p:
            reg = self.wchoice([(rg, 2) for rg in DALIAN_URBAN] + [(JINZHOU, 2), (ZHUANGHE, 2), (PULANDIAN, 1), (WAFANGDIAN, 1)]
                               + [(rg, 2) for rg in DANDONG_URBAN] + [(DONGGANG, 2), (KUANDIAN, 2), (FENGCHENG, 1)]
                               + [(rg, 2) for rg in YINGKOU_URBAN] + [(BAYUQUAN, 1), (GAIZHOU, 1), (DASHIQIAO, 1)])
            kind = self.wchoice([('young', 45), ('student', 20), ('elderly', 15), ('worker', 20)])
            age = {'young': (18, 28), 'student': (18, 23), 'elderly': (58, 78), 'worker': (25, 50)}[kind]
            home = reg if kind != 'student' else (self.prov_region() if r.random() < 0.6 else reg)
            h = self.new_person(home, age)
            return h, reg
        prov = r.choice(FARMER_HOME + ['44', '41', '43', '45'])
        reg = self.prov_region(prov) if prov in PROV else self.far_region()
        h = self.new_person(reg, (18, 45))
        open_reg = reg if r.random() < 0.5 else r.choice(DALIAN_URBAN + DANDONG_URBAN + YINGKOU_URBAN)
        return h, open_reg

    def mk_mule(self, ring, tier, origin):
        r = self.rng
        cfg = self.cfg
        supply_p = {1: 0.78, 2: 0.5, 3: 0.62}[tier]
        h, reg = self.mk_mule_holder(0.62 if tier == 1 else 0.45)
        want = r.random() < supply_p
        if want:
            bank = self.pick_supply_bank(reg) if reg.startswith('21') else r.choice(self.supply)
        else:
            bank = self.pick_bank(reg)
            if bank in self.supply_set:
                bank = r.choice(['CMB', 'CIB', 'SPDB', 'CITIC', 'CMBC', 'PAB', 'CEB', 'HXB', 'CGB'])
        if origin == 'fresh':
            opened = self.T0 + int(r.uniform(-3, 24) * DAY)
            opened = self.T0 + ((opened - self.T0) // DAY) * DAY + self.tod('biz')
            cls = r.choice(['I', 'I', 'I', 'II'])
        elif origin == 'incubated':
            opened = self.T0 - r.randint(20, 120) * DAY + self.tod('biz')
            cls = r.choice(['I', 'I', 'II'])
        else:
            opened = self.old_open(400, 10.0)
            cls = 'I'
        a = self.open_acct(h, bank, opened, reg, cls, 'mule', 'mule_t%d_%s' % (tier, origin))
        a.tier = tier
        a.ring = ring['id']
        a.origin = origin
        a.w = math.exp(r.gauss(0.0, 1.0))      # some accounts are worked hard, most lightly
        self.set_window(a, origin)
        self.mule_prelife(a, origin)
        self.mule_accts.append(a.id)
        return a

    def set_window(self, a, origin):
        r = self.rng
        if origin in ('fresh', 'farmer_inside'):
            s = max(a.opened + r.randint(2 * HOUR, 3 * DAY), self.T0)
            L = r.uniform(2, 10) * DAY
        elif origin in ('incubated', 'farmer_before'):
            s = self.T0 + int(r.uniform(-2, NDAYS - 3) * DAY)
            s = max(s, a.opened + 5 * DAY)
            L = r.uniform(4, 15) * DAY
        else:
            s = self.T0 + int(r.uniform(-5, NDAYS - 3) * DAY)
            L = r.uniform(5, 25) * DAY * (1.6 if self.variant == 'V2' else 1.0)
        a.win = (int(s), int(s + L))

    def mule_prelife(self, a, origin):
        """what a mule account does apart from fraud money: opening deposits, incubation, the owner's own life"""
        r = self.rng
        s = a.win[0]
        if origin in ('fresh', 'farmer_inside', 'farmer_before') and r.random() < 0.55:
            self.dep(a.opened + r.randint(2 * MIN, 25 * MIN), a.id, r.choice([1000, 2000, 5000, 10000, 1000, 1000]), a.region)
        if origin == 'incubated':
            for _ in range(r.randint(1, 4)):
                ts = self.T0 + int(r.uniform(-1, max(0.1, (s - self.T0) / DAY)) * DAY)
                if ts > a.opened and ts < s:
                    if r.random() < 0.5:
                        self.dep(ts, a.id, r.choice([5000, 10000, 20000]), a.region, r.choice(['atm', 'counter']))
                    else:
                        self.tx(ts + 600, a.id, r.choice(self.hubs['tenpay'] + self.hubs['alipay']), self.amt(30, 0.8, 'exact', lo=1),
                                'mobile', a.region)
        elif origin == 'rented_old':
            self.light_life(a, income=r.random() < 0.5)
        elif origin == 'sold_old':
            d1 = (s - self.T0) // DAY
            if d1 > 2 and r.random() < 0.5:
                self.spend(a.id, 6, a.region, d_lo=0, d_hi=min(NDAYS, d1))

    def mk_farmers(self, rings):
        r = self.rng
        cfg = self.cfg
        self.farmer_cards = []
        for i in range(cfg['farmers']):
            home = r.choice(PROV[r.choice(FARMER_HOME)]) if r.random() < 0.8 else r.choice(LIAONING_OTHER_HOME)
            h = self.new_person(home, (19, 40))
            h.farmer = True
            self.farmers.append(h.id)
            own = self.open_acct(h, self.pick_bank(home), self.old_open(300, 8.0), home, 'I', 'lawful', 'card_farmer_own')
            if own.bank in self.supply_set:
                self.light_life(own, income=False)
            if cfg['farmer_when'] == 'inside':
                t0 = self.T0 + int(r.uniform(-2, 15) * DAY)
            else:
                t0 = self.T0 - int(r.uniform(12, 70) * DAY) if r.random() < 0.7 else self.T0 + int(r.uniform(0, 8) * DAY)
            n = r.randint(*cfg['farmer_cards'])
            cities = r.sample([DALIAN_URBAN, DANDONG_URBAN + [DONGGANG], YINGKOU_URBAN + [BAYUQUAN], [JINZHOU, PULANDIAN]], r.randint(2, 3))
            span = r.uniform(2, 10) * DAY
            for j in range(n):
                reg = r.choice(r.choice(cities)) if r.random() < 0.85 else self.far_region()
                bank = self.pick_supply_bank(reg) if r.random() < 0.8 else self.pick_bank(reg)
                ts = t0 + int(span * j / n) + r.randint(0, int(span / n))
                ts = self.T0 + ((ts - self.T0) // DAY) * DAY + self.tod('biz')
                a = self.open_acct(h, bank, ts, reg, r.choice(['I', 'I', 'II']), 'farmer_card', 'farmer_card')
                a.origin = 'farmer_inside' if ts >= self.T0 - 2 * DAY else 'farmer_before'
                self.set_window(a, a.origin)
                self.mule_prelife(a, a.origin)
                self.farmer_cards.append(a)
            # the cards go to one or two rings
        r.shuffle(self.farmer_cards)
        for a in self.farmer_cards:
            if r.random() < cfg['farmer_idle']:
                a.arch = 'farmer_card_idle'
                continue
            ring = r.choice(rings)
            tier = self.wchoice([(1, 60), (2, 25), (3, 15)])
            a.tier = tier
            a.ring = ring['id']
            a.arch = 'farmer_card_t%d' % tier
            ring['t%d' % tier].append(a)
            self.mule_accts.append(a.id)

    def mk_rings(self):
        r = self.rng
        cfg = self.cfg
        rings = []
        typs = list(cfg['typ_w'])
        for i in range(cfg['rings']):
            ts = r.sample(typs, min(len(typs), r.randint(2, 4)))
            ring = dict(id=i, typ=ts, t1=[], t2=[], t3=[],
                        cash=r.sample(CASH_FAR, 2) + r.sample(CASH_BORDER, 1 + (r.random() < 0.5)),
                        ops=[self.far_region() for _ in range(2)] + [r.choice(CASH_BORDER)],
                        usdt=r.sample(self.usdt, r.randint(2, 3)), merch=r.sample(self.pf_merch, r.randint(2, 3)),
                        paofen=[], uses_paofen=any(t in ('brushing', 'game_trade', 'shopping_service', 'fake_job') for t in ts),
                        size=r.uniform(0.6, 1.5))
            ow = cfg['origin']
            for tier, rng_ in ((1, cfg['tier1']), (2, cfg['tier2']), (3, cfg['tier3'])):
                for _ in range(r.randint(*rng_)):
                    origin = self.wchoice(list(ow.items()))
                    ring['t%d' % tier].append(self.mk_mule(ring, tier, origin))
            rings.append(ring)
        return rings

    def mk_paofen(self, rings):
        r = self.rng
        pr = [g for g in rings if g['uses_paofen']] or rings
        for i in range(self.cfg['paofen']):
            ring = r.choice(pr)
            reg = r.choice(DALIAN_URBAN + [JINZHOU, LUSHUN] + DANDONG_URBAN + YINGKOU_URBAN + [DONGGANG, ZHUANGHE])
            if r.random() < 0.4 and self.student_accts:
                # a student who joins 跑分 with the card already used for daily life
                aid = r.choice(self.student_accts)
                a = self.accts[aid]
                if a.role != 'lawful' or a.opened >= self.T0:
                    continue
            else:
                h = self.new_person(reg if r.random() < 0.7 else self.far_region(), (18, 35))
                bank = self.pick_supply_bank(reg) if r.random() < 0.75 else self.pick_bank(reg)
                a = self.open_acct(h, bank, self.old_open(30, 6.0), reg, 'I', 'paofen', 'paofen')
                self.light_life(a, income=r.random() < 0.5)
            a.role = 'paofen'
            a.arch = 'paofen'
            a.ring = ring['id']
            a.tier = 0
            a.origin = 'paofen'
            s = self.T0 + int(r.uniform(-2, NDAYS - 4) * DAY)
            a.win = (s, s + int(r.uniform(3, 20) * DAY))
            ring['paofen'].append(a)
            self.mule_accts.append(a.id)

    # ---------------- victims ----------------
    TYP = {
        # typology: (median first payment, sigma, growth per payment, age range, spacing mode, memos)
        'brushing': (600, 0.8, 2.6, (18, 45), 'hours', ['', '', '任务', '垫付']),
        'ecommerce_cs': (4000, 0.9, 1.6, (20, 55), 'minutes', ['', '', '备用金', '保证金']),
        'investment': (20000, 0.9, 2.0, (28, 65), 'days', ['', '投资', '', '入金']),
        'police_gov': (50000, 0.8, 1.2, (45, 80), 'minutes', ['', '', '资金清查', '']),
        'loan_card': (3000, 0.7, 1.7, (20, 45), 'hours', ['', '解冻费', '保证金', '']),
        'romance': (8000, 0.9, 2.0, (25, 60), 'days', ['', '', '']),
        'credit_record': (12000, 0.8, 1.5, (20, 32), 'minutes', ['', '', '还款']),
        'shopping_service': (900, 1.0, 1.5, (18, 55), 'hours', ['', '货款', '', '定金']),
        'game_trade': (500, 1.0, 1.8, (14, 30), 'hours', ['', '', '装备']),
        'leader_acquaintance': (30000, 0.7, 1.4, (25, 60), 'minutes', ['', '', '借款']),
        'military_purchase': (40000, 0.7, 1.6, (30, 60), 'hours', ['', '货款', '']),
        'fake_job': (400, 0.7, 1.8, (18, 30), 'hours', ['', '培训费', '服装费']),
        'parcel': (20000, 0.8, 1.5, (30, 70), 'minutes', ['', '', '']),
        'accident_kidnap': (15000, 0.6, 1.3, (40, 75), 'minutes', ['', '医疗费', '']),
        'prize': (2000, 0.8, 1.8, (25, 70), 'hours', ['', '手续费', '个人所得税']),
        'subsidy_refund': (6000, 0.7, 1.5, (40, 75), 'minutes', ['', '', '']),
    }

    def mk_victims(self, rings):
        r = self.rng
        cfg = self.cfg
        plans = []
        self.victims = []
        rw = [g['size'] for g in rings]
        seed_liaoning = self.pensioner_accts + self.student_accts + self.local_pool
        for i in range(cfg['n_victims']):
            ring = r.choices(rings, rw)[0]
            typ = r.choices(ring['typ'], [cfg['typ_w'][t] for t in ring['typ']])[0]
            med, sig, growth, age, spacing, memos = self.TYP[typ]
            npay = self.wchoice(cfg['pay_dist'])
            if spacing in ('days',) and self.variant != 'V2':
                npay = max(npay, r.choice([1, 2, 2, 3]))
            d0 = r.uniform(0, NDAYS - 0.5)
            liaoning = r.random() < 0.12
            if liaoning:
                if typ in ('police_gov', 'accident_kidnap', 'parcel', 'subsidy_refund') and self.pensioner_accts:
                    aid = r.choice(self.pensioner_accts)
                elif typ in ('game_trade', 'credit_record', 'fake_job', 'brushing') and self.student_accts and r.random() < 0.6:
                    aid = r.choice(self.student_accts)
                else:
                    aid = r.choice(self.local_pool)
                va = self.accts[aid]
                if va.opened >= self.T0 or va.role != 'lawful':
                    va = self.ext_person('victim', region=r.choice(DALIAN_URBAN + DANDONG_URBAN), supply_p=0.5, age=age)
            else:
                va = self.ext_person('victim', supply_p=0.22, age=age)
            elderly = age[0] >= 40 and r.random() < 0.5
            self.victims.append(va.id)
            reported = r.random() < {'baseline': 0.78, 'V2': 0.82, 'V3': 0.72}[self.variant]
            t = self.T0 + int(d0 * DAY)
            # start the scam in waking hours
            hh = (t - self.T0) % DAY
            if hh < 8 * HOUR:
                t += int(r.uniform(8, 12) * HOUR)
            base = self.ln(med, sig)
            for k in range(npay):
                amount = base * (growth ** k) * r.uniform(0.7, 1.3)
                if typ == 'police_gov':
                    amount = min(amount, 300000)
                style = r.choice(['exact', 'yuan', 'hundred', 'thousand'] if amount > 5000 else ['exact', 'yuan', 'ten', 'hundred'])
                f = self.amt(amount, 0.05, style, lo=50, hi=1000000)
                if elderly:
                    ch = self.wchoice([('counter', 40), ('mobile', 35), ('atm', 10), ('online', 15)])
                else:
                    ch = self.wchoice([('mobile', 72), ('online', 22), ('atm', 6)])
                if ch == 'atm':
                    f = min(f, 5000000)
                reg = va.region if r.random() < 0.9 else ''
                plans.append((t, dict(victim=va.id, fen=f, ring=ring, ch=ch, reg=reg, memo=r.choice(memos),
                                      reported=reported, typ=typ, vidx=i)))
                if spacing == 'minutes' and self.variant != 'V2':
                    t += r.randint(4 * MIN, 90 * MIN)
                elif spacing == 'hours' and self.variant != 'V2':
                    t += r.randint(15 * MIN, 8 * HOUR)
                else:
                    t += int(r.uniform(0.3, 4.0) * DAY)
                hh = (t - self.T0) % DAY
                if hh < 7 * HOUR and r.random() < 0.75:
                    t += int(r.uniform(7, 11) * HOUR) - hh
        return plans

    # ---------------- the money's path ----------------
    def hop(self):
        r = self.rng
        lo, hi = self.cfg['hop']
        d = math.exp(r.uniform(math.log(lo), math.log(hi)))
        if r.random() < self.cfg['hold_p']:
            d += r.uniform(*self.cfg['hold'])
        return int(d)

    def active(self, lst, t, exclude=None):
        r = self.rng
        c = [a for a in lst if a.win and a.win[0] <= t <= a.win[1] and a.opened + HOUR <= t
             and (a.frozen_at is None or a.frozen_at > t) and a.id != exclude]
        if not c:
            c = [a for a in lst if a.opened + HOUR <= t and (a.frozen_at is None or a.frozen_at > t) and a.id != exclude]
        if not c:
            return None
        return r.choices(c, [a.w for a in c])[0]

    def layer_region(self, a, ring):
        x = self.rng.random()
        if x < 0.4:
            return a.region
        if x < 0.75:
            return self.rng.choice(ring['ops'])
        return ''

    def simulate(self, rings, plans):
        r = self.rng
        cfg = self.cfg
        heap = []
        cnt = [0]

        def push(t, kind, x):
            heapq.heappush(heap, (t, cnt[0], kind, x))
            cnt[0] += 1

        for t, p in plans:
            push(t, 'vpay', p)
        self.fbal = {}
        sched = set()
        cash_sched = set()
        ring_of = {g['id']: g for g in rings}
        vic_last = {}
        freeze_delay = {'baseline': (3 * HOUR, 40 * HOUR), 'V2': (10 * HOUR, 4 * DAY), 'V3': (1 * HOUR, 18 * HOUR)}[self.variant]
        # test transfers (验卡) of a few fen or yuan into collection accounts before their first use
        for g in rings:
            for a in g['t1']:
                if r.random() < 0.3 and a.win:
                    src = self.active([b for b in g['t2'] if b.bank not in self.supply_set or b.opened < self.start_of[b.bank]],
                                      a.win[0] - HOUR)
                    if src is not None and a.win[0] - HOUR > a.opened:
                        self.tx(a.win[0] - r.randint(10 * MIN, 2 * HOUR), src.id, a.id, r.choice([1, 10, 100, 1000]),
                                'mobile', '', '', tk='layering')

        pend = {}

        def credit(a, f, t):
            self.fbal[a.id] = self.fbal.get(a.id, 0) + f
            pend.setdefault(a.id, []).append((t, f))
            if a.id not in sched:
                sched.add(a.id)
                push(t + self.hop(), 'sweep', a)

        def avail(a, t):
            """money that has arrived by time t (credits are stamped when the transfer is made)"""
            lst = pend.get(a.id)
            if not lst:
                return self.fbal.get(a.id, 0), None
            later = [(s, f) for s, f in lst if s > t]
            pend[a.id] = later
            return self.fbal.get(a.id, 0) - sum(f for _, f in later), (max(s for s, _ in later) if later else None)

        def send(a, b, f, t, ring, memo_p=0.25):
            memo = r.choice(['货款', '往来款', '还款', '借款', '']) if r.random() < memo_p else ''
            ch = self.wchoice([('mobile', 60), ('online', 35), ('counter', 5)])
            self.tx(t, a.id, b.id, f, ch, self.layer_region(a, ring), memo, tk='layering')
            self.fbal[a.id] -= f
            credit(b, f, t)

        def exit_to(a, out, t, ring):
            mode = self.wchoice(list(cfg['exit_mix'].items()))
            if mode == 'atm':
                if a.id not in cash_sched:
                    cash_sched.add(a.id)
                    lo, hi = {'baseline': (10 * MIN, 5 * HOUR), 'V2': (1 * HOUR, 36 * HOUR), 'V3': (4 * MIN, 40 * MIN)}[self.variant]
                    push(t + r.randint(lo, hi), 'cash', a)
                return
            if mode == 'usdt':
                tgt = r.choice(ring['usdt'])
                k = 1 if out < 5000000 else r.randint(1, 3)
            else:
                tgt = r.choice(ring['merch'])
                k = max(1, min(6, out // r.choice([500000, 1000000, 2000000])))
            parts = self.split(out, k)
            ts = t
            for f in parts:
                if a.frozen_at is not None and ts >= a.frozen_at:
                    break
                self.tx(ts, a.id, tgt, f, self.wchoice([('mobile', 55), ('online', 45)]), self.layer_region(a, ring),
                        r.choice(['', '', '', '充值', '货款']), tk='cashout')
                self.fbal[a.id] -= f
                ts += r.randint(20, 600)

        while heap:
            t, _, kind, x = heapq.heappop(heap)
            if t >= self.T_END:
                break
            if kind == 'vpay':
                p = x
                ring = p['ring']
                tgt = None
                if ring['paofen'] and p['fen'] <= 500000 and r.random() < (0.6 if self.variant == 'V3' else 0.42):
                    tgt = self.active(ring['paofen'], t)
                if tgt is None:
                    prev = vic_last.get(p['vidx'])
                    if prev is not None and r.random() < 0.45 and (prev.frozen_at is None or prev.frozen_at > t):
                        tgt = prev
                    else:
                        tgt = self.active(ring['t1'], t)
                if tgt is None:
                    continue
                vic_last[p['vidx']] = tgt
                if self.tx(t, p['victim'], tgt.id, p['fen'], p['ch'], p['reg'], p['memo'], tk='victim_payment'):
                    self.vic_pay[self.seq - 1] = p['reported']
                credit(tgt, p['fen'], t)
                if p['reported'] and r.random() < (0.2 if self.variant == 'V2' else 0.12):
                    push(t + r.randint(*freeze_delay), 'freeze', tgt)
            elif kind == 'freeze':
                if x.frozen_at is None:
                    x.frozen_at = t
            elif kind == 'sweep':
                a = x
                sched.discard(a.id)
                if a.frozen_at is not None and a.frozen_at <= t:
                    continue
                b, nxt_t = avail(a, t)
                if nxt_t is not None:
                    sched.add(a.id)
                    push(nxt_t + self.hop(), 'sweep', a)
                if b < 10000:
                    continue
                ring = ring_of[a.ring]
                if a.tier == 0:
                    keep = int(b * r.uniform(0.01, 0.025))
                else:
                    keep = r.choice([0, 0, r.randint(1, 5000)])
                out = b - keep
                if a.tier == 0:
                    tgt = self.active(ring['t1'] + ring['t2'], t, exclude=a.id)
                    if tgt is None:
                        continue
                    send(a, tgt, out, t + r.randint(5, 120), ring, 0.1)
                    continue
                x2 = r.random()
                nxt = None
                if a.tier == 1 and x2 >= cfg['direct_exit']:
                    nxt = 't2'
                elif a.tier == 2:
                    if x2 < 0.04:
                        nxt = 't1'           # money sent back up a layer (cycles)
                    elif x2 < 0.7:
                        nxt = 't3'
                if nxt is None:
                    exit_to(a, out, t + r.randint(5, 300), ring)
                    continue
                k = r.randint(2, 4) if r.random() < cfg['split_p'] else 1
                parts = self.split(out, k)
                ts = t + r.randint(5, 300)
                for f in parts:
                    if a.frozen_at is not None and ts >= a.frozen_at:
                        break
                    b2 = self.active(ring[nxt], ts, exclude=a.id)
                    if b2 is None:
                        exit_to(a, f, ts, ring)
                    else:
                        send(a, b2, f, ts, ring)
                    ts += r.randint(10, 900)
            elif kind == 'cash':
                a = x
                cash_sched.discard(a.id)
                if a.frozen_at is not None and a.frozen_at <= t:
                    continue
                ring = ring_of[a.ring]
                b, nxt_t = avail(a, t)
                reg = r.choice(ring['cash'])
                limit = 2000000 if a.cls == 'I' else 1000000
                ts = t
                if b >= 3000000 and a.cls == 'I' and r.random() < 0.12:
                    f = min(b // 100000 * 100000, r.choice([4900000, 4800000, 4500000]))
                    self.wd(ts, a.id, f, reg, 'counter', tk='cashout')
                    self.fbal[a.id] -= f
                    b -= f
                else:
                    day_tot = 0
                    while b >= 10000 and day_tot < limit:
                        f = min(r.choice([200000, 250000, 300000, 500000, 500000]), b // 10000 * 10000, limit - day_tot)
                        if f < 10000:
                            break
                        self.wd(ts, a.id, f, reg, 'atm', tk='cashout')
                        self.fbal[a.id] -= f
                        b -= f
                        day_tot += f
                        ts += r.randint(25, 200)
                if b < 10000 and nxt_t is not None:
                    cash_sched.add(a.id)
                    push(max(ts, nxt_t) + r.randint(5 * MIN, HOUR), 'cash', a)
                elif b >= 10000:
                    cash_sched.add(a.id)
                    loc = (ts - self.T0) % DAY
                    nd = ts - loc + DAY
                    if loc >= 22 * HOUR:
                        push(nd + r.randint(60, 40 * MIN), 'cash', a)      # just after midnight: a new daily limit
                    else:
                        push(nd + self.tod('late'), 'cash', a)

    def split(self, out, k):
        r = self.rng
        if k <= 1:
            return [out]
        cuts = sorted(r.uniform(0.15, 0.85) if k == 2 else r.random() for _ in range(k - 1))
        parts = []
        prev = 0.0
        for c in cuts + [1.0]:
            parts.append(int(out * (c - prev)))
            prev = c
        if r.random() < 0.4:
            parts = [p // 10000 * 10000 for p in parts[:-1]] + [0]
        parts[-1] = out - sum(parts[:-1])
        return [p for p in parts if p > 0]

    # ==========================================================================================
    # build, balances, labels, output
    # ==========================================================================================
    def build(self):
        r = self.rng
        self.staff_scale = 0.66
        self.spend_mult = {'baseline': 1.7, 'V2': 1.95, 'V3': 1.6}[self.variant]
        self.pensioner_accts = []
        self.mk_hubs()
        self.mk_employers()
        self.mk_businesses()
        self.gen_salaried()
        self.gen_pensioners(520)
        self.gen_students(430)
        self.gen_misc_locals(520)
        self.local_pool = [a for a in self.local_pool if self.accts[a].opened < self.T0]
        self.act_food()
        self.act_landlords()
        self.act_korean()
        self.act_hushi(240)
        self.act_seafood()
        self.act_strawberry()
        self.act_logistics(240)
        self.act_tourism()
        self.act_contractors(240)
        self.act_seafarers(110)
        self.act_eshops()
        self.act_family_events({'autumn': 90, 'spring': 70, 'festival': 110}[self.season])
        self.act_dormant({'baseline': 420, 'V2': 420, 'V3': 330}[self.variant])
        self.act_marketing_openers({'autumn': 12, 'spring': 10, 'festival': 28}[self.season])
        self.run_payroll()
        self.lawful_freezes(25)
        # fraud
        self.mk_exits()
        rings = self.mk_rings()
        self.mk_farmers(rings)
        self.mk_paofen(rings)
        plans = self.mk_victims(rings)
        self.simulate(rings, plans)
        self.rings = rings

    def buffer_for(self, a):
        r = self.rng
        if a.role == 'mule' or a.role == 'farmer_card':
            if a.origin == 'rented_old':
                return self.amt(1500, 1.0, 'exact')
            return self.amt(40, 1.2, 'exact') if r.random() < 0.7 else 0
        if a.role == 'fraud_exit':
            return self.amt(30000, 0.8, 'exact')
        if a.cls == 'corp':
            return self.amt(300000, 1.0, 'exact')
        if a.arch == 'dormant':
            return self.amt(150, 1.5, 'exact') if r.random() < 0.8 else 0
        if a.arch == 'pensioner':
            return self.amt(30000, 1.0, 'exact')
        if a.arch in ('student', 'student_new_card'):
            return self.amt(800, 0.8, 'exact')
        return self.amt(6000, 1.1, 'exact')

    def finalize(self):
        r = self.rng
        A = self.accts
        # freezes decided after the activity was drawn: nothing leaves a frozen account afterwards
        txs = []
        for x in self.txs:
            fa = A[x[2]] if x[2] else None
            if fa is not None and fa.frozen_at is not None and x[0] >= fa.frozen_at:
                continue
            txs.append(x)
        txs.sort(key=lambda x: (x[0], x[1]))
        # balances: opening balances for accounts with rows, opening deposits where a new account needs one
        for it in range(2):
            bal = {}
            low = {}
            first = {}
            for x in txs:
                ts, _, frm, to, fen = x[0], x[1], x[2], x[3], x[4]
                if frm and A[frm].bank in self.supply_set:
                    v = bal.get(frm, 0) - fen
                    bal[frm] = v
                    if v < low.get(frm, 0):
                        low[frm] = v
                    first.setdefault(frm, ts)
                if to and A[to].bank in self.supply_set:
                    bal[to] = bal.get(to, 0) + fen
                    first.setdefault(to, ts)
            if it == 1:
                break
            extra = []
            self.opening = {}
            for aid, a in A.items():
                if a.bank not in self.supply_set:
                    continue
                st = self.start_of[a.bank]
                deficit = -low.get(aid, 0)
                if a.opened < st:
                    self.opening[aid] = deficit + self.buffer_for(a)
                else:
                    self.opening[aid] = 0
                    if deficit > 0:
                        f = ((deficit + 9999) // 10000) * 10000 + self.amt(200, 1.0, 'hundred')
                        ts = min(a.opened + r.randint(60, 15 * MIN), first.get(aid, a.opened + 15 * MIN) - 1)
                        ts = max(ts, a.opened)
                        hh = ((ts - self.T0) % DAY) // HOUR
                        extra.append((ts, -1, '', aid, f, 'counter' if 8 <= hh < 17 else 'atm', a.region, '', 'deposit', False,
                                      'ordinary'))
                        self.fixups = getattr(self, 'fixups', {})
                        self.fixups[a.arch] = self.fixups.get(a.arch, 0) + 1
            if extra:
                txs.extend(extra)
                txs.sort(key=lambda x: (x[0], x[1]))
        self.final_txs = txs

    def write(self, out, truth):
        r = self.rng
        A = self.accts
        os.makedirs(out, exist_ok=True)
        txs = self.final_txs
        # transfer ids: the reporting bank, the date and a running number
        rows = []
        named = set()
        tkinds = []
        fraud_ids = []
        vis_pay_to = {}
        seqmap = {}
        for n, x in enumerate(txs):
            ts, seq, frm, to, fen, ch, reg, memo, kind, xb, tk = x
            rep = None
            for aid in (frm, to):
                if aid and A[aid].bank in self.start_of and ts >= self.start_of[A[aid].bank]:
                    rep = A[aid].bank
                    break
            d = datetime.fromtimestamp(ts, TZ)
            tid = '%s%s%08d' % (rep, d.strftime('%Y%m%d'), n + 1)
            rows.append([tid, fmt_ts(ts), frm, to, fmt_fen(fen), 'CNY', ch, reg, kind, memo, 'true' if xb else 'false'])
            tkinds.append((tid, tk))
            if frm:
                named.add(frm)
            if to:
                named.add(to)
            if tk == 'victim_payment':
                rep_flag = self.vic_pay.get(seq, False)
                vis_pay_to.setdefault(to, []).append(rep_flag)
                if rep_flag and r.random() < 0.95:
                    fraud_ids.append(tid)
        acct_rows = [a for a in A.values() if a.bank in self.supply_set and a.opened < self.T_END]
        for a in acct_rows:
            named.add(a.id)
        # labels: about 40-50 % of the fraud network's accounts the data names, reported ones more often
        net = [A[i] for i in named if A[i].role in ('mule', 'paofen', 'farmer_card')]
        net.sort(key=lambda a: a.id)
        target = int(round(len(net) * r.uniform(0.40, 0.50)))
        keyed = []
        for a in net:
            w = {1: 1.0, 2: 0.6, 3: 0.55, 0: 0.7}.get(a.tier, 0.4)
            if any(vis_pay_to.get(a.id, [])):
                w *= 2.5
            if a.status == 'frozen' or (a.frozen_at is not None and a.frozen_at < self.T_END):
                w *= 2.0
            if a.arch == 'farmer_card_idle':
                w *= 0.3
            keyed.append((r.random() ** (1.0 / w), a.id))
        keyed.sort(reverse=True)
        lab_acc = set(i for _, i in keyed[:target])
        for i in sorted(named):
            a = A[i]
            if a.role == 'fraud_exit' and a.arch == 'usdt_seller' and r.random() < 0.3:
                lab_acc.add(i)
        farmers_named = [h for h in self.farmers if any(x in named for x in self.holders[h].accts)]
        nlab = max(1, int(round(len(farmers_named) * r.uniform(0.25, 0.45)))) if farmers_named else 0
        lab_farm = set(r.sample(farmers_named, min(nlab, len(farmers_named))))
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a in sorted(acct_rows, key=lambda a: (a.bank, a.opened, a.id)):
                st = a.status
                if a.frozen_at is not None and a.frozen_at < self.T_END:
                    st = 'frozen'
                w.writerow([a.id, a.bank, a.holder, fmt_ts(a.opened), a.region, a.cls, fmt_fen(self.opening.get(a.id, 0)), st])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo',
                        'cross_border'])
            w.writerows(rows)
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for i in sorted(lab_acc):
                w.writerow(['account', i, 'mule'])
            for t in fraud_ids:
                w.writerow(['transfer', t, 'fraud'])
            for h in sorted(lab_farm):
                w.writerow(['holder', h, 'card_farmer'])
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                            'labelled', 'farmer_labelled', 'extract_start'])
                for i in sorted(named):
                    a = A[i]
                    h = self.holders[a.holder]
                    w.writerow(['account', a.id, a.bank, a.holder, 1 if a.bank in self.supply_set else 0, a.role, a.arch,
                                1 if h.farmer else 0, fmt_ts(a.opened), 1 if i in lab_acc else 0, 1 if a.holder in lab_farm else 0,
                                fmt_ts(self.start_of[a.bank]) if a.bank in self.start_of else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                w.writerows(tkinds)
        return dict(accounts_named=len(named), rows=len(acct_rows), transfers=len(rows),
                    victim_payments=sum(1 for _, k in tkinds if k == 'victim_payment'),
                    fraud_labels=len(fraud_ids), mule_labels=len(lab_acc), network=len(net),
                    farmers_labelled=len(lab_farm), bad=self.bad, badk=self.badk, fixups=getattr(self, 'fixups', {}))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Synthetic banking world: the Liaoning coast and the China-DPRK border.')
    ap.add_argument('--variant', required=True, choices=['baseline', 'V2', 'V3'])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    args = ap.parse_args(argv)
    w = World(args.variant, args.seed)
    w.build()
    w.finalize()
    st = w.write(args.out, args.truth)
    print('%s seed %d: %d accounts named (%d with rows), %d transfers, %d victim payments, %d mule labels of %d network accounts'
          % (args.variant, args.seed, st['accounts_named'], st['rows'], st['transfers'], st['victim_payments'],
             st['mule_labels'], st['network']), file=sys.stderr)
    if os.environ.get('LIAOHAI_DEBUG'):
        print(st, file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
