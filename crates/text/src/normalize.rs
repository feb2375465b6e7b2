//! Undoing the tricks scam texts use to slip past filters, while remembering where every
//! character came from (so cues are shown on the text the user sent).
//!
//! In order: full-width letters and digits become ASCII; ASCII letters are lower-cased;
//! traditional characters become simplified; spaces, punctuation, symbols and emoji are
//! dropped (which also joins `安 全 账 户` and `安*全*账*户`); and a small table of homophone and
//! pinyin spellings common in scam texts (`v信`, `威信`, `zhuan账`, `帐户`) is rewritten.

/// Text ready for features, with each character's origin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized characters.
    pub chars: Vec<char>,
    /// For each normalized character, the index of the character of the input it came from.
    pub origin: Vec<u32>,
}

impl Normalized {
    /// The normalized text.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The input character range `[start, end)` that normalized characters `[from, to)` came from.
    pub fn source_span(&self, from: usize, to: usize) -> (usize, usize) {
        let start = self.origin[from] as usize;
        let end = self.origin[to - 1] as usize + 1;
        (start, end.max(start + 1))
    }
}

/// Spellings scam texts use to dodge keyword filters, and what they stand for.
const SUBSTITUTIONS: &[(&str, &str)] = &[
    ("wei信", "微信"),
    ("v信", "微信"),
    ("vx", "微信"),
    ("威信", "微信"),
    ("薇信", "微信"),
    ("徽信", "微信"),
    ("扣扣", "qq"),
    ("企鹅号", "qq"),
    ("zhuan账", "转账"),
    ("转帐", "转账"),
    ("帐户", "账户"),
    ("帐号", "账号"),
    ("yin行", "银行"),
    ("银hang", "银行"),
    ("shua单", "刷单"),
    ("刷dan", "刷单"),
    ("jian职", "兼职"),
    ("兼zhi", "兼职"),
    ("返li", "返利"),
    ("dai款", "贷款"),
    ("贷kuan", "贷款"),
    ("带款", "贷款"),
    ("保正金", "保证金"),
    ("bao证金", "保证金"),
    ("验证ma", "验证码"),
    ("yan证码", "验证码"),
    ("jie冻", "解冻"),
    ("解dong", "解冻"),
    ("公jian法", "公检法"),
    ("征xin", "征信"),
    ("zheng信", "征信"),
    ("投zi", "投资"),
    ("tou资", "投资"),
    ("u币", "usdt"),
];

/// Whether a character carries meaning for classification (letters, digits, CJK).
#[inline]
fn keeps(c: char) -> bool {
    // The CJK Unified Ideographs block is all letters: answer it without the Unicode tables.
    c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// Normalizes `input` (see the module docs).
pub fn normalize(input: &str) -> Normalized {
    let mut n = Normalized::default();
    normalize_into(input, &mut n, &mut Normalized::default());
    n
}

/// fast2s's conversion of one character, looked up instead of recomputed: fast2s converts
/// character for character (one output character per input character, so positions carry
/// over), and almost always without looking at the neighbours.
struct Simplifier {
    /// One bit per BMP character that fast2s changes on its own.
    changed: Vec<u64>,
    /// What it becomes.
    to: rustc_hash::FxHashMap<char, char>,
    /// One bit per character whose conversion depends on its neighbours (fast2s 0.3's
    /// `T2S_EXCLUDE` and `T2S_SPECIAL_CONVERT_TYPE`): a text with one is converted by fast2s.
    special: Vec<u64>,
}

/// Characters fast2s converts depending on their neighbours (兒寬, 答覆, 看著, 計畫, …).
const CONTEXT_DEPENDENT: &str = "兒覆夥藉瞭麽幺於乾著苧闔鍾讎畫";

#[inline]
fn has(set: &[u64], c: char) -> bool {
    let c = c as u32;
    c < 0x10000 && (set[(c >> 6) as usize] >> (c & 63)) & 1 == 1
}

fn simplifier() -> &'static Simplifier {
    static S: std::sync::OnceLock<Simplifier> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let mut s = Simplifier { changed: vec![0; 1024], to: rustc_hash::FxHashMap::default(), special: vec![0; 1024] };
        // fast2s only converts characters of three UTF-8 bytes.
        let mut buf = [0u8; 4];
        for c in ('\u{800}'..='\u{FFFF}').filter(|c| c.len_utf8() == 3) {
            let converted = fast2s::convert(c.encode_utf8(&mut buf));
            let mut it = converted.chars();
            if let (Some(to), None) = (it.next(), it.next()) {
                if to != c {
                    s.changed[(c as u32 >> 6) as usize] |= 1 << (c as u32 & 63);
                    s.to.insert(c, to);
                }
            }
        }
        for c in CONTEXT_DEPENDENT.chars() {
            s.special[(c as u32 >> 6) as usize] |= 1 << (c as u32 & 63);
        }
        s
    })
}

/// Builds the lookup tables now rather than on the first text.
pub(crate) fn prepare() {
    simplifier();
}

/// [`normalize`] into `out`, reusing its buffers (`spare` is a second buffer for the rewrites).
pub(crate) fn normalize_into(input: &str, out: &mut Normalized, spare: &mut Normalized) {
    out.chars.clear();
    out.origin.clear();
    if input.is_ascii() {
        for (i, b) in input.bytes().enumerate() {
            if b.is_ascii_alphanumeric() {
                out.chars.push(b.to_ascii_lowercase() as char);
                out.origin.push(i as u32);
            }
        }
    } else {
        let s = simplifier();
        let mut context_dependent = false;
        for (i, c) in input.chars().enumerate() {
            if has(&s.special, c) {
                context_dependent = true;
                break;
            }
            let c = if has(&s.changed, c) { s.to[&c] } else { c };
            keep(c, i, out);
        }
        if context_dependent {
            out.chars.clear();
            out.origin.clear();
            for (i, c) in fast2s::convert(input).chars().enumerate() {
                keep(c, i, out);
            }
        }
    }
    substitute(out, spare);
}

/// Appends simplified character `c`, input character `i`, if it carries meaning: full-width as
/// ASCII, lower case.
#[inline]
fn keep(c: char, i: usize, out: &mut Normalized) {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if keeps(c) {
        out.chars.push(c.to_ascii_lowercase());
        out.origin.push(i as u32);
    }
}

/// Rewrites the [`SUBSTITUTIONS`] in place (leftmost first, the first listed spelling winning);
/// each replacement character takes the origin of the replaced span's characters, position by
/// position (the last one repeats).
fn substitute(n: &mut Normalized, spare: &mut Normalized) {
    if !n
        .chars
        .iter()
        .any(|c| c.is_ascii_alphabetic() || matches!(c, '威' | '薇' | '徽' | '扣' | '企' | '帐' | '带' | '保'))
    {
        return;
    }
    type Patterns = (Vec<(Vec<char>, Vec<char>)>, rustc_hash::FxHashMap<char, Vec<usize>>);
    static PATTERNS: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
    let (pats, by_first) = PATTERNS.get_or_init(|| {
        let pats: Vec<(Vec<char>, Vec<char>)> =
            SUBSTITUTIONS.iter().map(|(from, to)| (from.chars().collect(), to.chars().collect())).collect();
        let mut by_first: rustc_hash::FxHashMap<char, Vec<usize>> = Default::default();
        for (k, (from, _)) in pats.iter().enumerate() {
            by_first.entry(from[0]).or_default().push(k);
        }
        (pats, by_first)
    });
    spare.chars.clear();
    spare.origin.clear();
    let mut i = 0;
    'outer: while i < n.chars.len() {
        if let Some(candidates) = by_first.get(&n.chars[i]) {
            for &k in candidates {
                let (from, to) = &pats[k];
                if n.chars[i..].starts_with(from) {
                    for (k, &c) in to.iter().enumerate() {
                        spare.chars.push(c);
                        spare.origin.push(n.origin[i + k.min(from.len() - 1)]);
                    }
                    i += from.len();
                    continue 'outer;
                }
            }
        }
        spare.chars.push(n.chars[i]);
        spare.origin.push(n.origin[i]);
        i += 1;
    }
    std::mem::swap(n, spare);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evasions_normalize_to_the_plain_text() {
        for input in ["安全账户", "安 全 账 户", "安*全*账*户", "安全帳戶", "安全帐户", "安-全-帳-户！！", "安😀全账户"]
        {
            assert_eq!(normalize(input).text(), "安全账户", "{input}");
        }
        assert_eq!(normalize("加V信ＡＢＣ１２３").text(), "加微信abc123");
        assert_eq!(normalize("请zhuan账到威信").text(), "请转账到微信");
    }

    #[test]
    fn origins_point_into_the_input() {
        let input = "请把钱转到 安*全*账*户 里";
        let n = normalize(input);
        let text = n.text();
        let at = text.find("安全账户").map(|b| text[..b].chars().count()).unwrap();
        let (start, end) = n.source_span(at, at + 4);
        let original: String = input.chars().skip(start).take(end - start).collect();
        assert_eq!(original, "安*全*账*户");
    }

    #[test]
    fn the_cjk_shortcut_agrees_with_unicode() {
        for c in ('\u{4E00}'..='\u{9FFF}').chain(['a', 'Z', '0', '!', ' ', 'é', 'ß', '①', '😀', '\u{3000}']) {
            assert_eq!(keeps(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The normalization before buffers were reused: a `Vec` per step, every substitution
    /// pattern tried at every position.
    fn reference(input: &str) -> Normalized {
        let simplified = fast2s::convert(input);
        let original: Vec<char> = input.chars().collect();
        let converted: Vec<char> = simplified.chars().collect();
        assert_eq!(converted.len(), original.len(), "fast2s converts character for character");
        let mut chars = Vec::new();
        let mut origin = Vec::new();
        for (i, &c) in converted.iter().enumerate() {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            if c.is_alphanumeric() {
                chars.push(c.to_ascii_lowercase());
                origin.push(i as u32);
            }
        }
        let pats: Vec<(Vec<char>, Vec<char>)> =
            SUBSTITUTIONS.iter().map(|(f, t)| (f.chars().collect(), t.chars().collect())).collect();
        let (mut out_chars, mut out_origin) = (Vec::new(), Vec::new());
        let mut i = 0;
        'outer: while i < chars.len() {
            for (from, to) in &pats {
                if chars[i..].starts_with(from) {
                    for (k, &c) in to.iter().enumerate() {
                        out_chars.push(c);
                        out_origin.push(origin[i + k.min(from.len() - 1)]);
                    }
                    i += from.len();
                    continue 'outer;
                }
            }
            out_chars.push(chars[i]);
            out_origin.push(origin[i]);
            i += 1;
        }
        Normalized { chars: out_chars, origin: out_origin }
    }

    #[test]
    fn reused_buffers_give_the_reference_normalization() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/text/corpus.jsonl");
        let corpus = std::fs::read_to_string(path).unwrap();
        let mut texts: Vec<String> = corpus
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(String::from))
            .collect();
        texts.extend(
            [
                "加V信ＡＢＣ１２３",
                "请zhuan账到威信",
                "wei信vx v信 保正金bao证金",
                "帳戶帐号带款",
                "",
                "   ",
                "ABC def",
                "①②③ é ß",
                // fast2s's own examples, with the characters it converts by context.
                "企畫 計畫 企劃 計劃 畫圖 畫畫",
                "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦，一邊嘴裡嚼着芒果乾。",
                "「藉」其他意义仍然保留的，藉口、憑藉的藉（jiè）简化作借，慰藉（jiè）、狼藉（jí）等的藉仍用藉。",
                "看著苧麻 闔家 鍾書 校讎 答覆 甚夥 瞭望 幺麽 樊於期",
            ]
            .map(String::from),
        );
        let (mut n, mut spare) = (Normalized::default(), Normalized::default());
        for t in &texts {
            for text in [t.clone(), crate::disguise(t, "traditional"), crate::disguise(t, "symbols")] {
                normalize_into(&text, &mut n, &mut spare);
                assert_eq!(n, reference(&text), "{text}");
            }
        }
    }
}
