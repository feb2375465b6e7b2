//! Undoing the tricks scam texts use to slip past filters, while remembering where every
//! character came from (so cues are shown on the text the user sent).
//!
//! In order: full-width letters and digits become ASCII; ASCII letters are lower-cased;
//! traditional characters become simplified; spaces, punctuation, symbols and emoji are
//! dropped (which also joins `安 全 账 户` and `安*全*账*户`); and a small table of homophone and
//! pinyin spellings common in scam texts (`v信`, `威信`, `zhuan账`, `帐户`) is rewritten.

/// Text ready for features, with each character's origin.
#[derive(Debug, Clone, PartialEq, Eq)]
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
fn keeps(c: char) -> bool {
    c.is_alphanumeric()
}

/// Normalizes `input` (see the module docs).
pub fn normalize(input: &str) -> Normalized {
    let simplified = fast2s::convert(input);
    let original: Vec<char> = input.chars().collect();
    let converted: Vec<char> = simplified.chars().collect();
    // Conversion is character for character almost always; when a phrase changed length, fall
    // back to converting each character on its own so origins stay exact.
    let per_char: Vec<char> = if converted.len() == original.len() {
        converted
    } else {
        original.iter().map(|c| fast2s::convert(&c.to_string()).chars().next().unwrap_or(*c)).collect()
    };
    let mut chars = Vec::with_capacity(per_char.len());
    let mut origin = Vec::with_capacity(per_char.len());
    for (i, &c) in per_char.iter().enumerate() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if !keeps(c) {
            continue;
        }
        chars.push(c.to_ascii_lowercase());
        origin.push(i as u32);
    }
    substitute(Normalized { chars, origin })
}

/// Rewrites the [`SUBSTITUTIONS`]; each replacement character takes the origin of the
/// replaced span's characters, position by position (the last one repeats).
fn substitute(n: Normalized) -> Normalized {
    if !n
        .chars
        .iter()
        .any(|c| c.is_ascii_alphabetic() || matches!(c, '威' | '薇' | '徽' | '扣' | '企' | '帐' | '带' | '保'))
    {
        return n;
    }
    static PATTERNS: std::sync::OnceLock<Vec<(Vec<char>, Vec<char>)>> = std::sync::OnceLock::new();
    let pats = PATTERNS.get_or_init(|| {
        SUBSTITUTIONS.iter().map(|(from, to)| (from.chars().collect(), to.chars().collect())).collect()
    });
    let mut chars = Vec::with_capacity(n.chars.len());
    let mut origin = Vec::with_capacity(n.chars.len());
    let mut i = 0;
    'outer: while i < n.chars.len() {
        for (from, to) in pats {
            if n.chars[i..].starts_with(from) {
                for (k, &c) in to.iter().enumerate() {
                    chars.push(c);
                    origin.push(n.origin[i + k.min(from.len() - 1)]);
                }
                i += from.len();
                continue 'outer;
            }
        }
        chars.push(n.chars[i]);
        origin.push(n.origin[i]);
        i += 1;
    }
    Normalized { chars, origin }
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
}
