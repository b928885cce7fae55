//! Reading other people's event files: UCDP GED and ACLED CSV exports, any CSV (or XLSX or
//! ODS sheet, or KML placemarks) with a date and coordinates or a place name, and GeoJSON
//! points. The format is told from the content, whatever wrote it (Excel's CRLF, byte-order
//! marks, UTF-16). Rows that cannot be used are skipped and counted with their line numbers;
//! a file that cannot be read at all is refused with the reason. Nothing here panics,
//! whatever the bytes.

pub mod archive;
pub mod csv_formats;
pub mod geojson_points;
pub mod kml;
mod mapping;
mod preview;
pub mod sheets;
pub mod table;
pub mod text;

pub use mapping::Mapping;
pub use preview::{Opened, Preview, open, preview, preview_sheet};

use super::LoadError;
use crate::model::Incident;
use std::sync::atomic::Ordering;

use crate::io::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The atlas's own schema (data/README.md).
    AtlasGeoJson,
    /// Any GeoJSON with Point features and a date property.
    GeoJsonPoints,
    UcdpGed,
    Acled,
    /// A CSV with date, latitude and longitude columns under some recognisable names.
    Csv,
    Xlsx,
    Ods,
    Kml,
    Kmz,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Self::AtlasGeoJson => "ISKP Atlas GeoJSON",
            Self::GeoJsonPoints => "GeoJSON points",
            Self::UcdpGed => "UCDP GED CSV",
            Self::Acled => "ACLED CSV export",
            Self::Csv => "CSV",
            Self::Xlsx => "Excel workbook (XLSX)",
            Self::Ods => "OpenDocument spreadsheet (ODS)",
            Self::Kml => "KML placemarks",
            Self::Kmz => "KMZ placemarks",
        }
    }

    /// Whether its rows are a sheet's rows, numbered as the spreadsheet numbers them.
    pub fn is_sheet(self) -> bool {
        matches!(self, Self::Xlsx | Self::Ods)
    }
}

/// A user's event file and, where its layout is not fixed, the columns to read.
#[derive(Debug, Clone, PartialEq)]
pub struct DataFile {
    pub path: std::path::PathBuf,
    pub columns: Option<Mapping>,
}

impl DataFile {
    pub fn new(path: impl Into<std::path::PathBuf>) -> Self {
        Self {
            path: path.into(),
            columns: None,
        }
    }

    /// Reads it (columns not named are guessed). Errors name the file.
    pub fn read(
        &self,
        layer: u16,
        progress: &Progress,
    ) -> Result<(Format, Vec<Incident>, Report), LoadError> {
        let name = self.path.display().to_string();
        let bytes = std::fs::read(&self.path)
            .map_err(|e| LoadError::file(&name, format!("cannot read: {e}")))?;
        read_columns(&name, &bytes, layer, progress, self.columns.as_ref())
    }

    /// Its layer, as loaded.
    pub fn layer(&self, format: Format) -> crate::model::dataset::LayerInfo {
        crate::model::dataset::LayerInfo {
            name: file_name(&self.path),
            format: format.label().into(),
            path: Some(self.path.clone()),
            columns: self.columns.as_ref().map(Mapping::to_spec),
        }
    }

    /// The file behind a loaded layer, if it came from one.
    pub fn of_layer(layer: &crate::model::dataset::LayerInfo) -> Option<Self> {
        Some(Self {
            path: layer.path.clone()?,
            columns: layer
                .columns
                .as_deref()
                .and_then(|c| Mapping::parse_spec(c).ok()),
        })
    }
}

/// What an import did, for the user.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub rows: usize,
    pub loaded: usize,
    /// How many rows were skipped, and the first few with line and reason.
    pub skipped: usize,
    pub first_skipped: Vec<LoadError>,
    /// What was recognised and set aside rather than read as a row: a row of HXL hashtags,
    /// the other sheets of a workbook, placemarks without a point.
    pub notes: Vec<String>,
}

impl Report {
    pub fn skip(&mut self, e: LoadError) {
        self.skipped += 1;
        if self.first_skipped.len() < 5 {
            self.first_skipped.push(e);
        }
    }

    pub fn summary(&self, file: &str, format: Format) -> String {
        let mut s = format!(
            "{file}: {} read as {}: {} of {} rows loaded",
            if self.skipped == 0 { "fully" } else { "partly" },
            format.label(),
            self.loaded,
            self.rows
        );
        for note in &self.notes {
            s.push_str(&format!("; {note}"));
        }
        let unit = if format.is_sheet() { "row" } else { "line" };
        if self.skipped > 0 {
            let lines: Vec<String> = self
                .first_skipped
                .iter()
                .map(|e| {
                    e.line.map_or_else(
                        || e.message.clone(),
                        |l| format!("{unit} {l}: {}", e.message),
                    )
                })
                .collect();
            s.push_str(&format!(
                "; {} skipped ({})",
                self.skipped,
                lines.join("; ")
            ));
        }
        s
    }
}

/// A layer's name: the file's own name.
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The embedded data with the user's incident files (`--data`) loaded on top. A file that
/// cannot be read is reported and skipped; its good features load, its bad ones are reported;
/// an id that repeats an embedded one is reported and the embedded one kept.
pub fn load_files(files: &[DataFile]) -> (crate::model::Dataset, Vec<LoadError>) {
    let (embedded, mut errors) = super::embedded::load();
    if files.is_empty() {
        return (embedded, errors);
    }
    let regions = embedded.regions.clone();
    let mut incidents = embedded.incidents().to_vec();
    let mut layers = Vec::new();
    for file in files {
        let name = file.path.display().to_string();
        let layer = layers.len() as u16 + 1;
        match file.read(layer, &Progress::default()) {
            Ok((format, extra, report)) => {
                if report.skipped > 0 {
                    log::warn!("{}", report.summary(&name, format));
                }
                errors.extend(report.first_skipped);
                let known: std::collections::HashSet<String> =
                    incidents.iter().map(|i| i.id.clone()).collect();
                for i in extra {
                    if known.contains(&i.id) {
                        errors.push(
                            LoadError::file(&name, "id already loaded; the first one is kept")
                                .feature(Some(&i.id))
                                .field("id"),
                        );
                    } else {
                        incidents.push(i);
                    }
                }
                layers.push(file.layer(format));
            }
            Err(e) => errors.push(e),
        }
    }
    let mut dataset = crate::model::Dataset::new(incidents, regions);
    dataset.layers.extend(layers);
    (dataset, errors)
}

/// Tells the format of a file's text from its first line (or its first element).
pub fn detect(text: &str) -> Option<Format> {
    let head = text::head(text, 64 * 1024);
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let atlas = head.contains("\"claim\"") && head.contains("\"date_precision\"");
        return Some(if atlas {
            Format::AtlasGeoJson
        } else {
            Format::GeoJsonPoints
        });
    }
    if kml::is_kml(trimmed) {
        return Some(Format::Kml);
    }
    layout(trimmed).or_else(|| {
        let first_line = trimmed.lines().next().unwrap_or("");
        (first_line.contains(',') || first_line.contains(';') || first_line.contains('\t'))
            .then_some(Format::Csv)
    })
}

/// A fixed layout told from a CSV header: UCDP GED or ACLED.
fn layout(text: &str) -> Option<Format> {
    let first_line = text.lines().next().unwrap_or("").to_lowercase();
    let has = |c: &str| {
        first_line
            .split([',', ';', '\t'])
            .any(|h| h.trim().trim_matches('"') == c)
    };
    if has("date_start") && has("side_a") && has("best") && has("where_prec") {
        Some(Format::UcdpGed)
    } else if has("event_date") && has("event_type") && has("fatalities") && has("latitude") {
        Some(Format::Acled)
    } else {
        None
    }
}

/// Reads a file in any supported format. `layer` tags every incident. Columns of a generic
/// CSV and the properties of GeoJSON points are guessed from their names, and the date also
/// from which column's values are dates.
pub fn read(
    file: &str,
    bytes: &[u8],
    layer: u16,
    progress: &Progress,
) -> Result<(Format, Vec<Incident>, Report), LoadError> {
    read_with(file, bytes, layer, progress, None)
}

/// As `read`, with columns named on the command line (`--columns`); roles it does not name
/// are guessed as `read` would.
pub fn read_columns(
    file: &str,
    bytes: &[u8],
    layer: u16,
    progress: &Progress,
    columns: Option<&Mapping>,
) -> Result<(Format, Vec<Incident>, Report), LoadError> {
    match columns {
        None => read(file, bytes, layer, progress),
        Some(named) => {
            let guess = preview_sheet(file, bytes, named.sheet.as_deref())?.guess;
            let m = named.clone().or_guessed(guess);
            read_with(file, bytes, layer, progress, Some(&m))
        }
    }
}

/// As `read`, with the user's choice of columns (or properties) where the layout is not
/// fixed: generic CSV and GeoJSON points. Fixed layouts ignore it.
pub fn read_with(
    file: &str,
    bytes: &[u8],
    layer: u16,
    progress: &Progress,
    mapping: Option<&Mapping>,
) -> Result<(Format, Vec<Incident>, Report), LoadError> {
    let (text, format) = input(file, bytes, mapping.and_then(|m| m.sheet.as_deref()))?;
    progress.total.store(text.body.len(), Ordering::Relaxed);
    let (mut incidents, mut report) = match format {
        Format::AtlasGeoJson => {
            let (incidents, errors) = super::incidents::parse(file, &text.body);
            if incidents.is_empty() && !errors.is_empty() && errors[0].field.is_none() {
                return Err(errors[0].clone());
            }
            let mut report = Report {
                rows: incidents.len() + errors.len(),
                loaded: incidents.len(),
                ..Default::default()
            };
            for e in errors {
                report.skip(e);
            }
            (incidents, report)
        }
        Format::GeoJsonPoints => geojson_points::read(file, &text.body, mapping)?,
        Format::UcdpGed => csv_formats::read_ucdp(file, &text, progress)?,
        Format::Acled => csv_formats::read_acled(file, &text, progress)?,
        Format::Csv | Format::Xlsx | Format::Ods | Format::Kml | Format::Kmz => {
            // No choice made: guess from the header and the first rows' values, as the
            // column window would.
            let guessed;
            let m = match mapping {
                Some(m) => m,
                None => {
                    guessed = preview::of_text(file, &text, format)?.guess;
                    &guessed
                }
            };
            // A file refused as a whole says what else it holds (a workbook's other sheets).
            csv_formats::read_generic(file, &text, progress, m).map_err(|mut e| {
                for note in &text.notes {
                    e.message.push_str(&format!("; {note}"));
                }
                e
            })?
        }
    };
    report.notes.splice(0..0, text.notes);
    if progress.cancelled() {
        return Err(LoadError::file(file, "cancelled"));
    }
    for i in &mut incidents {
        i.layer = layer;
    }
    Ok((format, incidents, report))
}

/// A file as the readers take it, and its format; or why it cannot be read at all. Sheets
/// and KML come back as CSV text (`table::Text`), whose rows know their place in the file.
/// A sheet (or KML) that holds a UCDP GED or ACLED table is read as that layout.
pub(super) fn input<'a>(
    file: &str,
    bytes: &'a [u8],
    sheet: Option<&str>,
) -> Result<(table::Text<'a>, Format), LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::file(file, "the file is empty"));
    }
    let (converted, format) = if archive::is_zip(bytes) {
        let (mut zip, kind) = archive::open(file, bytes)?;
        match kind {
            archive::Kind::Xlsx => (sheets::read_xlsx(file, bytes, sheet)?, Format::Xlsx),
            archive::Kind::Ods => (sheets::read_ods(file, bytes, &mut zip, sheet)?, Format::Ods),
            archive::Kind::Kmz(name) => {
                let doc = archive::text(file, &mut zip, &name)?;
                (kml::read(&format!("{file} ({name})"), &doc)?, Format::Kmz)
            }
        }
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(LoadError::file(
            file,
            "an old Excel workbook (XLS): save it as XLSX or CSV and open it again",
        ));
    } else {
        let body = text::decode(file, bytes)?;
        let format = detect(&body).ok_or_else(|| {
            LoadError::file(
                file,
                "not GeoJSON, KML, a spreadsheet, or a comma-, semicolon- or tab-separated header line",
            )
        })?;
        if format != Format::Kml {
            return Ok((table::Text::plain(body), format));
        }
        (kml::read(file, &body)?, Format::Kml)
    };
    let format = layout(&converted.body).unwrap_or(format);
    Ok((converted, format))
}
