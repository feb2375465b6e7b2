#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""xibei_loess_world.py - a synthetic anti-telecom-fraud world for the loess plateau and the Hexi corridor.

Shaanxi (关中, 陕北, 陕南), Gansu (兰州, 河西走廊, 临夏), Ningxia (银川, 中宁, 固原) and Qinghai (西宁, 化隆,
海南州), 2024-09-01 .. 2025-02-28 (+08:00).  Eight regional institutions supply data, each from its own
extract start; the rest of China's banks, the payment firms and foreign banks appear only as
counterparties.  Ordinary life, a set of regional lawful look-alikes, and several fraud gangs whose
victims are all over China and whose mule accounts, card farmers, 跑分 participants, U商 and operators
sit (mostly) in the region.

Usage: python3 xibei_loess_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Written from the project's domain notes, seed essays and input-format page only.
Standard library only; deterministic for (variant, seed).
"""

import argparse
import csv
import datetime as dt
import math
import os
import random
import sys
import time

TZ8 = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2024, 9, 1, tzinfo=TZ8)
NDAYS = 181
DAY, HOUR, MIN = 86400, 3600, 60
END = NDAYS * DAY
MONTHS = [(0, 30), (30, 31), (61, 30), (91, 31), (122, 31), (153, 28)]
SPRING = 150          # 2025-01-29 春节
GUOQING = 30          # 2024-10-01 国庆


def day_of(y, m, d):
    return (dt.datetime(y, m, d, tzinfo=TZ8) - T0).days


def iso(s):
    return (T0 + dt.timedelta(seconds=s)).isoformat()


# --------------------------------------------------------------------------- institutions
# code, supplier, extract start (y,m,d) or None, kind, card BINs, corp prefix
BANKS = [
    ("ICBC", True, (2024, 9, 1), "bank", ["622202", "621226", "621723", "622208"], "2604"),
    ("ABC", True, (2024, 9, 1), "bank", ["622848", "623052", "622845", "622827"], "2810"),
    ("PSBC", True, (2024, 9, 10), "bank", ["621799", "622188", "621098", "623218"], "9610"),
    ("XIANBANK", True, (2024, 10, 1), "bank", ["621242", "623163", "622876"], "7110"),
    ("LZBANK", True, (2024, 9, 1), "bank", ["622139", "621035", "623192"], "1010"),
    ("BONX", True, (2024, 9, 16), "bank", ["622178", "621529", "623136"], "0201"),
    ("QHBANK", True, (2024, 10, 8), "bank", ["622868", "623193", "621527"], "0601"),
    ("SXRCU", True, (2024, 9, 1), "bank", ["621263", "623271", "622260"], "2707"),
    ("CCB", False, None, "bank", ["621700", "622700", "436742"], "6105"),
    ("BOC", False, None, "bank", ["621661", "621785", "601382"], "1028"),
    ("BOCOM", False, None, "bank", ["622262", "622260"], "6110"),
    ("CMB", False, None, "bank", ["621483", "622588", "621286"], "1299"),
    ("CIB", False, None, "bank", ["622909", "622908"], "4560"),
    ("CMBC", False, None, "bank", ["622622", "621691"], "6953"),
    ("CITIC", False, None, "bank", ["621771", "622690"], "8111"),
    ("SPDB", False, None, "bank", ["621792", "622521"], "7201"),
    ("PAB", False, None, "bank", ["623058", "622155"], "1501"),
    ("CEB", False, None, "bank", ["622666", "621489"], "3901"),
    ("GDB", False, None, "bank", ["622568", "621462"], "1350"),
    ("HXB", False, None, "bank", ["622630", "623021"], "1086"),
    ("GSBANK", False, None, "bank", ["621048", "622178"], "6201"),
    ("GSRCU", False, None, "bank", ["621248", "623065"], "2702"),
    ("YRRCB", False, None, "bank", ["621177", "623095"], "6401"),
    ("QHRCU", False, None, "bank", ["621517", "623067"], "6301"),
    ("GDRCU", False, None, "bank", ["621728", "623225"], "8001"),
    ("ALIPAY", False, None, "pay", [], ""),
    ("TENPAY", False, None, "pay", [], ""),
    ("HSBCHK", False, None, "overseas", [], "HK"),
    ("ABAKH", False, None, "overseas", [], "KH"),
    ("KBZMM", False, None, "overseas", [], "MM"),
    ("ENBDAE", False, None, "overseas", [], "AE"),
    ("MAYBANKMY", False, None, "overseas", [], "MY"),
    ("BARCLAYSUK", False, None, "overseas", [], "GB"),
]
BANK = {b[0]: b for b in BANKS}
SUPPLIERS = [b[0] for b in BANKS if b[1]]
EXTRACT = {b[0]: day_of(*b[2]) * DAY for b in BANKS if b[1]}
NATIONAL_EXT = ["CCB", "BOC", "BOCOM", "CMB", "CIB", "CMBC", "CITIC", "SPDB", "PAB", "CEB", "GDB", "HXB"]
NATIONAL_EXT_W = [20, 14, 8, 12, 6, 5, 5, 5, 6, 4, 4, 3]

PROV_BANKS = {
    "SN": ([("ICBC", 14), ("ABC", 14), ("PSBC", 10), ("XIANBANK", 8), ("SXRCU", 16), ("CCB", 12), ("BOC", 6),
            ("CMB", 4), ("BOCOM", 3), ("CIB", 2), ("CITIC", 2), ("SPDB", 2), ("PAB", 2)]),
    "GS": ([("ICBC", 14), ("ABC", 16), ("PSBC", 10), ("LZBANK", 14), ("GSBANK", 9), ("GSRCU", 10), ("CCB", 12),
            ("BOC", 5), ("CMB", 2), ("BOCOM", 3), ("CIB", 1)]),
    "NX": ([("ICBC", 14), ("ABC", 14), ("PSBC", 8), ("BONX", 16), ("YRRCB", 14), ("CCB", 12), ("BOC", 5),
            ("CMB", 2), ("BOCOM", 3)]),
    "QH": ([("ICBC", 14), ("ABC", 14), ("PSBC", 8), ("QHBANK", 16), ("QHRCU", 14), ("CCB", 12), ("BOC", 5),
            ("BOCOM", 2)]),
}

# --------------------------------------------------------------------------- places (GB/T 2260)
LOCAL = [
    ("610113", "SN", 9), ("610103", "SN", 5), ("610112", "SN", 6), ("610116", "SN", 5), ("610104", "SN", 4),
    ("610102", "SN", 3), ("610402", "SN", 4), ("610302", "SN", 3), ("610502", "SN", 3), ("610602", "SN", 2),
    ("610629", "SN", 1.2), ("610527", "SN", 0.8), ("610802", "SN", 2.5), ("610881", "SN", 1.5),
    ("610822", "SN", 0.8), ("610824", "SN", 0.6), ("610702", "SN", 2), ("610902", "SN", 1.5),
    ("611002", "SN", 1.0), ("610202", "SN", 0.7),
    ("620102", "GS", 5), ("620103", "GS", 3), ("620105", "GS", 2), ("620502", "GS", 2), ("620702", "GS", 1),
    ("620902", "GS", 0.8), ("620982", "GS", 0.5), ("620602", "GS", 1.2), ("621102", "GS", 1.2),
    ("622901", "GS", 1.2), ("622924", "GS", 0.5), ("620802", "GS", 1), ("621002", "GS", 1),
    ("620200", "GS", 0.6), ("621202", "GS", 0.8), ("623001", "GS", 0.4),
    ("640104", "NX", 3), ("640106", "NX", 2), ("640105", "NX", 1.5), ("640302", "NX", 1), ("640521", "NX", 0.7),
    ("640402", "NX", 0.8), ("640324", "NX", 0.4), ("640202", "NX", 0.8), ("640502", "NX", 0.6),
    ("630103", "QH", 2), ("630104", "QH", 1.5), ("630102", "QH", 1.5), ("630224", "QH", 0.5),
    ("630202", "QH", 0.6), ("632801", "QH", 0.5), ("632521", "QH", 0.3), ("632621", "QH", 0.2),
]
PROV_OF = {c: p for c, p, _ in LOCAL}
CAPITAL = {"SN": "610113", "GS": "620102", "NX": "640104", "QH": "630103"}
CITY_OF = {}
for _c, _p, _w in LOCAL:
    CITY_OF[_c] = {"6101": "610113", "6201": "620102", "6401": "640104", "6301": "630103"}.get(_c[:4], _c)
RURAL_HOME = ["621102", "620502", "621202", "640402", "630202", "611002", "610902", "622901", "640324",
              "610802", "621002", "620802"]
UNIV = [("610116", "西北大学"), ("610116", "西安电子科技大学"), ("610103", "西安交通大学"),
        ("610116", "陕西师范大学"), ("610113", "西北工业大学"), ("610116", "长安大学"),
        ("620105", "西北师范大学"), ("620102", "兰州大学"), ("640105", "宁夏大学"), ("630102", "青海大学")]
# victims and far-away counterparties: region, weight
FAR = [("440106", 6), ("440304", 5), ("440307", 4), ("441900", 5), ("440604", 3), ("110105", 5),
       ("310115", 5), ("320102", 3), ("320505", 4), ("330106", 4), ("330212", 3), ("350203", 3),
       ("370102", 3), ("370212", 3), ("410105", 5), ("420106", 4), ("430104", 4), ("510107", 5),
       ("500103", 4), ("530102", 3), ("450103", 3), ("460106", 2), ("230102", 2), ("210102", 2),
       ("220102", 1.5), ("150102", 1.5), ("150602", 1.5), ("140105", 2), ("130102", 3), ("120101", 2),
       ("340104", 3), ("360102", 2.5), ("520102", 2), ("650102", 2), ("350102", 2), ("610113", 0)]
FAR_CASHOUT = ["441900", "440307", "440106", "532801", "533102", "451481", "460106", "350203"]
WHOLESALE_MKT = ["440106", "110105", "310115", "510107", "430104", "440304", "410105", "420106",
                 "330106", "500103", "320505", "370102"]

MEMO_P2P = ["", "", "", "", "转账", "还钱", "生活费", "", "借款", "红包"]
MEMO_BIZ = ["货款", "货款", "", "往来款", "", "结算款", "款"]

# hour-of-day profiles (cumulative weights)
def _cum(ws):
    out, c = [], 0.0
    for w in ws:
        c += w
        out.append(c)
    return out


PROF = {
    "day": _cum([1, .5, .3, .2, .2, .4, 1, 3, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 9, 9, 8, 6, 4, 2]),
    "office": _cum([0, 0, 0, 0, 0, 0, 0, .5, 4, 9, 10, 9, 5, 6, 9, 9, 8, 5, 1, 0, 0, 0, 0, 0]),
    "evening": _cum([2, 1, .5, .2, .2, .2, .5, 1, 2, 3, 3, 4, 4, 3, 3, 3, 4, 5, 7, 9, 10, 10, 8, 5]),
    "night": _cum([7, 6, 5, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 8]),
    "any": _cum([1] * 24),
}
HOURS = list(range(24))


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.r = random.Random(f"xibei_loess:{variant}:{seed}")
        self.la_mult = 2.5 if variant == "V3" else 1.0
        self.acc = {}
        self.acc_order = []
        self.hold = {}
        self.tx = []
        self.used_ids = set()
        self.victim_tx = []          # (tx index, case id)
        self.cases = []
        self.la_actor = {}           # archetype -> count of look-alike actor accounts
        self.people = []
        self.by_arch = {}
        self.rentable = []
        self.inflow = {}
        self.touch = {}

    # ------------------------------------------------------------------ random helpers
    def wpick(self, items, weights):
        return self.r.choices(items, weights=weights)[0]

    def amt(self, med, sig, lo, hi, gran=1.0):
        x = med * math.exp(self.r.gauss(0.0, sig))
        x = min(max(x, lo), hi)
        if gran >= 1:
            x = max(gran, round(x / gran) * gran)
            return int(round(x * 100))
        return max(1, int(round(x * 100)))

    def pois(self, lam):
        if lam <= 0:
            return 0
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p < L:
                return k
            k += 1

    def tod(self, prof="day"):
        h = self.r.choices(HOURS, cum_weights=PROF[prof])[0]
        return h * HOUR + self.r.randrange(HOUR)

    def at(self, day, prof="day"):
        return int(day) * DAY + self.tod(prof)

    def old_open(self, y0=2008, y1=2024, m1=7):
        a = day_of(y0, 1, 1)
        b = day_of(y1, m1, 28)
        return self.r.randint(a, b) * DAY + self.tod("office")

    def local_region(self, prov=None):
        if prov:
            cand = [(c, w) for c, p, w in LOCAL if p == prov]
        else:
            cand = [(c, w) for c, p, w in LOCAL]
        return self.wpick([c for c, _ in cand], [w for _, w in cand])

    def far_region(self):
        return self.wpick([c for c, _ in FAR[:-1]], [w for _, w in FAR[:-1]])

    # ------------------------------------------------------------------ identities
    def new_person(self, region, by, arch="", extra=None):
        while True:
            m = self.r.randint(1, 12)
            d = self.r.randint(1, 28)
            body = f"{region}{by:04d}{m:02d}{d:02d}{self.r.randint(1, 999):03d}"
            wts = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            sm = sum(int(ch) * w for ch, w in zip(body, wts))
            hid = body + "10X98765432"[sm % 11]
            if hid not in self.hold:
                break
        self.hold[hid] = {"id": hid, "region": region, "by": by, "arch": arch, "corp": False,
                          "accts": [], "farmer": False}
        if extra:
            self.hold[hid].update(extra)
        return hid

    def new_corp(self, region, arch=""):
        cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        while True:
            hid = "91" + region + "".join(self.r.choice(cs) for _ in range(10))
            if hid not in self.hold:
                break
        self.hold[hid] = {"id": hid, "region": region, "by": 0, "arch": arch, "corp": True, "accts": [],
                          "farmer": False}
        return hid

    def gen_id(self, bank, corp):
        b = BANK[bank]
        while True:
            if b[3] == "pay":
                aid = ("2088" + "".join(self.r.choice("0123456789") for _ in range(12))) if bank == "ALIPAY" \
                    else ("1" + "".join(self.r.choice("0123456789") for _ in range(9)) + "01")
            elif b[3] == "overseas":
                aid = b[5] + "".join(self.r.choice("0123456789") for _ in range(self.r.choice([10, 12, 14])))
            elif corp:
                aid = b[5] + "".join(self.r.choice("0123456789") for _ in range(self.r.choice([13, 15, 16, 18])))
            else:
                n = 19 if self.r.random() < 0.85 else 16
                pre = self.r.choice(b[4])
                aid = pre + "".join(self.r.choice("0123456789") for _ in range(n - len(pre)))
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def new_acct(self, holder, bank, opened, region, cls=None, role="lawful", arch="", corp=None):
        h = self.hold[holder]
        if corp is None:
            corp = h["corp"]
        aid = self.gen_id(bank, corp)
        if cls is None:
            cls = "corp" if corp else self.wpick(["I", "II", "III"], [80, 18, 2])
        self.acc[aid] = {"id": aid, "bank": bank, "holder": holder, "opened": int(opened), "region": region,
                         "cls": cls, "status": "active", "role": role, "arch": arch, "farmer": 0,
                         "ws": 0, "we": 0, "kind": "", "gang": -1, "tier": 0}
        self.acc_order.append(aid)
        h["accts"].append(aid)
        return aid

    def bank_for(self, prov, exclude=(), supplier=None, rural=False):
        items = [(b, w) for b, w in PROV_BANKS[prov] if b not in exclude]
        if supplier is True:
            items = [(b, w) for b, w in items if BANK[b][1]] or items
        elif supplier is False:
            items = [(b, w) for b, w in items if not BANK[b][1]] or items
        if rural:
            items = [(b, w * (2.5 if b in ("ABC", "PSBC", "SXRCU", "GSRCU", "YRRCB", "QHRCU") else 1.0))
                     for b, w in items]
        return self.wpick([b for b, _ in items], [w for _, w in items])

    def ext_bank(self):
        return self.wpick(NATIONAL_EXT, NATIONAL_EXT_W)

    def has_row(self, aid):
        return BANK[self.acc[aid]["bank"]][1]

    # ------------------------------------------------------------------ transfers
    def add(self, t, frm, to, fen, ch="mobile", reg=None, kind="transfer", memo="", xb=False, fk=None):
        t = int(t)
        if fen <= 0 or t < 0 or t >= END:
            return -1
        if frm and self.acc[frm]["opened"] > t:
            return -1
        if to and self.acc[to]["opened"] > t:
            return -1
        if reg is None:
            reg = self.acc[frm]["region"] if frm else self.acc[to]["region"]
        self.tx.append([t, frm or "", to or "", int(fen), ch, reg, kind, memo, xb, fk])
        return len(self.tx) - 1

    # ================================================================== shared counterparties
    def build_counterparties(self):
        r = self.r
        self.pay_accts = {}
        for firm, reg in (("ALIPAY", "330106"), ("TENPAY", "440305")):
            h = self.new_corp(reg, "payment_firm")
            self.pay_accts[firm] = [self.new_acct(h, firm, self.old_open(2010, 2015), reg, "corp",
                                                  arch="payment_firm_reserve") for _ in range(4)]
        self.merchants = {}
        self.gold = {}
        kinds = ["supermarket", "restaurant", "pharmacy", "gas_station", "phone_shop", "appliance",
                 "clothing", "hotel", "building_material", "fertilizer_shop"]
        for code, prov, w in LOCAL:
            n = max(4, int(w * 9))
            lst = []
            for _ in range(n):
                k = r.choice(kinds)
                h = self.new_corp(code, "merchant:" + k)
                lst.append(self.new_acct(h, self.bank_for(prov), self.old_open(2006, 2024, 3), code, "corp",
                                         arch="merchant:" + k))
            self.merchants[code] = lst
        for prov, cap in CAPITAL.items():
            g = []
            for _ in range({"SN": 10, "GS": 7, "NX": 5, "QH": 5}[prov]):
                h = self.new_corp(cap, "merchant:gold_shop")
                g.append(self.new_acct(h, self.bank_for(prov), self.old_open(2008, 2023), cap, "corp",
                                       arch="merchant:gold_shop"))
            self.gold[prov] = g
        self.gold_far = []
        for reg in ("440303", "440303", "440303", "441900", "440106", "530102"):
            h = self.new_corp(reg, "merchant:gold_wholesale")
            self.gold_far.append(self.new_acct(h, self.ext_bank(), self.old_open(2010, 2022), reg, "corp",
                                               arch="merchant:gold_wholesale"))
        # employers
        self.employers = {p: [] for p in CAPITAL}
        for i in range(380):
            code = self.local_region()
            prov = PROV_OF[code]
            h = self.new_corp(code, "employer")
            a = self.new_acct(h, self.bank_for(prov), self.old_open(2000, 2022), code, "corp", arch="employer")
            self.acc[a]["payday"] = r.choice([5, 8, 10, 10, 15, 15, 20, 25, 28])
            self.employers[prov].append(a)
        self.far_employers = []
        for i in range(120):
            reg = r.choice(["441900", "440307", "440604", "320505", "330212", "650102", "150602", "350203"])
            h = self.new_corp(reg, "employer_far")
            a = self.new_acct(h, self.ext_bank(), self.old_open(2003, 2022), reg, "corp", arch="employer_far")
            self.acc[a]["payday"] = r.choice([5, 10, 15, 20, 25])
            self.far_employers.append(a)
        self.gov = {}
        self.pension = {}
        self.rural_pension = {}
        self.loan_acct = {}
        self.platform = []
        pension_bank = {"SN": "ICBC", "GS": "ABC", "NX": "BONX", "QH": "QHBANK"}
        rural_bank = {"SN": "SXRCU", "GS": "ABC", "NX": "ABC", "QH": "QHBANK"}
        for prov, cap in CAPITAL.items():
            h = self.new_corp(cap, "government")
            self.gov[prov] = self.new_acct(h, "ICBC" if prov != "QH" else "QHBANK", self.old_open(2000, 2010),
                                           cap, "corp", arch="gov_payroll")
            h = self.new_corp(cap, "social_security")
            self.pension[prov] = self.new_acct(h, pension_bank[prov], self.old_open(2000, 2010), cap, "corp",
                                               arch="pension_fund")
            h = self.new_corp(cap, "social_security")
            self.rural_pension[prov] = self.new_acct(h, rural_bank[prov], self.old_open(2009, 2012), cap, "corp",
                                                     arch="rural_pension_fund")
        for b in SUPPLIERS + NATIONAL_EXT[:4]:
            reg = "610113"
            h = self.new_corp(reg, "bank_internal")
            self.loan_acct[b] = self.new_acct(h, b, self.old_open(2005, 2010), reg, "corp", arch="bank_loan_account")
        for name, reg in (("meituan", "110105"), ("didi", "110108"), ("eleme", "310115")):
            h = self.new_corp(reg, "platform")
            self.platform.append(self.new_acct(h, self.ext_bank(), self.old_open(2014, 2018), reg, "corp",
                                               arch="gig_platform"))
        self.univ = []
        for reg, nm in UNIV:
            h = self.new_corp(reg, "university")
            prov = PROV_OF[reg]
            self.univ.append(self.new_acct(h, self.wpick(["ICBC", "ABC", "CCB", "BOC"], [4, 2, 3, 1])
                                           if prov == "SN" else self.bank_for(prov),
                                           self.old_open(2000, 2005), reg, "corp", arch="university"))
        self.utility = {}
        for prov, cap in CAPITAL.items():
            h = self.new_corp(cap, "utility")
            self.utility[prov] = self.new_acct(h, self.bank_for(prov), self.old_open(2000, 2008), cap, "corp",
                                               arch="utility")

    def merchant(self, region):
        lst = self.merchants.get(region) or self.merchants[CITY_OF.get(region, "610113")]
        return self.r.choice(lst)

    def payfirm(self):
        return self.r.choice(self.pay_accts[self.r.choice(["ALIPAY", "TENPAY", "TENPAY"])])

    def spend(self, aid, day, lam_scale=1.0, med=180.0, prof="day"):
        a = self.acc[aid]
        reg = a["region"]
        if self.r.random() < 0.62:
            self.add(self.at(day, prof), aid, self.payfirm(), self.amt(med * 0.8, 1.0, 1, 9000, 0.01), "mobile",
                     reg, memo=self.r.choice(["", "快捷支付", "财付通-消费", "支付宝-消费"]))
        else:
            self.add(self.at(day, prof), aid, self.merchant(reg), self.amt(med * 1.3, 1.0, 5, 20000, 0.01), "pos",
                     reg, memo="消费")

    # ================================================================== ordinary population
    def gen_people(self, n):
        r = self.r
        arch_items = ["worker", "retiree", "student", "farmer", "migrant", "shopkeeper", "civil", "gig"]
        arch_w = [36, 16, 10, 14, 8, 5, 7, 4]
        for i in range(n):
            arch = self.wpick(arch_items, arch_w)
            if arch == "student":
                reg, _nm = r.choice(UNIV)
                by = r.randint(2001, 2006)
            elif arch == "farmer":
                reg = r.choice(RURAL_HOME + ["610629", "640521", "622924", "630224", "610527"])
                by = r.randint(1955, 1985)
            elif arch == "retiree":
                reg = self.local_region()
                by = r.randint(1940, 1964)
            elif arch == "migrant":
                reg = self.local_region()
                by = r.randint(1968, 2002)
            else:
                reg = self.local_region()
                by = r.randint(1962, 2001)
            prov = PROV_OF[reg]
            birth_reg = reg if arch != "student" or r.random() < 0.6 else self.far_region()
            hid = self.new_person(birth_reg if arch == "student" else reg, by, arch)
            h = self.hold[hid]
            h["home"] = reg
            h["prov"] = prov
            nacc = self.wpick([1, 2, 3], [52, 37, 11])
            banks = []
            for k in range(nacc):
                b = self.bank_for(prov, exclude=banks, rural=(arch in ("farmer", "migrant")))
                banks.append(b)
            fresh = arch == "student" and r.random() < 0.3
            for k, b in enumerate(banks):
                if fresh and k == 0:
                    opened = (day_of(2024, 8, 20) + r.randint(0, 22)) * DAY + self.tod("office")
                    cls = self.wpick(["I", "II"], [60, 40])
                else:
                    opened = self.old_open(max(2006, by + 18), 2024, 7)
                    cls = None
                self.new_acct(hid, b, opened, reg, cls, arch=arch if k == 0 else arch + ":second")
            self.people.append(hid)
            self.by_arch.setdefault(arch, []).append(hid)

    def link_families(self):
        r = self.r
        older = {}
        for arch in ("retiree", "farmer", "worker", "civil"):
            for hid in self.by_arch.get(arch, []):
                h = self.hold[hid]
                if h["by"] <= 1978:
                    older.setdefault(h["prov"], []).append(hid)
        self.far_parents = []
        for hid in self.people:
            h = self.hold[hid]
            if h["arch"] in ("student", "migrant", "worker", "gig", "civil") and h["by"] >= 1975:
                if h["arch"] == "student" and h["id"][:6] != h["home"] and r.random() < 0.8:
                    # parents far away (students from other provinces)
                    ph = self.new_person(h["id"][:6], r.randint(1965, 1980), "parent_far")
                    self.hold[ph]["home"] = h["id"][:6]
                    pa = self.new_acct(ph, self.ext_bank(), self.old_open(2005, 2020), h["id"][:6], "I",
                                       arch="parent_far")
                    h["parent"] = pa
                else:
                    lst = older.get(h["prov"], [])
                    if lst:
                        p = r.choice(lst)
                        h["parent"] = self.hold[p]["accts"][0]
        self.landlords = {}
        for hid in self.by_arch.get("retiree", []) + self.by_arch.get("worker", []) + self.by_arch.get("civil", []):
            if r.random() < 0.07:
                self.landlords.setdefault(self.hold[hid]["prov"], []).append(self.hold[hid]["accts"][0])

    def month_iter(self):
        for m, (d0, n) in enumerate(MONTHS):
            yield m, d0, n

    def life_ordinary(self):
        r = self.r
        for hid in self.people:
            h = self.hold[hid]
            arch = h["arch"]
            accts = h["accts"]
            a = accts[0]
            prov = h["prov"]
            reg = h["home"]
            parent = h.get("parent")
            if arch in ("worker", "civil"):
                emp = self.gov[prov] if arch == "civil" else r.choice(self.employers[prov])
                payday = self.acc[emp].get("payday", 10)
                sal = self.amt(5200 if arch == "worker" else 6800, 0.35, 2500, 26000, 0.01)
                rent = r.random() < 0.35 and self.landlords.get(prov)
                landlord = r.choice(self.landlords[prov]) if rent else None
                rent_amt = self.amt(1400, 0.35, 600, 4000, 100)
                mortgage = arch == "civil" and r.random() < 0.4 or r.random() < 0.12
                for m, d0, n in self.month_iter():
                    v = int(sal * r.uniform(0.93, 1.08))
                    self.add(d0 * DAY + (payday - 1) * DAY + self.tod("office"), emp, a, v, "other", None,
                             memo=r.choice(["工资", "代发工资", "工资", "薪资"]))
                    for _ in range(self.pois(1.1)):
                        self.spend(a, d0 + r.randrange(n))
                    if landlord and landlord != a:
                        self.add(self.at(d0 + r.randint(0, 5)), a, landlord, rent_amt, "mobile", memo="房租")
                    if parent and r.random() < 0.3:
                        self.add(self.at(d0 + r.randrange(n), "evening"), a, parent,
                                 self.amt(800, 0.6, 200, 5000, 100), "mobile", memo=r.choice(MEMO_P2P))
                    if mortgage:
                        lb = self.acc[a]["bank"]
                        if lb in self.loan_acct:
                            self.add(d0 * DAY + 19 * DAY + self.tod("office"), a, self.loan_acct[lb],
                                     self.amt(2600, 0.3, 900, 7000, 0.01), "other", memo="贷款还款")
                    if r.random() < 0.12:
                        self.add(self.at(d0 + r.randrange(n)), a, "", self.amt(1000, 0.6, 100, 5000, 100), "atm",
                                 CITY_OF.get(reg, reg), kind="withdrawal")
                    if len(accts) > 1 and r.random() < 0.25:
                        self.add(self.at(d0 + payday + r.randint(0, 3)), a, accts[1],
                                 self.amt(2000, 0.7, 200, 20000, 100), "mobile", memo="")
                    if r.random() < 0.1:
                        self.add(self.at(d0 + r.randrange(n)), self.payfirm(), a, self.amt(500, 1.0, 10, 8000, 0.01),
                                 "other", memo="提现")
                if r.random() < 0.35:
                    self.add(122 * DAY + r.randint(8, 25) * DAY + self.tod("office"), emp, a,
                             int(sal * r.uniform(0.8, 3.0)), "other", memo="年终奖")
                if parent and r.random() < 0.5:
                    self.add(self.at(SPRING - r.randint(0, 8), "evening"), a, parent,
                             self.amt(1500, 0.6, 200, 10000, 100), "mobile", memo=r.choice(["过年", "红包", ""]))
            elif arch == "retiree":
                pen = self.amt(3300, 0.3, 1500, 9000, 0.01)
                for m, d0, n in self.month_iter():
                    self.add(d0 * DAY + 9 * DAY + self.tod("office"), self.pension[prov], a, pen, "other",
                             memo="养老金")
                    if r.random() < 0.55:
                        self.add(self.at(d0 + r.randint(10, n - 1), "office"), a, "",
                                 self.amt(1500, 0.5, 200, 8000, 100), "counter", kind="withdrawal")
                    if r.random() < 0.5:
                        self.spend(a, d0 + r.randrange(n), med=150)
                    if r.random() < 0.05:
                        self.add(self.at(d0 + r.randrange(n), "office"), a, self.utility[prov],
                                 self.amt(200, 0.5, 30, 1200, 0.01), "counter", memo="电费")
                if r.random() < 0.3:
                    self.add(self.at(SPRING - r.randint(-3, 6)), a, "", self.amt(2000, 0.5, 500, 10000, 100),
                             "counter", kind="withdrawal", memo="")
            elif arch == "student":
                univ = r.choice(self.univ)
                for m, d0, n in self.month_iter():
                    if parent:
                        if m != 4 or r.random() < 0.5:
                            self.add(self.at(d0 + r.randint(0, 6), "evening"), parent, a,
                                     self.amt(1700, 0.3, 600, 4000, 100), "mobile", memo=r.choice(["生活费", "", ""]))
                    for _ in range(self.pois(1.8)):
                        self.spend(a, d0 + r.randrange(n), med=60, prof="evening")
                    if r.random() < 0.25:
                        self.add(self.at(d0 + r.randrange(n), "day"), a, univ, self.amt(150, 0.5, 20, 500, 1),
                                 "mobile", memo="校园卡充值")
                if r.random() < 0.55:
                    src = parent if (parent and r.random() < 0.5) else a
                    self.add(self.at(r.randint(0, 12), "office"), src, univ, self.amt(5000, 0.15, 3500, 8000, 100),
                             "online", memo="学费")
                if parent and r.random() < 0.6:
                    self.add(self.at(r.randint(166, 172), "evening"), parent, a, self.amt(2500, 0.35, 800, 6000, 100),
                             "mobile", memo="生活费")
            elif arch == "farmer":
                for m, d0, n in self.month_iter():
                    self.add(d0 * DAY + 14 * DAY + self.tod("office"), self.rural_pension[prov], a,
                             self.amt(210, 0.3, 120, 600, 0.01), "other", memo="城乡居民养老金")
                    if r.random() < 0.25:
                        self.add(self.at(d0 + r.randrange(n), "office"), a, "", self.amt(800, 0.6, 100, 5000, 100),
                                 "counter", kind="withdrawal")
                    if r.random() < 0.2:
                        self.spend(a, d0 + r.randrange(n), med=300)
                if r.random() < 0.6:
                    self.add(self.at(r.randint(40, 80), "office"), self.gov[prov], a,
                             self.amt(900, 0.6, 100, 5000, 0.01), "other", memo="耕地地力保护补贴")
            elif arch in ("migrant", "gig"):
                far = arch == "migrant" and r.random() < 0.0
                src_emp = r.choice(self.platform) if arch == "gig" else r.choice(self.employers[prov])
                for m, d0, n in self.month_iter():
                    if arch == "gig":
                        for w in range(4):
                            self.add(self.at(d0 + 7 * w + r.randint(0, 2), "office"), src_emp, a,
                                     self.amt(1100, 0.4, 200, 3500, 0.01), "other", memo="提现")
                    else:
                        if m < 4 or r.random() < 0.5:
                            self.add(self.at(d0 + r.randint(5, 20), "office"), src_emp, a,
                                     self.amt(4500, 0.3, 1500, 12000, 0.01), "other", memo=r.choice(["工资", "劳务费"]))
                    if parent and r.random() < 0.45:
                        self.add(self.at(d0 + r.randrange(n), "evening"), a, parent,
                                 self.amt(1500, 0.5, 300, 6000, 100), "mobile", memo="")
                    for _ in range(self.pois(1.0)):
                        self.spend(a, d0 + r.randrange(n))
                    if r.random() < 0.2:
                        self.add(self.at(d0 + r.randrange(n)), a, "", self.amt(1000, 0.5, 100, 5000, 100), "atm",
                                 CITY_OF.get(reg, reg), kind="withdrawal")
            elif arch == "shopkeeper":
                sup = self.merchant(CAPITAL[prov])
                for m, d0, n in self.month_iter():
                    for w in range(4):
                        self.add(self.at(d0 + 7 * w + r.randint(0, 2), "office"), self.payfirm(), a,
                                 self.amt(3500, 0.6, 300, 30000, 0.01), "other", memo="结算款")
                    for _ in range(r.randint(1, 2)):
                        self.add(self.at(d0 + r.randrange(n), "office"), a, sup, self.amt(8000, 0.6, 1000, 60000, 0.01),
                                 "mobile", memo="货款")
                    if r.random() < 0.5:
                        self.spend(a, d0 + r.randrange(n))
                    if len(accts) > 1 and r.random() < 0.4:
                        self.add(self.at(d0 + r.randrange(n)), a, accts[1], self.amt(5000, 0.6, 500, 50000, 100),
                                 "mobile")
            # occasional peer transfers with another local person
            if r.random() < 0.35:
                other = self.hold[r.choice(self.people)]["accts"][0]
                if other != a:
                    self.add(self.at(r.randrange(NDAYS), "evening"), a, other, self.amt(300, 1.0, 10, 20000, 1),
                             "mobile", memo=r.choice(MEMO_P2P))
            if arch in ("worker", "student", "migrant", "gig") and h["by"] >= 1970:
                self.rentable.append(a)

    # ================================================================== lawful look-alikes
    def la(self, base):
        return max(1, int(round(base * self.la_mult)))

    def mark_la(self, aid, arch):
        self.acc[aid]["arch"] = arch
        self.la_actor[arch] = self.la_actor.get(arch, 0) + 1

    def simple_person_acct(self, region, by_lo, by_hi, arch, bank=None, opened=None, rural=False, cls=None):
        prov = PROV_OF.get(region)
        hid = self.new_person(region, self.r.randint(by_lo, by_hi), arch)
        self.hold[hid]["home"] = region
        self.hold[hid]["prov"] = prov
        if bank is None:
            bank = self.bank_for(prov, rural=rural) if prov else self.ext_bank()
        if opened is None:
            opened = self.old_open(2008, 2024, 6)
        return self.new_acct(hid, bank, opened, region, cls, arch=arch)

    def ext_person_acct(self, region=None, arch="counterparty", by=None):
        region = region or self.far_region()
        hid = self.new_person(region, by or self.r.randint(1958, 2000), arch)
        return self.new_acct(hid, self.ext_bank(), self.old_open(2008, 2024, 6), region, "I", arch=arch)

    def ext_corp_acct(self, region, arch):
        hid = self.new_corp(region, arch)
        return self.new_acct(hid, self.ext_bank(), self.old_open(2005, 2023), region, "corp", arch=arch)

    def local_corp_acct(self, region, arch):
        hid = self.new_corp(region, arch)
        return self.new_acct(hid, self.bank_for(PROV_OF[region]), self.old_open(2005, 2023), region, "corp",
                             arch=arch)

    def season_day(self, peaks):
        """peaks: list of (day_lo, day_hi, weight)"""
        lo, hi, _ = self.wpick(peaks, [p[2] for p in peaks])
        return self.r.randint(lo, hi)

    def gen_lookalikes(self):
        r = self.r
        wholesalers = [self.ext_corp_acct(r.choice(WHOLESALE_MKT), "fruit_wholesaler") if r.random() < 0.5
                       else self.ext_person_acct(r.choice(WHOLESALE_MKT), "fruit_wholesaler") for _ in range(120)]
        truckers = [self.ext_person_acct(r.choice(["410105", "610502", "140105", "440106"]), "truck_driver")
                    for _ in range(40)]
        # ---------------- apple buyers and growers (洛川 / 白水), harvest Sep-Nov, cold storage after
        for i in range(self.la(28)):
            reg = r.choice(["610629", "610629", "610527"])
            a = self.simple_person_acct(reg, 1965, 1990, "apple_buyer", rural=True)
            self.mark_la(a, "apple_buyer")
            growers = []
            for _ in range(r.randint(10, 32)):
                g = self.simple_person_acct(reg, 1950, 1985, "apple_grower", rural=True)
                self.mark_la(g, "apple_grower")
                growers.append(g)
            crew = [self.simple_person_acct(reg, 1960, 1995, "picking_crew", rural=True) for _ in range(r.randint(3, 8))]
            cold = self.local_corp_acct(reg, "cold_storage")
            box = self.local_corp_acct(reg, "carton_factory")
            loads = r.randint(8, 36)
            for k in range(loads):
                d = self.season_day([(14, 45, 3), (46, 91, 5), (92, 175, 1.5)])
                t = self.at(d, "evening")
                ws = r.choice(wholesalers)
                inamt = self.amt(110000, 0.45, 25000, 400000, 0.01)
                if r.random() < 0.3:
                    dep = int(inamt * r.uniform(0.2, 0.4)) // 100 * 100
                    self.add(t - r.randint(1, 3) * DAY, ws, a, dep, "online", self.acc[ws]["region"], memo="定金")
                    self.add(t, ws, a, inamt - dep, "online", self.acc[ws]["region"], memo="苹果款")
                else:
                    self.add(t, ws, a, inamt, "online", self.acc[ws]["region"], memo=r.choice(["苹果款", "货款", ""]))
                left = int(inamt * r.uniform(0.78, 0.9))
                tt = t + r.randint(20 * MIN, 9 * HOUR)
                for g in r.sample(growers, min(len(growers), r.randint(2, 6))):
                    if left <= 0:
                        break
                    v = min(left, self.amt(22000, 0.6, 3000, 120000, 0.01))
                    self.add(tt, a, g, v, "mobile", reg, memo=r.choice(["苹果款", "果款", ""]))
                    left -= v
                    tt += r.randint(40, 900)
                for c in r.sample(crew, r.randint(1, len(crew))):
                    self.add(tt + r.randint(60, 7200), a, c, self.amt(600, 0.5, 150, 3000, 10), "mobile", reg,
                             memo="工钱")
                if r.random() < 0.4:
                    self.add(tt + r.randint(600, 5 * HOUR), a, r.choice(truckers), self.amt(6000, 0.3, 2500, 12000, 100),
                             "mobile", reg, memo="运费")
                if r.random() < 0.12:
                    self.add(self.at(d + 1, "office"), a, "", self.amt(40000, 0.5, 10000, 150000, 100), "counter",
                             reg, kind="withdrawal")
            self.add(self.at(r.randint(20, 60), "office"), a, cold, self.amt(30000, 0.5, 8000, 120000, 100), "mobile",
                     memo="冷库租金")
            self.add(self.at(r.randint(10, 40), "office"), a, box, self.amt(20000, 0.5, 5000, 80000, 100), "mobile",
                     memo="纸箱款")
            for g in growers:
                for _ in range(r.randint(0, 2)):
                    self.spend(g, r.randrange(NDAYS), med=400)
                if r.random() < 0.35:
                    lb = self.acc[g]["bank"]
                    if lb in self.loan_acct:
                        self.add(self.at(r.randint(95, 130), "office"), g, self.loan_acct[lb],
                                 self.amt(15000, 0.6, 2000, 80000, 100), "counter", memo="贷款还款")
                if r.random() < 0.4:
                    st = self.hold[r.choice(self.by_arch["student"])]["accts"][0]
                    self.add(self.at(r.randint(40, 100), "evening"), g, st, self.amt(2000, 0.4, 500, 6000, 100),
                             "mobile", memo="生活费")
        # ---------------- wolfberry traders (中宁)
        for i in range(self.la(25)):
            reg = "640521"
            a = self.simple_person_acct(reg, 1970, 1992, "wolfberry_trader")
            self.mark_la(a, "wolfberry_trader")
            own2 = self.new_acct(self.acc[a]["holder"], self.bank_for("NX", exclude=[self.acc[a]["bank"]]),
                                 self.old_open(2012, 2023), reg, arch="wolfberry_trader:second")
            farmers = [self.simple_person_acct(reg, 1955, 1985, "wolfberry_farmer", rural=True)
                       for _ in range(r.randint(5, 16))]
            for f in farmers:
                self.mark_la(f, "wolfberry_farmer")
            pack = self.local_corp_acct(reg, "packaging")
            logi = self.ext_corp_acct("440304", "logistics")
            for k in range(r.randint(25, 110)):
                d = self.season_day([(0, 60, 4), (61, 110, 1.5), (111, 150, 3), (151, 180, 1)])
                buyer = self.ext_person_acct(None, "wolfberry_buyer") if r.random() < 0.75 else r.choice(wholesalers)
                self.add(self.at(d, "day"), buyer, a, self.amt(3500, 1.0, 200, 80000, 0.01),
                         self.wpick(["mobile", "online"], [3, 1]), self.acc[buyer]["region"],
                         memo=r.choice(["枸杞", "货款", "", "枸杞款"]))
            for k in range(r.randint(6, 20)):
                d = self.season_day([(0, 45, 5), (46, 100, 1)])
                self.add(self.at(d, "day"), a, r.choice(farmers), self.amt(18000, 0.6, 2000, 90000, 0.01), "mobile",
                         memo=r.choice(["枸杞款", "鲜果款", ""]))
            for m, d0, n in self.month_iter():
                self.add(self.at(d0 + r.randrange(n), "office"), a, logi, self.amt(4000, 0.5, 500, 20000, 0.01),
                         "online", memo="运费")
                if r.random() < 0.6:
                    self.add(self.at(d0 + r.randrange(n), "office"), a, pack, self.amt(6000, 0.6, 800, 30000, 0.01),
                             "mobile", memo="包装")
                self.add(self.at(d0 + r.randrange(n)), a, own2, self.amt(20000, 0.6, 2000, 100000, 100), "mobile")
                for w in range(2):
                    self.add(self.at(d0 + r.randrange(n), "office"), self.payfirm(), a,
                             self.amt(2500, 0.8, 100, 30000, 0.01), "other", memo="结算款")
        # ---------------- cattle and sheep dealers (临夏, 广河, 化隆, 同心, 固原)
        slaughter = [self.local_corp_acct(r.choice(["620102", "610112", "640104", "630104"]), "slaughterhouse")
                     for _ in range(12)] + [self.ext_corp_acct(r.choice(["510107", "110105", "410105"]),
                                                               "meat_wholesale_far") for _ in range(8)]
        self.cattle_dealers = []
        for i in range(self.la(35)):
            reg = r.choice(["622901", "622924", "630224", "640324", "640402"])
            a = self.simple_person_acct(reg, 1965, 1992, "cattle_sheep_dealer", rural=True)
            self.mark_la(a, "cattle_sheep_dealer")
            self.cattle_dealers.append(a)
            herders = []
            for _ in range(r.randint(8, 24)):
                hreg = r.choice(["623001", "632521", "632621", "640324", "622924"])
                if r.random() < 0.7:
                    hb = self.bank_for(PROV_OF[hreg], rural=True)
                    herders.append(self.simple_person_acct(hreg, 1955, 1995, "herder", bank=hb))
                    self.mark_la(herders[-1], "herder")
                else:
                    herders.append(self.ext_person_acct(hreg, "herder"))
            for c in range(r.randint(6, 16)):
                d = self.season_day([(0, 90, 2), (91, 150, 4), (151, 178, 1)])
                tot = 0
                pastoral = self.acc[r.choice(herders)]["region"]
                for hh in r.sample(herders, min(len(herders), r.randint(2, 7))):
                    v = self.amt(16000, 0.6, 2500, 80000, 100)
                    tot += v
                    self.add(self.at(d + r.randint(0, 1), "day"), a, hh, v, "mobile", pastoral,
                             memo=r.choice(["牛款", "羊款", "", "牛羊款"]))
                if r.random() < 0.55:
                    for q in range(r.randint(1, 4)):
                        self.add(self.at(d, "day") + q * 90, a, "", r.choice([2000, 3000, 5000, 10000, 20000]) * 100,
                                 "atm", pastoral, kind="withdrawal")
                if r.random() < 0.3:
                    self.add(self.at(d, "office"), a, "", self.amt(50000, 0.4, 20000, 150000, 100), "counter", pastoral,
                             kind="withdrawal")
                buyer = r.choice(slaughter)
                self.add(self.at(d + r.randint(2, 6), "office"), buyer, a, int(tot * r.uniform(1.05, 1.35)), "online",
                         self.acc[buyer]["region"], memo=r.choice(["货款", "牛羊款", ""]))
        # ---------------- halal meat wholesalers (银川, 西宁, 兰州, 西安回民街)
        self.halal_ws = []
        for i in range(self.la(22)):
            reg = r.choice(["640104", "630104", "620102", "610104"])
            a = self.simple_person_acct(reg, 1968, 1990, "halal_meat_wholesaler")
            self.mark_la(a, "halal_meat_wholesaler")
            self.halal_ws.append(a)
            custs = [self.merchant(reg) for _ in range(r.randint(6, 18))] + \
                    [self.ext_person_acct(None, "restaurant_owner") for _ in range(r.randint(3, 10))]
            for k in range(r.randint(30, 70)):
                c = r.choice(custs)
                self.add(self.at(r.randrange(NDAYS), "day"), c, a, self.amt(9000, 0.7, 1000, 60000, 0.01), "mobile",
                         self.acc[c]["region"], memo=r.choice(["肉款", "货款", ""]))
            for k in range(r.randint(6, 16)):
                dest = r.choice(self.cattle_dealers + slaughter)
                self.add(self.at(r.randrange(NDAYS), "office"), a, dest, self.amt(90000, 0.6, 20000, 400000, 0.01),
                         "online", memo=r.choice(["牛羊款", "货款"]))
        # ---------------- noodle remittance hubs (化隆 / 循化 拉面 families) and Lanzhou noodle chains
        for i in range(self.la(32)):
            reg = r.choice(["630224", "630224", "630103"])
            a = self.simple_person_acct(reg, 1962, 1985, "noodle_remit_hub")
            self.mark_la(a, "noodle_remit_hub")
            shops = [self.ext_person_acct(r.choice(["350203", "310115", "440304", "420106", "320102", "330106",
                                                    "370212", "120101", "440106"]), "noodle_shop_owner")
                     for _ in range(r.randint(3, 8))]
            rel = [self.simple_person_acct(reg, 1950, 2000, "relative") for _ in range(r.randint(1, 4))]
            for m, d0, n in self.month_iter():
                for s_ in shops:
                    if r.random() < 0.75:
                        self.add(self.at(d0 + r.randint(0, 12), "night"), s_, a, self.amt(9000, 0.7, 1000, 60000, 100),
                                 "mobile", self.acc[s_]["region"], memo=r.choice(["", "", "家用"]))
                if r.random() < 0.6:
                    self.add(self.at(d0 + r.randint(10, n - 1)), a, r.choice(rel), self.amt(3000, 0.7, 300, 30000, 100),
                             "mobile")
                if r.random() < 0.4:
                    self.add(self.at(d0 + r.randint(10, n - 1), "office"), a, "",
                             self.amt(20000, 0.6, 2000, 80000, 100), "counter", kind="withdrawal")
            if r.random() < 0.4:
                self.add(self.at(r.randint(20, 170)), a, r.choice(shops), self.amt(80000, 0.5, 20000, 250000, 100),
                         "mobile", memo="开店")
        for i in range(self.la(12)):
            reg = r.choice(["620102", "620103", "620105"])
            a = self.simple_person_acct(reg, 1970, 1992, "noodle_chain_owner")
            self.mark_la(a, "noodle_chain_owner")
            staff = [self.simple_person_acct(r.choice(["630224", "622901", "620102"]), 1975, 2004, "noodle_staff")
                     for _ in range(r.randint(6, 18))]
            ws = r.choice(self.halal_ws)
            flour = self.local_corp_acct(reg, "flour_mill")
            for d in range(0, NDAYS, r.choice([1, 2, 2, 3])):
                self.add(d * DAY + 1 * HOUR + r.randrange(3 * HOUR), self.payfirm(), a,
                         self.amt(4500, 0.35, 800, 20000, 0.01), "other", memo="结算款")
            for m, d0, n in self.month_iter():
                for s_ in staff:
                    self.add(d0 * DAY + 9 * DAY + self.tod("office"), a, s_, self.amt(4200, 0.2, 2500, 8000, 10),
                             "mobile", memo="工资")
                for w in range(4):
                    self.add(self.at(d0 + 7 * w + r.randint(0, 3), "office"), a, ws,
                             self.amt(25000, 0.4, 6000, 80000, 0.01), "mobile", memo="牛肉款")
                self.add(self.at(d0 + r.randrange(n), "office"), a, flour, self.amt(15000, 0.4, 4000, 50000, 0.01),
                         "mobile", memo="面粉款")
        # ---------------- coal truck owners (榆林, 神木, 府谷, 靖边)
        logistic = [self.local_corp_acct(r.choice(["610802", "610881", "610822"]), "coal_logistics")
                    for _ in range(10)] + [self.ext_corp_acct(r.choice(["150602", "140105", "130102"]), "coal_logistics")
                                           for _ in range(6)]
        fuel = [self.local_corp_acct(r.choice(["610802", "610881"]), "gas_station") for _ in range(5)] + \
               [self.ext_corp_acct("110105", "fuel_company")]
        etc_acct = self.ext_corp_acct("610113", "etc_toll")
        autofin = self.ext_corp_acct("310115", "auto_finance")
        for i in range(self.la(70)):
            reg = r.choice(["610802", "610881", "610822", "610824"])
            a = self.simple_person_acct(reg, 1970, 1995, "coal_truck_owner")
            self.mark_la(a, "coal_truck_owner")
            drv = [self.simple_person_acct(reg, 1970, 1998, "truck_driver") for _ in range(r.randint(0, 2))]
            lg = r.sample(logistic, 2)
            d = r.randint(0, 4)
            while d < NDAYS:
                if not (SPRING - 8 <= d <= SPRING + 6):
                    self.add(self.at(d, "night"), r.choice(lg), a, self.amt(9000, 0.5, 1500, 40000, 0.01), "online",
                             memo=r.choice(["运费", "运费", ""]))
                    if r.random() < 0.5:
                        self.add(self.at(d, "night"), a, r.choice(fuel), self.amt(2500, 0.4, 500, 8000, 0.01), "pos",
                                 memo="油费")
                    if r.random() < 0.15:
                        self.add(self.at(d, "night"), a, "", r.choice([1000, 2000, 2000, 3000]) * 100, "atm",
                                 r.choice(["150602", "140105", "130102", "610802"]), kind="withdrawal")
                d += r.randint(2, 7)
            for m, d0, n in self.month_iter():
                self.add(d0 * DAY + 14 * DAY + self.tod("office"), a, autofin, self.amt(9000, 0.3, 4000, 18000, 0.01),
                         "other", memo="车贷")
                self.add(self.at(d0 + r.randrange(n)), a, etc_acct, self.amt(4000, 0.4, 800, 12000, 0.01), "other",
                         memo="ETC")
                for dv in drv:
                    self.add(self.at(d0 + r.randint(0, 5)), a, dv, self.amt(7000, 0.2, 4000, 12000, 100), "mobile",
                             memo="工资")
        # ---------------- tour guides (西安, 敦煌, 张掖, 青海湖)
        hotels = {reg: [self.local_corp_acct(reg, "hotel") for _ in range(6)] for reg in
                  ("610103", "610113", "620982", "620702", "632521")}
        for i in range(self.la(55)):
            reg = r.choice(["610103", "610113", "610103", "620982", "620982", "620702", "632521"])
            a = self.simple_person_acct(reg, 1980, 2001, "tour_guide")
            self.mark_la(a, "tour_guide")
            season = [(0, 45, 5), (46, 80, 1.5)] if reg in ("620982", "620702", "632521") else \
                [(0, 40, 3), (41, 120, 1), (140, 170, 2.5)]
            drivers = [self.simple_person_acct(reg, 1970, 1995, "tour_driver") for _ in range(r.randint(1, 3))]
            for g in range(r.randint(8, 28)):
                d = self.season_day(season)
                n_t = r.randint(2, 9)
                tot = 0
                for k in range(n_t):
                    tour = self.ext_person_acct(None, "tourist")
                    v = self.amt(1600, 0.7, 150, 12000, 0.01 if r.random() < 0.3 else 10)
                    tot += v
                    self.add(self.at(d, "evening") - r.randint(0, 2) * DAY, tour, a, v, "mobile",
                             self.acc[tour]["region"], memo=r.choice(["", "团费", "定金", "门票"]))
                t = self.at(d + 1, "day")
                self.add(t, a, r.choice(hotels[reg]), int(tot * r.uniform(0.3, 0.5)), "mobile", memo="房费")
                self.add(t + r.randint(600, 6 * HOUR), a, r.choice(drivers), int(tot * r.uniform(0.1, 0.2)), "mobile",
                         memo="车费")
                if r.random() < 0.3:
                    self.add(t + r.randint(600, 6 * HOUR), a, "", r.choice([1000, 2000, 3000, 5000]) * 100, "atm",
                             kind="withdrawal")
                if r.random() < 0.35:
                    self.add(t + r.randint(2 * HOUR, 9 * HOUR), self.merchant(reg), a,
                             self.amt(800, 0.6, 100, 5000, 1), "mobile", memo="")
        # ---------------- labour contractors (包工头) and their crews, settlement before Spring Festival
        builders = [self.local_corp_acct(r.choice(["610113", "610112", "620102", "640104", "630103", "610802"]),
                                         "construction_company") for _ in range(14)] + \
                   [self.ext_corp_acct(r.choice(["110105", "510107"]), "construction_company") for _ in range(4)]
        migrants = list(self.by_arch.get("migrant", []))
        r.shuffle(migrants)
        for i in range(self.la(35)):
            reg = r.choice(["610113", "610112", "620102", "640104", "630103", "610802", "610116"])
            a = self.simple_person_acct(r.choice(RURAL_HOME), 1965, 1988, "labour_contractor",
                                        bank=self.bank_for(PROV_OF[reg]))
            self.acc[a]["region"] = reg
            self.mark_la(a, "labour_contractor")
            crew = []
            for _ in range(r.randint(12, 40)):
                if migrants and r.random() < 0.3:
                    crew.append(self.hold[migrants.pop()]["accts"][0])
                else:
                    home = r.choice(RURAL_HOME)
                    crew.append(self.simple_person_acct(home, 1962, 2003, "crew_worker", rural=True))
                    self.mark_la(crew[-1], "crew_worker")
            fam = {}
            for c in crew:
                if self.acc[c]["arch"] == "crew_worker":
                    fam[c] = (self.simple_person_acct(self.acc[c]["region"], 1950, 1975, "worker_family", rural=True)
                              if r.random() < 0.6 else self.ext_person_acct(self.acc[c]["region"], "worker_family"))
            bld = r.choice(builders)
            pays = sorted(r.sample(range(20, 140), r.randint(1, 3))) + [r.randint(132, 146)]
            for j, d in enumerate(pays):
                last = j == len(pays) - 1
                big = self.amt(len(crew) * (14000 if last else 6000), 0.3, 60000, 3000000, 100)
                t = self.at(d, "office")
                self.add(t, bld, a, big, "online", self.acc[bld]["region"], memo=r.choice(["工程款", "劳务费", "进度款"]))
                tt = t + r.randint(30 * MIN, 6 * HOUR)
                share = int(big * r.uniform(0.75, 0.92)) // len(crew)
                for c in crew:
                    v = max(50000, int(share * r.uniform(0.6, 1.4)) // 100 * 100)
                    self.add(tt, a, c, v, "mobile", reg, memo=r.choice(["工资", "工钱", "", "劳务费"]))
                    tt += r.randint(20, 400)
                    if last and c in fam:
                        self.add(tt + r.randint(1, 72) * HOUR, c, fam[c], int(v * r.uniform(0.5, 0.9)) // 100 * 100,
                                 "mobile", memo="")
                if r.random() < 0.5:
                    self.add(tt + r.randint(HOUR, DAY), a, "", self.amt(40000, 0.5, 10000, 200000, 100), "counter",
                             kind="withdrawal")
            for m, d0, n in self.month_iter():
                if m < 4:
                    for c in crew:
                        if r.random() < 0.7:
                            self.add(d0 * DAY + 6 * DAY + self.tod("evening"), a, c,
                                     self.amt(1500, 0.25, 500, 3000, 100), "mobile", reg, memo="生活费")
        # ---------------- class monitors collecting 班费 (students at term start)
        students_by_univ = {}
        for hid in self.by_arch.get("student", []):
            students_by_univ.setdefault(self.hold[hid]["home"], []).append(self.hold[hid]["accts"][0])
        for lst in students_by_univ.values():
            r.shuffle(lst)
        bookstore = {reg: self.local_corp_acct(reg, "bookstore_uniform") for reg, _ in UNIV}
        for i in range(self.la(40)):
            ureg, _nm = r.choice(UNIV)
            a = self.simple_person_acct(ureg, 2003, 2006, "class_monitor", bank=self.wpick(
                ["ICBC", "ABC", "PSBC", "XIANBANK" if PROV_OF[ureg] == "SN" else "ICBC", "CCB"], [4, 3, 2, 2, 3]),
                opened=(day_of(2024, 8, 24) + r.randint(0, 14)) * DAY + self.tod("office"),
                cls=self.wpick(["I", "II"], [70, 30]))
            self.mark_la(a, "class_monitor")
            pool = students_by_univ.get(ureg, [])
            mates = []
            for _ in range(r.randint(25, 48)):
                if pool and r.random() < 0.5:
                    mates.append(pool.pop())
                else:
                    m_ = self.simple_person_acct(ureg, 2003, 2006, "classmate", opened=(day_of(2024, 8, 20) + r.randint(
                        0, 16)) * DAY + self.tod("office"), cls=self.wpick(["I", "II"], [65, 35]))
                    mates.append(m_)
                    if r.random() < 0.7:
                        self.add(self.at(r.randint(0, 8), "evening"), self.ext_person_acct(None, "parent_far"), m_,
                                 self.amt(3000, 0.4, 800, 9000, 100), "mobile", memo="生活费")
                    for _ in range(r.randint(0, 3)):
                        self.spend(m_, r.randrange(NDAYS), med=60, prof="evening")
            for d, fee in ((r.randint(3, 12), self.amt(220, 0.4, 60, 500, 10)),
                           (r.randint(60, 80), self.amt(60, 0.5, 20, 200, 5)),
                           (r.randint(95, 110), self.amt(80, 0.5, 20, 200, 5))):
                paid = 0
                for m_ in mates:
                    if r.random() < 0.9:
                        self.add(self.at(d + r.choice([0, 0, 0, 1, 1, 2]), "evening"), m_, a, fee, "mobile",
                                 memo=r.choice(["班费", "", "教材费", "资料费"]))
                        paid += fee
                self.add(self.at(d + r.randint(3, 6), "office"), a, bookstore[ureg], int(paid * r.uniform(0.85, 1.0)),
                         "mobile", memo=r.choice(["教材", "服装", ""]))
        # ---------------- online sellers (凉皮, 腊牛肉, 土豆粉, 香包, 花牛苹果)
        logis = [self.ext_corp_acct(r.choice(["440304", "310115"]), "logistics") for _ in range(4)]
        for i in range(self.la(45)):
            reg = r.choice(["610113", "610104", "620502", "621102", "621002", "640104", "630103", "610302"])
            a = self.simple_person_acct(reg, 1980, 2000, "online_seller")
            self.mark_la(a, "online_seller")
            own2 = self.new_acct(self.acc[a]["holder"], self.bank_for(PROV_OF[reg], exclude=[self.acc[a]["bank"]]),
                                 self.old_open(2014, 2024), reg, arch="online_seller:second")
            sup = [self.simple_person_acct(reg, 1960, 1990, "supplier_farmer", rural=True) for _ in range(r.randint(1, 4))]
            for w in range(0, NDAYS, r.choice([3, 4, 7])):
                self.add(self.at(w, "office"), self.payfirm(), a, self.amt(1800, 0.8, 100, 20000, 0.01), "other",
                         memo="结算款")
            for k in range(r.randint(10, 60)):
                b = self.ext_person_acct(None, "online_buyer")
                self.add(self.at(self.season_day([(0, 180, 2), (100, 150, 3)]), "evening"), b, a,
                         self.amt(180, 0.9, 20, 3000, 0.01), "mobile", self.acc[b]["region"], memo=r.choice(["", "货款"]))
            for m, d0, n in self.month_iter():
                for _ in range(r.randint(1, 3)):
                    self.add(self.at(d0 + r.randrange(n)), a, r.choice(sup), self.amt(5000, 0.6, 500, 40000, 0.01),
                             "mobile", memo="货款")
                self.add(self.at(d0 + r.randrange(n), "office"), a, r.choice(logis), self.amt(3000, 0.6, 300, 20000, 0.01),
                         "online", memo="快递费")
                self.add(self.at(d0 + r.randrange(n)), a, own2, self.amt(8000, 0.6, 500, 50000, 100), "mobile")
        # ---------------- rotating savings (合会 / 标会)
        for i in range(self.la(14)):
            prov = r.choice(["SN", "GS", "NX", "QH"])
            cand = [h for h in self.people if self.hold[h]["prov"] == prov and self.hold[h]["arch"] in
                    ("worker", "shopkeeper", "retiree", "civil")]
            members = [self.hold[h]["accts"][0] for h in r.sample(cand, min(len(cand), r.randint(7, 13)))]
            for mbr in members:
                self.la_actor["rotating_savings"] = self.la_actor.get("rotating_savings", 0) + 1
                self.acc[mbr]["arch"] = self.acc[mbr]["arch"] + "+rotating_savings"
            c = self.amt(5000, 0.5, 1000, 20000, 500)
            order = list(members)
            r.shuffle(order)
            dd = r.randint(1, 10)
            for m, d0, n in self.month_iter():
                taker = order[m % len(order)]
                for mbr in members:
                    if mbr != taker:
                        self.add(self.at(d0 + dd + r.choice([0, 0, 1, 2]), "evening"), mbr, taker, c, "mobile",
                                 memo=r.choice(["会钱", "", "合会"]))
                if r.random() < 0.6:
                    self.add(self.at(d0 + dd + r.randint(1, 6)), taker, self.merchant(self.acc[taker]["region"]),
                             int(c * len(members) * r.uniform(0.3, 0.8)), "pos", memo="")
        # ---------------- people moving money between their own cards (several banks)
        wealth = {b: self.ext_corp_acct("610113", "wealth_product") for b in ("ICBC", "ABC", "CMB", "CCB")}
        for i in range(self.la(130)):
            reg = self.local_region()
            prov = PROV_OF[reg]
            hid = self.new_person(reg, r.randint(1965, 1998), "own_card_mover")
            self.hold[hid]["home"] = reg
            banks = []
            for k in range(r.randint(3, 4)):
                banks.append(self.bank_for(prov, exclude=banks, supplier=True if k < 2 else None))
            cards = [self.new_acct(hid, b, self.old_open(2008, 2024), reg, arch="own_card_mover") for b in banks]
            for c in cards:
                self.mark_la(c, "own_card_mover")
            emp = r.choice(self.employers[prov])
            sal = self.amt(8000, 0.4, 3000, 40000, 0.01)
            for m, d0, n in self.month_iter():
                self.add(d0 * DAY + (self.acc[emp]["payday"] - 1) * DAY + self.tod("office"), emp, cards[0], sal, "other",
                         memo="工资")
                for _ in range(r.randint(1, 5)):
                    path = r.sample(cards, r.randint(2, len(cards)))
                    v = self.amt(20000, 0.8, 2000, 300000, 100 if r.random() < 0.7 else 0.01)
                    t = self.at(d0 + r.randrange(n))
                    for x, y in zip(path, path[1:]):
                        self.add(t, x, y, v, self.wpick(["mobile", "online"], [4, 1]), memo="")
                        t += r.randint(30, 20 * MIN)
                        v = int(v * r.uniform(0.9, 1.0)) if r.random() < 0.3 else v
                    if r.random() < 0.3:
                        wb = self.acc[path[-1]]["bank"]
                        if wb in wealth:
                            self.add(t + r.randint(60, 3600), path[-1], wealth[wb], v, "mobile", memo="理财")
                            self.add(t + r.randint(20, 60) * DAY, wealth[wb], path[-1],
                                     int(v * r.uniform(1.002, 1.015)), "other", memo="理财赎回")
                for _ in range(self.pois(1.0)):
                    self.spend(r.choice(cards), d0 + r.randrange(n))
        # ---------------- wedding bride price (彩礼), gold, banquet; winter season
        banquet = {p: self.local_corp_acct(CAPITAL[p], "banquet_hall") for p in CAPITAL}
        for i in range(self.la(50)):
            prov = r.choice(["SN", "GS", "GS", "NX", "QH"])
            reg = self.local_region(prov)
            groom = self.simple_person_acct(reg, 1960, 1975, "wedding_groom_family", rural=True)
            bride = self.simple_person_acct(self.local_region(prov), 1960, 1975, "wedding_bride_family", rural=True)
            self.mark_la(groom, "wedding_caili")
            self.mark_la(bride, "wedding_caili")
            b_own = self.new_acct(self.acc[bride]["holder"], self.bank_for(prov, exclude=[self.acc[bride]["bank"]]),
                                  self.old_open(2010, 2024), self.acc[bride]["region"], arch="wedding_bride_family:second")
            d = r.randint(70, 170)
            tot = 0
            for k in range(r.randint(4, 14)):
                relv = (self.hold[r.choice(self.people)]["accts"][0] if r.random() < 0.5
                        else self.ext_person_acct(None, "relative"))
                v = self.amt(15000, 0.7, 2000, 80000, 1000)
                tot += v
                self.add(self.at(d - r.randint(1, 6), "evening"), relv, groom, v, "mobile", memo=r.choice(["", "借", "彩礼"]))
            cl = r.choice([88000, 100000, 128000, 158000, 168000, 188000, 200000, 288000]) * 100
            self.add(self.at(d, "day"), groom, bride, cl, r.choice(["mobile", "counter"]), memo=r.choice(["彩礼", "", "礼金"]))
            self.add(self.at(d, "day") + r.randint(HOUR, 2 * DAY), bride, b_own, int(cl * r.uniform(0.3, 0.7)) // 10000 * 10000,
                     "mobile")
            self.add(self.at(d + r.randint(1, 5), "day"), bride, r.choice(self.gold[prov]),
                     self.amt(35000, 0.5, 8000, 120000, 0.01), "pos", memo="三金")
            self.add(self.at(d + r.randint(3, 10), "office"), groom, banquet[prov], self.amt(30000, 0.4, 8000, 90000, 100),
                     "mobile", memo="酒席")
        # ---------------- cross-border: halal goods traders and overseas tuition
        overseas = {cc: [self.new_acct(self.new_corp("999999", "overseas_counterparty"), cc,
                                       self.old_open(2005, 2020), "999999", "corp", arch="overseas_counterparty")
                         for _ in range(6)] for cc in ("ENBDAE", "MAYBANKMY", "BARCLAYSUK", "HSBCHK")}
        for i in range(self.la(10)):
            reg = r.choice(["640302", "640104", "640104"])
            ch = self.new_corp(reg, "halal_importer")
            a = self.new_acct(ch, r.choice(["BONX", "ICBC", "BOC", "ABC"]), self.old_open(2012, 2022), reg, "corp",
                              arch="halal_importer")
            self.mark_la(a, "halal_importer")
            for k in range(r.randint(30, 70)):
                b = self.ext_corp_acct(self.far_region(), "halal_buyer") if r.random() < 0.5 else self.merchant(
                    self.local_region("NX"))
                self.add(self.at(r.randrange(NDAYS), "office"), b, a, self.amt(25000, 0.8, 2000, 300000, 0.01), "online",
                         self.acc[b]["region"], memo="货款")
            for k in range(r.randint(3, 12)):
                self.add(self.at(r.randrange(NDAYS), "office"), a, r.choice(overseas[r.choice(["ENBDAE", "MAYBANKMY"])]),
                         self.amt(150000, 0.6, 30000, 800000, 0.01), "online", memo="进口货款", xb=True)
        for i in range(self.la(18)):
            reg = r.choice(["610113", "610103", "620102", "640104"])
            a = self.simple_person_acct(reg, 1965, 1980, "overseas_tuition_parent")
            self.mark_la(a, "overseas_tuition")
            own2 = self.new_acct(self.acc[a]["holder"], self.bank_for(PROV_OF[reg], exclude=[self.acc[a]["bank"]]),
                                 self.old_open(2010, 2022), reg, arch="overseas_tuition:second")
            for k in range(r.randint(1, 3)):
                d = r.choice([r.randint(0, 20), r.randint(100, 140)])
                v = self.amt(90000, 0.5, 20000, 400000, 100)
                self.add(self.at(d, "office"), own2, a, v, "mobile")
                self.add(self.at(d, "office") + r.randint(HOUR, 2 * DAY), a,
                         r.choice(overseas[r.choice(["BARCLAYSUK", "HSBCHK", "MAYBANKMY"])]), int(v * 0.97), "counter",
                         memo="学费", xb=True)
        # ---------------- newcomers opening several cards in one week (lawful 一人多卡)
        for i in range(self.la(110)):
            reg = r.choice(["610113", "610112", "610116", "620102", "640104", "630103", "610402"])
            prov = PROV_OF[reg]
            hid = self.new_person(r.choice(RURAL_HOME + [self.far_region()]), r.randint(1990, 2003), "multi_card_newcomer")
            d0 = r.randint(0, 110)
            banks = []
            cards = []
            for k in range(r.randint(2, 4)):
                b = self.bank_for(prov, exclude=banks, supplier=True if k < 2 else None)
                banks.append(b)
                cards.append(self.new_acct(hid, b, (d0 + r.randint(0, 9)) * DAY + self.tod("office"), reg,
                                           self.wpick(["I", "II"], [70, 30]), arch="multi_card_newcomer"))
                self.mark_la(cards[-1], "multi_card_newcomer")
            emp = r.choice(self.employers[prov])
            sal = self.amt(4800, 0.3, 2500, 15000, 0.01)
            landlord = r.choice(self.landlords.get(prov) or [self.merchant(reg)])
            for m, dm, n in self.month_iter():
                t = dm * DAY + (self.acc[emp]["payday"] - 1) * DAY + self.tod("office")
                self.add(t, emp, cards[0], sal, "other", memo="工资")
                self.add(t + r.randint(HOUR, 3 * DAY), cards[0], cards[1], int(sal * r.uniform(0.2, 0.6)) // 100 * 100,
                         "mobile")
                self.add(self.at(dm + r.randint(0, 4)), cards[-1], landlord, self.amt(1200, 0.3, 500, 3000, 100),
                         "mobile", memo="房租")
                for _ in range(self.pois(1.5)):
                    self.spend(r.choice(cards), dm + r.randrange(n))
        # ---------------- gold buyers before Spring Festival / National Day
        for i in range(self.la(70)):
            reg = self.local_region()
            prov = PROV_OF[reg]
            a = self.simple_person_acct(reg, 1965, 1995, "gold_buyer")
            self.mark_la(a, "gold_buyer")
            emp = r.choice(self.employers[prov])
            d = r.choice([r.randint(25, 36), r.randint(125, 150), r.randint(125, 150)])
            v = self.amt(30000, 0.6, 6000, 150000, 0.01)
            self.add(self.at(d, "office"), emp, a, int(v * r.uniform(1.0, 1.4)), "other", memo=r.choice(["年终奖", "奖金", "分红"]))
            shop = r.choice(self.gold[prov])
            for k in range(r.randint(1, 2)):
                self.add(self.at(d, "evening") + r.randint(HOUR, 2 * DAY), a, shop, v // (k + 1), "pos", memo="")
            for m, dm, n in self.month_iter():
                self.add(dm * DAY + 9 * DAY + self.tod("office"), emp, a, self.amt(5500, 0.3, 2500, 15000, 0.01), "other",
                         memo="工资")
                for _ in range(self.pois(1.2)):
                    self.spend(a, dm + r.randrange(n))
        # ---------------- migrant workers far from home: wages in Guangdong etc., ATM there, money home
        for i in range(self.la(140)):
            home = r.choice(RURAL_HOME)
            prov = PROV_OF[home]
            a = self.simple_person_acct(home, 1970, 2004, "migrant_far_atm", rural=True)
            self.mark_la(a, "migrant_far_atm")
            emp = r.choice(self.far_employers)
            where = self.acc[emp]["region"]
            fam = (self.simple_person_acct(home, 1950, 1975, "worker_family", rural=True) if r.random() < 0.6
                   else self.ext_person_acct(home, "worker_family"))
            for m, dm, n in self.month_iter():
                self.add(dm * DAY + (self.acc[emp]["payday"] - 1) * DAY + self.tod("office"), emp, a,
                         self.amt(5500, 0.3, 2500, 14000, 0.01), "other", where, memo="工资")
                for _ in range(r.randint(1, 3)):
                    self.add(self.at(dm + r.randrange(n), "evening"), a, "", r.choice([500, 1000, 1000, 2000, 2500, 3000]) * 100,
                             "atm", where, kind="withdrawal")
                if r.random() < 0.7:
                    self.add(self.at(dm + r.randint(10, n - 1), "evening"), a, fam, self.amt(2500, 0.4, 500, 8000, 100),
                             "mobile", where, memo="")
            if r.random() < 0.7:
                self.add(self.at(SPRING - r.randint(0, 6)), a, "", r.choice([3000, 5000, 10000]) * 100, "atm", home,
                         kind="withdrawal")

    # ================================================================== fraud
    TYPO = [
        # id, weight, (kmin,kmax), median yuan, sigma, span pattern, victim by range
        ("brushing", 16, (2, 7), 2500, 0.9, "escalate", (1980, 2004)),
        ("ecommerce_cs", 12, (1, 4), 15000, 0.8, "burst", (1975, 2002)),
        ("investment", 11, (2, 8), 30000, 0.9, "weeks", (1960, 1995)),
        ("loan_card", 9, (2, 5), 5000, 0.7, "hours", (1975, 2003)),
        ("credit_record", 8, (1, 5), 25000, 0.8, "burst", (1990, 2002)),
        ("police_gov", 7, (1, 6), 90000, 1.0, "days", (1945, 1985)),
        ("leader_acquaintance", 6, (1, 3), 50000, 0.7, "burst", (1965, 1995)),
        ("romance", 6, (2, 8), 25000, 0.9, "weeks", (1965, 1995)),
        ("game_trade", 5, (1, 3), 1200, 0.8, "burst", (1998, 2008)),
        ("shopping_service", 6, (1, 3), 1500, 1.0, "burst", (1970, 2004)),
        ("accident_kidnap", 3, (1, 2), 25000, 0.5, "burst", (1945, 1975)),
        ("fake_job", 4, (1, 3), 900, 0.8, "hours", (1985, 2005)),
        ("subsidy_refund", 2, (1, 2), 9000, 0.7, "hours", (1945, 1980)),
        ("military_purchase", 2, (2, 4), 30000, 0.8, "days", (1965, 1990)),
        ("prize", 1, (1, 3), 5000, 0.8, "hours", (1950, 1995)),
        ("parcel", 2, (1, 4), 40000, 0.9, "days", (1955, 1995)),
    ]
    SMALL_TYPO = ("brushing", "game_trade", "shopping_service", "fake_job", "loan_card", "prize")

    def gen_fraud(self):
        r = self.r
        V2 = self.variant == "V2"
        self.gangs = []
        typos = [t[0] for t in self.TYPO]
        # U商 (OTC USDT dealers), independent of the gangs, lawful trades too
        self.ushang = []
        ush_holders = []
        for i in range(12 if not V2 else 9):
            reg = r.choice(["610113", "610113", "620102", "640104", "630103", "440304", "350203"])
            local = reg in PROV_OF
            hid = self.new_person(reg, r.randint(1985, 2000), "ushang")
            self.hold[hid]["home"] = reg
            accts = []
            for k in range(r.randint(2, 4)):
                if local and r.random() < 0.7:
                    b = self.bank_for(PROV_OF[reg], exclude=[self.acc[x]["bank"] for x in accts], supplier=True)
                else:
                    b = self.ext_bank()
                a = self.new_acct(hid, b, self.old_open(2015, 2024), reg, "I", role="ushang", arch="ushang:otc_dealer")
                self.acc[a]["tier"] = 8
                accts.append(a)
            ush_holders.append(accts)
            self.ushang.extend(accts)
            # lawful retail USDT trades with ordinary people
            for k in range(r.randint(25, 90)):
                p = self.hold[r.choice(self.people)]["accts"][0] if r.random() < 0.6 else self.ext_person_acct(None, "usdt_retail")
                v = self.amt(6000, 1.0, 300, 100000, 0.01 if r.random() < 0.5 else 100)
                a = r.choice(accts)
                if r.random() < 0.55:
                    self.add(self.at(r.randrange(NDAYS), "any"), p, a, v, "mobile", memo=r.choice(["", "", "货款"]))
                else:
                    self.add(self.at(r.randrange(NDAYS), "any"), a, p, v, "mobile", memo="")
        self.ush_holder_of = {}
        for accts in ush_holders:
            for a in accts:
                self.ush_holder_of[a] = accts
        self.ush_upstream = [self.ext_person_acct(r.choice(["440304", "350203", "460106", "532801"]), "otc_upstream")
                             for _ in range(10)]
        for a in self.ush_upstream:
            self.acc[a]["role"] = "ushang"
            self.acc[a]["arch"] = "ushang:upstream"
        self.xb_accts = [self.new_acct(self.new_corp("999999", "offshore"), cc, self.old_open(2018, 2024), "999999", "corp",
                                       role="mule", arch="mule:offshore")
                         for cc in ("HSBCHK", "HSBCHK", "ABAKH", "ABAKH", "KBZMM", "HSBCHK")]
        self.farmers = []
        n_gangs = 7
        deal = list(typos)
        r.shuffle(deal)
        extra = list(typos)
        r.shuffle(extra)
        deal += extra[:5]
        gang_typos = [[] for _ in range(n_gangs)]
        for i, x in enumerate(deal):
            if x not in gang_typos[i % n_gangs]:
                gang_typos[i % n_gangs].append(x)
        for g in range(n_gangs):
            gt = gang_typos[g]
            home = r.choice(["610113", "610112", "620102", "640104", "630103", "610802"])
            exits = {"atm_far": 25, "atm_near": 8, "gold": 8, "ushang": 28, "xborder": 8, "operator": 5, "ext": 18,
                     "counter": 0}
            if V2:
                exits = {"atm_far": 4, "atm_near": 30, "gold": 15, "ushang": 15, "xborder": 3, "operator": 5,
                         "ext": 10, "counter": 18}
            for key in exits:
                exits[key] *= r.uniform(0.5, 1.6)
            small = any(x in self.SMALL_TYPO for x in gt)
            gang = {"id": g, "typos": gt, "home": home,
                    "paofen": small and r.random() < (0.85 if not V2 else 0.45),
                    "depth": r.choice([2, 3, 3, 4]) if not V2 else r.choice([2, 3, 3]),
                    "exits": exits, "far": r.choice(FAR_CASHOUT), "tiers": {1: [], 2: [], 3: [], 4: []},
                    "collectors": [], "paofen_p": [], "ops": [], "ext_sinks": [], "ushang": r.sample(self.ushang, 4)}
            # operators: local boss + external accounts
            ohid = self.new_person(home, r.randint(1980, 1995), "operator")
            self.hold[ohid]["home"] = home
            gang["ops"].append(self.new_acct(ohid, self.bank_for(PROV_OF[home], supplier=True), self.old_open(2012, 2022),
                                             home, "I", role="operator", arch="operator:local_boss"))
            for k in range(r.randint(1, 2)):
                reg = r.choice(["440304", "350203", "530102", "451481"])
                oh = self.new_person(reg, r.randint(1980, 1998), "operator")
                gang["ops"].append(self.new_acct(oh, self.ext_bank(), self.old_open(2015, 2024), reg, "I", role="operator",
                                                 arch="operator:remote"))
            for a in gang["ops"]:
                self.acc[a]["tier"] = 9
                self.acc[a]["gang"] = g
            for k in range(r.randint(2, 4)):
                a = self.ext_person_acct(r.choice(FAR_CASHOUT), "mule:ext_sink")
                self.acc[a]["role"] = "mule"
                self.acc[a]["arch"] = "mule:external_top"
                gang["ext_sinks"].append(a)
            # operator spends some of its life lawfully
            op = gang["ops"][0]
            for m, d0, n in self.month_iter():
                for _ in range(r.randint(1, 4)):
                    self.spend(op, d0 + r.randrange(n), med=900, prof="evening")
            self.gangs.append(gang)
        # card farmers: bursts of openings across several cities
        n_farmers = 9 if not V2 else 4
        for i in range(n_farmers):
            self.new_farmer(r.randint(-20, 150))
        # pre-create tier pools
        for gang in self.gangs:
            n1 = r.randint(22, 40)
            for k in range(n1):
                self.make_mule(gang, 1, r.randint(0, NDAYS - 4) * DAY)
            for k in range(r.randint(8, 16)):
                self.make_mule(gang, 2, r.randint(0, NDAYS - 4) * DAY)
            if gang["depth"] >= 3:
                for k in range(r.randint(5, 10)):
                    self.make_mule(gang, 3, r.randint(0, NDAYS - 4) * DAY)
            if gang["depth"] >= 4:
                for k in range(r.randint(3, 6)):
                    self.make_mule(gang, 4, r.randint(0, NDAYS - 4) * DAY)
            if gang["paofen"]:
                for k in range(r.randint(2, 4)):
                    c = self.make_mule(gang, 2, r.randint(0, NDAYS - 30) * DAY, kind="fresh" if r.random() < 0.5 else "sold_old",
                                       dur=(60 + r.randint(0, 100)) * DAY)
                    self.acc[c]["arch"] = "mule:paofen_collector"
                    gang["collectors"].append(c)
                for k in range(r.randint(8, 16)):
                    self.make_paofen(gang, r.randint(0, NDAYS - 10) * DAY)
        # cases
        n_cases = 430
        cid = 0
        for i in range(n_cases):
            typo = self.wpick(typos, [t[1] for t in self.TYPO])
            gang = r.choice([g for g in self.gangs if typo in g["typos"]] or self.gangs)
            self.gen_case(cid, gang, typo)
            cid += 1
        self.run_engine()

    # ---------------------------------------------------------------- mule creation
    def new_farmer(self, burst_day):
        r = self.r
        home = r.choice(["622901", "621102", "640402", "630202", "622924", "621202", "611002"])
        hid = self.new_person(home, r.randint(1975, 2001), "card_farmer")
        self.hold[hid]["home"] = home
        self.hold[hid]["farmer"] = True
        homecard = self.new_acct(hid, self.bank_for(PROV_OF[home], rural=True), self.old_open(2012, 2022), home, "I",
                                 role="farmer_card", arch="farmer_card:home_card")
        self.acc[homecard]["farmer"] = 1
        for _ in range(r.randint(2, 6)):
            self.spend(homecard, r.randrange(NDAYS), med=150)
        cities = r.sample(["610113", "610112", "620102", "640104", "630103", "610402", "610302", "620502"],
                          r.randint(2, 4))
        t = burst_day * DAY
        cards = []
        for c in cities:
            used = []
            for k in range(r.randint(2, 5)):
                prov = PROV_OF[c]
                b = self.bank_for(prov, exclude=used, supplier=True if r.random() < 0.8 else None)
                used.append(b)
                op = t + r.randint(0, 2) * DAY + self.tod("office")
                a = self.new_acct(hid, b, op, c, self.wpick(["I", "II"], [45, 55]), role="farmer_card",
                                  arch="farmer_card:burst")
                self.acc[a]["farmer"] = 1
                self.acc[a]["ws"] = -1
                cards.append(a)
            t += r.randint(2, 5) * DAY
        self.farmers.append({"hid": hid, "home": homecard, "cards": cards, "end": t, "paid": False})
        return self.farmers[-1]

    def take_farmer_card(self, t_use):
        cand = []
        for f in self.farmers:
            for c in f["cards"]:
                if self.acc[c]["ws"] == -1 and self.acc[c]["opened"] < t_use - 2 * DAY and f["end"] < t_use + DAY:
                    cand.append(c)
        if not cand:
            f = self.new_farmer(max(-25, t_use // DAY - self.r.randint(8, 30)))
            cand = [c for c in f["cards"] if self.acc[c]["opened"] < t_use - DAY]
            if not cand:
                return None
        return self.r.choice(cand)

    def make_mule(self, gang, tier, t_use, kind=None, dur=None):
        r = self.r
        V2 = self.variant == "V2"
        if kind is None:
            if tier == 1:
                mix = ([("fresh", 33), ("farmer", 25), ("rented_old", 20), ("sold_old", 13), ("shell", 9)] if not V2 else
                       [("fresh", 9), ("farmer", 9), ("rented_old", 46), ("sold_old", 30), ("shell", 6)])
            else:
                mix = ([("fresh", 25), ("farmer", 30), ("rented_old", 10), ("sold_old", 20), ("shell", 15)] if not V2 else
                       [("fresh", 5), ("farmer", 8), ("rented_old", 36), ("sold_old", 36), ("shell", 15)])
            kind = self.wpick([k for k, _ in mix], [w for _, w in mix])
        if dur is None:
            dur = (r.randint(4, 25) if not V2 else r.randint(10, 60)) * DAY
        a = None
        if kind == "farmer":
            a = self.take_farmer_card(t_use)
            if a is None:
                kind = "fresh"
            else:
                self.acc[a]["role"] = "farmer_card"
        if kind == "rented_old":
            while self.rentable:
                x = self.rentable.pop(r.randrange(len(self.rentable)))
                if self.acc[x]["role"] == "lawful" and self.has_row(x) and self.acc[x]["opened"] < t_use - 60 * DAY:
                    a = x
                    break
            if a is None:
                kind = "sold_old"
            else:
                self.acc[a]["role"] = "mule"
                self.acc[a]["arch"] = "mule:rented_old(" + self.acc[a]["arch"] + ")"
        if kind == "fresh":
            reg = self.local_region() if r.random() < 0.8 else r.choice(["610113", "620102", "640104", "630103"])
            hid = self.new_person(r.choice(RURAL_HOME + [reg]), r.randint(1996, 2006), "mule_seller")
            self.hold[hid]["home"] = reg
            bank = self.bank_for(PROV_OF[reg], supplier=True if r.random() < 0.8 else None)
            opened = max(-10 * DAY, t_use - int(r.uniform(0.3, 20) * DAY))
            opened = opened - opened % DAY + self.tod("office")
            if opened > t_use - HOUR:
                opened = t_use - 3 * HOUR
            a = self.new_acct(hid, bank, opened, reg, self.wpick(["I", "II"], [55, 45]), role="mule", arch="mule:fresh_card")
        elif kind == "sold_old":
            reg = self.local_region()
            hid = self.new_person(reg, r.randint(1968, 2002), "mule_seller")
            self.hold[hid]["home"] = reg
            bank = self.bank_for(PROV_OF[reg], supplier=True if r.random() < 0.85 else None)
            a = self.new_acct(hid, bank, self.old_open(2012, 2023), reg, "I", role="mule", arch="mule:sold_old")
            # sparse own life before the sale, then dormancy
            last = t_use - r.randint(20, 90) * DAY
            for _ in range(r.randint(0, 6)):
                if last > 0:
                    self.spend(a, r.randrange(0, max(1, last // DAY)), med=150)
            if last > 0 and r.random() < 0.5:
                self.add(r.randrange(0, last), self.payfirm(), a, self.amt(300, 1.0, 10, 3000, 0.01), "other", memo="提现")
        elif kind == "shell":
            reg = r.choice(["610113", "610112", "620102", "640104", "630103", "610402"])
            ch = self.new_corp(reg, "shell_company")
            bank = self.bank_for(PROV_OF[reg], supplier=True if r.random() < 0.75 else None)
            a = self.new_acct(ch, bank, self.old_open(2023, 2024, 6) if r.random() < 0.7 else
                              max(-20 * DAY, t_use - r.randint(15, 60) * DAY), reg, "corp", role="mule",
                              arch="mule:shell_company")
        acc = self.acc[a]
        acc["ws"], acc["we"] = int(t_use), int(t_use + dur)
        acc["kind"] = kind
        acc["gang"] = gang["id"]
        acc["tier"] = tier
        gang["tiers"][tier].append(a)
        # a small test transfer before first use
        if kind in ("fresh", "farmer", "sold_old") and r.random() < 0.4:
            tt = t_use - r.randint(HOUR, 2 * DAY)
            if tt > acc["opened"]:
                v = r.choice([1, 10, 50, 100, 1000, 1])
                op = r.choice(gang["ops"])
                self.add(tt, op, a, v, "mobile", acc["region"], memo="", fk="card_test")
                if r.random() < 0.5:
                    self.add(tt + r.randint(60, 1800), a, op, v, "mobile", acc["region"], memo="", fk="card_test")
        # rent paid to the owner of a rented old account
        if kind == "rented_old":
            h = self.hold[acc["holder"]]
            dest = h["accts"][1] if len(h["accts"]) > 1 else a
            for w in range(max(1, dur // (7 * DAY))):
                self.add(t_use + w * 7 * DAY + r.randint(0, DAY), r.choice(gang["ops"]), dest,
                         self.amt(800, 0.4, 300, 3000, 100), "mobile", memo="", fk="operator_payment")
        return a

    def make_paofen(self, gang, t_use):
        r = self.r
        cand = None
        for _ in range(30):
            if not self.rentable:
                break
            x = self.rentable.pop(r.randrange(len(self.rentable)))
            if self.acc[x]["role"] == "lawful" and self.acc[x]["opened"] < t_use - 10 * DAY:
                cand = x
                break
        if cand is None:
            return None
        acc = self.acc[cand]
        acc["role"] = "paofen"
        acc["arch"] = "paofen:participant(" + acc["arch"] + ")"
        acc["ws"], acc["we"] = int(t_use), int(t_use + r.randint(10, 50) * DAY)
        acc["kind"] = "paofen"
        acc["gang"] = gang["id"]
        acc["tier"] = 1
        gang["paofen_p"].append(cand)
        return cand

    def active(self, lst, t):
        return [a for a in lst if self.acc[a]["ws"] <= t <= self.acc[a]["we"] and self.acc[a]["opened"] < t - 600]

    def pick_mule(self, gang, tier, t):
        act = self.active(gang["tiers"][tier], t)
        if not act or self.r.random() < 0.015:
            a = self.make_mule(gang, tier, t - self.r.randint(0, 3) * HOUR)
            if self.acc[a]["opened"] < t - 600:
                return a
            act = act or [a]
        return self.r.choice(act)

    # ---------------------------------------------------------------- cases
    def victim_account(self, by_lo, by_hi, typo):
        r = self.r
        if r.random() < 0.27:
            # local victim drawn from the ordinary population
            for _ in range(40):
                hid = r.choice(self.people)
                h = self.hold[hid]
                if by_lo - 5 <= h["by"] <= by_hi + 5:
                    a = h["accts"][0]
                    if self.acc[a]["role"] == "lawful":
                        if ";victim=" not in self.acc[a]["arch"]:
                            self.acc[a]["arch"] += ";victim=" + typo
                        return a
        reg = self.far_region()
        hid = self.new_person(reg, r.randint(by_lo, by_hi), "victim")
        return self.new_acct(hid, self.ext_bank(), self.old_open(2006, 2024), reg, "I", arch="victim;victim=" + typo)

    def gen_case(self, cid, gang, typo):
        r = self.r
        spec = [t for t in self.TYPO if t[0] == typo][0]
        _, _, (kmin, kmax), med, sig, span, (by_lo, by_hi) = spec
        victim = self.victim_account(by_lo, by_hi, typo)
        k = r.randint(kmin, kmax)
        d = r.randint(0, NDAYS - 2)
        prof = "office" if typo in ("leader_acquaintance", "police_gov", "subsidy_refund") else "day"
        t = self.at(d, prof)
        reported = r.random() < 0.8
        self.cases.append({"id": cid, "typo": typo, "gang": gang["id"], "victim": victim, "reported": reported})
        base = med * math.exp(r.gauss(0, sig * 0.6))
        tier1_fixed = None
        use_paofen = gang["paofen"] and typo in self.SMALL_TYPO and r.random() < 0.6
        shell_ok = typo in ("investment", "romance", "police_gov", "leader_acquaintance", "military_purchase")
        for i in range(k):
            if span == "escalate":
                y = base * 0.15 * (2.2 ** i) * r.uniform(0.8, 1.2)
            elif span in ("weeks", "days"):
                y = base * r.uniform(0.4, 1.6) * (1.0 + 0.25 * i)
            else:
                y = base * r.uniform(0.5, 1.5)
            hi = 500000 if typo in ("investment", "police_gov", "romance") else 200000
            y = min(max(y, 50), hi)
            if r.random() < 0.45 and y > 1000:
                y = round(y / 1000) * 1000
            elif r.random() < 0.5:
                y = round(y)
            fen = int(round(y * 100))
            # receiving account
            if use_paofen and fen <= 5000000:
                act = self.active(gang["paofen_p"], t)
                if not act:
                    p = self.make_paofen(gang, t - r.randint(1, 5) * DAY)
                    act = [p] if p and self.acc[p]["opened"] < t else []
                dest = r.choice(act) if act else self.pick_mule(gang, 1, t)
            elif tier1_fixed and r.random() < 0.55 and self.acc[tier1_fixed]["we"] >= t:
                dest = tier1_fixed
            else:
                dest = self.pick_mule(gang, 1, t)
                if shell_ok and r.random() < 0.25:
                    sh = [a for a in self.active(gang["tiers"][1], t) if self.acc[a]["kind"] == "shell"]
                    if sh:
                        dest = r.choice(sh)
            tier1_fixed = dest
            ch = "atm" if typo == "subsidy_refund" else (
                "counter" if typo in ("police_gov", "accident_kidnap") and r.random() < 0.2 else
                self.wpick(["mobile", "online"], [4, 1]))
            memo = r.choice({"investment": ["", "入金", "投资款", ""], "loan_card": ["", "保证金", "解冻费"],
                             "brushing": ["", "", "货款"], "police_gov": ["", ""], "romance": ["", "", "往来款"],
                             "military_purchase": ["货款", ""]}.get(typo, ["", "", "转账"]))
            ix = self.add(t, victim, dest, fen, ch, self.acc[victim]["region"], memo=memo, fk="victim_payment")
            if ix >= 0:
                lab = reported and r.random() < 0.88
                self.victim_tx.append((ix, cid, lab))
                self.inflow.setdefault(dest, []).append((t, fen, lab, 2 if lab else 0))
            # next payment time
            if span == "escalate":
                t += r.randint(4 * MIN, 90 * MIN) if r.random() < 0.8 else r.randint(10, 30) * HOUR
            elif span == "burst":
                t += r.randint(3 * MIN, 50 * MIN)
            elif span == "hours":
                t += r.randint(30 * MIN, 20 * HOUR)
            elif span == "days":
                t += r.randint(20 * MIN, 2 * DAY) if r.random() < 0.7 else r.randint(1, 4) * DAY
            else:
                t += r.randint(1, 9) * DAY + r.randint(-3, 3) * HOUR
            if t >= END:
                break

    # ---------------------------------------------------------------- money-moving engine
    def delays(self, acc):
        r = self.r
        if self.variant == "V2":
            if acc["kind"] == "paofen":
                return r.randint(5 * MIN, 60 * MIN), 0
            win = r.randint(1 * HOUR, 14 * HOUR)
            dl = int(min(72 * HOUR, max(20 * MIN, 4 * HOUR * math.exp(r.gauss(0, 1.1)))))
            return dl, win
        if acc["kind"] == "paofen":
            return r.randint(50, 9 * MIN), 0
        if acc["kind"] == "rented_old":
            win = r.randint(5 * MIN, 60 * MIN)
            dl = int(min(20 * HOUR, max(2 * MIN, 25 * MIN * math.exp(r.gauss(0, 1.0)))))
        else:
            win = r.randint(2 * MIN, 25 * MIN) if acc["tier"] <= 1 else r.randint(10 * MIN, 90 * MIN)
            dl = int(min(8 * HOUR, max(60, 6 * MIN * math.exp(r.gauss(0, 1.0)))))
        if r.random() < 0.08:
            dl += r.randint(2, 11) * HOUR
        return dl, win

    def push(self, dest, t, fen, rep):
        self.inflow.setdefault(dest, []).append((t, fen, rep, 1 if rep else 0))

    def run_engine(self):
        done = set()
        for tier in (1, 2, 3, 4):
            # the lists are read when their tier comes up: accounts created on demand by the tier below are included
            for gang in self.gangs:
                lst = (gang["paofen_p"] if tier == 1 else []) + gang["tiers"][tier]
                for a in lst:
                    if a in done:
                        continue
                    done.add(a)
                    self.process(gang, a)
        for a in self.ushang:
            self.process_ushang(a)
        for gang in self.gangs:
            for a in gang["ops"]:
                self.process_operator(gang, a)
        # pay card farmers for their cards
        r = self.r
        for f in self.farmers:
            used = [c for c in f["cards"] if self.acc[c]["gang"] >= 0]
            if not used:
                continue
            gang = self.gangs[self.acc[used[0]]["gang"]]
            if r.random() < 0.7:
                tot = len(f["cards"]) * r.randint(1500, 6000) * 100
                t = max(f["end"], 0) + r.randint(1, 5) * DAY + self.tod("evening")
                for k in range(r.randint(1, 3)):
                    self.add(t + k * r.randint(HOUR, 3 * DAY), r.choice(gang["ops"]), f["home"],
                             tot // (k + 1) // 100 * 100 if k == 0 else self.amt(3000, 0.5, 500, 20000, 100),
                             "mobile", memo=r.choice(["", "货款"]), fk="operator_payment")

    def batches(self, items, win):
        items.sort(key=lambda x: x[0])
        out = []
        cur = None
        for t, fen, rep, lvl in items:
            if cur and t - cur[0] <= win:
                cur[1] = t
                cur[2] += fen
                cur[3] = cur[3] or rep
            else:
                if cur:
                    out.append(cur)
                cur = [t, t, fen, rep]
        if cur:
            out.append(cur)
        return out

    def process(self, gang, a):
        r = self.r
        acc = self.acc[a]
        items = self.inflow.get(a, [])
        if not items:
            return
        for it in items:
            self.touch[a] = max(self.touch.get(a, 0), it[3])
        _, win = self.delays(acc)
        for t0, tl, fen, rep in self.batches(list(items), win):
            dl, _ = self.delays(acc)
            t = tl + dl
            if acc["kind"] == "paofen":
                keep = int(fen * r.uniform(0.005, 0.02))
                act = self.active(gang["collectors"], t) or gang["collectors"] or gang["tiers"][2]
                if not act:
                    continue
                c = r.choice(act)
                v = fen - keep
                if self.add(t, a, c, v, "mobile", acc["region"], fk="paofen") >= 0:
                    self.push(c, t, v, rep)
                continue
            tier = acc["tier"]
            keep = int(fen * r.uniform(0.0, 0.03)) if acc["kind"] in ("fresh", "rented_old", "sold_old") and r.random() < 0.5 else 0
            fen -= keep
            if fen < 10000:
                continue
            last = tier >= gang["depth"] or (tier >= 2 and r.random() < 0.12)
            if not last:
                m = self.wpick([1, 2, 3, 4], [30, 35, 23, 12]) if fen > 2000000 else self.wpick([1, 2, 3], [55, 35, 10])
                targets = []
                for _ in range(m):
                    x = self.pick_mule(gang, tier + 1, t)
                    if x not in targets and x != a:
                        targets.append(x)
                if not targets:
                    self.exit(gang, a, t, fen, rep)
                    continue
                parts = self.split(fen, len(targets))
                tt = t
                for x, v in zip(targets, parts):
                    memo = r.choice(MEMO_BIZ) if acc["kind"] == "shell" or self.variant == "V2" else r.choice(["", "", "", "货款"])
                    ch = "online" if acc["kind"] == "shell" else "mobile"
                    if self.add(tt, a, x, v, ch, acc["region"], memo=memo, fk="layering") >= 0:
                        self.push(x, tt, v, rep)
                    tt += r.randint(15, 300)
            else:
                self.exit(gang, a, t, fen, rep)

    def split(self, fen, m):
        r = self.r
        if m <= 1:
            return [fen]
        cuts = sorted(r.uniform(0.15, 0.85) for _ in range(m - 1))
        parts = []
        prev = 0.0
        for c in cuts + [1.0]:
            parts.append(int(fen * (c - prev)))
            prev = c
        out = []
        for p in parts[:-1]:
            q = (p // 10000) * 10000 if r.random() < 0.6 and p > 20000 else p
            out.append(q)
        out.append(fen - sum(out))
        return [p for p in out if p > 0]

    def exit(self, gang, a, t, fen, rep):
        r = self.r
        acc = self.acc[a]
        ex = gang["exits"]
        keys = sorted(ex)
        choice = self.wpick(keys, [ex[k] for k in keys])
        if choice == "xborder" and (fen < 2000000 or (acc["kind"] != "shell" and r.random() < 0.6)):
            choice = "ushang" if r.random() < 0.6 else "ext"
        if choice == "atm_far" or choice == "atm_near":
            far = choice == "atm_far"
            region = (gang["far"] if r.random() < 0.7 else r.choice(FAR_CASHOUT)) if far else CITY_OF.get(
                acc["region"], acc["region"]) if r.random() < 0.6 else r.choice(["610113", "620102", "640104", "630103",
                                                                                 "610402", "610802"])
            cap = r.choice([2000000, 3000000, 5000000])
            chunk = r.choice([200000, 250000, 300000, 500000, 490000])
            left = fen
            day_tot = 0
            tt = t + (r.randint(5 * MIN, 3 * HOUR) if not far else r.randint(10 * MIN, 6 * HOUR))
            n = 0
            while left >= 10000 and n < 60:
                w = min(chunk, left // 10000 * 10000)
                if day_tot + w > cap:
                    tt += r.randint(20, 28) * HOUR
                    day_tot = 0
                if self.add(tt, a, "", w, "atm", region, kind="withdrawal", fk="cashout_atm") < 0:
                    break
                left -= w
                day_tot += w
                tt += r.randint(25, 200)
                n += 1
        elif choice == "counter":
            left = fen
            tt = t + r.randint(30 * MIN, 20 * HOUR)
            while left >= 10000:
                w = min(left // 10000 * 10000, r.choice([4900000, 4800000, 3000000, 5000000, 2000000]))
                if self.add(tt, a, "", w, "counter", acc["region"], kind="withdrawal", fk="cashout_counter") < 0:
                    break
                left -= w
                tt += r.randint(1, 3) * DAY + r.randint(0, 4 * HOUR)
        elif choice == "gold":
            local = self.variant == "V2" or r.random() < 0.5
            shop = r.choice(self.gold[PROV_OF.get(acc["region"], "SN")]) if local else r.choice(self.gold_far)
            left = fen
            tt = t + r.randint(20 * MIN, 8 * HOUR)
            for k in range(r.randint(1, 3)):
                w = left if k == 2 or left < 3000000 else int(left * r.uniform(0.3, 0.7))
                if w <= 0:
                    break
                self.add(tt, a, shop, w, "pos", self.acc[shop]["region"], memo="", fk="cashout_gold")
                left -= w
                tt += r.randint(5 * MIN, 2 * HOUR)
                if left <= 0:
                    break
        elif choice == "ushang":
            u = r.choice(gang["ushang"])
            for v in self.split(fen, 1 if fen < 3000000 else 2):
                if self.add(t, a, u, v, "mobile", acc["region"], memo=r.choice(["", "货款", "USDT"]), fk="ushang") >= 0:
                    self.push(u, t, v, rep)
                t += r.randint(60, 900)
                u = r.choice(gang["ushang"])
        elif choice == "xborder":
            dst = r.choice(self.xb_accts)
            self.add(t, a, dst, fen, "online", acc["region"], memo=r.choice(["货款", "服务费", "进口货款"]), xb=True,
                     fk="cross_border")
        elif choice == "operator":
            op = r.choice(gang["ops"])
            if self.add(t, a, op, fen, "mobile", acc["region"], fk="operator_cut") >= 0:
                self.push(op, t, fen, rep)
        else:
            dst = r.choice(gang["ext_sinks"])
            self.add(t, a, dst, fen, "mobile", acc["region"], memo=r.choice(["", "货款"]), fk="layering")

    def process_ushang(self, a):
        r = self.r
        items = self.inflow.get(a, [])
        if not items:
            return
        for it in items:
            self.touch[a] = max(self.touch.get(a, 0), it[3])
        own = [x for x in self.ush_holder_of[a] if x != a]
        for t0, tl, fen, rep in self.batches(list(items), r.randint(30 * MIN, 3 * HOUR)):
            t = tl + r.randint(5 * MIN, 4 * HOUR)
            src = a
            if own and r.random() < 0.6:
                o = r.choice(own)
                if self.add(t, a, o, fen, "mobile", self.acc[a]["region"], fk="ushang") >= 0:
                    src = o
                    t += r.randint(5 * MIN, 2 * HOUR)
            for v in self.split(fen, r.randint(1, 3)):
                self.add(t, src, r.choice(self.ush_upstream), v, "mobile", self.acc[src]["region"], fk="ushang")
                t += r.randint(60, 1200)

    def process_operator(self, gang, a):
        r = self.r
        items = self.inflow.get(a, [])
        if not items:
            return
        for it in items:
            self.touch[a] = max(self.touch.get(a, 0), it[3])
        for t0, tl, fen, rep in self.batches(list(items), 2 * DAY):
            t = tl + r.randint(2 * HOUR, 2 * DAY)
            if r.random() < 0.25 and self.has_row(a):
                w = int(fen * r.uniform(0.1, 0.3))
                self.add(t, a, r.choice(self.gold[PROV_OF.get(self.acc[a]["region"], "SN")]), w, "pos", fk="operator_spend")
                fen -= w
            self.add(t + r.randint(60, 3600), a, r.choice(gang["ext_sinks"]), fen, "mobile", fk="layering")

    # ================================================================== output
    def finish(self, out, truth):
        r = self.r
        # visibility: at least one side at a supplier whose extract has started
        vis = []
        for i, x in enumerate(self.tx):
            t = x[0]
            ok = False
            for a in (x[1], x[2]):
                if a:
                    b = self.acc[a]["bank"]
                    if BANK[b][1] and t >= EXTRACT[b]:
                        ok = True
                        break
            if ok:
                vis.append(i)
        vis.sort(key=lambda i: (self.tx[i][0], i))
        txid = {}
        for n, i in enumerate(vis):
            txid[i] = f"XL{n + 1:08d}"
        # balances: opening balance = deficit + cushion
        bal = {}
        low = {}
        for i in vis:
            t, f, to, fen = self.tx[i][0], self.tx[i][1], self.tx[i][2], self.tx[i][3]
            if f:
                bal[f] = bal.get(f, 0) - fen
                if bal[f] < low.get(f, 0):
                    low[f] = bal[f]
            if to:
                bal[to] = bal.get(to, 0) + fen
        rows = [a for a in self.acc_order if BANK[self.acc[a]["bank"]][1]]
        named = set(rows)
        for i in vis:
            for a in (self.tx[i][1], self.tx[i][2]):
                if a:
                    named.add(a)
        # labels
        lab_tx = [i for i, cid, lab in self.victim_tx if lab and i in txid]
        lab_acc = {}
        reported_cards = set()
        fraud_roles = ("mule", "paofen", "ushang", "operator", "farmer_card")
        for a in self.acc_order:
            acc = self.acc[a]
            if acc["role"] not in fraud_roles or a not in named:
                continue
            lvl = self.touch.get(a, 0)
            if acc["role"] == "ushang":
                p = 0.45 if lvl else 0.08
            elif acc["role"] == "operator":
                p = 0.5 if lvl else 0.15
            elif acc["arch"] == "farmer_card:home_card":
                p = 0.0
            else:
                p = {2: 0.85, 1: 0.5, 0: 0.12}[lvl]
            if lvl and acc["farmer"]:
                reported_cards.add(acc["holder"])
            if r.random() < p:
                lab_acc[a] = 1
        lab_holders = [h for h in sorted(reported_cards)]
        for f in self.farmers:
            if f["hid"] in reported_cards and f["home"] in named and r.random() < 0.4:
                lab_acc[f["home"]] = 1
        # status: a few labelled mules frozen, a few lawful closed/frozen
        for a in rows:
            acc = self.acc[a]
            if a in lab_acc and r.random() < 0.1:
                acc["status"] = "frozen"
            elif acc["role"] == "lawful":
                x = r.random()
                if x < 0.004:
                    acc["status"] = "closed"
                elif x < 0.006:
                    acc["status"] = "frozen"
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance", "status"])
            for a in rows:
                acc = self.acc[a]
                arch = acc["arch"]
                if acc["role"] in ("mule", "farmer_card") and acc["kind"] in ("fresh", "farmer"):
                    cushion = r.choice([0, 0, 1000, 1000, 2000, 5000, 10000])
                elif acc["cls"] == "corp":
                    cushion = self.amt(120000, 1.2, 1000, 20000000, 0.01)
                elif acc["role"] == "ushang" or acc["role"] == "operator":
                    cushion = self.amt(50000, 1.0, 500, 2000000, 0.01)
                elif acc["opened"] >= 0:
                    cushion = self.amt(300, 1.2, 0.01, 20000, 0.01) if r.random() < 0.7 else 0
                else:
                    cushion = self.amt(9000, 1.4, 0.5, 3000000, 0.01)
                ob = -low.get(a, 0) + cushion
                w.writerow([a, acc["bank"], acc["holder"], iso(acc["opened"]), acc["region"], acc["cls"],
                            f"{ob // 100}.{ob % 100:02d}", acc["status"]])
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region", "kind",
                        "memo", "cross_border"])
            for i in vis:
                t, f, to, fen, ch, reg, kind, memo, xb, fk = self.tx[i]
                w.writerow([txid[i], iso(t), f, to, f"{fen // 100}.{fen % 100:02d}", "CNY", ch, reg, kind, memo,
                            "true" if xb else "false"])
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for i in sorted(lab_tx, key=lambda i: txid[i]):
                w.writerow(["transfer", txid[i], "fraud"])
            for a in self.acc_order:
                if a in lab_acc:
                    w.writerow(["account", a, "mule"])
            for h in lab_holders:
                w.writerow(["holder", h, "card_farmer"])
        stats = {"accounts_rows": len(rows), "transfers": len(vis),
                 "victim_payments": sum(1 for i, c, l in self.victim_tx if i in txid),
                 "victim_labelled": len(lab_tx), "accounts_labelled": len(lab_acc), "holders_labelled": len(lab_holders)}
        roles = {}
        roles_rows = {}
        for a in self.acc_order:
            if a in named and self.acc[a]["role"] != "lawful":
                roles[self.acc[a]["role"]] = roles.get(self.acc[a]["role"], 0) + 1
                if BANK[self.acc[a]["bank"]][1]:
                    roles_rows[self.acc[a]["role"]] = roles_rows.get(self.acc[a]["role"], 0) + 1
        stats["fraud_accounts_by_role"] = roles
        stats["fraud_accounts_with_rows_by_role"] = roles_rows
        stats["lookalike_actor_accounts"] = dict(sorted(self.la_actor.items()))
        fk = {}
        for i in vis:
            k = self.tx[i][9]
            if k:
                fk[k] = fk.get(k, 0) + 1
        stats["fraud_transfer_kinds"] = fk
        if truth:
            with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                            "labelled", "farmer_labelled", "extract_start"])
                for b in BANKS:
                    w.writerow(["institution", b[0], b[0], "", 1 if b[1] else 0, "", b[3], "", "", "", "",
                                iso(EXTRACT[b[0]]) if b[1] else ""])
                lh = set(lab_holders)
                for a in self.acc_order:
                    if a not in named:
                        continue
                    acc = self.acc[a]
                    w.writerow(["account", a, acc["bank"], acc["holder"], 1 if BANK[acc["bank"]][1] else 0, acc["role"],
                                acc["arch"], acc["farmer"], iso(acc["opened"]), 1 if a in lab_acc else 0,
                                1 if acc["holder"] in lh else 0, ""])
            with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["txn_id", "kind"])
                for i in vis:
                    if self.tx[i][9]:
                        w.writerow([txid[i], self.tx[i][9]])
        return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variant", choices=["baseline", "V2", "V3"], default="baseline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth", action="store_true")
    ap.add_argument("--people", type=int, default=11000)
    args = ap.parse_args()
    t0 = time.time()
    w = World(args.variant, args.seed)
    w.build_counterparties()
    w.gen_people(args.people)
    w.link_families()
    w.life_ordinary()
    w.gen_lookalikes()
    w.gen_fraud()
    stats = w.finish(args.out, args.truth)
    stats["seconds"] = round(time.time() - t0, 1)
    for k, v in stats.items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
