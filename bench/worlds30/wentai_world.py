#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""wentai_world.py -- an independent synthetic evaluation world for fanzha.

Southern Zhejiang (Wenzhou, Taizhou, Jinhua/Yiwu, Lishui/Qingtian): the region's own lawful money
(Yiwu traders and buyers' agents, 标会 rotating credit circles, private lending, 侨汇 overseas
remittances, workshops paying piece-rate workers on personal cards, live-streaming sellers and their
refunds, Hengdian film crews, people with many cards, big first payments) next to telecom-fraud money
(victims from across China, mule accounts fresh / weeks old / old rented or sold, layering over several
banks and provinces, 跑分, U商, ATM and counter cash-out far away, card farmers).

Written from three documents only (domain notes, seed essays, the interchange format).  Standard
library only; output depends only on (variant, seed).

    python3 wentai_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
"""
import argparse
import calendar
import csv
import heapq
import math
import os
import random
import sys
import time

# --------------------------------------------------------------------------------------------------
# calendar (all times are epoch seconds; written as +08:00)
# --------------------------------------------------------------------------------------------------
TZ = 8 * 3600
DAY = 86400
HOUR = 3600
MIN = 60


def at(y, m, d, hh=0, mm=0, ss=0):
    return calendar.timegm((y, m, d, hh, mm, ss, 0, 0, 0)) - TZ


def rfc(t):
    g = time.gmtime(t + TZ)
    return "%04d-%02d-%02dT%02d:%02d:%02d+08:00" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)


SIM_START = at(2024, 1, 1)          # simulation (and balance) clock starts; nothing before is ever written
DATA_END = at(2024, 7, 1)           # exclusive
NDAYS = (DATA_END - SIM_START) // DAY
CNY_DAY = (at(2024, 2, 10) - SIM_START) // DAY      # 春节 2024-02-10
LANTERN_DAY = (at(2024, 2, 24) - SIM_START) // DAY  # 元宵
MONTH = [0, 31, 60, 91, 121, 152, 182]               # first day of Jan..Jul 2024 (simulation days)


def day0(d):
    """epoch second of local midnight of simulation day d"""
    return SIM_START + d * DAY


def yuan(fen):
    return "%d.%02d" % (fen // 100, fen % 100)


# --------------------------------------------------------------------------------------------------
# places: GB/T 2260 codes
# --------------------------------------------------------------------------------------------------
LOCAL = {
    "wenzhou": [("330302", "鹿城"), ("330303", "龙湾"), ("330304", "瓯海"), ("330324", "永嘉"), ("330326", "平阳"),
                ("330327", "苍南"), ("330328", "文成"), ("330381", "瑞安"), ("330382", "乐清"), ("330383", "龙港")],
    "taizhou": [("331002", "椒江"), ("331003", "黄岩"), ("331004", "路桥"), ("331081", "温岭"), ("331082", "临海"),
                ("331083", "玉环"), ("331023", "天台")],
    "jinhua": [("330702", "婺城"), ("330703", "金东"), ("330782", "义乌"), ("330783", "东阳"), ("330784", "永康"),
               ("330726", "浦江"), ("330781", "兰溪")],
    "lishui": [("331102", "莲都"), ("331121", "青田"), ("331122", "缙云"), ("331181", "龙泉")],
}
CITY_W = [("wenzhou", 40), ("taizhou", 28), ("jinhua", 24), ("lishui", 8)]
YIWU, DONGYANG, YONGKANG, QINGTIAN = "330782", "330783", "330784", "331121"
RUIAN, YUEQING, CANGNAN, WENLING, YUHUAN, LINHAI = "330381", "330382", "330327", "331081", "331083", "331082"
LUCHENG, OUHAI, YONGJIA = "330302", "330304", "330324"
HANGZHOU, NINGBO, XIANGSHAN, SHAOXING = "330106", "330205", "330225", "330602"
# victims' homes across China (code, weight)
CHINA = [("110105", 6), ("310115", 6), ("440106", 5), ("440304", 4), ("441900", 4), ("320102", 4), ("320505", 4),
         ("330106", 5), ("330205", 3), ("330602", 2), ("340104", 3), ("341202", 3), ("350582", 2), ("360702", 2),
         ("360981", 2), ("370102", 3), ("370202", 3), ("410105", 4), ("411502", 2), ("420106", 4), ("420902", 2),
         ("430102", 3), ("431102", 2), ("500103", 3), ("500101", 2), ("510104", 4), ("511602", 2), ("520102", 2),
         ("530102", 2), ("450103", 2), ("460106", 1), ("130104", 3), ("140105", 2), ("150102", 1), ("230103", 2),
         ("220102", 2), ("210102", 3), ("610113", 3), ("620102", 1), ("650102", 1), ("640104", 1)]
# home provinces of migrant workers in the workshops
WORKER_HOME = [("520102", 3), ("522601", 4), ("510104", 2), ("511602", 4), ("411502", 4), ("341202", 4),
               ("360702", 3), ("431102", 3), ("530102", 2), ("500101", 4), ("420902", 2), ("450103", 2)]
# where gangs cash out and where card farmers come from / open cards
CASHOUT = [("441900", 5), ("440307", 4), ("440106", 3), ("445202", 3), ("441502", 2), ("445281", 2),
           ("451402", 3), ("532801", 3), ("533102", 3), ("350582", 2), ("460106", 1)]
FARMER_HOME = [("421002", 3), ("421087", 2), ("431102", 2), ("360502", 2), ("450103", 2), ("522601", 2)]
FARMER_CITIES = ["330302", "330381", "331002", "331081", "330782", "330702", "331102", "330106", "330205",
                 "320102", "320505", "430102", "420106", "360702"]
# overseas countries of Qingtian / Wenzhou emigrants and of Yiwu's foreign buyers (IBAN length)
IBAN_LEN = {"IT": 27, "ES": 24, "FR": 27, "DE": 22, "NL": 18, "AE": 23, "SA": 24, "PT": 25, "AT": 20}
QIAO_COUNTRIES = [("IT", 5), ("ES", 4), ("FR", 3), ("NL", 1), ("DE", 1), ("PT", 1), ("AT", 1)]
BUYER_COUNTRIES = [("AE", 4), ("SA", 2), ("ES", 1), ("IT", 1), ("DE", 1), ("NL", 1)]

# --------------------------------------------------------------------------------------------------
# institutions
# --------------------------------------------------------------------------------------------------
# code: (card BIN, personal-account length, corporate prefix)
BANKS = {
    "ICBC": ("621226", 19, "1203"), "ABC": ("622848", 19, "1959"), "CCB": ("621700", 19, "3305"),
    "BOC": ("621785", 19, "3560"), "ZJRC": ("621058", 19, "2010"), "WZCB": ("621977", 19, "9050"),
    "TZB": ("623097", 19, "1041"), "ZJTLCB": ("622309", 19, "3301"), "PSBC": ("621799", 19, "9330"),
    "BOCOM": ("622262", 19, "3310"), "CMB": ("621483", 16, "5719"), "CIB": ("622909", 18, "3560"),
    "CITIC": ("621768", 19, "8110"), "SPDB": ("622521", 19, "9520"), "CMBC": ("622622", 16, "6310"),
    "PAB": ("622155", 19, "1100"), "CEB": ("622666", 19, "7735"), "HXB": ("622630", 19, "1056"),
    "CZB": ("621535", 19, "3330"), "GDRC": ("621728", 19, "8001"), "YNRC": ("622368", 19, "7803"),
    "GXRC": ("623176", 19, "8500"), "HBRC": ("621750", 19, "8201"), "ALIPAY": ("2088", 16, "2088"),
    "TENPAY": ("1900", 16, "1900"),
}
PAYMENT_FIRMS = ("ALIPAY", "TENPAY")
NATIONAL = [("ICBC", 18), ("ABC", 16), ("CCB", 16), ("BOC", 9), ("PSBC", 10), ("BOCOM", 5), ("CMB", 8),
            ("CIB", 4), ("CITIC", 3), ("SPDB", 3), ("CMBC", 3), ("PAB", 3), ("CEB", 2), ("HXB", 1)]
LOCAL_BANKS = {
    "wenzhou": [("ZJRC", 22), ("WZCB", 10), ("ICBC", 12), ("ABC", 12), ("CCB", 10), ("BOC", 6), ("PSBC", 6),
                ("CMB", 4), ("BOCOM", 3), ("CZB", 4), ("ZJTLCB", 3), ("CIB", 2)],
    "taizhou": [("ZJRC", 20), ("TZB", 14), ("ZJTLCB", 10), ("ICBC", 10), ("ABC", 10), ("CCB", 9), ("BOC", 5),
                ("PSBC", 6), ("CMB", 3), ("CZB", 3), ("BOCOM", 2)],
    "jinhua": [("ZJRC", 24), ("ICBC", 13), ("ABC", 12), ("CCB", 11), ("BOC", 6), ("ZJTLCB", 5), ("PSBC", 7),
               ("CMB", 4), ("CZB", 4), ("CIB", 3), ("BOCOM", 2)],
    "lishui": [("ZJRC", 30), ("ICBC", 10), ("ABC", 14), ("CCB", 10), ("BOC", 8), ("PSBC", 8), ("ZJTLCB", 6),
               ("CZB", 3)],
}
RURAL_BY_PROV = {"44": "GDRC", "45": "GXRC", "53": "YNRC", "42": "HBRC", "33": "ZJRC"}

VARIANTS = {
    "baseline": dict(
        starts={"ICBC": (2, 1), "ABC": (2, 15), "CCB": (3, 1), "BOC": (2, 1), "ZJRC": (3, 15), "WZCB": (2, 1),
                "TZB": (4, 1), "ZJTLCB": (3, 1), "ALIPAY": (4, 15)},
        residents=4700, workers=1650, owners=120, traders=260, agents=40, lenders=36, circles=60,
        qiao_families=420, qiao_agents=10, streamers=100, crew=330, crew_heads=12, multibank=160, merchants=260,
        cases=640, syndicates=10, farmers=6, paofen=55, ushang=10, new_frac=0.08,
        mule_mix=[("fresh", 34), ("weeks", 24), ("rented_old", 14), ("sold_old", 8), ("farmer", 12), ("paofen", 8)],
        slow_frac=0.35, hold_days=(0.2, 2.0), cash_speed=1.0, victim_label=0.70, mule_label=1.0),
    "V2": dict(
        starts={"ICBC": (2, 1), "ABC": (2, 1), "CCB": (2, 15), "BOC": (3, 1), "ZJRC": (2, 1), "WZCB": (3, 1),
                "TZB": (3, 15), "ZJTLCB": (2, 15), "ALIPAY": (4, 1)},
        residents=4500, workers=1550, owners=115, traders=240, agents=36, lenders=70, circles=130,
        qiao_families=420, qiao_agents=10, streamers=90, crew=300, crew_heads=11, multibank=150, merchants=250,
        cases=600, syndicates=10, farmers=5, paofen=40, ushang=8, new_frac=0.07,
        mule_mix=[("fresh", 18), ("weeks", 16), ("rented_old", 34), ("sold_old", 16), ("farmer", 10), ("paofen", 6)],
        slow_frac=0.75, hold_days=(0.5, 6.0), cash_speed=0.5, victim_label=0.63, mule_label=0.92),
    "V3": dict(
        starts={"ICBC": (3, 1), "ABC": (2, 20), "CCB": (4, 1), "BOC": (2, 10), "ZJRC": (3, 1), "WZCB": (4, 10),
                "TZB": (2, 1), "ALIPAY": (3, 1)},          # 泰隆 (ZJTLCB) does not supply in V3
        residents=4500, workers=1900, owners=130, traders=270, agents=45, lenders=30, circles=50,
        qiao_families=380, qiao_agents=9, streamers=110, crew=320, crew_heads=12, multibank=170, merchants=250,
        cases=700, syndicates=12, farmers=8, paofen=150, ushang=26, new_frac=0.18,
        mule_mix=[("fresh", 42), ("weeks", 14), ("rented_old", 8), ("sold_old", 4), ("farmer", 12), ("paofen", 20)],
        slow_frac=0.12, hold_days=(0.05, 0.6), cash_speed=2.5, victim_label=0.74, mule_label=1.05),
}

# --------------------------------------------------------------------------------------------------
# identity numbers and account numbers
# --------------------------------------------------------------------------------------------------
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(s17):
    return ID_C[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def uscc_check(s17):
    r = 31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if r == 31 else r]


def luhn_digit(body):
    tot = 0
    for k, c in enumerate(reversed(body)):
        d = int(c)
        if k % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def iban(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return cc + "%02d" % (98 - int(num) % 97) + bban


def wpick(rng, items):
    """weighted choice from [(value, weight), ...] (list order is fixed, so this is deterministic)"""
    tot = 0
    for _, w in items:
        tot += w
    x = rng.random() * tot
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


def lognorm_fen(rng, median_yuan, sigma, lo=1, hi=10 ** 9):
    v = median_yuan * math.exp(rng.gauss(0, sigma))
    v = min(max(v, lo), hi)
    return int(v * 100)


def roundy(fen, step_yuan):
    """round an amount in fen to a step in yuan (at least one step)"""
    s = step_yuan * 100
    return max(s, (fen + s // 2) // s * s)


# --------------------------------------------------------------------------------------------------
# people, accounts, the event queue
# --------------------------------------------------------------------------------------------------
class Person:
    __slots__ = ("pid", "idno", "home", "kind", "accts", "corp")

    def __init__(self, pid, idno, home, kind, corp):
        self.pid, self.idno, self.home, self.kind, self.corp = pid, idno, home, kind, corp
        self.accts = []


class Acct:
    __slots__ = ("i", "id", "bank", "owner", "opened", "region", "cls", "role", "arch", "farmer", "row", "status",
                 "lim", "hops", "pend", "delay", "act0", "act1", "cash_region", "synd", "layer", "victim", "tag_in",
                 "closed")

    def __init__(self):
        self.hops = None
        self.pend = False
        self.farmer = 0
        self.status = "active"
        self.synd = -1
        self.layer = ""
        self.victim = False
        self.tag_in = 0
        self.cash_region = None
        self.act0 = self.act1 = 0
        self.closed = 0


FRAUD_ROLES = ("mule", "paofen", "ushang", "operator", "farmer_card")


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.P = VARIANTS[variant]
        self.rng = random.Random("wentai:%s:%d" % (variant, seed))
        self.starts = {}
        for b, (m, d) in self.P["starts"].items():
            self.starts[b] = at(2024, m, d)
        self.persons = []
        self.accts = []
        self.used = set()           # membership only, never iterated
        self.heap = []
        self.seq = 0
        self.bal = []
        self.dirty = []
        self.first_bal = []
        self.out = []
        self.bad = 0
        self.shrunk = 0
        self.dropped = 0
        self.fraud_dropped = 0
        self.merchants = {}         # city -> [acct index]  (external shops, for card payments)
        self.online = []            # external platform merchants (快捷支付)
        self.atm_day = {}

    # ---- identities --------------------------------------------------------------------------
    def idno(self, region, age_lo, age_hi):
        rng = self.rng
        while True:
            y = 2024 - rng.randint(age_lo, age_hi)
            m = rng.randint(1, 12)
            d = rng.randint(1, 28)
            s17 = "%s%04d%02d%02d%03d" % (region, y, m, d, rng.randint(1, 999))
            s = s17 + id_check(s17)
            if s not in self.used:
                self.used.add(s)
                return s

    def uscc(self, region):
        rng = self.rng
        while True:
            s17 = "91" + region + "".join(rng.choice(USCC_CH) for _ in range(9))
            s = s17 + uscc_check(s17)
            if s not in self.used:
                self.used.add(s)
                return s

    def person(self, home, kind, age=(22, 60), corp=False):
        idno = self.uscc(home) if corp else self.idno(home, age[0], age[1])
        p = Person(len(self.persons), idno, home, kind, corp)
        self.persons.append(p)
        return p

    def acct_number(self, bank, corp):
        rng = self.rng
        bin_, n, cprefix = BANKS[bank]
        while True:
            if bank in PAYMENT_FIRMS:
                s = bin_ + "".join(str(rng.randint(0, 9)) for _ in range(n - len(bin_)))
            elif corp:
                s = cprefix + "".join(str(rng.randint(0, 9)) for _ in range(19 - len(cprefix)))
            else:
                body = bin_ + "".join(str(rng.randint(0, 9)) for _ in range(n - 1 - len(bin_)))
                s = body + luhn_digit(body)
            if s not in self.used:
                self.used.add(s)
                return s

    def acct(self, p, bank, opened, region, cls=None, role="lawful", arch="", aid=None):
        a = Acct()
        a.i = len(self.accts)
        a.id = aid if aid is not None else self.acct_number(bank, p.corp)
        a.bank = bank
        a.owner = p
        a.opened = opened
        a.region = region
        a.cls = cls if cls is not None else ("corp" if p.corp else ("I" if bank not in PAYMENT_FIRMS else "II"))
        a.role = role
        a.arch = arch
        a.row = bank in self.starts
        a.lim = a.row or role != "lawful"
        self.accts.append(a)
        self.bal.append(0)
        self.dirty.append(0)
        self.first_bal.append(None)
        p.accts.append(a.i)
        return a.i

    def foreign(self, cc):
        """an account abroad (never a row)"""
        rng = self.rng
        n = IBAN_LEN[cc] - 4
        bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if (cc == "NL" and k < 4) else str(rng.randint(0, 9))
                       for k in range(n))
        s = iban(cc, bban)
        self.used.add(s)
        fp = Person(len(self.persons), "", "", "foreign", True)
        self.persons.append(fp)
        return self.acct(fp, "FOREIGN", SIM_START - 5 * 365 * DAY, "", cls="corp", aid=s)

    # ---- choices -----------------------------------------------------------------------------
    def city(self):
        return wpick(self.rng, CITY_W)

    def local_region(self, city=None):
        return self.rng.choice(LOCAL[city or self.city()])[0]

    def city_of(self, region):
        for c, lst in LOCAL.items():
            for code, _ in lst:
                if code == region:
                    return c
        return None

    def local_bank(self, region):
        c = self.city_of(region)
        if c is None:
            return self.far_bank(region)
        return wpick(self.rng, LOCAL_BANKS[c])

    def far_bank(self, region):
        rural = RURAL_BY_PROV.get(region[:2])
        if rural and self.rng.random() < 0.22:
            return rural
        return wpick(self.rng, NATIONAL)

    def nonsupplying(self, region):
        for _ in range(30):
            b = self.far_bank(region) if self.city_of(region) is None else self.local_bank(region)
            if b not in self.starts:
                return b
        return "PSBC" if "PSBC" not in self.starts else "CMB"

    def old_open(self, years_lo=1.0, years_hi=12.0):
        return SIM_START - int((years_lo + self.rng.random() * (years_hi - years_lo)) * 365 * DAY) \
            + self.rng.randint(9 * HOUR, 16 * HOUR)

    def opening_time(self, d):
        """a bank-hours time on day d (account opening at a counter or in an app)"""
        return day0(d) + self.rng.randint(int(8.5 * HOUR), int(17 * HOUR))

    def when(self, d, lo=8.0, hi=22.0):
        return day0(d) + int((lo + self.rng.random() * (hi - lo)) * HOUR)

    def ext_peer(self, region, age=(25, 60), corp=False, row_ok=0.0, kind="peer"):
        """a counterparty outside the study population; at a supplying bank only with probability row_ok"""
        p = self.person(region, kind, age=age, corp=corp)
        b = self.far_bank(region) if self.city_of(region) is None else self.local_bank(region)
        if b in self.starts and self.rng.random() >= row_ok:
            b = self.nonsupplying(region)
        i = self.acct(p, b, self.old_open(0.5, 10), region, arch=kind)
        if self.accts[i].row:
            self.thin_life(i)
        return i

    # ---- events ------------------------------------------------------------------------------
    def xfer(self, t, a, b, fen, ch="mobile", region=None, memo="", xb=False, tag="", mode=0):
        """a pays b (a None: cash deposit; b None: cash withdrawal). mode 0 lawful (shrink or drop when
        short), 1 fraud (pay what is there)."""
        if fen < 1:
            return
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, 0, a, b, fen, ch, region, memo, xb, tag, mode))

    def later(self, t, fn, *args):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, 2, fn, args))

    def sweep_at(self, t, i):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, 1, i))

    def covered(self, i, t):
        a = self.accts[i]
        return a.row and t >= self.starts[a.bank]

    def run(self):
        heap, accts, bal, dirty = self.heap, self.accts, self.bal, self.dirty
        while heap:
            ev = heapq.heappop(heap)
            t = ev[0]
            if t >= DATA_END:
                break
            typ = ev[2]
            if typ == 1:
                self.sweep(t, ev[3])
                continue
            if typ == 2:
                ev[3](t, *ev[4])
                continue
            _, _, _, a, b, fen, ch, reg, memo, xb, tag, mode = ev
            if (a is not None and t < accts[a].opened) or (b is not None and t < accts[b].opened):
                self.bad += 1
                continue
            if (a is not None and accts[a].closed and t >= accts[a].closed) or \
                    (b is not None and accts[b].closed and t >= accts[b].closed):
                self.dropped += 1
                continue
            if a is not None and accts[a].lim:
                have = bal[a]
                if fen > have:
                    if mode == 0 and (have < fen * 0.3 or have < 100):
                        self.dropped += 1
                        continue
                    if have < 100:
                        self.fraud_dropped += 1
                        continue
                    fen = have // 100 * 100 if mode == 0 else have
                    self.shrunk += 1
            cov = (a is not None and self.covered(a, t)) or (b is not None and self.covered(b, t))
            if cov:
                for i in (a, b):
                    if i is not None and accts[i].row and self.first_bal[i] is None:
                        self.first_bal[i] = bal[i]
                self.out.append((t, a, b, fen, ch, reg, memo, xb, tag))
            if a is not None:
                bal[a] -= fen
            if b is not None:
                bal[b] += fen
                if tag:
                    B = accts[b]
                    B.tag_in += 1
                    if B.hops is not None:
                        dirty[b] += fen
                        if not B.pend:
                            B.pend = True
                            self.sweep_at(t + self.sweep_delay(b, t), b)

    # ---- small helpers ------------------------------------------------------------------------
    def poisson(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(self.rng.gauss(lam, math.sqrt(lam)) + 0.5))
        lim, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= lim:
                return k
            k += 1

    def days(self, per_month, d_lo=0, d_hi=NDAYS):
        d_lo = max(0, d_lo)
        if d_hi <= d_lo:
            return []
        n = self.poisson(per_month * (d_hi - d_lo) / 30.0)
        return sorted(self.rng.randrange(d_lo, d_hi) for _ in range(n))

    def dayof(self, t):
        return (t - SIM_START) // DAY

    def first_day(self, i, slack=0):
        """first whole day on which account i can be used"""
        return max(0, self.dayof(self.accts[i].opened) + 1 + slack)

    def row_any(self, p):
        for i in p.accts:
            if self.accts[i].row:
                return True
        return False

    def memo(self, words, p=0.35):
        return self.rng.choice(words) if self.rng.random() < p else ""

    def thin_life(self, i):
        """a little background for a counterparty that happens to have a row"""
        rng = self.rng
        a = self.accts[i]
        self.bal[i] = lognorm_fen(rng, 8000, 1.0)
        d0 = self.first_day(i)
        for d in self.days(0.8, d0):
            self.xfer(self.when(d), self.pool_peer(a.region), i, lognorm_fen(rng, 3000, 0.9), "mobile", a.region)
        for d in self.days(1.0, d0):
            self.xfer(self.when(d), i, rng.choice(self.online), lognorm_fen(rng, 200, 0.9), "online", a.region)

    def pool_peer(self, region=None):
        """an external private person somewhere (reused from a pool, so payers repeat a little)"""
        rng = self.rng
        if region is None or rng.random() < 0.5:
            region = wpick(rng, CHINA)
        lst = self.peer_pool.setdefault(region, [])
        if len(lst) < 25 or rng.random() < 0.25:
            lst.append(self.ext_peer(region, row_ok=0.0))
        return rng.choice(lst)

    def pool_corp(self, region=None):
        rng = self.rng
        if region is None:
            region = wpick(rng, CHINA) if rng.random() < 0.6 else self.local_region()
        lst = self.corp_pool.setdefault(region, [])
        if len(lst) < 12 or rng.random() < 0.15:
            lst.append(self.ext_peer(region, corp=True, row_ok=0.0, kind="corp_counterparty"))
        return rng.choice(lst)

    def shop(self, region):
        """a card-accepting merchant near region (external or one of the study's merchants)"""
        c = self.city_of(region) or region
        lst = self.merchants.get(c)
        if not lst:
            lst = self.merchants.setdefault(c, [])
            for _ in range(40):
                p = self.person(region, "shop", corp=True)
                lst.append(self.acct(p, self.nonsupplying(region), self.old_open(1, 15), region, arch="shop"))
        if self.local_shops.get(c) and self.rng.random() < 0.3:
            return self.rng.choice(self.local_shops[c])
        return self.rng.choice(lst)

    # ---- infrastructure: platforms, employers, pension funds, local merchants -------------------
    def gen_infrastructure(self):
        rng = self.rng
        self.peer_pool, self.corp_pool, self.local_shops = {}, {}, {}
        for k, reg in enumerate(["330106", "440304", "310115", "110105", "330106", "440304", "320505", "330106"] * 4):
            p = self.person(reg, "platform", corp=True)
            self.online.append(self.acct(p, self.nonsupplying(reg), self.old_open(5, 15), reg, arch="platform"))
        self.platform_settle = []     # live-commerce platforms paying sellers
        for reg in ("110105", "110105", "330106", "310115"):
            p = self.person(reg, "platform", corp=True)
            self.platform_settle.append(self.acct(p, self.nonsupplying(reg), self.old_open(5, 10), reg,
                                                  arch="platform"))
        self.pension = {}
        for c, lst in LOCAL.items():
            p = self.person(lst[0][0], "social_security", corp=True)
            self.pension[c] = self.acct(p, "PSBC" if "PSBC" not in self.starts else "CMB", self.old_open(10, 20),
                                        lst[0][0], arch="pension_fund")
        self.employers = {c: [] for c, _ in CITY_W}
        self.payroll = {}
        for _ in range(230):
            reg = self.local_region()
            p = self.person(reg, "employer", corp=True)
            i = self.acct(p, self.local_bank(reg), self.old_open(2, 20), reg, arch="employer")
            self.employers[self.city_of(reg)].append(i)
            self.payroll[i] = 0
        # the study's own merchants: shops and restaurants with corporate accounts
        for _ in range(self.P["merchants"]):
            reg = self.local_region()
            c = self.city_of(reg)
            p = self.person(reg, "merchant", corp=True)
            i = self.acct(p, self.local_bank(reg), self.old_open(1, 15), reg, arch="local_merchant")
            self.local_shops.setdefault(c, []).append(i)
            self.bal[i] = lognorm_fen(rng, 60000, 0.8)
            acq = self.pool_corp("330106")
            staff = [self.pool_peer(reg) for _ in range(rng.randint(1, 5))]
            land = self.pool_peer(reg)
            sup = [self.pool_corp() for _ in range(rng.randint(2, 5))]
            wk = lognorm_fen(rng, 9000, 0.7)
            for d in range(rng.randint(0, 6), NDAYS, 7):
                if CNY_DAY - 3 <= d <= CNY_DAY + 5 and rng.random() < 0.7:
                    continue
                self.xfer(self.when(d, 1, 5), acq, i, int(wk * (0.6 + 0.8 * rng.random())), "other", reg,
                          self.memo(["结算款", "POS结算"], 0.6))
            for m in range(6):
                d = MONTH[m] + rng.randint(0, 4)
                self.xfer(self.when(d, 9, 18), i, land, roundy(wk // 2, 100), "online", reg, self.memo(["房租"]))
                for s_ in staff:
                    self.xfer(self.when(MONTH[m] + 14, 10, 20), i, s_, lognorm_fen(rng, 5000, 0.3), "mobile", reg,
                              self.memo(["工资"]))
                for s_ in sup:
                    self.xfer(self.when(rng.randrange(MONTH[m], MONTH[m + 1]), 9, 18), i, s_,
                              lognorm_fen(rng, wk / 100 * 1.6 / len(sup), 0.4), "online", reg, self.memo(["货款"]))

    def fund_employers(self):
        rng = self.rng
        for c, lst in self.employers.items():
            for i in lst:
                pay = self.payroll[i]
                a = self.accts[i]
                self.bal[i] = 2 * pay + lognorm_fen(rng, 200000, 0.8)
                for m in range(6):
                    n = rng.randint(2, 5)
                    for _ in range(n):
                        d = rng.randrange(MONTH[m], MONTH[m + 1])
                        self.xfer(self.when(d, 9, 17), self.pool_corp(), i, int(pay * 1.3 / n) + lognorm_fen(
                            rng, 20000, 0.8), "online", a.region, self.memo(["货款", "服务费", "工程款"], 0.5))
                    d = rng.randrange(MONTH[m], MONTH[m + 1])
                    self.xfer(self.when(d, 9, 17), i, self.pool_corp(), lognorm_fen(rng, 30000, 0.8), "online",
                              a.region, self.memo(["货款", "材料款"], 0.5))

    # ---- ordinary residents ---------------------------------------------------------------------
    def new_day(self, lo=0, hi=NDAYS - 5):
        return self.rng.randrange(lo, hi)

    def gen_residents(self):
        rng, P = self.rng, self.P
        self.residents = []
        for _ in range(P["residents"]):
            reg = self.local_region()
            r = rng.random()
            kind = "salaried" if r < 0.58 else "retired" if r < 0.72 else "student" if r < 0.80 else "selfemp"
            age = {"salaried": (22, 58), "retired": (60, 82), "student": (18, 23), "selfemp": (28, 62)}[kind]
            p = self.person(reg, kind, age)
            self.residents.append(p)
            young = kind == "student"
            if young and rng.random() < P["new_frac"] * 3:
                main = self.acct(p, self.local_bank(reg), self.opening_time(self.new_day(30, 120)), reg,
                                 arch="resident_" + kind)
            else:
                main = self.acct(p, self.local_bank(reg), self.old_open(0.5, 4 if young else 18), reg,
                                 arch="resident_" + kind)
                self.bal[main] = lognorm_fen(rng, 3000 if young else (40000 if kind == "retired" else 18000), 1.0)
            second = ali = None
            if rng.random() < 0.35:
                b2 = self.local_bank(reg)
                if b2 != self.accts[main].bank:
                    if rng.random() < P["new_frac"]:
                        second = self.acct(p, b2, self.opening_time(self.new_day(20, 150)), reg, arch="second_bank")
                    else:
                        second = self.acct(p, b2, self.old_open(0.5, 10), reg, arch="second_bank")
                        self.bal[second] = lognorm_fen(rng, 10000, 1.2)
            if rng.random() < (0.45 if kind != "retired" else 0.12):
                ali = self.acct(p, "ALIPAY", self.old_open(0.5, 9), reg, cls="II", arch="payment_account")
                self.bal[ali] = lognorm_fen(rng, 1500, 1.0)
            if self.row_any(p):
                self.resident_life(p, kind, main, second, ali)

    def relative(self, region):
        rng = self.rng
        if self.residents and rng.random() < 0.55:
            q = rng.choice(self.residents)
            if self.accts[q.accts[0]].opened < SIM_START:
                return q.accts[0]
        return self.pool_peer(region if rng.random() < 0.6 else None)

    def resident_life(self, p, kind, main, second, ali):
        rng = self.rng
        reg = p.home
        city = self.city_of(reg)
        d0 = self.first_day(main)
        # income
        if kind == "salaried":
            emp = rng.choice(self.employers[city])
            sal = lognorm_fen(rng, 6200, 0.35)
            self.payroll[emp] += sal
            for m in range(6):
                d = MONTH[m] + 9 + rng.randint(0, 2)
                if d >= d0:
                    amt = int(sal * (2.2 if m == 1 and rng.random() < 0.5 else 1.0) * (0.95 + 0.1 * rng.random()))
                    self.xfer(self.when(d, 9, 12), emp, main, amt, "other", reg, self.memo(["工资", "代发工资"], 0.6))
        elif kind == "retired":
            pen = lognorm_fen(rng, 3600, 0.35)
            for m in range(6):
                d = MONTH[m] + 4
                if d >= d0:
                    self.xfer(self.when(d, 7, 9), self.pension[city], main, pen, "other", reg,
                              self.memo(["养老金"], 0.7))
        elif kind == "student":
            parent = self.relative(reg)
            allow = roundy(lognorm_fen(rng, 1600, 0.4), 100)
            for m in range(6):
                d = MONTH[m] + rng.randint(0, 5)
                if d >= d0:
                    self.xfer(self.when(d, 8, 22), parent, main, allow, "mobile", None, self.memo(["生活费"], 0.5))
        else:
            for d in self.days(3.0, d0):
                self.xfer(self.when(d, 8, 21), self.pool_peer(reg), main, lognorm_fen(rng, 4000, 0.8), "mobile",
                          None, self.memo(["货款", "工钱"], 0.3))
            for d in self.days(1.0, d0):
                self.xfer(self.when(d, 8, 18), main, self.pool_corp(reg), lognorm_fen(rng, 5000, 0.8), "online",
                          reg, self.memo(["货款"], 0.3))
        # card spending and online shopping
        for d in self.days(1.6, d0):
            if rng.random() < 0.55:
                self.xfer(self.when(d, 9, 22), main, self.shop(reg), lognorm_fen(rng, 220, 1.0, 5), "pos", reg)
            else:
                self.xfer(self.when(d, 7, 24), main, rng.choice(self.online), lognorm_fen(rng, 150, 1.0, 3),
                          "online", None)
        if ali is not None:
            da = max(d0, self.first_day(ali))
            for d in self.days(1.3, da):
                self.xfer(self.when(d, 8, 23), main, ali, roundy(lognorm_fen(rng, 600, 0.8), 10), "mobile", None)
            for d in self.days(2.5, da):
                self.xfer(self.when(d, 7, 24), ali, rng.choice(self.online), lognorm_fen(rng, 70, 1.0, 2), "mobile",
                          None)
            for d in self.days(0.4, da):
                self.xfer(self.when(d, 9, 23), ali, self.relative(reg), lognorm_fen(rng, 200, 1.0, 5), "mobile", None)
        # family
        for d in self.days(0.3, d0):
            self.xfer(self.when(d, 8, 22), main, self.relative(reg), roundy(lognorm_fen(rng, 1000, 0.9), 100),
                      "mobile", None, self.memo(["生活费", "还你", "给妈", ""], 0.3))
        if rng.random() < 0.55 and d0 < CNY_DAY - 6:
            for _ in range(rng.randint(1, 3)):
                d = CNY_DAY - rng.randint(-2, 6)
                self.xfer(self.when(d, 9, 23), main, self.relative(reg), roundy(lognorm_fen(rng, 1500, 0.7), 100),
                          "mobile", None, self.memo(["红包", "过年红包", "压岁钱"], 0.5))
        if kind == "retired" or rng.random() < 0.15:
            for d in self.days(0.8, d0):
                self.xfer(self.when(d, 8, 19), main, None, roundy(lognorm_fen(rng, 900, 0.6), 100), "atm", reg)
        if rng.random() < 0.2 and kind in ("salaried", "selfemp"):
            land = self.pool_peer(reg)
            rent = roundy(lognorm_fen(rng, 2200, 0.35), 100)
            for m in range(6):
                d = MONTH[m] + rng.randint(0, 4)
                if d >= d0:
                    self.xfer(self.when(d, 9, 22), main, land, rent, "mobile", None, self.memo(["房租"], 0.6))
        if second is not None:
            d2 = max(d0, self.first_day(second))
            for d in self.days(0.5, d2):
                a, b = (main, second) if rng.random() < 0.6 else (second, main)
                self.xfer(self.when(d, 8, 23), a, b, roundy(lognorm_fen(rng, 4000, 1.0), 100), "mobile", None)
        # life events that look like a mule's: wedding gifts, a car, a flat deposit
        r = rng.random()
        if r < 0.025 and kind != "retired":
            self.wedding(p, main, d0)
        elif r < 0.06 and kind in ("salaried", "selfemp"):
            self.big_purchase(p, reg)

    def wedding(self, p, main, d0):
        rng = self.rng
        reg = p.home
        d = rng.randrange(max(d0, 35), NDAYS - 3)
        for _ in range(rng.randint(15, 55)):
            t = self.when(d - rng.randint(0, 1), 8, 23)
            self.xfer(t, self.relative(reg), main, roundy(lognorm_fen(rng, 1600, 0.6), 100), "mobile", None,
                      self.memo(["份子钱", "新婚快乐", "红包", "贺礼"], 0.5))
        hotel = self.pool_corp(reg)
        self.xfer(self.when(d + rng.randint(1, 3), 10, 17), main, hotel, lognorm_fen(rng, 40000, 0.4), "pos", reg,
                  self.memo(["酒席款"], 0.5))
        self.xfer(self.when(d + rng.randint(2, 6), 10, 17), main, self.shop(reg), lognorm_fen(rng, 15000, 0.5), "pos",
                  reg)

    def big_purchase(self, p, reg):
        """a new account, filled by family in a few large transfers, then a large first payment"""
        rng = self.rng
        d = rng.randrange(25, NDAYS - 10)
        i = self.acct(p, self.local_bank(reg), self.opening_time(d), reg, arch="big_purchase_new")
        total = 0
        for k in range(rng.randint(1, 4)):
            amt = roundy(lognorm_fen(rng, 50000, 0.7), 1000)
            total += amt
            self.xfer(self.when(d + 1 + rng.randint(0, 2), 9, 21), self.relative(reg), i, amt, "mobile", None,
                      self.memo(["借你", "首付", "买车"], 0.3))
        seller = self.pool_corp(reg)
        what = rng.choice(["购车款", "首付款", "定金", ""])
        self.xfer(self.when(d + 3 + rng.randint(0, 4), 9, 17), i, seller, total - roundy(total // 50, 100),
                  rng.choice(["counter", "pos", "online"]), reg, what)

    # ---- workshops and their piece-rate migrant workers ------------------------------------------
    def gen_workshops(self):
        rng, P = self.rng, self.P
        inds = [("shoes", [LUCHENG, OUHAI], 4), ("valves", [YONGJIA], 2), ("eyewear", [OUHAI, LUCHENG], 2),
                ("auto_parts", [RUIAN, WENLING, YUHUAN], 4), ("pumps", [WENLING], 2), ("hardware", [YONGKANG], 3),
                ("sewing", ["331002", LINHAI], 1)]
        self.owners = []
        nw = P["workers"]
        per = [rng.randint(4, 30) for _ in range(P["owners"])]
        scale = nw / float(sum(per))
        for k in range(P["owners"]):
            ind, regs = wpick(rng, [((a, b), w) for a, b, w in inds])
            reg = rng.choice(regs)
            op = self.person(reg, "workshop_owner", (32, 62))
            cp = self.person(reg, "workshop", corp=True)
            corp = self.acct(cp, self.local_bank(reg), self.old_open(3, 20), reg, arch="workshop_" + ind)
            pay = self.acct(op, self.local_bank(reg), self.old_open(3, 20), reg, arch="workshop_owner_payroll")
            own2 = self.acct(op, self.local_bank(reg), self.old_open(1, 15), reg, arch="workshop_owner")
            self.bal[corp] = lognorm_fen(rng, 300000, 0.7)
            self.bal[pay] = lognorm_fen(rng, 60000, 0.7)
            self.bal[own2] = lognorm_fen(rng, 100000, 1.0)
            self.owners.append(op)
            workers = [self.gen_worker(reg, ind) for _ in range(max(2, int(per[k] * scale + 0.5)))]
            self.workshop_money(op, reg, corp, pay, own2, workers)

    def gen_worker(self, reg, ind):
        rng, P = self.rng, self.P
        home = wpick(rng, WORKER_HOME)
        p = self.person(home, "migrant_worker", (18, 55))
        r = rng.random()
        newp = 0.16 + P["new_frac"]
        if r < newp:
            arrive = LANTERN_DAY + int(rng.expovariate(1 / 18.0)) if rng.random() < 0.7 else rng.randrange(40, 150)
            arrive = min(arrive, NDAYS - 20)
            i = self.acct(p, self.local_bank(reg), self.opening_time(arrive + rng.randint(0, 5)), reg,
                          arch="worker_new_arrival")
            if rng.random() < 0.3:   # a second card the same week (another bank the foreman uses, or ALIPAY)
                self.acct(p, rng.choice(["ALIPAY", self.local_bank(reg)]), self.opening_time(arrive + rng.randint(0, 7)),
                          reg, arch="worker_second_new")
        elif r < newp + 0.15:
            i = self.acct(p, self.far_bank(home), self.old_open(1, 10), home, arch="worker_home_card")
            self.bal[i] = lognorm_fen(rng, 3000, 1.0)
            arrive = -1
        else:
            i = self.acct(p, self.local_bank(reg), self.old_open(0.3, 8), reg, arch="worker_local_card")
            self.bal[i] = lognorm_fen(rng, 4000, 1.0)
            arrive = -1
        fam = self.ext_peer(home, age=(40, 70), row_ok=0.35, kind="worker_family")
        leave = rng.randrange(100, NDAYS - 5) if rng.random() < 0.09 else None
        return (p, i, arrive, fam, leave)

    def workshop_money(self, op, reg, corp, pay, own2, workers):
        rng = self.rng
        sup = [self.pool_corp() for _ in range(rng.randint(2, 5))]
        buyers = [self.pool_corp() for _ in range(rng.randint(2, 6))]
        payday = rng.randint(12, 25)
        for m in range(6):
            # wages for the previous month (January: the year-end settlement before the holiday)
            if m == 0:
                d = CNY_DAY - rng.randint(12, 18)
            else:
                d = MONTH[m] + payday - 1
            t0 = self.when(d, 9, 16)
            tot = 0
            plan = []
            for (p, i, arrive, fam, leave) in workers:
                if arrive >= 0 and d < arrive + 20:
                    continue
                if leave is not None and d > leave:
                    continue
                f = {0: 1.7, 1: 0.45}.get(m, 1.0) * (0.6 + 0.8 * rng.random())
                if arrive >= 0 and d < arrive + 45:
                    f *= 0.6
                amt = lognorm_fen(rng, 6500, 0.25) * f
                amt = int(amt) // 100 * 100 if rng.random() < 0.7 else int(amt)
                plan.append((i, amt, p, fam, leave))
                tot += amt
            self.xfer(t0 - rng.randint(2, 20) * HOUR, corp, pay, roundy(int(tot * 1.05), 1000), "online", reg,
                      self.memo(["备用金", "转账", "工资款"], 0.3))
            t = t0
            for (i, amt, p, fam, leave) in plan:
                t += rng.randint(20, 240)
                self.xfer(t, pay, i, amt, "mobile", reg, self.memo(["工资", "计件工资", "年终工资" if m == 0 else "工资"],
                                                                      0.4))
                self.worker_after_wage(i, amt, t, fam, m, reg, p)
            # customers, suppliers, owner's drawings
            for _ in range(rng.randint(2, 6)):
                dd = rng.randrange(MONTH[m], MONTH[m + 1])
                to = corp if rng.random() < 0.7 else own2
                self.xfer(self.when(dd, 9, 17), rng.choice(buyers), to, int(tot * 0.6) + lognorm_fen(rng, 50000, 0.6),
                          "online", None, self.memo(["货款"], 0.5))
            for _ in range(rng.randint(2, 4)):
                dd = rng.randrange(MONTH[m], MONTH[m + 1])
                self.xfer(self.when(dd, 9, 17), corp, rng.choice(sup), lognorm_fen(rng, 50000, 0.7), "online", None,
                          self.memo(["材料款", "货款"], 0.5))
            dd = rng.randrange(MONTH[m], MONTH[m + 1])
            self.xfer(self.when(dd, 9, 20), own2, self.shop(reg), lognorm_fen(rng, 3000, 1.0), "pos", reg)
            if rng.random() < 0.5:
                self.xfer(self.when(dd, 9, 20), own2, self.relative(reg), roundy(lognorm_fen(rng, 8000, 1.0), 1000),
                          "mobile", None)
        for (p, i, arrive, fam, leave) in workers:
            if leave is not None:
                self.later(self.when(leave + 1, 9, 18), self.worker_leaves, i, fam)

    def worker_after_wage(self, i, amt, t, fam, m, reg, p):
        rng = self.rng
        if rng.random() < 0.75:
            share = 0.4 + 0.45 * rng.random()
            dt = rng.randint(10 * MIN, 3 * DAY) if rng.random() < 0.7 else rng.randint(3 * DAY, 9 * DAY)
            self.xfer(t + dt, i, fam, roundy(int(amt * share), 100), "mobile", None,
                      self.memo(["家用", "给家里", "生活费"], 0.25))
        for _ in range(rng.randint(0, 2)):
            self.xfer(t + rng.randint(HOUR, 20 * DAY), i, None, roundy(lognorm_fen(rng, 700, 0.5), 100), "atm",
                      reg)
        if rng.random() < 0.6:
            self.xfer(t + rng.randint(HOUR, 25 * DAY), i, rng.choice(self.online), lognorm_fen(rng, 120, 0.9, 5),
                      "online", None)
        if m == 0:   # going home for the New Year
            self.xfer(self.when(CNY_DAY - rng.randint(3, 9), 7, 21), i, None, roundy(int(amt * 0.25), 100), "atm",
                      reg)

    def worker_leaves(self, t, i, fam):
        have = self.bal[i]
        if have >= 100:
            rng = self.rng
            if rng.random() < 0.5:
                self.xfer(t, i, fam, have, "mobile", None, "")
            else:
                self.xfer(t, i, None, have, "counter", self.accts[i].region)
        self.accts[i].status = "closed"
        self.accts[i].closed = t + 2 * HOUR

    # ---- Yiwu: small-commodity traders and foreign buyers' agents ---------------------------------
    def gen_yiwu(self):
        rng, P = self.rng, self.P
        self.traders = []
        self.market = self.acct(self.person(YIWU, "market", corp=True), self.nonsupplying(YIWU),
                                self.old_open(10, 20), YIWU, arch="market_operator")
        self.foreign_buyers = [self.foreign(wpick(rng, BUYER_COUNTRIES)) for _ in range(50)]
        factory_regs = [(YIWU, 6), (DONGYANG, 2), (YONGKANG, 2), ("330726", 2), ("330781", 1), ("440106", 2),
                        ("350582", 1), ("441900", 2), ("320505", 1)]
        for _ in range(P["traders"]):
            home = YIWU if rng.random() < 0.8 else wpick(rng, [("360702", 2), ("341202", 2), ("360981", 1),
                                                             ("411502", 1)])
            p = self.person(home, "yiwu_trader", (25, 60))
            accs = []
            for k in range(rng.randint(2, 3)):
                b = self.local_bank(YIWU)
                i = self.acct(p, b, self.old_open(0.5, 12), YIWU, arch="yiwu_trader")
                self.bal[i] = lognorm_fen(rng, 80000, 0.8)
                accs.append(i)
            if rng.random() < 0.35:
                cp = self.person(YIWU, "yiwu_trading_co", corp=True)
                i = self.acct(cp, self.local_bank(YIWU), self.old_open(1, 10), YIWU, arch="yiwu_trader_corp")
                self.bal[i] = lognorm_fen(rng, 150000, 0.8)
                accs.append(i)
            if rng.random() < 0.5:
                i = self.acct(p, "ALIPAY", self.old_open(1, 9), YIWU, cls="II", arch="yiwu_trader")
                self.bal[i] = lognorm_fen(rng, 5000, 0.8)
                accs.append(i)
            sup = [self.pool_corp(wpick(rng, factory_regs)) for _ in range(rng.randint(3, 8))]
            self.traders.append((p, accs, sup))
        for (p, accs, sup) in self.traders:
            self.trader_money(p, accs, sup)
        for _ in range(P["agents"]):
            self.gen_agent()

    def trader_money(self, p, accs, sup):
        rng = self.rng
        logi = self.pool_corp(YIWU)
        for d in self.days(rng.uniform(6, 16)):
            if CNY_DAY - 12 <= d <= CNY_DAY + 8 and rng.random() < 0.8:
                continue                                      # the market is shut around the New Year
            i = rng.choice(accs)
            payer = self.pool_peer() if rng.random() < 0.75 else self.pool_corp()
            amt = lognorm_fen(rng, 7000, 1.0, 50)
            t = self.when(d, 8, 21)
            self.xfer(t, payer, i, amt, "mobile" if rng.random() < 0.7 else "online", None,
                      self.memo(["货款", "定金", "尾款", "拿货"], 0.45))
            if rng.random() < 0.65:
                dt = rng.randint(20 * MIN, 6 * HOUR) if rng.random() < 0.6 else rng.randint(6 * HOUR, 3 * DAY)
                self.xfer(t + dt, i, rng.choice(sup), int(amt * (0.55 + 0.4 * rng.random())), "mobile", None,
                          self.memo(["货款", "进货"], 0.4))
        for m in range(6):
            d = rng.randrange(MONTH[m], MONTH[m + 1])
            self.xfer(self.when(d, 9, 18), rng.choice(accs), logi, lognorm_fen(rng, 5000, 0.8), "online", YIWU,
                      self.memo(["运费", "物流费"], 0.5))
            if m in (0, 3):
                self.xfer(self.when(d, 9, 16), accs[0], self.market, roundy(lognorm_fen(rng, 40000, 0.5), 100),
                          "counter", YIWU, self.memo(["商位费", "租金"], 0.6))
        if len(accs) > 1:
            for d in self.days(0.8):
                a, b = rng.sample(accs, 2)
                self.xfer(self.when(d, 9, 22), a, b, roundy(lognorm_fen(rng, 20000, 0.8), 100), "mobile", None)

    def gen_agent(self):
        """a foreign buyers' agent: big lumps from abroad, paid out to many traders within a day"""
        rng = self.rng
        p = self.person(YIWU if rng.random() < 0.7 else wpick(rng, CHINA), "buyers_agent", (26, 55))
        accs = []
        for _ in range(rng.randint(1, 3)):
            i = self.acct(p, self.local_bank(YIWU), self.old_open(0.5, 8), YIWU, arch="buyers_agent")
            self.bal[i] = lognorm_fen(rng, 50000, 0.8)
            accs.append(i)
        if rng.random() < 0.5:
            cp = self.person(YIWU, "trade_agency", corp=True)
            i = self.acct(cp, self.local_bank(YIWU), self.old_open(1, 8), YIWU, arch="buyers_agent_corp")
            self.bal[i] = lognorm_fen(rng, 100000, 0.8)
            accs.append(i)
        buyers = rng.sample(self.foreign_buyers, rng.randint(2, 6))
        local_payers = [self.pool_peer(YIWU) for _ in range(rng.randint(1, 4))]
        my_traders = rng.sample(self.traders, min(len(self.traders), rng.randint(8, 30)))
        for d in self.days(rng.uniform(2, 6)):
            if CNY_DAY - 12 <= d <= CNY_DAY + 8:
                continue
            i = rng.choice(accs)
            t = self.when(d, 9, 18)
            if rng.random() < 0.7:
                amt = roundy(lognorm_fen(rng, 150000, 0.8), 100)
                self.xfer(t, rng.choice(buyers), i, amt, "online", None, self.memo(["PAYMENT", "GOODS"], 0.4), True)
            else:
                amt = roundy(lognorm_fen(rng, 60000, 0.8), 100)
                self.xfer(t, rng.choice(local_payers), i, amt, "mobile", None, "")
            n = rng.randint(2, 9)
            left = int(amt * (0.93 + 0.05 * rng.random()))
            tt = t + rng.randint(30 * MIN, 30 * HOUR)
            for k in range(n):
                piece = left // (n - k) if k < n - 1 else left
                piece = int(piece * (0.6 + 0.8 * rng.random())) if k < n - 1 else piece
                piece = min(piece, left)
                left -= piece
                _, taccs, _ = rng.choice(my_traders)
                self.xfer(tt, i, rng.choice(taccs), piece, "mobile", None, self.memo(["货款", "代付货款"], 0.4))
                tt += rng.randint(2 * MIN, 40 * MIN)
                if left <= 0:
                    break
        for m in range(6):
            self.xfer(self.when(rng.randrange(MONTH[m], MONTH[m + 1])), accs[0], self.shop(YIWU),
                      lognorm_fen(rng, 2000, 1.0), "pos", YIWU)

    # ---- private lending and 标会 rotating credit circles -------------------------------------------
    def old_main(self, p):
        for i in p.accts:
            if self.accts[i].opened < SIM_START:
                return i
        return None

    def local_member(self, reg):
        rng = self.rng
        if rng.random() < 0.65:
            for _ in range(5):
                q = rng.choice(self.residents)
                if q.kind != "student" and self.city_of(q.home) == self.city_of(reg):
                    i = self.old_main(q)
                    if i is not None:
                        return i
        return self.pool_peer(reg if rng.random() < 0.8 else None)

    def gen_lending(self):
        rng, P = self.rng, self.P
        for _ in range(P["lenders"]):
            reg = self.local_region(wpick(rng, [("wenzhou", 3), ("taizhou", 2)]))
            p = self.person(reg, "private_lender", (35, 65))
            accs = [self.acct(p, self.local_bank(reg), self.old_open(2, 15), reg, arch="private_lender")
                    for _ in range(rng.randint(1, 3))]
            for i in accs:
                self.bal[i] = lognorm_fen(rng, 150000, 0.8)
            investors = [self.local_member(reg) for _ in range(rng.randint(4, 14))]
            borrowers = []
            for _ in range(rng.randint(3, 10)):
                if self.owners and rng.random() < 0.4:
                    borrowers.append(rng.choice(self.owners).accts[1])
                else:
                    borrowers.append(self.local_member(reg))
            for inv in investors:
                d = rng.randrange(0, 100)
                amt = roundy(lognorm_fen(rng, 200000, 0.6), 10000)
                t = self.when(d, 9, 20)
                i = rng.choice(accs)
                self.xfer(t, inv, i, amt, rng.choice(["mobile", "counter", "online"]), None,
                          self.memo(["借款", "入股", "存款"], 0.3))
                rate = rng.choice([0.008, 0.01, 0.012])
                for m in range(1, 6):
                    if d + 30 * m < NDAYS:
                        self.xfer(self.when(d + 30 * m, 9, 20), i, inv, int(amt * rate), "mobile", None,
                                  self.memo(["利息"], 0.5))
                # pass the money on within hours to a borrower
                b = rng.choice(borrowers)
                loan = roundy(int(amt * (0.8 + 0.5 * rng.random())), 10000)
                t2 = t + rng.randint(20 * MIN, 30 * HOUR)
                self.xfer(t2, i, b, loan, rng.choice(["mobile", "online"]), None, self.memo(["借款", ""], 0.3))
                r = rng.choice([0.015, 0.02, 0.025, 0.03])
                for m in range(1, 6):
                    tt = t2 + m * 30 * DAY + rng.randint(-2 * DAY, 2 * DAY)
                    if tt < DATA_END:
                        self.xfer(tt, b, i, int(loan * r), "mobile", None, self.memo(["利息", "息"], 0.5))
                back = t2 + rng.randint(60, 150) * DAY
                if back < DATA_END:
                    self.xfer(back, b, i, loan, rng.choice(["mobile", "counter"]), None, self.memo(["还款", "还本"], 0.5))

    def gen_circles(self):
        rng, P = self.rng, self.P
        for _ in range(P["circles"]):
            reg = self.local_region(wpick(rng, [("wenzhou", 5), ("taizhou", 3), ("jinhua", 1), ("lishui", 1)]))
            p = self.person(reg, "hui_head", (38, 68))
            head = self.acct(p, self.local_bank(reg), self.old_open(3, 20), reg, arch="biaohui_head")
            self.bal[head] = lognorm_fen(rng, 50000, 0.8)
            n = rng.randint(10, 30)
            members = [self.local_member(reg) for _ in range(n)]
            stake = wpick(rng, [(1000, 2), (2000, 3), (3000, 2), (5000, 3), (10000, 2), (20000, 1)]) * 100
            dom = rng.randint(1, 27)
            won = []
            for m in range(6):
                d = MONTH[m] + dom - 1
                if m == 1 and abs(d - CNY_DAY) < 4:
                    d += 6
                meet = day0(d) + rng.randint(18 * HOUR, 20 * HOUR)
                tot = 0
                for j, mem in enumerate(members):
                    if rng.random() < 0.06:
                        continue                          # paid in cash at the meeting
                    amt = stake + (int(stake * rng.uniform(0.05, 0.15)) // 100 * 100 if j in won else 0)
                    tp = meet - rng.randint(5 * MIN, 10 * HOUR) if rng.random() < 0.75 else \
                        self.when(d - 1, 8, 22)
                    self.xfer(tp, mem, head, amt, "mobile", None,
                              self.memo(["会钱", "标会", "会款"], 0.35))
                    tot += amt
                cand = [j for j in range(n) if j not in won]
                if not cand:
                    continue
                w = rng.choice(cand)
                won.append(w)
                pot = tot - int(tot * rng.uniform(0.0, 0.08)) // 100 * 100
                self.xfer(meet + rng.randint(10 * MIN, 16 * HOUR), head, members[w], pot,
                          rng.choice(["mobile", "mobile", "counter"]), None, self.memo(["会钱", "得会"], 0.3))

    # ---- 侨汇: Qingtian / Wenzhou families with relatives in Europe, and the agents -----------------
    def gen_qiaohui(self):
        rng, P = self.rng, self.P
        agents = []
        for _ in range(P["qiao_agents"]):
            reg = QINGTIAN if rng.random() < 0.6 else LUCHENG
            p = self.person(reg, "qiaohui_agent", (30, 60))
            accs = [self.acct(p, self.local_bank(reg), self.old_open(2, 15), reg, arch="qiaohui_agent")
                    for _ in range(rng.randint(2, 4))]
            for i in accs:
                self.bal[i] = lognorm_fen(rng, 200000, 0.6)
            agents.append((accs, [], reg))
        for _ in range(P["qiao_families"]):
            reg = QINGTIAN if rng.random() < 0.6 else rng.choice([LUCHENG, OUHAI, RUIAN, "330328"])
            p = self.person(reg, "qiaojuan", (30, 80))
            accs = [self.acct(p, self.local_bank(reg), self.old_open(1, 20), reg, arch="qiaohui_family")]
            if rng.random() < 0.4:
                accs.append(self.acct(p, rng.choice(["BOC", "ICBC", "ZJRC"]), self.old_open(1, 15), reg,
                                      arch="qiaohui_family"))
            for i in accs:
                self.bal[i] = lognorm_fen(rng, 60000, 1.0)
            abroad = [self.foreign(wpick(rng, QIAO_COUNTRIES)) for _ in range(rng.randint(1, 2))]
            ag = rng.choice(agents) if agents and rng.random() < 0.6 else None
            for d in self.days(0.7):
                if rng.random() < 0.5 or ag is None:
                    amt = roundy(lognorm_fen(rng, 20000, 0.8), 100)
                    self.xfer(self.when(d, 9, 17), rng.choice(abroad), accs[0], amt,
                              rng.choice(["online", "counter"]), None, self.memo(["FAMILY SUPPORT", "汇款"], 0.3), True)
                else:
                    amt = roundy(lognorm_fen(rng, 30000, 0.8), 1000)
                    ag[1].append((self.when(d, 9, 21), accs[0], amt))
            if rng.random() < 0.5:
                d = CNY_DAY - rng.randint(5, 20)
                self.xfer(self.when(d, 9, 17), rng.choice(abroad), accs[0], roundy(lognorm_fen(rng, 50000, 0.6), 100),
                          "online", None, self.memo(["过年"], 0.3), True)
            fam = accs[0]
            for d in self.days(1.2):
                self.xfer(self.when(d, 8, 20), fam, self.shop(reg), lognorm_fen(rng, 600, 1.0), "pos", reg)
            for d in self.days(0.5):
                self.xfer(self.when(d, 8, 17), fam, None, roundy(lognorm_fen(rng, 2000, 0.7), 100),
                          rng.choice(["atm", "counter"]), reg)
            for d in self.days(0.3):
                self.xfer(self.when(d, 8, 21), fam, self.relative(reg), roundy(lognorm_fen(rng, 5000, 0.9), 100),
                          "mobile", None)
            if len(accs) > 1:
                for d in self.days(0.4):
                    self.xfer(self.when(d, 9, 17), accs[0], accs[1], roundy(lognorm_fen(rng, 30000, 0.8), 1000),
                              "mobile", None)
            if rng.random() < 0.06:
                self.xfer(self.when(rng.randrange(30, NDAYS), 9, 17), fam, self.pool_corp(reg),
                          roundy(lognorm_fen(rng, 300000, 0.5), 1000), "counter", reg, self.memo(["购房款", "定金"], 0.6))
            if rng.random() < 0.05:
                self.xfer(self.when(rng.randrange(30, NDAYS), 9, 16), fam, rng.choice(abroad),
                          roundy(lognorm_fen(rng, 40000, 0.5), 100), "counter", reg, "", True)
        for accs, payouts, reg in agents:
            payouts.sort(key=lambda x: x[0])
            importers = [self.pool_corp() for _ in range(3)] + [self.foreign(wpick(rng, QIAO_COUNTRIES))]
            k = 0
            while k < len(payouts):
                j = k
                tot = 0
                while j < len(payouts) and payouts[j][0] < payouts[k][0] + 4 * DAY:
                    tot += payouts[j][2]
                    j += 1
                src = rng.choice(importers)
                self.xfer(payouts[k][0] - rng.randint(2 * HOUR, 2 * DAY), src, rng.choice(accs),
                          roundy(int(tot * 1.03), 1000), "online", None, "", self.accts[src].bank == "FOREIGN")
                for t, fam, amt in payouts[k:j]:
                    self.xfer(t, rng.choice(accs), fam, amt, "mobile", None, self.memo(["家用", "代收"], 0.2))
                k = j

    # ---- live-streaming sellers: platform settlements, private-domain buyers, refunds ---------------
    def gen_streamers(self):
        rng, P = self.rng, self.P
        for _ in range(P["streamers"]):
            reg = YIWU if rng.random() < 0.45 else self.local_region()
            p = self.person(reg, "live_seller", (20, 38))
            main = self.acct(p, self.local_bank(reg), self.old_open(0.3, 6), reg, arch="live_seller")
            self.bal[main] = lognorm_fen(rng, 20000, 1.0)
            wallet = self.acct(p, "ALIPAY", self.old_open(0.3, 6), reg, cls="II", arch="live_seller") \
                if rng.random() < 0.8 else main
            self.bal[wallet] += lognorm_fen(rng, 3000, 1.0)
            corp = None
            if rng.random() < 0.3:
                corp = self.acct(self.person(reg, "ecommerce_co", corp=True), self.local_bank(reg),
                                 self.old_open(0.3, 5), reg, arch="live_seller_corp")
                self.bal[corp] = lognorm_fen(rng, 50000, 0.8)
            settle_to = corp if corp is not None else main
            plat = rng.choice(self.platform_settle)
            scale = lognorm_fen(rng, 25000, 0.9)
            sup = []
            for _ in range(rng.randint(2, 5)):
                if self.traders and rng.random() < 0.5:
                    sup.append(rng.choice(rng.choice(self.traders)[1]))
                else:
                    sup.append(self.pool_corp(YIWU if rng.random() < 0.6 else None))
            hosts = [self.pool_peer() for _ in range(rng.randint(1, 3))]
            for d in range(rng.randint(0, 6), NDAYS, 7):
                amt = int(scale * (0.3 + 1.4 * rng.random()))
                t = self.when(d, 2, 6)
                self.xfer(t, plat, settle_to, amt, "other", None, self.memo(["结算", "货款结算"], 0.5))
                if rng.random() < 0.8:
                    self.xfer(t + rng.randint(3 * HOUR, 2 * DAY), settle_to, rng.choice(sup),
                              int(amt * (0.4 + 0.4 * rng.random())), "online", None, self.memo(["货款"], 0.4))
                if rng.random() < 0.6:
                    self.xfer(t + rng.randint(HOUR, 3 * DAY), settle_to, plat, int(amt * rng.uniform(0.05, 0.2)),
                              "online", None, self.memo(["推广费", "投流"], 0.5))
            # private-domain sales (WeChat group orders) paid straight to the seller, and refunds
            for d in self.days(rng.uniform(4, 14)):
                buyer = self.pool_peer()
                amt = lognorm_fen(rng, 180, 0.8, 19)
                t = self.when(d, 10, 24 if rng.random() < 0.5 else 23)
                self.xfer(t, buyer, wallet, amt, "mobile", None, self.memo(["付款", "拍"], 0.2))
                if rng.random() < 0.18:
                    self.xfer(t + rng.randint(HOUR, 6 * DAY), wallet, buyer, amt, "mobile", None,
                              self.memo(["退款", "退货退款"], 0.6))
            for d in self.days(rng.uniform(1, 5)):
                self.xfer(self.when(d, 10, 23), wallet, self.pool_peer(), lognorm_fen(rng, 90, 0.8, 5), "mobile", None,
                          self.memo(["退款", "补偿", "差价"], 0.6))
            for m in range(6):
                for h in hosts:
                    self.xfer(self.when(MONTH[m] + rng.randint(0, 9), 12, 23), settle_to, h,
                              roundy(lognorm_fen(rng, 6000, 0.6), 100), "mobile", None, self.memo(["佣金", "坑位费"], 0.4))
                if corp is not None:
                    self.xfer(self.when(MONTH[m] + rng.randint(10, 20), 10, 20), corp, main,
                              roundy(lognorm_fen(rng, 15000, 0.6), 1000), "online", None)
                if wallet != main:
                    self.xfer(self.when(MONTH[m] + rng.randint(0, 27), 10, 23), wallet, main,
                              roundy(lognorm_fen(rng, 2000, 0.8), 100), "mobile", None)
            for d in self.days(1.5):
                self.xfer(self.when(d, 10, 23), main, self.shop(reg), lognorm_fen(rng, 400, 1.0), "pos", reg)

    # ---- Hengdian film base: crew heads (群头) pay extras in bursts; crews move between bases ---------
    def gen_hengdian(self):
        rng, P = self.rng, self.P
        prods = [self.ext_peer(rng.choice(["110105", "310115", "330106", DONGYANG]), corp=True, row_ok=0.25,
                               kind="film_production") for _ in range(16)]
        for k in prods:
            self.bal[k] += lognorm_fen(rng, 3000000, 0.6)
        heads = []
        for _ in range(P["crew_heads"]):
            p = self.person(DONGYANG, "crew_head", (30, 55))
            accs = [self.acct(p, self.local_bank(DONGYANG), self.old_open(2, 10), DONGYANG, arch="crew_head")
                    for _ in range(rng.randint(1, 2))]
            for i in accs:
                self.bal[i] = lognorm_fen(rng, 30000, 0.8)
            heads.append((accs, []))
        crew = []
        for _ in range(P["crew"]):
            home = DONGYANG if rng.random() < 0.3 else wpick(rng, CHINA)
            p = self.person(home, "film_crew", (18, 45))
            skilled = rng.random() < 0.3
            if rng.random() < 0.25 + P["new_frac"]:
                i = self.acct(p, self.local_bank(DONGYANG), self.opening_time(rng.randrange(20, 150)), DONGYANG,
                              arch="film_extra_new" if not skilled else "film_crew_new")
            else:
                i = self.acct(p, self.local_bank(DONGYANG) if rng.random() < 0.6 else self.far_bank(home),
                              self.old_open(0.3, 6), DONGYANG, arch="film_extra" if not skilled else "film_crew")
                self.bal[i] = lognorm_fen(rng, 3000, 1.0)
            fam = self.pool_peer(home)
            crew.append((p, i, skilled, fam))
            if skilled and rng.random() < 0.35:
                # moves on to another base and opens a card there within weeks
                d = rng.randrange(40, NDAYS - 20)
                reg2 = rng.choice([XIANGSHAN, "130681", HANGZHOU])
                j = self.acct(p, self.local_bank(reg2) if self.city_of(reg2) else self.far_bank(reg2),
                              self.opening_time(d), reg2, arch="film_crew_second_base")
                self.xfer(self.when(d + rng.randint(3, 20), 10, 20), rng.choice(prods), j,
                          roundy(lognorm_fen(rng, 9000, 0.5), 100), "online", None, self.memo(["劳务费"], 0.5))
        extras = [c for c in crew if not c[2]]
        skilled = [c for c in crew if c[2]]
        for _ in range(int(len(heads) * 3.5)):
            accs, _ = rng.choice(heads)
            prod = rng.choice(prods)
            d0 = rng.randrange(0, NDAYS - 10)
            span = rng.randint(10, 40)
            cast = rng.sample(extras, min(len(extras), rng.randint(10, 45)))
            for d in range(d0 + rng.randint(2, 6), min(NDAYS, d0 + span), rng.randint(3, 7)):
                t = self.when(d, 17, 23)
                pay = []
                for (p, i, _, fam) in cast:
                    if rng.random() < 0.7 and t > self.accts[i].opened + DAY:
                        pay.append((i, roundy(lognorm_fen(rng, 220, 0.3) * rng.randint(2, 6), 10)))
                if not pay:
                    continue
                tot = sum(a for _, a in pay)
                h = rng.choice(accs)
                self.xfer(t - rng.randint(HOUR, 20 * HOUR), prod, h, roundy(int(tot * 1.15), 100), "online", None,
                          self.memo(["劳务费", "群演费"], 0.5))
                tt = t
                for i, a in pay:
                    tt += rng.randint(15, 200)
                    self.xfer(tt, h, i, a, "mobile", DONGYANG, self.memo(["群演", "工资", ""], 0.3))
            for (p, i, _, fam) in rng.sample(skilled, min(len(skilled), rng.randint(2, 8))):
                t = self.when(min(NDAYS - 1, d0 + span + rng.randint(0, 10)), 10, 20)
                if t > self.accts[i].opened + DAY:
                    self.xfer(t, prod, i, roundy(lognorm_fen(rng, 12000, 0.6), 100), "online", None,
                              self.memo(["劳务费", "工资"], 0.5))
        for (p, i, sk, fam) in crew:
            d0 = self.first_day(i)
            for d in self.days(1.0, d0):
                self.xfer(self.when(d, 9, 23), i, None, roundy(lognorm_fen(rng, 500, 0.5), 100), "atm", DONGYANG)
            for d in self.days(0.4, d0):
                self.xfer(self.when(d, 9, 23), i, fam, roundy(lognorm_fen(rng, 1500, 0.6), 100), "mobile", None)
            for d in self.days(1.0, d0):
                self.xfer(self.when(d, 9, 23), i, self.shop(DONGYANG), lognorm_fen(rng, 80, 0.9), "pos", DONGYANG)

    # ---- people with cards at many banks ----------------------------------------------------------
    def gen_multibank(self):
        rng, P = self.rng, self.P
        for _ in range(P["multibank"]):
            reg = self.local_region()
            p = self.person(reg, "many_cards", (25, 65))
            banks = []
            for b, _ in LOCAL_BANKS[self.city_of(reg)]:
                if rng.random() < 0.55:
                    banks.append(b)
            if len(banks) < 4:
                banks = [b for b, _ in LOCAL_BANKS[self.city_of(reg)]][:4]
            accs = []
            for b in banks:
                i = self.acct(p, b, self.old_open(0.5, 15), reg, arch="many_cards")
                self.bal[i] = lognorm_fen(rng, 30000, 1.0)
                accs.append(i)
            if rng.random() < 0.3 + P["new_frac"]:
                # bank promotions: two to four new cards in the home city within two weeks
                d = rng.randrange(20, NDAYS - 40)
                for b in rng.sample(["ICBC", "ABC", "CCB", "BOC", "ZJRC", "PSBC", "CMB", "CZB"], rng.randint(2, 4)):
                    i = self.acct(p, b, self.opening_time(d + rng.randint(0, 14)), reg, arch="many_cards_promo_new")
                    amt = roundy(lognorm_fen(rng, 20000, 0.6), 1000)
                    t = self.when(self.first_day(i) + rng.randint(0, 2), 9, 20)
                    self.xfer(t, accs[0], i, amt, "mobile", None, "")
                    self.xfer(t + rng.randint(25, 60) * DAY, i, accs[0], amt, "mobile", None, "")
                    accs.append(i)
            for d in self.days(rng.uniform(2, 6)):
                a, b = rng.sample(accs, 2)
                t = self.when(max(d, self.first_day(a), self.first_day(b)), 8, 23)
                self.xfer(t, a, b, roundy(lognorm_fen(rng, 8000, 1.0), 100), "mobile", None)
            for d in self.days(2.0):
                self.xfer(self.when(d, 8, 23), rng.choice(accs[:3]), rng.choice(self.online),
                          lognorm_fen(rng, 200, 1.0), "online", None)
            for d in self.days(0.8):
                self.xfer(self.when(d, 9, 12), self.pool_corp(), accs[0], lognorm_fen(rng, 9000, 0.5), "other", None,
                          self.memo(["工资"], 0.5))

    # ==============================================================================================
    # fraud
    # ==============================================================================================
    def simple_life(self, i, d_from, d_to, region, scale=1.0):
        """an ordinary life on account i between two days (salary, shopping, family, cash)"""
        rng = self.rng
        d_from = max(d_from, self.first_day(i))
        d_to = min(d_to, NDAYS)
        if d_to <= d_from:
            return
        emp = self.pool_corp(region)
        sal = lognorm_fen(rng, 5500 * scale, 0.4)
        pd = rng.randint(5, 20)
        for m in range(6):
            d = MONTH[m] + pd
            if d_from <= d < d_to and rng.random() < 0.9:
                self.xfer(self.when(d, 9, 12), emp, i, sal, "other", None, self.memo(["工资"], 0.5))
        for d in self.days(1.8, d_from, d_to):
            if rng.random() < 0.5:
                self.xfer(self.when(d, 8, 23), i, self.shop(region), lognorm_fen(rng, 150, 1.0, 3), "pos", region)
            else:
                self.xfer(self.when(d, 7, 24), i, rng.choice(self.online), lognorm_fen(rng, 120, 1.0, 2), "online",
                          None)
        for d in self.days(0.35, d_from, d_to):
            self.xfer(self.when(d, 8, 22), i, self.pool_peer(region), roundy(lognorm_fen(rng, 900, 0.8), 100),
                      "mobile", None)
        for d in self.days(0.25, d_from, d_to):
            self.xfer(self.when(d, 8, 22), self.pool_peer(region), i, roundy(lognorm_fen(rng, 700, 0.8), 100),
                      "mobile", None)
        for d in self.days(0.4, d_from, d_to):
            self.xfer(self.when(d, 8, 22), i, None, roundy(lognorm_fen(rng, 600, 0.5), 100), "atm", region)

    def recruit_home(self, local_p=0.4):
        rng = self.rng
        if rng.random() < local_p:
            return self.local_region()
        return wpick(rng, CHINA + [("450103", 4), ("451402", 2), ("431102", 3), ("360702", 3), ("530102", 3)])

    def bank_for(self, region):
        return self.local_bank(region) if self.city_of(region) else self.far_bank(region)

    def hk_account(self):
        rng = self.rng
        s = "HK" + rng.choice(["004", "012", "024", "039", "072"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
        fp = Person(len(self.persons), "", "", "foreign", True)
        self.persons.append(fp)
        self.used.add(s)
        return self.acct(fp, "FOREIGN", SIM_START - 3 * 365 * DAY, "", cls="corp", role="mule", arch="offshore_exit",
                         aid=s)

    def empty_to(self, t, i, j, frac):
        amt = int(self.bal[i] * frac) // 100 * 100
        if amt >= 100:
            self.xfer(t, i, j, amt, "mobile", None, "")

    # ---- U商: USDT over-the-counter dealers ---------------------------------------------------------
    def gen_ushang(self):
        rng, P = self.rng, self.P
        self.ushang = []
        self.usdt_sellers = []
        for _ in range(P["ushang"]):
            home = self.local_region() if rng.random() < 0.3 else wpick(rng, CHINA)
            p = self.person(home, "usdt_otc", (22, 45))
            accs = []
            for _ in range(rng.randint(2, 4)):
                i = self.acct(p, self.bank_for(home) if rng.random() < 0.6 else wpick(rng, NATIONAL),
                              self.old_open(0.2, 6), home, role="ushang", arch="ushang_otc")
                a = self.accts[i]
                a.hops, a.layer, a.delay = [], "ushang", (5 * MIN, 3 * HOUR)
                self.bal[i] = lognorm_fen(rng, 80000, 0.8)
                accs.append(i)
                self.ushang.append(i)
            for _ in range(rng.randint(6, 14)):
                self.usdt_sellers.append(self.ext_peer(wpick(rng, CHINA), (20, 45), row_ok=0.3, kind="usdt_seller"))
            # the lawful-looking side of the OTC business
            for d in self.days(rng.uniform(8, 20)):
                i = rng.choice(accs)
                amt = roundy(lognorm_fen(rng, 20000, 0.9), 1) + rng.randint(0, 99) * 100
                t = self.when(d, 0, 24)
                self.xfer(t, self.pool_peer(), i, amt, "mobile", None, self.memo(["货款", "USDT", "u"], 0.15))
                self.xfer(t + rng.randint(5 * MIN, 8 * HOUR), i, rng.choice(self.usdt_sellers),
                          int(amt * rng.uniform(0.97, 1.0)), "mobile", None, "")
            for d in self.days(2.0):
                a, b = rng.sample(accs, 2)
                self.xfer(self.when(d, 0, 24), a, b, roundy(lognorm_fen(rng, 30000, 0.8), 100), "mobile", None)

    # ---- card farmers (一人多卡): many cards in many cities within weeks -------------------------
    def gen_farmers(self):
        rng, P = self.rng, self.P
        self.farmer_cards = []       # [acct, ready_day, farmer person]
        self.farmers = []
        for k in range(P["farmers"]):
            home = wpick(rng, FARMER_HOME)
            p = self.person(home, "card_farmer", (20, 40))
            h = self.acct(p, self.far_bank(home), self.old_open(2, 8), home, role="farmer_card", arch="farmer_home")
            self.accts[h].farmer = 1
            self.bal[h] = lognorm_fen(rng, 2000, 1.0)
            self.simple_life(h, 0, NDAYS, home, 0.6)
            d = rng.randrange(-20, 110)
            cities = rng.sample(FARMER_CITIES, rng.randint(3, 6))
            cards = []
            for c in cities:
                banks = []
                for _ in range(rng.randint(2, 5)):
                    b = self.bank_for(c) if rng.random() < 0.7 else wpick(rng, NATIONAL)
                    if b in banks:
                        continue
                    banks.append(b)
                    t = self.opening_time(d)
                    i = self.acct(p, b, t, c, cls=rng.choice(["I", "I", "II"]), role="farmer_card", arch="farmer_card")
                    self.accts[i].farmer = 1
                    cards.append(i)
                    if rng.random() < 0.5:
                        self.xfer(t + rng.randint(2 * MIN, 20 * MIN), None, i, rng.choice([1000, 2000, 5000, 10000]),
                                  "counter", c, "", tag="card_setup")
                d += rng.randint(1, 4)
            self.farmers.append((p, h, cards))
            for i in cards:
                if rng.random() < 0.2:
                    continue                      # held back (or sold to a buyer who never used it here)
                self.farmer_cards.append([i, self.dayof(self.accts[i].opened) + rng.randint(5, 30), p])

    def take_farmer_card(self, d_use):
        for k, (i, ready, p) in enumerate(self.farmer_cards):
            if ready <= d_use and self.accts[i].opened < day0(d_use):
                self.farmer_cards.pop(k)
                return i, p
        return None, None

    # ---- a mule account of a given origin, in use from day d_use -----------------------------------
    def mule(self, origin, synd, layer, d_use, d_end):
        rng = self.rng
        op = synd["ops"][0] if synd["ops"] else None
        if origin == "farmer":
            i, fp = self.take_farmer_card(d_use)
            if i is None:
                origin = "fresh"
            else:
                a = self.accts[i]
                a.arch = "farmer_card_used"
                synd["farmer_sets"].setdefault(fp.pid, [fp, 0])[1] += 1
        if origin in ("fresh", "weeks"):
            home = self.recruit_home(0.45 if layer == "L1" else 0.3)
            p = self.person(home, "recruit", (18, 32) if rng.random() < 0.8 else (33, 60))
            lag = rng.randint(0, 10) if origin == "fresh" else rng.randint(14, 75)
            reg = home if rng.random() < 0.8 else self.local_region()
            i = self.acct(p, self.bank_for(reg), self.opening_time(d_use - lag), reg,
                          cls="I" if rng.random() < 0.75 else "II", role="mule",
                          arch="fresh_opened" if origin == "fresh" else "opened_weeks_before")
            if rng.random() < 0.3:
                # the recruit's own older card, where the card buyer pays him
                own = self.acct(p, self.bank_for(home), self.old_open(1, 6), home, arch="recruit_own_card")
                self.bal[own] = lognorm_fen(rng, 1500, 1.0)
                if op is not None:
                    self.xfer(self.when(d_use - lag + rng.randint(0, 3), 9, 23), op, own,
                              roundy(lognorm_fen(rng, 1500, 0.4), 100), "mobile", None, "", tag="card_purchase")
        elif origin in ("rented_old", "sold_old"):
            home = self.recruit_home(0.5)
            p = self.person(home, "ordinary_then_" + origin, (20, 55))
            i = self.acct(p, self.bank_for(home), self.old_open(1.5, 12), home, role="mule", arch=origin)
            self.bal[i] = lognorm_fen(rng, 6000, 1.0)
            take = d_use - rng.randint(1, 6)
            self.simple_life(i, 0, take, home)
            own = self.acct(p, self.bank_for(home), self.old_open(0.5, 8) if rng.random() < 0.6
                            else self.opening_time(max(-30, take - rng.randint(3, 20))), home,
                            arch="renter_other_card" if origin == "rented_old" else "seller_other_card")
            self.bal[own] = lognorm_fen(rng, 1000, 1.0)
            self.simple_life(own, take, NDAYS, home)
            if take - 1 >= 0:
                self.later(self.when(take - 1, 9, 22), self.empty_to, i, own, rng.uniform(0.7, 1.0))
            if op is not None:
                if origin == "rented_old":
                    for m in range(0, 7):
                        dd = take + 30 * m + rng.randint(0, 3)
                        if dd < min(NDAYS, d_end + 30):
                            self.xfer(self.when(dd, 10, 23), op, own, roundy(lognorm_fen(rng, 2000, 0.3), 100),
                                      "mobile", None, self.memo(["", "工资", "还款"], 0.4), tag="card_rent")
                else:
                    self.xfer(self.when(take, 10, 23), op, own, roundy(lognorm_fen(rng, 2500, 0.4), 100), "mobile",
                              None, "", tag="card_purchase")
        a = self.accts[i]
        a.synd = synd["k"]
        a.layer = layer
        a.hops = []
        a.act0, a.act1 = day0(d_use), day0(d_end) + DAY
        fast = rng.random() >= self.P["slow_frac"]
        if layer == "cash":
            s = self.P["cash_speed"]
            a.delay = (int(20 * MIN / s), int(10 * HOUR / s))
            a.cash_region = rng.choice(synd["cash_regions"])
        elif fast:
            a.delay = (1 * MIN, 25 * MIN)
        else:
            lo, hi = self.P["hold_days"]
            a.delay = (int(lo * DAY), int(hi * DAY))
        return i

    def gen_paofen(self):
        """跑分: people who lend their own everyday account (and QR code) to a score-running platform"""
        rng, P = self.rng, self.P
        self.paofen = []
        for _ in range(P["paofen"]):
            home = self.recruit_home(0.35)
            p = self.person(home, "paofen", (18, 35))
            i = self.acct(p, self.bank_for(home) if rng.random() < 0.7 else "ALIPAY", self.old_open(0.5, 8), home,
                          role="paofen", arch="paofen_own_account")
            a = self.accts[i]
            self.bal[i] = lognorm_fen(rng, 3000, 1.0)
            self.simple_life(i, 0, NDAYS, home)
            d0 = rng.randrange(0, NDAYS - 20)
            a.act0, a.act1 = day0(d0), day0(min(NDAYS, d0 + rng.randint(20, 110)))
            a.hops, a.layer, a.delay = [], "paofen", (30, 15 * MIN)
            self.paofen.append(i)

    # ---- gangs (团伙): layers of mule accounts ----------------------------------------------------
    def tracks(self, synd, layer, ntr, len_lo, len_hi, mix):
        rng = self.rng
        out = []
        for _ in range(ntr):
            d = rng.randint(-15, 6)
            while d < NDAYS - 1:
                ln = rng.randint(len_lo, len_hi)
                out.append(self.mule(wpick(rng, mix), synd, layer, d, d + ln))
                d += ln + rng.randint(-2, 3)
        return out

    def gen_syndicates(self):
        rng, P = self.rng, self.P
        self.synds = []
        typs = [(t[0], t[1]) for t in TYPOLOGY]
        mix = [(o, w) for o, w in P["mule_mix"] if o != "paofen"]
        deep_mix = [(o, w) for o, w in mix if o != "rented_old"] + [("rented_old", 4)]
        for k in range(P["syndicates"]):
            base = wpick(rng, CASHOUT)
            synd = dict(k=k, base=base, ops=[], farmer_sets={}, pf=[],
                        cash_regions=[base] + [wpick(rng, CASHOUT) for _ in range(rng.randint(0, 2))])
            for _ in range(rng.randint(1, 2)):
                home = wpick(rng, CASHOUT)
                p = self.person(home, "gang_operator", (22, 45))
                i = self.acct(p, self.bank_for(home) if rng.random() < 0.5 else wpick(rng, NATIONAL),
                              self.old_open(0.3, 4), home, role="operator", arch="gang_operator")
                self.bal[i] = lognorm_fen(rng, 300000, 0.5)
                self.accts[i].synd = k
                synd["ops"].append(i)
            tw = []
            for _ in range(rng.randint(2, 4)):
                tw.append((wpick(rng, typs), rng.uniform(0.5, 2.0)))
            synd["typ"] = tw
            short = 3 if self.variant == "V3" else 4
            synd["L1"] = self.tracks(synd, "L1", rng.randint(2, 3), short, 20 if self.variant != "V2" else 30, mix)
            synd["L2"] = self.tracks(synd, "L2", rng.randint(1, 2), 15, 60, deep_mix)
            synd["L3"] = self.tracks(synd, "L3", 1, 20, 70, deep_mix) if rng.random() < 0.5 else []
            synd["cash"] = self.tracks(synd, "cash", rng.randint(1, 2), 10, 45, deep_mix)
            synd["ushang"] = rng.sample(self.ushang, min(len(self.ushang), rng.randint(2, 5)))
            synd["offshore"] = [self.hk_account() for _ in range(rng.randint(0, 2))]
            u = 3.0 if self.variant == "V3" else 1.0
            synd["exit"] = [("cash", 4), ("ushang", 3 * u), ("offshore", 1 if synd["offshore"] else 0), ("consume", 1)]
            for j in synd["L1"]:
                self.accts[j].hops = synd["L2"]
            nxt = synd["L3"] if synd["L3"] else None
            for j in synd["L2"]:
                self.accts[j].hops = nxt if nxt else []
            for j in synd["L3"]:
                self.accts[j].hops = []
            self.synds.append(synd)
        # 跑分 participants work for a gang through a platform; they post a deposit first
        for i in self.paofen:
            synd = rng.choice(self.synds)
            a = self.accts[i]
            a.synd, a.hops = synd["k"], synd["L2"]
            synd["pf"].append(i)
            self.xfer(a.act0 + rng.randint(8 * HOUR, 20 * HOUR), i, rng.choice(synd["ops"]),
                      roundy(lognorm_fen(rng, 2000, 0.4), 100), "mobile", None, self.memo(["押金", "保证金"], 0.3),
                      tag="paofen_deposit")
        # card farmers are paid per set of cards that a gang bought
        trip_end = {}
        for (p, h, cards) in self.farmers:
            trip_end[p.pid] = (h, max(self.dayof(self.accts[i].opened) for i in cards))
        for synd in self.synds:
            for pid in sorted(synd["farmer_sets"]):
                fp, n = synd["farmer_sets"][pid]
                h, d = trip_end[pid]
                for _ in range(max(1, (n + 3) // 4)):
                    self.xfer(self.when(d + rng.randint(1, 8), 9, 23), synd["ops"][0], h,
                              roundy(lognorm_fen(rng, 5500, 0.08), 100), "mobile", None, "", tag="card_purchase")

    def active(self, lst, t):
        acc = self.accts
        c = [j for j in lst if acc[j].act0 <= t <= acc[j].act1 and acc[j].opened < t]
        if not c:
            c = [j for j in lst if acc[j].opened < t - HOUR and acc[j].act1 >= t - 15 * DAY]
        if not c:
            c = [j for j in lst if acc[j].opened < t - HOUR]
        return self.rng.choice(c) if c else None

    def sweep_delay(self, i, t):
        lo, hi = self.accts[i].delay
        d = self.rng.randint(lo, hi)
        if hi > 6 * HOUR:
            # slow movers act in working hours or late evening, not at random seconds
            g = time.gmtime(t + d + TZ)
            if g.tm_hour < 8:
                d += (8 - g.tm_hour) * HOUR
        return d

    def split(self, amt, n):
        rng = self.rng
        if n <= 1:
            return [amt]
        ws = [rng.uniform(0.5, 1.5) for _ in range(n)]
        tot = sum(ws)
        out = []
        left = amt
        for w in ws[:-1]:
            x = int(amt * w / tot)
            if rng.random() < 0.6:
                x = x // 10000 * 10000
            x = max(100, min(x, left - 100 * (n - len(out) - 1)))
            out.append(x)
            left -= x
        out.append(left)
        return [x for x in out if x > 0]

    def sweep(self, t, i):
        rng = self.rng
        a = self.accts[i]
        a.pend = False
        amt = min(self.dirty[i], self.bal[i])
        if amt < 10000:
            return
        if a.layer == "ushang":
            self.dirty[i] -= amt
            return self.ushang_out(t, i, amt)
        if a.layer == "cash":
            self.dirty[i] -= amt
            return self.cash_out(t, i, amt)
        synd = self.synds[a.synd]
        reg = synd["base"] if rng.random() < 0.6 else None
        fast = a.delay[1] <= HOUR
        if a.layer == "paofen":
            keep = int(amt * rng.uniform(0.01, 0.03))
            fwd = amt - keep
            self.dirty[i] -= amt
            dest = self.active(a.hops, t)
            if dest is None:
                return
            for k, x in enumerate(self.split(fwd, 1 if fwd < 500000 or rng.random() < 0.6 else 2)):
                self.xfer(t + rng.randint(20, 400) * (k + 1), i, dest, x, "mobile", None, "", tag="paofen_forward",
                          mode=1)
            return
        n = 1 if amt < 2000000 else rng.randint(1, 3) if amt < 10000000 else rng.randint(2, 4)
        pieces = self.split(amt, n)
        plan = []
        for x in pieces:
            if a.hops:
                dest = self.active(a.hops, t)
                if dest is None:
                    break
                plan.append((dest, x, "layering"))
            else:
                kind = wpick(rng, synd["exit"])
                if kind == "cash":
                    dest = self.active(synd["cash"], t)
                    if dest is None:
                        kind = "ushang"
                if kind == "ushang":
                    dest = rng.choice(synd["ushang"]) if synd["ushang"] else None
                    if dest is None:
                        kind = "consume"
                if kind == "offshore":
                    dest = rng.choice(synd["offshore"])
                if kind == "consume":
                    dest = self.shop(rng.choice(synd["cash_regions"]))
                plan.append((dest, x, {"cash": "layering", "ushang": "to_ushang", "offshore": "cross_border_exit",
                                       "consume": "cash_out"}[kind]))
        if len(plan) < len(pieces):
            a.pend = True
            self.sweep_at(t + DAY, i)
            return
        self.dirty[i] -= amt
        if a.layer in ("L2", "L3") and amt >= 500000 and rng.random() < 0.3 and synd["ops"]:
            c = int(amt * rng.uniform(0.02, 0.05))
            d0, x0, k0 = plan[-1]
            if x0 > c + 100:
                plan[-1] = (d0, x0 - c, k0)
                plan.append((rng.choice(synd["ops"]), c, "commission"))
        tt = t
        for dest, x, kind in plan:
            tt += rng.randint(20, 240) if fast else rng.randint(5 * MIN, 3 * HOUR)
            if kind == "cross_border_exit":
                self.xfer(tt, i, dest, x, "online", None, "", True, tag=kind, mode=1)
            elif kind == "cash_out":
                self.xfer(tt + rng.randint(HOUR, 10 * HOUR), i, dest, x, "pos", self.accts[dest].region, "",
                          tag=kind, mode=1)
            else:
                self.xfer(tt, i, dest, x, "mobile" if rng.random() < 0.7 else "online", reg,
                          self.memo(["货款", "还款", "往来款", "工程款"], 0.15), tag=kind, mode=1)

    def cash_out(self, t, i, amt):
        """ATM withdrawals in chunks up to a daily limit, counter withdrawals under 50,000, far from home"""
        rng = self.rng
        a = self.accts[i]
        reg = a.cash_region
        speed = self.P["cash_speed"]
        left = amt // 10000 * 10000
        tt = t
        while left >= 10000:
            day = self.dayof(tt)
            if left >= 3000000 and rng.random() < min(0.85, 0.5 * speed):
                x = min(left, rng.randint(400, 499) * 10000)
                g = time.gmtime(tt + TZ)
                if not 9 <= g.tm_hour < 16:
                    tt = day0(self.dayof(tt) + (1 if g.tm_hour >= 16 else 0)) + rng.randint(9 * HOUR, 15 * HOUR)
                self.xfer(tt, i, None, x, "counter", reg, "", tag="cash_out", mode=1)
                left -= x
                tt += rng.randint(20 * MIN, 3 * HOUR)
                continue
            cap = 2000000 - self.atm_day.get((i, day), 0)      # a card's daily ATM limit
            chunk = rng.choice([250000, 300000, 500000, 500000])
            while left >= 10000 and cap >= 10000:
                x = min(chunk, left, cap)
                self.xfer(tt, i, None, x, "atm", reg, "", tag="cash_out", mode=1)
                self.atm_day[(i, day)] = self.atm_day.get((i, day), 0) + x
                left -= x
                cap -= x
                tt += rng.randint(30, 180)
            if left >= 10000:
                tt = day0(self.dayof(tt) + 1) + rng.randint(0, 2 * HOUR) if rng.random() < 0.5 else \
                    day0(self.dayof(tt) + 1) + rng.randint(9 * HOUR, 22 * HOUR)

    def ushang_out(self, t, i, amt):
        rng = self.rng
        tt = t
        for x in self.split(amt, 1 if amt < 3000000 else rng.randint(2, 4)):
            tt += rng.randint(MIN, 2 * HOUR)
            self.xfer(tt, i, rng.choice(self.usdt_sellers), x, "mobile", None, "", tag="ushang_payout", mode=1)

    # ---- victims and cases -----------------------------------------------------------------------
    def victim(self, typ):
        """a victim's paying account (an ordinary person with a life where the data can see it)"""
        rng = self.rng
        age = {"police_gov": (19, 75), "credit_record": (19, 30), "game_trade": (14, 25), "brushing": (18, 45),
               "romance": (28, 55), "investment": (28, 62), "subsidy_refund": (45, 75), "accident_kidnap": (45, 75),
               "fake_job": (18, 30)}.get(typ, (20, 65))
        if rng.random() < 0.18:
            for _ in range(20):
                q = rng.choice(self.residents)
                i = self.old_main(q)
                if i is not None:
                    self.accts[i].victim = True
                    others = [j for j in q.accts if j != i and self.accts[j].opened < SIM_START]
                    return i, (others[0] if others else None), q.home
        home = wpick(rng, CHINA)
        p = self.person(home, "victim", age)
        i = self.acct(p, self.far_bank(home), self.old_open(1, 15), home, arch="victim_remote")
        self.accts[i].victim = True
        self.bal[i] = lognorm_fen(rng, 25000, 1.0)
        sav = None
        if rng.random() < 0.5:
            sav = self.acct(p, self.far_bank(home), self.old_open(1, 15), home, arch="victim_remote_savings")
            self.bal[sav] = lognorm_fen(rng, 80000, 1.0)
        if self.row_any(p):
            self.simple_life(i, 0, NDAYS, home, 1.2)
        return i, sav, home

    def gen_cases(self):
        rng, P = self.rng, self.P
        self.cases = []
        lenders = [self.pool_corp(r) for r in ("330106", "440304", "310115", "110105")]
        three_party = []
        for _, accs, _ in self.traders:
            three_party.append(accs[0])
        for cid in range(P["cases"]):
            synd = self.synds[rng.randrange(len(self.synds))]
            typ = wpick(rng, synd["typ"])
            spec = TYPO[typ]
            vi, sav, home = self.victim(typ)
            n = rng.randint(spec[1], spec[2])
            start = self.when(rng.randrange(3, NDAYS - 2), 9, 23)
            reported = rng.random() < min(0.97, P["victim_label"] / 0.88)
            self.cases.append((cid, typ, vi, reported))
            t = start
            amt = lognorm_fen(rng, spec[3], 0.5, 50)
            elderly = typ in ("police_gov", "subsidy_refund", "accident_kidnap", "parcel")
            for k in range(n):
                if k:
                    t += int(rng.uniform(0.1, 1.0) * spec[5] * DAY / max(1, n - 1)) + rng.randint(5 * MIN, 40 * MIN)
                    amt = int(amt * spec[4] * math.exp(rng.gauss(0, 0.25)))
                if t >= DATA_END:
                    break
                pay = min(amt, 50000000 + rng.randint(0, 10000000))
                if rng.random() < 0.55:
                    pay = roundy(pay, 1000 if pay > 500000 else 100)
                # money found for the payment: own savings, an online loan, relatives
                if pay > 500000 and rng.random() < 0.8:
                    r = rng.random()
                    src = sav if (sav is not None and r < 0.5) else (rng.choice(lenders) if r < 0.8
                                                                      else self.pool_peer(home))
                    memo = "" if src == sav else self.memo(["借款", "放款"], 0.5)
                    self.xfer(t - rng.randint(20 * MIN, 20 * HOUR), src, vi, int(pay * rng.uniform(0.9, 1.1)),
                              "online" if src in lenders else "mobile", None, memo)
                if typ == "subsidy_refund":
                    ch = "atm"
                elif elderly and rng.random() < 0.4:
                    ch = "counter"
                else:
                    ch = "mobile" if rng.random() < 0.75 else "online"
                reg = home if ch in ("atm", "counter") or rng.random() < 0.5 else None
                tt = t if ch not in ("atm", "counter") else day0(self.dayof(t)) + rng.randint(9 * HOUR, 16 * HOUR)
                # where the money goes: a gang's collecting account, a 跑分 account, or (三方诈骗) a real seller
                if typ in ("shopping_service", "brushing", "game_trade") and rng.random() < 0.012:
                    dest = rng.choice(three_party)
                elif typ in SMALL_TYPES and synd["pf"] and rng.random() < 0.45:
                    dest = self.active(synd["pf"], tt) or self.active(synd["L1"], tt)
                else:
                    dest = self.active(synd["L1"], tt) or (self.active(synd["pf"], tt) if synd["pf"] else None)
                if dest is None:
                    continue
                self.xfer(tt, vi, dest, pay, ch, reg, self.memo(MEMOS.get(typ, ["转账"]), 0.2),
                          tag="victim_payment|%d" % cid, mode=1)
                # the hook: a small "rebate" or "withdrawal" paid back early on
                if k < 2 and spec[6] and rng.random() < spec[6] and self.accts[dest].role != "lawful":
                    back = int(pay * rng.uniform(1.05, 1.3))
                    src = rng.choice(synd["ops"]) if rng.random() < 0.6 else dest
                    self.xfer(tt + rng.randint(5 * MIN, int(max(10 * MIN, spec[5] * DAY / 4))), src, vi, back,
                              "mobile", None, self.memo(["佣金", "返利", "提现"], 0.3), tag="rebate", mode=1)


# typology: id -> (weight, n_lo, n_hi, first payment yuan, growth per payment, span in days, rebate prob)
TYPO = {
    "brushing": (25, 2, 6, 300, 2.0, 0.6, 0.8), "investment": (14, 3, 8, 8000, 1.35, 40, 0.5),
    "romance": (7, 3, 8, 12000, 1.3, 50, 0.3), "ecommerce_cs": (12, 1, 4, 8000, 1.3, 0.2, 0),
    "loan_card": (10, 2, 5, 1500, 1.6, 3, 0), "police_gov": (6, 1, 3, 60000, 1.2, 3, 0),
    "credit_record": (6, 1, 3, 20000, 1.3, 1, 0), "shopping_service": (6, 1, 2, 800, 1.5, 1, 0),
    "leader_acquaintance": (5, 1, 2, 40000, 1.0, 0.3, 0), "game_trade": (3, 1, 3, 1000, 1.8, 1, 0),
    "fake_job": (2, 1, 2, 500, 1.5, 2, 0), "subsidy_refund": (1, 1, 2, 15000, 1.0, 0.2, 0),
    "accident_kidnap": (1, 1, 2, 20000, 1.0, 0.2, 0), "prize": (1, 1, 3, 3000, 2.0, 2, 0),
    "parcel": (1, 1, 3, 50000, 1.3, 2, 0), "phone_bill": (0.5, 1, 2, 30000, 1.2, 1, 0),
    "military_purchase": (0.5, 1, 3, 10000, 1.5, 5, 0),
}
TYPOLOGY = [(k, v[0]) for k, v in TYPO.items()]
SMALL_TYPES = ("brushing", "shopping_service", "game_trade", "fake_job", "loan_card", "prize")
MEMOS = {"investment": ["投资", "入金", "充值"], "romance": ["充值", "投资"], "brushing": ["任务", "垫付", "货款"],
         "loan_card": ["保证金", "解冻", "手续费"], "police_gov": ["资金清查", ""], "credit_record": ["还款", "注销"],
         "ecommerce_cs": ["退款", "理赔"], "shopping_service": ["货款", "定金"], "game_trade": ["账号", "装备"]}


# --------------------------------------------------------------------------------------------------
# building, labelling, writing
# --------------------------------------------------------------------------------------------------
def build(variant, seed):
    w = World(variant, seed)
    w.gen_infrastructure()
    w.gen_residents()
    w.fund_employers()
    w.gen_workshops()
    w.gen_yiwu()
    w.gen_lending()
    w.gen_circles()
    w.gen_qiaohui()
    w.gen_streamers()
    w.gen_hengdian()
    w.gen_multibank()
    w.gen_ushang()
    w.gen_farmers()
    w.gen_paofen()
    w.gen_syndicates()
    w.gen_cases()
    w.init_bal = list(w.bal)
    w.run()
    return w


def label(w):
    """an anti-fraud centre's confirmed list: incomplete, and with a few mistakes"""
    rng = w.rng                      # the world's one generator, continued
    accts, P = w.accts, w.P
    vp_in = [0] * len(accts)          # victim payments received, in the data
    fraud_touch = [0] * len(accts)    # fraud-related transfers touching the account, in the data
    seen = [False] * len(accts)
    for r in w.out:
        tag = r[8]
        for i in (r[1], r[2]):
            if i is not None:
                seen[i] = True
        if tag:
            for i in (r[1], r[2]):
                if i is not None:
                    fraud_touch[i] += 1
            if tag.startswith("victim_payment") and r[2] is not None:
                vp_in[r[2]] += 1
    w.vp_in, w.fraud_touch = vp_in, fraud_touch
    acc_lab = {}
    base = {"L1": 0.55, "L2": 0.36, "L3": 0.26, "cash": 0.44, "paofen": 0.44, "ushang": 0.26}
    for a in accts:
        if a.role not in FRAUD_ROLES or not (a.row or seen[a.i]):
            continue
        if a.role == "operator":
            p = 0.35
        elif a.role == "farmer_card" and not a.layer:
            p = 0.04 if a.arch == "farmer_card" else 0.1
        else:
            p = base.get(a.layer, 0.3)
            if vp_in[a.i]:
                p += 0.3
            elif not fraud_touch[a.i]:
                p *= 0.3
        if not a.row:
            p *= 0.8
        if rng.random() < min(0.97, p * P["mule_label"]):
            acc_lab[a.i] = "mule"
    # mistakes: real sellers paid by victims in 三方诈骗, and a few look-alikes
    tp = [a.i for a in accts if a.row and a.role == "lawful" and vp_in[a.i]]
    wrong = rng.sample(tp, min(len(tp), rng.randint(1, 3)))
    look = [a.i for a in accts if a.row and a.role == "lawful" and a.arch in
            ("biaohui_head", "buyers_agent", "worker_new_arrival", "private_lender", "crew_head", "live_seller",
             "qiaohui_agent", "film_extra_new")]
    for i in rng.sample(look, min(len(look), rng.randint(2, 4))):
        if i not in wrong:
            wrong.append(i)
    for i in wrong:
        acc_lab[i] = "mule"
    # transfers: victim payments of reported cases (most of them), plus a couple of wrong ones
    reported = {cid: rep for cid, _, _, rep in w.cases}
    txn_lab = []
    victim_other = []
    for n, r in enumerate(w.out):
        tag = r[8]
        if tag.startswith("victim_payment"):
            cid = int(tag.split("|")[1])
            if rng.random() < (0.9 if reported[cid] else 0.03):
                txn_lab.append(n)
        elif not tag and r[1] is not None and accts[r[1]].victim:
            victim_other.append(n)
    wrong_txn = rng.sample(victim_other, min(len(victim_other), rng.randint(2, 4)))
    txn_lab.extend(wrong_txn)
    # card farmers: the holder, when the police traced some of the cards
    holder_lab = []
    for (p, h, cards) in w.farmers:
        used = any(fraud_touch[i] for i in cards)
        if rng.random() < (0.6 if used else 0.15):
            holder_lab.append(p)
    if len(w.farmers) >= 2 and len(holder_lab) == len(w.farmers):
        holder_lab.pop()
    if not holder_lab and w.farmers:
        holder_lab.append(w.farmers[0][0])
    promo = [w.accts[i].owner for i in range(len(accts)) if accts[i].arch == "many_cards_promo_new"
             and accts[i].row]
    wrong_holder = []
    if promo:
        q = rng.choice(promo)
        wrong_holder.append(q)
    # account status at extract time
    for a in accts:
        if not a.row:
            continue
        if a.i in acc_lab:
            if rng.random() < (0.35 if a.role != "lawful" else 0.5):
                a.status = "frozen"
        elif a.role in FRAUD_ROLES and fraud_touch[a.i] and rng.random() < 0.03:
            a.status = "frozen"
        elif a.arch == "private_lender" and rng.random() < 0.05:
            a.status = "frozen"          # a court freeze in a lending dispute
    w.acc_lab, w.txn_lab, w.wrong = acc_lab, sorted(txn_lab), wrong
    w.wrong_txn = wrong_txn
    w.holder_lab = holder_lab + wrong_holder
    w.wrong_holder = wrong_holder


def write(w, out, truth):
    os.makedirs(out, exist_ok=True)
    accts = w.accts
    ids = ["T%08d" % (n + 1) for n in range(len(w.out))]

    def wcsv(name, header, rows):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            cw = csv.writer(f, lineterminator="\n")
            cw.writerow(header)
            for r in rows:
                cw.writerow(r)

    def opening(a):
        if a.opened >= w.starts[a.bank]:
            return w.init_bal[a.i]
        fb = w.first_bal[a.i]
        return fb if fb is not None else w.bal[a.i]

    rows = sorted((a for a in accts if a.row), key=lambda a: (a.id, a.bank))
    wcsv("accounts.csv", ["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                          "opening_balance", "status"],
         ([a.id, a.bank, a.owner.idno, rfc(a.opened), a.region, a.cls, yuan(opening(a)), a.status] for a in rows))

    def trow(n, r):
        t, a, b, fen, ch, reg, memo, xb, tag = r
        kind = "deposit" if a is None else "withdrawal" if b is None else "transfer"
        return [ids[n], rfc(t), accts[a].id if a is not None else "", accts[b].id if b is not None else "",
                yuan(fen), "CNY", ch, reg or "", kind, memo, "true" if xb else "false"]

    wcsv("transfers.csv", ["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                           "kind", "memo", "cross_border"], (trow(n, r) for n, r in enumerate(w.out)))
    lab = [("account", accts[i].id, l) for i, l in w.acc_lab.items()]
    lab += [("transfer", ids[n], "fraud") for n in w.txn_lab]
    lab += [("holder", p.idno, "card_farmer") for p in w.holder_lab]
    lab.sort()
    wcsv("labels.csv", ["kind", "id", "label"], lab)
    if not truth:
        return
    touched = [False] * len(accts)
    for r in w.out:
        for i in (r[1], r[2]):
            if i is not None:
                touched[i] = True
    hl = set(p.pid for p in w.holder_lab)
    trows = []
    for a in accts:
        if not a.row:
            if not touched[a.i]:
                continue
            if not (a.role in FRAUD_ROLES or a.victim or w.fraud_touch[a.i]):
                continue
        arch = a.arch + (":" + a.layer if a.layer and a.role != "lawful" else "") + ("+victim" if a.victim else "")
        trows.append(["account", a.id, a.bank, a.owner.idno, 1 if a.row else 0, a.role, arch, a.farmer,
                      rfc(a.opened), 1 if a.i in w.acc_lab else 0, 1 if a.owner.pid in hl else 0,
                      rfc(w.starts[a.bank]) if a.row else ""])
    trows.sort(key=lambda r: (r[1], r[2]))
    wcsv("truth.csv", ["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                       "labelled", "farmer_labelled", "extract_start"], trows)
    wcsv("truth_transfers.csv", ["txn_id", "kind"],
         ([ids[n], r[8].split("|")[0]] for n, r in enumerate(w.out) if r[8]))


def summary(w, secs):
    accts = w.accts
    rows = [a for a in accts if a.row]
    touched = set()
    for r in w.out:
        for i in (r[1], r[2]):
            if i is not None:
                touched.add(i)
    ext = sum(1 for i in sorted(touched) if not accts[i].row)
    kinds = {}
    for r in w.out:
        if r[8]:
            k = r[8].split("|")[0]
            kinds[k] = kinds.get(k, 0) + 1
    roles = {}
    lab_roles = {}
    for a in rows:
        roles[a.role] = roles.get(a.role, 0) + 1
        if a.i in w.acc_lab:
            lab_roles[a.role] = lab_roles.get(a.role, 0) + 1
    fr = sum(v for k, v in roles.items() if k in FRAUD_ROLES)
    frl = sum(v for k, v in lab_roles.items() if k in FRAUD_ROLES)
    vp = kinds.get("victim_payment", 0)
    vpl = sum(1 for n in w.txn_lab if w.out[n][8].startswith("victim_payment"))
    print("wentai world  variant=%s seed=%s  (%.1f s)" % (w.variant, w.seed_text, secs))
    print("  accounts with rows      %d  (external accounts referenced: %d)" % (len(rows), ext))
    print("  transfers               %d  (fraud-related %d)" % (len(w.out), sum(kinds.values())))
    print("  fraud transfers by kind " + ", ".join("%s=%d" % (k, kinds[k]) for k in sorted(kinds)))
    print("  rows by role            " + ", ".join("%s=%d" % (k, roles[k]) for k in sorted(roles)))
    print("  fraud rows labelled     %d of %d (%.0f%%); wrong account labels %d" %
          (frl, fr, 100.0 * frl / max(1, fr), len(w.wrong)))
    print("  victim payments         %d, labelled %d (%.0f%%); wrong transfer labels %d" %
          (vp, vpl, 100.0 * vpl / max(1, vp), len(w.wrong_txn)))
    print("  card farmers            %d, labelled %d (+%d wrong holder label)" %
          (len(w.farmers), len(w.holder_lab) - len(w.wrong_holder), len(w.wrong_holder)))
    print("  cases %d; balance checks: shrunk %d, dropped %d, fraud short %d, impossible %d" %
          (len(w.cases), w.shrunk, w.dropped, w.fraud_dropped, w.bad))


def main(argv=None):
    ap = argparse.ArgumentParser(description="wentai: a southern-Zhejiang synthetic world for fanzha")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="baseline")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true", help="also write truth.csv and truth_transfers.csv")
    args = ap.parse_args(argv)
    t0 = time.time()
    w = build(args.variant, args.seed)
    w.seed_text = str(args.seed)
    label(w)
    write(w, args.out, args.truth)
    summary(w, time.time() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
