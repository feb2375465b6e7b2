//! Fraud-script warnings: is a message or call transcript a scam, which typology, which words
//! gave it away, and what to do.
//!
//! Design decisions, and why:
//! - **Normalize before anything** ([`normalize()`]): traditional characters, full-width
//!   letters, spaces or symbols between characters, emoji and homophone spellings are the
//!   usual ways scam texts dodge keyword filters; each normalized character remembers where it
//!   came from, so cues are shown on the text the user sent.
//! - **A small linear model** over character 1–2-grams and words, hashed: trained in Rust in
//!   seconds, its probabilities calibrated by temperature scaling, stored in a small versioned
//!   file. Words are the model's vocabulary (what jieba cut the training texts into), found in a
//!   text by one trie walk rather than by segmenting it, so classifying loads no dictionary.
//! - **Fast**: one pass to normalize, one to featurize, per-thread buffers (no allocation but
//!   the result), the weights packed as 16-bit integers: a few hundred thousand short messages
//!   per second on one core.
//! - **Explanations from the same numbers**: cues are the typology's lexicon phrases found in
//!   the text plus the model's strongest features for the verdict against `none`.
#![deny(missing_docs)]

mod advice;
mod classifier;
pub mod encoder;
mod eval;
mod features;
mod lexicon;
mod model;
mod normalize;
mod train;
mod windows;

pub use classifier::{Analysis, Classifier, Cue, Passage, Scored, DEFAULT_MODEL, MAX_CHARS};
pub use eval::{disguise, evaluate, ClassScore, Evaluation, KindScore, EVASIONS};
pub use model::{Model, ModelError, MODEL_FORMAT_VERSION};
pub use normalize::{normalize, Normalized};
pub use train::{is_test, parse_examples, train, vocabulary, Example, TrainOptions};

/// Why a text could not be analyzed, or a model trained.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// Nothing to analyze.
    #[error("the text is empty")]
    Empty,
    /// Longer than [`MAX_CHARS`].
    #[error("the text has {chars} characters; at most {MAX_CHARS} are analyzed")]
    TooLong {
        /// Its length.
        chars: usize,
    },
    /// A training data line is wrong.
    #[error("line {line}: {reason}")]
    Data {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The model file cannot be used.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The second stage's encoder or head cannot be used.
    #[error(transparent)]
    Encoder(#[from] encoder::EncoderError),
}
