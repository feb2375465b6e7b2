# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""东北 synthetic world for judging fanzha (interchange format v1).

Liaoning, Jilin, Heilongjiang and eastern Inner Mongolia, 2024-10-01 .. 2025-03-31
(harvest, winter idleness, ice-festival season, Spring Festival 2025-01-29).
Standard library only; one seeded random.Random drives everything.
"""
import argparse
import csv
import datetime as dt
import os
import random
import sys
import time

T0 = dt.datetime(2024, 10, 1)
DAYS = 182
DAY = 86400
HOUR = 3600
MIN = 60
SPRING = 120 * DAY  # 2025-01-29 (正月初一)

# --------------------------------------------------------------------------- regions (GB/T 2260)
DB_REGIONS = {
    # code: (name, weight, kind)
    "210100": ("沈阳", 12, "city"), "210200": ("大连", 10, "port"), "210300": ("鞍山", 4, "city"),
    "210400": ("抚顺", 4, "coal"), "210600": ("丹东", 3, "border"), "210700": ("锦州", 3, "city"),
    "220100": ("长春", 11, "car"), "220200": ("吉林", 4, "city"), "222401": ("延吉", 4, "korea"),
    "222404": ("珲春", 2, "border"), "230100": ("哈尔滨", 12, "tourism"), "230200": ("齐齐哈尔", 4, "city"),
    "230400": ("鹤岗", 4, "coal"), "230500": ("双鸭山", 3, "coal"), "230800": ("佳木斯", 3, "city"),
    "231000": ("牡丹江", 3, "city"), "231081": ("绥芬河", 2, "border"), "231100": ("黑河", 2, "border"),
    "231200": ("绥化", 3, "farm"), "150700": ("呼伦贝尔", 2, "city"), "150781": ("满洲里", 2, "border"),
    "150500": ("通辽", 3, "farm"), "150400": ("赤峰", 3, "farm"), "230184": ("五常", 2, "farm"),
    "220182": ("榆树", 2, "farm"), "220122": ("农安", 2, "farm"), "231283": ("海伦", 2, "farm"),
    "230882": ("富锦", 2, "farm"),
}
DB_CODES = sorted(DB_REGIONS)
OUT_REGIONS = ["440100", "440300", "441900", "350200", "530100", "532800", "450100", "310115",
               "110105", "330100", "420100", "430100", "510100", "410100", "610100", "500103",
               "320500", "320100", "370200", "130100", "340100", "360100"]
CASHOUT_REGIONS = ["440100", "440300", "441900", "530100", "532800", "450100", "350200"]
OPERATOR_REGIONS = ["440300", "532800", "530100", "350200", "450100"]


def regions_of(kind):
    return [c for c in DB_CODES if DB_REGIONS[c][2] == kind]


# --------------------------------------------------------------------------- institutions
# code: (BIN prefix, supplies data?, extract start (days after T0), scope)
BANKS = {
    "ICBC": ("622202", True, 0, "dongbei"), "CCB": ("621700", True, 12, "dongbei"),
    "SJB": ("622178", True, 21, "all"), "HRBB": ("622425", True, 34, "all"),
    "JLNX": ("623171", True, 48, "all"), "YZF": ("YZF", True, 14, "all"),
    "ABC": ("622848", False, 0, ""), "BOC": ("621661", False, 0, ""), "PSBC": ("621799", False, 0, ""),
    "CMB": ("622588", False, 0, ""), "DLB": ("622262", False, 0, ""), "LNNX": ("621449", False, 0, ""),
    "HLJNX": ("622278", False, 0, ""), "BJZF": ("BJ", False, 0, ""), "PAB": ("622155", False, 0, ""),
    "CIB": ("622909", False, 0, ""), "GDNX": ("621283", False, 0, ""), "SPDB": ("622521", False, 0, ""),
}
BANK_CODES = list(BANKS)
DB_BANK_W = [("ICBC", 16), ("CCB", 14), ("ABC", 12), ("BOC", 7), ("PSBC", 10), ("SJB", 6), ("HRBB", 7),
             ("JLNX", 6), ("LNNX", 5), ("HLJNX", 6), ("DLB", 3), ("CMB", 3), ("YZF", 9), ("BJZF", 4)]
OUT_BANK_W = [("ICBC", 12), ("CCB", 10), ("ABC", 10), ("BOC", 6), ("PSBC", 6), ("CMB", 8), ("PAB", 6),
              ("CIB", 6), ("GDNX", 5), ("SPDB", 5), ("YZF", 2), ("BJZF", 2)]


def fen_str(f):
    return "%d.%02d" % (f // 100, f % 100)


def ts_str(s):
    return (T0 + dt.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%S+08:00")


class Acct:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "role", "arch", "farmer",
                 "init", "idx")


class Person:
    __slots__ = ("pid", "region", "arch", "accts", "idx")


VARIANTS = {
    "baseline": dict(persons=10400, gangs=16, farmers=22, look=1.0, slow=False),
    # fraud money creeps through old idle (bought) accounts: hours to days per hop, small pieces
    "laoka_manliu": dict(persons=10400, gangs=16, farmers=14, look=1.0, slow=True),
    # dense lawful look-alikes: border traders, grain buyers, seafood wholesalers, ice-season
    # tourism businesses, group-buy collectors, all collecting from many and paying many
    "bianmao_qiuliang": dict(persons=9000, gangs=16, farmers=22, look=2.2, slow=False),
}


class World:
    def __init__(self, variant, seed):
        self.v = VARIANTS[variant]
        self.variant = variant
        self.r = random.Random(seed)
        self.accts = []
        self.by_id = {}
        self.persons = []
        self.ev = []  # (ts, seq, from, to, fen, channel, region, kind, memo, cross, fkind)
        self.seq = 0
        self.used_ids = set()
        self.holder_seq = 0
        self.victim_reported = {}  # event seq -> reported
        self.farmers = []  # (holder, labelled?)
        self.gang_accts = []

    # ------------------------------------------------------------------ helpers
    def wpick(self, pairs):
        tot = sum(w for _, w in pairs)
        x = self.r.random() * tot
        for k, w in pairs:
            x -= w
            if x < 0:
                return k
        return pairs[-1][0]

    def db_region(self, kind=None):
        if kind:
            return self.r.choice(regions_of(kind))
        return self.wpick([(c, DB_REGIONS[c][1]) for c in DB_CODES])

    def holder_id(self, region, byear, corp=False):
        self.holder_seq += 1
        if corp:
            body = "91" + region + "%09d" % (self.r.randrange(10 ** 9))
            return body + "0123456789ABCDEFGHJKLMNPQRTUWXY"[self.holder_seq % 31]
        d = dt.date(byear, 1, 1) + dt.timedelta(days=self.r.randrange(365))
        s17 = region + d.strftime("%Y%m%d") + "%03d" % (self.holder_seq % 1000)
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        return s17 + "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]

    def new_acct_id(self, bank, corp):
        pre = BANKS[bank][0]
        while True:
            if corp:
                aid = bank[:2] + "%018d" % self.r.randrange(10 ** 18)
            elif pre.isdigit():
                aid = pre + "%013d" % self.r.randrange(10 ** 13)
            else:
                aid = pre + "%012d" % self.r.randrange(10 ** 12)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def open(self, holder, bank, opened, region, cls, role="lawful", arch="", farmer=0, init=0):
        a = Acct()
        a.id = self.new_acct_id(bank, cls == "corp")
        a.bank, a.holder, a.opened, a.region, a.cls = bank, holder, opened, region, cls
        a.role, a.arch, a.farmer, a.init = role, arch, farmer, init
        a.idx = len(self.accts)
        self.accts.append(a)
        self.by_id[a.id] = a
        return a

    def old_open(self, lo_year=2006):
        # seconds before T0 (opened long before the data)
        days = self.r.randrange(30, (2024 - lo_year) * 365)
        return -days * DAY - self.r.randrange(8 * HOUR, 17 * HOUR) + 8 * HOUR

    def day_ts(self, day, lo=8, hi=22):
        return int(day * DAY + self.r.uniform(lo, hi) * HOUR)

    def yuan(self, lo, hi, round_to=None):
        y = self.r.uniform(lo, hi)
        if round_to:
            y = max(round_to, round(y / round_to) * round_to)
            return int(y * 100)
        return int(y * 100)

    def logy(self, lo, hi, round_to=None):
        import math
        y = math.exp(self.r.uniform(math.log(lo), math.log(hi)))
        if round_to:
            return int(max(round_to, round(y / round_to) * round_to) * 100)
        return int(y * 100)

    def tx(self, ts, a, b, fen, channel="mobile", region="", kind="transfer", memo="", cross=False,
           fkind=""):
        if fen <= 0:
            return None
        if ts < 0 or ts >= DAYS * DAY:
            return None
        for x in (a, b):
            if x is not None and x.opened > ts:
                return None
        self.seq += 1
        self.ev.append((ts, self.seq, a.id if a else "", b.id if b else "", fen, channel, region,
                        kind, memo, cross, fkind))
        return self.seq

    def person(self, region, arch, byear, nacc, supply_bias=1.6, old=True):
        p = Person()
        p.pid = self.holder_id(region, byear)
        p.region, p.arch, p.accts = region, arch, []
        banks = []
        for _ in range(nacc):
            for _t in range(10):
                b = self.wpick([(k, w * (supply_bias if BANKS[k][1] else 1.0)) for k, w in DB_BANK_W])
                if b not in banks:
                    break
            banks.append(b)
        for i, b in enumerate(banks):
            opened = self.old_open() if old else self.r.randrange(0, DAYS * DAY // 2)
            cls = "I" if i == 0 or self.r.random() < 0.5 else "II"
            if b in ("YZF", "BJZF"):
                cls = self.r.choice(["II", "III"]) if i else "II"
            p.accts.append(self.open(p.pid, b, opened, region, cls, arch=arch,
                                     init=self.logy(200, 80000) if i == 0 else self.logy(5, 3000)))
        p.idx = len(self.persons)
        self.persons.append(p)
        return p

    def outsider(self, arch="outside"):
        reg = self.r.choice(OUT_REGIONS)
        hid = self.holder_id(reg, self.r.randrange(1950, 2004))
        return self.open(hid, self.wpick(OUT_BANK_W), self.old_open(), reg,
                         "I", arch=arch, init=self.logy(2000, 400000))

    def corp(self, region, arch, bank=None):
        hid = self.holder_id(region, 0, corp=True)
        bank = bank or self.wpick(DB_BANK_W if region in DB_REGIONS else OUT_BANK_W)
        if bank in ("YZF", "BJZF"):
            bank = "ICBC"
        return self.open(hid, bank, self.old_open(2000), region, "corp", arch=arch,
                         init=self.logy(500000, 50000000))

    # ------------------------------------------------------------------ lawful world
    def build_lawful(self):
        r = self.r
        v = self.v
        look = v["look"]
        # corporate world
        self.employers = {}
        for reg in DB_CODES:
            k = DB_REGIONS[reg][2]
            n = 3 if k in ("car", "city", "tourism", "port") else 1
            self.employers[reg] = [self.corp(reg, "employer_car_plant" if k == "car" else
                                             ("employer_coal_mine" if k == "coal" else "employer"))
                                   for _ in range(n)]
        self.pension = {}
        for prov, codes in (("21", None), ("22", None), ("23", None), ("15", None)):
            self.pension[prov] = self.corp(prov + "0000", "social_security_pension", bank="ICBC")
        self.merchants = {}
        for reg in DB_CODES:
            self.merchants[reg] = [self.corp(reg, "merchant_" + m) for m in
                                   ("supermarket", "utility", "pharmacy", "restaurant", "heating")]
        self.platforms = [self.corp(c, "ecommerce_platform_settlement") for c in ("330100", "110105",
                                                                                "310115")]
        self.car_dealers = [self.corp(c, "car_dealer") for c in ("220100", "210100", "230100", "210200")]
        self.developers = [self.corp(c, "property_developer") for c in ("210100", "210200", "230100",
                                                                        "220100", "230400")]
        self.grain_cos = [self.corp(c, "grain_company") for c in ("210200", "110105", "370200", "230100")]
        self.rider_platform = self.corp("110105", "delivery_platform")
        self.agri_store = {c: self.corp(c, "agri_input_store") for c in regions_of("farm")}
        self.logistics = [self.corp(c, "logistics") for c in ("231081", "150781", "210200", "222404")]
        self.outsiders = [self.outsider() for _ in range(2600)]

        arch_w = [("worker", 24), ("pensioner", 17), ("farmer", 10), ("student", 8),
                  ("remit_family", 5), ("landlord", 3), ("border_trader", 2.2 * look),
                  ("grain_buyer", 1.0 * look), ("seafood_trader", 1.2 * look),
                  ("tourism_biz", 1.4 * look), ("group_buy_collector", 1.0 * look),
                  ("shopkeeper", 5), ("rider", 6), ("emigrant_idle", 3)]
        region_for = {"worker": None, "pensioner": "coal", "farmer": "farm", "student": None,
                      "remit_family": "korea", "landlord": None, "border_trader": "border",
                      "grain_buyer": "farm", "seafood_trader": "port", "tourism_biz": "tourism",
                      "group_buy_collector": None, "shopkeeper": None, "rider": None,
                      "emigrant_idle": "korea"}
        for _ in range(v["persons"]):
            arch = self.wpick(arch_w)
            rk = region_for[arch]
            if arch == "pensioner" and r.random() < 0.45:
                rk = None
            if arch == "emigrant_idle" and r.random() < 0.4:
                rk = "coal"
            reg = self.db_region(rk)
            byear = {"pensioner": r.randrange(1944, 1966), "student": r.randrange(2002, 2007),
                     "emigrant_idle": r.randrange(1965, 1992)}.get(arch, r.randrange(1962, 2001))
            nacc = 1 + (r.random() < 0.6) + (r.random() < 0.3) + (r.random() < 0.1)
            if arch in ("border_trader", "grain_buyer", "seafood_trader", "tourism_biz"):
                nacc = max(nacc, 2)
            self.person(reg, arch, byear, nacc)
        self.by_arch = {}
        for p in self.persons:
            self.by_arch.setdefault(p.arch, []).append(p)
        # lawful new accounts opened inside the data: new workers, students' second card, car buyers
        for p in r.sample(self.persons, len(self.persons) // 25):
            if p.arch in ("emigrant_idle",):
                continue
            b = self.wpick(DB_BANK_W)
            opened = self.r.randrange(5 * DAY, (DAYS - 20) * DAY)
            p.accts.append(self.open(p.pid, b, opened, p.region, "I" if r.random() < 0.5 else "II",
                                     arch=p.arch + "_new_card", init=0))

    def spend(self, p, a, day, n, lo, hi):
        for _ in range(n):
            d = day + self.r.random() * 30
            m = self.r.choice(self.merchants[p.region] + self.platforms)
            self.tx(self.day_ts(int(d)), a, m, self.logy(lo, hi), self.r.choice(["mobile", "pos"]),
                    p.region, memo="消费")

    def lawful_flows(self):
        r = self.r
        months = [0, 31, 61, 92, 123, 151]
        persons = self.persons
        for p in persons:
            a0 = p.accts[0]
            alt = p.accts[1:] or [a0]
            arch = p.arch
            if arch == "emigrant_idle":
                continue  # cards sit idle (some will be sold)
            for m0 in months:
                if arch == "worker":
                    emp = self.employers[p.region][p.idx % len(self.employers[p.region])]
                    sal = self.yuan(3200, 9500, 1)
                    self.tx(m0 * DAY + (9 + p.idx % 6) * DAY + 10 * HOUR, emp, a0, sal, "other",
                            p.region, memo="工资")
                    self.spend(p, a0, m0, r.randrange(0, 4), 15, 900)
                    if r.random() < 0.35:
                        self.tx(self.day_ts(m0 + r.randrange(10, 25)), a0, r.choice(alt), sal // 3,
                                "mobile", p.region, memo="转账")
                    if r.random() < 0.5:
                        fam = persons[(p.idx * 7 + 3) % len(persons)]
                        self.tx(self.day_ts(m0 + r.randrange(28)), a0, fam.accts[0],
                                self.logy(200, 3000, 100), "mobile", p.region, memo="家用")
                    if r.random() < 0.3:
                        self.tx(self.day_ts(m0 + r.randrange(28)), a0, None, self.yuan(500, 3000, 100),
                                "atm", p.region, "withdrawal")
                elif arch == "pensioner":
                    prov = p.region[:2]
                    self.tx(m0 * DAY + 4 * DAY + 9 * HOUR + r.randrange(3600), self.pension[prov], a0,
                            self.yuan(1900, 4200, 1), "other", p.region, memo="养老金")
                    for _ in range(r.randrange(1, 3)):
                        self.tx(self.day_ts(m0 + r.randrange(5, 28), 8, 16), a0, None,
                                self.yuan(300, 2000, 100), r.choice(["atm", "counter"]), p.region,
                                "withdrawal")
                    self.spend(p, a0, m0, r.randrange(0, 3), 10, 300)
                    if r.random() < 0.2:
                        kid = persons[(p.idx * 13 + 5) % len(persons)]
                        self.tx(self.day_ts(m0 + r.randrange(28)), a0, kid.accts[0],
                                self.logy(500, 5000, 100), "counter", p.region, memo="给孩子")
                elif arch == "farmer":
                    self.spend(p, a0, m0, r.randrange(0, 3), 10, 400)
                elif arch == "student":
                    par = persons[(p.idx * 11 + 1) % len(persons)]
                    self.tx(self.day_ts(m0 + r.randrange(1, 5)), par.accts[0], a0,
                            self.yuan(800, 2500, 100), "mobile", par.region, memo="生活费")
                    self.spend(p, a0, m0, r.randrange(1, 5), 5, 200)
                    for _ in range(r.randrange(0, 4)):
                        f = persons[r.randrange(len(persons))]
                        self.tx(self.day_ts(m0 + r.randrange(28), 10, 24), a0, f.accts[0],
                                self.logy(10, 300), "mobile", p.region, memo="AA")
                elif arch == "remit_family":
                    kr = self.outsiders[p.idx % len(self.outsiders)]
                    self.tx(self.day_ts(m0 + r.randrange(3, 20)), kr, a0, self.yuan(3000, 16000, 100),
                            "online", p.region, memo="韩国汇款", cross=True)
                    self.tx(self.day_ts(m0 + r.randrange(20, 29)), a0, None, self.yuan(1000, 5000, 100),
                            "atm", p.region, "withdrawal")
                    self.spend(p, a0, m0, r.randrange(2, 6), 20, 600)
                elif arch == "landlord":
                    for k in range(r.randrange(3, 9)):
                        t = persons[(p.idx * 17 + k * 31) % len(persons)]
                        self.tx(self.day_ts(m0 + r.randrange(0, 6)), t.accts[0], a0,
                                self.yuan(450, 2200, 50), "mobile", p.region, memo="房租")
                    self.spend(p, a0, m0, r.randrange(2, 6), 20, 800)
                elif arch == "shopkeeper":
                    for _ in range(r.randrange(2, 8)):
                        c = persons[r.randrange(len(persons))]
                        self.tx(self.day_ts(m0 + r.randrange(30)), c.accts[0], a0, self.logy(8, 400),
                                "mobile", p.region, memo="货款")
                    self.tx(self.day_ts(m0 + r.randrange(30)), a0,
                            self.merchants[p.region][0], self.logy(3000, 20000), "online", p.region,
                            memo="进货")
                elif arch == "rider":
                    for w in range(2):
                        self.tx(self.day_ts(m0 + w * 14 + 1), self.rider_platform, a0,
                                self.yuan(600, 1800), "other", p.region, memo="骑手结算")
                    self.spend(p, a0, m0, r.randrange(0, 3), 10, 300)
                elif arch in ("border_trader", "seafood_trader"):
                    peak = 1.0 + (arch == "seafood_trader" and 92 <= m0 <= 123)
                    nbuy = int(r.randrange(5, 18) * peak)
                    for _ in range(nbuy):
                        b = r.choice(self.outsiders) if r.random() < 0.7 else persons[
                            r.randrange(len(persons))].accts[0]
                        self.tx(self.day_ts(m0 + r.randrange(30), 7, 23), b, r.choice(p.accts),
                                self.logy(1500, 60000), r.choice(["online", "mobile"]), p.region,
                                memo="货款")
                    for _ in range(r.randrange(3, 10)):
                        if arch == "border_trader" and r.random() < 0.4:
                            sup = self.outsiders[(p.idx * 3 + r.randrange(5)) % len(self.outsiders)]
                            self.tx(self.day_ts(m0 + r.randrange(30)), r.choice(p.accts), sup,
                                    self.logy(20000, 250000), "online", p.region, memo="对俄货款",
                                    cross=True)
                        else:
                            sup = persons[(p.idx * 5 + r.randrange(12)) % len(persons)].accts[0]
                            self.tx(self.day_ts(m0 + r.randrange(30)), r.choice(p.accts), sup,
                                    self.logy(3000, 80000), "mobile", p.region, memo="进货")
                    self.tx(self.day_ts(m0 + r.randrange(30)), a0, r.choice(self.logistics),
                            self.logy(2000, 20000), "online", p.region, memo="运费")
                    if r.random() < 0.5:
                        self.tx(self.day_ts(m0 + r.randrange(30)), a0, None, self.yuan(5000, 49000, 100),
                                "counter", p.region, "withdrawal")
                elif arch == "tourism_biz":
                    season = 62 <= m0 <= 140
                    for _ in range(r.randrange(25, 70) if season else r.randrange(1, 6)):
                        c = r.choice(self.outsiders)
                        self.tx(self.day_ts(m0 + r.randrange(30), 9, 23), c, r.choice(p.accts),
                                self.logy(150, 3500), "mobile", p.region, memo="冰雪游")
                    for k in range(r.randrange(3, 8) if season else 1):
                        st = persons[(p.idx * 19 + k) % len(persons)].accts[0]
                        self.tx(self.day_ts(m0 + 25), a0, st, self.yuan(3000, 6000, 100), "mobile",
                                p.region, memo="工资")
                    if season:
                        self.tx(self.day_ts(m0 + r.randrange(30)), a0, None, self.yuan(10000, 49000, 100),
                                "counter", p.region, "withdrawal")
                elif arch == "group_buy_collector":
                    for _ in range(int(r.random() < 0.6)):
                        d = m0 + r.randrange(27)
                        tot = 0
                        for _ in range(r.randrange(10, 30)):
                            c = persons[r.randrange(len(persons))].accts[0]
                            f = self.logy(30, 800)
                            if self.tx(self.day_ts(d, 8, 23), c, a0, f, "mobile", p.region, memo="团购"):
                                tot += f
                        self.tx(self.day_ts(d + 1, 9, 18), a0, r.choice(self.platforms + self.merchants[
                            p.region]), max(100, tot - r.randrange(0, 5000)), "online", p.region,
                            memo="团购货款")
            # harvest: grain buyers pay many farmers Oct-Dec, receive from grain companies
            if arch == "grain_buyer":
                farmers = [q for q in self.by_arch.get("farmer", []) if q.region[:2] == p.region[:2]]
                for _ in range(r.randrange(3, 7)):
                    gc = r.choice(self.grain_cos)
                    self.tx(self.day_ts(r.randrange(5, 80)), gc, r.choice(p.accts),
                            self.logy(200000, 1500000, 100), "online", gc.region, memo="粮款")
                for _ in range(r.randrange(25, 70)):
                    if not farmers:
                        break
                    f = farmers[r.randrange(len(farmers))]
                    self.tx(self.day_ts(r.randrange(3, 85), 7, 19), r.choice(p.accts), f.accts[0],
                            self.logy(8000, 150000, 10), r.choice(["mobile", "counter"]), p.region,
                            memo="玉米款" if r.random() < 0.6 else "水稻款")
                for _ in range(r.randrange(3, 8)):
                    self.tx(self.day_ts(r.randrange(3, 85)), r.choice(p.accts), None,
                            self.yuan(20000, 50000, 100), "counter", p.region, "withdrawal")
            if arch == "farmer":
                self.tx(self.day_ts(r.randrange(150, 180)), a0, self.agri_store[p.region]
                        if p.region in self.agri_store else self.merchants[p.region][0],
                        self.logy(2000, 30000), "counter", p.region, memo="种子化肥")
            # Spring Festival red packets
            if r.random() < 0.5 and arch != "farmer":
                for _ in range(r.randrange(1, 5)):
                    q = persons[r.randrange(len(persons))]
                    self.tx(int(SPRING + r.uniform(-4, 3) * DAY + 12 * HOUR), a0, q.accts[0],
                            r.choice([20000, 50000, 66600, 88800, 100000, 200000]), "mobile",
                            p.region, memo="红包")
            # people with cards at several banks move money between them
            own = [x for x in p.accts[1:] if x.role == "lawful"]
            if own and r.random() < 0.35:
                for _ in range(r.randrange(1, 4)):
                    self.tx(self.day_ts(r.randrange(DAYS)), a0, r.choice(own),
                            self.logy(500, 20000, 100), "mobile", p.region, memo="本人转账")
        # family pooling for a flat / car deposit; some on a card opened for it (large first payment)
        for p in self.r.sample(persons, len(persons) // 28):
            if p.arch in ("emigrant_idle", "student"):
                continue
            day = r.randrange(10, DAYS - 10)
            if r.random() < 0.4:
                tgt = self.open(p.pid, self.wpick(DB_BANK_W), (day - 1) * DAY + 10 * HOUR, p.region,
                                "I", arch="pooling_new_card", init=0)
                p.accts.append(tgt)
            else:
                tgt = p.accts[0]
            tot = 0
            for k in range(r.randrange(2, 6)):
                rel = persons[(p.idx * 23 + k * 7 + 1) % len(persons)].accts[0] if r.random() < 0.6 \
                    else r.choice(self.outsiders)
                f = self.logy(10000, 150000, 1000)
                if self.tx(self.day_ts(day + r.random() * 2), rel, tgt, f, "mobile", p.region,
                           memo="凑首付"):
                    tot += f
            dest = r.choice(self.car_dealers if r.random() < 0.5 else self.developers)
            self.tx(self.day_ts(day + 3, 9, 17), tgt, dest, max(tot, 1000000), "counter", p.region,
                    memo="首付" if dest in self.developers else "购车款")

    # ------------------------------------------------------------------ fraud side
    def build_fraud(self):
        r = self.r
        v = self.v
        slow = v["slow"]
        # card farmers
        self.farm_stock = []
        for i in range(v["farmers"]):
            home = self.db_region() if r.random() < 0.7 else r.choice(OUT_REGIONS)
            hid = self.holder_id(home, r.randrange(1975, 2003))
            start = r.randrange(-40, DAYS - 60) * DAY
            cities = r.sample(DB_CODES, r.randrange(1, 3)) + r.sample(OUT_REGIONS, r.randrange(0, 3))
            cards = []
            t = start
            for c in cities:
                for _ in range(r.randrange(3, 9)):
                    t += r.randrange(1 * HOUR, 30 * HOUR)
                    bank = self.wpick(DB_BANK_W) if c in DB_REGIONS else self.wpick(OUT_BANK_W)
                    a = self.open(hid, bank, t, c, r.choice(["I", "II", "II"]), role="farmer_card",
                                  arch="farmed_card", farmer=1, init=r.randrange(1000, 5001))
                    cards.append(a)
                t += r.randrange(1, 4) * DAY
            self.farmers.append([hid, cards])
            for a in cards:
                if r.random() < (0.45 if slow else 0.65):
                    self.farm_stock.append(a)
        r.shuffle(self.farm_stock)
        # old idle cards sold or rented: emigrants, pensioners' spare cards, winter farmers
        idle = [p.accts[-1] for p in self.by_arch.get("emigrant_idle", [])]
        idle += [p.accts[1] for p in self.by_arch.get("pensioner", []) if len(p.accts) > 1]
        idle += [p.accts[1] for p in self.by_arch.get("farmer", []) if len(p.accts) > 1]
        idle = [a for a in idle if a.opened < 0]
        r.shuffle(idle)
        self.idle_pool = idle
        # U商 (USDT dealers): accounts of their own, some customers are lawful crypto buyers
        self.ushang = []
        for i in range(8):
            reg = r.choice(["440300", "350200", "210100", "230100", "220100", "441900"])
            hid = self.holder_id(reg, r.randrange(1980, 2000))
            accs = []
            for _ in range(r.randrange(2, 5)):
                bank = self.wpick(DB_BANK_W if reg in DB_REGIONS else OUT_BANK_W)
                accs.append(self.open(hid, bank, self.old_open(2015) if r.random() < 0.6 else
                                      r.randrange(0, 90 * DAY), reg, "I", role="ushang",
                                      arch="usdt_dealer", init=self.logy(10000, 200000)))
            self.ushang.append(accs)
            for a in accs:
                for _ in range(r.randrange(10, 40)):
                    c = r.choice(self.outsiders) if r.random() < 0.5 else self.persons[
                        r.randrange(len(self.persons))].accts[0]
                    self.tx(self.day_ts(r.randrange(DAYS), 0, 24), c, a, self.logy(1000, 50000, 100),
                            "mobile", reg, memo=r.choice(["", "货款", "USDT"]))
        # 跑分 participants: ordinary people passing strangers' money on for a cut
        pf_src = [p for p in self.persons if p.arch in ("student", "rider", "worker", "pensioner")
                  and p.region in regions_of("coal") + regions_of("city") + regions_of("farm")]
        self.paofen = [p.accts[0] for p in r.sample(pf_src, 70)]
        for a in self.paofen:
            a.role, a.arch = "paofen", "paofen_participant_" + a.arch
        # gangs
        typ = [("brushing", 20, 300, 30000), ("investment", 14, 10000, 400000),
               ("ecommerce_cs", 14, 1000, 60000), ("loan_card", 12, 2000, 30000),
               ("police_gov", 8, 20000, 600000), ("romance", 8, 5000, 300000),
               ("leader_acquaintance", 8, 5000, 100000), ("credit_record", 8, 3000, 80000),
               ("game_trade", 4, 200, 8000), ("subsidy_refund", 4, 1000, 20000)]
        victims_db = [p for p in self.persons if p.arch in ("pensioner", "student", "worker", "farmer")]
        for g in range(v["gangs"]):
            op_reg = r.choice(OPERATOR_REGIONS)
            co_reg = r.choice(CASHOUT_REGIONS)
            ops = [self.outsider("gang_operator_external") for _ in range(3)]
            for o in ops:
                o.role = "mule"
            start = r.randrange(0, DAYS - 40)
            end = min(DAYS - 1, start + r.randrange(40, 140))
            ncards = r.randrange(10, 24) if not slow else r.randrange(14, 30)
            t1 = []
            for _ in range(ncards):
                x = r.random()
                if slow:
                    x = 0.25 + 0.75 * x  # mostly old idle accounts
                if x < 0.35 and self.farm_stock:
                    a = self.farm_stock.pop()
                    a.role, a.arch = "mule", "farmed_card_sold"
                elif x < 0.55:
                    reg = self.db_region(r.choice(["coal", "farm", "city", "korea"]))
                    hid = self.holder_id(reg, r.randrange(1985, 2005))
                    a = self.open(hid, self.wpick(DB_BANK_W), r.randrange(-60, end - 5) * DAY +
                                  r.randrange(9 * HOUR, 17 * HOUR), reg, "I", role="mule",
                                  arch="fresh_card_sold", init=r.randrange(0, 2001))
                elif x < 0.88 and self.idle_pool:
                    a = self.idle_pool.pop()
                    a.role, a.arch = "mule", "old_idle_card_sold_" + a.arch
                else:
                    st = self.by_arch.get("student", [])
                    a = st[r.randrange(len(st))].accts[0]
                    if a.role != "lawful":
                        continue
                    a.role, a.arch = "mule", "student_card_rented"
                t1.append(a)
            t2 = []
            for _ in range(r.randrange(6, 14)):
                if self.farm_stock and r.random() < 0.4:
                    a = self.farm_stock.pop()
                    a.role, a.arch = "mule", "farmed_card_sold_layer"
                else:
                    reg = r.choice(DB_CODES + OUT_REGIONS)
                    hid = self.holder_id(reg, r.randrange(1980, 2004))
                    bank = self.wpick(DB_BANK_W if reg in DB_REGIONS else OUT_BANK_W)
                    a = self.open(hid, bank, r.randrange(-200, start + 5) * DAY + 10 * HOUR, reg,
                                  r.choice(["I", "II"]), role="mule", arch="layer_card",
                                  init=r.randrange(0, 501))
                t2.append(a)
            t3 = []
            for _ in range(r.randrange(3, 7)):
                hid = self.holder_id(co_reg, r.randrange(1980, 2004))
                bank = self.wpick(OUT_BANK_W) if r.random() < 0.6 else self.wpick(DB_BANK_W)
                reg = self.db_region() if r.random() < 0.6 else co_reg
                a = self.open(hid, bank, r.randrange(-300, start + 5) * DAY + 11 * HOUR, reg, "I",
                              role="mule", arch="cashout_card_opened_far", init=r.randrange(0, 301))
                t3.append(a)
            pf = r.sample(self.paofen, 8)
            us = self.ushang[g % len(self.ushang)] + self.ushang[(g + 3) % len(self.ushang)]
            gang = dict(t1=t1, t2=t2, t3=t3, pf=pf, us=us, ops=ops, co=co_reg, op=op_reg)
            # victims
            nvict = r.randrange(45, 90)
            for _ in range(nvict):
                tp = self.wpick([(x[0], x[1]) for x in typ])
                _, _, lo, hi = [x for x in typ if x[0] == tp][0]
                if r.random() < 0.25 and victims_db:
                    vac = victims_db[r.randrange(len(victims_db))].accts[0]
                    if vac.role != "lawful":
                        continue
                else:
                    vac = r.choice(self.outsiders)
                reported = r.random() < 0.5
                day = r.randrange(start, end)
                npay = 1 + (tp in ("brushing", "investment", "romance")) * r.randrange(0, 6)
                use_pf = r.random() < 0.2
                t = self.day_ts(day, 8, 22)
                amt = self.logy(lo, hi / max(1, npay) * 2)
                for k in range(npay):
                    if use_pf:
                        dest = r.choice(pf)
                    else:
                        dest = t1[r.randrange(len(t1))] if t1 else r.choice(t2)
                    f = min(amt, 5000000)
                    s = self.tx(t, vac, dest, f, r.choice(["mobile", "online", "online", "atm", "counter"]),
                                vac.region, memo=r.choice(["", "", "保证金", "解冻", "投资", "还款", "任务单"]),
                                fkind="victim_payment")
                    if s:
                        self.victim_reported[s] = reported and r.random() < 0.93
                        self.route(gang, dest, f, t, 1)
                    t += r.randrange(10 * MIN, 3 * DAY if slow else DAY)
                    amt = int(amt * r.uniform(1.1, 2.2)) if tp == "brushing" else self.logy(lo, hi)
            self.gang_accts.append(gang)

    def hold(self, depth):
        r = self.r
        if self.v["slow"]:
            return r.randrange(3 * HOUR, 4 * DAY)
        if r.random() < 0.8:
            return r.randrange(2 * MIN, 50 * MIN)
        return r.randrange(1 * HOUR, 20 * HOUR)

    def route(self, g, acct, fen, t, depth):
        """Money `fen` arrived at acct at t; move it on."""
        r = self.r
        if fen < 200:
            return
        t = t + self.hold(depth)
        slow = self.v["slow"]
        if acct.role == "paofen":
            keep = int(fen * r.uniform(0.005, 0.02))
            dest = r.choice(g["t2"])
            s = self.tx(t, acct, dest, fen - keep, "mobile", acct.region, fkind="paofen")
            if s:
                self.route(g, dest, fen - keep, t, depth + 1)
            return
        if acct.role == "ushang":
            return
        if acct.role != "mule":
            return
        # decide: cash out, pay a U商, split to next layer, or pass to operator
        if depth >= (4 if slow else 3) or (depth >= 2 and r.random() < 0.45):
            x = r.random()
            if x < 0.5:
                # ATM withdrawals far away, in chunks near daily limits
                left = fen
                while left >= 10000:
                    c = min(left, r.choice([200000, 500000, 1000000, 2000000]))
                    ch = "atm" if c <= 2000000 else "counter"
                    if not self.tx(t, acct, None, c, ch, g["co"], "withdrawal", fkind="cashout"):
                        break
                    left -= c
                    t += r.randrange(2 * MIN, 15 * MIN) if not slow else r.randrange(HOUR, DAY)
            elif x < 0.8:
                u = r.choice(g["us"])
                self.tx(t, acct, u, fen, "mobile", acct.region, memo=r.choice(["", "货款", "还款"]),
                        fkind="ushang")
                self.tx(t + r.randrange(HOUR, 2 * DAY), u, r.choice(g["ops"]), int(fen * 0.97),
                        "online", u.region, fkind="ushang")
            else:
                self.tx(t, acct, r.choice(g["ops"]), fen, "online", acct.region, fkind="layering")
            return
        pool = g["t2"] if depth == 1 else g["t3"] + g["t2"]
        nsplit = 1 if r.random() < 0.45 else r.randrange(2, 4)
        if slow:
            nsplit = r.randrange(1, 4)
        parts = []
        rest = fen - r.randrange(0, 5000) if fen > 20000 else fen
        for k in range(nsplit - 1):
            p = int(rest * r.uniform(0.2, 0.6))
            parts.append(p)
            rest -= p
        parts.append(rest)
        for p in parts:
            dest = r.choice(pool)
            if dest is acct:
                continue
            if r.random() < 0.08:
                dest = r.choice(g["pf"])
            tt = t + r.randrange(0, 10 * MIN if not slow else 12 * HOUR)
            s = self.tx(tt, acct, dest, p, r.choice(["mobile", "online"]),
                        acct.region if r.random() < 0.5 else g["op"], fkind="layering")
            if s:
                self.route(g, dest, p, tt, depth + 1)

    # ------------------------------------------------------------------ output
    def has_row(self, a):
        b = BANKS[a.bank]
        if not b[1]:
            return False
        return b[3] == "all" or a.region in DB_REGIONS or a.region[:2] in ("21", "22", "23", "15")

    def write(self, out, truth):
        r = self.r
        os.makedirs(out, exist_ok=True)
        start = {k: BANKS[k][2] * DAY for k in BANK_CODES}
        row = [self.has_row(a) for a in self.accts]
        ev = sorted(self.ev, key=lambda e: (e[0], e[1]))
        kept = []
        bal = [a.init for a in self.accts]
        open_bal = [None] * len(self.accts)
        appears = [False] * len(self.accts)
        by = self.by_id
        for e in ev:
            fa = by[e[2]] if e[2] else None
            ta = by[e[3]] if e[3] else None
            keep = False
            for x in (fa, ta):
                if x is not None and row[x.idx] and e[0] >= start[x.bank]:
                    keep = True
            if keep:
                for x in (fa, ta):
                    if x is not None:
                        appears[x.idx] = True
                        if open_bal[x.idx] is None:
                            open_bal[x.idx] = bal[x.idx]
                kept.append(e)
            if fa is not None:
                bal[fa.idx] -= e[4]
            if ta is not None:
                bal[ta.idx] += e[4]
        # account rows
        acc_rows = []
        for a in self.accts:
            if not row[a.idx] or a.opened >= DAYS * DAY:
                continue
            if a.opened < start[a.bank]:
                ob = open_bal[a.idx] if open_bal[a.idx] is not None else a.init
            else:
                ob = a.init
            acc_rows.append(a)
            a.init = max(0, ob)
        txid = {}
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region",
                        "account_class", "opening_balance", "status"])
            for a in acc_rows:
                w.writerow([a.id, a.bank, a.holder, ts_str(a.opened), a.region, a.cls, fen_str(a.init),
                            "active"])
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel",
                        "region", "kind", "memo", "cross_border"])
            for i, e in enumerate(kept):
                tid = "DB%08d" % (i + 1)
                txid[e[1]] = tid
                w.writerow([tid, ts_str(e[0]), e[2], e[3], fen_str(e[4]), "CNY", e[5], e[6], e[7],
                            e[8], "true" if e[9] else "false"])
        # labels: what an anti-fraud centre knows
        labels = []
        lab_fraud = [e for e in kept if e[10] == "victim_payment" and self.victim_reported.get(e[1])]
        for e in lab_fraud:
            labels.append(("transfer", txid[e[1]], "fraud"))
        reported_to = set(e[3] for e in lab_fraud)
        mule_lab = {}
        for a in self.accts:
            if a.role in ("mule", "paofen", "ushang") and (row[a.idx] or appears[a.idx]):
                p = {"mule": 0.25, "paofen": 0.3, "ushang": 0.35}[a.role]
                if a.id in reported_to:
                    p = 0.7
                if a.arch == "gang_operator_external":
                    p = 0.2
                if r.random() < p:
                    mule_lab[a.id] = 1
                    labels.append(("account", a.id, "mule"))
        farm_lab = {}
        for hid, cards in self.farmers:
            used = any(c.role == "mule" for c in cards)
            if r.random() < (0.5 if used else 0.25):
                farm_lab[hid] = 1
                labels.append(("holder", hid, "card_farmer"))
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for x in labels:
                w.writerow(x)
        stats = dict(accounts_with_rows=len(acc_rows), transfers=len(kept))
        roles = {}
        for a in self.accts:
            if row[a.idx] and a.opened < DAYS * DAY:
                roles[a.role] = roles.get(a.role, 0) + 1
        stats["rows_by_role"] = dict(sorted(roles.items()))
        stats["rows_labelled_mule"] = sum(1 for a in acc_rows if a.id in mule_lab)
        nf = sum(1 for a in acc_rows if a.role in ("mule", "paofen", "ushang"))
        stats["rows_labelled_share"] = round(stats["rows_labelled_mule"] / max(1, nf), 3)
        vp = [e for e in kept if e[10] == "victim_payment"]
        stats["victim_payments"] = len(vp)
        stats["victim_reported_share"] = round(len(lab_fraud) / max(1, len(vp)), 3)
        kinds = {}
        for e in kept:
            if e[10]:
                kinds[e[10]] = kinds.get(e[10], 0) + 1
        stats["fraud_transfers_by_kind"] = dict(sorted(kinds.items()))
        stats["card_farmers"] = len(self.farmers)
        stats["card_farmers_labelled"] = len(farm_lab)
        stats["farmed_cards_with_rows"] = sum(1 for a in acc_rows if a.farmer)
        if truth:
            with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype",
                            "card_farmer", "opened_at", "labelled", "farmer_labelled",
                            "extract_start"])
                for k in BANK_CODES:
                    if BANKS[k][1]:
                        w.writerow(["institution", k, k, "", "", "", "", "", "", "", "",
                                    ts_str(start[k])])
                fl = set(farm_lab)
                for a in self.accts:
                    hr = row[a.idx] and a.opened < DAYS * DAY
                    if not (hr or appears[a.idx]):
                        continue
                    w.writerow(["account", a.id, a.bank, a.holder, int(hr), a.role, a.arch,
                                a.farmer, ts_str(a.opened), int(a.id in mule_lab),
                                int(a.holder in fl), ""])
            with open(os.path.join(out, "truth_transfers.csv"), "w", newline="",
                      encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["txn_id", "kind"])
                for e in kept:
                    if e[10]:
                        w.writerow([txid[e[1]], e[10]])
        return stats


def main():
    ap = argparse.ArgumentParser(description="东北 synthetic world (fanzha interchange format v1)")
    ap.add_argument("--variant", default="baseline", choices=list(VARIANTS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out_dongbei")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--truth", action="store_true")
    a = ap.parse_args()
    t = time.time()
    w = World(a.variant, a.seed)
    w.build_lawful()
    w.build_fraud()
    w.lawful_flows()
    st = w.write(a.out, a.truth)
    if a.stats:
        st["variant"] = a.variant
        st["seed"] = a.seed
        st["seconds"] = round(time.time() - t, 1)
        for k, v in st.items():
            print("%s: %s" % (k, v), file=sys.stderr)


if __name__ == "__main__":
    main()
