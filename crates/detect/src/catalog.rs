//! The account features, by name, with what each means in Chinese and English. The order here is
//! the order of [`crate::Features`] and of every model's columns: first the account's own features
//! (kept by the streaming [`crate::FeatureEngine`]), then the same features averaged over its payers
//! and over its payees, then the graph shapes its transfers take part in (see [`crate::context`]),
//! then how likely-mule its counterparties are by the model's first stage (see [`crate::association`]).

use fanzha_patterns::Group;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One account feature: its column name and how a reason sentence names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeatureInfo {
    /// Column name (snake case, stable: model files refer to features by it).
    pub name: Cow<'static, str>,
    /// What it is, in Chinese.
    pub zh: Cow<'static, str>,
    /// What it is, in English.
    pub en: Cow<'static, str>,
    /// Unit shown after the value.
    pub unit: Unit,
}

/// How a feature's value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count.
    Count,
    /// Yuan (features hold yuan as f64; money itself is fen everywhere else).
    Yuan,
    /// Days.
    Days,
    /// Minutes.
    Minutes,
    /// Kilometres.
    Km,
    /// A share between 0 and 1, shown as a percentage.
    Share,
    /// A code (account class).
    Code,
}

macro_rules! catalog {
    ($($ix:ident = $name:literal, $zh:literal, $en:literal, $unit:ident;)*) => {
        /// Column positions of the account's own features in [`crate::Features`].
        #[allow(missing_docs)]
        pub mod ix {
            catalog!(@ix 0usize, $($ix,)*);
        }
        /// The account's own features, in column order.
        pub const OWN_FEATURES: &[FeatureInfo] = &[
            $(FeatureInfo {
                name: Cow::Borrowed($name),
                zh: Cow::Borrowed($zh),
                en: Cow::Borrowed($en),
                unit: Unit::$unit,
            },)*
        ];
    };
    (@ix $n:expr, $first:ident, $($rest:ident,)*) => {
        pub const $first: usize = $n;
        catalog!(@ix $n + 1usize, $($rest,)*);
    };
    (@ix $n:expr,) => {};
}

catalog! {
    OPEN_DAYS_AT_LARGE_IN = "open_days_at_large_in", "首笔大额转入时开户天数", "account age at its first large inflow", Days;
    QUIET_DAYS_AFTER_OPEN = "quiet_days_after_open", "开户后静默天数", "days between opening and first use", Days;
    IN_COUNT = "in_count", "转入笔数", "inflows", Count;
    OUT_COUNT = "out_count", "转出笔数", "outflows", Count;
    IN_YUAN = "in_yuan", "转入总额", "money in", Yuan;
    OUT_YUAN = "out_yuan", "转出总额", "money out", Yuan;
    IN_MEAN_YUAN = "in_mean_yuan", "平均转入金额", "mean inflow", Yuan;
    IN_CV = "in_cv", "转入金额离散系数", "coefficient of variation of inflows", Share;
    OUT_MEAN_YUAN = "out_mean_yuan", "平均转出金额", "mean outflow", Yuan;
    OUT_CV = "out_cv", "转出金额离散系数", "coefficient of variation of outflows", Share;
    IN_MAX_YUAN = "in_max_yuan", "最大单笔转入", "largest inflow", Yuan;
    OUT_MAX_YUAN = "out_max_yuan", "最大单笔转出", "largest outflow", Yuan;
    IN_MIN_YUAN = "in_min_yuan", "最小单笔转入", "smallest inflow", Yuan;
    OUT_MIN_YUAN = "out_min_yuan", "最小单笔转出", "smallest outflow", Yuan;
    IN_MIN_SHARE = "in_min_share", "最小单笔转入与平均转入之比(小额试探)", "smallest inflow over the mean inflow (test transfers)", Share;
    OUT_MIN_SHARE = "out_min_share", "最小单笔转出与平均转出之比(小额试探)", "smallest outflow over the mean outflow (test transfers)", Share;
    PAYERS = "payers", "不同转入方数", "distinct payers", Count;
    PAYEES = "payees", "不同收款方数", "distinct payees", Count;
    FAN_IN_WINDOW = "fan_in_window_max", "窗口内最多不同转入方", "most distinct payers within one window", Count;
    FAN_OUT_WINDOW = "fan_out_window_max", "窗口内最多不同收款方", "most distinct payees within one window", Count;
    DEG_IN_WINDOW = "deg_in_window_max", "窗口内最多转入笔数", "most inflows within one window", Count;
    DEG_OUT_WINDOW = "deg_out_window_max", "窗口内最多转出笔数", "most outflows within one window", Count;
    REPEAT_IN_WINDOW = "repeat_in_window_max", "窗口内同一转入方最多转入笔数(拆分转入)", "most inflows from one payer within one window (split payments)", Count;
    REPEAT_OUT_WINDOW = "repeat_out_window_max", "窗口内向同一收款方最多转出笔数(拆分转出)", "most outflows to one payee within one window (split payments)", Count;
    IN_WINDOW_YUAN = "in_window_yuan_max", "窗口内最大转入总额", "most money in within one window", Yuan;
    PASS_THROUGH = "pass_through", "快进快出比例(转入后短时间内转出)", "share of inflow that left soon after arriving", Share;
    PASS_THROUGH_DAY = "pass_through_day", "当日转出比例(转入后24小时内转出)", "share of inflow that left within 24 h of arriving", Share;
    MEDIAN_DWELL_MIN = "median_dwell_min", "资金停留时间中位数", "median time money stayed", Minutes;
    NEAR_ZERO = "near_zero_ratio", "转出后余额接近零的比例", "share of outflows that left the balance near zero", Share;
    NIGHT_SHARE = "night_share", "夜间(0-6时)交易占比", "share of transactions at night (0-6 h, Beijing time)", Share;
    BURST_AFTER_DORMANCY = "burst_after_dormancy", "长期静默后24小时内交易笔数", "transactions within 24 h after a long quiet spell", Count;
    COUNTERPARTY_BANKS = "counterparty_banks", "交易对手所属银行数", "banks of counterparties", Count;
    COUNTERPARTY_PROVINCES = "counterparty_provinces", "交易对手开户省份数", "provinces where counterparties opened their accounts", Count;
    CASH_OUT_SHARE = "cash_out_share", "取现占转出比例", "share of money out taken as cash", Share;
    CASH_WINDOW = "cash_window_max", "窗口内最多取现笔数(分批取现)", "most cash withdrawals within one window (cash taken in chunks)", Count;
    CASH_WINDOW_YUAN = "cash_window_yuan_max", "窗口内最大取现总额", "most cash taken out within one window", Yuan;
    REMOTE_CASH_SHARE = "remote_cash_share", "异地(外省)取现比例", "share of cash taken out in another province than the account's", Share;
    CASH_OUT_KM = "cash_out_km_max", "取现地与开户地最远距离", "farthest cash withdrawal from where the account was opened", Km;
    OTHER_BANK_OUT_SHARE = "other_bank_out_share", "跨行转出比例", "share of money out sent to other banks", Share;
    OUT_IN_RATIO = "out_in_ratio", "转出/转入金额比", "money out over money in", Share;
    HOLDER_ACCOUNTS = "holder_accounts", "持卡人名下账户数", "accounts of the same holder", Count;
    HOLDER_BANKS = "holder_banks", "持卡人开户银行数", "banks where the holder has accounts", Count;
    HOLDER_CITIES = "holder_cities", "持卡人开户城市数", "cities where the holder opened accounts", Count;
    HOLDER_OPENED_30D = "holder_opened_30d_max", "持卡人30天内最多开户数", "most accounts the holder opened within 30 days", Count;
    HOLDER_OPENED_NEAR = "holder_opened_near", "持卡人在本账户开户前后30天内开户数", "accounts the holder opened within 30 days before or after this one", Count;
    ACCOUNT_CLASS = "account_class", "账户类别(1/2/3类,4=对公)", "account class (I/II/III, 4 = corporate)", Code;
    ACTIVE_DAYS = "active_days", "首末笔交易间隔天数", "days between first and last transaction", Days;
    NEW_PAYER_SHARE_RECENT = "new_payer_share_recent", "近7天转入资金中来自首次往来对象的比例", "share of the last 7 days' inflow from payers it never dealt with before", Share;
    NEW_PAYER_SHARE_BEFORE = "new_payer_share_before", "此前转入资金中来自首次往来对象的比例", "share of its earlier inflow from payers it never dealt with before", Share;
    NEW_PAYERS_RECENT = "new_payers_recent", "近7天首次往来的转入方数", "payers it never dealt with before, in the last 7 days", Count;
    NEW_PAYER_PROVINCES_RECENT = "new_payer_provinces_recent", "近7天首次往来转入方的开户省份数", "provinces of those new payers' accounts", Count;
    PASS_THROUGH_RECENT = "pass_through_recent", "近7天快进快出比例", "share of the last 7 days' inflow that left soon after arriving", Share;
    PASS_THROUGH_BEFORE = "pass_through_before", "此前快进快出比例", "share of its earlier inflow that left soon after arriving", Share;
    KNOWN_DAYS_BEFORE = "known_days_before", "近7天之前可观察的自身历史天数", "days of its own known past before the last 7 days", Days;
}

/// Number of the account's own features.
pub const OWN_COUNT: usize = OWN_FEATURES.len();

/// Whose averages a neighbourhood column holds.
const NEIGHBOURS: [(&str, &str, &str); 2] = [("payers", "转入方", "payers'"), ("payees", "收款方", "payees'")];

/// The pattern groups of [`crate::context`]'s shape columns, with their names.
pub const SHAPES: [(Group, &str, &str); 8] = [
    (Group::FanIn, "扇入", "fan-in"),
    (Group::FanOut, "扇出", "fan-out"),
    (Group::DegreeIn, "入度", "in-degree"),
    (Group::DegreeOut, "出度", "out-degree"),
    (Group::ScatterGather, "分散-汇聚", "scatter-gather"),
    (Group::TemporalCycle, "时序环路", "temporal cycle"),
    (Group::SimpleCycle, "限长环路", "bounded cycle"),
    (Group::GatherScatter, "汇聚-分散", "gather-scatter"),
];

/// Per shape group: mean pattern count and largest pattern size, over the account's in- and
/// out-edges.
const SHAPE_STATS: [(&str, &str, &str); 4] = [
    ("in_mean", "转入交易平均所在{}模式数", "mean number of {} patterns its inflows are in"),
    ("in_max", "转入交易所在最大{}模式规模", "largest {} pattern its inflows are in"),
    ("out_mean", "转出交易平均所在{}模式数", "mean number of {} patterns its outflows are in"),
    ("out_max", "转出交易所在最大{}模式规模", "largest {} pattern its outflows are in"),
];

/// Number of shape columns.
pub const SHAPE_COUNT: usize = SHAPES.len() * SHAPE_STATS.len();

/// Column of the first payers' average (add an own feature's position).
pub const PAYERS_MEAN: usize = OWN_COUNT;
/// Column of the first payees' average.
pub const PAYEES_MEAN: usize = 2 * OWN_COUNT;
/// Column of the first shape feature.
pub const SHAPE_START: usize = 3 * OWN_COUNT;

/// The collector columns (see [`crate::collectors`]): (name, Chinese, English, unit), in column
/// order from [`COLLECTOR_START`].
const COLLECTORS: [(&str, &str, &str, Unit); 3] = [
    (
        "forwarded_to_shared_max",
        "1小时内把陌生资金转给同一收款方的其他账户最多数(共用归集账户)",
        "most other accounts passing strangers' money on to the same payee as it does",
        Unit::Count,
    ),
    (
        "forwarded_to_shared_share",
        "转出资金中,1小时内转给多人共用归集账户的陌生资金比例",
        "share of its money out passed on within the hour to a collector that at least two others feed",
        Unit::Share,
    ),
    (
        "forwarders_in",
        "1小时内把陌生资金转给本账户的不同账户数(归集)",
        "accounts passing strangers' money on to it within the hour (a collector)",
        Unit::Count,
    ),
];

/// Column of the first collector feature.
pub const COLLECTOR_START: usize = SHAPE_START + SHAPE_COUNT;
/// Number of collector columns.
pub const COLLECTOR_COUNT: usize = COLLECTORS.len();

/// The association columns: from the first-stage mule scores of the account's counterparties at
/// the banks that report data (accounts seen only as counterparties have no score, so they are
/// left out of these columns and their wording says so).
/// (name, Chinese, English, unit), in column order from [`ASSOCIATION_START`].
const ASSOCIATION: [(&str, &str, &str, Unit); 8] = [
    (
        "payers_score_max",
        "报送机构的转入方中最高的涉诈模型初评分",
        "highest first-stage mule score among its payers at reporting banks",
        Unit::Share,
    ),
    (
        "payers_score_mean",
        "报送机构的转入方平均涉诈模型初评分",
        "mean first-stage mule score of its payers at reporting banks",
        Unit::Share,
    ),
    (
        "payees_score_max",
        "报送机构的收款方中最高的涉诈模型初评分",
        "highest first-stage mule score among its payees at reporting banks",
        Unit::Share,
    ),
    (
        "payees_score_mean",
        "报送机构的收款方平均涉诈模型初评分",
        "mean first-stage mule score of its payees at reporting banks",
        Unit::Share,
    ),
    (
        "in_from_likely_mules",
        "来自疑似涉诈账户的转入笔数(按评分加权)",
        "inflows from likely mule accounts (weighted by their scores)",
        Unit::Count,
    ),
    (
        "out_to_likely_mules",
        "转给疑似涉诈账户的转出笔数(按评分加权)",
        "outflows to likely mule accounts (weighted by their scores)",
        Unit::Count,
    ),
    (
        "in_likely_mule_share",
        "来自报送机构账户的转入笔数中,来自疑似涉诈账户的比例",
        "share of its inflows from accounts at reporting banks that came from likely mule accounts",
        Unit::Share,
    ),
    (
        "out_likely_mule_share",
        "转给报送机构账户的转出笔数中,转给疑似涉诈账户的比例",
        "share of its outflows to accounts at reporting banks that went to likely mule accounts",
        Unit::Share,
    ),
];

/// Column of the first association feature; the model's first stage sees the columns before it.
pub const ASSOCIATION_START: usize = COLLECTOR_START + COLLECTOR_COUNT;
/// Number of association columns.
pub const ASSOCIATION_COUNT: usize = ASSOCIATION.len();

/// Number of features (model columns).
pub const FEATURE_COUNT: usize = ASSOCIATION_START + ASSOCIATION_COUNT;

/// Every feature, in column order.
pub static FEATURES: LazyLock<Vec<FeatureInfo>> = LazyLock::new(|| {
    let mut all = OWN_FEATURES.to_vec();
    for (name, zh, en) in NEIGHBOURS {
        all.extend(OWN_FEATURES.iter().map(|f| FeatureInfo {
            name: format!("{name}_mean_{}", f.name).into(),
            // "payees' mean inflow", not "payees' mean mean inflow".
            zh: format!("{zh}平均{}", f.zh.trim_start_matches("平均")).into(),
            en: format!("{en} mean {}", f.en.trim_start_matches("mean ")).into(),
            unit: f.unit,
        }));
    }
    for (group, zh, en) in SHAPES {
        for (stat, zh_stat, en_stat) in SHAPE_STATS {
            all.push(FeatureInfo {
                name: format!("shape_{group}_{stat}").into(),
                zh: zh_stat.replace("{}", zh).into(),
                en: en_stat.replace("{}", en).into(),
                unit: Unit::Count,
            });
        }
    }
    all.extend(COLLECTORS.iter().chain(&ASSOCIATION).map(|&(name, zh, en, unit)| FeatureInfo {
        name: name.into(),
        zh: zh.into(),
        en: en.into(),
        unit,
    }));
    all
});

/// The position of the feature called `name`.
pub fn position(name: &str) -> Option<usize> {
    FEATURES.iter().position(|f| f.name == name)
}

/// Shows a feature value with its unit, e.g. `12`, `35,000 元`, `83%`.
pub fn show(info: &FeatureInfo, value: f64, chinese: bool) -> String {
    if value.is_nan() {
        return if chinese { "无".into() } else { "n/a".into() };
    }
    let (zh, en) = match info.unit {
        Unit::Count | Unit::Code => ("", ""),
        Unit::Yuan => (" 元", " yuan"),
        Unit::Days => (" 天", " days"),
        Unit::Minutes => (" 分钟", " min"),
        Unit::Km => (" 公里", " km"),
        Unit::Share => return format!("{:.0}%", value * 100.0),
    };
    let number =
        if value.fract() == 0.0 || value.abs() >= 100.0 { format!("{value:.0}") } else { format!("{value:.1}") };
    format!("{number}{}", if chinese { zh } else { en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_table() {
        assert_eq!(FEATURES[ix::PASS_THROUGH].name, "pass_through");
        assert_eq!(position("known_days_before"), Some(OWN_COUNT - 1));
        assert_eq!(ix::KNOWN_DAYS_BEFORE, OWN_COUNT - 1);
        assert_eq!(FEATURES.len(), FEATURE_COUNT);
        assert_eq!(position("payees_mean_pass_through"), Some(PAYEES_MEAN + ix::PASS_THROUGH));
        assert_eq!(position("shape_fan_in_in_mean"), Some(SHAPE_START));
        assert_eq!(FEATURES[SHAPE_START + 18].zh, "转出交易平均所在分散-汇聚模式数");
        assert_eq!(position("forwarded_to_shared_max"), Some(COLLECTOR_START));
        assert_eq!(position("payers_score_max"), Some(ASSOCIATION_START));
        assert_eq!(position("out_likely_mule_share"), Some(FEATURE_COUNT - 1));
        let mut names: Vec<_> = FEATURES.iter().map(|f| f.name.clone()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FEATURE_COUNT, "feature names are unique");
    }

    #[test]
    fn shows_units() {
        assert_eq!(show(&FEATURES[ix::PASS_THROUGH], 0.834, true), "83%");
        assert_eq!(show(&FEATURES[ix::IN_YUAN], 35_000.0, true), "35000 元");
        assert_eq!(show(&FEATURES[ix::CASH_OUT_KM], f64::NAN, false), "n/a");
    }
}
