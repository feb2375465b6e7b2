//! Training: the vocabulary (jieba words of the training texts), then multinomial logistic
//! regression by AdaGrad on deduplicated hashed features, with classes weighted by a power of
//! their rarity, and a softmax temperature fitted on a calibration fold. Deterministic: the same
//! data and options give the same model bytes.
//!
//! Long texts are also learned from in windows, the way they are scored (`windows.rs`): every
//! window of an ordinary text is an ordinary example; a scam text's windows are not all scam
//! (the small talk before the script is not), so a first model trained on whole texts and
//! ordinary windows picks the windows that carry the text's typology (probability ≥ 0.5, and
//! always the most likely one), and the model is trained again with them (multiple-instance
//! learning in one round).

use crate::features::{shape, Featurizer, Scratch};
use crate::model::{softmax, Model};
use crate::normalize::normalize;
use crate::windows::{scam_evidence, windows};
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
    /// Its shape, when the data says (`sms`, `chat`, `call`, `dialogue`, `asr`, `ocr`): for
    /// reporting scores by shape.
    #[serde(default)]
    pub kind: Option<String>,
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
    /// Window length in normalized characters for long texts (0: whole texts only).
    pub window: u32,
    /// Features of a text with `n` distinct buckets count `(n / 100)^-length_power` (0: 1 each).
    pub length_power: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            buckets: 1 << 16,
            epochs: 40,
            learning_rate: 0.03,
            l2: 1e-4,
            seed: 1,
            balance: 0.5,
            window: 96,
            length_power: 0.25,
        }
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
    let none = labels.iter().position(|l| l == "none");
    let words = vocabulary(examples);
    let featurizer = Featurizer::new(&words, opts.buckets);
    let ys: Vec<usize> = examples
        .iter()
        .map(|e| labels.iter().position(|l| *l == e.label).expect("labels come from the examples"))
        .collect();
    let parts: Vec<Vec<Vec<u32>>> = examples.iter().map(|e| parts_of(&featurizer, &e.text, opts.window)).collect();
    let calibration: Vec<bool> = examples.iter().map(|e| text_hash(&e.text) % 10 == 3).collect();
    // Rows (buckets, label) and the example each came from: whole texts, ordinary texts' windows.
    let mut rows: Vec<(Vec<u32>, usize)> = Vec::new();
    let mut from: Vec<usize> = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let take = if Some(ys[i]) == none { p.len() } else { 1 };
        for b in &p[..take] {
            rows.push((b.clone(), ys[i]));
            from.push(i);
        }
    }
    let fit_rows = |from: &[usize]| (0..from.len()).filter(|&r| !calibration[from[r]]).collect::<Vec<_>>();
    if parts.iter().zip(&ys).any(|(p, &y)| p.len() > 1 && Some(y) != none) {
        let first = sgd(&rows, &from, &fit_rows(&from), labels.clone(), opts);
        for (i, p) in parts.iter().enumerate().filter(|(i, p)| p.len() > 1 && Some(ys[*i]) != none) {
            let own: Vec<f32> = p[1..].iter().map(|b| first.probabilities(b)[ys[i]]).collect();
            let top = (0..own.len()).max_by(|&a, &b| own[a].total_cmp(&own[b]).then(b.cmp(&a))).expect("windows");
            for (w, &q) in own.iter().enumerate() {
                if q >= 0.5 || w == top {
                    rows.push((p[w + 1].clone(), ys[i]));
                    from.push(i);
                }
            }
        }
    }
    let fit = fit_rows(&from);
    let second = sgd(&rows, &from, &fit, labels.clone(), opts);
    let held: Vec<usize> = (0..examples.len()).filter(|&i| calibration[i]).collect();
    let temperature = fit_temperature(&second, &parts, &ys, &held, none);
    let all: Vec<usize> = (0..rows.len()).collect();
    let mut model = sgd(&rows, &from, &all, labels, opts);
    model.temperature = temperature;
    model.words = words;
    Ok(model)
}

/// A text's distinct buckets: the whole text first, then each of its windows.
fn parts_of(featurizer: &Featurizer, text: &str, window: u32) -> Vec<Vec<u32>> {
    let mut s = Scratch::default();
    featurizer.text_buckets(text, &mut s);
    let mut parts = vec![s.buckets.clone()];
    for (a, b) in windows(s.norm.chars.len(), window as usize) {
        featurizer.distinct_buckets_in(&mut s, a, b);
        parts.push(s.buckets.clone());
    }
    parts
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

/// Multinomial logistic regression by AdaGrad on `use_rows` of `rows` (buckets, label), `from`
/// naming each row's text.
fn sgd(
    rows: &[(Vec<u32>, usize)],
    from: &[usize],
    use_rows: &[usize],
    labels: Vec<String>,
    opts: &TrainOptions,
) -> Model {
    let c = labels.len();
    // Classes are weighted by how many texts they have, not rows: a long text's windows
    // do not make its class look common.
    let mut counts = vec![0usize; c];
    let mut seen = rustc_hash::FxHashSet::default();
    for &i in use_rows {
        if seen.insert(from[i]) {
            counts[rows[i].1] += 1;
        }
    }
    let n = counts.iter().sum::<usize>().max(1) as f32;
    let class_weight: Vec<f32> =
        counts.iter().map(|&k| if k == 0 { 0.0 } else { (n / (c as f32 * k as f32)).powf(opts.balance) }).collect();
    let mut m = Model {
        labels,
        buckets: opts.buckets,
        temperature: 1.0,
        bias: vec![0.0; c],
        words: Vec::new(),
        weights: vec![0.0; opts.buckets as usize * c],
        window: opts.window,
        length_power: opts.length_power,
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
            let x = crate::model::feature_value(buckets.len(), opts.length_power);
            for &b in buckets {
                for (k, pk) in p.iter_mut().enumerate() {
                    *pk += x * m.weights[b as usize * c + k];
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
                    let grad = g * x + opts.l2 * m.weights[at];
                    g2[at] += grad * grad;
                    m.weights[at] -= opts.learning_rate * grad / g2[at].sqrt();
                }
            }
        }
    }
    m
}

/// The temperature minimizing the negative log-likelihood of the held examples, each scored as
/// a classifier scores it (the whole text or the window with the most evidence of a scam), by
/// golden-section search on log T; 1 when there is nothing to calibrate on.
fn fit_temperature(m: &Model, parts: &[Vec<Vec<u32>>], ys: &[usize], held: &[usize], none: Option<usize>) -> f32 {
    if held.is_empty() {
        return 1.0;
    }
    let mut raw = m.clone();
    raw.temperature = 1.0;
    // Logits (log-probabilities at T = 1) of every part of every held example, computed once.
    let logits: Vec<Vec<Vec<f32>>> = held
        .iter()
        .map(|&i| parts[i].iter().map(|b| raw.probabilities(b).iter().map(|p| p.max(1e-30).ln()).collect()).collect())
        .collect();
    let nll = |t: f32| -> f64 {
        let mut total = 0f64;
        for (k, &i) in held.iter().enumerate() {
            let mut best: Option<(f32, Vec<f32>)> = None;
            for l in &logits[k] {
                let mut p = l.clone();
                softmax(&mut p, t);
                let e = scam_evidence(&p, none);
                if best.as_ref().is_none_or(|(b, _)| e > *b) {
                    best = Some((e, p));
                }
            }
            let p = best.expect("every text has its whole").1;
            total -= (p[ys[i]].max(1e-9) as f64).ln();
        }
        total
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
