//! The areas the atlas shades: ISKP's core, the Pakistani areas it claims, its periphery and
//! the historical Khorasan it is named after.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionRole {
    Historical,
    Periphery,
    Claimed,
    Core,
}

impl RegionRole {
    /// Bottom to top: the widest, vaguest area first so the core is drawn over everything.
    pub const ALL: [RegionRole; 4] = [Self::Historical, Self::Periphery, Self::Claimed, Self::Core];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Historical => "historical",
            Self::Periphery => "periphery",
            Self::Claimed => "claimed",
            Self::Core => "core",
        }
    }

    /// What the legend calls the layer.
    pub fn label(self) -> &'static str {
        match self {
            Self::Core => "ISKP core (Afghanistan)",
            Self::Claimed => "Claimed in Pakistan",
            Self::Periphery => "Periphery (paper's Figure 2)",
            Self::Historical => "Historical Khorasan",
        }
    }
}

/// One area with its polygons in longitude/latitude degrees.
#[derive(Debug, Clone)]
pub struct Region {
    pub role: RegionRole,
    pub name: String,
    pub description: String,
    pub paper_ref: String,
    pub geometry: geo::MultiPolygon<f64>,
}
