//! Money as integer fen (1 yuan = 100 fen), parsed exactly from decimal text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in fen (hundredths of a yuan, or of the minor unit of another currency).
///
/// Arithmetic is plain `i64`; amounts in input are bounded by [`Fen::MAX_INPUT`] so that sums of
/// many transfers cannot overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// Why a decimal amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Empty text.
    #[error("amount is empty")]
    Empty,
    /// Not a plain decimal number.
    #[error("'{0}' is not a decimal number")]
    NotDecimal(String),
    /// More than two digits after the point.
    #[error("'{0}' has more than 2 decimals")]
    TooManyDecimals(String),
    /// Larger than [`Fen::MAX_INPUT`].
    #[error("'{0}' is too large")]
    TooLarge(String),
    /// Zero or negative where an amount must be positive.
    #[error("'{0}' must be greater than 0")]
    NotPositive(String),
}

impl Fen {
    /// Zero fen.
    pub const ZERO: Fen = Fen(0);
    /// The largest amount accepted from input: one trillion yuan.
    pub const MAX_INPUT: Fen = Fen(100_000_000_000_000);

    /// [`Fen::parse_yuan`], refusing zero and negative amounts (a transfer's amount).
    pub fn parse_positive_yuan(text: &str) -> Result<Fen, MoneyError> {
        match Fen::parse_yuan(text)? {
            fen if fen.0 > 0 => Ok(fen),
            _ => Err(MoneyError::NotPositive(text.trim().to_string())),
        }
    }

    /// Parses decimal yuan such as `12`, `12.3`, `-0.05` or `1200.50` into fen, exactly.
    ///
    /// Accepts an optional sign, digits, and at most two decimals; no exponent, no thousands
    /// separators, no spaces inside.
    ///
    /// ```
    /// use fanzha_model::Fen;
    /// assert_eq!(Fen::parse_yuan("1200.5").unwrap(), Fen(120_050));
    /// assert!(Fen::parse_yuan("1.234").is_err());
    /// ```
    pub fn parse_yuan(text: &str) -> Result<Fen, MoneyError> {
        let s = text.trim();
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (negative, body) = match s.as_bytes()[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        let frac = frac_part.unwrap_or("");
        if (int_part.is_empty() && frac.is_empty()) || !digits_ok(int_part) || !digits_ok(frac) {
            return Err(MoneyError::NotDecimal(text.to_string()));
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals(text.to_string()));
        }
        let int_digits = int_part.trim_start_matches('0');
        if int_digits.len() > 13 {
            return Err(MoneyError::TooLarge(text.to_string()));
        }
        let mut fen: i64 = 0;
        for b in int_digits.bytes() {
            fen = fen * 10 + i64::from(b - b'0');
        }
        fen *= 100;
        let mut scale = 10;
        for b in frac.bytes() {
            fen += i64::from(b - b'0') * scale;
            scale /= 10;
        }
        if fen > Fen::MAX_INPUT.0 {
            return Err(MoneyError::TooLarge(text.to_string()));
        }
        Ok(Fen(if negative { -fen } else { fen }))
    }
}

impl Fen {
    /// Yuan with two decimals and thousands separators, for people: `-1,234,567.89`. The one
    /// formatter of money for display ([`Display`](fmt::Display) writes the same without separators,
    /// for files and machines).
    pub fn grouped(self) -> String {
        let plain = self.to_string();
        let (sign, digits) = plain.strip_prefix('-').map_or(("", plain.as_str()), |d| ("-", d));
        let (whole, cents) = digits.split_once('.').unwrap_or((digits, "00"));
        let mut out = String::with_capacity(plain.len() + whole.len() / 3);
        out.push_str(sign);
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out.push('.');
        out.push_str(cents);
        out
    }
}

impl fmt::Display for Fen {
    /// Writes decimal yuan with two decimals, e.g. `-1200.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl std::ops::Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_plain_decimals() {
        assert_eq!(Fen::parse_yuan("0").unwrap(), Fen(0));
        assert_eq!(Fen::parse_yuan("12").unwrap(), Fen(1200));
        assert_eq!(Fen::parse_yuan("12.3").unwrap(), Fen(1230));
        assert_eq!(Fen::parse_yuan("12.34").unwrap(), Fen(1234));
        assert_eq!(Fen::parse_yuan(".5").unwrap(), Fen(50));
        assert_eq!(Fen::parse_yuan("5.").unwrap(), Fen(500));
        assert_eq!(Fen::parse_yuan("-0.05").unwrap(), Fen(-5));
        assert_eq!(Fen::parse_yuan(" 7.00 ").unwrap(), Fen(700));
        assert_eq!(Fen::parse_yuan("0000012.10").unwrap(), Fen(1210));
        assert_eq!(Fen::parse_positive_yuan(" 0.01 ").unwrap(), Fen(1));
        assert_eq!(Fen::parse_positive_yuan(" -5 ").unwrap_err().to_string(), "'-5' must be greater than 0");
        assert_eq!(Fen::parse_positive_yuan("0").unwrap_err(), MoneyError::NotPositive("0".into()));
    }

    #[test]
    fn refuses_what_is_not_exact_decimal_yuan() {
        for bad in ["", " ", "abc", "1,000", "1e5", "1.2.3", ".", "-", "12.345", "1 000", "0x10", "NaN"] {
            assert!(Fen::parse_yuan(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(matches!(Fen::parse_yuan("99999999999999"), Err(MoneyError::TooLarge(_))));
        assert!(matches!(Fen::parse_yuan("1.001"), Err(MoneyError::TooManyDecimals(_))));
    }

    #[test]
    fn groups_thousands_for_people() {
        for (fen, want) in [
            (0, "0.00"),
            (5, "0.05"),
            (-5, "-0.05"),
            (99_999, "999.99"),
            (100_000, "1,000.00"),
            (123_456_789, "1,234,567.89"),
            (-123_456_789, "-1,234,567.89"),
            (i64::MIN, "-92,233,720,368,547,758.08"),
        ] {
            assert_eq!(Fen(fen).grouped(), want);
        }
    }

    #[test]
    fn displays_as_yuan() {
        assert_eq!(Fen(120_050).to_string(), "1200.50");
        assert_eq!(Fen(-5).to_string(), "-0.05");
        assert_eq!(Fen(0).to_string(), "0.00");
    }

    proptest! {
        #[test]
        fn display_then_parse_is_identity(v in -Fen::MAX_INPUT.0..=Fen::MAX_INPUT.0) {
            prop_assert_eq!(Fen::parse_yuan(&Fen(v).to_string()).unwrap(), Fen(v));
        }
    }
}
