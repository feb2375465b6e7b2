//! Time as UTC epoch seconds; input needs an explicit offset, display names its zone.

use serde::{Deserialize, Serialize};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// A moment in time: seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Ts(pub i64);

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TsError {
    /// Not RFC 3339 (a date, a time and an explicit offset such as `Z` or `+08:00`).
    #[error("'{0}' is not an RFC 3339 timestamp with an offset (e.g. 2024-03-01T09:30:00+08:00)")]
    NotRfc3339(String),
}

/// Offset of Asia/Shanghai (China Standard Time); China has kept it all year since 1991.
pub(crate) const SHANGHAI: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("valid offset"),
};

impl Ts {
    /// Parses an RFC 3339 timestamp; fractions of a second are dropped (floored).
    ///
    /// ```
    /// use fanzha_model::Ts;
    /// assert_eq!(Ts::parse_rfc3339("1970-01-01T08:00:01+08:00").unwrap(), Ts(1));
    /// assert!(Ts::parse_rfc3339("2024-03-01 09:30:00").is_err());
    /// ```
    pub fn parse_rfc3339(text: &str) -> Result<Ts, TsError> {
        OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map(|t| Ts(t.unix_timestamp()))
            .map_err(|_| TsError::NotRfc3339(text.to_string()))
    }

    /// The current time (the system clock; a clock before 1970 reads as the epoch).
    pub fn now() -> Ts {
        Ts(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64))
    }

    /// Builds a timestamp from a calendar date and time given in UTC.
    pub fn from_utc(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Option<Ts> {
        let month = time::Month::try_from(month).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        let t = time::Time::from_hms(hour, minute, second).ok()?;
        Some(Ts(date.with_time(t).assume_utc().unix_timestamp()))
    }

    /// RFC 3339 in UTC, e.g. `2024-03-01T01:30:00Z`.
    pub fn to_rfc3339_utc(self) -> String {
        self.format_at(UtcOffset::UTC)
    }

    /// RFC 3339 in Asia/Shanghai time, e.g. `2024-03-01T09:30:00+08:00`.
    pub fn to_rfc3339_shanghai(self) -> String {
        self.format_at(SHANGHAI)
    }

    fn format_at(self, offset: UtcOffset) -> String {
        match OffsetDateTime::from_unix_timestamp(self.0) {
            Ok(t) => t.to_offset(offset).format(&Rfc3339).unwrap_or_else(|_| self.0.to_string()),
            Err(_) => format!("@{}", self.0),
        }
    }
}

impl fmt::Display for Ts {
    /// Displays in UTC with its zone (`Z`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339_utc())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_honoured() {
        let a = Ts::parse_rfc3339("2024-03-01T09:30:00+08:00").unwrap();
        let b = Ts::parse_rfc3339("2024-03-01T01:30:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_rfc3339_utc(), "2024-03-01T01:30:00Z");
        assert_eq!(a.to_rfc3339_shanghai(), "2024-03-01T09:30:00+08:00");
        assert_eq!(Ts::from_utc(2024, 3, 1, 1, 30, 0), Some(a));
    }

    #[test]
    fn refuses_times_without_offset_or_garbage() {
        for bad in ["", "2024-03-01", "2024-03-01T09:30:00", "2024-13-01T00:00:00Z", "yesterday", "1709256600"] {
            assert!(Ts::parse_rfc3339(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fractions_are_floored() {
        assert_eq!(Ts::parse_rfc3339("1970-01-01T00:00:01.999Z").unwrap(), Ts(1));
    }
}
