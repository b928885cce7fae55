//! One sourced event: an attack, a foiled plot, a clash, an operation against ISKP, or a
//! leadership change.

use super::date::{Date, DatePrecision};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    Attack,
    Plot,
    Clash,
    CtOperation,
    Leadership,
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 5] = [
        Self::Attack,
        Self::Plot,
        Self::Clash,
        Self::CtOperation,
        Self::Leadership,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Attack => "attack",
            Self::Plot => "plot",
            Self::Clash => "clash",
            Self::CtOperation => "ct_operation",
            Self::Leadership => "leadership",
        }
    }

    /// Operations and leadership events count militants, not victims.
    pub fn counts_militants(self) -> bool {
        matches!(self, Self::CtOperation | Self::Leadership)
    }

    /// The kind's colour on the map and in exported KML (Okabe-Ito, readable with colour
    /// blindness).
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Attack => [213, 94, 0],
            Self::Plot => [0, 114, 178],
            Self::Clash => [230, 159, 0],
            Self::CtOperation => [0, 158, 115],
            Self::Leadership => [204, 121, 167],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Attack => "Attack",
            Self::Plot => "Plot or arrests",
            Self::Clash => "Clash",
            Self::CtOperation => "Operation against ISKP",
            Self::Leadership => "Leadership event",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    Claimed,
    Attributed,
    Disputed,
    Unclaimed,
    NotApplicable,
}

impl Claim {
    pub const ALL: [Claim; 5] = [
        Self::Claimed,
        Self::Attributed,
        Self::Disputed,
        Self::Unclaimed,
        Self::NotApplicable,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Claimed => "claimed",
            Self::Attributed => "attributed",
            Self::Disputed => "disputed",
            Self::Unclaimed => "unclaimed",
            Self::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    Site,
    Town,
    District,
    Province,
    Country,
}

impl GeoPrecision {
    /// Placed at an area (a district, a province, a country), not at a known site or town.
    pub fn is_area(self) -> bool {
        matches!(self, Self::District | Self::Province | Self::Country)
    }

    /// "district", for "placed at district level".
    pub fn code(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::Town => "town",
            Self::District => "district",
            Self::Province => "province",
            Self::Country => "country",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "site" => Some(Self::Site),
            "town" => Some(Self::Town),
            "district" => Some(Self::District),
            "province" => Some(Self::Province),
            "country" => Some(Self::Country),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub date: Date,
    pub date_precision: DatePrecision,
    pub end_date: Option<Date>,
    pub lon: f64,
    pub lat: f64,
    pub country: String,
    pub admin1: String,
    pub place: String,
    pub geo_precision: GeoPrecision,
    pub kind: IncidentKind,
    pub method: String,
    pub targets: Vec<String>,
    /// Victims: people ISKP killed (never the attackers, never militants). Attacks, clashes
    /// and plots only.
    pub killed: Option<u32>,
    pub killed_low: Option<u32>,
    pub killed_high: Option<u32>,
    pub injured: Option<u32>,
    /// ISKP militants killed: in operations and leadership strikes against it, and its own
    /// fighters' dead in a clash. A different quantity from `killed`, never added to it.
    pub militants_killed: Option<u32>,
    pub militants_killed_low: Option<u32>,
    pub militants_killed_high: Option<u32>,
    /// Bystanders killed by an operation against ISKP: neither its victims nor militants.
    pub civilians_killed: Option<u32>,
    pub claim: Claim,
    /// Who attributed an unclaimed incident to ISKP (officials, researchers).
    pub attributed_by: Option<String>,
    pub title: String,
    pub summary: String,
    pub sources: Vec<Source>,
    pub paper_ref: Option<String>,
    /// The sides named by an imported dataset (UCDP's side_a/side_b, ACLED's actor1/2).
    pub actors: Vec<String>,
    /// Which loaded file it came from: 0 is the atlas's own data.
    pub layer: u16,
}

impl Incident {
    /// An incident with only its identity, date and place; importers fill in what their
    /// format holds. Unknown stays unknown: no toll, no claim, no precision beyond the day.
    pub fn new(id: String, date: Date, lon: f64, lat: f64) -> Self {
        Self {
            id,
            date,
            date_precision: DatePrecision::Day,
            end_date: None,
            lon,
            lat,
            country: String::new(),
            admin1: String::new(),
            place: String::new(),
            geo_precision: GeoPrecision::Town,
            kind: IncidentKind::Attack,
            method: String::new(),
            targets: Vec::new(),
            killed: None,
            killed_low: None,
            killed_high: None,
            injured: None,
            militants_killed: None,
            militants_killed_low: None,
            militants_killed_high: None,
            civilians_killed: None,
            claim: Claim::NotApplicable,
            attributed_by: None,
            title: String::new(),
            summary: String::new(),
            sources: Vec::new(),
            paper_ref: None,
            actors: Vec::new(),
            layer: 0,
        }
    }
}
