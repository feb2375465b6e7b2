//! Splits expression text into tokens with their byte offsets.

use crate::error::ExprError;

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Num(f64),
    Str(String),
    /// A dotted name such as `payee.age_days`.
    Ident(String),
    True,
    False,
    In,
    Not,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    OrOr,
    AndAnd,
    Bang,
    Lt,
    Le,
    Gt,
    Ge,
    EqEq,
    Ne,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Eof,
}

impl Tok {
    /// How the token is written, for error messages.
    pub(crate) fn describe(&self) -> String {
        let s = match self {
            Tok::Num(n) => return format!("number {n}"),
            Tok::Str(s) => return format!("text \"{s}\""),
            Tok::Ident(name) => return format!("'{name}'"),
            Tok::Eof => return "end of expression".to_owned(),
            Tok::True => "true",
            Tok::False => "false",
            Tok::In => "in",
            Tok::Not => "not",
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::Comma => ",",
            Tok::OrOr => "||",
            Tok::AndAnd => "&&",
            Tok::Bang => "!",
            Tok::Lt => "<",
            Tok::Le => "<=",
            Tok::Gt => ">",
            Tok::Ge => ">=",
            Tok::EqEq => "==",
            Tok::Ne => "!=",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Percent => "%",
        };
        format!("'{s}'")
    }
}

/// Tokenizes `src`; each token comes with its starting byte offset. The last token is `Eof`.
pub(crate) fn tokenize(src: &str) -> Result<Vec<(Tok, usize)>, ExprError> {
    let bytes = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let two = |next: u8| bytes.get(i + 1) == Some(&next);
        let (tok, len) = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => (Tok::LParen, 1),
            b')' => (Tok::RParen, 1),
            b'[' => (Tok::LBracket, 1),
            b']' => (Tok::RBracket, 1),
            b',' => (Tok::Comma, 1),
            b'+' => (Tok::Plus, 1),
            b'-' => (Tok::Minus, 1),
            b'*' => (Tok::Star, 1),
            b'/' => (Tok::Slash, 1),
            b'%' => (Tok::Percent, 1),
            b'|' if two(b'|') => (Tok::OrOr, 2),
            b'&' if two(b'&') => (Tok::AndAnd, 2),
            b'|' => return Err(ExprError::new(start, "'|' is not an operator; use '||' for or")),
            b'&' => return Err(ExprError::new(start, "'&' is not an operator; use '&&' for and")),
            b'!' if two(b'=') => (Tok::Ne, 2),
            b'!' => (Tok::Bang, 1),
            b'<' if two(b'=') => (Tok::Le, 2),
            b'<' => (Tok::Lt, 1),
            b'>' if two(b'=') => (Tok::Ge, 2),
            b'>' => (Tok::Gt, 1),
            b'=' if two(b'=') => (Tok::EqEq, 2),
            b'=' => return Err(ExprError::new(start, "'=' is not an operator; use '==' to compare")),
            b'"' => {
                let (s, len) = string(src, start)?;
                (Tok::Str(s), len)
            }
            b'0'..=b'9' => {
                let (n, len) = number(src, start)?;
                (Tok::Num(n), len)
            }
            c if c.is_ascii_alphabetic() || c == b'_' => ident(src, start)?,
            _ => {
                let ch = src[start..].chars().next().unwrap_or('?');
                return Err(ExprError::new(start, format!("unexpected character '{ch}'")));
            }
        };
        toks.push((tok, start));
        i = start + len;
    }
    toks.push((Tok::Eof, src.len()));
    Ok(toks)
}

/// A double-quoted string starting at `start`; returns its value and byte length.
fn string(src: &str, start: usize) -> Result<(String, usize), ExprError> {
    let mut out = String::new();
    let mut chars = src[start + 1..].char_indices();
    while let Some((off, c)) = chars.next() {
        match c {
            '"' => return Ok((out, off + 2)),
            '\\' => match chars.next() {
                Some((_, e @ ('"' | '\\'))) => out.push(e),
                Some((_, e)) => {
                    return Err(ExprError::new(
                        start + 1 + off,
                        format!("unknown escape '\\{e}'; only \\\" and \\\\ are allowed"),
                    ))
                }
                None => break,
            },
            c => out.push(c),
        }
    }
    Err(ExprError::new(start, "unterminated text: missing closing '\"'"))
}

/// A number such as `5_000_000` or `0.5` starting at `start`; returns its value and byte length.
fn number(src: &str, start: usize) -> Result<(f64, usize), ExprError> {
    let bytes = src.as_bytes();
    let mut end = start;
    let mut seen_dot = false;
    while let Some(&b) = bytes.get(end) {
        let next_is_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || b == b'_' || (b == b'.' && !seen_dot && next_is_digit) {
            seen_dot |= b == b'.';
            end += 1;
        } else {
            break;
        }
    }
    // A letter or a dot right after the digits makes the whole word an invalid number.
    let mut word_end = end;
    while bytes.get(word_end).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
        word_end += 1;
    }
    let text = &src[start..word_end];
    let invalid = || ExprError::new(start, format!("invalid number '{text}'"));
    if word_end != end {
        return Err(invalid());
    }
    // '_' only between two digits.
    let tb = text.as_bytes();
    let bad_underscore = tb.iter().enumerate().any(|(k, &b)| {
        b == b'_' && !(k > 0 && tb[k - 1].is_ascii_digit() && tb.get(k + 1).is_some_and(u8::is_ascii_digit))
    });
    if bad_underscore {
        return Err(ExprError::new(start, format!("invalid number '{text}': '_' must sit between two digits")));
    }
    let value: f64 = text.replace('_', "").parse().map_err(|_| invalid())?;
    Ok((value, end - start))
}

/// A possibly dotted identifier or keyword starting at `start`; returns the token and byte length.
fn ident(src: &str, start: usize) -> Result<(Tok, usize), ExprError> {
    let bytes = src.as_bytes();
    let word = |from: usize| {
        let mut j = from;
        while bytes.get(j).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
            j += 1;
        }
        j
    };
    let mut end = word(start);
    while bytes.get(end) == Some(&b'.') {
        if !bytes.get(end + 1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_') {
            return Err(ExprError::new(end, "expected a name after '.'"));
        }
        end = word(end + 1);
    }
    let name = &src[start..end];
    let tok = match name {
        "true" => Tok::True,
        "false" => Tok::False,
        "in" => Tok::In,
        "not" => Tok::Not,
        "and" => return Err(ExprError::new(start, "'and' is not an operator; use '&&'")),
        "or" => return Err(ExprError::new(start, "'or' is not an operator; use '||'")),
        _ => {
            if let Some(seg) = name.split('.').find(|s| crate::schema::is_keyword(s)) {
                return Err(ExprError::new(start, format!("'{seg}' is a keyword and cannot be part of a name")));
            }
            Tok::Ident(name.to_owned())
        }
    };
    Ok((tok, end - start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        tokenize(src).unwrap().into_iter().map(|(t, _)| t).collect()
    }

    fn err(src: &str) -> String {
        tokenize(src).unwrap_err().to_string()
    }

    #[test]
    fn tokens_and_offsets() {
        let t = tokenize("a.b_1 >= 5_000_000 && !x").unwrap();
        let offs: Vec<usize> = t.iter().map(|&(_, o)| o).collect();
        assert_eq!(offs, [0, 6, 9, 19, 22, 23, 24]);
        assert_eq!(t[0].0, Tok::Ident("a.b_1".into()));
        assert_eq!(t[2].0, Tok::Num(5_000_000.0));
        assert_eq!(
            toks("0.5 \"a\\\"b\\\\\" not in"),
            [Tok::Num(0.5), Tok::Str("a\"b\\".into()), Tok::Not, Tok::In, Tok::Eof]
        );
        assert_eq!(toks("a<=b!=c==d<e>f"), {
            use Tok::*;
            let id = |s: &str| Ident(s.into());
            [id("a"), Le, id("b"), Ne, id("c"), EqEq, id("d"), Lt, id("e"), Gt, id("f"), Eof]
        });
        assert_eq!(toks("\"安全账户\""), [Tok::Str("安全账户".into()), Tok::Eof]);
    }

    #[test]
    fn lexical_errors() {
        assert_eq!(err("a = 1"), "column 3: '=' is not an operator; use '==' to compare");
        assert_eq!(err("a & b"), "column 3: '&' is not an operator; use '&&' for and");
        assert_eq!(err("x == \"abc"), "column 6: unterminated text: missing closing '\"'");
        assert_eq!(err("x == \"a\\n\""), "column 8: unknown escape '\\n'; only \\\" and \\\\ are allowed");
        assert_eq!(err("1__0"), "column 1: invalid number '1__0': '_' must sit between two digits");
        assert_eq!(err("x > 10_"), "column 5: invalid number '10_': '_' must sit between two digits");
        assert_eq!(err("x > 7d"), "column 5: invalid number '7d'");
        assert_eq!(err("x > 1.2.3"), "column 5: invalid number '1.2.3'");
        assert_eq!(err("payee."), "column 6: expected a name after '.'");
        assert_eq!(err("a and b"), "column 3: 'and' is not an operator; use '&&'");
        assert_eq!(err("x.in"), "column 1: 'in' is a keyword and cannot be part of a name");
        assert_eq!(err("x # 1"), "column 3: unexpected character '#'");
        assert_eq!(err("金额 > 1"), "column 1: unexpected character '金'");
    }
}
