//! Basemaps: the offline one rendered from embedded Natural Earth data, and online providers.

pub mod data;
pub mod offline;
pub mod online;
pub mod render;
pub mod style;
pub mod tile_math;

use serde::{Deserialize, Serialize};

/// Which tiles are under the overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BasemapKind {
    /// Embedded Natural Earth, rendered locally. Makes no network connection.
    #[default]
    Offline,
    /// OpenStreetMap standard tiles (network).
    Osm,
    /// OpenTopoMap (network).
    OpenTopoMap,
}

impl BasemapKind {
    pub const ALL: [BasemapKind; 3] = [Self::Offline, Self::Osm, Self::OpenTopoMap];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == s)
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Offline => "offline",
            Self::Osm => "osm",
            Self::OpenTopoMap => "opentopomap",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Offline => "Offline (Natural Earth)",
            Self::Osm => "OpenStreetMap (online)",
            Self::OpenTopoMap => "OpenTopoMap (online)",
        }
    }
}
