//! Playback over months: a continuous cursor, play/pause, speed, loop, two display modes
//! (everything so far, or a moving window), and a tick driven by elapsed time the caller
//! measures (the app passes egui's frame time, tests pass what they like).

use serde::{Deserialize, Serialize};

/// First year the atlas covers: ISKP was proclaimed in January 2015.
pub const FIRST_YEAR: i32 = 2015;

/// What the map shows at the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Every incident up to the cursor.
    #[default]
    Cumulative,
    /// Only the last `window_months`, older ones fading out.
    Window,
}

pub const SPEEDS: [f64; 6] = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0];

/// Half a year a second: ten years play in twenty seconds.
pub const DEFAULT_SPEED: f64 = 6.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// First and last month of the range (month indices, see `model::Date::month_index`).
    pub first: i32,
    pub last: i32,
    /// Continuous position in months. Incidents of month `m` are shown once `position >= m`;
    /// the fraction drives fades and the pulse of newly shown incidents.
    position: f64,
    #[serde(skip)]
    pub playing: bool,
    /// Months per second.
    pub speed: f64,
    /// Start again from the beginning at the end instead of stopping.
    pub looping: bool,
    pub mode: Mode,
    pub window_months: u32,
    /// A story chapter's months: while set, playback starts at its first month and stops
    /// (or loops) at its last.
    #[serde(skip)]
    pub segment: Option<(i32, i32)>,
}

impl Timeline {
    /// A timeline from January `first_year` to December `last_year`, cursor at the end.
    pub fn new(first_year: i32, last_year: i32) -> Self {
        let first = first_year * 12;
        let last = last_year.max(first_year) * 12 + 11;
        Self {
            first,
            last,
            position: f64::from(last),
            playing: false,
            speed: DEFAULT_SPEED,
            looping: false,
            mode: Mode::Cumulative,
            window_months: 12,
            segment: None,
        }
    }

    /// The last month shown.
    pub fn cursor(&self) -> i32 {
        self.position.floor() as i32
    }

    /// The continuous position, for fades and pulses.
    pub fn position(&self) -> f64 {
        self.position
    }

    pub fn year(&self) -> i32 {
        self.cursor().div_euclid(12)
    }

    pub fn first_year(&self) -> i32 {
        self.first.div_euclid(12)
    }

    pub fn last_year(&self) -> i32 {
        self.last.div_euclid(12)
    }

    /// First month shown: the range start when cumulative, else the window's start.
    pub fn from_month(&self) -> i32 {
        match self.mode {
            Mode::Cumulative => i32::MIN,
            Mode::Window => self.cursor() - self.window_months.max(1) as i32 + 1,
        }
    }

    /// How strongly an incident of `month` is drawn: 1 when fresh, fading towards 0.35 as it
    /// ages out of the window (cumulative mode fades only past the last 12 months).
    pub fn fade(&self, month: i32) -> f32 {
        let age = (self.position - f64::from(month)).max(0.0);
        let span = match self.mode {
            Mode::Cumulative => return if age < 12.0 { 1.0 } else { 0.55 },
            Mode::Window => f64::from(self.window_months.max(1)),
        };
        (1.0 - 0.65 * (age / span)).clamp(0.35, 1.0) as f32
    }

    /// 0..1, how much an incident of `month` should pulse: only in its first month on screen.
    pub fn pulse(&self, month: i32) -> f32 {
        let age = self.position - f64::from(month);
        if self.playing && (0.0..1.0).contains(&age) {
            (1.0 - age) as f32
        } else {
            0.0
        }
    }

    pub fn set_cursor(&mut self, month: i32) {
        self.position = f64::from(month.clamp(self.first, self.last));
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
            let (start, end) = self.play_range();
            if self.cursor() >= end || self.cursor() < start {
                self.position = f64::from(start);
            }
            self.playing = true;
        }
    }

    pub fn step_months(&mut self, months: i32) {
        self.playing = false;
        self.set_cursor(self.cursor() + months);
    }

    pub fn to_start(&mut self) {
        self.playing = false;
        self.set_cursor(self.first);
    }

    pub fn to_end(&mut self) {
        self.playing = false;
        self.set_cursor(self.last);
    }

    /// The next speed up or down the ladder in [`SPEEDS`].
    pub fn change_speed(&mut self, faster: bool) {
        let i = SPEEDS
            .iter()
            .position(|&s| s >= self.speed)
            .unwrap_or(SPEEDS.len() - 1);
        let i = if faster {
            (i + 1).min(SPEEDS.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        self.speed = SPEEDS[i];
    }

    pub fn toggle_mode(&mut self) {
        self.mode = match self.mode {
            Mode::Cumulative => Mode::Window,
            Mode::Window => Mode::Cumulative,
        };
    }

    /// Where playback starts and stops: the chapter's months when one is set, clamped to the
    /// range, else the whole range.
    pub fn play_range(&self) -> (i32, i32) {
        match self.segment {
            Some((a, b)) => {
                let a = a.clamp(self.first, self.last);
                (a, b.clamp(a, self.last))
            }
            None => (self.first, self.last),
        }
    }

    /// Advances playback by `dt` seconds. Returns true if the shown month changed.
    pub fn tick(&mut self, dt: f64) -> bool {
        if !self.playing || !dt.is_finite() || dt <= 0.0 {
            return false;
        }
        let before = self.cursor();
        let (start, end) = self.play_range();
        let next = self.position + dt * self.speed;
        if next >= f64::from(end) + 1.0 {
            if self.looping {
                self.position = f64::from(start);
            } else {
                self.position = f64::from(end);
                self.playing = false;
            }
        } else {
            self.position = next;
        }
        self.cursor() != before
    }

    /// A cursor that was at the end stays at the end, so new data shows up in full.
    pub fn set_range(&mut self, first_year: i32, last_year: i32) {
        self.set_months(first_year * 12, last_year * 12 + 11);
    }

    /// The range in months, from January of the first year to the last month with data.
    pub fn set_months(&mut self, first: i32, last: i32) {
        let at_end = self.cursor() >= self.last;
        self.first = first;
        self.last = last.max(first);
        let month = if at_end { self.last } else { self.cursor() };
        self.set_cursor(month);
        if !self.speed.is_finite() || self.speed <= 0.0 {
            self.speed = DEFAULT_SPEED;
        }
        self.window_months = self.window_months.clamp(1, 120);
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
        assert_eq!(t.cursor(), 2015 * 12);
    }

    #[test]
    fn tick_moves_smoothly_by_speed_and_stops_at_the_end() {
        let mut t = Timeline::new(2015, 2016);
        t.toggle_play();
        t.speed = 12.0;
        assert!(!t.tick(0.05)); // 0.6 of a month: same month, but the position moved
        assert!((t.position() - (2015.0 * 12.0 + 0.6)).abs() < 1e-9);
        assert!(t.tick(0.05)); // 1.2 months
        assert_eq!(t.cursor(), 2015 * 12 + 1);
        // Crossing a year end is just another month: no jump, no pause.
        t.set_cursor(2015 * 12 + 11);
        t.playing = true;
        assert!(t.tick(1.0 / 12.0 + 1e-6));
        assert_eq!(t.cursor(), 2016 * 12);
        assert!(t.tick(10.0));
        assert_eq!(t.cursor(), t.last);
        assert!(!t.playing);
        assert!(!t.tick(1.0));
    }

    #[test]
    fn looping_playback_wraps_to_the_start() {
        let mut t = Timeline::new(2015, 2016);
        t.looping = true;
        t.set_cursor(t.last);
        t.playing = true;
        t.tick(0.5);
        assert!(t.playing);
        assert_eq!(t.cursor(), t.first);
    }

    #[test]
    fn a_chapter_segment_bounds_playback() {
        let mut t = Timeline::new(2015, 2024);
        t.segment = Some((2017 * 12, 2018 * 12 + 11));
        t.set_cursor(2018 * 12 + 11);
        t.toggle_play();
        assert_eq!(
            t.cursor(),
            2017 * 12,
            "play from the chapter's end restarts the chapter"
        );
        t.tick(100.0);
        assert_eq!(t.cursor(), 2018 * 12 + 11);
        assert!(!t.playing);
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
    fn steps_home_end_and_bounds() {
        let mut t = Timeline::new(2015, 2024);
        t.set_cursor(2020 * 12 + 5);
        t.step_months(1);
        assert_eq!(t.cursor(), 2020 * 12 + 6);
        t.step_months(-12);
        assert_eq!(t.cursor(), 2019 * 12 + 6);
        t.step_months(-500);
        assert_eq!(t.cursor(), t.first);
        t.step_months(500);
        assert_eq!(t.cursor(), t.last);
        t.to_start();
        assert_eq!(t.cursor(), t.first);
        t.to_end();
        assert_eq!(t.cursor(), t.last);
    }

    #[test]
    fn window_mode_limits_and_fades_and_speed_ladder() {
        let mut t = Timeline::new(2015, 2024);
        t.set_cursor(2020 * 12);
        assert_eq!(t.from_month(), i32::MIN);
        t.toggle_mode();
        assert_eq!(t.mode, Mode::Window);
        assert_eq!(t.from_month(), 2020 * 12 - 11);
        assert_eq!(t.fade(2020 * 12), 1.0);
        assert!(t.fade(2020 * 12 - 11) < 0.5);
        t.change_speed(true);
        assert_eq!(t.speed, 12.0);
        for _ in 0..10 {
            t.change_speed(true);
        }
        assert_eq!(t.speed, 24.0);
        for _ in 0..10 {
            t.change_speed(false);
        }
        assert_eq!(t.speed, 1.0);
    }

    #[test]
    fn only_new_incidents_pulse_and_only_while_playing() {
        let mut t = Timeline::new(2015, 2024);
        t.set_cursor(2018 * 12);
        assert_eq!(t.pulse(2018 * 12), 0.0);
        t.playing = true;
        assert_eq!(t.pulse(2018 * 12), 1.0);
        assert_eq!(t.pulse(2017 * 12), 0.0);
    }

    #[test]
    fn the_range_can_end_mid_year_at_the_last_data_month() {
        let mut t = Timeline::new(2015, 2015);
        t.set_months(2015 * 12, 2025 * 12 + 8);
        assert_eq!(t.cursor(), 2025 * 12 + 8);
        t.step_months(5);
        assert_eq!(t.cursor(), 2025 * 12 + 8);
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
}
