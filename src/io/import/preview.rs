//! A look at a file before it is read: its columns, its first rows and a guess at which
//! column holds what, so the column window can ask the user; and `open`, which reads a
//! fixed layout at once or comes back with that look.

use super::csv_formats::{self, date_value, mostly_dates};
use super::{Format, Mapping, geojson_points, input, table::Text};
use crate::io::LoadError;
use crate::io::gazetteer::Gazetteer;

/// The first rows of a file and a guess at its layout, for the user to confirm.
#[derive(Debug, Clone)]
pub struct Preview {
    pub format: Format,
    /// Column names (CSV header) or property names (GeoJSON), as written in the file.
    pub columns: Vec<String>,
    /// The first rows: where they are (line or feature number) and one value per column.
    pub rows: Vec<(usize, Vec<String>)>,
    /// GeoJSON only: each sample feature's point, if it has one.
    pub points: Vec<Option<(f64, f64)>>,
    /// Columns whose sample values read as dates.
    pub date_columns: Vec<String>,
    pub guess: Mapping,
    /// Whether the user should confirm the layout before import: always for a generic CSV,
    /// sheet or KML file, and for GeoJSON when more than one property holds dates.
    pub ask: bool,
    /// A workbook's sheets and the one shown.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// What was set aside before the rows: a row of HXL hashtags, other sheets, placemarks
    /// without a point.
    pub notes: Vec<String>,
    /// Whether whole numbers in the date column are a sheet's day numbers.
    pub serial_dates: bool,
}

/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 8;

/// Looks at a file without importing it. Fixed layouts come back with `ask` false.
pub fn preview(file: &str, bytes: &[u8]) -> Result<Preview, LoadError> {
    preview_sheet(file, bytes, None)
}

/// As `preview`, for a workbook's sheet chosen by name.
pub fn preview_sheet(file: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Preview, LoadError> {
    let (text, format) = input(file, bytes, sheet)?;
    of_text(file, &text, format)
}

pub(super) fn of_text(file: &str, text: &Text<'_>, format: Format) -> Result<Preview, LoadError> {
    let mut p = empty(format);
    match format {
        Format::Csv | Format::Xlsx | Format::Ods | Format::Kml | Format::Kmz => {
            let (columns, rows, hxl) = csv_formats::head(file, text, PREVIEW_ROWS)?;
            p.columns = columns;
            p.rows = rows;
            p.serial_dates = text.serial_dates;
            p.date_columns = p
                .columns
                .iter()
                .enumerate()
                .filter(|(c, _)| mostly_dates(p.rows.iter().map(|r| r.1[*c].as_str())))
                .map(|(_, name)| name.clone())
                .collect();
            p.guess = csv_formats::guess_mapping(&p.columns, &p.date_columns);
            p.guess.sheet = (!text.sheet.is_empty()).then(|| text.sheet.clone());
            p.sheets = text.sheets.clone();
            p.sheet = text.sheet.clone();
            p.notes = text.notes.iter().cloned().chain(hxl).collect();
            p.ask = true;
        }
        Format::GeoJsonPoints => {
            let features = geojson_points::features(file, &text.body)?;
            geojson_preview(&mut p, &features);
        }
        Format::AtlasGeoJson | Format::UcdpGed | Format::Acled => {}
    }
    Ok(p)
}

/// What to do with a file opened in the window: read it, or ask the user about its columns
/// first (a generic CSV, sheet or KML file always, GeoJSON with several date properties). A
/// file is parsed once either way.
pub enum Opened {
    Read(Format, Vec<crate::model::Incident>, super::Report),
    Ask(Preview),
}

pub fn open(
    file: &str,
    bytes: &[u8],
    layer: u16,
    progress: &crate::io::Progress,
) -> Result<Opened, LoadError> {
    let (text, format) = input(file, bytes, None)?;
    match format {
        Format::Csv | Format::Xlsx | Format::Ods | Format::Kml | Format::Kmz => {
            of_text(file, &text, format).map(Opened::Ask)
        }
        Format::GeoJsonPoints => {
            let features = geojson_points::features(file, &text.body)?;
            let mut p = empty(format);
            geojson_preview(&mut p, &features);
            if p.ask {
                return Ok(Opened::Ask(p));
            }
            let (mut incidents, report) =
                geojson_points::read_features(file, &features, Some(&p.guess))?;
            for i in &mut incidents {
                i.layer = layer;
            }
            Ok(Opened::Read(format, incidents, report))
        }
        _ => super::read(file, bytes, layer, progress)
            .map(|(f, incidents, report)| Opened::Read(f, incidents, report)),
    }
}

fn empty(format: Format) -> Preview {
    Preview {
        format,
        columns: Vec::new(),
        rows: Vec::new(),
        points: Vec::new(),
        date_columns: Vec::new(),
        guess: Mapping::default(),
        ask: false,
        sheets: Vec::new(),
        sheet: String::new(),
        notes: Vec::new(),
        serial_dates: false,
    }
}

/// A GeoJSON file's properties, first features and date properties; asks when several hold
/// dates.
fn geojson_preview(p: &mut Preview, features: &[serde_json::Value]) {
    p.columns = geojson_points::property_names(features);
    for (n, f) in features.iter().take(PREVIEW_ROWS).enumerate() {
        let values = p
            .columns
            .iter()
            .map(|c| geojson_points::property_text(f, c).unwrap_or_default())
            .collect();
        p.rows.push((n + 1, values));
        p.points.push(geojson_points::point(f).ok());
    }
    p.date_columns = geojson_points::date_properties(features, &p.columns);
    p.guess = geojson_points::guess_mapping(&p.columns, &p.date_columns);
    p.ask = p.date_columns.len() > 1;
}

impl Preview {
    /// Whether `m` places rows by name: a place column and no coordinates.
    pub fn by_name(&self, m: &Mapping) -> bool {
        self.format != Format::GeoJsonPoints
            && m.place.as_deref().is_some_and(|p| !p.trim().is_empty())
            && (m.lat.is_empty() || m.lon.is_empty())
    }

    /// Whether `m` names all the import needs: a date, and coordinates or a place.
    pub fn ready(&self, m: &Mapping) -> bool {
        !m.date.is_empty()
            && (self.format == Format::GeoJsonPoints
                || self.by_name(m)
                || (!m.lat.is_empty() && !m.lon.is_empty()))
    }

    /// What the import would make of each sample row under `m`: a short description, or why
    /// the row would be skipped.
    pub fn try_rows(&self, m: &Mapping) -> Vec<Result<String, String>> {
        let col = |name: &str| {
            let name = name.trim().to_lowercase();
            self.columns
                .iter()
                .position(|c| c.trim().to_lowercase() == name)
        };
        let value = |row: &[String], name: &str| {
            col(name)
                .and_then(|i| row.get(i))
                .map_or("", |s| s.trim())
                .to_owned()
        };
        self.rows
            .iter()
            .enumerate()
            .map(|(k, (_, row))| {
                if m.date.is_empty() {
                    return Err("choose the date column".into());
                }
                if !self.ready(m) {
                    return Err("choose the latitude and longitude columns, or a place".into());
                }
                let raw = value(row, &m.date);
                let (date, _) = date_value(&raw, self.serial_dates).ok_or_else(|| {
                    if raw.is_empty() {
                        "no date".to_owned()
                    } else {
                        format!("'{raw}' is not a date")
                    }
                })?;
                let mut placed = String::new();
                let (lon, lat) = if self.by_name(m) {
                    let name = value(row, m.place.as_deref().unwrap_or(""));
                    let g = Gazetteer::shared();
                    let hit = csv_formats::Placer::default()
                        .place(&name)
                        .map_err(|why| format!("place '{name}': {why}"))?;
                    placed = format!(" ({})", hit.matched);
                    let p = &g.places[hit.place];
                    (p.lon, p.lat)
                } else if self.format == Format::GeoJsonPoints {
                    self.points
                        .get(k)
                        .copied()
                        .flatten()
                        .ok_or("not a point with coordinates")?
                } else {
                    csv_formats::coordinates(&value(row, &m.lat), &value(row, &m.lon))?
                };
                let deaths = m
                    .deaths
                    .as_deref()
                    .map(|d| value(row, d))
                    .filter(|d| !d.is_empty())
                    .map(|d| format!(", {d} killed"))
                    .unwrap_or_default();
                Ok(format!("{date} at {lat:.2}, {lon:.2}{placed}{deaths}"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_unusual_names_is_previewed_and_guessed_from_values() {
        let csv =
            "Quand;Nordbreite;Ostlänge;Tote\n26.08.2021;34.52;69.18;170\n2022-09-30;34.50;69.10;\n";
        let p = preview("f.csv", csv.as_bytes()).unwrap();
        assert_eq!(p.format, Format::Csv);
        assert!(p.ask);
        assert_eq!(p.columns, ["Quand", "Nordbreite", "Ostlänge", "Tote"]);
        assert_eq!(p.rows[0].0, 2);
        assert_eq!(p.date_columns, ["Quand"]);
        assert_eq!(p.guess.date, "Quand", "the only column of dates");
        assert!(
            p.guess.lat.is_empty(),
            "no latitude by name: the user picks"
        );
        let m = Mapping {
            date: "Quand".into(),
            lat: "Nordbreite".into(),
            lon: "Ostlänge".into(),
            deaths: Some("tote".into()),
            ..Default::default()
        };
        let tried = p.try_rows(&m);
        assert_eq!(
            tried[0].as_deref(),
            Ok("2021-08-26 at 34.52, 69.18, 170 killed")
        );
        assert!(tried[1].is_ok());
        let swapped = Mapping {
            lat: "Ostlänge".into(),
            lon: "Nordbreite".into(),
            ..m
        };
        assert!(p.try_rows(&swapped)[0].is_ok(), "69 N is still a latitude");
    }

    #[test]
    fn fixed_layouts_do_not_ask() {
        let p = preview("a.csv", b"event_date,event_type,fatalities,latitude\n").unwrap();
        assert_eq!(p.format, Format::Acled);
        assert!(!p.ask);
    }
}
