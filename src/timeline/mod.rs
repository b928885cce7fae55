//! Playback over months: a cursor, play/pause, stepping, and a tick driven by elapsed time
//! that the caller measures (the app passes egui's frame time, tests pass what they like).

use serde::{Deserialize, Serialize};

/// First month the atlas covers: ISKP was proclaimed in January 2015.
pub const FIRST_YEAR: i32 = 2015;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// First and last month of the range (month indices, see `model::Date::month_index`).
    pub first: i32,
    pub last: i32,
    /// Incidents up to and including this month are shown.
    pub cursor: i32,
    #[serde(skip)]
    pub playing: bool,
    /// Playback speed in months per second.
    pub speed: f64,
    /// Fraction of a month accumulated between ticks.
    #[serde(skip)]
    carry: f64,
}

impl Timeline {
    /// A timeline from January `first_year` to December `last_year`, cursor at the end.
    pub fn new(first_year: i32, last_year: i32) -> Self {
        let first = first_year * 12;
        let last = (last_year.max(first_year)) * 12 + 11;
        Self {
            first,
            last,
            cursor: last,
            playing: false,
            speed: 6.0,
            carry: 0.0,
        }
    }

    pub fn year(&self) -> i32 {
        self.cursor.div_euclid(12)
    }

    pub fn first_year(&self) -> i32 {
        self.first.div_euclid(12)
    }

    pub fn last_year(&self) -> i32 {
        self.last.div_euclid(12)
    }

    pub fn set_cursor(&mut self, month: i32) {
        self.cursor = month.clamp(self.first, self.last);
        self.carry = 0.0;
    }

    /// Shows everything up to the end of `year`.
    pub fn set_year(&mut self, year: i32) {
        self.set_cursor(year * 12 + 11);
    }

    /// Play, or pause if playing. Playing from the end starts again from the beginning, as
    /// a briefer pressing play after the last frame expects.
    pub fn toggle_play(&mut self) {
        if self.playing {
            self.playing = false;
        } else {
            if self.cursor >= self.last {
                self.cursor = self.first;
            }
            self.playing = true;
            self.carry = 0.0;
        }
    }

    /// Steps by whole years, landing on December so each step shows one more full year.
    /// From mid-year, the first step forward finishes the current year.
    pub fn step_years(&mut self, years: i32) {
        self.playing = false;
        let at_december = self.cursor.rem_euclid(12) == 11;
        let target_year = if years > 0 && !at_december {
            self.year() + years - 1
        } else {
            self.year() + years
        };
        self.set_cursor(target_year * 12 + 11);
    }

    pub fn step_months(&mut self, months: i32) {
        self.playing = false;
        self.set_cursor(self.cursor + months);
    }

    /// Advances playback by `dt` seconds. Returns true if the cursor moved.
    pub fn tick(&mut self, dt: f64) -> bool {
        if !self.playing || !dt.is_finite() || dt <= 0.0 {
            return false;
        }
        self.carry += dt * self.speed;
        let whole = self.carry.floor();
        if whole < 1.0 {
            return false;
        }
        self.carry -= whole;
        let before = self.cursor;
        self.cursor = (self.cursor + whole as i32).min(self.last);
        if self.cursor >= self.last {
            self.playing = false;
        }
        self.cursor != before
    }

    /// Keeps the range in step with the data (e.g. after loading more) without losing the
    /// cursor.
    /// A cursor that was at the end stays at the end, so new data shows up in full.
    pub fn set_range(&mut self, first_year: i32, last_year: i32) {
        let at_end = self.cursor >= self.last;
        let fresh = Self::new(first_year, last_year);
        self.first = fresh.first;
        self.last = fresh.last;
        self.cursor = if at_end {
            self.last
        } else {
            self.cursor.clamp(self.first, self.last)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_the_end_and_play_restarts_from_the_beginning() {
        let mut t = Timeline::new(2015, 2024);
        assert_eq!(t.year(), 2024);
        t.toggle_play();
        assert!(t.playing);
        assert_eq!(t.cursor, 2015 * 12);
    }

    #[test]
    fn tick_advances_by_speed_and_stops_at_the_end() {
        let mut t = Timeline::new(2015, 2016);
        t.toggle_play();
        t.speed = 12.0;
        assert!(!t.tick(0.05)); // 0.6 of a month: not yet
        assert!(t.tick(0.05)); // 1.2 months
        assert_eq!(t.cursor, 2015 * 12 + 1);
        assert!(t.tick(10.0));
        assert_eq!(t.cursor, t.last);
        assert!(!t.playing);
        assert!(!t.tick(1.0));
    }

    #[test]
    fn widening_the_range_keeps_an_end_cursor_at_the_end() {
        let mut t = Timeline::new(2015, 2015);
        t.set_range(2015, 2024);
        assert_eq!(t.year(), 2024);
        t.set_year(2018);
        t.set_range(2015, 2025);
        assert_eq!(t.year(), 2018);
    }

    #[test]
    fn paused_timeline_ignores_ticks_and_bad_dt() {
        let mut t = Timeline::new(2015, 2024);
        t.set_year(2018);
        assert!(!t.tick(1.0));
        t.toggle_play();
        assert!(!t.tick(f64::NAN));
        assert!(!t.tick(-1.0));
    }

    #[test]
    fn year_steps_land_on_december_and_clamp() {
        let mut t = Timeline::new(2015, 2024);
        t.set_year(2020);
        t.step_years(1);
        assert_eq!((t.year(), t.cursor % 12), (2021, 11));
        t.step_years(-2);
        assert_eq!(t.year(), 2019);
        t.set_cursor(2019 * 12 + 4); // May 2019
        t.step_years(-1);
        assert_eq!((t.year(), t.cursor % 12), (2018, 11));
        t.set_cursor(2019 * 12 + 4);
        t.step_years(1);
        assert_eq!((t.year(), t.cursor % 12), (2019, 11));
        t.step_years(-50);
        assert_eq!(t.cursor, t.first);
        t.step_years(50);
        assert_eq!(t.cursor, t.last);
    }
}
