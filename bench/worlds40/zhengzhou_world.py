#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Zhengzhou / Henan synthetic banking world (30 days), written independently of the engine.

Lawful life: Foxconn (Airport Economy Zone, 新郑) assembly workers and hiring waves with labour agents
paying 返费; students of Zhengzhou universities (term start, parents in the counties, class fees,
part-time jobs); couriers, express-station owners and truck drivers; personal accounts of 银基
(clothing, morning) and 万邦 (produce, night) wholesalers collecting from retailers across provinces
and paying suppliers within hours; restaurant and vegetable-stall owners; small-town shops with daily
QR settlement; farmers, garlic and grain dealers; landlords; elderly people with pensions and savings;
urban employees (salary, mortgage, several cards at several banks); new arrivals opening several cards
in a week; returning migrant workers with dormant home-county cards; construction contractors paying
crews; weddings with 彩礼 pooled from relatives; car and flat deposits; refunds and claims (退款, 理赔).

Fraud: gangs of several typologies; victims pay (sometimes many times, with cover memos) into first-level
cards (fresh, aged, rented old, sold old, 跑分, card-farmer cards); layering across banks and provinces
(fast or slow), dispersal and concentration, ATM cash-outs far from where the card was opened, cash
relays, exits to U-merchants, payment firms and offshore accounts.

Variants: baseline (term start + Foxconn hiring, Aug-Sep 2024), V2 (garlic/wheat harvest May-Jun 2024;
mostly rented/sold old accounts, slow layering, repeat victim payments), V3 (Spring Festival 2025:
年货 peak, market closure, returning migrants, contractors, weddings, post-festival hiring wave).

Usage: python3 zhengzhou_world.py --variant baseline|V2|V3 --seed INT --out DIR [--truth]
Standard library only; deterministic for a given variant and seed.
"""
import argparse
import bisect
import csv
import datetime as dtm
import heapq
import math
import os
import random
import re
import sys
import zlib
from collections import defaultdict

# --------------------------------------------------------------------------------------------
# static data
# --------------------------------------------------------------------------------------------
SUPPLY = ('ICBC', 'PSBC', 'ZZBANK', 'ZYBANK', 'HNNX')
HENAN_ONLY = ('ZZBANK', 'ZYBANK', 'HNNX')
EXT_BANKS = ('ABC', 'CCB', 'BOC', 'BOCOM', 'CMB', 'CIB', 'SPDB', 'CITIC', 'CEB', 'CMBC', 'PAB', 'HXB', 'GDB')
PFX = {
    'ICBC': ('622202', 19), 'PSBC': ('621799', 19), 'ZZBANK': ('623168', 19), 'ZYBANK': ('623595', 19),
    'HNNX': ('623059', 19), 'ABC': ('622848', 19), 'CCB': ('621700', 19), 'BOC': ('621661', 19),
    'BOCOM': ('622262', 19), 'CMB': ('621483', 16), 'CIB': ('622909', 18), 'SPDB': ('621792', 16),
    'CITIC': ('621768', 16), 'CEB': ('622666', 16), 'CMBC': ('622622', 16), 'PAB': ('623058', 19),
    'HXB': ('622632', 16), 'GDB': ('622568', 16),
}

ZZ_URBAN = ['410102', '410103', '410104', '410105', '410108']
ZZ_ALL = ZZ_URBAN + ['410106', '410122', '410181', '410182', '410183', '410184', '410185']
AIRPORT = '410184'      # 新郑市 (host of the Airport Economy Zone; assumption)
YINJI = '410103'        # 二七区 (银基商贸城)
WANBANG = '410122'      # 中牟县 (万邦国际农产品物流城)
CAMPUS = ['410102', '410102', '410105', '410105', '410103', '410202']
HENAN_CITY = ['410202', '410305', '410402', '410502', '410602', '410702', '410802', '410902', '411002',
              '411102', '411202', '411302', '411402', '411502', '411602', '411702']
HENAN_RURAL = [
    '411621', '411622', '411623', '411624', '411625', '411627', '411628', '411681',      # 周口
    '411721', '411722', '411723', '411724', '411725', '411726', '411727', '411728', '411729',  # 驻马店
    '411421', '411422', '411423', '411424', '411425', '411426', '411481',                # 商丘
    '411521', '411522', '411524', '411525', '411526', '411527', '411528',                # 信阳
    '411321', '411322', '411324', '411325', '411327', '411328', '411329', '411381',      # 南阳
    '410221', '410222', '410223', '410225', '410323', '410325', '410327', '410329',      # 开封 洛阳
    '410724', '410725', '410726', '410727', '410522', '410523', '410526', '410527',      # 新乡 安阳
    '411025', '411081', '411082', '410421', '410422', '410423', '410482', '410922',      # 许昌 平顶山 濮阳
    '410923', '410926', '410928', '411121', '411122', '410823', '410825', '410621',      # 濮阳 漯河 焦作 鹤壁
    '410122', '410181', '410183', '410185']
GARLIC = ['410221', '410221', '410122', '410122', '410222', '410223']
WHEAT = ['411621', '411623', '411627', '411721', '411722', '411727', '411421', '411425', '411426',
         '410726', '410725', '410526', '411025', '411328', '411381']
OTHER = {
    'guangdong': ['440106', '440111', '440303', '440306', '440307', '441900', '440604', '445281', '441581'],
    'hubei': ['420106', '420111', '420102', '421102', '420502'],
    'hunan': ['430102', '430111', '430602', '431102'],
    'jiangsu': ['320106', '320102', '320505', '321002', '320312'],
    'zhejiang': ['330782', '330106', '330110', '330102'],
    'fujian': ['350102', '350581', '350583'],
    'shandong': ['370102', '371302', '371702', '370783', '370828'],
    'anhui': ['340102', '341602', '341202'],
    'hebei': ['130102', '130425', '130682'],
    'shanxi': ['140105', '140802'],
    'shaanxi': ['610113', '610112'],
    'beijing': ['110105', '110108'],
    'shanghai': ['310115', '310104'],
    'yunnan': ['530102', '532801', '533102'],
    'guangxi': ['450103', '451481'],
    'neimenggu': ['150102', '150203'],
    'heilongjiang': ['230102', '230103'],
    'sichuan': ['510107'],
    'guizhou': ['520102', '522401'],
    'gansu': ['620102', '621102'],
    'hainan': ['460106', '469005'],
    'jiangxi': ['360102'],
}
MIGRANT_PROV = ['anhui', 'guizhou', 'gansu', 'sichuan', 'shanxi', 'hubei', 'shandong', 'hebei', 'jiangxi']
RETAIL_PROV = ['shandong', 'anhui', 'hebei', 'shanxi', 'shaanxi', 'hubei']
GARMENT_SRC = ['440105', '440105', '441900', '330102', '320581', '350581', '330502']
PRODUCE_SRC = ['370783', '370783', '469005', '530102', '450103', '460106', '370828']
FARMER_HOME_PROV = ['hubei', 'hunan', 'guangxi', 'yunnan', 'neimenggu', 'heilongjiang', 'guizhou']
FARMER_OPEN_PROV = ['hubei', 'hunan', 'jiangsu', 'anhui', 'shandong']

HOURS = {
    'day': [.3, .15, .1, .08, .08, .2, .6, 1.5, 3, 4, 4.5, 4.5, 4, 3.5, 4, 4, 4, 4, 4.5, 5, 5.5, 5, 3.5, 1.5],
    'office': [0, 0, 0, 0, 0, 0, 0, .2, 1.5, 4, 5, 5, 3, 3, 5, 5, 4, 2, .3, 0, 0, 0, 0, 0],
    'bank': [0, 0, 0, 0, 0, 0, 0, 0, .5, 4, 5, 5, 3, 3, 4, 5, 3, .5, 0, 0, 0, 0, 0, 0],
    'evening': [.5, .3, .1, .05, .05, .05, .1, .3, .5, .8, 1, 1.5, 2, 1.2, 1, 1, 1.2, 1.5, 3, 4.5, 5, 5, 4, 2],
    'shift': [1.5, 1.5, 1.2, 1, 1, 1.2, 1.5, 2, 2.5, 2.5, 2, 2, 2.5, 2, 2, 2, 2, 2.5, 3, 3.5, 3.5, 3.5, 3, 2],
    'mkt_morning': [0, 0, 0, 0, .5, 2, 4, 5, 5, 4, 3, 2, 1, .6, .5, .5, .5, .4, .3, .3, .2, .1, 0, 0],
    'mkt_night': [2, 4, 5, 5, 4.5, 3.5, 2, 1, .5, .3, .2, .2, .2, .2, .2, .2, .2, .2, .3, .5, .5, .6, .8, 1.2],
    'afternoon': [0, 0, 0, 0, 0, 0, .1, .3, 1, 2, 3, 3, 3, 4, 5, 5, 4, 3, 2, 1, .5, .3, .1, 0],
    'settle': [.5, 3, 3, 2, 1, 1, 1, 1, 1, .5, .2, .1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .1],
    'any': [1] * 24,
}
HOURC = {}
for _k, _w in HOURS.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    HOURC[_k] = _c

# Fraud typologies: victim archetypes, payments, amounts (yuan), gaps (seconds), memos
TYPO = {
    'brushing': dict(vict=['student', 'freshman', 'foxconn_newhire', 'foxconn_worker', 'employee', 'courier'],
                     n=(2, 6), first=(150, 900), grow=(1.6, 3.0), cap=60000, gap=(240, 2400), rebate=1,
                     memo={'': .8, '货款': .05, '任务单': .05, '充值': .05, '做单': .05}, prof='evening'),
    'ecommerce_cs': dict(vict=['employee', 'student', 'foxconn_worker', 'restaurant_owner', 'courier'],
                         n=(1, 4), amt=(6000, .8), gap=(180, 1800),
                         memo={'': .7, '退款': .12, '退款验证': .06, '理赔': .06, '备用金': .06}, prof='day'),
    'investment': dict(vict=['employee', 'elderly', 'clothing_wholesaler', 'restaurant_owner', 'town_shop'],
                       n=(2, 7), amt=(30000, .9), gap=(40000, 350000), rebate=2,
                       memo={'': .7, '投资款': .1, '充值': .1, '入金': .05, '货款': .05}, prof='day'),
    'loan_card': dict(vict=['foxconn_worker', 'courier', 'truck_driver', 'town_shop', 'employee', 'farmer'],
                      n=(2, 5), amt=(3000, .6), gap=(1200, 80000),
                      memo={'': .65, '解冻费': .1, '保证金': .1, '手续费': .08, '流水': .07}, prof='day'),
    'credit_record': dict(vict=['student', 'employee', 'foxconn_worker', 'freshman'],
                          n=(1, 4), amt=(15000, .7), gap=(600, 20000),
                          memo={'': .7, '还款': .15, '注销': .05, '征信': .05, '借款': .05}, prof='day'),
    'shopping_service': dict(vict=['student', 'employee', 'foxconn_worker', 'returning_migrant', 'courier'],
                             n=(1, 2), amt=(1500, .8), gap=(600, 80000),
                             memo={'': .6, '定金': .15, '货款': .1, '票款': .1, '代购': .05}, prof='day'),
    'police_gov': dict(vict=['elderly', 'elderly', 'employee', 'student', 'farmer'],
                       n=(1, 6), amt=(90000, .8), gap=(1800, 170000),
                       memo={'': .55, '购房款': .12, '还款': .1, '借款': .08, '货款': .08, '资金清查': .02,
                             '往来款': .05}, prof='bank', counter=.4),
    'leader_acquaintance': dict(vict=['employee', 'town_shop', 'clothing_wholesaler'],
                                n=(1, 2), amt=(45000, .7), gap=(300, 3600),
                                memo={'': .55, '货款': .25, '往来款': .1, '借款': .1}, prof='office', corp=.45),
    'romance': dict(vict=['employee', 'foxconn_worker', 'elderly', 'truck_driver', 'restaurant_owner'],
                    n=(3, 8), amt=(20000, .9), gap=(60000, 500000),
                    memo={'': .75, '充值': .1, '借你的': .08, '投资': .07}, prof='evening'),
    'game_trade': dict(vict=['student', 'freshman', 'foxconn_newhire'],
                       n=(1, 4), amt=(900, .8), gap=(300, 3600),
                       memo={'': .75, '装备': .08, '账号': .1, '保证金': .07}, prof='evening'),
    'fake_job': dict(vict=['foxconn_newhire', 'student', 'returning_migrant', 'freshman'],
                     n=(1, 3), amt=(500, .6), gap=(900, 150000),
                     memo={'': .5, '报名费': .2, '服装费': .1, '培训费': .1, '体检费': .1}, prof='day'),
    'accident_kidnap': dict(vict=['elderly', 'farmer'], n=(1, 2), amt=(20000, .6), gap=(600, 3600),
                            memo={'': .7, '医药费': .2, '住院费': .1}, prof='day', counter=.3),
    'subsidy_refund': dict(vict=['elderly', 'farmer', 'returning_migrant'], n=(1, 3), amt=(6000, .6),
                           gap=(300, 1800), memo={'': .8, '手续费': .2}, prof='bank', atm=.5),
    'prize': dict(vict=['elderly', 'farmer', 'student'], n=(1, 3), amt=(5000, .7), gap=(1800, 86400),
                  memo={'': .75, '手续费': .15, '个人所得税': .1}, prof='day'),
}

VARIANTS = {
    'baseline': dict(
        start=(2024, 8, 26), season='term',
        extract={'ICBC': 0, 'HNNX': 1, 'ZYBANK': 3, 'PSBC': 6, 'ZZBANK': 9},
        n_worker=2000, n_newhire=520, hire_waves=[(2024, 8, 27), (2024, 9, 2), (2024, 9, 9), (2024, 9, 16)],
        n_student=2300, n_fresh=650, fresh_days=[(2024, 8, 31), (2024, 9, 1), (2024, 9, 2), (2024, 9, 6),
                                                 (2024, 9, 7)],
        fox_payday=(2024, 9, 10), n_agent=25, n_courier=600, n_station=40, n_driver=350,
        n_cloth=110, n_produce=90, n_rest=380, n_shop=480, n_farmer=1100, n_gdealer=20, n_garlicdealer=10,
        n_landlord=220, n_elderly=1000, n_employee=2300, n_newarr=150, n_multibank=150, n_migrant=150,
        n_contractor=10, n_wedding=40, n_car=60, n_flat=40, n_hospital=60, n_groupbuy=60, n_reseller=200,
        market=lambda d: 1.0 + (0.3 if 16 <= d <= 21 else 0.0), holiday=(2024, 9, 17),
        gangs=[({'brushing': .6, 'game_trade': .2, 'fake_job': .2}, 90, 'fast', 'guangdong', 0, 1),
               ({'ecommerce_cs': .8, 'shopping_service': .2}, 80, 'fast', 'fujian', 0, 0),
               ({'investment': .6, 'romance': .4}, 45, 'medium', 'yunnan', 0, 0),
               ({'loan_card': .6, 'credit_record': .4}, 80, 'fast', 'guangxi', 1, 0),
               ({'police_gov': 1.0}, 35, 'fast', 'yunnan', 1, 0),
               ({'leader_acquaintance': 1.0}, 35, 'fast', 'guangdong', 0, 0),
               ({'brushing': .5, 'shopping_service': .3, 'game_trade': .2}, 80, 'medium', 'hunan', 0, 1),
               ({'credit_record': .6, 'ecommerce_cs': .4}, 60, 'fast', 'hubei', 0, 0),
               ({'subsidy_refund': .3, 'prize': .3, 'accident_kidnap': .4}, 35, 'fast', 'hainan', 1, 0)],
        mix_l1={'fresh': .36, 'aged': .25, 'rented': .22, 'sold': .17},
        mix_l2={'fresh': .4, 'aged': .3, 'rented': .15, 'sold': .15},
        n_farmer_holders=14, nmult=1.0, report=.6, report_delay=(1800, 3 * 86400)),
    'V2': dict(
        start=(2024, 5, 20), season='harvest',
        extract={'ICBC': 2, 'HNNX': 0, 'ZYBANK': 5, 'PSBC': 8, 'ZZBANK': 1},
        n_worker=2000, n_newhire=200, hire_waves=[(2024, 5, 27), (2024, 6, 11)],
        n_student=2500, n_fresh=0, fresh_days=[],
        fox_payday=(2024, 6, 7), n_agent=18, n_courier=600, n_station=40, n_driver=380,
        n_cloth=110, n_produce=95, n_rest=380, n_shop=480, n_farmer=1250, n_gdealer=30, n_garlicdealer=18,
        n_landlord=220, n_elderly=1000, n_employee=2300, n_newarr=120, n_multibank=150, n_migrant=220,
        n_contractor=10, n_wedding=30, n_car=40, n_flat=30, n_hospital=60, n_groupbuy=60, n_reseller=220,
        market=lambda d: 1.0 + (0.4 if d <= 12 else 0.0), holiday=(2024, 6, 10),
        gangs=[({'investment': .7, 'romance': .3}, 65, 'slow', 'yunnan', 0, 0),
               ({'romance': .6, 'investment': .4}, 45, 'slow', 'guangdong', 0, 0),
               ({'loan_card': .7, 'credit_record': .3}, 70, 'slow', 'guangxi', 0, 0),
               ({'brushing': .8, 'game_trade': .2}, 80, 'medium', 'hunan', 0, 1),
               ({'police_gov': 1.0}, 30, 'slow', 'fujian', 1, 0),
               ({'ecommerce_cs': .6, 'shopping_service': .4}, 60, 'medium', 'hubei', 0, 0),
               ({'leader_acquaintance': .5, 'fake_job': .5}, 45, 'slow', 'guangdong', 0, 0)],
        mix_l1={'fresh': .07, 'aged': .08, 'rented': .5, 'sold': .35},
        mix_l2={'fresh': .1, 'aged': .1, 'rented': .45, 'sold': .35},
        n_farmer_holders=11, farm_l1=.2, nmult=1.7, report=.5, report_delay=(86400, 10 * 86400)),
    'V3': dict(
        start=(2025, 1, 13), season='festival',
        extract={'ICBC': 4, 'HNNX': 0, 'ZYBANK': 1, 'PSBC': 7, 'ZZBANK': 10},
        n_worker=1900, n_newhire=950, hire_waves=[(2025, 1, 14), (2025, 2, 5), (2025, 2, 7), (2025, 2, 9)],
        n_student=2400, n_fresh=0, fresh_days=[],
        fox_payday=(2025, 1, 15), n_agent=30, n_courier=580, n_station=40, n_driver=330,
        n_cloth=110, n_produce=90, n_rest=380, n_shop=480, n_farmer=1100, n_gdealer=15, n_garlicdealer=6,
        n_landlord=220, n_elderly=1000, n_employee=2250, n_newarr=90, n_multibank=150, n_migrant=700,
        n_contractor=30, n_wedding=160, n_car=150, n_flat=120, n_hospital=70, n_groupbuy=70, n_reseller=300,
        reseller_orders=10,
        market=lambda d: (1.9 if d < 14 else (0.0 if d < 24 else 0.7)), holiday=(2025, 1, 29),
        gangs=[({'shopping_service': .7, 'game_trade': .3}, 90, 'fast', 'guangdong', 0, 1),
               ({'accident_kidnap': .5, 'leader_acquaintance': .5}, 55, 'fast', 'fujian', 0, 0),
               ({'credit_record': .5, 'loan_card': .5}, 80, 'fast', 'guangxi', 1, 0),
               ({'police_gov': 1.0}, 35, 'fast', 'yunnan', 1, 0),
               ({'fake_job': .7, 'brushing': .3}, 90, 'fast', 'hunan', 0, 1),
               ({'investment': .5, 'romance': .5}, 45, 'medium', 'yunnan', 0, 0),
               ({'ecommerce_cs': 1.0}, 70, 'fast', 'hubei', 0, 0),
               ({'brushing': 1.0}, 70, 'medium', 'guangdong', 0, 1),
               ({'prize': .5, 'subsidy_refund': .5}, 30, 'fast', 'hainan', 1, 0)],
        mix_l1={'fresh': .36, 'aged': .25, 'rented': .22, 'sold': .17},
        mix_l2={'fresh': .4, 'aged': .3, 'rented': .15, 'sold': .15},
        n_farmer_holders=17, nmult=1.0, report=.65, report_delay=(1800, 3 * 86400)),
}
SPEED = {'fast': 1.0, 'medium': 4.0, 'slow': 30.0}
FRAUD_TK = ('victim_payment', 'layering', 'card_test', 'cash_deposit', 'paofen_forward')


class Person:
    __slots__ = ('hid', 'home', 'loc', 'by', 'female', 'arch', 'accs', 'fam', 'x')

    def __init__(self, hid, home, loc, by, female, arch):
        self.hid, self.home, self.loc, self.by, self.female, self.arch = hid, home, loc, by, female, arch
        self.accs = []
        self.fam = None
        self.x = None


class Acc:
    __slots__ = ('id', 'bank', 'p', 'row', 'role', 'arch', 'cf', 'opened', 'oreg', 'cls', 'lb', 'fb', 'inf',
                 'status', 'frozen', 'comp', 'mk', 'layer', 'gang', 'label', 'flab', 'fbal', 'ureg', 'creg',
                 'pending', 'uses', 'life_end', 'active', 'daywd', 'seen', 'resv')

    def __init__(self, aid, bank, p, opened, oreg, cls, arch, role, lb, inf):
        self.id, self.bank, self.p, self.opened, self.oreg, self.cls = aid, bank, p, opened, oreg, cls
        self.arch, self.role, self.lb, self.inf = arch, role, lb, inf
        self.row = bank in SUPPLY
        self.cf = 0
        self.fb = 0
        self.status = 'active'
        self.frozen = 10 ** 12
        self.comp = None
        self.mk = None
        self.layer = None
        self.gang = None
        self.label = 0
        self.flab = 0
        self.fbal = None
        self.ureg = None
        self.creg = None
        self.pending = False
        self.uses = 0
        self.life_end = None
        self.active = False
        self.daywd = None
        self.seen = False
        self.resv = 0


class Gang:
    def __init__(self, gid):
        self.gid = gid
        self.l1, self.l2, self.l3, self.cash, self.pf, self.exits = [], [], [], [], [], []
        self.bankroll = None


def luhn(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


# --------------------------------------------------------------------------------------------
# the world
# --------------------------------------------------------------------------------------------
class World:
    def __init__(self, variant, seed):
        self.variant, self.seed = variant, seed
        self.r = random.Random(zlib.crc32(('zhengzhou|%s|%d' % (variant, seed)).encode()))
        self.cfg = VARIANTS[variant]
        self.T0 = dtm.datetime(*self.cfg['start'])
        self.D0 = self.T0.date()
        self.ND = 30
        self.END = 30 * 86400
        self.START = {b: d * 86400 for b, d in self.cfg['extract'].items()}
        self.year = self.T0.year
        self.accs = []
        self.ids = {}
        self.hids = {}
        self.persons = []
        self.pools = defaultdict(list)     # archetype -> persons
        self.prim = defaultdict(list)      # archetype -> primary accounts
        self.L = []                        # lawful candidate events
        self.FX = []                       # scheduled fraud side events
        self.VP = []                       # victim payments
        self.out = []
        self.heap = []
        self.seq = 0
        self.parents_by_home = defaultdict(list)
        self.landlords = defaultdict(list)
        self.used = {}                     # person hid -> use (victim / mule)
        self.victims = []
        self.gangs = []
        self.farmers = []
        self.fedges = defaultdict(list)
        self.C = {}

    # ---------------- helpers
    def day_of(self, ymd):
        return (dtm.date(*ymd) - self.D0).days

    def date_of(self, d):
        return self.D0 + dtm.timedelta(days=d)

    def wd(self, d):
        return self.date_of(d).weekday()

    def dom_days(self, dom):
        res = []
        for d in range(self.ND):
            dt = self.date_of(d)
            last = (dt.replace(day=28) + dtm.timedelta(days=4)).replace(day=1) - dtm.timedelta(days=1)
            if dt.day == min(dom, last.day):
                res.append(d)
        return res

    def workday_before(self, d):
        while d > 0 and self.wd(d) >= 5:
            d -= 1
        return d

    def tod(self, prof):
        c = HOURC[prof]
        h = bisect.bisect_right(c, self.r.random() * c[-1])
        return min(h, 23) * 3600 + self.r.randint(0, 3599)

    def at(self, d, prof='day'):
        return d * 86400 + self.tod(prof)

    def rt(self, prof='day', d0=0, d1=30):
        d0 = max(0, d0)
        d1 = min(self.ND, d1)
        if d1 <= d0:
            d1 = d0 + 1
        return self.at(self.r.randrange(d0, d1), prof)

    def past(self, lo_days, hi_days, prof='bank'):
        return -self.r.randint(int(lo_days), int(hi_days)) * 86400 + self.tod(prof)

    def ln(self, med, sig):
        return med * math.exp(sig * self.r.gauss(0, 1))

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

    def money(self, x, style='cent'):
        if style == 'cent':
            return max(1, int(round(x * 100)))
        unit = {'int': 1, 'r10': 10, 'r50': 50, 'r100': 100, 'r1000': 1000}[style]
        return max(unit, int(round(x / unit)) * unit) * 100

    def wpick(self, d):
        x = self.r.random() * sum(d.values())
        for k, v in d.items():
            x -= v
            if x <= 0:
                return k
        return k

    def memo(self, d):
        return self.wpick(d)

    def fmt(self, t):
        return (self.T0 + dtm.timedelta(seconds=int(t))).strftime('%Y-%m-%dT%H:%M:%S+08:00')

    # ---------------- identities and accounts
    def make_hid(self, region, by, female):
        r = self.r
        while True:
            m = r.randint(1, 12)
            dd = r.randint(1, 28)
            seq = r.randint(0, 499) * 2 + (0 if female else 1)
            body = '%s%04d%02d%02d%03d' % (region, by, m, dd, seq)
            w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
            s = sum(int(c) * x for c, x in zip(body, w)) % 11
            hid = body + '10X98765432'[s]
            if hid not in self.hids:
                self.hids[hid] = 1
                return hid

    def make_uscc(self, region):
        alpha = '0123456789ABCDEFGHJKLMNPQRTUWXY'
        while True:
            hid = '91' + region + ''.join(self.r.choice(alpha) for _ in range(10))
            if hid not in self.hids:
                self.hids[hid] = 1
                return hid

    def make_acct_id(self, bank, corp=False):
        r = self.r
        while True:
            if bank == 'ALIPAY':
                aid = '2088' + ''.join(r.choice('0123456789') for _ in range(12))
            elif bank == 'TENPAY':
                aid = '1' + ''.join(r.choice('0123456789') for _ in range(9))
            elif bank in ('JDPAY', 'MTPAY', 'LAKALA', 'YEEPAY'):
                aid = {'JDPAY': '11', 'MTPAY': '60', 'LAKALA': '822', 'YEEPAY': '10'}[bank] + \
                      ''.join(r.choice('0123456789') for _ in range(12))
            elif corp:
                aid = '%d' % r.randint(1, 9) + ''.join(r.choice('0123456789') for _ in range(r.choice([15, 17, 18])))
            else:
                pf, n = PFX.get(bank, ('62%04d' % (zlib.crc32(bank.encode()) % 10000), 19))
                body = pf + ''.join(r.choice('0123456789') for _ in range(n - len(pf) - 1))
                aid = body + luhn(body)
            if aid not in self.ids:
                return aid

    def person(self, arch, home, by, loc=None, female=None, reg=True):
        if female is None:
            female = self.r.random() < 0.5
        p = Person(self.make_hid(home, by, female), home, loc or home, by, female, arch)
        self.persons.append(p)
        if reg:
            self.pools[arch].append(p)
        return p

    def acct(self, p, bank, opened, oreg, cls='I', arch=None, role='lawful', lb=0.0, inf=False, corp=False,
             prim=True):
        a = Acc(self.make_acct_id(bank, corp), bank, p, opened, oreg, cls, arch or p.arch, role,
                int(round(lb * 100)) if lb else 0, inf)
        self.ids[a.id] = a
        self.accs.append(a)
        p.accs.append(a)
        if prim and len(p.accs) == 1 and p.arch:
            self.prim[p.arch].append(a)
        return a

    def corp(self, bank, arch, region, opened=None, inf=True):
        p = Person(self.make_uscc(region[:4] + '00'), region, region, 0, False, arch)
        p.x = 'corp'
        self.persons.append(p)
        return self.acct(p, bank, opened if opened is not None else self.past(800, 6000), region, 'corp', arch,
                         'lawful', 0, inf=inf, corp=True, prim=False)

    def ext_person(self, arch, region, bank=None, by=None):
        r = self.r
        if bank in SUPPLY:
            bank = 'ABC'
        if bank is None:
            if region[:2] == '41':
                bank = self.wpick({'ABC': 4, 'CCB': 3, 'BOC': 2, 'BOCOM': 1, 'CMB': 1, 'CIB': .5, 'PAB': .5})
            else:
                bank = self.wpick({'ABC': 3, 'CCB': 3, 'BOC': 2, 'CMB': 2, 'RCU' + region[:2]: 2, 'BOCOM': 1,
                                   'ALIPAY': .5, 'CIB': 1})
        p = Person(self.make_hid(region, by or (self.year - r.randint(22, 60)), r.random() < .5), region, region,
                   by or 0, False, arch)
        self.persons.append(p)
        return self.acct(p, bank, self.past(200, 5000), region, 'I', arch, 'lawful', 0, inf=True, prim=False)

    def bank_for(self, w):
        return self.wpick(w)

    def rural_home(self, p_out=0.15):
        if self.r.random() < p_out:
            return self.r.choice(OTHER[self.r.choice(MIGRANT_PROV)])
        return self.r.choice(HENAN_RURAL)

    def fam(self, p):
        if p.fam is not None:
            return p.fam
        cands = self.parents_by_home.get(p.home)
        if cands and self.r.random() < 0.6:
            p.fam = self.r.choice(cands)
        else:
            p.fam = self.ext_person('ext_parent', p.home, by=p.by - self.r.randint(22, 32))
        return p.fam

    def hub(self):
        return self.r.choice(self.C['hubs_w'])

    def landlord(self, area):
        lst = self.landlords.get(area) or self.landlords['urban']
        return self.r.choice(lst)

    def peer(self, arch, p_row=0.65, region=None):
        lst = self.prim.get(arch)
        if lst and self.r.random() < p_row:
            return self.r.choice(lst)
        return self.ext_person('ext_friend', region or self.r.choice(ZZ_ALL))

    # ---------------- events
    def ev(self, t, frm, to, fen, ch='mobile', reg=None, kind='transfer', memo='', tk='ordinary', mode=0, xb=False):
        if t < 0 or t >= self.END or fen <= 0:
            return
        if reg is None:
            reg = (frm.p.loc if frm is not None else to.p.loc)
        self.L.append((int(t), frm, to, int(fen), ch, reg, kind, memo, tk, mode, xb))

    def spend(self, a, n, med, sig=1.0, prof='day', d0=0, d1=30, ch='mobile'):
        for _ in range(n):
            self.ev(self.rt(prof, d0, d1), a, self.hub(), self.money(self.ln(med, sig)), ch, memo='')

    # ==========================================================================================
    # lawful world
    # ==========================================================================================
    def gen_corps(self):
        r, C = self.r, self.C
        hubs = []
        for bank, n in (('ALIPAY', 3), ('TENPAY', 3), ('JDPAY', 1), ('MTPAY', 1)):
            for _ in range(n):
                a = self.corp(bank, 'payment_clearing', {'ALIPAY': '330106', 'TENPAY': '440305', 'JDPAY': '110115',
                                                         'MTPAY': '110105'}[bank])
                hubs.append(a)
        C['hubs'] = hubs
        C['hubs_w'] = hubs[:3] * 3 + hubs[3:6] * 4 + hubs[6:] * 1
        C['fox'] = [self.corp('ZYBANK', 'foxconn_payroll', AIRPORT), self.corp('ICBC', 'foxconn_payroll', AIRPORT)]
        C['univ'] = [self.corp(b, 'university', g) for b, g in
                     (('ICBC', '410102'), ('ZZBANK', '410102'), ('ZZBANK', '410105'), ('PSBC', '410105'),
                      ('ICBC', '410202'), ('ZYBANK', '410103'))]
        C['emp'] = []
        for _ in range(90):
            bank = r.choice(SUPPLY) if r.random() < .7 else r.choice(EXT_BANKS)
            a = self.corp(bank, 'employer', r.choice(ZZ_URBAN + [AIRPORT, '410104']))
            a.daywd = r.choice([5, 8, 10, 10, 12, 15, 15, 15, 20, 25, 28])
            C['emp'].append(a)
        C['agency'] = [self.corp(r.choice(['ZYBANK', 'ICBC', 'ZZBANK', 'CCB', 'ABC']), 'labour_agency',
                                 r.choice([AIRPORT, '410104', '410105'])) for _ in range(8)]
        C['express'] = [self.corp(b, 'express_corp', g) for b, g in
                        (('CMB', '440306'), ('CCB', '310118'), ('ABC', '310118'), ('BOC', '310118'),
                         ('CCB', '310118'), ('ICBC', '110115'))]
        C['mill'] = [self.corp(b, 'flour_mill', g) for b, g in
                     (('HNNX', '410702'), ('ZYBANK', '411302'), ('ABC', '130425'), ('ICBC', '410184'),
                      ('CCB', '411002'), ('PSBC', '411602'))]
        C['garlic'] = [self.corp(b, 'garlic_storage', g) for b, g in
                       (('HNNX', '410221'), ('ZYBANK', '410122'), ('ABC', '370828'), ('ABC', '370828'),
                        ('CCB', '370828'))]
        C['car'] = [self.corp(r.choice(SUPPLY + ('CCB', 'ABC')), 'car_dealer', r.choice(ZZ_ALL + HENAN_CITY))
                    for _ in range(14)]
        C['dev'] = [self.corp(r.choice(SUPPLY + ('CCB', 'ABC', 'BOC')), 'developer',
                              r.choice(ZZ_ALL + HENAN_CITY + HENAN_RURAL[:20])) for _ in range(16)]
        C['hosp'] = [self.corp(b, 'hospital', g) for b, g in
                     (('ICBC', '410105'), ('ZZBANK', '410103'), ('CCB', '410105'), ('PSBC', '411602'),
                      ('HNNX', '411702'), ('ABC', '411402'))]
        C['insurer'] = [self.corp(b, 'insurer', g) for b, g in
                        (('ICBC', '110102'), ('CMB', '440304'), ('CCB', '310115'), ('BOC', '410105'))]
        C['loanp'] = [self.corp(b, 'loan_platform', g) for b, g in
                      (('CITIC', '330106'), ('PAB', '440305'), ('CMB', '110105'), ('CIB', '110108'),
                       ('SPDB', '310115'), ('CEB', '440304'))]
        C['sbi_urban'] = self.corp('CCB', 'social_security', '410105')
        C['sbi_rural'] = self.corp('HNNX', 'social_security', '410100')
        C['finance'] = self.corp('HNNX', 'county_finance', '410100')
        C['tax'] = self.corp('ICBC', 'tax_bureau', '410105')
        C['grid'] = self.corp('CCB', 'utility', '410105')
        C['mobile'] = self.corp('BOC', 'telecom', '410105')
        C['fuel'] = [self.corp(r.choice(['ICBC', 'CCB', 'BOC', 'ABC']), 'fuel_station',
                               r.choice(ZZ_ALL + HENAN_CITY + OTHER['hebei'] + OTHER['shandong'] + OTHER['hubei'] +
                                        OTHER['jiangsu'] + OTHER['guangdong'] + OTHER['shaanxi']))
                     for _ in range(40)]
        C['etc'] = self.corp('ICBC', 'etc_toll', '410105')
        C['leasing'] = [self.corp(b, 'truck_leasing', '410104') for b in ('ZYBANK', 'CMB')]
        C['shipper'] = [self.corp(r.choice(EXT_BANKS + SUPPLY), 'shipper',
                                  r.choice(ZZ_ALL + HENAN_CITY + OTHER['shandong'] + OTHER['jiangsu'] +
                                           OTHER['guangdong'] + OTHER['hebei'] + OTHER['zhejiang']))
                        for _ in range(40)]
        C['fund'] = [self.corp(b, 'fund_company', g) for b, g in
                     (('CMB', '440304'), ('ICBC', '110102'), ('CCB', '310115'))]
        C['construct'] = [self.corp(r.choice(['CCB', 'ABC', 'BOC', 'ICBC', 'CMB']), 'construction_corp',
                                    r.choice(OTHER['beijing'] + OTHER['shanghai'] + OTHER['zhejiang'] +
                                             OTHER['jiangsu'] + OTHER['guangdong'] + ZZ_URBAN))
                          for _ in range(20)]
        C['loancentre'] = {b: self.corp(b, 'bank_loan_centre', '410105') for b in SUPPLY}
        C['cardcentre'] = [self.corp(b, 'credit_card_centre', g) for b, g in
                           (('ICBC', '110102'), ('ZZBANK', '410105'), ('CMB', '440304'), ('GDB', '440104'),
                            ('SPDB', '310115'), ('PAB', '440304'))]
        C['jewel'] = [self.corp(r.choice(['ICBC', 'ZZBANK', 'CCB', 'HNNX']), 'jewellery_shop',
                                r.choice(ZZ_URBAN + HENAN_CITY)) for _ in range(8)]
        C['banquet'] = [self.corp(r.choice(SUPPLY + ('ABC',)), 'banquet_hall', r.choice(HENAN_RURAL + HENAN_CITY))
                        for _ in range(15)]
        C['agri'] = [self.ext_person('agri_supply_shop', r.choice(HENAN_RURAL)) for _ in range(40)]
        C['distrib'] = [self.ext_person('distributor', r.choice(HENAN_CITY + ZZ_URBAN)) for _ in range(50)]
        C['offshore_school'] = [self.corp(b, 'overseas_school', '810000' if b == 'HSBCHK' else '810000')
                                for b in ('HSBCHK', 'BOCHK')]

    # ---------------- foundations: elderly and farmers first (they are parents)
    def gen_elderly_farmers(self):
        r, c, C = self.r, self.cfg, self.C
        for _ in range(c['n_elderly']):
            urban = r.random() < .4
            home = r.choice(ZZ_URBAN) if urban else r.choice(HENAN_RURAL)
            p = self.person('elderly', home, self.year - r.randint(60, 86))
            bank = self.bank_for({'PSBC': 4, 'HNNX': 3, 'ICBC': 2, 'ZZBANK': 1}) if not urban else \
                self.bank_for({'ICBC': 4, 'ZZBANK': 3, 'PSBC': 2, 'ZYBANK': 1})
            if bank == 'HNNX' and urban:
                bank = 'ZZBANK'
            sav = self.ln(30000, 1.3) if r.random() < .85 else self.ln(250000, .7)
            a = self.acct(p, bank, self.past(1500, 9000), home, 'I', lb=sav)
            if not urban:
                self.parents_by_home[home].append(a)
            if r.random() < .15:
                self.acct(p, self.r.choice([b for b in SUPPLY if b != bank]), self.past(1000, 8000), home, 'I',
                          lb=self.ln(20000, 1.0))
            # pension
            for d in self.dom_days(r.choice([5, 8, 10, 12, 15])):
                if urban:
                    self.ev(self.at(d, 'settle'), C['sbi_urban'], a, self.money(self.ln(3300, .3)), 'other',
                            memo='养老金')
                else:
                    self.ev(self.at(d, 'settle'), C['sbi_rural'], a, self.money(r.choice([163, 178, 193, 210, 240])),
                            'other', memo=r.choice(['养老金', '']))
            for _ in range(self.pois(1.3)):
                ch = 'counter' if r.random() < .6 else 'atm'
                self.ev(self.rt('bank'), a, None, self.money(self.ln(1200, .7), 'r100'), ch, home, 'withdrawal')
            if r.random() < .15:
                self.ev(self.rt('bank'), None, a, self.money(self.ln(5000, 1.0), 'r100'), 'counter', home, 'deposit')
            if r.random() < .25:
                self.spend(a, self.pois(2), 60, .8)
            if r.random() < .06:   # insurance / wealth premium
                self.ev(self.rt('bank'), a, r.choice(C['insurer']), self.money(self.ln(20000, .6), 'r1000'),
                        'counter', memo=r.choice(['', '保费']))
            if r.random() < .08:
                self.ev(self.rt('day'), a, r.choice(C['hosp']), self.money(self.ln(2500, .9)), 'pos')
            if urban and r.random() < .3:
                self.ev(self.rt('day'), a, C['grid'], self.money(self.ln(120, .5)), 'mobile', memo='电费')
        for _ in range(c['n_farmer']):
            home = r.choice(HENAN_RURAL)
            p = self.person('farmer', home, self.year - r.randint(38, 72))
            bank = 'HNNX' if r.random() < .65 else 'PSBC'
            a = self.acct(p, bank, self.past(1500, 9000), home, 'I', lb=self.ln(15000, 1.1))
            self.parents_by_home[home].append(a)
            for d in self.dom_days(r.choice([3, 10, 20])):
                if r.random() < .12:
                    self.ev(self.at(d, 'settle'), C['finance'], a, self.money(self.ln(900, .6)), 'other',
                            memo=r.choice(['耕地地力保护补贴', '补贴', '惠农补贴']))
            for _ in range(self.pois(.8)):
                self.ev(self.rt('bank'), a, None, self.money(self.ln(1000, .7), 'r100'),
                        'atm' if r.random() < .6 else 'counter', home, 'withdrawal')
            for _ in range(self.pois(.6)):
                self.ev(self.rt('day'), a, r.choice(C['agri']), self.money(self.ln(900, .8), 'int'), 'mobile',
                        memo=r.choice(['', '化肥', '种子', '农药']))
            if self.cfg['season'] == 'term' and r.random() < .2:
                self.ev(self.rt('day'), a, C['tax'], self.money(380), 'mobile', memo=r.choice(['医保', '居民医保', '']))
            if r.random() < .2:
                self.spend(a, self.pois(2), 80, .9)
        # rural pension payers also for elderly; farmers' own sales handled in gen_harvest

    # ---------------- Foxconn, labour agents, new hires
    def gen_foxconn(self):
        r, c, C = self.r, self.cfg, self.C
        payday = self.workday_before(self.day_of(c['fox_payday']))
        season = c['season']
        self.landlord_area = {}
        for _ in range(c['n_worker']):
            home = self.rural_home(.18)
            p = self.person('foxconn_worker', home, self.year - r.randint(19, 45), loc=AIRPORT)
            bank = 'ZYBANK' if r.random() < .6 else 'ICBC'
            corp = C['fox'][0] if bank == 'ZYBANK' else C['fox'][1]
            a = self.acct(p, bank, self.past(60, 2500), AIRPORT, 'I', lb=self.ln(1500, .9))
            b2 = None
            if r.random() < .25:
                b2 = self.acct(p, r.choice(['HNNX', 'PSBC']) if home[:2] == '41' else 'PSBC', self.past(800, 5000),
                               home, 'I', lb=self.ln(2000, 1.0))
            wage = self.money(self.ln(5300, .18))
            if 0 <= payday < 30:
                self.ev(payday * 86400 + r.randint(9 * 3600, 11 * 3600), corp, a, wage, 'other', AIRPORT,
                        memo=r.choice(['代发工资', '工资', '工资', '']))
            if season == 'festival':
                bd = self.workday_before(self.day_of((2025, 1, 24)))
                self.ev(bd * 86400 + r.randint(9 * 3600, 12 * 3600), corp, a, self.money(self.ln(2500, .4)),
                        'other', AIRPORT, memo=r.choice(['年终奖', '奖金', '']))
            base = payday if 0 <= payday < 30 else r.randrange(0, 20)
            nh = 1 if r.random() < .55 else (2 if r.random() < .3 else 0)
            if season == 'festival':
                nh += 1
            for _ in range(nh):
                self.ev(self.at(min(29, base + r.randint(0, 4)), 'shift'), a, self.fam(p),
                        self.money(self.ln(1800, .45), 'r100'), 'mobile',
                        memo=self.memo({'': .6, '生活费': .15, '家用': .1, '给妈的': .05, '过年': .1 if season ==
                                        'festival' else 0}), mode=1)
            self.spend(a, self.pois(6 if season != 'festival' else 8), 70, 1.0, 'shift')
            for _ in range(self.pois(1.2)):
                self.ev(self.rt('shift'), a, self.peer('foxconn_worker', .7, AIRPORT),
                        self.money(self.ln(150, .8), 'int'), 'mobile', memo=r.choice(['', '', '', '饭钱', '还你']))
            if r.random() < .22:
                self.landlord_area[p.hid] = 'airport'
                for d in self.dom_days(r.randint(1, 6)):
                    self.ev(self.at(d, 'evening'), a, self.landlord('airport'), self.money(self.ln(650, .25), 'r50'),
                            'mobile', memo=r.choice(['', '房租', '房租']), mode=1)
            if r.random() < .12:
                for d in self.dom_days(r.randint(5, 25)):
                    self.ev(self.at(d, 'day'), a, r.choice(C['loanp']), self.money(self.ln(700, .5)), 'mobile',
                            memo='')
            if r.random() < .15:
                self.ev(self.rt('shift'), a, None, self.money(self.ln(500, .6), 'r100'), 'atm', AIRPORT, 'withdrawal')
            if b2 is not None and r.random() < .6:
                self.ev(self.at(min(29, base + r.randint(0, 3)), 'evening'), a, b2,
                        self.money(self.ln(1500, .5), 'r100'), 'mobile', mode=1)
            if season == 'festival' and r.random() < .5:     # goes home for the festival
                hd = self.day_of((2025, 1, 25)) + r.randint(-3, 2)
                if home[:2] == '41' and b2 is not None:
                    self.ev(self.at(hd + r.randint(1, 5)), b2, None, self.money(self.ln(1500, .5), 'r100'), 'atm',
                            home, 'withdrawal', mode=1)
                self.ev(self.at(hd, 'day'), a, self.hub(), self.money(self.ln(260, .4)), 'mobile', memo='')
        # labour agents
        agents = []
        for _ in range(c['n_agent']):
            home = r.choice(HENAN_RURAL)
            p = self.person('labour_agent', home, self.year - r.randint(28, 50), loc=AIRPORT)
            a = self.acct(p, r.choice(['ICBC', 'ZYBANK', 'ZZBANK', 'PSBC']), self.past(300, 4000), AIRPORT, 'I',
                          lb=self.ln(20000, .8))
            agents.append(a)
        # new hires in waves: cards opened in batches at the plant
        waves = [self.day_of(w) for w in c['hire_waves']]
        waves = [w for w in waves if 0 <= w < 30]
        nhires = []
        for i in range(c['n_newhire']):
            w = waves[i % len(waves)] if waves else r.randrange(0, 25)
            home = self.rural_home(.25)
            p = self.person('foxconn_newhire', home, self.year - r.randint(17, 38), loc=AIRPORT)
            bank = 'ZYBANK' if r.random() < .6 else 'ICBC'
            t_open = w * 86400 + r.randint(9 * 3600, 17 * 3600) + r.choice([0, 0, 86400])
            a = self.acct(p, bank, t_open, AIRPORT, 'I')
            nhires.append((a, t_open))
            if r.random() < .35:
                self.ev(t_open + r.randint(3600, 5 * 86400), self.fam(p), a, self.money(self.ln(600, .5), 'r100'),
                        'mobile', home, memo=r.choice(['', '生活费', '']))
            if r.random() < .45:
                for _ in range(self.pois(3)):
                    self.ev(t_open + r.randint(7200, 12 * 86400), a, self.hub(), self.money(self.ln(45, .9)),
                            'mobile', AIRPORT, mode=0)
            if r.random() < .1:
                self.ev(t_open + r.randint(86400, 6 * 86400), a, self.peer('foxconn_newhire', .8, AIRPORT),
                        self.money(self.ln(100, .6), 'int'), 'mobile', AIRPORT)
        # agents: lump from agency, fan-out of 返费 / 借支 to hires and some workers within hours
        for a in agents:
            ag = r.choice(C['agency'])
            mine = [h for h in nhires if r.random() < 1.4 / max(1, len(agents))]
            workers = r.sample(self.prim['foxconn_worker'], r.randint(3, 15))
            payees = [(h[0], h[1]) for h in mine] + [(w, -1) for w in workers]
            if not payees:
                continue
            r.shuffle(payees)
            nb = 2 if len(payees) > 30 else 1
            chunks = [payees[k::nb] for k in range(nb)]
            for ch_ in chunks:
                latest = max([tt for _, tt in ch_] + [0])
                tpay = max(latest + r.randint(86400, 5 * 86400), r.randint(2, 27) * 86400)
                tpay = (tpay // 86400) * 86400 + self.tod('office')
                if tpay >= self.END:
                    tpay = latest + r.randint(3600, 20 * 3600)
                amts = [self.money(r.choice([500, 800, 1000, 1000, 1500, 2000, 3000]) if h[1] >= 0 else
                                   self.ln(1500, .4), 'r100') for h in ch_]
                tot = sum(amts)
                self.ev(tpay - r.randint(1800, 4 * 3600), ag, a, self.money(tot / 100 * r.uniform(1.02, 1.12), 'r100'),
                        'other', memo=r.choice(['', '返费', '劳务费', '服务费']))
                t = tpay
                for (acc, _), f in zip(ch_, amts):
                    t += r.randint(20, 900)
                    self.ev(t, a, acc, f, 'mobile', memo=self.memo({'': .45, '返费': .3, '借支': .1, '工资': .15}))
            if r.random() < .25:   # job-seekers paying a small registration fee (lawful look-alike of fake_job)
                for _ in range(r.randint(4, 15)):
                    src = r.choice(nhires)[0] if nhires and r.random() < .5 else \
                        self.ext_person('ext_jobseeker', self.rural_home(.3))
                    self.ev(self.rt('day'), src, a, self.money(r.choice([100, 150, 200, 300])), 'mobile',
                            memo=r.choice(['', '报名费', '中介费', '体检费']))

    # ---------------- students
    def gen_students(self):
        r, c, C = self.r, self.cfg, self.C
        season = c['season']
        univ = C['univ']
        camp_bank = {'410102': 'ZZBANK', '410105': 'ICBC', '410103': 'ZYBANK', '410202': 'PSBC'}
        fresh_days = [self.day_of(x) for x in c['fresh_days']]
        n_total = c['n_student'] + c['n_fresh']
        monitors = []
        for i in range(n_total):
            fresh = i >= c['n_student']
            home = self.rural_home(.2) if r.random() < .75 else r.choice(HENAN_CITY + ZZ_URBAN)
            loc = r.choice(CAMPUS)
            p = self.person('freshman' if fresh else 'student', home, self.year - (18 if fresh else r.randint(19, 24)),
                            loc=loc)
            bank = camp_bank[loc] if r.random() < .6 else self.bank_for({'ICBC': 3, 'ZZBANK': 3, 'PSBC': 2,
                                                                         'ZYBANK': 2, 'HNNX': 1})
            u = univ[CAMPUS.index(loc) % len(univ)]
            if fresh:
                fd = r.choice(fresh_days)
                t_open = fd * 86400 + r.randint(9 * 3600, 17 * 3600)
                a = self.acct(p, camp_bank[loc], t_open, loc, 'I', lb=0)
            else:
                t_open = self.past(300, 1500)
                a = self.acct(p, bank, t_open, loc, 'I' if r.random() < .85 else 'II', lb=self.ln(900, 1.0))
            b2 = None
            if r.random() < .18:
                b2 = self.acct(p, r.choice(['ICBC', 'PSBC', 'HNNX', 'ZYBANK']), self.past(200, 2500),
                               home if home[:2] == '41' else loc, 'I', lb=self.ln(500, 1.0))
            t0 = max(0, t_open + 600)
            d0 = int(t0 // 86400)
            parent = self.fam(p)
            if season == 'term':
                n = 1 + (r.random() < .5)
                for k in range(n):
                    d = d0 + r.randint(0, 3) if k == 0 else r.randrange(max(d0, 10), 30)
                    self.ev(max(t0 + 60, self.at(d, 'evening')), parent, a,
                            self.money(self.ln(2200 if k == 0 else 1300, .35), 'r100'), 'mobile', p.home,
                            memo=self.memo({'': .65, '生活费': .3, '零花钱': .05}))
                if fresh or r.random() < .3:
                    tt = max(t0 + 3600, self.at(d0 + r.randint(0, 5), 'day'))
                    fee = self.money(r.choice([4400, 4400, 5000, 5500, 6000, 3800]))
                    if fresh and r.random() < .6:
                        self.ev(tt - r.randint(600, 7200), parent, a, fee + self.money(r.choice([0, 500, 1000])),
                                'mobile', p.home, memo=r.choice(['', '学费', '学费']))
                    self.ev(tt, a, u, fee, 'mobile', memo=r.choice(['学费', '', '学费住宿费']), mode=0)
                if r.random() < .08:
                    self.ev(self.rt('office', 12, 30), u, a, self.money(r.choice([1000, 2000, 2500, 3000, 5000])),
                            'other', loc, memo=r.choice(['奖学金', '助学金', '国家助学金']))
                nspend = self.pois(9 if fresh else 7)
            elif season == 'harvest':
                for _ in range(1 + (r.random() < .3)):
                    self.ev(self.rt('evening'), parent, a, self.money(self.ln(1300, .35), 'r100'), 'mobile', p.home,
                            memo=self.memo({'': .7, '生活费': .3}))
                if r.random() < .2:     # graduates: deposit refunds, graduation costs
                    self.ev(self.rt('office', 15, 30), u, a, self.money(r.choice([100, 200, 300, 500])), 'other', loc,
                            memo=r.choice(['押金退还', '退款', '住宿押金']))
                nspend = self.pois(7)
            else:     # winter vacation: students go home around day 0-5
                if r.random() < .5:
                    self.ev(self.rt('evening', 0, 8), parent, a, self.money(self.ln(600, .5), 'r100'), 'mobile',
                            p.home, memo=r.choice(['', '路费', '']))
                if r.random() < .35:   # 压岁钱 from relatives
                    for _ in range(r.randint(1, 3)):
                        self.ev(self.rt('day', 14, 23), self.ext_person('ext_relative', p.home), a,
                                self.money(r.choice([200, 500, 600, 800, 1000, 2000])), 'mobile', p.home,
                                memo=r.choice(['', '压岁钱', '红包', '新年快乐']))
                nspend = self.pois(5)
                p.loc = p.home
            self.spend(a, nspend, 45, 1.0, 'evening', d0=d0)
            for _ in range(self.pois(2.5)):
                self.ev(self.rt('evening', d0 + 1), a, self.peer(p.arch if fresh else 'student', .75, loc),
                        self.money(self.ln(45, .8), 'int' if r.random() < .6 else 'cent'), 'mobile',
                        memo=self.memo({'': .8, 'AA': .08, '饭钱': .06, '还你': .06}))
            if r.random() < .18:       # part-time income
                for _ in range(r.randint(1, 4)):
                    src = self.ext_person('ext_parttime', loc) if r.random() < .7 else r.choice(C['emp'])
                    self.ev(self.rt('evening', d0 + 1), src, a, self.money(self.ln(220, .6), 'int'),
                            'mobile' if src.p.x != 'corp' else 'other',
                            memo=self.memo({'': .5, '兼职': .2, '家教费': .15, '工资': .15}))
            if b2 is not None and r.random() < .6:
                self.ev(self.rt('evening', d0 + 1), b2 if r.random() < .5 else a, a if r.random() < .5 else b2,
                        self.money(self.ln(500, .6), 'r100'), 'mobile', mode=1)
            if r.random() < .05:
                self.ev(self.rt('day', d0 + 1), self.hub(), a, self.money(self.ln(60, 1.0)), 'other',
                        memo=r.choice(['退款', '退款', '']))
            if r.random() < .025 and season != 'festival':
                monitors.append(a)
        # class monitors collecting class fees (班费) then paying a shop/venue
        for m in monitors:
            mates = [x for x in (self.prim['student'] + self.prim['freshman']) if x.p.loc == m.p.loc]
            if len(mates) < 10:
                continue
            k = r.randint(25, 45)
            base = r.randint(1, 22) * 86400
            fee = self.money(r.choice([50, 80, 100, 100, 150, 200]))
            tot = 0
            for s in r.sample(mates, min(k, len(mates))):
                if s is m:
                    continue
                t = base + r.randint(0, 2 * 86400) + self.tod('evening') % 86400 // 2
                self.ev(max(t, s.opened + 3600), s, m, fee, 'mobile', memo=r.choice(['班费', '班费', '', '班费 ']))
                tot += fee
            self.ev(base + r.randint(3, 6) * 86400 + self.tod('day'), m,
                    self.ext_person('ext_shop', m.p.loc, bank=r.choice(['CCB', 'ABC', 'ALIPAY'])),
                    int(tot * r.uniform(.6, .95)) // 100 * 100, 'mobile', memo=r.choice(['', '班服', '聚餐', '']),
                    mode=1)

    # ---------------- logistics
    def gen_logistics(self):
        r, c, C = self.r, self.cfg, self.C
        stations = []
        for _ in range(c['n_station']):
            home = r.choice(HENAN_RURAL)
            loc = r.choice(ZZ_URBAN + [AIRPORT, '410104'])
            p = self.person('station_owner', home, self.year - r.randint(28, 50), loc=loc)
            a = self.acct(p, self.bank_for({'ICBC': 3, 'ZYBANK': 2, 'ZZBANK': 2, 'PSBC': 2}), self.past(400, 4000),
                          loc, 'I', lb=self.ln(40000, .7))
            stations.append(a)
        couriers = []
        for _ in range(c['n_courier']):
            home = self.rural_home(.12)
            st = r.choice(stations)
            p = self.person('courier', home, self.year - r.randint(20, 48), loc=st.p.loc)
            a = self.acct(p, self.bank_for({'PSBC': 3, 'ZYBANK': 2, 'ICBC': 2, 'ZZBANK': 2, 'HNNX': 1}),
                          self.past(100, 3000), st.p.loc, 'I', lb=self.ln(1500, .9))
            couriers.append((a, st))
            self.spend(a, self.pois(6), 40, 1.0, 'evening')
            if r.random() < .6:
                self.ev(self.rt('evening'), a, self.fam(p), self.money(self.ln(1800, .5), 'r100'), 'mobile',
                        memo=r.choice(['', '', '生活费']), mode=1)
            if r.random() < .45:
                for d in self.dom_days(r.randint(1, 8)):
                    self.ev(self.at(d, 'evening'), a, self.landlord('urban'), self.money(self.ln(800, .3), 'r50'),
                            'mobile', memo=r.choice(['', '房租']), mode=1)
            if r.random() < .4:
                self.ev(self.rt('day'), a, self.hub(), self.money(r.choice([99, 129, 159])), 'mobile',
                        memo='')      # battery swap plan
            for _ in range(self.pois(.7)):
                self.ev(self.rt('evening'), a, self.peer('courier', .6), self.money(self.ln(200, .7), 'int'),
                        'mobile')
        for st in stations:
            crew = [cc for cc, s in couriers if s is st]
            settle_days = self.dom_days(r.randint(3, 10))
            for d in settle_days:
                tot = sum(self.ln(6500, .2) for _ in crew) * r.uniform(1.1, 1.4) + self.ln(30000, .4)
                self.ev(self.at(d, 'office'), r.choice(C['express']), st, self.money(tot), 'other',
                        memo=r.choice(['派费', '结算款', '', '派件费']))
            for d in self.dom_days(r.randint(10, 16)):
                t = self.at(d, 'evening')
                for cc in crew:
                    t += r.randint(15, 400)
                    self.ev(t, st, cc, self.money(self.ln(6500, .22), 'int'), 'mobile',
                            memo=self.memo({'': .5, '工资': .4, '提成': .1}), mode=1)
            for d in self.dom_days(r.randint(1, 5)):
                self.ev(self.at(d, 'day'), st, self.ext_person('ext_landlord', st.p.loc),
                        self.money(self.ln(9000, .4), 'r100'), 'mobile', memo=r.choice(['', '房租', '场地费']), mode=1)
            for _ in range(self.pois(3)):
                self.ev(self.rt('day'), st, r.choice(C['fuel']), self.money(self.ln(400, .4)), 'pos', mode=1)
            if r.random() < .5:   # express company's small claims paid to customers through stations
                for _ in range(r.randint(1, 4)):
                    self.ev(self.rt('day'), st, self.ext_person('ext_customer', r.choice(ZZ_ALL)),
                            self.money(self.ln(150, .7), 'int'), 'mobile', memo=r.choice(['理赔', '赔偿', '']))
        # truck drivers travel; fuel and cash in other provinces
        for _ in range(c['n_driver']):
            home = self.rural_home(.1)
            p = self.person('truck_driver', home, self.year - r.randint(25, 55), loc='410104')
            a = self.acct(p, self.bank_for({'HNNX': 3, 'PSBC': 3, 'ICBC': 2, 'ZYBANK': 1}), self.past(800, 6000),
                          home if r.random() < .5 else '410104', 'I', lb=self.ln(6000, .9))
            for _ in range(self.pois(4)):
                self.ev(self.rt('day'), r.choice(C['shipper']), a, self.money(self.ln(5500, .6), 'r100'),
                        'other' if r.random() < .5 else 'mobile', memo=r.choice(['运费', '运费', '', '车费']))
            for _ in range(self.pois(7)):
                st = r.choice(C['fuel'])
                self.ev(self.rt('any'), a, st, self.money(self.ln(900, .5)), 'pos', st.oreg, mode=1)
            for _ in range(self.pois(2)):
                self.ev(self.rt('any'), a, C['etc'], self.money(self.ln(700, .6)), 'mobile', mode=1)
            if r.random() < .35:
                st = r.choice(C['fuel'])
                self.ev(self.rt('any'), a, None, self.money(self.ln(1500, .5), 'r100'), 'atm', st.oreg, 'withdrawal',
                        mode=1)
            if r.random() < .4:
                for d in self.dom_days(r.randint(5, 20)):
                    self.ev(self.at(d, 'day'), a, r.choice(C['leasing']), self.money(self.ln(8000, .3), 'r100'),
                            'mobile', memo=r.choice(['', '车贷', '还款']), mode=1)
            if r.random() < .6:
                self.ev(self.rt('evening'), a, self.fam(p), self.money(self.ln(3000, .5), 'r100'), 'mobile', mode=1)
        self.drivers = self.prim['truck_driver']

    # ---------------- wholesale markets and shops
    def gen_markets(self):
        r, c, C = self.r, self.cfg, self.C
        mk = c['market']
        retailers = []
        for _ in range(2600):
            if r.random() < .55:
                reg = r.choice(HENAN_CITY + HENAN_RURAL)
            else:
                reg = r.choice(OTHER[r.choice(RETAIL_PROV)])
            retailers.append(self.ext_person('ext_retailer', reg))
        suppliers = [self.ext_person('ext_garment_supplier', r.choice(GARMENT_SRC),
                                     bank=r.choice(['CCB', 'ABC', 'CMB', 'BOC', 'RCU44', 'RCU33']))
                     for _ in range(160)]
        tuoyun = [self.ext_person('ext_freight_agent', YINJI) for _ in range(20)]
        for _ in range(c['n_cloth']):
            home = r.choice(HENAN_RURAL + OTHER['zhejiang'] + OTHER['fujian'])
            p = self.person('clothing_wholesaler', home, self.year - r.randint(28, 55), loc=YINJI)
            a = self.acct(p, self.bank_for({'ZZBANK': 3, 'ICBC': 3, 'ZYBANK': 2, 'PSBC': 1, 'HNNX': 1}),
                          self.past(700, 5000), YINJI, 'I', lb=self.ln(80000, .8))
            if r.random() < .35:
                self.acct(p, r.choice([b for b in SUPPLY if b != a.bank]), self.past(700, 5000), YINJI, 'I',
                          lb=self.ln(30000, .8))
            custs = r.sample(retailers, r.randint(25, 70))
            sups = r.sample(suppliers, r.randint(2, 5))
            rate = self.ln(4.5, .4)
            acc_in = 0
            for d in range(30):
                k = self.pois(rate * mk(d))
                for _ in range(k):
                    self.ev(self.at(d, 'mkt_morning'), r.choice(custs), a, self.money(self.ln(2600, .9),
                            'int' if r.random() < .7 else 'cent'), 'mobile',
                            memo=self.memo({'': .8, '货款': .15, '拿货': .05}))
                    acc_in += 1
                if k and r.random() < .45:
                    t = d * 86400 + self.tod('afternoon')
                    self.ev(t, a, r.choice(sups), self.money(self.ln(2600, .3) * k * r.uniform(.5, 1.0), 'r100'),
                            'mobile', memo=self.memo({'': .7, '货款': .3}), mode=1)
                if k and r.random() < .15:
                    self.ev(d * 86400 + self.tod('afternoon'), a, r.choice(tuoyun), self.money(self.ln(500, .6),
                            'int'), 'mobile', memo=r.choice(['', '运费', '托运费']), mode=1)
                if k and r.random() < .05:
                    self.ev(d * 86400 + self.tod('afternoon'), a, r.choice(custs), self.money(self.ln(600, .7),
                            'int'), 'mobile', memo=r.choice(['退货', '退款', '退货款']), mode=1)
        # 万邦 produce: buyers pay at night, merchants pay farm brokers and truckers
        producers = [self.ext_person('ext_produce_broker', r.choice(PRODUCE_SRC)) for _ in range(120)]
        rest = []
        for _ in range(c['n_rest']):
            home = r.choice(HENAN_RURAL + ZZ_URBAN)
            loc = r.choice(ZZ_URBAN + [AIRPORT])
            p = self.person('restaurant_owner', home, self.year - r.randint(25, 58), loc=loc)
            a = self.acct(p, self.bank_for({'ZZBANK': 3, 'ZYBANK': 3, 'ICBC': 2, 'PSBC': 1, 'HNNX': 1}),
                          self.past(300, 5000), loc, 'I', lb=self.ln(15000, .8))
            rest.append(a)
            settle_p = r.uniform(.3, .9)
            lvl = self.ln(1800, .6)
            for d in range(30):
                if r.random() < settle_p * (0.3 if c['season'] == 'festival' and 15 <= d <= 22 else 1):
                    self.ev(self.at(d, 'settle'), r.choice(C['hubs'][:6]), a, self.money(self.ln(lvl, .35)), 'other',
                            memo=r.choice(['', '', '结算', '商户结算']))
            for d in self.dom_days(r.randint(1, 10)):
                self.ev(self.at(d, 'day'), a, self.ext_person('ext_landlord', loc), self.money(self.ln(6000, .5),
                        'r100'), 'mobile', memo=r.choice(['', '房租']), mode=1)
            staff = [self.peer('employee', .3, loc) for _ in range(r.randint(0, 5))]
            for d in self.dom_days(r.randint(5, 15)):
                t = self.at(d, 'evening')
                for s in staff:
                    t += r.randint(20, 300)
                    self.ev(t, a, s, self.money(self.ln(3800, .2), 'r100'), 'mobile', memo=r.choice(['', '工资']),
                            mode=1)
            if r.random() < .5:
                self.ev(self.rt('day'), a, C['grid'], self.money(self.ln(900, .5)), 'mobile', memo='电费', mode=1)
        buyers = rest + [self.ext_person('ext_buyer', r.choice(ZZ_ALL)) for _ in range(500)]
        for _ in range(c['n_produce']):
            home = r.choice(HENAN_RURAL + OTHER['shandong'])
            p = self.person('produce_wholesaler', home, self.year - r.randint(28, 55), loc=WANBANG)
            a = self.acct(p, self.bank_for({'ZZBANK': 2, 'ZYBANK': 3, 'ICBC': 2, 'HNNX': 2, 'PSBC': 1}),
                          self.past(700, 5000), WANBANG, 'I', lb=self.ln(60000, .8))
            bl = r.sample(buyers, r.randint(20, 50))
            srcs = r.sample(producers, r.randint(2, 6))
            rate = self.ln(3.8, .4)
            pend = 0
            for d in range(30):
                k = self.pois(rate * mk(d))
                for _ in range(k):
                    b = r.choice(bl)
                    self.ev(self.at(d, 'mkt_night'), b, a, self.money(self.ln(1500, .8), 'int'), 'mobile',
                            memo=self.memo({'': .85, '菜款': .1, '货款': .05}), mode=1)
                pend += k
                if pend >= 4 and r.random() < .4:
                    src = r.choice(srcs)
                    if c['season'] == 'harvest' and r.random() < .3 and self.prim['farmer']:
                        src = r.choice(self.prim['farmer'])
                    self.ev(d * 86400 + self.tod('day'), a, src,
                            self.money(self.ln(1500, .2) * pend * r.uniform(.6, .9), 'r100'), 'mobile',
                            memo=self.memo({'': .7, '货款': .2, '菜款': .1}), mode=1)
                    if r.random() < .5 and self.drivers:
                        self.ev(d * 86400 + self.tod('day'), a, r.choice(self.drivers),
                                self.money(self.ln(4000, .4), 'r100'), 'mobile', memo=r.choice(['运费', '', '车费']),
                                mode=1)
                    pend = 0
        # small-town shops (QR settlement, distributors, kids' living costs)
        for _ in range(c['n_shop']):
            home = r.choice(HENAN_RURAL)
            p = self.person('town_shop', home, self.year - r.randint(28, 62), loc=home)
            a = self.acct(p, 'HNNX' if r.random() < .6 else 'PSBC', self.past(500, 6000), home, 'I',
                          lb=self.ln(12000, .8))
            sp = r.uniform(.15, .6) * (1.5 if c['season'] == 'festival' else 1)
            lvl = self.ln(700, .6)
            for d in range(30):
                if r.random() < min(.95, sp):
                    self.ev(self.at(d, 'settle'), r.choice(C['hubs'][:6]), a, self.money(self.ln(lvl, .4)), 'other',
                            memo='')
            dist = r.sample(C['distrib'], 2)
            for _ in range(self.pois(3 * (1.6 if c['season'] == 'festival' else 1))):
                self.ev(self.rt('day'), a, r.choice(dist), self.money(self.ln(3500, .6), 'r100'), 'mobile',
                        memo=r.choice(['', '货款']), mode=1)
            if r.random() < .3:
                kids = [x for x in self.prim['student'] if x.p.home == home]
                to = r.choice(kids) if kids else self.ext_person('ext_child', r.choice(ZZ_URBAN))
                self.ev(self.rt('evening'), a, to, self.money(self.ln(1500, .4), 'r100'), 'mobile',
                        memo=r.choice(['', '生活费']), mode=1)
        self.rest = rest

    # ---------------- harvests: garlic and wheat dealers (seasonal), small sales otherwise
    def gen_harvest(self):
        r, c, C = self.r, self.cfg, self.C
        season = c['season']
        farmers = self.prim['farmer']
        for kind, n in (('grain_dealer', c['n_gdealer']), ('garlic_dealer', c['n_garlicdealer'])):
            for _ in range(n):
                home = r.choice(GARLIC if kind == 'garlic_dealer' else WHEAT)
                p = self.person(kind, home, self.year - r.randint(32, 58), loc=home)
                a = self.acct(p, self.bank_for({'HNNX': 4, 'PSBC': 2, 'ZYBANK': 2, 'ICBC': 1}), self.past(700, 6000),
                              home, 'I', lb=self.ln(50000, .7))
                local = [f for f in farmers if f.p.home == home] or farmers
                if season == 'harvest':
                    d_lo, d_hi = (0, 16) if kind == 'garlic_dealer' else (10, 28)
                    rounds, per = r.randint(2, 4), (r.randint(6, 20))
                elif season == 'term':
                    d_lo, d_hi = (18, 30) if kind == 'grain_dealer' else (0, 30)   # early corn
                    rounds, per = r.randint(0, 2), r.randint(3, 8)
                else:
                    d_lo, d_hi = (0, 14)     # stored wheat sold before the festival
                    rounds, per = r.randint(1, 2), r.randint(3, 8)
                for _ in range(rounds):
                    d = r.randrange(d_lo, d_hi)
                    sellers = [r.choice(local) if r.random() < .8 else self.ext_person('ext_farmer', home)
                               for _ in range(per)]
                    amts = []
                    for _s in sellers:
                        big = r.random() < .06
                        base = (self.ln(260000, .5) if big else self.ln(18000, .7)) if kind == 'grain_dealer' else \
                            (self.ln(150000, .4) if big else self.ln(30000, .7))
                        amts.append(self.money(base, 'r10' if r.random() < .5 else 'int'))
                    tot = sum(amts)
                    src = r.choice(C['mill'] if kind == 'grain_dealer' else C['garlic'])
                    t = d * 86400 + self.tod('office')
                    self.ev(t - r.randint(1800, 6 * 3600), src, a, int(tot * r.uniform(1.03, 1.12)), 'other',
                            memo=r.choice(['', '货款', '粮款' if kind == 'grain_dealer' else '蒜款']))
                    for s, f in zip(sellers, amts):
                        t += r.randint(60, 3 * 3600)
                        self.ev(t, a, s, f, 'mobile' if r.random() < .7 else 'counter',
                                memo=self.memo({'': .6, '麦款' if kind == 'grain_dealer' else '蒜款': .3, '货款': .1}),
                                mode=1)
                        if season == 'harvest' and s.row and r.random() < .4:   # pay the combine operator
                            self.ev(t + r.randint(3600, 3 * 86400), s,
                                    self.ext_person('ext_combine_operator', r.choice(OTHER['hebei'] + OTHER['anhui'] +
                                                                                     OTHER['shandong'])),
                                    self.money(self.ln(1200, .5), 'int'), 'mobile',
                                    memo=r.choice(['', '收割费', '机收']), mode=1)
                for _ in range(self.pois(2)):
                    self.ev(self.rt('day'), a, self.ext_person('ext_freight', home), self.money(self.ln(2000, .5),
                            'r100'), 'mobile', memo=r.choice(['', '运费']), mode=1)

    # ---------------- landlords (rent fan-in)
    def gen_landlords(self):
        r, c = self.r, self.cfg
        for i in range(c['n_landlord']):
            area = 'airport' if i % 3 == 0 else 'urban'
            loc = AIRPORT if area == 'airport' else r.choice(ZZ_URBAN)
            p = self.person('landlord', loc, self.year - r.randint(35, 70), loc=loc)
            a = self.acct(p, self.bank_for({'ZZBANK': 3, 'ZYBANK': 2, 'HNNX': 2, 'ICBC': 2, 'PSBC': 1}),
                          self.past(1000, 8000), loc, 'I', lb=self.ln(60000, .9))
            w = 5 if i < 30 else 1
            for _ in range(w):
                self.landlords[area].append(a)
            if r.random() < .3:
                self.ev(self.rt('day'), a, self.C['grid'], self.money(self.ln(2500, .5)), 'mobile', memo='电费')
            if r.random() < .2:
                for d in self.dom_days(r.randint(5, 25)):
                    self.ev(self.at(d, 'day'), a, self.C['loancentre'].get(a.bank), self.money(self.ln(4000, .4)),
                            'other', mode=1)

    # ---------------- urban employees, new arrivals, multi-bank savers, group buying, hospital pooling
    def gen_employees(self):
        r, c, C = self.r, self.cfg, self.C
        season = c['season']
        for _ in range(c['n_employee']):
            home = r.choice(ZZ_URBAN) if r.random() < .5 else self.rural_home(.15)
            loc = r.choice(ZZ_URBAN + [AIRPORT, '410104'])
            p = self.person('employee', home, self.year - r.randint(23, 56), loc=loc)
            a = self.acct(p, self.bank_for({'ICBC': 3, 'ZZBANK': 2.5, 'ZYBANK': 2, 'PSBC': 1.5, 'HNNX': .5}),
                          self.past(400, 7000), loc, 'I', lb=self.ln(15000, 1.1))
            emp = r.choice(C['emp'])
            p.x = emp
            sal = self.money(self.ln(6200, .35))
            for d in self.dom_days(emp.daywd):
                d = self.workday_before(d)
                self.ev(d * 86400 + r.randint(9 * 3600, 15 * 3600), emp, a, sal, 'other', memo=self.memo(
                    {'代发工资': .4, '工资': .35, '': .25}))
            if season == 'festival' and r.random() < .5:
                self.ev(self.rt('office', 3, 15), emp, a, self.money(self.ln(8000, .6)), 'other',
                        memo=r.choice(['年终奖', '奖金', '', '过节费']))
            if season == 'term' and r.random() < .2:
                self.ev(self.rt('office', 15, 22), emp, a, self.money(r.choice([500, 800, 1000])), 'other',
                        memo=r.choice(['过节费', '中秋福利', '']))
            if r.random() < .35:
                for d in self.dom_days(r.randint(5, 25)):
                    self.ev(self.at(d, 'settle'), a, C['loancentre'][a.bank], self.money(self.ln(3500, .4)), 'other',
                            memo=r.choice(['', '贷款还款']), mode=1)
            if r.random() < .4:
                for d in self.dom_days(r.randint(1, 28)):
                    self.ev(self.at(d, 'evening'), a, r.choice(C['cardcentre']), self.money(self.ln(3000, .8)),
                            'mobile', memo=r.choice(['', '信用卡还款', '还款']), mode=1)
            self.spend(a, self.pois(6), 120, 1.1)
            for _ in range(self.pois(1.8)):
                self.ev(self.rt('day'), a, self.peer('employee', .5, loc), self.money(self.ln(400, 1.0), 'int'),
                        'mobile', memo=self.memo({'': .7, '还你的': .1, 'AA': .05, '份子钱': .05, '借你的': .1}),
                        mode=1)
            if r.random() < .5:
                self.ev(self.rt('evening'), a, self.fam(p) if home[:4] != '4101' else self.peer('elderly', .6),
                        self.money(self.ln(1500, .6), 'r100'), 'mobile',
                        memo=self.memo({'': .6, '生活费': .15, '给妈的': .1, '中秋快乐' if season == 'term' else '过年':
                                        .15}), mode=1)
            if r.random() < .25 and r.random() < .6:
                for d in self.dom_days(r.randint(1, 6)):
                    self.ev(self.at(d, 'evening'), a, self.landlord('urban'), self.money(self.ln(1800, .3), 'r100'),
                            'mobile', memo=r.choice(['房租', '', '房租']), mode=1)
            if r.random() < .3:
                self.ev(self.rt('day'), a, C['grid'], self.money(self.ln(150, .5)), 'mobile', memo='')
            if r.random() < .18:
                b2 = self.acct(p, r.choice([b for b in SUPPLY if b != a.bank]), self.past(300, 5000), loc, 'I',
                               lb=self.ln(8000, 1.0))
                for _ in range(r.randint(1, 3)):
                    x, y = (a, b2) if r.random() < .6 else (b2, a)
                    self.ev(self.rt('day'), x, y, self.money(self.ln(5000, .8), 'r100'), 'mobile', mode=1)
            if r.random() < .08:
                f = r.choice(C['fund'])
                if r.random() < .6:
                    self.ev(self.rt('office'), a, f, self.money(self.ln(20000, .7), 'r1000'), 'mobile',
                            memo=r.choice(['', '理财', '申购']), mode=1)
                else:
                    self.ev(self.rt('office'), f, a, self.money(self.ln(20000, .7)), 'other', memo=r.choice(['', '赎回']))
            if r.random() < .05:
                lp = r.choice(C['loanp'])
                t = self.rt('day')
                self.ev(t, lp, a, self.money(self.ln(15000, .6), 'r1000'), 'other', memo=r.choice(['', '借款', '放款']))
                self.ev(t + r.randint(2, 20) * 86400, a, lp, self.money(self.ln(1500, .5)), 'mobile', mode=1)
            if r.random() < .06:
                self.ev(self.rt('day'), self.hub(), a, self.money(self.ln(150, 1.1)), 'other',
                        memo=r.choice(['退款', '退款', '', '售后退款']))
            if r.random() < .01:
                self.ev(self.rt('office'), r.choice(C['insurer']), a, self.money(self.ln(4000, 1.0)), 'other',
                        memo=r.choice(['理赔款', '理赔', '']))
            if r.random() < .004:
                self.ev(self.rt('office'), a, r.choice(C['offshore_school']), self.money(self.ln(80000, .4), 'r100'),
                        'counter', memo=r.choice(['学费', '留学学费']), xb=True, mode=1)
        # new arrivals: several cards at several banks in a week (salary card, 社保卡, 公积金 card)
        for _ in range(c['n_newarr']):
            home = self.rural_home(.3)
            loc = r.choice(ZZ_URBAN)
            p = self.person('new_arrival', home, self.year - r.randint(22, 30), loc=loc)
            d0 = r.randrange(0, 22)
            banks = r.sample(SUPPLY, r.randint(2, 4))
            accs = []
            for i, b in enumerate(banks):
                to = (d0 + r.randint(0, 6)) * 86400 + r.randint(9 * 3600, 17 * 3600)
                accs.append(self.acct(p, b, to, r.choice([loc, loc, '410105']), 'I' if r.random() < .8 else 'II'))
            a = min(accs, key=lambda x: x.opened)
            self.ev(a.opened + r.randint(3600, 3 * 86400), self.fam(p), a, self.money(self.ln(3000, .5), 'r100'),
                    'mobile', p.home, memo=r.choice(['', '', '生活费']))
            self.ev(a.opened + r.randint(2 * 86400, 5 * 86400), a, self.landlord('urban'),
                    self.money(self.ln(3600, .4), 'r100'), 'mobile', memo=r.choice(['押一付三', '房租', '']), mode=1)
            self.spend(a, self.pois(4), 80, .9, d0=d0 + 1)
            if r.random() < .4:
                emp = r.choice(C['emp'])
                b = max(accs, key=lambda x: x.opened)
                self.ev(max(b.opened + 86400, self.rt('office', 20, 30)), emp, b, self.money(self.ln(2500, .5)), 'other',
                        memo=r.choice(['工资', '代发工资']))
        # multi-bank savers chasing deposit promotions: money moving between own cards
        for _ in range(c['n_multibank']):
            home = r.choice(ZZ_URBAN + HENAN_CITY)
            p = self.person('multi_bank_saver', home, self.year - r.randint(30, 65), loc=r.choice(ZZ_URBAN))
            banks = r.sample(SUPPLY, r.randint(3, 5))
            accs = [self.acct(p, b, self.past(300, 6000), r.choice(ZZ_URBAN), 'I', lb=self.ln(60000, .9))
                    for b in banks]
            for b in r.sample(EXT_BANKS, r.randint(0, 2)):
                accs.append(self.acct(p, b, self.past(300, 6000), p.loc, 'I', inf=True, prim=False))
            for _ in range(r.randint(2, 6)):
                x, y = r.sample(accs, 2)
                t = self.rt('day')
                f = self.money(self.ln(50000, .8), 'r1000')
                self.ev(t, x, y, f, 'mobile', mode=1)
                if r.random() < .4:   # and onward within the hour to a third card
                    z = r.choice([q for q in accs if q is not y])
                    self.ev(t + r.randint(300, 3600), y, z, f, 'mobile', mode=1)
            self.spend(accs[0], self.pois(3), 150, 1.0)
        # community group-buy leaders
        for _ in range(c['n_groupbuy']):
            loc = r.choice(ZZ_URBAN + HENAN_CITY[:4])
            p = self.person('groupbuy_leader', loc, self.year - r.randint(28, 60), loc=loc, female=True)
            a = self.acct(p, self.bank_for({'ZZBANK': 2, 'ICBC': 2, 'PSBC': 2, 'ZYBANK': 1}), self.past(300, 5000),
                          loc, 'I', lb=self.ln(5000, .8))
            nb = [self.peer('elderly', .5, loc) if r.random() < .4 else self.peer('employee', .5, loc)
                  for _ in range(r.randint(20, 45))]
            sup = self.ext_person('ext_supplier', r.choice(HENAN_CITY + ZZ_URBAN))
            for d in range(r.randint(0, 3), 30, r.randint(3, 5)):
                tot = 0
                for b in r.sample(nb, min(len(nb), r.randint(4, 12))):
                    f = self.money(self.ln(60, .7))
                    self.ev(self.at(d, 'evening'), b, a, f, 'mobile',
                            memo=self.memo({'': .75, '团购': .1, '菜钱': .1, '水果': .05}), mode=1)
                    tot += f
                self.ev(self.at(min(29, d + 1), 'day'), a, sup, int(tot * r.uniform(.8, .92)), 'mobile',
                        memo=r.choice(['', '货款']), mode=1)
        # family pooling for hospital bills
        for _ in range(c['n_hospital']):
            payer = r.choice(self.prim['employee'] + self.prim['farmer'] + self.prim['town_shop'])
            t = self.rt('day', 0, 27)
            tot = 0
            for _k in range(r.randint(2, 5)):
                src = self.peer(r.choice(['foxconn_worker', 'employee', 'courier']), .6)
                f = self.money(self.ln(5000, .7), 'r100')
                self.ev(t + r.randint(0, 2 * 86400), src, payer, f, 'mobile',
                        memo=self.memo({'': .5, '医药费': .2, '妈住院': .15, '住院费': .15}), mode=1)
                tot += f
            self.ev(t + r.randint(2 * 86400, 3 * 86400), payer, r.choice(self.C['hosp']), int(tot * r.uniform(.7, 1.1)),
                    r.choice(['pos', 'mobile', 'counter']), memo=r.choice(['', '住院费']), mode=1)

    # ---------------- returning migrants, contractors
    def gen_migrants(self):
        r, c, C = self.r, self.cfg, self.C
        season = c['season']
        migrants = []
        for _ in range(c['n_migrant']):
            home = r.choice(HENAN_RURAL)
            p = self.person('returning_migrant', home, self.year - r.randint(24, 58), loc=home)
            a = self.acct(p, 'HNNX' if r.random() < .6 else 'PSBC', self.past(900, 7000), home, 'I',
                          lb=self.ln(300, 1.2))
            migrants.append(a)
        contractors = []
        for _ in range(c['n_contractor']):
            home = r.choice(HENAN_RURAL)
            p = self.person('contractor', home, self.year - r.randint(35, 58), loc=home)
            contractors.append(self.acct(p, self.bank_for({'HNNX': 2, 'ICBC': 2, 'ZYBANK': 1, 'PSBC': 1}),
                                         self.past(1000, 6000), home, 'I', lb=self.ln(50000, .6)))
        if season == 'festival':
            lo, hi = 0, 15
        elif season == 'harvest':
            lo, hi = 8, 22
        else:
            lo, hi = 10, 24
        crews = defaultdict(list)
        for m in migrants:
            if contractors and r.random() < .6:
                crews[r.randrange(len(contractors))].append(m)
            else:
                boss = self.ext_person('ext_contractor', r.choice(OTHER['beijing'] + OTHER['shanghai'] +
                                                                  OTHER['zhejiang'] + OTHER['guangdong'] +
                                                                  OTHER['jiangsu']))
                self.ev(self.rt('day', lo, hi), boss, m, self.money(self.ln(32000, .5), 'r100'), 'mobile',
                        boss.p.loc, memo=self.memo({'': .6, '工资': .3, '工钱': .1}))
        for ci, cacc in enumerate(contractors):
            crew = crews.get(ci, [])
            extra = [self.ext_person('ext_worker', r.choice(HENAN_RURAL)) for _ in range(r.randint(5, 25))]
            d = r.randrange(lo, hi)
            amts = [self.money(self.ln(32000, .45), 'r100') for _ in crew + extra]
            tot = sum(amts)
            t = d * 86400 + self.tod('office')
            src = r.choice(C['construct'])
            self.ev(t - r.randint(3600, 2 * 86400), src, cacc, int(tot * r.uniform(1.05, 1.2)), 'other',
                    memo=r.choice(['工程款', '', '劳务费', '进度款']))
            for w, f in zip(crew + extra, amts):
                t += r.randint(30, 2400)
                self.ev(t, cacc, w, f, 'mobile', memo=self.memo({'': .6, '工资': .3, '工钱': .1}), mode=1)
        for m in migrants:   # after the money: family, cash, shopping, debts
            p = m.p
            t0 = lo * 86400
            self.ev(self.rt('day', lo + 1, 30), m, self.fam(p), self.money(self.ln(8000, .6), 'r1000'), 'mobile',
                    memo=r.choice(['', '', '家用']), mode=1)
            for _ in range(r.randint(0, 3)):
                self.ev(self.rt('bank', lo + 1, 30), m, None, self.money(self.ln(4000, .6), 'r100'),
                        'atm' if r.random() < .6 else 'counter', p.home, 'withdrawal', mode=1)
            for _ in range(self.pois(3)):
                self.ev(self.rt('day', lo + 1, 30), m, self.hub(), self.money(self.ln(300, 1.0)), 'mobile', mode=1)
            if r.random() < .3:
                self.ev(self.rt('day', lo + 1, 30), m, self.ext_person('ext_relative', p.home),
                        self.money(self.ln(10000, .6), 'r1000'), 'mobile', memo=r.choice(['', '还钱', '还款']), mode=1)
            if season == 'festival' and r.random() < .4:
                for _ in range(r.randint(1, 3)):
                    self.ev(self.rt('day', 15, 23), m, self.ext_person('ext_relative', p.home),
                            self.money(r.choice([200, 500, 600, 1000, 2000])), 'mobile',
                            memo=r.choice(['', '压岁钱', '红包', '过年好']), mode=1)

    # ---------------- pass-through lawful trades: 微商 resellers, used-car and phone brokers
    def gen_resellers(self):
        r, c = self.r, self.cfg
        ups = [self.ext_person('ext_upstream_supplier', r.choice(OTHER['guangdong'] + OTHER['zhejiang'] +
                                                                 OTHER['fujian'] + ['410103', '410105']))
               for _ in range(60)]
        n = int(c['n_reseller'])
        for _ in range(n):
            home = self.rural_home(.1) if r.random() < .5 else r.choice(ZZ_URBAN)
            loc = r.choice(ZZ_URBAN + CAMPUS + [AIRPORT])
            p = self.person('wechat_reseller', home, self.year - r.randint(19, 45), loc=loc, female=r.random() < .7)
            a = self.acct(p, self.bank_for({'ZZBANK': 2, 'ICBC': 2, 'ZYBANK': 2, 'PSBC': 2, 'HNNX': 1}),
                          self.past(200, 4000), loc, 'I' if r.random() < .8 else 'II', lb=self.ln(2000, .8))
            up = r.choice(ups)
            clients = [self.peer(r.choice(['employee', 'student', 'foxconn_worker', 'elderly']), .5, loc)
                       for _ in range(r.randint(5, 25))]
            for _k in range(self.pois(c.get('reseller_orders', 7))):
                t = self.rt('day')
                f = self.money(self.ln(900, .9), 'int')
                self.ev(t, r.choice(clients), a, f, 'mobile', memo=self.memo({'': .75, '货款': .1, '代购': .05,
                                                                              '定金': .05, '尾款': .05}), mode=1)
                self.ev(t + r.randint(90, 2400), a, up, int(f * r.uniform(.65, .9)) // 100 * 100 + 100, 'mobile',
                        memo=self.memo({'': .8, '拿货': .1, '货款': .1}), mode=1)
            self.spend(a, self.pois(3), 60, .9)
        for _ in range(int(n * .15)):
            loc = r.choice(ZZ_URBAN + HENAN_CITY)
            p = self.person('used_car_broker', r.choice(HENAN_RURAL + ZZ_URBAN), self.year - r.randint(26, 50), loc=loc)
            a = self.acct(p, self.bank_for({'ZZBANK': 2, 'ICBC': 2, 'ZYBANK': 2, 'PSBC': 1}), self.past(500, 5000),
                          loc, 'I', lb=self.ln(20000, .7))
            for _k in range(r.randint(1, 4)):
                t = self.rt('day')
                buyer = self.peer(r.choice(['employee', 'returning_migrant', 'truck_driver', 'town_shop']), .5)
                price = self.ln(60000, .5)
                dep = self.money(r.choice([2000, 5000, 10000]))
                self.ev(t, buyer, a, dep, 'mobile', memo=r.choice(['定金', '', '订金']), mode=1)
                t2 = t + r.randint(3600, 3 * 86400)
                self.ev(t2, buyer, a, self.money(price, 'r100') - dep, 'mobile', memo=r.choice(['', '车款', '尾款']),
                        mode=1)
                seller = self.ext_person('ext_car_seller', r.choice(HENAN_CITY + ZZ_ALL + OTHER['shandong']))
                self.ev(t2 + r.randint(300, 5400), a, seller, self.money(price * r.uniform(.9, .97), 'r100'), 'mobile',
                        memo=r.choice(['', '车款', '购车款']), mode=1)

    # ---------------- life events: weddings, cars, flats
    def gen_life_events(self):
        r, c, C = self.r, self.cfg, self.C
        season = c['season']
        pool = self.prim['farmer'] + self.prim['elderly'] + self.prim['town_shop'] + self.prim['returning_migrant']
        hol = self.day_of(c['holiday'])
        for _ in range(c['n_wedding']):
            fa = r.choice(pool)
            if season == 'festival':
                d = r.choice([r.randrange(3, 15), r.randrange(20, 29)])
            else:
                d = r.randrange(2, 29)
            t = d * 86400 + self.tod('day')
            tot = 0
            for _k in range(r.randint(3, 9)):
                src = self.peer(r.choice(['employee', 'foxconn_worker', 'farmer', 'courier', 'returning_migrant']), .55)
                f = self.money(self.ln(12000, .8), 'r1000')
                self.ev(t - r.randint(3600, 5 * 86400), src, fa, f, 'mobile',
                        memo=self.memo({'': .6, '借你的': .15, '随礼': .1, '结婚用': .15}))
                tot += f
            cl = self.money(r.choice([66000, 88000, 88000, 100000, 128000, 128000, 160000, 168000, 188000, 200000]))
            bride = self.peer('farmer', .5, r.choice(HENAN_RURAL)) if r.random() < .7 else \
                self.ext_person('ext_bride_family', r.choice(HENAN_RURAL))
            parts = [cl] if r.random() < .6 else [cl // 2, cl - cl // 2]
            for f in parts:
                self.ev(t + r.randint(0, 3600), fa, bride, f, 'mobile' if r.random() < .7 else 'counter',
                        memo=self.memo({'': .55, '彩礼': .35, '礼金': .1}), mode=1)
            self.ev(t - r.randint(86400, 4 * 86400), fa, r.choice(C['jewel']), self.money(self.ln(18000, .4)), 'pos',
                    memo='', mode=1)
            self.ev(t + r.randint(86400, 3 * 86400), fa, r.choice(C['banquet']), self.money(self.ln(20000, .4), 'r100'),
                    'mobile', memo=r.choice(['', '酒席', '定金']), mode=1)
            if bride.row and r.random() < .5:
                self.ev(t + r.randint(2 * 86400, 6 * 86400), bride, fa, int(cl * r.uniform(.2, .5)) // 10000 * 10000,
                        'mobile', memo=r.choice(['', '回礼']), mode=1)
        buyers = self.prim['employee'] + self.prim['returning_migrant'] + self.prim['foxconn_worker'] + \
            self.prim['town_shop'] + self.prim['truck_driver']
        for _ in range(c['n_car']):
            b = r.choice(buyers)
            dealer = r.choice(C['car'])
            d = r.randrange(0, 26) if season != 'festival' else r.randrange(5, 27)
            t = d * 86400 + self.tod('day')
            if r.random() < .4:
                self.ev(t - r.randint(3600, 3 * 86400), self.fam(b.p), b, self.money(self.ln(40000, .5), 'r1000'),
                        'mobile', memo=r.choice(['', '买车']))
            self.ev(t, b, dealer, self.money(r.choice([2000, 5000, 5000, 10000, 20000])), 'pos' if r.random() < .5
                    else 'mobile', memo=r.choice(['定金', '订金', '']), mode=1)
            self.ev(t + r.randint(2, 12) * 86400, b, dealer, self.money(self.ln(70000, .5), 'r100'), 'pos',
                    memo=r.choice(['', '购车款', '尾款']), mode=1)
        for _ in range(c['n_flat']):
            b = r.choice(buyers)
            dev = r.choice(C['dev'])
            d = r.randrange(0, 25)
            t = d * 86400 + self.tod('day')
            if r.random() < .3:    # opens a new card at the developer's designated bank, inside the data
                nb = dev.bank if dev.bank in SUPPLY else r.choice(SUPPLY)
                newa = self.acct(b.p, nb, t - r.randint(2, 4) * 86400, dev.oreg, 'I', prim=False)
                tgt = newa
                topen = newa.opened
            else:
                tgt = b
                topen = t - 6 * 86400
            tot = 0
            for _k in range(r.randint(2, 6)):
                src = self.fam(b.p) if _k == 0 else self.peer(r.choice(['employee', 'farmer', 'foxconn_worker']), .5)
                f = self.money(self.ln(50000, .7), 'r1000')
                self.ev(max(topen + 3600, t - r.randint(3600, 3 * 86400)), src, tgt, f, 'mobile',
                        memo=self.memo({'': .6, '首付': .15, '买房': .15, '借你的': .1}))
                tot += f
            self.ev(t, tgt, dev, self.money(r.choice([10000, 20000, 30000, 50000])), 'pos' if r.random() < .5 else
                    'counter', memo=r.choice(['定金', '认购金', '']), mode=1)
            self.ev(t + r.randint(1, 8) * 86400, tgt, dev, int(tot * r.uniform(.6, .95)) // 10000 * 10000 + 10000,
                    'counter', memo=r.choice(['首付', '购房款', '首付款', '']), mode=1)
        _ = hol

    # ==========================================================================================
    # fraud world
    # ==========================================================================================
    def far_region(self, prov):
        return self.r.choice(OTHER[prov])

    def ext_bank_for(self, reg):
        return self.wpick({'ABC': 2, 'CCB': 2, 'BOC': 1.5, 'CMB': 1.5, 'CIB': 1, 'PAB': 1, 'CMBC': 1,
                           ('RCU' + reg[:2]) if reg[:2] != '41' else 'BOCOM': 2, 'ALIPAY': .6})

    def mule_person(self, arch, home=None):
        r = self.r
        if home is None:
            home = r.choice(HENAN_RURAL) if r.random() < .5 else self.far_region(r.choice(list(OTHER)))
        return self.person(arch, home, self.year - r.randint(18, 35), reg=False)

    def new_mule_card(self, g, kind, layer, p_row, use_lo):
        """fresh / aged cards for a gang; use_lo: earliest day it will be used."""
        r = self.r
        p = self.mule_person('mule_holder')
        if r.random() < p_row:
            if r.random() < .55:
                bank = r.choice(SUPPLY)
                oreg = r.choice(ZZ_ALL + HENAN_CITY + HENAN_RURAL) if bank in HENAN_ONLY or r.random() < .7 else \
                    self.far_region(r.choice(list(OTHER)))
            else:
                bank = r.choice(['ICBC', 'PSBC'])
                oreg = self.far_region(r.choice(list(OTHER))) if r.random() < .5 else r.choice(ZZ_ALL + HENAN_CITY)
        else:
            oreg = self.far_region(r.choice(list(OTHER))) if r.random() < .6 else r.choice(HENAN_CITY + ZZ_ALL)
            bank = self.ext_bank_for(oreg)
        if kind == 'fresh':
            opened = int(use_lo * 86400 - r.uniform(.1, 10) * 86400)
            opened = (opened // 86400) * 86400 + self.tod('bank')
        else:
            opened = int(use_lo * 86400 - r.uniform(20, 240) * 86400)
            opened = (opened // 86400) * 86400 + self.tod('bank')
        a = self.acct(p, bank, opened, oreg, 'I' if r.random() < .85 else 'II', 'fresh_card' if kind == 'fresh'
                      else 'aged_card', 'mule', lb=(r.uniform(20, 300) if kind == 'aged' else 0), inf=not
                      (bank in SUPPLY), prim=False)
        a.inf = False
        a.mk = kind
        a.layer = layer
        a.gang = g
        if kind == 'fresh' and opened >= 0 and a.row and r.random() < .3:
            self.ev(opened + r.randint(60, 900), None, a, self.money(r.choice([10, 20, 50, 100])), 'counter',
                    oreg, 'deposit', tk='card_nurture')
        if kind == 'aged' and a.row:
            for _ in range(r.randint(1, 4)):     # 养卡: token activity to look alive
                t = r.uniform(max(0, opened), max(1, use_lo * 86400 - 3600))
                if t > opened:
                    self.FX.append((int(t), 'nurture', a, self.hub(), self.money(r.uniform(3, 60)), 'card_nurture'))
        return a

    def take_lawful(self, archs, g, kind, layer, comp_t):
        """turn an existing lawful account into a rented / sold / 跑分 account."""
        r = self.r
        for _ in range(200):
            arch = r.choice(archs)
            lst = self.prim.get(arch)
            if not lst:
                continue
            a = r.choice(lst)
            if a.p.hid in self.used or not a.row or a.role != 'lawful' or a.opened > comp_t - 30 * 86400:
                continue
            self.used[a.p.hid] = kind
            a.role = 'paofen' if kind == 'paofen' else 'mule'
            a.arch = ('%s_old_%s' % (kind, arch)) if kind != 'paofen' else 'paofen_' + arch
            a.mk = kind
            a.layer = layer
            a.gang = g
            a.comp = int(comp_t)
            return a
        return None

    def gang_card(self, g, kind, layer, p_row, day, archs):
        r = self.r
        if kind in ('fresh', 'aged'):
            return self.new_mule_card(g, kind, layer, p_row, day)
        if kind == 'rented':
            comp = day * 86400 - r.uniform(.2, 4) * 86400
        else:   # sold: usually before the window
            comp = -r.uniform(5, 120) * 86400 if r.random() < .7 else day * 86400 - r.uniform(3, 12) * 86400
        a = self.take_lawful(archs, g, kind, layer, comp)
        if a is None:
            return self.new_mule_card(g, 'aged', layer, p_row, day)
        return a

    def gen_farmers(self):
        r, c = self.r, self.cfg
        for fi in range(c['n_farmer_holders']):
            hp = r.choice(FARMER_HOME_PROV + ['henan'])
            home = r.choice(HENAN_RURAL) if hp == 'henan' else self.far_region(hp)
            p = self.person('card_farmer', home, self.year - r.randint(19, 34), reg=False)
            if r.random() < .3:
                c0 = -r.uniform(12, 80)
            else:
                c0 = r.uniform(0, 17)
            span = r.uniform(3, 14)
            ncity = r.randint(2, 4)
            cities = []
            for _ in range(ncity):
                if r.random() < .6:
                    cities.append(r.choice(ZZ_URBAN + HENAN_CITY))
                else:
                    cities.append(self.far_region(r.choice(FARMER_OPEN_PROV)))
            ncard = r.randint(5, 14)
            cards = []
            for k in range(ncard):
                city = cities[min(ncity - 1, int(k * ncity / ncard))]
                if city[:2] == '41':
                    bank = r.choice(SUPPLY) if r.random() < .85 else r.choice(['ABC', 'CCB', 'BOC'])
                else:
                    bank = r.choice(['ICBC', 'PSBC']) if r.random() < .75 else r.choice(['ABC', 'CCB', 'RCU' + city[:2]])
                day = min(27.5, c0 + span * k / ncard + r.uniform(0, .8))
                opened = int(math.floor(day)) * 86400 + self.tod('bank')
                a = self.acct(p, bank, opened, city, 'I' if r.random() < .9 else 'II', 'farmer_card', 'farmer_card',
                              prim=False)
                a.cf = 1
                a.mk = 'farmer'
                cards.append(a)
            self.farmers.append((p, cards))

    def build_fraud(self):
        r, c = self.r, self.cfg
        mixes = (c['mix_l1'], c['mix_l2'])
        rent_archs = ['student', 'foxconn_worker', 'courier', 'employee', 'foxconn_worker', 'student']
        if self.variant == 'V2':
            rent_archs += ['elderly', 'farmer', 'returning_migrant', 'truck_driver']
        pf_archs = ['student', 'student', 'foxconn_worker', 'courier', 'employee']
        free_farm = []
        for p, cards in self.farmers:
            for a in cards:
                if r.random() < .78:
                    free_farm.append(a)
        r.shuffle(free_farm)
        for gi, (typw, nv, speed, cprov, relay, use_pf) in enumerate(c['gangs']):
            g = Gang(gi)
            self.gangs.append(g)
            g.typw, g.speed, g.cprov, g.relay = typw, speed, cprov, relay
            g.opreg = self.far_region(cprov) if r.random() < .7 else self.far_region(r.choice(list(OTHER)))
            if self.variant == 'V3' and 'fake_job' in typw:
                g.a, g.b = r.uniform(14, 20), 30
            elif self.variant == 'V3' and 'shopping_service' in typw:
                g.a, g.b = r.uniform(0, 2), r.uniform(16, 22)
            else:
                g.a = r.uniform(0, 10)
                g.b = min(30, g.a + r.uniform(14, 28))
            g.nv = int(round(nv * r.uniform(.85, 1.15)))
            vpc = {'fast': 2.8, 'medium': 3.2, 'slow': 2.6}[speed]
            n1 = max(4, int(math.ceil(g.nv / vpc)))
            n2 = max(3, int(round(n1 / (1.8 if speed != 'slow' else 1.4))))
            n3 = r.randint(1, 3) if speed != 'slow' else r.randint(2, 4)
            ncash = r.randint(2, 5) if speed != 'slow' else r.randint(1, 3)
            # farmer cards bought by this gang (usable after opening)
            mine = [a for a in free_farm if a.opened < g.b * 86400 - 2 * 86400][:r.randint(4, 12)]
            for a in mine:
                free_farm.remove(a)
            for a in mine:
                a.gang = g
                x = r.random()
                fl = c.get('farm_l1', .6)
                a.layer = 'L1' if x < fl else ('L2' if x < fl + (1 - fl) * .65 else 'CASH')
            fl1 = [a for a in mine if a.layer == 'L1']
            fl2 = [a for a in mine if a.layer == 'L2']
            fcash = [a for a in mine if a.layer == 'CASH']
            for k in range(max(0, n1 - len(fl1))):
                day = g.a + (g.b - g.a) * k / max(1, n1)
                kind = self.wpick(mixes[0])
                a = self.gang_card(g, kind, 'L1', .72, day, rent_archs)
                g.l1.append(a)
            g.l1 += fl1
            for k in range(max(1, n2 - len(fl2))):
                kind = self.wpick(mixes[1])
                g.l2.append(self.gang_card(g, kind, 'L2', .5, g.a, rent_archs))
            g.l2 += fl2
            for k in range(n3):
                g.l3.append(self.new_mule_card(g, r.choice(['fresh', 'aged', 'aged']), 'L3', .35, g.a))
            for k in range(max(1, ncash - len(fcash))):
                g.cash.append(self.new_mule_card(g, r.choice(['fresh', 'aged']), 'CASH', .5, g.a))
            g.cash += fcash
            for a in g.cash:
                a.creg = self.far_region(cprov) if r.random() < .88 else r.choice(ZZ_URBAN + HENAN_CITY)
            if use_pf:
                for k in range(r.randint(8, 14)):
                    a = self.take_lawful(pf_archs, g, 'paofen', 'PF', g.a * 86400 - r.uniform(0, 3) * 86400)
                    if a is not None:
                        g.pf.append(a)
            for k in range(r.randint(2, 4)):
                x = r.random()
                if x < .5:
                    reg = self.far_region(r.choice(['guangdong', 'fujian', 'yunnan', 'guangxi', 'hainan', 'zhejiang']))
                    e = self.ext_person('usdt_otc_merchant', reg, bank=self.ext_bank_for(reg))
                elif x < .8:
                    reg = self.far_region(cprov)
                    e = self.ext_person('water_house', reg, bank=r.choice(['LAKALA', 'YEEPAY', 'CMBC', 'PAB', 'CIB']))
                else:
                    e = self.ext_person('offshore_account', '810000', bank=r.choice(['HSBCHK', 'BOCHK', 'HASEHK']))
                e.role = 'fraud_exit'
                e.layer = 'EXIT'
                e.gang = g
                g.exits.append(e)
            reg = self.far_region(cprov)
            bk = self.ext_person('gang_bankroll', reg, bank=self.ext_bank_for(reg))
            bk.role = 'mule'
            bk.layer = 'BANK'
            bk.gang = g
            g.bankroll = bk
            for a in g.l1 + g.l2 + g.l3 + g.cash + g.pf:
                if a.mk in ('fresh', 'aged', 'farmer'):
                    a.ureg = g.opreg if r.random() < .8 else a.oreg
                elif a.mk == 'paofen':
                    a.ureg = a.p.loc
                else:
                    a.ureg = g.opreg if r.random() < (.5 if self.variant == 'V2' else .75) else a.p.loc
            # rented accounts: the owner gets a rental fee on another card
            for a in g.l1 + g.l2:
                if a.mk == 'rented' and len(a.p.accs) > 1 and r.random() < .6:
                    other = [x for x in a.p.accs if x is not a][0]
                    t = max(a.comp + 3600, 60)
                    for _ in range(r.randint(1, 2)):
                        self.FX.append((int(t + r.uniform(0, 6) * 86400), 'rental', g, other,
                                        self.money(r.choice([300, 500, 800, 1000, 1500, 2000])), 'rental_fee'))
        # leftover farmer cards: not (yet) used
        self.make_victims()

    def pick_victim(self, archs):
        r = self.r
        for _ in range(60):
            arch = r.choice(archs)
            lst = self.prim.get(arch)
            if not lst:
                continue
            a = r.choice(lst)
            if a.p.hid in self.used or a.role != 'lawful' or not a.row:
                continue
            self.used[a.p.hid] = 'victim'
            return a
        return None

    def make_victims(self):
        r, c = self.r, self.cfg
        allpays = []
        for g in self.gangs:
            for _ in range(g.nv):
                typ = self.wpick(g.typw)
                T = TYPO[typ]
                if r.random() < .1:
                    reg = r.choice(HENAN_CITY + HENAN_RURAL) if r.random() < .5 else self.far_region(r.choice(list(OTHER)))
                    v = self.ext_person('ext_victim', reg)
                else:
                    v = self.pick_victim(T['vict'])
                    if v is None:
                        continue
                payer = v
                if T.get('corp') and r.random() < T['corp'] and isinstance(v.p.x, Acc) and v.p.x.row:
                    payer = v.p.x     # the accountant pays from the company account
                t0 = max(v.opened + 86400, g.a * 86400) + r.uniform(0, max(3600, (g.b - g.a) * 86400 * .9))
                t0 = (int(t0) // 86400) * 86400 + self.tod(T['prof'])
                n = r.randint(*T['n'])
                if c['nmult'] > 1 and T['n'][1] > 1:
                    n = min(12, int(round(n * r.uniform(1.0, c['nmult'] * 1.3))))
                pays = []
                t = t0
                amt = None
                for k in range(n):
                    if 'first' in T:
                        amt = r.uniform(*T['first']) if k == 0 else min(T['cap'], amt * r.uniform(*T['grow']))
                        f = self.money(amt, 'int' if r.random() < .6 else 'r100')
                    else:
                        f = self.money(self.ln(T['amt'][0], T['amt'][1]), r.choice(['int', 'r100', 'r1000', 'r100']))
                    if f > 300000 * 100 and payer is v:
                        f = self.money(r.uniform(150000, 300000), 'r1000')
                    ch = 'mobile'
                    if r.random() < T.get('counter', 0):
                        ch = 'counter'
                    elif r.random() < T.get('atm', 0):
                        ch = 'atm'
                    elif payer is not v:
                        ch = 'online'
                    memo = self.memo(T['memo'])
                    if t >= self.END:
                        break
                    pays.append([int(t), f, ch, memo])
                    gap = r.uniform(*T['gap'])
                    if c['nmult'] > 1 and typ in ('investment', 'romance', 'loan_card', 'police_gov'):
                        gap *= r.uniform(.6, 1.5)
                    t2 = t + gap
                    hh = (t2 % 86400) / 3600.0
                    if T['prof'] in ('bank', 'office') and (hh > 17.5 or hh < 8.5):
                        t2 = (t2 // 86400 + (1 if hh > 12 else 0)) * 86400 + self.tod(T['prof'])
                    elif 1.5 <= hh < 7 or (T['prof'] != 'evening' and hh < 7):
                        x = self.tod('day')
                        while x < 7 * 3600:
                            x = self.tod('day')
                        t2 = (t2 // 86400) * 86400 + x
                    t = t2
                if not pays:
                    continue
                vict = dict(acc=payer, person_acc=v, gang=g, typ=typ, pays=pays, reported=False)
                vict['reported'] = r.random() < c['report'] * (1.15 if typ in ('police_gov', 'investment') else 1)
                self.victims.append(vict)
                for k, pp in enumerate(pays):
                    allpays.append((pp[0], len(self.victims) - 1, k))
        allpays.sort()
        # assign first-level cards in time order, with freezes following reports
        for g in self.gangs:
            g.queue = sorted(g.l1, key=lambda a: (a.comp if a.comp is not None else a.opened))
            g.cur = []
        for t, vi, k in allpays:
            v = self.victims[vi]
            g = v['gang']
            small = v['typ'] in ('brushing', 'game_trade', 'shopping_service', 'fake_job')
            card = None
            if g.pf and small and r.random() < .55:
                cands = [a for a in g.pf if a.frozen > t and a.comp <= t]
                if cands:
                    card = r.choice(cands)
            if card is None and k > 0 and r.random() < .55:
                prev = v['pays'][k - 1][4]
                if prev.frozen > t and prev.layer == 'L1':
                    card = prev
            if card is None:
                g.cur = [a for a in g.cur if a.frozen > t and a.life_end > t and a.uses > 0]
                if not g.cur or r.random() < .15:
                    nxt = None
                    for a in g.queue:
                        rd = a.comp if a.comp is not None else a.opened
                        if rd < t - 3600:
                            nxt = a
                            break
                    if nxt is not None:
                        g.queue.remove(nxt)
                        life = {'fast': r.uniform(1, 4), 'medium': r.uniform(2, 8), 'slow': r.uniform(5, 20)}[g.speed]
                        if nxt.mk in ('rented', 'sold'):
                            life *= 1.8
                        nxt.life_end = t + life * 86400
                        nxt.uses = r.randint(2, 9) if g.speed != 'slow' else r.randint(4, 14)
                        nxt.active = True
                        g.cur.append(nxt)
                        if nxt.mk in ('fresh', 'farmer', 'aged') and r.random() < .6:
                            self.FX.append((int(t - r.uniform(600, 86400)), 'test', g, nxt,
                                            self.money(r.choice([.01, .1, 1, 1, 5, 10])), 'card_test'))
                if g.cur:
                    card = r.choice(g.cur)
                else:
                    cands = [a for a in g.l1 if a.frozen > t and a.active]
                    if not cands:
                        cands = [a for a in g.l1 if (a.comp if a.comp is not None else a.opened) < t - 3600]
                    if not cands:
                        cands = [g.bankroll]
                    card = r.choice(cands)
                card.uses -= 1
            v['pays'][k].append(card)
            if k == len(v['pays']) - 1 and v['reported']:
                rep = t + r.uniform(*self.cfg['report_delay'])
                v['report_t'] = rep
                for pp in v['pays']:
                    cd = pp[4]
                    if cd.layer in ('L1', 'PF') and r.random() < .7:
                        cd.frozen = min(cd.frozen, int(rep + r.uniform(1800, 12 * 3600)))
        for vi, v in enumerate(self.victims):
            T = TYPO[v['typ']]
            for k, pp in enumerate(v['pays']):
                self.VP.append((pp[0], vi, k))
            if T.get('rebate') == 1 and r.random() < .8:
                t1, f1 = v['pays'][0][0], v['pays'][0][1]
                self.FX.append((int(t1 + r.uniform(180, 1200)), 'rebate', v['gang'], v['person_acc'],
                                self.money(f1 / 100 * r.uniform(1.05, 1.3), 'cent'), 'rebate'))
            elif T.get('rebate') == 2 and len(v['pays']) > 2 and r.random() < .5:
                t1 = v['pays'][1][0]
                self.FX.append((int(t1 + r.uniform(86400, 3 * 86400)), 'rebate', v['gang'], v['person_acc'],
                                self.money(v['pays'][0][1] / 100 * r.uniform(.05, .3), 'cent'), 'rebate'))

    # ==========================================================================================
    # simulation
    # ==========================================================================================
    def push(self, t, et, d):
        self.seq += 1
        heapq.heappush(self.heap, (int(t), self.seq, et, d))

    def vis(self, t, a, b):
        return (a is not None and a.row and t >= self.START[a.bank]) or \
               (b is not None and b.row and t >= self.START[b.bank])

    def apply(self, t, frm, to, fen, ch, reg, kind, memo, tk, src='lb', xb=False):
        v = self.vis(t, frm, to)
        if v:
            for a in (frm, to):
                if a is not None and a.row and a.fbal is None:
                    a.fbal = a.lb + a.fb
        if frm is not None:
            if src == 'lb':
                frm.lb -= fen
            else:
                frm.fb -= fen
        if to is not None:
            if tk in FRAUD_TK and to.layer is not None:
                to.fb += fen
            else:
                to.lb += fen
        self.seq += 1
        self.out.append((int(t), self.seq, frm, to, fen, ch, reg, kind, memo, tk, xb, v))
        if tk in FRAUD_TK and frm is not None and to is not None and frm.layer and to.layer:
            self.fedges[frm.id].append(to)

    def exec_lawful(self, t, e):
        _, frm, to, fen, ch, reg, kind, memo, tk, mode, xb = e
        for a in (frm, to):
            if a is not None and a.opened > t - 60:
                return
        if frm is not None:
            if frm.comp is not None and t >= frm.comp and frm.mk in ('rented', 'sold') and tk == 'ordinary':
                return
            if frm.frozen <= t:
                return
            if not frm.inf and tk != 'card_nurture' and frm.lb < fen:
                if mode == 1 and frm.lb >= 20000:
                    fen = int(frm.lb * self.r.uniform(.5, .9)) // 10000 * 10000
                    if fen <= 0:
                        return
                else:
                    return
            if tk == 'card_nurture' and frm.lb < fen:
                return
        if to is not None and to.comp is not None and t >= to.comp and to.mk == 'sold' and tk == 'ordinary':
            return
        self.apply(t, frm, to, fen, ch, reg, kind, memo, tk, 'lb', xb)

    def fund_victim(self, t, v, need):
        r = self.r
        need = int(math.ceil(need / 10000.0)) * 10000 + self.money(r.choice([0, 100, 500, 1000]))
        others = [a for a in v.p.accs if a is not v and a.row and a.role == 'lawful' and a.lb >= need
                  and a.opened < t - 3600]
        tf = max(int(t) - r.randint(120, 3 * 3600), int(v.opened) + 120, 1)
        if others:
            self.apply(tf, others[0], v, need, 'mobile', v.p.loc, 'transfer', '', 'victim_funding')
            return
        arch = v.p.arch
        if arch in ('elderly', 'farmer', 'town_shop') and r.random() < .6:
            self.apply(tf, None, v, need, 'counter', v.p.loc, 'deposit', '', 'victim_funding')
        elif arch in ('student', 'freshman', 'foxconn_worker', 'foxconn_newhire', 'courier', 'employee',
                      'truck_driver', 'returning_migrant') and r.random() < .7:
            lp = r.choice(self.C['loanp'])
            parts = r.randint(1, 3)
            left = need
            for k in range(parts):
                f = left if k == parts - 1 else int(left * r.uniform(.3, .6)) // 10000 * 10000
                if f <= 0:
                    continue
                self.apply(tf - (parts - k) * r.randint(60, 900), lp if k == 0 else r.choice(self.C['loanp']), v, f,
                           'other', v.p.loc, 'transfer', r.choice(['', '借款', '放款']), 'victim_funding')
                left -= f
        else:
            own = self.ext_person('ext_own_account', v.p.home if v.p.home[:2] == '41' else v.p.loc)
            self.apply(tf, own, v, need, 'mobile', v.p.loc, 'transfer', '', 'victim_funding')

    def exec_victim(self, t, d):
        _, vi, k = d
        v = self.victims[vi]
        pp = v['pays'][k]
        acc = v['acc']
        card = pp[4]
        fen = pp[1]
        if card.opened > t - 60:
            return
        if acc.frozen <= t:
            return
        if not acc.inf and acc.lb < fen:
            pf = {'credit_record': .85, 'loan_card': .55, 'police_gov': .75, 'investment': .6, 'romance': .5,
                  'leader_acquaintance': .6}.get(v['typ'], .3)
            if self.r.random() < pf:
                self.fund_victim(t, acc, fen - acc.lb)
            else:     # the victim pays what is there
                if acc.lb < 5000:
                    return
                fen = self.money(acc.lb / 100.0 * self.r.uniform(.75, 1.0), 'int' if acc.lb < 100000 else 'r100')
                fen = min(fen, acc.lb)
                pp[1] = fen
        reg = acc.p.loc if pp[2] != 'atm' else acc.p.loc
        self.apply(t, acc, card, fen, pp[2], reg, 'transfer', pp[3], 'victim_payment')
        pp.append(self.out[-1][1])    # seq id of the payment
        self.arrive(t, card)

    def delay(self, node):
        r = self.r
        g = node.gang
        sp = SPEED[g.speed] if g else 1.0
        base = {'L1': 420, 'PF': 150, 'L2': 1500, 'L3': 10800, 'CASH': 3600}.get(node.layer, 1800)
        if node.mk in ('rented', 'sold'):
            base *= 2.5
        d = base * sp * math.exp(r.gauss(0, .8))
        return max(30, min(d, 5 * 86400))

    def arrive(self, t, node):
        if node.layer in (None, 'EXIT', 'BANK'):
            return
        if node.frozen <= t or node.pending:
            return
        node.pending = True
        if node.layer == 'CASH':
            self.push(t + self.delay(node), 4, node)
        else:
            self.push(t + self.delay(node), 3, node)

    def ready(self, a, t):
        rd = a.comp if a.comp is not None else a.opened
        return rd < t - 600 and a.frozen > t

    def split(self, fen, k):
        r = self.r
        if k <= 1:
            return [fen]
        w = [r.uniform(.5, 1.5) for _ in range(k)]
        s = sum(w)
        parts = []
        for x in w[:-1]:
            f = int(fen * x / s)
            if r.random() < .5:
                f = f // 10000 * 10000
            parts.append(max(100, f))
        parts.append(fen - sum(parts))
        return [p for p in parts if p > 0]

    def layer_memo(self):
        p = .35 if self.variant == 'V2' else .12
        if self.r.random() < p:
            return self.r.choice(['货款', '还款', '往来款', '借款', '工资', '材料款', '转账'])
        return ''

    def sweep(self, t, node):
        r = self.r
        node.pending = False
        g = node.gang
        if node.frozen <= t:
            return
        amt = node.fb
        if amt < 5000:
            return
        residue = 0
        if r.random() < .4:
            residue = min(amt - 100, r.randint(1, 9000))
        amt -= residue
        slow = g.speed == 'slow' or node.mk in ('rented', 'sold') and g.speed != 'fast'
        if slow and r.random() < .5 and amt > 500000:
            part = int(amt * r.uniform(.3, .7)) // 10000 * 10000
            if part > 0:
                amt = part
                node.pending = True
                self.push(t + self.delay(node), 3, node)
        if node.layer == 'PF':
            comm = int(amt * r.uniform(.008, .025))
            node.fb -= comm
            node.lb += comm
            amt -= comm
            tg = [a for a in g.l2 if self.ready(a, t)] or [g.bankroll]
            targets = [(r.choice(tg[:3]), amt)]
            tk = 'paofen_forward'
        elif node.layer == 'L1':
            tg = [a for a in g.l2 if self.ready(a, t)]
            if not tg or r.random() < .12:
                tg = [a for a in g.l3 if self.ready(a, t)] or tg
            if not tg:
                tg = g.exits
            k = min(len(tg), r.choice([1, 1, 2, 2, 3]))
            tsel = r.sample(tg, k)
            targets = list(zip(tsel, self.split(amt, k)))
            tk = 'layering'
        elif node.layer == 'L2':
            x = r.random()
            l3 = [a for a in g.l3 if self.ready(a, t)]
            cs = [a for a in g.cash if self.ready(a, t)]
            if x < .55 and l3:
                targets = [(r.choice(l3), amt)]
            elif x < .8 and cs:
                k = min(len(cs), r.choice([1, 2]))
                targets = list(zip(r.sample(cs, k), self.split(amt, k)))
            else:
                k = r.choice([1, 2])
                targets = list(zip(r.sample(g.exits, min(k, len(g.exits))), self.split(amt, min(k, len(g.exits)))))
            tk = 'layering'
        else:   # L3 concentration
            cs = [a for a in g.cash if self.ready(a, t)]
            if cs and r.random() < .3:
                k = min(len(cs), r.choice([1, 2, 3]))
                targets = list(zip(r.sample(cs, k), self.split(amt, k)))
            else:
                ex = list(g.exits)
                if r.random() < .15:
                    ex = ex + [self.hub()]
                k = min(len(ex), r.choice([1, 2, 3]))
                targets = list(zip(r.sample(ex, k), self.split(amt, k)))
            tk = 'layering'
        tt = t
        for tgt, f in targets:
            if f <= 0:
                continue
            tt += r.randint(20, 240)
            kind_tk = tk
            if tgt.layer == 'EXIT' or tgt.role != 'mule' and tgt.role != 'farmer_card' and tgt.role != 'paofen':
                kind_tk = 'exit'
            xb = tgt.layer == 'EXIT' and tgt.oreg == '810000'
            if tt >= self.END:
                break
            ch = 'online' if r.random() < .2 else 'mobile'
            self.later(tt, node, tgt, f, ch, node.ureg or node.oreg, 'transfer', self.layer_memo(), kind_tk, xb)

    def later(self, tt, frm, to, f, ch, reg, kind, memo, tk, xb=False):
        """a fraud debit stamped tt >= now: reserve the money now, book it at tt."""
        frm.fb -= f
        frm.resv += f
        self.push(tt, 6, (frm, to, f, ch, reg, kind, memo, tk, xb))

    def exec_later(self, t, d):
        frm, to, f, ch, reg, kind, memo, tk, xb = d
        frm.resv -= f
        frm.fb += f
        self.apply(t, frm, to, f, ch, reg, kind, memo, tk, 'fb', xb)
        if to is not None and tk not in ('exit', 'cashout'):
            self.arrive(t, to)

    def cash_session(self, t, node):
        r = self.r
        node.pending = False
        g = node.gang
        if node.frozen <= t or node.fb < 100000:
            return
        day = int(t // 86400)
        if node.daywd is None or node.daywd[0] != day:
            node.daywd = [day, 0]
        limit = 2000000 if node.bank != 'PSBC' else 5000000
        tt = t
        reg = node.creg or node.oreg
        withdrawn = 0
        if node.fb >= 6000000 and r.random() < .3 and 9 * 3600 < t % 86400 < 16 * 3600:
            f = self.money(r.uniform(45000, 49900), 'r100')
            if f <= node.fb:
                self.later(tt, node, None, f, 'counter', reg, 'withdrawal', '', 'cashout')
                withdrawn += f
        else:
            chunk = r.choice([200000, 250000, 300000, 500000])
            for _ in range(r.randint(2, 8)):
                if node.fb < chunk or node.daywd[1] + chunk > limit:
                    break
                self.later(tt, node, None, chunk, 'atm', reg, 'withdrawal', '', 'cashout')
                node.daywd[1] += chunk
                withdrawn += chunk
                tt += r.randint(25, 120)
        if withdrawn and g.relay and r.random() < .5:
            tgts = [a for a in g.l3 + g.cash if a is not node and self.ready(a, tt)]
            if tgts:
                tg = r.choice(tgts)
                f = int(withdrawn * r.uniform(.85, .98)) // 10000 * 10000
                if f > 0:
                    self.push(tt + r.randint(1200, 3 * 3600), 5, (None, tg, f, reg))
        if node.fb >= 100000:
            node.pending = True
            if node.daywd[1] + 200000 > limit:
                nt = (day + 1) * 86400 + self.tod('day')
            else:
                nt = tt + r.randint(600, 4 * 3600)
            self.push(nt, 4, node)

    def exec_fx(self, t, d):
        r = self.r
        _, what, a, b, fen, tk = d
        if what == 'nurture':
            if a.lb >= fen and a.opened < t - 60 and a.frozen > t:
                self.apply(t, a, b, fen, 'mobile', a.ureg or a.oreg, 'transfer', '', tk, 'lb')
        elif what == 'test':
            g, card = a, b
            if card.opened > t - 60:
                self.push(card.opened + r.randint(120, 3600), 2, d)
                return
            src = g.bankroll
            self.apply(t, src, card, fen, 'mobile', src.oreg, 'transfer', '', 'card_test', 'lb')
        elif what == 'rebate':
            g, vacc = a, b
            srcs = [x for x in g.l2 + g.l1 if x.fb >= fen and x.frozen > t and self.ready(x, t)]
            src = r.choice(srcs) if srcs and r.random() < .6 else g.bankroll
            self.apply(t, src, vacc, fen, 'mobile', src.ureg or src.oreg, 'transfer',
                       r.choice(['', '', '返利', '佣金', '收益']), 'rebate', 'fb' if src is not g.bankroll else 'lb')
        elif what == 'rental':
            g, owner = a, b
            if owner.opened < t - 60:
                self.apply(t, g.bankroll, owner, fen, 'mobile', g.bankroll.oreg, 'transfer', r.choice(['', '', '租金']),
                           'rental_fee', 'lb')

    def exec_relay(self, t, d):
        _, tg, f, reg = d
        if tg.frozen <= t:
            return
        self.apply(t, None, tg, f, 'atm', reg, 'deposit', '', 'cash_deposit')
        self.arrive(t, tg)

    def simulate(self):
        h = []
        for e in self.L:
            self.seq += 1
            h.append((e[0], self.seq, 0, e))
        for vp in self.VP:
            self.seq += 1
            h.append((vp[0], self.seq, 1, vp))
        for x in self.FX:
            if 0 <= x[0] < self.END:
                self.seq += 1
                h.append((x[0], self.seq, 2, x))
        heapq.heapify(h)
        self.heap = h
        while self.heap:
            t, _, et, d = heapq.heappop(self.heap)
            if t >= self.END:
                break
            if et == 0:
                self.exec_lawful(t, d)
            elif et == 1:
                self.exec_victim(t, d)
            elif et == 2:
                self.exec_fx(t, d)
            elif et == 3:
                self.sweep(t, d)
            elif et == 4:
                self.cash_session(t, d)
            elif et == 5:
                self.exec_relay(t, d)
            elif et == 6:
                self.exec_later(t, d)

    # ==========================================================================================
    # labels, output, self-check
    # ==========================================================================================
    def make_labels(self):
        r = self.r
        lab_tx = []
        seq2vis = {}
        for o in self.out:
            seq2vis[o[1]] = o[11]
        traced = {}
        for v in self.victims:
            if not v['reported']:
                continue
            for pp in v['pays']:
                if len(pp) < 6:
                    continue
                if seq2vis.get(pp[5]) and r.random() < .92:
                    lab_tx.append(pp[5])
                card = pp[4]
                if card.role in ('mule', 'paofen', 'farmer_card') and r.random() < .85:
                    traced.setdefault(card.id, (card, 1))
        # follow the money downstream a little
        frontier = [x[0] for x in traced.values()]
        depth = 1
        while frontier and depth < 4:
            depth += 1
            nxt = []
            p = {2: .5, 3: .3}.get(depth, .2)
            for a in frontier:
                seen = {}
                for b in self.fedges.get(a.id, []):
                    if b.id in seen or b.id in traced:
                        continue
                    seen[b.id] = 1
                    if b.role in ('mule', 'paofen', 'farmer_card') and b.layer != 'BANK' and r.random() < p:
                        traced[b.id] = (b, depth)
                        nxt.append(b)
            frontier = nxt
        mule_like = [a for a in self.accs if a.role in ('mule', 'paofen', 'farmer_card') and a.seen]
        cap = int(.45 * len(mule_like))
        items = [x for x in traced.values() if x[0].seen]
        items.sort(key=lambda x: (x[1], r.random()))
        for a, dpt in items[:cap]:
            a.label = 1
        # freeze status for frozen mules (bank acted) and some court freezes of lawful accounts
        nfz = 0
        for a in self.accs:     # most stop-payments have lapsed or were lifted by the end of the extract
            if a.row and a.role != 'lawful' and a.frozen < self.END and r.random() < .35:
                a.status = 'frozen'
                nfz += 1
        lawful_rows = [a for a in self.accs if a.row and a.role == 'lawful' and a.p.x != 'corp']
        for a in r.sample(lawful_rows, max(8, int(nfz * 2.0))):     # court freezes, debts, disputes
            a.status = 'frozen'
        for a in r.sample(lawful_rows, 25):
            if not a.seen and a.status == 'active':
                a.status = 'closed'
        # card farmers
        nf = 0
        for p, cards in self.farmers:
            labelled = any(a.label for a in cards)
            used = any(a.gang is not None for a in cards)
            if (labelled and r.random() < .6) or (not labelled and r.random() < (.15 if used else .08)):
                if nf >= max(1, int(.65 * len(self.farmers))):
                    continue
                nf += 1
                for a in cards:
                    a.flab = 1
        self.lab_tx = set(lab_tx)

    def write(self, outdir, truth):
        os.makedirs(outdir, exist_ok=True)
        vis = [o for o in self.out if o[11]]
        vis.sort(key=lambda o: (o[0], o[1]))
        for o in vis:
            for a in (o[2], o[3]):
                if a is not None:
                    a.seen = True
        # opening balances: true balance before first visible transfer, raised so the replay never dips below 0
        bal = {}
        low = {}
        for a in self.accs:
            if a.row:
                bal[a.id] = a.fbal if a.fbal is not None else (a.lb + a.fb if a.opened < 0 else 0)
                low[a.id] = 0
        start_bal = dict(bal)
        for o in vis:
            f, to, fen = o[2], o[3], o[4]
            if f is not None and f.row:
                bal[f.id] -= fen
                if bal[f.id] - start_bal[f.id] < low[f.id]:
                    low[f.id] = bal[f.id] - start_bal[f.id]
            if to is not None and to.row:
                bal[to.id] += fen
        for a in self.accs:
            if a.row:
                ob = start_bal[a.id]
                if ob + low[a.id] < 0:
                    ob = -low[a.id]
                if a.opened >= self.START[a.bank] and a.fbal is not None and a.fbal == 0:
                    ob = max(ob, 0)
                a.fbal = max(0, ob)
        self.make_labels()
        # transfer ids
        tid = {}
        rows = []
        cnt = defaultdict(int)
        for o in vis:
            t = o[0]
            rb = o[2].bank if (o[2] is not None and o[2].row and t >= self.START[o[2].bank]) else o[3].bank
            dstr = (self.T0 + dtm.timedelta(seconds=t)).strftime('%Y%m%d')
            cnt[(rb, dstr)] += 1
            x = '%s%s%07d' % (rb, dstr, cnt[(rb, dstr)])
            tid[o[1]] = x
            rows.append(o)
        with open(os.path.join(outdir, 'accounts.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in self.accs:
                if a.row:
                    w.writerow([a.id, a.bank, a.p.hid, self.fmt(a.opened), a.oreg, a.cls,
                                '%d.%02d' % divmod(a.fbal, 100), a.status])
        with open(os.path.join(outdir, 'transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                        'memo', 'cross_border'])
            for o in rows:
                w.writerow([tid[o[1]], self.fmt(o[0]), o[2].id if o[2] is not None else '',
                            o[3].id if o[3] is not None else '', '%d.%02d' % divmod(o[4], 100), 'CNY', o[5], o[6],
                            o[7], o[8], 'true' if o[10] else 'false'])
        nlab = defaultdict(int)
        with open(os.path.join(outdir, 'labels.csv'), 'w', newline='', encoding='utf-8') as fh:
            w = csv.writer(fh)
            w.writerow(['kind', 'id', 'label'])
            for o in rows:
                if o[1] in self.lab_tx:
                    w.writerow(['transfer', tid[o[1]], 'fraud'])
                    nlab['tx'] += 1
            for a in self.accs:
                if a.label and a.seen:
                    w.writerow(['account', a.id, 'mule'])
                    nlab['acc'] += 1
            done = {}
            for p, cards in self.farmers:
                if cards and cards[0].flab and p.hid not in done and any(c.row for c in cards):
                    done[p.hid] = 1
                    w.writerow(['holder', p.hid, 'card_farmer'])
                    nlab['holder'] += 1
        self.nlab = nlab
        if truth:
            with open(os.path.join(outdir, 'truth.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh)
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                for a in self.accs:
                    if a.row or a.seen:
                        w.writerow(['account', a.id, a.bank, a.p.hid, 1 if a.row else 0, a.role, a.arch, a.cf,
                                    self.fmt(a.opened), 1 if (a.label and a.seen) else 0, a.flab if a.seen or a.row
                                    else 0, self.fmt(self.START[a.bank]) if a.row else ''])
            with open(os.path.join(outdir, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as fh:
                w = csv.writer(fh)
                w.writerow(['txn_id', 'kind'])
                for o in rows:
                    w.writerow([tid[o[1]], o[9]])
        self.rows = rows

    # ---------------- orchestration
    def run(self):
        self.gen_corps()
        self.gen_elderly_farmers()
        self.gen_landlords()
        self.gen_foxconn()
        self.gen_students()
        self.gen_logistics()
        self.gen_markets()
        self.gen_harvest()
        self.gen_employees()
        self.gen_migrants()
        self.gen_resellers()
        self.gen_life_events()
        self.gen_farmers()
        self.build_fraud()
        self.simulate()


# --------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------
TS_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$')
AMT_RE = re.compile(r'^\d+\.\d{2}$')
REG_RE = re.compile(r'^\d{6}$')


def self_check(outdir, truth, starts):
    def rd(name):
        with open(os.path.join(outdir, name), encoding='utf-8', newline='') as fh:
            return list(csv.reader(fh))
    acc = rd('accounts.csv')
    assert acc[0] == ['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                      'opening_balance', 'status'], acc[0]
    banks = {}
    for row in acc[1:]:
        assert len(row) == 8, row
        aid, bank, hid, op, reg, cls, ob, st = row
        assert aid and len(aid) <= 64 and aid not in banks, aid
        assert bank in SUPPLY, bank
        assert hid and len(hid) <= 64
        assert TS_RE.match(op), op
        assert REG_RE.match(reg), reg
        assert cls in ('I', 'II', 'III', 'corp'), cls
        assert AMT_RE.match(ob), ob
        assert st in ('active', 'frozen', 'closed')
        banks[aid] = bank
    tr = rd('transfers.csv')
    assert tr[0] == ['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region', 'kind',
                     'memo', 'cross_border'], tr[0]
    seen = {}
    t0 = min(starts.values())
    for row in tr[1:]:
        assert len(row) == 11, row
        tid, ts, fa, ta, amt, cur, ch, reg, kind, memo, xb = row
        assert tid not in seen and len(tid) <= 64, tid
        seen[tid] = 1
        assert TS_RE.match(ts), ts
        assert AMT_RE.match(amt) and float(amt) > 0 and float(amt) <= 1e12, amt
        assert cur == 'CNY'
        assert ch in ('counter', 'online', 'mobile', 'atm', 'pos', 'other'), ch
        assert REG_RE.match(reg), reg
        assert kind in ('transfer', 'withdrawal', 'deposit'), kind
        if kind == 'transfer':
            assert fa and ta, row
        elif kind == 'withdrawal':
            assert fa and not ta, row
        else:
            assert ta and not fa, row
        assert len(memo) <= 512
        assert xb in ('true', 'false')
        ok = False
        for a in (fa, ta):
            if a and a in banks and ts >= starts[banks[a]]:
                ok = True
        assert ok, 'transfer outside every supplying extract: %s' % tid
        assert ts >= t0
    lab = rd('labels.csv')
    assert lab[0] == ['kind', 'id', 'label']
    role = {}
    if truth:
        tru = rd('truth.csv')
        assert tru[0] == ['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                          'opened_at', 'labelled', 'farmer_labelled', 'extract_start']
        for row in tru[1:]:
            assert row[0] == 'account' and row[5] in ('lawful', 'mule', 'paofen', 'farmer_card', 'fraud_exit'), row
            assert (row[4] == '1') == (row[1] in banks), row
            role[row[1]] = row[5]
        tt = rd('truth_transfers.csv')
        assert tt[0] == ['txn_id', 'kind'] and len(tt) == len(tr)
        tk = {}
        for row in tt[1:]:
            assert row[0] in seen
            tk[row[0]] = row[1]
    hold_ok = {}
    for row in acc[1:]:
        hold_ok[row[2]] = 1
    for k, i, l in lab[1:]:
        if k == 'transfer':
            assert i in seen and l == 'fraud'
            if truth:
                assert tk[i] == 'victim_payment', i
        elif k == 'account':
            assert l == 'mule'
            if truth:
                assert role.get(i) in ('mule', 'paofen', 'farmer_card'), i
        else:
            assert k == 'holder' and l == 'card_farmer' and i in hold_ok
    return len(acc) - 1, len(tr) - 1


def main():
    ap = argparse.ArgumentParser(description='Zhengzhou / Henan synthetic banking world')
    ap.add_argument('--variant', required=True, choices=['baseline', 'V2', 'V3'])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.run()
    w.write(args.out, args.truth)
    starts = {b: w.fmt(s) for b, s in w.START.items()}
    nacc, ntr = self_check(args.out, args.truth, starts)
    tk = defaultdict(int)
    for o in w.rows:
        tk[o[9]] += 1
    mule_rows = sum(1 for a in w.accs if a.row and a.role in ('mule', 'paofen', 'farmer_card'))
    mule_lab = sum(1 for a in w.accs if a.row and a.label and a.seen and a.role in ('mule', 'paofen', 'farmer_card'))
    nfarm = sum(1 for p, cards in w.farmers if any(c.row for c in cards))
    ext = sum(1 for a in w.accs if not a.row and a.seen)
    sys.stderr.write(
        'zhengzhou_world %s seed=%d window=%s..%s accounts=%d external=%d transfers=%d victim_payments=%d '
        '(labelled %d) fraud_other=%d mule_rows=%d (labelled %d) card_farmers=%d (labelled %d) victims=%d '
        'self-check ok\n' % (
            args.variant, args.seed, w.fmt(0)[:10], w.fmt(w.END - 1)[:10], nacc, ext, ntr, tk['victim_payment'],
            w.nlab['tx'], sum(v for k, v in tk.items() if k not in ('ordinary', 'victim_payment')), mule_rows,
            mule_lab, nfarm, w.nlab['holder'], len(w.victims)))


if __name__ == '__main__':
    main()
