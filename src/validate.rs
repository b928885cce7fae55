//! `iskp-atlas validate`: the checks a careful editor would make on a data file, as code.
//! Every problem names the file, the line or feature, and the field.

use crate::io::countries::{COAST_TOLERANCE_DEGREES, Countries};
use crate::io::error::line_of_quoted;
use crate::io::{LoadError, embedded, incidents, regions};
use crate::model::Date;
use geo::Validation;
use serde_json::json;

/// What a validation run found.
#[derive(Debug, Default)]
pub struct Report {
    pub incidents: usize,
    pub regions: usize,
    pub errors: Vec<LoadError>,
}

impl Report {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn to_json(&self) -> serde_json::Value {
        let errors: Vec<_> = self
            .errors
            .iter()
            .map(|e| {
                json!({
                    "file": e.file, "line": e.line, "column": e.column,
                    "feature": e.feature, "field": e.field, "message": e.message,
                })
            })
            .collect();
        json!({ "incidents": self.incidents, "regions": self.regions, "errors": errors })
    }

    fn add(&mut self, other: Report) {
        self.incidents += other.incidents;
        self.regions += other.regions;
        self.errors.extend(other.errors);
    }
}

/// The first date the atlas accepts: operations that shaped ISKP began in 2014.
pub const EARLIEST: Date = Date {
    year: 2014,
    month: 1,
    day: 1,
};

/// Checks the data compiled into the binary.
pub fn embedded_data(countries: &Countries, today: Date) -> Report {
    let mut report = Report::default();
    let (name, text) = embedded::INCIDENTS;
    report.add(incident_file(name, text, countries, today));
    for (name, text) in embedded::REGION_FILES {
        report.add(region_file(name, text));
    }
    report
}

/// Checks files on disk: an incident file or a region file, told apart by their features.
/// Checks files as the atlas would read them; `columns` names the columns of a CSV (or the
/// date property of GeoJSON points) as `--columns` does.
pub fn files(
    paths: &[std::path::PathBuf],
    columns: Option<&crate::io::import::Mapping>,
    countries: &Countries,
    today: Date,
) -> Report {
    let mut report = Report::default();
    for path in paths {
        let name = path.display().to_string();
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let msg = format!(
                        "not UTF-8 text (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    );
                    report.errors.push(LoadError::file(&name, msg));
                    continue;
                }
            },
            Err(e) => {
                report
                    .errors
                    .push(LoadError::file(&name, format!("cannot read: {e}")));
                continue;
            }
        };
        use crate::io::import::{self, Format};
        if is_region_file(&text) {
            report.add(region_file(&name, &text));
        } else if matches!(
            import::detect(text.as_bytes()),
            None | Some(Format::AtlasGeoJson)
        ) {
            report.add(incident_file(&name, &text, countries, today));
        } else {
            // Other formats are checked the way the atlas reads them: every row it would skip
            // is an error here.
            match import::read_columns(
                &name,
                text.as_bytes(),
                1,
                &import::Progress::default(),
                columns,
            ) {
                Ok((_, incidents, r)) => {
                    report.incidents += incidents.len();
                    report.errors.extend(r.first_skipped);
                    if r.skipped > 5 {
                        report.errors.push(LoadError::file(
                            &name,
                            format!("... and {} more rows skipped", r.skipped - 5),
                        ));
                    }
                }
                Err(e) => report.errors.push(e),
            }
        }
    }
    report
}

/// Region files have polygon features with a `role`; anything else is read as incidents.
fn is_region_file(text: &str) -> bool {
    let Ok(root) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    root.get("features")
        .and_then(|f| f.as_array())
        .and_then(|f| f.first())
        .is_some_and(|f| f.pointer("/properties/role").is_some())
}

pub fn incident_file(file: &str, text: &str, countries: &Countries, today: Date) -> Report {
    let (loaded, mut errors) = incidents::parse(file, text);
    for i in &loaded {
        let fail = |field: &str, message: String| {
            LoadError::file(file, message)
                .at_line(line_of_quoted(text, &i.id))
                .feature(Some(&i.id))
                .field(field)
        };
        if i.date < EARLIEST || i.date > today {
            errors.push(fail(
                "date",
                format!("{} is outside {EARLIEST}..{today}", i.date),
            ));
        }
        if let Some(end) = i.end_date
            && end > today
        {
            errors.push(fail("end_date", format!("{end} is in the future")));
        }
        match countries.get(&i.country) {
            None => errors.push(fail(
                "country",
                format!("'{}' is not a known ISO 3166-1 alpha-3 country", i.country),
            )),
            Some(country) => {
                let off = country.distance(i.lon, i.lat);
                if off > COAST_TOLERANCE_DEGREES {
                    let found: Vec<String> = countries
                        .at(i.lon, i.lat)
                        .iter()
                        .map(|c| format!("{} ({})", c.iso3, c.name))
                        .collect();
                    let there = if found.is_empty() {
                        "no country (sea?)".to_owned()
                    } else {
                        found.join(", ")
                    };
                    // The commonest slip: [lat, lon] instead of GeoJSON's [lon, lat].
                    let swapped = (-180.0..=180.0).contains(&i.lat)
                        && (-90.0..=90.0).contains(&i.lon)
                        && country.distance(i.lat, i.lon) <= COAST_TOLERANCE_DEGREES;
                    let hint = if swapped {
                        "; longitude and latitude look swapped (GeoJSON is [lon, lat])"
                    } else {
                        ""
                    };
                    errors.push(fail(
                        "geometry",
                        format!(
                            "[{}, {}] is {:.0} km outside {} ({}); it falls in {there}{hint}",
                            i.lon,
                            i.lat,
                            off * 111.0,
                            country.iso3,
                            country.name
                        ),
                    ));
                }
            }
        }
    }
    Report {
        incidents: loaded.len(),
        regions: 0,
        errors,
    }
}

pub fn region_file(file: &str, text: &str) -> Report {
    let (loaded, mut errors) = regions::parse(file, text);
    for r in &loaded {
        for polygon in &r.geometry.0 {
            if let Err(e) = polygon.check_validation() {
                errors.push(
                    LoadError::file(file, format!("invalid polygon: {e}"))
                        .at_line(line_of_quoted(text, &r.name))
                        .feature(Some(&r.name))
                        .field("geometry"),
                );
                break;
            }
        }
    }
    Report {
        incidents: 0,
        regions: loaded.len(),
        errors,
    }
}
