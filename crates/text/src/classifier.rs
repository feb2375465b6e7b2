//! Where a verdict on a text is made: normalize, featurize, score, and explain.

use crate::encoder::{Encoder, EncoderError, Head, Prefix};
use crate::features::{Feature, Featurizer, Scratch};
use crate::model::{Model, ModelError, Scorer};
use crate::normalize::{normalize_into, Normalized};
use crate::windows::{scam_evidence, windows};
use crate::{advice, TextError};
use fanzha_model::Typology;
use serde::Serialize;
use std::cell::RefCell;
use std::sync::Arc;

/// The model fanzha ships, trained on `data/text/corpus.jsonl` by
/// `fanzha text train --data data/text/corpus.jsonl --out crates/text/model/default.fzt`.
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../model/default.fzt");

/// How far past the bound a first stage must be before the second is skipped: far above f32
/// rounding, so a skipped text provably keeps the verdict the mix would give it.
const MIX_MARGIN: f32 = 1e-4;

/// Longest text accepted, in characters (a long call transcript fits; a book does not).
pub const MAX_CHARS: usize = 20_000;

/// A loaded classifier; build once, share across threads.
pub struct Classifier {
    model: Model,
    featurizer: Featurizer,
    scorer: Scorer,
    /// The index of `none` among the labels.
    none: Option<usize>,
    /// The optional second stage.
    second: Option<SecondStage>,
}

/// The encoder and its head, with the head's labels as indices into the model's.
struct SecondStage {
    encoder: Arc<Encoder>,
    head: Head,
    to_model: Vec<usize>,
}

thread_local! {
    /// Each thread's buffers for normalizing, featurizing and scoring.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are in use).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|s| match s.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
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
    /// The part of a long text the verdict rests on, when one window of it carried more
    /// evidence of a scam than the whole (see `windows.rs`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passage: Option<Passage>,
    /// What to do (empty for `none`).
    pub advice_zh: Vec<&'static str>,
    /// The same advice in English.
    pub advice_en: Vec<&'static str>,
    /// Whether the second stage (the e5 encoder) took part in the probabilities: it is on, and
    /// the first stage was not sure enough to decide alone (see `Classifier::with_encoder`).
    pub encoder: bool,
}

/// A typology and its probability.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// Typology id.
    pub typology: &'static str,
    /// Calibrated probability.
    pub probability: f32,
}

/// A part of the input, in Unicode characters of the text as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
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
    /// The same in English.
    pub why_en: String,
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
        crate::normalize::prepare();
        let featurizer = Featurizer::new(&model.words, model.buckets);
        let scorer = Scorer::new(&model);
        let none = model.labels.iter().position(|l| l == "none");
        Classifier { model, featurizer, scorer, none, second: None }
    }

    /// The same classifier with the second stage: a text's probabilities become
    /// `alpha · first stage + (1 − alpha) · head(encoder(first max_chars characters))`, except
    /// where the first stage is so sure (top probability above `1 / (2 alpha)`) that the mix
    /// could not change its verdict: there the encoder is skipped and the first stage answers.
    /// Every label of the head must be one of the model's.
    pub fn with_encoder(mut self, encoder: Arc<Encoder>, head: Head) -> Result<Classifier, TextError> {
        let to_model = head
            .labels
            .iter()
            .map(|l| {
                self.model.labels.iter().position(|m| m == l).ok_or_else(|| {
                    TextError::Encoder(EncoderError::Format(format!("the head's label {l} is not one of the model's")))
                })
            })
            .collect::<Result<Vec<usize>, TextError>>()?;
        self.second = Some(SecondStage { encoder, head, to_model });
        Ok(self)
    }

    /// Whether the second stage is on.
    pub fn has_encoder(&self) -> bool {
        self.second.is_some()
    }

    /// Mixes the second stage into the first stage's probabilities `p` when it is on and could
    /// change the verdict; returns whether it ran. With weight `alpha` on the first stage, a first
    /// stage sure above `1 / (2 alpha)` (0.714 for 0.7) keeps its verdict whatever the encoder says
    /// (`0.7 p + 0.3 q` of its label beats `0.7 (1 − p) + 0.3` of any other), so the encoder is
    /// skipped there and `p` stays the first stage's.
    fn mix(&self, text: &str, p: &mut [f32]) -> bool {
        let Some(s) = &self.second else { return false };
        let alpha = s.head.alpha;
        let top = p.iter().copied().fold(0.0, f32::max);
        if 2.0 * alpha * top > 1.0 + MIX_MARGIN {
            return false;
        }
        let q = s.head.probabilities(&s.encoder.embed(s.head.cut(text), Prefix::Passage));
        p.iter_mut().for_each(|x| *x *= alpha);
        for (&k, qk) in s.to_model.iter().zip(q) {
            p[k] += (1.0 - alpha) * qk;
        }
        true
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Calibrated probabilities of every label, in model order (no explanation). For a long text,
    /// those of the whole or of the window with the most evidence of a scam; mixed with the second
    /// stage's where it is on and could change the verdict (see [`Classifier::with_encoder`]).
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        let mut p = Vec::with_capacity(self.model.classes());
        with_scratch(|s| {
            normalize_into(text, &mut s.norm, &mut s.spare);
            self.score(s, &mut p);
        });
        self.mix(text, &mut p);
        p
    }

    /// Scores the normalized text in `s` into `p`: the whole text, then each window of a long
    /// one, keeping the most evidence of a scam; the window kept, if any.
    fn score(&self, s: &mut Scratch, p: &mut Vec<f32>) -> Option<(usize, usize)> {
        self.featurizer.distinct_buckets(s);
        self.scorer.probabilities_into(&s.buckets, p);
        let len = s.norm.chars.len();
        let mut kept = None;
        let mut windows = windows(len, self.model.window as usize).peekable();
        if windows.peek().is_some() {
            let mut best = scam_evidence(p, self.none);
            let mut q = Vec::with_capacity(p.len());
            for (from, to) in windows {
                self.featurizer.distinct_buckets_in(s, from, to);
                self.scorer.probabilities_into(&s.buckets, &mut q);
                let e = scam_evidence(&q, self.none);
                if e > best {
                    best = e;
                    std::mem::swap(p, &mut q);
                    kept = Some((from, to));
                }
            }
        }
        kept
    }

    /// The label decided from probabilities in model order: the likeliest (the first on a tie).
    /// (Calling a text a scam whenever the scams together outweigh `none` was tried: on the
    /// held-out split it raised false alarms on short ordinary texts from 2 % to 10 %.)
    pub fn verdict(&self, p: &[f32]) -> usize {
        (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a))).expect("a model has two or more labels")
    }

    /// The label of a text (the fast path of [`Classifier::analyze`]'s `typology`), as an index
    /// into the model's labels.
    pub fn predict(&self, text: &str) -> usize {
        self.verdict(&self.probabilities(text))
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
        with_scratch(|s| {
            normalize_into(text, &mut s.norm, &mut s.spare);
            let mut p = Vec::with_capacity(self.model.classes());
            let kept = self.score(s, &mut p);
            let encoder = self.mix(text, &mut p);
            let mut order: Vec<usize> = (0..p.len()).collect();
            order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
            let typology = |k: usize| Typology::by_id(&self.model.labels[k]).expect("labels are checked on load");
            let verdict = self.verdict(&p);
            let best = typology(verdict);
            let top = order.iter().take(3).map(|&k| Scored { typology: typology(k).id, probability: p[k] }).collect();
            let (from, to) = kept.unwrap_or((0, s.norm.chars.len()));
            let passage = kept.filter(|_| best.id != "none").map(|(from, to)| {
                let (start, end) = s.norm.source_span(from, to);
                Passage { start, end }
            });
            let (cues, advice): (_, Vec<(&str, &str)>) = if best.id == "none" {
                (Vec::new(), Vec::new())
            } else {
                // Positions are only needed to explain a warning.
                let mut f = Vec::new();
                self.featurizer.features_in(&s.norm, from, to, &mut f);
                let advice = advice::for_typology(best.id).iter().chain(advice::GENERAL).copied().collect();
                (self.cues(text, &s.norm, (from, to), &f, verdict, best), advice)
            };
            let (advice_zh, advice_en) = advice.into_iter().unzip();
            Ok(Analysis {
                typology: best.id,
                name_zh: best.name_zh,
                probability: p[verdict],
                top,
                cues,
                passage,
                advice_zh,
                advice_en,
                encoder,
            })
        })
    }

    /// Lexicon phrases of the typology, then the model's strongest features for it against
    /// `none`, merged where they overlap, in text order.
    fn cues(
        &self,
        text: &str,
        n: &Normalized,
        (from, to): (usize, usize),
        f: &[Feature],
        k: usize,
        t: &Typology,
    ) -> Vec<Cue> {
        // (start, end, the lexicon phrase or None for a strong feature), in normalized characters.
        let mut spans: Vec<(usize, usize, Option<&str>)> = self
            .featurizer
            .lexicon_hits(&n.chars[from..to], t.id)
            .into_iter()
            .map(|(s, e, p)| (from + s, from + e, Some(p)))
            .collect();
        let none = self.none;
        // The three strongest features of two or more characters: by weight, then start, then
        // feature order.
        let mut strong: Vec<(f32, usize, usize)> = Vec::with_capacity(4);
        for x in f.iter().filter(|x| x.end - x.start >= 2) {
            let w = self.scorer.weight(x.bucket, k) - none.map_or(0.0, |z| self.scorer.weight(x.bucket, z));
            if w > 0.05 {
                let at = strong.partition_point(|s| s.0 > w || (s.0 == w && s.1 <= x.start as usize));
                if at < 3 {
                    strong.insert(at, (w, x.start as usize, x.end as usize));
                    strong.truncate(3);
                }
            }
        }
        spans.extend(strong.into_iter().map(|(_, s, e)| (s, e, None)));
        spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut merged: Vec<(usize, usize, Option<&str>)> = Vec::new();
        for (s, e, why) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e, why)),
            }
        }
        // Character index -> byte offset, walking forward (spans are in text order; two may share
        // a character when a rewrite made one input character several).
        let (mut char_at, mut byte_at) = (0, 0);
        let mut byte_of = |i: usize| {
            if i < char_at {
                (char_at, byte_at) = (0, 0);
            }
            for c in text[byte_at..].chars().take(i - char_at) {
                byte_at += c.len_utf8();
            }
            char_at = i;
            byte_at
        };
        merged
            .into_iter()
            .map(|(s, e, phrase)| {
                let (start, end) = n.source_span(s, e);
                let (from, to) = (byte_of(start), byte_of(end));
                let (why, why_en) = match phrase {
                    Some(p) => {
                        (format!("{}的典型话术「{}」", t.name_zh, p), format!("typical of {}: \"{p}\"", t.name_en))
                    }
                    None => strong_feature(t),
                };
                Cue { text: text[from..to].to_string(), start, end, why, why_en }
            })
            .collect()
    }
}

/// Why a span the model weighed heavily is a cue, in Chinese and English.
fn strong_feature(t: &Typology) -> (String, String) {
    (format!("模型判断为{}的强特征", t.name_zh), format!("weighs heavily for {} in the model", t.name_en))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn texts() -> Vec<String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/text/corpus.jsonl");
        let examples = crate::parse_examples(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut texts: Vec<String> = examples.iter().map(|e| crate::disguise(&e.text, "symbols")).collect();
        texts.extend(examples.into_iter().map(|e| e.text));
        texts.extend(["请把钱转到 安*全*账*戶 里，加V信聯繫", "u币u币vx", "刷单"].map(String::from));
        texts
    }

    #[test]
    fn packed_16_bit_scores_are_the_models_scores() {
        let c = Classifier::shipped().unwrap();
        let mut worst = 0f32;
        let argmax = |p: &[f32]| (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)));
        for t in texts() {
            // Every part, packed against dense.
            for (_, buckets) in reference_parts(&c, &t) {
                let dense = c.model.probabilities(&buckets);
                let mut packed = Vec::new();
                c.scorer.probabilities_into(&buckets, &mut packed);
                for (a, b) in packed.iter().zip(&dense) {
                    worst = worst.max((a - b).abs());
                }
                assert_eq!(argmax(&packed), argmax(&dense), "{t}");
            }
            let fast = c.probabilities(&t);
            assert_eq!(fast, reference_probabilities(&c, &t).0, "{t}");
            let a = c.analyze(&t).unwrap();
            assert_eq!(a.probability, fast[c.verdict(&fast)], "{t}");
        }
        assert!(worst < 1e-5, "largest difference {worst}");
    }

    /// The whole normalized text and each of its windows, with the distinct buckets of the
    /// positioned features inside it.
    fn reference_parts(c: &Classifier, text: &str) -> Vec<((usize, usize), Vec<u32>)> {
        let n = normalize(text);
        let mut parts = vec![(0, n.chars.len())];
        parts.extend(windows(n.chars.len(), c.model.window as usize));
        parts
            .into_iter()
            .map(|(a, b)| {
                let mut f = Vec::new();
                c.featurizer.features_in(&n, a, b, &mut f);
                let mut buckets: Vec<u32> = f.iter().map(|x| x.bucket).collect();
                buckets.sort_unstable();
                buckets.dedup();
                ((a, b), buckets)
            })
            .collect()
    }

    /// The scores of the first part with the most evidence of a scam, and that part.
    fn reference_probabilities(c: &Classifier, text: &str) -> (Vec<f32>, (usize, usize)) {
        let mut best: Option<(Vec<f32>, (usize, usize))> = None;
        for (part, buckets) in reference_parts(c, text) {
            let mut p = Vec::new();
            c.scorer.probabilities_into(&buckets, &mut p);
            if best.as_ref().is_none_or(|q| scam_evidence(&p, c.none) > scam_evidence(&q.0, c.none)) {
                best = Some((p, part));
            }
        }
        best.expect("the whole text is a part")
    }

    /// The explanation as first written: the lexicon by Aho-Corasick, every strong feature
    /// sorted, the dense weights, the text as a `Vec<char>`.
    fn reference_cues(c: &Classifier, text: &str) -> Vec<Cue> {
        let n = normalize(text);
        let (p, (from, to)) = reference_probabilities(c, text);
        let k = c.verdict(&p);
        let t = Typology::by_id(&c.model.labels[k]).unwrap();
        if t.id == "none" {
            return Vec::new();
        }
        let mut f = Vec::new();
        c.featurizer.features_in(&n, from, to, &mut f);
        let mut spans: Vec<(usize, usize, (String, String))> = crate::lexicon::find_all(&n.chars)
            .into_iter()
            .filter(|h| h.typology == t.id && from <= h.start && h.end <= to)
            .map(|h| {
                let zh = format!("{}的典型话术「{}」", t.name_zh, h.phrase);
                (h.start, h.end, (zh, format!("typical of {}: \"{}\"", t.name_en, h.phrase)))
            })
            .collect();
        let none = c.model.labels.iter().position(|l| l == "none");
        let mut strong: Vec<(f32, usize, usize)> = f
            .iter()
            .filter(|x| x.end - x.start >= 2)
            .map(|x| {
                let w = c.model.weight(x.bucket, k) - none.map_or(0.0, |z| c.model.weight(x.bucket, z));
                (w, x.start as usize, x.end as usize)
            })
            .filter(|(w, _, _)| *w > 0.05)
            .collect();
        strong.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, s, e) in strong.into_iter().take(3) {
            spans.push((s, e, strong_feature(t)));
        }
        spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut merged: Vec<(usize, usize, (String, String))> = Vec::new();
        for (s, e, why) in spans {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e, why)),
            }
        }
        let original: Vec<char> = text.chars().collect();
        merged
            .into_iter()
            .map(|(s, e, (why, why_en))| {
                let (start, end) = n.source_span(s, e);
                Cue { text: original[start..end].iter().collect(), start, end, why, why_en }
            })
            .collect()
    }

    #[test]
    fn cues_are_the_reference_cues() {
        let c = Classifier::shipped().unwrap();
        let mut explained = 0;
        for t in texts() {
            let a = c.analyze(&t).unwrap();
            explained += usize::from(!a.cues.is_empty());
            assert_eq!(a.cues, reference_cues(&c, &t), "{t}");
        }
        assert!(explained > 1000, "{explained}");
    }

    #[test]
    fn threads_get_the_same_answers() {
        let c = Classifier::shipped().unwrap();
        let texts = texts();
        let one: Vec<Vec<f32>> = texts.iter().map(|t| c.probabilities(t)).collect();
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    for (t, p) in texts.iter().zip(&one).rev() {
                        assert_eq!(&c.probabilities(t), p);
                    }
                });
            }
        });
    }
}
