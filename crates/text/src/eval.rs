//! Evaluation: per-class precision, recall and F1, macro-F1 and the confusion matrix on the
//! held-out split, and the same texts rewritten the way scammers evade filters.

use crate::classifier::Classifier;
use crate::train::Example;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Scores of one class.
#[derive(Debug, Clone, Serialize)]
pub struct ClassScore {
    /// Label.
    pub label: String,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
    /// Test examples of this class.
    pub support: u32,
}

/// An evaluation on a labelled set.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Examples evaluated.
    pub examples: usize,
    /// Share classified exactly right.
    pub accuracy: f64,
    /// Mean F1 over the classes with support.
    pub macro_f1: f64,
    /// Scam texts classified `none` (missed), as a share of scam texts.
    pub missed_scam_rate: f64,
    /// Ordinary texts classified as a scam (false alarms), as a share of ordinary texts.
    pub false_alarm_rate: f64,
    /// Per class, in model label order.
    pub per_class: Vec<ClassScore>,
    /// `confusion[true][predicted]`, in model label order.
    pub confusion: Vec<Vec<u32>>,
    /// The labels of the rows and columns.
    pub labels: Vec<String>,
    /// By shape of text (`sms`, `dialogue`, …; examples without one are left out), by name.
    pub per_kind: Vec<KindScore>,
}

/// Scores on the texts of one shape.
#[derive(Debug, Clone, Serialize)]
pub struct KindScore {
    /// The shape (`sms`, `chat`, `call`, `dialogue`, `asr`, `ocr`).
    pub kind: String,
    /// Texts of this shape.
    pub examples: usize,
    /// Share classified exactly right.
    pub accuracy: f64,
    /// Scam texts of this shape classified `none`, as a share of them.
    pub missed_scam_rate: f64,
    /// Ordinary texts of this shape classified as a scam, as a share of them.
    pub false_alarm_rate: f64,
}

/// Evaluates the classifier on `examples`.
pub fn evaluate(c: &Classifier, examples: &[Example]) -> Evaluation {
    let labels = c.model().labels.clone();
    let k = labels.len();
    let index: HashMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
    let mut confusion = vec![vec![0u32; k]; k];
    let none = index.get("none").copied();
    // Per kind: texts, right, scams, missed, ordinary, false alarms.
    let mut kinds: std::collections::BTreeMap<&str, [u32; 6]> = Default::default();
    // Examples with a label of the model, predicted in parallel: the second stage, when on, takes
    // most of the time.
    let known: Vec<(&Example, usize)> =
        examples.iter().filter_map(|e| index.get(e.label.as_str()).map(|&truth| (e, truth))).collect();
    let predictions: Vec<usize> = known.par_iter().map(|(e, _)| c.predict(&e.text)).collect();
    for (&(e, truth), &pred) in known.iter().zip(&predictions) {
        confusion[truth][pred] += 1;
        if let Some(kind) = &e.kind {
            let n = kinds.entry(kind.as_str()).or_default();
            n[0] += 1;
            n[1] += u32::from(pred == truth);
            if Some(truth) == none {
                n[4] += 1;
                n[5] += u32::from(Some(pred) != none);
            } else {
                n[2] += 1;
                n[3] += u32::from(Some(pred) == none);
            }
        }
    }
    let share = |a: u32, b: u32| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let per_kind = kinds
        .into_iter()
        .map(|(kind, n)| KindScore {
            kind: kind.to_string(),
            examples: n[0] as usize,
            accuracy: share(n[1], n[0]),
            missed_scam_rate: share(n[3], n[2]),
            false_alarm_rate: share(n[5], n[4]),
        })
        .collect();
    let total: u32 = confusion.iter().flatten().sum();
    let correct: u32 = (0..k).map(|i| confusion[i][i]).sum();
    let per_class: Vec<ClassScore> = (0..k)
        .map(|i| {
            let tp = confusion[i][i] as f64;
            let predicted: u32 = (0..k).map(|t| confusion[t][i]).sum();
            let support: u32 = confusion[i].iter().sum();
            let precision = if predicted == 0 { 0.0 } else { tp / predicted as f64 };
            let recall = if support == 0 { 0.0 } else { tp / support as f64 };
            let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
            ClassScore { label: labels[i].clone(), precision, recall, f1, support }
        })
        .collect();
    let with_support: Vec<&ClassScore> = per_class.iter().filter(|s| s.support > 0).collect();
    let (mut scams, mut missed, mut ordinary, mut alarms) = (0u32, 0u32, 0u32, 0u32);
    for (t, row) in confusion.iter().enumerate() {
        for (p, &n) in row.iter().enumerate() {
            if Some(t) == none {
                ordinary += n;
                if Some(p) != none {
                    alarms += n;
                }
            } else {
                scams += n;
                if Some(p) == none {
                    missed += n;
                }
            }
        }
    }
    Evaluation {
        examples: total as usize,
        accuracy: share(correct, total),
        macro_f1: with_support.iter().map(|s| s.f1).sum::<f64>() / with_support.len().max(1) as f64,
        missed_scam_rate: share(missed, scams),
        false_alarm_rate: share(alarms, ordinary),
        per_class,
        confusion,
        labels,
        per_kind,
    }
}

/// Ways scam texts disguise themselves, each applied to a whole text.
pub const EVASIONS: [&str; 3] = ["spaced", "symbols", "traditional"];

/// `text` disguised as `kind` (see [`EVASIONS`]): a space or `*` between Chinese characters, or
/// every character that has one in its traditional form.
pub fn disguise(text: &str, kind: &str) -> String {
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    match kind {
        "spaced" | "symbols" => {
            let sep = if kind == "spaced" { ' ' } else { '*' };
            let mut out = String::new();
            let mut prev_cjk = false;
            for c in text.chars() {
                if prev_cjk && cjk(c) {
                    out.push(sep);
                }
                out.push(c);
                prev_cjk = cjk(c);
            }
            out
        }
        "traditional" => text.chars().map(|c| traditional().get(&c).copied().unwrap_or(c)).collect(),
        _ => text.to_string(),
    }
}

/// Simplified → traditional, by inverting fast2s over the CJK block (first traditional form wins).
fn traditional() -> &'static HashMap<char, char> {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for t in ('\u{4E00}'..='\u{9FFF}').rev() {
            let s = fast2s::convert(&t.to_string());
            let mut it = s.chars();
            if let (Some(s), None) = (it.next(), it.next()) {
                if s != t {
                    map.insert(s, t);
                }
            }
        }
        map
    })
}
