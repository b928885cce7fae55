//! The shaded areas (core, claimed, periphery, historical Khorasan), provinces and countries:
//! prepared at a few levels of detail (`model::shape_lods`; at build time for the embedded
//! ones), then only moved onto the screen each frame.

use super::strokes::Strokes;
use super::transform::{ScreenTransform, boxes_touch};
use crate::io::shape_lods::Levels;
use crate::model::shape_lods::{LODS, Piece};
use crate::model::{Region, RegionRole};
use egui::{Color32, Mesh, Stroke};

pub struct RegionShape {
    pub role: RegionRole,
    pub name: String,
    pub shape: PolygonShape,
}

/// Polygons triangulated at each level of detail, with their outlines.
pub struct PolygonShape {
    lods: Levels,
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
            .unwrap_or_else(|| Levels::ready(crate::model::shape_lods::prepare(geometry)));
        Self { lods }
    }

    /// Whether any part of it is in view.
    pub fn in_view(&self, t: &ScreenTransform) -> bool {
        let view = t.visible_units(8.0);
        self.lods
            .level(0)
            .iter()
            .any(|p| boxes_touch(&p.bbox, &view))
    }

    /// Adds this area's fill to `mesh` and its outline to `outlines`, for the visible parts.
    pub fn paint(
        &self,
        t: &ScreenTransform,
        style: &AreaStyle,
        mesh: &mut Mesh,
        outlines: &mut Strokes,
    ) {
        let lod = LODS.iter().rposition(|&(z, _)| t.zoom >= z).unwrap_or(0);
        let view = t.visible_units(8.0);
        // Less than a pixel across: nothing to see, and its outline would only be noise.
        let min_span = 1.0 / (256.0 * 2f64.powf(t.zoom));
        let big_enough =
            |p: &&Piece| p.bbox[2] - p.bbox[0] > min_span || p.bbox[3] - p.bbox[1] > min_span;
        let pieces = |level: usize| {
            self.lods
                .level(level)
                .iter()
                .filter(|p| boxes_touch(&p.bbox, &view))
                .filter(big_enough)
        };
        // The fill comes from the next coarser level: its edge, within a pixel or so of the
        // outline's, lies under the stroke, and it is half the triangles. An edge alone (a
        // country an incident is placed in) adds no invisible triangles.
        let fill_level = (style.fill.a() > 0).then(|| lod.saturating_sub(1));
        if let Some(level) = fill_level.filter(|&l| l != lod) {
            for piece in pieces(level) {
                let points = piece.vertices.iter().map(|&u| t.unit_to_screen(u));
                add_fill(mesh, points, &piece.indices, style.fill);
            }
        }
        let clip = t.clip.expand(style.width + 4.0);
        let tolerance = if style.fill.a() > 0 {
            OUTLINE_TOLERANCE_PX
        } else {
            EDGE_TOLERANCE_PX
        };
        for piece in pieces(lod) {
            let screen: Vec<egui::Pos2> = piece
                .vertices
                .iter()
                .map(|&u| t.unit_to_screen(u))
                .collect();
            if fill_level == Some(lod) {
                add_fill(mesh, screen.iter().copied(), &piece.indices, style.fill);
            }
            for outline in &piece.outlines {
                let mut points = on_screen(&outline.indices, &screen, tolerance);
                if outline.closed
                    && let Some(&first) = points.first()
                {
                    points.push(first);
                }
                let runs = visible_runs(points, clip);
                let whole = runs.len() == 1 && runs[0].1;
                let stroke = Stroke::new(style.width, style.outline);
                for (run, _) in runs {
                    if style.dashed {
                        outlines.dashed(&run, stroke, 10.0, 6.0);
                    } else {
                        outlines.line(&run, whole && outline.closed, stroke);
                    }
                }
            }
        }
    }
}

/// A piece's triangles, its points already on screen, in one colour.
fn add_fill(
    mesh: &mut Mesh,
    points: impl Iterator<Item = egui::Pos2>,
    indices: &[u32],
    color: Color32,
) {
    let base = mesh.vertices.len() as u32;
    for p in points {
        mesh.colored_vertex(p, color);
    }
    mesh.indices.extend(indices.iter().map(|&i| base + i));
}

/// The stretches of a polyline whose segments touch `clip`, each with whether it is the
/// whole line: a country's edge far off the map costs nothing to stroke.
fn visible_runs(points: Vec<egui::Pos2>, clip: egui::Rect) -> Vec<(Vec<egui::Pos2>, bool)> {
    let touches = |a: egui::Pos2, b: egui::Pos2| clip.intersects(egui::Rect::from_two_pos(a, b));
    if points.windows(2).all(|w| touches(w[0], w[1])) {
        return vec![(points, true)];
    }
    let mut runs = Vec::new();
    let mut run: Vec<egui::Pos2> = Vec::new();
    for w in points.windows(2) {
        if touches(w[0], w[1]) {
            if run.is_empty() {
                run.push(w[0]);
            }
            run.push(w[1]);
        } else if !run.is_empty() {
            runs.push((std::mem::take(&mut run), false));
        }
    }
    if !run.is_empty() {
        runs.push((run, false));
    }
    runs
}

/// How far, in pixels, an outline may be straightened on screen. Zoomed out, a level's
/// points fall a pixel or two apart, and every point of a stroked edge costs two triangles.
const OUTLINE_TOLERANCE_PX: f32 = 0.75;

/// The same for an edge with no fill to follow (a country incidents are placed in): a thin,
/// faint line over the basemap's own border, which needs no closer fit.
const EDGE_TOLERANCE_PX: f32 = 1.5;

/// The outline's points on screen, with those that lie within `tolerance` pixels of the line
/// through their neighbours left out (Douglas-Peucker; the ends always stay).
fn on_screen(indices: &[u32], screen: &[egui::Pos2], tolerance: f32) -> Vec<egui::Pos2> {
    let points: Vec<egui::Pos2> = indices.iter().map(|&i| screen[i as usize]).collect();
    if points.len() < 3 {
        return points;
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut spans = vec![(0, points.len() - 1)];
    while let Some((a, b)) = spans.pop() {
        let (pa, pb) = (points[a], points[b]);
        let d = pb - pa;
        let len = d.length();
        let far = (a + 1..b)
            .map(|k| {
                let v = points[k] - pa;
                let off = if len > 0.0 {
                    (v.x * d.y - v.y * d.x).abs() / len
                } else {
                    v.length()
                };
                (k, off)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((k, off)) = far
            && off > tolerance
        {
            keep[k] = true;
            spans.push((a, k));
            spans.push((k, b));
        }
    }
    points
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
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
            shape.shape.lods.level(0).len(),
            1,
            "a 10-degree L survives the coarsest level"
        );
        let piece = &shape.shape.lods.level(LODS.len() - 1)[0];
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
    fn outlines_on_screen_drop_only_points_within_the_tolerance() {
        use egui::pos2;
        // A straight run with a wobble far below a pixel, then a real corner.
        let screen = vec![
            pos2(0.0, 0.0),
            pos2(1.0, 0.1),
            pos2(2.0, -0.1),
            pos2(3.0, 0.0),
            pos2(3.0, 5.0),
        ];
        let kept = on_screen(&[0, 1, 2, 3, 4], &screen, OUTLINE_TOLERANCE_PX);
        assert_eq!(kept, vec![pos2(0.0, 0.0), pos2(3.0, 0.0), pos2(3.0, 5.0)]);
        // A closed ring's first point, reached again at the end, keeps the ring whole.
        let square = [
            pos2(0.0, 0.0),
            pos2(9.0, 0.0),
            pos2(9.0, 9.0),
            pos2(0.0, 9.0),
        ];
        assert_eq!(
            on_screen(&[0, 1, 2, 3], &square, OUTLINE_TOLERANCE_PX).len(),
            4
        );
        assert_eq!(on_screen(&[0, 1], &square, OUTLINE_TOLERANCE_PX).len(), 2);
    }

    #[test]
    fn only_the_stretches_near_the_map_are_stroked() {
        use egui::{Rect, pos2};
        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        let inside = vec![pos2(10.0, 10.0), pos2(50.0, 10.0), pos2(50.0, 50.0)];
        assert_eq!(visible_runs(inside.clone(), clip), vec![(inside, true)]);
        // In, far out east and back: two stretches, each ending at the first point out.
        let line = vec![
            pos2(10.0, 10.0),
            pos2(90.0, 10.0),
            pos2(150.0, 10.0),
            pos2(900.0, 10.0),
            pos2(900.0, 50.0),
            pos2(150.0, 50.0),
            pos2(50.0, 50.0),
        ];
        let runs = visible_runs(line, clip);
        assert_eq!(runs.len(), 2);
        assert_eq!(
            runs[0].0,
            vec![pos2(10.0, 10.0), pos2(90.0, 10.0), pos2(150.0, 10.0)]
        );
        assert_eq!(runs[1].0, vec![pos2(150.0, 50.0), pos2(50.0, 50.0)]);
        assert!(runs.iter().all(|(_, whole)| !whole));
    }

    #[test]
    fn degenerate_polygon_is_skipped_not_fatal() {
        let line = LineString::from(vec![(60.0, 30.0), (61.0, 30.0), (60.0, 30.0)]);
        let shape = RegionShape::new(&region(Polygon::new(line, vec![])));
        assert!((0..LODS.len()).all(|n| shape.shape.lods.level(n).is_empty()));
    }
}
