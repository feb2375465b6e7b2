#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""Tianshan world: an independent synthetic evaluation world set in Xinjiang.

Six months (2024-07-01 .. 2024-12-31, +08:00) of payments of a Xinjiang population
(cotton farmers, seasonal pickers, fruit e-commerce sellers, produce brokers, labour
contractors, livestock and border traders, truck drivers, oil workers, students,
pensioners, civil servants, homestay hosts ...) with telecom-fraud gangs, mule
accounts, card farmers, 跑分 participants and U商 woven in.  Standard library only.

    python3 tianshan_world.py --variant baseline --seed 7 --out DIR [--truth] [--stats]

See README.md next to this file for every output file, column and label rate.
"""
import argparse
import csv
import datetime as dt
import hashlib
import math
import os
import random
import sys

VARIANTS = ("baseline", "qianfu", "fanmang")
TZ8 = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2024, 7, 1, tzinfo=TZ8)
DAYS = 184
DAY = 86400
HOUR = 3600
END = DAYS * DAY
MONTHS = [(0, 31), (31, 62), (62, 92), (92, 123), (123, 153), (153, 184)]
MID_AUTUMN = 78          # 2024-09-17
NATIONAL_DAY = 92        # 2024-10-01 .. 10-07

# code, name, type, extract start (day index, None = does not supply), card BINs, corp/wallet prefix
INST = [
    ("ABC", "中国农业银行", "state_bank", 0, ("622848", "622845"), "3001"),
    ("URCB", "乌鲁木齐银行", "city_commercial_bank", 7, ("622182", "623210"), "8801"),
    ("CCB", "中国建设银行", "state_bank", 14, ("621700", "622700"), "6505"),
    ("XJRCU", "新疆农村信用社", "rural_credit_union", 28, ("621008", "622935"), "2904"),
    ("XJB", "新疆银行", "city_commercial_bank", 35, ("623176", "621312"), "7701"),
    ("ALIPAY", "支付宝", "payment_firm", 42, None, "2088"),
    ("ICBC", "中国工商银行", "state_bank", None, ("621226", "622202"), "3002"),
    ("BOC", "中国银行", "state_bank", None, ("621661", "621785"), "1079"),
    ("PSBC", "中国邮政储蓄银行", "state_bank", None, ("621799", "622188"), "9650"),
    ("KLB", "昆仑银行", "joint_stock_bank", None, ("623125", "621339"), "8811"),
    ("CMB", "招商银行", "joint_stock_bank", None, ("621483", "622588"), "9910"),
    ("TENPAY", "财付通", "payment_firm", None, None, "1000"),
]
BANK = {c: dict(name=n, type=ty, start=s, bins=b, pre=p) for c, n, ty, s, b, p in INST}
SUPPLY = {c: (BANK[c]["start"] * DAY if BANK[c]["start"] is not None else None) for c in BANK}
CARD_BANKS = [c for c in BANK if BANK[c]["bins"]]
OUT_BANKS = ["ICBC", "BOC", "CMB", "PSBC"]          # out-of-region people bank here only

# --- GB/T 2260 divisions -------------------------------------------------------------
XJ_CITY = {
    "urumqi": ["650102", "650103", "650104", "650105", "650106", "650109"],
    "changji": ["652301", "652302", "652323", "652324"],
    "shihezi": ["659001"],
    "karamay": ["650203", "650202"],
    "korla": ["652801", "652822", "652823", "652826"],
    "yining": ["654002", "654021", "654023", "654022"],
    "khorgas": ["654004"],
    "kashgar": ["653101", "653121", "653122", "653125", "653126"],
    "aksu": ["652901", "652902", "652922", "652924", "652928"],
    "turpan": ["650402", "650421"],
    "hotan": ["653201", "653221"],
    "altay": ["654301", "654321"],
    "bortala": ["652701", "652702"],
    "tacheng": ["654201"],
    "hami": ["650502"],
    "alar": ["659002"],
}
CITY_W = {"urumqi": 33, "changji": 8, "shihezi": 6, "karamay": 5, "korla": 8, "yining": 7,
          "khorgas": 1.5, "kashgar": 9, "aksu": 7, "turpan": 3, "hotan": 3, "altay": 2,
          "bortala": 2, "tacheng": 1.5, "hami": 2, "alar": 1}
COTTON = ["652324", "652323", "659001", "652924", "652928", "652823", "652822", "653125",
          "653122", "659002", "652902", "652301"]
SOUTH = ["653125", "653121", "653122", "653126", "653201", "653221", "652928", "652924"]
PICKER_HOME = ["411623", "411625", "411422", "621121", "621102", "620502", "511302", "511722", "511902"]
OUT_CITY = ["110105", "310115", "510107", "420111", "610113", "330106", "410105", "620102",
            "320106", "430104", "230103", "500112", "370102", "130102", "440106"]
ROUTE = ["650502", "620102", "621102", "610113", "410105", "510107", "650402", "654002", "653101"]
FRUIT = {"grape": (["650402", "650421"], 31, 92), "apple": (["652901", "652922"], 106, 184),
         "date": (["653201", "653221"], 76, 184), "pomegranate": (["653101", "653122"], 70, 150)}
BORDER = ["654004", "652702", "653101", "653024", "654201", "650104"]
TOURIST = ["654321", "652701", "654023", "650402", "653101"]
HERD = ["654021", "654022", "654301", "652325", "652701", "654201"]
FARMER_HOME = ["420902", "421181", "150404", "231202", "653125", "653121", "622901", "411623", "431321"]
FOREIGN = ["KZ", "KG", "UZ", "KH", "MM"]


def city_of(reg):
    for c, l in XJ_CITY.items():
        if reg in l:
            return c
    return reg[:4]


# --- identity numbers and account numbers ----------------------------------------------
IDW = [7, 9, 10, 5, 8, 4, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
IDC = "10X98765432"
UCS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(body):
    return IDC[sum(int(c) * w for c, w in zip(body, IDW)) % 11]


def luhn_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    return s.isdigit() and luhn_digit(s[:-1]) == s[-1]


def fen(y):
    return int(round(y * 100))


def r100(y):
    return max(100, int(y / 100) * 100)


def fmt_amt(f):
    return "%d.%02d" % (f // 100, f % 100)


class Acct:
    __slots__ = ("i", "id", "bank", "holder", "opened", "region", "cls", "role", "arch",
                 "farmer", "bal0", "person", "kind", "stop_at", "layer", "cases", "victim")

    def __init__(self):
        self.cases = None
        self.victim = ""
        self.layer = 0
        self.stop_at = None
        self.farmer = 0


class Person:
    __slots__ = ("pid", "idno", "hukou", "live", "arch", "birth", "cards", "wallets", "flags",
                 "contacts", "city", "wealth", "cf")


class World:
    def __init__(self, variant, seed):
        self.V = variant
        self.seed = seed
        self.A = []
        self.P = []
        self.ids = set()
        self.idnos = set()
        self.EV = []
        self.rng = self.R("main")
        self.hard = variant == "qianfu"
        self.dense = variant == "fanmang"

    def R(self, name):
        h = hashlib.sha256(("tianshan|%s|%d|%s" % (self.V, self.seed, name)).encode()).digest()
        return random.Random(int.from_bytes(h[:8], "big"))

    # ---- identities
    def idno(self, rng, region, year):
        while True:
            d = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
            body = "%s%s%03d" % (region, d.strftime("%Y%m%d"), rng.randrange(1000))
            s = body + id_check(body)
            if s not in self.idnos:
                self.idnos.add(s)
                return s

    def uscc(self, rng, region):
        while True:
            org = "".join(str(rng.randrange(10)) for _ in range(8))
            c9 = 11 - sum(int(c) * w for c, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
            org += "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
            body = "91" + region + org
            s = body + UCS[(31 - sum(UCS.index(c) * w for c, w in zip(body, UW)) % 31) % 31]
            if s not in self.idnos:
                self.idnos.add(s)
                return s

    def acct(self, rng, bank, holder, opened, region, cls, kind="card", role="lawful", arch="",
             person=None, bal0=0):
        b = BANK.get(bank)
        while True:
            if kind == "foreign":
                s = rng.choice(FOREIGN) + "%018d" % rng.randrange(10 ** 18)
            else:
                if kind == "card":
                    s = rng.choice(b["bins"]) + "%012d" % rng.randrange(10 ** 12)
                elif kind == "corp" and b["bins"]:
                    s = b["pre"] + "%014d" % rng.randrange(10 ** 14)
                else:
                    s = b["pre"] + "%011d" % rng.randrange(10 ** 11)
                s += luhn_digit(s)
            if s not in self.ids:
                self.ids.add(s)
                break
        a = Acct()
        a.i = len(self.A)
        a.id, a.bank, a.holder, a.opened, a.region, a.cls = s, bank, holder, opened, region, cls
        a.kind, a.role, a.arch, a.person, a.bal0 = kind, role, arch, person, bal0
        self.A.append(a)
        return a.i

    def ev(self, t, f, to, amt, ch, reg, kind="T", memo="", xb=0, fk="", flex=1, case=-1):
        self.EV.append((int(t), len(self.EV), f, to, amt, ch, reg, kind, memo, xb, fk, flex, case))

    # ---- helpers
    def usable(self, ai, t):
        a = self.A[ai]
        return a.opened <= t - 60 and (a.stop_at is None or t < a.stop_at)

    def card(self, p, t, rng, primary=0.7):
        c = [x for x in p.cards if self.usable(x, t)]
        if not c:
            return -1
        if rng.random() < primary or len(c) == 1:
            return c[0]
        return rng.choice(c)

    def payer(self, p, t, rng):
        """card or wallet for everyday mobile payments"""
        w = [x for x in p.wallets if self.usable(x, t)]
        if w and rng.random() < 0.55:
            return rng.choice(w), "mobile"
        c = self.card(p, t, rng)
        return c, ("mobile" if rng.random() < 0.5 else "pos")

    def recv(self, p, t, rng):
        if p.wallets and rng.random() < 0.35:
            w = [x for x in p.wallets if self.usable(x, t)]
            if w:
                return rng.choice(w)
        return self.card(p, t, rng, 0.8)


def at(rng, day, lo=8, hi=22):
    return day * DAY + rng.randrange(lo * HOUR, hi * HOUR)


def nrand(rng, rate):
    """integer count with mean ~rate"""
    x = rate * rng.uniform(0.5, 1.5)
    n = int(x)
    return n + (1 if rng.random() < x - n else 0)


def ln(rng, med, sig):
    return med * math.exp(rng.gauss(0, sig))


# ======================================================================================
def build(variant, seed):
    W = World(variant, seed)
    rng = W.R("pop")
    A = W.A
    dense, hard = W.dense, W.hard

    # ---------------- institutions' corporate counterparties -----------------------------
    crng = W.R("corp")

    def corp(bank, region, arch, rich=True, role="lawful"):
        h = W.uscc(crng, region)
        opened = -crng.randrange(300, 365 * 12) * DAY + crng.randrange(9 * HOUR, 17 * HOUR)
        kind = "corp" if BANK[bank]["bins"] else "wallet"
        return W.acct(crng, bank, h, opened, region, "corp", kind, role, arch, None,
                      fen(2e8) if rich else fen(crng.uniform(2e3, 8e4)))

    def xj_bank(r, pref=None):
        if pref and r.random() < 0.5:
            return pref
        return r.choices(["ABC", "ICBC", "CCB", "BOC", "XJB", "URCB", "XJRCU", "KLB", "PSBC"],
                         [18, 18, 14, 8, 8, 9, 12, 5, 5])[0]

    SRC = {}
    SRC["gov"] = [corp(xj_bank(crng, "ABC"), XJ_CITY[c][0], "payroll_finance_bureau") for c in XJ_CITY]
    SRC["social"] = [corp(b, "650102", "social_security_fund") for b in ("ABC", "CCB", "XJRCU", "PSBC")]
    SRC["petro"] = [corp(b, r, "petrochina_payroll") for b, r in
                    (("KLB", "650203"), ("KLB", "652801"), ("ICBC", "650203"))]
    SRC["employer"] = []
    for c, l in XJ_CITY.items():
        for _ in range(max(2, int(CITY_W[c] * 1.5))):
            SRC["employer"].append(corp(xj_bank(crng), crng.choice(l), "employer"))
    SRC["gin"] = [corp(crng.choice(["XJRCU", "ABC", "CCB", "XJB"]), crng.choice(COTTON), "cotton_gin")
                  for _ in range(36)]
    SRC["mill"] = [corp(crng.choice(["ICBC", "CMB", "BOC"]), crng.choice(["320506", "410105", "370102", "330106"]),
                        "textile_mill_or_wholesaler") for _ in range(20)]
    SRC["wholesale"] = [corp(crng.choice(["ICBC", "CMB", "BOC"]), crng.choice(["440106", "110105", "310115", "510107"]),
                             "fruit_wholesaler") for _ in range(16)]
    SRC["platform"] = [corp(b, r, "ecommerce_platform_settlement") for b, r in
                       (("CMB", "330106"), ("ICBC", "310115"), ("CMB", "110105"), ("ALIPAY", "330106"))]
    SRC["logistics"] = [corp(xj_bank(crng), crng.choice(XJ_CITY["urumqi"] + XJ_CITY["korla"] + XJ_CITY["kashgar"]),
                             "logistics_firm") for _ in range(24)]
    SRC["loanapp"] = [corp(b, r, "consumer_finance_loan_app") for b, r in
                      (("CMB", "440304"), ("ICBC", "310115"), ("BOC", "500112"), ("TENPAY", "440304"), ("ALIPAY", "330106"))]
    SRC["bankloan"] = [corp(b, "650102", "bank_loan_account") for b in ("XJRCU", "ABC")]
    SRC["slaughter"] = [corp(xj_bank(crng), crng.choice(HERD + ["650109", "653101"]), "slaughterhouse")
                        for _ in range(12)]
    SRC["mine_oil"] = SRC["petro"]

    MER = {}     # category -> city -> [acct]
    mrng = W.R("merchants")

    def add_mer(cat, city, n, rich=False, regions=None, banks=None):
        for _ in range(n):
            reg = mrng.choice(regions or XJ_CITY.get(city, [city]))
            bank = mrng.choice(banks) if banks else mrng.choices(
                ["ABC", "ICBC", "CCB", "BOC", "XJB", "URCB", "XJRCU", "ALIPAY", "TENPAY", "CMB"],
                [14, 16, 12, 6, 7, 8, 9, 12, 10, 6])[0]
            ai = corp(bank, reg, "merchant_" + cat, rich)
            MER.setdefault(cat, {}).setdefault(city, []).append(ai)

    for c in XJ_CITY:
        w = CITY_W[c]
        add_mer("grocery", c, max(3, int(w * 1.6)))
        add_mer("restaurant", c, max(2, int(w)))
        add_mer("pharmacy", c, max(1, int(w / 3)))
        add_mer("gas", c, max(1, int(w / 3)))
        add_mer("phone", c, max(1, int(w / 5)))
        add_mer("gold", c, max(1, int(w / 5)))
        add_mer("hotel", c, max(1, int(w / 4)))
        add_mer("wedding_hall", c, max(1, int(w / 6)))
        add_mer("funeral", c, 1)
        add_mer("car_dealer", c, max(1, int(w / 6)))
        add_mer("developer", c, max(1, int(w / 8)))
        add_mer("hospital", c, max(1, int(w / 6)))
        add_mer("agri_supply", c, max(1, int(w / 4)))
        add_mer("machinery_coop", c, 1)
    for r in TOURIST:
        add_mer("scenic", r, 3, regions=[r])
    for r in ROUTE:
        add_mer("gas", r, 3, regions=[r], banks=OUT_BANKS + ["TENPAY"])
    add_mer("gold", "shenzhen", 5, regions=["440303"], banks=OUT_BANKS)
    add_mer("express", "all", 8, regions=XJ_CITY["urumqi"])
    SUPPLIER = [corp(mrng.choice(OUT_BANKS), mrng.choice(OUT_CITY + XJ_CITY["urumqi"]), "wholesale_supplier")
                for _ in range(40)]
    ALL_MER = [(cat, ai) for cat in MER for city in MER[cat] for ai in MER[cat][city]]

    def mer(cat, city, r):
        d = MER[cat]
        if city in d:
            return r.choice(d[city])
        return r.choice(d[r.choice(list(d))])

    # ---------------- population ----------------------------------------------------------
    arch_w = [("urban_worker", 20), ("cotton_farmer", 15), ("pensioner", 10), ("civil_servant", 6),
              ("oil_worker", 5.5), ("student", 6), ("small_merchant", 5.5), ("seasonal_picker", 6),
              ("truck_driver", 4), ("herder", 3), ("odd_jobs", 8), ("homestay_host", 1.0),
              ("fruit_trader", 2.0), ("livestock_trader", 1.5), ("border_trader", 1.2),
              ("produce_broker", 0.8), ("labour_contractor", 0.6)]
    LOOK = {"fruit_trader", "livestock_trader", "border_trader", "produce_broker", "labour_contractor"}
    if dense:
        extra = sum(w * 1.5 for a, w in arch_w if a in LOOK)
        arch_w = [(a, w * 2.5 if a in LOOK else (w - extra * 0.6 if a == "urban_worker" else
                                                 (w - extra * 0.4 if a == "odd_jobs" else w))) for a, w in arch_w]
    N = 7300
    mult = 2.5 if dense else 1.0
    OVER = {"wedding_host": 0.012, "funeral_host": 0.006, "mover": 0.04, "newcard_bigbuy": 0.02,
            "cash_heavy": 0.02, "crypto_buyer": 0.006, "newjob_card": 0.03}
    act = 0.5 if dense else 0.9      # everyday activity scale keeps totals in range

    names = [a for a, w in arch_w]
    weights = [w for a, w in arch_w]
    city_names = list(CITY_W)
    city_w = [CITY_W[c] for c in city_names]
    by_city = {}
    P = W.P
    for pid in range(N):
        p = Person()
        p.pid = pid
        p.arch = rng.choices(names, weights)[0]
        a = p.arch
        if a == "cotton_farmer":
            live = rng.choice(COTTON)
        elif a == "seasonal_picker":
            live = rng.choice(COTTON[:7] + ["652902", "659002"])
        elif a == "oil_worker":
            live = rng.choice(["650203", "650203", "650202", "652801"])
        elif a == "fruit_trader":
            live = rng.choice([r for k in FRUIT for r in FRUIT[k][0]])
        elif a == "border_trader":
            live = rng.choice(BORDER)
        elif a == "homestay_host":
            live = rng.choice(TOURIST[:4])
        elif a in ("herder", "livestock_trader"):
            live = rng.choice(HERD)
        elif a == "produce_broker":
            live = rng.choice(COTTON + ["652901", "650402", "653201"])
        elif a == "labour_contractor":
            live = rng.choice(COTTON)
        elif a == "student":
            live = rng.choice(["650102", "650103", "650105", "659001", "653101", "652801"])
        else:
            live = rng.choice(XJ_CITY[rng.choices(city_names, city_w)[0]])
        if a == "seasonal_picker":
            hukou = rng.choice(PICKER_HOME) if rng.random() < 0.55 else rng.choice(SOUTH)
        elif a == "student":
            hukou = rng.choice(XJ_CITY[rng.choices(city_names, city_w)[0]]) if rng.random() < 0.75 else rng.choice(OUT_CITY + PICKER_HOME)
        elif a in ("cotton_farmer", "urban_worker", "oil_worker", "truck_driver") and rng.random() < 0.12:
            hukou = rng.choice(PICKER_HOME + ["620102", "410105"])
        elif rng.random() < 0.8:
            hukou = live
        else:
            hukou = rng.choice(XJ_CITY[rng.choices(city_names, city_w)[0]])
        by = {"student": (2002, 2006), "pensioner": (1944, 1964), "seasonal_picker": (1966, 1998)}.get(a, (1963, 2001))
        p.birth = rng.randint(*by)
        p.idno = W.idno(rng, hukou, p.birth)
        p.hukou, p.live, p.city = hukou, live, city_of(live)
        p.flags = set()
        p.cf = 0
        for f in OVER:
            base = OVER[f] * (mult if f != "newjob_card" else 2.5 if dense else 1.0)
            if f == "crypto_buyer" and a in ("pensioner",):
                continue
            if rng.random() < base:
                p.flags.add(f)
        med = {"cotton_farmer": 30000, "pensioner": 45000, "civil_servant": 50000, "oil_worker": 70000,
               "student": 2500, "seasonal_picker": 2500, "fruit_trader": 60000, "livestock_trader": 90000,
               "border_trader": 200000, "produce_broker": 120000, "labour_contractor": 30000,
               "herder": 25000, "small_merchant": 40000, "homestay_host": 30000}.get(a, 20000)
        p.wealth = ln(rng, med, 0.8)
        p.cards, p.wallets, p.contacts = [], [], []
        # cards
        if a in ("cotton_farmer", "herder", "seasonal_picker", "livestock_trader", "labour_contractor") or \
                (a == "pensioner" and live not in XJ_CITY["urumqi"]):
            bw = {"XJRCU": 35, "ABC": 25, "PSBC": 12, "ICBC": 8, "CCB": 8, "BOC": 4, "XJB": 4}
        elif a == "oil_worker":
            bw = {"KLB": 35, "ICBC": 20, "CCB": 15, "ABC": 10, "BOC": 8, "XJB": 6}
        elif a == "student":
            bw = {"CCB": 25, "ABC": 20, "ICBC": 15, "PSBC": 10, "BOC": 10, "XJB": 10, "URCB": 10}
        else:
            bw = {"ICBC": 20, "CCB": 16, "ABC": 16, "BOC": 8, "URCB": 12 if p.city == "urumqi" else 4,
                  "XJB": 7, "PSBC": 6, "CMB": 5, "XJRCU": 7, "KLB": 3}
        n = rng.choices([1, 2, 3, 4, 5, 6], [40, 34, 16, 5, 3, 2])[0]
        if "mover" in p.flags:
            n = max(n, rng.randint(3, 6))
        bks = list(bw)
        bwl = [bw[k] for k in bks]
        new_inside = a == "seasonal_picker" and rng.random() < 0.6 or (a == "student" and p.birth >= 2005 and rng.random() < 0.7)
        for k in range(n):
            bank = rng.choices(bks, bwl)[0]
            if new_inside and k == 0:
                day = rng.randint(64, 80) if a == "seasonal_picker" else rng.randint(60, 72)
                opened = at(rng, day, 10, 18)
                if a == "seasonal_picker":
                    bank = rng.choice(["XJRCU", "XJRCU", "ABC", "PSBC"])
                reg = live
                bal0 = 0
                cls = rng.choice(["I", "II"])
            else:
                y0 = max(2008, p.birth + 16)
                span = (dt.date(2024, 6, 20) - dt.date(y0, 1, 1)).days
                opened = -rng.randrange(10, max(11, span)) * DAY + rng.randrange(9 * HOUR, 18 * HOUR)
                reg = live if rng.random() < 0.75 else hukou
                if a in ("seasonal_picker",) and hukou in PICKER_HOME:
                    reg = hukou
                    bank = rng.choice(OUT_BANKS)
                bal0 = fen(p.wealth * (0.6 if k == 0 else 0.4 / max(1, n - 1)) * rng.uniform(0.6, 1.4))
                cls = "I" if rng.random() < 0.85 else "II"
            p.cards.append(W.acct(rng, bank, p.idno, opened, reg, cls, "card", "lawful", a, pid, bal0))
        young = p.birth >= 1975
        pa = 0.6 if young else 0.25
        if a in ("cotton_farmer", "herder"):
            pa *= 0.6
        pt = 0.85 if young else 0.45
        for wb, pr in (("ALIPAY", pa), ("TENPAY", pt)):
            if rng.random() < pr:
                opened = -rng.randrange(30, 365 * 9) * DAY + rng.randrange(8 * HOUR, 23 * HOUR)
                if a == "student" and rng.random() < 0.2:
                    opened = at(rng, rng.randint(60, 75))
                cls = rng.choices(["I", "II", "III"], [60, 30, 10])[0]
                p.wallets.append(W.acct(rng, wb, p.idno, opened, live, cls, "wallet", "lawful", a, pid,
                                        fen(rng.uniform(20, 3000))))
        P.append(p)
        by_city.setdefault(p.city, []).append(pid)
    for p in P:
        pool = by_city[p.city]
        p.contacts = [rng.choice(pool) for _ in range(rng.randint(3, 8))]
        p.contacts = [c for c in p.contacts if c != p.pid]

    # external (out-of-region) people: one or two accounts at non-supplying institutions
    xrng = W.R("external")

    def ext_person(region=None, banks=OUT_BANKS + ["TENPAY"], n=1, rich=1.0, arch="external_person", year=None):
        region = region or xrng.choice(OUT_CITY)
        h = W.idno(xrng, region, year or xrng.randint(1955, 2003))
        out = []
        for k in range(n):
            b = xrng.choice(banks)
            kind = "wallet" if b in ("TENPAY", "ALIPAY") else "card"
            out.append(W.acct(xrng, b, h, -xrng.randrange(100, 4000) * DAY + xrng.randrange(9 * HOUR, 18 * HOUR),
                              region, "I", kind, "lawful", arch, None, fen(ln(xrng, 40000, 1.0) * rich)))
        return out

    BUYERS = [ext_person(arch="external_buyer")[0] for _ in range(900)]
    FAMILY = {}

    def family(region):
        l = FAMILY.setdefault(region, [])
        if len(l) < 12:
            l.append(ext_person(region, arch="external_family")[0])
            return l[-1]
        return xrng.choice(l)

    # ================= fraud-side setup ======================================================
    frng = W.R("fraud")
    GANGS = [
        dict(name="dianmian", ops=["533102", "530926", "532823"], cash=["533102", "530102"],
             exit={"atm": 3, "xborder": 3, "ushang": 3, "operator": 1}, layers=(2, 3), paofen=True,
             types={"investment": 3, "romance": 3, "brushing": 2, "net_black": 1}),
        dict(name="yuexi", ops=["440904", "445224", "441581"], cash=["441900", "440304", "440106"],
             exit={"atm": 5, "gold": 3, "ushang": 2, "operator": 1}, layers=(2, 3), paofen=False,
             types={"ecommerce_cs": 3, "police_gov": 2, "loan_card": 3, "credit_record": 3, "phone_bill": 1, "parcel": 1}),
        dict(name="bianjing", ops=["654004", "653101", "652702"], cash=["654004", "653024"],
             exit={"xborder": 5, "ushang": 3, "atm": 2, "operator": 1}, layers=(1, 3), paofen=False,
             types={"police_gov": 3, "investment": 2, "leader_acquaintance": 3, "subsidy_refund": 2, "accident_kidnap": 1}),
        dict(name="bendi", ops=["653125", "653121", "650104"], cash=["650104", "653101", "652801"],
             exit={"atm": 5, "ushang": 3, "operator": 1}, layers=(1, 2), paofen=True,
             types={"brushing": 4, "game_trade": 2, "shopping_service": 3, "fake_job": 2, "prize": 1,
                    "accident_kidnap": 1, "parcel": 1}),
        dict(name="minnan", ops=["350524", "460400", "431321"], cash=["350524", "441900"],
             exit={"ushang": 4, "operator": 3, "atm": 2, "gold": 1}, layers=(1, 3), paofen=True,
             types={"loan_card": 3, "military_purchase": 2, "shopping_service": 2, "romance": 2, "credit_record": 1}),
    ]
    MULE_BANK_W = {"ABC": 14, "URCB": 8, "CCB": 12, "XJRCU": 10, "XJB": 8, "ICBC": 14, "BOC": 7, "PSBC": 7,
                   "CMB": 8, "KLB": 3}

    def mule_bank(r):
        ks = list(MULE_BANK_W)
        return r.choices(ks, [MULE_BANK_W[k] for k in ks])[0]

    # U商 (OTC dealers): shared by gangs and lawful crypto buyers
    USHANG = []
    for k, reg in enumerate(["650104", "653101", "654002", "441900", "350524", "410105", "460400"]):
        h = W.idno(frng, reg, frng.randint(1978, 1998))
        for j in range(frng.randint(2, 3)):
            b = frng.choice(["URCB", "XJB", "ABC", "CCB", "ICBC"]) if reg.startswith("65") else frng.choice(OUT_BANKS)
            if j == 2:
                b = "ALIPAY" if reg.startswith("65") else "TENPAY"
            kind = "wallet" if b in ("ALIPAY", "TENPAY") else "card"
            USHANG.append(W.acct(frng, b, h, -frng.randrange(200, 2000) * DAY + 40000, reg, "I", kind, "ushang",
                                 "otc_usdt_dealer", None, fen(frng.uniform(5e4, 3e5))))
    USDT_SELLERS = [ext_person(arch="usdt_seller")[0] for _ in range(60)]

    # card farmers
    n_farm = 9 if hard else 11
    FARMERS = []   # (idno, [cards], gang index)
    for k in range(n_farm):
        home = FARMER_HOME[k % len(FARMER_HOME)]
        h = W.idno(frng, home, frng.randint(1985, 2003))
        ncard = frng.randint(3, 5) if hard else frng.randint(4, 9)
        cities = frng.sample(["urumqi", "korla", "changji", "shihezi", "kashgar", "aksu", "yining", "karamay"],
                             frng.randint(2, 3))
        start = frng.choice([frng.randint(-25, -2), frng.randint(0, 40), frng.randint(20, 150), frng.randint(40, 150)])
        if k < 3:
            start = frng.randint(-20, 30)      # some openings before extract starts
        span = frng.randint(10, 40) if hard else frng.randint(2, 20)
        banks = frng.sample(CARD_BANKS, min(len(CARD_BANKS), max(3, min(ncard, frng.randint(3, 7)))))
        cards = []
        for j in range(ncard):
            day = start + (j * span) // max(1, ncard - 1)
            city = cities[j % len(cities)]
            b = banks[j % len(banks)]
            ai = W.acct(frng, b, h, at(frng, day, 9, 17), frng.choice(XJ_CITY[city]),
                        frng.choice(["I", "I", "II"]), "card", "farmer_card", "card_farmer_card")
            A[ai].farmer = 1
            cards.append(ai)
        FARMERS.append((h, cards, k % len(GANGS)))

    # recruited holders of fresh cards
    recruit_pool = [p for p in P if p.arch in ("student", "seasonal_picker", "odd_jobs") or
                    (p.arch == "urban_worker" and p.birth >= 1995)]
    old_pool = [ai for p in P if p.arch in ("urban_worker", "odd_jobs", "truck_driver", "cotton_farmer", "herder",
                                             "small_merchant", "pensioner") for ai in p.cards[1:] + p.cards[:1]
                if A[ai].opened < -3 * 365 * DAY]
    frng.shuffle(old_pool)
    used_people = set()

    def window(layer):
        if hard:
            ln_ = {1: (25, 90), 2: (40, 120), 3: (60, 150)}[layer]
        else:
            ln_ = {1: (4, 25), 2: (10, 45), 3: (25, 100)}[layer]
        s = frng.randint(-5, 178)
        return s * DAY, (s + frng.randint(*ln_)) * DAY

    def mk_mule(g, layer, typ):
        s, e = window(layer)
        if typ == "fresh":
            opened = s - frng.randint(1, 8) * DAY + frng.randrange(10 * HOUR, 17 * HOUR)
            if frng.random() < 0.55 and recruit_pool:
                p = frng.choice(recruit_pool)
                h, reg = p.idno, p.live
                pid = p.pid
            else:
                reg = frng.choice(SOUTH + XJ_CITY["urumqi"] + ["431321", "450126"])
                h = W.idno(frng, reg, frng.randint(1990, 2005))
                reg = reg if reg.startswith("65") else frng.choice(XJ_CITY["urumqi"] + XJ_CITY["korla"])
                pid = None
            ai = W.acct(frng, mule_bank(frng), h, opened, reg, frng.choice(["I", "II", "II"]), "card", "mule",
                        "mule_fresh_card", pid)
        elif typ in ("old_sold", "old_rented"):
            ai = old_pool.pop()
            a = A[ai]
            a.role, a.arch = "mule", "mule_" + typ + "_account"
            if typ == "old_sold":
                a.stop_at = s - frng.randint(0, 5) * DAY
        elif typ == "wallet":
            opened = s - frng.randint(1, 6) * DAY + frng.randrange(8 * HOUR, 23 * HOUR)
            reg = frng.choice(SOUTH + XJ_CITY["urumqi"] + XJ_CITY["kashgar"])
            h = W.idno(frng, reg, frng.randint(1992, 2005))
            b = "ALIPAY" if frng.random() < 0.6 else "TENPAY"
            ai = W.acct(frng, b, h, opened, reg, frng.choice(["II", "III"]), "wallet", "mule", "mule_wallet")
        else:  # shell company
            reg = frng.choice(["654004", "654004", "653101", "650104", "440304"])
            h = W.uscc(frng, reg)
            opened = s - frng.randint(20, 240) * DAY + frng.randrange(10 * HOUR, 17 * HOUR)
            b = frng.choice(["XJB", "URCB", "CCB", "ICBC", "ABC", "BOC"])
            ai = W.acct(frng, b, h, opened, reg, "corp", "corp", "mule", "mule_shell_company", None,
                        fen(frng.uniform(1000, 20000)))
        A[ai].layer = layer
        return (ai, max(s, A[ai].opened + DAY), e)

    for gi, g in enumerate(GANGS):
        g["pools"] = {1: [], 2: [], 3: []}
        comp1 = {"fresh": 35, "old_sold": 10, "old_rented": 8, "wallet": 12, "shell": 3}
        comp2 = {"fresh": 30, "old_sold": 8, "old_rented": 8, "wallet": 10, "shell": 15}
        if hard:
            comp1 = {"fresh": 15, "old_sold": 20, "old_rented": 35, "wallet": 8, "shell": 3}
            comp2 = {"fresh": 15, "old_sold": 20, "old_rented": 30, "wallet": 5, "shell": 15}
        for layer, cnt, comp in ((1, 26, comp1), (2, 10, comp2), (3, 4, {"fresh": 2, "shell": 3, "old_rented": 1})):
            ks = list(comp)
            for _ in range(cnt):
                g["pools"][layer].append(mk_mule(g, layer, frng.choices(ks, [comp[k] for k in ks])[0]))
        g["ops"] = [W.acct(frng, frng.choice(["XJB", "URCB", "ICBC"]) if r.startswith("65") else frng.choice(OUT_BANKS),
                           W.idno(frng, r, frng.randint(1975, 1995)), -frng.randrange(60, 2000) * DAY + 36000, r, "I",
                           "card", "operator", "gang_operator") for r in g["ops"] for _ in range(frng.randint(1, 2))]
        g["paofen_accts"] = []
    for h, cards, gi in FARMERS:
        g = GANGS[gi]
        for ai in cards:
            if frng.random() < 0.15:
                continue     # never used by a gang: quiet card
            layer = 1 if frng.random() < 0.7 else 2
            s = A[ai].opened + frng.randint(3, 14) * DAY
            e = s + (frng.randint(20, 60) if hard else frng.randint(4, 20)) * DAY
            A[ai].layer = layer
            g["pools"][layer].append((ai, s, e))
    # 跑分 participants: young people lending their own account / QR code
    pf_pool = [p for p in P if p.birth >= 1994 and p.arch in ("student", "odd_jobs", "urban_worker")]
    for g in GANGS:
        if not g["paofen"]:
            continue
        for _ in range(9):
            p = frng.choice(pf_pool)
            if p.pid in used_people:
                continue
            used_people.add(p.pid)
            cand = p.wallets + p.cards
            ai = frng.choice(cand)
            A[ai].role, A[ai].arch = "paofen", "paofen_participant_" + A[ai].kind
            s = frng.randint(0, 160) * DAY
            g["paofen_accts"].append((ai, s, s + frng.randint(10, 60) * DAY))

    # victims
    TYPW = {"brushing": 18, "investment": 12, "ecommerce_cs": 10, "loan_card": 10, "credit_record": 6,
            "shopping_service": 8, "police_gov": 8, "leader_acquaintance": 7, "game_trade": 5, "romance": 5,
            "military_purchase": 2, "prize": 2, "parcel": 2, "subsidy_refund": 2, "accident_kidnap": 2,
            "phone_bill": 1, "fake_job": 3, "net_black": 1}
    VICT_ARCH = {
        "police_gov": ("pensioner", "civil_servant", "urban_worker"), "phone_bill": ("pensioner",),
        "parcel": ("pensioner", "urban_worker"), "brushing": ("student", "odd_jobs", "urban_worker"),
        "game_trade": ("student",), "credit_record": ("student", "urban_worker", "odd_jobs"),
        "fake_job": ("student", "odd_jobs", "seasonal_picker"), "ecommerce_cs": ("urban_worker", "civil_servant", "oil_worker"),
        "investment": ("oil_worker", "civil_servant", "urban_worker", "small_merchant"),
        "romance": ("oil_worker", "urban_worker", "civil_servant"), "military_purchase": ("small_merchant", "fruit_trader"),
        "loan_card": ("odd_jobs", "truck_driver", "cotton_farmer", "herder"), "subsidy_refund": ("cotton_farmer", "pensioner", "herder"),
        "accident_kidnap": ("pensioner", "cotton_farmer"), "leader_acquaintance": ("civil_servant", "urban_worker"),
    }
    by_arch = {}
    for p in P:
        by_arch.setdefault(p.arch, []).append(p)
    n_cases = 700
    CASES = []
    tks = list(TYPW)
    for cid in range(n_cases):
        typ = frng.choices(tks, [TYPW[k] for k in tks])[0]
        gis = [gi for gi, g in enumerate(GANGS) if typ in g["types"]]
        gi = frng.choices(gis, [GANGS[x]["types"][typ] for x in gis])[0]
        day = frng.randint(1, 176)
        local = frng.random() < 0.4
        v = None
        if local:
            pool = [x for a in VICT_ARCH.get(typ, ("urban_worker", "odd_jobs", "small_merchant")) for x in by_arch.get(a, [])]
            for _ in range(10):
                c = frng.choice(pool)
                if c.pid not in used_people and c.cards and A[c.cards[0]].role == "lawful":
                    v = c
                    break
        if v is not None:
            used_people.add(v.pid)
            accts = [x for x in v.cards if A[x].role == "lawful"]
            vreg = v.live
        else:
            vreg = frng.choice(OUT_CITY)
            yr = frng.randint(1950, 1965) if typ in ("police_gov", "phone_bill", "accident_kidnap") else frng.randint(1970, 2004)
            accts = ext_person(vreg, n=frng.randint(1, 3), rich=2.0, arch="external_person", year=yr)
        for x in accts:
            if not A[x].victim:
                A[x].victim = typ
        CASES.append(dict(cid=cid, typ=typ, gang=gi, day=day, v=v, accts=accts, reg=vreg, reported=False,
                          third=[], loss=0))

    # lawful crypto buyers and others choose U商 later in lawful generation
    # ================= lawful activity =======================================================
    lrng = W.R("lawful")
    ev = W.ev

    def spend(p, r, n, cats=("grocery", "grocery", "restaurant", "pharmacy", "phone", "grocery"), med=90):
        for _ in range(n):
            d = r.randrange(DAYS)
            t = at(r, d, 8, 23)
            src, ch = W.payer(p, t, r)
            if src < 0:
                continue
            cat = r.choice(cats)
            ev(t, src, mer(cat, p.city, r), fen(ln(r, med, 0.9)), ch, p.live, memo="")

    def pay_person(t, p, q, amt, r, memo="转账"):
        src, ch = W.payer(p, t, r)
        dst = W.recv(q, t, r)
        if src >= 0 and dst >= 0 and src != dst:
            ev(t, src, dst, amt, ch, p.live, memo=memo)

    for p in P:
        r = lrng
        a = p.arch
        cards = p.cards
        c0 = cards[0]
        # --- income
        if a in ("civil_servant", "urban_worker", "oil_worker") or "newjob_card" in p.flags:
            if a == "civil_servant":
                src, base, payday = r.choice(SRC["gov"]), r.uniform(5500, 12000), 10
            elif a == "oil_worker":
                src, base, payday = r.choice(SRC["petro"]), r.uniform(8000, 20000), 15
            else:
                src, base, payday = r.choice(SRC["employer"]), r.uniform(3200, 8500), r.choice([5, 10, 15, 25])
            tgt = c0
            nj_day = None
            if "newjob_card" in p.flags:
                nj_day = r.randint(20, 150)
                tgt = W.acct(r, r.choice(["ABC", "CCB", "XJB", "URCB", "ICBC", "BOC"]), p.idno, at(r, nj_day, 10, 17),
                             p.live, r.choice(["I", "II"]), "card", "lawful", a + ";new_job_card", p.pid, 0)
                p.cards.append(tgt)
                src = r.choice(SRC["employer"])
            for m, (d0, d1) in enumerate(MONTHS):
                d = min(d1 - 1, d0 + payday - 1 + r.randint(0, 2))
                to = tgt if nj_day is not None and d > nj_day + 5 else c0
                if nj_day is not None and d <= nj_day + 5 and a in ("student", "seasonal_picker"):
                    continue
                ev(at(r, d, 9, 12), src, to, fen(base * r.uniform(0.95, 1.15)), "other", A[src].region, memo="工资")
                if a == "civil_servant" and m in (3, 5):
                    ev(at(r, d + 3, 9, 12), src, to, fen(base * r.uniform(0.3, 0.8)), "other", A[src].region, memo="绩效奖")
        if a == "pensioner":
            src = r.choice(SRC["social"])
            amt = r.uniform(2400, 6000)
            for d0, d1 in MONTHS:
                ev(at(r, d0 + 4, 8, 11), src, c0, fen(amt), "other", "650102", memo="养老金")
                if r.random() < 0.7:
                    ev(at(r, d0 + r.randint(5, 12), 9, 17), c0, -1, fen(r100(amt * r.uniform(0.3, 0.8))),
                       r.choice(["counter", "atm"]), p.live, "W")
        if a == "student":
            parent = family(p.hukou) if p.hukou not in XJ_CITY["urumqi"] or r.random() < 0.5 else r.choice(BUYERS)
            for d0, d1 in MONTHS:
                ev(at(r, d0 + r.randint(0, 5)), parent, c0,
                   fen(r100(r.uniform(800, 2600))), "mobile", A[parent].region, memo="生活费")
            if r.random() < 0.8:
                ev(at(r, r.randint(62, 70)), c0, r.choice(SRC["employer"]), fen(r.choice([4700, 5000, 5500, 6200])),
                   "online", p.live, memo="学费")
        if a == "seasonal_picker":
            p.flags.add("picker")
        if a == "herder":
            for _ in range(r.randint(2, 5)):
                ev(at(r, r.randint(60, 180)), r.choice(SRC["slaughter"]), c0, fen(r100(ln(r, 18000, 0.6))), "online",
                   p.live, memo="牲畜款")
            for _ in range(r.randint(1, 3)):
                ev(at(r, r.randint(90, 180)), c0, mer("agri_supply", p.city, r), fen(r100(ln(r, 4000, 0.5))), "pos",
                   p.live, memo="饲草料")
        if a == "small_merchant":
            plat = r.choice(SRC["platform"])
            for d in range(r.randint(0, 6), DAYS, r.randint(4, 7)):
                ev(at(r, d, 1, 4), plat, c0, fen(ln(r, 1800, 0.7)), "other", A[plat].region, memo="商户结算")
            sup = r.choice(SUPPLIER)
            for d in range(r.randint(0, 9), DAYS, r.randint(7, 12)):
                ev(at(r, d), c0, sup, -r.randint(40, 70), "online", p.live, memo="货款")
        if a == "truck_driver":
            lg = r.choice(SRC["logistics"])
            d = r.randint(0, 6)
            while d < DAYS - 2:
                ev(at(r, d), lg, c0, fen(r100(r.uniform(3000, 14000))), "online", A[lg].region, memo="运费")
                route = r.sample(ROUTE, r.randint(2, 4))
                for k, reg in enumerate(route):
                    t = at(r, min(DAYS - 1, d + 1 + k), 0, 24)
                    ev(t, W.card(p, t, r), mer("gas", reg, r), fen(r.uniform(600, 2200)), "pos", reg, memo="加油")
                    if r.random() < 0.3:
                        ev(t + 1800, c0, -1, fen(r.choice([1000, 2000, 3000])), "atm", reg, "W")
                d += r.randint(6, 14)
        if a == "cotton_farmer":
            mu = ln(r, 120, 0.8)
            gin = r.choice(SRC["gin"])
            hand = p.live in SOUTH or r.random() < 0.3
            if r.random() < 0.5:
                ev(at(r, r.randint(0, 15), 9, 17), r.choice(SRC["bankloan"]), c0, fen(r100(mu * r.uniform(300, 600))),
                   "counter", p.live, memo="农户贷款")
            for _ in range(r.randint(2, 4)):
                ev(at(r, r.randint(0, 55)), c0, mer("agri_supply", p.city, r), fen(r100(mu * r.uniform(40, 110))),
                   "pos", p.live, memo="农资")
            gross = mu * 400 * r.uniform(6.0, 7.2)
            ns = r.randint(1, 4)
            sday = r.randint(96, 110)
            for k in range(ns):
                ev(at(r, min(DAYS - 1, sday + k * r.randint(8, 20)), 9, 18), gin, c0, fen(gross / ns * r.uniform(0.9, 1.1)),
                   "online", A[gin].region, memo="棉花款" if k else "籽棉预付款")
            p.flags.add("hand" if hand else "machine")
            if not hand:
                coop = mer("machinery_coop", p.city, r)
                ev(at(r, r.randint(100, 130)), c0, coop, fen(r100(mu * r.uniform(150, 200))), "online", p.live, memo="机采费")
            if r.random() < 0.5:
                ev(at(r, r.randint(160, 183), 9, 17), c0, r.choice(SRC["bankloan"]), fen(r100(mu * r.uniform(300, 600))),
                   "counter", p.live, memo="还贷")
            p.wealth = mu
        if a == "homestay_host":
            for d in range(0, 110):
                peak = 1.0 if d < 70 else 0.4 if d < 100 else 0.1
                for _ in range(nrand(r, 2.2 * peak)):
                    ev(at(r, d, 9, 23), r.choice(BUYERS), r.choice(cards + p.wallets), fen(r100(r.uniform(200, 1500))),
                       "mobile", p.live, memo="房费")
            for d0, d1 in MONTHS[:4]:
                for _ in range(r.randint(1, 3)):
                    q = P[r.choice(by_city[p.city])]
                    pay_person(at(r, d0 + 27), p, q, fen(r100(r.uniform(2500, 4500))), r, "工资")
        # --- everyday life
        ar = act
        if a in ("pensioner", "seasonal_picker", "herder", "cotton_farmer"):
            ar *= 0.6
        spend(p, r, nrand(r, 13 * ar))
        for _ in range(nrand(r, 5 * ar)):   # wallet top-ups
            if not p.wallets:
                break
            t = at(r, r.randrange(DAYS))
            w = r.choice(p.wallets)
            c = W.card(p, t, r)
            if c >= 0 and W.usable(w, t):
                ev(t, c, w, fen(r100(r.uniform(200, 2500))), "mobile", p.live, memo="充值")
        for _ in range(nrand(r, 4 * ar)):   # cash
            t = at(r, r.randrange(DAYS), 7, 23)
            c = W.card(p, t, r)
            if c >= 0:
                ev(t, c, -1, fen(r.choice([200, 300, 500, 1000, 1000, 2000])), "atm", p.live, "W")
        for _ in range(nrand(r, 4 * ar)):   # p2p with contacts
            if not p.contacts:
                break
            t = at(r, r.randrange(DAYS))
            pay_person(t, p, P[r.choice(p.contacts)], fen(r.choice([50, 100, 200, 300, 500, 800, 1000, 2000, 66, 88, 520])), r)
        if p.contacts and r.random() < 0.5:     # Mid-Autumn / National Day gifts
            pay_person(at(r, r.choice([MID_AUTUMN - 1, MID_AUTUMN, NATIONAL_DAY])), p, P[r.choice(p.contacts)],
                       fen(r.choice([200, 500, 600, 888, 1000, 2000])), r, "节日红包")
        if r.random() < 0.12 and a not in ("seasonal_picker",):   # summer / autumn trip
            reg = r.choice(TOURIST + ["650102", "653101"])
            d = r.randint(10, 100)
            for k in range(r.randint(1, 3)):
                t = at(r, d + k)
                c = W.card(p, t, r)
                if c >= 0:
                    ev(t, c, mer("scenic", reg, r) if reg in TOURIST else mer("hotel", city_of(reg), r),
                       fen(ln(r, 600, 0.6)), "pos", reg, memo="")
                    ev(t + 3600, c, -1, fen(r.choice([1000, 2000, 3000])), "atm", reg, "W")
        if len(cards) > 1 and r.random() < 0.4:   # occasional own-account moves
            for _ in range(r.randint(1, 3)):
                t = at(r, r.randrange(DAYS))
                x, y = r.sample(cards, 2)
                if W.usable(x, t) and W.usable(y, t):
                    ev(t, x, y, -r.randint(20, 80), "mobile", p.live, memo="本人转账")

    # ---- look-alike occupations -------------------------------------------------------
    pickers = [p for p in P if p.arch == "seasonal_picker"]
    contractors = [p for p in P if p.arch == "labour_contractor"]
    crew = {p.pid: [] for p in contractors}
    for q in pickers:
        if contractors and lrng.random() < 0.8:
            crew[lrng.choice(contractors).pid].append(q)
    hand_farmers = [p for p in P if "hand" in p.flags]
    lr = lrng
    crewed = {q.pid for v in crew.values() for q in v}
    for p in P:
        r = lr
        a = p.arch
        c0 = p.cards[0]
        if a == "labour_contractor":
            my = crew[p.pid]
            if not my:
                my = r.sample(pickers, min(len(pickers), r.randint(10, 30)))
            farms = [f for f in hand_farmers if f.city == p.city] or hand_farmers
            for k in range(r.randint(3, 7)):
                d = r.randint(92, 150)
                f = r.choice(farms)
                t = at(r, d, 9, 16)
                total = 0
                ng = r.randint(1, 3)
                for j in range(ng):
                    amt = r100(ln(r, 45000, 0.5))
                    total += amt
                    fc = W.card(f, t, r)
                    src = fc if fc >= 0 else r.choice(SRC["gin"])
                    ev(t + j * r.randint(60, 3000), src, c0, fen(amt), "mobile", f.live, memo="拾花工资")
                t2 = t + r.randint(1, 6) * HOUR
                sub = r.sample(my, min(len(my), r.randint(8, 30)))
                for j, q in enumerate(sub):
                    dst = W.card(q, t2, r, 0.9)
                    if dst >= 0:
                        ev(t2 + j * r.randint(20, 200), c0, dst, fen(r100(total * 0.9 / len(sub) * r.uniform(0.6, 1.4))),
                           "mobile", p.live, memo="拾花工资")
                if r.random() < 0.5:
                    ev(t2 + 2 * HOUR, c0, -1, fen(r100(total * r.uniform(0.05, 0.15))), "counter", p.live, "W")
        if a == "seasonal_picker" and p.pid not in crewed:
            # paid directly by a farmer
            if hand_farmers:
                f = r.choice(hand_farmers)
                for k in range(r.randint(1, 3)):
                    t = at(r, r.randint(95, 140))
                    fc = W.card(f, t, r)
                    if fc >= 0:
                        ev(t, fc, c0, fen(r100(r.uniform(2500, 9000))), "mobile", f.live, memo="拾花工资")
        if a == "seasonal_picker":
            home = family(p.hukou) if not p.hukou.startswith("65") else None
            for k in range(r.randint(1, 3)):
                t = at(r, r.randint(110, 150))
                if home is not None:
                    ev(t, c0, home, -r.randint(40, 80), "mobile", p.live, memo="寄回家")
                else:
                    ev(t, c0, -1, -r.randint(30, 70), "atm", p.live, "W")
            if A[c0].opened > 0:
                A[c0].arch = "seasonal_picker;new_card_in_data"
        if a == "produce_broker":
            down = r.choice(SRC["mill"] + SRC["wholesale"])
            growers = [f for f in P if f.city == p.city and f.arch in ("cotton_farmer", "herder", "fruit_trader", "odd_jobs")]
            if len(growers) < 10:
                growers = r.sample(P, 40)
            for k in range(r.randint(4, 9)):
                d = r.randint(75, 170)
                t = at(r, d, 8, 14)
                adv = r100(ln(r, 380000, 0.5))
                ev(t, down, c0, fen(adv), "online", A[down].region, memo="预付货款")
                t2 = t + r.randint(1, 5) * HOUR
                k2 = r.randint(8, 30)
                for j in range(k2):
                    q = r.choice(growers)
                    dst = W.card(q, t2, r, 0.9)
                    if dst >= 0:
                        ev(t2 + j * r.randint(30, 400), c0, dst, fen(r100(adv * 0.92 / k2 * r.uniform(0.5, 1.5))),
                           "mobile", p.live, memo="收购款")
        if a == "fruit_trader":
            kind = r.choice(list(FRUIT))
            _, d0, d1 = FRUIT[kind]
            growers = [f for f in P if f.city == p.city and f.arch in ("cotton_farmer", "herder", "odd_jobs")] or r.sample(P, 30)
            plat = r.choice(SRC["platform"])
            exp = mer("express", "all", r)
            tgt = p.cards + p.wallets
            for d in range(d0, d1):
                for _ in range(nrand(r, 1.6)):
                    ev(at(r, d, 8, 24), r.choice(BUYERS), r.choice(tgt), fen(r.choice([39.9, 59, 68, 88, 99, 128, 168, 199, 258])),
                       "mobile", A[c0].region, memo="水果")
                if d % 3 == 0:
                    ev(at(r, d, 1, 5), plat, c0, fen(ln(r, 6000, 0.6)), "other", A[plat].region, memo="平台结算")
                if d % 2 == 0:
                    q = r.choice(growers)
                    dst = W.card(q, d * DAY + 15 * HOUR, r)
                    if dst >= 0:
                        ev(at(r, d, 14, 20), c0, dst, -r.randint(30, 60), "mobile", p.live, memo="果款")
                if d % 7 == 0:
                    ev(at(r, d, 18, 21), c0, exp, -r.randint(8, 15), "online", p.live, memo="快递费")
        if a == "livestock_trader":
            herders = [f for f in P if f.arch == "herder"] or P
            d = r.randint(0, 10)
            while d < DAYS - 3:
                t = at(r, d, 7, 12)
                reg = r.choice(HERD)
                for j in range(r.randint(1, 4)):
                    q = r.choice(herders)
                    dst = W.card(q, t, r)
                    if dst >= 0:
                        ev(t + j * 900, c0, dst, fen(r100(ln(r, 22000, 0.6))), "mobile", reg, memo="买羊")
                if r.random() < 0.5:
                    ev(t + 2 * HOUR, c0, -1, fen(r100(r.uniform(10000, 50000))), "counter", reg, "W")
                ev(at(r, d + r.randint(1, 3), 9, 18), r.choice(SRC["slaughter"]), c0, fen(r100(ln(r, 70000, 0.6))),
                   "online", reg, memo="牲畜款")
                d += r.randint(5, 12)
        if a == "border_trader":
            dom = r.choice(SRC["mill"] + SRC["wholesale"] + SRC["employer"])
            foreign = [W.acct(r, None, "", -3000 * DAY, "000000", "", "foreign", "lawful", "foreign_trade_partner")
                       for _ in range(r.randint(1, 3))]
            d = r.randint(0, 12)
            while d < DAYS - 2:
                t = at(r, d, 9, 17)
                amt = r100(ln(r, 260000, 0.7))
                if r.random() < 0.65:
                    ev(t, dom, c0, fen(amt), "online", A[dom].region, memo="货款")
                    ev(t + r.randint(1, 20) * HOUR, c0, r.choice(foreign), -r.randint(80, 97), "online", p.live, xb=1,
                       memo="边贸货款")
                else:
                    ev(t, r.choice(foreign), c0, fen(amt), "online", p.live, xb=1, memo="边贸回款")
                    ev(t + r.randint(1, 30) * HOUR, c0, r.choice(SUPPLIER), -r.randint(70, 95), "online", p.live, memo="货款")
                if r.random() < 0.3:
                    ev(t + 4 * HOUR, c0, -1, fen(r100(r.uniform(20000, 60000))), "counter", p.live, "W")
                d += r.randint(4, 12)
        # ---- overlays
        if "wedding_host" in p.flags or "funeral_host" in p.flags:
            wed = "wedding_host" in p.flags
            d = r.choice([r.randint(62, 150), NATIONAL_DAY + r.randint(0, 6)]) if wed else r.randint(5, 178)
            guests = [P[x] for x in by_city[p.city]]
            ng = r.randint(30, 110) if wed else r.randint(20, 70)
            tgt = p.cards[0]
            for j in range(ng):
                t = at(r, d + r.randint(-1, 2), 8, 23)
                amt = r.choice([200, 500, 600, 800, 1000, 1000, 1200, 2000]) if wed else r.choice([100, 200, 300, 500, 1000])
                if r.random() < 0.25:
                    ev(t, r.choice(BUYERS), r.choice(p.cards + p.wallets), fen(amt), "mobile", p.live, memo="礼金")
                else:
                    pay_person(t, r.choice(guests), p, fen(amt), r, "礼金" if wed else "奠仪")
            if wed and r.random() < 0.5:
                ev(at(r, d - r.randint(3, 10)), family(p.hukou) if r.random() < 0.3 else r.choice(BUYERS), tgt, fen(r100(r.uniform(50000, 188000))), "online", p.live, memo="彩礼")
            t = at(r, d + r.randint(1, 3))
            ev(t, tgt, mer("wedding_hall" if wed else "funeral", p.city, r), -r.randint(50, 85), "pos", p.live,
               memo="酒席" if wed else "丧葬费")
            if wed:
                ev(t + HOUR, tgt, mer("gold", p.city, r), fen(r100(r.uniform(8000, 30000))), "pos", p.live, memo="首饰")
        if "newcard_bigbuy" in p.flags:
            d = r.randint(20, 170)
            nb = r.choice(["ABC", "CCB", "XJB", "URCB", "ICBC", "XJRCU", "BOC"])
            nc = W.acct(r, nb, p.idno, at(r, d, 10, 16), p.live, "I", "card", "lawful", a + ";new_card_big_purchase", p.pid, 0)
            t = at(r, d + r.randint(0, 3), 16, 22)
            for x in p.cards:
                ev(t, x, nc, -r.randint(85, 98), "mobile", p.live, memo="本人转账")
                t += r.randint(60, 900)
            for j in range(r.randint(0, 3)):
                if p.contacts:
                    pay_person(t + j * 600, P[r.choice(p.contacts)], p, fen(r100(r.uniform(10000, 80000))), r, "借款")
            p.cards.append(nc)
            what = r.choice(["car_dealer", "developer", "livestock"])
            t2 = t + r.randint(2, 72) * HOUR
            if what == "livestock":
                dst = r.choice(SRC["slaughter"])
            else:
                dst = mer(what, p.city, r)
            ev(t2, nc, dst, -r.randint(85, 99), "counter" if what != "livestock" else "mobile", p.live,
               memo={"car_dealer": "购车款", "developer": "购房首付", "livestock": "购牛款"}[what])
        if "mover" in p.flags:
            for _ in range(r.randint(6, 20)):
                t = at(r, r.randrange(DAYS), 7, 24)
                x, y = r.sample(p.cards, 2)
                ev(t, x, y, fen(r100(r.uniform(1000, 50000))), "mobile", p.live, memo="")
        if "cash_heavy" in p.flags:
            for _ in range(r.randint(10, 30)):
                t = at(r, r.randrange(DAYS), 6, 24)
                reg = r.choice([x for c in ("urumqi", "kashgar", "yining", "korla", "aksu", "hotan") for x in XJ_CITY[c][:2]])
                c = W.card(p, t, r, 0.5)
                if c >= 0:
                    for j in range(r.randint(1, 4)):
                        ev(t + j * 90, c, -1, fen(r.choice([2000, 2500, 3000, 5000])), "atm", reg, "W")
        if "crypto_buyer" in p.flags:
            for _ in range(r.randint(2, 7)):
                t = at(r, r.randrange(DAYS), 9, 24)
                u = r.choice(USHANG)
                c = W.card(p, t, r)
                if c >= 0:
                    if r.random() < 0.75:
                        ev(t, c, u, fen(r100(ln(r, 12000, 0.8))), "mobile", p.live, memo="")
                    else:
                        ev(t, u, c, fen(r100(ln(r, 10000, 0.8))), "mobile", A[u].region, memo="")
    # merchants sweep takings weekly
    for cat, ai in ALL_MER:
        if cat in ("scenic", "hotel", "grocery", "restaurant", "gold", "car_dealer", "developer", "phone", "wedding_hall"):
            sup = lr.choice(SUPPLIER)
            for d in range(lr.randint(0, 6), DAYS, 7):
                ev(at(lr, d, 17, 21), ai, sup, -lr.randint(60, 90), "online", A[ai].region, memo="货款")
    # U商 business: buying USDT from sellers, moving between own cards
    for u in USHANG:
        for d in range(DAYS):
            if lr.random() < 0.55:
                ev(at(lr, d, 0, 24), u, lr.choice(USDT_SELLERS), -lr.randint(40, 90), "mobile", A[u].region, memo="")
            if lr.random() < 0.4:
                ev(at(lr, d, 0, 24), lr.choice(USDT_SELLERS), u, fen(r100(ln(lr, 20000, 0.8))), "mobile", A[u].region, memo="")
    # old rented accounts keep their owners' life; card farmers activate their cards
    for h, cards, gi in FARMERS:
        for ai in cards:
            if frng.random() < 0.7:
                ev(A[ai].opened + frng.randint(600, 5 * HOUR), -1, ai, fen(frng.choice([10, 20, 50, 100, 200])), "counter",
                   A[ai].region, "D")
    # recruited fresh mule cards: the holder's small test deposit
    for g in GANGS:
        for layer in (1, 2, 3):
            for ai, s, e in g["pools"][layer]:
                if A[ai].arch == "mule_fresh_card" and frng.random() < 0.5:
                    ev(A[ai].opened + frng.randint(300, 3 * HOUR), -1, ai, fen(frng.choice([1, 10, 50, 100])), "counter",
                       A[ai].region, "D")

    # ================= fraud flows ==========================================================
    fr = W.R("flows")

    def pick(g, layer, t):
        pool = g["pools"][layer]
        c = [x for x in pool if x[1] <= t <= x[2] and A[x[0]].opened < t - HOUR]
        if not c:
            c = [x for x in pool if x[1] <= t and A[x[0]].opened < t - HOUR]
            c = c[-3:] if c else [x for x in pool if A[x[0]].opened < t - HOUR][:3]
            if not c:
                return -1
        return fr.choice(c)[0]

    def tag(ai, cid):
        a = A[ai]
        if a.cases is None:
            a.cases = set()
        a.cases.add(cid)

    def delay(layer):
        if hard:
            return fr.randint(2 * HOUR, 40 * HOUR)
        base = 8 * 60 if layer == 1 else 25 * 60
        return int(max(45, ln(fr, base, 0.8)))

    def do_exit(g, ai, amt, t, cid):
        a = A[ai]
        ex = dict(g["exit"])
        if a.kind == "wallet":
            ex.pop("atm", None)
            ex.pop("gold", None)
        if a.kind == "corp":
            ex.pop("atm", None)
            ex["xborder"] = ex.get("xborder", 0) + 3
        ks = list(ex)
        e = fr.choices(ks, [ex[k] for k in ks])[0]
        t += delay(2)
        if e == "atm":
            reg = a.region if hard else fr.choice(g["cash"])
            left = amt
            day_lim = fen(10000 if hard else 20000)
            while left >= fen(500):
                used = 0
                tt = t
                while left >= fen(500) and used < day_lim:
                    c = min(left, fen(fr.choice([2000, 2500, 3000, 5000]) if not hard else fr.choice([1000, 2000, 3000])))
                    c = c // 10000 * 10000
                    if c <= 0:
                        break
                    ev(tt, ai, -1, c, "atm", reg, "W", fk="cashout", flex=0, case=cid)
                    used += c
                    left -= c
                    tt += fr.randint(40, 240)
                t = (t // DAY + 1) * DAY + fr.randint(1 * HOUR, 23 * HOUR)
                if not hard and fr.random() < 0.4:
                    reg = fr.choice(g["cash"])
        elif e == "gold":
            ev(t, ai, mer("gold", fr.choice(["shenzhen", "urumqi", "kashgar"]), fr), amt, "pos",
               a.region, fk="cashout", flex=0, case=cid)
        elif e == "ushang":
            u = fr.choice(USHANG)
            ev(t, ai, u, amt, "mobile", a.region, fk="ushang", flex=0, case=cid)
            tag(u, cid)
        elif e == "xborder":
            if "xb" not in g:
                g["xb"] = [W.acct(fr, None, "", -2000 * DAY, "000000", "", "foreign", "operator", "offshore_gang_account")
                           for _ in range(3)]
            ev(t, ai, fr.choice(g["xb"]), amt, "online", a.region, xb=1, memo=fr.choice(["货款", "服务费", ""]),
               fk="cashout", flex=0, case=cid)
        else:
            op = fr.choice(g["ops"])
            ev(t, ai, op, amt, "mobile", a.region, fk="cashout", flex=0, case=cid)
            tag(op, cid)

    def route(g, ai, amt, t, layer, maxl, cid):
        a = A[ai]
        tag(ai, cid)
        if a.role == "paofen":
            t2 = t + fr.randint(60, 15 * 60)
            nxt = pick(g, min(3, layer + 1), t2)
            if nxt < 0:
                nxt = fr.choice(g["ops"])
            ev(t2, ai, nxt, int(amt * fr.uniform(0.97, 0.99)), "mobile", a.region, fk="paofen", flex=0, case=cid)
            if A[nxt].role == "operator":
                tag(nxt, cid)
                return
            route(g, nxt, int(amt * 0.98), t2, layer + 1, maxl, cid)
            return
        if layer >= maxl:
            do_exit(g, ai, amt, t, cid)
            return
        keep = fr.uniform(0.0, 0.015) if not hard else fr.uniform(0.05, 0.25)
        amt2 = int(amt * (1 - keep))
        k = 1 if amt2 < fen(20000) else fr.choices([1, 2, 3], [45, 38, 17])[0]
        parts = []
        left = amt2
        for j in range(k):
            pv = left if j == k - 1 else int(left * fr.uniform(0.3, 0.6))
            parts.append(pv)
            left -= pv
        for pv in parts:
            if pv < fen(50):
                continue
            t2 = t + delay(layer)
            use_pf = g["paofen_accts"] and fr.random() < 0.2
            if use_pf:
                c = [x for x in g["paofen_accts"] if x[1] <= t2 <= x[2]]
                nxt = fr.choice(c)[0] if c else -1
                fk = "paofen"
            else:
                nxt = -1
            if nxt < 0:
                nxt = pick(g, layer + 1, t2)
                fk = "layering"
            if nxt < 0 or nxt == ai:
                do_exit(g, ai, pv, t, cid)
                continue
            ev(t2, ai, nxt, pv, fr.choice(["mobile", "online"]), a.region, fk=fk, flex=0, case=cid,
               memo=fr.choice(["", "", "货款", "还款", "往来款"]))
            route(g, nxt, pv, t2, layer + 1, maxl, cid)
        if hard and keep > 0.1:
            # the rest leaves days later, local cash
            do_exit(g, ai, int(amt * keep * 0.9), t + fr.randint(2, 6) * DAY, cid)

    def plan(typ):
        r = fr
        out = []
        t = 0
        if typ == "brushing":
            amt = r.uniform(100, 500)
            for i in range(r.randint(3, 7)):
                out.append((t, amt))
                t += r.randint(600, 6 * HOUR) if i < 2 else r.randint(1800, 20 * HOUR)
                amt *= r.uniform(1.6, 2.8)
                if amt > 60000:
                    break
        elif typ in ("investment", "romance"):
            amt = r.uniform(5000, 30000)
            for i in range(r.randint(3, 10) if typ == "investment" else r.randint(4, 12)):
                out.append((t, min(amt, 300000)))
                t += r.randint(1, 8) * DAY + r.randint(0, 10 * HOUR)
                amt *= r.uniform(1.0, 1.9)
        elif typ == "loan_card":
            amt = r.uniform(800, 5000)
            for i in range(r.randint(2, 5)):
                out.append((t, amt))
                t += r.randint(HOUR // 2, 24 * HOUR)
                amt *= r.uniform(1.2, 2.0)
        elif typ in ("police_gov", "parcel", "phone_bill"):
            for i in range(r.randint(1, 3)):
                out.append((t, r.uniform(30000, 350000)))
                t += r.randint(600, 5 * HOUR)
        elif typ in ("ecommerce_cs", "credit_record"):
            for i in range(r.randint(1, 4)):
                out.append((t, r.uniform(3000, 45000)))
                t += r.randint(120, 1800)
        elif typ == "leader_acquaintance":
            for i in range(r.randint(1, 3)):
                out.append((t, r.uniform(5000, 100000)))
                t += r.randint(300, 3600)
        elif typ == "accident_kidnap":
            for i in range(r.randint(1, 2)):
                out.append((t, r.uniform(5000, 50000)))
                t += r.randint(300, 3600)
        elif typ == "military_purchase":
            for i in range(r.randint(1, 2)):
                out.append((t, r.uniform(10000, 80000)))
                t += r.randint(HOUR, 30 * HOUR)
        elif typ in ("prize", "fake_job", "game_trade", "shopping_service", "subsidy_refund", "net_black"):
            lo, hi = {"prize": (500, 5000), "fake_job": (100, 1500), "game_trade": (100, 3000),
                      "shopping_service": (100, 5000), "subsidy_refund": (1000, 12000), "net_black": (1000, 20000)}[typ]
            for i in range(r.randint(1, 3)):
                out.append((t, r.uniform(lo, hi)))
                t += r.randint(300, 6 * HOUR)
        if hard:
            o2 = []
            for tt, a in out:
                a *= 0.6
                while a > 15000:
                    c = r.uniform(5000, 15000)
                    o2.append((tt, c))
                    a -= c
                    tt += r.randint(HOUR, 12 * HOUR)
                o2.append((tt, a))
            out = o2
        return out

    for C in CASES:
        g = GANGS[C["gang"]]
        typ = C["typ"]
        cid = C["cid"]
        t0 = at(fr, C["day"], 8, 22)
        va = C["accts"]
        main = va[0]
        pays = plan(typ)
        total = sum(x[1] for x in pays)
        # savings the victim holds (population victims get it on their cards before the data starts)
        if C["v"] is not None:
            need = fen(total * fr.uniform(0.9, 1.6))
            if len(va) > 1 and typ in ("police_gov", "parcel", "phone_bill", "ecommerce_cs", "investment"):
                for x in va[1:]:
                    A[x].bal0 += need // (len(va) - 1) // 2
                A[main].bal0 += need // 2
            else:
                A[main].bal0 += need
        # consolidation from the victim's own cards
        if typ in ("police_gov", "parcel", "phone_bill", "ecommerce_cs", "investment") and len(va) > 1:
            tt = t0 - fr.randint(600, 3 * HOUR)
            for x in va[1:]:
                ev(tt, x, main, -fr.randint(90, 100), "mobile", C["reg"], memo="")
                tt += fr.randint(60, 600)
        # loan-app money first
        if typ in ("credit_record", "loan_card", "ecommerce_cs") and fr.random() < (0.8 if typ == "credit_record" else 0.35):
            tt = t0 - fr.randint(900, 4 * HOUR)
            for j in range(fr.randint(1, 4)):
                ev(tt, fr.choice(SRC["loanapp"]), main, fen(r100(fr.uniform(3000, 30000))), "online", "440304",
                   memo="借款发放")
                tt += fr.randint(120, 1800)
        lp = None
        maxl = fr.randint(*g["layers"])
        if hard:
            maxl = min(maxl, fr.choice([1, 1, 2]))
        for k, (dt_, amt) in enumerate(pays):
            t = t0 + dt_
            if t >= END - HOUR:
                break
            f = fen(max(1.0, amt))
            ch = "mobile"
            if typ in ("police_gov", "parcel", "phone_bill") and fr.random() < 0.4:
                ch = "counter"
            elif typ == "subsidy_refund":
                ch = "atm"
            elif fr.random() < 0.3:
                ch = "online"
            # three-party fraud through lawful merchants, U商 paid directly, 跑分 QR
            third = None
            if typ in ("shopping_service", "military_purchase") and fr.random() < 0.35:
                third = mer(fr.choice(["phone", "gold"]), fr.choice(["urumqi", "kashgar", "korla"]), fr)
                if fr.random() < 0.4:
                    ft = [p for p in by_arch.get("fruit_trader", [])]
                    if ft:
                        third = fr.choice(ft).cards[0]
            elif typ == "investment" and fr.random() < 0.25:
                third = fr.choice(USHANG)
            if third is not None:
                ev(t, main, third, f, ch, C["reg"], fk="victim_payment", flex=0, case=cid)
                if A[third].role == "lawful":
                    C["third"].append(third)
                else:
                    tag(third, cid)
                C["loss"] += f
                continue
            recv = -1
            if g["paofen_accts"] and fr.random() < 0.15:
                c = [x for x in g["paofen_accts"] if x[1] <= t <= x[2]]
                if c:
                    recv = fr.choice(c)[0]
            if recv < 0:
                if lp is not None and fr.random() < 0.5 and typ not in ("investment", "romance"):
                    recv = lp
                else:
                    recv = pick(g, 1, t)
            if recv < 0:
                continue
            lp = recv
            ev(t, main, recv, f, ch, C["reg"], fk="victim_payment", flex=0, case=cid)
            C["loss"] += f
            if typ == "brushing" and k < 2:
                ev(t + fr.randint(300, 1800), recv, main, int(f * fr.uniform(1.1, 1.3)), "mobile", A[recv].region,
                   memo="返利", fk="layering", flex=0, case=cid)
            if typ == "investment" and k == 1 and fr.random() < 0.4:
                ev(t + fr.randint(1, 3) * DAY, recv, main, int(f * 0.1), "online", A[recv].region, memo="收益提现",
                   fk="layering", flex=0, case=cid)
            route(g, recv, f, t, 1, maxl, cid)
        C["reported"] = fr.random() < min(0.85, 0.4 + (0.25 if C["loss"] >= fen(10000) else 0) +
                                           (0.1 if C["v"] is not None else 0))

    # ================= replay: balances, visibility ============================================
    EV = W.EV
    EV.sort(key=lambda e: (e[0], e[1]))
    nA = len(A)
    bal = [a.bal0 for a in A]
    sup = [SUPPLY.get(a.bank) for a in A]
    first_bal = [None] * nA
    vrun = [0] * nA
    vmin = [0] * nA
    out = []
    for e in EV:
        t, _, f, to, amt, ch, reg, kind, memo, xb, fk, flex, case = e
        if t < 0 or t >= END:
            continue
        if f >= 0 and (A[f].opened > t - 60 or (A[f].stop_at is not None and t >= A[f].stop_at and fk == "")):
            continue
        if to >= 0 and A[to].opened > t - 60:
            continue
        if f >= 0 and f == to:
            continue
        if amt < 0:
            amt = bal[f] * (-amt) // 100 // 10000 * 10000
            if amt < 10000:
                continue
        if amt <= 0:
            continue
        if f >= 0 and bal[f] < amt:
            if flex:
                continue
            amt = bal[f] // 100 * 100 if kind != "W" else bal[f] // 10000 * 10000
            if amt < 100:
                continue
        vis = (f >= 0 and sup[f] is not None and t >= sup[f]) or (to >= 0 and sup[to] is not None and t >= sup[to])
        if vis:
            for x, d in ((f, -amt), (to, amt)):
                if x >= 0 and sup[x] is not None:
                    if first_bal[x] is None:
                        first_bal[x] = bal[x]
                    vrun[x] += d
                    if vrun[x] < vmin[x]:
                        vmin[x] = vrun[x]
            out.append((t, f, to, amt, ch, reg, kind, memo, xb, fk, case))
        if f >= 0:
            bal[f] -= amt
        if to >= 0:
            bal[to] += amt
    return W, out, bal, first_bal, vmin, CASES, FARMERS, GANGS


def fmt_time(t):
    return (T0 + dt.timedelta(seconds=t)).isoformat()


def write(variant, seed, outdir, truth, stats):
    W, out, bal, first_bal, vmin, CASES, FARMERS, GANGS = build(variant, seed)
    A = W.A
    os.makedirs(outdir, exist_ok=True)
    lab = W.R("labels")
    rows = [a for a in A if SUPPLY.get(a.bank) is not None and a.opened < END]
    has_row = set(a.i for a in rows)
    in_txn = set()
    txids = []
    for n, (t, f, to, *_r) in enumerate(out):
        txids.append("TS%s%07d" % (variant[:1].upper(), n + 1))
        if f >= 0:
            in_txn.add(f)
        if to >= 0:
            in_txn.add(to)
    appears = has_row | in_txn

    # --- accounts.csv
    with open(os.path.join(outdir, "accounts.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class", "opening_balance", "status"])
        for a in rows:
            s = SUPPLY[a.bank]
            if a.opened >= max(0, s):
                ob = a.bal0
            elif first_bal[a.i] is None:
                ob = bal[a.i]
            else:
                ob = max(first_bal[a.i], -vmin[a.i])
            w.writerow([a.id, a.bank, a.holder, fmt_time(a.opened), a.region, a.cls, fmt_amt(ob), "active"])
    # --- transfers.csv
    kinds = {"T": "transfer", "W": "withdrawal", "D": "deposit"}
    fraud_tx = []
    with open(os.path.join(outdir, "transfers.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region", "kind",
                    "memo", "cross_border"])
        for tid, (t, f, to, amt, ch, reg, kind, memo, xb, fk, case) in zip(txids, out):
            w.writerow([tid, fmt_time(t), A[f].id if f >= 0 else "", A[to].id if to >= 0 else "", fmt_amt(amt), "CNY",
                        ch, reg, kinds[kind], memo, "true" if xb else "false"])
            if fk:
                fraud_tx.append((tid, fk, case, f, to))
    # --- labels
    rep = {C["cid"]: C["reported"] for C in CASES}
    labels = []
    lab_acct = set()
    for tid, fk, case, f, to in fraud_tx:
        if fk == "victim_payment" and rep.get(case) and lab.random() < 0.92:
            labels.append(("transfer", tid, "fraud"))
    for a in A:
        if a.i not in appears or a.role == "lawful" or a.kind == "foreign":
            continue
        cs = a.cases or set()
        reported = any(rep.get(c) for c in cs)
        if a.role in ("mule", "farmer_card"):
            if not cs:
                p = 0.03
            elif a.layer == 1:
                p = 0.68 if reported else 0.12
            elif a.layer == 2:
                p = 0.33 if reported else 0.06
            else:
                p = 0.12 if reported else 0.03
        elif a.role == "paofen":
            p = 0.3 if reported else 0.05
        elif a.role == "ushang":
            p = 0.12 if reported else 0.0
        elif a.role == "operator":
            p = 0.25 if reported else 0.05
        else:
            p = 0
        if lab.random() < p:
            lab_acct.add(a.i)
    for C in CASES:     # wrong labels: lawful merchants paid in 三方诈骗
        if C["reported"]:
            for m in C["third"]:
                if m in appears and lab.random() < 0.5:
                    lab_acct.add(m)
    for a in A:
        if a.i in lab_acct:
            labels.append(("account", a.id, "mule"))
    farm_lab = set()
    order = list(range(len(FARMERS)))
    lab.shuffle(order)
    for k in order[: (len(FARMERS) + 1) // 2]:
        h, cards, gi = FARMERS[k]
        if any(c in appears for c in cards):
            farm_lab.add(h)
    for h, cards, gi in FARMERS:
        if h in farm_lab:
            labels.append(("holder", h, "card_farmer"))
    with open(os.path.join(outdir, "labels.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["kind", "id", "label"])
        for r in labels:
            w.writerow(r)
    farmer_holders = set(h for h, c, g in FARMERS)
    if truth:
        with open(os.path.join(outdir, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                        "labelled", "farmer_labelled", "extract_start"])
            for c, n, ty, s, b, p in INST:
                w.writerow(["institution", c, c, "", "", "", ty, "", "", "", "", fmt_time(s * DAY) if s is not None else ""])
            for a in A:
                if a.i not in appears:
                    continue
                arch = a.arch + (";victim=" + a.victim if a.victim else "")
                s = SUPPLY.get(a.bank)
                w.writerow(["account", a.id, a.bank if a.kind != "foreign" else "FOREIGN", a.holder,
                            1 if a.i in has_row else 0, a.role, arch, 1 if a.holder in farmer_holders else 0,
                            fmt_time(a.opened), 1 if a.i in lab_acct else 0, 1 if a.holder in farm_lab else 0,
                            fmt_time(s) if s is not None else ""])
        with open(os.path.join(outdir, "truth_transfers.csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "kind"])
            for tid, fk, case, f, to in fraud_tx:
                w.writerow([tid, fk])
    if stats:
        from collections import Counter
        roles = Counter(A[i].role for i in appears)
        rrows = Counter(a.role for a in rows)
        fk = Counter(x[1] for x in fraud_tx)
        lk = Counter(x[0] for x in labels)
        print("variant=%s seed=%d" % (variant, seed))
        print("account rows: %d  accounts appearing: %d  transfers: %d" % (len(rows), len(appears), len(out)))
        print("roles appearing:", dict(sorted(roles.items())))
        print("roles with rows:", dict(sorted(rrows.items())))
        print("fraud transfers: %d %s" % (len(fraud_tx), dict(sorted(fk.items()))))
        print("cases: %d reported: %d  card farmers: %d labelled: %d" % (
            len(CASES), sum(1 for c in CASES if c["reported"]), len(FARMERS), len(farm_lab)))
        print("labels:", dict(sorted(lk.items())), "wrong(lawful) account labels:",
              sum(1 for i in lab_acct if A[i].role == "lawful"))
        print("rows by bank:", dict(sorted(Counter(a.bank for a in rows).items())))


def main():
    ap = argparse.ArgumentParser(description="Tianshan (Xinjiang) synthetic evaluation world for fanzha")
    ap.add_argument("--variant", default="baseline", choices=VARIANTS)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    write(a.variant, a.seed, a.out, a.truth, a.stats)


if __name__ == "__main__":
    main()
