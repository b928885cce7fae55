//! A uniform grid over mercator fractions: built once per load, it answers "which points lie
//! in this rectangle" in time proportional to the points there, not to all points.

use std::collections::HashMap;

/// 4096 cells across the world: about 10 km at the equator.
const CELLS: f64 = 4096.0;

#[derive(Debug, Default, Clone)]
pub struct GridIndex {
    cells: HashMap<(i32, i32), Vec<u32>>,
    len: usize,
}

impl GridIndex {
    /// `points` are mercator fractions (0..1); the index refers to them by position.
    pub fn new(points: &[[f64; 2]]) -> Self {
        let mut cells: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for (i, p) in points.iter().enumerate() {
            cells.entry(cell(p[0], p[1])).or_default().push(i as u32);
        }
        Self {
            cells,
            len: points.len(),
        }
    }

    /// Indices of the points in the rectangle [min x, min y, max x, max y] (fractions), plus
    /// possibly some just outside it (whole cells are returned).
    pub fn query(&self, rect: [f64; 4], out: &mut Vec<u32>) {
        out.clear();
        let (x0, y0) = cell(rect[0], rect[1]);
        let (x1, y1) = cell(rect[2], rect[3]);
        let span = (i64::from(x1 - x0) + 1) * (i64::from(y1 - y0) + 1);
        if span as usize > self.cells.len() {
            // A view wider than the data: walking the occupied cells is cheaper.
            for (&(cx, cy), ids) in &self.cells {
                if (x0..=x1).contains(&cx) && (y0..=y1).contains(&cy) {
                    out.extend_from_slice(ids);
                }
            }
        } else {
            for cx in x0..=x1 {
                for cy in y0..=y1 {
                    if let Some(ids) = self.cells.get(&(cx, cy)) {
                        out.extend_from_slice(ids);
                    }
                }
            }
        }
        out.sort_unstable();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

fn cell(x: f64, y: f64) -> (i32, i32) {
    let c = |v: f64| (v.clamp(-1.0, 2.0) * CELLS).floor() as i32;
    (c(x), c(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_points_in_a_rectangle_and_no_far_ones() {
        let points: Vec<[f64; 2]> = (0..1000)
            .map(|i| {
                [
                    (i % 40) as f64 / 40.0 + 0.001,
                    (i / 40) as f64 / 25.0 + 0.001,
                ]
            })
            .collect();
        let index = GridIndex::new(&points);
        let rect = [0.2, 0.3, 0.4, 0.5];
        let mut found = Vec::new();
        index.query(rect, &mut found);
        let expected: Vec<u32> = points
            .iter()
            .enumerate()
            .filter(|(_, p)| p[0] >= 0.2 && p[0] <= 0.4 && p[1] >= 0.3 && p[1] <= 0.5)
            .map(|(i, _)| i as u32)
            .collect();
        for e in &expected {
            assert!(found.contains(e), "{e} missing");
        }
        // Whole cells only add points within a cell (1/4096) of the rectangle.
        for f in &found {
            let p = points[*f as usize];
            assert!(
                p[0] > 0.2 - 1e-3 && p[0] < 0.4 + 1e-3 && p[1] > 0.3 - 1e-3 && p[1] < 0.5 + 1e-3
            );
        }
        // The whole world returns everything.
        index.query([0.0, 0.0, 1.0, 1.0], &mut found);
        assert_eq!(found.len(), 1000);
    }
}
