//! Work that is the same on every start, done once at build time: the country and province
//! outlines (`assets/*.geojson`, 2.5 MB of JSON) become flat binary files that start-up
//! reads in a millisecond instead of parsing JSON.
//!
//! Format, little-endian: feature count (u32); per feature its properties as JSON (u32
//! length, bytes), its polygon count (u32), and per polygon its ring count (u32), and per
//! ring its point count (u32) and the points (f64 longitude, f64 latitude). Features
//! without polygons are left out; `io::countries::decode_polygons` reads it.

use serde_json::Value;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["countries", "provinces"] {
        let source = format!("assets/{name}.geojson");
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(&source).expect("asset readable");
        let blob = encode(&text).unwrap_or_else(|e| panic!("{source}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.bin")), blob)
            .expect("OUT_DIR writable");
    }
    println!("cargo:rerun-if-changed=build.rs");
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
