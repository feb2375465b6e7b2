//! Working days and filing deadlines.

use std::collections::BTreeSet;
use time::{Date, Weekday};

/// Which days are working days: Monday to Friday except public holidays, plus the weekend days
/// worked instead (调休).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Public holidays.
    pub holidays: BTreeSet<Date>,
    /// Weekend days that are working days.
    pub workdays: BTreeSet<Date>,
    /// Years whose holidays are configured; other years count weekends only.
    pub years: BTreeSet<i32>,
}

impl Calendar {
    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: Date) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.holidays.contains(&d)
    }

    /// The `n`-th working day after `d` (`d` itself is not counted): the deadline of something
    /// due "within `n` working days" of `d`.
    pub fn working_days_after(&self, d: Date, n: u32) -> Date {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            day = day.next_day().expect("dates stay far from the calendar's end");
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Whether the holidays of `d`'s year are configured.
    pub fn covers(&self, d: Date) -> bool {
        self.years.contains(&d.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn cal() -> Calendar {
        Calendar {
            holidays: (1..=7).map(|d| Date::from_calendar_date(2024, time::Month::October, d).unwrap()).collect(),
            workdays: [date!(2024 - 09 - 29), date!(2024 - 10 - 12)].into(),
            years: [2024].into(),
        }
    }

    #[test]
    fn five_working_days_skip_weekends() {
        assert_eq!(cal().working_days_after(date!(2024 - 03 - 04), 5), date!(2024 - 03 - 11));
        assert_eq!(cal().working_days_after(date!(2024 - 03 - 08), 5), date!(2024 - 03 - 15));
        assert_eq!(cal().working_days_after(date!(2024 - 03 - 09), 5), date!(2024 - 03 - 15), "from a Saturday");
    }

    #[test]
    fn holidays_push_the_deadline_and_swapped_weekends_count() {
        let c = cal();
        assert!(c.is_working_day(date!(2024 - 09 - 29)), "a Sunday worked");
        assert!(!c.is_working_day(date!(2024 - 10 - 02)));
        // Mon 30 Sep: 1-7 Oct are holidays; 8, 9, 10, 11 Oct, then Saturday 12 Oct is worked.
        assert_eq!(c.working_days_after(date!(2024 - 09 - 30), 5), date!(2024 - 10 - 12));
        assert!(c.covers(date!(2024 - 12 - 31)) && !c.covers(date!(2025 - 01 - 01)));
    }
}
