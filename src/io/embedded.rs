//! The data shipped inside the binary, so the atlas runs from anywhere with no files.
//! Statics rather than constants: a constant's text is copied into every part of the
//! program that uses it, and the binary held three copies of the incidents file.

use super::{LoadError, incidents, regions};
use crate::model::{Dataset, Region};

pub static INCIDENTS: (&str, &str) = (
    "data/incidents.geojson",
    include_str!("../../data/incidents.geojson"),
);

pub static CHAPTERS: (&str, &str) = (
    "data/chapters.json",
    include_str!("../../data/chapters.json"),
);

pub static TOTALS: (&str, &str) = ("data/totals.json", include_str!("../../data/totals.json"));

/// The month the embedded data's sweep of sources reached (see data/README.md), parsed once.
pub fn data_through() -> Option<i32> {
    static MONTH: std::sync::OnceLock<Option<i32>> = std::sync::OnceLock::new();
    *MONTH.get_or_init(|| {
        let month = super::incidents::data_through(INCIDENTS.0, INCIDENTS.1)
            .ok()
            .flatten();
        super::pages::release(INCIDENTS.1.as_bytes(), INCIDENTS.1.as_bytes());
        month
    })
}

/// "Data through March 2026", for the top bar, the stage and every export.
pub fn data_through_text() -> String {
    data_through().map_or_else(
        || "Data through: not stated".to_owned(),
        |m| format!("Data through {}", crate::model::date::month_long(m)),
    )
}

/// The embedded story's chapters, parsed once (empty if the file is broken; `validate`
/// says why).
pub fn chapters() -> &'static [crate::model::Chapter] {
    static PARSED: std::sync::OnceLock<Vec<crate::model::Chapter>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| super::chapters::parse(CHAPTERS.0, CHAPTERS.1).unwrap_or_default())
}

/// An embedded chapter by id.
pub fn chapter(id: &str) -> Option<&'static crate::model::Chapter> {
    chapters().iter().find(|c| c.id == id)
}

/// The published totals shipped with the atlas, parsed once.
pub fn totals() -> &'static [crate::model::PublishedTotal] {
    static TOTALS_PARSED: std::sync::OnceLock<Vec<crate::model::PublishedTotal>> =
        std::sync::OnceLock::new();
    TOTALS_PARSED.get_or_init(|| super::totals::parse(TOTALS.0, TOTALS.1).0)
}

pub static REGION_FILES: [(&str, &str); 4] = [
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
/// feature can never take the rest of the atlas down with it. User files come on top through
/// [`super::import::load_files`].
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
    for text in REGION_FILES
        .map(|(_, text)| text)
        .into_iter()
        .chain([INCIDENTS.1])
    {
        super::pages::release(text.as_bytes(), text.as_bytes());
    }
    (Dataset::new(incidents, all_regions), errors)
}
