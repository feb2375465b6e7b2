//! The mule model: gradient-boosted trees (forust-ml) over the account features, in two stages. The
//! first stage scores every account from its own rows; the second reads the same rows plus the
//! association columns made from the first-stage scores of its counterparties (see
//! [`crate::association`]). Each stage is the bag of its per-fold fits; the decision threshold is
//! chosen on their out-of-fold scores; the model is stored in a versioned JSON file that names its
//! features. A third, *live* stage reads only the account's own columns, which the transfer check
//! keeps up to date with every transfer: it scores a payee between two batch runs.

use crate::association::{self, Links};
use crate::catalog::{ASSOCIATION_START, FEATURES, FEATURE_COUNT, OWN_COUNT};
use crate::context::Features;
use crate::engine::{live_view, OwnFeatures};
use crate::forest::Forest;
use crate::metrics::{near_best_f1_threshold, F1_SLACK};
use crate::odds::sigmoid;
use crate::snapshots::LiveRows;
use forust_ml::gradientbooster::{ContributionsMethod, GradientBooster};
use forust_ml::objective::ObjectiveType;
use forust_ml::Matrix;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What the `format` field of a model file says.
pub const MODEL_FORMAT: &str = "fanzha.mule-model";
/// The model file version this build writes and reads.
pub const MODEL_VERSION: u32 = 4;

/// The model that ships with fanzha, trained on generated scenarios (see docs/detection.md).
const SHIPPED: &str = include_str!("../model/default.json");

/// Why a model could not be trained, loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Reading or writing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a fanzha mule model this build understands.
    #[error("not a usable mule model: {0}")]
    Format(String),
    /// Training was asked for without both classes.
    #[error("training needs positive and negative accounts (got {positives} positive of {rows})")]
    OneClass {
        /// Positive rows.
        positives: usize,
        /// All rows.
        rows: usize,
    },
    /// The tree library refused.
    #[error("gradient boosting: {0}")]
    Booster(String),
}

/// Settings of training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainParams {
    /// Boosting rounds.
    pub iterations: usize,
    /// Learning rate.
    pub learning_rate: f32,
    /// Depth of each tree.
    pub max_depth: usize,
    /// Folds for the out-of-fold scores of the training accounts (the first stage's, for the
    /// association columns; the second stage's, to choose the threshold); the fold fits are the
    /// members of each stage's bag.
    pub folds: u64,
}

impl Default for TrainParams {
    fn default() -> TrainParams {
        TrainParams { iterations: 200, learning_rate: 0.08, max_depth: 5, folds: 5 }
    }
}

/// Where a model came from, kept in its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// Accounts trained on.
    pub rows: usize,
    /// Of which positive.
    pub positives: usize,
    /// Free text: the data and command it was trained with.
    pub source: String,
}

/// The part of a model file every version has, read first to give a clear error on old files.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    version: u32,
    features: Vec<String>,
    threshold: f64,
    provenance: Provenance,
    first_stage: Vec<serde_json::Value>,
    second_stage: Vec<serde_json::Value>,
    live_threshold: f64,
    live_stage: Vec<serde_json::Value>,
}

/// A trained mule model. Each stage is a bag of trees, one per training fold, whose log-odds are
/// averaged: steadier than one fit on all rows, and the fold fits are made anyway for the
/// out-of-fold scores.
pub struct MuleModel {
    /// Scores from the columns before the association columns.
    first: Bag,
    /// Scores from every column.
    second: Bag,
    /// Scores from the own columns alone (see [`MuleModel::live_probability`]).
    live: Bag,
    /// The live stage's trees, flat, for scoring one account per check.
    live_forest: Forest,
    /// Probability at or above which an account is flagged.
    pub threshold: f64,
    /// Live-stage probability at or above which an account is flagged between batch runs.
    pub live_threshold: f64,
    /// Where it came from.
    pub provenance: Provenance,
}

fn booster(p: &TrainParams) -> GradientBooster {
    GradientBooster::default()
        .set_objective_type(ObjectiveType::LogLoss)
        .set_iterations(p.iterations)
        .set_learning_rate(p.learning_rate)
        .set_max_depth(p.max_depth)
        .set_min_leaf_weight(1.0)
        .set_seed(7)
}

/// Column-major copy of the first `width` columns of `rows`, as forust expects.
fn columns<R: AsRef<[f64]>>(rows: &[&R], width: usize) -> Vec<f64> {
    let mut data = Vec::with_capacity(rows.len() * width);
    for c in 0..width {
        data.extend(rows.iter().map(|r| r.as_ref()[c]));
    }
    data
}

/// Trees over the first `width` columns of `rows`.
fn fit<R: AsRef<[f64]>>(
    rows: &[&R],
    labels: &[bool],
    width: usize,
    p: &TrainParams,
) -> Result<GradientBooster, ModelError> {
    let data = columns(rows, width);
    let matrix = Matrix::new(&data, rows.len(), width);
    let y: Vec<f64> = labels.iter().map(|&l| f64::from(u8::from(l))).collect();
    let weights = vec![1.0; y.len()];
    let mut b = booster(p);
    b.fit(&matrix, &y, &weights, None).map_err(|e| ModelError::Booster(e.to_string()))?;
    Ok(b)
}

/// Row `i` spread by a fixed multiplicative hash (32 bits), so that what is chosen by it does not
/// follow the input order.
pub(crate) fn spread(i: usize) -> u64 {
    (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32
}

/// Row `i`'s fold of `n`, by [`spread`].
fn bucket(i: usize, n: u64) -> u64 {
    spread(i) % n.max(2)
}

fn has_both(labels: &[bool]) -> bool {
    labels.iter().any(|&l| l) && !labels.iter().all(|&l| l)
}

/// The decision threshold from a stage's out-of-fold scores `held` of the `labelled` rows (aligned;
/// `None`: not scored) by [`near_best_f1_threshold`]; 0.5 with fewer than 5 positives scored.
fn held_out_threshold(labelled: &[(usize, bool)], held: Vec<Option<f64>>) -> f64 {
    let (scores, labels): (Vec<f64>, Vec<bool>) =
        labelled.iter().zip(held).filter_map(|(&(_, l), s)| s.map(|s| (s, l))).unzip();
    if labels.iter().filter(|&&l| l).count() < 5 {
        0.5
    } else {
        near_best_f1_threshold(&scores, &labels, F1_SLACK)
    }
}

/// Trees over the first `width` columns fitted once per fold on the other folds' labelled rows,
/// and their out-of-fold probabilities, one per labelled row (`None` where a fold could not be
/// fitted): each fold is scored by the trees that did not see it. The `k`-th labelled row is in
/// the fold of its group `group(k)` (rows of one account share a group, so that no account is on
/// both sides). With no fold fitted, the bag is one fit on all labelled rows.
pub(crate) fn out_of_fold<R: AsRef<[f64]>>(
    rows: &[R],
    labelled: &[(usize, bool)],
    group: impl Fn(usize) -> usize,
    width: usize,
    p: &TrainParams,
) -> Result<(Bag, Vec<Option<f64>>), ModelError> {
    let mut scores = vec![None; labelled.len()];
    let mut bag = Bag { width, members: Vec::new() };
    for fold in 0..p.folds.max(2) {
        let (mut fit_rows, mut fit_labels, mut out) = (vec![], vec![], vec![]);
        for (k, &(i, l)) in labelled.iter().enumerate() {
            if bucket(group(k), p.folds) == fold {
                out.push(k);
            } else {
                fit_rows.push(&rows[i]);
                fit_labels.push(l);
            }
        }
        if out.is_empty() || !has_both(&fit_labels) {
            continue;
        }
        let member = Bag { width, members: vec![fit(&fit_rows, &fit_labels, width, p)?] };
        let held: Vec<&R> = out.iter().map(|&k| &rows[labelled[k].0]).collect();
        for (k, s) in out.into_iter().zip(member.probabilities(&held)) {
            scores[k] = Some(s);
        }
        bag.members.extend(member.members);
    }
    if bag.members.is_empty() {
        // Too few positives for any fold to hold out: one fit on every labelled row.
        let (all, labels): (Vec<&R>, Vec<bool>) = labelled.iter().map(|&(i, l)| (&rows[i], l)).unzip();
        bag.members.push(fit(&all, &labels, width, p)?);
    }
    Ok((bag, scores))
}

impl MuleModel {
    /// Trains on the rows whose label is known (`Some(true)` = mule). `rows` and `links` cover
    /// every account the labelled ones deal with, labelled or not; their association columns are
    /// filled here. The first stage learns from the labelled rows; the second stage, from the
    /// same rows with association columns made of out-of-fold first-stage scores. Each stage keeps
    /// its fold fits as its bag. The threshold is chosen on the second stage's out-of-fold scores
    /// by [`near_best_f1_threshold`]. The live stage learns from `live`, the labelled accounts'
    /// own features at several moments (see [`crate::snapshots`]) as [`live_view`] shows them; its
    /// cut is chosen on its own out-of-fold scores, as the second stage's is.
    pub fn train(
        rows: &mut [Features],
        labels: &[Option<bool>],
        links: &Links,
        live: &LiveRows,
        params: &TrainParams,
        source: String,
    ) -> Result<MuleModel, ModelError> {
        let labelled: Vec<(usize, bool)> = labels.iter().enumerate().filter_map(|(i, l)| l.map(|l| (i, l))).collect();
        let positives = labelled.iter().filter(|r| r.1).count();
        if positives == 0 || positives == labelled.len() {
            return Err(ModelError::OneClass { positives, rows: labelled.len() });
        }
        // First-stage scores: out of fold for the labelled rows, so that the second stage learns
        // from scores like those it will see on new accounts; from the whole bag for the rest.
        let (first, held) = out_of_fold(rows, &labelled, |k| k, ASSOCIATION_START, params)?;
        let mut scores = first.probabilities(&rows.iter().collect::<Vec<_>>());
        for (&(i, _), s) in labelled.iter().zip(held) {
            if let Some(s) = s {
                scores[i] = s;
            }
        }
        association::fill(rows, links, &scores);

        // The threshold, from the second stage's out-of-fold scores.
        let (second, held) = out_of_fold(rows, &labelled, |k| k, FEATURE_COUNT, params)?;
        let threshold = held_out_threshold(&labelled, held);
        // The live stage and its cut, from its own out-of-fold scores.
        let live_labelled: Vec<(usize, bool)> = live.labels.iter().copied().enumerate().collect();
        if !has_both(&live.labels) {
            let positives = live.labels.iter().filter(|&&l| l).count();
            return Err(ModelError::OneClass { positives, rows: live.labels.len() });
        }
        let live_rows: Vec<OwnFeatures> = live.rows.iter().map(live_view).collect();
        let (live, held) = out_of_fold(&live_rows, &live_labelled, |k| live.groups[k], OWN_COUNT, params)?;
        let live_threshold = held_out_threshold(&live_labelled, held);
        let provenance = Provenance { rows: labelled.len(), positives, source };
        let live_forest = Forest::new(&live.members);
        Ok(MuleModel { first, second, live, live_forest, threshold, live_threshold, provenance })
    }

    /// The probability of being a mule, per row. `rows` and `links` cover the accounts together;
    /// the first stage scores every row and fills the association columns, the second gives the
    /// probabilities.
    pub fn probabilities(&self, rows: &mut [Features], links: &Links) -> Vec<f64> {
        self.stages(rows, links).1
    }

    /// Both stages' probabilities per row, `(first, second)`; the second is the model's answer
    /// (see [`MuleModel::probabilities`]).
    pub fn stages(&self, rows: &mut [Features], links: &Links) -> (Vec<f64>, Vec<f64>) {
        let first = self.first.probabilities(&rows.iter().collect::<Vec<_>>());
        association::fill(rows, links, &first);
        (first, self.second.probabilities(&rows.iter().collect::<Vec<_>>()))
    }

    /// The live stage's probability that the account with these own features is a mule.
    /// It reads them as [`live_view`] shows them.
    pub fn live_probability(&self, own: &OwnFeatures) -> f64 {
        // The members' mean log-odds, as `Bag::probabilities` takes it, from the flat copy.
        let sum = self.live_forest.scores(&live_view(own)).fold(0.0, |sum, x| sum + x);
        sigmoid(sum / self.live.members.len() as f64)
    }

    /// Each own feature's contribution (in log-odds) to the live stage's score: the path
    /// contributions (Saabas: the change of a node's weight along the row's path), cheap enough
    /// for a check, where exact Shapley values cost milliseconds.
    pub fn live_contributions(&self, own: &OwnFeatures) -> [f64; OWN_COUNT] {
        let mut out = [0.0; OWN_COUNT];
        let share = 1.0 / self.live.members.len() as f64;
        for c in self.live_forest.contributions(&live_view(own)) {
            out.iter_mut().zip(c).for_each(|(o, c)| *o += c * share);
        }
        out
    }

    /// Each feature's contribution (Shapley values, in log-odds) to the row's score; the row's
    /// association columns are those [`MuleModel::probabilities`] filled.
    pub fn contributions(&self, row: &Features) -> [f64; FEATURE_COUNT] {
        let data = columns(&[row], FEATURE_COUNT);
        let matrix = Matrix::new(&data, 1, FEATURE_COUNT);
        let mut out = [0.0; FEATURE_COUNT];
        let share = 1.0 / self.second.members.len() as f64;
        for b in &self.second.members {
            let c = b.predict_contributions(&matrix, ContributionsMethod::Shapley, false);
            out.iter_mut().zip(c).for_each(|(o, c)| *o += c * share);
        }
        out
    }

    /// The model file's text.
    pub fn to_json(&self) -> Result<String, ModelError> {
        let dump = |bag: &Bag| -> Result<Vec<serde_json::Value>, ModelError> {
            bag.members
                .iter()
                .map(|b| {
                    let text = b.json_dump().map_err(|e| ModelError::Booster(e.to_string()))?;
                    serde_json::from_str(&text).map_err(|e| ModelError::Format(e.to_string()))
                })
                .collect()
        };
        let file = ModelFile {
            format: MODEL_FORMAT.into(),
            version: MODEL_VERSION,
            features: FEATURES.iter().map(|f| f.name.to_string()).collect(),
            threshold: self.threshold,
            provenance: self.provenance.clone(),
            first_stage: dump(&self.first)?,
            second_stage: dump(&self.second)?,
            live_threshold: self.live_threshold,
            live_stage: dump(&self.live)?,
        };
        serde_json::to_string(&file).map_err(|e| ModelError::Format(e.to_string()))
    }

    /// Reads a model file's text, checking format, version and feature names.
    pub fn from_json(text: &str) -> Result<MuleModel, ModelError> {
        let file: Header = serde_json::from_str(text).map_err(|e| ModelError::Format(e.to_string()))?;
        if file.format != MODEL_FORMAT {
            return Err(ModelError::Format(format!("format is '{}', expected '{MODEL_FORMAT}'", file.format)));
        }
        if file.version != MODEL_VERSION {
            return Err(ModelError::Format(format!(
                "version {} (this build reads version {MODEL_VERSION}; retrain with `fanzha train`)",
                file.version
            )));
        }
        let file: ModelFile = serde_json::from_str(text).map_err(|e| ModelError::Format(e.to_string()))?;
        for (name, t) in [("threshold", file.threshold), ("live_threshold", file.live_threshold)] {
            if !(0.0..=1.0).contains(&t) {
                return Err(ModelError::Format(format!("{name} {t} is not a probability")));
            }
        }
        let expected: Vec<&str> = FEATURES.iter().map(|f| f.name.as_ref()).collect();
        if file.features != expected {
            return Err(ModelError::Format(
                "built for different features than this build computes; retrain with `fanzha train`".into(),
            ));
        }
        let bag = |stage: &[serde_json::Value], width: usize| -> Result<Bag, ModelError> {
            if stage.is_empty() {
                return Err(ModelError::Format("a stage without trees".into()));
            }
            let members: Vec<GradientBooster> = stage
                .iter()
                .map(|v| GradientBooster::from_json(&v.to_string()))
                .collect::<Result<_, _>>()
                .map_err(|e| ModelError::Format(format!("trees: {e}")))?;
            if members.iter().any(|b| !b.missing.is_nan()) {
                return Err(ModelError::Format("trees that read a missing value other than NaN".into()));
            }
            Ok(Bag { width, members })
        };
        let live = bag(&file.live_stage, OWN_COUNT)?;
        Ok(MuleModel {
            first: bag(&file.first_stage, ASSOCIATION_START)?,
            second: bag(&file.second_stage, FEATURE_COUNT)?,
            live_forest: Forest::new(&live.members),
            live,
            threshold: file.threshold,
            live_threshold: file.live_threshold,
            provenance: file.provenance,
        })
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<MuleModel, ModelError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ModelError::Io { path: path.display().to_string(), source })?;
        MuleModel::from_json(&text)
    }

    /// Writes the model file.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        std::fs::write(path, self.to_json()?)
            .map_err(|source| ModelError::Io { path: path.display().to_string(), source })
    }

    /// The default model shipped with fanzha.
    pub fn shipped() -> MuleModel {
        MuleModel::from_json(SHIPPED).expect("the shipped mule model matches this build")
    }
}

/// Trees over the first `width` columns, fitted on different folds; they score by their mean
/// log-odds.
pub(crate) struct Bag {
    width: usize,
    members: Vec<GradientBooster>,
}

impl Bag {
    /// The probability of each of `rows`.
    pub(crate) fn probabilities<R: AsRef<[f64]>>(&self, rows: &[&R]) -> Vec<f64> {
        if rows.is_empty() {
            return Vec::new();
        }
        let data = columns(rows, self.width);
        let matrix = Matrix::new(&data, rows.len(), self.width);
        let mut sum = vec![0.0; rows.len()];
        for b in &self.members {
            sum.iter_mut().zip(b.predict(&matrix, true)).for_each(|(s, x)| *s += x);
        }
        let n = self.members.len() as f64;
        sum.into_iter().map(|s| sigmoid(s / n)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ix, ASSOCIATION_COUNT};
    use crate::testing::{live_of, params, population, trained_on_population};

    #[test]
    fn the_second_stage_finds_mules_known_only_by_their_payers() {
        let model = trained_on_population(1);

        let (mut rows, links, kinds) = population(2);
        let p = model.probabilities(&mut rows, &links);
        let flagged = |k: u8| {
            let of: Vec<f64> = p.iter().zip(&kinds).filter(|x| *x.1 == k).map(|x| *x.0).collect();
            of.iter().filter(|&&x| x >= model.threshold).count() as f64 / of.len() as f64
        };
        assert!(flagged(1) > 0.95, "seeds: {}", flagged(1));
        assert!(flagged(2) > 0.95, "quiet mules: {}", flagged(2));
        assert!(flagged(0) < 0.02, "normal accounts: {}", flagged(0));
        // Why a quiet mule is flagged: its payers, not its own columns.
        let quiet = kinds.iter().position(|&k| k == 2).unwrap();
        let c = model.contributions(&rows[quiet]);
        let top = (0..FEATURE_COUNT).max_by(|&a, &b| c[a].total_cmp(&c[b])).unwrap();
        assert!((ASSOCIATION_START..ASSOCIATION_START + ASSOCIATION_COUNT).contains(&top), "top reason {top}");
    }

    #[test]
    fn unlabelled_accounts_are_scored_but_not_learned_from() {
        let (mut rows, links, kinds) = population(3);
        // Only every other account is labelled; the rest still get first-stage scores.
        let labels: Vec<Option<bool>> =
            kinds.iter().enumerate().map(|(i, &k)| (i % 2 == 0).then_some(k != 0)).collect();
        let live = live_of(&rows, &labels);
        let model = MuleModel::train(&mut rows, &labels, &links, &live, &params(), "half".into()).unwrap();
        assert_eq!(model.provenance.rows, 1_000);
        assert!(rows.iter().all(|r| !r[ASSOCIATION_START + 4].is_nan()), "every row got association columns");
        let one_class: Vec<Option<bool>> = labels.iter().map(|l| l.map(|_| false)).collect();
        let live = live_of(&rows, &one_class);
        assert!(matches!(
            MuleModel::train(&mut rows, &one_class, &links, &live, &params(), String::new()),
            Err(ModelError::OneClass { positives: 0, rows: 1_000 })
        ));
    }

    #[test]
    fn each_stage_bags_its_fold_fits_and_one_fit_stands_in_when_no_fold_can_be_held_out() {
        let model = trained_on_population(5);
        assert_eq!((model.first.members.len(), model.second.members.len()), (5, 5));

        // One positive and one negative, labelled rows 0 and 1, in different folds: no fold
        // leaves both classes to fit.
        assert_ne!(bucket(0, 5), bucket(1, 5));
        let (mut rows, links, kinds) = population(6);
        let pos = kinds.iter().position(|&k| k != 0).unwrap();
        let neg = kinds.iter().position(|&k| k == 0).unwrap();
        let labels: Vec<Option<bool>> =
            (0..kinds.len()).map(|i| (i == pos).then_some(true).or((i == neg).then_some(false))).collect();
        let live = live_of(&rows, &labels);
        let model = MuleModel::train(&mut rows, &labels, &links, &live, &params(), "two".into()).unwrap();
        assert_eq!((model.first.members.len(), model.second.members.len()), (1, 1));
        assert_eq!(model.threshold, 0.5);
    }

    #[test]
    fn the_flat_live_trees_score_as_forust_does_to_the_bit() {
        let model = trained_on_population(7);
        let (rows, _, _) = population(8);
        let mut own_rows: Vec<OwnFeatures> = rows.iter().map(|r| r[..OWN_COUNT].try_into().unwrap()).collect();
        // Values on and around the splits, and missing ones.
        for (i, row) in own_rows.iter_mut().enumerate() {
            if i % 3 == 0 {
                row[i % OWN_COUNT] = f64::NAN;
            }
            if i % 5 == 0 {
                row[0] = 0.6;
            }
        }
        // The live stage reads each row as `live_view` shows it.
        let views: Vec<OwnFeatures> = own_rows.iter().map(live_view).collect();
        let expected = model.live.probabilities(&views.iter().collect::<Vec<_>>());
        for (row, want) in own_rows.iter().zip(expected) {
            assert_eq!(model.live_probability(row).to_bits(), want.to_bits());
        }
        for row in own_rows.iter().step_by(37) {
            let flat = model.live_forest.contributions(row);
            for (b, mine) in model.live.members.iter().zip(flat) {
                let theirs =
                    b.predict_contributions(&Matrix::new(row, 1, OWN_COUNT), ContributionsMethod::Weight, false);
                assert_eq!(mine, theirs[..OWN_COUNT], "forust adds a bias column last");
            }
        }
    }

    #[test]
    fn the_live_stage_never_reads_a_censored_span_of_use() {
        // Mules were used for a day or two, ordinary accounts for months; in every other block of
        // 20 accounts (seeds, quiet mules and ordinary ones alike) the first use is not in the data
        // (quiet time after opening unknown), and there the span is `censored_span` whatever the kind.
        let train = |censored_span: f64| {
            let (mut rows, links, kinds) = population(9);
            for (i, (row, &k)) in rows.iter_mut().zip(&kinds).enumerate() {
                row[ix::ACTIVE_DAYS] = if k == 0 { 60.0 + (i % 200) as f64 } else { 0.2 + (i % 7) as f64 * 0.2 };
                if (i / 20) % 2 == 1 {
                    row[ix::QUIET_DAYS_AFTER_OPEN] = f64::NAN;
                    row[ix::ACTIVE_DAYS] = censored_span;
                }
            }
            let labels: Vec<Option<bool>> = kinds.iter().map(|&k| Some(k != 0)).collect();
            let live = live_of(&rows, &labels);
            MuleModel::train(&mut rows, &labels, &links, &live, &params(), "span".into()).unwrap()
        };
        let (short, long) = (train(0.5), train(400.0));
        let (rows, _, _) = population(10);
        let mut moved = 0;
        for r in rows.iter().take(200) {
            let mut own: OwnFeatures = r[..OWN_COUNT].try_into().unwrap();
            let score = |model: &MuleModel, own: &OwnFeatures, days: f64| {
                let mut o = *own;
                o[ix::ACTIVE_DAYS] = days;
                model.live_probability(&o)
            };
            // Training: the censored rows' spans never reached the live stage.
            assert_eq!(score(&short, &own, 1.0), score(&long, &own, 1.0));
            // First use in the data: the span is the account's own, and the stage reads it.
            moved += usize::from(score(&short, &own, 0.5) != score(&short, &own, 400.0));
            // Scoring: opened before the history starts, 0.5 days or 400, the score is the same.
            own[ix::QUIET_DAYS_AFTER_OPEN] = f64::NAN;
            assert_eq!(score(&short, &own, 0.5), score(&short, &own, 400.0));
            assert_eq!(score(&short, &own, 0.5), score(&short, &own, f64::NAN));
            // Nor its explanation.
            let contributions = |days: f64| {
                let mut o = own;
                o[ix::ACTIVE_DAYS] = days;
                short.live_contributions(&o)
            };
            assert_eq!(contributions(0.5), contributions(400.0));
        }
        assert!(moved > 100, "the live stage reads the span where it is known: {moved} of 200");
    }

    #[test]
    fn model_files_round_trip_and_old_versions_are_refused() {
        let (mut rows, links, kinds) = population(4);
        let labels: Vec<Option<bool>> = kinds.iter().map(|&k| Some(k != 0)).collect();
        let live = live_of(&rows, &labels);
        let model = MuleModel::train(&mut rows, &labels, &links, &live, &params(), "round trip".into()).unwrap();
        let back = MuleModel::from_json(&model.to_json().unwrap()).unwrap();
        let (mut a, mut b) = (rows.clone(), rows);
        assert_eq!(model.probabilities(&mut a, &links), back.probabilities(&mut b, &links));
        assert_eq!(back.threshold, model.threshold);
        assert_eq!(back.live_threshold, model.live_threshold);
        let own: OwnFeatures = a[0][..OWN_COUNT].try_into().unwrap();
        assert_eq!(back.live_probability(&own), model.live_probability(&own));
        assert_eq!(back.provenance.source, "round trip");
        let mut file: serde_json::Value = serde_json::from_str(&model.to_json().unwrap()).unwrap();
        file["threshold"] = 1.5.into();
        let err = MuleModel::from_json(&file.to_string()).err().unwrap().to_string();
        assert!(err.contains("not a probability"), "{err}");
        for version in [2, 3] {
            let old = format!(r#"{{"format":"fanzha.mule-model","version":{version},"features":[],"threshold":0.5}}"#);
            let err = MuleModel::from_json(&old).err().unwrap().to_string();
            assert!(err.contains(&format!("version {version}")) && err.contains("retrain"), "{err}");
        }
        assert!(MuleModel::shipped().threshold > 0.0);
    }
}
