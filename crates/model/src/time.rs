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
    /// Later than the horizon plus the allowed clock skew: a clock or the data is wrong.
    #[error("{ts} is later than {horizon} plus {skew_secs} s of clock skew; a clock or the data is wrong")]
    BeyondHorizon {
        /// The timestamp refused.
        ts: Ts,
        /// The horizon (now, or the time of the extract).
        horizon: Ts,
        /// The skew allowed.
        skew_secs: i64,
    },
}

/// The clock skew allowed by default beyond a [`Horizon`]: five minutes.
pub const DEFAULT_MAX_SKEW_SECS: i64 = 300;

/// The latest time a record may carry: a horizon (now on the live path, the time of the extract at
/// ingest) plus a tolerance for clocks that differ. One record dated 9999 would otherwise become
/// the latest time seen and make every later record look late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon {
    /// The horizon.
    pub at: Ts,
    /// Seconds a time may lie beyond it.
    pub skew_secs: i64,
}

impl Horizon {
    /// Now, with the default skew.
    pub fn now() -> Horizon {
        Horizon { at: Ts::now(), skew_secs: DEFAULT_MAX_SKEW_SECS }
    }

    /// Refuses `ts` if it is later than the horizon plus the skew.
    pub fn check(&self, ts: Ts) -> Result<Ts, TsError> {
        if ts.0 > self.at.0.saturating_add(self.skew_secs) {
            return Err(TsError::BeyondHorizon { ts, horizon: self.at, skew_secs: self.skew_secs });
        }
        Ok(ts)
    }
}

/// Seconds east of UTC of Beijing time (China Standard Time, Asia/Shanghai, UTC+8 all year since
/// 1991): the day boundary of reports and daily limits, "night", and every time shown to a user.
/// The one definition; use the `beijing_*` methods of [`Ts`] rather than this offset.
pub const BEIJING_OFFSET_SECS: i64 = 8 * 3_600;

/// Seconds in a day.
pub const DAY_SECS: i64 = 86_400;

/// [`BEIJING_OFFSET_SECS`] as an offset for formatting.
const SHANGHAI: UtcOffset = match UtcOffset::from_whole_seconds(BEIJING_OFFSET_SECS as i32) {
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

    /// The Beijing calendar day containing this moment, in days since 1970-01-01.
    ///
    /// ```
    /// use fanzha_model::Ts;
    /// let late = Ts::parse_rfc3339("2024-03-01T23:30:00+08:00").unwrap();
    /// let early = Ts::parse_rfc3339("2024-03-02T00:30:00+08:00").unwrap();
    /// assert_eq!(early.beijing_day(), late.beijing_day() + 1); // one UTC day, two Beijing days
    /// assert_eq!(Ts::beijing_midnight(early.beijing_day()).to_rfc3339_shanghai(), "2024-03-02T00:00:00+08:00");
    /// ```
    pub fn beijing_day(self) -> i64 {
        self.0.saturating_add(BEIJING_OFFSET_SECS).div_euclid(DAY_SECS)
    }

    /// A Beijing wall-clock time as people type it, `2024-03-01 12:00` (or with seconds, or a `T`
    /// instead of the space).
    ///
    /// ```
    /// use fanzha_model::Ts;
    /// let t = Ts::parse_beijing_wall_clock("2024-03-01 12:00").unwrap();
    /// assert_eq!(t.to_rfc3339_shanghai(), "2024-03-01T12:00:00+08:00");
    /// assert!(Ts::parse_beijing_wall_clock("2024-03-01 12:00+08:00").is_err(), "no offset: it is Beijing time");
    /// ```
    pub fn parse_beijing_wall_clock(text: &str) -> Result<Ts, TsError> {
        let t = text.trim().replacen(' ', "T", 1);
        let t = if t.len() == 16 { format!("{t}:00Z") } else { format!("{t}Z") };
        let utc = Ts::parse_rfc3339(&t).map_err(|_| TsError::NotRfc3339(text.to_string()))?;
        Ok(Ts(utc.0 - BEIJING_OFFSET_SECS))
    }

    /// The moment Beijing calendar day `day` (as [`Ts::beijing_day`] counts) begins.
    pub fn beijing_midnight(day: i64) -> Ts {
        Ts(day.saturating_mul(DAY_SECS).saturating_sub(BEIJING_OFFSET_SECS))
    }

    /// Seconds since the Beijing midnight that began this moment's day, 0 to 86,399.
    pub fn beijing_second_of_day(self) -> i64 {
        self.0.saturating_add(BEIJING_OFFSET_SECS).rem_euclid(DAY_SECS)
    }

    /// The hour of the day in Beijing, 0 to 23.
    pub fn beijing_hour(self) -> u8 {
        (self.beijing_second_of_day() / 3_600) as u8
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

/// A span of time as people read it, in Chinese (`3小时12分钟`, `2天4小时`, `40分钟`) and in
/// English (`3h 12m`, `2d 04h`, `40m`): days and hours when a day or more, else hours and minutes.
///
/// ```
/// use fanzha_model::duration_text;
/// assert_eq!(duration_text(3 * 3_600 + 12 * 60), ("3小时12分钟".to_string(), "3h 12m".to_string()));
/// assert_eq!(duration_text(2 * 86_400 + 4 * 3_600).1, "2d 04h");
/// assert_eq!(duration_text(40 * 60).0, "40分钟");
/// ```
pub fn duration_text(secs: i64) -> (String, String) {
    let (d, h, m) = (secs / DAY_SECS, secs % DAY_SECS / 3_600, secs % 3_600 / 60);
    match (d, h) {
        (0, 0) => (format!("{m}分钟"), format!("{m}m")),
        (0, _) => (format!("{h}小时{m}分钟"), format!("{h}h {m:02}m")),
        _ => (format!("{d}天{h}小时"), format!("{d}d {h:02}h")),
    }
}

impl fmt::Display for Ts {
    /// Displays in UTC with its zone (`Z`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339_utc())
    }
}

#[cfg(test)]
mod horizon_tests {
    use super::*;

    #[test]
    fn times_beyond_the_horizon_and_skew_are_refused() {
        let h = Horizon { at: Ts(1_000), skew_secs: 300 };
        assert_eq!(h.check(Ts(1_300)), Ok(Ts(1_300)));
        let err = h.check(Ts(1_301)).unwrap_err().to_string();
        assert!(err.contains("plus 300 s"), "{err}");
        let y9999 = Ts::parse_rfc3339("9999-12-31T00:00:00Z").unwrap();
        assert!(Horizon::now().check(y9999).is_err());
        assert!(Horizon { at: Ts(i64::MAX - 1), skew_secs: 300 }.check(Ts(i64::MAX)).is_ok(), "no overflow");
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

/// Serde for a time held as UTC epoch seconds (`i64`) that the API and files show as RFC 3339
/// (`2024-03-01T02:00:00Z`): one dialect for every time on `/v1`. Reading also takes the epoch
/// seconds that earlier versions wrote (a number, or digits in a query string), so old files and
/// clients keep working. Use with `#[serde(with = "fanzha_model::rfc3339")]`, or
/// [`rfc3339::option`] for an `Option<i64>`.
pub mod rfc3339 {
    use super::Ts;
    use serde::de::{self, Deserializer, Visitor};
    use serde::Serializer;
    use std::fmt;

    /// Writes `secs` as RFC 3339 in UTC.
    pub fn serialize<S: Serializer>(secs: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&Ts(*secs).to_rfc3339_utc())
    }

    /// Reads RFC 3339 (any offset) or epoch seconds.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        d.deserialize_any(Time)
    }

    struct Time;

    impl Visitor<'_> for Time {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an RFC 3339 time such as 2024-03-01T10:00:00+08:00")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom("time out of range"))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
            if let Ok(secs) = v.trim().parse::<i64>() {
                return Ok(secs);
            }
            Ts::parse_rfc3339(v).map(|t| t.0).map_err(E::custom)
        }
    }

    /// The same for an optional time (`null` or missing: `None`, with `#[serde(default)]`).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        /// Writes the time as RFC 3339 in UTC, or `null`.
        pub fn serialize<S: Serializer>(secs: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
            match secs {
                Some(secs) => super::serialize(secs, s),
                None => s.serialize_none(),
            }
        }

        /// Reads RFC 3339, epoch seconds or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapped(#[serde(with = "super")] i64);
            Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
        }
    }

    #[cfg(test)]
    mod tests {
        use serde::{Deserialize, Serialize};

        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct At {
            #[serde(with = "super")]
            at: i64,
            #[serde(default, with = "super::option")]
            until: Option<i64>,
        }

        #[test]
        fn writes_rfc3339_and_reads_it_or_epoch_seconds() {
            let a = At { at: 1_709_258_400, until: None };
            let text = serde_json::to_string(&a).unwrap();
            assert_eq!(text, r#"{"at":"2024-03-01T02:00:00Z","until":null}"#);
            assert_eq!(serde_json::from_str::<At>(&text).unwrap(), a);
            let old: At = serde_json::from_str(r#"{"at":1709258400,"until":1709262000}"#).unwrap();
            assert_eq!(old, At { at: 1_709_258_400, until: Some(1_709_262_000) });
            let local: At = serde_json::from_str(r#"{"at":"2024-03-01T10:00:00+08:00"}"#).unwrap();
            assert_eq!(local.at, 1_709_258_400);
            let err = serde_json::from_str::<At>(r#"{"at":"yesterday"}"#).unwrap_err().to_string();
            assert!(err.contains("yesterday"), "{err}");
        }
    }
}
