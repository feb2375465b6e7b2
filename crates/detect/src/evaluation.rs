//! Detection measured against ground truth, for `fanzha detect eval`, `fanzha detect train` and
//! any library user: which accounts a model trains on and with which labels, and the precision,
//! recall and PR-AUC of the mule detector (model, rules, combined) and of the card-farming
//! detector.

use crate::farming::FarmerScore;
use crate::labels;
use crate::metrics::{quality, Quality};
use crate::mules::{self, MuleConfig, MuleScore};
use crate::{FeatureEngine, MuleModel};
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, Ledger, Ts};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The accounts scored together, with each one's label if it has one: every active account, then
/// the labelled ones not among them. Labels are `file`'s (from [`labels::account_labels`]), or
/// else the store's for every active account.
pub fn scope(
    ledger: &Ledger,
    engine: &FeatureEngine,
    file: Option<&[(AccountIx, bool)]>,
) -> (Vec<AccountIx>, Vec<Option<bool>>) {
    let mut accounts = mules::active_accounts(ledger, engine);
    let Some(file) = file else {
        let mules = labels::mule_accounts(ledger);
        let labels = accounts.iter().map(|a| Some(mules.contains(a))).collect();
        return (accounts, labels);
    };
    let mut position: FxHashMap<AccountIx, usize> = accounts.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut labels = vec![None; accounts.len()];
    for &(a, l) in file {
        let i = *position.entry(a).or_insert_with(|| {
            accounts.push(a);
            labels.push(None);
            accounts.len() - 1
        });
        labels[i] = Some(l);
    }
    (accounts, labels)
}

/// The mule detector's quality: the combined verdict, and the model and the rules alone.
#[derive(Debug, Clone, Serialize)]
pub struct MuleQuality {
    /// The combined score and flag (what `fanzha detect mules` reports).
    pub combined: Quality,
    /// The model alone, at its threshold (with the store's cases learned from, the model taken
    /// together with them: [`crate::mules::MuleScore::model`]).
    pub model: Quality,
    /// The rules alone, at [`MuleConfig::rule_flag`].
    pub rules: Quality,
    /// What became of learning from the store's confirmed cases, when asked.
    pub cases: Option<crate::cases::Outcome>,
}

/// Scores the store as `fanzha detect mules` does (up to `until`) and measures it against `file`'s
/// labels (those accounts are scored too), or else the store's labels for every scored account;
/// with the run's card-farming verdicts (for [`farmer_quality`]).
pub fn mule_quality(
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    model: &MuleModel,
    cfg: &MuleConfig,
    file: Option<&[(AccountIx, bool)]>,
) -> (MuleQuality, Vec<FarmerScore>) {
    let file_labels: Option<FxHashMap<AccountIx, bool>> = file.map(|f| f.iter().copied().collect());
    let mut labelled: Vec<AccountIx> = file_labels.iter().flat_map(|m| m.keys().copied()).collect();
    labelled.sort_unstable();
    let store_mules = labels::mule_accounts(ledger);
    let label = |a: &AccountIx| match &file_labels {
        Some(m) => m.get(a).copied(),
        None => Some(store_mules.contains(a)),
    };
    let mut scored = mules::score_store(ledger, graph, until, model, cfg, false, &labelled);
    let farmers = std::mem::take(&mut scored.farmers);
    let (scores, y): (Vec<MuleScore>, Vec<bool>) =
        scored.scores.into_iter().filter_map(|s| label(&s.account).map(|l| (s, l))).unzip();
    let measure = |score: fn(&MuleScore) -> f64, flag: &dyn Fn(&MuleScore) -> bool| {
        quality(&scores.iter().map(score).collect::<Vec<_>>(), &scores.iter().map(flag).collect::<Vec<_>>(), &y)
    };
    let quality = MuleQuality {
        combined: measure(|s| s.score, &|s| s.flagged),
        model: measure(|s| s.model, &|s| s.model >= model.threshold),
        rules: measure(|s| s.rules, &|s| s.rules >= cfg.rule_flag),
        cases: scored.cases,
    };
    (quality, farmers)
}

/// The card-farming verdicts `all` (of a mule run: [`mule_quality`]) against the store's
/// `card_farmer` labels, when it has any. Labelled farmers with fewer than two accounts were never
/// scored: they count as missed.
pub fn farmer_quality(ledger: &Ledger, all: &[FarmerScore]) -> Option<Quality> {
    let truth = labels::farmer_holders(ledger);
    if truth.is_empty() {
        return None;
    }
    let mut y: Vec<bool> = all.iter().map(|f| truth.contains(&f.holder)).collect();
    let mut scores: Vec<f64> = all.iter().map(|f| f.score).collect();
    let mut flags: Vec<bool> = all.iter().map(|f| f.flagged).collect();
    let missed = truth.len() - y.iter().filter(|&&l| l).count();
    y.extend(std::iter::repeat_n(true, missed));
    scores.extend(std::iter::repeat_n(0.0, missed));
    flags.extend(std::iter::repeat_n(false, missed));
    Some(quality(&scores, &flags, &y))
}
