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
    pub totals: usize,
    /// The month the embedded data's sweep reached, for the report's last line.
    pub data_through: Option<i32>,
    pub errors: Vec<LoadError>,
    /// What the import recognised and set aside, or how it placed rows, per file: a row of
    /// HXL hashtags, a workbook's other sheets, rows placed by name.
    pub notes: Vec<String>,
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
        json!({
            "incidents": self.incidents, "regions": self.regions, "totals": self.totals,
            "data_through": self.data_through.map(crate::model::date::month_code),
            "errors": errors, "notes": self.notes,
        })
    }

    fn add(&mut self, other: Report) {
        self.incidents += other.incidents;
        self.regions += other.regions;
        self.totals += other.totals;
        self.data_through = self.data_through.or(other.data_through);
        self.errors.extend(other.errors);
        self.notes.extend(other.notes);
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
    let (name, text) = embedded::TOTALS;
    report.add(totals_file(name, text));
    for (name, text) in embedded::REGION_FILES {
        report.add(region_file(name, text));
    }
    // The story: its incidents exist in its years, its views are sane, its speaker notes
    // are there and short enough to read at a glance.
    let (name, text) = embedded::CHAPTERS;
    match crate::io::chapters::parse(name, text) {
        Ok(chapters) => {
            let (dataset, _) = embedded::load();
            let errors = crate::io::chapters::check(name, text, &chapters, &dataset);
            report.errors.extend(errors);
        }
        Err(e) => report.errors.push(e),
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
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                report
                    .errors
                    .push(LoadError::file(&name, format!("cannot read: {e}")));
                continue;
            }
        };
        // The atlas's own files are UTF-8 JSON; anything else (sheets, UTF-16, KML) is
        // checked the way the import reads it.
        let text = String::from_utf8_lossy(&bytes);
        use crate::io::import::{self, Format};
        if is_region_file(&text) {
            report.add(region_file(&name, &text));
        } else if is_totals_file(&text) {
            report.add(totals_file(&name, &text));
        } else if matches!(import::detect(&text), None | Some(Format::AtlasGeoJson))
            && std::str::from_utf8(&bytes).is_ok()
        {
            report.add(incident_file(&name, &text, countries, today));
        } else {
            // Other formats are checked the way the atlas reads them: every row it would skip
            // is an error here.
            match import::read_columns(&name, &bytes, 1, &crate::io::Progress::default(), columns) {
                Ok((_, incidents, r)) => {
                    report.incidents += incidents.len();
                    report
                        .notes
                        .extend(r.notes.iter().map(|n| format!("{name}: {n}")));
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

/// Totals files are an object with a `totals` array.
fn is_totals_file(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .is_some_and(|root| root.get("totals").is_some_and(|t| t.is_array()))
}

pub fn totals_file(file: &str, text: &str) -> Report {
    let (loaded, errors) = crate::io::totals::parse(file, text);
    Report {
        totals: loaded.len(),
        errors,
        ..Default::default()
    }
}

/// Each of `fields` that holds a number is an error, for `why`.
fn refuse_set(
    out: &mut Vec<(&'static str, String)>,
    fields: [(&'static str, Option<u32>); 3],
    why: &str,
) {
    for (field, v) in fields {
        if v.is_some() {
            out.push((field, why.to_owned()));
        }
    }
}

/// The victims/militants rule and the inclusion rule (data/README.md), as checks: victims
/// belong to attacks, clashes and plots; militants to operations, leadership events and
/// clashes; bystanders of an operation to operations alone. An attack, clash or plot is in
/// the atlas only when claimed, attributed or disputed.
fn kind_rules(i: &crate::model::Incident) -> Vec<(&'static str, String)> {
    use crate::model::{Claim, IncidentKind};
    let mut out = Vec::new();
    let kind = i.kind.code();
    if i.kind.counts_militants() {
        let why = format!(
            "a {kind} has no victims: put militants in militants_killed, bystanders in civilians_killed"
        );
        refuse_set(
            &mut out,
            [
                ("killed", i.killed),
                ("killed_low", i.killed_low),
                ("killed_high", i.killed_high),
            ],
            &why,
        );
        if i.claim != Claim::NotApplicable {
            out.push(("claim", format!("a {kind} takes claim not_applicable")));
        }
    } else {
        if matches!(i.kind, IncidentKind::Attack | IncidentKind::Plot) {
            let why = format!(
                "an {kind}'s attackers are never counted: militants_killed belongs to operations and clashes"
            );
            refuse_set(
                &mut out,
                [
                    ("militants_killed", i.militants_killed),
                    ("militants_killed_low", i.militants_killed_low),
                    ("militants_killed_high", i.militants_killed_high),
                ],
                &why,
            );
        }
        if i.civilians_killed.is_some() {
            out.push((
                "civilians_killed",
                "civilians_killed counts bystanders of an operation against ISKP; a victim of ISKP goes in killed".to_owned(),
            ));
        }
        if matches!(i.claim, Claim::Unclaimed | Claim::NotApplicable) {
            out.push((
                "claim",
                format!("'{}' does not meet the inclusion rule: an {kind} must be claimed, attributed or disputed", i.claim.code()),
            ));
        }
    }
    out
}

pub fn incident_file(file: &str, text: &str, countries: &Countries, today: Date) -> Report {
    let (loaded, mut errors) = incidents::parse(file, text);
    match incidents::data_through(file, text) {
        Err(e) => errors.push(e),
        Ok(None) => errors.push(
            LoadError::file(
                file,
                "no data_through: state the month the sweep of sources reached, as \"YYYY-MM\"",
            )
            .field("data_through"),
        ),
        Ok(Some(through)) => {
            let line = crate::io::error::line_of_key(text, "data_through");
            // Future dates are errors of their own; the latest real incident bounds the sweep.
            if let Some(last) = loaded
                .iter()
                .filter(|i| i.date <= today)
                .max_by_key(|i| i.date)
            {
                if last.date.month_index() > through {
                    errors.push(
                        LoadError::file(
                            file,
                            format!(
                                "{} is before the latest incident, '{}' of {}",
                                crate::model::date::month_code(through),
                                last.id,
                                last.date
                            ),
                        )
                        .at_line(line)
                        .field("data_through"),
                    );
                }
            }
            if through > today.month_index() {
                errors.push(
                    LoadError::file(
                        file,
                        format!(
                            "{} is in the future",
                            crate::model::date::month_code(through)
                        ),
                    )
                    .at_line(line)
                    .field("data_through"),
                );
            }
        }
    }
    for i in &loaded {
        let fail = |field: &str, message: String| {
            LoadError::file(file, message)
                .at_line(line_of_quoted(text, &i.id))
                .feature(Some(&i.id))
                .field(field)
        };
        for (field, message) in kind_rules(i) {
            errors.push(fail(field, message));
        }
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
        data_through: incidents::data_through(file, text).ok().flatten(),
        errors,
        ..Default::default()
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
        regions: loaded.len(),
        errors,
        ..Default::default()
    }
}
