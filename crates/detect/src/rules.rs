//! Mule rules: the patterns analysts name (new account with large inflow, fast in fast out, many
//! payers at once, cash out far away, quiet card then burst, holder with many cards), each a test
//! over the account features with a weight and a sentence in Chinese and English.

use crate::catalog::ix;
use crate::engine::OwnFeatures;
use serde::Serialize;

/// One reason an account looks like a mule: a rule that fired or a model feature that pushed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable code, e.g. `rule.fast_in_fast_out` or `model.fan_in_window_max`.
    pub code: String,
    /// The sentence in Chinese.
    pub message_zh: String,
    /// The sentence in English.
    pub message_en: String,
    /// How much it weighed: the rule's weight or the feature's contribution to the log-odds.
    pub weight: f64,
    /// The account number it points at: the most suspect payer or payee, for a reason about the
    /// company the account keeps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
}

/// Thresholds of the mule rules; defaults follow the domain notes and are configuration.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleConfig {
    /// "New": the first large inflow came within this many days of opening.
    pub new_account_days: f64,
    /// Inflow (yuan) that makes a new account's inflow notable.
    pub new_account_inflow_yuan: f64,
    /// Share of inflow passed on within the pass-through time.
    pub pass_through_share: f64,
    /// Least money in (yuan) before pass-through counts.
    pub pass_through_inflow_yuan: f64,
    /// Distinct payers within one window.
    pub fan_in: f64,
    /// Kilometres between opening place and cash-out place.
    pub remote_cash_km: f64,
    /// Transactions within 24 h after a quiet spell.
    pub burst: f64,
    /// Cash withdrawals within one window (cash taken in chunks)…
    pub cash_chunks: f64,
    /// …adding up to at least this many yuan…
    pub cash_chunks_yuan: f64,
    /// …from an account that passes at least this share of its inflow on within a day.
    pub cash_chunks_pass_through: f64,
    /// Behaviour change: payers never dealt with before, in the recent span…
    pub change_new_payers: f64,
    /// …bringing at least this share of the recent inflow…
    pub change_new_share: f64,
    /// …where before they brought at most this share…
    pub change_before_share: f64,
    /// …over at least this many days of the account's own known past…
    pub change_known_days: f64,
    /// …and at least this share of the recent inflow passed on at once.
    pub change_pass_through: f64,
}

impl Default for RuleConfig {
    fn default() -> RuleConfig {
        RuleConfig {
            new_account_days: 30.0,
            new_account_inflow_yuan: 20_000.0,
            pass_through_share: 0.8,
            pass_through_inflow_yuan: 10_000.0,
            fan_in: 5.0,
            remote_cash_km: 500.0,
            burst: 5.0,
            cash_chunks: 4.0,
            cash_chunks_yuan: 8_000.0,
            cash_chunks_pass_through: 0.6,
            change_new_payers: 3.0,
            change_new_share: 0.7,
            change_before_share: 0.35,
            change_known_days: 7.0,
            change_pass_through: 0.6,
        }
    }
}

/// A rule that fired on `f`, or `None`.
type Rule = fn(&RuleConfig, &OwnFeatures) -> Option<Reason>;

fn reason(code: &str, weight: f64, zh: String, en: String) -> Option<Reason> {
    Some(Reason { code: format!("rule.{code}"), message_zh: zh, message_en: en, weight, counterparty: None })
}

/// The code (after `rule.`) of the behaviour-change rule; its reason is dated by
/// [`crate::mules::score_all`].
pub const BEHAVIOUR_CHANGE: &str = "behaviour_change";

fn yuan(v: f64) -> String {
    format!("{:.0}", v)
}

const RULES: &[Rule] = &[
    |c, f| {
        let (days, inflow) = (f[ix::OPEN_DAYS_AT_LARGE_IN], f[ix::IN_YUAN]);
        (days <= c.new_account_days && inflow >= c.new_account_inflow_yuan).then_some(())?;
        reason(
            "new_account_large_inflow",
            0.35,
            format!("新开户{days:.0}天即收到大额转入,累计转入{}元", yuan(inflow)),
            format!("received a large inflow {days:.0} days after opening; {} yuan in all", yuan(inflow)),
        )
    },
    |c, f| {
        let (share, inflow) = (f[ix::PASS_THROUGH], f[ix::IN_YUAN]);
        (share >= c.pass_through_share && inflow >= c.pass_through_inflow_yuan).then_some(())?;
        reason(
            "fast_in_fast_out",
            0.45,
            format!("快进快出:{:.0}%的转入资金在1小时内转出", share * 100.0),
            format!("fast in, fast out: {:.0}% of the money in left within an hour", share * 100.0),
        )
    },
    |c, f| {
        let n = f[ix::FAN_IN_WINDOW];
        (n >= c.fan_in).then_some(())?;
        reason(
            "many_payers",
            0.35,
            format!("24小时内收到{n:.0}个不同账户转入(分散转入)"),
            format!("money from {n:.0} different accounts within 24 h (many payers in)"),
        )
    },
    |c, f| {
        let (n, sum, day) = (f[ix::CASH_WINDOW], f[ix::CASH_WINDOW_YUAN], f[ix::PASS_THROUGH_DAY]);
        (n >= c.cash_chunks && sum >= c.cash_chunks_yuan && day >= c.cash_chunks_pass_through).then_some(())?;
        reason(
            "cash_in_chunks",
            0.45,
            format!("24小时内分{n:.0}笔取现共{}元,{:.0}%的转入资金在一天内转出或取出", yuan(sum), day * 100.0),
            format!(
                "{n:.0} cash withdrawals within 24 h, {} yuan in all; {:.0}% of the money in left within a day",
                yuan(sum),
                day * 100.0
            ),
        )
    },
    |c, f| {
        let km = f[ix::CASH_OUT_KM];
        (km >= c.remote_cash_km).then_some(())?;
        reason(
            "remote_cash_out",
            0.35,
            format!("在距开户地约{km:.0}公里处取现"),
            format!("cash taken out about {km:.0} km from where the account was opened"),
        )
    },
    |c, f| {
        let (n, quiet) = (f[ix::BURST_AFTER_DORMANCY], f[ix::QUIET_DAYS_AFTER_OPEN]);
        (n >= c.burst).then_some(())?;
        let quiet = if quiet.is_nan() { String::new() } else { format!("(开户后静默{quiet:.0}天)") };
        reason(
            "dormant_then_burst",
            0.25,
            format!("长期静默后24小时内突然发生{n:.0}笔交易{quiet}"),
            format!("{n:.0} transactions within 24 h after a long quiet spell"),
        )
    },
    |c, f| {
        let (payers, provinces) = (f[ix::NEW_PAYERS_RECENT], f[ix::NEW_PAYER_PROVINCES_RECENT]);
        let (share, before, days) =
            (f[ix::NEW_PAYER_SHARE_RECENT], f[ix::NEW_PAYER_SHARE_BEFORE], f[ix::KNOWN_DAYS_BEFORE]);
        let (fast, fast_before) = (f[ix::PASS_THROUGH_RECENT], f[ix::PASS_THROUGH_BEFORE]);
        (payers >= c.change_new_payers
            && share >= c.change_new_share
            && before <= c.change_before_share
            && days >= c.change_known_days
            && fast >= c.change_pass_through)
            .then_some(())?;
        let fast_before = if fast_before.is_nan() { 0.0 } else { fast_before };
        reason(
            BEHAVIOUR_CHANGE,
            0.45,
            format!(
                "行为突变:近7天有{payers:.0}个从未往来的转入方(来自{provinces:.0}个省份),带来{:.0}%的转入资金,其中{:.0}%被快速转出;此前{days:.0}天首次往来的资金仅占{:.0}%、快速转出{:.0}%。疑似出租、出借或出售的账户",
                share * 100.0,
                fast * 100.0,
                before * 100.0,
                fast_before * 100.0
            ),
            format!(
                "behaviour changed: in the last 7 days {payers:.0} payers it never dealt with (from {provinces:.0} provinces) brought {:.0}% of the money in, and {:.0}% passed on at once; in the {days:.0} days before, new payers brought {:.0}% and {:.0}% passed on. Looks like a rented, lent or sold account",
                share * 100.0,
                fast * 100.0,
                before * 100.0,
                fast_before * 100.0
            ),
        )
    },
];

/// The rules that fire on `f`, heaviest first, and their combined score `1 - Π(1 - weight)`.
pub fn apply(cfg: &RuleConfig, f: &OwnFeatures) -> (f64, Vec<Reason>) {
    let mut fired: Vec<Reason> = RULES.iter().filter_map(|rule| rule(cfg, f)).collect();
    fired.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let score = 1.0 - fired.iter().map(|r| 1.0 - r.weight).product::<f64>();
    (score, fired)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::OWN_COUNT;

    fn ordinary() -> OwnFeatures {
        let mut f = [f64::NAN; OWN_COUNT];
        f[ix::IN_YUAN] = 8_000.0;
        f[ix::PASS_THROUGH] = 0.1;
        f[ix::FAN_IN_WINDOW] = 1.0;
        f
    }

    #[test]
    fn nothing_fires_on_an_ordinary_account() {
        let (score, fired) = apply(&RuleConfig::default(), &ordinary());
        assert_eq!(score, 0.0);
        assert!(fired.is_empty());
    }

    #[test]
    fn each_rule_fires_at_its_threshold_and_not_below() {
        let c = RuleConfig::default();
        /// (rule, other features set so only this one decides, deciding feature, threshold)
        type Case<'a> = (&'a str, &'a [(usize, f64)], usize, f64);
        let change = [
            (ix::NEW_PAYER_SHARE_RECENT, 0.7),
            (ix::NEW_PAYER_SHARE_BEFORE, 0.35),
            (ix::KNOWN_DAYS_BEFORE, 7.0),
            (ix::PASS_THROUGH_RECENT, 0.6),
        ];
        let chunks = [(ix::CASH_WINDOW_YUAN, 8_000.0), (ix::PASS_THROUGH_DAY, 0.6)];
        let cases: [Case; 7] = [
            ("new_account_large_inflow", &[(ix::IN_YUAN, 20_000.0)], ix::OPEN_DAYS_AT_LARGE_IN, 30.0),
            ("fast_in_fast_out", &[(ix::IN_YUAN, 10_000.0)], ix::PASS_THROUGH, 0.8),
            ("many_payers", &[], ix::FAN_IN_WINDOW, 5.0),
            ("remote_cash_out", &[], ix::CASH_OUT_KM, 500.0),
            ("cash_in_chunks", &chunks, ix::CASH_WINDOW, 4.0),
            ("dormant_then_burst", &[], ix::BURST_AFTER_DORMANCY, 5.0),
            ("behaviour_change", &change, ix::NEW_PAYERS_RECENT, 3.0),
        ];
        for (code, extra, col, at) in cases {
            let mut f = ordinary();
            for &(i, v) in extra {
                f[i] = v;
            }
            let below = if col == ix::OPEN_DAYS_AT_LARGE_IN { at + 0.5 } else { at - 0.01 };
            f[col] = below;
            assert!(apply(&c, &f).1.is_empty(), "{code} must not fire at {below}");
            f[col] = at;
            let (score, fired) = apply(&c, &f);
            assert_eq!(fired.len(), 1, "{code} fires at {at}");
            assert_eq!(fired[0].code, format!("rule.{code}"));
            assert!(score > 0.0 && !fired[0].message_zh.is_empty() && !fired[0].message_en.is_empty());
        }
    }
}
