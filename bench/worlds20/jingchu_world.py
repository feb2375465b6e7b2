#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""Jingchu world (荆楚 + 渝东): an independent synthetic evaluation world for fanzha.

Hubei (Wuhan, Yichang, Xiangyang, Jingzhou, Shiyan, Enshi) and Chongqing's Wanzhou, Fuling and
Yubei districts, 2024-08-19 .. 2025-02-18 (184 days, covering the autumn term start, National Day
and the 2025 Spring Festival on 2025-01-29).  Standard library only.

    python3 jingchu_world.py --variant baseline|yinbi|miji --seed 1 --out DIR [--truth] [--stats]

See README.md next to this file for the world, the files and what the labels leave out.
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
from datetime import date, datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
T0 = datetime(2024, 8, 19, tzinfo=TZ)
DAYS = 184
DAY = 86400
HOUR = 3600
END = DAYS * DAY
VARIANTS = ("baseline", "yinbi", "miji")


def dayof(y, m, d):
    return (datetime(y, m, d, tzinfo=TZ) - T0).days


SPRING = dayof(2025, 1, 29)      # 春节 (day 163)
NATDAY = dayof(2024, 10, 1)      # 国庆 (day 43)
TERM = dayof(2024, 9, 2)         # 开学

# ---------------------------------------------------------------- institutions
# code, name, type, extract start (day offset, None = does not supply data), card BIN-like prefixes
INST = [
    ("ICBC", "中国工商银行", "state_bank", 0, ["622202", "621226"]),
    ("CCB", "中国建设银行", "state_bank", 40, ["621700", "622700"]),
    ("ABC", "中国农业银行", "state_bank", None, ["622848", "623052"]),
    ("BOC", "中国银行", "state_bank", None, ["621661", "621785"]),
    ("PSBC", "中国邮政储蓄银行", "state_bank", None, ["621799", "622188"]),
    ("BOCOM", "交通银行", "state_bank", None, ["622262", "622260"]),
    ("CMB", "招商银行", "joint_stock_bank", None, ["621483", "622588"]),
    ("HKB", "汉口银行", "city_commercial_bank", 9, ["623078", "622139"]),
    ("HBB", "湖北银行", "city_commercial_bank", None, ["621270", "623160"]),
    ("CQCB", "重庆银行", "city_commercial_bank", None, ["622368", "621352"]),
    ("CQRCB", "重庆农村商业银行", "rural_commercial_bank", 24, ["621258", "623190"]),
    ("HBNX", "湖北省农村信用社联合社", "rural_credit_union", 17, ["621018", "623581"]),
    ("TENPAY", "财付通", "payment_firm", 31, None),
    ("ALIPAY", "支付宝", "payment_firm", None, None),
]
BANKS = {c: (n, ty, s, b) for c, n, ty, s, b in INST}
SUP = {c: s * DAY for c, n, ty, s, b in INST if s is not None}
CARD_BANKS = [c for c, n, ty, s, b in INST if b]
NATIONAL = ["ICBC", "CCB", "ABC", "BOC", "PSBC", "BOCOM", "CMB"]

W_HUBEI = {"ICBC": 20, "CCB": 16, "ABC": 13, "BOC": 8, "PSBC": 9, "BOCOM": 4, "CMB": 6,
           "HKB": 8, "HBB": 6, "HBNX": 10}
W_HUBEI_RURAL = {"ICBC": 10, "CCB": 9, "ABC": 15, "BOC": 4, "PSBC": 15, "BOCOM": 1, "CMB": 1,
                 "HKB": 1, "HBB": 6, "HBNX": 38}
W_CQ = {"ICBC": 15, "CCB": 14, "ABC": 12, "BOC": 7, "PSBC": 9, "BOCOM": 3, "CMB": 5,
        "CQCB": 12, "CQRCB": 23}
W_OUT = {"ICBC": 20, "CCB": 18, "ABC": 17, "BOC": 12, "PSBC": 12, "BOCOM": 9, "CMB": 12}

# ---------------------------------------------------------------- regions (GB/T 2260)
CITY = {
    "wuhan": ["420102", "420103", "420104", "420105", "420106", "420111", "420112", "420114",
              "420115", "420116"],
    "yichang": ["420502", "420503", "420506", "420527"],
    "xiangyang": ["420602", "420606", "420607"],
    "jingzhou": ["421002", "421003", "421087"],
    "shiyan": ["420302", "420303"],
    "enshi": ["422801", "422802", "422822", "422825", "422828"],
    "wanzhou": ["500101"],
    "fuling": ["500102"],
    "yubei": ["500112"],
}
CITY_W = {"wuhan": 45, "yichang": 10, "xiangyang": 9, "jingzhou": 8, "shiyan": 6, "enshi": 7,
          "wanzhou": 6, "fuling": 4, "yubei": 5}
RURAL = {"420527", "422802", "422822", "422825", "422828", "421087", "420116", "420506"}
REG_CITY = {r: c for c, rs in CITY.items() for r in rs}
OTHER_HUBEI = ["420902", "421102", "420202", "420704", "421202", "420802"]   # 孝感 黄冈 黄石 鄂州 咸宁 荆门
OUT_HOME = ["410105", "411302", "430102", "430602", "340104", "360102", "510104", "520102",
            "370102", "130102", "610113", "320106", "330106", "310115", "110105", "440106",
            "350102", "140105", "500103", "450103", "530102", "620102"]
MIGRANT_WORK = ["440304", "441900", "440106", "330106", "310115", "320506", "330782"]
HOT = ["533102", "532801", "450681", "451481", "350524", "431322", "440904", "460400",
       "361127", "445281"]
FAR_CASH = ["440304", "440303", "440106", "440111", "441900", "445281", "533102", "450681",
            "460106"]
TOUR_DEST = ["530102", "460202", "530702", "440304", "510104"]
TOURIST_SPOTS = ["420527", "420502", "420506", "500101", "422801", "422802", "500102"]


def is_cq(r):
    return r.startswith("50")


def in_region(r):
    return r in REG_CITY


# ---------------------------------------------------------------- identity numbers
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(s17):
    return ID_C[sum(int(a) * w for a, w in zip(s17, ID_W)) % 11]


UCH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17):
    return UCH[(31 - sum(UCH.index(c) * w for c, w in zip(s17, UW)) % 31) % 31]


def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


def fmt_amt(f):
    return "%d.%02d" % (f // 100, f % 100)


def fmt_ts(t):
    return (T0 + timedelta(seconds=int(t))).isoformat()


# ---------------------------------------------------------------- model objects
class Person:
    __slots__ = ("idn", "hukou", "live", "arch", "accts", "main", "wallets", "farmer", "corp",
                 "outsider", "tags", "contacts", "birth", "univ")

    def __init__(self, idn, hukou, live, arch, corp=False, outsider=False, birth=None):
        self.idn, self.hukou, self.live, self.arch = idn, hukou, live, arch
        self.accts, self.wallets, self.main = [], [], None
        self.farmer, self.corp, self.outsider = False, corp, outsider
        self.tags, self.contacts, self.birth, self.univ = [], [], birth, None


class Acct:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "role", "arch", "b0", "card",
                 "layer", "cash_region", "off")

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch, b0, card):
        self.id, self.bank, self.holder, self.opened = aid, bank, holder, opened
        self.region, self.cls, self.role, self.arch, self.b0, self.card = region, cls, role, arch, b0, card
        self.layer, self.cash_region, self.off = 0, None, None


class Case:
    __slots__ = ("cid", "typ", "gang", "victim", "maxd", "reported", "tri", "loss", "inside")

    def __init__(self, cid, typ, gang, victim, inside):
        self.cid, self.typ, self.gang, self.victim, self.inside = cid, typ, gang, victim, inside
        self.maxd, self.reported, self.tri, self.loss = 1, False, False, 0


class Gang:
    __slots__ = ("gid", "typs", "ops", "pools", "exits", "active", "home", "ushang", "sweeping")

    def __init__(self, gid):
        self.gid, self.pools, self.sweeping = gid, {1: [], 2: [], 3: []}, set()


TYPO = {
    # n payments, amount range (yuan) of the first, growth per payment, gap unit seconds, gap range
    "brushing": ((2, 6), (50, 400), (1.8, 3.2), HOUR, (0.2, 18)),
    "ecommerce_cs": ((1, 3), (2000, 30000), (0.6, 1.4), 60, (4, 50)),
    "investment": ((2, 8), (5000, 40000), (1.2, 2.2), DAY, (1, 10)),
    "loan_card": ((1, 4), (500, 6000), (0.8, 1.8), HOUR, (0.5, 20)),
    "credit_record": ((1, 4), (3000, 40000), (0.6, 1.3), 60, (8, 90)),
    "shopping_service": ((1, 2), (200, 3000), (0.8, 1.6), HOUR, (0.3, 30)),
    "police_gov": ((1, 4), (20000, 250000), (0.5, 1.3), HOUR, (0.5, 30)),
    "leader_acquaintance": ((1, 2), (5000, 50000), (0.6, 1.5), 60, (10, 120)),
    "game_trade": ((1, 3), (100, 3000), (0.8, 1.8), HOUR, (0.2, 10)),
    "romance": ((2, 7), (2000, 20000), (1.3, 2.0), DAY, (2, 12)),
    "military_purchase": ((1, 2), (10000, 80000), (0.8, 1.5), HOUR, (1, 30)),
    "net_black": ((1, 3), (1000, 20000), (0.7, 1.5), HOUR, (0.5, 48)),
    "prize": ((1, 3), (500, 5000), (1.0, 2.0), HOUR, (0.3, 12)),
    "parcel": ((1, 3), (10000, 150000), (0.5, 1.3), HOUR, (0.5, 24)),
    "subsidy_refund": ((1, 2), (2000, 9900), (0.7, 1.2), 60, (10, 60)),
    "accident_kidnap": ((1, 2), (5000, 50000), (0.5, 1.2), 60, (10, 90)),
    "phone_bill": ((1, 3), (10000, 100000), (0.5, 1.2), HOUR, (0.5, 20)),
    "fake_job": ((1, 3), (200, 2000), (0.8, 1.8), HOUR, (1, 48)),
}
PAOFEN_TYP = {"brushing", "game_trade", "shopping_service", "fake_job", "prize", "loan_card"}
MEMO_P2P = ["", "", "", "还款", "生活费", "饭钱", "AA", "借款", "转账"]


class Rng(random.Random):
    def ch(self, seq):
        return self.choice(seq)


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.r = Rng(seed * 7919 + VARIANTS.index(variant) * 104729 + 17)
        self.hard = variant == "yinbi"
        self.dense = variant == "miji"
        self.persons, self.accts, self.acct_by_id = [], [], {}
        self.ids, self.aids = set(), set()
        self.q, self.seq = [], 0
        self.corp = {}               # key -> Acct
        self.merch = {}              # (city, cat) -> [Acct]
        self.cases, self.gangs = [], []
        self.farmers, self.ushang_accts = [], []
        self.dropped = 0
        self.case_of_txn = {}        # seq -> (case ids tuple, depth)
        self.tri_merchants = set()

    # ------------------------------------------------------------ helpers
    def U(self, a, b):
        return self.r.uniform(a, b)

    def ch(self, seq):
        return self.r.choice(seq)

    def wch(self, d):
        keys = list(d.keys())
        return self.r.choices(keys, weights=[d[k] for k in keys])[0]

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(self.r.gauss(lam, math.sqrt(lam)) + 0.5))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p < L:
                return k
            k += 1

    def yuan(self, lo, hi, roundto=0):
        v = self.U(lo, hi)
        if roundto:
            return max(roundto, int(v / roundto + 0.5) * roundto) * 100
        return max(1, int(v * 100))

    def logn(self, med, sigma, lo=1, hi=10 ** 7, roundto=0):
        v = min(hi, max(lo, med * math.exp(self.r.gauss(0, sigma))))
        if roundto:
            return max(roundto, int(v / roundto + 0.5) * roundto) * 100
        return int(v * 100)

    def tday(self, d, h0=8.0, h1=22.0):
        return int(d * DAY + self.U(h0, h1) * HOUR)

    def tnight(self, d):
        h = self.U(22, 29)
        return int(d * DAY + h * HOUR)

    def city_of(self, region):
        return REG_CITY.get(region)

    def district(self, city):
        return self.ch(CITY[city])

    def bank_for(self, region):
        if is_cq(region) and in_region(region):
            return self.wch(W_CQ)
        if region.startswith("42"):
            return self.wch(W_HUBEI_RURAL if region in RURAL else W_HUBEI)
        return self.wch(W_OUT)

    # ------------------------------------------------------------ identities & accounts
    def new_idn(self, region, age_lo, age_hi):
        while True:
            age = self.U(age_lo, age_hi)
            b = date(2024, 8, 19) - timedelta(days=int(age * 365.25))
            s = "%s%s%03d" % (region, b.strftime("%Y%m%d"), self.r.randrange(1, 1000))
            idn = s + id_check(s)
            if idn not in self.ids:
                self.ids.add(idn)
                return idn, b

    def new_uscc(self, region):
        while True:
            org = "".join(self.ch("0123456789") for _ in range(8))
            c = 11 - sum(int(a) * w for a, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
            oc = "X" if c == 10 else ("0" if c == 11 else str(c))
            body = "91" + region + org + oc
            u = body + uscc_check(body)
            if u not in self.ids:
                self.ids.add(u)
                return u

    def person(self, arch, hukou, live, age=(22, 55), outsider=False):
        idn, b = self.new_idn(hukou, *age)
        p = Person(idn, hukou, live, arch, outsider=outsider, birth=b)
        self.persons.append(p)
        return p

    def company(self, arch, region):
        p = Person(self.new_uscc(region), region, region, arch, corp=True)
        self.persons.append(p)
        return p

    def new_aid(self, bank, kind):
        while True:
            if kind == "card":
                payload = self.ch(BANKS[bank][3]) + "".join(self.ch("0123456789") for _ in range(12))
                aid = payload + luhn_digit(payload)
            elif kind == "wallet":
                if bank == "ALIPAY":
                    aid = "2088" + "".join(self.ch("0123456789") for _ in range(12))
                else:
                    aid = "TP" + "".join(self.ch("0123456789") for _ in range(16))
            else:
                pre = {"TENPAY": "TPM", "ALIPAY": "2088M"}[bank] if bank in ("TENPAY", "ALIPAY") else \
                    "%02d" % (CARD_BANKS.index(bank) + 11)
                aid = pre + "".join(self.ch("0123456789") for _ in range(15))
            if aid not in self.aids:
                self.aids.add(aid)
                return aid

    def open(self, p, bank, t, region, kind="card", cls=None, role="lawful", arch=None, b0=0):
        if kind == "card" and bank in ("TENPAY", "ALIPAY"):
            kind = "wallet"
        if cls is None:
            cls = "corp" if kind == "corp" else ("II" if kind == "wallet" else "I")
        a = Acct(self.new_aid(bank, kind), bank, p, int(t), region, cls, role, arch or p.arch, int(b0),
                 kind == "card")
        self.accts.append(a)
        self.acct_by_id[a.id] = a
        p.accts.append(a)
        if kind == "wallet":
            p.wallets.append(a)
        return a

    def old_time(self, p, min_age=16, latest=-30):
        """A time some years ago, after the holder turned min_age (seconds, negative)."""
        born = (datetime(p.birth.year, p.birth.month, p.birth.day, tzinfo=TZ) - T0).days if p.birth else -9000
        lo = max(born + int(min_age * 365.25), -16 * 365)
        hi = latest
        if lo >= hi:
            lo = hi - 30
        return self.tday(self.r.randint(lo, hi), 9, 17)

    # ------------------------------------------------------------ events
    def add(self, t, kind, frm, to, amt, ch="mobile", reg=None, memo="", tag="", cb=None, ctx=None):
        t = int(t)
        if t < 0 or t >= END:
            return
        for a in (frm, to):
            if a is not None:
                if a.opened > t:
                    if tag:
                        t = a.opened + 60
                    else:
                        self.dropped += 1
                        return
                if a.off is not None and t >= a.off and not tag:
                    return
        if reg is None:
            reg = (frm.holder.live if frm is not None else to.holder.live)
        self.seq += 1
        heapq.heappush(self.q, (t, self.seq, kind, frm, to, amt, ch, reg, memo, tag, cb, ctx))

    def pay(self, t, frm, to, amt, ch="mobile", memo="", reg=None, tag="", cb=None, ctx=None):
        self.add(t, "transfer", frm, to, amt, ch, reg, memo, tag, cb, ctx)

    # ------------------------------------------------------------ corporate world
    def corp_acct(self, key, arch, region, bank=None, b0=10 ** 9):
        if key in self.corp:
            return self.corp[key]
        c = self.company(arch, region)
        bank = bank or self.bank_for(region)
        a = self.open(c, bank, self.old_time(c, 0, -200), region, "corp", b0=b0)
        self.corp[key] = a
        return a

    def build_corporate(self):
        r = self
        cats = {"super": 2, "resto": 3, "gas": 1, "pharm": 1, "phone": 1, "gold": 1, "hotel": 1,
                "util": 1, "print": 1, "banquet": 1}
        for city, regs in CITY.items():
            for cat, n in cats.items():
                if cat == "hotel" and city in ("yichang", "wanzhou", "enshi", "fuling"):
                    n = 3
                if city == "wuhan":
                    n *= 3
                for i in range(n):
                    reg = r.ch(regs)
                    bank = r.ch(["TENPAY", "ALIPAY", None, None, None])
                    a = self.corp_acct((city, cat, i), "merchant_" + cat, reg, bank, b0=r.yuan(2000, 50000))
                    self.merch.setdefault((city, cat), []).append(a)
        for cat in ("super", "resto", "gas", "pharm", "phone", "hotel"):
            for i in range(4):
                a = self.corp_acct(("out", cat, i), "merchant_" + cat, r.ch(MIGRANT_WORK), r.ch(NATIONAL + ["TENPAY", "ALIPAY"]),
                                   b0=r.yuan(2000, 50000))
                self.merch.setdefault(("out", cat), []).append(a)
        for i in range(8):
            reg = r.ch(["330106", "310115", "440304", "110105"])
            a = self.corp_acct(("online", i), "merchant_online", reg, r.ch(["ALIPAY", "TENPAY", "CMB", "ICBC"]),
                               b0=r.yuan(10000, 90000))
            self.merch.setdefault(("online", "online"), []).append(a)
        for i, reg in enumerate(["440303", "440303", "440106", "533102"]):   # 水贝 etc. gold wholesalers
            a = self.corp_acct(("fargold", i), "merchant_gold", reg, r.ch(NATIONAL), b0=r.yuan(5000, 50000))
            self.merch.setdefault(("far", "gold"), []).append(a)
        for i in range(12):
            self.corp_acct(("supplier", i), "supplier", r.ch(OUT_HOME + ["420103", "420104", "500112"]))
        # universities: (city, district, partner bank)
        self.univs = [
            ("wuhan", "420106", "ICBC", 11), ("wuhan", "420111", "CCB", 12), ("wuhan", "420111", "HKB", 10),
            ("wuhan", "420111", "ICBC", 9), ("wuhan", "420111", "CCB", 8), ("wuhan", "420106", "HBB", 6),
            ("wuhan", "420114", "HKB", 6), ("wuhan", "420112", "HBB", 5), ("wuhan", "420115", "HBNX", 8),
            ("wuhan", "420115", "ABC", 6), ("yichang", "420502", "HBB", 4), ("xiangyang", "420602", "CCB", 3),
            ("jingzhou", "421003", "ICBC", 4), ("shiyan", "420303", "HBB", 2), ("enshi", "422801", "HBNX", 2),
            ("wanzhou", "500101", "CQRCB", 3), ("yubei", "500112", "CQCB", 3)]
        for i, u in enumerate(self.univs):
            self.corp_acct(("univ", i), "university", u[1], u[2])
        emp = {"car": [("wuhan", "420114"), ("xiangyang", "420607"), ("shiyan", "420303")],
               "optics": [("wuhan", "420111")] * 4 + [("wuhan", "420115")] * 3,
               "tour": [("yichang", "420502"), ("yichang", "420527"), ("wanzhou", "500101"),
                        ("fuling", "500102"), ("enshi", "422801")],
               "ride": [("wuhan", "420103"), ("yubei", "500112")],
               "misc": [(c, None) for c in CITY for _ in range(2)]}
        self.employers = {}
        for k, lst in emp.items():
            for i, (city, reg) in enumerate(lst):
                reg = reg or self.district(city)
                self.employers.setdefault(k, []).append(self.corp_acct(("emp", k, i), "employer_" + k, reg))
        for city in CITY:
            reg = CITY[city][0]
            self.employers.setdefault("gov_" + city, []).append(
                self.corp_acct(("gov", city), "government_payroll", reg))
            self.corp_acct(("coop", city), "agri_coop", self.ch(CITY[city]))
            self.corp_acct(("dev", city), "developer", self.ch(CITY[city]))
            self.corp_acct(("cardealer", city), "car_dealer", self.ch(CITY[city]))
        self.corp_acct(("ss", "hb"), "social_security", "420106", "ICBC")
        self.corp_acct(("ss", "cq"), "social_security", "500112", "CQRCB")
        self.corp_acct(("compensation", 0), "government_compensation", "420103", "HKB")
        self.corp_acct(("compensation", 1), "government_compensation", "500101", "CQRCB")
        for i in range(6):
            self.corp_acct(("migemp", i), "employer_outside", self.ch(MIGRANT_WORK), self.ch(NATIONAL))
        for b in CARD_BANKS:
            self.corp_acct(("loan", b), "bank_loan_clearing", "420106" if b not in ("CQCB", "CQRCB") else "500112", b)
        for i in range(3):
            self.corp_acct(("logi", i), "logistics", self.ch(["420103", "420502", "422801"]))
            self.corp_acct(("pack", i), "packaging_supplier", self.ch(["420104", "420503", "422801"]))

    def merchant(self, city, cat):
        lst = self.merch.get((city, cat))
        if not lst:
            lst = self.merch[("wuhan", cat)]
        return self.ch(lst)

    # ------------------------------------------------------------ lawful population
    def months(self):
        out = []
        y, m = 2024, 8
        while True:
            d0 = dayof(y, m, 1)
            y2, m2 = (y + (m == 12), m % 12 + 1)
            d1 = dayof(y2, m2, 1)
            if d0 >= DAYS:
                break
            out.append((y, m, d0, d1))
            y, m = y2, m2
        return out

    def give_cards(self, p, region, n, t_lo_age=18, bank_w=None, latest=-60):
        banks = []
        for i in range(n):
            b = self.bank_for(region)
            if i > 0 and self.r.random() < 0.7:
                while b in banks:
                    b = self.bank_for(region) if self.r.random() < 0.8 else self.ch(CARD_BANKS[:7])
            banks.append(b)
        for b in banks:
            self.open(p, b, self.old_time(p, t_lo_age, latest), region, "card",
                      b0=self.logn(self.savings(p), 1.0))
        p.main = p.accts[0]

    def savings(self, p):
        return {"student": 1500, "pensioner": 60000, "optics": 40000, "civil": 50000, "car": 20000,
                "migrant": 15000, "farmer_tea": 15000, "farmer_citrus": 15000, "hotpot_owner": 60000,
                "ride": 8000, "tour": 12000}.get(p.arch, 15000)

    def give_wallets(self, p, pt=0.85, pa=0.65):
        if self.dense:        # keep the dense variant's row count in range
            pt -= 0.12
        if self.r.random() < pt:
            self.open(p, "TENPAY", self.old_time(p, 14, -20), p.live, "wallet", b0=self.yuan(20, 2000))
        if self.r.random() < pa:
            self.open(p, "ALIPAY", self.old_time(p, 16, -20), p.live, "wallet", b0=self.yuan(20, 2000))

    def make_population(self):
        r = self.r
        k = 0.31 if self.dense else 0.47   # generic spending rate in the dense variant
        self.spend_k = k
        counts = {"student": 1480, "car": 620, "optics": 620, "tour": 360, "farmer_tea": 250,
                  "farmer_citrus": 230, "hotpot_owner": 85, "hotpot_staff": 240, "ride": 310,
                  "pensioner": 920, "civil": 400, "migrant": 650, "urban": 850}
        self.pop = {a: [] for a in counts}
        for arch, n in counts.items():
            for _ in range(n):
                if arch == "student":
                    u = r.choices(range(len(self.univs)), weights=[x[3] for x in self.univs])[0]
                    city, ureg = self.univs[u][0], self.univs[u][1]
                    if r.random() < 0.55:
                        hukou = r.ch(OUT_HOME if not is_cq(ureg) else OUT_HOME + OTHER_HUBEI)
                        if is_cq(ureg) and hukou == "500103":
                            hukou = "510104"
                    else:
                        hukou = self.district(r.choices(list(CITY_W), weights=list(CITY_W.values()))[0]) \
                            if r.random() < 0.6 else r.ch(OTHER_HUBEI)
                        if is_cq(ureg) != is_cq(hukou) and r.random() < 0.7:
                            hukou = r.ch(["500101", "500102", "500112", "500103"]) if is_cq(ureg) else hukou
                    p = self.person(arch, hukou, ureg, age=(18, 23))
                    p.univ = u
                    n_old = r.choices([1, 2], weights=[85, 15])[0]
                    self.give_cards(p, hukou, n_old, 16, latest=-120)
                    self.give_wallets(p, 0.76, 0.8)
                    p.tags.append("freshman" if r.random() < 0.35 else "senior")
                    if "senior" in p.tags:
                        a = self.open(p, self.univs[u][2], self.tday(r.randint(-720, -340), 9, 17), ureg, "card",
                                      b0=self.yuan(0, 800))
                        p.tags.append("campus:" + a.id)
                elif arch == "migrant":
                    city = r.choices(list(CITY_W), weights=[5, 8, 10, 16, 8, 25, 18, 6, 4])[0]
                    hukou = self.district(city)
                    p = self.person(arch, hukou, r.ch(MIGRANT_WORK), age=(20, 52))
                    self.give_cards(p, hukou, r.choices([1, 2, 3], weights=[50, 35, 15])[0])
                    if r.random() < 0.6:
                        self.open(p, self.bank_for(p.live), self.old_time(p, 18), p.live, "card",
                                  b0=self.yuan(500, 8000))
                    self.give_wallets(p, 0.8, 0.5)
                else:
                    if arch in ("farmer_tea",):
                        city = "enshi"
                    elif arch == "farmer_citrus":
                        city = r.choices(["yichang", "wanzhou", "fuling"], weights=[60, 25, 15])[0]
                    elif arch == "hotpot_owner" or arch == "hotpot_staff":
                        city = r.choices(["wuhan", "wanzhou", "fuling", "yubei", "yichang"], weights=[40, 15, 15, 25, 5])[0]
                    elif arch == "tour":
                        city = r.choices(["yichang", "wanzhou", "fuling", "enshi"], weights=[45, 25, 15, 15])[0]
                    elif arch == "car":
                        city = r.choices(["wuhan", "xiangyang", "shiyan"], weights=[50, 25, 25])[0]
                    elif arch == "optics":
                        city = "wuhan"
                    else:
                        city = r.choices(list(CITY_W), weights=list(CITY_W.values()))[0]
                    if arch == "farmer_tea":
                        live = r.ch(["422801", "422822", "422825", "422828", "422802"])
                    elif arch == "farmer_citrus":
                        live = "420527" if city == "yichang" else CITY[city][0]
                    elif arch == "optics":
                        live = r.ch(["420111", "420115"])
                    else:
                        live = self.district(city)
                    hukou = live if r.random() < 0.7 else (self.district(r.choice(list(CITY))) if r.random() < 0.7
                                                           else r.ch(OTHER_HUBEI + OUT_HOME[:6]))
                    age = {"pensioner": (60, 82), "optics": (23, 40), "ride": (25, 55),
                           "civil": (24, 58), "hotpot_staff": (18, 45)}.get(arch, (22, 58))
                    p = self.person(arch, hukou, live, age=age)
                    n = r.choices([1, 2, 3, 4, 5, 6], weights=[40, 37, 15, 5, 2, 1])[0]
                    self.give_cards(p, live, n)
                    self.give_wallets(p, 0.6 if arch != "pensioner" else 0.4, 0.6 if arch != "pensioner" else 0.3)
                self.pop[arch].append(p)
        self.lawful = [p for a in counts for p in self.pop[a]]
        # contacts (family/friends): same city mostly
        bycity = {}
        for p in self.lawful:
            bycity.setdefault(self.city_of(p.live) or self.city_of(p.hukou) or "x", []).append(p)
        for p in self.lawful:
            pool = bycity.get(self.city_of(p.live) or self.city_of(p.hukou) or "x")
            p.contacts = [r.ch(pool) for _ in range(r.randint(2, 5))] + [r.ch(self.lawful)]
        # student parents (outside accounts, some at supplying banks)
        self.parent = {}
        for p in self.pop["student"]:
            self.parent[p.idn] = self.outsider("parent", p.hukou, b0=self.logn(80000, 0.7))
        # landlords
        self.landlords = r.sample(self.pop["pensioner"] + self.pop["urban"], 140)

    def outsider(self, arch, region, b0=None, bank=None, kind="card"):
        p = self.person(arch, region, region, age=(25, 70), outsider=True)
        bank = bank or (self.ch(["TENPAY", "ALIPAY"]) if self.r.random() < 0.3 else self.bank_for(region))
        a = self.open(p, bank, self.old_time(p, 18, -60), region, kind,
                      b0=b0 if b0 is not None else self.logn(50000, 0.8))
        p.main = a
        return a

    def wallet_or_main(self, p, pw=0.65):
        if p.wallets and self.r.random() < pw:
            return self.ch(p.wallets)
        return p.main

    def generic_life(self, p, spend_pm, med, cats=None, start=0, stop=DAYS, city=None):
        r = self.r
        cats = cats or {"super": 35, "resto": 30, "online": 20, "gas": 5, "pharm": 5, "phone": 2, "hotel": 3}
        city = city or self.city_of(p.live) or "wuhan"
        for (y, m, d0, d1) in self.months():
            a0, a1 = max(d0, start), min(d1, stop, DAYS)
            if a1 <= a0:
                continue
            frac = (a1 - a0) / 30.0
            for _ in range(self.pois(spend_pm * frac * self.spend_k)):
                d = r.randrange(a0, a1)
                c = self.wch(cats)
                mer = self.merchant("online", "online") if c == "online" else self.merchant(city, c)
                frm = self.wallet_or_main(p)
                self.pay(self.tday(d, 7, 23), frm, mer, self.logn(med, 0.9, 3), r.ch(["mobile", "pos", "mobile"]))
            if p.wallets:
                for _ in range(self.pois(1.4 * frac)):
                    self.pay(self.tday(r.randrange(a0, a1)), p.main, r.ch(p.wallets), self.yuan(100, 2000, 100),
                             "mobile", "充值")
            if r.random() < 0.25 * frac and p.main.card:
                self.add(self.tday(r.randrange(a0, a1)), "withdrawal", p.main, None, self.yuan(200, 2000, 100),
                         "atm", p.live)
            for _ in range(self.pois(0.9 * frac * self.spend_k)):
                q = r.ch(p.contacts)
                if q is p or not q.accts:
                    continue
                self.pay(self.tday(r.randrange(a0, a1)), self.wallet_or_main(p), self.wallet_or_main(q),
                         self.logn(300, 1.0, 10, 20000, roundto=r.ch([1, 10, 50, 100])), "mobile", r.ch(MEMO_P2P))

    def salary(self, emp, acct, dom, med, sigma=0.08, start=0, stop=DAYS, memo="工资", ch="other"):
        base = self.logn(med, 0.35)
        for (y, m, d0, d1) in self.months():
            d = d0 + dom - 1
            if start <= d < min(stop, DAYS):
                amt = int(base * math.exp(self.r.gauss(0, sigma)))
                if m == 1 and memo == "工资":
                    amt = int(amt * self.U(1.5, 3.0))       # year-end bonus
                self.pay(d * DAY + int(self.U(9, 11) * HOUR), emp, acct, amt, ch, memo, reg=emp.region)

    def lawful_lives(self):
        r = self.r
        months = self.months()
        for p in self.pop["student"]:
            u = self.univs[p.univ]
            ua = self.corp[("univ", p.univ)]
            city = u[0]
            par = self.parent[p.idn]
            fresh = "freshman" in p.tags
            arrive = TERM + r.randint(-3, 6) if fresh else TERM + r.randint(-5, 3)
            campus = None
            if fresh:
                if "term_cards" in p.tags:
                    d = arrive + r.randint(0, 2)
                    bks = [u[2]]
                    extra = r.choices([1, 2, 3], weights=[45, 40, 15])[0]
                    opts = ["HBB", "HKB", "PSBC", "CMB", "BOCOM", "BOC", "ABC", "ICBC", "CCB", "HBNX"] if not is_cq(u[1]) \
                        else ["CQCB", "CQRCB", "PSBC", "CMB", "BOC", "ABC", "ICBC", "CCB"]
                    while len(bks) < 1 + extra:
                        b = r.ch(opts)
                        if b not in bks:
                            bks.append(b)
                    for i, b in enumerate(bks):
                        dd = d + (0 if i == 0 else r.randint(0, 5))
                        a = self.open(p, b, self.tday(dd, 9, 17), u[1], "card", "I" if i < 2 else "II",
                                      arch="student_term_card")
                        if i == 0:
                            campus = a
                        elif r.random() < 0.5:   # phone-shop / bank promotion credit
                            self.pay(self.tday(dd + r.randint(0, 3)), self.merchant(city, "phone"), a,
                                     self.yuan(50, 200, 10), "other", "开卡礼")
                            self.pay(self.tday(dd + r.randint(3, 9)), a, p.wallets[0] if p.wallets else p.main,
                                     self.yuan(50, 200, 10), "mobile", "")
                    p.tags.append("multi:" + ",".join(x.id for x in p.accts[-len(bks):]))
                else:
                    campus = self.open(p, u[2], self.tday(arrive + r.randint(0, 4), 9, 17), u[1], "card")
            else:
                campus = self.acct_by_id[[t for t in p.tags if t.startswith("campus:")][0][7:]]
            # tuition: parent pays student card (often the brand-new one) -> university
            tui = self.yuan(4000, 7500, 100)
            dtu = max(arrive, campus.opened // DAY) + r.randint(0, 3)
            if r.random() < 0.55:
                self.pay(self.tday(dtu), par, campus, tui, "mobile", "学费", reg=par.region)
                self.pay(self.tday(dtu + r.randint(0, 2)), campus, ua, tui, "online", "学费")
            else:
                self.pay(self.tday(dtu), par, ua, tui, "online", "学费", reg=par.region)
            home = r.randint(SPRING - 18, SPRING - 9)
            back = min(DAYS, r.randint(SPRING + 12, SPRING + 19))
            for (y, m, d0, d1) in months:
                d = d0 + r.randint(0, 4)
                if 0 <= d < DAYS:
                    tgt = r.ch(p.wallets) if p.wallets and r.random() < 0.5 else campus if r.random() < 0.5 else p.main
                    self.pay(self.tday(d), par, tgt, self.logn(1500, 0.35, 500, 5000, 100), "mobile", "生活费",
                             reg=par.region)
                for _ in range(self.pois(2.5)):
                    dd = r.randrange(d0, d1)
                    if max(arrive, 0) <= dd < home and dd >= campus.opened // DAY + 1:
                        self.pay(self.tday(dd, 7, 20), campus if r.random() < 0.6 else self.wallet_or_main(p), ua,
                                 self.yuan(50, 300, 10), "pos", "饭卡充值")
            self.generic_life(p, 6, 35, {"super": 30, "resto": 35, "online": 30, "phone": 5}, start=arrive, stop=home)
            self.generic_life(p, 3, 45, {"super": 50, "online": 50}, start=home, stop=back)
            if r.random() < 0.3:   # part-time jobs
                k = r.randrange(3)
                emp = self.merchant(city, "resto") if k == 0 else self.merchant(city, "super") if k == 1 \
                    else self.outsider_local(city)
                for _ in range(r.randint(2, 9)):
                    dd = r.randint(arrive + 7, home)
                    self.pay(self.tday(dd, 12, 22), emp, self.wallet_or_main(p, 0.7),
                             self.yuan(100, 1500, 10), "mobile", r.ch(["兼职", "家教费", ""]))
            if r.random() < 0.25:   # scholarships / grants
                dd = r.randint(dayof(2024, 11, 8), dayof(2024, 12, 10))
                tgt = p.accts[-1] if "multi:" in " ".join(p.tags) else campus
                self.pay(self.tday(dd, 9, 16), ua, tgt, r.ch([300000, 500000, 800000, 330000, 440000]), "other",
                         "奖助学金")
            if p.wallets:   # red envelope at Spring Festival
                self.pay(self.tday(SPRING + r.randint(-1, 2)), par, r.ch(p.wallets), self.yuan(200, 2000, 100),
                         "mobile", "压岁钱", reg=p.hukou)
            p.tags.append("campus:" + campus.id)
        # ---- workers
        for arch, key, dom, med, spend in (("car", "car", 10, 6500, 7), ("optics", "optics", 8, 13000, 9),
                                           ("tour", "tour", 15, 5000, 6), ("urban", "misc", 12, 5500, 7),
                                           ("civil", None, 15, 8000, 7)):
            for p in self.pop[arch]:
                city = self.city_of(p.live)
                if key is None:
                    emp = self.employers["gov_" + city][0]
                elif key in ("car", "optics"):
                    emps = [e for e in self.employers[key] if self.city_of(e.region) == city] or self.employers[key]
                    emp = r.ch(emps)
                elif key == "tour":
                    emps = [e for e in self.employers[key] if self.city_of(e.region) == city] or self.employers[key]
                    emp = r.ch(emps)
                else:
                    emp = r.ch(self.employers["misc"])
                start = 0
                sal_acct = p.main
                if "new_employee" in p.tags:
                    start = r.randint(5, 110)
                    b1 = emp.bank if emp.bank in CARD_BANKS else self.bank_for(p.live)
                    sal_acct = self.open(p, b1, self.tday(start + r.randint(0, 3), 9, 17), p.live, "card",
                                         arch="new_employee_salary_card")
                    hf_bank = r.ch(["CCB", "HKB", "ICBC", "HBB"] if not is_cq(p.live) else ["CCB", "CQRCB", "CQCB"])
                    hf = self.open(p, hf_bank, self.tday(start + r.randint(1, 10), 9, 17), p.live, "card",
                                   arch="new_employee_housing_fund_card")
                    p.tags.append("multi:%s,%s" % (sal_acct.id, hf.id))
                    self.salary(emp, sal_acct, dom, med, start=start + 25)
                    self.salary(emp, p.main, dom, med * 0.8, start=0, stop=start)
                    for (y, m, d0, d1) in months:   # moves pay to old account
                        d = d0 + dom + r.randint(0, 3)
                        if d > start + 26 and d < DAYS:
                            self.pay(self.tday(d), sal_acct, p.main, self.yuan(1000, 4000, 100), "mobile", "")
                    if r.random() < 0.5:
                        self.pay(self.tday(start + r.randint(30, 60)), hf, p.main, self.yuan(500, 3000), "online", "公积金提取")
                        self.add(self.tday(start + r.randint(3, 20)), "deposit", None, hf, self.yuan(10, 100, 10), "counter",
                                 hf.region)
                else:
                    self.salary(emp, p.main, dom, med)
                if arch == "tour":
                    for _ in range(self.pois(8)):
                        dd = r.randint(0, DAYS - 1)
                        if NATDAY - 3 <= dd <= NATDAY + 10 or r.random() < 0.4:
                            tip_from = self.tourist_acct()
                            self.pay(self.tday(dd), tip_from, self.wallet_or_main(p, 0.9), self.yuan(20, 300, 10),
                                     "mobile", r.ch(["", "导游费", "船票"]), reg=p.live)
                self.generic_life(p, spend, 60 if arch != "optics" else 90)
                self.housing(p)
        # ---- ride-hailing drivers
        for p in self.pop["ride"]:
            plat = r.ch(self.employers["ride"])
            tgt = self.wallet_or_main(p, 0.5)
            for d in range(r.randint(0, 6), DAYS, 7):
                if SPRING - 3 <= d <= SPRING + 3 and r.random() < 0.6:
                    continue
                self.pay(self.tday(d, 3, 6), plat, tgt, self.logn(2000, 0.4, 200, 8000), "other", "司机提现")
            self.generic_life(p, 6, 60, {"gas": 45, "super": 20, "resto": 25, "online": 10})
            if r.random() < 0.5:
                cd = self.corp[("cardealer", self.city_of(p.live))]
                for (y, m, d0, d1) in months:
                    if d0 + 20 < DAYS:
                        self.pay(self.tday(d0 + 19), p.main, cd, self.yuan(2500, 3500), "online", "车贷")
        # ---- hotpot owners and staff
        self.hotpot = []
        for p in self.pop["hotpot_owner"]:
            city = self.city_of(p.live)
            biz = self.open(p, r.ch(["TENPAY", "ALIPAY", self.bank_for(p.live)]), self.old_time(p, 25, -90),
                            p.live, "corp", arch="hotpot_business", b0=self.yuan(5000, 40000))
            self.merch.setdefault((city, "resto"), []).append(biz)
            self.hotpot.append((p, biz))
            sup = self.corp[("supplier", r.randrange(12))]
            for d in range(r.randint(0, 3), DAYS, r.randint(2, 4)):
                self.pay(self.tday(d, 6, 11), biz, sup, lambda b, r=r: int(b * r.uniform(0.25, 0.5)), "online", "货款")
            for d in range(r.randint(0, 6), DAYS, 7):
                self.pay(self.tday(d, 22, 23.5), biz, p.main, lambda b, r=r: int(b * r.uniform(0.2, 0.4)), "mobile", "")
            self.generic_life(p, 5, 80)
        for p in self.pop["hotpot_staff"]:
            city = self.city_of(p.live)
            owners = [b for (o, b) in self.hotpot if self.city_of(o.live) == city] or [b for o, b in self.hotpot]
            self.salary(r.ch(owners), self.wallet_or_main(p, 0.5), 5, 4500, ch="mobile")
            self.generic_life(p, 6, 35)
        # ---- pensioners
        for p in self.pop["pensioner"]:
            ss = self.corp[("ss", "cq" if is_cq(p.live) else "hb")]
            self.salary(ss, p.main, r.ch([15, 18, 20]), 3200, sigma=0.0, memo="养老金")
            self.generic_life(p, 4, 50, {"super": 50, "resto": 15, "pharm": 25, "online": 10})
            if r.random() < 0.4:
                for (y, m, d0, d1) in self.months():
                    self.add(self.tday(min(DAYS - 1, d0 + r.randint(16, 25)), 8, 11), "withdrawal", p.main, None,
                             self.yuan(500, 2000, 100), "counter", p.live)
            if r.random() < 0.5:
                kid = r.ch(self.pop["student"] + self.lawful)
                self.pay(self.tday(SPRING + r.randint(-3, 3)), p.main, self.wallet_or_main(kid), self.yuan(200, 2000, 100),
                         "mobile", "红包")
        # ---- farmers
        for p in self.pop["farmer_tea"] + self.pop["farmer_citrus"]:
            coop = self.corp[("coop", self.city_of(p.live))]
            season = (0, 75) if p.arch == "farmer_tea" else (dayof(2024, 10, 20), dayof(2025, 2, 10))
            for _ in range(r.randint(2, 4)):
                self.pay(self.tday(r.randint(*season), 9, 17), coop, p.main, self.yuan(3000, 30000), "online", "收购款")
            self.generic_life(p, 3, 40, {"super": 50, "pharm": 20, "online": 30})
            if "online_seller" in p.tags:
                self.online_seller(p, season)
        # ---- migrants (Spring Festival return)
        for p in self.pop["migrant"]:
            emp = self.corp[("migemp", r.randrange(6))]
            work = [a for a in p.accts if a.region == p.live]
            sal = work[0] if work else p.main
            ret = r.randint(SPRING - 12, SPRING - 3)
            back = min(DAYS, SPRING + r.randint(6, 16))
            self.salary(emp, sal, 5, 6500, stop=ret, memo="工资", ch="other")
            self.pay(self.tday(ret - r.randint(1, 6)), emp, sal, self.yuan(15000, 50000), "other", "年终结算",
                     reg=emp.region)
            self.generic_life(p, 5, 40, {"super": 40, "resto": 40, "online": 20}, stop=ret, city="out")
            home_city = self.city_of(p.hukou)
            self.pay(self.tday(ret - 1), sal, p.main, lambda b, r=r: int(b * r.uniform(0.5, 0.9)), "mobile", "")
            self.generic_life(p, 10, 80, {"super": 40, "resto": 35, "gold": 5, "phone": 10, "online": 10},
                              start=ret, stop=back, city=home_city)
            for _ in range(r.randint(1, 3)):
                self.add(self.tday(ret + r.randint(0, 8)), "withdrawal", p.main, None, self.yuan(1000, 3000, 100),
                         "atm", p.hukou)
            for _ in range(r.randint(2, 6)):
                q = r.ch(p.contacts)
                if q.accts:
                    self.pay(self.tday(SPRING + r.randint(-2, 3)), self.wallet_or_main(p), self.wallet_or_main(q),
                             self.yuan(200, 2000, 100), "mobile", "红包")
            if r.random() < 0.12:   # new card at the home bank with a big first deposit
                nb = self.open(p, self.bank_for(p.hukou), self.tday(ret + r.randint(1, 6), 9, 16), p.hukou, "card",
                               arch="migrant_new_home_card")
                self.pay(nb.opened + 1200, p.main, nb, lambda b, r=r: int(b * r.uniform(0.5, 0.8)), "counter", "存款")

    def outsider_local(self, city):
        return self.outsider("local_employer", self.district(city), b0=self.logn(50000, 0.6))

    def tourist_acct(self):
        if not hasattr(self, "tourist_pool"):
            self.tourist_pool = [self.outsider("tourist_payer", self.ch(OUT_HOME)) for _ in range(150)]
        return self.ch(self.tourist_pool)

    def housing(self, p):
        r = self.r
        if r.random() < 0.3:
            ll = r.ch(self.landlords)
            amt = self.yuan(800, 3000, 100)
            for (y, m, d0, d1) in self.months():
                self.pay(self.tday(min(DAYS - 1, d0 + r.randint(0, 4))), self.wallet_or_main(p), ll.main, amt, "mobile", "房租")
        elif r.random() < 0.35:
            lc = self.corp[("loan", p.main.bank if p.main.bank in CARD_BANKS else "ICBC")]
            amt = self.yuan(2000, 6000)
            for (y, m, d0, d1) in self.months():
                self.pay(d0 * DAY + 20 * HOUR, p.main, lc, amt, "other", "房贷还款")

    def online_seller(self, p, season):
        r = self.r
        if not hasattr(self, "buyers"):
            self.buyers = [self.outsider("online_buyer", self.ch(OUT_HOME + OTHER_HUBEI + ["420106", "500112"]),
                                         b0=self.logn(20000, 0.8)) for _ in range(900)]
        shop = p.wallets[0] if p.wallets and r.random() < 0.7 else self.open(
            p, r.ch(["TENPAY", "ALIPAY"]), self.old_time(p, 20, -40), p.live, "wallet")
        pack = self.corp[("pack", r.randrange(3))]
        logi = self.corp[("logi", r.randrange(3))]
        neighbours = [q for q in self.pop[p.arch] if q is not p]
        rate = min(10.0, max(0.4, (1.0 if self.dense else 1.6) * math.exp(self.r.gauss(0, 0.6))))
        windows = [season] + ([(dayof(2024, 12, 15), dayof(2025, 1, 25))] if p.arch == "farmer_tea" else [])
        for (a, b) in windows:
            for d in range(max(0, a), min(b, DAYS)):
                n = self.pois(rate)
                for _ in range(n):
                    self.pay(self.tday(d, 7, 24), r.ch(self.buyers), shop, r.ch([3900, 5900, 6800, 8800, 12800,
                                                                                   16800, 19900, 29900]),
                             "mobile", r.ch(["", "货款", "脐橙", "茶叶"]))
                if n and r.random() < 0.5:
                    self.pay(self.tday(d, 18, 23), shop, r.ch([pack, logi]),
                             lambda bal, r=r: int(bal * r.uniform(0.3, 0.6)), "mobile", "货款")
                if n and r.random() < 0.15:
                    q = r.ch(neighbours)
                    self.pay(self.tday(d, 12, 20), shop, q.main, lambda bal, r=r: int(bal * r.uniform(0.3, 0.7)),
                             "mobile", "果款" if p.arch == "farmer_citrus" else "茶青款")

    # ------------------------------------------------------------ hard look-alikes
    def assign_lookalikes(self):
        r = self.r
        m = 2.5 if self.dense else 1.0
        self.la_counts = {}

        def pick(pool, n, tag):
            pool = [p for p in pool if tag not in p.tags]
            n = min(len(pool), int(round(n * m)))
            chosen = r.sample(pool, n)
            for p in chosen:
                p.tags.append(tag)
            self.la_counts[tag] = n
            return chosen

        studs = self.pop["student"]
        far_fresh = [p for p in studs if "freshman" in p.tags and p.hukou[:2] != self.univs[p.univ][1][:2]]
        others = [p for p in studs if p not in far_fresh]
        n_tc = int(round(320 * m))
        chosen = r.sample(far_fresh, min(len(far_fresh), n_tc))
        if len(chosen) < n_tc:
            fr = [p for p in studs if "freshman" in p.tags and p not in chosen]
            chosen += r.sample(fr, min(len(fr), n_tc - len(chosen)))
        if len(chosen) < n_tc:   # seniors far from home getting scholarship + promo cards
            rest = [p for p in others if p not in chosen and "freshman" not in p.tags]
            extra = r.sample(rest, n_tc - len(chosen))
            for p in extra:
                p.tags.remove("senior")
                p.tags = [t for t in p.tags if not t.startswith("campus:")] + ["freshman"]
            chosen += extra
        for p in chosen:
            p.tags.append("term_cards")
        self.la_counts["term_cards"] = len(chosen)
        workers = self.pop["car"] + self.pop["optics"] + self.pop["civil"] + self.pop["tour"] + self.pop["urban"]
        pick(workers, 140, "new_employee")
        self.la_loan = pick(self.pop["optics"] + self.pop["civil"] + self.pop["car"] + self.pop["urban"], 60, "loan_multibank")
        self.la_mover = pick(self.lawful, 140, "own_mover")
        self.la_class = pick([p for p in studs], 50, "class_fee")
        self.la_group = pick(self.pop["urban"] + self.pop["pensioner"], 40, "group_buy")
        pick(self.pop["farmer_tea"] + self.pop["farmer_citrus"], 110, "online_seller")
        self.la_gift = pick([p for p in self.lawful if p.arch != "student"], 80, "gift_money")
        self.la_large = pick([p for p in self.lawful if p.arch not in ("student",)], 90, "large_first")
        self.la_tour_res = pick([p for p in self.lawful if p.arch in ("optics", "civil", "car", "urban", "pensioner")],
                                55, "tourist_far")
        self.la_crypto = pick(self.pop["optics"] + self.pop["urban"] + self.pop["student"], 40, "crypto_buyer")
        self.n_tour_out = int(round(55 * m))
        self.la_counts["tourist_visitor"] = self.n_tour_out

    def lookalike_flows(self):
        r = self.r
        for p in self.la_loan:        # several banks for a mortgage / car loan
            d = r.randint(10, DAYS - 40)
            big = r.random() < 0.6
            city = self.city_of(p.live)
            banks = r.sample([b for b in CARD_BANKS if b != p.main.bank], r.randint(2, 3))
            new = [self.open(p, b, self.tday(d + r.randint(0, 12), 9, 17), p.live, "card", arch="loan_card")
                   for b in banks]
            p.tags.append("multi:" + ",".join(a.id for a in new))
            dmax = d + 14
            for q in r.sample(p.contacts, min(2, len(p.contacts))):
                if q.accts:
                    self.pay(self.tday(dmax + r.randint(0, 3)), q.main, new[0], self.yuan(20000, 150000, 1000), "mobile",
                             "首付")
            self.pay(self.tday(dmax + 1), p.main, new[0], lambda b, r=r: int(b * r.uniform(0.6, 0.9)), "mobile", "")
            tgt = self.corp[("dev", city)] if big else self.corp[("cardealer", city)]
            self.pay(self.tday(dmax + r.randint(4, 6)), new[0], tgt, lambda b, r=r: int(b * r.uniform(0.85, 0.98)),
                     "counter", "首付款" if big else "购车款")
            lc = self.corp[("loan", new[-1].bank)]
            for k in range(1, 4):
                dd = dmax + 30 * k
                self.pay(self.tday(dd - 2), p.main, new[-1], self.yuan(3000, 6000, 100), "mobile", "")
                self.pay(dd * DAY + 20 * HOUR, new[-1], lc, lambda b: b, "other", "贷款还款")
        for p in self.la_mover:       # own accounts at several banks, fast in/out
            while len(p.accts) - len(p.wallets) < 3:
                b = r.ch([x for x in CARD_BANKS if x not in [a.bank for a in p.accts]])
                self.open(p, b, self.old_time(p, 20, -90), p.live, "card", b0=self.logn(20000, 0.8))
            cards = [a for a in p.accts if a.card]
            for _ in range(r.randint(6, 18)):
                d = r.randint(0, DAYS - 2)
                a, b = r.sample(cards, 2)
                t = self.tday(d)
                self.pay(t, a, b, lambda bal, r=r: int(bal * r.uniform(0.5, 0.95)), "mobile", r.ch(["", "", "理财", "还信用卡"]))
                if r.random() < 0.5:
                    c = r.ch([x for x in cards if x is not b])
                    self.pay(t + r.randint(120, 3600), b, c, lambda bal, r=r: int(bal * r.uniform(0.7, 1.0)), "mobile", "")
        for p in self.la_class:       # class fee collector
            mates = [q for q in self.pop["student"] if q.univ == p.univ and q is not p]
            city = self.univs[p.univ][0]
            for _ in range(r.randint(2, 3)):
                d = r.randint(TERM + 10, SPRING - 20)
                fee = r.ch([3000, 5000, 8000, 10000, 15000, 20000])
                coll = p.wallets[0] if p.wallets else p.main
                for q in r.sample(mates, min(len(mates), r.randint(25, 45))):
                    self.pay(self.tday(d + r.choice([0, 0, 1, 2]), 8, 23), self.wallet_or_main(q, 0.9), coll, fee,
                             "mobile", r.ch(["班费", "资料费", "班费", ""]))
                self.pay(self.tday(d + 3, 10, 16), coll, self.merchant(city, r.ch(["print", "hotel", "resto"])),
                         lambda b, r=r: int(b * r.uniform(0.8, 0.98)), "mobile", "")
        for p in self.la_group:       # group-buy organiser (社区团长)
            city = self.city_of(p.live)
            neigh = [q for q in self.lawful if self.city_of(q.live) == city and q is not p]
            coll = p.wallets[0] if p.wallets else p.main
            sup = self.corp[("supplier", r.randrange(12))]
            for d in range(r.randint(0, 9), DAYS, r.randint(7, 12)):
                for q in r.sample(neigh, min(len(neigh), r.randint(6, 20))):
                    self.pay(self.tday(d, 7, 21), self.wallet_or_main(q, 0.9), coll, self.yuan(15, 150), "mobile",
                             r.ch(["团购", "接龙", ""]))
                self.pay(self.tday(d + 1, 6, 9), coll, sup, lambda b, r=r: int(b * r.uniform(0.85, 0.97)), "mobile", "货款")
        for p in self.la_gift:        # wedding / funeral gift money
            wed = r.random() < 0.65
            d = (r.ch([NATDAY + r.randint(0, 6), SPRING + r.randint(-10, 8), r.randint(5, DAYS - 10)]) if wed
                 else r.randint(3, DAYS - 10))
            tgt = self.wallet_or_main(p, 0.6)
            city = self.city_of(p.live) or "wuhan"
            givers = p.contacts + r.sample(self.lawful, 20)
            for _ in range(r.randint(30, 120)):
                g = r.ch(givers) if r.random() < 0.7 else None
                frm = self.wallet_or_main(g, 0.8) if g and g.accts else self.tourist_acct()
                self.pay(self.tday(d + r.choice([-1, 0, 0, 0, 1]), 7, 23), frm, tgt, r.ch([20000, 50000, 60000, 80000, 100000, 20000, 88800, 66600]),
                         "mobile", r.ch(["份子钱", "随礼", "新婚快乐", ""]) if wed else r.ch(["奠仪", "", "节哀"]))
            hall = self.merchant(city, "banquet")
            self.pay(self.tday(d + r.randint(1, 3), 10, 17), tgt, hall, lambda b, r=r: int(b * r.uniform(0.5, 0.8)),
                     "counter", "酒席" if wed else "丧葬费")
            self.pay(self.tday(d + r.randint(2, 6)), tgt, p.main if p.main is not tgt else p.accts[-1],
                     lambda b, r=r: int(b * r.uniform(0.5, 0.9)), "mobile", "")
        for p in self.la_large:       # large first payment into a new card
            d = r.randint(3, DAYS - 15)
            nb = self.open(p, self.bank_for(p.live), self.tday(d, 9, 16), p.live, "card", arch="large_first_card")
            src = r.ch([self.corp[("compensation", 1 if is_cq(p.live) else 0)], self.tourist_acct(),
                        self.corp[("dev", self.city_of(p.live) or self.city_of(p.hukou) or "wuhan")]])
            self.pay(nb.opened + r.randint(1800, 2 * DAY), src, nb, self.yuan(50000, 600000, 100), "online",
                     r.ch(["拆迁补偿款", "房款", "理赔款", ""]))
            for k in range(r.randint(1, 3)):
                tgt = r.ch([p.main, self.wallet_or_main(r.ch(p.contacts)) if p.contacts[0].accts else p.main,
                            self.corp[("loan", nb.bank)]])
                self.pay(nb.opened + int((k + 1) * self.U(0.5, 4) * DAY), nb, tgt,
                         lambda b, r=r: int(b * r.uniform(0.3, 0.7)), "counter", r.ch(["", "理财", "还款"]))
        for p in self.la_tour_res:    # residents travelling far, cash far from home
            d = r.ch([NATDAY + r.randint(0, 5), SPRING + r.randint(0, 6), r.randint(10, DAYS - 8)])
            dest = r.ch(TOUR_DEST)
            for k in range(r.randint(2, 4)):
                self.add(self.tday(d + k, 9, 23), "withdrawal", p.main, None, self.yuan(500, 3000, 100), "atm", dest)
            self.pay(self.tday(d), self.wallet_or_main(p), self.merchant("yichang", "hotel"), self.yuan(300, 1500), "mobile",
                     "", reg=dest)
        for i in range(self.n_tour_out):   # visitors from elsewhere at the Three Gorges / Enshi
            home = r.ch(OUT_HOME)
            a = self.outsider("tourist_visitor", home, b0=self.logn(30000, 0.6),
                              bank=r.ch(["ICBC", "CCB", "ICBC", "ABC", "BOC", "CMB"]))
            d = r.ch([NATDAY + r.randint(0, 5), r.randint(0, DAYS - 8)])
            spot = r.ch(TOURIST_SPOTS)
            for k in range(r.randint(2, 4)):
                self.add(self.tday(d + k // 2, 8, 23), "withdrawal", a, None, self.yuan(500, 3000, 100), "atm", spot)
            city = self.city_of(spot)
            self.pay(self.tday(d), a, self.merchant(city, "hotel"), self.yuan(300, 2000), "pos", "", reg=spot)
            self.pay(self.tday(d + 1), a, self.merchant(city, "resto"), self.yuan(100, 600), "pos", "", reg=spot)

    # ------------------------------------------------------------ fraud network
    def build_fraud(self):
        r = self.r
        hard = self.hard
        # U商 (OTC USDT dealers): shared by gangs and lawful crypto buyers
        self.usellers = [self.outsider("usdt_seller", r.ch(OUT_HOME + HOT)) for _ in range(40)]
        self.ushang = []
        for i in range(6):
            live = r.ch(["420106", "420111", "500112", "440106", "440304", "350524"])
            p = self.person("ushang", r.ch(HOT + OUT_HOME + ["420102"]), live, age=(24, 45))
            accs = []
            for b in r.sample(CARD_BANKS, r.randint(2, 3)):
                a = self.open(p, b, self.old_time(p, 20, -100), live, "card", role="ushang", arch="ushang",
                              b0=self.yuan(2000, 20000))
                accs.append(a)
            if r.random() < 0.6:
                accs.append(self.open(p, r.ch(["TENPAY", "ALIPAY"]), self.old_time(p, 20, -100), live, "wallet",
                                      role="ushang", arch="ushang"))
            p.main = accs[0]
            self.ushang.append(accs)
        for p in self.la_crypto:
            ua = r.ch(r.ch(self.ushang))
            for _ in range(r.randint(1, 4)):
                self.pay(self.tday(r.randint(0, DAYS - 1)), p.main, ua, self.yuan(2000, 50000, 100), "mobile", "",
                         cb=self.cb_ushang, ctx=None)
        # gangs
        spec = [("G1", ["police_gov", "parcel", "phone_bill", "credit_record"], ["533102", "532801"], (0, DAYS),
                 {"atm": 35, "ushang": 35, "gold": 10, "op": 20}),
                ("G2", ["brushing", "fake_job", "game_trade", "shopping_service"], ["450681", "451481"], (10, 172),
                 {"atm": 30, "ushang": 30, "op": 40}),
                ("G3", ["investment", "romance"], ["350524", "445281"], (0, DAYS), {"ushang": 60, "gold": 15, "op": 25}),
                ("G4", ["ecommerce_cs", "loan_card", "prize", "subsidy_refund"], ["431322", "361127"], (35, DAYS),
                 {"atm": 50, "gold": 20, "op": 30}),
                ("G5", ["leader_acquaintance", "accident_kidnap", "military_purchase", "net_black"], ["440904", "460400"],
                 (20, 160), {"atm": 40, "ushang": 30, "op": 30})]
        for gid, typs, home, active, exits in spec:
            g = Gang(gid)
            g.typs, g.home, g.active, g.exits = typs, home, active, exits
            g.ops = []
            for _ in range(r.randint(3, 5)):
                hk = r.ch(home)
                p = self.person("operator", hk, hk, age=(22, 40))
                for b in r.sample(["ICBC", "CCB", "ABC", "BOC", "PSBC", "CMB", "ALIPAY", "TENPAY"], r.randint(1, 2)):
                    g.ops.append(self.open(p, b, self.old_time(p, 18, -30), hk, "card", role="operator",
                                           arch="operator"))
            g.ushang = r.sample(self.ushang, 3)
            self.gangs.append(g)
        self.make_farmers()
        self.make_paofen()
        # pool slots
        comp = ({"fresh": 10, "farmer": 22, "sold_old": 33, "wallet": 25, "shell": 10} if hard else
                {"fresh": 35, "farmer": 25, "sold_old": 15, "wallet": 15, "shell": 10})
        for g in self.gangs:
            fcards = [a for f in self.farmers if f[1] is g for a in f[2]]
            fcards.sort(key=lambda a: a.opened)
            used = set()
            for layer, (dlo, dhi) in ((1, (3, 10)), (2, (5, 15)), (3, (7, 20))):
                t = g.active[0] * DAY - int(self.U(0, 3) * DAY)
                while t < g.active[1] * DAY:
                    dur = int(self.U(dlo, dhi) * DAY * (1.8 if hard else 1.0))
                    kind = self.wch(comp)
                    if layer == 3 and kind == "wallet":
                        kind = "fresh"
                    a = None
                    if kind == "farmer":
                        for c in fcards:
                            if c.id not in used and c.opened + 2 * DAY <= t:
                                a = c
                                used.add(c.id)
                                break
                        if a is None:
                            kind = "fresh"
                    if a is None:
                        a = self.mule_account(kind, t, g)
                    a.layer = layer
                    g.pools[layer].append((max(t, a.opened + DAY), t + dur, a))
                    t += int(dur * self.U(0.55, 1.0))
            for c in fcards:                  # leftover farmer cards: some used late, some stock
                if c.id in used or r.random() < 0.25:
                    continue
                t0 = c.opened + int(self.U(3, 40) * DAY)
                if t0 < g.active[1] * DAY:
                    c.layer = r.ch([1, 2, 2, 3])
                    g.pools[c.layer].append((t0, t0 + int(self.U(4, 14) * DAY), c))
            for layer in (1, 2, 3):
                g.pools[layer].sort(key=lambda x: (x[0], x[2].id))
                for (a0, a1, a) in g.pools[layer]:
                    if a.cash_region is None:
                        a.cash_region = (self.ch(FAR_CASH) if not hard else
                                         self.district(self.ch(["wuhan", "wuhan", "yubei", "yichang"])))
        self.make_victims()

    def make_farmers(self):
        r = self.r
        hard = self.hard
        n = 13
        self.farmers = []
        for i in range(n):
            student = i < 4
            if student:
                p = r.ch([q for q in self.pop["student"] if "term_cards" not in q.tags and q.hukou[:2] not in ("42",)])
                p.tags.append("recruited_farmer")
            else:
                hk = r.ch(["421003", "420607", "421087", "431322", "361127", "411302", "422802", "500101"])
                p = self.person("card_farmer", hk, hk, age=(19, 45))
                self.give_cards(p, hk, r.randint(1, 2))
                self.give_wallets(p, 0.9, 0.5)
                p.contacts = [r.ch(self.lawful) for _ in range(4)]
                self.generic_life(p, 4, 40, city=self.city_of(hk) or "wuhan")
            p.farmer = True
            k = r.randint(3, 15)
            if i in (4, 7):
                start = r.randint(-20, 5)          # before (some) extract starts
            else:
                start = r.randint(-10, 150)
            span = r.randint(2, 25) if not hard else r.randint(28, 70)
            cities = [self.city_of(p.live) or "wuhan"] if (student or r.random() < 0.35) else \
                r.sample(list(CITY), r.randint(2, 3))
            if student:
                cities = [self.univs[p.univ][0]] + ([r.ch(["yichang", "xiangyang"])] if r.random() < 0.4 else [])
            cards, seen = [], {}
            for j in range(k):
                city = cities[min(len(cities) - 1, j * len(cities) // k)]
                reg = self.district(city)
                opts = [b for b in CARD_BANKS if (b not in ("CQCB", "CQRCB") or is_cq(reg))
                        and (b not in ("HKB", "HBB", "HBNX") or not is_cq(reg))]
                if hard:
                    opts = [b for b in opts if b not in SUP or r.random() < 0.45]
                    opts = [b for b in opts if seen.get((b, city), 0) < 1] or opts
                else:
                    opts = [b for b in opts if seen.get((b, city), 0) < 1] or opts
                b = r.ch(opts)
                seen[(b, city)] = seen.get((b, city), 0) + 1
                d = start + (span * j) // max(1, k - 1) + r.randint(0, 1)
                a = self.open(p, b, self.tday(d, 9, 16.5), reg, "card", r.ch(["I", "I", "II"]), role="farmer_card",
                              arch="farmer_card")
                cards.append(a)
                if r.random() < 0.6:
                    self.add(a.opened + 600, "deposit", None, a, self.yuan(10, 100, 10), "counter", reg, "开户存入")
                elif r.random() < 0.5:
                    self.pay(a.opened + int(self.U(0.1, 2) * DAY), p.main, a, 100, "mobile", "")
            g = r.ch(self.gangs)
            sell = start + span + r.randint(2, 10)
            if 0 <= sell < DAYS:
                self.add(self.tday(sell), "deposit", None, p.main, self.yuan(5000, 6000, 100), "counter", p.live)
            self.farmers.append((p, g, cards))

    def make_paofen(self):
        r = self.r
        self.paofen = []
        pool = [q for q in self.pop["student"] + self.pop["urban"] + self.pop["ride"] if q.wallets and not q.farmer
                and "term_cards" not in q.tags]
        for p in r.sample(pool, 35):
            a = r.ch(p.wallets)
            a.role, a.arch = "paofen", "paofen_wallet"
            t0 = r.randint(0, DAYS - 20)
            self.paofen.append((a, t0 * DAY, (t0 + r.randint(10, 60)) * DAY))
            p.tags.append("paofen")

    def mule_account(self, kind, t, g):
        r = self.r
        if kind == "fresh":
            hk = r.ch(HOT + OUT_HOME + list(CITY["wuhan"]) + ["421003", "500101"])
            p = self.person("mule_holder", hk, hk, age=(18, 35))
            reg = r.ch([hk, hk, self.district(r.ch(list(CITY)))]) if not in_region(hk) else hk
            b = self.bank_for(reg) if r.random() < 0.7 else r.ch(CARD_BANKS)
            a = self.open(p, b, t - int(self.U(1, 6) * DAY), reg, "card", r.ch(["I", "I", "II"]), role="mule",
                          arch="fresh_card")
            p.main = a
            if r.random() < 0.5:
                self.add(a.opened + 300, "deposit", None, a, self.yuan(10, 50, 10), "counter", reg)
            return a
        if kind == "wallet":
            hk = r.ch(HOT + OUT_HOME + list(CITY["wuhan"]))
            p = self.person("mule_holder", hk, hk, age=(18, 40))
            a = self.open(p, r.ch(["TENPAY", "ALIPAY", "TENPAY"]), t - int(self.U(2, 300) * DAY), hk, "wallet",
                          role="mule", arch="wallet")
            p.main = a
            return a
        if kind == "shell":
            reg = r.ch(HOT + ["420103", "420111", "500112", "440304"])
            c = self.company("shell_company", reg)
            a = self.open(c, self.bank_for(reg), t - int(self.U(20, 120) * DAY), reg, "corp", role="mule",
                          arch="shell_company")
            c.main = a
            return a
        # sold_old: a lawful person's old account sold or rented at time t
        while True:
            p = r.ch(self.lawful)
            cands = [a for a in p.accts if a.card and a.opened < -365 * DAY and a.role == "lawful" and a.off is None
                     and a is not p.main]
            if cands and not p.farmer and "paofen" not in p.tags:
                a = cands[0]
                a.off = t - int(self.U(0, 3) * DAY)
                a.role, a.arch = "mule", "sold_old"
                return a

    def pick(self, g, layer, t):
        pool = g.pools[layer]
        live = [a for (a0, a1, a) in pool if a0 <= t < a1]
        if live:
            return self.r.ch(live)
        best = min(pool, key=lambda x: abs(x[0] - t))
        return best[2]

    def make_victims(self):
        r = self.r
        n_in, n_out = 220, 300
        fit = {"student": ["brushing", "game_trade", "credit_record", "fake_job", "shopping_service", "loan_card"],
               "pensioner": ["police_gov", "prize", "subsidy_refund", "parcel", "phone_bill", "accident_kidnap"],
               "civil": ["leader_acquaintance", "police_gov", "investment"],
               "hotpot_owner": ["military_purchase", "leader_acquaintance"],
               "optics": ["investment", "romance", "ecommerce_cs", "brushing", "credit_record"],
               "migrant": ["fake_job", "loan_card", "brushing", "romance", "accident_kidnap"]}
        default = ["ecommerce_cs", "loan_card", "brushing", "investment", "romance", "net_black", "shopping_service",
                   "police_gov", "prize"]
        victims = []
        pool = [p for p in self.lawful if not p.farmer and "paofen" not in p.tags]
        for p in r.sample(pool, n_in):
            typ = r.ch(fit.get(p.arch, default))
            victims.append((p, typ, True))
        for i in range(n_out):
            typ = r.ch(list(TYPO))
            reg = r.ch(OUT_HOME + OTHER_HUBEI)
            a = self.outsider("victim_outside", reg, b0=self.logn(80000 if typ in ("police_gov", "investment",
                                                                                     "parcel", "phone_bill", "romance")
                                                                   else 20000, 0.8))
            victims.append((a.holder, typ, False))
        tmap = {t: g for g in self.gangs for t in g.typs}
        for (p, typ, inside) in victims:
            g = tmap[typ]
            c = Case(len(self.cases), typ, g, p, inside)
            self.cases.append(c)
            c.maxd = r.choices([1, 2, 3], weights=[25, 45, 30])[0]
            (nlo, nhi), (alo, ahi), (glo, ghi), unit, (dlo, dhi) = TYPO[typ]
            n = r.randint(nlo, nhi)
            start = r.randint(g.active[0], g.active[1] - 2)
            t = self.tday(start, 8, 23) if not self.hard else self.tday(start, 9, 18)
            amt = self.U(alo, ahi)
            big = typ in ("police_gov", "parcel", "phone_bill", "investment", "romance", "military_purchase",
                          "credit_record")
            src = p.main if (big or not p.wallets) else self.wallet_or_main(p, 0.6)
            if typ in ("police_gov", "parcel", "phone_bill") and inside and len(p.accts) > 1:
                for o in p.accts:           # consolidate into one card first ("资金清查")
                    if o is not src and o.role == "lawful":
                        self.pay(t - int(self.U(0.2, 2) * HOUR), o, src, lambda b: int(b * 0.98), "mobile", "")
            c.tri = typ in ("shopping_service", "investment", "military_purchase") and r.random() < 0.12
            use_pf = typ in PAOFEN_TYP and g.gid in ("G2", "G4") and r.random() < 0.55
            ch = "atm" if typ == "subsidy_refund" else r.ch(["mobile", "mobile", "online", "counter"] if big else ["mobile"])
            for k in range(n):
                if k and unit >= HOUR and self.hard:
                    pass
                yuan = amt * (self.U(glo, ghi) ** k)
                val = int(yuan) * 100 if r.random() < 0.6 else int(yuan * 100)
                if val < 100:
                    val = 100
                reg = p.live if ch != "atm" else p.live
                if c.tri:
                    mer = self.tri_target(p, typ)
                    self.pay(t, src, mer, val, ch, r.ch(["", "货款"]), reg=reg, tag="victim_payment",
                             ctx=((c.cid,), 1, mer))
                elif use_pf and val < 500000:
                    live = [a for (a, t0, t1) in self.paofen if t0 <= t < t1] or [self.paofen[c.cid % len(self.paofen)][0]]
                    pa = r.ch(live)
                    self.pay(t, src, pa, val, ch, r.ch(["", "", "订单"]), reg=reg, tag="victim_payment",
                             cb=self.cb_paofen, ctx=((c.cid,), 1, pa))
                else:
                    to = self.pick(g, 1, t)
                    self.pay(t, src, to, val, ch, r.ch(["", "", "", "保证金", "还款"]), reg=reg, tag="victim_payment",
                             cb=self.cb_mule, ctx=((c.cid,), 1, to))
                if k == 0 and typ in ("brushing", "investment", "romance") and not c.tri:
                    rb = self.pick(g, 2, t)       # small 'rebate' back to the victim
                    self.pay(t + int(self.U(5, 90) * 60), rb, src, int(val * self.U(0.05, 0.3)) if typ != "brushing"
                             else int(val * self.U(1.05, 1.3)), "mobile", "返利", reg=rb.region, tag="victim_payment")
                t += int(self.U(dlo, dhi) * unit)

    def tri_target(self, p, typ):
        r = self.r
        city = self.city_of(p.live) or "wuhan"
        if typ == "military_purchase" or r.random() < 0.4:
            m = self.merchant(city, r.ch(["gold", "phone"]))
        elif r.random() < 0.5 and self.pop["farmer_citrus"]:
            q = r.ch([x for x in self.pop["farmer_tea"] + self.pop["farmer_citrus"] if "online_seller" in x.tags])
            m = q.wallets[0] if q.wallets else q.main
        else:
            m = self.corp[("cardealer", city)]
        self.tri_merchants.add(m.id)
        return m

    # ------------------------------------------------------------ fraud callbacks (run during simulation)
    def cb_paofen(self, t, amt, ctx):
        cases, depth, acct = ctx
        g = self.cases[cases[0]].gang
        nxt = self.pick(g, 2, t)
        dt = int(self.U(1, 12) * 60) if not self.hard else int(self.U(0.5, 8) * HOUR)
        keep = self.U(0.015, 0.03)
        self.pay(t + dt, acct, nxt, int(amt * (1 - keep)), "mobile", "", reg=acct.holder.live, tag="paofen",
                 cb=self.cb_mule, ctx=(cases, 2, nxt))

    def cb_mule(self, t, amt, ctx):
        cases, depth, acct = ctx
        c0 = self.cases[cases[0]]
        g = c0.gang
        maxd = max(self.cases[c].maxd for c in cases)
        r = self.r
        if self.hard:
            # batch once a working day or two later, leave a residual
            pend = self.pending.setdefault(acct.id, [])
            pend.extend(cases)
            if acct.id in g.sweeping:
                return
            g.sweeping.add(acct.id)
            d = t // DAY + r.randint(1, 2)
            ts = self.tday(d, 9.5, 17.5)
            self.add(ts, "sweep", acct, None, 0, "", None, "", "layering", self.cb_sweep, (g, depth, acct, maxd))
            return
        reg = r.ch([acct.region, acct.cash_region or acct.region])
        if depth < maxd:
            n = 1 if amt < 500000 else r.choices([1, 2, 3], weights=[30, 45, 25])[0]
            dt = int(self.U(2, 45) * 60)
            left = int(amt * self.U(0.97, 1.0))
            for i in range(n):
                part = left // (n - i) if i < n - 1 else left
                if i < n - 1:
                    part = int(part * self.U(0.7, 1.3))
                    part = min(part, left - 100 * (n - i - 1))
                left -= part
                nxt = self.pick(g, depth + 1, t + dt)
                if nxt is acct:
                    continue
                self.pay(t + dt + i * r.randint(20, 300), acct, nxt, part, r.ch(["mobile", "online"]), "", reg=reg,
                         tag="layering", cb=self.cb_mule, ctx=(cases, depth + 1, nxt))
        else:
            self.exit_money(g, acct, amt, t, cases)

    def cb_sweep(self, t, amt, ctx):
        g, depth, acct, maxd = ctx
        g.sweeping.discard(acct.id)
        cases = tuple(self.pending.pop(acct.id, []))
        if not cases:
            return
        maxd = max(self.cases[c].maxd for c in cases)
        bal = self.bal[acct.id]
        tot = int(bal * self.U(0.75, 0.95))
        if tot < 1000:
            return
        r = self.r
        if depth < maxd:
            n = r.choices([1, 2, 3], weights=[40, 40, 20])[0] if tot > 300000 else 1
            left = tot
            for i in range(n):
                part = left if i == n - 1 else int(left / (n - i) * self.U(0.7, 1.2))
                left -= part
                nxt = self.pick(g, depth + 1, t)
                if nxt is acct or part < 100:
                    continue
                self.pay(t + i * r.randint(600, 7200), acct, nxt, part, r.ch(["mobile", "online"]),
                         r.ch(["", "货款", "还款", "往来款"]), reg=acct.region, tag="layering", cb=self.cb_mule,
                         ctx=(cases, depth + 1, nxt))
        else:
            self.exit_money(g, acct, tot, t, cases)

    def exit_money(self, g, acct, amt, t, cases):
        r = self.r
        how = self.wch(g.exits)
        if how == "atm" and not acct.card:
            how = "ushang" if "ushang" in g.exits else "op"
        dt = int(self.U(0.3, 6) * HOUR) if not self.hard else int(self.U(4, 30) * HOUR)
        if how == "atm":
            left = amt
            d = (t + dt) // DAY
            k = 0
            while left >= 10000 and k < 12:
                day_cap = 2000000 if not self.hard else r.ch([300000, 500000, 800000])
                used = 0
                tt = self.tnight(d) if not self.hard else self.tday(d, 10, 20)
                if tt < t + dt:
                    tt = t + dt
                while left >= 10000 and used < day_cap:
                    chunk = r.ch([200000, 250000, 300000, 500000]) if not self.hard else r.ch([100000, 150000, 200000, 250000])
                    chunk = min(chunk, left // 10000 * 10000, day_cap - used)
                    if chunk < 10000:
                        break
                    self.add(tt, "withdrawal", acct, None, chunk, "atm", acct.cash_region, "", "cashout")
                    tt += r.randint(30, 240)
                    used += chunk
                    left -= chunk
                    k += 1
                d += 1
        elif how == "gold":
            shop = self.ch(self.merch[("far", "gold")]) if not self.hard else self.merchant(
                self.city_of(acct.cash_region) or "wuhan", "gold")
            self.pay(t + dt, acct, shop, int(amt * self.U(0.95, 1.0)), r.ch(["online", "pos"]), r.ch(["", "黄金"]),
                     reg=shop.region, tag="cashout")
        elif how == "ushang":
            ua = r.ch(r.ch(g.ushang))
            self.pay(t + dt, acct, ua, int(amt * self.U(0.97, 1.0)), "mobile", "", reg=acct.region, tag="ushang",
                     cb=self.cb_ushang, ctx=cases)
        else:
            op = r.ch(g.ops)
            self.pay(t + dt, acct, op, int(amt * self.U(0.97, 1.0)), "online", "", reg=acct.region, tag="cashout",
                     cb=self.cb_operator, ctx=g)

    def cb_ushang(self, t, amt, ctx):
        r = self.r
        # find the dealer's account set that holds the money; sweep into USDT sellers
        self.pay(t + int(self.U(0.3, 10) * HOUR), self.last_to, r.ch(self.usellers),
                 lambda b, r=r: int(b * r.uniform(0.85, 0.97)), "mobile", "", tag="ushang")

    def cb_operator(self, t, amt, ctx):
        g = ctx
        r = self.r
        op = self.last_to
        if r.random() < 0.5:
            left = amt
            tt = self.tnight(t // DAY + r.randint(0, 2))
            while left >= 300000:
                self.add(tt, "withdrawal", op, None, 500000 if left >= 500000 else 300000, "atm", op.region, "", "cashout")
                left -= 500000
                tt += r.randint(60, 600)
        else:
            self.pay(t + int(self.U(1, 48) * HOUR), op, r.ch(r.ch(g.ushang)), lambda b, r=r: int(b * r.uniform(0.6, 0.95)),
                     "mobile", "", tag="ushang", cb=self.cb_ushang, ctx=None)

    # ------------------------------------------------------------ yinbi cover traffic on mule accounts
    def cover_traffic(self):
        r = self.r
        for g in self.gangs:
            for layer in (1, 2):
                for (a0, a1, a) in g.pools[layer]:
                    if a.arch in ("fresh_card", "wallet", "farmer_card") and a.holder.live in REG_CITY:
                        city = self.city_of(a.holder.live)
                    else:
                        city = "wuhan"
                    for _ in range(r.randint(2, 8)):
                        d = r.randint(a0 // DAY, max(a0 // DAY, a1 // DAY))
                        if r.random() < 0.5:
                            self.pay(self.tday(d), self.tourist_acct(), a, self.yuan(50, 800, 10), "mobile",
                                     r.ch(["", "还款", "饭钱"]))
                        else:
                            self.pay(self.tday(d), a, self.merchant(city, r.ch(["super", "resto", "super"])),
                                     self.yuan(15, 300), "mobile", "")

    # ------------------------------------------------------------ simulation
    def simulate(self):
        bal = {a.id: a.b0 for a in self.accts}
        self.bal = bal
        self.pending = {}
        q = self.q
        out = []
        self.skipped = 0
        while q:
            e = heapq.heappop(q)
            t, seq, kind, frm, to, amt, ch, reg, memo, tag, cb, ctx = e
            if kind == "sweep":
                cb(t, 0, ctx)
                continue
            if not tag and ((frm is not None and frm.off is not None and t >= frm.off) or
                            (to is not None and to.off is not None and t >= to.off)):
                continue
            if callable(amt):
                amt = amt(bal[frm.id])
            amt = int(amt)
            if frm is not None:
                b = bal[frm.id]
                if amt > b:
                    if not tag and amt * 0.3 > b:
                        self.skipped += 1
                        continue
                    amt = b
                    if kind == "withdrawal":
                        amt = amt // 10000 * 10000
                if amt < (100 if kind != "transfer" or tag else 1):
                    self.skipped += 1
                    continue
                bal[frm.id] = b - amt
            elif amt < 1:
                continue
            if to is not None:
                bal[to.id] += amt
            out.append((t, seq, kind, frm, to, amt, ch, reg, memo, tag, ctx))
            if cb is not None:
                self.last_to = to
                cb(t, amt, ctx)
        self.executed = out

    # ------------------------------------------------------------ output
    def write(self, outdir, truth, stats):
        os.makedirs(outdir, exist_ok=True)
        r = self.r

        def reported_by(a, t):
            s = SUP.get(a.bank)
            return s is not None and t >= s

        written = []
        for e in self.executed:
            t, frm, to = e[0], e[3], e[4]
            if (frm is not None and reported_by(frm, t)) or (to is not None and reported_by(to, t)):
                written.append(e)
        # txn ids in time order
        tid = {}
        for i, e in enumerate(written):
            tid[e[1]] = "JC%07d" % (i + 1)
        row_accts = [a for a in self.accts if a.bank in SUP and a.opened < END]
        has_row = set(a.id for a in row_accts)
        appear = set()
        for e in written:
            for a in (e[3], e[4]):
                if a is not None:
                    appear.add(a.id)
        # opening balances (see README): true balance replayed so that after the bank's extract start
        # the written history matches the ledger, lifted if the censored prefix would dip below zero
        true_bal = {a.id: a.b0 for a in self.accts}
        at_start = {}
        wnet_before = {}
        wmin = {}
        wcum = {}
        first_w = {}
        wset = set(e[1] for e in written)
        for e in self.executed:
            t, seq, kind, frm, to, amt = e[:6]
            for a, sgn in ((frm, -1), (to, 1)):
                if a is None or a.id not in has_row:
                    continue
                s = max(SUP[a.bank], a.opened)
                if a.id not in at_start and t >= s:
                    at_start[a.id] = true_bal[a.id]
                if seq in wset:
                    c = wcum.get(a.id, 0) + sgn * amt
                    wcum[a.id] = c
                    wmin[a.id] = min(wmin.get(a.id, 0), c)
                    first_w.setdefault(a.id, t)
                    if t < s:
                        wnet_before[a.id] = wnet_before.get(a.id, 0) + sgn * amt
                true_bal[a.id] += sgn * amt
        opening = {}
        for a in row_accts:
            s = max(SUP[a.bank], a.opened)
            if a.opened >= SUP[a.bank]:
                opening[a.id] = a.b0
            else:
                tb = at_start.get(a.id, true_bal[a.id])
                r0 = tb - wnet_before.get(a.id, 0)
                m = r0 + wmin.get(a.id, 0)
                opening[a.id] = r0 - m if m < 0 else r0
        # ---- accounts.csv
        with open(os.path.join(outdir, "accounts.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance", "status"])
            for a in sorted(row_accts, key=lambda a: (a.opened, a.id)):
                w.writerow([a.id, a.bank, a.holder.idn, fmt_ts(a.opened), a.region, a.cls, fmt_amt(opening[a.id]),
                            "active"])
        with open(os.path.join(outdir, "transfers.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo", "cross_border"])
            for e in written:
                t, seq, kind, frm, to, amt, ch, reg, memo, tag, ctx = e
                w.writerow([tid[seq], fmt_ts(t), frm.id if frm else "", to.id if to else "", fmt_amt(amt), "CNY",
                            ch, reg, kind, memo, "false"])
        # ---- labels
        rr = random.Random(self.r.random())
        reach = {}          # account id -> min depth reached by reported cases
        touched = {}        # account id -> any fraud money
        for c in self.cases:
            c.loss = 0
        for e in self.executed:
            tag, ctx = e[9], e[10]
            if tag == "victim_payment" and isinstance(ctx, tuple) and len(ctx) == 3 and e[4] is ctx[2]:
                self.cases[ctx[0][0]].loss += e[5]
        for c in self.cases:
            p = 0.45 + (0.2 if c.loss >= 1000000 else 0) + (0.15 if c.loss >= 10000000 else 0)
            if not c.inside:
                p *= 0.7
            c.reported = c.loss > 0 and rr.random() < p
        labels = []
        fraud_txn = []
        for e in self.executed:
            t, seq, kind, frm, to, amt, ch, reg, memo, tag, ctx = e
            if not tag:
                continue
            if seq in tid:
                fraud_txn.append((tid[seq], tag))
            if isinstance(ctx, tuple) and len(ctx) == 3 and isinstance(ctx[0], tuple) and to is ctx[2]:
                cases, depth, acct = ctx
                rep = any(self.cases[c].reported for c in cases)
                touched[acct.id] = True
                if rep:
                    reach[acct.id] = min(reach.get(acct.id, 9), depth)
                if tag == "victim_payment" and self.cases[cases[0]].reported and seq in tid:
                    labels.append(("transfer", tid[seq], "fraud"))
            elif to is not None and tag in ("ushang", "cashout"):
                touched[to.id] = True
        mule_lab = set()
        pdepth = {1: 0.8, 2: 0.45, 3: 0.2}
        for a in self.accts:
            if a.id not in has_row and a.id not in appear:
                continue
            p = 0.0
            if a.id in reach:
                p = pdepth.get(reach[a.id], 0.1)
                if a.role == "paofen":
                    p = 0.6
                if a.id in self.tri_merchants:
                    p = 0.7
            elif a.role in ("mule", "farmer_card", "paofen") and touched.get(a.id):
                p = 0.05
            elif a.role == "operator" and touched.get(a.id):
                p = 0.1
            elif a.role == "ushang" and touched.get(a.id):
                p = 0.15
            if p and rr.random() < p:
                mule_lab.add(a.id)
        for a in self.accts:
            if a.id in mule_lab:
                labels.append(("account", a.id, "mule"))
        farmers_sorted = list(self.farmers)
        lab_f = set(rr.sample(range(len(farmers_sorted)), len(farmers_sorted) // 2 + (len(farmers_sorted) % 2) * rr.randint(0, 1)))
        flab = set()
        for i, (p, g, cards) in enumerate(farmers_sorted):
            if i in lab_f and any(c.id in has_row or c.id in appear for c in p.accts):
                labels.append(("holder", p.idn, "card_farmer"))
                flab.add(p.idn)
        with open(os.path.join(outdir, "labels.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for row in labels:
                w.writerow(row)
        self.stats = {}
        fraud_roles = ("mule", "paofen", "farmer_card", "operator", "ushang")
        if truth:
            with open(os.path.join(outdir, "truth.csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer",
                            "opened_at", "labelled", "farmer_labelled", "extract_start"])
                for c, n, ty, s, b in INST:
                    w.writerow(["institution", c, c, "", "", "", ty, "", "", "", "",
                                fmt_ts(s * DAY) if s is not None else ""])
                victim_typ = {}
                for c in self.cases:
                    for a in c.victim.accts:
                        victim_typ.setdefault(a.id, [])
                        if c.typ not in victim_typ[a.id]:
                            victim_typ[a.id].append(c.typ)
                for a in sorted(self.accts, key=lambda a: a.id):
                    if a.id not in has_row and a.id not in appear:
                        continue
                    arch = a.arch
                    tags = [t for t in a.holder.tags if not t.startswith(("campus:", "multi:"))]
                    if a.role == "lawful" and tags:
                        arch += ":" + "+".join(tags)
                    if a.id in self.tri_merchants:
                        arch += ";triangular_payee"
                    for ty in victim_typ.get(a.id, []):
                        arch += ";victim=" + ty
                    w.writerow(["account", a.id, a.bank, a.holder.idn, 1 if a.id in has_row else 0, a.role, arch,
                                1 if a.holder.farmer else 0, fmt_ts(a.opened), 1 if a.id in mule_lab else 0,
                                1 if a.holder.idn in flab else 0,
                                fmt_ts(SUP[a.bank]) if a.bank in SUP else ""])
            with open(os.path.join(outdir, "truth_transfers.csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["txn_id", "kind"])
                for row in fraud_txn:
                    w.writerow(row)
        # ---- stats
        st = self.stats
        st["accounts_rows"] = len(row_accts)
        st["accounts_appearing_without_row"] = len([x for x in appear if x not in has_row])
        st["transfers"] = len(written)
        st["transfers_simulated"] = len(self.executed)
        st["fraud_transfers_written"] = len(fraud_txn)
        for k in ("victim_payment", "layering", "cashout", "paofen", "ushang"):
            st["  " + k] = sum(1 for x in fraud_txn if x[1] == k)
        vis = lambda a: a.id in has_row or a.id in appear
        st["mule_accounts_visible(role=mule)"] = sum(1 for a in self.accts if a.role == "mule" and vis(a))
        st["mule_accounts_with_row"] = sum(1 for a in self.accts if a.role == "mule" and a.id in has_row)
        st["paofen_accounts_visible"] = sum(1 for a in self.accts if a.role == "paofen" and vis(a))
        st["ushang_accounts_visible"] = sum(1 for a in self.accts if a.role == "ushang" and vis(a))
        st["operator_accounts_visible"] = sum(1 for a in self.accts if a.role == "operator" and vis(a))
        st["card_farmers"] = len(self.farmers)
        st["farmer_cards_total"] = sum(len(c) for _, _, c in self.farmers)
        st["farmer_cards_with_row"] = sum(1 for _, _, cs in self.farmers for c in cs if c.id in has_row)
        st["farmer_cards_visible"] = sum(1 for _, _, cs in self.farmers for c in cs if vis(c))
        st["victim_cases"] = len(self.cases)
        st["victim_cases_reported"] = sum(1 for c in self.cases if c.reported)
        st["labels_fraud_transfer"] = sum(1 for x in labels if x[0] == "transfer")
        st["labels_mule_account"] = sum(1 for x in labels if x[0] == "account")
        st["labels_mule_wrong(lawful)"] = sum(1 for a in self.accts if a.id in mule_lab and a.role == "lawful")
        st["labels_card_farmer_holder"] = sum(1 for x in labels if x[0] == "holder")
        st["persons_lawful"] = len(self.lawful)
        st["lookalikes"] = dict(self.la_counts)
        st["dropped_before_open"] = self.dropped
        st["skipped_insufficient"] = self.skipped
        self.written, self.row_accts, self.opening, self.tid = written, row_accts, opening, tid
        if stats:
            for k, v in st.items():
                print("%-40s %s" % (k, v))

    def verify(self):
        """Self-checks: ID check digits, Luhn, non-negative replay of written transfers."""
        bad = 0
        for p in self.persons:
            s = p.idn
            if p.corp:
                bad += uscc_check(s[:17]) != s[17]
            else:
                bad += id_check(s[:17]) != s[17]
        for a in self.accts:
            if a.card:
                bad += not luhn_ok(a.id)
        bal = {a.id: self.opening[a.id] for a in self.row_accts}
        neg = 0
        for e in self.written:
            amt = e[5]
            if e[3] is not None and e[3].id in bal:
                bal[e[3].id] -= amt
                if bal[e[3].id] < 0:
                    neg += 1
            if e[4] is not None and e[4].id in bal:
                bal[e[4].id] += amt
        return bad, neg


def main():
    ap = argparse.ArgumentParser(description="Jingchu (Hubei + east Chongqing) synthetic world for fanzha")
    ap.add_argument("--variant", default="baseline", choices=VARIANTS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--verify", action="store_true", help="run self-checks (IDs, Luhn, balances)")
    a = ap.parse_args()
    w = World(a.variant, a.seed)
    w.build_corporate()
    w.make_population()
    w.assign_lookalikes()
    w.lawful_lives()
    w.lookalike_flows()
    w.build_fraud()
    if w.hard:
        w.cover_traffic()
    w.simulate()
    w.write(a.out, a.truth, a.stats)
    if a.verify:
        bad, neg = w.verify()
        print("verify: bad_check_digits=%d negative_balances=%d" % (bad, neg))
        if bad or neg:
            sys.exit(2)


if __name__ == "__main__":
    main()
