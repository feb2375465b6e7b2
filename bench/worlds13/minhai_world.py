# Licence: Apache-2.0 (written for the fanzha project)
"""闽海 (Minhai): an independent synthetic evaluation world for fanzha.

South-east coast of China, 2024-09-01 .. 2025-02-28 (+08:00): Fujian (厦门, 泉州 incl. 安溪,
福州, 莆田, 漳州, 宁德), Zhejiang's 温州/台州 and Hainan, plus outside regions for victims,
gang operators, cash-out and card farmers' homes.  Standard library only.

    python3 minhai_world.py --variant baseline --seed 1 --out /tmp/w13/baseline --truth --stats

Writes accounts.csv, transfers.csv, labels.csv (fanzha interchange format v1) and, with --truth,
truth.csv and truth_transfers.csv.  See README.md next to this file.
"""
import argparse
import csv
import heapq
import os
import random
import sys
import time as _time
from datetime import datetime, timedelta, timezone

CN = timezone(timedelta(hours=8))


def _t(y, m, d, h=0):
    return int(datetime(y, m, d, h, tzinfo=CN).timestamp())


DAY = 86400
HOUR = 3600
T0 = _t(2024, 9, 1)
DAYS = 181
TEND = T0 + DAYS * DAY
MSTART = [0, 30, 61, 91, 122, 153]
MLEN = [30, 31, 30, 31, 31, 28]
SPRING = 150          # 2025-01-29, 春节
GOLDEN = 30           # 2024-10-01, 国庆
KAIHAI = 15           # 2024-09-16, 东海开渔

VARIANTS = ("baseline", "slowtide", "fishmarket")

# ---------------------------------------------------------------- regions (GB/T 2260)
XM = [("350203", 5), ("350206", 5), ("350211", 3), ("350205", 2), ("350212", 2), ("350213", 2)]
FZ = [("350102", 3), ("350103", 3), ("350104", 3), ("350111", 3), ("350112", 2), ("350121", 2),
      ("350122", 1), ("350181", 3)]
QZ = [("350502", 2), ("350503", 3), ("350504", 1), ("350505", 1), ("350521", 1), ("350524", 2),
      ("350525", 1), ("350581", 3), ("350582", 5), ("350583", 3)]
PT = [("350302", 2), ("350303", 1), ("350304", 2), ("350305", 1), ("350322", 2)]
ZZ = [("350602", 3), ("350603", 1), ("350604", 2), ("350623", 1), ("350624", 1), ("350626", 1)]
ND = [("350902", 2), ("350921", 1)]
WZ = [("330302", 4), ("330303", 2), ("330304", 2), ("330381", 3), ("330382", 3), ("330326", 1),
      ("330327", 1), ("330383", 1)]
TZ = [("331002", 2), ("331003", 2), ("331004", 2), ("331081", 3), ("331082", 2), ("331083", 1),
      ("331022", 1)]
HK = [("460105", 1), ("460106", 3), ("460107", 1), ("460108", 3)]
SY = [("460202", 1), ("460203", 3), ("460204", 2), ("460205", 1)]
HO = [("469005", 2), ("469002", 2), ("469006", 1), ("460400", 2), ("469007", 1)]
CITIES = {"xiamen": XM, "fuzhou": FZ, "quanzhou": QZ, "putian": PT, "zhangzhou": ZZ, "ningde": ND,
          "wenzhou": WZ, "taizhou": TZ, "haikou": HK, "sanya": SY, "hainan": HO}
CITY_W = [("xiamen", 6), ("fuzhou", 6), ("quanzhou", 6), ("putian", 2), ("zhangzhou", 2), ("ningde", 1),
          ("wenzhou", 5), ("taizhou", 4), ("haikou", 3), ("sanya", 2), ("hainan", 1)]
MANUF = [("350582", 6), ("350581", 4), ("350583", 3), ("350181", 2), ("350304", 2), ("350602", 1),
         ("330303", 3), ("330304", 3), ("330381", 2), ("330382", 2), ("331004", 2), ("331003", 2),
         ("331081", 2), ("331083", 1), ("350206", 2), ("350211", 1), ("350205", 1)]
PORTS = [("350626", 3), ("350581", 3), ("350122", 3), ("350921", 2), ("350305", 2), ("331081", 3),
         ("331083", 2), ("331022", 1), ("330327", 1), ("469005", 2), ("460400", 1), ("350624", 1)]
MARKETS = [("350206", 3), ("350581", 3), ("331081", 2), ("460106", 2), ("350626", 1), ("350122", 1),
           ("350103", 1), ("330302", 1), ("331002", 1)]
QIAOXIANG = [("350582", 5), ("350581", 3), ("350583", 4), ("350181", 4), ("350112", 3),
             ("469005", 3), ("469002", 2), ("330381", 2), ("330328", 1), ("350203", 1)]
CAMPUS = [("350203", 4), ("350213", 2), ("350211", 3), ("350121", 4), ("350503", 2), ("330304", 2),
          ("460108", 2), ("331002", 1)]
VICTIM_REG = [("110105", 4), ("110108", 3), ("310115", 4), ("310104", 2), ("510107", 3), ("500103", 3),
              ("610113", 2), ("140105", 2), ("370102", 2), ("410105", 3), ("210102", 2), ("230102", 2),
              ("220104", 1), ("130102", 2), ("320106", 2), ("320508", 2), ("330106", 2), ("340104", 2),
              ("360102", 1), ("420106", 3), ("430104", 2), ("520102", 1), ("620102", 1), ("150102", 1),
              ("120101", 1), ("440106", 2), ("530102", 1), ("341002", 1), ("620502", 1)]
MIGRANT_HOME = [("511602", 3), ("510802", 2), ("522601", 3), ("360730", 2), ("411602", 3), ("341202", 3),
                ("500233", 2), ("431302", 2), ("450802", 2), ("520502", 2), ("421102", 1), ("530102", 1)]
FARMER_HOME = [("421102", 3), ("421182", 2), ("420281", 2), ("430502", 2), ("430921", 1), ("360702", 2),
               ("431102", 1), ("520502", 2), ("450802", 1)]
NORTHEAST = [("230102", 3), ("210102", 3), ("220104", 2), ("230602", 2), ("211302", 1), ("150102", 1)]
GANG_OPS = [("445281", 3), ("441581", 2), ("440306", 2), ("440513", 1), ("533102", 2), ("532801", 1),
            ("451481", 2), ("440604", 1)]
BUYER_REG = [("310115", 3), ("330106", 3), ("320106", 2), ("110105", 2), ("440106", 3), ("510107", 2),
             ("420106", 1), ("370102", 1), ("430104", 1), ("350203", 2), ("350102", 2), ("330302", 1)]

SCOPE = ("35", "46", "3303", "3310")


def in_scope(region):
    return region.startswith(SCOPE)


def city_of(region):
    for name, lst in CITIES.items():
        for code, _ in lst:
            if code == region:
                return name
    if region.startswith("3505"):
        return "quanzhou"
    if region.startswith("3503"):
        return "putian"
    return None

# ---------------------------------------------------------------- institutions
# code: (card BIN, card length)   -- prefixes are invented, UnionPay-style
BIN = {"ICBC": ("622202", 19), "CCB": ("621700", 19), "ABC": ("622848", 19), "BOC": ("621661", 19),
       "PSBC": ("621799", 19), "CMB": ("621483", 16), "CIB": ("622908", 18), "XMBANK": ("623060", 19),
       "QZBANK": ("623158", 19), "FJRCU": ("622127", 19), "WZBANK": ("623099", 19),
       "TZBANK": ("623175", 19), "ZJRCU": ("621058", 19), "HNRCU": ("621036", 19),
       "HNBANK": ("623185", 19), "GDRCU": ("621728", 19), "YNRCU": ("622995", 19),
       "GXRCU": ("623133", 19), "SCRCU": ("621033", 19), "HUBRCU": ("621019", 19),
       "HUNRCU": ("622169", 19), "JXRCU": ("621592", 19), "GZRCU": ("621779", 19),
       "HENRCU": ("623059", 19), "AHRCU": ("622516", 19)}
NATIONAL = [("ICBC", 5), ("CCB", 4), ("ABC", 4), ("BOC", 3), ("PSBC", 3), ("CMB", 2), ("CIB", 2)]
LOCAL = {"3502": [("XMBANK", 5), ("QZBANK", 1), ("FJRCU", 2)],
         "3505": [("QZBANK", 5), ("XMBANK", 2), ("FJRCU", 4)],
         "3501": [("FJRCU", 3), ("XMBANK", 1), ("QZBANK", 1), ("CIB", 3)],
         "3503": [("FJRCU", 4), ("XMBANK", 1)], "3506": [("FJRCU", 4), ("XMBANK", 2)],
         "3509": [("FJRCU", 5)], "3303": [("WZBANK", 6), ("ZJRCU", 5), ("TZBANK", 1)],
         "3310": [("TZBANK", 6), ("ZJRCU", 5), ("WZBANK", 1)], "46": [("HNRCU", 7), ("HNBANK", 2)],
         "44": [("GDRCU", 3)], "53": [("YNRCU", 3)], "45": [("GXRCU", 3)], "51": [("SCRCU", 3)],
         "42": [("HUBRCU", 2)], "43": [("HUNRCU", 2)], "36": [("JXRCU", 2)], "52": [("GZRCU", 2)],
         "41": [("HENRCU", 2)], "34": [("AHRCU", 2)]}
# institutions that supply an extract, and where their history starts
SUPPLY = {"ICBC": _t(2024, 9, 1), "QZBANK": _t(2024, 9, 1), "WZBANK": _t(2024, 9, 9),
          "CCB": _t(2024, 9, 16), "LAKALA": _t(2024, 9, 23), "XMBANK": _t(2024, 10, 1),
          "HNRCU": _t(2024, 10, 8), "FJRCU": _t(2024, 10, 15), "TZBANK": _t(2024, 11, 1)}
SCOPED = ("ICBC", "CCB")   # national banks supply only their 闽海 branches
OVERSEAS = {"qz": ["PH", "MY", "ID", "SG", "HK"], "fq": ["US", "JP", "AR"], "hn": ["MY", "SG", "TH"],
            "wz": ["IT", "ES", "FR", "NL"]}


def iso(t):
    return datetime.fromtimestamp(t, CN).strftime("%Y-%m-%dT%H:%M:%S+08:00")


class Acct:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "role", "arch", "farmer", "lend",
                 "wins", "row", "person", "depth", "cases", "sold", "gang", "pend")

    def __init__(self, aid, bank, holder, opened, region, cls, arch, person):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = "lawful"
        self.arch = arch
        self.farmer = 0
        self.lend = TEND + DAY
        self.wins = []
        self.row = bank in SUPPLY and (bank not in SCOPED or in_scope(region))
        self.person = person
        self.depth = 99
        self.cases = {}
        self.sold = False
        self.gang = None
        self.pend = None


class Person:
    __slots__ = ("pid", "home", "live", "accts", "kind", "fam", "x")

    def __init__(self, pid, home, live, kind):
        self.pid = pid
        self.home = home
        self.live = live
        self.kind = kind
        self.accts = []
        self.fam = None
        self.x = None


class Gang:
    __slots__ = ("name", "ops", "cash", "scams", "start", "end", "pools", "depth", "dealers", "cash_local",
                 "gold")


PARAMS = {
    "baseline": dict(workers=1650, residents=1550, students=1100, retirees=450, shops=330, landlords=190,
                     boats=190, wholesalers=70, tea_farmers=400, tea_traders=50, qiaohui=300,
                     hn_merchants=100, snowbirds=220, pooling=100, bigfirst=80, relocators=50, newcorps=25, dormant=4400,
                     ext_shop=(40, 110), ws_in=(60, 160),
                     gangs=8, victims=1500, inregion_victim=0.12, farmers=18, dealers=22, paofen=100,
                     l1_mix=[("new", 40), ("old", 22), ("rent", 6), ("farm", 20), ("ext", 12)],
                     hold=(0.25, 0.9), life=(2, 12), depth=(2, 3), report=0.45, confirm=1.0,
                     term=[("cash", 55), ("ushang", 25), ("sink", 20)], cash_local=0.2,
                     scam_w=None, night=0.3, op_region=0.8),
    "slowtide": dict(workers=1650, residents=1550, students=1100, retirees=450, shops=330, landlords=190,
                     boats=190, wholesalers=70, tea_farmers=400, tea_traders=50, qiaohui=300,
                     hn_merchants=100, snowbirds=220, pooling=100, bigfirst=80, relocators=50, newcorps=25, dormant=4400,
                     ext_shop=(40, 110), ws_in=(60, 160),
                     gangs=7, victims=1150, inregion_victim=0.15, farmers=14, dealers=22, paofen=130,
                     l1_mix=[("new", 14), ("old", 42), ("rent", 26), ("farm", 10), ("ext", 8)],
                     hold=(30.0, 0.9), life=(10, 45), depth=(3, 5), report=0.35, confirm=0.8,
                     term=[("cash", 45), ("ushang", 35), ("sink", 20)], cash_local=0.7,
                     scam_w={"investment": 6, "romance": 4, "loan_card": 2, "brushing": 2},
                     night=0.05, op_region=0.3),
    "fishmarket": dict(workers=1100, residents=900, students=1500, retirees=400, shops=520, landlords=220,
                       boats=300, wholesalers=210, tea_farmers=550, tea_traders=80, qiaohui=700,
                       hn_merchants=160, snowbirds=420, pooling=260, bigfirst=220, relocators=170,
                       newcorps=80, dormant=2600, ext_shop=(30, 80), ws_in=(50, 120),
                       gangs=8, victims=1300, inregion_victim=0.12, farmers=16, dealers=30, paofen=100,
                       l1_mix=[("new", 40), ("old", 22), ("rent", 6), ("farm", 20), ("ext", 12)],
                       hold=(0.25, 0.9), life=(2, 12), depth=(2, 3), report=0.45, confirm=1.0,
                       term=[("cash", 55), ("ushang", 25), ("sink", 20)], cash_local=0.2,
                       scam_w=None, night=0.3, op_region=0.8),
}

SCAMS = {  # id: (weight, n payments, lo, hi, spread days)
    "brushing": (14, (3, 6), 100, 30000, 0.1), "ecommerce_cs": (10, (1, 3), 2000, 60000, 0.05),
    "investment": (12, (2, 6), 10000, 300000, 20), "romance": (7, (2, 5), 5000, 200000, 25),
    "police_gov": (8, (1, 3), 30000, 600000, 0.3), "loan_card": (10, (2, 4), 500, 20000, 1),
    "credit_record": (6, (1, 3), 5000, 80000, 0.2), "leader_acquaintance": (6, (1, 2), 20000, 200000, 0.1),
    "game_trade": (5, (1, 3), 200, 5000, 0.2), "shopping_service": (5, (1, 2), 300, 6000, 0.5),
    "accident_kidnap": (2, (1, 1), 10000, 100000, 0), "subsidy_refund": (2, (1, 2), 2000, 30000, 0.05),
}
HOURS = {
    "day": [0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 7, 6, 5, 6, 6, 6, 6, 6, 7, 7, 6, 4, 2],
    "office": [0, 0, 0, 0, 0, 0, 0, 0, 2, 8, 9, 9, 5, 6, 8, 8, 7, 4, 1, 0, 0, 0, 0, 0],
    "night": [3, 5, 8, 9, 9, 7, 5, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2],
    "evening": [1, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 3, 2, 2, 3, 5, 7, 8, 8, 7, 5, 3],
    "any": [2, 2, 2, 2, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 3],
}
MEMO_L = ["", "", "", "", "", "转账", "货款", "还款", "红包", "生活费"]
MEMO_V = ["", "", "", "", "", "", "转账", "货款", "还款", "保证金", "投资款", "服务费"]


class World:
    def __init__(self, variant, seed):
        self.v = variant
        self.P = PARAMS[variant]
        self.r = random.Random(seed * 7919 + VARIANTS.index(variant))
        self.used = {}
        self.accts = []
        self.persons = []
        self.tx = []
        self.seq = 0
        self.pools = {}
        self.hours = {k: (list(range(24)), w) for k, w in HOURS.items()}
        self.cases = []
        self.farmers = []
        self.farm_stock = []

    # -------------------------------------------------------------- randomness helpers
    def wc(self, lst):
        r = self.r.random() * sum(w for _, w in lst)
        for item, w in lst:
            r -= w
            if r < 0:
                return item
        return lst[-1][0]

    def tod(self, prof):
        h, w = self.hours[prof]
        return self.r.choices(h, w)[0] * HOUR + self.r.randrange(HOUR)

    def at(self, day, prof="day"):
        return T0 + int(day) * DAY + self.tod(prof)

    def ln(self, med, sigma, lo, hi):
        return max(lo, min(hi, self.r.lognormvariate(0.0, sigma) * med))

    def fen(self, yuan, step=None):
        if step:
            return max(step, int(round(yuan / step)) * step) * 100
        return max(1, int(round(yuan * 100)))

    def region(self, city=None):
        return self.wc(CITIES[city or self.wc(CITY_W)])

    # -------------------------------------------------------------- identities
    def digits(self, n):
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def uniq(self, make):
        while True:
            s = make()
            if s not in self.used:
                self.used[s] = 1
                return s

    def pid(self, region, y0, y1):
        def make():
            b = datetime(self.r.randint(y0, y1), 1, 1) + timedelta(days=self.r.randrange(365))
            body = region + b.strftime("%Y%m%d") + self.digits(3)
            w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]
        return self.uniq(make)

    def uscc(self, region):
        al = "0123456789ABCDEFGHJKLMNPQRTUWXY"

        def make():
            body = "91" + region + "".join(self.r.choice(al[:10] + al[10:]) for _ in range(9))
            w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
            c = 31 - sum(al.index(ch) * k for ch, k in zip(body, w)) % 31
            return body + al[0 if c == 31 else c]
        return self.uniq(make)

    def acct_id(self, bank, corp):
        def make():
            if bank == "ALIPAY":
                return "2088" + self.digits(12)
            if bank == "TENPAY":
                return "1" + self.digits(12)
            if bank == "LAKALA":
                return "LKL" + self.digits(15)
            if bank == "OVERSEAS":
                return self.r.choice(["PH", "MY", "SG", "US", "IT", "ES", "TH", "ID"]) + self.digits(14)
            if corp:
                return ("14" if bank == "ICBC" else "35" if bank == "CCB" else "8") + self.digits(16)
            prefix, n = BIN.get(bank, ("621999", 19))
            body = prefix + self.digits(n - len(prefix) - 1)
            s = 0
            for i, ch in enumerate(reversed(body)):
                d = int(ch)
                if i % 2 == 0:
                    d *= 2
                    if d > 9:
                        d -= 9
                s += d
            return body + str((10 - s % 10) % 10)
        return self.uniq(make)

    def bank_for(self, region, allow_local=True):
        opts = list(NATIONAL)
        if allow_local:
            for k in ("3502", "3505", "3501", "3503", "3506", "3509", "3303", "3310", "46", "44", "53", "45",
                      "51", "42", "43", "36", "52", "41", "34"):
                if region.startswith(k):
                    opts = opts + LOCAL[k]
                    break
            if region.startswith("35") and not any(region.startswith(k) for k in
                                                   ("3502", "3505", "3501", "3503", "3506", "3509")):
                opts = opts + [("FJRCU", 5)]
        return self.wc(opts)

    def person(self, home, live, y0, y1, kind):
        p = Person(self.pid(home, y0, y1), home, live, kind)
        self.persons.append(p)
        return p

    def old_open(self, y_min=0.3, y_max=12.0):
        days = int(self.r.uniform(y_min, y_max) * 365)
        return T0 - days * DAY + self.tod("office") - 8 * HOUR + 9 * HOUR

    def open(self, who, bank, region, opened, arch, cls="I", corp=False):
        holder = who.pid if isinstance(who, Person) else who
        a = Acct(self.acct_id(bank, corp), bank, holder, opened, region, "corp" if corp else cls, arch,
                 who if isinstance(who, Person) else None)
        self.accts.append(a)
        if isinstance(who, Person):
            who.accts.append(a)
        return a

    def corp(self, region, arch, bank=None, opened=None):
        code = self.uscc(region)
        return self.open(code, bank or self.bank_for(region), region, opened or self.old_open(1, 15), arch,
                         corp=True)

    def ext_person_acct(self, region, arch, y0=1955, y1=2000, wallet=0.3):
        p = self.person(region, region, y0, y1, arch)
        bank = self.r.choice(["ALIPAY", "TENPAY"]) if self.r.random() < wallet else self.bank_for(region)
        return self.open(p, bank, region, self.old_open(0.5, 14), arch)

    def pooled(self, key, region_list, arch, reuse=0.75, wallet=0.5):
        pool = self.pools.setdefault(key, [])
        if pool and self.r.random() < reuse:
            return self.r.choice(pool)
        a = self.ext_person_acct(self.wc(region_list), arch, wallet=wallet)
        pool.append(a)
        return a

    # -------------------------------------------------------------- transfers
    def pay(self, t, a, b, fen, ch="mobile", region="", kind="transfer", memo="", xb=False, fk="", cases=None):
        if fen <= 0 or t >= TEND or t < T0:
            return None
        self.seq += 1
        rec = [t, self.seq, a, b, fen, ch, region, kind, memo, xb, fk, cases]
        self.tx.append(rec)
        return rec

    def withdraw(self, t, a, fen, region, ch="atm", fk="", cases=None):
        return self.pay(t, a, None, fen, ch, region, "withdrawal", "", False, fk, cases)

    def deposit(self, t, a, fen, region, ch="counter"):
        return self.pay(t, None, a, fen, ch, region, "deposit")

    # ================================================================= lawful population
    def build_corps(self):
        P = self.P
        r = self.r
        self.employers = []
        for _ in range(max(40, P["workers"] // 18)):
            reg = self.wc(MANUF)
            bank = self.wc([("ICBC", 5), ("CCB", 4), ("QZBANK", 3), ("WZBANK", 2), ("TZBANK", 2), ("FJRCU", 2),
                            ("BOC", 2), ("ABC", 2), ("CIB", 1)])
            if bank in ("QZBANK",) and not reg.startswith("35"):
                bank = "WZBANK" if reg.startswith("3303") else "TZBANK"
            if bank in ("WZBANK", "TZBANK") and not reg.startswith("33"):
                bank = "QZBANK" if reg.startswith("3505") else "FJRCU"
            a = self.corp(reg, "factory_payroll", bank)
            a.pend = {"payday": r.randint(5, 15), "export": r.random() < 0.45,
                      "buyers": [], "suppliers": []}
            self.employers.append(a)
        for e in self.employers:
            for _ in range(r.randint(1, 3)):
                e.pend["suppliers"].append(r.choice(self.employers))
        self.offices = {}
        for city, _ in CITY_W:
            self.offices[city] = [self.corp(self.region(city), "office_employer") for _ in range(12)]
        self.pension = {city: self.corp(self.region(city), "social_security_fund",
                                        self.r.choice(["ICBC", "CCB", "FJRCU" if city not in
                                                       ("wenzhou", "taizhou", "haikou", "sanya", "hainan")
                                                       else "HNRCU" if city in ("haikou", "sanya", "hainan")
                                                       else "WZBANK"]))
                        for city, _ in CITY_W}
        self.univ = {reg: self.corp(reg, "university", "ICBC" if i % 2 == 0 else "CCB")
                     for i, (reg, _) in enumerate(CAMPUS)}
        self.big_sellers = {city: [self.corp(self.region(city), k) for k in
                                   ("car_dealer", "property_developer", "car_dealer", "property_developer")]
                            for city, _ in CITY_W}
        self.port_supply = {reg: [self.corp(reg, "fuel_ice_supplier") for _ in range(2)] for reg, _ in PORTS}
        self.coldchain = [self.corp(reg, "cold_chain_logistics") for reg, _ in MARKETS]
        self.halls = [self.corp(reg, "ancestral_hall_temple") for reg, _ in QIAOXIANG]
        self.fert = [self.corp("350524", "agri_supply_shop") for _ in range(4)]
        self.jewel_in = [self.corp(self.region(c), "jewellery_shop") for c in ("xiamen", "fuzhou", "wenzhou")]

    def build_shops(self):
        P = self.P
        r = self.r
        self.shops = {}
        kinds = [("restaurant", 5), ("convenience", 4), ("fruit_veg", 2), ("seafood_stall", 2), ("tea_shop", 2),
                 ("night_snack", 2), ("hair_salon", 1), ("pharmacy", 1)]
        for i in range(P["shops"]):
            city = self.wc(CITY_W)
            reg = self.region(city)
            kind = self.wc(kinds)
            if kind == "tea_shop" and r.random() < 0.6:
                reg, city = "350524", "quanzhou"
            owner = self.person(reg if r.random() < 0.7 else self.wc(MIGRANT_HOME), reg, 1965, 1998, "shop_owner")
            opened = self.old_open(0.2, 10) if r.random() > 0.06 else T0 + r.randint(1, 150) * DAY + 10 * HOUR
            mbank = "LAKALA" if r.random() < 0.55 else self.bank_for(reg)
            m = self.open(owner, mbank, reg, opened, "qr_merchant_" + kind, corp=True)
            m.pend = {"kind": kind, "owner": None}
            own = self.open(owner, self.bank_for(reg), reg, min(opened, self.old_open(1, 15)), "shop_owner_personal")
            m.pend["owner"] = own
            self.shops.setdefault(city, []).append(m)
        self.campus_shops = {}
        for reg, _ in CAMPUS:
            own = self.person(reg, reg, 1965, 1990, "canteen_operator")
            lst = []
            for k in range(3):
                m = self.open(own, "LAKALA" if k else self.bank_for(reg), reg, self.old_open(1, 8),
                              "qr_merchant_campus_canteen", corp=True)
                m.pend = {"kind": "canteen", "owner": None}
                lst.append(m)
            own_acct = self.open(own, self.bank_for(reg), reg, self.old_open(2, 12), "shop_owner_personal")
            for m in lst:
                m.pend["owner"] = own_acct
            self.campus_shops[reg] = lst
        self.landlords = {}
        for _ in range(P["landlords"]):
            city = self.wc(CITY_W)
            reg = self.region(city)
            p = self.person(reg, reg, 1950, 1985, "landlord")
            a = self.open(p, self.bank_for(reg), reg, self.old_open(2, 15), "landlord")
            if r.random() < 0.4:
                self.open(p, self.bank_for(reg), reg, self.old_open(1, 15), "landlord_second")
            self.landlords.setdefault(city, []).append(a)

    def shop_in(self, city):
        lst = self.shops.get(city)
        if not lst:
            lst = self.shops[self.r.choice(sorted(self.shops))]
        return self.r.choice(lst)

    def spend(self, a, city, day, n, lo=15, hi=400):
        for _ in range(n):
            m = self.shop_in(city)
            self.pay(self.at(day + self.r.randint(0, 6), "day"), a, m,
                     self.fen(self.ln((lo * hi) ** 0.5, 0.7, lo, hi * 3)), "mobile", m.region)

    def landlord_in(self, city):
        lst = self.landlords.get(city)
        if not lst:
            lst = self.landlords[self.r.choice(sorted(self.landlords))]
        return self.r.choice(lst)

    def family_acct(self, p, region):
        if p.fam is None:
            p.fam = self.ext_person_acct(region, "family_elsewhere", 1950, 1975, wallet=0.1)
        return p.fam

    # ---------------------------------------------------------------- workers
    def gen_workers(self):
        r = self.r
        self.workers = []
        for _ in range(self.P["workers"]):
            emp = r.choice(self.employers)
            reg = emp.region
            city = city_of(reg) or "quanzhou"
            migrant = r.random() < 0.7
            home = self.wc(MIGRANT_HOME) if migrant else reg
            p = self.person(home, reg, 1968, 2005, "factory_worker")
            hired_in = r.random() < 0.08
            opened = T0 + r.randint(2, 120) * DAY + 10 * HOUR if hired_in else self.old_open(0.3, 10)
            a = self.open(p, emp.bank if emp.bank in BIN else self.bank_for(reg), reg, opened,
                          "factory_worker_migrant" if migrant else "factory_worker_local")
            if r.random() < 0.35:
                self.open(p, self.bank_for(home if migrant else reg), home, self.old_open(1, 15),
                          "worker_second_card")
            self.workers.append(p)
            base = self.ln(6200, 0.25, 3800, 14000)
            ll = self.landlord_in(city) if r.random() < 0.6 else None
            rent = self.fen(self.ln(800, 0.3, 350, 2200), 50)
            leave = SPRING - r.randint(6, 16)
            back = SPRING + r.randint(7, 18)
            for m in range(6):
                d = MSTART[m] + emp.pend["payday"] - 1
                f = 1.0
                if m == 4:
                    f = 1.6 + r.random()      # 年终奖 before the holiday
                if m == 5:
                    f = 0.45
                sal = self.fen(base * f * r.uniform(0.85, 1.15))
                self.pay(T0 + d * DAY + 10 * HOUR + r.randrange(7200), emp, a, sal, "other", emp.region, memo="工资")
                if migrant and r.random() < 0.8 and m != 4:
                    self.pay(self.at(d + r.randint(0, 3), "evening"), a, self.family_acct(p, home),
                             self.fen(self.ln(1800, 0.4, 500, 6000), 100), "mobile", reg,
                             memo=r.choice(["", "生活费", "家用", ""]))
                if ll is not None and not (m == 5 and migrant and r.random() < 0.3):
                    self.pay(self.at(MSTART[m] + r.randint(0, 4), "evening"), a, ll, rent, "mobile", reg,
                             memo=r.choice(["房租", "", "房租"]))
                self.spend(a, city, MSTART[m] + r.randint(0, 20), r.randint(0, 4))
                if r.random() < 0.3:
                    self.withdraw(self.at(d + r.randint(1, 20)), a, self.fen(r.choice([200, 500, 1000, 2000]), 100),
                                  reg)
                if r.random() < 0.15 and len(self.workers) > 5:
                    f2 = r.choice(self.workers[:-1])
                    self.pay(self.at(MSTART[m] + r.randint(0, 29), "evening"), a, f2.accts[0],
                             self.fen(self.ln(500, 0.8, 50, 5000), 10), "mobile", reg, memo=r.choice(MEMO_L))
            if migrant:
                # 春节 home: send or carry the year's savings; cash withdrawn at home (far from the card's city)
                self.pay(self.at(leave, "evening"), a, self.family_acct(p, home),
                         self.fen(self.ln(12000, 0.5, 3000, 60000), 100), "mobile", reg, memo=r.choice(["", "过年"]))
                for k in range(r.randint(0, 3)):
                    self.withdraw(self.at(leave + 2 + k * r.randint(1, 4)), a,
                                  self.fen(r.choice([1000, 2000, 2500, 3000, 5000]), 100), home)
                if back < DAYS:
                    self.spend(a, city, back, r.randint(0, 2))

    # ---------------------------------------------------------------- residents
    def gen_residents(self):
        r = self.r
        self.residents = []
        for _ in range(self.P["residents"]):
            city = self.wc(CITY_W)
            reg = self.region(city)
            p = self.person(reg if r.random() < 0.75 else self.wc(VICTIM_REG), reg, 1960, 2001, "city_resident")
            n = self.wc([(1, 4), (2, 4), (3, 2), (4, 1)])
            banks = []
            for i in range(n):
                b = self.bank_for(reg)
                tries = 0
                while b in banks and tries < 5:
                    b = self.bank_for(reg)
                    tries += 1
                banks.append(b)
                self.open(p, b, reg, self.old_open(0.5, 18), "resident_multibank" if n > 2 else "resident")
            self.residents.append(p)
            emp = r.choice(self.offices[city])
            sal = self.ln(9000, 0.45, 4000, 60000)
            main = p.accts[0]
            mort = r.random() < 0.3
            mort_amt = self.fen(self.ln(5200, 0.4, 1500, 20000))
            parent = self.family_acct(p, p.home) if r.random() < 0.4 else None
            for m in range(6):
                d = MSTART[m] + r.randint(8, 14)
                f = (1.5 + r.random() * 2) if m == 4 and r.random() < 0.7 else 1.0
                self.pay(T0 + d * DAY + 9 * HOUR + r.randrange(4 * HOUR), emp, main, self.fen(sal * f), "other",
                         emp.region, memo="工资")
                if len(p.accts) > 1 and r.random() < 0.55:
                    self.pay(self.at(d + r.randint(0, 5)), main, r.choice(p.accts[1:]),
                             self.fen(sal * r.uniform(0.2, 0.6), 100), "mobile", reg)
                if mort:
                    self.pay(T0 + (MSTART[m] + 19) * DAY + 2 * HOUR, main, self.mortgage_acct(main.bank, reg), mort_amt,
                             "other", reg, memo="房贷")
                self.spend(main, city, MSTART[m] + r.randint(0, 20), r.randint(1, 5), 20, 800)
                if parent and r.random() < 0.6:
                    self.pay(self.at(d + r.randint(0, 10), "evening"), main, parent,
                             self.fen(self.ln(1500, 0.6, 200, 10000), 100), "mobile", reg, memo=r.choice(MEMO_L))
                if r.random() < 0.35:
                    other = r.choice(self.residents)
                    self.pay(self.at(MSTART[m] + r.randint(0, 29), "evening"), main, r.choice(other.accts),
                             self.fen(self.ln(600, 1.0, 20, 30000), 1), "mobile", reg, memo=r.choice(MEMO_L))
            if r.random() < 0.5:   # 春节 红包 to family
                self.pay(self.at(SPRING - r.randint(0, 3)), main, self.family_acct(p, p.home),
                         self.fen(r.choice([600, 800, 1000, 2000, 5000, 6600, 8800])), "mobile", reg, memo="红包")

    def mortgage_acct(self, bank, reg):
        key = "mort:" + bank + ":" + reg[:4]
        if key not in self.pools:
            self.pools[key] = [self.corp(reg, "bank_loan_repayment_account", bank)]
        return self.pools[key][0]

    # ---------------------------------------------------------------- students
    def gen_students(self):
        r = self.r
        fresh_p = 0.32 if self.v != "fishmarket" else 0.5
        for _ in range(self.P["students"]):
            reg = self.wc(CAMPUS)
            city = city_of(reg) or "xiamen"
            home = self.wc(VICTIM_REG + MIGRANT_HOME) if r.random() < 0.6 else self.region()
            p = self.person(home, reg, 2001, 2006, "student")
            fresh = r.random() < fresh_p
            if fresh:
                d0 = r.randint(0, 12)
                for i in range(self.wc([(1, 4), (2, 4), (3, 2)])):
                    bank = "ICBC" if i == 0 else self.bank_for(reg)
                    self.open(p, bank, reg, T0 + (d0 + r.randint(0, 4) * i) * DAY + self.tod("office"),
                              "student_freshman_new_account", cls="I" if i == 0 else "II")
            else:
                self.open(p, self.bank_for(reg), reg, self.old_open(0.9, 4), "student")
                if r.random() < 0.3:
                    self.open(p, self.bank_for(reg), reg, self.old_open(0.5, 3), "student", cls="II")
            a = p.accts[0]
            parent = self.family_acct(p, home)
            d_open = max(0, (a.opened - T0) // DAY + 1)
            self.pay(self.at(d_open + r.randint(0, 5)), parent, a, self.fen(self.ln(6000, 0.2, 3500, 12000), 100),
                     "mobile", home, memo="学费")
            self.pay(self.at(d_open + r.randint(1, 8), "office"), a, self.univ[reg],
                     self.fen(r.choice([4600, 5200, 5800, 6800, 7200])), "online", reg, memo="学费")
            allowance = self.ln(1800, 0.35, 600, 5000)
            roommates = []
            for m in range(6):
                if m == 5 and r.random() < 0.7:
                    continue
                self.pay(self.at(MSTART[m] + r.randint(0, 5), "evening"), parent, a, self.fen(allowance, 100),
                         "mobile", home, memo=r.choice(["生活费", "", ""]))
                for _ in range(r.randint(1, 4)):
                    m2 = r.choice(self.campus_shops[reg])
                    self.pay(self.at(MSTART[m] + r.randint(0, 28), "day"), a, m2,
                             self.fen(self.ln(25, 0.6, 5, 200)), "mobile", reg)
                if r.random() < 0.4:
                    self.spend(a, city, MSTART[m] + r.randint(0, 25), 1, 20, 300)
                if r.random() < 0.5 and self.persons:
                    mates = self.pools.setdefault("students:" + reg, [])
                    if mates:
                        mate = r.choice(mates)
                        if r.random() < 0.5:
                            self.pay(self.at(MSTART[m] + r.randint(0, 29), "evening"), a, mate,
                                     self.fen(self.ln(60, 0.8, 5, 800)), "mobile", reg, memo=r.choice(["AA", "", "饭钱"]))
                        else:
                            self.pay(self.at(MSTART[m] + r.randint(0, 29), "evening"), mate, a,
                                     self.fen(self.ln(60, 0.8, 5, 800)), "mobile", reg, memo=r.choice(["AA", "", ""]))
                if r.random() < 0.12:
                    emp = r.choice(self.offices[city])
                    self.pay(self.at(MSTART[m] + r.randint(0, 29), "office"), emp, a,
                             self.fen(self.ln(900, 0.5, 100, 3000)), "other", emp.region, memo="兼职")
            self.pools.setdefault("students:" + reg, []).append(a)

    # ---------------------------------------------------------------- retirees
    def gen_retirees(self):
        r = self.r
        self.retirees = []
        for _ in range(self.P["retirees"]):
            city = self.wc(CITY_W)
            reg = self.region(city)
            p = self.person(reg, reg, 1940, 1963, "retiree")
            a = self.open(p, self.wc([("FJRCU" if reg.startswith("35") else "HNRCU" if reg.startswith("46")
                                      else "WZBANK", 4), ("ICBC", 3), ("CCB", 2), ("PSBC", 3), ("ABC", 2)]),
                          reg, self.old_open(8, 25), "retiree_pension")
            self.retirees.append(p)
            pen = self.fen(self.ln(3200, 0.35, 1500, 9000))
            kid = self.family_acct(p, self.region(city) if r.random() < 0.6 else self.wc(VICTIM_REG))
            for m in range(6):
                self.pay(T0 + (MSTART[m] + 14) * DAY + 7 * HOUR + r.randrange(3600), self.pension[city], a, pen,
                         "other", self.pension[city].region, memo="养老金")
                if r.random() < 0.6:
                    self.withdraw(self.at(MSTART[m] + 15 + r.randint(0, 10), "office"), a,
                                  self.fen(r.choice([500, 1000, 1500, 2000, 3000]), 100), reg,
                                  r.choice(["atm", "counter"]))
                if r.random() < 0.08:
                    self.pay(self.at(MSTART[m] + r.randint(0, 28), "office"), a, kid,
                             self.fen(self.ln(20000, 0.8, 2000, 200000), 1000), "counter", reg,
                             memo=r.choice(["", "给孩子", "买房"]))
            if r.random() < 0.6:
                self.pay(self.at(SPRING - r.randint(0, 5)), a, kid, self.fen(r.choice([600, 1000, 2000, 3000])),
                         "counter", reg, memo="红包")

    # ---------------------------------------------------------------- shops: external QR payers, settlements
    def gen_shop_flows(self):
        r = self.r
        lo, hi = self.P["ext_shop"]
        cities = sorted(self.shops)
        all_m = [m for c in cities for m in self.shops[c]] + [m for reg, _ in CAMPUS for m in self.campus_shops[reg]]
        for m in all_m:
            kind = m.pend["kind"]
            city = city_of(m.region) or "xiamen"
            n = r.randint(lo, hi)
            prof = "night" if kind in ("seafood_stall",) else "evening" if kind in ("night_snack", "restaurant") \
                else "day"
            if city in ("sanya", "haikou", "hainan"):
                n = int(n * 1.3)
            for _ in range(n):
                day = r.randrange(DAYS)
                if city in ("sanya", "haikou", "hainan") and r.random() < 0.4:
                    day = r.choice([GOLDEN + r.randint(0, 6), SPRING + r.randint(-2, 10), r.randint(100, 180)])
                    payer = self.pooled("tourist", VICTIM_REG + NORTHEAST, "tourist_elsewhere", reuse=0.2, wallet=0.6)
                else:
                    payer = self.pooled("consumer:" + city, [(self.region(city), 1)], "local_consumer_wallet",
                                        reuse=0.55, wallet=0.85)
                amt = self.ln(45 if kind != "tea_shop" else 400, 0.8, 3, 3000 if kind != "tea_shop" else 20000)
                self.pay(self.at(min(day, DAYS - 1), prof), payer, m, self.fen(amt), "mobile", m.region)
            # settlement to the owner's personal card every few days (batch, channel other)
            own = m.pend["owner"]
            d = max(0, (m.opened - T0) // DAY + 1)
            while d < DAYS:
                d += r.randint(2, 7)
                if d >= DAYS:
                    break
                self.pay(T0 + d * DAY + 2 * HOUR + r.randrange(3 * HOUR), m, own,
                         self.fen(self.ln(2500, 0.6, 100, 40000)), "other", m.region, memo="结算")
            for k in range(r.randint(2, 8)):
                sup = self.r.choice(self.employers + self.coldchain)
                self.pay(self.at(r.randrange(DAYS), "office"), own, sup, self.fen(self.ln(4000, 0.7, 300, 60000)),
                         "mobile", m.region, memo=r.choice(["货款", "", "进货"]))

    # ---------------------------------------------------------------- fishing: boats, crew, wholesalers
    def gen_fishing(self):
        r = self.r
        P = self.P
        self.wholesalers = {}
        for _ in range(P["wholesalers"]):
            reg = self.wc(MARKETS)
            p = self.person(reg, reg, 1965, 1992, "seafood_wholesaler")
            for i in range(self.wc([(1, 2), (2, 4), (3, 2)])):
                self.open(p, self.bank_for(reg), reg, self.old_open(0.5, 14), "seafood_wholesaler_personal")
            self.wholesalers.setdefault(reg[:4], []).append(p)
        ws_all = [p for k in sorted(self.wholesalers) for p in self.wholesalers[k]]
        # boats
        for _ in range(P["boats"]):
            reg = self.wc(PORTS)
            p = self.person(reg, reg, 1960, 1990, "boat_owner")
            bank = self.wc([("FJRCU" if reg.startswith("35") else "HNRCU" if reg.startswith("46") else "TZBANK", 6),
                            ("ICBC", 2), ("CCB", 1), ("PSBC", 2), ("ABC", 1)])
            if bank == "TZBANK" and reg.startswith("3303"):
                bank = "WZBANK"
            a = self.open(p, bank, reg, self.old_open(3, 20), "fishing_boat_owner")
            crew = []
            for _ in range(r.randint(4, 10)):
                mig = r.random() < 0.6
                home = self.wc(MIGRANT_HOME) if mig else reg
                cp = self.person(home, reg, 1965, 2003, "fishing_crew")
                ca = self.open(cp, self.bank_for(reg) if r.random() < 0.7 else self.bank_for(home), reg if r.random() < 0.75
                               else home, self.old_open(0.2, 12), "fishing_crew")
                crew.append((cp, ca, home))
            near = self.wholesalers.get(reg[:4]) or ws_all
            buyers = [r.choice(near) for _ in range(r.randint(1, 3))] + [r.choice(ws_all)]
            sup = self.port_supply[reg]
            hainan = reg.startswith("46")
            d = (KAIHAI if not hainan else 0) + r.randint(0, 10)
            trips = 0
            while d < DAYS:
                trip = r.randint(7, 22)
                d += trip
                if SPRING - 12 < d < SPRING + 8:
                    d = SPRING + r.randint(8, 14)
                    continue
                if d >= DAYS:
                    break
                trips += 1
                catch = self.ln(90000, 0.6, 15000, 600000)
                parts = r.randint(1, 3)
                for k in range(parts):
                    ws = r.choice(buyers)
                    self.pay(T0 + d * DAY + self.tod("night"), r.choice(ws.accts), a, self.fen(catch / parts),
                             "mobile", ws.accts[0].region, memo=r.choice(["鱼款", "", "货款", "海鲜款"]))
                self.pay(self.at(d + r.randint(0, 1), "day"), a, r.choice(sup), self.fen(catch * r.uniform(0.15, 0.3)),
                         "mobile", reg, memo=r.choice(["油款", "冰款", ""]))
                if trips % r.choice([1, 2, 3]) == 0:
                    for cp, ca, home in crew:
                        self.pay(self.at(d + r.randint(0, 2), "day"), a, ca,
                                 self.fen(self.ln(6000, 0.35, 2000, 20000), 100), "mobile", reg,
                                 memo=r.choice(["工资", "", "分红"]))
                if r.random() < 0.4:
                    self.withdraw(self.at(d + r.randint(0, 2)), a, self.fen(r.choice([5000, 10000, 20000]), 1000),
                                  reg, r.choice(["atm", "counter"]))
            for cp, ca, home in crew:
                for m in range(r.randint(1, 5)):
                    day = r.randint(20, DAYS - 1)
                    if home != reg:
                        self.pay(self.at(day, "evening"), ca, self.family_acct(cp, home),
                                 self.fen(self.ln(3000, 0.5, 500, 20000), 100), "mobile", reg)
                    else:
                        self.withdraw(self.at(day), ca, self.fen(r.choice([500, 1000, 2000]), 100), reg)
                if home != reg and r.random() < 0.5:
                    self.withdraw(self.at(SPRING - r.randint(1, 8)), ca, self.fen(r.choice([2000, 3000, 5000]), 100),
                                  home)
        # wholesalers: many buyers (restaurants, markets in many provinces) pay at night; pay cold chain
        lo, hi = P["ws_in"]
        for p in ws_all:
            reg = p.accts[0].region
            city = city_of(reg) or "xiamen"
            for _ in range(r.randint(lo, hi)):
                day = r.randrange(KAIHAI - 10, DAYS)
                if r.random() < 0.35 and self.shops.get(city):
                    payer = r.choice(self.shops[city]).pend["owner"]
                else:
                    payer = self.pooled("seafood_buyer", BUYER_REG, "seafood_buyer_elsewhere", reuse=0.7, wallet=0.2)
                self.pay(self.at(max(0, day), "night"), payer, r.choice(p.accts),
                         self.fen(self.ln(6000, 0.9, 300, 200000)), "mobile", payer.region,
                         memo=r.choice(["货款", "", "", "海鲜", "鱼款"]))
            for _ in range(r.randint(4, 14)):
                self.pay(self.at(r.randrange(DAYS), "office"), r.choice(p.accts), r.choice(self.coldchain),
                         self.fen(self.ln(8000, 0.6, 500, 80000)), "mobile", reg, memo="运费")
            if len(p.accts) > 1:
                for _ in range(r.randint(2, 10)):
                    a, b = r.sample(p.accts, 2)
                    self.pay(self.at(r.randrange(DAYS), "night"), a, b, self.fen(self.ln(50000, 0.7, 5000, 500000), 100),
                             "mobile", reg)

    # ---------------------------------------------------------------- tea (安溪)
    def gen_tea(self):
        r = self.r
        traders = []
        for _ in range(self.P["tea_traders"]):
            reg = r.choice(["350524", "350524", "350524", "350206", "350203", "350503", "350102"])
            p = self.person("350524", reg, 1965, 1995, "tea_trader")
            for _ in range(r.randint(1, 2)):
                self.open(p, self.bank_for(reg), reg, self.old_open(1, 15), "tea_trader")
            traders.append(p)
            for _ in range(r.randint(25, 90)):
                day = r.choice([r.randint(25, 60), r.randint(0, DAYS - 1), r.randint(SPRING - 30, SPRING - 3)])
                payer = self.pooled("tea_buyer", BUYER_REG + VICTIM_REG, "tea_buyer_elsewhere", reuse=0.6, wallet=0.4)
                self.pay(self.at(day), payer, r.choice(p.accts), self.fen(self.ln(1500, 1.0, 100, 80000)), "mobile",
                         payer.region, memo=r.choice(["茶叶", "", "货款", "铁观音"]))
        for _ in range(self.P["tea_farmers"]):
            reg = "350524" if r.random() < 0.85 else "350525"
            p = self.person(reg, reg, 1955, 1992, "tea_farmer")
            a = self.open(p, self.wc([("FJRCU", 7), ("PSBC", 2), ("ABC", 1), ("ICBC", 1)]), reg, self.old_open(2, 20),
                          "tea_farmer")
            # autumn tea (秋茶) late Sep-Oct, winter tea (冬片) Nov; quiet otherwise
            for _ in range(r.randint(2, 7)):
                self.pay(self.at(r.randint(22, 58)), r.choice(r.choice(traders).accts), a,
                         self.fen(self.ln(12000, 0.8, 1500, 150000), 10), "mobile", reg, memo=r.choice(["茶款", "", "秋茶"]))
            if r.random() < 0.6:
                for _ in range(r.randint(1, 2)):
                    self.pay(self.at(r.randint(64, 88)), r.choice(r.choice(traders).accts), a,
                             self.fen(self.ln(6000, 0.7, 800, 60000), 10), "mobile", reg, memo="冬片")
            for _ in range(r.randint(1, 4)):
                self.withdraw(self.at(r.randint(24, 92)), a, self.fen(r.choice([2000, 5000, 10000, 20000]), 1000), reg,
                              r.choice(["atm", "counter", "counter"]))
            if r.random() < 0.5:
                self.pay(self.at(r.randint(0, 40), "office"), a, r.choice(self.fert),
                         self.fen(self.ln(3000, 0.5, 300, 20000)), "mobile", reg, memo="肥料")

    # ---------------------------------------------------------------- exporters & suppliers
    def gen_exporters(self):
        r = self.r
        for e in self.employers:
            if e.pend["export"]:
                ctry = r.choice(["US", "DE", "AE", "RU", "BR", "NG", "MY", "GB", "FR", "SA"])
                buyers = []
                for _ in range(r.randint(2, 6)):
                    b = Acct(self.uniq(lambda: ctry + self.digits(16)), "OVERSEAS", self.uscc("000000"),
                             self.old_open(2, 15), "000000", "corp", "overseas_buyer", None)
                    self.accts.append(b)
                    buyers.append(b)
                for _ in range(r.randint(4, 16)):
                    self.pay(self.at(r.randrange(DAYS), "office"), r.choice(buyers), e,
                             self.fen(self.ln(200000, 0.9, 20000, 3000000)), "online", e.region, xb=True, memo="货款")
            else:
                for _ in range(r.randint(3, 12)):
                    payer = self.pooled("domestic_buyer_corp", BUYER_REG, "domestic_buyer", reuse=0.5, wallet=0.0)
                    self.pay(self.at(r.randrange(DAYS), "office"), payer, e,
                             self.fen(self.ln(150000, 0.9, 10000, 2000000)), "online", payer.region, memo="货款")
            for s in e.pend["suppliers"]:
                for _ in range(r.randint(2, 7)):
                    self.pay(self.at(r.randrange(DAYS), "office"), e, s, self.fen(self.ln(80000, 0.8, 5000, 900000)),
                             "online", e.region, memo=r.choice(["货款", "材料款", ""]))

    # ---------------------------------------------------------------- 侨汇 families
    def gen_qiaohui(self):
        r = self.r
        for _ in range(self.P["qiaohui"]):
            reg = self.wc(QIAOXIANG)
            grp = "fq" if reg in ("350181", "350112") else "hn" if reg.startswith("46") else \
                "wz" if reg.startswith("33") else "qz"
            p = self.person(reg, reg, 1945, 1985, "qiaohui_family")
            a = self.open(p, self.wc([("BOC", 4), ("ICBC", 4), ("CCB", 2), ("FJRCU" if reg.startswith("35") else
                                      "HNRCU" if reg.startswith("46") else "WZBANK", 3)]), reg, self.old_open(3, 25),
                          "qiaohui_receiver")
            ctry = r.choice(OVERSEAS[grp])
            senders = []
            for _ in range(r.randint(1, 3)):
                s = Acct(self.uniq(lambda: ctry + self.digits(14)), "OVERSEAS", self.pid(reg, 1960, 1995),
                         self.old_open(2, 20), "000000", "I", "overseas_relative", None)
                self.accts.append(s)
                senders.append(s)
            rel = []
            for _ in range(r.randint(2, 6)):
                if r.random() < 0.6:
                    rp = self.person(reg, reg, 1950, 2000, "qiaohui_relative")
                    rel.append(self.open(rp, self.bank_for(reg), reg, self.old_open(0.5, 20), "qiaohui_relative"))
                else:
                    rel.append(self.ext_person_acct(self.wc(VICTIM_REG), "relative_elsewhere", wallet=0.1))
            days = sorted(r.sample(range(DAYS), r.randint(2, 6)) + [SPRING - r.randint(5, 25)])
            for d in days:
                d = min(d, DAYS - 1)
                big = abs(d - SPRING) < 30
                amt = self.ln(30000 if big else 12000, 0.7, 2000, 400000)
                t = self.at(d, "office")
                self.pay(t, r.choice(senders), a, self.fen(amt), r.choice(["online", "counter"]), reg, xb=True,
                         memo=r.choice(["", "家用", "侨汇", "赡养"]))
                # pass it on within hours: family members, cash, a donation
                left = amt
                for rr in r.sample(rel, r.randint(1, len(rel))):
                    share = self.fen(left * r.uniform(0.1, 0.4), 100)
                    if share <= 0:
                        continue
                    left -= share / 100
                    self.pay(t + r.randint(600, 20 * HOUR), a, rr, share, "mobile", reg, memo=r.choice(["", "红包", "家用"]))
                if r.random() < 0.5:
                    self.withdraw(t + r.randint(HOUR, 3 * DAY), a, self.fen(min(left * 0.5, 20000), 100), reg, "counter")
                if big and r.random() < 0.3:
                    self.pay(t + r.randint(DAY, 6 * DAY), a, r.choice(self.halls), self.fen(r.choice([1000, 2000, 5000,
                                                                                                    10000, 20000])),
                             "counter", reg, memo=r.choice(["捐款", "香火", "修祠"]))

    # ---------------------------------------------------------------- Hainan: merchants, snowbirds, winter rent
    def gen_hainan(self):
        r = self.r
        merch = []
        for _ in range(self.P["hn_merchants"]):
            city = r.choice(["sanya", "sanya", "haikou", "hainan"])
            reg = self.region(city)
            p = self.person(reg if r.random() < 0.5 else self.wc(VICTIM_REG), reg, 1965, 1995, "hainan_merchant")
            kind = r.choice(["hotel_homestay", "seafood_restaurant", "tour_operator", "fruit_shop", "car_rental"])
            m = self.open(p, self.wc([("HNRCU", 3), ("LAKALA", 3), ("ICBC", 2), ("CCB", 1), ("HNBANK", 2)]), reg,
                          self.old_open(0.3, 10), "hainan_" + kind, corp=True)
            own = self.open(p, self.bank_for(reg), reg, self.old_open(1, 12), "hainan_merchant_owner")
            merch.append((m, own))
            for _ in range(r.randint(20, 70)):
                day = r.choice([GOLDEN + r.randint(0, 6), SPRING + r.randint(-3, 10), r.randint(60, DAYS - 1),
                                r.randint(0, DAYS - 1)])
                payer = self.pooled("tourist", VICTIM_REG + NORTHEAST, "tourist_elsewhere", reuse=0.2, wallet=0.6)
                self.pay(self.at(min(day, DAYS - 1), "evening"), payer, m,
                         self.fen(self.ln(900 if kind != "car_rental" else 2500, 0.9, 30, 30000)), "mobile", reg)
            d = 0
            while d < DAYS:
                d += r.randint(3, 10)
                if d < DAYS:
                    self.pay(T0 + d * DAY + 3 * HOUR, m, own, self.fen(self.ln(12000, 0.7, 500, 150000)), "other", reg,
                             memo="结算")
        sanya_ll = []
        for _ in range(max(10, self.P["snowbirds"] // 6)):
            reg = self.region("sanya")
            p = self.person(reg if r.random() < 0.5 else self.wc(NORTHEAST), reg, 1955, 1985, "sanya_winter_landlord")
            sanya_ll.append(self.open(p, self.wc([("HNRCU", 4), ("ICBC", 2), ("CCB", 2), ("HNBANK", 2)]), reg,
                                      self.old_open(1, 10), "sanya_winter_landlord"))
        for _ in range(self.P["snowbirds"]):
            home = self.wc(NORTHEAST)
            reg = self.region(r.choice(["sanya", "sanya", "hainan", "haikou"]))
            p = self.person(home, reg, 1945, 1965, "snowbird_retiree")
            homeacct = self.open(p, self.bank_for(home), home, self.old_open(5, 25), "snowbird_home_card")
            hn = None
            if r.random() < 0.45:
                hn = self.open(p, self.wc([("HNRCU", 3), ("ICBC", 3), ("CCB", 2)]), reg, self.old_open(1, 10),
                               "snowbird_hainan_card")
            arrive = r.randint(35, 80)
            self.pay(self.at(arrive + r.randint(0, 5)), hn or homeacct, r.choice(sanya_ll),
                     self.fen(self.ln(12000, 0.4, 4000, 40000), 100), "mobile", reg, memo=r.choice(["房租", "", "租金"]))
            src = hn or homeacct
            if hn:
                self.pay(self.at(arrive - r.randint(0, 3)), homeacct, hn, self.fen(self.ln(20000, 0.6, 5000, 100000), 1000),
                         "mobile", home)
            for k in range(r.randint(2, 8)):
                self.withdraw(self.at(arrive + r.randint(0, DAYS - arrive - 1)), src,
                              self.fen(r.choice([1000, 2000, 2500, 3000]), 100), reg)
            for k in range(r.randint(2, 6)):
                m, _ = r.choice(merch)
                self.pay(self.at(arrive + r.randint(0, DAYS - arrive - 1)), src, m,
                         self.fen(self.ln(150, 0.8, 10, 3000)), "mobile", m.region)

    # ---------------------------------------------------------------- quiet account holders
    def gen_dormant(self):
        """People whose cards mostly sleep: old accounts at several banks, a few transfers a season."""
        r = self.r
        self.dormant = []
        for _ in range(self.P["dormant"]):
            city = self.wc(CITY_W)
            reg = self.region(city)
            p = self.person(reg if r.random() < 0.8 else self.wc(MIGRANT_HOME), reg, 1950, 2004, "quiet_holder")
            for i in range(self.wc([(1, 5), (2, 3), (3, 1)])):
                self.open(p, self.bank_for(reg), reg, self.old_open(0.5, 20), "quiet_old_account")
            self.dormant.append(p)
            for _ in range(self.wc([(0, 3), (1, 3), (2, 2), (3, 1), (5, 1)])):
                a = r.choice(p.accts)
                x = r.random()
                d = r.randrange(DAYS)
                if x < 0.3:
                    self.withdraw(self.at(d), a, self.fen(r.choice([100, 200, 500, 1000]), 100), reg)
                elif x < 0.55:
                    self.spend(a, city, d, 1)
                elif x < 0.8:
                    self.pay(self.at(min(DAYS - 1, SPRING + r.randint(-5, 3))), self.family_acct(p, self.wc(VICTIM_REG)),
                             a, self.fen(r.choice([200, 500, 600, 800, 1000, 2000])), "mobile", reg, memo="红包")
                else:
                    q = r.choice(self.dormant)
                    self.pay(self.at(d, "evening"), a, q.accts[0], self.fen(self.ln(300, 1.0, 10, 20000)), "mobile", reg,
                             memo=r.choice(MEMO_L))

    # ---------------------------------------------------------------- pooling, big first payments, relocators, new firms
    def gen_life_events(self):
        r = self.r
        P = self.P
        base = self.residents + self.retirees + self.workers
        for _ in range(P["pooling"]):
            p = r.choice(base)
            tgt = p.accts[0]
            city = city_of(tgt.region) or "xiamen"
            d = r.randint(5, DAYS - 10)
            if r.random() < 0.4:
                d = SPRING + r.randint(-20, 10)
            total = 0
            for _ in range(r.randint(3, 6)):
                q = r.choice(base)
                amt = self.ln(40000, 0.8, 5000, 300000)
                total += amt
                src = r.choice(q.accts) if r.random() < 0.6 else self.ext_person_acct(self.wc(VICTIM_REG), "relative_elsewhere")
                self.pay(self.at(d + r.randint(0, 4)), src, tgt, self.fen(amt, 100), "mobile", tgt.region,
                         memo=r.choice(["", "凑首付", "借款", "彩礼"]))
            self.pay(self.at(d + r.randint(5, 8), "office"), tgt, r.choice(self.big_sellers[city]),
                     self.fen(total * r.uniform(0.85, 1.0), 1000), "counter", tgt.region, memo=r.choice(["首付", "定金", "购房款"]))
        for _ in range(P["bigfirst"]):
            p = r.choice(base)
            reg = p.accts[0].region
            city = city_of(reg) or "xiamen"
            d = r.randint(2, DAYS - 3)
            b = self.bank_for(reg)
            new = self.open(p, b, reg, T0 + d * DAY + 9 * HOUR + r.randrange(5 * HOUR), "new_account_big_first_payment")
            amt = self.ln(120000, 0.6, 30000, 800000)
            t = new.opened + r.randint(HOUR, 20 * HOUR)
            self.pay(t, r.choice(p.accts[:-1]), new, self.fen(amt, 1000), "mobile", reg)
            self.pay(t + r.randint(600, 30 * HOUR), new, r.choice(self.big_sellers[city]),
                     self.fen(amt * r.uniform(0.7, 1.0), 1000), "counter", reg, memo=r.choice(["购车款", "定金", "首付"]))
        for _ in range(P["relocators"]):
            home = self.wc(VICTIM_REG)
            city = r.choice(["xiamen", "fuzhou", "quanzhou", "wenzhou", "haikou", "sanya"])
            reg = self.region(city)
            p = self.person(home, reg, 1975, 2002, "relocator_new_job")
            old = self.open(p, self.bank_for(home), home, self.old_open(2, 15), "relocator_home_card")
            d = r.randint(0, DAYS - 40)
            for i in range(r.randint(2, 4)):
                self.open(p, self.bank_for(reg), reg, T0 + (d + r.randint(0, 10)) * DAY + self.tod("office"),
                          "relocator_new_account", cls="I" if i == 0 else "II")
            news = sorted(p.accts[1:], key=lambda x: x.opened)
            emp = r.choice(self.offices[city])
            ll = self.landlord_in(city)
            self.pay(news[0].opened + r.randint(HOUR, 2 * DAY), old, news[0], self.fen(self.ln(15000, 0.5, 3000, 60000), 100),
                     "mobile", reg)
            sal = self.ln(10000, 0.4, 5000, 40000)
            for m in range(6):
                dd = MSTART[m] + 10
                if T0 + dd * DAY < news[0].opened + 5 * DAY:
                    continue
                self.pay(T0 + dd * DAY + 10 * HOUR, emp, news[0], self.fen(sal), "other", emp.region, memo="工资")
                self.pay(self.at(MSTART[m] + r.randint(0, 4), "evening"), news[0], ll, self.fen(self.ln(2500, 0.3, 1000, 6000), 100),
                         "mobile", reg, memo="房租")
                self.spend(news[-1], city, MSTART[m], r.randint(1, 4))
                if len(news) > 1:
                    self.pay(self.at(dd + 1), news[0], news[-1], self.fen(sal * 0.3, 100), "mobile", reg)
        for _ in range(P["newcorps"]):
            reg = self.wc(MANUF + [("350203", 3), ("330302", 2), ("460108", 2)])
            code = self.uscc(reg)
            owner = r.choice(self.residents)
            d = r.randint(0, DAYS - 30)
            accs = []
            for i in range(r.randint(2, 4)):
                b = self.bank_for(reg)
                accs.append(self.open(code, b, reg, T0 + (d + r.randint(0, 7)) * DAY + self.tod("office"),
                                      "new_company_multibank", corp=True))
            accs.sort(key=lambda x: x.opened)
            self.pay(accs[0].opened + r.randint(HOUR, 3 * DAY), owner.accts[0], accs[0],
                     self.fen(self.ln(300000, 0.7, 50000, 3000000), 10000), "online", reg, memo="注资")
            for a in accs[1:]:
                self.pay(a.opened + r.randint(DAY, 5 * DAY), accs[0], a, self.fen(self.ln(50000, 0.6, 5000, 500000), 1000),
                         "online", reg)
            for _ in range(r.randint(4, 20)):
                if r.random() < 0.5:
                    payer = self.pooled("domestic_buyer_corp", BUYER_REG, "domestic_buyer", reuse=0.5, wallet=0.0)
                    self.pay(accs[0].opened + r.randint(5 * DAY, 60 * DAY), payer, r.choice(accs),
                             self.fen(self.ln(40000, 0.8, 2000, 500000)), "online", payer.region, memo="货款")
                else:
                    self.pay(accs[0].opened + r.randint(5 * DAY, 60 * DAY), r.choice(accs), r.choice(self.employers),
                             self.fen(self.ln(30000, 0.8, 2000, 300000)), "online", reg, memo="货款")

    # ================================================================= fraud side
    def build_fraud_actors(self):
        r = self.r
        P = self.P
        # U商 / USDT OTC dealers: several accounts each, lawful-looking OTC trades with many strangers
        self.dealers = []
        for _ in range(P["dealers"]):
            inreg = r.random() < 0.6
            reg = self.region(r.choice(["xiamen", "fuzhou", "wenzhou", "quanzhou", "haikou"])) if inreg \
                else self.wc(GANG_OPS[:4] + [("440106", 2), ("310115", 1)])
            p = self.person(reg if r.random() < 0.6 else self.wc(FARMER_HOME), reg, 1980, 2002, "usdt_dealer")
            for _ in range(r.randint(2, 4)):
                a = self.open(p, self.bank_for(reg), reg, self.old_open(0.3, 6), "usdt_otc_dealer")
                a.role = "ushang"
            self.dealers.append(p)
            pool = self.residents + self.students_list()
            for _ in range(r.randint(20, 60)):
                cp = r.choice(pool).accts[0] if r.random() < 0.4 else \
                    self.pooled("crypto_trader", VICTIM_REG + BUYER_REG, "crypto_trader_elsewhere", reuse=0.3, wallet=0.1)
                amt = self.fen(self.ln(15000, 0.9, 500, 300000), 1)
                t = self.at(r.randrange(DAYS), "any")
                if r.random() < 0.6:
                    self.pay(t, cp, r.choice(p.accts), amt, "mobile", cp.region, memo=r.choice(["", "", "货款"]))
                else:
                    self.pay(t, r.choice(p.accts), cp, amt, "mobile", reg, memo="")
        # 跑分 participants: ordinary people (with lawful lives) renting out their accounts
        self.paofen = []
        cands = self.students_list() + [p for p in self.workers] + [p for p in self.residents]
        for i in range(P["paofen"]):
            if r.random() < 0.65:
                p = r.choice(cands)
                a = p.accts[0]
                if a.role != "lawful":
                    continue
                a.arch = "paofen_" + a.arch
            else:
                reg = self.wc(VICTIM_REG + MIGRANT_HOME)
                a = self.ext_person_acct(reg, "paofen_elsewhere", 1985, 2005, wallet=0.3)
            a.role = "paofen"
            s = T0 + r.randrange(DAYS - 5) * DAY
            a.wins.append((s, s + r.randint(3, 40) * DAY))
            self.paofen.append(a)
        # card farmers
        for i in range(P["farmers"]):
            local = r.random() < 0.3
            home = self.region(r.choice(["putian", "zhangzhou", "ningde", "wenzhou"])) if local else self.wc(FARMER_HOME)
            p = self.person(home, home, 1975, 2004, "card_farmer")
            self.farmers.append(p)
            start = r.randint(-45, 150)
            span = r.randint(4, 20)
            ncity = r.randint(2, 5)
            cities = r.sample([c for c, _ in CITY_W], ncity)
            for c in cities:
                reg = self.region(c)
                cday = start + r.randint(0, span)
                banks = []
                for k in range(r.randint(3, 9)):
                    b = self.bank_for(reg)
                    if b in banks:
                        b = self.bank_for(reg)
                    banks.append(b)
                    t = T0 + (cday + r.randint(0, 2)) * DAY + self.tod("office")
                    a = self.open(p, b, reg, t, "farmed_card", cls="II" if r.random() < 0.6 else "I")
                    a.farmer = 1
                    a.role = "farmer_card"
                    self.farm_stock.append(a)
                    if r.random() < 0.35:
                        self.deposit(t + r.randint(60, 1800), a, self.fen(r.choice([1, 10, 20, 50, 100])), reg)
            if r.random() < 0.4:   # some cards opened outside 闽海 too (no rows)
                for k in range(r.randint(2, 6)):
                    reg = self.wc(FARMER_HOME)
                    a = self.open(p, self.bank_for(reg), reg, T0 + (start + r.randint(0, span)) * DAY + self.tod("office"),
                                  "farmed_card", cls="II")
                    a.farmer = 1
                    a.role = "farmer_card"
                    self.farm_stock.append(a)
        self.farm_stock.sort(key=lambda a: (a.opened, a.id))
        # gangs
        self.gangs = []
        sw = P["scam_w"]
        for g in range(P["gangs"]):
            G = Gang()
            G.name = "G%d" % (g + 1)
            G.ops = self.wc(GANG_OPS)
            G.cash = [self.wc(GANG_OPS) for _ in range(2)] + [G.ops]
            G.cash_local = P["cash_local"]
            ids = sorted(SCAMS)
            if sw:
                G.scams = [(k, sw.get(k, 0.3)) for k in ids]
            else:
                pick = r.sample(ids, 3)
                G.scams = [(k, SCAMS[k][0] * (4 if k in pick else 0.3)) for k in ids]
            G.start = r.randint(0, 70)
            G.end = min(DAYS, G.start + r.randint(70, 170))
            G.pools = {1: [], 2: [], 3: [], 4: [], 5: [], 6: []}
            G.depth = P["depth"]
            G.dealers = r.sample(self.dealers, min(4, len(self.dealers)))
            G.gold = [self.ext_person_acct(G.ops, "gold_shop_guangdong", wallet=0.0) for _ in range(2)]
            self.gangs.append(G)

    def students_list(self):
        return [p for p in self.persons if p.kind == "student"]

    # ---------------------------------------------------------------- mule acquisition
    def life(self):
        lo, hi = self.P["life"]
        return int(self.r.uniform(lo, hi) * DAY)

    def mule_for(self, G, depth, t, big=False):
        r = self.r
        pool = G.pools[min(depth, 6)]
        ok = [a for a in pool if a.wins and a.wins[-1][0] <= t <= a.wins[-1][1] and a.opened < t - HOUR]
        if ok and (r.random() < 0.85 or len(ok) > 4):
            if big:
                ok1 = [a for a in ok if a.cls != "II"]
                if ok1:
                    return r.choice(ok1)
            return r.choice(ok)
        if depth == 1:
            how = self.wc(self.P["l1_mix"])
        else:
            how = self.wc([("ext", 50), ("new", 15), ("old", 15), ("farm", 8), ("rent", 5)] if self.v != "slowtide"
                          else [("ext", 35), ("new", 8), ("old", 30), ("farm", 5), ("rent", 20)])
        a = None
        if how == "farm":
            for c in self.farm_stock:
                if not c.sold and c.opened < t - 5 * DAY and c.opened > t - 120 * DAY:
                    a = c
                    break
            if a is not None:
                a.sold = True
                a.role = "mule"
                a.arch = "farmed_card_sold"
            else:
                how = "new"
        if how in ("old", "rent"):
            cands = self.residents if r.random() < 0.4 else self.workers if r.random() < 0.5 else \
                self.students_list()
            for _ in range(10):
                p = r.choice(cands)
                c = r.choice(p.accts)
                if c.role == "lawful" and c.opened < t - 200 * DAY and c.cls != "corp":
                    a = c
                    break
            if a is not None:
                a.role = "mule"
                if how == "old":
                    a.arch = "bought_old_account(" + a.arch + ")"
                    a.lend = t - r.randint(1, 20) * DAY
                else:
                    a.arch = "rented_old_account(" + a.arch + ")"
            else:
                how = "new"
        if how == "new":
            city = self.wc(CITY_W)
            reg = self.region(city)
            home = reg if r.random() < 0.6 else self.wc(MIGRANT_HOME + FARMER_HOME)
            p = self.person(home, reg, 1978, 2006, "card_seller")
            opened = t - int(r.uniform(1, 25) * DAY)
            opened = opened - (opened - T0) % DAY + self.tod("office") if opened > T0 else opened
            if opened >= t - HOUR:
                opened = t - 2 * DAY
            a = self.open(p, self.bank_for(reg), reg, opened, "sold_new_card",
                          cls="I" if big or r.random() < 0.5 else "II")
            a.role = "mule"
            if r.random() < 0.3 and opened > T0:
                self.deposit(opened + r.randint(60, 3600), a, self.fen(r.choice([10, 50, 100, 200])), reg)
        if how == "ext":
            reg = self.wc(VICTIM_REG + GANG_OPS + MIGRANT_HOME)
            a = self.ext_person_acct(reg, "mule_elsewhere", 1975, 2005, wallet=0.05)
            a.role = "mule"
            if a.row:        # an ICBC/CCB account outside 闽海 still has no row; a local bank would
                a.arch = "mule_elsewhere_row"
        a.wins.append((t, t + self.life()))
        a.gang = G.name
        a.depth = min(a.depth, depth)
        pool.append(a)
        return a

    # ---------------------------------------------------------------- money movement (event driven)
    def hold(self, kind):
        med_h, sig = self.P["hold"]
        if kind == "paofen":
            med_h = med_h * 0.3
        if kind == "cash":
            med_h = med_h * 3
        return int(self.r.lognormvariate(0, sig) * med_h * HOUR) + self.r.randint(30, 240)

    def fraud_time(self, t):
        """Gang-side transfer time: mostly as is; in careful variants pushed into business hours."""
        if self.P["night"] < 0.1:
            h = ((t - T0) % DAY) // HOUR
            if h < 8 or h >= 22:
                t = t - (t - T0) % DAY + DAY * (1 if h >= 22 else 0) + 8 * HOUR + self.r.randrange(4 * HOUR)
        return t

    def arrive(self, t, acct, fen, cases, depth, G):
        for c in cases:
            acct.cases[c] = 1
        if acct.pend is not None and acct.pend[0] >= t and acct.role in ("mule", "paofen"):
            acct.pend[1] += fen
            for c in cases:
                if c not in acct.pend[2]:
                    acct.pend[2].append(c)
            return
        kind = "paofen" if acct.role == "paofen" else "ushang" if acct.role == "ushang" else "mule"
        s = self.fraud_time(t + self.hold(kind))
        acct.pend = [s, fen, list(cases), depth, G]
        self.seq += 1
        heapq.heappush(self.heap, (s, self.seq, acct))

    def fkind(self, src, dst):
        if src is not None and src.role == "paofen" or dst is not None and dst.role == "paofen":
            return "paofen"
        if dst is not None and dst.role == "ushang" or src is not None and src.role == "ushang":
            return "ushang"
        return "layering"

    def sweep(self, s, acct):
        r = self.r
        s0, fen, cases, depth, G = acct.pend
        acct.pend = None
        cases = tuple(cases[:12])
        region = G.ops if r.random() < self.P["op_region"] else acct.region
        if acct.role == "ushang":
            # dealer passes the RMB to its own other accounts or an upstream dealer
            p = acct.person
            others = [a for a in p.accts if a is not acct] if p else []
            dst = r.choice(others) if others and r.random() < 0.6 else self.dealer_upstream()
            self.pay(s, acct, dst, fen, "mobile", acct.region, fk="ushang", cases=cases)
            return
        if acct.role == "paofen":
            keep = int(fen * r.uniform(0.005, 0.03))
            fen -= keep
        elif r.random() < 0.3:
            keep = int(fen * r.uniform(0.0, 0.02))
            fen -= keep
        dmin, dmax = G.depth
        terminal = depth >= dmax or (depth >= dmin and r.random() < 0.5)
        if acct.role == "paofen":
            terminal = False
        if not terminal:
            k = self.wc([(1, 3), (2, 4), (3, 3), (4, 1)]) if fen > 500000 else self.wc([(1, 5), (2, 3)])
            if self.v == "slowtide":
                k = self.wc([(1, 2), (2, 4), (3, 3), (4, 2)])
            parts = self.split(fen, k)
            t = s
            for part in parts:
                if r.random() < 0.12 and self.paofen:
                    ok = [a for a in self.paofen if a.wins[-1][0] <= t <= a.wins[-1][1] and a.opened < t - HOUR]
                    dst = r.choice(ok) if ok else self.mule_for(G, depth + 1, t, part > 5000000)
                else:
                    dst = self.mule_for(G, depth + 1, t, part > 5000000)
                if dst is acct:
                    continue
                ndepth = depth if dst.role == "paofen" else depth + 1
                self.pay(t, acct, dst, part, r.choice(["mobile", "mobile", "online"]), region,
                         memo=r.choice(["", "", "", "货款", "还款"]), fk=self.fkind(acct, dst), cases=cases)
                self.arrive(t, dst, part, cases, ndepth, G)
                t += r.randint(20, 600) if self.v != "slowtide" else r.randint(600, 6 * HOUR)
            return
        how = self.wc(self.P["term"])
        if how == "ushang":
            dealer = r.choice(G.dealers)
            dst = r.choice(dealer.accts)
            self.pay(s, acct, dst, fen, "mobile", region, fk="ushang", cases=cases)
            self.arrive(s, dst, fen, cases, depth + 1, G)
        elif how == "sink":
            dst = self.pooled("sink:" + G.name, [(G.ops, 1)], "gang_collection_elsewhere", reuse=0.7, wallet=0.0)
            dst.role = "mule"
            dst.gang = G.name
            dst.depth = min(dst.depth, depth + 1)
            for c in cases:
                dst.cases[c] = 1
            self.pay(s, acct, dst, fen, "online", region, fk="layering", cases=cases)
        else:
            self.cashout(s, acct, fen, cases, G)

    def split(self, fen, k):
        if k <= 1:
            return [fen]
        r = self.r
        cuts = sorted(r.random() for _ in range(k - 1))
        parts = []
        prev = 0.0
        for c in cuts + [1.0]:
            parts.append((c - prev))
            prev = c
        out = []
        left = fen
        for i, w in enumerate(parts[:-1]):
            v = int(fen * (0.15 + 0.7 * w) / (0.15 * k + 0.7))
            if r.random() < 0.5:
                v = max(100, v // 10000 * 10000 - r.choice([0, 0, 20000, 10000]))
            v = min(v, left - 100 * (k - i - 1))
            if v <= 0:
                continue
            out.append(v)
            left -= v
        if left > 0:
            out.append(left)
        return out

    def cashout(self, s, acct, fen, cases, G):
        r = self.r
        local = r.random() < G.cash_local
        if local:
            city = self.wc(CITY_W)
            place = self.region(city)
            if place == acct.region:
                place = self.region("fuzhou" if city != "fuzhou" else "xiamen")
        else:
            place = r.choice(G.cash)
        if r.random() < 0.15 and not local:
            self.pay(s, acct, r.choice(G.gold), fen, "pos", place, memo="", fk="cashout", cases=cases)
            return
        limit = 1000000 if acct.cls == "II" else 2000000
        t = s
        left = fen
        day_used = 0
        day_start = t
        while left >= 10000:
            op = min(left, r.choice([200000, 250000, 300000, 500000]))
            op = op // 10000 * 10000
            if day_used + op > limit:
                # next day, maybe at another ATM
                t = day_start + DAY + r.randint(-3 * HOUR, 3 * HOUR)
                day_start = t
                day_used = 0
                if r.random() < 0.3:
                    place = r.choice(G.cash) if not local else place
                continue
            ch = "atm" if op <= 500000 or r.random() < 0.7 else "counter"
            self.withdraw(t, acct, op, place, ch, fk="cashout", cases=cases)
            day_used += op
            left -= op
            t += r.randint(40, 400)
            if t >= TEND:
                break

    def dealer_upstream(self):
        return self.pooled("usdt_upstream", GANG_OPS + [("440106", 2)], "usdt_upstream_dealer", reuse=0.8, wallet=0.0)

    def gen_fraud(self):
        r = self.r
        P = self.P
        self.heap = []
        inreg_pool = self.residents + self.retirees + self.students_list() + self.workers
        vic_events = []
        for i in range(P["victims"]):
            G = r.choice(self.gangs)
            scam = self.wc(G.scams)
            w, (n0, n1), lo, hi, spread = SCAMS[scam]
            d = r.randint(G.start, G.end - 1)
            t = self.at(d, "day")
            if r.random() < P["inregion_victim"]:
                src = None
                for _ in range(20):
                    c = r.choice(inreg_pool).accts[0]
                    if c.role == "lawful" and c.lend > t + 30 * DAY and c.opened < t - DAY:
                        src = c
                        break
                if src is None:
                    src = self.ext_person_acct(self.wc(VICTIM_REG), "victim_elsewhere", 1950, 2004, wallet=0.15)
                elif "victim" not in src.arch:
                    src.arch = "victim_local(" + src.arch + ")"
                vreg = src.region
            else:
                vreg = self.wc(VICTIM_REG)
                src = self.ext_person_acct(vreg, "victim_elsewhere", 1950, 2004, wallet=0.15)
            case = len(self.cases)
            self.cases.append({"victim": src, "scam": scam, "reported": r.random() < P["report"], "gang": G.name})
            n = r.randint(n0, n1)
            amt = self.ln((lo * hi) ** 0.5 * 0.6, 0.6, lo, hi)
            for k in range(n):
                if scam == "brushing":
                    a = self.fen(min(hi, lo * (2.5 ** k) * r.uniform(0.8, 1.6)), 1 if k < 2 else 100)
                else:
                    a = self.fen(amt * (1 + 0.5 * k) * r.uniform(0.7, 1.3), r.choice([1, 100, 1000]))
                vic_events.append((t, case, src, a, G, scam, vreg, k))
                t += int(r.uniform(0.2, 1.0) * max(spread, 0.02) * DAY / max(1, n - 1)) + r.randint(120, 1800)
                if t >= TEND:
                    break
        vic_events.sort(key=lambda e: (e[0], e[1], e[7]))
        last_l1 = {}
        for t, case, src, a, G, scam, vreg, k in vic_events:
            prev = last_l1.get(case)
            if prev is not None and prev.wins[-1][0] <= t <= prev.wins[-1][1] and r.random() < 0.7:
                dst = prev
            else:
                dst = self.mule_for(G, 1, t, a > 1000000)
            last_l1[case] = dst
            ch = "atm" if scam in ("police_gov", "subsidy_refund", "phone_bill") and r.random() < 0.4 else \
                r.choice(["mobile", "mobile", "online", "counter"]) if scam == "police_gov" else "mobile"
            self.pay(t, src, dst, a, ch, vreg, memo=r.choice(MEMO_V), fk="victim_payment", cases=(case,))
            self.arrive(t, dst, a, (case,), 1, G)
            if scam == "brushing" and k == 0 and r.random() < 0.6:
                rb = self.mule_for(G, 1, t)
                self.pay(t + r.randint(300, 1800), rb, src, self.fen(a / 100 * r.uniform(1.05, 1.3)), "mobile",
                         G.ops, memo=r.choice(["返佣", "佣金", ""]), fk="layering", cases=(case,))
            while self.heap and self.heap[0][0] <= t:
                s, _, acct = heapq.heappop(self.heap)
                if acct.pend is not None and acct.pend[0] == s:
                    self.sweep(s, acct)
        while self.heap:
            s, _, acct = heapq.heappop(self.heap)
            if acct.pend is not None and acct.pend[0] == s:
                self.sweep(s, acct)

    # ================================================================= assemble
    def build(self):
        self.build_corps()
        self.build_shops()
        self.gen_workers()
        self.gen_residents()
        self.gen_students()
        self.gen_retirees()
        self.gen_shop_flows()
        self.gen_fishing()
        self.gen_tea()
        self.gen_exporters()
        self.gen_qiaohui()
        self.gen_hainan()
        self.gen_life_events()
        self.gen_dormant()
        self.build_fraud_actors()
        self.gen_fraud()
        self.finish()

    def finish(self):
        r = self.r
        kept = []
        for rec in self.tx:
            t, _, a, b, fen = rec[0], rec[1], rec[2], rec[3], rec[4]
            if t >= TEND or t < T0:
                continue
            ok = True
            for x in (a, b):
                if x is None:
                    continue
                if x.opened >= t:
                    ok = False
                if not rec[10] and not x.lend > t:
                    ok = False
            if a is b:
                ok = False
            if not ok:
                continue
            vis = False
            for x in (a, b):
                if x is not None and x.row and SUPPLY[x.bank] <= t:
                    vis = True
            if vis:
                kept.append(rec)
        kept.sort(key=lambda rec: (rec[0], rec[1]))
        self.kept = kept
        # a 跑分 participant whose account never carried a stranger's money stays a lawful account
        moved = {}
        for rec in self.tx:
            if rec[10]:
                for x in (rec[2], rec[3]):
                    if x is not None:
                        moved[x.id] = 1
        for a in self.paofen:
            if a.role == "paofen" and a.id not in moved:
                a.role = "lawful"
                a.arch = a.arch[len("paofen_"):] if a.arch.startswith("paofen_") else a.arch
        # balances: opening_balance = savings cushion + the deficit the data would otherwise show
        bal = {}
        low = {}
        for rec in kept:
            a, b, fen = rec[2], rec[3], rec[4]
            if a is not None and a.row:
                bal[a.id] = bal.get(a.id, 0) - fen
                if bal[a.id] < low.get(a.id, 0):
                    low[a.id] = bal[a.id]
            if b is not None and b.row:
                bal[b.id] = bal.get(b.id, 0) + fen
        self.present = {}
        for rec in kept:
            for x in (rec[2], rec[3]):
                if x is not None and x.id not in self.present:
                    self.present[x.id] = x
        self.opening = {}
        for a in self.accts:
            if not a.row:
                continue
            cushion = 0
            if a.opened < T0 and a.role in ("lawful", "paofen", "ushang") or "old_account" in a.arch:
                cushion = self.fen(self.ln(3000, 1.3, 0, 500000)) if a.cls != "corp" else self.fen(self.ln(200000, 1.0, 0, 5e6))
                if a.opened < T0 and r.random() < 0.15:
                    cushion = 0
            self.opening[a.id] = cushion - low.get(a.id, 0)
        # labels
        fraud_acc = [a for a in self.accts if a.role in ("mule", "paofen", "ushang") and
                     (a.row or a.id in self.present)]
        fraud_acc.sort(key=lambda a: a.id)
        self.lab_tx = []
        for rec in kept:
            if rec[10] == "victim_payment":
                c = self.cases[rec[11][0]]
                if c["reported"] and r.random() < 0.9:
                    self.lab_tx.append(rec)
        self.lab_acct = {}
        cf = self.P["confirm"]
        for a in fraud_acc:
            rep = any(self.cases[c]["reported"] for c in sorted(a.cases))
            if a.role == "ushang":
                p = 0.3 if rep and a.cases else 0.04
            elif a.role == "paofen":
                p = 0.35 if rep else 0.05 if a.cases else 0.0
            else:
                p = (0.72 if a.depth <= 1 else 0.45 if a.depth == 2 else 0.3) if rep else 0.06 if a.cases else 0.0
            if r.random() < p * cf:
                self.lab_acct[a.id] = a
        self.lab_holder = {}
        for p in self.farmers:
            known = any(a.id in self.lab_acct for a in p.accts)
            if r.random() < (0.6 if known else 0.2):
                self.lab_holder[p.pid] = p

    # ================================================================= output
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        rows = sorted([a for a in self.accts if a.row], key=lambda a: a.id)
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance"])
            for a in rows:
                ob = self.opening.get(a.id, 0)
                w.writerow([a.id, a.bank, a.holder, iso(a.opened), a.region, a.cls, "%d.%02d" % (ob // 100, ob % 100)])
        self.txid = {}
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo", "cross_border"])
            for i, rec in enumerate(self.kept):
                tid = "MH%s%07d" % (self.v[0].upper(), i + 1)
                self.txid[rec[1]] = tid
                fen = rec[4]
                w.writerow([tid, iso(rec[0]), rec[2].id if rec[2] else "", rec[3].id if rec[3] else "",
                            "%d.%02d" % (fen // 100, fen % 100), "CNY", rec[5], rec[6], rec[7], rec[8],
                            "true" if rec[9] else "false"])
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for rec in self.lab_tx:
                w.writerow(["transfer", self.txid[rec[1]], "fraud"])
            for aid in self.lab_acct:
                w.writerow(["account", aid, "mule"])
            for pid in self.lab_holder:
                w.writerow(["holder", pid, "card_farmer"])
        if not truth:
            return
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                        "labelled", "farmer_labelled", "extract_start"])
            for b in sorted(SUPPLY):
                w.writerow(["institution", b, b, "", "", "", "", "", "", "", "", iso(SUPPLY[b])])
            allacc = {a.id: a for a in rows}
            for aid, a in self.present.items():
                allacc[aid] = a
            for aid in sorted(allacc):
                a = allacc[aid]
                w.writerow(["account", a.id, a.bank, a.holder, 1 if a.row else 0, a.role, a.arch, a.farmer,
                            iso(a.opened), 1 if a.id in self.lab_acct else 0,
                            1 if a.holder in self.lab_holder else 0, iso(SUPPLY[a.bank]) if a.row else ""])
        with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "kind"])
            for rec in self.kept:
                if rec[10]:
                    w.writerow([self.txid[rec[1]], rec[10]])

    def stats(self):
        rows = [a for a in self.accts if a.row]
        present = dict(self.present)
        for a in rows:
            present[a.id] = a
        roles = {}
        roles_row = {}
        for aid in sorted(present):
            a = present[aid]
            roles[a.role] = roles.get(a.role, 0) + 1
            if a.row:
                roles_row[a.role] = roles_row.get(a.role, 0) + 1
        kinds = {}
        for rec in self.kept:
            if rec[10]:
                kinds[rec[10]] = kinds.get(rec[10], 0) + 1
        fr = [present[k] for k in sorted(present) if present[k].role in ("mule", "paofen", "ushang")]
        fr_row = [a for a in fr if a.row]
        lab_row = sum(1 for a in fr_row if a.id in self.lab_acct)
        vp = kinds.get("victim_payment", 0)
        farmers_with_rows = sum(1 for p in self.farmers if any(a.row for a in p.accts))
        lines = [
            "variant=%s" % self.v,
            "accounts_with_rows=%d accounts_in_data=%d transfers=%d" % (len(rows), len(present), len(self.kept)),
            "roles(all in data)=%s" % ",".join("%s:%d" % (k, roles[k]) for k in sorted(roles)),
            "roles(with rows)=%s" % ",".join("%s:%d" % (k, roles_row[k]) for k in sorted(roles_row)),
            "fraud_accounts_with_rows=%d labelled=%d (%.1f%%); labelled_all=%d" % (
                len(fr_row), lab_row, 100.0 * lab_row / max(1, len(fr_row)), len(self.lab_acct)),
            "fraud_transfers=%s" % ",".join("%s:%d" % (k, kinds[k]) for k in sorted(kinds)),
            "victim_payments=%d reported=%d (%.1f%%) cases=%d" % (vp, len(self.lab_tx), 100.0 * len(self.lab_tx) / max(1, vp),
                                                                 len(self.cases)),
            "card_farmers=%d (with rows %d) labelled=%d farmed_cards_with_rows=%d sold=%d" % (
                len(self.farmers), farmers_with_rows, len(self.lab_holder),
                sum(1 for a in rows if a.farmer), sum(1 for a in rows if a.farmer and a.role == "mule")),
        ]
        return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="闽海 synthetic counter-fraud evaluation world (fanzha format v1)")
    ap.add_argument("--variant", default="baseline", choices=VARIANTS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="minhai_out")
    ap.add_argument("--stats", action="store_true", help="print counts to stderr")
    ap.add_argument("--truth", action="store_true", help="also write truth.csv and truth_transfers.csv")
    args = ap.parse_args(argv)
    t0 = _time.time()
    w = World(args.variant, args.seed)
    w.build()
    w.write(args.out, args.truth)
    if args.stats:
        sys.stderr.write(w.stats() + "\nseconds=%.1f\n" % (_time.time() - t0))


if __name__ == "__main__":
    main()
