//! A map view: centre and zoom.

use serde::{Deserialize, Serialize};

/// Where the map looks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

impl View {
    pub fn is_sane(&self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-85.0..=85.0).contains(&self.lat)
            && (1.0..=18.0).contains(&self.zoom)
    }
}
