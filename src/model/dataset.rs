//! Everything the atlas shows, indexed once on load: incidents in date order (so "up to
//! month M" is a binary search), their mercator positions in a spatial grid, and which
//! incidents lie in which area.

use super::mercator::lonlat_to_unit;
use super::spatial::GridIndex;
use super::{Incident, Region};
use geo::{BoundingRect, Contains, Point};

/// One loaded file: the atlas's own data is layer 0.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerInfo {
    pub name: String,
    /// What the file was read as ("UCDP GED CSV", ...).
    pub format: String,
    /// The file it was read from and the columns chosen for it (a `--columns` value), so an
    /// export can read it again; None for the embedded and generated layers.
    pub path: Option<std::path::PathBuf>,
    pub columns: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Dataset {
    pub layers: Vec<LayerInfo>,
    incidents: Vec<Incident>,
    /// `month_index` of each incident's start date, parallel to `incidents`.
    months: Vec<i32>,
    /// Mercator fractions of each incident, parallel to `incidents`.
    units: Vec<[f64; 2]>,
    index: GridIndex,
    pub regions: Vec<Region>,
    /// For each region, the incidents inside it: worked out the first time it is asked for,
    /// since testing every point against every outline costs seconds at 300,000 events.
    region_members: Vec<std::sync::OnceLock<Vec<u32>>>,
}

impl Dataset {
    pub fn new(mut incidents: Vec<Incident>, regions: Vec<Region>) -> Self {
        incidents.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let months = incidents.iter().map(|i| i.date.month_index()).collect();
        let units: Vec<[f64; 2]> = incidents
            .iter()
            .map(|i| {
                let (x, y) = lonlat_to_unit(i.lon, i.lat);
                [x, y]
            })
            .collect();
        let index = GridIndex::new(&units);
        let region_members = regions.iter().map(|_| std::sync::OnceLock::new()).collect();
        Self {
            layers: vec![LayerInfo {
                name: "ISKP Atlas data".into(),
                format: "embedded".into(),
                path: None,
                columns: None,
            }],
            incidents,
            months,
            units,
            index,
            regions,
            region_members,
        }
    }

    /// How many incidents each layer holds.
    pub fn layer_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.layers.len()];
        for i in &self.incidents {
            if let Some(c) = counts.get_mut(usize::from(i.layer)) {
                *c += 1;
            }
        }
        counts
    }

    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    pub fn month(&self, i: u32) -> i32 {
        self.months[i as usize]
    }

    pub fn unit(&self, i: u32) -> [f64; 2] {
        self.units[i as usize]
    }

    pub fn index(&self) -> &GridIndex {
        &self.index
    }

    /// Incidents whose start month is at or before `month_index`, oldest first.
    pub fn up_to_month(&self, month_index: i32) -> &[Incident] {
        &self.incidents[..self.months.partition_point(|&m| m <= month_index)]
    }

    /// Positions of the incidents from month `from` to month `to`, inclusive.
    pub fn month_range(&self, from: i32, to: i32) -> std::ops::Range<usize> {
        self.months.partition_point(|&m| m < from)..self.months.partition_point(|&m| m <= to)
    }

    /// The incidents inside region number `r` of [`Dataset::regions`].
    pub fn region_members(&self, r: usize) -> &[u32] {
        let (Some(cell), Some(region)) = (self.region_members.get(r), self.regions.get(r)) else {
            return &[];
        };
        cell.get_or_init(|| {
            let Some(bbox) = region.geometry.bounding_rect() else {
                return Vec::new();
            };
            self.incidents
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    let p = Point::new(i.lon, i.lat);
                    bbox.contains(&p) && region.geometry.contains(&p)
                })
                .map(|(n, _)| n as u32)
                .collect()
        })
    }

    /// First and last year with an incident, if any.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        Some((
            self.incidents.first()?.date.year,
            self.incidents.last()?.date.year,
        ))
    }
}
