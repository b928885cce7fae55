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
        let source = format!("assets/{name}.geojson");
        let text = read(&source);
        let blob = encode(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.bin")), blob)
            .expect("OUT_DIR writable");
        outlines.extend(polygons(&text).unwrap_or_else(|e| panic!("{source}: {e}")));
    }
    for source in REGIONS {
        outlines.extend(polygons(&read(source)).unwrap_or_else(|e| panic!("{source}: {e}")));
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
    let mut out = b"ISKPSL02".to_vec();
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

/// The Polygon and MultiPolygon geometries of a FeatureCollection, built as the atlas's
/// readers build them (`geo::Polygon::new` on each ring list), so their keys match.
fn polygons(text: &str) -> Result<Vec<geo::MultiPolygon<f64>>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let features = root["features"]
        .as_array()
        .ok_or("not a FeatureCollection")?;
    let mut out = Vec::new();
    for f in features {
        let geometry = &f["geometry"];
        let list: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .ok_or("MultiPolygon without coordinates")?
                .iter()
                .collect(),
            _ => continue,
        };
        let mut polygons = Vec::new();
        for polygon in list {
            let mut rings = Vec::new();
            for ring in polygon.as_array().ok_or("polygon is not a list of rings")? {
                let points = ring.as_array().ok_or("ring is not a list of points")?;
                let mut coords = Vec::with_capacity(points.len());
                for p in points {
                    let (x, y) = (p[0].as_f64(), p[1].as_f64());
                    coords.push((x.ok_or("not a number")?, y.ok_or("not a number")?));
                }
                rings.push(geo::LineString::from(coords));
            }
            if !rings.is_empty() {
                let exterior = rings.remove(0);
                polygons.push(geo::Polygon::new(exterior, rings));
            }
        }
        out.push(geo::MultiPolygon(polygons));
    }
    Ok(out)
}

fn encode(text: &str) -> Result<Vec<u8>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let features = root["features"]
        .as_array()
        .ok_or("not a FeatureCollection")?;
    let mut out = Vec::new();
    let mut kept = 0u32;
    out.extend(0u32.to_le_bytes());
    for f in features {
        let geometry = &f["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .ok_or("MultiPolygon without coordinates")?
                .iter()
                .collect(),
            _ => continue,
        };
        let props = serde_json::to_vec(&f["properties"]).map_err(|e| e.to_string())?;
        push_len(&mut out, props.len());
        out.extend(props);
        push_len(&mut out, polygons.len());
        for polygon in polygons {
            let rings = polygon.as_array().ok_or("polygon is not a list of rings")?;
            push_len(&mut out, rings.len());
            for ring in rings {
                let points = ring.as_array().ok_or("ring is not a list of points")?;
                push_len(&mut out, points.len());
                for p in points {
                    for k in 0..2 {
                        let v = p[k].as_f64().ok_or("coordinate is not a number")?;
                        out.extend(v.to_le_bytes());
                    }
                }
            }
        }
        kept += 1;
    }
    out[..4].copy_from_slice(&kept.to_le_bytes());
    Ok(out)
}

fn push_len(out: &mut Vec<u8>, n: usize) {
    out.extend(u32::try_from(n).expect("fits u32").to_le_bytes());
}
