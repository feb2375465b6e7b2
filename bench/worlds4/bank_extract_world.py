#!/usr/bin/env python3
# Licence: Apache-2.0 (written by the fanzha project).
"""bank_extract_world.py -- an independent synthetic "bank-extract" world for evaluating a
counter-telecom-fraud engine.

A regional anti-fraud centre covering Fujian, Guangxi and Yunnan receives transaction extracts from a
handful of banks.  Other banks are external: their accounts appear only as counterparties.  The world
simulates ordinary life (with many lawful look-alikes of fraud patterns) and a fraud economy (victims,
layering through mule accounts, cash-out at border/coastal points, OTC and payment-platform exits).

Standard library only.  Same --seed and --variant give byte-identical output.

    python3 bank_extract_world.py --out DIR [--seed N] [--variant NAME] [--truth]
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
import time
import zlib
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
MIN, HOUR, DAY = 60, 3600, 86400

# --------------------------------------------------------------------------------------------- geography
CITIES = {  # city: (province, [district codes], weight)
    'Fuzhou': ('FJ', ['350102', '350103', '350104', '350111'], 12),
    'Xiamen': ('FJ', ['350203', '350205', '350206', '350211'], 12),
    'Quanzhou': ('FJ', ['350502', '350503', '350582', '350583'], 10),
    'Putian': ('FJ', ['350302', '350322'], 3),
    'Zhangzhou': ('FJ', ['350602'], 4),
    'Nanning': ('GX', ['450102', '450103', '450105', '450107'], 12),
    'Liuzhou': ('GX', ['450202', '450203'], 5),
    'Guilin': ('GX', ['450302', '450305'], 4),
    'Beihai': ('GX', ['450502', '450512'], 3),
    'Fangchenggang': ('GX', ['450602', '450681'], 2),
    'Chongzuo': ('GX', ['451402', '451481'], 2),
    'Qinzhou': ('GX', ['450702'], 2),
    'Kunming': ('YN', ['530102', '530103', '530111', '530112'], 13),
    'Dehong': ('YN', ['533102', '533103'], 2),
    'Honghe': ('YN', ['532501', '532532'], 2),
    'Xishuangbanna': ('YN', ['532801', '532823'], 2),
    'Baoshan': ('YN', ['530502'], 1),
    'Qujing': ('YN', ['530302'], 2),
}
CITY_NAMES = list(CITIES)
CITY_W = [CITIES[c][2] for c in CITY_NAMES]
BORDER = ['450681', '451481', '533102', '532532', '532823']        # Dongxing, Pingxiang, Ruili, Hekou, Mengla
COAST = ['350206', '350582', '450502', '350203', '450602']          # Huli, Jinjiang, Beihai, Siming, Fangcheng port
MIGRANT_HOME = ['511302', '511623', '520102', '522601', '411302', '420102', '421102', '500101', '341202',
                '431102']
FARMER_HOME = ['420102', '421102', '522601', '411302', '341202']
NATIONAL = ['110105', '310115', '440106', '330106', '320106', '370102', '210102', '610113', '130102',
            '230102', '120101', '440304', '510107', '410105', '220102']

# ------------------------------------------------------------------------------------------------- banks
BANKS = {  # code: (bins, length, corp prefix, provinces where it has branches or None = everywhere, share)
    'ICBC': (['622202', '621226'], 19, '1402', None, 16),
    'CCB': (['621700', '622700'], 19, '3505', None, 15),
    'ABC': (['622848', '622845'], 19, '1340', None, 15),
    'BOC': (['621661', '621785'], 19, '4080', None, 10),
    'PSBC': (['621799', '622188'], 19, '9510', None, 10),
    'BOCOM': (['622262'], 19, '3510', None, 5),
    'CMB': (['621483', '622588'], 16, '5919', None, 7),
    'CIB': (['622909', '622908'], 18, '1290', None, 7),
    'SPDB': (['622521'], 19, '4301', None, 3),
    'CITIC': (['621771'], 19, '8110', None, 3),
    'PAB': (['622298'], 19, '1500', None, 3),
    'FJNX': (['622184'], 19, '9070', {'FJ'}, 8),     # Fujian rural credit union (code invented)
    'BBGB': (['623210'], 19, '8001', {'GX'}, 5),     # Guangxi Beibu Gulf Bank (code invented)
    'GXNX': (['621553'], 19, '8102', {'GX'}, 6),     # Guangxi rural credit union (code invented)
    'YNNX': (['622995'], 19, '8205', {'YN'}, 8),     # Yunnan rural credit union (code invented)
    'FDB': (['623073'], 19, '8300', {'YN'}, 2),      # Fudian Bank Kunming (code invented)
    'XMB': (['622439'], 19, '8401', {'FJ'}, 3),      # Xiamen Bank (code invented)
}
BANK_CODES = list(BANKS)
ALWAYS_SUPPLY = ['ICBC', 'CCB', 'ABC']
MAYBE_SUPPLY = ['PSBC', 'CIB', 'FJNX', 'BBGB', 'YNNX', 'BOC', 'CMB', 'XMB']

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
UC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

TYPOLOGIES = ['police_gov', 'ecommerce_cs', 'loan_card', 'investment', 'brushing', 'leader_acquaintance',
              'romance', 'credit_record', 'game_trade']

VARIANTS = {
    'default': dict(days=45, persons=11000, shops=230, groups=8, victims=125, farmers=5, farmer_cards=(7, 13),
                    pool=dict(fresh=8, rented=5, corp=1.5, external=5, paofen=1.0, oneshot=2),
                    speeds=['fast', 'fast', 'medium', 'medium', 'slow'], layers=(1, 5),
                    report=0.65, freeze=0.5, censor=8, typ_w=None),
    'slow_layering': dict(days=60, persons=8700, shops=170, groups=7, victims=120, farmers=4, farmer_cards=(6, 12),
                          pool=dict(fresh=8, rented=6, corp=2, external=6, paofen=0.5, oneshot=1),
                          speeds=['slow', 'slow', 'slow', 'medium'], layers=(3, 6),
                          report=0.45, freeze=0.4, censor=10, typ_w=None),
    'rented_heavy': dict(days=40, persons=11800, shops=230, groups=8, victims=130, farmers=2, farmer_cards=(6, 10),
                         pool=dict(fresh=3, rented=14, corp=2.5, external=4, paofen=1.0, oneshot=1),
                         speeds=['fast', 'medium', 'medium', 'slow'], layers=(1, 4),
                         report=0.65, freeze=0.5, censor=6, typ_w=None),
    'merchant_dense': dict(days=35, persons=10800, shops=600, groups=8, victims=150, farmers=4, farmer_cards=(7, 12),
                           pool=dict(fresh=6, rented=5, corp=1, external=4, paofen=4, oneshot=2),
                           speeds=['fast', 'fast', 'medium', 'slow'], layers=(1, 4),
                           report=0.6, freeze=0.45, censor=8,
                           typ_w=[6, 10, 6, 8, 22, 6, 6, 4, 6]),
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


def yuan(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


class Acc:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'bal', 'sup', 'status', 'owner',
                 'mule', 'group', 'pending', 'sched', 'depth', 'cases', 'bal0', 'corp', 'role', 'rent')

    def __init__(self, id_, bank, holder, opened, region, cls, bal, sup, owner=None, corp=False, role=''):
        self.id, self.bank, self.holder, self.opened, self.region = id_, bank, holder, opened, region
        self.cls, self.bal, self.sup, self.owner, self.corp, self.role = cls, bal, sup, owner, corp, role
        self.status = 'active'
        self.mule = None      # mule kind if controlled by the fraud network
        self.group = None
        self.pending = 0      # fraud money waiting to be forwarded (fen)
        self.sched = False
        self.depth = 0
        self.cases = None
        self.bal0 = bal
        self.rent = None      # (start, end) of rental for rented accounts


class Person:
    __slots__ = ('idx', 'idno', 'home', 'city', 'region', 'persona', 'accs', 'age', 'employer', 'landlord',
                 'family')

    def __init__(self, idx, idno, home, city, region, persona, age):
        self.idx, self.idno, self.home, self.city, self.region = idx, idno, home, city, region
        self.persona, self.age, self.accs = persona, age, []
        self.employer = None
        self.landlord = None
        self.family = None


class World:
    def __init__(self, seed, variant):
        self.cfg = VARIANTS[variant]
        self.variant = variant
        self.rng = random.Random(seed * 1000003 + zlib.crc32(variant.encode()))
        r = self.rng
        # window start: a date between 2024-02-01 and 2025-06-30, picked from the seed only
        base = datetime(2024, 2, 1, tzinfo=TZ)
        self.start_dt = base + timedelta(days=random.Random(seed).randrange(0, 515))
        self.T0 = int(self.start_dt.timestamp())
        self.D = self.cfg['days']
        self.T1 = self.T0 + self.D * DAY
        sup = list(ALWAYS_SUPPLY) + r.sample(MAYBE_SUPPLY, r.randint(2, 4))
        self.supplying = [b for b in BANK_CODES if b in sup]
        self.ext_start = {}
        late = r.sample(self.supplying, r.randint(2, 3))
        for b in self.supplying:
            self.ext_start[b] = self.T0 + (r.randint(1, self.cfg['censor']) * DAY if b in late else 0)
        self.used_ids = set()
        self.used_cards = set()
        self.accounts = []          # every Acc (supplying and external), creation order
        self.persons = []
        self.heap = []
        self.seq = 0
        self.rows = []
        self.truth = []             # (kind, id, role, subkind, group, note)
        self.snap = {}              # account id -> true balance at its bank's extract start
        self.visible_ids = {}
        self.hour_cw = {}
        self._mk_hours()

    # ------------------------------------------------------------------------------------- id helpers
    def idno(self, region, age):
        r = self.rng
        y = self.start_dt.year - age
        while True:
            d = datetime(y, 1, 1) + timedelta(days=r.randrange(365))
            s = '%s%s%03d' % (region, d.strftime('%Y%m%d'), r.randrange(1, 1000))
            s += ID_C[sum((ord(a) - 48) * w for a, w in zip(s, ID_W)) % 11]
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def uscc(self, region):
        r = self.rng
        while True:
            org = ''.join(r.choice('0123456789') for _ in range(8))
            v = sum(int(c) * w for c, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2]))
            c9 = 11 - v % 11
            org += 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
            base = '91' + region + org
            chk = (31 - sum(UC.index(c) * w for c, w in zip(base, UW)) % 31) % 31
            s = base + UC[chk]
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def card_no(self, bank):
        bins, length, _, _, _ = BANKS[bank]
        r = self.rng
        while True:
            p = r.choice(bins) + ''.join(r.choice('0123456789') for _ in range(length - 7))
            s = p + luhn(p)
            if s not in self.used_cards:
                self.used_cards.add(s)
                return s

    def corp_no(self, bank):
        r = self.rng
        while True:
            s = BANKS[bank][2] + ''.join(r.choice('0123456789') for _ in range(r.choice((13, 14, 15))))
            if s not in self.used_cards:
                self.used_cards.add(s)
                return s

    def new_acc(self, bank, holder, opened, region, cls, bal, owner=None, corp=False, role=''):
        aid = self.corp_no(bank) if corp else self.card_no(bank)
        a = Acc(aid, bank, holder, opened, region, cls, bal, bank in self.supplying, owner, corp, role)
        if not a.sup:
            a.bal = 0
        self.accounts.append(a)
        return a

    def ext_acc(self, region='000000', role='ext', corp=False, bank=None):
        """An account at a non-supplying bank (only ever seen as a counterparty)."""
        ext_banks = [b for b in BANK_CODES if b not in self.supplying]
        b = bank or self.rng.choice(ext_banks)
        return self.new_acc(b, None, self.T0 - 400 * DAY, region, 'I', 0, corp=corp, role=role)

    def pick_bank(self, prov, supplying_only=False):
        r = self.rng
        cands = [b for b in BANK_CODES if (BANKS[b][3] is None or prov in BANKS[b][3])
                 and (not supplying_only or b in self.supplying)]
        return r.choices(cands, [BANKS[b][4] + (6 if b == 'CIB' and prov == 'FJ' else 0) for b in cands])[0]

    # ------------------------------------------------------------------------------------- time helpers
    def _mk_hours(self):
        prof = {
            'day': [0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 1, 3, 5, 7, 8, 8, 7, 6, 7, 7, 7, 6, 6, 7, 7, 6, 3, 1],
            'office': [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 8, 9, 8, 4, 5, 8, 8, 7, 4, 1, 0.3, 0, 0, 0, 0],
            'evening': [1, 0.5, 0.2, 0, 0, 0, 0.3, 1, 2, 3, 4, 5, 6, 5, 4, 4, 5, 7, 9, 10, 10, 8, 5, 2],
            'night': [6, 5, 4, 3, 2, 1, 0.5, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 4, 6, 7],
            'any': [2, 1.5, 1, 0.8, 0.6, 0.8, 1.5, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 3],
        }
        for k, w in prof.items():
            cw, s = [], 0.0
            for x in w:
                s += x
                cw.append(s)
            self.hour_cw[k] = cw

    def at(self, day, prof='day'):
        r = self.rng
        h = r.choices(range(24), cum_weights=self.hour_cw[prof])[0]
        return self.T0 + day * DAY + h * HOUR + r.randrange(3600)

    def days_of_month(self, dom):
        """Window day indexes whose day of month is dom."""
        out = []
        for d in range(self.D):
            if (self.start_dt + timedelta(days=d)).day == dom:
                out.append(d)
        return out

    # ------------------------------------------------------------------------------------- event engine
    def push(self, ts, fn, *args):
        self.seq += 1
        heapq.heappush(self.heap, (ts, self.seq, fn, args))

    def tx(self, ts, frm, to, amt, ch='mobile', reg=None, kind='transfer', memo='', xb=False, clip=False,
           label=None):
        """Plan a transfer; executed (with balance check) when its time comes."""
        if amt <= 0 or ts >= self.T1 or ts < self.T0:
            return
        self.push(ts, self.exec_tx, frm, to, amt, ch, reg, kind, memo, xb, clip, label)

    def exec_tx(self, ts, frm, to, amt, ch, reg, kind, memo, xb, clip, label):
        if frm is not None:
            if frm.status != 'active' or ts < frm.opened:
                return 0
            if frm.sup and frm.bal < amt:
                if clip and frm.bal >= 5000:
                    amt = frm.bal - frm.bal % 100
                    if kind == 'withdrawal' and ch == 'atm':
                        amt -= amt % 10000
                    if amt <= 0:
                        return 0
                else:
                    return 0
        if to is not None and (to.status != 'active' or ts < to.opened):
            return 0
        if frm is not None and frm.sup:
            frm.bal -= amt
        if to is not None and to.sup:
            to.bal += amt
        vis = ((frm is not None and frm.sup and ts >= self.ext_start[frm.bank]) or
               (to is not None and to.sup and ts >= self.ext_start[to.bank]))
        if vis:
            if reg is None:
                reg = (frm or to).region
            self.rows.append((ts, len(self.rows), frm.id if frm else '', to.id if to else '', amt, ch, reg,
                              kind, memo, xb, label))
            if frm is not None and not frm.sup:
                self.visible_ids[frm.id] = 1
            if to is not None and not to.sup:
                self.visible_ids[to.id] = 1
        if to is not None and to.mule and label != 'test':
            self.on_mule_credit(ts, to, amt, frm, label)
        return amt

    def ev_snapshot(self, ts, bank):
        for a in self.accounts:
            if a.bank == bank and a.sup:
                self.snap[a.id] = a.bal if a.opened <= ts else 0

    def run(self):
        for i, b in enumerate(self.supplying):   # snapshots run before any transfer at the same second
            heapq.heappush(self.heap, (self.ext_start[b], -1 - i, self.ev_snapshot, (b,)))
        h = self.heap
        while h:
            ts, _, fn, args = heapq.heappop(h)
            if ts >= self.T1:
                continue
            fn(ts, *args)

    # ------------------------------------------------------------------------------------- population
    def build(self):
        r = self.rng
        cfg = self.cfg
        # external infrastructure ------------------------------------------------------------
        self.platforms = [self.ext_acc('110108', 'platform_tenpay', True, bank='CMB' if 'CMB' not in self.supplying else 'CITIC')
                          for _ in range(3)] + \
                         [self.ext_acc('330106', 'platform_alipay', True, bank='BOC' if 'BOC' not in self.supplying else 'SPDB')
                          for _ in range(3)]
        self.ecom_platforms = [self.ext_acc('330106', 'ecom_settle', True) for _ in range(3)]
        self.ext_suppliers = [self.ext_acc(r.choice(NATIONAL + ['440306', '350502']), 'supplier', True) for _ in range(120)]
        self.ext_partners = [self.ext_acc(r.choice(NATIONAL), 'partner', True) for _ in range(80)]
        self.foreign = [self.ext_acc(r.choice(BORDER), 'foreign', True, bank='BOC' if 'BOC' not in self.supplying else 'PAB')
                        for _ in range(25)]
        self.otc = [self.ext_acc(r.choice(NATIONAL + ['440304', '440106']), 'otc_usdt') for _ in range(18)]
        self.paofen_platform = [self.ext_acc(r.choice(NATIONAL), 'paofen_platform') for _ in range(10)]
        # corporate accounts at supplying and other banks ------------------------------------
        self.employers, self.merchants, self.gold, self.phone, self.dealers, self.developers = {}, {}, {}, {}, {}, {}
        self.social, self.loan_acc, self.cc_acc = {}, {}, {}
        for b in BANK_CODES:
            prov = 'FJ'
            self.loan_acc[b] = self.mk_corp(b, '350102', 'loan_book', 8_000_000_00, internal=True)
            self.cc_acc[b] = self.mk_corp(b, '350102', 'cc_repay', 1_000_000_00, internal=True)
        for city in CITY_NAMES:
            prov, regs, w = CITIES[city]
            self.employers[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'employer',
                                                 r.randint(2_000_000, 60_000_000) * 100) for _ in range(max(4, w * 3))]
            self.merchants[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'merchant',
                                                 r.randint(200_000, 3_000_000) * 100) for _ in range(max(3, w * 2))]
            self.gold[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'gold_shop',
                                            r.randint(500_000, 5_000_000) * 100) for _ in range(2 if w > 3 else 1)]
            self.phone[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'phone_shop',
                                             r.randint(200_000, 2_000_000) * 100) for _ in range(2 if w > 3 else 1)]
            self.dealers[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'car_dealer',
                                               r.randint(1_000_000, 8_000_000) * 100) for _ in range(1 + w // 5)]
            self.developers[city] = [self.mk_corp(self.pick_bank(prov), r.choice(regs), 'developer',
                                                  r.randint(5_000_000, 50_000_000) * 100) for _ in range(1 + w // 6)]
        for prov, reg in (('FJ', '350102'), ('GX', '450103'), ('YN', '530102')):
            self.social[prov] = [self.mk_corp(b, reg, 'social_fund', 900_000_000_00) for b in ('ICBC', 'CCB', 'ABC')]
        # people -------------------------------------------------------------------------------
        personas = ['worker', 'migrant', 'pensioner', 'student', 'ecom', 'landlord', 'trader', 'gambler', 'multicard']
        pw = [40, 20, 14, 12, 1.6, 2.4, 1.6, 1.2, 2.5]
        n = cfg['persons']
        self.by_city = {c: [] for c in CITY_NAMES}
        for i in range(n):
            city = r.choices(CITY_NAMES, CITY_W)[0]
            persona = r.choices(personas, pw)[0]
            self.add_person(persona, city)
        for i in range(cfg['shops']):
            self.add_person('shop', r.choices(CITY_NAMES, CITY_W)[0])
        # landlords and families
        for c in CITY_NAMES:
            lls = [p for p in self.by_city[c] if p.persona == 'landlord']
            for p in self.by_city[c]:
                if p.persona in ('worker', 'migrant') and lls and r.random() < 0.45:
                    p.landlord = r.choice(lls)

    def mk_corp(self, bank, region, role, bal, internal=False):
        holder = self.uscc(region)
        opened = self.T0 - self.rng.randint(400, 6000) * DAY + self.rng.randint(8 * 60, 17 * 60) * MIN
        a = self.new_acc(bank, holder, opened, region, 'corp', bal, corp=True, role=role)
        if not a.sup:
            a.bal = 0
        if internal:
            a.sup = False      # bank's own book accounts: treated as external (no accounts row)
        return a

    def add_person(self, persona, city, home=None, age=None):
        r = self.rng
        prov, regs, _ = CITIES[city]
        region = r.choice(regs)
        if age is None:
            age = {'student': r.randint(18, 23), 'pensioner': r.randint(60, 84)}.get(persona, r.randint(23, 58))
        if home is None:
            if persona == 'migrant' or (persona == 'student' and r.random() < 0.4):
                home = r.choice(MIGRANT_HOME)
            elif r.random() < 0.12:
                home = r.choice(MIGRANT_HOME)
            else:
                home = r.choice(CITIES[r.choice([c for c in CITY_NAMES if CITIES[c][0] == prov])][1])
        p = Person(len(self.persons), self.idno(home, age), home, city, region, persona, age)
        self.persons.append(p)
        self.by_city[city].append(p)
        nacc = {'trader': r.randint(3, 5), 'ecom': r.randint(2, 3), 'landlord': r.randint(2, 3),
                'shop': r.randint(1, 3), 'student': r.choice((1, 1, 2))}.get(persona, r.choices((1, 2, 3, 4), (35, 38, 19, 8))[0])
        for k in range(nacc):
            bank = self.pick_bank(prov)
            if k == 0 and persona in ('shop', 'ecom', 'trader') and r.random() < 0.7:
                bank = self.pick_bank(prov, supplying_only=True)
            years = max(1, min(age - 16, 20))
            opened = self.T0 - r.randint(20, years * 365) * DAY - r.randrange(DAY)
            opened = opened - opened % 60
            bal = self.initial_balance(persona, k)
            cls = 'I' if k == 0 or r.random() < 0.6 else r.choice(('II', 'II', 'III'))
            a = self.new_acc(bank, p.idno, opened, region if r.random() < 0.8 else r.choice(regs), cls, bal, owner=p)
            p.accs.append(a)
        if persona in ('worker', 'migrant', 'multicard', 'landlord'):
            p.employer = r.choice(self.employers[city])
        return p

    def initial_balance(self, persona, k):
        r = self.rng
        med = {'worker': 9000, 'migrant': 5000, 'pensioner': 45000, 'student': 1500, 'shop': 25000, 'ecom': 40000,
               'landlord': 60000, 'trader': 120000, 'gambler': 8000, 'multicard': 8000}[persona]
        if k > 0:
            med *= 0.3
        v = int(med * math.exp(r.gauss(0, 1.0)) * 100)
        if r.random() < 0.08:
            v = r.randint(0, 5000)
        return max(0, v)

    # ------------------------------------------------------------------------------------- ordinary life
    def sup_accs(self, p):
        return [a for a in p.accs if a.sup and a.mule not in ('fresh', 'farmer_card')]

    def main_acc(self, p):
        s = self.sup_accs(p)
        return s[0] if s else p.accs[0]

    def spend_target(self, p):
        r = self.rng
        x = r.random()
        if x < 0.45:
            return r.choice(self.platforms), 'online', r.choice(('财付通-消费', '支付宝-消费', '快捷支付', ''))
        if x < 0.7:
            shops = self.shops_by_city.get(p.city) or self.all_shops
            return self.main_acc(r.choice(shops)), 'mobile', r.choice(('', '扫码付款', '转账'))
        return r.choice(self.merchants[p.city]), 'pos', r.choice(('消费', 'POS消费', ''))

    def life(self, p):
        r = self.rng
        D = self.D
        accs = self.sup_accs(p)
        if not accs:
            return
        main = accs[0]
        per = p.persona
        reg = p.region
        home_ext = self.ext_acc(p.home, 'family')
        # income -----------------------------------------------------------------------------
        if p.employer is not None:
            pay_dom = r.choice((5, 8, 10, 15, 15, 20, 25))
            base = {'worker': r.randint(4200, 14000), 'migrant': r.randint(4000, 8500),
                    'multicard': r.randint(5000, 15000), 'landlord': r.randint(5000, 12000)}[per]
            for d in self.days_of_month(pay_dom):
                amt = (base + r.randint(-300, 600)) * 100 + r.randrange(100)
                t = self.T0 + d * DAY + r.choice((9, 10, 14)) * HOUR + r.randrange(1800)
                self.tx(t, p.employer, main, amt, 'online', p.employer.region, 'transfer', r.choice(('工资', '代发工资', '工资')))
                if per == 'migrant':          # money sent home within hours/days (fast out of salary)
                    self.tx(t + r.randint(20 * MIN, 2 * DAY), main, home_ext, r.randint(15, 50) * 10000,
                            r.choice(('mobile', 'counter', 'mobile')), reg, 'transfer', r.choice(('生活费', '家用', '')), clip=True)
        if per == 'pensioner':
            dom = {'FJ': 10, 'GX': 15, 'YN': 20}[CITIES[p.city][0]]
            src = r.choice(self.social[CITIES[p.city][0]])
            for d in self.days_of_month(dom):
                self.tx(self.T0 + d * DAY + 7 * HOUR + r.randrange(3 * HOUR), src, main, r.randint(2300, 6500) * 100,
                        'other', src.region, 'transfer', '养老金')
        if per == 'student':
            for d in self.days_of_month(r.choice((1, 2, 3, 28))):
                self.tx(self.at(d, 'evening'), home_ext, main, r.randint(12, 35) * 10000, 'mobile', p.home, 'transfer',
                        r.choice(('生活费', '', '')))
            if r.random() < 0.2:   # part-time job paid by a shop owner
                shop = r.choice(self.shops_by_city.get(p.city) or self.all_shops)
                for d in range(r.randrange(7), D, 7):
                    self.tx(self.at(d, 'evening'), self.main_acc(shop), main, r.randint(300, 900) * 100, 'mobile', reg,
                            'transfer', r.choice(('兼职工资', '', '工资')), clip=True)
        # spending ------------------------------------------------------------------------------
        rate = {'worker': 0.32, 'migrant': 0.2, 'pensioner': 0.15, 'student': 0.45, 'shop': 0.2, 'ecom': 0.25,
                'landlord': 0.25, 'trader': 0.25, 'gambler': 0.35, 'multicard': 0.3}[per]
        med = {'student': 3500, 'pensioner': 9000, 'trader': 30000, 'landlord': 15000}.get(per, 8000)
        prof = 'evening' if per in ('student', 'gambler') else 'day'
        for d in range(D):
            for _ in range(self.poisson(rate)):
                to, ch, memo = self.spend_target(p)
                amt = max(100, int(med * math.exp(r.gauss(0, 0.9))))
                self.tx(self.at(d, prof), r.choice(accs), to, amt, ch, reg, 'transfer', memo, clip=False)
        # wallet top-ups and withdrawals ---------------------------------------------------------
        for d in range(r.randrange(6), D, r.randint(4, 10)):
            plat = r.choice(self.platforms)
            if r.random() < 0.75:
                self.tx(self.at(d, prof), r.choice(accs), plat, r.randint(2, 40) * 5000, 'online', reg, 'transfer',
                        r.choice(('财付通-微信零钱充值', '支付宝-余额充值')), clip=True)
            else:
                self.tx(self.at(d, prof), plat, r.choice(accs), r.randint(1, 60) * 5000 + r.randrange(100), 'online', reg,
                        'transfer', r.choice(('微信零钱提现', '支付宝提现')))
        # rent -------------------------------------------------------------------------------------
        if p.landlord is not None:
            ll = self.main_acc(p.landlord)
            rent = r.randint(8, 35) * 10000
            for d in self.days_of_month(r.choice((1, 2, 3, 5))):
                self.tx(self.at(d, 'evening'), main, ll, rent, 'mobile', reg, 'transfer', r.choice(('房租', '房租水电', '')), clip=False)
        # cash -----------------------------------------------------------------------------------
        ncash = {'pensioner': 3, 'migrant': 3, 'shop': 1, 'trader': 2}.get(per, 1)
        for _ in range(self.poisson(ncash * D / 30.0)):
            d = r.randrange(D)
            if per == 'pensioner':
                self.tx(self.at(d, 'office'), main, None, r.randint(5, 30) * 10000, 'counter', reg, 'withdrawal', '取现', clip=True)
            else:
                self.tx(self.at(d, prof), r.choice(accs), None, r.randint(1, 25) * 10000, 'atm', reg, 'withdrawal', '', clip=True)
        # family and friends ---------------------------------------------------------------------
        for _ in range(self.poisson(1.5 * D / 30.0)):
            d = r.randrange(D)
            q = r.choice(self.by_city[p.city] if r.random() < 0.7 else self.persons)
            if q is p:
                continue
            amt = int(20000 * math.exp(r.gauss(0, 1.2)))
            if r.random() < 0.5:
                self.tx(self.at(d, 'evening'), main, self.main_acc(q), amt, 'mobile', reg, 'transfer', r.choice(('', '还你', '红包', 'AA')))
            else:
                self.tx(self.at(d, 'evening'), self.main_acc(q), main, amt, 'mobile', q.region, 'transfer', r.choice(('', '借款', '')))
        if per == 'pensioner' and r.random() < 0.5:
            kid = self.ext_acc(r.choice(NATIONAL + [p.region]), 'family')
            self.tx(self.at(r.randrange(D), 'office'), main, kid, r.randint(10, 200) * 10000, 'counter', reg, 'transfer', '', clip=True)
        # own accounts moves ----------------------------------------------------------------------
        if len(p.accs) > 1:
            for _ in range(self.poisson(1.2 * D / 30.0)):
                a, b = r.sample(p.accs, 2)
                self.tx(self.at(r.randrange(D), prof), a, b, r.randint(5, 300) * 10000, 'mobile', reg, 'transfer',
                        r.choice(('', '本人转账', '')), clip=True)
        # credit-card repayment
        if r.random() < 0.3:
            d = r.choice(self.days_of_month(r.choice((5, 12, 20, 26))) or [r.randrange(D)])
            self.tx(self.at(d, 'evening'), main, self.cc_acc[main.bank], int(150000 * math.exp(r.gauss(0, 0.8))),
                    'mobile', reg, 'transfer', '信用卡还款', clip=True)
        # persona specifics -------------------------------------------------------------------------
        getattr(self, 'life_' + per, lambda p, accs: None)(p, accs)

    def poisson(self, lam):
        r = self.rng
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(r.gauss(lam, math.sqrt(lam)) + 0.5))
        L, k, pr = math.exp(-lam), 0, 1.0
        while True:
            pr *= r.random()
            if pr <= L:
                return k
            k += 1

    def life_shop(self, p, accs):
        r = self.rng
        main = accs[0]
        night = r.random() < 0.35
        lam = r.uniform(5, 20)
        local = [q for q in self.by_city[p.city] if q.persona not in ('shop',)]
        ext_customers = [self.ext_acc(r.choice(CITIES[p.city][1]), 'customer') for _ in range(r.randint(10, 40))]
        for d in range(self.D):
            if r.random() < 0.08:
                continue   # closed
            for _ in range(self.poisson(lam)):
                t = self.at(d, 'evening' if night else 'day')
                amt = max(300, int(3500 * math.exp(r.gauss(0, 0.8))))
                if r.random() < 0.55 and local:
                    q = r.choice(local)
                    self.tx(t, self.main_acc(q), main, amt, 'mobile', p.region, 'transfer', r.choice(('', '扫码付款', '')))
                else:
                    self.tx(t, r.choice(ext_customers), main, amt, 'mobile', p.region, 'transfer', '')
            # platform settlement of QR takings (T+1)
            self.tx(self.T0 + d * DAY + 6 * HOUR + r.randrange(3 * HOUR), r.choice(self.platforms), main,
                    int(lam * 2500 * r.uniform(0.4, 1.6)), 'online', p.region, 'transfer', r.choice(('财付通-经营收款', '支付宝-收款结算')))
        sup = r.sample(self.ext_suppliers, 3) + r.sample(self.merchants[p.city], 1)
        for d in range(r.randrange(7), self.D, r.randint(4, 8)):
            self.tx(self.at(d, 'office'), main, r.choice(sup), r.randint(30, 300) * 10000 + r.randrange(10000), 'online',
                    p.region, 'transfer', r.choice(('货款', '进货', '')), clip=True)
        for d in range(r.randrange(7), self.D, 7):
            self.tx(self.at(d, 'office'), None, main, r.randint(20, 150) * 10000, 'counter', p.region, 'deposit', '存现')

    def life_ecom(self, p, accs):
        r = self.rng
        main = accs[0]
        plat = r.choice(self.ecom_platforms)
        for d in range(self.D):
            if r.random() < 0.45:
                self.tx(self.at(d, 'office'), plat, main, int(1200000 * math.exp(r.gauss(0, 0.7))), 'online', '330106',
                        'transfer', '结算款')
            for _ in range(self.poisson(1.2)):
                buyer = self.ext_acc(r.choice(NATIONAL), 'buyer')
                self.tx(self.at(d, 'day'), main, buyer, r.randint(20, 400) * 100, 'online', p.region, 'transfer', '退款', clip=False)
        for d in range(r.randrange(5), self.D, r.randint(3, 6)):
            self.tx(self.at(d, 'office'), main, r.choice(self.ext_suppliers), r.randint(50, 500) * 10000, 'online', p.region,
                    'transfer', '货款', clip=True)

    def life_landlord(self, p, accs):
        r = self.rng
        for d in self.days_of_month(r.choice((6, 8, 10))):
            if len(p.accs) > 1:
                self.tx(self.at(d, 'evening'), accs[0], r.choice(p.accs[1:]), r.randint(100, 600) * 10000, 'mobile', p.region,
                        'transfer', '', clip=True)
            self.tx(self.at(d, 'day'), accs[0], self.loan_acc[accs[0].bank], r.randint(20, 90) * 10000, 'other', p.region,
                    'transfer', '房贷还款', clip=True)

    def life_trader(self, p, accs):
        """Moves money quickly among own accounts at several banks; border traders go cross-border."""
        r = self.rng
        border = p.region in BORDER or r.random() < 0.3
        for _ in range(self.poisson(2.0 * self.D / 7.0)):
            d = r.randrange(self.D)
            t = self.at(d, 'any')
            src = r.choice(self.ext_partners)
            amt = int(r.uniform(3, 60) * 1000000) // 100 * 100
            a = r.choice(accs)
            self.tx(t, src, a, amt, 'online', src.region, 'transfer', r.choice(('货款', '往来款', '')))
            others = [x for x in p.accs if x is not a]
            t2 = t + r.randint(3 * MIN, 90 * MIN)
            if others and r.random() < 0.7:
                b = r.choice(others)
                self.tx(t2, a, b, amt - r.randint(0, 50) * 10000, 'mobile', p.region, 'transfer', '', clip=True)
                a = b if b.sup else a
            t3 = t2 + r.randint(10 * MIN, 30 * HOUR)
            if border and r.random() < 0.6:
                self.tx(t3, a, r.choice(self.foreign), amt // 2, 'online', p.region, 'transfer', '边贸货款', xb=True, clip=True)
                if r.random() < 0.5:
                    breg = r.choice(BORDER)
                    for k in range(r.randint(1, 4)):
                        self.tx(t3 + k * r.randint(2, 6) * MIN, a, None, r.randint(10, 50) * 10000, 'atm', breg, 'withdrawal', '', clip=True)
                    if r.random() < 0.4:
                        self.tx(t3 + 3 * HOUR, a, None, r.randint(50, 200) * 100000, 'counter', breg, 'withdrawal', '现金备付', clip=True)
            else:
                self.tx(t3, a, r.choice(self.ext_suppliers), amt * r.randint(6, 10) // 10, 'online', p.region, 'transfer', '货款', clip=True)
        if r.random() < 0.15:   # lawful crypto buyer
            self.tx(self.at(r.randrange(self.D), 'night'), accs[0], r.choice(self.otc), r.randint(5, 80) * 100000, 'mobile',
                    p.region, 'transfer', '', clip=True)

    def life_gambler(self, p, accs):
        r = self.rng
        friends = r.sample(self.by_city[p.city], min(len(self.by_city[p.city]), r.randint(4, 12)))
        for _ in range(r.randint(2, 5)):
            d = r.randrange(self.D)
            t = self.T0 + d * DAY + r.randint(20, 26) * HOUR
            for k in range(r.randint(8, 35)):
                q = r.choice(friends)
                if q is p:
                    continue
                amt = r.choice((100, 200, 500, 1000, 2000, 5000)) * 100 * r.randint(1, 3)
                t += r.randint(1, 12) * MIN
                if r.random() < 0.5:
                    self.tx(t, accs[0], self.main_acc(q), amt, 'mobile', p.region, 'transfer', '', clip=True)
                else:
                    self.tx(t, self.main_acc(q), accs[0], amt, 'mobile', q.region, 'transfer', '', clip=True)

    def life_multicard(self, p, accs):
        """Lawful person opening several cards within days (new job, relocation, mortgage, social-security card)."""
        r = self.rng
        d0 = r.randrange(max(1, self.D - 10))
        city2 = r.choice(CITY_NAMES) if r.random() < 0.4 else p.city
        new = []
        for k in range(r.randint(2, 4)):
            c = city2 if k % 2 else p.city
            prov = CITIES[c][0]
            bank = self.pick_bank(prov, supplying_only=r.random() < 0.7)
            t = self.at(d0 + r.randint(0, 6), 'office')
            t -= t % 60
            a = self.new_acc(bank, p.idno, t, r.choice(CITIES[c][1]), r.choice(('I', 'I', 'II')), 0, owner=p)
            p.accs.append(a)
            new.append(a)
        for a in new:
            if not a.sup:
                continue
            tt = a.opened + r.randint(10 * MIN, 3 * DAY)
            self.tx(tt, accs[0], a, r.randint(5, 80) * 10000, 'mobile', a.region, 'transfer', '本人转账', clip=True)
            if r.random() < 0.5:
                emp = r.choice(self.employers[p.city])
                for d in range((a.opened - self.T0) // DAY + 5, self.D, 30):
                    self.tx(self.at(d, 'office'), emp, a, r.randint(5000, 16000) * 100, 'online', emp.region, 'transfer', '工资')

    # ------------------------------------------------------------------------------------- life events
    def life_events(self):
        r = self.rng
        D = self.D
        people = [p for p in self.persons if p.persona in ('worker', 'migrant', 'landlord', 'multicard') and self.sup_accs(p)]
        # family pooling for a flat deposit / car
        for p in r.sample(people, min(len(people), 70)):
            main = self.main_acc(p)
            d = r.randrange(D - 3)
            t = self.at(d, 'evening')
            total = 0
            for k in range(r.randint(3, 7)):
                rel = self.ext_acc(r.choice([p.home] + NATIONAL), 'family') if r.random() < 0.6 else self.main_acc(r.choice(self.persons))
                amt = r.randint(10, 80) * 100000
                total += amt
                self.tx(t + r.randint(0, 3 * DAY), rel, main, amt, 'mobile', rel.region, 'transfer', r.choice(('', '借款', '买房', '')), clip=True)
            tgt = r.choice(self.developers[p.city] + self.dealers[p.city])
            self.tx(t + 3 * DAY + r.randint(1, 20) * HOUR, main, tgt, total + r.randint(0, 50) * 10000, 'counter', p.region,
                    'transfer', '购房定金' if tgt.role == 'developer' else '购车款', clip=True)
        # loans: disbursement then entrusted payment within minutes, monthly repayment
        for p in r.sample(people, min(len(people), 90)):
            main = self.main_acc(p)
            d = r.randrange(D)
            t = self.at(d, 'office')
            amt = r.randint(3, 30) * 1000000
            self.tx(t, self.loan_acc[main.bank], main, amt, 'other', main.region, 'transfer', '贷款发放')
            tgt = r.choice(self.dealers[p.city] + self.merchants[p.city] + self.ext_suppliers[:10])
            self.tx(t + r.randint(2, 60) * MIN, main, tgt, amt, 'online', main.region, 'transfer', '受托支付', clip=False)
            for d2 in range(d + 30, D, 30):
                self.tx(self.at(d2, 'office'), main, self.loan_acc[main.bank], amt // 36, 'other', main.region, 'transfer', '贷款还款', clip=True)
        # a new account opened in the window with a large first payment (second bank for a purchase)
        for p in r.sample(people, min(len(people), 60)):
            prov = CITIES[p.city][0]
            bank = self.pick_bank(prov, supplying_only=True)
            t = self.at(r.randrange(D - 2), 'office')
            t -= t % 60
            a = self.new_acc(bank, p.idno, t, p.region, 'I', 0, owner=p)
            p.accs.append(a)
            src = self.ext_acc(r.choice([p.home] + NATIONAL), 'family')
            amt = r.randint(8, 60) * 1000000
            self.tx(t + r.randint(5, 90) * MIN, src, a, amt, 'counter', p.region, 'transfer', r.choice(('', '购车款', '')))
            tgt = r.choice(self.dealers[p.city] + self.developers[p.city])
            self.tx(t + r.randint(2, 30) * HOUR, a, tgt, amt, 'counter', p.region, 'transfer', '购车款' if tgt.role == 'car_dealer' else '首付款', clip=True)
        # dormant elderly account suddenly receiving compensation then fanning out to children
        pens = [p for p in self.persons if p.persona == 'pensioner' and self.sup_accs(p)]
        for p in r.sample(pens, min(len(pens), 30)):
            a = self.sup_accs(p)[-1]
            t = self.at(r.randrange(D - 3), 'office')
            amt = r.randint(20, 90) * 1000000
            gov = r.choice(self.social[CITIES[p.city][0]])
            self.tx(t, gov, a, amt, 'other', gov.region, 'transfer', r.choice(('拆迁补偿款', '征地补偿', '理赔款')))
            for k in range(r.randint(2, 5)):
                kid = self.ext_acc(r.choice(NATIONAL + [p.region]), 'family') if r.random() < 0.6 else self.main_acc(r.choice(self.by_city[p.city]))
                self.tx(t + r.randint(1, 48) * HOUR, a, kid, amt // 6, 'counter', p.region, 'transfer', '', clip=True)
        # students opening a class II card at term start
        for d in range(D):
            dt = self.start_dt + timedelta(days=d)
            if (dt.month, dt.day) in ((9, 1), (3, 1), (2, 26)):
                studs = [p for p in self.persons if p.persona == 'student']
                for p in r.sample(studs, len(studs) // 4):
                    bank = self.pick_bank(CITIES[p.city][0], supplying_only=True)
                    t = self.at(d + r.randint(0, 5), 'office')
                    t -= t % 60
                    a = self.new_acc(bank, p.idno, t, p.region, 'II', 0, owner=p)
                    p.accs.append(a)
                    self.tx(t + r.randint(1, 30) * HOUR, self.ext_acc(p.home, 'family'), a, r.randint(30, 80) * 10000 + 500000,
                            'mobile', p.home, 'transfer', '学费')
                    self.tx(t + r.randint(31, 60) * HOUR, a, self.merchants[p.city][0], r.randint(45, 60) * 10000, 'online',
                            p.region, 'transfer', '学费', clip=True)
        # judicial freezes of ordinary accounts (debt disputes, enforcement): frozen is not only for mules
        ordinary = [a for a in self.accounts if a.sup and not a.mule and not a.corp and a.owner is not None]
        for a in r.sample(ordinary, min(len(ordinary), len(ordinary) // 120)):
            self.push(self.at(r.randrange(D), 'office'), self.ev_judicial, a)
        # merchants and employers: big inflows/outflows of their own
        for c in CITY_NAMES:
            for m in self.merchants[c] + self.gold[c] + self.phone[c] + self.dealers[c] + self.developers[c]:
                for d in range(r.randrange(5), D, r.randint(3, 7)):
                    self.tx(self.at(d, 'office'), m, r.choice(self.ext_suppliers), r.randint(20, 500) * 100000, 'online',
                            m.region, 'transfer', '货款', clip=True)
            for e in self.employers[c]:
                for d in range(r.randrange(4), D, r.randint(2, 5)):
                    self.tx(self.at(d, 'office'), r.choice(self.ext_partners), e, r.randint(20, 800) * 100000, 'online',
                            e.region, 'transfer', '货款')

    # ------------------------------------------------------------------------------------- fraud economy
    def build_fraud(self):
        r = self.rng
        cfg = self.cfg
        D = self.D
        self.groups = []
        self.cases = []
        self.case_accounts = {}
        pool_cfg = cfg['pool']
        # card farmers: open many cards in several cities within ~two weeks, then the cards go quiet
        farmer_cards = []
        for f in range(cfg['farmers']):
            home = r.choice(FARMER_HOME)
            age = r.randint(19, 45)
            fp = Person(len(self.persons), self.idno(home, age), home, None, home, 'card_farmer', age)
            self.persons.append(fp)
            start = self.T0 + r.randint(-35, max(1, D // 3)) * DAY
            cities = r.sample(CITY_NAMES[:3] + ['Nanning', 'Kunming', 'Liuzhou', 'Quanzhou', 'Guilin'], r.randint(2, 3))
            n = r.randint(*cfg['farmer_cards'])
            cards = []
            for k in range(n):
                c = cities[min(len(cities) - 1, k * len(cities) // n)]
                prov = CITIES[c][0]
                bank = self.pick_bank(prov, supplying_only=r.random() < 0.7)
                t = start + (k * r.randint(8, 16) * DAY) // n + r.randint(9, 16) * HOUR
                t -= t % 60
                a = self.new_acc(bank, fp.idno, t, r.choice(CITIES[c][1]), r.choice(('I', 'I', 'II')), 0, owner=fp)
                fp.accs.append(a)
                a.mule = 'farmer_card'
                a.rent = (t + r.randint(3, 15) * DAY, self.T1 + DAY)   # the cards go quiet before use
                cards.append(a)
            farmer_cards.extend(cards)
            if any(a.sup for a in cards):
                self.truth.append(('holder', fp.idno, 'card_farmer', 'farmer', '', 'cards=%d' % n))
            self.farmer_holders = getattr(self, 'farmer_holders', []) + [fp]
        r.shuffle(farmer_cards)
        typ_w = cfg['typ_w'] or [12, 14, 9, 12, 16, 8, 8, 6, 5]
        ops_all = BORDER + COAST + ['440304', '440106', '530102', '450103']
        for g in range(cfg['groups']):
            G = {'id': 'G%d' % (g + 1), 'speed': r.choice(cfg['speeds']),
                 'typ': r.choices(TYPOLOGIES, typ_w, k=2),
                 'cash': r.choices(['atm_border', 'atm_coast', 'counter', 'gold', 'phone', 'otc', 'paofen', 'xborder'],
                                   [14, 7, 8, 5, 4, 10, 7, 4], k=3),
                 'ops': r.sample(ops_all, 3), 'night': r.random() < 0.5,
                 'layers': r.randint(*cfg['layers']), 'pool': [], 'receivers': []}
            self.groups.append(G)

            def add(a, kind, recv=False):
                a.mule, a.group = kind, G['id']
                G['pool'].append(a)
                if recv:
                    G['receivers'].append(a)

            def cnt(x):
                return int(x) + (1 if r.random() < x - int(x) else 0)
            for _ in range(cnt(pool_cfg['fresh'] * r.uniform(0.6, 1.4))):
                # recruited person (student, unemployed, migrant) opens a card and sells/lends it
                city = r.choices(CITY_NAMES, CITY_W)[0]
                rp = self.add_person(r.choice(('student', 'migrant', 'worker')), city, age=r.randint(18, 30))
                rp.accs = [a for a in rp.accs]  # keep their own old accounts (ordinary life)
                bank = self.pick_bank(CITIES[city][0], supplying_only=r.random() < 0.85)
                t = self.T0 + r.randint(-20 * DAY, (D - 5) * DAY)
                t = t - t % DAY + r.randint(9, 16) * HOUR + r.randrange(3600)
                t -= t % 60
                a = self.new_acc(bank, rp.idno, t, r.choice(CITIES[city][1]), r.choice(('I', 'I', 'II')), 0, owner=rp)
                rp.accs.append(a)
                add(a, 'fresh', recv=True)
                if r.random() < 0.3:   # a second fresh card at another bank the same week
                    b2 = self.pick_bank(CITIES[city][0], supplying_only=True)
                    a2 = self.new_acc(b2, rp.idno, t + r.randint(1, 5) * DAY, a.region, 'I', 0, owner=rp)
                    rp.accs.append(a2)
                    add(a2, 'fresh')
            for _ in range(cnt(pool_cfg['oneshot'] * r.uniform(0.5, 1.5))):
                city = r.choices(CITY_NAMES, CITY_W)[0]
                rp = self.add_person('worker', city, age=r.randint(20, 50))
                a = rp.accs[0] if rp.accs[0].sup else self.new_acc(self.pick_bank(CITIES[city][0], True), rp.idno,
                                                                   self.T0 - r.randint(100, 2000) * DAY, rp.region, 'I', r.randint(0, 3000) * 100, owner=rp)
                if a not in rp.accs:
                    rp.accs.append(a)
                add(a, 'oneshot')
            for _ in range(cnt(pool_cfg['rented'] * r.uniform(0.6, 1.4))):
                cand = r.choice([p for p in self.persons if p.persona in ('worker', 'migrant', 'student') and self.sup_accs(p)
                                 and not any(a.mule for a in p.accs)])
                a = self.sup_accs(cand)[0] if r.random() < 0.6 else r.choice(self.sup_accs(cand))
                s = self.T0 + r.randint(0, max(1, D - 12)) * DAY
                a.rent = (s, s + r.randint(7, 25) * DAY)
                add(a, 'rented', recv=r.random() < 0.6)
            for _ in range(cnt(pool_cfg['paofen'] * r.uniform(0.5, 1.5))):
                cand = r.choice([p for p in self.persons if p.persona in ('worker', 'student') and self.sup_accs(p)
                                 and not any(a.mule for a in p.accs)])
                a = self.sup_accs(cand)[0]
                a.rent = (self.T0, self.T1)
                add(a, 'paofen', recv=True)
            for _ in range(cnt(pool_cfg['corp'] * r.uniform(0.5, 1.5))):
                city = r.choices(CITY_NAMES, CITY_W)[0]
                reg = r.choice(CITIES[city][1])
                bank = self.pick_bank(CITIES[city][0], supplying_only=True)
                t = self.T0 + r.randint(-90, D // 2) * DAY + 10 * HOUR
                a = self.new_acc(bank, self.uscc(reg), t, reg, 'corp', 0, corp=True, role='shell')
                add(a, 'corp_shell', recv=True)
            for _ in range(cnt(pool_cfg['external'] * r.uniform(0.6, 1.4))):
                a = self.ext_acc(r.choice(NATIONAL + BORDER), 'mule')
                add(a, 'external', recv=r.random() < 0.5)
            take = min(len(farmer_cards), r.randint(2, 6) if cfg['farmers'] else 0)
            for _ in range(take):
                a = farmer_cards.pop()
                add(a, 'farmer_card', recv=r.random() < 0.5)
            # slow mules: some pool accounts hold money for days
            for a in G['pool']:
                a.depth = 0
            G['slowset'] = [a.id for a in G['pool'] if r.random() < (0.5 if G['speed'] == 'slow' else 0.15)]
            if not G['receivers']:
                G['receivers'] = G['pool'][:1]
        self.slow_ids = {}
        for G in self.groups:
            for i in G['slowset']:
                self.slow_ids[i] = 1
        # test transfers into new cards (buyers checking the card works)
        for G in self.groups:
            ctrl = self.ext_acc(r.choice(G['ops'] + NATIONAL), 'controller')
            for a in G['pool']:
                if a.mule in ('fresh', 'farmer_card') and a.sup and r.random() < 0.5:
                    t = max(a.opened, self.T0) + r.randint(1, 72) * HOUR
                    self.tx(t, ctrl, a, r.choice((1, 10, 100, 1000, 1)), 'mobile', r.choice(G['ops']), 'transfer', '', label='test')
        # victims ---------------------------------------------------------------------------------
        nv = cfg['victims']
        local_people = [p for p in self.persons if p.persona in ('worker', 'pensioner', 'student', 'migrant') and self.sup_accs(p)
                        and not any(a.mule for a in p.accs)]
        for v in range(nv):
            G = r.choice(self.groups)
            typ = r.choice(G['typ']) if r.random() < 0.85 else r.choice(TYPOLOGIES)
            self.make_victim(G, typ, local_people)

    def make_victim(self, G, typ, local_people):
        r = self.rng
        D = self.D
        local = r.random() < 0.3
        if local:
            pref = {'police_gov': 'pensioner', 'brushing': 'student', 'game_trade': 'student', 'credit_record': 'student'}.get(typ)
            cands = [p for p in local_people if p.persona == pref] if pref and r.random() < 0.6 else local_people
            vp = r.choice(cands or local_people)
            vacc = self.sup_accs(vp)[0]
            vreg = vp.region
        else:
            vreg = r.choice(NATIONAL + [r.choice(CITIES[c][1]) for c in CITY_NAMES])
            vacc = self.ext_acc(vreg, 'victim')
            vp = None
        # installment plan (yuan)
        plans = {
            'police_gov': lambda: [r.randint(30, 400) * 1000] + ([r.randint(20, 200) * 1000] if r.random() < 0.4 else []),
            'ecommerce_cs': lambda: [r.randint(500, 9000) + r.randint(0, 99) / 100 for _ in range(r.randint(1, 4))],
            'loan_card': lambda: [r.choice((800, 1500, 2000, 3000, 5000, 8000)) * r.randint(1, 2) for _ in range(r.randint(1, 4))],
            'investment': lambda: sorted(r.randint(5, 200) * 1000 for _ in range(r.randint(2, 6))),
            'brushing': lambda: [int(200 * (2.6 ** k) * r.uniform(0.8, 1.2)) for k in range(r.randint(1, 6))],
            'leader_acquaintance': lambda: [r.randint(5, 100) * 1000 for _ in range(r.randint(1, 2))],
            'romance': lambda: sorted(r.randint(5, 150) * 1000 for _ in range(r.randint(2, 6))),
            'credit_record': lambda: [r.randint(2, 50) * 1000 for _ in range(r.randint(1, 3))],
            'game_trade': lambda: [r.randint(200, 5000) for _ in range(r.randint(1, 3))],
        }
        amounts = plans[typ]()
        spread = {'police_gov': 6 * HOUR, 'ecommerce_cs': 3 * HOUR, 'loan_card': 2 * DAY, 'investment': 20 * DAY,
                  'brushing': 4 * HOUR, 'leader_acquaintance': 2 * HOUR, 'romance': 25 * DAY, 'credit_record': 5 * HOUR,
                  'game_trade': 1 * DAY}[typ]
        start = self.at(r.randrange(max(1, D - 3)), 'day')
        case = len(self.cases)
        self.cases.append(dict(typ=typ, group=G['id'], victim=vacc.id))
        self.case_accounts[case] = []
        t = start
        recv = r.choice(G['receivers'])
        ch = 'counter' if typ == 'police_gov' and r.random() < 0.3 else r.choice(('mobile', 'mobile', 'online'))
        last = start
        for k, y in enumerate(amounts):
            fen = int(round(y * 100))
            if fen < 100:
                fen = 100
            if k:
                t += r.randint(spread // (len(amounts) * 2) + 60, spread // len(amounts) + 120)
            if r.random() < 0.4:
                recv = r.choice(G['receivers'])
            if vp is not None:
                # a local victim gathers money first: own other accounts, relatives or a loan
                others = [a for a in vp.accs if a is not vacc and a.sup]
                for o in others:
                    self.tx(t - r.randint(10, 60) * MIN, o, vacc, max(100, o.bal0 // 2), 'mobile', vreg, 'transfer', '', clip=True)
                if typ in ('investment', 'romance', 'police_gov') and r.random() < 0.5:
                    src = self.ext_acc(r.choice([vp.home] + NATIONAL), 'family') if r.random() < 0.6 else self.loan_acc[vacc.bank]
                    self.tx(t - r.randint(1, 20) * HOUR, src, vacc, fen, 'mobile', src.region, 'transfer',
                            '贷款发放' if src.role == 'loan_book' else '借款')
            memo = r.choice(('', '', '', '转账', {'investment': '投资款', 'loan_card': '保证金', 'brushing': '', 'romance': '',
                                                 'police_gov': '', 'credit_record': '还款'}.get(typ, '')))
            self.push(t, self.ev_victim_pay, vacc, recv, fen, ch, vreg, memo, case, G, vp is not None)
            last = t
        # reporting and freezing
        if r.random() < self.cfg['report']:
            delay = r.choice((r.randint(1, 6) * HOUR, r.randint(6, 48) * HOUR, r.randint(2, 10) * DAY))
            self.push(last + delay, self.ev_report, case)

    def ev_victim_pay(self, ts, vacc, recv, fen, ch, vreg, memo, case, G, local):
        if not self.usable(recv, ts):
            alive = [a for a in G['receivers'] + G['pool'] if self.usable(a, ts)]
            if not alive:
                return
            recv = self.rng.choice(alive)
        clip = local
        lab = 'fraud:%d' % case
        self.exec_tx(ts, vacc, recv, fen, ch, vreg, 'transfer', memo, False, clip, lab)

    def on_mule_credit(self, ts, a, amt, frm, label):
        r = self.rng
        if label is None or not label.startswith(('fraud:', 'hop:')):
            return
        case = int(label.split(':')[1])
        if a.cases is None:
            a.cases = []
        if case not in a.cases:
            a.cases.append(case)
            self.case_accounts[case].append(a)
        G = self.group_by_id[a.group] if a.group else None
        if G is None:
            return
        a.pending += amt
        d = int(label.split(':')[2]) if label.startswith('hop:') else 0
        a.depth = max(a.depth, G['layers'] - d)
        if not a.sched:
            a.sched = True
            sp = G['speed']
            if a.id in self.slow_ids:
                delay = r.randint(12 * HOUR, 5 * DAY)
            elif sp == 'fast':
                delay = r.randint(2 * MIN, 40 * MIN)
            elif sp == 'medium':
                delay = r.randint(20 * MIN, 8 * HOUR)
            else:
                delay = r.randint(4 * HOUR, 3 * DAY)
            if a.mule == 'paofen':
                delay = r.randint(30 * MIN, 10 * HOUR)   # batches
            self.push(ts + delay, self.ev_forward, a, case)

    def ev_forward(self, ts, a, case):
        r = self.rng
        a.sched = False
        if a.status != 'active':
            return
        G = self.group_by_id[a.group]
        amt = a.pending if not a.sup else min(a.pending, a.bal)
        if amt < 100:
            a.pending = 0
            return
        cut = amt * r.choice((0, 0, 1, 2, 3)) // 100        # renter's commission stays behind
        amt -= cut
        amt -= amt % 100 if amt > 10000 else 0
        a.pending = 0
        reg = r.choice(G['ops']) if r.random() < 0.7 else a.region
        if a.mule == 'oneshot':
            pass
        depth_left = a.depth
        a.depth = 0
        hopn = G['layers'] - depth_left + 1
        if depth_left <= 0 or a.mule == 'paofen' and r.random() < 0.5:
            self.cashout(ts, a, amt, G, case)
            return
        alive = [b for b in G['pool'] if b is not a and self.usable(b, ts)]
        if not alive:
            self.cashout(ts, a, amt, G, case)
            return
        k = 1 if amt < 500000 else r.choice((1, 2, 2, 3, 3, 4))
        parts = self.split(amt, k)
        t = ts
        memo_pool = ('', '', '货款', '往来款', '还款') if a.corp else ('', '', '', '还款', '借款')
        for p in parts:
            b = r.choice(alive)
            t += r.randint(1, 15) * MIN
            if G['night'] and r.random() < 0.5:
                pass
            ch = 'online' if a.corp else r.choice(('mobile', 'mobile', 'online'))
            self.push(t, self.exec_tx, a, b, p, ch, reg, 'transfer', r.choice(memo_pool), False, True,
                      'hop:%d:%d' % (case, hopn))
        if a.mule == 'oneshot':
            self.push(t + HOUR, self.ev_abandon, a)

    def usable(self, b, ts):
        return (b.status == 'active' and ts >= b.opened and (b.rent is None or b.rent[0] <= ts <= b.rent[1])
                and not (b.mule == 'oneshot' and b.cases))

    def ev_abandon(self, ts, a):
        a.rent = (0, 0)

    def split(self, amt, k):
        r = self.rng
        if k <= 1:
            return [amt]
        cuts = sorted(r.randint(1, amt - 1) for _ in range(k - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [amt])]
        return [p for p in parts if p >= 100] or [amt]

    def cashout(self, ts, a, amt, G, case):
        r = self.rng
        how = r.choice(G['cash'])
        if a.corp and how in ('atm_border', 'atm_coast'):
            how = 'otc'
        if not a.sup and how in ('atm_border', 'atm_coast', 'counter'):
            how = 'otc'  # cash taken out at an external bank is not visible anyway
        lab = 'cash:%d' % case
        if how in ('atm_border', 'atm_coast'):
            place = r.choice(BORDER if how == 'atm_border' else COAST)
            day_t = ts + r.randint(30 * MIN, 10 * HOUR)
            left = amt
            while left >= 10000:
                daily = min(left, 2000000)
                t = day_t
                while daily >= 10000:
                    c = min(daily, r.choice((200000, 250000, 300000, 500000)))
                    c -= c % 10000
                    if c <= 0:
                        break
                    self.push(t, self.exec_tx, a, None, c, 'atm', place, 'withdrawal', '', False, True, lab)
                    t += r.randint(1, 4) * MIN
                    daily -= c
                    left -= c
                day_t += DAY + r.randint(-2 * HOUR, 2 * HOUR)
        elif how == 'counter':
            place = r.choice(G['ops'] + [a.region])
            left = amt
            t = ts + r.randint(1, 20) * HOUR
            while left >= 10000:
                c = min(left, r.randint(300, 499) * 10000)
                self.push(t, self.exec_tx, a, None, c, 'counter', place, 'withdrawal', r.choice(('', '取现', '备用金')), False, True, lab)
                left -= c
                t += DAY
        elif how in ('gold', 'phone'):
            city = r.choice(CITY_NAMES)
            shops = (self.gold if how == 'gold' else self.phone)[city]
            left = amt
            t = ts + r.randint(30, 300) * MIN
            while left >= 10000:
                c = min(left, r.randint(50, 400) * 10000)
                s = r.choice(shops)
                self.push(t, self.exec_tx, a, s, c, 'pos', s.region, 'transfer', '黄金' if how == 'gold' else '手机', False, True, lab)
                left -= c
                t += r.randint(20, 180) * MIN
        else:
            dest = {'otc': self.otc, 'paofen': self.paofen_platform, 'xborder': self.foreign}[how]
            parts = self.split(amt, 1 if amt < 300000 else r.randint(1, 3))
            t = ts
            for p in parts:
                t += r.randint(1, 30) * MIN
                self.push(t, self.exec_tx, a, r.choice(dest), p, 'mobile' if not a.corp else 'online', r.choice(G['ops']),
                          'transfer', '', how == 'xborder', True, lab)

    def ev_judicial(self, ts, a):
        if a.status == 'active':
            a.status = 'frozen'

    def ev_report(self, ts, case):
        r = self.rng
        for i, a in enumerate(self.case_accounts[case]):
            # police freeze the first receiving account and any downstream account still holding money
            if a.status == 'active' and (i == 0 or not a.sup or a.bal > 0) and r.random() < self.cfg['freeze']:
                a.status = 'frozen'

    # ------------------------------------------------------------------------------------- output
    def generate(self):
        r = self.rng
        self.build()
        self.all_shops = [p for p in self.persons if p.persona == 'shop' and self.sup_accs(p)]
        self.shops_by_city = {}
        for p in self.all_shops:
            self.shops_by_city.setdefault(p.city, []).append(p)
        self.build_fraud()
        self.group_by_id = {G['id']: G for G in self.groups}
        for p in list(self.persons):
            if p.persona != 'card_farmer':
                self.life(p)
        self.life_events()
        self.run()

    def write(self, out, want_truth):
        os.makedirs(out, exist_ok=True)
        T0 = self.T0
        # reported opening balance (see README: censored extracts)
        rows = self.rows
        rows.sort(key=lambda x: (x[0], x[1]))
        before = {}
        run = {}
        low = {}
        for ts, _, f, t, amt, *_ in rows:
            for aid, sgn in ((f, -amt), (t, amt)):
                if not aid:
                    continue
                v = run.get(aid, 0) + sgn
                run[aid] = v
                if v < low.get(aid, 0):
                    low[aid] = v
        acc_by_id = {}
        for a in self.accounts:
            acc_by_id[a.id] = a
        # visible net before extract start
        for ts, _, f, t, amt, *_ in rows:
            for aid, sgn in ((f, -amt), (t, amt)):
                if not aid:
                    continue
                a = acc_by_id[aid]
                if a.sup and ts < self.ext_start[a.bank]:
                    before[aid] = before.get(aid, 0) + sgn
        nacc = 0
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance', 'status'])
            for a in self.accounts:
                if not a.sup or a.opened >= self.T1:
                    continue
                if a.holder is None:
                    continue
                ob = self.snap.get(a.id, a.bal0 if a.opened < T0 else 0) - before.get(a.id, 0)
                ob = max(ob, -low.get(a.id, 0), 0)
                w.writerow([a.id, a.bank, a.holder, fmt_ts(a.opened), a.region, a.cls, yuan(ob), a.status])
                nacc += 1
        labels = []
        fraud_n = 0
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind', 'memo',
                        'cross_border'])
            for i, (ts, _, f, t, amt, ch, reg, kind, memo, xb, lab) in enumerate(rows):
                side = acc_by_id[f] if f and acc_by_id[f].sup else acc_by_id[t]
                tid = '%s%s%07d' % (side.bank, fmt_day(ts), i + 1)
                w.writerow([tid, fmt_ts(ts), f, t, yuan(amt), 'CNY', ch, reg, kind, memo, 'true' if xb else 'false'])
                if lab and lab.startswith('fraud:'):
                    case = self.cases[int(lab.split(':')[1])]
                    labels.append(('transfer', tid, 'fraud'))
                    self.truth.append(('transfer', tid, 'victim_payment', case['typ'], case['group'], yuan(amt)))
                    fraud_n += 1
        mules = {}
        for a in self.accounts:
            if a.mule and (a.sup and a.opened < self.T1 or a.id in self.visible_ids):
                if a.mule == 'rented' and not a.cases and self.rng.random() < 0.0:
                    continue
                labels.append(('account', a.id, 'mule'))
                key = a.mule + ('' if a.sup else '(ext)')
                mules[key] = mules.get(key, 0) + 1
                self.truth.append(('account', a.id, 'mule', a.mule, a.group or '',
                                   'supplying' if a.sup else 'external') + (('status=' + a.status,) if a.sup else ('',)))
        farmers = 0
        for kind, idno, role, *_ in list(self.truth):
            if kind == 'holder':
                labels.append(('holder', idno, 'card_farmer'))
                farmers += 1
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for row in labels:
                w.writerow(row)
        if want_truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['kind', 'id', 'role', 'subkind', 'group', 'note', 'extra'])
                for row in self.truth:
                    row = tuple(row) + ('',) * (7 - len(row))
                    w.writerow(row[:7])
        return dict(accounts=nacc, transfers=len(rows), victim_payments=fraud_n, mules=mules, card_farmers=farmers,
                    window='%s +%dd' % (self.start_dt.date(), self.D), supplying=self.supplying,
                    extract_start={b: (self.ext_start[b] - T0) // DAY for b in self.supplying})


_ts_cache = {}


def fmt_ts(ts):
    day = ts - (ts + 8 * HOUR) % DAY
    base = _ts_cache.get(day)
    if base is None:
        base = datetime.fromtimestamp(day, TZ).strftime('%Y-%m-%dT')
        _ts_cache[day] = base
    s = (ts + 8 * HOUR) % DAY
    return '%s%02d:%02d:%02d+08:00' % (base, s // 3600, s // 60 % 60, s % 60)


def fmt_day(ts):
    return fmt_ts(ts)[:10].replace('-', '')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--variant', default='default', choices=sorted(VARIANTS))
    ap.add_argument('--truth', action='store_true', help='also write truth.csv (role of each labelled item)')
    a = ap.parse_args(argv)
    t0 = time.time()
    w = World(a.seed, a.variant)
    w.generate()
    stats = w.write(a.out, a.truth)
    stats['seconds'] = round(time.time() - t0, 1)
    print(' '.join('%s=%s' % (k, v) for k, v in stats.items()), file=sys.stderr)


if __name__ == '__main__':
    main()
