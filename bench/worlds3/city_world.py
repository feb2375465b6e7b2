#!/usr/bin/env python3
# Copyright the fanzha project authors. Licensed under the Apache License, Version 2.0.
"""city_world: an independent, agent-based evaluation world for fanzha's mule detector.

Three Chinese cities (Changsha, Ganzhou, Dongguan) and their surrounding counties, seen through the
transfers of the banks that feed data, over a window that starts on an arbitrary date. Ordinary economic
life (payroll, pensions, rent, QR-code merchants, corporate accounts, platforms, traders, families, red
packets, travel) runs beside a fraud economy of gangs whose water houses (水房) layer victims' money through
2-7 layers of mule accounts obtained in five ways (rented/bought, student recruits, card farmers, shell
companies, revived dormant accounts) and cash it out.

Written from domain knowledge only, for evaluation only (never training). Standard library only.

    python3 bench/worlds3/city_world.py --out DIR --seed N [--variant NAME] [--people P] [--days D]
"""

import argparse
import bisect
import calendar
import datetime as dt
import heapq
import math
import os
import random

DAY = 86400
HOUR = 3600
MIN = 60
TZ = dt.timezone(dt.timedelta(hours=8))
INF = float("inf")

# --------------------------------------------------------------------------------------------------
# Geography (GB/T 2260 codes)
# --------------------------------------------------------------------------------------------------
CITIES = {
    "changsha": dict(
        weight=0.45, wage=6800,
        core=["430102", "430103", "430104", "430105", "430111", "430112"],
        county=["430121", "430181", "430182"],
        campus=["430104", "430111"],
        banks=[("ICBC", 14), ("CCB", 13), ("ABC", 10), ("BOC", 7), ("CMB", 8), ("CSCB", 12),
               ("HNRCU", 9), ("PSBC", 8), ("BOCOM", 5), ("CIB", 5), ("CITIC", 3)],
        rural_banks=[("HNRCU", 6), ("PSBC", 4), ("ABC", 3), ("CSCB", 2)],
        campus_banks=[("CSCB", 5), ("ICBC", 3), ("CCB", 3), ("BOC", 2), ("HNRCU", 1)],
        pension_day=8,
        tmpl=[("urban_family", .33), ("young_single", .24), ("student_out", .10), ("rural_elderly", .08),
              ("county_family", .15), ("migrant", .10)],
    ),
    "ganzhou": dict(
        weight=0.30, wage=4900,
        core=["360702", "360703", "360704"],
        county=["360731", "360732", "360781", "360722", "360733"],
        campus=["360702"],
        banks=[("ABC", 14), ("ICBC", 10), ("CCB", 12), ("GZB", 12), ("JXRCU", 16), ("PSBC", 12),
               ("BOC", 6), ("JJB", 4)],
        rural_banks=[("JXRCU", 7), ("PSBC", 5), ("ABC", 3)],
        campus_banks=[("GZB", 4), ("CCB", 3), ("ICBC", 2), ("JXRCU", 2)],
        pension_day=12,
        tmpl=[("urban_family", .30), ("young_single", .12), ("student_out", .05), ("rural_elderly", .20),
              ("county_family", .29), ("migrant", .04)],
    ),
    "dongguan": dict(
        weight=0.25, wage=5600,
        core=["441900"],
        county=["441302", "441303", "441322", "441323"],
        campus=["441900"],
        banks=[("ICBC", 12), ("CCB", 12), ("ABC", 12), ("DGB", 12), ("DRCB", 14), ("CMB", 7),
               ("PAB", 5), ("PSBC", 8), ("BOC", 8), ("GDB", 4)],
        rural_banks=[("DRCB", 6), ("PSBC", 4), ("ABC", 3)],
        campus_banks=[("DGB", 3), ("ICBC", 2), ("CCB", 2)],
        pension_day=15,
        tmpl=[("migrant", .55), ("urban_family", .17), ("young_single", .15), ("rural_elderly", .05),
              ("county_family", .08)],
    ),
}
# Where migrants' household registrations are, outside the simulated cities.
OUT_COUNTIES = ["430582", "430422", "431021", "431126", "431321", "430624", "361128", "360430", "361025",
                "450126", "450881", "511623", "513723", "520521", "520324", "411623", "411524", "421281",
                "420921", "420984", "341221"]
# Students' homes: anywhere.
STUDENT_HOMES = OUT_COUNTIES + ["110105", "120104", "130102", "140105", "210102", "220102", "310104",
                                "320583", "330106", "340104", "350102", "370102", "410105", "420106",
                                "440104", "500112", "510107", "530102", "610113", "620102", "650102"]
EXT_VICTIM_REGIONS = ["110105", "110108", "120101", "130102", "140105", "140106", "210102", "220102",
                      "230102", "310104", "310115", "320102", "320583", "330106", "330203", "340104",
                      "350102", "360111", "370102", "370202", "410105", "420106", "430602", "440104",
                      "440305", "450103", "500112", "510107", "520102", "530102", "610113", "620102",
                      "640104", "650102", "150102", "360702", "430104", "441900"]
FAR_CASH = ["445281", "441581", "440904", "533102", "532801", "450126", "460400", "350524", "440306",
            "440106", "431321"]
TRAVEL = ["110105", "310115", "440106", "510104", "460202", "610113", "350203", "530102", "330106",
          "500103", "530702", "620102"]
FARMER_HOMES = ["421281", "420921", "420984", "421122"]
FARMER_CITIES = [("nanjing", ["320102", "320104", "320106"]), ("suzhou", ["320505", "320506", "320508"]),
                 ("zhuzhou", ["430202", "430211"]), ("changsha", ["430102", "430105", "430111"]),
                 ("ganzhou", ["360702", "360703"]), ("hohhot", ["150102", "150105"]),
                 ("harbin", ["230102", "230103"])]
SHELL_REGIONS = ["430111", "430104", "360702", "441900", "440304", "440106", "350203", "330106",
                 "520102", "450103"]
NOMINEE_HOMES = ["520521", "520324", "513723", "450126", "431321", "411623", "341221", "533102"]

# --------------------------------------------------------------------------------------------------
# Banks: code -> (BIN of class I cards, BIN of class II/III e-accounts, corporate prefix, corp length)
# --------------------------------------------------------------------------------------------------
BANKS = {
    "ICBC": ("622202", "623062", "19", 19), "ABC": ("622848", "623052", "18", 19),
    "BOC": ("621661", "623569", "58", 12), "CCB": ("621700", "623668", "43", 20),
    "BOCOM": ("622262", "623259", "43", 21), "PSBC": ("621799", "623188", "94", 19),
    "CMB": ("621483", "623126", "73", 15), "CIB": ("622909", "623263", "36", 18),
    "CITIC": ("621771", "623280", "81", 19), "CSCB": ("621037", "623297", "80", 18),
    "HNRCU": ("621539", "623170", "82", 19), "GZB": ("621223", "623355", "79", 17),
    "JXRCU": ("621592", "623141", "15", 19), "DGB": ("621430", "623213", "56", 15),
    "DRCB": ("622361", "623207", "11", 19), "PAB": ("622155", "623058", "15", 14),
    "GDB": ("622568", "623267", "95", 19), "JJB": ("621266", "623378", "37", 18),
    "SPDB": ("622521", "623161", "66", 17), "CMBC": ("622622", "623176", "69", 17),
}
ALL_BANKS = sorted(BANKS)
EXT_BINS = ["622892", "621468", "621418", "621019", "622630", "621279", "622516", "621530", "623229"]

# --------------------------------------------------------------------------------------------------
# Time-of-day profiles (relative weights per hour, 0..23)
# --------------------------------------------------------------------------------------------------
PROFILES = {
    "consumer": [1, .5, .3, .2, .2, .5, 2, 5, 7, 6, 6, 8, 10, 8, 6, 6, 7, 9, 11, 11, 10, 8, 5, 2.5],
    "breakfast": [0, 0, 0, 0, 0, 1, 10, 16, 12, 6, 2, 1, .5, .3, .2, .2, .2, .2, .3, .2, .1, 0, 0, 0],
    "meal": [.2, .1, 0, 0, 0, 0, .3, .8, 1, 1.5, 4, 14, 16, 6, 2, 1.5, 2.5, 8, 14, 12, 6, 3, 1.5, .6],
    "evening": [.5, .2, 0, 0, 0, 0, .2, .5, 1, 2, 3, 3, 3, 3, 3, 3, 4, 6, 9, 10, 9, 6, 3, 1],
    "afternoon": [.3, .1, 0, 0, 0, 0, .2, .5, 1, 2, 3, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1, .5],
    "office": [0, 0, 0, 0, 0, 0, 0, .5, 3, 8, 10, 9, 4, 5, 9, 9, 8, 5, 1, .3, .1, 0, 0, 0],
    "counter": [0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 9, 4, 4, 7, 8, 6, 1, 0, 0, 0, 0, 0, 0],
    "night": [6, 5, 3, 2, 1, .5, .3, .3, .5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8],
    "late": [2, 1, .5, .2, .1, .1, .2, .5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 6, 8, 8, 5],
    "batch": [1, 3, 6, 8, 6, 3, 1, .2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .2],
    "sweep": [.5, .2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .5, 1, 2, 4, 6, 5, 2],
}
PROF_CUM = {}
for _k, _w in PROFILES.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    PROF_CUM[_k] = _c

# Merchant types: (profile, median yuan, sigma, external customers per day, where)
MTYPES = {
    "breakfast": ("breakfast", 9, .45, 4.0, "any"),
    "restaurant": ("meal", 48, .7, 3.0, "any"),
    "grocery": ("consumer", 35, .9, 3.5, "any"),
    "fruit": ("evening", 28, .6, 2.5, "any"),
    "milk_tea": ("afternoon", 17, .3, 3.5, "core"),
    "salon": ("consumer", 68, .6, 1.0, "any"),
    "pharmacy": ("consumer", 45, .8, 1.5, "any"),
    "hardware": ("office", 130, 1.0, 1.0, "any"),
    "phone_shop": ("consumer", 260, 1.1, .6, "core"),
    "lottery": ("evening", 20, .8, 2.0, "any"),
    "canteen": ("meal", 13, .4, .5, "campus"),
}
MTYPE_W = [("breakfast", 10), ("restaurant", 16), ("grocery", 14), ("fruit", 8), ("milk_tea", 7),
           ("salon", 6), ("pharmacy", 5), ("hardware", 5), ("phone_shop", 3), ("lottery", 3)]

# Holidays (date -> name); red packets around them.
HOLIDAYS = {}
for _y, _sf, _db, _qx, _ma in [(2023, (1, 22), (6, 22), (8, 22), (9, 29)),
                               (2024, (2, 10), (6, 10), (8, 10), (9, 17)),
                               (2025, (1, 29), (5, 31), (8, 29), (10, 6)),
                               (2026, (2, 17), (6, 19), (8, 19), (9, 25))]:
    HOLIDAYS[dt.date(_y, *_sf)] = "spring"
    HOLIDAYS[dt.date(_y, *_db)] = "dragon"
    HOLIDAYS[dt.date(_y, *_qx)] = "qixi"
    HOLIDAYS[dt.date(_y, *_ma)] = "midautumn"
    HOLIDAYS[dt.date(_y, 10, 1)] = "national"
    HOLIDAYS[dt.date(_y, 5, 1)] = "labour"
    HOLIDAYS[dt.date(_y, 5, 20)] = "520"
    HOLIDAYS[dt.date(_y, 11, 11)] = "double11"
    HOLIDAYS[dt.date(_y, 1, 1)] = "newyear"
for _d, _n in [((2023, 2, 5), "lantern"), ((2024, 2, 24), "lantern"), ((2025, 2, 12), "lantern"),
               ((2023, 10, 23), "chongyang"), ((2024, 10, 11), "chongyang"), ((2025, 10, 29), "chongyang")]:
    HOLIDAYS[dt.date(*_d)] = _n

# --------------------------------------------------------------------------------------------------
# Fraud typologies: (installments lo, hi, spacing seconds lo, hi, first amount median yuan, sigma,
#                    escalation lo, hi, victim age lo, hi, memo choices)
# --------------------------------------------------------------------------------------------------
TYPOLOGIES = {
    "police_gov": (1, 3, 1800, 30 * HOUR, 60000, .8, .6, 1.2, 40, 78, ["", "", "", "", "资金清查"]),
    "investment": (2, 7, DAY, 6 * DAY, 5000, .8, 1.3, 2.6, 26, 62, ["", "", "", "投资", "入金"]),
    "romance": (2, 6, DAY, 5 * DAY, 3000, .8, 1.2, 2.2, 24, 58, ["", "", "", "", "借款"]),
    "brushing": (2, 6, 300, 3600, 300, .6, 2.0, 4.0, 18, 38, ["", "", "", "", "", "任务"]),
    "ecommerce_cs": (1, 4, 120, 1500, 8000, .7, .7, 1.5, 20, 52, ["", "", "", "退款"]),
    "loan_card": (2, 4, 1800, DAY, 2500, .5, 1.0, 1.8, 20, 46, ["", "", "保证金", "解冻费"]),
    "credit_record": (1, 3, 600, 7200, 6000, .6, .8, 1.5, 19, 30, ["", "", "", "还款"]),
    "leader_acquaintance": (1, 2, 1800, 5 * HOUR, 40000, .7, .8, 1.3, 30, 58, ["", "货款", "往来款"]),
    "shopping_service": (1, 2, 600, 6 * HOUR, 800, .8, .8, 1.5, 16, 40, ["", "", "", "货款"]),
    "game_trade": (1, 3, 300, 3 * HOUR, 600, .8, 1.0, 2.0, 15, 30, ["", "", "", ""]),
}

MULE_KINDS = ["rented", "student", "farmer", "shell", "dormant"]
# Affinity of each mule kind to (first layer, middle layers, last layer).
AFFINITY = {"rented": (1.4, 1.0, .8), "student": (1.0, 1.0, 1.2), "farmer": (.4, 1.2, 1.6),
            "shell": (3.0, 1.0, .2), "dormant": (.8, 1.0, 1.3)}

DEFAULT_VARIANT = dict(mix={"rented": .30, "student": .22, "farmer": .20, "shell": .12, "dormant": .16},
                       speed={"fast": .5, "medium": .35, "slow": .15}, gangs=7, merchants=360, busy=1.0,
                       camo=.15)
# Each variant is the default with what it changes.
VARIANTS = {
    "default": DEFAULT_VARIANT,
    "slow_gangs": {**DEFAULT_VARIANT, "speed": {"fast": .05, "medium": .25, "slow": .70}, "camo": .45},
    "shell_heavy": {**DEFAULT_VARIANT,
                    "mix": {"rented": .12, "student": .08, "farmer": .08, "shell": .42, "dormant": .30},
                    "speed": {"fast": .45, "medium": .35, "slow": .20}, "camo": .2},
    "students": {**DEFAULT_VARIANT,
                 "mix": {"rented": .10, "student": .66, "farmer": .08, "shell": .06, "dormant": .10}},
    "busy_city": {**DEFAULT_VARIANT, "merchants": 760, "busy": 2.0},
}


def luhn(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def yuan(fen):
    return "%d.%02d" % (fen // 100, fen % 100)


class Acct:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "open_bal", "bal", "owner", "usable",
                 "gang", "layer", "dirty", "pending", "afrom", "auntil", "frozen", "mule", "cash_mode",
                 "cash_region", "used", "cash_owed", "cash_busy", "atm_day", "atm_today")

    def __init__(self, aid, bank, holder, opened, region, cls, bal, owner):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.open_bal = bal
        self.bal = bal
        self.owner = owner
        self.usable = True
        self.gang = None
        self.layer = 0
        self.dirty = 0
        self.pending = False
        self.afrom = INF
        self.auntil = -INF
        self.frozen = INF
        self.mule = None
        self.cash_mode = None
        self.cash_region = None
        self.used = False
        self.cash_owed = 0
        self.cash_busy = False
        self.atm_day = -1
        self.atm_today = 0


class Person:
    def __init__(self):
        self.accts = []
        self.kin = []
        self.parents = []
        self.children = []
        self.spouse = None
        self.employer = None
        self.salary = 0
        self.role = None
        self.trip = None
        self.favs = []
        self.rate = 0.0
        self.landlord = None
        self.rent = 0
        self.merchant = None
        self.victim = False
        self.hire = -INF
        self.payroll_acct = None
        self.sf_home = None

    @property
    def main(self):
        for a in self.accts:
            if a.usable:
                return a
        return None


class Corp:
    def __init__(self, kind, city, region, uscc):
        self.kind = kind
        self.city = city
        self.region = region
        self.uscc = uscc
        self.accts = []
        self.employees = []
        self.payday = 10
        self.rev = 0
        self.k_in = 0
        self.k_out = 0
        self.suppliers = []
        self.customers = []

    @property
    def main(self):
        return self.accts[0]


class Merchant:
    def __init__(self, owner, mtype, acct, region):
        self.owner = owner
        self.mtype = mtype
        self.acct = acct
        self.region = region
        self.corp_acct = None
        self.save = None
        self.supplier = None
        self.sweep = "daily"
        self.ext_rate = 0.0
        self.regulars = []
        self.landlord = None
        self.stall_rent = 0
        self.platform = False


class Gang:
    def __init__(self, gid):
        self.gid = gid
        self.layers = []  # list of lists of accounts, index 0 = first layer
        self.cases = []


class World:
    def __init__(self, seed, variant, people, days, start=None):
        self.seed = seed
        self.variant = variant
        self.V = VARIANTS[variant]
        self.r = random.Random("city_world:%d:%s" % (seed, variant))
        self.P = people
        self.D = days
        self.s = people / 16000.0
        r = self.r
        if start:
            self.start = dt.date.fromisoformat(start)
        else:
            base = dt.date(2023, 3, 1)
            # the calendar depends on the seed only, so every variant of a seed shares it
            cal = random.Random("city_world:calendar:%d" % seed)
            self.start = base + dt.timedelta(days=cal.randrange((dt.date(2025, 8, 31) - base).days))
        self.start_dt = dt.datetime(self.start.year, self.start.month, self.start.day, tzinfo=TZ)
        self.dates = [self.start + dt.timedelta(days=i) for i in range(days + 2)]
        self.daystr = [d.isoformat() for d in self.dates]
        self.months = []
        for d in self.dates[:days]:
            if (d.year, d.month) not in self.months:
                self.months.append((d.year, d.month))
        self.hol = {}
        for i, d in enumerate(self.dates[:days]):
            if d in HOLIDAYS:
                self.hol[i] = HOLIDAYS[d]
        self.heap = []
        self.seq = 0
        self.rows = []
        self.fraud_rows = []
        self.accts = []
        self.ids = set()
        self.idns = set()
        self.people = []
        self.corps = []
        self.merchants = []
        self.agenda = {}
        self.farmers = []
        self.gangs = []
        self.mules = []
        self.n_victim_cases = 0
        self.now = 0

    # ---------------------------------------------------------------- random helpers
    def wchoice(self, pairs):
        tot = 0.0
        for _, w in pairs:
            tot += w
        x = self.r.random() * tot
        for k, w in pairs:
            x -= w
            if x < 0:
                return k
        return pairs[-1][0]

    def ln(self, median, sigma):
        return median * math.exp(self.r.gauss(0.0, sigma))

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(self.r.gauss(lam, math.sqrt(lam)) + .5))
        lim = math.exp(-lam)
        k = 0
        p = self.r.random()
        while p > lim:
            k += 1
            p *= self.r.random()
        return k

    def tod(self, d, prof):
        c = PROF_CUM[prof]
        h = bisect.bisect_right(c, self.r.random() * c[-1])
        if h > 23:
            h = 23
        return d * DAY + h * HOUR + self.r.randrange(HOUR)

    @staticmethod
    def fen(y):
        f = int(round(y * 100))
        return f if f > 0 else 1

    def rnd(self, y, unit):
        u = max(1, int(y / unit + .5))
        return u * unit * 100

    # ---------------------------------------------------------------- identities and accounts
    def make_idn(self, region, age):
        r = self.r
        while True:
            birth = self.start - dt.timedelta(days=int(age * 365.25) + r.randrange(365))
            body = "%s%s%03d" % (region, birth.strftime("%Y%m%d"), r.randrange(1000))
            s = 0
            for c, w in zip(body, ID_W):
                s += (ord(c) - 48) * w
            idn = body + ID_C[s % 11]
            if idn not in self.idns:
                self.idns.add(idn)
                return idn

    def make_uscc(self, region, kind="91"):
        r = self.r
        while True:
            org = [r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY"[:10 + (r.random() < .3) * 10]) for _ in range(8)]
            vals = [USCC_CH.index(c) for c in org]
            s = sum(v * w for v, w in zip(vals, ORG_W))
            c9 = 11 - s % 11
            c9 = "X" if c9 == 10 else ("0" if c9 == 11 else str(c9))
            body = kind + region + "".join(org) + c9
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            c18 = (31 - s % 31) % 31
            code = body + USCC_CH[c18]
            if code not in self.idns:
                self.idns.add(code)
                return code

    def new_acct_id(self, bank, cls):
        r = self.r
        bi, b2, cp, cl = BANKS[bank]
        while True:
            if cls == "corp":
                aid = cp + "".join(str(r.randrange(10)) for _ in range(cl - len(cp)))
            else:
                body = (bi if cls == "I" else b2) + "%012d" % r.randrange(10 ** 12)
                aid = body + luhn(body)
            if aid not in self.ids:
                self.ids.add(aid)
                return aid

    def ext_card(self):
        r = self.r
        if r.random() < .25:
            return "2088%012d" % r.randrange(10 ** 12)
        body = r.choice(EXT_BINS) + "%012d" % r.randrange(10 ** 12)
        return body + luhn(body)

    def add_acct(self, owner, holder, bank, cls, opened, region, bal):
        a = Acct(self.new_acct_id(bank, cls), bank, holder, int(opened), region, cls, int(bal), owner)
        self.accts.append(a)
        owner.accts.append(a)
        return a

    def past_open(self, age, recent=False):
        """A time (seconds, negative) before the window when an account was opened."""
        r = self.r
        years = max(0.2, min(age - 16, 24)) if age else 10
        if recent:
            years = min(years, 3)
        back = 30 * DAY + r.random() * years * 365 * DAY
        t = -int(back)
        t -= t % DAY
        return t + 9 * HOUR + r.randrange(8 * HOUR)

    def in_window_open(self, d, online=False):
        if online:
            return self.tod(d, "consumer")
        return self.tod(d, "counter")

    # ---------------------------------------------------------------- scheduling
    def at(self, t, fn, *args):
        heapq.heappush(self.heap, (t, self.seq, fn, args))
        self.seq += 1

    def later(self, t, fn, *args):
        """Schedule a one-off event at sim time t (build phase)."""
        if t < 0 or t >= self.D * DAY:
            return
        self.agenda.setdefault(int(t // DAY), []).append((int(t), fn, args))

    def monthly(self, dom, shift=-1):
        out = []
        for (y, m) in self.months:
            last = calendar.monthrange(y, m)[1]
            dd = dt.date(y, m, last if dom <= 0 or dom > last else dom)
            while dd.weekday() >= 5 and shift:
                dd += dt.timedelta(days=shift)
            i = (dd - self.start).days
            if 0 <= i < self.D:
                out.append(i)
        return out

    # ---------------------------------------------------------------- the ledger
    def pay(self, t, src, dst, fen, ch, region, kind="transfer", memo="", dirty=False, fraud=False, xb=False):
        if fen <= 0:
            return 0
        if dst is not None and dst.__class__ is Acct:
            if dst.opened > t:
                return 0
        if src is not None and src.__class__ is Acct:
            if src.bal < fen or src.opened > t or t >= src.frozen:
                return 0
            src.bal -= fen
            sid = src.id
            src.used = True
        else:
            sid = src or ""
        if dst is not None and dst.__class__ is Acct:
            dst.bal += fen
            did = dst.id
            dst.used = True
            if dirty and dst.gang is not None:
                self.gang_in(t, dst, fen)
        else:
            did = dst or ""
        if fraud:
            self.fraud_rows.append(len(self.rows))
        self.rows.append((t, sid, did, fen, ch, region, kind, memo, xb))
        return fen

    def spend_acct(self, p, t, fen):
        for a in p.accts:
            if a.usable and a.bal >= fen and a.opened <= t and (a.cls != "III" or fen <= 20000):
                return a
        return None

    def region_of(self, p, t):
        tr = p.trip
        if tr is not None and tr[0] <= t < tr[1]:
            return tr[2]
        return p.home

    # ================================================================================================
    # Build: corporations, people, roles
    # ================================================================================================
    def new_corp(self, kind, city, region, bank=None, bal=0, opened=None, name_kind="91"):
        c = Corp(kind, city, region, self.make_uscc(region, name_kind))
        if bank is None:
            bank = self.wchoice(CITIES[city]["banks"]) if city in CITIES else self.r.choice(ALL_BANKS)
        if opened is None:
            opened = self.past_open(30)
        self.add_acct(c, c.uscc, bank, "corp", opened, region, bal)
        self.corps.append(c)
        return c

    def build(self):
        r = self.r
        s = self.s
        self.ext_shops = [self.ext_card() for _ in range(300)]
        self.ext_shop_w = []
        acc = 0.0
        for i in range(300):
            acc += 1.0 / (i + 1) ** .9
            self.ext_shop_w.append(acc)
        self.ext_bills = [self.ext_card() for _ in range(40)]
        self.ext_broker = [self.ext_card() for _ in range(12)]
        self.ext_wealth = [self.ext_card() for _ in range(15)]
        self.ext_lenders = [self.ext_card() for _ in range(8)]
        self.ext_tax = [self.ext_card() for _ in range(4)]
        self.ext_customers = [self.ext_card() for _ in range(int(3000 * max(s, .3)))]

        # special corporations
        self.social = {}
        for city, cd in CITIES.items():
            c = self.new_corp("social", city, cd["core"][0], bank=r.choice(["ABC", "ICBC", "CCB"]),
                              bal=self.fen(self.ln(3e7, .3) * s + 5e6))
            self.social[city] = c
        self.platforms = []
        for pk, reg, bank in [("localife", "110105", "CMB"), ("ridehail", "110108", "ICBC")]:
            c = self.new_corp("platform", "beijing", reg, bank=bank, bal=self.fen(8e6 * s + 2e6))
            c.name = pk
            self.platforms.append(c)
        self.gold = [self.new_corp("gold", "shenzhen", "440303", bank="ICBC", bal=self.fen(2e6)),
                     self.new_corp("gold", "changsha", "430102", bank="CSCB", bal=self.fen(6e5))]
        # virtual goods seller: an individual business (个体户) corp account in Dongguan
        self.virtual = [self.new_corp("virtual", "dongguan", "441900", bank="DRCB", bal=self.fen(8e4),
                                      name_kind="92"),
                        self.new_corp("virtual", "xiamen", "350203", bank="CIB", bal=self.fen(2e5))]
        self.hotels = {}
        self.hospitals = {}
        self.univs = {}
        for city, cd in CITIES.items():
            self.hotels[city] = [self.new_corp("hotel", city, r.choice(cd["core"]), bal=self.fen(self.ln(5e5, .5)))
                                 for _ in range(2)]
            self.hospitals[city] = [self.new_corp("hospital", city, r.choice(cd["core"]),
                                                  bal=self.fen(self.ln(4e6, .4) * s + 1e6)) for _ in range(2)]
            self.univs[city] = [self.new_corp("university", city, reg, bal=self.fen(self.ln(5e6, .4) * s + 1e6))
                                for reg in cd["campus"]]
        self.wholesale = {}
        for city, cd in CITIES.items():
            self.wholesale[city] = [self.new_corp("wholesale", city, r.choice(cd["core"] + cd["county"][:1]),
                                                  bal=self.fen(self.ln(2e5, .7)))
                                    for _ in range(max(3, int(12 * s * cd["weight"] / .3)))]
        self.emp_open = {}
        self.build_people()
        self.assign_roles()
        self.build_accounts()
        self.build_merchants()
        self.build_links()
        self.build_corp_flows()
        self.build_collectors()
        self.build_new_accounts()
        self.build_fraud()
        self.plan_monthlies()
        # an account opened inside the window starts empty; money put in at the counter is a deposit
        for a in self.accts:
            if a.opened >= 0 and a.bal > 0:
                self.later(a.opened + 60 + self.r.randrange(600), self.ev_deposit, a, a.bal, "counter", a.region)
                a.bal = a.open_bal = 0

    def area_of(self, region):
        for city, cd in CITIES.items():
            if region in cd["core"] or region in cd["county"]:
                return city
        return None

    def new_person(self, age, home, hukou, city, role):
        p = Person()
        p.age = age
        p.home = home
        p.hukou = hukou
        p.city = city
        p.role = role
        p.idn = self.make_idn(hukou, age)
        self.people.append(p)
        return p

    def build_people(self):
        r = self.r
        cities = [(c, cd["weight"]) for c, cd in CITIES.items()]
        while len(self.people) < self.P:
            city = self.wchoice(cities)
            cd = CITIES[city]
            t = self.wchoice(cd["tmpl"])
            core = r.choice(cd["core"])
            county = r.choice(cd["county"])
            if t == "urban_family":
                a1 = self.new_person(r.randint(38, 56), core, core if r.random() < .6 else county, city, "worker")
                a2 = self.new_person(max(22, a1.age + r.randint(-4, 3)), core, core if r.random() < .6 else county,
                                     city, "worker")
                a1.spouse, a2.spouse = a2, a1
                fam = [a1, a2]
                if r.random() < .45:
                    campus = r.choice(cd["campus"]) if r.random() < .5 else None
                    if campus:
                        st = self.new_person(r.randint(18, 22), campus, a1.hukou, city, "student")
                        self.link_child(a1, st)
                        self.link_child(a2, st)
                        fam.append(st)
                    else:
                        a1.ext_child = self.ext_card()
                gp = [self.new_person(r.randint(64, 86), county, county, city, "elderly")
                      for _ in range(r.choice([0, 1, 2, 2]))]
                for g in gp:
                    self.link_child(g, r.choice([a1, a2]))
                if len(gp) == 2:
                    gp[0].spouse, gp[1].spouse = gp[1], gp[0]
                fam += gp
            elif t == "young_single":
                y = self.new_person(r.randint(22, 33), core, county if r.random() < .6 else r.choice(OUT_COUNTIES),
                                    city, "worker")
                fam = [y]
                if y.hukou == county and r.random() < .7:
                    par = [self.new_person(y.age + r.randint(24, 32), county, county, city,
                                           "worker" if y.age < 28 else "elderly") for _ in range(r.choice([1, 2]))]
                    for q in par:
                        if q.age >= 60:
                            q.role = "elderly"
                        self.link_child(q, y)
                    fam += par
                else:
                    y.ext_parent = self.ext_card()
            elif t == "migrant":
                # Dongguan factories draw on Ganzhou and Changsha counties and poorer provinces.
                x = r.random()
                if x < .40:
                    hk_city = "ganzhou"
                    hk = r.choice(CITIES["ganzhou"]["county"])
                elif x < .55:
                    hk_city = "changsha"
                    hk = r.choice(CITIES["changsha"]["county"])
                else:
                    hk_city = None
                    hk = r.choice(OUT_COUNTIES)
                wc = "dongguan" if city == "dongguan" or r.random() < .5 else city
                wr = r.choice(CITIES[wc]["core"] + CITIES[wc]["county"][:1])
                m = self.new_person(r.randint(19, 46), wr, hk, wc, "migrant")
                fam = [m]
                if r.random() < .35:
                    sp = self.new_person(max(19, m.age + r.randint(-4, 3)), wr, hk, wc, "migrant")
                    m.spouse, sp.spouse = sp, m
                    fam.append(sp)
                if hk_city:
                    gp = [self.new_person(r.randint(50, 78), hk, hk, hk_city, "elderly")
                          for _ in range(r.choice([1, 1, 2]))]
                    for g in gp:
                        if g.age < 60:
                            g.role = "farmer"
                        self.link_child(g, m)
                    fam += gp
                else:
                    m.ext_parent = self.ext_card()
            elif t == "rural_elderly":
                e1 = self.new_person(r.randint(60, 88), county, county, city, "elderly")
                fam = [e1]
                if r.random() < .6:
                    e2 = self.new_person(max(58, e1.age + r.randint(-5, 4)), county, county, city, "elderly")
                    e1.spouse, e2.spouse = e2, e1
                    fam.append(e2)
                e1.ext_child = self.ext_card()
            elif t == "county_family":
                a1 = self.new_person(r.randint(30, 55), county, county, city, "worker")
                a2 = self.new_person(max(22, a1.age + r.randint(-4, 3)), county, county, city, "worker")
                a1.spouse, a2.spouse = a2, a1
                fam = [a1, a2]
                if r.random() < .35:
                    campus = r.choice(cd["campus"])
                    st = self.new_person(r.randint(18, 22), campus, county, city, "student")
                    self.link_child(a1, st)
                    self.link_child(a2, st)
                    fam.append(st)
                for _ in range(r.choice([0, 1, 2])):
                    g = self.new_person(r.randint(62, 86), county, county, city, "elderly")
                    self.link_child(g, a1)
                    fam.append(g)
            else:  # student_out: from another province, parents outside the data
                campus = r.choice(cd["campus"])
                if city == "dongguan":
                    campus = "441900"
                st = self.new_person(r.randint(18, 23), campus, r.choice(STUDENT_HOMES), city, "student")
                st.ext_parent = self.ext_card()
                fam = [st]
            for q in fam:
                q.kin = [z for z in fam if z is not q]
            for q in fam:
                if q.role == "elderly" and q.age < 60:
                    q.role = "worker"

    def link_child(self, parent, child):
        parent.children.append(child)
        child.parents.append(parent)

    def assign_roles(self):
        r = self.r
        s = self.s
        workers = [p for p in self.people if p.role in ("worker", "migrant", "farmer")]
        n_merch = int(self.V["merchants"] * s)
        cands = [p for p in workers if 26 <= p.age <= 62 and p.role == "worker"]
        r.shuffle(cands)
        self.merchant_owners = cands[:n_merch]
        for p in self.merchant_owners:
            p.role = "merchant"
        rest = [p for p in workers if p.role in ("worker", "farmer")]
        r.shuffle(rest)
        k = 0
        busy = self.V["busy"]
        for p, frac in [("landlord", .035), ("trader", .012 * busy), ("gig", .05), ("freelance", .08),
                        ("daigou", .006 * busy)]:
            n = int(len(rest) * frac)
            for q in rest[k:k + n]:
                if p == "landlord" and q.age < 35:
                    continue
                q.role = p
            k += n
        for p in self.people:
            if p.role == "farmer":
                p.role = "freelance"
        # employers
        for p in self.people:
            if p.role in ("worker", "migrant"):
                self.hire(p)

    def hire(self, p):
        r = self.r
        area = p.home
        city = p.city
        lst = self.emp_open.setdefault(area, [])
        lst[:] = [c for c in lst if len(c.employees) < c.cap]
        if len(lst) < 4 or r.random() < .05:
            if city == "dongguan" and p.role == "migrant":
                kind = self.wchoice([("factory", 7), ("private", 2), ("service", 1)])
            elif area in CITIES[city]["county"]:
                kind = self.wchoice([("gov", 2), ("school", 1), ("private", 5), ("service", 3), ("factory", 1)])
            else:
                kind = self.wchoice([("gov", 1), ("soe", 2), ("school", 1), ("private", 5), ("service", 4),
                                     ("tech", 2), ("factory", 1)])
            cap = int(min(900 if kind == "factory" else 300, 3 + r.paretovariate(1.15) * (12 if kind == "factory" else 4)))
            c = self.new_corp(kind, city, area)
            c.cap = cap
            c.payday = {"gov": 10, "soe": 15, "school": 10, "factory": r.choice([25, 28, 30, 10]),
                        "private": r.choice([5, 8, 10, 15, 20, 25, 0]),
                        "service": r.choice([1, 5, 10, 15, 0]), "tech": r.choice([5, 10, 15])}[kind]
            if r.random() < .3:
                self.add_acct(c, c.uscc, self.wchoice(CITIES[city]["banks"]), "corp", self.past_open(30),
                              area, 0)
            lst.append(c)
        c = r.choice(lst)
        c.employees.append(p)
        p.employer = c
        fac = {"gov": 1.1, "soe": 1.3, "school": 1.0, "private": 1.0, "service": .8, "tech": 1.6,
               "factory": .95}[c.kind]
        if area in CITIES[city]["county"]:
            fac *= .75
        p.salary = self.fen(self.ln(CITIES[city]["wage"] * fac, .35))

    def build_accounts(self):
        r = self.r
        init = {"worker": (6000, 1.0), "migrant": (4000, 1.0), "merchant": (5000, 1.0), "landlord": (40000, .9),
                "trader": (90000, .8), "gig": (1500, 1.0), "freelance": (5000, 1.1), "daigou": (3000, 1.0),
                "student": (1200, .9), "elderly": (18000, 1.2)}
        for p in self.people:
            cd = CITIES[p.city]
            county = p.home in cd["county"]
            if p.role == "elderly":
                n = self.wchoice([(1, 5), (2, 4), (3, 1)])
            elif p.role == "student":
                n = self.wchoice([(1, 5), (2, 4), (3, 1)])
            elif p.role == "trader":
                n = r.randint(3, 5)
            else:
                n = self.wchoice([(1, 3), (2, 4), (3, 2), (4, 1)])
            banks = []
            if p.employer is not None and r.random() < .7:
                banks.append(p.employer.main.bank)
            elif p.role == "student" and r.random() < .6:
                banks.append(self.wchoice(cd["campus_banks"]))
            elif (p.role == "elderly" or county) and r.random() < .7:
                banks.append(self.wchoice(cd["rural_banks"]))
            while len(banks) < n:
                b = self.wchoice(cd["banks"])
                if b not in banks or r.random() < .1:
                    banks.append(b)
            med, sg = init[p.role]
            for i, b in enumerate(banks):
                cls = "I" if (i == 0 or b not in banks[:i]) and r.random() < .85 else "II"
                if i == 0:
                    cls = "I"
                if i == 0:
                    bal = self.ln(med, sg)
                elif i == 1:
                    bal = self.ln(2500, 1.4) if r.random() < .8 else self.ln(60000, 1.0)
                    if p.role == "trader":
                        bal = self.ln(80000, .8)
                else:
                    bal = self.ln(300, 1.6) if p.role != "trader" else self.ln(60000, .8)
                # old accounts may have been opened back home (migrants, students)
                reg = p.home
                if p.role in ("migrant", "student") and r.random() < .5:
                    reg = p.hukou
                opened = self.past_open(p.age, recent=(i > 0 and r.random() < .3))
                self.add_acct(p, p.idn, b, cls, opened, reg, self.fen(bal))
            # a class III account for small online payments (balance capped at 2,000 yuan)
            if 18 <= p.age <= 40 and r.random() < .08:
                b = self.wchoice(cd["banks"])
                self.add_acct(p, p.idn, b, "III", self.past_open(p.age, recent=True), p.home,
                              self.fen(r.uniform(0, 600)))
            if p.employer is not None:
                pa = [a for a in p.accts if a.bank == p.employer.main.bank]
                p.payroll_acct = pa[0] if pa else p.accts[0]

    def build_merchants(self):
        r = self.r
        by_region = {}
        self.canteens = {}
        for p in self.merchant_owners:
            cd = CITIES[p.city]
            mt = self.wchoice(MTYPE_W)
            if MTYPES[mt][4] == "core" and p.home not in cd["core"]:
                mt = "grocery"
            if p.home in cd["campus"] and r.random() < .35:
                mt = "canteen"
            m = Merchant(p, mt, p.accts[0], p.home)
            prof, med, sg, er, _ = MTYPES[mt]
            m.ext_rate = er * self.ln(1.0, .5) * (1.0 if self.V["busy"] == 1.0 else .6)
            m.regulars = [self.ext_card() for _ in range(r.randint(20, 120))]
            m.save = p.accts[1] if len(p.accts) > 1 else None
            m.supplier = r.choice(self.wholesale[p.city]).main if r.random() < .55 else self.ext_card()
            m.sweep = self.wchoice([("daily", 4), ("days", 4), ("threshold", 2 * self.V["busy"])])
            m.sweep_every = r.randint(2, 6)
            m.platform = mt in ("restaurant", "breakfast", "milk_tea", "fruit") and p.home in cd["core"] and r.random() < .6
            p.merchant = m
            self.merchants.append(m)
            by_region.setdefault(p.home, []).append(m)
            if mt == "canteen":
                self.canteens.setdefault(p.home, []).append(m)
        self.merch_by_region = by_region
        self.lottery = [m for m in self.merchants if m.mtype == "lottery"]

    def build_links(self):
        r = self.r
        # favourite merchants and consumption rates
        for p in self.people:
            near = self.merch_by_region.get(p.home, [])
            city_m = []
            for reg in CITIES[p.city]["core"]:
                city_m += self.merch_by_region.get(reg, [])
            favs = []
            if near:
                favs += r.sample(near, min(len(near), r.randint(3, 8)))
            if p.role == "student" and p.home in self.canteens:
                favs += self.canteens[p.home]
            if city_m:
                favs += r.sample(city_m, min(len(city_m), r.randint(0, 2)))
            p.favs = favs
            base = {"student": .26, "elderly": .08, "worker": .17, "migrant": .13, "merchant": .11,
                    "landlord": .16, "trader": .16, "gig": .17, "freelance": .16, "daigou": .16}[p.role]
            p.rate = base * self.ln(1.0, .6)
            p.local = .35 + .35 * r.random() if favs else 0.0
        # tenants and landlords
        landlords = {}
        for p in self.people:
            if p.role == "landlord":
                landlords.setdefault(p.city, []).append(p)
        for p in self.people:
            renter = (p.role in ("migrant", "gig") and r.random() < .75) or \
                     (p.role in ("worker", "freelance") and p.age < 36 and r.random() < .55)
            if renter:
                lst = landlords.get(p.city)
                p.rent_day = r.choice([1, 1, 2, 3, 5, 5, 10, 15, 20, 25, 28])
                p.rent = self.rnd(self.ln({"changsha": 1600, "ganzhou": 1000, "dongguan": 900}[p.city], .4), 50)
                if p.spouse is not None and p.spouse.landlord is not None:
                    continue
                if lst and r.random() < .55:
                    p.landlord = r.choice(lst).main
                else:
                    p.landlord = self.ext_card()
        for m in self.merchants:
            lst = landlords.get(m.owner.city)
            m.landlord = r.choice(lst).main if lst and r.random() < .5 else self.ext_card()
            m.stall_rent = self.rnd(self.ln(3000, .5), 100)
            m.rent_day = r.choice([1, 5, 10, 15])
        # trips (travel in other provinces)
        for p in self.people:
            if p.role != "student" and r.random() < .035 or (p.role == "elderly" and r.random() < .01):
                d0 = r.randrange(self.D)
                p.trip = (d0 * DAY + 6 * HOUR, (d0 + r.randint(3, 10)) * DAY, r.choice(TRAVEL))
        # Spring Festival homecoming for migrants
        self.sf_day = None
        for d, h in self.hol.items():
            if h == "spring":
                self.sf_day = d
        if self.sf_day is not None:
            for p in self.people:
                if p.role == "migrant" and r.random() < .8:
                    d0 = self.sf_day - r.randint(3, 8)
                    d1 = self.sf_day + r.randint(5, 12)
                    p.trip = (d0 * DAY + 8 * HOUR, d1 * DAY, p.hukou)
        # classes of students (for AA and class fees)
        self.classes = []
        by_campus = {}
        for p in self.people:
            if p.role == "student":
                by_campus.setdefault(p.home, []).append(p)
        for reg, lst in by_campus.items():
            r.shuffle(lst)
            for i in range(0, len(lst), 30):
                grp = lst[i:i + 30]
                if len(grp) >= 8:
                    self.classes.append(grp)
                for q in grp:
                    q.mates = grp

    def build_corp_flows(self):
        r = self.r
        for c in self.corps:
            if c.kind in ("gov", "soe", "school", "private", "service", "tech", "factory", "wholesale",
                          "hospital", "university", "hotel"):
                pay = sum(p.salary for p in c.employees)
                if c.kind == "wholesale":
                    pay += self.fen(self.ln(60000, .6))
                c.monthly_pay = pay
                c.rev = int(pay * (1.6 + 1.4 * r.random())) + self.fen(self.ln(30000, .8))
                c.k_in = r.randint(3, 30) if c.kind != "gov" else 1
                c.k_out = r.randint(3, 20)
                c.main.bal += int(pay * (0.6 + 1.2 * r.random())) + self.fen(self.ln(50000, .8))
                c.main.open_bal = c.main.bal
                c.suppliers = []
                for _ in range(r.randint(1, 5)):
                    if r.random() < .35:
                        c.suppliers.append(r.choice(self.wholesale[c.city] if c.city in self.wholesale else self.gold).main)
                    else:
                        c.suppliers.append(self.ext_card())
                c.customers = [self.ext_card() for _ in range(r.randint(2, 25))]
                c.xb = c.kind == "factory" and r.random() < .3
        self.employers = [c for c in self.corps if c.employees]

    def build_collectors(self):
        """Corporate accounts with high fan-in and fast sweeps: property management and online shops."""
        r = self.r
        busy = self.V["busy"]
        self.props = []
        self.eshops = []
        cities = [(c, cd["weight"]) for c, cd in CITIES.items()]
        by_home = {}
        for p in self.people:
            if p.role in ("worker", "landlord", "merchant", "elderly", "trader", "freelance"):
                by_home.setdefault(p.home, []).append(p)
        for _ in range(int(round(8 * self.s * busy))):
            city = self.wchoice(cities)
            reg = r.choice(CITIES[city]["core"])
            c = self.new_corp("property", city, reg, bal=self.fen(self.ln(40000, .6)))
            pool = by_home.get(reg, [])
            c.residents = r.sample(pool, min(len(pool), r.randint(60, 300)))
            c.fee_day = r.randint(1, 10)
            c.hq = self.ext_card()
            self.props.append(c)
        for _ in range(int(round(8 * self.s * busy))):
            city = self.wchoice(cities)
            owners = [p for p in self.people if p.city == city and p.role in ("worker", "freelance") and 24 <= p.age <= 45]
            if not owners:
                continue
            o = r.choice(owners)
            reg = o.home
            c = self.new_corp("eshop", city, reg, bal=self.fen(self.ln(20000, .8)),
                              name_kind=r.choice(["91", "92"]))
            c.owner = o
            c.rate = self.ln(25, .6) * (1.4 if busy > 1 else 1.0)
            c.supplier = self.ext_card()
            self.eshops.append(c)

    # ---------------------------------------------------------------- accounts opened inside the window
    def build_new_accounts(self):
        r = self.r
        D = self.D
        # new students in September: freshmen open campus cards; parents pay tuition
        sep = [i for i, d in enumerate(self.dates[:D]) if d.month == 9 and d.day <= 12]
        students = [p for p in self.people if p.role == "student"]
        if sep:
            fresh = [p for p in students if p.age <= 19 and r.random() < .8]
        else:
            fresh = [p for p in students if r.random() < .03]
        for p in fresh:
            d = r.choice(sep) if sep else r.randrange(D)
            t = self.in_window_open(d)
            cd = CITIES[p.city]
            b = self.wchoice(cd["campus_banks"])
            cls = "I" if b not in [x.bank for x in p.accts] else "II"
            a = Acct(self.new_acct_id(b, cls), b, p.idn, t, p.home, cls, 0, p)
            self.accts.append(a)
            self.later(t, self.ev_adopt, p, a)  # becomes the card they use
            if r.random() < .4:
                self.later(t + 120, self.ev_deposit, a, self.rnd(self.ln(300, .8), 50), "counter", p.home)
            self.later(t + r.randint(HOUR, 2 * DAY), self.ev_move_home, p, a)
            if sep:
                univ = r.choice(self.univs[p.city])
                tt = t + r.randint(2 * HOUR, 5 * DAY)
                self.later(tt, self.ev_tuition, p, univ.main)
        # new employees: payroll card at the employer's bank, opened on hire day
        for c in self.employers:
            for p in c.employees:
                if r.random() < .015:
                    d = r.randrange(D)
                    while self.dates[d].weekday() >= 5:
                        d = (d + 1) % D
                    t = self.in_window_open(d)
                    b = c.main.bank
                    cls = "II" if b in [x.bank for x in p.accts] else "I"
                    a = Acct(self.new_acct_id(b, cls), b, p.idn, t, c.region, cls, 0, p)
                    self.accts.append(a)
                    p.accts.append(a)
                    p.hire = t
                    p.payroll_acct = a
                    p.sweep_salary = True
        # bank switchers: a new account at another bank, the balance moves there
        for p in self.people:
            if p.role not in ("student",) and r.random() < .008:
                d = r.randrange(D)
                t = self.in_window_open(d, online=r.random() < .3)
                cd = CITIES[p.city]
                b = self.wchoice(cd["banks"])
                cls = "II" if b in [x.bank for x in p.accts] else "I"
                reg = p.home
                a = Acct(self.new_acct_id(b, cls), b, p.idn, t, reg, cls, 0, p)
                self.accts.append(a)
                self.later(t + r.randint(600, 2 * DAY), self.ev_switch, p, a)
        # several accounts in a fortnight for ordinary reasons (buying a flat: mortgage, provident fund and
        # property-fee banks; a small business applying for loans): the card farmer's lawful double
        for p in self.people:
            if p.role in ("worker", "merchant", "freelance", "landlord") and 25 <= p.age <= 55 and r.random() < .0012:
                d0 = r.randrange(max(1, self.D - 14))
                have = [x.bank for x in p.accts]
                for k in range(r.randint(3, 6)):
                    d = min(self.D - 1, d0 + r.randint(0, 14))
                    b = self.wchoice(CITIES[p.city]["banks"])
                    cls = "II" if b in have else "I"
                    have.append(b)
                    t = self.in_window_open(d)
                    a = Acct(self.new_acct_id(b, cls), b, p.idn, t, p.home, cls, 0, p)
                    a.usable = False
                    self.accts.append(a)
                    p.accts.append(a)
                    if r.random() < .5:
                        self.later(t + r.randint(HOUR, 5 * DAY), self.ev_promo_fund, p, a)
        # promotions: young people open class II e-accounts online for a new-customer reward
        for p in self.people:
            if 18 <= p.age <= 35 and r.random() < .006:
                d = r.randrange(D)
                t = self.in_window_open(d, online=True)
                b = r.choice(ALL_BANKS)
                a = Acct(self.new_acct_id(b, "II"), b, p.idn, t, p.home, "II", 0, p)
                a.usable = False  # not part of everyday spending
                self.accts.append(a)
                p.accts.append(a)
                self.later(t + r.randint(60, 3 * HOUR), self.ev_promo, p, a)
        # merchants register as individual businesses and open a corporate account
        for m in self.merchants:
            if r.random() < .05 * self.V["busy"]:
                d = r.randrange(max(1, D - 5))
                t = self.in_window_open(d)
                uscc = self.make_uscc(m.region, "92")
                b = m.acct.bank if r.random() < .6 else self.wchoice(CITIES[m.owner.city]["banks"])
                a = Acct(self.new_acct_id(b, "corp"), b, uscc, t, m.region, "corp", 0, m.owner)
                a.usable = False
                self.accts.append(a)
                m.corp_acct = a
        # old accounts that wake up for an ordinary reason (selling a car, an insurance payout)
        for p in self.people:
            if p.role in ("worker", "freelance", "elderly", "landlord") and r.random() < .004:
                cd = CITIES[p.city]
                b = self.wchoice(cd["banks"])
                a = Acct(self.new_acct_id(b, "I"), b, p.idn, self.past_open(p.age), p.hukou, "I",
                         self.fen(r.random() * 40), p)
                a.usable = False
                self.accts.append(a)
                p.accts.append(a)
                self.later(r.randrange(self.D * DAY), self.ev_wake, p, a)
        # normal dormant accounts: old cards nobody uses
        for p in self.people:
            if r.random() < .12:
                cd = CITIES[p.city]
                b = self.wchoice(cd["banks"])
                a = Acct(self.new_acct_id(b, "I"), b, p.idn, self.past_open(p.age), r.choice([p.home, p.hukou]),
                         "I", self.fen(r.random() * 60) if r.random() < .8 else 0, p)
                a.usable = False
                self.accts.append(a)
                p.accts.append(a)

    # ================================================================================================
    # Fraud economy
    # ================================================================================================
    def build_fraud(self):
        r = self.r
        V = self.V
        D = self.D
        n_g = max(2, int(round(V["gangs"] * self.s)))
        speeds = list(V["speed"].items())
        all_typ = list(TYPOLOGIES)
        self.treasury = [self.ext_card() for _ in range(6)]
        slots = []
        for gi in range(n_g):
            g = Gang(gi)
            g.speed = self.wchoice(speeds)
            g.L = self.wchoice([(2, .16), (3, .30), (4, .24), (5, .15), (6, .10), (7, .05)])
            op0 = r.uniform(-3, D * .45)
            op1 = min(D - .5, op0 + r.uniform(.5 * D, D))
            g.op = (op0 * DAY, op1 * DAY)
            k = r.randint(1, 3)
            g.typ = r.sample(all_typ, k)
            if self.variant == "shell_heavy" and r.random() < .7:
                g.typ = list(set(g.typ + ["investment"]))
            g.typ.sort()
            cw = {"atm": r.random() * 3, "external": r.random() * 3, "gold": r.random(), "virtual": r.random(),
                  "counter": r.random() * .6}
            g.cash = list(cw.items())
            g.cash_regions = r.sample(FAR_CASH, r.randint(1, 3))
            g.op_region = r.choice(FAR_CASH + ["533102", "532801"])
            g.remote = r.random() < .6
            g.exits = [self.ext_card() for _ in range(r.randint(3, 8))]
            g.atm_chunk = r.choice([2000, 2500, 3000, 5000, 0])
            g.atm_cap = r.choice([20000, 20000, 50000])
            g.split = {"fast": (2, 4), "medium": (1, 3), "slow": (1, 2)}[g.speed]
            g.round = r.random()
            g.min_fwd = r.randint(500, 3000) * 100 if g.speed == "fast" else r.randint(1500, 10000) * 100
            g.camo = V["camo"] * (2.0 if g.speed == "slow" else 1.0)
            g.memo = {"fast": .05, "medium": .2, "slow": .5}[g.speed]
            life = {"fast": (4, 9), "medium": (5, 12), "slow": (7, 20)}[g.speed]
            g.layers = [[] for _ in range(g.L)]
            for li in range(g.L):
                pos = 0 if li == 0 else (2 if li == g.L - 1 else 1)
                w = r.choice([1, 1, 2]) if li == 0 else r.choice([1, 1, 2, 2, 3])
                if self.variant == "shell_heavy" and li == 0:
                    w = r.choice([1, 2])
                for j in range(w):
                    t = g.op[0] - r.uniform(0, 2) * DAY + j * r.uniform(0, 2) * DAY
                    while t < g.op[1]:
                        lf = r.uniform(*life) * DAY
                        slots.append((g, li, pos, t, t + lf))
                        t += lf * r.uniform(.7, 1.0)
            self.gangs.append(g)
        # kinds by variant mix and layer affinity
        mix = V["mix"]
        farmer_slots = []
        used_people = set()
        student_supply = []
        for (g, li, pos, t0, t1) in slots:
            kind = self.wchoice([(k, mix[k] * AFFINITY[k][pos]) for k in MULE_KINDS])
            if kind == "farmer":
                farmer_slots.append((g, li, pos, t0, t1))
                continue
            a = None
            if kind == "rented":
                a = self.acquire_rented(g, t0, used_people)
            elif kind == "student":
                a = self.acquire_student(g, t0, used_people, student_supply)
            elif kind == "shell":
                a = self.acquire_shell(g, t0)
            if a is None:
                kind = "dormant"
                a = self.acquire_dormant(g, t0)
            self.install(g, a, li, t0, t1, kind)
        self.acquire_farmers(farmer_slots)
        self.build_cases()

    def install(self, g, a, li, t0, t1, kind):
        r = self.r
        a.gang = g
        a.layer = li
        a.afrom = max(t0, a.opened + DAY)
        a.auntil = t1
        a.mule = kind
        if li == g.L - 1:
            a.cash_mode = self.wchoice(g.cash)
            a.cash_region = r.choice(g.cash_regions)
        g.layers[li].append(a)
        self.mules.append(a)
        # some gangs test a newly obtained card with a tiny transfer (测卡)
        if r.random() < .5:
            self.later(a.afrom + r.randint(0, 6 * HOUR), self.ev_test_card, a)

    def pick_person(self, pred, used):
        r = self.r
        for _ in range(400):
            p = r.choice(self.people)
            if id(p) in used or not pred(p):
                continue
            used.add(id(p))
            return p
        return None

    def acquire_rented(self, g, t0, used):
        r = self.r

        def ok(p):
            return (18 <= p.age <= 50 and p.role in ("worker", "migrant", "gig", "freelance", "student")
                    and len([a for a in p.accts if a.usable]) >= 2)
        p = self.pick_person(ok, used)
        if p is None:
            return None
        secs = [a for a in p.accts[1:] if a.usable and a.cls != "III" and a.opened < -90 * DAY]
        if not secs:
            return None
        a = r.choice(secs)
        hand = t0 - r.uniform(0, 2.5) * DAY
        if r.random() < .4:
            hand = min(hand, -r.uniform(1, 90) * DAY)  # bought before the window
        if hand <= 0:
            a.usable = False
            a.bal = min(a.bal, self.fen(r.random() * 200))
            a.open_bal = a.bal
        else:
            self.later(hand, self.ev_handover, p, a)
        if r.random() < .6:
            self.later(max(hand, 0) + r.randint(HOUR, DAY), self.ev_fee, p, self.rnd(r.uniform(300, 2500), 100))
        return a

    def acquire_student(self, g, t0, used, supply):
        r = self.r
        young = ("student",) if self.variant != "students" else ("student", "worker", "migrant", "gig")
        p = None
        if supply and r.random() < .4:
            q = supply[-1]
            if q.n_cards < 3:
                p = q
        if p is None:
            p = self.pick_person(lambda q: q.role in young and q.age <= 24, used)
            if p is None:
                return None
            p.n_cards = 0
            supply.append(p)
        p.n_cards += 1
        cd = CITIES[p.city]
        have = [x.bank for x in p.accts]
        b = None
        for _ in range(10):
            b = self.wchoice(cd["campus_banks"] if r.random() < .6 else cd["banks"])
            if b not in have:
                break
        cls = "I" if b not in have and r.random() < .7 else "II"
        opened = t0 - r.uniform(.3, 4) * DAY
        if opened >= 0:
            d = int(opened // DAY)
            opened = self.in_window_open(d, online=(cls == "II"))
        a = Acct(self.new_acct_id(b, cls), b, p.idn, int(opened), p.home, cls, 0, p)
        a.usable = False
        self.accts.append(a)
        p.accts.append(a)
        if opened >= 0 and r.random() < .3:
            self.later(opened + 300, self.ev_deposit, a, self.rnd(r.uniform(10, 100), 10), "counter", p.home)
        self.later(max(t0, 0) + r.randint(6 * HOUR, 3 * DAY), self.ev_fee, p, self.rnd(r.uniform(200, 1200), 50))
        return a

    def acquire_shell(self, g, t0):
        r = self.r
        reg = r.choice(SHELL_REGIONS)
        city = self.area_of(reg)
        nominee = self.make_idn(r.choice(NOMINEE_HOMES), r.randint(19, 60))
        c = Corp("shell", city or "elsewhere", reg, self.make_uscc(reg))
        c.nominee = nominee
        bank = self.wchoice(CITIES[city]["banks"]) if city else r.choice(ALL_BANKS)
        opened = t0 - r.uniform(7, 200) * DAY
        if opened >= 0:
            opened = self.in_window_open(int(opened // DAY))
        bal = self.fen(r.random() * 3000) if opened < 0 and r.random() < .6 else 0
        a = self.add_acct(c, c.uscc, bank, "corp", opened, reg, bal)
        a.usable = False
        self.corps.append(c)
        # a little business-looking activity before use
        if r.random() < .5:
            for _ in range(r.randint(1, 4)):
                tt = max(opened, 0) + r.uniform(0, max(0, t0 - max(opened, 0)))
                if tt < t0:
                    self.later(tt, self.ev_shell_dress, a)
        return a

    def acquire_dormant(self, g, t0):
        r = self.r
        if r.random() < .4:
            p = r.choice(self.people)
            holder, owner, reg = p.idn, p, p.hukou
            age = p.age
        else:
            age = r.randint(22, 55)
            reg = r.choice(NOMINEE_HOMES + ["150102", "230102"] + CITIES["ganzhou"]["county"])
            holder = self.make_idn(reg, age)
            owner = Person()
            owner.idn = holder
        b = self.wchoice(CITIES[self.area_of(reg)]["banks"]) if self.area_of(reg) else r.choice(ALL_BANKS)
        opened = -int(r.uniform(3, min(12, max(3.5, age - 17))) * 365 * DAY)
        opened -= opened % DAY
        opened += 10 * HOUR
        a = Acct(self.new_acct_id(b, "I"), b, holder, opened, reg, "I", self.fen(r.random() * 30), owner)
        a.usable = False
        self.accts.append(a)
        owner.accts.append(a)
        return a

    def acquire_farmers(self, fslots):
        r = self.r
        fslots.sort(key=lambda x: x[3])
        i = 0
        while i < len(fslots):
            n_cards = r.choice([r.randint(4, 9), r.randint(8, 14), r.randint(12, 22)])
            group = fslots[i:i + max(1, int(n_cards * r.uniform(.7, 1.0)))]
            i += len(group)
            home = r.choice(FARMER_HOMES)
            age = r.randint(20, 48)
            idn = self.make_idn(home, age)
            f = Person()
            f.idn = idn
            self.farmers.append(idn)
            first_use = min(x[3] for x in group)
            spree0 = first_use - r.uniform(10, 30) * DAY
            cities = r.sample(FARMER_CITIES, r.randint(2, 3))
            cards = []
            per = [n_cards // len(cities)] * len(cities)
            for k in range(n_cards - sum(per)):
                per[k] += 1
            t = spree0
            for (cname, regs), n in zip(cities, per):
                banks_here = r.sample(ALL_BANKS, min(len(ALL_BANKS), n))
                had = set()
                for b in banks_here:
                    cls = "I" if b not in had else "II"
                    had.add(b)
                    opened = t + r.uniform(0, .8) * DAY
                    if opened >= 0:
                        opened = self.in_window_open(int(opened // DAY))
                    else:
                        opened = int(opened - opened % DAY + 9 * HOUR + r.randrange(7 * HOUR))
                    a = Acct(self.new_acct_id(b, cls), b, idn, int(opened), r.choice(regs), cls,
                             self.fen(r.choice([0, 0, 1, 10, 10, 20, 50])), f)
                    a.usable = False
                    self.accts.append(a)
                    f.accts.append(a)
                    cards.append(a)
                t += r.uniform(2, 6) * DAY
            # the farmer's own card back home, where the buyer pays for the sets
            hb = r.choice(["PSBC", "ABC", "ICBC", "CCB"])
            own = Acct(self.new_acct_id(hb, "I"), hb, idn, self.past_open(age), home, "I",
                       self.fen(self.ln(800, 1.0)), f)
            self.accts.append(own)
            last_open = max(c.opened for c in cards)
            self.later(max(0, last_open) + r.uniform(.5, 3) * DAY, self.ev_farmer_paid, own,
                       self.rnd(n_cards / 4.0 * r.uniform(4500, 6500), 100))
            r.shuffle(cards)
            for (g, li, pos, t0, t1), a in zip(group, cards):
                self.install(g, a, li, max(t0, a.opened + DAY), t1, "farmer")
            for a in cards[len(group):]:
                # sold but not (yet) used inside the window: still the network's
                a.mule = "farmer"
                a.gang = None
                self.mules.append(a)

    def build_cases(self):
        r = self.r
        target = int(round(130 * self.s))
        weights = []
        for g in self.gangs:
            cap = sum(min(a.auntil, self.D * DAY) - max(a.afrom, 0) for a in g.layers[0])
            weights.append((g, max(cap, 0) + 1))
        victims_used = set()
        for _ in range(target):
            g = self.wchoice(weights)
            typ = r.choice(g.typ)
            lo, hi, sp0, sp1, med, sg, e0, e1, a0, a1, memos = TYPOLOGIES[typ]
            n = r.randint(lo, hi)
            d0 = int(r.uniform(max(g.op[0], 0) + HOUR, g.op[1]) // DAY)
            t0 = self.tod(d0, "office" if typ in ("police_gov", "leader_acquaintance") else "consumer")
            times = [t0]
            for _ in range(n - 1):
                times.append(times[-1] + r.uniform(sp0, sp1))
            # people pay when they are awake; a fake policeman calls in office hours
            times = [x if (x % DAY) >= 7 * HOUR else x - x % DAY + r.randint(7, 10) * HOUR + r.randrange(HOUR)
                     for x in times]
            if typ == "police_gov":
                times = [self.bank_hours(x) for x in times]
            amts = [self.ln(med, sg)]
            for _ in range(n - 1):
                amts.append(amts[-1] * r.uniform(e0, e1))
            case = dict(gang=g, typ=typ, collector=None, memos=memos, paid=0, collectors=[])
            inworld = r.random() < (.45 if typ != "leader_acquaintance" else .3)
            victim = None
            if inworld:
                if typ == "leader_acquaintance" and r.random() < .5:
                    cands = [c for c in self.employers if c.kind in ("private", "factory", "service", "tech")]
                    victim = r.choice(cands) if cands else None
                    case["corp"] = True
                else:
                    victim = self.pick_person(lambda p: a0 <= p.age <= a1 and not p.victim
                                              and p.role not in ("trader",), victims_used)
                    if victim is not None:
                        victim.victim = True
            case["victim"] = victim
            if victim is None:
                case["src"] = self.ext_card()
                case["src2"] = self.ext_card() if r.random() < .2 else None
                case["region"] = r.choice(EXT_VICTIM_REGIONS)
            self.n_victim_cases += 1
            for i, (t, y) in enumerate(zip(times, amts)):
                if t >= self.D * DAY:
                    break
                fen = self.rnd(y, r.choice([1, 10, 100, 100, 1000])) if r.random() < .7 else self.fen(y)
                self.later(t, self.ev_victim, case, i, fen)
            g.cases.append(case)

    # ================================================================================================
    # Daily plan
    # ================================================================================================
    def simulate(self):
        for d in range(self.D):
            self.plan_day(d)
            end = (d + 1) * DAY
            h = self.heap
            while h and h[0][0] < end:
                t, _, fn, args = heapq.heappop(h)
                self.now = t
                fn(t, *args)
        self.heap = []

    def plan_day(self, d):
        r = self.r
        date = self.dates[d]
        wd = date.weekday()
        hol = self.hol.get(d)
        hol_next = self.hol.get(d + 1)
        for (t, fn, args) in self.agenda.pop(d, []):
            self.at(t, fn, *args)
        dom = date.day
        # --- consumption
        f = 1.25 if wd >= 5 else 1.0
        if hol in ("spring", "national", "midautumn", "labour", "dragon"):
            f *= 1.2
        if hol_next == "spring" or hol == "double11":
            f *= 1.6
        for p in self.people:
            lam = p.rate * f
            if lam <= 0:
                continue
            n = self.pois(lam)
            for _ in range(n):
                self.plan_purchase(d, p)
        # --- merchants: customers from outside the data, sweeps, cash
        for m in self.merchants:
            prof, med, sg, er, _ = MTYPES[m.mtype]
            ff = f * (0.3 if (self.sf_day is not None and 0 <= d - self.sf_day < 4) else 1.0)
            if m.mtype == "canteen" and wd >= 5:
                ff *= .4
            n = self.pois(m.ext_rate * ff)
            for _ in range(n):
                t = self.tod(d, prof)
                payer = r.choice(m.regulars) if r.random() < .55 else self.ext_card()
                fen = self.fen(self.ln(med, sg))
                self.at(t, self.ev_ext_buy, payer, m, fen)
            if m.sweep == "daily" or (m.sweep == "days" and d % m.sweep_every == 0):
                self.at(self.tod(d, "sweep"), self.ev_sweep, m, False)
            elif m.sweep == "threshold":
                for _ in range(r.randint(1, 3 if self.V["busy"] > 1 else 2)):
                    self.at(d * DAY + r.randint(11, 22) * HOUR + r.randrange(HOUR), self.ev_sweep, m, True)
            if m.corp_acct is not None and m.corp_acct.opened < (d + 1) * DAY and r.random() < .5:
                self.at(self.tod(d, "sweep"), self.ev_corp_sweep, m)
            if r.random() < .04:
                self.at(self.tod(d, "counter"), self.ev_deposit, m.acct, self.rnd(self.ln(2000, .7), 100),
                        r.choice(["counter", "atm"]), m.region)
        # --- online shops and property managers: many payers, fast sweeps
        for c in self.eshops:
            for _ in range(self.pois(c.rate * f)):
                self.at(self.tod(d, "late"), self.ev_eshop_in, c)
            for _ in range(r.randint(1, 3)):
                self.at(d * DAY + r.randint(10, 23) * HOUR + r.randrange(HOUR), self.ev_eshop_sweep, c)
        for c in self.props:
            if wd < 5 or r.random() < .3:
                self.at(d * DAY + 17 * HOUR + r.randrange(HOUR), self.ev_prop_sweep, c)
        # --- platforms: merchants settled early morning, riders weekly, money in from the payment firm
        for pf in self.platforms:
            self.at(d * DAY + r.randint(1, 4) * HOUR, self.ev_platform_fund, pf)
        for m in self.merchants:
            if m.platform:
                med = MTYPES[m.mtype][1] * 8
                self.at(self.tod(d, "batch"), self.ev_platform_settle, self.platforms[0], m,
                        self.fen(self.ln(med, .6)))
        if wd == 1:
            for p in self.gig_workers:
                self.at(d * DAY + 10 * HOUR + r.randrange(2 * HOUR), self.ev_gig_pay, p)
        # --- corporations: B2B money in and out
        for c in self.employers:
            if wd < 5 or r.random() < .1:
                if r.random() < c.k_in / 22.0:
                    self.at(self.tod(d, "office"), self.ev_corp_in, c)
                if r.random() < c.k_out / 22.0:
                    self.at(self.tod(d, "office"), self.ev_corp_out, c)
        # --- cash, traders, bursty spenders, daigou, gifts
        for p in self.people:
            role = p.role
            if role == "trader":
                if r.random() < .45:
                    self.at(self.tod(d, "office"), self.ev_trader, p)
            elif role == "daigou":
                for _ in range(self.pois(6 * self.V["busy"])):
                    self.at(self.tod(d, "late"), self.ev_daigou_in, p)
                if r.random() < .5:
                    self.at(self.tod(d, "late"), self.ev_daigou_out, p)
            if role in ("worker", "migrant", "gig", "freelance", "merchant") and r.random() < .03:
                self.at(self.tod(d, "consumer"), self.ev_atm, p, self.rnd(self.ln(800, .7), 100))
            if role == "freelance" and r.random() < .07:
                self.at(self.tod(d, "office"), self.ev_freelance_in, p)
            if p.trip is not None and p.trip[0] // DAY <= d < p.trip[1] // DAY and r.random() < .35:
                self.at(self.tod(d, "consumer"), self.ev_atm, p, self.rnd(self.ln(1200, .6), 100))
            if p.spouse is not None and r.random() < .012:
                self.at(self.tod(d, "evening"), self.ev_family, p, p.spouse, self.rnd(self.ln(800, .9), 100), "")
            if role == "student" and r.random() < .05 and getattr(p, "mates", None):
                q = r.choice(p.mates)
                if q is not p:
                    self.at(self.tod(d, "meal"), self.ev_family, p, q, self.fen(self.ln(35, .6)),
                            r.choice(["", "", "AA", "饭钱"]))
        for p in self.bursty:
            if d in p.burst_days:
                self.at(self.tod(d, "night"), self.ev_burst, p)
        for c in self.classes:
            if r.random() < .012:
                self.at(self.tod(d, "evening"), self.ev_class_fee, c)
        if r.random() < .35 * self.s:
            self.plan_wedding(d)
        # --- holidays
        if hol in ("spring", "midautumn", "dragon", "national", "lantern", "newyear", "chongyang") \
                or hol_next == "spring":
            self.plan_red_packets(d, hol if hol in self.RED else "spring_eve")
        # graduation banquets (升学宴): relatives send red packets to the admitted student in summer
        if (date.month == 7 and date.day >= 15) or date.month == 8:
            if r.random() < .5 * self.s:
                self.plan_gifts(d, "school")
        if hol in ("520", "qixi"):
            for p in self.people:
                if p.spouse is not None and p.age < 45 and r.random() < .3:
                    amt = r.choice([520, 1314, 520, 52]) * 100
                    self.at(self.tod(d, "evening"), self.ev_family, p, p.spouse, amt, r.choice(["", "我爱你", "520"]))
        # --- fraud: mule camouflage spending
        for g in self.gangs:
            if g.camo <= 0:
                continue
            for layer in g.layers:
                for a in layer:
                    if a.afrom <= d * DAY < a.auntil and r.random() < g.camo:
                        self.at(self.tod(d, "consumer"), self.ev_camo, a)

    def plan_purchase(self, d, p):
        r = self.r
        t = self.tod(d, "consumer")
        tr = p.trip
        away = tr is not None and tr[0] <= t < tr[1]
        x = r.random()
        if not away and p.favs and x < p.local:
            m = r.choice(p.favs)
            prof, med, sg, er, _ = MTYPES[m.mtype]
            t = self.tod(d, prof)
            fen = self.fen(self.ln(med, sg))
            self.at(t, self.ev_buy, p, m, fen, p.home)
        elif not away and x < p.local + .10 and p.city in CITIES:
            pf = self.platforms[0] if r.random() < .8 else self.platforms[1]
            self.at(t, self.ev_buy_acct, p, pf.main, self.fen(self.ln(35, .5)), p.home, "other")
        elif not away and x < p.local + .125:
            h = r.choice(self.hospitals[p.city])
            self.at(self.tod(d, "office"), self.ev_buy_acct, p, h.main, self.fen(self.ln(180, 1.0)), p.home, "pos")
        else:
            i = bisect.bisect_right(self.ext_shop_w, r.random() * self.ext_shop_w[-1])
            shop = self.ext_shops[min(i, 299)]
            fen = self.fen(self.ln(70 if not away else 220, 1.0))
            self.at(t, self.ev_buy_acct, p, shop, fen, self.region_of(p, t), "mobile")

    def plan_monthlies(self):
        """Payroll, pensions, rent, allowances, remittances, bills: fixed days of the month."""
        r = self.r
        self.gig_workers = [p for p in self.people if p.role == "gig"]
        self.bursty = []
        for p in self.people:
            if p.role in ("worker", "freelance", "migrant", "gig") and r.random() < .012:
                p.burst_days = set(r.sample(range(self.D), r.randint(1, 3)))
                self.bursty.append(p)
        for c in self.employers:
            for d in self.monthly(c.payday):
                t = d * DAY + r.randint(9, 15) * HOUR + r.randrange(HOUR)
                self.later(t, self.ev_payroll, c, False)
            if c.kind != "gov":
                for d in self.monthly(15):
                    self.later(self.tod(d, "office"), self.ev_corp_fixed, c, "tax")
            if self.sf_day is not None and self.sf_day - 12 >= 0:
                d = self.sf_day - r.randint(8, 14)
                if d >= 0:
                    self.later(d * DAY + r.randint(10, 16) * HOUR, self.ev_payroll, c, True)
        for city, c in self.social.items():
            for d in self.monthly(CITIES[city]["pension_day"], shift=0):
                self.later(d * DAY + 6 * HOUR + r.randrange(3 * HOUR), self.ev_pension, c, city)
        for p in self.people:
            if p.rent and p.landlord is not None:
                for d in self.monthly(p.rent_day, shift=0):
                    dd = max(0, d + r.choice([-1, 0, 0, 0, 1, 2]))
                    self.later(self.tod(dd, "evening"), self.ev_rent, p)
            # allowances to students
            if p.role == "student":
                pd = r.choice([1, 1, 5, 10, 15, 20])
                src = p.parents[0] if p.parents else None
                for d in self.monthly(pd, shift=0):
                    dd = min(self.D - 1, d + r.randint(0, 2))
                    self.later(self.tod(dd, "evening"), self.ev_allowance, p, src)
                    if r.random() < .3:
                        self.later(self.tod(min(self.D - 1, dd + r.randint(5, 14)), "evening"),
                                   self.ev_allowance, p, src)
            # remittances home / to elderly parents
            if p.role in ("worker", "migrant", "gig", "merchant", "freelance", "landlord") and r.random() < .55:
                pd = (p.employer.payday if p.employer else r.choice([1, 10, 20])) or 28
                tgt = [q for q in p.parents if q.role in ("elderly", "worker", "freelance")]
                ext = getattr(p, "ext_parent", None)
                for d in self.monthly(pd, shift=-1):
                    dd = min(self.D - 1, d + r.randint(0, 3))
                    amt = self.rnd(self.ln(1500 if p.role == "migrant" else 800, .6), 100)
                    if tgt:
                        self.later(self.tod(dd, "evening"), self.ev_family, p, r.choice(tgt), amt,
                                   r.choice(["", "", "家用", "生活费"]))
                    elif ext:
                        self.later(self.tod(dd, "evening"), self.ev_buy_acct, p, ext, amt, p.home, "mobile")
            # children outside the data send money to rural elderly
            ec = getattr(p, "ext_child", None)
            if ec and p.role == "elderly":
                for d in self.monthly(r.choice([1, 5, 10, 25]), shift=0):
                    if r.random() < .6:
                        self.later(self.tod(d, "evening"), self.ev_in_ext, p, ec,
                                   self.rnd(self.ln(600, .6), 100), "")
            # urban family with a child studying elsewhere
            if ec and p.role != "elderly":
                for d in self.monthly(r.choice([1, 5, 15]), shift=0):
                    self.later(self.tod(d, "evening"), self.ev_buy_acct, p, ec,
                               self.rnd(self.ln(1800, .4), 100), p.home, "mobile", "生活费")
            # credit cards, mortgages, the secondary account's bills
            if p.role in ("worker", "merchant", "landlord", "freelance", "trader") and r.random() < .4:
                cc = self.ext_card()
                for d in self.monthly(r.randint(1, 28), shift=0):
                    self.later(self.tod(d, "evening"), self.ev_buy_acct, p, cc,
                               self.fen(self.ln(2500, .8)), p.home, "mobile", "信用卡还款")
            if p.role in ("worker", "landlord", "merchant") and p.age < 55 and r.random() < .22:
                mg = self.ext_card()
                amt = self.fen(self.ln(3200, .4))
                for d in self.monthly(r.randint(1, 28), shift=0):
                    self.later(d * DAY + 2 * HOUR + r.randrange(HOUR), self.ev_buy_acct, p, mg, amt, p.home,
                               "other", "房贷")
            for a in p.accts:
                if a.cls == "III":
                    for d in self.monthly(r.randint(1, 28), shift=0):
                        self.later(self.tod(d, "evening"), self.ev_own, p, a, self.rnd(r.uniform(100, 500), 50))
                        for _ in range(r.randint(1, 4)):
                            dd = min(self.D - 1, d + r.randint(0, 25))
                            self.later(self.tod(dd, "consumer"), self.ev_sec_bill, p, a,
                                       r.choice(self.ext_shops[:50]), self.fen(self.ln(40, .7)))
            sec = [a for a in p.accts[1:] if a.usable and a.cls != "III"]
            if sec and p.role not in ("elderly",) and r.random() < .6:
                a = sec[0]
                for d in self.monthly(r.randint(1, 28), shift=0):
                    self.later(self.tod(d, "evening"), self.ev_own, p, a, self.rnd(self.ln(1200, .7), 100))
                    for _ in range(r.randint(1, 3)):
                        dd = min(self.D - 1, d + r.randint(0, 20))
                        self.later(self.tod(dd, "consumer"), self.ev_sec_bill, p, a,
                                   r.choice(self.ext_bills), self.fen(self.ln(90, .8)))
            # elderly: counter withdrawals after the pension
            if p.role == "elderly" and r.random() < .75:
                pdm = CITIES[p.city]["pension_day"]
                for d in self.monthly(pdm, shift=0):
                    dd = min(self.D - 1, d + r.randint(0, 6))
                    county = p.home in CITIES[p.city]["county"]
                    amt = self.rnd(self.ln(400 if county else 1500, .6), 100)
                    self.later(self.tod(dd, "counter"), self.ev_withdraw_counter, p, amt)
        for c in self.props:
            for p in c.residents:
                fee = self.fen(self.ln(260, .4))
                for d in self.monthly(c.fee_day, shift=0):
                    if r.random() < .7:
                        dd = min(self.D - 1, d + r.randint(0, 12))
                        self.later(self.tod(dd, "evening"), self.ev_buy_acct, p, c.main, fee, p.home, "mobile",
                                   r.choice(["物业费", "", "物业费"]))
        for m in self.merchants:
            for d in self.monthly(m.rent_day, shift=0):
                self.later(self.tod(d, "evening"), self.ev_stall_rent, m)
        for p in self.people:
            if p.role == "landlord":
                for d in self.monthly(r.randint(8, 28), shift=0):
                    self.later(self.tod(d, "office"), self.ev_landlord_invest, p)

    RED = ("spring", "midautumn", "dragon", "national", "lantern", "newyear", "chongyang")

    def plan_red_packets(self, d, hol):
        r = self.r
        big = hol in ("spring", "spring_eve")
        share = .35 if big else (.04 if hol in ("lantern", "newyear") else .12)
        for p in self.people:
            if not p.kin or r.random() > share:
                continue
            q = r.choice(p.kin)
            if hol == "chongyang":
                if not p.parents:
                    continue
                q = r.choice(p.parents)
            if p.role == "elderly" and q.role == "student":
                amt = r.choice([200, 500, 600, 800, 1000, 2000]) * 100
            elif q in p.parents:
                amt = r.choice([500, 800, 1000, 2000, 3000, 5000] if big else [200, 500, 1000]) * 100
            else:
                amt = r.choice([666, 888, 6600, 8800, 16800, 20000, 52000, 100]) * (10 if big else 1)
                amt = min(amt, 200000)
            memo = r.choice(["红包", "", "新年快乐", "恭喜发财"] if big else ["红包", "", "节日快乐"])
            self.at(self.tod(d, "evening"), self.ev_family, p, q, amt, memo)

    def plan_wedding(self, d):
        self.plan_gifts(d, "wedding")

    def plan_gifts(self, d, why):
        """Gift money (份子钱) for a wedding or a graduation banquet: dozens of payers in a day or two."""
        r = self.r
        p = r.choice(self.people)
        if why == "wedding" and (not (22 <= p.age <= 35) or p.role == "student"):
            return
        if why == "school" and not (p.role == "student" and p.age <= 19):
            return
        n = r.randint(15, 60) if why == "wedding" else r.randint(6, 25)
        for _ in range(n):
            t = d * DAY + r.randint(8, 22) * HOUR + r.randrange(HOUR)
            amt = r.choice([200, 500, 600, 666, 800, 888, 1000, 1000, 1200, 1666, 2000]) * 100
            memo = r.choice(["", "", "新婚快乐", "份子钱", "百年好合"] if why == "wedding" else
                            ["", "", "金榜题名", "红包", "前程似锦"])
            if p.kin and r.random() < .3:
                self.at(t, self.ev_family, r.choice(p.kin), p, amt, memo)
            elif r.random() < .3:
                q = r.choice(self.people)
                self.at(t, self.ev_family, q, p, amt, memo)
            else:
                self.at(t, self.ev_in_ext, p, self.ext_card(), amt, memo)
        hotel = r.choice(self.hotels[p.city]).main
        if why == "school":
            if p.parents:
                self.at((d + 1) * DAY + r.randint(10, 20) * HOUR, self.ev_family, p, p.parents[0],
                        self.rnd(self.ln(3000, .5), 100), "")
            return
        self.at((d + r.randint(1, 3)) * DAY + r.randint(10, 18) * HOUR, self.ev_big_pay, p, hotel,
                self.rnd(self.ln(30000, .4), 100), "婚宴")
        if r.random() < .4:
            self.at((d + 1) * DAY + r.randint(10, 18) * HOUR, self.ev_big_pay, p, r.choice(self.gold).main,
                    self.fen(self.ln(12000, .5)), "")

    # ================================================================================================
    # Event handlers: ordinary life
    # ================================================================================================
    def ev_buy(self, t, p, m, fen, region):
        a = self.spend_acct(p, t, fen)
        if a is None:
            return
        dst = m.acct
        if m.corp_acct is not None and m.corp_acct.opened <= t and self.r.random() < .5:
            dst = m.corp_acct
        ch = "pos" if self.r.random() < .12 else "mobile"
        self.pay(t, a, dst, fen, ch, region)

    def ev_ext_buy(self, t, payer, m, fen):
        dst = m.acct
        if m.corp_acct is not None and m.corp_acct.opened <= t and self.r.random() < .5:
            dst = m.corp_acct
        self.pay(t, payer, dst, fen, "mobile" if self.r.random() < .9 else "pos", m.region)

    def ev_buy_acct(self, t, p, dst, fen, region, ch, memo=""):
        a = self.spend_acct(p, t, fen)
        if a is None:
            return
        self.pay(t, a, dst, fen, ch, region, memo=memo)

    def ev_big_pay(self, t, p, dst, fen, memo):
        a = self.spend_acct(p, t, fen)
        if a is None:
            m = p.main
            if m is None:
                return
            self.gather(t, p, m, fen)
            a = m
            fen = min(fen, m.bal)
        self.at(t + 60, self.ev_pay_from, a, dst, fen, p.home, memo)

    def gather(self, t, p, main, need):
        """Move money from one's own other accounts to main until it holds need."""
        for a in p.accts:
            if main.bal >= need:
                break
            if a is main or not a.usable or a.opened > t or a.bal <= 0:
                continue
            amt = min(a.bal, need - main.bal)
            if amt > 10000:
                amt = min(a.bal, ((amt + 9999) // 10000) * 10000)
            self.pay(t, a, main, amt, "mobile", p.home)

    def ev_sweep(self, t, m, threshold):
        r = self.r
        a = m.acct
        bal = a.bal
        lim = 50000 if not threshold else 20000 + r.randrange(30000)
        if bal < lim:
            return
        x = r.random()
        if x < .55:
            amt = self.rnd(bal * r.uniform(.6, .95) / 100.0, 100) if r.random() < .6 else bal - r.randrange(min(bal, 20000))
            self.pay(t, a, m.supplier, min(amt, bal), "mobile", m.region, memo=r.choice(["", "", "货款"]))
        elif x < .85 and m.save is not None and m.save.usable:
            amt = bal - r.randrange(min(bal, 30000))
            self.pay(t, a, m.save, amt, "mobile", m.region)
        elif x < .93:
            amt = min(bal, self.rnd(bal * .5 / 100.0, 100))
            self.pay(t, a, None, amt, "counter", m.region, kind="withdrawal")

    def ev_corp_sweep(self, t, m):
        a = m.corp_acct
        if a.bal > 10000:
            self.pay(t, a, m.acct, a.bal - self.r.randrange(min(a.bal, 5000)), "online", m.region)

    def ev_eshop_in(self, t, c):
        r = self.r
        fen = self.fen(self.ln(90, .9))
        self.pay(t, self.ext_card(), c.main, fen, "other", r.choice(EXT_VICTIM_REGIONS))

    def ev_eshop_sweep(self, t, c):
        r = self.r
        a = c.main
        if a.bal < 200000:
            return
        if r.random() < .5:
            dst = c.owner.main
        else:
            dst = c.supplier
        if dst is not None:
            self.pay(t, a, dst, a.bal - r.randrange(min(a.bal, 50000)), "online", c.region,
                     memo=r.choice(["", "货款", "提现"]))

    def ev_prop_sweep(self, t, c):
        a = c.main
        if a.bal > 1000000:
            self.pay(t, a, c.hq, self.rnd(a.bal * self.r.uniform(.85, 1.0) / 100.0, 100), "online", c.region,
                     memo="归集")

    def ev_stall_rent(self, t, m):
        a = m.acct if m.acct.bal >= m.stall_rent else m.owner.main
        if a is not None:
            self.pay(t, a, m.landlord, m.stall_rent, "mobile", m.region, memo=self.r.choice(["", "房租", "租金"]))

    def ev_deposit(self, t, a, fen, ch, region):
        self.pay(t, None, a, fen, ch, region, kind="deposit")

    def ev_payroll(self, t, c, bonus):
        r = self.r
        need = 0
        batch = []
        for p in c.employees:
            if p.hire > t:
                continue
            amt = p.salary if not bonus else self.fen(p.salary / 100.0 * r.uniform(.5, 2.0))
            if not bonus:
                amt = self.fen(amt / 100.0 * r.uniform(.92, 1.08))
            batch.append((p, amt))
            need += amt
        main = c.main
        if main.bal < need:
            # working-capital loan from a bank outside the data
            self.pay(t, r.choice(self.ext_lenders), main, need - main.bal + self.fen(self.ln(20000, .5)),
                     "online", c.region, memo="贷款发放")
        memo = "年终奖" if bonus else r.choice(["代发工资", "工资", "薪资"])
        for i, (p, amt) in enumerate(batch):
            dst = p.payroll_acct or p.main
            if dst is None:
                continue
            self.at(t + 1 + i // 20, self.ev_salary, c, p, dst, amt, memo)

    def ev_salary(self, t, c, p, dst, amt, memo):
        r = self.r
        if self.pay(t, c.main, dst, amt, "online", c.region, memo=memo):
            if getattr(p, "sweep_salary", False) and dst is not p.accts[0] and p.accts[0].usable:
                self.at(t + r.randint(120, 3 * HOUR), self.ev_own_all, p, dst, p.accts[0])

    def ev_own_all(self, t, p, a, b):
        if a.bal > 10000:
            self.pay(t, a, b, a.bal - self.r.randrange(min(a.bal, 3000)), "mobile", p.home)

    def ev_own(self, t, p, a, fen):
        m = p.accts[0]
        if not a.usable or m is a or not m.usable:
            return
        if a.cls == "III":
            fen = min(fen, 200000 - a.bal)
        self.pay(t, m, a, min(fen, max(0, m.bal - 20000)), "mobile", p.home)

    def ev_sec_bill(self, t, p, a, bill, fen):
        if a.usable:
            self.pay(t, a, bill, fen, "mobile", p.home, memo=self.r.choice(["", "话费", "保险", "水电费"]))

    def ev_corp_fixed(self, t, c, what):
        amt = int(c.rev * self.r.uniform(.04, .1))
        amt = min(amt, c.main.bal - c.monthly_pay // 2)
        if amt > 0:
            self.pay(t, c.main, self.r.choice(self.ext_tax), amt, "online", c.region, memo="税款")

    def ev_corp_in(self, t, c):
        r = self.r
        amt = self.fen(c.rev / 100.0 / max(1, c.k_in) * math.exp(r.gauss(0, .6)))
        if r.random() < .5:
            amt = self.rnd(amt / 100.0, 100)
        src = r.choice(c.customers)
        xb = getattr(c, "xb", False) and r.random() < .5
        self.pay(t, src, c.main, amt, "online", c.region, memo=r.choice(["", "货款", "服务费", "合同款", "往来款"]), xb=xb)

    def ev_corp_out(self, t, c):
        r = self.r
        amt = self.fen(c.rev * .45 / 100.0 / max(1, c.k_out) * math.exp(r.gauss(0, .6)))
        if c.main.bal - amt < c.monthly_pay * .6:
            return
        if r.random() < .5:
            amt = self.rnd(amt / 100.0, 100)
        self.pay(t, c.main, r.choice(c.suppliers), amt, "online", c.region,
                 memo=r.choice(["", "货款", "采购款", "租金", "服务费"]))

    def ev_pension(self, t, c, city):
        r = self.r
        for i, p in enumerate(self.people):
            if p.role != "elderly" or p.city != city:
                continue
            a = p.main
            if a is None:
                continue
            county = p.home in CITIES[city]["county"]
            if not hasattr(p, "pension"):
                p.pension = self.fen(self.ln(260, .3) if county and r.random() < .7 else self.ln(3300, .35))
            if c.main.bal < p.pension:
                self.pay(t, self.ext_tax[0], c.main, self.fen(5e6), "online", c.region, memo="拨款")
            self.at(t + 1 + (i % 500) // 10, self.ev_pay_plain, c.main, a, p.pension, "online", c.region, "养老金")

    def ev_withdraw_counter(self, t, p, fen):
        a = p.main
        if a is None:
            return
        fen = min(fen, a.bal - a.bal % 10000)
        if fen > 0:
            self.pay(t, a, None, fen, "counter", p.home, kind="withdrawal")

    def ev_atm(self, t, p, fen):
        a = self.spend_acct(p, t, fen)
        if a is not None:
            self.pay(t, a, None, fen, "atm", self.region_of(p, t), kind="withdrawal")

    def ev_rent(self, t, p):
        a = self.spend_acct(p, t, p.rent)
        if a is None:
            m = p.main
            if m is None:
                return
            self.gather(t, p, m, p.rent)
            a = m
        month = self.dates[int(t // DAY)].month
        memo = self.r.choice(["", "房租", "%d月房租" % month, "租金"])
        self.pay(t, a, p.landlord, p.rent, "mobile", p.home, memo=memo)

    def ev_landlord_invest(self, t, p):
        a = p.main
        if a is not None and a.bal > 2000000:
            amt = self.rnd((a.bal - 1000000) * self.r.uniform(.5, .9) / 100.0, 1000)
            self.pay(t, a, self.r.choice(self.ext_wealth), amt, "mobile", p.home, memo="理财")

    def ev_allowance(self, t, p, parent):
        r = self.r
        amt = self.rnd(self.ln(1500, .35), 100)
        dst = p.main
        if dst is None:
            return
        if parent is not None and parent.main is not None:
            a = self.spend_acct(parent, t, amt)
            if a is not None:
                self.pay(t, a, dst, amt, "mobile", parent.home, memo=r.choice(["", "生活费", "生活费"]))
                return
        src = getattr(p, "ext_parent", None) or self.ext_card()
        self.pay(t, src, dst, amt, "mobile", p.hukou, memo=r.choice(["", "生活费"]))

    def ev_tuition(self, t, p, univ):
        r = self.r
        amt = self.rnd(self.ln(5500, .25), 100)
        parent = p.parents[0] if p.parents else None
        memo = r.choice(["学费", "学费住宿费", ""])
        if parent is not None:
            a = self.spend_acct(parent, t, amt)
            if a is not None:
                self.pay(t, a, univ, amt, "mobile", parent.home, memo=memo)
                return
        self.pay(t, getattr(p, "ext_parent", None) or self.ext_card(), univ, amt, "online", p.hukou, memo=memo)

    def ev_move_home(self, t, p, new):
        # freshman's parents or the student move some money to the new campus card
        old = [a for a in p.accts if a is not new and a.usable and a.bal > 20000]
        if old:
            a = old[0]
            self.pay(t, a, new, self.rnd(a.bal * self.r.uniform(.3, .9) / 100.0, 100), "mobile", p.home)

    def ev_adopt(self, t, p, a):
        p.accts.insert(0, a)

    def ev_pay_plain(self, t, a, dst, fen, ch, region, memo):
        self.pay(t, a, dst, fen, ch, region, memo=memo)

    def ev_switch(self, t, p, new):
        old = p.main
        if old is None:
            return
        p.accts.insert(0, new)
        if old.bal > 1000:
            amt = old.bal - self.r.randrange(min(old.bal, 2000))
            if self.r.random() < .5:
                amt = (old.bal // 10000) * 10000
            self.pay(t, old, new, amt, "mobile", p.home)

    def ev_promo(self, t, p, a):
        r = self.r
        self.pay(t, self.ext_card(), a, r.choice([888, 1000, 1888, 2000, 5000]), "other", p.home, memo="新客奖励")
        m = p.main
        if m is not None and r.random() < .6:
            amt = min(m.bal, self.rnd(r.uniform(100, 1000), 100))
            if amt > 0:
                self.at(t + r.randint(60, 3600), self.ev_pay_from, m, a, amt, p.home)
                self.at(t + r.randint(DAY, 6 * DAY), self.ev_own_all_any, p, a, m)

    def ev_promo_fund(self, t, p, a):
        m = p.main
        if m is not None and m.bal > 100000:
            self.pay(t, m, a, self.rnd(m.bal * self.r.uniform(.1, .5) / 100.0, 1000), "mobile", p.home)

    def ev_own_all_any(self, t, p, a, b):
        if a.bal > 0 and t < self.D * DAY:
            self.pay(t, a, b, a.bal, "mobile", p.home)

    def ev_wake(self, t, p, a):
        r = self.r
        amt = self.rnd(self.ln(40000, .9), 100)
        self.pay(t, self.ext_card(), a, amt, "online", p.home,
                 memo=r.choice(["", "购车款", "理赔款", "定金", "还款"]))
        m = p.main
        if m is not None:
            self.at(t + r.randint(10 * MIN, 3 * DAY), self.ev_own_all_any, p, a, m)

    def ev_family(self, t, p, q, fen, memo):
        a = self.spend_acct(p, t, fen)
        dst = q.main
        if a is None or dst is None:
            return
        self.pay(t, a, dst, fen, "mobile", self.region_of(p, t), memo=memo)

    def ev_in_ext(self, t, p, src, fen, memo):
        dst = p.main
        if dst is not None:
            self.pay(t, src, dst, fen, "mobile", p.home, memo=memo)

    def ev_platform_fund(self, t, pf):
        need = self.fen(2e6 * self.s)
        if pf.main.bal < need:
            self.pay(t, self.ext_tax[1], pf.main, need * 2 - pf.main.bal, "online", pf.region, memo="备付金划转")

    def ev_platform_settle(self, t, pf, m, fen):
        self.pay(t, pf.main, m.acct, fen, "online", pf.region, memo=self.r.choice(["结算款", "商户结算", ""]))

    def ev_gig_pay(self, t, p):
        pf = self.platforms[0] if p.idn[-2] < "6" else self.platforms[1]
        a = p.main
        if a is not None:
            self.pay(t, pf.main, a, self.fen(self.ln(1500, .45)), "online", pf.region,
                     memo=self.r.choice(["骑手薪酬", "司机收入", "结算"]))

    def ev_freelance_in(self, t, p):
        a = p.main
        if a is not None:
            self.pay(t, self.ext_card(), a, self.fen(self.ln(2500, .9)), "mobile", p.home,
                     memo=self.r.choice(["", "", "劳务费", "设计费", "稿费"]))

    def ev_trader(self, t, p):
        """A trader moves round sums among own accounts at several banks and to/from a broker."""
        r = self.r
        own = [a for a in p.accts if a.usable and a.opened <= t]
        if len(own) < 2:
            return
        if r.random() < .3:
            a = r.choice(own)
            self.pay(t, r.choice(self.ext_broker), a, self.rnd(self.ln(50000, .8), 1000), "online", p.home,
                     memo="银证转账")
            return
        a, b = r.sample(own, 2)
        if a.bal < 1000000:
            return
        amt = self.rnd(a.bal * r.uniform(.3, .95) / 100.0, r.choice([1000, 10000]))
        amt = min(amt, a.bal)
        self.pay(t, a, b, amt, "mobile", p.home)
        if r.random() < .6:
            tt = t + r.randint(60, 1800)
            if r.random() < .6:
                self.at(tt, self.ev_trader_out, p, b, amt)
            else:
                c = r.choice(own)
                if c is not b:
                    self.at(tt, self.ev_trader_move, p, b, c, amt)

    def ev_trader_out(self, t, p, b, amt):
        self.pay(t, b, self.r.choice(self.ext_broker), min(b.bal, amt), "online", p.home, memo="银证转账")

    def ev_trader_move(self, t, p, b, c, amt):
        self.pay(t, b, c, min(b.bal, amt), "mobile", p.home)

    def ev_burst(self, t, p):
        """Lottery-like bursty spending: quiet for weeks, then dozens of payments within hours."""
        r = self.r
        m = p.main
        if m is None:
            return
        n = r.randint(10, 40)
        total = 0
        plan = []
        for i in range(n):
            fen = self.rnd(self.ln(60, 1.0), 1) if r.random() < .6 else r.choice([1000, 2000, 5000, 10000, 20000])
            plan.append(fen)
            total += fen
        self.gather(t, p, m, total)
        tt = t
        for fen in plan:
            tt += r.randint(20, 900)
            if self.lottery and r.random() < .4:
                dst = r.choice(self.lottery).acct
            else:
                dst = self.ext_shops[r.randrange(40)]
            self.at(tt, self.ev_pay_from, m, dst, fen, p.home)

    def ev_pay_from(self, t, a, dst, fen, region, memo=""):
        self.pay(t, a, dst, min(fen, a.bal), "mobile", region, memo=memo)

    def ev_daigou_in(self, t, p):
        r = self.r
        dst = p.main
        if dst is None:
            return
        fen = self.fen(r.choice([29.9, 39.9, 59, 88, 128, 199, 258, 399, 520, 89.5]) * r.randint(1, 3))
        if r.random() < .25:
            q = r.choice(self.people)
            a = self.spend_acct(q, t, fen)
            if a is not None and q is not p:
                self.pay(t, a, dst, fen, "mobile", q.home)
                return
        self.pay(t, self.ext_card(), dst, fen, "mobile", r.choice(EXT_VICTIM_REGIONS))

    def ev_daigou_out(self, t, p):
        a = p.main
        if a is not None and a.bal > 50000:
            if not hasattr(p, "supplier"):
                p.supplier = self.ext_card()
            self.pay(t, a, p.supplier, a.bal - self.r.randrange(min(a.bal, 20000)), "mobile", p.home,
                     memo=self.r.choice(["", "货款"]))

    def ev_class_fee(self, t, grp):
        r = self.r
        mon = grp[0]
        dst = mon.main
        if dst is None:
            return
        amt = r.choice([30, 50, 50, 100, 120, 200]) * 100
        tt = t
        for q in grp[1:]:
            tt += r.randint(5, 900)
            if r.random() < .85:
                self.at(tt, self.ev_family, q, mon, amt, r.choice(["班费", "", "班费", "资料费"]))
        vendor = r.choice(self.ext_shops[:60])
        self.at(tt + r.randint(HOUR, DAY), self.ev_buy_acct, mon, vendor, amt * (len(grp) - 4), mon.home, "mobile",
                "")

    def ev_camo(self, t, a):
        r = self.r
        if a.bal < 2000 or t >= a.frozen:
            return
        fen = self.fen(self.ln(40, .8))
        ms = self.merch_by_region.get(a.region)
        dst = r.choice(ms).acct if ms and r.random() < .6 else r.choice(self.ext_shops[:80])
        if self.pay(t, a, dst, min(fen, a.bal), "mobile", a.region):
            a.dirty = max(0, a.dirty - fen)

    # ================================================================================================
    # Event handlers: fraud
    # ================================================================================================
    def ev_handover(self, t, p, a):
        """An ordinary person's account passes to the gang (sold or rented): the owner empties it first."""
        r = self.r
        a.usable = False
        m = p.main
        if m is not None and m is not a and a.bal > 5000 and r.random() < .75:
            self.pay(t, a, m, a.bal - r.randrange(min(a.bal, 3000)), "mobile", p.home)

    def ev_fee(self, t, p, fen):
        m = p.main
        if m is not None:
            self.pay(t, self.r.choice(self.treasury), m, fen, "mobile", self.r.choice(FAR_CASH),
                     memo=self.r.choice(["", "", "兼职", "工资", "佣金"]))

    def ev_farmer_paid(self, t, own, fen):
        self.pay(t, self.r.choice(self.treasury), own, fen, "mobile", self.r.choice(FAR_CASH), memo="")

    def ev_test_card(self, t, a):
        r = self.r
        fen = r.choice([1, 1, 10, 100, r.randint(1, 99)])
        self.pay(t, r.choice(self.treasury), a, fen, "mobile", a.region)
        if r.random() < .5:
            self.at(t + r.randint(30, 900), self.ev_test_back, a, fen)

    def ev_test_back(self, t, a, fen):
        self.pay(t, a, self.r.choice(self.treasury), min(fen, a.bal), "mobile", a.region)

    def ev_shell_dress(self, t, a):
        r = self.r
        if r.random() < .6 or a.bal < 50000:
            self.pay(t, self.ext_card(), a, self.rnd(self.ln(8000, .6), 100), "online", a.region,
                     memo=r.choice(["货款", "服务费", ""]))
        else:
            self.pay(t, a, self.ext_card(), self.rnd(a.bal * .5 / 100.0, 100), "online", a.region,
                     memo=r.choice(["房租", "采购款", ""]))

    def active(self, a, t):
        return a.afrom <= t < a.auntil and t < a.frozen

    def collector(self, case, t):
        r = self.r
        g = case["gang"]
        c = case["collector"]
        if c is not None and self.active(c, t) and r.random() < .75:
            return c
        act = [a for a in g.layers[0] if self.active(a, t)]
        if not act and len(g.layers) > 1:
            act = [a for a in g.layers[1] if self.active(a, t)]
        if not act:
            return None
        if case["typ"] in ("investment", "leader_acquaintance", "loan_card"):
            sh = [a for a in act if a.mule == "shell"]
            if sh and r.random() < .8:
                act = sh
        c = r.choice(act)
        case["collector"] = c
        if c not in case["collectors"]:
            case["collectors"].append(c)
        return c

    def ev_victim(self, t, case, i, fen):
        r = self.r
        dst = self.collector(case, t)
        if dst is None:
            return
        memo = r.choice(case["memos"])
        v = case["victim"]
        cap = 50000 * 100 if dst.cls != "II" else 10000 * 100
        if v is None:
            parts = self.chunks(fen, cap)
            tt = t
            for k, x in enumerate(parts):
                src = case["src"] if case.get("src2") is None or k % 2 == 0 else case["src2"]
                self.at(tt, self.ev_victim_send, case, src, dst, x, case["region"], "mobile", memo)
                tt += r.randint(60, 600)
            return
        if isinstance(v, Corp):
            a = v.main
            fen = min(fen, a.bal - a.bal % 10000)
            if fen >= 10000:
                self.at(t, self.ev_victim_send, case, a, dst, fen, v.region, "online", memo)
            return
        main = v.main
        if main is None:
            return
        total = sum(a.bal for a in v.accts if a.usable and a.opened <= t)
        if total < fen and case["typ"] in ("ecommerce_cs", "loan_card", "brushing", "credit_record", "romance"):
            loan = min(5000000, self.rnd((fen - total) / 100.0 + 500, 1000))
            self.pay(t, r.choice(self.ext_lenders), main, loan, "mobile", v.home, memo="借款")
        self.gather(t, v, main, fen)
        fen = min(fen, main.bal)
        if fen < 10000:
            return
        ch = "counter" if v.role == "elderly" and r.random() < .3 else ("online" if r.random() < .1 else "mobile")
        tt = t + r.randint(60, 900)
        if ch == "counter":
            cap = 10 ** 12
            tt = self.bank_hours(tt)
        for x in self.chunks(fen, cap):
            self.at(tt, self.ev_victim_send, case, main, dst, x, self.region_of(v, t), ch, memo)
            tt += r.randint(30, 400)

    def bank_hours(self, t):
        """The first moment at or after t when a bank counter is open (09:00-16:30)."""
        s = t % DAY
        if s < 9 * HOUR:
            return t - s + 9 * HOUR + self.r.randrange(2 * HOUR)
        if s > 16 * HOUR + 1800:
            return t - s + DAY + 9 * HOUR + self.r.randrange(2 * HOUR)
        return t

    def chunks(self, fen, cap):
        if fen <= cap:
            return [fen]
        out = []
        while fen > cap:
            x = cap - (self.r.randrange(0, 1000) * 100 if self.r.random() < .5 else 0)
            out.append(x)
            fen -= x
        if fen > 0:
            out.append(fen)
        return out

    def ev_victim_send(self, t, case, src, dst, fen, region, ch, memo):
        if src.__class__ is Acct:
            fen = min(fen, src.bal)
            if fen <= 0:
                return
        if self.pay(t, src, dst, fen, ch, region, memo=memo, dirty=True, fraud=True):
            case["paid"] += 1
            g = case["gang"]
            r = self.r
            # first task rebate (刷单返利 / early "profit") from the collector back to the victim
            if case["paid"] == 1 and case["typ"] in ("brushing", "investment", "romance") and r.random() < .7:
                back = self.fen(fen / 100.0 * (r.uniform(1.05, 1.3) if case["typ"] == "brushing" else r.uniform(.03, .15)))
                self.at(t + r.randint(300, 3600), self.ev_rebate, dst, src, back)
            # the report comes after the last installment; collectors get frozen
            if not case.get("reported"):
                lo, hi = TYPOLOGIES[case["typ"]][0:2]
                if case["paid"] >= lo and r.random() < .35:
                    case["reported"] = True
                    tr = t + r.uniform(.3, 5) * DAY
                    for c in case["collectors"]:
                        if r.random() < .75:
                            c.frozen = min(c.frozen, tr)

    def ev_rebate(self, t, a, victim, fen):
        fen = min(fen, a.dirty, a.bal)
        if fen > 0 and self.pay(t, a, victim, fen, "mobile", a.region):
            a.dirty -= fen

    def gang_in(self, t, a, fen):
        a.dirty += fen
        if not a.pending and t < a.frozen:
            a.pending = True
            self.at(t + self.hop_delay(a.gang, t), self.ev_forward, a)

    def hop_delay(self, g, t):
        r = self.r
        if g.speed == "fast":
            return int(min(3600, max(20, r.lognormvariate(math.log(200), .9))))
        if g.speed == "medium":
            return int(min(6 * HOUR, max(600, r.lognormvariate(math.log(5400), .8))))
        d = int(min(48 * HOUR, max(2 * HOUR, r.lognormvariate(math.log(10 * HOUR), .7))))
        x = t + d
        h = (x % DAY) // HOUR
        if h < 8 or h >= 21:
            x = (x // DAY + (1 if h >= 21 else 0)) * DAY + r.randint(8, 11) * HOUR + r.randrange(HOUR)
        return x - t

    def mule_region(self, g, a):
        return g.op_region if g.remote else a.region

    def ev_forward(self, t, a):
        r = self.r
        g = a.gang
        a.pending = False
        if t >= a.frozen:
            return
        amt = min(a.dirty, a.bal)
        if amt <= 0:
            a.dirty = 0
            return
        if amt < g.min_fwd and t + 3 * HOUR < min(a.auntil, self.D * DAY):
            # too little to be worth a hop yet: wait for more
            a.pending = True
            self.at(t + self.hop_delay(g, t) + r.randint(HOUR, 6 * HOUR), self.ev_forward, a)
            return
        keep = 0
        if r.random() < .5:
            keep = min(amt, r.randrange(0, 5001) if g.speed == "fast" else r.randrange(0, 500))
        a.dirty -= amt
        amt -= keep
        if amt <= 0:
            return
        nxt = []
        if a.layer < g.L - 1:
            for li in range(a.layer + 1, g.L):
                cands = [b for b in g.layers[li] if self.active(b, t) and b is not a]
                if cands:
                    k = min(len(cands), r.randint(*g.split), max(1, amt // 300000))
                    nxt = r.sample(cands, k)
                    break
        if not nxt:
            self.cashout(t, a, amt)
            return
        parts = self.split(amt, len(nxt), g)
        tt = t
        for b, x in zip(nxt, parts):
            cap = 10000 * 100 if b.cls == "II" or a.cls == "II" else r.choice([49999, 50000, 100000, 200000]) * 100
            for y in self.chunks(x, cap):
                self.at(tt, self.ev_mule_send, a, b, y)
                tt += r.randint(5, 240) if g.speed == "fast" else r.randint(60, 3600)

    def split(self, amt, k, g):
        r = self.r
        if k == 1:
            return [amt]
        w = [r.uniform(.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = []
        rest = amt
        for i in range(k - 1):
            x = int(amt * w[i] / s)
            if r.random() < g.round:
                unit = r.choice([10000, 50000, 100000, 1000000])
                if x > unit:
                    x -= x % unit
            x = max(0, min(x, rest))
            parts.append(x)
            rest -= x
        parts.append(rest)
        return parts

    def ev_mule_send(self, t, a, b, fen):
        g = a.gang
        fen = min(fen, a.bal)
        if fen <= 0:
            return
        ch = "online" if a.cls == "corp" else "mobile"
        memo = ""
        if self.r.random() < g.memo:
            memo = self.r.choice(["货款", "还款", "借款", "往来款", "工资", "转账"])
        self.pay(t, a, b, fen, ch, self.mule_region(g, a), memo=memo, dirty=True)

    def cashout(self, t, a, amt):
        r = self.r
        g = a.gang
        mode = a.cash_mode or self.wchoice(g.cash)
        if a.cash_region is None:
            a.cash_region = r.choice(g.cash_regions)
        if a.cls == "corp" and mode in ("atm", "counter"):
            mode = "external"
        if mode == "atm":
            a.cash_owed += amt
            if not a.cash_busy:
                a.cash_busy = True
                self.at(t + r.randint(300, 3 * HOUR), self.ev_atm_cash, a)
        elif mode == "counter":
            a.cash_owed += amt
            if not a.cash_busy:
                a.cash_busy = True
                self.at(self.bank_hours(t + r.randint(HOUR, 8 * HOUR)), self.ev_counter_cash, a)
        elif mode == "gold" or mode == "virtual":
            shop = r.choice(self.gold if mode == "gold" else self.virtual).main
            tt = t
            rest = amt
            while rest > 0:
                if mode == "gold":
                    x = min(rest, self.fen(r.uniform(8000, 48000)))
                else:
                    x = min(rest, r.choice([500, 1000, 2000, 3000, 5000]) * 100)
                self.at(tt, self.ev_mule_pay_out, a, shop, x, "pos" if mode == "gold" else "mobile")
                rest -= x
                tt += r.randint(60, 1800)
        else:
            k = r.randint(1, 3)
            parts = self.split(amt, k, g)
            tt = t
            for x in parts:
                for y in self.chunks(x, 50000 * 100):
                    self.at(tt, self.ev_mule_pay_out, a, r.choice(g.exits), y, "online" if a.cls == "corp" else "mobile")
                    tt += r.randint(10, 600)

    def ev_mule_pay_out(self, t, a, dst, fen, ch):
        fen = min(fen, a.bal)
        if fen > 0:
            self.pay(t, a, dst, fen, ch, self.mule_region(a.gang, a))

    def ev_atm_cash(self, t, a):
        """ATM cash-out in the cash-out region: chunks of the machine's limit until the card's daily cap,
        then again just after midnight or next morning."""
        r = self.r
        g = a.gang
        dd = t // DAY
        if dd != a.atm_day:
            a.atm_day = dd
            a.atm_today = 0
        room = g.atm_cap * 100 - a.atm_today
        if room <= 0:
            nxt = (dd + 1) * DAY + (r.randint(20, 600) if r.random() < .5 else r.randint(7, 10) * HOUR + r.randrange(HOUR))
            self.at(nxt, self.ev_atm_cash, a)
            return
        chunk = g.atm_chunk or r.choice([2000, 2500, 3000, 4000, 5000])
        x = min(a.cash_owed, a.bal, room, chunk * 100)
        x -= x % 10000
        if x > 0 and t < a.frozen and self.pay(t, a, None, x, "atm", a.cash_region, kind="withdrawal"):
            a.cash_owed -= x
            a.atm_today += x
            if a.cash_owed >= 10000:
                self.at(t + r.randint(40, 420), self.ev_atm_cash, a)
                return
        a.cash_busy = False
        a.cash_owed = 0

    def ev_counter_cash(self, t, a):
        """Cash over the counter, just under the 50,000 yuan large-cash line, once a day."""
        r = self.r
        x = min(a.cash_owed, a.bal, r.choice([49000, 49900, 45000, 30000, 20000]) * 100)
        x -= x % 10000
        if x > 0 and t < a.frozen and self.pay(t, a, None, x, "counter", a.cash_region or a.region, kind="withdrawal"):
            a.cash_owed -= x
            if a.cash_owed >= 10000:
                self.at(self.bank_hours(t + r.randint(20, 26) * HOUR), self.ev_counter_cash, a)
                return
        a.cash_busy = False
        a.cash_owed = 0

    # ================================================================================================
    # Output
    # ================================================================================================
    def ts(self, t):
        d = t // DAY
        s = t - d * DAY
        return "%sT%02d:%02d:%02d+08:00" % (self.daystr[d], s // 3600, s % 3600 // 60, s % 60)

    def ts_any(self, t):
        if 0 <= t < self.D * DAY:
            return self.ts(t)
        return (self.start_dt + dt.timedelta(seconds=int(t))).isoformat()

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        D = self.D * DAY
        with open(os.path.join(out, "accounts.csv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("account_id,bank,holder_id,opened_at,open_region,account_class,opening_balance\n")
            for a in self.accts:
                if a.opened >= D:
                    continue
                assert len(a.region) == 6 and a.region.isdigit() and a.cls in ("I", "II", "III", "corp")
                f.write("%s,%s,%s,%s,%s,%s,%s\n" % (a.id, a.bank, a.holder, self.ts_any(a.opened), a.region,
                                                    a.cls, yuan(a.open_bal if a.opened < 0 else 0)))
        # running balances are checked here once more, independently of the simulation
        bal = {a.id: (a.open_bal if a.opened < 0 else 0) for a in self.accts}
        opened = {a.id: a.opened for a in self.accts}
        fraud = set(self.fraud_rows)
        self.txn_fraud = []
        last = -1
        with open(os.path.join(out, "transfers.csv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("txn_id,ts,from_account,to_account,amount,currency,channel,region,kind,memo,cross_border\n")
            for i, (t, s, d, fen, ch, reg, kind, memo, xb) in enumerate(self.rows):
                assert t >= last, "transfers out of order"
                last = t
                if s in bal:
                    bal[s] -= fen
                    assert bal[s] >= 0, "negative balance on %s" % s
                    assert opened[s] <= t
                if d in bal:
                    bal[d] += fen
                    assert opened[d] <= t
                assert len(reg) == 6 and reg.isdigit() and 0 < fen, (i, reg, fen)
                tid = "%s%09d" % (self.daystr[t // DAY].replace("-", ""), i + 1)
                if i in fraud:
                    self.txn_fraud.append(tid)
                f.write("%s,%s,%s,%s,%s,CNY,%s,%s,%s,%s,%s\n" % (tid, self.ts(t), s, d, yuan(fen), ch, reg, kind,
                                                                 memo, "true" if xb else "false"))
        with open(os.path.join(out, "labels.csv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("kind,id,label\n")
            for a in self.mules:
                if a.opened < D:
                    f.write("account,%s,mule\n" % a.id)
            for tid in self.txn_fraud:
                f.write("transfer,%s,fraud\n" % tid)
            for idn in self.farmers:
                f.write("holder,%s,card_farmer\n" % idn)

    def write_truth(self, out):
        """Ground truth beyond the labels, for diagnosing a detector (never for training): each listed
        account's holder role, and for the network's accounts the kind, layer and gang."""
        role = {}
        for p in self.people:
            for a in p.accts:
                role[a.id] = p.role
        for c in self.corps:
            for a in c.accts:
                role[a.id] = "corp:" + c.kind
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="\n") as f:
            f.write("account_id,role,mule_kind,layer,gang,speed,opened_in_window\n")
            for a in self.accts:
                if a.opened >= self.D * DAY:
                    continue
                g = a.gang
                f.write("%s,%s,%s,%s,%s,%s,%s\n" % (
                    a.id, role.get(a.id, "farmer" if a.mule == "farmer" else "other"), a.mule or "",
                    (a.layer + 1) if a.mule and g is not None else "", g.gid if g is not None else "",
                    g.speed if g is not None else "", "true" if a.opened >= 0 else "false"))

    def summary(self):
        D = self.D * DAY
        listed = [a for a in self.accts if a.opened < D]
        kinds = {}
        used = 0
        for a in self.mules:
            if a.opened < D:
                kinds[a.mule] = kinds.get(a.mule, 0) + 1
                used += a.used
        return dict(variant=self.variant, seed=self.seed, start=self.daystr[0], days=self.D,
                    people=len(self.people), accounts=len(listed),
                    opened_in_window=sum(1 for a in listed if a.opened >= 0),
                    transfers=len(self.rows), mules=sum(kinds.values()), mules_used=used,
                    mules_by_kind=dict(sorted(kinds.items())), card_farmers=len(self.farmers),
                    victim_payments=len(self.fraud_rows), victim_cases=self.n_victim_cases,
                    gangs=["%s/L%d" % (g.speed, g.L) for g in self.gangs])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", default="default", choices=sorted(VARIANTS))
    ap.add_argument("--people", type=int, default=16000)
    ap.add_argument("--days", type=int, default=45)
    ap.add_argument("--start", default=None, help="first day of the window (YYYY-MM-DD); default: from the seed")
    ap.add_argument("--truth", action="store_true", help="also write truth.csv (roles, mule kinds, layers)")
    args = ap.parse_args(argv)
    w = World(args.seed, args.variant, args.people, args.days, args.start)
    w.build()
    w.simulate()
    w.write(args.out)
    if args.truth:
        w.write_truth(args.out)
    s = w.summary()
    for k, v in s.items():
        print("%s: %s" % (k, v))


if __name__ == "__main__":
    main()
