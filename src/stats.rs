//! `iskp-atlas stats`: the numbers behind the charts ([`crate::model::stats::table`]) as a
//! text table, JSON or CSV, for students and tests.

use crate::io::{LoadError, embedded, incidents, totals};
use crate::model::stats::{By, Row, table, to_csv};
use crate::model::{Incident, IncidentKind, PublishedTotal};
use serde_json::json;

pub enum Output {
    Text,
    Json,
    Csv,
}

pub struct Options {
    pub by: By,
    pub countries: Vec<String>,
    pub kinds: Vec<IncidentKind>,
    /// Atlas GeoJSON files to count instead of the embedded data.
    pub files: Vec<std::path::PathBuf>,
    /// A totals file to join instead of the embedded `data/totals.json`.
    pub totals: Option<std::path::PathBuf>,
    pub output: Output,
}

/// What was counted: the incidents, the totals and the data's reach.
struct Input {
    incidents: Vec<Incident>,
    totals: Vec<PublishedTotal>,
    data_through: Option<i32>,
}

fn read(path: &std::path::Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path)
        .map_err(|e| LoadError::file(&path.display().to_string(), format!("cannot read: {e}")))
}

fn input(o: &Options) -> Result<Input, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut input = Input {
        incidents: Vec::new(),
        totals: Vec::new(),
        data_through: None,
    };
    if o.files.is_empty() {
        let (name, text) = embedded::INCIDENTS;
        let (loaded, errs) = incidents::parse(name, text);
        input.incidents = loaded;
        errors.extend(errs);
        input.data_through = embedded::data_through();
    }
    for path in &o.files {
        let name = path.display().to_string();
        match read(path) {
            Ok(text) => {
                let (loaded, errs) = incidents::parse(&name, &text);
                input.incidents.extend(loaded);
                errors.extend(errs);
                match incidents::data_through(&name, &text) {
                    Ok(m) => input.data_through = input.data_through.max(m),
                    Err(e) => errors.push(e),
                }
            }
            Err(e) => errors.push(e),
        }
    }
    match &o.totals {
        None => input.totals = embedded::totals().to_vec(),
        Some(path) => match read(path) {
            Ok(text) => {
                let (loaded, errs) = totals::parse(&path.display().to_string(), &text);
                input.totals = loaded;
                errors.extend(errs);
            }
            Err(e) => errors.push(e),
        },
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

/// The table for `o`, or the problems that stopped it (file, line, field).
pub fn rows(o: &Options) -> Result<(Option<i32>, Vec<Row>), Vec<LoadError>> {
    let input = input(o)?;
    let rows = table(
        input.incidents.iter(),
        o.by,
        &o.countries,
        &o.kinds,
        &input.totals,
    );
    Ok((input.data_through, rows))
}

/// The whole output as text.
pub fn run(o: &Options) -> Result<String, Vec<LoadError>> {
    let (through, rows) = rows(o)?;
    let through = through.map(crate::model::date::month_code);
    Ok(match o.output {
        Output::Json => json!({"data_through": through, "rows": rows}).to_string(),
        Output::Csv => to_csv(&rows),
        Output::Text => text(through.as_deref(), &rows),
    })
}

fn text(through: Option<&str>, rows: &[Row]) -> String {
    let mut out = format!(
        "ISKP Atlas counts (data through {}). Victims are people ISKP killed; militants are ISKP fighters killed in operations against it.\n",
        through.unwrap_or("not stated")
    );
    out.push_str(&format!(
        "{:<8} {:<4} {:>7} {:>8} {:>13} {:>7} {:>10} {:>9} {:>10} {:>5} {:>6}\n",
        "period",
        "ctry",
        "attacks",
        "victims",
        "victims range",
        "injured",
        "operations",
        "militants",
        "bystanders",
        "plots",
        "leader"
    ));
    for r in rows {
        out.push_str(&format!(
            "{:<8} {:<4} {:>7} {:>8} {:>13} {:>7} {:>10} {:>9} {:>10} {:>5} {:>6}\n",
            r.period,
            r.country,
            r.attacks,
            r.victims_killed,
            format!("{}-{}", r.victims_killed_low, r.victims_killed_high),
            r.injured,
            r.operations,
            r.militants_killed,
            r.civilians_killed_in_operations,
            r.plots,
            r.leadership
        ));
        for p in &r.published {
            out.push_str(&format!(
                "         published: {} {} in {}, {} ({}, {})\n",
                if p.approximate {
                    format!("about {}", p.value)
                } else {
                    p.value.to_string()
                },
                p.counts,
                p.country,
                p.period,
                p.source,
                p.url
            ));
        }
    }
    out
}
