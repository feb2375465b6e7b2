#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
Kashgar prefecture (喀什地区, Xinjiang): a synthetic 30-day banking world.

Independent test data for counter-telecom-fraud tooling.  Standard library only,
deterministic for a given (variant, seed).

    python3 kashgar_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]

Writes DIR/accounts.csv, DIR/transfers.csv and DIR/labels.csv (fanzha interchange
format v1: RFC 3339 times with +08:00, decimal yuan, GB/T 2260 region codes); with
--truth also DIR/truth.csv and DIR/truth_transfers.csv.

Lawful life: Kashgar city, Shufu, Shule, Yengisar, Yarkant (Shache), Kargilik (Yecheng),
Bachu, Tashkurgan (a little Poskam, Makit, Peyziwat).  Local daily rhythm runs on Xinjiang
time (Beijing time minus two hours); all timestamps are Beijing time.  Civil servants,
teachers, doctors, pensions, farmers and herders, textile/garment factories (some financed
from partner provinces), construction firms, foremen and crews, cotton farms, ginning mills
and labour contractors with seasonal pickers, dried-fruit / nut / jujube / jade traders,
the Sunday livestock market, old-city guesthouses, drivers and guides paid by tourists,
restaurants and naan bakeries on personal accounts, students of Kashgar University with
parents far away, landlords, family pooling, weddings, one-off purchases, migrant workers,
multi-bank customers, dormant accounts, border trade with Pakistan and Central Asia.

Fraud: victims (mostly outside Xinjiang) pay gang receiving cards (fresh, aged, rented,
sold, card-farmer cards, 跑分 participants); money is layered across banks and provinces
and exits as ATM cash far away / near borders, to payment-firm merchants or to USDT sellers.

Variants:
  baseline  May-June, an ordinary month; mixed mule types, medium speed.
  V2        December; mostly old accounts rented or sold, money held hours to days,
            victims paying several times.
  V3        cotton harvest + National Day (Sep 20 - Oct 20); fresh mules and card
            farmers, fast exits.
"""
import argparse
import bisect
import csv
import datetime as dt
import itertools
import math
import os
import random
import sys

DAY = 86400
HOUR = 3600
MIN = 60
OFFSET = '+08:00'
SUPPLY = ('ABC', 'ICBC', 'CCB', 'PSBC', 'KSRCB')
VSALT = {'baseline': 11, 'V2': 23, 'V3': 37}


class WL(object):
    """A weighted list: pick(r) returns one value."""
    __slots__ = ('v', 'c')

    def __init__(self, pairs):
        self.v = [p[0] for p in pairs]
        self.c = list(itertools.accumulate(float(p[1]) for p in pairs))

    def pick(self, r):
        return self.v[bisect.bisect_right(self.c, r.random() * self.c[-1])]


# ----------------------------------------------------------------------------------------
# places (GB/T 2260)
# ----------------------------------------------------------------------------------------
KS = WL([('653101', 34), ('653121', 8), ('653122', 9), ('653123', 7), ('653125', 16), ('653126', 10),
         ('653130', 8), ('653131', 2.5), ('653124', 2), ('653127', 2), ('653129', 2)])
KS_RURAL = WL([('653121', 8), ('653122', 9), ('653123', 7), ('653125', 18), ('653126', 11), ('653130', 9),
               ('653124', 3), ('653127', 3), ('653129', 3), ('653101', 3)])
KS_MAIN = ['653101', '653121', '653122', '653123', '653125', '653126', '653130', '653131']
KS_ALL = KS_MAIN + ['653124', '653127', '653129']
XJ_OTHER = WL([('650102', 8), ('650103', 4), ('650104', 5), ('650105', 3), ('650106', 2), ('652901', 6),
               ('653001', 4), ('653022', 2), ('653024', 1), ('653201', 6), ('653221', 2), ('652801', 3),
               ('654002', 2), ('650202', 1), ('652301', 2)])
CN = WL([('110105', 4), ('110108', 3), ('110106', 2), ('310115', 5), ('310104', 2), ('310105', 1), ('120101', 2),
         ('440106', 4), ('440103', 2), ('440305', 3), ('440306', 3), ('441900', 3), ('440604', 2), ('442000', 1),
         ('445202', 1), ('440513', 1), ('330106', 3), ('330782', 2), ('330302', 2), ('330203', 2),
         ('320106', 2), ('320506', 2), ('320583', 1), ('320311', 1), ('370102', 2), ('370202', 2), ('371302', 2),
         ('370602', 1), ('410105', 3), ('410302', 1), ('411502', 1), ('411402', 1), ('420106', 3), ('420502', 1),
         ('430104', 2), ('430602', 1), ('510107', 3), ('510104', 1), ('511702', 1), ('511302', 1),
         ('500103', 2), ('500112', 2), ('610113', 2), ('620102', 2), ('622901', 0.6), ('640104', 1), ('630102', 1),
         ('130102', 2), ('130602', 1), ('131002', 1), ('340104', 2), ('341202', 1), ('360102', 1), ('360702', 1),
         ('350102', 1), ('350203', 1), ('350582', 1), ('450103', 1), ('450203', 1), ('530102', 1), ('520102', 1),
         ('460106', 1), ('140105', 1), ('210102', 1), ('210203', 1), ('220104', 1), ('230103', 1), ('150102', 1),
         ('540102', 0.3)])
CN_RURAL = WL([('411324', 1), ('411522', 2), ('421381', 1.5), ('421083', 1.5), ('430524', 2), ('430528', 1),
               ('431122', 1), ('360733', 1.5), ('360735', 1), ('350128', 0.7), ('350583', 1), ('441581', 1.2),
               ('445281', 1), ('450821', 1), ('450881', 1.5), ('530381', 1), ('520526', 1.5), ('511623', 1),
               ('511321', 1.5), ('620523', 1.5), ('622923', 1), ('341222', 1.5), ('341125', 1), ('371526', 1),
               ('130681', 1), ('231281', 1), ('150429', 1), ('140981', 1), ('610526', 1)])
MIGRANT_HOME = WL([('411522', 2), ('411402', 2), ('410302', 1), ('511321', 2), ('511623', 1.5), ('511702', 1.5),
                   ('500112', 1), ('620523', 2.5), ('622923', 1.5), ('620102', 1), ('430524', 1), ('341222', 1),
                   ('610526', 1), ('640104', 0.5)])
INLAND_WORK = WL([('320506', 3), ('320583', 2), ('440306', 2), ('441900', 3), ('350582', 2), ('330782', 1.5),
                  ('370211', 2), ('371302', 1), ('420106', 1), ('440604', 1)])
FRUIT_BUYERS = WL([('440103', 5), ('440106', 2), ('330782', 3), ('330106', 2), ('410105', 3), ('370102', 2),
                   ('371302', 2), ('110106', 3), ('310115', 3), ('320106', 2), ('510107', 2), ('500103', 2),
                   ('130102', 1), ('420106', 2), ('430104', 1), ('350203', 1), ('650102', 3), ('650104', 2)])
JADE_BUYERS = WL([('411324', 4), ('441284', 3), ('445202', 2), ('320506', 2), ('110105', 2), ('310104', 2),
                  ('530102', 1), ('650102', 3), ('653201', 3), ('440103', 1)])
LIVESTOCK_BUYERS = WL([('650102', 3), ('650106', 2), ('622901', 3), ('640104', 1), ('652901', 2), ('653001', 1),
                       ('653101', 3), ('653122', 1), ('653121', 1)])
TOURIST_ORIGIN = WL([('110105', 4), ('110108', 3), ('310115', 4), ('310104', 3), ('440106', 3), ('440305', 3),
                     ('330106', 3), ('320106', 2), ('320506', 2), ('510107', 3), ('500103', 2), ('420106', 2),
                     ('610113', 2), ('370102', 1), ('410105', 1), ('120101', 1), ('430104', 1), ('650102', 4),
                     ('650104', 3), ('652801', 1), ('350203', 1), ('210102', 1)])
CASH_FAR = WL([('440306', 3), ('441900', 3), ('440513', 2), ('441581', 2), ('445202', 1.5), ('350582', 2),
               ('350581', 1), ('450103', 1), ('460106', 1), ('430602', 0.7), ('360702', 0.7), ('440106', 1)])
CASH_BORDER = WL([('533102', 3), ('532823', 2), ('532801', 2), ('451481', 2), ('450681', 2), ('530102', 1),
                  ('231081', 0.5), ('150781', 0.5), ('654004', 0.4)])
GANG_BASES = WL([('440306', 3), ('441900', 2), ('445202', 1.5), ('441581', 1.5), ('350582', 1.5), ('450103', 1.5),
                 ('530102', 1.5), ('533102', 1), ('430602', 1), ('360702', 1), ('410105', 1), ('510107', 1)])
FARM_CITIES = ['320106', '320506', '430104', '330106', '440106', '653101', '650104', '510107', '420106',
               '410105', '350102', '450103', '370102', '610113', '653125']
PARTNER = {'653101': ['440305', '440304'], '653131': ['440305'], '653121': ['440106', '440604'],
           '653129': ['440106'], '653122': ['370102', '370202'], '653123': ['370102'], '653127': ['370202'],
           '653125': ['310115', '310104'], '653126': ['310115'], '653124': ['310104'], '653130': ['310115']}
INLAND_TEXTILE = WL([('320506', 2), ('320583', 2), ('330782', 2), ('330302', 1), ('370202', 2), ('410105', 1),
                     ('440604', 1), ('350582', 1)])

# ----------------------------------------------------------------------------------------
# institutions
# ----------------------------------------------------------------------------------------
KS_BANKS = WL([('ABC', 27), ('KSRCB', 20), ('PSBC', 14), ('CCB', 12), ('ICBC', 10), ('BOC', 6), ('URMQB', 3),
               ('BOCOM', 2), ('CMB', 2), ('XJB', 2), ('KLB', 1), ('CIB', 1)])
KS_RURAL_BANKS = WL([('KSRCB', 40), ('ABC', 28), ('PSBC', 22), ('CCB', 4), ('ICBC', 3), ('BOC', 3)])
NAT_BANKS = WL([('ICBC', 15), ('CCB', 13), ('ABC', 13), ('BOC', 10), ('PSBC', 9), ('BOCOM', 6), ('CMB', 8),
                ('CIB', 4), ('PAB', 3), ('CITIC', 3), ('SPDB', 3), ('CMBC', 3), ('CEB', 2), ('CGB', 2),
                ('HXB', 1), ('@RCU', 9), ('@CITY', 6)])
CORP_BANKS_KS = WL([('ABC', 28), ('CCB', 22), ('ICBC', 20), ('KSRCB', 12), ('BOC', 10), ('PSBC', 4),
                    ('BOCOM', 2), ('URMQB', 2)])
NAT_CORP_BANKS = WL([('ICBC', 18), ('CCB', 15), ('ABC', 12), ('BOC', 12), ('BOCOM', 7), ('CMB', 10), ('CIB', 6),
                     ('CITIC', 5), ('SPDB', 5), ('PAB', 3), ('CMBC', 4), ('@CITY', 3)])
MULE_BANKS = WL([('ICBC', 12), ('CCB', 12), ('ABC', 12), ('PSBC', 9), ('BOC', 9), ('BOCOM', 5), ('CMB', 6),
                 ('CIB', 4), ('PAB', 4), ('CITIC', 3), ('SPDB', 3), ('CMBC', 3), ('CEB', 3), ('CGB', 3),
                 ('HXB', 2), ('@RCU', 10), ('@CITY', 6)])
RCU = {'11': 'BJRCB', '12': 'TRCB', '13': 'HEBRCU', '14': 'SXRCU', '15': 'NMRCU', '21': 'LNRCU', '22': 'JLRCU',
       '23': 'HLJRCU', '31': 'SRCB', '32': 'JSRCU', '33': 'ZJRCU', '34': 'AHRCU', '35': 'FJRCU', '36': 'JXRCU',
       '37': 'SDRCU', '41': 'HNRCU', '42': 'HBRCU', '43': 'HUNRCU', '44': 'GDRCU', '45': 'GXRCU', '46': 'HAINRCU',
       '50': 'CQRCB', '51': 'SCRCU', '52': 'GZRCU', '53': 'YNRCU', '54': 'XZRCU', '61': 'SNRCU', '62': 'GSRCU',
       '63': 'QHRCU', '64': 'NXRCU', '65': 'XJRCU'}
CITYB = {'11': 'BOBJ', '12': 'TJB', '13': 'HEBB', '14': 'JSHB', '15': 'NMGB', '21': 'SJB', '22': 'JLB',
         '23': 'HRBB', '31': 'BOSH', '32': 'JSB', '33': 'HZB', '34': 'HSB', '35': 'XMB', '36': 'NCB', '37': 'QDCCB',
         '41': 'ZYB', '42': 'HKB', '43': 'CSCB', '44': 'GZCB', '45': 'GXBBW', '46': 'HNB', '50': 'CQCB',
         '51': 'CDCB', '52': 'GYB', '53': 'FDB', '54': 'XZB', '61': 'XAB', '62': 'LZB', '63': 'QHB', '64': 'NXB',
         '65': 'URMQB'}
BINS = {'ABC': ['622848', '623052', '622845'], 'ICBC': ['622202', '621226', '622208', '621723'],
        'CCB': ['621700', '622700', '621081', '436742'], 'PSBC': ['621799', '622188', '621098'],
        'KSRCB': ['623184', '621463'], 'BOC': ['621661', '621785', '621790'], 'BOCOM': ['622260', '622262'],
        'CMB': ['621483', '622588', '621486'], 'CIB': ['622908', '622909'], 'PAB': ['623058', '622155'],
        'CITIC': ['622690', '621773'], 'SPDB': ['622521', '621792'], 'CMBC': ['622622', '621691'],
        'CEB': ['622660', '621489'], 'CGB': ['622568', '621462'], 'HXB': ['622632', '623021'],
        'URMQB': ['622476', '621076'], 'XJB': ['623318'], 'KLB': ['623263'], 'WEBANK': ['623090'],
        'MYBANK': ['623167']}
CARD_LEN = {'CMB': 16, 'CIB': 18}
PAYFIRMS = {'TENPAY': '1', 'ALIPAY': '2088', 'LAKALA': '822', 'YEEPAY': '10012', 'SUMPAY': '2001',
            'HEEPAY': '17', 'UMPAY': '6022', 'LIANLIAN': '2018', 'BAOFOO': '1000', 'CHINAPNR': '6666',
            'DOUYINPAY': '69', 'JDPAY': '11'}
PAYFIRM_LEN = {'TENPAY': 10, 'ALIPAY': 16, 'LAKALA': 15}
EXIT_FIRMS = WL([('YEEPAY', 2), ('SUMPAY', 2), ('HEEPAY', 2), ('UMPAY', 1), ('LIANLIAN', 1), ('BAOFOO', 2),
                 ('CHINAPNR', 1), ('LAKALA', 1)])
FOREIGN = {'HBL': 'PK', 'NBP': 'PK', 'MCB': 'PK', 'KICB': 'KG', 'DEMIRKG': 'KG', 'OPTIMAKG': 'KG',
           'HALYK': 'KZ', 'KASPI': 'KZ', 'AMONAT': 'TJ'}

# ----------------------------------------------------------------------------------------
# time-of-day profiles (weights per hour of *local* time; Kashgar runs on Xinjiang time)
# ----------------------------------------------------------------------------------------
PROFILES = {
    'day': [1, .5, .3, .2, .2, .3, .8, 2, 4, 6, 7, 7, 6.5, 6, 6.5, 7, 7, 7, 7.5, 8, 7, 5, 3, 1.8],
    'biz': [.1, .05, .02, .02, .02, .05, .2, 1, 5, 8, 9, 9, 7, 7, 8, 8, 8, 6, 3, 1.5, .8, .4, .2, .1],
    'evening': [3, 1.5, .6, .3, .2, .2, .3, .6, 1.2, 2, 2.5, 3, 3.5, 3.5, 3.5, 4, 4.5, 5, 6, 8, 9, 9, 7, 5],
    'night': [8, 6, 4, 2, 1, .5, .3, .3, .5, .5, .5, .6, .6, .6, .6, .8, 1, 1.5, 2, 3, 4, 6, 8, 9],
    'early': [.2, .1, .1, .2, 1, 4, 7, 8, 6, 4, 3, 2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.2, 1, .8, .5, .3, .2],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 7, 7, 6, 6, 6, 5, 3, 0, 0, 0, 0, 0, 0, 0],
    'settle': [2, 4, 6, 6, 4, 2, 1, .5, .2, .1, .1, .1, .1, .1, .1, .1, .1, .1, .1, .1, .1, .1, .3, 1],
    'market': [0, 0, 0, 0, 0, 0, .5, 2, 5, 8, 9, 8, 7, 6, 4, 3, 2, 1, .5, .2, 0, 0, 0, 0],
}
PROFCUM = {k: list(itertools.accumulate(v)) for k, v in PROFILES.items()}

# ----------------------------------------------------------------------------------------
# fraud typology: weight, median amount, sigma, min, max, (lo, hi) payments per victim
# ----------------------------------------------------------------------------------------
FTYPES = {
    'brushing': (24, 1800, 1.0, 50, 60000, (1, 6)),
    'investment': (14, 30000, 1.0, 1000, 800000, (1, 6)),
    'ecommerce_cs': (12, 8000, 0.9, 300, 200000, (1, 3)),
    'loan_card': (11, 2500, 0.8, 300, 30000, (1, 5)),
    'credit_record': (6, 12000, 0.9, 1000, 150000, (1, 3)),
    'police_gov': (6, 60000, 1.0, 5000, 1500000, (1, 4)),
    'romance': (5, 40000, 1.0, 1000, 600000, (1, 6)),
    'shopping_service': (6, 900, 0.9, 50, 20000, (1, 2)),
    'game_trade': (4, 1200, 0.9, 100, 30000, (1, 3)),
    'leader_acquaintance': (5, 30000, 0.9, 2000, 300000, (1, 2)),
    'military_purchase': (1, 20000, 0.8, 2000, 200000, (1, 2)),
    'prize': (1, 3000, 0.8, 200, 30000, (1, 3)),
    'parcel': (1, 30000, 0.9, 2000, 300000, (1, 2)),
    'subsidy_refund': (1, 5000, 0.8, 500, 50000, (1, 2)),
    'accident_kidnap': (1, 20000, 0.7, 2000, 100000, (1, 2)),
    'phone_bill': (0.5, 20000, 0.9, 1000, 200000, (1, 2)),
    'fake_job': (1, 500, 0.7, 50, 5000, (1, 3)),
}
# gap between a victim's successive payments (hours): (lo, hi)
FGAPS = {'brushing': (0.05, 0.7), 'investment': (10, 120), 'romance': (12, 140), 'loan_card': (0.2, 8),
         'police_gov': (2, 48), 'ecommerce_cs': (0.05, 0.5), 'credit_record': (0.1, 3), 'game_trade': (0.1, 4)}
VICTIM_MEMOS = ['', '', '', '', '', '', '', '还款', '借款', '货款', '保证金', '转账', '生活费', '投资', '解冻', '手续费',
                '押金', '往来款', '购物', '会员费']
MULE_MEMOS = ['', '', '', '', '', '', '', '', '货款', '还款', '往来款', '工程款', '转账', '借款', '分红']

VARIANTS = {
    'baseline': dict(
        start=dt.datetime(2024, 5, 6),
        season='late spring (6 May - 5 June): apricot season begins, good tourist weather, fields in management',
        cons=3.3, tourism=1.0, holidays=(), cotton_pick=0.0, cotton_settle=0.08, field_work=1.0, construction=1.0,
        constr_settle=0.2, fruit_buy=0.45, fruit_sell=0.8, livestock=1.15, freshmen=0.0, weddings=1.0,
        winter=0.0, subsidy='耕地地力保护补贴', contractors=35, pickers_new=0,
        victim_payments=(600, 690), pay_scale=1.0, speed='medium',
        t1_mix=dict(fresh=.30, aged=.22, rented=.14, sold=.12, farmer=.10, paofen=.12),
        deep_mix=dict(fresh=.34, aged=.26, rented=.14, sold=.16, farmer=.10),
        n_farmers=6, farm_before=(15, 90), gangs=8, exit_mix=dict(atm=.35, usdt=.30, merchant=.35),
        direct_exit=0.08, t2_exit=0.55, report_p=0.70, report_delay=8.0, freeze_p=0.55,
        fw=dict(police_gov=1.0)),
    'V2': dict(
        start=dt.datetime(2024, 12, 1),
        season='early winter (December): off-season tourism, year-end construction settlements, '
               'jujube and walnut sales, cotton target-price subsidy',
        cons=3.4, tourism=0.22, holidays=(), cotton_pick=0.0, cotton_settle=0.55, field_work=0.1, construction=0.45,
        constr_settle=1.0, fruit_buy=0.1, fruit_sell=1.45, livestock=1.0, freshmen=0.0, weddings=0.7,
        winter=1.0, subsidy='棉花目标价格补贴', contractors=30, pickers_new=0,
        victim_payments=(720, 820), pay_scale=2.7, speed='slow',
        t1_mix=dict(fresh=.06, aged=.12, rented=.42, sold=.28, farmer=.04, paofen=.08),
        deep_mix=dict(fresh=.08, aged=.14, rented=.40, sold=.32, farmer=.06),
        n_farmers=3, farm_before=(30, 150), gangs=6, exit_mix=dict(atm=.40, usdt=.30, merchant=.30),
        direct_exit=0.05, t2_exit=0.45, report_p=0.72, report_delay=30.0, freeze_p=0.65,
        fw=dict(investment=2.4, romance=2.4, loan_card=1.8, police_gov=1.4, brushing=0.7, shopping_service=0.5,
                game_trade=0.6)),
    'V3': dict(
        start=dt.datetime(2024, 9, 20),
        season='cotton harvest with National Day golden week (20 Sep - 20 Oct): hand pickers paid by labour '
               'contractors, ginning mills paying farmers, walnut/jujube harvest, tourist peak, freshmen',
        cons=3.0, tourism=1.55, holidays=tuple(range(11, 18)), cotton_pick=1.0, cotton_settle=0.8, field_work=0.3,
        construction=1.0, constr_settle=0.3, fruit_buy=1.0, fruit_sell=0.9, livestock=1.0, freshmen=1.0,
        weddings=1.6, winter=0.0, subsidy='', contractors=70, pickers_new=520,
        victim_payments=(660, 740), pay_scale=0.8, speed='fast',
        t1_mix=dict(fresh=.46, aged=.08, rented=.04, sold=.04, farmer=.30, paofen=.08),
        deep_mix=dict(fresh=.50, aged=.08, rented=.04, sold=.04, farmer=.34),
        n_farmers=14, farm_before=(-8, 40), gangs=9, exit_mix=dict(atm=.32, usdt=.34, merchant=.34),
        direct_exit=0.35, t2_exit=0.70, report_p=0.68, report_delay=5.0, freeze_p=0.5,
        fw=dict(brushing=1.3, credit_record=1.8, ecommerce_cs=1.3, game_trade=1.5, investment=0.7,
                romance=0.7)),
}


# ----------------------------------------------------------------------------------------
# identifiers
# ----------------------------------------------------------------------------------------
W18 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
RID_CHK = '10X98765432'
USC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(region, birth, seq):
    s = '%s%s%03d' % (region, birth.strftime('%Y%m%d'), seq)
    return s + RID_CHK[sum(int(a) * b for a, b in zip(s, W18)) % 11]


def luhn(prefix):
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


def stable_hash(s):
    return sum((i + 1) * ord(c) for i, c in enumerate(s))


def fmt_amt(fen):
    return '%d.%02d' % (fen // 100, fen % 100)


class Acc(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'status', 'role', 'arch', 'b0', 'ccy',
                 'freeze', 'sold', 'close', 'ustart', 'uend', 'cap', 'used', 'casher', 'gang', 'tier', 'mtype',
                 'checked')

    def __init__(self, aid, bank, holder, opened, region, cls, role, arch, b0, ccy):
        self.id = aid
        self.bank = bank
        self.holder = holder
        self.opened = opened
        self.region = region
        self.cls = cls
        self.status = 'active'
        self.role = role
        self.arch = arch
        self.b0 = b0
        self.ccy = ccy
        self.freeze = None
        self.sold = None
        self.close = None
        self.ustart = self.uend = None
        self.cap = 0
        self.used = 0
        self.casher = None
        self.gang = None
        self.tier = 0
        self.mtype = ''
        self.checked = False


class P(object):
    """a person or firm of the lawful world"""
    __slots__ = ('hid', 'arch', 'home', 'live', 'accs', 'fam', 'x')

    def __init__(self, hid, arch, home, live):
        self.hid = hid
        self.arch = arch
        self.home = home
        self.live = live
        self.accs = []
        self.fam = None
        self.x = {}


class World(object):
    def __init__(self, variant, seed):
        self.variant = variant
        self.cfg = VARIANTS[variant]
        self.r = random.Random(seed * 7919 + VSALT[variant])
        self.W0 = self.cfg['start']
        self.T = 30 * DAY
        self.acc = {}
        self.holders = {}
        self.ev = []
        self.used_ids = set()
        self.seq = 0
        self.days = [self.W0 + dt.timedelta(days=d) for d in range(30)]
        r = self.r
        offs = [0] + sorted(r.sample(range(1, 13), len(SUPPLY) - 1))
        banks = list(SUPPLY)
        r.shuffle(banks)
        self.start = {b: o * DAY for b, o in zip(banks, offs)}
        self.people = []
        self.by_arch = {}
        self.cons = self.cfg['cons']
        self.usd_rate = {'baseline': 7.10, 'V2': 7.19, 'V3': 7.04}[variant]
        self.emp_pay = {}
        self.day_w = []
        for d in range(30):
            wd = self.days[d].weekday()
            w = 1.0 if wd < 5 else 0.85
            self.day_w.append(w)
        self.day_cum = list(itertools.accumulate(self.day_w))
        tw = []
        for d in range(30):
            wd = self.days[d].weekday()
            w = 1.0 + (0.5 if wd >= 5 else 0.0)
            if d in self.cfg['holidays']:
                w *= 3.2
            tw.append(w)
        self.tour_cum = list(itertools.accumulate(tw))

    # ------------------------------------------------------------------ random helpers
    def ln(self, med, sigma):
        return med * math.exp(self.r.gauss(0, sigma))

    def clamp(self, x, lo, hi):
        return lo if x < lo else (hi if x > hi else x)

    def poisson(self, lam):
        r = self.r
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= r.random()
            if p <= L:
                return k
            k += 1

    def rnd(self, x, unit):
        return max(unit, int(round(x / unit)) * unit)

    def rday(self, lo=0, hi=29):
        r = self.r
        if lo <= 0 and hi >= 29:
            return bisect.bisect_right(self.day_cum, r.random() * self.day_cum[-1])
        return r.randint(max(0, lo), min(29, hi))

    def tday(self):
        return bisect.bisect_right(self.tour_cum, self.r.random() * self.tour_cum[-1])

    def hour(self, prof):
        cum = PROFCUM[prof]
        return bisect.bisect_right(cum, self.r.random() * cum[-1]) + self.r.random()

    def tl(self, day, prof='day', shift=2):
        """time in the window for a local hour drawn from prof (shift 2 = Xinjiang local time)"""
        return int(day * DAY + (self.hour(prof) + shift) * HOUR)

    def doms(self, dom):
        return [d for d in range(30) if self.days[d].day == dom]

    # ------------------------------------------------------------------ ids and accounts
    def digits(self, n):
        return ''.join(self.r.choice('0123456789') for _ in range(n))

    def new_holder(self, home, byears, arch, kind='person', farmer=False):
        r = self.r
        for _ in range(200):
            y = r.randint(byears[0], byears[1])
            bd = dt.date(y, 1, 1) + dt.timedelta(days=r.randrange(365))
            hid = resident_id(home, bd, r.randrange(1000))
            if hid not in self.holders:
                break
        self.holders[hid] = dict(arch=arch, home=home, farmer=farmer, kind=kind, by=y)
        return hid

    def new_corp_holder(self, kind2, region, arch):
        r = self.r
        while True:
            oc = ''.join(r.choice('0123456789' if i < 2 else '0123456789ABCDEFGHJKLMNPQRTUWXY')
                         for i in range(8))
            s = sum(USC_CH.index(c) * w for c, w in zip(oc, ORG_W))
            c9 = 11 - s % 11
            oc += 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
            body = kind2 + region + oc
            chk = (31 - sum(USC_CH.index(c) * w for c, w in zip(body, USC_W)) % 31) % 31
            hid = body + USC_CH[chk]
            if hid not in self.holders:
                self.holders[hid] = dict(arch=arch, home=region, farmer=False, kind='corp')
                return hid

    def resolve_bank(self, bank, region):
        if bank == '@RCU':
            return RCU.get(region[:2], 'RCU' + region[:2])
        if bank == '@CITY':
            return CITYB.get(region[:2], 'CB' + region[:2])
        return bank

    def acc_number(self, bank, corp, region):
        r = self.r
        while True:
            if bank in PAYFIRMS:
                pre = PAYFIRMS[bank]
                s = pre + self.digits(PAYFIRM_LEN.get(bank, 14) - len(pre))
            elif bank in FOREIGN:
                cc = FOREIGN[bank]
                if cc == 'PK':
                    s = 'PK%02d%s%s' % (r.randint(10, 99), {'HBL': 'HABB', 'NBP': 'NBPA', 'MCB': 'MUCB'}[bank],
                                        self.digits(16))
                elif cc == 'KZ':
                    s = 'KZ%02d%s' % (r.randint(10, 99), self.digits(16))
                else:
                    s = self.digits(16)
            elif corp:
                if bank == 'ABC':
                    s = '30' + self.digits(13)
                elif bank == 'ICBC':
                    s = '3002' + self.digits(15)
                elif bank == 'CCB':
                    s = region[:2] + '050' + self.digits(15)
                elif bank == 'PSBC':
                    s = '9' + self.digits(17)
                elif bank == 'KSRCB':
                    s = '1101' + self.digits(14)
                elif bank == 'BOC':
                    s = '1' + self.digits(11)
                elif bank == 'CMB':
                    s = '1' + self.digits(14)
                elif bank == 'BOCOM':
                    s = '6' + self.digits(20)
                else:
                    s = self.digits(18)
            else:
                bins = BINS.get(bank)
                b = r.choice(bins) if bins else '62%04d' % (stable_hash(bank) % 10000)
                s = luhn(b + self.digits(CARD_LEN.get(bank, 19) - len(b) - 1))
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def new_acc(self, holder, bank, region, opened, cls='I', role='lawful', arch='', b0=0.0, ccy='CNY'):
        bank = self.resolve_bank(bank, region)
        if opened < -DAY and cls != 'II':
            # opened at a branch counter: business hours of the branch's place
            opened = int((opened // DAY) * DAY + (self.hour('counter') + (2 if region.startswith('65') else 0)) * HOUR)
        aid = self.acc_number(bank, cls == 'corp', region)
        if opened >= 0:
            b0 = 0.0  # an account opened inside the window starts empty
        a = Acc(aid, bank, holder, int(opened), region, cls, role, arch, int(round(b0 * 100)), ccy)
        self.acc[aid] = a
        return aid

    def ev_(self, t, frm, to, amt, ch, reg='', kind='transfer', memo='', xb=False, cur='CNY', tk='ordinary',
            meta=None):
        t = int(t)
        if t < 0 or t >= self.T or frm == to:
            return None
        if amt is None:
            fen = None
        else:
            fen = int(round(amt * 100))
            if fen <= 0:
                return None
        for a in (frm, to):
            if a and self.acc[a].opened > t:
                return None
        e = [t, self.seq, frm, to, fen, ch, reg, kind, memo, xb, cur, tk, meta]
        self.seq += 1
        self.ev.append(e)
        return e

    def opened_before(self, years_lo, years_hi):
        return -int(self.r.uniform(years_lo, years_hi) * 365 * DAY) - self.r.randint(0, DAY)

    def open_time(self, day, shift=2):
        return self.tl(day, 'counter', shift)

    # ------------------------------------------------------------------ firms
    def corp(self, arch, region, kind2='91', banks=None, b0=(5e5, 5e6), n=1):
        hid = self.new_corp_holder(kind2, region, arch)
        p = P(hid, arch, region, region)
        for i in range(n):
            bank = (banks or (CORP_BANKS_KS if region.startswith('65') else NAT_CORP_BANKS)).pick(self.r)
            if not region.startswith('6531') and bank == 'KSRCB':
                bank = 'ABC'
            p.accs.append(self.new_acc(hid, bank, region, self.opened_before(1, 18), 'corp', 'lawful', arch,
                                       b0=self.r.uniform(*b0)))
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def build_firms(self):
        r = self.r
        cfg = self.cfg
        F = self.F = {}
        F['TEN'] = self.corp('hub_tenpay', '440305', banks=WL([('TENPAY', 1)]), b0=(1e9, 1e9), n=2)
        F['ALI'] = self.corp('hub_alipay', '330106', banks=WL([('ALIPAY', 1)]), b0=(1e9, 1e9), n=2)
        F['LKL'] = self.corp('hub_lakala_pos', '110108', banks=WL([('LAKALA', 1)]), b0=(1e9, 1e9), n=1)
        F['CTRIP'] = self.corp('ota_platform', '310105', banks=WL([('CMB', 1), ('ICBC', 1)]), b0=(1e8, 1e8))
        F['MEITUAN'] = self.corp('ota_platform', '110105', banks=WL([('CMB', 1), ('BOC', 1)]), b0=(1e8, 1e8))
        F['PDD'] = self.corp('ecommerce_platform', '310105', banks=WL([('CMB', 1), ('SPDB', 1)]), b0=(1e8, 1e8))
        F['DOUYIN'] = self.corp('ecommerce_platform', '110108', banks=WL([('DOUYINPAY', 1)]), b0=(1e8, 1e8))
        F['RIDER'] = self.corp('delivery_platform', '110105', banks=WL([('CMB', 1)]), b0=(1e8, 1e8))
        F['LOANAPP'] = [self.corp('consumer_finance', reg, banks=WL([(b, 1)]), b0=(1e9, 1e9))
                        for reg, b in (('440305', 'WEBANK'), ('330106', 'MYBANK'), ('310115', 'CMB'))]
        F['gov'] = {c: self.corp('county_finance', c, '11', b0=(5e7, 2e8), n=1) for c in KS_ALL}
        F['edu'] = {c: self.corp('education_bureau', c, '11', b0=(2e7, 8e7)) for c in KS_ALL}
        F['hosp'] = [self.corp('hospital', c, '12', b0=(5e6, 3e7)) for c in
                     ['653101', '653101', '653121', '653122', '653125', '653126', '653130', '653123', '653131']]
        F['univ'] = self.corp('university', '653101', '12', banks=WL([('CCB', 1), ('ICBC', 1)]), b0=(3e7, 6e7), n=2)
        F['socsec'] = [self.corp('social_security', '653101', '11', banks=WL([(b, 1)]), b0=(5e8, 5e8))
                       for b in ('ABC', 'PSBC', 'KSRCB')]
        F['medins'] = self.corp('medical_insurance_fund', '653101', '11', banks=WL([('ABC', 1)]), b0=(1e8, 1e8))
        F['util'] = [self.corp(a, '653101', '91', banks=WL([(b, 1)]), b0=(1e6, 5e6))
                     for a, b in (('state_grid', 'ABC'), ('china_mobile', 'ICBC'), ('china_telecom', 'CCB'),
                                  ('water_company', 'KSRCB'), ('gas_company', 'ABC'), ('china_unicom', 'BOC'))]
        F['factory'] = []
        for i in range(18):
            reg = r.choice(['653101', '653101', '653121', '653122', '653130', '653125', '653126', '653123'])
            p = self.corp('textile_factory', reg, b0=(1e6, 8e6))
            inv = r.choice(PARTNER.get(reg, ['310115']))
            p.x['investor'] = self.corp('partner_investor', inv, b0=(5e7, 2e8)) if r.random() < 0.6 else None
            p.x['buyers'] = [self.corp('garment_buyer', INLAND_TEXTILE.pick(r), b0=(1e7, 5e7))
                             for _ in range(r.randint(1, 3))]
            F['factory'].append(p)
        F['ginning'] = [self.corp('ginning_mill', c, b0=(5e6, 3e7)) for c in
                        ['653130', '653125', '653126', '653122', '653123', '653127', '653129', '653121']]
        F['cotton_buyer'] = [self.corp('inland_cotton_buyer', INLAND_TEXTILE.pick(r), b0=(5e7, 1e8))
                             for _ in range(8)]
        F['coop'] = [self.corp('farm_cooperative', KS_RURAL.pick(r), '93', b0=(2e5, 3e6)) for _ in range(22)]
        F['constr'] = []
        for i in range(10):
            reg = KS.pick(r) if r.random() < 0.7 else CN.pick(r)
            F['constr'].append(self.corp('construction_company', reg, b0=(5e6, 5e7)))
        F['material'] = [self.corp('building_materials', KS.pick(r), b0=(2e5, 2e6)) for _ in range(8)]
        F['hotel'] = [self.corp('hotel', r.choice(['653101'] * 5 + ['653131', '653125']), b0=(3e5, 3e6))
                      for _ in range(10)]
        F['agency'] = [self.corp('travel_agency', r.choice(['653101', '653101', '650102', '653131']), b0=(2e5, 2e6))
                       for _ in range(6)]
        F['trade_co'] = []
        for i in range(16):
            reg = r.choice(['653101'] * 6 + ['653131'] * 3 + ['653122'])
            p = self.corp('import_export_company', reg, b0=(1e6, 1e7))
            if r.random() < 0.45:
                uid = self.new_acc(p.hid, r.choice(['BOC', 'ICBC', 'CCB', 'ABC']), reg,
                                   self.opened_before(1, 8), 'corp', 'lawful', 'import_export_company_usd',
                                   b0=r.uniform(5e4, 8e5), ccy='USD')
                p.x['usd'] = uid
            F['trade_co'].append(p)
        F['foreign'] = []
        for bank, cc, n in (('HBL', 'PK', 10), ('NBP', 'PK', 6), ('MCB', 'PK', 6), ('KICB', 'KG', 8),
                            ('DEMIRKG', 'KG', 6), ('OPTIMAKG', 'KG', 4), ('HALYK', 'KZ', 5), ('KASPI', 'KZ', 3),
                            ('AMONAT', 'TJ', 4)):
            for _ in range(n):
                hid = 'F%s%s' % (cc, self.digits(9))
                self.holders[hid] = dict(arch='foreign_trader', home='', farmer=False, kind='foreign')
                a = self.new_acc(hid, bank, '', self.opened_before(1, 10), 'corp', 'lawful', 'foreign_trader',
                                 b0=1e8)
                F['foreign'].append(a)
        F['suppliers_inland'] = [self.corp('inland_wholesaler', r.choice(['330782'] * 4 + ['440103', '440106',
                                                                                           '650102', '650104']),
                                           b0=(1e6, 1e7)) for _ in range(24)]
        F['slaughter'] = [self.corp('slaughterhouse', r.choice(['653121', '653122', '653101', '653130']),
                                    b0=(2e6, 8e6)) for _ in range(4)]
        F['fruit_proc'] = [self.corp('dried_fruit_processor', r.choice(['653125', '653126', '653101', '653122']),
                                     b0=(2e6, 1e7)) for _ in range(6)]
        F['retail_chain'] = [self.corp('inland_retail_chain', CN.pick(r), b0=(1e7, 5e7)) for _ in range(10)]
        F['logistics'] = [self.corp('logistics', r.choice(['653101', '653101', '650104', '440106']), b0=(5e5, 3e6))
                          for _ in range(5)]
        F['flour'] = [self.corp('flour_mill', r.choice(['653122', '653101', '653125']), b0=(5e5, 3e6))
                      for _ in range(3)]
        F['agri_input'] = [self.corp('agri_inputs', KS.pick(r), b0=(5e5, 3e6)) for _ in range(4)]
        F['car_dealer'] = [self.corp('car_dealer', '653101', b0=(1e6, 5e6)) for _ in range(3)]
        F['developer'] = [self.corp('property_developer', r.choice(['653101', '653101', '653125']), b0=(5e6, 5e7))
                          for _ in range(4)]
        F['coal'] = [self.corp('coal_heating_supplier', KS.pick(r), b0=(5e5, 2e6)) for _ in range(3)]
        F['fuel'] = self.corp('fuel_station_network', '650102', banks=WL([('ICBC', 1), ('CCB', 1)]), b0=(1e7, 1e7))
        F['inland_employers'] = {}
        # payroll calendars
        for c in KS_ALL:
            self.emp_pay[F['gov'][c].accs[0]] = (r.choice([8, 10, 12]), 11.0 + r.random() * 3)
            self.emp_pay[F['edu'][c].accs[0]] = (r.choice([8, 10, 12]), 11.0 + r.random() * 3)
        for p in F['hosp'] + F['factory'] + F['hotel'] + F['agency'] + F['trade_co'] + F['constr'] + [F['univ']]:
            self.emp_pay[p.accs[0]] = (r.choice([5, 10, 15, 20, 25]), 10.5 + r.random() * 5)

    def inland_employer(self, region):
        L = self.F['inland_employers'].setdefault(region, [])
        if len(L) < 3 or self.r.random() < 0.08:
            p = self.corp('inland_employer', region, b0=(1e7, 5e7))
            self.emp_pay[p.accs[0]] = (self.r.choice([5, 10, 15, 25]), 9.0 + self.r.random() * 6)
            L.append(p)
            return p
        return self.r.choice(L)

    # ------------------------------------------------------------------ people
    def person(self, arch, live, home=None, byears=(1965, 2000), banks=None, new_p=0.0, cls='I',
               second_p=0.35, dormant_p=0.16, b0=(500, 20000), payroll_bank=None, open_region=None,
               new_day=None):
        r = self.r
        home = home or live
        hid = self.new_holder(home, byears, arch)
        p = P(hid, arch, home, live)
        banks = banks or (KS_BANKS if live.startswith('65') else NAT_BANKS)
        bank = payroll_bank if (payroll_bank and r.random() < 0.8) else banks.pick(r)
        oreg = open_region or live
        if not oreg.startswith('6531') and bank == 'KSRCB':
            bank = 'ABC'
        age_years = max(0.4, self.W0.year - self.holders[hid]['by'] - 16)
        if r.random() < new_p:
            day = new_day if new_day is not None else r.randint(0, 24)
            opened = self.open_time(day, 2 if oreg.startswith('65') else 0)
            p.accs.append(self.new_acc(hid, bank, oreg, opened, cls, 'lawful', arch, b0=0.0))
            p.x['new'] = True
        else:
            p.accs.append(self.new_acc(hid, bank, oreg, self.opened_before(0.3, min(18.0, age_years)), cls,
                                       'lawful', arch, b0=self.ln(math.sqrt(b0[0] * b0[1]), 0.8)))
        if r.random() < second_p:
            b2 = banks.pick(r)
            if b2 == self.acc[p.accs[0]].bank:
                b2 = 'BOC' if b2 != 'BOC' else 'CCB'
            if not live.startswith('6531') and b2 == 'KSRCB':
                b2 = 'PSBC'
            if r.random() < 0.03:
                opened = self.tl(r.randint(0, 26), 'day', self.shift_of(live))
                p.accs.append(self.new_acc(hid, b2, live, opened, 'II', 'lawful', arch, b0=0.0))
            else:
                p.accs.append(self.new_acc(hid, b2, live, self.opened_before(0.3, min(15.0, age_years)),
                                           'II' if r.random() < 0.45 else 'I', 'lawful', arch,
                                           b0=self.ln(math.sqrt(b0[0] * b0[1]) * 0.3, 0.9)))
        if r.random() < dormant_p:
            b3 = banks.pick(r)
            reg3 = home if r.random() < 0.6 else live
            if not reg3.startswith('6531') and b3 == 'KSRCB':
                b3 = 'CCB'
            aid = self.new_acc(hid, b3, reg3,
                               self.opened_before(3, max(3.5, min(20.0, age_years))), 'I', 'lawful',
                               arch + '_dormant', b0=r.choice([0, 0, 0.35, 1.2, 5.6, 12.08, 37.5, 120.0]))
            p.x['dormant'] = aid
        self.people.append(p)
        self.by_arch.setdefault(arch, []).append(p)
        return p

    def shift_of(self, region):
        return 2 if region.startswith('65') else 0

    # generic daily life
    def consume(self, p, acc, lam, med=90.0, region=None, lo=0, hi=29, prof='day'):
        r = self.r
        med0 = med
        F = self.F
        region = region or p.live
        sh = self.shift_of(region)
        for _ in range(self.poisson(lam * self.cons)):
            day = self.rday(lo, hi)
            t = self.tl(day, prof, sh)
            u = r.random()
            med = med0 * 0.5
            if u < 0.68:
                hub = F['TEN'] if r.random() < 0.55 else F['ALI']
                self.ev_(t, acc, r.choice(hub.accs), self.clamp(self.ln(med, 0.95), 1, 20000), 'mobile', region,
                         memo=r.choice(['', '', '', '财付通快捷支付', '支付宝快捷支付', '消费']))
            elif u < 0.85:
                self.ev_(t, acc, F['LKL'].accs[0], self.clamp(self.ln(med * 2.5, 0.9), 5, 50000), 'pos', region,
                         memo='消费')
            elif u < 0.92:
                if med0 < 70:
                    amt = r.choice([100, 100, 200, 200, 300, 500, 500, 1000])
                else:
                    amt = r.choice([100, 200, 300, 500, 500, 800, 1000, 1000, 1500, 2000, 3000])
                self.ev_(t, acc, '', amt, 'atm', region, 'withdrawal', memo='ATM取款')
            else:
                if region.startswith('6531'):
                    u2 = r.choice(F['util'])
                    amt = r.choice([30, 50, 50, 100, 100, 200]) if u2.arch.startswith('china') else \
                        self.clamp(self.ln(120, 0.6), 10, 2000)
                    self.ev_(t, acc, u2.accs[0], amt, r.choice(['mobile', 'online']), region,
                             memo='话费充值' if u2.arch.startswith('china') else '缴费')
                else:
                    hub = F['ALI']
                    self.ev_(t, acc, r.choice(hub.accs), self.clamp(self.ln(150, 0.6), 10, 2000), 'mobile', region,
                             memo='生活缴费')

    def salary(self, emp_acc, acc, amount, memo='代发工资'):
        dom, hh = self.emp_pay.get(emp_acc, (10, 12.0))
        emp = self.acc[emp_acc]
        for d in self.doms(dom):
            t = int(d * DAY + (hh + self.r.random() * 0.25) * HOUR)
            self.ev_(t, emp_acc, acc, amount * self.r.uniform(0.97, 1.03), 'other', emp.region, memo=memo)

    def own_moves(self, p, lam=1.2):
        r = self.r
        act = [a for a in p.accs]
        if len(act) < 2:
            return
        for _ in range(self.poisson(lam)):
            a, b = r.sample(act, 2)
            t = self.tl(self.rday(), 'day', self.shift_of(p.live))
            self.ev_(t, a, b, r.choice([500, 1000, 1000, 2000, 3000, 5000, 10000]), 'mobile', p.live,
                     memo=r.choice(['', '', '转账', '自己账户']))

    def family_tx(self, p, lam=1.0, med=800, prof='day'):
        r = self.r
        if not p.fam or len(p.fam) < 2:
            return
        for _ in range(self.poisson(lam * 1.6)):
            q = r.choice(p.fam)
            if q is p:
                continue
            t = self.tl(self.rday(), prof, self.shift_of(p.live))
            amt = self.rnd(self.ln(med, 0.8), 100 if r.random() < 0.75 else 1)
            self.ev_(t, p.accs[0], q.accs[0], amt, 'mobile', p.live,
                     memo=r.choice(['', '', '', '生活费', '给家里', '转账', '还钱', '孩子学费']))

    def outside_life(self, p, scale=1.0):
        """light ordinary activity of an out-of-region account holder (home city, Beijing rhythm)"""
        r = self.r
        acc = p.accs[0]
        if r.random() < 0.75 * scale:
            emp = self.inland_employer(p.live)
            self.salary(emp.accs[0], acc, self.rnd(self.ln(6500, 0.4), 10))
        self.consume(p, acc, 5.0 * scale, med=110)
        if r.random() < 0.25 * scale:
            other = r.choice(self.F['LOANAPP'])
            t = self.tl(self.rday(), 'day', 0)
            self.ev_(t, acc, other.accs[0], self.rnd(self.ln(1500, 0.6), 0.01), 'mobile', p.live, memo='还款')

    # ------------------------------------------------------------------ lawful world
    def build_people(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S = {}

        # public sector
        S['civil'] = []
        for _ in range(420):
            c = KS.pick(r)
            S['civil'].append(self.person('civil_servant', c, byears=(1966, 2000),
                                          payroll_bank=self.acc[F['gov'][c].accs[0]].bank, b0=(2000, 60000)))
            S['civil'][-1].x['emp'] = F['gov'][c].accs[0]
        S['teacher'] = []
        for _ in range(500):
            c = KS.pick(r)
            p = self.person('teacher', c, byears=(1966, 2001), payroll_bank=self.acc[F['edu'][c].accs[0]].bank,
                            b0=(2000, 50000))
            p.x['emp'] = F['edu'][c].accs[0]
            S['teacher'].append(p)
        S['medic'] = []
        for _ in range(260):
            h = r.choice(F['hosp'])
            p = self.person('doctor_nurse', h.home, byears=(1968, 2001), payroll_bank=self.acc[h.accs[0]].bank,
                            b0=(2000, 60000))
            p.x['emp'] = h.accs[0]
            S['medic'].append(p)
        uni_staff = []
        for _ in range(70):
            p = self.person('university_staff', '653101', home=r.choice(['653101', '650102', CN.pick(r)]),
                            byears=(1965, 1996), payroll_bank=self.acc[F['univ'].accs[0]].bank, b0=(3000, 80000))
            p.x['emp'] = F['univ'].accs[0]
            uni_staff.append(p)
        S['civil'] += uni_staff
        S['pensioner'] = [self.person('pensioner', KS.pick(r), byears=(1940, 1964), b0=(1000, 80000),
                                      banks=WL([('ABC', 35), ('PSBC', 30), ('KSRCB', 20), ('CCB', 8), ('ICBC', 7)]),
                                      second_p=0.2, dormant_p=0.25) for _ in range(580)]
        n_farm = 870 if cfg['pickers_new'] else 1060
        S['farmer'] = [self.person('farmer', KS_RURAL.pick(r), byears=(1955, 2002), banks=KS_RURAL_BANKS,
                                   b0=(300, 30000), second_p=0.25, dormant_p=0.15) for _ in range(n_farm)]
        herd_reg = WL([('653131', 5), ('653130', 2), ('653122', 1), ('653125', 1), ('653126', 1), ('653121', 1)])
        S['herder'] = [self.person('herder', herd_reg.pick(r), byears=(1955, 2000), banks=KS_RURAL_BANKS,
                                   b0=(300, 20000), second_p=0.15) for _ in range(200)]
        S['worker'] = []
        for _ in range(650):
            f = r.choice(F['factory'])
            p = self.person('factory_worker', f.home if r.random() < 0.7 else KS_RURAL.pick(r),
                            byears=(1980, 2005), payroll_bank=self.acc[f.accs[0]].bank, b0=(300, 12000),
                            new_p=0.04, new_day=None)
            p.x['emp'] = f.accs[0]
            S['worker'].append(p)
        S['crew'] = []
        ncrew = int(380 * (0.75 if self.variant == 'V2' else 1.0))
        for _ in range(ncrew):
            if r.random() < 0.5:
                home = MIGRANT_HOME.pick(r)
                p = self.person('construction_worker', KS.pick(r), home=home, byears=(1968, 2003),
                                banks=NAT_BANKS if r.random() < 0.6 else KS_BANKS, b0=(200, 10000),
                                open_region=home if r.random() < 0.6 else None)
                p.x['from_inland'] = True
            else:
                p = self.person('construction_worker', KS.pick(r), byears=(1970, 2004), banks=KS_RURAL_BANKS,
                                b0=(100, 6000))
            S['crew'].append(p)
        S['student'] = []
        for _ in range(600):
            u = r.random()
            home = KS.pick(r) if u < 0.35 else (XJ_OTHER.pick(r) if u < 0.65 else CN.pick(r))
            p = self.person('student', '653101', home=home, byears=(2001, 2006),
                            banks=WL([('CCB', 30), ('ICBC', 20), ('ABC', 20), ('BOC', 15), ('PSBC', 8), ('KSRCB', 7)]),
                            b0=(600, 8000), second_p=0.3, dormant_p=0.1, cls='I' if r.random() < 0.7 else 'II',
                            open_region=home if r.random() < 0.35 else '653101')
            S['student'].append(p)
        if cfg['freshmen']:
            for _ in range(int(160 * cfg['freshmen'])):
                u = r.random()
                home = KS.pick(r) if u < 0.35 else (XJ_OTHER.pick(r) if u < 0.65 else CN.pick(r))
                p = self.person('student', '653101', home=home, byears=(2005, 2007),
                                banks=WL([('CCB', 40), ('ICBC', 25), ('ABC', 20), ('BOC', 15)]), b0=(100, 3000),
                                new_p=0.55, new_day=r.randint(0, 6), cls='II' if r.random() < 0.4 else 'I',
                                second_p=0.1, dormant_p=0.0)
                p.x['freshman'] = True
                S['student'].append(p)
        S['shop'] = [self.person('restaurant_bakery_shop', KS.pick(r), byears=(1965, 1998), b0=(2000, 60000),
                                 second_p=0.45) for _ in range(270)]
        tour_reg = WL([('653101', 8), ('653131', 3), ('653125', 1)])
        S['guesthouse'] = [self.person('guesthouse', tour_reg.pick(r), byears=(1965, 1998), b0=(3000, 80000),
                                       new_p=0.07 * cfg['tourism'], second_p=0.5) for _ in range(70)]
        S['driver'] = [self.person('tour_driver', tour_reg.pick(r), byears=(1970, 2000), b0=(1000, 30000),
                                   new_p=0.06 * cfg['tourism'], second_p=0.4) for _ in range(130)]
        S['guide'] = [self.person('tour_guide', tour_reg.pick(r), home=r.choice(['653101', '653101', XJ_OTHER.pick(r),
                                                                                 CN.pick(r)]),
                                  byears=(1978, 2002), b0=(500, 20000), new_p=0.05) for _ in range(50)]
        fr_reg = WL([('653125', 5), ('653126', 3), ('653101', 4), ('653122', 2), ('653123', 2), ('653124', 1)])
        S['fruit'] = [self.person('dried_fruit_nut_trader', fr_reg.pick(r), byears=(1965, 1995),
                                  b0=(30000, 600000), second_p=0.75) for _ in range(85)]
        S['jade'] = [self.person('jade_trader', r.choice(['653101', '653101', '653126', '653125']),
                                 byears=(1960, 1992), b0=(50000, 800000), second_p=0.7) for _ in range(28)]
        S['livestock'] = [self.person('livestock_dealer', r.choice(['653101', '653121', '653122', '653130',
                                                                    '653125']),
                                      byears=(1962, 1993), b0=(60000, 400000), second_p=0.5) for _ in range(40)]
        S['contractor'] = [self.person('labour_contractor', KS_RURAL.pick(r), byears=(1965, 1995),
                                       b0=(20000, 150000), second_p=0.6) for _ in range(cfg['contractors'])]
        S['foreman'] = []
        for _ in range(50):
            home = MIGRANT_HOME.pick(r) if r.random() < 0.5 else KS.pick(r)
            p = self.person('construction_foreman', KS.pick(r), home=home, byears=(1962, 1990), b0=(20000, 300000),
                            second_p=0.7, banks=KS_BANKS if home.startswith('65') else NAT_BANKS)
            S['foreman'].append(p)
        S['landlord'] = [self.person('landlord', r.choice(['653101'] * 5 + ['653125', '653121', '653122']),
                                     byears=(1950, 1985), b0=(10000, 300000), second_p=0.6) for _ in range(120)]
        S['mig_out'] = []
        for _ in range(170):
            home = KS_RURAL.pick(r)
            p = self.person('migrant_worker_inland', INLAND_WORK.pick(r), home=home, byears=(1985, 2004),
                            banks=KS_RURAL_BANKS, open_region=home, b0=(100, 5000))
            S['mig_out'].append(p)
        S['mig_in'] = []
        for _ in range(160):
            home = MIGRANT_HOME.pick(r)
            p = self.person('migrant_worker_in_kashgar', KS.pick(r), home=home, byears=(1970, 2003),
                            banks=NAT_BANKS, open_region=home if r.random() < 0.7 else None, b0=(200, 15000))
            S['mig_in'].append(p)
        S['online'] = [self.person('online_seller', r.choice(['653101', '653125', '653126', '653122']),
                                   byears=(1985, 2003), b0=(2000, 50000), new_p=0.15, second_p=0.5)
                       for _ in range(40)]
        S['importer'] = [self.person('bazaar_import_merchant', r.choice(['653101'] * 4 + ['653131'] * 2),
                                     byears=(1962, 1992), b0=(30000, 500000), second_p=0.7) for _ in range(40)]
        S['agri'] = [self.person('agri_input_shop', KS_RURAL.pick(r), byears=(1965, 1995), b0=(10000, 100000))
                     for _ in range(40)]
        S['rider'] = [self.person('delivery_rider', '653101', home=KS.pick(r), byears=(1990, 2005), b0=(50, 3000),
                                  new_p=0.1) for _ in range(60)]
        S['picker'] = []
        if cfg['pickers_new']:
            # seasonal pickers: accounts opened in bulk at rural branches before / early in the harvest
            bulk_days = sorted(r.sample(range(0, 9), 5))
            for i in range(cfg['pickers_new']):
                u = r.random()
                home = KS_RURAL.pick(r) if u < 0.7 else (XJ_OTHER.pick(r) if u < 0.85 else MIGRANT_HOME.pick(r))
                live = r.choice(['653130', '653125', '653126', '653122', '653123', '653127', '653129'])
                p = self.person('cotton_picker', live, home=home, byears=(1962, 2004),
                                banks=WL([('KSRCB', 6), ('PSBC', 3), ('ABC', 2)]) if u < 0.85 else NAT_BANKS,
                                new_p=0.6, new_day=r.choice(bulk_days), b0=(50, 3000), second_p=0.1,
                                dormant_p=0.05, open_region=live if u < 0.85 else home)
                S['picker'].append(p)
        # young adults: odd jobs, some of whose accounts may later be rented / sold / used for 跑分
        S['young'] = []
        n_young = 420 if self.variant == 'V2' else 300
        for i in range(n_young):
            if r.random() < 0.35:
                live = KS.pick(r)
                banks = KS_BANKS
            else:
                live = CN.pick(r) if r.random() < 0.6 else CN_RURAL.pick(r)
                banks = NAT_BANKS
            p = self.person('young_adult', live, byears=(1994, 2005), banks=banks, b0=(20, 4000), second_p=0.4,
                            dormant_p=0.25)
            S['young'].append(p)
        # families (Kashgar residents)
        locals_ = [p for p in self.people if p.live.startswith('6531') and p.arch not in
                   ('migrant_worker_in_kashgar', 'cotton_picker')]
        locals_ += S['mig_out']
        r.shuffle(locals_)
        bycounty = {}
        for p in locals_:
            bycounty.setdefault(p.home if p.home.startswith('6531') else p.live, []).append(p)
        for c in sorted(bycounty):
            L = bycounty[c]
            i = 0
            while i < len(L):
                k = r.randint(2, 7)
                fam = L[i:i + k]
                for q in fam:
                    q.fam = fam
                i += k

    def ks_buyers(self, region_wl, n, arch):
        out = []
        for _ in range(n):
            reg = region_wl.pick(self.r)
            if self.r.random() < 0.45:
                out.append(self.corp(arch, reg, b0=(5e5, 5e6)))
            else:
                p = self.person(arch, reg, byears=(1965, 1995), banks=NAT_BANKS if not reg.startswith('65') else KS_BANKS,
                                b0=(5e4, 1e6), second_p=0.3, dormant_p=0.05)
                self.people.pop()
                if self.acc[p.accs[0]].bank in SUPPLY and not reg.startswith('6531'):
                    self.outside_life(p, 0.6)
                out.append(p)
        return out

    def lawful_flows(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        T = self.T

        # --- salaried public sector
        for arch in ('civil', 'teacher', 'medic'):
            base = {'civil': 7800, 'teacher': 7200, 'medic': 8200}[arch]
            for p in S[arch]:
                a = p.accs[0]
                self.salary(p.x['emp'], a, self.rnd(self.ln(base, 0.22), 0.01))
                if r.random() < 0.25:
                    self.salary(p.x['emp'], a, self.rnd(self.ln(1500, 0.5), 0.01), memo='绩效')
                self.consume(p, a, 12)
                self.family_tx(p, 1.2, 1000)
                self.own_moves(p, 0.8)
                if len(p.accs) > 1:
                    self.consume(p, p.accs[1], 3)
                if r.random() < 0.3:  # mortgage / car loan repayment to a lender account
                    for d in self.doms(r.randint(1, 28)):
                        self.ev_(self.tl(d, 'day'), a, r.choice(F['LOANAPP']).accs[0],
                                 self.rnd(self.ln(2500, 0.4), 0.01), 'mobile', p.live, memo='还款')
        # --- pensioners
        for p in S['pensioner']:
            a = p.accs[0]
            ss = F['socsec'][{'ABC': 0, 'PSBC': 1, 'KSRCB': 2}.get(self.acc[a].bank, 0)].accs[0]
            self.emp_pay.setdefault(ss, (6, 10.2))
            self.salary(ss, a, self.rnd(self.ln(3600, 0.3), 0.01), memo='养老金')
            for _ in range(self.poisson(1.6)):
                self.ev_(self.tl(self.rday(), 'counter'), a, '',
                         r.choice([500, 1000, 1000, 2000, 3000]), 'counter', p.live, 'withdrawal', memo='取现')
            self.family_tx(p, 0.8, 500)
            self.consume(p, a, 2.5, med=60)
        # --- farmers
        subsidy_days = sorted(r.sample(range(3, 27), 3))
        for p in S['farmer']:
            a = p.accs[0]
            gov = F['gov'].get(p.live, F['gov']['653101']).accs[0]
            if cfg['subsidy'] and r.random() < 0.7:
                amt = self.ln(900 if cfg['subsidy'].startswith('耕地') else 3500, 0.6)
                self.ev_(self.tl(r.choice(subsidy_days), 'biz'), gov, a, self.rnd(amt, 0.01), 'other',
                         p.live, memo=cfg['subsidy'])
            if r.random() < cfg['cotton_settle'] * 0.6:
                g = r.choice(F['ginning'])
                for _ in range(r.randint(1, 2)):
                    self.ev_(self.tl(self.rday(), 'biz'), g.accs[0], a, self.rnd(self.ln(26000, 0.7), 0.01),
                             r.choice(['online', 'other']), g.home, memo='籽棉款')
            if r.random() < 0.25 * cfg['fruit_buy'] + 0.08:
                p.x['grower'] = True
            if r.random() < 0.3 * cfg['field_work']:
                c = r.choice(F['coop'])
                self.ev_(self.tl(self.rday(), 'biz'), c.accs[0], a, self.rnd(self.ln(1800, 0.4), 100), 'online',
                         c.home, memo='务工费')
            if r.random() < 0.35 * (1.2 - cfg['winter'] * 0.8):
                s = r.choice(S['agri'])
                self.ev_(self.tl(self.rday(), 'day'), a, s.accs[0], self.rnd(self.ln(1500, 0.7), 10), 'mobile',
                         p.live, memo=r.choice(['化肥', '种子', '农资', '']))
            for _ in range(self.poisson(1.4)):
                self.ev_(self.tl(self.rday(), 'day'), a, '', r.choice([200, 500, 500, 1000, 1000, 2000]), 'atm',
                         p.live, 'withdrawal')
            self.consume(p, a, 3.5, med=50)
            self.family_tx(p, 0.7, 600)
            if cfg['winter'] and r.random() < 0.4:
                c = r.choice(F['coal'])
                self.ev_(self.tl(self.rday(0, 20), 'day'), a, c.accs[0], self.rnd(self.ln(1800, 0.4), 10), 'mobile',
                         p.live, memo='取暖煤')
        # --- herders (paid by dealers at the livestock market; grassland and border subsidies)
        for p in S['herder']:
            a = p.accs[0]
            if p.live == '653131' and r.random() < 0.8:
                gov = F['gov']['653131'].accs[0]
                self.ev_(self.tl(self.rday(3, 15), 'biz'), gov, a, self.rnd(self.ln(1600, 0.4), 0.01), 'other',
                         '653131', memo=r.choice(['草原生态补奖', '边民补助']))
            for _ in range(self.poisson(1.3)):
                self.ev_(self.tl(self.rday(), 'day'), a, '', r.choice([500, 1000, 2000, 3000]), 'atm', p.live,
                         'withdrawal')
            self.consume(p, a, 2.0, med=60)
            self.family_tx(p, 0.5, 800)
        # --- factory workers
        for p in S['worker']:
            a = p.accs[0]
            self.salary(p.x['emp'], a, self.rnd(self.ln(4200, 0.2), 0.01))
            self.consume(p, a, 8, med=60)
            self.family_tx(p, 1.0, 500)
            self.own_moves(p, 0.4)
        # --- textile factories: sales to inland buyers, investor funding, yarn / cotton purchases
        for f in F['factory']:
            a = f.accs[0]
            for _ in range(self.poisson(4)):
                b = r.choice(f.x['buyers'])
                self.ev_(self.tl(self.rday(), 'biz', 0), b.accs[0], a, self.rnd(self.ln(250000, 0.8), 0.01),
                         'online', b.home, memo=r.choice(['货款', '服装货款', '加工费']))
            if f.x.get('investor') and r.random() < 0.5:
                inv = f.x['investor']
                self.ev_(self.tl(self.rday(), 'biz', 0), inv.accs[0], a,
                         self.rnd(self.ln(1500000, 0.6), 10000), 'online', inv.home, memo='投资款')
            for _ in range(self.poisson(3)):
                g = r.choice(F['ginning'] + F['suppliers_inland'])
                self.ev_(self.tl(self.rday(), 'biz'), a, g.accs[0], self.rnd(self.ln(180000, 0.7), 0.01), 'online',
                         f.home, memo=r.choice(['棉纱款', '货款', '原料款']))
            for u in F['util'][:1]:
                self.ev_(self.tl(self.rday(), 'biz'), a, u.accs[0], self.rnd(self.ln(60000, 0.5), 0.01), 'online',
                         f.home, memo='电费')
        # --- ginning mills and cooperatives: cotton money
        for g in F['ginning']:
            for _ in range(self.poisson(3 + 10 * cfg['cotton_settle'])):
                b = r.choice(F['cotton_buyer'])
                self.ev_(self.tl(self.rday(), 'biz', 0), b.accs[0], g.accs[0],
                         self.rnd(self.ln(1200000, 0.6), 0.01), 'online', b.home, memo='皮棉款')
            for _ in range(self.poisson(6 * cfg['cotton_settle'] + 1)):
                c = r.choice(F['coop'])
                self.ev_(self.tl(self.rday(), 'biz'), g.accs[0], c.accs[0], self.rnd(self.ln(400000, 0.6), 0.01),
                         'online', g.home, memo='籽棉款')
        # --- construction companies, foremen and crews
        for cc in F['constr']:
            for _ in range(self.poisson(3)):
                m = r.choice(F['material'])
                self.ev_(self.tl(self.rday(), 'biz'), cc.accs[0], m.accs[0], self.rnd(self.ln(150000, 0.7), 0.01),
                         'online', cc.home, memo='材料款')
            self.ev_(self.tl(self.rday(), 'biz'), F['gov'][r.choice(KS_MAIN)].accs[0], cc.accs[0],
                     self.rnd(self.ln(3000000, 0.6), 100), 'online', '653101', memo='工程进度款')
        crews = list(S['crew'])
        r.shuffle(crews)
        for i, fm in enumerate(S['foreman']):
            fm.x['crew'] = crews[i::len(S['foreman'])]
            cc = r.choice(F['constr'])
            a = fm.accs[0]
            n_pay = self.poisson(1.2 * cfg['construction'] + 1.5 * cfg['constr_settle'])
            for _ in range(max(1, n_pay)):
                day = self.rday(0, 27)
                t0 = self.tl(day, 'biz')
                total = self.rnd(self.ln(260000 * (1 + cfg['constr_settle']), 0.6), 100)
                self.ev_(t0, cc.accs[0], a, total, 'online', cc.home, memo=r.choice(['工程款', '劳务费', '进度款']))
                # foreman pays the crew within hours, often in the evening / night, round amounts
                t = t0 + int(r.uniform(0.3, 30) * HOUR)
                crew = fm.x['crew']
                paid = 0
                for w in crew:
                    if paid > total * 0.75:
                        break
                    amt = self.rnd(self.ln(6000 * (1 + cfg['constr_settle']), 0.5), 500)
                    t += int(r.uniform(20, 400))
                    src = r.choice(fm.accs)
                    self.ev_(t, src, w.accs[0], amt, 'mobile', fm.live, memo=r.choice(['工资', '工钱', '', '劳务费']))
                    paid += amt
                    w.x['paid'] = True
                for _ in range(r.randint(0, 3)):
                    m = r.choice(F['material'])
                    self.ev_(t + int(r.uniform(1, 40) * HOUR), a, m.accs[0], self.rnd(self.ln(20000, 0.8), 100),
                             'mobile', fm.live, memo='材料')
            self.own_moves(fm, 1.5)
            self.consume(fm, a, 6, med=150)
            if not fm.home.startswith('65'):
                self.remit_home(fm, a, 1.0, 6000)
        for w in S['crew']:
            a = w.accs[0]
            self.consume(w, a, 5, med=50)
            for _ in range(self.poisson(1.2)):
                self.ev_(self.tl(self.rday(), 'evening'), a, '', r.choice([500, 1000, 2000, 3000]), 'atm', w.live,
                         'withdrawal')
            if w.x.get('from_inland'):
                self.remit_home(w, a, 1.3 + cfg['constr_settle'], 3000, prof='night')
            else:
                self.family_tx(w, 0.8, 800)
        # --- labour contractors and cotton pickers (and field work / factory dispatch)
        workers_pool = S['farmer'] + S['picker']
        for lc in S['contractor']:
            a = lc.accs[0]
            lc.x['crew'] = r.sample(workers_pool, min(len(workers_pool), r.randint(15, 45)))
            n_jobs = self.poisson(1.0 * cfg['field_work'] + 5 * cfg['cotton_pick']) + 1
            for _ in range(n_jobs):
                day = self.rday(4 if cfg['cotton_pick'] else 0, 27)
                src = r.choice(F['coop'] + F['ginning'] + F['factory'][:4])
                t0 = self.tl(day, 'biz')
                nw = r.randint(8, len(lc.x['crew']))
                per = self.ln(2200 if cfg['cotton_pick'] else 1500, 0.4)
                total = self.rnd(per * nw * 1.08, 100)
                self.ev_(t0, src.accs[0], a, total, 'online', src.home,
                         memo='采棉劳务费' if cfg['cotton_pick'] else '劳务费')
                t = t0 + int(r.uniform(1, 20) * HOUR)
                t = self.night_shift(t)
                for w in r.sample(lc.x['crew'], nw):
                    t += int(r.uniform(15, 240))
                    amt = self.rnd(per * r.uniform(0.6, 1.5), 100 if r.random() < 0.7 else 10)
                    self.ev_(t, r.choice(lc.accs), w.accs[0], amt, 'mobile', lc.live, memo=r.choice(['工钱', '拾花费', '', '工资']))
            self.own_moves(lc, 1.5)
            self.consume(lc, a, 5, med=120)
            self.family_tx(lc, 1.0, 1500)
        for p in S['picker']:
            a = p.accs[0]
            for _ in range(self.poisson(1.5)):
                self.ev_(self.tl(self.rday(8, 29), 'evening'), a, '', r.choice([500, 1000, 1000, 2000, 3000]), 'atm',
                         p.live, 'withdrawal')
            self.consume(p, a, 3, med=40, lo=5)
            if not p.home.startswith('6531'):
                self.remit_home(p, a, 1.2, 2500, lo=10)
            else:
                self.family_tx(p, 0.7, 800)
        # --- students: parents far away, canteen, spending, part-time
        uni = F['univ']
        for s in S['student']:
            a = s.accs[0]
            par = self.parent_of(s)
            n = r.choice([1, 2, 2, 3, 3, 4])
            for _ in range(n):
                prof = 'evening'
                t = self.tl(self.rday(), prof, self.shift_of(par.live))
                self.ev_(t, par.accs[0], a, self.rnd(self.ln(2400 / n + 300, 0.4), 100 if r.random() < 0.8 else 1),
                         'mobile', par.live, memo=r.choice(['生活费', '', '', '零花钱', '饭钱']))
            if s.x.get('freshman') and r.random() < 0.5:
                t = self.tl(self.rday(0, 15), 'day')
                self.ev_(t, par.accs[0] if r.random() < 0.5 else a, uni.accs[1], r.choice([3900, 4500, 5000, 5500]),
                         'online', par.live, memo='学费')
            for _ in range(self.poisson(2.5)):
                self.ev_(self.tl(self.rday(), 'day'), a, uni.accs[1], r.choice([50, 100, 100, 200, 300]),
                         'mobile', '653101', memo='校园卡充值')
            self.consume(s, a, 9, med=35, prof='evening')
            for _ in range(self.poisson(0.8)):
                q = r.choice(S['student'])
                if q is not s:
                    self.ev_(self.tl(self.rday(), 'evening'), a, q.accs[0], self.rnd(self.ln(60, 0.8), 0.01), 'mobile',
                             '653101', memo=r.choice(['AA', '饭钱', '', '车费']))
            if r.random() < 0.12:
                sh = r.choice(S['shop'])
                self.ev_(self.tl(self.rday(), 'evening'), sh.accs[0], a, self.rnd(self.ln(900, 0.4), 10), 'mobile',
                         sh.live, memo='兼职')
        # --- restaurants, naan bakeries, shops: platform settlements, suppliers, staff, rent
        landlords = S['landlord']
        for sh in S['shop']:
            a = sh.accs[0]
            size = self.ln(900, 0.7)
            bakery = r.random() < 0.3
            sh.x['bakery'] = bakery
            hub = F['TEN'] if r.random() < 0.6 else F['ALI']
            for d in range(30):
                if r.random() < 0.8:
                    amt = size * r.uniform(0.5, 1.6) * (1.3 if self.days[d].weekday() >= 5 else 1.0)
                    if cfg['tourism'] > 1 and sh.live == '653101':
                        amt *= 1.0 + 0.5 * (cfg['tourism'] - 1) * (3 if d in cfg['holidays'] else 1)
                    self.ev_(int(d * DAY + self.hour('settle') * HOUR), r.choice(hub.accs), a,
                             self.rnd(amt, 0.01), 'other', '', memo='提现' if r.random() < 0.5 else '结算款')
            for _ in range(self.poisson(4)):
                sup = r.choice(F['flour']) if bakery else r.choice(S['livestock'] + S['agri'] + F['flour'])
                self.ev_(self.tl(self.rday(), 'early' if bakery else 'day'), a, sup.accs[0],
                         self.rnd(self.ln(3000, 0.7), 100 if r.random() < 0.7 else 1), 'mobile', sh.live,
                         memo=r.choice(['面粉', '羊肉', '货款', '']))
            for _ in range(r.randint(0, 3)):
                w = r.choice(S['young'] + S['mig_in'] + S['student'])
                for d in self.doms(r.choice([1, 5, 10, 15])):
                    self.ev_(self.tl(d, 'evening'), a, w.accs[0], self.rnd(self.ln(3200, 0.25), 100), 'mobile',
                             sh.live, memo='工资')
            ll = r.choice(landlords)
            for d in self.doms(r.choice([1, 1, 2, 3, 5])):
                self.ev_(self.tl(d, 'day'), a, ll.accs[0], self.rnd(self.ln(3500, 0.5), 500), 'mobile', sh.live,
                         memo='房租')
            self.own_moves(sh, 1.5)
            self.consume(sh, a, 4, med=80)
            self.family_tx(sh, 1.0, 1000, prof='evening')
            if r.random() < 0.25:  # night market stall: late transfers
                for _ in range(self.poisson(3)):
                    q = r.choice(self.people)
                    self.ev_(self.tl(self.rday(), 'night'), q.accs[0], a, self.rnd(self.ln(150, 0.8), 1),
                             'mobile', sh.live, memo=r.choice(['', '烤肉', '夜市']))
        # --- tourism: tourists, guesthouses, drivers, guides, hotels, OTA platforms
        self.tourism()
        # --- dried fruit / nut / jujube traders
        self.fruit_trade()
        # --- jade traders
        for j in S['jade']:
            a = j.accs[0]
            buyers = self.ks_buyers(JADE_BUYERS, r.randint(2, 5), 'jade_buyer')
            j.x['buyers'] = buyers
            for _ in range(self.poisson(3.5 + cfg['tourism'])):
                b = r.choice(buyers)
                t = self.tl(self.rday(), 'day', self.shift_of(b.live))
                amt = self.rnd(self.ln(45000, 0.9), 1000 if r.random() < 0.7 else 100)
                self.ev_(t, b.accs[0], r.choice(j.accs), amt, r.choice(['mobile', 'online', 'counter']), b.live,
                         memo=r.choice(['', '货款', '玉石款', '和田玉']))
                t2 = t + int(r.uniform(2, 72) * HOUR)
                if r.random() < 0.5:
                    self.ev_(self.tl(min(29, t2 // DAY), 'counter'), a, '', self.rnd(amt * r.uniform(0.3, 0.8), 1000),
                             'counter', j.live, 'withdrawal', memo='取现')
                else:
                    sup = r.choice(S['jade'] + S['herder'] + S['farmer'][:50])
                    self.ev_(t2, a, sup.accs[0], self.rnd(amt * r.uniform(0.3, 0.8), 1000), 'mobile', j.live,
                             memo='')
            self.own_moves(j, 1.5)
            self.consume(j, a, 5, med=200)
            self.family_tx(j, 1.0, 3000)
        # --- Sunday livestock market: dealers pay many herders quickly
        self.livestock()
        # --- landlords: rents from tenants on personal accounts
        tenants = S['student'] + S['mig_in'] + S['worker'] + S['crew'] + S['young'][:40] + S['guide']
        for ll in landlords:
            a = ll.accs[0]
            for w in r.sample(tenants, r.randint(2, 12)):
                if not w.live.startswith('6531'):
                    continue
                for d in self.doms(r.choice([1, 1, 1, 2, 3, 5, 10, 15])):
                    self.ev_(self.tl(d, 'evening'), w.accs[0], r.choice(ll.accs),
                             r.choice([600, 800, 1000, 1200, 1500, 1800, 2000, 2500]), 'mobile', w.live, memo='房租')
            self.own_moves(ll, 2)
            self.consume(ll, a, 5, med=120)
            self.family_tx(ll, 1.2, 2000)
            for _ in range(self.poisson(0.8)):
                self.ev_(self.tl(self.rday(), 'counter'), a, '', r.choice([2000, 5000, 10000]), 'counter', ll.live,
                         'withdrawal')
        # --- migrant workers
        for p in S['mig_out']:
            a = p.accs[0]
            emp = self.inland_employer(p.live)
            self.salary(emp.accs[0], a, self.rnd(self.ln(5200, 0.2), 0.01))
            self.consume(p, a, 6, med=50, region=p.live)
            for _ in range(self.poisson(1.5)):
                self.ev_(self.tl(self.rday(), 'evening', 0), a, '', r.choice([300, 500, 1000, 2000]), 'atm', p.live,
                         'withdrawal', memo='ATM取款')
            for _ in range(self.poisson(1.2)):
                q = r.choice(p.fam) if p.fam and len(p.fam) > 1 else None
                if q is not None and q is not p:
                    self.ev_(self.tl(self.rday(), 'evening', 0), a, q.accs[0], r.choice([1000, 1500, 2000, 3000]),
                             'mobile', p.live, memo='给家里')
        for p in S['mig_in']:
            a = p.accs[0]
            emp = r.choice(S['shop'] + F['hotel'] + F['factory']) if r.random() < 0.8 else None
            if emp is not None and emp.arch != 'restaurant_bakery_shop':
                self.emp_pay.setdefault(emp.accs[0], (10, 12.0))
                self.salary(emp.accs[0], a, self.rnd(self.ln(4500, 0.25), 0.01))
            elif emp is not None:
                for d in self.doms(r.choice([1, 10, 15])):
                    self.ev_(self.tl(d, 'evening'), emp.accs[0], a, self.rnd(self.ln(4200, 0.2), 100), 'mobile',
                             emp.live, memo='工资')
            self.consume(p, a, 6, med=60)
            self.remit_home(p, a, 1.0, 2500)
        # --- online sellers of Kashgar specialities
        for p in S['online']:
            a = p.accs[0]
            plat = r.choice([F['PDD'], F['DOUYIN'], F['ALI']])
            rate = self.ln(2500, 0.7) * (1.3 if cfg['fruit_sell'] > 1 else 1.0)
            start = 0
            if p.x.get('new'):
                start = max(0, self.acc[a].opened // DAY + 1)
            for d in range(start, 30):
                if r.random() < 0.75:
                    self.ev_(int(d * DAY + self.hour('settle') * HOUR), r.choice(plat.accs), a,
                             self.rnd(rate * r.uniform(0.3, 1.8), 0.01), 'other', '', memo='货款结算')
            for _ in range(self.poisson(5)):
                sup = r.choice(S['fruit'] + S['farmer'][:200] + F['logistics'])
                self.ev_(self.tl(self.rday(start, 29), 'day'), a, sup.accs[0], self.rnd(self.ln(5000, 0.8), 100),
                         'mobile', p.live, memo=r.choice(['货款', '运费', '红枣', '核桃', '']))
            self.consume(p, a, 5, med=80)
            self.own_moves(p, 1)
        # --- bazaar importers and trading companies: Pakistan / Central Asia, Yiwu / Guangzhou suppliers
        self.border_trade()
        # --- agri input shops, riders, young adults
        for p in S['agri']:
            a = p.accs[0]
            for _ in range(self.poisson(2)):
                s = r.choice(F['agri_input'])
                self.ev_(self.tl(self.rday(), 'biz'), a, s.accs[0], self.rnd(self.ln(30000, 0.6), 100), 'online',
                         p.live, memo='化肥款')
            self.consume(p, a, 4)
            self.family_tx(p, 1, 1000)
        for p in S['rider']:
            a = p.accs[0]
            for d in range(30):
                if self.days[d].weekday() == 1 or r.random() < 0.05:
                    self.ev_(int(d * DAY + (11 + r.random() * 6) * HOUR), F['RIDER'].accs[0], a,
                             self.rnd(self.ln(1100, 0.4), 0.01), 'other', '', memo='骑手服务费结算')
            self.consume(p, a, 8, med=40, prof='evening')
            self.family_tx(p, 0.8, 600)
        for p in S['young']:
            a = p.accs[0]
            sh = self.shift_of(p.live)
            if p.live.startswith('65'):
                if r.random() < 0.5:
                    emp = r.choice(S['shop'])
                    for _ in range(r.randint(1, 3)):
                        self.ev_(self.tl(self.rday(), 'evening'), emp.accs[0], a, self.rnd(self.ln(1500, 0.5), 100),
                                 'mobile', emp.live, memo=r.choice(['工资', '工钱', '']))
                self.family_tx(p, 0.6, 500)
            else:
                if r.random() < 0.6:
                    emp = self.inland_employer(p.live)
                    self.salary(emp.accs[0], a, self.rnd(self.ln(4300, 0.3), 0.01))
                for _ in range(self.poisson(0.8)):
                    self.ev_(self.tl(self.rday(), 'evening', 0), a, '', r.choice([100, 200, 500, 1000]), 'atm',
                             p.live, 'withdrawal')
            self.consume(p, a, 7, med=45, prof='evening')
            if len(p.accs) > 1:
                self.own_moves(p, 0.8)
            if r.random() < 0.3:
                lend = r.choice(F['LOANAPP'])
                t = self.tl(self.rday(), 'evening', sh)
                amt = self.rnd(self.ln(2000, 0.6), 100)
                self.ev_(t, lend.accs[0], a, amt, 'other', '', memo='借款发放')
                self.ev_(t + int(r.uniform(5, 20) * DAY), a, lend.accs[0], amt * 1.02, 'mobile', p.live, memo='还款')
        # --- families: pooling for a car / flat / wedding; wedding gifts from many guests
        self.family_events()
        # --- dormant accounts: a few wake up (land compensation, return home), some are closed
        self.dormant_events()
        # --- hospitals, university, utilities, employers: payroll for staff without own generators
        for h in F['hosp']:
            for _ in range(self.poisson(5)):
                self.ev_(self.tl(self.rday(), 'biz'), F['medins'].accs[0], h.accs[0],
                         self.rnd(self.ln(800000, 0.5), 0.01), 'other', '653101', memo='医保结算')
            for _ in range(self.poisson(4)):
                self.ev_(int(self.rday() * DAY + self.hour('settle') * HOUR), r.choice(F['TEN'].accs + F['ALI'].accs),
                         h.accs[0], self.rnd(self.ln(120000, 0.5), 0.01), 'other', '', memo='结算款')
        for u in F['util']:
            for _ in range(self.poisson(3)):
                self.ev_(int(self.rday() * DAY + self.hour('settle') * HOUR), r.choice(F['TEN'].accs + F['ALI'].accs),
                         u.accs[0], self.rnd(self.ln(300000, 0.5), 0.01), 'other', '', memo='代收费用结算')

    def night_shift(self, t):
        """contractors often pay late in the local evening"""
        d = t // DAY
        if self.r.random() < 0.5:
            return int(d * DAY + (self.hour('evening') + 2) * HOUR)
        return t

    def remit_home(self, p, acc, lam, med, prof='evening', lo=0):
        r = self.r
        key = 'home_acc'
        if key not in p.x:
            q = self.person('family_at_home', p.home, byears=(1950, 1990),
                            banks=NAT_BANKS if not p.home.startswith('65') else KS_RURAL_BANKS,
                            b0=(100, 10000), second_p=0.1, dormant_p=0.0)
            self.people.pop()  # not part of the Kashgar life lists
            self.by_arch['family_at_home'].pop()
            if q.accs and self.acc[q.accs[0]].bank in SUPPLY and not p.home.startswith('6531'):
                self.outside_life(q, 0.6)
            p.x[key] = q.accs[0]
        for _ in range(self.poisson(lam)):
            t = self.tl(self.rday(lo, 29), prof, self.shift_of(p.live))
            self.ev_(t, acc, p.x[key], self.rnd(self.ln(med, 0.5), 500 if r.random() < 0.7 else 100), 'mobile',
                     p.live, memo=r.choice(['', '给家里', '寄回家', '生活费']))

    def parent_of(self, s):
        r = self.r
        if 'parent' in s.x:
            return s.x['parent']
        if s.home.startswith('6531') and s.fam is not None and len(s.fam) > 1 and r.random() < 0.8:
            cands = [q for q in s.fam if q is not s and q.arch != 'student']
            if cands:
                s.x['parent'] = r.choice(cands)
                return s.x['parent']
        q = self.person('student_parent', s.home, byears=(1962, 1982),
                        banks=NAT_BANKS if not s.home.startswith('65') else KS_BANKS, b0=(5000, 80000),
                        second_p=0.2, dormant_p=0.0)
        self.people.pop()
        if self.acc[q.accs[0]].bank in SUPPLY and not s.home.startswith('6531'):
            self.outside_life(q, 0.8)
        s.x['parent'] = q
        return q

    def tourism(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        tz = cfg['tourism']
        n_parties = int(520 * tz)
        gh, dr, gu = S['guesthouse'], S['driver'], S['guide']
        for _ in range(n_parties):
            home = TOURIST_ORIGIN.pick(r)
            p = self.person('tourist', home, byears=(1958, 2003),
                            banks=NAT_BANKS if not home.startswith('65') else KS_BANKS, b0=(8000, 120000),
                            second_p=0.3, dormant_p=0.0)
            self.people.pop()
            a = p.accs[0]
            if self.acc[a].bank in SUPPLY:
                self.outside_life(p, 0.5)
            d0 = self.tday()
            nd = r.randint(2, 6)
            sh0 = self.shift_of(home)
            # booking deposit (often at night, from home) and balance on arrival
            g = r.choice(gh)
            ga = g.accs[0]
            if self.acc[ga].opened < d0 * DAY:
                self.ev_(self.tl(max(0, d0 - r.randint(0, 6)), 'evening', sh0), a, ga,
                         r.choice([200, 300, 400, 500, 600, 800]), 'mobile', home, memo=r.choice(['', '定金', '房费']))
                if r.random() < 0.6:
                    self.ev_(self.tl(d0, 'day'), a, ga, self.rnd(self.ln(300 * nd, 0.4), 50), 'mobile', '653101',
                             memo='房费')
            if r.random() < 0.6:
                d = r.choice(dr)
                da = d.accs[0]
                self.ev_(self.tl(min(29, d0 + 1), 'day'), a, da, r.choice([800, 1000, 1200, 1500, 2000, 2500, 3000,
                                                                            3500]),
                         'mobile', '653101', memo=r.choice(['', '包车', '车费', '塔县包车']))
            if r.random() < 0.3:
                gd = r.choice(gu)
                self.ev_(self.tl(min(29, d0 + 1), 'day'), a, gd.accs[0], r.choice([300, 400, 500, 600, 800, 1000]),
                         'mobile', '653101', memo=r.choice(['导游费', '', '讲解费']))
            if r.random() < 0.45:
                reg = '653131' if r.random() < 0.35 else '653101'
                self.ev_(self.tl(min(29, d0 + r.randint(0, nd)), 'day'), a, '', r.choice([500, 1000, 1000, 2000,
                                                                                          3000]),
                         'atm', reg, 'withdrawal', memo='ATM取款')
            if r.random() < 0.12:
                s = r.choice(S['fruit'] + S['jade'] + S['online'])
                self.ev_(self.tl(min(29, d0 + 1), 'day'), a, s.accs[0], self.rnd(self.ln(1500, 0.9), 1), 'mobile',
                         '653101', memo=r.choice(['', '干果', '玉']))
            for _ in range(self.poisson(3)):
                day = min(29, d0 + r.randint(0, nd))
                hub = r.choice([F['TEN'], F['ALI'], F['LKL']])
                self.ev_(self.tl(day, 'day'), a, hub.accs[0], self.rnd(self.ln(150, 0.9), 0.01),
                         'pos' if hub is F['LKL'] else 'mobile', r.choice(['653101', '653101', '653131']))
        for g in gh:
            a = g.accs[0]
            for _ in range(self.poisson(6 * tz)):
                ota = r.choice([F['CTRIP'], F['MEITUAN']])
                self.ev_(int(self.tday() * DAY + self.hour('settle') * HOUR), ota.accs[0], a,
                         self.rnd(self.ln(1800, 0.6), 0.01), 'other', '', memo='订单结算')
            for d in self.doms(r.choice([1, 5, 10])):
                for _ in range(r.randint(1, 3)):
                    w = r.choice(S['young'][:120] + S['farmer'][:200])
                    self.ev_(self.tl(d, 'evening'), a, w.accs[0], self.rnd(self.ln(2600, 0.2), 100), 'mobile', g.live,
                             memo='工资')
            for _ in range(self.poisson(2 * tz)):
                d = r.choice(dr)
                self.ev_(self.tl(self.tday(), 'evening'), a, d.accs[0], r.choice([100, 200, 300, 500]), 'mobile',
                         g.live, memo=r.choice(['', '介绍费', '接机']))
            self.consume(g, a, 6, med=150)
            self.own_moves(g, 1.2)
            self.family_tx(g, 0.8, 1500)
        for d in dr:
            a = d.accs[0]
            for _ in range(self.poisson(4 * tz)):
                ag = r.choice(F['agency'])
                self.ev_(self.tl(self.tday(), 'biz'), ag.accs[0], a, r.choice([1000, 1500, 2000, 2500, 3000, 4000]),
                         'online', ag.home, memo='包车费')
            for _ in range(self.poisson(6)):
                self.ev_(self.tl(self.rday(), 'day'), a, F['fuel'].accs[0], self.rnd(self.ln(300, 0.4), 0.01), 'pos',
                         r.choice(['653101', '653131', '653121']), memo='加油')
            for _ in range(self.poisson(1.5)):
                self.ev_(self.tl(self.rday(), 'night'), a, '', r.choice([500, 1000, 2000]), 'atm', d.live,
                         'withdrawal')
            self.consume(d, a, 5, med=60, prof='evening')
            self.family_tx(d, 1, 1000)
        for g in gu:
            a = g.accs[0]
            for _ in range(self.poisson(3 * tz)):
                ag = r.choice(F['agency'])
                self.ev_(self.tl(self.tday(), 'biz'), ag.accs[0], a, r.choice([300, 500, 800, 1000, 1500]), 'online',
                         ag.home, memo='带团费')
            self.consume(g, a, 6, med=50, prof='evening')
            if not g.home.startswith('6531'):
                self.remit_home(g, a, 0.6, 2000)
        for h in F['hotel'] + F['agency']:
            for _ in range(self.poisson(8 * tz)):
                ota = r.choice([F['CTRIP'], F['MEITUAN']])
                self.ev_(int(self.tday() * DAY + self.hour('settle') * HOUR), ota.accs[0], h.accs[0],
                         self.rnd(self.ln(15000, 0.6), 0.01), 'other', '', memo='订单结算')
            for _ in range(self.poisson(3)):
                s = r.choice(S['shop'] + F['logistics'])
                self.ev_(self.tl(self.rday(), 'biz'), h.accs[0], s.accs[0], self.rnd(self.ln(6000, 0.6), 1), 'online',
                         h.home, memo=r.choice(['餐费', '货款', '服务费']))

    def fruit_trade(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        growers = [p for p in S['farmer'] if p.x.get('grower')] or S['farmer'][:100]
        for tr in S['fruit']:
            buyers = self.ks_buyers(FRUIT_BUYERS, r.randint(3, 9), 'dried_fruit_buyer')
            if r.random() < 0.4:
                buyers.append(r.choice(F['retail_chain']))
            tr.x['growers'] = r.sample(growers, min(len(growers), r.randint(6, 25)))
            for _ in range(self.poisson(5 * cfg['fruit_sell'] + 1)):
                b = r.choice(buyers)
                t = self.tl(self.rday(), 'day', self.shift_of(b.live))
                amt = self.rnd(self.ln(70000, 0.8), 100 if r.random() < 0.6 else 0.01)
                self.ev_(t, b.accs[0], r.choice(tr.accs), amt, 'online' if b.arch.endswith('chain') else 'mobile',
                         b.live, memo=r.choice(['货款', '红枣款', '核桃款', '巴旦木', '杏干', '']))
                # quickly pays growers / suppliers and freight
                t2 = t + int(r.uniform(0.2, 10) * HOUR)
                left = amt * r.uniform(0.75, 0.95)
                for g in r.sample(tr.x['growers'], min(len(tr.x['growers']), r.randint(2, 8))):
                    if left < 1000:
                        break
                    pay = min(left, self.rnd(self.ln(9000, 0.7), 500))
                    t2 += int(r.uniform(30, 1800))
                    self.ev_(t2, r.choice(tr.accs), g.accs[0], pay, 'mobile', tr.live, memo=r.choice(['', '货款', '枣子钱']))
                    left -= pay
                if r.random() < 0.6:
                    lg = r.choice(F['logistics'])
                    self.ev_(t2 + int(r.uniform(1, 30) * HOUR), tr.accs[0], lg.accs[0],
                             self.rnd(amt * r.uniform(0.02, 0.06), 0.01), 'online', tr.live, memo='运费')
            for _ in range(self.poisson(4 * cfg['fruit_buy'])):
                g = r.choice(tr.x['growers'])
                self.ev_(self.tl(self.rday(), 'day'), r.choice(tr.accs), g.accs[0], self.rnd(self.ln(12000, 0.7), 500),
                         'mobile', tr.live, memo=r.choice(['收购款', '杏子', '核桃', '红枣']))
            if r.random() < 0.3:
                fp = r.choice(F['fruit_proc'])
                self.ev_(self.tl(self.rday(), 'biz'), fp.accs[0], tr.accs[0], self.rnd(self.ln(150000, 0.6), 100),
                         'online', fp.home, memo='货款')
            self.own_moves(tr, 2.5)
            self.consume(tr, tr.accs[0], 6, med=180)
            self.family_tx(tr, 1.2, 3000)
        for fp in F['fruit_proc']:
            for _ in range(self.poisson(4 * cfg['fruit_sell'])):
                b = r.choice(F['retail_chain'])
                self.ev_(self.tl(self.rday(), 'biz', 0), b.accs[0], fp.accs[0], self.rnd(self.ln(300000, 0.6), 0.01),
                         'online', b.home, memo='货款')

    def livestock(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        herders = S['herder'] + S['farmer'][::6]
        sundays = [d for d in range(30) if self.days[d].weekday() == 6]
        saturdays = [d for d in range(30) if self.days[d].weekday() == 5]
        for dl in S['livestock']:
            a = dl.accs[0]
            buyers = self.ks_buyers(LIVESTOCK_BUYERS, r.randint(1, 3), 'livestock_buyer') + [r.choice(F['slaughter'])]
            sellers = r.sample(herders, min(len(herders), r.randint(15, 40)))
            for sd in sundays:
                if r.random() > 0.85:
                    continue
                if r.random() < 0.5:
                    pd_ = max(0, sd - 1)
                    self.ev_(self.tl(pd_, 'counter'), a, '', r.choice([20000, 30000, 40000, 49000]), 'counter',
                             dl.live, 'withdrawal', memo='取现')
                n = int(r.randint(3, 12) * cfg['livestock'])
                t = self.tl(sd, 'market')
                total = 0
                for h in r.sample(sellers, min(n, len(sellers))):
                    amt = self.rnd(self.ln(7000, 0.6), 100 if r.random() < 0.8 else 1)
                    t += int(r.uniform(60, 1500))
                    self.ev_(t, r.choice(dl.accs), h.accs[0], amt, 'mobile', dl.live, memo=r.choice(['', '羊款', '牛款']))
                    total += amt
                b = r.choice(buyers)
                t3 = t + int(r.uniform(4, 60) * HOUR)
                self.ev_(t3, b.accs[0], a, self.rnd(total * r.uniform(1.05, 1.2), 1), 'online', b.home,
                         memo=r.choice(['货款', '活畜款', '']))
            self.own_moves(dl, 1.5)
            self.consume(dl, a, 4, med=100)
            self.family_tx(dl, 1, 2000)
        for s in F['slaughter']:
            for _ in range(self.poisson(4)):
                b = r.choice(F['retail_chain'] + S['shop'][:30])
                self.ev_(self.tl(self.rday(), 'biz'), b.accs[0], s.accs[0], self.rnd(self.ln(80000, 0.7), 0.01),
                         'online', self.acc[b.accs[0]].region, memo='肉款')

    def border_trade(self):
        r = self.r
        F = self.F
        S = self.S
        for im in S['importer']:
            a = im.accs[0]
            for _ in range(self.poisson(3)):
                s = r.choice(F['suppliers_inland'])
                self.ev_(self.tl(self.rday(), 'day'), r.choice(im.accs), s.accs[0], self.rnd(self.ln(60000, 0.8), 100),
                         'mobile', im.live, memo=r.choice(['货款', '小商品', '']))
            for _ in range(self.poisson(3)):
                self.ev_(self.tl(self.rday(), 'counter'), '', a, self.rnd(self.ln(30000, 0.7), 100), 'counter',
                         im.live, 'deposit', memo='现金存入')
            for _ in range(self.poisson(2)):
                fa = r.choice(F['foreign'])
                amt = self.rnd(self.ln(40000, 0.7), 100)
                self.ev_(self.tl(self.rday(), 'biz'), fa, a, amt, 'online', im.live, xb=True, memo='边贸货款')
            for _ in range(self.poisson(1.5)):
                q = r.choice(S['importer'] + S['fruit'])
                if q is not im:
                    self.ev_(self.tl(self.rday(), 'day'), a, q.accs[0], self.rnd(self.ln(20000, 0.8), 1000), 'mobile',
                             im.live, memo='')
            self.own_moves(im, 2)
            self.consume(im, a, 5, med=150)
            self.family_tx(im, 1, 2000)
        for tc in F['trade_co']:
            a = tc.accs[0]
            for _ in range(self.poisson(4)):
                fa = r.choice(F['foreign'])
                self.ev_(self.tl(self.rday(), 'biz'), fa, a, self.rnd(self.ln(400000, 0.8), 0.01), 'online', tc.home,
                         xb=True, memo=r.choice(['货款', '出口收汇', 'export proceeds']))
            for _ in range(self.poisson(3)):
                s = r.choice(F['suppliers_inland'])
                self.ev_(self.tl(self.rday(), 'biz'), a, s.accs[0], self.rnd(self.ln(300000, 0.8), 0.01), 'online',
                         tc.home, memo='货款')
            for _ in range(self.poisson(1)):
                fa = r.choice(F['foreign'])
                self.ev_(self.tl(self.rday(), 'biz'), a, fa, self.rnd(self.ln(150000, 0.7), 0.01), 'online', tc.home,
                         xb=True, memo='进口货款')
            if 'usd' in tc.x:
                u = tc.x['usd']
                for _ in range(self.poisson(2.5)):
                    fa = r.choice(F['foreign'])
                    self.ev_(self.tl(self.rday(), 'biz'), fa, u, self.rnd(self.ln(60000, 0.8), 0.01), 'online',
                             tc.home, xb=True, cur='USD', memo='export proceeds')
                for _ in range(self.poisson(1.2)):
                    fa = r.choice(F['foreign'])
                    self.ev_(self.tl(self.rday(), 'biz'), u, fa, self.rnd(self.ln(40000, 0.8), 0.01), 'online',
                             tc.home, xb=True, cur='USD', memo='import payment')

    def family_events(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        fams = []
        seen = set()
        for p in self.people:
            if p.fam and len(p.fam) >= 3 and id(p.fam) not in seen:
                seen.add(id(p.fam))
                fams.append(p.fam)
        n_pool = int(40 * (0.7 + 0.3 * cfg['weddings']))
        for fam in r.sample(fams, min(len(fams), n_pool)):
            org = r.choice(fam)
            day = self.rday(0, 25)
            tot = 0
            t = self.tl(day, 'evening')
            for q in fam:
                if q is org:
                    continue
                amt = r.choice([5000, 10000, 10000, 20000, 30000, 50000])
                t += int(r.uniform(300, 20000))
                self.ev_(t, q.accs[0], org.accs[0], amt, 'mobile', q.live, memo=r.choice(['', '凑钱', '买车', '婚礼', '首付']))
                tot += amt
            what = r.random()
            t2 = t + int(r.uniform(4, 72) * HOUR)
            if what < 0.4:
                self.ev_(t2, org.accs[0], r.choice(F['car_dealer']).accs[0], self.rnd(tot + self.ln(40000, 0.5), 1000),
                         'counter', org.live, memo='购车款')
            elif what < 0.7:
                self.ev_(t2, org.accs[0], r.choice(F['developer']).accs[0], self.rnd(tot + self.ln(60000, 0.5), 1000),
                         'counter', org.live, memo='购房定金')
            else:
                sh = r.choice(S['shop'])
                self.ev_(t2, org.accs[0], sh.accs[0], self.rnd(tot * 0.6, 100), 'mobile', org.live, memo='婚宴')
        # weddings: many guests send gifts to the family's account within a day or two
        n_wed = int(25 * cfg['weddings'])
        for _ in range(n_wed):
            host = r.choice(S['farmer'] + S['teacher'] + S['civil'] + S['shop'] + S['worker'])
            day = self.rday(0, 28)
            t = self.tl(day, 'day')
            for g in r.sample(self.people[:6000], r.randint(12, 50)):
                if not g.live.startswith('65'):
                    continue
                t += int(r.uniform(30, 3000))
                self.ev_(t, g.accs[0], host.accs[0], r.choice([200, 200, 300, 500, 500, 600, 1000, 1000, 2000]),
                         'mobile', g.live, memo=r.choice(['', '', '礼金', '随礼', '新婚快乐']))

    def dormant_events(self):
        r = self.r
        F = self.F
        dorm = [(p, p.x['dormant']) for p in self.people if 'dormant' in p.x]
        r.shuffle(dorm)
        k = 0
        for p, d in dorm[:60]:
            k += 1
            if k <= 18 and p.live.startswith('6531'):
                gov = F['gov'].get(p.live, F['gov']['653101']).accs[0]
                t = self.tl(self.rday(2, 25), 'biz')
                amt = self.rnd(self.ln(80000, 0.6), 0.01)
                self.ev_(t, gov, d, amt, 'other', p.live, memo=r.choice(['征地补偿款', '拆迁补偿款', '安置补偿']))
                t2 = t + int(r.uniform(3, 60) * HOUR)
                for q in (p.fam or [p])[:4]:
                    t2 += int(r.uniform(60, 3600))
                    self.ev_(t2, d, q.accs[0], self.rnd(amt * r.uniform(0.1, 0.3), 1000), 'counter', p.live,
                             memo='分配')
            elif k <= 35:
                t = self.tl(self.rday(0, 25), 'counter', self.shift_of(p.live))
                amt = self.rnd(self.ln(3000, 0.7), 100)
                self.ev_(t, '', d, amt, 'counter', p.live, 'deposit', memo='存款')
                self.ev_(t + int(r.uniform(1, 100) * HOUR), d, p.accs[0], amt, 'mobile', p.live, memo='')
            elif k <= 50:
                a = self.acc[d]
                if a.b0 > 0:
                    t = self.tl(self.rday(0, 27), 'counter', self.shift_of(p.live))
                    self.ev_(t, d, '', None, 'counter', p.live, 'withdrawal', memo='销户')
                    a.close = t
                else:
                    a.close = -DAY
                a.status = 'closed'

    # ------------------------------------------------------------------ fraud
    def fraud(self):
        r = self.r
        cfg = self.cfg
        F = self.F
        S = self.S
        self.gangs = []
        for g in range(cfg['gangs']):
            base = GANG_BASES.pick(r)
            gang = dict(id=g, base=base, cards={1: [], 2: [], 3: []}, all=[], holders=[],
                        merchants=[self.exit_merchant(base) for _ in range(r.randint(2, 5))],
                        cities=[CASH_FAR.pick(r) if r.random() < 0.6 else CASH_BORDER.pick(r)
                                for _ in range(r.randint(1, 3))])
            self.gangs.append(gang)
        self.usdt = []
        for _ in range(r.randint(12, 18)):
            reg = r.choice(['440306', '440106', '441900', '350582', '410105', '330782', '430104', '360102',
                            '445202', '510107', '650104'])
            p = self.person('usdt_otc_seller', reg, byears=(1985, 2000), banks=NAT_BANKS, b0=(2000, 50000),
                            second_p=0.9, dormant_p=0.0)
            self.people.pop()
            for a in p.accs:
                self.acc[a].role = 'fraud_exit'
                self.acc[a].arch = 'usdt_otc_seller'
            self.usdt.append(p)
        self.price = {'baseline': 7.22, 'V2': 7.31, 'V3': 7.08}[self.variant]  # USDT OTC price
        # pools for rented / sold / 跑分
        self.pool_young = [p for p in S['young']]
        r.shuffle(self.pool_young)
        self.pool_paofen = [p for p in S['student'] if not p.x.get('freshman')] + S['young'][::3] + S['rider']
        r.shuffle(self.pool_paofen)
        self.pool_dormant = [(p, p.x['dormant']) for p in S['young'] + S['student'] + S['worker']
                             if 'dormant' in p.x and self.acc[p.x['dormant']].status == 'active']
        r.shuffle(self.pool_dormant)
        self.taken = set()
        # card farmers
        self.farmers = []
        self.farm_queue = []
        for i in range(cfg['n_farmers']):
            self.mk_farmer()
        self.farm_queue.sort(key=lambda aid: self.acc[aid].opened)
        # victims
        self.victims = []
        self.vpays = []
        lo, hi = cfg['victim_payments']
        target = r.randint(lo, hi)
        while len(self.vpays) < target:
            self.mk_victim()
        self.vpays.sort(key=lambda x: x[0])
        self.inflows = {}
        self.atm = {}
        self.tier_cards = {1: [], 2: [], 3: []}
        for (t, amt, vacc, vi, gi, ch, memo, reg) in self.vpays:
            v = self.victims[vi]
            if v['triangle']:
                dest = v['triangle']
                e = self.ev_(t, vacc, dest, amt, ch, reg, memo=memo or '货款', tk='victim_payment', meta=('vp', vi))
                if e:
                    v['events'].append(e)
                    v['dests'].append(dest)
                continue
            gang = self.gangs[gi]
            c = self.get_card(gang, 1, t, small=amt < 3000)
            e = self.ev_(t, vacc, c, amt, ch, reg, memo=memo, tk='victim_payment', meta=('vp', vi))
            if e:
                v['events'].append(e)
                v['dests'].append(c)
                self.inflows.setdefault(c, []).append((t, int(round(amt * 100))))
                a = self.acc[c]
                if v['reported'] and a.bank in SUPPLY and r.random() < cfg['freeze_p']:
                    # the centre asks the bank to stop payment on the receiving card
                    ft = v['report_t'] + int(r.uniform(0.5, 6) * HOUR)
                    if ft < self.T and (a.freeze is None or ft < a.freeze):
                        a.freeze = ft
        for k in (1, 2, 3):
            self.process_tier(k)
        # every farmer card is at least tested by its buyer
        for aid in self.farm_queue:
            a = self.acc[aid]
            if a.gang is None:
                gang = r.choice(self.gangs)
                t = max(a.opened + int(r.uniform(3, 20) * DAY), int(r.uniform(0, 29) * DAY))
                t = min(t, self.T - HOUR)
                if t < 0:
                    t = int(r.uniform(0, 28) * DAY)
                srcs = [x for x in gang['all'] if self.acc[x].opened < t - HOUR]
                src = r.choice(srcs) if srcs else None
                a.role = 'farmer_card'
                a.gang = gang['id']
                if src:
                    amt = r.choice([0.01, 0.1, 1, 1, 2, 5])
                    self.ev_(t, src, aid, amt, 'mobile', gang['base'], tk='layering', memo='')
                    self.ev_(t + r.randint(30, 600), aid, src, amt, 'mobile', gang['base'], tk='layering', memo='')
        # USDT sellers move their takings on and serve some ordinary buyers
        for p in self.usdt:
            a = p.accs[0]
            for _ in range(self.poisson(6)):
                q = r.choice(S['young'])
                self.ev_(self.tl(self.rday(), 'evening', 0), q.accs[0], a,
                         round(r.choice([100, 200, 300, 500, 1000, 1500]) * self.price, 2), 'mobile', q.live,
                         memo='')
            for d in range(30):
                if r.random() < 0.45:
                    dst = p.accs[1] if len(p.accs) > 1 else None
                    if dst:
                        self.ev_(self.tl(d, 'night', 0), a, dst, None, 'mobile', p.live, memo='')
            if len(p.accs) > 1:
                for _ in range(self.poisson(4)):
                    self.ev_(self.tl(self.rday(), 'night', 0), p.accs[1], '', r.choice([20000, 30000, 49000]),
                             'counter', p.live, 'withdrawal')

    def exit_merchant(self, base):
        firm = EXIT_FIRMS.pick(self.r)
        hid = self.new_corp_holder('92' if self.r.random() < 0.6 else '91', base, 'payment_merchant')
        return self.new_acc(hid, firm, base, self.opened_before(0.1, 1.5), 'corp', 'fraud_exit', 'payment_firm_merchant',
                            b0=0)

    def mk_farmer(self):
        r = self.r
        cfg = self.cfg
        home = r.choice(['421381', '421083', '430524', '430528', '411522', '450881', '530381', '511321', '620523',
                         '653127', '653129', '653123'])
        hid = self.new_holder(home, (1990, 2004), 'card_farmer', farmer=True)
        self.farmers.append(hid)
        # his own everyday account at home
        own_bank = (KS_RURAL_BANKS if home.startswith('65') else NAT_BANKS).pick(r)
        own = self.new_acc(hid, own_bank, home, self.opened_before(2, 8), 'I', 'lawful', 'card_farmer_own',
                           b0=self.ln(800, 0.8))
        p = P(hid, 'card_farmer_own', home, home)
        p.accs = [own]
        self.consume(p, own, 4, med=40)
        lo, hi = cfg['farm_before']
        start = -int(r.uniform(lo, hi) * DAY)
        cities = [c for c in FARM_CITIES if c[:2] != home[:2]]
        cities = r.sample(cities, r.randint(2, 4))
        t = start
        for c in cities:
            banks = ['ICBC', 'CCB', 'ABC', 'PSBC', 'BOC', 'BOCOM', 'CMB', 'CIB', 'CITIC', 'PAB', '@RCU', '@CITY']
            if c.startswith('6531'):
                banks.append('KSRCB')
            nb = r.randint(2, 6)
            for b in r.sample(banks, nb):
                t += int(r.uniform(0.3, 3) * HOUR)
                tt = int((t // DAY) * DAY + (self.hour('counter') + (2 if c.startswith('65') else 0)) * HOUR)
                aid = self.new_acc(hid, b, c, tt, 'I' if r.random() < 0.8 else 'II', 'farmer_card', 'farmer_card',
                                   b0=0)
                self.acc[aid].mtype = 'farmer'
                if r.random() < 0.4:
                    self.ev_(tt + r.randint(60, 900), '', aid, r.choice([10, 10, 20, 50, 100]), 'counter', c,
                             'deposit', tk='ordinary', memo='开户存入')
                self.farm_queue.append(aid)
            t += int(r.uniform(0.8, 5) * DAY)

    def mk_victim(self):
        r = self.r
        cfg = self.cfg
        S = self.S
        fw = cfg['fw']
        ftype = WL([(k, v[0] * fw.get(k, 1.0)) for k, v in FTYPES.items()]).pick(r)
        w, med, sig, mn, mx, (plo, phi) = FTYPES[ftype]
        u = r.random()
        acc = None
        if u < 0.07:
            # a Kashgar resident
            pool = {'credit_record': S['student'], 'game_trade': S['student'], 'brushing': S['student'] + S['worker'],
                    'police_gov': S['teacher'] + S['civil'] + S['medic'], 'prize': S['pensioner'],
                    'accident_kidnap': S['pensioner'], 'investment': S['civil'] + S['shop'] + S['teacher'],
                    'military_purchase': S['shop'] + S['fruit']}.get(ftype, S['worker'] + S['teacher'] + S['shop'])
            p = r.choice(pool)
            for _ in range(20):
                if self.acc[p.accs[0]].opened < 0 and self.acc[p.accs[0]].role == 'lawful':
                    break
                p = r.choice(pool)
            reg = p.live
            acc = p.accs[0]
            local = True
        else:
            reg = XJ_OTHER.pick(r) if u < 0.11 else (CN.pick(r) if r.random() < 0.75 else CN_RURAL.pick(r))
            by = (1945, 1970) if ftype in ('police_gov', 'prize', 'accident_kidnap', 'subsidy_refund', 'parcel') \
                else (1970, 2004)
            p = self.person('victim', reg, byears=by, banks=NAT_BANKS, b0=(2000, 50000), second_p=0.45,
                            dormant_p=0.05)
            self.people.pop()
            acc = p.accs[0]
            local = False
            if self.acc[acc].bank in SUPPLY:
                self.outside_life(p, 0.9)
        sh = self.shift_of(reg)
        extra = (phi - plo) * 0.3 * cfg['pay_scale']
        n = plo + (min(int(r.expovariate(1.0 / extra)), int((phi - plo) * cfg['pay_scale']) + 1) if extra > 0 else 0)
        vi = len(self.victims)
        gi = r.randrange(len(self.gangs))
        tri = None
        if ftype in ('shopping_service', 'game_trade', 'ecommerce_cs') and r.random() < 0.05:
            tri = r.choice(S['online'] + S['jade'] + S['fruit']).accs[0]
            n = 1
        v = dict(ftype=ftype, acc=acc, holder=p.hid, local=local, events=[], dests=[], triangle=tri, gang=gi,
                 reported=r.random() < cfg['report_p'])
        self.victims.append(v)
        gap = FGAPS.get(ftype, (0.1, 24))
        if cfg['speed'] == 'slow':
            gap = (gap[0], gap[1] * 1.6)
        span = n * gap[1] / 24.0
        d0 = r.uniform(0, max(0.5, 29.5 - min(span, 20)))
        t = int(d0 * DAY // DAY * DAY + (self.hour('day') + sh) * HOUR)
        amt = self.clamp(self.ln(med, sig), mn, mx)
        total_need = 0
        plan = []
        for i in range(n):
            if t >= self.T:
                break
            a = amt
            if ftype in ('brushing', 'loan_card', 'game_trade', 'fake_job'):
                a = amt * (1.6 ** i) * r.uniform(0.8, 1.2)
            elif ftype in ('investment', 'romance', 'police_gov'):
                a = amt * r.uniform(0.6, 2.2) * (1.25 ** i)
            a = self.clamp(a, mn, mx * 2)
            unit = 100 if r.random() < 0.55 else (1 if r.random() < 0.7 else 0.01)
            a = self.rnd(a, unit)
            chp = r.random()
            if a > 50000 and chp < 0.35:
                ch = 'counter'
            elif ftype == 'subsidy_refund' and chp < 0.6:
                ch = 'atm'
            elif chp < 0.2:
                ch = 'online'
            else:
                ch = 'mobile'
            plan.append((t, a, ch))
            total_need += a
            t += int(r.uniform(gap[0], gap[1]) * HOUR)
        # victims gather money first: other own accounts, loans from apps
        if total_need > 3000:
            t_first = plan[0][0]
            if len(p.accs) > 1 and r.random() < 0.6:
                self.ev_(t_first - int(r.uniform(0.1, 5) * HOUR), p.accs[1], acc,
                         self.rnd(total_need * r.uniform(0.3, 0.9), 100), 'mobile', reg, memo='')
            if ftype in ('investment', 'loan_card', 'credit_record', 'romance', 'brushing') and r.random() < 0.4:
                lend = r.choice(self.F['LOANAPP'])
                self.ev_(t_first - int(r.uniform(0.1, 30) * HOUR), lend.accs[0], acc,
                         self.rnd(min(200000, total_need * r.uniform(0.3, 0.8)), 100), 'other', '', memo='借款发放')
        a_ = self.acc[acc]
        if a_.opened < 0:
            a_.b0 = max(a_.b0, int(total_need * 100 * r.uniform(1.05, 1.6)) + 200000)
        last = plan[-1][0] if plan else 0
        v['report_t'] = last + int(self.ln(cfg['report_delay'], 0.9) * HOUR)
        for (t, a, ch) in plan:
            memo = r.choice(VICTIM_MEMOS)
            self.vpays.append((t, a, acc, vi, gi, ch, memo, reg))

    def mule_holder(self, kashgar_p=0.12):
        r = self.r
        if r.random() < kashgar_p:
            home = KS_RURAL.pick(r)
        else:
            home = CN_RURAL.pick(r) if r.random() < 0.65 else CN.pick(r)
        return home, self.new_holder(home, (1996, 2006), 'mule_holder')

    def new_card(self, gang, tier, t, mtype):
        """returns an account id for a fresh / aged / rented / sold / farmer / paofen card, or None"""
        r = self.r
        cfg = self.cfg
        fast = cfg['speed'] == 'fast'
        slow = cfg['speed'] == 'slow'
        aid = None
        if mtype == 'farmer':
            while self.farm_queue:
                cand = [x for x in self.farm_queue if self.acc[x].gang is None and self.acc[x].opened < t - 2 * DAY]
                if not cand:
                    break
                aid = cand[0]
                break
            if aid is None:
                mtype = 'fresh'
        if mtype in ('rented', 'sold'):
            if mtype == 'sold' and r.random() < 0.4 and self.pool_dormant:
                p, d = self.pool_dormant.pop()
                aid = d
                self.acc[aid].sold = t - int(r.uniform(3, 30) * DAY)
            else:
                while self.pool_young:
                    p = self.pool_young.pop()
                    if p.hid in self.taken:
                        continue
                    self.taken.add(p.hid)
                    aid = p.accs[0] if r.random() < 0.6 or len(p.accs) == 1 else p.accs[1]
                    if mtype == 'sold':
                        self.acc[aid].sold = t - int(r.uniform(1, 12) * DAY)
                    break
            if aid is None:
                mtype = 'fresh'
        if mtype == 'paofen':
            while self.pool_paofen:
                p = self.pool_paofen.pop()
                if p.hid in self.taken:
                    continue
                self.taken.add(p.hid)
                aid = p.accs[0]
                break
            if aid is None:
                mtype = 'fresh'
        if aid is None:
            sets = [h for h in gang['holders'] if h[2] < h[3]]
            if sets and r.random() < 0.35:
                hs = r.choice(sets)
                hs[2] += 1
                home, hid = hs[0], hs[1]
            else:
                home, hid = self.mule_holder()
                hs = [home, hid, 1, r.randint(1, 3), []]
                gang['holders'].append(hs)
            if mtype == 'aged':
                opened = t - int(r.uniform(20, 150) * DAY)
            else:
                opened = t - int(r.uniform(0.2, 6 if fast else 12) * DAY)
            oreg = home if r.random() < 0.55 else (GANG_BASES.pick(r) if r.random() < 0.5 else CN.pick(r))
            if home.startswith('6531') and r.random() < 0.7:
                oreg = home
            for _ in range(20):
                bank = MULE_BANKS.pick(r)
                if oreg.startswith('6531') and r.random() < 0.3:
                    bank = 'KSRCB'
                if self.resolve_bank(bank, oreg) not in hs[4]:
                    break
            hs[4].append(self.resolve_bank(bank, oreg))
            sh = 2 if oreg.startswith('65') else 0
            opened = int((opened // DAY) * DAY + (self.hour('counter') + sh) * HOUR)
            opened = min(opened, t - r.randint(1800, 4 * HOUR))
            cls = 'I' if r.random() < 0.85 else 'II'
            aid = self.new_acc(hid, bank, oreg, opened, cls, 'mule', 'mule_' + mtype, b0=0 if mtype == 'fresh'
                               else self.ln(60, 1.0))
            if mtype == 'fresh' and r.random() < 0.5:
                self.ev_(opened + r.randint(60, 1200), '', aid, r.choice([1, 10, 10, 20, 50, 100]), 'counter', oreg,
                         'deposit', memo='开户存入')
            if mtype == 'aged':
                # a little account nursing (养卡) before use
                p = P(hid, 'mule_holder', home, oreg)
                for _ in range(r.randint(1, 4)):
                    tt = int(r.uniform(max(opened, 0), max(opened, t)))
                    if tt <= 0:
                        continue
                    if r.random() < 0.5:
                        self.ev_(tt, '', aid, r.choice([100, 200, 500]), 'atm', oreg, 'deposit')
                    else:
                        self.ev_(tt, aid, r.choice(self.F['TEN'].accs), self.rnd(self.ln(30, 0.8), 0.01), 'mobile',
                                 oreg, tk='ordinary')
        a = self.acc[aid]
        a.role = {'paofen': 'paofen', 'farmer': 'farmer_card'}.get(mtype, 'mule')
        if a.role == 'mule':
            a.arch = 'mule_' + mtype
        a.mtype = mtype
        a.gang = gang['id']
        a.tier = tier
        a.ustart = t
        life = {'fresh': (0.5, 3), 'aged': (1, 5), 'rented': (2, 10), 'sold': (2, 8), 'farmer': (0.5, 4),
                'paofen': (2, 12)}[mtype]
        if slow:
            life = (life[0] * 1.5, life[1] * 1.8)
        a.uend = t + int(r.uniform(*life) * DAY)
        if tier == 1:
            a.cap = r.randint(3, 14) if mtype != 'paofen' else r.randint(6, 30)
        else:
            a.cap = r.randint(6, 30)
        pc = {1: 0.08 if not fast else 0.15, 2: 0.35, 3: 0.45}[tier] * cfg['exit_mix']['atm'] / 0.35
        if mtype != 'paofen' and r.random() < pc:
            a.casher = r.choice(gang['cities'])
        # the gang tests a bought card with a tiny amount before use
        if mtype in ('fresh', 'aged', 'sold', 'farmer', 'rented') and gang['all'] and r.random() < 0.55:
            src = r.choice(gang['all'])
            tt = t - int(r.uniform(0.2, 20) * HOUR)
            amt = r.choice([0.01, 0.1, 1, 1, 1, 2, 5, 10])
            self.ev_(tt, src, aid, amt, 'mobile', gang['base'], tk='layering', memo='')
            if r.random() < 0.5:
                self.ev_(tt + r.randint(20, 900), aid, src, amt, 'mobile', gang['base'], tk='layering', memo='')
        gang['cards'][tier].append(aid)
        gang['all'].append(aid)
        self.tier_cards[tier].append(aid)
        return aid

    def get_card(self, gang, tier, t, avoid=None, small=False):
        r = self.r
        cfg = self.cfg
        act = []
        for c in gang['cards'][tier][-12:]:
            a = self.acc[c]
            if a.ustart <= t <= a.uend and a.used < a.cap and c != avoid and (a.freeze is None or a.freeze > t):
                if avoid and self.acc[avoid].bank == a.bank and r.random() < 0.7:
                    continue
                act.append(c)
        if act and r.random() < 0.85:
            c = r.choice(act)
        else:
            mix = cfg['t1_mix'] if tier == 1 else cfg['deep_mix']
            if tier == 1 and small:
                mix = dict(mix)
                mix['paofen'] = mix.get('paofen', 0) * 2.5
            mtype = WL(list(mix.items())).pick(r)
            c = self.new_card(gang, tier, t, mtype)
        self.acc[c].used += 1
        return c

    def delay(self):
        r = self.r
        sp = self.cfg['speed']
        if sp == 'fast':
            return int(r.uniform(0.5, 10) * MIN) if r.random() < 0.9 else int(r.uniform(10, 60) * MIN)
        if sp == 'slow':
            u = r.random()
            if u < 0.15:
                return int(r.uniform(5, 60) * MIN)
            if u < 0.6:
                return int(r.uniform(1, 12) * HOUR)
            return int(r.uniform(12, 72) * HOUR)
        u = r.random()
        if u < 0.7:
            return int(r.uniform(1, 25) * MIN)
        if u < 0.9:
            return int(r.uniform(25, 180) * MIN)
        return int(r.uniform(3, 14) * HOUR)

    def process_tier(self, k):
        r = self.r
        cfg = self.cfg
        reqs = []
        for c in self.tier_cards[k]:
            infl = sorted(self.inflows.get(c, []))
            if not infl:
                continue
            a = self.acc[c]
            pend = 0
            tflush = None
            batches = []
            for (t, fen) in infl:
                if tflush is not None and t > tflush:
                    batches.append((tflush, pend))
                    pend = 0
                    tflush = None
                pend += fen
                if tflush is None:
                    tflush = t + self.delay()
            if pend:
                batches.append((tflush, pend))
            for (t, fen) in batches:
                if a.mtype == 'paofen':
                    keep = int(fen * r.uniform(0.01, 0.025))
                elif r.random() < 0.3:
                    keep = fen % 10000
                else:
                    keep = r.randint(0, 2000)
                out = fen - keep
                if out < 100:
                    continue
                reqs.append((t, out, c))
        reqs.sort()
        for (t, fen, c) in reqs:
            a = self.acc[c]
            gang = self.gangs[a.gang]
            if a.freeze is not None and t >= a.freeze:
                continue
            if a.casher:
                st = self.atm_state(c)
                x = min(fen, int(st['cap'] * 100 * r.uniform(0.8, 2.5)))
                self.atm_cashout(c, t, x, a.casher)
                fen -= x
                if fen < 10000:
                    continue
                t += r.randint(60, 1200)
            p_exit = {1: cfg['direct_exit'], 2: cfg['t2_exit'], 3: 1.0}[k]
            if r.random() < p_exit:
                self.exit_money(c, t, fen, gang)
                continue
            nparts = 1 if fen < 300000 and r.random() < 0.5 else r.choice([1, 2, 2, 3, 3, 4])
            parts = self.split(fen, nparts)
            tt = t
            for part in parts:
                dst = self.get_card(gang, k + 1, tt, avoid=c)
                reg = gang['base'] if r.random() < 0.7 else ''
                e = self.ev_(tt, c, dst, part / 100.0, r.choice(['mobile', 'mobile', 'online']), reg,
                             memo=r.choice(MULE_MEMOS), tk='layering')
                if e:
                    self.inflows.setdefault(dst, []).append((tt, part))
                tt += r.randint(15, 240) if cfg['speed'] != 'slow' else r.randint(60, 3 * HOUR)

    def split(self, fen, n):
        r = self.r
        if n <= 1:
            return [fen]
        ws = [r.uniform(0.5, 1.5) for _ in range(n)]
        s = sum(ws)
        parts = []
        left = fen
        for w in ws[:-1]:
            p = int(fen * w / s)
            if r.random() < 0.7:
                p = (p // 10000) * 10000 or p
            p = min(p, left - 100)
            if p <= 0:
                break
            parts.append(p)
            left -= p
        parts.append(left)
        return parts

    def exit_money(self, c, t, fen, gang):
        r = self.r
        mix = dict(self.cfg['exit_mix'])
        mix.pop('atm')
        how = WL(list(mix.items())).pick(r)
        a = self.acc[c]
        if how == 'usdt':
            left = fen
            tt = t
            while left > 50000:
                seller = r.choice(self.usdt)
                order_fen = min(left, int(r.uniform(500000, 5000000)))
                units = int(order_fen / 100 / self.price)
                if units < 50:
                    break
                amt = round(units * self.price, 2)
                self.ev_(tt, c, seller.accs[0], amt, 'mobile', gang['base'] if r.random() < 0.6 else '',
                         memo=r.choice(['', '', '货款', '转账']), tk='cashout')
                left -= int(round(amt * 100))
                tt += r.randint(60, 1800)
        else:
            left = fen
            tt = t
            while left > 10000:
                m = r.choice(gang['merchants'])
                amt_fen = min(left, int(self.ln(800000, 0.7)))
                amt_fen = max(amt_fen, 10000)
                if r.random() < 0.5:
                    amt_fen = (amt_fen // 100) * 100 - r.choice([0, 100, 200])
                if amt_fen <= 0:
                    break
                self.ev_(tt, c, m, amt_fen / 100.0, r.choice(['mobile', 'online']), '',
                         memo=r.choice(['', '', '商品', '充值', '消费']), tk='cashout')
                left -= amt_fen
                tt += r.randint(30, 900)

    def atm_state(self, c):
        st = self.atm.get(c)
        if st is None:
            st = self.atm[c] = dict(chunk=self.r.choice([2000, 2500, 3000, 5000]),
                                    cap=self.r.choice([20000, 20000, 20000, 30000, 50000]), used={}, tnext=0)
        return st

    def atm_cashout(self, c, t, fen, city):
        r = self.r
        st = self.atm_state(c)
        left = fen
        chunk = st['chunk']
        day_cap = st['cap']
        used = st['used']
        # first withdrawal: at night if possible, after the card has reached the ATM
        tt = max(t + int(r.uniform(5, 90) * MIN), st['tnext'])
        if r.random() < 0.5:
            d = tt // DAY
            h = ((tt % DAY) / HOUR)
            if 6 < h < 21:
                tt = int(d * DAY + r.uniform(21.5, 23.9) * HOUR)
        cnt = 0
        while left >= 10000 and cnt < 60:
            d = tt // DAY
            if used.get(d, 0) + chunk * 100 > day_cap * 100:
                # next calendar day, just after midnight (the daily limit resets)
                tt = int((d + 1) * DAY + r.uniform(0.02, 1.5) * HOUR)
                continue
            amt = min(chunk * 100, (left // 10000) * 10000)
            if amt <= 0:
                break
            self.ev_(tt, c, '', amt / 100.0, 'atm', city, 'withdrawal', tk='cashout')
            used[d] = used.get(d, 0) + amt
            left -= amt
            cnt += 1
            tt += r.randint(40, 400)
        st['tnext'] = tt + r.randint(60, 600)
        if left >= 10000 and r.random() < 0.5:
            self.ev_(tt + HOUR, c, '', (left // 10000) * 100, 'counter', city, 'withdrawal', tk='cashout')

    # ------------------------------------------------------------------ reports, freezes, labels
    def reports_and_freezes(self):
        """victims' reports (and the stop-payments on receiving cards) are decided while routing;
        here: victims whose payments never happened report nothing, and courts freeze a few lawful cards"""
        r = self.r
        for v in self.victims:
            if not v['events']:
                v['reported'] = False
        # a few lawful accounts frozen by courts (debt enforcement)
        lawful_rows = [a for a in self.acc.values() if a.role == 'lawful' and a.bank in SUPPLY and a.cls != 'corp'
                       and a.status == 'active']
        for a in r.sample(lawful_rows, max(3, len(lawful_rows) // 600)):
            a.freeze = int(r.uniform(0, 28) * DAY)

    def apply_sales(self):
        """sold accounts: the owner's own activity stops at the sale"""
        sold = {aid for aid, a in self.acc.items() if a.sold is not None}
        if not sold:
            return
        keep = []
        for e in self.ev:
            if e[11] == 'ordinary' and ((e[2] in sold and e[0] >= self.acc[e[2]].sold) or
                                        (e[3] in sold and e[0] >= self.acc[e[3]].sold)):
                continue
            keep.append(e)
        self.ev = keep

    def balance_pass(self):
        """walk every transfer in time order; lawful debits that the payer cannot afford are dropped,
        fraud debits are cut to what is there; frozen accounts pay nothing after the freeze."""
        acc = self.acc
        self.ev.sort(key=lambda e: (e[0], e[1]))
        bal = {}
        check = {}
        for aid, a in acc.items():
            check[aid] = (a.bank in SUPPLY) or a.role != 'lawful' or a.holder in self.victim_holders
        out = []
        first = {}
        snap = {}
        for e in self.ev:
            t, _, frm, to, fen = e[0], e[1], e[2], e[3], e[4]
            if frm:
                fa = acc[frm]
                if fa.freeze is not None and t >= fa.freeze:
                    continue
                if fa.close is not None and t > fa.close:
                    continue
                if check[frm]:
                    b = bal.get(frm, fa.b0)
                    if fen is None:
                        fen = b if b > 0 else 0
                        if fen <= 0:
                            continue
                    elif b < fen:
                        if e[11] != 'ordinary':
                            fen = (b // 100) * 100 if b >= 10000 else b
                            if e[7] == 'withdrawal' and e[5] == 'atm':
                                fen = (b // 10000) * 10000
                            if fen < 100:
                                continue
                        else:
                            continue
                elif fen is None:
                    continue
            if to:
                ta = acc[to]
                if ta.close is not None and t > ta.close:
                    continue
            e[4] = fen
            vis = self.visible(e)
            for side, aid in ((0, frm), (1, to)):
                if not aid:
                    continue
                a = acc[aid]
                b = bal.get(aid, a.b0)
                if vis and a.bank in SUPPLY and aid not in first:
                    first[aid] = b
                b = b - fen if side == 0 else b + fen
                bal[aid] = b
                if a.bank in SUPPLY and t < self.start[a.bank]:
                    snap[aid] = b
            out.append(e)
        self.ev = out
        self.first_bal = first
        self.snap = snap
        self.final_bal = bal

    def visible(self, e):
        t = e[0]
        for aid in (e[2], e[3]):
            if aid:
                b = self.acc[aid].bank
                if b in SUPPLY and t >= self.start[b]:
                    return True
        return False

    # ------------------------------------------------------------------ output
    def write(self, out, truth):
        r = self.r
        cfg = self.cfg
        acc = self.acc
        os.makedirs(out, exist_ok=True)
        vis = [e for e in self.ev if self.visible(e)]
        # txn ids: by reporting institution (payer's bank if it supplies, else payee's)
        counters = {}
        for e in vis:
            rb = None
            for aid in (e[2], e[3]):
                if aid and acc[aid].bank in SUPPLY and e[0] >= self.start[acc[aid].bank]:
                    rb = acc[aid].bank
                    break
            day = (self.W0 + dt.timedelta(seconds=e[0])).strftime('%Y%m%d')
            key = (rb, day)
            counters[key] = counters.get(key, 0) + 1
            n = counters[key]
            if rb == 'ICBC':
                tid = 'ICBC%s%08d' % (day, n)
            elif rb == 'ABC':
                tid = 'ABC-%s-%07d' % (day, n)
            elif rb == 'CCB':
                tid = 'CCB%s65%07d' % (day, n)
            elif rb == 'PSBC':
                tid = 'PSBC%s%07d' % (day[2:], n)
            else:
                tid = 'KSRCB%s%06d' % (day, n)
            e.append(tid)
        named = {}
        for aid, a in acc.items():
            if a.bank in SUPPLY:
                named[aid] = True
        for e in vis:
            for aid in (e[2], e[3]):
                if aid:
                    named[aid] = True
        # statuses at extract end
        for aid, a in acc.items():
            if a.freeze is not None and a.freeze < self.T and a.status == 'active':
                a.status = 'frozen'
        # ---- labels
        labels = []
        fraud_roles = ('mule', 'paofen', 'farmer_card')
        lab_acc = {}
        reported_dest = {}
        for v in self.victims:
            if v.get('reported'):
                for e in v['events']:
                    if len(e) > 13 and e[13]:
                        labels.append(('transfer', e[13], 'fraud'))
                for d in v['dests']:
                    reported_dest[d] = True
        # score fraud-network accounts named in the data
        cands = []
        for aid in named:
            a = acc[aid]
            if a.role in fraud_roles:
                s = r.random() * 1.6
                if aid in reported_dest:
                    s += 1.0
                if a.status == 'frozen':
                    s += 3.0
                if a.tier == 1:
                    s += 0.3
                if a.casher:
                    s += 0.25
                if a.bank in SUPPLY:
                    s += 0.2
                cands.append((s, aid))
        cands.sort(reverse=True)
        frac = r.uniform(0.41, 0.49)
        nlab = int(round(frac * len(cands)))
        for s, aid in cands[:nlab]:
            lab_acc[aid] = True
        for aid in named:
            a = acc[aid]
            if a.role == 'fraud_exit' and a.arch == 'usdt_otc_seller' and r.random() < 0.18:
                lab_acc[aid] = True
            if a.role == 'lawful' and aid in reported_dest and r.random() < 0.7:
                lab_acc[aid] = True  # a merchant paid by a victim for a fraudster's order (三角诈骗)
        for aid in named:
            if aid in lab_acc:
                labels.append(('account', aid, 'mule'))
        lab_farmer = {}
        farmers_named = [h for h in self.farmers if any(acc[x].holder == h and x in named and acc[x].bank in SUPPLY
                                                        for x in self.farm_queue)]
        nf = max(1, int(round(len(farmers_named) * r.uniform(0.2, 0.35)))) if farmers_named else 0
        for h in r.sample(farmers_named, nf):
            lab_farmer[h] = True
            labels.append(('holder', h, 'card_farmer'))
        # ---- accounts.csv
        def iso(sec):
            return (self.W0 + dt.timedelta(seconds=int(sec))).strftime('%Y-%m-%dT%H:%M:%S') + OFFSET

        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid, a in acc.items():
                if a.bank not in SUPPLY:
                    continue
                if a.opened < self.start[a.bank]:
                    ob = self.first_bal.get(aid, self.snap.get(aid, a.b0))
                else:
                    ob = 0
                ob = max(0, ob)
                if a.ccy != 'CNY':
                    # foreign-currency account: the format asks for the balance in yuan
                    ob = int(round(ob * self.usd_rate))
                w.writerow([aid, a.bank, a.holder, iso(a.opened), a.region, a.cls, fmt_amt(ob), a.status])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for e in vis:
                w.writerow([e[13], iso(e[0]), e[2], e[3], fmt_amt(e[4]), e[10], e[5], e[6], e[7], e[8],
                            'true' if e[9] else 'false'])
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for row in labels:
                w.writerow(row)
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                            'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
                for aid in named:
                    a = acc[aid]
                    hr = a.bank in SUPPLY
                    w.writerow(['account', aid, a.bank, a.holder, 1 if hr else 0, a.role, a.arch,
                                1 if self.holders.get(a.holder, {}).get('farmer') else 0, iso(a.opened),
                                1 if aid in lab_acc else 0, 1 if a.holder in lab_farmer else 0,
                                iso(self.start[a.bank]) if hr else ''])
            with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['txn_id', 'kind'])
                for e in vis:
                    w.writerow([e[13], e[11]])
        self.stats = dict(accounts_rows=sum(1 for a in acc.values() if a.bank in SUPPLY), named=len(named),
                          transfers=len(vis), labels=len(labels),
                          victim_payments=sum(1 for e in vis if e[11] == 'victim_payment'),
                          fraud_accounts=len(cands), labelled_mules=nlab)

    def run(self):
        self.build_firms()
        self.build_people()
        self.lawful_flows()
        self.fraud()
        self.victim_holders = {v['holder'] for v in self.victims}
        self.apply_sales()
        self.reports_and_freezes()
        self.balance_pass()


def main(argv=None):
    ap = argparse.ArgumentParser(description='Kashgar prefecture synthetic banking world (30 days)')
    ap.add_argument('--variant', required=True, choices=sorted(VARIANTS))
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true')
    args = ap.parse_args(argv)
    w = World(args.variant, args.seed)
    w.run()
    w.write(args.out, args.truth)
    s = w.stats
    sys.stderr.write('kashgar %s seed %d: %d account rows (%d accounts named), %d transfers, %d victim payments, '
                     '%d fraud-network accounts (%d labelled), %d label rows\n'
                     % (args.variant, args.seed, s['accounts_rows'], s['named'], s['transfers'],
                        s['victim_payments'], s['fraud_accounts'], s['labelled_mules'], s['labels']))


if __name__ == '__main__':
    main()
