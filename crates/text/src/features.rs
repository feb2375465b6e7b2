//! Features of a normalized text: character 1–2-grams, the model's vocabulary words and the
//! curated lexicon phrases, hashed into buckets, each remembering where it occurs (so the
//! strongest can be shown as cues).
//!
//! Words: training segments its texts with jieba (no HMM) and keeps every word of two or more
//! characters as the model's vocabulary (stored in the model file); a text's word features are
//! then every occurrence of a vocabulary word (overlaps included), found with the lexicon phrases
//! by one walk of a character trie from each position. No dictionary is loaded and no
//! segmentation is run to classify: a word jieba never produced on the training texts had no
//! weight to learn anyway.

use crate::normalize::{normalize_into, Normalized};
use rustc_hash::FxHashMap;

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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a over a kind tag and the feature's characters (each as 4 little-endian bytes).
fn hash(kind: u8, chars: impl IntoIterator<Item = char>) -> u64 {
    let mut h: u64 = (FNV_OFFSET ^ kind as u64).wrapping_mul(FNV_PRIME);
    for c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// The bucket of a word feature (`w`) or of a lexicon typology feature (`L`).
fn bucket_of(kind: u8, s: &str, buckets: u32) -> u32 {
    (hash(kind, s.chars()) % buckets as u64) as u32
}

/// Digits count as `0`, so amounts, phone numbers and codes share features by shape.
#[inline]
pub(crate) fn shape(c: char) -> char {
    if c.is_ascii_digit() {
        '0'
    } else {
        c
    }
}

/// Turns normalized text into features for one model (its vocabulary and bucket count).
#[derive(Debug, Clone)]
pub struct Featurizer {
    buckets: u32,
    /// A trie of the lexicon phrases and vocabulary words (all of two or more characters): the
    /// node of a phrase's first two characters, by [`pair`] of them,
    first: FxHashMap<u64, u32>,
    /// and a node's child, by [`pair`] of the node and the next character.
    next: FxHashMap<u64, u32>,
    /// Node `k`'s features are `node_buckets[node_at[k]..node_at[k + 1]]` (empty unless a phrase
    /// ends there): the word's bucket, and one per typology whose lexicon has the phrase,
    node_at: Vec<u32>,
    node_buckets: Vec<u32>,
    /// and its lexicon entries (typology, phrase) are `node_lexicon[lexicon_at[k]..lexicon_at[k + 1]]`.
    lexicon_at: Vec<u32>,
    node_lexicon: Vec<(&'static str, &'static str)>,
    /// Whether node `k` has children.
    inner: Vec<bool>,
}

/// What ends at a node of the trie while it is built.
#[derive(Default)]
struct Ends {
    buckets: Vec<u32>,
    lexicon: Vec<(&'static str, &'static str)>,
}

/// Two 32-bit values as one hash key.
#[inline]
fn pair(a: u32, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

/// Per-thread buffers, so that scoring a text allocates nothing but its result.
#[derive(Default)]
pub struct Scratch {
    /// The normalized text.
    pub norm: Normalized,
    pub(crate) spare: Normalized,
    /// The normalized text with digits as `0`.
    shaped: Vec<char>,
    /// The distinct buckets, in order of first occurrence.
    pub buckets: Vec<u32>,
    /// One bit per bucket: seen in this text (all clear between texts),
    seen: Vec<u64>,
    /// unless a text's featurizing was cut short (a panic): then `buckets` has the set bits.
    dirty: bool,
}

impl Featurizer {
    /// A featurizer for `words` (the vocabulary) and `buckets` hash buckets.
    pub fn new(words: &[String], buckets: u32) -> Featurizer {
        let mut f = Featurizer {
            buckets,
            first: FxHashMap::default(),
            next: FxHashMap::default(),
            node_at: vec![0],
            node_buckets: Vec::new(),
            lexicon_at: vec![0],
            node_lexicon: Vec::new(),
            inner: Vec::new(),
        };
        let mut ends: Vec<Ends> = Vec::new();
        for (typology, phrases) in crate::lexicon::CUES {
            let bucket = bucket_of(b'L', typology, buckets);
            for &phrase in *phrases {
                if let Some(node) = f.insert(phrase, &mut ends) {
                    let here = &mut ends[node as usize];
                    here.lexicon.push((typology, phrase));
                    if !here.buckets.contains(&bucket) {
                        here.buckets.push(bucket);
                    }
                }
            }
        }
        for w in words {
            let bucket = bucket_of(b'w', w, buckets);
            if let Some(node) = f.insert(w, &mut ends) {
                let here = &mut ends[node as usize];
                if !here.buckets.contains(&bucket) {
                    here.buckets.push(bucket);
                }
            }
        }
        for here in ends {
            f.node_buckets.extend(here.buckets);
            f.node_at.push(f.node_buckets.len() as u32);
            f.node_lexicon.extend(here.lexicon);
            f.lexicon_at.push(f.node_lexicon.len() as u32);
        }
        f
    }

    /// Adds `phrase` (digits as `0`) to the trie; its node, unless it is shorter than two
    /// characters.
    fn insert(&mut self, phrase: &str, ends: &mut Vec<Ends>) -> Option<u32> {
        let chars: Vec<char> = phrase.chars().map(shape).collect();
        if chars.len() < 2 {
            return None;
        }
        let mut new_node = |inner: &mut Vec<bool>| {
            ends.push(Ends::default());
            inner.push(false);
            (ends.len() - 1) as u32
        };
        let mut node = *self.first.entry(pair(chars[0] as u32, chars[1])).or_insert_with(|| new_node(&mut self.inner));
        for &c in &chars[2..] {
            self.inner[node as usize] = true;
            node = *self.next.entry(pair(node, c)).or_insert_with(|| new_node(&mut self.inner));
        }
        Some(node)
    }

    fn buckets_at(&self, node: u32) -> &[u32] {
        &self.node_buckets[self.node_at[node as usize] as usize..self.node_at[node as usize + 1] as usize]
    }

    /// The lexicon phrases of `typology` in a normalized text: (first character, one past the
    /// last, phrase), overlaps included, by start, then end.
    pub fn lexicon_hits(&self, chars: &[char], typology: &str) -> Vec<(usize, usize, &'static str)> {
        let shaped: Vec<char> = chars.iter().map(|&c| shape(c)).collect();
        let mut hits = Vec::new();
        self.phrases(&shaped, |start, end, node| {
            let at = self.lexicon_at[node as usize] as usize..self.lexicon_at[node as usize + 1] as usize;
            for &(t, phrase) in &self.node_lexicon[at] {
                if t == typology {
                    hits.push((start, end, phrase));
                }
            }
        });
        hits
    }

    /// Calls `found(start, end, node)` for every occurrence of a phrase of the trie in `chars`
    /// (with digits as `0`), by start, then end.
    #[inline]
    fn phrases(&self, chars: &[char], mut found: impl FnMut(usize, usize, u32)) {
        for start in 0..chars.len().saturating_sub(1) {
            let Some(&(mut node)) = self.first.get(&pair(chars[start] as u32, chars[start + 1])) else {
                continue;
            };
            let mut end = start + 2;
            loop {
                if self.node_at[node as usize] < self.node_at[node as usize + 1] {
                    found(start, end, node);
                }
                if end == chars.len() || !self.inner[node as usize] {
                    break;
                }
                match self.next.get(&pair(node, chars[end])) {
                    Some(&k) => node = k,
                    None => break,
                }
                end += 1;
            }
        }
    }

    // Character 1- and 2-grams. Trigrams were tried: on the team corpus they cost 3 points of
    // macro-F1 (too few texts for that many features).

    #[inline]
    fn unigram(&self, c: char) -> u32 {
        self.reduce(hash(1, [c]))
    }

    #[inline]
    fn bigram(&self, a: char, b: char) -> u32 {
        self.reduce(hash(2, [a, b]))
    }

    /// `h % buckets`, without a division when the bucket count is a power of two (as usual).
    #[inline]
    fn reduce(&self, h: u64) -> u32 {
        if self.buckets.is_power_of_two() {
            (h & (self.buckets as u64 - 1)) as u32
        } else {
            (h % self.buckets as u64) as u32
        }
    }

    /// Appends the features of `n` to `out`, with positions.
    #[cfg(test)]
    pub fn features(&self, n: &Normalized, out: &mut Vec<Feature>) {
        self.features_in(n, 0, n.chars.len(), out);
    }

    /// Appends the features of normalized characters `[from, to)` of `n` to `out`, with their
    /// positions in the whole text.
    pub fn features_in(&self, n: &Normalized, from: usize, to: usize, out: &mut Vec<Feature>) {
        let chars: Vec<char> = n.chars[from..to].iter().map(|&c| shape(c)).collect();
        let at = |i: usize| (from + i) as u32;
        for (i, &c) in chars.iter().enumerate() {
            out.push(Feature { bucket: self.unigram(c), start: at(i), end: at(i + 1) });
        }
        for (i, w) in chars.windows(2).enumerate() {
            out.push(Feature { bucket: self.bigram(w[0], w[1]), start: at(i), end: at(i + 2) });
        }
        self.phrases(&chars, |start, end, node| {
            for &bucket in self.buckets_at(node) {
                out.push(Feature { bucket, start: at(start), end: at(end) });
            }
        });
    }

    /// The distinct buckets of `s.norm` into `s.buckets`, in order of first occurrence (the
    /// fast path: no positions, and no allocation once the scratch buffers have grown).
    pub fn distinct_buckets(&self, s: &mut Scratch) {
        let len = s.norm.chars.len();
        self.distinct_buckets_in(s, 0, len);
    }

    /// The distinct buckets of normalized characters `[from, to)` of `s.norm` into `s.buckets`
    /// (a window of a long text).
    pub fn distinct_buckets_in(&self, s: &mut Scratch, from: usize, to: usize) {
        let Scratch { norm, shaped, buckets, seen, dirty, .. } = s;
        if *dirty {
            for &b in buckets.iter() {
                seen[b as usize / 64] = 0;
            }
        }
        *dirty = true;
        let words = (self.buckets as usize).div_ceil(64);
        if seen.len() < words {
            seen.resize(words, 0);
        }
        buckets.clear();
        let mut add = |b: u32| {
            let (w, bit) = (b as usize / 64, 1u64 << (b % 64));
            if seen[w] & bit == 0 {
                seen[w] |= bit;
                buckets.push(b);
            }
        };
        shaped.clear();
        let mut prev = None;
        for &c in &norm.chars[from..to] {
            let c = shape(c);
            shaped.push(c);
            add(self.unigram(c));
            if let Some(p) = prev {
                add(self.bigram(p, c));
            }
            prev = Some(c);
        }
        self.phrases(shaped, |_, _, node| self.buckets_at(node).iter().for_each(|&b| add(b)));
        for &b in buckets.iter() {
            seen[b as usize / 64] = 0;
        }
        *dirty = false;
    }

    /// Normalizes `text` into `s.norm` and its distinct buckets into `s.buckets`.
    pub fn text_buckets(&self, text: &str, s: &mut Scratch) {
        normalize_into(text, &mut s.norm, &mut s.spare);
        self.distinct_buckets(s);
    }

    /// The distinct buckets of a text, in order of first occurrence (allocating).
    #[cfg(test)]
    pub fn buckets_of(&self, text: &str) -> Vec<u32> {
        let mut s = Scratch::default();
        self.text_buckets(text, &mut s);
        s.buckets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use aho_corasick::AhoCorasick;

    /// The corpus texts, each also disguised, and the shipped model's vocabulary.
    fn texts_and_words() -> (Vec<String>, Vec<String>) {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/text/corpus.jsonl");
        let examples = crate::parse_examples(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut texts = Vec::new();
        for e in examples {
            for kind in crate::EVASIONS {
                texts.push(crate::disguise(&e.text, kind));
            }
            texts.push(e.text);
        }
        texts
            .extend(["", "a", "v信", "刷单刷单", "安全账户安全账户涉嫌洗钱", "123456 usdt atm 0000"].map(String::from));
        let words = crate::Classifier::shipped().unwrap().model().words.clone();
        (texts, words)
    }

    /// The features as a plain reading of the definition: every 1- and 2-gram, then every
    /// occurrence of every lexicon phrase and vocabulary word, by Aho-Corasick.
    struct Reference {
        buckets: u32,
        patterns: Vec<u32>,
        automaton: AhoCorasick,
    }

    impl Reference {
        fn new(words: &[String], buckets: u32) -> Reference {
            let mut patterns: Vec<(&str, u32)> = Vec::new();
            for (t, phrases) in crate::lexicon::CUES {
                patterns.extend(phrases.iter().map(|&p| (p, bucket_of(b'L', t, buckets))));
            }
            patterns.extend(words.iter().map(|w| (w.as_str(), bucket_of(b'w', w, buckets))));
            patterns.retain(|(p, _)| p.chars().count() >= 2);
            let automaton = AhoCorasick::new(patterns.iter().map(|(p, _)| p)).unwrap();
            Reference { buckets, patterns: patterns.iter().map(|p| p.1).collect(), automaton }
        }

        fn features(&self, chars: &[char]) -> Vec<Feature> {
            let chars: Vec<char> = chars.iter().map(|&c| shape(c)).collect();
            let mut out = Vec::new();
            for len in 1..=2 {
                for start in 0..chars.len().saturating_sub(len - 1) {
                    let h = hash(len as u8, chars[start..start + len].iter().copied());
                    let bucket = (h % self.buckets as u64) as u32;
                    out.push(Feature { bucket, start: start as u32, end: (start + len) as u32 });
                }
            }
            let text: String = chars.iter().collect();
            let char_at = |b: usize| text[..b].chars().count() as u32;
            for m in self.automaton.find_overlapping_iter(&text) {
                let bucket = self.patterns[m.pattern().as_usize()];
                out.push(Feature { bucket, start: char_at(m.start()), end: char_at(m.end()) });
            }
            out
        }
    }

    fn sorted_set(mut f: Vec<Feature>) -> Vec<(u32, u32, u32)> {
        let mut v: Vec<(u32, u32, u32)> = f.drain(..).map(|f| (f.bucket, f.start, f.end)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn the_trie_finds_what_aho_corasick_finds() {
        let (texts, words) = texts_and_words();
        assert!(words.len() > 1000, "the shipped model has a vocabulary");
        for buckets in [1 << 16, 1000] {
            let f = Featurizer::new(&words, buckets);
            let reference = Reference::new(&words, buckets);
            for t in &texts {
                let n = normalize(t);
                let mut got = Vec::new();
                f.features(&n, &mut got);
                assert_eq!(sorted_set(got), sorted_set(reference.features(&n.chars)), "{t}");
            }
        }
    }

    #[test]
    fn the_fast_path_scores_the_buckets_the_explanation_sees() {
        let (texts, words) = texts_and_words();
        let f = Featurizer::new(&words, 1 << 16);
        let mut s = Scratch::default();
        for t in &texts {
            f.text_buckets(t, &mut s);
            let mut fast = s.buckets.clone();
            let mut features = Vec::new();
            f.features(&normalize(t), &mut features);
            let mut want: Vec<u32> = features.iter().map(|x| x.bucket).collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(fast.len(), want.len(), "no bucket twice: {t}");
            fast.sort_unstable();
            assert_eq!(fast, want, "{t}");
            assert_eq!(f.buckets_of(t), s.buckets, "{t}");
            assert!(s.seen.iter().all(|&w| w == 0), "the seen bits are cleared");
            // A window's buckets are those of the features inside it.
            let n = normalize(t);
            for (a, b) in crate::windows::windows(n.chars.len(), 24) {
                f.distinct_buckets_in(&mut s, a, b);
                let mut fast = s.buckets.clone();
                let mut features = Vec::new();
                f.features_in(&n, a, b, &mut features);
                assert!(features.iter().all(|x| a as u32 <= x.start && x.end <= b as u32));
                let mut want: Vec<u32> = features.iter().map(|x| x.bucket).collect();
                want.sort_unstable();
                want.dedup();
                fast.sort_unstable();
                assert_eq!(fast, want, "{t} [{a}, {b})");
            }
        }
        // A text cut short leaves its bits set; the next text clears them first.
        f.text_buckets(&texts[0], &mut s);
        for &b in &s.buckets {
            s.seen[b as usize / 64] |= 1 << (b % 64);
        }
        s.dirty = true;
        f.text_buckets(&texts[0], &mut s);
        assert_eq!(s.buckets, f.buckets_of(&texts[0]));
    }

    #[test]
    fn lexicon_hits_are_the_lexicons_phrases() {
        let (texts, words) = texts_and_words();
        let f = Featurizer::new(&words, 1 << 16);
        for t in &texts {
            let n = normalize(t);
            let all = crate::lexicon::find_all(&n.chars);
            for (typology, _) in crate::lexicon::CUES {
                let mut want: Vec<(usize, usize, &str)> =
                    all.iter().filter(|h| h.typology == *typology).map(|h| (h.start, h.end, h.phrase)).collect();
                want.sort_unstable();
                let mut got = f.lexicon_hits(&n.chars, typology);
                got.sort_unstable();
                assert_eq!(got, want, "{typology}: {t}");
            }
        }
    }
}
