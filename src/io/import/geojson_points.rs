//! Any GeoJSON FeatureCollection of Points with a date property, for files that do not
//! follow the atlas's own schema.

use super::csv_formats::parse_date;
use super::{Mapping, Report};
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

/// How many features are looked at to tell which properties hold dates.
const SAMPLE: usize = 200;

/// The features of a FeatureCollection.
pub(super) fn features(file: &str, text: &str) -> Result<Vec<Value>, LoadError> {
    let root: Value = serde_json::from_str(text).map_err(|e| LoadError::from_json(file, &e))?;
    match root {
        Value::Object(mut o) => match o.remove("features") {
            Some(Value::Array(features)) => Ok(features),
            _ => Err(LoadError::file(file, "not a GeoJSON FeatureCollection").field("features")),
        },
        _ => Err(LoadError::file(file, "not a GeoJSON FeatureCollection").field("features")),
    }
}

/// Property names in order of first appearance over the first features.
pub(super) fn property_names(features: &[Value]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for f in features.iter().take(SAMPLE) {
        if let Some(props) = f.get("properties").and_then(Value::as_object) {
            for k in props.keys() {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
    }
    names
}

/// A property as text: strings as they are, numbers written out, anything else absent.
pub(super) fn property_text(f: &Value, key: &str) -> Option<String> {
    match f.get("properties")?.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(x) => Some(x.to_string()),
        _ => None,
    }
}

/// Properties whose values in the first features read mostly as dates.
pub(super) fn date_properties(features: &[Value], names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|name| {
            let values: Vec<String> = features
                .iter()
                .take(SAMPLE)
                .filter_map(|f| property_text(f, name))
                .collect();
            super::csv_formats::mostly_dates(values.iter().map(String::as_str))
        })
        .cloned()
        .collect()
}

/// The date property by name among those holding dates (or the only one holding dates), and
/// the usual names for deaths, title and category.
pub(super) fn guess_mapping(names: &[String], date_properties: &[String]) -> Mapping {
    let find = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| names.iter().find(|n| n.to_lowercase() == *k).cloned())
    };
    let date = DATE_KEYS
        .iter()
        .find_map(|k| date_properties.iter().find(|n| n.to_lowercase() == *k))
        .or(date_properties.first())
        .cloned()
        .unwrap_or_default();
    Mapping {
        date,
        deaths: find(&["killed", "deaths", "fatalities", "best"]),
        title: find(&["title", "name", "event"]),
        category: find(&["category", "type", "kind", "method"]),
        ..Default::default()
    }
}

/// Reads the points with the date (and optional deaths, title and category) properties named
/// by `mapping`, or guessed.
pub fn read(
    file: &str,
    text: &str,
    mapping: Option<&Mapping>,
) -> Result<(Vec<Incident>, Report), LoadError> {
    read_features(file, &features(file, text)?, mapping)
}

/// As `read`, on features already parsed (so a file is parsed once even when it is first
/// looked at for its date properties).
pub(super) fn read_features(
    file: &str,
    features: &[Value],
    mapping: Option<&Mapping>,
) -> Result<(Vec<Incident>, Report), LoadError> {
    let names = property_names(features);
    let m = match mapping {
        Some(m) => m.clone(),
        None => guess_mapping(&names, &date_properties(features, &names)),
    };
    if m.date.is_empty() {
        return Err(LoadError::file(
            file,
            "no property holds dates (give one with --columns date=PROPERTY)",
        ));
    }
    if !names.contains(&m.date) {
        return Err(LoadError::file(
            file,
            format!("no property named '{}' (chosen for the date)", m.date),
        ));
    }
    let mut report = Report {
        rows: features.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    for (n, f) in features.iter().enumerate() {
        match feature(f, &m, n) {
            Ok(i) => out.push(i),
            Err(e) => report.skip(LoadError::file(file, e).feature(Some(&format!("#{}", n + 1)))),
        }
    }
    report.loaded = out.len();
    Ok((out, report))
}

/// A Point feature's longitude and latitude, checked.
pub(super) fn point(f: &Value) -> Result<(f64, f64), String> {
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
    Ok((lon, lat))
}

fn feature(f: &Value, m: &Mapping, n: usize) -> Result<Incident, String> {
    let (lon, lat) = point(f)?;
    let props = f
        .get("properties")
        .and_then(Value::as_object)
        .ok_or("no properties")?;
    let raw = property_text(f, &m.date).ok_or_else(|| format!("no {}", m.date))?;
    let (date, precision) =
        parse_date(&raw).ok_or_else(|| format!("{} '{raw}' is not a date", m.date))?;
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| props.get(*k).and_then(Value::as_str))
            .unwrap_or("")
            .to_owned()
    };
    let chosen = |key: &Option<String>| {
        key.as_deref()
            .filter(|k| !k.is_empty())
            .and_then(|k| property_text(f, k))
    };
    let killed = chosen(&m.deaths)
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round() as u32);
    let title = match chosen(&m.title) {
        Some(t) if !t.is_empty() => t,
        _ => format!("Feature {}", n + 1),
    };
    let mut i = Incident::new(format!("geojson-{}", n + 1), date, lon, lat);
    if precision == DatePrecision::Year {
        i.date_precision = precision;
    }
    i.country = text(&["country", "iso3"]);
    i.admin1 = text(&["admin1", "province"]);
    i.place = text(&["place", "location"]);
    i.method = chosen(&m.category).unwrap_or_default();
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
