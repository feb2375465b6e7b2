//! Learning from the store's own confirmed cases. An anti-fraud centre knows some of its region's
//! mule accounts (confirmed by victims' reports and investigation: the store's `mule` labels) and
//! wants the rest. The shipped model learned other regions; here trees learn, on top of its
//! verdict, what the confirmed accounts of *this* store share and its look-alikes (wholesalers,
//! wallets, crews) do not.
//!
//! It is positive-unlabelled learning: the confirmed accounts against all the others, which hold
//! the unconfirmed mules too. Each account is scored by trees fitted on the other folds only, so
//! no account's score ever rests on its own label. With `c` the mean out-of-fold score of the
//! confirmed accounts (the share of mules that get confirmed, if confirmation picks mules
//! regardless of how they look; Elkan and Noto, 2008), an account's probability of being a mule is
//! its score divided by `c`.

use crate::catalog::FEATURE_COUNT;
use crate::context::Features;
use crate::model::{out_of_fold, spread, TrainParams};
use crate::odds::{inside, logit};
use fanzha_model::Ts;
use serde::Serialize;

/// When and how the store's confirmed cases are learned from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CasesConfig {
    /// Least confirmed mule accounts among those scored; with fewer, nothing is learned.
    pub min_cases: usize,
    /// The trees (and the folds each account is held out by).
    pub params: TrainParams,
    /// About the most rows the trees learn from: every confirmed account, and one in `step` of
    /// the others (by a hash of the row), `step` the smallest that brings the sample to about this
    /// many. Rows left out of the sample are scored by every fold's trees, none of which saw them,
    /// and every score's odds are divided by `step`.
    pub max_rows: usize,
    /// Least share of the shipped verdict's flags that the learned verdict must clear for it to be
    /// used; 0: it is always used. Where the cases mostly agree with the shipped model, its few
    /// changes are as likely the labels' own mistakes copied (bench/out/generalize-decisions.md,
    /// after decision 28).
    pub min_cleared: f64,
    /// For a run as of a past moment (a backtest's): only the accounts traced by this time
    /// ([`crate::labels::mule_accounts_traced_by`]) count as confirmed, the run's moment less the
    /// time a centre takes to confirm; `None`: every label in the store counts (the labels
    /// confirmed so far).
    pub confirmed_by: Option<Ts>,
}

/// [`CasesConfig::min_cleared`] of `--learn-cases auto`: 7 % of the shipped flags, midway between
/// the largest share where the learned verdict cost (4.5 %, W28 V2) and the smallest where it helped
/// (8.9 %, W26 V2) on the development worlds (bench/out/generalize-decisions.md, decision 29).
pub const AUTO_MIN_CLEARED: f64 = 0.07;

impl Default for CasesConfig {
    fn default() -> CasesConfig {
        CasesConfig {
            min_cases: 30,
            params: TrainParams { iterations: 150, ..TrainParams::default() },
            max_rows: 200_000,
            min_cleared: 0.0,
            confirmed_by: None,
        }
    }
}

impl CasesConfig {
    /// The default run's setting (`--learn-cases auto`): the learned verdict is used where it clears
    /// [`AUTO_MIN_CLEARED`] of the shipped flags or more.
    pub fn auto() -> CasesConfig {
        CasesConfig { min_cleared: AUTO_MIN_CLEARED, ..CasesConfig::default() }
    }
}

/// What learning from the cases gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    /// Each row's out-of-fold score: from the trees that did not see its label (`None` where its
    /// fold could not be fitted).
    pub scores: Vec<Option<f64>>,
    /// The confirmed accounts' mean out-of-fold score (`c` above).
    pub confirmed_share: f64,
    /// Confirmed accounts learned from.
    pub cases: usize,
}

impl Learned {
    /// Row `i`'s probability of being a mule: its score over the confirmed share, at most 1
    /// (`None` when it has no score).
    pub fn probability(&self, i: usize) -> Option<f64> {
        self.scores[i].map(|s| (s / self.confirmed_share).min(1.0))
    }
}

/// What became of learning from the store's cases, for the user to see.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Learned from this many confirmed accounts; `confirmed_share` is `c` above.
    Learned {
        /// Confirmed accounts learned from.
        cases: usize,
        /// Their mean out-of-fold score.
        confirmed_share: f64,
        /// Share of the shipped verdict's flags that the learned verdict clears.
        cleared_share: f64,
    },
    /// Learned, but the learned verdict clears too few of the shipped flags to be used
    /// ([`CasesConfig::min_cleared`]): the shipped model alone scores.
    Declined {
        /// Confirmed accounts learned from.
        cases: usize,
        /// Share of the shipped verdict's flags that the learned verdict would clear.
        cleared_share: f64,
        /// Least share needed.
        needed: f64,
    },
    /// Too few confirmed accounts among those scored, or nothing else: the shipped model alone scores.
    TooFew {
        /// Confirmed accounts among those scored.
        cases: usize,
        /// Least needed ([`CasesConfig::min_cases`]).
        needed: usize,
    },
    /// The trees could not learn: the shipped model alone scores.
    Failed {
        /// Why.
        reason: String,
    },
}

impl Outcome {
    /// One line for the user.
    pub fn message_en(&self) -> String {
        match self {
            Outcome::Learned { cases, confirmed_share, cleared_share } => format!(
                "learned from the store's {cases} confirmed mule accounts (their mean out-of-fold score {confirmed_share:.2}); it clears {:.1} % of the shipped model's flags",
                cleared_share * 100.0
            ),
            Outcome::Declined { cases, cleared_share, needed } => format!(
                "learned from the store's {cases} confirmed mule accounts, but that clears only {:.1} % of the shipped model's flags ({:.0} % needed): the shipped model alone scores",
                cleared_share * 100.0,
                needed * 100.0
            ),
            Outcome::TooFew { cases, needed } => format!(
                "the store has {cases} confirmed mule accounts among those scored, {needed} are needed to learn from them: the shipped model alone scores"
            ),
            Outcome::Failed { reason } => {
                format!("learning from the store's confirmed cases failed ({reason}): the shipped model alone scores")
            }
        }
    }
}

impl Learned {
    /// Whether the learned verdict, clearing `cleared_share` of the shipped verdict's flags, is
    /// used under `cfg`, and what the user is told of it.
    pub fn judged(&self, cleared_share: f64, cfg: &CasesConfig) -> (bool, Outcome) {
        if cleared_share >= cfg.min_cleared {
            let o = Outcome::Learned { cases: self.cases, confirmed_share: self.confirmed_share, cleared_share };
            (true, o)
        } else {
            (false, Outcome::Declined { cases: self.cases, cleared_share, needed: cfg.min_cleared })
        }
    }
}

/// Learns from `cases` (aligned with `rows` and `prior`, the shipped model's probabilities), or
/// says why nothing was learned: fewer than [`CasesConfig::min_cases`] cases, nothing else to tell
/// them from, or trees that could not be fitted.
pub fn learn(rows: &[Features], prior: &[f64], cases: &[bool], cfg: &CasesConfig) -> Result<Learned, Outcome> {
    debug_assert!(rows.len() == prior.len() && rows.len() == cases.len(), "aligned rows, priors and cases");
    let n = cases.iter().filter(|&&c| c).count();
    if n < cfg.min_cases {
        return Err(Outcome::TooFew { cases: n, needed: cfg.min_cases });
    }
    let nothing_else = || Outcome::Failed { reason: "nothing to tell the confirmed accounts from".into() };
    if n == cases.len() {
        return Err(nothing_else());
    }
    // The shipped model's verdict is one more column: the trees learn where it goes wrong here.
    let wide: Vec<Vec<f64>> =
        rows.iter().zip(prior).map(|(r, &p)| r.iter().copied().chain([logit(inside(p))]).collect()).collect();
    // Every case, and about one in `step` of the others (by a hash of the row, so not in the
    // order the accounts were ingested).
    let step = (cases.len() - n).div_ceil(cfg.max_rows.saturating_sub(n).max(1)).max(1);
    let learned_from: Vec<(usize, bool)> = cases
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c || (spread(i) >> 8).is_multiple_of(step as u64))
        .map(|(i, &c)| (i, c))
        .collect();
    let (bag, held) = out_of_fold(&wide, &learned_from, |k| learned_from[k].0, FEATURE_COUNT + 1, &cfg.params)
        .map_err(|e| Outcome::Failed { reason: e.to_string() })?;
    // A learned-from row whose fold could not be fitted stays unscored: every fitted tree saw it.
    let mut scores: Vec<Option<f64>> = vec![None; rows.len()];
    let mut sampled = vec![false; rows.len()];
    for (&(i, _), s) in learned_from.iter().zip(held) {
        scores[i] = s;
        sampled[i] = true;
    }
    let unseen: Vec<usize> = (0..rows.len()).filter(|&i| !sampled[i]).collect();
    let by_all = bag.probabilities(&unseen.iter().map(|&i| &wide[i]).collect::<Vec<_>>());
    for (i, s) in unseen.into_iter().zip(by_all) {
        scores[i] = Some(s);
    }
    // The trees saw one in `step` of the others: their odds are `step` times too high.
    let step = step as f64;
    let scores: Vec<Option<f64>> = scores.into_iter().map(|s| s.map(|g| g / (g + step * (1.0 - g)))).collect();
    let confirmed: Vec<f64> = scores.iter().zip(cases).filter_map(|(s, &c)| s.filter(|_| c)).collect();
    let share = confirmed.iter().sum::<f64>() / confirmed.len() as f64;
    if share.is_nan() || share <= 0.0 {
        return Err(nothing_else());
    }
    Ok(Learned { scores, confirmed_share: share, cases: n })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// 3,000 accounts: 200 mules (column 0 high, column 1 low), 200 look-alikes (column 0 high
    /// too, but column 1 high) and ordinary ones. The shipped model, standing in as `prior`, takes
    /// mules and look-alikes alike; the store has confirmed every other mule.
    fn store() -> (Vec<Features>, Vec<f64>, Vec<bool>, Vec<u8>) {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let kinds: Vec<u8> = (0..3_000).map(|i| [1, 2].get(i % 15).copied().unwrap_or(0)).collect();
        let mut rows = vec![[f64::NAN; FEATURE_COUNT]; kinds.len()];
        let mut prior = Vec::new();
        for (row, &k) in rows.iter_mut().zip(&kinds) {
            row[0] = if k == 0 { 0.0 } else { 1.0 } + rng.random_range(0.0..0.5);
            row[1] = if k == 2 { 1.0 } else { 0.0 } + rng.random_range(0.0..0.5);
            prior.push(if k == 0 { 0.05 } else { 0.8 });
        }
        let mut n = 0;
        let cases = kinds
            .iter()
            .map(|&k| {
                k == 1 && {
                    n += 1;
                    n % 2 == 0
                }
            })
            .collect();
        (rows, prior, cases, kinds)
    }

    fn quick() -> CasesConfig {
        CasesConfig {
            params: TrainParams { iterations: 40, max_depth: 3, ..TrainParams::default() },
            ..CasesConfig::default()
        }
    }

    #[test]
    fn the_confirmed_cases_find_the_unconfirmed_mules_and_spare_the_look_alikes() {
        let (rows, prior, cases, kinds) = store();
        let l = learn(&rows, &prior, &cases, &quick()).expect("enough cases");
        assert_eq!(l.cases, 100);
        assert!((0.3..0.7).contains(&l.confirmed_share), "half the mules are confirmed: {}", l.confirmed_share);
        let share_over_half = |want: &dyn Fn(usize) -> bool| {
            let of: Vec<f64> = (0..rows.len()).filter(|&i| want(i)).filter_map(|i| l.probability(i)).collect();
            of.iter().filter(|&&q| q >= 0.5).count() as f64 / of.len() as f64
        };
        assert!(share_over_half(&|i| kinds[i] == 1 && !cases[i]) > 0.9, "unconfirmed mules");
        assert!(share_over_half(&|i| kinds[i] == 2) < 0.05, "look-alikes");
        assert!(share_over_half(&|i| kinds[i] == 0) < 0.01, "ordinary accounts");
    }

    #[test]
    fn no_account_is_scored_by_trees_that_saw_its_own_label() {
        // An account's score (before division by the confirmed share) is the same whether or not
        // it is confirmed: only the trees of the other folds score it.
        let (rows, prior, mut cases, kinds) = store();
        let before = learn(&rows, &prior, &cases, &quick()).unwrap();
        let mule = (0..rows.len()).find(|&i| kinds[i] == 1 && cases[i]).unwrap();
        cases[mule] = false;
        let after = learn(&rows, &prior, &cases, &quick()).unwrap();
        assert_eq!(before.scores[mule], after.scores[mule]);
        assert_ne!(before.confirmed_share, after.confirmed_share, "the others' trees did change");
    }

    #[test]
    fn a_large_store_learns_from_a_sample_and_still_finds_the_mules() {
        let (rows, prior, cases, kinds) = store();
        let cfg = CasesConfig { max_rows: 1_000, ..quick() };
        let l = learn(&rows, &prior, &cases, &cfg).expect("enough cases");
        let found = (0..rows.len())
            .filter(|&i| kinds[i] == 1 && !cases[i] && l.probability(i).is_some_and(|q| q >= 0.5))
            .count();
        assert!(found >= 80, "unconfirmed mules found: {found} of 100");
        let wrong = (0..rows.len()).filter(|&i| kinds[i] != 1 && l.probability(i).is_some_and(|q| q >= 0.5)).count();
        assert!(wrong <= 10, "others flagged: {wrong}");
    }

    #[test]
    fn auto_uses_the_learned_verdict_only_where_it_clears_enough_of_the_shipped_flags() {
        let l = Learned { scores: vec![Some(0.5)], confirmed_share: 0.5, cases: 100 };
        assert!(l.judged(0.0, &CasesConfig::default()).0, "always: even when it clears nothing");
        let auto = CasesConfig::auto();
        let (used, told) = l.judged(0.04, &auto);
        assert!(!used);
        assert_eq!(told, Outcome::Declined { cases: 100, cleared_share: 0.04, needed: AUTO_MIN_CLEARED });
        assert!(told.message_en().contains("4.0 %"), "{}", told.message_en());
        assert!(!l.judged(AUTO_MIN_CLEARED - 1e-9, &auto).0, "just under the cut");
        let (used, told) = l.judged(AUTO_MIN_CLEARED, &auto);
        assert!(used, "at the cut");
        assert!(
            matches!(told, Outcome::Learned { cases: 100, cleared_share, .. } if cleared_share == AUTO_MIN_CLEARED)
        );
    }

    #[test]
    fn too_few_cases_learn_nothing() {
        let (rows, prior, cases, _) = store();
        let few: Vec<bool> = cases
            .iter()
            .scan(0, |n, &c| {
                Some(
                    c && {
                        *n += 1;
                        *n <= 29
                    },
                )
            })
            .collect();
        assert_eq!(learn(&rows, &prior, &few, &quick()).unwrap_err(), Outcome::TooFew { cases: 29, needed: 30 });
        let none = vec![false; rows.len()];
        assert_eq!(learn(&rows, &prior, &none, &quick()).unwrap_err(), Outcome::TooFew { cases: 0, needed: 30 });
    }
}
