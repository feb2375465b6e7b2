//! The dashboard: cases and money by typology, by week and by the victim's province, and money
//! frozen against money lost — drawn as SVG bar charts on the server.

use crate::db::{Case, FreezeRow};
use crate::i18n::{yuan, Lang};
use fanzha_model::Ledger;
use maud::{html, Markup};
use std::collections::BTreeMap;

pub(crate) const PROVINCES: [(u32, &str, &str); 31] = [
    (11, "北京", "Beijing"),
    (12, "天津", "Tianjin"),
    (13, "河北", "Hebei"),
    (14, "山西", "Shanxi"),
    (15, "内蒙古", "Inner Mongolia"),
    (21, "辽宁", "Liaoning"),
    (22, "吉林", "Jilin"),
    (23, "黑龙江", "Heilongjiang"),
    (31, "上海", "Shanghai"),
    (32, "江苏", "Jiangsu"),
    (33, "浙江", "Zhejiang"),
    (34, "安徽", "Anhui"),
    (35, "福建", "Fujian"),
    (36, "江西", "Jiangxi"),
    (37, "山东", "Shandong"),
    (41, "河南", "Henan"),
    (42, "湖北", "Hubei"),
    (43, "湖南", "Hunan"),
    (44, "广东", "Guangdong"),
    (45, "广西", "Guangxi"),
    (46, "海南", "Hainan"),
    (50, "重庆", "Chongqing"),
    (51, "四川", "Sichuan"),
    (52, "贵州", "Guizhou"),
    (53, "云南", "Yunnan"),
    (54, "西藏", "Tibet"),
    (61, "陕西", "Shaanxi"),
    (62, "甘肃", "Gansu"),
    (63, "青海", "Qinghai"),
    (64, "宁夏", "Ningxia"),
    (65, "新疆", "Xinjiang"),
];

/// One bar: label, value, and the text printed after it.
pub struct Bar {
    /// What the bar is.
    pub label: String,
    /// Its length.
    pub value: f64,
    /// Shown at its end.
    pub text: String,
}

/// A horizontal bar chart as inline SVG (labels escaped by maud).
pub fn bar_chart(id: &str, bars: &[Bar]) -> Markup {
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max).max(1e-9);
    let (label_w, bar_w, row_h) = (180.0, 420.0, 24.0);
    let height = row_h * bars.len().max(1) as f64 + 8.0;
    html! {
        svg id=(id) xmlns="http://www.w3.org/2000/svg" width=(label_w + bar_w + 160.0) height=(height) role="img" {
            @for (i, b) in bars.iter().enumerate() {
                @let y = 4.0 + i as f64 * row_h;
                @let w = (b.value / max * bar_w).max(1.0);
                text x=(label_w - 6.0) y=(y + 16.0) text-anchor="end" font-size="13" { (b.label) }
                rect x=(label_w) y=(y + 3.0) width=(w) height=(row_h - 6.0) fill="#b83232" {}
                text x=(label_w + w + 6.0) y=(y + 16.0) font-size="12" fill="#444" { (b.text) }
            }
        }
    }
}

fn province(lang: Lang, ledger: &Ledger, account: &str) -> String {
    let region = ledger.account_ix(account).and_then(|a| ledger.account(a).open_region);
    region.map_or_else(|| "?".into(), |r| province_name(lang, r.code()))
}

/// The province of a six-digit region code, by name in `lang` (the code when unknown).
pub fn province_name(lang: Lang, region: u32) -> String {
    let code = region / 10_000;
    PROVINCES.iter().find(|p| p.0 == code).map_or(format!("{code}"), |p| lang.t(p.1, p.2).to_string())
}

/// The ISO week of an epoch time in Beijing time, e.g. `2024-W09`.
fn week(ts: i64) -> String {
    let days = fanzha_model::Ts(ts).beijing_day();
    // 1970-01-01 was a Thursday; ISO weeks start on Monday and belong to the year of their Thursday.
    let thursday = days - (days + 3).rem_euclid(7) + 3;
    let date = fanzha_model::Ts(thursday * 86_400).to_string();
    let year: i64 = date[..4].parse().unwrap_or(1970);
    let jan1 = fanzha_model::Ts::from_utc(year as i32, 1, 1, 0, 0, 0).map_or(0, |t| t.0 / 86_400);
    format!("{year}-W{:02}", (thursday - jan1) / 7 + 1)
}

/// The dashboard's charts.
pub fn page(lang: Lang, ledger: &Ledger, cases: &[Case], requests: &[FreezeRow]) -> Markup {
    let mut by_typology: BTreeMap<&str, (usize, i64)> = BTreeMap::new();
    let mut by_week: BTreeMap<String, (usize, i64)> = BTreeMap::new();
    let mut by_province: BTreeMap<String, (usize, i64)> = BTreeMap::new();
    for c in cases {
        for (map_entry, key) in
            [(&mut by_week, week(c.created_at)), (&mut by_province, province(lang, ledger, &c.victim))]
        {
            let e = map_entry.entry(key).or_default();
            e.0 += 1;
            e.1 += c.traced_fen;
        }
        let e = by_typology.entry(c.typology.as_str()).or_default();
        e.0 += 1;
        e.1 += c.traced_fen;
    }
    let name = |id: &str| crate::i18n::typology_name(lang, id);
    let bars = |m: Vec<(String, (usize, i64))>| -> Vec<Bar> {
        m.into_iter()
            .map(|(label, (n, fen))| Bar { label, value: fen as f64, text: format!("{n} · ¥{}", yuan(fen)) })
            .collect()
    };
    let mut typ: Vec<(String, (usize, i64))> = by_typology.into_iter().map(|(k, v)| (name(k), v)).collect();
    typ.sort_by_key(|t| std::cmp::Reverse(t.1 .1));
    let mut prov: Vec<(String, (usize, i64))> = by_province.into_iter().collect();
    prov.sort_by_key(|p| std::cmp::Reverse(p.1 .1));
    let traced: i64 = cases.iter().map(|c| c.traced_fen).sum();
    let frozen: i64 = requests.iter().map(|r| r.saved_fen).sum();
    let money = vec![
        Bar {
            label: lang.t("已冻结/挽回", "frozen / saved").into(),
            value: frozen as f64,
            text: format!("¥{}", yuan(frozen)),
        },
        Bar {
            label: lang.t("尚未挽回", "not recovered").into(),
            value: (traced - frozen).max(0) as f64,
            text: format!("¥{}", yuan((traced - frozen).max(0))),
        },
    ];
    html! {
        p { (lang.t("案件", "Cases")) ": " strong { (cases.len()) } " · " (lang.t("涉案金额", "money traced")) ": " strong { "¥" (yuan(traced)) } }
        h2 { (lang.t("冻结与损失", "Frozen vs lost")) }
        (bar_chart("chart-money", &money))
        h2 { (lang.t("按诈骗类型(案件数 · 金额)", "By typology (cases · money)")) }
        (bar_chart("chart-typology", &bars(typ)))
        h2 { (lang.t("按周(北京时间)", "By week (Beijing time)")) }
        (bar_chart("chart-week", &bars(by_week.into_iter().collect())))
        h2 { (lang.t("按受害人开户省份", "By the victim's province")) }
        (bar_chart("chart-region", &bars(prov)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        assert_eq!(week(1_709_258_400), "2024-W09"); // 2024-03-01, a Friday
        assert_eq!(week(1_704_067_200 - 8 * 3_600), "2024-W01"); // 2024-01-01 00:00 Beijing, a Monday
        assert_eq!(week(1_672_531_200), "2022-W52"); // 2023-01-01 08:00 Beijing, a Sunday
    }

    #[test]
    fn charts_escape_labels() {
        let svg = bar_chart("c", &[Bar { label: "<b>".into(), value: 1.0, text: "1".into() }]).into_string();
        assert!(svg.contains("&lt;b&gt;") && svg.contains("<rect"));
    }
}
