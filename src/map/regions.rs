//! The shaded areas (core, claimed, periphery, historical Khorasan), provinces and countries:
//! prepared at a few levels of detail (`model::shape_lods`; at build time for the embedded
//! ones), then only moved onto the screen each frame.

use super::transform::{ScreenTransform, boxes_touch};
use crate::model::shape_lods::{LODS, Lods, Piece};
use crate::model::{Region, RegionRole};
use egui::{Color32, Mesh, Shape, Stroke, epaint::PathStroke};

pub struct RegionShape {
    pub role: RegionRole,
    pub name: String,
    pub shape: PolygonShape,
}

/// Polygons triangulated at each level of detail, with their outlines.
pub struct PolygonShape {
    lods: Lods,
}

/// Fill and outline colours of an area.
#[derive(Debug, Clone, Copy)]
pub struct AreaStyle {
    pub fill: Color32,
    pub outline: Color32,
    pub width: f32,
    pub dashed: bool,
}

pub fn area_style(role: RegionRole, dark: bool) -> AreaStyle {
    let (r, g, b, fill_alpha, width, dashed) = match role {
        RegionRole::Core => (200, 30, 40, 0.30, 2.5, false),
        RegionRole::Claimed => (235, 120, 20, 0.32, 2.0, false),
        RegionRole::Periphery => (120, 80, 180, 0.13, 1.5, false),
        RegionRole::Historical => (20, 140, 110, 0.12, 2.5, true),
    };
    let fill_alpha = if dark { fill_alpha * 1.2 } else { fill_alpha };
    AreaStyle {
        fill: Color32::from_rgba_unmultiplied(r, g, b, (fill_alpha * 255.0) as u8),
        outline: Color32::from_rgb(r, g, b),
        width,
        dashed,
    }
}

impl RegionShape {
    pub fn new(region: &Region) -> Self {
        Self {
            role: region.role,
            name: region.name.clone(),
            shape: PolygonShape::new(&region.geometry),
        }
    }
}

impl PolygonShape {
    pub fn new(geometry: &geo::MultiPolygon<f64>) -> Self {
        // The embedded outlines were prepared by `build.rs`; a user's are prepared now.
        let lods = crate::io::shape_lods::embedded(geometry)
            .unwrap_or_else(|| crate::model::shape_lods::prepare(geometry));
        Self { lods }
    }

    /// Whether any part of it is in view.
    pub fn in_view(&self, t: &ScreenTransform) -> bool {
        let view = t.visible_units(8.0);
        self.lods
            .first()
            .is_some_and(|pieces| pieces.iter().any(|p| boxes_touch(&p.bbox, &view)))
    }

    /// Adds this area's fill to `mesh` and its outline to `outlines`, for the visible parts.
    pub fn paint(
        &self,
        t: &ScreenTransform,
        style: &AreaStyle,
        mesh: &mut Mesh,
        outlines: &mut Vec<Shape>,
    ) {
        let lod = LODS.iter().rposition(|&(z, _)| t.zoom >= z).unwrap_or(0);
        let view = t.visible_units(8.0);
        // Less than a pixel across: nothing to see, and its outline would only be noise.
        let min_span = 1.0 / (256.0 * 2f64.powf(t.zoom));
        let big_enough =
            |p: &&Piece| p.bbox[2] - p.bbox[0] > min_span || p.bbox[3] - p.bbox[1] > min_span;
        for piece in self.lods[lod]
            .iter()
            .filter(|p| boxes_touch(&p.bbox, &view))
            .filter(big_enough)
        {
            let base = mesh.vertices.len() as u32;
            let screen: Vec<egui::Pos2> = piece
                .vertices
                .iter()
                .map(|&u| t.unit_to_screen(u))
                .collect();
            for &p in &screen {
                mesh.colored_vertex(p, style.fill);
            }
            mesh.indices.extend(piece.indices.iter().map(|&i| base + i));
            for outline in &piece.outlines {
                let mut points: Vec<egui::Pos2> = outline
                    .indices
                    .iter()
                    .map(|&i| screen[i as usize])
                    .collect();
                if style.dashed {
                    if outline.closed
                        && let Some(&first) = points.first()
                    {
                        points.push(first);
                    }
                    outlines.extend(Shape::dashed_line(
                        &points,
                        Stroke::new(style.width, style.outline),
                        10.0,
                        6.0,
                    ));
                } else if outline.closed {
                    outlines.push(Shape::closed_line(
                        points,
                        PathStroke::new(style.width, style.outline),
                    ));
                } else {
                    outlines.push(Shape::line(
                        points,
                        PathStroke::new(style.width, style.outline),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shape_lods::{Outline, outline_runs};
    use geo::{LineString, Polygon};

    fn region(polygon: Polygon<f64>) -> Region {
        Region {
            role: RegionRole::Core,
            name: "Test".into(),
            description: String::new(),
            paper_ref: String::new(),
            geometry: geo::MultiPolygon(vec![polygon]),
        }
    }

    #[test]
    fn concave_polygon_with_hole_triangulates_to_its_true_area() {
        // An L shape (concave) with a square hole in its long arm.
        let outer = LineString::from(vec![
            (60.0, 30.0),
            (70.0, 30.0),
            (70.0, 32.0),
            (62.0, 32.0),
            (62.0, 40.0),
            (60.0, 40.0),
            (60.0, 30.0),
        ]);
        let hole = LineString::from(vec![
            (64.0, 30.5),
            (66.0, 30.5),
            (66.0, 31.5),
            (64.0, 31.5),
            (64.0, 30.5),
        ]);
        let shape = RegionShape::new(&region(Polygon::new(outer, vec![hole])));
        assert_eq!(
            shape.shape.lods[0].len(),
            1,
            "a 10-degree L survives the coarsest level"
        );
        let piece = &shape.shape.lods[2][0];
        // Sum triangle areas in lon/lat-ish mercator space and compare with the shoelace area.
        let area = |a: [f64; 2], b: [f64; 2], c: [f64; 2]| {
            ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
        };
        let tri: f64 = piece
            .indices
            .chunks(3)
            .map(|t| {
                area(
                    piece.vertices[t[0] as usize],
                    piece.vertices[t[1] as usize],
                    piece.vertices[t[2] as usize],
                )
            })
            .sum();
        let ring_area = |o: &Outline| {
            assert!(o.closed, "an L with a square hole has no hairpins");
            let v: Vec<[f64; 2]> = o
                .indices
                .iter()
                .map(|&i| piece.vertices[i as usize])
                .collect();
            let mut s = 0.0;
            for i in 0..v.len() {
                let (a, b) = (v[i], v[(i + 1) % v.len()]);
                s += a[0] * b[1] - b[0] * a[1];
            }
            s.abs() / 2.0
        };
        let expected = ring_area(&piece.outlines[0]) - ring_area(&piece.outlines[1]);
        assert!(
            (tri - expected).abs() / expected < 1e-9,
            "{tri} vs {expected}"
        );
        assert_eq!(piece.outlines.len(), 2);
    }

    #[test]
    fn hairpin_corners_split_the_outline_and_plain_rings_stay_closed() {
        let square = vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]];
        let runs = outline_runs(&square, 0..4);
        assert_eq!(runs.len(), 1);
        assert!(runs[0].closed);
        assert_eq!(runs[0].indices.len(), 4);
        // A square with a needle poking out east from its top-right corner.
        let needle = vec![
            [0.0, 0.0],
            [1.0, 0.0],
            [1.0, 1.0],
            [5.0, 1.05],
            [1.0, 1.1],
            [0.0, 1.1],
        ];
        let runs = outline_runs(&needle, 0..6);
        assert!(runs.iter().all(|r| !r.closed));
        // The needle's tip (index 3) ends runs but is never a joint in the middle of one.
        for r in &runs {
            let inner = &r.indices[1..r.indices.len() - 1];
            assert!(!inner.contains(&3), "{:?}", r.indices);
        }
        let covered: usize = runs.iter().map(|r| r.indices.len() - 1).sum();
        assert_eq!(covered, 6, "every edge still drawn once");
    }

    #[test]
    fn degenerate_polygon_is_skipped_not_fatal() {
        let line = LineString::from(vec![(60.0, 30.0), (61.0, 30.0), (60.0, 30.0)]);
        let shape = RegionShape::new(&region(Polygon::new(line, vec![])));
        assert!(shape.shape.lods.iter().all(|l| l.is_empty()));
    }
}
