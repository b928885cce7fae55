//! The shaded polygons `build.rs` prepared (`model::shape_lods`): the embedded areas and
//! every country and province, simplified and triangulated at build time, so start-up
//! copies them in instead of computing them.
//!
//! Format: magic `ISKPSL03`, entry count (u32), per entry its key (u64) and the offset of
//! its levels (u32) from the start of the file, then the levels as `shape_lods::encode`
//! writes them.

use super::bytes::Reader;
use crate::model::shape_lods::{Lods, Outline, Piece, key};
use geo::MultiPolygon;
use std::collections::HashMap;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"ISKPSL03";

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/shape_lods.bin"));

/// A polygon's levels of detail. Those the build prepared are decoded when first drawn: a
/// start at the home view draws only the coarsest, and the finest is most of the bytes.
pub struct Levels {
    levels: Vec<Level>,
}

struct Level {
    bytes: &'static [u8],
    pieces: OnceLock<Vec<Piece>>,
}

impl Levels {
    /// Levels prepared at run time (a user's own areas).
    pub fn ready(lods: Lods) -> Self {
        let levels = lods
            .into_iter()
            .map(|pieces| Level {
                bytes: &[],
                pieces: OnceLock::from(pieces),
            })
            .collect();
        Self { levels }
    }

    pub fn len(&self) -> usize {
        self.levels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// The pieces at level `n`, coarsest first; none past the last level.
    pub fn level(&self, n: usize) -> &[Piece] {
        let Some(level) = self.levels.get(n) else {
            return &[];
        };
        level.pieces.get_or_init(|| {
            // Written by our own build script and checked whole by a test; a broken level
            // would only leave the area undrawn at that zoom.
            let pieces = decode_level(level.bytes).unwrap_or_else(|e| {
                log::error!("prepared outline, level {n}: {e}");
                Vec::new()
            });
            super::pages::release(EMBEDDED, level.bytes);
            pieces
        })
    }
}

/// The prepared levels of `geometry` if the build prepared this very outline.
pub fn embedded(geometry: &MultiPolygon<f64>) -> Option<Levels> {
    static INDEX: OnceLock<HashMap<u64, usize>> = OnceLock::new();
    // Written by our own build script; a broken one only means computing at run time.
    let index = INDEX.get_or_init(|| index(EMBEDDED).unwrap_or_default());
    let at = *index.get(&key(geometry))?;
    levels(EMBEDDED, at).ok()
}

fn index(bytes: &[u8]) -> Result<HashMap<u64, usize>, String> {
    let mut r = Reader::new(bytes);
    if r.take(8)? != MAGIC {
        return Err("not prepared shapes (bad magic)".into());
    }
    let n = r.count()?;
    let mut index = HashMap::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        let key = r.u64()?;
        index.insert(key, r.count()?);
    }
    Ok(index)
}

/// Where each level of the entry at `at` lies, without reading the levels.
fn levels(bytes: &'static [u8], at: usize) -> Result<Levels, String> {
    let mut r = Reader::new(bytes);
    r.take(at)?;
    let n = r.count()?;
    let mut levels = Vec::with_capacity(n.min(8));
    for _ in 0..n {
        let len = r.count()?;
        levels.push(Level {
            bytes: r.take(len)?,
            pieces: OnceLock::new(),
        });
    }
    // Finding the levels read a page at the head of each; they are read again when drawn.
    super::pages::release(EMBEDDED, &bytes[at..r.at()]);
    Ok(Levels { levels })
}

fn decode_level(bytes: &[u8]) -> Result<Vec<Piece>, String> {
    let mut r = Reader::new(bytes);
    let n = r.count()?;
    let mut pieces = Vec::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        let bbox = [r.f64()?, r.f64()?, r.f64()?, r.f64()?];
        let wide = r.u8()? != 0;
        let n = r.count()?;
        let points = r.take(n.checked_mul(8).ok_or("count overflows")?)?;
        let vertices = points
            .chunks_exact(8)
            .map(|b| {
                let x = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                let y = f32::from_le_bytes([b[4], b[5], b[6], b[7]]);
                [bbox[0] + f64::from(x), bbox[1] + f64::from(y)]
            })
            .collect();
        let indices = index_list(&mut r, wide)?;
        let n = r.count()?;
        let mut outlines = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let closed = r.u8()? != 0;
            outlines.push(Outline {
                indices: index_list(&mut r, wide)?,
                closed,
            });
        }
        pieces.push(Piece {
            bbox,
            vertices,
            indices,
            outlines,
        });
    }
    if r.remaining() > 0 {
        return Err(format!("{} bytes after the last piece", r.remaining()));
    }
    Ok(pieces)
}

fn index_list(r: &mut Reader, wide: bool) -> Result<Vec<u32>, String> {
    let n = r.count()?;
    let size = if wide { 4 } else { 2 };
    let bytes = r.take(n.checked_mul(size).ok_or("count overflows")?)?;
    Ok(if wide {
        bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    } else {
        bytes
            .chunks_exact(2)
            .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shape_lods::prepare;

    #[test]
    fn every_embedded_outline_is_prepared_as_run_time_would() {
        let (dataset, errors) = crate::io::embedded::load();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!dataset.regions.is_empty());
        for region in &dataset.regions {
            let built = all(embedded(&region.geometry)
                .unwrap_or_else(|| panic!("{} was not prepared at build time", region.name)));
            assert_same(&built, &prepare(&region.geometry), &region.name);
        }
        let countries = crate::io::countries::Countries::shared();
        let provinces = crate::io::provinces::Provinces::shared();
        let outlines: Vec<&MultiPolygon<f64>> = (0..countries.len())
            .filter_map(|n| countries.nth(n).map(|c| &c.shape))
            .chain(provinces.iter().map(|p| &p.shape))
            .collect();
        assert!(outlines.len() > 600, "{}", outlines.len());
        for shape in outlines {
            assert!(
                embedded(shape).is_some(),
                "a country or province was missed"
            );
        }
        // The same code runs in both places; a few checked in full keep that honest.
        let afghanistan = countries.get("AFG").expect("Afghanistan");
        let built = all(embedded(&afghanistan.shape).expect("Afghanistan prepared"));
        assert_same(&built, &prepare(&afghanistan.shape), "Afghanistan");
    }

    fn all(levels: Levels) -> Lods {
        (0..levels.len())
            .map(|n| levels.level(n).to_vec())
            .collect()
    }

    /// Equal but for the vertices' f32 rounding, which stays far below a pixel.
    fn assert_same(built: &Lods, now: &Lods, name: &str) {
        assert_eq!(built.len(), now.len(), "{name}");
        let count = |l: &Lods| l.iter().map(Vec::len).sum::<usize>();
        assert_eq!(count(built), count(now), "{name}");
        for (a, b) in built.iter().flatten().zip(now.iter().flatten()) {
            assert_eq!(a.bbox, b.bbox, "{name}");
            assert_eq!(a.indices, b.indices, "{name}");
            assert_eq!(a.outlines, b.outlines, "{name}");
            assert_eq!(a.vertices.len(), b.vertices.len(), "{name}");
            for (p, q) in a.vertices.iter().zip(&b.vertices) {
                assert!(
                    (p[0] - q[0]).abs() < 1e-7 && (p[1] - q[1]).abs() < 1e-7,
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn the_key_tells_holes_from_separate_polygons() {
        use geo::{LineString, Polygon};
        let ring = |x: f64| LineString::from(vec![(x, 0.0), (x + 1.0, 0.0), (x, 1.0), (x, 0.0)]);
        let holed = MultiPolygon(vec![
            Polygon::new(ring(0.0), vec![ring(2.0)]),
            Polygon::new(ring(4.0), vec![]),
        ]);
        let apart = MultiPolygon(vec![
            Polygon::new(ring(0.0), vec![]),
            Polygon::new(ring(2.0), vec![ring(4.0)]),
        ]);
        assert_ne!(key(&holed), key(&apart));
        assert_eq!(key(&holed), key(&holed.clone()));
    }

    #[test]
    fn a_broken_file_is_an_error_not_a_panic() {
        assert!(index(b"ISKPSL0").is_err());
        assert!(index(b"NOTSHAPE\x01\x00\x00\x00").is_err());
        let mut file = MAGIC.to_vec();
        file.extend(1u32.to_le_bytes());
        file.extend(7u64.to_le_bytes());
        file.extend(24u32.to_le_bytes());
        file.extend(3u32.to_le_bytes());
        assert_eq!(index(&file).map(|i| i.get(&7).copied()), Ok(Some(24)));
        // One level with one piece whose 1,000 vertices are missing.
        let mut piece = 1u32.to_le_bytes().to_vec();
        piece.extend([0u8; 32]);
        piece.push(0);
        piece.extend(1000u32.to_le_bytes());
        assert!(decode_level(&piece).is_err());
        assert!(decode_level(&[]).is_err());
        let file: &'static [u8] = Vec::leak(file);
        assert!(
            levels(file, 24).is_err(),
            "three levels promised, none there"
        );
        assert!(levels(file, 1000).is_err());
        // A level that is there but broken is drawn as nothing.
        let mut one = MAGIC.to_vec();
        one.extend(1u32.to_le_bytes());
        one.extend((piece.len() as u32).to_le_bytes());
        one.extend(&piece);
        let one = levels(Vec::leak(one), 8).unwrap();
        assert_eq!(one.len(), 1);
        assert!(one.level(0).is_empty() && one.level(1).is_empty());
    }
}
