//! The mule model: gradient-boosted trees (forust-ml) over the account features, with the decision
//! threshold chosen on held-out accounts, stored in a versioned JSON file that names its features.

use crate::catalog::{FEATURES, FEATURE_COUNT};
use crate::context::Features;
use crate::metrics::best_f1_threshold;
use forust_ml::gradientbooster::{ContributionsMethod, GradientBooster};
use forust_ml::objective::ObjectiveType;
use forust_ml::Matrix;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What the `format` field of a model file says.
pub const MODEL_FORMAT: &str = "fanzha.mule-model";
/// The model file version this build writes and reads.
pub const MODEL_VERSION: u32 = 1;

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
    /// Every how-many-th account (by a fixed hash) is held out to choose the threshold.
    pub holdout_every: u64,
}

impl Default for TrainParams {
    fn default() -> TrainParams {
        TrainParams { iterations: 200, learning_rate: 0.08, max_depth: 5, holdout_every: 5 }
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

#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    version: u32,
    features: Vec<String>,
    threshold: f64,
    provenance: Provenance,
    booster: serde_json::Value,
}

/// A trained mule model.
pub struct MuleModel {
    booster: GradientBooster,
    /// Probability at or above which an account is flagged.
    pub threshold: f64,
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

/// Column-major copy of `rows` as forust expects.
fn columns(rows: &[&Features]) -> Vec<f64> {
    let mut data = Vec::with_capacity(rows.len() * FEATURE_COUNT);
    for c in 0..FEATURE_COUNT {
        data.extend(rows.iter().map(|r| r[c]));
    }
    data
}

fn fit(rows: &[&Features], labels: &[bool], p: &TrainParams) -> Result<GradientBooster, ModelError> {
    let data = columns(rows);
    let matrix = Matrix::new(&data, rows.len(), FEATURE_COUNT);
    let y: Vec<f64> = labels.iter().map(|&l| f64::from(u8::from(l))).collect();
    let weights = vec![1.0; y.len()];
    let mut b = booster(p);
    b.fit(&matrix, &y, &weights, None).map_err(|e| ModelError::Booster(e.to_string()))?;
    Ok(b)
}

fn held_out(i: usize, every: u64) -> bool {
    // A fixed multiplicative hash so that the hold-out does not follow the input order.
    ((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32).is_multiple_of(every.max(2))
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl MuleModel {
    /// Trains on `rows` with `labels` (true = mule): first on all but a hold-out to choose the
    /// threshold that maximises F1 there, then again on everything.
    pub fn train(
        rows: &[Features],
        labels: &[bool],
        params: &TrainParams,
        source: String,
    ) -> Result<MuleModel, ModelError> {
        let positives = labels.iter().filter(|&&l| l).count();
        if positives == 0 || positives == labels.len() {
            return Err(ModelError::OneClass { positives, rows: labels.len() });
        }
        let (mut fit_rows, mut fit_labels, mut hold_rows, mut hold_labels) = (vec![], vec![], vec![], vec![]);
        for (i, (r, &l)) in rows.iter().zip(labels).enumerate() {
            if held_out(i, params.holdout_every) {
                hold_rows.push(r);
                hold_labels.push(l);
            } else {
                fit_rows.push(r);
                fit_labels.push(l);
            }
        }
        let threshold = match hold_labels.iter().filter(|&&l| l).count() {
            0..5 => 0.5,
            _ if fit_labels.iter().all(|&l| l) || !fit_labels.iter().any(|&l| l) => 0.5,
            _ => {
                let first = fit(&fit_rows, &fit_labels, params)?;
                let scores = probabilities(&first, &hold_rows);
                best_f1_threshold(&scores, &hold_labels)
            }
        };
        let all: Vec<&Features> = rows.iter().collect();
        let booster = fit(&all, labels, params)?;
        Ok(MuleModel { booster, threshold, provenance: Provenance { rows: rows.len(), positives, source } })
    }

    /// The probability of being a mule, per row.
    pub fn probabilities(&self, rows: &[Features]) -> Vec<f64> {
        let refs: Vec<&Features> = rows.iter().collect();
        probabilities(&self.booster, &refs)
    }

    /// Each feature's contribution (Shapley values, in log-odds) to the row's score.
    pub fn contributions(&self, row: &Features) -> [f64; FEATURE_COUNT] {
        let data = columns(&[row]);
        let matrix = Matrix::new(&data, 1, FEATURE_COUNT);
        let c = self.booster.predict_contributions(&matrix, ContributionsMethod::Shapley, false);
        let mut out = [0.0; FEATURE_COUNT];
        out.copy_from_slice(&c[..FEATURE_COUNT]);
        out
    }

    /// The model file's text.
    pub fn to_json(&self) -> Result<String, ModelError> {
        let booster = self.booster.json_dump().map_err(|e| ModelError::Booster(e.to_string()))?;
        let file = ModelFile {
            format: MODEL_FORMAT.into(),
            version: MODEL_VERSION,
            features: FEATURES.iter().map(|f| f.name.to_string()).collect(),
            threshold: self.threshold,
            provenance: self.provenance.clone(),
            booster: serde_json::from_str(&booster).map_err(|e| ModelError::Format(e.to_string()))?,
        };
        serde_json::to_string(&file).map_err(|e| ModelError::Format(e.to_string()))
    }

    /// Reads a model file's text, checking format, version and feature names.
    pub fn from_json(text: &str) -> Result<MuleModel, ModelError> {
        let file: ModelFile = serde_json::from_str(text).map_err(|e| ModelError::Format(e.to_string()))?;
        if file.format != MODEL_FORMAT {
            return Err(ModelError::Format(format!("format is '{}', expected '{MODEL_FORMAT}'", file.format)));
        }
        if file.version != MODEL_VERSION {
            return Err(ModelError::Format(format!(
                "version {} (this build reads version {MODEL_VERSION}; retrain with `fanzha train`)",
                file.version
            )));
        }
        let expected: Vec<&str> = FEATURES.iter().map(|f| f.name.as_ref()).collect();
        if file.features != expected {
            return Err(ModelError::Format(
                "built for different features than this build computes; retrain with `fanzha train`".into(),
            ));
        }
        let booster = GradientBooster::from_json(&file.booster.to_string())
            .map_err(|e| ModelError::Format(format!("trees: {e}")))?;
        Ok(MuleModel { booster, threshold: file.threshold, provenance: file.provenance })
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

fn probabilities(b: &GradientBooster, rows: &[&Features]) -> Vec<f64> {
    if rows.is_empty() {
        return Vec::new();
    }
    let data = columns(rows);
    let matrix = Matrix::new(&data, rows.len(), FEATURE_COUNT);
    b.predict(&matrix, true).into_iter().map(sigmoid).collect()
}
