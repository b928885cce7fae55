//! Writing incidents back out: the atlas's own GeoJSON schema (so a filtered selection can
//! be reopened with `--data`) and a flat CSV for spreadsheets.

use crate::model::{DatePrecision, GeoPrecision, Incident};
use serde_json::{Value, json};

fn precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

fn geo(p: GeoPrecision) -> &'static str {
    match p {
        GeoPrecision::Site => "site",
        GeoPrecision::Town => "town",
        GeoPrecision::District => "district",
        GeoPrecision::Province => "province",
        GeoPrecision::Country => "country",
    }
}

/// The atlas's GeoJSON. `data_through` is written when the incidents are the atlas's own
/// (a sweep's reach says nothing about a user's file).
pub fn to_geojson<'a>(incidents: impl Iterator<Item = &'a Incident>) -> String {
    to_geojson_through(incidents, None)
}

pub fn to_geojson_through<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
    data_through: Option<i32>,
) -> String {
    let features: Vec<Value> = incidents
        .map(|i| {
            let mut props = json!({
                "id": i.id, "date": i.date.to_string(), "date_precision": precision(i.date_precision),
                "country": i.country, "admin1": i.admin1, "place": i.place,
                "geo_precision": geo(i.geo_precision), "kind": i.kind.code(), "method": i.method,
                "targets": i.targets, "killed": i.killed, "killed_low": i.killed_low,
                "killed_high": i.killed_high, "injured": i.injured,
                "militants_killed": i.militants_killed, "civilians_killed": i.civilians_killed,
                "claim": i.claim.code(),
                "title": i.title, "summary": i.summary, "sources": i.sources,
            });
            if i.militants_killed_low.is_some() || i.militants_killed_high.is_some() {
                props["militants_killed_low"] = json!(i.militants_killed_low);
                props["militants_killed_high"] = json!(i.militants_killed_high);
            }
            if let Some(by) = &i.attributed_by {
                props["attributed_by"] = json!(by);
            }
            if let Some(end) = i.end_date {
                props["end_date"] = json!(end.to_string());
            }
            if let Some(r) = &i.paper_ref {
                props["paper_ref"] = json!(r);
            }
            if !i.actors.is_empty() {
                props["actors"] = json!(i.actors);
            }
            json!({"type": "Feature", "geometry": {"type": "Point", "coordinates": [i.lon, i.lat]}, "properties": props})
        })
        .collect();
    let mut root = json!({"type": "FeatureCollection", "features": features});
    if let Some(m) = data_through {
        root["data_through"] = json!(crate::model::date::month_code(m));
    }
    serde_json::to_string_pretty(&root).unwrap_or_default()
}

pub fn to_csv<'a>(incidents: impl Iterator<Item = &'a Incident>) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "date",
        "date_precision",
        "end_date",
        "latitude",
        "longitude",
        "country",
        "admin1",
        "place",
        "kind",
        "method",
        "targets",
        "killed",
        "killed_low",
        "killed_high",
        "injured",
        "militants_killed",
        "militants_killed_low",
        "militants_killed_high",
        "civilians_killed",
        "claim",
        "title",
        "summary",
        "source_urls",
    ];
    w.write_record(header).map_err(|e| e.to_string())?;
    let n = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    for i in incidents {
        w.write_record([
            i.id.clone(),
            i.date.to_string(),
            precision(i.date_precision).into(),
            i.end_date.map(|d| d.to_string()).unwrap_or_default(),
            i.lat.to_string(),
            i.lon.to_string(),
            i.country.clone(),
            i.admin1.clone(),
            i.place.clone(),
            i.kind.code().into(),
            i.method.clone(),
            i.targets.join("; "),
            n(i.killed),
            n(i.killed_low),
            n(i.killed_high),
            n(i.injured),
            n(i.militants_killed),
            n(i.militants_killed_low),
            n(i.militants_killed_high),
            n(i.civilians_killed),
            i.claim.code().into(),
            i.title.clone(),
            i.summary.clone(),
            i.sources
                .iter()
                .map(|s| s.url.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ])
        .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geojson_written_reads_back_the_same_and_csv_has_a_row_each() {
        let (name, text) = crate::io::embedded::INCIDENTS;
        let (incidents, _) = crate::io::incidents::parse(name, text);
        let out = to_geojson(incidents.iter().take(20));
        let (back, errors) = crate::io::incidents::parse("out.geojson", &out);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(back, incidents[..20].to_vec());
        let csv = to_csv(incidents.iter().take(20)).unwrap();
        let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
        assert_eq!(rows, 20);
    }
}
