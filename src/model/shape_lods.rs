//! Shaded polygons (the areas, provinces, countries) prepared for drawing: simplified for a
//! few levels of detail, triangulated, and their outlines cut at hairpin corners. Pure, so
//! `build.rs` runs the same code on the embedded polygons and start-up only copies the
//! result in (`io::shape_lods`); polygons read from the user's files are prepared here at
//! run time.

use super::mercator::lonlat_to_unit;
use geo::{Area, SimplifyVwPreserve};

/// Simplification tolerances in degrees and the zoom each level is used from.
pub const LODS: [(f64, f64); 4] = [(0.0, 0.04), (5.5, 0.02), (6.5, 0.01), (7.5, 0.0)];

/// One polygon at one level of detail, in mercator fractions.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub bbox: [f64; 4],
    pub vertices: Vec<[f64; 2]>,
    pub indices: Vec<u32>,
    /// What to stroke: the rings, cut at hairpin corners (see [`outline_runs`]).
    pub outlines: Vec<Outline>,
}

/// The pieces of each level of detail, coarsest first, as [`LODS`] lists them.
pub type Lods = Vec<Vec<Piece>>;

pub fn prepare(geometry: &geo::MultiPolygon<f64>) -> Lods {
    // From the finest level to the coarsest, each simplified from the one before: the
    // coarse levels then start from a fraction of the points, which halves the work.
    let mut lods: Lods = Vec::with_capacity(LODS.len());
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
    lods
}

/// Names a polygon by its coordinates (FNV-1a over their bits), so the same outline read
/// by `build.rs` and at run time finds its prepared shapes whichever file it came from.
pub fn key(geometry: &geo::MultiPolygon<f64>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u64| {
        for b in v.to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    mix(geometry.0.len() as u64);
    for polygon in &geometry.0 {
        // Which rings are holes of which polygon is part of the shape too.
        mix(polygon.interiors().len() as u64);
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            mix(ring.0.len() as u64);
            for c in &ring.0 {
                mix(c.x.to_bits());
                mix(c.y.to_bits());
            }
        }
    }
    h
}

/// Appends `lods` in the form `io::shape_lods` reads, little-endian: the level count (u32),
/// then per level its length in bytes (u32, so a reader can pass over the levels it does not
/// need) and its piece count (u32); per piece its bounding box (4 f64), whether its indices are wide (a byte),
/// its vertices (u32 count, then f32 pairs measured from the box's corner), its triangle
/// indices (u32 count, then u16s, or u32s when wide) and its outlines (u32 count; each a
/// closed flag byte and its indices, counted and sized the same way).
///
/// An f32 offset within a box at most the world wide (Russia's) is within 6e-8 of the
/// point, a sixteenth of a pixel at the deepest zoom, for half the bytes of f64 pairs.
pub fn encode(lods: &Lods, out: &mut Vec<u8>) {
    let len = |out: &mut Vec<u8>, n: usize| {
        out.extend(u32::try_from(n).expect("fits u32").to_le_bytes());
    };
    let indices = |out: &mut Vec<u8>, list: &[u32], wide: bool| {
        len(out, list.len());
        for &i in list {
            if wide {
                out.extend(i.to_le_bytes());
            } else {
                out.extend((i as u16).to_le_bytes());
            }
        }
    };
    len(out, lods.len());
    for level in lods {
        let length_at = out.len();
        len(out, 0);
        len(out, level.len());
        for p in level {
            for v in p.bbox {
                out.extend(v.to_le_bytes());
            }
            let wide = p.vertices.len() > usize::from(u16::MAX);
            out.push(u8::from(wide));
            len(out, p.vertices.len());
            for v in &p.vertices {
                out.extend(((v[0] - p.bbox[0]) as f32).to_le_bytes());
                out.extend(((v[1] - p.bbox[1]) as f32).to_le_bytes());
            }
            indices(out, &p.indices, wide);
            len(out, p.outlines.len());
            for o in &p.outlines {
                out.push(u8::from(o.closed));
                indices(out, &o.indices, wide);
            }
        }
        let length = u32::try_from(out.len() - length_at - 4).expect("fits u32");
        out[length_at..length_at + 4].copy_from_slice(&length.to_le_bytes());
    }
}

/// Triangulates one polygon (holes included) in mercator fractions. Degenerate polygons, which
/// earcut cannot cut, are skipped rather than allowed to stop the app.
///
/// Rings smaller than the level's tolerance are dropped: simplification collapses small
/// islands into slivers, and a stroked sliver turns back on itself in a long miter spike.
fn piece(polygon: &geo::Polygon<f64>, tol: f64) -> Option<Piece> {
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
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub indices: Vec<u32>,
    pub closed: bool,
}

/// Corners sharper than this are not joined: a mitred hairpin shoots a spike far past the
/// shape (coastal slivers left by simplification do this), so the stroke ends there instead.
const HAIRPIN_DEGREES: f64 = 20.0;

/// Splits a ring into open runs at its hairpin corners, or returns it whole if it has none.
/// Angles are the same in mercator units and on screen, so this is done once, on load.
pub fn outline_runs(vertices: &[[f64; 2]], ring: std::ops::Range<usize>) -> Vec<Outline> {
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
