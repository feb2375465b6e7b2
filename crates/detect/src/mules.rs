//! Mule-account scoring: every active account's features through the rules and the model, with
//! the reasons for each flag (rules that fired and the features that pushed the model most).

use crate::association::Links;
use crate::catalog::{show, FEATURES, FEATURE_COUNT, OWN_COUNT};
use crate::context::{self, ContextConfig, Features};
use crate::engine::{FeatureConfig, FeatureEngine, OwnFeatures};
use crate::model::MuleModel;
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
    /// Combined score in [0, 1]: the larger of the model's probability and the rule score.
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
    score(&accounts, &mut rows, &links, model, cfg, explain_all)
}

/// Scores `accounts` from their rows (see [`crate::context::rows`]) and the links among them (the
/// model fills the rows' association columns); reasons are filled for flagged accounts, or for all
/// when `explain_all`.
pub fn score(
    accounts: &[AccountIx],
    rows: &mut [Features],
    links: &Links,
    model: &MuleModel,
    cfg: &MuleConfig,
    explain_all: bool,
) -> Vec<MuleScore> {
    let probs = model.probabilities(rows, links);
    accounts
        .iter()
        .zip(rows.iter().zip(probs))
        .map(|(&account, (f, p))| {
            let own: &OwnFeatures = f[..OWN_COUNT].try_into().expect("rows start with the own features");
            let (r, fired) = rules::apply(&cfg.rules, own);
            let flagged = p >= model.threshold || r >= cfg.rule_flag;
            let mut reasons = Vec::new();
            if flagged || explain_all {
                reasons = fired;
                reasons.extend(model_reasons(model, f, cfg.model_reasons));
            }
            MuleScore { account, score: p.max(r), model: p, rules: r, flagged, reasons }
        })
        .collect()
}

/// The features that raised the model's score most, as sentences with their values.
fn model_reasons(model: &MuleModel, f: &Features, n: usize) -> Vec<Reason> {
    let contributions = model.contributions(f);
    let mut order: Vec<usize> = (0..FEATURE_COUNT).filter(|&i| contributions[i] > 0.05).collect();
    order.sort_by(|&a, &b| contributions[b].total_cmp(&contributions[a]));
    order
        .into_iter()
        .take(n)
        .map(|i| {
            let info = &FEATURES[i];
            Reason {
                code: format!("model.{}", info.name),
                message_zh: format!("{}为{}(模型贡献 +{:.2})", info.zh, show(info, f[i], true), contributions[i]),
                message_en: format!(
                    "{} is {} (adds {:.2} to the model's log-odds)",
                    info.en,
                    show(info, f[i], false),
                    contributions[i]
                ),
                weight: contributions[i],
            }
        })
        .collect()
}
