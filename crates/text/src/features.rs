//! Features of a normalized text: character 1–2-grams and jieba words, hashed into buckets,
//! each remembering where it occurs (so the strongest can be shown as cues).

use crate::normalize::Normalized;
use jieba_rs::Jieba;

/// One feature occurrence: its bucket and the normalized characters `[start, end)` it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feature {
    /// Hash bucket.
    pub bucket: u32,
    /// First normalized character.
    pub start: u32,
    /// One past the last normalized character.
    pub end: u32,
}

/// Longest character n-gram. Trigrams were tried: on the team corpus they cost 3 points of
/// macro-F1 (too few texts for that many features).
const MAX_NGRAM: usize = 2;

/// FNV-1a over a kind tag and the feature's characters.
fn hash(kind: u8, chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ kind as u64;
    h = h.wrapping_mul(0x0100_0000_01b3);
    for &c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The distinct buckets of some features: what the model scores.
pub fn distinct_buckets(f: &[Feature]) -> Vec<u32> {
    let mut b: Vec<u32> = f.iter().map(|f| f.bucket).collect();
    b.sort_unstable();
    b.dedup();
    b
}

/// The distinct buckets of a text, normalized.
pub fn buckets_of(text: &str, jieba: &Jieba, buckets: u32) -> Vec<u32> {
    let mut f = Vec::new();
    features(&crate::normalize::normalize(text), jieba, buckets, &mut f);
    distinct_buckets(&f)
}

/// [`hash`] of a string's characters.
fn hash_str(kind: u8, s: &str) -> u64 {
    let mut h: u64 = (0xcbf2_9ce4_8422_2325 ^ kind as u64).wrapping_mul(0x0100_0000_01b3);
    for c in s.chars() {
        for b in (c as u32).to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Appends the features of `n` to `out`. Digits count as `0`, so amounts, phone numbers and
/// codes share features by shape.
pub fn features(n: &Normalized, jieba: &Jieba, buckets: u32, out: &mut Vec<Feature>) {
    let chars: Vec<char> = n.chars.iter().map(|&c| if c.is_ascii_digit() { '0' } else { c }).collect();
    for len in 1..=MAX_NGRAM {
        for start in 0..chars.len().saturating_sub(len - 1) {
            let bucket = (hash(len as u8, &chars[start..start + len]) % buckets as u64) as u32;
            out.push(Feature { bucket, start: start as u32, end: (start + len) as u32 });
        }
    }
    // The curated lexicon, one feature per typology whose cue phrase occurs: prior knowledge the
    // small corpus cannot teach for every phrasing.
    for hit in crate::lexicon::find_all(&n.chars) {
        let bucket = (hash_str(b'L', hit.typology) % buckets as u64) as u32;
        out.push(Feature { bucket, start: hit.start as u32, end: hit.end as u32 });
    }
    let text: String = chars.iter().collect();
    let mut at = 0u32;
    for word in jieba.cut(&text, false) {
        let len = word.chars().count() as u32;
        if len >= 2 {
            let bucket = (hash_str(b'w', word) % buckets as u64) as u32;
            out.push(Feature { bucket, start: at, end: at + len });
        }
        at += len;
    }
}
