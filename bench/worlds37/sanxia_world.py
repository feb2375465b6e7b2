#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Sanxia world: a synthetic banking world of north-eastern Chongqing and the Three Gorges.

Districts: Wanzhou, Kaizhou, Yunyang, Fengjie, Wushan, Wuxi, Zhongxian (渝东北).  Navel-orange growers
(奉节脐橙) sell to wholesalers, live-stream shops and many small buyers across China and pay pickers
many times in the harvest; Wushan lives on river cruises and tourism; many working-age people are
migrant workers in Guangdong, Zhejiang and Shanghai who send money home to left-behind parents and
children (留守老人/儿童); relocation (移民) compensation and rural subsidies land in old accounts;
hot-pot restaurants, small shops on personal QR codes, motorbike taxis and boat operators collect many
small payments; people buy cars and flats in Wanzhou with large first payments into dealers' and
developers' accounts, some newly opened; students at Wanzhou colleges open accounts at any time.

Fraud: telecom-fraud victims (across China; many left-behind elderly parents and students) pay
first-level mule accounts; money is layered through further levels (fast or slow) and cashed out at
ATMs far from where the cards were opened, or leaves to exit accounts.  Mules: fresh cards (some
opened days before use), cards opened weeks or months before use, old accounts rented out (出租出借,
some returned) or sold (买卖账户), 跑分 accounts of ordinary people who keep a commission and go on
living normally, and card farmers (一人多卡) opening many cards at many banks in several cities.

Some institutions supply data (their accounts have rows; each extract starts on its own day, earlier
history censored); others appear only as counterparties.

Variants: baseline = navel-orange harvest and sales season (late Nov - Dec);
V2 = mostly rented/sold old accounts (some returned), slow layering over hours to days, victims paying
many times (May - June, tourist season); V3 = Spring Festival (Jan - Feb): migrants home, large family
transfers, red packets, weddings, car and flat first payments to new accounts - a false-alarm stress
test with the same kinds of fraud.

Usage: python3 sanxia_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
Standard library only; deterministic for a given variant and seed.
"""
import argparse
import csv
import datetime as dt
import heapq
import math
import os
import random
import sys

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = 86400
HOUR = 3600
MIN = 60
NDAYS = 30

# --- places (GB/T 2260) ----------------------------------------------------------------------------
LOCAL = {  # code: (name, weight)
    "500101": ("万州区", 0.30), "500154": ("开州区", 0.17), "500235": ("云阳县", 0.14),
    "500236": ("奉节县", 0.14), "500233": ("忠县", 0.10), "500237": ("巫山县", 0.09),
    "500238": ("巫溪县", 0.06),
}
LOCAL_CODES = list(LOCAL)
LOCAL_W = [LOCAL[c][1] for c in LOCAL_CODES]
ORANGE_REGIONS = ["500236", "500236", "500236", "500235", "500237", "500101"]
WORK_REGIONS = ["440306", "440305", "441900", "440604", "440106", "440113", "330782", "330106",
                "330212", "330681", "310115", "310112", "310117", "320505"]  # GD / ZJ / SH / Suzhou
WORK_W = [8, 4, 9, 5, 4, 3, 5, 3, 3, 2, 4, 3, 2, 3]
CHINA = ["110105", "110108", "120104", "130102", "140105", "150102", "210102", "220102", "230102",
         "310115", "320106", "320505", "330106", "340104", "350206", "360111", "370102", "410105",
         "420106", "430104", "440106", "440304", "450103", "460106", "500103", "500112", "510107",
         "520102", "530102", "610113", "620102", "640104", "650102", "421181", "511702", "420502"]
CASHOUT = ["440304", "440306", "441900", "445202", "350582", "532801", "450103", "460106",
           "530102", "440106", "451402", "350206"]  # far from where the cards were opened
FARM_CITIES = ["500101", "500154", "420502", "420602", "430102", "430602", "320106", "320505",
               "511702", "510107", "500103", "360102", "450103", "421002"]
FARM_HOMES = ["421181", "421126", "450881", "431121", "522401", "360731", "532923", "511702"]

# --- institutions ------------------------------------------------------------------------------------
SUPPLY = ["CQRCB", "SXBANK", "CQBANK", "PSBC", "ABC", "CCB"]
BIN = {"CQRCB": "621461", "SXBANK": "623133", "CQBANK": "622177", "PSBC": "621799",
       "ABC": "622848", "CCB": "621700", "ICBC": "622202", "BOC": "621661", "CMB": "622588",
       "BOCOM": "622262", "CIB": "622909", "CITIC": "622690", "SPDB": "622521", "PAB": "622298",
       "HXB": "622632", "GDRCU": "621728", "HBRCU": "621977", "HNRCU": "621539", "GXRCU": "623217"}
CORP_PREFIX = {"CQRCB": "0301", "SXBANK": "1101", "CQBANK": "2301", "PSBC": "9500", "ABC": "3107",
               "CCB": "5005", "ICBC": "3100", "BOC": "1135", "CMB": "1239", "BOCOM": "5000",
               "CIB": "3460", "CITIC": "8111", "SPDB": "8301", "PAB": "1550", "HXB": "1045",
               "GDRCU": "8001", "HBRCU": "8201", "HNRCU": "8401", "GXRCU": "8601"}
NATIONAL_EXT = ["ICBC", "BOC", "CMB", "BOCOM", "CIB", "CITIC", "SPDB", "PAB", "HXB"]
NATIONAL_EXT_W = [10, 7, 8, 5, 4, 3, 3, 3, 2]
PAYFIRMS = ["ALIPAY", "TENPAY", "DYPAY"]

TYPO_AMT = {  # typology: (lo, hi) yuan of one payment, escalation factor
    "police_gov": (8000, 150000, 1.3), "accident_kidnap": (5000, 40000, 1.0),
    "subsidy_refund": (800, 15000, 1.2), "prize": (1000, 9000, 1.4), "phone_bill": (2000, 30000, 1.2),
    "brushing": (200, 6000, 2.0), "game_trade": (300, 4000, 1.5), "credit_record": (3000, 50000, 1.3),
    "shopping_service": (200, 3000, 1.1), "fake_job": (100, 900, 1.3), "loan_card": (500, 6000, 1.6),
    "investment": (5000, 120000, 1.5), "romance": (3000, 80000, 1.5),
    "leader_acquaintance": (5000, 60000, 1.0), "ecommerce_cs": (1000, 40000, 1.4),
    "military_purchase": (5000, 50000, 1.3),
}
TYPO_VICTIMS = {  # who is targeted: local archetypes
    "police_gov": ["elder", "retiree", "migrant"], "accident_kidnap": ["elder", "retiree"],
    "subsidy_refund": ["elder", "retiree", "local"], "prize": ["elder", "student"],
    "phone_bill": ["elder", "retiree"], "brushing": ["student", "migrant", "local"],
    "game_trade": ["student"], "credit_record": ["student", "local"], "shopping_service": ["student"],
    "fake_job": ["student", "migrant"], "loan_card": ["migrant", "local", "shopq"],
    "investment": ["local", "migrant", "retiree"], "romance": ["migrant", "local"],
    "leader_acquaintance": ["local", "shopq"], "ecommerce_cs": ["local", "student", "migrant"],
    "military_purchase": ["orchard", "shopq"],
}


def fmt_ts(base, sec):
    return (base + dt.timedelta(seconds=int(sec))).isoformat(timespec="seconds")


def fmt_amt(fen):
    return "%d.%02d" % (fen // 100, fen % 100)


def id_check(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(s17, w)) % 11]


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.r = random.Random("sanxia:%s:%d" % (variant, seed))
        start = {"baseline": dt.datetime(2024, 11, 25, tzinfo=TZ),
                 "V2": dt.datetime(2025, 5, 12, tzinfo=TZ),
                 "V3": dt.datetime(2025, 1, 14, tzinfo=TZ)}[variant]
        self.W0 = start
        self.WIN = NDAYS * DAY
        offs = [0, 1, 2, 3, 4, 5]
        self.r.shuffle(offs)
        self.extract = {b: o * DAY for b, o in zip(SUPPLY, offs)}
        self.acc = {}       # account id -> dict
        self.holders = {}   # holder id -> dict(kind, region, farmer)
        self.persons = []   # lawful people with accounts (dicts)
        self.tx = []        # (ts, frm, to, fen, channel, region, kind, memo, truth_kind)
        self.used_ids = set()
        self.labels_fraud_victims = []
        self.victim_payments = {}  # victim acc -> list of tx index
        self.rings = []
        self.farmers = []

    # --- random helpers -------------------------------------------------------------------------
    def pick_w(self, items, weights):
        return self.r.choices(items, weights)[0]

    def logn(self, median, sigma, lo=None, hi=None):
        v = median * math.exp(self.r.gauss(0, sigma))
        if lo is not None:
            v = max(lo, v)
        if hi is not None:
            v = min(hi, v)
        return v

    def fen(self, yuan, round_to=None):
        if round_to:
            yuan = max(round_to, round(yuan / round_to) * round_to)
        return max(1, int(round(yuan * 100)))

    def daytime(self, day, lo=8.0, hi=21.5):
        h = self.r.triangular(lo, hi, (lo + hi) / 2 + 1)
        return int(day * DAY + h * HOUR + self.r.randint(0, 59))

    def anytime(self, day):
        if self.r.random() < 0.25:
            h = self.r.uniform(0, 6.5)
        else:
            h = self.r.uniform(6.5, 24)
        return int(day * DAY + h * HOUR)

    # --- identities and accounts ---------------------------------------------------------------
    def new_person_id(self, region, age_lo=18, age_hi=80):
        while True:
            y = self.W0.year - self.r.randint(age_lo, age_hi)
            d = dt.date(y, 1, 1) + dt.timedelta(days=self.r.randint(0, 364))
            s17 = "%s%s%03d" % (region, d.strftime("%Y%m%d"), self.r.randint(1, 999))
            hid = s17 + id_check(s17)
            if hid not in self.holders:
                self.holders[hid] = {"kind": "person", "region": region, "farmer": 0, "age": self.W0.year - y}
                return hid

    def new_corp_id(self, region):
        alnum = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            hid = "91" + region + "".join(self.r.choice(alnum) for _ in range(10))
            if hid not in self.holders:
                self.holders[hid] = {"kind": "corp", "region": region, "farmer": 0, "age": 0}
                return hid

    def new_acc_id(self, bank, corp=False):
        while True:
            if bank == "ALIPAY":
                aid = "2088" + "".join(self.r.choice("0123456789") for _ in range(12))
            elif bank == "TENPAY":
                aid = ("wxm" if corp else "wxp") + "".join(self.r.choice("0123456789abcdef") for _ in range(16))
            elif bank == "DYPAY":
                aid = "DY" + "".join(self.r.choice("0123456789") for _ in range(14))
            elif corp:
                aid = CORP_PREFIX[bank] + "".join(self.r.choice("0123456789") for _ in range(14))
            else:
                aid = BIN[bank] + "".join(self.r.choice("0123456789") for _ in range(13))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def open_acc(self, holder, bank, opened, region, cls="I", role="lawful", arche="", corp=False,
                 farmer=0):
        aid = self.new_acc_id(bank, corp)
        self.acc[aid] = {"id": aid, "bank": bank, "holder": holder, "opened": int(opened),
                         "region": region, "cls": "corp" if corp else cls, "role": role,
                         "arche": arche, "farmer": farmer, "off": None, "labelled": 0}
        return aid

    def old_open(self, years_lo=1.0, years_hi=18.0):
        return -int(self.r.uniform(years_lo, years_hi) * 365 * DAY) - self.r.randint(0, DAY)

    def has_row(self, aid):
        return self.acc[aid]["bank"] in self.extract

    def ext_person_acc(self, region=None, arche="ext_person", supply_share=0.12, opened=None):
        """An account of somebody elsewhere in China; mostly at a bank that does not supply data."""
        region = region or self.r.choice(CHINA)
        hid = self.new_person_id(region, 20, 75)
        x = self.r.random()
        if x < supply_share:
            bank = self.r.choice(["ABC", "CCB", "PSBC"])
        elif x < supply_share + 0.3:
            bank = self.r.choice(["ALIPAY", "TENPAY"])
        else:
            bank = self.pick_w(NATIONAL_EXT, NATIONAL_EXT_W)
        cls = "III" if bank in PAYFIRMS else "I"
        return self.open_acc(hid, bank, opened if opened is not None else self.old_open(1, 15),
                             region, cls, "lawful", arche)

    # --- emit a movement ------------------------------------------------------------------------
    def emit(self, ts, frm, to, fen, channel="mobile", region="", kind="transfer", memo="",
             tk="ordinary"):
        ts = int(ts)
        if ts < 0 or ts >= self.WIN or fen <= 0:
            return False
        for a in (frm, to):
            if a is None:
                continue
            A = self.acc[a]
            if ts <= A["opened"] + 60:
                return False
            if tk == "ordinary" and A["off"] is not None and A["off"][0] <= ts < A["off"][1]:
                return False
        self.tx.append((ts, frm, to, int(fen), channel, region, kind, memo, tk))
        return True

    # --- lawful population ---------------------------------------------------------------------
    LOCAL_BANKS = ["CQRCB", "PSBC", "ABC", "CCB", "SXBANK", "CQBANK", "ICBC", "BOC", "CMB"]
    LOCAL_BANK_W = [30, 14, 14, 12, 8, 6, 8, 5, 3]

    def local_bank(self, rural=False):
        if rural:
            return self.pick_w(["CQRCB", "PSBC", "ABC", "CCB", "ICBC"], [50, 22, 16, 6, 6])
        return self.pick_w(self.LOCAL_BANKS, self.LOCAL_BANK_W)

    def add_person(self, arche, region=None, age=(25, 60)):
        region = region or self.pick_w(LOCAL_CODES, LOCAL_W)
        hid = self.new_person_id(region, *age)
        p = {"hid": hid, "arche": arche, "home": region, "accs": [], "main": None, "work": None,
             "home_at": None, "victim": None, "mule": None}
        self.persons.append(p)
        return p

    def give_acc(self, p, bank, opened, cls="I", region=None, main=False):
        aid = self.open_acc(p["hid"], bank, opened, region or p["home"], cls, "lawful", p["arche"])
        self.acc[aid]["person"] = p
        p["accs"].append(aid)
        if main or p["main"] is None:
            p["main"] = aid
        return aid

    def loc(self, p, ts):
        if p["work"] is None:
            return p["home"]
        h = p["home_at"]
        if h and h[0] <= ts < h[1]:
            return p["home"]
        return p["work"]

    def build_population(self):
        r = self.r
        v = self.variant
        n = {"elder": 1950, "retiree": 560, "migrant": 1950, "student": 980, "local": 1550,
             "orchard": 380, "picker": 650, "shopq": 430, "moto": 200, "boat": 80, "landlord": 130,
             "streamer": 70, "returner": 60}
        if v == "V3":
            n["returner"] = 380
            n["migrant"] = 1800
        if v == "V2":
            n["boat"] = 120
        n = {k: int(round(c * 1.06)) for k, c in n.items()}
        self.by = {k: [] for k in n}
        for arche, cnt in n.items():
            for _ in range(cnt):
                if arche in ("elder", "retiree"):
                    p = self.add_person(arche, age=(60, 85) if arche == "elder" else (56, 78))
                elif arche == "student":
                    p = self.add_person(arche, region=self.pick_w(LOCAL_CODES + ["510107", "500112", "420106", "511702"],
                                                                  LOCAL_W + [0.05, 0.05, 0.03, 0.04]), age=(18, 22))
                elif arche in ("orchard", "picker"):
                    p = self.add_person(arche, region=r.choice(ORANGE_REGIONS), age=(30, 70))
                elif arche == "boat":
                    p = self.add_person(arche, region=r.choice(["500237", "500237", "500236", "500235", "500101"]))
                else:
                    p = self.add_person(arche, age=(20, 58))
                self.by[arche].append(p)
                self.make_accounts(p)
        # family links
        elders = self.by["elder"] + self.by["retiree"]
        for m in self.by["migrant"] + self.by["returner"]:
            m["parent"] = r.choice(elders)
            m["child"] = r.choice(self.by["student"]) if r.random() < 0.25 else None
            m["kin"] = [r.choice(self.by["migrant"]) for _ in range(r.randint(0, 3))]
        for s in self.by["student"]:
            s["friends"] = [r.choice(self.by["student"]) for _ in range(r.randint(2, 6))]
        for p in self.by["local"] + self.by["shopq"] + self.by["moto"] + self.by["landlord"]:
            p["friends"] = [r.choice(self.by["local"]) for _ in range(r.randint(2, 6))]
            p["parent"] = r.choice(elders) if r.random() < 0.4 else None

    def make_accounts(self, p):
        r = self.r
        a = p["arche"]
        rural = a in ("elder", "orchard", "picker", "boat")
        if a == "student":
            y = self.W0.year if self.W0.month >= 9 else self.W0.year - 1
            start = dt.datetime(y - r.choice([0, 0, 1, 2]), 9, r.randint(1, 20), 10, tzinfo=TZ)
            op = int((start - self.W0).total_seconds())
            if r.random() < 0.08:
                op = r.randint(0, self.WIN - 3 * DAY)   # a new card in the window (part-time job, campus)
            self.give_acc(p, r.choice(["CCB", "SXBANK", "CQBANK", "ICBC", "ABC"]), op, r.choice(["I", "II"]),
                          region="500101", main=True)
            if r.random() < 0.4:
                self.give_acc(p, self.local_bank(True), self.old_open(1, 8))
            return
        if a == "migrant" or a == "returner":
            p["work"] = self.pick_w(WORK_REGIONS, WORK_W)
            home_acc = self.give_acc(p, self.local_bank(True), self.old_open(3, 15))
            if r.random() < 0.8:
                wb = self.pick_w(["ICBC", "CMB", "BOC", "CCB", "ABC", "PAB"], [30, 20, 12, 18, 12, 8])
                self.give_acc(p, wb, self.old_open(1, 8), region=p["work"], main=True)
            else:
                p["main"] = home_acc
            if a == "returner":
                # came home in the window and opened a local account (new job, house, car)
                d = r.uniform(1, 22)
                p["home_at"] = (int(d * DAY) - DAY, self.WIN + DAY)
                p["newacc"] = self.give_acc(p, r.choice(["CQRCB", "SXBANK", "CQBANK", "CCB"]), int(d * DAY) + 10 * HOUR,
                                            "I", region=r.choice(["500101", p["home"]]))
                if r.random() < 0.3:
                    self.give_acc(p, r.choice(["PSBC", "ABC"]), int(d * DAY) + r.randint(1, 5) * DAY, "II")
            elif self.variant == "V3" and r.random() < 0.72:
                arr = r.uniform(2, 13)
                p["home_at"] = (int(arr * DAY), int((arr + r.uniform(9, 20)) * DAY))
            elif r.random() < 0.03:
                arr = r.uniform(0, 25)
                p["home_at"] = (int(arr * DAY), int((arr + r.uniform(2, 6)) * DAY))
            return
        self.give_acc(p, self.local_bank(rural), self.old_open(2, 20), main=True)
        extra = {"elder": 0.3, "retiree": 0.7, "local": 0.9, "orchard": 0.8, "picker": 0.15,
                 "shopq": 0.8, "moto": 0.3, "boat": 0.5, "landlord": 1.0, "streamer": 1.0}[a]
        while r.random() < extra and len(p["accs"]) < 4:
            op = self.old_open(0.1, 12)
            if a == "local" and r.random() < 0.04:
                op = r.randint(0, self.WIN - 2 * DAY)    # new job: salary card opened in the window
            self.give_acc(p, self.local_bank(), op, r.choice(["I", "I", "II"]))
            extra *= 0.45
        if a in ("shopq", "streamer", "orchard"):
            p["collect"] = p["accs"][-1] if len(p["accs"]) > 1 else p["main"]
        if a == "local":
            p["salary_acc"] = p["accs"][-1]

    def add_corp(self, kind, region, bank=None, opened=None, name=""):
        hid = self.new_corp_id(region)
        bank = bank or self.pick_w(["CQRCB", "SXBANK", "CQBANK", "CCB", "ABC", "ICBC", "BOC", "PSBC"],
                                   [22, 14, 12, 14, 12, 10, 6, 6])
        aid = self.open_acc(hid, bank, opened if opened is not None else self.old_open(1, 20), region,
                            "corp", "lawful", kind, corp=True)
        c = {"hid": hid, "kind": kind, "region": region, "acc": aid, "w": self.r.paretovariate(1.3)}
        self.acc[aid]["corpinfo"] = c
        return c

    def build_corps(self):
        r = self.r
        self.corps = {}
        reg = lambda: self.pick_w(LOCAL_CODES, LOCAL_W)
        def many(kind, cnt, region_fn=reg, **kw):
            self.corps[kind] = [self.add_corp(kind, region_fn(), **kw) for _ in range(cnt)]
        many("hotpot", 130)
        many("store", 140)
        many("supplier", 45)
        many("coop", 26, lambda: r.choice(ORANGE_REGIONS))
        many("packaging", 14, lambda: r.choice(ORANGE_REGIONS))
        many("employer", 90)
        many("college", 4, lambda: "500101")
        many("hospital", 8)
        many("gov", 7, lambda: r.choice(LOCAL_CODES))
        many("utility", 4, lambda: "500101", bank="CCB")
        many("dealer", 16, lambda: "500101")
        many("developer", 9, lambda: r.choice(["500101", "500101", "500154", "500235"]))
        many("cruise", 5, lambda: r.choice(["500237", "500101", "500236"]))
        many("hotel", 30, lambda: r.choice(["500237", "500237", "500236", "500101", "500235"]))
        many("loancentre", 6, lambda: "500101")
        self.corps["gov"] = [dict(c, region=code) for c, code in zip(self.corps["gov"], LOCAL_CODES)]
        # new collection accounts opened inside the window: dealers, developers, a new shop
        nnew = {"baseline": 6, "V2": 5, "V3": 14}[self.variant]
        self.corps["newcoll"] = []
        for i in range(nnew):
            base = r.choice(self.corps["dealer"] + self.corps["developer"])
            op = r.randint(0, self.WIN - 6 * DAY) if i % 3 else -r.randint(2, 20) * DAY
            aid = self.open_acc(base["hid"], r.choice(["CQRCB", "SXBANK", "CCB", "ABC"]), op, "500101", "corp",
                                "lawful", base["kind"] + "_new_collection", corp=True)
            c = dict(base, acc=aid, kind=base["kind"])
            self.acc[aid]["corpinfo"] = c
            self.corps["newcoll"].append(c)
        for i in range(r.randint(5, 9)):
            op = r.randint(0, self.WIN - 8 * DAY)
            c = self.add_corp("store", reg(), opened=op)
            self.acc[c["acc"]]["arche"] = "new_shop"
            self.corps["store"].append(c)
        # external: wholesalers, platforms, factories, merchants in work cities
        ext = lambda: self.pick_w(NATIONAL_EXT + ["CCB", "ABC"], NATIONAL_EXT_W + [4, 3])
        self.corps["wholesaler"] = [self.add_corp("wholesaler", r.choice(CHINA), bank=ext()) for _ in range(130)]
        self.corps["platform"] = [self.add_corp("platform", "110105", bank=b) for b in ("DYPAY", "ALIPAY", "TENPAY")]
        self.corps["logistics"] = [self.add_corp("logistics", r.choice(["440304", "500101", "110105"]), bank=ext()) for _ in range(6)]
        self.corps["factory"] = {}
        self.corps["extshop"] = {}
        for w in WORK_REGIONS:
            self.corps["factory"][w] = [self.add_corp("factory", w, bank=ext()) for _ in range(12)]
            self.corps["extshop"][w] = [self.add_corp("extshop", w, bank=ext()) for _ in range(18)]
        self.corps["online"] = [self.add_corp("online", r.choice(["330106", "110105", "310115"]), bank=r.choice(["ALIPAY", "TENPAY", "CMB"])) for _ in range(10)]
        # merchants by district (corps and personal QR shops)
        self.merch = {c: [] for c in LOCAL_CODES}
        for kind in ("hotpot", "store", "hotel"):
            for c in self.corps[kind]:
                self.merch[c["region"]].append((c["acc"], kind, c["w"]))
        for p in self.by["shopq"]:
            self.merch[p["home"]].append((p["collect"], "shopq", self.r.paretovariate(1.5)))
        for p in self.by["moto"]:
            self.merch[p["home"]].append((p["main"], "moto", 0.6))
        self.merch_w = {c: [m[2] for m in self.merch[c]] for c in LOCAL_CODES}
        # employers of locals
        for p in self.by["local"]:
            p["employer"] = r.choice(self.corps["employer"] + self.corps["hospital"] + self.corps["college"])

    # --- lawful activity -----------------------------------------------------------------------
    def pacc(self, p, main_share=0.8):
        if self.r.random() < main_share or len(p["accs"]) == 1:
            return p["main"]
        return self.r.choice(p["accs"])

    def paydays(self, dom):
        out = []
        for d in range(NDAYS):
            if (self.W0 + dt.timedelta(days=d)).day == dom:
                out.append(d)
        return out

    def merchant_for(self, p, ts):
        where = self.loc(p, ts)
        if where in self.merch and self.merch[where]:
            return self.r.choices(self.merch[where], self.merch_w[where])[0], where
        shops = self.corps["extshop"].get(where) or self.corps["online"]
        return (self.r.choice(shops)["acc"], "extshop", 1), where

    SPEND_AMT = {"hotpot": (160, 0.6), "store": (45, 0.9), "hotel": (320, 0.5), "shopq": (28, 0.9),
                 "moto": (10, 0.4), "extshop": (60, 0.9)}

    def act_spending(self):
        r = self.r
        rate = {"elder": 3, "retiree": 8, "migrant": 10, "student": 17, "local": 15, "orchard": 8,
                "picker": 5, "shopq": 6, "moto": 6, "boat": 6, "landlord": 9, "streamer": 10, "returner": 12}
        v3 = self.variant == "V3"
        vf = {"baseline": 0.88, "V2": 1.06, "V3": 0.84}[self.variant]
        for p in self.persons:
            k = rate[p["arche"]] * vf
            cnt = max(0, int(r.gauss(k, k * 0.4)))
            if v3 and p["arche"] in ("migrant", "returner", "local"):
                cnt = int(cnt * 1.15)
            for _ in range(cnt):
                ts = self.daytime(r.randrange(NDAYS), 7, 22.8)
                (macc, mk, _w), where = self.merchant_for(p, ts)
                med, sg = self.SPEND_AMT[mk]
                y = self.logn(med, sg, 2, 5000)
                ch = "pos" if mk in ("hotel", "hotpot", "store") and r.random() < 0.4 else "mobile"
                self.emit(ts, self.pacc(p), macc, self.fen(y), ch, where)
            # online shopping
            for _ in range(r.randint(0, 1 if p["arche"] in ("elder", "picker") else 3)):
                ts = self.daytime(r.randrange(NDAYS), 8, 23.5)
                self.emit(ts, self.pacc(p), r.choice(self.corps["online"])["acc"],
                          self.fen(self.logn(80, 0.9, 3, 6000)), "online", self.loc(p, ts))

    def act_income(self):
        r = self.r
        d_local = self.paydays(10) + self.paydays(15)
        for p in self.by["local"]:
            emp = p["employer"]
            day = r.choice(d_local) if d_local else 5
            amt = self.logn(5200, 0.3, 2600, 20000)
            self.emit(day * DAY + 9 * HOUR + r.randint(0, 7200), emp["acc"], p.get("salary_acc", p["main"]),
                      self.fen(amt), "other", emp["region"], memo="工资")
        d_mig = self.paydays(r.choice([5, 10, 25])) or [12]
        for p in self.by["migrant"] + self.by["returner"]:
            if p["arche"] == "returner" and r.random() < 0.5:
                continue
            f = r.choice(self.corps["factory"][p["work"]])
            day = r.choice(d_mig)
            self.emit(day * DAY + 10 * HOUR + r.randint(0, 7200), f["acc"], p["main"],
                      self.fen(self.logn(7200, 0.3, 3500, 25000)), "other", p["work"], memo="工资")
        d_pen = self.paydays(20) or [20]
        for p in self.by["retiree"]:
            gov = self.corps["gov"][LOCAL_CODES.index(p["home"])]
            self.emit(d_pen[0] * DAY + 8 * HOUR + r.randint(0, 3600), gov["acc"], p["main"],
                      self.fen(self.logn(3100, 0.25, 1500, 8000)), "other", p["home"], memo="养老金")
        for p in self.by["elder"]:
            gov = self.corps["gov"][LOCAL_CODES.index(p["home"])]
            ts = d_pen[0] * DAY + 8 * HOUR + r.randint(0, 3600)
            self.emit(ts, gov["acc"], p["main"], self.fen(r.choice([158, 175, 188, 205, 230])), "other",
                      p["home"], memo="城乡居民养老金")
            if r.random() < 0.45:
                self.emit(ts + r.randint(0, 5 * HOUR), gov["acc"], p["main"], self.fen(r.choice([150, 150, 300, 600])),
                          "other", p["home"], memo="移民后期扶持")
            if r.random() < 0.12:
                self.emit(self.daytime(r.randrange(NDAYS), 9, 17), gov["acc"], p["main"],
                          self.fen(r.choice([420, 860, 1200, 2400])), "other", p["home"], memo="耕地地力补贴")
            if r.random() < 0.5:  # cash at the local ATM or counter after pension/remittance
                for _ in range(r.randint(1, 2)):
                    self.emit(self.daytime(r.randrange(NDAYS), 8, 17), p["main"], None,
                              self.fen(r.choice([200, 300, 500, 800, 1000, 2000])), r.choice(["atm", "counter"]),
                              p["home"], kind="withdrawal")
        # relocation compensation paid into old accounts (large, into elderly accounts)
        for p in r.sample(self.by["elder"], 40):
            gov = self.corps["gov"][LOCAL_CODES.index(p["home"])]
            ts = self.daytime(r.randrange(NDAYS), 9, 16)
            amt = self.fen(self.logn(60000, 0.6, 15000, 300000), 1)
            if self.emit(ts, gov["acc"], p["main"], amt, "other", p["home"], memo="移民安置补偿款"):
                for _ in range(r.randint(0, 2)):
                    kid = r.choice(self.by["migrant"])
                    self.emit(ts + r.randint(DAY, 8 * DAY), p["main"], kid["main"],
                              self.fen(r.choice([10000, 20000, 30000, 50000])), "counter", p["home"], memo="给儿子")
        # students: part-time pay, scholarships
        for p in r.sample(self.by["student"], 250):
            src = r.choice(self.corps["store"] + self.corps["hotpot"] + self.corps["college"])
            self.emit(self.daytime(r.randrange(NDAYS), 9, 20), src["acc"], p["main"],
                      self.fen(self.logn(900, 0.5, 200, 5000)), "mobile", "500101",
                      memo=r.choice(["兼职工资", "奖学金", "助学金", ""]))

    def act_family(self):
        r = self.r
        v3 = self.variant == "V3"
        for m in self.by["migrant"] + self.by["returner"]:
            par = m["parent"]
            k = r.choice([1, 1, 2, 2, 3])
            for _ in range(k):
                ts = self.daytime(r.randrange(NDAYS), 8, 23)
                amt = self.fen(r.choice([500, 800, 1000, 1000, 1500, 2000, 3000]))
                if v3 and r.random() < 0.5:
                    amt = self.fen(r.choice([2000, 3000, 5000, 6000, 8800, 10000]))
                self.emit(ts, self.pacc(m), par["main"], amt, "mobile", self.loc(m, ts),
                          memo=r.choice(["生活费", "给爸妈", "", "孩子学费", "过年钱"] if v3 else ["生活费", "给爸妈", "", "孩子学费"]))
            if m.get("child"):
                ts = self.daytime(r.randrange(NDAYS), 8, 23)
                self.emit(ts, self.pacc(m), m["child"]["main"], self.fen(r.choice([1200, 1500, 1800, 2000, 2500])),
                          "mobile", self.loc(m, ts), memo="生活费")
            if len(m["accs"]) > 1 and r.random() < 0.45:   # moving money between own cards
                ts = self.daytime(r.randrange(NDAYS), 8, 23)
                a, b = m["accs"][0], m["accs"][1]
                if r.random() < 0.7:
                    a, b = b, a
                self.emit(ts, a, b, self.fen(self.logn(6000, 0.7, 500, 80000), 100), "mobile", self.loc(m, ts))
            for k2 in m["kin"]:
                if r.random() < (0.5 if v3 else 0.15):
                    ts = self.daytime(r.randrange(NDAYS), 8, 23)
                    self.emit(ts, self.pacc(m), k2["main"], self.fen(r.choice([200, 500, 1000, 2000, 5000])),
                              "mobile", self.loc(m, ts), memo=r.choice(["", "还你的", "红包"]))
        # elderly pass money on to grandchildren in college
        for s in self.by["student"]:
            if r.random() < 0.35:
                giver = r.choice(self.by["elder"] + self.by["retiree"] + self.by["local"])
                ts = self.daytime(r.randrange(NDAYS), 8, 21)
                self.emit(ts, giver["main"], s["main"], self.fen(r.choice([300, 500, 800, 1000, 1500])), "mobile",
                          giver["home"], memo="生活费")
        # family pooling for a parent's hospital bill
        for _ in range(30 if not v3 else 45):
            sibs = r.sample(self.by["migrant"] + self.by["local"], r.randint(2, 5))
            dest = sibs[0]
            ts = self.daytime(r.randrange(NDAYS - 3), 8, 22)
            tot = 0
            for s in sibs[1:]:
                a = self.fen(r.choice([3000, 5000, 8000, 10000, 20000]))
                if self.emit(ts + r.randint(0, 20 * HOUR), self.pacc(s), dest["main"], a, "mobile", self.loc(s, ts), memo="妈住院"):
                    tot += a
            if tot:
                hos = r.choice(self.corps["hospital"])
                self.emit(ts + r.randint(DAY, 3 * DAY), dest["main"], hos["acc"], tot + self.fen(r.randint(1000, 8000)),
                          "pos", hos["region"], memo="住院押金")
        # friends: AA sharing, small loans, red packets
        groups = self.by["student"] + self.by["local"] + self.by["shopq"] + self.by["moto"] + self.by["landlord"]
        for p in groups:
            fr = p.get("friends") or []
            if not fr:
                continue
            n_aa = r.choice([0, 1, 1, 2, 3]) if p["arche"] == "student" else r.choice([0, 0, 1, 1, 2])
            for _ in range(n_aa):
                ts = self.daytime(r.randrange(NDAYS), 11, 22)
                (macc, mk, _), where = self.merchant_for(p, ts)
                bill = self.logn(300, 0.5, 60, 2000)
                if not self.emit(ts, self.pacc(p), macc, self.fen(bill), "mobile", where):
                    continue
                part = r.sample(fr, min(len(fr), r.randint(1, 5)))
                share = bill / (len(part) + 1)
                for f in part:
                    self.emit(ts + r.randint(5 * MIN, 30 * HOUR), self.pacc(f), self.pacc(p), self.fen(share),
                              "mobile", where, memo="AA")
            if r.random() < (0.6 if v3 else 0.25):
                f = r.choice(fr)
                ts = self.daytime(r.randrange(NDAYS), 8, 23.5)
                amt = r.choice([66, 88, 100, 188, 200, 520, 666, 888, 1000, 1314]) if v3 else r.choice([50, 100, 200, 300, 500, 1000, 2000])
                self.emit(ts, self.pacc(p), f["main"], self.fen(amt), "mobile", self.loc(p, ts),
                          memo="红包" if v3 else r.choice(["", "借你的", "还钱"]))

    def act_housing_bills(self):
        r = self.r
        landl = self.by["landlord"]
        for p in self.by["student"] + self.by["local"] + self.by["returner"]:
            if r.random() < (0.3 if p["arche"] == "student" else 0.22):
                l = r.choice(landl)
                ts = self.daytime(r.randrange(NDAYS), 8, 22)
                self.emit(ts, self.pacc(p), l["main"], self.fen(r.choice([500, 600, 800, 1000, 1200, 1500, 1800])),
                          "mobile", "500101", memo="房租")
        for p in self.by["local"] + self.by["retiree"] + self.by["shopq"] + self.by["landlord"]:
            if r.random() < 0.55:
                ut = r.choice(self.corps["utility"])
                self.emit(self.daytime(r.randrange(NDAYS), 8, 22), self.pacc(p), ut["acc"],
                          self.fen(self.logn(150, 0.5, 20, 1200)), "online", p["home"], memo="电费")
            if r.random() < 0.28:
                lc = r.choice(self.corps["loancentre"])
                self.emit(self.daytime(r.randrange(NDAYS), 0, 23), self.pacc(p), lc["acc"],
                          self.fen(self.logn(3000, 0.4, 800, 12000)), "other", p["home"], memo="房贷还款")
        # landlords move rent to their other account, withdraw cash
        for l in landl:
            if len(l["accs"]) > 1:
                self.emit(self.daytime(r.randrange(10, NDAYS), 9, 20), l["accs"][0], l["accs"][1],
                          self.fen(self.logn(8000, 0.5, 1000, 50000), 100), "mobile", l["home"])

    def act_business(self):
        r = self.r
        sup = self.corps["supplier"] + r.sample(self.corps["wholesaler"], 20)
        staff_pool = self.by["local"] + self.by["picker"] + self.by["student"]
        wage_days = self.paydays(5) + self.paydays(15) or [15]
        for kind in ("hotpot", "store", "hotel", "cruise"):
            for c in self.corps[kind]:
                for _ in range(r.randint(2, 7)):
                    s = r.choice(sup)
                    self.emit(self.daytime(r.randrange(NDAYS), 8, 18), c["acc"], s["acc"],
                              self.fen(self.logn(9000, 0.7, 800, 150000)), "online", c["region"], memo="货款")
                day = r.choice(wage_days)
                for _ in range(r.randint(2, 9 if kind != "cruise" else 25)):
                    st = r.choice(staff_pool)
                    self.emit(day * DAY + 10 * HOUR + r.randint(0, 5 * HOUR), c["acc"], st["main"],
                              self.fen(self.logn(3800, 0.25, 2000, 9000)), "online", c["region"], memo="工资")
        for p in self.by["shopq"]:
            for _ in range(r.randint(1, 5)):
                s = r.choice(sup)
                self.emit(self.daytime(r.randrange(NDAYS), 7, 19), p["collect"], s["acc"],
                          self.fen(self.logn(3500, 0.7, 300, 40000)), "mobile", p["home"], memo="进货")
            if r.random() < 0.5:  # cash takings deposited at the counter
                for _ in range(r.randint(1, 4)):
                    self.emit(self.daytime(r.randrange(NDAYS), 9, 17), None, p["collect"],
                              self.fen(self.logn(2500, 0.6, 200, 20000), 10), "counter", p["home"], kind="deposit")
            if len(p["accs"]) > 1 and r.random() < 0.6:
                self.emit(self.daytime(r.randrange(NDAYS), 18, 23), p["collect"], p["main"],
                          self.fen(self.logn(6000, 0.6, 500, 50000), 100), "mobile", p["home"])
        for c in self.corps["store"][:60]:
            for _ in range(r.randint(0, 4)):
                self.emit(self.daytime(r.randrange(NDAYS), 9, 17), None, c["acc"],
                          self.fen(self.logn(8000, 0.6, 500, 60000), 10), "counter", c["region"], kind="deposit")
        # suppliers and colleges pay each other / utilities
        for c in self.corps["supplier"] + self.corps["college"] + self.corps["hospital"]:
            for _ in range(r.randint(1, 4)):
                dst = r.choice(self.corps["wholesaler"] + self.corps["utility"] + self.corps["logistics"])
                self.emit(self.daytime(r.randrange(NDAYS), 9, 17), c["acc"], dst["acc"],
                          self.fen(self.logn(30000, 0.8, 2000, 800000)), "online", c["region"])
        # students pay the college canteen
        cols = self.corps["college"]
        for s in self.by["student"]:
            for _ in range(r.randint(2, 9)):
                c = r.choice(cols)
                self.emit(self.daytime(r.randrange(NDAYS), 7, 20), self.pacc(s, 0.9), c["acc"],
                          self.fen(r.choice([50, 100, 100, 200, 300])), "mobile", "500101", memo="饭卡充值")
        # motorbike taxis and boat operators: small fares; they buy fuel
        locals_ = self.by["local"] + self.by["elder"] + self.by["student"]
        for p in self.by["moto"] + self.by["boat"]:
            for _ in range(int(r.gauss(35, 12))):
                payer = r.choice(locals_)
                self.emit(self.daytime(r.randrange(NDAYS), 6, 22), self.pacc(payer), p["main"],
                          self.fen(r.choice([5, 6, 8, 10, 10, 12, 15, 20, 30]) * (3 if p["arche"] == "boat" else 1)),
                          "mobile", p["home"])
            s = r.choice(self.corps["store"])
            self.emit(self.daytime(r.randrange(NDAYS), 7, 19), p["main"], s["acc"],
                      self.fen(self.logn(300, 0.5, 50, 3000)), "mobile", p["home"], memo="加油")

    def act_oranges(self):
        r = self.r
        sf = {"baseline": 1.0, "V2": 0.15, "V3": 0.55}[self.variant]
        pickers = self.by["picker"] + r.sample(self.by["elder"], 300)
        buyers = [self.ext_person_acc(arche="orange_buyer") for _ in range(int(2500 * sf) + 80)]
        for o in self.by["orchard"]:
            coll = o["collect"]
            # many small buyers across China
            for _ in range(int(r.gauss(32, 12) * sf)):
                b = r.choice(buyers)
                self.emit(self.daytime(r.randrange(NDAYS), 7, 23.5), b, coll,
                          self.fen(r.choice([39.9, 59, 68, 88, 99, 128, 158, 198, 260, 360])), "mobile",
                          self.acc[b]["region"], memo=r.choice(["脐橙", "橙子10斤", "奉节脐橙", ""]))
            # wholesalers, few and large
            for _ in range(int(r.gauss(3.5, 1.5) * sf + r.random())):
                w = r.choice(self.corps["wholesaler"])
                self.emit(self.daytime(r.randrange(NDAYS), 8, 20), w["acc"], coll,
                          self.fen(self.logn(45000, 0.7, 5000, 400000), 10), "online", w["region"], memo="脐橙货款")
            # pickers paid many times during the harvest
            crew = r.sample(pickers, r.randint(3, 10))
            pdays = sorted(r.sample(range(NDAYS), max(1, int(r.randint(6, 15) * sf))))
            for d in pdays:
                for pk in crew:
                    if r.random() < 0.75:
                        self.emit(d * DAY + r.randint(17, 20) * HOUR + r.randint(0, 3599), self.pacc(o), pk["main"],
                                  self.fen(r.choice([120, 130, 150, 150, 160, 180, 200, 220])), "mobile", o["home"],
                                  memo="摘果工钱")
            for _ in range(int(r.randint(1, 4) * sf + 0.5)):
                c = r.choice(self.corps["packaging"] + self.corps["logistics"])
                self.emit(self.daytime(r.randrange(NDAYS), 8, 18), coll, c["acc"],
                          self.fen(self.logn(6000, 0.7, 500, 80000)), "mobile", o["home"],
                          memo=r.choice(["纸箱", "快递费", "化肥"]))
        # co-operatives: wholesalers and supermarkets pay, members are paid
        members = self.by["orchard"] + self.by["picker"]
        for c in self.corps["coop"]:
            for _ in range(int(r.randint(4, 14) * sf) + 1):
                w = r.choice(self.corps["wholesaler"])
                self.emit(self.daytime(r.randrange(NDAYS), 8, 20), w["acc"], c["acc"],
                          self.fen(self.logn(120000, 0.6, 10000, 1500000), 100), "online", w["region"], memo="货款")
            for _ in range(int(r.randint(8, 30) * sf) + 1):
                m = r.choice(members)
                self.emit(self.daytime(r.randrange(NDAYS), 9, 18), c["acc"], m["main"],
                          self.fen(self.logn(9000, 0.7, 500, 120000)), "online", c["region"], memo="交售款")
        # live-stream shops: platform settlements, buyers, paying growers
        dy = self.corps["platform"][0]["acc"]
        for s in self.by["streamer"] + r.sample(self.by["orchard"], 40):
            coll = s.get("collect", s["main"])
            for d in range(NDAYS):
                if r.random() < 0.7 * sf + 0.1:
                    self.emit(d * DAY + r.randint(1, 4) * HOUR + r.randint(0, 1800), dy, coll, self.fen(self.logn(4000, 0.8, 100, 120000)),
                              "other", "110105", memo="抖音小店结算")
            for _ in range(int(r.gauss(20, 8) * sf)):
                b = r.choice(buyers)
                self.emit(self.daytime(r.randrange(NDAYS), 8, 23.5), b, coll,
                          self.fen(r.choice([49.9, 69, 99, 129, 199])), "mobile", self.acc[b]["region"])
            if s["arche"] == "streamer":
                for _ in range(int(r.randint(3, 10) * sf) + 1):
                    o = r.choice(self.by["orchard"])
                    self.emit(self.daytime(r.randrange(NDAYS), 8, 21), coll, o["collect"],
                              self.fen(self.logn(12000, 0.6, 1000, 150000)), "mobile", s["home"], memo="橙子货款")
                for _ in range(int(r.randint(2, 6) * sf) + 1):
                    c = r.choice(self.corps["logistics"])
                    self.emit(self.daytime(r.randrange(NDAYS), 8, 21), coll, c["acc"],
                              self.fen(self.logn(5000, 0.6, 300, 60000)), "online", s["home"], memo="快递费")

    def act_tourism(self):
        r = self.r
        tf = {"baseline": 0.6, "V2": 1.3, "V3": 0.8}[self.variant]
        wushan = ["500237", "500236"]
        boats = self.by["boat"]
        cruises = self.corps["cruise"]
        hotels = [c for c in self.corps["hotel"] if c["region"] in wushan] or self.corps["hotel"]
        food = [m for reg in wushan for m in self.merch[reg]]
        for _ in range(int(1300 * tf)):
            t = self.ext_person_acc(arche="tourist", supply_share=0.1)
            d = r.randrange(NDAYS - 2)
            if r.random() < 0.55:
                c = r.choice(cruises)
                self.emit(self.daytime(d, 8, 23), t, c["acc"], self.fen(self.logn(1800, 0.6, 300, 15000)),
                          "online", self.acc[t]["region"], memo="三峡游轮船票")
            if r.random() < 0.6:
                h = r.choice(hotels)
                self.emit(self.daytime(d + 1, 12, 23), t, h["acc"], self.fen(self.logn(380, 0.5, 100, 3000)),
                          "pos", h["region"])
            for _ in range(r.randint(0, 3)):
                if food:
                    m = r.choice(food)
                    self.emit(self.daytime(d + r.randint(0, 1), 9, 22), t, m[0],
                              self.fen(self.logn(self.SPEND_AMT[m[1]][0], 0.6, 5, 3000)), "mobile", "500237")
            if boats and r.random() < 0.4:
                b = r.choice(boats)
                self.emit(self.daytime(d + r.randint(0, 1), 8, 18), t, b["main"],
                          self.fen(r.choice([60, 80, 100, 120, 150, 200, 300])), "mobile", b["home"], memo="小三峡船票")

    def dest_for(self, kind, ts):
        """A dealer's or developer's collection account; new ones when they exist at ts."""
        r = self.r
        new = [c for c in self.corps["newcoll"] if c["kind"] == kind and self.acc[c["acc"]]["opened"] < ts - HOUR]
        if new and r.random() < 0.55:
            return r.choice(new)
        return r.choice(self.corps[kind])

    def act_big_purchases(self):
        r = self.r
        v3 = self.variant == "V3"
        ncar, nflat, nwed = {"baseline": (45, 16, 14), "V2": (40, 14, 22), "V3": (210, 80, 70)}[self.variant]
        buyers = self.by["returner"] * 2 + self.by["local"] + (self.by["migrant"] if v3 else self.by["migrant"][:200])
        for i in range(ncar + nflat):
            flat = i >= ncar
            p = r.choice(buyers)
            d = r.uniform(1, NDAYS - 2)
            if p.get("home_at"):
                d = max(d, p["home_at"][0] / DAY + 1)
            ts = int(d * DAY)
            pay_acc = p.get("newacc") or self.pacc(p)
            total = self.logn(150000 if not flat else 300000, 0.5, 30000, 1200000)
            # family pooling and own-account moves first
            if r.random() < 0.6:
                givers = [p["parent"]] if p.get("parent") else []
                givers += (p.get("kin") or [])[:2]
                for g in givers:
                    self.emit(ts - r.randint(2 * HOUR, 3 * DAY), self.pacc(g), pay_acc,
                              self.fen(r.choice([20000, 30000, 50000, 80000, 100000])), r.choice(["counter", "mobile"]),
                              g["home"], memo=r.choice(["买车", "首付", "买房", ""]))
            other = [a for a in p["accs"] if a != pay_acc]
            if other:
                self.emit(ts - r.randint(HOUR, 2 * DAY), other[0], pay_acc,
                          self.fen(total * r.uniform(0.3, 0.9), 100), "mobile", self.loc(p, ts))
            c = self.dest_for("developer" if flat else "dealer", ts)
            if r.random() < 0.6:
                self.emit(ts - r.randint(DAY, 5 * DAY), pay_acc, c["acc"],
                          self.fen(r.choice([5000, 10000, 20000, 50000])), "pos", "500101", memo="定金")
            first = total * (r.uniform(0.25, 0.4) if flat else r.uniform(0.3, 1.0))
            self.emit(ts + r.randint(9 * HOUR, 17 * HOUR), pay_acc, c["acc"], self.fen(first, 100),
                      r.choice(["pos", "counter", "online"]), "500101", memo="首付款" if flat else "购车款")
        # weddings: many guests pay the couple; the couple pays the hotel
        guests_pool = self.by["local"] + self.by["migrant"] + self.by["elder"] + self.by["returner"]
        for _ in range(nwed):
            cp = r.choice(self.by["local"] + self.by["returner"] + self.by["migrant"])
            d = r.randrange(2, NDAYS - 1)
            acc = cp.get("newacc") or self.pacc(cp)
            tot = 0
            for _ in range(r.randint(25, 90)):
                g = r.choice(guests_pool)
                ts = d * DAY + r.randint(-DAY, int(0.9 * DAY))
                a = self.fen(r.choice([200, 300, 500, 600, 666, 800, 888, 1000, 1000, 2000]))
                if self.emit(ts, self.pacc(g), acc, a, "mobile", cp["home"], memo=r.choice(["份子钱", "新婚快乐", "随礼", ""])):
                    tot += a
            h = r.choice(self.corps["hotel"])
            self.emit(d * DAY + r.randint(20 * HOUR, 40 * HOUR), acc, h["acc"], max(self.fen(20000), tot // 2),
                      "pos", h["region"], memo="婚宴")
        # returning migrants bring savings home into the new local account
        for p in self.by["returner"]:
            na = p["newacc"]
            ts = self.acc[na]["opened"] + r.randint(HOUR, 3 * DAY)
            self.emit(ts, p["accs"][0] if p["accs"][0] != na else p["main"], na,
                      self.fen(self.logn(60000, 0.7, 5000, 400000), 100), "mobile", p["home"])
            for _ in range(r.randint(2, 10)):
                (m, mk, _), where = self.merchant_for(p, ts + DAY)
                self.emit(ts + r.randint(DAY, 20 * DAY), na, m, self.fen(self.logn(self.SPEND_AMT[mk][0], 0.6, 5, 5000)),
                          "mobile", where)

    # --- fraud: accounts -----------------------------------------------------------------------
    FAR_BANKS = ["ICBC", "BOC", "CMB", "CIB", "GDRCU", "HBRCU", "HNRCU", "GXRCU", "ALIPAY", "TENPAY"]

    def mule_acc_new(self, kind, opened, level):
        r = self.r
        region = self.pick_w(LOCAL_CODES, LOCAL_W) if r.random() < 0.4 else r.choice(CHINA + FARM_CITIES)
        hid = self.new_person_id(region, 18, 45)
        if r.random() < 0.84:
            bank = r.choice(SUPPLY)
            role, arche = "mule", "mule_%s" % kind
        else:
            bank = r.choice(self.FAR_BANKS)
            role, arche = "fraud_exit", "ring_%s_L%d" % (kind, level)
        cls = "III" if bank in PAYFIRMS else r.choice(["I", "I", "II"])
        return self.open_acc(hid, bank, opened, region, cls, role, arche)

    def mule_acc_old(self, kind):
        r = self.r
        pools = {"rented": ["local", "migrant", "picker", "moto", "elder", "shopq"],
                 "sold": ["local", "migrant", "picker", "moto", "student"],
                 "paofen": ["local", "student", "migrant", "moto", "shopq", "picker"]}[kind]
        for _ in range(200):
            p = r.choice(self.by[r.choice(pools)])
            if p["mule"] or p["victim"]:
                continue
            cands = [a for a in p["accs"] if self.has_row(a) and self.acc[a]["opened"] < -60 * DAY]
            if not cands:
                continue
            p["mule"] = kind
            aid = p["main"] if p["main"] in cands and r.random() < 0.8 else r.choice(cands)
            A = self.acc[aid]
            A["role"] = "paofen" if kind == "paofen" else "mule"
            A["arche"] = "%s_%s_%s" % ("paofen" if kind == "paofen" else "mule", kind, p["arche"])
            return aid
        raise RuntimeError("no old account for " + kind)

    def setup_fraud(self):
        r = self.r
        v = self.variant
        mix = {"baseline": {"fresh": .30, "weeks": .20, "rented": .15, "sold": .15, "paofen": .20},
               "V2": {"fresh": .07, "weeks": .10, "rented": .36, "sold": .30, "paofen": .17},
               "V3": {"fresh": .25, "weeks": .20, "rented": .18, "sold": .17, "paofen": .20}}[v]
        nrings = {"baseline": 12, "V2": 10, "V3": 12}[v]
        slow_p = {"baseline": 0.2, "V2": 0.85, "V3": 0.25}[v]
        total = r.randint(375, 415)
        kinds = []
        for k, f in mix.items():
            kinds += [k] * int(round(total * f))
        r.shuffle(kinds)
        typs = list(TYPO_AMT)
        r.shuffle(typs)
        if v == "baseline":
            typs = ["military_purchase", "police_gov", "brushing"] + typs
        if v == "V2":
            typs = ["investment", "romance", "brushing", "loan_card"] + typs
        for i in range(nrings):
            c0 = r.uniform(-2, 9)
            c1 = min(NDAYS + 2, c0 + r.uniform(14, 28))
            ring = {"id": i, "typ": typs[i % len(typs)], "slow": r.random() < slow_p, "c0": c0 * DAY,
                    "c1": c1 * DAY, "cash": r.choice(CASHOUT), "L": {1: [], 2: [], 3: []},
                    "depth": r.choice([2, 3, 3]) if v != "V2" else r.choice([3, 3, 4]), "exits": []}
            ring["depth"] = min(ring["depth"], 3)
            for _ in range(r.randint(2, 5)):
                bank = r.choice(["ALIPAY", "TENPAY", "GDRCU", "CIB", "PAB", "HBRCU", "GXRCU"])
                reg = r.choice(CASHOUT)
                hid = self.new_person_id(reg, 20, 50) if bank not in ("CIB", "PAB") else self.new_corp_id(reg)
                ring["exits"].append(self.open_acc(hid, bank, self.old_open(0.2, 4), reg,
                                                   "III" if bank in PAYFIRMS else "I", "fraud_exit",
                                                   "exit_otc" if bank not in PAYFIRMS else "exit_wallet",
                                                   corp=bank in ("CIB", "PAB")))
            self.rings.append(ring)
        for j, kind in enumerate(kinds):
            ring = self.rings[j % nrings]
            x = r.random()
            level = 1 if x < 0.45 else (2 if x < 0.8 or ring["depth"] == 2 else 3)
            span = ring["c1"] - ring["c0"]
            if kind == "paofen":
                a0 = ring["c0"] + r.uniform(0, 0.3) * span
                a1 = ring["c1"]
            else:
                dur = {"fresh": (1, 4), "weeks": (1, 6), "rented": (3, 11), "sold": (4, 16)}[kind]
                d = r.uniform(*dur) * DAY * (1.6 if level > 1 else 1.0)
                a0 = ring["c0"] + r.uniform(-0.05, 0.92) * span
                a1 = a0 + d
            if kind in ("fresh", "weeks"):
                if a0 < 0.3 * DAY:
                    shift = 0.3 * DAY + r.uniform(0, 2) * DAY - a0
                    a0, a1 = a0 + shift, a1 + shift
                pre = r.uniform(0.15, 7) if kind == "fresh" else r.uniform(14, 150)
                aid = self.mule_acc_new(kind, a0 - pre * DAY, level)
            else:
                aid = self.mule_acc_old(kind)
                A = self.acc[aid]
                if kind == "rented":
                    ret = r.random() < 0.5
                    A["off"] = (int(a0 - r.uniform(0, 1.5) * DAY), int(a1 + r.uniform(0.5, 3) * DAY) if ret else self.WIN + DAY)
                    if ret:
                        A["arche"] = A["arche"].replace("rented", "rented_returned")
                elif kind == "sold":
                    A["off"] = (int(a0 - r.uniform(1, 10) * DAY), self.WIN + DAY)
            A = self.acc[aid]
            A.update(ring=ring["id"], level=level, a0=int(a0), a1=int(a1), kind=kind,
                     term="atm" if r.random() < 0.5 else "exit")
            ring["L"][level].append(aid)
        # card farmers
        nf = r.randint(8, 14)
        used_banks = SUPPLY + ["ICBC", "BOC", "CMB", "CIB", "HBRCU", "HNRCU", "CITIC"]
        for fi in range(nf):
            home = r.choice(FARM_HOMES)
            hid = self.new_person_id(home, 19, 40)
            self.holders[hid]["farmer"] = 1
            s = r.uniform(-70, 18) * DAY
            span = r.uniform(3, 15) * DAY
            cities = r.sample(FARM_CITIES, r.randint(2, 4))
            banks = r.sample(used_banks, r.randint(4, 8))
            cards = []
            for k in range(r.randint(7, 18)):
                op = s + r.uniform(0, span)
                bank = banks[k % len(banks)]
                aid = self.open_acc(hid, bank, op, r.choice(cities), "III" if bank in PAYFIRMS else r.choice(["I", "II", "II"]),
                                    "farmer_card", "farmer_card_dormant", farmer=1)
                cards.append(aid)
                if r.random() < 0.55:
                    ring = r.choice(self.rings)
                    a0 = max(op + r.uniform(1, 20) * DAY, ring["c0"])
                    if a0 < ring["c1"] - DAY:
                        A = self.acc[aid]
                        A["arche"] = "farmer_card_used"
                        lvl = 1 if r.random() < 0.6 else 2
                        A.update(ring=ring["id"], level=lvl, a0=int(a0), a1=int(a0 + r.uniform(1, 5) * DAY),
                                 kind="farmer", term="atm" if r.random() < 0.5 else "exit")
                        ring["L"][lvl].append(aid)
            self.farmers.append({"hid": hid, "cards": cards, "home": home})

    # --- fraud: money flows ----------------------------------------------------------------------
    def active(self, cands, ts, grace=0):
        return [a for a in cands if self.acc[a]["a0"] <= ts <= self.acc[a]["a1"] + grace
                and self.acc[a]["opened"] < ts - 120]

    def prefer_unused(self, cands):
        fresh = [a for a in cands if not self.acc[a].get("hit")]
        a = self.r.choice(fresh) if fresh and self.r.random() < 0.6 else self.r.choice(cands)
        self.acc[a]["hit"] = 1
        return a

    def pick_victim(self, typ):
        r = self.r
        if r.random() < 0.35:
            for _ in range(50):
                p = r.choice(self.by[r.choice(TYPO_VICTIMS[typ])])
                if p["mule"] or p["victim"]:
                    continue
                p["victim"] = typ
                aid = p["main"]
                A = self.acc[aid]
                A["arche"] = "victim_%s_%s" % (typ, p["arche"])
                return aid, p["arche"] in ("elder", "retiree"), p
        region = r.choice(CHINA)
        elder = typ in ("police_gov", "accident_kidnap", "phone_bill", "subsidy_refund") and r.random() < 0.6
        aid = self.ext_person_acc(region, "victim_%s_external" % typ, supply_share=0.15)
        return aid, elder, None

    def run_fraud(self):
        r = self.r
        v = self.variant
        heap = []
        seq = [0]

        def push(ts, what, acc, amt):
            seq[0] += 1
            heapq.heappush(heap, (ts, seq[0], what, acc, amt))

        fast_typs = ("police_gov", "accident_kidnap", "phone_bill", "ecommerce_cs", "subsidy_refund",
                     "leader_acquaintance", "prize")
        self.victims = []
        for ring in self.rings:
            typ = ring["typ"]
            lo, hi, esc = TYPO_AMT[typ]
            nv = {"baseline": r.randint(32, 48), "V2": r.randint(24, 36), "V3": r.randint(32, 48)}[v]
            L1 = ring["L"][1]
            for _ in range(nv):
                vacc, elder, p = self.pick_victim(typ)
                if v == "V2":
                    k = 1 + min(16, int(r.expovariate(1 / 5.0)))
                else:
                    k = 1 + min(6, int(r.expovariate(1 / 1.0)))
                ts = self.daytime(r.uniform(ring["c0"], ring["c1"] - DAY) / DAY, 8.5, 21.5)
                base = self.logn(math.sqrt(lo * hi), 0.6, lo, hi)
                cur = None
                reported = r.random() < 0.65
                pays = []
                where = self.acc[vacc]["region"] if p is None else self.loc(p, ts)
                for j in range(k):
                    act = self.active(L1, ts)
                    if not act:
                        break
                    if cur not in act or r.random() < 0.3:
                        cur = self.prefer_unused(act)
                    amt = base * (esc ** min(j, 5)) * r.uniform(0.8, 1.2)
                    if typ in ("brushing", "loan_card") and j == 0:
                        amt = r.uniform(lo, lo * 3)
                    fen = self.fen(amt, 100 if r.random() < 0.6 else None)
                    ch = r.choice(["counter", "atm", "mobile"]) if elder and r.random() < 0.5 else r.choice(["mobile", "mobile", "online"])
                    if self.emit(ts, vacc, cur, fen, ch, where, memo=r.choice(["", "", "保证金", "转账", "解冻"]) if typ in ("brushing", "loan_card", "investment") else "",
                                 tk="victim_payment"):
                        pays.append(len(self.tx) - 1)
                        push(ts, "arr", cur, fen)
                    if typ in fast_typs:
                        ts += r.randint(8 * MIN, 100 * MIN)
                    elif typ == "brushing":
                        ts += r.randint(10 * MIN, 20 * HOUR)
                    else:
                        ts += r.randint(3 * HOUR, 5 * DAY)
                    hod = (ts % DAY) / HOUR
                    if hod < 7.5 or hod > 23:   # the victim sleeps; next payment in the morning
                        ts = self.daytime(ts // DAY + (1 if hod > 23 else 0), 8, 12)
                    if ts >= self.WIN:
                        break
                if pays:
                    self.victims.append({"acc": vacc, "typ": typ, "pays": pays, "reported": reported})
        pending = {}
        scheduled = {}
        ringmap = {rg["id"]: rg for rg in self.rings}
        while heap:
            ts, _, what, acc, amt = heapq.heappop(heap)
            if ts >= self.WIN:
                continue
            A = self.acc[acc]
            if A["role"] == "fraud_exit" and "level" not in A:
                continue
            if what == "arr":
                pending[acc] = pending.get(acc, 0) + amt
                if not scheduled.get(acc):
                    ring = ringmap[A["ring"]]
                    lvl = A["level"]
                    if ring["slow"]:
                        d = r.uniform(1, 30) * HOUR if lvl == 1 else r.uniform(2, 48) * HOUR
                    else:
                        d = r.uniform(1, 25) * MIN if lvl == 1 else r.uniform(2, 90) * MIN
                    scheduled[acc] = True
                    push(int(ts + d), "flush", acc, 0)
                continue
            # flush
            scheduled[acc] = False
            bal = pending.get(acc, 0)
            ring = ringmap[A["ring"]]
            lvl = A["level"]
            keep = 0
            if A["role"] == "paofen":
                keep = int(bal * r.uniform(0.01, 0.03))
            elif r.random() < 0.5:
                keep = min(bal // 10, r.randint(0, 5000))
            out = bal - keep
            if out < 1000:
                continue
            pending[acc] = keep
            tk_out = "paofen" if A["role"] == "paofen" else "layering"
            nxt = ring["L"].get(lvl + 1, []) if lvl < ring["depth"] else []
            if nxt or A["term"] == "exit" or lvl == 1:
                targets = self.active(nxt, ts, grace=DAY) if nxt else []
                if not targets and (A["term"] == "atm" and lvl > 1):
                    targets = None
                if targets is not None:
                    k = 1 if out < 800000 else r.randint(1, 3)
                    t = ts
                    parts = [r.uniform(0.5, 1.5) for _ in range(k)]
                    sp = sum(parts)
                    left = out
                    for i in range(k):
                        f = left if i == k - 1 else int(out * parts[i] / sp / 100) * 100
                        left -= f
                        if targets:
                            dst = self.prefer_unused(targets)
                            kind = tk_out
                        else:
                            dst = r.choice(ring["exits"])
                            kind = "exit" if tk_out == "layering" else tk_out
                        if f > 0 and self.emit(t, acc, dst, f, r.choice(["mobile", "online", "mobile"]),
                                               r.choice([A["region"], ring["cash"], ""]) or A["region"], tk=kind):
                            if targets:
                                push(t, "arr", dst, f)
                        else:
                            pending[acc] += f
                        t += r.randint(20, 300)
                    continue
            # cash out at ATMs far away, daily limit per card
            t = ts
            reg = ring["cash"] if ring["cash"] != A["region"] else r.choice(CASHOUT)
            day_sum = 0
            day = t // DAY
            left = out
            while left >= 10000 and t < self.WIN:
                chunk = min(left, self.fen(r.choice([2000, 2500, 3000, 5000, 5000])))
                chunk -= chunk % 10000
                if day_sum + chunk > 2000000:
                    day += 1
                    t = day * DAY + r.randint(5 * MIN, 2 * HOUR)
                    day_sum = 0
                    continue
                if self.emit(t, acc, None, chunk, "atm", reg, kind="withdrawal", tk="cash_out"):
                    left -= chunk
                    day_sum += chunk
                t += r.randint(40, 240)
                if t // DAY != day:
                    day = t // DAY
                    day_sum = 0
            pending[acc] = keep + left
        # card farmers: test transfers by the card buyer shortly after opening
        for f in self.farmers:
            dealer = self.ext_person_acc(r.choice(CASHOUT), "exit_card_dealer", supply_share=0)
            self.acc[dealer]["role"] = "fraud_exit"
            for c in f["cards"]:
                if r.random() < 0.5:
                    ts = self.acc[c]["opened"] + r.randint(2 * HOUR, 4 * DAY)
                    amt = r.choice([1, 10, 50, 100, 1000])
                    if self.emit(ts, dealer, c, amt, "mobile", self.acc[dealer]["region"], tk="card_test"):
                        self.emit(ts + r.randint(60, 3600), c, dealer, amt, "mobile", self.acc[c]["region"], tk="card_test")

    # --- assemble ------------------------------------------------------------------------------
    def build(self):
        self.build_population()
        self.build_corps()
        self.setup_fraud()
        self.act_spending()
        self.act_income()
        self.act_family()
        self.act_housing_bills()
        self.act_business()
        self.act_oranges()
        self.act_tourism()
        self.act_big_purchases()
        self.run_fraud()

    def covered(self, aid, ts):
        if aid is None:
            return False
        b = self.acc[aid]["bank"]
        return b in self.extract and ts >= self.extract[b]

    def write(self, out, truth):
        r = random.Random("sanxia-out:%s:%d" % (self.variant, self.seed))
        os.makedirs(out, exist_ok=True)
        order = sorted(range(len(self.tx)), key=lambda i: (self.tx[i][0], i))
        kept = []
        tid = {}
        for i in order:
            t = self.tx[i]
            if self.covered(t[1], t[0]) or self.covered(t[2], t[0]):
                tid[i] = "SX%s%07d" % ({"baseline": "B", "V2": "2", "V3": "3"}[self.variant], len(kept) + 1)
                kept.append(i)
        # opening balances from the data each account shows
        bal = {}
        low = {}
        for i in kept:
            ts, f, to, fen = self.tx[i][:4]
            if f is not None:
                bal[f] = bal.get(f, 0) - fen
                low[f] = min(low.get(f, 0), bal[f])
            if to is not None:
                bal[to] = bal.get(to, 0) + fen
        rows = [a for a in self.acc.values() if a["bank"] in self.extract]
        # labels
        labels = []
        for a in rows:
            role = a["role"]
            p = {"mule": 0.5, "paofen": 0.45}.get(role, 0.0)
            if role == "farmer_card" and a["arche"] == "farmer_card_used":
                p = 0.35
            if p and r.random() < p:
                a["labelled"] = 1
        for a in self.acc.values():
            if a["role"] == "fraud_exit" and a["bank"] not in self.extract and r.random() < 0.3:
                a["labelled"] = 1
        acc_labels = [("account", a["id"], "mule") for a in self.acc.values() if a["labelled"]]
        flab = []
        for j, f in enumerate(self.farmers):
            if j == 0 or r.random() < 0.45:
                f["labelled"] = 1
                flab.append(("holder", f["hid"], "card_farmer"))
            else:
                f["labelled"] = 0
        tlab = []
        for vv in self.victims:
            if vv["reported"]:
                for i in vv["pays"]:
                    if i in tid:
                        tlab.append(("transfer", tid[i], "fraud"))
        self.n_labels = (len(acc_labels), len(flab), len(tlab))
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance", "status"])
            for a in rows:
                need = -low.get(a["id"], 0)
                role = a["role"]
                if role in ("mule", "farmer_card") or a.get("kind") == "fresh":
                    extra = r.randint(0, 5000)
                elif a["cls"] == "corp":
                    extra = int(self.logn(300000, 1.0, 1000, 5e7) * 100)
                elif a["opened"] >= 0:
                    extra = r.randint(0, 50000)
                else:
                    extra = int(self.logn(12000, 1.1, 10, 2e6) * 100)
                w.writerow([a["id"], a["bank"], a["holder"], fmt_ts(self.W0, a["opened"]), a["region"], a["cls"],
                            fmt_amt(need + extra), "active"])
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo"])
            for i in kept:
                ts, f, to, fen, ch, reg, kind, memo, tk = self.tx[i]
                w.writerow([tid[i], fmt_ts(self.W0, ts), f or "", to or "", fmt_amt(fen), "CNY", ch, reg, kind, memo])
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for row in acc_labels + flab + tlab:
                w.writerow(row)
        self.kept = kept
        self.tid = tid
        if not truth:
            return
        flabelled = {f["hid"]: f["labelled"] for f in self.farmers}
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                        "labelled", "farmer_labelled", "extract_start"])
            for a in self.acc.values():
                hr = a["bank"] in self.extract
                w.writerow(["account", a["id"], a["bank"], a["holder"], 1 if hr else 0, a["role"], a["arche"],
                            a["farmer"], fmt_ts(self.W0, a["opened"]), a["labelled"],
                            flabelled.get(a["holder"], 0) if a["farmer"] else 0,
                            fmt_ts(self.W0, self.extract[a["bank"]]) if hr else ""])
        with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "kind"])
            for i in kept:
                w.writerow([tid[i], self.tx[i][8]])


# --- self-check ------------------------------------------------------------------------------------
def check(out, world, truth):
    import re
    probs = []
    amt_re = re.compile(r"^[0-9]+\.[0-9]{2}$")
    reg_re = re.compile(r"^[0-9]{6}$")
    w0, w1 = world.W0, world.W0 + dt.timedelta(days=NDAYS)

    def rd(name):
        with open(os.path.join(out, name), newline="", encoding="utf-8") as fh:
            return list(csv.reader(fh))

    def ts(s):
        try:
            t = dt.datetime.fromisoformat(s)
        except ValueError:
            return None
        if t.tzinfo is None or not re.search(r"(Z|[+-][0-9]{2}:[0-9]{2})$", s):
            return None
        return t

    acc = rd("accounts.csv")
    if acc[0] != ["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                  "opening_balance", "status"]:
        probs.append("accounts.csv: bad header %r" % acc[0])
    opened = {}
    for n, row in enumerate(acc[1:], 2):
        if len(row) != 8:
            probs.append("accounts.csv:%d: %d fields" % (n, len(row)))
            continue
        aid = row[0]
        if aid in opened:
            probs.append("accounts.csv:%d: duplicate %s" % (n, aid))
        t = ts(row[3])
        if t is None:
            probs.append("accounts.csv:%d: bad opened_at %s" % (n, row[3]))
        opened[aid] = t
        if not reg_re.match(row[4]):
            probs.append("accounts.csv:%d: bad region" % n)
        if row[5] not in ("I", "II", "III", "corp"):
            probs.append("accounts.csv:%d: bad class" % n)
        if not amt_re.match(row[6]):
            probs.append("accounts.csv:%d: bad opening_balance" % n)
        if not row[0] or not row[1] or not row[2] or len(row[0]) > 64:
            probs.append("accounts.csv:%d: empty/long id" % n)
    known = {a["id"]: a for a in world.acc.values()}
    tr = rd("transfers.csv")
    if tr[0] != ["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region", "kind", "memo"]:
        probs.append("transfers.csv: bad header %r" % tr[0])
    ids = set()
    for n, row in enumerate(tr[1:], 2):
        if len(row) != 10:
            probs.append("transfers.csv:%d: %d fields" % (n, len(row)))
            continue
        tid, s, f, to, amt, cur, ch, reg, kind, memo = row
        if tid in ids:
            probs.append("transfers.csv:%d: duplicate id" % n)
        ids.add(tid)
        t = ts(s)
        if t is None or not (w0 <= t < w1):
            probs.append("transfers.csv:%d: time %s outside window" % (n, s))
            continue
        if not amt_re.match(amt) or float(amt) <= 0:
            probs.append("transfers.csv:%d: bad amount %s" % (n, amt))
        if ch not in ("counter", "online", "mobile", "atm", "pos", "other"):
            probs.append("transfers.csv:%d: bad channel" % n)
        if reg and not reg_re.match(reg):
            probs.append("transfers.csv:%d: bad region" % n)
        need = {"transfer": (1, 1), "withdrawal": (1, 0), "deposit": (0, 1)}.get(kind)
        if need is None or (bool(f), bool(to)) != (bool(need[0]), bool(need[1])):
            probs.append("transfers.csv:%d: parties do not fit kind %s" % (n, kind))
        for a in (f, to):
            if not a:
                continue
            if a not in known and a not in opened:
                probs.append("transfers.csv:%d: unknown account %s" % (n, a))
                continue
            op = opened.get(a)
            if op is None:
                op = world.W0 + dt.timedelta(seconds=known[a]["opened"])
            if t < op:
                probs.append("transfers.csv:%d: before opening of %s" % (n, a))
        if not ((f and f in opened) or (to and to in opened)):
            probs.append("transfers.csv:%d: no supplying party" % n)
    lab = rd("labels.csv")
    if lab[0] != ["kind", "id", "label"]:
        probs.append("labels.csv: bad header")
    seen = set()
    for n, row in enumerate(lab[1:], 2):
        if len(row) != 3 or row[0] not in ("account", "transfer", "holder"):
            probs.append("labels.csv:%d: bad row" % n)
            continue
        if tuple(row) in seen:
            probs.append("labels.csv:%d: duplicate" % n)
        seen.add(tuple(row))
        if row[0] == "transfer" and row[1] not in ids:
            probs.append("labels.csv:%d: unknown transfer" % n)
        if row[0] == "account" and row[1] not in known:
            probs.append("labels.csv:%d: unknown account" % n)
        if row[0] == "holder" and row[1] not in world.holders:
            probs.append("labels.csv:%d: unknown holder" % n)
    if truth:
        t1 = rd("truth.csv")
        if t1[0] != ["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                     "labelled", "farmer_labelled", "extract_start"]:
            probs.append("truth.csv: bad header")
        tids = set()
        for n, row in enumerate(t1[1:], 2):
            if row[1] in tids:
                probs.append("truth.csv:%d: duplicate" % n)
            tids.add(row[1])
            if row[5] not in ("lawful", "mule", "paofen", "farmer_card", "fraud_exit"):
                probs.append("truth.csv:%d: bad role" % n)
            if (row[4] == "1") != (row[1] in opened):
                probs.append("truth.csv:%d: has_row mismatch" % n)
        t2 = rd("truth_transfers.csv")
        if t2[0] != ["txn_id", "kind"]:
            probs.append("truth_transfers.csv: bad header")
        if set(r[0] for r in t2[1:]) != ids:
            probs.append("truth_transfers.csv: ids differ from transfers.csv")
    return probs


def summary(world):
    from collections import Counter
    rows = [a for a in world.acc.values() if a["bank"] in world.extract]
    kinds = Counter(world.tx[i][8] for i in world.kept)
    arch = Counter()
    for a in rows:
        if a["role"] in ("mule", "paofen"):
            k = a.get("kind", "?")
            if "returned" in a["arche"]:
                k = "rented_returned"
            arch[k] += 1
    fc = sum(1 for a in rows if a["role"] == "farmer_card")
    fcu = sum(1 for a in rows if a["arche"] == "farmer_card_used")
    ext = sum(1 for a in world.acc.values() if a["role"] == "fraud_exit")
    return ("variant=%s seed=%d window=%s..+30d accounts_rows=%d accounts_all=%d transfers=%d\n"
            "  mule/paofen rows=%d by kind %s; farmer cards rows=%d (used %d), farmers=%d; fraud_exit=%d\n"
            "  transfer kinds %s; victims=%d (reported %d)\n  labels account/holder/transfer=%s extract=%s"
            % (world.variant, world.seed, world.W0.date(), len(rows), len(world.acc), len(world.kept),
               sum(arch.values()), dict(sorted(arch.items())), fc, fcu, len(world.farmers), ext,
               dict(sorted(kinds.items())), len(world.victims), sum(v["reported"] for v in world.victims),
               world.n_labels, {b: o // DAY for b, o in world.extract.items()}))


def main():
    ap = argparse.ArgumentParser(description="Sanxia (渝东北/三峡) synthetic counter-fraud banking world")
    ap.add_argument("--variant", choices=["baseline", "V2", "V3"], default="baseline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    a = ap.parse_args()
    w = World(a.variant, a.seed)
    w.build()
    w.write(a.out, a.truth)
    probs = check(a.out, w, a.truth)
    print(summary(w), file=sys.stderr)
    if probs:
        for p in probs[:100]:
            print("CHECK: " + p, file=sys.stderr)
        print("CHECK FAILED: %d problems" % len(probs), file=sys.stderr)
        sys.exit(2)
    print("check passed", file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    main()
