//! Merging markers that would overlap on a zoomed-out map. Pure: positions in, groups out.
//!
//! Cells are fixed in world pixels at each integer zoom (not screen pixels), so panning does
//! not reshuffle the clusters; only zooming does.

use std::collections::HashMap;

/// Clusters precomputed for each zoom level below the clustering limit, so a frame over
/// 300,000 events costs only the occupied cells: each cell keeps its members in date order,
/// and the members shown at the cursor are found by binary search.
#[derive(Debug, Default)]
pub struct Levels {
    /// One per integer zoom from 0.
    /// Ordered by (column, row), so a view's columns are one range lookup.
    levels: Vec<std::collections::BTreeMap<(i64, i64), Cell>>,
    cell_px: f64,
}

#[derive(Debug, Default)]
pub struct Cell {
    /// Positions in the dataset (its date order), ascending.
    pub members: Vec<u32>,
    /// Running sum of deaths over `members`, one longer than it.
    killed_prefix: Vec<u32>,
    /// Mean position in mercator fractions.
    pub center: [f64; 2],
}

impl Cell {
    /// The members inside `range` (dataset positions): a sub-slice, by binary search.
    pub fn in_range(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        let a = self
            .members
            .partition_point(|&m| (m as usize) < range.start);
        let b = self.members.partition_point(|&m| (m as usize) < range.end);
        (a, b)
    }

    pub fn killed(&self, a: usize, b: usize) -> u32 {
        self.killed_prefix[b] - self.killed_prefix[a]
    }
}

impl Levels {
    /// Builds levels 0..`below_zoom` over the points that pass `mask`; each point is
    /// (position in date order, mercator fractions, killed).
    pub fn build(
        points: impl Iterator<Item = (u32, [f64; 2], u32)> + Clone,
        below_zoom: u8,
        cell_px: f64,
    ) -> Self {
        let levels = (0..below_zoom)
            .map(|z| {
                let world = 256.0 * f64::from(1u32 << z);
                let mut cells: HashMap<(i64, i64), Cell> = HashMap::new();
                for (id, u, killed) in points.clone() {
                    let key = (
                        (u[0] * world / cell_px).floor() as i64,
                        (u[1] * world / cell_px).floor() as i64,
                    );
                    let c = cells.entry(key).or_default();
                    if c.killed_prefix.is_empty() {
                        c.killed_prefix.push(0);
                    }
                    c.members.push(id);
                    let last = *c.killed_prefix.last().unwrap_or(&0);
                    c.killed_prefix.push(last + killed);
                    c.center[0] += u[0];
                    c.center[1] += u[1];
                }
                for c in cells.values_mut() {
                    let n = c.members.len() as f64;
                    c.center = [c.center[0] / n, c.center[1] / n];
                }
                cells.into_iter().collect()
            })
            .collect();
        Self { levels, cell_px }
    }

    /// The cells of the level for `zoom` whose area touches `view` (mercator fractions).
    pub fn cells(&self, zoom: f64, view: [f64; 4]) -> impl Iterator<Item = &Cell> {
        let z = (zoom.round().max(0.0) as usize).min(self.levels.len().saturating_sub(1));
        let world = 256.0 * 2f64.powi(z as i32);
        let k = |u: f64| (u * world / self.cell_px).floor() as i64;
        let (x0, y0, x1, y1) = (k(view[0]), k(view[1]), k(view[2]), k(view[3]));
        self.levels.get(z).into_iter().flat_map(move |cells| {
            cells
                .range((x0, i64::MIN)..=(x1, i64::MAX))
                .filter(move |((_, y), _)| (y0..=y1).contains(y))
                .map(|(_, c)| c)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// Zooms from this one up are drawn without the levels.
    pub fn below_zoom(&self) -> usize {
        self.levels.len()
    }
}

#[cfg(test)]
mod level_tests {
    use super::*;

    #[test]
    fn levels_count_members_in_a_time_range_by_binary_search() {
        // Five points in one spot (dataset positions 0..5, deaths 1..5) and one far away.
        let pts: Vec<(u32, [f64; 2], u32)> = (0..5)
            .map(|i| (i, [0.7, 0.4], i + 1))
            .chain(std::iter::once((5, [0.1, 0.1], 9)))
            .collect();
        let levels = Levels::build(pts.iter().copied(), 7, 40.0);
        let cells: Vec<&Cell> = levels.cells(5.0, [0.6, 0.3, 0.8, 0.5]).collect();
        assert_eq!(cells.len(), 1, "the far point's cell is out of view");
        let (a, b) = cells[0].in_range(&(1..4));
        assert_eq!((a, b), (1, 4));
        assert_eq!(cells[0].killed(a, b), 2 + 3 + 4);
        assert_eq!(levels.cells(5.0, [0.0, 0.0, 1.0, 1.0]).count(), 2);
    }
}
