//! Reason templates: text with `{var}`, `{var:yuan}` and `{var:pct}` placeholders.

use crate::env::{Env, Value};
use crate::error::ExprError;
use crate::schema::{Schema, Type, Var};

/// The language a reason is rendered in; it decides how bools and missing values read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese: bools as 是/否, missing as 未知.
    Zh,
    /// English: bools as yes/no, missing as unknown.
    En,
}

/// How a placeholder shows its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Numbers without decimals when integral, else up to 2.
    Plain,
    /// Fen as yuan: 2 decimals and thousands separators (`5000000` → `50,000.00`).
    Yuan,
    /// A fraction as a percentage (`0.83` → `83%`).
    Pct,
}

#[derive(Debug, Clone)]
enum Part {
    Lit(String),
    Var(Var, Format),
}

/// A parsed, schema-checked reason template.
#[derive(Debug, Clone)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

impl Template {
    /// Parses `source`, checking every placeholder against `schema`.
    ///
    /// `{{` and `}}` stand for literal braces.
    pub fn parse(source: &str, schema: &Schema) -> Result<Self, ExprError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = source.char_indices();
        while let Some((i, c)) = rest.next() {
            match c {
                '{' if source[i + 1..].starts_with('{') => {
                    rest.next();
                    lit.push('{');
                }
                '}' if source[i + 1..].starts_with('}') => {
                    rest.next();
                    lit.push('}');
                }
                '}' => return Err(ExprError::new(i, "unmatched '}'; write '}}' for a literal brace")),
                '{' => {
                    let len = source[i..].find('}').ok_or_else(|| ExprError::new(i, "unclosed '{'"))?;
                    let inner = &source[i + 1..i + len];
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(placeholder(inner, i + 1, schema)?);
                    // Skip past the closing brace.
                    for (j, _) in rest.by_ref() {
                        if j == i + len {
                            break;
                        }
                    }
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(Template { source: source.to_owned(), parts })
    }

    /// The template text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The variables the template shows.
    pub fn vars(&self) -> impl Iterator<Item = Var> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Var(var, _) => Some(*var),
            Part::Lit(_) => None,
        })
    }

    /// Renders the template with `env`'s values.
    pub fn render(&self, env: &Env, lang: Lang) -> String {
        let mut out = String::with_capacity(self.source.len() + 16);
        for part in &self.parts {
            match part {
                Part::Lit(s) => out.push_str(s),
                Part::Var(var, format) => write_value(&mut out, env.get(*var), *format, lang),
            }
        }
        out
    }
}

/// One `{name}` or `{name:format}` placeholder; `offset` is where `inner` starts.
fn placeholder(inner: &str, offset: usize, schema: &Schema) -> Result<Part, ExprError> {
    let (name, format) = match inner.split_once(':') {
        Some((name, f)) => (name, Some(f)),
        None => (inner, None),
    };
    if name.is_empty() {
        return Err(ExprError::new(offset, "empty placeholder; expected {variable} or {variable:format}"));
    }
    let Some(info) = schema.get(name) else {
        let hint = schema.suggest(name).map(|s| format!(" (did you mean '{s}'?)")).unwrap_or_default();
        return Err(ExprError::new(offset, format!("unknown variable '{name}'{hint}")));
    };
    let format = match format {
        None => Format::Plain,
        Some(f @ ("yuan" | "pct")) => {
            if info.ty != Type::Number {
                return Err(ExprError::new(
                    offset + name.len() + 1,
                    format!("format '{f}' needs a number, but '{name}' is {}", info.ty),
                ));
            }
            if f == "yuan" {
                Format::Yuan
            } else {
                Format::Pct
            }
        }
        Some(f) => {
            return Err(ExprError::new(offset + name.len() + 1, format!("unknown format '{f}'; expected yuan or pct")))
        }
    };
    Ok(Part::Var(info.var, format))
}

fn write_value(out: &mut String, value: Value<'_>, format: Format, lang: Lang) {
    match value {
        Value::Text(t) => out.push_str(t),
        Value::Bool(b) => out.push_str(match (lang, b) {
            (Lang::Zh, true) => "是",
            (Lang::Zh, false) => "否",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }),
        Value::Number(n) if n.is_nan() => out.push_str(if lang == Lang::Zh { "未知" } else { "unknown" }),
        Value::Number(n) => match format {
            Format::Plain => out.push_str(&plain_number(n)),
            Format::Pct => {
                out.push_str(&plain_number(n * 100.0));
                out.push('%');
            }
            Format::Yuan => out.push_str(&yuan(n)),
        },
    }
}

/// At most 2 decimals, trailing zeros dropped: `7`, `0.5`, `1.23`.
pub(crate) fn plain_number(n: f64) -> String {
    let mut s = format!("{n:.2}");
    if s.contains('.') {
        s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
    }
    if s == "-0" {
        s.remove(0);
    }
    s
}

/// Fen as yuan with 2 decimals and thousands separators: `123456789` → `1,234,567.89` (by
/// [`Fen::grouped`](fanzha_model::Fen::grouped), rounded to the fen; `inf`/`NaN` as they are).
pub(crate) fn yuan(fen: f64) -> String {
    if !fen.is_finite() || fen.abs() >= i64::MAX as f64 {
        return format!("{}", fen / 100.0);
    }
    fanzha_model::Fen(fen.round() as i64).grouped()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(plain_number(7.0), "7");
        assert_eq!(plain_number(5_000_000.0), "5000000");
        assert_eq!(plain_number(0.5), "0.5");
        assert_eq!(plain_number(1.23456), "1.23");
        assert_eq!(plain_number(-0.001), "0");
        assert_eq!(plain_number(-2.5), "-2.5");
        assert_eq!(yuan(5_000_000.0), "50,000.00");
        assert_eq!(yuan(123_456_789.0), "1,234,567.89");
        assert_eq!(yuan(99.0), "0.99");
        assert_eq!(yuan(-100_000.0), "-1,000.00");
        assert_eq!(yuan(f64::INFINITY), "inf");
    }
}
