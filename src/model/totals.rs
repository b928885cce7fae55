//! Counts that others published (UN, UNAMA, research centres, the paper), shown beside the
//! atlas's own and never mixed into them.

use super::Date;

/// What a published figure counts. Different things, never compared with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Counts {
    /// Attacks ISKP claimed.
    ClaimedAttacks,
    /// Attacks attributed to ISKP, claimed or not.
    Attacks,
    /// People killed in ISKP attacks.
    Deaths,
    CivilianDeaths,
    /// Civilians killed and injured (UNAMA's measure).
    CivilianCasualties,
    /// Events of every kind, clashes included (ACLED's measure).
    Events,
    /// Suicide attacks ISKP claimed.
    ClaimedSuicideAttacks,
    /// Clashes between ISKP and the Taliban.
    Clashes,
}

impl Counts {
    pub const ALL: [Counts; 8] = [
        Self::ClaimedAttacks,
        Self::Attacks,
        Self::Deaths,
        Self::CivilianDeaths,
        Self::CivilianCasualties,
        Self::Events,
        Self::ClaimedSuicideAttacks,
        Self::Clashes,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::ClaimedAttacks => "claimed_attacks",
            Self::Attacks => "attacks",
            Self::Deaths => "deaths",
            Self::CivilianDeaths => "civilian_deaths",
            Self::CivilianCasualties => "civilian_casualties",
            Self::Events => "events",
            Self::ClaimedSuicideAttacks => "claimed_suicide_attacks",
            Self::Clashes => "clashes",
        }
    }

    /// "claimed attacks", for sentences.
    pub fn words(self) -> &'static str {
        match self {
            Self::ClaimedAttacks => "claimed attacks",
            Self::Attacks => "attacks",
            Self::Deaths => "deaths",
            Self::CivilianDeaths => "civilian deaths",
            Self::CivilianCasualties => "civilian casualties",
            Self::Events => "events",
            Self::ClaimedSuicideAttacks => "claimed suicide attacks",
            Self::Clashes => "clashes with the Taliban",
        }
    }

    /// Counts of attacks sit beside the atlas's attack bars; the rest beside its victims.
    pub fn is_attacks(self) -> bool {
        matches!(
            self,
            Self::ClaimedAttacks | Self::Attacks | Self::Events | Self::ClaimedSuicideAttacks
        )
    }

    /// Counts of deaths sit beside the atlas's victims; clashes beside neither.
    pub fn is_deaths(self) -> bool {
        matches!(
            self,
            Self::Deaths | Self::CivilianDeaths | Self::CivilianCasualties
        )
    }
}

/// One published figure with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedTotal {
    pub id: String,
    pub period_start: Date,
    pub period_end: Date,
    /// ISO3, or "all" for a figure over several countries.
    pub country: String,
    pub counts: Counts,
    pub value: u32,
    /// The source said "about", "over" or "more than".
    pub approximate: bool,
    /// Short citation, e.g. "UN Monitoring Team, 30th report".
    pub source: String,
    /// Who, in two or three words, for chart keys and sentences ("UNAMA", "PIPS").
    pub label: String,
    pub publisher: String,
    pub url: String,
    pub note: String,
}

impl PublishedTotal {
    /// The calendar year its period lies in, if it lies in one.
    pub fn year(&self) -> Option<i32> {
        (self.period_start.year == self.period_end.year).then_some(self.period_start.year)
    }

    /// Does the period lie inside months `from..=to` (month indices)?
    pub fn within_months(&self, from: i32, to: i32) -> bool {
        self.period_start.month_index() >= from && self.period_end.month_index() <= to
    }

    /// Does the period cover the whole calendar year?
    pub fn whole_year(&self) -> bool {
        self.year().is_some()
            && (self.period_start.month, self.period_start.day) == (1, 1)
            && (self.period_end.month, self.period_end.day) == (12, 31)
    }

    /// "19 Aug – 31 Dec 2021", "2021".
    pub fn period_text(&self) -> String {
        if self.whole_year() {
            return self.period_start.year.to_string();
        }
        let d = |d: Date| {
            format!(
                "{} {}",
                d.day,
                &super::date::month_label(d.month_index())[..3]
            )
        };
        if self.period_start.year == self.period_end.year {
            format!(
                "{} – {} {}",
                d(self.period_start),
                d(self.period_end),
                self.period_end.year
            )
        } else {
            format!(
                "{} {} – {} {}",
                d(self.period_start),
                self.period_start.year,
                d(self.period_end),
                self.period_end.year
            )
        }
    }

    /// "152" or "about 152".
    pub fn value_text(&self) -> String {
        if self.approximate {
            format!("about {}", self.value)
        } else {
            self.value.to_string()
        }
    }
}
