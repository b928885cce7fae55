//! Everything the atlas shows, indexed once on load.

use super::{Incident, Region};

/// Incidents sorted by date, so "everything up to month M" is a prefix found by binary search.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    incidents: Vec<Incident>,
    /// `month_index` of each incident's start date, parallel to `incidents`.
    months: Vec<i32>,
    pub regions: Vec<Region>,
}

impl Dataset {
    pub fn new(mut incidents: Vec<Incident>, regions: Vec<Region>) -> Self {
        incidents.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
        let months = incidents.iter().map(|i| i.date.month_index()).collect();
        Self {
            incidents,
            months,
            regions,
        }
    }

    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    /// Incidents whose start month is at or before `month_index`, oldest first.
    pub fn up_to_month(&self, month_index: i32) -> &[Incident] {
        let end = self.months.partition_point(|&m| m <= month_index);
        &self.incidents[..end]
    }

    /// First and last year with an incident, if any.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        Some((
            self.incidents.first()?.date.year,
            self.incidents.last()?.date.year,
        ))
    }
}
