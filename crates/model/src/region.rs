//! Administrative division codes (GB/T 2260), the "where" of accounts and withdrawals.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A 6-digit administrative division code, e.g. `440300` (Shenzhen).
///
/// Invariant: the value is between 110000 and 829999, as GB/T 2260 codes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Region(u32);

/// Why a region code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a 6-digit GB/T 2260 division code")]
pub struct RegionError(pub String);

impl Region {
    /// Parses a 6-digit code.
    pub fn parse(text: &str) -> Result<Region, RegionError> {
        let s = text.trim();
        if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RegionError(text.to_string()));
        }
        let v: u32 = s.parse().map_err(|_| RegionError(text.to_string()))?;
        Region::new(v).ok_or_else(|| RegionError(text.to_string()))
    }

    /// Checks the range and wraps the code.
    pub fn new(code: u32) -> Option<Region> {
        (110_000..=829_999).contains(&code).then_some(Region(code))
    }

    /// The 6-digit code.
    pub fn code(self) -> u32 {
        self.0
    }

    /// The province-level part (first two digits followed by zeros), e.g. `440000`.
    pub fn province(self) -> Region {
        Region(self.0 / 10_000 * 10_000)
    }

    /// The prefecture-level part (first four digits followed by zeros), e.g. `440300`.
    pub fn prefecture(self) -> Region {
        Region(self.0 / 100 * 100)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_groups() {
        let r = Region::parse("440305").unwrap();
        assert_eq!(r.province().to_string(), "440000");
        assert_eq!(r.prefecture().to_string(), "440300");
        for bad in ["", "44030", "4403050", "abcdef", "000000", "990000", "44 305"] {
            assert!(Region::parse(bad).is_err(), "{bad:?}");
        }
    }
}
