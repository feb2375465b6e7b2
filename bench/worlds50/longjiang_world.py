#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
longjiang_world.py -- an independent synthetic banking world: Heilongjiang and the Russian border
(黑龙江与中俄边境), thirty days of transfers as four or five supplying banks would extract them.

Lawful life: Harbin (universities, hospitals, offices, night markets, Central Street Russian-goods shops, the
winter Ice-Snow World and Yabuli), Mudanjiang, Suifenhe and Dongning (border trade, 边民互市, timber yards and
sawmills), Heihe (border trade, daigou across the river), Jiamusi, Fujin, Tongjiang and Fuyuan (soybean and
rice, the easternmost border), Wuchang rice, cooperatives and grain buyers, and the shrinking coal towns Jixi,
Hegang and Shuangyashan (mine payroll, many pensioners, children working in the south who send money home,
shantytown-redevelopment compensation to long-dormant cards, snowbirds wintering in Hainan).
Fraud: telecom-fraud victims across China (most not in Heilongjiang) paying mule accounts (fresh, aged, rented or
sold), layering across banks and provinces, ATM cash-out in far provinces and near the borders, exits to
payment-firm merchants and USDT sellers, 跑分 participants and card farmers.

Variants: baseline (early summer, June 2024), V2 (autumn harvest and heating season, October-November 2023:
mostly rented or sold old accounts, slow layering, victims paying several times), V3 (ice-and-snow tourist
season, December 2024-January 2025: fresh mules and card farmers, fast exits).

Standard library only.
  python3 longjiang_world.py --variant baseline|V2|V3 --seed N --out DIR [--truth]
writes DIR/accounts.csv, DIR/transfers.csv, DIR/labels.csv (fanzha interchange format v1) and, with --truth,
DIR/truth.csv and DIR/truth_transfers.csv.
"""
import argparse
import csv
import datetime as dt
import heapq
import math
import os
import random
import sys

DAY = 86400
HOUR = 3600
NDAYS = 30
END = NDAYS * DAY

# ------------------------------------------------------------------------------------------------
# GB/T 2260 division codes (districts / county-level cities) used in the world
# ------------------------------------------------------------------------------------------------
R = {
    # Heilongjiang 黑龙江 (23)
    'harbin': ['230102', '230103', '230104', '230108', '230109', '230110'],
    'harbin_sub': ['230111', '230112', '230113'],
    'wuchang': ['230184'], 'shangzhi': ['230183'], 'binxian': ['230125'], 'bayan': ['230126'],
    'yilan': ['230123'],
    'mudanjiang': ['231002', '231003', '231004', '231005'], 'hailin': ['231083'], 'ningan': ['231084'],
    'muling': ['231085'], 'dongning': ['231086'], 'suifenhe': ['231081'], 'linkou': ['231025'],
    'jiamusi': ['230803', '230804', '230805', '230811'], 'fujin': ['230882'], 'tongjiang': ['230881'],
    'fuyuan': ['230883'], 'huanan': ['230822'], 'tangyuan': ['230828'],
    'heihe': ['231102'], 'nenjiang': ['231183'], 'xunke': ['231123'], 'sunwu': ['231124'],
    'beian': ['231181'], 'wudalianchi': ['231182'],
    'jixi': ['230302', '230303', '230304', '230305', '230306', '230307'], 'jidong': ['230321'],
    'hulin': ['230381'], 'mishan': ['230382'],
    'hegang': ['230402', '230403', '230404', '230405', '230406', '230407'], 'luobei': ['230421'],
    'suibin': ['230422'],
    'shuangyashan': ['230502', '230503', '230505', '230506'], 'jixian': ['230521'], 'youyi': ['230522'],
    'baoqing': ['230523'], 'raohe': ['230524'],
    'qiqihar': ['230202', '230203'], 'daqing': ['230602', '230604'], 'suihua': ['231202'],
    'qitaihe': ['230902', '230903'], 'yichun': ['230717'],
    # elsewhere in mainland China
    'beijing': ['110101', '110102', '110105', '110106', '110108', '110114'],
    'tianjin': ['120101', '120103', '120104'],
    'shijiazhuang': ['130102'], 'tangshan': ['130203'], 'baoding': ['130602'],
    'taiyuan': ['140105'], 'datong': ['140213'],
    'hohhot': ['150102'], 'baotou': ['150202'], 'manzhouli': ['150781'], 'erenhot': ['152501'],
    'hailar': ['150702'],
    'shenyang': ['210102', '210103'], 'dalian': ['210202', '210203'], 'dandong': ['210602'],
    'anshan': ['210302'],
    'changchun': ['220102', '220104'], 'jilin_city': ['220202'], 'yanji': ['222401'], 'hunchun': ['222404'],
    'shanghai': ['310101', '310104', '310105', '310112', '310115'],
    'nanjing': ['320102', '320106'], 'suzhou': ['320505', '320506'], 'wuxi': ['320213'],
    'xuzhou': ['320311'], 'nantong': ['320612'],
    'hangzhou': ['330106', '330105'], 'wenzhou': ['330302'], 'yiwu': ['330782'], 'ningbo': ['330203'],
    'jiaxing': ['330402'],
    'hefei': ['340104'], 'wuhu': ['340202'], 'fuyang': ['341202'],
    'fuzhou': ['350102', '350103'], 'xiamen': ['350203', '350206'], 'quanzhou': ['350502'],
    'anxi': ['350524'], 'jinjiang': ['350582'],
    'nanchang': ['360102'], 'ganzhou': ['360702'],
    'jinan': ['370102', '370103'], 'qingdao': ['370202', '370212'], 'linyi': ['371302'],
    'yantai': ['370602'], 'weifang': ['370702'], 'shouguang': ['370783'],
    'zhengzhou': ['410105', '410102'], 'luoyang': ['410302'], 'nanyang': ['411302'],
    'wuhan': ['420106', '420102'], 'yichang': ['420502'],
    'changsha': ['430102', '430103'], 'loudi': ['431302'], 'xinhua': ['431322'], 'yueyang': ['430602'],
    'guangzhou': ['440103', '440104', '440106', '440111'],
    'shenzhen': ['440303', '440304', '440305', '440306', '440307'],
    'dongguan': ['441900'], 'foshan': ['440604', '440606'], 'zhuhai': ['440402'],
    'jieyang': ['445202'], 'lufeng': ['441581'], 'maoming': ['440902'],
    'nanning': ['450103', '450102'], 'pingxiang_gx': ['451481'], 'dongxing': ['450681'],
    'guilin': ['450302'], 'bobai': ['450923'],
    'haikou': ['460105', '460106'], 'sanya': ['460202', '460203', '460204'], 'danzhou': ['460400'],
    'chongqing': ['500103', '500105', '500112'],
    'chengdu': ['510104', '510107', '510108'], 'luzhou': ['510502'],
    'guiyang': ['520102', '520103'],
    'kunming': ['530102', '530103'], 'ruili': ['533102'], 'mengla': ['532823'], 'jinghong': ['532801'],
    'hekou': ['532532'],
    'xian': ['610113', '610104'], 'lanzhou': ['620102'],
    'urumqi': ['650102'], 'khorgas': ['654004'],
}
CITIES_BY_PROV = {}
for _c, _codes in R.items():
    CITIES_BY_PROV.setdefault(_codes[0][:2], []).append(_c)


def is_hlj(city):
    return R[city][0][:2] == '23'


# where the world's lawful residents live (Heilongjiang)
HLJ_URBAN = ['harbin', 'mudanjiang', 'jiamusi', 'jixi', 'hegang', 'shuangyashan', 'qiqihar', 'daqing',
             'heihe', 'suifenhe', 'suihua', 'qitaihe', 'yichun']
HLJ_TOWNS = ['harbin_sub', 'wuchang', 'shangzhi', 'binxian', 'bayan', 'yilan', 'hailin', 'ningan', 'muling',
             'dongning', 'linkou', 'fujin', 'tongjiang', 'fuyuan', 'huanan', 'tangyuan', 'nenjiang', 'xunke',
             'sunwu', 'beian', 'wudalianchi', 'jidong', 'hulin', 'mishan', 'luobei', 'suibin', 'jixian',
             'youyi', 'baoqing', 'raohe']
CITY_W = {'harbin': 40, 'mudanjiang': 8, 'jiamusi': 7, 'jixi': 6, 'hegang': 5, 'shuangyashan': 5,
          'heihe': 3, 'suifenhe': 3, 'qiqihar': 2, 'daqing': 2, 'suihua': 1, 'qitaihe': 1, 'yichun': 1,
          'dongning': 2, 'fuyuan': 1.2, 'tongjiang': .8, 'fujin': 1.5, 'wuchang': 2, 'shangzhi': 1.5,
          'hailin': 1.5, 'ningan': 1, 'muling': .8, 'mishan': 1, 'hulin': .8, 'jidong': .7, 'luobei': .7,
          'baoqing': 1, 'youyi': .6, 'raohe': .5, 'jixian': .6, 'nenjiang': 1, 'beian': .7,
          'harbin_sub': 2, 'binxian': .8, 'bayan': .8, 'yilan': .6, 'huanan': .7, 'tangyuan': .5,
          'xunke': .4, 'sunwu': .4, 'wudalianchi': .5, 'suibin': .4, 'linkou': .6}
TOWN_HUB = {'harbin_sub': 'harbin', 'wuchang': 'harbin', 'shangzhi': 'harbin', 'binxian': 'harbin',
            'bayan': 'harbin', 'yilan': 'harbin', 'hailin': 'mudanjiang', 'ningan': 'mudanjiang',
            'muling': 'mudanjiang', 'dongning': 'mudanjiang', 'suifenhe': 'mudanjiang', 'linkou': 'mudanjiang',
            'fujin': 'jiamusi', 'tongjiang': 'jiamusi', 'fuyuan': 'jiamusi', 'huanan': 'jiamusi',
            'tangyuan': 'jiamusi', 'nenjiang': 'heihe', 'xunke': 'heihe', 'sunwu': 'heihe', 'beian': 'heihe',
            'wudalianchi': 'heihe', 'jidong': 'jixi', 'hulin': 'jixi', 'mishan': 'jixi', 'luobei': 'hegang',
            'suibin': 'hegang', 'jixian': 'shuangyashan', 'youyi': 'shuangyashan', 'baoqing': 'shuangyashan',
            'raohe': 'shuangyashan', 'qitaihe': 'jixi', 'yichun': 'harbin', 'suihua': 'harbin',
            'qiqihar': 'harbin', 'daqing': 'harbin'}
COAL_TOWNS = ['jixi', 'hegang', 'shuangyashan', 'qitaihe']
BORDER_TOWNS = ['suifenhe', 'dongning', 'heihe', 'fuyuan', 'tongjiang', 'luobei', 'raohe', 'xunke',
                'hulin', 'mishan', 'sunwu']
FARM_TOWNS = ['wuchang', 'fujin', 'baoqing', 'youyi', 'nenjiang', 'huanan', 'tangyuan', 'jixian', 'suibin',
              'bayan', 'binxian', 'beian', 'tongjiang', 'fuyuan', 'hulin', 'mishan', 'jidong', 'xunke',
              'wudalianchi', 'harbin_sub', 'suihua']
SOUTH_WORK = {'dongguan': 8, 'shenzhen': 8, 'guangzhou': 6, 'foshan': 4, 'suzhou': 5, 'shanghai': 5,
              'hangzhou': 4, 'ningbo': 3, 'beijing': 5, 'tianjin': 3, 'dalian': 4, 'qingdao': 3,
              'xiamen': 2, 'chengdu': 1, 'sanya': 1, 'haikou': 1}
# provinces of telecom-fraud victims (weights; Heilongjiang is '23')
VICTIM_PROV = {'44': 12, '37': 7, '41': 7, '32': 7, '33': 6, '51': 6, '42': 5, '43': 5, '13': 5, '34': 4,
               '35': 4, '11': 3, '31': 3, '21': 3, '22': 2, '61': 3, '36': 3, '45': 3, '50': 3, '53': 2,
               '52': 2, '14': 2, '15': 2, '12': 1.5, '46': .7, '62': 1, '65': 1, '23': 10}
TOURIST_PROV = {'44': 25, '31': 9, '33': 10, '32': 10, '51': 8, '35': 6, '43': 5, '42': 5, '45': 5,
                '53': 4, '50': 4, '11': 6, '41': 3, '37': 3, '46': 2, '36': 3, '34': 2, '52': 2}
MULE_HOME = {'harbin': 10, 'jixi': 4, 'hegang': 4, 'shuangyashan': 3, 'qitaihe': 2, 'mudanjiang': 2,
             'jiamusi': 2, 'suihua': 2, 'qiqihar': 2,
             'nanning': 4, 'bobai': 3, 'guilin': 2, 'pingxiang_gx': 2, 'guangzhou': 3, 'dongguan': 3,
             'maoming': 2, 'lufeng': 2, 'jieyang': 2, 'changsha': 3, 'loudi': 2, 'xinhua': 3, 'kunming': 3,
             'hohhot': 3, 'baotou': 2, 'changchun': 2, 'yanji': 2, 'zhengzhou': 3, 'nanyang': 2,
             'chengdu': 3, 'chongqing': 3, 'wuhan': 2, 'nanchang': 2, 'ganzhou': 2, 'fuzhou': 1,
             'anxi': 2, 'danzhou': 2, 'haikou': 1, 'hefei': 2, 'fuyang': 2, 'shenyang': 2, 'guiyang': 2}
CASH_REGIONS = {  # ATM cash-out: far provinces and near the borders
    'far': ['dongguan', 'shenzhen', 'guangzhou', 'foshan', 'maoming', 'nanning', 'xiamen', 'haikou',
            'kunming', 'chengdu', 'chongqing'],
    'border': ['dongxing', 'pingxiang_gx', 'ruili', 'mengla', 'hekou', 'jinghong', 'suifenhe', 'heihe',
               'dongning', 'fuyuan', 'manzhouli', 'erenhot', 'hunchun', 'dandong', 'khorgas'],
}

# ------------------------------------------------------------------------------------------------
# institutions: card BINs (debit), card length, corporate account prefix and length
# ------------------------------------------------------------------------------------------------
BANKS = {
    'ICBC': (['622202', '621226', '621558', '622208'], 19, '3500', 19),
    'ABC': (['622848', '622845', '621336'], 19, '0804', 17),
    'CCB': (['621700', '622700', '621284'], 19, '2305', 20),
    'BOC': (['621661', '621785', '621790'], 19, '1692', 12),
    'PSBC': (['621799', '622188', '621098'], 19, '9230', 18),
    'BOCOM': (['622262', '622260'], 19, '2310', 21),
    'CMB': (['621483', '622588', '621286'], 16, '4519', 15),
    'CIB': (['622908', '622909'], 18, '5620', 18),
    'CITIC': (['621771', '622690'], 16, '8111', 19),
    'CEB': (['622660', '621489'], 16, '3593', 16),
    'CMBC': (['622622', '621691'], 16, '6320', 16),
    'PAB': (['622298', '621626'], 19, '1501', 14),
    'SPDB': (['621792', '622521'], 16, '6501', 17),
    'HXB': (['622632', '623021'], 16, '1065', 14),
    'HRBB': (['622425', '621577'], 19, '1001', 16),
    'LJB': (['622860', '621467'], 19, '2001', 18),
    'HLJRCU': (['621460', '623162'], 19, '0231', 18),
}
PROV_RCU = {'44': 'GDRCU', '45': 'GXRCU', '53': 'YNRCU', '43': 'HNRCU', '37': 'SDRCU', '41': 'HARCU',
            '51': 'SCRCU', '15': 'NMRCU', '22': 'JLRCU', '35': 'FJRCU', '42': 'HBRCU', '34': 'AHRCU',
            '32': 'JSRCU', '33': 'ZJRCU', '13': 'HEBRCU', '21': 'LNRCU', '36': 'JXRCU', '50': 'CQRCB',
            '11': 'BJRCB', '31': 'SHRCB', '12': 'TJRCB', '14': 'SXRCU', '46': 'HAINRCU', '52': 'GZRCU',
            '61': 'SNRCU', '62': 'GSRCU', '65': 'XJRCU', '23': 'HLJRCU'}
for _i, (_p, _b) in enumerate(sorted(PROV_RCU.items())):
    if _b not in BANKS:
        BANKS[_b] = (['62%04d' % (1300 + _i * 37), '62%04d' % (3100 + _i * 41)], 19, '%02d%02d' % (int(_p), _i), 18)
PAYFIRMS = {'ALIPAY': ('2088', 16), 'TENPAY': ('1900', 14), 'LAKALA': ('822', 15), 'YEEPAY': ('10012', 16),
            'SUMPAY': ('889', 15), 'HUIFU': ('6666', 14), 'UMSPAY': ('898', 15)}
FOREIGN = {'SBER': '4070215640', 'VTB': '4070215600', 'PSBRU': '4070215670', 'ATBRU': '4070215690'}

HLJ_URBAN_BANKS = {'ICBC': 17, 'CCB': 15, 'ABC': 13, 'BOC': 9, 'PSBC': 10, 'HRBB': 10, 'LJB': 6,
                   'HLJRCU': 6, 'BOCOM': 4, 'CMB': 4, 'CITIC': 2, 'CEB': 2, 'CMBC': 1, 'HXB': 1}
HLJ_RURAL_BANKS = {'HLJRCU': 28, 'PSBC': 20, 'ABC': 20, 'ICBC': 9, 'CCB': 9, 'BOC': 4, 'LJB': 6, 'HRBB': 4}
NATIONAL_BANKS = {'ICBC': 17, 'CCB': 15, 'ABC': 14, 'BOC': 10, 'PSBC': 9, 'CMB': 8, 'BOCOM': 5, 'CIB': 4,
                  'PAB': 4, 'CITIC': 3, 'SPDB': 3, 'CMBC': 3, 'CEB': 2, 'HXB': 1, 'RCU': 6}
MULE_BANKS = {'ICBC': 15, 'ABC': 14, 'CCB': 13, 'PSBC': 12, 'BOC': 8, 'RCU': 12, 'CMB': 5, 'BOCOM': 4,
              'CIB': 3, 'PAB': 3, 'HRBB': 3, 'LJB': 2, 'CITIC': 2, 'CMBC': 2, 'SPDB': 2}

# ------------------------------------------------------------------------------------------------
# time-of-day profiles (weights per hour 0..23)
# ------------------------------------------------------------------------------------------------
PROF = {
    'person': [2, 1, .5, .3, .3, .6, 2, 5, 7, 8, 9, 10, 10, 8, 8, 8, 8, 9, 10, 11, 11, 10, 7, 4],
    'biz': [.1, .05, .05, .05, .05, .1, .3, 1, 5, 10, 10, 9, 5, 8, 10, 10, 8, 4, 1, .5, .3, .2, .1, .1],
    'batch': [0, 0, 0, 0, 0, 0, 0, 0, 2, 10, 8, 4, 1, 2, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0],
    'night': [8, 7, 5, 3, 1, .3, .2, .2, .2, .2, .3, .5, 1, .5, .5, .5, .5, 1, 2, 4, 6, 8, 9, 9],
    'evening': [1, .5, .2, .1, .1, .1, .3, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2, 4, 6, 7, 8, 8, 6, 3],
    'morning': [.1, .1, .1, .1, .3, 1, 3, 8, 10, 8, 5, 3, 2, 1, 1, 1, 1, 1, 1, .5, .3, .2, .1, .1],
    'atm': [.5, .3, .2, .1, .1, .3, 1, 3, 6, 8, 9, 9, 8, 8, 8, 8, 9, 9, 8, 6, 4, 3, 2, 1],
    'fraud': [3, 2.5, 2, 1.5, 1, 1, 2, 4, 6, 7, 8, 8, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 3.5],
    'elder': [.1, .1, .1, .1, .5, 2, 5, 9, 10, 10, 8, 5, 3, 4, 5, 5, 4, 2, 1, .5, .3, .1, .1, .1],
    'counter': [0, 0, 0, 0, 0, 0, 0, 0, .5, 8, 10, 9, 6, 5, 8, 9, 8, 4, 0, 0, 0, 0, 0, 0],
    'wedding': [.5, .3, .2, .2, 1, 4, 8, 10, 10, 8, 5, 3, 2, 2, 2, 3, 4, 6, 8, 8, 6, 4, 2, 1],
    'young': [4, 3, 1.5, .7, .3, .3, .6, 2, 4, 6, 7, 8, 9, 8, 7, 7, 7, 8, 9, 11, 12, 12, 10, 7],
}
PROF_CUM = {}
for _k, _w in PROF.items():
    _c, _s = [], 0.0
    for _x in _w:
        _s += _x
        _c.append(_s)
    PROF_CUM[_k] = _c
HOURS24 = list(range(24))

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(s17):
    return ID_C[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def uscc_check(s17):
    v = 31 - sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if v == 31 else v]


def luhn(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def Y(x):
    """yuan (float) -> fen (int)"""
    return int(round(x * 100))


def rnd(x, step):
    return max(step, int(round(x / step)) * step)


def fmt_fen(f):
    return '%d.%02d' % (f // 100, f % 100)


class Acc(object):
    __slots__ = ('id', 'bank', 'holder', 'opened', 'region', 'cls', 'role', 'arch', 'status', 'city', 'm')


VARIANTS = {
    'baseline': dict(start=(2024, 6, 3), season='summer', salt=11,
                     supplying=['ICBC', 'ABC', 'PSBC', 'HRBB', 'HLJRCU']),
    'V2': dict(start=(2023, 10, 9), season='harvest', salt=23,
               supplying=['ICBC', 'ABC', 'PSBC', 'HLJRCU']),
    'V3': dict(start=(2024, 12, 16), season='icesnow', salt=37,
               supplying=['ICBC', 'ABC', 'CCB', 'PSBC', 'HLJRCU']),
}

# ------------------------------------------------------------------------------------------------
# population sizes per variant (lawful life) and fraud settings
# ------------------------------------------------------------------------------------------------
POP = {
    'baseline': dict(salaried=1180, pension_coal=580, pension_city=260, miners=290, students=440,
                     rus_students=12, farmers=440, coops=22, seasonal=200, brokers=10, wholesalers=28,
                     shops=80, hushi=220, hushi_coops=6, exporters=8, daigou=18, sawmills=14,
                     timber_workers=100, truckers=40, guesthouses=50, drivers=45, guides=28, rentals=12,
                     tourists=360, stalls=230, landlords=100, weddings=14, pools=28, bigbuys=40,
                     dormant=240, reactivated=20, microsellers=34, migrants=100, summer_retirees=45,
                     snowbirds=0, lenders=6, usdt_buyers=40),
    'V2': dict(salaried=1450, pension_coal=540, pension_city=230, miners=330, students=540,
               rus_students=12, farmers=520, coops=24, seasonal=380, brokers=32, wholesalers=28,
               shops=80, hushi=220, hushi_coops=6, exporters=8, daigou=16, sawmills=14,
               timber_workers=100, truckers=48, guesthouses=28, drivers=22, guides=10, rentals=4,
               tourists=110, stalls=220, landlords=100, weddings=22, pools=28, bigbuys=40,
               dormant=240, reactivated=20, microsellers=34, migrants=100, summer_retirees=0,
               snowbirds=40, lenders=6, usdt_buyers=40),
    'V3': dict(salaried=1100, pension_coal=530, pension_city=200, miners=290, students=430,
               rus_students=12, farmers=400, coops=22, seasonal=60, brokers=22, wholesalers=28,
               shops=90, hushi=200, hushi_coops=6, exporters=8, daigou=14, sawmills=14,
               timber_workers=100, truckers=40, guesthouses=100, drivers=100, guides=70, rentals=36,
               tourists=480, stalls=220, landlords=100, weddings=12, pools=28, bigbuys=36,
               dormant=240, reactivated=20, microsellers=40, migrants=120, summer_retirees=0,
               snowbirds=130, lenders=6, usdt_buyers=40),
}

FRAUD = {
    # target of victim payments (all, before censoring), groups, mule-type mixes per layer, holding times
    'baseline': dict(victim_pay=(600, 720), groups=12, depth=(2, 4), slots1=(2, 4), slotsd=(1, 3),
                     use1=(1.0, 5.0), used=(3.0, 10.0), mix1={'fresh': 35, 'aged': 25, 'rented': 12,
                                                              'sold': 10, 'farmer': 18},
                     mixd={'fresh': 30, 'aged': 25, 'farmer': 30, 'sold': 15},
                     delay1=(600, 1.0, 60, 6 * HOUR), delayd=(900, 1.0, 60, 8 * HOUR),
                     delayc=(3600, 1.0, 300, 30 * HOUR), multi=1.0, farmers=(4, 6),
                     farm_burst=(-45, 12), paofen=(18, 26), cash_share=(.35, .65), p_direct_exit=.06,
                     fresh_open=(2 * HOUR, 10 * DAY), usdt=(14, 20), merch=(8, 12)),
    'V2': dict(victim_pay=(740, 860), groups=9, depth=(3, 4), slots1=(2, 4), slotsd=(1, 3),
               use1=(4.0, 14.0), used=(6.0, 18.0), mix1={'rented': 45, 'sold': 30, 'aged': 15, 'fresh': 5,
                                                         'farmer': 5},
               mixd={'rented': 35, 'sold': 30, 'aged': 20, 'farmer': 10, 'fresh': 5},
               delay1=(6 * HOUR, 1.0, 20 * 60, 4 * DAY), delayd=(10 * HOUR, 1.0, 30 * 60, 4 * DAY),
               delayc=(20 * HOUR, .8, 2 * HOUR, 5 * DAY), multi=1.6, farmers=(2, 3),
               farm_burst=(-80, -10), paofen=(14, 20), cash_share=(.45, .75), p_direct_exit=.02,
               fresh_open=(1 * DAY, 12 * DAY), usdt=(10, 14), merch=(6, 8)),
    'V3': dict(victim_pay=(560, 690), groups=14, depth=(2, 3), slots1=(2, 4), slotsd=(1, 3),
               use1=(0.4, 3.0), used=(1.0, 6.0), mix1={'fresh': 58, 'farmer': 27, 'aged': 10, 'rented': 5},
               mixd={'fresh': 45, 'farmer': 45, 'aged': 10},
               delay1=(150, .8, 20, HOUR), delayd=(200, .8, 20, 2 * HOUR), delayc=(1200, .9, 120, 8 * HOUR),
               multi=1.0, farmers=(8, 12), farm_burst=(-12, 16), paofen=(20, 30), cash_share=(.15, .4),
               p_direct_exit=.22, fresh_open=(1 * HOUR, 5 * DAY), usdt=(16, 24), merch=(10, 14)),
}

# consumer merchant categories: weight, median amount (yuan), sigma
MCAT = {
    'supermarket': (30, 85, .8), 'restaurant': (22, 130, .7), 'pharmacy': (8, 65, .7),
    'clothing': (7, 320, .7), 'electronics': (3, 1500, .8), 'gas': (8, 260, .4), 'hotel': (2, 380, .5),
    'furniture': (1, 2800, .8), 'jewelry': (1, 4200, .8), 'agri': (4, 700, 1.0), 'telecom': (3, 100, .4),
    'bakery': (5, 45, .6), 'education': (2, 1800, .6),
}
MCAT_KEYS = list(MCAT)
MCAT_CUM = []
_s = 0
for _k in MCAT_KEYS:
    _s += MCAT[_k][0]
    MCAT_CUM.append(_s)
CITY_MSIZE = {'harbin': 150, 'mudanjiang': 40, 'jiamusi': 35, 'jixi': 30, 'hegang': 26, 'shuangyashan': 26,
              'qiqihar': 16, 'daqing': 16, 'heihe': 22, 'suifenhe': 24, 'qitaihe': 12, 'suihua': 10,
              'yichun': 10, 'dongning': 14, 'fuyuan': 10, 'shangzhi': 14, 'hailin': 12, 'wuchang': 12,
              'sanya': 14, 'haikou': 8}


class World(object):
    def __init__(self, variant, seed):
        cfg = VARIANTS[variant]
        self.variant = variant
        self.cfg = cfg
        self.pop = POP[variant]
        self.fc = FRAUD[variant]
        self.season = cfg['season']
        self.r = random.Random(seed * 1000003 + cfg['salt'])
        self.t0 = dt.datetime(*cfg['start'])
        self.supplying = list(cfg['supplying'])
        days = self.r.sample(range(0, 13), len(self.supplying))
        self.start = {b: d * DAY for b, d in zip(self.supplying, days)}
        self.acc = {}
        self.holders = {}
        self.tx = []
        self.used_ids = set()
        self.dropped = 0
        self.need_life = []
        self.pool = {}            # city -> primary accounts of residents (for P2P, guests, tenants)
        self.merch = {}           # city -> list of (aid, cat)
        self.emp = {}             # (city, etype) -> list of employer dicts
        self.emp_by_aid = {}
        self.wcache = {}
        self.heat = {}
        self.outsiders = {}
        self.cpool = {}
        self.ext_emp = {}
        self.hid_accts = {}
        self.labels_tx = set()    # membership only
        self.truth_kind = {}
        self.events = []          # large one-off events for the report
        self.holidays = {'summer': {5, 6, 7}, 'harvest': set(), 'icesnow': {16}}[self.season]
        self.fest_days = {'summer': [14, 15], 'harvest': [15, 22, 23], 'icesnow': [8, 16, 20, 25, 26]}[self.season]
        self.pay_mult = {'summer': 1.35, 'harvest': 1.6, 'icesnow': 1.1}[self.season]

    # ---------------- basic helpers ----------------
    def sup(self, bank):
        return bank in self.start

    def reg(self, city):
        c = R[city]
        return c[0] if len(c) == 1 else c[self.r.randrange(len(c))]

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, d):
        k = id(d)
        e = self.wcache.get(k)
        if e is None or e[2] is not d:
            keys = list(d.keys())
            cum, s = [], 0.0
            for kk in keys:
                s += d[kk]
                cum.append(s)
            e = (keys, cum, d)
            self.wcache[k] = e
        return self.r.choices(e[0], cum_weights=e[1])[0]

    def ln(self, med, sig):
        return med * math.exp(self.r.gauss(0.0, sig))

    def clip(self, x, lo, hi):
        return lo if x < lo else hi if x > hi else x

    def at(self, day, prof='person'):
        h = self.r.choices(HOURS24, cum_weights=PROF_CUM[prof])[0]
        return day * DAY + h * HOUR + self.r.randrange(HOUR)

    def wd(self, day):
        return (self.t0.weekday() + day) % 7

    def workday(self, day):
        return self.wd(day) < 5 and day not in self.holidays

    def next_workday(self, day):
        while day < NDAYS - 1 and not self.workday(day):
            day += 1
        return day

    def dom_day(self, dom):
        for d in range(NDAYS):
            if (self.t0 + dt.timedelta(days=d)).day == dom:
                return d
        return min(NDAYS - 1, dom)

    def date_of(self, day):
        return self.t0 + dt.timedelta(days=day)

    def iso(self, ts):
        return (self.t0 + dt.timedelta(seconds=int(ts))).strftime('%Y-%m-%dT%H:%M:%S') + '+08:00'

    def rand_city(self, prov_w):
        p = self.wpick(prov_w)
        return self.pick(CITIES_BY_PROV[p])

    def hlj_city(self):
        return self.wpick(CITY_W)

    # ---------------- holders ----------------
    def person(self, city, age_lo=20, age_hi=60, arch='', idcity=None):
        r = self.r
        while True:
            region = self.reg(idcity or city)
            age = r.randint(age_lo, age_hi)
            bd = dt.date(self.t0.year - age, 1, 1) + dt.timedelta(days=r.randrange(365))
            s17 = region + bd.strftime('%Y%m%d') + '%03d' % r.randrange(1000)
            hid = s17 + id_check(s17)
            if hid not in self.holders:
                self.holders[hid] = {'kind': 'person', 'arch': arch, 'farmer': False, 'city': city, 'age': age}
                return hid

    def company(self, city, arch, lead='91'):
        r = self.r
        while True:
            region = self.reg(city)
            if r.random() < 0.5:
                org = 'MA' + ''.join(r.choice(USCC_CH) for _ in range(7))
            else:
                org = ''.join(str(r.randrange(10)) for _ in range(8)) + r.choice('0123456789X')
            s17 = lead + region + org
            hid = s17 + uscc_check(s17)
            if hid not in self.holders:
                self.holders[hid] = {'kind': 'corp', 'arch': arch, 'farmer': False, 'city': city, 'age': 0}
                return hid

    def foreign_holder(self, arch, corp=True):
        while True:
            hid = 'RU' + '%010d' % self.r.randrange(10 ** 10) if corp else 'RU' + '%012d' % self.r.randrange(10 ** 12)
            if hid not in self.holders:
                self.holders[hid] = {'kind': 'foreign', 'arch': arch, 'farmer': False, 'city': '', 'age': 0}
                return hid

    # ---------------- accounts ----------------
    def new_id(self, bank, kind):
        r = self.r
        while True:
            if bank in BANKS:
                bins, clen, cpre, corlen = BANKS[bank]
                if kind == 'corp':
                    n = corlen - len(cpre)
                    s = cpre + '%0*d' % (n, r.randrange(10 ** n))
                else:
                    b = bins[r.randrange(len(bins))]
                    n = clen - len(b) - 1
                    body = b + '%0*d' % (n, r.randrange(10 ** n))
                    s = body + luhn(body)
            elif bank in PAYFIRMS:
                pre, ln = PAYFIRMS[bank]
                n = ln - len(pre)
                s = pre + '%0*d' % (n, r.randrange(10 ** n))
            elif bank in FOREIGN:
                pre = FOREIGN[bank] if kind == 'corp' else '4081715600'
                s = pre + '%010d' % r.randrange(10 ** 10)
            elif bank == 'PBOC':
                s = '2701' + '%012d' % r.randrange(10 ** 12)
            else:
                raise ValueError(bank)
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def open_on(self, day):
        return int(day) * DAY + int(self.r.uniform(8.8, 16.6) * HOUR)

    def old_open(self, ylo, yhi, age=None):
        if age is not None:
            yhi = max(ylo + 0.1, min(yhi, age - 16))
        return self.open_on(-int(self.r.uniform(ylo, yhi) * 365) - 1)

    def account(self, hid, bank, opened, city, cls='I', role='lawful', arch='', kind='card', region=None):
        a = Acc()
        a.id = self.new_id(bank, kind)
        a.bank = bank
        a.holder = hid
        a.opened = int(opened)
        a.city = city
        a.region = region or self.reg(city)
        a.cls = cls
        a.role = role
        a.arch = arch
        a.status = 'active'
        a.m = None
        self.acc[a.id] = a
        self.hid_accts.setdefault(hid, []).append(a.id)
        return a.id

    def pick_bank(self, city, shares=None, nonsup=False, avoid=()):
        prov = R[city][0][:2]
        if shares is None:
            if prov == '23':
                shares = HLJ_URBAN_BANKS if city in HLJ_URBAN else HLJ_RURAL_BANKS
            else:
                shares = NATIONAL_BANKS
        for _ in range(60):
            b = self.wpick(shares)
            if b == 'RCU':
                b = PROV_RCU.get(prov, 'HLJRCU')
            if nonsup and self.sup(b):
                continue
            if b in avoid:
                continue
            return b
        return 'CMB' if not self.sup('CMB') else 'CIB'

    def corp_acct(self, city, arch, bank=None, lead='91', years=(3, 20), nonsup=False, shares=None):
        hid = self.company(city, arch, lead)
        bank = bank or self.pick_bank(city, shares, nonsup)
        return self.account(hid, bank, self.old_open(*years), city, 'corp', 'lawful', arch, 'corp')

    def second_account(self, hid, city, arch, ylo=0.5, yhi=12, cls='I', avoid=(), age=None):
        bank = self.pick_bank(city, avoid=avoid)
        return self.account(hid, bank, self.old_open(ylo, yhi, age), city, cls, 'lawful', arch)

    def add(self, ts, f, t, fen, ch, reg='', kind='transfer', memo='', xb=False, tk='ordinary'):
        ts = int(ts)
        if ts < 0 or ts >= END or fen <= 0:
            self.dropped += 1
            return False
        if f is not None and self.acc[f].opened > ts - 60:
            self.dropped += 1
            return False
        if t is not None and self.acc[t].opened > ts - 60:
            self.dropped += 1
            return False
        self.tx.append((ts, f, t, int(fen), ch, reg, kind, memo, xb, tk))
        return True

    def dstart(self, aid, lo=0):
        o = self.acc[aid].opened
        return max(lo, 0 if o < 0 else o // DAY + 1)

    # ---------------- shared counterparties ----------------
    def infra(self):
        r = self.r
        self.settle = {}
        for firm, city in (('TENPAY', 'shenzhen'), ('ALIPAY', 'hangzhou')):
            hid = self.company(city, 'payment_firm')
            self.settle[firm] = [self.account(hid, firm, self.old_open(10, 15), city, 'corp', 'lawful',
                                              'payment_settlement', 'corp') for _ in range(3)]
        self.platform = {}
        for name, city in (('MEITUAN', 'beijing'), ('CTRIP', 'shanghai'), ('DOUYIN', 'beijing'),
                           ('PDD', 'shanghai'), ('JD', 'beijing'), ('MANBANG', 'guiyang'), ('WEBANK', 'shenzhen')):
            self.platform[name] = self.corp_acct(city, 'platform_' + name.lower(), nonsup=True, years=(5, 12))
        self.si_fund = self.corp_acct('harbin', 'social_insurance_fund', bank='ICBC', lead='12', years=(15, 25))
        self.pension_day = self.dom_day(13)
        hid = self.company('harbin', 'state_treasury', '11')
        self.treasury = self.account(hid, 'PBOC', self.old_open(20, 30), 'harbin', 'corp', 'lawful',
                                     'state_treasury', 'corp')
        self.grid = self.corp_acct('harbin', 'utility_electricity', years=(15, 25))
        self.mobile = self.corp_acct('harbin', 'utility_telecom', years=(15, 25))
        self.railway = self.corp_acct('beijing', 'railway_12306', nonsup=True, years=(10, 15))
        self.couriers = [self.corp_acct(c, 'courier', nonsup=True, years=(5, 15))
                         for c in ('shenzhen', 'shanghai', 'hangzhou')]
        self.etc = self.corp_acct('harbin', 'toll_etc', years=(5, 12))
        self.ru_exporters = []
        for i in range(22):
            hid = self.foreign_holder('russian_exporter')
            bank = self.pick(list(FOREIGN))
            self.ru_exporters.append(self.account(hid, bank, self.old_open(3, 20), 'suifenhe', 'corp',
                                                  'lawful', 'russian_exporter', 'corp', region=''))
        self.ru_importers = []
        for i in range(10):
            hid = self.foreign_holder('russian_importer')
            bank = self.pick(list(FOREIGN))
            self.ru_importers.append(self.account(hid, bank, self.old_open(3, 20), 'suifenhe', 'corp',
                                                  'lawful', 'russian_importer', 'corp', region=''))
        self.car_dealers = [self.corp_acct(c, 'car_dealer') for c in
                            ('harbin', 'harbin', 'harbin', 'mudanjiang', 'jiamusi', 'jixi', 'heihe')]
        self.mach_dealers = [self.corp_acct(c, 'farm_machinery_dealer') for c in
                             ('harbin', 'jiamusi', 'suihua', 'fujin', 'nenjiang')]
        self.developers = {c: [self.corp_acct(c, 'property_developer') for _ in range(n)] for c, n in
                           (('harbin', 4), ('mudanjiang', 1), ('jiamusi', 1), ('jixi', 1), ('hegang', 1),
                            ('shuangyashan', 1), ('heihe', 1), ('suifenhe', 1))}
        self.housing_bureau = {c: self.corp_acct(c, 'housing_bureau', lead='11') for c in
                               ('jixi', 'hegang', 'shuangyashan', 'qitaihe')}
        self.universities = []
        for name in ('HIT', 'HEU', 'NEFU', 'HLJU', 'HMU'):
            aid = self.corp_acct('harbin', 'university', lead='12', years=(15, 25))
            e = {'aid': aid, 'payday': self.dom_day(r.choice([5, 10, 15])), 'etype': 'university',
                 'city': 'harbin', 'total': 0, 'public': True}
            self.universities.append(e)
            self.emp_by_aid[aid] = e
        self.icesnow = self.corp_acct('harbin', 'icesnow_world')
        self.yabuli = self.corp_acct('shangzhi', 'ski_resort')
        self.snowtown = self.corp_acct('hailin', 'snowtown_scenic_operator')
        self.depots = [self.corp_acct(c, 'grain_depot', years=(8, 20)) for c in
                       ('jiamusi', 'fujin', 'nenjiang', 'suihua', 'baoqing', 'wuchang')]
        self.grain_buyers_ext = [self.corp_acct(c, 'feed_mill_or_processor', nonsup=True) for c in
                                 ('shenyang', 'dalian', 'changchun', 'jinan', 'weifang', 'shijiazhuang',
                                  'tianjin', 'zhengzhou')]
        self.rice_buyers = [self.corp_acct(c, 'rice_distributor', nonsup=(r.random() < .7)) for c in
                            ('guangzhou', 'shenzhen', 'shanghai', 'beijing', 'hangzhou', 'nanjing', 'xiamen',
                             'chengdu', 'wuhan', 'changsha', 'harbin', 'dalian')]
        self.timber_buyers = [self.corp_acct(c, 'furniture_or_building_buyer', nonsup=True) for c in
                              ('foshan', 'dongguan', 'linyi', 'tangshan', 'suzhou', 'tianjin', 'shenyang',
                               'qingdao', 'changzhou' if 'changzhou' in R else 'wuxi')]
        self.wholesale_suppliers = {}
        self.agri_suppliers = [self.corp_acct(c, 'agri_input_supplier') for c in
                               ('harbin', 'jiamusi', 'fujin', 'suihua', 'wuchang', 'baoqing', 'nenjiang')]
        self.insurers = [self.corp_acct('harbin', 'insurer', nonsup=True) for _ in range(3)]
        self.coal_sellers = [self.corp_acct(c, 'coal_retailer') for c in ('jixi', 'hegang', 'harbin',
                                                                          'shuangyashan', 'shangzhi')]

    def heating(self, city):
        hub = city if city in HLJ_URBAN else 'harbin'
        if hub not in self.heat:
            self.heat[hub] = self.corp_acct(hub, 'heating_company', years=(10, 25))
        return self.heat[hub]

    def supplier(self, city):
        """a wholesale supplier for merchants of a city"""
        lst = self.wholesale_suppliers.setdefault(city, [])
        if len(lst) < (6 if is_hlj(city) else 2) and (not lst or self.r.random() < .3):
            lst.append(self.corp_acct(city if is_hlj(city) else city, 'wholesale_supplier',
                                      nonsup=not is_hlj(city)))
        return self.pick(lst)

    def merchants(self, city):
        lst = self.merch.get(city)
        if lst is None:
            r = self.r
            n = CITY_MSIZE.get(city, 8 if is_hlj(city) else 5)
            lst = []
            hlj = is_hlj(city)
            for i in range(n):
                cat = r.choices(MCAT_KEYS, cum_weights=MCAT_CUM)[0]
                if city in HLJ_TOWNS and r.random() < .15:
                    cat = 'agri'
                if r.random() < 0.8 or not hlj:
                    aid = self.corp_acct(city, 'merchant_' + cat, nonsup=not hlj, years=(0.5, 18))
                else:
                    hid = self.person(city, 28, 62, 'merchant_' + cat)
                    aid = self.account(hid, self.pick_bank(city), self.old_open(1, 15), city, 'I', 'lawful',
                                       'merchant_personal_' + cat)
                lst.append((aid, cat))
            self.merch[city] = lst
            cw, s = [], 0.0
            for i in range(n):
                s += 1.0 / (i + 1.5)
                cw.append(s)
            self.merch[city + '#cw'] = cw
        return lst

    def merchant(self, city, cat=None):
        lst = self.merchants(city)
        if cat is not None:
            c = [x for x in lst if x[1] == cat]
            if c:
                return self.pick(c)
        return self.r.choices(lst, cum_weights=self.merch[city + '#cw'])[0]

    def pos(self, aid, city, day, prof='person', level=1.0, cat=None, ts=None):
        m, c = self.merchant(city, cat)
        _, med, sig = MCAT[c]
        amt = Y(max(2.0, self.ln(med * level, sig)))
        if c in ('gas', 'telecom') and self.r.random() < .5:
            amt = rnd(amt, 5000)
        return self.add(ts if ts is not None else self.at(day, prof), aid, m, amt, 'pos', self.acc[m].region)

    def wallet(self, aid, day, med=60, prof='person', reg=None):
        fp = self.pick(self.settle['TENPAY'] if self.r.random() < .56 else self.settle['ALIPAY'])
        amt = Y(max(1.0, self.ln(med, 0.9)))
        if self.r.random() < .25:
            amt = rnd(amt, 10000)
        return self.add(self.at(day, prof), aid, fp, amt, 'mobile', reg or self.acc[aid].region)

    def wallet_out(self, aid, day, amt, prof='person', memo='提现'):
        fp = self.pick(self.settle['TENPAY'] if self.r.random() < .6 else self.settle['ALIPAY'])
        return self.add(self.at(day, prof), fp, aid, amt, 'other', '', memo=memo)

    def consume(self, aid, city, d0, d1, n_pos, n_pay, level=1.0, prof='person', reg=None):
        r = self.r
        d0 = max(d0, self.dstart(aid))
        if d1 <= d0:
            return
        for _ in range(n_pos):
            self.pos(aid, city, r.randrange(d0, d1), prof, level)
        for _ in range(int(n_pay * self.pay_mult + r.random())):
            self.wallet(aid, r.randrange(d0, d1), 60 * level, prof, reg)
        # online shopping festivals: 618, Double 11 pre-sale deposits and final payments, New Year goods
        if n_pay >= 3 and r.random() < .55:
            fest = [d for d in self.fest_days if d0 <= d < d1]
            for _ in range(r.randint(1, 4) if fest else 0):
                d = self.pick(fest)
                ts = d * DAY + (r.randint(20 * HOUR, DAY - 1) if r.random() < .7 else r.randint(0, 2 * HOUR))
                dst = self.platform['JD'] if r.random() < .15 else self.pick(
                    self.settle['ALIPAY'] if r.random() < .65 else self.settle['TENPAY'])
                self.add(ts, aid, dst, Y(self.ln(190 * level, 1.0)), 'mobile', reg or self.acc[aid].region)

    def utilities(self, aid, d0=0, heating_m2=0):
        r = self.r
        d0 = max(d0, self.dstart(aid))
        if d0 >= NDAYS:
            return
        reg = self.acc[aid].region
        if r.random() < .7:
            self.add(self.at(r.randrange(d0, NDAYS)), aid, self.mobile, Y(r.choice([30, 50, 50, 100, 100, 200])),
                     'mobile', reg, memo='话费充值')
        if r.random() < .6:
            self.add(self.at(r.randrange(d0, NDAYS)), aid, self.grid, rnd(Y(self.ln(120, .5)), 100), 'mobile',
                     reg, memo='电费')
        if heating_m2:
            city = self.acc[aid].city
            fee = Y(heating_m2 * r.choice([26.5, 28.2, 29.1, 30.0]))
            d = r.randrange(d0, min(NDAYS, d0 + 14)) if d0 < NDAYS else NDAYS - 1
            ch = 'counter' if r.random() < .35 else 'mobile'
            self.add(self.at(d, 'counter' if ch == 'counter' else 'person'), aid, self.heating(city), fee, ch,
                     reg, memo='采暖费')

    def atm(self, aid, day, amt, reg=None, prof='atm', ch='atm', tk='ordinary'):
        return self.add(self.at(day, prof if ch == 'atm' else 'counter'), aid, None, amt, ch,
                        reg or self.acc[aid].region, 'withdrawal', tk=tk)

    def ext_person(self, city, arch='counterparty', age=(22, 62), nonsup=False, years=(1, 15)):
        hid = self.person(city, age[0], age[1], arch)
        bank = self.pick_bank(city, nonsup=nonsup)
        aid = self.account(hid, bank, self.old_open(years[0], years[1], self.holders[hid]['age']), city, 'I',
                           'lawful', arch)
        if self.sup(bank):
            self.need_life.append((aid, city))
        return aid

    def friend(self, city):
        lst = self.pool.get(city)
        r = self.r
        if lst and len(lst) > 3 and r.random() < .8:
            return self.pick(lst)
        hub = TOWN_HUB.get(city, city)
        lst2 = self.pool.get(hub)
        if lst2 and len(lst2) > 3 and r.random() < .985:
            return self.pick(lst2 if not lst or r.random() < .5 else lst)
        if lst and r.random() < .9:
            return self.pick(lst)
        return self.ext_person(city, 'acquaintance')

    def outsider(self, prov_w=None, arch='outsider', age=(20, 62), city=None):
        """a person living elsewhere in China who deals with the region now and then (buys online, sends a
        wedding gift, buys USDT); a bounded population, so the same people come back"""
        if city is None:
            city = self.rand_city(prov_w or VICTIM_PROV)
        prov = R[city][0][:2]
        lst = self.outsiders.setdefault(prov, [])
        cap = int(math.ceil(VICTIM_PROV.get(prov, 1.0) * 7))
        if len(lst) < cap and (len(lst) < 2 or self.r.random() < .55):
            lst.append(self.ext_person(city, arch, age))
        return self.pick(lst)

    def corp_pool(self, key, city, arch, cap=3):
        lst = self.cpool.setdefault(key, [])
        if len(lst) < cap and (not lst or self.r.random() < .4):
            lst.append(self.corp_acct(city, arch, nonsup=True, years=(1, 15)))
        return self.pick(lst)

    def p2p(self, aid, city, day, amt=None, prof='person', memo=''):
        f = self.friend(city)
        if f == aid:
            return
        if amt is None:
            amt = Y(self.ln(300, 1.0))
            if self.r.random() < .55:
                amt = rnd(amt, 10000 if amt > 20000 else 5000)
        self.add(self.at(day, prof), aid, f, amt, 'mobile', self.acc[aid].region, memo=memo)

    def employer(self, city, etype):
        key = (city, etype)
        lst = self.emp.setdefault(key, [])
        cap = {'school': 10, 'hospital': 5, 'gov': 6, 'company': 24, 'mine': 3, 'service': 30,
               'bank': 4, 'police': 2}.get(etype, 6)
        if not is_hlj(city):
            cap = 2
        if len(lst) < cap and (not lst or self.r.random() < .3):
            public = etype in ('school', 'hospital', 'gov', 'police')
            aid = self.corp_acct(city, 'employer_' + etype, lead='12' if etype in ('school', 'hospital') else
                                 '11' if etype in ('gov', 'police') else '91', nonsup=not is_hlj(city),
                                 years=(3, 25))
            payday = self.r.choice([5, 8, 10, 15, 15, 20]) if public else self.r.choice([1, 5, 10, 10, 15, 20, 25, 28])
            e = {'aid': aid, 'payday': self.dom_day(payday), 'etype': etype, 'city': city, 'total': 0,
                 'public': public}
            lst.append(e)
            self.emp_by_aid[aid] = e
        return self.pick(lst)

    def salary(self, e, aid, amt, memo='代发工资', day=None):
        d = self.next_workday(e['payday'] if day is None else day)
        ts = d * DAY + int(self.r.uniform(9.0, 11.5) * HOUR)
        if self.add(ts, e['aid'], aid, amt, 'other', '', memo=memo):
            e['total'] += amt

    def light_life(self, aid, city):
        """a modest month for a row account of a person whose life is not otherwise generated"""
        r = self.r
        d0 = self.dstart(aid)
        if d0 >= NDAYS:
            return
        if is_hlj(city):
            e = self.employer(city, r.choice(['company', 'service', 'company', 'school']))
        else:
            p = R[city][0][:2]
            eaid = self.corp_pool(('emp', p), city, 'employer_company', 3)
            e = self.emp_by_aid.get(eaid)
            if e is None:
                e = {'aid': eaid, 'payday': self.dom_day(r.choice([1, 5, 10, 15, 20, 25])), 'etype': 'company',
                     'city': city, 'total': 0, 'public': False}
                self.emp_by_aid[eaid] = e
        if r.random() < .75:
            self.salary(e, aid, rnd(Y(self.ln(5200 if not is_hlj(city) else 4200, .35)), 100))
        self.consume(aid, city, d0, NDAYS, r.randint(2, 8), r.randint(5, 16))
        if r.random() < .2:
            self.atm(aid, r.randrange(d0, NDAYS), Y(rnd(self.ln(800, .6), 100)))
        self.utilities(aid, d0)

    # =============================================================================================
    # lawful life, part A: households, work, pensions, students, farms
    # =============================================================================================
    SAL = {'teacher': (6200, .2, 'school'), 'doctor': (9500, .3, 'hospital'), 'nurse': (5200, .2, 'hospital'),
           'civil_servant': (6500, .2, 'gov'), 'police': (7200, .2, 'police'), 'office': (5200, .35, 'company'),
           'service': (3300, .25, 'service'), 'bank_staff': (7500, .3, 'bank')}
    JOB_W = {'teacher': 14, 'doctor': 6, 'nurse': 7, 'civil_servant': 10, 'police': 3, 'office': 30,
             'service': 26, 'bank_staff': 4}

    def resident(self, city, arch, age=(25, 60), bank=None, cls='I', years=(1, 20), pool=True, second=0.35,
                 opened=None):
        hid = self.person(city, age[0], age[1], arch)
        agev = self.holders[hid]['age']
        bank = bank or self.pick_bank(city)
        op = opened if opened is not None else self.old_open(years[0], years[1], agev)
        a = self.account(hid, bank, op, city, cls, 'lawful', arch)
        accts = [a]
        if self.r.random() < second:
            accts.append(self.second_account(hid, city, arch, avoid=(bank,), age=agev))
        if pool:
            self.pool.setdefault(city, []).append(a)
        return hid, accts

    def heating_m2(self):
        if self.season == 'harvest' and self.r.random() < .6:
            return self.r.choice([48, 56, 62, 70, 78, 86, 95, 110])
        return 0

    def credit_card(self, hid, city, a):
        """repay the holder's credit card at another bank (an account at a bank that supplies no data)"""
        r = self.r
        bank = self.pick_bank(city, {'CMB': 5, 'CITIC': 2, 'PAB': 2, 'SPDB': 2, 'CMBC': 2, 'BOCOM': 2, 'CEB': 1,
                                     'CIB': 2, 'BOC': 2, 'CCB': 2}, nonsup=True)
        cc = self.account(hid, bank, self.old_open(1, 8), city, 'I', 'lawful', 'credit_card')
        d = r.randrange(self.dstart(a), NDAYS) if self.dstart(a) < NDAYS else None
        if d is not None:
            amt = Y(self.ln(2600, .8))
            self.add(self.at(d), a, cc, amt, 'mobile', self.acc[a].region, memo='信用卡还款')

    def own_move(self, a, b, after_ts, amt, quick=False):
        r = self.r
        ts = after_ts + (r.randint(40, 600) if quick else r.randint(600, 3 * DAY))
        self.add(ts, a, b, amt, 'mobile', self.acc[a].region, memo='' if r.random() < .7 else '转存')

    def pay_rent(self, aid, city, amt, day=None, prof='person'):
        lst = self.landlords.get(city) or self.landlords.get(TOWN_HUB.get(city, city))
        if lst and self.r.random() < .97:
            ll = self.pick(lst)
        else:
            ll = self.ext_person(city, 'landlord', (35, 70))
        if day is None:
            day = self.clip(self.dom_day(1) + self.r.randint(-3, 6), self.dstart(aid), NDAYS - 1)
        self.add(self.at(day, prof), aid, ll, amt, 'mobile', self.acc[aid].region, memo=self.r.choice(['房租', '', '房租', '租金']))
        return ll

    def create_landlords(self):
        self.landlords = {}
        n = self.pop['landlords']
        for i in range(n):
            city = 'harbin' if i < n * 0.55 else self.wpick({'mudanjiang': 3, 'jiamusi': 3, 'jixi': 2, 'suifenhe': 2,
                                                               'heihe': 2, 'hegang': 1, 'shuangyashan': 1,
                                                               'shangzhi': 1, 'hailin': 1})
            hid, accts = self.resident(city, 'landlord', (40, 72), second=.5)
            self.landlords.setdefault(city, []).append(accts[0])
            self.acc[accts[0]].m = {'accts': accts}

    def landlord_life(self):
        r = self.r
        for city, lst in self.landlords.items():
            for a in lst:
                accts = self.acc[a].m['accts']
                self.consume(a, city, 0, NDAYS, r.randint(2, 8), r.randint(1, 5), 1.2, 'elder')
                self.utilities(a, 0, self.heating_m2())
                if r.random() < .5:
                    self.add(self.at(r.randrange(NDAYS), 'counter'), a, self.heating(city) if self.season != 'summer'
                             else self.grid, Y(self.ln(900, .5)), 'counter', self.acc[a].region, memo='物业费')
                if len(accts) > 1 and r.random() < .6:
                    self.add(self.at(r.randrange(3, NDAYS)), a, accts[1], rnd(Y(self.ln(8000, .6)), 100000),
                             'mobile', self.acc[a].region, memo='')
                if r.random() < .3:
                    self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(2000, .6)), 10000), ch='counter')
                self.acc[a].m = None

    def gen_pensioners(self, n, coal):
        r = self.r
        self.pensioners = getattr(self, 'pensioners', [])
        for _ in range(n):
            city = self.pick(COAL_TOWNS[:3] * 3 + ['qitaihe']) if coal else self.hlj_city()
            hid, accts = self.resident(city, 'pensioner_coal' if coal else 'pensioner', (58, 86),
                                       bank=self.pick_bank(city, HLJ_RURAL_BANKS), years=(8, 30), second=.3)
            a = accts[0]
            self.pensioners.append((a, city, hid))
            amt = Y(self.ln(3400 if coal else 3000, .2))
            self.add(self.pension_day * DAY + int(r.uniform(7.5, 9.5) * HOUR), self.si_fund, a, amt, 'other', '',
                     memo='养老金')
            snow = False
            for _k in range(r.choice([1, 1, 2, 2, 3])):
                d = r.randrange(NDAYS)
                if r.random() < .55:
                    self.atm(a, d, rnd(Y(self.ln(1200, .5)), 10000), ch='counter')
                else:
                    self.atm(a, d, rnd(Y(self.ln(800, .5)), 10000))
            self.consume(a, city, 0, NDAYS, r.randint(3, 9), r.randint(0, 5), .6, 'elder')
            self.utilities(a, 0, self.heating_m2())
            if r.random() < .35:
                ccity = self.wpick(SOUTH_WORK) if r.random() < .6 else ('harbin' if r.random() < .6 else self.hlj_city())
                child = self.friend(ccity) if is_hlj(ccity) and r.random() < .5 else self.ext_person(ccity, 'adult_child', (25, 48))
                for _k in range(1 if r.random() < .75 else 2):
                    amt = rnd(Y(self.ln(1200 if self.season != 'icesnow' else 2200, .6)), 10000)
                    d = r.randrange(NDAYS)
                    self.add(self.at(d, 'evening'), child, a, amt, 'mobile', self.acc[child].region,
                             memo=r.choice(['生活费', '', '给爸妈', '', '孝敬']))
            if r.random() < .12:
                hosp = self.employer(city if city in HLJ_URBAN else 'harbin', 'hospital')['aid']
                self.add(self.at(r.randrange(NDAYS), 'elder'), a, hosp, Y(self.ln(1500, .8)),
                         r.choice(['pos', 'counter', 'mobile']), self.acc[hosp].region, memo='医疗费')
            for _k in range(r.randint(0, 2)):
                self.p2p(a, city, r.randrange(NDAYS), Y(self.pick([100, 200, 200, 500])), 'elder',
                         memo=self.pick(['', '给孙子', '红包']))
            if r.random() < .1:
                g = self.friend(city)
                self.add(self.at(r.randrange(NDAYS), 'elder'), a, g, rnd(Y(self.ln(600, .6)), 10000), 'counter',
                         self.acc[a].region, memo='')

    def gen_miners(self, n):
        r = self.r
        self.miners = []
        for _ in range(n):
            city = self.pick(['jixi', 'jixi', 'hegang', 'hegang', 'shuangyashan', 'shuangyashan', 'qitaihe'])
            e = self.employer(city, 'mine')
            hid, accts = self.resident(city, 'coal_miner', (24, 55), bank=self.acc[e['aid']].bank, second=.3)
            a = accts[0]
            self.miners.append(a)
            sal = Y(self.ln(5600, .22))
            if r.random() < .3:   # paid in two parts, the second late
                part = rnd(int(sal * r.uniform(.5, .7)), 10000)
                self.salary(e, a, part, memo='工资')
                self.salary(e, a, sal - part, memo='补发工资', day=self.clip(e['payday'] + r.randint(6, 12), 0, NDAYS - 1))
            else:
                self.salary(e, a, sal)
            self.consume(a, city, 0, NDAYS, r.randint(8, 18), r.randint(10, 22), .9)
            self.utilities(a, 0, self.heating_m2())
            if r.random() < .45:
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(1000, .6)), 10000))
            if r.random() < .5:
                self.p2p(a, city, r.randrange(NDAYS), rnd(Y(self.ln(1500, .6)), 10000), memo='家用')
            for _k in range(r.randint(1, 4)):
                self.p2p(a, city, r.randrange(NDAYS))
            if len(accts) > 1 and r.random() < .7:
                self.own_move(a, accts[1], e['payday'] * DAY + 12 * HOUR, rnd(int(sal * r.uniform(.3, .6)), 10000))

    def gen_salaried(self, n):
        r = self.r
        for _ in range(n):
            city = self.wpick({'harbin': 50, 'mudanjiang': 9, 'jiamusi': 8, 'jixi': 5, 'hegang': 4,
                               'shuangyashan': 4, 'heihe': 4, 'suifenhe': 3, 'qiqihar': 2, 'daqing': 2,
                               'dongning': 1.5, 'fuyuan': 1, 'wuchang': 1, 'shangzhi': 1, 'hailin': 1,
                               'fujin': 1, 'mishan': 1, 'suihua': 1})
            job = self.wpick(self.JOB_W)
            med, sig, etype = self.SAL[job]
            e = self.employer(city, etype)
            hid, accts = self.resident(city, job, (23, 59), bank=self.acc[e['aid']].bank, second=.45)
            a = accts[0]
            d0 = self.dstart(a)
            sal = Y(self.ln(med, sig))
            self.salary(e, a, sal)
            level = self.clip(sal / 500000.0, .5, 3.0)
            self.consume(a, city, d0, NDAYS, r.randint(10, 26), r.randint(14, 34), level)
            self.utilities(a, d0, self.heating_m2())
            if len(accts) > 1:
                pay_ts = self.next_workday(e['payday']) * DAY + 11 * HOUR
                if r.random() < .75:
                    self.own_move(a, accts[1], pay_ts, rnd(int(sal * r.uniform(.3, .7)), 10000), quick=r.random() < .35)
                self.consume(accts[1], city, d0, NDAYS, r.randint(1, 6), r.randint(1, 6), level)
            if r.random() < .12:
                self.credit_card(hid, city, a)
            if r.random() < .22:
                self.pay_rent(a, city, rnd(Y(self.ln(1300, .35)), 10000))
            if r.random() < .3 and self.pensioners:
                p = self.pick(self.pensioners)[0]
                self.add(self.at(r.randrange(d0, NDAYS) if d0 < NDAYS else 0, 'evening'), a, p,
                         rnd(Y(self.ln(800, .5)), 10000), 'mobile', self.acc[a].region, memo=r.choice(['', '生活费']))
            if r.random() < .3:
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(1000, .6)), 10000))
            for _k in range(r.randint(2, 9)):
                self.p2p(a, city, r.randrange(NDAYS))
            for _k in range(r.randint(1, 5)):   # somebody pays back or splits a bill
                f = self.friend(city)
                if f != a:
                    self.add(self.at(r.randrange(NDAYS), 'evening'), f, a, rnd(Y(self.ln(200, .8)), 1000),
                             'mobile', self.acc[f].region)
            if job in ('doctor', 'teacher') and r.random() < .3:
                self.salary(e, a, Y(self.ln(1500, .5)), memo='绩效', day=self.clip(e['payday'] + 10, 0, NDAYS - 1))

    def gen_students(self, n):
        r = self.r
        self.students = []
        uni_bank = {}
        for u in self.universities:     # each university's campus cards come from two partner banks
            uni_bank[u['aid']] = r.sample(['ICBC', 'CCB', 'ABC', 'BOC', 'HRBB', 'PSBC', 'LJB'], 2)
        y = self.t0.year if self.t0.month >= 9 else self.t0.year - 1
        summer = self.season == 'summer'
        by_uni = {}
        for _ in range(n):
            u = self.pick(self.universities)
            home = self.rand_city(VICTIM_PROV) if r.random() < .62 else self.hlj_city()
            grade = r.randint(1, 4)
            opened_date = dt.datetime(y - grade + 1, 9, r.randint(1, 12), 10, 0)
            op = int((opened_date - self.t0).total_seconds()) + r.randint(0, 6 * HOUR)
            hid = self.person('harbin', 18 + grade - 1, 20 + grade, 'student', idcity=home)
            ub = uni_bank[u['aid']]
            a = self.account(hid, ub[0] if r.random() < .6 else ub[1], op, 'harbin', 'I', 'lawful', 'student')
            self.pool.setdefault('harbin', []).append(a)
            self.students.append((a, hid, home, grade))
            by_uni.setdefault(u['aid'], []).append(a)
            home_card = None
            if r.random() < .15:
                home_card = self.account(hid, self.pick_bank(home), self.old_open(2, 4), home, 'I', 'lawful',
                                         'student_home_card')
            parent = self.ext_person(home, 'parent', (40, 56))
            recv = home_card if home_card and r.random() < .5 else a
            leave = NDAYS
            if self.season == 'icesnow':
                leave = r.randint(22, 29)
            elif summer and grade == 4:
                leave = r.randint(17, 27)
            for k in range(1 if r.random() < .7 else 2):
                d = r.randrange(0, 6) if k == 0 else r.randrange(12, 20)
                amt = rnd(Y(self.ln(1800, .35)), 10000 if r.random() < .8 else 5000)
                self.add(self.at(d, 'evening'), parent, recv, amt, 'mobile', self.acc[parent].region,
                         memo=r.choice(['生活费', '', '生活费', '']))
                if recv != a:
                    self.add(self.at(d, 'young') + 3600, recv, a, rnd(int(amt * .8), 10000), 'mobile', '')
            for _k in range(r.randint(1, 4)):
                d = r.randrange(self.dstart(a), leave) if self.dstart(a) < leave else 0
                self.add(self.at(d, 'young'), a, u['aid'], Y(r.choice([50, 100, 100, 150, 200, 200, 300])),
                         'mobile', self.acc[a].region, memo='校园卡充值')
            self.consume(a, 'harbin', 0, leave, r.randint(1, 6), r.randint(20, 45), .45, 'young')
            if r.random() < .12:
                fam = self.friend('harbin')
                for _k in range(r.randint(2, 4)):
                    self.add(self.at(r.randrange(NDAYS), 'evening'), fam, a, rnd(Y(self.ln(200, .4)), 1000),
                             'mobile', self.acc[fam].region, memo='家教费')
            if leave < NDAYS or (summer and r.random() < .1):
                d = self.clip(leave - r.randint(3, 15), 0, NDAYS - 1)
                self.add(self.at(d, 'young'), a, self.railway, Y(r.uniform(180, 760)), 'mobile',
                         self.acc[a].region, memo='火车票')
            if r.random() < .1:
                self.pay_rent(a, 'harbin', rnd(Y(self.ln(800, .3)), 5000), prof='young')
            if summer and grade == 4 and r.random() < .25:   # graduates: deposit back, things sold
                ll = self.pick(self.landlords['harbin'])
                self.add(self.at(self.clip(leave - 1, 0, NDAYS - 1), 'evening'), ll, a,
                         rnd(Y(self.ln(1000, .3)), 10000), 'mobile', self.acc[ll].region, memo='退押金')
            for _k in range(r.randint(2, 8)):
                self.p2p(a, 'harbin', r.randrange(leave), Y(self.ln(45, .8)), 'young')
        # class monitors collecting class funds and paying a vendor the same day (fan-in, quick pass-on)
        for uaid, lst in by_uni.items():
            for _k in range(max(1, len(lst) // 40)):
                mon = self.pick(lst)
                d = r.randrange(self.dstart(mon), NDAYS - 2) if self.dstart(mon) < NDAYS - 2 else None
                if d is None:
                    continue
                each = Y(r.choice([30, 50, 80, 100, 120, 150, 200]))
                total = 0
                payers = r.sample(lst, min(len(lst), r.randint(18, 40)))
                for p in payers:
                    if p != mon and self.add(d * DAY + r.randint(19 * HOUR, 23 * HOUR), p, mon, each, 'mobile',
                                             self.acc[p].region, memo='班费'):
                        total += each
                if total:
                    vendor = self.merchant('harbin', self.pick(['education', 'clothing', 'restaurant']))[0]
                    self.add((d + 1) * DAY + r.randint(10 * HOUR, 16 * HOUR), mon, vendor,
                             total - Y(r.choice([0, 0, 10, 20])), 'mobile', self.acc[mon].region, memo='班级活动')
        for _ in range(self.pop['rus_students']):
            hid = self.foreign_holder('russian_student', corp=False)
            self.holders[hid]['kind'] = 'foreign_person'
            u = self.pick(self.universities)
            a = self.account(hid, self.pick(['HRBB', 'ICBC', 'BOC']), self.old_open(0.3, 3), 'harbin', 'I',
                             'lawful', 'russian_student')
            ph = self.foreign_holder('russian_parent', corp=False)
            pa = self.account(ph, self.pick(list(FOREIGN)), self.old_open(3, 20), 'suifenhe', 'I', 'lawful',
                              'russian_parent', region='')
            for _k in range(r.choice([1, 1, 2])):
                self.add(self.at(r.randrange(NDAYS), 'biz'), pa, a, rnd(Y(self.ln(5000, .4)), 10000), 'other', '',
                         memo='', xb=True)
            self.add(self.at(r.randrange(NDAYS), 'young'), a, u['aid'], Y(r.choice([100, 200, 300])), 'mobile',
                     self.acc[a].region, memo='校园卡充值')
            self.consume(a, 'harbin', 0, NDAYS, r.randint(2, 6), r.randint(2, 6), .7, 'young')
            if r.random() < .5:
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(1000, .5)), 10000))

    # ---------------- farms, cooperatives, grain buyers ----------------
    def crop_of(self, town):
        if town in ('wuchang', 'youyi', 'fujin', 'jixian', 'tangyuan', 'harbin_sub', 'fuyuan'):
            return self.pick(['rice', 'rice', 'soy'])
        if town in ('nenjiang', 'beian', 'xunke', 'wudalianchi', 'sunwu'):
            return self.pick(['soy', 'soy', 'corn'])
        return self.pick(['corn', 'corn', 'soy', 'rice'])

    def gen_farmers(self, n):
        r = self.r
        self.farmers_by_town = {}
        self.grain_sales = []
        w = {t: CITY_W.get(t, .5) for t in FARM_TOWNS}
        for _ in range(n):
            town = self.wpick(w)
            hid, accts = self.resident(town, 'farmer', (32, 70), bank=self.pick_bank(town, HLJ_RURAL_BANKS),
                                       years=(5, 25), second=.25)
            a = accts[0]
            self.farmers_by_town.setdefault(town, []).append(a)
            crop = self.crop_of(town)
            mu = self.clip(self.ln(90, .8), 8, 2500)
            per_mu = {'rice': 1400, 'corn': 1150, 'soy': 650}[crop]
            self.consume(a, town, 0, NDAYS, r.randint(2, 8), r.randint(2, 8), .7, 'elder')
            self.utilities(a, 0, 0)
            sale_day = None
            if self.season == 'summer':
                if r.random() < .55:
                    self.add(self.dom_day(r.choice([12, 18, 25])) * DAY + int(r.uniform(8, 11) * HOUR), self.treasury,
                             a, Y(mu * r.uniform(55, 110)), 'other', '', memo='耕地地力保护补贴')
                for _k in range(r.randint(0, 3)):
                    self.pos(a, town, r.randrange(NDAYS), 'morning', 1.0, 'agri')
                if mu > 60 and r.random() < .5:
                    for _k in range(r.randint(1, 3)):
                        self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(4000, .5)), 10000), ch='counter')
                if r.random() < .08:
                    self.grain_sales.append((a, town, r.randrange(NDAYS), Y(mu * per_mu * r.uniform(.1, .3)), crop))
            else:
                frac = r.uniform(.4, 1.0) if self.season == 'harvest' else r.uniform(.3, .8)
                if r.random() < (.85 if self.season == 'harvest' else .6):
                    nsale = 1 if r.random() < .7 else 2
                    for k in range(nsale):
                        if self.season == 'harvest':
                            lo = {'soy': 0, 'rice': 3, 'corn': 10}[crop]
                            sale_day = r.randrange(lo, NDAYS)
                        else:
                            sale_day = r.randrange(NDAYS)
                        self.grain_sales.append((a, town, sale_day, Y(mu * per_mu * frac / nsale), crop))
                    after = self.clip(sale_day + r.randint(0, 4), 0, NDAYS - 1)
                    if r.random() < .6:
                        self.add(self.at(after, 'morning'), a, self.pick(self.agri_suppliers),
                                 rnd(Y(mu * r.uniform(80, 250)), 10000), 'mobile', self.acc[a].region, memo='还农资款')
                    if self.season == 'harvest' and r.random() < .5:
                        op = self.friend(town)
                        if op != a:
                            self.add(self.at(after, 'evening'), a, op, rnd(Y(mu * r.uniform(50, 80)), 10000), 'mobile',
                                     self.acc[a].region, memo='收割费')
                    if r.random() < .35:
                        op = self.friend(town)
                        if op != a:
                            self.add(self.at(self.clip(after + r.randint(0, 5), 0, NDAYS - 1), 'morning'), a, op,
                                     rnd(Y(mu * r.uniform(300, 600) * r.uniform(.2, .6)), 100000), 'counter',
                                     self.acc[a].region, memo='土地承包费')
                    if r.random() < .35:
                        self.atm(a, after, rnd(Y(self.ln(12000, .6)), 100000) if r.random() < .5 else
                                 rnd(Y(self.ln(8000, .6)), 10000), ch='counter')
                    if r.random() < .03 and mu > 100:
                        d = self.clip(after + r.randint(1, 8), 0, NDAYS - 1)
                        amt = rnd(Y(self.ln(260000, .5)), 100000)
                        self.add(self.at(d, 'counter'), a, self.pick(self.mach_dealers), amt, 'counter',
                                 self.acc[a].region, memo='农机款')
                        self.events.append('farm_machinery')
            for _k in range(r.randint(0, 3)):
                self.p2p(a, town, r.randrange(NDAYS))
            if len(accts) > 1 and r.random() < .4:
                self.add(self.at(r.randrange(NDAYS), 'counter'), a, accts[1], rnd(Y(self.ln(10000, .7)), 100000),
                         'counter', self.acc[a].region, memo='')

    def gen_coops(self):
        r = self.r
        n = self.pop['coops']
        workers_total = self.pop['seasonal']
        self.coops = []
        towns = ['wuchang', 'wuchang', 'fujin', 'baoqing', 'youyi', 'nenjiang', 'huanan', 'jixian', 'fuyuan',
                 'tongjiang', 'beian', 'mishan', 'hulin', 'suibin', 'tangyuan', 'harbin_sub', 'xunke']
        for i in range(n):
            town = towns[i % len(towns)]
            aid = self.corp_acct(town, 'farm_cooperative', shares=HLJ_RURAL_BANKS, lead='93', years=(2, 12))
            self.coops.append((aid, town))
        season = self.season
        for k in range(workers_total):
            caid, town = self.coops[k % n]
            new = r.random() < (.3 if season != 'icesnow' else .1)
            op = self.open_on(r.randrange(-3, 20)) if new else None
            hcity = town if r.random() < .7 else self.pick(FARM_TOWNS)
            hid, accts = self.resident(hcity, 'seasonal_farm_worker', (20, 62), bank=self.pick_bank(town, HLJ_RURAL_BANKS),
                                       opened=op, second=.1)
            a = accts[0]
            d0 = self.dstart(a)
            if d0 >= NDAYS:
                continue
            npay = r.randint(1, 3) if season != 'icesnow' else 1
            for j in range(npay):
                d = self.clip(d0 + (j + 1) * r.randint(5, 9), d0, NDAYS - 1)
                amt = Y(r.choice([150, 180, 200, 220, 250, 300]) * r.randint(4, 14))
                self.add(d * DAY + int(r.uniform(15, 19) * HOUR), caid, a, amt, 'other', '', memo='劳务费')
            self.consume(a, hcity, d0, NDAYS, r.randint(0, 3), r.randint(0, 4), .6)
            if r.random() < .4:
                self.atm(a, r.randrange(d0, NDAYS), rnd(Y(self.ln(1000, .5)), 10000))
            if r.random() < .3:
                self.p2p(a, hcity, r.randrange(d0, NDAYS), rnd(Y(self.ln(1000, .5)), 10000), memo='')
        nb = {'summer': (5, 15), 'harvest': (30, 60), 'icesnow': (20, 40)}[season]
        for caid, town in self.coops:
            for _k in range(r.randint(*nb) // 2 + 1):
                buyer = self.pick(self.rice_buyers)
                self.add(self.at(r.randrange(NDAYS), 'biz'), buyer, caid, rnd(Y(self.ln(60000, .8)), 100),
                         'online', self.acc[buyer].region, memo=r.choice(['货款', '大米款', '', '粮款']))
            for _k in range(r.randint(1, 4)):
                self.add(self.at(r.randrange(NDAYS), 'biz'), caid, self.pick(self.agri_suppliers),
                         rnd(Y(self.ln(30000, .7)), 100), 'online', self.acc[caid].region, memo='货款')
            if season != 'summer':
                members = self.farmers_by_town.get(town, [])
                for m in r.sample(members, min(len(members), r.randint(3, 15))):
                    self.add(self.at(r.randrange(NDAYS), 'biz'), caid, m, rnd(Y(self.ln(30000, .7)), 100), 'other', '',
                             memo=r.choice(['粮款', '分红', '二次返利']))

    def gen_brokers(self):
        """grain buyers (粮贩子): a feed mill, processor or depot pays a truckload, the broker pays the farmers
        within hours (some want cash, drawn at the counter)"""
        r = self.r
        nb = self.pop['brokers']
        sales = sorted(self.grain_sales, key=lambda s: (s[2], s[0]))
        by_town = {}
        for s in sales:
            by_town.setdefault(s[1], []).append(s)
        towns = sorted(by_town, key=lambda t: -len(by_town[t]))
        self.brokers = []
        for i in range(nb):
            town = towns[i % len(towns)] if towns else 'nenjiang'
            hid, accts = self.resident(town, 'grain_broker', (30, 60), bank=self.pick_bank(town, HLJ_RURAL_BANKS),
                                       years=(3, 20), second=.6)
            self.brokers.append((accts, town))
        bt = {}
        for accts, town in self.brokers:
            bt.setdefault(town, []).append(accts)
        for town in towns:
            lst = by_town[town]
            blist = bt.get(town)
            if not blist:
                # sold straight to a depot
                for (fa, _t, d, amt, crop) in lst:
                    self.add(self.at(d, 'biz'), self.pick(self.depots), fa, amt, 'other', '', memo='粮款')
                continue
            i = 0
            while i < len(lst):
                k = r.randint(3, 10)
                load = lst[i:i + k]
                i += k
                accts = self.pick(blist)
                b = accts[0]
                d = load[0][2]
                total = sum(s[3] for s in load)
                buyer = self.pick(self.grain_buyers_ext + self.depots)
                t_in = d * DAY + int(r.uniform(8, 14) * HOUR)
                self.add(t_in, buyer, b, rnd(int(total * r.uniform(1.02, 1.06)), 100), 'online',
                         self.acc[buyer].region, memo=r.choice(['粮款', '玉米款', '大豆款', '货款', '']))
                t = t_in + r.randint(15 * 60, 5 * HOUR)
                for (fa, _t, _d, amt, crop) in load:
                    t += r.randint(30, 900)
                    if r.random() < .15:
                        # the farmer wants cash: the broker draws it at the counter, the farmer deposits it later
                        self.add(t, b, None, amt, 'counter', self.acc[b].region, 'withdrawal')
                        dd = self.clip(t // DAY + r.randint(0, 3), 0, NDAYS - 1)
                        self.add(self.at(dd, 'counter'), None, fa, rnd(int(amt * r.uniform(.6, 1.0)), 100), 'counter',
                                 self.acc[fa].region, 'deposit')
                    else:
                        self.add(t, b, fa, amt, r.choice(['mobile', 'mobile', 'online', 'counter']),
                                 self.acc[b].region, memo=r.choice(['粮款', '', '玉米款', '豆款']))
                if len(accts) > 1 and r.random() < .4:
                    self.add(t + r.randint(HOUR, DAY), b, accts[1], rnd(int(total * .03), 100), 'mobile',
                             self.acc[b].region)
        for accts, town in self.brokers:
            self.consume(accts[0], town, 0, NDAYS, r.randint(2, 6), r.randint(1, 5), 1.5)
            self.utilities(accts[0])

    # =============================================================================================
    # lawful life, part B: border trade, timber, tourism, night markets, family events
    # =============================================================================================
    def tour_level(self, d):
        s = self.season
        wk = self.wd(d) >= 5
        if s == 'summer':
            return 0.8 + (0.5 if wk else 0) + (0.8 if d in self.holidays else 0)
        if s == 'harvest':
            return 0.3 + (0.2 if wk else 0)
        base = 1.0 if d >= 1 else 0.5      # Ice-Snow World opens
        if 12 <= d <= 17:
            base += 1.2                       # New Year holiday
        if d in (19, 20):
            base += .6                        # ice-and-snow festival opening
        if wk:
            base += .5
        return base

    def buyer(self, city):
        if self.r.random() < .55:
            return self.corp_pool(('buyer', R[city][0][:2]), city, 'retail_buyer', 4)
        return self.outsider(arch='retail_buyer', city=city)

    def gen_border(self):
        r = self.r
        self.wholesalers = []
        towns_w = {'suifenhe': 10, 'heihe': 6, 'dongning': 4, 'fuyuan': 2, 'tongjiang': 1, 'harbin': 4,
                   'mudanjiang': 1}
        for i in range(self.pop['wholesalers']):
            town = self.wpick(towns_w)
            aid = self.corp_acct(town, 'russian_goods_wholesaler', years=(1, 15))
            ohid, oaccts = self.resident(town, 'wholesaler_owner', (30, 60), second=.5)
            owner = oaccts[0]
            self.wholesalers.append((aid, town, owner))
            rec = 0
            for _k in range(r.randint(12, 45)):
                buyer = self.buyer(self.rand_city(VICTIM_PROV))
                amt = Y(self.ln(15000, .9))
                if r.random() < .3:
                    amt = rnd(amt, 100000)
                d = r.randrange(NDAYS)
                if r.random() < .8:
                    self.add(self.at(d, 'biz'), buyer, aid, amt, 'online', self.acc[buyer].region,
                             memo=r.choice(['货款', '', '俄罗斯商品', '进货款']))
                else:     # buyer pays the owner's card; the owner passes it to the company account
                    t = self.at(d, 'evening')
                    self.add(t, buyer, owner, amt, 'mobile', self.acc[buyer].region, memo=r.choice(['货款', '']))
                    self.add(t + r.randint(20 * 60, 20 * HOUR), owner, aid, rnd(amt, 10000) if amt > 20000 else amt,
                             'mobile', self.acc[owner].region)
                rec += amt
            npay = r.randint(2, 6)
            for k in range(npay):
                d = self.clip(int((k + 0.5) * NDAYS / npay) + r.randint(-2, 2), 0, NDAYS - 1)
                amt = rnd(int(rec * r.uniform(.55, .85) / npay), 100)
                self.add(self.at(d, 'biz'), aid, self.pick(self.ru_exporters), amt, 'online', self.acc[aid].region,
                         memo=r.choice(['货款', '进口货款', 'payment for goods']), xb=True)
            for _k in range(r.randint(2, 6)):
                self.add(self.at(r.randrange(NDAYS), 'biz'), aid, self.pick(self.couriers), Y(self.ln(6000, .6)),
                         'online', self.acc[aid].region, memo='运费')
            staff = [self.friend(town) for _ in range(r.randint(2, 8))]
            payday = self.dom_day(r.choice([5, 10, 15]))
            for s_ in staff:
                if s_ != owner:
                    self.add(payday * DAY + int(r.uniform(9, 16) * HOUR), aid, s_, Y(self.ln(4200, .25)), 'online', '',
                             memo='工资')
            self.add(self.at(r.randrange(NDAYS), 'biz'), aid, owner, rnd(Y(self.ln(20000, .5)), 100000), 'online',
                     self.acc[aid].region, memo=r.choice(['分红', '备用金', '']))
            if r.random() < .35:
                for _k in range(r.randint(1, 3)):
                    self.atm(owner if r.random() < .5 else aid, r.randrange(NDAYS),
                             rnd(Y(self.ln(40000, .5)), 100000), ch='counter')
            self.consume(owner, town, 0, NDAYS, r.randint(3, 9), r.randint(2, 6), 2.0)
            self.utilities(owner)

    def gen_shops(self):
        r = self.r
        self.shops = []
        towns = {'harbin': 10, 'suifenhe': 5, 'heihe': 4, 'dongning': 2, 'fuyuan': 1, 'mudanjiang': 1}
        tm = {'summer': 1.0, 'harvest': .6, 'icesnow': 2.0}[self.season]
        for i in range(self.pop['shops']):
            town = self.wpick(towns)
            hid, accts = self.resident(town, 'russian_goods_shop', (26, 60), second=.4)
            a = accts[0]
            self.shops.append((a, town))
            ws = [w for w in self.wholesalers if w[1] == town] or self.wholesalers
            rec = 0
            for d in range(self.dstart(a), NDAYS):
                lv = self.tour_level(d) * tm
                if r.random() < .85:
                    amt = Y(self.ln(700 * lv, .6))
                    self.wallet_out(a, d, amt, 'night', '经营收款提现')
                    rec += amt
            for _k in range(int(self.ln(10 * tm, .5))):
                d = r.randrange(NDAYS)
                c = self.outsider(TOURIST_PROV, 'online_buyer') if r.random() < .6 else self.friend(town)
                amt = Y(self.ln(260, .8))
                self.add(self.at(d, 'evening'), c, a, amt, 'mobile', self.acc[c].region,
                         memo=r.choice(['', '', '巧克力', '面粉', '蜂蜜', '套娃']))
                rec += amt
            k = 0
            for d in range(r.randint(2, 5), NDAYS, r.randint(4, 8)):
                w = self.pick(ws)
                self.add(self.at(d, 'morning'), a, w[0] if r.random() < .7 else w[2],
                         rnd(int(rec * r.uniform(.15, .3)), 100000 if rec > 2000000 else 10000), 'mobile',
                         self.acc[a].region, memo='货款')
            for _k in range(r.randint(0, 6)):
                self.add(self.at(r.randrange(NDAYS), 'evening'), a, self.pick(self.couriers), Y(self.ln(150, .6)),
                         'mobile', self.acc[a].region, memo='快递费')
            self.pay_rent(a, town, rnd(Y(self.ln(4000, .5)), 10000))
            self.consume(a, town, 0, NDAYS, r.randint(2, 6), r.randint(2, 6), 1.1)
            if len(accts) > 1 and r.random() < .5:
                self.add(self.at(r.randrange(10, NDAYS), 'night'), a, accts[1], rnd(int(rec * .2), 10000), 'mobile',
                         self.acc[a].region)

    def gen_hushi(self):
        """边民互市: border residents buy within their daily quota (8000 yuan); the processing company pays each
        resident, the resident passes the money on to the cooperative within hours, keeping a small fee"""
        r = self.r
        towns = ['suifenhe', 'dongning', 'heihe', 'fuyuan', 'tongjiang', 'luobei', 'raohe', 'xunke']
        coops = []
        for i in range(self.pop['hushi_coops']):
            town = towns[i % len(towns)]
            proc = self.corp_acct(town, 'border_trade_processing_company', years=(1, 8))
            settle = self.corp_acct(town, 'border_trade_cooperative', lead='93', years=(1, 8))
            coops.append((town, proc, settle, []))
        for k in range(self.pop['hushi']):
            town, proc, settle, res = coops[k % len(coops)]
            new = r.random() < .15
            op = self.open_on(r.randrange(-60, 15)) if new else None
            hid, accts = self.resident(town, 'border_resident_trader', (35, 74),
                                       bank=self.pick_bank(town, HLJ_RURAL_BANKS), opened=op, second=.15,
                                       years=(3, 25))
            a = accts[0]
            res.append(a)
            if self.holders[hid]['age'] >= 60:
                self.add(self.pension_day * DAY + int(r.uniform(7.5, 9.5) * HOUR), self.si_fund, a,
                         Y(self.ln(2300, .2)), 'other', '', memo='养老金')
            self.consume(a, town, 0, NDAYS, r.randint(0, 4), r.randint(0, 3), .6, 'elder')
            if r.random() < .3:
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(800, .5)), 10000))
        for town, proc, settle, res in coops:
            paid = 0
            for d in sorted(r.sample(range(NDAYS), r.randint(8, 16))):
                part = r.sample(res, min(len(res), r.randint(8, 30)))
                total = 0
                t = d * DAY + int(r.uniform(9, 11) * HOUR)
                last = t
                for a in part:
                    if self.acc[a].opened > t - DAY:
                        continue
                    amt = Y(r.choice([8000, 8000, 7999, 7980, 7950, 7900, 7800, 7600, 7500, 7000, 6500, 6000,
                                      r.uniform(3000, 8000)]))
                    t += r.randint(5, 90)
                    if self.add(t, proc, a, amt, 'other', '', memo='互市货款'):
                        fee = Y(r.choice([30, 40, 50, 60, 80, 100]))
                        t2 = t + r.randint(3 * 60, 3 * HOUR)
                        if self.add(t2, a, settle, amt - fee, r.choice(['mobile', 'mobile', 'counter']),
                                    self.acc[a].region, memo='互市结算'):
                            total += amt - fee
                            last = max(last, t2)
                if total:
                    self.add(last + r.randint(HOUR, 3 * HOUR), settle, self.pick(self.ru_exporters),
                             total - Y(r.uniform(0, 500)), 'online', self.acc[settle].region,
                             memo='互市进口货款', xb=True)
                    paid += total
            got = 0
            while got < paid * 1.08:
                c = self.rand_city(VICTIM_PROV)
                buyer = self.corp_pool(('food', R[c][0][:2]), c, 'food_factory', 2)
                amt = rnd(Y(self.ln(300000, .5)), 100)
                self.add(self.at(r.randrange(NDAYS), 'biz'), buyer, proc, amt, 'online', self.acc[buyer].region,
                         memo='货款')
                got += amt

    def gen_exporters(self):
        r = self.r
        for i in range(self.pop['exporters']):
            town = self.pick(['dongning', 'suifenhe', 'heihe', 'fuyuan', 'harbin', 'dongning'])
            aid = self.corp_acct(town, 'exporter_to_russia', years=(2, 15))
            rec = 0
            for _k in range(r.randint(2, 6)):
                amt = rnd(Y(self.ln(280000, .7)), 100)
                self.add(self.at(r.randrange(NDAYS), 'biz'), self.pick(self.ru_importers), aid, amt, 'online', '',
                         memo='', xb=True)
                rec += amt
            for _k in range(r.randint(3, 8)):
                sup = self.corp_acct(self.pick(['shouguang', 'weifang', 'dalian', 'yantai', 'linyi']),
                                     'produce_supplier', nonsup=True) if r.random() < .5 else self.supplier(town)
                self.add(self.at(r.randrange(NDAYS), 'biz'), aid, sup, rnd(int(rec * r.uniform(.05, .12)), 100),
                         'online', self.acc[aid].region, memo='货款')
            growers = self.pool.get(town, [])
            for g in r.sample(growers, min(len(growers), r.randint(4, 16))):
                self.add(self.at(r.randrange(NDAYS), 'biz'), aid, g, rnd(Y(self.ln(12000, .7)), 100), 'online', '',
                         memo=r.choice(['木耳款', '蔬菜款', '货款']))

    def gen_daigou(self):
        r = self.r
        for i in range(self.pop['daigou']):
            town = self.pick(['heihe', 'heihe', 'suifenhe', 'harbin', 'dongning'])
            new = r.random() < .3
            op = self.open_on(r.randrange(-90, 5)) if new else None
            hid, accts = self.resident(town, 'daigou_cross_border', (22, 45), opened=op, second=.3)
            a = accts[0]
            d0 = self.dstart(a)
            rec = 0
            for _k in range(int(self.ln(30, .5))):
                c = self.outsider(TOURIST_PROV, 'online_buyer')
                amt = Y(self.ln(450, .8))
                d = r.randrange(d0, NDAYS) if d0 < NDAYS else NDAYS - 1
                if self.add(self.at(d, 'young'), c, a, amt, 'mobile', self.acc[c].region,
                            memo=r.choice(['', '代购', '', '化妆品', '奶粉'])):
                    rec += amt
            for d in range(d0 + 2, NDAYS, r.randint(3, 6)):
                if r.random() < .5:
                    self.atm(a, d, rnd(int(rec * r.uniform(.1, .2)), 10000), reg=self.reg(town))
                else:
                    w = self.pick(self.wholesalers)
                    self.add(self.at(d, 'biz'), a, w[0], rnd(int(rec * r.uniform(.1, .2)), 10000), 'mobile',
                             self.acc[a].region, memo='货款')
            for _k in range(r.randint(2, 8)):
                self.add(self.at(r.randrange(d0, NDAYS) if d0 < NDAYS else 0, 'evening'), a, self.pick(self.couriers),
                         Y(self.ln(60, .5)), 'mobile', self.acc[a].region, memo='运费')
            self.consume(a, town, d0, NDAYS, r.randint(1, 5), r.randint(2, 6), .9, 'young')

    def gen_truckers(self):
        r = self.r
        self.truckers = []
        routes = ['changchun', 'shenyang', 'dalian', 'tianjin', 'beijing', 'shijiazhuang', 'jinan', 'qingdao',
                  'zhengzhou', 'hohhot', 'manzhouli', 'tangshan', 'linyi', 'harbin', 'mudanjiang', 'suifenhe',
                  'heihe', 'jiamusi', 'qiqihar', 'daqing']
        for i in range(self.pop['truckers']):
            city = self.pick(['harbin', 'mudanjiang', 'suifenhe', 'jiamusi', 'heihe', 'jixi', 'suihua'])
            hid, accts = self.resident(city, 'truck_driver', (26, 58), second=.3)
            a = accts[0]
            self.truckers.append(a)
            route = r.sample(routes, r.randint(3, 6))
            for _k in range(r.randint(6, 16)):
                d = r.randrange(NDAYS)
                payer = self.platform['MANBANG'] if r.random() < .5 else self.corp_pool(('ship', 0), self.pick(route), 'shipper', 40)
                self.add(self.at(d, 'biz'), payer, a, rnd(Y(self.ln(4500, .5)), 10000 if r.random() < .6 else 100),
                         'online', self.acc[payer].region, memo=r.choice(['运费', '', '运费']))
            for _k in range(r.randint(6, 16)):
                self.pos(a, self.pick(route), r.randrange(NDAYS), 'person', 5.0, 'gas')
            for _k in range(r.randint(2, 6)):
                self.add(self.at(r.randrange(NDAYS)), a, self.etc, Y(self.ln(500, .6)), 'mobile', '', memo='ETC')
            for _k in range(r.randint(1, 4)):
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(1000, .5)), 10000), reg=self.reg(self.pick(route)))
            self.p2p(a, city, r.randrange(NDAYS), rnd(Y(self.ln(2500, .5)), 10000), memo='家用')

    def gen_timber(self):
        r = self.r
        towns = {'suifenhe': 5, 'hailin': 3, 'mudanjiang': 2, 'dongning': 2, 'muling': 1, 'linkou': 1}
        mills = []
        for i in range(self.pop['sawmills']):
            town = self.wpick(towns)
            mills.append((self.corp_acct(town, 'sawmill_timber_yard', years=(2, 20)), town))
        for k in range(self.pop['timber_workers']):
            aid, town = mills[k % len(mills)]
            hid, accts = self.resident(town, 'timber_worker', (22, 58), bank=self.acc[aid].bank if r.random() < .6 else None,
                                       second=.2)
            a = accts[0]
            payday = self.dom_day(r.choice([10, 15, 20]))
            self.add(self.next_workday(payday) * DAY + int(r.uniform(9, 12) * HOUR), aid, a, Y(self.ln(4600, .25)),
                     'other', '', memo='工资')
            self.consume(a, town, 0, NDAYS, r.randint(2, 7), r.randint(2, 6), .8)
            if r.random() < .4:
                self.atm(a, r.randrange(NDAYS), rnd(Y(self.ln(1000, .5)), 10000))
        for aid, town in mills:
            rec = 0
            for _k in range(r.randint(4, 12)):
                b = self.pick(self.timber_buyers)
                amt = rnd(Y(self.ln(150000, .7)), 100)
                self.add(self.at(r.randrange(NDAYS), 'biz'), b, aid, amt, 'online', self.acc[b].region,
                         memo=r.choice(['木材款', '板材款', '货款']))
                rec += amt
            for _k in range(r.randint(1, 4)):
                self.add(self.at(r.randrange(NDAYS), 'biz'), aid, self.pick(self.ru_exporters),
                         rnd(int(rec * r.uniform(.15, .3)), 100), 'online', self.acc[aid].region, memo='原木进口款',
                         xb=True)
            for _k in range(r.randint(2, 5)):
                self.atm(aid, r.randrange(NDAYS), rnd(Y(self.ln(40000, .4)), 100000), ch='counter')
            for _k in range(r.randint(2, 8)):
                self.add(self.at(r.randrange(NDAYS), 'biz'), aid, self.pick(self.truckers), rnd(Y(self.ln(6000, .4)), 100),
                         'online', self.acc[aid].region, memo='运费')

    # ---------------- tourism ----------------
    def gen_tourism(self):
        r = self.r
        s = self.season
        places = {'summer': {'harbin': 6, 'heihe': 2, 'suifenhe': 2, 'wudalianchi': 1, 'fuyuan': 1, 'hailin': .3},
                  'harvest': {'harbin': 6, 'wudalianchi': 1, 'heihe': 1, 'suifenhe': 1, 'hailin': .4},
                  'icesnow': {'harbin': 7, 'shangzhi': 3, 'hailin': 3, 'heihe': .4, 'mudanjiang': .4}}[s]
        newshare = {'guesthouse': .15, 'tour_driver': .3, 'tour_guide': .45, 'ski_gear_rental': .35} if s == 'icesnow' \
            else {'guesthouse': .05, 'tour_driver': .1, 'tour_guide': .1, 'ski_gear_rental': .1}
        prov = {}
        for kind, n, age in (('guesthouse', self.pop['guesthouses'], (30, 65)),
                             ('tour_driver', self.pop['drivers'], (25, 58)),
                             ('tour_guide', self.pop['guides'], (21, 45)),
                             ('ski_gear_rental', self.pop['rentals'], (25, 55))):
            for i in range(n):
                if kind == 'ski_gear_rental':
                    city = self.pick(['shangzhi', 'shangzhi', 'harbin', 'hailin'])
                else:
                    city = self.wpick(places)
                op = self.open_on(r.randrange(-75, 8) if s != 'icesnow' else r.randrange(-45, 14)) \
                    if r.random() < newshare[kind] else None
                hid, accts = self.resident(city, kind, age, opened=op, second=.3)
                prov.setdefault((kind, city), []).append(accts[0])
                prov.setdefault((kind, '*'), []).append(accts[0])
        self.tour_prov = prov

        def get(kind, city):
            return prov.get((kind, city)) or prov.get((kind, '*'))
        received = {}
        days = list(range(NDAYS))
        dw = [self.tour_level(d) for d in days]
        for _ in range(self.pop['tourists']):
            origin = self.rand_city(TOURIST_PROV)
            payer = self.ext_person(origin, 'tourist', (22, 62))
            party = r.choice([1, 2, 2, 2, 3, 3, 4, 5])
            start = r.choices(days, weights=dw)[0]
            dur = r.randint(2, 6)
            dest = self.wpick(places)
            stops = [dest]
            if s == 'icesnow' and dest == 'harbin' and r.random() < .5:
                stops.append(self.pick(['shangzhi', 'hailin']))
            for j, city in enumerate(stops):
                d = min(NDAYS - 1, start + j * (dur // 2))
                nights = max(1, dur // len(stops))
                gl = get('guesthouse', city)
                if gl and r.random() < .45:
                    g = self.pick(gl)
                    total = Y(self.ln(260 * nights * max(1, party // 2) * (1.8 if s == 'icesnow' else 1), .4))
                    dep = rnd(int(total * r.uniform(.2, .5)), 10000)
                    dd = d - r.randint(1, 20)
                    self.add(self.at(dd, 'evening'), payer, g, dep, 'mobile', self.acc[payer].region, memo='定金')
                    self.add(self.at(d, 'evening'), payer, g, total - dep, 'mobile', self.reg(city), memo='房费')
                    received[g] = received.get(g, 0) + total
                dl = get('tour_driver', city)
                if dl and r.random() < .45:
                    dr = self.pick(dl)
                    for _k in range(r.randint(1, 2)):
                        self.add(self.at(min(NDAYS - 1, d + _k), 'evening'), payer, dr, rnd(Y(self.ln(800, .5)), 10000),
                                 'mobile', self.reg(city), memo=r.choice(['包车', '车费', '']))
                gdl = get('tour_guide', city)
                if gdl and r.random() < (.45 if s == 'icesnow' else .25):
                    gd = self.pick(gdl)
                    amt = rnd(Y(self.ln(1300 * party, .4)), 10000)
                    t = self.at(max(0, d - r.randint(0, 3)), 'evening')
                    if self.add(t, payer, gd, amt, 'mobile', self.acc[payer].region, memo=r.choice(['团费', '', '雪乡团费'])):
                        # the guide pays the guesthouse, the driver and the tickets within hours
                        t2 = t + r.randint(HOUR, 8 * HOUR)
                        outs = [(self.pick(get('guesthouse', 'hailin') or get('guesthouse', city)), r.uniform(.35, .5)),
                                (self.pick(get('tour_driver', city)), r.uniform(.1, .2)),
                                (self.snowtown if r.random() < .5 else self.yabuli if s == 'icesnow' else self.icesnow,
                                 r.uniform(.1, .25))]
                        for dest_a, share in outs:
                            t2 += r.randint(60, 1800)
                            self.add(t2, gd, dest_a, rnd(int(amt * share), 1000), 'mobile', self.acc[gd].region,
                                     memo='')
                rl = get('ski_gear_rental', city)
                if s == 'icesnow' and rl and city in ('shangzhi', 'harbin', 'hailin') and r.random() < .45:
                    self.add(self.at(d, 'person'), payer, self.pick(rl), rnd(Y(self.ln(260 * party, .4)), 1000),
                             'mobile', self.reg(city), memo=r.choice(['雪具租赁', '押金', '']))
                for _k in range(r.randint(1, 5)):
                    self.pos(payer, city, min(NDAYS - 1, d + r.randint(0, nights)), 'evening', 1.5,
                             self.pick(['restaurant', 'restaurant', 'supermarket', 'hotel', 'clothing']))
                if city == 'harbin' and r.random() < .6:
                    self.add(self.at(max(0, d - r.randint(0, 7))), payer, self.icesnow,
                             Y((328 if s == 'icesnow' else 120) * party), 'online', self.acc[payer].region, memo='门票')
                if s == 'icesnow' and city == 'shangzhi' and r.random() < .7:
                    self.add(self.at(d, 'morning'), payer, self.yabuli, Y(r.choice([380, 420, 560]) * party), 'pos',
                             self.acc[self.yabuli].region, memo='雪票')
                if self.shops and r.random() < .2:
                    sh = [x for x in self.shops if x[1] == city]
                    if sh:
                        self.add(self.at(d, 'evening'), payer, self.pick(sh)[0], Y(self.ln(300, .7)), 'mobile',
                                 self.reg(city), memo='')
                if r.random() < .25:
                    self.atm(payer, min(NDAYS - 1, d + 1), rnd(Y(self.ln(1500, .5)), 10000), reg=self.reg(city))
        # providers' own flows
        for (kind, city), lst in prov.items():
            if city == '*':
                continue
            for a in lst:
                d0 = self.dstart(a)
                if d0 >= NDAYS:
                    continue
                lv = sum(self.tour_level(d) for d in range(d0, NDAYS)) / max(1, NDAYS - d0)
                if kind == 'guesthouse':
                    plat = self.platform['MEITUAN'] if r.random() < .5 else self.platform['CTRIP']
                    for d in range(d0 + r.randint(1, 7), NDAYS, 7):
                        self.add(d * DAY + int(r.uniform(10, 15) * HOUR), plat, a, Y(self.ln(2500 * lv, .6)), 'other', '',
                                 memo='结算款')
                    for _k in range(r.randint(3, 10)):
                        self.p2p(a, city, r.randrange(d0, NDAYS), Y(r.choice([100, 150, 200, 300])), memo='保洁')
                    if s == 'icesnow' and r.random() < .6:
                        self.add(self.at(r.randrange(d0, NDAYS), 'morning'), a, self.pick(self.coal_sellers),
                                 rnd(Y(self.ln(9000, .5)), 10000), 'mobile', self.acc[a].region, memo='取暖煤')
                    if r.random() < .2 and len(lst) > 2:
                        peer = self.pick(lst)
                        if peer != a:
                            self.add(self.at(r.randrange(d0, NDAYS), 'night'), a, peer, rnd(Y(self.ln(600, .5)), 1000),
                                     'mobile', self.acc[a].region, memo='转客房费')
                    self.utilities(a, d0)
                    self.consume(a, city, d0, NDAYS, r.randint(2, 8), r.randint(2, 6), 1.2)
                elif kind == 'tour_driver':
                    for _k in range(r.randint(4, 12)):
                        self.pos(a, city, r.randrange(d0, NDAYS), 'person', 1.3, 'gas')
                    if r.random() < .5:
                        self.add(self.at(r.randrange(d0, NDAYS)), a, self.platform['WEBANK'], Y(self.ln(2800, .3)),
                                 'mobile', self.acc[a].region, memo='车贷')
                    self.consume(a, city, d0, NDAYS, r.randint(2, 6), r.randint(2, 6), .9)
                    if r.random() < .5:
                        self.p2p(a, city, r.randrange(d0, NDAYS), rnd(Y(self.ln(3000, .5)), 10000), memo='家用')
                elif kind == 'tour_guide':
                    self.consume(a, city, d0, NDAYS, r.randint(2, 6), r.randint(3, 9), .8, 'young')
                else:
                    for _k in range(int(self.ln(25 * lv, .4))):
                        c = self.outsider(TOURIST_PROV, 'tourist') if r.random() < .5 \
                            else self.friend(city)
                        self.add(self.at(r.randrange(d0, NDAYS)), c, a, rnd(Y(self.ln(180, .5)), 1000), 'mobile',
                                 self.reg(city), memo=r.choice(['租雪板', '雪具', '', '押金']))
                    for d in range(d0 + 3, NDAYS, r.randint(5, 9)):
                        self.add(self.at(d, 'morning'), a, self.supplier(city), rnd(Y(self.ln(8000, .5)), 100000),
                                 'mobile', self.acc[a].region, memo='进货款')
                    self.consume(a, city, d0, NDAYS, r.randint(1, 4), r.randint(2, 6), .8)

    # ---------------- night markets, barbecue, small restaurants on personal accounts ----------------
    def gen_stalls(self):
        r = self.r
        towns = {'harbin': 10, 'jixi': 2, 'jiamusi': 2, 'mudanjiang': 2, 'hegang': 1, 'shuangyashan': 1,
                 'heihe': 1, 'suifenhe': 1, 'qiqihar': 1, 'daqing': 1}
        sl = {'summer': 1.3, 'harvest': 1.0, 'icesnow': .8}[self.season]
        for i in range(self.pop['stalls']):
            town = self.wpick(towns)
            kind = self.pick(['barbecue', 'barbecue', 'night_market_stall', 'noodle_restaurant', 'snack_stall'])
            hid, accts = self.resident(town, kind, (24, 58), second=.35)
            a = accts[0]
            prof = 'night' if kind in ('barbecue', 'night_market_stall') else 'evening'
            lv = sl * (2.0 if (kind == 'snack_stall' and town == 'harbin' and self.season == 'icesnow') else 1.0)
            rec = 0
            for d in range(NDAYS):
                if r.random() < .86:
                    amt = Y(self.ln(650 * lv, .55))
                    self.wallet_out(a, d, amt, prof, '')
                    rec += amt
            for _k in range(int(self.ln(30 * lv, .5))):
                c = self.friend(town) if r.random() < .75 else self.outsider(TOURIST_PROV, 'customer')
                amt = Y(self.ln(90, .8))
                if r.random() < .4:
                    amt = rnd(amt, 1000)
                self.add(self.at(r.randrange(NDAYS), prof), c, a, amt, 'mobile', self.acc[a].region)
            for d in range(r.randint(0, 3), NDAYS, r.randint(3, 5)):
                sup = self.supplier(town) if r.random() < .6 else self.friend(town)
                self.add(self.at(d, 'morning'), a, sup, rnd(int(rec * r.uniform(.08, .16)), 10000), 'mobile',
                         self.acc[a].region, memo=r.choice(['肉款', '菜款', '酒水', '', '货款']))
            if r.random() < .35:
                for d in range(r.randint(0, 6), NDAYS, 7):
                    self.add(self.at(d, 'morning'), None, a, rnd(Y(self.ln(2500, .5)), 10000), 'atm', self.acc[a].region,
                             'deposit')
            self.pay_rent(a, town, rnd(Y(self.ln(3000, .5)), 10000))
            for _k in range(r.randint(1, 4)):
                self.p2p(a, town, r.randrange(NDAYS), Y(r.choice([120, 150, 200])), prof, memo='工钱')
            self.consume(a, town, 0, NDAYS, r.randint(1, 5), r.randint(2, 6), .8, prof)
            self.utilities(a, 0, self.heating_m2())
            if len(accts) > 1 and r.random() < .5:
                self.add(self.at(r.randrange(8, NDAYS), 'night'), a, accts[1], rnd(int(rec * .25), 10000), 'mobile',
                         self.acc[a].region)

    # ---------------- weddings, family pooling, large one-off payments ----------------
    def gen_events(self):
        r = self.r
        gift = [200, 200, 300, 500, 500, 500, 600, 800, 1000, 1000, 1000, 2000, 3000]
        for i in range(self.pop['weddings']):
            city = self.hlj_city()
            hid, accts = self.resident(city, 'wedding_host_parent', (45, 66), years=(5, 25), second=.4)
            a = accts[0]
            wdays = [d for d in range(6, NDAYS) if self.wd(d) >= 5 or d in self.holidays] or list(range(6, NDAYS))
            wday = self.pick(wdays)
            if r.random() < .45:
                fam = self.friend(city) if r.random() < .7 else self.ext_person(self.hlj_city(), 'bride_family')
                self.add(self.at(wday - r.randint(3, 6), 'counter'), a, fam,
                         Y(r.choice([66666, 88888, 100000, 128000, 168000, 188000])), r.choice(['counter', 'mobile']),
                         self.acc[a].region, memo=r.choice(['彩礼', '']))
            got = 0
            for _k in range(r.randint(30, 110)):
                g = self.friend(city) if r.random() < .85 else self.outsider(VICTIM_PROV, 'relative')
                if g == a:
                    continue
                d = wday - (1 if r.random() < .35 else 0)
                amt = Y(self.pick(gift))
                if self.add(self.at(d, 'wedding'), g, a, amt, 'mobile', self.acc[g].region,
                            memo=r.choice(['随礼', '新婚快乐', '', '份子钱', '百年好合'])):
                    got += amt
            rest = self.merchant(city, 'restaurant')[0]
            self.add(wday * DAY + int(r.uniform(14, 17) * HOUR), a, rest, rnd(Y(self.ln(32000, .4)), 100),
                     r.choice(['pos', 'mobile', 'counter']), self.acc[rest].region, memo='婚宴')
            for _k in range(r.randint(4, 9)):
                dr = self.friend(city)
                self.add(wday * DAY + int(r.uniform(12, 14) * HOUR) + _k * 37, a, dr, Y(r.choice([300, 400, 500, 600])),
                         'mobile', self.acc[a].region, memo='婚车')
            if got and r.random() < .5:
                child = self.friend(city) if r.random() < .6 else self.ext_person(self.wpick(SOUTH_WORK), 'adult_child')
                self.add(self.at(min(NDAYS - 1, wday + r.randint(1, 5)), 'evening'), a, child, rnd(int(got * .8), 100000),
                         'mobile', self.acc[a].region, memo='')
            self.events.append('wedding')
        for i in range(self.pop['pools']):
            city = self.hlj_city()
            hid, accts = self.resident(city, 'family_pool_buyer', (26, 55), second=.3)
            a = accts[0]
            purpose = self.pick(['flat', 'flat', 'car', 'hospital'])
            d = r.randrange(2, NDAYS - 2)
            got = 0
            for _k in range(r.randint(2, 6)):
                m = self.friend(city) if r.random() < .5 else self.outsider(None, 'family_member', city=self.wpick(SOUTH_WORK))
                amt = Y(r.choice([10000, 20000, 30000, 50000, 50000, 80000, 100000, 200000]))
                if self.add(self.at(d - r.randint(0, 2), 'evening'), m, a, amt, 'mobile', self.acc[m].region,
                            memo=r.choice(['', '买房', '首付', '借你的', ''])):
                    got += amt
            if purpose == 'flat':
                dev = self.pick(self.developers.get(city) or self.developers['harbin'])
                self.add(self.at(min(NDAYS - 1, d + r.randint(0, 3)), 'counter'), a, dev,
                         rnd(got + Y(self.ln(60000, .6)), 100000), 'counter', self.acc[dev].region, memo='购房首付')
            elif purpose == 'car':
                self.add(self.at(min(NDAYS - 1, d + r.randint(0, 3)), 'biz'), a, self.pick(self.car_dealers),
                         rnd(got + Y(self.ln(30000, .6)), 100), 'pos', '', memo='购车款')
            else:
                hosp = self.employer('harbin', 'hospital')['aid']
                self.add(self.at(min(NDAYS - 1, d + r.randint(0, 2)), 'counter'), a, hosp, rnd(int(got * r.uniform(.6, 1.0)), 100),
                         'counter', self.acc[hosp].region, memo='住院押金')
            self.consume(a, city, 0, NDAYS, r.randint(2, 6), r.randint(2, 6))
            self.events.append('family_pool_' + purpose)
        for i in range(self.pop['bigbuys']):
            city = self.hlj_city()
            hid, accts = self.resident(city, 'large_purchase', (28, 62), years=(3, 20), second=.4)
            a = accts[0]
            kind = self.pick(['car', 'car', 'flat_deposit', 'renovation', 'gold'])
            d = r.randrange(NDAYS)
            if len(accts) > 1:
                self.add(self.at(d, 'person') - 3 * HOUR, accts[1], a, rnd(Y(self.ln(80000, .5)), 100000), 'mobile',
                         self.acc[a].region)
            if kind == 'car':
                self.add(self.at(d, 'biz'), a, self.pick(self.car_dealers), rnd(Y(self.ln(130000, .5)), 100), 'pos', '',
                         memo='购车款')
            elif kind == 'flat_deposit':
                dev = self.pick(self.developers.get(city) or self.developers['harbin'])
                self.add(self.at(d, 'counter'), a, dev, Y(r.choice([20000, 30000, 50000, 100000])), 'counter',
                         self.acc[dev].region, memo='定金')
            elif kind == 'renovation':
                deco = self.corp_acct(city, 'decoration_company')
                self.add(self.at(d, 'biz'), a, deco, rnd(Y(self.ln(60000, .5)), 100000), 'mobile', self.acc[a].region,
                         memo='装修款')
            else:
                self.pos(a, city, d, 'person', 4.0, 'jewelry')
            self.consume(a, city, 0, NDAYS, r.randint(2, 8), r.randint(2, 6), 1.5)
            self.events.append('large_' + kind)

    def gen_dormant(self):
        r = self.r
        for i in range(self.pop['dormant']):
            city = self.hlj_city()
            hid = self.person(city, 22, 80, 'dormant')
            bank = self.pick_bank(city)
            a = self.account(hid, bank, self.old_open(2, 20, self.holders[hid]['age']), city,
                             'I' if r.random() < .9 else 'II', 'lawful', 'dormant')
            if r.random() < .08:
                self.acc[a].status = 'closed'
        for i in range(self.pop['reactivated']):
            city = self.pick(COAL_TOWNS + ['jixi', 'hegang'] + FARM_TOWNS[:4])
            coal = city in COAL_TOWNS
            hid = self.person(city, 50, 82, 'dormant_reactivated_compensation')
            bank = self.pick_bank(city, HLJ_RURAL_BANKS)
            a = self.account(hid, bank, self.old_open(10, 25, self.holders[hid]['age']), city, 'I', 'lawful',
                             'dormant_reactivated_compensation')
            d = r.randrange(NDAYS - 3)
            amt = rnd(Y(self.ln(220000, .5)), 100)
            payer = self.housing_bureau.get(city) if coal else self.treasury
            t = d * DAY + int(r.uniform(9, 15) * HOUR)
            self.add(t, payer, a, amt, 'other', '', memo='棚改补偿款' if coal else '征地补偿款')
            left = amt
            for _k in range(r.randint(1, 3)):
                ch = self.ext_person(self.wpick(SOUTH_WORK), 'adult_child') if r.random() < .5 else self.friend('harbin')
                x = rnd(int(amt * r.uniform(.15, .35)), 1000000)
                if x < left:
                    self.add(t + r.randint(HOUR, 5 * DAY), a, ch, x, r.choice(['counter', 'mobile']), self.acc[a].region)
                    left -= x
            if r.random() < .5:
                dev = self.pick(self.developers.get(city) or self.developers['harbin'])
                self.add(t + r.randint(DAY, 6 * DAY), a, dev, rnd(int(left * .6), 100000), 'counter',
                         self.acc[dev].region, memo='购房款')
            if r.random() < .6:
                self.add(t + r.randint(HOUR, 3 * DAY), a, None, Y(r.choice([20000, 30000, 49000, 49900, 50000])),
                         'counter', self.acc[a].region, 'withdrawal')

    def gen_microsellers(self):
        r = self.r
        prod = {'wuchang': '大米', 'dongning': '黑木耳', 'heihe': '俄罗斯商品', 'harbin': '红肠', 'fuyuan': '鱼干',
                'yichun': '蓝莓', 'shangzhi': '冻梨', 'hailin': '粘豆包', 'suifenhe': '俄罗斯商品', 'jiamusi': '榛蘑'}
        for i in range(self.pop['microsellers']):
            town = self.pick(list(prod))
            x = r.random()
            op = self.open_on(r.randrange(-120, -1)) if x < .5 else self.open_on(r.randrange(0, 18)) if x < .65 else None
            hid, accts = self.resident(town, 'online_micro_seller', (22, 50), opened=op, second=.25)
            a = accts[0]
            d0 = self.dstart(a)
            if d0 >= NDAYS:
                continue
            rec = 0
            for _k in range(int(self.ln(45, .6))):
                c = self.outsider(TOURIST_PROV, 'online_buyer')
                amt = Y(self.ln(120, .7))
                if self.add(self.at(r.randrange(d0, NDAYS), 'evening'), c, a, amt, 'mobile', self.acc[c].region,
                            memo=r.choice(['', prod[town], '', '订单'])):
                    rec += amt
            for _k in range(r.randint(0, 4)):
                self.add(self.at(r.randrange(d0, NDAYS), 'biz'), self.platform['DOUYIN'], a, Y(self.ln(1500, .7)),
                         'other', '', memo='结算')
            for d in range(d0 + 2, NDAYS, r.randint(3, 7)):
                sup = self.supplier(town) if r.random() < .6 else self.friend(town)
                self.add(self.at(d, 'morning'), a, sup, rnd(int(rec * r.uniform(.12, .25)), 10000), 'mobile',
                         self.acc[a].region, memo='货款')
            for d in range(d0, NDAYS, r.randint(1, 3)):
                self.add(self.at(d, 'evening'), a, self.pick(self.couriers), Y(self.ln(250, .6)), 'mobile',
                         self.acc[a].region, memo='快递费')
            self.consume(a, town, d0, NDAYS, r.randint(1, 4), r.randint(2, 6), .8, 'young')

    def gen_migrants(self):
        r = self.r
        for i in range(self.pop['migrants']):
            home = self.pick(COAL_TOWNS + COAL_TOWNS + FARM_TOWNS[:8] + ['harbin', 'jiamusi', 'mudanjiang'])
            work = self.wpick(SOUTH_WORK)
            hid, accts = self.resident(home, 'migrant_worker_south', (20, 45), years=(2, 15), pool=False, second=.3)
            a = accts[0]
            e = self.employer(work, 'company')
            self.salary(e, a, Y(self.ln(6500, .3)))
            back = NDAYS
            if self.season == 'icesnow' and r.random() < .6:
                back = r.randint(18, 29)
                self.add(self.at(back - r.randint(5, 12)), a, self.railway, Y(r.uniform(380, 1100)), 'mobile',
                         self.reg(work), memo='火车票')
            for _k in range(r.randint(1, 3)):
                self.atm(a, r.randrange(0, back), rnd(Y(self.ln(1500, .5)), 10000), reg=self.reg(work))
            self.consume(a, work, 0, back, r.randint(2, 7), 0)
            for _k in range(r.randint(2, 7)):
                self.wallet(a, r.randrange(back), 60, 'young', self.reg(work))
            if r.random() < .7 and self.pensioners:
                ps = [p for p in self.pensioners if p[1] == home] or self.pensioners
                p = self.pick(ps)[0]
                self.add(self.at(r.randrange(NDAYS), 'evening'), a, p, rnd(Y(self.ln(1500, .5)), 10000), 'mobile',
                         self.reg(work), memo=r.choice(['', '生活费', '给妈']))
            ll = self.ext_person(work, 'landlord', (35, 70), nonsup=True)
            self.add(self.at(self.dom_day(1)), a, ll, rnd(Y(self.ln(1200, .3)), 10000), 'mobile', self.reg(work), memo='房租')
            if back < NDAYS:
                self.atm(a, min(NDAYS - 1, back + 1), rnd(Y(self.ln(2000, .5)), 10000))
                self.consume(a, home, back, NDAYS, r.randint(1, 4), r.randint(1, 3))

    def gen_retirees(self):
        r = self.r
        si_ext = {}
        for i in range(self.pop['summer_retirees']):
            home = self.pick(['shanghai', 'guangzhou', 'hangzhou', 'wuhan', 'chongqing', 'changsha', 'nanjing',
                              'chengdu', 'tianjin', 'beijing'])
            stay = self.pick(['harbin', 'yichun', 'heihe', 'mudanjiang', 'harbin', 'wudalianchi'])
            hid = self.person(home, 58, 78, 'summer_retiree')
            bank = self.pick_bank(home, {'ICBC': 3, 'ABC': 2, 'PSBC': 2, 'CCB': 2, 'BOC': 1})
            a = self.account(hid, bank, self.old_open(8, 30), home, 'I', 'lawful', 'summer_retiree_from_south')
            if home not in si_ext:
                si_ext[home] = self.corp_acct(home, 'social_insurance_fund_other', lead='12', nonsup=True)
            self.add(self.dom_day(r.choice([10, 15, 20])) * DAY + 8 * HOUR + r.randint(0, 3600), si_ext[home], a,
                     Y(self.ln(4800, .3)), 'other', '', memo='养老金')
            arrive = r.randrange(0, 12)
            self.pay_rent(a, stay, rnd(Y(self.ln(2500, .4)), 10000), day=arrive)
            for _k in range(r.randint(1, 3)):
                self.atm(a, r.randrange(arrive, NDAYS), rnd(Y(self.ln(1500, .5)), 10000), reg=self.reg(stay))
            self.consume(a, stay, arrive, NDAYS, r.randint(2, 8), r.randint(1, 4), 1.0, 'elder', self.reg(stay))
        for i in range(self.pop['snowbirds']):
            home = self.pick(COAL_TOWNS + ['harbin', 'harbin', 'mudanjiang', 'jiamusi'])
            stay = self.pick(['sanya', 'sanya', 'sanya', 'haikou'])
            hid, accts = self.resident(home, 'snowbird_pensioner', (58, 80), bank=self.pick_bank(home, HLJ_RURAL_BANKS),
                                       years=(8, 30), second=.2)
            a = accts[0]
            self.add(self.pension_day * DAY + int(r.uniform(7.5, 9.5) * HOUR), self.si_fund, a, Y(self.ln(3600, .2)),
                     'other', '', memo='养老金')
            arrive = r.randrange(0, NDAYS) if self.season == 'harvest' else r.randrange(-20, 10)
            arrive = max(0, arrive)
            if self.season == 'harvest' and arrive > 25:
                continue
            ll = self.ext_person(stay, 'landlord', (35, 70), nonsup=True)
            self.add(self.at(arrive, 'elder'), a, ll, rnd(Y(self.ln(3500, .4)), 10000), 'mobile', self.reg(stay),
                     memo='房租')
            for _k in range(r.randint(1, 3)):
                self.atm(a, r.randrange(arrive, NDAYS), rnd(Y(self.ln(1500, .5)), 10000), reg=self.reg(stay))
            for _k in range(r.randint(2, 7)):
                self.pos(a, stay, r.randrange(arrive, NDAYS), 'elder', .8)

    def gen_lenders(self):
        r = self.r
        borrowers = [w[0] for w in self.wholesalers] + [c[0] for c in self.coops]
        for i in range(self.pop['lenders']):
            city = self.pick(['harbin', 'mudanjiang', 'jiamusi', 'suifenhe'])
            hid, accts = self.resident(city, 'private_lender', (40, 65), years=(5, 20), second=.6)
            a = accts[0]
            for _k in range(r.randint(2, 4)):
                b = self.pick(borrowers)
                amt = Y(r.choice([100000, 200000, 300000, 500000, 800000]))
                d = r.randrange(NDAYS - 3)
                t = self.at(d, 'biz')
                if self.add(t, a, b, amt, 'online', self.acc[a].region, memo=r.choice(['借款', '过桥', ''])):
                    t2 = t + r.randint(2 * DAY, 10 * DAY)
                    self.add(t2, b, a, amt + rnd(int(amt * r.uniform(.004, .02)), 100), 'online',
                             self.acc[b].region, memo='还款')
            self.consume(a, city, 0, NDAYS, r.randint(2, 8), r.randint(1, 5), 2.0)

    # ---------------- funding of employers and settlement of businesses ----------------
    def employer_funding(self):
        r = self.r
        clients = {}
        for aid, e in self.emp_by_aid.items():
            if e['total'] <= 0:
                continue
            if not self.sup(self.acc[aid].bank):
                continue
            pd = e['payday']
            if e['public']:
                d = max(0, pd - r.randint(1, 3))
                self.add(d * DAY + int(r.uniform(9, 15) * HOUR), self.treasury, aid,
                         rnd(int(e['total'] * r.uniform(1.0, 1.35)), 100), 'other', '', memo='财政拨款')
            else:
                need = int(e['total'] * r.uniform(1.2, 1.9))
                got = 0
                while got < need:
                    city = self.rand_city(VICTIM_PROV) if r.random() < .5 else self.hlj_city()
                    key = city
                    clients[key] = self.corp_pool(('client', key), city, 'client_company', 2)
                    amt = rnd(Y(self.ln(80000, .8)), 100)
                    self.add(self.at(r.randrange(NDAYS), 'biz'), clients[key], aid, amt, 'online',
                             self.acc[clients[key]].region, memo=r.choice(['货款', '服务费', '工程款', '']))
                    got += amt
        tot = sum(t[3] for t in self.tx if t[1] == self.si_fund)
        if tot:
            self.add(max(0, self.pension_day - 2) * DAY + 10 * HOUR, self.treasury, self.si_fund,
                     rnd(int(tot * 1.05), 100), 'other', '', memo='基金划拨')

    def settle_businesses(self):
        """businesses with rows pay suppliers and taxes out of what they take in"""
        r = self.r
        inflow = {}
        outflow = {}
        for t in self.tx:
            if t[2] is not None:
                inflow[t[2]] = inflow.get(t[2], 0) + t[3]
            if t[1] is not None:
                outflow[t[1]] = outflow.get(t[1], 0) + t[3]
        for aid, a in list(self.acc.items()):
            if a.role != 'lawful' or not self.sup(a.bank):
                continue
            if not (a.arch.startswith('merchant') or a.arch in (
                    'car_dealer', 'farm_machinery_dealer', 'property_developer', 'coal_retailer', 'agri_input_supplier',
                    'heating_company', 'utility_electricity', 'utility_telecom', 'icesnow_world', 'ski_resort',
                    'snowtown_scenic_operator', 'wholesale_supplier', 'grain_depot', 'decoration_company',
                    'toll_etc', 'border_trade_processing_company', 'exporter_to_russia', 'sawmill_timber_yard',
                    'russian_goods_wholesaler', 'farm_cooperative') or a.arch.startswith('employer_')):
                continue
            inn = inflow.get(aid, 0)
            out = outflow.get(aid, 0)
            if inn <= out * 1.2 or inn < 200000:
                continue
            spare = int((inn - out) * r.uniform(.55, .85))
            city = a.city
            n = max(1, min(8, spare // 3000000 + 1))
            for k in range(n):
                d = self.clip(int((k + 0.6) * NDAYS / n) + r.randint(-1, 1), 0, NDAYS - 1)
                if a.arch.startswith('merchant_personal'):
                    sup = self.supplier(city)
                else:
                    c = self.rand_city(VICTIM_PROV)
                    sup = self.supplier(city) if r.random() < .6 else self.corp_pool(
                        ('upstream', R[c][0][:2]), c, 'upstream_supplier', 2)
                self.add(self.at(d, 'biz'), aid, sup, rnd(spare // n, 100), 'online', a.region, memo='货款')
            if a.cls == 'corp':
                self.add(self.at(self.dom_day(15), 'biz'), aid, self.treasury, rnd(int(inn * r.uniform(.02, .05)), 1),
                         'online', a.region, memo='税款')

    # =============================================================================================
    # fraud: victims, mule accounts, 跑分, card farmers, layering, cash-out and exits
    # =============================================================================================
    # type: (payments lo, hi, median yuan, sigma, escalating, victim age range)
    SCAM = {
        'brushing': (2, 6, 700, .8, True, (19, 45)),
        'ecommerce_cs': (1, 4, 6000, .9, False, (22, 58)),
        'investment': (2, 6, 40000, .9, True, (30, 62)),
        'romance': (2, 5, 30000, .9, True, (28, 58)),
        'loan_card': (2, 4, 2500, .7, True, (22, 48)),
        'credit_record': (1, 3, 25000, .8, False, (21, 35)),
        'police_gov': (1, 3, 90000, .9, False, (40, 80)),
        'leader_acquaintance': (1, 2, 30000, .7, False, (28, 60)),
        'game_trade': (1, 3, 800, .8, False, (14, 26)),
        'shopping_service': (1, 2, 1500, .8, False, (20, 55)),
        'fake_job': (1, 3, 600, .6, False, (18, 40)),
        'prize': (1, 2, 5000, .7, False, (40, 75)),
        'parcel': (1, 2, 60000, .9, False, (30, 70)),
        'subsidy_refund': (1, 2, 4000, .6, False, (45, 75)),
        'accident_kidnap': (1, 1, 20000, .6, False, (45, 75)),
        'phone_bill': (1, 2, 30000, .8, False, (45, 78)),
        'military_purchase': (1, 3, 15000, .7, True, (30, 55)),
    }
    SCAM_W = {
        'baseline': {'brushing': 20, 'investment': 12, 'ecommerce_cs': 14, 'loan_card': 10, 'credit_record': 8,
                     'police_gov': 8, 'leader_acquaintance': 6, 'game_trade': 5, 'romance': 5,
                     'shopping_service': 5, 'fake_job': 3, 'prize': 1, 'parcel': 1, 'subsidy_refund': 1,
                     'accident_kidnap': 1, 'phone_bill': 1, 'military_purchase': 2},
        'V2': {'investment': 22, 'romance': 14, 'brushing': 20, 'loan_card': 12, 'police_gov': 8,
               'ecommerce_cs': 8, 'credit_record': 6, 'leader_acquaintance': 4, 'game_trade': 2,
               'shopping_service': 2, 'military_purchase': 2, 'parcel': 1, 'phone_bill': 1},
        'V3': {'ecommerce_cs': 12, 'brushing': 16, 'shopping_service': 12, 'investment': 10, 'loan_card': 10,
               'leader_acquaintance': 8, 'police_gov': 8, 'credit_record': 6, 'game_trade': 6,
               'accident_kidnap': 3, 'fake_job': 4, 'romance': 3, 'subsidy_refund': 1, 'prize': 1},
    }
    SCAM_MEMO = {'brushing': ['', '', '任务单', '垫付', '做单'], 'investment': ['', '投资款', '充值', '入金'],
                 'romance': ['', '', '充值', '借你的'], 'loan_card': ['', '保证金', '解冻费', '验资'],
                 'ecommerce_cs': ['', '', '备用金'], 'police_gov': ['', '', '', '资金清查'],
                 'credit_record': ['', '还款', '清空额度'], 'shopping_service': ['', '定金', '房费', '门票'],
                 'leader_acquaintance': ['', '', '借款'], 'fake_job': ['', '培训费', '服装费'],
                 'game_trade': ['', '账号', '保证金'], 'military_purchase': ['', '货款', '垫付款']}
    FARM_CITIES = ['changsha', 'wuhan', 'nanjing', 'suzhou', 'hangzhou', 'zhengzhou', 'hefei', 'nanchang', 'jinan',
                   'shenyang', 'changchun', 'harbin', 'mudanjiang', 'jiamusi', 'qiqihar', 'daqing', 'hohhot',
                   'baotou', 'kunming', 'nanning', 'guiyang', 'chongqing', 'chengdu', 'xian', 'taiyuan',
                   'shijiazhuang', 'jixi', 'suihua']

    def make_exits(self):
        r = self.r
        fc = self.fc
        self.usdt = []
        for i in range(r.randint(*fc['usdt'])):
            city = self.wpick({'xiamen': 2, 'fuzhou': 1, 'quanzhou': 1, 'anxi': 1, 'shenzhen': 2, 'guangzhou': 2,
                               'zhengzhou': 1, 'harbin': 2, 'changsha': 1, 'chengdu': 1, 'hangzhou': 1,
                               'nanning': 1, 'kunming': 1, 'suifenhe': .5, 'heihe': .5})
            hid = self.person(city, 22, 45, 'usdt_otc_seller')
            a = self.account(hid, self.pick_bank(city, MULE_BANKS), self.old_open(0.3, 6), city, 'I', 'fraud_exit',
                             'usdt_otc_seller')
            own = self.account(hid, self.pick_bank(city, MULE_BANKS, avoid=(self.acc[a].bank,)), self.old_open(0.5, 8),
                               city, 'I', 'fraud_exit', 'usdt_otc_seller_second_card')
            self.usdt.append((a, own))
        self.merch_exits = []
        for i in range(r.randint(*fc['merch'])):
            firm = self.pick(['LAKALA', 'YEEPAY', 'SUMPAY', 'HUIFU', 'UMSPAY'])
            city = self.pick(['shenzhen', 'guangzhou', 'xiamen', 'hangzhou', 'chengdu', 'nanning', 'kunming', 'haikou'])
            hid = self.company(city, 'payment_merchant_front')
            self.merch_exits.append(self.account(hid, firm, self.open_on(-r.randint(20, 400)), city, 'corp',
                                                 'fraud_exit', 'payment_firm_merchant', 'corp'))

    def make_farmers(self):
        r = self.r
        fc = self.fc
        self.farmer_cards = []
        self.farmer_holders = []
        for i in range(r.randint(*fc['farmers'])):
            home = self.wpick({'loudi': 2, 'xinhua': 2, 'bobai': 2, 'nanning': 1, 'harbin': 2, 'jixi': 1, 'hegang': 1,
                               'hohhot': 1, 'nanyang': 1, 'ganzhou': 1, 'suihua': 1, 'qiqihar': 1, 'yanji': 1,
                               'fuyang': 1})
            hid = self.person(home, 19, 38, 'card_farmer')
            self.holders[hid]['farmer'] = True
            self.farmer_holders.append(hid)
            own = self.account(hid, self.pick_bank(home), self.old_open(2, 8, self.holders[hid]['age']), home, 'I',
                               'lawful', 'card_farmer_own_account')
            if self.sup(self.acc[own].bank):
                self.need_life.append((own, home))
            prov = R[home][0][:2]
            far = [c for c in self.FARM_CITIES if R[c][0][:2] != prov]
            cities = r.sample(far, r.randint(2, 3))
            k = r.randint(6, 15)
            day = r.uniform(*fc['farm_burst'])
            span = r.uniform(3, 14)
            used_banks = {}
            for j in range(k):
                city = cities[j * len(cities) // k]
                d = day + span * j / k
                ub = used_banks.setdefault(city, [])
                bank = self.pick_bank(city, MULE_BANKS, avoid=tuple(ub))
                ub.append(bank)
                op = self.open_on(math.floor(d))
                cls = 'I' if r.random() < .7 else 'II'
                aid = self.account(hid, bank, op, city, cls, 'farmer_card', 'farmer_card')
                self.acc[aid].m = {'used': False}
                self.farmer_cards.append(aid)

    def take_farmer_card(self, t):
        r = self.r
        el = [a for a in self.farmer_cards if not self.acc[a].m['used'] and self.acc[a].opened <= t - DAY]
        if not el:
            return None
        a = self.pick(el)
        self.acc[a].m['used'] = True
        return a

    def make_groups(self):
        r = self.r
        fc = self.fc
        types = list(self.SCAM_W[self.variant])
        groups = []
        for i in range(fc['groups']):
            ctrl_city = self.pick(['nanning', 'dongxing', 'kunming', 'xiamen', 'shenzhen', 'guangzhou', 'haikou'])
            hid = self.person(ctrl_city, 20, 40, 'mule_holder')
            ctrl = self.account(hid, self.pick_bank(ctrl_city, MULE_BANKS, nonsup=True), self.old_open(0.5, 4),
                                ctrl_city, 'I', 'mule', 'mule_control')
            self.acc[ctrl].m = {'g': i, 'layer': -1, 'mtype': 'control', 'act': -10 * DAY, 'end': END, 'cash': False}
            depth = r.randint(*fc['depth'])
            cr = [self.pick(CASH_REGIONS['far'])] + [self.pick(CASH_REGIONS['border'])]
            if r.random() < .4:
                cr.append(self.pick(CASH_REGIONS['border' if r.random() < .5 else 'far']))
            g = {'id': i, 'types': r.sample(types, min(len(types), r.randint(2, 5))), 'depth': depth,
                 'slots': {L: [None] * (r.randint(*fc['slots1']) if L == 0 else r.randint(*fc['slotsd']))
                           for L in range(depth)},
                 'mult': r.uniform(.5, 2.0), 'cash_share': r.uniform(*fc['cash_share']), 'cash_regions': cr,
                 'p_round': r.uniform(.15, .7), 'usdt': r.sample(self.usdt, min(len(self.usdt), r.randint(2, 4))),
                 'merch': r.sample(self.merch_exits, min(len(self.merch_exits), r.randint(1, 3))),
                 'p_usdt': r.uniform(.35, .85), 'control': ctrl, 'paofen': [], 'p_paofen': 0.0,
                 'atm_limit': Y(r.choice([20000, 20000, 20000, 50000])), 'chunk': Y(r.choice([2000, 2500, 3000, 3000, 5000])),
                 'counter': r.random() < (.6 if self.variant == 'V2' else .2),
                 'op_regions': [self.reg(self.pick(['nanning', 'dongxing', 'kunming', 'ruili', 'xiamen', 'guangzhou',
                                                     'shenzhen', 'haikou', 'fuzhou', 'changsha']))
                                for _ in range(2)]}
            groups.append(g)
        for t in types:     # every fraud type has a group
            if not any(t in g['types'] for g in groups):
                self.pick(groups)['types'].append(t)
        return groups

    def make_paofen(self, groups):
        r = self.r
        n = r.randint(*self.fc['paofen'])
        self.special = set()
        for i in range(n):
            x = r.random()
            if x < .45 and self.students:
                a = self.pick(self.students)[0]
                if a in self.special:
                    continue
            elif x < .7:
                city = self.pick(['harbin', 'jixi', 'hegang', 'shuangyashan', 'mudanjiang', 'jiamusi', 'qitaihe'])
                lst = self.pool.get(city, [])
                a = self.pick(lst) if lst else None
                if a is None or a in self.special or self.acc[a].arch not in ('service', 'office', 'coal_miner',
                                                                              'seasonal_farm_worker', 'timber_worker',
                                                                              'acquaintance', 'tour_guide'):
                    continue
            else:
                city = self.wpick(MULE_HOME)
                hid, accts = self.resident(city, 'young_person', (18, 35), bank=self.pick_bank(city, MULE_BANKS),
                                           years=(1, 6), pool=False, second=0)
                a = accts[0]
                self.light_life(a, city)
            self.special.add(a)
            g = self.pick(groups)
            acc = self.acc[a]
            acc.role = 'paofen'
            acc.arch = 'paofen_' + acc.arch
            st = r.uniform(0, NDAYS - 3) * DAY
            acc.m = {'g': g['id'], 'layer': 0 if (r.random() < .7 or g['depth'] < 3) else 1, 'mtype': 'paofen',
                     'act': int(st), 'end': int(st + r.uniform(2, 10) * DAY), 'cash': False,
                     'comm': r.uniform(.005, .02)}
            g['paofen'].append(a)
            g['p_paofen'] = r.uniform(.15, .4)

    def new_mule(self, g, layer, t_act):
        r = self.r
        fc = self.fc
        mtype = self.wpick(fc['mix1'] if layer == 0 else fc['mixd'])
        aid = None
        if mtype == 'farmer':
            aid = self.take_farmer_card(t_act)
            if aid is None:
                mtype = 'fresh'
        if aid is None:
            home = self.wpick(MULE_HOME)
            if mtype in ('rented', 'sold'):
                hid = self.person(home, 20, 66, 'mule_holder')
                op = self.old_open(1.5, 12, self.holders[hid]['age'])
                city, cls = home, 'I'
            else:
                hid = self.person(home, 18, 42, 'mule_holder')
                if mtype == 'aged':
                    x = t_act - r.uniform(20, 170) * DAY
                else:
                    x = t_act - r.uniform(*fc['fresh_open'])
                op = self.open_on(math.floor(x / DAY))
                if op > t_act - HOUR:
                    op = self.open_on(math.floor(x / DAY) - 1)
                city = home if r.random() < .6 else self.pick(['guangzhou', 'nanning', 'kunming', 'harbin', 'changsha',
                                                                'zhengzhou', 'hohhot', 'dongguan'])
                cls = 'I' if r.random() < .8 else 'II'
            aid = self.account(hid, self.pick_bank(city, MULE_BANKS), op, city, cls, 'mule', 'mule_' + mtype)
            if mtype == 'rented':
                d_act = int(t_act // DAY)
                for _k in range(r.randint(1, 4)):
                    if d_act > 0:
                        d = r.randrange(0, d_act)
                        if r.random() < .5:
                            self.wallet(aid, d, 50)
                        else:
                            f = self.ext_person(home, 'acquaintance', nonsup=True)
                            self.add(self.at(d), f, aid, rnd(Y(self.ln(300, .7)), 1000), 'mobile', self.acc[f].region)
        last = layer == g['depth'] - 1
        use = fc['use1'] if layer == 0 else fc['used']
        m = {'g': g['id'], 'layer': layer, 'mtype': mtype, 'act': int(t_act),
             'end': int(t_act + r.uniform(*use) * DAY), 'cash': False, 'wd': {}, 'used': True}
        if last and r.random() < g['cash_share']:
            m['cash'] = True
            c = self.pick(g['cash_regions'])
            m['atm_regs'] = [self.reg(c), self.reg(c)]
            m['end'] = int(m['end'] + 3 * DAY)
        self.acc[aid].m = m
        if mtype == 'farmer':
            self.acc[aid].role = 'farmer_card'
        ctrl = g['control']
        if mtype in ('fresh', 'aged', 'farmer') and r.random() < .5:
            t = t_act - r.randint(600, 8 * HOUR)
            amt = Y(self.pick([0.01, 0.1, 1.0, 1.0, 1.0]))
            if self.add(t, ctrl, aid, amt, 'mobile', '', tk='layering'):
                self.add(t + r.randint(60, 600), aid, ctrl, amt, 'mobile', '', tk='layering')
        if mtype == 'aged' and r.random() < .6:
            o = max(self.acc[aid].opened, 0) + DAY
            for _k in range(r.randint(1, 3)):
                if o < t_act - DAY:
                    t = r.randint(o, int(t_act - DAY))
                    if r.random() < .5:
                        self.add(t, ctrl, aid, rnd(Y(self.ln(100, .6)), 100), 'mobile', '', tk='layering')
                    else:
                        self.add(t, aid, self.pick(self.settle['TENPAY']), Y(self.ln(20, .6)), 'mobile',
                                 self.acc[aid].region)
        return aid

    def get_acc(self, g, layer, t):
        r = self.r
        if g['paofen'] and layer > 0 and r.random() < g['p_paofen']:
            pl = [a for a in g['paofen'] if self.acc[a].m['layer'] == layer and self.acc[a].m['act'] <= t <= self.acc[a].m['end']]
            if pl:
                return self.pick(pl)
        slots = g['slots'][layer]
        i = r.randrange(len(slots))
        aid = slots[i]
        if aid is not None:
            m = self.acc[aid].m
            if m['act'] <= t <= m['end']:
                return aid
        aid = self.new_mule(g, layer, t - r.randint(0, 2 * HOUR))
        slots[i] = aid
        return aid

    def make_victim(self, typ):
        r = self.r
        lo, hi = self.SCAM[typ][5]
        if typ in ('game_trade', 'fake_job', 'credit_record', 'brushing') and r.random() < .08 and self.students:
            a = self.pick(self.students)[0]
            if a not in self.special:
                self.special.add(a)
                self.acc[a].arch += ';fraud_victim'
                return a
        if typ in ('police_gov', 'phone_bill', 'prize', 'subsidy_refund', 'accident_kidnap') and r.random() < .08:
            a = self.pick(self.pensioners)[0]
            if a not in self.special:
                self.special.add(a)
                self.acc[a].arch += ';fraud_victim'
                return a
        if self.season == 'icesnow' and typ == 'shopping_service' and r.random() < .6:
            city = self.rand_city(TOURIST_PROV)
        else:
            city = self.rand_city(VICTIM_PROV)
        if is_hlj(city) and r.random() < .6:
            lst = [x for x in self.pool.get(city, []) if x not in self.special]
            if lst:
                a = self.pick(lst)
                self.special.add(a)
                self.acc[a].arch += ';fraud_victim'
                return a
        hid = self.person(city, lo, hi, 'fraud_victim')
        bank = self.pick_bank(city)
        a = self.account(hid, bank, self.old_open(1, 18, self.holders[hid]['age']), city, 'I', 'lawful', 'fraud_victim')
        if self.sup(bank):
            self.need_life.append((a, city))
        if typ in ('police_gov', 'investment', 'parcel') and r.random() < .3:
            b2 = self.second_account(hid, city, 'fraud_victim_second_card', avoid=(bank,))
            if self.sup(self.acc[b2].bank):
                self.need_life.append((b2, city))
            self.acc[a].m = {'second': b2}
        return a

    def victim_schedule(self, typ):
        r = self.r
        nlo, nhi, med, sig, esc, _age = self.SCAM[typ]
        n = r.randint(nlo, nhi)
        if self.variant == 'V2' and typ in ('investment', 'romance', 'brushing', 'loan_card', 'military_purchase',
                                            'police_gov', 'credit_record'):
            n = int(round(n * self.fc['multi'])) + (1 if r.random() < .3 else 0)
        t = self.at(r.randrange(0, NDAYS), 'elder' if typ in ('police_gov', 'subsidy_refund', 'prize') else 'person')
        base = self.ln(med, sig)
        top = {'brushing': 60000, 'loan_card': 30000, 'investment': 500000, 'romance': 300000, 'game_trade': 10000,
               'military_purchase': 100000, 'fake_job': 5000, 'shopping_service': 20000}.get(typ, 600000)
        out = []
        step = r.uniform(1.3, 2.2)
        for k in range(n):
            amt = base * ((step ** k) if esc else r.uniform(.5, 1.5))
            if typ == 'brushing' and k == 0:
                amt = self.ln(200, .5)
            amt = min(amt, top * r.uniform(.7, 1.0))
            if r.random() < .55:
                amt = rnd(amt, 1000 if amt > 5000 else 100)
            ch = 'mobile' if r.random() < .72 else 'online'
            if typ in ('police_gov', 'parcel', 'phone_bill') and amt > 50000 and r.random() < .35:
                ch = 'counter'
            if typ == 'subsidy_refund' and r.random() < .5:
                ch = 'atm'
            cap = 50000 if ch in ('mobile', 'atm') and r.random() < .35 else 200000
            if ch == 'counter':
                cap = 10 ** 7
            if ch == 'atm':
                cap = min(cap, 50000)
            memo = self.pick(self.SCAM_MEMO.get(typ, ['']))
            tt = t
            while amt > 0.5:
                x = min(amt, cap)
                out.append((tt, Y(x), ch, memo))
                amt -= x
                tt += r.randint(60, 600)
            if typ in ('investment', 'romance'):
                gap = r.uniform(.5, 6) * DAY * (1.4 if self.variant == 'V2' else 1)
            elif typ in ('brushing', 'loan_card', 'military_purchase'):
                gap = r.uniform(5 * 60, 10 * HOUR) if r.random() < .8 else r.uniform(DAY, 3 * DAY)
            elif typ == 'police_gov':
                gap = r.uniform(20 * 60, 6 * HOUR) if r.random() < .6 else r.uniform(DAY, 4 * DAY)
            else:
                gap = r.uniform(3 * 60, 50 * 60)
            t = tt + int(gap)
        return out

    def hold(self, aid, g):
        r = self.r
        m = self.acc[aid].m
        fc = self.fc
        if m['mtype'] == 'paofen':
            med, sig, lo, hi = (1800, 1.0, 120, 12 * HOUR) if self.variant == 'V2' else (240, .8, 30, 2 * HOUR)
        elif m.get('cash'):
            med, sig, lo, hi = fc['delayc']
        elif m['layer'] == 0:
            med, sig, lo, hi = fc['delay1']
        else:
            med, sig, lo, hi = fc['delayd']
        return int(self.clip(self.ln(med * g['mult'], sig), lo, hi))

    def split(self, total, n, p_round):
        r = self.r
        if n <= 1 or total < 200000:
            return [total]
        w = [r.uniform(.5, 1.5) for _ in range(n)]
        s = sum(w)
        parts = []
        rem = total
        for i in range(n - 1):
            x = int(total * w[i] / s)
            if r.random() < p_round:
                x = (x // 100000) * 100000 if x > 500000 else (x // 10000) * 10000
            if r.random() < .08 and x > 5000000:
                x = 4999900
            x = max(10000, min(x, rem - 10000))
            parts.append(x)
            rem -= x
        parts.append(rem)
        return [p for p in parts if p > 0]

    def fraud_region(self, aid, g):
        r = self.r
        x = r.random()
        if x < .35:
            return ''
        if x < .65:
            return self.acc[aid].region
        return self.pick(g['op_regions'])

    def run_fraud(self):
        r = self.r
        fc = self.fc
        self.make_exits()
        self.make_farmers()
        groups = self.make_groups()
        self.groups = groups
        self.make_paofen(groups)
        heap = []
        self._seq = 0

        def push(t, kind, payload):
            self._seq += 1
            heapq.heappush(heap, (int(t), self._seq, kind, payload))
        target = r.randint(*fc['victim_pay'])
        self.victims = []
        planned = 0
        sw = self.SCAM_W[self.variant]
        while planned < target:
            typ = self.wpick(sw)
            gl = [g for g in groups if typ in g['types']]
            g = self.pick(gl)
            v = self.make_victim(typ)
            pays = self.victim_schedule(typ)
            pays = [p for p in pays if p[0] < END]
            if not pays:
                continue
            p_rep = {'police_gov': .85, 'investment': .7, 'romance': .6, 'brushing': .7, 'ecommerce_cs': .8,
                     'loan_card': .6, 'game_trade': .5}.get(typ, .7)
            last = pays[-1][0]
            rep = r.random() < p_rep
            rep_ts = last + int(self.clip(self.ln(1.5 * DAY, 1.0), HOUR, 40 * DAY))
            vrec = {'aid': v, 'typ': typ, 'g': g, 'pays': [], 'labelled': rep and rep_ts <= END + DAY,
                    'prev': None}
            self.victims.append(vrec)
            vm = self.acc[v].m
            if vm and 'second' in vm:
                tot = sum(p[1] for p in pays[:2])
                self.add(pays[0][0] - r.randint(600, 3 * HOUR), vm['second'], v, rnd(tot, 100), 'mobile',
                         self.acc[v].region, memo='')
            if typ in ('loan_card', 'investment', 'credit_record') and r.random() < .25:
                self.add(pays[0][0] - r.randint(300, 2 * DAY), self.platform['WEBANK'], v,
                         rnd(sum(p[1] for p in pays[:2]), 100000), 'other', '', memo='贷款发放')
            for p in pays:
                push(p[0], 'vp', (vrec, p[1], p[2], p[3]))
                planned += 1
        fb = {}
        pending = set()
        grp = {g['id']: g for g in groups}

        def credit(aid, amt, t):
            fb[aid] = fb.get(aid, 0) + amt
            if aid not in pending:
                pending.add(aid)
                push(t + self.hold(aid, grp[self.acc[aid].m['g']]), 'sweep', aid)

        def send(t, src, dst, amt, g, tk='layering'):
            ch = 'mobile' if r.random() < .7 else 'online'
            ok = self.add(t, src, dst, amt, ch, self.fraud_region(src, g), memo=self.pick(['', '', '', '还款', '货款', '借款']),
                          tk=tk)
            return ok

        while heap:
            t, _s, kind, payload = heapq.heappop(heap)
            if t >= END:
                break
            if kind == 'vp':
                vrec, amt, ch, memo = payload
                g = vrec['g']
                dest = None
                if g['paofen'] and r.random() < g['p_paofen']:
                    pl = [a for a in g['paofen'] if self.acc[a].m['layer'] == 0 and self.acc[a].m['act'] <= t <= self.acc[a].m['end']]
                    if pl:
                        dest = self.pick(pl)
                if dest is None and vrec['prev'] is not None and r.random() < .45:
                    m = self.acc[vrec['prev']].m
                    if m['act'] <= t <= m['end']:
                        dest = vrec['prev']
                if dest is None:
                    dest = self.get_acc(g, 0, t)
                vrec['prev'] = dest
                if self.add(t, vrec['aid'], dest, amt, ch, self.acc[vrec['aid']].region if ch != 'atm' else
                            self.acc[vrec['aid']].region, memo=memo, tk='victim_payment'):
                    vrec['pays'].append(len(self.tx) - 1)
                    credit(dest, amt, t)
                continue
            aid = payload
            pending.discard(aid)
            B = fb.get(aid, 0)
            if B < 5000:
                continue
            m = self.acc[aid].m
            g = grp[m['g']]
            layer = m['layer']
            last = layer >= g['depth'] - 1
            if m['mtype'] == 'paofen':
                out = B - int(B * m['comm'])
                out = out - out % 100
                if layer + 1 < g['depth']:
                    dst = self.get_acc(g, layer + 1, t)
                    if send(t + r.randint(20, 300), aid, dst, out, g):
                        fb[aid] = 0
                        credit(dst, out, t + 300)
                else:
                    self.exit_to(aid, out, t, g)
                    fb[aid] = 0
                continue
            if m.get('cash'):
                self.cashout(aid, B, t, g, fb, push)
                continue
            if last or (layer == 0 and r.random() < fc['p_direct_exit']):
                sent = self.exit_to(aid, B, t, g)
                fb[aid] = B - sent
                continue
            keep = 0 if r.random() < .6 else min(B // 200, Y(r.uniform(0, 50)))
            total = B - keep
            n = 1 if total < 800000 else r.choice([1, 2, 2, 3]) if total < 8000000 else r.choice([2, 3, 3, 4])
            parts = self.split(total, n, g['p_round'])
            tt = t
            sent = 0
            cap = 5000000 if self.acc[aid].cls == 'II' else 20000000
            for p in parts:
                if layer >= 1 and r.random() < .03:
                    dst = self.get_acc(g, 0, tt)          # money goes round: a cycle back to the first layer
                else:
                    dst = self.get_acc(g, layer + 1, tt)
                if dst == aid:
                    continue
                while p > 0:
                    x = min(p, cap)
                    tt += r.randint(20, 240)
                    if send(tt, aid, dst, x, g):
                        sent += x
                        credit(dst, x, tt)
                    p -= x
            fb[aid] = B - sent
        self.fraud_balance_left = sum(v for v in fb.values() if v > 0)

    def exit_to(self, aid, B, t, g):
        r = self.r
        sent = 0
        tt = t
        if g['usdt'] and r.random() < g['p_usdt']:
            n = 1 if B < 3000000 else r.randint(1, 3)
            amount = B - B % (100000 if B > 2000000 else 10000)
            if amount <= 0:
                return 0
            for p in self.split(amount, n, 1.0):
                seller = self.pick(g['usdt'])[0]
                tt += r.randint(30, 600)
                if self.add(tt, aid, seller, p, 'mobile' if r.random() < .7 else 'online', self.fraud_region(aid, g),
                            memo=self.pick(['', '', '货款', '购买']), tk='cashout'):
                    sent += p
        else:
            rem = B
            while rem > 10000:
                x = min(rem, Y(r.choice([998, 1998, 2998, 4996, 4999, 9998, 19998, 29998, 49998])))
                x = min(x, rem)
                tt += r.randint(15, 200)
                if self.add(tt, aid, self.pick(g['merch']), x, 'online', '', memo=self.pick(['商品购买', '充值', '', '游戏点卡']),
                            tk='cashout'):
                    sent += x
                rem -= x
                if r.random() < .05:
                    break
        return sent

    def cashout(self, aid, B, t, g, fb, push):
        r = self.r
        m = self.acc[aid].m
        day = t // DAY
        used = m['wd'].get(day, 0)
        out = 0
        reg = m['atm_regs'][0]
        if g['counter'] and B >= 3000000 and r.random() < (.5 if self.variant == 'V2' else .25) and \
                9 <= (t % DAY) // HOUR < 16:
            x = min(B, Y(r.choice([49000, 49500, 49900, 45000, 30000, 40000])))
            x -= x % 10000
            if self.add(t, aid, None, x, 'counter', reg, 'withdrawal', tk='cashout'):
                out += x
        else:
            lim = g['atm_limit']
            chunk = g['chunk']
            tt = t
            k = 0
            while used < lim:
                x = min(chunk, lim - used, B - out)
                x -= x % 10000
                if x < 10000:
                    break
                tt += r.randint(25, 90)
                k += 1
                if k == 5 and r.random() < .5:
                    reg = m['atm_regs'][1]
                    tt += r.randint(300, 1200)
                if self.add(tt, aid, None, x, 'atm', reg, 'withdrawal', tk='cashout'):
                    out += x
                    used += x
                else:
                    break
            m['wd'][day] = used
        fb[aid] = B - out
        if fb[aid] >= 10000 and (day + 1) * DAY < END:
            nxt = (day + 1) * DAY + (r.randint(60, 1800) if r.random() < .35 else r.randint(7 * HOUR, 12 * HOUR))
            push(nxt, 'sweep', aid)

    def usdt_life(self):
        """USDT sellers also sell to ordinary crypto buyers, and sweep what they take to their other cards"""
        r = self.r
        for _ in range(self.pop['usdt_buyers']):
            city = self.rand_city(VICTIM_PROV)
            b = self.outsider(None, 'crypto_buyer', city=city)
            a, own = self.pick(self.usdt)
            for _k in range(r.randint(1, 3)):
                self.add(self.at(r.randrange(NDAYS), 'young'), b, a, Y(r.choice([1000, 2000, 3000, 5000, 7000, 10000,
                                                                                 20000, 30000])) + Y(r.choice([0, 0, 0, 0.5, 1.3])),
                         'mobile', self.acc[b].region)
        inflow = {}
        for t in self.tx:
            if t[2] is not None and self.acc[t[2]].arch == 'usdt_otc_seller':
                inflow.setdefault(t[2], []).append((t[0], t[3]))
        for a, own in self.usdt:
            ev = sorted(inflow.get(a, []))
            bal = 0
            nxt = None
            for ts, amt in ev:
                bal += amt
                if nxt is None or ts > nxt:
                    nxt = ts + r.randint(2 * HOUR, 2 * DAY)
                    x = bal - bal % 100000
                    if x > 0 and self.add(nxt, a, own, x, 'mobile', self.acc[a].region):
                        bal -= x
            if r.random() < .6:
                self.consume(own, self.acc[own].city, 0, NDAYS, r.randint(2, 8), r.randint(2, 8), 2.0, 'young')

    # =============================================================================================
    # assembling the month: balances, the banks' extracts, labels
    # =============================================================================================
    def build(self):
        r = self.r
        self.infra()
        self.create_landlords()
        self.gen_pensioners(self.pop['pension_coal'], True)
        self.gen_pensioners(self.pop['pension_city'], False)
        self.gen_miners(self.pop['miners'])
        self.gen_salaried(self.pop['salaried'])
        self.gen_students(self.pop['students'])
        self.gen_farmers(self.pop['farmers'])
        self.gen_coops()
        self.gen_brokers()
        self.gen_border()
        self.gen_shops()
        self.gen_hushi()
        self.gen_exporters()
        self.gen_daigou()
        self.gen_truckers()
        self.gen_timber()
        self.gen_tourism()
        self.gen_stalls()
        self.gen_events()
        self.gen_dormant()
        self.gen_microsellers()
        self.gen_migrants()
        self.gen_retirees()
        self.gen_lenders()
        self.landlord_life()
        self.run_fraud()
        self.usdt_life()
        done = 0
        while done < len(self.need_life):
            aid, city = self.need_life[done]
            done += 1
            self.light_life(aid, city)
        self.employer_funding()
        self.settle_businesses()
        while done < len(self.need_life):
            aid, city = self.need_life[done]
            done += 1
            self.light_life(aid, city)
        self.fix_balances()

    def fix_balances(self):
        """no account goes below zero: accounts opened inside the month get a cash deposit at opening, older
        accounts start the month with savings"""
        r = self.r
        ev = {}
        for i, t in enumerate(self.tx):
            if t[1] is not None:
                ev.setdefault(t[1], []).append((t[0], i, -t[3]))
            if t[2] is not None:
                ev.setdefault(t[2], []).append((t[0], i, t[3]))
        self.init_bal = {}
        for aid, a in self.acc.items():
            lst = ev.get(aid)
            low = 0
            if lst:
                lst.sort()
                b = 0
                for ts, _o, d in lst:
                    b += d
                    if b < low:
                        low = b
            need = -low
            if a.opened >= 0:
                if need > 0:
                    amt = -(-(need + Y(r.uniform(0, 300))) // 10000) * 10000
                    ts = a.opened + 60
                    if ts < END:
                        self.tx.append((ts, None, aid, amt, 'counter', a.region, 'deposit', '', False,
                                        'ordinary'))
                self.init_bal[aid] = 0
            else:
                if a.role in ('mule', 'farmer_card') and a.arch != 'mule_rented':
                    buf = Y(r.uniform(0, 60)) if r.random() < .7 else 0
                elif a.arch == 'dormant':
                    buf = Y(self.ln(300, 1.5)) if r.random() < .8 else 0
                elif a.cls == 'corp':
                    buf = Y(self.ln(250000, 1.0))
                elif a.arch.startswith('pensioner') or a.arch.startswith('snowbird'):
                    buf = Y(self.ln(25000, 1.0))
                elif a.arch.split(';')[0] in ('student', 'student_home_card', 'young_person'):
                    buf = Y(self.ln(900, .9))
                else:
                    buf = Y(self.ln(9000, 1.2))
                self.init_bal[aid] = need + buf

    def finalize(self):
        r = self.r
        order = sorted(range(len(self.tx)), key=lambda i: (self.tx[i][0], i))
        acc = self.acc
        start = self.start
        vis = []
        for i in order:
            t = self.tx[i]
            ok = False
            if t[1] is not None:
                b = acc[t[1]].bank
                if b in start and t[0] >= start[b]:
                    ok = True
            if not ok and t[2] is not None:
                b = acc[t[2]].bank
                if b in start and t[0] >= start[b]:
                    ok = True
            if ok:
                vis.append(i)
        self.vis = vis
        named = {}
        for aid, a in acc.items():
            if a.bank in start:
                named[aid] = True
        for i in vis:
            t = self.tx[i]
            if t[1] is not None:
                named[t[1]] = True
            if t[2] is not None:
                named[t[2]] = True
        self.named = [aid for aid in acc if aid in named]
        # opening balances of rows: at opened_at for an account opened after its bank's history starts,
        # otherwise just before its first transfer in the data (or at the extract start if it has none)
        vset = set(vis)
        bal = {}
        self.opening = {}
        at_start = {}
        for i in order:
            t = self.tx[i]
            for aid, sign in ((t[1], -1), (t[2], 1)):
                if aid is None:
                    continue
                a = acc[aid]
                if a.bank not in start:
                    continue
                if aid not in bal:
                    bal[aid] = self.init_bal.get(aid, 0)
                if aid not in at_start and t[0] >= start[a.bank]:
                    at_start[aid] = bal[aid]
                if i in vset and aid not in self.opening:
                    self.opening[aid] = bal[aid]
                bal[aid] += sign * t[3]
        for aid, a in acc.items():
            if a.bank not in start:
                continue
            if a.opened >= start[a.bank]:
                self.opening[aid] = 0
            elif aid not in self.opening:
                self.opening[aid] = at_start.get(aid, bal.get(aid, self.init_bal.get(aid, 0)))
            self.opening[aid] = max(0, self.opening[aid])
        # transaction ids
        self.txid = {}
        n = 0
        for i in vis:
            t = self.tx[i]
            rep = None
            if t[1] is not None and acc[t[1]].bank in start and t[0] >= start[acc[t[1]].bank]:
                rep = acc[t[1]].bank
            else:
                rep = acc[t[2]].bank
            n += 1
            self.txid[i] = '%s%s%08d' % (rep, (self.t0 + dt.timedelta(seconds=t[0])).strftime('%Y%m%d'), n)
        self.make_labels()

    def make_labels(self):
        r = self.r
        acc = self.acc
        vis_set = set(self.vis)
        lab_tx = []
        direct = {}
        for v in self.victims:
            for i in v['pays']:
                dest = self.tx[i][2]
                if v['labelled'] and r.random() < .95:
                    if i in vis_set:
                        lab_tx.append(i)
                    direct[dest] = 2
                else:
                    direct.setdefault(dest, 1)
        self.lab_tx = sorted(lab_tx, key=lambda i: self.vis_index(i))
        # downstream of accounts that took reported victims' money
        out = {}
        for i, t in enumerate(self.tx):
            if t[9] == 'layering' and t[1] is not None and t[2] is not None:
                out.setdefault(t[1], []).append(t[2])
        down = {}
        frontier = [a for a in direct if direct[a] == 2]
        depth = 0
        seen = set(frontier)
        while frontier and depth < 6:
            depth += 1
            nf = []
            for a in frontier:
                for b in out.get(a, []):
                    if b not in seen:
                        seen.add(b)
                        down[b] = depth
                        nf.append(b)
            frontier = nf
        named = self.named
        cands = [a for a in named if acc[a].role in ('mule', 'paofen', 'farmer_card')]
        weights = []
        for a in cands:
            x = acc[a]
            if direct.get(a) == 2:
                w = 0.85
            elif a in down:
                w = 0.5 / down[a]
            elif direct.get(a) == 1:
                w = 0.25
            else:
                w = 0.12
            if x.role == 'farmer_card' and not (x.m and x.m.get('used')):
                w = 0.04
            if x.role == 'paofen':
                w *= .8
            if x.arch == 'mule_control':
                w = 0.3
            weights.append(w)
        k = int(round(len(cands) * r.uniform(.40, .50)))
        keyed = sorted(((r.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
        self.lab_acc = [cands[i] for _, i in keyed[:k]]
        lab = set(self.lab_acc)
        fraud_in = {}
        for i, t in enumerate(self.tx):
            if t[9] == 'cashout' and t[2] is not None:
                fraud_in[t[2]] = True
        ex = [a for a in named if acc[a].role == 'fraud_exit' and a in fraud_in and r.random() < .2]
        self.lab_acc += ex
        lab.update(ex)
        # card farmers: a few holders labelled
        fh = self.farmer_holders
        fw = []
        for h in fh:
            w = 1.0 + 3.0 * sum(1 for a in self.hid_accts.get(h, []) if a in lab)
            fw.append(w)
        kf = max(1, int(round(len(fh) * r.uniform(.3, .5))))
        keyed = sorted(((r.random() ** (1.0 / w), i) for i, w in enumerate(fw)), reverse=True)
        self.lab_holders = [fh[i] for _, i in keyed[:kf]]
        # status of the rows at the end of the extract
        for a in named:
            x = acc[a]
            if x.bank not in self.start or x.status != 'active':
                continue
            if a in lab:
                if r.random() < .45:
                    x.status = 'frozen'
            elif x.role in ('mule', 'paofen', 'farmer_card', 'fraud_exit'):
                if r.random() < .06:
                    x.status = 'frozen'
            elif r.random() < .003:
                x.status = 'frozen'

    def vis_index(self, i):
        if not hasattr(self, '_vpos'):
            self._vpos = {j: k for k, j in enumerate(self.vis)}
        return self._vpos[i]

    # ---------------- writing ----------------
    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        acc = self.acc
        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for aid in self.named:
                a = acc[aid]
                if a.bank not in self.start:
                    continue
                w.writerow([aid, a.bank, a.holder, self.iso(a.opened), a.region, a.cls,
                            fmt_fen(self.opening.get(aid, 0)), a.status])
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for i in self.vis:
                t = self.tx[i]
                w.writerow([self.txid[i], self.iso(t[0]), t[1] or '', t[2] or '', fmt_fen(t[3]), 'CNY', t[4],
                            t[5], t[6], t[7], 'true' if t[8] else 'false'])
        lab = set(self.lab_acc)
        labh = set(self.lab_holders)
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for i in self.lab_tx:
                w.writerow(['transfer', self.txid[i], 'fraud'])
            for aid in self.named:
                if aid in lab:
                    w.writerow(['account', aid, 'mule'])
            for h in self.lab_holders:
                w.writerow(['holder', h, 'card_farmer'])
        if not truth:
            return
        with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['record', 'id', 'bank', 'holder', 'has_row', 'role', 'archetype', 'card_farmer',
                        'opened_at', 'labelled', 'farmer_labelled', 'extract_start'])
            for aid in self.named:
                a = acc[aid]
                arch = a.arch
                if a.role == 'farmer_card' and not (a.m and a.m.get('used')):
                    arch = 'farmer_card_unused'
                far = self.holders[a.holder]['farmer']
                w.writerow(['account', aid, a.bank, a.holder, 1 if a.bank in self.start else 0, a.role, arch,
                            1 if far else 0, self.iso(a.opened), 1 if aid in lab else 0,
                            1 if a.holder in labh else 0,
                            self.iso(self.start[a.bank]) if a.bank in self.start else ''])
        with open(os.path.join(out, 'truth_transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'kind'])
            for i in self.vis:
                w.writerow([self.txid[i], self.tx[i][9]])

    def summary(self):
        acc = self.acc
        rows = sum(1 for a in self.named if acc[a].bank in self.start)
        kinds = {}
        for i in self.vis:
            kinds[self.tx[i][9]] = kinds.get(self.tx[i][9], 0) + 1
        roles = {}
        for a in self.named:
            roles[acc[a].role] = roles.get(acc[a].role, 0) + 1
        return ('variant=%s season=%s start=%s supplying=%s extract_days=%s\n'
                'accounts named=%d rows=%d external=%d roles=%s\n'
                'transfers=%d kinds=%s labels: transfers=%d accounts=%d holders=%d dropped=%d' % (
                    self.variant, self.season, self.t0.date(), ','.join(self.supplying),
                    {b: s // DAY for b, s in self.start.items()}, len(self.named), rows, len(self.named) - rows,
                    roles, len(self.vis), kinds, len(self.lab_tx), len(self.lab_acc), len(self.lab_holders),
                    self.dropped))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Heilongjiang and the Russian border: a synthetic month of banking '
                                             'with telecom fraud (fanzha interchange format v1).')
    ap.add_argument('--variant', choices=sorted(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--truth', action='store_true', help='also write truth.csv and truth_transfers.csv')
    ap.add_argument('--quiet', action='store_true')
    a = ap.parse_args(argv)
    w = World(a.variant, a.seed)
    w.build()
    w.finalize()
    w.write(a.out, a.truth)
    if not a.quiet:
        sys.stderr.write(w.summary() + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
