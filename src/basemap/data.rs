//! The embedded Natural Earth basemap (`assets/basemap.bin`, written by
//! `tools/derive_basemap.py`): vector layers, each simplified for a few zoom bands.

use crate::io::bytes::Reader;
use std::sync::{Arc, OnceLock};

static EMBEDDED: &[u8] = include_bytes!("../../assets/basemap.bin");

/// How a layer is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// Rings filled with the even-odd rule, so holes and concave shapes come out right.
    Fill,
    Line,
}

/// One feature at one level of detail: rings of mercator-unit points, stored flat.
#[derive(Debug, Default, Clone)]
pub struct Shape {
    pub points: Vec<[i32; 2]>,
    /// End index (exclusive) of each ring in `points`.
    pub ring_ends: Vec<u32>,
}

impl Shape {
    pub fn rings(&self) -> impl Iterator<Item = &[[i32; 2]]> {
        let mut start = 0usize;
        self.ring_ends.iter().map(move |&end| {
            let ring = &self.points[start..end as usize];
            start = end as usize;
            ring
        })
    }
}

#[derive(Debug, Clone)]
pub struct Feature {
    /// Hidden below this zoom (small lakes, minor rivers).
    pub min_zoom: f32,
    /// min x, min y, max x, max y in mercator units.
    pub bbox: [i32; 4],
}

#[derive(Debug)]
pub struct VectorLayer {
    pub name: String,
    pub kind: LayerKind,
    /// Lowest zoom each level of detail is meant for, ascending.
    pub lod_min_zoom: Vec<u8>,
    pub features: Vec<Feature>,
    levels: Vec<Level>,
}

/// One level of detail of every feature, decoded the first time a tile needs it: a start at
/// the home view draws only the coarsest level, and the finer ones are most of the bytes.
#[derive(Debug)]
struct Level {
    /// Every feature's shape, one after another.
    bytes: &'static [u8],
    shapes: OnceLock<Vec<Shape>>,
}

impl Level {
    fn decode(&self, features: usize) -> Result<Vec<Shape>, (Vec<Shape>, String)> {
        let mut r = Reader::new(self.bytes);
        let mut shapes = Vec::with_capacity(features);
        for _ in 0..features {
            let mut shape = Shape::default();
            if let Err(e) = read_shape(&mut r, &mut shape) {
                return Err((shapes, e));
            }
            shapes.push(shape);
        }
        crate::io::pages::release(EMBEDDED, self.bytes);
        Ok(shapes)
    }
}

impl VectorLayer {
    /// The level of detail for a tile zoom: the most detailed one meant for this zoom or less.
    pub fn lod_for(&self, zoom: u8) -> usize {
        self.lod_min_zoom
            .iter()
            .rposition(|&z| z <= zoom)
            .unwrap_or(0)
    }

    /// Every feature's shape at level `lod`, in the order of `features`.
    pub fn shapes(&self, lod: usize) -> &[Shape] {
        let Some(level) = self.levels.get(lod) else {
            return &[];
        };
        level.shapes.get_or_init(|| {
            // The embedded asset is checked whole by a test (`Basemap::check`); were a level
            // ever short, the features it lacks are drawn empty.
            level
                .decode(self.features.len())
                .unwrap_or_else(|(mut shapes, e)| {
                    log::error!("basemap layer {}, level {lod}: {e}", self.name);
                    shapes.resize_with(self.features.len(), Shape::default);
                    shapes
                })
        })
    }
}

#[derive(Debug)]
pub struct Basemap {
    pub layers: Vec<VectorLayer>,
}

impl Basemap {
    pub fn layer(&self, name: &str) -> Option<&VectorLayer> {
        self.layers.iter().find(|l| l.name == name)
    }

    /// The basemap compiled into the binary. Read once; later callers share it.
    pub fn embedded() -> Arc<Basemap> {
        static CELL: OnceLock<Arc<Basemap>> = OnceLock::new();
        CELL.get_or_init(|| {
            // The asset is produced by our own tool and checked by a test, so failing here
            // means a broken build, not bad user input.
            Arc::new(Self::decode(EMBEDDED).expect("embedded assets/basemap.bin is valid"))
        })
        .clone()
    }

    /// Reads the layers' features and where each level of detail lies; the shapes are
    /// decoded when first drawn ([`VectorLayer::shapes`]).
    pub fn decode(bytes: &'static [u8]) -> Result<Self, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != b"ISKPBM03" {
            return Err("not an ISKP basemap (bad magic)".into());
        }
        let layer_count = r.u8()?;
        let mut layers = Vec::with_capacity(layer_count as usize);
        for _ in 0..layer_count {
            let name_len = r.u16()? as usize;
            let name = String::from_utf8(r.take(name_len)?.to_vec())
                .map_err(|_| "layer name is not UTF-8")?;
            let kind = match r.u8()? {
                1 => LayerKind::Fill,
                2 => LayerKind::Line,
                k => return Err(format!("layer {name}: unknown kind {k}")),
            };
            let lod_count = r.u8()? as usize;
            let lod_min_zoom = r.take(lod_count)?.to_vec();
            let feature_count = r.count()?;
            // Each feature's entry is 17 bytes.
            if feature_count > r.remaining() / 17 {
                return Err(format!(
                    "layer {name}: {feature_count} features at byte {}",
                    r.at()
                ));
            }
            let mut features = Vec::with_capacity(feature_count);
            for _ in 0..feature_count {
                let min_zoom = f32::from(r.u8()?) / 10.0;
                let bbox = [r.i32()?, r.i32()?, r.i32()?, r.i32()?];
                features.push(Feature { min_zoom, bbox });
            }
            let mut levels = Vec::with_capacity(lod_count);
            for _ in 0..lod_count {
                let len = r.count()?;
                levels.push(Level {
                    bytes: r.take(len)?,
                    shapes: OnceLock::new(),
                });
            }
            layers.push(VectorLayer {
                name,
                kind,
                lod_min_zoom,
                features,
                levels,
            });
        }
        if r.remaining() > 0 {
            return Err(format!("{} bytes after the last layer", r.remaining()));
        }
        Ok(Self { layers })
    }

    /// Decodes every level of every layer, reporting the first that is broken or does not
    /// end where its length says.
    pub fn check(&self) -> Result<(), String> {
        for layer in &self.layers {
            for (lod, level) in layer.levels.iter().enumerate() {
                let at = |e: String| format!("layer {}, level {lod}: {e}", layer.name);
                let mut r = Reader::new(level.bytes);
                for _ in 0..layer.features.len() {
                    read_shape(&mut r, &mut Shape::default()).map_err(at)?;
                }
                if r.remaining() > 0 {
                    return Err(at(format!("{} bytes left over", r.remaining())));
                }
            }
        }
        Ok(())
    }
}

/// One feature's rings at one level of detail: zigzag deltas, as varints.
fn read_shape(r: &mut Reader, shape: &mut Shape) -> Result<(), String> {
    let ring_count = r.varint()? as usize;
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..ring_count {
        let n = r.varint()? as usize;
        // Each point takes at least two bytes.
        if n > r.remaining() / 2 {
            return Err(format!("ring of {n} points at byte {}", r.at()));
        }
        shape.points.reserve(n);
        for _ in 0..n {
            x += r.zigzag()?;
            y += r.zigzag()?;
            shape.points.push([x as i32, y as i32]);
        }
        shape.ring_ends.push(shape.points.len() as u32);
        // Each ring's first point is a delta from the previous ring's last point's
        // origin (0, 0) in the writer, so reset.
        x = 0;
        y = 0;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_basemap_has_every_layer_with_content() {
        let map = Basemap::embedded();
        for name in [
            "world_land",
            "world_borders",
            "world_coast",
            "land",
            "lakes",
            "rivers",
            "admin1",
            "borders",
            "coast",
        ] {
            let layer = map.layer(name).unwrap_or_else(|| panic!("no layer {name}"));
            assert!(!layer.features.is_empty(), "{name} is empty");
            for lod in 0..layer.lod_min_zoom.len() {
                let shapes = layer.shapes(lod);
                assert_eq!(shapes.len(), layer.features.len());
                assert!(shapes.iter().any(|s| s.points.len() >= 3), "{name} {lod}");
            }
            assert!(layer.shapes(layer.lod_min_zoom.len()).is_empty());
            for f in &layer.features {
                assert!(f.bbox[0] <= f.bbox[2] && f.bbox[1] <= f.bbox[3]);
            }
        }
        assert_eq!(map.layer("land").unwrap().lod_for(3), 0);
        assert_eq!(map.layer("land").unwrap().lod_for(8), 2);
        assert_eq!(map.layer("land").unwrap().lod_for(12), 3);
    }

    #[test]
    fn every_level_decodes_whole_and_finer_levels_have_more_points() {
        let map = Basemap::embedded();
        map.check().unwrap();
        let layer = map.layer("land").unwrap();
        let points =
            |lod: usize| -> usize { layer.shapes(lod).iter().map(|s| s.points.len()).sum() };
        assert!(points(3) > points(2) && points(2) > points(1) && points(1) > points(0));
    }

    #[test]
    fn truncated_or_foreign_bytes_are_errors_not_panics() {
        let bytes: &'static [u8] = include_bytes!("../../assets/basemap.bin");
        for cut in [0, 5, 9, 100, 5000, bytes.len() - 1] {
            assert!(Basemap::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Basemap::decode(b"PNG\x89 not a basemap").is_err());
        // A level cut short inside is found by the check, and drawn as empty shapes.
        let mut bent = bytes.to_vec();
        let map = Basemap::decode(bytes).unwrap();
        let level = &map.layer("land").unwrap().levels[0];
        let at = level.bytes.as_ptr() as usize - bytes.as_ptr() as usize;
        // The first shape claims far more rings than the level holds.
        bent[at] = 0xff;
        bent[at + 1] = 0x7f;
        let bent: &'static [u8] = Vec::leak(bent);
        let map = Basemap::decode(bent).unwrap();
        assert!(map.check().is_err());
        let land = map.layer("land").unwrap();
        assert_eq!(land.shapes(0).len(), land.features.len());
    }
}
