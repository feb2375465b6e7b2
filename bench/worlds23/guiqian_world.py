#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project: an independent synthetic evaluation world (桂黔, Guangxi and Guizhou).
"""Guiqian (桂黔) world: a synthetic bank extract for Guangxi and Guizhou with telecom fraud.

python3 guiqian_world.py --variant baseline|anliu|fanhua --seed INT --out DIR [--truth] [--stats] [--verify]

Standard library only; same variant and seed give byte-identical files (no use of hash()).
"""
import argparse
import csv
import datetime
import math
import os
import random
import sys
import time

BASE = datetime.datetime(2024, 6, 3)          # window start, local time (+08:00); a Monday
DAYS = 175                                   # window: 2024-06-03 .. 2024-11-24
DAY = 86400
END = DAYS * DAY
TZ = "+08:00"


def dayidx(m, d):
    return (datetime.date(2024, m, d) - BASE.date()).days


PAYDAYS = [dayidx(m, 10) for m in range(6, 12)]
MONTH1 = [dayidx(m, 1) for m in range(7, 12)]
DUANWU = dayidx(6, 10)
D618 = dayidx(6, 18)
MANGO = (dayidx(6, 20), dayidx(8, 31))
SUMMER = (dayidx(7, 10), dayidx(8, 31))
ONBOARD = (dayidx(7, 1), dayidx(7, 20))
TERM = (dayidx(8, 26), dayidx(9, 10))
MIDAUTUMN = dayidx(9, 17)
NATIONAL = (dayidx(10, 1), dayidx(10, 7))
D1111 = dayidx(11, 11)
MIAONIAN = (dayidx(11, 8), dayidx(11, 20))   # 苗年, Qiandongnan (Leishan/Kaili), in 2024 around mid-November

# GB/T 2260 codes used
REGION = {
    "450102": "南宁市兴宁区", "450103": "南宁市青秀区", "450105": "南宁市江南区", "450107": "南宁市西乡塘区",
    "450108": "南宁市良庆区", "450202": "柳州市城中区", "450203": "柳州市鱼峰区", "450205": "柳州市柳北区",
    "450206": "柳州市柳江区", "450302": "桂林市秀峰区", "450305": "桂林市七星区", "450321": "桂林市阳朔县",
    "450502": "北海市海城区", "450503": "北海市银海区", "450681": "防城港市东兴市", "451402": "崇左市江州区",
    "451481": "崇左市凭祥市", "451002": "百色市右江区", "451003": "百色市田阳区", "451022": "百色市田东县",
    "520102": "贵阳市南明区", "520103": "贵阳市云岩区", "520111": "贵阳市花溪区", "520115": "贵阳市观山湖区",
    "520302": "遵义市红花岗区", "520303": "遵义市汇川区", "520382": "遵义市仁怀市", "522601": "黔东南州凯里市",
    "522631": "黔东南州黎平县", "522632": "黔东南州榕江县", "522633": "黔东南州从江县", "522634": "黔东南州雷山县",
    "440106": "广州市天河区", "440303": "深圳市罗湖区", "440304": "深圳市福田区", "440306": "深圳市宝安区",
    "441900": "东莞市", "530102": "昆明市五华区", "532801": "西双版纳州景洪市", "533102": "德宏州瑞丽市",
    "430102": "长沙市芙蓉区", "500103": "重庆市渝中区", "420106": "武汉市武昌区", "421281": "咸宁市赤壁市",
    "150102": "呼和浩特市新城区", "230102": "哈尔滨市道里区", "330106": "杭州市西湖区", "110105": "北京市朝阳区",
    "350203": "厦门市思明区",
}
CITY = {
    "nanning": ["450102", "450103", "450105", "450107", "450108"],
    "liuzhou": ["450202", "450203", "450205", "450206"],
    "guilin": ["450302", "450305", "450321"],
    "beihai": ["450502", "450503"],
    "border": ["450681", "451481"],
    "baise": ["451002", "451003", "451022"],
    "guiyang": ["520102", "520103", "520111", "520115"],
    "zunyi": ["520302", "520303", "520382"],
    "qdn": ["522601", "522631", "522632", "522633", "522634"],
}
CITY_W = {"nanning": 26, "liuzhou": 14, "guilin": 12, "beihai": 6, "border": 4, "baise": 7,
          "guiyang": 18, "zunyi": 8, "qdn": 8}
FAR = ["440106", "440303", "440304", "440306", "441900", "530102", "532801", "533102", "430102", "500103"]
OUTPROV = ["440106", "440304", "441900", "430102", "500103", "420106", "330106", "110105", "350203", "530102"]
FARMER_HOME = ["421281", "150102", "230102", "522633", "451022", "430102"]
GX_CITIES = ["nanning", "liuzhou", "guilin", "beihai", "border", "baise"]


def prov_of(region):
    return {"45": "gx", "52": "gz"}.get(region[:2], "out")


# code, name, type, supplying, extract start (days after window start), card BIN, corp prefix
BANKS = [
    ("ICBC", "中国工商银行", "state", 1, 0, "622202", "2102"),
    ("CCB", "中国建设银行", "state", 1, 4, "621700", "4505"),
    ("GXRCU", "广西农村信用社", "rural", 1, 9, "623388", "9450"),
    ("GLB", "桂林银行", "city", 1, 16, "621456", "6601"),
    ("GYB", "贵阳银行", "city", 1, 2, "621588", "1201"),
    ("YFPAY", "云付支付(虚构支付机构)", "payment", 1, 23, "", ""),
    ("ABC", "中国农业银行", "state", 0, 0, "622848", "2010"),
    ("BOC", "中国银行", "state", 0, 0, "621661", "6288"),
    ("PSBC", "中国邮政储蓄银行", "postal", 0, 0, "621799", "9400"),
    ("CMB", "招商银行", "joint", 0, 0, "621483", "7559"),
    ("LZB", "柳州银行", "city", 0, 0, "621277", "7020"),
    ("BBWB", "广西北部湾银行", "city", 0, 0, "623166", "8001"),
    ("GZRCU", "贵州农村信用社", "rural", 0, 0, "621779", "5230"),
    ("YNRCU", "云南农村信用社", "rural", 0, 0, "622369", "5310"),
    ("GDRC", "广东农商银行(汇总)", "rural", 0, 0, "621626", "4401"),
    ("ALIPAY", "支付宝(虚构编码)", "payment", 0, 0, "", ""),
    ("TENPAY", "财付通(虚构编码)", "payment", 0, 0, "", ""),
    ("VCB", "越南外贸银行(境外)", "foreign", 0, 0, "", ""),
]
BANK = {b[0]: b for b in BANKS}
SUPPLY_START = {b[0]: b[4] * DAY for b in BANKS if b[3]}
BANK_W = {
    "gx": [("ICBC", 18), ("CCB", 16), ("GXRCU", 22), ("GLB", 9), ("ABC", 13), ("BOC", 6), ("PSBC", 8),
           ("CMB", 3), ("LZB", 3), ("BBWB", 3)],
    "gz": [("ICBC", 18), ("CCB", 16), ("GYB", 15), ("GZRCU", 22), ("ABC", 13), ("BOC", 6), ("PSBC", 8), ("CMB", 3)],
    "out": [("ICBC", 15), ("CCB", 14), ("ABC", 18), ("BOC", 10), ("CMB", 12), ("PSBC", 8), ("GDRC", 12),
            ("YNRCU", 4)],
}
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def uscc_check(s17):
    v = 31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if v == 31 else v]


def org_check(s8):
    v = 11 - sum(int(c) * w for c, w in zip(s8, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return "X" if v == 10 else ("0" if v == 11 else str(v))


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


# ---------------------------------------------------------------- variants
VARIANTS = {
    # look: multiplier of lawful look-alikes; ordinary/dormant: multipliers of background population
    "baseline": dict(look=1.0, ordinary=1.0, dormant=1.0, mule_kind={"fresh": 40, "rented_old": 15, "sold_old": 7,
                     "wallet": 14, "shell_corp": 9, "farmer_card": 15}, slow=False),
    "anliu": dict(look=1.0, ordinary=1.0, dormant=1.0, mule_kind={"fresh": 8, "rented_old": 42, "sold_old": 20,
                  "wallet": 10, "shell_corp": 10, "farmer_card": 10}, slow=True),
    "fanhua": dict(look=2.5, ordinary=0.5, dormant=0.45, mule_kind={"fresh": 40, "rented_old": 15, "sold_old": 7,
                   "wallet": 14, "shell_corp": 9, "farmer_card": 15}, slow=False),
}

TYPO = {
    # weight, (min,max) payments, median yuan, sigma, span days (min,max), cohorts
    "police_gov": (10, (1, 4), 45000, 0.8, (0.05, 3), ["elder", "adult"]),
    "brushing": (20, (3, 8), 300, 0.4, (0.1, 3), ["young", "student", "worker", "adult"]),
    "investment": (13, (2, 9), 30000, 0.9, (10, 60), ["adult", "elder"]),
    "romance": (8, (2, 7), 18000, 0.9, (7, 50), ["adult", "worker", "elder"]),
    "loan_card": (12, (2, 5), 2500, 0.6, (0.05, 4), ["worker", "young", "adult"]),
    "credit_record": (8, (1, 5), 15000, 0.8, (0.05, 1), ["young", "student"]),
    "ecommerce_cs": (12, (1, 4), 8000, 0.9, (0.02, 0.5), ["adult", "young"]),
    "shopping_service": (7, (1, 3), 600, 0.8, (0.0, 2), ["young", "student", "adult"]),
    "game_trade": (5, (1, 4), 800, 0.8, (0.0, 2), ["student", "young"]),
    "leader_acquaintance": (5, (1, 2), 30000, 0.7, (0.01, 0.3), ["adult"]),
}
REPORT_P = {"police_gov": 0.75, "brushing": 0.4, "investment": 0.55, "romance": 0.5, "loan_card": 0.45,
            "credit_record": 0.6, "ecommerce_cs": 0.6, "shopping_service": 0.35, "game_trade": 0.3,
            "leader_acquaintance": 0.7}


class Acc:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "role", "arche", "cf", "row")


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.v = VARIANTS[variant]
        self.r = random.Random("guiqian|%s|%d" % (variant, seed))
        self.acc = {}
        self.holders = {}         # id number -> (kind, home region)
        self.T = []
        self.used_ids = set()
        self.pool = {"elder": [], "adult": [], "young": [], "student": [], "worker": []}
        self.merchants = {}       # city -> [acc ids]
        self.extra = {}           # misc accounts
        self.farmers = []         # holder ids
        self.farmer_cards = []    # [acc id, available_t]
        self.dropped = 0
        self.victims = []         # (holder, acc, typology)
        self.victim_pay = []      # (seq) indices into T
        self.rings = []

    # ------------------------------------------------------------ helpers
    def city_region(self, city):
        return self.r.choice(CITY[city])

    def rand_city(self):
        ks = list(CITY_W)
        return self.r.choices(ks, weights=[CITY_W[k] for k in ks])[0]

    def logn(self, med, sig):
        return med * math.exp(self.r.gauss(0, sig))

    def fen(self, yuan, roundto=0.01):
        v = max(roundto, round(yuan / roundto) * roundto)
        return max(1, int(round(v * 100)))

    def tday(self, d, lo=8.0, hi=22.0):
        return int(d * DAY + self.r.uniform(lo, hi) * 3600)

    def pick_bank(self, region, supplying_bias=0.0):
        tab = BANK_W[prov_of(region)]
        ws = [w * (1 + supplying_bias if BANK[c][3] else 1) for c, w in tab]
        return self.r.choices([c for c, _ in tab], weights=ws)[0]

    def person(self, home, y0=1955, y1=2003):
        while True:
            y = self.r.randint(y0, y1)
            bd = datetime.date(y, 1, 1) + datetime.timedelta(days=self.r.randint(0, 364))
            s17 = home + bd.strftime("%Y%m%d") + "%03d" % self.r.randint(1, 999)
            hid = s17 + id_check(s17)
            if hid not in self.holders:
                self.holders[hid] = ("person", home, y)
                return hid

    def corp(self, region):
        while True:
            o8 = "%08d" % self.r.randint(0, 99999999)
            s17 = "91" + region + o8 + org_check(o8)
            hid = s17 + uscc_check(s17)
            if hid not in self.holders:
                self.holders[hid] = ("corp", region, 0)
                return hid

    def new_acc(self, holder, bank, opened, region, cls="I", role="lawful", arche="", cf=0):
        b = BANK[bank]
        while True:
            if b[2] == "payment":
                if bank == "YFPAY":
                    aid = "YF" + "%016d" % self.r.randint(0, 10 ** 16 - 1)
                elif bank == "ALIPAY":
                    aid = "2088" + "%012d" % self.r.randint(0, 10 ** 12 - 1)
                else:
                    aid = "WX" + "%018d" % self.r.randint(0, 10 ** 18 - 1)
                if cls == "I":
                    cls = "II"
            elif b[2] == "foreign":
                aid = "VN0" + "%013d" % self.r.randint(0, 10 ** 13 - 1)
            elif cls == "corp":
                aid = b[6] + "%013d" % self.r.randint(0, 10 ** 13 - 1)
            else:
                p = b[5] + "%012d" % self.r.randint(0, 10 ** 12 - 1)
                aid = p + luhn_digit(p)
            if aid not in self.used_ids:
                break
        self.used_ids.add(aid)
        a = Acc()
        a.id, a.bank, a.holder, a.opened, a.region, a.cls = aid, bank, holder, int(opened), region, cls
        a.role, a.arche, a.cf = role, arche, cf
        a.row = 1 if (b[3] and opened < END) else 0
        self.acc[aid] = a
        return aid

    def old_open(self, ymin=0.3, ymax=12):
        return -int(self.r.uniform(ymin, ymax) * 365 * DAY) - self.r.randint(0, DAY)

    def tx(self, t, frm, to, fen, ch="mobile", reg=None, kind="transfer", memo="", xb=0, fk=""):
        t = int(t)
        if t < 0 or t >= END or fen <= 0:
            return None
        if (frm and self.acc[frm].opened > t) or (to and self.acc[to].opened > t):
            self.dropped += 1
            return None
        if reg is None:
            reg = self.acc[frm].region if frm else self.acc[to].region
        self.T.append((t, len(self.T), frm, to, fen, ch, reg, kind, memo, xb, fk))
        return len(self.T) - 1

    def cohort(self, birth_year):
        age = 2024 - birth_year
        return "elder" if age >= 60 else ("young" if age <= 28 else "adult")

    # ------------------------------------------------------------ background
    def setup_background(self):
        r = self.r
        # merchants per city
        for city, w in CITY_W.items():
            self.merchants[city] = []
            for _ in range(w * 4):
                reg = self.city_region(city)
                h = self.corp(reg)
                self.merchants[city].append(self.new_acc(h, self.pick_bank(reg), self.old_open(0.5, 15), reg, "corp",
                                                         arche="merchant"))
        self.merchants["out"] = []
        for _ in range(40):
            reg = r.choice(OUTPROV)
            self.merchants["out"].append(self.new_acc(self.corp(reg), self.pick_bank(reg), self.old_open(1, 15), reg,
                                                      "corp", arche="merchant"))
        # employers
        self.employers = {}
        for city, w in CITY_W.items():
            self.employers[city] = []
            for _ in range(max(2, w // 2)):
                reg = self.city_region(city)
                self.employers[city].append(self.new_acc(self.corp(reg), self.pick_bank(reg, 0.5),
                                                         self.old_open(1, 20), reg, "corp", arche="employer"))
        self.employers["out"] = []
        for _ in range(12):
            reg = r.choice(["440306", "441900", "440106", "330106"])
            self.employers["out"].append(self.new_acc(self.corp(reg), self.pick_bank(reg), self.old_open(1, 20), reg,
                                                      "corp", arche="employer"))
        # clients who pay employers (external corporate accounts)
        self.clients = [self.new_acc(self.corp(reg), "CMB", self.old_open(2, 15), reg, "corp", arche="client_corp")
                        for reg in OUTPROV]
        self.socsec = {p: self.new_acc(self.corp(reg), "ICBC" if p == "gx" else "GYB", self.old_open(10, 20), reg,
                                       "corp", arche="social_security_fund")
                       for p, reg in (("gx", "450103"), ("gz", "520103"))}
        self.utility = {p: self.new_acc(self.corp(reg), "ABC", self.old_open(10, 20), reg, "corp", arche="utility")
                        for p, reg in (("gx", "450103"), ("gz", "520102"), ("out", "440304"))}
        self.gold = [self.new_acc(self.corp(reg), "CCB" if i % 2 else "BOC", self.old_open(3, 12), reg, "corp",
                                  arche="gold_shop")
                     for i, reg in enumerate(["440303", "440303", "450103", "520103"])]
        self.lender = [self.new_acc(self.corp(reg), b, self.old_open(3, 8), reg, "corp", arche="consumer_finance")
                       for reg, b in (("500103", "CMB"), ("440304", "CMB"), ("450103", "BBWB"))]

    def wallet_for(self, h, region, t0):
        b = self.r.choices(["ALIPAY", "TENPAY", "YFPAY"], weights=[45, 45, 10])[0]
        return self.new_acc(h, b, min(t0, self.old_open(0.2, 8)), region, "II")

    def life(self, aid, d0, d1, city, level=1.0, employer=None, salary=0, wallet=None, pension=0):
        """Ordinary life of one account between days d0 and d1."""
        r = self.r
        a = self.acc[aid]
        d0 = max(d0, a.opened // DAY + 1 if a.opened > 0 else 0)
        if d1 <= d0:
            return
        weeks = (d1 - d0) / 7.0
        if employer:
            for pd in PAYDAYS:
                if d0 <= pd < d1:
                    self.tx(self.tday(pd, 9, 11), employer, aid, self.fen(salary * r.uniform(0.9, 1.15)), "other",
                            memo="工资")
        if pension:
            for pd in PAYDAYS:
                if d0 <= pd + 5 < d1:
                    self.tx(self.tday(pd + 5, 8, 10), self.socsec["gz" if a.region[:2] == "52" else "gx"], aid,
                            self.fen(pension), "other", memo="养老金")
        ms = self.merchants.get(city) or self.merchants["out"]
        for _ in range(self.pois(0.45 * level * weeks)):
            d = r.uniform(d0, d1)
            self.tx(self.tday(d, 7, 23), aid, r.choice(ms), self.fen(self.logn(110, 0.9)), r.choice(("pos", "mobile")),
                    memo="消费")
        if wallet:
            for m in range(int(weeks / 4.3) + 1):
                if r.random() < 0.7:
                    d = d0 + m * 30 + r.uniform(0, 29)
                    if d < d1:
                        self.tx(self.tday(d), aid, wallet, self.fen(self.logn(500, 0.6), 10), "mobile", memo="充值")
        for _ in range(self.pois(0.06 * level * weeks)):
            d = r.uniform(d0, d1)
            self.tx(self.tday(d, 8, 21), aid, None, self.fen(r.choice([500, 1000, 1000, 2000, 3000]), 100), "atm",
                    kind="withdrawal")
        for _ in range(self.pois(0.1 * weeks)):
            pk = self.pool[r.choice(("adult", "young", "elder", "adult"))]
            if pk:
                self.tx(self.tday(r.uniform(d0, d1)), aid, r.choice(pk), self.fen(self.logn(400, 1.0), 1), "mobile")
        if r.random() < 0.4:
            for pd in MONTH1:
                if d0 <= pd + 2 < d1:
                    u = self.utility[prov_of(a.region)]
                    self.tx(self.tday(pd + 2), aid, u, self.fen(self.logn(150, 0.4)), "online", memo="电费")

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def ordinary(self, city=None, home=None, opened=None, arche="ordinary", life_until=DAYS, multi=None, by=None):
        r = self.r
        city = city or self.rand_city()
        reg = self.city_region(city)
        home = home or (reg if r.random() < 0.75 else self.city_region(self.rand_city()))
        y0, y1 = by or (1952, 2002)
        h = self.person(home, y0, y1)
        byear = self.holders[h][2]
        coh = self.cohort(byear)
        if opened is None:
            opened = self.old_open(0.3, 14) if r.random() > 0.06 else self.tday(r.uniform(0, DAYS - 3), 9, 17)
        aid = self.new_acc(h, self.pick_bank(reg), opened, reg, arche=arche)
        accs = [aid]
        if multi is None:
            multi = r.random() < 0.3
        if multi:
            for _ in range(r.choice((1, 1, 2))):
                accs.append(self.new_acc(h, self.pick_bank(reg), self.old_open(0.3, 10), reg, arche=arche + ":second"))
        wallet = self.wallet_for(h, reg, opened) if r.random() < 0.45 else None
        emp = None
        sal = 0
        pension = 0
        if coh == "elder":
            pension = r.uniform(1400, 4200)
        elif r.random() < 0.78:
            emp = r.choice(self.employers[city])
            sal = self.logn(5200, 0.35)
        self.life(aid, 0, life_until, city, 1.0, emp, sal, wallet, pension)
        if len(accs) > 1:
            for o in accs[1:]:
                self.life(o, 0, life_until, city, 0.25)
                for _ in range(self.pois(2.0)):
                    d = r.uniform(0, life_until)
                    src, dst = (aid, o) if r.random() < 0.6 else (o, aid)
                    self.tx(self.tday(d), src, dst, self.fen(self.logn(3000, 0.8), 100), "mobile", memo="")
        self.pool[coh].append(aid)
        return h, aid, accs, city

    def dormant(self, n):
        r = self.r
        for _ in range(n):
            city = self.rand_city()
            reg = self.city_region(city)
            h = self.person(reg if r.random() < 0.8 else r.choice(OUTPROV))
            aid = self.new_acc(h, self.pick_bank(reg, 0.6), self.old_open(1, 15), reg, arche="dormant")
            for _ in range(r.choice((0, 0, 1, 2))):
                d = r.uniform(0, DAYS)
                if r.random() < 0.5:
                    self.tx(self.tday(d), aid, None, self.fen(r.choice([100, 200, 500]), 100), "atm", kind="withdrawal")
                else:
                    self.tx(self.tday(d), None, aid, self.fen(r.choice([200, 500, 1000]), 100), "counter",
                            kind="deposit")

    # ------------------------------------------------------------ lawful look-alikes
    def look(self, base):
        return max(1, int(round(base * self.v["look"])))

    def border_traders(self, n):
        r = self.r
        vn = [self.new_acc(self.corp("450681"), "VCB", self.old_open(2, 10), "450681", "corp", arche="vn_supplier")
              for _ in range(30)]
        for i in range(n):
            reg = r.choice(CITY["border"])
            h = self.person(reg if r.random() < 0.7 else r.choice(CITY["nanning"]), 1965, 1995)
            acc = self.new_acc(h, self.pick_bank(reg, 1.0), self.old_open(1, 10) if r.random() < 0.85 else
                               self.tday(r.uniform(0, 60)), reg, arche="border_trader")
            buyers = [self.new_acc(self.corp(b), self.pick_bank(b, 0.5), self.old_open(1, 10), b, "corp",
                                   arche="border_buyer")
                      for b in [r.choice(CITY["nanning"] + OUTPROV[:4]) for _ in range(r.randint(4, 12))]]
            residents = []
            if r.random() < 0.4:
                for _ in range(r.randint(8, 20)):
                    hh = self.person(reg, 1955, 1998)
                    residents.append(self.new_acc(hh, "GXRCU" if r.random() < 0.7 else "ABC", self.old_open(1, 15),
                                                  reg, arche="border_resident"))
            sups = r.sample(vn, 4)
            nb = self.pois(DAYS / 7.0 * r.uniform(0.6, 1.6))
            for _ in range(nb):
                d = r.uniform(0, DAYS - 1)
                t = self.tday(d, 7, 20)
                tot = 0
                for _ in range(r.randint(2, 9)):
                    f = self.fen(self.logn(60000, 0.9), 100)
                    tot += f
                    self.tx(t, r.choice(buyers), acc, f, "online", reg=None, memo="货款")
                    t += r.randint(60, 3600)
                t += r.randint(300, 4 * 3600)
                left = tot
                while left > 0:
                    c = min(left, self.fen(self.logn(120000, 0.6), 100))
                    if r.random() < 0.35:
                        c = min(left, self.fen(r.uniform(20000, 49000), 1000))
                        self.tx(t, acc, None, c, "counter", reg=reg, kind="withdrawal", memo="边贸现金")
                    elif residents and r.random() < 0.4:
                        for rs in r.sample(residents, min(len(residents), r.randint(3, 8))):
                            p = min(left, self.fen(r.uniform(5000, 8000), 100))
                            if p <= 0:
                                break
                            self.tx(t, acc, rs, p, "mobile", memo="互市")
                            self.tx(t + r.randint(120, 2400), rs, r.choice(sups), p, "online", xb=1, memo="互市货款")
                            left -= p
                            t += r.randint(30, 300)
                        continue
                    else:
                        self.tx(t, acc, r.choice(sups), c, "online", xb=1, memo="越南货款")
                    left -= c
                    t += r.randint(60, 1800)
                if r.random() < 0.3:
                    self.tx(t + 3600, None, acc, self.fen(r.uniform(10000, 80000), 100), "counter", kind="deposit",
                            memo="现金存入")

    def liquor(self, n):
        r = self.r
        distillery = self.new_acc(self.corp("520382"), "ICBC", self.old_open(10, 20), "520382", "corp",
                                  arche="distillery")
        for i in range(n):
            reg = r.choice(CITY["zunyi"])
            if r.random() < 0.6:
                acc = self.new_acc(self.corp(reg), self.pick_bank(reg, 1.0), self.old_open(2, 12), reg, "corp",
                                   arche="liquor_distributor")
            else:
                acc = self.new_acc(self.person(reg, 1965, 1990), self.pick_bank(reg, 1.0), self.old_open(2, 12), reg,
                                   arche="liquor_distributor")
            shops = []
            for _ in range(r.randint(20, 45)):
                sr = r.choice(CITY["zunyi"] + CITY["guiyang"] + CITY["nanning"] + ["500103", "440304"])
                if r.random() < 0.5:
                    shops.append(self.new_acc(self.corp(sr), self.pick_bank(sr), self.old_open(1, 10), sr, "corp",
                                              arche="liquor_shop"))
                else:
                    shops.append(self.new_acc(self.person(sr, 1960, 1995), self.pick_bank(sr), self.old_open(1, 10),
                                              sr, arche="liquor_shop"))
            for s in shops:
                for _ in range(self.pois(4)):
                    if r.random() < 0.55:
                        d = r.uniform(MIDAUTUMN - 30, NATIONAL[1] - 3)
                    else:
                        d = r.uniform(0, DAYS)
                    self.tx(self.tday(d, 8, 21), s, acc, self.fen(self.logn(30000, 0.8), 100), "online", memo="酒款")
            for wk in range(0, DAYS, 10):
                if r.random() < 0.6:
                    self.tx(self.tday(wk + r.uniform(0, 9), 9, 17), acc, distillery, 0, "online")  # placeholder
            self.extra.setdefault("distributors", []).append((acc, distillery))

    def settle_distributors(self):
        """Distributors pay the distillery from what they collected (concentrated out)."""
        inflow = {}
        for e in self.T:
            if e[3] is not None and e[8] == "酒款":
                inflow.setdefault(e[3], []).append((e[0], e[4]))
        for acc, dist in self.extra.get("distributors", []):
            ins = sorted(inflow.get(acc, []))
            bal, i = 0, 0
            t = 0
            for d in range(5, DAYS, self.r.randint(6, 12)):
                while i < len(ins) and ins[i][0] < d * DAY:
                    bal += ins[i][1]
                    i += 1
                if bal > 5000000:
                    p = int(bal * self.r.uniform(0.85, 0.97)) // 10000 * 10000
                    if p > 0:
                        self.tx(self.tday(d, 9, 16), acc, dist, p, "online", memo="进货款")
                        bal -= p

    def mango(self, n):
        r = self.r
        wholesalers = [self.new_acc(self.corp(reg), self.pick_bank(reg), self.old_open(2, 10), reg, "corp",
                                    arche="mango_wholesaler")
                       for reg in ["440106", "330106", "110105", "500103", "430102", "440304", "350203"] * 2]
        for i in range(n):
            reg = r.choice(CITY["baise"])
            h = self.person(reg, 1968, 1994)
            acc = self.new_acc(h, self.pick_bank(reg, 1.0), self.old_open(1, 10), reg, arche="mango_buyer")
            farmers = [self.new_acc(self.person(r.choice(CITY["baise"]), 1950, 1990),
                                    "GXRCU" if r.random() < 0.65 else self.pick_bank(reg), self.old_open(1, 15), reg,
                                    arche="mango_farmer") for _ in range(r.randint(18, 45))]
            for d in range(MANGO[0], MANGO[1], r.randint(4, 8)):
                if r.random() < 0.25:
                    continue
                t = self.tday(d, 8, 14)
                tot = self.fen(self.logn(180000, 0.5), 1000)
                self.tx(t, r.choice(wholesalers), acc, tot, "online", memo="芒果货款")
                t = self.tday(d + 1, 17, 22.5)
                left = int(tot * r.uniform(0.8, 0.95))
                for f in r.sample(farmers, min(len(farmers), r.randint(6, 16))):
                    p = min(left, self.fen(self.logn(9000, 0.6), 1))
                    if p <= 0:
                        break
                    self.tx(t, acc, f, p, "mobile", memo="芒果款")
                    left -= p
                    t += r.randint(20, 400)
                if r.random() < 0.5:
                    self.tx(t + 600, acc, None, self.fen(r.uniform(5000, 30000), 100), "atm" if r.random() < 0.5 else
                            "counter", kind="withdrawal", memo="工钱")
            for f in farmers:
                for _ in range(self.pois(1.5)):
                    d = r.uniform(MANGO[0] + 5, DAYS)
                    self.tx(self.tday(d), f, None, self.fen(r.choice([1000, 2000, 3000, 5000]), 100), "atm",
                            kind="withdrawal")
                if r.random() < 0.3:
                    self.tx(self.tday(r.uniform(MANGO[1], DAYS)), f, r.choice(self.merchants["baise"]),
                            self.fen(self.logn(3000, 0.6)), "pos", memo="化肥农资")

    def tourism(self, n):
        r = self.r
        ota = self.new_acc(self.corp("330106"), "CMB", self.old_open(5, 10), "330106", "corp", arche="travel_platform")
        tourists = []
        for _ in range(n * 12):
            reg = r.choice(OUTPROV + CITY["nanning"] + CITY["guiyang"])
            b = self.pick_bank(reg)
            tourists.append(self.new_acc(self.person(reg, 1960, 2004), b, self.old_open(1, 12), reg,
                                         arche="tourist"))
        for i in range(n):
            kind = r.choice(("tour_guide", "homestay", "homestay"))
            reg = r.choice(["450321", "450321", "450305", "450302", "450503", "522631", "522634"])
            h = self.person(reg, 1970, 2000)
            fresh = kind == "tour_guide" and r.random() < 0.35
            opened = self.tday(r.uniform(SUMMER[0] - 25, SUMMER[0] - 2), 9, 17) if fresh else self.old_open(1, 10)
            acc = self.new_acc(h, self.pick_bank(reg, 1.0), opened, reg, arche=kind + (":new_card" if fresh else ""))
            own = self.new_acc(h, self.pick_bank(reg), self.old_open(1, 10), reg, arche=kind + ":own")
            for _ in range(r.randint(20, 55)):
                if r.random() < 0.8:
                    d = r.uniform(SUMMER[0], SUMMER[1]) if r.random() < 0.7 else r.uniform(NATIONAL[0] - 2,
                                                                                           NATIONAL[1] + 1)
                else:
                    d = r.uniform(0, DAYS)
                amt = self.logn(800 if kind == "homestay" else 400, 0.7)
                self.tx(self.tday(d, 7, 23.5), r.choice(tourists), acc, self.fen(amt, 1), "mobile",
                        memo="房费" if kind == "homestay" else "导游费")
            for d in range(20, DAYS, 14):
                if r.random() < 0.6:
                    self.tx(self.tday(d, 20, 23.9), acc, own, self.fen(self.logn(6000, 0.6), 100), "mobile")
            if kind == "homestay":
                for pd in MONTH1:
                    self.tx(self.tday(pd + 3), acc, ota, self.fen(self.logn(1500, 0.5)), "online", memo="平台佣金")

    def migrants(self, n):
        r = self.r
        for i in range(n):
            home = r.choice(CITY["qdn"] + CITY["qdn"] + ["451022", "451003", "450206"])
            ph = self.person(home, 1950, 1968)
            parent = self.new_acc(ph, "GXRCU" if home[:2] == "45" else "GZRCU" if r.random() < 0.7 else "GYB",
                                  self.old_open(5, 20), home, arche="migrant_parent")
            self.pool["elder"].append(parent)
            workers = []
            for _ in range(r.randint(1, 3)):
                wh = self.person(home, 1980, 2003)
                wacc = self.new_acc(wh, self.pick_bank(home, 0.8), self.old_open(0.5, 10), home,
                                    arche="migrant_worker")
                workers.append(wacc)
                self.pool["worker"].append(wacc)
                wcity = r.choice(["out", "out", "liuzhou", "nanning", "guiyang"])
                emp = r.choice(self.employers[wcity])
                for pd in PAYDAYS:
                    self.tx(self.tday(pd, 9, 11), emp, wacc, self.fen(self.logn(5500, 0.25)), "other", memo="工资")
                    self.tx(self.tday(pd + r.uniform(0, 3), 19, 23), wacc, parent,
                            self.fen(r.choice([1000, 1500, 2000, 2500, 3000]), 100), "mobile", memo="家用")
                    wreg = r.choice(FAR[:5]) if wcity == "out" else self.city_region(wcity)
                    self.tx(self.tday(pd + r.uniform(1, 20), 12, 22), wacc, None,
                            self.fen(r.choice([500, 1000, 1500, 2000]), 100), "atm", reg=wreg, kind="withdrawal")
                self.tx(self.tday(MIDAUTUMN - r.uniform(1, 5)), wacc, parent, self.fen(r.choice([1000, 2000]), 100),
                        "mobile", memo="中秋")
                if home[:2] == "52":
                    self.tx(self.tday(r.uniform(*MIAONIAN)), wacc, parent, self.fen(r.choice([2000, 3000, 5000]), 100),
                            "mobile", memo="过苗年")
            for _ in range(self.pois(3)):
                self.tx(self.tday(r.uniform(0, DAYS), 8, 18), parent, None,
                        self.fen(r.choice([500, 1000, 2000]), 100), "atm", reg=home, kind="withdrawal")
            if len(workers) >= 2 and r.random() < 0.4:
                d = r.uniform(30, DAYS - 10)
                t = self.tday(d)
                tot = 0
                for w in workers:
                    f = self.fen(r.choice([10000, 20000, 30000]), 100)
                    self.tx(t, w, parent, f, "mobile", memo="凑钱建房")
                    tot += f
                    t += r.randint(600, 20000)
                bh = self.corp(home)
                builder = self.new_acc(bh, self.pick_bank(home), self.old_open(1, 10), home, "corp", arche="builder")
                self.tx(t + 86400, parent, builder, tot, "counter", memo="建房款")

    def dahui(self, n):
        r = self.r
        for i in range(n):
            reg = r.choice(CITY["qdn"] + CITY["guilin"] + CITY["baise"] + CITY["liuzhou"])
            members = []
            for _ in range(r.randint(10, 16)):
                h = self.person(reg, 1955, 1995)
                members.append(self.new_acc(h, self.pick_bank(reg, 0.6), self.old_open(1, 15), reg,
                                            arche="dahui_member"))
            head = members[0]
            self.acc[head].arche = "dahui_head"
            amt = self.fen(r.choice([1000, 2000, 3000, 5000]), 100)
            day0 = r.randint(1, 25)
            order = members[:]
            r.shuffle(order)
            for k, d in enumerate(range(day0, DAYS, 30)):
                t = self.tday(d, 18, 21)
                for m in members[1:]:
                    self.tx(t + r.randint(0, 7200), m, head, amt, "mobile", memo="会钱")
                self.tx(t + 86400, head, order[k % len(order)], amt * (len(members) - 1), "mobile", memo="得会")
                if head != order[k % len(order)]:
                    pass

    def landlords(self, n):
        r = self.r
        for i in range(n):
            city = r.choice(["nanning", "nanning", "guiyang", "guiyang", "liuzhou", "guilin"])
            reg = self.city_region(city)
            h = self.person(reg, 1955, 1985)
            acc = self.new_acc(h, self.pick_bank(reg, 0.8), self.old_open(3, 15), reg, arche="landlord")
            own = self.new_acc(h, self.pick_bank(reg), self.old_open(3, 15), reg, arche="landlord:own")
            tenants = [r.choice(self.pool["young"] + self.pool["adult"] + self.pool["worker"])
                       for _ in range(r.randint(5, 18))]
            for te in tenants:
                rent = self.fen(r.choice([600, 800, 900, 1000, 1200, 1500, 2000, 2500]), 100)
                for pd in MONTH1:
                    self.tx(self.tday(pd + r.uniform(-2, 4)), te, acc, rent, "mobile", memo="房租")
            for pd in MONTH1:
                self.tx(self.tday(pd + 8), acc, own, self.fen(len(tenants) * 1000 * r.uniform(0.6, 1.0), 100),
                        "mobile", memo="")

    def students(self, n):
        r = self.r
        campus = {"nanning": "450107", "guilin": "450305", "guiyang": "520111"}
        canteen = {c: self.new_acc(self.corp(reg), "ICBC", self.old_open(5, 15), reg, "corp", arche="campus_canteen")
                   for c, reg in campus.items()}
        for i in range(n):
            c = r.choice(list(campus))
            reg = campus[c]
            home = r.choice(CITY["qdn"] + CITY["baise"] + CITY["liuzhou"] + OUTPROV[:4] + CITY["zunyi"])
            h = self.person(home, 2003, 2006)
            day = r.choice(range(TERM[0], TERM[1]))
            bank = r.choice(["ICBC", "ICBC", "CCB", "GLB" if c == "guilin" else "GYB" if c == "guiyang" else "CCB"])
            acc = self.new_acc(h, bank, self.tday(day, 9, 17), reg, arche="student:term_card")
            self.pool["student"].append(acc)
            pa = self.new_acc(self.person(home, 1965, 1980), self.pick_bank(home), self.old_open(3, 15), home,
                              arche="student_parent")
            amt = self.fen(r.choice([1000, 1500, 2000, 2500]), 100)
            for pd in [day] + [m for m in MONTH1 if m > day]:
                self.tx(self.tday(pd + r.uniform(0, 2)), pa, acc, amt, "mobile", memo="生活费")
            for _ in range(self.pois(10)):
                self.tx(self.tday(r.uniform(day + 1, DAYS), 7, 22), acc, canteen[c], self.fen(self.logn(80, 0.6)),
                        "pos", memo="饭卡充值")
            if r.random() < 0.5:
                w = self.new_acc(h, r.choice(["ALIPAY", "TENPAY", "YFPAY"]), self.tday(day, 18, 23), reg, "II",
                                 arche="student:wallet")
                for _ in range(self.pois(3)):
                    self.tx(self.tday(r.uniform(day + 1, DAYS)), acc, w, self.fen(self.logn(300, 0.5), 10), "mobile")
            if r.random() < 0.15:
                self.tx(self.tday(day + r.uniform(0, 2)), pa, acc, self.fen(r.choice([5000, 6000, 8000]), 100),
                        "mobile", memo="学费")
                self.tx(self.tday(day + 3), acc, canteen[c], 0, "online")

    def new_employees(self, n):
        r = self.r
        plants = []
        for reg, name in (("450205", "car_plant"), ("450206", "car_plant"), ("450205", "machinery_plant"),
                          ("520115", "bigdata_park")):
            plants.append((self.new_acc(self.corp(reg), "ICBC" if reg[:2] == "45" else "GYB", self.old_open(8, 20),
                                        reg, "corp", arche="employer:" + name), reg, name))
        for i in range(n):
            emp, reg, name = r.choice(plants)
            h = self.person(r.choice(CITY["liuzhou"] + CITY["qdn"] + CITY["baise"] + OUTPROV[:3]), 1996, 2002)
            day = r.randint(ONBOARD[0], ONBOARD[1]) if r.random() < 0.75 else r.randint(0, DAYS - 40)
            acc = self.new_acc(h, self.acc[emp].bank, self.tday(day, 9, 16), reg, arche="new_employee:" + name)
            old = self.new_acc(h, self.pick_bank(self.holders[h][1]), self.old_open(1, 6), self.holders[h][1],
                               arche="new_employee:own_old")
            self.pool["young"].append(acc)
            sal = self.logn(5000 if name != "bigdata_park" else 7500, 0.2)
            for pd in PAYDAYS:
                if pd > day + 5:
                    t = self.tday(pd, 9, 11)
                    f = self.fen(sal)
                    self.tx(t, emp, acc, f, "other", memo="工资")
                    if r.random() < 0.6:
                        self.tx(t + r.randint(120, 7200), acc, old, int(f * r.uniform(0.6, 0.98)) // 100 * 100,
                                "mobile", memo="")
            self.life(acc, day, DAYS, "liuzhou" if reg[:2] == "45" else "guiyang", 0.5)

    def big_purchases(self, n):
        r = self.r
        dealers = [self.new_acc(self.corp(reg), self.pick_bank(reg), self.old_open(2, 10), reg, "corp", arche=a)
                   for reg, a in (("450205", "car_dealer"), ("450206", "car_dealer"), ("450103", "car_dealer"),
                                  ("450108", "property_developer"), ("520115", "property_developer"),
                                  ("520102", "car_dealer"))]
        for i in range(n):
            city = r.choice(["nanning", "liuzhou", "guiyang"])
            h, acc, accs, _ = self.ordinary(city=city, arche="big_purchase", by=(1985, 2000))
            d = r.uniform(10, DAYS - 5)
            t = self.tday(d - r.uniform(0.5, 4))
            tot = 0
            for _ in range(r.randint(1, 4)):
                src = r.choice(self.pool["elder"] + self.pool["adult"])
                f = self.fen(r.choice([20000, 30000, 50000, 100000]), 100)
                self.tx(t, src, acc, f, "mobile", memo="买车" if r.random() < 0.5 else "首付")
                tot += f
                t += r.randint(600, 30000)
            self.tx(self.tday(d, 9, 17), acc, r.choice(dealers), tot + self.fen(r.uniform(10000, 60000), 100), "counter",
                    memo="购车款")

    def weddings(self, n):
        r = self.r
        hotel = {}
        for i in range(n):
            city = r.choice(["nanning", "liuzhou", "guilin", "guiyang", "qdn", "zunyi", "baise"])
            h, acc, accs, _ = self.ordinary(city=city, arche="wedding", by=(1990, 2000))
            if city == "qdn" and r.random() < 0.5:
                d = r.uniform(*MIAONIAN)
            else:
                d = r.choice([DUANWU, NATIONAL[0], NATIONAL[0] + 2, MIDAUTUMN, r.uniform(0, DAYS - 3)])
            t = self.tday(d, 10, 14)
            tot = 0
            for _ in range(r.randint(15, 50)):
                src = r.choice(self.pool["adult"] + self.pool["elder"] + self.pool["young"])
                f = self.fen(r.choice([600, 666, 800, 888, 1000, 1000, 1200, 1688, 2000, 5200]), 1)
                self.tx(t + r.randint(0, 3 * 86400), src, acc, f, "mobile", memo="新婚快乐")
                tot += f
            if city not in hotel:
                reg = self.city_region(city)
                hotel[city] = self.new_acc(self.corp(reg), self.pick_bank(reg), self.old_open(2, 10), reg, "corp",
                                           arche="banquet_hotel")
            self.tx(t + 3 * 86400 + 3600, acc, hotel[city], int(tot * r.uniform(0.4, 0.7)) // 100 * 100, "pos",
                    memo="酒席")
            if r.random() < 0.4:
                self.tx(t + 4 * 86400, acc, r.choice(self.gold), int(tot * r.uniform(0.2, 0.3)) // 100 * 100, "pos",
                        memo="三金")

    def group_buying(self, n):
        r = self.r
        for i in range(n):
            city = r.choice(["nanning", "liuzhou", "guiyang", "guilin"])
            h, acc, accs, _ = self.ordinary(city=city, arche="group_buy_leader", by=(1975, 1998))
            sup = r.choice(self.merchants[city])
            mem = [r.choice(self.pool["adult"] + self.pool["elder"] + self.pool["young"]) for _ in range(r.randint(15, 40))]
            for wk in range(r.randint(0, 6), DAYS - 1, 7):
                t = self.tday(wk, 8, 12)
                tot = 0
                for m in r.sample(mem, r.randint(4, min(len(mem), 18))):
                    f = self.fen(self.logn(60, 0.6))
                    self.tx(t + r.randint(0, 8 * 3600), m, acc, f, "mobile", memo="团购")
                    tot += f
                self.tx(t + 86400, acc, sup, int(tot * 0.9), "mobile", memo="团购货款")

    def own_movers(self, n):
        r = self.r
        for i in range(n):
            h, acc, accs, city = self.ordinary(multi=True, arche="own_account_mover")
            extra = self.new_acc(h, self.pick_bank(self.acc[acc].region), self.tday(r.uniform(0, DAYS - 10), 9, 17),
                                 self.acc[acc].region, arche="own_account_mover:new")
            accs.append(extra)
            for _ in range(self.pois(10)):
                a, b = r.sample(accs, 2)
                d = r.uniform(0, DAYS)
                f = self.fen(self.logn(8000, 0.9), 100)
                self.tx(self.tday(d), a, b, f, "mobile", memo="")

    def ushang_background(self, us):
        r = self.r
        for u in us:
            for _ in range(self.pois(25)):
                src = r.choice(self.pool["young"] + self.pool["adult"])
                t = self.tday(r.uniform(0, DAYS), 9, 23.9)
                f = self.fen(self.logn(8000, 0.8), 1)
                self.tx(t, src, u, f, "mobile", memo="")
            for _ in range(self.pois(15)):
                t = self.tday(r.uniform(0, DAYS), 9, 23.9)
                self.tx(t, u, r.choice(self.pool["young"] + self.pool["adult"]), self.fen(self.logn(9000, 0.8), 1),
                        "mobile")

    # ------------------------------------------------------------ fraud
    def card_farmers(self, n):
        r = self.r
        slow = self.v["slow"]
        for i in range(n):
            home = r.choice(FARMER_HOME)
            h = self.person(home, 1975, 2002)
            self.farmers.append(h)
            hcity = "qdn" if home[:2] == "52" else ("baise" if home[:2] == "45" else "nanning")
            own = self.new_acc(h, self.pick_bank(home), self.old_open(2, 10), home, arche="card_farmer:own", cf=1)
            self.life(own, 0, DAYS, hcity, 0.7)
            start = r.uniform(0, DAYS * 0.6)
            cities = r.sample(["nanning", "liuzhou", "guilin", "guiyang", "zunyi", "beihai", "baise"],
                              r.randint(2, 4))
            d = start
            for c in cities:
                if slow:
                    visits = [(d + k * r.uniform(3, 8)) for k in range(r.randint(2, 4))]
                    per = (1, 2)
                else:
                    visits = [d + r.uniform(0, 1.5)]
                    per = (3, 6)
                for vd in visits:
                    used = set()
                    for _ in range(r.randint(*per)):
                        reg = self.city_region(c)
                        b = self.pick_bank(reg, -0.3)
                        if b in used and r.random() < 0.7:
                            b = self.pick_bank(reg, -0.3)
                        used.add(b)
                        t = self.tday(vd, 9, 16.5)
                        cls = "I" if r.random() < 0.7 else "II"
                        aid = self.new_acc(h, b, t, reg, cls, role="farmer_card", arche="farmer_card:" + c, cf=1)
                        self.tx(t + 600, None, aid, self.fen(r.choice([10, 20, 50, 100]), 10), "counter",
                                kind="deposit", memo="开户存入")
                        quiet = r.uniform(10, 40) if slow else r.uniform(4, 25)
                        self.farmer_cards.append([aid, t + int(quiet * DAY)])
                d = max(visits) + (r.uniform(3, 9) if slow else r.uniform(1, 4))

    def mule(self, kind, t_start, layer, ring):
        """Create (or take) a mule account usable from t_start."""
        r = self.r
        if kind == "farmer_card":
            cands = [fc for fc in self.farmer_cards if fc[1] <= t_start and fc[1] > t_start - 60 * DAY]
            if cands:
                fc = r.choice(cands)
                self.farmer_cards.remove(fc)
                return fc[0]
            kind = "fresh"
        if kind in ("rented_old", "sold_old"):
            city = r.choice(GX_CITIES + ["guiyang", "zunyi", "qdn"])
            h, aid, accs, c = self.ordinary(city=city, arche="mule:" + kind, life_until=max(1, t_start // DAY - 2),
                                            multi=False, by=(1975, 2001))
            for k in ("elder", "adult", "young"):
                if aid in self.pool[k]:
                    self.pool[k].remove(aid)
            a = self.acc[aid]
            a.role = "mule"
            if a.opened > t_start - 400 * DAY:
                a.opened = t_start - int(r.uniform(1.2, 8) * 365 * DAY)
            return aid
        if layer == 1:
            reg = r.choice(CITY[r.choice(GX_CITIES + ["guiyang", "qdn", "zunyi"])]) if r.random() < 0.7 else \
                r.choice(OUTPROV + FARMER_HOME)
        else:
            reg = r.choice(OUTPROV + FAR + CITY["border"] + CITY["nanning"])
        if kind == "wallet":
            h = self.person(reg, 1985, 2005)
            b = r.choice(["YFPAY", "YFPAY", "ALIPAY", "TENPAY"])
            return self.new_acc(h, b, t_start - int(r.uniform(1, 60) * DAY), reg, "II", role="mule", arche="mule:wallet")
        if kind == "shell_corp":
            h = self.corp(reg)
            return self.new_acc(h, self.pick_bank(reg, 0.5), t_start - int(r.uniform(10, 200) * DAY), reg, "corp",
                                role="mule", arche="mule:shell_corp")
        h = self.person(reg, 1980, 2005)
        t0 = t_start - int(r.uniform(0.5, 20) * DAY)
        return self.new_acc(h, self.pick_bank(reg, 0.3), self.tday(t0 / DAY, 9, 16.5), reg,
                            "I" if r.random() < 0.6 else "II", role="mule", arche="mule:fresh")

    def mule_kind(self, layer):
        mk = self.v["mule_kind"]
        ks = list(mk)
        w = [mk[k] for k in ks]
        if layer > 1:
            w = [x * (0.3 if k == "shell_corp" else 1) for k, x in zip(ks, w)]
        return self.r.choices(ks, weights=w)[0]

    def make_ring(self, idx):
        r = self.r
        slow = self.v["slow"]
        d0 = r.uniform(0, DAYS * 0.5)
        d1 = min(DAYS, d0 + r.uniform(60, 175))
        ring = {"id": idx, "d0": d0, "d1": d1, "L": {1: [], 2: [], 3: []}, "paofen": [], "ushang": [], "op": []}
        for layer in (1, 2, 3):
            t = d0 * DAY - (layer - 1) * DAY
            while t < d1 * DAY:
                kind = self.mule_kind(layer)
                aid = self.mule(kind, int(t), layer, ring)
                base = {"fresh": 5, "wallet": 6, "farmer_card": 7, "shell_corp": 20, "rented_old": 18,
                        "sold_old": 14}[self.acc[aid].arche.split(":")[-1] if self.acc[aid].role == "mule" and
                                        "mule:" in self.acc[aid].arche else "farmer_card"]
                life = base * r.uniform(0.5, 1.6) * (1.8 if slow else 1.0) * (1 + 0.5 * (layer - 1))
                ring["L"][layer].append((aid, int(t), int(t + life * DAY)))
                t += life * DAY * r.uniform(0.35, 0.7)
        for _ in range(r.randint(3, 7)):
            city = r.choice(GX_CITIES + ["guiyang", "qdn"])
            h, aid, accs, c = self.ordinary(city=city, arche="paofen", by=(1994, 2005), multi=False)
            for k in ("elder", "adult", "young"):
                if aid in self.pool[k]:
                    self.pool[k].remove(aid)
            self.acc[aid].role = "paofen"
            s = r.uniform(d0, d1 - 5)
            ring["paofen"].append((aid, int(s * DAY), int(min(d1, s + r.uniform(5, 40)) * DAY)))
        for _ in range(r.randint(2, 4)):
            reg = r.choice(["440304", "440303", "441900", "450103", "450681", "530102"])
            if self.ushang_pool and r.random() < 0.5:
                ring["ushang"].append(r.choice(self.ushang_pool))
                continue
            h = self.person(reg, 1980, 1998)
            u = self.new_acc(h, self.pick_bank(reg, 0.4), self.old_open(0.5, 6), reg, role="ushang", arche="ushang")
            self.ushang_pool.append(u)
            ring["ushang"].append(u)
        for _ in range(r.randint(1, 2)):
            reg = r.choice(["440304", "440303", "530102", "532801", "451481"])
            op = self.new_acc(self.corp(reg), r.choice(["ICBC", "CCB", "CMB", "BOC", "GDRC", "GXRCU"]),
                              d0 * DAY - int(r.uniform(20, 300) * DAY), reg, "corp", role="operator",
                              arche="operator:collection")
            ring["op"].append(op)
        self.rings.append(ring)

    def active(self, lst, t):
        c = [x for x in lst if x[1] <= t <= x[2] and self.acc[x[0]].opened <= t]
        if c:
            return self.r.choice(c)[0]
        c = [x for x in lst if self.acc[x[0]].opened <= t]
        if not c:
            return None
        return min(c, key=lambda x: abs(x[1] - t))[0]

    def victims_gen(self, n):
        r = self.r
        typs = list(TYPO)
        self.inflow = {}
        for i in range(n):
            typ = r.choices(typs, weights=[TYPO[k][0] for k in typs])[0]
            w, (nmin, nmax), med, sig, (s0, s1), cohs = TYPO[typ]
            coh = r.choice(cohs)
            pool = self.pool[coh] or self.pool["adult"]
            vacc = r.choice(pool)
            if "victim=" in self.acc[vacc].arche:
                continue
            ring = r.choice(self.rings)
            if typ == "ecommerce_cs" and r.random() < 0.5:
                d = r.choice([D618, D1111]) + r.uniform(-3, 6)
            else:
                d = r.uniform(ring["d0"], ring["d1"] - 1)
            d = max(d, self.acc[vacc].opened / DAY + 1, ring["d0"])
            if d >= DAYS - 0.5:
                continue
            self.acc[vacc].arche += ";victim=" + typ
            self.victims.append((self.acc[vacc].holder, vacc, typ))
            k = r.randint(nmin, nmax)
            span = r.uniform(s0, s1)
            t = self.tday(d, 8, 22.5)
            report = r.random() < REPORT_P[typ]
            amt = self.logn(med, sig)
            for j in range(k):
                if typ == "brushing":
                    amt = amt * r.uniform(1.8, 3.0) if j else amt
                elif j:
                    amt = self.logn(med, sig) * (1.3 if typ in ("investment", "romance") else 1.0)
                rnd = 100 if amt > 2000 and r.random() < 0.6 else 1
                f = self.fen(amt, rnd)
                if j and r.random() < 0.5 and f > 200000:
                    src = r.choice(self.lender + self.pool["adult"] + self.pool["elder"])
                    self.tx(t - r.randint(600, 6 * 3600), src, vacc, int(f * r.uniform(0.5, 1.0)), "mobile",
                            memo="借款" if src in self.lender else "")
                small = f < 500000 and typ in ("brushing", "shopping_service", "game_trade", "loan_card")
                dest = None
                if small and ring["paofen"] and r.random() < 0.6:
                    dest = self.active(ring["paofen"], t)
                if dest is None:
                    lst = ring["L"][1]
                    if f > 3000000 and typ in ("investment", "police_gov"):
                        sc = [x for x in lst if "shell_corp" in self.acc[x[0]].arche]
                        lst = sc or lst
                    dest = self.active(lst, t)
                if dest is None:
                    break
                ch = "counter" if typ == "police_gov" and r.random() < 0.25 else ("atm" if typ == "police_gov" and
                                                                                 r.random() < 0.1 else "mobile")
                memo = r.choice(["", "", "投资款", "货款", "保证金"]) if typ in ("investment", "loan_card") else ""
                s = self.tx(t, vacc, dest, f, ch, kind="transfer", memo=memo, fk="victim_payment")
                if s is not None:
                    self.victim_pay.append((s, report and r.random() < 0.92))
                    self.inflow.setdefault(dest, []).append((t, f))
                if k > 1:
                    t += int(span * DAY / (k - 1) * r.uniform(0.3, 1.7))
                    if t >= END:
                        break
                    hr = (t % DAY) / 3600.0
                    if hr < 7 and typ not in ("police_gov",):
                        t += int((8 - hr) * 3600)

    def forward(self, aid, ins, targets, kind, ring, cash=False):
        r = self.r
        slow = self.v["slow"]
        ins.sort()
        bal, i, n = 0, 0, len(ins)
        role = self.acc[aid].role
        fee = 0.02 if role == "paofen" else (0.005 if "old" in self.acc[aid].arche else 0)
        while i < n:
            bal += ins[i][1]
            t0 = ins[i][0]
            i += 1
            if slow:
                delay = int(r.uniform(2, 60) * 3600) if role != "paofen" else r.randint(300, 3600)
            else:
                delay = r.randint(60, 25 * 60) if role != "paofen" else r.randint(40, 600)
            tout = t0 + delay
            while i < n and ins[i][0] <= tout:
                bal += ins[i][1]
                i += 1
            keep = int(bal * fee)
            out = bal - keep
            if out < 100:
                continue
            if cash:
                self.cashout(aid, out, tout, ring)
                bal = keep
                continue
            k = 1 if out < 500000 else r.randint(1, 3 if not slow else 5)
            parts = []
            left = out
            for j in range(k - 1):
                p = int(left * r.uniform(0.25, 0.6))
                if slow:
                    p = p // 10000 * 10000 or p
                parts.append(p)
                left -= p
            parts.append(left)
            t = tout
            for p in parts:
                dst = self.active(targets, t)
                if dst is None or dst == aid or p <= 0:
                    continue
                s = self.tx(t, aid, dst, p, r.choice(("mobile", "online")), kind="transfer", fk=kind)
                if s is not None:
                    self.inflow.setdefault(dst, []).append((t, p))
                    bal -= p
                t += int(r.uniform(1, 20) * 3600) if slow else r.randint(30, 400)

    def cashout(self, aid, amt, t, ring):
        r = self.r
        slow = self.v["slow"]
        a = self.acc[aid]
        if slow:
            meth = r.choices(["atm_local", "gold", "ushang", "op"], weights=[45, 15, 25, 15])[0]
        else:
            meth = r.choices(["atm_far", "gold", "ushang", "border", "xborder", "op"],
                             weights=[30, 10, 25, 12, 8, 15])[0]
        if meth in ("atm_far", "atm_local", "border"):
            if meth == "atm_local":
                reg = a.region
            elif meth == "border":
                reg = r.choice(CITY["border"] + ["533102"])
            else:
                far = [x for x in FAR if x[:2] != a.region[:2]]
                reg = r.choice(far)
            t += int(r.uniform(0.5, 6) * 3600) if not slow else int(r.uniform(6, 72) * 3600)
            left = amt
            day_used = 0
            cur_day = t // DAY
            while left >= 100:
                if meth == "border" and r.random() < 0.4 and left > 2000000:
                    c = min(left, self.fen(r.uniform(30000, 49500), 100))
                    ch = "counter"
                else:
                    c = min(left, self.fen(r.choice([2000, 2500, 2500, 3000]) if not slow else r.choice([500, 1000,
                                                                                                     2000]), 100))
                    ch = "atm"
                    if day_used + c > 2000000:
                        t = (t // DAY + 1) * DAY + int(r.uniform(0.2, 10) * 3600) if not slow else \
                            (t // DAY + r.randint(1, 3)) * DAY + int(r.uniform(8, 21) * 3600)
                        day_used = 0
                if t >= END:
                    return
                c = c // 100 * 100
                if c <= 0:
                    return
                self.tx(t, aid, None, c, ch, reg=reg, kind="withdrawal", fk="cashout")
                day_used += c
                left -= c
                t += r.randint(30, 180)
            return
        if meth == "gold":
            self.tx(t, aid, r.choice(self.gold), amt, "pos", reg=r.choice(["440303", a.region]), memo="黄金",
                    fk="cashout")
        elif meth == "ushang":
            u = r.choice(ring["ushang"])
            s = self.tx(t, aid, u, amt, "mobile", fk="ushang")
        elif meth == "xborder":
            vn = self.foreign_of(ring)
            self.tx(t, aid, vn, amt, "online", reg="450681", xb=1, fk="cashout")
        else:
            op = r.choice(ring["op"])
            s = self.tx(t, aid, op, amt, "online", fk="layering")
            if s is not None:
                self.inflow.setdefault(op, []).append((t, amt))

    def foreign_of(self, ring):
        if ring["id"] not in self.vn_recv:
            self.vn_recv[ring["id"]] = self.new_acc(self.corp("450681"), "VCB", -400 * DAY, "450681", "corp",
                                                    role="operator", arche="operator:foreign")
        return self.vn_recv[ring["id"]]

    def run_fraud(self, n_rings, n_victims):
        self.ushang_pool = []
        self.vn_recv = {}
        for i in range(n_rings):
            self.make_ring(i)
        self.victims_gen(n_victims)
        # layer 1 and paofen
        for ring in self.rings:
            for aid, _, _ in ring["paofen"]:
                if aid in self.inflow:
                    self.forward(aid, self.inflow.pop(aid), ring["L"][2], "paofen", ring)
            for aid, _, _ in ring["L"][1]:
                if aid in self.inflow:
                    self.forward(aid, self.inflow.pop(aid), ring["L"][2], "layering", ring)
        for ring in self.rings:
            for aid, _, _ in ring["L"][2]:
                if aid in self.inflow:
                    direct = self.r.random() < (0.15 if self.v["slow"] else 0.3)
                    self.forward(aid, self.inflow.pop(aid), ring["L"][3], "layering", ring, cash=direct)
        for ring in self.rings:
            for aid, _, _ in ring["L"][3]:
                if aid in self.inflow:
                    self.forward(aid, self.inflow.pop(aid), None, "cashout", ring, cash=True)
        for ring in self.rings:
            for op in ring["op"]:
                if op in self.inflow:
                    ins = sorted(self.inflow.pop(op))
                    vn = self.foreign_of(ring)
                    for t, f in ins:
                        self.tx(t + self.r.randint(1800, 3 * DAY), op, vn, f, "online", xb=1, memo="服务费",
                                fk="cashout")
        self.ushang_background(self.ushang_pool)

    # ------------------------------------------------------------ build
    def build(self):
        r = self.r
        v = self.v
        self.setup_background()
        for _ in range(int(4300 * v["ordinary"])):
            self.ordinary()
        self.migrants(self.look(260))
        self.students(self.look(500))
        self.new_employees(self.look(220))
        self.border_traders(self.look(45))
        self.liquor(self.look(22))
        self.mango(self.look(30))
        self.tourism(self.look(70))
        self.dahui(self.look(25))
        self.landlords(self.look(70))
        self.big_purchases(self.look(70))
        self.weddings(self.look(60))
        self.group_buying(self.look(30))
        self.own_movers(self.look(150))
        self.card_farmers(30)
        self.run_fraud(12, 900)
        self.dormant(int(4500 * v["dormant"]))
        self.settle_distributors()
        # remove placeholders (amount 0 never stored) and finish
        self.finish()

    def finish(self):
        r = self.r
        T = [e for e in self.T if e[4] > 0]
        # visibility: a transfer is in the data when a supplying institution whose extract has started is a party
        vis = []
        for e in T:
            ok = False
            for x in (e[2], e[3]):
                if x:
                    a = self.acc[x]
                    if a.row and e[0] >= SUPPLY_START[a.bank]:
                        ok = True
                        break
            if ok:
                vis.append(e)
        vis.sort(key=lambda e: (e[0], e[1]))
        self.vis = vis
        # opening balances: replay the data; never below zero
        run = {}
        mn = {}
        for e in vis:
            f = e[4]
            if e[2]:
                a = e[2]
                run[a] = run.get(a, 0) - f
                if run[a] < mn.get(a, 0):
                    mn[a] = run[a]
            if e[3]:
                run[e[3]] = run.get(e[3], 0) + f
        self.opening = {}
        for aid, a in self.acc.items():
            if not a.row:
                continue
            need = -mn.get(aid, 0)
            if a.opened < 0 or a.opened < SUPPLY_START[a.bank]:
                if a.cls == "corp":
                    cushion = self.logn(80000, 1.0)
                elif a.role in ("mule", "farmer_card") and "old" not in a.arche:
                    cushion = r.uniform(0, 50)
                else:
                    cushion = self.logn(3000, 1.2)
            else:
                cushion = 0
            self.opening[aid] = need + int(cushion * 100)

    # ------------------------------------------------------------ output
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        fmt_cache = {}

        def ts(t):
            return (BASE + datetime.timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%S") + TZ

        def money(f):
            return "%d.%02d" % (f // 100, f % 100)

        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance", "status"])
            for aid, a in self.acc.items():
                if a.row:
                    w.writerow([aid, a.bank, a.holder, ts(a.opened), a.region, a.cls, money(self.opening[aid]),
                                "active"])
        self.txid = {}
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo", "cross_border"])
            for i, e in enumerate(self.vis):
                tid = "GQ%08d" % (i + 1)
                self.txid[e[1]] = tid
                w.writerow([tid, ts(e[0]), e[2] or "", e[3] or "", money(e[4]), "CNY", e[5], e[6], e[7], e[8],
                            "true" if e[9] else "false"])
        # labels
        r = random.Random("labels|%s" % self.r.random())
        labels = []
        for s, rep in self.victim_pay:
            if rep and s in self.txid:
                labels.append(("transfer", self.txid[s], "fraud"))
        seen = set()
        for e in self.vis:
            for x in (e[2], e[3]):
                if x:
                    seen.add(x)
        self.seen = seen
        fraud_touch = set()
        for e in self.vis:
            if e[10]:
                for x in (e[2], e[3]):
                    if x:
                        fraud_touch.add(x)
        self.labelled = set()
        for aid, a in self.acc.items():
            if not (a.row or aid in seen):
                continue
            p = 0
            if a.role == "mule":
                p = 0.5 if aid in fraud_touch else 0.1
            elif a.role == "farmer_card":
                p = 0.45 if aid in fraud_touch else 0.1
            elif a.role == "paofen":
                p = 0.35
            elif a.role == "ushang":
                p = 0.2
            elif a.role == "operator":
                p = 0.4
            if p and r.random() < p:
                labels.append(("account", aid, "mule"))
                self.labelled.add(aid)
        self.farmer_lab = set()
        for h in self.farmers:
            if r.random() < 0.5:
                labels.append(("holder", h, "card_farmer"))
                self.farmer_lab.add(h)
        self.labels = labels
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for row in labels:
                w.writerow(row)
        if truth:
            with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer",
                            "opened_at", "labelled", "farmer_labelled", "extract_start"])
                for b in BANKS:
                    w.writerow(["institution", b[0], b[0], "", "", "", b[2], "", "", "", "",
                                ts(SUPPLY_START[b[0]]) if b[3] else ""])
                for aid, a in self.acc.items():
                    if not (a.row or aid in seen):
                        continue
                    w.writerow(["account", aid, a.bank, a.holder, a.row, a.role, a.arche, a.cf, ts(a.opened),
                                1 if aid in self.labelled else 0, 1 if a.holder in self.farmer_lab else 0, ""])
            with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["txn_id", "kind"])
                for e in self.vis:
                    if e[10]:
                        w.writerow([self.txid[e[1]], e[10]])

    def stats(self):
        rows = sum(1 for a in self.acc.values() if a.row)
        kinds = {}
        for e in self.vis:
            if e[10]:
                kinds[e[10]] = kinds.get(e[10], 0) + 1
        roles = {}
        for aid, a in self.acc.items():
            if a.row or aid in self.seen:
                key = (a.role, a.row)
                roles[key] = roles.get(key, 0) + 1
        lab = {}
        for k, _, l in self.labels:
            lab[k] = lab.get(k, 0) + 1
        vt = {}
        for h, a, t in self.victims:
            vt[t] = vt.get(t, 0) + 1
        rep = {
            "variant": self.variant,
            "accounts_with_rows": rows,
            "external_accounts_in_transfers": sum(1 for aid in self.seen if not self.acc[aid].row),
            "transfers": len(self.vis),
            "victims": len(self.victims),
            "card_farmers": len(self.farmers),
            "labels_transfer_fraud": lab.get("transfer", 0),
            "labels_account_mule": lab.get("account", 0),
            "labels_holder_card_farmer": lab.get("holder", 0),
            "dropped_before_opening": self.dropped,
        }
        for k in ("victim_payment", "layering", "paofen", "cashout", "ushang"):
            rep["fraud_txn_" + k] = kinds.get(k, 0)
        for (role, row), c in sorted(roles.items()):
            rep["role_%s_%s" % (role, "row" if row else "external")] = c
        for t in sorted(vt):
            rep["victims_" + t] = vt[t]
        return rep


def verify(out):
    bad = []
    acc = {}
    with open(os.path.join(out, "accounts.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            acc[row["account_id"]] = row
            h = row["holder_id"]
            if row["account_class"] == "corp":
                if len(h) != 18 or any(c not in USCC_CH for c in h) or uscc_check(h[:17]) != h[17]:
                    bad.append("bad USCC " + h)
            else:
                if len(h) != 18 or not h[:17].isdigit() or id_check(h[:17]) != h[17]:
                    bad.append("bad ID number " + h)
                aid = row["account_id"]
                if aid.isdigit() and not luhn_ok(aid):
                    bad.append("bad Luhn " + aid)
    bal = {k: round(float(v["opening_balance"]) * 100) for k, v in acc.items()}
    rows = []
    with open(os.path.join(out, "transfers.csv"), encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            rows.append((row["ts"], i, row["from_account"], row["to_account"], round(float(row["amount"]) * 100)))
    rows.sort()
    opened = {k: v["opened_at"] for k, v in acc.items()}
    neg = 0
    for tsv, i, f, t, a in rows:
        if f in bal:
            bal[f] -= a
            if bal[f] < 0:
                neg += 1
                if neg < 5:
                    bad.append("negative balance %s at %s" % (f, tsv))
            if tsv < opened[f]:
                bad.append("transfer before opening %s" % f)
        if t in bal:
            bal[t] += a
    with open(os.path.join(out, "labels.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "holder":
                h = row["id"]
                if id_check(h[:17]) != h[17]:
                    bad.append("bad labelled holder id " + h)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="baseline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--verify", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build()
    w.write(a.out, a.truth)
    if a.stats:
        for k, v in w.stats().items():
            print("%s\t%s" % (k, v))
        print("seconds\t%.1f" % (time.time() - t0))
    if a.verify:
        bad = verify(a.out)
        if bad:
            for b in bad[:20]:
                print("VERIFY FAIL:", b, file=sys.stderr)
            sys.exit(2)
        print("verify ok", file=sys.stderr)


if __name__ == "__main__":
    main()
