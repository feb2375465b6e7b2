#!/usr/bin/env python3
# Licence: Apache-2.0 (written by the fanzha project).
"""Bashu world: an independent synthetic evaluation world for a counter-telecom-fraud engine.

Sichuan / Chongqing / Guizhou ("Ba-Shu" plus Qian). Standard library only, Python 3.11.
Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange format v1) into --out DIR.

Usage: python3 bashu_world.py --variant bashu|slowburn|cardstorm --seed N --out DIR
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
DAY = 86400
HOUR = 3600

# code: (card BIN, card length, supplies data, corporate account prefix)
BANKS = {
    'ICBC': ('622202', 19, True, '3100'),
    'CCB': ('621700', 19, True, '5105'),
    'ABC': ('622848', 19, True, '2280'),
    'BOC': ('621661', 19, True, '1180'),
    'PSBC': ('621799', 19, True, '9510'),
    'CQRCB': ('623168', 19, True, '0101'),
    'BOCD': ('622147', 16, True, '1001'),
    'SCRCU': ('621033', 19, True, '8820'),
    'GZRCU': ('621779', 19, True, '2400'),
    'YZPAY': ('8848', 16, True, None),      # a supplying payment firm (stored-value accounts)
    'BOCOM': ('622262', 19, False, '5110'),
    'CMB': ('621483', 16, False, '1289'),
    'CIB': ('622909', 18, False, '4310'),
    'SPDB': ('622521', 16, False, '7310'),
    'CITIC': ('621773', 16, False, '8111'),
    'CMBC': ('622622', 16, False, '6020'),
    'GZB': ('621590', 16, False, '2301'),
    'EXTPAY': ('2088', 16, False, None),
}
SUPPLY_BANKS = ['ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', 'CQRCB', 'BOCD', 'SCRCU', 'GZRCU']
EXT_BANKS = ['BOCOM', 'CMB', 'CIB', 'SPDB', 'CITIC', 'CMBC', 'GZB']

AREAS = {
    'chengdu': ['510104', '510105', '510106', '510107', '510108', '510112', '510116'],
    'cq_core': ['500103', '500105', '500106', '500107', '500108', '500112', '500113'],
    'cq_county': ['500101', '500115', '500118', '500230', '500235', '500110'],
    'sc_pref': ['510302', '510502', '510603', '510703', '510802', '510903', '511002', '511102',
                '511302', '511402', '511502', '511602', '511702', '511802', '511902', '512002', '513401'],
    'guiyang': ['520102', '520103', '520115'],
    'gz_pref': ['520302', '520402', '520502', '520602', '522601', '522701', '520201'],
}
AREA_W = [('chengdu', 22), ('cq_core', 18), ('cq_county', 12), ('sc_pref', 26), ('guiyang', 8), ('gz_pref', 14)]
MIGRANT_WORK = ['330106', '330681', '320506', '441900', '440306', '350203', '310115']
FAR_CASHOUT = ['610113', '420106', '410105', '460106', '150102', '230102', '445202', '530102']
FARM_CITIES = ['510107', '500106', '520103', '610113', '420106', '500101', '511302', '520302']


def province(region):
    return region[:2]


def bank_weights(region):
    p = province(region)
    w = {'ICBC': 14, 'CCB': 14, 'ABC': 14, 'BOC': 8, 'PSBC': 10, 'BOCOM': 4, 'CMB': 6, 'CIB': 3,
         'SPDB': 2, 'CITIC': 2, 'CMBC': 2}
    if p == '50':
        w['CQRCB'] = 18
    elif p == '51':
        w['SCRCU'] = 16
        if region.startswith('5101'):
            w['BOCD'] = 9
    elif p == '52':
        w['GZRCU'] = 16
        w['GZB'] = 8
    return sorted(w.items())


def luhn_check(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(region, birth, seq):
    body = f"{region}{birth}{seq:03d}"
    s = sum(int(c) * w for c, w in zip(body, ID_W))
    return body + "10X98765432"[s % 11]


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(rng, region, cat='1'):
    org = ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY'[:10] + 'ABCDEFGHJKLMNPQRTUWXY')
                  for _ in range(8))
    ow = [3, 7, 9, 10, 5, 8, 4, 2]

    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(v(c) * w for c, w in zip(org, ow))
    c9 = 11 - s % 11
    org += 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
    body = '9' + cat + region + org
    s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
    c = 31 - s % 31
    return body + USCC_CH[0 if c == 31 else c]


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}"


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        vi = {'bashu': 1, 'slowburn': 2, 'cardstorm': 3}[variant]
        self.rng = random.Random(seed * 7919 + vi * 104729)
        r = self.rng
        d0 = datetime(2023, 3, 1, tzinfo=TZ) + timedelta(days=r.randrange(0, 730))
        self.start = d0
        self.ndays = r.randrange(34, 52) if variant != 'cardstorm' else r.randrange(30, 42)
        self.end = self.ndays * DAY
        self.acc = {}          # internal account id -> dict
        self.bal = {}
        self.used_ids = set()
        self.persons = []
        self.corps = {}
        self.heap = []
        self.seq = 0
        self.rows = []
        self.fraud_txn = []
        self.mule = {}          # account -> info dict (internal and external gang accounts)
        self.mule_kind = {}
        self.controlled = {}    # account -> ts from which network controls it (lawful use stops)
        self.farmers = []
        self.pending = set()
        self.atm_day = {}
        self.skipped = 0
        self.ext_used = set()

    # ---------- helpers ----------
    def dt(self, ts):
        return (self.start + timedelta(seconds=int(ts))).strftime('%Y-%m-%dT%H:%M:%S+08:00')

    def date_of(self, day):
        return self.start + timedelta(days=day)

    def tod(self, profile):
        r = self.rng
        if profile == 'work':
            h = r.uniform(8.5, 17.5)
        elif profile == 'evening':
            h = r.uniform(17.5, 23.5)
        elif profile == 'night':
            h = r.uniform(0.0, 5.5)
        elif profile == 'counter':
            h = r.uniform(9.0, 16.5)
        elif profile == 'any':
            h = r.uniform(0, 24) if r.random() < 0.12 else r.uniform(7, 23.5)
        else:  # day
            h = min(23.9, max(6.5, r.gauss(14.5, 3.6)))
        return int(h * HOUR) + r.randrange(0, 60)

    def pick_w(self, items):
        tot = sum(w for _, w in items)
        x = self.rng.random() * tot
        for k, w in items:
            x -= w
            if x < 0:
                return k
        return items[-1][0]

    def new_card(self, bank):
        b, ln, _, _ = BANKS[bank]
        while True:
            body = b + ''.join(self.rng.choice('0123456789') for _ in range(ln - len(b) - 1))
            num = body + luhn_check(body)
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    def new_corp_no(self, bank):
        pre = BANKS[bank][3] or '9999'
        while True:
            num = pre + ''.join(self.rng.choice('0123456789') for _ in range(13))
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    def new_id(self, region, age):
        r = self.rng
        y = self.start.year - age
        while True:
            birth = f"{y}{r.randrange(1, 13):02d}{r.randrange(1, 29):02d}"
            n = id_number(region, birth, r.randrange(1, 1000))
            if n not in self.used_ids:
                self.used_ids.add(n)
                return n

    def add_account(self, acct, bank, holder, open_ts, region, cls, opening_fen):
        if open_ts < 0 and open_ts % DAY == 0:
            open_ts += self.tod('counter')
        self.acc[acct] = {'bank': bank, 'holder': holder, 'open': open_ts, 'region': region,
                          'cls': cls, 'opening': opening_fen if open_ts < 0 else 0}
        self.bal[acct] = self.acc[acct]['opening']

    def ext_card(self, bank=None):
        bank = bank or self.rng.choice(EXT_BANKS)
        return self.new_card(bank)

    # ---------- event machinery ----------
    def push(self, ts, fn, *args):
        if ts < 0 or ts >= self.end:
            return
        self.seq += 1
        heapq.heappush(self.heap, (ts, self.seq, fn, args))

    def plan(self, ts, frm, to, fen, ch, reg, kind='transfer', memo=''):
        if fen <= 0:
            return
        self.push(ts, self.ev_lawful, frm, to, fen, ch, reg, kind, memo)

    def ev_lawful(self, ts, frm, to, fen, ch, reg, kind, memo):
        self.emit(ts, frm, to, fen, ch, reg, kind, memo, lawful=True)

    def can_pay(self, acct, ts):
        a = self.acc.get(acct)
        if a is None:
            return 10 ** 15
        if ts < a['open']:
            return 0
        return self.bal[acct]

    def emit(self, ts, frm, to, fen, ch, reg, kind='transfer', memo='', xb=False, fraud=False,
             lawful=False):
        if fen <= 0:
            return 0
        for a_id in (frm, to):
            if a_id is None:
                continue
            a = self.acc.get(a_id)
            if a is not None and ts < a['open']:
                self.skipped += 1
                return 0
            if lawful and a_id == frm and a_id in self.controlled and ts >= self.controlled[a_id]:
                self.skipped += 1
                return 0
        if frm is not None and frm in self.acc:
            if self.bal[frm] < fen:
                self.skipped += 1
                return 0
            self.bal[frm] -= fen
        if to is not None and to in self.acc:
            self.bal[to] += fen
        tid = f"BS{len(self.rows) + 1:07d}"
        self.rows.append((tid, self.dt(ts), frm or '', to or '', yuan(fen), 'CNY', ch, reg, kind,
                          memo, 'true' if xb else 'false'))
        if fraud:
            self.fraud_txn.append(tid)
        if to is not None and to in self.mule and to in self.acc and not lawful:
            self.on_mule_receive(ts, to)
        return fen

    def run(self):
        while self.heap:
            ts, _, fn, args = heapq.heappop(self.heap)
            fn(ts, *args)

    # ---------- population ----------
    def build(self):
        r = self.rng
        v = self.variant
        self.build_corps()
        npers = r.randrange(8200, 9400)
        arche = [('worker', 33), ('retiree', 14), ('student', 9), ('farmer', 13), ('trader', 2.5),
                 ('migrant', 11), ('foreman', 1.2), ('shop', 6), ('seller', 2.5), ('newjob', 3),
                 ('clerk', 4.8)]
        for i in range(npers):
            area = self.pick_w(AREA_W)
            home = r.choice(AREAS[area])
            a = self.pick_w(arche)
            if a in ('farmer', 'migrant', 'trader') and area in ('chengdu', 'cq_core', 'guiyang'):
                area = {'chengdu': 'sc_pref', 'cq_core': 'cq_county', 'guiyang': 'gz_pref'}[area]
                home = r.choice(AREAS[area])
            age = {'worker': r.randrange(24, 56), 'retiree': r.randrange(60, 84),
                   'student': r.randrange(18, 24), 'farmer': r.randrange(35, 70),
                   'trader': r.randrange(30, 60), 'migrant': r.randrange(19, 52),
                   'foreman': r.randrange(35, 58), 'shop': r.randrange(28, 60),
                   'seller': r.randrange(22, 42), 'newjob': r.randrange(21, 30),
                   'clerk': r.randrange(25, 58)}[a]
            p = {'i': i, 'id': self.new_id(home, age), 'home': home, 'area': area, 'arch': a,
                 'age': age, 'accts': [], 'ext': [], 'family': [], 'friends': []}
            p['loc'] = r.choice(MIGRANT_WORK) if a == 'migrant' else (
                r.choice(AREAS['chengdu']) if a == 'student' and r.random() < 0.5 else home)
            self.persons.append(p)
            self.give_accounts(p)
        self.by_area = {}
        for p in self.persons:
            self.by_area.setdefault(p['area'], []).append(p)
        n = len(self.persons)
        self.farm_area = {}
        for p in self.persons:
            if p['arch'] == 'farmer':
                self.farm_area.setdefault(p['area'], []).append(p)
        for p in self.persons:
            same = self.by_area[p['area']]
            p['family'] = [r.choice(same)['i'] for _ in range(r.randrange(2, 6))]
            p['friends'] = [(r.choice(same) if r.random() < 0.7 else self.persons[r.randrange(n)])['i']
                            for _ in range(r.randrange(4, 16))]

    def give_accounts(self, p, in_window_ok=True):
        r = self.rng
        a = p['arch']
        med = {'worker': 14000, 'retiree': 45000, 'student': 1500, 'farmer': 9000, 'trader': 70000,
               'migrant': 5000, 'foreman': 40000, 'shop': 30000, 'seller': 25000, 'newjob': 3000,
               'clerk': 20000}[a]
        k = 1 + (r.random() < 0.55) + (r.random() < 0.25) + (a in ('trader', 'shop', 'seller', 'foreman'))
        banks_done = []
        for j in range(k):
            bank = self.pick_w(bank_weights(p['home']))
            if a in ('farmer', 'retiree') and r.random() < 0.5:
                bank = {'50': 'CQRCB', '51': 'SCRCU', '52': 'GZRCU'}[province(p['home'])]
            cls = 'I' if bank not in banks_done else 'II'
            if j > 0 and r.random() < 0.3:
                cls = 'II'
            banks_done.append(bank)
            opening = int(med * math.exp(r.gauss(0, 1.0)) * (1.0 if j == 0 else 0.25) * 100)
            opening = max(0, opening)
            if a == 'newjob' and j == 0 or (a == 'student' and r.random() < 0.12 and j == 0):
                open_ts = r.randrange(0, self.end // 2)
            else:
                open_ts = -r.randrange(60, 365 * 15) * DAY - r.randrange(0, DAY)
            if BANKS[bank][2]:
                acct = self.new_card(bank)
                self.add_account(acct, bank, p['id'], open_ts, p['home'], cls, opening)
                p['accts'].append(acct)
                if open_ts >= 0:
                    self.push(open_ts, self.ev_lawful, None, acct, r.choice([1000, 5000, 10000, 20000, 50000]),
                              'counter', p['loc'], 'deposit', '开户存入')
            else:
                p['ext'].append(self.new_card(bank))
        if not p['accts']:
            bank = {'50': 'CQRCB', '51': 'SCRCU', '52': 'GZRCU'}[province(p['home'])]
            acct = self.new_card(bank)
            self.add_account(acct, bank, p['id'], -r.randrange(100, 3000) * DAY, p['home'], 'I',
                             int(med * math.exp(r.gauss(0, 1.0)) * 100))
            p['accts'].append(acct)

    def corp(self, kind, region, bal_yuan, bank=None, open_ts=None, cat='1'):
        r = self.rng
        bank = bank or r.choice(SUPPLY_BANKS[:8])
        holder = uscc(r, region, cat)
        acct = self.new_corp_no(bank)
        ot = open_ts if open_ts is not None else -r.randrange(400, 6000) * DAY
        self.add_account(acct, bank, holder, ot, region, 'corp', int(bal_yuan * 100))
        self.corps.setdefault(kind, []).append(acct)
        return acct

    def build_corps(self):
        r = self.rng
        allreg = [x for k in AREAS for x in AREAS[k]]
        for _ in range(170):
            self.corp('employer', r.choice(allreg), r.uniform(2e6, 3e7))
        for _ in range(260):
            self.corp('merchant', r.choice(allreg), r.uniform(5e4, 2e6))
        for _ in range(6):
            self.corp('gold', r.choice(AREAS['chengdu'] + AREAS['cq_core'] + AREAS['guiyang']), r.uniform(2e5, 3e6))
        for _ in range(10):
            self.corp('hospital', r.choice(allreg), r.uniform(1e6, 2e7))
        for _ in range(6):
            self.corp('university', r.choice(AREAS['chengdu'] + AREAS['cq_core'] + AREAS['guiyang']), r.uniform(5e6, 5e7))
        for _ in range(7):
            self.corp('developer', r.choice(allreg), r.uniform(5e6, 8e7))
        for _ in range(12):
            self.corp('construction', r.choice(allreg), r.uniform(1e7, 1e8))
        for reg in ('500103', '510104', '520102'):
            self.corp('pension', reg, 9e9, bank='ICBC', cat='1')
            self.corp('subsidy', reg, 9e9, bank='ABC')
        for _ in range(18):
            self.corp('wholesale', r.choice(allreg), r.uniform(1e6, 2e7))
        for _ in range(14):
            self.corp('hotel', r.choice(allreg), r.uniform(1e5, 3e6))
        self.corp('platform', '510107', 5e9, bank='CCB')
        self.corp('platform', '500112', 5e9, bank='ICBC')
        for _ in range(30):
            self.corp('supplier', r.choice(allreg), r.uniform(1e5, 5e6))
        self.otc = [self.ext_card(r.choice(['CMB', 'CIB', 'SPDB'])) for _ in range(14)] + \
                   [self.new_card('EXTPAY') for _ in range(8)]
        self.foreign = [f"HK{r.randrange(10**11, 10**12)}" for _ in range(6)] + \
                       [f"KH{r.randrange(10**11, 10**12)}" for _ in range(4)]

    def bank_region_for(self, bank_acct, p):
        return p['loc']

    # ---------- ordinary life ----------
    def life(self):
        r = self.rng
        P = self.persons
        for day in range(self.ndays):
            d = self.date_of(day)
            dom, wd = d.day, d.weekday()
            t0 = day * DAY
            for p in P:
                self.person_day(p, t0, dom, wd)
        self.events_special()

    def fam(self, p):
        return self.persons[self.rng.choice(p['family'])]

    def friend(self, p):
        return self.persons[self.rng.choice(p['friends'])]

    def main(self, p):
        return p['accts'][0]

    def any_acct(self, p):
        r = self.rng
        if p['ext'] and r.random() < 0.25:
            return p['ext'][0]
        return r.choice(p['accts'])

    def spend(self, p, t0, rate, lo, hi, profile='day'):
        r = self.rng
        n = 0
        x = rate
        while x > 0:
            if r.random() < min(1.0, x):
                n += 1
            x -= 1
        for _ in range(n):
            acct = r.choice(p['accts'])
            amt = int(math.exp(r.uniform(math.log(lo), math.log(hi))) * 100)
            u = r.random()
            if u < 0.7:
                to = r.choice(self.corps['merchant'])
                self.plan(t0 + self.tod(profile), acct, to, amt, 'pos' if r.random() < 0.5 else 'mobile', p['loc'], 'transfer', r.choice(['', '', '消费', '超市', '加油', '药店']))
            elif u < 0.85:
                f = self.friend(p)
                self.plan(t0 + self.tod(profile), acct, self.any_acct(f), amt, 'mobile', p['loc'], 'transfer', r.choice(['', 'AA', '饭钱', '还你', '红包']))
            else:
                self.plan(t0 + self.tod(profile), acct, self.ext_card(r.choice(['EXTPAY', 'CMB', 'BOCOM'])) if r.random() < 0.3 else r.choice(self.corps['supplier']), amt, 'online', p['loc'], 'transfer', r.choice(['', '网购', '话费', '水电费']))

    def person_day(self, p, t0, dom, wd):
        r = self.rng
        a = p['arch']
        m = self.main(p)
        if a in ('worker', 'newjob', 'clerk'):
            if dom == p.setdefault('payday', r.choice([5, 10, 10, 15, 15, 20, 25])):
                emp = p.setdefault('emp', r.choice(self.corps['employer']))
                sal = p.setdefault('sal', int(r.lognormvariate(math.log(5200), 0.45) * 100))
                self.plan(t0 + self.tod('work'), emp, m, sal + r.randrange(-20000, 20000), 'online', self.acc[emp]['region'], 'transfer', '工资')
                if r.random() < 0.45:
                    par = self.fam(p)
                    self.plan(t0 + self.tod('evening') + DAY, m, self.main(par), r.choice([50000, 80000, 100000, 150000, 200000]), 'mobile', p['loc'], 'transfer', r.choice(['生活费', '给爸妈', '']))
                if len(p['accts']) > 1 and r.random() < 0.5:
                    self.plan(t0 + self.tod('evening'), m, p['accts'][1], int(sal * r.uniform(0.2, 0.6)), 'mobile', p['loc'], 'transfer', '')
                if p['ext'] and r.random() < 0.5:
                    self.plan(t0 + self.tod('evening') + r.randrange(1, 4) * DAY, m, p['ext'][0], int(sal * r.uniform(0.2, 0.5)), 'mobile', p['loc'], 'transfer', r.choice(['还信用卡', '']))
            if dom == 1 and r.random() < 0.35:
                ll = p.setdefault('landlord', self.main(self.persons[r.randrange(len(self.persons))]))
                self.plan(t0 + self.tod('day'), m, ll, r.choice([120000, 150000, 180000, 220000, 260000]), 'mobile', p['loc'], 'transfer', '房租')
            self.spend(p, t0, 0.34 if wd < 5 else 0.55, 8, 600)
            if r.random() < 0.012:
                self.plan(t0 + self.tod('day'), r.choice(p['accts']), None, r.choice([20000, 50000, 100000, 200000]), 'atm', p['loc'], 'withdrawal', '')
        elif a == 'retiree':
            if dom == p.setdefault('payday', r.choice([8, 10, 15, 18])):
                pen = self.corps['pension'][{'50': 0, '51': 1, '52': 2}[province(p['home'])]]
                self.plan(t0 + self.tod('night'), pen, m, p.setdefault('pen', int(r.lognormvariate(math.log(2800), 0.4) * 100)), 'other', self.acc[pen]['region'], 'transfer', '养老金')
            if r.random() < 0.045:
                self.plan(t0 + self.tod('counter'), m, None, r.choice([50000, 100000, 200000, 300000]), 'counter', p['loc'], 'withdrawal', '')
            if r.random() < 0.008:
                k = self.fam(p)
                self.plan(t0 + self.tod('day'), m, self.main(k), r.choice([20000, 50000, 100000, 200000, 500000, 1000000]), 'counter' if r.random() < 0.5 else 'mobile', p['loc'], 'transfer', r.choice(['给孙子', '压岁钱', '', '帮衬']))
            self.spend(p, t0, 0.15, 5, 300)
        elif a == 'student':
            if dom in (1, 15) and r.random() < 0.8:
                par = self.fam(p)
                for _ in range(r.choice([1, 1, 2])):
                    self.plan(t0 + self.tod('day'), self.any_acct(par), m, r.choice([50000, 80000, 100000, 150000]), 'mobile', par['loc'], 'transfer', '生活费')
            self.spend(p, t0, 0.5, 3, 150, 'evening')
        elif a == 'farmer':
            if r.random() < 0.03:
                buyer = p.setdefault('buyer', None)
                src = r.choice(self.corps['wholesale']) if r.random() < 0.5 else None
                if src:
                    self.plan(t0 + self.tod('day'), src, m, int(r.lognormvariate(math.log(6000), 0.8) * 100), 'online', p['home'], 'transfer', r.choice(['货款', '柑橘款', '茶叶款', '猪款']))
                else:
                    self.plan(t0 + self.tod('counter'), None, m, int(r.lognormvariate(math.log(3000), 0.7)) * 100, 'counter', p['home'], 'deposit', '')
            if r.random() < 0.03:
                self.plan(t0 + self.tod('counter'), m, None, r.choice([50000, 100000, 200000, 500000]), 'counter', p['home'], 'withdrawal', '')
            if dom == 20 and r.random() < 0.3:
                sub = self.corps['subsidy'][{'50': 0, '51': 1, '52': 2}[province(p['home'])]]
                self.plan(t0 + self.tod('work'), sub, m, int(r.uniform(300, 2500) * 100), 'other', p['home'], 'transfer', '惠农补贴')
            self.spend(p, t0, 0.12, 5, 400)
        elif a == 'migrant':
            if dom == p.setdefault('payday', r.choice([5, 10, 15, 28])):
                src = p.setdefault('wsrc', r.choice(self.corps['employer']) if r.random() < 0.6 else None)
                sal = int(r.lognormvariate(math.log(6000), 0.35) * 100)
                ts = t0 + self.tod('work')
                if src:
                    self.plan(ts, src, m, sal, 'online', p['loc'], 'transfer', '工资')
                # fast home remittance: lawful quick in/out
                par = self.fam(p)
                self.plan(ts + r.randrange(300, 5 * HOUR), m, self.any_acct(par), int(sal * r.uniform(0.5, 0.85)) // 10000 * 10000, 'mobile', p['loc'], 'transfer', r.choice(['寄回家', '', '生活费']))
            if r.random() < 0.03:
                self.plan(t0 + self.tod('any'), m, None, r.choice([50000, 100000, 200000, 250000]), 'atm', p['loc'], 'withdrawal', '')
            self.spend(p, t0, 0.3, 5, 200, 'evening')
        elif a == 'trader':
            # produce / livestock trader: fan-in from wholesalers, fan-out to many farmers, big cash
            if r.random() < 0.18:
                ts = t0 + self.tod('day')
                total = int(r.lognormvariate(math.log(60000), 0.6) * 100)
                self.plan(ts, r.choice(self.corps['wholesale']), m, total, 'online', p['home'], 'transfer', '货款')
                loc_f = self.farm_area.get(p['area'])
                k = r.randrange(3, 14)
                rest = total
                for j in range(k):
                    amt = min(rest, int(total * r.uniform(0.04, 0.14)) // 100 * 100)
                    if amt <= 0:
                        break
                    rest -= amt
                    f = r.choice(loc_f) if loc_f else self.fam(p)
                    self.plan(ts + r.randrange(600, 8 * HOUR), m, self.main(f), amt, 'mobile', p['home'], 'transfer', r.choice(['猪款', '收购款', '菜款', '']))
                if r.random() < 0.5:
                    self.plan(ts + r.randrange(HOUR, 6 * HOUR), m, None, int(rest * r.uniform(0.3, 0.9)) // 10000 * 10000, 'counter', p['home'], 'withdrawal', '现金收购')
            if r.random() < 0.05:
                self.plan(t0 + self.tod('counter'), None, m, int(r.lognormvariate(math.log(20000), 0.6)) * 100, 'counter', p['home'], 'deposit', '')
        elif a == 'foreman':
            # receives project money, pays a crew the same day (lawful fan-out)
            if r.random() < 0.06:
                ts = t0 + self.tod('work')
                if 'crew' not in p:
                    p['crew'] = [q['i'] for q in self.persons if q['arch'] == 'migrant' and r.random() < 0.02][:30] or p['friends']
                crew = p['crew']
                total = int(r.lognormvariate(math.log(150000), 0.5) * 100)
                self.plan(ts, r.choice(self.corps['construction']), m, total, 'online', p['loc'], 'transfer', '工程款')
                for qi in crew:
                    q = self.persons[qi]
                    self.plan(ts + r.randrange(900, 10 * HOUR), m, self.main(q), int(r.uniform(3000, 9000)) * 100, 'mobile', p['loc'], 'transfer', '工资')
                if r.random() < 0.4:
                    self.plan(ts + r.randrange(HOUR, 4 * HOUR), m, None, r.choice([2000000, 3000000, 5000000]), 'counter', p['loc'], 'withdrawal', '发工资')
            self.spend(p, t0, 0.3, 20, 800)
        elif a == 'shop':
            # hotpot / noodle shop: many small QR transfers in, swept to own card, suppliers paid
            n = r.randrange(2, 11)
            cust = self.by_area[p['area']]
            for _ in range(n):
                c = r.choice(cust)
                self.plan(t0 + self.tod('evening' if r.random() < 0.6 else 'day'), r.choice(c['accts']), m, int(r.lognormvariate(math.log(90), 0.6) * 100), 'mobile', p['home'], 'transfer', r.choice(['', '', '饭钱', '火锅', '面钱']))
            if wd == 0:
                self.plan(t0 + self.tod('day'), m, r.choice(self.corps['supplier']), int(r.uniform(2000, 15000)) * 100, 'online', p['home'], 'transfer', '进货')
            if len(p['accts']) > 1 and r.random() < 0.15:
                self.plan(t0 + 23 * HOUR + r.randrange(0, 3000), m, p['accts'][1], int(r.uniform(1000, 6000)) * 100, 'mobile', p['home'], 'transfer', '')
            if dom == 5:
                for qi in p['friends'][:r.randrange(1, 4)]:
                    self.plan(t0 + self.tod('day'), m, self.main(self.persons[qi]), int(r.uniform(3000, 5000)) * 100, 'mobile', p['home'], 'transfer', '工资')
        elif a == 'seller':
            # online shop: settlements from platform, suppliers, small refunds to strangers
            if r.random() < 0.8:
                plat = r.choice(self.corps['platform'])
                self.plan(t0 + self.tod('night'), plat, m, int(r.lognormvariate(math.log(2500), 0.7) * 100), 'online', self.acc[plat]['region'], 'transfer', '结算')
            if r.random() < 0.25:
                q = self.persons[r.randrange(len(self.persons))]
                self.plan(t0 + self.tod('day'), m, self.any_acct(q), int(r.uniform(10, 300) * 100), 'mobile', p['loc'], 'transfer', '退款')
            if r.random() < 0.12:
                self.plan(t0 + self.tod('day'), m, r.choice(self.corps['supplier']) if r.random() < 0.6 else self.ext_card(), int(r.uniform(3000, 30000)) * 100, 'online', p['loc'], 'transfer', '货款')
            self.spend(p, t0, 0.3, 10, 300)

    def events_special(self):
        """Rare lawful events that look like fraud patterns."""
        r = self.rng
        P = self.persons
        mult = 2.0 if self.variant == 'cardstorm' else 1.0
        young = [p for p in P if p['arch'] in ('worker', 'newjob', 'clerk', 'migrant') and 22 <= p['age'] <= 36]
        # weddings: fan-in of gift money, then banquet and own-card sweep
        for _ in range(int(r.randrange(20, 35) * mult)):
            p = r.choice(young)
            day = r.randrange(0, self.ndays - 2)
            ts = day * DAY + 11 * HOUR
            m = self.main(p)
            for _ in range(r.randrange(25, 90)):
                g = self.persons[r.choice(p['family'] + p['friends'])] if r.random() < 0.6 else r.choice(self.by_area[p['area']])
                self.plan(ts + r.randrange(-DAY, 12 * HOUR), self.any_acct(g), m, r.choice([20000, 50000, 60000, 80000, 100000, 66600, 88800, 100000, 200000]), 'mobile', g['loc'], 'transfer', r.choice(['份子钱', '新婚快乐', '百年好合', '']))
            self.plan(ts + 10 * HOUR, m, r.choice(self.corps['hotel']), int(r.uniform(20000, 60000)) * 100, 'pos', p['loc'], 'transfer', '婚宴')
            if len(p['accts']) > 1:
                self.push(ts + DAY + r.randrange(HOUR, 8 * HOUR), self.ev_sweep, m, p['accts'][1], p['loc'], '')
        # hospital pooling by relatives
        for _ in range(int(r.randrange(20, 35) * mult)):
            p = r.choice(P)
            ts = r.randrange(0, self.end - 3 * DAY)
            m = self.main(p)
            for qi in p['family'] + p['friends'][:r.randrange(0, 5)]:
                q = self.persons[qi]
                self.plan(ts + r.randrange(0, DAY), self.any_acct(q), m, r.choice([100000, 200000, 300000, 500000, 1000000, 2000000]), 'mobile', q['loc'], 'transfer', r.choice(['医药费', '看病', '']))
            hosp = r.choice(self.corps['hospital'])
            for j in range(r.randrange(1, 4)):
                self.plan(ts + DAY + j * DAY // 2 + r.randrange(0, 4 * HOUR), m, hosp, int(r.uniform(5000, 40000)) * 100, 'pos', self.acc[hosp]['region'], 'transfer', '住院费')
        # rotating savings clubs (摇会): fan-in to organiser, pot fan-out to one member
        for _ in range(int(r.randrange(6, 12) * mult)):
            org = r.choice([p for p in P if p['area'] in ('cq_county', 'sc_pref', 'gz_pref')])
            members = [r.choice(self.by_area[org['area']]) for _ in range(r.randrange(8, 20))]
            share = r.choice([100000, 200000, 300000, 500000])
            day = r.randrange(0, 6)
            while day < self.ndays:
                ts = day * DAY + 9 * HOUR
                for q in members:
                    self.plan(ts + r.randrange(0, 10 * HOUR), self.main(q), self.main(org), share, 'mobile', q['loc'], 'transfer', '会钱')
                w = r.choice(members)
                self.plan(ts + DAY + r.randrange(0, 6 * HOUR), self.main(org), self.main(w), share * (len(members) - 1), 'mobile', org['loc'], 'transfer', '标会')
                day += r.choice([10, 15, 30])
        # class fee collection by a student monitor
        studs = [p for p in P if p['arch'] == 'student']
        for _ in range(int(r.randrange(8, 16) * mult)):
            mon = r.choice(studs)
            ts = r.randrange(0, self.end - DAY)
            fee = r.choice([5000, 10000, 20000, 30000])
            for _ in range(r.randrange(20, 45)):
                q = r.choice(studs)
                self.plan(ts + r.randrange(0, 20 * HOUR), r.choice(q['accts']), self.main(mon), fee, 'mobile', mon['loc'], 'transfer', '班费')
            self.plan(ts + DAY + r.randrange(0, 8 * HOUR), self.main(mon), r.choice(self.corps['merchant']), fee * 15, 'mobile', mon['loc'], 'transfer', '班级活动')
        # tuition: students pay fees, some straight after a parent's transfer
        for p in r.sample(studs, min(len(studs), int(len(studs) * 0.15))):
            ts = r.randrange(0, self.end - DAY)
            par = self.fam(p)
            fee = r.choice([450000, 550000, 650000])
            self.plan(ts, self.any_acct(par), self.main(p), fee, 'mobile', par['loc'], 'transfer', '学费')
            self.plan(ts + r.randrange(600, 3 * HOUR), self.main(p), r.choice(self.corps['university']), fee, 'online', p['loc'], 'transfer', '学费')
        # house purchase: dormant/retiree accounts wake up, money pooled to buyer, paid to developer
        for _ in range(r.randrange(8, 16)):
            p = r.choice(young)
            ts = r.randrange(0, self.end - 2 * DAY)
            tot = 0
            for qi in p['family']:
                q = self.persons[qi]
                amt = r.choice([5000000, 10000000, 20000000, 30000000])
                tot += amt
                self.plan(ts + r.randrange(0, DAY), self.main(q), self.main(p), amt, 'counter' if q['age'] > 55 else 'mobile', q['loc'], 'transfer', r.choice(['首付', '买房', '']))
            self.push(ts + DAY + r.randrange(HOUR, 6 * HOUR), self.ev_pay_all, self.main(p), r.choice(self.corps['developer']), p['loc'], '购房首付款')
        # private lending among relatives (large, round)
        for _ in range(r.randrange(40, 80)):
            p = r.choice(P)
            q = self.fam(p)
            ts = r.randrange(0, self.end)
            amt = r.choice([1000000, 2000000, 3000000, 5000000, 8000000])
            self.plan(ts, self.main(p), self.main(q), amt, 'mobile', p['loc'], 'transfer', r.choice(['借款', '借你的', '']))
        # legit multi-card opening in window: new job / mortgage cards at several banks within days
        for p in r.sample([p for p in P if p['arch'] in ('newjob', 'worker', 'trader')], 60):
            base = r.randrange(0, self.end // 2)
            for _ in range(r.randrange(2, 4)):
                bank = r.choice(SUPPLY_BANKS)
                acct = self.new_card(bank)
                ot = base + r.randrange(0, 6 * DAY) + self.tod('counter')
                self.add_account(acct, bank, p['id'], ot, p['loc'], 'II' if r.random() < 0.5 else 'I', 0)
                p['accts'].append(acct)
                self.plan(ot + 60, None, acct, r.choice([1000, 10000, 50000]), 'counter', p['loc'], 'deposit', '开户存入')
                self.push(ot + r.randrange(DAY, 5 * DAY), self.ev_moveown, p['i'], acct)

    def ev_sweep(self, ts, frm, to, reg, memo):
        amt = self.can_pay(frm, ts) - self.rng.randrange(0, 50000)
        if amt > 100000:
            self.emit(ts, frm, to, amt // 100 * 100, 'mobile', reg, 'transfer', memo, lawful=True)

    def ev_pay_all(self, ts, frm, to, reg, memo):
        amt = self.can_pay(frm, ts)
        if amt > 1000000:
            amt = amt * 9 // 10 // 1000000 * 1000000
            self.emit(ts, frm, to, amt, 'counter', reg, 'transfer', memo, lawful=True)

    def ev_moveown(self, ts, pi, acct):
        p = self.persons[pi]
        src = p['accts'][0]
        amt = int(self.can_pay(src, ts) * self.rng.uniform(0.1, 0.5)) // 10000 * 10000
        self.emit(ts, src, acct, amt, 'mobile', p['loc'], 'transfer', '', lawful=True)

    # ---------- fraud economy ----------
    def fraud(self):
        r = self.rng
        v = self.variant
        P = self.persons
        cfg = {
            'bashu': dict(gangs=5, farmers=5, fresh=90, rented=45, relatives=18, corp=8, pay=25, cases=135,
                          speed=['fast', 'medium', 'medium', 'slow', 'fast'], cash=['atm', 'otc', 'gold', 'ext', 'counter']),
            'slowburn': dict(gangs=4, farmers=3, fresh=55, rented=80, relatives=35, corp=14, pay=12, cases=95,
                             speed=['slow', 'slow', 'medium', 'slow'], cash=['gold', 'otc', 'counter', 'ext', 'xb']),
            'cardstorm': dict(gangs=6, farmers=8, fresh=70, rented=20, relatives=6, corp=4, pay=40, cases=190,
                              speed=['fast', 'fast', 'fast', 'medium', 'fast', 'fast'], cash=['atm', 'atm', 'otc', 'ext']),
        }[v]
        self.cfg = cfg
        self.gangs = []
        for gi in range(cfg['gangs']):
            g = {'i': gi, 'speed': cfg['speed'][gi], 'L1': [], 'L2': [], 'L3': [],
                 'ext': [self.ext_card() for _ in range(r.randrange(4, 10))],
                 'cashreg': r.choice(FAR_CASHOUT) if r.random() < 0.7 else r.choice(AREAS['cq_core'] + AREAS['chengdu']),
                 'cash': r.sample(cfg['cash'], min(len(cfg['cash']), 3))}
            self.gangs.append(g)
            for e in g['ext']:
                self.mule[e] = {'gang': gi, 'role': 'X', 'kind': 'external', 'from': 0}
        G = self.gangs
        used_p = set()

        def add_mule(acct, kind, role, gi, active):
            self.mule[acct] = {'gang': gi, 'role': role, 'kind': kind, 'from': max(0, active), 'uses': 0}
            self.mule_kind[acct] = kind
            G[gi][role].append(acct)
            self.controlled[acct] = max(0, active)
            if self.rng.random() < 0.6:
                self.warm(acct, gi, max(0, active))

        def role_for(kind):
            x = r.random()
            if kind in ('fresh', 'payment', 'corp'):
                return 'L1' if x < 0.7 else 'L2'
            if kind == 'farmer':
                return 'L1' if x < 0.45 else ('L2' if x < 0.8 else 'L3')
            return 'L2' if x < 0.5 else 'L3' if x < 0.8 else 'L1'

        # card farmers: many cards, several banks and cities, short span
        for fi in range(cfg['farmers']):
            if r.random() < 0.5:
                home = r.choice(AREAS['gz_pref'] + AREAS['cq_county'] + ['513401'])
            else:
                home = r.choice(['421002', '421124', '411325', '412726', '341221', '152502'])
            fid = self.new_id(home, r.randrange(19, 45))
            self.farmers.append(fid)
            span0 = r.randrange(-12 * DAY, self.end // 3)
            cities = r.sample(FARM_CITIES, r.randrange(2, 5))
            gi = r.randrange(len(G))
            banks_done = []
            ncards = r.randrange(7, 13) if v != 'cardstorm' else r.randrange(9, 17)
            for c in range(ncards):
                city = cities[c * len(cities) // ncards]
                local = {'50': ['CQRCB'], '51': ['SCRCU', 'BOCD'] if city.startswith('5101') else ['SCRCU'],
                         '52': ['GZRCU', 'GZB']}.get(province(city), [])
                bank = r.choice(['ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', 'BOCOM', 'CMB', 'CIB'] + local * 2)
                ot = (span0 // DAY + int(c * r.uniform(0.6, 1.6))) * DAY + self.tod('counter')
                cls = 'I' if bank not in banks_done else 'II'
                banks_done.append(bank)
                acct = self.new_card(bank)
                if BANKS[bank][2]:
                    self.add_account(acct, bank, fid, ot, city, cls, r.choice([0, 1000, 2000]) if ot < 0 else 0)
                    self.plan(ot + 120, None, acct, r.choice([1000, 2000, 10000]), 'counter', city, 'deposit', '开户存入')
                    quiet = r.randrange(3, 15) * DAY
                    if r.random() < 0.85:
                        add_mule(acct, 'farmer', role_for('farmer'), gi, ot + quiet)
                    else:
                        self.mule[acct] = {'gang': gi, 'role': 'idle', 'kind': 'farmer', 'from': ot}
                        self.mule_kind[acct] = 'farmer'
                        self.controlled[acct] = max(0, ot + 86400)
                else:
                    self.mule[acct] = {'gang': gi, 'role': 'X', 'kind': 'farmer_ext', 'from': max(0, ot)}
                    G[gi]['ext'].append(acct)
            # the set of cards is paid for (5-6 thousand yuan) into the farmer's own old card
            obank = {'50': 'CQRCB', '51': 'SCRCU', '52': 'GZRCU'}.get(province(home), 'PSBC')
            own = self.new_card(obank)
            self.add_account(own, obank, fid, -r.randrange(400, 3000) * DAY, home, 'I', r.randrange(2000, 300000))
            self.plan(max(0, span0 + 16 * DAY) + self.tod('day'), r.choice(G[gi]['ext']), own, r.choice([500000, 550000, 600000]), 'mobile', home, 'transfer', '')
            self.plan(max(0, span0 + 17 * DAY) + self.tod('counter'), own, None, 300000, 'atm', home, 'withdrawal', '')

        # freshly opened cards of recruited young people; payment-firm accounts; relatives' cards
        young = [p for p in P if p['age'] <= 26 and p['arch'] in ('student', 'migrant', 'newjob', 'worker')]
        r.shuffle(young)
        recruits = young[:cfg['fresh']]
        for p in recruits:
            used_p.add(p['i'])
            gi = r.randrange(len(G))
            bank = self.pick_w([(b, w) for b, w in bank_weights(p['home']) if BANKS[b][2]])
            ot = r.randrange(-10 * DAY, self.end * 2 // 3) + self.tod('counter') - 0
            ot = ot - ot % DAY + self.tod('counter')
            acct = self.new_card(bank)
            self.add_account(acct, bank, p['id'], ot, r.choice([p['home'], p['loc']]), 'I' if r.random() < 0.6 else 'II', 0)
            self.plan(ot + 60, None, acct, r.choice([1000, 2000, 5000, 10000]), 'counter', p['loc'], 'deposit', '开户存入')
            add_mule(acct, 'fresh', role_for('fresh'), gi, ot + r.randrange(HOUR, 5 * DAY))
            self.plan(max(0, ot + r.randrange(DAY, 4 * DAY)), r.choice(G[gi]['ext']), self.main(p), r.choice([50000, 80000, 100000, 150000]), 'mobile', p['loc'], 'transfer', '')
        for p in recruits[:cfg['pay']]:
            gi = r.randrange(len(G))
            ot = r.randrange(0, self.end * 2 // 3)
            acct = self.new_card('YZPAY')
            self.add_account(acct, 'YZPAY', p['id'], ot, p['loc'], 'III', 0)
            add_mule(acct, 'payment', 'L1', gi, ot + r.randrange(HOUR, 2 * DAY))
        for p in recruits[:cfg['relatives']]:
            for qi in p['family']:
                q = self.persons[qi]
                if q['arch'] in ('retiree', 'farmer') and q['i'] not in used_p:
                    used_p.add(q['i'])
                    gi = r.randrange(len(G))
                    add_mule(self.main(q), 'relative', role_for('relative'), gi, r.randrange(0, self.end * 2 // 3))
                    break
        # rented / sold old accounts of ordinary owners (earlier normal use in the data)
        cand = [p for p in P if p['arch'] in ('worker', 'migrant', 'student', 'newjob', 'shop', 'farmer') and p['i'] not in used_p]
        r.shuffle(cand)
        for p in cand[:cfg['rented']]:
            used_p.add(p['i'])
            acct = p['accts'][-1] if len(p['accts']) > 1 and r.random() < 0.6 else p['accts'][0]
            if self.acc[acct]['open'] > 0:
                continue
            gi = r.randrange(len(G))
            t = r.randrange(self.end // 5, self.end * 4 // 5)
            add_mule(acct, 'rented', role_for('rented'), gi, t)
            other = [x for x in p['accts'] if x != acct] or p['ext']
            if other:
                self.plan(t + r.randrange(HOUR, 3 * DAY), r.choice(G[gi]['ext']), other[0], r.choice([100000, 200000, 300000]), 'mobile', p['loc'], 'transfer', '')
        # shell companies
        for _ in range(cfg['corp']):
            reg = r.choice(AREAS['chengdu'] + AREAS['cq_core'] + AREAS['guiyang'])
            ot = r.randrange(-90 * DAY, self.end // 2)
            gi = r.randrange(len(G))
            acct = self.corp('shell', reg, r.uniform(1000, 20000), bank=r.choice(SUPPLY_BANKS[:8]), open_ts=ot, cat='1')
            add_mule(acct, 'corp', 'L1' if r.random() < 0.7 else 'L2', gi, max(0, ot) + r.randrange(DAY, 10 * DAY))

        self.cases()

    def warm(self, acct, gi, active):
        """养卡: small lawful-looking activity before a card is used."""
        r = self.rng
        reg = self.acc[acct]['region'] if acct in self.acc else '510104'
        t = active - r.randrange(2 * DAY, 8 * DAY)
        t = max(t, self.acc[acct]['open'] + HOUR if acct in self.acc else 0)
        if t < 0:
            t = r.randrange(HOUR, 2 * DAY)
        self.push(t, self.ev_warm_in, acct, r.choice(self.gangs[gi]['ext']), r.randrange(20000, 100000), reg)
        for k in range(r.randrange(2, 5)):
            self.push(t + r.randrange(HOUR, 5 * DAY), self.ev_warm_out, acct, r.randrange(1000, 15000), reg)

    def ev_warm_in(self, ts, acct, src, fen, reg):
        self._raw(ts, src, acct, fen, 'mobile', reg, '')

    def _raw(self, ts, frm, to, fen, ch, reg, memo, kind='transfer'):
        # movement that must not trigger a sweep (warming)
        m = self.mule.pop(to, None) if to else None
        self.emit(ts, frm, to, fen, ch, reg, kind, memo)
        if m is not None:
            self.mule[to] = m

    def ev_warm_out(self, ts, acct, fen, reg):
        if self.can_pay(acct, ts) >= fen:
            self.emit(ts, acct, self.rng.choice(self.corps['merchant']), fen, 'pos' if self.rng.random() < 0.5 else 'mobile', reg, 'transfer', '')

    def active(self, g, role, ts):
        out = []
        for a in g[role]:
            m = self.mule[a]
            if m['from'] <= ts and m.get('uses', 0) < m.setdefault('cap', self.rng.randrange(3, 12)):
                if a in self.acc and ts < self.acc[a]['open']:
                    continue
                out.append(a)
        return out

    def delay(self, g):
        r = self.rng
        s = g['speed']
        if s == 'fast':
            return int(r.lognormvariate(math.log(180), 0.8)) + 20
        if s == 'medium':
            return int(r.lognormvariate(math.log(2400), 0.9)) + 60
        return int(r.lognormvariate(math.log(9 * HOUR), 0.8)) + 600

    def on_mule_receive(self, ts, acct):
        m = self.mule[acct]
        if m['role'] in ('X', 'idle') or acct in self.pending:
            return
        self.pending.add(acct)
        self.push(ts + self.delay(self.gangs[m['gang']]), self.ev_mule_sweep, acct)

    def ev_mule_sweep(self, ts, acct):
        self.pending.discard(acct)
        r = self.rng
        m = self.mule[acct]
        g = self.gangs[m['gang']]
        bal = self.can_pay(acct, ts)
        keep = r.choice([0, 0, r.randrange(0, 5000), r.randrange(0, 30000)])
        amt = bal - keep
        if amt < 50000:
            return
        reg = g['cashreg'] if m['role'] == 'L3' else self.acc[acct]['region']
        ch = 'mobile' if r.random() < 0.7 else 'online'
        if m['role'] == 'L1':
            targets = self.active(g, 'L2', ts)
            k = r.choice([1, 2, 2, 3, 4]) if self.variant != 'slowburn' else r.choice([2, 3, 4, 5])
            self.split(ts, acct, amt, k, targets, g, reg, ch, p_ext=0.3)
        elif m['role'] == 'L2':
            if r.random() < 0.25:
                self.cashout(ts, acct, amt, g, reg)
                return
            targets = self.active(g, 'L3', ts)
            self.split(ts, acct, amt, r.choice([1, 2, 3]), targets, g, reg, ch, p_ext=0.25)
        else:
            self.cashout(ts, acct, amt, g, reg)

    def split(self, ts, acct, amt, k, targets, g, reg, ch, p_ext):
        r = self.rng
        ws = [r.uniform(0.5, 1.5) for _ in range(k)]
        sw = sum(ws)
        rest = amt
        t = ts
        for j in range(k):
            part = rest if j == k - 1 else int(amt * ws[j] / sw)
            if self.variant == 'slowburn' and part > 4990000:
                part = r.randrange(3000000, 4990000)
            if j < k - 1 and r.random() < 0.5:
                part = part // 10000 * 10000
            part = min(part, rest)
            rest -= part
            if part <= 0:
                continue
            if targets and r.random() > p_ext:
                to = r.choice(targets)
                self.mule[to]['uses'] = self.mule[to].get('uses', 0) + 1
            else:
                to = r.choice(g['ext'])
            self.push(t, self.ev_mule_pay, acct, to, part, ch, reg)
            t += r.randrange(15, 600) if g['speed'] == 'fast' else r.randrange(300, 3 * HOUR)
        if rest > 50000:
            self.push(t, self.ev_mule_sweep, acct)

    def ev_mule_pay(self, ts, frm, to, fen, ch, reg):
        fen = min(fen, self.can_pay(frm, ts))
        if fen > 0:
            self.emit(ts, frm, to, fen, ch, reg, 'transfer', self.rng.choice(['', '', '', '货款', '往来款', '还款']) if frm in self.acc and self.acc[frm]['cls'] == 'corp' else '')

    def cashout(self, ts, acct, amt, g, reg):
        r = self.rng
        how = r.choice(g['cash'])
        if how == 'atm':
            self.push(ts + r.randrange(60, 1800), self.ev_atm, acct, g['cashreg'])
        elif how == 'gold':
            shop = r.choice(self.corps['gold'])
            t = ts
            while amt > 100000:
                part = min(amt, r.randrange(500000, 4000000))
                self.push(t, self.ev_mule_pay_to, acct, shop, part, 'pos', self.acc[shop]['region'], 'transfer', '黄金')
                amt -= part
                t += r.randrange(120, 1800)
        elif how == 'otc':
            self.push(ts, self.ev_mule_pay_to, acct, r.choice(self.otc), amt, 'mobile', reg, 'transfer', '')
        elif how == 'counter':
            t = ts + r.randrange(HOUR, DAY)
            while amt > 100000:
                part = min(amt, r.randrange(2000000, 4990000) // 10000 * 10000)
                self.push(t - t % DAY + self.tod('counter') + (DAY if (t % DAY) > 16 * HOUR else 0), self.ev_mule_pay_to, acct, None, part, 'counter', self.acc[acct]['region'], 'withdrawal', '')
                amt -= part
                t += DAY
        elif how == 'xb':
            self.push(ts, self.ev_mule_pay_to, acct, r.choice(self.foreign), amt, 'online', reg, 'transfer', '', True)
        else:
            self.push(ts, self.ev_mule_pay_to, acct, r.choice(g['ext']), amt, 'mobile', reg, 'transfer', '')

    def ev_mule_pay_to(self, ts, frm, to, fen, ch, reg, kind, memo, xb=False):
        fen = min(fen, self.can_pay(frm, ts))
        if kind == 'withdrawal':
            fen = fen // 10000 * 10000
        if fen > 0:
            self.emit(ts, frm, to if kind != 'withdrawal' else None, fen, ch, reg, kind, memo, xb=xb)

    def ev_atm(self, ts, acct, reg):
        r = self.rng
        day = ts // DAY
        key = (acct, day)
        used = self.atm_day.get(key, 0)
        bal = self.can_pay(acct, ts)
        if bal < 100000:
            return
        if used >= 2000000:
            nxt = (day + 1) * DAY + r.randrange(0, 3 * HOUR)
            self.push(nxt, self.ev_atm, acct, reg)
            return
        chunk = min(r.choice([200000, 250000, 300000, 300000]), bal // 10000 * 10000, 2000000 - used)
        if chunk >= 10000:
            self.emit(ts, acct, None, chunk, 'atm', reg, 'withdrawal', '')
            self.atm_day[key] = used + chunk
        self.push(ts + r.randrange(40, 400), self.ev_atm, acct, reg)

    def cases(self):
        r = self.rng
        v = self.variant
        P = self.persons
        tw = {'bashu': [('brushing', 18), ('ecommerce_cs', 12), ('investment', 12), ('loan_card', 10), ('police_gov', 10),
                        ('romance', 6), ('credit_record', 6), ('leader_acquaintance', 6), ('shopping_service', 4), ('game_trade', 3),
                        ('accident_kidnap', 4), ('subsidy_refund', 3), ('prize', 2), ('parcel', 2), ('fake_job', 2)],
              'slowburn': [('investment', 30), ('romance', 18), ('loan_card', 12), ('police_gov', 10), ('brushing', 8),
                           ('leader_acquaintance', 8), ('credit_record', 6), ('military_purchase', 3), ('accident_kidnap', 3)],
              'cardstorm': [('brushing', 30), ('ecommerce_cs', 20), ('police_gov', 10), ('loan_card', 10), ('shopping_service', 8),
                            ('game_trade', 6), ('credit_record', 6), ('phone_bill', 3), ('parcel', 3), ('subsidy_refund', 4)]}[v]
        vict_used = set()
        for ci in range(self.cfg['cases']):
            typ = self.pick_w(tw)
            pref = {'police_gov': ('retiree', 'clerk', 'worker'), 'accident_kidnap': ('retiree', 'farmer'),
                    'subsidy_refund': ('retiree', 'farmer'), 'credit_record': ('student', 'newjob', 'worker'),
                    'game_trade': ('student',), 'brushing': ('worker', 'newjob', 'student', 'clerk'),
                    'leader_acquaintance': ('shop', 'clerk', 'worker'), 'military_purchase': ('shop', 'seller'),
                    'investment': ('worker', 'clerk', 'retiree', 'shop'), 'romance': ('worker', 'clerk', 'retiree', 'migrant')}.get(typ)
            for _ in range(50):
                p = r.choice(P)
                if p['i'] in vict_used or p['i'] in [0]:
                    continue
                if pref and p['arch'] not in pref and r.random() < 0.85:
                    continue
                if any(a in self.mule for a in p['accts']):
                    continue
                break
            vict_used.add(p['i'])
            ext_victim = r.random() < 0.25 and p['ext']
            g = self.gangs[r.randrange(len(self.gangs))]
            start = r.randrange(DAY, self.end - 2 * DAY)
            self.make_case(p, typ, g, start, bool(ext_victim))

    def make_case(self, p, typ, g, start, ext_victim):
        r = self.rng
        acct = p['ext'][0] if ext_victim else self.main(p)
        sched = []  # (offset seconds, planned yuan, channel)
        if typ == 'brushing':
            amts = [r.choice([100, 200, 300]), r.choice([500, 800, 1000]), r.choice([2000, 3000, 5000]), r.choice([8000, 10000, 15000]), r.choice([20000, 30000])]
            n = r.randrange(2, 6)
            t = start - start % DAY + self.tod('evening') - 2 * HOUR
            for j in range(n):
                sched.append((t - start, amts[j], 'mobile'))
                t += r.randrange(600, 3 * HOUR) if r.random() < 0.7 else DAY
            payback = 1
        elif typ in ('investment', 'romance'):
            n = r.randrange(2, 7)
            t = start
            a = r.choice([5000, 10000, 20000]) if typ == 'investment' else r.choice([2000, 5000, 10000])
            for j in range(n):
                sched.append((t - start + self.tod('day') - start % DAY, a, 'mobile' if r.random() < 0.7 else 'online'))
                a = int(a * r.uniform(1.5, 3.0)) // 1000 * 1000
                t += r.randrange(2, 8) * DAY
            payback = 1
        elif typ == 'police_gov':
            n = r.randrange(1, 5)
            t = start - start % DAY + self.tod('work')
            for j in range(n):
                sched.append((t - start, 'all', 'counter' if r.random() < 0.3 else 'mobile'))
                t += r.randrange(1800, DAY)
            payback = 0
        else:
            lohi = {'ecommerce_cs': (2000, 40000, 3), 'loan_card': (1000, 20000, 5), 'credit_record': (3000, 50000, 3),
                    'leader_acquaintance': (10000, 100000, 2), 'shopping_service': (100, 3000, 2), 'game_trade': (100, 5000, 2),
                    'accident_kidnap': (5000, 50000, 1), 'subsidy_refund': (1000, 20000, 3), 'prize': (1000, 10000, 3),
                    'parcel': (5000, 80000, 2), 'fake_job': (200, 2000, 3), 'phone_bill': (3000, 50000, 2),
                    'military_purchase': (10000, 80000, 3)}[typ]
            n = r.randrange(1, lohi[2] + 1)
            t = start - start % DAY + self.tod('day')
            ch = 'atm' if typ == 'subsidy_refund' else ('counter' if typ == 'accident_kidnap' and r.random() < 0.5 else 'mobile')
            for j in range(n):
                amt = int(math.exp(r.uniform(math.log(lohi[0]), math.log(lohi[1]))))
                amt = amt // 100 * 100 if amt > 1000 else amt
                sched.append((t - start, amt, ch))
                t += r.randrange(300, 6 * HOUR)
            payback = 0
        # before big payments, victims pool own cards and borrow from family
        if not ext_victim and typ in ('police_gov', 'investment', 'romance', 'credit_record', 'leader_acquaintance'):
            for other in p['accts'][1:]:
                self.push(start + sched[0][0] - r.randrange(600, 2 * HOUR), self.ev_sweep_all, other, acct, p['loc'])
            if typ != 'police_gov' and r.random() < 0.5 and len(sched) > 1:
                for qi in p['family'][:r.randrange(1, 4)]:
                    q = self.persons[qi]
                    self.plan(start + sched[-1][0] - r.randrange(HOUR, DAY), self.main(q), acct, r.choice([1000000, 2000000, 3000000, 5000000]), 'mobile', q['loc'], 'transfer', '借款')
        memo = {'brushing': ['', '任务单', '垫付'], 'investment': ['', '投资', '入金'], 'loan_card': ['', '解冻费', '保证金'],
                'police_gov': ['', '', '资金清查'], 'romance': ['', ''], 'credit_record': ['', '还款'], 'leader_acquaintance': ['', '借款']}.get(typ, [''])
        for j, (off, amt, ch) in enumerate(sched):
            self.push(start + off, self.ev_victim_pay, acct, p['loc'], g['i'], typ, amt, ch, r.choice(memo), j == 0 and payback == 1)

    def ev_sweep_all(self, ts, frm, to, reg):
        amt = self.can_pay(frm, ts)
        if amt >= 10000:
            self.emit(ts, frm, to, amt, 'mobile', reg, 'transfer', '')

    def ev_victim_pay(self, ts, acct, reg, gi, typ, amt, ch, memo, payback):
        r = self.rng
        g = self.gangs[gi]
        avail = self.can_pay(acct, ts)
        if avail > 10 ** 12:
            avail = r.randrange(3000000, 60000000)
        if amt == 'all':
            fen = avail - r.randrange(0, 5000)
            if fen > 1000000:
                fen = fen // 10000 * 10000
        else:
            fen = min(amt * 100, avail)
            if fen < amt * 100:
                fen = fen // 10000 * 10000
        if fen < 10000:
            return
        cands = self.active(g, 'L1', ts)
        if typ in ('investment', 'leader_acquaintance', 'military_purchase'):
            corp = [a for a in cands if self.acc.get(a, {}).get('cls') == 'corp']
            if corp and r.random() < 0.6:
                cands = corp
        if typ in ('brushing', 'shopping_service', 'game_trade') and fen < 500000:
            pay = [a for a in cands if self.acc.get(a, {}).get('bank') == 'YZPAY']
            if pay and r.random() < 0.6:
                cands = pay
        if cands and r.random() < 0.85:
            to = r.choice(cands)
            self.mule[to]['uses'] = self.mule[to].get('uses', 0) + 1
        else:
            to = r.choice(g['ext'])
        if ch == 'counter' and not (7 * HOUR < ts % DAY < 17 * HOUR):
            ch = 'mobile'
        got = self.emit(ts, acct, to, fen, ch, reg, 'transfer', memo, fraud=True)
        if got and payback:
            # a small "profit" or "commission" is returned to build trust
            src = to if to in self.acc else r.choice(g['ext'])
            self.push(ts + r.randrange(300, 2 * HOUR), self.ev_payback, src, acct, int(got * r.uniform(1.05, 1.3)) if got < 100000 else int(got * r.uniform(0.05, 0.2)), reg)

    def ev_payback(self, ts, frm, to, fen, reg):
        fen = min(fen, self.can_pay(frm, ts))
        if fen > 0:
            self.emit(ts, frm, to, fen, 'mobile', reg, 'transfer', '返佣' if fen < 50000 else '收益')

    # ---------- output ----------
    def write(self, out):
        os.makedirs(out, exist_ok=True)
        used_acc = set()
        for row in self.rows:
            used_acc.add(row[2])
            used_acc.add(row[3])
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance'])
            keys = sorted(self.acc, key=lambda k: (self.acc[k]['open'], k))
            self.n_accounts = 0
            for k in keys:
                a = self.acc[k]
                if a['open'] >= self.end:
                    continue
                self.n_accounts += 1
                w.writerow([k, a['bank'], a['holder'], self.dt(a['open']), a['region'], a['cls'], yuan(a['opening'])])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo', 'cross_border'])
            w.writerows(self.rows)
        self.counts = {}
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for k in self.mule:
                kind = self.mule[k]['kind']
                internal = k in self.acc and self.acc[k]['open'] < self.end
                if not internal and k not in used_acc:
                    continue
                key = kind if internal else 'external(' + kind + ')'
                self.counts[key] = self.counts.get(key, 0) + 1
                w.writerow(['account', k, 'mule'])
            for t in self.fraud_txn:
                w.writerow(['transfer', t, 'fraud'])
            for h in self.farmers:
                w.writerow(['holder', h, 'card_farmer'])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--variant', default='bashu', choices=['bashu', 'slowburn', 'cardstorm'])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.fraud()
    w.life()
    w.run()
    w.write(a.out)
    neg = [k for k, b in w.bal.items() if b < 0]
    assert not neg, 'negative balance'
    print(f"variant={a.variant} seed={a.seed} window={w.start.date()}+{w.ndays}d accounts={w.n_accounts} "
          f"transfers={len(w.rows)} victim_payments={len(w.fraud_txn)} card_farmers={len(w.farmers)} "
          f"mules={sum(w.counts.values())} {dict(sorted(w.counts.items()))} skipped={w.skipped} "
          f"time={time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == '__main__':
    main()
