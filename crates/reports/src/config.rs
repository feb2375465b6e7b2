//! Report configuration: the regulation's thresholds, exchange rates for the USD lines, the
//! deadline and the working-day calendar. The default is the regulation itself
//! (`src/default.toml`); an institution's own file replaces it whole.

use crate::calendar::Calendar;
use fanzha_model::{Currency, Fen};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use time::Date;

/// The configuration fanzha ships: PBOC Order 2016 No. 3 and the mainland holiday calendar.
pub const DEFAULT_CONFIG: &str = include_str!("default.toml");

/// A report line: RMB transactions are compared with `cny` (fen), foreign-currency ones, in US
/// cents, with `usd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// RMB line in fen.
    pub cny: Fen,
    /// USD line in cents.
    pub usd: Fen,
}

/// The four large-value report lines of Art. 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// Cash deposit and withdrawal, any customer.
    pub cash: Line,
    /// Account transfers of non-natural persons (companies).
    pub non_natural_transfer: Line,
    /// Domestic account transfers of natural persons.
    pub natural_domestic_transfer: Line,
    /// Cross-border account transfers of natural persons.
    pub natural_cross_border_transfer: Line,
}

/// Everything a report depends on besides the data.
#[derive(Debug, Clone)]
pub struct ReportConfig {
    /// Names the rule set; recorded in every report.
    pub rule_version: String,
    /// SHA-256 of the configuration text; recorded in every report.
    pub sha256: String,
    /// Natural days are counted at this offset from UTC, in seconds.
    pub utc_offset_secs: i64,
    /// Report lines.
    pub thresholds: Thresholds,
    /// USD per unit of other foreign currencies, as an exact fraction (numerator, denominator).
    pub fx_to_usd: BTreeMap<Currency, (i128, i128)>,
    /// Working days to the deadline.
    pub deadline_working_days: u32,
    /// Working days.
    pub calendar: Calendar,
}

/// A configuration that cannot be used; the message names the key.
#[derive(Debug, thiserror::Error)]
#[error("report configuration: {0}")]
pub struct ConfigError(pub String);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    rule_version: String,
    utc_offset_hours: i64,
    thresholds: RawThresholds,
    #[serde(default)]
    fx_to_usd: BTreeMap<String, String>,
    deadline: RawDeadline,
    calendar: RawCalendar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThresholds {
    cash: RawLine,
    non_natural_transfer: RawLine,
    natural_domestic_transfer: RawLine,
    natural_cross_border_transfer: RawLine,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLine {
    cny: String,
    usd: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    working_days: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    years: Vec<i32>,
    holidays: Vec<String>,
    workdays: Vec<String>,
}

impl ReportConfig {
    /// The configuration fanzha ships.
    pub fn regulation_default() -> ReportConfig {
        ReportConfig::parse(DEFAULT_CONFIG).expect("the shipped configuration is valid")
    }

    /// Parses a TOML configuration; errors name the offending key.
    pub fn parse(text: &str) -> Result<ReportConfig, ConfigError> {
        let raw: Raw = toml::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        if !(-12..=14).contains(&raw.utc_offset_hours) {
            return Err(ConfigError(format!("utc_offset_hours: {} is not a UTC offset", raw.utc_offset_hours)));
        }
        let t = &raw.thresholds;
        let thresholds = Thresholds {
            cash: line(&t.cash, "cash")?,
            non_natural_transfer: line(&t.non_natural_transfer, "non_natural_transfer")?,
            natural_domestic_transfer: line(&t.natural_domestic_transfer, "natural_domestic_transfer")?,
            natural_cross_border_transfer: line(&t.natural_cross_border_transfer, "natural_cross_border_transfer")?,
        };
        let mut fx_to_usd = BTreeMap::new();
        for (code, rate) in &raw.fx_to_usd {
            let currency = Currency::parse(code).map_err(|e| ConfigError(format!("fx_to_usd.{code}: {e}")))?;
            fx_to_usd.insert(
                currency,
                fraction(rate)
                    .ok_or_else(|| ConfigError(format!("fx_to_usd.{code}: '{rate}' is not a positive decimal")))?,
            );
        }
        let dates = |list: &[String], key: &str| -> Result<_, ConfigError> {
            list.iter()
                .map(|d| {
                    parse_date(d).ok_or_else(|| ConfigError(format!("calendar.{key}: '{d}' is not a YYYY-MM-DD date")))
                })
                .collect()
        };
        Ok(ReportConfig {
            rule_version: raw.rule_version,
            sha256: fanzha_model::hex(&Sha256::digest(text.as_bytes())),
            utc_offset_secs: raw.utc_offset_hours * 3600,
            thresholds,
            fx_to_usd,
            deadline_working_days: raw.deadline.working_days,
            calendar: Calendar {
                holidays: dates(&raw.calendar.holidays, "holidays")?,
                workdays: dates(&raw.calendar.workdays, "workdays")?,
                years: raw.calendar.years.into_iter().collect(),
            },
        })
    }

    /// The natural day (at the configured offset) of a UTC time.
    pub fn day_of(&self, ts: fanzha_model::Ts) -> Date {
        Date::from_julian_day(self.julian_day_of(ts)).expect("timestamps fit in dates")
    }

    /// [`Self::day_of`] as a Julian day number (cheap: no calendar conversion).
    pub fn julian_day_of(&self, ts: fanzha_model::Ts) -> i32 {
        ((ts.0 + self.utc_offset_secs).div_euclid(86_400) + UNIX_EPOCH_JULIAN_DAY) as i32
    }
}

/// Julian day number of 1970-01-01.
pub(crate) const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

fn line(raw: &RawLine, name: &str) -> Result<Line, ConfigError> {
    let amount = |text: &str, ccy: &str| {
        Fen::parse_yuan(text)
            .ok()
            .filter(|f| f.0 > 0)
            .ok_or_else(|| ConfigError(format!("thresholds.{name}.{ccy}: '{text}' is not a positive amount")))
    };
    Ok(Line { cny: amount(&raw.cny, "cny")?, usd: amount(&raw.usd, "usd")? })
}

/// A positive decimal as an exact fraction.
fn fraction(text: &str) -> Option<(i128, i128)> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() && frac.is_empty()
        || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        || frac.len() > 12
    {
        return None;
    }
    let num: i128 = format!("{int}{frac}").parse().ok()?;
    (num > 0).then(|| (num, 10i128.pow(frac.len() as u32)))
}

/// A `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::Ts;

    #[test]
    fn the_shipped_configuration_is_the_regulation() {
        let c = ReportConfig::regulation_default();
        assert_eq!(c.thresholds.cash.cny, Fen(5_000_000));
        assert_eq!(c.thresholds.natural_domestic_transfer.cny, Fen(50_000_000));
        assert_eq!(c.thresholds.non_natural_transfer.usd, Fen(20_000_000));
        assert_eq!(c.thresholds.natural_cross_border_transfer.cny, Fen(20_000_000));
        assert_eq!(c.deadline_working_days, 5);
        assert_eq!(c.sha256.len(), 64);
        assert_eq!(c.fx_to_usd[&Currency::parse("HKD").unwrap()], (128, 1000));
    }

    #[test]
    fn natural_days_are_shanghai_days() {
        let c = ReportConfig::regulation_default();
        // 2024-03-01T15:59:59Z is 23:59:59 in Shanghai; one second later is the next day there.
        let before = Ts::parse_rfc3339("2024-03-01T15:59:59Z").unwrap();
        assert_eq!(c.day_of(before).to_string(), "2024-03-01");
        assert_eq!(c.day_of(Ts(before.0 + 1)).to_string(), "2024-03-02");
    }

    #[test]
    fn errors_name_the_key() {
        let bad = DEFAULT_CONFIG.replace("cny = \"50000.00\"", "cny = \"fifty\"");
        assert!(ReportConfig::parse(&bad).unwrap_err().to_string().contains("thresholds.cash.cny: 'fifty'"));
        let bad = DEFAULT_CONFIG.replace("\"2024-01-01\",", "\"2024-13-01\",");
        assert!(ReportConfig::parse(&bad).unwrap_err().to_string().contains("calendar.holidays: '2024-13-01'"));
        let bad = format!("surprise = 1\n{DEFAULT_CONFIG}");
        assert!(ReportConfig::parse(&bad).unwrap_err().to_string().contains("surprise"));
    }
}
