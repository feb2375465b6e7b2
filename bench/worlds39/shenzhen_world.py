#!/usr/bin/env python3
"""Synthetic Shenzhen banking world (worlds39) for testing a counter-telecom-fraud engine.

python3 shenzhen_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
Standard library only; deterministic for a given variant and seed.
"""
import argparse, bisect, csv, heapq, math, os, random, re, sys
from datetime import datetime, timedelta
from itertools import accumulate

DAY, H, MIN = 86400, 3600, 60
NDAYS = 30
VARIANTS = {'baseline': (datetime(2024, 9, 2), 1), 'V2': (datetime(2024, 10, 14), 2), 'V3': (datetime(2024, 11, 1), 3)}
SUPPLY = ['CMB', 'PAB', 'ICBC', 'CCB', 'SZRCB']
SUPW = [26, 22, 20, 18, 14]
EXTB = ['ABC', 'BOC', 'BOCOM', 'PSBC', 'CIB', 'CITIC', 'SPDB', 'CEB', 'GDB', 'CMBC', 'HXB']
PAYF = ['ALIPAY', 'TENPAY', 'LAKALA', 'YEEPAY']
HKB = ['HSBCHK', 'BOCHK', 'HASE']
BIN = {'CMB': '621483', 'PAB': '622155', 'ICBC': '622202', 'CCB': '621700', 'SZRCB': '621421', 'ABC': '622848',
       'BOC': '621661', 'BOCOM': '622262', 'PSBC': '621799', 'CIB': '622909', 'CITIC': '621771', 'SPDB': '622521',
       'CEB': '622660', 'GDB': '622568', 'CMBC': '622622', 'HXB': '622632', 'ALIPAY': '2088', 'TENPAY': '1300',
       'LAKALA': '8222', 'YEEPAY': '1001', 'HSBCHK': '004', 'BOCHK': '012', 'HASE': '024'}
# GB/T 2260 codes
SZD = ['440304', '440305', '440303', '440306', '440307', '440309']  # Futian Nanshan Luohu Bao'an Longgang Longhua
SZDW = [14, 20, 10, 22, 18, 16]
DG, HZ, GZ, HKR = '441900', '441302', '440106', '810000'
GDO = ['445102', '440511', '440803', '441602', '441502', '445202', '440902', '445224']
FAR = ['410102', '420102', '430102', '510104', '450103', '360102', '340102', '230102', '150102', '530102',
       '520102', '370102', '130102', '610102', '350102', '320102', '330106', '620102', '140105', '500103',
       '220102', '210102', '460105', '120101', '110101', '310101', '650102', '640104']
HOMEW = FAR + GDO
CASH_FAR = ['532801', '451481', '530102', '450103', '460105', '350102']
CASH_GD = ['440304', '440306', '441900', '445224', '440307']
FARM_HOME = ['420102', '450103', '430102', '410102', '230102', '150102', '360102']
FARM_CITY = SZD + [DG, HZ, GZ, '430102', '450103', '420102', '360102']
SZ_NATIVE = ['440301', '440303', '440304', '440306', '440307']
VALID = set(SZD + [DG, HZ, GZ, HKR] + GDO + FAR + CASH_FAR + CASH_GD + FARM_CITY + SZ_NATIVE)
HW = [.2, .1, .05, .05, .05, .1, .4, 1.2, 2.5, 3.5, 3.8, 3.8, 4.2, 3.6, 3.6, 3.6, 3.6, 3.8, 4.4, 5, 5, 4.4, 3, 1.2]
HWC = list(accumulate(HW))
WORKH = [0, 0, 0, 0, 0, 0, 0, .5, 2, 4, 4, 4, 3, 3, 4, 4, 4, 3, 2, 1, .5, .2, 0, 0]
WORKC = list(accumulate(WORKH))
NIGHT = [3, 3, 3, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]
NIGHTC = list(accumulate(NIGHT))
KINDW = {'baseline': {'fresh': 30, 'aged': 18, 'rented': 12, 'sold': 10, 'paofen': 16, 'farmer': 14},
         'V2': {'fresh': 6, 'aged': 8, 'rented': 38, 'sold': 30, 'paofen': 10, 'farmer': 8}}
KINDW['V3'] = KINDW['baseline']
FTYPES = {'brushing': (300, 8000, 1.6), 'ecommerce_cs': (2000, 40000, 1.2), 'investment': (10000, 150000, 1.5),
          'loan_card': (800, 9000, 1.3), 'credit_record': (3000, 50000, 1.2), 'police_gov': (20000, 300000, 1.3),
          'leader_acquaintance': (5000, 80000, 1.1), 'romance': (5000, 120000, 1.6), 'game_trade': (200, 6000, 1.3),
          'fake_job': (300, 3000, 1.2)}
CUES = {'brushing': ['刷单垫付', '做单', '任务单'], 'ecommerce_cs': ['退款', '理赔', '备用金'], 'investment': ['投资款', '入金', 'USDT'],
        'loan_card': ['解冻费', '保证金', '流水'], 'credit_record': ['注销校园贷', '征信'], 'police_gov': ['安全账户', '资金清查'],
        'leader_acquaintance': ['急用', '借款'], 'romance': ['充值', '投资'], 'game_trade': ['保证金', '账号'], 'fake_job': ['培训费', '服装费']}


class World:
    def __init__(self, variant, seed):
        self.V = variant
        self.start, vi = VARIANTS[variant]
        self.r = random.Random(seed * 1000003 + vi * 7919 + 39)
        self.acc, self.ids, self.hids = {}, set(), set()
        self.tx, self.seq = [], 0
        self.quiet = {}
        self.lab_acc, self.lab_holder = set(), []
        r = self.r
        days = [0] + r.sample(range(1, 6), 4)
        r.shuffle(days)
        self.extract = {b: d * DAY for b, d in zip(SUPPLY, days)}
        self.dates = [self.start + timedelta(days=i) for i in range(NDAYS)]

    # ---------- helpers ----------
    def pois(self, lam):
        if lam <= 0: return 0
        if lam > 30: return max(0, int(self.r.gauss(lam, math.sqrt(lam)) + .5))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L: return k
            k += 1

    def at(self, day, cw=HWC):
        return int(day * DAY + bisect.bisect(cw, self.r.random() * cw[-1]) * H + self.r.randrange(3600))

    def dom(self, d):
        return [i for i, dt in enumerate(self.dates) if dt.day == d]

    def lastday(self):
        return [i for i, dt in enumerate(self.dates) if (dt + timedelta(days=1)).day == 1]

    def dist(self):
        return self.r.choices(SZD, SZDW)[0]

    def hid(self, home, y0, y1):
        r = self.r
        while True:
            b = datetime(r.randint(y0, y1), 1, 1) + timedelta(days=r.randrange(365))
            s = home + b.strftime('%Y%m%d') + '%03d' % r.randrange(1000)
            w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            s += '10X98765432'[sum(int(c) * k for c, k in zip(s, w)) % 11]
            if s not in self.hids:
                self.hids.add(s); return s

    def uscc(self, reg):
        while True:
            s = '91' + reg + ''.join(self.r.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(10))
            if s not in self.hids:
                self.hids.add(s); return s

    def bank(self, p_sup=0.75):
        r = self.r
        return r.choices(SUPPLY, SUPW)[0] if r.random() < p_sup else r.choice(EXTB)

    def new(self, holder, bank, opened, region, cls='I', role='lawful', arch='', farmer=0, base=None):
        r = self.r
        while True:
            if bank in HKB:
                aid = '%s-%03d-%06d-%03d' % (BIN[bank], r.randrange(1000), r.randrange(10 ** 6), r.randrange(1000))
            elif cls == 'corp':
                aid = BIN[bank][-3:] + '755' + '%012d' % r.randrange(10 ** 12)
            else:
                aid = BIN[bank] + '%013d' % r.randrange(10 ** 13)
            if aid not in self.ids: break
        self.ids.add(aid)
        if base is None:
            base = 0 if opened > -DAY else round(r.lognormvariate(8.5, 1.2), 2)
        self.acc[aid] = dict(id=aid, bank=bank, holder=holder, opened=int(opened), region=region, cls=cls, role=role,
                             arch=arch, farmer=farmer, base=base, flab=0)
        return aid

    def person(self, home, y0=1975, y1=2000, p_sup=0.75, opened=None, region=None, arch='resident', cls='I'):
        r = self.r
        h = self.hid(home, y0, y1)
        op = opened if opened is not None else -r.uniform(200, 4500) * DAY
        return self.new(h, self.bank(p_sup), op, region or self.dist(), cls, arch=arch)

    def ext(self, home=None, arch='counterparty'):
        home = home or self.r.choice(HOMEW)
        return self.person(home, 1965, 2002, p_sup=0.12, region=home, arch=arch)

    def corp(self, reg, p_sup, arch, opened=None, base=None):
        r = self.r
        op = opened if opened is not None else -r.uniform(300, 6000) * DAY
        return self.new(self.uscc(reg), self.bank(p_sup), op, reg, 'corp', arch=arch,
                        base=base if base is not None else round(r.uniform(2e5, 5e6), 2))

    def emit(self, t, f, to, amt, ch='mobile', reg='440304', kind='transfer', memo='', xb=False, tk='ordinary'):
        fen = int(round(amt * 100))
        if fen <= 0: return
        self.seq += 1
        self.tx.append((int(t), self.seq, f or '', to or '', fen, ch, reg, kind, memo, xb, tk))

    def amt(self, lo, hi, rnd=0):
        v = math.exp(self.r.uniform(math.log(lo), math.log(hi)))
        if rnd: v = max(rnd, round(v / rnd) * rnd)
        return round(v, 2)

    # ---------- lawful world ----------
    def build_lawful(self):
        r, V = self.r, self.V
        v3 = V == 'V3'
        self.employers = []
        for i in range(70):
            k = 'tech' if i < 30 else ('factory' if i < 50 else 'service')
            reg = '440305' if k == 'tech' and r.random() < .7 else (r.choice(['440306', '440309', DG]) if k == 'factory' else self.dist())
            a = self.corp(reg, 0.7, 'employer_' + k)
            pay = r.choice([5, 10, 10, 15, 15, 25]) if k != 'factory' else r.choice([8, 10, 28])
            self.employers.append((a, pay, k, reg))
        self.platforms = {n: self.corp('440305', 0.8, 'platform_' + n) for n in ['meituan', 'didi', 'eleme', 'lalamove']}
        self.merchants = [self.corp(self.dist(), 0.5, 'merchant', base=round(r.uniform(1e4, 3e5), 2)) for _ in range(420)]
        self.ecom = [self.corp('330106', 0.0, 'ecommerce_settlement') for _ in range(6)]
        self.utility = [self.corp('440304', 0.3, 'utility') for _ in range(4)]
        self.suppliers = [self.corp(r.choice([DG, DG, '440306', '440309', HZ]), 0.5, 'electronics_supplier') for _ in range(90)]
        self.hkshops = [self.new(self.uscc(HKR), r.choice(HKB), -2000 * DAY, HKR, 'corp', arch='hk_shop') for _ in range(25)]
        self.dealers = [self.corp(r.choice(SZD), 0.6, 'car_dealer', opened=(r.uniform(-2, 15) * DAY if r.random() < .3 else None)) for _ in range(15)]
        self.devs = [self.corp(r.choice(SZD + [DG, HZ]), 0.6, 'developer', opened=(r.uniform(-3, 12) * DAY if r.random() < .3 else None)) for _ in range(8)]
        self.venues = [self.corp(r.choice(SZD + [HZ]), 0.5, 'venue_travel') for _ in range(15)]
        self.hotels = [self.corp(self.dist(), 0.5, 'wedding_hotel') for _ in range(10)]
        # landlords of urban-village flats
        self.landlords = []
        for _ in range(200):
            d = self.dist()
            a = self.person(r.choice(SZ_NATIVE), 1950, 1985, 0.85, region=d, arch='landlord')
            self.landlords.append(a)
            self.acc[a]['base'] = round(r.uniform(3e4, 6e5), 2)
        self.ext_landlords = [self.ext(r.choice(SZ_NATIVE), 'landlord') for _ in range(120)]
        self.friends_ext = [self.ext() for _ in range(1500)]
        self.people = []  # dicts
        nres, ngrad, nrid = {'baseline': (4900, 1100, 600), 'V2': (5300, 500, 600), 'V3': (4600, 400, 700)}[V]
        for i in range(nres):
            self.people.append(self.mkperson('resident'))
        for i in range(ngrad):
            self.people.append(self.mkperson('graduate'))
        for i in range(350):
            self.people.append(self.mkperson('student'))
        for i in range(nrid):
            self.people.append(self.mkperson('rider'))
        self.mains = [p['m'] for p in self.people]
        for p in self.people:
            self.life(p)
        self.landlord_life(); self.employer_life(); self.merchant_life()
        self.traders(); self.shuike(); self.organisers(); self.weddings(); self.big_payments(); self.aa_groups()

    def mkperson(self, arch):
        r = self.r
        home = r.choice(SZ_NATIVE) if (arch == 'resident' and r.random() < .12) else r.choice(HOMEW)
        d = self.dist()
        p = dict(arch=arch, home=home, dist=d, s=None, emp=None, ll=None, arr=-60)
        if arch == 'graduate':
            p['arr'] = r.uniform(-8, 26) if self.V == 'baseline' else r.uniform(-20, 26)
            op = (p['arr'] + r.uniform(0, 3)) * DAY if r.random() < .8 else -r.uniform(60, 1500) * DAY
            p['m'] = self.person(home, 2000, 2003, 0.8, opened=op, region=d if op > -DAY else home, arch='graduate')
            p['emp'] = r.choice(self.employers[:30] + self.employers[50:])
        elif arch == 'student':
            p['dist'] = r.choice(['440305', '440307'])
            op = r.uniform(-3, 10) * DAY if (self.V == 'baseline' and r.random() < .5) else -r.uniform(30, 1200) * DAY
            p['m'] = self.person(home, 2002, 2006, 0.7, opened=op, region=p['dist'], arch='student')
        elif arch == 'rider':
            p['arr'] = r.uniform(-200, 20) if r.random() < .3 else -300
            op = (p['arr'] + r.uniform(0, 2)) * DAY if p['arr'] > -30 else -r.uniform(30, 3000) * DAY
            p['m'] = self.person(home, 1980, 2003, 0.7, opened=op, region=d if op > -DAY else home, arch='rider')
            p['plat'] = r.choice(list(self.platforms))
        else:
            p['m'] = self.person(home, 1970, 2000, 0.82, region=r.choice([d, d, home]))
            p['emp'] = r.choice(self.employers)
        if arch in ('resident', 'rider') and r.random() < .6:
            p['s'] = self.new(self.acc[p['m']]['holder'], self.bank(0.8), -r.uniform(30, 3000) * DAY, r.choice([d, home]), arch=arch + '_second')
        if arch == 'resident' and r.random() < .25:  # dormant card at yet another bank
            self.new(self.acc[p['m']]['holder'], self.bank(0.85), -r.uniform(200, 5000) * DAY, r.choice([d, home]), arch='dormant_card')
        if arch != 'student':
            p['ll'] = r.choice(self.landlords) if r.random() < .55 else r.choice(self.ext_landlords)
        p['rent'] = r.choice([1200, 1500, 1800, 2000, 2300, 2500, 2800, 3200, 3800, 4500, 5500])
        p['rentday'] = r.randint(1, 10)
        p['fam'] = self.ext(home, 'parent') if r.random() < (.9 if arch in ('graduate', 'student') else .45) else None
        p['w'] = None
        return p

    def wallet(self, p):
        if not p['w']:
            p['w'] = self.new(self.acc[p['m']]['holder'], self.r.choice(['ALIPAY', 'TENPAY']), -self.r.uniform(100, 3000) * DAY, p['dist'], 'II', arch='wallet')
        return p['w']

    def life(self, p):
        r, em, V = self.r, self.emit, self.V
        m, reg, arch = p['m'], p['dist'], p['arch']
        d0 = max(0, int(max(p['arr'], self.acc[m]['opened'] / DAY)) + (1 if p['arr'] > -30 else 0))
        span = NDAYS - d0
        if span <= 0: return
        f = span / NDAYS
        rday = lambda: r.randrange(d0, NDAYS)
        if p['emp']:
            ea, pay, k, ereg = p['emp']
            sal = {'tech': r.uniform(12000, 45000), 'factory': r.uniform(4800, 8000), 'service': r.uniform(5000, 12000)}[k]
            if arch == 'graduate': sal = r.uniform(7000, 22000)
            for d in self.dom(pay):
                if d >= d0 and (arch != 'graduate' or d > p['arr'] + 20):
                    em(d * DAY + r.randint(9 * H, 16 * H), ea, m, round(sal * r.uniform(.93, 1.05), 2), 'other', ereg, memo='代发工资')
            if V == 'V3' and k == 'tech' and r.random() < .6:
                d = r.randint(20, 28)
                if d >= d0: em(d * DAY + r.randint(10 * H, 17 * H), ea, m, round(sal * r.uniform(1, 6), 2), 'other', ereg, memo='年终奖')
        if arch == 'rider':
            pl = self.platforms[p['plat']]
            daily = p['plat'] in ('meituan', 'eleme')
            for d in range(d0, NDAYS):
                if daily and r.random() < .85 or (not daily and self.dates[d].weekday() == 1):
                    em(d * DAY + r.randint(6 * H, 12 * H), pl, m, round(r.uniform(90, 480) * (1 if daily else 6), 2), 'other', '440305', memo='骑手结算' if daily else '司机提现')
            for _ in range(self.pois(2 * f)):
                em(self.at(rday()), m, None, r.choice([300, 500, 1000, 2000]), 'atm', reg, 'withdrawal')
        if arch == 'graduate':  # settling in
            if p['fam']:
                for _ in range(r.randint(1, 3)):
                    em(self.at(rday()), p['fam'], m, r.choice([1000, 1500, 2000, 3000, 5000]), 'mobile', self.acc[p['fam']]['region'], memo='生活费')
            if p['ll'] and p['arr'] >= 0:
                em(self.at(min(NDAYS - 1, d0 + r.randint(0, 2))), m, p['ll'], p['rent'] * r.choice([2, 3]), memo='押金+房租')
        if arch == 'student' and p['fam']:
            for d in self.dom(r.randint(1, 28)) + ([r.randrange(NDAYS)] if r.random() < .3 else []):
                if d >= d0: em(self.at(d), p['fam'], m, r.choice([1500, 2000, 2500, 3000]), 'mobile', self.acc[p['fam']]['region'], memo='生活费')
        if p['ll']:
            for d in self.dom(p['rentday']):
                if d >= d0: em(self.at(d), m, p['ll'], p['rent'], memo='房租')
        lam = {'resident': 9, 'graduate': 8, 'student': 7, 'rider': 5}[arch]
        if V == 'V3': lam *= 1.15
        for _ in range(self.pois(lam * f)):
            em(self.at(rday()), m, r.choice(self.merchants), self.amt(12, 1500), 'pos', reg)
        for _ in range(self.pois(4 * f)):
            em(self.at(rday()), m, self.wallet(p), self.amt(100, 3000, 100 if r.random() < .6 else 0), 'mobile', reg, memo='充值')
        for _ in range(self.pois(3 * f)):
            fr = r.choice(self.mains) if r.random() < .7 else r.choice(self.friends_ext)
            if r.random() < .5: em(self.at(rday()), m, fr, self.amt(20, 2000))
            else: em(self.at(rday()), fr, m, self.amt(20, 2000))
        if p['fam'] and arch in ('resident', 'rider') and r.random() < .6:
            em(self.at(rday()), m, p['fam'], r.choice([1000, 2000, 3000, 5000]), memo='家用')
        if p['s']:
            for _ in range(r.randint(1, 4)):
                a, b = (m, p['s']) if r.random() < .6 else (p['s'], m)
                em(self.at(rday()), a, b, self.amt(300, 30000, 100 if r.random() < .7 else 0), 'mobile', reg)
            for _ in range(self.pois(2 * f)):
                em(self.at(rday()), p['s'], r.choice(self.merchants), self.amt(15, 800), 'pos', reg)
        if arch == 'resident' and r.random() < .35:
            em(self.at(rday()), m, None, r.choice([500, 1000, 2000, 3000]), 'atm', reg, 'withdrawal')
        if r.random() < .5:
            em(self.at(rday()), m, r.choice(self.utility), self.amt(40, 600), 'mobile', reg, memo='水电费')
        if V == 'V3':  # Double 11 and going home
            for _ in range(self.pois(2.4)):
                d = r.choice([9, 10, 10, 10, 11])
                if d >= d0: em(self.at(d), m, r.choice(self.ecom), self.amt(30, 4000), 'online', reg, memo='双十一')
            for _ in range(self.pois(.8)):
                d = r.randint(12, 27)
                if d >= d0: em(self.at(d), r.choice(self.ecom), m, self.amt(30, 1500), 'other', '330106', memo='退款')
            if p['home'] not in SZ_NATIVE and arch != 'student' and r.random() < .2:
                d = r.randint(20, 28); hr = p['home']
                if d >= d0:
                    if p['fam']: em(self.at(d), m, p['fam'], r.choice([2000, 5000, 8000, 10000, 20000]), memo='回家')
                    for k in range(r.randint(1, 3)):
                        em(self.at(min(29, d + 1 + k)), m, None, r.choice([1000, 2000, 3000, 5000]), 'atm', hr, 'withdrawal')
                    em(self.at(min(29, d + 1)), m, r.choice(self.merchants), self.amt(50, 2000), 'pos', hr)
        if V == 'baseline' and p['fam'] and r.random() < .25 and 15 >= d0:  # Mid-Autumn
            em(self.at(r.choice([13, 14, 15])), m, p['fam'], r.choice([500, 1000, 2000]), memo='中秋')

    def landlord_life(self):
        r = self.r
        for a in self.landlords:
            reg = self.acc[a]['region']
            for _ in range(r.randint(0, 4)):  # new tenants' deposits (not modelled people) and refunds
                t = self.at(r.randrange(NDAYS)); ten = r.choice(self.friends_ext) if r.random() < .5 else r.choice(self.mains)
                if r.random() < .7: self.emit(t, ten, a, r.choice([1500, 2000, 3000, 4000, 5000]), memo='押金')
                else: self.emit(t, a, ten, r.choice([1500, 2000, 3000]), memo='退押金')
            for d in self.dom(r.randint(8, 15)):
                self.emit(self.at(d), a, r.choice(self.utility), self.amt(800, 6000), 'online', reg, memo='电费')
            if r.random() < .5:
                self.emit(self.at(r.randrange(NDAYS)), a, r.choice(self.friends_ext), self.amt(5000, 80000, 1000), memo='转账')

    def employer_life(self):
        r = self.r
        for a, pay, k, reg in self.employers:
            for _ in range(r.randint(2, 8)):
                self.emit(self.at(r.randrange(NDAYS), WORKC), self.ext_corp(), a, self.amt(2e4, 2e6), 'online', reg, memo='货款')
            for _ in range(r.randint(1, 5)):
                self.emit(self.at(r.randrange(NDAYS), WORKC), a, r.choice(self.suppliers), self.amt(1e4, 5e5), 'online', reg, memo='采购')

    def ext_corp(self):
        if not hasattr(self, '_xc'):
            self._xc = [self.corp(self.r.choice(FAR + GDO), 0.0, 'client_corp') for _ in range(150)]
        return self.r.choice(self._xc)

    def merchant_life(self):
        r = self.r
        for a in self.merchants:
            reg = self.acc[a]['region']
            own = self.new(self.hid(r.choice(HOMEW), 1965, 1995), self.bank(0.5), -r.uniform(300, 5000) * DAY, reg, arch='merchant_owner')
            for d in range(r.randrange(7), NDAYS, 7):
                self.emit(self.at(d, WORKC), a, own, self.amt(3000, 60000), 'online', reg, memo='提现')
            if r.random() < .6:
                self.emit(self.at(r.randrange(NDAYS), WORKC), a, r.choice(self.suppliers), self.amt(2000, 80000), 'online', reg, memo='货款')

    def traders(self):  # Huaqiangbei electronics traders on personal accounts
        r, em = self.r, self.emit
        busy = 1.5 if self.V == 'V3' else 1.0
        for _ in range(130):
            home = r.choice(HOMEW + SZ_NATIVE)
            a = self.person(home, 1970, 1995, 0.8, region='440304', arch='hqb_trader')
            a2 = self.new(self.acc[a]['holder'], self.bank(.5), -r.uniform(100, 3000) * DAY, '440304', arch='hqb_trader_second') if r.random() < .5 else None
            buyers = [self.ext(arch='buyer') if r.random() < .75 else r.choice(self.mains) for _ in range(r.randint(20, 90))]
            sups = r.sample(self.suppliers, r.randint(2, 6))
            for d in range(NDAYS):
                if self.dates[d].weekday() == 6 and r.random() < .6: continue
                tot, last = 0, 0
                for _ in range(self.pois(3.2 * busy)):
                    t = d * DAY + r.randint(9 * H, 21 * H); x = self.amt(300, 40000)
                    b = r.choice(buyers)
                    em(t, b, a, x, 'mobile', self.acc[b]['region'], memo=r.choice(['货款', '', '订金']))
                    tot += x; last = max(last, t)
                if tot > 2000:
                    for k in range(r.randint(1, 2)):
                        em(last + r.randint(20 * MIN, 5 * H), a, r.choice(sups), round(tot * r.uniform(.35, .5), 2), 'mobile', '440304', memo='货款')
                if a2 and r.random() < .15: em(self.at(d), a, a2, self.amt(2000, 50000, 100))
                if r.random() < .08: em(self.at(d, WORKC), a, None, r.choice([5000, 10000, 20000]), 'atm', '440304', 'withdrawal')

    def shuike(self):  # cross-border shoppers / parallel traders paid in small amounts
        r, em = self.r, self.emit
        for _ in range(120):
            a = self.person(r.choice(HOMEW), 1975, 2002, 0.75, region=r.choice(['440304', '440303']), arch='shuike')
            cust = [self.ext(arch='daigou_customer') for _ in range(r.randint(15, 50))]
            for d in range(NDAYS):
                for _ in range(self.pois(1.8)):
                    em(self.at(d), r.choice(cust), a, self.amt(80, 2500), 'mobile', r.choice(HOMEW), memo=r.choice(['代购', '', '奶粉']))
                if r.random() < .3:
                    if r.random() < .5:
                        em(self.at(d, WORKC), a, r.choice(self.hkshops), self.amt(2000, 20000), 'online', '440304', xb=True, memo='货款')
                    else:
                        for k in range(r.randint(1, 3)):
                            em(d * DAY + r.randint(8 * H, 10 * H) + k * 120, a, None, r.choice([2000, 2500, 3000, 5000]), 'atm', r.choice(['440304', '440303']), 'withdrawal')

    def organisers(self):  # team leaders, class and club organisers collecting fees
        r, em = self.r, self.emit
        for _ in range(130 if self.V != 'V3' else 150):
            d = r.randint(1, 26)
            op = (d - r.uniform(1, 8)) * DAY if r.random() < .4 else None
            a = self.person(r.choice(HOMEW), 1980, 2003, 0.8, opened=op, arch='organiser')
            fee = r.choice([100, 150, 200, 300, 380, 500, 680, 800, 1200])
            n = r.randint(15, 60)
            for i in range(n):
                payer = r.choice(self.mains) if r.random() < .6 else r.choice(self.friends_ext)
                em(d * DAY + r.randint(0, 2 * DAY), payer, a, fee, 'mobile', self.dist(), memo=r.choice(['活动费', '班费', '团建', 'AA']))
            em((d + 3) * DAY + r.randint(9 * H, 18 * H), a, r.choice(self.venues), round(fee * n * r.uniform(.85, 1.0), 2), 'online', self.dist(), memo='场地费')

    def weddings(self):
        r, em = self.r, self.emit
        for _ in range(35 if self.V != 'V3' else 55):
            d = r.randint(1, 26)
            a = self.person(r.choice(HOMEW), 1990, 1998, 0.8, arch='wedding_couple')
            tot = 0
            for i in range(r.randint(40, 140)):
                g = r.choice([200, 500, 600, 666, 800, 888, 1000, 1314, 2000, 5200])
                payer = r.choice(self.mains) if r.random() < .4 else r.choice(self.friends_ext)
                em(d * DAY + r.randint(-DAY // 2, DAY), payer, a, g, 'mobile', self.dist(), memo='新婚快乐')
                tot += g
            em((d + 1) * DAY + r.randint(10 * H, 20 * H), a, r.choice(self.hotels), round(tot * r.uniform(.4, .8), 2), 'mobile', self.dist(), memo='酒席')

    def big_payments(self):  # car first payments, flat deposits, parents helping
        r, em = self.r, self.emit
        for i in range(110):
            p = r.choice(self.people)
            if p['arch'] != 'resident': continue
            d = r.randint(3, 28); m = p['m']
            flat = i % 3 == 0
            x = self.amt(5e4, 4e5, 1000) if flat else self.amt(2e4, 2e5, 1000)
            if p['fam'] and r.random() < .6:
                em(self.at(d - r.randint(1, 3)), p['fam'], m, round(x * r.uniform(.3, .8), -3) or 10000, 'counter', self.acc[p['fam']]['region'], memo='买房' if flat else '买车')
            if p['s']: em(self.at(d - 1), p['s'], m, self.amt(5000, 50000, 100))
            em(self.at(d, WORKC), m, r.choice(self.devs if flat else self.dealers), x, 'counter' if r.random() < .4 else 'mobile', self.dist(), memo='定金' if flat else '首付')

    def aa_groups(self):  # flat-share rent splitting
        r = self.r
        pool = [p for p in self.people if p['arch'] in ('graduate', 'resident', 'rider') and p['ll']]
        for _ in range(400):
            g = r.sample(pool, r.randint(2, 4)); payer = g[0]
            rd = payer['rentday']
            for d in self.dom(rd):
                for q in g[1:]:
                    if d >= q['arr']: self.emit(self.at(d) - r.randint(0, DAY // 2), q['m'], payer['m'], round(payer['rent'] / len(g) + r.uniform(20, 150), 2), memo='AA房租水电')

    # ---------- fraud ----------
    def build_fraud(self):
        r, V = self.r, self.V
        self.farmers, self.farm_pool = [], []
        for i in range(r.randint(8, 15)):
            home = r.choice(FARM_HOME)
            h = self.hid(home, 1985, 2003)
            t = r.uniform(-45, 16) * DAY
            cards = []
            for c in r.sample(FARM_CITY, r.randint(2, 4)):
                banks = r.sample(SUPPLY + EXTB, r.randint(3, 6))
                for b in banks:
                    op = t + r.uniform(0, 2.5 * DAY)
                    a = self.new(h, b, op, c, r.choice(['I', 'I', 'II']), role='farmer_card', arch='farm_unused', farmer=1, base=0)
                    cards.append(a)
                    self.emit(op + r.randint(300, 1800), None, a, r.choice([10, 20, 50, 100]), 'counter', c, 'deposit', tk='farm_activation')
                t += r.uniform(1, 6) * DAY
            self.farmers.append((h, cards))
            self.farm_pool += cards
        self.residents_free = [p for p in self.people if p['arch'] in ('resident', 'rider')]
        r.shuffle(self.residents_free)
        self.exits = {'otc': [self.person(r.choice(HOMEW), 1980, 2000, 0.5, arch='otc_seller') for _ in range(r.randint(8, 14))],
                      'pay': [self.new(self.uscc(r.choice(SZD)), r.choice(['LAKALA', 'YEEPAY']), -r.uniform(100, 900) * DAY, r.choice(SZD), 'corp', arch='payfirm_merchant') for _ in range(r.randint(4, 8))],
                      'hk': [self.new(self.hid(r.choice(FAR), 1975, 1998), r.choice(HKB), -r.uniform(30, 900) * DAY, HKR, arch='hk_account') for _ in range(r.randint(4, 8))]}
        for k, l in self.exits.items():
            for a in l: self.acc[a]['role'] = 'fraud_exit'
        target = r.randint(290, 400)
        self.nm, self.rings, self.victims = 0, [], []
        while self.nm < target:
            self.ring()
        for p in self.residents_free[:120]:  # unaffected
            pass

    def mule(self, kind, t0, dur):
        r = self.r
        if kind == 'farmer':
            c = [a for a in self.farm_pool if self.acc[a]['opened'] < t0 - 2 * DAY]
            if c:
                a = r.choice(c); self.farm_pool.remove(a)
                self.acc[a].update(role='mule', arch='farm_used'); return a
            kind = 'fresh'
        if kind in ('fresh', 'aged'):
            home = r.choice(HOMEW)
            op = t0 - (r.uniform(.3, 7) if kind == 'fresh' else r.uniform(14, 160)) * DAY
            a = self.new(self.hid(home, 1975, 2004), self.bank(0.6), op, r.choice([self.dist(), DG, home, home]),
                         r.choice(['I', 'I', 'I', 'II']), role='mule', arch=kind, base=0)
            return a
        p = self.residents_free.pop()
        if kind == 'paofen':
            a = p['m']; self.acc[a].update(role='paofen', arch='paofen'); return a
        a = p['s'] if (p['s'] and r.random() < .6) else p['m']
        if kind == 'sold':
            self.quiet[a] = (t0 - r.uniform(1, 5) * DAY, 1e12); self.acc[a].update(role='mule', arch='sold')
        else:
            ret = r.random() < .45
            self.quiet[a] = (t0 - DAY, t0 + dur + r.uniform(1, 4) * DAY if ret else 1e12)
            self.acc[a].update(role='mule', arch='rented_returned' if ret else 'rented')
        return a

    def ring(self):
        r, V, em = self.r, self.V, self.emit
        fast = r.random() < (0.15 if V == 'V2' else 0.5)
        ft = r.choice(list(FTYPES)); lo, hi, esc = FTYPES[ft]
        t0 = r.uniform(.5, 25) * DAY
        dur = (r.uniform(.5, 3) if fast else r.uniform(3, 12)) * DAY
        sizes = [r.randint(2, 6), r.randint(1, 4)] + ([r.randint(1, 3)] if r.random() < .5 else [])
        kinds = list(KINDW[V]); kw = [KINDW[V][k] for k in kinds]
        levels = [[self.mule(r.choices(kinds, kw)[0], t0, dur) for _ in range(n)] for n in sizes]
        self.nm += sum(sizes)
        if r.random() < .15:
            u = self.mule('fresh', t0, dur); self.acc[u]['arch'] = 'fresh_unused'; self.nm += 1
        lvl_of = {a: i for i, l in enumerate(levels) for a in l}
        pol = {a: ('fast' if (fast or self.acc[a]['role'] == 'paofen' or r.random() < .15) else 'slow') for a in lvl_of}
        sink = {a: r.choices(['atm', 'otc', 'pay', 'hk'], [4, 3, 2, 1])[0] for a in levels[-1]}
        # victims
        heap, seq = [], 0
        nv = r.randint(3, 9) if V == 'V2' else r.randint(4, 14)
        rep_any = False
        for _ in range(nv):
            if r.random() < .2 and self.residents_free:
                p = self.residents_free.pop(); va = p['m']; vreg = p['dist']; self.acc[va]['arch'] += '|victim'
            else:
                home = r.choice(HOMEW + SZD)
                va = self.person(home, 1950, 2004, 0.25, region=home, arch='victim'); vreg = home
                if self.acc[va]['bank'] in SUPPLY: self.light_life(va, vreg)
            k = r.randint(3, 12) if V == 'V2' else min(8, 1 + int(r.expovariate(.8)))
            rep = r.random() < .6
            rep_any |= rep
            t = t0 + r.uniform(0, dur * .7)
            x = self.amt(lo, hi)
            for i in range(k):
                if i: t += r.uniform(10 * MIN, (DAY if V == 'V2' else 2 * DAY)); x = round(x * r.uniform(1, esc), 2)
                if r.random() < .3: x = max(100, round(x, -2))
                tgt = r.choice(levels[0])
                hr = int(t % DAY // H)
                if hr < 7: t += (8 - hr) * H
                memo = r.choice(CUES[ft]) if r.random() < .3 else ''
                ch = r.choices(['mobile', 'online', 'atm', 'counter'], [70, 15, 8, 7])[0]
                em(t, va, tgt, x, ch, vreg, memo=memo, tk='victim_payment')
                self.victims.append((self.seq, rep))
                seq += 1; heapq.heappush(heap, (t, seq, 'arr', tgt, int(x * 100)))
        self.rings.append((levels, rep_any))
        hold, flush = {}, set()
        while heap:
            t, _, typ, a, fen = heapq.heappop(heap)
            if typ == 'arr':
                if pol[a] == 'fast':
                    seq += 1; heapq.heappush(heap, (t + r.randint(60, 20 * MIN), seq, 'out', a, fen))
                else:
                    hold[a] = hold.get(a, 0) + fen
                    if a not in flush:
                        flush.add(a); seq += 1; heapq.heappush(heap, (t + r.uniform(H, 40 * H), seq, 'flush', a, 0))
                continue
            if typ == 'flush':
                fen = hold.pop(a, 0); flush.discard(a)
            if self.acc[a]['role'] == 'paofen':
                fen -= int(fen * r.uniform(.005, .02))
            L = lvl_of[a]
            if L + 1 < len(levels):
                nxt = r.sample(levels[L + 1], min(len(levels[L + 1]), r.randint(1, 3)))
                cuts = sorted(r.sample(range(1, 1000), len(nxt) - 1)) if len(nxt) > 1 else []
                prev = 0
                for b, c in zip(nxt, cuts + [1000]):
                    part = fen * (c - prev) // 1000; prev = c
                    if part <= 0: continue
                    tt = t + r.randint(30, 6 * MIN)
                    em(tt, a, b, part / 100, 'mobile', self.acc[a]['region'] if r.random() < .5 else self.dist(), tk='layering')
                    seq += 1; heapq.heappush(heap, (tt, seq, 'arr', b, part))
            else:
                self.sink(t, a, fen, sink[a])

    def sink(self, t, a, fen, how):
        r, em = self.r, self.emit
        if how == 'atm':
            oreg = self.acc[a]['region']
            pool = CASH_FAR if oreg[:2] == '44' else CASH_GD + CASH_FAR[:2]
            reg = r.choice([c for c in pool if c[:2] != oreg[:2]] or pool)
            cap = r.choice([20000, 20000, 50000])
            day = 0
            t += r.randint(5 * MIN, 90 * MIN)
            while fen >= 10000 and day < 3:
                got = 0
                while fen >= 10000 and got + 2000 <= cap:
                    c = min(fen // 10000 * 100, r.choice([2000, 2500, 3000, 5000]), cap - got)
                    em(t, a, None, c, 'atm', reg, 'withdrawal', tk='cashout')
                    fen -= c * 100; got += c; t += r.randint(40, 240)
                day += 1; t += r.randint(14 * H, 30 * H)
            if fen < 10000: return
            how = 'otc'
        ex = r.choice(self.exits[how])
        em(t + r.randint(60, 30 * MIN), a, ex, fen / 100, 'mobile' if how != 'pay' else 'online', self.dist(), xb=(how == 'hk'), tk='exit')

    def light_life(self, a, reg):
        r = self.r
        for _ in range(r.randint(2, 8)):
            self.emit(self.at(r.randrange(NDAYS)), a, r.choice(self.merchants + self.friends_ext), self.amt(20, 1500), r.choice(['pos', 'mobile']), reg)
        if r.random() < .5:
            self.emit(self.at(r.randrange(NDAYS)), self.ext_corp(), a, self.amt(3000, 12000), 'other', reg, memo='工资')

    # ---------- output ----------
    def finish(self):
        r, acc = self.r, self.acc
        out, N = [], NDAYS * DAY
        for tx in sorted(self.tx):
            t, _, f, to, fen, ch, reg, kind, memo, xb, tk = tx
            if not (0 <= t < N): continue
            ok, row = True, False
            for a in (f, to):
                if not a: continue
                A = acc[a]
                if t < A['opened']: ok = False
                if A['bank'] in SUPPLY:
                    row = True
                    if t < self.extract[A['bank']]: ok = False
                if tk == 'ordinary' and a in self.quiet and self.quiet[a][0] <= t < self.quiet[a][1]: ok = False
            if ok and row: out.append(tx)
        self.out = out
        # opening balances: keep every row account non-negative
        bal, mn = {}, {}
        for t, _, f, to, fen, *_ in out:
            if f:
                bal[f] = bal.get(f, 0) - fen
                if bal[f] < mn.get(f, 0): mn[f] = bal[f]
            if to: bal[to] = bal.get(to, 0) + fen
        for a, A in acc.items():
            A['ob'] = -mn.get(a, 0) + int(A['base'] * 100)
        # labels
        self.tid = {tx[1]: 'T%07d' % (i + 1) for i, tx in enumerate(out)}
        self.lab_tx = [self.tid[s] for s, rep in self.victims if rep and s in self.tid]
        touched = set(a for tx in out for a in (tx[2], tx[3]) if a)
        for levels, rep in self.rings:
            for i, l in enumerate(levels):
                for a in l:
                    p = (.58 if i == 0 else .4) if rep else .1
                    if r.random() < p: self.lab_acc.add(a)
        for a in [a for a in acc if acc[a]['arch'] == 'fresh_unused']:
            if r.random() < .3: self.lab_acc.add(a)
        nl = max(1, round(len(self.farmers) * r.uniform(.3, .5)))
        for h, cards in r.sample(self.farmers, nl):
            self.lab_holder.append(h)
            for c in cards:
                acc[c]['flab'] = 1
                if acc[c]['role'] == 'farmer_card' and r.random() < .1: self.lab_acc.add(c)
        self.touched = touched

    def write(self, d, truth):
        os.makedirs(d, exist_ok=True)
        fmt = lambda t: (self.start + timedelta(seconds=t)).strftime('%Y-%m-%dT%H:%M:%S+08:00')
        mny = lambda fen: '%d.%02d' % divmod(fen, 100)
        acc = self.acc
        with open(os.path.join(d, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a, A in acc.items():
                if A['bank'] in SUPPLY:
                    w.writerow([a, A['bank'], A['holder'], fmt(A['opened']), A['region'], A['cls'], mny(A['ob']), 'active'])
        with open(os.path.join(d, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo', 'cross_border'])
            for t, s, f, to, fen, ch, reg, kind, memo, xb, tk in self.out:
                w.writerow([self.tid[s], fmt(t), f, to, mny(fen), 'CNY', ch, reg, kind, memo, 'true' if xb else 'false'])
        with open(os.path.join(d, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for t in self.lab_tx: w.writerow(['transfer', t, 'fraud'])
            for a in acc:
                if a in self.lab_acc: w.writerow(['account', a, 'mule'])
            for h in self.lab_holder: w.writerow(['holder', h, 'card_farmer'])
        if not truth: return
        with open(os.path.join(d, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
            for a, A in acc.items():
                hr = A['bank'] in SUPPLY
                w.writerow(['account', a, A['bank'], A['holder'], int(hr), A['role'], A['arch'], A['farmer'], fmt(A['opened']),
                            int(a in self.lab_acc), A['flab'], fmt(self.extract[A['bank']]) if hr else ''])
        with open(os.path.join(d, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for tx in self.out: w.writerow([self.tid[tx[1]], tx[10]])

    def check(self, d):
        amt_re = re.compile(r'^\d+\.\d{2}$')
        ts_re = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$')
        lo, hi = self.start, self.start + timedelta(days=NDAYS)
        rows = {}
        with open(os.path.join(d, 'accounts.csv'), encoding='utf-8') as fh:
            for x in csv.DictReader(fh):
                assert ts_re.match(x['opened_at']) and re.match(r'^\d{6}$', x['open_region']) and x['open_region'] in VALID, x
                assert amt_re.match(x['opening_balance']) and x['account_class'] in ('I', 'II', 'III', 'corp'), x
                assert x['account_id'] not in rows
                rows[x['account_id']] = x
        starts = {b: self.start + timedelta(seconds=s) for b, s in self.extract.items()}
        seen, n, kinds = set(), 0, {}
        with open(os.path.join(d, 'transfers.csv'), encoding='utf-8') as fh:
            for x in csv.DictReader(fh):
                n += 1
                assert x['txn_id'] not in seen; seen.add(x['txn_id'])
                assert amt_re.match(x['amount']) and float(x['amount']) > 0, x
                assert ts_re.match(x['ts']), x
                ts = datetime.strptime(x['ts'][:19], '%Y-%m-%dT%H:%M:%S')
                assert lo <= ts < hi, x
                assert re.match(r'^\d{6}$', x['region']) and x['region'] in VALID, x
                assert x['channel'] in ('counter', 'online', 'mobile', 'atm', 'pos', 'other'), x
                k = x['kind']; f, to = x['from_account'], x['to_account']
                assert (k == 'transfer' and f and to) or (k == 'withdrawal' and f and not to) or (k == 'deposit' and to and not f), x
                assert (f and f in rows) or (to and to in rows), x
                for a in (f, to):
                    if a:
                        assert a in self.acc, x
                        if a in rows: assert ts >= starts[rows[a]['bank']], (x, rows[a]['bank'])
        with open(os.path.join(d, 'labels.csv'), encoding='utf-8') as fh:
            labs = list(csv.DictReader(fh))
        for x in labs:
            assert (x['kind'] == 'transfer' and x['id'] in seen) or (x['kind'] == 'account' and x['id'] in self.acc) or x['kind'] == 'holder', x
        # summary
        A = self.acc
        roles = {}
        for a in A.values():
            if a['role'] in ('mule', 'paofen'):
                roles[a['arch']] = roles.get(a['arch'], 0) + 1
        tk = {}
        for tx in self.out: tk[tx[10]] = tk.get(tx[10], 0) + 1
        nm = sum(roles.values())
        nmr = sum(1 for a in A.values() if a['role'] in ('mule', 'paofen') and a['bank'] in SUPPLY)
        lk = {}
        for x in labs: lk[x['kind']] = lk.get(x['kind'], 0) + 1
        notx = sum(1 for a in self.lab_acc if a not in self.touched)
        print('[%s] accounts_rows=%d accounts_total=%d transfers=%d mules=%d (rows %d) %s card_farmers=%d farmer_cards=%d exits=%d '
              'victim_payments=%d layering=%d cashout=%d exit=%d labels=%s labelled_mules=%d (no-transfer %d)' % (
                  self.V, len(rows), len(A), n, nm, nmr, dict(sorted(roles.items())), len(self.farmers),
                  sum(1 for a in A.values() if a['farmer']), sum(1 for a in A.values() if a['role'] == 'fraud_exit'),
                  tk.get('victim_payment', 0), tk.get('layering', 0), tk.get('cashout', 0), tk.get('exit', 0), lk,
                  sum(1 for a in self.lab_acc if A[a]['role'] in ('mule', 'paofen')), notx), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--variant', choices=list(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    a = ap.parse_args()
    w = World(a.variant, a.seed)
    w.build_lawful()
    w.build_fraud()
    w.finish()
    w.write(a.out, a.truth)
    w.check(a.out)


if __name__ == '__main__':
    main()
