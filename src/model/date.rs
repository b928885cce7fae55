//! Calendar dates as the sources give them: a day, or only a month, or only a year.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a date the sources actually pin down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

impl DatePrecision {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "day" => Some(Self::Day),
            "month" => Some(Self::Month),
            "year" => Some(Self::Year),
            _ => None,
        }
    }
}

/// A calendar date (proleptic Gregorian). Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let date = Self { year, month, day };
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1000..=9999).contains(&year);
        valid.then_some(date)
    }

    /// Parses `YYYY-MM-DD` exactly; anything else (including impossible days) is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Self::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Months since January of year 0; the timeline's unit.
    pub fn month_index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }
}

impl Date {
    /// The date `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Today by the system clock (UTC).
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Self::from_days_since_epoch(secs.div_euclid(86_400))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mar 2021" for a month index (see [`Date::month_index`]).
pub fn month_label(month_index: i32) -> String {
    let year = month_index.div_euclid(12);
    let month = month_index.rem_euclid(12) as usize;
    format!("{} {year}", MONTHS[month])
}

/// Parses "YYYY-MM" to a month index; anything else is `None`.
pub fn parse_month(s: &str) -> Option<i32> {
    if s.len() != 7 {
        return None;
    }
    Date::parse(&format!("{s}-01")).map(Date::month_index)
}

/// "2026-03" for a month index, as data files write it.
pub fn month_code(month_index: i32) -> String {
    format!(
        "{:04}-{:02}",
        month_index.div_euclid(12),
        month_index.rem_euclid(12) + 1
    )
}

/// "March 2026": the full month name, for sentences.
pub fn month_long(month_index: i32) -> String {
    const LONG: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {}",
        LONG[month_index.rem_euclid(12) as usize],
        month_index.div_euclid(12)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_and_write_back() {
        let m = parse_month("2026-03").unwrap();
        assert_eq!(month_code(m), "2026-03");
        assert_eq!(month_long(m), "March 2026");
        assert_eq!(parse_month("2026-3"), None);
        assert_eq!(parse_month("2026-13"), None);
    }

    #[test]
    fn parses_valid_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2021-08-26"), Date::new(2021, 8, 26));
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2021-13-01").is_none());
        assert!(Date::parse("2021-8-26").is_none());
        assert!(Date::parse("21-08-2026").is_none());
        assert!(Date::parse("2021-08-2x").is_none());
        assert!(Date::parse("").is_none());
    }

    #[test]
    fn days_since_epoch_to_civil_dates() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date::new(1970, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(19_723),
            Date::new(2024, 1, 1).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782),
            Date::new(2024, 2, 29).unwrap()
        );
        assert_eq!(
            Date::from_days_since_epoch(-1),
            Date::new(1969, 12, 31).unwrap()
        );
        assert!(Date::today().year >= 2024);
    }

    #[test]
    fn month_index_orders_and_labels() {
        let d = Date::parse("2021-08-26").unwrap();
        assert_eq!(d.month_index(), 2021 * 12 + 7);
        assert_eq!(month_label(d.month_index()), "Aug 2021");
        assert!(Date::parse("2020-12-31").unwrap() < d);
    }
}
