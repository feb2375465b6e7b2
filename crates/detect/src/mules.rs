//! Mule-account scoring: every active account's features through the rules and the model, with
//! the reasons for each flag (rules that fired and the features that pushed the model most).

use crate::association::{Links, Side};
use crate::catalog::{show, FEATURES, FEATURE_COUNT, OWN_COUNT};
use crate::context::{self, ContextConfig, Features};
use crate::engine::{FeatureConfig, FeatureEngine, OwnFeatures};
use crate::model::MuleModel;
use crate::odds::{inside, logit, sigmoid};
use crate::rules::{self, Reason, RuleConfig};
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, Ledger, Ts};

/// How the rules and the model are combined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MuleConfig {
    /// Rule thresholds.
    pub rules: RuleConfig,
    /// A rule score at or above this flags an account even when the model does not.
    pub rule_flag: f64,
    /// Model reasons given per flagged account.
    pub model_reasons: usize,
}

impl Default for MuleConfig {
    fn default() -> MuleConfig {
        MuleConfig { rules: RuleConfig::default(), rule_flag: 0.6, model_reasons: 3 }
    }
}

/// One account's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct MuleScore {
    /// The account.
    pub account: AccountIx,
    /// Combined score in [0, 1], at or above 0.5 exactly when flagged: the model's probability and
    /// the rule score, each shifted in log-odds so that its own cut sits at 0.5 (see [`on_cut`]),
    /// whichever is higher. Accounts rank by it the way they are flagged.
    pub score: f64,
    /// The model's probability.
    pub model: f64,
    /// The rules' combined score.
    pub rules: f64,
    /// Flagged by the model's threshold or by the rules.
    pub flagged: bool,
    /// Why, most important first (filled for flagged accounts, or all when asked).
    pub reasons: Vec<Reason>,
}

/// The accounts worth scoring: internal accounts that took part in at least one transfer.
pub fn active_accounts(ledger: &Ledger, engine: &FeatureEngine) -> Vec<AccountIx> {
    (0..ledger.accounts().len() as u32)
        .map(AccountIx)
        .filter(|&a| !ledger.account(a).external && engine.is_active(a))
        .collect()
}

/// Scores every active account of `ledger` from the transfers of `graph` up to `until` (all when
/// `None`): replay into the feature engine, context rows and links, then [`score`], with default
/// features.
pub fn score_all(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
) -> Vec<MuleScore> {
    let engine = FeatureEngine::replay(ledger, graph, FeatureConfig::default(), until);
    let accounts = active_accounts(ledger, &engine);
    let mut rows = context::rows(&engine, ledger, graph, until, &accounts, &ContextConfig::default());
    let links = Links::new(graph, until, &accounts);
    score(ledger, &accounts, &mut rows, &links, model, cfg, explain_all)
}

/// Scores `accounts` from their rows (see [`crate::context::rows`]) and the links among them (the
/// model fills the rows' association columns); reasons are filled for flagged accounts, or for all
/// when `explain_all`. A reason about the company an account keeps names its most suspect payer or
/// payee (account numbers from `ledger`).
pub fn score(
    ledger: &Ledger,
    accounts: &[AccountIx],
    rows: &mut [Features],
    links: &Links,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
) -> Vec<MuleScore> {
    let (first, probs) = model.stages(rows, links);
    let company = Company { ledger, accounts, links, first: &first };
    accounts
        .iter()
        .enumerate()
        .zip(rows.iter().zip(probs))
        .map(|((i, &account), (f, p))| {
            let own: &OwnFeatures = f[..OWN_COUNT].try_into().expect("rows start with the own features");
            let (r, fired) = rules::apply(&cfg.rules, own);
            let flagged = p >= model.threshold || r >= cfg.rule_flag;
            let mut reasons = Vec::new();
            if flagged || explain_all {
                reasons = fired;
                reasons.extend(model_reasons(model, f, cfg.model_reasons, |column| company.suspect(i, column)));
                if flagged && reasons.is_empty() {
                    reasons.push(score_reason(p, model.threshold));
                }
            }
            let score = on_cut(p, model.threshold).max(on_cut(r, cfg.rule_flag));
            MuleScore { account, score, model: p, rules: r, flagged, reasons }
        })
        .collect()
}

/// `x` in [0, 1] shifted in log-odds so that `cut` lands on 0.5: `σ(logit x − logit cut)`. Order is
/// kept, 0 and 1 stay put, and the result is ≥ 0.5 exactly when `x ≥ cut`, also at the edges
/// (a cut of 0 or 1, rounding next to the cut).
pub fn on_cut(x: f64, cut: f64) -> f64 {
    const BELOW_HALF: f64 = 0.5 - f64::EPSILON / 4.0;
    let shifted = if x <= 0.0 || x >= 1.0 { x.clamp(0.0, 1.0) } else { sigmoid(logit(x) - logit(inside(cut))) };
    if x >= cut {
        shifted.max(0.5)
    } else {
        shifted.min(BELOW_HALF)
    }
}

/// What scoring knows about the company each account keeps.
struct Company<'a> {
    ledger: &'a Ledger,
    accounts: &'a [AccountIx],
    links: &'a Links,
    first: &'a [f64],
}

impl Company<'_> {
    /// For an association column of the account at `i`: the most suspect counterparty on the side
    /// the column looks at, as (side, account number, first-stage score, transfers).
    fn suspect(&self, i: usize, column: usize) -> Option<(Side, &str, f64, u32)> {
        let side = Side::of_column(column)?;
        let s = self.links.most_suspect(i, side, self.first)?;
        Some((side, self.ledger.account_id(self.accounts[s.position]), s.score, s.transfers))
    }
}

/// The features with a value that raised the model's score most, as sentences with their values;
/// `suspect` names the counterparty behind an association column.
fn model_reasons<'a>(
    model: &MuleModel,
    f: &Features,
    n: usize,
    suspect: impl Fn(usize) -> Option<(Side, &'a str, f64, u32)>,
) -> Vec<Reason> {
    let contributions = model.contributions(f);
    // A missing value ("has no payees") moves the model but is no fact to check: left out. Small
    // contributions are left out too, unless nothing larger raised the score.
    let mut order: Vec<usize> =
        (0..FEATURE_COUNT).filter(|&i| contributions[i] >= MIN_SHOWN_CONTRIBUTION && !f[i].is_nan()).collect();
    order.sort_by(|&a, &b| contributions[b].total_cmp(&contributions[a]));
    let large = order.iter().take_while(|&&i| contributions[i] > MIN_CONTRIBUTION).count();
    order
        .into_iter()
        .take(n.min(large.max(1)))
        .map(|i| {
            let info = &FEATURES[i];
            let mut message_zh = format!("{}为{}(模型贡献 +{:.2})", info.zh, show(info, f[i], true), contributions[i]);
            let mut message_en = format!(
                "{} is {} (adds {:.2} to the model's log-odds)",
                info.en,
                show(info, f[i], false),
                contributions[i]
            );
            let who = suspect(i);
            if let Some((side, account, score, transfers)) = who {
                let pct = score * 100.0;
                let (zh, en) = match side {
                    Side::Payers => ("转入方", "payer"),
                    Side::Payees => ("收款方", "payee"),
                };
                message_zh.push_str(&format!(";最可疑的{zh}为{account}(初评分{pct:.0}%,{transfers}笔)"));
                message_en.push_str(&format!(
                    "; most suspect {en}: {account} (first-stage score {pct:.0}%, {transfers} transfers)"
                ));
            }
            Reason {
                code: format!("model.{}", info.name),
                message_zh,
                message_en,
                weight: contributions[i],
                counterparty: who.map(|w| w.1.to_string()),
            }
        })
        .collect()
}

/// The smallest contribution to the log-odds worth a reason of its own.
const MIN_CONTRIBUTION: f64 = 0.05;
/// The smallest contribution shown at all (as the one reason when none reaches [`MIN_CONTRIBUTION`]):
/// it prints as at least "+0.01".
const MIN_SHOWN_CONTRIBUTION: f64 = 0.005;

/// The reason of last resort for an account the model flags with no feature value that raised its
/// score (its score comes from the model's base rate and missing values): the score and the cut.
fn score_reason(p: f64, threshold: f64) -> Reason {
    let (pct, cut) = (p * 100.0, threshold * 100.0);
    Reason {
        code: "model.score".into(),
        message_zh: format!("模型评分{pct:.0}%,不低于阈值{cut:.0}%(没有单项特征明显抬高评分)"),
        message_en: format!(
            "model score {pct:.0}% is at or above the threshold {cut:.0}% (no single feature stands out)"
        ),
        weight: 0.0,
        counterparty: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{ledger, population, trained_on_population};

    /// [`population`]`(2)` scored by a model trained on [`population`]`(1)` (account `k` is `A{k}`),
    /// with each account's kind.
    fn scored_population() -> (Vec<MuleScore>, Vec<u8>) {
        scored_population_at(None)
    }

    /// As [`scored_population`], with the model's threshold set to `threshold` when given.
    fn scored_population_at(threshold: Option<f64>) -> (Vec<MuleScore>, Vec<u8>) {
        let mut model = trained_on_population(1);
        model.threshold = threshold.unwrap_or(model.threshold);
        let (mut rows, links, kinds) = population(2);
        let l = ledger(kinds.len(), &[]);
        let accounts: Vec<AccountIx> = (0..kinds.len() as u32).map(AccountIx).collect();
        (score(&l, &accounts, &mut rows, &links, &model, &MuleConfig::default(), false), kinds)
    }

    #[test]
    fn every_flagged_account_says_why() {
        // A cut of 0 flags every account, also the plainly normal ones, whose features all lower
        // the score: each still gets a reason.
        let (scores, kinds) = scored_population_at(Some(0.0));
        assert!(scores.iter().all(|s| s.flagged));
        for (s, k) in scores.iter().zip(&kinds) {
            assert!(!s.reasons.is_empty(), "kind {k}: {s:?}");
        }
        assert!(scores.iter().any(|s| s.reasons.iter().any(|r| r.code == "model.score")), "the last resort is reached");
    }

    #[test]
    fn the_combined_score_is_at_least_a_half_exactly_when_flagged() {
        assert!(on_cut(0.0, 0.0) >= 0.5 && on_cut(1.0, 1.5) < 0.5, "cuts at and past the ends");
        for cut in [0.05, 0.3, 0.5, 0.6, 0.97] {
            assert_eq!(on_cut(cut, cut), 0.5);
            assert!(on_cut(cut - 1e-12, cut) < 0.5);
            assert_eq!((on_cut(0.0, cut), on_cut(1.0, cut)), (0.0, 1.0));
            let xs: Vec<f64> = (0..=100).map(|i| f64::from(i) / 100.0).collect();
            for w in xs.windows(2) {
                assert!(on_cut(w[0], cut) < on_cut(w[1], cut), "order kept at {cut}");
                assert_eq!(w[1] >= cut, on_cut(w[1], cut) >= 0.5, "{} at {cut}", w[1]);
            }
        }
        let (scores, _) = scored_population();
        assert!(scores.iter().any(|s| s.flagged) && scores.iter().any(|s| !s.flagged));
        assert!(scores.iter().all(|s| s.flagged == (s.score >= 0.5)));
    }

    #[test]
    fn reasons_about_the_company_name_the_most_suspect_counterparty() {
        let (scores, kinds) = scored_population();
        let quiet = scores.iter().zip(&kinds).filter(|(s, &k)| k == 2 && s.flagged).map(|x| x.0);
        let mut named = 0;
        for s in quiet {
            let r = s.reasons.iter().find(|r| r.counterparty.is_some()).expect("a reason names a payer");
            let who = r.counterparty.as_deref().unwrap();
            let k: usize = who.trim_start_matches('A').parse().unwrap();
            assert_eq!(kinds[k], 1, "the named payer is one of the standing-out accounts");
            assert!(r.message_zh.contains(&format!("最可疑的转入方为{who}")), "{}", r.message_zh);
            assert!(r.message_en.contains(&format!("most suspect payer: {who}")), "{}", r.message_en);
            named += 1;
        }
        assert!(named >= 90, "quiet mules flagged with a named payer: {named}");
        let missing = scores.iter().flat_map(|s| &s.reasons).filter(|r| r.message_en.contains(" is n/a ")).count();
        assert_eq!(missing, 0, "reasons state facts, not missing values");
    }
}
