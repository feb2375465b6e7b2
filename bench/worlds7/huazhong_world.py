#!/usr/bin/env python3
# Copyright 2025 the fanzha authors.
# SPDX-License-Identifier: Apache-2.0
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""Huazhong (华中) synthetic evaluation world for fanzha.

An anti-fraud centre in Central China (Henan, Hubei, Hunan, Jiangxi, Anhui) receives extracts from some
institutions only. Writes OUT/accounts.csv, OUT/transfers.csv, OUT/labels.csv (fanzha interchange format v1)
and, with --truth, OUT/truth.csv. Standard library only; one seeded random.Random; deterministic output.

    python3 huazhong_world.py --variant baseline --seed 1 --out /tmp/w7/baseline --stats --truth
"""

import argparse
import bisect
import csv
import math
import os
import random
import sys
from datetime import datetime, timedelta

DAY = 86400
HOUR = 3600
MIN = 60
EPOCH = datetime(2000, 1, 1)
INF = 1 << 62


def T(y, m, d, h=0, mi=0):
    """Local (+08:00) wall-clock time as seconds since 2000-01-01 00:00 local."""
    return int((datetime(y, m, d, h, mi) - EPOCH).total_seconds())


# --------------------------------------------------------------------------------------------------
# Geography: real GB/T 2260 county-level codes. kind: u = city district, r = county or county-level
# city (rural hinterland), c = district with university campuses.
REGIONS = {
    '41': ('河南', [
        ('410102', '郑州市中原区', 'c'), ('410103', '郑州市二七区', 'u'), ('410104', '郑州市管城回族区', 'u'),
        ('410105', '郑州市金水区', 'u'), ('410108', '郑州市惠济区', 'c'), ('410122', '中牟县', 'r'),
        ('410181', '巩义市', 'r'), ('410184', '新郑市', 'c'), ('410302', '洛阳市老城区', 'u'),
        ('410305', '洛阳市涧西区', 'u'), ('410311', '洛阳市洛龙区', 'u'), ('410202', '开封市龙亭区', 'u'),
        ('410502', '安阳市文峰区', 'u'), ('410702', '新乡市红旗区', 'u'), ('411002', '许昌市魏都区', 'u'),
        ('411302', '南阳市宛城区', 'u'), ('411303', '南阳市卧龙区', 'u'), ('411326', '淅川县', 'r'),
        ('411328', '唐河县', 'r'), ('411381', '邓州市', 'r'), ('411402', '商丘市梁园区', 'u'),
        ('411425', '虞城县', 'r'), ('411426', '夏邑县', 'r'), ('411481', '永城市', 'r'),
        ('411502', '信阳市浉河区', 'u'), ('411521', '罗山县', 'r'), ('411522', '光山县', 'r'),
        ('411524', '商城县', 'r'), ('411525', '固始县', 'r'), ('411526', '潢川县', 'r'), ('411528', '息县', 'r'),
        ('411602', '周口市川汇区', 'u'), ('411624', '沈丘县', 'r'), ('411627', '太康县', 'r'),
        ('411628', '鹿邑县', 'r'), ('411681', '项城市', 'r'), ('411702', '驻马店市驿城区', 'u'),
        ('411722', '上蔡县', 'r'), ('411723', '平舆县', 'r'), ('411724', '正阳县', 'r'),
        ('411727', '汝南县', 'r'), ('411729', '新蔡县', 'r')]),
    '42': ('湖北', [
        ('420102', '武汉市江岸区', 'u'), ('420103', '武汉市江汉区', 'u'), ('420104', '武汉市硚口区', 'u'),
        ('420105', '武汉市汉阳区', 'u'), ('420106', '武汉市武昌区', 'c'), ('420107', '武汉市青山区', 'u'),
        ('420111', '武汉市洪山区', 'c'), ('420112', '武汉市东西湖区', 'u'), ('420115', '武汉市江夏区', 'c'),
        ('420116', '武汉市黄陂区', 'r'), ('420117', '武汉市新洲区', 'r'), ('420202', '黄石市黄石港区', 'u'),
        ('420303', '十堰市张湾区', 'u'), ('420502', '宜昌市西陵区', 'u'), ('420506', '宜昌市夷陵区', 'r'),
        ('420602', '襄阳市襄城区', 'u'), ('420606', '襄阳市樊城区', 'u'), ('420704', '鄂州市鄂城区', 'u'),
        ('420902', '孝感市孝南区', 'u'), ('420921', '孝昌县', 'r'), ('420922', '大悟县', 'r'),
        ('420981', '应城市', 'r'), ('420984', '汉川市', 'r'), ('421002', '荆州市沙市区', 'u'),
        ('421022', '公安县', 'r'), ('421083', '洪湖市', 'r'), ('421088', '监利市', 'r'),
        ('421102', '黄冈市黄州区', 'u'), ('421122', '红安县', 'r'), ('421124', '英山县', 'r'),
        ('421125', '浠水县', 'r'), ('421126', '蕲春县', 'r'), ('421127', '黄梅县', 'r'), ('421181', '麻城市', 'r'),
        ('421202', '咸宁市咸安区', 'u'), ('421303', '随州市曾都区', 'u'), ('422801', '恩施市', 'r'),
        ('422802', '利川市', 'r'), ('429004', '仙桃市', 'r'), ('429005', '潜江市', 'r'), ('429006', '天门市', 'r')]),
    '43': ('湖南', [
        ('430102', '长沙市芙蓉区', 'u'), ('430103', '长沙市天心区', 'u'), ('430104', '长沙市岳麓区', 'c'),
        ('430105', '长沙市开福区', 'u'), ('430111', '长沙市雨花区', 'u'), ('430121', '长沙县', 'r'),
        ('430181', '浏阳市', 'r'), ('430182', '宁乡市', 'r'), ('430202', '株洲市荷塘区', 'u'),
        ('430302', '湘潭市雨湖区', 'u'), ('430407', '衡阳市石鼓区', 'u'), ('430421', '衡阳县', 'r'),
        ('430426', '祁东县', 'r'), ('430481', '耒阳市', 'r'), ('430502', '邵阳市双清区', 'u'),
        ('430522', '新邵县', 'r'), ('430524', '隆回县', 'r'), ('430525', '洞口县', 'r'),
        ('430602', '岳阳市岳阳楼区', 'u'), ('430702', '常德市武陵区', 'u'), ('430802', '张家界市永定区', 'u'),
        ('430903', '益阳市赫山区', 'u'), ('430921', '南县', 'r'), ('430981', '沅江市', 'r'),
        ('431002', '郴州市北湖区', 'u'), ('431103', '永州市冷水滩区', 'u'), ('431202', '怀化市鹤城区', 'u'),
        ('431302', '娄底市娄星区', 'u'), ('431321', '双峰县', 'r'), ('431322', '新化县', 'r'),
        ('431382', '涟源市', 'r'), ('433101', '吉首市', 'r')]),
    '36': ('江西', [
        ('360102', '南昌市东湖区', 'u'), ('360103', '南昌市西湖区', 'u'), ('360104', '南昌市青云谱区', 'u'),
        ('360111', '南昌市青山湖区', 'c'), ('360112', '南昌市新建区', 'c'), ('360113', '南昌市红谷滩区', 'u'),
        ('360121', '南昌县', 'r'), ('360124', '进贤县', 'r'), ('360202', '景德镇市昌江区', 'u'),
        ('360302', '萍乡市安源区', 'u'), ('360403', '九江市浔阳区', 'u'), ('360424', '修水县', 'r'),
        ('360428', '都昌县', 'r'), ('360502', '新余市渝水区', 'u'), ('360602', '鹰潭市月湖区', 'u'),
        ('360702', '赣州市章贡区', 'u'), ('360703', '赣州市南康区', 'r'), ('360722', '信丰县', 'r'),
        ('360726', '安远县', 'r'), ('360730', '宁都县', 'r'), ('360731', '于都县', 'r'), ('360732', '兴国县', 'r'),
        ('360734', '寻乌县', 'r'), ('360781', '瑞金市', 'r'), ('360802', '吉安市吉州区', 'u'),
        ('360902', '宜春市袁州区', 'u'), ('360981', '丰城市', 'r'), ('361002', '抚州市临川区', 'u'),
        ('361102', '上饶市信州区', 'u'), ('361127', '余干县', 'r'), ('361128', '鄱阳县', 'r'),
        ('361130', '婺源县', 'r')]),
    '34': ('安徽', [
        ('340102', '合肥市瑶海区', 'u'), ('340103', '合肥市庐阳区', 'u'), ('340104', '合肥市蜀山区', 'c'),
        ('340111', '合肥市包河区', 'u'), ('340121', '长丰县', 'r'), ('340122', '肥东县', 'r'),
        ('340123', '肥西县', 'r'), ('340181', '巢湖市', 'r'), ('340202', '芜湖市镜湖区', 'u'),
        ('340302', '蚌埠市龙子湖区', 'u'), ('340402', '淮南市大通区', 'u'), ('340802', '安庆市迎江区', 'u'),
        ('340822', '怀宁县', 'r'), ('340826', '宿松县', 'r'), ('340881', '桐城市', 'r'),
        ('341202', '阜阳市颍州区', 'u'), ('341221', '临泉县', 'r'), ('341222', '太和县', 'r'),
        ('341225', '阜南县', 'r'), ('341226', '颍上县', 'r'), ('341282', '界首市', 'r'),
        ('341302', '宿州市埇桥区', 'u'), ('341321', '砀山县', 'r'), ('341322', '萧县', 'r'),
        ('341502', '六安市金安区', 'u'), ('341522', '霍邱县', 'r'), ('341524', '金寨县', 'r'),
        ('341602', '亳州市谯城区', 'u'), ('341621', '涡阳县', 'r'), ('341622', '蒙城县', 'r'),
        ('341623', '利辛县', 'r')]),
}
PROVS = ['41', '42', '43', '36', '34']
PROV_WEIGHT = [33, 20, 22, 15, 22]          # rough population shares (tens of millions)
CAPITAL_PREF = {'41': '4101', '42': '4201', '43': '4301', '36': '3601', '34': '3401'}
# where Central China migrants work, and the ATM/cash-out places of the cash crews
WORK_OUT = ['440306', '440307', '441900', '442000', '440604', '440606', '440111', '330782', '330302',
            '320506', '320583', '310112', '350582']
CASHOUT = ['533102', '533103', '532823', '530926', '451481', '450681', '440303', '440106', '441900',
           '231081', '152501', '654004', '150102', '230103']
BORDER = {'533102', '533103', '532823', '530926', '451481', '450681', '231081', '152501', '654004'}
OTHER_HOMES = ['440106', '440306', '441900', '330782', '320583', '510104', '500103', '370102', '610113',
               '130102', '210102', '350203', '450103', '530102', '520102', '150102', '230103', '110105',
               '310115']
TOURISM = ['532801', '530102', '460202']
FARMER_CITIES = ['420106', '420103', '410105', '410103', '430102', '430111', '360102', '340104', '320104',
                 '320506', '440106', '441900', '430407', '411302']
GOLD_PLACES = ['440303', '440303', '420103', '410103', '430102', '360102', '340103', '420102']

# --------------------------------------------------------------------------------------------------
# Institutions. supplies = sends an extract to the centre. BIN prefixes are illustrative, numbers
# carry a Luhn check digit.
BANKS = [
    # code, type, supplies, home province (None: national), card prefix, card length
    ('ICBC', 'national', True, None, '621226', 19), ('ABC', 'national', True, None, '622848', 19),
    ('CCB', 'national', True, None, '621700', 19), ('PSBC', 'national', True, None, '621799', 19),
    ('CMB', 'national', True, None, '621483', 16), ('BOC', 'national', False, None, '621661', 19),
    ('BOCOM', 'national', False, None, '622262', 19), ('CITIC', 'national', False, None, '621771', 16),
    ('CIB', 'national', False, None, '622909', 18), ('SPDB', 'national', False, None, '621792', 16),
    ('CMBC', 'national', False, None, '621691', 16), ('CEB', 'national', False, None, '622666', 16),
    ('PAB', 'national', False, None, '621626', 19),
    ('ZZB', 'city', True, '41', '623101', 19), ('ZYB', 'city', False, '41', '623162', 19),
    ('HNRCU', 'rural', True, '41', '623059', 19),
    ('HKB', 'city', True, '42', '623015', 19), ('HBB', 'city', False, '42', '621270', 19),
    ('HBRCU', 'rural', True, '42', '621013', 19), ('WHRCB', 'rural', True, '42', '623661', 19),
    ('CSB', 'city', True, '43', '621097', 19), ('HNB', 'city', False, '43', '623196', 19),
    ('HUNRCU', 'rural', False, '43', '621539', 19),
    ('JJB', 'city', True, '36', '622162', 19), ('JXB', 'city', False, '36', '623166', 19),
    ('JXRCU', 'rural', False, '36', '621592', 19),
    ('HSB', 'city', True, '34', '622277', 19), ('AHRCU', 'rural', True, '34', '623209', 19),
    ('DGRCB', 'rural', False, '44', '623055', 19), ('GZRCB', 'rural', False, '44', '622439', 19),
    ('BOBJ', 'city', False, '11', '621468', 19), ('BOSC', 'city', False, '31', '622892', 16),
    ('CQRCB', 'rural', False, '50', '621258', 19),
    ('ALIPAY', 'payment', True, None, '2088', 16), ('LAKALA', 'payment', True, None, '822', 15),
    ('TENPAY', 'payment', False, None, '', 0), ('JDPAY', 'payment', False, None, '', 0),
    ('DOUYINPAY', 'payment', False, None, '', 0), ('VBILL', 'payment', False, None, '8331', 15),
    ('HKFOREIGN', 'foreign', False, None, '', 0),
]
BANK = {b[0]: b for b in BANKS}
SUPPLY_NAMES = [b[0] for b in BANKS if b[2]]
PROV_BANKS = {
    '41': (['ZZB', 'ZYB'], ['HNRCU']), '42': (['HKB', 'HBB'], ['HBRCU']), '43': (['CSB', 'HNB'], ['HUNRCU']),
    '36': (['JXB', 'JJB'], ['JXRCU']), '34': (['HSB', 'HSB'], ['AHRCU']),
}
NONSUP_BANKS = ['BOC', 'BOCOM', 'CITIC', 'CIB', 'SPDB', 'CMBC', 'CEB', 'PAB', 'BOBJ', 'BOSC', 'CQRCB']

HUMAN_H = [0.3, 0.15, 0.1, 0.08, 0.08, 0.2, 0.6, 1.5, 2.5, 3, 3.5, 3.6, 3.5, 3, 3, 3, 3, 3.2, 3.8, 4.2, 4.5,
           4.2, 3, 1.5]
BIZ_H = [0, 0, 0, 0, 0, 0, 0, 0.2, 1, 3, 3, 3, 2, 2.5, 3, 3, 2.5, 1.5, 0.3, 0, 0, 0, 0, 0]
SHOP_H = [0, 0, 0, 0, 0, 0.3, 2, 4, 3, 2.5, 2.5, 3, 3, 2, 1.5, 1.5, 2, 3, 3.5, 3, 2, 1, 0.3, 0.05]
MULE_H = [1.2, 1, 0.8, 0.6, 0.5, 0.5, 0.8, 1.2, 2, 2.5, 2.5, 2.5, 2.2, 2.3, 2.5, 2.5, 2.4, 2.3, 2.2, 2.2,
          2.2, 2, 1.8, 1.5]


def _cum(w):
    out, s = [], 0.0
    for x in w:
        s += x
        out.append(s)
    return out


HUMAN_C, BIZ_C, SHOP_C, MULE_C = _cum(HUMAN_H), _cum(BIZ_H), _cum(SHOP_H), _cum(MULE_H)

# mule accounts that had (or still have) an ordinary owner's life on them
LIVED_IN = ('student_card_sold', 'migrant_two_cards', 'relative_old', 'paofen_participant', 'personal_code_rented',
            'qr_rented_shop', 'qr_rented_shop_settle')

# --------------------------------------------------------------------------------------------------
VARIANTS = {
    'baseline': dict(
        w0=(2024, 3, 1), w1=(2024, 7, 1), festival=None,
        kinds=dict(urban=3500, rural=1900, elderly=850, student=1050, migrant=1250, young=520),
        n_shop=95, n_live=36, n_landlord=55, n_multicard=130, n_purchaser=22, n_otc=6, n_crypto=140,
        n_monitor=45, n_gift=80, n_rosca=18, n_cohort=9, n_bigfirst=170, n_freshmen=0, n_tourist=40,
        own_gangs=12, paofen=2, paofen_size=(28, 45), qr_gangs=2, qr_rent=(4, 8), qr_shell=(5, 9),
        personal_code=(0, 0), victims=1250, farmers=4, ushang=5,
        speed=(('fast', 0.4), ('medium', 0.4), ('slow', 0.2)),
        ftw=dict(brushing=22, investment=14, ecommerce_cs=12, police_gov=8, loan_card=12, credit_record=6,
                 leader_acquaintance=6, romance=5, shopping_service=6, game_trade=4, fake_job=3,
                 accident_kidnap=1, subsidy_refund=1),
        harvests=[('tea', ['411502', '411521', '411522', '411524', '421124'], (2024, 4, 1), 40, 6000),
                  ('crayfish', ['429005', '421088', '421083', '430921'], (2024, 4, 20), 60, 15000),
                  ('wheat', ['411624', '411627', '411628', '411681', '411722', '411723', '411724', '411727',
                             '411729', '411425', '411426', '341221', '341222', '341225', '341621', '341622'],
                   (2024, 5, 28), 24, 20000)],
        fee_dates=[(2024, 3, 4), (2024, 5, 13)], gift_peak=None,
    ),
    'qr_paofen': dict(
        w0=(2024, 8, 20), w1=(2024, 12, 1), festival=None,
        kinds=dict(urban=3400, rural=1850, elderly=800, student=1050, migrant=1200, young=560),
        n_shop=150, n_live=45, n_landlord=50, n_multicard=120, n_purchaser=22, n_otc=6, n_crypto=140,
        n_monitor=55, n_gift=80, n_rosca=16, n_cohort=8, n_bigfirst=160, n_freshmen=380, n_tourist=30,
        own_gangs=5, paofen=6, paofen_size=(70, 100), qr_gangs=5, qr_rent=(10, 16), qr_shell=(12, 20),
        personal_code=(25, 40), victims=1650, farmers=3, ushang=6,
        speed=(('fast', 0.55), ('medium', 0.35), ('slow', 0.10)),
        ftw=dict(brushing=26, investment=9, ecommerce_cs=9, police_gov=4, loan_card=14, credit_record=5,
                 leader_acquaintance=4, romance=5, shopping_service=11, game_trade=9, fake_job=3,
                 accident_kidnap=0.5, subsidy_refund=0.5),
        harvests=[('peanut', ['411724', '411723', '411328'], (2024, 8, 28), 28, 12000),
                  ('rice', ['430921', '430981', '361127', '361128', '429006', '421083', '360124'],
                   (2024, 9, 18), 40, 18000),
                  ('navel_orange', ['360722', '360734', '360726', '360730', '360731'], (2024, 11, 5), 45,
                   16000)],
        fee_dates=[(2024, 9, 2), (2024, 10, 21)], gift_peak=(2024, 10, 1),
    ),
    'migrant_season': dict(
        w0=(2024, 12, 20), w1=(2025, 3, 16), festival=(2025, 1, 29),
        kinds=dict(urban=3200, rural=1800, elderly=850, student=950, migrant=1900, young=560),
        n_shop=95, n_live=30, n_landlord=50, n_multicard=120, n_purchaser=20, n_otc=6, n_crypto=120,
        n_monitor=40, n_gift=190, n_rosca=22, n_cohort=12, n_bigfirst=230, n_freshmen=0, n_tourist=70,
        own_gangs=11, paofen=2, paofen_size=(28, 45), qr_gangs=2, qr_rent=(4, 8), qr_shell=(5, 9),
        personal_code=(0, 0), victims=1250, farmers=5, ushang=5,
        speed=(('fast', 0.15), ('medium', 0.45), ('slow', 0.40)),
        ftw=dict(brushing=15, investment=10, ecommerce_cs=9, police_gov=8, loan_card=14, credit_record=5,
                 leader_acquaintance=9, romance=5, shopping_service=10, game_trade=3, fake_job=9,
                 accident_kidnap=2, subsidy_refund=1),
        harvests=[('pig', ['411525', '341221', '341622', '430426', '360731'], (2024, 12, 22), 30, 25000),
                  ('navel_orange', ['360722', '360734', '360726', '360730'], (2024, 12, 20), 25, 16000),
                  ('tea', ['411502', '421124'], (2025, 3, 6), 8, 4000)],
        fee_dates=[(2024, 12, 23), (2025, 2, 17)], gift_peak=(2025, 1, 25),
    ),
}


# --------------------------------------------------------------------------------------------------
def luhn(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = '10X98765432'
UC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    lim, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p < lim:
            return k
        k += 1


class Person:
    __slots__ = ('hid', 'kind', 'home', 'loc', 'birth', 'accts', 'act', 'income', 'emp', 'role', 'family',
                 'circle', 'away', 'idx', 'salary')

    def __init__(self, hid, kind, home, birth):
        self.hid, self.kind, self.home, self.loc, self.birth = hid, kind, home, home, birth
        self.accts, self.act, self.income, self.emp, self.role = [], 1.0, 0, None, ''
        self.family, self.circle, self.away, self.idx, self.salary = None, [], [], 0, None


class Acct:
    __slots__ = ('aid', 'bank', 'p', 'opened', 'region', 'cls', 'typ', 'arch', 'role', 'how', 'grp', 'layer',
                 'status', 'start', 'lawful_to', 'note', 'mode', 'touched', 'label')

    def __init__(self, aid, bank, p, opened, region, cls, typ, arch, start):
        self.aid, self.bank, self.p, self.opened, self.region = aid, bank, p, opened, region
        self.cls, self.typ, self.arch, self.role, self.how = cls, typ, arch, 'lawful', ''
        self.grp, self.layer, self.status, self.start, self.lawful_to = '', '', 'active', start, INF
        self.note, self.mode, self.touched, self.label = '', '', False, False


class Gang:
    def __init__(self, gid, kind):
        self.gid, self.kind = gid, kind
        self.l1, self.l2, self.l3 = [], [], []
        self.a0 = self.a1 = 0
        self.speed, self.base, self.depth = 'medium', '', 3
        self.cash, self.gold, self.topup, self.ushang = [], [], [], []
        self.exitw, self.types, self.rebate, self.settle = None, None, None, {}
        self.victims = 0


class World:
    def __init__(self, variant, seed):
        self.variant, self.seed = variant, seed
        self.cfg = VARIANTS[variant]
        self.rng = random.Random(seed * 1000003 + list(VARIANTS).index(variant) * 7919 + 77)
        self.used_ids, self.used_hids = set(), set()
        self.persons, self.accts, self.tx = [], [], []
        self.invisible = 0
        self.dropped = 0
        self.by_pref, self.by_prov = {}, {}
        self.gangs = []
        self.inbox = {}
        self.victim_rows = []       # (tx index) for truth
        self.card_farmers = []
        self.counts = {}

    # ------------------------------------------------------------------ helpers
    def tod(self, cw):
        r = self.rng
        h = bisect.bisect_right(cw, r.random() * cw[-1])
        return min(h, 23) * HOUR + r.randrange(HOUR)

    def day_ts(self, day0, cw=HUMAN_C):
        return day0 + self.tod(cw)

    def rand_day(self, a, b):
        """Start-of-day timestamp of a random day in [a, b)."""
        da, db = a // DAY, max(a // DAY + 1, b // DAY)
        return self.rng.randrange(da, db) * DAY

    def ln(self, med, sig):
        return med * math.exp(self.rng.gauss(0, sig))

    @staticmethod
    def fen(yuan):
        return max(1, int(round(yuan * 100)))

    def pick_w(self, items):
        r = self.rng.random() * sum(w for _, w in items)
        for k, w in items:
            r -= w
            if r < 0:
                return k
        return items[-1][0]

    def region_of(self, prov, kinds):
        lst = [c for c, _, k in REGIONS[prov][1] if k in kinds]
        return self.rng.choice(lst)

    def any_region(self, kinds='ucr'):
        prov = self.rng.choices(PROVS, PROV_WEIGHT)[0]
        return self.region_of(prov, kinds)

    def new_hid(self, region, birth_year):
        r = self.rng
        while True:
            m, d = r.randint(1, 12), r.randint(1, 28)
            s = '%s%04d%02d%02d%03d' % (region, birth_year, m, d, r.randint(1, 999))
            s += ID_C[sum((ord(a) - 48) * w for a, w in zip(s, ID_W)) % 11]
            if s not in self.used_hids:
                self.used_hids.add(s)
                return s

    def new_uscc(self, region):
        r = self.rng
        while True:
            body = '91' + region + ''.join(r.choice(UC) for _ in range(9))
            c = 31 - sum(UC.index(ch) * w for ch, w in zip(body, UW)) % 31
            s = body + UC[0 if c == 31 else c]
            if s not in self.used_hids:
                self.used_hids.add(s)
                return s

    def new_aid(self, bank, typ):
        r = self.rng
        code, btype, sup, prov, prefix, length = BANK[bank]
        while True:
            if typ == 'corp':
                if btype == 'payment':
                    head, n = {'ALIPAY': ('2088', 12), 'LAKALA': ('822', 12), 'VBILL': ('8331', 11),
                               'TENPAY': ('1', 9), 'JDPAY': ('11', 10), 'DOUYINPAY': ('DY', 14)}[bank]
                    aid = head + ''.join(str(r.randrange(10)) for _ in range(n))
                elif btype == 'foreign':
                    aid = '%03d-%06d-%03d' % (r.randrange(1000), r.randrange(10 ** 6), r.randrange(1000))
                else:
                    n = {'ICBC': 19, 'CCB': 20, 'ABC': 17, 'BOC': 12, 'CMB': 15}.get(bank, 18)
                    aid = str(r.randint(1, 9)) + ''.join(str(r.randrange(10)) for _ in range(n - 1))
            elif bank == 'TENPAY':
                aid = 'wxid_' + ''.join(r.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(14))
            elif bank == 'JDPAY':
                aid = 'jd_' + ''.join(r.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(12))
            elif bank == 'DOUYINPAY':
                aid = 'DY' + ''.join(str(r.randrange(10)) for _ in range(14))
            elif bank == 'ALIPAY':
                aid = '2088' + ''.join(str(r.randrange(10)) for _ in range(12))
            elif bank in ('LAKALA', 'VBILL'):
                aid = prefix + ''.join(str(r.randrange(10)) for _ in range(length - len(prefix)))
            elif btype == 'foreign':
                aid = '%03d-%06d-%03d' % (r.randrange(1000), r.randrange(10 ** 6), r.randrange(1000))
            else:
                body = prefix + ''.join(str(r.randrange(10)) for _ in range(length - len(prefix) - 1))
                aid = body + luhn(body)
            if aid not in self.used_ids:
                self.used_ids.add(aid)
                return aid

    def add_person(self, kind, home, birth_year, hid=None):
        p = Person(hid or self.new_hid(home, birth_year), kind, home, birth_year)
        p.idx = len(self.persons)
        self.persons.append(p)
        return p

    def index_person(self, p):
        self.by_pref.setdefault(p.home[:4], []).append(p)
        self.by_prov.setdefault(p.home[:2], []).append(p)

    def open_acct(self, p, bank, opened, region, cls, typ, arch=None):
        a = Acct(self.new_aid(bank, 'corp' if typ in ('corp', 'merchant') else typ), bank, p, opened,
                 region, cls, typ, arch or (p.kind if p else ''), self.start.get(bank, INF))
        self.accts.append(a)
        if p is not None:
            p.accts.append(a)
        return a

    def org(self, kind, region, bank, arch, opened=None):
        p = self.add_person('org', region, 0, hid=self.new_uscc(region))
        p.role = arch
        op = opened if opened is not None else T(self.rng.randint(2003, 2021), self.rng.randint(1, 12),
                                                     self.rng.randint(1, 28), 10)
        return self.open_acct(p, bank, op, region, 'corp', 'merchant' if kind == 'merchant' else 'corp', arch)

    def ext_person(self, home=None):
        """Someone outside the sampled population (other provinces); accounts at non-supplying places."""
        home = home or self.rng.choice(OTHER_HOMES)
        p = self.add_person('outsider', home, self.rng.randint(1960, 2003))
        return p

    def ext_acct(self, home=None, arch='outsider', bank=None):
        p = self.ext_person(home)
        bank = bank or self.rng.choice(NONSUP_BANKS + ['TENPAY', 'TENPAY'])
        typ = 'wallet' if BANK[bank][1] == 'payment' else 'card'
        return self.open_acct(p, bank, T(self.rng.randint(2008, 2022), self.rng.randint(1, 12), 5), p.home,
                              'I' if typ == 'card' else 'III', typ, arch)

    # ------------------------------------------------------------------ transfers
    def add_tx(self, ts, a, b, fen, ch, reg='', kind='transfer', memo='', xb=False, fraud=False):
        """Record a transfer that happened. Returns False if it could not happen (account not open yet,
        outside the simulated time). Invisible transfers (no supplying party inside its extract) happen
        but are not written."""
        if ts < self.sim0 or ts >= self.sim1 or fen <= 0:
            return False
        if a is not None and (ts < a.opened):
            self.dropped += 1
            return False
        if b is not None and (ts < b.opened):
            self.dropped += 1
            return False
        if a is not None and a is b:
            return False
        vis = (a is not None and ts >= a.start) or (b is not None and ts >= b.start)
        if not vis:
            self.invisible += 1
            return True
        self.tx.append([ts, a, b, fen, ch, reg, kind, memo, xb, fraud, len(self.tx)])
        return True

    # ------------------------------------------------------------------ setup
    def setup_time(self):
        c, r = self.cfg, self.rng
        self.w0, self.w1 = T(*c['w0']), T(*c['w1'])
        self.sim0, self.sim1 = self.w0 - 45 * DAY, self.w1
        self.start = {}
        offs = [r.randint(0, 26) for _ in SUPPLY_NAMES]
        offs[r.randrange(len(offs))] = 0
        for b, o in zip(SUPPLY_NAMES, offs):
            self.start[b] = self.w0 + o * DAY
        self.fest = T(*c['festival']) if c['festival'] else None

    def choose_bank(self, prov, profile, exclude=()):
        r = self.rng
        city, rural = PROV_BANKS.get(prov, (['ZYB', 'ZYB'], ['HNRCU']))
        if profile == 'urban':
            items = [('ICBC', 16), ('CCB', 14), ('ABC', 9), ('BOC', 8), ('CMB', 8), ('BOCOM', 5), ('PSBC', 5),
                     (city[0], 12), (city[1], 6), ('CITIC', 3), ('CIB', 4), ('SPDB', 2), ('CMBC', 2), ('CEB', 2),
                     ('PAB', 2), (rural[0], 3)]
        elif profile == 'rural':
            items = [(rural[0], 45), ('PSBC', 22), ('ABC', 15), ('CCB', 5), ('ICBC', 5), (city[0], 4),
                     ('BOC', 2), (city[1], 2)]
        elif profile == 'work':
            items = [('ICBC', 20), ('CCB', 16), ('ABC', 14), ('BOC', 10), ('DGRCB', 9), ('GZRCB', 6),
                     ('CMB', 7), ('PAB', 6), ('PSBC', 6), ('BOCOM', 4), ('CIB', 3)]
        else:  # national only
            items = [('ICBC', 16), ('CCB', 14), ('ABC', 12), ('BOC', 10), ('CMB', 8), ('BOCOM', 6),
                     ('PSBC', 8), ('CITIC', 4), ('CIB', 5), ('SPDB', 4), ('CMBC', 4), ('CEB', 4), ('PAB', 5)]
        items = [(b, w) for b, w in items if b not in exclude]
        if not items:
            items = [(b, 1) for b in ['ICBC', 'CCB', 'ABC', 'BOC', 'CMB', 'BOCOM', 'PSBC'] + NONSUP_BANKS
                     if b not in exclude] or [('ICBC', 1)]
        return self.pick_w(items)

    def past_open(self, birth, lo_year=2000):
        r = self.rng
        y0 = max(lo_year, birth + 17)
        y1 = self.cfg['w0'][0]
        y = r.randint(y0, y1) if y0 < y1 else y1
        ts = T(y, r.randint(1, 12), r.randint(1, 28)) + self.tod(BIZ_C)
        return min(ts, self.sim0 - r.randint(2, 400) * DAY)

    def give_accounts(self, p, profile, prov, n_bank, p_ali, p_wx, region=None, lo_year=2000):
        region = region or p.home
        banks = []
        for _ in range(n_bank):
            b = self.choose_bank(prov, profile, exclude=banks)
            if b == 'HBRCU' and region[:4] == '4201':
                b = 'WHRCB'
            banks.append(b)
            self.open_acct(p, b, self.past_open(p.birth, lo_year), region, 'I', 'card')
        r = self.rng
        if r.random() < p_ali:
            self.open_acct(p, 'ALIPAY', self.past_open(p.birth, 2012), region if r.random() < 0.7 else '',
                           'III', 'wallet')
        if r.random() < p_wx:
            self.open_acct(p, 'TENPAY', self.past_open(p.birth, 2014), region if r.random() < 0.7 else '',
                           'III', 'wallet')

    def setup_orgs(self):
        r = self.rng
        self.merchants = {}          # prov -> list of local merchant accounts
        self.national = []
        for prov in PROVS:
            lst = []
            for i in range(26):
                reg = self.region_of(prov, 'uc' if i % 3 else 'ucr')
                kind = r.random()
                if kind < 0.3:
                    bank = self.choose_bank(prov, 'urban')
                elif kind < 0.5:
                    bank = 'LAKALA'
                elif kind < 0.65:
                    bank = 'ALIPAY'
                elif kind < 0.85:
                    bank = 'TENPAY'
                else:
                    bank = 'VBILL'
                lst.append(self.org('merchant', reg, bank, 'merchant_local'))
            self.merchants[prov] = lst
        for name, bank in [('taobao', 'ALIPAY'), ('pdd', 'TENPAY'), ('meituan', 'TENPAY'), ('meituan2', 'ALIPAY'),
                           ('jd', 'JDPAY'), ('douyin', 'DOUYINPAY'), ('didi', 'ALIPAY'), ('ctrip', 'ALIPAY')]:
            self.national.append(self.org('merchant', '310115' if bank != 'JDPAY' else '110105', bank,
                                          'merchant_platform'))
        self.rail = self.org('corp', '110105', 'ICBC', 'merchant_railway')
        self.utility = {prov: self.org('corp', self.region_of(prov, 'u'), r.choice(['CCB', 'ICBC', 'BOC']),
                                       'utility') for prov in PROVS}
        self.pension = {prov: self.org('corp', self.region_of(prov, 'u'), r.choice(['ICBC', 'CCB', 'BOC', 'ABC']),
                                       'social_security_fund') for prov in PROVS}
        self.subsidy = {prov: self.org('corp', self.region_of(prov, 'u'), r.choice(['ABC', PROV_BANKS[prov][1][0]]),
                                       'gov_subsidy') for prov in PROVS}
        self.topups = [self.org('merchant', self.any_region('u'), b, 'merchant_topup_gamecard')
                       for b in ['LAKALA', 'ALIPAY', 'TENPAY', 'VBILL', 'JDPAY', 'ALIPAY', 'LAKALA', 'TENPAY']]
        self.golds = [self.org('merchant', g, self.choose_bank(g[:2], 'urban') if g[:2] in REGIONS else
                               r.choice(['ICBC', 'CCB', 'BOC', 'CMB', 'PAB']), 'merchant_gold_jewellery')
                      for g in GOLD_PLACES + [self.any_region('u') for _ in range(6)]]
        self.cars = [self.org('corp', self.any_region('u'), self.choose_bank('41', 'national'), 'car_dealer_4s')
                     for _ in range(10)]
        self.devs = [self.org('corp', self.any_region('u'), self.choose_bank('41', 'national'), 'property_developer')
                     for _ in range(10)]
        self.hotels = [self.org('corp', self.any_region('ur'), self.choose_bank('42', 'urban'), 'wedding_hotel')
                       for _ in range(12)]
        self.funeral = [self.org('corp', self.any_region('ur'), self.choose_bank('43', 'rural'), 'funeral_service')
                        for _ in range(6)]
        self.univ = {}
        for prov in PROVS:
            for c, _, k in REGIONS[prov][1]:
                if k == 'c':
                    self.univ[c] = self.org('corp', c, r.choice(['ICBC', 'CCB', 'BOC', PROV_BANKS[prov][0][0]]),
                                            'university')
        self.lenders = [self.org('corp', g, b, 'consumer_finance') for g, b in
                        [('500103', 'CQRCB'), ('440306', 'PAB'), ('310115', 'BOSC'), ('110105', 'CITIC')]]
        self.wholesale = {prov: [self.org('corp', self.region_of(prov, 'u'), self.choose_bank(prov, 'urban'),
                                          'wholesaler') for _ in range(6)] for prov in PROVS}
        self.logistics = [self.org('corp', '310112', b, 'courier') for b in ['CMB', 'ICBC', 'TENPAY']]
        self.clients = [self.org('corp', r.choice(OTHER_HOMES), r.choice(NONSUP_BANKS + ['ICBC', 'CCB']),
                                 'client_company') for _ in range(30)]
        # employers
        self.employers = []
        for prov in PROVS:
            for i in range(30):
                reg = self.region_of(prov, 'ucr' if i % 4 == 0 else 'uc')
                self.employers.append(self.org('corp', reg, self.choose_bank(prov, 'urban'), 'employer'))
        self.factories = [self.org('corp', r.choice(WORK_OUT), self.choose_bank('44', 'work'), 'employer_outside')
                          for _ in range(36)]

    def setup_people(self):
        c, r = self.cfg, self.rng
        k = c['kinds']
        yr = c['w0'][0]
        for _ in range(k['urban']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('urban', self.region_of(prov, 'uc'), r.randint(1962, 2001))
            self.give_accounts(p, 'urban', prov, r.choice([1, 1, 2, 2, 2, 3]), 0.8, 0.93)
            p.act = self.ln(0.75, 0.85)
            p.income = round(self.ln(5200, 0.45), -1)
            p.emp = r.choice([e for e in self.employers if e.region[:2] == prov]) if r.random() < 0.85 else None
            self.index_person(p)
        for _ in range(k['rural']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('rural', self.region_of(prov, 'r'), r.randint(1958, 1998))
            self.give_accounts(p, 'rural', prov, r.choice([1, 1, 2]), 0.4, 0.8)
            p.act = self.ln(0.52, 0.85)
            p.income = round(self.ln(3200, 0.4), -1)
            if r.random() < 0.2:
                p.emp = r.choice([e for e in self.employers if e.region[:2] == prov])
            self.index_person(p)
        for _ in range(k['elderly']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('elderly', self.region_of(prov, 'ucrr'), r.randint(1936, 1961))
            self.give_accounts(p, 'rural' if p.home[-2:] > '20' else 'urban', prov, r.choice([1, 1, 2]),
                               0.15, 0.35, lo_year=1999)
            p.act = self.ln(0.38, 0.85)
            p.income = round(self.ln(1800, 0.7), -1)
            self.index_person(p)
        campuses = [(prov, c2) for prov in PROVS for c2, _, kk in REGIONS[prov][1] if kk == 'c']
        self.students = []
        for _ in range(k['student']):
            prov, campus = r.choice(campuses)
            hprov = prov if r.random() < 0.7 else r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('student', self.region_of(hprov, 'ucrr'), r.randint(yr - 23, yr - 18))
            p.loc = campus
            b = self.pick_w([('ICBC', 3), ('CCB', 3), (PROV_BANKS[prov][0][0], 4), (PROV_BANKS[prov][0][1], 2),
                             ('BOC', 2), ('PSBC', 1)])
            self.open_acct(p, b, self.past_open(p.birth + 1, yr - 4), campus, r.choice(['I', 'I', 'II']), 'card')
            if r.random() < 0.4:
                self.open_acct(p, self.choose_bank(hprov, 'rural'), self.past_open(p.birth, 2012), p.home, 'I', 'card')
            if r.random() < 0.9:
                self.open_acct(p, 'ALIPAY', self.past_open(p.birth, yr - 5), '', 'III', 'wallet')
            self.open_acct(p, 'TENPAY', self.past_open(p.birth, yr - 6), '', 'III', 'wallet')
            p.act = self.ln(0.75, 0.85)
            p.income = round(self.ln(1600, 0.3), -1)
            self.students.append(p)
            self.index_person(p)
        self.migrants = []
        for _ in range(k['migrant']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('migrant', self.region_of(prov, 'r'), r.randint(1968, 2003))
            p.loc = r.choice(WORK_OUT)
            self.give_accounts(p, 'rural', prov, 1, 0.55, 0.95)
            if r.random() < 0.85:
                self.open_acct(p, self.choose_bank('44', 'work'), self.past_open(p.birth + 2, 2010), p.loc, 'I', 'card')
            p.emp = r.choice(self.factories)
            p.act = self.ln(0.60, 0.85)
            p.income = round(self.ln(6200, 0.3), -1)
            self.migrants.append(p)
            self.index_person(p)
        self.young = []
        for _ in range(k['young']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('young_rural', self.region_of(prov, 'r'), r.randint(yr - 27, yr - 18))
            self.give_accounts(p, 'rural', prov, r.choice([1, 1, 2]), 0.5, 0.95, lo_year=yr - 8)
            p.act = self.ln(0.45, 0.85)
            p.income = round(self.ln(3500, 0.35), -1)
            if r.random() < 0.5:
                p.emp = r.choice([e for e in self.employers if e.region[:2] == prov])
            self.young.append(p)
            self.index_person(p)
        # families and circles
        locals_ = [p for p in self.persons if p.kind in ('rural', 'elderly', 'urban')]
        for p in self.persons:
            if p.kind == 'org':
                continue
            same = self.by_pref.get(p.home[:4], [])
            n = r.randint(4, 11)
            circ = []
            for _ in range(n):
                x = r.random()
                pool = same if x < 0.6 and len(same) > 3 else (self.by_prov[p.home[:2]] if x < 0.9 else self.persons)
                q = r.choice(pool)
                if q is not p and q.kind != 'org' and q not in circ:
                    circ.append(q)
            p.circle = circ
            if p.kind in ('student', 'migrant', 'young_rural', 'urban'):
                fam = [q for q in same if q.kind in ('rural', 'elderly', 'urban') and q is not p]
                p.family = r.choice(fam) if fam else r.choice(locals_)

    # ------------------------------------------------------------------ account selection
    def usable(self, p, ts, typs=('card', 'wallet')):
        return [a for a in p.accts if a.typ in typs and a.opened <= ts < a.lawful_to]

    def card(self, p, ts):
        lst = self.usable(p, ts, ('card',))
        if not lst:
            lst = self.usable(p, ts, ('wallet',))
        if not lst:
            return None
        return self.rng.choice(lst) if len(lst) > 1 else lst[0]

    def wallet(self, p, ts):
        lst = self.usable(p, ts, ('wallet',))
        if not lst:
            lst = self.usable(p, ts, ('card',))
        if not lst:
            return None
        return self.rng.choice(lst) if len(lst) > 1 else lst[0]

    def anyacct(self, p, ts):
        lst = self.usable(p, ts)
        if not lst:
            return None
        return self.rng.choice(lst) if len(lst) > 1 else lst[0]

    def loc(self, p, ts):
        for a, b, where in p.away:
            if a <= ts < b:
                return where
        return p.loc

    def reg(self, p, ts, prob=0.75):
        return self.loc(p, ts) if self.rng.random() < prob else ''

    # ------------------------------------------------------------------ lawful life
    def gen_routine(self, p):
        r = self.rng
        span = self.sim1 - self.sim0
        days = span / DAY
        k = p.kind
        # per month: merchant payments, person-to-person, wallet top-ups, between own cards, cash
        rates = {'urban': (4.5, 1.5, 0.9, 0.4, 0.15), 'rural': (1.8, 0.9, 0.5, 0.15, 0.9),
                 'elderly': (0.7, 0.35, 0.15, 0.1, 1.3), 'student': (4.2, 1.4, 0.8, 0.15, 0.2),
                 'migrant': (2.8, 1.0, 0.7, 0.15, 0.6), 'young_rural': (2.0, 1.0, 0.6, 0.15, 0.4)}.get(k)
        if rates is None:
            return
        spend, p2p, topup, own, atm = [x * p.act * days / 30.0 for x in rates]
        prov = p.home[:2] if p.kind not in ('migrant', 'student') else p.loc[:2]
        locm = self.merchants.get(prov) or self.merchants[p.home[:2]]
        for _ in range(poisson(r, spend)):
            ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
            src = self.wallet(p, ts) if r.random() < 0.72 else self.card(p, ts)
            if src is None:
                continue
            if k == 'student' and r.random() < 0.12:
                dst = r.choice(self.topups)
                amt = self.fen(r.choice([6, 30, 68, 98, 128, 198, 328, 648]))
            else:
                dst = r.choice(self.national) if r.random() < 0.4 else r.choice(locm)
                amt = self.fen(min(self.ln(42 if k != 'elderly' else 60, 1.05), 6000))
            ch = 'pos' if (src.typ == 'card' and dst.bank in ('LAKALA', 'VBILL') and r.random() < 0.6) else 'mobile'
            self.add_tx(ts, src, dst, amt, ch, self.reg(p, ts, 0.6 if ch == 'mobile' else 1.0))
        for _ in range(poisson(r, p2p)):
            if not p.circle:
                break
            ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
            q = r.choice(p.circle)
            big = r.random() < 0.15
            src = self.card(p, ts) if big else self.wallet(p, ts)
            dst = self.card(q, ts) if big else self.wallet(q, ts)
            if src is None or dst is None:
                continue
            amt = self.ln(2500, 0.9) if big else r.choice([20, 50, 66, 88, 100, 100, 200, 200, 300, 500, 52, 13.14,
                                                           self.ln(60, 0.9)])
            memo = r.choice(['', '', '', '还你的', '饭钱', 'AA', '借款', '红包']) if not big else r.choice(['', '借款', '还款'])
            self.add_tx(ts, src, dst, self.fen(round(amt, 2)), 'mobile', self.reg(p, ts, 0.5), memo=memo)
        cards = [a for a in p.accts if a.typ == 'card']
        wallets = [a for a in p.accts if a.typ == 'wallet']
        if cards and wallets:
            for _ in range(poisson(r, topup)):
                ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
                s, d = r.choice(cards), r.choice(wallets)
                if s.opened <= ts < s.lawful_to and d.opened <= ts < d.lawful_to:
                    self.add_tx(ts, s, d, self.fen(r.choice([100, 200, 300, 500, 500, 1000, 2000])), 'mobile',
                                self.reg(p, ts, 0.4), memo='充值')
        if len(cards) >= 2:
            for _ in range(poisson(r, own)):
                ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
                s, d = r.sample(cards, 2)
                if s.opened <= ts < s.lawful_to and d.opened <= ts < d.lawful_to:
                    self.add_tx(ts, s, d, self.fen(round(self.ln(3000, 1.0), -1)), 'mobile', self.reg(p, ts, 0.5),
                                memo=r.choice(['', '', '转存', '理财']))
        for _ in range(poisson(r, atm)):
            ts = self.rand_day(self.sim0, self.sim1) + self.tod(BIZ_C)
            src = self.card(p, ts)
            if src is None or src.typ != 'card':
                continue
            ch = 'counter' if (k == 'elderly' and r.random() < 0.5) else 'atm'
            self.add_tx(ts, src, None, self.fen(r.choice([200, 500, 500, 1000, 1000, 2000, 3000])), ch,
                        self.loc(p, ts), kind='withdrawal')
        # income
        if k == 'elderly':
            for m0 in self.month_starts():
                ts = m0 + r.randint(14, 18) * DAY + self.tod(BIZ_C)
                dst = self.card(p, ts)
                if dst is not None and dst.typ == 'card':
                    self.add_tx(ts, self.pension[p.home[:2]], dst, self.fen(p.income), 'online', '', memo='养老金')
        elif k == 'student':
            for m0 in self.month_starts():
                ts = m0 + r.randint(0, 4) * DAY + self.tod(HUMAN_C)
                fam = p.family
                if fam is None:
                    continue
                src, dst = self.anyacct(fam, ts), self.anyacct(p, ts)
                if src and dst:
                    self.add_tx(ts, src, dst, self.fen(round(p.income, -2)), 'mobile', self.reg(fam, ts, 0.5),
                                memo=r.choice(['生活费', '', '']))
        # family support
        if k in ('urban', 'young_rural') and p.family is not None and r.random() < 0.35:
            for m0 in self.month_starts():
                ts = m0 + r.randint(0, 27) * DAY + self.tod(HUMAN_C)
                src, dst = self.card(p, ts), self.anyacct(p.family, ts)
                if src and dst:
                    self.add_tx(ts, src, dst, self.fen(r.choice([500, 800, 1000, 1000, 1500, 2000])), 'mobile',
                                self.reg(p, ts, 0.5))

    def month_starts(self):
        out = []
        d = EPOCH + timedelta(seconds=self.sim0)
        y, m = d.year, d.month
        while True:
            ts = T(y, m, 1)
            if ts >= self.sim1:
                break
            out.append(ts)
            m += 1
            if m == 13:
                y, m = y + 1, 1
        return out

    def gen_salaries(self):
        r = self.rng
        staff = {}
        for p in self.persons:
            if p.emp is not None:
                staff.setdefault(p.emp.aid, (p.emp, []))[1].append(p)
        for key in list(staff):
            emp, people = staff[key]
            payday = r.choice([5, 8, 10, 10, 15, 15, 20, 25, 28])
            for m0 in self.month_starts():
                base = m0 + (payday - 1) * DAY + r.randint(9, 16) * HOUR + r.randrange(HOUR)
                for i, p in enumerate(people):
                    ts = base + i * r.randint(1, 3)
                    dst = p.salary if (p.salary is not None and p.salary.opened <= ts) else None
                    if dst is None:
                        lst = [a for a in p.accts if a.typ == 'card' and a.opened <= ts < a.lawful_to]
                        if not lst:
                            continue
                        lst.sort(key=lambda a: (BANK[a.bank][1] == 'rural' and p.kind == 'migrant', a.opened))
                        dst = lst[0]
                        if p.kind == 'migrant':
                            outs = [a for a in lst if a.region == p.loc or a.region[:2] == p.loc[:2]]
                            dst = outs[0] if outs else lst[0]
                    amt = p.income * (1 + r.gauss(0, 0.05))
                    memo = r.choice(['工资', '代发工资', '薪资', '', '劳务费'])
                    if self.fest and p.kind == 'migrant' and self.fest - 30 * DAY <= ts < self.fest - 5 * DAY:
                        amt += self.ln(14000, 0.5)
                        memo = '年终工资'
                    self.add_tx(ts, emp, dst, self.fen(amt), 'online', '', memo=memo)
                    if p.salary is not None and dst is p.salary and r.random() < 0.55:
                        # new salary card: most of it moved to the main card within hours (lawful fast out)
                        main = [a for a in p.accts if a is not dst and a.typ == 'card' and a.opened <= ts]
                        if main:
                            t2 = ts + int(self.ln(3 * HOUR, 1.2))
                            self.add_tx(t2, dst, main[0], self.fen(round(amt * r.uniform(0.7, 0.98), -2)),
                                        'mobile', self.reg(p, t2, 0.5))
            # employer revenue
            n = len(people)
            for m0 in self.month_starts():
                for _ in range(r.randint(1, 4)):
                    ts = m0 + r.randrange(28) * DAY + self.tod(BIZ_C)
                    self.add_tx(ts, r.choice(self.clients), emp, self.fen(round(self.ln(n * 6000 / 2.5, 0.5), -2)),
                                'online', '', memo='货款')

    def gen_migrants(self):
        r, fest = self.rng, self.fest
        for p in self.migrants:
            home_cards = [a for a in p.accts if a.region == p.home]
            work_cards = [a for a in p.accts if a.region != p.home and a.typ == 'card']
            # trips home
            if fest:
                if r.random() < 0.82:
                    a = fest - r.randint(3, 16) * DAY + self.tod(HUMAN_C)
                    b = fest + r.randint(5, 20) * DAY
                    p.away.append((a, b, p.home))
                    tt = a - r.randint(3, 25) * DAY
                    src = self.card(p, tt)
                    if src:
                        self.add_tx(tt, src, self.rail,
                                    self.fen(r.choice([318.5, 412, 538.5, 610, 289])), 'mobile', p.loc, memo='火车票')
                    for _ in range(r.randint(1, 4)):  # cash at home for the holidays
                        ts = a + r.randint(0, max(1, (b - a) // DAY - 1)) * DAY + self.tod(BIZ_C)
                        c = self.card(p, ts)
                        if c and c.typ == 'card':
                            self.add_tx(ts, c, None, self.fen(r.choice([1000, 2000, 2500, 3000, 5000])), 'atm',
                                        p.home, kind='withdrawal')
                    # big remittance / cash to family before the festival
                    if p.family:
                        ts = a - r.randint(0, 10) * DAY + self.tod(HUMAN_C)
                        s, d = self.card(p, ts), self.card(p.family, ts)
                        if s and d:
                            self.add_tx(ts, s, d, self.fen(round(self.ln(12000, 0.5), -2)), 'mobile', p.loc,
                                        memo=r.choice(['过年', '家用', '', '']))
                    # red envelopes
                    for _ in range(r.randint(2, 8)):
                        ts = fest + r.randint(-2, 5) * DAY + self.tod(HUMAN_C)
                        if p.circle:
                            q = r.choice(p.circle)
                            s, d = self.wallet(p, ts), self.wallet(q, ts)
                            if s and d:
                                self.add_tx(ts, s, d, self.fen(r.choice([66, 88, 100, 166, 188, 200, 200, 500, 666, 888])),
                                            'mobile', self.reg(p, ts, 0.5), memo=r.choice(['新年快乐', '红包', '']))
                    # new job after the festival: a new salary card opened at the new place of work
                    if r.random() < 0.3:
                        newloc = r.choice(WORK_OUT)
                        op = b + r.randint(2, 12) * DAY + self.tod(BIZ_C)
                        if op < self.sim1 - 3 * DAY:
                            p.loc = newloc
                            bank = self.choose_bank('44', 'work')
                            nc = self.open_acct(p, bank, op, newloc, 'I', 'card', 'migrant_new_job_card')
                            p.salary = nc
                            p.emp = r.choice(self.factories)
                            if nc.start < INF:
                                nc.arch = 'migrant_new_job_card'
            else:
                if r.random() < 0.12:  # home for Qingming / harvest / National Day
                    a = self.rand_day(self.w0, self.w1 - 10 * DAY) + self.tod(HUMAN_C)
                    b = a + r.randint(3, 12) * DAY
                    p.away.append((a, b, p.home))
                    for _ in range(r.randint(1, 2)):
                        ts = a + DAY + self.tod(BIZ_C)
                        c = self.card(p, ts)
                        if c and c.typ == 'card':
                            self.add_tx(ts, c, None, self.fen(r.choice([1000, 2000, 3000])), 'atm', p.home,
                                        kind='withdrawal')
            # monthly remittance home
            if p.family:
                for m0 in self.month_starts():
                    if r.random() < 0.75:
                        ts = m0 + r.randint(8, 20) * DAY + self.tod(HUMAN_C)
                        s, d = self.card(p, ts), self.card(p.family, ts)
                        if s and d:
                            self.add_tx(ts, s, d, self.fen(round(self.ln(2000, 0.45), -2)), 'mobile',
                                        self.reg(p, ts, 0.6), memo=r.choice(['家用', '', '', '生活费']))
            # home-opened cards used at ATMs at the place of work (lawful cross-province cash)
            for _ in range(poisson(r, 0.5 * (self.sim1 - self.sim0) / (30 * DAY))):
                ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
                cards = [a for a in p.accts if a.typ == 'card' and a.opened <= ts < a.lawful_to]
                if cards:
                    where = self.loc(p, ts)
                    self.add_tx(ts, r.choice(cards), None, self.fen(r.choice([500, 1000, 1000, 2000, 2500])), 'atm',
                                where, kind='withdrawal')

    def gen_festival_locals(self):
        """Red envelopes and gifts among locals over the Spring Festival (migrant_season only)."""
        r, fest = self.rng, self.fest
        if not fest:
            return
        for p in self.persons:
            if p.kind not in ('urban', 'rural', 'elderly', 'young_rural', 'student') or not p.circle:
                continue
            for _ in range(poisson(r, 2.5)):
                ts = fest + r.randint(-3, 6) * DAY + self.tod(HUMAN_C)
                q = r.choice(p.circle)
                s, d = self.wallet(p, ts), self.wallet(q, ts)
                if s and d:
                    self.add_tx(ts, s, d, self.fen(r.choice([8.88, 66, 88, 100, 168, 188, 200, 520, 666, 888, 1000])),
                                'mobile', self.reg(p, ts, 0.4), memo=r.choice(['新年快乐', '', '拜年', '红包']))
            if p.kind in ('urban', 'rural') and r.random() < 0.25:  # year-end bank cash for the family
                ts = fest - r.randint(1, 12) * DAY + self.tod(BIZ_C)
                c = self.card(p, ts)
                if c and c.typ == 'card':
                    self.add_tx(ts, c, None, self.fen(r.choice([2000, 3000, 5000, 10000])),
                                r.choice(['atm', 'counter']), p.home, kind='withdrawal')

    def gen_shops(self):
        """Small shops and market stalls collecting on personal accounts or tiny merchant accounts."""
        r = self.rng
        self.shops = []
        self.shop_ledger = {}
        for _ in range(self.cfg['n_shop']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('urban', self.region_of(prov, 'ucr'), r.randint(1965, 1998))
            p.role = 'shop_personal_qr'
            self.give_accounts(p, 'urban', prov, r.choice([1, 2]), 0.9, 0.9)
            bank_card = [a for a in p.accts if a.typ == 'card'][0]
            x = r.random()
            if x < 0.35:
                coll = self.open_acct(p, 'LAKALA', self.past_open(p.birth + 10, 2016), p.home, 'corp', 'merchant',
                                      'shop_small_merchant')
            else:
                ws = [a for a in p.accts if a.typ == 'wallet']
                coll = ws[0] if ws else self.open_acct(p, r.choice(['ALIPAY', 'TENPAY']), self.past_open(p.birth, 2015),
                                                       '', 'III', 'wallet')
            for a in p.accts:
                a.arch = 'shop_personal_qr'
            if coll.typ == 'merchant':
                coll.arch = 'shop_small_merchant'
            coll.note = bank_card.aid
            self.index_person(p)
            self.shops.append((p, coll, bank_card))
            custs = (self.by_pref.get(p.home[:4]) or self.by_prov[prov])
            rate = self.ln(3.4, 0.4)
            ledger = []
            d0, d1 = self.sim0 // DAY, self.sim1 // DAY
            for day in range(d0, d1):
                if r.random() < 0.06:
                    continue
                for _ in range(poisson(r, rate)):
                    ts = day * DAY + self.tod(SHOP_C)
                    q = r.choice(custs)
                    src = self.wallet(q, ts)
                    if src is None or src.p is p:
                        continue
                    amt = self.fen(round(min(self.ln(26, 0.9), 900), r.choice([0, 1, 2])))
                    if self.add_tx(ts, src, coll, amt, 'mobile', p.home if r.random() < 0.5 else ''):
                        ledger.append((ts, amt))
                if day % r.choice([3, 4]) == 0:  # restock from a wholesaler
                    ts = day * DAY + self.tod(BIZ_C)
                    self.add_tx(ts, bank_card, r.choice(self.wholesale[prov]),
                                self.fen(round(self.ln(rate * 3.5 * 26 * 0.7, 0.4), -1)), 'mobile',
                                p.home, memo=r.choice(['货款', '进货', '']))
            if coll.typ == 'merchant':
                self.shop_ledger[coll.aid] = (coll, bank_card, ledger)
            else:
                self.settle_or_sweep(coll, bank_card, ledger)

    def settle_or_sweep(self, coll, bank_card, ledger):
        """A personal collection wallet is swept to the owner's card now and then (merchant accounts settle
        T+1 in run_layers, together with any victims' money)."""
        r = self.rng
        by_day = {}
        for ts, amt in ledger:
            by_day.setdefault(ts // DAY, []).append(amt)
        if by_day:
            acc = 0
            for day in sorted(by_day):
                acc += sum(by_day[day])
                if r.random() < 0.25 and acc > 20000:
                    ts = (day + 1) * DAY - r.randint(1, 4) * HOUR
                    amt = int(acc * r.uniform(0.6, 0.95) / 10000) * 10000
                    if amt > 0 and self.add_tx(ts, coll, bank_card, amt, 'mobile', '', memo='提现'):
                        acc -= amt

    def gen_livestream(self):
        r = self.rng
        for _ in range(self.cfg['n_live']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('urban', self.region_of(prov, 'ucr'), r.randint(1985, 2002))
            p.role = 'livestream_seller'
            self.give_accounts(p, 'urban', prov, 1, 0.9, 0.95)
            for a in p.accts:
                a.arch = 'livestream_seller'
            self.index_person(p)
            card = [a for a in p.accts if a.typ == 'card'][0]
            platform = self.national[5] if r.random() < 0.6 else self.national[0]
            wallets = [a for a in p.accts if a.typ == 'wallet']
            supplier = self.org('corp', self.region_of(prov, 'r'), self.choose_bank(prov, 'rural'), 'supplier_farm_produce')
            scale = self.ln(3000, 0.8)
            fans = self.by_prov[prov]
            for day in range(self.sim0 // DAY, self.sim1 // DAY):
                if r.random() < 0.15:
                    continue
                ts = day * DAY + 6 * HOUR + r.randrange(4 * HOUR)
                amt = self.ln(scale, 0.6)
                self.add_tx(ts, platform, card, self.fen(amt), 'online', '', memo='结算')
                if r.random() < 0.3:
                    self.add_tx(ts + r.randint(1, 8) * HOUR, card, supplier, self.fen(round(amt * 2.5, -2)), 'mobile',
                                p.home, memo='货款')
                if r.random() < 0.12:
                    self.add_tx(ts + r.randint(1, 8) * HOUR, card, r.choice(self.logistics),
                                self.fen(round(amt * 0.6, -1)), 'online', '', memo='运费')
                for _ in range(poisson(r, 1.2)):  # refunds / compensation to buyers, private-domain orders in
                    q = r.choice(fans)
                    t2 = day * DAY + self.tod(HUMAN_C)
                    d = self.wallet(q, t2)
                    s = r.choice(wallets) if wallets else card
                    if d is None:
                        continue
                    if r.random() < 0.5:
                        self.add_tx(t2, s, d, self.fen(self.ln(40, 0.7)), 'mobile', '', memo='退款')
                    else:
                        self.add_tx(t2, d, s, self.fen(self.ln(120, 0.7)), 'mobile', '', memo='')

    def gen_landlords(self):
        r = self.rng
        for _ in range(self.cfg['n_landlord']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            home = self.rng.choice([c for c, _, k in REGIONS[prov][1] if c[:4] == CAPITAL_PREF[prov]])
            p = self.add_person('urban', home, r.randint(1950, 1985))
            p.role = 'rent_collector'
            self.give_accounts(p, 'urban', prov, r.choice([1, 2, 2]), 0.6, 0.9, lo_year=1999)
            for a in p.accts:
                a.arch = 'rent_collector'
            self.index_person(p)
            tenants = r.sample(self.by_prov[prov], min(len(self.by_prov[prov]), r.randint(8, 36)))
            main = [a for a in p.accts if a.typ == 'card'][0]
            rent = {q.hid: round(self.ln(900, 0.3), -1) for q in tenants}
            for m0 in self.month_starts():
                tot = 0
                for q in tenants:
                    ts = m0 + int(abs(r.gauss(1.5, 2.0)) * DAY) + self.tod(HUMAN_C)
                    s, d = self.anyacct(q, ts), self.anyacct(p, ts)
                    if s and d and s.p is not p:
                        amt = rent[q.hid] + (r.choice([0, 0, 35.5, 62.8, 120]) if r.random() < 0.5 else 0)
                        if self.add_tx(ts, s, d, self.fen(amt), 'mobile', '', memo=r.choice(['房租', '', '租金', '水电'])):
                            tot += amt
                ts = m0 + r.randint(8, 15) * DAY + self.tod(BIZ_C)
                other = [a for a in p.accts if a.typ == 'card' and a is not main]
                if other and tot > 3000:
                    self.add_tx(ts, main, other[0], self.fen(round(tot * 0.8, -3)), 'mobile', home, memo='')

    def gen_monitors(self):
        """Class monitors collecting fees from classmates and paying them on."""
        r = self.rng
        by_campus = {}
        for p in self.students:
            by_campus.setdefault(p.loc, []).append(p)
        camps = [c for c in sorted(by_campus) if len(by_campus[c]) >= 25]
        for i in range(self.cfg['n_monitor']):
            camp = camps[i % len(camps)]
            pool = by_campus[camp]
            mon = r.choice(pool)
            mon.role = 'class_monitor'
            mates = r.sample(pool, min(len(pool), r.randint(28, 48)))
            for fd in self.cfg['fee_dates']:
                if r.random() < 0.25:
                    continue
                t0 = T(*fd) + r.randint(0, 6) * DAY
                item, amt = r.choice([('班费', 100), ('教材费', 268), ('资料费', 85), ('住宿费', 1200), ('军训服装费', 180),
                                      ('毕业照', 45), ('活动经费', 50)])
                dst_l = self.usable(mon, t0 + 3 * DAY)
                if not dst_l:
                    continue
                dst = dst_l[0]
                for a in dst_l:
                    a.arch = 'class_monitor'
                got = 0
                for q in mates:
                    if q is mon:
                        continue
                    ts = t0 + int(abs(r.gauss(0.6, 1.0)) * DAY) + self.tod(HUMAN_C)
                    s = self.anyacct(q, ts)
                    if s and self.add_tx(ts, s, dst, self.fen(amt), 'mobile', camp, memo=r.choice([item, '', item])):
                        got += amt
                if got:
                    ts = t0 + r.randint(3, 7) * DAY + self.tod(BIZ_C)
                    payee = self.univ.get(camp) if item in ('住宿费', '教材费') else r.choice(self.merchants[camp[:2]])
                    parts = r.choice([1, 1, 2])
                    for k in range(parts):
                        self.add_tx(ts + k * 600, dst, payee, self.fen(got / parts), 'mobile', camp, memo=item)

    def gen_freshmen(self):
        """New students in September: campus card opened, parents pay, tuition paid straight on."""
        r = self.rng
        n = self.cfg['n_freshmen']
        campuses = sorted(self.univ)
        for _ in range(n):
            camp = r.choice(campuses)
            prov = camp[:2]
            hprov = prov if r.random() < 0.7 else r.choice(PROVS)
            p = self.add_person('student', self.region_of(hprov, 'ucrr'), self.cfg['w0'][0] - 18)
            p.loc, p.role = camp, 'freshman'
            ws = [self.open_acct(p, 'TENPAY', self.past_open(p.birth, 2018), '', 'III', 'wallet')]
            op = T(self.cfg['w0'][0], 9, 1) + r.randint(0, 10) * DAY + self.tod(BIZ_C)
            bank = self.pick_w([('ICBC', 3), ('CCB', 3), (PROV_BANKS[prov][0][0], 4), ('BOC', 2)])
            c = self.open_acct(p, bank, op, camp, 'I', 'card', 'freshman_campus_card')
            if r.random() < 0.7:
                self.open_acct(p, 'ALIPAY', op + r.randint(0, 3) * DAY, '', 'III', 'wallet', 'freshman_campus_card')
            p.act = self.ln(0.75, 0.85)
            p.income = round(self.ln(1600, 0.3), -1)
            fams = self.by_pref.get(p.home[:4]) or self.by_prov[hprov]
            p.family = r.choice(fams)
            p.circle = r.sample(self.students, 6)
            self.students.append(p)
            self.index_person(p)
            ts = op + r.randint(1, 4) * HOUR
            tuition = r.choice([4500, 5000, 5200, 5800, 6500])
            dorm = r.choice([800, 1000, 1200])
            s = self.card(p.family, ts)
            if s:
                self.add_tx(ts, s, c, self.fen(tuition + dorm + r.choice([0, 1000, 2000])), 'mobile', '',
                            memo=r.choice(['学费', '', '']))
                t2 = ts + int(self.ln(20 * HOUR, 1.0))
                self.add_tx(t2, c, self.univ[camp], self.fen(tuition), 'mobile', camp, memo='学费')
                self.add_tx(t2 + r.randint(60, 900), c, self.univ[camp], self.fen(dorm), 'mobile', camp, memo='住宿费')

    def gen_gifts(self):
        """红白喜事: many round gifts in one or two days, then the banquet / services paid."""
        r = self.rng
        pool = [p for p in self.persons if p.kind in ('urban', 'rural', 'elderly')]
        peak = T(*self.cfg['gift_peak']) if self.cfg['gift_peak'] else None
        for _ in range(self.cfg['n_gift']):
            host = r.choice(pool)
            wedding = r.random() < 0.7
            if peak and r.random() < 0.6:
                day = peak // DAY + int(r.gauss(0, 9))
            else:
                day = self.rand_day(self.sim0 + 5 * DAY, self.sim1 - 5 * DAY) // DAY
            dst = self.card(host, day * DAY)
            if dst is None:
                continue
            for a in host.accts:
                a.arch = 'wedding_host' if wedding else 'funeral_host'
            guests = list(host.circle)
            extra = self.by_pref.get(host.home[:4], pool)
            guests += r.sample(extra, min(len(extra), r.randint(15, 70)))
            guests += r.sample(self.migrants, r.randint(0, 8))
            got = 0
            for q in guests:
                if q is host:
                    continue
                ts = (day + r.choice([-1, 0, 0, 0, 1])) * DAY + self.tod(HUMAN_C)
                s = self.anyacct(q, ts)
                if s is None:
                    continue
                amt = r.choice([200, 500, 600, 600, 800, 1000, 1000, 1200, 2000]) if wedding else \
                    r.choice([100, 200, 200, 300, 500, 500, 1000])
                if self.add_tx(ts, s, dst, self.fen(amt), 'mobile', '', memo=r.choice(['', '礼金', '随礼', '心意'])):
                    got += amt
            ts = (day + r.randint(1, 3)) * DAY + self.tod(BIZ_C)
            payee = r.choice(self.hotels) if wedding else r.choice(self.funeral)
            self.add_tx(ts, dst, payee, self.fen(round(self.ln(30000 if wedding else 15000, 0.4), -2)),
                        r.choice(['mobile', 'pos', 'counter']), host.home, memo='酒席' if wedding else '')

    def gen_rosca(self):
        r = self.rng
        for _ in range(self.cfg['n_rosca']):
            prov = r.choice(PROVS)
            pool = self.by_prov[prov]
            org = r.choice([p for p in pool if p.kind in ('urban', 'rural')])
            mem = r.sample(pool, r.randint(8, 15))
            share = r.choice([500, 1000, 2000, 3000, 5000])
            day = r.randint(1, 25)
            for i, m0 in enumerate(self.month_starts()):
                t0 = m0 + (day - 1) * DAY
                dst = self.card(org, t0)
                if dst is None:
                    continue
                for a in org.accts:
                    a.arch = 'rosca_organizer'
                tot = 0
                for q in mem:
                    if q is org:
                        continue
                    ts = t0 + self.tod(HUMAN_C)
                    s = self.anyacct(q, ts)
                    if s and self.add_tx(ts, s, dst, self.fen(share), 'mobile', '', memo=r.choice(['会钱', '', ''])):
                        tot += share
                taker = mem[i % len(mem)]
                ts = t0 + DAY + self.tod(HUMAN_C)
                d = self.card(taker, ts)
                if d and tot and d.p is not org:
                    self.add_tx(ts, dst, d, self.fen(tot), 'mobile', '', memo='')

    def gen_harvest(self):
        """Agricultural purchasers: a processor pays the purchaser, who pays many farmers in a few days."""
        r = self.rng
        hv = self.cfg['harvests']
        for i in range(self.cfg['n_purchaser']):
            crop, regs, start, n_days, med = hv[i % len(hv)]
            home = r.choice(regs)
            prov = home[:2]
            p = self.add_person('rural', home, r.randint(1965, 1990))
            p.role = 'agri_purchaser'
            self.give_accounts(p, 'rural', prov, 2, 0.5, 0.9)
            for a in p.accts:
                a.arch = 'agri_purchaser'
            self.index_person(p)
            proc = self.org('corp', self.region_of(prov, 'u'), self.choose_bank(prov, 'urban'), 'agri_processor')
            farmers = [q for q in self.persons if q.kind in ('rural', 'elderly') and q.home in regs]
            if len(farmers) < 20:
                farmers += [q for q in self.by_prov[prov] if q.kind in ('rural', 'elderly', 'young_rural')]
            farmers = r.sample(farmers, min(len(farmers), r.randint(30, 110)))
            t0 = T(*start) + r.randint(0, 8) * DAY
            cards = [a for a in p.accts if a.typ == 'card']
            batch_t = t0
            k = 0
            while k < len(farmers):
                batch = farmers[k:k + r.randint(6, 20)]
                k += len(batch)
                amts = [round(self.ln(med, 0.7), -1 if r.random() < 0.5 else 0) + r.choice([0, 0.5]) for _ in batch]
                tot = sum(amts)
                src = r.choice(cards)
                self.add_tx(batch_t, proc, src, self.fen(round(tot * r.uniform(1.0, 1.08), -2)), 'online', '',
                            memo=r.choice(['货款', '收购款', '预付款']))
                t = batch_t + r.randint(1, 6) * HOUR
                for q, amt in zip(batch, amts):
                    d = self.card(q, t)
                    if d is not None:
                        self.add_tx(t, src, d, self.fen(amt), 'mobile', home, memo=r.choice(['', crop, '货款', '']))
                    t += r.randint(40, 900)
                batch_t += int(r.uniform(0.5, 3.0) * DAY * n_days / 40.0 + 0.5 * DAY)
        # farmland subsidy, once, for farmers of one province in the window
        prov = r.choice(PROVS)
        ts = self.rand_day(self.w0, self.w1) + 10 * HOUR
        for q in self.by_prov[prov]:
            if q.kind in ('rural', 'elderly') and r.random() < 0.8:
                d = self.card(q, ts)
                if d is not None and d.typ == 'card':
                    self.add_tx(ts + r.randrange(3600), self.subsidy[prov], d, self.fen(round(self.ln(500, 0.5), 2)),
                                'online', '', memo='耕地地力保护补贴')

    def gen_multicard(self):
        """Lawful people with many cards, some opened in a burst for deposit offers."""
        r = self.rng
        for _ in range(self.cfg['n_multicard']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('urban', self.region_of(prov, 'u'), r.randint(1958, 1992))
            p.role = 'multi_card_lawful'
            p.act = self.ln(1.0, 0.4)
            p.income = round(self.ln(9000, 0.5), -1)
            p.emp = r.choice([e for e in self.employers if e.region[:2] == prov])
            n = r.randint(6, 12)
            banks = []
            for _ in range(n):
                b = self.choose_bank(prov, 'urban', exclude=banks)
                banks.append(b)
                self.open_acct(p, b, self.past_open(p.birth, 2002), p.home, 'I', 'card', 'multi_card_lawful')
            self.open_acct(p, 'ALIPAY', self.past_open(p.birth, 2012), '', 'III', 'wallet', 'multi_card_lawful')
            self.open_acct(p, 'TENPAY', self.past_open(p.birth, 2014), '', 'III', 'wallet', 'multi_card_lawful')
            if r.random() < 0.45:  # deposit-special chaser: 2-4 new cards in one week, same city
                t0 = self.rand_day(self.sim0, self.sim1 - 15 * DAY)
                for _ in range(r.randint(2, 4)):
                    b = self.choose_bank(prov, 'urban', exclude=banks)
                    banks.append(b)
                    op = t0 + r.randint(0, 6) * DAY + self.tod(BIZ_C)
                    a = self.open_acct(p, b, op, self.region_of(prov, 'u'), 'I', 'card', 'multi_card_lawful')
                    olds = [x for x in p.accts if x.typ == 'card' and x.opened < op]
                    self.add_tx(op + r.randint(600, 3 * HOUR), r.choice(olds), a,
                                self.fen(r.choice([50000, 100000, 200000, 300000])), 'mobile', p.home, memo='存款')
            self.index_person(p)
            cards = [a for a in p.accts if a.typ == 'card']
            for _ in range(poisson(r, 6 * (self.sim1 - self.sim0) / (30 * DAY))):
                ts = self.rand_day(self.sim0, self.sim1) + self.tod(HUMAN_C)
                ok = [a for a in cards if a.opened <= ts]
                if len(ok) >= 2:
                    s, d = r.sample(ok, 2)
                    self.add_tx(ts, s, d, self.fen(round(self.ln(20000, 1.0), -2)), 'mobile', self.reg(p, ts, 0.5),
                                memo=r.choice(['', '', '转存', '还信用卡', '理财']))

    def gen_cohorts(self):
        """Employers opening salary cards for all staff at one branch inside the window."""
        r = self.rng
        for _ in range(self.cfg['n_cohort']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            emp = self.org('corp', self.region_of(prov, 'uc'), self.choose_bank(prov, 'urban'), 'employer')
            bank = self.pick_w([('ICBC', 3), ('CCB', 3), ('ABC', 2), (PROV_BANKS[prov][0][0], 3),
                                (PROV_BANKS[prov][1][0], 2), ('PSBC', 1)])
            day = self.rand_day(self.w0 - 10 * DAY, self.w1 - 40 * DAY)
            staff = [q for q in self.by_prov[prov] if q.kind in ('urban', 'young_rural', 'rural') and q.emp is None
                     and q.role == '']
            staff = r.sample(staff, min(len(staff), r.randint(20, 75)))
            for q in staff:
                op = day + r.choice([0, 0, 0, 1]) * DAY + self.tod(BIZ_C)
                q.salary = self.open_acct(q, bank, op, emp.region, r.choice(['I', 'I', 'II']), 'card', 'salary_card_new')
                q.emp = emp
                q.role = 'salary_card_new'

    def gen_bigfirst(self):
        """New account whose first payment is big: car, flat deposit, wedding (彩礼, gold, banquet)."""
        r = self.rng
        pool = [p for p in self.persons if p.kind in ('urban', 'rural', 'young_rural', 'migrant') and p.role == '']
        for _ in range(self.cfg['n_bigfirst']):
            p = r.choice(pool)
            p.role = 'big_first_payment'
            prov = p.home[:2]
            op = self.rand_day(self.w0 - 20 * DAY, self.w1 - 25 * DAY) + self.tod(BIZ_C)
            bank = self.choose_bank(prov, 'urban')
            a = self.open_acct(p, bank, op, p.home if p.kind != 'migrant' else r.choice([p.home, p.loc]), 'I', 'card',
                               'big_first_payment')
            what = r.choice(['car', 'flat', 'flat', 'wedding_gift', 'wedding_gold', 'wedding_hotel'])
            tot = 0
            t = op + r.randint(1, 48) * HOUR
            funders = [p] + p.circle[:r.randint(1, 5)]
            if p.family:
                funders.append(p.family)
            for q in funders:
                t += r.randint(1, 30) * HOUR
                s = self.card(q, t)
                if s is None or s is a:
                    continue
                amt = round(self.ln(40000, 0.8), -3)
                if self.add_tx(t, s, a, self.fen(amt), 'mobile', '', memo=r.choice(['', '', '借款', '首付', '买车'])):
                    tot += amt
            if tot <= 0:
                continue
            t += r.randint(2, 72) * HOUR
            pay = self.fen(round(tot * r.uniform(0.85, 1.0), -2))
            if what == 'car':
                self.add_tx(t, a, r.choice(self.cars), pay, r.choice(['pos', 'counter', 'mobile']), a.region, memo='购车款')
            elif what == 'flat':
                self.add_tx(t, a, r.choice(self.devs), pay, r.choice(['pos', 'counter', 'online']), a.region, memo='定金')
            elif what == 'wedding_gold':
                self.add_tx(t, a, r.choice(self.golds), pay, 'pos', a.region, memo='')
            elif what == 'wedding_hotel':
                self.add_tx(t, a, r.choice(self.hotels), pay, 'mobile', a.region, memo='婚宴')
            else:
                bride = r.choice(self.by_prov[prov])
                d = self.card(bride, t)
                if d is not None and d.p is not p:
                    self.add_tx(t, a, d, self.fen(r.choice([88888, 66666, 128000, 188000, 100001])), 'mobile', a.region,
                                memo=r.choice(['彩礼', '', '']))

    def gen_gold_lawful(self):
        """Ordinary gold buying (2024 gold rush, weddings) and game-card buying."""
        r = self.rng
        pool = [p for p in self.persons if p.kind in ('urban', 'rural', 'elderly')]
        for _ in range(int(900 * (self.sim1 - self.sim0) / (120 * DAY))):
            p = r.choice(pool)
            ts = self.rand_day(self.sim0, self.sim1) + self.tod(SHOP_C)
            s = self.card(p, ts)
            if s is None:
                continue
            grams = r.choice([2, 3.5, 5, 8, 10, 12, 20, 30, 50, 100])
            self.add_tx(ts, s, r.choice(self.golds), self.fen(grams * r.uniform(540, 640) + r.choice([0, 80, 150, 300])),
                        'pos' if s.typ == 'card' else 'mobile', self.loc(p, ts))

    def gen_tourists(self):
        r = self.rng
        pool = [p for p in self.persons if p.kind in ('urban', 'elderly')]
        for _ in range(self.cfg['n_tourist']):
            p = r.choice(pool)
            t0 = self.rand_day(self.w0, self.w1 - 10 * DAY)
            where = r.choice(TOURISM)
            p.away.append((t0, t0 + 8 * DAY, where))
            for d in range(r.randint(1, 3)):
                ts = t0 + (d * 2 + 1) * DAY + self.tod(BIZ_C)
                c = self.card(p, ts)
                if c and c.typ == 'card':
                    self.add_tx(ts, c, None, self.fen(r.choice([1000, 2000, 2000, 3000])), 'atm', where, kind='withdrawal')
            ts = t0 - r.randint(3, 20) * DAY
            c = self.card(p, ts)
            if c:
                self.add_tx(ts, c, self.national[7], self.fen(self.ln(3500, 0.4)), 'mobile', p.loc, memo='')

    def gen_crypto(self):
        """OTC crypto dealers (U商) trading with ordinary crypto holders: lawful background for the exits."""
        r = self.rng
        self.otc = []
        self.crypto_people = r.sample([p for p in self.persons if p.kind in ('urban', 'student', 'young_rural')],
                                      self.cfg['n_crypto'])
        for _ in range(self.cfg['n_otc']):
            prov = r.choices(PROVS, PROV_WEIGHT)[0]
            p = self.add_person('urban', self.region_of(prov, 'u'), r.randint(1980, 1998))
            p.role = 'otc_dealer'
            self.give_accounts(p, 'urban', prov, 3, 0.6, 0.6)
            cards = [a for a in p.accts if a.typ == 'card']
            for a in p.accts:
                a.arch = 'otc_dealer'
            self.otc.append(p)
            self.index_person(p)
            for _ in range(poisson(r, 1.6 * (self.sim1 - self.sim0) / DAY)):
                ts = self.rand_day(self.sim0, self.sim1) + self.tod(MULE_C)
                q = r.choice(self.crypto_people)
                c = self.card(q, ts)
                if c is None:
                    continue
                usdt = round(self.ln(1500, 1.0))
                price = r.uniform(7.12, 7.35)
                amt = self.fen(round(usdt * price, 2))
                if r.random() < 0.5:
                    self.add_tx(ts, c, r.choice(cards), amt, 'mobile', '')
                else:
                    self.add_tx(ts, r.choice(cards), c, amt, 'mobile', '')

    def gen_card_farmers(self):
        """A few people opening many cards across institutions and cities in a short spree."""
        r = self.rng
        self.farm_pool = []
        n = self.cfg['farmers']
        for i in range(n):
            home = r.choice(['420902', '420921', '420984', '421181', '411525', '430522', '341221', '360731'])
            p = self.add_person('rural', home, r.randint(1978, 2000))
            p.role = 'card_farmer'
            self.give_accounts(p, 'rural', home[:2], 1, 0.5, 0.9)
            for a in p.accts:
                a.arch = 'card_farmer_own'
            self.index_person(p)
            mostly_ext = (i == n - 1) or (i == 1 and n >= 4)
            t0 = self.rand_day(self.sim0 - 30 * DAY, self.w1 - 45 * DAY)
            cities = r.sample(FARMER_CITIES, r.randint(2, 4))
            cards = []
            t = t0
            for city in cities:
                prov = city[:2]
                nb = r.randint(4, 12)
                banks = []
                for _ in range(nb):
                    cls = 'I'
                    if len(banks) >= 5 and r.random() < 0.5:   # e-accounts (class II) at banks already used
                        b, cls = r.choice(banks), 'II'
                    elif mostly_ext and r.random() < 0.8:
                        b = r.choice([x for x in NONSUP_BANKS if x not in banks] or NONSUP_BANKS)
                    else:
                        b = self.choose_bank(prov if prov in REGIONS else '42', 'urban' if prov in REGIONS else 'national',
                                             exclude=banks)
                    banks.append(b)
                    op = t + r.randint(0, 2) * DAY + self.tod(BIZ_C)
                    a = self.open_acct(p, b, op, city, cls, 'sold', 'farmed_card')
                    a.lawful_to = op
                    cards.append(a)
                t += r.randint(2, 5) * DAY
            for a in cards:
                self.farm_pool.append(a)
            self.card_farmers.append((p, cards, mostly_ext))
        self.farm_pool.sort(key=lambda a: a.opened)

    # ------------------------------------------------------------------ fraud structures
    def mark_mule(self, a, g, layer, how, acq):
        a.role, a.grp, a.layer, a.how = 'mule', g.gid, layer, how
        if how not in ('relative_old', 'paofen_participant', 'qr_rented_shop', 'qr_rented_shop_settle',
                       'personal_code_rented'):
            a.lawful_to = min(a.lawful_to, max(a.opened, acq))
        r = self.rng
        if g.speed == 'fast':
            a.mode = 'each' if r.random() < 0.75 else 'sweep'
        elif g.speed == 'medium':
            a.mode = 'each' if r.random() < 0.45 else 'sweep'
        else:
            a.mode = 'each' if r.random() < 0.2 else 'sweep'
        return a

    def acquire(self, g, layer, use_from):
        """Get a card for a gang: how it was obtained decides who the holder is and the account's past."""
        r = self.rng
        if layer == 1:
            src = self.pick_w([('student', 30), ('two_cards', 30), ('relative_old', 14), ('farmed', 5),
                               ('outsider', 21)])
        elif layer == 2:
            src = self.pick_w([('farmed', 16), ('outsider', 45), ('student', 17), ('two_cards', 17), ('shell', 5)])
        else:
            src = self.pick_w([('shell', 35), ('outsider', 43), ('farmed', 12), ('two_cards', 10)])
        acq = use_from - r.randint(1, 12) * DAY
        if src == 'farmed':
            for i, a in enumerate(self.farm_pool):
                if a.opened < use_from - 5 * DAY and a.role == 'lawful' and (a.cls == 'I' or layer == 1):
                    self.farm_pool.pop(i)
                    a.typ = 'card'
                    return self.mark_mule(a, g, layer, 'farmed_card', acq)
            src = 'outsider'
        if src == 'student':
            cands = [p for p in (r.choice(self.students) for _ in range(12)) if p.role == '']
            if cands:
                p = cands[0]
                p.role = 'sold_card'
                olds = [a for a in p.accts if a.typ == 'card' and a.opened < acq - 3 * DAY and a.cls == 'I']
                if olds and r.random() < 0.55:
                    a = olds[0]
                    how = 'student_card_sold'
                else:
                    op = acq - r.randint(1, 20) * DAY + self.tod(BIZ_C)
                    b = self.pick_w([('ICBC', 2), ('CCB', 2), ('ABC', 2), ('PSBC', 2), (PROV_BANKS[p.loc[:2]][0][0], 3),
                                     (PROV_BANKS[p.loc[:2]][0][1], 2), ('BOC', 2), ('CMB', 1), ('CIB', 1)])
                    a = self.open_acct(p, b, op, p.loc, 'I', 'card', 'student')
                    how = 'student_card_new_sold'
                return self.mark_mule(a, g, layer, how, acq)
            src = 'two_cards'
        if src == 'two_cards':
            cands = [p for p in (r.choice(self.young) for _ in range(12)) if p.role == '']
            if cands:
                p = cands[0]
                p.role = 'sold_card'
                olds = [a for a in p.accts if a.typ == 'card' and a.opened < acq - 3 * DAY]
                if olds and r.random() < 0.45:
                    a = olds[0]
                    how = 'migrant_two_cards'
                else:
                    op = acq - r.randint(1, 25) * DAY + self.tod(BIZ_C)
                    a = self.open_acct(p, self.choose_bank(p.home[:2], 'rural'), op, p.home, 'I', 'card', 'young_rural')
                    how = 'migrant_two_cards_new'
                return self.mark_mule(a, g, layer, how, acq)
            src = 'outsider'
        if src == 'relative_old':
            cands = [p for p in (r.choice(self.by_kind('elderly')) for _ in range(12)) if p.role == '']
            if cands:
                p = cands[0]
                p.role = 'relative_account_used'
                olds = [a for a in p.accts if a.typ == 'card' and a.opened < T(2016, 1, 1)]
                if olds and r.random() < 0.5:
                    a = olds[0]
                else:
                    a = self.open_acct(p, self.choose_bank(p.home[:2], 'national'),
                                       T(r.randint(2003, 2015), r.randint(1, 12), r.randint(1, 28), 10), p.home,
                                       'I', 'dormant', 'elderly')
                return self.mark_mule(a, g, layer, 'relative_old', acq)
            src = 'outsider'
        if src == 'shell':
            reg = r.choice([self.any_region('ur'), r.choice(OTHER_HOMES)])
            bank = self.pick_w([('ICBC', 2), ('CCB', 2), ('ABC', 1), ('CMB', 2), ('BOC', 2), ('CIB', 2), ('PAB', 2),
                                ('ZZB', 1), ('HKB', 1), ('CSB', 1), ('HSB', 1), ('SPDB', 1), ('CMBC', 1)])
            a = self.org('corp', reg, bank, 'shell_company', opened=acq - r.randint(20, 200) * DAY + self.tod(BIZ_C))
            a.typ = 'sold'
            return self.mark_mule(a, g, layer, 'shell_company', acq)
        # outsider: a card bought from someone elsewhere in China
        p = self.ext_person()
        bank = self.pick_w([('ICBC', 3), ('CCB', 3), ('ABC', 3), ('PSBC', 2), ('CMB', 1), ('BOC', 3), ('BOCOM', 2),
                            ('CIB', 2), ('PAB', 2), ('CQRCB', 1), ('BOBJ', 1), ('BOSC', 1), ('CITIC', 1)])
        op = acq - int(self.ln(60, 1.2) * DAY) + self.tod(BIZ_C)
        a = self.open_acct(p, bank, min(op, acq - DAY), p.home, 'I', 'card', 'outsider')
        return self.mark_mule(a, g, layer, 'outsider_bought', acq)

    def by_kind(self, kind):
        key = '_k_' + kind
        if key not in self.counts:
            self.counts[key] = [p for p in self.persons if p.kind == kind]
        return self.counts[key]

    def tile(self, g, layer, lst, n_conc, dur_med):
        r = self.rng
        t = g.a0 - r.randint(0, 2) * DAY
        while t < g.a1:
            dur = max(6 * HOUR, int(self.ln(dur_med, 0.8)))
            a = self.acquire(g, layer, t)
            lst.append([a, t, t + dur])
            t += max(3 * HOUR, dur // n_conc)

    def setup_fraud(self):
        c, r = self.cfg, self.rng
        self.ushang = []
        for i in range(c['ushang']):  # U商 working for the gangs: labelled mule
            g0 = Gang('U%d' % (i + 1), 'ushang')
            g0.speed = 'medium'
            g0.a0, g0.a1 = self.sim0, self.sim1
            cards = []
            for _ in range(r.randint(2, 4)):
                a = self.acquire(g0, 3, self.sim0 + r.randint(0, 30) * DAY)
                a.how = 'ushang_complicit' if a.how not in ('farmed_card',) else 'ushang_complicit_farmed'
                a.layer = 'exit'
                cards.append(a)
            self.ushang.append(cards)
        spd = list(c['speed'])
        n_own, n_pf, n_qr = c['own_gangs'], c['paofen'], c['qr_gangs']
        for i in range(n_own + n_pf + n_qr):
            kind = 'own' if i < n_own else ('paofen' if i < n_own + n_pf else 'qr')
            g = Gang('G%02d' % (i + 1), kind)
            g.speed = self.pick_w(spd)
            if kind == 'paofen':
                g.speed = 'fast' if r.random() < 0.7 else 'medium'
            length = r.randint(25, 110) * DAY
            g.a0 = self.rand_day(self.sim0, self.sim1 - 20 * DAY)
            g.a1 = min(self.sim1, g.a0 + length)
            g.base = r.choice(['533102', '532823', '440306', '441900', '', '', '451481', self.any_region('u')])
            g.cash = r.sample(CASHOUT, r.randint(1, 2))
            g.gold = r.sample(self.golds, 2)
            g.topup = r.sample(self.topups, 2)
            g.ushang = r.sample(self.ushang, min(2, len(self.ushang)))
            g.depth = self.pick_w([(2, 3), (3, 5), (4, 2)])
            if kind == 'own':
                g.exitw = [('atm', 35), ('gold', 14), ('topup', 9), ('ushang', 34), ('otc', 3), ('xborder', 5)]
            elif kind == 'paofen':
                g.exitw = [('ushang', 62), ('atm', 15), ('topup', 10), ('gold', 5), ('otc', 8)]
            else:
                g.exitw = [('ushang', 45), ('atm', 30), ('gold', 12), ('topup', 10), ('otc', 3)]
            fw = dict(c['ftw'])
            if kind in ('paofen', 'qr'):
                for k in ('police_gov', 'investment', 'romance', 'leader_acquaintance'):
                    fw[k] = fw[k] * 0.3
            g.types = sorted(fw.items())
            if kind == 'own':
                self.tile(g, 1, g.l1, r.randint(3, 6), 3 * DAY)
            elif kind == 'paofen':
                self.setup_paofen(g)
            else:
                self.setup_qr(g)
            self.tile(g, 2, g.l2, r.randint(3, 5), 8 * DAY)
            if g.depth >= 3:
                self.tile(g, 3, g.l3, r.randint(2, 3), 15 * DAY)
            g.rebate = g.l2[0][0] if g.l2 else None
            self.gangs.append(g)
        # card buyers test some farmed cards that never get used ("验卡")
        for a in list(self.farm_pool):
            if r.random() < 0.35:
                g = r.choice(self.gangs)
                if g.l2:
                    t = a.opened + r.randint(3, 20) * DAY
                    src = g.l2[0][0]
                    if src.opened < t and self.add_tx(t, src, a, self.fen(r.choice([0.01, 0.1, 1, 1])), 'mobile', '', memo=''):
                        a.role, a.grp, a.layer, a.how = 'mule', g.gid, 'tested', 'farmed_card_tested'
                        a.touched = True
                        a.typ = 'card'
                        self.farm_pool.remove(a)

    def setup_paofen(self, g):
        """跑分: ordinary people let their own payment accounts receive and forward for commission."""
        r = self.rng
        lo, hi = self.cfg['paofen_size']
        n = r.randint(lo, hi)
        pool = [p for p in self.persons if p.kind in ('urban', 'student', 'young_rural', 'rural') and p.role == '']
        deposit_acct = None
        for _ in range(n):
            p = r.choice(pool)
            if p.role:
                continue
            p.role = 'paofen'
            join = self.rand_day(g.a0 - 10 * DAY, g.a1 - 5 * DAY) + self.tod(HUMAN_C)
            leave = join + int(self.ln(25 * DAY, 0.7))
            accs = [a for a in p.accts if a.opened < join]
            if not accs:
                continue
            accs.sort(key=lambda a: (a.typ != 'wallet', a.aid))
            use = accs[:r.choice([1, 1, 2])]
            for a in use:
                self.mark_mule(a, g, 1, 'paofen_participant', join)
                a.mode = 'human'
                g.l1.append([a, join, leave])
            # lawful life continues on the same accounts; the joining deposit goes to the platform
            g.settle.setdefault('deposits', []).append((join, use[0]))

    def setup_qr(self, g):
        """Merchant QR collection: rented real shops and shell merchants settle to cards, then forward."""
        r = self.rng
        lo, hi = self.cfg['qr_rent']
        shops = [s for s in self.shops if s[1].typ == 'merchant' and s[0].role == 'shop_personal_qr']
        for _ in range(r.randint(lo, hi)):
            if not shops:
                break
            p, coll, card = shops.pop(r.randrange(len(shops)))
            p.role = 'qr_rented'
            t0 = self.rand_day(g.a0, g.a1 - 3 * DAY)
            t1 = min(g.a1, t0 + int(self.ln(18 * DAY, 0.6)))
            self.mark_mule(coll, g, 1, 'qr_rented_shop', t0)
            self.mark_mule(card, g, 1, 'qr_rented_shop_settle', t0)
            card.mode = 'each'
            g.l1.append([coll, t0, t1])
            g.settle[coll.aid] = card
        lo, hi = self.cfg['qr_shell']
        for _ in range(r.randint(lo, hi)):
            young = [p for p in (r.choice(self.young) for _ in range(10)) if p.role == '']
            holder = young[0] if young else self.ext_person()
            holder.role = 'identity_sold'
            t0 = self.rand_day(g.a0, g.a1 - 3 * DAY)
            op = t0 - r.randint(3, 40) * DAY + self.tod(BIZ_C)
            bank = r.choice(['LAKALA', 'LAKALA', 'VBILL', 'ALIPAY'])
            m = self.open_acct(holder, bank, op, self.any_region('ur'), 'corp', 'merchant', 'shell_merchant')
            cb = self.choose_bank(holder.home[:2] if holder.home[:2] in REGIONS else '41', 'rural')
            card = self.open_acct(holder, cb, op - r.randint(0, 10) * DAY, holder.home, 'I', 'card', 'shell_merchant')
            self.mark_mule(m, g, 1, 'qr_shell_merchant', op)
            self.mark_mule(card, g, 1, 'qr_shell_settle', op)
            card.mode = 'each'
            g.l1.append([m, t0, min(g.a1, t0 + int(self.ln(15 * DAY, 0.6)))])
            g.settle[m.aid] = card
        lo, hi = self.cfg['personal_code']
        if hi:
            pool = [p for p in self.persons if p.kind in ('urban', 'young_rural', 'student') and p.role == '']
            for _ in range(r.randint(lo, hi)):
                p = r.choice(pool)
                if p.role:
                    continue
                ws = [a for a in p.accts if a.typ == 'wallet']
                if not ws:
                    continue
                p.role = 'personal_code_rented'
                t0 = self.rand_day(g.a0, g.a1 - 3 * DAY)
                a = ws[0]
                if a.opened >= t0:
                    continue
                self.mark_mule(a, g, 1, 'personal_code_rented', t0)
                a.mode = 'human'
                g.l1.append([a, t0, min(g.a1, t0 + int(self.ln(20 * DAY, 0.6)))])

    # ------------------------------------------------------------------ victims
    def pick_active(self, entries, t):
        act = [e for e in entries if e[1] <= t < e[2] and e[0].opened < t]
        if act:
            return self.rng.choice(act)[0]
        best, bd = None, INF
        for e in entries:
            if e[0].opened >= t:
                continue
            d = min(abs(t - e[1]), abs(t - e[2]))
            if d < bd:
                best, bd = e[0], d
        return best

    def victim_account(self, ftype, t):
        r = self.rng
        if r.random() < 0.42:
            prefs = {'police_gov': ('elderly', 'urban'), 'investment': ('urban', 'urban', 'elderly'),
                     'brushing': ('urban', 'student', 'rural', 'young_rural', 'migrant'),
                     'loan_card': ('young_rural', 'rural', 'migrant', 'urban'),
                     'credit_record': ('student', 'young_rural', 'urban'),
                     'ecommerce_cs': ('urban', 'student', 'urban'), 'game_trade': ('student', 'young_rural'),
                     'fake_job': ('young_rural', 'migrant', 'student'), 'romance': ('urban', 'migrant', 'rural'),
                     'leader_acquaintance': ('urban',), 'shopping_service': ('urban', 'student', 'migrant'),
                     'accident_kidnap': ('elderly', 'rural'), 'subsidy_refund': ('elderly', 'rural')}
            kind = r.choice(prefs.get(ftype, ('urban',)))
            for _ in range(8):
                p = r.choice(self.by_kind(kind))
                if p.role in ('', 'big_first_payment', 'salary_card_new', 'class_monitor'):
                    acc = [a for a in p.accts if a.typ in ('card', 'wallet') and a.opened < t - DAY and
                           a.lawful_to > t + 30 * DAY]
                    if acc:
                        p.role = p.role or 'victim'
                        return p, acc
        p = self.ext_person()
        p.kind = 'victim_ext'
        bank = r.choice(NONSUP_BANKS + ['TENPAY', 'TENPAY', 'JDPAY'])
        typ = 'wallet' if BANK[bank][1] == 'payment' else 'card'
        a = self.open_acct(p, bank, T(r.randint(2008, 2022), r.randint(1, 12), 3), p.home, 'I' if typ == 'card' else 'III',
                           typ, 'victim_outside')
        if r.random() < 0.4:
            b2 = r.choice([x for x in NONSUP_BANKS if x != bank])
            self.open_acct(p, b2, T(r.randint(2008, 2022), r.randint(1, 12), 3), p.home, 'I', 'card', 'victim_outside')
        return p, list(p.accts)

    def schedule(self, ftype):
        """Victim payments: (offset seconds, yuan, channel, memo); rebates: negative yuan = paid back."""
        r, ln = self.rng, self.ln
        out = []
        if ftype == 'brushing':
            n = r.randint(3, 7)
            a, t = r.choice([30, 50, 100, 200, 300]), 0
            for i in range(n):
                out.append((t, round(a, 0 if a > 100 else 2), 'mobile', ''))
                if i < 2:
                    out.append((t + r.randint(5, 40) * MIN, -round(a * r.uniform(1.15, 1.5), 2), '', ''))
                a = min(a * r.uniform(2.0, 3.6), 90000)
                t += int(ln(50 * MIN, 1.0)) if i < 3 else int(ln(8 * HOUR, 1.2))
        elif ftype == 'investment':
            n = r.randint(2, 8)
            a, t = ln(6000, 0.7), 0
            for i in range(n):
                out.append((t, round(a, -2), r.choice(['mobile', 'online']), r.choice(['', '', '投资款', '充值'])))
                if i == 0 and r.random() < 0.5:
                    out.append((t + r.randint(1, 4) * DAY, -round(a * r.uniform(0.05, 0.15), 2), '', ''))
                a = min(a * r.uniform(1.2, 2.2), 400000)
                t += int(ln(4 * DAY, 0.8))
        elif ftype == 'ecommerce_cs':
            n, t = r.randint(1, 5), 0
            for i in range(n):
                out.append((t, round(ln(9000, 0.8), r.choice([-2, 0, 2])), 'mobile', r.choice(['', '', '备用金', '退款'])))
                t += int(ln(20 * MIN, 0.8))
        elif ftype == 'police_gov':
            n, t = r.randint(1, 4), 0
            for i in range(n):
                out.append((t, round(ln(60000, 0.9), -3), r.choice(['online', 'mobile', 'counter']),
                            r.choice(['', '', '资金清查', '安全账户'])))
                t += int(ln(10 * HOUR, 1.0))
        elif ftype == 'loan_card':
            n, t, a = r.randint(2, 6), 0, ln(800, 0.7)
            for i in range(n):
                out.append((t, round(a, r.choice([-1, 0])), 'mobile', r.choice(['', '', '手续费', '保证金', '解冻费', '工本费'])))
                a = min(a * r.uniform(1.3, 2.5), 30000)
                t += int(ln(6 * HOUR, 1.2))
        elif ftype == 'credit_record':
            n, t = r.randint(2, 4), 0
            for i in range(n):
                out.append((t, round(ln(15000, 0.7), -2), 'mobile', ''))
                t += int(ln(40 * MIN, 0.8))
        elif ftype == 'leader_acquaintance':
            n, t = r.randint(1, 2), 0
            for i in range(n):
                out.append((t, round(ln(30000, 0.7), -3), 'mobile', r.choice(['', '', '借款'])))
                t += int(ln(30 * MIN, 0.8))
        elif ftype == 'romance':
            n, t, a = r.randint(3, 8), 0, ln(2000, 0.7)
            for i in range(n):
                out.append((t, round(a, -2), 'mobile', ''))
                a = min(a * r.uniform(1.3, 2.5), 300000)
                t += int(ln(5 * DAY, 0.7))
        elif ftype in ('shopping_service', 'game_trade', 'fake_job'):
            n, t = r.randint(1, 3), 0
            med = {'shopping_service': 900, 'game_trade': 1200, 'fake_job': 300}[ftype]
            for i in range(n):
                out.append((t, round(ln(med, 0.8), r.choice([0, 2])), 'mobile',
                            r.choice(['', '', '定金', '服装费', '介绍费'] if ftype == 'fake_job' else ['', '', '货款'])))
                t += int(ln(2 * HOUR, 1.0))
        elif ftype == 'accident_kidnap':
            out.append((0, round(ln(20000, 0.6), -3), r.choice(['mobile', 'counter']), ''))
            if r.random() < 0.4:
                out.append((int(ln(2 * HOUR, 0.5)), round(ln(20000, 0.6), -3), 'mobile', ''))
        else:  # subsidy_refund / others: ATM transfers
            n, t = r.randint(1, 3), 0
            for i in range(n):
                out.append((t, round(ln(5000, 0.6), 0), 'atm', ''))
                t += int(ln(15 * MIN, 0.5))
        return out

    def gen_victims(self):
        r = self.rng
        gw = []
        for g in self.gangs:
            dur = (g.a1 - g.a0) / DAY
            w = dur * {'own': 1.0, 'paofen': 1.3, 'qr': 1.1}[g.kind]
            gw.append((g, w))
        self.victims = []
        for vi in range(self.cfg['victims']):
            g = self.pick_w(gw)
            ftype = self.pick_w(g.types)
            t0 = self.rand_day(g.a0, g.a1) + self.tod(HUMAN_C)
            sched = self.schedule(ftype)
            p, accs = self.victim_account(ftype, t0)
            g.victims += 1
            cards = [a for a in accs if a.typ == 'card' and a.opened < t0] or [a for a in accs if a.opened < t0]
            if not cards:
                continue
            main = cards[0]
            # police_gov: savings gathered into one account first
            if ftype == 'police_gov' and len(cards) > 1:
                for a in cards[1:]:
                    self.add_tx(t0 - r.randint(20, 240) * MIN, a, main, self.fen(round(self.ln(40000, 0.8), -2)),
                                'mobile', self.reg(p, t0, 0.5), memo='')
            if ftype in ('credit_record', 'ecommerce_cs') and r.random() < 0.5:
                for k in range(r.randint(1, 3)):
                    self.add_tx(t0 - r.randint(5, 60) * MIN, r.choice(self.lenders), main,
                                self.fen(round(self.ln(15000, 0.5), -2)), 'online', '', memo='放款')
            paid = 0
            cur = None
            for off, yuan, ch, memo in sched:
                ts = t0 + off
                if yuan < 0:  # rebate / fake profit paid back by the gang
                    if cur is not None:
                        rb = g.rebate or cur
                        if rb.opened < ts and self.add_tx(ts, rb, main, self.fen(-yuan), 'mobile', '', memo='返利' if ftype == 'brushing' else ''):
                            rb.touched = True
                    continue
                if cur is None or r.random() < 0.6:
                    cur = self.pick_active(g.l1, ts)
                if cur is None:
                    continue
                src = main
                if g.kind in ('paofen', 'qr') or yuan < 3000:
                    w = [a for a in accs if a.typ == 'wallet' and a.opened < ts]
                    if w and r.random() < 0.6:
                        src = w[0]
                if ch == 'counter' and src.typ != 'card':
                    ch = 'mobile'
                if cur.typ == 'merchant':
                    ch = 'pos' if (src.typ == 'card' and r.random() < 0.3) else 'mobile'
                if ch == 'atm' and src.typ != 'card':
                    ch = 'mobile'
                amt = self.fen(yuan)
                region = self.loc(p, ts) if ch in ('counter', 'atm') or r.random() < 0.5 else ''
                if p.kind == 'victim_ext' and region:
                    region = p.home
                n0 = len(self.tx)
                if self.add_tx(ts, src, cur, amt, ch, region, memo=memo, fraud=True):
                    paid += amt
                    cur.touched = True
                    self.inbox.setdefault(cur.aid, (cur, []))[1].append((ts, amt))
                    if len(self.tx) > n0:
                        self.victim_rows.append((self.tx[-1], ftype, g.gid))
            self.victims.append((p, ftype, g.gid, paid))

    # ------------------------------------------------------------------ layering
    def delay(self, speed):
        r = self.rng
        if speed == 'fast':
            return int(min(max(self.ln(5 * MIN, 0.9), 40), HOUR))
        if speed == 'medium':
            return int(min(max(self.ln(100 * MIN, 0.9), 10 * MIN), 14 * HOUR))
        return int(min(max(self.ln(22 * HOUR, 0.7), 3 * HOUR), 5 * DAY))

    def outs_for(self, g, a, arrivals):
        """When and how much leaves a mule account, given what arrived (time-ordered)."""
        r = self.rng
        arrivals.sort(key=lambda x: x[0])
        outs = []
        if a.mode == 'human':  # 跑分 participant forwarding order by order, keeping a commission
            for ts, amt in arrivals:
                h = (ts // HOUR) % 24
                if 7 <= h < 23:
                    t = ts + int(min(max(self.ln(6 * MIN, 0.8), 45), 2 * HOUR))
                else:
                    t = (ts // DAY) * DAY + (DAY if h >= 23 else 0) + 7 * HOUR + r.randrange(2 * HOUR)
                outs.append((t, amt - int(amt * r.uniform(0.008, 0.025))))
        elif a.mode == 'each':
            for ts, amt in arrivals:
                keep = r.choice([0, 0, 0, 100, 500, 1000, r.randrange(100, 5000)])
                outs.append((ts + self.delay(g.speed), max(0, amt - keep)))
        else:
            period = {'fast': 2 * HOUR, 'medium': 8 * HOUR, 'slow': DAY}[g.speed]
            if g.speed == 'slow' and r.random() < 0.4:
                period = 2 * DAY
            phase = r.randrange(period)
            lag = {'fast': 5 * MIN, 'medium': 30 * MIN, 'slow': 2 * HOUR}[g.speed]
            groups = {}
            order = []
            for ts, amt in arrivals:
                k = -(-(ts + lag - phase) // period)
                if k not in groups:
                    groups[k] = 0
                    order.append(k)
                groups[k] += amt
            for k in order:
                keep = r.choice([0, 0, 100, 1000, r.randrange(100, 3000)])
                outs.append((k * period + phase + r.randrange(600), max(0, groups[k] - keep)))
        return [(t, amt) for t, amt in outs if amt >= 100]

    def split(self, amt, maxpart=None):
        r = self.rng
        if amt < 2000 * 100:
            k = 1 if r.random() < 0.7 else 2
        else:
            k = r.choice([1, 2, 2, 3, 3, 4])
        if maxpart:
            k = max(k, -(-amt // maxpart))
        if k == 1:
            return [amt]
        cuts = sorted(r.random() for _ in range(k - 1))
        parts, prev = [], 0
        for c in cuts + [1.0]:
            parts.append(int(amt * c) - int(amt * prev))
            prev = c
        # round all but the last part to 100 yuan (layering often uses round sums)
        out, rest = [], amt
        for x in parts[:-1]:
            y = max(10000, (x // 10000) * 10000)
            if rest - y < 5000:
                break
            out.append(y)
            rest -= y
        if rest > 0:
            out.append(rest)
        return out

    def route(self, g, a, t, amt, layer):
        r = self.rng
        # depth 2: L1 -> L2 -> exit; 3: L1 -> L2 -> L3 -> exit; 4: ... L3 -> another L2 account -> exit
        nxt = {1: g.l2, 2: g.l3 if g.depth >= 3 else None, 3: g.l2 if g.depth >= 4 else None}.get(layer)
        if nxt and not (layer >= 2 and r.random() < 0.2):
            parts = self.split(amt)
            tt = t
            for part in parts:
                dst = self.pick_active(nxt, tt)
                if dst is None or dst is a:
                    self.exit(g, a, tt, part)
                    continue
                reg = g.base if r.random() < 0.5 else ''
                if self.add_tx(tt, a, dst, part, 'mobile' if r.random() < 0.8 else 'online', reg,
                               memo=r.choice(['', '', '', '', '货款', '还款', '转账'])):
                    dst.touched = True
                    self.inbox.setdefault(dst.aid, (dst, []))[1].append((tt, part))
                    a.touched = True
                tt += r.randint(20, 180)
            return
        self.exit(g, a, t, amt)

    def exit(self, g, a, t, amt):
        r = self.rng
        kind = self.pick_w(g.exitw)
        if kind == 'xborder' and a.how != 'shell_company':
            kind = 'ushang'
        if kind == 'atm' and a.typ != 'card':
            kind = 'ushang'
        reg_base = g.base if r.random() < 0.5 else ''
        if kind == 'atm':
            where = r.choice(g.cash)
            chunk = r.choice([200000, 250000, 300000, 500000])
            cap = r.choice([2000000, 2000000, 5000000])
            left, day_used, tt = amt, 0, t + r.randint(10, 120) * MIN
            cur_day = tt // DAY
            while left >= chunk:
                if tt // DAY != cur_day:
                    cur_day, day_used = tt // DAY, 0
                if day_used + chunk > cap:
                    tt = (cur_day + 1) * DAY + r.randint(1, 30) * MIN
                    continue
                if not self.add_tx(tt, a, None, chunk, 'atm', where, kind='withdrawal'):
                    break
                a.touched = True
                left -= chunk
                day_used += chunk
                tt += r.randint(40, 200)
        elif kind == 'gold':
            shop = r.choice(g.gold)
            left, tt = amt, t + r.randint(30, 300) * MIN
            while left > 500000:
                part = min(left, r.choice([3000000, 5000000, 8000000, 10000000]))
                part = (part // 100) * 100 - r.randrange(0, 100) * 100
                if part <= 0 or not self.add_tx(tt, a, shop, part, 'pos', shop.region, memo=''):
                    break
                left -= part
                tt += r.randint(3, 20) * MIN
        elif kind == 'topup':
            left, tt = amt, t + r.randint(2, 60) * MIN
            while left > 20000:
                part = min(left, r.choice([50000, 100000, 200000, 300000, 500000]))
                if not self.add_tx(tt, a, r.choice(g.topup), part, 'mobile', reg_base, memo=''):
                    break
                left -= part
                tt += r.randint(30, 400)
        elif kind == 'xborder':
            dst = self.ext_acct('810000', 'overseas', 'HKFOREIGN') if r.random() < 0.5 else self.overseas()
            self.add_tx(t + self.delay(g.speed), a, dst, amt, 'online', '', memo='货款', xb=True)
        else:
            tt = t + self.delay(g.speed)
            if kind == 'otc' and self.otc:
                p = r.choice(self.otc)
                cands = [x for x in p.accts if x.typ == 'card' and x.opened < tt]
            else:
                cands = [x for x in (r.choice(g.ushang) if g.ushang else []) if x.opened < tt]
            if not cands:
                cands = [x for cs in self.ushang for x in cs if x.opened < tt]
            if not cands:
                return
            dst = r.choice(cands)
            usdt = amt / 100 / r.uniform(7.15, 7.4)
            amt2 = min(amt, self.fen(round(usdt) * r.uniform(7.15, 7.4)))
            for part in self.split(amt2, maxpart=r.choice([5000000, 10000000, 20000000])):
                if self.add_tx(tt, a, dst, part, 'mobile', reg_base, memo=''):
                    a.touched = True
                    if dst.role == 'mule':
                        dst.touched = True
                        self.inbox.setdefault(dst.aid, (dst, []))[1].append((tt, part))
                tt += r.randint(30, 300)

    def overseas(self):
        if not hasattr(self, '_overseas'):
            self._overseas = [self.ext_acct('810000', 'overseas', 'HKFOREIGN') for _ in range(4)]
        return self.rng.choice(self._overseas)

    def run_layers(self):
        r = self.rng
        # settlement of merchant collections (T+1 night batch, 0.38% fee) to the settlement cards; a rented
        # shop's batch mixes its customers' money with the victims'; the owner passes the victims' part on
        merch = dict(self.shop_ledger)
        for g in self.gangs:
            if g.kind == 'qr':
                for e in g.l1:
                    if e[0].typ == 'merchant' and e[0].aid not in merch:
                        merch[e[0].aid] = (e[0], g.settle[e[0].aid], [])
        for key in merch:
            m, card, ledger = merch[key]
            box = self.inbox.pop(m.aid, None)
            by_day = {}
            for ts, amt in ledger:
                by_day.setdefault(ts // DAY, [0, 0])[0] += amt
            for ts, amt in (box[1] if box else []):
                by_day.setdefault(ts // DAY, [0, 0])[1] += amt
            for day in sorted(by_day):
                law, bad = by_day[day]
                tot = law + bad
                ts = (day + 1) * DAY + 2 * HOUR + r.randrange(3 * HOUR)
                if self.add_tx(ts, m, card, tot - int(tot * 0.0038), 'other', '', memo='结算款') and bad:
                    card.touched = True
                    net = bad - int(bad * 0.0038)
                    self.inbox.setdefault(card.aid, (card, []))[1].append((ts, net))
        # paofen deposits to the platform
        for g in self.gangs:
            if g.kind == 'paofen' and g.l2:
                for join, a in g.settle.get('deposits', []):
                    dst = self.pick_active(g.l2, join)
                    if dst is not None and dst.opened < join:
                        if self.add_tx(join, a, dst, self.fen(r.choice([500, 1000, 2000, 3000, 5000])), 'mobile', '',
                                       memo=r.choice(['押金', '保证金', ''])):
                            a.touched = dst.touched = True
        for layer in (1, 2, 3, 4):
            for g in self.gangs:
                ents = {1: g.l1, 2: g.l2, 3: g.l3, 4: g.l2}[layer]
                lay = layer
                seen = set()
                todo = []
                for e in ents:
                    a = e[0]
                    if a.aid in seen:
                        continue
                    seen.add(a.aid)
                    todo.append(a)
                if layer == 1:
                    todo += [g.settle[e[0].aid] for e in g.l1 if e[0].aid in g.settle]
                for a in todo:
                    box = self.inbox.pop(a.aid, None)
                    if not box:
                        continue
                    for t, amt in self.outs_for(g, a, box[1]):
                        self.route(g, a, t, amt, lay)
        # U商 working for the gangs: sell USDT, pass the yuan on to their own suppliers
        # (they buy USDT back from sellers: money leaves in lots that do not mirror what came in, 1-3% margin kept)
        sellers = [self.ext_acct(r.choice(OTHER_HOMES), 'crypto_seller') for _ in range(40)]
        for cards in self.ushang:
            for a in cards:
                box = self.inbox.pop(a.aid, None)
                if not box:
                    continue
                period = r.choice([3, 4, 6, 8]) * HOUR
                buckets, order = {}, []
                for ts, amt in box[1]:
                    k = ts // period
                    if k not in buckets:
                        buckets[k] = 0
                        order.append(k)
                    buckets[k] += amt
                for k in sorted(order):
                    t = (k + 1) * period + r.randrange(HOUR)
                    left = int(buckets[k] * r.uniform(0.97, 0.99))
                    while left > 100000:
                        price = r.uniform(7.12, 7.38)
                        part = min(left, self.fen(round(self.ln(2500, 0.9)) * price))
                        q = r.choice(self.crypto_people) if r.random() < 0.35 else None
                        dst = self.card(q, t) if q else r.choice(sellers)
                        if dst is None or dst.role == 'mule':
                            dst = r.choice(sellers)
                        if not self.add_tx(t, a, dst, part, 'mobile', '', memo=''):
                            break
                        left -= part
                        t += r.randint(60, 1800)

    def gen_org_sweeps(self):
        """Merchants and companies with rows move their takings on to a basic account weekly."""
        r = self.rng
        inflow, outflow = {}, {}
        for row in self.tx:
            a, b, amt = row[1], row[2], row[3]
            if b is not None and b.typ in ('merchant', 'corp') and b.role == 'lawful':
                inflow.setdefault(b.aid, [b, {}])[1].setdefault(row[0] // (7 * DAY), [0])[0] += amt
            if a is not None and a.typ in ('merchant', 'corp') and a.role == 'lawful':
                outflow[a.aid] = outflow.get(a.aid, 0) + amt
        for key in inflow:
            b, weeks = inflow[key]
            if b.start >= INF:
                continue
            tot = sum(v[0] for v in weeks.values())
            if outflow.get(key, 0) > 0.3 * tot:
                continue
            basic = self.open_acct(b.p, r.choice(['ICBC', 'CCB', 'BOC', 'ABC', 'CMB', 'BOCOM', 'CIB']), b.opened, b.region,
                                   'corp', 'corp', b.arch)
            for wk in sorted(weeks):
                amt = int(weeks[wk][0] * r.uniform(0.85, 0.99))
                ts = (wk + 1) * 7 * DAY + r.randint(0, 2) * DAY + 10 * HOUR + r.randrange(6 * HOUR)
                self.add_tx(ts, b, basic, amt, 'online', '', memo=r.choice(['提现', '结算', '']))

    # ------------------------------------------------------------------ output
    def finish(self):
        r = self.rng
        tx = self.tx
        tx.sort(key=lambda x: (x[0], x[10]))
        flows = {}
        for row in tx:
            ts, a, b, amt = row[0], row[1], row[2], row[3]
            if a is not None:
                flows.setdefault(a.aid, []).append(-amt)
            if b is not None:
                flows.setdefault(b.aid, []).append(amt)
        appear = set(flows)
        rows = []
        for a in self.accts:
            if a.start >= INF or a.opened >= self.w1:
                continue
            if a.aid in appear or (a.opened >= a.start and a.region[:2] in REGIONS):
                rows.append(a)
        self.rows = rows
        self.bal = {}
        for a in rows:
            run, low = 0, 0
            for x in flows.get(a.aid, ()):
                run += x
                if run < low:
                    low = run
            if a.opened >= a.start:
                cushion = 0 if r.random() < 0.6 else self.fen(r.choice([1, 10, 50, 100, 200, 500]))
                if a.role == 'lawful' and a.typ == 'corp':
                    cushion = self.fen(self.ln(50000, 1.0))
            elif a.typ in ('sold', 'dormant') or (a.role == 'mule' and a.how not in LIVED_IN):
                cushion = r.randrange(0, 30000)   # bought or dormant: next to nothing on it
            elif a.typ in ('corp', 'merchant'):
                cushion = self.fen(self.ln(80000, 1.2))
            else:
                cushion = self.fen(self.ln(2500, 1.4))
            self.bal[a.aid] = -low + cushion
        # status: a few frozen (reported mules, judicial freezes of lawful debtors) and closed accounts
        last = {}
        for row in tx:
            for x in (row[1], row[2]):
                if x is not None:
                    last[x.aid] = row[0]
        for a in rows:
            if a.role == 'mule' and a.touched and r.random() < 0.08:
                a.status = 'frozen'
            elif a.role == 'lawful' and r.random() < 0.004:
                a.status = 'frozen'
            elif a.role == 'lawful' and a.typ in ('card', 'wallet') and last.get(a.aid, 0) < self.w1 - 20 * DAY \
                    and r.random() < 0.05:
                a.status = 'closed'

    def write(self, out, truth):
        os.makedirs(out, exist_ok=True)
        day_cache = {}

        def fmt(ts):
            d, s = divmod(ts, DAY)
            ds = day_cache.get(d)
            if ds is None:
                ds = (EPOCH + timedelta(days=d)).strftime('%Y-%m-%d')
                day_cache[d] = ds
            h, rem = divmod(s, HOUR)
            m, sec = divmod(rem, 60)
            return '%sT%02d:%02d:%02d+08:00' % (ds, h, m, sec)

        def money(f):
            return '%d.%02d' % (f // 100, f % 100)

        with open(os.path.join(out, 'accounts.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['account_id', 'bank', 'holder_id', 'opened_at', 'open_region', 'account_class',
                        'opening_balance', 'status'])
            for a in sorted(self.rows, key=lambda a: a.aid):
                w.writerow([a.aid, a.bank, a.p.hid, fmt(a.opened), a.region, a.cls, money(self.bal[a.aid]), a.status])
        self.txid = {}
        fraud_ids = []
        with open(os.path.join(out, 'transfers.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['txn_id', 'ts', 'from_account', 'to_account', 'amount', 'currency', 'channel', 'region',
                        'kind', 'memo', 'cross_border'])
            for i, row in enumerate(self.tx):
                ts, a, b, amt, ch, reg, kind, memo, xb, fraud, _ = row
                tid = 'HZ%s%07d' % (fmt(ts)[:10].replace('-', ''), i + 1)
                self.txid[id(row)] = tid
                if fraud:
                    fraud_ids.append(tid)
                w.writerow([tid, fmt(ts), a.aid if a else '', b.aid if b else '', money(amt), 'CNY', ch, reg, kind,
                            memo, 'true' if xb else 'false'])
        appear = set()
        for row in self.tx:
            if row[1] is not None:
                appear.add(row[1].aid)
            if row[2] is not None:
                appear.add(row[2].aid)
        rowset = set(a.aid for a in self.rows)
        self.appear = appear
        mules = sorted((a for a in self.accts if a.role == 'mule' and a.touched and (a.aid in appear or a.aid in rowset)),
                       key=lambda a: a.aid)
        self.mules = mules
        with open(os.path.join(out, 'labels.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['kind', 'id', 'label'])
            for a in mules:
                w.writerow(['account', a.aid, 'mule'])
            for tid in fraud_ids:
                w.writerow(['transfer', tid, 'fraud'])
            row_holders = set(a.p.hid for a in self.rows)
            self.farmers_labelled = 0
            for p, cards, _ in sorted(self.card_farmers, key=lambda x: x[0].hid):
                if p.hid in row_holders:   # a holder with no account row cannot be seen at all
                    w.writerow(['holder', p.hid, 'card_farmer'])
                    self.farmers_labelled += 1
        self.fraud_ids = fraud_ids
        with open(os.path.join(out, 'sources.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['bank', 'history_from'])
            for b in SUPPLY_NAMES:
                w.writerow([b, fmt(self.start[b])])
        if truth:
            with open(os.path.join(out, 'truth.csv'), 'w', newline='', encoding='utf-8') as f:
                w = csv.writer(f, lineterminator='\n')
                w.writerow(['kind', 'id', 'role', 'archetype', 'how_obtained', 'group', 'layer', 'has_row', 'bank',
                            'holder_id', 'note'])
                for a in sorted(self.accts, key=lambda a: a.aid):
                    if a.aid not in appear and a.aid not in rowset:
                        continue
                    role = a.role
                    arch = a.arch
                    if a.role == 'mule':
                        arch = a.how
                        if not a.touched:
                            role, arch = 'sold_unused', a.how
                    elif a.p is not None and a.p.role in ('paofen', 'qr_rented', 'identity_sold', 'sold_card',
                                                           'relative_account_used', 'personal_code_rented'):
                        arch = arch + '/holder_' + a.p.role
                    if a.typ == 'sold' and a.role != 'mule':
                        arch = 'farmed_card_unused'
                    w.writerow(['account', a.aid, role, arch, a.how, a.grp, a.layer,
                                'yes' if a.aid in rowset else 'no', a.bank, a.p.hid if a.p else '', a.note])
                for p, cards, mostly_ext in sorted(self.card_farmers, key=lambda x: x[0].hid):
                    ns = sum(1 for a in cards if a.aid in rowset)
                    nown = sum(1 for a in p.accts if a.aid in rowset) - ns
                    w.writerow(['holder', p.hid, 'card_farmer', 'card_farmer_mostly_nonsupplying' if mostly_ext else
                                'card_farmer', '', '', '', 'yes' if ns + nown else 'no', '', p.hid,
                                '%d cards opened %s..%s, %d with rows (+%d own accounts with rows), %d moved gang money'
                                % (len(cards), self.fmt_day(min(a.opened for a in cards)),
                                   self.fmt_day(max(a.opened for a in cards)), ns, nown,
                                   sum(1 for a in cards if a.role == 'mule' and a.touched))])
                for row, ftype, gid in sorted(self.victim_rows, key=lambda x: self.txid[id(x[0])]):
                    w.writerow(['transfer', self.txid[id(row)], 'victim_payment', ftype, '', gid, '', '', '', '', ''])

    @staticmethod
    def fmt_day(ts):
        return (EPOCH + timedelta(seconds=ts)).strftime('%Y-%m-%d')

    def stats(self):
        c = {}
        c['accounts_with_rows'] = len(self.rows)
        c['transfers'] = len(self.tx)
        c['transfers_not_visible'] = self.invisible
        c['dropped_before_open'] = self.dropped
        c['victim_payments'] = len(self.fraud_ids)
        c['victims_total'] = len(self.victims)
        c['victims_visible'] = len(set(row[0][1].p.hid for row in self.victim_rows))
        c['card_farmers'] = len(self.card_farmers)
        c['card_farmers_labelled'] = self.farmers_labelled
        c['mules_labelled'] = len(self.mules)
        rowset = set(a.aid for a in self.rows)
        c['mules_with_row'] = sum(1 for a in self.mules if a.aid in rowset)
        arch = {}
        for a in self.mules:
            arch[a.how] = arch.get(a.how, 0) + 1
        c['mules_by_how'] = dict(sorted(arch.items()))
        c['extract_start'] = {b: (EPOCH + timedelta(seconds=self.start[b])).strftime('%Y-%m-%d') for b in SUPPLY_NAMES}
        c['fraud_yuan'] = sum(row[0][3] for row in self.victim_rows) // 100
        return c

    def build(self):
        self.setup_time()
        self.setup_orgs()
        self.setup_people()
        self.gen_shops()
        self.gen_livestream()
        self.gen_landlords()
        self.gen_multicard()
        self.gen_cohorts()
        self.gen_freshmen()
        self.gen_card_farmers()
        self.gen_crypto()
        self.setup_fraud()
        self.gen_bigfirst()
        self.gen_migrants()
        for p in list(self.persons):
            self.gen_routine(p)
        self.gen_salaries()
        self.gen_festival_locals()
        self.gen_monitors()
        self.gen_gifts()
        self.gen_rosca()
        self.gen_harvest()
        self.gen_gold_lawful()
        self.gen_tourists()
        self.gen_victims()
        self.run_layers()
        self.gen_org_sweeps()
        self.finish()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--variant', choices=list(VARIANTS), default='baseline')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out', required=True)
    ap.add_argument('--stats', action='store_true', help='print counts to stderr')
    ap.add_argument('--truth', action='store_true', help='also write OUT/truth.csv (for analysing misses only)')
    args = ap.parse_args()
    w = World(args.variant, args.seed)
    w.build()
    w.write(args.out, args.truth)
    if args.stats:
        s = w.stats()
        for k, v in s.items():
            print('%s: %s' % (k, v), file=sys.stderr)


if __name__ == '__main__':
    main()
