//! The embedded Natural Earth basemap (`assets/basemap.bin`, written by
//! `tools/derive_basemap.py`): vector layers, each simplified for a few zoom bands.

use crate::io::bytes::Reader;
use std::sync::Arc;

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
    /// One shape per level of detail of the layer.
    pub lods: Vec<Shape>,
}

#[derive(Debug, Clone)]
pub struct VectorLayer {
    pub name: String,
    pub kind: LayerKind,
    /// Lowest zoom each level of detail is meant for, ascending.
    pub lod_min_zoom: Vec<u8>,
    pub features: Vec<Feature>,
}

impl VectorLayer {
    /// The level of detail for a tile zoom: the most detailed one meant for this zoom or less.
    pub fn lod_for(&self, zoom: u8) -> usize {
        self.lod_min_zoom
            .iter()
            .rposition(|&z| z <= zoom)
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone)]
pub struct Basemap {
    pub layers: Vec<VectorLayer>,
}

impl Basemap {
    pub fn layer(&self, name: &str) -> Option<&VectorLayer> {
        self.layers.iter().find(|l| l.name == name)
    }

    /// The basemap compiled into the binary. Decoded once; later callers share it.
    pub fn embedded() -> Arc<Basemap> {
        static CELL: std::sync::OnceLock<Arc<Basemap>> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            // The asset is produced by our own tool and checked by a test, so failing here
            // means a broken build, not bad user input.
            Arc::new(
                Self::decode(include_bytes!("../../assets/basemap.bin"))
                    .expect("embedded assets/basemap.bin is valid"),
            )
        })
        .clone()
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, String> {
        let mut r = Reader::new(bytes);
        if r.take(8)? != b"ISKPBM02" {
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
            let feature_count = r.u32()? as usize;
            let mut features = Vec::with_capacity(feature_count.min(1 << 20));
            for _ in 0..feature_count {
                let min_zoom = f32::from(r.u8()?) / 10.0;
                let bbox = [r.i32()?, r.i32()?, r.i32()?, r.i32()?];
                let mut lods = Vec::with_capacity(lod_count);
                for _ in 0..lod_count {
                    lods.push(read_shape(&mut r)?);
                }
                features.push(Feature {
                    min_zoom,
                    bbox,
                    lods,
                });
            }
            layers.push(VectorLayer {
                name,
                kind,
                lod_min_zoom,
                features,
            });
        }
        Ok(Self { layers })
    }
}

/// One feature's rings at one level of detail: zigzag deltas, as varints.
fn read_shape(r: &mut Reader) -> Result<Shape, String> {
    let ring_count = r.varint()? as usize;
    let mut shape = Shape::default();
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
    Ok(shape)
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
            for f in &layer.features {
                assert_eq!(f.lods.len(), layer.lod_min_zoom.len());
                assert!(f.bbox[0] <= f.bbox[2] && f.bbox[1] <= f.bbox[3]);
            }
        }
        assert_eq!(map.layer("land").unwrap().lod_for(3), 0);
        assert_eq!(map.layer("land").unwrap().lod_for(8), 2);
        assert_eq!(map.layer("land").unwrap().lod_for(12), 3);
    }

    #[test]
    fn truncated_or_foreign_bytes_are_errors_not_panics() {
        let bytes = include_bytes!("../../assets/basemap.bin");
        for cut in [0, 5, 9, 100, 5000, bytes.len() - 1] {
            assert!(Basemap::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(Basemap::decode(b"PNG\x89 not a basemap").is_err());
    }
}
