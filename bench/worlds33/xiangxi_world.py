#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 (written for the fanzha project)
"""xiangxi_world.py -- a synthetic banking world of western Hunan and its neighbours.

Xiangxi Tujia and Miao prefecture (Jishou, Fenghuang, ...), Zhangjiajie, Huaihua, the
Chongqing counties Xiushan and Youyang and Tongren in Guizhou: villagers and left-behind
elderly, migrant workers in Guangdong and Zhejiang, students, homestays, guides, silver and
souvenir shops, live-stream sellers of kiwifruit, smoked meat, tea and oranges, and the
telecom-fraud money that runs through mule accounts, paofen accounts, U-merchants and
card farmers' cards.  Output: fanzha interchange format v1 (docs/formats.md).

    python3 xiangxi_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]

Python 3 standard library only.  Every random draw comes from one random.Random seeded with
the string "xiangxi/<variant>/<seed>"; no set is iterated and hash() is never called, so the
files are byte-identical across runs and across PYTHONHASHSEED values.
"""

import argparse
import csv
import datetime as _dt
import heapq
import math
import os
import random
import re
import sys
import time as _time

TZ = _dt.timezone(_dt.timedelta(hours=8))
MIN = 60
HOUR = 3600
DAY = 86400

# --------------------------------------------------------------------------------------
# Geography (GB/T 2260 county-level codes)
# --------------------------------------------------------------------------------------
# code, name, population weight, prefecture key
LOCAL = [
    ('433101', '吉首市', 30, 'XX'), ('433122', '泸溪县', 11, 'XX'), ('433123', '凤凰县', 17, 'XX'),
    ('433124', '花垣县', 12, 'XX'), ('433125', '保靖县', 10, 'XX'), ('433126', '古丈县', 5, 'XX'),
    ('433127', '永顺县', 15, 'XX'), ('433130', '龙山县', 17, 'XX'),
    ('430802', '永定区', 20, 'ZJJ'), ('430811', '武陵源区', 6, 'ZJJ'), ('430821', '慈利县', 20, 'ZJJ'),
    ('430822', '桑植县', 13, 'ZJJ'),
    ('431202', '鹤城区', 26, 'HH'), ('431221', '中方县', 8, 'HH'), ('431222', '沅陵县', 19, 'HH'),
    ('431223', '辰溪县', 14, 'HH'), ('431224', '溆浦县', 22, 'HH'), ('431225', '会同县', 9, 'HH'),
    ('431226', '麻阳县', 10, 'HH'), ('431227', '新晃县', 7, 'HH'), ('431228', '芷江县', 10, 'HH'),
    ('431229', '靖州县', 7, 'HH'), ('431230', '通道县', 6, 'HH'), ('431281', '洪江市', 14, 'HH'),
    ('500241', '秀山县', 18, 'CQ'), ('500242', '酉阳县', 19, 'CQ'),
    ('520602', '碧江区', 14, 'TR'), ('520603', '万山区', 5, 'TR'), ('520621', '江口县', 6, 'TR'),
    ('520622', '玉屏县', 4, 'TR'), ('520628', '松桃县', 20, 'TR'),
]
PREF_OF = {c: p for c, _n, _w, p in LOCAL}
CENTRE = {'XX': '433101', 'ZJJ': '430802', 'HH': '431202', 'CQ': '500241', 'TR': '520602'}
RCC = {'XX': 'HNRCU', 'ZJJ': 'HNRCU', 'HH': 'HNRCU', 'CQ': 'CQRCB', 'TR': 'GZRCU'}
# scenic places: Fenghuang old town, Wulingyuan, Tianmen mountain, Furong town, Dehang/Aizhai,
# Fanjingshan, Taohuayuan of Youyang, Hongjiang old merchant town, Shibadong village
TOURISM = [('433123', 34), ('430811', 27), ('430802', 14), ('433127', 6), ('433101', 4),
           ('520621', 6), ('500242', 4), ('431281', 3), ('433124', 2)]
# where migrant workers of the region work
WORK = [('441900', 22), ('440306', 11), ('440307', 10), ('440111', 7), ('440113', 4), ('440606', 6),
        ('442000', 5), ('441303', 3), ('330212', 4), ('330302', 3), ('330782', 4), ('330110', 3),
        ('320583', 4), ('350206', 2), ('350582', 2), ('430111', 6), ('500112', 3)]
# the rest of China (victims, tourists, buyers), weighted roughly by urban population
NATION = [('110105', 9), ('110108', 6), ('310115', 9), ('310112', 4), ('120104', 4), ('500103', 4),
          ('500112', 4), ('440106', 6), ('440304', 5), ('440306', 4), ('441900', 4), ('330106', 5),
          ('330212', 3), ('320106', 4), ('320505', 4), ('420106', 6), ('430104', 7), ('430111', 5),
          ('430702', 2), ('430602', 2), ('510107', 6), ('510104', 3), ('610113', 5), ('410105', 5),
          ('370102', 3), ('370212', 3), ('340104', 3), ('360102', 3), ('350102', 2), ('350203', 2),
          ('530102', 3), ('450103', 3), ('520102', 3), ('460108', 1), ('210102', 3), ('210202', 2),
          ('230103', 2), ('220102', 2), ('140105', 2), ('130102', 2), ('150102', 1), ('620102', 1),
          ('650102', 1), ('640104', 1), ('630102', 1)]
# where gangs take cash out: Guangdong, the Guangxi and Yunnan borders, Hainan, Xiamen
CASHOUT = [('441900', 16), ('440307', 10), ('440111', 8), ('532801', 8), ('533102', 6), ('450681', 7),
           ('451481', 5), ('450107', 6), ('530111', 5), ('460108', 3), ('350203', 3), ('532823', 3)]
# card farmers' home places (identity numbers) and the cities they farm cards in
FARMER_HOME = [('422801', 4), ('422826', 2), ('422827', 3), ('451202', 3), ('520502', 3), ('530602', 2),
               ('430524', 2), ('433124', 2), ('520628', 2), ('433127', 1)]
FARM_CITY = [('433101', 6), ('431202', 6), ('430802', 5), ('520602', 4), ('500241', 3), ('430102', 3),
             ('430702', 2), ('500114', 2), ('422801', 2), ('431281', 2), ('500103', 2), ('520102', 2)]
UNIVERSITIES = [  # name, campus region, campus banks, students weight
    ('吉首大学', '433101', ('ICBC', 'CCB'), 30), ('吉首大学张家界校区', '430802', ('ICBC', 'ABC'), 10),
    ('怀化学院', '431202', ('CCB', 'BOC'), 20), ('湖南医药学院', '431202', ('ICBC', 'BOC'), 10),
    ('铜仁学院', '520602', ('ABC', 'CCB'), 12), ('湘西民族职业技术学院', '433101', ('ABC', 'PSBC'), 9),
    ('张家界航空工业职业技术学院', '430802', ('CCB', 'PSBC'), 7), ('怀化职业技术学院', '431202', ('ICBC', 'PSBC'), 6),
]

# --------------------------------------------------------------------------------------
# Institutions.  code: (name, card BINs, card length, corporate prefix, corporate length)
# --------------------------------------------------------------------------------------
BANKS = {
    'ICBC': ('中国工商银行', ('622202', '621226', '621558'), 19, '19', 19),
    'ABC': ('中国农业银行', ('622848', '623052', '622845'), 19, '18', 17),
    'CCB': ('中国建设银行', ('621700', '621284', '621467'), 19, '@@', 20),
    'BOC': ('中国银行', ('621785', '621661', '621756'), 19, '58', 12),
    'PSBC': ('中国邮政储蓄银行', ('621799', '622188', '621098'), 19, '94', 18),
    'HNRCU': ('湖南农信(农商银行)', ('622169', '621539', '623090'), 19, '82', 19),
    'CQRCB': ('重庆农村商业银行', ('621258', '622867', '623177'), 19, '01', 19),
    'GZRCU': ('贵州农信(农商银行)', ('621779', '622991', '623210'), 19, '21', 19),
    'BOCOM': ('交通银行', ('622262', '622260'), 19, '@@', 21),
    'CMB': ('招商银行', ('621483', '622588', '622609'), 16, '75', 15),
    'CIB': ('兴业银行', ('622909', '622908'), 18, '36', 18),
    'SPDB': ('浦发银行', ('621792', '622521'), 16, '76', 16),
    'CITIC': ('中信银行', ('621771', '622690'), 16, '81', 19),
    'CEB': ('光大银行', ('622660', '622666'), 16, '39', 16),
    'CMBC': ('民生银行', ('622622', '621691'), 16, '69', 16),
    'PAB': ('平安银行', ('623058', '622155'), 19, '15', 14),
    'HXB': ('华夏银行', ('623156', '622632'), 16, '10', 14),
    'GDB': ('广发银行', ('622568', '621462'), 19, '95', 19),
    'HNB': ('湖南银行', ('621577', '623513'), 19, '86', 19),
    'CSCB': ('长沙银行', ('621420', '622368'), 19, '80', 18),
    'NBCB': ('宁波银行', ('622282', '621418'), 16, '70', 14),
    'CZVB': ('湘西村镇银行', ('621653', '623598'), 19, '66', 18),
    'PBOC': ('国家金库', (), 0, '43', 16),
    'ALIPAY': ('支付宝', ('2088',), 16, '2088', 16),
    'TENPAY': ('财付通', ('1900',), 16, '1900', 16),
}
# institutions that supply data, and how many days after the first extract theirs starts
SUPPLY = {'ICBC': 0, 'ABC': 0, 'CCB': 1, 'BOC': 2, 'PSBC': 0, 'HNRCU': 3, 'CQRCB': 5, 'GZRCU': 2}
# personal banking of people elsewhere in China
NATION_BANKS = [('ICBC', 14), ('CCB', 12), ('ABC', 10), ('BOC', 7), ('PSBC', 7), ('BOCOM', 6), ('CMB', 11),
                ('CIB', 5), ('SPDB', 4), ('CITIC', 4), ('CEB', 3), ('CMBC', 3), ('PAB', 5), ('HXB', 1),
                ('GDB', 3), ('NBCB', 2), ('CSCB', 1), ('HNB', 1)]
WORK_BANKS = [('ICBC', 16), ('CCB', 13), ('ABC', 12), ('BOC', 8), ('PSBC', 5), ('CMB', 9), ('PAB', 6),
              ('GDB', 5), ('BOCOM', 5), ('CIB', 4), ('NBCB', 2), ('CITIC', 2)]
TOWN_BANKS = [('ICBC', 15), ('CCB', 16), ('ABC', 15), ('BOC', 9), ('PSBC', 10), ('HNRCU', 18),
              ('HNB', 5), ('CSCB', 3), ('BOCOM', 3), ('CMB', 2), ('CZVB', 2)]

ROLES = ('lawful', 'mule', 'paofen', 'ushang', 'operator', 'farmer_card')
CHANNELS = ('counter', 'online', 'mobile', 'atm', 'pos', 'other')
KINDS = ('transfer', 'withdrawal', 'deposit')

# --------------------------------------------------------------------------------------
# Hours of the day (relative weights for 0..23 h)
# --------------------------------------------------------------------------------------
PROFILES = {
    'day': [1.2, .5, .25, .15, .15, .4, 1.5, 4, 7, 8, 8, 8, 8, 7, 7, 7, 7, 7, 8, 9, 9, 8, 5.5, 3],
    'office': [0, 0, 0, 0, 0, 0, .2, 1, 6, 10, 10, 9, 5, 6, 9, 10, 9, 6, 1, .5, .3, .2, 0, 0],
    'evening': [2, .7, .3, .1, .1, .2, .5, 1, 2, 3, 3, 3, 4, 3, 3, 3, 3, 4, 6, 9, 10, 10, 8, 4.5],
    'batch': [.5, 1, 2, 2, 1.5, 1, 2, 4, 6, 6, 4, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 3, 9, 10, 10, 6, 4, 8, 9, 8, 3, 0, 0, 0, 0, 0, 0],
    'old': [0, 0, 0, 0, 0, .5, 3, 8, 10, 10, 9, 6, 3, 3, 5, 6, 5, 3, 1, .5, 0, 0, 0, 0],
    'night': [7, 7, 5, 4, 3, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 6, 7, 8, 8],
    'atmnight': [8, 7, 6, 5, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7],
    'late': [4, 2, .8, .3, .2, .2, .3, .5, 1, 2, 3, 4, 5, 4, 4, 4, 4, 5, 6, 8, 9, 10, 10, 8],
}
HOURS = list(range(24))


def _cum(ws):
    out, s = [], 0.0
    for w in ws:
        s += w
        out.append(s)
    return out


PROFC = {k: _cum(v) for k, v in PROFILES.items()}

# --------------------------------------------------------------------------------------
# Identity numbers and account numbers
# --------------------------------------------------------------------------------------
ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_W = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check(body17):
    return ID_C[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


def uscc_check(body17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(body17, USCC_W))
    return USCC_CH[(31 - s % 31) % 31]


def org_check(body8):
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body8]
    c = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
    return 'X' if c == 10 else ('0' if c == 11 else str(c))


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


def luhn_ok(num):
    return num.isdigit() and luhn_digit(num[:-1]) == num[-1]


def holder_ok(h):
    if len(h) != 18:
        return False
    if h[:2] in ('91', '92', '93', '12', '11', '52'):  # unified social credit code
        if all(c in USCC_CH for c in h) and uscc_check(h[:17]) == h[17]:
            return True
    if h[:17].isdigit() and id_check(h[:17]) == h[17]:
        return True
    return False


def iso(t):
    return _dt.datetime.fromtimestamp(t, TZ).strftime('%Y-%m-%dT%H:%M:%S+08:00')


def epoch(y, m, d, hh=0, mm=0):
    return int(_dt.datetime(y, m, d, hh, mm, tzinfo=TZ).timestamp())


def yuan(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


# --------------------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------------------
# pop: lawful population scale; n_*: holders of each lawful archetype at pop = 1;
# fraud: the gangs' account mix and how fast they move money (delays are log-normal medians).
BASE_POP = {
    'elderly': 1300, 'migrant': 1250, 'family': 1400, 'student': 850, 'farmer': 620,
    'homestay': 165, 'guide': 200, 'souvenir': 165, 'smallshop': 470, 'eseller': 215,
    'landlord': 55, 'bizowner': 70, 'contractor': 48, 'purchaser': 24,
}
VARIANTS = {
    'baseline': dict(
        start=(2024, 9, 2), days=84, season='autumn', pop=1.0, pop_mult={}, new_open=0.025, homestay_new=0.07, eseller_new=0.2,
        supply=dict(SUPPLY),
        pools=60, firstpay=45, outsiders_row_bg=1.6,
        gangs=7, victims=690, local_victim=0.16,
        l1_mix=(('fresh_card', 40), ('farmer_card', 30), ('rented_old', 17), ('sold_old', 8), ('student_card', 5)),
        l2_mix=(('fresh_card', 35), ('farmer_card', 30), ('rented_old', 10), ('shell_corp', 15), ('sold_old', 10)),
        cash_mix=(('farmer_card', 45), ('fresh_card', 45), ('sold_old', 10)),
        delay_l1=(7 * MIN, 0.9), delay_l2=(18 * MIN, 0.9), delay_l3=(35 * MIN, 1.0),
        delay_cash=(50 * MIN, 1.0), partial=0.05, keep_frac=0.0,
        use_days={'fresh_card': (2, 8), 'farmer_card': (2, 9), 'rented_old': (4, 14), 'sold_old': (4, 20),
                  'student_card': (2, 7), 'shell_corp': (8, 30)},
        cash_far=0.9, farmers=6, farmer_cards=(8, 15), farmer_pre=1, ushang=5, paofen_platforms=2,
        paofen_per=22, typology_shift={}, l1_per_gang=27, l2_per_gang=11, l3_per_gang=5, cash_per_gang=6,
    ),
    'V2': dict(
        start=(2024, 9, 2), days=84, season='autumn', pop=1.0, pop_mult={}, new_open=0.025, homestay_new=0.07, eseller_new=0.2,
        supply=dict(SUPPLY),
        pools=60, firstpay=45, outsiders_row_bg=1.6,
        gangs=7, victims=640, local_victim=0.16,
        l1_mix=(('rented_old', 52), ('sold_old', 28), ('fresh_card', 8), ('farmer_card', 6), ('student_card', 6)),
        l2_mix=(('rented_old', 45), ('sold_old', 25), ('shell_corp', 15), ('fresh_card', 8), ('farmer_card', 7)),
        cash_mix=(('rented_old', 60), ('sold_old', 30), ('fresh_card', 10)),
        delay_l1=(7 * HOUR, 1.0), delay_l2=(20 * HOUR, 0.9), delay_l3=(30 * HOUR, 0.8),
        delay_cash=(10 * HOUR, 0.9), partial=0.55, keep_frac=0.0,
        use_days={'fresh_card': (3, 10), 'farmer_card': (3, 10), 'rented_old': (8, 30), 'sold_old': (10, 40),
                  'student_card': (4, 14), 'shell_corp': (15, 50)},
        cash_far=0.35, farmers=2, farmer_cards=(6, 11), farmer_pre=0, ushang=6, paofen_platforms=2,
        paofen_per=26, typology_shift={'investment': 1.4, 'romance': 1.5, 'brushing': 0.8},
        l1_per_gang=22, l2_per_gang=10, l3_per_gang=5, cash_per_gang=5,
    ),
    'V3': dict(
        start=(2025, 1, 6), days=56, season='spring', pop=1.08,
        pop_mult={'homestay': 1.35, 'eseller': 1.5, 'contractor': 1.6, 'smallshop': 1.15},
        new_open=0.12, homestay_new=0.16, eseller_new=0.4,
        supply={'ICBC': 0, 'ABC': 0, 'CCB': 0, 'BOC': 3, 'PSBC': 1, 'HNRCU': 9, 'CQRCB': 2, 'GZRCU': 4},
        pools=170, firstpay=170, outsiders_row_bg=1.3,
        gangs=7, victims=560, local_victim=0.22,
        l1_mix=(('fresh_card', 40), ('farmer_card', 28), ('rented_old', 17), ('sold_old', 8), ('student_card', 7)),
        l2_mix=(('fresh_card', 35), ('farmer_card', 30), ('rented_old', 10), ('shell_corp', 15), ('sold_old', 10)),
        cash_mix=(('farmer_card', 45), ('fresh_card', 45), ('sold_old', 10)),
        delay_l1=(7 * MIN, 0.9), delay_l2=(18 * MIN, 0.9), delay_l3=(35 * MIN, 1.0),
        delay_cash=(50 * MIN, 1.0), partial=0.05, keep_frac=0.0,
        use_days={'fresh_card': (2, 8), 'farmer_card': (2, 9), 'rented_old': (4, 14), 'sold_old': (4, 20),
                  'student_card': (2, 7), 'shell_corp': (8, 30)},
        cash_far=0.85, farmers=6, farmer_cards=(8, 15), farmer_pre=1, ushang=5, paofen_platforms=2,
        paofen_per=20, typology_shift={'loan_card': 1.6, 'ecommerce_cs': 1.3, 'leader_acquaintance': 1.8,
                                       'accident_kidnap': 1.8, 'brushing': 0.8, 'shopping_service': 1.5},
        l1_per_gang=22, l2_per_gang=9, l3_per_gang=4, cash_per_gang=5,
    ),
}

# fraud typologies: weight, payments (lo, hi), first amount median, growth per payment,
# span between payments (median seconds), hours profile, report probability, report delay days
TYPOLOGY = {
    'brushing': (30, (2, 7), 600, 2.4, 25 * MIN, 'evening', 0.74, 1.0),
    'investment': (13, (2, 8), 20000, 1.6, 4 * DAY, 'office', 0.72, 12.0),
    'romance': (6, (3, 9), 8000, 1.7, 5 * DAY, 'evening', 0.62, 15.0),
    'ecommerce_cs': (12, (1, 4), 7000, 1.5, 20 * MIN, 'day', 0.82, 0.5),
    'police_gov': (6, (1, 3), 90000, 1.3, 3 * HOUR, 'counter', 0.88, 1.5),
    'loan_card': (10, (2, 5), 2500, 1.8, 2 * HOUR, 'day', 0.66, 2.0),
    'credit_record': (5, (1, 4), 15000, 1.5, 40 * MIN, 'day', 0.78, 1.0),
    'shopping_service': (5, (1, 2), 700, 1.5, 2 * HOUR, 'day', 0.55, 2.0),
    'game_trade': (4, (1, 3), 900, 1.7, 1 * HOUR, 'evening', 0.45, 2.0),
    'leader_acquaintance': (4, (1, 2), 45000, 1.4, 1 * HOUR, 'office', 0.9, 0.5),
    'accident_kidnap': (2, (1, 2), 18000, 1.3, 2 * HOUR, 'day', 0.85, 0.5),
    'prize': (1, (1, 3), 3000, 1.6, 3 * HOUR, 'day', 0.6, 3.0),
    'parcel': (1, (1, 2), 40000, 1.3, 2 * HOUR, 'counter', 0.85, 1.5),
    'subsidy_refund': (1, (1, 2), 5000, 1.4, 1 * HOUR, 'old', 0.7, 1.0),
    'phone_bill': (1, (1, 2), 30000, 1.3, 2 * HOUR, 'counter', 0.8, 1.0),
    'fake_job': (1, (1, 3), 500, 1.5, 1 * DAY, 'day', 0.5, 3.0),
    'military_purchase': (1, (1, 3), 20000, 1.6, 1 * DAY, 'office', 0.75, 3.0),
}
# typologies whose small payments a paofen account can carry
PAOFEN_TYPES = ('brushing', 'shopping_service', 'game_trade', 'fake_job', 'loan_card')

SPEND_MEMO = ('微信支付', '支付宝', '美团', '京东支付', '拼多多', '抖音支付', '滴滴出行', '话费充值', '', '', '')
RESERVES = (('TENPAY_RES', 55), ('ALIPAY_RES', 38), ('UNIONPAY_RES', 7))


class Acct:
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'farmer', 'row',
                 'gang', 'layer', 'use0', 'use1', 'black0', 'black1', 'person', 'opening')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.role = role
        self.arch = arch
        self.farmer = 0
        self.row = bank in SUPPLY
        self.gang = None
        self.layer = ''
        self.use0 = 0
        self.use1 = 0
        self.black0 = None
        self.black1 = None
        self.person = None
        self.opening = 0


def prep(pairs):
    items = [p[0] for p in pairs]
    return items, _cum([p[1] for p in pairs])


T_LOCAL = prep([(c, w) for c, _n, w, _p in LOCAL])
T_TOUR = prep(TOURISM)
T_WORK = prep(WORK)
T_NATION = prep(NATION)
T_CASH = prep(CASHOUT)
T_FHOME = prep(FARMER_HOME)
T_FCITY = prep(FARM_CITY)
T_UNI = prep([(u, u[3]) for u in UNIVERSITIES])
T_NBANK = prep(NATION_BANKS)
T_WBANK = prep(WORK_BANKS)
T_TBANK = prep(TOWN_BANKS)
T_RES = prep(RESERVES)


# --------------------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------------------
class World:
    SPEND = 0.45   # card payments through WeChat/Alipay/UnionPay per unit of a person's spending rate
    GUEST = 0.16   # guests paying a homestay's card directly, per day and size at tourism factor 1
    BUYER = 0.35   # buyers paying a produce seller's card directly, per day and size at season factor 1

    def __init__(self, variant, seed):
        self.variant = variant
        self.seed = seed
        self.rng = random.Random('xiangxi/%s/%s' % (variant, seed))
        self.P = VARIANTS[variant]
        y, m, d = self.P['start']
        self.W0 = epoch(y, m, d)
        self.ndays = self.P['days']
        self.W1 = self.W0 + self.ndays * DAY
        self.bstart = {b: self.W0 + off * DAY for b, off in self.P['supply'].items()}
        self.acc = {}          # account id -> Acct (insertion ordered)
        self.holders = {}      # holder id -> dict
        self.T = []            # [t, from, to, fen, channel, region, kind, memo, fraud_kind, tag]
        self.orgs = {}         # key -> account id
        self.people = []       # lawful persons (dicts)
        self.by_arch = {}      # archetype -> list of persons
        self.cases = []        # fraud cases (victims)
        self.vpay = {}         # txn index -> case index
        self.gangs = []
        self.farmers = []      # card-farmer holders
        self.wrong = {'account': [], 'transfer': [], 'holder': []}
        self._dom_cache = {}
        self.calendar()

    # ---------------- random helpers ----------------
    def u(self, a=0.0, b=1.0):
        return self.rng.uniform(a, b)

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def p(self, prob):
        return self.rng.random() < prob

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def wp(self, table):
        items, cum = table
        return self.rng.choices(items, cum_weights=cum)[0]

    def poisson(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.rng.gauss(lam, math.sqrt(lam)))))
        L, k, prod = math.exp(-lam), 0, self.rng.random()
        while prod > L:
            k += 1
            prod *= self.rng.random()
        return k

    def logn(self, median, sigma, lo=None, hi=None):
        v = median * math.exp(self.rng.gauss(0.0, sigma))
        if lo is not None and v < lo:
            v = lo
        if hi is not None and v > hi:
            v = hi
        return v

    @staticmethod
    def F(v, step=0.01):
        """yuan value -> integer fen rounded to `step` yuan (at least one step)."""
        st = int(round(step * 100))
        f = int(round(v * 100.0 / st)) * st
        return max(st, f)

    def money(self, v):
        """a person's choice of amount: round hundreds, tens, yuan or cents."""
        r = self.rng.random()
        if v >= 1000 and r < 0.55:
            return self.F(v, 100)
        if v >= 100 and r < 0.75:
            return self.F(v, 10)
        if r < 0.9:
            return self.F(v, 1)
        return self.F(v)

    # ---------------- calendar ----------------
    def calendar(self):
        P = self.P
        self.dates = [_dt.datetime.fromtimestamp(self.W0 + d * DAY + 12 * HOUR, TZ).date() for d in range(self.ndays)]
        n = self.ndays
        self.f_tour = [1.0] * n
        self.f_shop = [1.0] * n
        self.f_gen = [1.0] * n
        self.workday = [True] * n
        self.holiday = [False] * n
        self.crop = {k: [0.0] * n for k in ('kiwi', 'orange', 'larou', 'tea', 'honey')}
        for d, dt in enumerate(self.dates):
            wd = dt.weekday()
            key = (dt.month, dt.day)
            if P['season'] == 'autumn':
                hol = key in ((9, 15), (9, 16), (9, 17)) or (dt.month == 10 and dt.day <= 7)
                extra_work = key in ((9, 14), (9, 29), (10, 12))
                work = (wd < 5 or extra_work) and not hol
                if dt.month == 10 and dt.day <= 7:
                    tour = {1: 5.0, 2: 7.0, 3: 7.0, 4: 6.5, 5: 5.0, 6: 4.0, 7: 2.5}[dt.day]
                elif hol:
                    tour = 2.8
                elif key == (9, 30):
                    tour = 2.2
                elif not work:
                    tour = 1.5 if dt.month in (9, 10) else 1.0
                else:
                    tour = {9: 0.7, 10: 0.6}.get(dt.month, 0.45)
                shop = 1.0
                if dt.month == 10 and dt.day >= 14:
                    shop = 1.3
                if dt.month == 11:
                    shop = 3.0 if dt.day == 11 else (1.6 if dt.day < 11 else (1.3 if dt.day <= 15 else 1.0))
                self.crop['kiwi'][d] = (0.8 if key < (9, 21) else 1.5) if dt.month == 9 else \
                    (1.5 if dt.day <= 15 else 0.7) if dt.month == 10 else 0.25
                self.crop['orange'][d] = 1.0 if dt.month == 11 else (0.3 if dt.month == 10 and dt.day > 20 else 0.0)
                self.crop['larou'][d] = 0.15 if dt.month < 11 or dt.day < 10 else 0.4 + 0.04 * (dt.day - 10)
                self.crop['tea'][d] = 0.5 if dt.month < 11 else 0.3
                self.crop['honey'][d] = 0.6 if dt.month == 9 else 0.8
            else:  # Spring Festival 2025: eve 28 Jan, holiday to 4 Feb
                hol = (dt.month == 1 and dt.day >= 28) or (dt.month == 2 and dt.day <= 4)
                extra_work = key in ((1, 26), (2, 8))
                work = (wd < 5 or extra_work) and not hol
                if hol:
                    tour = {28: 1.5, 29: 4.0, 30: 5.5, 31: 6.0, 1: 6.5, 2: 6.5, 3: 6.0, 4: 4.5}[dt.day]
                elif (dt.month == 2 and 5 <= dt.day <= 9):
                    tour = 1.6
                elif key == (2, 12):
                    tour = 2.2
                elif dt.month == 1 and dt.day >= 20:
                    tour = 0.6
                else:
                    tour = 0.8 if not work else 0.4
                if dt.month == 1 and dt.day <= 22:
                    shop = 1.9
                elif dt.month == 1 and dt.day <= 27:
                    shop = 1.0
                elif hol:
                    shop = 0.35
                elif dt.month == 2 and dt.day <= 10:
                    shop = 0.8
                else:
                    shop = 1.0
                self.crop['kiwi'][d] = 0.2
                self.crop['orange'][d] = 1.5 if dt.month == 1 and dt.day <= 25 else 0.4
                self.crop['larou'][d] = 2.0 if dt.month == 1 and dt.day <= 25 else (0.3 if hol else 0.4)
                self.crop['tea'][d] = 0.2 if dt.month < 3 else 0.5
                self.crop['honey'][d] = 0.5
            self.workday[d] = work
            self.holiday[d] = hol
            self.f_tour[d] = tour
            self.f_shop[d] = shop
            self.f_gen[d] = 1.25 if hol else (1.1 if not work else 1.0)
        self.t_days_all = prep([(d, 1.0) for d in range(n)])
        self.t_days_tour = prep([(d, self.f_tour[d]) for d in range(n)])
        self.t_days_shop = prep([(d, self.f_shop[d]) for d in range(n)])
        self.t_days_gen = prep([(d, self.f_gen[d]) for d in range(n)])
        self.t_days_work = prep([(d, 1.0 if self.workday[d] else 0.05) for d in range(n)])
        self.t_days_crop = {k: prep([(d, v[d] + 1e-6) for d in range(n)]) for k, v in self.crop.items()}

    def day_of(self, t):
        return (t - self.W0) // DAY

    def at(self, day, prof='day'):
        h = self.rng.choices(HOURS, cum_weights=PROFC[prof])[0]
        return self.W0 + day * DAY + h * HOUR + self.rng.randrange(HOUR)

    def when(self, table, prof='day', lo=None, hi=None):
        """a time on a day drawn from `table` (weights), between lo and hi if given."""
        for _ in range(12):
            t = self.at(self.wp(table), prof)
            if (lo is None or t >= lo) and (hi is None or t < hi):
                return t
        lo = self.W0 if lo is None else lo
        hi = self.W1 if hi is None else hi
        if hi <= lo:
            return lo
        return lo + self.rng.randrange(max(1, hi - lo))

    def days_dom(self, dom, shift_workday=True):
        """window days that fall on day-of-month dom (moved to the next working day)."""
        key = (dom, shift_workday)
        if key in self._dom_cache:
            return self._dom_cache[key]
        out = []
        self._dom_cache[key] = out
        for d, dt in enumerate(self.dates):
            if dt.day == dom:
                e = d
                if shift_workday:
                    while e < self.ndays - 1 and not self.workday[e]:
                        e += 1
                out.append(e)
        return out

    # ---------------- identities ----------------
    def new_person_id(self, region, birth_year, kind, male=None):
        while True:
            bd = _dt.date(birth_year, 1, 1) + _dt.timedelta(days=self.rng.randrange(365))
            seq = self.rng.randrange(0, 999)
            if male is not None and (seq % 2 == 1) != male:
                seq = seq + 1 if seq < 998 else seq - 1
            body = '%s%s%03d' % (region, bd.strftime('%Y%m%d'), seq)
            hid = body + id_check(body)
            if hid not in self.holders:
                break
        self.holders[hid] = {'kind': kind, 'region': region, 'birth': birth_year}
        return hid

    def new_corp_id(self, region, kind, individual=False):
        while True:
            org = 'MA' + ''.join(self.rng.choice(USCC_CH[:10] if i < 2 else USCC_CH) for i in range(6))
            org = org + org_check(org)
            body = ('92' if individual else '91') + region + org
            hid = body + uscc_check(body)
            if hid not in self.holders:
                break
        self.holders[hid] = {'kind': kind, 'region': region, 'birth': 0}
        return hid

    def acct_number(self, bank, corp, region):
        _n, bins, clen, cpre, clen2 = BANKS[bank]
        rr = self.rng
        while True:
            if bank in ('ALIPAY', 'TENPAY'):
                pre = bins[0]
                num = pre + ''.join(str(rr.randrange(10)) for _ in range(clen - len(pre)))
            elif corp or not bins:
                pre = region[:2] if cpre == '@@' else cpre
                num = pre + ''.join(str(rr.randrange(10)) for _ in range(clen2 - len(pre)))
            else:
                pre = rr.choice(bins)
                body = pre + ''.join(str(rr.randrange(10)) for _ in range(clen - len(pre) - 1))
                num = body + luhn_digit(body)
            if num not in self.acc:
                return num

    def open_acct(self, holder, bank, opened, region, cls='I', role='lawful', arch='', corp=False):
        aid = self.acct_number(bank, corp or cls == 'corp', region)
        a = Acct(aid, bank, holder, int(opened), region, 'corp' if corp else cls, role, arch)
        self.acc[aid] = a
        return aid

    def old_open(self, years_lo, years_hi, birth=None):
        """an opening time years before the window, at counter hours, not before age 16."""
        lo_t = self.W0 - int(years_hi * 365.25 * DAY)
        if birth:
            lo_t = max(lo_t, epoch(min(birth + 16, 2024), 3, 1))
        hi_t = self.W0 - int(years_lo * 365.25 * DAY)
        if hi_t <= lo_t:
            hi_t = lo_t + 30 * DAY
        t = lo_t + self.rng.randrange(hi_t - lo_t)
        t = t - (t - self.W0) % DAY  # midnight
        return t + self.rng.choices(HOURS, cum_weights=PROFC['counter'])[0] * HOUR + self.rng.randrange(HOUR)

    def open_at(self, day, prof='counter'):
        return self.at(day, prof)

    # ---------------- organisations ----------------
    def org(self, key, bank, region, kind='corp', years=(3, 25), individual=False):
        aid = self.orgs.get(key)
        if aid is None:
            hid = self.new_corp_id(region, kind, individual)
            aid = self.open_acct(hid, bank, self.old_open(*years), region, 'corp', 'lawful', kind, corp=True)
            self.orgs[key] = aid
        return aid

    def reserve(self, which=None):
        w = which or self.wp(T_RES)
        if w == 'TENPAY_RES':
            return self.org('res/tenpay', 'TENPAY', '440305', 'pay_reserve', (10, 12))
        if w == 'ALIPAY_RES':
            return self.org('res/alipay', 'ALIPAY', '330106', 'pay_reserve', (10, 12))
        return self.org('res/unionpay', 'BOCOM', '310115', 'pay_reserve', (10, 12))

    def wallet(self, person, firm='TENPAY'):
        key = 'wallet_' + firm
        aid = person.get(key)
        if aid is None:
            aid = self.open_acct(person['hid'], firm, self.old_open(1, 9), person['home'], 'I', 'lawful',
                                 'wallet')
            person[key] = aid
        return aid

    # ---------------- transfers ----------------
    def tx(self, t, frm, to, fen, ch='mobile', reg='', kind='transfer', memo='', fk='', tag=''):
        if fen <= 0:
            return -1
        self.T.append([int(t), frm, to, int(fen), ch, reg, kind, memo, fk, tag])
        return len(self.T) - 1

    def visible(self, t, frm, to):
        """would this transfer be in some supplying institution's extract?"""
        if t >= self.W1:
            return False
        for a in (frm, to):
            if a:
                b = self.acc[a].bank
                s = self.bstart.get(b)
                if s is not None and t >= s:
                    return True
        return False

    # ---------------- people ----------------
    def person(self, arch, home, age_lo, age_hi, live=None, male=None):
        by = self.dates[0].year - self.ri(age_lo, age_hi)
        hid = self.new_person_id(home, by, arch, male)
        p = {'hid': hid, 'arch': arch, 'home': home, 'pref': PREF_OF.get(home, ''), 'birth': by,
             'live': live or home, 'accts': []}
        self.people.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def give(self, p, bank, opened, region, cls='I', arch=None, corp=False):
        holder = p['hid']
        if corp:
            holder = p.get('corp_hid')
            if holder is None:
                holder = self.new_corp_id(region, p['arch'], individual=True)
                p['corp_hid'] = holder
        aid = self.open_acct(holder, bank, opened, region, 'corp' if corp else cls, 'lawful',
                             arch or p['arch'], corp)
        self.acc[aid].person = p
        p['accts'].append(aid)
        return aid

    def rcc_bank(self, pref, w_rcc=55, w_psbc=30, w_abc=15):
        return self.wp(prep([(RCC.get(pref, 'HNRCU'), w_rcc), ('PSBC', w_psbc), ('ABC', w_abc)]))

    def outsider(self, purpose, region=None, reuse=0.0, bank=None):
        pool = self.outs.setdefault(purpose, [])
        if pool and self.p(reuse):
            return self.pick(pool)
        region = region or self.wp(T_NATION)
        p = self.person('outsider', region, 20, 62)
        p['purpose'] = purpose
        bank = bank or self.wp(T_NBANK)
        aid = self.give(p, bank, self.old_open(1, 15, p['birth']), region, 'I', 'outsider_' + purpose)
        p['main'] = aid
        pool.append(p)
        return p

    def local_pick(self, arch, pref=None, tries=6):
        lst = self.by_arch.get(arch) or []
        if not lst:
            return None
        for _ in range(tries):
            q = self.pick(lst)
            if pref is None or q['pref'] == pref:
                return q
        return self.pick(lst)

    def n_of(self, arch):
        return int(round(BASE_POP[arch] * self.P['pop'] * self.P['pop_mult'].get(arch, 1.0)))

    def build_population(self):
        P = self.P
        self.outs = {}
        # elderly, left behind in the villages
        for _ in range(self.n_of('elderly')):
            home = self.wp(T_LOCAL)
            p = self.person('elderly', home, 62, 88)
            bank = self.rcc_bank(p['pref'])
            p['main'] = self.give(p, bank, self.old_open(6, 28, p['birth']), home)
            if self.p(0.12):
                self.give(p, 'PSBC' if bank != 'PSBC' else RCC[p['pref']], self.old_open(2, 20, p['birth']), home)
        # migrant workers in Guangdong, Zhejiang, Fujian, Changsha
        for _ in range(self.n_of('migrant')):
            home = self.wp(T_LOCAL)
            work = self.wp(T_WORK)
            if PREF_OF[home] == 'CQ' and self.p(0.4):
                work = '500112'
            p = self.person('migrant', home, 19, 52, live=work)
            p['work'] = work
            p['sal'] = self.give(p, self.wp(T_WBANK), self.old_open(0.2, 10, p['birth']), work)
            p['main'] = p['sal']
            if self.p(0.65):
                p['homeacct'] = self.give(p, self.rcc_bank(p['pref'], 45, 35, 20), self.old_open(4, 22, p['birth']), home)
            p['employer'] = 'factory/%s/%d' % (work, self.ri(0, 9))
        # town families: teachers, civil servants, nurses, staff, self-employed
        for _ in range(self.n_of('family')):
            home = self.wp(T_LOCAL)
            live = CENTRE[PREF_OF[home]] if self.p(0.45) else home
            p = self.person('family', home, 24, 60, live=live)
            p['job'] = self.wp(prep([('teacher', 22), ('civil', 14), ('medical', 12), ('staff', 35), ('selfemp', 17)]))
            b1 = self.wp(prep([('ICBC', 18), ('CCB', 18), ('ABC', 18), ('BOC', 8), ('HNRCU', 22), ('PSBC', 10),
                               ('HNB', 4), ('CSCB', 2)]))
            if p['pref'] in ('CQ', 'TR') and b1 in ('HNRCU', 'HNB', 'CSCB'):
                b1 = RCC[p['pref']]
            p['main'] = self.give(p, b1, self.old_open(1, 20, p['birth']), live)
            if self.p(0.55):
                b2 = self.wp(T_TBANK)
                if p['pref'] in ('CQ', 'TR') and b2 == 'HNRCU':
                    b2 = RCC[p['pref']]
                p['second'] = self.give(p, b2, self.old_open(0.5, 15, p['birth']), live,
                                        'II' if self.p(0.3) else 'I')
        # students of the region's universities and colleges
        for _ in range(self.n_of('student')):
            uni = self.wp(T_UNI)
            local = self.p(0.6)
            home = self.wp(T_LOCAL) if local else self.wp(T_NATION)
            p = self.person('student', home, 17, 23, live=uni[1])
            p['uni'] = uni
            p['fresh'] = P['season'] == 'autumn' and self.p(0.27)
            hb = self.rcc_bank(p['pref'], 40, 30, 30) if local else self.wp(T_NBANK)
            p['main'] = self.give(p, hb, self.old_open(0.5, 5, p['birth']), home)
            if p['fresh']:
                d = self.ri(3, 18)
                t = self.open_at(d)
                p['campus'] = self.give(p, self.pick(uni[2]), t, uni[1])
                p['campus_t'] = t
                if self.p(0.35):  # a second card within the same week (PSBC, an II-class e-account)
                    p['extra'] = self.give(p, self.pick(('PSBC', 'ABC', 'BOC', 'CCB')), t + self.ri(1, 6) * DAY
                                           - self.ri(0, 3) * HOUR, uni[1], self.pick(('I', 'II')))
            else:
                p['campus'] = self.give(p, self.pick(uni[2]), self.old_open(0.3, 3.5, p['birth']), uni[1])
                p['campus_t'] = 0
        # farmers: kiwifruit, oranges, tea, pigs
        for _ in range(self.n_of('farmer')):
            home = self.wp(T_LOCAL)
            p = self.person('farmer', home, 32, 70)
            p['main'] = self.give(p, self.rcc_bank(p['pref'], 60, 25, 15), self.old_open(5, 25, p['birth']), home)
            if self.p(0.12):
                self.give(p, 'PSBC', self.old_open(2, 15, p['birth']), home)
        # homestay owners
        for _ in range(self.n_of('homestay')):
            where = self.wp(T_TOUR)
            outsider = self.p(0.3)
            home = self.wp(T_NATION) if outsider else (where if self.p(0.7) else self.wp(T_LOCAL))
            p = self.person('homestay', home, 25, 56, live=where)
            p['size'] = self.logn(1.0, 0.7, 0.3, 6.0)
            bank = self.wp(prep([('HNRCU', 28), ('ABC', 20), ('ICBC', 20), ('CCB', 16), ('PSBC', 10), ('BOC', 6)]))
            if PREF_OF[where] != 'XX' and PREF_OF[where] != 'ZJJ' and bank == 'HNRCU':
                bank = RCC[PREF_OF[where]]
            if self.p(P['homestay_new']):  # a new homestay: the owner opens its account inside the window
                d = self.ri(0, max(1, min(self.ndays - 10, 30)))
                p['new_t'] = self.open_at(d)
                p['main'] = self.give(p, bank, p['new_t'], where)
            else:
                p['new_t'] = 0
                p['main'] = self.give(p, bank, self.old_open(1, 14 if not outsider else 6, p['birth']), where)
            if self.p(0.3):
                p['corp'] = self.give(p, self.pick(('ICBC', 'CCB', 'ABC', RCC[PREF_OF[where]])),
                                      self.old_open(0.5, 8), where, corp=True)
        # guides and drivers
        for _ in range(self.n_of('guide')):
            where = self.wp(T_TOUR)
            p = self.person('guide', where if self.p(0.7) else self.wp(T_LOCAL), 22, 52, live=where)
            p['kind'] = 'guide' if self.p(0.55) else 'driver'
            p['main'] = self.give(p, self.wp(T_TBANK), self.old_open(1, 15, p['birth']), where)
            if self.p(0.3):
                self.give(p, self.wp(T_TBANK), self.old_open(0.5, 8, p['birth']), where)
        # souvenir, silver and embroidery shops
        for _ in range(self.n_of('souvenir')):
            where = self.wp(prep([('433123', 55), ('430811', 15), ('430802', 10), ('433127', 8), ('433101', 6),
                                  ('520621', 3), ('431281', 3)]))
            p = self.person('souvenir', where if self.p(0.75) else self.wp(T_LOCAL), 25, 60, live=where)
            p['silver'] = self.p(0.4)
            p['size'] = self.logn(1.0, 0.6, 0.3, 5.0)
            p['main'] = self.give(p, self.wp(prep([('HNRCU', 30), ('ABC', 20), ('ICBC', 18), ('CCB', 17), ('PSBC', 15)])),
                                  self.old_open(1, 18, p['birth']), where)
            if self.p(0.45):
                self.give(p, self.wp(T_TBANK), self.old_open(0.5, 10, p['birth']), where)
        # small shops on personal accounts
        for _ in range(self.n_of('smallshop')):
            home = self.wp(T_LOCAL)
            p = self.person('smallshop', home, 24, 62)
            p['size'] = self.logn(1.0, 0.55, 0.3, 4.0)
            p['main'] = self.give(p, self.rcc_bank(p['pref'], 40, 25, 35), self.old_open(1, 20, p['birth']), home)
            if self.p(0.4):
                self.give(p, self.wp(T_TBANK), self.old_open(0.5, 10, p['birth']), home)
        # live-stream and WeChat sellers of local produce
        for _ in range(self.n_of('eseller')):
            home = self.wp(T_LOCAL)
            pref = PREF_OF[home]
            prods = [('larou', 30), ('kiwi', 25 if pref == 'XX' else 6), ('tea', 12), ('honey', 8),
                     ('orange', 18 if pref == 'HH' else 3)]
            p = self.person('eseller', home, 20, 46)
            p['prod'] = self.wp(prep(prods))
            p['size'] = self.logn(1.0, 0.7, 0.25, 6.0)
            bank = self.wp(prep([(RCC[pref], 28), ('ABC', 18), ('ICBC', 18), ('CCB', 18), ('PSBC', 12), ('BOC', 6)]))
            if self.p(P['eseller_new']):  # starts selling inside the window with a freshly opened card
                season = self.crop[p['prod']]
                best = max(range(self.ndays), key=lambda d: (season[d], -d))
                d0 = max(0, min(self.ndays - 8, best - self.ri(0, 12) + self.ri(-6, 6)))
                p['new_t'] = self.open_at(d0)
                p['size'] *= 1.4
                p['main'] = self.give(p, bank, p['new_t'], home)
            else:
                p['new_t'] = 0
                p['main'] = self.give(p, bank, self.old_open(1, 12, p['birth']), home)
            if self.p(0.35):
                self.give(p, self.wp(T_TBANK), self.old_open(0.3, 8, p['birth']), home)
        # landlords renting rooms to students and workers
        for _ in range(self.n_of('landlord')):
            where = self.pick(('433101', '433101', '431202', '431202', '520602', '430802', '500241'))
            p = self.person('landlord', where, 40, 68)
            p['tenants'] = self.ri(8, 36)
            p['main'] = self.give(p, self.wp(T_TBANK), self.old_open(3, 20, p['birth']), where)
            if self.p(0.5):
                self.give(p, self.wp(T_TBANK), self.old_open(1, 15, p['birth']), where)
        # business owners with cards at many banks (building materials, wholesale, logistics)
        for _ in range(self.n_of('bizowner')):
            where = self.pick(('433101', '433101', '431202', '431202', '430802', '520602', '500241', '433130',
                               '431224', '430821'))
            p = self.person('bizowner', where, 32, 60)
            banks = []
            cand = ['ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', RCC[PREF_OF[where]], 'HNB', 'CSCB', 'CMB', 'BOCOM', 'CIB']
            self.rng.shuffle(cand)
            for b in cand[:self.ri(4, 8)]:
                if b not in banks:
                    banks.append(b)
                    self.give(p, b, self.old_open(0.5, 18, p['birth']), where)
            p['main'] = p['accts'][0]
            if self.p(0.6):
                p['corp'] = self.give(p, banks[0], self.old_open(1, 15), where, corp=True)
        # contractors who pay work crews
        for _ in range(self.n_of('contractor')):
            home = self.wp(T_LOCAL)
            p = self.person('contractor', home, 32, 58, live=CENTRE[PREF_OF[home]])
            p['main'] = self.give(p, self.wp(T_TBANK), self.old_open(2, 18, p['birth']), p['live'])
            self.give(p, self.rcc_bank(p['pref']), self.old_open(2, 18, p['birth']), home)
        # produce purchasers and cooperatives
        for _ in range(self.n_of('purchaser')):
            home = self.wp(prep([('433123', 5), ('433124', 4), ('433127', 4), ('433125', 3), ('433101', 3),
                                 ('431226', 4), ('431281', 3), ('431224', 2), ('433126', 2), ('520621', 1)]))
            p = self.person('purchaser', home, 30, 58)
            p['prod'] = 'orange' if home in ('431226', '431281', '431224') else ('tea' if home in ('433126', '520621') else 'kiwi')
            p['main'] = self.give(p, RCC[PREF_OF[home]], self.old_open(3, 18, p['birth']), home)
            self.give(p, self.pick(('ABC', 'ICBC', 'CCB', 'PSBC')), self.old_open(1, 12, p['birth']), home)
            if self.p(0.5):
                p['corp'] = self.give(p, RCC[PREF_OF[home]], self.old_open(1, 10), home, corp=True)

    # ---------------- lawful money: helpers ----------------
    def spend(self, a, rate, median, sigma, reg, lo=None, hi=None, prof='day', table=None, cap=20000):
        lo = self.W0 if lo is None else max(lo, self.W0)
        hi = self.W1 if hi is None else min(hi, self.W1)
        if hi <= lo:
            return
        n = self.poisson(self.SPEND * rate * (hi - lo) / DAY)
        for _ in range(n):
            t = self.when(table or self.t_days_gen, prof, lo, hi)
            which = self.wp(T_RES)
            memo = self.pick({'TENPAY_RES': ('微信支付', '财付通', '美团', '拼多多', '京东', ''),
                              'ALIPAY_RES': ('支付宝', '淘宝', '饿了么', '高德打车', ''),
                              'UNIONPAY_RES': ('云闪付', '银联二维码')}[which])
            self.tx(t, a, self.reserve(which), self.F(self.logn(median, sigma, 1, cap)), 'mobile', reg, memo=memo)

    def monthly(self, frm, to, dom, fen_fn, prof, reg, ch='mobile', memo='', jitter=0, lo=None, kind='transfer'):
        out = []
        for d in self.days_dom(dom):
            if jitter:
                d = min(self.ndays - 1, d + self.ri(0, jitter))
            t = self.at(d, prof)
            if lo is not None and t < lo:
                continue
            out.append(self.tx(t, frm, to, fen_fn(), ch, reg, kind, memo))
        return out

    def bank_region(self, bank):
        return {'CQRCB': '500103', 'GZRCU': '520102'}.get(bank, '430102')

    def internal(self, kind, bank):
        return self.org('%s/%s' % (kind, bank), bank, self.bank_region(bank), 'bank_internal', (15, 25))

    def tax_org(self, pref):
        return self.org('tax/%s' % pref, 'PBOC', CENTRE.get(pref, '433101'), 'treasury', (20, 25))

    def platform(self, name):
        bank, reg = {'DOUYIN': ('CMB', '110105'), 'KUAISHOU': ('CITIC', '110108'), 'PDD': ('SPDB', '310115'),
                     'MEITUAN': ('CMB', '110105'), 'CTRIP': ('BOCOM', '310112'), 'ADS': ('CMB', '110105'),
                     'TAOBAO': ('ALIPAY', '330106'), 'SINOPEC': ('CITIC', '430102'),
                     'GRID': ('BOCOM', '430102')}[name]
        return self.org('plat/' + name, bank, reg, 'platform', (8, 15))

    def cash_out(self, a, t, fen, reg, prof='old'):
        ch = 'atm' if (fen <= 500000 and self.p(0.55)) else 'counter'
        if ch == 'atm':
            fen = min(fen, 2000000)
            fen = max(10000, fen // 10000 * 10000)
        return self.tx(t, a, '', fen, ch, reg, 'withdrawal')

    def cash_in(self, a, t, fen, reg):
        return self.tx(t, '', a, fen, 'counter' if self.p(0.7) else 'atm', reg, 'deposit', self.pick(('', '', '存款', '现金存入')))

    # ---------------- lawful money: archetypes ----------------
    def flows_lawful(self):
        spring = self.P['season'] == 'spring'
        self.pension_dom = {c: self.ri(8, 20) for c, _n, _w, _p in LOCAL}
        for arch in ('elderly', 'migrant', 'family', 'student', 'farmer', 'homestay', 'guide', 'souvenir',
                     'smallshop', 'eseller', 'landlord', 'bizowner', 'contractor', 'purchaser'):
            fn = getattr(self, 'f_' + arch)
            for p in list(self.by_arch.get(arch, [])):
                fn(p, spring)

    def f_elderly(self, p, spring):
        a, reg = p['main'], p['home']
        bank = self.acc[a].bank
        fen = self.F(self.logn(205, 0.18, 150, 420), 0.01)
        if self.dates[0].year - p['birth'] >= 80:
            fen += 10000
        payer = self.org('pension/%s/%s' % (reg, bank), bank, reg, 'social_security', (8, 20))
        for d in self.days_dom(self.pension_dom[reg], False):
            self.tx(self.at(d, 'batch'), payer, a, fen, 'other', reg, memo='城乡居民养老金')
        for _ in range(self.poisson(0.03 * self.ndays)):
            self.cash_out(a, self.when(self.t_days_work, 'old'), self.F(self.logn(500, 0.6, 100, 5000), 100), reg)
        if not spring and self.p(0.5):
            self.tx(self.when(self.t_days_all, 'old'), a, self.tax_org(p['pref']), 40000 * self.ri(1, 2),
                    self.pick(('counter', 'mobile')), reg, memo='城乡居民医保')
        if not spring and self.p(0.22):
            d = self.ndays - self.ri(1, 20)
            self.tx(self.at(d, 'batch'), self.org('finance/%s' % reg, RCC[p['pref']], reg, 'finance'), a,
                    self.F(self.logn(260, 0.7, 40, 1500), 0.01), 'other', reg, memo='生态公益林补偿')
        if spring and self.p(0.2):
            self.tx(self.when(self.t_days_work, 'batch', hi=self.W0 + 22 * DAY),
                    self.org('civil/%s' % reg, RCC[p['pref']], reg, 'civil_affairs'), a,
                    self.F(self.logn(500, 0.3, 200, 1000), 1), 'other', reg, memo='春节慰问金')
        if self.p(0.2):
            self.spend(a, 0.05, 40, 0.8, reg, prof='old')

    def f_migrant(self, p, spring):
        s, home, work = p['sal'], p['home'], p['work']
        h = p.get('homeacct')
        emp = self.org(p['employer'], self.wp(T_WBANK), work, 'factory', (3, 20))
        dom = 10 + (int(p['employer'][-1]) * 7) % 21
        med = self.logn(5800, 0.22, 3300, 12000)
        sal_tx = self.monthly(emp, s, dom, lambda: self.F(self.logn(med, 0.08), 0.01), 'batch', work, 'other', '工资')
        # spring: back home from arrival to departure
        arr = dep = None
        if spring and self.p(0.8):
            arr = self.W0 + self.ri(6, 21) * DAY + self.ri(8, 20) * HOUR
            dep = self.W0 + self.ri(30, 40) * DAY + self.ri(6, 12) * HOUR
            bonus_t = arr - self.ri(1, 5) * DAY
            self.tx(bonus_t, emp, s, self.F(med * self.u(0.8, 2.5), 0.01), 'other', work, memo='年终奖')
        elif not spring and self.p(0.18):
            arr = self.W0 + 29 * DAY + self.ri(8, 20) * HOUR   # golden week at home
            dep = arr + self.ri(3, 6) * DAY
        parent = p.get('parent') or self.local_pick('elderly', p['pref'])
        spouse = self.local_pick('family', p['pref']) if self.p(0.3) else None
        p['parent'] = parent
        for i in sal_tx:
            if i < 0 or not self.p(0.78):
                continue
            t = self.T[i][0] + self.ri(1, 72) * HOUR
            tgt = (spouse['main'] if spouse and self.p(0.6) else
                   (h if h and self.p(0.35) else (parent['main'] if parent else h)))
            if not tgt:
                continue
            amt = self.F(self.logn(2200, 0.45, 500, 8000), 100)
            self.tx(t, s, tgt, amt, 'mobile', work, memo=self.pick(('生活费', '', '家用', '转账')))
            if parent and tgt == parent['main'] and self.p(0.5):
                self.cash_out(tgt, t + self.ri(2, 120) * HOUR, self.F(self.T[-1][3] / 100 * self.u(0.4, 1.0), 100),
                              parent['home'])
        if self.p(0.35):
            ll = self.outsider('landlord_w', region=work, reuse=0.6)
            self.monthly(s, ll['main'], self.ri(1, 5), lambda: self.F(self.logn(900, 0.3, 400, 2500), 10), 'evening',
                         work, memo='房租', jitter=2)
        if self.p(0.22):
            self.monthly(s, self.reserve('ALIPAY_RES'), self.ri(8, 12), lambda: self.F(self.logn(800, 0.6, 50, 5000)),
                         'day', work, memo='花呗还款')
        lo_home, hi_home = (arr, dep) if arr else (self.W1, self.W1)
        self.spend(s, 0.2, 55, 1.0, work, hi=lo_home)
        self.spend(s, 0.2, 55, 1.0, work, lo=hi_home)
        for _ in range(self.poisson(0.03 * self.ndays)):
            t = self.when(self.t_days_all, 'evening')
            if not (lo_home <= t < hi_home):
                self.cash_out(s, t, self.F(self.logn(600, 0.6, 100, 3000), 100), work)
        if h and self.p(0.3):  # a card from home used at ATMs in Guangdong
            for _ in range(self.poisson(0.025 * self.ndays)):
                self.cash_out(h, self.when(self.t_days_all, 'evening'), self.F(self.logn(800, 0.5, 100, 3000), 100), work)
        for _ in range(self.poisson(0.02 * self.ndays)):
            q = self.local_pick('migrant')
            self.tx(self.when(self.t_days_gen, 'evening'), s, q['main'], self.money(self.logn(500, 0.8, 20, 5000)),
                    'mobile', work, memo=self.pick(('', '还你', '借款', 'AA')))
        if arr:
            src = h or s
            if h and self.p(0.7):
                self.tx(arr - self.ri(2, 30) * HOUR, s, h, self.F(self.logn(8000, 0.6, 1000, 50000), 100), 'mobile',
                        work, memo='')
            self.spend(src, 0.8 if spring else 0.5, 120, 1.0, home, lo=arr, hi=dep)
            for _ in range(self.ri(1, 4) if spring else self.ri(0, 1)):
                self.cash_out(src, self.when(self.t_days_all, 'day', arr, dep), self.F(self.logn(2500, 0.6, 500, 10000), 100), home)
            if spring and parent and self.p(0.7):
                self.tx(self.when(self.t_days_all, 'day', arr, min(dep, self.W0 + 24 * DAY)), src, parent['main'],
                        self.F(self.logn(2000, 0.5, 500, 10000), 100), 'mobile', home, memo=self.pick(('红包', '过年', '')))

    def f_family(self, p, spring):
        a, live = p['main'], p['live']
        bank = self.acc[a].bank
        job = p['job']
        if job in ('teacher', 'civil'):
            payer = self.org('payroll/%s/%s' % (live, bank), bank, live, 'payroll')
            med = 5600 if job == 'teacher' else 5200
        elif job == 'medical':
            payer = self.org('hospital/%s' % p['pref'], self.pick(('ICBC', 'CCB', 'ABC', 'BOC')), CENTRE[p['pref']], 'hospital')
            med = 6500
        elif job == 'staff':
            payer = self.org('localco/%s/%d' % (p['pref'], self.ri(0, 24)), self.wp(T_TBANK), CENTRE[p['pref']], 'company')
            med = 4200
        else:
            payer, med = None, 0
        if payer:
            m = self.logn(med, 0.2, 2600, 15000)
            self.monthly(payer, a, 10 + self.ri(0, 5), lambda: self.F(self.logn(m, 0.05), 0.01), 'batch', live, 'other',
                         self.pick(('工资', '代发工资', '薪资')))
            if spring:
                self.tx(self.when(self.t_days_work, 'batch', hi=self.W0 + 20 * DAY), payer, a,
                        self.F(m * self.u(0.5, 2.0), 0.01), 'other', live, memo='年终绩效')
        else:  # self-employed: customers pay them
            for _ in range(self.poisson(0.25 * self.ndays)):
                src = self.local_pick(self.pick(('family', 'farmer', 'migrant', 'elderly')))
                self.tx(self.when(self.t_days_gen, 'day'), src['main'], a, self.money(self.logn(600, 1.0, 30, 20000)),
                        'mobile', live, memo=self.pick(('货款', '', '工钱', '装修款')))
        if self.p(0.4):
            f = self.F(self.logn(2400, 0.35, 800, 8000), 0.01)
            self.monthly(a, self.internal('loan', bank), self.ri(1, 28), lambda: f, 'batch', live, 'other', '贷款还款')
        if self.p(0.25):
            self.monthly(a, self.internal('card', bank), self.ri(1, 28), lambda: self.F(self.logn(2500, 0.7, 200, 20000)),
                         'day', live, memo='信用卡还款')
        self.spend(a, 0.28, 80, 1.1, live)
        if bank in SUPPLY and self.p(0.15):  # a wealth-management product bought and redeemed at the own bank
            t = self.when(self.t_days_work, 'office')
            x = self.F(self.logn(30000, 0.7, 5000, 300000), 1000)
            self.tx(t, a, self.internal('wealth', bank), x, 'mobile', live, memo=self.pick(('理财', '基金申购', '投资款')))
            if self.p(0.5):
                self.tx(t + self.ri(7, 60) * DAY, self.internal('wealth', bank), a, x + self.F(x / 100 * self.u(0.002, 0.02), 0.01),
                        'other', live, memo='理财赎回')
        if p.get('second'):
            b = p['second']
            self.monthly(a, b, self.ri(10, 20), lambda: self.F(self.logn(2000, 0.6, 200, 20000), 100), 'evening', live,
                         memo='')
            self.spend(b, 0.12, 60, 1.0, live)
        if self.p(0.35):
            par = self.local_pick('elderly', p['pref'])
            self.monthly(a, par['main'], self.ri(1, 28), lambda: self.F(self.logn(500, 0.4, 100, 3000), 100), 'evening',
                         live, memo=self.pick(('', '生活费', '给爸妈')))
        if not spring and self.p(0.62):
            self.tx(self.when(self.t_days_all, 'evening'), a, self.tax_org(p['pref']), 40000 * self.ri(1, 4),
                    'mobile', live, memo='城乡居民医保')
        for _ in range(self.poisson(0.025 * self.ndays)):
            q = self.local_pick('family', p['pref'])
            self.tx(self.when(self.t_days_gen, 'evening'), a, q['main'], self.money(self.logn(400, 1.0, 20, 10000)),
                    'mobile', live, memo=self.pick(('', '还款', '份子钱', 'AA', '借你的')))
        if spring and self.p(0.5):  # red packets and New Year shopping
            for _ in range(self.ri(1, 4)):
                q = self.local_pick(self.pick(('family', 'student', 'elderly')), p['pref'])
                self.tx(self.when(self.t_days_all, 'day', self.W0 + 15 * DAY, self.W0 + 32 * DAY), a, q['main'],
                        self.F(self.logn(600, 0.6, 100, 5000), 100), 'mobile', live, memo=self.pick(('红包', '压岁钱', '新年快乐')))

    def f_student(self, p, spring):
        a, c, uni = p['main'], p['campus'], p['uni']
        campus_lo = max(self.W0, p['campus_t'] + HOUR) if p['campus_t'] else self.W0
        uni_acct = self.org('uni/' + uni[0], uni[2][0], uni[1], 'university', (20, 25))
        home = p['home']
        if p['pref']:
            par = self.local_pick('family' if self.p(0.65) else 'migrant', p['pref'])
        else:
            par = self.outsider('parent', region=home, reuse=0.0)
        p['parent'] = par
        recv = c if self.p(0.6) else a
        if spring:
            brk0, brk1 = self.W0 + self.ri(3, 12) * DAY, self.W0 + self.ri(38, 48) * DAY
        else:
            brk0 = brk1 = self.W1
        lo = campus_lo if recv == c else self.W0
        if self.p(0.5):
            self.monthly(par['main'], recv, self.ri(1, 28), lambda: self.F(self.logn(1500, 0.3, 500, 4000), 100),
                         'evening', par['live'], memo=self.pick(('生活费', '', '伙食费')), lo=lo)
        else:
            for d in range(self.ri(0, 13), self.ndays, 14):
                t = self.at(d, 'evening')
                if t >= lo:
                    self.tx(t, par['main'], recv, self.F(self.logn(700, 0.3, 200, 2000), 100), 'mobile', par['live'],
                            memo=self.pick(('生活费', '')))
        if not spring and self.p(0.8):  # tuition in September
            t = max(campus_lo, self.W0 + self.ri(2, 26) * DAY + self.ri(9, 20) * HOUR)
            fee = self.F(self.logn(5200, 0.15, 3500, 9000), 100)
            if self.p(0.6):
                self.tx(t, par['main'], c, fee + self.F(self.u(0, 1000), 100), 'mobile', par['live'], memo='学费')
                self.tx(t + self.ri(10, 600) * MIN, c, uni_acct, fee, 'mobile', uni[1], memo='学费')
            else:
                self.tx(t, par['main'], uni_acct, fee, 'online', par['live'], memo='学费')
        self.spend(c, 0.3, 22, 0.9, uni[1], lo=campus_lo, hi=brk0)
        if spring:
            self.spend(c, 0.3, 22, 0.9, uni[1], lo=brk1)
        self.spend(a, 0.12, 30, 0.9, home if spring else uni[1], lo=brk0 if spring else self.W0, hi=brk1 if spring else self.W1)
        for _ in range(self.poisson(0.06 * ((brk0 - campus_lo) / DAY if brk0 > campus_lo else 0))):
            self.tx(self.when(self.t_days_all, 'day', campus_lo, brk0), c, uni_acct,
                    self.F(self.logn(150, 0.4, 50, 500), 10), 'mobile', uni[1], memo='校园卡充值')
        for _ in range(self.poisson(0.04 * self.ndays)):
            q = self.local_pick('student')
            if q['uni'] == uni or self.p(0.3):
                t = self.when(self.t_days_all, 'evening', max(campus_lo, q['campus_t'] + HOUR))
                self.tx(t, c, q['campus'], self.F(self.logn(45, 0.8, 3, 500)), 'mobile', uni[1],
                        memo=self.pick(('AA', '', '饭钱', '车费', '奶茶')))
        if self.p(0.15):
            boss = self.local_pick(self.pick(('smallshop', 'family')), PREF_OF.get(uni[1]))
            for _ in range(self.ri(1, 3)):
                self.tx(self.when(self.t_days_all, 'evening', campus_lo), boss['main'], c,
                        self.F(self.logn(700, 0.5, 100, 3000), 10), 'mobile', uni[1], memo=self.pick(('兼职工资', '家教费', '')))
        if not spring and self.p(0.2):
            self.tx(self.when(self.t_days_work, 'batch', max(campus_lo, self.W0 + 45 * DAY)), uni_acct, c,
                    self.F(self.pick((1000, 1650, 2500, 3300)), 1), 'other', uni[1], memo='国家助学金')
        if p.get('extra') and self.p(0.8):
            e = p['extra']
            t0 = self.acc[e].opened + HOUR
            self.tx(self.when(self.t_days_all, 'evening', t0), c, e, self.F(self.logn(300, 0.6, 20, 2000), 10), 'mobile', uni[1])
            self.spend(e, 0.05, 30, 0.8, uni[1], lo=t0 + DAY)
        if spring and self.p(0.6):
            for _ in range(self.ri(1, 4)):
                g = self.local_pick(self.pick(('elderly', 'family', 'migrant')), p['pref'] or None)
                self.tx(self.when(self.t_days_all, 'day', self.W0 + 18 * DAY, self.W0 + 33 * DAY), g['main'], a,
                        self.F(self.logn(500, 0.6, 100, 3000), 100), 'mobile', home, memo=self.pick(('压岁钱', '红包', '')))

    def f_farmer(self, p, spring):
        a, reg = p['main'], p['home']
        for _ in range(self.poisson(0.02 * self.ndays)):
            self.cash_out(a, self.when(self.t_days_work, 'old'), self.F(self.logn(800, 0.7, 100, 10000), 100), reg)
        agri = self.org('agri/%s' % reg, RCC[p['pref']], reg, 'agri_store', (2, 15), individual=True)
        for _ in range(self.poisson(0.015 * self.ndays)):
            self.tx(self.when(self.t_days_all, 'day'), a, agri, self.money(self.logn(700, 0.8, 50, 8000)), 'mobile', reg,
                    memo=self.pick(('化肥', '农药', '种子', '')))
        if self.p(0.1):
            t = self.when(self.t_days_work, 'counter')
            self.cash_in(a, t, self.F(self.logn(6000, 0.6, 1000, 40000), 100), reg)
        if self.p(0.08):
            bank = self.acc[a].bank
            t = self.when(self.t_days_work, 'counter')
            loan = self.F(self.pick((10000, 20000, 30000, 50000)), 100)
            self.tx(t, self.internal('loan', bank), a, loan, 'other', reg, memo='小额信贷放款')
            left = loan
            for _ in range(self.ri(1, 3)):
                x = min(left, self.F(loan / 100 * self.u(0.2, 0.7), 100))
                left -= x
                self.tx(t + self.ri(2, 200) * HOUR, a, self.pick((agri, self.local_pick('bizowner')['main'])), x,
                        'mobile', reg, memo=self.pick(('货款', '建房材料', '买牛')))
        if not spring and self.p(0.55):
            self.tx(self.when(self.t_days_all, 'old'), a, self.tax_org(p['pref']), 40000 * self.ri(1, 4),
                    self.pick(('counter', 'mobile')), reg, memo='城乡居民医保')
        if self.p(0.35):
            self.spend(a, 0.07, 60, 0.9, reg)

    def guest_payer(self, region=None, reuse=0.05, purpose='guest'):
        """a tourist or buyer: a bank account, or a payment firm's reserve (WeChat/Alipay transfer to card)."""
        if self.p(0.4):
            w = self.pick(('TENPAY_RES', 'TENPAY_RES', 'ALIPAY_RES'))
            return self.reserve(w), ('微信转账' if w == 'TENPAY_RES' else '支付宝转账'), region or self.wp(T_NATION)
        q = self.outsider(purpose, region=region, reuse=reuse)
        return q['main'], '', q['live']

    def f_homestay(self, p, spring):
        a, where = p['main'], p['live']
        lo = p['new_t'] + 2 * HOUR if p['new_t'] else self.W0
        size = p['size']
        recv = a
        if p.get('corp') and self.p(0.5):
            recv = p['corp']
        guests = []
        for d in range(self.ndays + 10):  # d: the night of the stay; guests pay days ahead
            n = self.poisson(self.GUEST * size * (self.f_tour[d] if d < self.ndays else 0.7))
            for _ in range(n):
                t = self.at(d - min(self.ri(0, 14), self.ri(0, 14)), 'evening')
                if t < lo or t >= self.W1:
                    continue
                payer, memo0, preg = self.guest_payer(reuse=0.04)
                peak = self.f_tour[min(d, self.ndays - 1)] >= 2.5
                if self.p(0.5):
                    amt = self.F(self.logn(260 if not peak else 480, 0.45, 50, 2000), 10)
                    memo = self.pick(('定金', '房费定金', '订房', ''))
                else:
                    amt = self.F(self.logn(520 if not peak else 1100, 0.6, 120, 6000), 1)
                    memo = self.pick(('房费', '住宿费', '', '民宿'))
                i = self.tx(t, payer, recv, amt, 'mobile', preg, memo=memo0 or memo, tag='guest')
                guests.append(i)
                if self.p(0.05) and not memo0:
                    self.tx(t + self.ri(2, 120) * HOUR, recv, payer, amt, 'mobile', where, memo='退定金')
        # OTA settlements weekly, wallet withdrawals, wages, laundry, power, rent, shopping
        for d in range(self.ri(0, 6), self.ndays, 7):
            t = self.at(d, 'batch')
            if t < lo:
                continue
            wk = sum(self.f_tour[max(0, d - 7):d + 1]) / 8.0
            self.tx(t, self.platform(self.pick(('CTRIP', 'MEITUAN', 'MEITUAN'))), a,
                    self.F(self.logn(3500 * size * wk, 0.5, 200, 200000), 0.01), 'other', where, memo='结算款')
        w = self.wallet(p)
        for d in range(self.ri(0, 3), self.ndays, self.ri(2, 5)):
            t = self.at(d, 'late')
            if t >= lo:
                self.tx(t, w, a, self.F(self.logn(900 * size * self.f_tour[d], 0.6, 20, 100000)), 'mobile', where,
                        memo='零钱提现')
        staff = [self.local_pick(self.pick(('farmer', 'family')), PREF_OF[where]) for _ in range(self.ri(0, 3))]
        for s in staff:
            wage = self.F(self.logn(2800, 0.15, 1800, 4500), 100)
            self.monthly(a, s['main'], self.ri(3, 12), lambda: wage, 'evening', where, memo='工资', lo=lo)
        laundry = self.org('laundry/%s' % where, RCC[PREF_OF[where]], where, 'laundry', (1, 10), individual=True)
        for d in range(self.ri(0, 9), self.ndays, self.ri(7, 12)):
            t = self.at(d, 'day')
            if t >= lo:
                self.tx(t, a, laundry, self.F(self.logn(400 * size * self.f_tour[d], 0.5, 50, 10000)), 'mobile', where,
                        memo='布草洗涤')
        self.monthly(a, self.platform('GRID'), self.ri(5, 25), lambda: self.F(self.logn(800 * size, 0.5, 100, 8000)), 'day',
                     where, memo='电费', lo=lo)
        if self.p(0.4):
            ll = self.local_pick('family', PREF_OF[where])
            self.tx(self.when(self.t_days_work, 'day', lo), a, ll['main'], self.F(self.logn(35000 * size, 0.5, 8000, 200000), 1000),
                    'mobile', where, memo=self.pick(('房租', '租金', '半年房租')))
        self.spend(a, 0.25, 150, 1.1, where, lo=lo)
        if p['new_t']:  # the new owner moves savings into the new card first
            self.tx(p['new_t'] + self.ri(10, 90) * MIN, '', a, self.F(self.logn(5000, 0.6, 500, 30000), 100), 'counter',
                    where, 'deposit', '')
        p['guests'] = guests

    def f_guide(self, p, spring):
        a, where = p['main'], p['live']
        agency = [self.org('agency/%s/%d' % (where, k), self.wp(T_TBANK), where, 'travel_agency', (2, 15)) for k in range(2)]
        if p['kind'] == 'guide':
            for d in range(self.ndays):
                for _ in range(self.poisson(0.22 * min(self.f_tour[d], 3.5))):
                    self.tx(self.at(d, 'evening'), self.pick(agency), a, self.F(self.logn(450, 0.4, 100, 2000), 10),
                            'mobile', where, memo=self.pick(('带团费', '导服费', '')))
            if self.p(0.3):  # collects show tickets from a group and pays the theatre
                show = self.org('show/%s' % where, self.pick(('ICBC', 'CCB', 'ABC')), where, 'theatre', (3, 10))
                for _ in range(self.ri(1, 4)):
                    d = self.wp(self.t_days_tour)
                    t = self.at(d, 'day')
                    tot = 0
                    region = self.wp(T_NATION)
                    for _k in range(self.ri(6, 24)):
                        payer, memo0, preg = self.guest_payer(region=region if self.p(0.7) else None, reuse=0.0)
                        fen = self.F(self.pick((198, 238, 268, 280, 298, 320)), 1) * self.ri(1, 3)
                        tot += fen
                        self.tx(t + self.ri(0, 150) * MIN, payer, a, fen, 'mobile', where, memo=memo0 or self.pick(('门票', '演出票', '')))
                    self.tx(t + self.ri(170, 600) * MIN, a, show, self.F(tot / 100 * self.u(0.82, 0.92), 1), 'mobile', where,
                            memo='团队票款')
        else:
            for d in range(self.ndays):
                for _ in range(self.poisson(0.12 * min(self.f_tour[d], 4.0))):
                    payer, memo0, preg = self.guest_payer(reuse=0.02)
                    self.tx(self.at(d, 'day'), payer, a, self.F(self.logn(300, 0.7, 30, 2500), 10), 'mobile', preg,
                            memo=memo0 or self.pick(('车费', '包车', '')))
            for _ in range(self.poisson(0.15 * self.ndays)):
                self.tx(self.when(self.t_days_all, 'day'), a, self.platform('SINOPEC'), self.F(self.logn(300, 0.3, 100, 800)),
                        'pos', where, memo='加油')
            if self.p(0.5):
                f = self.F(self.logn(2800, 0.3, 1200, 6000), 0.01)
                self.monthly(a, self.internal('loan', self.acc[a].bank), self.ri(1, 28), lambda: f, 'batch', where,
                             'other', '车贷还款')
        self.spend(a, 0.22, 70, 1.0, where)
        for _ in range(self.poisson(0.02 * self.ndays)):
            self.cash_out(a, self.when(self.t_days_all, 'day'), self.F(self.logn(1000, 0.6, 100, 5000), 100), where)

    def f_souvenir(self, p, spring):
        a, where = p['main'], p['live']
        size = p['size']
        w = self.wallet(p)
        for d in range(self.ri(0, 2), self.ndays, self.ri(1, 3)):
            self.tx(self.at(d, 'late'), w, a, self.F(self.logn(1200 * size * self.f_tour[d], 0.6, 20, 150000)), 'mobile',
                    where, memo='零钱提现')
        for d in range(self.ndays):
            for _ in range(self.poisson((0.04 if p['silver'] else 0.015) * size * self.f_tour[d])):
                payer, memo0, preg = self.guest_payer(reuse=0.02, purpose='buyer')
                self.tx(self.at(d, 'day'), payer, a, self.F(self.logn(1500 if p['silver'] else 300, 0.9, 50, 40000), 1),
                        'mobile', preg, memo=memo0 or self.pick(('银饰', '货款', '', '定制')), tag='guest')
        if p['silver']:
            sup = self.org('silver/%d' % self.ri(0, 7), self.wp(T_NBANK), '532932', 'silver_supplier', (3, 15),
                           individual=True)
            for _ in range(self.ri(1, 3)):
                self.tx(self.when(self.t_days_work, 'office'), a, sup, self.F(self.logn(60000 * size, 0.5, 10000, 400000), 100),
                        'mobile', where, memo=self.pick(('银料款', '货款', '')))
        else:
            sup = self.org('yiwu/%d' % self.ri(0, 11), self.wp(T_NBANK), '330782', 'wholesaler', (3, 15))
            for _ in range(self.ri(1, 3)):
                self.tx(self.when(self.t_days_work, 'office'), a, sup, self.F(self.logn(9000 * size, 0.6, 1000, 100000), 10),
                        'mobile', where, memo='货款')
        for _ in range(self.ri(0, 4)):  # embroidery and batik made by village women
            q = self.local_pick('farmer', PREF_OF[where])
            self.tx(self.when(self.t_days_all, 'day'), a, q['main'], self.F(self.logn(1200, 0.6, 200, 8000), 10), 'mobile',
                    where, memo=self.pick(('绣片', '手工费', '')))
        if self.p(0.5):
            ll = self.local_pick('family', PREF_OF[where])
            self.tx(self.when(self.t_days_work, 'day'), a, ll['main'], self.F(self.logn(40000 * size, 0.5, 8000, 200000), 1000),
                    'mobile', where, memo='铺面租金')
        if self.p(0.3):
            for d in range(self.ri(0, 6), self.ndays, 7):
                self.cash_in(a, self.at(d, 'counter'), self.F(self.logn(3000 * size * self.f_tour[d], 0.5, 200, 50000), 100), where)
        if self.p(0.6):
            s = self.local_pick('family', PREF_OF[where])
            wage = self.F(self.logn(2600, 0.15, 1800, 4000), 100)
            self.monthly(a, s['main'], self.ri(3, 12), lambda: wage, 'evening', where, memo='工资')
        self.spend(a, 0.2, 90, 1.0, where)

    def f_smallshop(self, p, spring):
        a, reg = p['main'], p['home']
        size = p['size']
        w = self.wallet(p)
        for d in range(self.ri(0, 3), self.ndays, self.ri(2, 4)):
            self.tx(self.at(d, 'late'), w, a, self.F(self.logn(800 * size * self.f_gen[d], 0.5, 20, 30000)), 'mobile', reg,
                    memo='零钱提现')
        whs = self.org('wholesale/%s/%d' % (p['pref'], self.ri(0, 14)), self.wp(T_TBANK), CENTRE[p['pref']], 'wholesaler',
                       (2, 15), individual=True)
        for d in range(self.ri(0, 6), self.ndays, self.ri(5, 9)):
            self.tx(self.at(d, 'day'), a, whs, self.F(self.logn(2500 * size, 0.6, 200, 40000), 1), 'mobile', reg,
                    memo=self.pick(('货款', '进货', '')))
        if self.p(0.4):
            for d in range(self.ri(0, 6), self.ndays, 7):
                self.cash_in(a, self.at(d, 'counter'), self.F(self.logn(1800 * size, 0.5, 200, 20000), 100), reg)
        if self.p(0.6):
            ll = self.local_pick('family', p['pref'])
            self.monthly(a, ll['main'], self.ri(1, 10),
                         lambda: self.F(self.logn(1800, 0.4, 500, 6000), 100), 'day', reg, memo='房租')
        if self.p(0.3):  # a farmer or two sells to the shop
            for _ in range(self.ri(1, 4)):
                q = self.local_pick('farmer', p['pref'])
                self.tx(self.when(self.t_days_all, 'day'), a, q['main'], self.F(self.logn(800, 0.7, 50, 6000), 1), 'mobile',
                        reg, memo=self.pick(('菜钱', '鸡蛋', '猪肉', '')))
        self.spend(a, 0.15, 80, 1.0, reg)
        for _ in range(self.poisson(0.02 * self.ndays)):
            q = self.local_pick('family', p['pref'])
            self.tx(self.when(self.t_days_gen, 'evening'), a, q['main'], self.money(self.logn(500, 1.0, 20, 10000)),
                    'mobile', reg)

    def f_eseller(self, p, spring):
        a, reg, prod = p['main'], p['home'], p['prod']
        lo = p['new_t'] + HOUR if p['new_t'] else self.W0
        season = self.crop[prod]
        size = p['size']
        first_week = (p['new_t'], p['new_t'] + 9 * DAY) if p['new_t'] else (0, 0)
        price = {'larou': 260, 'kiwi': 95, 'tea': 180, 'honey': 150, 'orange': 88}[prod]
        buyers = []
        for d in range(self.ndays):
            boost = 1.0
            t_mid = self.W0 + d * DAY
            if first_week[0] <= t_mid < first_week[1]:
                boost = 3.0
            lam = self.BUYER * size * season[d] * boost * self.f_shop[d]
            for _ in range(self.poisson(lam)):
                t = self.at(d, 'evening')
                if t < lo:
                    continue
                if buyers and self.p(0.28):
                    payer, memo0, preg = self.pick(buyers)
                else:
                    payer, memo0, preg = self.guest_payer(reuse=0.02, purpose='buyer')
                    buyers.append((payer, memo0, preg))
                fen = self.F(price * self.ri(1, 4) * self.u(0.85, 1.2), 1)
                self.tx(t, payer, a, fen, 'mobile', preg, memo=memo0 or self.pick(('', '货款', prod == 'larou' and '腊肉' or '水果', '')),
                        tag='guest')
        plat = self.platform(self.pick(('DOUYIN', 'DOUYIN', 'KUAISHOU', 'PDD')))
        for d in range(self.ri(0, 4), self.ndays, self.ri(3, 6)):
            t = self.at(d, 'batch')
            if t < lo:
                continue
            wk = sum(season[max(0, d - 5):d + 1]) / 6.0
            fen = self.F(self.logn(4500 * size * wk, 0.5, 100, 300000), 0.01)
            self.tx(t, plat, a, fen, 'other', reg, memo='货款结算')
        w = self.wallet(p)
        for d in range(self.ri(0, 3), self.ndays, self.ri(2, 4)):
            t = self.at(d, 'late')
            if t >= lo and season[d] > 0.2:
                self.tx(t, w, a, self.F(self.logn(600 * size * season[d], 0.6, 20, 60000)), 'mobile', reg, memo='零钱提现')
        for d in range(self.ndays):  # pays the farmers who supply the produce
            for _ in range(self.poisson(0.28 * size * season[d])):
                t = self.at(d, 'day')
                if t < lo:
                    continue
                q = self.local_pick('farmer', p['pref'])
                self.tx(t, a, q['main'], self.F(self.logn(2500, 0.8, 200, 30000), 1), 'mobile', reg,
                        memo=self.pick(('货款', prod == 'larou' and '腊肉款' or '果子钱', '')))
        exp = self.org('express/%s/%d' % (p['pref'], self.ri(0, 3)), self.pick(('ICBC', 'CCB', 'ABC', RCC[p['pref']])),
                       CENTRE[p['pref']], 'express', (2, 12))
        for d in range(self.ri(0, 6), self.ndays, 7):
            t = self.at(d, 'office')
            if t >= lo and season[d] > 0.2:
                self.tx(t, a, exp, self.F(self.logn(2500 * size * season[d], 0.5, 100, 60000), 1), 'mobile', reg, memo='快递费')
        pack = self.org('pack/%d' % self.ri(0, 9), self.wp(T_NBANK), self.pick(('440111', '330782', '440306')), 'packaging')
        for _ in range(self.ri(0, 3)):
            self.tx(self.when(self.t_days_work, 'office', lo), a, pack, self.F(self.logn(5000 * size, 0.5, 500, 50000), 1),
                    'mobile', reg, memo=self.pick(('包装箱', '纸箱', '泡沫箱', '')))
        if self.p(0.35):
            for _ in range(self.poisson(0.08 * self.ndays)):
                self.tx(self.when(self.t_days_shop, 'day', lo), a, self.platform('ADS'),
                        self.F(self.logn(900, 0.7, 100, 10000), 1), 'mobile', reg, memo='巨量引擎充值')
        for i in range(len(buyers)):
            if self.p(0.025):
                payer = buyers[i][0]
                if not buyers[i][1]:
                    self.tx(self.when(self.t_days_all, 'day', lo), a, payer, self.F(self.logn(60, 0.6, 10, 300), 1), 'mobile',
                            reg, memo='退款')
        self.spend(a, 0.18, 70, 1.0, reg, lo=lo)
        if p['new_t']:
            self.tx(p['new_t'] + self.ri(5, 60) * MIN, '', a, self.F(self.logn(300, 1.0, 10, 5000), 10), 'counter', reg,
                    'deposit', '')

    def f_landlord(self, p, spring):
        a, reg = p['main'], p['home']
        tenants = []
        for _ in range(p['tenants']):
            r = self.rng.random()
            if r < 0.45:
                q = self.local_pick('student')
                acct = q['campus']
                lo = q['campus_t'] + HOUR if q['campus_t'] else self.W0
            elif r < 0.8:
                q = self.local_pick('family', PREF_OF[reg])
                acct, lo = q['main'], self.W0
            else:
                q = self.outsider('tenant', region=reg)
                acct, lo = q['main'], self.W0
            tenants.append((acct, lo, self.F(self.logn(900, 0.3, 400, 2500), 50)))
        for d in self.days_dom(1, False):
            for acct, lo, fen in tenants:
                t = self.W0 + (d + min(self.ri(0, 6), self.ri(0, 9))) * DAY + self.ri(8, 23) * HOUR + self.ri(0, 3599)
                if lo <= t < self.W1:
                    self.tx(t, acct, a, fen, 'mobile', reg, memo=self.pick(('房租', '房租', '租金', '')))
        others = [x for x in p['accts'] if x != a]
        for d in self.days_dom(8, False):
            if others:
                self.tx(self.at(d, 'day'), a, others[0], self.F(self.logn(9000, 0.5, 1000, 50000), 100), 'mobile', reg)
            else:
                self.cash_out(a, self.at(d, 'counter'), self.F(self.logn(3000, 0.5, 500, 20000), 100), reg)
        self.spend(a, 0.15, 100, 1.0, reg)
        self.monthly(a, self.platform('GRID'), self.ri(5, 25), lambda: self.F(self.logn(900, 0.4, 100, 5000)), 'day', reg,
                     memo='电费')

    def f_bizowner(self, p, spring):
        accts = p['accts']
        reg = p['home']
        for _ in range(self.poisson(0.45 * self.ndays)):
            src = self.local_pick(self.pick(('family', 'contractor', 'farmer', 'smallshop', 'homestay')), p['pref'])
            self.tx(self.when(self.t_days_work, 'office'), src['main'], self.pick(accts),
                    self.F(self.logn(9000, 1.0, 300, 300000), 1), 'mobile', reg, memo=self.pick(('货款', '材料款', '', '水泥钱', '往来款')))
        for _ in range(self.poisson(0.12 * self.ndays)):
            sup = self.org('supplier/%d' % self.ri(0, 39), self.wp(T_NBANK), self.wp(T_NATION), 'supplier', (3, 20))
            self.tx(self.when(self.t_days_work, 'office'), self.pick(accts), sup, self.F(self.logn(45000, 0.8, 3000, 800000), 100),
                    self.pick(('online', 'mobile', 'counter')), reg, memo='货款')
        for _ in range(self.poisson(0.15 * self.ndays)):  # moving money between own banks
            x, y = self.pick(accts), self.pick(accts)
            if x != y:
                self.tx(self.when(self.t_days_work, 'office'), x, y, self.F(self.logn(30000, 0.9, 2000, 500000), 100), 'mobile', reg,
                        memo=self.pick(('', '', '往来款', '转账')))
        if self.p(0.5):  # bridge money to roll a loan over: in and out the same day
            b = self.pick(accts)
            bank = self.acc[b].bank
            if bank in SUPPLY:
                t = self.when(self.t_days_work, 'counter')
                amt = self.F(self.logn(200000, 0.6, 50000, 1000000), 10000)
                lender = self.local_pick('bizowner')
                if lender['hid'] != p['hid']:
                    self.tx(t, lender['main'], b, amt, 'mobile', reg, memo='借款')
                    self.tx(t + self.ri(20, 120) * MIN, b, self.internal('loan', bank), amt, 'counter', reg, memo='还贷')
                    self.tx(t + self.ri(1, 3) * DAY, self.internal('loan', bank), b, amt, 'other', reg, memo='贷款发放')
                    self.tx(t + self.ri(3, 4) * DAY, b, lender['main'], amt + self.F(amt / 100 * 0.01, 1), 'mobile', reg,
                            memo='还款')
        staff = [self.local_pick('family', p['pref']) for _ in range(self.ri(1, 5))]
        for s in staff:
            wage = self.F(self.logn(3800, 0.2, 2200, 8000), 100)
            self.monthly(accts[0], s['main'], self.ri(5, 15), lambda: wage, 'day', reg, memo='工资')
        self.spend(accts[0], 0.25, 150, 1.2, reg)

    def f_contractor(self, p, spring):
        a = p['main']
        reg = p['live']
        second = p['accts'][1]
        n_pay = (1 if self.p(0.6) else 2) if not spring else 1
        for k in range(n_pay):
            if spring:
                d = self.ri(3, 19)
            else:
                d = self.pick((self.ri(18, 27), self.ri(50, 75)))
            t = self.at(d, 'office')
            payer = self.org('dev/%s/%d' % (p['pref'], self.ri(0, 5)), self.pick(('ICBC', 'CCB', 'ABC', 'BOC', 'CMB')),
                             CENTRE[p['pref']], 'developer', (2, 15)) if self.p(0.7) else \
                self.org('gov/%s' % p['pref'], 'PBOC', CENTRE[p['pref']], 'treasury', (20, 25))
            workers = [self.local_pick(self.pick(('farmer', 'farmer', 'migrant', 'family')), p['pref'])
                       for _ in range(self.ri(10, 38))]
            wages = [self.F(self.logn(9000 if spring else 6000, 0.5, 1500, 40000), 100) for _ in workers]
            total = sum(wages) + self.F(self.logn(150000, 0.6, 20000, 600000), 1000)
            self.tx(t, payer, a, total, 'other', reg, memo=self.pick(('工程款', '进度款', '农民工工资')))
            t2 = t + self.ri(1, 30) * HOUR
            for q, fen in zip(workers, wages):
                t2 += self.ri(1, 8) * MIN
                self.tx(t2, a, q['main'], fen, 'mobile', reg, memo=self.pick(('工资', '工钱', '')))
            mat = self.local_pick('bizowner')
            self.tx(t2 + self.ri(1, 40) * HOUR, a, self.pick(mat['accts']), self.F(total / 100 * self.u(0.2, 0.5), 100),
                    'mobile', reg, memo='材料款')
            self.tx(t2 + self.ri(2, 80) * HOUR, a, second, self.F(total / 100 * self.u(0.05, 0.2), 100), 'mobile', reg)
        self.spend(a, 0.2, 200, 1.2, reg)
        self.spend(second, 0.05, 100, 1.0, p['home'])

    def f_purchaser(self, p, spring):
        a = p.get('corp') or p['main']
        reg = p['home']
        season = self.crop[p['prod']]
        market_regs = ('440111', '110106', '310112', '430111', '500112', '420106')
        for d in range(self.ndays):
            for _ in range(self.poisson(0.22 * season[d])):
                t = self.at(d, 'office')
                mk = self.org('market/%d' % self.ri(0, 15), self.wp(T_NBANK), self.pick(market_regs), 'wholesale_market', (2, 15),
                              individual=self.p(0.5))
                farmers = [self.local_pick('farmer', p['pref']) for _ in range(self.ri(5, 30))]
                pays = [self.F(self.logn(4000, 0.7, 300, 40000), 1) for _ in farmers]
                total = sum(pays)
                self.tx(t, mk, a, self.F(total / 100 * self.u(1.08, 1.25), 100), 'online', self.acc[mk].region,
                        memo=self.pick(('货款', '猕猴桃款' if p['prod'] == 'kiwi' else '货款', '')))
                t2 = t + self.ri(1, 20) * HOUR
                for q, fen in zip(farmers, pays):
                    t2 += self.ri(1, 15) * MIN
                    self.tx(t2, a, q['main'], fen, 'mobile', reg, memo=self.pick(('果款', '货款', '')))
                drv = self.outsider('trucker', region=self.pick(('433101', '431202', '440111')), reuse=0.5)
                self.tx(t2 + self.ri(1, 10) * HOUR, a, drv['main'], self.F(self.logn(6000, 0.3, 2000, 15000), 100), 'mobile',
                        reg, memo='运费')
        if p.get('corp'):
            self.tx(self.when(self.t_days_work, 'office'), a, p['main'], self.F(self.logn(20000, 0.6, 2000, 100000), 100),
                    'mobile', reg)
        self.spend(p['main'], 0.2, 120, 1.1, reg)

    # ---------------- lawful events that look like fraud ----------------
    def ev_pools(self):
        """relatives pool money into one account (hospital, funeral, wedding, a house), which then pays out."""
        spring = self.P['season'] == 'spring'
        for _ in range(self.P['pools']):
            reason = self.wp(prep([('hospital', 35), ('funeral', 22), ('wedding', 45 if spring else 22), ('house', 15)]))
            tgt = self.local_pick(self.pick(('family', 'family', 'farmer', 'migrant', 'elderly')))
            a, pref = tgt['main'], tgt['pref']
            if reason == 'wedding':
                d = self.ri(14, 40) if spring else (self.ri(28, 35) if self.p(0.6) else self.ri(0, self.ndays - 3))
            else:
                d = self.ri(0, self.ndays - 3)
            t = self.at(d, 'day')
            n = self.ri(10, 30) if reason == 'wedding' else self.ri(5, 16)
            med = {'hospital': 4000, 'funeral': 1000, 'wedding': 800, 'house': 15000}[reason]
            total = 0
            for _k in range(n):
                q = self.local_pick(self.pick(('family', 'migrant', 'farmer', 'elderly', 'smallshop')), pref if self.p(0.8) else None)
                if q['main'] == a:
                    continue
                fen = self.F(self.logn(med, 0.6, 100, 80000), 100)
                total += fen
                self.tx(t + self.ri(0, 30 * 60) * MIN, q['main'], a, fen, 'mobile', q['live'],
                        memo=self.pick({'hospital': ('医药费', '住院费', '', '救急'), 'funeral': ('', '奠仪', '白事'),
                                        'wedding': ('礼金', '随礼', '新婚快乐', ''), 'house': ('借款', '', '建房')}[reason]))
            t2 = t + self.ri(31, 60) * HOUR
            if reason == 'hospital':
                hosp = self.org('hospital/%s' % pref, self.pick(('ICBC', 'CCB', 'ABC', 'BOC')), CENTRE.get(pref, '433101'), 'hospital')
                self.tx(t2, a, hosp, self.F(total / 100 * self.u(0.6, 1.0), 1), self.pick(('pos', 'mobile', 'counter')),
                        CENTRE.get(pref, '433101'), memo='住院押金')
            elif reason in ('funeral', 'wedding'):
                shop = self.org('banquet/%s' % pref, RCC.get(pref, 'HNRCU'), CENTRE.get(pref, '433101'), 'banquet', (2, 12), True)
                self.tx(t2, a, shop, self.F(total / 100 * self.u(0.4, 0.9), 100), 'mobile', tgt['live'],
                        memo=self.pick(('酒席', '办酒', '')))
                self.cash_out(a, t2 + self.ri(1, 30) * HOUR, self.F(total / 100 * self.u(0.1, 0.3), 100), tgt['live'])
            else:
                b = self.local_pick('bizowner', pref)
                self.tx(t2, a, b['main'], self.F(total / 100 * self.u(0.7, 1.0), 100), 'mobile', tgt['live'], memo='材料款')

    def ev_firstpay(self):
        """a new account whose first real business is a very large payment (car, flat deposit, down payment)."""
        spring = self.P['season'] == 'spring'
        for _ in range(self.P['firstpay']):
            p = self.local_pick(self.wp(prep([('family', 50), ('migrant', 40 if spring else 15), ('bizowner', 10),
                                              ('contractor', 8)])))
            live = p['home'] if p['arch'] == 'migrant' else p['live']
            pref = PREF_OF.get(live, 'XX')
            d = self.ri(12, 40) if (spring and p['arch'] == 'migrant') else self.ri(0, self.ndays - 2)
            bank = self.pick(('ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', RCC.get(pref, 'HNRCU')))
            t0 = self.open_at(d)
            new = self.give(p, bank, t0, live, 'I', arch='firstpay')
            what = self.wp(prep([('car', 45), ('flat_deposit', 35), ('down_payment', 20)]))
            price = {'car': self.logn(120000, 0.4, 50000, 350000), 'flat_deposit': self.logn(50000, 0.5, 20000, 150000),
                     'down_payment': self.logn(220000, 0.4, 80000, 600000)}[what]
            price = self.F(price, 1000 if what != 'car' else 100)
            left = price
            t = t0 + self.ri(10, 90) * MIN
            srcs = [x for x in p['accts'] if x != new and self.acc[x].arch != 'firstpay']
            for x in srcs[:2]:
                part = self.F(left / 100 * self.u(0.4, 1.0), 100) if left > 1000000 else left
                self.tx(t, x, new, part, 'mobile', live, memo='')
                left -= part
                t += self.ri(3, 60) * MIN
                if left <= 0:
                    break
            while left > 0:
                q = self.local_pick(self.pick(('family', 'elderly', 'migrant')), pref)
                part = min(left, self.F(self.logn(40000, 0.6, 5000, 200000), 1000))
                if left - part < 100000:
                    part = left
                self.tx(t, q['main'], new, part, 'mobile', q['live'], memo=self.pick(('', '借你', '买车', '买房')))
                left -= part
                t += self.ri(5, 180) * MIN
            kind = 'car4s' if what == 'car' else 'developer'
            payee = self.org('%s/%s/%d' % (kind, pref, self.ri(0, 4)), self.pick(('ICBC', 'CCB', 'ABC', 'BOC')),
                             CENTRE.get(pref, '433101'), kind, (2, 15))
            self.tx(t + self.ri(10, 240) * MIN, new, payee, price, self.pick(('pos', 'counter', 'mobile')), live,
                    memo={'car': '购车款', 'flat_deposit': '购房定金', 'down_payment': '首付款'}[what])
            if self.p(0.4):
                self.spend(new, 0.05, 100, 1.0, live, lo=t + DAY)

    def ev_new_open(self):
        """ordinary people who open an account inside the window (e-accounts, a new salary card)."""
        pool = [p for p in self.people if p['arch'] in ('family', 'migrant', 'farmer', 'smallshop', 'guide', 'student')]
        n = int(len(pool) * self.P['new_open'])
        for _ in range(n):
            p = self.pick(pool)
            d = self.ri(0, self.ndays - 3)
            t0 = self.open_at(d)
            if p['arch'] == 'migrant' and self.p(0.5):
                new = self.give(p, self.wp(T_WBANK), t0, p['work'], 'I', arch='new_salary_card')
                emp = self.org('factory/%s/%d' % (p['work'], self.ri(10, 14)), self.wp(T_WBANK), p['work'], 'factory', (3, 20))
                med = self.logn(6000, 0.2, 3300, 12000)
                self.monthly(emp, new, self.ri(10, 25), lambda: self.F(self.logn(med, 0.08), 0.01), 'batch', p['work'],
                             'other', '工资', lo=t0 + DAY)
                self.spend(new, 0.2, 60, 1.0, p['work'], lo=t0 + DAY)
                continue
            live = p['live']
            b = self.wp(T_TBANK)
            new = self.give(p, b, t0, live, self.pick(('I', 'II', 'II')), arch='new_account')
            self.tx(t0 + self.ri(5, 48 * 60) * MIN, p['main'], new, self.F(self.logn(1500, 0.8, 100, 30000), 100), 'mobile', live)
            self.spend(new, 0.1, 60, 1.0, live, lo=t0 + 3 * DAY)

    # ==================================================================================
    # Fraud
    # ==================================================================================
    def build_fraud(self):
        self.fb = {}
        self.pending = {}
        self.heap = []
        self.hseq = 0
        self.daily_pf = {}
        self.cand = [p for p in self.people if p['arch'] in ('migrant', 'student', 'farmer', 'family', 'smallshop')
                     and self.dates[0].year - p['birth'] <= 48]
        self.make_ushang()
        self.make_gangs()
        self.make_farmers()
        for g in self.gangs:
            self.fill_layer(g, 'L1', self.P['l1_per_gang'], self.P['l1_mix'])
            self.fill_layer(g, 'L2', self.P['l2_per_gang'], self.P['l2_mix'])
            self.fill_layer(g, 'L3', self.P['l3_per_gang'], self.P['l2_mix'])
            self.fill_layer(g, 'CASH', self.P['cash_per_gang'], self.P['cash_mix'])
        self.make_paofen()
        self.make_cases()
        self.run_heap()
        self.after_heap()
        self.ushang_grey()

    def fraud_person(self, arch, region, age_lo=19, age_hi=45):
        p = self.person(arch, region, age_lo, age_hi)
        return p

    def supplying_bank(self, w_ext=0.18, pref='XX'):
        if self.p(w_ext):
            return self.pick(('CMB', 'PAB', 'CIB', 'HNB', 'CSCB', 'CZVB', 'CITIC', 'SPDB', 'BOCOM'))
        return self.wp(prep([('ICBC', 20), ('ABC', 20), ('CCB', 18), ('BOC', 10), ('PSBC', 14),
                             (RCC.get(pref, 'HNRCU'), 18)]))

    def make_gangs(self):
        P = self.P
        types = list(TYPOLOGY.keys())
        self.tw = {t: TYPOLOGY[t][0] * P['typology_shift'].get(t, 1.0) for t in types}
        self.type_gangs = {t: [] for t in types}
        for k in range(P['gangs']):
            base = self.pick(('441900', '440307', '450681', '532801', '430111', '530111', '451481'))
            g = {'id': k, 'kind': 'gang', 'base': base, 'L1': [], 'L2': [], 'L3': [], 'CASH': [], 'OP': [],
                 'PC': [], 'WALLET': [], 'cash_regs': [self.wp(T_CASH) for _ in range(self.ri(1, 3))],
                 'bought': {}, 'platform': None}
            for _ in range(self.ri(1, 2)):
                g['OP'].append(self.operator_account(g, base))
            for _ in range(self.ri(2, 4)):
                hp = self.fraud_person('recruit', self.wp(T_LOCAL), 18, 30)
                aid = self.open_acct(hp['hid'], self.pick(('TENPAY', 'ALIPAY')), self.W0 - self.ri(40, 300) * DAY - self.ri(0, DAY - 1),
                                     hp['home'], 'I', 'mule', 'pay_wallet')
                self.acc[aid].gang = k
                self.acc[aid].layer = 'WALLET'
                g['WALLET'].append(aid)
            g['ushang'] = [self.pick(self.ushang_accts) for _ in range(2)]
            self.gangs.append(g)
        order = sorted(types, key=lambda t: (-self.tw[t], t))
        for i, t in enumerate(order):
            self.type_gangs[t].append(self.gangs[i % P['gangs']])
            if self.tw[t] >= 10:
                other = self.gangs[(i * 3 + 2) % P['gangs']]
                if other is not self.type_gangs[t][0]:
                    self.type_gangs[t].append(other)

    def operator_account(self, g, base):
        hp = self.fraud_person('operator', self.wp(T_FHOME) if self.p(0.5) else self.wp(T_NATION), 22, 50)
        bank = self.supplying_bank(0.45, 'XX')
        if bank in ('HNRCU', 'CQRCB', 'GZRCU'):
            bank = 'ICBC'
        aid = self.open_acct(hp['hid'], bank, self.W0 - self.ri(30, 540) * DAY, base, 'I', 'operator', 'gang_operator')
        A = self.acc[aid]
        A.gang = g['id']
        A.layer = 'OP'
        A.use0, A.use1 = self.W0 - 60 * DAY, self.W1 + 30 * DAY
        return aid

    def make_ushang(self):
        self.ushang_accts = []
        self.ushang_up = []
        self.ush_up = {}
        for _ in range(self.P['ushang']):
            reg = self.pick(('433101', '431202', '430111', '440306', '520102', '500112', '430802'))
            p = self.fraud_person('ushang', reg, 23, 42)
            own = []
            banks = ['ICBC', 'CCB', 'ABC', 'BOC', 'PSBC', 'CMB', 'PAB', 'CIB']
            self.rng.shuffle(banks)
            for b in banks[:self.ri(2, 3)]:
                aid = self.open_acct(p['hid'], b, self.old_open(0.5, 6, p['birth']), reg, 'I', 'ushang', 'ushang_card')
                A = self.acc[aid]
                A.layer = 'USHANG'
                A.person = p
                own.append(aid)
            p['own'] = own
            self.ushang_accts.extend(own)
            ups = []
            for _k in range(2):
                q = self.fraud_person('ushang', self.wp(T_NATION), 25, 50)
                aid = self.open_acct(q['hid'], self.pick(('CMB', 'PAB', 'CIB', 'SPDB', 'CITIC', 'CMBC', 'GDB')),
                                     self.old_open(0.5, 5, q['birth']), q['home'], 'I', 'ushang', 'ushang_upstream')
                ups.append(aid)
            p['up'] = ups
            for aid in own:
                self.ush_up[aid] = (p, ups)  # where this U-merchant sends money on
            self.ushang_up.extend(ups)
        self.ushang_up_set = set(self.ushang_up)  # membership tests only

    def make_farmers(self):
        """card farmers: one holder opens a set of cards in several cities within days."""
        P = self.P
        self.farm_cards = []
        for k in range(P['farmers']):
            home = self.wp(T_FHOME)
            p = self.fraud_person('card_farmer', home, 19, 40)
            self.farmers.append(p)
            own = self.open_acct(p['hid'], self.pick(('ABC', 'PSBC', 'ICBC', 'CCB')), self.old_open(2, 10, p['birth']), home,
                                 'I', 'lawful', 'farmer_own_account')
            self.acc[own].farmer = 1
            self.acc[own].person = p
            p['own'] = own
            if k < P['farmer_pre']:
                t = self.W0 - self.ri(8, 22) * DAY
            else:
                t = self.W0 + self.ri(1, max(2, self.ndays - 28)) * DAY
            t = t - (t - self.W0) % DAY
            ncards = self.ri(*P['farmer_cards'])
            cities = []
            while len(cities) < self.ri(3, 5):
                c = self.wp(T_FCITY)
                if c not in cities:
                    cities.append(c)
            cards = []
            day = t
            for c in cities:
                banks = ['ICBC', 'ABC', 'CCB', 'BOC', 'PSBC', RCC.get(PREF_OF.get(c, ''), 'CSCB'), 'CMB', 'HNB', 'PAB',
                         'CIB']
                self.rng.shuffle(banks)
                nb = self.ri(2, 4)
                tt = day + self.ri(9, 11) * HOUR + self.ri(0, 3599)
                for b in banks[:nb]:
                    if len(cards) >= ncards:
                        break
                    aid = self.open_acct(p['hid'], b, tt, c, 'I' if self.p(0.85) else 'II', 'farmer_card', 'farmer_card_idle')
                    A = self.acc[aid]
                    A.farmer = 1
                    A.person = p
                    cards.append(aid)
                    tt += self.ri(40, 150) * MIN
                    if (tt - self.W0) % DAY > 17 * HOUR:
                        tt = tt - (tt - self.W0) % DAY + DAY + 9 * HOUR + self.ri(0, 3599)
                day = tt - (tt - self.W0) % DAY + self.ri(1, 3) * DAY
            sale = day + self.ri(1, 6) * DAY
            p['sale'] = sale
            p['cards'] = cards
            # a farmer sells most of a set; the last one of a larger crew has not sold yet
            sell = 0.0 if (k == P['farmers'] - 1 and P['farmers'] >= 4) else 0.75
            for aid in cards:
                if self.p(sell):
                    self.farm_cards.append((sale, aid, p))
        self.farm_cards.sort(key=lambda x: (x[0], x[1]))
        self.farm_free = [True] * len(self.farm_cards)

    def take_lawful(self, prefer=None):
        for _ in range(80):
            p = self.pick(self.by_arch[prefer]) if prefer else self.pick(self.cand)
            if p.get('fraud_used') or p.get('victim'):
                continue
            arch = p['arch']
            if arch == 'migrant':
                aid = p.get('homeacct') or p['sal']
            elif arch == 'student':
                aid = p['main'] if (self.p(0.5) or p['campus_t']) else p['campus']
            elif arch == 'family':
                aid = p.get('second') or p['main']
            else:
                aid = p['main']
            A = self.acc[aid]
            if A.role != 'lawful' or A.opened > self.W0 - 150 * DAY:
                continue
            p['fraud_used'] = True
            return p, aid
        return None, None

    def other_lawful(self, hp, exclude, t):
        """another account of the same holder, lawful and open at time t (where gangs pay the holder)."""
        if not hp:
            return None
        for x in hp['accts']:
            if x != exclude and self.acc[x].role == 'lawful' and self.acc[x].opened < t - HOUR:
                return x
        return None

    def recruit(self):
        if self.p(0.5):
            for _ in range(20):
                q = self.pick(self.cand)
                if self.dates[0].year - q['birth'] <= 32 and not q.get('fraud_used') and not q.get('victim'):
                    q['fraud_used'] = True
                    return q
        home = self.wp(T_LOCAL) if self.p(0.7) else (self.wp(T_FHOME) if self.p(0.5) else self.wp(T_NATION))
        return self.fraud_person('recruit', home, 18, 30)

    def mule(self, g, layer, arch, use0):
        P = self.P
        lo, hi = P['use_days'].get(arch, (3, 10))
        dur = int(self.u(lo, hi) * DAY)
        op = g['OP'][0] if g['OP'] else None
        aid = None
        if arch == 'farmer_card':
            for i, (sale, cid, fp) in enumerate(self.farm_cards):
                if self.farm_free[i] and sale + DAY <= use0:
                    self.farm_free[i] = False
                    aid = cid
                    A = self.acc[aid]
                    A.arch = 'farmer_card_' + layer
                    if fp['hid'] not in g['bought']:
                        g['bought'][fp['hid']] = True
                        if op and self.p(0.6):
                            self.tx(sale + self.ri(0, 20) * HOUR, op, fp['own'], self.F(self.u(5000, 6000), 100), 'mobile',
                                    g['base'], memo='', fk='card_purchase')
                    break
            if aid is None:
                arch = 'fresh_card'
        if arch in ('rented_old', 'sold_old', 'student_card'):
            hp, aid = self.take_lawful('student' if arch == 'student_card' else None)
            if aid is None:
                arch = 'fresh_card'
            else:
                A = self.acc[aid]
                A.role = 'mule'
                A.arch = arch + '_' + layer
                if arch == 'sold_old':
                    A.black0, A.black1 = use0 - int(self.u(1, 20) * DAY), self.W1 + DAY
                    tp = A.black0 + self.ri(1, 20) * HOUR
                    other = self.other_lawful(hp, aid, tp)
                    if op and other and self.p(0.5):
                        self.tx(tp, op, other, self.F(self.u(800, 3000), 100), 'mobile', g['base'], fk='card_purchase')
                else:
                    A.black0, A.black1 = use0 - self.ri(2, 24) * HOUR, use0 + dur + self.ri(1, 3) * DAY
                    hp['rent_fee'] = (aid, dur)
        if arch == 'shell_corp':
            reg = self.pick(('430102', '430111', '440306', '440307', '431202', '433101', '450107'))
            hid = self.new_corp_id(reg, 'shell_company')
            bank = self.supplying_bank(0.4, PREF_OF.get(reg, 'XX'))
            aid = self.open_acct(hid, bank, use0 - self.ri(20, 200) * DAY, reg, 'corp', 'mule', 'shell_corp_' + layer, corp=True)
        if arch == 'fresh_card':
            hp = self.recruit()
            live = hp['live'] if hp['live'] in PREF_OF or self.p(0.5) else hp['home']
            bank = self.supplying_bank(0.18, PREF_OF.get(live, 'XX'))
            opened = use0 - int(self.u(0.3, 12) * DAY)
            opened = opened - (opened - self.W0) % DAY + self.ri(9, 16) * HOUR + self.ri(0, 3599)
            if opened > use0:
                opened -= DAY
            aid = self.open_acct(hp['hid'], bank, opened, live, 'I', 'mule', 'fresh_card_' + layer)
            self.acc[aid].person = hp
            tp = opened + self.ri(2, 48) * HOUR
            other = self.other_lawful(hp, aid, tp)
            if op and other and self.p(0.5):
                self.tx(tp, op, other, self.F(self.u(500, 1500), 100), 'mobile', g['base'], fk='card_purchase')
            if self.p(0.35):
                self.tx(opened + self.ri(3, 20) * MIN, '', aid, self.F(self.pick((10, 10, 20, 50, 100)), 1), 'counter', live,
                        'deposit', '', fk='card_open')
        A = self.acc[aid]
        A.gang = g['id']
        A.layer = layer
        A.use0 = use0
        A.use1 = use0 + dur
        g[layer].append(aid)
        if A.role in ('farmer_card',) or A.arch.startswith('fresh_card'):
            if op and self.p(0.5) and A.opened < use0 - HOUR:
                t = max(A.opened + HOUR, use0 - self.ri(1, 40) * HOUR)
                amt = self.pick((1, 1, 10, 100))
                self.tx(t, op, aid, amt, 'mobile', g['base'], memo=self.pick(('', '', '', '测试')), fk='card_test')
                self.tx(t + self.ri(1, 20) * MIN, aid, op, amt, 'mobile', g['base'], fk='card_test')
        return aid

    def fill_layer(self, g, layer, n_target, mix):
        P = self.P
        begin = self.W0 - 15 * DAY
        span = (self.W1 - begin) / DAY
        tot = float(sum(w for _a, w in mix))
        md = sum(w * (P['use_days'][a][0] + P['use_days'][a][1]) / 2.0 for a, w in mix) / tot
        k = max(1, int(round(n_target * md / span)))
        tab = prep(list(mix))
        for _slot in range(k):
            t = begin + int(self.u(0, md) * DAY) - int(md * DAY)
            t = max(t, begin - 10 * DAY)
            while t < self.W1 - 6 * HOUR:
                aid = self.mule(g, layer, self.wp(tab), int(t))
                A = self.acc[aid]
                t = A.use1 - int(self.u(0, 0.25) * (A.use1 - A.use0))

    def active(self, g, layer, t):
        lst = g.get(layer) or []
        act = [a for a in lst if self.acc[a].use0 <= t < self.acc[a].use1]
        if act:
            return self.pick(act)
        ok = [a for a in lst if self.acc[a].opened < t - 10 * MIN]
        if not ok:
            return None
        return max(ok, key=lambda a: (self.acc[a].use1, a))

    def make_paofen(self):
        """paofen platforms: ordinary people's own accounts rented out as payment channels."""
        P = self.P
        self.platforms = []
        for k in range(P['paofen_platforms']):
            base = self.pick(('532801', '450681', '441900', '533102'))
            pl = {'id': 100 + k, 'kind': 'platform', 'base': base, 'L1': [], 'L2': [], 'L3': [], 'CASH': [], 'OP': [],
                  'PC': [], 'WALLET': [], 'cash_regs': [self.wp(T_CASH)], 'bought': {}, 'platform': None}
            pl['OP'].append(self.operator_account(pl, base))
            pl['ushang'] = [self.pick(self.ushang_accts) for _ in range(2)]
            self.fill_layer(pl, 'PC', 5, (('fresh_card', 40), ('farmer_card', 30), ('rented_old', 20), ('shell_corp', 10)))
            for _ in range(P['paofen_per']):
                t0 = self.W0 - 10 * DAY + self.ri(0, self.ndays + 4) * DAY + self.ri(0, DAY - 1)
                dur = int(self.u(7, 40) * DAY)
                if self.p(0.15):
                    hp = self.recruit()
                    opened = t0 - self.ri(1, 5) * DAY
                    aid = self.open_acct(hp['hid'], self.supplying_bank(0.15, PREF_OF.get(hp['home'], 'XX')), opened,
                                         hp['live'] if hp['live'] in PREF_OF else hp['home'], 'II', 'paofen', 'paofen_ecard')
                    self.acc[aid].person = hp
                else:
                    hp, aid = self.take_lawful('student' if self.p(0.5) else None)
                    if aid is None:
                        continue
                    A = self.acc[aid]
                    A.role = 'paofen'
                    A.arch = 'paofen_' + hp['arch']
                A = self.acc[aid]
                A.gang = pl['id']
                A.layer = 'PF'
                A.use0, A.use1 = t0, t0 + dur
                pl['L1'].append(aid)
            self.platforms.append(pl)
        for i, g in enumerate(self.gangs):
            if self.platforms:
                g['platform'] = self.platforms[i % len(self.platforms)]
                g['platform'].setdefault('serves', []).append(g)
        self.gang_by_id = {g['id']: g for g in self.gangs + self.platforms}
        # gambling deposits into the runners: evenings and nights
        for pl in self.platforms:
            for aid in pl['L1']:
                A = self.acc[aid]
                d1 = min(self.ndays, self.day_of(A.use1) + 1)
                for d in range(self.day_of(A.use0), d1):
                    for _ in range(self.poisson(2.5)):
                        t = self.at(d, 'late')
                        if not (A.use0 <= t < A.use1):
                            continue
                        q = self.outsider('gambler', reuse=0.6)
                        fen = self.F(self.logn(600, 0.8, 50, 5000), 100 if self.p(0.6) else 1)
                        self.tx(t, q['main'], aid, fen, 'mobile', q['live'], fk='paofen_in')
                        self.push(t, 'in', aid, fen)

    # ---------------- victims ----------------
    def make_cases(self):
        P = self.P
        types = list(TYPOLOGY.keys())
        ttab = prep([(t, self.tw[t]) for t in types])
        VICTIM_ARCH = {
            'brushing': ('student', 'family', 'migrant'), 'investment': ('family', 'bizowner', 'migrant'),
            'romance': ('family', 'migrant'), 'ecommerce_cs': ('family', 'student', 'migrant'),
            'police_gov': ('elderly', 'family', 'farmer'), 'loan_card': ('migrant', 'farmer', 'family'),
            'credit_record': ('student', 'family'), 'shopping_service': ('student', 'family'), 'game_trade': ('student',),
            'leader_acquaintance': ('family', 'bizowner'), 'accident_kidnap': ('elderly', 'farmer'),
            'prize': ('elderly', 'farmer'), 'parcel': ('family', 'student'), 'subsidy_refund': ('elderly', 'family'),
            'phone_bill': ('elderly',), 'fake_job': ('student', 'migrant'), 'military_purchase': ('smallshop', 'bizowner')}
        for ci in range(P['victims']):
            typ = self.wp(ttab)
            w, (nlo, nhi), med, growth, span, prof, prep_report, rdelay = TYPOLOGY[typ]
            g = self.pick(self.type_gangs[typ])
            long_case = typ in ('investment', 'romance')
            pre = 25 if long_case else 2
            table = self.t_days_shop if typ in ('ecommerce_cs', 'shopping_service') else self.t_days_gen
            d = self.wp(table)
            if self.p(pre / float(self.ndays + pre)):
                d = -self.ri(1, pre)
            t = self.at(d, prof)
            # the victim
            local = self.p(P['local_victim'])
            vp, vacct, vreg, vch = None, None, None, 'mobile'
            if local:
                for _ in range(20):
                    q = self.local_pick(self.pick(VICTIM_ARCH[typ]))
                    if q and not q.get('fraud_used'):
                        acct = q.get('campus') if q['arch'] == 'student' and q['campus_t'] == 0 else q['main']
                        if self.acc[acct].opened < t and self.acc[acct].role == 'lawful':
                            vp, vacct, vreg = q, acct, q['live']
                            q['victim'] = True
                            break
            if vp is None:
                if typ == 'leader_acquaintance' and self.p(0.5):
                    reg = self.wp(T_NATION)
                    vacct = self.org('victimco/%d' % ci, self.wp(T_NBANK), reg, 'company', (2, 20))
                    vreg, vch = reg, 'online'
                elif typ in ('brushing', 'shopping_service', 'game_trade', 'fake_job') and self.p(0.12):
                    vacct, vreg = self.reserve(self.pick(('TENPAY_RES', 'ALIPAY_RES'))), self.wp(T_NATION)
                else:
                    q = self.outsider('victim', reuse=0.0)
                    vacct, vreg = q['main'], q['live']
            if typ in ('police_gov', 'parcel', 'phone_bill') and self.p(0.45):
                vch = 'counter'
            elif vch == 'mobile' and self.p(0.15):
                vch = 'online'
            n = self.ri(nlo, nhi)
            case = {'typ': typ, 'gang': g['id'], 'victim': vacct, 'pays': [], 'reported': False}
            amt = self.logn(med, 0.6, 50, 3000000)
            last = t
            for k in range(n):
                if k:
                    t = t + int(self.logn(span, 0.8, 2 * MIN, 40 * DAY))
                    amt = min(3000000, amt * growth * self.u(0.7, 1.3))
                if t >= self.W1:
                    break
                if vch == 'counter' and not (8 <= ((t - self.W0) % DAY) // HOUR < 17):
                    t = t - (t - self.W0) % DAY + DAY + self.ri(9, 15) * HOUR + self.ri(0, 3599)
                fen = self.money(amt)
                if vacct in (self.orgs.get('res/tenpay'), self.orgs.get('res/alipay')):
                    fen = min(fen, 500000)
                dest = None
                pl = g.get('platform')
                if typ in PAOFEN_TYPES and fen <= 500000 and pl and self.p(0.35):
                    dest = self.active(pl, 'L1', t)
                if dest is None:
                    dest = self.active(g, 'L1', t)
                if dest is None or self.acc[dest].opened >= t:
                    continue
                i = self.tx(t, vacct, dest, fen, vch, vreg, memo=self.pick(('', '', '', '', '货款', '投资款', '还款', '转账')),
                            fk='victim_payment')
                self.vpay[i] = ci
                case['pays'].append(i)
                self.push(t, 'in', dest, fen)
                last = t
                # brushing and investment scams pay back a little at first
                if typ == 'brushing' and k < 2 and vacct not in (self.orgs.get('res/tenpay'), self.orgs.get('res/alipay')):
                    if k == 0 or self.p(0.5):
                        op = self.pick(g['OP'])
                        self.tx(t + self.ri(5, 40) * MIN, op, vacct, self.F(fen / 100 * self.u(1.05, 1.3), 1), 'mobile',
                                g['base'], memo=self.pick(('佣金', '返利', '')), fk='rebate')
                if typ == 'investment' and k == 1 and self.p(0.3):
                    op = self.pick(g['OP'])
                    self.tx(t + self.ri(1, 3) * DAY, op, vacct, self.F(fen / 100 * self.u(0.03, 0.12), 1), 'mobile',
                            g['base'], memo=self.pick(('收益', '提现', '')), fk='rebate')
            if case['pays'] and self.p(prep_report):
                rt = last + int(self.logn(rdelay * DAY, 0.9, 2 * HOUR, 120 * DAY))
                case['reported'] = rt < self.W1 + 10 * DAY
                case['report_t'] = rt
            self.cases.append(case)

    # ---------------- moving the money ----------------
    def push(self, t, what, acct, fen=0):
        self.hseq += 1
        heapq.heappush(self.heap, (int(t), self.hseq, what, acct, fen))

    def delay(self, A):
        P = self.P
        L = A.layer
        if L == 'PF':
            return int(self.logn(4 * MIN, 0.7, 20, 2 * HOUR))
        if L == 'USHANG':
            return int(self.logn(40 * MIN, 0.8, 3 * MIN, 12 * HOUR))
        if L == 'OP':
            return int(self.logn(14 * HOUR, 0.5, 2 * HOUR, 3 * DAY))
        med, sg = {'L1': P['delay_l1'], 'L2': P['delay_l2'], 'PC': P['delay_l2'], 'L3': P['delay_l3'],
                   'CASH': P['delay_cash']}.get(L, P['delay_l2'])
        return int(self.logn(med, sg, 30, 10 * DAY))

    def run_heap(self):
        while self.heap:
            t, _s, what, acct, fen = heapq.heappop(self.heap)
            A = self.acc[acct]
            if what == 'in':
                self.fb[acct] = self.fb.get(acct, 0) + fen
                if A.layer == 'PF':
                    d = self.day_of(t)
                    self.daily_pf[(acct, d)] = self.daily_pf.get((acct, d), 0) + fen
                if A.layer in ('WALLET',) or acct in self.ushang_up_set:
                    continue
                if not self.pending.get(acct):
                    self.pending[acct] = True
                    self.push(t + self.delay(A), 'sweep', acct)
            else:
                self.pending[acct] = False
                if t >= self.W1 + 2 * DAY:
                    continue
                self.sweep(t, A)

    def gang_of(self, A):
        return self.gang_by_id.get(A.gang) if isinstance(A.gang, int) else None

    def sweep(self, t, A):
        P = self.P
        acct = A.id
        amt = self.fb.get(acct, 0)
        L = A.layer
        if L == 'CASH':
            return self.cash_sweep(t, A)
        if L == 'USHANG':
            return self.ushang_sweep(t, A)
        if L == 'OP':
            if amt >= 3000000:
                g = self.gang_of(A)
                dst = self.pick(self.ushang_up)
                move = self.F(amt / 100 * self.u(0.6, 0.95), 100)
                self.fb[acct] -= move
                self.tx(t, acct, dst, move, 'online', g['base'], fk='exit')
            return
        if amt < 10000:
            return
        g = self.gang_of(A)
        move = amt
        if L != 'PF' and P['partial'] and amt > 500000 and self.p(P['partial']):
            move = self.F(amt / 100 * self.u(0.35, 0.8), 100)
            self.pending[acct] = True
            self.push(t + self.delay(A), 'sweep', acct)
        if L == 'PF':
            move = amt - self.F(amt / 100 * self.u(0.0, 0.02), 0.01) if amt > 20000 else amt
            dests = [('PC', move)]
        else:
            n = 1 if move < 500000 else self.wp(prep([(1, 50), (2, 35), (3, 15)]))
            parts = []
            left = move
            for k in range(n - 1):
                x = self.F(left / 100 * self.u(0.3, 0.6), 100)
                if x >= left:
                    break
                parts.append(x)
                left -= x
            parts.append(left)
            route = {'L1': (('L2', 80), ('CASH', 8), ('USHANG', 6), ('L2S', 6)),
                     'L2': (('L3', 35), ('CASH', 30), ('USHANG', 25), ('WALLET', 10)),
                     'L3': (('CASH', 45), ('USHANG', 30), ('OP', 25)),
                     'PC': (('USHANG', 45), ('OP', 25), ('GL2', 30))}[L]
            if A.arch.startswith('shell_corp'):
                route = (('L3', 40), ('USHANG', 40), ('OP', 20))
            rtab = prep(route)
            dests = [(self.wp(rtab), x) for x in parts]
        tt = t
        for dl, x in dests:
            dest, fk = self.dest(g, dl, tt)
            if dest is None or dest == acct or x <= 0:
                continue
            reg = g['base'] if self.p(0.7) else A.region
            ch = 'mobile' if self.p(0.7) else 'online'
            self.fb[acct] -= x
            self.tx(tt, acct, dest, x, ch, reg, memo=self.pick(('', '', '', '货款', '往来款', '还款')), fk=fk)
            self.push(tt, 'in', dest, x)
            tt += self.ri(15, 300)

    def dest(self, g, dl, t):
        if dl == 'USHANG':
            return self.pick(g['ushang']), 'u_trade'
        if dl == 'OP':
            return self.pick(g['OP']), 'consolidation'
        if dl == 'WALLET':
            return (self.pick(g['WALLET']) if g['WALLET'] else None), 'layering'
        if dl == 'PC':
            return self.active(g, 'PC', t), 'paofen_forward'
        if dl == 'GL2':
            served = g.get('serves') or []
            if served:
                sg = self.pick(served)
                d = self.active(sg, 'L2', t)
                if d is not None:
                    return d, 'layering'
            return self.pick(g['ushang']), 'u_trade'
        if dl == 'L2S':
            shells = [a for a in g['L2'] if self.acc[a].arch.startswith('shell_corp') and
                      self.acc[a].use0 <= t < self.acc[a].use1]
            if shells:
                return self.pick(shells), 'layering'
            dl = 'L2'
        d = self.active(g, dl, t)
        if d is None:
            return self.pick(g['ushang']), 'u_trade'
        return d, 'layering'

    def cash_sweep(self, t, A):
        P = self.P
        acct = A.id
        g = self.gang_of(A)
        left = self.fb.get(acct, 0)
        if left < 10000:
            return
        if self.p(P['cash_far']):
            reg = self.pick(g['cash_regs'])
            chunk = self.pick((2000, 2500, 3000, 5000)) * 100
            daily = self.pick((2000000, 2000000, 5000000))
            day_t, sessions = t, 0
            while left >= 10000 and sessions < 12 and day_t < self.W1 + DAY:
                cap, tt = daily, day_t
                while left >= 10000 and cap >= 10000:
                    w = min(chunk, left, cap) // 10000 * 10000
                    if w < 10000:
                        break
                    self.tx(tt, acct, '', w, 'atm', reg, 'withdrawal', fk='cash_out')
                    left -= w
                    cap -= w
                    tt += self.ri(40, 240)
                sessions += 1
                day_t = self.at(self.day_of(tt) + 1, 'atmnight')
                if self.p(0.3):
                    reg = self.pick(g['cash_regs'])
        else:  # the holder, or a cash carrier with the card, near where it was opened
            reg = A.region if A.region in PREF_OF or self.p(0.5) else self.wp(T_LOCAL)
            tt, n = t, 0
            while left >= 10000 and n < 10:
                hr = ((tt - self.W0) % DAY) // HOUR
                if not (9 <= hr < 16):
                    tt = tt - (tt - self.W0) % DAY + (DAY if hr >= 16 else 0) + self.ri(9, 15) * HOUR + self.ri(0, 3599)
                if self.p(0.35):
                    w = min(left, 2000000) // 10000 * 10000
                    ch = 'atm'
                else:
                    w = min(left, self.F(self.u(15000, 49000), 100)) // 100 * 100
                    ch = 'counter'
                if w < 10000:
                    break
                self.tx(tt, acct, '', w, ch, reg, 'withdrawal', fk='cash_out')
                left -= w
                n += 1
                tt += self.ri(1, 3) * DAY if ch == 'counter' else self.ri(1, 2) * DAY
        self.fb[acct] = left

    def ushang_sweep(self, t, A):
        acct = A.id
        amt = self.fb.get(acct, 0)
        if amt < 10000:
            return
        p, ups = self.ush_up[acct]
        others = [x for x in p['own'] if x != acct]
        self.fb[acct] -= amt
        if others and self.p(0.3):
            o = self.pick(others)
            self.tx(t, acct, o, amt, 'mobile', A.region, fk='ushang_out')
            self.push(t, 'in', o, amt)
        else:
            self.tx(t, acct, self.pick(ups), amt, 'mobile', A.region, fk='ushang_out')

    def after_heap(self):
        plat = {pl['id']: pl for pl in self.platforms}
        for (acct, d), fen in self.daily_pf.items():
            A = self.acc[acct]
            pl = plat.get(A.gang)
            if pl is None or d + 1 >= self.ndays or d < -1:
                continue
            tc = self.at(d + 1, 'office')
            other = self.other_lawful(A.person, acct, tc)
            to = other if (other and self.p(0.4)) else acct
            self.tx(tc, pl['OP'][0], to, self.F(fen / 100 * self.u(0.015, 0.03), 0.01), 'mobile',
                    pl['base'], memo=self.pick(('佣金', '', '')), fk='paofen_commission')
        for aid in list(self.acc.keys()):
            A = self.acc[aid]
            if not (A.arch.startswith('rented_old') or A.arch.startswith('student_card')):
                continue
            g = self.gang_of(A)
            hp = A.person
            if g is None or hp is None:
                continue
            days = max(1, (A.use1 - A.use0) // DAY)
            fee = self.F(days * self.u(150, 500), 10)
            t = (A.black1 if A.black1 else A.use1) + self.ri(1, 30) * HOUR
            other = self.other_lawful(hp, aid, t)
            self.tx(t, self.pick(g['OP']), other or aid, fee, 'mobile', g['base'],
                    memo=self.pick(('', '工资', '租金')), fk='rent_fee')

    def ushang_grey(self):
        """the U-merchants' ordinary trade with crypto buyers and sellers (not fraud money)."""
        for aid in self.ushang_accts:
            A = self.acc[aid]
            p, ups = self.ush_up[aid]
            for d in range(self.ndays):
                for _ in range(self.poisson(1.3)):
                    t = self.at(d, 'late')
                    q = self.outsider('crypto_buyer', reuse=0.5)
                    fen = self.F(self.logn(12000, 0.9, 1000, 200000), 100 if self.p(0.5) else 1)
                    self.tx(t, q['main'], aid, fen, 'mobile', q['live'], memo=self.pick(('', '', '货款')))
                    self.tx(t + self.ri(5, 90) * MIN, aid, self.pick(ups), self.F(fen / 100 * self.u(0.97, 1.0), 1), 'mobile',
                            A.region)
                for _ in range(self.poisson(0.6)):
                    t = self.at(d, 'late')
                    fen = self.F(self.logn(10000, 0.8, 1000, 150000), 100)
                    self.tx(t, self.pick(ups), aid, fen, 'online', A.region)
                    q = self.outsider('crypto_seller', reuse=0.5)
                    self.tx(t + self.ri(3, 60) * MIN, aid, q['main'], self.F(fen / 100 * self.u(0.98, 1.0), 1), 'mobile',
                            A.region)

    def outsider_background(self):
        """a thin slice of ordinary life for customers elsewhere in China whose bank supplies data."""
        bg = self.P['outsiders_row_bg']
        for p in self.by_arch.get('outsider', []):
            a = p['main']
            if not self.acc[a].row:
                continue
            n = self.poisson(bg)
            for _ in range(n):
                if self.p(0.4):
                    emp = self.org('employer/%s/%d' % (p['live'], self.ri(0, 2)), self.wp(T_NBANK), p['live'], 'company', (3, 20))
                    self.tx(self.when(self.t_days_work, 'batch'), emp, a, self.F(self.logn(7000, 0.4, 2500, 30000), 0.01), 'other',
                            p['live'], memo='工资')
                else:
                    self.spend(a, 1.0 / self.ndays, 150, 1.1, p['live'])

    # ==================================================================================
    # The extract: censoring, balances, ids
    # ==================================================================================
    BASE_BAL = {'elderly': 9000, 'migrant': 6000, 'family': 20000, 'student': 1500, 'farmer': 6000, 'homestay': 30000,
                'guide': 8000, 'souvenir': 30000, 'smallshop': 15000, 'eseller': 10000, 'landlord': 50000,
                'bizowner': 150000, 'contractor': 80000, 'purchaser': 60000, 'outsider': 20000, 'recruit': 300,
                'ushang': 150000, 'operator': 20000, 'card_farmer': 800}

    def base_balance(self, A):
        if A.cls == 'corp':
            return self.F(self.logn(800000, 1.2, 1000, 5e7), 0.01)
        if A.role == 'mule' and A.arch.startswith('fresh_card'):
            return self.F(self.u(0, 50), 0.01)
        if A.role == 'farmer_card':
            return self.F(self.u(0, 20), 0.01)
        kind = self.holders[A.holder]['kind']
        med = self.BASE_BAL.get(kind, 5000)
        return self.F(self.logn(med, 1.0, 0, med * 40), 0.01)

    def finalize(self):
        black = {}
        for aid, A in self.acc.items():
            if A.black0 is not None:
                mode = 'out' if (self.variant == 'V2' and not A.arch.startswith('sold_old')) else 'all'
                black[aid] = (A.black0, A.black1, mode)
        st = {'blackout': 0, 'before_open': 0, 'fraud_before_open': 0, 'invisible': 0, 'deposits_added': 0}
        keep = []
        acc = self.acc
        for i, r in enumerate(self.T):
            t, f, to, fen, ch, reg, kind, memo, fk, tag = r
            if not fk and (f in black or to in black):
                bad = False
                if f in black:
                    b0, b1, _m = black[f]
                    bad = b0 <= t < b1
                if to in black and not bad:
                    b0, b1, m = black[to]
                    bad = b0 <= t < b1 and m == 'all'
                if bad:
                    st['blackout'] += 1
                    continue
            if (f and t < acc[f].opened) or (to and t < acc[to].opened):
                st['fraud_before_open' if fk else 'before_open'] += 1
                continue
            if t < self.W0 or not self.visible(t, f, to):
                st['invisible'] += 1
                continue
            if not reg:
                r[5] = acc[f or to].region
            keep.append((t, 1, i))
        keep.sort()
        bal, low, first = {}, {}, {}
        for t, _p, i in keep:
            r = self.T[i]
            f, to, fen = r[1], r[2], r[3]
            if f:
                b = bal.get(f, 0) - fen
                bal[f] = b
                if b < low.get(f, 0):
                    low[f] = b
                if f not in first:
                    first[f] = t
            if to:
                bal[to] = bal.get(to, 0) + fen
                if to not in first:
                    first[to] = t
        for aid, A in acc.items():
            if not A.row:
                continue
            need = -low.get(aid, 0)
            if A.opened >= self.bstart[A.bank]:
                A.opening = 0
                if need > 0:
                    amt = (need + 9999) // 10000 * 10000
                    ft = first.get(aid, A.opened + 600)
                    td = A.opened + min(self.ri(60, 900), max(0, (ft - A.opened) // 2))
                    self.T.append([td, '', aid, amt, 'counter', A.region, 'deposit', '存款',
                                   'card_open' if A.role != 'lawful' else '', ''])
                    keep.append((td, 0, len(self.T) - 1))
                    st['deposits_added'] += 1
            else:
                A.opening = self.base_balance(A) + need
        keep.sort()
        self.order = [i for _t, _p, i in keep]
        self.stats = st
        # transaction ids: the reporting institution, the local date, a serial
        cnt = {}
        self.txid = {}
        for i in self.order:
            r = self.T[i]
            t, f, to = r[0], r[1], r[2]
            b = None
            if f and acc[f].bank in self.bstart and t >= self.bstart[acc[f].bank]:
                b = acc[f].bank
            else:
                b = acc[to].bank
            day = iso(t)[:10].replace('-', '')
            k = (b, day)
            cnt[k] = cnt.get(k, 0) + 1
            self.txid[i] = '%s%s%08d' % (b, day, cnt[k] * 7 + self.rng.randrange(7))

    # ==================================================================================
    # Labels: what an anti-fraud centre knows
    # ==================================================================================
    def make_labels(self):
        acc = self.acc
        vis = self.txid
        lab_tx = []
        for case in self.cases:
            if case.get('reported'):
                for i in case['pays']:
                    if i in vis and self.p(0.95):
                        lab_tx.append(i)
        lab_set = dict.fromkeys(lab_tx, True)
        depth = {}
        flow = ('layering', 'u_trade', 'consolidation', 'paofen_forward', 'ushang_out')
        for i in self.order:
            r = self.T[i]
            f, to, fk = r[1], r[2], r[8]
            if i in lab_set:
                depth[to] = 0
            elif fk in flow and f in depth and to:
                d = depth[f] + 1
                if d < depth.get(to, 99):
                    depth[to] = d
        pdep = {0: 0.88, 1: 0.5, 2: 0.33}
        mules = []
        for aid, A in acc.items():
            if not A.row or A.role == 'lawful':
                continue
            if aid in depth:
                pr = pdep.get(depth[aid], 0.2)
                if A.role == 'ushang':
                    pr *= 0.7
                elif A.role == 'operator':
                    pr *= 0.6
            else:
                pr = 0.0 if A.arch == 'farmer_card_idle' else 0.03
            if self.p(pr):
                mules.append(aid)
        # card farmers the centre knows about
        mule_set = dict.fromkeys(mules, True)
        farmers = []
        for fp in self.farmers:
            cards = fp['cards']
            hit = any(c in mule_set for c in cards)
            used = any(not acc[c].arch.endswith('idle') for c in cards)
            if self.p(0.75 if hit else (0.35 if used else 0.2)):
                farmers.append(fp['hid'])
        # a few wrong labels, as real case files have
        homestays = sorted(self.by_arch.get('homestay', []),
                           key=lambda p: (-sum(1 for i in p.get('guests', []) if i in vis), p['hid']))
        wrong_acc = []
        for p in homestays[:2]:
            if acc[p['main']].row:
                wrong_acc.append(p['main'])
        for arch in ('eseller', 'purchaser', 'migrant', 'student', 'guide'):
            for _ in range(10):
                q = self.pick(self.by_arch[arch])
                a = q['main']
                if acc[a].row and acc[a].role == 'lawful' and a not in wrong_acc:
                    wrong_acc.append(a)
                    break
        guest_tx = [i for i in self.order if self.T[i][9] == 'guest' and acc[self.T[i][2]].row]
        wrong_tx = []
        for _ in range(min(len(guest_tx), self.ri(7, 12))):
            i = self.pick(guest_tx)
            if i not in wrong_tx:
                wrong_tx.append(i)
        cand = [p for p in self.by_arch.get('bizowner', []) if sum(1 for a in p['accts'] if acc[a].row) >= 4]
        wrong_h = [self.pick(cand)['hid']] if cand else []
        self.wrong = {'account': wrong_acc, 'transfer': wrong_tx, 'holder': wrong_h}
        self.lab_mule = mules + [a for a in wrong_acc if a not in mule_set]
        self.lab_tx = lab_tx + [i for i in wrong_tx if i not in lab_set]
        self.lab_farmer = farmers + [h for h in wrong_h if h not in farmers]

    # ==================================================================================
    # Files
    # ==================================================================================
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        acc = self.acc
        rows = sorted((A for A in acc.values() if A.row), key=lambda A: (A.bank, A.id))
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class', 'opening_balance',
                        'status'])
            for A in rows:
                w.writerow([A.id, A.bank, A.holder, iso(A.opened), A.region, A.cls, yuan(A.opening), 'active'])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                        'memo'])
            for i in self.order:
                t, f, to, fen, ch, reg, kind, memo, fk, tag = self.T[i]
                w.writerow([self.txid[i], iso(t), f, to, yuan(fen), 'CNY', ch, reg, kind, memo])
        labels = ([('account', a, 'mule') for a in self.lab_mule] +
                  [('transfer', self.txid[i], 'fraud') for i in self.lab_tx] +
                  [('holder', h, 'card_farmer') for h in self.lab_farmer])
        labels.sort()
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for row in labels:
                w.writerow(row)
        if not truth:
            return
        lab_m = dict.fromkeys(self.lab_mule, True)
        lab_f = dict.fromkeys(self.lab_farmer, True)
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                        'labelled', 'farmer_labelled', 'extract_start'])
            for A in sorted(acc.values(), key=lambda A: (0 if A.row else 1, A.bank, A.id)):
                w.writerow(['account', A.id, A.bank, A.holder, 1 if A.row else 0, A.role, A.arch or 'lawful',
                            A.farmer, iso(A.opened), 1 if A.id in lab_m else 0, 1 if A.holder in lab_f else 0,
                            iso(self.bstart[A.bank]) if A.bank in self.bstart else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for i in self.order:
                if self.T[i][8]:
                    w.writerow([self.txid[i], self.T[i][8]])

    def build(self):
        self.build_population()
        self.build_fraud()
        self.flows_lawful()
        self.ev_pools()
        self.ev_firstpay()
        self.ev_new_open()
        self.outsider_background()
        self.finalize()
        self.make_labels()


# ======================================================================================
# Self-check: read the files back and test them
# ======================================================================================
RFC = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$')
AMT = re.compile(r'^[0-9]+\.[0-9]{2}$')
REG = re.compile(r'^[0-9]{6}$')
TXID = re.compile(r'^[A-Z]{3,5}[0-9]{16}$')
ACCID = re.compile(r'^[0-9]{12,21}$')


def parse_ts(s):
    return int(_dt.datetime.strptime(s, '%Y-%m-%dT%H:%M:%S+08:00').replace(tzinfo=TZ).timestamp())


def fen_of(s):
    a, b = s.split('.')
    return int(a) * 100 + int(b)


def self_check(world, out, truth):
    errs = []

    def err(msg):
        if len(errs) < 40:
            errs.append(msg)
        else:
            errs.append('...')

    def read(name):
        with open(os.path.join(out, name), newline='', encoding='utf-8') as fh:
            return list(csv.reader(fh))

    W0, W1 = world.W0, world.W1
    acc_rows = read('accounts.csv')
    if acc_rows[0] != ['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                       'opening_balance', 'status']:
        err('accounts.csv header')
    accs = {}
    holders = {}
    for n, r in enumerate(acc_rows[1:], 2):
        if len(r) != 8:
            err('accounts.csv:%d fields' % n)
            continue
        aid, bank, hid, op, reg, cls, ob, stt = r
        if aid in accs:
            err('accounts.csv:%d duplicate %s' % (n, aid))
        if bank not in world.bstart:
            err('accounts.csv:%d bank %s does not supply data' % (n, bank))
        if not ACCID.match(aid):
            err('accounts.csv:%d account id %s' % (n, aid))
        elif cls != 'corp' and bank not in ('ALIPAY', 'TENPAY') and not luhn_ok(aid):
            err('accounts.csv:%d card number %s fails Luhn' % (n, aid))
        if not holder_ok(hid):
            err('accounts.csv:%d holder id %s' % (n, hid))
        if not RFC.match(op) or not REG.match(reg) or cls not in ('I', 'II', 'III', 'corp') or not AMT.match(ob):
            err('accounts.csv:%d field format' % n)
            continue
        accs[aid] = (bank, parse_ts(op), fen_of(ob))
        holders[hid] = True
    tr_rows = read('transfers.csv')
    if tr_rows[0] != ['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                      'memo']:
        err('transfers.csv header')
    txids = {}
    prev = 0
    bal = {a: v[2] for a, v in accs.items()}
    neg = 0
    for n, r in enumerate(tr_rows[1:], 2):
        if len(r) != 10:
            err('transfers.csv:%d fields' % n)
            continue
        tid, ts, f, to, amt, cur, ch, reg, kind, memo = r
        if tid in txids:
            err('transfers.csv:%d duplicate id %s' % (n, tid))
        txids[tid] = (f, to, kind)
        if not TXID.match(tid):
            err('transfers.csv:%d id %s' % (n, tid))
        if not RFC.match(ts):
            err('transfers.csv:%d ts %s' % (n, ts))
            continue
        t = parse_ts(ts)
        if t < prev:
            err('transfers.csv:%d out of time order' % n)
        prev = t
        if not (W0 <= t < W1):
            err('transfers.csv:%d time outside window' % n)
        if not AMT.match(amt) or fen_of(amt) <= 0:
            err('transfers.csv:%d amount %s' % (n, amt))
            continue
        fen = fen_of(amt)
        if cur != 'CNY' or ch not in CHANNELS or not REG.match(reg) or kind not in KINDS or len(memo) > 512:
            err('transfers.csv:%d enum/format' % n)
        if kind == 'transfer' and not (f and to):
            err('transfers.csv:%d transfer needs both parties' % n)
        if kind == 'withdrawal' and not (f and not to):
            err('transfers.csv:%d withdrawal needs only from_account' % n)
        if kind == 'deposit' and not (to and not f):
            err('transfers.csv:%d deposit needs only to_account' % n)
        seen = False
        for a in (f, to):
            if not a:
                continue
            if a not in world.acc:
                err('transfers.csv:%d unknown account %s' % (n, a))
                continue
            A = world.acc[a]
            if t < A.opened:
                err('transfers.csv:%d before %s was opened' % (n, a))
            if a in accs and t >= world.bstart[accs[a][0]]:
                seen = True
        if not seen:
            err('transfers.csv:%d in no supplying extract' % n)
        if f in bal:
            bal[f] -= fen
            if bal[f] < 0:
                neg += 1
                if neg <= 3:
                    err('transfers.csv:%d balance of %s below zero' % (n, f))
        if to in bal:
            bal[to] += fen
    for aid, (bank, op, ob) in accs.items():
        if op >= world.bstart[bank] and ob != 0:
            err('account %s opened inside its extract with opening balance' % aid)
    lab = read('labels.csv')
    if lab[0] != ['kind', 'id', 'label']:
        err('labels.csv header')
    seen_l = {}
    n_lab = {'account': 0, 'transfer': 0, 'holder': 0}
    for n, r in enumerate(lab[1:], 2):
        if len(r) != 3:
            err('labels.csv:%d fields' % n)
            continue
        k, i, l = r
        if (k, i) in seen_l:
            err('labels.csv:%d duplicate' % n)
        seen_l[(k, i)] = l
        if k == 'account' and (i not in accs or l != 'mule'):
            err('labels.csv:%d account label %s' % (n, i))
        elif k == 'transfer' and (i not in txids or l != 'fraud'):
            err('labels.csv:%d transfer label %s' % (n, i))
        elif k == 'holder' and (i not in holders or l != 'card_farmer'):
            err('labels.csv:%d holder label %s' % (n, i))
        elif k not in n_lab:
            err('labels.csv:%d kind %s' % (n, k))
        else:
            n_lab[k] += 1
    if truth:
        tr = read('truth.csv')
        if tr[0] != ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer', 'opened_at',
                     'labelled', 'farmer_labelled', 'extract_start']:
            err('truth.csv header')
        tids = {}
        for n, r in enumerate(tr[1:], 2):
            if len(r) != 12:
                err('truth.csv:%d fields' % n)
                continue
            rec, aid, bank, hid, has, role, arch, cf, op, lbl, flb, es = r
            if rec != 'account' or aid in tids:
                err('truth.csv:%d record/duplicate' % n)
            tids[aid] = True
            if (has == '1') != (aid in accs):
                err('truth.csv:%d has_row disagrees with accounts.csv' % n)
            if has == '0' and bank in world.bstart:
                err('truth.csv:%d no row at a supplying institution' % n)
            if role not in ROLES or cf not in ('0', '1') or not RFC.match(op):
                err('truth.csv:%d role/format' % n)
            if (lbl == '1') != (seen_l.get(('account', aid)) == 'mule'):
                err('truth.csv:%d labelled disagrees' % n)
            if (flb == '1') != (seen_l.get(('holder', hid)) == 'card_farmer'):
                err('truth.csv:%d farmer_labelled disagrees' % n)
            if has == '1' and (not RFC.match(es) or parse_ts(es) != world.bstart[bank]):
                err('truth.csv:%d extract_start' % n)
            if role == 'farmer_card' and cf != '1':
                err('truth.csv:%d farmer card without card_farmer' % n)
        for aid in accs:
            if aid not in tids:
                err('account %s missing from truth.csv' % aid)
        for r in tr_rows[1:]:
            for a in (r[2], r[3]):
                if a and a not in tids:
                    err('transfer account %s missing from truth.csv' % a)
        tt = read('truth_transfers.csv')
        if tt[0] != ['txn_id', 'kind']:
            err('truth_transfers.csv header')
        nvp = 0
        seen_t = {}
        for n, r in enumerate(tt[1:], 2):
            if len(r) != 2 or r[0] not in txids or r[0] in seen_t:
                err('truth_transfers.csv:%d' % n)
                continue
            seen_t[r[0]] = r[1]
            nvp += r[1] == 'victim_payment'
        if nvp == 0:
            err('truth_transfers.csv has no victim payments')
        wrong_ids = dict.fromkeys((world.txid[j] for j in world.wrong['transfer']), True)
        for (k, i), l in seen_l.items():
            if k == 'transfer' and seen_t.get(i) != 'victim_payment' and i not in wrong_ids:
                err('transfer label %s is neither a victim payment nor a deliberate wrong label' % i)
    return errs, n_lab


# ======================================================================================
# Summary and command line
# ======================================================================================
def summary(world, n_lab, secs):
    acc = world.acc
    rows = [A for A in acc.values() if A.row]
    by_role = {}
    for A in rows:
        by_role[A.role] = by_role.get(A.role, 0) + 1
    fraud_rows = [A for A in rows if A.role != 'lawful']
    lab_m = dict.fromkeys(world.lab_mule, True)
    n_fraud_lab = sum(1 for A in fraud_rows if A.id in lab_m)
    vp = [i for i in world.order if world.T[i][8] == 'victim_payment']
    lab_tx = dict.fromkeys(world.lab_tx, True)
    vp_lab = sum(1 for i in vp if i in lab_tx)
    new_in = sum(1 for A in rows if A.opened >= world.W0)
    kinds = {}
    for i in world.order:
        k = world.T[i][8]
        if k:
            kinds[k] = kinds.get(k, 0) + 1
    print('xiangxi world  variant=%s seed=%s  window %s .. %s (%d days)' % (
        world.variant, world.seed, iso(world.W0), iso(world.W1), world.ndays))
    print('  extract starts: ' + ' '.join('%s=%s' % (b, iso(t)) for b, t in sorted(world.bstart.items())))
    print('  accounts in world %d, with rows %d (opened inside the window %d), holders with rows %d' % (
        len(acc), len(rows), new_in, len(dict.fromkeys(A.holder for A in rows))))
    print('  transfers %d  (dropped: %s)' % (len(world.order), ', '.join('%s %d' % kv for kv in world.stats.items())))
    print('  rows by role: ' + ', '.join('%s %d' % (r, by_role.get(r, 0)) for r in ROLES))
    print('  fraud accounts with rows %d, labelled mule %d (%.0f%%); wrong mule labels %d' % (
        len(fraud_rows), n_fraud_lab, 100.0 * n_fraud_lab / max(1, len(fraud_rows)), len(world.wrong['account'])))
    print('  victim cases %d, victim payments %d, labelled fraud %d (%.0f%%); wrong fraud labels %d' % (
        len(world.cases), len(vp), vp_lab, 100.0 * vp_lab / max(1, len(vp)), len(world.wrong['transfer'])))
    print('  card farmers %d (cards %d, used %d), labelled %d (+%d wrong)' % (
        len(world.farmers), sum(len(p['cards']) for p in world.farmers),
        sum(1 for p in world.farmers for c in p['cards'] if not acc[c].arch.endswith('idle')),
        len([h for h in world.lab_farmer if h not in world.wrong['holder']]), len(world.wrong['holder'])))
    print('  labels: account %d, transfer %d, holder %d' % (n_lab['account'], n_lab['transfer'], n_lab['holder']))
    print('  fraud transfers by kind: ' + ', '.join('%s %d' % (k, kinds[k]) for k in sorted(kinds)))
    print('  history-from: ' + ' '.join('--history-from %s=%s' % (b, iso(t)) for b, t in sorted(world.bstart.items())))
    print('  runtime %.1f s' % secs)


def main(argv=None):
    ap = argparse.ArgumentParser(description='Xiangxi synthetic world for fanzha (interchange format v1)')
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    args = ap.parse_args(argv)
    t0 = _time.time()
    world = World(args.variant, args.seed)
    world.build()
    world.write(args.out, args.truth)
    errs, n_lab = self_check(world, args.out, args.truth)
    summary(world, n_lab, _time.time() - t0)
    if errs:
        print('SELF-CHECK FAILED:', file=sys.stderr)
        for e in errs:
            print('  ' + e, file=sys.stderr)
        return 2
    print('  self-check passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
