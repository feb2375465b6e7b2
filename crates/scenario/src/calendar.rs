//! Calendar days in China Standard Time (UTC+8 all year), the unit the simulation advances by.

use fanzha_model::Ts;

/// Seconds in a day.
pub(crate) const DAY: i64 = fanzha_model::DAY_SECS;
/// Seconds in an hour.
pub(crate) const HOUR: i64 = 3_600;
/// Seconds in a minute.
pub(crate) const MINUTE: i64 = 60;
/// Number of the local (Shanghai) calendar day containing `ts`, counted from 1970-01-01.
pub(crate) fn local_day(ts: i64) -> i64 {
    Ts(ts).beijing_day()
}

/// The moment local day `day` begins.
pub(crate) fn midnight(day: i64) -> i64 {
    Ts::beijing_midnight(day).0
}

/// One local calendar day of the simulation.
pub(crate) struct Day {
    /// When it begins.
    pub start: i64,
    /// Day of the month, 1 to 31.
    pub of_month: u8,
    /// Day of the week, 0 for Monday.
    pub weekday: u8,
}

impl Day {
    /// The local day beginning at `midnight(number)`.
    pub fn new(number: i64) -> Day {
        let start = midnight(number);
        let text = Ts(start).to_rfc3339_shanghai();
        let of_month = text.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
        // 1970-01-01 was a Thursday.
        let weekday = (number + 3).rem_euclid(7) as u8;
        Day { start, of_month, weekday }
    }
}

/// The calendar year (local time) of a moment.
pub(crate) fn year_of(ts: i64) -> u32 {
    Ts(ts).to_rfc3339_shanghai().get(0..4).and_then(|y| y.parse().ok()).unwrap_or(2024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_follow_shanghai_time() {
        let ts = Ts::parse_rfc3339("2024-03-01T00:00:00+08:00").unwrap().0;
        let n = local_day(ts);
        assert_eq!(midnight(n), ts);
        assert_eq!(local_day(ts - 1), n - 1);
        let day = Day::new(n);
        assert_eq!((day.of_month, day.weekday), (1, 4)); // a Friday
        assert_eq!(Day::new(n + 29).of_month, 30);
        assert_eq!(Day::new(n + 31).of_month, 1);
        assert_eq!(year_of(ts), 2024);
    }
}
