//! What is selected on the map (what the details panel shows), and a search result.

use super::View;

/// What the details panel shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Selection {
    #[default]
    None,
    Incident(u32),
    /// Several incidents under one click (a cluster or one site): pick one.
    Many(Vec<u32>),
    /// Region number in `Dataset::regions`.
    Region(usize),
    /// A province (its number among the embedded provinces), clicked on the provinces map.
    Province(usize),
}

/// A search result: an incident (by index) or a place to fly to.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    Incident(u32),
    Place { name: String, view: View },
}
