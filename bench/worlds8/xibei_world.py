#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright the fanzha project authors. Licensed under the Apache License, Version 2.0.
"""xibei_world: an independent synthetic North-West China (西北) evaluation world for fanzha.

Writes OUT/accounts.csv, OUT/transfers.csv, OUT/labels.csv (fanzha interchange format v1) and,
with --truth, OUT/truth.csv. Standard library only; one seeded random.Random; the same --variant
and --seed always give byte-identical files.

    python3 xibei_world.py --variant baseline --seed 1 --out /tmp/w8/baseline --stats --truth
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
W0 = dt.datetime(2024, 6, 1, tzinfo=TZ)          # world clock origin (second 0)
DAYS = 183                                         # 2024-06-01 .. 2024-11-30
DAY = 86400
END = DAYS * DAY
VARIANTS = ("baseline", "paofen_heavy", "herding_season")
R = random.Random(0)                               # re-seeded in main()

# ---------------------------------------------------------------- geography (GB/T 2260)
REGIONS = [
    ("610102", "西安市新城区", "urban"), ("610103", "西安市碑林区", "urban univ"),
    ("610104", "西安市莲湖区", "urban"), ("610112", "西安市未央区", "urban"),
    ("610113", "西安市雁塔区", "urban univ"), ("610116", "西安市长安区", "urban univ"),
    ("610115", "西安市临潼区", "tourism farm"), ("610303", "宝鸡市金台区", "urban"),
    ("610402", "咸阳市秦都区", "urban"), ("610502", "渭南市临渭区", "farm"),
    ("610581", "韩城市", "farm mining"), ("610602", "延安市宝塔区", "farm apple tourism"),
    ("610702", "汉中市汉台区", "farm"), ("610802", "榆林市榆阳区", "mining urban"),
    ("610881", "神木市", "mining"), ("610902", "安康市汉滨区", "farm"), ("611002", "商洛市商州区", "farm"),
    ("620102", "兰州市城关区", "urban univ"), ("620103", "兰州市七里河区", "urban"),
    ("620104", "兰州市西固区", "urban"), ("620105", "兰州市安宁区", "urban univ"),
    ("620200", "嘉峪关市", "urban mining"), ("620302", "金昌市金川区", "mining"),
    ("620403", "白银市平川区", "mining"), ("620502", "天水市秦州区", "farm apple"),
    ("620602", "武威市凉州区", "farm"), ("620702", "张掖市甘州区", "farm tourism"),
    ("620802", "平凉市崆峒区", "farm apple"), ("620902", "酒泉市肃州区", "farm"),
    ("620982", "敦煌市", "tourism farm"), ("621002", "庆阳市西峰区", "farm apple"),
    ("621102", "定西市安定区", "farm potato"), ("621202", "陇南市武都区", "farm"),
    ("622901", "临夏市", "urban trade mosque"), ("623001", "合作市", "herding temple"),
    ("623025", "玛曲县", "herding"), ("623027", "夏河县", "herding tourism temple"),
    ("640104", "银川市兴庆区", "urban"), ("640105", "银川市西夏区", "urban univ"),
    ("640106", "银川市金凤区", "urban"), ("640181", "灵武市", "mining"),
    ("640202", "石嘴山市大武口区", "mining"), ("640302", "吴忠市利通区", "farm mosque"),
    ("640402", "固原市原州区", "farm herding"), ("640502", "中卫市沙坡头区", "farm wolfberry tourism"),
    ("630102", "西宁市城东区", "urban mosque"), ("630103", "西宁市城中区", "urban"),
    ("630104", "西宁市城西区", "urban univ"), ("630105", "西宁市城北区", "urban"),
    ("630202", "海东市乐都区", "farm"), ("632221", "门源回族自治县", "herding farm"),
    ("632521", "共和县", "herding tourism"), ("632621", "玛沁县", "herding"),
    ("632701", "玉树市", "herding temple"), ("632801", "格尔木市", "mining"),
    ("632802", "德令哈市", "farm wolfberry herding"),
    ("650102", "乌鲁木齐市天山区", "urban trade"), ("650103", "乌鲁木齐市沙依巴克区", "urban univ"),
    ("650104", "乌鲁木齐市新市区", "urban"), ("650105", "乌鲁木齐市水磨沟区", "urban"),
    ("650203", "克拉玛依市克拉玛依区", "oil urban"), ("650402", "吐鲁番市高昌区", "farm grape tourism"),
    ("650502", "哈密市伊州区", "mining farm grape"), ("652301", "昌吉市", "farm cotton"),
    ("652701", "博乐市", "farm cotton"), ("652702", "阿拉山口市", "border"),
    ("652801", "库尔勒市", "farm cotton oil"), ("652901", "阿克苏市", "farm cotton apple"),
    ("653101", "喀什市", "trade tourism mosque"), ("653201", "和田市", "farm"),
    ("654002", "伊宁市", "farm trade"), ("654004", "霍尔果斯市", "border"),
    ("654201", "塔城市", "herding border"), ("654301", "阿勒泰市", "herding tourism"),
    ("659001", "石河子市", "farm cotton"),
    ("150102", "呼和浩特市新城区", "urban"), ("150105", "呼和浩特市赛罕区", "urban univ"),
    ("150203", "包头市昆都仑区", "urban mining"), ("150602", "鄂尔多斯市东胜区", "urban mining"),
    ("150627", "伊金霍洛旗", "mining"), ("150802", "巴彦淖尔市临河区", "farm corn"),
    ("150824", "乌拉特中旗", "herding"), ("150302", "乌海市海勃湾区", "mining"),
    ("152921", "阿拉善左旗", "herding"), ("152923", "额济纳旗", "herding tourism"),
]
OUTER = ["440106", "440304", "441900", "450103", "530102", "350582", "320106", "430102",
         "420102", "510104", "500103", "110105", "410102"]
CASHOUT = ["440106", "440304", "441900", "450103", "530102", "350582"]   # far-away ATMs
RCODE = [r[0] for r in REGIONS]
RTAGS = {r[0]: set(r[2].split()) for r in REGIONS}


def with_tag(tag):
    return [c for c in RCODE if tag in RTAGS[c]]


def prov(code):
    return code[:2]


CAPITAL = {"61": ["610102", "610103", "610104", "610112", "610113"], "62": ["620102", "620103", "620105"],
           "64": ["640104", "640105", "640106"], "63": ["630102", "630103", "630104", "630105"],
           "65": ["650102", "650103", "650104", "650105"], "15": ["150102", "150105"]}

# ---------------------------------------------------------------- institutions
# code, kind, supplies data to the centre, provinces with branches (None = everywhere)
INSTS = [
    ("ICBC", "national", True, None), ("ABC", "national", True, None), ("CCB", "national", True, None),
    ("BOC", "national", False, None), ("BOCOM", "national", True, None), ("PSBC", "national", True, None),
    ("CMB", "joint", False, None), ("CITIC", "joint", False, None), ("CIB", "joint", False, None),
    ("CMBC", "joint", False, None), ("SPDB", "joint", False, None), ("PAB", "joint", False, None),
    ("XABANK", "city", True, "61"), ("CABANK", "city", False, "61"), ("LZBANK", "city", True, "62"),
    ("GSBANK", "city", True, "62"), ("NXBANK", "city", True, "64"), ("QHBANK", "city", False, "63"),
    ("URMQB", "city", True, "65"), ("KLBANK", "city", False, "65"), ("MSBANK", "city", True, "15"),
    ("SXRCU", "rural", True, "61"), ("GSRCU", "rural", True, "62"), ("HHRCB", "rural", False, "64"),
    ("QHRCU", "rural", True, "63"), ("XJRCU", "rural", True, "65"), ("NMRCU", "rural", False, "15"),
    ("GDRCU", "rural", False, "44"), ("GXRCU", "rural", False, "45"), ("YNRCU", "rural", False, "53"),
    ("FJRCU", "rural", False, "35"), ("HUBRCU", "rural", False, "42"), ("HNRCU", "rural", False, "43"),
    ("ALIPAY", "payment", True, None), ("TENPAY", "payment", True, None), ("LAKALA", "payment", True, None),
    ("JDPAY", "payment", False, None), ("YEEPAY", "payment", False, None), ("UMSPAY", "payment", False, None),
]
IKIND = {i[0]: i[1] for i in INSTS}
SUPPLIES = {i[0]: i[2] for i in INSTS}
IPROV = {i[0]: i[3] for i in INSTS}
NATIONAL = [i[0] for i in INSTS if i[1] == "national"]
JOINT = [i[0] for i in INSTS if i[1] == "joint"]
OUTSIDE_BANKS = ["BOC", "CMB", "CITIC", "CIB", "CMBC", "SPDB", "PAB", "GDRCU", "GXRCU", "YNRCU",
                 "FJRCU", "HUBRCU", "HNRCU"]


def local_banks(code, kinds):
    return [i[0] for i in INSTS if i[1] in kinds and i[3] == prov(code)]


def pick_bank(code, style="person"):
    """A plausible bank for an account opened in region `code`."""
    tags = RTAGS.get(code, set())
    rural = bool(tags & {"farm", "herding", "mining"}) and "urban" not in tags
    w = []
    for b in NATIONAL:
        w.append((b, {"ABC": 5, "PSBC": 5, "ICBC": 4, "CCB": 4, "BOC": 3, "BOCOM": 1.5}[b] * (1.0 if not rural else 0.8)))
    for b in local_banks(code, ("rural",)):
        w.append((b, 8 if rural else 2.5))
    for b in local_banks(code, ("city",)):
        w.append((b, 1.5 if rural else 4))
    if not rural or style == "corp":
        for b in JOINT:
            w.append((b, 0.8))
    return wpick(w)


# ---------------------------------------------------------------- small helpers
def wpick(pairs):
    tot = 0.0
    for _, x in pairs:
        tot += x
    r = R.random() * tot
    for v, x in pairs:
        r -= x
        if r <= 0:
            return v
    return pairs[-1][0]


HOURS_DAY = [1, .5, .3, .2, .2, .4, 1, 3, 6, 8, 9, 9, 8, 8, 8, 8, 8, 7, 7, 7, 6, 5, 3, 2]
HOURS_NIGHT = [4, 4, 3, 3, 2, 2, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 5]
HPAIRS_DAY = list(enumerate(HOURS_DAY))
HPAIRS_NIGHT = list(enumerate(HOURS_NIGHT))


def at(day, style="day"):
    h = wpick(HPAIRS_DAY if style == "day" else HPAIRS_NIGHT)
    return int(day) * DAY + h * 3600 + R.randrange(3600)


def lognorm(median, sigma):
    return median * math.exp(R.gauss(0.0, sigma))


def fen(x, step=None):
    """Yuan -> integer fen; step rounds to a multiple of `step` yuan (people send round sums)."""
    if step:
        v = max(step, int(round(x / step)) * step)
        return v * 100
    return max(1, int(round(x * 100)))


def money(x):
    if x >= 20000 and R.random() < .7:
        return fen(x, 1000)
    if x >= 2000 and R.random() < .6:
        return fen(x, 100)
    if x >= 100 and R.random() < .4:
        return fen(x, 10)
    return fen(x)


def ymd(sec):
    return (W0 + dt.timedelta(seconds=sec)).strftime("%Y-%m-%d")


def ts_str(sec):
    return (W0 + dt.timedelta(seconds=sec)).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def day_of(mmdd):
    m, d = mmdd
    return ((dt.datetime(2024, m, d, tzinfo=TZ) - W0).days)


# ---------------------------------------------------------------- identities
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
USED_IDS = set()


def person_id(region, birth_year):
    while True:
        b = dt.date(birth_year, 1, 1) + dt.timedelta(days=R.randrange(365))
        body = region + b.strftime("%Y%m%d") + "%03d" % R.randrange(1000)
        s = sum(int(c) * w for c, w in zip(body, ID_W))
        v = body + ID_C[s % 11]
        if v not in USED_IDS:
            USED_IDS.add(v)
            return v


def uscc(region):
    while True:
        org = "".join(R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY"[:10 + R.randrange(2) * 21]) for _ in range(8))
        oc = "0123456789X"
        s = sum(USCC_CH.index(c) % 36 * w for c, w in zip(org, [3, 7, 9, 10, 5, 8, 4, 2]))
        c9 = 11 - s % 11
        org += "0" if c9 == 11 else oc[c9]
        body = "91" + region + org
        s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
        v = body + USCC_CH[(31 - s % 31) % 31]
        if v not in USED_IDS:
            USED_IDS.add(v)
            return v


USED_ACCTS = set()
BIN = {}


def luhn_digit(s):
    tot = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def acct_number(bank, corp):
    while True:
        k = IKIND.get(bank, "foreign")
        if bank == "ALIPAY":
            v = "2088" + "%012d" % R.randrange(10 ** 12)
        elif bank == "TENPAY":
            v = "wxp" + "%014d" % R.randrange(10 ** 14)
        elif k == "payment":
            v = bank[:3] + "%013d" % R.randrange(10 ** 13)
        elif bank == "FOREIGN":
            v = "KZ%02d" % R.randrange(100) + "%03d" % R.randrange(1000) + "%013d" % R.randrange(10 ** 13)
        elif corp:
            n = BIN[bank][1]
            v = BIN[bank][2] + "".join(str(R.randrange(10)) for _ in range(n - 4))
        else:
            body = BIN[bank][0] + "".join(str(R.randrange(10)) for _ in range(12 if R.random() < .8 else 9))
            v = body + luhn_digit(body)
        if v not in USED_ACCTS:
            USED_ACCTS.add(v)
            return v


# ---------------------------------------------------------------- entities
class P:
    __slots__ = ("i", "hid", "region", "arch", "accts", "rel", "emp", "birth", "outsider", "corp")

    def __init__(self, region, arch, birth=None, corp=False, outsider=False):
        self.i = len(PEOPLE)
        self.region = region
        self.arch = arch
        self.corp = corp
        self.outsider = outsider
        self.birth = birth or R.randint(1955, 2004)
        self.hid = uscc(region) if corp else person_id(region, self.birth)
        self.accts = []
        self.rel = []
        self.emp = None
        PEOPLE.append(self)


class A:
    __slots__ = ("i", "id", "bank", "p", "opened", "region", "cls", "until", "w", "mule", "arch",
                 "gang", "layer", "mode", "win", "base", "delay", "cash_region", "pay")

    def __init__(self, p, bank, opened, region=None, cls=None, w=1.0):
        self.i = len(ACCTS)
        self.p = p
        self.bank = bank
        self.opened = opened
        self.region = region or p.region
        corp = p.corp
        self.pay = IKIND.get(bank) == "payment"
        self.cls = cls if cls is not None else ("corp" if corp and not self.pay else ("" if self.pay else "I"))
        self.id = acct_number(bank, corp)
        self.until = 10 ** 12
        self.w = w
        self.mule = False
        self.arch = ""
        self.gang = -1
        self.layer = 0
        self.mode = ""
        self.win = []
        self.base = None
        self.delay = 1.0
        self.cash_region = None
        p.accts.append(self)
        ACCTS.append(self)


PEOPLE = []
ACCTS = []
T = []          # (ts, seq, from A|None, to A|None, fen, channel, region, kind, memo, cross_border, currency, tag)


def tx(ts, frm, to, amount_fen, ch="mobile", region=None, kind="transfer", memo="", xb=False, cur="CNY", tag=""):
    if amount_fen <= 0:
        return None
    if (kind != "deposit" and frm is None) or (kind != "withdrawal" and to is None):
        return None
    for a in (frm, to):
        if a is not None and ts < a.opened:
            ts = a.opened + R.randrange(120, 7200)
    if ts >= END or ts < 0:
        return None
    if region is None:
        src = frm if frm is not None else to
        region = src.p.region if not src.p.outsider or R.random() < .5 else ""
    t = (ts, len(T), frm, to, amount_fen, ch, region, kind, memo, xb, cur, tag)
    T.append(t)
    return t


def old_open(min_year=2008, max_year=2023):
    y = R.randint(min_year, max_year)
    d = dt.datetime(y, 1, 1, 9, tzinfo=TZ) + dt.timedelta(days=R.randrange(365), seconds=R.randrange(9 * 3600))
    return min(int((d - W0).total_seconds()), -DAY)


def open_at_counter(day):
    return int(day) * DAY + R.randint(9, 16) * 3600 + R.randrange(3600)


def usable(p, t, pay=None):
    c = [a for a in p.accts if a.opened <= t < a.until and not a.mule and (pay is None or a.pay == pay)]
    if not c and pay is not None:
        c = [a for a in p.accts if a.opened <= t < a.until and not a.mule]
    if not c:
        return None
    if len(c) == 1:
        return c[0]
    return wpick([(a, a.w) for a in c])


def give_accounts(p, n_bank=1, pay_p=0.7, opened=None, region=None):
    region = region or p.region
    for k in range(n_bank):
        b = pick_bank(region)
        A(p, b, opened if opened is not None else old_open(max(2005, p.birth + 16), 2023),
          region, w=3.0 if k == 0 else 1.0)
    if R.random() < pay_p:
        A(p, "ALIPAY" if R.random() < .55 else "TENPAY",
          opened if opened is not None else old_open(max(2013, p.birth + 16), 2023), region, w=2.0)
    if R.random() < pay_p * .5:
        A(p, "TENPAY" if p.accts[-1].bank == "ALIPAY" else "ALIPAY",
          old_open(max(2014, p.birth + 16), 2023) if opened is None else opened, region, w=1.0)


def corp_entity(region, arch, bank=None, opened=None, n=1):
    p = P(region, arch, corp=True)
    for _ in range(n):
        A(p, bank or pick_bank(region, "corp"), opened if opened is not None else old_open(2005, 2022), region)
    return p


# ---------------------------------------------------------------- lawful world
def build_institutions():
    for code, kind, sup, pv in INSTS:
        if kind != "payment":
            BIN[code] = ("62" + "%04d" % R.randrange(10000), R.choice([15, 17, 19, 20]),
                         "%04d" % R.randrange(1000, 10000))
    BIN["FOREIGN"] = ("", 0, "")
    starts = {}
    sup = [i[0] for i in INSTS if i[2]]
    first = R.sample(sup, 2)
    for b in sup:
        starts[b] = 0 if b in first else R.randint(1, 45) * DAY
    return starts


def persons(n, arch, regions, birth=(1960, 2002), n_bank=(1, 2), pay_p=0.7):
    out = []
    for _ in range(n):
        p = P(R.choice(regions), arch, R.randint(*birth))
        give_accounts(p, R.randint(*n_bank), pay_p)
        out.append(p)
    return out


def build_world(V):
    W = {}
    sc = V["scale"]
    # merchants: per-region shops, gas stations, wholesalers; nationwide online platforms
    W["merch"] = {}
    W["gas"] = {}
    for c in RCODE:
        ms = []
        for _ in range(R.randint(3, 7)):
            m = corp_entity(c, "merchant")
            if R.random() < .5:
                A(m, R.choice(["LAKALA", "UMSPAY", "ALIPAY", "TENPAY"]), old_open(2015, 2023), c, w=3)
            ms.append(m)
        W["merch"][c] = ms
        W["gas"][c] = corp_entity(c, "gas_station")
    W["online"] = [corp_entity(R.choice(OUTER), "online_platform", bank=R.choice(["ALIPAY", "TENPAY", "JDPAY", "CMB", "ICBC"]))
                   for _ in range(8)]
    W["employers"] = {}
    for c in RCODE:
        W["employers"][c] = [corp_entity(c, "employer") for _ in range(R.randint(1, 4))]
    pvs = sorted(set(prov(c) for c in RCODE))
    W["pension"] = {pv: corp_entity(CAPITAL[pv][0], "social_security", bank=R.choice(["ICBC", "CCB", "PSBC"])) for pv in pvs}
    W["subsidy"] = {pv: corp_entity(CAPITAL[pv][0], "finance_bureau", bank=R.choice(["ABC", "PSBC"] + local_banks(CAPITAL[pv][0], ("rural",)))) for pv in pvs}
    W["hospital"] = {pv: corp_entity(CAPITAL[pv][0], "hospital") for pv in pvs}
    W["univ"] = {c: corp_entity(c, "university") for c in with_tag("univ")}
    W["developer"] = [corp_entity(R.choice(RCODE), "developer") for _ in range(12)]
    W["car_dealer"] = [corp_entity(R.choice(RCODE), "car_dealer") for _ in range(8)]
    W["logistics"] = [corp_entity(R.choice(OUTER[:3] + CAPITAL["61"]), "freight_platform", bank=R.choice(["ALIPAY", "CMB", "JDPAY"]))
                      for _ in range(4)]
    W["wholesale"] = [corp_entity(R.choice(OUTER + RCODE), "wholesaler") for _ in range(25)]
    # outsiders: people outside the North-West, only at non-supplying institutions
    W["outsiders"] = []
    for _ in range(int(1500 * sc)):
        p = P(R.choice(OUTER), "outsider", R.randint(1955, 2003), outsider=True)
        A(p, R.choice(OUTSIDE_BANKS), old_open(2008, 2023), w=2)
        if R.random() < .4:
            A(p, "JDPAY" if R.random() < .3 else R.choice(OUTSIDE_BANKS), old_open(2012, 2023))
        W["outsiders"].append(p)
    # population
    urban = with_tag("urban")
    farm = with_tag("farm")
    herd = with_tag("herding")
    mining = with_tag("mining") + with_tag("oil")
    k = V["pop"]
    W["urban"] = persons(int(k["urban"] * sc), "salaried", urban, (1965, 2001))
    W["retiree"] = persons(int(k["retiree"] * sc), "retiree", RCODE, (1945, 1964), (1, 2), .35)
    W["farmer"] = persons(int(k["farmer"] * sc), "farmer", farm, (1955, 1995), (1, 2), .5)
    W["herder"] = persons(int(k["herder"] * sc), "herder", herd, (1955, 1998), (1, 2), .4)
    W["dealer"] = persons(int(k["dealer"] * sc), "livestock_dealer", herd + ["622901", "640302", "654002"], (1965, 1992), (2, 3), .9)
    W["driver"] = persons(int(k["driver"] * sc), "truck_driver", RCODE, (1965, 1995), (2, 3), .9)
    W["trader"] = persons(int(k["trader"] * sc), "border_trader", ["654004", "652702", "653101", "654002", "650102", "654201"], (1965, 1995), (2, 3), .9)
    W["tourism"] = persons(int(k["tourism"] * sc), "tourism_business", with_tag("tourism"), (1965, 1998), (1, 2), .95)
    W["shop"] = persons(int(k["shop"] * sc), "small_shop", RCODE, (1960, 1998), (1, 2), .98)
    W["student"] = persons(int(k["student"] * sc), "student", with_tag("univ"), (2000, 2005), (1, 1), .95)
    W["multibank"] = persons(int(k["multibank"] * sc), "multi_bank", urban, (1965, 1995), (4, 7), .9)
    W["miner"] = persons(int(k["miner"] * sc), "mine_worker", mining, (1965, 2002), (1, 1), .6)
    W["boss"] = persons(int(k["boss"] * sc), "labour_boss", RCODE, (1965, 1990), (2, 3), .9)
    W["worker"] = persons(int(k["worker"] * sc), "construction_worker", farm + herd, (1960, 2003), (1, 1), .6)
    W["ushang_grey"] = persons(V["ushang_grey"], "ushang_grey", urban, (1985, 2000), (2, 3), 1)
    W["mines"] = [corp_entity(R.choice(mining), "mining_company") for _ in range(8)]
    W["builders"] = [corp_entity(R.choice(RCODE), "construction_company") for _ in range(15)]
    W["buyers"] = {t: [corp_entity(R.choice(with_tag(t) or farm), t + "_buyer") for _ in range(4)]
                   for t in ("cotton", "apple", "wolfberry", "potato", "grape", "corn")}
    W["slaughter"] = [corp_entity(R.choice(herd + ["622901", "640302", "110105", "410102"]), "slaughterhouse") for _ in range(10)]
    W["feed"] = [corp_entity(R.choice(herd + farm), "feed_supplier") for _ in range(10)]
    for p in W["multibank"]:       # extra banks across the country (truly several banks)
        for a in p.accts:
            if not a.pay and R.random() < .4:
                a.bank = R.choice(NATIONAL + JOINT)
    # relatives and employers
    locals_by_prov = {}
    residents = [p for p in PEOPLE if not p.corp and not p.outsider]
    for p in residents:
        locals_by_prov.setdefault(prov(p.region), []).append(p)
    for p in residents:
        pool = locals_by_prov[prov(p.region)]
        p.rel = [R.choice(pool) for _ in range(R.randint(1, 3))]
        if R.random() < .15:
            p.rel.append(R.choice(W["outsiders"]))
        emps = W["employers"].get(p.region) or W["employers"][R.choice(RCODE)]
        p.emp = R.choice(emps)
    W["residents"] = residents
    W["by_prov"] = locals_by_prov
    return W


def merchant_acct(region, t):
    ms = WORLD["merch"].get(region) or WORLD["merch"][R.choice(RCODE)]
    return usable(R.choice(ms), t)


def daily_life(p, rate, sal=None, sal_day=10, atm_p=.3, travel=.05):
    """Salary, spending, family transfers, occasional ATM withdrawal."""
    W = WORLD
    if sal:
        for m in range(6):
            d = day_of((6 + m, min(28, sal_day + R.randint(-1, 2))))
            t = d * DAY + R.choice([9, 10, 14]) * 3600 + R.randrange(1800)
            a = usable(p, t, pay=False)
            e = usable(p.emp, t)
            if a and e:
                tx(t, e, a, money(sal * R.uniform(.9, 1.15)), "online", memo=R.choice(["工资", "代发工资", "绩效", ""]))
    n = int(rate * 1.5 * DAYS / 30 * R.uniform(.4, 1.6))
    for _ in range(n):
        d = R.randrange(DAYS)
        t = at(d)
        a = usable(p, t, pay=R.random() < .7)
        if not a:
            continue
        region = p.region if R.random() > travel else R.choice(RCODE)
        r = R.random()
        if r < .75:
            m = merchant_acct(region, t)
            if m:
                tx(t, a, m, fen(lognorm(90, 1.1)), "pos" if R.random() < .3 else "mobile", region=region)
        elif r < .9:
            o = usable(R.choice(W["online"]), t)
            if o:
                tx(t, a, o, fen(lognorm(120, 1.0)), "online", region=p.region)
        else:
            m = merchant_acct(p.region, t)
            if m:
                tx(t, a, m, money(lognorm(1500, .8)), "mobile", memo=R.choice(["房租", "物业费", "学费", "还款", ""]))
    for _ in range(int(R.random() * 4)):
        if not p.rel:
            break
        q = R.choice(p.rel)
        t = at(R.randrange(DAYS))
        a, b = usable(p, t), usable(q, t)
        if a and b and a.p is not b.p:
            tx(t, a, b, money(lognorm(800, 1.0)), memo=R.choice(["生活费", "给妈", "红包", "还你的", "", ""]))
    if R.random() < atm_p:
        for _ in range(R.randint(1, 3)):
            t = at(R.randrange(DAYS))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, None, fen(R.choice([500, 1000, 2000, 3000])), "atm", kind="withdrawal")


def lawful_flows(V):
    W = WORLD
    hs = V["variant"] == "herding_season"
    for p in W["urban"]:
        daily_life(p, 3.0, sal=lognorm(5200, .35), sal_day=R.choice([5, 10, 15, 20]))
    for p in W["multibank"]:
        daily_life(p, 3.0, sal=lognorm(9000, .4), sal_day=R.choice([10, 15]))
        for _ in range(R.randint(2, 8)):           # moving money between own accounts
            t = at(R.randrange(DAYS))
            a, b = usable(p, t, pay=False), usable(p, t, pay=False)
            if a and b and a is not b:
                tx(t, a, b, money(lognorm(8000, 1.0)), R.choice(["mobile", "online"]), memo=R.choice(["", "转存", "理财"]))
    for p in W["retiree"]:
        pen = W["pension"][prov(p.region)]
        amt = lognorm(3200, .35)
        for m in range(6):
            t = day_of((6 + m, 15)) * DAY + 8 * 3600 + R.randrange(600)
            a = usable(p, t, pay=False)
            if a:
                tx(t, usable(pen, t), a, fen(amt), "online", memo="养老金")
        daily_life(p, 1.2, atm_p=.7)
    for p in W["ushang_grey"]:                      # ordinary OTC USDT traders (not part of any gang)
        daily_life(p, 2.0)
        for _ in range(R.randint(30, 70)):
            t = at(R.randrange(DAYS), "night")
            a = usable(p, t, pay=False)
            q = R.choice(W["residents"] + W["outsiders"])
            b = usable(q, t)
            if a and b and q is not p:
                amt = money(lognorm(12000, .9))
                if R.random() < .55:
                    tx(t, b, a, amt, "mobile", memo=R.choice(["", "货款", "USDT"]))
                else:
                    tx(t, a, b, amt, "mobile")
    season_mult = 2.0 if hs else 1.0
    # herders: irregular large livestock sales (often autumn), fodder, subsidy, cash
    sub_day = day_of((7, 10)) + R.randint(0, 20)
    for p in W["herder"]:
        n_sales = R.randint(1, 4) + (R.randint(1, 3) if hs else 0)
        for _ in range(n_sales):
            d = R.randrange(DAYS) if R.random() < .35 else R.randint(day_of((9, 1)), DAYS - 1)
            t = at(d)
            a = usable(p, t, pay=False)
            if not a:
                continue
            amt = money(lognorm(30000 * season_mult, .8))
            r = R.random()
            if r < .3:
                tx(t, None, a, amt, "counter", kind="deposit", memo=R.choice(["羊款", "牛款", ""]))
            elif r < .7 and W["dealer"]:
                dl = R.choice(W["dealer"])
                dl_a = usable(dl, t)
                if dl_a:
                    tx(t, dl_a, a, amt, "mobile", memo=R.choice(["羊款", "牛款", "牛羊款", ""]))
            else:
                tx(t, usable(R.choice(W["slaughter"]), t), a, amt, "online", memo=R.choice(["收购款", "货款"]))
        t = (sub_day + R.randint(0, 10)) * DAY + 10 * 3600 + R.randrange(7200)
        a = usable(p, t, pay=False)
        if a:
            tx(t, usable(W["subsidy"][prov(p.region)], t), a, money(lognorm(12000, .6)), "online", memo="草原生态补奖")
        for _ in range(R.randint(0, 3)):
            t = at(R.randrange(DAYS))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, usable(R.choice(W["feed"]), t), money(lognorm(9000, .7)), R.choice(["counter", "mobile"]), memo="草料")
        for _ in range(R.randint(1, 5)):
            t = at(R.randrange(DAYS))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, None, fen(R.choice([2000, 3000, 5000, 10000, 20000, 50000])), R.choice(["atm", "counter"]),
                   kind="withdrawal")
        daily_life(p, 1.3 if hs else .8, atm_p=.2)
    # livestock dealers: receive from slaughterhouses (sometimes far away), pay many herders quickly
    for p in W["dealer"]:
        for _ in range(R.randint(3, 8) * (2 if hs else 1)):
            d = R.randrange(DAYS) if R.random() < .4 else R.randint(day_of((8, 20)), DAYS - 1)
            t = at(d)
            a = usable(p, t, pay=False)
            if not a:
                continue
            sellers = [h for h in W["herder"] if prov(h.region) == prov(p.region)] or W["herder"]
            k = R.randint(3, 15)
            total = 0
            tt = t
            for _ in range(k):
                tt += R.randint(600, 6 * 3600)
                h = R.choice(sellers)
                b = usable(h, tt, pay=False)
                amt = money(lognorm(15000, .7))
                if b and tx(tt, a, b, amt, "mobile", memo=R.choice(["羊款", "牛款", ""])):
                    total += amt
            if total:
                back = t - R.randint(3600, 2 * DAY)
                tx(max(back, 0), usable(R.choice(W["slaughter"]), back), a, total + fen(lognorm(6000, .5), 100),
                   "online", memo="收购款")
        daily_life(p, 2.0)
    # farmers: seasonal crop sales, inputs, subsidy
    crops = []
    for p in W["farmer"]:
        tags = RTAGS[p.region]
        crop = next((c for c in ("cotton", "apple", "wolfberry", "potato", "grape", "corn") if c in tags),
                    R.choice(["corn", "potato", "apple"]))
        crops.append(crop)
        season = {"cotton": ((9, 15), (11, 25)), "apple": ((10, 1), (11, 25)), "wolfberry": ((6, 10), (8, 31)),
                  "potato": ((9, 1), (10, 31)), "grape": ((8, 1), (9, 30)), "corn": ((10, 1), (11, 28))}[crop]
        d0, d1 = day_of(season[0]), day_of(season[1])
        for _ in range(R.randint(1, 3) + (R.randint(1, 2) if hs else 0)):
            t = at(R.randint(d0, d1))
            a = usable(p, t, pay=False)
            if a:
                amt = money(lognorm(22000 * season_mult, .9))
                if R.random() < .15:
                    tx(t, None, a, amt, "counter", kind="deposit", memo="卖粮款" if crop in ("corn", "potato") else "")
                else:
                    tx(t, usable(R.choice(W["buyers"][crop]), t), a, amt, "online",
                       memo={"cotton": "籽棉款", "apple": "苹果款", "wolfberry": "枸杞款", "potato": "洋芋款",
                             "grape": "葡萄款", "corn": "玉米款"}[crop])
        t = (sub_day + R.randint(-5, 30)) * DAY + 11 * 3600
        a = usable(p, t, pay=False)
        if a:
            tx(t, usable(W["subsidy"][prov(p.region)], t), a, money(lognorm(1800, .6)), "online", memo="耕地地力保护补贴")
        daily_life(p, 1.3 if hs else .8, atm_p=.5)
    # mining companies: monthly payroll batch, all workers at the same minute
    miners_by_mine = {}
    for p in W["miner"]:
        mine = R.choice(W["mines"])
        miners_by_mine.setdefault(mine.i, (mine, []))[1].append(p)
        if R.random() < .4:        # workers often hold a salary card at the mine's bank
            ma = mine.accts[0]
            A(p, ma.bank if IKIND[ma.bank] != "payment" else "ICBC", old_open(2018, 2023), mine.region, w=4)
    for mi in sorted(miners_by_mine):
        mine, ws = miners_by_mine[mi]
        for m in range(6):
            t = day_of((6 + m, 12)) * DAY + 10 * 3600 + R.randrange(3600)
            ma = usable(mine, t)
            for p in ws:
                a = usable(p, t, pay=False)
                if a and ma:
                    tx(t + R.randrange(60), ma, a, money(lognorm(7500, .25)), "online", memo="工资")
    for p in W["miner"]:
        daily_life(p, 1.5, atm_p=.5)
        for m in range(R.randint(0, 6)):
            t = at(day_of((6 + m, 13)) + R.randint(0, 5))
            a, q = usable(p, t, pay=False), R.choice(p.rel)
            b = usable(q, t)
            if a and b:
                tx(t, a, b, money(lognorm(3000, .5)), memo="家用")
    # labour bosses (包工头): progress payments in, then wages to many workers
    pool = list(W["worker"])
    R.shuffle(pool)
    per = max(8, len(pool) // max(1, len(W["boss"])))
    for bi, p in enumerate(W["boss"]):
        crew = pool[bi * per:(bi + 1) * per] or R.sample(W["worker"], min(10, len(W["worker"])))
        builder = R.choice(W["builders"])
        for _ in range(R.randint(2, 4)):
            d = R.randrange(DAYS - 3) if R.random() < .5 else R.randint(day_of((9, 20)), DAYS - 3)
            t = at(d)
            a = usable(p, t, pay=False)
            ba = usable(builder, t)
            if not a or not ba:
                continue
            wages = [money(lognorm(9000, .5)) for _ in crew]
            tx(t, ba, a, sum(wages) + fen(lognorm(30000, .6), 100), "online", memo=R.choice(["工程款", "进度款", "劳务费"]))
            tt = t + R.randint(1800, 2 * DAY)
            for w, amt in zip(crew, wages):
                b = usable(w, tt, pay=R.random() < .3)
                if b:
                    tx(tt + R.randrange(3 * 3600), a, b, amt, "mobile", memo=R.choice(["工资", "工钱", ""]))
        daily_life(p, 2.5)
    for p in W["worker"]:
        daily_life(p, .8, atm_p=.4)
        for _ in range(R.randint(0, 3)):           # cash out in the home county, send money home
            t = at(R.randint(day_of((9, 1)), DAYS - 1))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, None, fen(R.choice([1000, 2000, 3000, 5000])), "atm", kind="withdrawal")
    # truck drivers: many freight payments, fuel in many regions
    for p in W["driver"]:
        for _ in range(R.randint(20, 45)):
            t = at(R.randrange(DAYS), "night")
            a = usable(p, t)
            if not a:
                continue
            if R.random() < .4:
                tx(t, usable(R.choice(W["logistics"]), t), a, money(lognorm(3500, .6)), "online", memo="运费")
            else:
                rg = R.choice(RCODE + OUTER)
                g = W["gas"].get(rg) or W["gas"][R.choice(RCODE)]
                tx(t, a, usable(g, t), money(lognorm(1200, .6)), "pos", region=rg, memo="加油")
        daily_life(p, 1.0)
    # border traders: big irregular sums, cross-border counterparties
    foreigners = []
    for _ in range(40):
        fp = P(R.choice(["654004", "652702"]), "foreign_buyer", outsider=True)
        A(fp, "FOREIGN", old_open(2010, 2022))
        foreigners.append(fp)
    for p in W["trader"]:
        for _ in range(R.randint(4, 14)):
            t = at(R.randrange(DAYS))
            a = usable(p, t, pay=False)
            if not a:
                continue
            r = R.random()
            if r < .4:
                f = R.choice(foreigners).accts[0]
                if R.random() < .3:
                    tx(t, f, a, money(lognorm(15000, .8)), "online", xb=True, cur="USD", memo="货款")
                else:
                    tx(t, f, a, money(lognorm(120000, .8)), "online", xb=True, memo="货款")
            elif r < .8:
                tx(t, a, usable(R.choice(W["wholesale"]), t), money(lognorm(90000, .9)), "online", memo="货款")
            else:
                q = R.choice(W["residents"])
                b = usable(q, t)
                if b:
                    tx(t, b, a, money(lognorm(20000, .9)), "mobile", memo=R.choice(["货款", ""]))
        daily_life(p, 2.0)
    # tourism season businesses: many small payments from tourists in season
    for p in W["tourism"]:
        ej = p.region == "152923"
        d0, d1 = (day_of((9, 20)), day_of((10, 31))) if ej else (day_of((6, 25)), day_of((9, 5)))
        n = R.randint(25, 90)
        for _ in range(n):
            d = R.randint(d0, d1) if R.random() < .85 else R.randrange(DAYS)
            t = at(d)
            a = usable(p, t)
            q = R.choice(W["outsiders"] if R.random() < .6 else W["residents"])
            b = usable(q, t)
            if a and b and q is not p:
                tx(t, b, a, money(lognorm(380, .7)), "mobile", region=p.region, memo=R.choice(["房费", "餐费", "", "包车"]))
        for _ in range(R.randint(2, 6)):
            t = at(R.randint(d0, min(DAYS - 1, d1 + 10)))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, usable(R.choice(W["wholesale"]), t), money(lognorm(8000, .6)), memo="进货")
        daily_life(p, 1.5)
    # small shops on personal accounts: many small QR payments, weekly restock
    for p in W["shop"]:
        custs = [q for q in W["by_prov"][prov(p.region)]][:400]
        for _ in range(R.randint(20, 60)):
            t = at(R.randrange(DAYS))
            a = usable(p, t)
            b = usable(R.choice(custs), t, pay=True)
            if a and b and b.p is not p:
                tx(t, b, a, fen(lognorm(45, .9)), "mobile", region=p.region)
        for w in range(0, DAYS, 7 * R.randint(1, 2)):
            t = at(w + R.randint(0, 3))
            a = usable(p, t, pay=False)
            if a:
                tx(t, a, usable(R.choice(W["wholesale"]), t), money(lognorm(4000, .6)), memo="进货款")
        daily_life(p, 1.0)
    # students: fresh cards in September, tuition, living allowance
    for p in W["student"]:
        fresh = R.random() < .4
        if fresh:     # new students: open a campus card and a wallet on arrival
            d = day_of((8, 28)) + R.randint(0, 12)
            for a in p.accts:
                a.until = -1         # pre-university accounts stay at home (not used here)
            c = A(p, R.choice(NATIONAL[:3] + local_banks(p.region, ("city",))), open_at_counter(d), w=3)
            A(p, "ALIPAY" if R.random() < .5 else "TENPAY", c.opened + R.randint(600, 3 * DAY), w=2)
            parent = R.choice(p.rel)
            t = c.opened + R.randint(3600, 2 * DAY)
            pa = usable(parent, t)
            if pa:
                tx(t, pa, c, money(lognorm(7000, .3)), memo="学费")
                u = W["univ"].get(p.region)
                if u:
                    tx(t + R.randint(3600, 5 * DAY), c, usable(u, t), fen(R.choice([4500, 5000, 5500, 6000])), "online",
                       memo="学费")
        for m in range(6):
            t = at(day_of((6 + m, 1)) + R.randint(0, 6))
            pa = usable(R.choice(p.rel), t)
            a = usable(p, t)
            if pa and a and (m >= 3 or R.random() < .5):
                tx(t, pa, a, money(lognorm(1500, .3)), memo="生活费")
        daily_life(p, 2.0, atm_p=.1)
    # new employees: salary card opened inside the window, big first payment
    for _ in range(int(V["pop"]["newjob"] * V["scale"])):
        p = P(R.choice(with_tag("urban") + with_tag("mining")), "new_employee", R.randint(1985, 2002))
        A(p, "TENPAY", old_open(2015, 2023), w=1.0)
        d = R.randint(5, DAYS - 40)
        emp = R.choice(W["employers"].get(p.region) or W["mines"])
        p.emp = emp
        p.rel = [R.choice(W["residents"])]
        ea = emp.accts[0]
        bank = ea.bank if IKIND[ea.bank] != "payment" else "ICBC"
        c = A(p, bank, open_at_counter(d), w=4)
        t = c.opened + R.randint(2 * DAY, 20 * DAY)
        tx(t, ea, c, money(lognorm(9000, .4)), "online", memo=R.choice(["工资", "安家费", "入职补贴"]))
        for m in range(6):
            tm = t + (m + 1) * 30 * DAY
            tx(tm, ea, c, money(lognorm(6000, .3)), "online", memo="工资")
        daily_life(p, 2.5)
    # big first payments / revived dormant accounts (compensation, house or car sale)
    for _ in range(int(V["pop"]["bigfirst"] * V["scale"])):
        p = R.choice(W["residents"])
        d = R.randint(3, DAYS - 20)
        if R.random() < .5:
            a = A(p, pick_bank(p.region), open_at_counter(d), w=.1)
        else:
            a = A(p, pick_bank(p.region), old_open(2006, 2014), w=.1)   # old dormant card, revived
        t = max(a.opened, d * DAY) + R.randint(DAY, 5 * DAY)
        src = R.choice([W["subsidy"][prov(p.region)], R.choice(W["developer"]), R.choice(W["residents"])])
        amt = money(lognorm(400000, .7))
        tx(t, usable(src, t), a, amt, "counter", memo=R.choice(["拆迁补偿款", "房款", "购房款", "赔偿款", "卖车款"]))
        rest = amt
        for _ in range(R.randint(1, 3)):
            t += R.randint(2 * 3600, 10 * DAY)
            x = int(rest * R.uniform(.3, .8)) // 100 * 100
            dest = R.choice([R.choice(W["developer"]), R.choice(W["car_dealer"]), R.choice(p.rel)])
            if x > 0 and tx(t, a, usable(dest, t), x, R.choice(["counter", "online"]), memo=R.choice(["首付", "购车款", "", "借款"])):
                rest -= x
    # collections: mosque / temple / village; many small donations, then one big payment out
    for _ in range(V["collections"]):
        c = R.choice(with_tag("mosque") + with_tag("temple") + with_tag("farm"))
        p = P(c, "collection_keeper", R.randint(1955, 1985))
        give_accounts(p, 1, .9)
        p.rel = [R.choice(W["by_prov"][prov(c)])]
        if "mosque" in RTAGS[c] and R.random() < .6:
            d0 = day_of((6, 5)) + R.randint(0, 8)          # before 古尔邦节 (Eid al-Adha, 2024-06-16)
        else:
            d0 = R.randint(0, DAYS - 20)
        donors = [q for q in W["by_prov"][prov(c)] if q.region == c] or W["by_prov"][prov(c)]
        total = 0
        for _ in range(R.randint(30, 150)):
            t = at(d0 + R.randint(0, 9))
            a = usable(p, t)
            b = usable(R.choice(donors), t)
            if a and b and b.p is not p:
                amt = fen(R.choice([50, 100, 100, 200, 200, 500, 1000, 2000]))
                if tx(t, b, a, amt, "mobile", memo=R.choice(["捐款", "乜贴", "修路", "随喜", ""])):
                    total += amt
        t = (d0 + R.randint(10, 20)) * DAY + 10 * 3600
        a = usable(p, t, pay=False)
        if a and total:
            if R.random() < .6:
                tx(t, a, usable(R.choice(W["builders"]), t), total // 100 * 100, "counter", memo=R.choice(["工程款", "修缮款"]))
            else:
                tx(t, a, None, total // 100 * 100, "counter", kind="withdrawal")
    # family pooling: relatives send within a few days, one big payment out (wedding, hospital, house)
    for _ in range(V["pooling"]):
        p = R.choice(W["residents"])
        fam = R.sample(W["by_prov"][prov(p.region)], R.randint(3, 8))
        d0 = R.randint(0, DAYS - 10)
        total = 0
        for q in fam:
            t = at(d0 + R.randint(0, 3))
            a, b = usable(p, t, pay=False), usable(q, t)
            if a and b and q is not p:
                amt = money(lognorm(20000, .8))
                if tx(t, b, a, amt, memo=R.choice(["", "借你的", "彩礼", "看病", "首付"])):
                    total += amt
        t = at(d0 + R.randint(4, 8))
        a = usable(p, t, pay=False)
        if a and total:
            dest = R.choice([W["hospital"][prov(p.region)], R.choice(W["developer"]), R.choice(W["residents"])])
            tx(t, a, usable(dest, t), int(total * R.uniform(.85, 1.0)) // 100 * 100, "counter")


# ---------------------------------------------------------------- fraud world
TYPOLOGY = [("brushing", 18), ("ecommerce_cs", 12), ("investment", 14), ("loan_card", 10), ("credit_record", 6),
            ("shopping_service", 6), ("police_gov", 8), ("leader_acquaintance", 7), ("game_trade", 4),
            ("romance", 6), ("accident_kidnap", 3), ("subsidy_refund", 3), ("fake_job", 3)]


def victim_payments(kind):
    """List of (delay seconds after the first payment, yuan)."""
    if kind == "brushing":
        k = R.randint(1, 6)
        a = lognorm(300, .5)
        out, t = [], 0
        for i in range(k):
            out.append((t, a))
            a *= R.uniform(1.8, 3.5)
            t += R.randint(600, 6 * 3600)
        return out
    if kind in ("investment", "romance"):
        k = R.randint(1, 8)
        a = lognorm(8000, .8)
        out, t = [], 0
        for i in range(k):
            out.append((t, a))
            a *= R.uniform(1.0, 2.5)
            t += R.randint(DAY // 2, 12 * DAY)
        return out
    if kind == "police_gov":
        k = R.choice([1, 1, 2, 3, 4])
        return [(i * R.randint(1800, DAY), lognorm(60000, .9)) for i in range(k)]
    if kind == "loan_card":
        return [(i * R.randint(1800, 2 * DAY), lognorm(2500, .6)) for i in range(R.randint(1, 5))]
    if kind in ("game_trade", "shopping_service"):
        return [(i * R.randint(600, DAY), lognorm(900, .8)) for i in range(R.randint(1, 3))]
    if kind == "fake_job":
        return [(i * R.randint(3600, 3 * DAY), lognorm(600, .5)) for i in range(R.randint(1, 3))]
    return [(i * R.randint(600, 4 * 3600), lognorm(15000, .8)) for i in range(R.choice([1, 1, 1, 2, 3]))]


def window(start, length):
    return [(int(start), int(start + length))]


def active(a, t):
    for s, e in a.win:
        if s <= t < e:
            return True
    return False


def pick_active(pool, t):
    c = [a for a in pool if active(a, t)]
    if c:
        return R.choice(c)
    best, gap = None, None
    for a in pool:
        for s, e in a.win:
            g = s - t if t < s else t - e
            if gap is None or g < gap:
                best, gap = a, g
    if best is None:
        return None
    best.win.append((t - 60, t + R.randint(DAY, 4 * DAY)))     # extend: a spare card is brought in
    return best


def make_mule(a, arch, gang, layer, mode, win, V):
    a.mule = True
    a.arch = arch
    a.gang = gang
    a.layer = layer
    a.mode = mode
    a.win = win
    a.until = min(a.until, win[0][0]) if arch not in ("paofen", "ushang_black") else a.until
    a.delay = V["delay"] * R.uniform(.5, 2.0)
    a.base = fen(R.uniform(0, 300)) if arch not in ("paofen", "ushang_black") else None
    return a


def fraud_world(V, starts):
    W = WORLD
    G = V["gangs"]
    gangs = [{"L1": [], "L2": [], "U": [], "L3": [], "cash": R.choice(CASHOUT + CAPITAL["65"] + CAPITAL["62"]),
              "ops": R.choice(OUTER + [""]), "speed": R.choice([.4, 1, 1, 2, 6])} for _ in range(G)]
    young = [p for p in W["residents"] if p.birth >= 1980 and p.arch in
             ("salaried", "student", "construction_worker", "mine_worker", "truck_driver", "small_shop")]
    taken = set()
    mules = []

    def fresh_person(pool):
        for _ in range(50):
            p = R.choice(pool)
            if p.i not in taken:
                taken.add(p.i)
                return p
        return None

    # 跑分 participants: ordinary people lending their own accounts for a commission, in sessions
    for k in range(V["paofen"]):
        p = fresh_person(young)
        if not p:
            continue
        g = k % G if k < G * 3 else R.randrange(G)
        accs = [a for a in p.accts if a.opened < 0]
        if not accs:
            continue
        use = R.sample(accs, min(len(accs), R.choice([1, 1, 2])))
        sessions = []
        for _ in range(R.choice([1, 1, 2, 3, 4])):
            s = R.randint(0, DAYS - 2) * DAY + R.randint(8, 22) * 3600
            ln = R.choice([R.randint(3, 20) * 3600, DAY, R.randint(2, 7) * DAY, R.randint(7, 25) * DAY])
            sessions.append((s, min(END, s + ln)))
        sessions.sort()
        layer = 1 if R.random() < .7 else 2
        for a in use:
            make_mule(a, "paofen", g, layer, "each", list(sessions), V)
            a.delay = V["paofen_delay"] * R.uniform(.3, 3.0)
            gangs[g]["L1" if layer == 1 else "L2"].append(a)
            mules.append(a)
    # bought cards: herders, miners, students sell an existing card; it leaves their daily life
    sources = [("bought_herder", W["herder"]), ("bought_miner", W["miner"]), ("bought_student", W["student"]),
               ("bought_worker", W["worker"])]
    for k in range(V["bought"]):
        arch, pool = sources[k % len(sources)] if R.random() < .8 else R.choice(sources)
        p = fresh_person(pool)
        if not p:
            continue
        accs = [a for a in p.accts if not a.pay and a.opened < 0 and a.until > 0]
        if not accs:
            continue
        a = R.choice(accs)
        sale = R.randint(-20, DAYS - 15) * DAY
        if not [b for b in p.accts if b is not a and b.until > sale]:
            A(p, "TENPAY" if R.random() < .5 else "ALIPAY", old_open(2016, 2023), w=1)
        g = R.randrange(G)
        start = max(sale + R.randint(1, 20) * DAY, R.randint(0, 5) * DAY)
        layer = 1 if R.random() < .6 else 2
        make_mule(a, arch, g, layer, "sweep", window(start, R.randint(1, 18) * DAY), V)
        a.until = sale
        a.cash_region = gangs[g]["cash"] if layer == 2 and R.random() < .6 else None
        gangs[g]["L1" if layer == 1 else "L2"].append(a)
        mules.append(a)
    # dormant accounts of elderly relatives: opened long ago, untouched, then suddenly used
    elders = W["retiree"] + [h for h in W["herder"] if h.birth < 1970]
    for k in range(V["dormant"]):
        p = fresh_person(elders)
        if not p:
            continue
        a = A(p, R.choice(["ABC", "PSBC", "ICBC", "CCB"] + local_banks(p.region, ("rural",))), old_open(2006, 2016),
              w=0.0)
        a.until = -1
        g = R.randrange(G)
        layer = 1 if R.random() < .7 else 2
        make_mule(a, "dormant_relative", g, layer, "sweep", window(R.randint(0, DAYS - 8) * DAY, R.randint(2, 12) * DAY), V)
        a.base = fen(R.uniform(0, 60))
        gangs[g]["L1" if layer == 1 else "L2"].append(a)
        mules.append(a)
    # fresh cards opened to sell (1-3 each) by young people, students, unemployed herders' children
    sellers = [p for p in W["residents"] if p.birth >= 1990]
    for k in range(V["fresh"]):
        p = fresh_person(sellers)
        if not p:
            continue
        d = R.randint(-30, DAYS - 12)
        g = R.randrange(G)
        for j in range(R.choice([1, 1, 2, 3])):
            rg = p.region if R.random() < .6 else R.choice(RCODE)
            a = A(p, pick_bank(rg), open_at_counter(d + j), rg, cls="I" if R.random() < .8 else "II", w=0)
            if a.opened >= 0 and R.random() < .5:
                tx(a.opened + R.randint(60, 900), None, a, fen(R.choice([10, 20, 50, 100])), "counter", region=rg,
                   kind="deposit")
            layer = 1 if R.random() < .6 else 2
            make_mule(a, "fresh_sold", g, layer, "sweep", window(max(a.opened, 0) + R.randint(1, 12) * DAY,
                                                                  R.randint(1, 15) * DAY), V)
            a.cash_region = gangs[g]["cash"] if layer == 2 and R.random() < .5 else None
            gangs[g]["L1" if layer == 1 else "L2"].append(a)
            mules.append(a)
    # card farmers: many cards in a short burst, several banks and cities; cards go quiet or to gangs
    farmers = []
    for k in range(V["farmers"]):
        home = R.choice(with_tag("farm") + with_tag("herding"))
        p = P(home, "card_farmer", R.randint(1988, 2003))
        give_accounts(p, 1, .8)
        daily_life(p, 1.0)
        hidden = k % 2 == 1                     # most cards at institutions that do not supply data
        cities = R.sample(sorted(set(CAPITAL["61"][:1] + CAPITAL["62"][:1] + CAPITAL["64"][:1] + CAPITAL["63"][:1]
                                     + CAPITAL["65"][:1] + ["150203", "620602", "640302", "650203"] + OUTER[:4])),
                          R.randint(3, 6))
        d0 = R.randint(-40, DAYS - 40)
        n = R.randint(9, 24)
        span = R.randint(4, 15)
        cards = []
        for j in range(n):
            c = cities[min(len(cities) - 1, j * len(cities) // n)]
            day = d0 + j * span // n + R.randint(0, 1)
            banks_here = [b for b in NATIONAL + JOINT + OUTSIDE_BANKS + local_banks(c, ("city", "rural"))]
            supp = [b for b in banks_here if SUPPLIES.get(b)]
            nons = [b for b in banks_here if not SUPPLIES.get(b)]
            if j < 2:
                b = R.choice(supp)                # at least two cards visible to the centre
            elif hidden:
                b = R.choice(nons) if R.random() < .85 else R.choice(supp)
            else:
                b = R.choice(supp) if R.random() < .65 else R.choice(nons)
            if IPROV.get(b) and IPROV[b] != prov(c):
                b = R.choice(NATIONAL)
            a = A(p, b, open_at_counter(day), c, cls="I" if R.random() < .7 else "II", w=0)
            a.until = -1
            if a.opened >= 0 and R.random() < .6:
                tx(a.opened + R.randint(60, 600), None, a, fen(R.choice([10, 50, 100])), "counter", region=c,
                   kind="deposit")
            cards.append(a)
        for a in cards:
            if R.random() < V["farmer_use"]:
                g = R.randrange(G)
                layer = 1 if R.random() < .5 else 2
                make_mule(a, "farmer_card", g, layer, "sweep",
                          window(max(a.opened, 0) + R.randint(3, 30) * DAY, R.randint(1, 12) * DAY), V)
                a.cash_region = gangs[g]["cash"] if layer == 2 and R.random() < .5 else None
                gangs[g]["L1" if layer == 1 else "L2"].append(a)
                mules.append(a)
            else:
                a.arch = "farmer_card_unused"
        farmers.append((p, cards))
    # shell companies
    for k in range(V["shells"]):
        rg = R.choice(RCODE + OUTER[:4])
        p = P(rg, "shell_company", corp=True)
        opened = open_at_counter(R.randint(-150, DAYS - 40))
        a = A(p, pick_bank(rg, "corp") if rg in RTAGS else R.choice(NATIONAL + JOINT), opened, rg)
        g = k % G
        make_mule(a, "shell", g, 2, "sweep", window(max(opened, 0) + R.randint(5, 40) * DAY, R.randint(10, 60) * DAY), V)
        a.delay *= 4
        gangs[g]["L2"].append(a)
        mules.append(a)
    # black U商: OTC USDT dealers who knowingly take the gangs' money
    ushang = []
    for k in range(V["ushang"]):
        p = P(R.choice(CAPITAL["65"] + CAPITAL["61"] + OUTER), "ushang_black", R.randint(1985, 1999))
        give_accounts(p, R.randint(2, 3), 1)
        daily_life(p, 2.0)
        for a in p.accts:
            if not a.pay:
                make_mule(a, "ushang_black", -1, 9, "ushang", [(0, END)], V)
                ushang.append(a)
                mules.append(a)
    for g in gangs:
        g["U"] = R.sample(ushang, min(len(ushang), R.randint(2, 4)))
    # a sold card leaves its seller's daily life: drop lawful rows on it after the sale
    cut = {}
    for a in mules:
        if a.arch.startswith("bought_"):
            cut[a.i] = a.until
    T[:] = [t for t in T if not ((t[2] is not None and t[2].i in cut and t[0] >= cut[t[2].i]) or
                                 (t[3] is not None and t[3].i in cut and t[0] >= cut[t[3].i]))]
    # external third-layer cards at out-of-region institutions (cash-out crews)
    for gi, g in enumerate(gangs):
        for _ in range(R.randint(3, 8)):
            p = P(R.choice(OUTER), "cashout_holder", R.randint(1980, 2002), outsider=True)
            a = A(p, R.choice(OUTSIDE_BANKS), old_open(2015, 2024), w=0)
            a.until = -1
            make_mule(a, "l3_external", gi, 3, "sweep", [(0, END)], V)
            a.cash_region = p.region
            g["L3"].append(a)
            mules.append(a)
    for a in mules:
        if a.gang >= 0:
            a.delay *= gangs[a.gang]["speed"]
    return gangs, mules, farmers, ushang


def run_fraud(V, gangs):
    W = WORLD
    victims = W["residents"] + W["outsiders"]
    heap = []
    seq = [0]

    def push(t, a, amt):
        seq[0] += 1
        heapq.heappush(heap, (t, seq[0], a.i, amt))

    n_cases = V["cases"]
    tot = sum(w for _, w in TYPOLOGY)
    cases = 0
    victim_list = []
    for ci in range(n_cases):
        g = gangs[ci % len(gangs)]
        q = R.choice(victims)
        if any(a.mule for a in q.accts):
            continue
        kind = wpick(TYPOLOGY)
        t0 = at(R.randrange(DAYS - 1))
        cases += 1
        for dtt, y in victim_payments(kind):
            t = t0 + dtt
            if t >= END:
                break
            src = usable(q, t, pay=False)
            dst = pick_active(g["L1"], t)
            if not src or not dst:
                continue
            ch = "atm" if kind == "subsidy_refund" else R.choice(["mobile", "mobile", "online", "counter"] if y > 50000 else ["mobile", "online"])
            memo = R.choice(["", "", "", {"brushing": "任务", "investment": "投资款", "loan_card": "解冻费", "police_gov": "",
                                          "romance": "", "ecommerce_cs": "退款", "credit_record": "", "fake_job": "培训费"}.get(kind, "")])
            r = tx(t, src, dst, money(min(y, 900000)), ch, memo=memo, tag="fraud")
            if r:
                push(r[0], dst, r[4])
                victim_list.append((q, kind))
    # layering: event-driven, each mule forwards (each receipt) or sweeps (batches) after its delay
    pending = {}
    sweep_due = {}
    cash_today = {}
    while heap:
        t, _, ai, amt = heapq.heappop(heap)
        a = ACCTS[ai]
        if amt < 0:                                        # a sweep fires
            amt = pending.pop(ai, 0)
            sweep_due.pop(ai, None)
            if amt <= 0:
                continue
            forward(a, t, amt, gangs, push, cash_today)
            continue
        if a.mode == "each":
            keep = int(amt * R.uniform(.008, .03))
            forward(a, t + int(lognorm(420, .9) * a.delay), amt - keep, gangs, push, cash_today)
        elif a.mode in ("sweep", "ushang"):
            pending[ai] = pending.get(ai, 0) + amt
            if ai not in sweep_due:
                due = t + int(lognorm(900 if a.mode == "sweep" else 2400, 1.0) * a.delay)
                sweep_due[ai] = due
                seq[0] += 1
                heapq.heappush(heap, (due, seq[0], ai, -1))
    return cases, victim_list


def forward(a, t, amt, gangs, push, cash_today):
    """Send `amt` fen out of mule `a` at about time t."""
    if t >= END - 60:
        return
    W = WORLD
    if a.mode == "ushang":      # pay USDT sellers: ordinary people and other dealers, keep a spread
        amt = int(amt * R.uniform(.985, .997))
        k = R.randint(1, 4)
        for i in range(k):
            part = amt // k if i < k - 1 else amt - amt // k * (k - 1)
            q = R.choice(W["ushang_grey"] + W["outsiders"] + W["residents"][:3000])
            b = usable(q, t)
            if b:
                tx(t + R.randint(60, 3 * 3600), a, b, part, "mobile", region=a.p.region)
        return
    g = gangs[a.gang] if a.gang >= 0 else gangs[0]
    region = g["ops"] if a.arch != "paofen" else a.p.region
    if a.cash_region:           # withdraw far away in chunks, up to a daily limit; rest to a dealer
        day = t // DAY
        used = cash_today.get((a.i, day), 0)
        limit = fen(R.choice([20000, 20000, 50000]))
        tt = t + R.randint(600, 3 * 3600)
        while amt > 0 and used < limit:
            chunk = min(amt, fen(R.choice([2500, 3000, 5000, 5000])), limit - used)
            if chunk < 10000:
                break
            chunk = chunk // 10000 * 10000
            if not tx(tt, a, None, chunk, "atm", region=a.cash_region, kind="withdrawal"):
                return
            used += chunk
            amt -= chunk
            tt += R.randint(40, 400)
        cash_today[(a.i, day)] = used
        if amt <= fen(200):
            return
    # choose next hop
    if a.layer == 1:
        r = R.random()
        pool = g["L2"] if r < .72 else (g["U"] if r < .86 else g["L1"])
    elif a.layer == 2:
        r = R.random()
        pool = g["U"] if r < .45 else (g["L3"] if r < .8 else g["L2"])
    else:
        pool = g["U"]
    pool = [b for b in pool if b is not a] or g["U"]
    k = 1 if amt < fen(30000) else R.choice([1, 2, 2, 3])
    tt = t
    for i in range(k):
        b = pick_active(pool, tt) if pool is not g["U"] else R.choice(pool)
        if b is None:
            return
        part = amt // k if i < k - 1 else amt - amt // k * (k - 1)
        r = tx(tt, a, b, part, R.choice(["mobile", "online"]) if not a.p.corp else "online",
               region=region, memo="货款" if a.p.corp and R.random() < .5 else "")
        if r:
            push(r[0], b, part)
        tt += R.randint(20, 900)


# ---------------------------------------------------------------- output
def balances(starts):
    """Choose each account's balance at the world's start so that no balance goes negative;
    return the opening balance reported in the row (at opened_at, or at the extract start)."""
    bal = [0] * len(ACCTS)
    low = [0] * len(ACCTS)
    before = [0] * len(ACCTS)
    for t in T:
        ts, _, f, to, amt = t[0], t[1], t[2], t[3], t[4]
        if f is not None:
            bal[f.i] -= amt
            if bal[f.i] < low[f.i]:
                low[f.i] = bal[f.i]
            st = starts.get(f.bank)
            if st is not None and ts < st:
                before[f.i] -= amt
        if to is not None:
            bal[to.i] += amt
            st = starts.get(to.bank)
            if st is not None and ts < st:
                before[to.i] += amt
    out = [0] * len(ACCTS)
    for a in ACCTS:
        if a.base is not None:
            base = a.base
        elif a.opened >= 0:
            base = 0
        elif a.p.corp:
            base = fen(lognorm(300000, 1.0))
        else:
            base = fen(lognorm(6000, 1.2))
        init = max(base, -low[a.i] + (fen(R.uniform(0, 500)) if low[a.i] < 0 and not a.mule else 0))
        st = starts.get(a.bank, 0)
        out[a.i] = init + before[a.i] if a.opened < st else init
    return out


def fmt_fen(v):
    return "%d.%02d" % (v // 100, v % 100)


def visible(t, starts):
    ts, f, to = t[0], t[2], t[3]
    for a in (f, to):
        if a is not None:
            st = starts.get(a.bank)
            if st is not None and ts >= st:
                return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=VARIANTS, default="baseline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--truth", action="store_true")
    args = ap.parse_args()
    R.seed("xibei:%s:%d" % (args.variant, args.seed))
    V = {"variant": args.variant, "scale": 1.0, "delay": 1.0, "paofen_delay": 1.0,
         "pop": {"urban": 2600, "retiree": 900, "farmer": 1000, "herder": 650, "dealer": 35, "driver": 230,
                 "trader": 60, "tourism": 120, "shop": 300, "student": 500, "multibank": 250, "miner": 550,
                 "boss": 35, "worker": 650, "newjob": 220, "bigfirst": 80},
         "ushang_grey": 5, "collections": 30, "pooling": 160,
         "gangs": 4, "paofen": 70, "bought": 90, "dormant": 30, "fresh": 45, "farmers": 4, "farmer_use": .6,
         "shells": 12, "ushang": 4, "cases": 700}
    if args.variant == "paofen_heavy":
        V.update(gangs=8, paofen=380, bought=60, dormant=20, fresh=35, farmers=6, shells=16, ushang=7, cases=1300)
        V["pop"]["urban"] = 2400
    elif args.variant == "herding_season":
        V.update(delay=10.0, paofen_delay=12.0, cases=600, bought=110, collections=40, pooling=220)
        V["pop"].update(urban=1600, retiree=800, farmer=1700, herder=1300, dealer=80, worker=750, boss=40)
    global WORLD
    starts = build_institutions()
    WORLD = build_world(V)
    lawful_flows(V)
    gangs, mules, farmers, ushang = fraud_world(V, starts)
    cases, victim_list = run_fraud(V, gangs)
    T.sort(key=lambda x: (x[0], x[1]))
    ob = balances(starts)

    os.makedirs(args.out, exist_ok=True)
    vis = [t for t in T if visible(t, starts)]
    seen = bytearray(len(ACCTS))
    for t in vis:
        if t[2] is not None:
            seen[t[2].i] = 1
        if t[3] is not None:
            seen[t[3].i] = 1
    has_row = [SUPPLIES.get(a.bank, False) for a in ACCTS]
    with open(os.path.join(args.out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class", "opening_balance"])
        for a in ACCTS:
            if has_row[a.i]:
                w.writerow([a.id, a.bank, a.p.hid, ts_str(a.opened), a.region, a.cls, fmt_fen(ob[a.i])])
    fraud_ids = []
    with open(os.path.join(args.out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region", "kind",
                    "memo", "cross_border"])
        day_cache = {}
        for n, t in enumerate(vis):
            ts, _, f, to, amt, ch, region, kind, memo, xb, cur, tag = t
            rep = f if f is not None and SUPPLIES.get(f.bank) else to
            d = ts // DAY
            if d not in day_cache:
                day_cache[d] = ymd(ts).replace("-", "")
            tid = "%s%s%07d" % (rep.bank[:4], day_cache[d], n + 1)
            w.writerow([tid, ts_str(ts), f.id if f else "", to.id if to else "", fmt_fen(amt), cur, ch, region, kind,
                        memo, "true" if xb else "false"])
            if tag == "fraud":
                fraud_ids.append(tid)
    farm_rows = [(p, cards) for p, cards in farmers if any(has_row[a.i] for a in cards)]
    with open(os.path.join(args.out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["kind", "id", "label"])
        for tid in fraud_ids:
            w.writerow(["transfer", tid, "fraud"])
        for a in ACCTS:
            if a.mule and (has_row[a.i] or seen[a.i]):
                w.writerow(["account", a.id, "mule"])
        for p, cards in farm_rows:
            w.writerow(["holder", p.hid, "card_farmer"])
    victims = set(q.i for q, _ in victim_list)
    if args.truth:
        farmer_ids = set(p.i for p, _ in farmers)
        with open(os.path.join(args.out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "bank", "holder_id", "has_row", "in_transfers", "role", "archetype", "gang", "layer",
                        "holder_archetype", "victim", "card_farmer", "opened_at", "note"])
            for code, kind, sup, pv in INSTS:
                w.writerow(["institution", code, code, "", int(sup), "", "", kind, "", "", "", "", "",
                            ts_str(starts[code]) if sup else "", "extract start" if sup else "does not supply"])
            for a in ACCTS:
                role = "mule" if a.mule else ("unused_farmer_card" if a.arch == "farmer_card_unused" else "lawful")
                w.writerow(["account", a.id, a.bank, a.p.hid, int(has_row[a.i]), int(seen[a.i]), role,
                            a.arch or a.p.arch, a.gang if a.mule else "", a.layer if a.mule else "", a.p.arch,
                            int(a.p.i in victims), int(a.p.i in farmer_ids), ts_str(a.opened), ""])
            for p, cards in farmers:
                w.writerow(["card_farmer", p.hid, "", p.hid, sum(has_row[a.i] for a in cards), sum(seen[a.i] for a in cards),
                            "card_farmer", "card_farmer", "", "", p.arch, "", 1, ts_str(min(a.opened for a in cards)),
                            "%d cards, %d at supplying institutions, %d sold to gangs" % (
                                len(cards), sum(has_row[a.i] for a in cards), sum(a.mule for a in cards))])
    if args.stats:
        arch_n = {}
        for a in ACCTS:
            if a.mule and (has_row[a.i] or seen[a.i]):
                arch_n[a.arch] = arch_n.get(a.arch, 0) + 1
        n_rows = sum(has_row)
        n_ext = sum(1 for a in ACCTS if seen[a.i] and not has_row[a.i])
        print("variant=%s seed=%d" % (args.variant, args.seed), file=sys.stderr)
        print("accounts_rows=%d external_accounts_seen=%d transfers=%d (generated %d)" % (n_rows, n_ext, len(vis), len(T)),
              file=sys.stderr)
        print("cases=%d victim_payments_labelled=%d victims=%d" % (cases, len(fraud_ids), len(victims)), file=sys.stderr)
        print("mule_accounts_labelled=%d %s" % (sum(arch_n.values()),
              " ".join("%s=%d" % (k, arch_n[k]) for k in sorted(arch_n))), file=sys.stderr)
        print("card_farmers_labelled=%d (of %d); farmer cards=%d, with rows=%d" % (
            len(farm_rows), len(farmers), sum(len(c) for _, c in farmers),
            sum(has_row[a.i] for _, c in farmers for a in c)), file=sys.stderr)
        print("extract starts: " + " ".join("%s=%s" % (b, ymd(starts[b])) for b in sorted(starts)), file=sys.stderr)


WORLD = None

if __name__ == "__main__":
    main()
