//! Any GeoJSON FeatureCollection of Points with a date property, for files that do not
//! follow the atlas's own schema.

use super::Report;
use super::csv_formats::parse_date;
use crate::io::LoadError;
use crate::model::{DatePrecision, Incident, Source};
use serde_json::Value;

/// Property names tried, in order, for the date.
const DATE_KEYS: [&str; 7] = [
    "date",
    "event_date",
    "date_start",
    "start_date",
    "time",
    "datetime",
    "year",
];

pub fn read(file: &str, text: &str) -> Result<(Vec<Incident>, Report), LoadError> {
    let root: Value = serde_json::from_str(text).map_err(|e| LoadError::from_json(file, &e))?;
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            LoadError::file(file, "not a GeoJSON FeatureCollection").field("features")
        })?;
    let date_key = features
        .iter()
        .find_map(|f| {
            let props = f.get("properties")?.as_object()?;
            DATE_KEYS.iter().find(|k| {
                props
                    .get(**k)
                    .is_some_and(|v| v.is_string() || v.is_number())
            })
        })
        .ok_or_else(|| {
            LoadError::file(
                file,
                format!("no date property (looked for {})", DATE_KEYS.join(", ")),
            )
        })?;
    let mut report = Report {
        rows: features.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    for (n, f) in features.iter().enumerate() {
        match feature(f, date_key, n) {
            Ok(i) => out.push(i),
            Err(m) => report.skip(LoadError::file(file, m).feature(Some(&format!("#{}", n + 1)))),
        }
    }
    report.loaded = out.len();
    Ok((out, report))
}

fn feature(f: &Value, date_key: &str, n: usize) -> Result<Incident, String> {
    let coords = f
        .pointer("/geometry/coordinates")
        .and_then(Value::as_array)
        .filter(|_| f.pointer("/geometry/type").and_then(Value::as_str) == Some("Point"))
        .ok_or("not a Point")?;
    let (Some(lon), Some(lat)) = (
        coords.first().and_then(Value::as_f64),
        coords.get(1).and_then(Value::as_f64),
    ) else {
        return Err("coordinates are not numbers".into());
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!("[{lon}, {lat}] is out of range"));
    }
    let props = f
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("no properties")?;
    let raw = match props.get(date_key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(x)) => x.to_string(),
        _ => return Err(format!("no {date_key}")),
    };
    let (date, precision) =
        parse_date(&raw).ok_or_else(|| format!("{date_key} '{raw}' is not a date"))?;
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| props.get(*k).and_then(Value::as_str))
            .unwrap_or("")
            .to_owned()
    };
    let killed = ["killed", "deaths", "fatalities", "best"]
        .iter()
        .find_map(|k| props.get(*k).and_then(Value::as_f64))
        .filter(|v| *v >= 0.0)
        .map(|v| v.round() as u32);
    let title = match text(&["title", "name", "event"]) {
        t if t.is_empty() => format!("Feature {}", n + 1),
        t => t,
    };
    let mut i = Incident::new(format!("geojson-{}", n + 1), date, lon, lat);
    if precision == DatePrecision::Year {
        i.date_precision = precision;
    }
    i.country = text(&["country", "iso3"]);
    i.admin1 = text(&["admin1", "province"]);
    i.place = text(&["place", "location"]);
    i.method = text(&["category", "type", "kind", "method"]);
    i.killed = killed;
    i.title = title;
    i.summary = text(&["summary", "description", "notes"]);
    i.sources = vec![Source {
        title: "user's GeoJSON file".into(),
        publisher: String::new(),
        date: String::new(),
        url: "https://localhost/".into(),
    }];
    Ok(i)
}
