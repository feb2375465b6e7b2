#!/usr/bin/env python3
# Licence: Apache-2.0 (written for the fanzha project)
"""齐鲁中原 — a synthetic Shandong + Henan world for judging fanzha.

One seeded random.Random drives everything; standard library only.
Writes, in the fanzha interchange format v1: accounts.csv, transfers.csv,
labels.csv; with --truth also truth.csv and truth_transfers.csv.

    python3 zhongyuan_world.py --variant baseline --seed 1 --out /tmp/w14/baseline --truth --stats
"""
import argparse
import csv
import heapq
import math
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=8))
START = datetime(2024, 9, 1, tzinfo=TZ)      # simulation start = earliest extract start
NDAYS = 181                                  # 2024-09-01 .. 2025-02-28
DAY, HOUR, MIN = 86400, 3600, 60
END = NDAYS * DAY
MONTHS = [0, 30, 61, 91, 122, 153]           # first day of Sep..Feb
MLEN = [30, 31, 30, 31, 31, 28]
D_OCT, D_NOV, D_DEC, D_JAN, D_FEB = 30, 61, 91, 122, 153
D_SINGLES = 71                               # 2024-11-11
D_SPRING = 150                               # 2025-01-29 春节

VARIANTS = ["baseline", "laoka_slow", "shuang11_dense"]

# ---------------------------------------------------------------- regions (GB/T 2260)
RG = {
    # Shandong
    "jinan": "370102", "jinan_lc": "370112", "qingdao": "370202", "qd_huangdao": "370211",
    "qd_laoshan": "370212", "weifang": "370702", "shouguang": "370783", "linyi": "371302",
    "linyi_lz": "371311", "linyi_hd": "371312", "heze": "371702", "caoxian": "371721",
    "juancheng": "371726", "jining": "370811", "yantai": "370602",
    # Henan
    "zz_zhongyuan": "410102", "zz_erqi": "410103", "zz_jinshui": "410105", "xinzheng": "410184",
    "luoyang": "410305", "luoyang_lc": "410302", "xinxiang": "410702", "nanyang": "411302",
    "zhoukou": "411602", "fugou": "411621", "xihua": "411622", "shangshui": "411623",
    "dancheng": "411625", "luyi": "411628", "xiangcheng": "411681", "zhumadian": "411702",
    "xiping": "411721", "shangcai": "411722", "pingyu": "411723", "zhengyang": "411724",
    "runan": "411727", "xincai": "411729",
    # elsewhere
    "sz_futian": "440304", "sz_baoan": "440306", "sz_longgang": "440307", "gz_tianhe": "440106",
    "gz_baiyun": "440111", "dongguan": "441900", "puning": "445281", "jinjiang": "350582",
    "fuzhou": "350102", "ruili": "533102", "kunming": "530102", "pingxiang": "451481",
    "nanning": "450103", "yulin_gx": "450902", "sh_pudong": "310115", "sh_minhang": "310112",
    "bj_chaoyang": "110105", "bj_haidian": "110108", "nj_gulou": "320106", "suzhou": "320505",
    "hz_xihu": "330106", "yiwu": "330782", "cd_wuhou": "510107", "cq_yubei": "500112",
    "cs_yuelu": "430104", "xa_yanta": "610113", "wh_hongshan": "420111", "huanggang": "421102",
    "shenyang": "210102", "tianjin": "120101", "sjz": "130102", "hefei": "340104",
    "fuyang_ah": "341202", "nanchang": "360102", "harbin": "230102", "huhhot": "150102",
}
HN_RURAL = ["fugou", "xihua", "shangshui", "dancheng", "luyi", "xiangcheng", "xiping",
            "shangcai", "pingyu", "zhengyang", "runan", "xincai"]
SD_RURAL = ["caoxian", "juancheng", "linyi_hd", "linyi_lz", "shouguang"]
SD_CITY = ["jinan", "jinan_lc", "qingdao", "qd_huangdao", "weifang", "linyi", "jining", "yantai", "heze"]
HN_CITY = ["zz_zhongyuan", "zz_erqi", "zz_jinshui", "luoyang", "luoyang_lc", "xinxiang", "nanyang",
           "zhoukou", "zhumadian"]
OUT_CITY = ["sh_pudong", "sh_minhang", "bj_chaoyang", "bj_haidian", "nj_gulou", "suzhou", "hz_xihu",
            "cd_wuhou", "cq_yubei", "cs_yuelu", "xa_yanta", "wh_hongshan", "shenyang", "tianjin",
            "sjz", "hefei", "nanchang", "harbin", "gz_tianhe", "sz_futian", "fuzhou"]
MIGRANT_WORK = ["sz_baoan", "sz_longgang", "dongguan", "sh_minhang", "bj_chaoyang", "suzhou",
                "hz_xihu", "tianjin", "gz_baiyun"]
FARM_CITIES = ["linyi", "heze", "caoxian", "jinan", "weifang", "zz_erqi", "luoyang", "zhoukou",
               "zhumadian", "qingdao", "jining", "nanyang"]

# ---------------------------------------------------------------- institutions
# code, name, supplies data, extract start (None = does not supply), card prefix, corp prefix
BANKS = [
    ("ABC", "中国农业银行(鲁豫分行)", "2024-09-01T00:00:00+08:00", "622848", "1530"),
    ("ZYBANK", "中原银行", "2024-09-01T00:00:00+08:00", "623595", "4101"),
    ("SDRCU", "山东省农村商业银行(农信)", "2024-09-09T00:00:00+08:00", "622320", "9150"),
    ("PSBC", "中国邮政储蓄银行(鲁豫分行)", "2024-09-16T00:00:00+08:00", "621799", "9410"),
    ("LSBANK", "临商银行", "2024-10-01T00:00:00+08:00", "621270", "8120"),
    ("HNRCU", "河南农商银行(农信)", "2024-10-08T00:00:00+08:00", "623059", "7110"),
    ("LKLPAY", "拉卡拉支付", "2024-11-01T00:00:00+08:00", "LKL", "LKLM"),
    ("ICBC", "中国工商银行", None, "622202", "1602"),
    ("CCB", "中国建设银行", None, "621700", "4105"),
    ("BOC", "中国银行", None, "621661", "2510"),
    ("BOCOM", "交通银行", None, "622262", "3720"),
    ("CMB", "招商银行", None, "621483", "5319"),
    ("CIB", "兴业银行", None, "622909", "1180"),
    ("SPDB", "浦发银行", None, "622521", "7601"),
    ("QLBANK", "齐鲁银行", None, "623170", "8601"),
    ("QDBANK", "青岛银行", None, "621289", "8021"),
    ("ZZBANK", "郑州银行", None, "623127", "9601"),
    ("ALIPAY", "支付宝", None, "2088", "2088"),
    ("TENPAY", "财付通", None, "1900", "1900"),
]
BANK = {b[0]: b for b in BANKS}
SUPPLY = {b[0]: b[2] for b in BANKS if b[2]}
PAYFIRM = ("ALIPAY", "TENPAY", "LKLPAY")
SUPPLY_S = {}
for _c, _s in SUPPLY.items():
    SUPPLY_S[_c] = int((datetime.fromisoformat(_s) - START).total_seconds())

OUT_BANKS = [("ICBC", 25), ("CCB", 22), ("BOC", 12), ("BOCOM", 8), ("CMB", 15), ("CIB", 10), ("SPDB", 8)]
SD_BANKS = [("ABC", 14), ("SDRCU", 12), ("PSBC", 7), ("ICBC", 16), ("CCB", 15), ("BOC", 7),
            ("BOCOM", 5), ("CMB", 6), ("QLBANK", 6), ("QDBANK", 5)]
HN_BANKS = [("ABC", 15), ("HNRCU", 10), ("PSBC", 8), ("ZYBANK", 14), ("ICBC", 15), ("CCB", 15),
            ("BOC", 6), ("BOCOM", 4), ("CMB", 5), ("ZZBANK", 7)]
RURAL_HN_B = [("HNRCU", 50), ("PSBC", 20), ("ABC", 20), ("ZYBANK", 10)]
RURAL_SD_B = [("SDRCU", 50), ("PSBC", 20), ("ABC", 20), ("LSBANK", 10)]

IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

H_DAY = [1, .5, .3, .2, .2, .4, 1, 3, 6, 8, 9, 9, 8, 8, 9, 9, 8, 8, 8, 9, 9, 8, 5, 2]
H_BIZ = [0, 0, 0, 0, 0, 0, 0, 0, 3, 8, 9, 9, 6, 7, 9, 9, 8, 5, 1, 0, 0, 0, 0, 0]
H_EVE = [2, 1, .5, .3, .2, .2, .5, 1, 2, 3, 3, 4, 5, 4, 3, 3, 4, 5, 6, 8, 10, 10, 8, 5]
H_ANY = [3, 3, 2, 2, 2, 2, 3, 4, 6, 7, 7, 7, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 6, 5]


def _cum(w):
    out, s = [], 0.0
    for x in w:
        s += x
        out.append(s)
    return out


C_DAY, C_BIZ, C_EVE, C_ANY = _cum(H_DAY), _cum(H_BIZ), _cum(H_EVE), _cum(H_ANY)
HRS = list(range(24))

# ---------------------------------------------------------------- variant parameters
PARAMS = {
    "baseline": dict(
        n_salaried=2800, n_worker=2400, n_farmer=2400, n_migrant=1400, n_student=1400,
        n_trader=200, n_logistics=32, n_ecom=230, n_landlord=160, n_shop=110, n_broker=28,
        n_family=220, n_dormant=1800, ecom_direct=1.0, shop_rate=1.0,
        gangs=5, t1_per_gang=100, t2_per_gang=38, t3_per_gang=16, ext_share=0.28,
        victims_per_t1=3.0, n_paofen=80, n_ushang=12, n_farmers_cf=30, farmer_cards=(6, 22),
        farmed_used=0.55, old_share=0.35, report=0.60, report_pay=0.90,
        slow=False, typo_bias=None, pf_direct=0.12,
    ),
    "laoka_slow": dict(
        old_share=0.85, n_farmers_cf=12, farmed_used=0.45, slow=True,
        t1_per_gang=70, t2_per_gang=40, t3_per_gang=20, victims_per_t1=4.0,
        typo_bias=["investment", "romance", "police_gov", "credit_record"], pf_direct=0.05,
    ),
    "shuang11_dense": dict(
        n_salaried=1600, n_worker=3000, n_farmer=1600, n_migrant=700, n_student=1700,
        n_trader=300, n_logistics=45, n_ecom=380, n_landlord=200, n_shop=150, n_broker=40, n_dormant=1200,
        ecom_direct=1.15, shop_rate=1.05, n_paofen=150, n_ushang=18,
        typo_bias=["brushing", "shopping_service", "game_trade", "ecommerce_cs"], pf_direct=0.25,
    ),
}

TYPO = {  # (n payments lo, hi, first amount median yuan, growth, gap hours median)
    "brushing": (2, 6, 300, 3.0, 0.6), "investment": (2, 7, 20000, 1.8, 70),
    "romance": (2, 6, 8000, 1.9, 60), "police_gov": (1, 3, 80000, 1.3, 3),
    "ecommerce_cs": (1, 4, 6000, 1.5, 0.5), "loan_card": (2, 5, 1500, 1.7, 8),
    "credit_record": (1, 4, 12000, 1.4, 2), "game_trade": (1, 3, 900, 1.5, 3),
    "shopping_service": (1, 2, 600, 1.3, 5), "leader_acquaintance": (1, 2, 30000, 1.2, 1),
    "fake_job": (1, 3, 400, 1.6, 10), "subsidy_refund": (1, 2, 9000, 1.2, 1),
}

GANGS = [
    ("缅北园区", "ruili", ["ruili", "kunming", "dongguan"], ["investment", "romance", "brushing"]),
    ("柬埔寨窝点", "pingxiang", ["pingxiang", "nanning", "gz_baiyun"], ["police_gov", "ecommerce_cs", "loan_card"]),
    ("普宁团伙", "puning", ["puning", "sz_baoan", "dongguan"], ["brushing", "game_trade", "shopping_service"]),
    ("临沂本地团伙", "linyi", ["zz_erqi", "dongguan", "sz_longgang"], ["credit_record", "loan_card", "leader_acquaintance"]),
    ("晋江团伙", "jinjiang", ["jinjiang", "fuzhou", "sz_longgang"], ["investment", "police_gov", "fake_job", "subsidy_refund"]),
]


def fen_str(f):
    return "%d.%02d" % (f // 100, f % 100)


class World:
    def __init__(self, variant, seed):
        self.variant = variant
        self.rng = random.Random(seed * 7919 + VARIANTS.index(variant) * 104729 + 14)
        p = dict(PARAMS["baseline"])
        if variant != "baseline":
            p.update(PARAMS[variant])
        self.P = p
        self.a_id, self.a_bank, self.a_holder, self.a_region, self.a_open = [], [], [], [], []
        self.a_cls, self.a_role, self.a_arch, self.a_farmer, self.a_base = [], [], [], [], []
        self.a_rep = []      # min hop depth from reported victim money (99 = none)
        self.used = set()    # membership only
        self.tx = []
        self.farmer_holders = []   # (holder id, [acct idx])
        self.victims = 0
        self.victim_reported = 0
        # fraud node state
        self.node = {}       # acct -> dict(kind, gang, w0, w1)
        self.pool = {}
        self.pool_rep = {}
        self.sched = {}
        self.heap = []
        self.hseq = 0

    # ------------------------------------------------------------ random helpers
    def ch(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def wpick(self, pairs):
        tot = sum(w for _, w in pairs)
        x = self.rng.random() * tot
        for v, w in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][0]

    def lg(self, med, sig, lo, hi):
        x = med * math.exp(self.rng.gauss(0, sig))
        return int(round(min(max(x, lo), hi) * 100))

    def at(self, day, cum=C_DAY):
        h = self.rng.choices(HRS, cum_weights=cum)[0]
        return day * DAY + h * HOUR + self.rng.randrange(HOUR)

    def pois(self, lam):
        if lam <= 0:
            return 0
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= L:
                return k
            k += 1

    def past(self, y0, y1):
        """a time (seconds from START, negative) between two years before the period"""
        a = int((datetime(y0, 1, 1, tzinfo=TZ) - START).total_seconds())
        b = int((datetime(y1, 12, 31, tzinfo=TZ) - START).total_seconds())
        b = min(b, -2 * DAY)
        t = self.rng.randint(a, b)
        t = (t // DAY) * DAY + self.rng.randint(9 * HOUR, 17 * HOUR)
        return min(t - t % 60, -DAY)

    # ------------------------------------------------------------ identities and accounts
    def pid(self, region, y0=1955, y1=2005):
        r = self.rng
        while True:
            y = r.randint(y0, y1)
            body = "%s%04d%02d%02d%03d" % (region, y, r.randint(1, 12), r.randint(1, 28), r.randrange(1000))
            s = sum(int(c) * w for c, w in zip(body, IDW))
            cid = body + "10X98765432"[s % 11]
            if cid not in self.used:
                self.used.add(cid)
                return cid

    def cid(self, region):
        r = self.rng
        while True:
            body = "91" + region + "".join(USCC_CH[r.randrange(31)] for _ in range(9))
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            c = 31 - s % 31
            code = body + USCC_CH[0 if c == 31 else c]
            if code not in self.used:
                self.used.add(code)
                return code

    def acct_no(self, bank, corp):
        r = self.rng
        b = BANK[bank]
        while True:
            if bank in ("ALIPAY", "TENPAY"):
                no = b[3] + "".join(str(r.randrange(10)) for _ in range(12))
            elif bank == "LKLPAY":
                no = (b[4] if corp else b[3]) + "".join(str(r.randrange(10)) for _ in range(13))
            elif corp:
                no = b[4] + "".join(str(r.randrange(10)) for _ in range(14))
            else:
                body = b[3] + "".join(str(r.randrange(10)) for _ in range(12))
                s, dbl = 0, True
                for c in reversed(body):
                    d = int(c)
                    if dbl:
                        d *= 2
                        if d > 9:
                            d -= 9
                    s += d
                    dbl = not dbl
                no = body + str((10 - s % 10) % 10)
            if no not in self.used:
                self.used.add(no)
                return no

    def acct(self, holder, bank, region, opened, cls, arch, role="lawful", farmer=0, base=None):
        i = len(self.a_id)
        self.a_id.append(self.acct_no(bank, cls == "corp"))
        self.a_bank.append(bank)
        self.a_holder.append(holder)
        self.a_region.append(RG[region] if region in RG else region)
        self.a_open.append(opened)
        self.a_cls.append(cls)
        self.a_role.append(role)
        self.a_arch.append(arch)
        self.a_farmer.append(farmer)
        if base is None:
            base = self.lg(6000, 1.2, 0, 400000) if role == "lawful" else 0
        self.a_base.append(base)
        self.a_rep.append(99)
        return i

    def bank_for(self, region):
        if region in HN_RURAL:
            return self.wpick(RURAL_HN_B)
        if region in SD_RURAL:
            return self.wpick(RURAL_SD_B)
        code = RG.get(region, region)
        if code.startswith("41"):
            return self.wpick(HN_BANKS)
        if code.startswith("37"):
            if region.startswith("linyi"):
                return self.wpick(SD_BANKS + [("LSBANK", 25)])
            return self.wpick(SD_BANKS)
        return self.wpick(OUT_BANKS)

    def ext_person(self, region, arch, opened=None):
        h = self.pid(RG[region])
        return self.acct(h, self.wpick(OUT_BANKS), region, opened if opened is not None else self.past(2008, 2023),
                         "I", arch)

    def wallet(self, holder, region):
        return self.acct(holder, self.ch(("ALIPAY", "TENPAY")), region, self.past(2014, 2022), "II", "wallet")

    def corp(self, region, arch, bank=None, opened=None):
        h = self.cid(RG[region])
        if bank is None:
            bank = self.bank_for(region)
            if bank in ("ALIPAY", "TENPAY"):
                bank = "ICBC"
        return self.acct(h, bank, region, opened if opened is not None else self.past(2005, 2022), "corp", arch,
                         base=self.lg(300000, 1.0, 10000, 5000000))

    # ------------------------------------------------------------ transfers
    def T(self, t, frm, to, fen, ch="mobile", reg="", kind="transfer", memo="", fk=""):
        if fen <= 0 or t >= END or t < 0:
            return False
        if frm >= 0 and t < self.a_open[frm] + 60:
            return False
        if to >= 0 and t < self.a_open[to] + 60:
            return False
        self.tx.append((t, len(self.tx), frm, to, fen, ch, reg, kind, memo, fk))
        return True

    def monthly(self, dom, d0=0, d1=NDAYS):
        out = []
        for m, m0 in enumerate(MONTHS):
            d = m0 + min(dom, MLEN[m]) - 1
            if d0 <= d < d1:
                out.append(d)
        return out

    def spend(self, a, w, d0, d1, per_month, reg, lo=30, med=220, hi=3000):
        """wallet top-ups / small daily spending from card a to own wallet w"""
        n = self.pois(per_month * (d1 - d0) / 30.0)
        for _ in range(n):
            d = self.rng.randrange(d0, d1)
            self.T(self.at(d), a, w, self.lg(med, 0.9, lo, hi), "mobile", reg, memo=self.ch(("", "", "充值", "消费")))

    def atm_cash(self, a, d0, d1, per_month, reg, med=1000):
        n = self.pois(per_month * (d1 - d0) / 30.0)
        for _ in range(n):
            d = self.rng.randrange(d0, d1)
            f = max(100, int(round(self.lg(med, 0.6, 100, 5000) / 10000.0)) * 100) * 100
            self.T(self.at(d), a, -1, f, "atm", RG.get(reg, reg), "withdrawal")

    # ------------------------------------------------------------ lawful world
    def build_lawful(self):
        P, r = self.P, self.rng
        # shared counterparties
        self.employers = [self.corp(self.ch(SD_CITY + HN_CITY), "employer") for _ in range(140)]
        self.out_employers = [self.corp(self.ch(MIGRANT_WORK), "employer_outside", bank=self.wpick(OUT_BANKS))
                              for _ in range(90)]
        self.landlord_ext = [self.ext_person(self.ch(MIGRANT_WORK), "landlord_outside") for _ in range(120)]
        self.loan_acc = {b: self.corp("zz_jinshui" if b in ("ZYBANK", "ZZBANK", "HNRCU") else "jinan",
                                      "bank_loan_repayment", bank=b) for b in ("CCB", "ICBC", "ABC", "ZYBANK", "BOC")}
        self.card_acc = [self.corp("sh_pudong", "credit_card_centre", bank=b) for b in ("CMB", "CIB", "SPDB", "BOCOM")]
        self.developers = [self.corp(self.ch(["zz_jinshui", "zz_zhongyuan", "jinan", "linyi", "zhoukou",
                                              "zhumadian", "heze", "luoyang", "weifang", "qingdao"]), "property_developer")
                           for _ in range(14)]
        self.car_dealers = [self.corp(self.ch(SD_CITY + HN_CITY), "car_dealer_4s") for _ in range(12)]
        self.hospitals = [self.corp(self.ch(["zhoukou", "zhumadian", "zz_erqi", "jinan", "linyi", "heze"]), "hospital")
                          for _ in range(8)]
        self.universities = {
            "zz_jinshui": self.corp("zz_jinshui", "university", bank="ZYBANK"),
            "jinan_lc": self.corp("jinan_lc", "university", bank="ABC"),
            "qd_laoshan": self.corp("qd_laoshan", "university", bank="QDBANK"),
        }
        self.finance = {c: self.corp(c, "county_finance_subsidy", bank=self.ch(("HNRCU", "ABC", "SDRCU"
                                                                                  if c in SD_RURAL else "PSBC")))
                        for c in HN_RURAL + SD_RURAL}
        self.agri_shops = {c: [self.acct(self.pid(RG[c]), self.bank_for(c), c, self.past(2010, 2022), "I",
                                         "agri_input_shop") for _ in range(3)] for c in HN_RURAL + SD_RURAL}
        self.farm_main = {c: [] for c in HN_RURAL + SD_RURAL}
        self.parents_any = []
        self.landlords = {"xinzheng": [], "zz_jinshui": [], "jinan": [], "qingdao": [], "linyi": [], "zz_erqi": []}
        self.students = []
        self.pop_main = []       # main accounts of local population (for victims, POS payers, sold cards)
        self.pos_payers = []

        self.build_farmers()
        self.build_brokers()
        self.build_landlords()
        self.build_salaried()
        self.build_workers()
        self.build_migrants()
        self.build_students()
        self.build_traders()
        self.build_ecom()
        self.build_shops()
        self.build_families()
        self.build_dormant()

    def build_dormant(self):
        """old accounts in the extracts that hardly move (a deposit now and then, interest-like credits)"""
        r = self.rng
        for _ in range(self.P["n_dormant"]):
            reg = self.ch(SD_CITY + HN_CITY + HN_RURAL + SD_RURAL)
            h = self.pid(RG[reg], 1950, 2004)
            bank = self.wpick([("ABC", 25), ("PSBC", 20), ("HNRCU", 15), ("SDRCU", 15), ("ZYBANK", 15), ("LSBANK", 10)])
            a = self.acct(h, bank, reg, self.past(2005, 2022), self.ch(("I", "I", "II")), "dormant_old_account",
                          base=self.lg(300, 1.5, 0, 50000))
            for _k in range(r.choice((0, 0, 0, 1, 1, 2, 3))):
                d = r.randrange(NDAYS)
                if r.random() < 0.5:
                    self.T(self.at(d, C_BIZ), -1, a, self.lg(2000, 1.0, 50, 50000), "counter", RG[reg], "deposit", "现金存入")
                else:
                    self.T(self.at(d, C_BIZ), a, -1, self.lg(500, 1.0, 50, 5000), "atm", RG[reg], "withdrawal")

    def build_farmers(self):
        P = self.P
        for _ in range(P["n_farmer"]):
            c = self.ch(HN_RURAL) if self.rng.random() < 0.8 else self.ch(SD_RURAL)
            h = self.pid(RG[c], 1950, 1985)
            a = self.acct(h, self.bank_for(c), c, self.past(2006, 2020), "I", "farmer_household")
            self.farm_main[c].append(a)
            self.parents_any.append(a)
            self.pop_main.append(a)
            self.pos_payers.append(a)
            if self.rng.random() < 0.25:
                b2 = self.acct(h, self.ch(("PSBC", "ZYBANK", "ABC", "CCB")), c, self.past(2012, 2023), "I",
                               "farmer_second_card")
                self.T(self.at(self.rng.randrange(NDAYS), C_BIZ), a, b2, self.lg(5000, 0.8, 500, 50000), "mobile",
                       RG[c], memo="存款")
            # subsidy
            self.T(self.at(self.rng.randrange(D_NOV - 10, D_DEC + 10), C_BIZ), self.finance[c], a,
                   self.lg(900, 0.6, 80, 6000), "other", RG[c], memo="玉米大豆生产者补贴")
            # fertiliser / wheat seed in October
            for _k in range(self.rng.randint(1, 3)):
                self.T(self.at(self.rng.randrange(D_OCT, D_OCT + 30)), a, self.ch(self.agri_shops[c]),
                       self.lg(2500, 0.7, 300, 20000), "mobile", RG[c], memo=self.ch(("化肥", "麦种", "农资", "")))
            self.atm_cash(a, 0, NDAYS, 0.4, c, 1500)
            if self.rng.random() < 0.5:
                w = self.wallet(h, c)
                self.spend(a, w, 0, NDAYS, 0.7, RG[c], med=150)
            if self.rng.random() < 0.08:
                self.T(self.at(self.rng.randrange(NDAYS), C_BIZ), a, self.ch(self.hospitals),
                       self.lg(6000, 0.9, 800, 80000), self.ch(("counter", "mobile")), RG[c], memo="住院费")
            if self.rng.random() < 0.35:   # spring festival cash
                d = self.rng.randrange(D_SPRING - 12, D_SPRING)
                self.T(self.at(d, C_BIZ), a, -1, self.rng.randint(10, 60) * 10000, "counter", RG[c], "withdrawal")

    def build_brokers(self):
        P, r = self.P, self.rng
        mills = [self.corp(self.ch(["zhoukou", "zhumadian", "weifang", "shouguang", "heze", "xinxiang"]), "grain_mill_feed")
                 for _ in range(16)]
        counties = HN_RURAL + SD_RURAL
        for k in range(P["n_broker"]):
            c = counties[k % len(counties)]
            h = self.pid(RG[c], 1965, 1990)
            a = self.acct(h, self.bank_for(c), c, self.past(2009, 2021), "I", "grain_broker",
                          base=self.lg(20000, 0.8, 1000, 200000))
            self.pop_main.append(a)
            farmers = [f for f in self.farm_main[c] if r.random() < 0.5]
            outs = [self.ext_person(c, "farmer_outside_data") for _ in range(r.randint(10, 40))]
            payees = farmers + outs
            r.shuffle(payees)
            # receipts from mills in harvest season then payments to farmers
            d = 14
            idx = 0
            while d < D_DEC and idx < len(payees):
                mill = self.ch(mills)
                batch = payees[idx: idx + r.randint(5, 18)]
                idx += len(batch)
                amts = [self.lg(15000, 0.7, 2000, 90000) for _ in batch]
                t0 = self.at(d, C_BIZ)
                self.T(t0 - r.randint(2, 30) * HOUR, mill, a, sum(amts) + self.lg(3000, 1, 100, 50000), "online",
                       RG[c], memo="粮款")
                for f, amt in zip(batch, amts):
                    self.T(t0 + r.randint(0, 30 * HOUR), a, f, amt, "mobile", RG[c], memo=self.ch(("玉米款", "花生款", "豆子款", "粮款")))
                d += r.randint(3, 12)
            self.atm_cash(a, 0, NDAYS, 1.0, c, 2000)

    def build_landlords(self):
        P = self.P
        keys = list(self.landlords.keys())
        for k in range(P["n_landlord"]):
            c = keys[k % len(keys)]
            h = self.pid(RG[c], 1955, 1985)
            a = self.acct(h, self.bank_for(c), c, self.past(2008, 2021), "I", "landlord")
            self.landlords[c].append(a)
            self.pop_main.append(a)
            self.pos_payers.append(a)
            w = self.wallet(h, c)
            self.spend(a, w, 0, NDAYS, 3, RG[c])
            for d in self.monthly(self.rng.randint(1, 28)):
                self.T(self.at(d, C_BIZ), a, self.ch(self.employers), self.lg(400, 0.5, 80, 3000), "mobile",
                       RG[c], memo="物业费")

    def rent_to(self, a, city_key, d0, d1, reg, med=1200):
        lls = self.landlords.get(city_key) or []
        if not lls:
            return
        ll = self.ch(lls)
        amt = self.lg(med, 0.35, 300, 6000)
        for d in self.monthly(self.rng.randint(1, 10), d0, d1):
            self.T(self.at(d), a, ll, amt, "mobile", reg, memo="房租")

    def build_salaried(self):
        P, r = self.P, self.rng
        for _ in range(P["n_salaried"]):
            city = self.ch(SD_CITY + HN_CITY)
            h = self.pid(RG[self.ch(HN_RURAL + SD_RURAL + SD_CITY + HN_CITY)], 1965, 2001)
            new = r.random() < 0.06
            d0 = r.randrange(0, NDAYS - 20) if new else 0
            opened = d0 * DAY + r.randint(9 * HOUR, 16 * HOUR) if new else self.past(2008, 2024)
            a = self.acct(h, self.bank_for(city), city, opened, "I", "salaried_new_card" if new else "salaried")
            self.pop_main.append(a)
            self.pos_payers.append(a)
            reg = RG[city]
            cards = [a]
            for k in range(r.choice((0, 0, 1, 1, 1, 2))):
                b = self.bank_for(city)
                cards.append(self.acct(h, b, city, self.past(2010, 2024), r.choice(("I", "I", "II")), "salaried_extra_card"))
            emp = self.ch(self.employers)
            sal = self.lg(6000, 0.4, 2800, 30000)
            dom = r.choice((5, 10, 15, 20, 25))
            for d in self.monthly(dom, d0 + 1):
                amt = sal if d < D_JAN else sal * r.choice((1, 2, 3)) if d < D_FEB else sal
                self.T(self.at(d, C_BIZ), emp, a, int(amt * r.uniform(0.95, 1.05)), "other", "", memo="工资")
            w = self.wallet(h, city)
            self.spend(a, w, d0 + 1, NDAYS, 1.2, reg)
            for c2 in cards[1:]:
                for _k in range(self.pois(2)):
                    self.T(self.at(r.randrange(d0 + 1, NDAYS)), a, c2, self.lg(2000, 0.8, 100, 30000), "mobile", reg,
                           memo="")
                self.spend(c2, w, d0 + 1, NDAYS, 0.5, reg)
            u = r.random()
            if u < 0.35:
                key = self.ch(list(self.landlords.keys()))
                self.rent_to(a, key, d0 + 1, NDAYS, reg, 1500)
            elif u < 0.65:
                la = self.loan_acc[self.ch(list(self.loan_acc.keys()))]
                amt = self.lg(3500, 0.4, 800, 15000)
                for d in self.monthly(r.randint(1, 28), d0 + 1):
                    self.T(self.at(d), cards[-1], la, amt, "online", reg, memo="房贷")
            if r.random() < 0.4:
                cc = self.ch(self.card_acc)
                for d in self.monthly(r.randint(1, 28), d0 + 1):
                    self.T(self.at(d), a, cc, self.lg(2500, 0.8, 100, 30000), "mobile", reg, memo="还信用卡")
            if r.random() < 0.3 and self.parents_any:
                par = self.ch(self.parents_any)
                for d in self.monthly(r.randint(1, 28), d0 + 1):
                    if r.random() < 0.6:
                        self.T(self.at(d), a, par, self.lg(800, 0.5, 200, 5000), "mobile", reg, memo="生活费")
            for _k in range(r.randint(0, 4)):     # red packets at spring festival
                to = self.ch(self.pop_main)
                if to != a:
                    self.T(self.at(r.randrange(D_SPRING - 8, D_SPRING + 3)), a, to, r.choice((200, 500, 600, 800, 1000, 2000)) * 100,
                           "mobile", reg, memo="红包")
            self.atm_cash(a, d0 + 1, NDAYS, 0.3, city)

    def build_workers(self):
        """郑州 electronics factory hiring in waves; salary cards opened in batches at the branch."""
        P, r = self.P, self.rng
        fac_reg = "xinzheng"
        self.factory = [self.corp(fac_reg, "electronics_factory_payroll", bank="ZYBANK"),
                        self.corp(fac_reg, "electronics_factory_payroll", bank="ABC")]
        agencies = [self.corp(self.ch(["xinzheng", "zz_erqi", "zhoukou", "zhumadian"]), "labour_agency",
                              bank=self.ch(("ZZBANK", "ZYBANK", "ICBC", "HNRCU"))) for _ in range(7)]
        # batch days: many in Sep-Oct, some in Nov-Dec, a wave after the festival
        batch_days = ([d for d in range(2, 52) if r.random() < 0.55] + [d for d in range(62, 100) if r.random() < 0.15]
                      + [d for d in range(157, 178) if r.random() < 0.5])
        wts = [(d, 5 if d < 52 else 1.5 if d < 100 else 3) for d in batch_days]
        self.departed = []
        for _ in range(P["n_worker"]):
            home = self.ch(HN_RURAL) if r.random() < 0.62 else self.ch(SD_RURAL) if r.random() < 0.4 else \
                self.ch(["nanyang", "xinxiang", "luoyang", "fuyang_ah"])
            h = self.pid(RG[home], 1975, 2006)
            veteran = r.random() < 0.28
            bank = "ZYBANK" if r.random() < 0.68 else "ABC"
            payroll = self.factory[0] if bank == "ZYBANK" else self.factory[1]
            if veteran:
                hire = 0
                opened = self.past(2021, 2024)
            else:
                hire = self.wpick(wts)
                opened = hire * DAY + 9 * HOUR + r.randrange(7 * HOUR)
                opened -= opened % 60
            stay = r.randint(35, 200)
            leave = min(NDAYS, hire + stay)
            a = self.acct(h, bank, fac_reg, opened, "I", "factory_worker_salary_card" if not veteran else "factory_worker_veteran",
                          base=(0 if not veteran else None))
            self.pop_main.append(a)
            reg = RG[fac_reg]
            sal = self.lg(5600, 0.18, 3800, 9000)
            for d in self.monthly(15, hire + 20, leave + 20):
                self.T(self.at(d, C_BIZ), payroll, a, int(sal * r.uniform(0.8, 1.2)), "other", "", memo="工资")
            if not veteran and r.random() < 0.6 and hire + 60 < leave:
                self.T(self.at(hire + r.randint(56, 70), C_BIZ), self.ch(agencies), a, r.choice((3000, 4000, 5000, 6000, 8000)) * 100,
                       "online", "", memo="返费")
            fam = self.ch(self.farm_main[home]) if home in self.farm_main and self.farm_main[home] else None
            if fam is not None and r.random() < 0.65:
                for d in self.monthly(16 + r.randint(0, 3), hire + 20, leave + 20):
                    self.T(self.at(d, C_EVE), a, fam, self.lg(2500, 0.4, 500, 8000), "mobile", reg, memo=self.ch(("", "家用", "生活费")))
                if hire < D_SPRING - 20 and leave > D_SPRING - 15:
                    self.T(self.at(r.randrange(D_SPRING - 14, D_SPRING - 3), C_EVE), a, fam, self.lg(6000, 0.5, 1000, 30000),
                           "mobile", reg, memo="过年")
            w = self.wallet(h, fac_reg)
            self.spend(a, w, hire + 1, leave, 1.3, reg, med=120)
            self.atm_cash(a, hire + 1, leave, 0.8, fac_reg, 800)
            if r.random() < 0.4:
                self.rent_to(a, "xinzheng", hire + 3, leave, reg, 650)
            if leave < NDAYS - 10:
                self.departed.append((a, leave))

    def build_migrants(self):
        P, r = self.P, self.rng
        for _ in range(P["n_migrant"]):
            home = self.ch(HN_RURAL) if r.random() < 0.7 else self.ch(SD_RURAL)
            work = self.ch(MIGRANT_WORK)
            h = self.pid(RG[home], 1970, 2003)
            a = self.acct(h, self.bank_for(home), home, self.past(2009, 2023), "I", "migrant_hometown_card")
            self.pop_main.append(a)
            emp = self.ch(self.out_employers)
            sal = self.lg(6500, 0.3, 3500, 15000)
            back = D_SPRING - r.randint(3, 14)
            ret = D_SPRING + r.randint(7, 20)
            for d in self.monthly(r.choice((5, 10, 15, 28)), 0):
                self.T(self.at(d, C_BIZ), emp, a, int(sal * r.uniform(0.9, 1.15)), "other", "", memo="工资")
            fam = self.ch(self.farm_main[home]) if self.farm_main[home] else None
            if fam is not None:
                for d in self.monthly(r.randint(1, 28), 0):
                    if r.random() < 0.8:
                        reg = RG[home] if back <= d <= ret else RG[work]
                        self.T(self.at(d, C_EVE), a, fam, self.lg(2000, 0.5, 300, 10000), "mobile", reg, memo="")
                self.T(self.at(back + r.randint(0, 5)), a, fam, self.lg(8000, 0.6, 1000, 60000), "mobile", RG[home], memo="过年")
            w = self.wallet(h, work)
            self.spend(a, w, 0, back, 1, RG[work])
            self.spend(a, w, back, ret, 2, RG[home], med=400)
            self.spend(a, w, ret, NDAYS, 1, RG[work])
            ll = self.ch(self.landlord_ext)
            for d in (self.monthly(r.randint(1, 5), 0) if r.random() < 0.6 else []):
                self.T(self.at(d), a, ll, self.lg(1100, 0.3, 400, 4000), "mobile", RG[work], memo="房租")
            self.atm_cash(a, back, ret, 3, home, 1500)

    def build_students(self):
        P, r = self.P, self.rng
        unis = [("zz_jinshui", "ZYBANK", 0.45), ("jinan_lc", "ABC", 0.3), ("qd_laoshan", "QDBANK", 0.25)]
        batch = {u[0]: [d for d in range(1, 16) if r.random() < 0.5] or [3] for u in unis}
        for _ in range(P["n_student"]):
            u = self.wpick([((x, b), w) for x, b, w in unis])
            campus, cbank = u
            home = self.ch(HN_RURAL + SD_RURAL + SD_CITY + HN_CITY + ["fuyang_ah", "sjz", "harbin"])
            h = self.pid(RG[home], 2002, 2006)
            fresh = r.random() < 0.3
            if fresh:
                d0 = self.ch(batch[campus])
                opened = d0 * DAY + 9 * HOUR + r.randrange(6 * HOUR)
                opened -= opened % 60
                bank = cbank
            else:
                d0 = 0
                opened = self.past(2021, 2024)
                bank = cbank if r.random() < 0.5 else self.bank_for(campus)
            a = self.acct(h, bank, campus, opened, "I", "student_campus_card_new" if fresh else "student",
                          base=0 if fresh else self.lg(1500, 0.8, 0, 20000))
            self.students.append(a)
            self.pop_main.append(a)
            reg = RG[campus]
            par = None
            if home in self.farm_main and self.farm_main[home] and r.random() < 0.7:
                par = self.ch(self.farm_main[home])
            else:
                par = self.ext_person(home, "parent_outside_data") if RG[home][:2] not in ("37", "41") else \
                    self.acct(self.pid(RG[home], 1965, 1980), self.bank_for(home), home, self.past(2008, 2020), "I", "parent")
            if fresh or r.random() < 0.3:
                self.T(self.at(d0 + 1, C_BIZ), par, a, self.lg(5000, 0.2, 3000, 9000), "mobile", "", memo="学费")
                self.T(self.at(d0 + 2, C_BIZ), a, self.universities[campus], self.lg(5000, 0.2, 3000, 9000), "online", reg, memo="学费")
            amt = self.lg(1800, 0.35, 600, 5000)
            for d in self.monthly(r.randint(1, 5), d0 + 1):
                self.T(self.at(d, C_EVE), par, a, amt, "mobile", "", memo=self.ch(("生活费", "", "")))
            w = self.wallet(h, campus)
            brk0, brk1 = D_JAN + r.randint(5, 18), D_FEB + r.randint(5, 20)
            self.spend(a, w, d0 + 1, brk0, 2.5, reg, med=80, hi=1500)
            self.spend(a, w, brk1, NDAYS, 2.5, reg, med=80, hi=1500)

    def student_social(self):
        r = self.rng
        st = self.students
        n = len(st) * 3
        for _ in range(n):
            a, b = self.ch(st), self.ch(st)
            if a != b:
                self.T(self.at(r.randrange(0, D_JAN), C_EVE), a, b, self.lg(60, 0.8, 5, 800), "mobile", "",
                       memo=self.ch(("AA", "饭钱", "", "车费")))

    def build_traders(self):
        """临沂 wholesale market traders and logistics firms."""
        P, r = self.P, self.rng
        cust_regions = SD_CITY + HN_CITY + SD_RURAL + HN_RURAL + ["hefei", "fuyang_ah", "sjz", "tianjin", "nj_gulou", "xa_yanta"]
        retailers = []
        for _ in range(1500):
            reg = self.ch(cust_regions)
            if RG[reg][:2] in ("37", "41"):
                retailers.append(self.acct(self.pid(RG[reg], 1960, 1995), self.bank_for(reg), reg, self.past(2008, 2023), "I",
                                           "retailer_customer"))
            else:
                retailers.append(self.ext_person(reg, "retailer_customer"))
        sup_regions = ["yiwu", "gz_baiyun", "weifang", "linyi_lz", "caoxian", "shouguang", "suzhou", "jinjiang", "linyi"]
        self.suppliers = [self.corp(self.ch(sup_regions), "supplier_factory") for _ in range(320)]
        self.logistics = []
        for _ in range(P["n_logistics"]):
            reg = self.ch(("linyi", "linyi_lz", "linyi_hd"))
            lg = self.corp(reg, "logistics_firm_linyi", bank=self.wpick([("LSBANK", 30), ("SDRCU", 20), ("ABC", 15), ("CCB", 20), ("ICBC", 15)]))
            self.logistics.append(lg)
            drivers = []
            for _k in range(r.randint(10, 35)):
                dreg = self.ch(["linyi", "linyi_hd", "heze", "jining", "xinxiang", "fuyang_ah", "sjz", "zhoukou"])
                drivers.append(self.acct(self.pid(RG[dreg], 1970, 1995), self.bank_for(dreg), dreg, self.past(2010, 2023), "I",
                                         "truck_driver"))
            for d in range(3, NDAYS, 7):
                for drv in drivers:
                    if r.random() < 0.25:
                        self.T(self.at(d + r.randint(0, 2), C_BIZ), lg, drv, self.lg(2500, 0.6, 300, 15000), "online", RG[reg],
                               memo="运费")
            fuel = self.corp("linyi", "fuel_company")
            for d in range(5, NDAYS, 14):
                self.T(self.at(d, C_BIZ), lg, fuel, self.lg(40000, 0.5, 5000, 300000), "online", RG[reg], memo="油款")
        for _ in range(P["n_trader"]):
            reg = self.ch(("linyi", "linyi", "linyi_hd", "linyi_lz"))
            h = self.pid(RG[self.ch(SD_RURAL + SD_CITY)], 1965, 1995)
            bank = self.wpick([("LSBANK", 30), ("SDRCU", 20), ("ABC", 15), ("ICBC", 15), ("CCB", 15), ("PSBC", 5)])
            a = self.acct(h, bank, reg, self.past(2008, 2022), "I", "wholesale_trader_linyi",
                          base=self.lg(80000, 0.8, 5000, 1000000))
            accs = [a]
            if r.random() < 0.4:
                accs.append(self.acct(self.cid(RG[reg]), self.wpick([("LSBANK", 40), ("SDRCU", 20), ("ICBC", 20), ("CCB", 20)]),
                                      reg, self.past(2012, 2023), "corp", "wholesale_trading_company",
                                      base=self.lg(150000, 0.8, 10000, 2000000)))
            if r.random() < 0.05:    # trader opening a new company account inside the data
                d = r.randrange(10, NDAYS - 40)
                accs.append(self.acct(self.cid(RG[reg]), self.ch(("LSBANK", "SDRCU", "ABC")), reg,
                                      d * DAY + 10 * HOUR, "corp", "new_trading_company", base=0))
            self.pop_main.append(a)
            custs = [self.ch(retailers) for _k in range(r.randint(8, 50))]
            sups = [self.ch(self.suppliers) for _k in range(r.randint(4, 20))]
            lgs = [self.ch(self.logistics) for _k in range(r.randint(1, 3))]
            scale = self.lg(8000, 0.6, 1500, 60000) / 100.0
            total = 0
            for cu in custs:
                for _k in range(r.randint(1, 5)):
                    d = r.randrange(0, NDAYS)
                    if D_SPRING - 5 <= d <= D_SPRING + 6:
                        continue
                    f = self.lg(scale, 0.8, 200, 300000)
                    total += f
                    self.T(self.at(d, C_DAY), cu, self.ch(accs), f, self.ch(("mobile", "mobile", "online")), "",
                           memo=self.ch(("货款", "", "结账", "拿货")))
            npay = max(2, len(sups) * 4)
            for _k in range(npay):
                d = r.randrange(0, NDAYS)
                self.T(self.at(d, C_BIZ), self.ch(accs), self.ch(sups), max(10000, int(total * 0.8 / npay * r.uniform(0.4, 1.6))),
                       "online", RG[reg], memo="货款")
            for d in range(r.randint(0, 6), NDAYS, 7):
                self.T(self.at(d, C_BIZ), a, self.ch(lgs), self.lg(1800, 0.7, 200, 20000), "mobile", RG[reg], memo="运费")
            w = self.wallet(h, reg)
            self.spend(a, w, 0, NDAYS, 2, RG[reg], med=300)
            self.atm_cash(a, 0, NDAYS, 0.5, reg, 2000)
            if len(accs) > 1:
                for _k in range(self.pois(6)):
                    self.T(self.at(r.randrange(NDAYS), C_BIZ), accs[1], a, self.lg(20000, 0.8, 1000, 300000), "online", RG[reg])
                staff = [self.acct(self.pid(RG[self.ch(SD_RURAL)], 1980, 2003), self.bank_for("linyi"), "linyi",
                                   self.past(2012, 2024), "I", "shop_staff") for _k in range(r.randint(1, 6))]
                for d in self.monthly(10):
                    for s in staff:
                        self.T(self.at(d, C_BIZ), accs[1], s, self.lg(4500, 0.2, 3000, 9000), "online", RG[reg], memo="工资")

    def build_ecom(self):
        """曹县/菏泽 e-commerce sellers (汉服、演出服、木制品)."""
        P, r = self.P, self.rng
        platforms = [self.corp("hz_xihu", "ecommerce_platform_settlement", bank="CMB"),
                     self.corp("sh_pudong", "ecommerce_platform_settlement", bank="ICBC"),
                     self.corp("bj_haidian", "ecommerce_platform_settlement", bank="CCB")]
        couriers = [self.corp(self.ch(("caoxian", "heze")), "courier_outlet",
                              bank=self.wpick([("SDRCU", 40), ("ABC", 20), ("PSBC", 20), ("ICBC", 20)])) for _ in range(14)]
        workshops = [self.acct(self.pid(RG["caoxian"], 1965, 1995), self.wpick(RURAL_SD_B), "caoxian", self.past(2010, 2022),
                               "I", "workshop_owner") for _ in range(60)]
        buyers = [self.ext_person(self.ch(OUT_CITY + SD_CITY + HN_CITY), "online_buyer") for _ in range(int(5000 * P["ecom_direct"]))]
        for _ in range(P["n_ecom"]):
            reg = self.ch(("caoxian", "caoxian", "caoxian", "heze", "juancheng"))
            h = self.pid(RG[reg], 1978, 2001)
            a = self.acct(h, self.wpick(RURAL_SD_B + [("ICBC", 15), ("CCB", 10)]), reg, self.past(2012, 2023), "I",
                          "ecommerce_seller_caoxian", base=self.lg(30000, 0.8, 2000, 500000))
            self.pop_main.append(a)
            plat = self.ch(platforms)
            peak = lambda d: 2.2 if (D_SINGLES - 25 <= d <= D_SINGLES + 5) else 1.8 if (D_DEC + 5 <= d <= D_SPRING - 10) else 0.6 if d > D_SPRING - 10 and d < D_SPRING + 10 else 1.0
            size = self.lg(6000, 0.8, 800, 80000) / 100.0
            for d in range(r.randint(0, 6), NDAYS, 7):
                self.T(self.at(d, C_BIZ), plat, a, int(size * peak(d) * r.uniform(0.5, 1.5) * 100), "other", "", memo="结算")
            rate = r.uniform(0.05, 0.4) * P["ecom_direct"]       # direct buyer payments per day
            for d in range(NDAYS):
                for _k in range(self.pois(rate * peak(d))):
                    self.T(self.at(d, C_EVE), self.ch(buyers), a, self.lg(160, 0.7, 19, 1500), "mobile", "",
                           memo=self.ch(("", "", "汉服", "衣服钱", "定金")))
            cu = self.ch(couriers)
            for d in range(r.randint(0, 13), NDAYS, 14):
                self.T(self.at(d, C_BIZ), a, cu, int(size * peak(d) * r.uniform(0.1, 0.25) * 100), "mobile", RG[reg], memo="快递费")
            ws = [self.ch(workshops) for _k in range(r.randint(1, 5))]
            for d in range(r.randint(0, 13), NDAYS, 14):
                self.T(self.at(d, C_BIZ), a, self.ch(ws), int(size * peak(d) * r.uniform(0.6, 1.4) * 100), "mobile", RG[reg],
                       memo="加工费")
            if r.random() < 0.5:
                self.T(self.at(r.randrange(NDAYS), C_BIZ), a, self.ch(self.suppliers), self.lg(30000, 0.6, 5000, 200000), "online",
                       RG[reg], memo="布料")
            w = self.wallet(h, reg)
            self.spend(a, w, 0, NDAYS, 2, RG[reg])

    def build_shops(self):
        """small shops taking card payments through 拉卡拉 merchant accounts, settled T+1 to the owner's card."""
        P, r = self.P, self.rng
        for _ in range(P["n_shop"]):
            reg = self.ch(["weifang", "luoyang", "jinan", "zz_erqi", "linyi", "zhoukou", "heze", "qingdao", "zhumadian"])
            h = self.pid(RG[reg], 1965, 1998)
            own = self.acct(h, self.bank_for(reg), reg, self.past(2010, 2023), "I", "shop_owner")
            m = self.acct(h, "LKLPAY", reg, self.past(2016, 2024), "corp", "lkl_merchant_account", base=0)
            self.pop_main.append(own)
            rate = r.uniform(0.2, 0.8) * P["shop_rate"]
            med = self.ch((35, 60, 120, 300))
            for d in range(NDAYS):
                day_sum = 0
                for _k in range(self.pois(rate)):
                    f = self.lg(med, 0.8, 3, 5000)
                    if self.T(self.at(d, C_DAY), self.ch(self.pos_payers), m, f, "pos", RG[reg], memo="消费"):
                        day_sum += f
                if day_sum:
                    self.T(d * DAY + DAY + 2 * HOUR + r.randrange(3 * HOUR), m, own, day_sum - day_sum * 6 // 1000,
                           "other", "", memo="商户结算")
            sup = self.ch(self.suppliers)
            for d in range(r.randint(0, 14), NDAYS, 14):
                self.T(self.at(d, C_BIZ), own, sup, self.lg(5000, 0.6, 500, 50000), "mobile", RG[reg], memo="进货")

    def build_families(self):
        """family pooling for a flat deposit, a car, or a bride price; often a new account with a large first payment"""
        P, r = self.P, self.rng
        for _ in range(P["n_family"]):
            reg = self.ch(SD_CITY + HN_CITY + HN_RURAL)
            h = self.pid(RG[reg], 1985, 2000)
            d = r.randrange(5, NDAYS - 5)
            new = r.random() < 0.55
            opened = (d - r.randint(1, 5)) * DAY + 10 * HOUR if new else self.past(2012, 2023)
            a = self.acct(h, self.bank_for(reg), reg, opened, "I", "family_purchase_new_account" if new else "family_purchase",
                          base=0 if new else None)
            rel = [self.ch(self.pop_main) for _k in range(r.randint(2, 6))]
            tot = 0
            for k, x in enumerate(rel):
                f = self.lg(40000, 0.7, 5000, 300000)
                tot += f
                self.T(d * DAY + r.randint(8 * HOUR, 21 * HOUR) - r.randint(0, 3) * DAY, x, a, f, "mobile", "", memo=self.ch(("", "买房", "凑钱", "借款")))
            if r.random() < 0.5:
                f = self.rng.randint(5, 30) * 1000000
                tot += f
                self.T(d * DAY + 9 * HOUR + r.randrange(HOUR), -1, a, f, "counter", RG[reg], "deposit", "现金存入")
            what = r.random()
            t = d * DAY + DAY + r.randint(9 * HOUR, 16 * HOUR)
            if what < 0.5:
                self.T(t, a, self.ch(self.developers), tot - tot % 100000, "counter", RG[reg], memo="购房首付")
            elif what < 0.85:
                self.T(t, a, self.ch(self.car_dealers), min(tot, self.lg(120000, 0.4, 50000, 400000)), "online", RG[reg], memo="购车款")
            else:
                self.T(t, a, self.ch(self.pop_main), tot - tot % 1000000 or tot, "mobile", RG[reg], memo="彩礼")
            w = self.wallet(h, reg)
            self.spend(a, w, d + 2, NDAYS, 2, RG[reg])

    # ------------------------------------------------------------ fraud world
    def build_fraud(self):
        P, r = self.P, self.rng
        slow = P["slow"]
        self.gangs = []
        for g in range(P["gangs"]):
            name, opr, cash, typ = GANGS[g % len(GANGS)]
            self.gangs.append(dict(name=name, op=opr, cash=cash, typ=typ, t1=[], t2=[], t3=[], exit=[]))
        # ---- U商 (USDT dealers): lawful buyers plus gang money
        self.ushang = []
        upstream = [self.ext_person(self.ch(("sz_futian", "gz_tianhe", "dongguan")), "usdt_upstream_dealer") for _ in range(6)]
        for u in upstream:
            self.a_role[u] = "ushang"
        for k in range(P["n_ushang"]):
            reg = self.ch(("zz_jinshui", "linyi", "jinan", "zz_zhongyuan", "qingdao", "luoyang"))
            h = self.pid(RG[reg], 1985, 2000)
            bank = self.ch(("ZYBANK", "LSBANK", "ABC", "SDRCU", "HNRCU")) if k % 2 == 0 else self.wpick(HN_BANKS + SD_BANKS)
            a = self.acct(h, bank, reg, self.past(2016, 2023), "I", "ushang_usdt_otc_dealer", role="ushang",
                          base=self.lg(50000, 0.6, 5000, 300000))
            self.node[a] = dict(kind="us", gang=-1, up=self.ch(upstream), reg=RG[reg])
            self.ushang.append(a)
            d0 = r.randrange(0, 60)
            for _k in range(r.randint(25, 110)):     # lawful crypto buyers
                d = r.randrange(d0, NDAYS)
                buyer = self.ch(self.pop_main) if r.random() < 0.4 else self.ext_person(self.ch(OUT_CITY), "crypto_buyer")
                f = self.lg(6000, 1.0, 300, 200000)
                t = self.at(d, C_ANY)
                if self.T(t, buyer, a, f, "mobile", ""):
                    self.T(t + r.randint(5 * MIN, 3 * HOUR), a, self.node[a]["up"], f - f * 3 // 1000 if f > 1000 else f,
                           "mobile", RG[reg])
        # ---- 跑分 participants: ordinary people renting their own old account to a platform
        self.paofen = []
        for k in range(P["n_paofen"]):
            src = r.random()
            reg = self.ch(SD_CITY + HN_CITY + HN_RURAL + ["caoxian"])
            h = self.pid(RG[reg], 1980, 2005)
            arch = self.ch(("paofen_student", "paofen_unemployed", "paofen_housewife", "paofen_worker"))
            a = self.acct(h, self.bank_for(reg), reg, self.past(2015, 2024), "I", arch, role="paofen",
                          base=self.lg(800, 1.0, 0, 10000))
            w0 = r.randrange(0, NDAYS - 20)
            w1 = min(NDAYS, w0 + r.randint(8, 70))
            self.node[a] = dict(kind="pf", gang=r.randrange(P["gangs"]), w0=w0 * DAY, w1=w1 * DAY, reg=RG[reg])
            self.paofen.append(a)
            self.light(a, h, reg, 0, NDAYS)
        # ---- card farmers
        farmed_pool = []
        for k in range(P["n_farmers_cf"]):
            home = self.ch(["huanggang", "yulin_gx", "huhhot", "harbin", "fugou", "shangcai", "caoxian", "nanyang",
                            "wh_hongshan", "luyi"])
            h = self.pid(RG[home], 1978, 2004)
            cities = r.sample(FARM_CITIES, r.randint(2, 5))
            if slow:
                start = r.randrange(-60, 60)
            else:
                start = r.randrange(-25, NDAYS - 40)
            n_target = r.randint(*P["farmer_cards"])
            accs = []
            d = start
            per_city = max(2, n_target // len(cities))
            for c in cities:
                for j in range(per_city):
                    bank = self.bank_for(c)
                    if bank in ("ALIPAY", "TENPAY"):
                        bank = "ICBC"
                    t = (d + j // 4) * DAY + r.randint(9 * HOUR, 16 * HOUR)
                    t -= t % 60
                    a = self.acct(h, bank, c, t, self.ch(("I", "II", "II")), "farmed_card", role="farmer_card", farmer=1, base=0)
                    accs.append(a)
                    # a tiny activation deposit on some cards
                    if r.random() < 0.4:
                        self.T(t + r.randint(5 * MIN, 2 * HOUR), -1, a, self.ch((1000, 2000, 5000, 10000)), "counter", RG[c],
                               "deposit", "开卡存入")
                d += r.randint(1, 4) + per_city // 4
            self.farmer_holders.append((h, accs))
            for a in accs:
                if r.random() < P["farmed_used"]:
                    op_day = self.a_open[a] // DAY + (r.randint(30, 120) if slow else r.randint(3, 40))
                    if op_day < NDAYS - 3:
                        farmed_pool.append((a, op_day))
        r.shuffle(farmed_pool)
        # ---- lawful look-alike: people who open several cards at once for ordinary reasons
        for _ in range(25):
            c = self.ch(SD_CITY + HN_CITY)
            h = self.pid(RG[c], 1980, 2002)
            d = r.randrange(0, NDAYS - 30)
            accs = [self.acct(h, self.bank_for(c), c, d * DAY + r.randint(9 * HOUR, 16 * HOUR), "I", "multi_card_lawful_new", base=0)
                    for _k in range(r.randint(3, 5))]
            emp = self.ch(self.employers)
            for dd in self.monthly(15, d + 5):
                self.T(self.at(dd, C_BIZ), emp, accs[0], self.lg(6000, 0.3, 3000, 15000), "other", "", memo="工资")
                self.T(self.at(dd + 1), accs[0], self.ch(accs[1:]), self.lg(2000, 0.5, 200, 8000), "mobile", RG[c])
        # ---- sold / rented ordinary accounts
        sold = []
        for a, leave in self.departed:     # factory workers selling the salary card after leaving
            if r.random() < (0.10 if slow else 0.05):
                sold.append((a, leave + r.randint(3, 30), "bought_old_worker_card"))
        for a in self.students:
            if r.random() < 0.025:
                sold.append((a, r.randrange(10, NDAYS - 20), "bought_student_card"))
        n_rent = int(P["t1_per_gang"] * P["gangs"] * P["old_share"] * 0.6)
        for _ in range(n_rent):
            reg = self.ch(SD_CITY + HN_CITY + HN_RURAL + SD_RURAL)
            h = self.pid(RG[reg], 1960, 2003)
            a = self.acct(h, self.bank_for(reg), reg, self.past(2009, 2023), "I",
                          self.ch(("rented_old_account", "bought_old_account", "bought_old_account")), base=self.lg(500, 1.2, 0, 20000))
            start = r.randrange(5, NDAYS - 15)
            if self.a_arch[a] == "rented_old_account":
                self.light(a, h, reg, 0, NDAYS)
            else:
                self.light(a, h, reg, 0, start)
            sold.append((a, start, self.a_arch[a]))
        r.shuffle(sold)
        self.cutoff = {}
        # ---- assign mule accounts to gangs and tiers
        G = self.gangs
        ng = len(G)

        def win(kind, day0):
            if slow:
                L = {"t1": (8, 50), "t2": (20, 90), "t3": (30, 120)}[kind]
            else:
                L = {"t1": (1, 8), "t2": (5, 40), "t3": (15, 90)}[kind]
            d0 = max(0, day0)
            return d0 * DAY, min(END, (d0 + r.randint(*L)) * DAY)

        def mk_ext(g, kind):
            reg = self.ch(OUT_CITY + MIGRANT_WORK + ["huanggang", "yulin_gx", "huhhot", "harbin", "nanning", "kunming"])
            a = self.ext_person(reg, "mule_%s_external" % kind)
            self.a_role[a] = "mule"
            self.a_base[a] = 0
            return a

        for g in range(ng):
            for kind, n in (("t1", P["t1_per_gang"]), ("t2", P["t2_per_gang"]), ("t3", P["t3_per_gang"])):
                for j in range(n):
                    u = r.random()
                    ext = {"t1": P["ext_share"] * 0.6, "t2": P["ext_share"] * 1.3, "t3": P["ext_share"] * 1.7}[kind]
                    if u < ext:
                        a = mk_ext(g, kind)
                        w0, w1 = win(kind, r.randrange(0, NDAYS - 3))
                    elif sold and (r.random() < P["old_share"] or not farmed_pool):
                        a, sd, arch = sold.pop()
                        if arch != "rented_old_account":
                            self.cutoff[a] = sd * DAY
                        self.a_role[a] = "mule"
                        self.a_arch[a] = "mule_%s_%s" % (kind, arch)
                        w0, w1 = win(kind, sd)
                    elif farmed_pool and farmed_pool[-1][1] < NDAYS - 3:
                        a, op_day = farmed_pool.pop()
                        self.a_role[a] = "mule"
                        self.a_arch[a] = "mule_%s_farmed_card" % kind
                        w0, w1 = win(kind, op_day)
                    else:
                        a = mk_ext(g, kind)
                        w0, w1 = win(kind, r.randrange(0, NDAYS - 3))
                    if w0 >= END - DAY:
                        w0 = END - 3 * DAY
                    self.node[a] = dict(kind=kind, gang=g, w0=w0, w1=max(w1, w0 + DAY), reg="")
                    G[g][kind].append(a)
            for j in range(8):
                a = mk_ext(g, "exit")
                self.node[a] = dict(kind="exit", gang=g, w0=0, w1=END, reg="")
                G[g]["exit"].append(a)
        self.gold = [self.corp(self.ch(("sz_futian", "sz_longgang", "dongguan", "puning")), "gold_jewellery_shop", bank=self.wpick(OUT_BANKS))
                     for _ in range(6)]
        # ---- victims, generated per first-tier card
        self.victim_list = []
        for g in range(ng):
            for a in G[g]["t1"]:
                nd = self.node[a]
                k = max(1, self.pois(P["victims_per_t1"]))
                for _ in range(k):
                    t = r.randint(nd["w0"], max(nd["w0"], nd["w1"] - HOUR))
                    self.victim(g, a, t)
        self.run_sim()

    def victim_time(self, t, typ):
        """victims pay when the scammer has them on the line: office hours, evenings, rarely deep night"""
        cum = C_BIZ if typ in ("police_gov", "subsidy_refund", "leader_acquaintance", "credit_record") else \
            C_EVE if typ in ("brushing", "romance", "game_trade", "fake_job") else C_DAY
        return self.at(t // DAY, cum)

    def light(self, a, h, reg, d0, d1):
        """ordinary light use of an account (income now and then, wallet top-ups, cash)"""
        if d1 <= d0:
            return
        w = self.wallet(h, reg)
        self.spend(a, w, d0, d1, 2.5, RG[reg])
        src = self.ch(self.pop_main)
        for d in self.monthly(self.rng.randint(1, 28), d0, d1):
            if self.rng.random() < 0.7:
                self.T(self.at(d), src, a, self.lg(1500, 0.6, 100, 8000), "mobile", "", memo=self.ch(("", "生活费", "工资")))
        self.atm_cash(a, d0, d1, 0.3, reg)

    def victim(self, g, first_card, t):
        P, r = self.P, self.rng
        typs = self.gangs[g]["typ"]
        if P["typo_bias"] and r.random() < 0.6:
            typ = self.ch(P["typo_bias"])
        else:
            typ = self.ch(typs)
        lo, hi, med, growth, gap = TYPO[typ]
        if r.random() < 0.2 and self.pop_main:
            v = self.ch(self.pop_main)
            vreg = self.a_region[v]
        else:
            reg = self.ch(OUT_CITY + OUT_CITY + SD_CITY + HN_CITY)
            v = self.ext_person(reg, "victim_%s" % typ)
            vreg = RG[reg]
            if RG[reg][:2] in ("37", "41") and r.random() < 0.5:
                self.a_bank[v] = self.bank_for(reg)
                if self.a_bank[v] in SUPPLY:
                    self.a_arch[v] = "victim_local_%s" % typ
        self.victims += 1
        reported = r.random() < P["report"]
        if reported:
            self.victim_reported += 1
        n = r.randint(lo, hi)
        amt = med * math.exp(r.gauss(0, 0.6))
        card = first_card
        t = self.victim_time(t, typ)
        ch = "counter" if typ in ("police_gov", "subsidy_refund") and r.random() < 0.3 else \
            "atm" if typ == "subsidy_refund" else self.ch(("mobile", "mobile", "mobile", "online"))
        for i in range(n):
            fen = int(round(min(max(amt, 10), 2000000) * 100))
            if typ in ("police_gov", "investment", "leader_acquaintance", "romance") and r.random() < 0.5:
                fen = max(100, fen - fen % 100000)
            dest = card
            if r.random() < P["pf_direct"]:
                pfs = [p for p in self.paofen if self.node[p]["w0"] <= t < self.node[p]["w1"]]
                if pfs:
                    dest = self.ch(pfs)
            if t >= END:
                break
            rep = reported and r.random() < P["report_pay"]
            if self.T(t, v, dest, fen, ch, vreg, memo=self.ch(("", "", "转账", "保证金", "投资款")), fk="victim_payment"):
                self.tx[-1] = self.tx[-1] + (("rep",) if rep else ())
                self.credit(dest, t, fen, 1 if reported else 99)
            amt *= growth * math.exp(r.gauss(0, 0.25))
            t2 = t + int(gap * HOUR * math.exp(r.gauss(0, 0.8))) + 60
            t = t2 if t2 // DAY == t // DAY else max(t + 60, self.victim_time(t2, typ))
            if r.random() < 0.4:
                card = self.pick(g, "t1", t, card)

    def pick(self, g, kind, t, default=None):
        pool = self.gangs[g][kind]
        live = [a for a in pool if self.node[a]["w0"] <= t < self.node[a]["w1"]]
        if live:
            return self.ch(live)
        if default is not None:
            return default
        best, bd = None, None
        for a in pool:
            nd = self.node[a]
            dist = nd["w0"] - t if t < nd["w0"] else t - nd["w1"]
            if bd is None or dist < bd:
                best, bd = a, dist
        return best

    # ---- discrete-event money movement
    def credit(self, a, t, fen, depth):
        """money reaches a fraud node at time t: queued, applied in time order"""
        if a not in self.node:
            return
        self.hseq += 1
        heapq.heappush(self.heap, (t, self.hseq, 0, a, fen, depth))

    def apply_credit(self, a, t, fen, depth):
        self.a_rep[a] = min(self.a_rep[a], depth)
        self.pool[a] = self.pool.get(a, 0) + fen
        self.pool_rep[a] = min(self.pool_rep.get(a, 99), depth)
        if not self.sched.get(a):
            self.sched[a] = True
            self.hseq += 1
            heapq.heappush(self.heap, (t + self.delay(a), self.hseq, 1, a, 0, 0))

    def delay(self, a):
        r, nd = self.rng, self.node[a]
        k = nd["kind"]
        if k == "pf":
            return int(r.uniform(1, 15) * MIN) if not self.P["slow"] else int(r.uniform(10, 120) * MIN)
        if k == "us":
            return int(r.uniform(10, 180) * MIN)
        if self.P["slow"]:
            m = {"t1": (6 * HOUR, 3 * DAY), "t2": (DAY, 5 * DAY), "t3": (DAY, 7 * DAY)}.get(k, (HOUR, DAY))
        else:
            m = {"t1": (2 * MIN, 40 * MIN), "t2": (10 * MIN, 4 * HOUR), "t3": (30 * MIN, 12 * HOUR)}.get(k, (MIN, HOUR))
        return int(math.exp(r.uniform(math.log(m[0]), math.log(m[1]))))

    def bizshift(self, t):
        d, s = divmod(t, DAY)
        if s < 9 * HOUR:
            return d * DAY + 9 * HOUR + self.rng.randrange(2 * HOUR)
        if s > 19 * HOUR:
            return (d + 1) * DAY + 9 * HOUR + self.rng.randrange(2 * HOUR)
        return t

    def split(self, fen, k, round_unit):
        if k <= 1 or fen < 200000:
            return [fen]
        w = [self.rng.uniform(0.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = [int(fen * x / s) for x in w]
        parts = [p - p % round_unit if p > round_unit * 2 else p for p in parts]
        parts[-1] += fen - sum(parts)
        return [p for p in parts if p > 0]

    def run_sim(self):
        r, slow = self.rng, self.P["slow"]
        while self.heap:
            t, _, typ, a, cf, cd = heapq.heappop(self.heap)
            if typ == 0:
                self.apply_credit(a, t, cf, cd)
                continue
            self.sched[a] = False
            fen = self.pool.get(a, 0)
            if fen <= 0 or t >= END:
                continue
            depth = self.pool_rep.get(a, 99)
            self.pool[a] = 0
            self.pool_rep[a] = 99
            nd = self.node[a]
            k = nd["kind"]
            if slow and k in ("t1", "t2", "t3"):
                t = self.bizshift(t)
                if t >= END:
                    continue
            nd_reg = nd.get("reg") or RG[self.gangs[nd["gang"]]["op"]] if nd["gang"] >= 0 else nd.get("reg", "")
            if k == "pf":
                keep = fen * r.randint(15, 30) // 1000
                g = nd["gang"]
                to = self.pick(g, self.ch(("t2", "t2", "t3")), t)
                self.send(t, a, to, fen - keep, "paofen", nd["reg"], depth)
                continue
            if k == "us":
                self.send(t, a, nd["up"], fen - fen * 3 // 1000, "ushang", nd["reg"], depth)
                continue
            if k == "exit":
                continue
            g = nd["gang"]
            u = r.random()
            if k == "t1":
                opts = [("t2", 0.72), ("pf", 0.13), ("us", 0.05), ("t3", 0.10)]
            elif k == "t2":
                opts = [("t3", 0.42), ("atm", 0.22 if not slow else 0.08), ("us", 0.16 if not slow else 0.3),
                        ("pf", 0.05), ("exit", 0.12), ("gold", 0.03)]
            else:
                opts = [("atm", 0.45 if not slow else 0.15), ("us", 0.25 if not slow else 0.4), ("exit", 0.22 if not slow else 0.35),
                        ("gold", 0.08 if not slow else 0.10)]
            dest = self.wpick(opts)
            if dest == "atm":
                self.atm_out(a, t, fen, g, depth)
                continue
            nparts = 1 if fen < 500000 else r.choice((1, 2, 2, 3)) if not slow else r.choice((2, 3, 3, 4))
            parts = self.split(fen, nparts, 10000 if slow else 100)
            tt = t
            for p in parts:
                if dest == "pf":
                    pfs = [x for x in self.paofen if self.node[x]["w0"] <= tt < self.node[x]["w1"]]
                    to = self.ch(pfs) if pfs else self.pick(g, "t2", tt)
                elif dest == "us":
                    to = self.ch(self.ushang)
                elif dest == "gold":
                    to = self.ch(self.gold)
                else:
                    to = self.pick(g, dest, tt)
                if to == a:
                    to = self.pick(g, "exit", tt)
                kind = "paofen" if self.node.get(to, {}).get("kind") == "pf" else "ushang" if dest == "us" else \
                    "cashout" if dest == "gold" else "layering"
                self.send(tt, a, to, p, kind, nd_reg, depth)
                tt += r.randint(20, 400) if not slow else r.randint(HOUR, DAY)
                if slow:
                    tt = self.bizshift(tt)

    def send(self, t, a, to, fen, kind, reg, depth):
        ch = self.ch(("mobile", "mobile", "online"))
        memo = self.ch(("", "", "", "货款", "还款")) if not self.P["slow"] else self.ch(("货款", "往来款", "", "工程款", "借款"))
        if self.T(t, a, to, fen, ch, reg, memo=memo, fk=kind):
            self.credit(to, t, fen, depth + 1 if depth < 99 else 99)
        else:
            self.pool[a] = self.pool.get(a, 0) + fen   # could not move (period end)

    def atm_out(self, a, t, fen, g, depth):
        r = self.rng
        nd = self.node[a]
        if "atm_reg" not in nd:     # each card is cashed out by one crew in one far-away city
            nd["atm_reg"] = RG[self.ch(self.gangs[g]["cash"])]
            nd["atm_chunk"] = self.ch((2000, 2500, 5000)) * 100
            nd["atm_next"] = 0
        reg = nd["atm_reg"]
        chunk_max = nd["atm_chunk"]
        daily = (20000 if not self.P["slow"] else 10000) * 100
        t += int(r.uniform(1, 10) * HOUR) if not self.P["slow"] else int(r.uniform(10, 72) * HOUR)
        t = max(t, nd["atm_next"])
        left = fen
        while left >= 10000 and t < END:
            used = 0
            tt = t
            while left >= 10000 and used < daily:
                c = min(left, chunk_max, daily - used)
                c -= c % 10000
                if c <= 0 or not self.T(tt, a, -1, c, "atm", reg, "withdrawal", fk="cashout"):
                    break
                used += c
                left -= c
                tt += r.randint(40, 240)
            nd["atm_next"] = max(tt, (t // DAY + 1) * DAY + 6 * HOUR)
            if used == 0:
                break
            t = nd["atm_next"] + r.randint(0, 14 * HOUR)

    # ------------------------------------------------------------ output
    def finish(self, out, truth):
        r = self.rng
        P = self.P
        cut = self.cutoff
        tx = sorted((x for x in self.tx if x[9] or not ((x[2] in cut and x[0] >= cut[x[2]]) or (x[3] in cut and x[0] >= cut[x[3]]))),
                    key=lambda x: (x[0], x[1]))
        n = len(self.a_id)
        has_row = [self.a_bank[i] in SUPPLY and self.a_open[i] < END for i in range(n)]
        vis = []
        for x in tx:
            t, frm, to = x[0], x[2], x[3]
            ok = False
            for a in (frm, to):
                if a >= 0 and has_row[a] and t >= SUPPLY_S[self.a_bank[a]]:
                    ok = True
            vis.append(ok)
        # balances: true initial balance lifted so that no account goes below zero
        bal = [0] * n
        low = [0] * n
        for x in tx:
            frm, to, f = x[2], x[3], x[4]
            if frm >= 0:
                bal[frm] -= f
                if bal[frm] < low[frm]:
                    low[frm] = bal[frm]
            if to >= 0:
                bal[to] += f
        init = [self.a_base[i] + (-low[i]) for i in range(n)]
        bal = list(init)
        opening = [None] * n
        for x, v in zip(tx, vis):
            frm, to, f = x[2], x[3], x[4]
            for a in (frm, to):
                if a >= 0 and v and opening[a] is None:
                    opening[a] = bal[a]
            if frm >= 0:
                bal[frm] -= f
            if to >= 0:
                bal[to] += f
        appears = [False] * n
        os.makedirs(out, exist_ok=True)
        ids = []
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region", "kind", "memo"])
            k = 0
            for x, v in zip(tx, vis):
                if not v:
                    ids.append(None)
                    continue
                k += 1
                tid = "ZY%07d" % k
                ids.append(tid)
                t, _, frm, to, f, chn, reg, kind, memo = x[:9]
                if frm >= 0:
                    appears[frm] = True
                if to >= 0:
                    appears[to] = True
                w.writerow([tid, iso(t), self.a_id[frm] if frm >= 0 else "", self.a_id[to] if to >= 0 else "",
                            fen_str(f), "CNY", chn, reg, kind, memo])
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class", "opening_balance"])
            for i in range(n):
                if not has_row[i]:
                    continue
                if self.a_open[i] >= SUPPLY_S[self.a_bank[i]]:
                    ob = init[i]
                else:
                    ob = opening[i] if opening[i] is not None else init[i]
                w.writerow([self.a_id[i], self.a_bank[i], self.a_holder[i], iso(self.a_open[i]), self.a_region[i],
                            self.a_cls[i], fen_str(ob)])
        # ---- labels: what an anti-fraud centre knows
        labelled = [False] * n
        for i in range(n):
            role = self.a_role[i]
            if role not in ("mule", "paofen", "ushang") or not (has_row[i] or appears[i]):
                continue
            d = self.a_rep[i]
            if role == "mule":
                p = 0.66 if d <= 1 else 0.4 if d == 2 else 0.2 if d < 99 else 0.05
            elif role == "paofen":
                p = 0.45 if d <= 2 else 0.2 if d < 99 else 0.04
            else:
                p = 0.3 if d < 99 else 0.02
            labelled[i] = r.random() < p
        farmer_lab = {}
        for h, accs in self.farmer_holders:
            anyl = any(labelled[a] for a in accs)
            farmer_lab[h] = r.random() < (0.55 if anyl else 0.15)
        nlab_tx = 0
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for x, tid in zip(tx, ids):
                if tid and x[9] == "victim_payment" and len(x) > 10:
                    w.writerow(["transfer", tid, "fraud"])
                    nlab_tx += 1
            for i in range(n):
                if labelled[i]:
                    w.writerow(["account", self.a_id[i], "mule"])
            for h, accs in self.farmer_holders:
                if farmer_lab[h]:
                    w.writerow(["holder", h, "card_farmer"])
        if truth:
            with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["record", "id", "bank", "holder", "has_row", "role", "archetype", "card_farmer", "opened_at",
                            "labelled", "farmer_labelled", "extract_start"])
                for b in BANKS:
                    if b[2]:
                        w.writerow(["institution", b[0], b[0], "", "", "", "", "", "", "", "", b[2]])
                for i in range(n):
                    if not (has_row[i] or appears[i]):
                        continue
                    h = self.a_holder[i]
                    w.writerow(["account", self.a_id[i], self.a_bank[i], h, 1 if has_row[i] else 0, self.a_role[i],
                                self.a_arch[i], self.a_farmer[i], iso(self.a_open[i]), 1 if labelled[i] else 0,
                                1 if farmer_lab.get(h) else 0, SUPPLY[self.a_bank[i]] if has_row[i] else ""])
            with open(os.path.join(out, "truth_transfers.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["txn_id", "kind"])
                for x, tid in zip(tx, ids):
                    if tid and x[9]:
                        w.writerow([tid, x[9]])
        # ---- stats
        st = dict(accounts_with_rows=sum(has_row), accounts_in_data=sum(1 for i in range(n) if has_row[i] or appears[i]),
                  transfers=sum(1 for v in vis if v), transfers_generated=len(tx))
        for role in ("mule", "paofen", "ushang", "farmer_card"):
            st["%s_with_row" % role] = sum(1 for i in range(n) if has_row[i] and self.a_role[i] == role)
            st["%s_in_data" % role] = sum(1 for i in range(n) if (has_row[i] or appears[i]) and self.a_role[i] == role)
        fr = [i for i in range(n) if (has_row[i] or appears[i]) and self.a_role[i] in ("mule", "paofen", "ushang")]
        st["fraud_accounts_labelled"] = sum(1 for i in fr if labelled[i])
        st["fraud_accounts_in_data"] = len(fr)
        frr = [i for i in fr if has_row[i]]
        st["fraud_accounts_with_row_labelled"] = sum(1 for i in frr if labelled[i])
        vp = [x for x, v in zip(tx, vis) if v and x[9] == "victim_payment"]
        st["victim_payments_in_data"] = len(vp)
        st["victim_payments_labelled"] = nlab_tx
        for k in ("layering", "cashout", "paofen", "ushang"):
            st["fraud_tx_%s" % k] = sum(1 for x, v in zip(tx, vis) if v and x[9] == k)
        st["victims"] = self.victims
        st["victims_reported"] = self.victim_reported
        st["card_farmers"] = len(self.farmer_holders)
        st["card_farmers_labelled"] = sum(1 for h, _ in self.farmer_holders if farmer_lab[h])
        st["farmer_cards_with_row"] = sum(1 for _, accs in self.farmer_holders for a in accs if has_row[a])
        st["farmer_cards_used_with_row"] = sum(1 for _, accs in self.farmer_holders for a in accs
                                               if has_row[a] and self.a_role[a] == "mule")
        return st


def iso(s):
    return (START + timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%S+08:00")


def main():
    ap = argparse.ArgumentParser(description="齐鲁中原 synthetic world for fanzha (interchange format v1)")
    ap.add_argument("--variant", default="baseline", choices=VARIANTS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out_zhongyuan")
    ap.add_argument("--stats", action="store_true", help="print counts to stderr")
    ap.add_argument("--truth", action="store_true", help="also write truth.csv and truth_transfers.csv")
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.variant, a.seed)
    w.build_lawful()
    w.student_social()
    w.build_fraud()
    st = w.finish(a.out, a.truth)
    if a.stats:
        st["seconds"] = round(time.time() - t0, 1)
        for k, v in st.items():
            print("%-36s %s" % (k, v), file=sys.stderr)


if __name__ == "__main__":
    main()
