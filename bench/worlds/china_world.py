#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Written for the fanzha project. Licensed under the Apache License, Version 2.0.
"""china_world: an independently written synthetic world of Chinese retail banking with telecom fraud.

It writes accounts.csv, transfers.csv and labels.csv in the fanzha interchange format (v1). It is a
second world model, written without reading the project's own generator or detector, so that mule
detection can be measured on data whose assumptions its training never saw.

The world is an event simulation over a data window that starts at an arbitrary date. Every account
keeps a running balance (old accounts start with the balance they held at the window start), every
debit is checked against it, and every handler only writes transfers at its own time, so the output
is time-ordered and no account spends money it does not hold. External accounts (rural credit
unions, payment firms, loan platforms, OTC sellers) are not in accounts.csv and are not checked.

Usage:
    python3 china_world.py --out DIR --seed N --regime NAME [--persons P] [--days D] [--start YYYY-MM-DD]
Standard library only; deterministic for (seed, regime, persons, days, start).
"""

import argparse
import calendar
import csv
import datetime as dt
import heapq
import math
import os
import random
import sys
import time
import zlib

DAY = 86400
HOUR = 3600
MIN = 60
TZ = 8 * HOUR
INF = 1 << 62
DEBUG = bool(os.environ.get("CHINA_WORLD_DEBUG"))

# ----------------------------------------------------------------------------------------------
# Geography: (GB/T 2260 code, name, weight as a place to live, weight as a place of household
# registration, kind, city commercial bank code or "").
# kinds: metro, factory, trade, city, county; the counties are where many migrants come from.
PLACES = [
    ("110105", "北京朝阳", 5.0, 0.5, "metro", "BOBJ"),
    ("110101", "北京东城", 1.5, 0.4, "metro", "BOBJ"),
    ("310115", "上海浦东", 5.0, 0.5, "metro", "BOSH"),
    ("310101", "上海黄浦", 1.5, 0.3, "metro", "BOSH"),
    ("120101", "天津和平", 1.5, 0.6, "metro", "TJB"),
    ("440106", "广州天河", 4.0, 0.6, "metro", "GZCB"),
    ("440304", "深圳福田", 3.0, 0.2, "metro", ""),
    ("440306", "深圳宝安", 3.5, 0.2, "factory", ""),
    ("441900", "东莞", 4.0, 0.3, "factory", "DRCB"),
    ("440604", "佛山禅城", 2.0, 0.4, "factory", "SDRCB"),
    ("330106", "杭州西湖", 3.0, 0.5, "metro", "HZCB"),
    ("330782", "义乌", 1.2, 0.3, "trade", ""),
    ("330203", "宁波海曙", 1.5, 0.4, "factory", "NBCB"),
    ("320102", "南京玄武", 2.0, 0.6, "metro", "NJCB"),
    ("320505", "苏州虎丘", 3.0, 0.5, "factory", "SZB"),
    ("420106", "武汉武昌", 2.5, 1.0, "metro", "HKB"),
    ("430102", "长沙芙蓉", 1.8, 0.8, "metro", "BCS"),
    ("510104", "成都锦江", 2.8, 1.2, "metro", "BOCD"),
    ("500103", "重庆渝中", 2.5, 1.5, "metro", "CQCB"),
    ("610103", "西安碑林", 2.0, 1.0, "metro", "XACB"),
    ("410102", "郑州中原", 2.0, 1.5, "metro", "ZZB"),
    ("340102", "合肥瑶海", 1.5, 1.0, "city", "HSB"),
    ("360102", "南昌东湖", 1.0, 0.8, "city", "JXB"),
    ("350102", "福州鼓楼", 1.2, 0.6, "city", "FJHXB"),
    ("350203", "厦门思明", 1.2, 0.3, "city", "XMB"),
    ("370102", "济南历下", 1.5, 1.0, "city", "QLB"),
    ("370202", "青岛市南", 1.5, 0.6, "city", "QDB"),
    ("210102", "沈阳和平", 1.2, 0.9, "city", "SJB"),
    ("230102", "哈尔滨道里", 1.0, 0.9, "city", "HRBB"),
    ("220102", "长春南关", 0.8, 0.7, "city", "JLB"),
    ("150102", "呼和浩特新城", 0.6, 0.5, "city", "NMGB"),
    ("140105", "太原小店", 0.9, 0.8, "city", "JSHB"),
    ("130102", "石家庄长安", 1.0, 1.0, "city", "HEBB"),
    ("530102", "昆明五华", 1.0, 0.8, "city", "FDB"),
    ("520102", "贵阳南明", 0.8, 0.7, "city", "GYB"),
    ("450102", "南宁兴宁", 0.9, 0.8, "city", "BGB"),
    ("620102", "兰州城关", 0.6, 0.6, "city", "LZB"),
    ("650102", "乌鲁木齐天山", 0.5, 0.4, "city", "UQB"),
    ("460105", "海口秀英", 0.5, 0.2, "city", ""),
    ("421102", "黄冈黄州", 0.3, 2.0, "county", ""),
    ("411602", "周口川汇", 0.3, 2.2, "county", ""),
    ("411502", "信阳浉河", 0.3, 1.8, "county", ""),
    ("411402", "商丘梁园", 0.3, 1.6, "county", ""),
    ("511302", "南充顺庆", 0.3, 1.8, "county", ""),
    ("511702", "达州通川", 0.3, 1.5, "county", ""),
    ("341202", "阜阳颍州", 0.3, 2.0, "county", ""),
    ("341502", "六安金安", 0.3, 1.2, "county", ""),
    ("430502", "邵阳双清", 0.3, 1.6, "county", ""),
    ("430406", "衡阳雁峰", 0.3, 1.2, "county", ""),
    ("360702", "赣州章贡", 0.3, 1.6, "county", ""),
    ("360902", "宜春袁州", 0.2, 1.0, "county", ""),
    ("520502", "毕节七星关", 0.2, 1.4, "county", ""),
    ("520302", "遵义红花岗", 0.3, 1.0, "county", ""),
    ("450902", "玉林玉州", 0.3, 1.2, "county", ""),
    ("620502", "天水秦州", 0.2, 0.9, "county", ""),
    ("440902", "茂名茂南", 0.3, 1.0, "county", ""),
    ("231202", "绥化北林", 0.2, 0.8, "county", ""),
    ("230202", "齐齐哈尔龙沙", 0.2, 0.7, "county", ""),
    ("150502", "通辽科尔沁", 0.2, 0.6, "county", ""),
    ("371702", "菏泽牡丹", 0.3, 1.4, "county", ""),
    ("371302", "临沂兰山", 0.4, 1.2, "county", ""),
    ("130602", "保定竞秀", 0.4, 1.0, "county", ""),
    ("130403", "邯郸丛台", 0.3, 1.0, "county", ""),
    # places often named in cash-out reports; ordinary people live there too
    ("350524", "安溪", 0.25, 0.4, "county", ""),
    ("450126", "宾阳", 0.2, 0.4, "county", ""),
    ("460400", "儋州", 0.2, 0.3, "county", ""),
    ("533102", "瑞丽", 0.1, 0.2, "county", ""),
    ("440904", "茂名电白", 0.25, 0.5, "county", ""),
    ("445202", "揭阳榕城", 0.3, 0.5, "county", ""),
    ("532801", "景洪", 0.15, 0.2, "county", ""),
]
PLACE = {p[0]: p for p in PLACES}
CODES = [p[0] for p in PLACES]
CITY_CODES = [p[0] for p in PLACES if p[4] != "county"]
COUNTY_CODES = [p[0] for p in PLACES if p[4] == "county"]
FACTORY_CODES = [p[0] for p in PLACES if p[4] in ("factory", "trade")]
OPS_PLACES = ["441900", "440306", "350524", "450126", "460400", "533102", "440904", "445202", "532801"]
FARMER_HOMES = ["421102", "450126", "411502", "360702", "511702", "430502", "520502", "231202", "150502"]


def prov(code):
    return code[:2]


BIG = [("ICBC", 20), ("CCB", 18), ("ABC", 16), ("BOC", 12), ("BOCOM", 7), ("CMB", 9), ("PSBC", 10)]
JOINT = [("CITIC", 2), ("CIB", 2), ("SPDB", 1.5), ("CMBC", 1.5), ("PAB", 1.5), ("CEB", 1.2)]
BINS = {
    "ICBC": ["622202", "621226", "622208", "621558"], "CCB": ["621700", "622700", "621284", "436742"],
    "ABC": ["622848", "622845", "621336", "622823"], "BOC": ["621661", "621785", "621756", "456351"],
    "BOCOM": ["622260", "622262", "621069"], "CMB": ["621483", "622588", "621286", "622575"],
    "PSBC": ["621799", "622188", "621098", "622150"], "CITIC": ["622690", "621768", "622696"],
    "CIB": ["622909", "622908", "621977"], "SPDB": ["622521", "621792", "622518"],
    "CMBC": ["622622", "621691", "622617"], "PAB": ["622155", "621626", "622156"],
    "CEB": ["622660", "621489", "622663"],
}
CORP_LEN = {"ICBC": 19, "CCB": 20, "ABC": 17, "BOC": 12, "BOCOM": 21, "CMB": 15, "PSBC": 18}

# Hour-of-day profiles (local time, 0..23).
PROFILES = {
    "day": [1, .5, .3, .2, .2, .4, 1.5, 3, 5, 6, 7, 8, 9, 7, 6, 6, 6, 7, 9, 10, 10, 8, 5, 2.5],
    "night": [8, 8, 7, 6, 5, 3, 2, 2, 1, .8, .8, 1, 2, 2, 1, 1, 1.5, 2, 3, 4, 5, 6, 7, 8],
    "late": [5, 4, 3, 2, 1, .5, 1, 2, 3, 3, 3, 4, 5, 4, 3, 3, 3, 4, 6, 8, 9, 9, 8, 7],
    "old": [.2, .1, .1, .1, .3, 1, 4, 7, 9, 9, 8, 6, 4, 4, 5, 6, 6, 5, 4, 3, 2, 1, .5, .3],
    "office": [0, 0, 0, 0, 0, 0, 0, .2, 2, 8, 10, 9, 5, 6, 9, 10, 9, 7, 1, 0, 0, 0, 0, 0],
    "eve": [2, 1, .5, .2, .1, .1, .3, 1, 2, 3, 4, 5, 5, 4, 4, 4, 5, 6, 8, 10, 11, 10, 7, 4],
    "fraud_day": [0, 0, 0, 0, 0, 0, 0, .1, 2, 8, 10, 9, 6, 7, 9, 10, 8, 4, .5, 0, 0, 0, 0, 0],
    "atm_night": [6, 7, 7, 6, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5],
    "anytime": [3, 3, 2, 2, 2, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3],
}

SHOP_TYPES = {
    # median yuan, sigma, opens, closes (26 = 2 am next day), popularity, supplier
    "grocery": (28, 0.8, 7, 23, 1.5, "wholesale"),
    "restaurant": (45, 0.6, 10, 22, 1.5, "wholesale"),
    "breakfast": (9, 0.5, 6, 10, 1.2, "wholesale"),
    "fruit": (26, 0.6, 8, 22, 1.0, "farm"),
    "nightmarket": (75, 0.7, 18, 26, 1.0, "wholesale"),
    "barber": (40, 0.5, 9, 21, 0.6, "none"),
    "repair": (90, 0.8, 9, 20, 0.4, "parts"),
    "pharmacy": (55, 0.8, 8, 22, 0.6, "wholesale"),
    "tea": (18, 0.4, 10, 23, 1.2, "wholesale"),
}

# Fraud typologies (domain.md ids). n: installments; a0: first amount (yuan); g: growth per
# installment; gap: minutes between installments (lo, hi; log-uniform); prof: hour profile;
# vic: preferred victims by archetype; memo: words a few victims write; rebate: small money back;
# fund: how a victim who runs short finds more; ch: channel of the victim's payments.
TYP = {
    "brushing": dict(n=(3, 8), a0=(100, 600), g=(1.3, 2.5), gap=(5, 1200), prof="eve",
                     vic={"student": 3, "white": 2, "gig": 2, "migrant": 1, "night": 1, "shop": .5},
                     memo=["垫付", "任务单", "做单", "返利"], rebate="brush", fund=["family", "loan"]),
    "ecommerce_cs": dict(n=(2, 6), a0=(1000, 15000), g=(.8, 1.5), gap=(3, 40), prof="day",
                         vic={"white": 2, "student": 1.5, "retiree": 1, "migrant": 1, "shop": 1},
                         memo=["退款", "理赔", "保证金", "备用金"], rebate=None, fund=["loan", "own"]),
    "investment": dict(n=(3, 10), a0=(5000, 50000), g=(1.0, 1.8), gap=(360, 7200), prof="eve",
                       vic={"white": 3, "retiree": 2, "boss": 1.5, "shop": 1, "landlord": 1},
                       memo=["投资", "入金", "理财"], rebate="profit", fund=["own", "family", "loan"]),
    "loan_card": dict(n=(2, 5), a0=(300, 3000), g=(1.3, 2.2), gap=(20, 1440), prof="day",
                      vic={"migrant": 3, "gig": 2, "night": 1, "student": 1, "shop": 1},
                      memo=["解冻费", "保证金", "验资", "流水"], rebate=None, fund=["family"]),
    "credit_record": dict(n=(1, 4), a0=(3000, 30000), g=(.8, 1.3), gap=(10, 180), prof="day",
                          vic={"student": 2, "white": 2, "gig": 1}, memo=["注销", "还款"], rebate=None,
                          fund=["loan"]),
    "police_gov": dict(n=(1, 4), a0=(20000, 200000), g=(.6, 1.5), gap=(30, 2000), prof="fraud_day",
                       vic={"retiree": 3, "white": 2, "rural_parent": 1, "landlord": 1.5},
                       memo=["资金清查", "安全账户"], rebate=None, fund=["own"]),
    "romance": dict(n=(4, 12), a0=(2000, 30000), g=(1.2, 2.0), gap=(1440, 7200), prof="eve",
                    vic={"white": 3, "retiree": 1, "shop": 1, "boss": 1, "night": 1},
                    memo=["充值", "入金"], rebate="profit", fund=["own", "family", "loan"]),
    "leader_acquaintance": dict(n=(1, 2), a0=(10000, 80000), g=(.5, 1.2), gap=(10, 120), prof="office",
                                vic={"white": 3, "boss": 2, "shop": 1}, memo=["借款", "货款"], rebate=None,
                                fund=["own"]),
    "game_trade": dict(n=(1, 3), a0=(100, 3000), g=(1.0, 2.0), gap=(10, 300), prof="eve",
                       vic={"student": 4, "gig": 1, "night": 1}, memo=["装备", "账号"], rebate=None,
                       fund=["family"]),
    "shopping_service": dict(n=(1, 3), a0=(200, 5000), g=(1.0, 1.5), gap=(10, 1440), prof="eve",
                             vic={"white": 2, "student": 2, "migrant": 1}, memo=["货款", "定金"],
                             rebate=None, fund=[]),
    "prize": dict(n=(1, 3), a0=(500, 5000), g=(1.5, 3.0), gap=(20, 600), prof="day",
                  vic={"retiree": 2, "rural_parent": 2, "migrant": 1}, memo=["手续费", "个人所得税"],
                  rebate=None, fund=["own"]),
    "subsidy_refund": dict(n=(1, 2), a0=(2000, 20000), g=(1.0, 1.5), gap=(10, 60), prof="day",
                           vic={"retiree": 2, "rural_parent": 1, "white": 1}, memo=["退税"], rebate=None,
                           fund=["own"], ch="atm"),
    "accident_kidnap": dict(n=(1, 2), a0=(5000, 50000), g=(.5, 1.0), gap=(20, 240), prof="day",
                            vic={"retiree": 2, "rural_parent": 3}, memo=["医疗费"], rebate=None,
                            fund=["own"]),
    "fake_job": dict(n=(1, 3), a0=(100, 1000), g=(1.0, 2.0), gap=(60, 2880), prof="day",
                     vic={"student": 3, "migrant": 2, "gig": 1}, memo=["培训费", "服装费", "介绍费"],
                     rebate=None, fund=[]),
    "phone_bill": dict(n=(1, 2), a0=(5000, 50000), g=(.8, 1.5), gap=(30, 600), prof="fraud_day",
                       vic={"retiree": 3, "rural_parent": 1}, memo=["欠费"], rebate=None, fund=["own"]),
    "parcel": dict(n=(1, 3), a0=(5000, 80000), g=(.8, 1.5), gap=(30, 1440), prof="fraud_day",
                   vic={"white": 2, "student": 1, "retiree": 1}, memo=["保证金"], rebate=None, fund=["own"]),
    "military_purchase": dict(n=(1, 3), a0=(5000, 50000), g=(1.0, 1.6), gap=(60, 2880), prof="office",
                              vic={"shop": 4, "wholesaler": 3, "boss": 2}, memo=["货款"], rebate=None,
                              fund=["own"]),
}

# ----------------------------------------------------------------------------------------------
# Regimes. Each one changes opening dates, activity, amounts, chain shapes and timing.
BASE = dict(
    desc="mixed world: a bit of everything",
    start_month=None,  # None: any month
    arch_kids=dict(white=.33, migrant=.27, student=.10, gig=.07, night=.05, shop=.055, landlord=.02,
                   boss=.015, daigou=.015, collector=.012, wholesaler=.008),
    landlord_parent=.08,
    spend_mult=1.0, amount_mult=1.0, ord_prof="day", night_extra=0.0,
    old_years=(0.3, 14.0),    # how long before the window ordinary accounts were opened (years, log-uniform)
    new_acct=.04, dormant=.08, travel=.06, weddings=.004, big_buy=.02, promo_openers=.004,
    cases_per_k=22, gangs=(5, 8),
    typ=dict(brushing=.2, ecommerce_cs=.13, investment=.13, loan_card=.1, credit_record=.06, police_gov=.08,
             romance=.06, leader_acquaintance=.06, game_trade=.04, shopping_service=.04, prize=.02,
             subsidy_refund=.02, accident_kidnap=.02, fake_job=.02, phone_bill=.01, parcel=.01,
             military_purchase=.01),
    typ_amount=1.0,
    mix=dict(rented=.35, aged=.20, fresh=.25, farmer=.15, shell=.05),
    speed=dict(fast=.4, mixed=.4, slow=.2),
    layers={2: .35, 3: .35, 4: .2, 5: .1},
    per_card=(2, 8), use_days=(2, 8), lanes=(1, 3), merge=(1, 4), split_p=.3, skip_p=.08, mid_exit_p=.1,
    cashout=dict(atm=.5, counter=.1, exit=.4),
    fresh_lag=(0.3, 5), aged_lag=(14, 200), return_p=.25, runner_p=.3,
    fraud_prof=None, gang_prof=None, atm_prof="atm_night",
    farmers_extra=(.3, .9), ext_victim_p=.06,
)


def regime(name):
    r = dict(BASE)
    if name == "baseline":
        pass
    elif name == "rented_heavy":
        r.update(
            desc="most mules are rented or bought old accounts; slow, deep layering; large investment "
                 "and romance losses",
            old_years=(1.0, 18.0), cases_per_k=18, spend_mult=.85, amount_mult=1.1, dormant=.15,
            typ=dict(investment=.25, romance=.15, police_gov=.14, leader_acquaintance=.08, ecommerce_cs=.1,
                     brushing=.1, loan_card=.06, credit_record=.04, parcel=.03, phone_bill=.02,
                     accident_kidnap=.03),
            typ_amount=1.3,
            mix=dict(rented=.70, aged=.12, fresh=.08, farmer=.05, shell=.05),
            speed=dict(fast=.1, mixed=.3, slow=.6), layers={2: .1, 3: .35, 4: .35, 5: .2},
            per_card=(3, 10), use_days=(3, 15), merge=(2, 4), split_p=.45,
            cashout=dict(atm=.3, counter=.15, exit=.55), return_p=.4, runner_p=.5,
            farmers_extra=(.2, .5),
        )
    elif name == "fresh_heavy":
        r.update(
            desc="most mules opened days before use, fast in fast out, short chains, many card farmers; "
                 "the window starts at a school term so many ordinary accounts are new too",
            start_month=(8, 20, 28), old_years=(0.1, 6.0), new_acct=.07, cases_per_k=26,
            spend_mult=1.1, amount_mult=.9, promo_openers=.006,
            arch_kids=dict(white=.28, migrant=.25, student=.2, gig=.08, night=.04, shop=.05, landlord=.02,
                           boss=.015, daigou=.02, collector=.01, wholesaler=.008),
            typ=dict(brushing=.3, ecommerce_cs=.18, game_trade=.1, loan_card=.12, credit_record=.1,
                     shopping_service=.07, fake_job=.06, investment=.04, police_gov=.03),
            typ_amount=.7,
            mix=dict(rented=.10, aged=.10, fresh=.55, farmer=.25, shell=0.0),
            speed=dict(fast=.85, mixed=.15, slow=0.0), layers={2: .55, 3: .4, 4: .05},
            per_card=(1, 5), use_days=(1, 3), merge=(1, 3), split_p=.2,
            cashout=dict(atm=.7, counter=.05, exit=.25), fresh_lag=(0.2, 4), return_p=.1,
            farmers_extra=(.5, 1.2),
        )
    elif name == "quiet_hours":
        r.update(
            desc="fraud in office hours (calls, victims at the counter, gangs working 9-18); ordinary "
                 "life leans to the evening and night (night shifts, late shopping, night markets)",
            ord_prof="late", night_extra=.15, old_years=(0.5, 10.0),
            typ=dict(police_gov=.18, leader_acquaintance=.12, ecommerce_cs=.16, loan_card=.12,
                     credit_record=.08, investment=.1, brushing=.1, subsidy_refund=.05, parcel=.05,
                     phone_bill=.04),
            fraud_prof="fraud_day", gang_prof="office", atm_prof="office",
            speed=dict(fast=.3, mixed=.5, slow=.2),
        )
    elif name == "merchant_dense":
        r.update(
            desc="many small shops, landlords, rent collectors, group-buy leaders and resellers on "
                 "personal accounts: many hard negatives with high fan-in",
            arch_kids=dict(white=.25, migrant=.24, student=.08, gig=.07, night=.04, shop=.14, landlord=.06,
                           boss=.025, daigou=.04, collector=.03, wholesaler=.02),
            landlord_parent=.15, weddings=.008, spend_mult=1.15, amount_mult=.85, cases_per_k=20,
        )
    else:
        raise SystemExit(f"unknown regime {name!r}; known: {', '.join(REGIME_NAMES)}")
    return r


REGIME_NAMES = ["baseline", "rented_heavy", "fresh_heavy", "quiet_hours", "merchant_dense"]

LEGIT_MEMO = {
    "salary": ["工资", "代发工资", "工资", "绩效", "劳务费"], "rent": ["房租", "房租", "租金", "押金"],
    "family": ["生活费", "家用", "给妈", "孝敬爸妈"], "allow": ["生活费", "生活费", "零花钱"],
    "shop": ["货款", "进货"], "gift": ["新婚快乐", "份子钱", "红包", "百年好合"], "tuition": ["学费", "住宿费"],
    "collect": ["班费", "团购", "活动费", "资料费"], "loan": ["还款", "借款"], "buy": ["首付", "定金", "购车款"],
    "own": [], "peer": ["AA", "饭钱", "还你", "车费"],
}


# ----------------------------------------------------------------------------------------------
def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def midnight(ts):
    """Local (+08:00) midnight at or before ts."""
    return ts - (ts + TZ) % DAY


def yuan_str(fen):
    return f"{fen // 100}.{fen % 100:02d}"


class Acct:
    __slots__ = ("id", "bank", "holder", "opened", "region", "cls", "bal0", "bal", "internal", "owner",
                 "gang", "layer", "mkind", "af", "at", "ctrl_from", "ctrl_to", "nxt", "pending", "fwd",
                 "runner", "day_out", "used", "farmer", "label", "real", "shadow", "cash_reg", "cashing")

    def __init__(self, aid, bank, holder, opened, region, cls, internal=True):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.bal0 = 0
        self.bal = 0
        self.internal = internal
        self.owner = None
        self.gang = None
        self.layer = -1
        self.mkind = None
        self.af = INF
        self.at = INF
        self.ctrl_from = INF
        self.ctrl_to = INF
        self.nxt = []
        self.pending = 0
        self.fwd = False
        self.runner = False
        self.day_out = {}
        self.used = 0
        self.farmer = None
        self.label = None
        self.real = None
        self.shadow = None
        self.cash_reg = ""
        self.cashing = False


class Person:
    def __init__(self, i, idno, hukou, city, arch, age):
        self.i = i
        self.idno = idno
        self.hukou = hukou
        self.city = city
        self.arch = arch
        self.age = age
        self.accts = []
        self.night = False
        self.parents = []
        self.kids = []
        self.employer = None
        self.boss = None
        self.landlord = None
        self.rent = 0
        self.rentday = 1
        self.shops = []
        self.away = None
        self.pension = 0
        self.shop_type = None
        self.shop_w = 0.0
        self.tenants = []
        self.sublet_to = None
        self.workers = []
        self.busy = False  # owner of a rented account or a victim: keep roles apart
        self.prof = "day"
        self.trip = None
        self.salary = 0

    def main(self, ts):
        """The account this person uses at ts: the first one open and not in a gang's hands."""
        for a in self.accts:
            if a.opened <= ts and not (a.ctrl_from <= ts < a.ctrl_to):
                return a
        return None

    def others(self, ts, exclude):
        return [a for a in self.accts if a is not exclude and a.internal and a.opened <= ts
                and not (a.ctrl_from <= ts < a.ctrl_to)]


class Gang:
    def __init__(self, gid):
        self.gid = gid
        self.speed = "mixed"
        self.nlayers = 3
        self.ops = "441900"
        self.atm_regions = []
        self.otc = []
        self.funding = []
        self.cards = []  # per layer lists
        self.pays = []
        self.cashout = {}
        self.atm_unit = 2500
        self.atm_day = 20000


# ----------------------------------------------------------------------------------------------
class World:
    def __init__(self, seed, regime_name, persons, days, start=None):
        self.seed = seed
        self.regime = regime_name
        self.R = regime(regime_name)
        self.rng = random.Random(f"china_world/{seed}/{regime_name}")
        self.P = persons
        self.days = days
        rng = self.rng
        if start is None:
            sm = self.R["start_month"]
            year = rng.choice([2024, 2025])
            if sm:
                month, d0, d1 = sm
                day = rng.randint(d0, d1)
            else:
                month = rng.randint(1, 12)
                day = rng.randint(1, 28)
            start = dt.date(year, month, day)
        self.d0 = start
        self.t0 = calendar.timegm((start.year, start.month, start.day, 0, 0, 0)) - TZ
        self.t1 = self.t0 + days * DAY
        self.dates = [start + dt.timedelta(days=i) for i in range(days)]
        self.cum = {k: self._cum(v) for k, v in PROFILES.items()}
        self.q = []
        self.seq = 0
        self.now = self.t0
        self.rows = []
        self.fraud_rows = []
        self.accts = []
        self.acct_ids = set()
        self.idnos = set()
        self.people = []
        self.by_city = {}
        self.corps = {}
        self.ext = {}
        self.farmers = []
        self.stats = {"skipped_no_funds": 0}
        self.gangs = []
        self.cases = []
        self.emps = []

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _cum(w):
        out, t = [], 0.0
        for x in w:
            t += x
            out.append(t)
        return out

    def hour(self, prof):
        return self.rng.choices(range(24), cum_weights=self.cum[prof])[0]

    def t_in_day(self, day, prof):
        return self.t0 + day * DAY + self.hour(prof) * HOUR + self.rng.randrange(HOUR)

    def local_hour(self, ts):
        return ((ts + TZ) % DAY) // HOUR

    def day_of(self, ts):
        return (ts - self.t0) // DAY

    def pickw(self, d):
        keys = list(d.keys())
        return self.rng.choices(keys, weights=[d[k] for k in keys])[0]

    def lognorm(self, median, sigma):
        return median * math.exp(self.rng.gauss(0.0, sigma))

    def logu(self, lo, hi):
        return math.exp(self.rng.uniform(math.log(lo), math.log(hi)))

    def fen(self, yuan, step=None):
        f = int(round(yuan * 100))
        if step:
            s = int(step * 100)
            f = max(s, (f // s) * s)
        return max(1, f)

    def poisson(self, lam):
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= L:
                return k
            k += 1

    def days_with_dom(self, dom):
        out = []
        for i, d in enumerate(self.dates):
            last = calendar.monthrange(d.year, d.month)[1]
            if d.day == min(dom, last):
                out.append(i)
        return out

    def place_pick(self, idx, codes=None):
        pool = codes or CODES
        return self.rng.choices(pool, weights=[PLACE[c][idx] for c in pool])[0]

    def bank_for(self, region, local_w=6.0, joint=True):
        opts = list(BIG) + (list(JOINT) if joint else [])
        lb = PLACE[region][5]
        if lb:
            opts.append((lb, local_w))
        return self.rng.choices([o[0] for o in opts], weights=[o[1] for o in opts])[0]

    # -- identities and account numbers ---------------------------------------------------------
    def new_idno(self, region, age, male=None):
        rng = self.rng
        while True:
            y = self.d0.year - age
            m = rng.randint(1, 12)
            d = rng.randint(1, calendar.monthrange(y, m)[1])
            sq = rng.randint(0, 999)
            if male is not None:
                sq = (sq & ~1) | (1 if male else 0)
            body = f"{region}{y:04d}{m:02d}{d:02d}{sq:03d}"
            idno = body + ID_C[sum(int(c) * w for c, w in zip(body, ID_W)) % 11]
            if idno not in self.idnos:
                self.idnos.add(idno)
                return idno

    def new_uscc(self, region, kind="91"):
        while True:
            body = kind + region + "".join(self.rng.choice(USCC_CH) for _ in range(9))
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            code = body + USCC_CH[(31 - s % 31) % 31]
            if code not in self.idnos:
                self.idnos.add(code)
                return code

    def new_acct_id(self, bank, corp=False):
        rng = self.rng
        while True:
            if corp:
                n = CORP_LEN.get(bank, 16 + zlib.crc32(bank.encode()) % 3)
                aid = str(rng.randint(1, 9)) + "".join(str(rng.randrange(10)) for _ in range(n - 1))
            else:
                bins = BINS.get(bank) or ["62" + str(1000 + zlib.crc32(bank.encode()) % 9000)]
                b = rng.choice(bins)
                n = 16 if bank == "CMB" else 19
                body = b + "".join(str(rng.randrange(10)) for _ in range(n - len(b) - 1))
                aid = body + luhn_digit(body)
            if aid not in self.acct_ids:
                self.acct_ids.add(aid)
                return aid

    def ext_acct(self, kind):
        """An account at an institution that does not feed data (kept as external by fanzha)."""
        rng = self.rng
        while True:
            if kind == "rcc":  # rural credit union card
                body = "6230" + "".join(str(rng.randrange(10)) for _ in range(14))
                aid = body + luhn_digit(body)
            elif kind == "pay":  # payment-firm account
                aid = "2088" + "".join(str(rng.randrange(10)) for _ in range(12))
            elif kind == "credit":  # credit card (repayment target)
                body = rng.choice(["4392", "5187", "6259", "6282"]) + "".join(
                    str(rng.randrange(10)) for _ in range(11))
                aid = body + luhn_digit(body)
            else:  # a company or loan account at a non-feeding bank
                aid = "".join(str(rng.randrange(10)) for _ in range(rng.choice([14, 17, 20])))
            if aid not in self.acct_ids:
                self.acct_ids.add(aid)
                a = Acct(aid, "", "", -INF, "", "", internal=False)
                return a

    def open_acct(self, holder, bank, opened, region, cls, bal=0, corp=False, owner=None):
        a = Acct(self.new_acct_id(bank, corp), bank, holder, opened, region, cls)
        a.owner = owner
        if opened < self.t0:
            a.bal0 = a.bal = bal
        self.accts.append(a)
        return a

    def opened_before(self, years_lo, years_hi, max_years=None):
        y = self.logu(years_lo, years_hi)
        if max_years is not None:
            y = min(y, max(0.05, max_years))
        return self.t0 - int(y * 365.25 * DAY) - self.rng.randrange(DAY)

    # -- the ledger -----------------------------------------------------------------------------
    def tx(self, ts, frm, to, amt, kind="transfer", ch="mobile", reg="", memo="", xb=False):
        """Write one transfer at ts if the payer holds the money; returns the row index or None."""
        assert ts == self.now, "handlers write only at their own time"
        if amt <= 0:
            return None
        if frm is not None and frm.internal:
            if frm.opened > ts or frm.bal < amt:
                self.stats["skipped_no_funds"] += 1
                if DEBUG:
                    k = sys._getframe(1).f_code.co_name
                    self.stats[k] = self.stats.get(k, 0) + 1
                return None
            frm.bal -= amt
        if to is not None and to.internal:
            if to.opened > ts:
                if frm is not None and frm.internal:
                    frm.bal += amt
                return None
            to.bal += amt
        self.rows.append((ts, frm.id if frm else "", to.id if to else "", amt, ch, reg, kind, memo, xb))
        return len(self.rows) - 1

    def at(self, ts, fn, *args):
        if ts < self.now:
            ts = self.now
        if ts < self.t0 or ts >= self.t1:
            return
        heapq.heappush(self.q, (ts, self.seq, fn, args))
        self.seq += 1

    def run(self):
        q = self.q
        while q:
            ts, _, fn, args = heapq.heappop(q)
            self.now = ts
            fn(ts, *args)

    def memo(self, key, p):
        if self.rng.random() < p:
            return self.rng.choice(LEGIT_MEMO[key])
        return ""

    # ==========================================================================================
    # Construction of the ordinary world
    def new_person(self, arch, hukou, city, age):
        male = self.rng.random() < (0.62 if arch in ("migrant", "gig", "boss") else 0.5)
        p = Person(len(self.people), self.new_idno(hukou, age, male), hukou, city, arch, age)
        self.people.append(p)
        self.by_city.setdefault(city, []).append(p)
        return p

    def kid_city(self, arch, hukou):
        rng = self.rng
        hk_city = PLACE[hukou][4] != "county"
        if arch == "migrant":
            return self.place_pick(2, FACTORY_CODES + [c for c in CITY_CODES if PLACE[c][4] == "metro"])
        if arch == "student":
            return self.place_pick(2, [c for c in CITY_CODES if PLACE[c][4] in ("metro", "city")])
        if hk_city and rng.random() < 0.45:
            return hukou
        if arch in ("shop", "landlord", "collector") and rng.random() < 0.35:
            return hukou
        return self.place_pick(2, CITY_CODES)

    def build_people(self):
        R, rng = self.R, self.rng
        ages = dict(white=(22, 50), migrant=(18, 50), student=(18, 23), gig=(20, 45), night=(22, 50),
                    shop=(25, 60), landlord=(30, 65), boss=(30, 55), daigou=(22, 40), collector=(28, 50),
                    wholesaler=(30, 58))
        while len(self.people) < self.P:
            hk = self.place_pick(3)
            rural = PLACE[hk][4] == "county"
            nk = rng.choices([1, 2, 3], weights=[.45, .4, .15])[0]
            kids = []
            for _ in range(nk):
                arch = self.pickw(R["arch_kids"])
                age = rng.randint(*ages[arch])
                kids.append(self.new_person(arch, hk, self.kid_city(arch, hk), age))
            oldest = max(k.age for k in kids)
            npar = 1 if rng.random() < 0.62 else 2
            parents = []
            for _ in range(npar):
                age = min(85, max(oldest + rng.randint(21, 32), 45))
                arch = "rural_parent" if rural else "retiree"
                if not rural and rng.random() < R["landlord_parent"]:
                    arch = "landlord"
                par = self.new_person(arch, hk, hk, age)
                if arch == "landlord" or (not rural and age >= 58):
                    par.pension = self.fen(self.lognorm(3800, .35), 10)
                elif rural and age >= 60:
                    par.pension = self.fen(rng.choice([180, 200, 230, 260]) * rng.uniform(1, 1.2), 1)
                parents.append(par)
            for k in kids:
                k.parents = parents
            for par in parents:
                par.kids = kids

    def build_corps(self):
        """Employers, big merchants, utilities, platforms, schools, hospitals, dealers, developers."""
        rng = self.rng
        C = self.corps

        def corp(kind, region, bal_yuan, bank=None):
            bank = bank or self.bank_for(region, local_w=3, joint=True)
            opened = self.opened_before(1, 20)
            a = self.open_acct(self.new_uscc(region, "91" if kind != "social" else "11"), bank, opened,
                               region, "corp", self.fen(bal_yuan))
            C.setdefault(kind, {}).setdefault(region, []).append(a)
            return a

        for code in CODES:
            k = PLACE[code][4]
            corp("supermarket", code, self.lognorm(300000, .5))
            if k != "county":
                corp("supermarket", code, self.lognorm(300000, .5))
                corp("mall", code, self.lognorm(500000, .5))
                corp("dealer", code, self.lognorm(800000, .5))
                corp("developer", code, self.lognorm(5e6, .5))
                corp("hotel", code, self.lognorm(200000, .5))
                corp("agency", code, self.lognorm(300000, .5))
                corp("gold", code, self.lognorm(400000, .5))
            corp("hospital", code, self.lognorm(2e6, .5))
            if k in ("metro", "city"):
                corp("university", code, self.lognorm(5e6, .5))
                corp("canteen", code, self.lognorm(100000, .5))
        for pv in sorted({prov(c) for c in CODES}):
            code = next(c for c in CODES if prov(c) == pv)
            corp("grid", code, self.lognorm(1e6, .3), bank=rng.choice(["ICBC", "CCB", "ABC", "BOC"]))
            corp("social", code, 5e8, bank=rng.choice(["ICBC", "CCB", "ABC", "BOC"]))
        for name in ("mobile", "unicom", "telecom"):
            corp(name, "110105", 1e7, bank=rng.choice(["ICBC", "CCB", "BOC"]))
        corp("platform", "110105", 3e8, bank="CMB")   # delivery platform paying riders
        corp("platform", "330106", 3e8, bank="ICBC")  # ride-hailing / designated-driver platform
        # external institutions
        self.ext["online"] = [self.ext_acct("pay") for _ in range(8)]
        self.ext["credit"] = []
        self.ext["loanplat"] = [self.ext_acct("corp") for _ in range(6)]
        self.ext["client"] = [self.ext_acct("corp") for _ in range(40)]
        self.ext["farm"] = [self.ext_acct("rcc") for _ in range(30)]
        self.ext["broker"] = [self.ext_acct("corp") for _ in range(4)]
        self.ext["hk"] = [self.ext_acct("corp") for _ in range(5)]

    def corp(self, kind, region):
        lst = self.corps.get(kind, {}).get(region)
        if not lst:
            lst = self.corps.get(kind, {}).get(self.rng.choice(list(self.corps[kind].keys())))
        return self.rng.choice(lst)

    def balance0(self, arch):
        med = dict(white=30000, migrant=6000, student=2000, gig=4000, night=12000, shop=20000,
                   landlord=80000, boss=120000, daigou=15000, collector=12000, wholesaler=60000,
                   retiree=60000, rural_parent=12000)[arch]
        return self.fen(self.lognorm(med, 1.0))

    def give_accounts(self):
        R, rng, t0 = self.R, self.rng, self.t0
        sec_p = dict(white=.6, migrant=.5, student=.3, retiree=.5, rural_parent=.2, shop=.75, landlord=.7,
                     boss=.8, gig=.3, daigou=.6, collector=.4, wholesaler=.8, night=.4)
        for p in self.people:
            max_y = p.age - 16
            if p.arch == "rural_parent" and rng.random() < 0.4:
                a = self.ext_acct("rcc")  # rural credit union: not in the data
                a.owner = p
                p.accts.append(a)
                continue
            if p.arch == "student":
                y = (0.05, min(4.5, max_y))
            else:
                y = (R["old_years"][0], min(R["old_years"][1], max_y))
            reg = p.city if (p.arch not in ("rural_parent", "retiree") and rng.random() < .7) else p.hukou
            bank = self.bank_for(reg) if p.arch != "rural_parent" else rng.choice(["PSBC", "ABC", "PSBC", "CCB"])
            a = self.open_acct(p.idno, bank, self.opened_before(y[0], max(y[0] * 1.2, y[1])), reg, "I",
                               self.balance0(p.arch), owner=p)
            p.accts.append(a)
            n2 = (1 if rng.random() < sec_p[p.arch] else 0) + (1 if rng.random() < .15 else 0)
            for _ in range(n2):
                cls = rng.choices(["I", "II", "III"], weights=[.6, .33, .07])[0]
                reg2 = rng.choice([p.city, p.hukou])
                bank2 = self.bank_for(reg2)
                if p.arch == "migrant" and rng.random() < .5:
                    bank2, reg2 = rng.choice(["PSBC", "ABC"]), p.hukou
                b = self.open_acct(p.idno, bank2, self.opened_before(0.1, max(0.2, min(10, max_y))), reg2, cls,
                                   0, owner=p)
                b.bal0 = b.bal = min(self.fen(self.lognorm(1500, 1.3)), 200000 if cls == "III" else 10 ** 9)
                p.accts.append(b)
            if p.arch == "student" and rng.random() < .3:
                p.accts[0].region = p.city

    def assign_roles(self):
        R, rng = self.R, self.rng
        for city, folks in self.by_city.items():
            shops = [p for p in folks if p.arch == "shop"]
            whole = [p for p in folks if p.arch == "wholesaler"]
            for s in shops:
                s.shop_type = rng.choices(list(SHOP_TYPES), weights=[v[4] for v in SHOP_TYPES.values()])[0]
                s.shop_w = self.lognorm(1.0, .7) * SHOP_TYPES[s.shop_type][4]
            for p in folks:
                p.prof = R["ord_prof"]
                if p.arch in ("retiree", "rural_parent"):
                    p.prof = "old"
                if p.arch == "night" or rng.random() < R["night_extra"] or (p.arch == "gig" and rng.random() < .3):
                    p.night = True
                    p.prof = "night"
                if shops and p.arch not in ("rural_parent",):
                    k = min(len(shops), rng.randint(2, 6))
                    p.shops = rng.choices(shops, weights=[s.shop_w for s in shops], k=k)
            # employers
            workers = [p for p in folks if p.arch in ("white", "migrant", "night")]
            bosses = [p for p in folks if p.arch == "boss"]
            nemp = max(1, len(workers) // 40)
            emps = []
            for _ in range(nemp):
                bank = self.bank_for(city, 3)
                ea = self.open_acct(self.new_uscc(city), bank, self.opened_before(1, 20), city, "corp",
                                    self.fen(self.lognorm(2e6, .6)))
                ea.owner = None
                emps.append({"acct": ea, "payday": rng.choice([5, 8, 10, 10, 15, 15, 20, 25, 28]), "staff": [],
                             "hour": rng.choice([9, 10, 11, 14, 15, 16])})
            for w in workers:
                if bosses and w.arch == "migrant" and rng.random() < .25:
                    b = rng.choice(bosses)
                    w.boss = b
                    b.workers.append(w)
                    w.salary = self.fen(self.lognorm(5500, .25), 100)
                else:
                    e = rng.choice(emps)
                    e["staff"].append(w)
                    w.employer = e
                    med = {"white": 9000, "migrant": 5200, "night": 6500}[w.arch] * (1.35 if PLACE[city][4] == "metro" else 1)
                    w.salary = self.fen(self.lognorm(med, .35), 10)
            self.emps.extend(emps)
            # landlords and tenants
            lords = [p for p in folks if p.arch == "landlord"]
            for l in lords:
                l.cap = rng.choice([1, 1, 2, 3, 5, 8, 12, 20, 35])
            tenants = [p for p in folks if p.arch in ("white", "migrant", "night", "gig", "shop", "daigou", "collector")
                       and p.hukou != city]
            kind = PLACE[city][4]
            for t in tenants:
                if t.arch == "migrant" and rng.random() < .5:
                    continue  # factory dormitory
                med = {"metro": 2800, "factory": 1100, "trade": 1300, "city": 1400, "county": 700}[kind]
                t.rent = self.fen(self.lognorm(med, .35), 50)
                t.rentday = rng.choice([1, 1, 1, 5, 10, 15, 20, 25])
                free = [l for l in lords if len(l.tenants) < l.cap]
                u = rng.random()
                if free and u < .6:
                    l = rng.choice(free)
                    t.landlord = l
                    l.tenants.append(t)
                elif u < .82:
                    t.landlord = "agency"
                else:
                    t.landlord = "ext"
                    t.ext_lord = self.ext_acct(rng.choice(["rcc", "corp"]))
            owners = [p for p in folks if p.arch == "landlord" and len(p.tenants) <= 2 and p.age > 50]
            for l in lords:
                if len(l.tenants) >= 8:
                    l.sublet_to = rng.choice(owners) if owners and rng.random() < .5 else self.ext_acct("rcc")

    # ==========================================================================================
    # Ordinary life: scheduling
    def schedule_life(self):
        R, rng = self.R, self.rng
        D = self.days
        rate = dict(white=14, migrant=9, student=16, gig=12, night=12, shop=8, landlord=8, boss=10, daigou=10,
                    collector=12, wholesaler=6, retiree=6, rural_parent=3)
        for p in self.people:
            internal = p.accts and p.accts[0].internal
            if rng.random() < R["dormant"]:
                a = rng.randrange(0, max(1, D - 5))
                p.away = (a, min(D, a + rng.randint(7, 25)))
            if rng.random() < R["travel"] and internal:
                d0 = rng.randrange(D)
                dest = self.place_pick(2, [c for c in CITY_CODES if prov(c) != prov(p.city)])
                p.trip = (d0, min(D, d0 + rng.randint(2, 7)), dest)
            if not internal:
                continue
            n = self.poisson(rate[p.arch] * D / 30 * R["spend_mult"])
            for _ in range(n):
                day = rng.randrange(D)
                if p.away and p.away[0] <= day < p.away[1]:
                    continue
                self.at(self.t_in_day(day, p.prof), self.ev_spend, p)
            if p.arch not in ("student",):
                for d in self.days_with_dom(rng.randint(1, 28)):
                    self.at(self.t_in_day(d, p.prof), self.ev_bill, p)
            atm_rate = {"retiree": 2.5, "rural_parent": 2.5, "migrant": 2, "shop": 3}.get(p.arch, 0.8)
            for _ in range(self.poisson(atm_rate * D / 30)):
                self.at(self.t_in_day(rng.randrange(D), p.prof), self.ev_atm, p)
            if len(p.accts) > 1:
                for _ in range(self.poisson(1.2 * D / 30)):
                    self.at(self.t_in_day(rng.randrange(D), p.prof), self.ev_own_move, p, None)
            if rng.random() < .25:
                for _ in range(self.poisson(2 * D / 30)):
                    self.at(self.t_in_day(rng.randrange(D), p.prof), self.ev_peer, p)
            if p.rent:
                for d in self.days_with_dom(p.rentday):
                    dd = max(0, min(D - 1, d + rng.randint(-2, 2)))
                    self.at(self.t_in_day(dd, p.prof), self.ev_rent, p)
            if p.pension:
                for d in self.days_with_dom(rng.choice([10, 12, 15, 18])):
                    self.at(self.t0 + d * DAY + 8 * HOUR + rng.randrange(3 * HOUR), self.ev_pension, p)
            if p.arch == "student" and p.parents:
                for d in self.days_with_dom(rng.choice([1, 1, 5, 15, 28])):
                    self.at(self.t_in_day(d, "eve"), self.ev_allowance, p)
            if p.arch == "gig":
                wd = rng.randrange(7)
                for d in range(wd, D, 7):
                    self.at(self.t0 + d * DAY + 10 * HOUR + rng.randrange(6 * HOUR), self.ev_gig_pay, p)
            if p.arch in ("white", "night") and p.parents and rng.random() < .35:
                for d in self.days_with_dom(rng.randint(1, 28)):
                    self.at(self.t_in_day(d, p.prof), self.ev_to_parents, p, None)
            if p.arch == "shop":
                d = rng.randint(0, 2)
                while d < D:
                    self.at(self.t0 + d * DAY + rng.randint(20, 23) * HOUR + rng.randrange(HOUR), self.ev_shop_settle, p)
                    d += rng.randint(1, 4)
            if p.arch == "wholesaler":
                d = rng.randint(0, 3)
                while d < D:
                    self.at(self.t_in_day(d, "office"), self.ev_wholesale_pay, p)
                    d += rng.randint(2, 5)
                for _ in range(self.poisson(3 * D / 30)):
                    self.at(self.t_in_day(rng.randrange(D), "office"), self.ev_client_pays, p, 20000, 1.0)
            if p.arch == "landlord" and p.sublet_to is not None:
                for d in self.days_with_dom(rng.choice([5, 8, 10])):
                    self.at(self.t_in_day(d, "day"), self.ev_sublet_pay, p)
            if p.arch == "landlord" and rng.random() < .4:
                for d in self.days_with_dom(rng.randint(1, 28)):
                    self.at(self.t_in_day(d, "day"), self.ev_mortgage, p)
            if p.arch == "boss":
                for _ in range(self.poisson(4 * D / 30)):
                    self.at(self.t_in_day(rng.randrange(D), "office"), self.ev_client_pays, p, 30000, 1.0)
                if p.workers:
                    for d in self.days_with_dom(rng.choice([1, 5, 10, 15])):
                        self.at(self.t_in_day(d, "day"), self.ev_boss_payroll, p)
                for _ in range(self.poisson(2 * D / 30)):
                    self.at(self.t_in_day(rng.randrange(D), "office"), self.ev_supplier, p)
            if p.arch == "daigou":
                self.plan_daigou(p)
            if p.arch == "collector":
                self.plan_collections(p)
            if p.arch == "night" or (p.arch == "gig" and p.night):
                p.driver = True
        # payroll
        for e in self.emps:
            for d in self.days_with_dom(e["payday"]):
                self.at(self.t0 + d * DAY + e["hour"] * HOUR + rng.randrange(HOUR), self.ev_payroll, e)
            for _ in range(self.poisson(3 * D / 30)):
                self.at(self.t_in_day(rng.randrange(D), "office"), self.ev_corp_income, e["acct"], len(e["staff"]))
        # merchants sweep their takings to head office
        for kind in ("supermarket", "mall", "canteen", "hotel", "gold", "dealer", "agency"):
            for lst in self.corps.get(kind, {}).values():
                for a in lst:
                    d = rng.randint(0, 6)
                    while d < D:
                        self.at(self.t_in_day(d, "office"), self.ev_sweep, a)
                        d += 7
        # special lives
        people = self.people
        for _ in range(int(len(people) * R["weddings"])):
            host = rng.choice(people)
            if host.arch in ("white", "migrant", "night", "gig", "shop") and 22 <= host.age <= 38 and host.accts[0].internal:
                self.plan_wedding(host)
        for _ in range(int(len(people) * R["big_buy"])):
            p = rng.choice(people)
            if p.accts[0].internal and p.arch not in ("rural_parent",):
                self.plan_big_buy(p)
        for _ in range(int(len(people) * R["new_acct"])):
            p = rng.choice(people)
            if p.accts[0].internal and p.arch not in ("rural_parent", "retiree"):
                self.plan_new_account(p)
        for _ in range(int(len(people) * R["promo_openers"])):
            p = rng.choice(people)
            if p.accts[0].internal:
                self.plan_promo(p)
        self.plan_freshmen()
        for p in people:
            if p.trip:
                d0, d1, dest = p.trip
                for _ in range(rng.randint(1, 4)):
                    self.at(self.t_in_day(rng.randrange(d0, d1), "day"), self.ev_atm, p)

    # -- ordinary handlers ------------------------------------------------------------------------
    def here(self, p, ts):
        if p.trip:
            d = self.day_of(ts)
            if p.trip[0] <= d < p.trip[1]:
                return p.trip[2]
        return p.city

    def ev_spend(self, ts, p):
        rng = self.rng
        a = p.main(ts)
        if a is None:
            return
        cands = [o for o in p.others(ts, a) if o.cls in ("II", "III")]
        if cands and rng.random() < .4:
            a = rng.choice(cands)
        reg = self.here(p, ts)
        h = self.local_hour(ts)
        u = rng.random()
        am = self.R["amount_mult"]
        if reg == p.city and p.shops and u < .58:
            open_ = [s for s in p.shops if self.shop_open(s, h)]
            if open_:
                s = rng.choice(open_)
                sa = s.main(ts)
                if sa is not None:
                    med, sig = SHOP_TYPES[s.shop_type][:2]
                    amt = self.fen(self.lognorm(med * am, sig))
                    self.tx(ts, a, sa, amt, ch=rng.choice(["mobile", "mobile", "pos"]), reg=reg)
                    return
        if (h >= 21 or h < 4) and rng.random() < .35:
            drivers = [d for d in self.by_city.get(reg, []) if getattr(d, "driver", False)]
            if drivers:
                d = rng.choice(drivers)
                da = d.main(ts)
                if da is not None and d is not p:
                    self.tx(ts, a, da, self.fen(self.lognorm(60, .5)), ch="mobile", reg=reg)
                    return
        if u < .85:
            kind = rng.choices(["supermarket", "mall", "hospital", "canteen"],
                               weights=[6, 2, .6, 3 if p.arch == "student" else 0])[0]
            m = self.corp(kind, reg)
            med = {"supermarket": 110, "mall": 260, "hospital": 180, "canteen": 14}[kind]
            self.tx(ts, a, m, self.fen(self.lognorm(med * am, .8)), ch="pos", reg=reg)
        else:
            self.tx(ts, a, rng.choice(self.ext["online"]), self.fen(self.lognorm(90 * am, .9)), ch="mobile", reg=reg)

    def shop_open(self, s, h):
        o, c = SHOP_TYPES[s.shop_type][2:4]
        return o <= h < c or (c > 24 and h < c - 24)

    def ev_bill(self, ts, p):
        a = p.main(ts)
        if a is None:
            return
        rng = self.rng
        if rng.random() < .6:
            self.tx(ts, a, self.corp("grid", p.city), self.fen(self.lognorm(120, .5)), ch="mobile", reg=p.city)
        else:
            self.tx(ts, a, self.corp(rng.choice(["mobile", "unicom", "telecom"]), "110105"),
                    self.fen(rng.choice([30, 50, 100, 100, 200])), ch="mobile", reg=p.city)
        if p.arch in ("white", "boss", "landlord", "night") and rng.random() < .35:
            if not hasattr(p, "ccard"):
                p.ccard = self.ext_acct("credit")
            self.tx(ts, a, p.ccard, min(a.bal, self.fen(self.lognorm(2500, .8))), ch="mobile", reg=p.city)

    def ev_atm(self, ts, p):
        a = p.main(ts)
        if a is None or a.bal < 10000:
            return
        rng = self.rng
        reg = self.here(p, ts)
        amt = min(a.bal // 10000 * 10000, self.fen(rng.choice([100, 200, 300, 500, 500, 1000, 1000, 2000, 3000])))
        if p.arch == "rural_parent" and rng.random() < .4:
            self.tx(ts, a, None, amt, kind="withdrawal", ch="counter", reg=reg)
        else:
            self.tx(ts, a, None, amt, kind="withdrawal", ch="atm", reg=reg)

    def ev_own_move(self, ts, p, amt_hint):
        a = p.main(ts)
        if a is None:
            return
        others = p.others(ts, a)
        if not others:
            return
        rng = self.rng
        b = rng.choice(others)
        if rng.random() < .35:
            a, b = b, a
        if a.bal < 5000:
            return
        amt = amt_hint or self.fen(self.lognorm(2000, 1.0), 100)
        amt = min(amt, a.bal)
        if b.cls == "III":
            amt = min(amt, max(0, 200000 - b.bal))
        self.tx(ts, a, b, amt, ch="mobile", reg=self.here(p, ts))

    def ev_peer(self, ts, p):
        rng = self.rng
        a = p.main(ts)
        folks = self.by_city.get(p.city, [])
        if a is None or len(folks) < 2:
            return
        q = rng.choice(folks)
        b = q.main(ts)
        if q is p or b is None:
            return
        amt = self.fen(self.lognorm(120, 1.0), 1 if rng.random() < .5 else 10)
        self.tx(ts, a, b, min(amt, a.bal), reg=p.city, memo=self.memo("peer", .15))

    def ev_rent(self, ts, p):
        a = p.main(ts)
        if a is None:
            return
        if p.landlord == "agency":
            to = self.corp("agency", p.city)
        elif p.landlord == "ext":
            to = p.ext_lord
        else:
            to = p.landlord.main(ts) if p.landlord else None
        if to is None:
            return
        amt = p.rent
        if a.bal < amt:
            others = p.others(ts, a)
            if others and others[0].bal >= amt - a.bal:
                self.tx(ts, others[0], a, amt - a.bal, reg=p.city)
        self.tx(ts, a, to, amt, ch="mobile", reg=p.city, memo=self.memo("rent", .3))

    def ev_pension(self, ts, p):
        a = p.main(ts)
        if a is None:
            return
        self.tx(ts, self.corp("social", p.hukou), a, p.pension, ch="online", reg=p.hukou, memo="养老金" if self.rng.random() < .5 else "")

    def ev_allowance(self, ts, p):
        rng = self.rng
        par = rng.choice(p.parents)
        src = par.main(ts)
        dst = p.main(ts)
        if src is None or dst is None:
            return
        amt = self.fen(self.lognorm(1800, .35), 100)
        if src.internal:
            amt = min(amt, src.bal // 10000 * 10000)
        self.tx(ts, src, dst, amt, reg=par.city, memo=self.memo("allow", .3))

    def ev_gig_pay(self, ts, p):
        a = p.main(ts)
        if a is None:
            return
        plat = self.corps["platform"]["110105" if not p.night else "330106"][0]
        amt = self.fen(self.lognorm(1500 if not p.night else 900, .4))
        self.tx(ts, plat, a, amt, ch="online", reg=plat.region)
        self.after_income(ts, p, amt)

    def ev_to_parents(self, ts, p, amt):
        rng = self.rng
        a = p.main(ts)
        par = rng.choice(p.parents) if p.parents else None
        if a is None or par is None:
            return
        b = par.main(ts)
        if b is None:
            return
        if amt is None:
            amt = self.fen(self.lognorm(1200, .6), 100)
        amt = min(amt, a.bal // 10000 * 10000)
        r = self.tx(ts, a, b, amt, reg=self.here(p, ts), memo=self.memo("family", .2))
        if r is not None and par.arch == "rural_parent" and b.internal and rng.random() < .5:
            # parents in the village often take the cash out within a day or two
            self.at(ts + int(self.logu(1800, 3 * DAY)), self.ev_parent_cash, par, b)

    def ev_parent_cash(self, ts, par, b):
        if b.bal < 20000:
            return
        amt = min(b.bal, self.fen(self.rng.uniform(.4, .95) * b.bal / 100, 100))
        self.tx(ts, b, None, amt, kind="withdrawal", ch=self.rng.choice(["atm", "counter"]), reg=par.city)

    def ev_payroll(self, ts, e):
        ea = e["acct"]
        for w in e["staff"]:
            a = w.main(ts)
            if a is None:
                continue
            if self.tx(ts, ea, a, w.salary, ch="online", reg=ea.region, memo=self.memo("salary", .45)) is not None:
                self.after_income(ts, w, w.salary)

    def ev_corp_income(self, ts, ea, nstaff):
        amt = self.fen(self.lognorm(max(20000, nstaff * 4000), .6), 100)
        self.tx(ts, self.rng.choice(self.ext["client"]), ea, amt, ch="online", reg=ea.region,
                memo="货款" if self.rng.random() < .3 else "")

    def ev_sweep(self, ts, a):
        if a.bal > 1000000:
            self.tx(ts, a, self.rng.choice(self.ext["client"]), int(a.bal * self.rng.uniform(.5, .85)),
                    ch="online", reg=a.region)

    def after_income(self, ts, p, amt):
        """What people do right after money arrives: send it home, move it, pay the card."""
        rng = self.rng
        if p.arch == "migrant" and p.parents and rng.random() < .75:
            share = rng.uniform(.4, .85)
            self.at(ts + int(self.logu(300, 2 * DAY)), self.ev_to_parents, p, self.fen(amt * share / 100, 100))
        elif p.arch in ("white", "night") and len(p.accts) > 1 and rng.random() < .4:
            self.at(ts + int(self.logu(120, 2 * DAY)), self.ev_own_move, p, self.fen(amt * rng.uniform(.3, .7) / 100, 100))
        if getattr(p, "new_card", None) is not None:
            nc = p.new_card
            self.at(ts + int(self.logu(300, DAY)), self.ev_drain_new, p, nc)

    def ev_drain_new(self, ts, p, nc):
        old = [a for a in p.others(ts, nc)]
        if not old or nc.bal < 10000:
            return
        self.tx(ts, nc, old[0], int(nc.bal * self.rng.uniform(.8, 1.0)) // 100 * 100, reg=p.city)

    def ev_shop_settle(self, ts, s):
        rng = self.rng
        a = s.main(ts)
        if a is None or a.bal < 50000:
            return
        u = rng.random()
        floor = self.fen(rng.uniform(500, 3000))
        avail = a.bal - floor
        if avail <= 0:
            return
        sup = SHOP_TYPES[s.shop_type][5]
        if u < .55 and sup != "none":
            if not hasattr(s, "suppliers"):
                ws = [w for w in self.people if w.arch == "wholesaler" and (w.city == s.city or rng.random() < .02)][:30]
                pool = [w for w in ws if w.main(ts) is not None]
                if sup == "farm" or not pool:
                    s.suppliers = [("ext", rng.choice(self.ext["farm"])) for _ in range(2)]
                else:
                    s.suppliers = [("p", rng.choice(pool)) for _ in range(rng.randint(1, 3))]
            kind, who = rng.choice(s.suppliers)
            to = who if kind == "ext" else who.main(ts)
            if to is None:
                return
            amt = self.fen(avail * rng.uniform(.5, .9) / 100, 10)
            self.tx(ts, a, to, amt, ch="mobile", reg=s.city, memo=self.memo("shop", .25))
        elif u < .8 and len(s.accts) > 1:
            others = s.others(ts, a)
            if others:
                self.tx(ts, a, others[0], self.fen(avail * rng.uniform(.6, 1.0) / 100, 100), reg=s.city)
        else:
            self.tx(ts, a, None, min(avail, self.fen(rng.choice([500, 1000, 2000, 3000]))), kind="withdrawal",
                    ch="atm", reg=s.city)

    def ev_wholesale_pay(self, ts, w):
        a = w.main(ts)
        if a is None or a.bal < 200000:
            return
        rng = self.rng
        for _ in range(rng.randint(1, 3)):
            amt = self.fen(a.bal * rng.uniform(.2, .5) / 100, 100)
            self.tx(ts, a, rng.choice(self.ext["farm"]), amt, ch="online", reg=w.city,
                    memo=self.memo("shop", .3))

    def ev_client_pays(self, ts, p, med, sig):
        a = p.main(ts)
        if a is None:
            return
        src = self.rng.choice(self.ext["client"] + [self.corp("supermarket", p.city)])
        self.tx(ts, src, a, self.fen(self.lognorm(med, sig), 100), ch="online", reg=p.city,
                memo=self.memo("shop", .3))

    def ev_boss_payroll(self, ts, b):
        a = b.main(ts)
        if a is None:
            return
        for w in b.workers:
            wa = w.main(ts)
            if wa is None:
                continue
            if self.tx(ts, a, wa, w.salary, reg=b.city, memo=self.memo("salary", .3)) is not None:
                self.after_income(ts, w, w.salary)

    def ev_supplier(self, ts, b):
        a = b.main(ts)
        if a is None or a.bal < 100000:
            return
        self.tx(ts, a, self.rng.choice(self.ext["client"]), self.fen(a.bal * self.rng.uniform(.1, .4) / 100, 100),
                ch="online", reg=b.city, memo=self.memo("shop", .3))

    def ev_sublet_pay(self, ts, l):
        a = l.main(ts)
        if a is None:
            return
        tot = sum(t.rent for t in l.tenants)
        to = l.sublet_to.main(ts) if isinstance(l.sublet_to, Person) else l.sublet_to
        if to is None:
            return
        amt = min(a.bal, self.fen(tot * self.rng.uniform(.6, .8) / 100, 100))
        self.tx(ts, a, to, amt, ch="mobile", reg=l.city, memo=self.memo("rent", .4))

    def ev_mortgage(self, ts, l):
        a = l.main(ts)
        if a is None:
            return
        if not hasattr(l, "loan_acct"):
            l.loan_acct = self.ext_acct("corp")
            l.mortgage = self.fen(self.lognorm(4500, .4), 1)
        self.tx(ts, a, l.loan_acct, min(a.bal, l.mortgage), ch="online", reg=l.city, memo=self.memo("loan", .3))

    # -- resellers, collectors, weddings, purchases, new accounts -------------------------------------
    def plan_daigou(self, p):
        rng = self.rng
        D = self.days
        p.supplier = rng.choice(self.ext["hk"] + self.ext["client"] + self.ext["farm"])
        for _ in range(self.poisson(rng.uniform(2, 6) * D)):
            self.at(self.t_in_day(rng.randrange(D), "eve"), self.ev_daigou_order, p)
        d = rng.randint(1, 4)
        while d < D:
            self.at(self.t_in_day(d, "day"), self.ev_daigou_pay, p)
            d += rng.randint(2, 5)

    def ev_daigou_order(self, ts, p):
        rng = self.rng
        buyer = rng.choice(self.people)
        a, b = buyer.main(ts), p.main(ts)
        if a is None or b is None or buyer is p:
            return
        self.tx(ts, a, b, self.fen(self.lognorm(280, .8), rng.choice([1, 1, 10])), reg=self.here(buyer, ts),
                memo=self.memo("shop", .1))

    def ev_daigou_pay(self, ts, p):
        a = p.main(ts)
        if a is None or a.bal < 100000:
            return
        xb = p.supplier in self.ext["hk"]
        self.tx(ts, a, p.supplier, self.fen(a.bal * self.rng.uniform(.6, .9) / 100, 100), ch="online", reg=p.city,
                xb=xb, memo=self.memo("shop", .3))

    def plan_collections(self, p):
        rng = self.rng
        D = self.days
        weekly = rng.random() < .5  # group-buy leader (团长) vs class/parents' committee collector
        starts = list(range(rng.randrange(7), D, 7)) if weekly else [rng.randrange(D)]
        folks = self.by_city.get(p.city, [])
        if len(folks) < 10:
            return
        members = rng.sample(folks, min(len(folks), rng.randint(15, 50)))
        for s in starts:
            fee = self.fen(rng.choice([30, 50, 88, 100, 120, 200, 300, 500]) if not weekly else self.lognorm(70, .5))
            for m in members:
                if m is p or rng.random() < .2:
                    continue
                self.at(self.t0 + s * DAY + int(rng.uniform(0, 36) * HOUR), self.ev_collect_pay, m, p, fee)
            self.at(self.t0 + s * DAY + int(rng.uniform(30, 72) * HOUR), self.ev_collect_out, p)

    def ev_collect_pay(self, ts, m, p, fee):
        a, b = m.main(ts), p.main(ts)
        if a is None or b is None:
            return
        self.tx(ts, a, b, fee, reg=m.city, memo=self.memo("collect", .3))

    def ev_collect_out(self, ts, p):
        a = p.main(ts)
        if a is None or a.bal < 20000:
            return
        rng = self.rng
        to = rng.choice([self.corp("supermarket", p.city), rng.choice(self.ext["client"]),
                         rng.choice(self.ext["farm"])])
        self.tx(ts, a, to, self.fen(a.bal * rng.uniform(.5, .95) / 100, 1), ch="mobile", reg=p.city)

    def plan_wedding(self, host):
        rng = self.rng
        day = rng.randrange(1, max(2, self.days - 2))
        guests = list(host.parents) + [k for par in host.parents for k in par.kids if k is not host]
        pool = self.by_city.get(host.city, []) + self.by_city.get(host.hukou, [])
        guests += rng.sample(pool, min(len(pool), rng.randint(20, 70)))
        for g in guests:
            if g is host:
                continue
            amt = self.fen(rng.choice([200, 500, 600, 666, 800, 888, 1000, 1000, 1200, 1688, 2000]))
            if g in host.parents:
                amt = self.fen(rng.choice([10000, 20000, 30000]))
            self.at(self.t0 + (day - 1) * DAY + int(rng.uniform(8, 46) * HOUR), self.ev_gift, g, host, amt)
        self.at(self.t0 + (day + rng.randint(1, 2)) * DAY + int(rng.uniform(10, 17) * HOUR), self.ev_hotel, host)

    def ev_gift(self, ts, g, host, amt):
        a, b = g.main(ts), host.main(ts)
        if a is None or b is None:
            return
        if a.internal:
            amt = min(amt, a.bal)
        self.tx(ts, a, b, amt, reg=self.here(g, ts), memo=self.memo("gift", .25))

    def ev_hotel(self, ts, host):
        a = host.main(ts)
        if a is None:
            return
        amt = min(a.bal, self.fen(self.lognorm(40000, .4), 100))
        self.tx(ts, a, self.corp("hotel", host.city), amt, ch="pos", reg=host.city)

    def plan_big_buy(self, p):
        rng = self.rng
        kind, med = rng.choices([("dealer", 120000), ("developer", 150000), ("hospital", 20000), ("gold", 15000)],
                                weights=[3, 2, 1.5, 1])[0]
        day = rng.randrange(self.days)
        T = self.t0 + day * DAY + int(rng.uniform(9.5, 17) * HOUR)
        target = self.fen(self.lognorm(med, .5), 1000)
        # family pooling: parents (who got money from the other children) and siblings send money first
        for par in p.parents:
            self.at(T - int(rng.uniform(2, 72) * HOUR), self.ev_pool, par, p, int(target * rng.uniform(.2, .5)))
        for sib in [k for par in p.parents[:1] for k in par.kids if k is not p]:
            if rng.random() < .5:
                self.at(T - int(rng.uniform(2, 72) * HOUR), self.ev_pool, sib, p, int(target * rng.uniform(.05, .2)))
        self.at(T - int(rng.uniform(.2, 30) * HOUR), self.ev_consolidate, p)
        self.at(T, self.ev_big_pay, p, kind, target)

    def ev_pool(self, ts, src, dst, amt):
        a, b = src.main(ts), dst.main(ts)
        if a is None or b is None:
            return
        if a.internal:
            if a.bal < amt:
                for o in src.others(ts, a):
                    if o.bal > 10000:
                        self.tx(ts, o, a, o.bal, reg=src.city)
            amt = min(amt, a.bal // 10000 * 10000)
        self.tx(ts, a, b, amt, reg=src.city, memo=self.memo("buy", .2))

    def ev_consolidate(self, ts, p):
        a = p.main(ts)
        if a is None:
            return
        for o in p.others(ts, a):
            if o.bal > 10000:
                self.tx(ts, o, a, o.bal // 100 * 100, reg=p.city)

    def ev_big_pay(self, ts, p, kind, target):
        a = p.main(ts)
        if a is None:
            return
        amt = min(target, a.bal // 100000 * 100000)
        if amt < 200000:
            return
        self.tx(ts, a, self.corp(kind, p.city), amt, ch=self.rng.choice(["counter", "online", "pos"]), reg=p.city,
                memo=self.memo("buy", .3))

    def plan_new_account(self, p):
        """Ordinary openings inside the window: a new job's salary card, a second bank, a move."""
        rng = self.rng
        day = rng.randrange(self.days)
        T = self.t0 + day * DAY + int(rng.uniform(9, 16.5) * HOUR)
        u = rng.random()
        if u < .45 and p.employer is not None:
            bank = p.employer["acct"].bank
            if bank not in BINS:
                bank = "ICBC"
            a = self.open_acct(p.idno, bank, T, p.city, "I", owner=p)
            p.accts.insert(0, a)  # the salary now arrives here; the person moves it to the old card
            p.new_card = a
            self.at(T, self.ev_deposit, a, self.fen(rng.choice([10, 20, 50, 100])), p.city)
        else:
            cls = rng.choices(["I", "II"], weights=[.5, .5])[0]
            bank = self.bank_for(p.city)
            a = self.open_acct(p.idno, bank, T, p.city, cls, owner=p)
            p.accts.append(a)
            self.at(T + int(self.logu(60, 2 * DAY)), self.ev_own_move_to, p, a, self.fen(self.lognorm(2000, 1), 100))
            for _ in range(rng.randint(0, 4)):
                self.at(T + int(rng.uniform(1, 20) * DAY), self.ev_spend_from, p, a)

    def ev_deposit(self, ts, a, amt, reg):
        self.tx(ts, None, a, amt, kind="deposit", ch="counter", reg=reg)

    def ev_own_move_to(self, ts, p, b, amt):
        for a in p.others(ts, b):
            if a.bal >= amt:
                self.tx(ts, a, b, min(amt, 200000 - b.bal) if b.cls == "III" else amt, reg=p.city)
                return

    def ev_spend_from(self, ts, p, a):
        if a.bal > 1000:
            self.tx(ts, a, self.corp("supermarket", p.city), min(a.bal, self.fen(self.lognorm(80, .8))),
                    ch="pos", reg=p.city)

    def plan_promo(self, p):
        """Someone opening several cards in their own city within days (bank promotions, a new business)."""
        rng = self.rng
        day = rng.randrange(max(1, self.days - 10))
        for i in range(rng.randint(3, 5)):
            T = self.t0 + (day + rng.randint(0, 9)) * DAY + int(rng.uniform(9, 16.5) * HOUR)
            bank = self.bank_for(p.city, 4)
            a = self.open_acct(p.idno, bank, T, p.city, rng.choice(["I", "I", "II"]), owner=p)
            p.accts.append(a)
            self.at(T + int(self.logu(60, 5 * DAY)), self.ev_own_move_to, p, a, self.fen(rng.choice([50, 100, 200, 500])))

    def plan_freshmen(self):
        """Students open accounts at term start (early September, late February) when it falls in the window."""
        rng = self.rng
        term = [i for i, d in enumerate(self.dates) if (d.month == 9 and d.day <= 10) or
                (d.month == 8 and d.day >= 28) or (d.month == 2 and d.day >= 22) or (d.month == 3 and d.day <= 5)]
        if not term:
            return
        students = [p for p in self.people if p.arch == "student" and p.age <= 19]
        for p in students:
            if rng.random() < .5:
                continue
            T = self.t0 + rng.choice(term) * DAY + int(rng.uniform(9, 17) * HOUR)
            uni = self.corps["university"].get(p.city) or [self.corp("university", p.city)]
            bank = uni[0].bank if uni[0].bank in BINS else "BOC"
            a = self.open_acct(p.idno, bank, T, p.city, "I", owner=p)
            p.accts.insert(0, a)
            par = p.parents[0] if p.parents else None
            fee = self.fen(rng.choice([4500, 5000, 5500, 6000, 6800, 8000, 12000]) + rng.choice([0, 1000, 1200, 1500]))
            if par is not None:
                self.at(T + int(rng.uniform(.5, 30) * HOUR), self.ev_pool_to, par, a, fee + self.fen(2000))
            self.at(T + int(rng.uniform(32, 96) * HOUR), self.ev_tuition, p, a, uni[0], fee)

    def ev_pool_to(self, ts, src, dst_acct, amt):
        a = src.main(ts)
        if a is None:
            return
        if a.internal:
            for o in src.others(ts, a):
                if a.bal < amt and o.bal > 0:
                    self.tx(ts, o, a, o.bal, reg=src.city)
            amt = min(amt, a.bal)
        self.tx(ts, a, dst_acct, amt, reg=src.city, memo=self.memo("tuition", .3))

    def ev_tuition(self, ts, p, a, uni, fee):
        self.tx(ts, a, uni, min(fee, a.bal), ch=self.rng.choice(["online", "pos", "counter"]), reg=p.city,
                memo=self.memo("tuition", .5))

    # ==========================================================================================
    # The fraud network
    def build_fraud(self):
        R, rng = self.R, self.rng
        ng = rng.randint(*R["gangs"])
        for gi in range(ng):
            g = Gang(gi)
            g.speed = self.pickw(R["speed"])
            g.nlayers = self.pickw(R["layers"])
            g.ops = rng.choice(OPS_PLACES)
            g.atm_regions = [g.ops] + rng.sample(OPS_PLACES, 2)
            g.otc = [self.ext_acct(rng.choice(["rcc", "pay", "corp"])) for _ in range(rng.randint(3, 7))]
            g.funding = [self.ext_acct(rng.choice(["rcc", "pay"])) for _ in range(2)]
            g.cashout = dict(R["cashout"])
            g.atm_unit = rng.choice([2000, 2500, 2500, 3000, 5000])
            g.atm_day = rng.choice([20000, 20000, 50000])
            g.cards = [[] for _ in range(g.nlayers)]
            g.lanes = rng.randint(*R["lanes"])
            self.gangs.append(g)
        deepest = max(R["layers"])
        if all(g.nlayers < deepest for g in self.gangs):  # every run shows the longest chains too
            g = self.gangs[0]
            g.nlayers = deepest
            g.cards = [[] for _ in range(deepest)]
        self.plan_cases()
        for g in self.gangs:
            self.plan_cards(g)
        self.plan_farmers()
        for g in self.gangs:
            for layer in g.cards:
                for c in layer:
                    self.materialize(g, c)

    def plan_cases(self):
        R, rng = self.R, self.rng
        ncases = int(round(len(self.people) * R["cases_per_k"] / 1000))
        eligible = [p for p in self.people if p.accts and p.accts[0].internal]
        for _ in range(ncases):
            tname = self.pickw(R["typ"])
            T = TYP[tname]
            cands = rng.sample(eligible, min(len(eligible), 60))
            w = [T["vic"].get(p.arch, .05) * (0 if p.busy else 1) for p in cands]
            if sum(w) == 0:
                continue
            v = rng.choices(cands, weights=w)[0]
            v.busy = True
            g = rng.choice(self.gangs)
            prof = R["fraud_prof"] or T["prof"]
            day = rng.randrange(self.days)
            ts = self.t_in_day(day, prof)
            n = rng.randint(*T["n"])
            amt = self.logu(*T["a0"]) * R["typ_amount"]
            growth = rng.uniform(*T["g"])
            case = {"victim": v, "typ": tname, "gang": g, "pays": [], "funded": 0}
            for k in range(n):
                if ts >= self.t1:
                    break
                step = 100 if amt >= 2000 else (10 if amt >= 200 else 1)
                pay = {"case": case, "k": k, "ts": ts, "amt": self.fen(amt, step if rng.random() < .85 else None),
                       "card": None, "ext": None}
                if rng.random() < R["ext_victim_p"]:
                    pay["ext"] = rng.choice(g.otc)
                else:
                    g.pays.append(pay)
                case["pays"].append(pay)
                gap = self.logu(*T["gap"]) * MIN
                nt = ts + int(gap)
                if rng.random() < .93:  # people are rarely talked into paying at 3 am
                    nt = self.align(nt, self.cum[prof], prof)
                ts = nt
                amt = min(amt * growth * rng.uniform(.85, 1.15), 500000)
            self.cases.append(case)
            for pay in case["pays"]:
                self.at(pay["ts"], self.ev_victim_pay, pay)

    def align(self, ts, cum, prof):
        """Move ts forward into an hour the profile allows, drawing the hour by the profile's weights
        (snapping to the first allowed minute would make a tell-tale spike at opening time)."""
        w = PROFILES[prof]
        floor = 0.25 * max(w)
        h = self.local_hour(ts)
        if w[h] >= floor:
            return ts
        later = [x for x in range(h + 1, 24) if w[x] >= floor]
        base = midnight(ts)
        if not later:
            base += DAY
            later = [x for x in range(24) if w[x] >= floor]
        hr = self.rng.choices(later, weights=[w[x] for x in later])[0]
        return base + hr * HOUR + self.rng.randrange(HOUR)

    def plan_cards(self, g):
        R, rng = self.R, self.rng
        layer0 = g.cards[0]
        # a gang runs several collection teams at once, each with its own stream of cards
        lanes = {}
        for case_pays in [c["pays"] for c in self.cases if c["gang"] is g]:
            lane = rng.randrange(g.lanes)
            lanes.setdefault(lane, []).extend(p for p in case_pays if p["ext"] is None)
        for lane in sorted(lanes):
            self.plan_lane(g, sorted(lanes[lane], key=lambda p: p["ts"]), layer0)
        self.plan_downstream(g, layer0)

    def plan_lane(self, g, pays, layer0):
        R, rng = self.R, self.rng
        i = 0
        while i < len(pays):
            k = rng.randint(*R["per_card"])  # distinct victims a collection card takes before it is dropped
            span = rng.uniform(*R["use_days"]) * DAY
            grp = [pays[i]]
            victims = [pays[i]["case"]["victim"]]
            i += 1
            while i < len(pays) and pays[i]["ts"] - grp[0]["ts"] < span:
                v = pays[i]["case"]["victim"]
                if v not in victims:
                    if len(victims) >= k:
                        break
                    victims.append(v)
                grp.append(pays[i])
                i += 1
            c = self.new_card(g, 0, grp[0]["ts"] - int(rng.uniform(.1, 1.5) * DAY), grp[-1]["ts"] + HOUR)
            for p in grp:
                p["card"] = c
            layer0.append(c)

    def plan_downstream(self, g, layer0):
        R, rng = self.R, self.rng
        pays = sorted(g.pays, key=lambda p: p["ts"])
        # some victims are told to pay a neighbouring card
        for j, p in enumerate(pays):
            if rng.random() < .15:
                alts = [c for c in layer0 if c.af <= p["ts"] <= c.at and c is not p["card"]]
                if alts:
                    p["card"] = rng.choice(alts)
        slack = {"fast": 6 * HOUR, "mixed": DAY, "slow": 3 * DAY}[g.speed]
        for L in range(1, g.nlayers):
            prev = sorted(g.cards[L - 1], key=lambda c: c.af)
            j = 0
            while j < len(prev):
                m = rng.randint(*R["merge"])
                grp = prev[j:j + m]
                j += m
                c = self.new_card(g, L, min(x.af for x in grp), max(x.at for x in grp) + slack)
                for x in grp:
                    x.nxt.append(c)
                g.cards[L].append(c)
            cur = g.cards[L]
            for x in prev:
                if rng.random() < R["split_p"] and len(cur) > 1:
                    alts = [c for c in cur if c not in x.nxt and c.af <= x.at and c.at >= x.af]
                    if alts:
                        x.nxt.append(rng.choice(alts))
            if L >= 2:
                for x in g.cards[L - 2]:
                    if rng.random() < R["skip_p"]:
                        x.nxt.append(rng.choice(cur))

    def new_card(self, g, layer, af, at):
        c = Acct("", "", "", 0, "", "I")
        c.gang = g
        c.layer = layer
        c.af = max(af, self.t0 - 2 * DAY)
        c.at = at
        return c

    def card_kind(self, g, c):
        mix = dict(self.R["mix"])
        last = c.layer == g.nlayers - 1
        if c.layer == 0:
            mix["shell"] = 0
            mix["farmer"] *= .5
        if last:
            mix["shell"] = 0
            mix["farmer"] *= 2
        if sum(mix.values()) <= 0:
            return "fresh"
        return self.pickw(mix)

    def plan_farmers(self):
        """Card farmers: people from one county who open many cards at several banks in cities far
        from home within days; the cards are sold to the gangs, some stay idle."""
        R, rng = self.R, self.rng
        slots = []
        for g in self.gangs:
            for layer in g.cards:
                for c in layer:
                    c.mkind = self.card_kind(g, c)
                    if c.mkind == "farmer":
                        slots.append(c)
        slots.sort(key=lambda c: c.af)
        i = 0
        while i < len(slots):
            ring = rng.randint(1, 3)
            per = rng.randint(6, 14)
            batch = slots[i:i + ring * per]
            i += ring * per
            home = rng.choice(FARMER_HOMES)
            targets = rng.sample([c for c in CITY_CODES if prov(c) != prov(home) and c not in OPS_PLACES], 3)
            end = min(c.af for c in batch) - int(rng.uniform(1, 6) * DAY)
            start = end - int(rng.uniform(3, 14) * DAY)
            members = []
            for _ in range(ring):
                age = rng.randint(19, 45)
                fp = Person(-1, self.new_idno(home, age, rng.random() < .8), home, home, "farmer", age)
                members.append(fp)
                self.farmers.append(fp)
            cards = []
            for fp in members:
                ncards = max(rng.randint(6, 12), int(len(batch) / ring * (1 + rng.uniform(*R["farmers_extra"]))) + 1)
                cities = rng.sample(targets, rng.randint(2, 3))
                for k in range(ncards):
                    city = cities[min(len(cities) - 1, k * len(cities) // ncards)]
                    T = start + int((end - start) * (k + rng.random()) / ncards)
                    T = midnight(T) + int(rng.uniform(9, 16.8) * HOUR)
                    bank = self.bank_for(city, 5)
                    a = self.open_acct(fp.idno, bank, T, city, "I", bal=self.fen(rng.choice([10, 20, 50, 100])))
                    a.farmer = fp
                    a.label = "mule"
                    a.mkind = "farmer"
                    if T >= self.t0:
                        self.at(T, self.ev_deposit, a, self.fen(rng.choice([10, 20, 50, 100])), city)
                    cards.append(a)
            rng.shuffle(cards)
            cards.sort(key=lambda a: a.opened)
            for c in batch:
                ok = [a for a in cards if a.opened <= c.af - DAY and a.gang is None]
                if ok:
                    a = ok[0]
                    c.id = a.id
                    c.shadow = a
                    a.gang = c.gang
                else:
                    c.mkind = "fresh"

    def materialize(self, g, c):
        """Turn a planned card into an account of its kind and schedule its pre-use life."""
        R, rng = self.R, self.rng
        kind = c.mkind
        if kind == "farmer":
            if c.shadow is not None:
                self.adopt(c.shadow, c)
                return
            kind = c.mkind = "fresh"
        if kind == "rented":
            owner, acct = self.find_renter()
            if owner is None:
                kind = "fresh"
            else:
                self.rent_out(g, c, owner, acct)
                return
        if kind == "shell":
            reg = rng.choice(OPS_PLACES + CITY_CODES[:10])
            a = self.open_acct(self.new_uscc(reg), self.bank_for(reg, 3), self.opened_before(.15, 2.5), reg, "corp",
                               self.fen(self.lognorm(5000, 1)))
            a.mkind = "shell"
            self.adopt(a, c)
            return
        # fresh or aged: a real person's new card, or a recruit from the countryside
        lag = rng.uniform(*R["fresh_lag"]) if kind == "fresh" else self.logu(*R["aged_lag"])
        opened = c.af - int(lag * DAY)
        opened = midnight(opened) + int(rng.uniform(9, 16.8) * HOUR)
        if opened > c.af - HOUR:
            opened = c.af - HOUR
        holder_p = None
        if rng.random() < .45:
            young = [p for p in rng.sample(self.people, 80) if p.arch in ("student", "gig", "migrant", "night")
                     and not p.busy and p.accts and p.accts[0].internal]
            if young:
                holder_p = young[0]
                holder_p.busy = True
        if holder_p is not None:
            holder, reg = holder_p.idno, rng.choice([holder_p.city, holder_p.hukou])
        else:
            home = self.place_pick(3, COUNTY_CODES)
            holder = self.new_idno(home, rng.randint(18, 70))
            reg = home if rng.random() < .6 else self.place_pick(2, CITY_CODES)
        bal = self.fen(rng.choice([0, 10, 20, 50, 100, 300])) if opened < self.t0 else 0
        a = self.open_acct(holder, self.bank_for(reg, 4), opened, reg, "I" if rng.random() < .9 else "II", bal)
        a.mkind = kind
        if opened >= self.t0:
            self.at(opened, self.ev_deposit, a, self.fen(rng.choice([10, 20, 50, 100, 200])), reg)
        if kind == "aged":  # 养卡: a little normal-looking use while the card ages
            lo = max(opened, self.t0)
            for _ in range(rng.randint(0, 4)):
                if c.af - lo > 2 * HOUR:
                    self.at(lo + rng.randrange(c.af - lo), self.ev_groom, a, reg)
        self.adopt(a, c)

    def adopt(self, a, c):
        """The account a takes the place of the planned card c."""
        c.id = a.id
        a.gang = c.gang
        a.layer = c.layer
        a.af, a.at = c.af, c.at
        a.nxt = c.nxt
        a.label = "mule"
        if a.mkind is None:
            a.mkind = c.mkind
        if a.ctrl_from == INF:
            a.ctrl_from = min(c.af, a.opened)
        c.real = a
        if self.rng.random() < .3:  # the gang tests the card with a fen or a yuan
            self.at(c.af - int(self.rng.uniform(.2, 12) * HOUR), self.ev_test, a)

    def find_renter(self):
        rng = self.rng
        for _ in range(200):
            p = rng.choice(self.people)
            if p.busy or not p.accts or not p.accts[0].internal:
                continue
            if p.arch not in ("student", "migrant", "gig", "white", "night") or p.age > 45:
                continue
            if p.arch == "white" and rng.random() < .6:
                continue
            old = [a for a in p.accts if a.internal and a.opened < self.t0 and a.cls == "I" and a.ctrl_from == INF]
            if not old:
                continue
            p.busy = True
            return p, (old[-1] if len(old) > 1 and rng.random() < .6 else old[0])
        return None, None

    def rent_out(self, g, c, p, a):
        """An old account with years of ordinary life is rented or sold to the gang."""
        R, rng = self.R, self.rng
        h = c.af - int(rng.uniform(.3, 36) * HOUR)
        if c.af < self.t0 + 12 * HOUR:
            # cards needed on the first day were rented before the window: their history is censored
            h = self.t0 - int(rng.uniform(.5, 20) * DAY)
            a.bal0 = a.bal = self.fen(rng.uniform(0, 60))
        a.ctrl_from = h
        if rng.random() < R["return_p"]:
            a.ctrl_to = c.at + int(rng.uniform(.5, 3) * DAY)  # 出借: handed back after use
        else:
            a.ctrl_to = INF
        a.mkind = "rented" if h >= self.t0 else "rented_before"
        a.runner = rng.random() < R["runner_p"]  # the owner moves the money himself (跑分)
        if a is p.accts[0] and len([x for x in p.accts if x.internal]) < 2:
            # the seller opens a new card for his own life first
            T = h - int(rng.uniform(.5, 72) * HOUR)
            if h >= self.t0:
                T = max(T, self.t0 + HOUR)
            b = self.open_acct(p.idno, self.bank_for(p.city), T, p.city, "I", owner=p)
            if T < self.t0:
                b.bal0 = b.bal = self.balance0(p.arch)
            p.accts.append(b)
        if rng.random() < .7 and h > self.t0:
            self.at(max(self.t0, h - int(rng.uniform(.1, 20) * HOUR)), self.ev_empty, p, a)
        self.adopt(a, c)
        a.ctrl_from = h
        if rng.random() < .25:
            self.at(h + int(rng.uniform(1, 48) * HOUR), self.ev_rent_fee, p, g)

    def ev_empty(self, ts, p, a):
        rng = self.rng
        if a.bal < 2000:
            return
        keep = self.fen(rng.uniform(0, 50))
        amt = a.bal - keep
        if amt <= 0:
            return
        others = [o for o in p.accts if o is not a and o.internal and o.opened <= ts]
        if others and rng.random() < .75:
            self.tx(ts, a, others[0], amt, reg=p.city)
        else:
            self.tx(ts, a, None, min(amt, amt // 10000 * 10000 or amt), kind="withdrawal", ch="atm", reg=p.city)

    def ev_rent_fee(self, ts, p, g):
        b = p.main(ts)
        if b is not None:
            self.tx(ts, self.rng.choice(g.funding), b, self.fen(self.rng.choice([300, 500, 800, 1000, 1500, 2000])),
                    reg=g.ops)

    def ev_groom(self, ts, a, reg):
        rng = self.rng
        u = rng.random()
        if u < .35:
            self.tx(ts, None, a, self.fen(rng.choice([100, 200, 300, 500])), kind="deposit", ch="atm", reg=reg)
        elif u < .7 and a.bal > 2000:
            self.tx(ts, a, rng.choice(self.ext["online"]), min(a.bal, self.fen(self.lognorm(40, .8))), reg=reg)
        else:
            self.tx(ts, self.rng.choice(self.ext["online"]), a, self.fen(self.lognorm(60, .8)), reg=reg)

    def ev_test(self, ts, a):
        g = a.gang
        self.tx(ts, self.rng.choice(g.funding), a, self.rng.choice([1, 1, 100, 100, 1000]), reg=g.ops)

    # -- fraud at run time ---------------------------------------------------------------------------
    def ev_victim_pay(self, ts, pay):
        rng = self.rng
        case = pay["case"]
        v = case["victim"]
        T = TYP[case["typ"]]
        if case.get("stopped"):
            return
        a = v.main(ts)
        if a is None:
            return
        to = pay["ext"] if pay["ext"] is not None else pay["card"].real
        if to is None:
            return
        want = pay["amt"]
        if a.bal < want and not pay.get("funded"):
            pay["funded"] = True
            if self.fund_victim(ts, v, a, want - a.bal, T["fund"]):
                self.at(ts + int(self.logu(3 * MIN, 6 * HOUR)), self.ev_victim_pay, pay)
                return
        amt = min(want, a.bal - self.fen(rng.uniform(0, 30)))
        if amt < min(want, 10000):
            case["stopped"] = True
            return
        if amt > 500000:
            amt = amt // 100 * 100
        ch = T.get("ch") or rng.choices(["mobile", "online", "counter"], weights=[7, 2, 1 if amt > 5000000 else .2])[0]
        memo = rng.choice(T["memo"]) if rng.random() < .08 else ""
        r = self.tx(ts, a, to, amt, ch=ch, reg=self.here(v, ts), memo=memo)
        if r is None:
            return
        self.fraud_rows.append(r)
        if to.internal:
            self.receive(ts, to, amt)
        if T["rebate"] == "brush" and pay["k"] <= 1:
            self.at(ts + int(self.logu(2 * MIN, 40 * MIN)), self.ev_rebate, case, a, int(amt * rng.uniform(1.05, 1.3)))
        elif T["rebate"] == "profit" and pay["k"] <= 1 and rng.random() < .6:
            self.at(ts + int(self.logu(6 * HOUR, 3 * DAY)), self.ev_rebate, case, a, int(amt * rng.uniform(.05, .2)))

    def fund_victim(self, ts, v, a, short, ways):
        rng = self.rng
        for way in ways:
            if way == "own":
                got = False
                for o in v.others(ts, a):
                    if o.bal > 1000:
                        self.tx(ts, o, a, o.bal, reg=self.here(v, ts))
                        got = True
                if got:
                    return True
            elif way == "loan":
                amt = self.fen(max(short / 100 * rng.uniform(1.0, 1.5), 3000), 1000)
                self.tx(ts, rng.choice(self.ext["loanplat"]), a, amt, ch="online", reg=self.here(v, ts))
                return True
            elif way == "family":
                fam = list(v.parents) + list(v.kids)
                rng.shuffle(fam)
                for f in fam:
                    fa = f.main(ts)
                    if fa is not None and (not fa.internal or fa.bal > short):
                        amt = self.fen(short / 100 * rng.uniform(1.0, 1.3), 100)
                        if fa.internal:
                            amt = min(amt, fa.bal)
                        self.tx(ts, fa, a, amt, reg=f.city, memo=self.memo("loan", .2))
                        return True
        return False

    def ev_rebate(self, ts, case, va, amt):
        g = case["gang"]
        srcs = [c.real for c in g.cards[0] if c.real is not None and c.real.pending >= amt
                and c.real.opened <= ts]
        if srcs:
            s = self.rng.choice(srcs)
            if self.tx(ts, s, va, amt, reg=g.ops) is not None:
                s.pending -= amt
        else:
            self.tx(ts, self.rng.choice(g.funding), va, amt, reg=g.ops)

    def receive(self, ts, a, amt):
        """Gang money lands on a controlled account; schedule its forwarding."""
        a.pending += amt
        a.used += 1
        if not a.fwd:
            a.fwd = True
            self.at(self.gang_time(ts + self.hop_delay(a.gang), a.gang, a), self.ev_forward, a)

    def hop_delay(self, g):
        rng = self.rng
        sp = g.speed
        if sp == "mixed":
            sp = "fast" if rng.random() < .55 else "medium"
        if sp == "fast":
            return int(min(90 * MIN, max(30, self.lognorm(4 * MIN, .9))))
        if sp == "medium":
            return int(min(12 * HOUR, max(2 * MIN, self.lognorm(50 * MIN, 1.0))))
        return int(min(30 * HOUR, max(20 * MIN, self.lognorm(4 * HOUR, .8))))

    def gang_time(self, ts, g, a=None):
        prof = self.R["gang_prof"]
        if a is not None and a.runner and a.owner is not None:
            prof = a.owner.prof if a.owner.prof != "old" else "day"
            if PROFILES[prof][self.local_hour(ts)] < 1:
                return self.align(ts, None, prof)
            return ts
        if prof:
            return self.align(ts, None, prof)
        return ts

    def op_region(self, a):
        if a.runner and a.owner is not None:
            return a.owner.city
        return a.gang.ops if self.rng.random() < .75 else a.region

    def ev_forward(self, ts, a):
        rng = self.rng
        a.fwd = False
        amt = min(a.pending, a.bal)
        if amt <= 0:
            return
        keep = 0 if rng.random() < .5 else min(amt // 10, self.fen(rng.uniform(0, 80)))
        amt -= keep
        a.pending = 0
        if amt < 100:
            return
        g = a.gang
        reg = self.op_region(a)
        allnxt = [c.real for c in a.nxt if c.real is not None]
        nxt = [n for n in allnxt if n.opened <= ts]
        if allnxt and not nxt:
            # the next card is not opened yet: hold the money until it is
            a.pending += amt
            a.fwd = True
            self.at(min(n.opened for n in allnxt) + self.hop_delay(g), self.ev_forward, a)
            return
        if not nxt:
            self.cash_out(ts, a, amt)
            return
        if a.layer > 0 and rng.random() < self.R["mid_exit_p"]:
            part = self.fen(amt / 100 * rng.uniform(.1, .4), 100)
            if part < amt and self.tx(ts, a, rng.choice(g.otc), part, ch="online", reg=reg) is not None:
                amt -= part
        k = len(nxt) if len(nxt) == 1 else rng.randint(1, len(nxt))
        targets = rng.sample(nxt, k)
        parts = self.split(amt, k)
        for t, p in zip(targets, parts):
            if p <= 0:
                continue
            memo = rng.choice(["货款", "还款", "往来款"]) if rng.random() < .05 else ""
            if self.tx(ts, a, t, p, ch=rng.choice(["mobile", "mobile", "online"]), reg=reg, memo=memo) is not None:
                self.receive(ts, t, p)

    def split(self, amt, k):
        if k == 1:
            return [amt]
        rng = self.rng
        w = [rng.uniform(.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = [int(amt * x / s) // 10000 * 10000 if amt > 1000000 else int(amt * x / s) for x in w[:-1]]
        parts.append(amt - sum(parts))
        return parts

    def cash_out(self, ts, a, amt):
        rng = self.rng
        g = a.gang
        way = self.pickw(g.cashout)
        if amt > 6000000 and way == "atm":
            way = "exit"
        if way == "counter" and amt > 100000:
            c = min(amt, self.fen(rng.uniform(40000, 49900), 100))
            self.tx(ts, a, None, c, kind="withdrawal", ch="counter", reg=rng.choice(g.atm_regions))
            amt -= c
            if amt > 0:
                way = rng.choice(["atm", "exit"])
        if amt <= 0:
            return
        if way == "atm":
            a.pending += amt
            a.cash_reg = rng.choice(g.atm_regions)
            if not getattr(a, "cashing", False):
                a.cashing = True
                t = ts + int(self.logu(2 * MIN, 3 * HOUR))
                if self.R["atm_prof"] == "office":
                    t = self.align(t, None, "office")
                self.at(t, self.ev_atm_run, a)
        else:
            parts = self.split(amt, rng.randint(1, 3))
            for p in parts:
                if p > 0:
                    self.tx(ts, a, rng.choice(g.otc), p, ch="online", reg=self.op_region(a))

    def ev_atm_run(self, ts, a):
        """Chunked ATM withdrawals at the daily limit, far from where the card was opened."""
        rng = self.rng
        g = a.gang
        day = self.day_of(ts)
        done = a.day_out.get(day, 0)
        unit = self.fen(g.atm_unit)
        lim = self.fen(g.atm_day)
        want = min(a.pending, a.bal)
        if want < 10000:
            a.cashing = False
            a.pending = 0
            return
        chunk = min(unit, want // 10000 * 10000, lim - done)
        if chunk >= 10000:
            if self.tx(ts, a, None, chunk, kind="withdrawal", ch="atm", reg=a.cash_reg) is not None:
                a.pending -= chunk
                a.day_out[day] = done + chunk
            self.at(ts + rng.randint(25, 150), self.ev_atm_run, a)
        else:
            # daily limit reached: next day, at the gang's cash-out hour
            self.at(self.t0 + (day + 1) * DAY + self.hour(self.R["atm_prof"]) * HOUR + rng.randrange(HOUR),
                    self.ev_atm_run, a)

    # ==========================================================================================
    def write(self, out):
        os.makedirs(out, exist_ok=True)
        internal = sorted((a for a in self.accts), key=lambda a: a.id)
        with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "bank", "holder_id", "opened_at", "open_region", "account_class",
                        "opening_balance"])
            for a in internal:
                w.writerow([a.id, a.bank, a.holder, self.rfc(a.opened), a.region, a.cls, yuan_str(a.bal0)])
        ids = []
        with open(os.path.join(out, "transfers.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["txn_id", "ts", "from_account", "to_account", "amount", "currency", "channel", "region",
                        "kind", "memo", "cross_border"])
            last = -INF
            day_cache = {}
            for n, (ts, frm, to, amt, ch, reg, kind, memo, xb) in enumerate(self.rows):
                assert ts >= last
                last = ts
                lt = ts + TZ
                dkey = lt // DAY
                ds = day_cache.get(dkey)
                if ds is None:
                    ds = time.strftime("%Y-%m-%d", time.gmtime(dkey * DAY))
                    day_cache[dkey] = ds
                s = lt % DAY
                tid = f"{ds.replace('-', '')}{n + 1:08d}"
                ids.append(tid)
                w.writerow([tid, f"{ds}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+08:00", frm, to,
                            yuan_str(amt), "CNY", ch, reg, kind, memo, "true" if xb else "false"])
        labels = []
        for a in internal:
            if a.label:
                labels.append(("account", a.id, a.label))
        for r in self.fraud_rows:
            labels.append(("transfer", ids[r], "fraud"))
        for fp in self.farmers:
            labels.append(("holder", fp.idno, "card_farmer"))
        with open(os.path.join(out, "labels.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["kind", "id", "label"])
            for row in labels:
                w.writerow(row)

    def write_roles(self, path):
        """Debug aid, not a label file: what each account is in the world (archetype or mule kind)."""
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "role", "detail"])
            for a in sorted(self.accts, key=lambda a: a.id):
                if a.label == "mule":
                    role, detail = "mule:" + (a.mkind or "?"), f"layer{a.layer}" if a.layer >= 0 else "idle"
                elif a.owner is not None:
                    role = a.owner.arch
                    detail = "night" if a.owner.night else ""
                    if a.opened >= self.t0:
                        detail += " new"
                    if a.owner.busy:
                        detail += " busy"
                else:
                    role, detail = "corp" if a.cls == "corp" else "other", ""
                    for kind, regs in self.corps.items():
                        if any(a in lst for lst in regs.values()):
                            detail = kind
                            break
                w.writerow([a.id, role, detail.strip()])

    def rfc(self, ts):
        return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(ts + TZ))

    def summary(self):
        mules = [a for a in self.accts if a.label == "mule"]
        by = {}
        for a in mules:
            by[a.mkind] = by.get(a.mkind, 0) + 1
        mule_ids = {a.id for a in mules}
        active = set()
        for (ts, frm, to, amt, ch, reg, kind, memo, xb) in self.rows:
            if frm in mule_ids:
                active.add(frm)
        idle = sum(1 for a in mules if a.id not in active)
        new_in_window = sum(1 for a in self.accts if a.opened >= self.t0)
        return {
            "regime": self.regime, "seed": self.seed, "window_start": self.rfc(self.t0), "days": self.days,
            "persons": len(self.people), "accounts": len(self.accts),
            "accounts_opened_in_window": new_in_window, "transfers": len(self.rows),
            "withdrawals": sum(1 for r in self.rows if r[6] == "withdrawal"),
            "deposits": sum(1 for r in self.rows if r[6] == "deposit"),
            "mules": len(mules), "mules_by_kind": dict(sorted(by.items())), "mules_never_moving_money": idle,
            "card_farmers": len(self.farmers), "gangs": len(self.gangs), "fraud_cases": len(self.cases),
            "victims_who_paid": len({self.rows[r][1] for r in self.fraud_rows}),
            "victim_payments": len(self.fraud_rows),
            "victim_loss_yuan": sum(self.rows[r][3] for r in self.fraud_rows) // 100,
            "skipped_for_lack_of_funds": self.stats["skipped_no_funds"],
            **({"debug": self.stats} if DEBUG else {}),
        }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--regime", default="baseline", choices=REGIME_NAMES)
    ap.add_argument("--persons", type=int, default=15000)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--start", help="window start date YYYY-MM-DD (default: drawn from the seed)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--roles", help="also write a debug CSV of what each account is (not read by fanzha)")
    args = ap.parse_args(argv)
    if args.days < 2 or args.persons < 200:
        ap.error("need --days >= 2 and --persons >= 200")
    start = dt.date.fromisoformat(args.start) if args.start else None
    t = time.time()
    w = World(args.seed, args.regime, args.persons, args.days, start)
    w.build_people()
    w.build_corps()
    w.give_accounts()
    w.assign_roles()
    w.schedule_life()
    w.build_fraud()
    w.run()
    w.write(args.out)
    if args.roles:
        w.write_roles(args.roles)
    s = w.summary()
    s["seconds"] = round(time.time() - t, 1)
    if not args.quiet:
        import json
        print(json.dumps(s, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
