//! How the map shows the incidents: as points, as a density surface, as provinces filled by
//! count, or as two periods side by side; what density and provinces count; and the two
//! periods a comparison shows.

use super::date::month_label;
use super::waves::WAVES;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MapMode {
    #[default]
    Points,
    Density,
    Provinces,
    Compare,
}

impl MapMode {
    pub const ALL: [MapMode; 4] = [Self::Points, Self::Density, Self::Provinces, Self::Compare];

    pub fn code(self) -> &'static str {
        match self {
            Self::Points => "points",
            Self::Density => "density",
            Self::Provinces => "provinces",
            Self::Compare => "compare",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.code() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Points => "Points",
            Self::Density => "Density",
            Self::Provinces => "Provinces",
            Self::Compare => "Compare",
        }
    }

    /// The next mode, for the one key that cycles through them.
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&m| m == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// What density and provinces count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    #[default]
    Incidents,
    /// Victims killed only: militants never, so an operation adds nothing.
    Victims,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Self::Incidents => "incidents",
            Self::Victims => "victims killed",
        }
    }
}

/// A run of months, both ends included (month indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub fn years(from: i32, to: i32) -> Self {
        Self {
            from: from * 12,
            to: to * 12 + 11,
        }
    }

    /// "2015-2018" (whole years), "2015-01-2019-09" (months), or a wave's name
    /// ("emergence"); `last_month` ends a wave that runs to the end of the data.
    pub fn parse(s: &str, last_month: i32) -> Option<Self> {
        let s = s.trim();
        if let Some(w) = WAVES.iter().find(|w| w.name.eq_ignore_ascii_case(s)) {
            return Some(Self {
                from: w.from,
                to: w.to.unwrap_or(last_month),
            });
        }
        let parts: Vec<i32> = s
            .split('-')
            .map(|p| p.trim().parse().ok())
            .collect::<Option<_>>()?;
        let year = |y: i32| (1900..=2200).contains(&y).then_some(y);
        let month = |y: i32, m: i32| ((1..=12).contains(&m)).then(|| Some(year(y)? * 12 + m - 1));
        let period = match parts[..] {
            [a, b] => Self::years(year(a)?, year(b)?),
            [ay, am, by, bm] => Self {
                from: month(ay, am)??,
                to: month(by, bm)??,
            },
            _ => return None,
        };
        (period.from <= period.to).then_some(period)
    }

    /// "2015–2018", or "Jan 2015 – Sep 2019" when it does not run whole years.
    pub fn label(self) -> String {
        if self.from % 12 == 0 && self.to % 12 == 11 {
            let (a, b) = (self.from / 12, self.to / 12);
            if a == b {
                a.to_string()
            } else {
                format!("{a}\u{2013}{b}")
            }
        } else {
            format!(
                "{} \u{2013} {}",
                month_label(self.from),
                month_label(self.to)
            )
        }
    }
}

/// Two periods, shown side by side over the same view: `a` on the left, `b` on the right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compare {
    pub a: Period,
    pub b: Period,
}

impl Default for Compare {
    fn default() -> Self {
        Self::waves(None)
    }
}

impl Compare {
    /// The paper's first and third waves: emergence against resurgence. Resurgence runs to
    /// `last_month`, else to the end of 2025.
    pub fn waves(last_month: Option<i32>) -> Self {
        let [first, _, third] = &WAVES;
        let end = last_month.unwrap_or(2025 * 12 + 11);
        Self {
            a: Period {
                from: first.from,
                to: first.to.unwrap_or(end),
            },
            b: Period {
                from: third.from,
                to: third.to.unwrap_or(end).max(third.from),
            },
        }
    }

    /// `A1-A2,B1-B2`, each side as [`Period::parse`] reads it.
    pub fn parse(s: &str, last_month: i32) -> Result<Self, String> {
        let (a, b) = s
            .split_once(',')
            .ok_or_else(|| format!("--compare {s:?}: expected two periods, A1-A2,B1-B2"))?;
        let side = |p: &str| {
            Period::parse(p, last_month).ok_or_else(|| {
                format!(
                    "--compare: {p:?} is not a period (2015-2018, 2015-01-2019-09, or a wave: emergence, decline, resurgence)"
                )
            })
        };
        Ok(Self {
            a: side(a)?,
            b: side(b)?,
        })
    }

    /// The presets offered in the legend: the paper's waves against each other.
    pub fn presets(last_month: i32) -> Vec<(String, Compare)> {
        let period = |i: usize| Period {
            from: WAVES[i].from,
            to: WAVES[i].to.unwrap_or(last_month),
        };
        [(0, 2), (0, 1), (1, 2)]
            .into_iter()
            .map(|(a, b)| {
                (
                    format!("{} vs {}", WAVES[a].name, WAVES[b].name),
                    Compare {
                        a: period(a),
                        b: period(b),
                    },
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_years_months_and_waves() {
        let last = 2026 * 12 + 1;
        assert_eq!(
            Period::parse("2015-2018", last),
            Some(Period::years(2015, 2018))
        );
        assert_eq!(
            Period::parse("2015-01-2019-09", last),
            Some(Period {
                from: 2015 * 12,
                to: 2019 * 12 + 8
            })
        );
        assert_eq!(
            Period::parse("Resurgence", last).map(|p| p.to),
            Some(last),
            "a wave that runs on ends with the data"
        );
        assert_eq!(Period::parse("2019-2015", last), None, "backwards");
        assert_eq!(Period::parse("2015-13-2016-01", last), None, "no month 13");
        assert_eq!(Period::parse("soon", last), None);
        assert_eq!(Period::years(2015, 2018).label(), "2015\u{2013}2018");
        let c = Compare::parse("2015-2018,2021-2024", last).unwrap();
        assert_eq!(
            (c.a, c.b),
            (Period::years(2015, 2018), Period::years(2021, 2024))
        );
        assert!(Compare::parse("2015-2018", last).is_err());
        assert!(
            Compare::parse("2015-2018,later", last)
                .unwrap_err()
                .contains("later")
        );
    }

    #[test]
    fn modes_cycle_through_all_four() {
        let mut m = MapMode::Points;
        for _ in 0..4 {
            m = m.next();
        }
        assert_eq!(m, MapMode::Points);
        assert_eq!(MapMode::parse("provinces"), Some(MapMode::Provinces));
    }
}
