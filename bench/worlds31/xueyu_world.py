#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""xueyu_world.py -- an independent synthetic evaluation world for fanzha.

Setting: Tibet (Lhasa, Shigatse, Nyingchi, Chamdo) and the plateau of western
Sichuan (Ganzi: Kangding, Litang, Yajiang ...; Aba: Ma'erkang, Jiuzhaigou ...).
Lawful money of the plateau (cordyceps and matsutake seasons, herders, tourism,
monasteries, construction crews from lowland Sichuan/Chongqing, subsidies,
pensions, students, big first purchases) is mixed with telecom-fraud networks
(mule accounts fresh / aged / rented-out old accounts, paofen participants,
USDT OTC traders, operators, card farmers) paying out far from home.

Written from three documents only (domain notes, seed essays, formats.md).
Standard library only. Output depends only on (variant, seed).

usage: python3 xueyu_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
"""
import argparse
import datetime as _dt
import math
import os
import random
import sys
import time as _time

# ---------------------------------------------------------------------------
# calendar: times are integer seconds since 2024-01-01T00:00:00+08:00
# ---------------------------------------------------------------------------
DAY = 86400
HOUR = 3600
MIN = 60
_BASE = _dt.date(2024, 1, 1)


def D(m, d, y=2024):
    """day index of a date (0 = 2024-01-01); may be negative for old dates"""
    return (_dt.date(y, m, d) - _BASE).days


def T(m, d, h=0, mi=0, s=0, y=2024):
    return D(m, d, y) * DAY + h * HOUR + mi * MIN + s


SIM_START = T(3, 1)          # the simulated world starts here (hidden before extracts)
END = T(9, 16)               # data end (exclusive): 2024-09-15 is the last day
_DAYSTR = {}


def day_str(di):
    s = _DAYSTR.get(di)
    if s is None:
        s = (_BASE + _dt.timedelta(days=di)).isoformat()
        _DAYSTR[di] = s
    return s


def fmt_ts(t):
    di, r = divmod(t, DAY)
    h, r = divmod(r, HOUR)
    m, s = divmod(r, MIN)
    return "%sT%02d:%02d:%02d+08:00" % (day_str(di), h, m, s)


def fmt_amt(fen):
    return "%d.%02d" % divmod(fen, 100)


# ---------------------------------------------------------------------------
# places: GB/T 2260 county-level codes
# ---------------------------------------------------------------------------
LHASA = ["540102", "540103", "540104", "540121", "540122", "540123", "540124", "540127"]
LHASA_CITY = ["540102", "540103", "540104"]
SHIGATSE = ["540202", "540221", "540222", "540223", "540224", "540225", "540226",
            "540227", "540228", "540229", "540230", "540232", "540233", "540234", "540235"]
CHAMDO = ["540302", "540321", "540322", "540323", "540324", "540325", "540326",
          "540327", "540328", "540329", "540330"]
NYINGCHI = ["540402", "540421", "540422", "540423", "540424", "540425", "540426"]
GANZI = ["513301", "513322", "513323", "513324", "513325", "513326", "513327", "513328",
         "513329", "513330", "513331", "513332", "513333", "513334", "513335", "513336",
         "513337", "513338"]
ABA = ["513201", "513221", "513222", "513223", "513224", "513225", "513226", "513227",
       "513228", "513230", "513231", "513232", "513233"]
TIBET = LHASA + SHIGATSE + CHAMDO + NYINGCHI
PLATEAU_SC = GANZI + ABA
PLATEAU = TIBET + PLATEAU_SC
# where cordyceps is dug (high grassland counties)
CORDYCEPS_AREAS = ["540324", "540330", "540329", "540323", "540321", "540322",
                   "540421", "540426", "540122", "540226", "513334", "513335",
                   "513332", "513330", "513328", "513329", "513231", "513230"]
# where matsutake is picked (forest counties)
MATSUTAKE_AREAS = ["540402", "540422", "540424", "540425", "513325", "513336",
                   "513337", "513324", "513227", "513226", "513225"]
# pastoral counties
HERD_AREAS = ["540122", "540121", "540226", "540232", "540236", "540323", "540324",
              "513332", "513333", "513328", "513334", "513231", "513232", "513233"]
TOURISM_AREAS = ["540102", "540102", "540102", "540402", "540202", "540223", "540424",
                 "513301", "513301", "513337", "513336", "513334", "513225", "513225",
                 "513224", "513201"]
TOWNS = ["540102", "540202", "540302", "540402", "513301", "513201", "513334", "513225"]
CHENGDU = ["510104", "510105", "510106", "510107", "510108", "510116", "510117", "510112"]
LOWLAND_SC = ["511802", "511102", "511302", "511702", "510703", "510603", "510302",
              "510903", "511011", "511602", "511502", "511303", "511722", "511321"]
CHONGQING = ["500101", "500102", "500103", "500105", "500106", "500107", "500108",
             "500117", "500118", "500154", "500235", "500236", "500229", "500238"]
NATIONAL = ["110105", "110108", "310115", "310104", "440106", "440305", "330106",
            "320102", "420106", "430104", "410105", "370102", "610113", "230103",
            "210102", "140105", "340104", "350102", "450103", "530102", "520102",
            "620102", "630102", "650102", "150102", "130102", "120101", "360102",
            "441900", "440604", "320505", "330302", "370202", "350203", "460105",
            "220102", "330203", "320211", "371302", "410305", "421002", "431102",
            "511102", "510107", "500106", "610302", "140202", "150602"]
# places where fraud cash leaves the system
CASHOUT = ["441900", "440306", "440307", "532801", "533102", "450681", "350582",
           "460105", "445202", "441302"]
# far-away origins of card sellers / mule recruits
MULE_HOME = ["430524", "430922", "451031", "452226", "522633", "522727", "530627",
             "411524", "360732", "421127", "350581", "441581", "130929", "230183",
             "152527", "640381"]
FARMER_CITIES = ["540102", "540202", "540402", "540302", "513301", "513201", "510107",
                 "630102", "430102", "320104", "420102", "520103"]
OVERSEAS_NOTE = "cross-border counterparties are external accounts abroad"

# ---------------------------------------------------------------------------
# institutions
# ---------------------------------------------------------------------------
SUPPLY = ["ABC", "CCB", "PSBC", "XZB", "SCRCU", "CQRCB"]
EXTERNAL_BANKS = ["ICBC", "BOC", "BOCOM", "CMB", "CIB", "SPDB", "CEB", "CMBC", "PAB",
                  "CGB", "HXB", "QHB", "GSRCB", "GDRCU"]
PAYFIRMS = ["TENPAY", "ALIPAY"]
BIN = {"ABC": "622848", "CCB": "621700", "PSBC": "621799", "XZB": "623187",
       "SCRCU": "621458", "CQRCB": "622396", "ICBC": "622202", "BOC": "621661",
       "BOCOM": "622262", "CMB": "621485", "CIB": "622909", "SPDB": "622521",
       "CEB": "622660", "CMBC": "622622", "PAB": "622298", "CGB": "622568",
       "HXB": "622632", "QHB": "623156", "GSRCB": "621098", "GDRCU": "621436"}
EXTRACT_STARTS = {
    "baseline": {"ABC": T(3, 18), "CCB": T(4, 1), "PSBC": T(3, 25), "XZB": T(4, 15),
                 "SCRCU": T(3, 11), "CQRCB": T(5, 6)},
    "V2": {"ABC": T(4, 8), "CCB": T(3, 4), "PSBC": T(4, 22), "XZB": T(3, 18),
           "SCRCU": T(5, 13), "CQRCB": T(3, 25)},
    "V3": {"ABC": T(5, 1), "CCB": T(3, 4), "PSBC": T(6, 3), "XZB": T(3, 8),
           "SCRCU": T(4, 22), "CQRCB": T(3, 15)},
}
# bank mix by where a person lives
MIX_TIBET = [("ABC", 40), ("XZB", 22), ("PSBC", 14), ("CCB", 10), ("ICBC", 6), ("BOC", 5),
             ("TENPAY", 0)]
MIX_SCPLAT = [("SCRCU", 36), ("ABC", 22), ("PSBC", 14), ("CCB", 10), ("ICBC", 8), ("BOC", 4),
              ("CMB", 2), ("XZB", 1)]
MIX_LOWSC = [("SCRCU", 28), ("ABC", 14), ("ICBC", 14), ("CCB", 12), ("PSBC", 10),
             ("CMB", 6), ("BOC", 5), ("CQRCB", 3), ("CIB", 4), ("BOCOM", 4)]
MIX_CQ = [("CQRCB", 34), ("ABC", 12), ("ICBC", 14), ("CCB", 12), ("PSBC", 9), ("CMB", 7),
          ("BOC", 5), ("CIB", 3), ("BOCOM", 4)]
MIX_NAT = [("ICBC", 19), ("CCB", 12), ("ABC", 12), ("BOC", 10), ("CMB", 10), ("PSBC", 7),
           ("BOCOM", 6), ("CIB", 5), ("SPDB", 4), ("CEB", 4), ("CMBC", 4), ("PAB", 4),
           ("CGB", 3)]


def mix_for(region):
    if region[:2] == "54":
        return MIX_TIBET
    if region[:4] in ("5133", "5132"):
        return MIX_SCPLAT
    if region[:2] == "51":
        return MIX_LOWSC
    if region[:2] == "50":
        return MIX_CQ
    return MIX_NAT


# ---------------------------------------------------------------------------
# identity numbers
# ---------------------------------------------------------------------------
_ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_C = "10X98765432"
_USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def resident_id(region, birth_days, seq3):
    b = (_BASE + _dt.timedelta(days=birth_days)).strftime("%Y%m%d")
    body = region + b + "%03d" % seq3
    s = sum(int(c) * w for c, w in zip(body, _ID_W))
    return body + _ID_C[s % 11]


def uscc(rng, region, kind="91"):
    body = kind + region + "".join(rng.choice(_USCC_CH) for _ in range(9))
    s = sum(_USCC_CH.index(c) * w for c, w in zip(body, _USCC_W))
    c = 31 - s % 31
    return body + _USCC_CH[0 if c == 31 else c]


def luhn_digit(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


# ---------------------------------------------------------------------------
# variant parameters
# ---------------------------------------------------------------------------
def params(variant):
    p = {
        # lawful population (persons)
        "pickers": 1800, "mat_pickers": 520, "herders": 1250, "cord_mid": 48,
        "mat_mid": 34, "guesthouses": 230, "drivers": 300, "monasteries": 36,
        "foremen": 30, "workers_per_foreman": (14, 34), "officials": 860,
        "pensioners": 640, "students": 620, "shops": 280, "big_buyers": 70,
        "strangers": 4600, "ushang_buyers": 260, "multicard_mid": 5,
        "new_lawful_share": 0.06,       # share of lawful persons whose account opens inside the data
        # fraud
        "rings": 12, "cases": 400, "farmers": 7,
        "arch_l1": [("fresh", 38), ("aged", 22), ("rented_old", 14), ("farmer", 12), ("paofen", 14)],
        "arch_l2": [("fresh", 40), ("aged", 30), ("rented_old", 18), ("farmer", 12)],
        "slow_share": 0.25, "ushang": 20, "exit_ushang": 0.22, "exit_goods": 0.03,
        "label_mule": 0.5, "label_victim": 0.70, "label_farmer": 0.6,
        "harvest_boost": 1.0,
    }
    if variant == "V2":
        p.update({
            "arch_l1": [("fresh", 18), ("aged", 22), ("rented_old", 40), ("farmer", 8), ("paofen", 12)],
            "arch_l2": [("fresh", 18), ("aged", 27), ("rented_old", 45), ("farmer", 10)],
            "slow_share": 0.75, "cases": 370, "rings": 10, "farmers": 6,
            "label_mule": 0.45, "label_victim": 0.64,
        })
    elif variant == "V3":
        p.update({
            "arch_l1": [("fresh", 22), ("aged", 14), ("rented_old", 10), ("farmer", 10), ("paofen", 44)],
            "arch_l2": [("fresh", 40), ("aged", 30), ("rented_old", 15), ("farmer", 15)],
            "ushang": 46, "exit_ushang": 0.48, "exit_goods": 0.06, "ushang_buyers": 520,
            "strangers": 4300, "guesthouses": 200, "shops": 250, "harvest_boost": 1.5, "cord_mid": 76, "mat_mid": 48, "pickers": 2000,
            "mat_pickers": 640, "new_lawful_share": 0.18, "cases": 420, "farmers": 9,
            "multicard_mid": 9, "label_mule": 0.55, "label_victim": 0.76,
        })
    return p


# ---------------------------------------------------------------------------
# the world
# ---------------------------------------------------------------------------
class Acct(object):
    __slots__ = ("i", "aid", "bank", "holder", "opened", "region", "cls", "role", "arch",
                 "farmer", "status", "lawful_until", "lab", "cushion", "used", "until",
                 "home", "exit_region", "ring")

    def __init__(self, i, aid, bank, holder, opened, region, cls, role, arch):
        self.i = i
        self.aid = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = role
        self.arch = arch
        self.farmer = 0
        self.status = "active"
        self.lawful_until = 1 << 40
        self.lab = 0
        self.cushion = None
        self.used = 0
        self.until = 0
        self.home = region
        self.exit_region = None
        self.ring = -1


class Person(object):
    __slots__ = ("hid", "home", "kind", "accts", "birth")

    def __init__(self, hid, home, kind, birth):
        self.hid = hid
        self.home = home
        self.kind = kind
        self.accts = []
        self.birth = birth


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.rng = random.Random("xueyu:%s:%d" % (variant, seed))
        self.P = params(variant)
        self.starts = EXTRACT_STARTS[variant]
        self.accts = []
        self.persons = []
        self.by_hid = {}
        self.used_aids = {}
        self.used_hids = {}
        self.txns = []          # (t, seq, frm, to, fen, channel, region, kind, memo, xb, fkind)
        self.seq = 0
        self.holder_labels = []  # holder ids labelled card_farmer
        self.farmer_hids = []
        self.counts = {}

    # ----- random helpers ------------------------------------------------
    def wchoice(self, pairs):
        tot = 0
        for _, w in pairs:
            tot += w
        x = self.rng.random() * tot
        for v, w in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][0]

    def lognorm_yuan(self, median, sigma, lo=1, hi=10 ** 9, round_to=1):
        v = median * math.exp(self.rng.gauss(0, sigma))
        v = max(lo, min(hi, v))
        if round_to > 1:
            v = max(round_to, round(v / round_to) * round_to)
        return int(round(v)) * 100

    def cents(self, fen):
        """add a random fen part (payment settlements, purchases)"""
        return fen + self.rng.randrange(0, 100)

    def daytime(self, di, early=8, late=22):
        """a second within day di during waking hours, peaked around noon and evening"""
        r = self.rng
        if r.random() < 0.5:
            h = r.uniform(early, late)
        else:
            h = min(late, max(early, r.gauss(13.5 if r.random() < 0.5 else 19.5, 1.8)))
        return di * DAY + int(h * HOUR) + r.randrange(0, 60)

    def nighttime(self, di):
        r = self.rng
        h = r.uniform(21.0, 27.0)
        return di * DAY + int(h * HOUR) + r.randrange(60)

    def office(self, di):
        return di * DAY + int(self.rng.uniform(9.3, 17.5) * HOUR) + self.rng.randrange(60)

    # ----- identities ----------------------------------------------------
    def new_person(self, home, kind="person", age=(18, 60)):
        r = self.rng
        if kind == "corp":
            while True:
                hid = uscc(r, home, r.choice(["91", "91", "92", "93"]))
                if hid not in self.used_hids:
                    break
            birth = 0
        elif kind == "org":
            while True:
                hid = uscc(r, home, r.choice(["12", "11", "53"]))
                if hid not in self.used_hids:
                    break
            birth = 0
        else:
            while True:
                a = r.uniform(age[0], age[1])
                birth = D(9, 1) - int(a * 365.25)
                hid = resident_id(home, birth, r.randrange(1, 999))
                if hid not in self.used_hids:
                    break
        self.used_hids[hid] = 1
        p = Person(hid, home, kind, birth)
        self.persons.append(p)
        self.by_hid[hid] = p
        return p

    def new_aid(self, bank, cls):
        r = self.rng
        while True:
            if bank == "TENPAY":
                aid = "wx" + "".join(r.choice("0123456789") for _ in range(18))
            elif bank == "ALIPAY":
                aid = "2088" + "".join(r.choice("0123456789") for _ in range(12))
            elif cls == "corp":
                aid = "%02d%s" % (r.randrange(10, 99), "".join(r.choice("0123456789") for _ in range(15)))
            else:
                b = BIN.get(bank, "621" + "%03d" % (sum(ord(c) for c in bank) % 1000))
                body = b + "".join(r.choice("0123456789") for _ in range(12))
                aid = body + luhn_digit(body)
            if aid not in self.used_aids:
                self.used_aids[aid] = 1
                return aid

    def new_acct(self, person, bank=None, opened=None, region=None, cls=None,
                 role="lawful", arch="", old=True):
        r = self.rng
        if region is None:
            region = person.home
        if bank is None:
            bank = self.wchoice(mix_for(region))
        if cls is None:
            cls = "corp" if person.kind != "person" else ("I" if r.random() < 0.88 else "II")
        if opened is None:
            if old:
                lo = max(person.birth + int(18 * 365.25), D(1, 1, 2008)) if person.kind == "person" else D(1, 1, 2005)
                hi = D(2, 20)
                di = r.randint(min(lo, hi - 30), hi - 30)
            else:
                di = r.randint(D(3, 1), D(9, 10))
            opened = di * DAY + int(r.uniform(9.2, 17.3) * HOUR) + r.randrange(60)
        a = Acct(len(self.accts), self.new_aid(bank, cls), bank, person.hid, opened, region,
                 cls, role, arch)
        a.home = person.home
        self.accts.append(a)
        person.accts.append(a.i)
        return a

    # ----- transfers -----------------------------------------------------
    def tx(self, t, frm, to, fen, channel="mobile", region=None, kind="transfer", memo="",
           xb=False, fk=""):
        """record a transfer; frm/to are Acct or None"""
        if fen <= 0:
            return None
        if t >= END:
            return None
        if region is None:
            src = frm if frm is not None else to
            region = src.home if src is not None else ""
            if channel in ("mobile", "online") and self.rng.random() < 0.08:
                region = ""
        self.seq += 1
        rec = (t, self.seq, frm.i if frm is not None else -1, to.i if to is not None else -1,
               fen, channel, region, kind, memo, xb, fk)
        self.txns.append(rec)
        return rec

    def pay(self, t, frm, to, fen, memo="", channel=None, fk="", region=None, xb=False):
        if channel is None:
            channel = "mobile" if self.rng.random() < 0.78 else "online"
        return self.tx(t, frm, to, fen, channel, region, "transfer", memo, xb, fk)

    def withdraw(self, t, frm, fen, channel="atm", region=None, memo="", fk=""):
        return self.tx(t, frm, None, fen, channel, region if region else frm.home,
                       "withdrawal", memo, False, fk)

    def deposit(self, t, to, fen, channel="counter", region=None, memo="", fk=""):
        return self.tx(t, None, to, fen, channel, region if region else to.home,
                       "deposit", memo, False, fk)

    def active_from(self, a, t):
        return max(t, a.opened + 300)


# ---------------------------------------------------------------------------
# population: organisations, merchants and people
# ---------------------------------------------------------------------------
def build_population(w):
    r = w.rng
    P = w.P
    G = {}
    w.G = G

    def org(home, arch, bank=None, kind="org", n=1):
        out = []
        for _ in range(n):
            p = w.new_person(home, kind)
            a = w.new_acct(p, bank=bank, cls="corp", arch=arch)
            out.append(a)
        return out

    # government payers (finance bureaus, social security, township collectives)
    G["finance"] = {}
    for pref, home, bank in (("lhasa", "540102", "ABC"), ("shigatse", "540202", "ABC"),
                             ("chamdo", "540302", "ABC"), ("nyingchi", "540402", "XZB"),
                             ("ganzi", "513301", "SCRCU"), ("aba", "513201", "ABC")):
        G["finance"][pref] = org(home, "gov_finance", bank)[0]
    G["socsec"] = org("540102", "gov_social_security", "ABC") + org("513301", "gov_social_security", "PSBC") \
        + org("513201", "gov_social_security", "SCRCU")
    G["collectives"] = [org(c, "village_collective", None)[0] for c in CORDYCEPS_AREAS]
    # companies
    G["contractors"] = [org(r.choice(CHENGDU + CHONGQING), "construction_company", None, "corp")[0]
                        for _ in range(14)]
    G["wholesalers"] = [org(r.choice(["510106", "510106", "630102", "440103", "540102", "330106"]),
                            "cordyceps_wholesaler", None, "corp")[0] for _ in range(22)]
    G["exporters"] = [org(r.choice(["530102", "530103", "310115", "510107", "210202"]),
                          "matsutake_exporter", None, "corp")[0] for _ in range(12)]
    G["livestock_traders"] = []
    for _ in range(40):
        p = w.new_person(r.choice(["630102", "630121", "623001", "623026", "513301", "540102", "632801"]))
        G["livestock_traders"].append(w.new_acct(p, arch="livestock_trader"))
    G["car_dealers"] = org("540102", "car_dealer", None, "corp", 3) + org("510107", "car_dealer", None, "corp", 3)
    G["developers"] = org("510107", "real_estate", None, "corp", 3) + org("510116", "real_estate", None, "corp", 2) \
        + org("540102", "real_estate", None, "corp", 1)
    G["universities"] = [org(c, "university", b)[0] for c, b in
                         (("540102", "ABC"), ("510107", "ICBC"), ("510105", "BOC"), ("610113", "CCB"),
                          ("110108", "ICBC"), ("620102", "ABC"), ("540402", "XZB"), ("513301", "SCRCU"),
                          ("500106", "CQRCB"), ("420111", "CMB"))]
    G["lenders"] = [org(r.choice(NATIONAL), "consumer_lender", r.choice(["CMB", "PAB", "CIB", "SPDB"]), "corp")[0]
                    for _ in range(8)]
    G["payfirm"] = [org("440305", "payment_settlement", "TENPAY", "corp")[0],
                    org("330106", "payment_settlement", "ALIPAY", "corp")[0]]
    G["logistics"] = org("440306", "logistics", "CMB", "corp", 1) + org("510107", "logistics", None, "corp", 2)
    G["mortgage"] = {b: org("110102", "loan_repayment_" + b, b, "corp")[0] for b in SUPPLY + ["ICBC", "BOC"]}
    G["employers"] = [org(r.choice(NATIONAL), "employer", None, "corp")[0] for _ in range(160)]
    G["builders_supply"] = [org(r.choice(PLATEAU + CHENGDU), "building_materials", None, "corp")[0] for _ in range(20)]
    G["gold_shops"] = [org(c, "gold_jewellery", None, "corp")[0] for c in ("540102", "513301", "510104", "441900", "440306")]
    # merchants (spending sinks) in every town and around the country
    G["merchants"] = {}
    for reg in TOWNS + CHENGDU[:3] + ["540302", "540202"]:
        G["merchants"][reg] = org(reg, "merchant", None, "corp", r.randint(6, 12))
    G["merchants_nat"] = [org(r.choice(NATIONAL), "merchant", None, "corp")[0] for _ in range(140)]
    G["abroad"] = []
    for _ in range(10):
        p = w.new_person("540102")
        a = w.new_acct(p, bank=r.choice(["HSBC-HK", "NABIL-NP", "SBI-IN", "OCBC-SG"]), arch="overseas_donor")
        G["abroad"].append(a)

    def person_accts(p, arch, extra_prob=0.3, new_prob=None, open_lo=D(3, 1), open_hi=D(8, 31),
                     region=None):
        """primary account plus maybe accounts at other banks (many people bank at several)"""
        if new_prob is None:
            new_prob = P["new_lawful_share"]
        if r.random() < new_prob:
            di = r.randint(open_lo, open_hi)
            opened = w.office(di)
            a = w.new_acct(p, opened=opened, arch=arch + "/new_in_data", region=region)
        else:
            a = w.new_acct(p, arch=arch, region=region)
        k = 0
        while r.random() < extra_prob and k < 3:
            k += 1
            ob = w.wchoice(mix_for(region or p.home))
            if ob == a.bank:
                ob = r.choice([b for b in ("ABC", "PSBC", "CCB", "ICBC", "XZB" if p.home[:2] == "54" else "SCRCU")
                               if b != a.bank])
            w.new_acct(p, bank=ob, arch=arch + "/second_bank", region=region)
        return a

    def people(n, areas, arch, extra=0.3, age=(18, 60), **kw):
        out = []
        for _ in range(n):
            p = w.new_person(r.choice(areas), age=age)
            person_accts(p, arch, extra, **kw)
            out.append(p)
        return out

    G["pickers"] = people(P["pickers"], CORDYCEPS_AREAS, "cordyceps_picker", 0.15, (16, 62))
    G["mat_pickers"] = people(P["mat_pickers"], MATSUTAKE_AREAS, "matsutake_picker", 0.12, (16, 65))
    G["herders"] = people(P["herders"], HERD_AREAS, "herder", 0.2, (20, 70))
    G["cord_mid"] = people(P["cord_mid"], CORDYCEPS_AREAS + ["540102", "513301"], "cordyceps_middleman", 0.9, (25, 55))
    G["mat_mid"] = people(P["mat_mid"], MATSUTAKE_AREAS, "matsutake_middleman", 0.8, (25, 55))
    G["guesthouses"] = []
    for _ in range(P["guesthouses"]):
        p = w.new_person(r.choice(TOURISM_AREAS), age=(25, 60))
        person_accts(p, "guesthouse_owner", 0.6)
        if r.random() < 0.35:
            p2 = w.new_person(p.home, "corp")
            w.new_acct(p2, cls="corp", arch="guesthouse_business")
            p.accts.append(p2.accts[0])     # operated by the owner (holder differs)
        G["guesthouses"].append(p)
    G["drivers"] = people(P["drivers"], TOURISM_AREAS + LHASA_CITY, "driver_guide", 0.35, (22, 55))
    G["monasteries"] = []
    for _ in range(P["monasteries"]):
        p = w.new_person(r.choice(TIBET + PLATEAU_SC), "org")
        w.new_acct(p, cls="corp", arch="monastery")
        G["monasteries"].append(p)
    G["monks"] = people(260, PLATEAU, "monk", 0.05, (16, 80))
    G["officials"] = people(P["officials"], PLATEAU, "civil_servant_teacher", 0.45, (23, 59))
    G["pensioners"] = people(P["pensioners"], PLATEAU, "pensioner", 0.15, (60, 88))
    G["shops"] = people(P["shops"], TOURISM_AREAS + TOWNS, "shopkeeper", 0.5, (22, 60))
    G["foremen"] = []
    G["workers"] = []
    for _ in range(P["foremen"]):
        p = w.new_person(r.choice(LOWLAND_SC + CHONGQING), age=(32, 58))
        person_accts(p, "construction_foreman", 0.7)
        site = r.choice(TIBET[:20] + PLATEAU_SC)
        crew = []
        for _ in range(r.randint(*P["workers_per_foreman"])):
            q = w.new_person(r.choice(LOWLAND_SC + CHONGQING), age=(20, 58))
            # many open a card where the site is when they arrive
            if r.random() < 0.35 + P["new_lawful_share"]:
                di = r.randint(D(3, 5), D(6, 15))
                w.new_acct(q, opened=w.office(di), region=site, arch="construction_worker/opened_at_site",
                           bank=r.choice(["ABC", "ABC", "CCB", "PSBC", "XZB" if site[:2] == "54" else "SCRCU"]))
                if r.random() < 0.4:
                    w.new_acct(q, arch="construction_worker/home_card")
            else:
                w.new_acct(q, arch="construction_worker")
            crew.append(q)
            G["workers"].append(q)
        G["foremen"].append((p, site, crew))
    G["families"] = {}          # hid -> family account at home (created on demand)
    G["students"] = []
    for _ in range(P["students"]):
        home = r.choice(PLATEAU + LOWLAND_SC) if r.random() < 0.8 else r.choice(NATIONAL)
        p = w.new_person(home, age=(18, 23))
        uni = r.choice(G["universities"])
        fresh = r.random() < 0.3
        if fresh:
            di = r.randint(D(8, 20), D(9, 8))
            w.new_acct(p, opened=w.office(di), region=uni.region,
                       bank=r.choice(["ABC", "CCB", "PSBC", "ICBC", "BOC"]), arch="student/freshman_card")
            if r.random() < 0.35:
                w.new_acct(p, opened=w.office(di + r.randint(0, 3)), region=uni.region,
                           bank=r.choice(["PSBC", "CMB", "XZB" if uni.region[:2] == "54" else "SCRCU"]),
                           arch="student/freshman_card2")
        else:
            person_accts(p, "student", 0.3, new_prob=0.0)
        G["students"].append((p, uni, fresh))
    G["big_buyers"] = people(P["big_buyers"], PLATEAU, "big_first_purchase", 0.2, (24, 55), new_prob=0.45,
                             open_lo=D(3, 10), open_hi=D(8, 20))
    G["strangers"] = []
    for _ in range(P["strangers"]):
        p = w.new_person(r.choice(NATIONAL), age=(19, 72))
        person_accts(p, "ordinary_elsewhere", 0.2, new_prob=0.03)
        G["strangers"].append(p)
    G["ushang_buyers"] = people(P["ushang_buyers"], NATIONAL, "crypto_buyer", 0.1, (20, 45), new_prob=0.05)
    # middlemen who open cards in several county towns within weeks to pay pickers (lawful look-alike)
    G["multicard"] = []
    for p in G["cord_mid"][:P["multicard_mid"]]:
        d0 = r.randint(D(4, 20), D(5, 20))
        towns = [x for x in CORDYCEPS_AREAS if x != p.home]
        r.shuffle(towns)
        for k, town in enumerate(towns[:r.randint(3, 6)]):
            di = d0 + k * r.randint(1, 5)
            for _ in range(r.randint(1, 2)):
                w.new_acct(p, opened=w.office(di), region=town, arch="cordyceps_middleman/county_card",
                           bank=w.wchoice(mix_for(town)))
        G["multicard"].append(p)
    return G


def acct_of(w, p, k=0):
    return w.accts[p.accts[min(k, len(p.accts) - 1)]]


def family_acct(w, p):
    """a relative's account at home (parents, spouse); created on demand"""
    a = w.G["families"].get(p.hid)
    if a is None:
        q = w.new_person(p.home, age=(40, 80))
        a = w.new_acct(q, arch="family_at_home")
        w.G["families"][p.hid] = a
    return a


def merchant_near(w, region):
    m = w.G["merchants"].get(region)
    if m is None:
        if region[:2] in ("54", "51", "50"):
            pre = region[:4]
            for k in sorted(w.G["merchants"].keys()):
                if k[:4] == pre:
                    m = w.G["merchants"][k]
                    break
        if m is None:
            return w.rng.choice(w.G["merchants_nat"])
    return w.rng.choice(m)


# ---------------------------------------------------------------------------
# lawful money of the plateau
# ---------------------------------------------------------------------------
DAY0 = D(3, 1)
DAYN = D(9, 15)
MONTHS = [3, 4, 5, 6, 7, 8, 9]


def tourism_w(di):
    if di < D(5, 1):
        w = 0.25
    elif di < D(6, 20):
        w = 0.55
    elif di < D(9, 1):
        w = 1.0
    else:
        w = 0.6
    if D(8, 3) <= di <= D(8, 11):   # Shoton festival in Lhasa
        w *= 1.6
    if D(10, 1) - 5 <= di:          # never reached (window ends mid-September)
        w *= 1.5
    return w


def pick_day(w, lo, hi, weight=None):
    r = w.rng
    lo = max(lo, DAY0)
    hi = min(hi, DAYN)
    if hi < lo:
        return None
    if weight is None:
        return r.randint(lo, hi)
    for _ in range(30):
        di = r.randint(lo, hi)
        if r.random() < weight(di):
            return di
    return r.randint(lo, hi)


def peak_day(w, lo, hi, mode):
    r = w.rng
    di = int(round(r.triangular(lo, hi, mode)))
    return max(DAY0, min(DAYN, di))


def at(w, a, t):
    """no activity before an account exists"""
    if t < a.opened + 600:
        t = a.opened + 600 + w.rng.randrange(3600)
    return t


def ordinary_life(w, a, salary=None, sal_med=0, dom=10, spends=3, fam=None, fam_med=0,
                  atm_prob=0.4, counter=False):
    """monthly income, shopping, money to family, cash"""
    r = w.rng
    for m in MONTHS:
        base = D(m, 1)
        if salary is not None and sal_med:
            di = D(m, min(28, dom)) + r.randint(-1, 1)
            if DAY0 <= di <= DAYN:
                t = at(w, a, salary_time(w, salary, di))
                w.pay(t, salary, a, w.cents(w.lognorm_yuan(sal_med, 0.12)) if r.random() < 0.5 else
                      w.lognorm_yuan(sal_med, 0.12), memo="工资", channel="other")
        for _ in range(spends + (1 if r.random() < 0.5 else 0)):
            di = base + r.randint(0, 29)
            if DAY0 <= di <= DAYN:
                t = at(w, a, w.daytime(di))
                w.pay(t, a, merchant_near(w, a.home), w.cents(w.lognorm_yuan(160, 1.0, 5)),
                      channel="pos" if r.random() < 0.6 else "mobile", region=a.home)
        if fam is not None and fam_med and r.random() < 0.7:
            di = base + r.randint(0, 29)
            if DAY0 <= di <= DAYN:
                w.pay(at(w, a, w.daytime(di)), a, fam, w.lognorm_yuan(fam_med, 0.6, 100, round_to=100),
                      memo=r.choice(["", "", "生活费", "给爸妈", "家用"]))
        if r.random() < atm_prob:
            di = base + r.randint(0, 29)
            if DAY0 <= di <= DAYN:
                ch = "counter" if counter else "atm"
                w.withdraw(at(w, a, w.daytime(di, 9, 18)), a, w.lognorm_yuan(1000, 0.7, 100, round_to=100), ch)


_SAL_TIMES = {}


def salary_time(w, payer, di):
    """batch payments: one payer pays everybody within minutes of a fixed time that day"""
    key = (payer.i, di)
    t0 = _SAL_TIMES.get(key)
    if t0 is None:
        t0 = di * DAY + int(w.rng.uniform(9.5, 16.0) * HOUR)
        _SAL_TIMES[key] = t0
    return t0 + w.rng.randrange(0, 900)


def gen_government(w):
    """salaries, pensions, grassland eco-compensation, low-income subsidies: paid in batches"""
    r = w.rng
    G = w.G
    fin = G["finance"]

    def fin_for(region):
        pre = region[:4]
        return {"5401": fin["lhasa"], "5402": fin["shigatse"], "5403": fin["chamdo"],
                "5404": fin["nyingchi"], "5133": fin["ganzi"], "5132": fin["aba"]}.get(pre, fin["lhasa"])

    for p in G["officials"]:
        a = acct_of(w, p)
        fam = family_acct(w, p) if r.random() < 0.6 else None
        ordinary_life(w, a, fin_for(p.home), r.choice([7200, 8600, 9800, 11500, 13800]), 10,
                      r.randint(1, 4), fam, 1500, 0.35)
        mort = G["mortgage"].get(a.bank)
        if mort is not None and r.random() < 0.45:
            amt = w.lognorm_yuan(3800, 0.35, 800)
            for m in MONTHS:
                di = D(m, 20)
                if DAY0 <= di <= DAYN:
                    w.tx(at(w, a, di * DAY + 3 * HOUR + r.randrange(600)), a, mort, amt, "other",
                         a.home, "transfer", "房贷还款")
        if len(p.accts) > 1 and r.random() < 0.8:
            b = acct_of(w, p, 1)
            for _ in range(r.randint(1, 5)):
                di = r.randint(DAY0, DAYN)
                w.pay(at(w, b, at(w, a, w.daytime(di))), a, b, w.lognorm_yuan(3000, 0.8, 200, round_to=100),
                      memo="转入本人账户")
        if r.random() < 0.25:   # offering at a monastery
            mon = acct_of(w, r.choice(G["monasteries"]))
            di = peak_day(w, D(5, 9), D(6, 20), D(5, 23))
            w.pay(at(w, a, w.daytime(di)), a, mon, w.lognorm_yuan(300, 0.9, 10, round_to=10), memo="供养")
    for p in G["pensioners"]:
        a = acct_of(w, p)
        pay = G["socsec"][0] if p.home[:2] == "54" else G["socsec"][1 if p.home[:4] == "5133" else 2]
        ordinary_life(w, a, pay, r.choice([2600, 3400, 4200, 5600]), 6, r.randint(1, 2), None, 0, 0.85, counter=True)
        if r.random() < 0.55:
            mon = acct_of(w, r.choice(G["monasteries"]))
            for _ in range(r.randint(1, 3)):
                di = peak_day(w, D(4, 20), D(7, 10), D(5, 23))
                w.pay(at(w, a, w.daytime(di, 8, 18)), a, mon, w.lognorm_yuan(200, 1.0, 10, round_to=10),
                      memo=r.choice(["供养", "布施", "", "酥油灯"]), channel=r.choice(["mobile", "counter"]))
        if r.random() < 0.3:
            kid = acct_of(w, r.choice(G["students"])[0])
            w.pay(at(w, a, at(w, kid, w.daytime(pick_day(w, D(8, 15), D(9, 10)), 9, 18))), a, kid,
                  w.lognorm_yuan(1000, 0.5, 200, round_to=100), memo="上学用")
    # grassland eco-compensation (草原生态保护补助奖励) and rural subsidies, two batches
    for group, memo, med in (("herders", "草原生态保护补助奖励", 9000), ("pickers", "惠民补贴", 1500)):
        for batch_day in (D(6, 18), D(8, 26)):
            for p in G[group]:
                if group == "pickers" and r.random() < 0.6:
                    continue
                a = acct_of(w, p)
                payer = fin_for(p.home)
                t = at(w, a, salary_time(w, payer, batch_day + (1 if p.home[:2] == "51" else 0)))
                w.tx(t, payer, a, w.lognorm_yuan(med, 0.5, 300), "other", payer.region, "transfer", memo)


def gen_herders(w):
    r = w.rng
    G = w.G
    for p in G["herders"]:
        a = acct_of(w, p)
        ordinary_life(w, a, None, 0, 0, r.randint(1, 2), None, 0, 0.5, counter=True)
        for _ in range(r.choice([0, 1, 1, 2, 2, 3, 4])):
            di = peak_day(w, D(5, 1), D(9, 15), D(9, 5))
            trader = r.choice(G["livestock_traders"])
            head = r.randint(1, 9)
            price = r.randint(6500, 11000) if r.random() < 0.7 else r.randint(900, 1600)  # yak or sheep
            fen = head * price * 100
            t = at(w, a, w.daytime(di, 9, 19))
            parts = 1 if fen < 5000000 or r.random() < 0.5 else r.randint(2, 3)
            for k in range(parts):
                w.pay(t + k * r.randint(60, 900), trader, a, fen // parts // 100 * 100,
                      memo=r.choice(["牛款", "牦牛款", "羊款", ""]), region=a.home)
            if r.random() < 0.7:
                w.withdraw(t + r.randint(1, 4) * DAY, a, min(fen, w.lognorm_yuan(20000, 0.6, 1000, round_to=1000)),
                           "counter")
        if r.random() < 0.3:
            di = r.randint(D(4, 1), D(9, 1))
            w.pay(at(w, a, w.daytime(di)), a, merchant_near(w, a.home), w.lognorm_yuan(9000, 0.5, 1500, round_to=100),
                  memo=r.choice(["摩托车", "饲草", "太阳能", "帐篷"]), channel="pos")
    for tr in G["livestock_traders"]:
        # traders are fed by slaughterhouses/buyers in the lowlands
        for _ in range(r.randint(6, 16)):
            di = r.randint(D(4, 1), DAYN)
            src = r.choice(G["merchants_nat"] + G["wholesalers"])
            w.pay(at(w, tr, w.office(di)), src, tr, w.lognorm_yuan(60000, 0.6, 5000, round_to=100), memo="货款")


def middleman_card(w, mid, region):
    """the middleman's card nearest the picker (county cards opened for the season)"""
    best = None
    for ix in mid.accts:
        a = w.accts[ix]
        if a.region == region:
            best = a
    return best if best is not None else acct_of(w, mid)


def gen_cordyceps(w):
    """May-July: pickers sell to county middlemen, middlemen sell on to wholesalers and to
    retail buyers all over China; many payers in, fast payouts, cash at township counters"""
    r = w.rng
    G = w.G
    boost = w.P["harvest_boost"]
    mids = G["cord_mid"]
    funded = {}
    for p in G["pickers"]:
        a = acct_of(w, p)
        ordinary_life(w, a, None, 0, 0, r.randint(1, 2), None, 0, 0.45, counter=r.random() < 0.5)
        near = [m for m in mids if m.home[:4] == p.home[:4]] or mids
        my_mids = [r.choice(near) for _ in range(r.randint(1, 2))]
        if r.random() < 0.12:   # outsiders pay the village collective for a digging permit
            coll = r.choice(G["collectives"])
            w.pay(at(w, a, w.daytime(pick_day(w, D(4, 20), D(5, 12)), 9, 18)), a, coll,
                  w.lognorm_yuan(2500, 0.5, 500, round_to=100), memo="虫草采挖费")
        total = 0
        for _ in range(int(r.randint(1, 6) * boost + 0.5)):
            di = peak_day(w, D(5, 10), D(7, 8), D(6, 8))
            m = r.choice(my_mids)
            src = middleman_card(w, m, p.home)
            roots = r.randint(20, 400)
            fen = roots * r.randint(35, 90) * 100
            t = at(w, a, at(w, src, w.daytime(di, 7, 23)))
            w.pay(t, src, a, fen, memo=r.choice(["虫草", "虫草款", "", ""]), region=p.home)
            total += fen
            if src.i not in funded and src.i != acct_of(w, m).i:
                funded[src.i] = (m, src)
        if total and r.random() < 0.55:
            di = peak_day(w, D(6, 1), D(7, 31), D(6, 25))
            w.withdraw(at(w, a, w.daytime(di, 9, 18)), a, max(10000, total * r.randint(30, 80) // 100 // 10000 * 10000),
                       "counter")
        if total and r.random() < 0.25:
            kid = family_acct(w, p)
            w.pay(at(w, a, w.daytime(pick_day(w, D(6, 15), D(8, 30)))), a, kid,
                  w.lognorm_yuan(5000, 0.6, 500, round_to=100), memo="")
    for ix in sorted(funded.keys()):
        m, card = funded[ix]
        main = acct_of(w, m)
        for _ in range(r.randint(3, 9)):
            di = peak_day(w, D(5, 8), D(7, 5), D(6, 5))
            w.pay(at(w, card, w.daytime(di, 7, 12)), main, card, w.lognorm_yuan(50000, 0.5, 5000, round_to=1000),
                  memo="本人转账")
    for m in mids:
        a = acct_of(w, m)
        ordinary_life(w, a, None, 0, 0, 3, family_acct(w, m), 3000, 0.5)
        if r.random() < 0.6:   # season capital: a business loan or savings at another bank
            di = pick_day(w, D(4, 25), D(5, 15))
            src = w.G["mortgage"].get(a.bank) or w.G["mortgage"]["ABC"]
            w.tx(at(w, a, w.office(di)), src, a, w.lognorm_yuan(250000, 0.5, 50000, round_to=10000), "other",
                 a.home, "transfer", "经营贷放款")
        for _ in range(int(r.randint(4, 14) * boost)):
            di = peak_day(w, D(5, 25), D(9, 10), D(6, 30))
            wh = r.choice(G["wholesalers"])
            w.pay(at(w, a, w.office(di)), wh, a, w.lognorm_yuan(90000, 0.7, 8000, round_to=100),
                  memo=r.choice(["虫草货款", "货款", ""]), channel="online")
        nbuy = int(r.randint(25, 130) * boost)
        for _ in range(nbuy):
            di = peak_day(w, D(5, 15), D(9, 15), D(6, 20))
            buyer = acct_of(w, r.choice(G["strangers"]))
            w.pay(at(w, a, at(w, buyer, w.daytime(di, 8, 24))), buyer, a, w.lognorm_yuan(1800, 0.8, 200, round_to=10),
                  memo=r.choice(["虫草", "冬虫夏草", "", "", "货款"]))
        for _ in range(int(r.randint(3, 12) * boost)):
            di = peak_day(w, D(5, 10), D(7, 10), D(6, 5))
            w.withdraw(at(w, a, w.daytime(di, 9, 17)), a, w.lognorm_yuan(60000, 0.6, 10000, round_to=1000),
                       "counter", region=r.choice(CORDYCEPS_AREAS) if r.random() < 0.4 else a.home)
        for _ in range(r.randint(5, 25)):
            di = peak_day(w, D(5, 20), D(9, 10), D(6, 30))
            w.pay(at(w, a, w.daytime(di)), a, r.choice(G["logistics"]), w.cents(w.lognorm_yuan(120, 0.6, 20)),
                  memo="快递费")


def gen_matsutake(w):
    """July-August: middlemen pay pickers every day (small sums, many payees) and are paid by
    exporters and wholesalers in Kunming, Shanghai, Chengdu every few days"""
    r = w.rng
    G = w.G
    boost = w.P["harvest_boost"]
    pickers = G["mat_pickers"]
    for p in pickers:
        a = acct_of(w, p)
        ordinary_life(w, a, None, 0, 0, 1, None, 0, 0.4, counter=True)
    for m in G["mat_mid"]:
        a = acct_of(w, m)
        ordinary_life(w, a, None, 0, 0, 3, family_acct(w, m), 2500, 0.4)
        pool = [q for q in pickers if q.home[:4] == m.home[:4]]
        if len(pool) < 8:
            pool = pool + [r.choice(pickers) for _ in range(8)]
        r.shuffle(pool)
        pool = pool[:r.randint(10, 45)]
        for di in range(D(7, 1), D(8, 31) + 1):
            if r.random() > 0.55 * min(1.0, boost):
                continue
            t0 = di * DAY + int(r.uniform(16, 21) * HOUR)   # paid at the buying point in the evening
            for q in r.sample(pool, min(len(pool), r.randint(2, 12))):
                qa = acct_of(w, q)
                t = at(w, qa, t0 + r.randrange(0, 5400))
                w.pay(t, a, qa, w.lognorm_yuan(380, 0.7, 40, round_to=10), memo=r.choice(["松茸", "", "菌子钱"]),
                      region=m.home)
            if r.random() < 0.25:
                w.withdraw(t0 - r.randint(1, 5) * HOUR, a, w.lognorm_yuan(20000, 0.5, 2000, round_to=1000),
                           "counter")
            if r.random() < 0.3:
                ex = r.choice(G["exporters"])
                w.pay(w.office(di), ex, a, w.lognorm_yuan(70000, 0.6, 8000, round_to=100),
                      memo=r.choice(["松茸货款", "货款", ""]), channel="online")
            if r.random() < 0.3:
                w.pay(w.daytime(di, 6, 9), a, r.choice(G["logistics"]), w.cents(w.lognorm_yuan(900, 0.5, 80)),
                      memo="空运费")
        if r.random() < 0.5:
            src = w.G["mortgage"].get(a.bank) or w.G["mortgage"]["ABC"]
            w.tx(at(w, a, w.office(D(6, 24) + r.randint(0, 6))), src, a,
                 w.lognorm_yuan(150000, 0.5, 30000, round_to=10000), "other", a.home, "transfer", "经营贷放款")


def tourists(w, n):
    G = w.G
    return [acct_of(w, w.rng.choice(G["strangers"])) for _ in range(n)]


def gen_tourism(w):
    """guesthouses, drivers and guides, souvenir and grocery shops: many small payments from
    strangers all over China with a summer peak, plus daily payment-firm settlements"""
    r = w.rng
    G = w.G
    for p in G["guesthouses"]:
        own = acct_of(w, p)
        biz = w.accts[p.accts[-1]] if w.accts[p.accts[-1]].cls == "corp" else own
        ordinary_life(w, own, None, 0, 0, 2, family_acct(w, p) if r.random() < 0.5 else None, 2000, 0.4)
        size = r.choice([0.5, 1.0, 1.0, 1.5, 2.5])
        for _ in range(int(r.randint(8, 45) * size)):
            di = pick_day(w, DAY0, DAYN, tourism_w)
            payer = tourists(w, 1)[0]
            w.pay(at(w, own, at(w, payer, w.daytime(di, 7, 24))), payer, own,
                  w.lognorm_yuan(480, 0.7, 80, round_to=10), memo=r.choice(["房费", "订金", "住宿", "", ""]))
        settle = G["payfirm"][0 if r.random() < 0.6 else 1]
        for di in range(max(DAY0, biz.opened // DAY + 1), DAYN + 1):
            if r.random() < tourism_w(di) * 0.3 * size:
                t = di * DAY + int(r.uniform(1.5, 6.5) * HOUR)
                w.tx(at(w, biz, t), settle, biz, w.cents(w.lognorm_yuan(900 * tourism_w(di) * size + 200, 0.6, 30)),
                     "other", "", "transfer", "结算款")
        staff = [acct_of(w, r.choice(G["pickers"] + G["mat_pickers"])) for _ in range(r.randint(1, 3))]
        for m in MONTHS[1:]:
            di = D(m, 5)
            for s in staff:
                if di <= DAYN and (m >= 6 or r.random() < 0.5):
                    w.pay(at(w, s, at(w, biz, w.daytime(di))), biz, s, w.lognorm_yuan(3500, 0.2, 1500, round_to=100),
                          memo="工资")
            if di <= DAYN:
                w.pay(at(w, biz, w.daytime(di + r.randint(0, 20))), biz, merchant_near(w, biz.home),
                      w.cents(w.lognorm_yuan(6000, 0.6, 300)), memo=r.choice(["货款", "布草", "水电费"]))
        if biz is not own:
            for m in MONTHS[2:]:
                di = D(m, 25)
                if di <= DAYN:
                    w.pay(at(w, own, w.daytime(di)), biz, own, w.lognorm_yuan(15000, 0.6, 2000, round_to=1000),
                          memo="提取经营款")
    for p in G["drivers"]:
        a = acct_of(w, p)
        ordinary_life(w, a, None, 0, 0, 1, family_acct(w, p) if r.random() < 0.5 else None, 2000, 0.4)
        for _ in range(r.randint(6, 34)):
            di = pick_day(w, DAY0, DAYN, tourism_w)
            payer = tourists(w, 1)[0]
            total = w.lognorm_yuan(2600, 0.7, 300, round_to=100)
            if r.random() < 0.4:
                dep = total // 3 // 10000 * 10000 or 20000
                w.pay(at(w, a, at(w, payer, w.daytime(di - r.randint(3, 20), 8, 23))), payer, a, dep, memo="包车订金")
                total -= dep
            w.pay(at(w, a, at(w, payer, w.daytime(di, 8, 23))), payer, a, max(total, 10000),
                  memo=r.choice(["包车费", "车费", "导游费", ""]))
        for m in MONTHS:
            for _ in range(r.randint(1, 2)):
                di = D(m, 1) + r.randint(0, 29)
                if DAY0 <= di <= DAYN:
                    w.pay(at(w, a, w.daytime(di)), a, merchant_near(w, a.home), w.cents(w.lognorm_yuan(350, 0.4, 50)),
                          channel="pos", memo="加油")
        if r.random() < 0.5:
            mort = w.G["mortgage"].get(a.bank)
            if mort is not None:
                for m in MONTHS:
                    di = D(m, 15)
                    if DAY0 <= di <= DAYN:
                        w.tx(at(w, a, di * DAY + 2 * HOUR), a, mort, 320000, "other", a.home, "transfer", "车贷还款")
    for p in G["shops"]:
        a = acct_of(w, p)
        ordinary_life(w, a, None, 0, 0, 1, None, 0, 0.2)
        for _ in range(r.randint(10, 50)):
            di = pick_day(w, DAY0, DAYN, tourism_w)
            payer = tourists(w, 1)[0] if r.random() < 0.6 else acct_of(w, r.choice(G["officials"] + G["herders"]))
            w.pay(at(w, a, at(w, payer, w.daytime(di))), payer, a, w.lognorm_yuan(180, 1.1, 5),
                  memo=r.choice(["", "", "唐卡", "货款", "买东西"]))
        for m in MONTHS:
            di = D(m, 8) + r.randint(0, 10)
            if DAY0 <= di <= DAYN:
                w.pay(at(w, a, w.office(di)), a, r.choice(w.G["merchants"]["510104"] + w.G["merchants_nat"]),
                      w.lognorm_yuan(18000, 0.7, 1000, round_to=100), memo="进货款", channel="online")
            for _ in range(r.randint(0, 3)):
                di = D(m, 1) + r.randint(0, 29)
                if DAY0 <= di <= DAYN:
                    w.deposit(at(w, a, w.daytime(di, 10, 17)), a, w.lognorm_yuan(4000, 0.6, 500, round_to=100),
                              memo="现金存款")


def gen_monasteries(w):
    r = w.rng
    G = w.G
    donors = [acct_of(w, q) for q in G["herders"][:300] + G["officials"][:200] + G["pickers"][:300]]
    for p in G["monasteries"]:
        a = acct_of(w, p)
        size = r.choice([0.4, 0.8, 1.0, 1.5, 3.0])
        for _ in range(int(r.randint(40, 140) * size)):
            di = peak_day(w, DAY0, DAYN, D(5, 23)) if r.random() < 0.6 else pick_day(w, DAY0, DAYN)
            src = r.choice(donors) if r.random() < 0.45 else tourists(w, 1)[0]
            big = r.random() < 0.03
            w.pay(at(w, src, w.daytime(di, 6, 23)), src, a,
                  w.lognorm_yuan(30000 if big else 200, 0.9, 10, round_to=10 if not big else 1000),
                  memo=r.choice(["供养", "布施", "随喜", "", "", "酥油灯", "放生"]))
        if r.random() < 0.3:
            for _ in range(r.randint(1, 4)):
                src = r.choice(G["abroad"])
                w.pay(w.office(pick_day(w, DAY0, DAYN)), src, a, w.lognorm_yuan(8000, 0.8, 500, round_to=100),
                      memo="donation", channel="online", xb=True, region="")
        monks = [acct_of(w, q) for q in G["monks"] if q.home[:4] == p.home[:4]][:12]
        for m in MONTHS:
            di = D(m, 3)
            if DAY0 <= di <= DAYN:
                for mk in monks:
                    w.pay(at(w, mk, salary_time(w, a, di)), a, mk, w.lognorm_yuan(900, 0.2, 300, round_to=50),
                          memo="僧人生活补助", channel="online")
        for _ in range(r.randint(1, 4)):
            di = pick_day(w, D(4, 1), DAYN)
            w.pay(w.office(di), a, r.choice(G["builders_supply"]), w.lognorm_yuan(80000 * size, 0.6, 5000, round_to=100),
                  memo=r.choice(["维修款", "工程款", "佛像彩绘"]), channel="counter")
        for _ in range(r.randint(2, 7)):
            w.withdraw(w.office(pick_day(w, DAY0, DAYN)), a, w.lognorm_yuan(15000 * size, 0.5, 2000, round_to=1000),
                       "counter")
    for q in G["monks"]:
        a = acct_of(w, q)
        ordinary_life(w, a, None, 0, 0, 1, None, 0, 0.5)


def gen_construction(w):
    """contractors from lowland Sichuan/Chongqing pay the foreman's personal card; he pays the crew
    the same day; workers send most of it home"""
    r = w.rng
    G = w.G
    for p, site, crew in G["foremen"]:
        fa = acct_of(w, p)
        contractor = r.choice(G["contractors"])
        start = r.randint(D(3, 20), D(5, 20))
        wacc = []
        for q in crew:
            qa = acct_of(w, q)   # the site card if there is one, else the home card
            wacc.append((q, qa))
        di = start + r.randint(25, 35)
        while di <= DAYN:
            t = at(w, fa, w.office(di))
            payroll = 0
            plan = []
            for q, qa in wacc:
                if r.random() < 0.92:
                    amt = w.lognorm_yuan(8500, 0.25, 3000, round_to=100)
                    plan.append((q, qa, amt))
                    payroll += amt
            w.pay(t, contractor, fa, payroll + w.lognorm_yuan(90000, 0.5, 10000, round_to=1000),
                  memo=r.choice(["工程款", "劳务费", "进度款"]), channel="online")
            tt = t + r.randint(1, 30) * HOUR
            for q, qa, amt in plan:
                tt += r.randint(20, 240)
                w.pay(at(w, qa, tt), fa, qa, amt, memo=r.choice(["工资", "", "生活费"]), region=site)
                home = family_acct(w, q)
                if r.random() < 0.8:
                    w.pay(at(w, qa, tt + r.randint(1, 96) * HOUR), qa, home,
                          amt * r.randint(55, 85) // 100 // 10000 * 10000, memo=r.choice(["", "家用", "寄回家"]),
                          region=site)
            w.pay(tt + r.randint(1, 5) * DAY, fa, r.choice(G["builders_supply"]),
                  w.lognorm_yuan(40000, 0.5, 2000, round_to=100), memo="材料款", region=site)
            if r.random() < 0.5:
                w.withdraw(tt + r.randint(1, 3) * DAY, fa, w.lognorm_yuan(20000, 0.5, 2000, round_to=1000),
                           "counter", region=site)
            di += r.randint(26, 34)
        ordinary_life(w, fa, None, 0, 0, 3, family_acct(w, p), 5000, 0.3)
        for q, qa in wacc:
            for _ in range(r.randint(2, 8)):
                di = pick_day(w, start, DAYN)
                if di is None:
                    break
                w.pay(at(w, qa, w.daytime(di)), qa, merchant_near(w, site), w.cents(w.lognorm_yuan(90, 0.8, 5)),
                      channel="pos", region=site)
            if r.random() < 0.3:
                w.withdraw(at(w, qa, w.daytime(pick_day(w, start, DAYN) or DAYN)), qa,
                           w.lognorm_yuan(500, 0.5, 100, round_to=100), "atm", region=site)


def gen_students_buyers(w):
    r = w.rng
    G = w.G
    for p, uni, fresh in G["students"]:
        a = acct_of(w, p)
        parent = family_acct(w, p)
        for m in MONTHS:
            di = D(m, 1) + r.randint(0, 6)
            if DAY0 <= di <= DAYN and (not fresh or di >= a.opened // DAY) and m not in (7,) :
                w.pay(at(w, a, w.daytime(di)), parent, a, w.lognorm_yuan(1500, 0.4, 300, round_to=100),
                      memo=r.choice(["生活费", "", "零花钱"]))
        # term start: tuition and living money arrive, tuition goes to the university
        di = pick_day(w, max(D(8, 22), a.opened // DAY), D(9, 10))
        if di is not None:
            fee = r.choice([4200, 5000, 5500, 6000, 7500]) * 100
            t = at(w, a, w.daytime(di))
            w.pay(t, parent, a, fee + w.lognorm_yuan(2000, 0.4, 500, round_to=100), memo="学费")
            w.pay(t + r.randint(1, 72) * HOUR, a, uni, fee, memo="学费", channel="online", region=uni.region)
        for _ in range(r.randint(3, 12)):
            di = pick_day(w, max(DAY0, a.opened // DAY), DAYN)
            w.pay(at(w, a, w.daytime(di, 8, 24)), a, merchant_near(w, uni.region),
                  w.cents(w.lognorm_yuan(60, 0.9, 3)), channel=r.choice(["pos", "mobile"]), region=uni.region)
        if len(p.accts) > 1:
            b = acct_of(w, p, 1)
            w.pay(at(w, b, at(w, a, w.daytime(pick_day(w, max(DAY0, b.opened // DAY), DAYN)))), a, b,
                  w.lognorm_yuan(500, 0.5, 50, round_to=50), memo="")
    for p in G["big_buyers"]:
        a = acct_of(w, p)
        d0 = pick_day(w, max(D(3, 12), a.opened // DAY + 1), D(9, 5))
        if d0 is None:
            continue
        car = r.random() < 0.6
        total = 0
        t = at(w, a, w.daytime(d0))
        for _ in range(r.randint(2, 7)):     # relatives and friends chip in
            rel = family_acct(w, p) if r.random() < 0.3 else w.new_acct(w.new_person(p.home, age=(30, 70)),
                                                                         arch="relative_lender")
            amt = w.lognorm_yuan(40000 if car else 90000, 0.6, 5000, round_to=1000)
            w.pay(t, rel, a, amt, memo=r.choice(["", "借款", "买车", "买房", "支持"]))
            total += amt
            t += r.randint(10 * MIN, 40 * HOUR)
        if r.random() < 0.4:
            lend = w.G["mortgage"].get(a.bank) or w.G["mortgage"]["ABC"]
            amt = w.lognorm_yuan(100000, 0.4, 20000, round_to=10000)
            w.tx(t, lend, a, amt, "other", a.home, "transfer", "贷款发放")
            total += amt
        seller = r.choice(G["car_dealers"] if car else G["developers"])
        t += r.randint(30 * MIN, 50 * HOUR)
        pay = total * r.randint(90, 100) // 100 // 10000 * 10000
        w.pay(t, a, seller, pay, memo="购车款" if car else "购房首付", channel=r.choice(["counter", "online"]),
              region=seller.region)
        ordinary_life(w, a, None, 0, 0, 2, None, 0, 0.3)
    # strangers with accounts at supplying banks live ordinary lives where the data can see them
    for p in G["strangers"] + G["ushang_buyers"]:
        a = acct_of(w, p)
        if a.bank not in SUPPLY:
            continue
        emp = G["employers"][int(p.hid[6:10]) % len(G["employers"])] if r.random() < 0.7 else None
        ordinary_life(w, a, emp, r.choice([4500, 6000, 7500, 9000, 12000]), r.choice([5, 10, 15, 25]),
                      r.randint(0, 1), family_acct(w, p) if r.random() < 0.3 else None, 1000, 0.2)
    for hid in sorted(G["families"].keys()):
        a = G["families"][hid]
        if a.bank in SUPPLY and r.random() < 0.35:
            ordinary_life(w, a, None, 0, 0, 1, None, 0, 0.5, counter=True)


# ---------------------------------------------------------------------------
# fraud: card farmers, U-merchants, rings, mules, cases
# ---------------------------------------------------------------------------
TYPOLOGY = [("brushing", 18), ("investment", 13), ("ecommerce_cs", 12), ("police_gov", 8),
            ("loan_card", 10), ("credit_record", 7), ("romance", 9), ("game_trade", 5),
            ("shopping_service", 6), ("leader_acquaintance", 5), ("accident_kidnap", 2),
            ("fake_job", 2), ("prize", 1), ("subsidy_refund", 2)]
VICTIM_MEMO = {"brushing": ["", "任务单", "垫付", "充值"], "investment": ["", "入金", "投资", "货款"],
               "ecommerce_cs": ["", "退款验证", "备用金"], "police_gov": ["", "资金清查", "安全账户"],
               "loan_card": ["", "解冻费", "保证金", "验资"], "credit_record": ["", "还款", "注销"],
               "romance": ["", "充值", "投资", "货款"], "game_trade": ["", "装备", "账号", "保证金"],
               "shopping_service": ["", "货款", "代购"], "leader_acquaintance": ["", "借款", "急用"],
               "accident_kidnap": ["", "医疗费", "押金"], "fake_job": ["", "培训费", "服装费"],
               "prize": ["", "手续费", "个人所得税"], "subsidy_refund": ["", "手续费", "退税"]}


def fraud_setup(w):
    r = w.rng
    P = w.P
    F = {}
    w.F = F
    # card farmers: one person, many cards, several cities, a few weeks, then the cards go quiet
    F["farmer_cards"] = []
    F["farmers"] = []
    for k in range(P["farmers"]):
        home = r.choice(MULE_HOME) if r.random() < 0.7 else r.choice(PLATEAU)
        p = w.new_person(home, age=(19, 45))
        homeacct = w.new_acct(p, role="farmer_card", arch="farmer_home_account")
        homeacct.farmer = 1
        d0 = r.randint(D(1, 25), D(7, 25))
        cities = [c for c in FARMER_CITIES if c != home]
        r.shuffle(cities)
        cards = []
        di = d0
        for city in cities[:r.randint(3, 6)]:
            banks = []
            for _ in range(r.randint(2, 6)):
                b = w.wchoice(mix_for(city)) if r.random() < 0.7 else r.choice(EXTERNAL_BANKS[:9] + SUPPLY)
                if b in banks:
                    b = r.choice(SUPPLY + EXTERNAL_BANKS[:6])
                banks.append(b)
                c = w.new_acct(p, bank=b, opened=w.office(di + r.randint(0, 1)), region=city,
                               cls="I" if r.random() < 0.75 else "II", role="farmer_card",
                               arch="farmer_card/sold_unused")
                c.farmer = 1
                c.until = c.opened + r.randint(2, 25) * DAY     # sold and handed over by then
                cards.append(c)
                if r.random() < 0.4:
                    w.deposit(c.opened + r.randint(60, 900), c, r.choice([1000, 5000, 10000, 20000]),
                              memo="开户存入", region=city, fk="card_activation")
            di += r.randint(1, 5)
        for c in cards:
            if r.random() < 0.72:
                F["farmer_cards"].append(c)
        F["farmers"].append((p, homeacct, cards))
        w.farmer_hids.append(p.hid)
    F["farmer_cards"].sort(key=lambda c: (c.until, c.i))
    F["farmer_next"] = 0
    # USDT over-the-counter traders (U商)
    F["ushang"] = []
    for _ in range(P["ushang"]):
        p = w.new_person(r.choice(["441900", "440306", "350582", "510107", "445202", "330302", "540102"]),
                         age=(22, 45))
        accs = []
        for j in range(r.randint(2, 3)):
            a = w.new_acct(p, role="ushang", arch="usdt_otc" + ("" if j == 0 else "/extra_card"),
                           bank=w.wchoice(MIX_NAT if j else [("ABC", 3), ("CCB", 3), ("PSBC", 2), ("ICBC", 2), ("CMB", 2)]))
            accs.append(a)
        F["ushang"].append(accs)
    # rings
    F["rings"] = []
    for k in range(P["rings"]):
        ring = {"k": k, "slow": r.random() < P["slow_share"], "exits": r.sample(CASHOUT, r.randint(1, 3)),
                "ops": [], "l1": [], "l2": [], "l3": [], "paofen": []}
        if r.random() < 0.3:
            ring["exits"].append(r.choice(LHASA_CITY + ["513301", "510107"]))
        for _ in range(r.randint(1, 2)):
            p = w.new_person(r.choice(["441900", "440306", "350582", "532801", "450681"]), age=(24, 45))
            ring["ops"].append(w.new_acct(p, role="operator", arch="ring_finance",
                                          bank=w.wchoice([("ABC", 2), ("CCB", 2), ("ICBC", 3), ("CMB", 2), ("PAB", 1)])))
        F["rings"].append(ring)
    # pools of lawful people who can be rented out or recruited as paofen
    G = w.G
    cand = []
    for p in G["workers"] + G["drivers"] + G["pickers"][:600] + G["mat_pickers"][:200] + G["strangers"] \
            + [s[0] for s in G["students"]]:
        a = acct_of(w, p)
        if a.opened < SIM_START - 365 * DAY and a.role == "lawful" and a.cls != "corp":
            cand.append((p, a))
    r.shuffle(cand)
    # card renters and paofen recruits are mostly customers of the supplying banks (the extract is
    # where they were found), some elsewhere
    cand.sort(key=lambda x: 0 if (x[1].bank in SUPPLY) == (r.random() < 0.8) else 1)
    F["rent_pool"] = cand[0::2]
    F["paofen_pool"] = cand[1::2]
    F["rent_pool"].reverse()
    F["paofen_pool"].reverse()
    F["victims_used"] = {}
    return F


def mule_person(w, local):
    r = w.rng
    if local:
        home = r.choice(LHASA_CITY + ["540202", "540302", "540402", "513301", "513201", "513334", "513225"])
    else:
        home = r.choice(MULE_HOME)
    return w.new_person(home, age=(18, 40))


def get_mule(w, ring, level, t):
    """an account the ring controls at time t for layer `level` (1 = receives victims' money)"""
    r = w.rng
    P = w.P
    F = w.F
    pool = ring["l%d" % min(level, 3)]
    live = [a for a in pool if a.until > t and a.opened < t - 600]
    cap = (6, 30, 60)[min(level, 3) - 1]
    live = [a for a in live if a.used < cap]
    if live and r.random() < (0.55 if level == 1 else 0.85):
        a = r.choice(live)
        a.used += 1
        return a
    arch = w.wchoice(P["arch_l1"] if level == 1 else P["arch_l2"])
    a = None
    if arch == "paofen":
        busy = [x for x in ring["paofen"] if x.used < 25]
        if busy and (r.random() < 0.55 or not F["paofen_pool"]):
            a = r.choice(busy)
            a.used += 1
            return a
    if arch == "paofen" and F["paofen_pool"]:
        p, a = F["paofen_pool"].pop()
        a.role = "paofen"
        a.arch = "paofen/" + a.arch.split("/")[0]
        a.until = 1 << 40
        ring["paofen"].append(a)
        a.used = 1
        return a
    if arch == "farmer":
        fc = F["farmer_cards"]
        j = F["farmer_next"]
        if j < len(fc) and fc[j].until < t and fc[j].opened < t - DAY:
            a = fc[j]
            F["farmer_next"] = j + 1
            a.role = "mule"
            a.arch = "farmer_card/used_l%d" % min(level, 3)
            a.until = t + r.randint(2, 15) * DAY
        else:
            arch = "fresh"
    if a is None and arch == "rented_old" and F["rent_pool"]:
        p, a = F["rent_pool"].pop()
        a.role = "mule"
        a.arch = "rented_old/" + a.arch.split("/")[0]
        a.lawful_until = t - r.randint(0, 3 * DAY)
        a.until = t + r.randint(10, 60) * DAY
        # the holder is paid rent on another account of his own
        if len(p.accts) > 1:
            renter = w.accts[p.accts[1]]
        else:
            renter = w.new_acct(p, bank=r.choice(["TENPAY", "ICBC", "ALIPAY"]), arch="renter_personal")
        op = r.choice(ring["ops"])
        tt = a.lawful_until + r.randint(1, 12) * HOUR
        while tt < a.until and tt < END:
            w.pay(at(w, renter, tt), op, renter, w.lognorm_yuan(2500, 0.4, 500, round_to=100),
                  memo=r.choice(["", "工资", "佣金"]), fk="rent")
            tt += r.randint(7, 30) * DAY
    elif a is None and arch == "rented_old":
        arch = "aged"
    if a is None:
        local = r.random() < 0.45
        p = mule_person(w, local)
        if arch == "aged":
            opened = t - r.randint(20 * DAY, 150 * DAY)
        else:
            opened = t - r.randint(HOUR * 8, 10 * DAY)
        opened = (opened // DAY) * DAY + int(r.uniform(9.3, 17.3) * HOUR)
        if opened >= t - 600:
            opened = t - 2 * HOUR
        bank = w.wchoice(mix_for(p.home)) if r.random() < 0.6 else r.choice(EXTERNAL_BANKS[:10] + PAYFIRMS)
        a = w.new_acct(p, bank=bank, opened=opened, role="mule", arch="%s_l%d" % (arch, min(level, 3)),
                       cls="I" if r.random() < 0.7 else "II")
        a.until = t + r.randint(1, 12 if arch == "fresh" else 25) * DAY
        if arch == "aged":   # a few small movements to keep the card looking alive (养卡)
            for _ in range(r.randint(1, 4)):
                tt = opened + r.randint(DAY, max(DAY + 1, t - opened - DAY))
                w.deposit(tt, a, r.choice([5000, 10000, 20000]), memo="", fk="warmup")
                shop = merchant_near(w, p.home)
                w.pay(at(w, shop, tt + r.randint(HOUR, 3 * DAY)), a, shop, w.cents(r.randint(500, 4000)),
                      channel="pos", fk="warmup")
    a.used = 1
    a.ring = ring["k"]
    if level >= 3 or r.random() < 0.25:
        a.exit_region = r.choice(ring["exits"])
    pool.append(a)
    return a


def dwell(w, ring):
    r = w.rng
    if ring["slow"] and r.random() < 0.8:
        return int(r.uniform(0.4, 30.0) * HOUR) + (r.randint(1, 4) * DAY if r.random() < 0.2 else 0)
    return int(r.uniform(0.5, 25.0) * MIN) if r.random() < 0.85 else int(r.uniform(0.5, 5) * HOUR)


def split_amount(w, fen, n):
    r = w.rng
    if n <= 1:
        return [fen]
    cuts = sorted(r.random() for _ in range(n - 1))
    out = []
    prev = 0.0
    for c in cuts + [1.0]:
        out.append((c - prev))
        prev = c
    parts = [max(100, int(fen * x) // 100 * 100) for x in out]
    parts[-1] = fen - sum(parts[:-1])
    return [p for p in parts if p > 0]


def cash_out(w, ring, a, fen, t):
    """ATM withdrawals in chunks at the daily limit, far from where the card was opened"""
    r = w.rng
    reg = a.exit_region or r.choice(ring["exits"])
    left = fen
    if left > 4900000 and r.random() < 0.5:      # one counter withdrawal just under 50,000
        c = r.randint(300, 495) * 10000
        w.withdraw(t, a, c, "counter", region=reg, fk="cash_out_counter")
        left -= c
        t += r.randint(10, 90) * MIN
    day_used = 0
    day = t // DAY
    while left >= 20000:
        chunk = min(left // 10000 * 10000, r.choice([200000, 250000, 300000, 500000]))
        if day_used + chunk > 2000000:
            day += 1
            day_used = 0
            t = day * DAY + int(r.uniform(0.2, 23.5) * HOUR)
        w.withdraw(t, a, chunk, "atm", region=reg, fk="cash_out_atm")
        day_used += chunk
        left -= chunk
        t += r.randint(40, 400)
    return left


def fregion(w, ring, a):
    """where a ring's transfer is made: the gang's base, the card holder's town, or unknown"""
    x = w.rng.random()
    if x < 0.4:
        return ""
    if x < 0.8:
        return ring["exits"][0]
    return a.home


def launder(w, ring, a, fen, t, level):
    """move money received by mule a at time t onward, layer by layer, until it leaves as cash,
    USDT, goods or abroad"""
    r = w.rng
    P = w.P
    F = w.F
    stack = [(a, fen, t, level)]
    while stack:
        a, fen, t, level = stack.pop()
        if fen < 10000 or t >= END:
            continue
        t2 = t + dwell(w, ring)
        if r.random() < 0.2:
            t2 = (t2 // DAY) * DAY + int(r.uniform(22.0, 27.0) * HOUR)   # at night
            if t2 < t:
                t2 += DAY
        if a.role == "paofen":
            keep = fen * r.randint(5, 25) // 1000
            nxt = get_mule(w, ring, 2, t2)
            amt = (fen - keep) // 100 * 100
            w.pay(at(w, nxt, t2), a, nxt, amt, fk="layering", region=fregion(w, ring, a), memo=r.choice(["", "", "货款"]))
            stack.append((nxt, amt, t2, 2))
            continue
        x = r.random()
        if level == 1:
            if a.exit_region and x < 0.12:
                cash_out(w, ring, a, fen, t2)
                continue
            n = 1 if fen < 2000000 or r.random() < 0.4 else r.randint(2, 3)
            for part in split_amount(w, fen // 100 * 100 - (r.randint(0, 3) * 100 if fen > 50000 else 0), n):
                nxt = get_mule(w, ring, 2, t2)
                w.pay(at(w, nxt, t2), a, nxt, part, fk="layering", region=fregion(w, ring, a), memo=r.choice(["", "", "", "货款", "还款"]))
                stack.append((nxt, part, t2, 2))
                t2 += r.randint(20, 600)
            continue
        # level >= 2
        p_layer = {2: 0.45, 3: 0.12}.get(level, 0.0)
        if x < p_layer:
            n = r.choice([1, 1, 2, 2, 3])
            for part in split_amount(w, fen // 100 * 100, n):
                nxt = get_mule(w, ring, level + 1, t2)
                w.pay(at(w, nxt, t2), a, nxt, part, fk="layering", region=fregion(w, ring, a), memo=r.choice(["", "", "货款"]))
                stack.append((nxt, part, t2, level + 1))
                t2 += r.randint(30, 900)
            continue
        y = r.random()
        if y < P["exit_ushang"]:
            us = r.choice(F["ushang"])
            amt = fen // 10000 * 10000 or fen
            w.pay(t2, a, us[0], amt, fk="to_ushang", region=fregion(w, ring, a), memo=r.choice(["", "", "USDT", "货款"]))
            # the U商 passes the yuan on quickly to his other cards and withdraws part
            t3 = t2 + r.randint(5 * MIN, 6 * HOUR)
            onward = amt * r.randint(95, 99) // 100 // 100 * 100
            w.pay(t3, us[0], r.choice(us[1:]), onward, fk="ushang_onward", memo="")
            continue
        y -= P["exit_ushang"]
        if y < P["exit_goods"]:
            # buying portable value: gold, or cordyceps from a lawful middleman
            if r.random() < 0.5:
                shop = r.choice(w.G["gold_shops"])
            else:
                shop = acct_of(w, r.choice(w.G["cord_mid"]))
            amt = min(fen, w.lognorm_yuan(60000, 0.5, 10000, round_to=1000))
            w.pay(at(w, shop, t2), a, shop, amt, fk="goods_purchase", region=fregion(w, ring, a), memo=r.choice(["货款", "虫草", "黄金"]))
            if fen - amt > 10000:
                stack.append((a, fen - amt, t2, level + 1))
            continue
        y -= P["exit_goods"]
        if y < 0.05:
            ab = r.choice(w.G["abroad"][:4] + F["abroad_mules"])
            w.pay(t2, a, ab, fen // 100 * 100, fk="cross_border_exit", channel="online", xb=True, region="")
            continue
        if y < 0.12:
            op = r.choice(ring["ops"])
            skim = fen * r.randint(2, 6) // 100 // 100 * 100
            w.pay(t2, a, op, skim, fk="skim", region=fregion(w, ring, a), memo="")
            fen -= skim
            t2 += r.randint(60, 1200)
        if a.exit_region is None:
            nxt = get_mule(w, ring, 3, t2)
            if nxt.exit_region is None:
                nxt.exit_region = r.choice(ring["exits"])
            amt = fen // 100 * 100
            w.pay(at(w, nxt, t2), a, nxt, amt, fk="layering", region=fregion(w, ring, a))
            a, fen, t2 = nxt, amt, at(w, nxt, t2) + dwell(w, ring)
        if fen > 8000000:
            # too much to carry in cash: the rest goes to USDT
            us = r.choice(F["ushang"])
            part = (fen - 6000000) // 10000 * 10000
            w.pay(t2, a, us[0], part, fk="to_ushang", region=fregion(w, ring, a))
            fen -= part
        cash_out(w, ring, a, fen, t2 + r.randint(5, 60) * MIN)


def pick_victim(w, typ):
    """ordinary people; some from the plateau, most from all over China"""
    r = w.rng
    G = w.G
    used = w.F["victims_used"]
    for _ in range(40):
        if r.random() < 0.28:
            if typ in ("brushing", "game_trade", "credit_record", "fake_job", "shopping_service"):
                grp = [s[0] for s in G["students"]] + G["workers"]
            elif typ in ("police_gov", "subsidy_refund", "accident_kidnap", "prize"):
                grp = G["pensioners"] + G["herders"]
            elif typ in ("investment", "romance", "leader_acquaintance"):
                grp = G["officials"] + G["shops"] + G["guesthouses"]
            else:
                grp = G["workers"] + G["drivers"] + G["pickers"]
            p = r.choice(grp)
        else:
            p = r.choice(G["strangers"])
        a = acct_of(w, p)
        if p.hid in used or a.role != "lawful":
            continue
        used[p.hid] = 1
        return p, a
    return None, None


def case_plan(w, typ):
    """(offset seconds, amount fen) of a victim's payments"""
    r = w.rng
    plan = []
    if typ == "brushing":
        amt = r.choice([20000, 50000, 100000])
        t = 0
        for _ in range(r.randint(2, 7)):
            plan.append((t, amt))
            amt = min(amt * r.choice([2, 3, 3, 4]), 5000000)
            amt = amt // 10000 * 10000
            t += r.randint(10 * MIN, 8 * HOUR)
    elif typ in ("investment", "romance"):
        t = 0
        amt = w.lognorm_yuan(8000, 0.6, 1000, round_to=1000)
        for _ in range(r.randint(2, 10)):
            plan.append((t, amt))
            amt = min(int(amt * r.uniform(1.1, 2.5)) // 100000 * 100000 or 100000, 30000000)
            t += r.randint(1, 12) * DAY + r.randint(0, 8 * HOUR)
    elif typ == "police_gov":
        t = 0
        for _ in range(r.randint(1, 5)):
            plan.append((t, w.lognorm_yuan(90000, 0.8, 10000, 1200000, round_to=1000)))
            t += r.randint(20 * MIN, 20 * HOUR)
    elif typ in ("ecommerce_cs", "credit_record", "loan_card"):
        t = 0
        for _ in range(r.randint(1, 5)):
            plan.append((t, w.lognorm_yuan(15000 if typ != "loan_card" else 5000, 0.7, 500, round_to=100)))
            t += r.randint(5 * MIN, 3 * HOUR)
    elif typ in ("leader_acquaintance", "accident_kidnap"):
        for j in range(r.randint(1, 2)):
            plan.append((j * r.randint(20 * MIN, 3 * HOUR), w.lognorm_yuan(30000, 0.6, 3000, round_to=1000)))
    else:
        t = 0
        for _ in range(r.randint(1, 3)):
            plan.append((t, w.lognorm_yuan(1500, 0.8, 100, 60000, round_to=10)))
            t += r.randint(5 * MIN, 2 * DAY)
    return plan


def gen_fraud(w):
    r = w.rng
    P = w.P
    F = w.F
    G = w.G
    # accounts abroad that receive some proceeds (never supplied)
    F["abroad_mules"] = []
    for _ in range(4):
        p = w.new_person(r.choice(["532801", "533102"]), age=(25, 45))
        F["abroad_mules"].append(w.new_acct(p, bank=r.choice(["KH-ABA", "MM-KBZ", "PH-BDO"]), role="mule",
                                            arch="abroad_collector"))
    rings = F["rings"]
    stats = {"cases": 0, "victims": 0, "victim_payments": 0}
    for c in range(P["cases"]):
        ring = rings[r.randrange(len(rings))]
        typ = w.wchoice(TYPOLOGY)
        d0 = pick_day(w, D(3, 4), D(9, 12))
        nvict = 1 if r.random() < 0.8 or typ not in ("investment", "brushing", "romance") else r.randint(2, 4)
        stats["cases"] += 1
        for v in range(nvict):
            p, va = pick_victim(w, typ)
            if va is None:
                continue
            stats["victims"] += 1
            start = at(w, va, w.daytime(d0 + r.randint(0, 5), 8, 23))
            plan = case_plan(w, typ)
            total = sum(x[1] for x in plan)
            # victims find the money: savings moved from their other cards, or quick loans
            if typ == "police_gov" and len(p.accts) > 1:
                for ix in p.accts[1:]:
                    o = w.accts[ix]
                    if o.cls != "corp":
                        w.pay(at(w, va, at(w, o, start - r.randint(10, 90) * MIN)), o, va, w.lognorm_yuan(40000, 0.6, 2000, round_to=100),
                              fk="victim_funding", memo="")
            if typ in ("ecommerce_cs", "credit_record", "loan_card") and r.random() < 0.6:
                lend = r.choice(G["lenders"])
                w.pay(at(w, va, start - r.randint(5, 60) * MIN), lend, va, (total // 2) // 10000 * 10000 + 100000,
                      channel="other", fk="victim_funding", memo="借款发放")
            same = r.random() < 0.5
            mule = None
            for off, amt in plan:
                t = start + off
                hh = (t % DAY) / float(HOUR)
                if hh < 7.5 and typ not in ("investment", "romance"):
                    t = (t // DAY) * DAY + int(r.uniform(7.5, 11.0) * HOUR)   # next morning
                if t >= END:
                    break
                if mule is None or not same:
                    mule = get_mule(w, ring, 1, t)
                t = at(w, mule, t)
                ch = "counter" if typ == "police_gov" and r.random() < 0.3 else \
                    ("atm" if r.random() < 0.04 else ("mobile" if r.random() < 0.75 else "online"))
                w.tx(t, va, mule, amt, ch, va.home if ch != "atm" or r.random() < 0.5 else va.home, "transfer",
                     r.choice(VICTIM_MEMO[typ]), False, "victim_payment:" + typ)
                stats["victim_payments"] += 1
                launder(w, ring, mule, amt, t, 1)
    # operators: card purchases from farmers, cash, proceeds abroad
    for p, homeacct, cards in F["farmers"]:
        op = r.choice(r.choice(rings)["ops"])
        last = max(c.opened for c in cards)
        nsets = max(1, len(cards) // r.randint(4, 8))
        for j in range(nsets):
            w.pay(at(w, homeacct, last + r.randint(1, 20) * DAY), op, homeacct,
                  r.randint(50, 60) * 10000, memo="", fk="card_purchase")
        if r.random() < 0.7:
            w.withdraw(at(w, homeacct, last + r.randint(5, 25) * DAY), homeacct, r.randint(5, 20) * 100000,
                       "atm", fk="operator_cash")
        ordinary_life(w, homeacct, None, 0, 0, 1, None, 0, 0.3)
    for ring in rings:
        for op in ring["ops"]:
            for _ in range(r.randint(3, 10)):
                di = pick_day(w, D(3, 15), DAYN)
                w.withdraw(at(w, op, w.nighttime(di)), op, r.randint(10, 45) * 100000, "counter",
                           region=r.choice(ring["exits"]), fk="operator_cash")
    # U商 also trade with ordinary crypto buyers and sellers (their lawful-looking business)
    for us in F["ushang"]:
        for _ in range(r.randint(20, 70)):
            b = acct_of(w, r.choice(G["ushang_buyers"]))
            di = pick_day(w, DAY0, DAYN)
            usdt = r.randint(100, 6000)
            rate = r.randint(715, 735)
            if r.random() < 0.6:
                w.pay(at(w, b, w.daytime(di, 9, 24)), b, r.choice(us), usdt * rate, memo=r.choice(["", "", "货款"]))
            else:
                w.pay(at(w, b, w.daytime(di, 9, 24)), r.choice(us), b, usdt * (rate - 3), memo="")
        for _ in range(r.randint(3, 12)):
            di = pick_day(w, DAY0, DAYN)
            w.withdraw(w.daytime(di, 10, 17), r.choice(us), r.randint(20, 49) * 100000, "counter")
    w.stats = stats


# ---------------------------------------------------------------------------
# censoring, balances, labels, output
# ---------------------------------------------------------------------------
def cushion(w, a):
    r = w.rng
    if a.role == "mule":
        if a.arch.startswith("rented_old"):
            return w.lognorm_yuan(600, 1.0, 0)
        return 0
    if a.role == "paofen":
        return w.lognorm_yuan(800, 1.0, 0)
    if a.role in ("ushang", "operator"):
        return w.lognorm_yuan(30000, 1.0, 100)
    if a.role == "farmer_card":
        return w.lognorm_yuan(300, 1.0, 0) if a.arch == "farmer_home_account" else 0
    if a.cls == "corp":
        return w.lognorm_yuan(150000, 1.2, 1000)
    return w.lognorm_yuan(6000, 1.3, 0)


def finalize(w):
    r = w.rng
    accts = w.accts
    starts = w.starts
    # 1. lawful life stops when an account is handed over; nothing before an account exists
    kept = []
    dropped_fraud = 0
    for rec in w.txns:
        t, _, f, to = rec[0], rec[1], rec[2], rec[3]
        bad = False
        for ix in (f, to):
            if ix >= 0:
                a = accts[ix]
                if t < a.opened:
                    bad = True
                elif not rec[10] and t > a.lawful_until:
                    bad = True
        if bad or t >= END:
            if rec[10]:
                dropped_fraud += 1
                if os.environ.get("XUEYU_DEBUG"):
                    print("dropped", rec, [(accts[i].arch, accts[i].opened) for i in (f, to) if i >= 0])
            continue
        kept.append(rec)
    kept.sort(key=lambda x: (x[0], x[1]))
    # 2. balances: an account opened inside the simulated period starts at 0 and is funded by a
    #    cash deposit at the counter if it would go negative; older accounts hold savings
    n = len(accts)
    bal = [0] * n
    low = [0] * n
    first_t = [None] * n
    for rec in kept:
        f, to, fen = rec[2], rec[3], rec[4]
        if f >= 0:
            bal[f] -= fen
            if bal[f] < low[f]:
                low[f] = bal[f]
            if first_t[f] is None:
                first_t[f] = rec[0]
        if to >= 0:
            bal[to] += fen
            if first_t[to] is None:
                first_t[to] = rec[0]
    init = [0] * n
    extra = []
    for a in accts:
        need = -low[a.i]
        if a.opened < SIM_START:
            init[a.i] = need + cushion(w, a)
        elif need > 0 and a.bank in starts:
            fen = (need + 9999) // 10000 * 10000
            ft = first_t[a.i] if first_t[a.i] is not None else a.opened + HOUR
            t = min(a.opened + r.randint(60, 1800), max(a.opened, ft - 1))
            w.seq += 1
            fk = "" if a.role == "lawful" else "account_funding"
            extra.append((t, -w.seq if False else w.seq, -1, a.i, fen, "counter", a.region, "deposit",
                          "开户存入" if r.random() < 0.5 else "", False, fk))
    if extra:
        kept.extend(extra)
        kept.sort(key=lambda x: (x[0], 0 if x[7] == "deposit" else 1, x[1]))
    # 3. what is visible: a transfer is reported by a supplying institution whose extract has started
    bal = list(init)
    opening = [None] * n
    vis = []
    for rec in kept:
        t, f, to, fen = rec[0], rec[2], rec[3], rec[4]
        rep = None
        if f >= 0:
            b = accts[f].bank
            if b in starts and t >= starts[b]:
                rep = b
        if rep is None and to >= 0:
            b = accts[to].bank
            if b in starts and t >= starts[b]:
                rep = b
        if rep is not None:
            for ix in (f, to):
                if ix >= 0 and opening[ix] is None:
                    opening[ix] = bal[ix]
            vis.append((rec, rep))
        if f >= 0:
            bal[f] -= fen
        if to >= 0:
            bal[to] += fen
    for a in accts:
        if a.bank in starts:
            if a.opened >= starts[a.bank]:
                opening[a.i] = 0
            elif opening[a.i] is None:
                opening[a.i] = bal[a.i]
    w.vis = vis
    w.opening = opening
    w.dropped_fraud = dropped_fraud
    w.hidden = len(kept) - len(vis)


def make_labels(w):
    r = w.rng
    P = w.P
    accts = w.accts
    starts = w.starts
    has_row = [a.bank in starts and a.opened < END for a in accts]
    w.has_row = has_row
    ids = []
    victim_in = {}
    goods_to = {}
    touched = [False] * len(accts)
    for k, (rec, rep) in enumerate(w.vis):
        txid = "%s%s%07d" % (rep, day_str(rec[0] // DAY).replace("-", "")[2:], k + 1)
        ids.append(txid)
        for ix in (rec[2], rec[3]):
            if ix >= 0:
                touched[ix] = True
        if rec[10].startswith("victim_payment") and rec[3] >= 0:
            victim_in[rec[3]] = victim_in.get(rec[3], 0) + 1
        if rec[10] == "goods_purchase" and rec[3] >= 0:
            goods_to[rec[3]] = 1
    w.ids = ids
    w.touched = touched
    fraud_roles = ("mule", "paofen", "ushang", "operator")
    rows_f = [a for a in accts if has_row[a.i] and a.role in fraud_roles]
    nv = sum(1 for a in rows_f if a.i in victim_in)
    no = len(rows_f) - nv
    target = P["label_mule"] * len(rows_f)
    pv = min(0.9, P["label_mule"] * 1.4)
    po = max(0.05, min(0.9, (target - pv * nv) / no)) if no else 0.0
    for a in rows_f:
        if r.random() < (pv if a.i in victim_in else po):
            a.lab = 1
    for a in accts:    # the centre also lists some external accounts it traced
        if not has_row[a.i] and a.role in fraud_roles and touched[a.i] and r.random() < 0.3:
            a.lab = 1
    # a handful of wrong labels on lawful accounts
    wrong = []
    cands = [accts[ix] for ix in sorted(goods_to.keys()) if has_row[ix] and accts[ix].role == "lawful"]
    r.shuffle(cands)
    wrong += cands[:2]
    for grp in ("guesthouses", "drivers", "cord_mid"):
        p = r.choice(w.G[grp])
        a = acct_of(w, p)
        if has_row[a.i] and a.role == "lawful" and a not in wrong:
            wrong.append(a)
    vict = [accts[rec[2]] for rec, rep in w.vis if rec[10].startswith("victim_payment") and rec[2] >= 0
            and has_row[rec[2]] and accts[rec[2]].role == "lawful"]
    if vict:
        wrong.append(r.choice(vict))   # a victim's own card listed by mistake
    for a in wrong:
        a.lab = 1
    w.wrong = wrong
    # transfers: most confirmed victim payments, plus two lawful payments into a wrongly listed account
    tlabels = []
    for k, (rec, rep) in enumerate(w.vis):
        if rec[10].startswith("victim_payment") and r.random() < P["label_victim"]:
            tlabels.append(ids[k])
    wl = [ids[k] for k, (rec, rep) in enumerate(w.vis) if not rec[10] and wrong and rec[3] == wrong[-2].i]
    tlabels += wl[:2]
    w.tlabels = tlabels
    # card farmers: some, not all; and one lawful middleman who opened cards in many county towns
    hl = []
    fs = list(w.farmer_hids)
    r.shuffle(fs)
    k = max(1, min(len(fs) - 1, int(round(P["label_farmer"] * len(fs)))))
    hl += sorted(fs[:k])
    if w.G["multicard"] and r.random() < 0.8:
        hl.append(r.choice(w.G["multicard"]).hid)
    w.holder_labels = hl
    # statuses: frozen after reports, quiet cards closed
    for a in accts:
        if a.role in fraud_roles or a.role == "farmer_card":
            if a.lab and r.random() < 0.4:
                a.status = "frozen"
            elif r.random() < 0.05:
                a.status = r.choice(["frozen", "closed"])
        elif a.cls != "corp" and r.random() < 0.002:
            a.status = "frozen"


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            out = []
            for v in row:
                s = str(v)
                if any(c in s for c in ',"\n\r'):
                    s = '"' + s.replace('"', '""') + '"'
                out.append(s)
            fh.write(",".join(out) + "\n")


def write_all(w, out, truth):
    os.makedirs(out, exist_ok=True)
    accts = w.accts
    starts = w.starts
    rows = [a for a in accts if w.has_row[a.i]]
    rows.sort(key=lambda a: (a.bank, a.aid))
    write_csv(os.path.join(out, "accounts.csv"),
              ["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
               "opening_balance", "status"],
              [(a.aid, a.bank, a.holder, fmt_ts(a.opened), a.region, a.cls, fmt_amt(max(0, w.opening[a.i] or 0)),
                a.status) for a in rows])
    trows = []
    for k, (rec, rep) in enumerate(w.vis):
        t, _, f, to, fen, ch, reg, kind, memo, xb, fk = rec
        trows.append((w.ids[k], fmt_ts(t), accts[f].aid if f >= 0 else "", accts[to].aid if to >= 0 else "",
                      fmt_amt(fen), "CNY", ch, reg, kind, memo, "true" if xb else "false"))
    write_csv(os.path.join(out, "transfers.csv"),
              ["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
               "kind", "memo", "cross_border"], trows)
    lab = [("account", a.aid, "mule") for a in sorted([a for a in accts if a.lab], key=lambda a: a.aid)]
    lab += [("transfer", x, "fraud") for x in w.tlabels]
    lab += [("holder", h, "card_farmer") for h in w.holder_labels]
    write_csv(os.path.join(out, "labels.csv"), ["kind", "id", "label"], lab)
    if not truth:
        return
    hl = {}
    for h in w.holder_labels:
        hl[h] = 1
    farmer_h = {}
    for h in w.farmer_hids:
        farmer_h[h] = 1
    trow = []
    for a in sorted(accts, key=lambda a: (0 if w.has_row[a.i] else 1, a.bank, a.aid)):
        hr = w.has_row[a.i]
        matters = hr or w.touched[a.i] or a.role != "lawful" or a.farmer
        if not matters:
            continue
        trow.append(("account", a.aid, a.bank, a.holder, 1 if hr else 0, a.role, a.arch or "lawful",
                     1 if (a.farmer or a.holder in farmer_h) else 0, fmt_ts(a.opened), a.lab,
                     hl.get(a.holder, 0), fmt_ts(starts[a.bank]) if a.bank in starts else ""))
    write_csv(os.path.join(out, "truth.csv"),
              ["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
               "labelled", "farmer_labelled", "extract_start"], trow)
    tt = []
    for k, (rec, rep) in enumerate(w.vis):
        fk = rec[10]
        if fk:
            tt.append((w.ids[k], "victim_payment" if fk.startswith("victim_payment") else fk))
    write_csv(os.path.join(out, "truth_transfers.csv"), ["txn_id", "kind"], tt)


def summary(w, secs):
    accts = w.accts
    rows = [a for a in accts if w.has_row[a.i]]
    roles = {}
    for a in rows:
        roles[a.role] = roles.get(a.role, 0) + 1
    ext = sum(1 for a in accts if not w.has_row[a.i] and w.touched[a.i])
    nvp = sum(1 for rec, rep in w.vis if rec[10].startswith("victim_payment"))
    nft = sum(1 for rec, rep in w.vis if rec[10])
    print("xueyu world variant=%s seed=%d (%.1fs)" % (w.variant, w.seed, secs))
    print("  accounts with rows: %d   external counterparties seen: %d" % (len(rows), ext))
    print("  rows by role: " + ", ".join("%s=%d" % (k, roles[k]) for k in sorted(roles)))
    print("  transfers: %d visible, %d censored/hidden, %d fraud-related, %d victim payments" %
          (len(w.vis), w.hidden, nft, nvp))
    print("  cases=%d victims=%d victim payments (all, incl. hidden)=%d" %
          (w.stats["cases"], w.stats["victims"], w.stats["victim_payments"]))
    print("  labels: accounts=%d (wrong lawful=%d)  transfers=%d  holders=%d (card farmers: %d)" %
          (sum(1 for a in accts if a.lab), len(w.wrong), len(w.tlabels), len(w.holder_labels), len(w.farmer_hids)))
    print("  extract starts: " + ", ".join("%s %s" % (b, fmt_ts(w.starts[b])[:10]) for b in SUPPLY))
    if w.dropped_fraud:
        print("  note: %d fraud transfers fell outside account lifetimes and were dropped" % w.dropped_fraud)


def main(argv=None):
    ap = argparse.ArgumentParser(description="xueyu (snowy plateau) synthetic world for fanzha")
    ap.add_argument("--variant", required=True, choices=["baseline", "V2", "V3"])
    ap.add_argument("--seed", required=True, type=int)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    args = ap.parse_args(argv)
    t0 = _time.time()
    _SAL_TIMES.clear()
    w = World(args.variant, args.seed)
    build_population(w)
    fraud_setup(w)
    gen_government(w)
    gen_herders(w)
    gen_cordyceps(w)
    gen_matsutake(w)
    gen_tourism(w)
    gen_monasteries(w)
    gen_construction(w)
    gen_students_buyers(w)
    gen_fraud(w)
    finalize(w)
    make_labels(w)
    write_all(w, args.out, args.truth)
    summary(w, _time.time() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
