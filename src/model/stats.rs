//! Counts for the charts, computed from whatever incidents are loaded and filtered, so they
//! always match the map (and are labelled as the atlas's counts, not the paper's).

use super::Incident;
use super::filter::best_killed;
use std::collections::BTreeMap;

/// Incidents and deaths in one year, split Afghanistan / Pakistan / elsewhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearCounts {
    pub incidents: [u32; 3],
    pub killed: [u32; 3],
}

pub const COUNTRY_GROUPS: [&str; 3] = ["Afghanistan", "Pakistan", "Elsewhere"];

fn group(country: &str) -> usize {
    match country {
        "AFG" => 0,
        "PAK" => 1,
        _ => 2,
    }
}

pub fn per_year<'a>(incidents: impl Iterator<Item = &'a Incident>) -> BTreeMap<i32, YearCounts> {
    let mut out: BTreeMap<i32, YearCounts> = BTreeMap::new();
    for i in incidents {
        let y = out.entry(i.date.year).or_default();
        let g = group(&i.country);
        y.incidents[g] += 1;
        y.killed[g] += best_killed(i).unwrap_or(0);
    }
    out
}

/// Pakistani incidents per year and province (the paper's Figure 4), by common name.
pub fn pakistan_provinces<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
) -> BTreeMap<i32, BTreeMap<&'static str, u32>> {
    let mut out: BTreeMap<i32, BTreeMap<&'static str, u32>> = BTreeMap::new();
    for i in incidents.filter(|i| i.country == "PAK") {
        *out.entry(i.date.year)
            .or_default()
            .entry(pakistan_province(&i.admin1))
            .or_default() += 1;
    }
    out
}

/// Natural Earth's Pakistani admin-1 names as people say them.
pub fn pakistan_province(ne_name: &str) -> &'static str {
    match ne_name {
        "Baluchistan" => "Balochistan",
        "K.P." => "Khyber Pakhtunkhwa",
        "F.A.T.A." => "FATA",
        "Sind" => "Sindh",
        "Punjab" => "Punjab",
        "F.C.T." => "Islamabad",
        "Azad Kashmir" => "Azad Kashmir",
        "Northern Areas" => "Gilgit-Baltistan",
        _ => "Unknown",
    }
}

/// How many incidents name each target, most common first.
pub fn targets<'a>(incidents: impl Iterator<Item = &'a Incident>) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for i in incidents {
        for t in &i.targets {
            *counts.entry(t.to_lowercase()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u32)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}
