//! The data shipped inside the binary, so the atlas runs from anywhere with no files.

use super::{LoadError, incidents, regions};
use crate::model::{Dataset, Region};

pub const INCIDENTS: (&str, &str) = (
    "data/incidents.geojson",
    include_str!("../../data/incidents.geojson"),
);

pub const CHAPTERS: (&str, &str) = (
    "data/chapters.json",
    include_str!("../../data/chapters.json"),
);

pub const REGION_FILES: [(&str, &str); 4] = [
    (
        "data/regions/historical.geojson",
        include_str!("../../data/regions/historical.geojson"),
    ),
    (
        "data/regions/periphery.geojson",
        include_str!("../../data/regions/periphery.geojson"),
    ),
    (
        "data/regions/claimed.geojson",
        include_str!("../../data/regions/claimed.geojson"),
    ),
    (
        "data/regions/core.geojson",
        include_str!("../../data/regions/core.geojson"),
    ),
];

/// Loads the embedded dataset. Errors are returned beside whatever did load, so a bad
/// feature can never take the rest of the atlas down with it.
pub fn load() -> (Dataset, Vec<LoadError>) {
    let mut errors = Vec::new();
    let mut all_regions: Vec<Region> = Vec::new();
    for (name, text) in REGION_FILES {
        let (mut regions, errs) = regions::parse(name, text);
        all_regions.append(&mut regions);
        errors.extend(errs);
    }
    let (incidents, errs) = incidents::parse(INCIDENTS.0, INCIDENTS.1);
    errors.extend(errs);
    (Dataset::new(incidents, all_regions), errors)
}
