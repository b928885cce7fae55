//! The shaded areas (core, claimed, periphery, historical Khorasan): triangulated once on
//! load, at a few levels of detail, then only moved onto the screen each frame.

use super::transform::{ScreenTransform, boxes_touch};
use crate::basemap::tile_math::lonlat_to_unit;
use crate::model::{Region, RegionRole};
use egui::{Color32, Mesh, Shape, Stroke, epaint::PathStroke};
use geo::SimplifyVwPreserve;

/// Simplification tolerances in degrees and the zoom each level is used from.
const LODS: [(f64, f64); 3] = [(0.0, 0.04), (5.5, 0.01), (7.5, 0.0)];

/// One polygon at one level of detail, in mercator fractions.
struct Piece {
    bbox: [f64; 4],
    vertices: Vec<[f64; 2]>,
    indices: Vec<u32>,
    /// What to stroke: the rings, cut at hairpin corners (see [`outline_runs`]).
    outlines: Vec<Outline>,
}

pub struct RegionShape {
    pub role: RegionRole,
    pub name: String,
    pub shape: PolygonShape,
}

/// Polygons triangulated at each level of detail, with their outlines.
pub struct PolygonShape {
    lods: Vec<Vec<Piece>>,
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
        // From the finest level to the coarsest, each simplified from the one before: the
        // coarse levels then start from a fraction of the points, which halves the work.
        let mut lods: Vec<Vec<Piece>> = Vec::with_capacity(LODS.len());
        let mut finer = geometry.clone();
        for &(_, tol) in LODS.iter().rev() {
            // Topology-preserving, so a simplified ring never crosses itself (earcut would
            // then make slivers across the sea). The area threshold matches a distance
            // tolerance of about `tol`.
            if tol > 0.0 {
                finer = finer.simplify_vw_preserve(tol * tol);
            }
            lods.push(finer.0.iter().filter_map(|p| piece(p, tol)).collect());
        }
        lods.reverse();
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

/// Triangulates one polygon (holes included) in mercator fractions. Degenerate polygons, which
/// earcut cannot cut, are skipped rather than allowed to stop the app.
///
/// Rings smaller than the level's tolerance are dropped: simplification collapses small
/// islands into slivers, and a stroked sliver turns back on itself in a long miter spike.
fn piece(polygon: &geo::Polygon<f64>, tol: f64) -> Option<Piece> {
    use geo::Area;
    let min_area = (tol * 2.0).powi(2).max(1e-8);
    let mut flat = Vec::new();
    let mut holes = Vec::new();
    let mut vertices = Vec::new();
    let mut rings = Vec::new();
    for (i, ring) in std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .enumerate()
    {
        // GeoJSON rings repeat the first point at the end; earcut wants it once.
        let coords = &ring.0[..ring.0.len().saturating_sub(1)];
        let area = geo::Polygon::new(ring.clone(), vec![]).unsigned_area();
        if coords.len() < 3 || area < min_area {
            if i == 0 {
                return None;
            }
            continue;
        }
        if i > 0 {
            holes.push(vertices.len());
        }
        let start = vertices.len();
        for c in coords {
            let (x, y) = lonlat_to_unit(c.x, c.y);
            flat.extend([x, y]);
            vertices.push([x, y]);
        }
        rings.push(start..vertices.len());
    }
    let indices = earcutr::earcut(&flat, &holes, 2).ok()?;
    let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for v in &vertices {
        bbox = [
            bbox[0].min(v[0]),
            bbox[1].min(v[1]),
            bbox[2].max(v[0]),
            bbox[3].max(v[1]),
        ];
    }
    let outlines = rings
        .iter()
        .flat_map(|r| outline_runs(&vertices, r.clone()))
        .collect();
    Some(Piece {
        bbox,
        vertices,
        indices: indices.into_iter().map(|i| i as u32).collect(),
        outlines,
    })
}

/// A run of vertices to stroke; `closed` when it is a whole ring.
struct Outline {
    indices: Vec<u32>,
    closed: bool,
}

/// Corners sharper than this are not joined: a mitred hairpin shoots a spike far past the
/// shape (coastal slivers left by simplification do this), so the stroke ends there instead.
const HAIRPIN_DEGREES: f64 = 20.0;

/// Splits a ring into open runs at its hairpin corners, or returns it whole if it has none.
/// Angles are the same in mercator units and on screen, so this is done once, on load.
fn outline_runs(vertices: &[[f64; 2]], ring: std::ops::Range<usize>) -> Vec<Outline> {
    let n = ring.len();
    let at = |k: usize| vertices[ring.start + k % n];
    let hairpin = |k: usize| {
        let (p, c, q) = (at(k + n - 1), at(k), at(k + 1));
        let (a, b) = ([p[0] - c[0], p[1] - c[1]], [q[0] - c[0], q[1] - c[1]]);
        let (la, lb) = (a[0].hypot(a[1]), b[0].hypot(b[1]));
        if la == 0.0 || lb == 0.0 {
            return false;
        }
        let cos = ((a[0] * b[0] + a[1] * b[1]) / (la * lb)).clamp(-1.0, 1.0);
        cos.acos().to_degrees() < HAIRPIN_DEGREES
    };
    let cuts: Vec<usize> = (0..n).filter(|&k| hairpin(k)).collect();
    let index = |k: usize| (ring.start + k % n) as u32;
    if cuts.is_empty() {
        return vec![Outline {
            indices: (0..n).map(index).collect(),
            closed: true,
        }];
    }
    let mut runs = Vec::with_capacity(cuts.len());
    for (i, &from) in cuts.iter().enumerate() {
        let to = if i + 1 < cuts.len() {
            cuts[i + 1]
        } else {
            cuts[0] + n
        };
        if to > from + 1 {
            runs.push(Outline {
                indices: (from..=to).map(index).collect(),
                closed: false,
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
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
