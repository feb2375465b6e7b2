#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Hulunbuir (呼伦贝尔) synthetic banking world: 30 days of banking, independent test data.

Lawful life of the region (Hailar, Manzhouli, Zhalainuoer, Yakeshi, Zhalantun, Genhe, Ergun, the
Chen Barag / Ewenki / New Barag banners): herders and livestock dealers, slaughterhouses and meat
buyers from other provinces, dairy farmers and milk collection stations, Manzhouli Russian-goods
shops, border traders, import and timber wholesalers paying Russian suppliers across the border,
grassland tourism (yurt camps, homestays, drivers and guides paid by many tourists), forestry,
state-farm, coal-mine and power-plant payroll, Hulunbuir University students, construction foremen
and crews, berry / mushroom / wild-vegetable buyers and pickers, landlords, families, retirees and
pensions, shops on personal accounts, night restaurants, taxis, weddings (彩礼), cars, flat deposits,
dormant and reactivated accounts, accounts opened inside the month.

Fraud: telecom-fraud victims all over China paying into mule accounts (fresh, aged, rented or
sold old accounts, card-farmer cards, 跑分 participants), layering across banks and provinces,
ATM cash-out in far provinces and near the borders, exits to payment-firm merchants and USDT
sellers; stop-payment freezes after reports; incomplete labels.

Usage: hulunbuir_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]
Standard library only; deterministic for a given (variant, seed).
"""

import argparse
import csv
import datetime
import heapq
import math
import os
import random

TZ = datetime.timezone(datetime.timedelta(hours=8))
MIN, HOUR, DAY = 60, 3600, 86400
NDAYS = 30
END = NDAYS * DAY

# ----------------------------------------------------------------------------- geography
HLB = {
    'hailar': '150702', 'zhalainuoer': '150703', 'arong': '150721', 'molidawa': '150722',
    'oroqen': '150723', 'ewenki': '150724', 'chenbarag': '150725', 'xinzuo': '150726',
    'xinyou': '150727', 'manzhouli': '150781', 'yakeshi': '150782', 'zhalantun': '150783',
    'ergun': '150784', 'genhe': '150785'}
HLB_CODES = list(HLB.values())

REGW = {
    'ALL': {'hailar': 30, 'manzhouli': 12, 'zhalainuoer': 5, 'yakeshi': 12, 'zhalantun': 14,
            'genhe': 5, 'ergun': 5, 'chenbarag': 4, 'ewenki': 5, 'xinzuo': 2, 'xinyou': 2,
            'arong': 6, 'molidawa': 4, 'oroqen': 4},
    'HERD': {'chenbarag': 30, 'ewenki': 25, 'xinzuo': 15, 'xinyou': 15, 'ergun': 6, 'hailar': 5,
             'manzhouli': 4},
    'DAIRY': {'hailar': 30, 'ergun': 20, 'yakeshi': 15, 'zhalantun': 15, 'arong': 10, 'chenbarag': 10},
    'FOREST': {'genhe': 30, 'yakeshi': 35, 'ergun': 15, 'oroqen': 20},
    'FARM': {'hailar': 35, 'ergun': 25, 'zhalantun': 20, 'yakeshi': 20},
    'COAL': {'zhalainuoer': 45, 'chenbarag': 30, 'ewenki': 25},
    'POWER': {'ewenki': 50, 'chenbarag': 25, 'hailar': 25},
    'HAILAR': {'hailar': 1},
    'MZL': {'manzhouli': 1},
    'CITY': {'hailar': 50, 'manzhouli': 20, 'zhalantun': 15, 'yakeshi': 15},
    'TOUR': {'hailar': 45, 'manzhouli': 25, 'ergun': 20, 'genhe': 10},
    'STAY': {'ergun': 45, 'manzhouli': 20, 'hailar': 20, 'chenbarag': 10, 'genhe': 5},
    'BERRY': {'genhe': 35, 'ergun': 30, 'yakeshi': 20, 'oroqen': 15},
    'TRUCK': {'hailar': 30, 'manzhouli': 40, 'chenbarag': 15, 'yakeshi': 15},
    'DEAL': {'hailar': 35, 'chenbarag': 25, 'xinyou': 15, 'ewenki': 15, 'xinzuo': 10},
}

# province -> (population weight, a few GB/T 2260 district codes)
PROVS = {
    'GD': (126, ['440103', '440104', '440106', '440303', '440304', '440305', '440306', '440307',
                 '441900', '440904', '445281', '441581']),
    'SD': (102, ['370102', '370202', '371302']), 'HA': (99, ['410102', '410105']),
    'JS': (85, ['320102', '320106', '320505', '320506', '320211']), 'SC': (84, ['510104', '510107']),
    'HE': (75, ['130102', '130104', '130602', '130203']),
    'ZJ': (65, ['330102', '330106', '330302', '330782']), 'HN': (66, ['430102', '430104', '430481']),
    'AH': (61, ['340102', '340104']), 'HB': (58, ['420102', '420106']),
    'GX': (50, ['450102', '450103', '450126', '450681', '451481']),
    'YN': (47, ['530102', '530103', '533102', '532801', '532823']), 'JX': (45, ['360102', '360103']),
    'LN': (42, ['210102', '210202', '210302']), 'FJ': (42, ['350102', '350203', '350582', '350181']),
    'SN': (40, ['610102', '610113']), 'GZ': (39, ['520102']), 'SX': (35, ['140105', '140106']),
    'CQ': (32, ['500103', '500105']),
    'HL': (31, ['230102', '230103', '230202', '230602', '231102', '231081']),
    'XJ': (26, ['650102']), 'SH': (25, ['310101', '310104', '310115']), 'GS': (25, ['620102']),
    'JL': (24, ['220102', '220202']),
    'NM': (14, ['150102', '150105', '150203', '150402', '150502', '150602', '152201', '152501']),
    'BJ': (22, ['110101', '110105', '110106', '110108']), 'TJ': (14, ['120101', '120104']),
    'HI': (10, ['460105', '460106', '460202', '460203']), 'NX': (7, ['640104']), 'QH': (6, ['630102']),
}
PROV_OF_PREFIX = {}
for _pv, (_w, _codes) in PROVS.items():
    for _c in _codes:
        PROV_OF_PREFIX[_c[:2]] = _pv
PROV_OF_PREFIX['15'] = 'NM'

TOURIST_SRC = {'BJ': 12, 'SH': 8, 'GD': 9, 'ZJ': 8, 'JS': 8, 'TJ': 5, 'HL': 9, 'LN': 7, 'JL': 4,
               'HE': 6, 'SD': 7, 'NM': 8, 'HA': 3, 'SC': 3, 'HB': 3, 'SN': 2, 'FJ': 2, 'SX': 2}
BUYER_SRC = {'HE': 20, 'BJ': 15, 'SD': 15, 'LN': 12, 'TJ': 10, 'NM': 10, 'HL': 8, 'JS': 5, 'HA': 5}
WOOD_SRC = {'SD': 25, 'HE': 20, 'JS': 15, 'TJ': 10, 'GD': 10, 'ZJ': 10, 'LN': 5, 'BJ': 5}
FAR_CASH = ['440304', '440306', '441900', '440904', '441581', '445281', '440106', '350582',
            '460106', '430481', '450126']
BORDER_CASH = ['533102', '532823', '450681', '451481', '150781', '152501', '231102', '231081']
GANG_OPS = ['533102', '532823', '450681', '451481', '440304', '441581', '350582', '430481', '445281']

# ----------------------------------------------------------------------------- banks
CARD_FMT = {
    'ICBC': ('622202', 19), 'ABC': ('622848', 19), 'CCB': ('621700', 19), 'PSBC': ('621799', 19),
    'IMRCB': ('622947', 19), 'BOC': ('621661', 19), 'BOCOM': ('622262', 19), 'CMB': ('621483', 16),
    'CIB': ('622909', 18), 'CITIC': ('622690', 16), 'SPDB': ('622521', 16), 'CMBC': ('622622', 16),
    'PAB': ('622155', 19), 'CEB': ('622660', 16), 'HXB': ('622630', 16), 'BOIMC': ('622147', 19),
    'BTB': ('622866', 19), 'HRBB': ('622425', 19), 'BOB': ('621468', 19), 'BOSC': ('622892', 19),
    'NJCB': ('621777', 19), 'HZB': ('621652', 19), 'GRCB': ('621048', 19), 'RCU': ('621021', 19)}
CORP_FMT = {
    'ICBC': ('0610', 19), 'ABC': ('0540', 15), 'CCB': ('15050', 20), 'PSBC': ('9150', 18),
    'IMRCB': ('1507', 18), 'BOC': ('1537', 12), 'BOCOM': ('1560', 21), 'CMB': ('4719', 15),
    'CIB': ('5730', 18), 'CITIC': ('8111', 19), 'SPDB': ('7611', 17), 'CMBC': ('6301', 13),
    'PAB': ('1501', 14), 'CEB': ('3836', 16), 'HXB': ('1056', 16), 'BOIMC': ('0100', 17),
    'BTB': ('6001', 18), 'HRBB': ('1001', 20), 'BOB': ('2000', 20), 'BOSC': ('3166', 17),
    'NJCB': ('0130', 17), 'HZB': ('3301', 17), 'GRCB': ('0580', 17), 'RCU': ('9010', 17)}
PAYFIRM_FMT = {'ALIPAY': ('2088', 16), 'TENPAY': ('1', 10), 'LAKALA': ('822', 15),
               'YEEPAY': ('10012', 11), 'RUBANK': ('40702810', 20)}
LOCAL_BANK_W = {'IMRCB': 22, 'ABC': 20, 'CCB': 14, 'ICBC': 13, 'PSBC': 12, 'BOC': 7, 'BOIMC': 5,
                'BTB': 3, 'BOCOM': 2, 'CMB': 2}
NAT_BANK_W = {'ICBC': 14, 'ABC': 13, 'CCB': 12, 'BOC': 9, 'PSBC': 8, 'BOCOM': 5, 'CMB': 7, 'CIB': 3,
              'CITIC': 2, 'SPDB': 2, 'CMBC': 2, 'PAB': 3, 'CEB': 2, 'HXB': 1, 'LOCAL': 10}
PROV_LOCAL_BANK = {'BJ': 'BOB', 'SH': 'BOSC', 'JS': 'NJCB', 'ZJ': 'HZB', 'GD': 'GRCB', 'HL': 'HRBB',
                   'NM': 'BOIMC'}

IDW = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

# ----------------------------------------------------------------------------- time of day
PROFILES = {
    'day': [1, .5, .3, .2, .2, .4, 1.5, 4, 6, 7, 8, 8, 9, 7, 6, 6, 7, 8, 9, 9, 8, 6, 4, 2],
    'night': [7, 6, 5, 3, 2, 1, 1, 1, 2, 3, 4, 5, 5, 4, 4, 4, 5, 6, 7, 8, 9, 9, 9, 8],
    'biz': [0, 0, 0, 0, 0, 0, .2, 1, 6, 9, 9, 7, 4, 6, 8, 8, 6, 2, .5, .2, 0, 0, 0, 0],
    'batch': [0, 0, 0, 0, 0, 0, 0, .5, 6, 9, 5, 2, 1, 1, 1, .5, .2, 0, 0, 0, 0, 0, 0, 0],
    'early': [0, 0, 0, .5, 2, 6, 8, 8, 7, 6, 5, 4, 3, 3, 3, 3, 3, 3, 3, 2, 1, .5, .2, 0],
    'victim': [.5, .3, .2, .1, .1, .2, .5, 2, 5, 7, 8, 8, 7, 7, 7, 7, 7, 6, 6, 6, 6, 5, 3, 1.5],
    'atmnight': [8, 8, 7, 6, 4, 2, 1, .5, .5, .5, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8],
    'evening': [4, 2, .8, .3, .2, .2, .3, .5, 1, 2, 3, 5, 6, 4, 3, 3, 4, 6, 9, 10, 10, 9, 7, 5],
    'collect': [0, 0, 0, 0, 0, .5, 1, 2, 2, 2, 2, 2, 2, 2, 3, 5, 8, 9, 8, 5, 2, .5, 0, 0],
}
CUM = {}
for _k, _v in PROFILES.items():
    _c, _s = [], 0.0
    for _x in _v:
        _s += _x
        _c.append(_s)
    CUM[_k] = _c
HOURS = list(range(24))

# ----------------------------------------------------------------------------- archetypes
# arch: spend/day, spend median yuan, p2p/day, cash withdrawals/month, profile, savings median yuan
ARCH = {
    'herder': (.35, 90, .07, 2.5, 'early', 45000), 'dairy_farmer': (.4, 70, .07, 2.0, 'early', 22000),
    'livestock_dealer': (.6, 120, .1, 3.0, 'early', 260000), 'milk_station': (.5, 100, .08, 2.0, 'early', 90000),
    'forestry_worker': (.8, 48, .1, 1.2, 'day', 18000), 'farm_worker': (.7, 45, .08, 1.2, 'day', 15000),
    'miner': (.9, 55, .1, 1.0, 'night', 26000), 'power_worker': (1.0, 60, .1, .8, 'day', 42000),
    'civil_servant': (1.1, 60, .1, .6, 'day', 52000), 'teacher': (1.0, 55, .1, .6, 'day', 46000),
    'medic': (1.0, 60, .1, .6, 'night', 46000), 'univ_staff': (1.0, 55, .1, .6, 'day', 46000),
    'student': (1.6, 20, .25, .3, 'night', 2500), 'construction_worker': (.6, 35, .04, 2.0, 'day', 6000),
    'foreman': (.7, 80, .1, 3.0, 'day', 70000), 'russian_goods_shop': (.6, 60, .1, 2.0, 'day', 50000),
    'border_trader': (.5, 70, .08, 3.0, 'day', 60000), 'shop_owner': (.6, 60, .08, 1.5, 'day', 30000),
    'restaurant_night': (.5, 60, .08, 1.5, 'evening', 30000), 'driver_guide': (.7, 50, .08, 1.5, 'night', 15000),
    'homestay': (.6, 60, .08, 1.2, 'day', 40000), 'taxi_driver': (.8, 40, .06, 1.5, 'night', 9000),
    'berry_buyer': (.6, 80, .08, 3.0, 'collect', 90000), 'picker': (.5, 35, .05, 1.0, 'early', 3000),
    'landlord': (.8, 70, .1, 1.0, 'day', 90000), 'retiree': (.35, 45, .06, 1.8, 'day', 60000),
    'homemaker': (1.0, 50, .12, .8, 'day', 20000), 'group_leader': (.9, 50, .1, .8, 'day', 15000),
    'unemployed': (.6, 40, .1, .8, 'night', 3000), 'seasonal_worker': (.5, 30, .05, 1.0, 'day', 400),
    'self_employed': (.8, 60, .1, 1.0, 'day', 35000), 'trucker': (.6, 60, .06, 2.5, 'night', 22000),
}

# arch, count (baseline), region weights, age range
POP = [
    ('herder', 380, 'HERD', (22, 70)), ('dairy_farmer', 170, 'DAIRY', (25, 66)),
    ('livestock_dealer', 26, 'DEAL', (28, 60)), ('milk_station', 12, 'DAIRY', (30, 60)),
    ('forestry_worker', 290, 'FOREST', (22, 59)), ('farm_worker', 160, 'FARM', (22, 59)),
    ('miner', 260, 'COAL', (22, 58)), ('power_worker', 100, 'POWER', (23, 59)),
    ('civil_servant', 190, 'ALL', (24, 59)), ('teacher', 130, 'ALL', (24, 59)),
    ('medic', 80, 'ALL', (24, 59)), ('univ_staff', 50, 'HAILAR', (26, 62)),
    ('student', 420, 'HAILAR', (18, 23)), ('construction_worker', 210, 'CITY', (20, 58)),
    ('foreman', 16, 'CITY', (30, 58)), ('russian_goods_shop', 55, 'MZL', (25, 62)),
    ('border_trader', 26, 'MZL', (28, 62)), ('shop_owner', 200, 'ALL', (25, 65)),
    ('restaurant_night', 50, 'ALL', (25, 60)), ('driver_guide', 60, 'TOUR', (24, 58)),
    ('homestay', 48, 'STAY', (28, 65)), ('taxi_driver', 70, 'CITY', (25, 60)),
    ('berry_buyer', 11, 'BERRY', (28, 62)), ('picker', 190, 'BERRY', (20, 70)),
    ('landlord', 95, 'CITY', (35, 72)), ('retiree', 520, 'ALL', (58, 85)),
    ('homemaker', 260, 'ALL', (25, 65)), ('group_leader', 22, 'CITY', (28, 60)),
    ('self_employed', 130, 'ALL', (25, 62)), ('trucker', 42, 'TRUCK', (25, 58)),
    ('unemployed', 100, 'ALL', (18, 45)),
]

# fraud types: weights (baseline, V2, V3), n (lo, hi, hi_multi), first amount yuan (lo, hi),
# growth (lo, hi), gap (lo, hi), gap when multi (lo, hi), rounding style, channel weights, age
FT = {
    'brushing': ((22, 16, 24), (2, 4, 7), (100, 800), (1.8, 3.2), (5 * MIN, 80 * MIN), (4 * HOUR, 2 * DAY), 'odd',
                 {'mobile': 9, 'online': 1}, (18, 40)),
    'ecommerce_cs': ((12, 8, 13), (1, 3, 4), (2000, 30000), (.8, 1.6), (3 * MIN, 40 * MIN), (1 * HOUR, 1 * DAY),
                     'exact', {'mobile': 8, 'online': 2}, (20, 60)),
    'investment': ((13, 22, 10), (1, 3, 7), (10000, 100000), (1.0, 2.5), (1 * DAY, 5 * DAY), (1 * DAY, 6 * DAY),
                   'round', {'mobile': 6, 'online': 3, 'counter': 1}, (28, 62)),
    'loan_card': ((10, 8, 10), (1, 3, 5), (300, 5000), (1.0, 2.0), (20 * MIN, 5 * HOUR), (2 * HOUR, 2 * DAY),
                  'fee', {'mobile': 9, 'online': 1}, (22, 50)),
    'credit_record': ((6, 5, 6), (1, 2, 3), (5000, 60000), (.8, 1.5), (10 * MIN, 2 * HOUR), (2 * HOUR, 1 * DAY),
                      'exact', {'mobile': 8, 'online': 2}, (20, 35)),
    'shopping_service': ((8, 5, 9), (1, 2, 3), (80, 3000), (.5, 1.5), (10 * MIN, 1 * DAY), (3 * HOUR, 2 * DAY),
                         'odd', {'mobile': 10}, (18, 50)),
    'police_gov': ((7, 10, 6), (1, 3, 5), (30000, 300000), (.6, 1.5), (30 * MIN, 6 * HOUR), (3 * HOUR, 2 * DAY),
                   'round', {'mobile': 4, 'counter': 4, 'online': 2}, (30, 78)),
    'leader_acquaintance': ((6, 4, 5), (1, 2, 2), (10000, 100000), (.5, 1.2), (20 * MIN, 3 * HOUR),
                            (3 * HOUR, 1 * DAY), 'round', {'mobile': 7, 'online': 3}, (28, 60)),
    'game_trade': ((5, 3, 6), (1, 3, 4), (100, 5000), (1.0, 2.0), (10 * MIN, 2 * HOUR), (2 * HOUR, 1 * DAY), 'odd',
                   {'mobile': 10}, (16, 30)),
    'romance': ((5, 12, 3), (1, 3, 6), (5000, 50000), (1.2, 2.5), (1 * DAY, 4 * DAY), (1 * DAY, 5 * DAY), 'round',
                {'mobile': 8, 'online': 2}, (28, 60)),
    'subsidy_refund': ((2, 2, 2), (1, 2, 2), (1000, 10000), (.8, 1.2), (5 * MIN, 30 * MIN), (1 * HOUR, 1 * DAY),
                       'odd', {'atm': 8, 'mobile': 2}, (45, 78)),
    'accident_kidnap': ((2, 2, 2), (1, 1, 2), (10000, 50000), (1.0, 1.0), (30 * MIN, 2 * HOUR), (2 * HOUR, 1 * DAY),
                        'round', {'mobile': 6, 'counter': 4}, (40, 75)),
    'fake_job': ((2, 1, 3), (1, 2, 3), (100, 800), (1.0, 2.0), (1 * HOUR, 1 * DAY), (3 * HOUR, 2 * DAY), 'odd',
                 {'mobile': 10}, (17, 30)),
    'prize': ((1, 1, 1), (1, 2, 3), (1000, 8000), (1.0, 1.5), (30 * MIN, 1 * DAY), (3 * HOUR, 2 * DAY), 'odd',
              {'mobile': 7, 'counter': 3}, (35, 75)),
}
EXT_SAV = {'tourist': 25000, 'relative': 20000, 'parent': 30000, 'victim': 30000, 'crypto_trader': 60000,
           'paofen_participant': 4000, 'mule_holder': 300}
SMALL_TYPES = ('brushing', 'shopping_service', 'game_trade', 'fake_job', 'loan_card')

VARIANTS = {
    'baseline': dict(
        start=datetime.date(2024, 5, 6), season='late spring (lambing over, shearing, wild vegetables, '
                                                 'construction season opening)',
        supplying=['ABC', 'ICBC', 'CCB', 'PSBC', 'IMRCB'], pop_scale=.8,
        tourists=420, tour=.35, livestock=.6, berry=.35, build=.8, wedding=14, students_away=False,
        snowbird=False, subsidy='farm', seasonal_new=10,
        victim_pay=600, n_gangs=8, farmers=3, farmers_labelled=1, farmer_open=[(3, 8), (-40, -20), (-70, -45)],
        paofen=30, usdt=12, merch=8, multi=.25, report=.8,
        kinds={1: {'fresh': 30, 'aged': 25, 'rented': 15, 'sold': 15, 'farmer': 15},
               2: {'fresh': 35, 'aged': 25, 'rented': 15, 'sold': 15, 'farmer': 10},
               3: {'fresh': 40, 'aged': 30, 'sold': 20, 'farmer': 10},
               'C': {'fresh': 40, 'aged': 20, 'sold': 20, 'farmer': 20}},
        life={1: (2, 9), 2: (4, 12), 3: (6, 20), 'C': (2, 8)},
        conc={1: (1, 2), 2: (1, 2), 3: (1, 1), 'C': (1, 2)},
        route={1: {'fwd': 70, 'cash': 10, 'usdt': 12, 'merch': 8},
               2: {'fwd': 35, 'cash': 35, 'usdt': 20, 'merch': 10},
               3: {'cash': 45, 'usdt': 40, 'merch': 12, 'cycle': 3}},
        split={1: 50, 2: 28, 3: 14, 4: 8}),
    'V2': dict(
        start=datetime.date(2024, 11, 18), season='early winter (last livestock sales, grassland subsidy, '
                                                   'year-end construction wages, snowbird retirees in Hainan)',
        supplying=['ABC', 'ICBC', 'CCB', 'IMRCB'], pop_scale=.84,
        tourists=200, tour=.15, livestock=1.0, berry=.05, build=1.3, wedding=22, students_away=False,
        snowbird=True, subsidy='grass', seasonal_new=4,
        victim_pay=580, n_gangs=7, farmers=2, farmers_labelled=1, farmer_open=[(-60, -35), (-30, -15)],
        paofen=18, usdt=12, merch=6, multi=.85, report=.7,
        kinds={1: {'rented': 40, 'sold': 35, 'aged': 15, 'fresh': 5, 'farmer': 5},
               2: {'rented': 35, 'sold': 35, 'aged': 20, 'fresh': 5, 'farmer': 5},
               3: {'sold': 45, 'rented': 25, 'aged': 25, 'fresh': 5},
               'C': {'sold': 40, 'rented': 20, 'aged': 20, 'fresh': 10, 'farmer': 10}},
        life={1: (5, 18), 2: (7, 25), 3: (10, 30), 'C': (4, 12)},
        conc={1: (2, 3), 2: (1, 2), 3: (1, 1), 'C': (1, 2)},
        route={1: {'fwd': 85, 'cash': 5, 'usdt': 10},
               2: {'fwd': 50, 'cash': 25, 'usdt': 20, 'merch': 5},
               3: {'cash': 40, 'usdt': 50, 'merch': 7, 'cycle': 3}},
        split={1: 45, 2: 30, 3: 15, 4: 10}),
    'V3': dict(
        start=datetime.date(2024, 7, 15), season='high summer (grassland tourism peak, Naadam, blueberry '
                                                  'and mushroom picking, university admission banquets)',
        supplying=['ABC', 'ICBC', 'CCB', 'PSBC', 'IMRCB'], pop_scale=.7,
        tourists=1500, tour=1.0, livestock=.7, berry=1.0, build=1.0, wedding=10, students_away=True,
        snowbird=False, subsidy='forest', seasonal_new=70,
        victim_pay=620, n_gangs=9, farmers=5, farmers_labelled=2,
        farmer_open=[(-12, -6), (-5, 2), (1, 6), (4, 10), (8, 14)],
        paofen=40, usdt=12, merch=9, multi=.15, report=.8,
        kinds={1: {'fresh': 45, 'farmer': 40, 'aged': 5, 'rented': 5, 'sold': 5},
               2: {'fresh': 45, 'farmer': 40, 'aged': 10, 'sold': 5},
               3: {'fresh': 60, 'farmer': 30, 'aged': 10},
               'C': {'fresh': 45, 'farmer': 45, 'aged': 10}},
        life={1: (1.5, 4), 2: (2, 5), 3: (2, 6), 'C': (1.5, 4)},
        conc={1: (1, 2), 2: (1, 1), 3: (0, 0), 'C': (1, 2)},
        route={1: {'fwd': 45, 'cash': 20, 'usdt': 20, 'merch': 15},
               2: {'cash': 45, 'usdt': 35, 'merch': 20},
               3: {'cash': 50, 'usdt': 40, 'merch': 10}},
        split={1: 55, 2: 25, 3: 12, 4: 8}),
}

FRAUD_ROLES = ('mule', 'paofen', 'farmer_card')


class Acct(object):
    __slots__ = ('id', 'bank', 'owner', 'opened', 'region', 'cls', 'role', 'arch', 'bal', 'cons',
                 'frozen_at', 'closed_at', 'gang', 'tier', 'use_from', 'use_to', 'pending',
                 'act_pending', 'first_bal', 'named', 'cash_region', 'down', 'reported', 'dorm', 'blk',
                 'kind', 'avail', 'labelled', 'upstream_rep', 'op_region', 'atm_lim', 'dropped', 'atm_day')

    def __init__(self, aid, bank, owner, opened, region, cls, role, arch, bal, cons):
        self.id, self.bank, self.owner, self.opened = aid, bank, owner, opened
        self.region, self.cls, self.role, self.arch = region, cls, role, arch
        self.bal, self.cons = bal, cons
        self.frozen_at = self.closed_at = None
        self.gang = None
        self.tier = 0
        self.use_from = self.use_to = None
        self.pending = 0
        self.act_pending = False
        self.first_bal = None
        self.named = False
        self.cash_region = None
        self.down = []
        self.reported = False
        self.dorm = False
        self.blk = None
        self.kind = ''
        self.avail = None
        self.labelled = False
        self.upstream_rep = False
        self.op_region = None
        self.atm_lim = 0
        self.dropped = False
        self.atm_day = -1


class Person(object):
    __slots__ = ('hid', 'arch', 'home', 'accts', 'prof', 'contacts', 'corp', 'farmer', 'age', 'ext',
                 'biz', 'local', 'farmer_labelled', 'no_life', 'away')

    def __init__(self, hid, arch, home, corp=False, age=40):
        self.hid, self.arch, self.home, self.corp, self.age = hid, arch, home, corp, age
        self.accts = []
        self.contacts = []
        self.prof = ARCH.get(arch, (0, 0, 0, 0, 'day', 0))[4]
        self.farmer = False
        self.farmer_labelled = False
        self.ext = False
        self.biz = None
        self.local = False
        self.no_life = False
        self.away = None


class Gang(object):
    def __init__(self, gid):
        self.gid = gid
        self.types = []
        self.pool = {1: [], 2: [], 3: [], 'C': []}
        self.paofen = False
        self.cash_regions = []
        self.usdt = []
        self.merch = []
        self.op = None


class Victim(object):
    __slots__ = ('p', 'accts', 'ft', 'gang', 'pays', 'reported', 'delay', 'recs', 'paid_to', 'region',
                 'report_t', 'use_paofen')


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.cfg = VARIANTS[variant]
        self.r = random.Random('hulunbuir-world/%s/%d' % (variant, seed))
        self.start = datetime.datetime.combine(self.cfg['start'], datetime.time(0, 0), TZ)
        self.supplying = list(self.cfg['supplying'])
        r = self.r
        order = self.supplying[:]
        r.shuffle(order)
        days = [r.randint(0, 1)] + sorted(r.sample(range(2, 13), len(order) - 1))
        self.ext_start = dict((b, d * DAY) for b, d in zip(order, days))
        self.accts = {}
        self.alist = []
        self.persons = []
        self.locals = []
        self.ext_persons = []
        self.by_arch = {}
        self.used = set()
        self.heap = []
        self.seq = 0
        self.rec = []
        self.merch_ext = {}
        self.merch_row = {}
        self.merch_shop = {}
        self.merch_rest = {}
        self.prov_merch = {}
        self.prov_emp = {}
        self.employers = []
        self.victims = []
        self.gangs = []
        self.farmer_cards = []
        self.farmers = []
        self.paofen_accts = []
        self.usdt_accts = []
        self.pay_merch = []
        self.corps = {}
        self.dates = [self.cfg['start'] + datetime.timedelta(days=d) for d in range(NDAYS)]

    # ------------------------------------------------------------------ random helpers
    def ri(self, a, b):
        return self.r.randint(a, b)

    def ru(self, a, b):
        return self.r.uniform(a, b)

    def ch(self, seq):
        return self.r.choice(seq)

    def wch(self, d):
        keys = list(d)
        return self.r.choices(keys, weights=[d[k] for k in keys])[0]

    def wsample(self, d, k):
        d = dict(d)
        out = []
        while d and len(out) < k:
            x = self.wch(d)
            out.append(x)
            del d[x]
        return out

    def pois(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        lim, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= lim:
                return k
            k += 1

    def logn(self, med, sig):
        return med * math.exp(self.r.gauss(0, sig))

    def tod(self, prof):
        h = self.r.choices(HOURS, cum_weights=CUM[prof])[0]
        return h * HOUR + self.r.randrange(HOUR)

    def at(self, day, prof):
        d = int(day)
        if prof in ('biz', 'batch') and 0 <= d < NDAYS and self.dates[d].weekday() >= 5 and self.r.random() < .8:
            # offices and corporate banking mostly rest at the weekend
            d = d + (7 - self.dates[d].weekday()) if self.r.random() < .6 else d - (self.dates[d].weekday() - 4)
            if d >= NDAYS:
                d -= 3
        return d * DAY + self.tod(prof)

    def hreg(self, key):
        return HLB[self.wch(REGW[key])]

    def prov_region(self, prov):
        return self.ch(PROVS[prov][1])

    def any_region(self, exclude_nm=False):
        d = dict((k, v[0]) for k, v in PROVS.items() if not (exclude_nm and k == 'NM'))
        return self.prov_region(self.wch(d))

    def fen_money(self, yuan, style='exact'):
        """style: exact (fen), yuan (integer), round (hundreds), odd (x8/x9 endings)"""
        if style == 'exact':
            return max(1, int(round(yuan * 100)))
        if style == 'yuan':
            return max(100, int(round(yuan)) * 100)
        if style == 'round':
            step = 1000 if yuan < 20000 else (5000 if yuan < 100000 else 10000)
            return max(10000, int(round(yuan / step)) * step * 100)
        if style == 'fee':
            return self.ch([199, 200, 299, 300, 499, 500, 688, 800, 999, 1000, 1500, 1888, 2000, 2888, 3000,
                            3888, 5000, 6000, 6888, 8000]) * 100 if yuan < 9000 else int(yuan) * 100
        # odd: brushing task values like 1288, 3688, 5280.00 or exact-looking
        base = int(yuan)
        if base >= 100 and self.r.random() < .6:
            base = (base // 100) * 100 + self.ch([88, 66, 99, 0, 20, 50, 80, 58])
        return max(100, base * 100 + (self.ri(0, 99) if self.r.random() < .25 else 0))

    # ------------------------------------------------------------------ time helpers
    def iso(self, t):
        return (self.start + datetime.timedelta(seconds=int(t))).isoformat()

    def day_of(self, dom, shift_weekend=True):
        for d, date in enumerate(self.dates):
            if date.day == dom:
                if shift_weekend:
                    while d > 0 and self.dates[d].weekday() >= 5:
                        d -= 1
                return d
        return None

    def workday(self, d):
        d = int(d)
        while 0 < d and self.dates[min(d, NDAYS - 1)].weekday() >= 5:
            d -= 1
        return min(d, NDAYS - 1)

    # ------------------------------------------------------------------ identities
    def new_pid(self, region, age):
        while True:
            y = self.cfg['start'].year - age
            dte = datetime.date(y, 1, 1) + datetime.timedelta(days=self.r.randrange(365))
            body = region + dte.strftime('%Y%m%d') + '%03d' % self.r.randrange(1000)
            s = sum(int(c) * w for c, w in zip(body, IDW))
            hid = body + '10X98765432'[s % 11]
            if hid not in self.used:
                self.used.add(hid)
                return hid

    def new_uscc(self, region):
        while True:
            org = ''.join(self.r.choice(USCC_CH) for _ in range(9))
            body = self.ch(['91', '91', '91', '92', '12']) + region + org
            s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
            code = body + USCC_CH[(31 - s % 31) % 31]
            if code not in self.used:
                self.used.add(code)
                return code

    def new_acno(self, bank, corp):
        r = self.r
        while True:
            if bank in PAYFIRM_FMT:
                pre, n = PAYFIRM_FMT[bank]
                s = pre + ''.join(str(r.randrange(10)) for _ in range(n - len(pre)))
            elif corp:
                pre, n = CORP_FMT[bank]
                s = pre + ''.join(str(r.randrange(10)) for _ in range(n - len(pre)))
            else:
                pre, n = CARD_FMT[bank]
                body = pre + ''.join(str(r.randrange(10)) for _ in range(n - len(pre) - 1))
                tot = 0
                for i, c in enumerate(reversed(body)):
                    dgt = int(c)
                    if i % 2 == 0:
                        dgt *= 2
                        if dgt > 9:
                            dgt -= 9
                    tot += dgt
                s = body + str((10 - tot % 10) % 10)
            if s not in self.used:
                self.used.add(s)
                return s

    def nat_bank(self, prov, w=None):
        b = self.wch(w or NAT_BANK_W)
        if b == 'LOCAL':
            if prov == 'NM':
                b = self.wch({'IMRCB': 5, 'BOIMC': 3, 'BTB': 2})
            else:
                b = PROV_LOCAL_BANK.get(prov, 'RCU')
        return b

    def new_acct(self, p, bank, region, opened, cls=None, role='lawful', arch=None, bal=0):
        corp = p.corp or cls == 'corp'
        aid = self.new_acno(bank, corp)
        if cls is None:
            cls = 'corp' if corp else 'I'
        cons = bank in self.supplying or role in FRAUD_ROLES or role == 'fraud_exit'
        a = Acct(aid, bank, p, int(opened), region, cls, role, arch or p.arch, bal, cons)
        self.accts[aid] = a
        self.alist.append(a)
        p.accts.append(aid)
        return a

    def past_open(self, ymin, ymax):
        return -int(self.ru(ymin, ymax) * 365 * DAY) // DAY * DAY + self.tod('biz')

    def new_corp(self, arch, region, bank=None, bal=0, ext=False, banks_w=None, n=1):
        p = Person(self.new_uscc(region), arch, region, corp=True)
        p.ext = ext
        p.local = region[:4] == '1507'
        for i in range(n):
            b = bank if (bank and i == 0) else self.wch(banks_w or {'ABC': 5, 'ICBC': 5, 'CCB': 5, 'IMRCB': 4,
                                                                    'PSBC': 2, 'BOC': 3, 'BOIMC': 2})
            self.new_acct(p, b, region, self.past_open(1.5, 18), 'corp', bal=bal)
        self.persons.append(p)
        self.corps.setdefault(arch, []).append(p)
        return p

    def ext_corp(self, arch, prov=None, region=None, bank=None, payfirm=False):
        region = region or self.prov_region(prov)
        pv = PROV_OF_PREFIX.get(region[:2], 'NM')
        if payfirm:
            bank = bank or self.wch({'TENPAY': 5, 'ALIPAY': 4, 'LAKALA': 1})
        bank = bank or self.nat_bank(pv, {'ICBC': 10, 'ABC': 6, 'CCB': 9, 'BOC': 8, 'BOCOM': 5, 'CMB': 6,
                                          'CIB': 3, 'CITIC': 3, 'SPDB': 3, 'CMBC': 3, 'LOCAL': 6})
        p = Person(self.new_uscc(region), arch, region, corp=True)
        p.ext = True
        bal = int(self.logn(5e6, .5)) * 100 if bank in self.supplying else 0
        self.new_acct(p, bank, region, self.past_open(1.5, 15), 'corp', bal=bal)
        self.persons.append(p)
        return p.accts[0]

    def ext_person(self, arch, region, age=None, nacc=1, bank=None):
        age = age or self.ri(20, 65)
        p = Person(self.new_pid(region, age), arch, region, age=age)
        p.ext = True
        pv = PROV_OF_PREFIX.get(region[:2], 'NM')
        banks = []
        for i in range(nacc):
            b = bank if (bank and i == 0) else (self.wch(LOCAL_BANK_W) if pv == 'NM' else self.nat_bank(pv))
            if b in banks:
                continue
            banks.append(b)
            self.new_acct(p, b, region, self.past_open(.5, max(1.0, min(age - 17, 15))), 'I')
        self.init_person_bal(p)
        self.persons.append(p)
        self.ext_persons.append(p)
        return p

    def local_person(self, arch, region, age_rng=(20, 60), born=None, nacc=None, banks_w=None, new_acct=False):
        age = self.ri(*age_rng)
        if born is None:
            x = self.r.random()
            born = region if x < .75 else (self.ch(HLB_CODES) if x < .88 else self.any_region())
        p = Person(self.new_pid(born, age), arch, region, age=age)
        p.local = True
        k = nacc or self.wch({1: 50, 2: 32, 3: 13, 4: 5})
        for j, b in enumerate(self.wsample(banks_w or LOCAL_BANK_W, k)):
            opened = self.past_open(.3, max(.5, min(age - 16, 20)))
            cls = 'I' if (j == 0 or self.r.random() < .7) else 'II'
            self.new_acct(p, b, region if self.r.random() < .85 else self.ch(HLB_CODES), opened, cls)
        self.init_person_bal(p)
        if new_acct:
            self.open_new(p, self.wch(LOCAL_BANK_W), self.ru(0, 20) * DAY)
        self.persons.append(p)
        self.locals.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def open_new(self, p, bank, t, cls=None):
        """an account opened inside the month (a counter visit, or an e-account on the app)"""
        t = int(t) // DAY * DAY + self.tod('biz')
        cls = cls or ('I' if self.r.random() < .7 else 'II')
        a = self.new_acct(p, bank, p.home, t, cls)
        return a

    def acct(self, aid):
        return self.accts[aid]

    # ------------------------------------------------------------------ event plumbing
    def push(self, t, fn, *args):
        if t < 0 or t >= END:
            return
        heapq.heappush(self.heap, (int(t), self.seq, fn, args))
        self.seq += 1

    def pay(self, t, src, dst, amt, ch='mobile', reg=None, memo='', kind='transfer', tk='ordinary', xb=False):
        if amt <= 0 or t < 0 or t >= END:
            return
        if src is None and dst is None:
            return
        self.push(t, self._pay_ev, src, dst, int(amt), ch, reg, memo, kind, tk, xb)

    def _pay_ev(self, t, src, dst, amt, ch, reg, memo, kind, tk, xb):
        self.exec_pay(t, src, dst, amt, ch, reg, memo, kind, tk, xb)

    def blocked(self, a, t):
        return (a.opened > t or (a.closed_at is not None and a.closed_at <= t) or
                (a.frozen_at is not None and a.frozen_at <= t))

    def exec_pay(self, t, src, dst, amt, ch, reg, memo, kind, tk, xb):
        A = self.accts
        a = b = None
        if src is not None:
            a = A[src]
            if self.blocked(a, t):
                return -1
            if a.cons and a.bal < amt:
                if kind == 'withdrawal' and tk == 'ordinary':
                    amt = (a.bal // 10000) * 10000
                    if amt <= 0:
                        return -1
                else:
                    return -1
        if dst is not None:
            b = A[dst]
            if b.opened > t or (b.closed_at is not None and b.closed_at <= t):
                return -1
        vis = False
        for x in (a, b):
            if x is not None:
                s = self.ext_start.get(x.bank)
                if s is not None and t >= s:
                    vis = True
        if vis:
            for x in (a, b):
                if x is not None and x.first_bal is None and x.bank in self.ext_start:
                    x.first_bal = x.bal
        if a is not None:
            a.bal -= amt
        if b is not None:
            b.bal += amt
        if reg is None:
            reg = (a or b).region
        self.rec.append((t, src, dst, amt, ch, reg, kind, memo, xb, tk, vis))
        if b is not None and b.gang is not None and tk in ('victim_payment', 'layering') and amt >= 1000:
            b.pending += amt
            if not b.act_pending:
                b.act_pending = True
                self.push(t + self.mule_delay(b), self._mule_act, b.id)
        return len(self.rec) - 1

    # ------------------------------------------------------------------ lawful helpers
    def pick_own(self, p, t, prefer=None):
        cands, wts = [], []
        for i, aid in enumerate(p.accts):
            a = self.accts[aid]
            if a.dorm or a.opened > t or a.role == 'fraud_exit':
                continue
            if a.role in ('mule', 'farmer_card'):
                if a.blk is None or a.blk[0] <= t <= a.blk[1]:
                    continue
            if a.closed_at is not None and a.closed_at <= t:
                continue
            cands.append(aid)
            wts.append(4 if (aid == prefer or (prefer is None and i == 0)) else 1)
        if not cands:
            return None
        return self.r.choices(cands, weights=wts)[0]

    def main_acct(self, p, t=0):
        return self.pick_own(p, t, prefer=p.accts[0]) if p.accts else None

    def biz_acct(self, p, t):
        if p.biz is not None:
            a = self.accts[p.biz]
            if a.opened <= t:
                return p.biz
        aid = p.accts[0]
        a = self.accts[aid]
        if a.role == 'lawful' and not a.dorm and a.opened <= t:
            return aid
        return self.pick_own(p, t)

    def merchant(self, region, kind=None):
        r = self.r.random()
        if kind == 'online' or (kind is None and r < .3):
            return self.ch(self.online)
        if region not in self.merch_ext:
            return self.region_merch(region)
        x = self.r.random()
        if x < .38 and self.merch_shop.get(region):
            return self.ch(self.merch_shop[region])
        if x < .48 and self.merch_rest.get(region):
            return self.ch(self.merch_rest[region])
        if x < .72 and self.merch_row.get(region):
            return self.ch(self.merch_row[region])
        return self.ch(self.merch_ext[region])

    def region_merch(self, region):
        lst = self.prov_merch.get(region)
        if lst is None:
            lst = [self.ext_corp('merchant_ext', region=region, payfirm=True) for _ in range(4)]
            self.prov_merch[region] = lst
        return self.ch(lst)

    def region_employer(self, region):
        lst = self.prov_emp.get(region)
        if lst is None:
            lst = [self.ext_corp('ext_employer', region=region) for _ in range(2)]
            self.prov_emp[region] = lst
        return self.ch(lst)

    def spend_amt(self, med):
        y = self.logn(med, .95)
        if self.r.random() < .55:
            return max(100, int(round(y * 100)))
        return max(100, int(round(y)) * 100)

    def p2p_amt(self):
        if self.r.random() < .22:
            return self.ch([520, 1314, 5200, 6600, 8800, 16800, 18800, 52000, 66600, 88800, 20000, 2000, 5000])
        return self.ch([50, 100, 100, 200, 200, 300, 500, 500, 800, 1000, 1000, 1500, 2000, 3000, 5000]) * 100

    # ------------------------------------------------------------------ build: fixed institutions
    def build_institutions(self):
        r = self.r
        # external merchants (QR / payment-firm merchants) in each local region
        for name, code in HLB.items():
            w = REGW['ALL'].get(name, 3)
            self.merch_ext[code] = [self.ext_corp('merchant_ext', region=code, payfirm=True)
                                    for _ in range(max(4, int(w * 1.6)))]
            self.merch_row[code] = []
            self.merch_shop[code] = []
            self.merch_rest[code] = []
        self.online = [self.ext_corp('online_platform', region=self.ch(['110105', '330106', '440305', '310115',
                                                                        '110108']), payfirm=True)
                       for _ in range(16)]
        self.telecom = [self.ext_corp('telecom_ext', region=HLB['hailar'], bank=b) for b in ('BOC', 'CMB')]
        # local merchant rows: supermarkets, gas stations, pharmacies, canteens
        for name, w in REGW['ALL'].items():
            code = HLB[name]
            for _ in range(max(1, w // 4)):
                arch = self.ch(['supermarket', 'gas_station', 'pharmacy', 'mall', 'supermarket'])
                p = self.new_corp(arch, code, bal=self.fen_money(self.logn(300000, .6)))
                self.merch_row[code].append(p.accts[0])
        self.canteens = [self.new_corp('canteen', HLB['hailar'], bal=20000000).accts[0] for _ in range(3)]
        self.utility = [self.new_corp('utility', HLB['hailar'], bal=50000000, n=2).accts[0],
                        self.new_corp('heating_co', HLB['hailar'], bal=50000000).accts[0]]
        self.car_dealers = [self.new_corp('car_dealer', HLB[x], bal=200000000).accts[0]
                            for x in ('hailar', 'hailar', 'manzhouli', 'zhalantun', 'yakeshi')]
        self.developers = [self.new_corp('developer', HLB[x], bal=300000000).accts[0]
                           for x in ('hailar', 'hailar', 'manzhouli', 'zhalantun')]
        self.hospitals_ext = [self.ext_corp('hospital_ext', region=x) for x in
                              ('110105', '110108', '230103', '150102')]
        self.loan_plat = [self.ext_corp('loan_platform', region=x, bank=b) for x, b in
                          (('330106', 'ALIPAY'), ('440305', 'TENPAY'), ('440305', 'PAB'))]
        self.didi = self.ext_corp('ride_platform', region='110108')
        self.ota = [self.ext_corp('ota_ext', region=x) for x in ('310115', '110105')]
        self.acquirer = [self.ext_corp('acquirer_settle', region=x, bank='LAKALA') for x in ('110108', '440305')]
        self.gbuy = [self.ext_corp('group_buy_platform', region=x) for x in ('430104', '110105', '330106')]
        self.wholesale_ext = [self.ext_corp('wholesaler_ext', region=self.ch(['150102', '230103', '210102',
                                                                              '130102', '120104']))
                              for _ in range(12)]
        self.ru_suppliers = [self.ext_corp('ru_supplier', region='150781', bank='RUBANK') for _ in range(24)]
        self.ru_buyers = [self.ext_corp('ru_buyer', region='150781', bank='RUBANK') for _ in range(10)]
        self.rail = [self.ext_corp('rail_freight', region=x) for x in ('150781', '150702')]
        self.tax = self.ext_corp('tax_ext', region='150702', bank='ICBC' if 'ICBC' not in self.supplying else 'BOC')
        # government / social security accounts at supplying banks
        self.ssc = Person(self.new_uscc(HLB['hailar']), 'social_security', HLB['hailar'], corp=True)
        self.persons.append(self.ssc)
        for b in self.supplying:
            self.new_acct(self.ssc, b, HLB['hailar'], self.past_open(8, 20), 'corp', bal=10 ** 11)
        self.finance = [self.new_corp('finance_bureau', HLB[x], bank='IMRCB' if 'IMRCB' in self.supplying
                                      else None, bal=10 ** 11)
                        for x in ('hailar', 'chenbarag', 'ewenki', 'xinzuo', 'xinyou', 'ergun', 'genhe',
                                  'yakeshi', 'zhalantun', 'manzhouli')]
        self.civil = self.new_corp('civil_affairs', HLB['hailar'], bal=10 ** 10)
        self.land_comp = self.new_corp('land_bureau', HLB['hailar'], bal=10 ** 10)
        self.insurers = [self.ext_corp('insurer_ext', region=x) for x in ('110105', '440305')]

    # ------------------------------------------------------------------ build: population
    def build_population(self):
        cfg = self.cfg
        for arch, n, regkey, ages in POP:
            n = int(round(n * cfg['pop_scale']))
            for _ in range(n):
                reg = self.hreg(regkey)
                born = None
                if arch == 'student':
                    x = self.r.random()
                    born = (self.ch(HLB_CODES) if x < .25 else
                            self.prov_region('NM') if x < .6 else
                            self.prov_region(self.wch({'HL': 30, 'HE': 15, 'SD': 10, 'HA': 10, 'SX': 10,
                                                       'JL': 10, 'LN': 8, 'GS': 7})))
                elif arch == 'construction_worker' and self.r.random() < .45:
                    born = self.prov_region(self.wch({'HL': 35, 'JL': 20, 'HE': 15, 'SD': 10, 'HA': 10, 'SC': 10}))
                banks_w = None
                if arch in ('herder', 'dairy_farmer', 'picker'):
                    banks_w = {'IMRCB': 40, 'ABC': 25, 'PSBC': 15, 'CCB': 8, 'ICBC': 5, 'BOC': 4, 'BOIMC': 3}
                elif arch == 'student':
                    banks_w = {'ICBC': 20, 'CCB': 20, 'ABC': 15, 'BOC': 12, 'PSBC': 10, 'IMRCB': 10, 'CMB': 8,
                               'BOIMC': 5}
                elif arch == 'retiree':
                    banks_w = {'PSBC': 25, 'ABC': 20, 'IMRCB': 20, 'CCB': 12, 'ICBC': 12, 'BOC': 8, 'BOIMC': 3}
                p = self.local_person(arch, reg, ages, born=born, banks_w=banks_w)
                if arch == 'student':
                    p.away = born if born[:4] != '1507' else self.ch(HLB_CODES)
                if arch in ('shop_owner', 'restaurant_night', 'russian_goods_shop'):
                    lst = self.merch_rest if arch == 'restaurant_night' else self.merch_shop
                    if reg not in lst:
                        lst[reg] = []
                    biz = p.accts[0]
                    if self.r.random() < .1:
                        biz = self.open_new(p, self.wch(LOCAL_BANK_W), self.ru(0, 12) * DAY).id
                        p.biz = biz
                    lst[reg].append(biz)
        # seasonal newcomers: staff of yurt camps, drivers, shop assistants with accounts opened this month
        self.seasonal = []
        for _ in range(cfg['seasonal_new']):
            arch = self.wch({'seasonal_worker': 6, 'driver_guide': 3, 'homestay': 1})
            reg = self.hreg('TOUR') if arch != 'seasonal_worker' else self.hreg('HERD')
            p = self.local_person(arch, reg, (18, 45), nacc=self.wch({1: 6, 2: 4}))
            a = self.open_new(p, self.wch({'IMRCB': 4, 'ABC': 3, 'CCB': 2, 'ICBC': 2, 'PSBC': 2, 'BOC': 1}),
                              self.ru(0, 14) * DAY)
            p.biz = a.id
            a.bal = 0
            self.seasonal.append(p)
        # households and contacts
        pool = self.locals[:]
        self.r.shuffle(pool)
        byreg = {}
        for p in pool:
            byreg.setdefault(p.home, []).append(p)
        for reg, lst in byreg.items():
            i = 0
            while i < len(lst):
                k = self.wch({1: 25, 2: 35, 3: 25, 4: 15})
                hh = lst[i:i + k]
                for p in hh:
                    p.contacts.extend(q for q in hh if q is not p)
                i += k
            for p in lst:
                for _ in range(self.ri(1, 3)):
                    q = self.ch(lst)
                    if q is not p:
                        p.contacts.append(q)
        # relatives outside (other IM cities, Heilongjiang, elsewhere)
        rels = []
        for p in self.locals:
            if self.r.random() < .3:
                if rels and self.r.random() < .6:
                    q = self.ch(rels)
                else:
                    x = self.r.random()
                    reg = (self.prov_region('NM') if x < .45 else self.prov_region('HL') if x < .65 else
                           self.any_region())
                    q = self.ext_person('relative', reg, age=self.ri(20, 75))
                    rels.append(q)
                p.contacts.append(q)
                q.contacts.append(p)
        self.relatives = rels
        # dormant accounts, closed accounts, judicial freezes
        for p in self.locals:
            if len(p.accts) >= 2 and self.r.random() < .3 and self.accts[p.accts[-1]].opened < 0 \
                    and p.accts[-1] != p.biz:
                a = self.accts[p.accts[-1]]
                a.dorm = True
                a.bal = int(self.logn(300, 1.5) * 100) if self.r.random() < .8 else 0
                if self.r.random() < .06:
                    a.closed_at = -int(self.ru(10, 900)) * DAY
                    a.bal = 0
            elif self.r.random() < .025 and p.arch not in ('shop_owner', 'restaurant_night', 'russian_goods_shop'):
                p.no_life = True
                for aid in p.accts:
                    self.accts[aid].dorm = True

    def new_accounts_inside(self):
        cands = [p for p in self.locals if not p.no_life and p.arch not in ('student',)]
        for p in self.r.sample(cands, int(len(cands) * .012)):
            old = p.accts[0]
            a = self.open_new(p, self.wch(LOCAL_BANK_W), self.ru(0, 24) * DAY, 'I' if self.r.random() < .6 else 'II')
            p.accts.remove(a.id)
            p.accts.insert(0, a.id)
            self.pay(a.opened + self.ri(10 * MIN, 3 * HOUR), old, a.id, self.ri(5, 60) * 10000, 'mobile', p.home, '')
        # first-year students opening a second card / e-account for the campus
        st = [p for p in self.by_arch.get('student', []) if not p.no_life]
        for p in self.r.sample(st, min(len(st), 12)):
            a = self.open_new(p, self.ch(['ICBC', 'CCB', 'ABC', 'BOC']), self.ru(0, 20) * DAY, 'II')
            p.accts.remove(a.id)
            p.accts.insert(0, a.id)

    def init_person_bal(self, p):
        med = ARCH[p.arch][5] if p.arch in ARCH else EXT_SAV.get(p.arch, 8000)
        tot = self.logn(med, .8) * 100
        for i, aid in enumerate(p.accts):
            a = self.accts[aid]
            if a.opened >= 0:
                a.bal = 0
                continue
            share = .65 if i == 0 else .35 / max(1, len(p.accts) - 1)
            a.bal = int(tot * share)

    def inject(self, aid, amt):
        """money a person already had before the month (savings on another card, family help)"""
        a = self.accts[aid]
        if a.opened < 0:
            a.bal += int(amt)
            return True
        return False

    # ------------------------------------------------------------------ employers and payroll
    def employer(self, arch, region, staff_arch, n_staff, salary, bank=None, payday=None, direct=True):
        p = self.new_corp(arch, region, bank=bank)
        a = self.accts[p.accts[0]]
        emp = dict(acct=a.id, staff=[], salary=salary, payday=payday or self.ch([5, 8, 10, 15, 15, 20, 25]),
                   region=region, arch=arch)
        self.employers.append(emp)
        return emp

    def hire(self, emp, p, new=False):
        bank = self.accts[emp['acct']].bank
        mine = [aid for aid in p.accts if self.accts[aid].bank == bank and not self.accts[aid].dorm]
        if mine:
            aid = mine[0]
        else:
            t = self.ru(0, 18) * DAY if new else None
            if t is None:
                a = self.new_acct(p, bank, emp['region'], self.past_open(.3, 8), 'I')
                a.bal = int(self.logn(3000, 1) * 100)
            else:
                a = self.open_new(p, bank, t, 'I')
            aid = a.id
        lo, hi = emp['salary']
        emp['staff'].append((p, aid, self.ru(lo, hi)))

    def build_employers(self):
        specs = [  # corp arch, staff arch, regions, n corps, salary, bank weights
            ('coal_mine', 'miner', ['zhalainuoer', 'chenbarag', 'ewenki', 'zhalainuoer'], (6200, 12500)),
            ('power_plant', 'power_worker', ['ewenki', 'chenbarag', 'hailar'], (7000, 13500)),
            ('forestry_co', 'forestry_worker', ['genhe', 'yakeshi', 'ergun', 'oroqen', 'yakeshi'], (3600, 6600)),
            ('state_farm', 'farm_worker', ['hailar', 'hailar', 'ergun', 'zhalantun', 'yakeshi'], (3100, 5600)),
        ]
        for carch, sarch, regs, sal in specs:
            emps = [self.employer(carch, HLB[x], sarch, 0, sal) for x in regs]
            for p in self.by_arch.get(sarch, []):
                cand = [e for e in emps if e['region'] == p.home] or emps
                self.hire(self.ch(cand), p, new=self.r.random() < .015)
        # public payroll by region (civil servants, teachers, medics) through finance payroll accounts
        gov = {}
        for sarch, sal in (('civil_servant', (5200, 9800)), ('teacher', (5600, 9200)), ('medic', (5400, 11000))):
            for p in self.by_arch.get(sarch, []):
                key = (sarch, p.home)
                if key not in gov:
                    gov[key] = self.employer('gov_payroll' if sarch != 'medic' else 'hospital', p.home, sarch, 0,
                                             sal, payday=self.ch([10, 15]))
                self.hire(gov[key], p, new=self.r.random() < .01)
        uni = self.employer('university', HLB['hailar'], 'univ_staff', 0, (6000, 11500), payday=10)
        for p in self.by_arch.get('univ_staff', []):
            self.hire(uni, p)
        self.university = uni
        # slaughterhouses, timber, import, camps, hotels, construction companies employ some people
        self.slaughter = [self.new_corp('slaughterhouse', HLB[x], bal=int(self.logn(4e6, .5)) * 100)
                          for x in ('hailar', 'hailar', 'chenbarag', 'xinyou', 'ewenki')]
        self.timber = [self.new_corp('timber_wholesaler', HLB[x], bal=int(self.logn(3e6, .6)) * 100)
                       for x in ['manzhouli'] * 6 + ['ergun', 'ergun', 'hailar', 'genhe']]
        self.importers = [self.new_corp('import_wholesaler', HLB['manzhouli'], bal=int(self.logn(1.5e6, .6)) * 100)
                          for _ in range(12)]
        self.veg_export = [self.new_corp('vegetable_exporter', HLB['manzhouli'], bal=int(self.logn(8e5, .5)) * 100)
                           for _ in range(4)]
        self.camps = [self.new_corp('yurt_camp', HLB[x], bal=int(self.logn(4e5, .6)) * 100)
                      for x in ['chenbarag'] * 6 + ['ewenki'] * 5 + ['hailar'] * 4 + ['ergun'] * 3 + ['xinzuo'] * 2]
        self.hotels = [self.new_corp('hotel', HLB[x], bal=int(self.logn(6e5, .6)) * 100)
                       for x in ['hailar'] * 7 + ['manzhouli'] * 6 + ['ergun'] * 2 + ['genhe']]
        self.scenic = [self.new_corp('scenic_spot', HLB[x], bal=int(self.logn(1e6, .5)) * 100)
                       for x in ('xinyou', 'chenbarag', 'ergun', 'manzhouli', 'ergun', 'genhe', 'hailar')]
        self.builders = [self.new_corp('construction_co', HLB[x], bal=int(self.logn(8e6, .5)) * 100)
                         for x in ('hailar', 'hailar', 'hailar', 'hailar', 'manzhouli', 'manzhouli', 'zhalantun',
                                   'yakeshi')]
        self.builders_ext = [self.ext_corp('construction_co_ext', region=x) for x in
                             ('230103', '150102', '150203', '210102')]
        for corp_p, staff_n, sal in [(c, 4, (3200, 5200)) for c in self.slaughter] + \
                                    [(c, 3, (3000, 5000)) for c in self.timber + self.importers] + \
                                    [(c, 3, (2800, 4500)) for c in self.hotels]:
            emp = dict(acct=corp_p.accts[0], staff=[], salary=sal, payday=self.ch([10, 15, 20]),
                       region=corp_p.home, arch=corp_p.arch)
            self.employers.append(emp)
            cands = [q for q in self.by_arch.get('homemaker', []) + self.by_arch.get('unemployed', [])
                     if q.home == corp_p.home]
            for q in self.r.sample(cands, min(len(cands), staff_n)):
                self.hire(emp, q)
        for emp in self.employers:
            tot = sum(x[2] for x in emp['staff'])
            a = self.accts[emp['acct']]
            a.bal += int(tot * self.ru(2.5, 5) * 100) + 5000000

    def flow_payroll(self):
        for emp in self.employers:
            if not emp['staff']:
                continue
            d = self.day_of(emp['payday'])
            if d is None:
                continue
            t = d * DAY + self.tod('batch')
            for p, aid, sal in emp['staff']:
                t += self.ri(1, 25)
                amt = int(sal * self.ru(.92, 1.12) * 100)
                self.pay(t, emp['acct'], aid, amt, 'other', emp['region'], self.ch(['代发工资', '工资', '工资']))
            # revenue and suppliers around the month
            tot = sum(x[2] for x in emp['staff'])
            for _ in range(self.ri(2, 6)):
                src = self.ch(self.wholesale_ext + self.builders_ext)
                if emp['arch'] in ('gov_payroll', 'hospital', 'university'):
                    src = self.ch(self.finance).accts[0]
                self.pay(self.at(self.ru(0, 29.5), 'biz'), src, emp['acct'],
                         int(tot * self.ru(.3, .6) * 100), 'online', emp['region'], self.ch(['货款', '拨款', '结算款']))
            for _ in range(self.ri(1, 4)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), emp['acct'], self.ch(self.wholesale_ext + [self.tax]),
                         int(tot * self.ru(.05, .3) * 100), 'online', emp['region'],
                         self.ch(['货款', '税款', '材料款']))

    def flow_pension(self):
        d = self.day_of(15)
        ssc = self.ssc
        for p in self.by_arch.get('retiree', []):
            if p.no_life:
                continue
            own = [aid for aid in p.accts if not self.accts[aid].dorm]
            if not own:
                continue
            aid = own[0]
            bank = self.accts[aid].bank
            src = [x for x in ssc.accts if self.accts[x].bank == bank]
            src = src[0] if src else ssc.accts[0]
            amt = int(self.logn(3600, .25) * 100) + self.ri(0, 99)
            self.pay(d * DAY + self.tod('batch') if d is not None else DAY * 9 + 9 * HOUR, src, aid, amt, 'other',
                     HLB['hailar'], '养老金')
        # minimum living allowance / old-age allowance
        d2 = self.day_of(20) or 5
        poor = self.r.sample(self.locals, min(90, len(self.locals)))
        for p in poor:
            aid = self.main_acct(p)
            if aid:
                self.pay(d2 * DAY + self.tod('batch'), self.civil.accts[0], aid, self.ri(300, 950) * 100, 'other',
                         HLB['hailar'], self.ch(['低保金', '高龄津贴']))

    # ------------------------------------------------------------------ livestock, dairy
    def flow_livestock(self):
        sf = self.cfg['livestock']
        season = self.variant
        herders = [p for p in self.by_arch.get('herder', []) if not p.no_life]
        dealers = self.by_arch.get('livestock_dealer', [])
        truckers = self.by_arch.get('trucker', [])
        buyers = [self.ext_corp('meat_buyer_ext', prov=self.wch(BUYER_SRC)) for _ in range(26)]
        for s in self.slaughter:
            a = s.accts[0]
            for _ in range(self.pois(16 * sf)):
                self.pay(self.at(self.ru(0, 29.6), 'biz'), self.ch(buyers), a,
                         self.fen_money(self.logn(180000, .7), self.ch(['exact', 'round', 'yuan'])), 'online',
                         None, self.ch(['货款', '羊肉款', '牛肉款', '冻品款']))
        for d in dealers:
            for aid in d.accts:
                self.inject(aid, self.logn(250000, .5) * 100)
            near = [h for h in herders if h.home == d.home] or herders
            rounds = self.pois(4 * sf) + 1
            for _ in range(rounds):
                day = self.ru(0, 27.5)
                k = self.ri(3, 11)
                total = 0
                cash_round = self.r.random() < .2
                prepaid = not cash_round and self.r.random() < .4
                base_t = int(day) * DAY + self.ri(7 * HOUR, 10 * HOUR)
                if cash_round:
                    amt = self.ri(3, 15) * 1000000
                    self.pay(int(day) * DAY + self.ri(6 * HOUR, 9 * HOUR), self.main_acct(d), None, amt, 'counter',
                             d.home, '', 'withdrawal')
                    total += amt
                for h in self.r.sample(near, min(k, len(near))):
                    if self.r.random() < .72:
                        heads = self.ri(8, 70)
                        price = (self.ri(600, 950) if season == 'V3' else self.ri(950, 1500))
                        memo = self.ch(['羊款', '卖羊', '', '羊钱'])
                    else:
                        heads = self.ri(1, 6)
                        price = self.ri(70, 150) * 100
                        memo = self.ch(['牛款', '卖牛', ''])
                    amt = heads * price * 100
                    total += amt
                    t = int(day) * DAY + self.tod('early') if not prepaid else base_t + self.ri(5 * MIN, 90 * MIN)
                    src = self.biz_acct(d, t)
                    if src is None:
                        continue
                    dst = self.main_acct(h, t)
                    if cash_round and self.r.random() < .6:
                        if dst:
                            self.pay(t + self.ri(2, 48) * HOUR, None, dst, int(amt * self.ru(.5, 1)) // 10000 * 10000,
                                     'counter', h.home, '', 'deposit')
                        continue
                    if dst:
                        self.pay(t, src, dst, amt, self.ch(['mobile', 'mobile', 'counter']), h.home, memo)
                # sale to slaughterhouse or buyer from another province, 0-3 days later
                buyer = self.ch(self.slaughter).accts[0] if self.r.random() < .5 else self.ch(buyers)
                sale = int(total * self.ru(1.04, 1.16))
                parts = self.ri(1, 3) if not prepaid else 1
                for i in range(parts):
                    t = self.at(day + self.ru(.2, 3), 'biz') if not prepaid else base_t - self.ri(10 * MIN, 2 * HOUR)
                    self.pay(t, buyer, d.accts[0], sale // parts, 'online', None, self.ch(['货款', '羊款', '']))
                if truckers:
                    tr = self.ch(truckers)
                    tt = self.at(day + self.ru(.5, 3), 'day')
                    self.pay(tt, d.accts[0], self.main_acct(tr) or tr.accts[0], self.ri(15, 80) * 10000, 'mobile',
                             None, '运费')
        # herders: direct sales to slaughterhouses, feed, hay crews, fuel; cash at township counters
        for h in herders:
            if self.r.random() < .12 * sf:
                t = self.at(self.ru(0, 29), 'biz')
                self.pay(t, self.ch(self.slaughter).accts[0], self.main_acct(h, t) or h.accts[0],
                         self.ri(10, 60) * self.ri(900, 1400) * 100, 'online', None, '羊款')
            if self.variant == 'V2' and self.r.random() < .55:
                seller = self.ch(self.by_arch.get('self_employed', []) or herders)
                t = self.at(self.ru(0, 29), 'day')
                src = self.main_acct(h, t)
                dst = self.main_acct(seller, t)
                if src and dst:
                    self.pay(t, src, dst, self.ri(30, 300) * 10000, 'mobile', h.home,
                             self.ch(['草料款', '饲料款', '煤款', '买草']))
            if self.variant == 'V3' and self.r.random() < .35:
                crew = self.ch(self.by_arch.get('self_employed', []) + self.by_arch.get('unemployed', []))
                t = self.at(self.ru(14, 29), 'day')
                src = self.main_acct(h, t)
                dst = self.main_acct(crew, t)
                if src and dst:
                    self.pay(t, src, dst, self.ri(5, 30) * 100000, 'mobile', h.home, self.ch(['打草费', '工钱', '']))
            if self.r.random() < .5:
                t = self.at(self.ru(0, 29), 'biz')
                src = self.main_acct(h, t)
                if src:
                    self.pay(t, src, None, self.ri(2, 20) * 100000, 'counter', h.home, '', 'withdrawal')

    def flow_dairy(self):
        winter = self.variant == 'V2'
        stations = self.by_arch.get('milk_station', [])
        farmers = [p for p in self.by_arch.get('dairy_farmer', []) if not p.no_life]
        companies = [self.ext_corp('dairy_co_ext', region=x) for x in ('150105', '150105', '150102')]
        if not stations:
            return
        assign = dict((id(s), []) for s in stations)
        for f in farmers:
            near = [s for s in stations if s.home == f.home] or stations
            assign[id(self.ch(near))].append(f)
        for s in stations:
            fs = assign[id(s)]
            if not fs:
                continue
            price = self.ri(310, 385) / 100.0
            lines = []
            for f in fs:
                cows = self.ri(3, 40)
                kg = int(cows * self.ru(15, 26) * 30 * (.75 if winter else 1.0))
                lines.append((f, int(round(kg * price * 100))))
            tot = sum(x[1] for x in lines)
            d = self.day_of(self.ch([8, 10, 12])) or 3
            t0 = d * DAY + self.ri(9 * HOUR, 15 * HOUR)
            self.pay(t0, self.ch(companies), s.accts[0], int(tot * self.ru(1.05, 1.1)), 'online', None, '奶款')
            t = t0 + self.ri(20 * MIN, 3 * HOUR) if self.r.random() < .5 else (d + self.ri(1, 2)) * DAY + self.tod('early')
            for f, amt in lines:
                t += self.ri(20, 400)
                dst = self.main_acct(f, t)
                if dst:
                    self.pay(t, s.accts[0], dst, amt, 'mobile', s.home, self.ch(['奶款', '鲜奶款', '']))
            # feed supplier and transport
            for _ in range(self.ri(1, 3)):
                self.pay(self.at(self.ru(0, 29), 'day'), s.accts[0], self.ch(self.wholesale_ext),
                         self.ri(8, 60) * 100000, 'mobile', s.home, self.ch(['饲料款', '运费']))

    # ------------------------------------------------------------------ Manzhouli trade and timber
    def flow_border(self):
        shops = self.by_arch.get('russian_goods_shop', [])
        for s in shops:
            for _ in range(self.pois(4)):
                t = self.at(self.ru(0, 29.5), 'day')
                src = self.biz_acct(s, t)
                if src:
                    self.pay(t, src, self.ch(self.importers).accts[0], self.fen_money(self.logn(12000, .7), 'yuan'),
                             'mobile', HLB['manzhouli'], self.ch(['货款', '进货', '']))
            if self.r.random() < .4:
                t = self.at(self.ru(0, 29.5), 'day')
                src = self.biz_acct(s, t)
                if src:
                    self.pay(t, None, src, self.ri(5, 80) * 10000, 'counter', HLB['manzhouli'], '', 'deposit')
        for w in self.importers:
            a = w.accts[0]
            for _ in range(self.pois(12)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), self.ext_corp('goods_buyer_ext', prov=self.wch(WOOD_SRC)),
                         a, self.fen_money(self.logn(90000, .8)), 'online', None, self.ch(['货款', '']))
            for _ in range(self.pois(4)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), a, self.ch(self.ru_suppliers),
                         self.fen_money(self.logn(350000, .6), 'round'), 'online', HLB['manzhouli'],
                         self.ch(['进口货款', '预付货款', '合同款']), xb=True)
            self.pay(self.at(self.ru(0, 29.5), 'biz'), a, self.ch(self.rail), self.fen_money(self.logn(30000, .5)),
                     'online', HLB['manzhouli'], '运费')
        for v in self.veg_export:
            a = v.accts[0]
            for _ in range(self.pois(5)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), self.ch(self.ru_buyers), a,
                         self.fen_money(self.logn(150000, .6), 'round'), 'online', HLB['manzhouli'], '出口货款', xb=True)
            for _ in range(self.pois(5)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), a, self.ext_corp('veg_grower_ext', prov='SD'),
                         self.fen_money(self.logn(110000, .6)), 'online', HLB['manzhouli'], '菜款')
        for b in self.by_arch.get('border_trader', []):
            for _ in range(self.pois(3)):
                t = self.at(self.ru(0, 29.5), 'biz')
                dst = self.main_acct(b, t)
                if dst:
                    self.pay(t, self.ch(self.ru_buyers), dst, self.fen_money(self.logn(15000, .7), 'yuan'), 'online',
                             HLB['manzhouli'], '互市贸易', xb=True)
            for _ in range(self.pois(4)):
                t = self.at(self.ru(0, 29.5), self.ch(['day', 'night']))
                src = self.main_acct(b, t)
                if src:
                    amt = self.ri(2, 20) * 100000
                    self.pay(t, src, None, amt, 'atm' if amt <= 500000 else 'counter', HLB['manzhouli'], '',
                             'withdrawal')
        # timber: buyers across provinces, Russian suppliers across the border, loading crews
        tf = 1.3 if self.variant == 'V2' else 1.0
        buyers = [self.ext_corp('timber_buyer_ext', prov=self.wch(WOOD_SRC)) for _ in range(30)]
        for w in self.timber:
            a = w.accts[0]
            for _ in range(self.pois(9 * tf)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), self.ch(buyers), a,
                         self.fen_money(self.logn(400000, .8), self.ch(['exact', 'round'])), 'online', None,
                         self.ch(['木材款', '货款', '板材款']))
            for _ in range(self.pois(3 * tf)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), a, self.ch(self.ru_suppliers),
                         self.fen_money(self.logn(900000, .6), 'round'), 'online', w.home,
                         self.ch(['进口木材款', '预付款']), xb=True)
            for _ in range(self.pois(2)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), a, self.ch(self.rail), self.fen_money(self.logn(60000, .5)),
                         'online', w.home, '铁路运费')
            fm = self.by_arch.get('foreman', [])
            if fm and self.r.random() < .5:
                f = self.ch(fm)
                self.pay(self.at(self.ru(0, 29.5), 'biz'), a, f.accts[0], self.ri(3, 12) * 1000000, 'online', w.home,
                         '装卸费')

    # ------------------------------------------------------------------ tourism
    def flow_tourism(self):
        tf = self.cfg['tour']
        camps = self.camps if self.variant != 'V2' else self.camps[:3]
        drivers = self.by_arch.get('driver_guide', [])
        homestays = self.by_arch.get('homestay', [])
        agencies = [self.ext_corp('travel_agency_ext', prov=self.wch(TOURIST_SRC)) for _ in range(12)]
        lodging = {}
        for c in camps + self.hotels:
            lodging.setdefault(c.home, []).append(c.accts[0])
        for h in homestays:
            lodging.setdefault(h.home, []).append(h)
        drv_by = {}
        for d in drivers:
            drv_by.setdefault(d.home, []).append(d)
        scenic_by = {}
        for s in self.scenic:
            scenic_by.setdefault(s.home, []).append(s.accts[0])
        places = [HLB[x] for x in ('chenbarag', 'manzhouli', 'ergun', 'genhe', 'ewenki', 'xinyou', 'ergun')]
        if self.variant == 'V2':
            places = [HLB[x] for x in ('manzhouli', 'manzhouli', 'genhe', 'hailar', 'ergun')]
        self.tourists = []
        made = 0
        while made < self.cfg['tourists']:
            gs = self.wch({1: 25, 2: 40, 3: 20, 4: 10, 5: 5})
            prov = self.wch(TOURIST_SRC)
            oreg = self.prov_region(prov)
            members = [self.ext_person('tourist', oreg, age=self.ri(18, 70)) for _ in range(gs)]
            self.tourists.extend(members)
            made += gs
            arrive = self.ru(-2, 28)
            stay = self.ri(2, 6)
            route = [HLB['hailar']] + [self.ch(places) for _ in range(stay)]
            drv = None
            if self.r.random() < .6:
                cand = drv_by.get(HLB['hailar'], []) + drv_by.get(HLB['manzhouli'], []) + drv_by.get(HLB['ergun'], [])
                drv = self.ch(cand) if cand else None
            for i in range(stay):
                day = arrive + i
                if day < 0 or day >= NDAYS - .1:
                    continue
                place = route[i]
                # lodging
                lod = lodging.get(place) or lodging.get(HLB['hailar'])
                if lod:
                    x = self.ch(lod)
                    payer = self.ch(members).accts[0]
                    t = self.at(day, 'day')
                    nights = self.ri(260, 1800) * 100 * max(1, gs // 2)
                    if isinstance(x, Person):
                        dst = self.biz_acct(x, t)
                        if dst:
                            self.pay(t, payer, dst, nights, 'mobile', place, self.ch(['住宿', '房费', '']))
                    else:
                        self.pay(t, payer, x, nights, self.ch(['mobile', 'pos']), place, '')
                # meals and shops
                for _ in range(self.ri(1, 3)):
                    t = self.at(day, 'evening')
                    self.pay(t, self.ch(members).accts[0], self.merchant(place), self.spend_amt(90) * max(1, gs // 2),
                             self.ch(['mobile', 'mobile', 'pos']), place, '')
                if place == HLB['manzhouli']:
                    for m in members:
                        for _ in range(self.ri(0, 3)):
                            sh = self.merch_shop.get(HLB['manzhouli'])
                            if sh:
                                self.pay(self.at(day, 'day'), m.accts[0], self.ch(sh),
                                         self.fen_money(self.logn(260, .9), self.ch(['yuan', 'exact'])), 'mobile', place,
                                         '')
                if place in scenic_by and self.r.random() < .6:
                    t = self.at(day, 'biz')
                    for m in members:
                        t += self.ri(5, 40)
                        self.pay(t, m.accts[0], self.ch(scenic_by[place]), self.ch([60, 80, 100, 120, 150, 180, 220, 280]) * 100,
                                 'mobile', place, '门票')
                # the driver is paid by each member separately (AA), often late in the evening
                if drv is not None and (i == stay - 1 or self.r.random() < .3):
                    t = self.at(day, 'evening')
                    dst = self.biz_acct(drv, t)
                    share = self.ri(3, 12) * 10000 * (1 + (i if i == stay - 1 else 0))
                    if dst:
                        for m in members:
                            t += self.ri(3, 90)
                            self.pay(t, m.accts[0], dst, share + self.ch([0, 0, 5000]), 'mobile', place,
                                     self.ch(['包车费', '车费', '']))
        # agencies and OTA settlements
        for c in camps + self.hotels:
            for _ in range(self.pois(3 * tf)):
                self.pay(self.at(self.ru(0, 29.5), 'biz'), self.ch(agencies), c.accts[0],
                         self.fen_money(self.logn(60000, .8)), 'online', None, self.ch(['团款', '房费', '']))
        for h in homestays:
            for w in range(4):
                if self.r.random() < .7 * tf + .1:
                    t = self.at(w * 7 + self.ru(0, 2), 'batch')
                    dst = self.biz_acct(h, t)
                    if dst:
                        self.pay(t, self.ch(self.ota), dst, self.fen_money(self.logn(2500, .8) * (tf + .2)), 'other',
                                 None, '结算款')
        # camps buy sheep from herders and pay seasonal staff (twice a month)
        herders = self.by_arch.get('herder', [])
        for c in camps:
            for _ in range(self.pois(3 * tf)):
                h = self.ch(herders)
                t = self.at(self.ru(0, 29), 'day')
                dst = self.main_acct(h, t)
                if dst:
                    self.pay(t, c.accts[0], dst, self.ri(3, 20) * self.ri(900, 1400) * 100, 'mobile', c.home, '羊款')
        staff = self.seasonal + self.r.sample(self.by_arch.get('unemployed', []),
                                              min(20, len(self.by_arch.get('unemployed', []))))
        for s in staff:
            if self.variant == 'V2' and s in self.seasonal:
                continue
            c = self.ch(camps + self.hotels)
            for dom in (1, 16):
                d = self.day_of(dom)
                if d is None:
                    continue
                t = d * DAY + self.tod('biz')
                dst = self.biz_acct(s, t)
                if dst:
                    self.pay(t, c.accts[0], dst, self.fen_money(self.ru(1500, 3200), 'yuan'), 'mobile', c.home,
                             self.ch(['工资', '工钱']))
            # tips and small payments from tourists for seasonal workers with new accounts
            if s in self.seasonal and self.tourists:
                for _ in range(self.pois(8 * tf)):
                    t = self.at(self.ru(0, 29.5), 'evening')
                    dst = self.biz_acct(s, t)
                    if dst:
                        self.pay(t, self.ch(self.tourists).accts[0], dst, self.ch([20, 50, 50, 100, 100, 200, 300]) * 100,
                                 'mobile', s.home, self.ch(['', '骑马', '拍照', '小费']))

    # ------------------------------------------------------------------ berries, mushrooms, wild vegetables
    def flow_berries(self):
        bf = self.cfg['berry']
        buyers = self.by_arch.get('berry_buyer', [])
        pickers = [p for p in self.by_arch.get('picker', []) if not p.no_life]
        if not buyers:
            return
        extra = [p for p in self.by_arch.get('forestry_worker', []) + self.by_arch.get('retiree', [])
                 if p.home in (HLB['genhe'], HLB['ergun'], HLB['yakeshi'], HLB['oroqen'])]
        pickers = pickers + self.r.sample(extra, min(len(extra), int(len(extra) * .3 * bf)))
        processors = [self.ext_corp('processor_ext', prov=self.wch({'HL': 30, 'ZJ': 20, 'BJ': 15, 'GD': 15,
                                                                    'SD': 10, 'JS': 10})) for _ in range(10)]
        if self.variant == 'V3':
            product, price, memo = 'berry', (16, 32), ['蓝莓', '都柿', '蘑菇', '']
        elif self.variant == 'V2':
            product, price, memo = 'nut', (20, 40), ['松子', '']
        else:
            product, price, memo = 'veg', (4, 10), ['蕨菜', '柳蒿芽', '黄花菜', '']
        totals = dict((id(b), 0) for b in buyers)
        for p in pickers:
            near = [b for b in buyers if b.home == p.home] or buyers
            b = self.ch(near)
            for _ in range(self.pois(6 * bf)):
                day = self.ru(0 if product != 'berry' else 8, 29.5)
                t = self.at(day, 'collect')
                kg = self.ru(4, 40)
                amt = int(round(kg * self.ru(*price) * 10)) * 10
                totals[id(b)] += amt
                src = self.biz_acct(b, t)
                dst = self.main_acct(p, t)
                if src and dst and self.r.random() < .7:
                    self.pay(t, src, dst, amt, 'mobile', p.home, self.ch(memo))
        for b in buyers:
            tot = totals[id(b)]
            if tot <= 0:
                continue
            for aid in b.accts:
                self.inject(aid, tot * .5)
            for _ in range(self.ri(2, 3)):
                t = self.at(self.ru(0, 29), 'biz')
                src = self.biz_acct(b, t)
                if src:
                    self.pay(t, src, None, self.ri(2, 5) * 1000000, 'counter', b.home, '', 'withdrawal')
            n = self.ri(2, 6)
            for i in range(n):
                t = self.at(self.ru(2, 29.5), 'biz')
                self.pay(t, self.ch(processors), b.accts[0], int(tot * self.ru(1.15, 1.45) / n), 'online', None,
                         '货款')

    # ------------------------------------------------------------------ construction
    def flow_construction(self):
        cf = self.cfg['build']
        fm = self.by_arch.get('foreman', [])
        workers = [p for p in self.by_arch.get('construction_worker', []) if not p.no_life]
        if not fm:
            return
        crews = dict((id(f), []) for f in fm)
        direct = []
        for w in workers:
            if self.r.random() < .2:
                direct.append(w)
                continue
            near = [f for f in fm if f.home == w.home] or fm
            crews[id(self.ch(near))].append(w)
        yearend = self.variant == 'V2'
        for f in fm:
            crew = crews[id(f)]
            comp = self.ch(self.builders).accts[0] if self.r.random() < .7 else self.ch(self.builders_ext)
            for k in range(self.ri(1, 3) if yearend else self.ri(1, 2)):
                day = self.ru(0, 27)
                t = self.at(day, 'biz')
                wages = [(w, int((self.ri(100, 400) if yearend else self.ri(30, 95)) * cf) * 10000) for w in crew]
                tot = sum(x[1] for x in wages)
                self.pay(t, comp, f.accts[0], int(tot * self.ru(1.03, 1.15)) // 10000 * 10000 + 1000000, 'online',
                         None, self.ch(['工程款', '进度款', '劳务费', '人工费']))
                t2 = t + self.ri(10 * MIN, 90 * MIN)
                for w, amt in wages:
                    t2 += self.ri(20, 240)
                    dst = self.main_acct(w, t2)
                    if dst:
                        self.pay(t2, f.accts[0], dst, amt, 'mobile', f.home, self.ch(['工资', '工钱', '']))
                self.pay(t2 + HOUR, f.accts[0], None, self.ri(1, 5) * 1000000, 'counter', f.home, '', 'withdrawal')
        # wage special accounts pay workers directly (农民工工资专户)
        d = self.day_of(self.ch([15, 20, 25])) or 10
        for w in direct:
            t = d * DAY + self.tod('batch')
            dst = self.main_acct(w, t)
            if dst:
                self.pay(t, self.builders[0].accts[0], dst, int(self.ru(4000, 9000) * (3 if yearend else 1) * 100),
                         'other', HLB['hailar'], '农民工工资')
        # remittances home
        for w in workers:
            home_rel = [q for q in w.contacts if q.ext]
            if not home_rel and self.r.random() < .5 and self.relatives:
                q = self.ch(self.relatives)
                w.contacts.append(q)
                home_rel = [q]
            if not home_rel:
                q = self.ext_person('relative', self.prov_region(self.wch({'HL': 35, 'JL': 20, 'HE': 15, 'SD': 10,
                                                                            'HA': 10})))
                w.contacts.append(q)
                home_rel = [q]
            for _ in range(self.ri(0, 2) + (1 if yearend else 0)):
                t = self.at(self.ru(3, 29.5), 'evening')
                src = self.main_acct(w, t)
                if src:
                    self.pay(t, src, self.ch(home_rel).accts[0], self.ri(10, 80) * 10000 * (2 if yearend else 1),
                             'mobile', w.home, self.ch(['', '生活费', '家用']))

    # ------------------------------------------------------------------ students
    def flow_students(self):
        away = self.cfg['students_away']
        students = [p for p in self.by_arch.get('student', []) if not p.no_life]
        for s in students:
            if away and s.away and self.r.random() < .8:
                s.home = s.away   # summer vacation: spending happens at home
            parent = self.ext_person('parent', s.away if s.away[:4] != '1507' else self.ch(HLB_CODES),
                                     age=self.ri(42, 58), nacc=self.ri(1, 2)) \
                if (s.away and s.away[:4] != '1507') else None
            if parent is None:
                cands = [q for q in self.locals if 40 <= q.age <= 60 and q.arch not in ('student',)]
                parent = self.ch(cands)
            s.contacts.append(parent)
            n = self.ri(1, 3) if not away else self.ri(0, 2)
            for _ in range(n):
                t = self.at(self.ru(0, 29.5), 'evening')
                dst = self.main_acct(s, t)
                src = self.main_acct(parent, t) if not parent.ext else parent.accts[0]
                if dst and src:
                    self.pay(t, src, dst, self.ch([500, 800, 1000, 1000, 1200, 1500, 2000, 2000, 2500]) * 100, 'mobile',
                             parent.home, self.ch(['生活费', '', '生活费']))
            if not away:
                for _ in range(self.pois(18)):
                    t = self.at(self.ru(0, 29.6), self.ch(['day', 'day', 'night']))
                    src = self.main_acct(s, t)
                    if src:
                        self.pay(t, src, self.ch(self.canteens), self.ri(600, 2500), 'pos', HLB['hailar'], '')
            # games / top-ups late at night
            for _ in range(self.pois(2)):
                t = self.at(self.ru(0, 29.6), 'night')
                src = self.main_acct(s, t)
                if src:
                    self.pay(t, src, self.ch(self.online), self.ch([6, 30, 68, 98, 128, 198, 328, 648]) * 100, 'mobile',
                             s.home, '')
        # class-fee collectors and AA among classmates (many payers in one evening)
        if not away and students:
            for _ in range(max(4, len(students) // 25)):
                mon = self.ch(students)
                day = self.ru(0, 28)
                t = self.at(day, 'evening')
                fee = self.ch([20, 30, 50, 50, 80, 100, 120, 150, 200]) * 100
                dst = self.main_acct(mon, t)
                if not dst:
                    continue
                for c in self.r.sample(students, min(len(students), self.ri(18, 42))):
                    if c is mon:
                        continue
                    src = self.main_acct(c, t)
                    if src:
                        self.pay(t + self.ri(30, 10 * HOUR), src, dst, fee, 'mobile', HLB['hailar'],
                                 self.ch(['班费', '资料费', '聚餐', '']))
                self.pay(t + self.ri(12 * HOUR, 40 * HOUR), dst, self.merchant(HLB['hailar'], 'local'),
                         fee * self.ri(15, 38), 'mobile', HLB['hailar'], self.ch(['', '班服', '印刷']))

    # ------------------------------------------------------------------ landlords, shops, taxis, group leaders
    def flow_landlords(self):
        tenants_pool = [p for p in self.locals if p.arch in ('construction_worker', 'teacher', 'medic', 'student',
                                                             'civil_servant', 'taxi_driver', 'shop_owner',
                                                             'unemployed', 'driver_guide', 'homemaker')]
        for l in self.by_arch.get('landlord', []):
            k = self.wch({1: 30, 2: 25, 3: 15, 5: 12, 8: 10, 12: 8})
            near = [p for p in tenants_pool if p.home == l.home] or tenants_pool
            dom = self.ch([1, 1, 5, 10, 15])
            for tnt in self.r.sample(near, min(k, len(near))):
                d = self.day_of(dom, False)
                if d is None:
                    continue
                t = self.at(d + self.ru(0, 3), 'evening')
                src = self.main_acct(tnt, t)
                dst = self.main_acct(l, t)
                rent = self.ri(6, 25) * 10000 * (3 if self.r.random() < .12 else 1)
                if src and dst:
                    self.pay(t, src, dst, rent, 'mobile', l.home, self.ch(['房租', '房租', '租金', '']))
            if len(l.accts) > 1 and self.r.random() < .6:
                t = self.at(self.ru(5, 29), 'day')
                self.pay(t, l.accts[0], l.accts[1], self.ri(5, 50) * 100000, 'mobile', l.home, '')

    def flow_shops(self):
        shopkeepers = self.by_arch.get('shop_owner', []) + self.by_arch.get('restaurant_night', [])
        for s in shopkeepers:
            for _ in range(self.ri(2, 8)):
                t = self.at(self.ru(0, 29.5), 'day')
                src = self.biz_acct(s, t)
                if src:
                    self.pay(t, src, self.ch(self.wholesale_ext), self.fen_money(self.logn(8000, .8)), 'mobile', s.home,
                             self.ch(['货款', '进货', '']))
            for _ in range(self.ri(0, 4)):
                t = self.at(self.ru(0, 29.5), 'biz')
                dst = self.biz_acct(s, t)
                if dst:
                    self.pay(t, None, dst, self.ri(5, 100) * 10000, self.ch(['counter', 'atm']), s.home, '', 'deposit')
            if self.r.random() < .2:
                # aggregator-settled shop: daily settlement from the acquirer
                acq = self.ch(self.acquirer)
                for d in range(NDAYS):
                    if self.r.random() < .8:
                        t = d * DAY + self.ri(1 * HOUR, 6 * HOUR)
                        dst = self.biz_acct(s, t)
                        if dst:
                            self.pay(t, acq, dst, self.fen_money(self.logn(900, .7)), 'other', None, '商户结算')
        for d in self.by_arch.get('taxi_driver', []):
            for _ in range(self.pois(35)):
                p = self.ch(self.locals)
                t = self.at(self.ru(0, 29.6), 'night')
                src = self.main_acct(p, t)
                dst = self.main_acct(d, t)
                if src and dst:
                    self.pay(t, src, dst, self.ri(8, 60) * 100, 'mobile', d.home, '')
            for w in range(4):
                t = self.at(w * 7 + 1, 'batch')
                dst = self.main_acct(d, t)
                if dst and self.r.random() < .6:
                    self.pay(t, self.didi, dst, self.fen_money(self.logn(1600, .5)), 'other', None, '司机提现')
        for g in self.by_arch.get('group_leader', []):
            near = [p for p in self.locals if p.home == g.home] or self.locals
            for _ in range(self.ri(5, 10)):
                day = self.ru(0, 29)
                t = self.at(day, 'day')
                dst = self.main_acct(g, t)
                if not dst:
                    continue
                tot = 0
                for c in self.r.sample(near, min(len(near), self.ri(8, 35))):
                    src = self.main_acct(c, t)
                    if src and c is not g:
                        amt = self.fen_money(self.logn(45, .7))
                        tot += amt
                        self.pay(t + self.ri(60, 5 * HOUR), src, dst, amt, 'mobile', g.home,
                                 self.ch(['团购', '水果', '', '菜钱']))
                self.pay(t + self.ri(6 * HOUR, 9 * HOUR), dst, self.ch(self.gbuy), int(tot * .9), 'mobile', g.home,
                         '货款')

    # ------------------------------------------------------------------ life events
    def flow_oneoffs(self):
        cf = self.cfg
        rich = [p for p in self.locals if p.arch in ('livestock_dealer', 'herder', 'civil_servant', 'power_worker',
                                                     'miner', 'teacher', 'medic', 'landlord', 'self_employed',
                                                     'foreman', 'border_trader', 'russian_goods_shop')
                and not p.no_life]
        # cars
        for _ in range(self.ri(12, 24)):
            p = self.ch(rich)
            day = self.ru(0, 26)
            dealer = self.ch(self.car_dealers)
            src = self.main_acct(p, day * DAY)
            if not src:
                continue
            price = self.ri(60, 280) * 100000
            if not self.inject(src, price):
                continue
            self.pay(self.at(day, 'biz'), src, dealer, self.ri(5, 20) * 100000, 'pos', None, '定金')
            self.pay(self.at(day + self.ru(1, 6), 'biz'), src, dealer, price, self.ch(['counter', 'online']), None,
                     '购车款')
        # weddings: bride price gathered from relatives, paid in round sums; gifts from many guests
        for _ in range(cf['wedding']):
            g = self.ch(rich + self.by_arch.get('retiree', []))
            day = self.ru(1, 27)
            t = self.at(day, 'day')
            dst = self.main_acct(g, t)
            if not dst:
                continue
            for rel in self.r.sample(self.locals, self.ri(2, 6)):
                src = self.main_acct(rel, t)
                if src and rel is not g:
                    self.pay(t - self.ri(HOUR, 2 * DAY), src, dst, self.ri(1, 5) * 1000000, 'mobile', None,
                             self.ch(['', '借款', '彩礼']))
            bride = self.ch(self.locals) if self.r.random() < .7 else self.ext_person('relative', self.prov_region('NM'))
            bdst = self.main_acct(bride, t) if not bride.ext else bride.accts[0]
            price = self.ch([66666, 88888, 100000, 128000, 168000, 188888, 200000]) * 100
            self.inject(dst, price // 2)
            if bdst:
                self.pay(t + self.ri(2 * HOUR, 3 * DAY), dst, bdst, price, self.ch(['mobile', 'counter']), None, '彩礼')
            self.gift_fanin(g, day + self.ru(2, 6))
        # banquets (university admissions in summer, 满月, funerals)
        for _ in range(self.ri(4, 8) + (10 if self.variant == 'V3' else 0)):
            self.gift_fanin(self.ch(self.locals), self.ru(0, 29))
        # flat deposits
        for _ in range(self.ri(8, 15)):
            p = self.ch(rich)
            t = self.at(self.ru(0, 28), 'biz')
            src = self.main_acct(p, t)
            if src:
                amt = self.ri(3, 30) * 1000000
                self.inject(src, amt // 2)
                self.pay(t, src, self.ch(self.developers), amt, self.ch(['counter', 'online']), None,
                         self.ch(['首付款', '定金', '购房款']))
        # medical bills in Beijing / Harbin
        for _ in range(self.ri(6, 12)):
            p = self.ch(self.locals)
            t = self.at(self.ru(0, 29), 'day')
            src = self.main_acct(p, t)
            if src:
                self.pay(t, src, self.ch(self.hospitals_ext), self.ri(10, 80) * 100000, 'pos',
                         self.accts[self.hospitals_ext[0]].region, '医疗费')
        # reactivated dormant accounts: land compensation / insurance after years of silence
        dormant = [self.accts[aid] for p in self.locals for aid in p.accts
                   if self.accts[aid].dorm and self.accts[aid].closed_at is None and self.accts[aid].bank in self.supplying]
        for a in self.r.sample(dormant, min(len(dormant), self.ri(8, 14))):
            a.arch = a.owner.arch + '_reactivated'
            p = a.owner
            day = self.ru(0, 25)
            t = self.at(day, 'biz')
            src = self.land_comp.accts[0] if self.r.random() < .6 else self.ch(self.insurers)
            amt = self.ri(5, 60) * 1000000
            self.pay(t, src, a.id, amt, 'other', None, self.ch(['征地补偿款', '保险理赔', '拆迁补偿']))
            for i in range(self.ri(2, 5)):
                tt = t + self.ri(2 * HOUR, 4 * DAY)
                x = self.r.random()
                if x < .5 and p.contacts:
                    q = self.ch(p.contacts)
                    qa = q.accts[0]
                    self.pay(tt, a.id, qa, amt // self.ri(3, 6) // 10000 * 10000, 'mobile', p.home, '')
                elif x < .75:
                    self.pay(tt, a.id, None, self.ri(1, 5) * 1000000, 'counter', p.home, '', 'withdrawal')
                elif len(p.accts) > 1:
                    self.pay(tt, a.id, p.accts[0], amt // 3 // 10000 * 10000, 'mobile', p.home, '')
        # judicial freezes on a few lawful accounts (debt disputes)
        cands = [self.accts[aid] for p in self.locals for aid in p.accts[:1] if self.accts[aid].bank in self.supplying]
        for a in self.r.sample(cands, min(len(cands), 9)):
            a.frozen_at = int(self.ru(-200, 25) * DAY)
        # microloans (借呗 / 微粒贷): a new inflow then instalments
        young = [p for p in self.locals if p.age < 45 and not p.no_life]
        for p in self.r.sample(young, min(len(young), len(young) // 10)):
            t = self.at(self.ru(0, 26), 'night')
            dst = self.main_acct(p, t)
            if not dst:
                continue
            lp = self.ch(self.loan_plat)
            amt = self.ri(2, 30) * 100000
            self.pay(t, lp, dst, amt, 'other', None, '借款')
            self.pay(t + self.ri(3, 25) * DAY, dst, lp, int(amt / self.ch([3, 6, 12]) * 1.01), 'other', None, '还款')
        # subsidies
        sub = self.cfg['subsidy']
        d = self.day_of(self.ch([18, 20, 22, 25])) or 8
        if sub == 'grass':
            recips, memo, rng = self.by_arch.get('herder', []), '草原生态保护补助奖励', (1500, 40000)
        elif sub == 'farm':
            recips, memo, rng = (self.by_arch.get('farm_worker', []) + self.by_arch.get('dairy_farmer', []),
                                 '耕地地力保护补贴', (300, 6000))
        else:
            recips, memo, rng = self.by_arch.get('forestry_worker', [])[:150], '森林生态效益补偿', (200, 1500)
        for p in recips:
            if p.no_life:
                continue
            fin = [f for f in self.finance if f.home == p.home] or self.finance
            own = [aid for aid in p.accts if self.accts[aid].bank == 'IMRCB' and not self.accts[aid].dorm]
            dst = own[0] if own else self.main_acct(p)
            if dst:
                self.pay(d * DAY + self.tod('batch'), self.ch(fin).accts[0], dst, self.ri(*rng) * 100, 'other', None,
                         memo)
        # snowbird retirees (winter in Sanya / Haikou): spending and ATM withdrawals far from home
        if self.cfg['snowbird']:
            for p in self.by_arch.get('retiree', []):
                if self.r.random() < .13 and not p.no_life:
                    p.away = self.ch(['460202', '460203', '460106'])
                    p.home = p.away
                    t = self.at(self.ru(0, 8), 'day')
                    src = self.main_acct(p, t)
                    if src:
                        self.pay(t, src, self.region_merch(p.away), self.ri(60, 160) * 10000, 'mobile', p.away,
                                 self.ch(['房租', '租房']))

    def gift_fanin(self, host, day):
        t = self.at(day, 'day')
        dst = self.main_acct(host, t)
        if not dst:
            return
        pool = host.contacts + self.r.sample(self.locals, self.ri(15, 70))
        for g in pool:
            if g is host:
                continue
            src = self.main_acct(g, t) if not g.ext else g.accts[0]
            if src:
                self.pay(t + self.ri(-3 * HOUR, 10 * HOUR), src, dst,
                         self.ch([200, 200, 300, 500, 500, 600, 800, 1000, 1000, 2000]) * 100, 'mobile', None,
                         self.ch(['礼金', '随礼', '', '贺礼', '份子钱']))

    # ------------------------------------------------------------------ everyday life
    def life(self, p, t_from=0, t_to=END):
        if p.no_life:
            return
        sr, sm, p2p, cash, prof, _ = ARCH.get(p.arch, (.5, 50, .05, 1, 'day', 0))
        sr *= 1.8
        p2p *= 1.3
        days = max(0.0, (t_to - t_from) / DAY)
        if days <= 0:
            return
        reg = p.home
        for _ in range(self.pois(sr * days)):
            t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod(prof)
            src = self.pick_own(p, t)
            if not src:
                continue
            m = self.merchant(reg)
            if m in self.merch_rest.get(reg, ()):
                t = t // DAY * DAY + self.tod('evening')
            self.pay(t, src, m, self.spend_amt(sm), self.ch(['mobile', 'mobile', 'mobile', 'pos', 'online']), reg,
                     self.ch(['', '', '', '消费', '扫码付款']))
        if p.contacts:
            for _ in range(self.pois(p2p * days)):
                t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod(prof)
                src = self.pick_own(p, t)
                q = self.ch(p.contacts)
                dst = self.main_acct(q, t) if not q.ext else q.accts[0]
                if src and dst:
                    self.pay(t, src, dst, self.p2p_amt(), self.ch(['mobile'] * 8 + ['online', 'counter']), reg,
                             self.ch(['', '', '红包', '转账', '还钱', '生活费']))
        for _ in range(self.pois(cash * days / 30.0)):
            t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('day')
            src = self.pick_own(p, t)
            if src:
                big = self.r.random() < .15
                self.pay(t, src, None, (self.ri(5, 30) * 100000 if big else
                                        self.ch([200, 300, 500, 500, 800, 1000, 1000, 2000, 2000, 3000]) * 100),
                         'counter' if big else 'atm', reg, '', 'withdrawal')
        if p.arch != 'student' and self.r.random() < .7 * days / 30:
            t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('day')
            src = self.pick_own(p, t)
            if src:
                if self.r.random() < {'baseline': .08, 'V2': .4, 'V3': .2}[self.variant]:
                    self.pay(t, src, self.utility[1], self.fen_money(self.logn(1800, .5), 'yuan'), 'mobile', reg,
                             '取暖费')
                else:
                    self.pay(t, src, self.utility[0], self.fen_money(self.logn(110, .6)), 'mobile', reg,
                             self.ch(['电费', '水费', '燃气费', '']))
        if self.r.random() < .5 * days / 30:
            t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('day')
            src = self.pick_own(p, t)
            if src:
                self.pay(t, src, self.ch(self.telecom), self.ch([30, 50, 50, 100, 100, 200]) * 100, 'mobile', reg,
                         '话费充值')
        if len(p.accts) >= 2 and self.r.random() < .35:
            for _ in range(self.ri(1, 3)):
                t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('day')
                a1, a2 = self.pick_own(p, t), self.pick_own(p, t)
                if a1 and a2 and a1 != a2:
                    self.pay(t, a1, a2, self.ri(5, 100) * 10000, 'mobile', reg, self.ch(['', '', '还信用卡']))
        if self.r.random() < .04 * days / 30 and p.arch not in ('student',):
            # trip / truck run / hospital visit: cash taken far from home
            far = self.any_region()
            t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('day')
            src = self.pick_own(p, t)
            if src:
                self.pay(t, src, None, self.ch([500, 1000, 2000, 3000]) * 100, 'atm', far, '', 'withdrawal')
        if p.arch == 'trucker':
            for _ in range(self.ri(1, 4)):
                far = self.prov_region(self.wch({'HE': 4, 'SD': 3, 'BJ': 2, 'TJ': 2, 'LN': 2, 'HL': 2}))
                t = t_from + int(self.r.random() * (t_to - t_from)) // DAY * DAY + self.tod('night')
                src = self.pick_own(p, t)
                if src:
                    self.pay(t, src, None, self.ch([1000, 2000, 2000, 3000]) * 100, 'atm', far, '', 'withdrawal')
                    self.pay(t + self.ri(HOUR, 5 * HOUR), src, self.region_merch(far), self.ri(300, 1500) * 100,
                             'pos', far, '加油')

    def light_life(self, p):
        """peripheral account at a supplying bank (tourist, relative, parent, victim elsewhere)"""
        for aid in p.accts:
            a = self.accts[aid]
            if not a.cons or a.dorm or a.role not in ('lawful', 'paofen', 'mule'):
                continue
            if a.role == 'mule' and a.blk is None:
                continue
            blk = a.blk or (END + 1, END + 1)
            reg = a.region
            ts = []
            if self.r.random() < .6:
                ts.append((self.at(self.ri(0, 29), 'batch'), 'salary'))
            for _ in range(self.ri(2, 7)):
                ts.append((self.at(self.ru(0, 29.6), 'day'), 'spend'))
            if self.r.random() < .5:
                ts.append((self.at(self.ru(0, 29.6), 'day'), 'cash'))
            for t, what in ts:
                if blk[0] <= t <= blk[1] or t < a.opened:
                    continue
                if what == 'salary':
                    self.pay(t, self.region_employer(reg), aid, self.fen_money(self.logn(6000, .4)), 'other', reg, '工资')
                elif what == 'spend':
                    self.pay(t, aid, self.region_merch(reg), self.spend_amt(70), self.ch(['mobile', 'pos']), reg, '')
                else:
                    self.pay(t, aid, None, self.ch([500, 1000, 2000]) * 100, 'atm', reg, '', 'withdrawal')

    # ------------------------------------------------------------------ fraud: exits, farmers, paofen
    def build_exits(self):
        cfg = self.cfg
        for i in range(cfg['usdt']):
            reg = (self.ch(HLB_CODES) if i == 0 else
                   self.prov_region(self.wch({'GD': 30, 'FJ': 15, 'HN': 12, 'ZJ': 10, 'HL': 8, 'GX': 8, 'YN': 7,
                                              'SC': 5, 'HB': 5})))
            p = Person(self.new_pid(reg, self.ri(22, 45)), 'usdt_seller', reg, age=30)
            p.ext = reg[:4] != '1507'
            self.persons.append(p)
            for b in self.wsample(NAT_BANK_W, self.ri(1, 3)):
                if b == 'LOCAL':
                    b = PROV_LOCAL_BANK.get(PROV_OF_PREFIX.get(reg[:2], 'NM'), 'RCU')
                if b in [self.accts[x].bank for x in p.accts]:
                    continue
                a = self.new_acct(p, b, reg, self.past_open(.5, 6), 'I', role='fraud_exit', arch='usdt_seller')
                a.bal = int(self.logn(200000, .7) * 100)
                self.usdt_accts.append(a)
            # lawful crypto buyers and sellers trade with the seller all month
            if not hasattr(self, 'crypto'):
                self.crypto = [self.ext_person('crypto_trader', self.any_region()) for _ in range(70)]
            for aid in p.accts:
                for _ in range(self.pois(14)):
                    q = self.ch(self.crypto)
                    t = self.at(self.ru(0, 29.6), 'night')
                    amt = self.ri(100, 7000) * self.ri(708, 732)
                    if self.r.random() < .5:
                        self.pay(t, q.accts[0], aid, amt, 'mobile', q.home, '')
                    else:
                        self.pay(t, aid, q.accts[0], amt, 'mobile', reg, '')
                for _ in range(self.ri(1, 3)):
                    self.pay(self.at(self.ru(0, 29.6), 'night'), aid, None, self.ri(2, 5) * 1000000, 'counter', reg, '',
                             'withdrawal')
        for i in range(cfg['merch']):
            reg = self.prov_region(self.wch({'GD': 30, 'FJ': 15, 'ZJ': 15, 'SH': 10, 'HN': 10, 'JS': 10}))
            bank = self.wch({'TENPAY': 3, 'ALIPAY': 2, 'LAKALA': 3, 'YEEPAY': 2})
            p = Person(self.new_uscc(reg), 'pay_merchant', reg, corp=True)
            p.ext = True
            self.persons.append(p)
            a = self.new_acct(p, bank, reg, self.past_open(.3, 3), 'corp', role='fraud_exit', arch='pay_merchant')
            self.pay_merch.append(a)
        # lawful game top-ups at these merchants (students, young workers)
        young = [p for p in self.locals if p.age < 32]
        for a in self.pay_merch:
            for _ in range(self.pois(18)):
                p = self.ch(young)
                t = self.at(self.ru(0, 29.6), 'night')
                src = self.main_acct(p, t)
                if src:
                    self.pay(t, src, a.id, self.ch([6, 30, 68, 98, 128, 328, 648]) * 100, 'mobile', p.home, '')

    def build_farmers(self):
        cfg = self.cfg
        for i in range(cfg['farmers']):
            o_lo, o_hi = cfg['farmer_open'][i % len(cfg['farmer_open'])]
            x = self.r.random()
            born = (self.prov_region(self.wch({'HB': 25, 'HN': 20, 'GX': 15, 'YN': 10, 'JX': 10, 'GZ': 10, 'HL': 10}))
                    if x < .75 else self.ch(HLB_CODES))
            p = Person(self.new_pid(born, self.ri(19, 38)), 'card_farmer', born, age=25)
            p.farmer = True
            p.ext = True
            self.persons.append(p)
            self.farmers.append(p)
            cities = self.r.sample([HLB['hailar'], HLB['manzhouli'], HLB['yakeshi'], HLB['zhalantun'],
                                    HLB['zhalainuoer']], self.ri(2, 4))
            if self.r.random() < .5:
                cities.append(self.ch(['230202', '230102', '230103']))
            day = self.ru(o_lo, o_hi - 2)
            for c in cities:
                n = self.ri(3, 6)
                banks = self.r.sample(['ABC', 'ICBC', 'CCB', 'PSBC', 'IMRCB', 'BOC', 'BOCOM', 'CMB', 'BOIMC', 'CIB'],
                                      n) if c[:4] == '1507' else \
                    self.r.sample(['ABC', 'ICBC', 'CCB', 'PSBC', 'BOC', 'HRBB', 'CMB', 'BOCOM'], n)
                for b in banks:
                    if b == 'IMRCB' and c[:4] != '1507':
                        continue
                    t = int(day) * DAY + self.tod('biz')
                    a = self.new_acct(p, b, c, t, 'I' if self.r.random() < .8 else 'II', role='farmer_card',
                                      arch='farmer_card')
                    a.kind = 'farmer'
                    a.avail = t + int(self.ru(2, 9) * DAY)
                    dep = self.ri(1, 10) * 1000
                    if t >= 0:
                        self.pay(t + self.ri(60, 900), None, a.id, dep, 'counter', c, '', 'deposit')
                    else:
                        a.bal = dep
                    self.farmer_cards.append(a)
                    day += self.ru(0, .4)
                day += self.ru(.5, 2)

    def new_mule(self, kind, gang, tier, use_from, use_to, region=None, runtime=False):
        r = self.r
        if kind == 'farmer':
            for a in self.farmer_cards:
                if a.gang is None and a.avail <= use_from:
                    a.gang, a.tier, a.use_from, a.use_to = gang, tier, use_from, use_to
                    a.op_region = gang.op
                    return a
            kind = 'fresh'
        if region is None:
            x = r.random()
            loc = {1: .4, 2: .15, 3: .1, 'C': .3}[tier]
            if x < loc:
                region = self.hreg('ALL')
            elif x < loc + .1:
                region = self.prov_region('HL')
            else:
                region = self.prov_region(self.wch({'GX': 15, 'YN': 10, 'HN': 12, 'GD': 15, 'JX': 10, 'FJ': 10, 'HB': 8,
                                                    'GZ': 8, 'SC': 6, 'HA': 6}))
        sup_p = {1: .68, 2: .42, 3: .32, 'C': .42}[tier]
        local_im = region[:2] == '15'
        if r.random() < sup_p:
            bank = self.ch([b for b in self.supplying if local_im or b != 'IMRCB'])
        else:
            pv = PROV_OF_PREFIX.get(region[:2], 'NM')
            bank = self.nat_bank(pv, {'BOC': 9, 'BOCOM': 5, 'CMB': 7, 'CIB': 3, 'CITIC': 2, 'SPDB': 2, 'CMBC': 2,
                                      'PAB': 3, 'CEB': 2, 'HXB': 1, 'LOCAL': 8})
            if bank in self.supplying:
                bank = 'BOC'
        if kind in ('rented', 'sold'):
            arch = self.wch({'student': 3, 'unemployed': 4, 'construction_worker': 2, 'herder': 1, 'picker': 1,
                             'forestry_worker': 1, 'homemaker': 1})
            if region[:4] == '1507':
                p = self.local_person(arch, region, (19, 55) if arch != 'student' else (18, 23), nacc=self.ri(1, 2))
            else:
                p = self.ext_person(arch, region, age=self.ri(19, 55), nacc=self.ri(1, 2))
            a = self.new_acct(p, bank, region, self.past_open(1.5, 10), 'I', role='mule', arch='mule_' + kind)
            a.bal = int(self.logn(600, 1.0) * 100)
            a.blk = (use_from - DAY, use_to + 2 * DAY if kind == 'rented' else END + DAY)
        else:
            age = self.ri(18, 30) if r.random() < .8 else self.ri(31, 62)
            reuse = [x for x in gang.pool[tier] + gang.pool.get(1, []) if x.kind == 'fresh' and
                     x.owner.hid[:6] == region and len(x.owner.accts) < 3]
            if reuse and r.random() < .3:
                p = r.choice(reuse).owner
                if bank in [self.accts[x].bank for x in p.accts]:
                    bank = self.ch([b for b in CARD_FMT if b not in [self.accts[x].bank for x in p.accts]
                                    and (b != 'IMRCB' or local_im)])
            else:
                p = Person(self.new_pid(region, age), 'mule_holder', region, age=age)
                p.ext = region[:4] != '1507'
                self.persons.append(p)
            if kind == 'fresh':
                lo, hi = (.1, 3) if self.variant == 'V3' else (.3, 7)
            else:
                lo, hi = 20, 200
            opened = int(use_from - self.ru(lo, hi) * DAY) // DAY * DAY + self.tod('biz')
            if opened > use_from:
                opened -= DAY
            if runtime:
                opened = use_from - self.ri(HOUR, 3 * DAY)
            a = self.new_acct(p, bank, region, opened, 'I' if r.random() < .8 else 'II', role='mule',
                              arch='mule_' + kind)
            dep = self.ri(1, 10) * 1000
            if runtime:
                a.bal = 0          # opened on the app the same day; nothing deposited
            elif opened >= 0:
                self.pay(opened + self.ri(60, 900), None, a.id, dep, 'counter', region, '', 'deposit')
            else:
                a.bal = dep
        a.kind = kind
        a.gang, a.tier, a.use_from, a.use_to = gang, tier, use_from, use_to
        a.op_region = gang.op
        return a

    def build_paofen(self):
        n = self.cfg['paofen']
        for i in range(n):
            if self.r.random() < .55:
                arch = self.wch({'student': 5, 'unemployed': 4, 'seasonal_worker': 1, 'shop_owner': 1})
                p = self.local_person(arch, self.hreg('CITY'), (18, 35), nacc=self.ri(1, 3))
                if arch == 'student':
                    p.away = p.home
            else:
                reg = self.prov_region(self.wch({'GD': 10, 'GX': 8, 'HN': 8, 'JX': 6, 'HB': 6, 'HA': 6, 'SC': 6,
                                                 'HL': 5, 'NM': 5, 'YN': 5}))
                p = self.ext_person('paofen_participant', reg, age=self.ri(18, 35), nacc=self.ri(1, 2))
            # the account uploaded to the platform: mostly at a large bank
            cand = [aid for aid in p.accts if not self.accts[aid].dorm]
            aid = cand[0]
            a = self.accts[aid]
            a.role = 'paofen'
            a.arch = 'paofen'
            a.cons = True
            a.kind = 'paofen'
            a.tier = 1
            a.use_from = int(self.ru(-5, 24) * DAY)
            a.use_to = a.use_from + int(self.ru(4, 20) * DAY)
            if a.bal < 200000:
                self.inject(a.id, self.logn(4000, .6) * 100)
            self.paofen_accts.append(a)

    def build_gangs(self):
        cfg = self.cfg
        vi = {'baseline': 0, 'V2': 1, 'V3': 2}[self.variant]
        types = list(FT)
        for g in range(cfg['n_gangs']):
            gang = Gang(g)
            gang.types = self.r.sample(types, self.ri(2, 4))
            gang.paofen = any(t in SMALL_TYPES for t in gang.types) and self.r.random() < .7
            gang.cash_regions = self.r.sample(FAR_CASH, self.ri(1, 2)) + self.r.sample(BORDER_CASH, self.ri(0, 2))
            gang.usdt = self.r.sample(self.usdt_accts, min(len(self.usdt_accts), self.ri(2, 4)))
            gang.merch = self.r.sample(self.pay_merch, min(len(self.pay_merch), self.ri(1, 3)))
            gang.op = self.ch(GANG_OPS)
            self.gangs.append(gang)
        for t in types:
            if not any(t in g.types for g in self.gangs):
                self.ch(self.gangs).types.append(t)
        for gang in self.gangs:
            for tier in (2, 3, 'C', 1):
                lo, hi = cfg['conc'][tier]
                for _ in range(self.ri(lo, hi)):
                    t = -int(self.ru(0, 2) * DAY)
                    while t < END:
                        L = int(self.ru(*cfg['life'][tier]) * DAY)
                        kind = self.wch(cfg['kinds'][tier])
                        a = self.new_mule(kind, gang, tier, t, t + L)
                        if tier == 'C':
                            a.cash_region = self.ch(gang.cash_regions)
                        gang.pool[tier].append(a)
                        # a test transfer (0.01 - 1 yuan) when a card starts work
                        if self.r.random() < .45 and gang.pool[2] and tier != 2:
                            src = self.ch(gang.pool[2])
                            self.pay(max(t, a.opened) + self.ri(10 * MIN, 6 * HOUR), src.id, a.id,
                                     self.ch([1, 1, 10, 50, 100]), 'mobile', gang.op, '', 'transfer', 'layering')
                        t += L + int(self.ru(0, .5) * DAY)
        # leftover farmer cards go to work as extra cards
        for a in self.farmer_cards:
            if a.gang is None:
                g = self.ch(self.gangs)
                tier = self.ch([1, 1, 2, 'C'])
                a.gang, a.tier, a.use_from = g, tier, max(a.avail, 0)
                a.use_to = a.use_from + int(self.ru(*cfg['life'][tier]) * DAY)
                a.op_region = g.op
                if tier == 'C':
                    a.cash_region = self.ch(g.cash_regions)
                g.pool[tier].append(a)
                if g.pool[2] and tier != 2:
                    self.pay(a.use_from + self.ri(10 * MIN, 3 * HOUR), self.ch(g.pool[2]).id, a.id,
                             self.ch([1, 10, 100]), 'mobile', g.op, '', 'transfer', 'layering')
        for a in self.paofen_accts:
            g = self.ch([x for x in self.gangs if x.paofen] or self.gangs)
            a.gang = g
            a.op_region = a.region
            # margin (保证金) paid to the platform when joining
            if g.pool[2]:
                self.pay(max(a.use_from, 0) + self.ri(HOUR, 6 * HOUR), a.id, self.ch(g.pool[2]).id,
                         self.ch([1000, 2000, 3000, 5000]) * 100, 'mobile', a.region,
                         self.ch(['', '保证金', '押金']), 'transfer', 'layering')

    def build_victims(self):
        cfg = self.cfg
        vi = {'baseline': 0, 'V2': 1, 'V3': 2}[self.variant]
        wts = dict((k, v[0][vi]) for k, v in FT.items())
        total = 0
        while total < cfg['victim_pay']:
            ft = self.wch(wts)
            (w3, nr, first, growth, gap, gapm, style, chw, ages) = FT[ft]
            multi = self.r.random() < cfg['multi']
            n = self.ri(nr[0], nr[2] if multi else nr[1])
            v = Victim()
            v.ft = ft
            x = self.r.random()
            if x < .06:
                cands = [p for p in self.locals if ages[0] <= p.age <= ages[1] and not p.no_life]
                p = self.ch(cands)
                v.region = p.home
            else:
                reg = self.prov_region('NM') if x < .1 else self.any_region(exclude_nm=True)
                p = self.ext_person('victim', reg, age=self.ri(*ages), nacc=self.ri(1, 2))
                v.region = reg
            v.p = p
            v.accts = [aid for aid in p.accts if not self.accts[aid].dorm and self.accts[aid].role == 'lawful'
                       and self.accts[aid].opened < 0 and self.accts[aid].frozen_at is None]
            if not v.accts:
                continue
            v.gang = self.ch([g for g in self.gangs if ft in g.types])
            v.use_paofen = v.gang.paofen and ft in SMALL_TYPES and self.r.random() < .6
            pays = []
            t = self.at(self.ru(0, 29.3), 'victim')
            amt = self.ru(*first)
            for k in range(n):
                if t >= END:
                    break
                pays.append((t, self.fen_money(amt, style), self.wch(chw)))
                g0, g1 = gapm if multi else gap
                t += int(self.ru(g0, g1))
                t = t // HOUR * HOUR + self.ri(0, 3599)
                amt = min(amt * self.ru(*growth), 800000)
            if not pays:
                continue
            need = sum(x[1] for x in pays)
            main = self.accts[v.accts[0]]
            self.inject(main.id, need + int(self.logn(5000, 1) * 100))
            if len(v.accts) > 1 and self.r.random() < .4 and self.accts[v.accts[1]].opened < 0 and main.opened < 0:
                # victim first moves savings from another card into the card that pays
                other = self.accts[v.accts[1]]
                main.bal -= need // 2
                other.bal += need // 2
                self.pay(pays[0][0] - self.ri(5 * MIN, 40 * MIN), other.id, main.id, need // 2, 'mobile', v.region, '')
            v.pays = pays
            v.reported = self.r.random() < cfg['report']
            if ft in ('investment', 'romance'):
                d = self.ru(1, 12) * DAY
            elif ft in ('police_gov', 'accident_kidnap', 'leader_acquaintance'):
                d = self.ru(1 * HOUR, 2 * DAY)
            else:
                d = self.ru(.5 * HOUR, 3 * DAY)
            if self.variant == 'V2':
                d *= 1.6
            v.delay = int(d)
            v.recs = []
            v.paid_to = []
            v.report_t = None
            idx = len(self.victims)
            self.victims.append(v)
            for k, (tt, a_, c_) in enumerate(pays):
                self.push(tt, self._victim_pay, idx, k)
            total += len(pays)

    # ------------------------------------------------------------------ fraud: runtime handlers
    def active(self, lst, t, tier_pref=None):
        c = [a for a in lst if a.use_from <= t < a.use_to and not self.blocked(a, t)]
        return c

    def pick_pool(self, gang, tier, t, exclude=()):
        c = [a for a in self.active(gang.pool[tier], t) if a.id not in exclude]
        if not c:
            c = [a for a in gang.pool[tier] if not self.blocked(a, t) and a.opened <= t and a.id not in exclude
                 and a.use_from <= t + 2 * DAY]
        if not c:
            a = self.new_mule('fresh', gang, tier, t, t + int(self.ru(*self.cfg['life'][tier]) * DAY), runtime=True)
            if tier == 'C':
                a.cash_region = self.ch(gang.cash_regions)
            gang.pool[tier].append(a)
            return a
        return self.ch(c)

    def _victim_pay(self, t, vi, k):
        v = self.victims[vi]
        _, amt, ch = v.pays[k]
        g = v.gang
        dst = None
        if v.paid_to and self.r.random() < .45:
            prev = self.accts[v.paid_to[-1]]
            if prev.use_from <= t < prev.use_to and not self.blocked(prev, t):
                dst = prev
        if dst is None and v.use_paofen:
            c = [a for a in self.paofen_accts if a.gang is g and a.use_from <= t < a.use_to and not self.blocked(a, t)]
            if c:
                dst = self.ch(c)
        if dst is None:
            dst = self.pick_pool(g, 1, t)
        src = v.accts[0] if (len(v.accts) == 1 or self.r.random() < .75) else v.accts[1]
        reg = v.region
        memo = self.ch(['', '', '', '转账', '货款', '投资款' if v.ft == 'investment' else '',
                        '保证金' if v.ft in ('loan_card', 'brushing') else '', '解冻费' if v.ft == 'loan_card' else ''])
        i = self.exec_pay(t, src, dst.id, amt, ch, reg, memo, 'transfer', 'victim_payment', False)
        if i < 0 and src != v.accts[0]:
            i = self.exec_pay(t, v.accts[0], dst.id, amt, ch, reg, memo, 'transfer', 'victim_payment', False)
        if i >= 0:
            v.recs.append(self.rec[i])
            v.paid_to.append(dst.id)
        # brushing / investment: small "returns" early on to build trust
        if k == 0 and v.ft in ('brushing', 'investment') and len(v.pays) > 1 and self.r.random() < .5:
            ret = int(amt * self.ru(.03, .15))
            self.pay(t + self.ri(5 * MIN, 60 * MIN), dst.id, v.accts[0], ret, 'mobile', dst.op_region, '返利',
                     'transfer', 'layering')
        if k == len(v.pays) - 1 and v.reported:
            rt = t + v.delay
            v.report_t = rt
            self.push(rt, self._report, vi)

    def _report(self, t, vi):
        v = self.victims[vi]
        for aid in v.paid_to:
            a = self.accts[aid]
            a.reported = True
            if a.frozen_at is None and self.r.random() < .25:
                self.push(t + self.ri(10 * MIN, 4 * HOUR), self._freeze, aid)
            for d in a.down:
                self.accts[d].upstream_rep = True
                if self.r.random() < .06:
                    self.push(t + self.ri(HOUR, 12 * HOUR), self._freeze, d)

    def _freeze(self, t, aid):
        a = self.accts[aid]
        if a.frozen_at is None and a.role in FRAUD_ROLES:
            a.frozen_at = t

    def mule_delay(self, a):
        V = self.variant
        if a.role == 'paofen':
            return self.ri(60, 900)
        tier = a.tier
        if V == 'V3':
            lo, hi = {1: (20, 600), 2: (30, 900), 3: (60, 1200), 'C': (300, 3600)}[tier]
            return self.ri(lo, hi)
        if V == 'V2':
            med = {1: 10, 2: 8, 3: 12, 'C': 6}[tier] * HOUR
            return int(min(4 * DAY, max(HOUR, self.logn(med, .9))))
        if tier == 'C':
            return self.ri(20 * MIN, 10 * HOUR)
        x = self.r.random()
        if x < .6:
            return self.ri(2 * MIN, 30 * MIN)
        if x < .9:
            return self.ri(30 * MIN, 6 * HOUR)
        return self.ri(6 * HOUR, 30 * HOUR)

    def split(self, amt, k):
        if k <= 1 or amt < 200000:
            return [amt]
        ws = [self.ru(.5, 1.5) for _ in range(k)]
        s = sum(ws)
        parts = []
        rest = amt
        for w in ws[:-1]:
            p = int(amt * w / s)
            if self.r.random() < .6:
                p = p // 10000 * 10000
            p = max(100, min(p, rest - 100 * (k - len(parts))))
            parts.append(p)
            rest -= p
        parts.append(rest)
        return [p for p in parts if p > 0]

    def op_reg(self, a):
        x = self.r.random()
        if x < .5:
            return a.op_region or a.region
        if x < .85:
            return a.region
        return self.ch(GANG_OPS)

    def _mule_act(self, t, aid):
        a = self.accts[aid]
        a.act_pending = False
        if self.blocked(a, t):
            return
        amt = min(a.pending, a.bal)
        if amt < 1000:
            a.pending = 0
            return
        g = a.gang
        if a.role == 'paofen':
            out = amt - int(amt * self.ru(.005, .02))
            dst = self.pick_pool(g, 2, t)
            self.pay(t, a.id, dst.id, out, 'mobile', a.region, '', 'transfer', 'layering')
            a.down.append(dst.id)
            a.pending = 0
            return
        if a.tier == 'C':
            self.atm_cashout(t, a, amt)
            return
        act = self.wch(self.cfg['route'][a.tier])
        if a.tier == 3 and act == 'fwd':
            act = 'cash'
        # keep a small residue now and then
        if self.r.random() < .3 and amt > 50000:
            amt -= self.ri(1, 5000)
        a.pending = 0
        if act == 'fwd' or act == 'cycle':
            nxt = {1: 2, 2: 3, 3: 2}[a.tier] if act == 'fwd' else 2
            k = self.wch(self.cfg['split'])
            parts = self.split(amt, k)
            used = [a.id]
            tt = t
            for p in parts:
                d = self.pick_pool(g, nxt, tt, exclude=used)
                used.append(d.id)
                self.pay(tt, a.id, d.id, p, self.ch(['mobile', 'mobile', 'online']), self.op_reg(a),
                         self.ch(['', '', '', '货款', '往来款', '还款']), 'transfer', 'layering')
                a.down.append(d.id)
                tt += self.ri(15, 240) if self.variant != 'V2' else self.ri(60, 3 * HOUR)
        elif act == 'cash':
            if self.r.random() < .55:
                k = self.wch({1: 50, 2: 35, 3: 15})
                parts = self.split(amt, k)
                tt = t
                used = [a.id]
                for p in parts:
                    d = self.pick_pool(g, 'C', tt, exclude=used)
                    used.append(d.id)
                    self.pay(tt, a.id, d.id, p, 'mobile', self.op_reg(a), '', 'transfer', 'layering')
                    a.down.append(d.id)
                    tt += self.ri(15, 300)
            elif a.kind in ('rented', 'sold') and amt >= 3000000 and self.r.random() < .4:
                # the renter is taken to a counter to draw a large sum
                self.pay(t + self.ri(HOUR, 5 * HOUR), a.id, None, amt // 10000 * 10000, 'counter', a.region, '',
                         'withdrawal', 'cashout')
            else:
                a.cash_region = a.cash_region or self.ch(g.cash_regions)
                self.atm_cashout(t, a, amt)
        elif act == 'usdt':
            k = 1 if amt < 3000000 or self.r.random() < .6 else 2
            tt = t
            for p in self.split(amt, k):
                price = self.ri(708, 734)
                q = p // price
                if q <= 0:
                    continue
                s = self.ch(g.usdt)
                self.pay(tt + self.ri(20, 600), a.id, s.id, q * price, 'mobile', self.op_reg(a), '',
                         'transfer', 'cashout')
                tt += self.ri(60, 900)
        else:  # merchant purchases: game credits, gift cards, top-ups
            m = self.ch(g.merch)
            tt = t
            rest = amt
            n = 0
            while rest >= 50000 and n < 30:
                den = self.ch([49800, 99800, 199800, 299800, 499800, 50000, 100000, 200000, 500000])
                if den > rest:
                    den = rest // 10000 * 10000
                    if den <= 0:
                        break
                self.pay(tt, a.id, m.id, den, 'mobile', self.op_reg(a), '', 'transfer', 'cashout')
                rest -= den
                tt += self.ri(30, 240)
                n += 1

    def atm_cashout(self, t, a, amt):
        reg = a.cash_region or self.ch(a.gang.cash_regions)
        if self.variant != 'V3' and self.r.random() < .6:
            # wait for the night
            h = (t % DAY) // HOUR
            if 5 <= h < 21:
                t = t // DAY * DAY + self.ri(21 * HOUR, 26 * HOUR)
        per = self.ch([2000, 2500, 3000, 5000]) * 100
        day = t // DAY
        if a.atm_day != day:
            a.atm_day, a.atm_lim = day, 0
        cap = 2000000 - a.atm_lim
        if cap < 10000:
            a.pending = amt
            a.act_pending = True
            self.push((day + 1) * DAY + self.tod('atmnight' if self.variant != 'V3' else 'day'), self._mule_act, a.id)
            return
        today = min(amt, cap)
        n = 0
        tt = t
        while today >= 10000 and n < 12:
            w = min(per, today // 10000 * 10000)
            if w <= 0:
                break
            self.pay(tt, a.id, None, w, 'atm', reg, '', 'withdrawal', 'cashout')
            if tt // DAY == day:
                a.atm_lim += w
            today -= w
            amt -= w
            tt += self.ri(25, 150)
            n += 1
        if amt >= 10000:
            a.pending = amt
            a.act_pending = True
            self.push(t + self.ri(20 * HOUR, 28 * HOUR), self._mule_act, a.id)
        else:
            a.pending = 0

    # ------------------------------------------------------------------ run
    def build(self):
        self.build_institutions()
        self.build_population()
        self.build_employers()
        self.new_accounts_inside()
        self.build_exits()
        self.build_farmers()
        self.build_paofen()
        self.build_gangs()
        self.flow_payroll()
        self.flow_pension()
        self.flow_livestock()
        self.flow_dairy()
        self.flow_border()
        self.flow_tourism()
        self.flow_berries()
        self.flow_construction()
        self.flow_students()
        self.flow_landlords()
        self.flow_shops()
        self.flow_oneoffs()
        for p in self.locals:
            self.life(p)
        self.build_victims()
        for p in self.ext_persons:
            if any(self.accts[aid].cons for aid in p.accts):
                self.light_life(p)

    def run(self):
        heap = self.heap
        while heap:
            t, _, fn, args = heapq.heappop(heap)
            fn(t, *args)

    # ------------------------------------------------------------------ output
    def cleanup(self):
        """cards bought but never put to work this month leave the world (rented ones stay with their owners)"""
        touched = set()
        for x in self.rec:
            if x[9] != 'ordinary':
                touched.add(x[1])
                touched.add(x[2])
        drop = set()
        for a in self.alist:
            if a.id in touched:
                continue
            if a.role == 'paofen' or (a.role == 'mule' and a.kind in ('rented', 'sold')):
                a.role = 'lawful'
                a.arch = a.owner.arch
            elif a.role == 'mule':
                a.dropped = True
                drop.add(a.id)
            elif a.role == 'farmer_card':
                a.arch = 'farmer_card_unused'
        if drop:
            self.rec = [x for x in self.rec if x[1] not in drop and x[2] not in drop]

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        self.cleanup()
        vis = [x for x in self.rec if x[10]]
        vis.sort(key=lambda x: x[0])
        A = self.accts
        tx_rows = []
        tx_truth = []
        rec_id = {}
        for n, x in enumerate(vis):
            t, src, dst, amt, ch, reg, kind, memo, xb, tk, _ = x
            rb = None
            for aid in (src, dst):
                if aid is not None:
                    b = A[aid].bank
                    if b in self.ext_start and t >= self.ext_start[b]:
                        rb = b
                        break
            tid = '%s%s%08d' % (rb, (self.start + datetime.timedelta(seconds=t)).strftime('%Y%m%d'), n + 1)
            rec_id[id(x)] = tid
            for aid in (src, dst):
                if aid is not None:
                    A[aid].named = True
            tx_rows.append([tid, self.iso(t), src or '', dst or '', '%d.%02d' % divmod(amt, 100), 'CNY', ch,
                            reg or '', kind, memo, 'true' if xb else 'false'])
            tx_truth.append([tid, tk])
        # rows: accounts at supplying banks that are local or named
        rows = []
        for a in self.alist:
            if a.bank not in self.ext_start or a.opened >= END or a.dropped:
                continue
            if not (a.named or a.region[:4] == '1507'):
                continue
            rows.append(a)
        row_ids = set(a.id for a in rows)
        for a in rows:
            a.named = True
        # labels
        labels = []
        for v in self.victims:
            if v.report_t is None or v.report_t > END + 2 * DAY:
                continue
            for x in v.recs:
                if id(x) in rec_id:
                    labels.append(('transfer', rec_id[id(x)], 'fraud'))
        mules = [a for a in self.alist if a.named and a.role in FRAUD_ROLES]
        target = int(round(len(mules) * self.ru(.38, .47)))
        chosen = []
        rest = []
        for a in mules:
            if a.frozen_at is not None and a.frozen_at < END:
                chosen.append(a)
            else:
                w = 4.0 if a.reported else (2.0 if a.upstream_rep else (1.0 if a.tier in (1, 2) else .5))
                if a.role == 'paofen':
                    w *= .8
                if a.id in row_ids:
                    w *= 1.5
                rest.append((self.r.random() ** (1.0 / w), a))
        rest.sort(key=lambda x: -x[0])
        for _, a in rest[:max(0, target - len(chosen))]:
            chosen.append(a)
        for a in chosen:
            a.labelled = True
        for a in self.alist:
            if a.labelled:
                labels.append(('account', a.id, 'mule'))
        fl = [f for f in self.farmers if any(A[x].named for x in f.accts)]
        for f in self.r.sample(fl, min(len(fl), self.cfg['farmers_labelled'])):
            f.farmer_labelled = True
            labels.append(('holder', f.hid, 'card_farmer'))
        # write files
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in rows:
                if a.opened >= self.ext_start[a.bank]:
                    ob = 0
                else:
                    ob = a.first_bal if a.first_bal is not None else a.bal
                ob = max(0, ob)
                if a.closed_at is not None and a.closed_at < END:
                    st = 'closed'
                elif a.frozen_at is not None and a.frozen_at < END:
                    st = 'frozen'
                else:
                    st = 'active'
                w.writerow([a.id, a.bank, a.owner.hid, self.iso(a.opened), a.region, a.cls,
                            '%d.%02d' % divmod(ob, 100), st])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            w.writerows(tx_rows)
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            w.writerows(labels)
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                for a in self.alist:
                    if not a.named:
                        continue
                    es = self.ext_start.get(a.bank)
                    w.writerow(['account', a.id, a.bank, a.owner.hid, 1 if a.id in row_ids else 0, a.role, a.arch,
                                1 if a.owner.farmer else 0, self.iso(a.opened), 1 if a.labelled else 0,
                                1 if a.owner.farmer_labelled else 0, self.iso(es) if es is not None else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                w.writerows(tx_truth)
        return len(rows), sum(1 for a in self.alist if a.named), len(tx_rows), len(labels)


def main():
    ap = argparse.ArgumentParser(description='Hulunbuir synthetic banking world (fanzha interchange format v1)')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build()
    w.run()
    nrows, nnamed, ntx, nlab = w.write(args.out, args.truth)
    print('%s seed %d (%s): %d account rows, %d accounts named, %d transfers, %d labels -> %s' % (
        args.variant, args.seed, w.cfg['season'].split(' (')[0], nrows, nnamed, ntx, nlab, args.out))


if __name__ == '__main__':
    main()
