//! Writing incidents back out: the atlas's own GeoJSON schema (so a filtered selection can
//! be reopened with `--data`), a flat CSV for spreadsheets, and KML for Google Earth.

use crate::model::{DatePrecision, GeoPrecision, Incident};
use serde_json::{Value, json};

/// The formats a layer's incidents can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveAs {
    GeoJson,
    Csv,
    Kml,
}

impl SaveAs {
    pub const ALL: [SaveAs; 3] = [Self::GeoJson, Self::Csv, Self::Kml];

    pub fn label(self) -> &'static str {
        match self {
            Self::GeoJson => "GeoJSON",
            Self::Csv => "CSV",
            Self::Kml => "KML (Google Earth)",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::GeoJson => "geojson",
            Self::Csv => "csv",
            Self::Kml => "kml",
        }
    }

    /// `path` with this format's extension in place of another format's, so "Save KML"
    /// on "incidents.geojson" writes "incidents.kml"; other names are kept as typed.
    pub fn path(self, path: &str) -> String {
        let p = std::path::Path::new(path);
        let known = p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            Self::ALL
                .iter()
                .any(|f| f.extension().eq_ignore_ascii_case(e))
        });
        if known || p.extension().is_none() {
            p.with_extension(self.extension()).display().to_string()
        } else {
            path.to_owned()
        }
    }
}

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

/// KML for Google Earth: a placemark per incident with its date as a `TimeStamp` (or a
/// `TimeSpan` when it lasted), so the time slider plays them; a style per kind in the map's
/// colours; the facts as a description and as `ExtendedData`, which the atlas reads back.
pub fn to_kml<'a>(name: &str, note: &str, incidents: impl Iterator<Item = &'a Incident>) -> String {
    use crate::model::IncidentKind;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    out += &format!("<name>{}</name>\n", xml(name));
    if !note.is_empty() {
        out += &format!("<description>{}</description>\n", xml(note));
    }
    for kind in IncidentKind::ALL {
        let [r, g, b] = kind.rgb();
        // KML colours are alpha, blue, green, red.
        out += &format!(
            "<Style id=\"{}\"><IconStyle><color>ff{b:02x}{g:02x}{r:02x}</color><scale>1.1</scale></IconStyle><LabelStyle><scale>0</scale></LabelStyle></Style>\n",
            kind.code()
        );
    }
    let n = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
    for i in incidents {
        out += "<Placemark>\n";
        out += &format!("  <name>{}</name>\n", xml(&i.title));
        let when = |d: crate::model::Date| match i.date_precision {
            DatePrecision::Day => d.to_string(),
            DatePrecision::Month => format!("{:04}-{:02}", d.year, d.month),
            DatePrecision::Year => format!("{:04}", d.year),
        };
        match i.end_date {
            Some(end) => {
                out += &format!(
                    "  <TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>\n",
                    when(i.date),
                    end
                )
            }
            None => out += &format!("  <TimeStamp><when>{}</when></TimeStamp>\n", when(i.date)),
        }
        out += &format!("  <styleUrl>#{}</styleUrl>\n", i.kind.code());
        out += &format!(
            "  <description><![CDATA[{}]]></description>\n",
            description(i).replace("]]>", "]]&gt;")
        );
        out += "  <ExtendedData>\n";
        for (key, value) in [
            ("id", i.id.clone()),
            ("date", i.date.to_string()),
            ("date_precision", precision(i.date_precision).into()),
            ("country", i.country.clone()),
            ("admin1", i.admin1.clone()),
            ("place", i.place.clone()),
            ("geo_precision", geo(i.geo_precision).into()),
            ("kind", i.kind.code().into()),
            ("killed", n(i.killed)),
            ("killed_low", n(i.killed_low)),
            ("killed_high", n(i.killed_high)),
            ("injured", n(i.injured)),
            ("militants_killed", n(i.militants_killed)),
            ("claim", i.claim.code().into()),
        ] {
            if !value.is_empty() {
                out += &format!(
                    "    <Data name=\"{key}\"><value>{}</value></Data>\n",
                    xml(&value)
                );
            }
        }
        out += "  </ExtendedData>\n";
        out += &format!(
            "  <Point><coordinates>{},{}</coordinates></Point>\n",
            i.lon, i.lat
        );
        out += "</Placemark>\n";
    }
    out += "</Document>\n</kml>\n";
    out
}

/// What Google Earth shows in a placemark's balloon.
fn description(i: &Incident) -> String {
    let mut lines = Vec::new();
    if !i.summary.is_empty() {
        lines.push(xml(&i.summary));
    }
    let place = [i.place.as_str(), i.admin1.as_str(), i.country.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    lines.push(format!(
        "<b>{}</b> · {} (placed at {} level)",
        i.date,
        xml(&place),
        geo(i.geo_precision)
    ));
    let range = match (i.killed_low, i.killed_high) {
        (Some(lo), Some(hi)) if lo != hi => format!(" (reports {lo}–{hi})"),
        _ => String::new(),
    };
    if let Some(k) = i.killed {
        lines.push(format!("Killed: {k}{range}"));
    }
    if let Some(m) = i.militants_killed {
        lines.push(format!("Militants killed (not counted as victims): {m}"));
    }
    if let Some(w) = i.injured {
        lines.push(format!("Injured: {w}"));
    }
    lines.push(format!("ISKP: {}", i.claim.code()));
    for s in &i.sources {
        lines.push(format!(
            "<a href=\"{}\">{}</a> {}",
            xml(&s.url),
            xml(&s.title),
            xml(&s.publisher)
        ));
    }
    lines.join("<br/>")
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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

    #[test]
    fn kml_written_reads_back_through_the_import() {
        let (name, text) = crate::io::embedded::INCIDENTS;
        let (incidents, _) = crate::io::incidents::parse(name, text);
        let chosen = &incidents[..40];
        let kml = to_kml("ISKP Atlas", "filters: all", chosen.iter());
        assert!(kml.contains("<TimeStamp><when>") && kml.contains("<styleUrl>#attack</styleUrl>"));
        let (format, back, report) =
            crate::io::import::read("out.kml", kml.as_bytes(), 1, &Default::default()).unwrap();
        assert_eq!(format, crate::io::import::Format::Kml);
        assert_eq!(
            (back.len(), report.skipped),
            (40, 0),
            "{:?}",
            report.first_skipped
        );
        for (a, b) in chosen.iter().zip(&back) {
            assert_eq!(
                (a.date, a.killed, a.title.as_str()),
                (b.date, b.killed, b.title.as_str())
            );
            assert!((a.lon - b.lon).abs() < 1e-9 && (a.lat - b.lat).abs() < 1e-9);
        }
    }
}
