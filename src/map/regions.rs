//! The shaded areas (core, claimed, periphery, historical Khorasan): triangulated once on
//! load, at a few levels of detail, then only moved onto the screen each frame.

use super::transform::{ScreenTransform, boxes_touch};
use crate::basemap::tile_math::lonlat_to_unit;
use crate::model::{Region, RegionRole};
use egui::{Color32, Mesh, Shape, Stroke, epaint::PathStroke};
use geo::Simplify;

/// Simplification tolerances in degrees and the zoom each level is used from.
const LODS: [(f64, f64); 3] = [(0.0, 0.04), (5.5, 0.01), (7.5, 0.0)];

/// One polygon at one level of detail, in mercator fractions.
struct Piece {
    bbox: [f64; 4],
    vertices: Vec<[f64; 2]>,
    indices: Vec<u32>,
    /// Rings for the outline, as ranges into `vertices`.
    rings: Vec<std::ops::Range<usize>>,
}

pub struct RegionShape {
    pub role: RegionRole,
    pub name: String,
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
        let lods = LODS
            .iter()
            .map(|&(_, tol)| {
                let mp = if tol > 0.0 {
                    region.geometry.simplify(tol)
                } else {
                    region.geometry.clone()
                };
                mp.0.iter().filter_map(piece).collect()
            })
            .collect();
        Self {
            role: region.role,
            name: region.name.clone(),
            lods,
        }
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
        for piece in self.lods[lod]
            .iter()
            .filter(|p| boxes_touch(&p.bbox, &view))
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
            for ring in &piece.rings {
                let points = screen[ring.clone()].to_vec();
                if style.dashed {
                    let mut closed = points;
                    if let Some(&first) = closed.first() {
                        closed.push(first);
                    }
                    outlines.extend(Shape::dashed_line(
                        &closed,
                        Stroke::new(style.width, style.outline),
                        10.0,
                        6.0,
                    ));
                } else {
                    outlines.push(Shape::closed_line(
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
fn piece(polygon: &geo::Polygon<f64>) -> Option<Piece> {
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
        if coords.len() < 3 {
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
    Some(Piece {
        bbox,
        vertices,
        indices: indices.into_iter().map(|i| i as u32).collect(),
        rings,
    })
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
        let piece = &shape.lods[2][0];
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
        let ring_area = |r: std::ops::Range<usize>| {
            let v = &piece.vertices[r];
            let mut s = 0.0;
            for i in 0..v.len() {
                let (a, b) = (v[i], v[(i + 1) % v.len()]);
                s += a[0] * b[1] - b[0] * a[1];
            }
            s.abs() / 2.0
        };
        let expected = ring_area(piece.rings[0].clone()) - ring_area(piece.rings[1].clone());
        assert!(
            (tri - expected).abs() / expected < 1e-9,
            "{tri} vs {expected}"
        );
        assert_eq!(piece.rings.len(), 2);
    }

    #[test]
    fn degenerate_polygon_is_skipped_not_fatal() {
        let line = LineString::from(vec![(60.0, 30.0), (61.0, 30.0), (60.0, 30.0)]);
        let shape = RegionShape::new(&region(Polygon::new(line, vec![])));
        assert!(shape.lods.iter().all(|l| l.is_empty()));
    }
}
