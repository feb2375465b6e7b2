//! Where a verdict on a text is made: normalize, featurize, score, and explain.

use crate::features::{buckets_of, distinct_buckets, features, Feature};
use crate::model::{Model, ModelError};
use crate::normalize::{normalize, Normalized};
use crate::{advice, lexicon, TextError};
use fanzha_model::Typology;
use jieba_rs::Jieba;
use serde::Serialize;

/// The model fanzha ships, trained on `data/text/corpus.jsonl` by
/// `fanzha text train --data data/text/corpus.jsonl --out crates/text/model/default.fzt`.
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../model/default.fzt");

/// Longest text accepted, in characters (a long call transcript fits; a book does not).
pub const MAX_CHARS: usize = 20_000;

/// A loaded classifier; build once, share across threads.
pub struct Classifier {
    model: Model,
    jieba: Jieba,
}

/// The verdict on one text.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The most likely typology id (`none`: no risk).
    pub typology: &'static str,
    /// Its Chinese name.
    pub name_zh: &'static str,
    /// Its calibrated probability.
    pub probability: f32,
    /// The three most likely typologies.
    pub top: Vec<Scored>,
    /// The spans that drove the decision (empty for `none`).
    pub cues: Vec<Cue>,
    /// What to do (empty for `none`).
    pub advice_zh: Vec<&'static str>,
}

/// A typology and its probability.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// Typology id.
    pub typology: &'static str,
    /// Calibrated probability.
    pub probability: f32,
}

/// A span of the input that counts toward the verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cue {
    /// The span as the user wrote it.
    pub text: String,
    /// First character (counted in Unicode characters of the input).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Why: a lexicon phrase, or a strong feature of the model.
    pub why: String,
}

impl Classifier {
    /// The classifier with the shipped model.
    pub fn shipped() -> Result<Classifier, TextError> {
        Classifier::from_model_bytes(DEFAULT_MODEL)
    }

    /// A classifier from a model file's bytes.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Classifier, TextError> {
        let model = Model::from_bytes(bytes)?;
        for l in &model.labels {
            if Typology::by_id(l).is_none() {
                return Err(TextError::Model(ModelError::Damaged("a label is not a typology id")));
            }
        }
        Ok(Classifier::new(model))
    }

    /// A classifier around a trained model.
    pub fn new(model: Model) -> Classifier {
        Classifier { model, jieba: Jieba::new() }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Calibrated probabilities of every label, in model order (no explanation; the fast path).
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        self.model.probabilities(&buckets_of(text, &self.jieba, self.model.buckets))
    }

    /// Classifies and explains one text.
    pub fn analyze(&self, text: &str) -> Result<Analysis, TextError> {
        let chars = text.chars().count();
        if text.trim().is_empty() {
            return Err(TextError::Empty);
        }
        if chars > MAX_CHARS {
            return Err(TextError::TooLong { chars });
        }
        let n = normalize(text);
        let mut f = Vec::new();
        features(&n, &self.jieba, self.model.buckets, &mut f);
        let p = self.model.probabilities(&distinct_buckets(&f));
        let mut order: Vec<usize> = (0..p.len()).collect();
        order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
        let typology = |k: usize| Typology::by_id(&self.model.labels[k]).expect("labels are checked on load");
        let best = typology(order[0]);
        let top = order.iter().take(3).map(|&k| Scored { typology: typology(k).id, probability: p[k] }).collect();
        let (cues, advice_zh) = if best.id == "none" {
            (Vec::new(), Vec::new())
        } else {
            let advice = advice::for_typology(best.id).iter().chain(advice::GENERAL).copied().collect();
            (self.cues(text, &n, &f, order[0], best), advice)
        };
        Ok(Analysis { typology: best.id, name_zh: best.name_zh, probability: p[order[0]], top, cues, advice_zh })
    }

    /// Lexicon phrases of the typology, then the model's strongest features for it against
    /// `none`, merged where they overlap, in text order.
    fn cues(&self, text: &str, n: &Normalized, f: &[Feature], k: usize, t: &Typology) -> Vec<Cue> {
        let mut spans: Vec<(usize, usize, String)> = lexicon::find_all(&n.chars)
            .into_iter()
            .filter(|h| h.typology == t.id)
            .map(|h| (h.start, h.end, format!("{}的典型话术「{}」", t.name_zh, h.phrase)))
            .collect();
        let none = self.model.labels.iter().position(|l| l == "none");
        let mut strong: Vec<(f32, usize, usize)> = f
            .iter()
            .filter(|x| x.end - x.start >= 2)
            .map(|x| {
                let w = self.model.weight(x.bucket, k) - none.map_or(0.0, |z| self.model.weight(x.bucket, z));
                (w, x.start as usize, x.end as usize)
            })
            .filter(|(w, _, _)| *w > 0.05)
            .collect();
        strong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, s, e) in strong.into_iter().take(3) {
            spans.push((s, e, format!("模型判断为{}的强特征", t.name_zh)));
        }
        spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut merged: Vec<(usize, usize, String)> = Vec::new();
        for (s, e, why) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e, why)),
            }
        }
        let original: Vec<char> = text.chars().collect();
        merged
            .into_iter()
            .map(|(s, e, why)| {
                let (start, end) = n.source_span(s, e);
                Cue { text: original[start..end].iter().collect(), start, end, why }
            })
            .collect()
    }
}
