# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project: an independent synthetic banking world (the Ordos coal belt)
# for judging fanzha's counter-telecom-fraud detectors on data written with other assumptions.
#
# Usage: python3 ordos_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
#
# Standard library only.  Output is deterministic for a given (variant, seed).
"""Ordos coal-belt synthetic banking world (fanzha interchange format v1)."""

import argparse
import bisect
import csv
import datetime as dt
import heapq
import math
import os
import random
import re
import sys
import time

# ----------------------------------------------------------------------------------------------
# Calendar and variants
# ----------------------------------------------------------------------------------------------

DAY = 86400
HOUR = 3600
MINUTE = 60

VARIANTS = {
    # late April - May 2024: includes the May Day holiday (1-5 May), make-up workdays 28 Apr, 11 May
    "baseline": dict(
        t0=(2024, 4, 22), days=30,
        holidays=[(2024, 5, d) for d in range(1, 6)],
        workdays=[(2024, 4, 28), (2024, 5, 11)],
        cases=520, pay_mult="few", slow=False, hn=1.0, season=None,
        mule_quota=dict(L1=118, L2=78, L3=38),
        l1_mix=dict(fresh=0.34, aged=0.24, old=0.22, farmer=0.20),
        l2_mix=dict(fresh=0.36, aged=0.26, old=0.24, farmer=0.14),
        farmers=9, gangs=8, paofen=30, ushang_people=4, operators=10,
    ),
    # late Aug - Sep 2024: school start, Mid-Autumn (15-17 Sep), make-up workday 14 Sep
    "V2": dict(
        t0=(2024, 8, 26), days=30,
        holidays=[(2024, 9, 15), (2024, 9, 16), (2024, 9, 17)],
        workdays=[(2024, 9, 14)],
        cases=300, pay_mult="many", slow=True, hn=1.0, season="school",
        mule_quota=dict(L1=110, L2=75, L3=36),
        l1_mix=dict(fresh=0.10, aged=0.08, old=0.72, farmer=0.10),
        l2_mix=dict(fresh=0.10, aged=0.10, old=0.70, farmer=0.10),
        farmers=8, gangs=7, paofen=26, ushang_people=4, operators=9,
    ),
    # La Yue 2025 (lunar 12th month) up to Spring Festival (除夕 28 Jan, holiday 28 Jan - 4 Feb)
    "V3": dict(
        t0=(2025, 1, 6), days=30,
        holidays=[(2025, 1, d) for d in range(28, 32)] + [(2025, 2, d) for d in range(1, 5)],
        workdays=[(2025, 1, 26), (2025, 2, 8)],
        cases=540, pay_mult="few", slow=False, hn=2.3, season="layue",
        mule_quota=dict(L1=120, L2=80, L3=40),
        l1_mix=dict(fresh=0.34, aged=0.24, old=0.22, farmer=0.20),
        l2_mix=dict(fresh=0.36, aged=0.26, old=0.24, farmer=0.14),
        farmers=10, gangs=8, paofen=32, ushang_people=4, operators=10,
    ),
}

# ----------------------------------------------------------------------------------------------
# Institutions.  Supplying ones have rows in accounts.csv; the others appear only as counterparties.
# ----------------------------------------------------------------------------------------------

SUPPLYING = ["ICBC", "CCB", "ABC", "BOC", "PSBC", "MSB", "ORDRCB"]
EXTERNAL_BANKS = ["CMB", "BOCOM", "CIB", "CMBC", "CITIC", "SPDB", "PAB", "CEB", "HXB", "GDB",
                  "SXRCU", "GSRCU", "NXBANK", "HNRCU", "GXRCU"]
PAYFIRMS = ["TENPAY", "ALIPAY", "JDPAY"]

# debit-card BINs and lengths (personal accounts; a Luhn digit closes every number)
BINS = {
    "ICBC": [("622202", 19), ("621226", 19), ("621558", 19)],
    "CCB": [("621700", 19), ("622700", 19), ("436742", 19)],
    "ABC": [("622848", 19), ("623052", 19), ("622845", 19)],
    "BOC": [("621661", 19), ("621785", 19), ("621790", 19)],
    "PSBC": [("621799", 19), ("622188", 19), ("621098", 19)],
    "MSB": [("623660", 19), ("621075", 19)],
    "ORDRCB": [("621737", 19), ("623166", 19)],
    "CMB": [("622588", 16), ("621483", 16), ("621286", 16)],
    "BOCOM": [("622262", 19), ("622258", 19)],
    "CIB": [("622909", 18), ("622908", 18)],
    "CMBC": [("621691", 16), ("622622", 16)],
    "CITIC": [("622690", 16), ("621771", 16)],
    "SPDB": [("622521", 16), ("621792", 16)],
    "PAB": [("623058", 19), ("622155", 16)],
    "CEB": [("622660", 16), ("621489", 19)],
    "HXB": [("622630", 16)],
    "GDB": [("622568", 16)],
    "SXRCU": [("623149", 19), ("621778", 19)],
    "GSRCU": [("621781", 19)],
    "NXBANK": [("621519", 16)],
    "HNRCU": [("621539", 19)],
    "GXRCU": [("623133", 19)],
}
CORP_LEN = {"ICBC": 19, "CCB": 20, "ABC": 17, "BOC": 12, "PSBC": 18, "MSB": 16, "ORDRCB": 18,
            "CMB": 15, "BOCOM": 21, "CIB": 18, "CMBC": 9, "CITIC": 19, "SPDB": 16, "PAB": 14,
            "CEB": 20, "HXB": 14, "GDB": 16, "SXRCU": 18, "GSRCU": 18, "NXBANK": 17,
            "HNRCU": 18, "GXRCU": 18}

# ----------------------------------------------------------------------------------------------
# Regions (GB/T 2260 county-level codes)
# ----------------------------------------------------------------------------------------------

ORDOS = {"150602": "东胜区", "150603": "康巴什区", "150627": "伊金霍洛旗", "150622": "准格尔旗",
         "150621": "达拉特旗", "150624": "鄂托克旗", "150623": "鄂托克前旗", "150626": "乌审旗",
         "150625": "杭锦旗"}
BAOTOU = {"150203": "昆都仑区", "150202": "东河区", "150204": "青山区", "150207": "九原区",
          "150221": "土默特右旗", "150223": "达尔罕茂明安联合旗"}
HOHHOT = {"150102": "新城区", "150105": "赛罕区", "150103": "回民区", "150104": "玉泉区"}
YULIN = {"610881": "神木市", "610822": "府谷县", "610802": "榆阳区", "610803": "横山区"}
HOME_SHAANXI = ["610826", "610827", "610824", "610825", "610602", "610502", "610113"]
HOME_GANSU = ["621102", "620502", "620802", "621002", "620102", "620602"]
HOME_NINGXIA = ["640402", "640302", "640502", "640104", "640422"]
HOME_SHANXI = ["140902", "140213", "141102", "140105"]
CASHOUT = {
    "GD": ["440106", "440111", "440306", "440307", "441900", "440605", "445281", "440904"],
    "YN": ["532801", "533102", "530102"],
    "GX": ["450103", "451481"],
    "FJ": ["350203", "350102", "350503"],
    "HI": ["460105"],
    "LOCAL": ["150602", "150203", "150105", "610881"],
}
FAR = ["430102", "430502", "420103", "421002", "420902", "320102", "320508", "320213", "230103",
       "230202", "510104", "500101", "330106", "310115", "110105", "370102", "410105", "411302",
       "360102", "340104", "130102", "210102", "220102", "520102", "610113", "620102", "640104",
       "140105", "440106", "440306", "350203", "450103", "530102"]
FARMER_HOME = ["420902", "421002", "450103", "430502", "150622", "150627", "610881", "150203",
               "640402", "621102"]
FARMER_CITIES = ["150602", "150603", "150203", "150105", "610881", "610802", "150622", "150621",
                 "610113", "640104", "140105", "150202"]
ERENHOT = "152501"
LOCAL_WEIGHTED = (["150602"] * 10 + ["150603"] * 5 + ["150627"] * 6 + ["150622"] * 6 +
                  ["150621"] * 4 + ["150624"] * 2 + ["150626"] * 2 + ["150623"] * 1 +
                  ["150625"] * 1 + ["150203"] * 6 + ["150202"] * 3 + ["150204"] * 3 +
                  ["150207"] * 2 + ["610881"] * 6 + ["610822"] * 3 + ["610802"] * 3 +
                  ["150105"] * 3 + ["150102"] * 2 + ["150103"] * 1)
PASTORAL = ["150624", "150623", "150626", "150625", "150621", "150627", "150223"]
MINING = ["150627", "150622", "150624", "150621", "610881", "610822", "150602"]

# ----------------------------------------------------------------------------------------------
# Check characters
# ----------------------------------------------------------------------------------------------


def luhn_digit(body):
    """Check digit to append to the digit string body."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return num.isdigit() and luhn_digit(num[:-1]) == num[-1]


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(body17):
    return ID_C[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


def id_ok(idn):
    if len(idn) != 18 or not idn[:17].isdigit():
        return False
    return id_check(idn[:17]) == idn[17]


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ORG_CH = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def uscc_check(body17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W))
    return USCC_CH[(31 - s % 31) % 31]


def uscc_ok(code):
    if len(code) != 18 or any(c not in USCC_CH for c in code):
        return False
    return uscc_check(code[:17]) == code[17]


def org_check(body8):
    s = sum(ORG_CH.index(c) * w for c, w in zip(body8, ORG_W))
    r = 11 - s % 11
    return "X" if r == 10 else ("0" if r == 11 else str(r))


def fen_str(f):
    return "%d.%02d" % divmod(f, 100)


# ----------------------------------------------------------------------------------------------
# Small value objects
# ----------------------------------------------------------------------------------------------


class Acct(object):
    __slots__ = ("idx", "id", "bank", "holder", "cls", "opened", "region", "status", "role",
                 "arch", "farmer", "row", "closed", "frozen_at", "handover", "restore", "label",
                 "bal0", "unlim", "person")

    def __init__(self, idx, aid, bank, holder, cls, opened, region, row, person):
        self.idx = idx
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.cls = cls
        self.opened = opened          # seconds relative to T0 (local midnight)
        self.region = region
        self.status = "active"
        self.role = "lawful"
        self.arch = ""
        self.farmer = 0
        self.row = row
        self.closed = None
        self.frozen_at = None
        self.handover = None          # time after which the holder no longer uses it
        self.restore = None           # rented card returned at this time (owner resumes)
        self.label = 0
        self.bal0 = 0                 # balance (fen) at T0, or at opening if opened later
        self.unlim = False
        self.person = person          # Person index or -1


class Person(object):
    __slots__ = ("idx", "idn", "home", "live", "born", "sex", "kind", "accts", "main", "wallet",
                 "alipay", "family", "employer", "wage", "tags")

    def __init__(self, idx, idn, home, live, born, sex, kind):
        self.idx = idx
        self.idn = idn
        self.home = home
        self.live = live
        self.born = born
        self.sex = sex
        self.kind = kind
        self.accts = []
        self.main = -1
        self.wallet = -1
        self.alipay = -1
        self.family = []
        self.employer = -1
        self.wage = 0
        self.tags = set()


# ----------------------------------------------------------------------------------------------
# Hour-of-day profiles (weights for hours 0..23)
# ----------------------------------------------------------------------------------------------

PROFILES = {
    "life": [1, .5, .3, .2, .2, .4, 1, 3, 5, 6, 6, 7, 8, 6, 6, 6, 6, 7, 8, 9, 9, 8, 5, 3],
    "work": [0, 0, 0, 0, 0, 0, 0, .5, 3, 8, 9, 8, 4, 5, 8, 8, 7, 4, 1, 0, 0, 0, 0, 0],
    "evening": [2, 1, .5, .3, .2, .2, .3, .5, 1, 1, 1, 2, 3, 2, 1, 1, 2, 4, 8, 10, 10, 8, 6, 4],
    "night": [8, 8, 7, 6, 5, 4, 2, 1, .5, .5, .5, .5, .5, .5, .5, .5, .5, .5, 1, 1, 2, 3, 5, 7],
    "any": [1] * 24,
    "payroll": [0, 0, 0, 0, 0, 0, 0, 0, 2, 8, 10, 6, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    "meal": [2, 1, .5, 0, 0, 0, .3, 1, 2, 1, 2, 8, 10, 4, 1, 1, 2, 6, 12, 14, 12, 8, 5, 3],
    "counter": [0, 0, 0, 0, 0, 0, 0, 0, 3, 9, 10, 9, 5, 4, 8, 9, 7, 3, 0, 0, 0, 0, 0, 0],
    "miner": [4, 3, 2, 2, 1, 1, 2, 4, 6, 5, 4, 4, 5, 4, 3, 3, 4, 5, 6, 7, 7, 6, 5, 5],
    "driver": [3, 3, 2, 2, 2, 3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5, 4, 4, 3],
    "elder": [0, 0, 0, 0, 0, .3, 1, 4, 8, 10, 9, 6, 3, 3, 5, 6, 5, 3, 1, .5, .3, 0, 0, 0],
    "student": [3, 2, 1, .3, .2, .2, .3, 1, 2, 3, 4, 6, 7, 5, 4, 4, 5, 6, 7, 8, 9, 9, 8, 6],
}
PROFILE_CUM = {}
for _k, _w in PROFILES.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    PROFILE_CUM[_k] = _c

LOCAL_BANK_W = [("ICBC", 18), ("CCB", 16), ("ABC", 17), ("BOC", 8), ("PSBC", 10), ("MSB", 8),
                ("ORDRCB", 12), ("CMB", 3), ("BOCOM", 2), ("CIB", 1), ("CMBC", 1), ("CITIC", 1),
                ("SPDB", .5), ("PAB", 1), ("CEB", 1), ("HXB", .5)]
HOME_BANK = {"61": [("PSBC", 4), ("ABC", 3), ("SXRCU", 5), ("CCB", 2), ("ICBC", 1)],
             "62": [("PSBC", 4), ("ABC", 3), ("GSRCU", 5), ("CCB", 1), ("BOC", 1)],
             "64": [("PSBC", 4), ("ABC", 3), ("NXBANK", 4), ("ICBC", 1), ("CCB", 1)],
             "14": [("PSBC", 4), ("ABC", 3), ("ICBC", 2), ("CCB", 2), ("CMBC", 1)],
             "15": [("ORDRCB", 5), ("ABC", 4), ("PSBC", 3), ("ICBC", 2), ("MSB", 2)]}
FAR_BANK_W = [("CMB", 4), ("BOCOM", 3), ("CIB", 3), ("CMBC", 2), ("CITIC", 2), ("SPDB", 2),
              ("PAB", 3), ("CEB", 2), ("HXB", 1), ("GDB", 2), ("HNRCU", 1), ("GXRCU", 1)]


def wchoice(rng, pairs):
    tot = 0.0
    for _, w in pairs:
        tot += w
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def lognorm_amt(rng, median, sigma, lo, hi):
    """Amount in yuan (float) from a clipped log-normal."""
    x = median * math.exp(rng.gauss(0.0, sigma))
    return min(max(x, lo), hi)


def yuan(x, step=0.01):
    """Round a yuan value to a step and return fen (int, >= 1)."""
    if step >= 1:
        f = int(round(x / step)) * int(step * 100)
    else:
        f = int(round(x * 100))
    return max(f, 1)


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    l_, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l_:
            return k
        k += 1


# ----------------------------------------------------------------------------------------------
# The world
# ----------------------------------------------------------------------------------------------



def any_payer_static(w, r, spenders, t):
    if r.random() < 0.55:
        return w.sacct(r.choice(spenders), t)
    return r.choice(w.ext_local).main


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.v = VARIANTS[variant]
        self.seed = seed
        self.rng = random.Random("ordos34|%s|%d" % (variant, seed))
        self.base = dt.date(*self.v["t0"])
        self.ndays = self.v["days"]
        self.T1 = self.ndays * DAY
        self.hn = self.v["hn"]
        self.hol = set((dt.date(*d) - self.base).days for d in self.v["holidays"])
        self.xwork = set((dt.date(*d) - self.base).days for d in self.v["workdays"])
        self.accts = []
        self.persons = []
        self.corps = []
        self.used_ids = set()
        self.used_idn = set()
        # events: parallel lists
        self.E_ts, self.E_from, self.E_to, self.E_amt = [], [], [], []
        self.E_kind, self.E_chan, self.E_reg, self.E_memo, self.E_tag = [], [], [], [], []
        self.E_cb = []
        self.E_fix = []
        self.day_str = {}
        # per-bank extract starts (staggered)
        r = self.rng
        offs = [0, 0, 1, 2, 3, 4, 6]
        r.shuffle(offs)
        self.extract = {b: offs[i] * DAY for i, b in enumerate(SUPPLYING)}
        self.reserve = {}     # fixed future outflows funded from the opening balance
        self.labels_tx = []
        self.labels_acct = []
        self.labels_holder = []
        self.fraud_pre = []

    # ---------------------------------------------------------------- calendar
    def date_of(self, d):
        return self.base + dt.timedelta(days=d)

    def is_workday(self, d):
        if d in self.hol:
            return False
        if d in self.xwork:
            return True
        return self.date_of(d).weekday() < 5

    def month_days(self, dom):
        """Offsets in the window of day-of-month dom (moved to the previous workday)."""
        out = []
        seen = set()
        first = self.date_of(-40)
        for m in range(4):
            y, mo = first.year, first.month + m
            while mo > 12:
                y, mo = y + 1, mo - 12
            try:
                d = (dt.date(y, mo, dom) - self.base).days
            except ValueError:
                continue
            k = 0
            while not self.is_workday(d) and k < 10:
                d -= 1
                k += 1
            if 0 <= d < self.ndays and d not in seen:
                seen.add(d)
                out.append(d)
        return out

    def hour_secs(self, profile):
        c = PROFILE_CUM[profile]
        x = self.rng.random() * c[-1]
        h = bisect.bisect_left(c, x)
        return min(h, 23) * HOUR + self.rng.randrange(3600)

    def ts(self, day, profile):
        return day * DAY + self.hour_secs(profile)

    def rand_day(self, lo=0, hi=None, work=False):
        hi = self.ndays if hi is None else hi
        lo = max(lo, 0)
        hi = min(hi, self.ndays)
        if hi <= lo:
            return None
        for _ in range(12):
            d = self.rng.randrange(lo, hi)
            if not work or self.is_workday(d):
                return d
        return d

    def fmt_ts(self, s):
        d, rem = divmod(s, DAY)
        ds = self.day_str.get(d)
        if ds is None:
            ds = self.date_of(d).isoformat()
            self.day_str[d] = ds
        h, rem = divmod(rem, 3600)
        m, sec = divmod(rem, 60)
        return "%sT%02d:%02d:%02d+08:00" % (ds, h, m, sec)

    # ---------------------------------------------------------------- identities
    def new_idn(self, region, year, sex):
        r = self.rng
        while True:
            bd = dt.date(year, 1, 1) + dt.timedelta(days=r.randrange(365))
            seq = r.randrange(0, 500) * 2 + (1 if sex == "M" else 0)
            body = "%s%s%03d" % (region, bd.strftime("%Y%m%d"), seq)
            idn = body + id_check(body)
            if idn not in self.used_idn:
                self.used_idn.add(idn)
                return idn

    def new_uscc(self, region, kind="91"):
        r = self.rng
        while True:
            org = "".join(r.choice("0123456789" * 3 + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
            org = org + org_check(org)
            if any(c not in USCC_CH for c in org):
                continue
            body = kind + region + org
            code = body + uscc_check(body)
            if code not in self.used_idn:
                self.used_idn.add(code)
                return code

    def new_card_no(self, bank):
        r = self.rng
        while True:
            bn, ln = r.choice(BINS[bank])
            body = bn + "".join(str(r.randrange(10)) for _ in range(ln - 1 - len(bn)))
            num = body + luhn_digit(body)
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    def new_corp_no(self, bank):
        r = self.rng
        ln = CORP_LEN.get(bank, 17)
        while True:
            num = str(r.randrange(1, 10)) + "".join(str(r.randrange(10)) for _ in range(ln - 1))
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    def new_wallet_no(self, firm):
        r = self.rng
        while True:
            if firm == "ALIPAY":
                num = "2088" + "".join(str(r.randrange(10)) for _ in range(12))
            elif firm == "TENPAY":
                num = "wxp" + "".join(r.choice("0123456789abcdef") for _ in range(20))
            else:
                num = "jd" + "".join(str(r.randrange(10)) for _ in range(14))
            if num not in self.used_ids:
                self.used_ids.add(num)
                return num

    # ---------------------------------------------------------------- accounts
    def add_acct(self, bank, holder, cls, opened, region, person=-1, corp=False, aid=None):
        if aid is None:
            if bank in PAYFIRMS:
                aid = self.new_wallet_no(bank) if not corp else self.new_corp_no("CMB")
            elif corp or cls == "corp":
                aid = self.new_corp_no(bank)
            else:
                aid = self.new_card_no(bank)
        a = Acct(len(self.accts), aid, bank, holder, cls, opened, region, bank in SUPPLYING, person)
        self.accts.append(a)
        return a.idx

    def old_open_time(self, min_days, max_days, profile="counter"):
        d = -self.rng.randint(min_days, max_days)
        return d * DAY + self.hour_secs(profile)

    def new_person(self, kind, home, live, age_lo, age_hi, sex=None):
        r = self.rng
        sex = sex or ("M" if r.random() < 0.5 else "F")
        year = self.base.year - r.randint(age_lo, age_hi)
        p = Person(len(self.persons), self.new_idn(home, year, sex), home, live, year, sex, kind)
        self.persons.append(p)
        return p

    def age(self, p):
        return self.base.year - p.born

    def person_acct(self, p, bank, cls="I", opened=None, region=None, max_years=15):
        if opened is None:
            max_days = max(200, min(max_years, self.age(p) - 16) * 365)
            opened = self.old_open_time(120, max_days, "counter" if cls == "I" else "life")
        ai = self.add_acct(bank, p.idn, cls, opened, region or p.live, person=p.idx)
        p.accts.append(ai)
        if p.main < 0:
            p.main = ai
        return ai

    def give_wallets(self, p, pt=0.85, pa=0.55):
        r = self.rng
        if r.random() < pt:
            p.wallet = self.add_acct("TENPAY", p.idn, "II", self.old_open_time(100, 3000, "life"),
                                     p.live, person=p.idx)
        if r.random() < pa:
            p.alipay = self.add_acct("ALIPAY", p.idn, "II", self.old_open_time(100, 3500, "life"),
                                     p.live, person=p.idx)

    def make_corp(self, kind, name, region, bank=None, n=1, bal=(1e6, 1e7), unlim=False,
                  uscc_kind="91"):
        r = self.rng
        code = self.new_uscc(region, uscc_kind)
        c = dict(kind=kind, name=name, region=region, code=code, accts=[], staff=[])
        banks = [bank] if bank else []
        while len(banks) < n:
            b = wchoice(r, LOCAL_BANK_W[:7]) if not banks else wchoice(r, LOCAL_BANK_W)
            if b not in banks:
                banks.append(b)
        for b in banks[:n]:
            ai = self.add_acct(b, code, "corp", self.old_open_time(400, 6000, "counter"), region,
                               corp=True)
            a = self.accts[ai]
            a.arch = "corp_" + kind
            a.bal0 = yuan(r.uniform(*bal), 1)
            a.unlim = unlim
            c["accts"].append(ai)
        self.corps.append(c)
        return c

    # ---------------------------------------------------------------- events
    def ev(self, ts, frm, to, fen, kind="transfer", chan="mobile", region="", memo="", tag=None,
           fix=False, cb=False):
        if fen <= 0:
            return
        self.E_ts.append(int(ts))
        self.E_from.append(frm)
        self.E_to.append(to)
        self.E_amt.append(int(fen))
        self.E_kind.append(kind)
        self.E_chan.append(chan)
        self.E_reg.append(region)
        self.E_memo.append(memo)
        self.E_tag.append(tag)
        self.E_fix.append(fix)
        self.E_cb.append(cb)

    def usable(self, ai, t):
        """May account ai take part in lawful activity at time t?"""
        a = self.accts[ai]
        if t < a.opened + 60:
            return False
        if a.closed is not None and t >= a.closed:
            return False
        if a.handover is not None and t >= a.handover:
            if a.restore is None or t < a.restore:
                return False
        return True

    # ================================================================ population
    def build_corps(self):
        r = self.rng
        C = {}
        self.C = C

        def many(kind, n, regions, bal, unlim=False, nacct=(1, 2), banks=None, uk="91"):
            lst = C.setdefault(kind, [])
            for i in range(n):
                reg = r.choice(regions)
                b = r.choice(banks) if banks else None
                c = self.make_corp(kind, "%s%d" % (kind, i), reg, bank=b,
                                   n=1 if b else r.randint(*nacct), bal=bal, unlim=unlim,
                                   uscc_kind=uk)
                c["payday"] = r.choice([5, 8, 10, 12, 15, 18, 20, 25, 28])
                lst.append(c)
            return lst

        fin_regions = list(ORDOS) + ["150203", "150202", "610881", "610822", "150105"]
        for reg in fin_regions:
            many("finance", 1, [reg], (1e8, 2e8), unlim=True,
                 banks=["ICBC", "ABC", "CCB", "ORDRCB"], uk="11")
        many("socsec", 3, ["150602", "150203", "610802"], (1e8, 2e8), True, banks=["ICBC", "CCB"],
             uk="11")
        many("zhengshou", 5, ["150602", "150603", "150627", "150203", "610881"], (1e8, 2e8), True,
             banks=["CCB", "ICBC", "ABC"], uk="12")
        many("mine", 36, MINING, (5e6, 5e7), nacct=(1, 3))
        many("coaltrade", 24, ["150602", "150603", "150627", "610881", "150203", "150622"],
             (2e6, 3e7), nacct=(1, 3))
        many("powerplant", 8, FAR + ["150204", "150207"], (1e8, 2e8), True, banks=EXTERNAL_BANKS[:10])
        many("logistics", 2, ["150602", "150203"], (5e6, 2e7), True, banks=["ICBC", "CCB"])
        many("logistics", 3, ["110105", "520102", "120116"], (5e7, 1e8), True,
             banks=["CMB", "PAB", "CITIC"])
        many("labour", 14, MINING + ["150203"], (5e5, 5e6))
        many("gas", 22, list(ORDOS) + list(YULIN) + ["150203", "150207"], (2e5, 2e6))
        many("market", 18, ["150602", "150603", "150203", "150202", "610881", "150627", "150622",
                            "150105"], (5e5, 5e6))
        many("hospital", 5, ["150602", "150603", "150203", "610881", "150105"], (5e6, 2e7))
        many("school", 6, ["150603", "150602", "150203", "150207", "150105", "610802"], (5e6, 2e7),
             uk="12")
        many("grid", 1, ["150602"], (1e8, 2e8), True, banks=["ICBC"])
        many("telecom", 3, ["150602", "150203", "610802"], (1e7, 5e7), True)
        many("toll", 1, ["150105"], (1e8, 2e8), True, banks=["ABC"])
        many("dealer", 15, ["150602", "150603", "150203", "150207", "610881", "610802", "150105"],
             (1e6, 8e6))
        many("developer", 10, ["150602", "150603", "150627", "150203", "610881", "150105"],
             (5e6, 5e7))
        many("construct", 14, ["150602", "150603", "150627", "150203", "610881", "150622"],
             (2e6, 2e7))
        many("restcorp", 6, ["150602", "150603", "150203", "610881"], (2e5, 2e6))
        many("forage", 6, PASTORAL, (2e5, 2e6))
        many("wholesale", 10, ["150602", "150203", "610881", "150627", "150622"], (5e5, 5e6))
        many("truckfin", 3, ["110105", "310115", "440106"], (1e8, 2e8), True,
             banks=["CMB", "PAB", "CITIC"])
        many("carmaker", 4, ["310115", "220102", "440106", "330106"], (1e8, 2e8), True,
             banks=["BOCOM", "CMB", "CIB", "SPDB"])
        many("securities", 3, ["110105", "310115", "440306"], (1e8, 2e8), True,
             banks=["CMB", "CITIC", "PAB"])
        many("meatproc", 3, ["150203", "150105", "640104"], (5e6, 2e7), True,
             banks=["ABC", "BOC", "NXBANK"])
        # Mongolian coal exporters (cross-border payees) and payment-firm reserve accounts
        C["mongol"] = []
        for i in range(4):
            code = "MN%08d" % r.randrange(10 ** 8)
            ai = self.add_acct(r.choice(["KHANBANK", "GOLOMT", "TDBM"]), code, "corp",
                               self.old_open_time(800, 4000), ERENHOT, corp=True)
            self.accts[ai].unlim = True
            self.accts[ai].arch = "corp_foreign_coal_exporter"
            C["mongol"].append(dict(kind="mongol", accts=[ai], staff=[], code=code))
        C["payres"] = {}
        for firm in PAYFIRMS:
            code = self.new_uscc("310115" if firm != "TENPAY" else "440305")
            lst = []
            for _ in range(2):
                ai = self.add_acct(firm, code, "corp", self.old_open_time(2000, 4000), "310115"
                                   if firm != "TENPAY" else "440305", corp=True)
                self.accts[ai].unlim = True
                self.accts[ai].arch = "corp_payment_reserve"
                lst.append(ai)
            C["payres"][firm] = lst

    def corp_acct(self, kind, i=None):
        lst = self.C[kind]
        c = lst[i] if i is not None else self.rng.choice(lst)
        return self.rng.choice(c["accts"])

    def local_person(self, kind, age, live=None, home=None, nacc=None, banks_w=None,
                     wallets=(0.85, 0.55), max_years=15):
        r = self.rng
        live = live or r.choice(LOCAL_WEIGHTED)
        home = home or (live if r.random() < 0.7 else r.choice(LOCAL_WEIGHTED))
        p = self.new_person(kind, home, live, age[0], age[1])
        n = nacc or wchoice(r, [(1, 45), (2, 35), (3, 14), (4, 4), (5, 2)])
        banks = []
        bw = banks_w or LOCAL_BANK_W
        guard = 0
        while len(banks) < n and guard < 50:
            guard += 1
            b = wchoice(r, bw)
            if b not in banks:
                banks.append(b)
        for b in banks:
            self.person_acct(p, b, "I" if r.random() < 0.85 else "II", max_years=max_years)
        self.give_wallets(p, *wallets)
        self.seed_balances(p)
        return p

    BAL_MED = {"miner_local": 15000, "miner_migrant": 6000, "driver": 10000, "truck_owner": 60000,
               "demolition": 20000, "herder": 15000, "shop_qr": 25000, "shop_tp": 25000,
               "landlord": 50000, "usedcar": 120000, "elderly": 40000, "student": 1500,
               "civil": 30000, "general": 8000, "lender": 300000, "boss": 500000,
               "wholesaler": 80000, "livestock": 100000, "contractor": 80000, "home_family": 5000,
               "recruit": 600, "card_farmer": 1500, "ushang": 50000}

    def seed_balances(self, p):
        r = self.rng
        med = self.BAL_MED.get(p.kind, 5000)
        for j, ai in enumerate(p.accts):
            a = self.accts[ai]
            if a.opened >= 0 or a.bank in PAYFIRMS:
                continue
            m = med if ai == p.main else med * 0.25
            a.bal0 += yuan(lognorm_amt(r, m, 1.0, 0, m * 30))

    def employ(self, p, corp, wage, new_card_at=None):
        """Attach p to corp payroll; the salary card is at one of the corp's banks."""
        r = self.rng
        cbanks = [self.accts[a].bank for a in corp["accts"]]
        acct = -1
        for ai in p.accts:
            if self.accts[ai].bank in cbanks and self.accts[ai].cls == "I":
                acct = ai
                break
        if new_card_at is not None:
            acct = self.add_acct(r.choice(cbanks) if cbanks[0] in BINS else "ICBC", p.idn, "I",
                                 new_card_at, p.live, person=p.idx)
            p.accts.append(acct)
            self.accts[acct].arch = "lawful_new_salary_card"
        elif acct < 0:
            b = cbanks[0] if cbanks[0] in BINS else "ICBC"
            acct = self.person_acct(p, b, "I", max_years=6)
        p.employer = len(corp["staff"])
        p.wage = wage
        corp["staff"].append((p.idx, acct, wage))
        if new_card_at is None:
            p.main = acct
        return acct

    def build_people(self):
        r = self.rng
        hn = self.hn
        season = self.v["season"]
        K = self.K = {}

        def mk(kind, n, fn):
            K[kind] = [fn() for _ in range(int(round(n)))]

        # coal miners, local
        mk("miner_local", 1250, lambda: self.local_person(
            "miner_local", (22, 55), live=r.choice(MINING + ["150602", "150203"])))
        for p in K["miner_local"]:
            self.employ(p, r.choice(self.C["mine"]), r.choice([7500, 9000, 11000, 13000, 15000])
                        * r.uniform(0.85, 1.15))
        # migrant miners and labourers from Shaanxi / Gansu / Ningxia / Shanxi
        self.home_fam = []
        new_share = 0.08 * (1.6 if season == "layue" else 1.0)

        def migrant():
            home = r.choice(HOME_SHAANXI * 3 + HOME_GANSU * 3 + HOME_NINGXIA * 2 + HOME_SHANXI)
            live = r.choice(MINING + ["150203", "150602"])
            p = self.new_person("miner_migrant", home, live, 20, 55,
                                sex="M" if r.random() < 0.92 else "F")
            hb = HOME_BANK[home[:2]]
            self.person_acct(p, wchoice(r, hb), "I", region=home)
            if r.random() < 0.5:
                self.person_acct(p, wchoice(r, LOCAL_BANK_W), "I", max_years=4)
            self.give_wallets(p, 0.9, 0.4)
            # family at home
            fam = self.new_person("home_family", home, home, 35, 70,
                                  sex="F" if r.random() < 0.7 else "M")
            self.person_acct(fam, wchoice(r, hb), "I", region=home)
            self.give_wallets(fam, 0.5, 0.2)
            p.family.append(fam.idx)
            self.home_fam.append(fam)
            self.seed_balances(p)
            self.seed_balances(fam)
            return p
        mk("miner_migrant", 650 * (1.0 if season != "layue" else 1.3), migrant)
        self.contractors = []
        for p in K["miner_migrant"]:
            wage = r.choice([6000, 7000, 8000, 9500]) * r.uniform(0.85, 1.2)
            newcard = None
            if r.random() < new_share:
                newcard = r.randint(-3, self.ndays - 8) * DAY + self.hour_secs("counter")
            if r.random() < 0.7:
                c = r.choice(self.C["labour"] if r.random() < 0.6 else self.C["mine"])
                self.employ(p, c, wage, new_card_at=newcard)
            else:
                p.tags.add("contract_worker")
        # labour contractors paying workers from personal accounts (包工头)
        mk("contractor", 30 * (hn if season == "layue" else 1.0), lambda: self.local_person(
            "contractor", (32, 58), nacc=r.choice([2, 3, 3, 4])))
        workers = [p for p in K["miner_migrant"] if "contract_worker" in p.tags]
        for i, p in enumerate(workers):
            c = K["contractor"][i % len(K["contractor"])]
            p.employer = c.idx
            p.wage = r.choice([5000, 6500, 8000]) * r.uniform(0.9, 1.2)
        # truck drivers and truck owners
        mk("driver", 800, lambda: self.local_person(
            "driver", (24, 58), live=r.choice(MINING + ["150203", "610802"]),
            nacc=r.choice([1, 2, 2, 3, 3, 4])))
        mk("truck_owner", 60, lambda: self.local_person("truck_owner", (30, 60),
                                                          nacc=r.choice([2, 3, 4, 5])))
        for i, p in enumerate(K["driver"]):
            if r.random() < 0.3:
                p.employer = K["truck_owner"][i % 60].idx
                p.wage = r.choice([7000, 8500, 10000])
        # demolition / relocation families
        mk("demolition", 110 * hn, lambda: self.local_person(
            "demolition", (45, 75), live=r.choice(["150602", "150603", "150627", "150203",
                                                   "610881", "150622"]), nacc=r.choice([1, 1, 2]),
            max_years=25))
        mk("herder", 480, lambda: self.local_person(
            "herder", (28, 75), live=r.choice(PASTORAL), nacc=r.choice([1, 1, 2]),
            banks_w=[("ORDRCB", 6), ("ABC", 4), ("PSBC", 2), ("ICBC", 1)], wallets=(0.6, 0.3),
            max_years=25))
        mk("shop_qr", 150, lambda: self.local_person("shop_qr", (25, 58), nacc=r.choice([1, 2, 2, 3])))
        mk("shop_tp", 100, lambda: self.local_person("shop_tp", (25, 58), nacc=r.choice([1, 2, 3])))
        mk("landlord", 170, lambda: self.local_person("landlord", (35, 70), nacc=r.choice([1, 2, 3])))
        mk("usedcar", 25 * (1.6 if season == "layue" else 1.0), lambda: self.local_person(
            "usedcar", (28, 55), nacc=r.choice([2, 3, 4])))
        mk("elderly", 800, lambda: self.local_person(
            "elderly", (62, 88), nacc=r.choice([1, 1, 2]), wallets=(0.5, 0.15),
            banks_w=[("PSBC", 5), ("ABC", 5), ("ORDRCB", 4), ("ICBC", 3), ("CCB", 3), ("BOC", 1)],
            max_years=30))
        mk("student", 600, lambda: self.local_person(
            "student", (18, 23), nacc=r.choice([1, 1, 2]), wallets=(0.95, 0.8), max_years=5))
        mk("civil", 480, lambda: self.local_person("civil", (24, 58), nacc=r.choice([1, 2, 2, 3])))
        mk("general", 1450 * (0.88 if season == "layue" else 1.0), lambda: self.local_person("general", (20, 60)))
        mk("lender", 55, lambda: self.local_person("lender", (35, 65), nacc=r.choice([2, 3, 4, 5])))
        mk("boss", 70, lambda: self.local_person("boss", (35, 65), nacc=r.choice([3, 4, 5, 6])))
        mk("wholesaler", 40, lambda: self.local_person("wholesaler", (28, 60), nacc=r.choice([2, 3])))
        mk("livestock", 20, lambda: self.local_person("livestock", (30, 60), nacc=r.choice([2, 3])))
        for p in K["civil"]:
            c = r.choice(self.C["finance"] + self.C["school"] + self.C["hospital"])
            self.employ(p, c, r.choice([6000, 7500, 9000, 11000]) * r.uniform(0.9, 1.1))
        emp_kinds = ["market", "gas", "hospital", "school", "dealer", "developer", "construct",
                     "restcorp", "coaltrade", "logistics", "wholesale", "telecom"]
        for p in K["general"]:
            if r.random() < 0.78:
                c = r.choice(self.C[r.choice(emp_kinds)])
                if c["accts"] and self.accts[c["accts"][0]].row:
                    nc = None
                    if r.random() < 0.04 * hn:
                        nc = r.randint(-2, self.ndays - 6) * DAY + self.hour_secs("counter")
                    self.employ(p, c, r.choice([3500, 4500, 5500, 7000]) * r.uniform(0.9, 1.2),
                                new_card_at=nc)
        # external local consumers (cards at banks that do not supply data)
        self.ext_local = []
        for _ in range(2600):
            live = r.choice(LOCAL_WEIGHTED)
            p = self.new_person("ext_local", live, live, 20, 65)
            b = wchoice(r, LOCAL_BANK_W[7:])
            self.person_acct(p, b, "I")
            self.ext_local.append(p)
        # family links (households, pooling)
        locals_ = [p for k in ("miner_local", "driver", "civil", "general", "shop_qr", "shop_tp",
                               "landlord", "elderly", "boss", "truck_owner", "demolition",
                               "herder", "student", "contractor", "lender")
                   for p in K.get(k, [])]
        by_region = {}
        for p in locals_:
            by_region.setdefault(p.live, []).append(p)
        for p in locals_:
            pool = by_region[p.live]
            k = {"student": 1, "elderly": 2, "demolition": 3}.get(p.kind, r.choice([0, 1, 1, 2]))
            for _ in range(k):
                q = r.choice(pool)
                if q is not p and q.idx not in p.family:
                    p.family.append(q.idx)
                    if p.idx not in q.family and r.random() < 0.6:
                        q.family.append(p.idx)
        self.locals = locals_
        # second bank cards opened inside the window (new bank's app promotion, mortgage, social
        # security card, a child's card): ordinary new accounts
        for p in locals_:
            if r.random() < 0.015 * hn:
                t = r.randint(0, self.ndays - 3) * DAY + self.hour_secs("counter")
                ai = self.add_acct(wchoice(r, LOCAL_BANK_W[:7]), p.idn, r.choice(["I", "I", "II"]),
                                   t, p.live, person=p.idx)
                self.accts[ai].arch = "lawful_second_card_in_window"
                p.accts.append(ai)
        self.all_spenders = [p for p in locals_ if p.kind not in ("elderly", "herder")] + \
            K["miner_migrant"]

    # ================================================================ lawful life
    def sacct(self, p, t):
        """A usable personal bank account of p at time t (main first)."""
        if p.main >= 0 and self.usable(p.main, t):
            return p.main
        for ai in p.accts:
            if self.accts[ai].bank not in PAYFIRMS and self.usable(ai, t):
                return ai
        return -1

    def lev(self, t, frm, to, fen, kind="transfer", chan="mobile", region="", memo="", fix=False,
            cb=False):
        if t < 0 or t >= self.T1 or fen <= 0:
            return False
        if kind == "transfer" and (frm < 0 or to < 0 or frm == to):
            return False
        if kind == "withdrawal" and frm < 0:
            return False
        if kind == "deposit" and to < 0:
            return False
        if frm >= 0 and not self.usable(frm, t):
            return False
        if to >= 0 and not self.usable(to, t):
            return False
        self.ev(t, frm, to, fen, kind, chan, region, memo, None, fix, cb)
        return True

    def fund(self, ai, fen):
        """Money that existed before the window and is already earmarked (fixed outflows)."""
        self.accts[ai].bal0 += fen
        self.reserve[ai] = self.reserve.get(ai, 0) + fen

    def rt(self, prof="life", lo=0, hi=None, work=False):
        d = self.rand_day(lo, hi, work)
        if d is None:
            return -1
        return self.ts(d, prof)

    QUICK = [("TENPAY", "财付通-美团"), ("TENPAY", "财付通-拼多多"), ("ALIPAY", "支付宝-淘宝"),
             ("TENPAY", "财付通-滴滴出行"), ("ALIPAY", "支付宝-饿了么"), ("JDPAY", "京东支付-京东商城"),
             ("TENPAY", "财付通-微信支付"), ("ALIPAY", "支付宝-快捷支付"), ("TENPAY", "财付通-抖音")]

    def life(self, p, k=1.0, prof="life"):
        r = self.rng
        k *= 1.75
        live = p.live
        C = self.C
        # card -> own wallet top-ups
        if p.wallet >= 0 or p.alipay >= 0:
            for _ in range(poisson(r, 2.4 * k)):
                t = self.rt(prof)
                a = self.sacct(p, t)
                w = p.wallet if (p.wallet >= 0 and (p.alipay < 0 or r.random() < 0.7)) else p.alipay
                amt = r.choice([100, 200, 200, 300, 500, 500, 1000, 2000]) if r.random() < 0.7 \
                    else lognorm_amt(r, 300, 0.8, 10, 5000)
                self.lev(t, a, w, yuan(amt), chan="mobile", region=live,
                         memo="微信零钱充值" if self.accts[w].bank == "TENPAY" else "余额宝转入")
            for _ in range(poisson(r, 0.4 * k)):
                t = self.rt(prof)
                w = p.wallet if p.wallet >= 0 else p.alipay
                self.lev(t, w, self.sacct(p, t), yuan(lognorm_amt(r, 400, 0.9, 20, 8000)),
                         chan="mobile", region=live, memo="零钱提现")
        # quick payments through payment firms
        for _ in range(poisson(r, 4.2 * k)):
            t = self.rt(prof)
            firm, memo = r.choice(self.QUICK)
            self.lev(t, self.sacct(p, t), r.choice(C["payres"][firm]),
                     yuan(lognorm_amt(r, 55, 1.0, 1, 4000)), chan="mobile", region=live, memo=memo)
        # card payments at shops and gas stations
        for _ in range(poisson(r, 1.8 * k)):
            t = self.rt(prof)
            kind = "gas" if r.random() < 0.4 else "market"
            self.lev(t, self.sacct(p, t), self.corp_acct(kind),
                     yuan(lognorm_amt(r, 180, 0.8, 5, 3000)), chan="pos", region=live, memo="消费")
        # cash
        for _ in range(poisson(r, 0.5 * k)):
            t = self.rt(prof)
            self.lev(t, self.sacct(p, t), -1, yuan(r.choice([300, 500, 1000, 1000, 2000, 3000]), 1),
                     kind="withdrawal", chan="atm", region=live)
        # family
        for f in p.family:
            q = self.persons[f]
            for _ in range(poisson(r, 0.45 * k)):
                t = self.rt(prof)
                self.lev(t, self.sacct(p, t), self.sacct(q, t),
                         yuan(lognorm_amt(r, 900, 1.0, 20, 30000)), region=live,
                         memo=r.choice(["", "", "生活费", "转账", "给你"]))
        # utilities
        if r.random() < 0.5:
            t = self.rt("life")
            self.lev(t, self.sacct(p, t), self.corp_acct("grid" if r.random() < 0.5 else "telecom"),
                     yuan(lognorm_amt(r, 120, 0.5, 20, 800)), region=live, memo="缴费")
        # own accounts at several banks
        own = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
        if len(own) > 1:
            for _ in range(poisson(r, 0.6 * (len(own) - 1) * k)):
                t = self.rt(prof)
                a, b = r.sample(own, 2)
                self.lev(t, a, b, yuan(lognorm_amt(r, 2000, 1.0, 50, 60000)), region=live,
                         memo=r.choice(["", "本人转账", "还信用卡"]))

    def gen_payroll(self):
        r = self.rng
        self.paid = {}
        for kind in ("mine", "labour", "finance", "school", "hospital", "market", "gas", "dealer",
                     "developer", "construct", "restcorp", "coaltrade", "logistics", "wholesale",
                     "telecom"):
            for c in self.C.get(kind, []):
                if not c["staff"]:
                    continue
                days = self.month_days(c["payday"])
                if kind == "labour":
                    days += [d for d in self.month_days(max(1, c["payday"] - 15 if c["payday"] > 15
                                                            else c["payday"] + 14))]
                src = c["accts"][0]
                for d in days:
                    t0 = self.ts(d, "payroll")
                    for j, (pi, ai, wage) in enumerate(c["staff"]):
                        if kind in ("mine", "labour"):
                            amt = wage * r.uniform(0.7, 1.25) * (0.5 if kind == "labour" else 1)
                        else:
                            amt = wage * r.uniform(0.95, 1.05)
                        t = t0 + j // 40 + r.randrange(0, 90)
                        if self.lev(t, src, ai, yuan(amt), chan="other", region=c["region"],
                                    memo="代发工资" if r.random() < 0.8 else "工资"):
                            self.paid.setdefault(pi, []).append((t, ai, yuan(amt)))
                if self.v["season"] == "layue" and kind in ("mine", "finance", "school", "hospital",
                                                            "coaltrade", "construct", "dealer"):
                    d = self.rand_day(9, 22, work=True)
                    t0 = self.ts(d, "payroll")
                    for j, (pi, ai, wage) in enumerate(c["staff"]):
                        amt = wage * r.uniform(0.8, 4.0) if kind in ("mine", "coaltrade") else \
                            wage * r.uniform(0.5, 2.0)
                        t = t0 + j // 40 + r.randrange(0, 90)
                        if self.lev(t, src, ai, yuan(amt, 1), chan="other", region=c["region"],
                                    memo="年终奖"):
                            self.paid.setdefault(pi, []).append((t, ai, yuan(amt)))

    def gen_lawful(self):
        r = self.rng
        K, C = self.K, self.C
        season = self.v["season"]
        hn = self.hn
        T = self.ndays
        spenders = self.all_spenders

        def any_payer(t):
            if r.random() < 0.55:
                return self.sacct(r.choice(spenders), t)
            return r.choice(self.ext_local).main

        self.gen_payroll()
        # ---- miners
        for p in K["miner_local"]:
            self.life(p, 1.0, "miner")
        for p in K["miner_migrant"]:
            self.life(p, 0.8, "miner")
            home = self.persons[p.family[0]]
            for (t, ai, fen) in self.paid.get(p.idx, []):
                if r.random() < 0.75:
                    share = r.uniform(0.4, 0.85) if season != "layue" else r.uniform(0.5, 0.9)
                    dly = r.randrange(5 * MINUTE, 2 * DAY) if r.random() < 0.7 else \
                        r.randrange(20, 40 * MINUTE)
                    self.lev(t + dly, ai, self.sacct(home, t + dly), yuan(fen / 100.0 * share, 100),
                             region=p.live, memo=r.choice(["", "家用", "生活费", "转账"]))
        # ---- contractors paying workers from personal accounts
        workers = {}
        for p in K["miner_migrant"]:
            if "contract_worker" in p.tags:
                workers.setdefault(p.employer, []).append(p)
        for c in K["contractor"]:
            ws = workers.get(c.idx, [])
            self.life(c, 1.0)
            src_accts = [a for a in c.accts if self.accts[a].bank not in PAYFIRMS]
            total_need = 0
            for _ in range(r.randint(1, 3)):
                t = self.rt("work", work=True)
                amt = yuan(lognorm_amt(r, 350000, 0.5, 60000, 2000000), 1)
                self.lev(t, self.corp_acct("construct"), r.choice(src_accts), amt, chan="online",
                         region="150602", memo="工程款")
            payday = self.rand_day(0, 12, work=False)
            runs = [(payday, 1.0)]
            if season == "layue":
                runs.append((self.rand_day(8, 22), r.uniform(3, 8)))
            for d, mult in runs:
                if d is None:
                    continue
                t0 = self.ts(d, "life")
                for j, w in enumerate(ws):
                    fen = yuan(w.wage * mult * r.uniform(0.8, 1.2), 1)
                    total_need += fen
                    t = t0 + j * r.randrange(20, 200)
                    dst = self.sacct(w, t)
                    src = r.choice(src_accts)
                    if self.lev(t, src, dst, fen, region=c.live, memo="工资", fix=True):
                        self.fund(src, fen)
                        home = self.persons[w.family[0]]
                        if r.random() < 0.8:
                            t2 = t + r.randrange(10 * MINUTE, DAY)
                            self.lev(t2, dst, self.sacct(home, t2),
                                     yuan(fen / 100.0 * r.uniform(0.5, 0.9), 100), region=w.live,
                                     memo="家用")
                        if mult > 1 and r.random() < 0.5:
                            t3 = t + r.randrange(HOUR, 2 * DAY)
                            for k in range(r.randint(2, 6)):
                                self.lev(t3 + k * r.randrange(30, 90), dst, -1,
                                         yuan(r.choice([2000, 2500]), 1), kind="withdrawal",
                                         chan="atm", region=w.live)
                    else:
                        total_need -= fen
        # ---- drivers and truck owners
        owners = K["truck_owner"]
        emp_drivers = {}
        for p in K["driver"]:
            self.life(p, 0.9, "driver")
            employed = p.employer >= 0
            if employed:
                emp_drivers.setdefault(p.employer, []).append(p)
            nf = poisson(r, 3 if employed else 9)
            for _ in range(nf):
                t = self.rt("driver")
                src = self.corp_acct("logistics") if r.random() < 0.8 else self.corp_acct("coaltrade")
                self.lev(t, src, self.sacct(p, t), yuan(lognorm_amt(r, 4200, 0.5, 600, 25000)),
                         chan="other", region="150602", memo=r.choice(["运费", "运费结算", "货运平台结算"]))
            for _ in range(poisson(r, 4 if employed else 9)):
                t = self.rt("driver")
                self.lev(t, self.sacct(p, t), self.corp_acct("gas"),
                         yuan(lognorm_amt(r, 700, 0.4, 100, 2500)), chan="pos",
                         region=r.choice(MINING + list(YULIN)), memo="加油")
            for _ in range(poisson(r, 4 if employed else 11)):
                t = self.rt("driver")
                self.lev(t, self.sacct(p, t), self.corp_acct("toll"),
                         yuan(lognorm_amt(r, 160, 0.7, 5, 1500)), chan="other", region=p.live,
                         memo="ETC通行费")
            if not employed and r.random() < 0.7:
                t = self.rt("life", lo=0, hi=T)
                self.lev(t, self.sacct(p, t), self.corp_acct("truckfin"),
                         yuan(r.uniform(5000, 16000), 1), chan="online", region=p.live, memo="车贷还款")
        for i, p in enumerate(owners):
            self.life(p, 1.0)
            accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
            for _ in range(poisson(r, 10)):
                t = self.rt("driver")
                self.lev(t, self.corp_acct("logistics") if r.random() < 0.5 else
                         self.corp_acct("coaltrade"), r.choice(accs),
                         yuan(lognorm_amt(r, 22000, 0.6, 3000, 150000)), chan="online",
                         region="150602", memo="运费")
            d = self.rand_day(0, 10)
            for dp in emp_drivers.get(p.idx, []):
                t = self.ts(d, "life")
                self.lev(t, r.choice(accs), self.sacct(dp, t), yuan(dp.wage * r.uniform(0.9, 1.2), 1),
                         region=p.live, memo="工资")
            for _ in range(r.randint(1, 4)):
                t = self.rt("work")
                self.lev(t, r.choice(accs), self.corp_acct("gas"),
                         yuan(lognorm_amt(r, 20000, 0.5, 5000, 80000), 100), chan="online",
                         region=p.live, memo="油款")
                t = self.rt("work")
                self.lev(t, r.choice(accs), self.corp_acct("truckfin"), yuan(r.uniform(8000, 25000), 1),
                         chan="online", region=p.live, memo="车贷")
        # ---- demolition / relocation compensation
        for p in K["demolition"]:
            self.life(p, 0.6, "elder")
            a0 = p.accts[0]
            self.accts[a0].arch = "lawful_demolition_old_account"
            comp = yuan(lognorm_amt(r, 900000, 0.6, 200000, 4500000), 1)
            in_window = r.random() < (0.7 if season == "layue" else 0.55)
            if in_window:
                t = self.rt("work", 0, T - 3, work=True)
                z = [c for c in C["zhengshou"] if c["region"] == p.live] or C["zhengshou"]
                self.lev(t, r.choice(z)["accts"][0], a0, comp, chan="other", region=p.live,
                         memo=r.choice(["房屋征收补偿款", "拆迁补偿款", "征收补偿"]))
            else:
                t = self.rt("life", 0, 6)
                self.fund(a0, comp)
            left = comp
            kids = [self.persons[f] for f in p.family]
            for q in kids:
                if left < 5000000:
                    break
                tt = t + r.randrange(HOUR, 5 * DAY)
                fen = yuan(min(left / 100.0 * r.uniform(0.1, 0.3), 400000), 1000)
                if self.lev(tt, a0, self.sacct(q, tt), fen, chan=r.choice(["counter", "mobile"]),
                            region=p.live, memo=r.choice(["", "给孩子", "补偿款分配"]), fix=not in_window):
                    left -= fen
            if r.random() < 0.45 and left > 20000000:
                tt = t + r.randrange(DAY, 18 * DAY)
                fen = yuan(min(left / 100.0 * r.uniform(0.3, 0.7), 900000), 1000)
                if self.lev(tt, a0, self.corp_acct("developer"), fen, chan="counter", region=p.live,
                            memo="购房款", fix=not in_window):
                    left -= fen
            if r.random() < 0.3 and left > 15000000:
                tt = t + r.randrange(DAY, 15 * DAY)
                fen = min(yuan(r.uniform(100000, 350000), 100), left)
                if self.lev(tt, a0, self.corp_acct("dealer"), fen, chan="pos", region=p.live,
                            memo="购车款", fix=not in_window):
                    left -= fen
            own = [a for a in p.accts[1:] if self.accts[a].bank not in PAYFIRMS]
            if r.random() < 0.5 and left > 10000000:
                tt = t + r.randrange(HOUR, 6 * DAY)
                if not own and tt >= self.T1:
                    continue
                dst = own[0] if own else self.person_acct(p, self.accts[a0].bank, "I", opened=tt - HOUR)
                fen = yuan(left / 100.0 * r.uniform(0.4, 0.8), 10000)
                self.lev(tt, a0, dst, fen, chan="counter", region=p.live, memo="定期存款",
                         fix=not in_window)
        # ---- herders: grassland-ecology subsidies paid by banner on one day
        pshare = {"layue": 0.9, "school": 0.45}.get(season, 0.5)
        pay_day = {}
        for reg in PASTORAL:
            if r.random() < pshare:
                pay_day[reg] = self.rand_day(2, T - 2, work=True)
        for p in K["herder"]:
            self.life(p, 0.35, "elder")
            d = pay_day.get(p.live)
            if d is not None:
                fin = [c for c in C["finance"] if c["region"] == p.live] or C["finance"]
                t = d * DAY + 9 * HOUR + r.randrange(0, 3 * HOUR)
                self.lev(t, fin[0]["accts"][0], p.accts[0],
                         yuan(lognorm_amt(r, 12000, 0.7, 1500, 90000)), chan="other", region=p.live,
                         memo="草原生态保护补助奖励")
            if r.random() < 0.3:
                t = self.rt("life")
                dealer = r.choice(K["livestock"])
                self.lev(t, self.sacct(dealer, t), p.accts[0],
                         yuan(lognorm_amt(r, 30000, 0.6, 5000, 150000), 100), region=p.live,
                         memo=r.choice(["卖羊款", "牛款", "羊款"]))
            if r.random() < 0.4:
                t = self.rt("work")
                self.lev(t, p.accts[0], self.corp_acct("forage"),
                         yuan(lognorm_amt(r, 8000, 0.6, 1000, 50000), 100), chan="counter",
                         region=p.live, memo="草料款")
        for p in K["livestock"]:
            self.life(p, 1.0)
            for _ in range(r.randint(2, 6)):
                t = self.rt("work")
                self.lev(t, self.corp_acct("meatproc"), self.sacct(p, t),
                         yuan(lognorm_amt(r, 150000, 0.6, 20000, 800000), 100), chan="online",
                         region="150203", memo="货款")
        # ---- shops on personal accounts
        self.gen_shops()
        # ---- landlords
        for p in K["landlord"]:
            self.life(p, 0.9)
            for _ in range(r.randint(2, 8)):
                tenant = r.choice(spenders) if r.random() < 0.6 else r.choice(self.ext_local)
                rent = r.choice([800, 1000, 1200, 1500, 1800, 2000, 2500, 3000]) * \
                    (3 if r.random() < 0.2 else 1)
                d = r.choice([0, 1, 2, 3, 4]) if r.random() < 0.5 else r.randrange(T)
                for dd in (d, d + 30, d - 30):
                    if 0 <= dd < T:
                        t = self.ts(dd, "life")
                        self.lev(t, self.sacct(tenant, t), self.sacct(p, t), yuan(rent, 1),
                                 region=p.live, memo=r.choice(["房租", "租金", ""]))
            t = self.rt("work")
            self.lev(t, self.sacct(p, t), self.corp_acct("developer"),
                     yuan(lognorm_amt(r, 1500, 0.6, 200, 8000)), region=p.live, memo="物业费")
        # ---- used-car dealers on personal accounts
        for p in K["usedcar"]:
            self.life(p, 1.0)
            accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
            for _ in range(r.randint(4, 10)):
                seller = r.choice(spenders) if r.random() < 0.6 else r.choice(self.ext_local)
                t = self.rt("life")
                fen = yuan(lognorm_amt(r, 60000, 0.6, 8000, 300000), 100)
                a = r.choice(accs)
                self.fund(a, fen)
                self.lev(t, a, self.sacct(seller, t), fen, region=p.live, memo="车款", fix=True)
            for _ in range(r.randint(4, 10)):
                t = self.rt("life")
                buyer = r.choice(spenders) if r.random() < 0.6 else r.choice(self.ext_local)
                ba = self.sacct(buyer, t)
                fen = yuan(lognorm_amt(r, 70000, 0.6, 8000, 300000), 100)
                if ba >= 0 and self.accts[ba].row:
                    self.fund(ba, fen)
                self.lev(t, ba, r.choice(accs), fen, chan=r.choice(["mobile", "counter"]),
                         region=p.live, memo="购车款", fix=True)
        # ---- elderly: pensions, counter withdrawals, grandchildren
        pdays = self.month_days(r.choice([5, 10, 15]))
        for p in K["elderly"]:
            self.life(p, 0.3, "elder")
            ss = [c for c in C["socsec"] if c["region"][:4] == p.live[:4]] or C["socsec"]
            pen = yuan(r.uniform(2200, 6500))
            for d in pdays:
                t = d * DAY + 8 * HOUR + r.randrange(0, 2 * HOUR)
                self.lev(t, ss[0]["accts"][0], p.accts[0], pen, chan="other", region=p.live,
                         memo="养老金")
            for _ in range(poisson(r, 1.3)):
                t = self.rt("elder", work=True)
                self.lev(t, self.sacct(p, t), -1, yuan(r.choice([500, 1000, 2000, 3000, 5000]), 1),
                         kind="withdrawal", chan="counter", region=p.live)
        # ---- students
        for p in K["student"]:
            self.life(p, 1.1, "student")
            parent = self.persons[p.family[0]] if p.family else r.choice(self.ext_local)
            for _ in range(r.randint(1, 3)):
                t = self.rt("evening")
                self.lev(t, self.sacct(parent, t), self.sacct(p, t),
                         yuan(r.choice([500, 800, 1000, 1500, 2000, 2500]), 1), region=parent.live,
                         memo=r.choice(["生活费", "", "零花钱"]))
            for _ in range(poisson(r, 2.5)):
                q = r.choice(K["student"])
                t = self.rt("student")
                self.lev(t, self.sacct(p, t), self.sacct(q, t),
                         yuan(lognorm_amt(r, 45, 0.8, 2, 600)), region=p.live,
                         memo=r.choice(["AA", "饭钱", "", "还你"]))
            if r.random() < 0.15:
                t = self.rt("life")
                self.lev(t, self.corp_acct("market"), self.sacct(p, t),
                         yuan(lognorm_amt(r, 1200, 0.5, 200, 4000)), chan="other", region=p.live,
                         memo="兼职工资")
        # ---- civil servants, teachers, general workers
        for p in K["civil"]:
            self.life(p, 1.0)
            if r.random() < 0.15:
                t = self.rt("work")
                self.lev(t, self.sacct(p, t), self.corp_acct("securities"),
                         yuan(lognorm_amt(r, 20000, 0.8, 2000, 200000), 100), chan="online",
                         region=p.live, memo="银证转账")
        for p in K["general"]:
            self.life(p, 1.0)
        for p in self.home_fam:
            for _ in range(poisson(r, 1.2)):
                t = self.rt("elder")
                self.lev(t, self.sacct(p, t), -1, yuan(r.choice([500, 1000, 2000]), 1),
                         kind="withdrawal", chan=r.choice(["atm", "counter"]), region=p.live)
        # ---- private lenders (民间借贷)
        for p in K["lender"]:
            self.life(p, 1.0)
            accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
            for _ in range(r.randint(3, 12)):
                b = r.choice(spenders)
                principal = lognorm_amt(r, 150000, 0.7, 20000, 1500000)
                d = r.randrange(T)
                t = self.ts(d, "life")
                self.lev(t, self.sacct(b, t), r.choice(accs),
                         yuan(principal * r.uniform(0.015, 0.03), 1), region=p.live,
                         memo=r.choice(["利息", "", "息"]))
                if r.random() < (0.35 if season == "layue" else 0.1):
                    t = self.rt("life", 8 if season == "layue" else 0, 22 if season == "layue" else T)
                    ba = self.sacct(b, t)
                    if ba >= 0:
                        self.fund(ba, yuan(principal, 1))
                        self.lev(t, ba, r.choice(accs), yuan(principal, 1), region=p.live,
                                 memo="还款", fix=True)
            for _ in range(r.randint(0, 3)):
                b = r.choice(spenders)
                t = self.rt("life")
                a = r.choice(accs)
                fen = yuan(lognorm_amt(r, 150000, 0.7, 20000, 1000000), 1000)
                self.fund(a, fen)
                self.lev(t, a, self.sacct(b, t), fen, chan=r.choice(["counter", "mobile"]),
                         region=p.live, memo=r.choice(["借款", ""]), fix=True)
        # ---- coal bosses, wholesalers
        for p in K["boss"]:
            self.life(p, 1.4)
            accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
            for _ in range(r.randint(2, 6)):
                t = self.rt("work")
                self.lev(t, self.corp_acct(r.choice(["coaltrade", "mine"])), r.choice(accs),
                         yuan(lognorm_amt(r, 400000, 0.8, 50000, 3000000), 100), chan="online",
                         region=p.live, memo=r.choice(["分红", "往来款", "借款"]))
            for _ in range(r.randint(1, 4)):
                t = self.rt("work")
                self.lev(t, r.choice(accs), self.corp_acct(r.choice(["coaltrade", "construct",
                                                                     "mine"])),
                         yuan(lognorm_amt(r, 300000, 0.8, 30000, 2000000), 100), chan="online",
                         region=p.live, memo="往来款")
        for p in K["wholesaler"]:
            self.life(p, 1.0)
            for _ in range(r.randint(3, 8)):
                t = self.rt("work")
                self.lev(t, self.sacct(p, t), self.corp_acct(r.choice(["meatproc", "wholesale"])),
                         yuan(lognorm_amt(r, 40000, 0.6, 5000, 200000), 100), chan="online",
                         region=p.live, memo="进货款")
        self.gen_b2b()
        self.gen_big_purchases()
        self.gen_season()

    def gen_shops(self):
        r = self.rng
        K = self.K
        T = self.ndays
        spenders = self.all_spenders
        season = self.v["season"]
        suppliers = K["wholesaler"]
        for p in K["shop_qr"] + K["shop_tp"]:
            self.life(p, 0.8, "evening")
            qr = p.kind == "shop_qr"
            hotpot = r.random() < 0.4
            start = 0
            acct = p.main
            if r.random() < 0.05 * self.hn:
                # a shop opened inside the window on a new card
                start = r.randrange(1, T - 5)
                acct = self.add_acct(wchoice(r, LOCAL_BANK_W[:7]), p.idn, "I",
                                     start * DAY + self.hour_secs("counter"), p.live, person=p.idx)
                p.accts.append(acct)
                self.accts[acct].arch = "lawful_new_shop_card"
                start += 1
            lam = r.uniform(2.5, 9.0)
            closed_days = set(r.sample(range(T), r.randint(1, 4)))
            for d in range(start, T):
                if d in closed_days:
                    continue
                if season == "layue" and d >= 22 and d <= 25 and r.random() < 0.8:
                    continue
                if qr:
                    n = poisson(r, lam * (1.4 if self.date_of(d).weekday() >= 5 else 1.0))
                    for _ in range(n):
                        t = self.ts(d, "meal" if not hotpot else "evening")
                        self.lev(t, any_payer_static(self, r, spenders, t), acct,
                                 yuan(lognorm_amt(r, 95 if hotpot else 45, 0.7, 5, 1500)),
                                 chan="mobile", region=p.live,
                                 memo=r.choice(["扫码付款", "收款", "", "云闪付"]))
                else:
                    t = d * DAY + 9 * HOUR + r.randrange(0, 2 * HOUR)
                    self.lev(t, r.choice(self.C["payres"]["TENPAY"]), acct,
                             yuan(lognorm_amt(r, 2600, 0.6, 100, 30000)), chan="other",
                             region=p.live, memo="财付通T+1结算")
            for _ in range(r.randint(5, 14)):
                t = self.rt("work", start)
                if t < 0:
                    continue
                if r.random() < 0.6:
                    sup = self.sacct(r.choice(suppliers), t)
                else:
                    sup = self.corp_acct("wholesale")
                self.lev(t, acct, sup, yuan(lognorm_amt(r, 3500, 0.7, 300, 30000)), region=p.live,
                         memo=r.choice(["货款", "菜钱", "肉款", "酒水款", ""]))
            staff = r.sample(K["general"], r.randint(1, 4))
            d = self.rand_day(0, 10)
            for s_ in staff:
                t = self.ts(d, "evening")
                self.lev(t, acct, self.sacct(s_, t), yuan(r.choice([3000, 3500, 4000, 4500, 5000]), 1),
                         region=p.live, memo="工资")
            landlord = r.choice(K["landlord"])
            t = self.rt("life")
            self.lev(t, acct, self.sacct(landlord, t),
                     yuan(r.choice([3000, 5000, 8000, 12000, 20000]), 1), region=p.live, memo="房租")
            if season == "layue" and qr:
                for _ in range(r.randint(8, 30)):
                    t = self.rt("life", 4, 21)
                    self.lev(t, any_payer_static(self, r, spenders, t), acct,
                             yuan(r.choice([500, 800, 1000, 1500, 2000, 3000]), 1), region=p.live,
                             memo=r.choice(["年夜饭定金", "订桌", ""]))
                for _ in range(r.randint(2, 5)):
                    t = self.rt("work", 5, 21)
                    self.lev(t, acct, self.corp_acct("wholesale"),
                             yuan(lognorm_amt(r, 20000, 0.5, 5000, 80000), 100), region=p.live,
                             memo="年货进货")

    def gen_b2b(self):
        r = self.rng
        C = self.C
        for c in C["mine"]:
            for _ in range(r.randint(4, 10)):
                t = self.rt("work", work=True)
                src = self.corp_acct("powerplant") if r.random() < 0.6 else self.corp_acct("coaltrade")
                self.lev(t, src, r.choice(c["accts"]), yuan(lognorm_amt(r, 1500000, 0.7, 100000,
                                                                       9000000), 100),
                         chan="online", region=c["region"], memo="煤款")
            for _ in range(r.randint(3, 8)):
                t = self.rt("work", work=True)
                self.lev(t, r.choice(c["accts"]), self.corp_acct(r.choice(["construct", "wholesale",
                                                                           "labour", "gas"])),
                         yuan(lognorm_amt(r, 300000, 0.8, 20000, 3000000), 100), chan="online",
                         region=c["region"], memo=r.choice(["货款", "服务费", "工程款", "劳务费"]))
            t = self.rt("work", work=True)
            self.lev(t, c["accts"][0], self.C["finance"][0]["accts"][0],
                     yuan(lognorm_amt(r, 800000, 0.6, 50000, 5000000), 100), chan="online",
                     region=c["region"], memo="资源税")
        for c in C["coaltrade"]:
            for _ in range(r.randint(3, 9)):
                t = self.rt("work", work=True)
                self.lev(t, self.corp_acct("powerplant"), r.choice(c["accts"]),
                         yuan(lognorm_amt(r, 2000000, 0.7, 100000, 9000000), 100), chan="online",
                         region=c["region"], memo="货款")
            for _ in range(r.randint(2, 6)):
                t = self.rt("work", work=True)
                self.lev(t, r.choice(c["accts"]), self.corp_acct("mine"),
                         yuan(lognorm_amt(r, 1200000, 0.7, 100000, 8000000), 100), chan="online",
                         region=c["region"], memo="煤款")
            for _ in range(r.randint(1, 4)):
                t = self.rt("work", work=True)
                self.lev(t, r.choice(c["accts"]), self.corp_acct("logistics"),
                         yuan(lognorm_amt(r, 200000, 0.6, 20000, 1500000), 100), chan="online",
                         region=c["region"], memo="运费")
            if r.random() < 0.3:
                for _ in range(r.randint(1, 3)):
                    t = self.rt("work", work=True)
                    self.lev(t, r.choice(c["accts"]), self.rng.choice(C["mongol"])["accts"][0],
                             yuan(lognorm_amt(r, 1500000, 0.6, 200000, 8000000), 100),
                             chan="online", region=c["region"], memo="进口蒙古煤货款", cb=True)
        for kind, dst, med in (("dealer", "carmaker", 1500000), ("developer", "construct", 2000000),
                               ("construct", "wholesale", 500000), ("market", "wholesale", 200000),
                               ("gas", "wholesale", 600000), ("restcorp", "wholesale", 80000),
                               ("hospital", "wholesale", 300000), ("labour", "construct", 100000)):
            for c in C[kind]:
                for _ in range(r.randint(1, 5)):
                    t = self.rt("work", work=True)
                    self.lev(t, r.choice(c["accts"]), self.corp_acct(dst),
                             yuan(lognorm_amt(r, med, 0.7, med / 20, med * 6), 100), chan="online",
                             region=c["region"], memo=r.choice(["货款", "往来款", "结算款"]))
        for c in C["labour"] + C["construct"]:
            for _ in range(r.randint(1, 4)):
                t = self.rt("work", work=True)
                self.lev(t, self.corp_acct(r.choice(["mine", "developer", "coaltrade"])),
                         r.choice(c["accts"]), yuan(lognorm_amt(r, 600000, 0.6, 50000, 4000000), 100),
                         chan="online", region=c["region"], memo=r.choice(["劳务费", "工程款"]))

    def gen_big_purchases(self):
        """Cars, flat deposits and weddings: large first payments and family pooling."""
        r = self.rng
        K = self.K
        T = self.ndays
        hn = self.hn
        buyers = K["miner_local"] + K["driver"] + K["civil"] + K["general"] + K["boss"] + \
            K["truck_owner"] + K["miner_migrant"]
        n_car = int(160 * hn)
        for _ in range(n_car):
            p = r.choice(buyers)
            dealer = r.choice(self.C["dealer"])
            dacct = r.choice(dealer["accts"])
            price = lognorm_amt(r, 160000, 0.5, 50000, 700000)
            t1 = self.rt("life", 0, T - 1)
            src = self.sacct(p, t1)
            if src < 0:
                continue
            if r.random() < 0.12 * hn:
                # new card opened at the dealer's bank, pooled by family, then one large payment
                bank = self.accts[dacct].bank
                nb = bank if bank in SUPPLYING else wchoice(r, LOCAL_BANK_W[:7])
                na = self.add_acct(nb, p.idn, "I", t1 - r.randrange(DAY, 4 * DAY), p.live,
                                   person=p.idx)
                self.accts[na].arch = "lawful_new_card_car_purchase"
                p.accts.append(na)
                tot = 0
                helpers = [self.persons[f] for f in p.family] + [p]
                for q in helpers:
                    tt = max(t1 - r.randrange(HOUR, DAY), self.accts[na].opened + HOUR)
                    qa = self.sacct(q, tt)
                    if qa < 0 or qa == na:
                        continue
                    fen = yuan(price / len(helpers) * r.uniform(0.8, 1.3), 1000)
                    self.fund(qa, fen)
                    if self.lev(tt, qa, na, fen, region=p.live, memo=r.choice(["买车", "", "凑钱"]),
                                fix=True):
                        tot += fen
                if tot > 0:
                    self.lev(t1 + r.randrange(HOUR, 20 * HOUR), na, dacct,
                             max(tot - yuan(r.uniform(0, 3000)), 100), chan="pos", region=p.live,
                             memo="购车款", fix=True)
                continue
            dep = yuan(r.choice([2000, 5000, 10000, 20000]), 1)
            self.fund(src, dep + yuan(price, 100))
            self.lev(t1, src, dacct, dep, chan="pos", region=dealer["region"], memo="订金", fix=True)
            t2 = t1 + r.randrange(DAY, 12 * DAY)
            self.lev(t2, self.sacct(p, t2), dacct, yuan(price - dep / 100.0, 100),
                     chan=r.choice(["pos", "counter", "mobile"]), region=dealer["region"],
                     memo=r.choice(["购车款", "首付款", "车款"]), fix=True)
        n_flat = int(70 * hn)
        for _ in range(n_flat):
            p = r.choice(buyers)
            dev = self.corp_acct("developer")
            t1 = self.rt("life", 2, T)
            src = self.sacct(p, t1)
            if src < 0:
                continue
            total = 0
            for f in p.family:
                q = self.persons[f]
                tt = t1 - r.randrange(HOUR, 3 * DAY)
                qa = self.sacct(q, tt)
                if qa < 0 or qa == src:
                    continue
                fen = yuan(lognorm_amt(r, 80000, 0.6, 10000, 400000), 1000)
                self.fund(qa, fen)
                if self.lev(tt, qa, src, fen, region=p.live, memo=r.choice(["首付", "买房", ""]),
                            fix=True):
                    total += fen
            own = yuan(lognorm_amt(r, 100000, 0.6, 20000, 500000), 1000)
            self.fund(src, own)
            self.lev(t1, src, dev, total + own, chan=r.choice(["counter", "pos"]), region=p.live,
                     memo=r.choice(["购房首付", "房款", "认购定金"]), fix=True)
        # weddings: bride price and many gifts into the couple's accounts
        n_wed = int((45 if self.variant == "baseline" else 30) * hn)
        young = [p for p in buyers if 22 <= self.age(p) <= 35]
        for _ in range(n_wed):
            g, b = r.sample(young, 2)
            if self.variant == "baseline" and r.random() < 0.6:
                d = r.randrange(9, 14)      # May Day
            elif self.v["season"] == "layue" and r.random() < 0.6:
                d = r.randrange(10, 27)
            else:
                d = r.randrange(0, T)
            t0 = self.ts(d, "work")
            payer = self.persons[g.family[0]] if g.family else g
            pa = self.sacct(payer, t0 - DAY)
            ba = self.sacct(self.persons[b.family[0]] if b.family else b, t0 - DAY)
            fen = yuan(r.choice([68888, 88888, 128000, 158000, 168000, 188000, 200000]), 1)
            if pa >= 0:
                self.fund(pa, fen)
                self.lev(t0 - r.randrange(DAY, 5 * DAY), pa, ba, fen, chan=r.choice(["counter",
                                                                                     "mobile"]),
                         region=g.live, memo=r.choice(["彩礼", "", "聘礼"]), fix=True)
            couple = self.sacct(g, t0)
            for _ in range(r.randint(12, 45)):
                guest = r.choice(self.all_spenders) if r.random() < 0.7 else r.choice(self.ext_local)
                t = t0 + r.randrange(-DAY, DAY)
                self.lev(t, self.sacct(guest, t), couple,
                         yuan(r.choice([200, 500, 600, 800, 1000, 1000, 1200, 2000]), 1),
                         region=g.live, memo=r.choice(["新婚快乐", "随礼", "", "百年好合"]))
            t = t0 + r.randrange(DAY, 3 * DAY)
            self.lev(t, couple, self.corp_acct("restcorp"),
                     yuan(lognorm_amt(r, 40000, 0.4, 10000, 120000), 100), chan="pos",
                     region=g.live, memo="婚宴")

    def gen_season(self):
        r = self.rng
        season = self.v["season"]
        K = self.K
        if season == "layue":
            eve = (dt.date(2025, 1, 28) - self.base).days
            for p in self.locals + K["miner_migrant"]:
                # red envelopes on New Year's Eve and the first day
                fam = [self.persons[f] for f in p.family] or \
                    ([self.persons[p.family[0]]] if p.family else [])
                if fam or r.random() < 0.5:
                    for _ in range(poisson(r, 1.6)):
                        q = r.choice(fam) if fam and r.random() < 0.7 else r.choice(self.all_spenders)
                        t = (eve + r.choice([0, 0, 0, 1])) * DAY + r.choice(
                            [19, 20, 21, 22, 23, 23, 10, 11]) * HOUR + r.randrange(HOUR)
                        self.lev(t, self.sacct(p, t), self.sacct(q, t),
                                 yuan(r.choice([200, 500, 666, 888, 1000, 1888, 2000]), 1),
                                 region=p.live, memo=r.choice(["红包", "新年快乐", "压岁钱", ""]))
                # shopping for the festival
                for _ in range(poisson(r, 1.5)):
                    t = self.rt("life", 8, 22)
                    self.lev(t, self.sacct(p, t), self.corp_acct("market"),
                             yuan(lognorm_amt(r, 600, 0.8, 50, 8000)), chan="pos", region=p.live,
                             memo="年货")
                if r.random() < 0.12:
                    t = self.rt("life", 12, 23)
                    a = self.sacct(p, t)
                    for k in range(r.randint(2, 6)):
                        self.lev(t + k * r.randrange(40, 120), a, -1,
                                 yuan(r.choice([2000, 2500, 3000]), 1), kind="withdrawal",
                                 chan="atm", region=p.live)
            for p in K["miner_migrant"]:
                if r.random() < 0.6:
                    home = self.persons[p.family[0]]
                    t = self.rt("life", 14, 22)
                    a = self.sacct(p, t)
                    fen = yuan(lognorm_amt(r, 20000, 0.5, 3000, 80000), 100)
                    if a >= 0:
                        self.fund(a, fen)
                        self.lev(t, a, self.sacct(home, t), fen, region=p.live, memo="过年钱",
                                 fix=True)
        elif season == "school":
            # freshmen open cards in the first days and pay tuition; parents send more
            for p in K["student"]:
                if r.random() < 0.25:
                    d = r.randrange(2, 14)
                    sch = r.choice(self.C["school"])
                    bank = self.accts[sch["accts"][0]].bank
                    na = self.add_acct(bank, p.idn, "I", d * DAY + self.hour_secs("counter"),
                                       sch["region"], person=p.idx)
                    self.accts[na].arch = "lawful_new_freshman_card"
                    p.accts.append(na)
                    parent = self.persons[p.family[0]] if p.family else r.choice(self.ext_local)
                    t = (d + 1) * DAY + self.hour_secs("evening")
                    fee = yuan(r.choice([3500, 4200, 5000, 5800, 6500]), 1)
                    extra = yuan(r.choice([1000, 2000, 3000]), 1)
                    pa = self.sacct(parent, t)
                    if pa >= 0 and self.accts[pa].row:
                        self.fund(pa, fee + extra)
                    self.lev(t, pa, na, fee + extra, region=parent.live, memo="学费", fix=True)
                    t2 = t + r.randrange(10 * MINUTE, 2 * DAY)
                    self.lev(t2, na, sch["accts"][0], fee, chan="online", region=sch["region"],
                             memo="学费", fix=True)
                    if p.wallet >= 0:
                        self.lev(t2 + r.randrange(60, HOUR), na, p.wallet, extra // 2,
                                 region=sch["region"], memo="微信零钱充值", fix=True)
                elif r.random() < 0.5:
                    t = self.rt("life", 0, 15)
                    a = self.sacct(p, t)
                    fee = yuan(r.choice([3500, 4200, 5000, 5800]), 1)
                    if a >= 0:
                        self.fund(a, fee)
                        self.lev(t, a, r.choice(self.C["school"])["accts"][0], fee, chan="online",
                                 region=p.live, memo="学费", fix=True)
            for p in self.locals:
                if r.random() < 0.15:
                    t = self.rt("life", 14, 22)
                    self.lev(t, self.sacct(p, t), self.corp_acct("market"),
                             yuan(lognorm_amt(r, 300, 0.7, 30, 3000)), chan="pos", region=p.live,
                             memo="月饼礼盒")
        else:
            # May Day travel and eating out
            for p in self.locals:
                if r.random() < 0.35:
                    t = self.rt("evening", 9, 14)
                    firm, memo = r.choice(self.QUICK)
                    self.lev(t, self.sacct(p, t), r.choice(self.C["payres"][firm]),
                             yuan(lognorm_amt(r, 400, 1.0, 10, 8000)), region=p.live, memo=memo)


    # ================================================================ fraud network (accounts)
    def far_person(self, kind, age=(20, 45), regions=None):
        r = self.rng
        reg = r.choice(regions or FAR)
        return self.new_person(kind, reg, reg, age[0], age[1])

    def mark(self, ai, role, arch, farmer=0):
        a = self.accts[ai]
        a.role = role
        a.arch = arch
        a.farmer = farmer

    def build_fraud_accounts(self):
        r = self.rng
        v = self.v
        T = self.ndays
        K = self.K
        self.mm = {}                 # mule meta: ai -> dict
        self.gangs = []
        self.ops_ext = []
        self.ops_row = []
        # ---- operators (the gangs' own collection / paying accounts)
        for i in range(v["operators"]):
            row = i < 2
            if row:
                p = self.local_person("recruit", (20, 40), nacc=1, wallets=(0, 0))
                ai = p.accts[0]
                p.accts = []
                p.main = -1
                self.accts[ai].opened = self.old_open_time(20, 200)
                self.ops_row.append(ai)
                self.mark(ai, "operator", "operator_row_collector")
                self.fund(ai, yuan(r.uniform(50000, 150000), 1))
            else:
                p = self.far_person("recruit", regions=CASHOUT["GD"] + CASHOUT["FJ"] + CASHOUT["YN"])
                ai = self.add_acct(wchoice(r, FAR_BANK_W), p.idn, "I", self.old_open_time(30, 900),
                                   p.live, person=p.idx)
                self.accts[ai].unlim = True
                self.ops_ext.append(ai)
                self.mark(ai, "operator", "operator_external")
        # ---- gangs
        regions_all = ["GD", "GD", "YN", "FJ", "GX", "HI", "LOCAL"]
        for g in range(v["gangs"]):
            cr = regions_all[g % len(regions_all)] if g < len(regions_all) else r.choice(regions_all)
            self.gangs.append(dict(g=g, cash=CASHOUT[cr], cash_name=cr, op_region=r.choice(
                CASHOUT[cr if cr != "LOCAL" else "GD"]), L1=[], L2=[], L3=[],
                weight=r.uniform(0.5, 2.0)))
        # ---- card farmers
        self.farmers = []
        self.farmer_sold = []        # (ai, sale_time)
        for i in range(v["farmers"]):
            home = FARMER_HOME[i % len(FARMER_HOME)] if i < len(FARMER_HOME) else r.choice(FARMER_HOME)
            p = self.new_person("card_farmer", home, home, 19, 38, sex="M" if r.random() < 0.8 else "F")
            b = wchoice(r, HOME_BANK.get(home[:2], FAR_BANK_W))
            self.person_acct(p, b, "I", region=home, max_years=8)
            self.give_wallets(p, 0.9, 0.5)
            self.seed_balances(p)
            trip0 = r.uniform(-75, T - 10) * DAY
            trip_len = r.uniform(4, 18) * DAY
            cities = r.sample(FARMER_CITIES, r.randint(2, 5))
            cards = []
            for ci, city in enumerate(cities):
                day_t = trip0 + trip_len * ci / len(cities)
                nb = r.randint(2, 5)
                banks = r.sample(SUPPLYING, min(nb, len(SUPPLYING)))
                if r.random() < 0.35:
                    banks[-1] = wchoice(r, FAR_BANK_W[:6])
                for bk in banks:
                    d = int(day_t // DAY) + r.choice([0, 0, 1])
                    t = d * DAY + self.hour_secs("counter")
                    if t >= self.T1 - HOUR:
                        continue
                    ai = self.add_acct(bk, p.idn, "I" if r.random() < 0.8 else "II", t, city,
                                       person=p.idx)
                    self.mark(ai, "farmer_card", "farmer_card_unsold", farmer=1)
                    cards.append(ai)
                    if r.random() < 0.6:
                        self.pending_fraud_ev(t + r.randrange(120, 1200), -1, ai,
                                              yuan(r.choice([10, 20, 50, 100]), 1), "deposit",
                                              "counter", city, "", "farmer_open_deposit")
            sale = trip0 + trip_len + r.uniform(1, 10) * DAY
            sold = [c for c in cards if r.random() < 0.55]
            for c in sold:
                self.accts[c].arch = "farmer_card_sold_unused"
                self.farmer_sold.append((c, sale))
            for c in cards:
                if c not in sold and r.random() < 0.1:
                    cl = self.accts[c].opened + r.uniform(20, 70) * DAY
                    self.accts[c].closed = cl
            self.farmers.append(dict(p=p, cards=cards, sold=sold, sale=sale))
            if sold and 0 <= sale < self.T1:
                fen = yuan(r.uniform(5000, 6200) * max(1, len(sold) / 7.0), 100)
                self.pending_fraud_ev(sale + r.randrange(HOUR, DAY), r.choice(self.ops_ext), p.main,
                                      fen, "transfer", "mobile", CASHOUT["GD"][0], "", "card_sale")
        # ---- mules by layer and way of obtaining
        young = [p for k in ("miner_local", "driver", "general", "student", "miner_migrant")
                 for p in K[k] if self.age(p) <= 40]
        old_pool = [p for p in young + K["general"] + K["shop_qr"] + K["elderly"][:80]
                    if len([a for a in p.accts if self.accts[a].bank not in PAYFIRMS]) >= 1]
        r.shuffle(old_pool)
        used_people = set()
        farmer_iter = sorted(self.farmer_sold, key=lambda x: x[1])
        fi = [0]
        slow = v["slow"]
        row_p = {"L1": 0.82, "L2": 0.62, "L3": 0.45}

        def life_span(kind, layer):
            if kind == "old":
                base = (3, 12) if not slow else (6, 22)
            elif kind == "farmer":
                base = (1, 6)
            elif kind == "fresh":
                base = (1, 5) if not slow else (3, 10)
            else:
                base = (2, 8) if not slow else (4, 14)
            mult = {"L1": 1.0, "L2": 1.5, "L3": 2.2}[layer]
            return r.uniform(*base) * mult * DAY

        def new_mule(layer, kind, g):
            rowwant = r.random() < row_p[layer]
            act_from = r.uniform(-3, T - 2) * DAY
            span = life_span(kind, layer)
            if kind == "farmer":
                while fi[0] < len(farmer_iter):
                    c, sale = farmer_iter[fi[0]]
                    fi[0] += 1
                    if sale + DAY < self.T1 - 2 * DAY and self.accts[c].closed is None:
                        act_from = max(sale + r.uniform(1, 12) * DAY, r.uniform(-2, 3) * DAY)
                        if act_from < self.T1 - DAY:
                            self.mark(c, "mule", "farmer_sold_" + layer, farmer=1)
                            return c, act_from, span
                kind = "fresh"
            if kind == "old":
                while old_pool:
                    p = old_pool.pop()
                    if p.idx in used_people:
                        continue
                    accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS and
                            self.accts[a].row == rowwant and self.accts[a].opened < -400 * DAY]
                    if not accs:
                        continue
                    nonmain = [a for a in accs if a != p.main]
                    if nonmain:
                        ai = r.choice(nonmain)
                    elif r.random() < 0.25:
                        ai = accs[0]
                    else:
                        continue
                    used_people.add(p.idx)
                    how = "rented" if r.random() < 0.6 else "sold"
                    self.mark(ai, "mule", "%s_old_%s" % (how, layer))
                    self.accts[ai].handover = act_from - r.uniform(0.1, 4) * DAY
                    if how == "rented" and r.random() < 0.3:
                        self.accts[ai].restore = act_from + span + r.uniform(1, 6) * DAY
                    if r.random() < 0.6 and p.main != ai:
                        self.pending_fraud_ev(self.accts[ai].handover + r.randrange(0, DAY),
                                              r.choice(self.ops_ext), p.main,
                                              yuan(r.choice([800, 1000, 1500, 2000, 3000]), 1),
                                              "transfer", "mobile", r.choice(CASHOUT["GD"]), "",
                                              "rent_fee" if how == "rented" else "card_sale")
                    return ai, act_from, span
                kind = "fresh"
            # fresh (days) or aged (weeks / months) cards opened to be handed over
            if kind == "fresh":
                opened = act_from - r.uniform(1, 10) * DAY
            else:
                opened = act_from - (r.uniform(14, 80) if r.random() < 0.7 else
                                     r.uniform(90, 300)) * DAY
            opened = int(opened // DAY) * DAY + self.hour_secs("counter")
            if rowwant:
                if r.random() < 0.5 and young:
                    p = r.choice(young)
                else:
                    p = self.local_person("recruit", (18, 38), nacc=1, wallets=(0.5, 0.2))
                    p.accts, p.main = [], -1
                bank = wchoice(r, LOCAL_BANK_W[:7])
                region = p.live
            else:
                p = self.far_person("recruit", (18, 40))
                bank = wchoice(r, FAR_BANK_W)
                region = p.live
            ai = self.add_acct(bank, p.idn, "I" if r.random() < 0.85 else "II", opened, region,
                               person=p.idx)
            self.mark(ai, "mule", "%s_%s" % ("fresh" if kind == "fresh" else "aged", layer))
            if p.main >= 0 and r.random() < 0.4:
                self.pending_fraud_ev(opened + r.uniform(0.5, 5) * DAY, r.choice(self.ops_ext),
                                      p.main, yuan(r.choice([300, 500, 800, 1000, 1500]), 1),
                                      "transfer", "mobile", r.choice(CASHOUT["GD"]), "", "card_sale")
            return ai, act_from, span

        for layer in ("L1", "L2", "L3"):
            mix = v["l1_mix"] if layer == "L1" else v["l2_mix"]
            pairs = list(mix.items())
            for i in range(v["mule_quota"][layer]):
                g = self.gangs[i % len(self.gangs)]
                kind = wchoice(r, pairs)
                ai, act_from, span = new_mule(layer, kind, g)
                a = self.accts[ai]
                act_from = max(act_from, a.opened + HOUR)
                self.mm[ai] = dict(layer=layer, gang=g["g"], act_from=act_from, act_to=act_from + span,
                                   kind=a.arch.split("_")[0], uses=0)
                g[layer].append(ai)
                if a.arch.startswith(("fresh", "farmer")) and r.random() < 0.35:
                    t = act_from - r.uniform(0.05, 1.0) * DAY
                    t = max(t, a.opened + 600)
                    op = r.choice(self.ops_ext)
                    fen = r.choice([1, 10, 100, 1000])
                    self.pending_fraud_ev(t, op, ai, fen, "transfer", "mobile", g["op_region"], "",
                                          "mule_test")
                    self.pending_fraud_ev(t + r.randrange(60, 900), ai, op, fen, "transfer",
                                          "mobile", g["op_region"], "", "mule_test")
        # ---- paofen (running-score) accounts: own cards of young locals, life goes on
        self.paofen = []
        cands = [p for p in K["student"] + K["general"] + K["miner_local"] if self.age(p) <= 32]
        r.shuffle(cands)
        for p in cands:
            if len(self.paofen) >= v["paofen"]:
                break
            if p.idx in used_people:
                continue
            accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
            if not accs:
                continue
            used_people.add(p.idx)
            if r.random() < 0.75:
                ai = r.choice(accs)
                self.mark(ai, "paofen", "paofen_own_card")
            else:
                ai = self.add_acct(wchoice(r, LOCAL_BANK_W[:7]), p.idn, "II",
                                   r.uniform(-40, T - 10) * DAY, p.live, person=p.idx)
                p.accts.append(ai)
                self.mark(ai, "paofen", "paofen_new_card")
            a = self.accts[ai]
            act_from = max(r.uniform(-5, T - 4) * DAY, a.opened + DAY)
            self.mm[ai] = dict(layer="PF", gang=r.randrange(len(self.gangs)), act_from=act_from,
                               act_to=act_from + r.uniform(5, 25) * DAY, kind="paofen", uses=0)
            self.paofen.append(ai)
        # ---- U merchants / underground exchange (several cards each)
        self.ushang = []
        for i in range(v["ushang_people"]):
            local = i < 2
            if local:
                p = self.local_person("ushang", (28, 50), nacc=r.choice([2, 3, 4]), wallets=(0.9, 0.9),
                                      live=r.choice(["150602", "610881", "150203"]))
                accs = [a for a in p.accts if self.accts[a].bank not in PAYFIRMS]
                p.accts = []
                p.main = -1
            else:
                p = self.far_person("ushang", (25, 45), regions=CASHOUT["GD"] + CASHOUT["FJ"])
                accs = []
                for bk in r.sample([b for b, _ in FAR_BANK_W[:8]] + ["ICBC", "CCB"], r.randint(2, 4)):
                    accs.append(self.add_acct(bk, p.idn, "I", self.old_open_time(60, 1500), p.live,
                                              person=p.idx))
            for ai in accs:
                self.mark(ai, "ushang", "ushang_" + ("local" if local else "far"))
                self.accts[ai].bal0 = yuan(r.uniform(200000, 1500000), 1000)
                self.mm[ai] = dict(layer="US", gang=-1, act_from=self.accts[ai].opened + DAY,
                                   act_to=10 ** 9, kind="ushang", uses=0, owner=p.idx, peers=accs)
                self.ushang.append(ai)
        # ---- closures of lawful accounts and old closed accounts (done before lawful life)
        for p in self.persons:
            for ai in p.accts:
                a = self.accts[ai]
                if a.role != "lawful" or a.bank in PAYFIRMS or ai == p.main:
                    continue
                x = r.random()
                if x < 0.006:
                    a.closed = r.uniform(1, T - 1) * DAY
                elif x < 0.02:
                    a.closed = a.opened + r.uniform(30, max(40, -a.opened / DAY - 5)) * DAY
                    if a.closed >= 0:
                        a.closed = None

    def pending_fraud_ev(self, t, frm, to, fen, kind, chan, region, memo, tag):
        self.fraud_pre.append((int(t), frm, to, int(fen), kind, chan, region, memo, tag))

    # ================================================================ fraud cases and flows
    TYPO = [("brushing", 16), ("investment", 14), ("ecommerce_cs", 10), ("loan_card", 9),
            ("police_gov", 8), ("romance", 7), ("credit_record", 6), ("shopping_service", 6),
            ("leader_acquaintance", 6), ("game_trade", 4), ("fake_job", 3), ("accident_kidnap", 2),
            ("prize", 1.5), ("parcel", 1.5), ("subsidy_refund", 1.5), ("phone_bill", 1),
            ("military_purchase", 1.5), ("net_black", 1.5)]
    AMT = {"brushing": (1500, 1.0, 100, 60000), "investment": (50000, 1.0, 5000, 900000),
           "ecommerce_cs": (9000, 0.9, 500, 120000), "loan_card": (3000, 0.8, 300, 40000),
           "police_gov": (80000, 0.9, 5000, 900000), "romance": (40000, 1.0, 3000, 500000),
           "credit_record": (20000, 0.9, 2000, 150000), "shopping_service": (900, 1.0, 50, 20000),
           "leader_acquaintance": (40000, 0.8, 5000, 300000), "game_trade": (800, 1.0, 50, 15000),
           "fake_job": (600, 0.8, 100, 5000), "accident_kidnap": (20000, 0.7, 3000, 100000),
           "prize": (3000, 0.8, 300, 20000), "parcel": (50000, 0.9, 5000, 300000),
           "subsidy_refund": (6000, 0.8, 500, 40000), "phone_bill": (30000, 0.9, 2000, 200000),
           "military_purchase": (15000, 0.8, 2000, 80000), "net_black": (5000, 1.0, 300, 50000)}
    VICTIM_KINDS = {
        "police_gov": ["elderly", "demolition", "civil", "general"],
        "investment": ["boss", "demolition", "civil", "miner_local", "general", "lender"],
        "romance": ["miner_local", "driver", "general", "civil", "truck_owner"],
        "brushing": ["student", "general", "shop_qr", "general"],
        "ecommerce_cs": ["general", "student", "civil"],
        "loan_card": ["driver", "truck_owner", "miner_local", "general", "shop_qr"],
        "credit_record": ["student", "general"], "shopping_service": ["student", "general"],
        "game_trade": ["student"], "leader_acquaintance": ["civil", "general", "shop_tp"],
        "accident_kidnap": ["elderly", "herder"], "fake_job": ["student", "miner_migrant"],
        "military_purchase": ["shop_qr", "wholesaler", "shop_tp"]}
    PAOFEN_OK = ("brushing", "shopping_service", "game_trade", "fake_job", "loan_card", "net_black")

    def n_payments(self, typ):
        r = self.rng
        if self.v["pay_mult"] == "many":
            rng_ = {"brushing": (3, 9), "investment": (3, 10), "romance": (3, 8),
                    "loan_card": (3, 6), "police_gov": (2, 6), "credit_record": (2, 4)}
            lo, hi = rng_.get(typ, (1, 3))
        else:
            rng_ = {"brushing": (2, 5), "investment": (1, 3), "romance": (1, 3),
                    "police_gov": (1, 4), "loan_card": (2, 4), "credit_record": (1, 3)}
            lo, hi = rng_.get(typ, (1, 2))
        return r.randint(lo, hi)

    def gap(self, typ):
        r = self.rng
        many = self.v["pay_mult"] == "many"
        if typ in ("investment", "romance"):
            return r.uniform(12 * HOUR, 4 * DAY) if many else r.uniform(6 * HOUR, 5 * DAY)
        if typ == "brushing":
            return r.uniform(10 * MINUTE, 6 * HOUR) if many else r.uniform(4 * MINUTE, 40 * MINUTE)
        if typ == "loan_card":
            return r.uniform(HOUR, 2 * DAY) if many else r.uniform(20 * MINUTE, 8 * HOUR)
        if typ == "police_gov":
            return r.uniform(10 * MINUTE, DAY) if many else r.uniform(2 * MINUTE, 40 * MINUTE)
        return r.uniform(2 * MINUTE, 2 * HOUR) if not many else r.uniform(HOUR, 2 * DAY)

    def build_cases(self):
        r = self.rng
        T = self.ndays
        season = self.v["season"]
        tw = []
        for typ, w in self.TYPO:
            if season == "layue":
                w *= {"fake_job": 3, "shopping_service": 2, "ecommerce_cs": 1.5,
                      "leader_acquaintance": 1.5, "accident_kidnap": 1.5}.get(typ, 1)
            if self.variant == "V2":
                w *= {"investment": 1.5, "romance": 1.5, "brushing": 1.2}.get(typ, 1)
            tw.append((typ, w))
        self.cases = []
        gw = [(g["g"], g["weight"]) for g in self.gangs]
        for ci in range(self.v["cases"]):
            typ = wchoice(r, tw)
            local = r.random() < 0.4
            n = self.n_payments(typ)
            prof = {"police_gov": "work", "brushing": "evening", "romance": "evening",
                    "investment": "evening", "elderly": "elder"}.get(typ, "life")
            t = self.ts(r.randrange(0, T), prof)
            times, amts = [], []
            base = lognorm_amt(r, *self.AMT[typ])
            for k in range(n):
                if k > 0:
                    t += int(self.gap(typ))
                if t >= self.T1:
                    break
                if typ == "brushing":
                    a = base * (1.7 ** k) * r.uniform(0.8, 1.2)
                elif typ == "police_gov" and base > 50000:
                    a = min(base, r.choice([49999, 49990, 50000, 45000, base]))
                else:
                    a = base * r.uniform(0.5, 1.5)
                a = min(a, self.AMT[typ][3])
                times.append(t)
                amts.append(yuan(a, 1 if r.random() < 0.6 else 0.01))
            if not times:
                continue
            src = -1
            vp = None
            if local and typ in self.VICTIM_KINDS:
                pool = self.K[r.choice(self.VICTIM_KINDS[typ])]
                vp = r.choice(pool)
                src = self.sacct(vp, times[0])
                if src < 0 or any(not self.usable(src, tt) for tt in times):
                    src = -1
            if src < 0:
                vp = self.far_person("victim", (20, 75))
                src = self.add_acct(wchoice(r, FAR_BANK_W), vp.idn, "I",
                                    self.old_open_time(200, 5000), vp.live, person=vp.idx)
                self.accts[src].arch = "lawful_external_victim"
                local = False
            self.fund(src, sum(amts))
            chan = "mobile"
            if typ in ("police_gov", "accident_kidnap") and self.age(vp) > 60 and r.random() < 0.5:
                chan = "counter"
            elif typ in ("subsidy_refund", "parcel", "phone_bill") and r.random() < 0.5:
                chan = "atm"
            elif r.random() < 0.2:
                chan = "online"
            self.cases.append(dict(ci=len(self.cases), typ=typ, src=src, vp=vp.idx, local=local,
                                   times=times, amts=amts, chan=chan, gang=wchoice(r, gw),
                                   reported=r.random() < (0.5 if local else 0.38), pay_ev=[]))
            # victims who keep paying borrow from relatives (V2 mostly)
            if local and len(times) >= 3 and r.random() < 0.4 and vp.family:
                q = self.persons[r.choice(vp.family)]
                tt = times[len(times) // 2] - r.randrange(HOUR, 10 * HOUR)
                qa = self.sacct(q, tt)
                if qa >= 0 and qa != src:
                    fen = yuan(amts[len(times) // 2] / 100.0, 100)
                    self.fund(qa, fen)
                    self.lev(tt, qa, src, fen, region=vp.live, memo=r.choice(["借你的", "", "急用"]),
                             fix=True)

    def delay(self, ai):
        r = self.rng
        m = self.mm[ai]
        kind, layer = m["kind"], m["layer"]
        if layer == "PF":
            return r.uniform(2 * MINUTE, 40 * MINUTE)
        if layer == "US":
            return lognorm_amt(r, 50 * MINUTE, 0.9, 8 * MINUTE, 8 * HOUR)
        if layer == "OP":
            return r.uniform(HOUR, 8 * HOUR)
        old = kind in ("rented", "sold")
        if self.v["slow"] and (old or r.random() < 0.5):
            med = {"L1": 5 * HOUR, "L2": 9 * HOUR, "L3": 14 * HOUR}[layer]
            return lognorm_amt(r, med, 1.0, 15 * MINUTE, 4 * DAY)
        med = {"L1": 6 * MINUTE, "L2": 12 * MINUTE, "L3": 30 * MINUTE}[layer]
        if old:
            med *= 4
        return lognorm_amt(r, med, 0.9, 40, 12 * HOUR)

    def run_fraud(self):
        r = self.rng
        T1 = self.T1
        heap = []
        cnt = [0]
        fb = {}
        pend = {}
        contam = {}
        case_accts = {}
        sched = set()
        mode = {}
        wd = {}
        self.fraud_counts = {}
        for ai in self.ops_row:
            self.mm[ai] = dict(layer="OP", gang=-1, act_from=-10 ** 9, act_to=10 ** 9, kind="op",
                               uses=0)
        for ai in self.ushang:
            fb[ai] = self.accts[ai].bal0
        sellers = []
        for _ in range(80):
            p = self.far_person("usdt_seller", (20, 50))
            sellers.append(self.add_acct(wchoice(r, FAR_BANK_W), p.idn, "I",
                                         self.old_open_time(100, 3000), p.live, person=p.idx))
            self.accts[sellers[-1]].arch = "lawful_external_usdt_trader"
        gamblers = []
        for _ in range(150):
            p = self.far_person("gambler", (20, 55))
            gamblers.append(self.add_acct(wchoice(r, FAR_BANK_W), p.idn, "I",
                                          self.old_open_time(100, 3000), p.live, person=p.idx))
            self.accts[gamblers[-1]].arch = "lawful_external_gambler"

        def push(t, typ, data):
            if t < T1:
                cnt[0] += 1
                heapq.heappush(heap, (int(t), cnt[0], typ, data))

        def emit(t, frm, to, fen, tag, kind="transfer", chan=None, region="", memo=""):
            if t < 0 or t >= T1 or fen <= 0:
                return -1
            chan = chan or ("mobile" if r.random() < 0.7 else "online")
            self.ev(t, frm, to, fen, kind, chan, region, memo, tag, True)
            self.fraud_counts[tag] = self.fraud_counts.get(tag, 0) + 1
            return len(self.E_ts) - 1

        def frozen(ai, t):
            fa = self.accts[ai].frozen_at
            return fa is not None and fa <= t

        ready = {}

        def arrive(ai, t, fen, cases):
            fb[ai] = fb.get(ai, 0) + fen
            if t > ready.get(ai, -10 ** 9):
                ready[ai] = t
            if ai in self.mm:
                if self.mm[ai]["layer"] == "US":
                    pend[ai] = pend.get(ai, 0) + fen
                self.mm[ai]["uses"] += 1
                if cases:
                    s = contam.setdefault(ai, set())
                    for c in cases:
                        if c not in s:
                            s.add(c)
                            case_accts.setdefault(c, []).append(ai)
                if ai not in sched:
                    sched.add(ai)
                    push(t + self.delay(ai), "sweep", ai)

        def pick(pool, t, k):
            cands = [a for a in pool if self.mm[a]["act_from"] <= t < self.mm[a]["act_to"] and
                     not frozen(a, t)]
            if not cands:
                cands = [a for a in pool if self.accts[a].opened + HOUR <= t and not frozen(a, t)
                         and self.mm[a]["act_from"] <= t + 2 * DAY and
                         self.mm[a]["act_to"] > t - 3 * DAY]
            if not cands:
                return []
            out = []
            for _ in range(min(k, len(cands))):
                ws = [(a, 1.0 / (1 + self.mm[a]["uses"])) for a in cands if a not in out]
                out.append(wchoice(r, ws))
            return out

        def split(total, k):
            if k <= 1:
                return [total]
            ws = [r.uniform(0.5, 1.5) for _ in range(k)]
            s = sum(ws)
            parts = [int(total * w / s) // 100 * 100 for w in ws[:-1]]
            parts.append(total - sum(parts))
            return [p for p in parts if p > 0]

        def send(a, t, targets, total, tag, region):
            cases = contam.get(a, ())
            parts = split(total, len(targets))
            tt = t
            for b, part in zip(targets, parts):
                chunks = []
                while part > 4999900:
                    c = yuan(r.uniform(30000, 49999), 1)
                    chunks.append(c)
                    part -= c
                chunks.append(part)
                for c in chunks:
                    if c <= 0:
                        continue
                    if emit(tt, a, b, c, tag, region=region,
                            memo=r.choice(["", "", "", "货款", "还款", "往来"])) >= 0:
                        fb[a] -= c
                        arrive(b, tt, c, cases)
                    tt += r.randrange(15, 150)

        def cashout(a, t, gang, counter=False):
            bank = self.accts[a].bank
            op_max = {"ICBC": 250000, "CCB": 250000, "ABC": 250000, "BOC": 200000,
                      "PSBC": 200000}.get(bank, 300000)
            if counter:
                amt = fb[a] // 10000 * 10000
                if amt >= 10000:
                    emit(t, a, -1, amt, "withdraw_counter", kind="withdrawal", chan="counter",
                         region=self.accts[a].region)
                    fb[a] -= amt
                return
            region = r.choice(gang["cash"]) if gang else r.choice(CASHOUT["GD"])
            day = t // DAY
            tt = t
            while fb[a] >= 10000:
                done = wd.get((a, day), 0)
                room = 2000000 - done
                if room < 10000:
                    break
                c = min(op_max, fb[a] // 10000 * 10000, room)
                if emit(tt, a, -1, c, "atm_withdrawal", kind="withdrawal", chan="atm",
                        region=region) < 0:
                    return
                fb[a] -= c
                wd[(a, day)] = done + c
                tt += r.randrange(25, 160)
            if fb[a] >= 10000:
                mode[a] = "atm"
                nxt = (day + 1) * DAY + self.hour_secs(r.choice(["night", "any"]))
                sched.add(a)
                push(nxt, "sweep", a)

        def gang_of(a):
            g = self.mm[a]["gang"]
            return self.gangs[g] if g >= 0 else None

        # ---- schedule victim payments, gambling deposits, U-merchant client trades
        for c in self.cases:
            for k, t in enumerate(c["times"]):
                push(t, "pay", (c["ci"], k))
        for ai in self.paofen:
            m = self.mm[ai]
            for _ in range(poisson(r, 12)):
                t = r.uniform(max(m["act_from"], 0), min(m["act_to"], T1))
                if t < T1:
                    push(t, "inject", (r.choice(gamblers), ai,
                                       yuan(lognorm_amt(r, 800, 0.9, 50, 20000), 1),
                                       "paofen_gambling"))
        for ai in self.ushang:
            for _ in range(poisson(r, 14)):
                t = r.uniform(0, T1)
                if r.random() < 0.3:
                    p = r.choice(self.all_spenders)
                    src = self.sacct(p, t)
                    if src < 0:
                        continue
                    fen = yuan(lognorm_amt(r, 20000, 0.8, 2000, 200000), 100)
                    if self.accts[src].row:
                        self.fund(src, fen)
                else:
                    src = r.choice(sellers)
                    fen = yuan(lognorm_amt(r, 40000, 0.8, 3000, 400000), 100)
                push(t, "inject", (src, ai, fen, "ushang_client_buy"))
        for c in self.cases:
            if c["reported"]:
                last = c["times"][-1]
                med = 14 * HOUR if self.v["pay_mult"] != "many" else 40 * HOUR
                c["report_t"] = last + lognorm_amt(r, med, 1.0, 30 * MINUTE, 12 * DAY)
                push(c["report_t"], "report", c["ci"])
        label_p = {"L1": 0.4, "L2": 0.22, "L3": 0.15, "PF": 0.3, "US": 0.1, "OP": 0.15}
        ops_all = self.ops_ext + self.ops_row
        while heap:
            t, _, typ, data = heapq.heappop(heap)
            if typ == "pay":
                ci, k = data
                c = self.cases[ci]
                g = self.gangs[c["gang"]]
                tgt = []
                if c["typ"] in self.PAOFEN_OK and r.random() < 0.35:
                    tgt = pick(self.paofen, t, 1)
                if not tgt:
                    tgt = pick(g["L1"], t, 1)
                if not tgt:
                    for g2 in self.gangs:
                        tgt = pick(g2["L1"], t, 1)
                        if tgt:
                            break
                if not tgt:
                    continue
                fen = c["amts"][k]
                ei = emit(t, c["src"], tgt[0], fen, "victim_payment", chan=c["chan"],
                          region=self.accts[c["src"]].region,
                          memo=r.choice(["", "", "", "转账", "保证金", "货款"]))
                if ei >= 0:
                    c["pay_ev"].append(ei)
                    arrive(tgt[0], t, fen, (ci,))
            elif typ == "inject":
                src, ai, fen, tag = data
                if frozen(ai, t) or not self.usable(src, t) and self.accts[src].role == "lawful" \
                        and self.accts[src].row:
                    continue
                if emit(t, src, ai, fen, tag, region=self.accts[src].region) >= 0:
                    arrive(ai, t, fen, ())
            elif typ == "report":
                c = self.cases[data]
                rt = c["report_t"]
                for ai in case_accts.get(data, []):
                    a = self.accts[ai]
                    lay = self.mm[ai]["layer"]
                    if a.label or r.random() >= label_p.get(lay, 0.3):
                        continue
                    dl = r.uniform(0.5 * HOUR, 8 * HOUR) if lay in ("L1", "PF") else \
                        r.uniform(0.5 * DAY, 5 * DAY)
                    lt = rt + dl
                    if lt < T1:
                        a.label = 1
                        if r.random() < 0.75 and (a.frozen_at is None or a.frozen_at > lt):
                            a.frozen_at = lt
            elif typ == "sweep":
                a = data
                if ready.get(a, -10 ** 9) >= t:
                    push(ready[a] + r.randrange(30, 300), "sweep", a)
                    continue
                sched.discard(a)
                if frozen(a, t) or fb.get(a, 0) <= 0:
                    continue
                m = self.mm[a]
                lay = m["layer"]
                gang = gang_of(a)
                region = gang["op_region"] if gang else self.accts[a].region
                if mode.get(a) == "atm":
                    mode.pop(a)
                    cashout(a, t, gang)
                    continue
                if lay == "US":
                    x = min(fb[a], int(pend.get(a, 0) * r.uniform(0.7, 1.0)))
                    pend[a] = 0
                    n = r.randint(1, 4)
                    for part in split(x, n):
                        y = r.random()
                        if y < 0.55:
                            b = r.choice(sellers) if r.random() < 0.8 else \
                                self.sacct(r.choice(self.all_spenders), t)
                            if b < 0 or not self.usable(b, t):
                                continue
                            if emit(t, a, b, part, "ushang_client_sell", region=self.accts[a].region) >= 0:
                                fb[a] -= part
                        elif y < 0.85:
                            peers = [p for p in m["peers"] if p != a]
                            if not peers:
                                continue
                            b = r.choice(peers)
                            if emit(t, a, b, part, "ushang_internal", region=self.accts[a].region) >= 0:
                                fb[a] -= part
                                arrive(b, t, part, ())
                        else:
                            part = part // 10000 * 10000
                            if part >= 10000 and emit(t, a, -1, part, "ushang_cash", kind="withdrawal",
                                                      chan="counter", region=self.accts[a].region) >= 0:
                                fb[a] -= part
                        t += r.randrange(60, 1800)
                    continue
                keep = 0 if r.random() < 0.5 else min(fb[a], r.randrange(0, 10000))
                if lay == "PF":
                    keep = int(fb[a] * r.uniform(0.01, 0.03))
                total = fb[a] - keep
                if total <= 0:
                    continue
                if lay == "OP":
                    send(a, t, [r.choice(self.ops_ext)], total, "consolidate", region)
                    continue
                if lay == "PF":
                    y = r.random()
                    tg = pick(gang["L2"], t, 1) if y < 0.4 else []
                    if not tg:
                        tg = [r.choice(self.ops_row)] if r.random() < 0.3 and self.ops_row else \
                            [r.choice(self.ops_ext)]
                    send(a, t, tg, total, "paofen_forward", self.accts[a].region)
                    continue
                old = m["kind"] in ("rented", "sold")
                if lay == "L1":
                    k = wchoice(r, [(1, 50), (2, 35), (3, 15)])
                    tg = pick(gang["L2"], t, k)
                    if not tg:
                        for g2 in self.gangs:
                            tg = pick(g2["L2"], t, k)
                            if tg:
                                break
                    if not tg:
                        tg = [r.choice(self.ushang)] if r.random() < 0.5 else [r.choice(ops_all)]
                    tag = "layer_1_2" if self.accts[tg[0]].role == "mule" else "layer_exit"
                    send(a, t, tg, total, tag, region)
                    continue
                y = r.random()
                if lay == "L2":
                    acts = [("down", 45), ("atm", 30), ("us", 15), ("op", 10)]
                else:
                    acts = [("atm", 55), ("us", 25), ("op", 20)]
                if old and self.v["slow"]:
                    acts.append(("counter", 35))
                act = wchoice(r, acts)
                if act == "down":
                    tg = pick(gang["L3"], t, r.choice([1, 1, 2]))
                    if tg:
                        send(a, t, tg, total, "layer_2_3", region)
                        continue
                    act = "atm"
                if act == "atm":
                    cashout(a, t, gang)
                elif act == "counter":
                    cashout(a, t, gang, counter=True)
                elif act == "us":
                    send(a, t, [r.choice(self.ushang)], total, "to_ushang", region)
                else:
                    send(a, t, [r.choice(ops_all)], total, "to_operator", region)
        self.fb_final = fb
        # ---- pre-built fraud-side events (tests, card sales, rent fees, opening deposits)
        for (t, frm, to, fen, kind, chan, region, memo, tag) in self.fraud_pre:
            if t < 0 or t >= T1:
                continue
            ok = True
            for x in (frm, to):
                if x >= 0 and self.accts[x].role == "lawful" and not self.usable(x, t):
                    ok = False
                if x >= 0 and t < self.accts[x].opened + 60:
                    ok = False
            if ok:
                emit(t, frm, to, fen, tag, kind=kind, chan=chan, region=region, memo=memo)
        # ---- labels for card farmers; bank-side freezes
        for f in self.farmers:
            lab = any(self.accts[c].label for c in f["cards"]) or r.random() < 0.25
            f["labelled"] = lab and f["cards"] and min(self.accts[c].opened for c in f["cards"]) < T1
        last_out = {}
        for i in range(len(self.E_ts)):
            f = self.E_from[i]
            if f >= 0 and self.E_ts[i] > last_out.get(f, -10 ** 9):
                last_out[f] = self.E_ts[i]
        for ai in sorted(self.mm):
            m = self.mm[ai]
            a = self.accts[ai]
            if m["uses"] and not a.label and a.frozen_at is None and r.random() < 0.08:
                ft = max(m["act_to"] + r.uniform(0, 5) * DAY, last_out.get(ai, 0) + 600)
                if ft < T1 and ft > m["act_from"]:
                    a.frozen_at = ft

    # ================================================================ balances, visibility, output
    def finalize(self):
        r = self.rng
        n = len(self.E_ts)
        E_ts, E_from, E_to, E_amt, E_fix = self.E_ts, self.E_from, self.E_to, self.E_amt, self.E_fix
        order = sorted(range(n), key=lambda i: (E_ts[i], i))
        accts = self.accts
        need = {}
        for i in range(n):
            if E_fix[i] and E_from[i] >= 0:
                need[E_from[i]] = need.get(E_from[i], 0) + E_amt[i]
        bal = [a.bal0 for a in accts]
        res = {}
        for ai, f in self.reserve.items():
            res[ai] = min(f, need.get(ai, 0))
        keep = [False] * n
        vis = [False] * n
        first_bal = {}
        ext = self.extract
        self.overdraw = 0
        self.trimmed = 0
        self.dropped = 0
        for i in order:
            f, to, amt, t = E_from[i], E_to[i], E_amt[i], E_ts[i]
            fa = accts[f] if f >= 0 else None
            ta = accts[to] if to >= 0 else None
            if fa is not None and fa.row and not fa.unlim:
                if E_fix[i]:
                    if bal[f] < amt:
                        self.overdraw += 1
                        if os.environ.get("W34DEBUG"):
                            print("overdraw", self.E_tag[i], self.E_memo[i], fa.role, fa.arch,
                                  bal[f], amt, t)
                    need[f] = need.get(f, 0) - amt
                    res[f] = max(0, min(res.get(f, 0) - amt, need[f]))
                else:
                    avail = bal[f] - res.get(f, 0)
                    if avail < amt:
                        if avail < 5000 or avail < amt * 0.3:
                            self.dropped += 1
                            continue
                        step = 10000 if self.E_kind[i] == "withdrawal" else 100
                        new = int(avail * r.uniform(0.5, 0.95)) // step * step
                        if new <= 0:
                            self.dropped += 1
                            continue
                        E_amt[i] = amt = new
                        self.trimmed += 1
            v = (fa is not None and fa.row and t >= ext[fa.bank]) or \
                (ta is not None and ta.row and t >= ext[ta.bank])
            keep[i] = True
            vis[i] = v
            if v:
                if fa is not None and fa.row and f not in first_bal:
                    first_bal[f] = bal[f]
                if ta is not None and ta.row and to not in first_bal:
                    first_bal[to] = bal[to]
            if fa is not None:
                bal[f] -= amt
            if ta is not None:
                bal[to] += amt
                if E_fix[i] and ta.row and need.get(to, 0) > res.get(to, 0):
                    res[to] = min(res.get(to, 0) + amt, need[to])
        self.vis_order = [i for i in order if vis[i]]
        self.final_bal = bal
        # opening balances
        self.open_bal = {}
        for a in accts:
            if not a.row:
                continue
            if a.opened < ext[a.bank]:
                self.open_bal[a.idx] = first_bal.get(a.idx, bal[a.idx])
            else:
                self.open_bal[a.idx] = a.bal0
        # statuses
        last_out = {}
        for i in self.vis_order:
            f = E_from[i]
            if f >= 0:
                last_out[f] = E_ts[i]
        for a in accts:
            if a.closed is not None and a.closed < self.T1:
                a.status = "closed"
            elif a.frozen_at is not None and a.frozen_at < self.T1:
                if a.label and r.random() < 0.2:
                    a.status = "active"       # freeze request not (yet) executed at this bank
                else:
                    a.status = "frozen"
        lawful_rows = [a for a in accts if a.row and a.role == "lawful" and a.cls != "corp" and
                       a.status == "active"]
        for a in r.sample(lawful_rows, max(1, len(lawful_rows) // 400)):
            a.status = "frozen"          # judicial freezes in civil disputes (debts, guarantees)
            a.arch = (a.arch + "+" if a.arch else "") + "judicial_freeze"
        # transaction ids
        self.txn_id = {}
        used = set()
        for i in self.vis_order:
            f, to = E_from[i], E_to[i]
            if f >= 0 and accts[f].row and E_ts[i] >= ext[accts[f].bank]:
                b = accts[f].bank
            else:
                b = accts[to].bank
            while True:
                tid = "%s%s%010d" % (b, self.date_of(E_ts[i] // DAY).strftime("%Y%m%d"),
                                     r.randrange(10 ** 10))
                if tid not in used:
                    used.add(tid)
                    break
            self.txn_id[i] = tid

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        accts = self.accts
        rows = [a for a in accts if a.row]
        self.rng.shuffle(rows)
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region",
                        "account_class", "opening_balance", "status"])
            for a in rows:
                w.writerow([a.id, a.bank, a.holder, self.fmt_ts(int(a.opened)), a.region, a.cls,
                            fen_str(self.open_bal[a.idx]), a.status])
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency",
                        "channel", "region", "kind", "memo", "cross_border"])
            for i in self.vis_order:
                f, to = self.E_from[i], self.E_to[i]
                reg = self.E_reg[i] or (accts[f].region if f >= 0 else accts[to].region)
                w.writerow([self.txn_id[i], self.fmt_ts(self.E_ts[i]),
                            accts[f].id if f >= 0 else "", accts[to].id if to >= 0 else "",
                            fen_str(self.E_amt[i]), "CNY", self.E_chan[i], reg, self.E_kind[i],
                            self.E_memo[i], "true" if self.E_cb[i] else "false"])
        # labels: what the anti-fraud centre knows at the end of the window
        lab = []
        for c in self.cases:
            if c["reported"] and c.get("report_t", 10 ** 12) < self.T1:
                for ei in c["pay_ev"]:
                    if ei in self.txn_id:
                        lab.append(("transfer", self.txn_id[ei], "fraud"))
        seen = set()
        for i in self.vis_order:
            seen.add(self.E_from[i])
            seen.add(self.E_to[i])
        for a in accts:
            if a.label and not a.row and a.idx not in seen:
                a.label = 0           # traced by the police elsewhere; nothing in this data
            if a.label:
                lab.append(("account", a.id, "mule"))
        for f in self.farmers:
            if f["labelled"]:
                lab.append(("holder", f["p"].idn, "card_farmer"))
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for x in lab:
                w.writerow(x)
        self.n_labels = lab
        if not truth:
            return
        flab = set(f["p"].idn for f in self.farmers if f["labelled"])
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype",
                        "card_farmer", "opened_at", "labelled", "farmer_labelled", "extract_start"])
            for a in accts:
                arch = a.arch or ("lawful_" + (self.persons[a.person].kind if a.person >= 0
                                               else "corp"))
                if a.role == "lawful" and a.bank in PAYFIRMS and a.cls != "corp":
                    arch = "lawful_wallet"
                w.writerow(["account", a.id, a.bank, a.holder, 1 if a.row else 0, a.role, arch,
                            a.farmer, self.fmt_ts(int(a.opened)), a.label,
                            1 if (a.farmer and a.holder in flab) else 0,
                            self.fmt_ts(self.extract[a.bank]) if a.row else ""])
        with open(os.path.join(out, "truth_transfers.csv"), "w", newline="",
                  encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "kind"])
            for i in self.vis_order:
                if self.E_tag[i]:
                    w.writerow([self.txn_id[i], self.E_tag[i]])

    def summary(self):
        accts = self.accts
        rows = [a for a in accts if a.row]
        roles = {}
        for a in accts:
            key = (a.role, a.row)
            roles[key] = roles.get(key, 0) + 1
        tags = {}
        for i in self.vis_order:
            tg = self.E_tag[i] or "lawful"
            tags[tg] = tags.get(tg, 0) + 1
        mule_like = [a for a in accts if a.role in ("mule", "paofen", "ushang")]
        print("variant=%s seed=%d window=%s..%s" % (self.variant, self.seed, self.base.isoformat(),
                                                    self.date_of(self.ndays).isoformat()))
        print("accounts with rows: %d (world accounts %d, external %d)" %
              (len(rows), len(accts), len(accts) - len(rows)))
        print("transfers: %d (generated %d, trimmed %d, dropped for balance %d, censored %d)" %
              (len(self.vis_order), len(self.E_ts), self.trimmed, self.dropped,
               len(self.E_ts) - len(self.vis_order) - self.dropped))
        print("roles (role,row): " + ", ".join("%s/%s=%d" % (k[0], "row" if k[1] else "ext", v)
                                                for k, v in sorted(roles.items())))
        print("mule-type accounts (mule+paofen+ushang): %d (with rows %d); card farmers %d "
              "(cards %d)" % (len(mule_like), sum(1 for a in mule_like if a.row),
                              len(self.farmers), sum(len(f["cards"]) for f in self.farmers)))
        print("cases %d (reported in window %d), fraud-related transfers by kind: %s" % (
            len(self.cases), sum(1 for c in self.cases if c["reported"] and
                                 c.get("report_t", 1e18) < self.T1),
            ", ".join("%s=%d" % kv for kv in sorted(tags.items()) if kv[0] != "lawful")))
        lab = {}
        for k, _, l in self.n_labels:
            lab[(k, l)] = lab.get((k, l), 0) + 1
        print("labels: " + ", ".join("%s:%s=%d" % (k[0], k[1], v) for k, v in sorted(lab.items())))
        st = {}
        for a in rows:
            st[a.status] = st.get(a.status, 0) + 1
        print("row status: " + ", ".join("%s=%d" % kv for kv in sorted(st.items())))
        print("extract starts: " + ", ".join("%s=%s" % (b, self.fmt_ts(self.extract[b]))
                                             for b in SUPPLYING))
        print("ingest: fanzha ingest --format fanzha " + " ".join(
            "--history-from %s=%s" % (b, self.fmt_ts(self.extract[b])) for b in SUPPLYING))
        if self.overdraw:
            print("note: %d fixed transfers found short balance" % self.overdraw)


# ----------------------------------------------------------------------------------------------
# Read-back check
# ----------------------------------------------------------------------------------------------

TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
AMT_RE = re.compile(r"^\d+(\.\d{1,2})?$")
REG_RE = re.compile(r"^\d{6}$")
ROLES = {"lawful", "mule", "paofen", "ushang", "operator", "farmer_card"}


def parse_ts(s):
    if not TS_RE.match(s):
        raise ValueError(s)
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def check(out, truth):
    probs = []

    def bad(msg):
        if len(probs) < 200:
            probs.append(msg)

    def rd(name):
        with open(os.path.join(out, name), newline="", encoding="utf-8") as fh:
            return list(csv.reader(fh))

    acc = rd("accounts.csv")
    if acc[0] != ["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                  "opening_balance", "status"]:
        bad("accounts.csv: header %r" % acc[0])
    ids = {}
    holders = set()
    for ln, row in enumerate(acc[1:], 2):
        if len(row) != 8:
            bad("accounts.csv:%d: %d fields" % (ln, len(row)))
            continue
        aid, bank, hid, op, reg, cls, ob, st = row
        if not aid or len(aid) > 64 or aid in ids:
            bad("accounts.csv:%d: bad or repeated account_id %r" % (ln, aid))
        if bank not in SUPPLYING:
            bad("accounts.csv:%d: bank %r does not supply data" % (ln, bank))
        if not (id_ok(hid) or uscc_ok(hid)):
            bad("accounts.csv:%d: holder_id %r fails its check character" % (ln, hid))
        holders.add(hid)
        try:
            opt = parse_ts(op)
        except ValueError:
            bad("accounts.csv:%d: opened_at %r" % (ln, op))
            opt = None
        if not REG_RE.match(reg):
            bad("accounts.csv:%d: region %r" % (ln, reg))
        if cls not in ("I", "II", "III", "corp"):
            bad("accounts.csv:%d: class %r" % (ln, cls))
        if cls != "corp" and not luhn_ok(aid):
            bad("accounts.csv:%d: card %r fails Luhn" % (ln, aid))
        if not AMT_RE.match(ob):
            bad("accounts.csv:%d: opening_balance %r" % (ln, ob))
        if st not in ("active", "frozen", "closed"):
            bad("accounts.csv:%d: status %r" % (ln, st))
        ids[aid] = (opt, bank)
    tr = rd("transfers.csv")
    hdr = ["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
           "kind", "memo", "cross_border"]
    if tr[0] != hdr:
        bad("transfers.csv: header %r" % tr[0])
    tids = set()
    ext_seen = set()
    n_tr = 0
    last = None
    for ln, row in enumerate(tr[1:], 2):
        n_tr += 1
        if len(row) != 11:
            bad("transfers.csv:%d: %d fields" % (ln, len(row)))
            continue
        tid, ts, fa, ta, amt, cur, ch, reg, kind, memo, cb = row
        if not tid or len(tid) > 64 or tid in tids:
            bad("transfers.csv:%d: bad or repeated txn_id %r" % (ln, tid))
        tids.add(tid)
        try:
            t = parse_ts(ts)
        except ValueError:
            bad("transfers.csv:%d: ts %r" % (ln, ts))
            continue
        if last is not None and t < last:
            bad("transfers.csv:%d: not in time order" % ln)
        last = t
        if not AMT_RE.match(amt) or float(amt) <= 0 or float(amt) > 1e12:
            bad("transfers.csv:%d: amount %r" % (ln, amt))
        if cur != "CNY":
            bad("transfers.csv:%d: currency %r" % (ln, cur))
        if ch not in ("counter", "online", "mobile", "atm", "pos", "other"):
            bad("transfers.csv:%d: channel %r" % (ln, ch))
        if not REG_RE.match(reg):
            bad("transfers.csv:%d: region %r" % (ln, reg))
        if cb not in ("true", "false"):
            bad("transfers.csv:%d: cross_border %r" % (ln, cb))
        if len(memo) > 512:
            bad("transfers.csv:%d: memo too long" % ln)
        if kind == "transfer":
            okp = bool(fa) and bool(ta)
        elif kind == "withdrawal":
            okp = bool(fa) and not ta
        elif kind == "deposit":
            okp = bool(ta) and not fa
        else:
            okp = False
            bad("transfers.csv:%d: kind %r" % (ln, kind))
        if not okp:
            bad("transfers.csv:%d: parties do not fit kind %s" % (ln, kind))
        has_row = False
        for x in (fa, ta):
            if not x:
                continue
            if len(x) > 64:
                bad("transfers.csv:%d: account id too long" % ln)
            if x in ids:
                has_row = True
                if ids[x][0] is not None and t < ids[x][0]:
                    bad("transfers.csv:%d: %s used before it was opened" % (ln, x))
            else:
                ext_seen.add(x)
        if not has_row:
            bad("transfers.csv:%d: no party has an account row" % ln)
    lb = rd("labels.csv")
    if lb[0] != ["kind", "id", "label"]:
        bad("labels.csv: header %r" % lb[0])
    seen_l = set()
    n_lab = 0
    for ln, row in enumerate(lb[1:], 2):
        n_lab += 1
        if len(row) != 3:
            bad("labels.csv:%d: %d fields" % (ln, len(row)))
            continue
        k, i, l = row
        if (k, i) in seen_l:
            bad("labels.csv:%d: repeated" % ln)
        seen_l.add((k, i))
        if k == "transfer" and i not in tids:
            bad("labels.csv:%d: unknown transfer %s" % (ln, i))
        elif k == "account" and i not in ids and i not in ext_seen:
            bad("labels.csv:%d: unknown account %s" % (ln, i))
        elif k == "holder" and not id_ok(i):
            bad("labels.csv:%d: bad holder id %s" % (ln, i))
        elif k not in ("transfer", "account", "holder"):
            bad("labels.csv:%d: kind %r" % (ln, k))
    if truth:
        tt = rd("truth.csv")
        if tt[0] != ["record", "id", "bank", "holder", "has_row", "role", "archetype",
                     "card_farmer", "opened_at", "labelled", "farmer_labelled", "extract_start"]:
            bad("truth.csv: header %r" % tt[0])
        tids_truth = set()
        rowed = 0
        for ln, row in enumerate(tt[1:], 2):
            if len(row) != 12:
                bad("truth.csv:%d: %d fields" % (ln, len(row)))
                continue
            if row[1] in tids_truth:
                bad("truth.csv:%d: repeated id" % ln)
            tids_truth.add(row[1])
            if row[5] not in ROLES:
                bad("truth.csv:%d: role %r" % (ln, row[5]))
            if row[4] == "1":
                rowed += 1
                if row[1] not in ids:
                    bad("truth.csv:%d: has_row 1 but no account row" % ln)
                if not row[11]:
                    bad("truth.csv:%d: no extract_start" % ln)
            elif row[1] in ids:
                bad("truth.csv:%d: has_row 0 but a row exists" % ln)
        if rowed != len(ids):
            bad("truth.csv: %d rows with has_row=1, accounts.csv has %d" % (rowed, len(ids)))
        for x in ext_seen:
            if x not in tids_truth:
                bad("truth.csv: external account %s missing" % x)
                break
        ttr = rd("truth_transfers.csv")
        if ttr[0] != ["txn_id", "kind"]:
            bad("truth_transfers.csv: header %r" % ttr[0])
        seen = set()
        kinds = set()
        for ln, row in enumerate(ttr[1:], 2):
            if len(row) != 2 or row[0] not in tids or row[0] in seen:
                bad("truth_transfers.csv:%d: bad row %r" % (ln, row))
            seen.add(row[0] if row else "")
            kinds.add(row[1] if len(row) > 1 else "")
        if "victim_payment" not in kinds:
            bad("truth_transfers.csv: no victim_payment rows")
    print("check: accounts %d, transfers %d, external accounts seen %d, labels %d: %s" %
          (len(ids), n_tr, len(ext_seen), n_lab, "ok" if not probs else "%d problems" % len(probs)))
    return probs


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------


def main(argv=None):
    ap = argparse.ArgumentParser(description="Ordos coal-belt synthetic banking world (fanzha)")
    ap.add_argument("--variant", required=True, choices=sorted(VARIANTS))
    ap.add_argument("--seed", required=True, type=int)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build_corps()
    w.build_people()
    w.build_fraud_accounts()
    w.gen_lawful()
    w.build_cases()
    w.run_fraud()
    w.finalize()
    w.write(args.out, args.truth)
    w.summary()
    probs = check(args.out, args.truth)
    print("elapsed %.1f s" % (time.time() - t0))
    if probs:
        for p in probs:
            print("problem: " + p, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
