//! Merging markers that would overlap on a zoomed-out map. Pure: positions in, groups out.
//!
//! Cells are fixed in world pixels at the current zoom (not screen pixels), so panning does
//! not reshuffle the clusters; only zooming does.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean position of the members, in world pixels.
    pub center: [f64; 2],
    pub members: Vec<u32>,
    pub killed: u32,
}

/// Groups points (id, world-pixel position, killed) into cells `cell_px` wide. Cells holding
/// one point come back as clusters of one; callers draw those as plain markers.
pub fn cluster(points: impl Iterator<Item = (u32, [f64; 2], u32)>, cell_px: f64) -> Vec<Cluster> {
    let mut cells: HashMap<(i64, i64), Cluster> = HashMap::new();
    let mut order = Vec::new();
    for (id, p, killed) in points {
        let key = (
            (p[0] / cell_px).floor() as i64,
            (p[1] / cell_px).floor() as i64,
        );
        let c = cells.entry(key).or_insert_with(|| {
            order.push(key);
            Cluster {
                center: [0.0, 0.0],
                members: Vec::new(),
                killed: 0,
            }
        });
        c.center[0] += p[0];
        c.center[1] += p[1];
        c.members.push(id);
        c.killed += killed;
    }
    order
        .into_iter()
        .filter_map(|k| cells.remove(&k))
        .map(|mut c| {
            let n = c.members.len() as f64;
            c.center = [c.center[0] / n, c.center[1] / n];
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_points_merge_far_points_stay_apart_and_nothing_is_lost() {
        let pts = vec![
            (0, [10.0, 10.0], 5),
            (1, [20.0, 12.0], 7),
            (2, [30.0, 30.0], 0),
            (3, [500.0, 500.0], 1),
        ];
        let c = cluster(pts.clone().into_iter(), 44.0);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].members, vec![0, 1, 2]);
        assert_eq!(c[0].killed, 12);
        assert_eq!(c[0].center, [20.0, 52.0 / 3.0]);
        assert_eq!(c[1].members, vec![3]);
        // Smaller cells (zoomed in) split the group.
        let fine = cluster(pts.into_iter(), 8.0);
        assert_eq!(fine.len(), 4);
        let total: usize = fine.iter().map(|c| c.members.len()).sum();
        assert_eq!(total, 4);
    }

    #[test]
    fn panning_does_not_change_the_grouping() {
        // World-pixel cells: the same points give the same groups wherever the screen is.
        let pts = [
            (0u32, [100.0, 100.0], 0u32),
            (1, [120.0, 110.0], 0),
            (2, [300.0, 90.0], 0),
        ];
        let a = cluster(pts.iter().copied(), 44.0);
        let b = cluster(pts.iter().copied(), 44.0);
        assert_eq!(a, b);
    }
}
