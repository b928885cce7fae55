//! Work that is the same on every start, done once at build time:
//! - the country and province outlines (`assets/*.geojson`, 2.5 MB of JSON) become flat
//!   binary files that start-up reads in a millisecond instead of parsing JSON;
//! - those outlines and the embedded areas (`data/regions/*.geojson`) are simplified and
//!   triangulated for drawing by the atlas's own code (`src/model/shape_lods.rs`, included
//!   below), into `shape_lods.bin`, which `io::shape_lods` reads.
//!
//! Format, little-endian: feature count (u32); per feature its properties as JSON (u32
//! length, bytes), its polygon count (u32), and per polygon its ring count (u32), and per
//! ring its point count (u32) and the points (f64 longitude, f64 latitude). Features
//! without polygons are left out; `io::countries::decode_polygons` reads it.

use serde_json::Value;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/model/mercator.rs"]
mod mercator;
#[allow(dead_code)]
#[path = "src/model/shape_lods.rs"]
mod shape_lods;

/// The areas the atlas embeds (`io::embedded`).
const REGIONS: [&str; 4] = [
    "data/regions/historical.geojson",
    "data/regions/periphery.geojson",
    "data/regions/claimed.geojson",
    "data/regions/core.geojson",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut outlines = Vec::new();
    for name in ["countries", "provinces"] {
        let features = features(&format!("assets/{name}.geojson"));
        std::fs::write(
            Path::new(&out).join(format!("{name}.bin")),
            encode(&features),
        )
        .expect("OUT_DIR writable");
        outlines.extend(features.iter().map(|(_, polygons)| outline(polygons)));
    }
    for source in REGIONS {
        outlines.extend(
            features(source)
                .iter()
                .map(|(_, polygons)| outline(polygons)),
        );
    }
    std::fs::write(Path::new(&out).join("shape_lods.bin"), prepare(&outlines))
        .expect("OUT_DIR writable");
    for source in [
        "build.rs",
        "src/model/mercator.rs",
        "src/model/shape_lods.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
}

fn read(source: &str) -> String {
    println!("cargo:rerun-if-changed={source}");
    std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"))
}

/// Every outline prepared, in the layout `io::shape_lods` describes; one entry per
/// distinct outline.
fn prepare(outlines: &[geo::MultiPolygon<f64>]) -> Vec<u8> {
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::new();
    for outline in outlines {
        let key = shape_lods::key(outline);
        if seen.insert(key) {
            let mut levels = Vec::new();
            shape_lods::encode(&shape_lods::prepare(outline), &mut levels);
            entries.push((key, levels));
        }
    }
    let mut out = b"ISKPSL03".to_vec();
    push_len(&mut out, entries.len());
    let mut at = out.len() + entries.len() * 12;
    for (key, levels) in &entries {
        out.extend(key.to_le_bytes());
        push_len(&mut out, at);
        at += levels.len();
    }
    for (_, levels) in entries {
        out.extend(levels);
    }
    out
}

/// A feature's polygons as rings of (longitude, latitude) points, as GeoJSON lists them.
type Rings = Vec<Vec<(f64, f64)>>;

/// The features of a FeatureCollection that have Polygon or MultiPolygon geometry, with
/// their properties; parsed once and used for both outputs.
fn features(source: &str) -> Vec<(Value, Vec<Rings>)> {
    let root: Value =
        serde_json::from_str(&read(source)).unwrap_or_else(|e| panic!("{source}: {e}"));
    let features = root["features"]
        .as_array()
        .unwrap_or_else(|| panic!("{source}: not a FeatureCollection"));
    features
        .iter()
        .filter_map(|f| {
            let polygons =
                feature_polygons(&f["geometry"]).unwrap_or_else(|e| panic!("{source}: {e}"))?;
            Some((f["properties"].clone(), polygons))
        })
        .collect()
}

/// A geometry's polygons, or `None` when it is not a Polygon or MultiPolygon.
fn feature_polygons(geometry: &Value) -> Result<Option<Vec<Rings>>, String> {
    let list: Vec<&Value> = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .ok_or("MultiPolygon without coordinates")?
            .iter()
            .collect(),
        _ => return Ok(None),
    };
    let mut polygons = Vec::with_capacity(list.len());
    for polygon in list {
        let mut rings = Vec::new();
        for ring in polygon.as_array().ok_or("polygon is not a list of rings")? {
            let points = ring.as_array().ok_or("ring is not a list of points")?;
            let mut coords = Vec::with_capacity(points.len());
            for p in points {
                let (x, y) = (p[0].as_f64(), p[1].as_f64());
                coords.push((
                    x.ok_or("coordinate is not a number")?,
                    y.ok_or("coordinate is not a number")?,
                ));
            }
            rings.push(coords);
        }
        polygons.push(rings);
    }
    Ok(Some(polygons))
}

/// A feature's outline built as the atlas's readers build it (`geo::Polygon::new` on each
/// ring list), so its key matches.
fn outline(polygons: &[Rings]) -> geo::MultiPolygon<f64> {
    geo::MultiPolygon(
        polygons
            .iter()
            .filter_map(|rings| {
                let (exterior, holes) = rings.split_first()?;
                let line = |r: &Vec<(f64, f64)>| geo::LineString::from(r.clone());
                Some(geo::Polygon::new(
                    line(exterior),
                    holes.iter().map(line).collect(),
                ))
            })
            .collect(),
    )
}

fn encode(features: &[(Value, Vec<Rings>)]) -> Vec<u8> {
    let mut out = Vec::new();
    push_len(&mut out, features.len());
    for (properties, polygons) in features {
        let props = serde_json::to_vec(properties).expect("JSON values serialize");
        push_len(&mut out, props.len());
        out.extend(props);
        push_len(&mut out, polygons.len());
        for rings in polygons {
            push_len(&mut out, rings.len());
            for ring in rings {
                push_len(&mut out, ring.len());
                for (x, y) in ring {
                    out.extend(x.to_le_bytes());
                    out.extend(y.to_le_bytes());
                }
            }
        }
    }
    out
}

fn push_len(out: &mut Vec<u8>, n: usize) {
    out.extend(u32::try_from(n).expect("fits u32").to_le_bytes());
}
