//! Training: the vocabulary (jieba words of the training texts), then multinomial logistic
//! regression by AdaGrad on deduplicated hashed features, with classes weighted by a power of
//! their rarity, and a softmax temperature fitted on a calibration fold. Deterministic: the same
//! data and options give the same model bytes.

use crate::features::{shape, Featurizer};
use crate::model::{softmax, Model};
use crate::normalize::normalize;
use crate::TextError;
use fanzha_model::TYPOLOGIES;
use jieba_rs::Jieba;
use serde::Deserialize;

/// One labelled text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Example {
    /// The message.
    pub text: String,
    /// Its typology id, or `none`.
    pub label: String,
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    /// Hash buckets (a power of two is not required).
    pub buckets: u32,
    /// Passes over the data.
    pub epochs: u32,
    /// AdaGrad step size.
    pub learning_rate: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// Shuffling seed.
    pub seed: u64,
    /// Class weights are (rarity)^balance: 0 treats every example alike, 1 fully balances classes.
    pub balance: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { buckets: 1 << 16, epochs: 40, learning_rate: 0.03, l2: 1e-4, seed: 1, balance: 0.75 }
    }
}

/// A stable hash of a text: decides the held-out test split and the calibration fold.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// Whether an example belongs to the held-out test split (20% of texts, by hash).
pub fn is_test(text: &str) -> bool {
    text_hash(text) % 5 == 4
}

/// Parses JSON Lines of `{"text", "label"}` (other fields ignored); errors name the line.
pub fn parse_examples(data: &str) -> Result<Vec<Example>, TextError> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let ex: Example =
            serde_json::from_str(line).map_err(|e| TextError::Data { line: n + 1, reason: e.to_string() })?;
        if !TYPOLOGIES.iter().any(|t| t.id == ex.label) {
            return Err(TextError::Data { line: n + 1, reason: format!("label '{}' is not a typology id", ex.label) });
        }
        if ex.text.trim().is_empty() {
            return Err(TextError::Data { line: n + 1, reason: "text is empty".into() });
        }
        out.push(ex);
    }
    Ok(out)
}

/// Trains a model on `examples`.
pub fn train(examples: &[Example], opts: &TrainOptions) -> Result<Model, TextError> {
    let labels: Vec<String> =
        TYPOLOGIES.iter().filter(|t| examples.iter().any(|e| e.label == t.id)).map(|t| t.id.to_string()).collect();
    if labels.len() < 2 {
        return Err(TextError::Data { line: 0, reason: "training needs at least two labels".into() });
    }
    let words = vocabulary(examples);
    let featurizer = Featurizer::new(&words, opts.buckets);
    let rows: Vec<(Vec<u32>, usize)> = examples
        .iter()
        .map(|e| (featurizer.buckets_of(&e.text), labels.iter().position(|l| *l == e.label).expect("known")))
        .collect();
    let calibration: Vec<bool> = examples.iter().map(|e| text_hash(&e.text) % 10 == 3).collect();
    let fit: Vec<usize> = (0..rows.len()).filter(|&i| !calibration[i]).collect();
    let held: Vec<usize> = (0..rows.len()).filter(|&i| calibration[i]).collect();
    let first = sgd(&rows, &fit, labels.clone(), opts);
    let temperature = fit_temperature(&first, &rows, &held);
    let all: Vec<usize> = (0..rows.len()).collect();
    let mut model = sgd(&rows, &all, labels, opts);
    model.temperature = temperature;
    model.words = words;
    Ok(model)
}

/// The words jieba (no HMM) cuts the normalized texts (digits as `0`) into, of two or more
/// characters, sorted: a model's vocabulary.
pub fn vocabulary(examples: &[Example]) -> Vec<String> {
    let jieba = Jieba::new();
    let mut words = std::collections::BTreeSet::new();
    for e in examples {
        let text: String = normalize(&e.text).chars.into_iter().map(shape).collect();
        for w in jieba.cut(&text, false) {
            if w.chars().count() >= 2 && !words.contains(w) {
                words.insert(w.to_string());
            }
        }
    }
    words.into_iter().collect()
}

fn sgd(rows: &[(Vec<u32>, usize)], use_rows: &[usize], labels: Vec<String>, opts: &TrainOptions) -> Model {
    let c = labels.len();
    let mut counts = vec![0usize; c];
    for &i in use_rows {
        counts[rows[i].1] += 1;
    }
    let n = use_rows.len().max(1) as f32;
    let class_weight: Vec<f32> =
        counts.iter().map(|&k| if k == 0 { 0.0 } else { (n / (c as f32 * k as f32)).powf(opts.balance) }).collect();
    let mut m = Model {
        labels,
        buckets: opts.buckets,
        temperature: 1.0,
        bias: vec![0.0; c],
        words: Vec::new(),
        weights: vec![0.0; opts.buckets as usize * c],
    };
    let mut g2 = vec![1e-6f32; m.weights.len()];
    let mut g2_bias = vec![1e-6f32; c];
    let mut order: Vec<usize> = use_rows.to_vec();
    let mut rng = opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for _ in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (buckets, y) = (&rows[i].0, rows[i].1);
            let mut p = m.bias.clone();
            for &b in buckets {
                for (k, pk) in p.iter_mut().enumerate() {
                    *pk += m.weights[b as usize * c + k];
                }
            }
            softmax(&mut p, 1.0);
            let cw = class_weight[y];
            for k in 0..c {
                let g = cw * (p[k] - if k == y { 1.0 } else { 0.0 });
                g2_bias[k] += g * g;
                m.bias[k] -= opts.learning_rate * g / g2_bias[k].sqrt();
                for &b in buckets {
                    let at = b as usize * c + k;
                    let grad = g + opts.l2 * m.weights[at];
                    g2[at] += grad * grad;
                    m.weights[at] -= opts.learning_rate * grad / g2[at].sqrt();
                }
            }
        }
    }
    m
}

/// The temperature minimizing the negative log-likelihood of the held rows (golden-section
/// search on log T); 1 when there is nothing to calibrate on.
fn fit_temperature(m: &Model, rows: &[(Vec<u32>, usize)], held: &[usize]) -> f32 {
    if held.is_empty() {
        return 1.0;
    }
    let nll = |t: f32| -> f64 {
        let mut probe = m.clone();
        probe.temperature = t;
        held.iter().map(|&i| -(probe.probabilities(&rows[i].0)[rows[i].1].max(1e-9) as f64).ln()).sum()
    };
    let (mut lo, mut hi) = ((0.05f32).ln(), (10f32).ln());
    let phi = 0.618_034f32;
    for _ in 0..40 {
        let a = hi - phi * (hi - lo);
        let b = lo + phi * (hi - lo);
        if nll(a.exp()) < nll(b.exp()) {
            hi = b;
        } else {
            lo = a;
        }
    }
    ((lo + hi) / 2.0).exp()
}
