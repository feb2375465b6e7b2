//! CSV quoting, one rule for every file fanzha writes: a field with a comma, quote or line break is
//! quoted, its quotes doubled (RFC 4180).

use std::borrow::Cow;

/// `s` as one CSV field, quoted only when it needs to be.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(csv_field("6222 0001"), "6222 0001");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }
}
