//! Reads `data/incidents.geojson` (schema in data/README.md): Point features, one per
//! incident, every one with at least one source.

use super::error::{LoadError, line_of_quoted};
use crate::model::{Claim, Date, DatePrecision, GeoPrecision, Incident, IncidentKind, Source};
use serde_json::{Map, Value};

/// Parses an incident file. Bad features are reported (file, line, feature id, field) and
/// skipped; the good ones load.
pub fn parse(file: &str, text: &str) -> (Vec<Incident>, Vec<LoadError>) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Vec::new(), vec![LoadError::from_json(file, &e)]),
    };
    let Some(features) = root.get("features").and_then(Value::as_array) else {
        return (
            Vec::new(),
            vec![LoadError::file(file, "not a GeoJSON FeatureCollection").field("features")],
        );
    };
    let mut incidents: Vec<Incident> = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, feature) in features.iter().enumerate() {
        let id = feature.pointer("/properties/id").and_then(Value::as_str);
        // The line is looked up only for a feature that fails: searching the text for every
        // id would cost the whole file once per incident on every start.
        let fail = |field: &str, message: String| {
            let label = id.map_or_else(|| format!("#{}", index + 1), str::to_owned);
            LoadError::file(file, message)
                .at_line(id.and_then(|id| line_of_quoted(text, id)))
                .feature(Some(&label))
                .field(field)
        };
        match parse_feature(feature) {
            Ok(incident) => {
                if seen.insert(incident.id.clone()) {
                    incidents.push(incident);
                } else {
                    errors.push(fail("id", "duplicate id".to_owned()));
                }
            }
            Err((field, message)) => errors.push(fail(&field, message)),
        }
    }
    (incidents, errors)
}

/// The month the sweep of sources reached, from the collection's `data_through`
/// ("YYYY-MM"): a fact about the research, not the date of the last incident. `Ok(None)` when
/// the file does not say.
pub fn data_through(file: &str, text: &str) -> Result<Option<i32>, LoadError> {
    let root: Value = serde_json::from_str(text).map_err(|e| LoadError::from_json(file, &e))?;
    match root.get("data_through") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let bad = || {
                LoadError::file(file, format!("expected \"YYYY-MM\", got {v}"))
                    .at_line(crate::io::error::line_of_key(text, "data_through"))
                    .field("data_through")
            };
            let s = v.as_str().ok_or_else(bad)?;
            crate::model::date::parse_month(s).map(Some).ok_or_else(bad)
        }
    }
}

type FieldError = (String, String);

fn err(field: &str, message: impl Into<String>) -> FieldError {
    (field.to_owned(), message.into())
}

struct Props<'a>(&'a Map<String, Value>);

impl Props<'_> {
    fn get(&self, key: &str) -> Result<&Value, FieldError> {
        self.0.get(key).ok_or_else(|| err(key, "missing"))
    }

    fn string(&self, key: &str) -> Result<String, FieldError> {
        self.get(key)?
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| err(key, "expected a string"))
    }

    fn nonempty(&self, key: &str) -> Result<String, FieldError> {
        let s = self.string(key)?;
        if s.trim().is_empty() {
            return Err(err(key, "must not be empty"));
        }
        Ok(s)
    }

    /// `null` or absent means "not known"; a number must be a whole, non-negative count.
    fn count(&self, key: &str) -> Result<Option<u32>, FieldError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| err(key, format!("expected a whole number or null, got {v}"))),
        }
    }

    /// A best estimate with its `_low`/`_high` range, the estimate inside the range.
    fn toll(&self, key: &str) -> Result<(Option<u32>, Option<u32>, Option<u32>), FieldError> {
        let best = self.count(key)?;
        let (low_key, high_key) = (format!("{key}_low"), format!("{key}_high"));
        let low = self.count(&low_key)?;
        let high = self.count(&high_key)?;
        if let (Some(lo), Some(hi)) = (low, high) {
            if lo > hi {
                return Err(err(&low_key, format!("{lo} is more than {high_key} {hi}")));
            }
            if let Some(k) = best
                && !(lo..=hi).contains(&k)
            {
                return Err(err(
                    key,
                    format!("{k} is outside {low_key}..{high_key} {lo}..{hi}"),
                ));
            }
        }
        Ok((best, low, high))
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>, FieldError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(err(key, "expected a string")),
        }
    }

    fn date(&self, key: &str) -> Result<Date, FieldError> {
        let s = self.string(key)?;
        Date::parse(&s).ok_or_else(|| err(key, format!("expected YYYY-MM-DD, got '{s}'")))
    }

    fn vocab<T>(
        &self,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: &str,
    ) -> Result<T, FieldError> {
        let s = self.string(key)?;
        parse(&s).ok_or_else(|| err(key, format!("'{s}' is not one of {allowed}")))
    }
}

fn parse_feature(feature: &Value) -> Result<Incident, FieldError> {
    let props = feature
        .get("properties")
        .and_then(Value::as_object)
        .ok_or_else(|| err("properties", "missing or not an object"))?;
    let p = Props(props);
    let (lon, lat) = point(feature)?;

    let id = p.nonempty("id")?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(err(
            "id",
            format!("'{id}' must be a slug of a-z, 0-9 and '-'"),
        ));
    }
    let date = p.date("date")?;
    let end_date = match props.get("end_date") {
        None | Some(Value::Null) => None,
        Some(_) => Some(p.date("end_date")?),
    };
    if end_date.is_some_and(|end| end < date) {
        return Err(err("end_date", "is before date"));
    }
    let country = p.string("country")?;
    if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(err(
            "country",
            format!("'{country}' is not an ISO 3166-1 alpha-3 code"),
        ));
    }
    let (killed, killed_low, killed_high) = p.toll("killed")?;
    let (militants_killed, militants_killed_low, militants_killed_high) =
        p.toll("militants_killed")?;
    let targets = match p.get("targets")? {
        Value::Array(items) => items
            .iter()
            .map(|t| t.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| err("targets", "expected an array of strings"))?,
        _ => return Err(err("targets", "expected an array of strings")),
    };
    let sources = sources(p.get("sources")?)?;
    let paper_ref = p.optional_string("paper_ref")?;

    Ok(Incident {
        id,
        date,
        date_precision: p.vocab("date_precision", DatePrecision::parse, "day, month, year")?,
        end_date,
        lon,
        lat,
        country,
        admin1: p.string("admin1")?,
        place: p.string("place")?,
        geo_precision: p.vocab(
            "geo_precision",
            GeoPrecision::parse,
            "site, town, district, province, country",
        )?,
        kind: p.vocab(
            "kind",
            IncidentKind::parse,
            "attack, plot, clash, ct_operation, leadership",
        )?,
        method: p.string("method")?,
        targets,
        killed,
        killed_low,
        killed_high,
        injured: p.count("injured")?,
        militants_killed,
        militants_killed_low,
        militants_killed_high,
        civilians_killed: p.count("civilians_killed")?,
        attributed_by: p.optional_string("attributed_by")?,
        claim: p.vocab(
            "claim",
            Claim::parse,
            "claimed, attributed, disputed, unclaimed, not_applicable",
        )?,
        title: p.nonempty("title")?,
        summary: p.nonempty("summary")?,
        sources,
        paper_ref,
        actors: Vec::new(),
        layer: 0,
    })
}

fn point(feature: &Value) -> Result<(f64, f64), FieldError> {
    let geometry = feature
        .get("geometry")
        .ok_or_else(|| err("geometry", "missing"))?;
    if geometry.get("type").and_then(Value::as_str) != Some("Point") {
        return Err(err("geometry", "expected a Point"));
    }
    let coords = geometry
        .get("coordinates")
        .and_then(Value::as_array)
        .filter(|c| c.len() >= 2)
        .ok_or_else(|| err("geometry", "expected coordinates [longitude, latitude]"))?;
    let (Some(lon), Some(lat)) = (coords[0].as_f64(), coords[1].as_f64()) else {
        return Err(err("geometry", "coordinates must be numbers"));
    };
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(err(
            "geometry",
            format!("[{lon}, {lat}] is outside longitude -180..180 / latitude -90..90"),
        ));
    }
    Ok((lon, lat))
}

fn sources(value: &Value) -> Result<Vec<Source>, FieldError> {
    let items = value
        .as_array()
        .ok_or_else(|| err("sources", "expected an array"))?;
    if items.is_empty() {
        return Err(err("sources", "needs at least one source"));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = format!("sources[{i}]");
            let source: Source =
                serde_json::from_value(item.clone()).map_err(|e| (field.clone(), e.to_string()))?;
            if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
                return Err((field, format!("url '{}' is not an http(s) URL", source.url)));
            }
            if source.title.trim().is_empty() {
                return Err((field, "title must not be empty".to_owned()));
            }
            Ok(source)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(props: &str, geometry: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[
{{"type":"Feature","geometry":{geometry},
"properties":{{{props}}}}}]}}"#
        )
    }

    const GOOD: &str = r#""id":"2021-08-26-kabul-airport","date":"2021-08-26","date_precision":"day",
"country":"AFG","admin1":"Kabul","place":"Kabul airport","geo_precision":"site","kind":"attack",
"method":"suicide bombing","targets":["civilians"],"killed":183,"killed_low":170,"killed_high":185,
"injured":200,"claim":"claimed","title":"Airport bombing","summary":"A bombing.",
"sources":[{"title":"T","publisher":"P","date":"2021-08-27","url":"https://example.org/a"}]"#;
    const POINT: &str = r#"{"type":"Point","coordinates":[69.2,34.56]}"#;

    #[test]
    fn reads_a_complete_incident() {
        let (incidents, errors) = parse("i.geojson", &feature(GOOD, POINT));
        assert!(errors.is_empty(), "{errors:?}");
        let i = &incidents[0];
        assert_eq!(i.kind, IncidentKind::Attack);
        assert_eq!(i.killed, Some(183));
        assert_eq!(i.claim, Claim::Claimed);
        assert_eq!((i.lon, i.lat), (69.2, 34.56));
    }

    #[test]
    fn each_bad_field_is_named() {
        let cases = [
            (
                GOOD.replace(
                    "2021-08-26\",\"date_precision",
                    "2021-02-30\",\"date_precision",
                ),
                "date",
            ),
            (GOOD.replace("\"attack\"", "\"massacre\""), "kind"),
            (GOOD.replace("\"claimed\"", "\"maybe\""), "claim"),
            (GOOD.replace("\"killed\":183", "\"killed\":-3"), "killed"),
            (GOOD.replace("\"killed\":183", "\"killed\":190"), "killed"),
            (
                GOOD.replace("https://example.org/a", "example.org"),
                "sources[0]",
            ),
            (GOOD.replace("\"AFG\"", "\"Afghanistan\""), "country"),
        ];
        for (props, field) in cases {
            let (incidents, errors) = parse("bad.geojson", &feature(&props, POINT));
            assert!(incidents.is_empty(), "{field} accepted");
            let msg = errors[0].to_string();
            assert!(msg.starts_with("bad.geojson:"), "{msg}");
            assert!(msg.contains(&format!("field '{field}'")), "{field}: {msg}");
            assert!(msg.contains("2021-08-26-kabul-airport"), "{msg}");
        }
    }

    #[test]
    fn out_of_range_coordinates_and_missing_sources_are_refused() {
        let (_, errors) = parse(
            "g.geojson",
            &feature(GOOD, r#"{"type":"Point","coordinates":[34.56,169.2]}"#),
        );
        assert_eq!(errors[0].field.as_deref(), Some("geometry"));
        let no_sources = GOOD.split("\"sources\"").next().unwrap().to_owned() + "\"sources\":[]";
        let (_, errors) = parse("s.geojson", &feature(&no_sources, POINT));
        assert!(errors[0].to_string().contains("at least one source"));
    }

    #[test]
    fn data_through_reads_a_month_and_names_a_bad_one() {
        let with = |v: &str| {
            format!("{{\"type\":\"FeatureCollection\",\n\"data_through\": {v},\n\"features\":[]}}")
        };
        assert_eq!(
            data_through("d.geojson", &with("\"2026-02\"")).unwrap(),
            Some(2026 * 12 + 1)
        );
        assert_eq!(
            data_through("d.geojson", "{\"features\":[]}").unwrap(),
            None
        );
        for bad in ["\"2026-13\"", "202602", "\"Feb 2026\""] {
            let e = data_through("d.geojson", &with(bad)).unwrap_err();
            assert_eq!(
                (e.field.as_deref(), e.line),
                (Some("data_through"), Some(2)),
                "{e}"
            );
        }
    }

    #[test]
    fn duplicate_ids_are_reported_and_the_first_kept() {
        let one = format!(r#"{{"type":"Feature","geometry":{POINT},"properties":{{{GOOD}}}}}"#);
        let text = format!(r#"{{"type":"FeatureCollection","features":[{one},{one}]}}"#);
        let (incidents, errors) = parse("d.geojson", &text);
        assert_eq!(incidents.len(), 1);
        assert_eq!(errors[0].field.as_deref(), Some("id"));
    }
}
