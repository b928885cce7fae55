//! The paper's three waves of ISKP's life, as month ranges for the timeline.
//!
//! Rana (2024) gives them in years (emergence 2015-2019, decline 2019-2020, resurgence from
//! late 2020); where two waves share a year the split month is our reading of its text:
//! the collapse in Nangarhar in late 2019, the new emir in mid to late 2020.

use super::date::Date;

pub struct Wave {
    pub name: &'static str,
    /// First and last month (month indices), inclusive; `None` runs to the end of the data.
    pub from: i32,
    pub to: Option<i32>,
    pub paper_ref: &'static str,
}

const fn month(year: i32, month: i32) -> i32 {
    year * 12 + month - 1
}

pub const WAVES: [Wave; 3] = [
    Wave {
        name: "Emergence",
        from: month(2015, 1),
        to: Some(month(2019, 9)),
        paper_ref: "1.1 First Wave",
    },
    Wave {
        name: "Decline",
        from: month(2019, 10),
        to: Some(month(2020, 9)),
        paper_ref: "1.2 Second Wave",
    },
    Wave {
        name: "Resurgence",
        from: month(2020, 10),
        to: None,
        paper_ref: "1.3 Third Wave",
    },
];

/// The wave a month falls in.
pub fn wave_at(month_index: i32) -> Option<&'static Wave> {
    WAVES
        .iter()
        .find(|w| month_index >= w.from && w.to.is_none_or(|to| month_index <= to))
}

/// "26 Aug 2021", "Aug 2021" or "2021", as precise as the sources are.
pub fn date_text(date: Date, precision: super::DatePrecision) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    match precision {
        super::DatePrecision::Day => format!("{} {m} {}", date.day, date.year),
        super::DatePrecision::Month => format!("{m} {}", date.year),
        super::DatePrecision::Year => date.year.to_string(),
    }
}

/// The date as the sources allow it to be read: "26 Aug 2021", "sometime in Aug 2021",
/// "sometime in 2019".
pub fn when_text(date: Date, precision: super::DatePrecision) -> String {
    match precision {
        super::DatePrecision::Day => date_text(date, precision),
        _ => format!("sometime in {}", date_text(date, precision)),
    }
}

/// How exactly the sources place an incident, when it is less than a site or a town:
/// "placed only at district level".
pub fn place_text(precision: super::GeoPrecision) -> Option<String> {
    precision
        .is_area()
        .then(|| format!("placed only at {} level", precision.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waves_cover_every_month_once() {
        for m in month(2015, 1)..month(2026, 12) {
            let n = WAVES
                .iter()
                .filter(|w| m >= w.from && w.to.is_none_or(|to| m <= to))
                .count();
            assert_eq!(n, 1, "month {m}");
        }
        assert_eq!(wave_at(month(2021, 8)).unwrap().name, "Resurgence");
        assert_eq!(wave_at(month(2016, 1)).unwrap().name, "Emergence");
        assert_eq!(wave_at(month(2020, 1)).unwrap().name, "Decline");
    }

    #[test]
    fn dates_read_as_precisely_as_known() {
        let d = Date::new(2021, 8, 26).unwrap();
        assert_eq!(
            date_text(d, super::super::DatePrecision::Day),
            "26 Aug 2021"
        );
        assert_eq!(date_text(d, super::super::DatePrecision::Month), "Aug 2021");
        assert_eq!(date_text(d, super::super::DatePrecision::Year), "2021");
        assert_eq!(
            when_text(d, super::super::DatePrecision::Year),
            "sometime in 2021"
        );
        assert_eq!(
            when_text(d, super::super::DatePrecision::Day),
            "26 Aug 2021"
        );
    }
}
