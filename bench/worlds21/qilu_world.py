#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 -- written for the fanzha project (independent synthetic evaluation world "qilu").
"""Qilu (齐鲁, Shandong) synthetic bank-extract world for evaluating fanzha.

python3 qilu_world.py --variant baseline|yinbi|midu --seed INT --out DIR [--truth] [--stats] [--verify]

Standard library only.  Same variant and seed give byte-identical files (string seeding of
random.Random is SHA-512 based and no set/hash ordering is ever iterated).
"""
import argparse
import csv
import datetime as _dt
import os
import random
import sys
import time

TZ = _dt.timezone(_dt.timedelta(hours=8))
EPOCH = _dt.datetime(2025, 8, 25, tzinfo=TZ)      # day 0 (Monday); window ends day 184 (2026-02-25 00:00)
DAYS = 184
DAY = 86400
END = DAYS * DAY
DAYSTR = [(EPOCH + _dt.timedelta(days=d)).strftime("%Y-%m-%d") for d in range(DAYS + 1)]
WEEKDAY = [(EPOCH + _dt.timedelta(days=d)).weekday() for d in range(DAYS + 1)]

# seasonal anchors (day index)
TERM_START = 7          # 2025-09-01, autumn term; also the Yellow Sea fishing ban ends (开海)
KAIHAI = 7
NATIONAL_DAY = (37, 44)  # 2025-10-01..08 (Mid-Autumn 10-06)
HARVEST = (50, 90)      # Yantai Fuji apple harvest, mid Oct..late Nov
DOUBLE11 = 78
SPRING = 176            # 2026-02-17, Spring Festival
PAYDAYS = [d for d in range(DAYS) if DAYSTR[d].endswith("-10")]
MONTH_STARTS = [d for d in range(DAYS) if DAYSTR[d].endswith("-01")]

CITIES = {  # GB/T 2260 prefecture code, district/county codes, population weight
    "jinan": ("370100", ["370102", "370103", "370104", "370105", "370112"], 20),
    "qingdao": ("370200", ["370202", "370203", "370211", "370212", "370213", "370214", "370215"], 22),
    "zibo": ("370300", ["370302", "370303", "370304", "370305"], 7),
    "yantai": ("370600", ["370602", "370611", "370612", "370613", "370681", "370682", "370686", "370687"], 10),
    "weifang": ("370700", ["370702", "370703", "370705", "370782", "370783"], 12),
    "weihai": ("371000", ["371002", "371003", "371082", "371083"], 5),
    "linyi": ("371300", ["371302", "371311", "371312", "371321", "371323"], 14),
    "heze": ("371700", ["371702", "371703", "371721", "371722", "371728"], 10),
}
CITY_NAMES = list(CITIES)
OUT = {  # out-of-province places
    "guangzhou": "440106", "shenzhen": "440304", "shuibei": "440303", "dongguan": "441900",
    "jinjiang": "350582", "kunming": "530102", "jinghong": "532801", "nanning": "450102",
    "haikou": "460108", "zhengzhou": "410105", "wuhan": "420106", "changsha": "430102",
    "hohhot": "150102", "harbin": "230102", "nanjing": "320106", "xuzhou": "320302",
    "yiwu": "330782", "shanghai": "310115", "beijing": "110105", "tianjin": "120101",
    "shijiazhuang": "130102", "hefei": "340102",
}
FAR_CASH = ["guangzhou", "shenzhen", "dongguan", "kunming", "jinghong", "nanning", "haikou"]
HOME_OUT = ["zhengzhou", "wuhan", "hohhot", "harbin", "xuzhou", "hefei", "shijiazhuang"]

# code, name, type, supplying, extract start day, card BIN, card length
INSTS = [
    ("ICBC", "中国工商银行山东省分行", "state_bank", 1, 0, "621226", 19),
    ("QLBANK", "齐鲁银行", "city_commercial_bank", 1, 3, "623165", 19),
    ("QDBANK", "青岛银行", "city_commercial_bank", 1, 7, "623170", 19),
    ("SDRCU", "山东省农村信用社(农商银行)", "rural_bank", 1, 14, "623190", 19),
    ("WHCCB", "威海市商业银行", "city_commercial_bank", 1, 21, "622865", 19),
    ("QLPAY", "齐鲁支付(虚构的支付机构)", "payment_firm", 1, 37, None, 0),
    ("ABC", "中国农业银行", "state_bank", 0, None, "622848", 19),
    ("CCB", "中国建设银行", "state_bank", 0, None, "621700", 19),
    ("BOC", "中国银行", "state_bank", 0, None, "621661", 19),
    ("PSBC", "中国邮政储蓄银行", "state_bank", 0, None, "621799", 19),
    ("BOCOM", "交通银行", "state_bank", 0, None, "622262", 19),
    ("CMB", "招商银行", "joint_stock_bank", 0, None, "621483", 16),
    ("YTBANK", "烟台银行", "city_commercial_bank", 0, None, "622886", 19),
    ("GDRCU", "广东农信", "rural_bank", 0, None, "621058", 19),
    ("YNRCU", "云南农信", "rural_bank", 0, None, "622177", 19),
    ("GXRCU", "广西农信", "rural_bank", 0, None, "621068", 19),
    ("HBRCU", "湖北农信", "rural_bank", 0, None, "621072", 19),
    ("HNRCU", "河南农信", "rural_bank", 0, None, "623059", 19),
    ("ALIPAY", "支付宝", "payment_firm", 0, None, None, 0),
    ("TENPAY", "财付通", "payment_firm", 0, None, None, 0),
    ("KEBHANA", "韩国KEB韩亚银行", "foreign_bank", 0, None, None, 0),
]
INST = {r[0]: r for r in INSTS}
SUPPLYING = [r[0] for r in INSTS if r[3]]
BANKS_SD = ["ICBC", "QLBANK", "QDBANK", "SDRCU", "WHCCB", "ABC", "CCB", "BOC", "PSBC", "BOCOM", "CMB", "YTBANK"]
BANKS_OUT = ["ABC", "CCB", "BOC", "PSBC", "BOCOM", "CMB", "GDRCU", "YNRCU", "GXRCU", "HBRCU", "HNRCU"]
PROV_BANK = {"guangzhou": "GDRCU", "shenzhen": "GDRCU", "dongguan": "GDRCU", "kunming": "YNRCU", "jinghong": "YNRCU",
             "nanning": "GXRCU", "wuhan": "HBRCU", "zhengzhou": "HNRCU"}

VARIANTS = {
    # lawful look-alike multiplier, ordinary population, fraud style
    "baseline": dict(look=1.0, ordinary=4600, dormant=2600, stealth=False),
    "yinbi": dict(look=1.0, ordinary=4600, dormant=2600, stealth=True),
    "midu": dict(look=2.5, ordinary=1900, dormant=1900, stealth=False),
}

TYPOLOGIES = [  # id, weight, payments (lo, hi), hour window, victim pools
    ("brushing", 22, (2, 8), (18, 24), "young"),
    ("investment", 11, (2, 9), (19, 23), "adult"),
    ("romance", 7, (2, 8), (20, 24), "adult"),
    ("loan_card", 11, (2, 5), (9, 21), "young"),
    ("credit_record", 7, (1, 3), (9, 20), "young"),
    ("ecommerce_cs", 12, (1, 4), (10, 18), "adult"),
    ("police_gov", 7, (1, 4), (9, 17), "old"),
    ("shopping_service", 6, (1, 3), (10, 23), "young"),
    ("game_trade", 4, (1, 3), (15, 24), "young"),
    ("leader_acquaintance", 5, (1, 2), (9, 17), "adult"),
    ("accident_kidnap", 2, (1, 2), (8, 20), "old"),
    ("subsidy_refund", 2, (1, 3), (9, 17), "old"),
    ("fake_job", 3, (1, 3), (10, 22), "young"),
    ("military_purchase", 1, (1, 3), (9, 17), "adult"),
]
PAOFEN_TYPES = {"shopping_service", "game_trade", "fake_job"}
REPORT_P = {"police_gov": 0.8, "investment": 0.6, "romance": 0.55, "brushing": 0.5, "loan_card": 0.45,
            "credit_record": 0.5, "ecommerce_cs": 0.6, "shopping_service": 0.3, "game_trade": 0.3,
            "leader_acquaintance": 0.65, "accident_kidnap": 0.7, "subsidy_refund": 0.6, "fake_job": 0.35,
            "military_purchase": 0.55}

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(body17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


def org_check(body8):
    c = 11 - sum(int(ch) * w for ch, w in zip(body8, ORG_W)) % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def uscc_check(body17):
    c = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(body17, USCC_W)) % 31
    return USCC_CH[0 if c == 31 else c]


def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def luhn_digit(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def fmt_ts(sec):
    d, r = divmod(sec, DAY)
    if 0 <= d <= DAYS:
        return "%sT%02d:%02d:%02d+08:00" % (DAYSTR[d], r // 3600, r // 60 % 60, r % 60)
    return (EPOCH + _dt.timedelta(seconds=sec)).isoformat()


def fmt_fen(f):
    return "%d.%02d" % divmod(f, 100)


class Holder:
    __slots__ = ("idno", "corp", "home", "farmer", "flab", "arch")

    def __init__(self, idno, corp, home, arch):
        self.idno, self.corp, self.home, self.arch = idno, corp, home, arch
        self.farmer = 0
        self.flab = 0


class Acc:
    __slots__ = ("i", "id", "bank", "h", "kind", "cls", "opened", "region", "role", "arch", "farmer",
                 "row", "open_fen", "lab", "used", "cut", "life", "victim")

    def __init__(self):
        self.open_fen = 0
        self.lab = 0
        self.used = 0
        self.cut = END
        self.life = None
        self.victim = None


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.V = VARIANTS[variant]
        self.stealth = self.V["stealth"]
        self.r = random.Random("qilu:%s:%d" % (variant, seed))
        self.accs = []
        self.holders = []
        self.ids = set()
        self.tx = []          # (ts, seq, frm, to, fen, channel, region, kind, memo, cross, fraudkind)
        self.seq = 0
        self.case_pay = []    # victim payment tx indices per case
        self.cases = []
        self.start = {r[0]: (r[4] * DAY if r[3] else None) for r in INSTS}
        w = []
        for d in range(DAYS):
            x = 1.0 + (0.25 if WEEKDAY[d] >= 5 else 0)
            if NATIONAL_DAY[0] <= d <= NATIONAL_DAY[1]:
                x *= 1.6
            if DOUBLE11 - 3 <= d <= DOUBLE11:
                x *= 1.5
            if 158 <= d < SPRING:
                x *= 1.7
            if SPRING <= d <= SPRING + 6:
                x *= 0.8
            w.append(x)
        self.day_cw = self._cum(w)
        self.hour_cw = self._cum([1, .4, .2, .1, .1, .2, .6, 2, 4, 5, 5, 5, 6, 5, 5, 5, 5, 5, 6, 7, 7, 6, 4, 2])

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _cum(w):
        out, s = [], 0.0
        for x in w:
            s += x
            out.append(s)
        return out

    def day(self, lo=0, hi=DAYS):
        r = self.r
        while True:
            d = r.choices(range(DAYS), cum_weights=self.day_cw)[0]
            if lo <= d < hi:
                return d
            if hi - lo < 30:
                return r.randrange(lo, hi)

    def ts(self, d, h0=None, h1=None):
        r = self.r
        if h0 is None:
            h = r.choices(range(24), cum_weights=self.hour_cw)[0]
        else:
            h = r.randrange(h0, h1) if h1 > h0 else h0
        return d * DAY + (h % 24) * 3600 + r.randrange(3600)

    def amt(self, med, sigma=0.6, lo=1.0, hi=1e9, rnd=None):
        """lognormal amount in fen; humans like round numbers"""
        r = self.r
        x = min(hi, max(lo, med * r.lognormvariate(0, sigma)))
        if rnd is None:
            rnd = r.random() < 0.55
        if rnd and x >= 100:
            step = 100 if x >= 2000 else 10
            x = max(step, round(x / step) * step)
        return max(1, int(round(x * 100)))

    def region(self, city):
        c = CITIES.get(city)
        if c:
            return self.r.choice(c[1])
        return OUT[city]

    def city(self):
        return self.r.choices(CITY_NAMES, weights=[CITIES[c][2] for c in CITY_NAMES])[0]

    def person(self, home_region, age=(22, 60), arch="", birth_region=None):
        r = self.r
        while True:
            y = 2025 - r.randint(*age)
            bd = _dt.date(y, 1, 1) + _dt.timedelta(days=r.randrange(365))
            body = (birth_region or home_region) + bd.strftime("%Y%m%d") + "%03d" % r.randrange(1000)
            idno = body + id_check(body)
            if idno not in self.ids:
                self.ids.add(idno)
                break
        h = Holder(idno, 0, home_region, arch)
        self.holders.append(h)
        return h

    def corp(self, region, arch):
        r = self.r
        while True:
            org = "%08d" % r.randrange(10 ** 8)
            body = "91" + region + org + org_check(org)
            code = body + uscc_check(body)
            if code not in self.ids:
                self.ids.add(code)
                break
        h = Holder(code, 1, region, arch)
        self.holders.append(h)
        return h

    def foreign(self, arch):
        while True:
            code = "KR-BRN-%03d-%02d-%05d" % (self.r.randrange(100, 1000), self.r.randrange(100), self.r.randrange(10 ** 5))
            if code not in self.ids:
                self.ids.add(code)
                break
        h = Holder(code, 2, "", arch)
        self.holders.append(h)
        return h

    def pick_bank(self, city, supplying=None):
        r = self.r
        w = {"ICBC": 20, "ABC": 12, "CCB": 12, "BOC": 6, "PSBC": 8, "BOCOM": 4, "CMB": 5, "SDRCU": 15,
             "QLBANK": 4, "QDBANK": 4, "WHCCB": 1, "YTBANK": 1}
        if city == "jinan":
            w["QLBANK"] += 12
        elif city == "qingdao":
            w["QDBANK"] += 14
        elif city == "weihai":
            w["WHCCB"] += 16
        elif city == "yantai":
            w["YTBANK"] += 12
        elif city in ("linyi", "heze", "weifang"):
            w["SDRCU"] += 12
        if city not in CITIES:
            pb = PROV_BANK.get(city)
            w = {b: 6 for b in BANKS_OUT}
            if pb:
                w[pb] = 30
        ks = [k for k in w if supplying is None or (INST[k][3] == 1) == supplying]
        return r.choices(ks, weights=[w[k] for k in ks])[0]

    def new_acc_id(self, bank, kind):
        r = self.r
        while True:
            if kind == "card":
                _, _, _, _, _, bin_, n = INST[bank]
                body = bin_ + "".join(r.choice("0123456789") for _ in range(n - 7))
                aid = body + luhn_digit(body)
            elif kind == "wallet":
                pre = {"ALIPAY": "2088", "TENPAY": "1300", "QLPAY": "8868"}[bank]
                aid = pre + "%012d" % r.randrange(10 ** 12)
            elif kind == "foreign":
                aid = "%03d-%06d-%05d" % (r.randrange(100, 1000), r.randrange(10 ** 6), r.randrange(10 ** 5))
            else:
                pre = {"ICBC": "1602", "QLBANK": "8601", "QDBANK": "8020", "SDRCU": "9150", "WHCCB": "8171"}.get(
                    bank, "37" + "%02d" % (sum(map(ord, bank)) % 100))
                aid = pre + "%014d" % r.randrange(10 ** 14)
            if aid not in self.ids:
                self.ids.add(aid)
                return aid

    def acc(self, h, bank, opened, region, role="lawful", arch="", kind=None, cls=None):
        a = Acc()
        a.i = len(self.accs)
        if kind is None:
            kind = "corp" if h.corp else ("wallet" if INST[bank][2] == "payment_firm" else
                                          ("foreign" if bank == "KEBHANA" else "card"))
        a.kind = kind
        a.id = self.new_acc_id(bank, kind)
        a.bank, a.h, a.opened, a.region, a.role, a.arch = bank, h, int(opened), region, role, arch or h.arch
        a.cls = cls or ("corp" if kind == "corp" else ("II" if kind == "wallet" else "I"))
        a.farmer = h.farmer
        a.row = 1 if INST[bank][3] else 0
        self.accs.append(a)
        return a

    def old_open(self, lo_years=1, hi_years=18):
        days = int(self.r.uniform(lo_years, hi_years) * 365) + 1
        return -days * DAY + self.r.randrange(8 * 3600, 18 * 3600)

    def t(self, ts, frm, to, fen, channel="mobile", region="", kind="transfer", memo="", cross=False, fk=None):
        if ts >= END or fen <= 0:
            return -1
        if frm is not None and (ts < frm.opened or ts >= frm.cut):
            return -1
        if to is not None and (ts < to.opened or ts >= to.cut):
            return -1
        self.seq += 1
        self.tx.append((int(ts), self.seq, frm.i if frm else -1, to.i if to else -1, int(fen), channel,
                        region, kind, memo, cross, fk))
        return len(self.tx) - 1

    def ext_person_acc(self, place, arch="ext_person", bank=None, age=(20, 65), opened=None):
        reg = self.region(place)
        h = self.person(reg, age, arch)
        b = bank or self.pick_bank(place, supplying=False)
        return self.acc(h, b, self.old_open(1, 15) if opened is None else opened, reg)

    def wallet(self, h, region, bank=None, opened=None):
        b = bank or self.r.choice(["ALIPAY", "TENPAY", "TENPAY"])
        return self.acc(h, b, self.old_open(1, 9) if opened is None else opened, region, kind="wallet", cls="II")

    # ---------------------------------------------------------------- population
    def build(self):
        r = self.r
        look = self.V["look"]
        self.n = lambda x: max(1, int(round(x * look)))
        # common counterparties
        self.employers = {}
        self.merchants = {}
        for c in CITY_NAMES:
            self.employers[c] = []
            for _ in range(max(4, CITIES[c][2] * 2)):
                reg = self.region(c)
                h = self.corp(reg, "employer")
                self.employers[c].append(self.acc(h, self.pick_bank(c), self.old_open(2, 20), reg))
            self.merchants[c] = []
            for _ in range(max(6, CITIES[c][2] * 4)):
                reg = self.region(c)
                h = self.corp(reg, "merchant")
                self.merchants[c].append(self.acc(h, self.pick_bank(c), self.old_open(1, 15), reg))
        reg = "370102"
        self.utility = [self.acc(self.corp(reg, "utility"), b, self.old_open(10, 20), reg)
                        for b in ("ICBC", "CCB", "ABC", "QLBANK")]
        self.social = self.acc(self.corp("370103", "social_security_fund"), "ICBC", self.old_open(15, 20), "370103")
        self.lenders = []
        for p, b in (("shanghai", "CMB"), ("beijing", "BOC"), ("shenzhen", "CMB")):
            self.lenders.append(self.acc(self.corp(OUT[p], "consumer_lender"), b, self.old_open(3, 8), OUT[p]))
        self.lenders.append(self.acc(self.corp("370102", "consumer_lender"), "QLBANK", self.old_open(3, 8), "370102"))
        self.developers = []
        for c in ("jinan", "qingdao", "yantai", "weifang", "linyi"):
            rg = self.region(c)
            self.developers.append(self.acc(self.corp(rg, "property_developer"), self.pick_bank(c), self.old_open(3, 12), rg))
        self.car_dealers = []
        for c in ("jinan", "qingdao", "weifang", "linyi", "heze", "zibo"):
            rg = self.region(c)
            self.car_dealers.append(self.acc(self.corp(rg, "car_dealer"), self.pick_bank(c), self.old_open(3, 12), rg))
        self.gold = []
        for c in ("jinan", "qingdao", "shuibei", "shuibei", "shenzhen", "linyi"):
            rg = self.region(c)
            b = self.pick_bank(c) if c in CITIES else "GDRCU"
            self.gold.append(self.acc(self.corp(rg, "gold_dealer"), b, self.old_open(3, 12), rg))
        self.hotels = []
        for c in CITY_NAMES:
            rg = self.region(c)
            self.hotels.append(self.acc(self.corp(rg, "wedding_hotel"), self.pick_bank(c), self.old_open(3, 12), rg))
        self.universities = {}
        for c, regs in (("jinan", ["370112", "370102"]), ("qingdao", ["370211", "370212", "370215"]),
                        ("weifang", ["370705"]), ("yantai", ["370613"])):
            self.universities[c] = [self.acc(self.corp(rg, "university"), self.pick_bank(c), self.old_open(10, 20), rg)
                                    for rg in regs]
        self.ext_people = [self.ext_person_acc(r.choice(list(OUT)) if r.random() < 0.5 else self.city())
                           for _ in range(1500)]
        self.persons = []       # lawful persons with a supplying account: (holder, [accounts], city, profile)
        self.by_profile = {}

    def add_person(self, city, profile, age, n_acc=(1, 2), opened=None, supplying_first=True, birth_region=None, cls=None):
        r = self.r
        reg = self.region(city)
        h = self.person(reg, age, profile, birth_region=birth_region)
        accs = []
        k = r.randint(*n_acc)
        for j in range(k):
            b = self.pick_bank(city, supplying=True if (j == 0 and supplying_first) else None)
            op = opened if (opened is not None and j == 0) else self.old_open(0.5, min(20, age[1] - 17))
            accs.append(self.acc(h, b, op, reg, cls=cls if j == 0 else None))
        p = [h, accs, city, profile]
        self.persons.append(p)
        self.by_profile.setdefault(profile, []).append(p)
        return p

    def own_wallet(self, p):
        if p[1][-1].kind != "wallet":
            w = self.wallet(p[0], p[0].home, bank="QLPAY" if self.r.random() < 0.12 else None)
            w.arch = ("rented_out_holder" if p[3].startswith("mule") else p[3]) + "_wallet"
            if w.bank == "QLPAY":
                w.opened = self.r.randrange(-3 * 365 * DAY, 120 * DAY)
            p[1].append(w)
        return p[1][-1]

    # ---------------------------------------------------------------- ordinary life
    def life(self, p, salary=0, pension=0, intensity=1.0, parents=None, lo=0):
        r = self.r
        h, accs, city, prof = p[:4]
        main = accs[0]
        lo = max(lo, main.opened // DAY + 1 if main.opened > 0 else 0)
        if lo >= DAYS - 2:
            return
        emp = r.choice(self.employers[city])
        if salary:
            for d in PAYDAYS:
                if d >= lo:
                    self.t(self.ts(d, 9, 12), emp, main, self.amt(salary, 0.08, rnd=False), "other",
                           emp.region, memo="工资")
            if r.random() < 0.6:
                d = r.randrange(max(lo, 140), 168) if lo < 167 else None
                if d:
                    self.t(self.ts(d, 9, 17), emp, main, self.amt(salary * 1.5, 0.5), "other", emp.region, memo="年终奖")
        if pension:
            for d in MONTH_STARTS:
                if d >= lo:
                    self.t(self.ts(d + 4, 8, 11), self.social, main, self.amt(pension, 0.05, rnd=False), "other",
                           self.social.region, memo="养老金")
        wal = self.own_wallet(p)
        n = int(r.uniform(3, 8) * intensity)
        for _ in range(n):
            d = self.day(lo)
            self.t(self.ts(d), main, wal, self.amt(600, 0.8), "mobile", main.region, memo="充值")
        for _ in range(int(r.uniform(2, 6) * intensity)):
            d = self.day(lo)
            m = r.choice(self.merchants[city] if r.random() < 0.85 else self.merchants[self.city()])
            self.t(self.ts(d, 9, 22), main, m, self.amt(180, 1.0, rnd=False), "pos", m.region)
        for _ in range(r.choice([0, 0, 1, 1, 2, 3])):
            d = self.day(lo)
            self.t(self.ts(d, 8, 22), main, None, self.amt(800, 0.6, rnd=True) // 10000 * 10000 + 10000,
                   "atm", self.region(city), kind="withdrawal")
        if r.random() < 0.45:
            u = r.choice(self.utility)
            for d in MONTH_STARTS:
                if d >= lo:
                    self.t(self.ts(d + r.randrange(3, 20)), main, u, self.amt(120, 0.5, rnd=False), "online", u.region,
                           memo="缴费")
        fam = parents
        if fam is None and r.random() < 0.35:
            fam = r.choice(self.ext_people)
        if fam is not None:
            for d in MONTH_STARTS:
                if d >= lo and r.random() < 0.5:
                    self.t(self.ts(d + r.randrange(0, 25)), main, fam, self.amt(1000, 0.5), "mobile", main.region,
                           memo="生活费")
            if SPRING - 10 > lo:
                self.t(self.ts(r.randrange(SPRING - 10, SPRING + 2), 10, 23), main, fam, self.amt(1500, 0.6),
                       "mobile", main.region, memo="过年")
        if len(accs) > 1 and accs[1].kind == "card" and r.random() < 0.5:
            for _ in range(r.randint(1, 4)):
                d = self.day(lo)
                a, b = (accs[0], accs[1]) if r.random() < 0.6 else (accs[1], accs[0])
                self.t(self.ts(d), a, b, self.amt(3000, 0.9), "mobile", main.region, memo="")
        # occasional transfers to friends who are customers too
        for _ in range(r.choice([0, 0, 1, 2])):
            q = r.choice(self.persons)
            if q is not p:
                self.t(self.ts(self.day(lo)), main, q[1][0], self.amt(300, 0.9), "mobile", main.region)

    # ---------------------------------------------------------------- lawful look-alikes
    def gen_lawful(self):
        r = self.r
        n = self.n
        V = self.V
        # ordinary customers
        for _ in range(V["ordinary"]):
            c = self.city()
            age = r.choices([(22, 35), (35, 55), (55, 80)], weights=[4, 5, 2])[0]
            p = self.add_person(c, "retiree" if age[0] >= 55 else "ordinary", age, n_acc=(1, 3))
        # dormant cards (secondary accounts that did not move in the window)
        for _ in range(V["dormant"]):
            c = self.city()
            reg = self.region(c)
            h = self.person(reg, (25, 75), "dormant")
            self.acc(h, self.pick_bank(c, supplying=True), self.old_open(1, 18), reg, arch="dormant")
        # students (cards opened at term start)
        self.students = []
        for _ in range(n(420)):
            c = r.choice(list(self.universities))
            hometown = self.city()
            op = self.ts(r.randrange(TERM_START - 3, TERM_START + 14), 9, 17)
            p = self.add_person(c, "student", (17, 21), n_acc=(1, 1), opened=op,
                                birth_region=self.region(hometown), cls=r.choice(["I", "II"]))
            p.append(self.ext_person_acc(hometown, "student_parent", age=(40, 55)))
            self.students.append(p)
        # new employees: salary cards opened in batches by the employer
        self.newemps = []
        for _ in range(n(14)):
            c = r.choice(["weifang", "qingdao", "jinan", "yantai", "zibo", "linyi"])
            emp = r.choice(self.employers[c])
            bank = r.choice(SUPPLYING[:5])
            d = r.randrange(5, 150)
            for _ in range(r.randint(8, 25)):
                op = self.ts(d, 9, 16)
                reg = self.region(c)
                h = self.person(reg, (19, 30), "new_employee")
                a = self.acc(h, bank, op, reg, arch="new_employee")
                a.region = emp.region
                p = [h, [a], c, "new_employee"]
                self.persons.append(p)
                self.by_profile.setdefault("new_employee", []).append(p)
                self.newemps.append((p, emp))
        # multi-bank people (one holder, several cards, moving money between them)
        self.multibank = []
        for _ in range(n(240)):
            c = self.city()
            p = self.add_person(c, "multi_bank", (25, 60), n_acc=(3, 5))
            if r.random() < 0.25:    # opened a couple of new cards for promotions / mortgage
                for _ in range(r.randint(1, 3)):
                    d = r.randrange(0, 170)
                    p[1].append(self.acc(p[0], self.pick_bank(c), self.ts(d, 9, 17), p[0].home, arch="multi_bank"))
            self.multibank.append(p)
        # migrant workers and labour contractors
        self.migrants = []
        self.contractors = []
        for _ in range(n(18)):
            wc = r.choice(["qingdao", "jinan", "yantai", "weihai"])
            p = self.add_person(wc, "labour_contractor", (35, 58), n_acc=(1, 2), birth_region=self.region("heze"))
            self.contractors.append(p)
            for _ in range(r.randint(8, 18)):
                home = r.choice(["heze", "linyi", "heze"])
                q = self.add_person(wc if r.random() < 0.5 else home, "migrant_worker", (20, 55), n_acc=(1, 2),
                                    birth_region=self.region(home))
                q.append(self.ext_person_acc(home, "migrant_family", bank="SDRCU" if r.random() < 0.6 else None))
                self.migrants.append((q, p))
        # Linyi wholesale traders on personal accounts
        self.linyi = [self.add_person("linyi", "linyi_trader", (28, 55), n_acc=(1, 2)) for _ in range(n(34))]
        self.linyi_buyers = [self.ext_person_acc(r.choice(["xuzhou", "zhengzhou", "hefei", "shijiazhuang", "nanjing",
                                                           "wuhan", "tianjin"]) if r.random() < 0.6 else self.city(),
                                                 "retail_buyer") for _ in range(n(700))]
        self.factories = []
        for _ in range(n(70)):
            pl = r.choice(["yiwu", "jinjiang", "guangzhou", "linyi", "linyi", "dongguan"])
            rg = self.region(pl)
            b = self.pick_bank(pl) if pl in CITIES else self.pick_bank(pl, supplying=False)
            self.factories.append(self.acc(self.corp(rg, "factory"), b, self.old_open(2, 15), rg))
        self.logistics = []
        for _ in range(n(10)):
            rg = self.region("linyi")
            self.logistics.append(self.acc(self.corp(rg, "logistics"), self.pick_bank("linyi"), self.old_open(2, 15), rg))
        # Qingdao seafood / port
        self.seafood = []
        for _ in range(n(20)):
            if r.random() < 0.5:
                p = self.add_person("qingdao", "seafood_trader", (30, 60), n_acc=(1, 2))
            else:
                rg = self.region("qingdao")
                h = self.corp(rg, "seafood_company")
                p = [h, [self.acc(h, self.pick_bank("qingdao", supplying=True), self.old_open(2, 15), rg)], "qingdao",
                     "seafood_company"]
            fishers = [self.add_person(r.choice(["qingdao", "qingdao", "weihai", "yantai"]), "fisherman", (30, 65))
                       for _ in range(r.randint(6, 16))]
            self.seafood.append((p, fishers))
        self.seafood_buyers = [self.ext_person_acc(r.choice(["beijing", "shanghai", "zhengzhou", "nanjing",
                                                             "shijiazhuang", "tianjin"]) if r.random() < 0.6
                                                   else self.city(), "seafood_buyer") for _ in range(n(200))]
        # Yantai apple buyers and farmers
        self.fruit = []
        for _ in range(n(18)):
            p = self.add_person("yantai", "fruit_buyer", (30, 60), n_acc=(1, 2))
            p[1][0].region = r.choice(["370686", "370682", "370612"])
            farmers = []
            for _ in range(r.randint(25, 70)):
                fh = self.person(p[1][0].region, (40, 75), "apple_farmer")
                fa = self.acc(fh, "SDRCU" if r.random() < 0.75 else self.pick_bank("yantai"), self.old_open(3, 20),
                              p[1][0].region)
                q = [fh, [fa], "yantai", "apple_farmer"]
                self.persons.append(q)
                farmers.append(q)
            self.fruit.append((p, farmers))
        self.fruit_clients = []
        for _ in range(n(30)):
            pl = r.choice(["guangzhou", "shanghai", "beijing", "shenzhen", "nanjing"])
            rg = OUT[pl]
            self.fruit_clients.append(self.acc(self.corp(rg, "fruit_distributor"), self.pick_bank(pl, supplying=False),
                                               self.old_open(2, 15), rg))
        # Zibo barbecue stalls
        self.bbq = [self.add_person("zibo", "zibo_bbq_stall", (25, 55), n_acc=(1, 2)) for _ in range(n(16))]
        for p in self.bbq:
            p[1][0].region = r.choice(["370303", "370305", "370302"])
        self.tourists = [self.ext_person_acc(r.choice(list(OUT)) if r.random() < 0.6 else self.city(), "tourist")
                         for _ in range(n(900))]
        # landlords, weddings, group buying, family pooling, large first payments, Weihai Korea trade
        self.landlords = [self.add_person(r.choice(["jinan", "qingdao", "qingdao", "yantai", "weifang"]), "landlord",
                                          (40, 70), n_acc=(1, 2)) for _ in range(n(60))]
        self.weddings = [self.add_person(self.city(), "wedding_couple", (24, 33), n_acc=(1, 2)) for _ in range(n(30))]
        self.groupbuy = [self.add_person(r.choice(["jinan", "qingdao", "weifang", "linyi"]), "group_buy_leader",
                                         (30, 55), n_acc=(1, 1)) for _ in range(n(14))]
        self.families = [self.add_person(self.city(), "family_pool_receiver", (26, 40), n_acc=(1, 2))
                         for _ in range(n(30))]
        self.bigfirst = []
        for _ in range(n(50)):
            c = self.city()
            op = self.ts(r.randrange(2, 178), 9, 16)
            self.bigfirst.append(self.add_person(c, "large_first_payment", (25, 50), n_acc=(2, 2), opened=op))
        self.weihai = []
        for _ in range(n(16)):
            rg = r.choice(["371002", "371082", "371003"])
            h = self.corp(rg, "weihai_korea_trade")
            a = self.acc(h, r.choice(["WHCCB", "WHCCB", "ICBC"]), self.old_open(2, 12), rg)
            kr = [self.acc(self.foreign("korean_partner"), "KEBHANA", self.old_open(3, 15), "", kind="foreign",
                           cls="corp") for _ in range(r.randint(1, 3))]
            self.weihai.append((a, kr))

    def gen_lawful_flows(self):
        r = self.r
        for p in list(self.persons):
            prof = p[3]
            if prof in ("ordinary", "multi_bank", "landlord", "wedding_couple", "family_pool_receiver",
                        "large_first_payment", "group_buy_leader"):
                self.life(p, salary=self.amt(5500, 0.4) / 100)
            elif prof == "retiree":
                self.life(p, pension=self.amt(3200, 0.3) / 100, intensity=0.6)
            elif prof in ("linyi_trader", "seafood_trader", "fruit_buyer", "zibo_bbq_stall", "labour_contractor"):
                self.life(p, intensity=0.7)
            elif prof == "apple_farmer":
                if r.random() < 0.3:
                    self.life(p, intensity=0.3)
        for p in self.students:
            h, accs, city, prof, parent = p
            main = accs[0]
            lo = main.opened // DAY + 1
            uni = r.choice(self.universities[city])
            self.t(main.opened + r.randrange(600, 3 * DAY), parent, main, self.amt(6000, 0.3), "mobile", parent.region,
                   memo="学费")
            self.t(main.opened + r.randrange(3 * DAY, 8 * DAY), main, uni, self.amt(5000, 0.2, rnd=True), "online",
                   uni.region, memo="学费")
            for d in MONTH_STARTS + [lo + 1]:
                if d >= lo:
                    self.t(self.ts(min(DAYS - 1, d + r.randrange(0, 4))), parent, main, self.amt(1800, 0.35),
                           "mobile", parent.region, memo="生活费")
            wal = self.own_wallet(p)
            for _ in range(r.randint(4, 12)):
                d = self.day(lo)
                self.t(self.ts(d, 10, 24), main, wal if r.random() < 0.6 else uni, self.amt(150, 0.8), "mobile",
                       main.region, memo="")
            for _ in range(r.randint(1, 6)):    # AA with classmates
                q = r.choice(self.students)
                if q is not p:
                    self.t(self.ts(self.day(lo), 11, 24), q[1][0], main, self.amt(60, 0.7, rnd=False), "mobile",
                           q[1][0].region, memo="AA")
        for p, emp in self.newemps:
            main = p[1][0]
            lo = main.opened // DAY
            for d in PAYDAYS:
                if d > lo + 10:
                    self.t(self.ts(d, 9, 12), emp, main, self.amt(4200, 0.12, rnd=False), "other", emp.region,
                           memo="工资")
            self.life(p, intensity=0.7)
        for p in self.multibank:
            accs = [a for a in p[1] if a.kind == "card"]
            for _ in range(r.randint(4, 14)):
                a, b = r.sample(accs, 2)
                d = self.day(max(a.opened, b.opened, 0) // DAY + 1)
                self.t(self.ts(d), a, b, self.amt(5000, 1.0), r.choice(["mobile", "online"]), a.region,
                       memo=r.choice(["", "", "还信用卡", "理财"]))
        for q, con in self.migrants:
            fam = q[4]
            for d in MONTH_STARTS:
                if r.random() < 0.7:
                    dd = min(DAYS - 1, d + r.randrange(2, 12))
                    self.t(self.ts(dd, 9, 18), con[1][0], q[1][0], self.amt(4500, 0.3), "mobile", con[1][0].region,
                           memo="工资")
                    self.t(self.ts(min(DAYS - 1, dd + r.randrange(0, 3)), 18, 23), q[1][0], fam, self.amt(2500, 0.4),
                           "mobile", q[1][0].region, memo="家用")
            dd = r.randrange(150, 168)
            self.t(self.ts(dd, 9, 18), con[1][0], q[1][0], self.amt(15000, 0.4), "mobile", con[1][0].region,
                   memo="年底结账")
            self.t(self.ts(dd + r.randrange(0, 4), 12, 23), q[1][0], fam, self.amt(10000, 0.4), "mobile",
                   q[1][0].region, memo="带回家")
            self.life(q, intensity=0.4, parents=fam)
        for p in self.contractors:   # paid by construction companies
            gc = r.choice(self.employers[p[2]])
            for d in MONTH_STARTS:
                self.t(self.ts(d, 9, 16), gc, p[1][0], self.amt(80000, 0.3), "online", gc.region, memo="工程款")
            self.t(self.ts(148, 9, 16), gc, p[1][0], self.amt(250000, 0.3), "online", gc.region, memo="工程款")
        # Linyi traders
        for p in self.linyi:
            main = p[1][0]
            cust = r.sample(self.linyi_buyers, min(len(self.linyi_buyers), r.randint(25, 90)))
            sup = r.sample(self.factories, r.randint(3, 9))
            lg = r.choice(self.logistics)
            scale = r.uniform(0.5, 1.6)
            for d in range(DAYS):
                pa = 0.55 if d < 150 else (0.85 if d < SPRING - 3 else (0.05 if d < SPRING + 6 else 0.5))
                if r.random() > pa:
                    continue
                tot = 0
                for _ in range(r.randint(1, 5)):
                    f = self.amt(4000 * scale, 0.9)
                    tot += f
                    self.t(self.ts(d, 7, 18), r.choice(cust), main, f, r.choice(["mobile", "online"]), "", memo="货款")
                if r.random() < 0.7:
                    self.t(self.ts(d, 17, 22), main, r.choice(sup), int(tot * r.uniform(0.6, 0.95)), "mobile",
                           main.region, memo="货款")
                if r.random() < 0.3:
                    self.t(self.ts(d, 16, 21), main, lg, self.amt(600, 0.7), "mobile", main.region, memo="运费")
        # Qingdao seafood
        for p, fishers in self.seafood:
            main = p[1][0]
            buyers = r.sample(self.seafood_buyers, r.randint(10, 40))
            for d in range(KAIHAI, DAYS):
                boost = 2.0 if 150 <= d < SPRING else (0.2 if SPRING <= d < SPRING + 6 else 1.0)
                for _ in range(int(r.uniform(0, 3) * boost)):
                    self.t(self.ts(d, 6, 20), r.choice(buyers), main, self.amt(12000, 0.8), "online", "", memo="海鲜款")
                if r.random() < 0.25 * boost:
                    fi = r.choice(fishers)[1][0]
                    self.t(self.ts(d, 4, 10), main, fi, self.amt(20000, 0.7), "mobile", main.region, memo="货款")
            for f in fishers:
                self.life(f, intensity=0.4)
        # Yantai fruit
        for p, farmers in self.fruit:
            main = p[1][0]
            lender = self.employers["yantai"][0]
            self.t(self.ts(HARVEST[0] - 5, 9, 16), r.choice(self.lenders), main, self.amt(300000, 0.4), "online",
                   "", memo="贷款")
            clients = r.sample(self.fruit_clients, r.randint(2, 6))
            for d in range(HARVEST[0] + 5, 140, r.randint(4, 9)):
                self.t(self.ts(d, 9, 17), r.choice(clients), main, self.amt(120000, 0.6), "online", "", memo="苹果款")
            for q in farmers:
                for _ in range(r.choice([1, 1, 2])):
                    d = r.randrange(*HARVEST)
                    self.t(self.ts(d, 6, 19), main, q[1][0], self.amt(18000, 0.7), "mobile", main.region, memo="苹果款")
                fa = q[1][0]
                for _ in range(r.randint(0, 3)):
                    d = r.randrange(HARVEST[1], DAYS)
                    self.t(self.ts(d, 8, 17), fa, None, r.randint(5, 60) * 100, "atm", fa.region, kind="withdrawal")
            cold = r.choice(self.merchants["yantai"])
            for d in MONTH_STARTS[2:]:
                self.t(self.ts(d + 1, 9, 17), main, cold, self.amt(15000, 0.4), "online", main.region, memo="冷库费")
        # Zibo barbecue
        for p in self.bbq:
            main = p[1][0]
            sup = r.choice(self.merchants["zibo"] + self.merchants["linyi"])
            pool = r.sample(self.tourists, min(len(self.tourists), 300)) + [q[1][0] for q in r.sample(self.persons, 60)]
            for d in range(DAYS):
                base = 1.5 if WEEKDAY[d] < 5 else 5
                if NATIONAL_DAY[0] <= d <= NATIONAL_DAY[1]:
                    base = 12
                if d < 10:
                    base *= 1.5    # tail of the summer peak
                if SPRING - 2 <= d <= SPRING + 5:
                    base = 0.3
                for _ in range(int(r.uniform(0.3, 1.2) * base)):
                    self.t(self.ts(d, 17, 24), r.choice(pool), main, self.amt(180, 0.6, rnd=False), "mobile", "",
                           memo="烧烤")
                if r.random() < 0.35:
                    self.t(self.ts(d, 9, 14), main, sup, self.amt(4000, 0.5), "mobile", main.region, memo="肉款")
        # landlords
        for p in self.landlords:
            main = p[1][0]
            tenants = [q[1][0] for q in r.sample(self.persons, r.randint(2, 8))]
            for ten in tenants:
                rent = self.amt(1800, 0.4, rnd=True)
                dom = r.randrange(0, 5)
                for d in MONTH_STARTS:
                    self.t(self.ts(d + dom, 8, 23), ten, main, rent, "mobile", ten.region, memo="房租")
        # weddings
        for p in self.weddings:
            main = p[1][0]
            d = r.choice([r.randrange(*NATIONAL_DAY), r.randrange(10, 36), r.randrange(130, 170), r.randrange(0, 180)])
            guests = r.sample(self.persons, r.randint(20, 70)) 
            for g in guests:
                self.t(self.ts(d, 10, 23), g[1][0], main, r.choice([200, 500, 600, 800, 1000, 1001, 2000, 666, 888]) * 100,
                       "mobile", g[1][0].region, memo=r.choice(["新婚快乐", "份子钱", "", "百年好合"]))
            for g in [self.ext_people[r.randrange(len(self.ext_people))] for _ in range(r.randint(5, 30))]:
                self.t(self.ts(d, 10, 23), g, main, r.choice([200, 500, 1000, 2000]) * 100, "mobile", "", memo="新婚快乐")
            self.t(self.ts(min(DAYS - 1, d + 1), 10, 16), main, r.choice(self.hotels), self.amt(40000, 0.4), "online",
                   main.region, memo="婚宴")
            if r.random() < 0.4:
                self.t(self.ts(max(0, d - r.randrange(3, 20)), 10, 18), main, r.choice(self.gold), self.amt(20000, 0.5),
                       "pos", main.region, memo="三金")
        # group buying
        for p in self.groupbuy:
            main = p[1][0]
            neigh = [q[1][0] for q in r.sample(self.persons, 40)] + r.sample(self.ext_people, 60)
            sup = r.choice(self.merchants[p[2]])
            for d in range(r.randrange(0, 4), DAYS, r.randint(3, 6)):
                tot = 0
                for _ in range(r.randint(6, 22)):
                    f = self.amt(80, 0.7, rnd=False)
                    tot += f
                    self.t(self.ts(d, 8, 22), r.choice(neigh), main, f, "mobile", "", memo="团购")
                self.t(self.ts(d, 22, 24), main, sup, int(tot * 0.9), "mobile", main.region, memo="团购货款")
        # family pooling
        for p in self.families:
            main = p[1][0]
            d = r.randrange(5, 175)
            fam = [self.ext_person_acc(p[2] if r.random() < 0.7 else r.choice(list(OUT)), "family_member")
                   for _ in range(r.randint(2, 5))]
            fam += [q[1][0] for q in r.sample(self.persons, r.randint(0, 2))]
            tot = 0
            for f in fam:
                x = self.amt(60000, 0.6, rnd=True)
                tot += x
                self.t(self.ts(d + r.randrange(0, 3), 8, 22), f, main, x, "mobile", "", memo="买房")
            tgt = r.choice(self.developers if r.random() < 0.7 else self.car_dealers)
            self.t(self.ts(min(DAYS - 1, d + 3), 9, 17), main, tgt, int(tot * r.uniform(0.9, 1.2)) // 10000 * 10000,
                   "counter", main.region, memo="首付")
        # large first payments on new accounts
        for p in self.bigfirst:
            new, old = p[1][0], p[1][1]
            d0 = new.opened // DAY
            x = self.amt(150000, 0.6, rnd=True)
            self.t(new.opened + r.randrange(600, 7200), old, new, x + self.amt(2000, 0.5), "mobile", new.region)
            tgt = r.choice(self.car_dealers + self.developers)
            self.t(self.ts(min(DAYS - 1, d0 + r.randrange(0, 3)), 9, 17), new, tgt, x, "counter", new.region,
                   memo=r.choice(["购车款", "定金", "首付"]))
        # Weihai Korea trade
        for a, kr in self.weihai:
            clients = r.sample(self.ext_people, 8) + [q[1][0] for q in r.sample(self.persons, 4)]
            for _ in range(r.randint(15, 40)):
                self.t(self.ts(self.day(), 9, 17), r.choice(clients), a, self.amt(40000, 0.8), "online", "", memo="货款")
            for _ in range(r.randint(6, 18)):
                self.t(self.ts(self.day(), 9, 16), a, r.choice(kr), self.amt(90000, 0.7), "online", a.region,
                       memo="进口货款", cross=True)
            for _ in range(r.randint(2, 8)):
                self.t(self.ts(self.day(), 9, 16), r.choice(kr), a, self.amt(60000, 0.7), "online", "",
                       memo="出口货款", cross=True)
        # employers also get paid (keeps their balances plausible) and merchants settle
        for c in CITY_NAMES:
            for m in self.merchants[c]:
                for d in range(r.randrange(0, 14), DAYS, 14):
                    self.t(self.ts(d, 1, 4), m, r.choice(self.factories), self.amt(30000, 0.6), "other", m.region,
                           memo="结算")

    # ---------------------------------------------------------------- fraud
    def gen_farmers(self):
        r = self.r
        st = self.stealth
        self.farmers = []
        self.farm_cards = []
        for _ in range(30 if not st else 34):
            home = r.choice(HOME_OUT + ["heze", "linyi", "heze"]) if not st else r.choice(["heze", "linyi", "jinan", "weifang"] + HOME_OUT[:2])
            hreg = self.region(home)
            h = self.person(hreg, (19, 45), "card_farmer")
            h.farmer = 1
            own = []
            for j in range(r.randint(1, 2)):
                b = self.pick_bank(home, supplying=True if (home in CITIES and j == 0) else None)
                own.append(self.acc(h, b, self.old_open(1, 8), hreg, arch="card_farmer_own"))
            p = [h, own, home if home in CITIES else "linyi", "card_farmer_own"]
            if home in CITIES:
                self.persons.append(p)
            self.life(p, intensity=0.5, salary=0)
            if st:
                k = r.randint(4, 9)
                d0 = r.randrange(0, 110)
                span = r.randint(21, 56)
                cities = [home if home in CITIES else "linyi"] + r.sample(CITY_NAMES, 1)
            else:
                k = r.randint(6, 14)
                d0 = r.randrange(0, 125)
                span = r.randint(2, 15)
                cities = r.sample(CITY_NAMES, r.randint(2, 3)) + ([r.choice(["nanjing", "xuzhou", "zhengzhou"])]
                                                                    if r.random() < 0.4 else [])
            cards = []
            for j in range(k):
                c = r.choice(cities)
                d = min(DAYS - 1, d0 + int(span * j / max(1, k - 1)) + (r.randrange(0, 3) if st else 0))
                bank = self.pick_bank(c) if c in CITIES else self.pick_bank(c, supplying=False)
                if r.random() < 0.15 and not st:
                    bank = r.choice(["ALIPAY", "TENPAY", "QLPAY"])
                kind = "wallet" if INST[bank][2] == "payment_firm" else "card"
                a = self.acc(h, bank, self.ts(d, 9, 17), self.region(c), role="farmer_card",
                             arch="farmer_card", kind=kind, cls="I" if kind == "card" and r.random() < 0.7 else "II")
                a.farmer = 1
                cards.append(a)
            self.farmers.append((h, own, cards))
            self.farm_cards.extend(cards)
        self.farm_cards.sort(key=lambda a: (a.opened, a.i))

    def new_mule(self, t, layer, crew):
        """a fresh receiving account of some kind, usable at time t"""
        r = self.r
        st = self.stealth
        if layer == 0:
            w = [0.15, 0.05, 0.6, 0.1, 0.1] if st else [0.35, 0.2, 0.2, 0.15, 0.1]
        else:
            w = [0.2, 0.05, 0.6, 0.1, 0.05] if st else [0.4, 0.2, 0.2, 0.15, 0.05]
        kind = r.choices(["farmer", "fresh", "rented", "wallet", "shell"], weights=w)[0]
        p_sup = [0.6, 0.4, 0.3, 0.25, 0.2][min(layer, 4)]
        sup = r.random() < p_sup
        if kind == "farmer":
            quiet = (20 if st else 3) * DAY
            for a in self.farm_cards:
                if a.opened + quiet > t:
                    break
                if not a.used and (a.row == sup or r.random() < 0.3):
                    a.used = 1
                    return a
            kind = "fresh"
        if layer >= 1 and not st and not sup:
            place = r.choice(crew["places"])
        else:
            place = self.city() if (st or layer == 0 or sup) else r.choice(crew["places"])
        if kind == "fresh":
            reg = self.region(place)
            h = self.person(reg, (18, 30), "mule_fresh")
            bank = self.pick_bank(place, supplying=sup if place in CITIES else False)
            op = t - r.randrange(1 * DAY, (40 if st else 10) * DAY)
            return self.acc(h, bank, op, reg, role="mule", arch="mule_fresh", cls=r.choice(["I", "II"]))
        if kind == "rented":
            c = place if place in CITIES else self.city()
            reg = self.region(c)
            h = self.person(reg, (25, 60), "mule_rented_old")
            bank = self.pick_bank(c, supplying=sup)
            a = self.acc(h, bank, self.old_open(2, 12), reg, role="mule", arch="mule_rented_old")
            a.cut = END
            p = [h, [a], c, "mule_rented_old"]
            self.rented.append((p, t))
            return a
        if kind == "wallet":
            c = place
            reg = self.region(c)
            h = self.person(reg, (18, 35), "mule_wallet")
            bank = "QLPAY" if sup else r.choice(["ALIPAY", "TENPAY"])
            op = t - r.randrange(DAY, 200 * DAY)
            if bank == "QLPAY":
                op = max(op, -200 * DAY)
            return self.acc(h, bank, op, reg, role="mule", arch="mule_wallet", kind="wallet",
                            cls=r.choice(["II", "III"]))
        # shell company
        c = place if place in CITIES else place
        reg = self.region(c)
        h = self.corp(reg, "mule_shell")
        bank = self.pick_bank(c, supplying=sup) if c in CITIES else self.pick_bank(c, supplying=False)
        op = t - r.randrange(20 * DAY, 400 * DAY)
        return self.acc(h, bank, op, reg, role="mule", arch="mule_shell_company")

    def current(self, crew, layer, t):
        r = self.r
        st = self.stealth
        cur = crew["cur"].setdefault(layer, [])
        cur[:] = [c for c in cur if c[1] > t and c[2] > 0]
        want = 2 if layer == 0 else 2
        while len(cur) < want:
            a = self.new_mule(t, layer, crew)
            life = (r.uniform(4, 30) if st else r.uniform(0.5, 6)) * DAY
            cur.append([a, t + life, r.randint(3, 25) if not st else r.randint(6, 40)])
            crew["mules"].append((a, layer))
        c = r.choice(cur)
        c[2] -= 1
        return c[0]

    def gen_fraud(self):
        r = self.r
        st = self.stealth
        self.rented = []
        self.crews = []
        # U商 (OTC USDT sellers)
        self.ushang = []
        for _ in range(18):
            c = r.choice(CITY_NAMES + ["shenzhen", "guangzhou", "jinjiang", "zhengzhou"])
            reg = self.region(c)
            h = self.person(reg, (22, 45), "ushang")
            accs = [self.acc(h, self.pick_bank(c) if c in CITIES else self.pick_bank(c, supplying=False),
                             self.old_open(1, 6), reg, role="ushang", arch="ushang") for _ in range(r.randint(1, 3))]
            own = self.acc(h, r.choice(["CMB", "BOC", "CCB"]), self.old_open(1, 6), reg, role="ushang",
                           arch="ushang_own")
            self.ushang.append((accs, own, [c in CITIES]))
        # paofen platforms (operators) and participants
        self.paofen_ops = []
        for _ in range(4):
            c = r.choice(["linyi", "heze", "shenzhen", "kunming"])
            reg = self.region(c)
            h = self.person(reg, (22, 40), "paofen_operator")
            b = self.pick_bank(c) if c in CITIES else self.pick_bank(c, supplying=False)
            self.paofen_ops.append(self.acc(h, b, self.old_open(1, 5), reg, role="operator", arch="paofen_platform"))
        self.paofen = []
        cand = self.students + self.by_profile.get("ordinary", [])[:800]
        for _ in range(45 if not st else 55):
            p = r.choice(cand)
            a = p[1][0]
            if a.role != "lawful" or a.victim:
                continue
            a.role = "paofen"
            a.arch = p[3] + ";paofen"
            d0 = max(a.opened // DAY + 5, r.randrange(10, 150))
            self.paofen.append([a, d0, d0 + r.randint(10, 50), r.choice(self.paofen_ops)])
        self.rebaters = []
        for _ in range(6):
            c = r.choice(["shenzhen", "kunming", "nanning"])
            reg = self.region(c)
            h = self.person(reg, (20, 40), "rebate_operator")
            self.rebaters.append(self.acc(h, self.pick_bank(c, supplying=False), self.old_open(1, 4), reg,
                                          role="operator", arch="rebate_operator"))
        ncrew = 12
        for k in range(ncrew):
            types = r.sample([t[0] for t in TYPOLOGIES if t[0] not in PAOFEN_TYPES], 3)
            d0 = r.randrange(0, 90)
            self.crews.append(dict(
                k=k, types=types, d0=d0, d1=min(DAYS, d0 + r.randint(70, 160)),
                places=r.sample(FAR_CASH, 2) if not st else r.sample(CITY_NAMES, 2),
                layers=r.randint(2, 3) if not st else r.randint(3, 5),
                cash=[0.45, 0.2, 0.35] if not st else [0.5, 0.2, 0.3],
                cur={}, mules=[], inc={}))
        # victims
        nvict = 520
        tw = [t[1] for t in TYPOLOGIES]
        pools = {
            "young": self.students + self.by_profile.get("new_employee", []) + [p for p in self.by_profile.get("ordinary", [])
                                                                               if p[0].idno[6:10] >= "1990"],
            "adult": self.by_profile.get("ordinary", []) + self.by_profile.get("multi_bank", []) +
            self.by_profile.get("migrant_worker", []),
            "old": self.by_profile.get("retiree", []) + [p for p in self.by_profile.get("ordinary", [])
                                                         if p[0].idno[6:10] < "1975"],
        }
        for _ in range(nvict):
            typ = r.choices(TYPOLOGIES, weights=tw)[0]
            tid, _, (n0, n1), (h0, h1), pool = typ
            # victim: a customer of a supplying bank (60%) or someone elsewhere paying into a supplying account
            internal = r.random() < 0.6
            if internal:
                p = r.choice(pools[pool])
                va = p[1][0]
                if va.role != "lawful" or va.victim:
                    continue
            else:
                place = r.choice(list(OUT)) if r.random() < 0.5 else self.city()
                age = {"young": (18, 28), "adult": (28, 55), "old": (55, 80)}[pool]
                va = self.ext_person_acc(place, "ordinary", age=age)
            va.victim = tid
            va.arch = va.arch + ";victim=" + tid
            lo = max(0, va.opened // DAY + 3)
            if tid == "credit_record":
                d = self.day(max(lo, TERM_START), DAYS - 1)
            elif tid == "ecommerce_cs" and r.random() < 0.3:
                d = r.randrange(DOUBLE11 - 5, DOUBLE11 + 15)
            else:
                d = self.day(lo, DAYS - 1)
            if d < lo:
                continue
            npay = r.randint(n0, n1)
            if tid in ("brushing", "loan_card"):
                base = self.amt(300 if tid == "brushing" else 800, 0.6)
                grow = r.uniform(1.6, 2.8)
            elif tid in ("investment", "romance"):
                base = self.amt(20000, 0.9)
                grow = r.uniform(1.1, 1.8)
            elif tid == "police_gov":
                base = self.amt(60000, 0.9)
                grow = r.uniform(0.8, 1.5)
            elif tid in ("shopping_service", "game_trade", "fake_job"):
                base = self.amt(600, 0.8)
                grow = r.uniform(1.0, 2.0)
            elif tid in ("credit_record", "ecommerce_cs", "leader_acquaintance", "military_purchase"):
                base = self.amt(15000, 0.8)
                grow = r.uniform(0.8, 1.6)
            else:
                base = self.amt(8000, 0.7)
                grow = 1.2
            t = self.ts(d, h0, h1)
            case = dict(typ=tid, victim=va, pays=[], report=r.random() < REPORT_P[tid])
            self.cases.append(case)
            crew = None
            if tid not in PAOFEN_TYPES:
                cs = [c for c in self.crews if tid in c["types"] and c["d0"] <= d < c["d1"]] or \
                     [c for c in self.crews if c["d0"] <= d < c["d1"]] or self.crews
                crew = r.choice(cs)
            if tid in ("brushing", "investment", "romance") and r.random() < 0.7:
                rb = r.choice(self.rebaters)
                for j in range(r.randint(1, 2)):
                    self.tx_fraud(t - r.randrange(1800, 3 * DAY if tid != "brushing" else 7200), rb, va,
                                  self.amt(40 if tid == "brushing" else 800, 0.5, rnd=False), "layering", "mobile",
                                  memo="返利" if tid == "brushing" else "收益")
            fen = base
            for j in range(npay):
                if tid in ("police_gov", "credit_record", "ecommerce_cs") and r.random() < 0.5 and va.row:
                    # consolidate from own accounts / borrow first
                    if tid == "credit_record" or r.random() < 0.3:
                        src = r.choice(self.lenders)
                    else:
                        src = self.acc(va.h, r.choice(["ABC", "CCB", "BOC", "PSBC", "CMB"]), self.old_open(1, 10),
                                       va.region, arch=va.h.arch + ";own_other_account")
                    self.t(t - r.randrange(300, 3600), src, va, int(fen * r.uniform(1.0, 1.3)), "mobile", "",
                           memo="借款" if src in self.lenders else "")
                ch = "counter" if (tid in ("police_gov", "accident_kidnap") and r.random() < 0.25) else \
                    ("atm" if tid == "subsidy_refund" and r.random() < 0.5 else r.choice(["mobile", "mobile", "online"]))
                memo = r.choice(["", "", "", {"brushing": "任务", "loan_card": "保证金", "investment": "入金",
                                              "police_gov": "资金清查", "credit_record": "还款", "romance": "",
                                              "ecommerce_cs": "退款验证"}.get(tid, "")])
                if tid in PAOFEN_TYPES:
                    act = [pf for pf in self.paofen if pf[1] * DAY <= t < pf[2] * DAY and pf[0].opened < t]
                    if not act:
                        break
                    tgt = r.choice(act)[0]
                else:
                    tgt = self.current(crew, 0, t)
                    if not internal and not tgt.row and r.random() < 0.8:
                        crew["cur"][0] = [c for c in crew["cur"][0] if c[0] is not tgt]
                        tgt = self.current(crew, 0, t)
                ti = self.tx_fraud(t, va, tgt, fen, "victim_payment", ch, memo=memo, region=va.region)
                if ti >= 0:
                    case["pays"].append((self.tx[ti][1], tgt.i))
                    if crew is not None:
                        crew["inc"].setdefault(tgt.i, []).append((t, fen))
                        tgt.used = 1
                    else:
                        self.pf_inc.setdefault(tgt.i, []).append((t, fen, True))
                gap = r.uniform(600, 5400) if tid in ("brushing", "loan_card", "ecommerce_cs", "police_gov",
                                                      "shopping_service", "game_trade", "fake_job") else \
                    r.uniform(1, 12) * DAY
                if tid == "police_gov" and r.random() < 0.4:
                    gap = r.uniform(1, 4) * DAY
                t = int(t + gap)
                if tid in ("police_gov", "leader_acquaintance", "accident_kidnap", "subsidy_refund"):
                    fen = self.amt(base / 100, 0.5)
                else:
                    fen = min(int(fen * grow), 50000000)
                h = (t % DAY) // 3600
                if h < 7 and tid not in ("brushing", "romance", "game_trade"):
                    t += (8 - h) * 3600
        # paofen flows
        for pf in self.paofen:
            a, d0, d1, op = pf
            for d in range(d0, min(d1, DAYS)):
                for _ in range(r.randint(0, 4) if not st else r.randint(0, 3)):
                    payer = r.choice(self.ext_people)
                    t = self.ts(d, 10, 24)
                    if self.tx_fraud(t, payer, a, self.amt(800, 0.8), "paofen", "mobile") >= 0:
                        self.pf_inc.setdefault(a.i, []).append((t, self.tx[-1][4], False))
        for pf in self.paofen:
            a, d0, d1, op = pf
            for t, fen, _v in sorted(self.pf_inc.get(a.i, [])):
                delay = r.randrange(40, 900) if not st else r.randrange(1800, 6 * 3600)
                out = int(fen * r.uniform(0.97, 0.99))
                if self.tx_fraud(t + delay, a, op, out, "paofen", "mobile") >= 0:
                    self.op_inc.setdefault(op.i, []).append((t + delay, out))
        for op in self.paofen_ops:
            inc = sorted(self.op_inc.get(op.i, []))
            self.forward_groups(op, inc, DAY if not st else 3 * DAY, lambda t, f: self.to_ushang(op, t, f), fee=0.0)
        # layering per crew
        for crew in self.crews:
            L = crew["layers"]
            for layer in range(L):
                accs = [a for a, l in crew["mules"] if l == layer]
                jobs = []
                for a in accs:
                    inc = sorted(crew["inc"].get(a.i, []))
                    if not inc:
                        continue
                    dmin, dmax = ((2 * 3600, 3 * DAY) if st else (60, 1800))
                    self.group_jobs(a, inc, dmin, dmax, jobs)
                jobs.sort(key=lambda j: (j[0], j[1].i))
                for rel, a, tot in jobs:
                    keep = int(tot * r.uniform(0.005, 0.02))
                    out = tot - keep
                    if layer < L - 1:
                        k = r.choice([1, 1, 2, 3]) if not st else r.choice([1, 1, 2])
                        parts = self.split(out, k)
                        for j, f in enumerate(parts):
                            tt = rel + j * r.randrange(20, 300)
                            tgt = self.current(crew, layer + 1, tt)
                            if self.tx_fraud(tt, a, tgt, f, "layering", "mobile" if r.random() < 0.7 else "online",
                                             night_ok=not st) >= 0:
                                crew["inc"].setdefault(tgt.i, []).append((self.tx[-1][0], f))
                    else:
                        self.cashout(crew, a, rel, out)
        # U商 onward movements
        for accs, own, _ in self.ushang:
            for a in accs:
                inc = sorted(self.us_inc.get(a.i, []))
                # ordinary crypto buyers too (not fraud)
                for _ in range(r.randint(3, 15)):
                    t = self.ts(self.day(), 9, 24)
                    f = self.amt(8000, 0.8)
                    if self.t(t, r.choice(self.ext_people), a, f, "mobile", "", memo="") >= 0:
                        inc.append((t, f))
                inc.sort()
                self.forward_groups(a, inc, 12 * 3600, lambda t, f, a=a, own=own: self.tx_fraud(
                    t, a, own, f, "ushang", "mobile"), fee=0.01)
        # lawful life of the rented accounts' holders before the hand-over
        for p, t in self.rented:
            a = p[1][0]
            cut = max(0, t - r.randrange(2 * DAY, 40 * DAY))
            a.life = cut
            self.life_cut(p, cut)

    def life_cut(self, p, cut):
        a = p[1][0]
        a.cut = cut
        self.life(p, salary=self.amt(4500, 0.4) / 100, intensity=0.8)
        a.cut = END

    def split(self, fen, k):
        r = self.r
        if k <= 1 or fen < 20000:
            return [fen]
        cuts = sorted(r.randrange(1, fen) for _ in range(k - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [fen])]
        return [p for p in parts if p > 0]

    def group_jobs(self, a, inc, dmin, dmax, jobs):
        r = self.r
        i = 0
        while i < len(inc):
            t0 = inc[i][0]
            rel = t0 + r.randrange(dmin, dmax)
            tot = 0
            while i < len(inc) and inc[i][0] < rel:
                tot += inc[i][1]
                i += 1
            if self.stealth:
                h = (rel % DAY) // 3600
                if h < 8:
                    rel += (9 - h) * 3600
                elif h >= 22:
                    rel += (24 - h + 9) * 3600
                while i < len(inc) and inc[i][0] < rel:
                    tot += inc[i][1]
                    i += 1
            jobs.append((rel, a, tot))

    def forward_groups(self, a, inc, window, fn, fee=0.0):
        r = self.r
        jobs = []
        self.group_jobs(a, inc, 600, window, jobs)
        for rel, _, tot in jobs:
            out = int(tot * (1 - fee))
            if out > 0:
                fn(rel, out)

    def to_ushang(self, src, t, fen):
        r = self.r
        us = r.choice(self.ushang)
        a = r.choice(us[0])
        if self.tx_fraud(t, src, a, fen, "ushang", "mobile") >= 0:
            self.us_inc.setdefault(a.i, []).append((t, fen))

    def cashout(self, crew, a, t, fen):
        r = self.r
        st = self.stealth
        how = r.choices(["atm", "gold", "ushang"], weights=crew["cash"])[0]
        if how == "ushang":
            self.to_ushang(a, t, fen)
            return
        if how == "gold":
            g = [x for x in self.gold if (x.row == 1) == st] or self.gold
            self.tx_fraud(t, a, r.choice(g), fen, "cashout", "pos", region=r.choice(g).region, memo="")
            return
        place = r.choice(crew["places"]) if not st else (a.region if a.region[:2] == "37" else self.region(self.city()))
        reg = self.region(place) if place in OUT or place in CITIES else place
        left = fen // 10000 * 10000
        day_t = t
        while left > 0:
            daily = 0
            tt = day_t
            cap = 2000000 if not st else 500000
            while left > 0 and daily < cap:
                chunk = min(left, r.choice([500000, 500000, 300000, 250000]) if not st else r.choice([200000, 300000, 150000]))
                if self.tx_fraud(tt, a, None, chunk, "cashout", "atm", region=reg, kind="withdrawal", night_ok=True) < 0:
                    left = 0
                    break
                left -= chunk
                daily += chunk
                tt += r.randrange(40, 240)
            day_t += DAY if not st else r.randrange(DAY, 3 * DAY)

    def tx_fraud(self, ts, frm, to, fen, fk, channel, region=None, memo="", kind="transfer", night_ok=True):
        if region is None:
            region = frm.region if frm is not None else ""
        ti = self.t(ts, frm, to, fen, channel, region, kind, memo, False, fk)
        return ti

    # ---------------------------------------------------------------- output
    def run(self):
        self.pf_inc = {}
        self.op_inc = {}
        self.us_inc = {}
        self.build()
        self.gen_lawful()
        self.gen_farmers()
        self.gen_fraud()
        self.gen_lawful_flows()
        self.finish()

    def finish(self):
        r = self.r
        accs = self.accs
        start = self.start

        def vis(a, ts):
            return a is not None and a.row and ts >= start[a.bank]

        self.tx.sort(key=lambda x: (x[0], x[1]))
        W = []
        for x in self.tx:
            f = accs[x[2]] if x[2] >= 0 else None
            t = accs[x[3]] if x[3] >= 0 else None
            if vis(f, x[0]) or vis(t, x[0]):
                W.append(x)
        self.W = W
        self.txid = ["QL%09d" % (i + 1) for i in range(len(W))]
        # opening balances
        bal = [0] * len(accs)
        low = [0] * len(accs)
        first = [None] * len(accs)
        for x in W:
            for k, s in ((2, -1), (3, 1)):
                i = x[k]
                if i >= 0 and accs[i].row:
                    bal[i] += s * x[4]
                    if bal[i] < low[i]:
                        low[i] = bal[i]
                    if first[i] is None:
                        first[i] = x[0]
        self.touched = set()
        for x in W:
            if x[2] >= 0:
                self.touched.add(x[2])
            if x[3] >= 0:
                self.touched.add(x[3])
        for a in accs:
            if not a.row:
                continue
            need = -low[a.i]
            censored = a.opened < start[a.bank]
            if a.role in ("lawful", "paofen", "ushang", "operator") or a.arch.startswith("mule_rented"):
                if censored:
                    extra = self.amt(3000 if a.kind != "corp" else 200000, 1.2, rnd=False)
                    if a.arch == "dormant":
                        extra = self.amt(800, 1.5, rnd=False)
                    if a.role == "mule":
                        extra = self.amt(300, 1.0, rnd=False)
                else:
                    extra = r.choice([0, 0, 1000, 5000, 10000]) if need == 0 else r.randrange(0, 50000)
                need = (need + extra + 999) // 1000 * 1000 if need or extra else 0
            elif censored:
                need += r.randrange(0, 5000)
            a.open_fen = need
        # labels
        self.labels = []
        reported_mules = {}
        for c in self.cases:
            if c["report"]:
                for s, to in c["pays"]:
                    reported_mules[to] = 1
        wset = set(x[1] for x in W)
        self.txid_of = {x[1]: self.txid[i] for i, x in enumerate(W)}
        for c in self.cases:
            if c["report"]:
                for s, to in c["pays"]:
                    if s in wset and r.random() < 0.9:
                        self.labels.append(("transfer", self.txid_of[s], "fraud"))
        # downstream of reported receivers
        down = {}
        for crew in self.crews:
            for a, l in crew["mules"]:
                down[a.i] = l
        for a in accs:
            if a.role == "lawful":
                continue
            if a.i not in self.touched and not a.row:
                continue
            if a.role == "farmer_card" and not a.used:
                continue
            if a.role in ("mule", "farmer_card"):
                if a.i in reported_mules:
                    p = 0.8
                else:
                    p = 0.45 if down.get(a.i, 0) == 1 else (0.3 if a.i in down else 0.15)
            elif a.role == "paofen":
                p = 0.5 if a.i in reported_mules else 0.3
            elif a.role == "ushang":
                p = 0.25
            else:
                p = 0.3
            if r.random() < p:
                a.lab = 1
                self.labels.append(("account", a.id, "mule"))
        for h, own, cards in self.farmers:
            used_rep = any(c.i in reported_mules for c in cards)
            if r.random() < (0.7 if used_rep else 0.4):
                h.flab = 1
                self.labels.append(("holder", h.idno, "card_farmer"))

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        accs = self.accs
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance", "status"])
            for a in accs:
                if a.row:
                    w.writerow([a.id, a.bank, a.h.idno, fmt_ts(a.opened), a.region, a.cls, fmt_fen(a.open_fen),
                                "active"])
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo", "cross_border"])
            for i, x in enumerate(self.W):
                w.writerow([self.txid[i], fmt_ts(x[0]), accs[x[2]].id if x[2] >= 0 else "",
                            accs[x[3]].id if x[3] >= 0 else "", fmt_fen(x[4]), "CNY", x[5], x[6], x[7], x[8],
                            "true" if x[9] else "false"])
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for l in self.labels:
                w.writerow(l)
        if not truth:
            return
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                        "labelled", "farmer_labelled", "extract_start"])
            for code, name, typ, sup, sd, _, _ in INSTS:
                w.writerow(["institution", code, code, "", "", "", typ, "", "", "", "",
                            fmt_ts(sd * DAY) if sup else ""])
            for a in accs:
                if a.row or a.i in self.touched:
                    w.writerow(["account", a.id, a.bank, a.h.idno, a.row, a.role, a.arch, a.farmer, fmt_ts(a.opened),
                                a.lab, a.h.flab, ""])
        with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "kind"])
            for i, x in enumerate(self.W):
                if x[10]:
                    w.writerow([self.txid[i], x[10]])

    # ---------------------------------------------------------------- stats / verify
    def stats(self):
        accs = self.accs
        S = {}
        S["accounts_with_rows"] = sum(a.row for a in accs)
        S["accounts_in_truth"] = sum(1 for a in accs if a.row or a.i in self.touched)
        S["transfers"] = len(self.W)
        kinds = {}
        for x in self.W:
            if x[10]:
                kinds[x[10]] = kinds.get(x[10], 0) + 1
        for k in ("victim_payment", "layering", "cashout", "paofen", "ushang"):
            S["tx_" + k] = kinds.get(k, 0)
        vis = [a for a in accs if a.row or a.i in self.touched]
        for role in ("mule", "farmer_card", "paofen", "ushang", "operator"):
            S["acc_" + role] = sum(1 for a in vis if a.role == role)
            S["acc_" + role + "_rows"] = sum(1 for a in vis if a.role == role and a.row)
        S["mules_incl_used_farmer_cards_rows"] = sum(1 for a in accs if a.row and (a.role == "mule" or
                                                                               (a.role == "farmer_card" and a.used)))
        S["card_farmers"] = len(self.farmers)
        S["farmer_cards"] = sum(len(c) for _, _, c in self.farmers)
        S["farmer_cards_rows"] = sum(1 for _, _, cs in self.farmers for c in cs if c.row)
        S["victims"] = sum(1 for c in self.cases if c["pays"])
        S["cases_reported"] = sum(1 for c in self.cases if c["pays"] and c["report"])
        S["labels_transfer_fraud"] = sum(1 for l in self.labels if l[0] == "transfer")
        S["labels_account_mule"] = sum(1 for l in self.labels if l[0] == "account")
        S["labels_holder_card_farmer"] = sum(1 for l in self.labels if l[0] == "holder")
        S["farmers_labelled"] = S["labels_holder_card_farmer"]
        netw = [a for a in vis if a.role in ("mule", "paofen", "ushang", "operator") or (a.role == "farmer_card" and a.used)]
        S["network_accounts_visible"] = len(netw)
        S["rate_victim_payments_labelled"] = round(S["labels_transfer_fraud"] / max(1, S["tx_victim_payment"]), 3)
        S["rate_network_accounts_labelled"] = round(sum(a.lab for a in netw) / max(1, len(netw)), 3)
        S["rate_farmers_labelled"] = round(S["labels_holder_card_farmer"] / max(1, S["card_farmers"]), 3)
        look = ("linyi_trader", "seafood", "fruit_buyer", "apple_farmer", "zibo_bbq_stall", "landlord", "wedding_couple",
                "group_buy_leader", "family_pool_receiver", "large_first_payment", "weihai_korea_trade", "student",
                "new_employee", "multi_bank", "migrant_worker", "labour_contractor", "fisherman")
        arch = {}
        for a in accs:
            if a.row:
                k = "rows_" + a.arch.split(";")[0] + "/" + a.role
                arch[k] = arch.get(k, 0) + 1
        typ = {}
        for c in self.cases:
            if c["pays"]:
                typ["victims_" + c["typ"]] = typ.get("victims_" + c["typ"], 0) + 1
        S.update(sorted(typ.items()))
        S.update(sorted(arch.items()))
        S["lookalike_accounts_rows"] = sum(1 for a in accs if a.row and a.role == "lawful" and a.arch.split(";")[0].startswith(look))
        return S

    def verify(self):
        errs = []
        accs = self.accs
        for h in self.holders:
            if h.corp == 2:
                continue
            if h.corp:
                if uscc_check(h.idno[:17]) != h.idno[17] or org_check(h.idno[8:16]) != h.idno[16]:
                    errs.append("bad USCC " + h.idno)
            elif id_check(h.idno[:17]) != h.idno[17]:
                errs.append("bad ID " + h.idno)
        for a in accs:
            if a.kind == "card" and not luhn_ok(a.id):
                errs.append("bad Luhn " + a.id)
        bal = {a.i: a.open_fen for a in accs if a.row}
        seen = set()
        for i, x in enumerate(self.W):
            if self.txid[i] in seen:
                errs.append("dup txn " + self.txid[i])
            seen.add(self.txid[i])
            if x[0] >= END or x[0] < 0:
                errs.append("out of window " + self.txid[i])
            for k, s in ((2, -1), (3, 1)):
                j = x[k]
                if j >= 0:
                    a = accs[j]
                    if x[0] < a.opened:
                        errs.append("used before opening %s %s" % (a.id, self.txid[i]))
                    if a.row:
                        bal[j] += s * x[4]
                        if bal[j] < 0:
                            errs.append("negative balance %s at %s" % (a.id, self.txid[i]))
            if x[4] <= 0:
                errs.append("non-positive amount " + self.txid[i])
        for a in accs:
            if a.row and a.role in ("mule", "farmer_card") and a.opened >= self.start[a.bank] and a.open_fen:
                errs.append("fresh fraud account needed an opening balance %s" % a.id)
        return errs


def main():
    ap = argparse.ArgumentParser(description="Qilu (Shandong) synthetic telecom-fraud world for fanzha")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="baseline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--verify", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.run()
    w.write(a.out, a.truth)
    if a.stats:
        for k, v in w.stats().items():
            print("%s=%s" % (k, v))
        print("seconds=%.1f" % (time.time() - t0), file=sys.stderr)
    if a.verify:
        errs = w.verify()
        for e in errs[:30]:
            print("VERIFY FAIL:", e, file=sys.stderr)
        if errs:
            print("%d check(s) failed" % len(errs), file=sys.stderr)
            sys.exit(2)
        print("verify: ok (ID/USCC check digits, Luhn, no negative balance, no use before opening)", file=sys.stderr)


if __name__ == "__main__":
    main()
