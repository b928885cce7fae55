//! CSV layouts: UCDP GED, ACLED exports, and any CSV whose header names a date, a latitude
//! and a longitude. A real CSV reader is used throughout: UCDP quotes fields that hold line
//! breaks.

use super::table::Text;
use super::text::LineCounter;
use super::{Mapping, Report};
use crate::io::LoadError;
use crate::io::Progress;
use crate::io::gazetteer::Gazetteer;
use crate::model::{Claim, Date, DatePrecision, GeoPrecision, Incident, IncidentKind, Source};
use std::collections::HashMap;
use std::sync::atomic::Ordering;

/// Column positions by lower-case header name.
struct Columns(HashMap<String, usize>);

impl Columns {
    fn new(headers: &csv::StringRecord) -> Self {
        Self(
            headers
                .iter()
                .enumerate()
                .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_lowercase(), i))
                .collect(),
        )
    }

    fn get<'r>(&self, row: &'r csv::StringRecord, name: &str) -> &'r str {
        self.0
            .get(name)
            .and_then(|&i| row.get(i))
            .map_or("", str::trim)
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

fn reader<'t>(text: &'t Text<'_>) -> csv::Reader<&'t [u8]> {
    let first = text.body.lines().next().unwrap_or("");
    // Spreadsheets in many locales write semicolons; some tools write tabs.
    let delimiter = text.delimiter.unwrap_or_else(|| {
        [b',', b';', b'\t']
            .into_iter()
            .max_by_key(|d| first.bytes().filter(|b| b == d).count())
            .unwrap_or(b',')
    });
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.body.as_bytes())
}

/// Physical lines (or a sheet's rows) of a reader's records.
struct Lines<'t> {
    text: &'t Text<'t>,
    counter: LineCounter,
}

impl<'t> Lines<'t> {
    fn new(text: &'t Text<'t>) -> Self {
        Self {
            text,
            counter: LineCounter::default(),
        }
    }

    fn of(&mut self, position: Option<&csv::Position>) -> usize {
        let byte = position.map_or(0, |p| p.byte() as usize);
        let line = self.counter.line_of(self.text.body.as_bytes(), byte);
        self.text.line_in_file(line)
    }
}

/// A row of HXL hashtags under the header (`#date+year`, `#geo+lat`), as the Humanitarian
/// Data Exchange's extracts carry: a second header, not an event.
pub(super) fn is_hxl<'r>(cells: impl Iterator<Item = &'r str>) -> bool {
    let mut tags = 0;
    for c in cells.map(str::trim).filter(|c| !c.is_empty()) {
        let mut chars = c.chars();
        if chars.next() != Some('#') || !chars.next().is_some_and(char::is_alphabetic) {
            return false;
        }
        tags += 1;
    }
    tags > 0
}

fn hxl_note(line: usize) -> String {
    format!(
        "line {line}: a row of HXL hashtags (#date, #geo+lat, ...) under the header, read as a second header and skipped"
    )
}

fn headers(file: &str, text: &Text<'_>, r: &mut csv::Reader<&[u8]>) -> Result<Columns, LoadError> {
    r.headers().map(Columns::new).map_err(|e| {
        LoadError::file(file, format!("cannot read the header line: {e}"))
            .at_line(Some(text.line_in_file(1)))
    })
}

/// "2021-08-26", "2021-08-26 00:00:00.000", "26 August 2021", "26/08/2021", "2021".
pub fn parse_date(s: &str) -> Option<(Date, DatePrecision)> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(Date::parse) {
        return Some((d, DatePrecision::Day));
    }
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let parts: Vec<&str> = s
        .split([' ', '/', '-', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [d, m, y] => {
            let day: u8 = d.parse().ok()?;
            let month = m.parse::<u8>().ok().or_else(|| {
                MONTHS
                    .iter()
                    .position(|n| n.starts_with(&m.to_lowercase()))
                    .map(|i| i as u8 + 1)
            })?;
            Some((Date::new(y.parse().ok()?, month, day)?, DatePrecision::Day))
        }
        [y] if y.len() == 4 => Some((Date::new(y.parse().ok()?, 1, 1)?, DatePrecision::Year)),
        // "2019-11", as KML's gYearMonth and many lists write a month.
        [y, m] if y.len() == 4 && m.len() <= 2 => Some((
            Date::new(y.parse().ok()?, m.parse().ok()?, 1)?,
            DatePrecision::Month,
        )),
        _ => None,
    }
}

/// Whether most of the non-empty values read as dates.
pub(super) fn mostly_dates<'a>(values: impl Iterator<Item = &'a str>) -> bool {
    let (mut dates, mut filled) = (0, 0);
    for v in values.filter(|v| !v.trim().is_empty()) {
        filled += 1;
        if parse_date(v).is_some() {
            dates += 1;
        }
    }
    filled > 0 && dates * 2 > filled
}

/// A number as spreadsheets write it, with a decimal point or, in many locales, a decimal
/// comma ("34,52").
pub(super) fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    s.parse::<f64>().ok().or_else(|| {
        (s.matches(',').count() == 1 && !s.contains('.'))
            .then(|| s.replace(',', ".").parse().ok())
            .flatten()
    })
}

pub(super) fn coordinates(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    let (Some(lat), Some(lon)) = (number(lat), number(lon)) else {
        return Err(format!(
            "latitude '{lat}' / longitude '{lon}' are not numbers"
        ));
    };
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("latitude {lat} / longitude {lon} are out of range"));
    }
    Ok((lon, lat))
}

fn count(s: &str) -> Option<u32> {
    number(s)
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round() as u32)
}

/// ISO3 for a country name, from the embedded outlines' names.
fn iso3(name: &str) -> String {
    static NAMES: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let c = crate::io::countries::Countries::embedded();
        c.names()
            .map(|(iso, n)| (n.to_lowercase(), iso.to_owned()))
            .collect()
    });
    names
        .get(&name.trim().to_lowercase())
        .cloned()
        .unwrap_or_default()
}

/// Walks the rows, handing each to `row` with its line in the file; a row that returns an
/// error is skipped and reported at that line.
fn rows(
    file: &str,
    text: &Text<'_>,
    progress: &Progress,
    mut row: impl FnMut(&Columns, &csv::StringRecord, usize) -> Result<Incident, String>,
    check: impl FnOnce(&Columns) -> Result<(), String>,
) -> Result<(Vec<Incident>, Report), LoadError> {
    let mut r = reader(text);
    let cols = headers(file, text, &mut r)?;
    check(&cols).map_err(|m| LoadError::file(file, m).at_line(Some(text.line_in_file(1))))?;
    let mut out = Vec::new();
    let mut report = Report::default();
    let mut lines = Lines::new(text);
    let mut record = csv::StringRecord::new();
    let mut first = true;
    loop {
        match r.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.of(record.position());
                if std::mem::take(&mut first) && is_hxl(record.iter()) {
                    report.notes.push(hxl_note(line));
                    continue;
                }
                report.rows += 1;
                match row(&cols, &record, line) {
                    Ok(i) => out.push(i),
                    Err(m) => report.skip(LoadError::file(file, m).at_line(Some(line))),
                }
                if report.rows % 4096 == 0 {
                    let at = record.position().map_or(0, |p| p.byte() as usize);
                    progress.done.store(at, Ordering::Relaxed);
                    if progress.cancelled() {
                        return Err(LoadError::file(file, "cancelled"));
                    }
                }
            }
            Err(e) => {
                first = false;
                report.rows += 1;
                let line = lines.of(e.position());
                report.skip(
                    LoadError::file(file, format!("unreadable row: {e}")).at_line(Some(line)),
                );
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
            }
        }
    }
    report.loaded = out.len();
    progress.done.store(text.body.len(), Ordering::Relaxed);
    Ok((out, report))
}

fn require(cols: &Columns, names: &[&str], layout: &str) -> Result<(), String> {
    let missing: Vec<&str> = names.iter().copied().filter(|n| !cols.has(n)).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("{layout}: missing columns {}", missing.join(", ")))
    }
}

/// UCDP Georeferenced Event Dataset, its standard column layout.
pub fn read_ucdp(
    file: &str,
    text: &Text<'_>,
    progress: &Progress,
) -> Result<(Vec<Incident>, Report), LoadError> {
    rows(
        file,
        text,
        progress,
        |c, r, _| {
            let id = c.get(r, "id");
            let (date, _) = parse_date(c.get(r, "date_start"))
                .ok_or_else(|| format!("date_start '{}' is not a date", c.get(r, "date_start")))?;
            let (lon, lat) = coordinates(c.get(r, "latitude"), c.get(r, "longitude"))?;
            let mut i = Incident::new(format!("ucdp-{id}"), date, lon, lat);
            if let Some((end, _)) = parse_date(c.get(r, "date_end")).filter(|(e, _)| *e > date) {
                i.end_date = Some(end);
            }
            // UCDP: 1 exact day, 2-3 within a week, 4 a month, 5 longer.
            i.date_precision = match c.get(r, "date_prec") {
                "4" => DatePrecision::Month,
                "5" => DatePrecision::Year,
                _ => DatePrecision::Day,
            };
            // UCDP: 1 exact place, 2 within 25 km, 3 second-order unit, 4 first-order, 5+ country.
            i.geo_precision = match c.get(r, "where_prec") {
                "1" => GeoPrecision::Site,
                "2" => GeoPrecision::Town,
                "3" => GeoPrecision::District,
                "4" => GeoPrecision::Province,
                _ => GeoPrecision::Country,
            };
            let iso = c.get(r, "iso3");
            i.country = if iso.len() == 3 {
                iso.to_owned()
            } else {
                iso3(c.get(r, "country"))
            };
            i.admin1 = c.get(r, "adm_1").to_owned();
            i.place = c.get(r, "where_coordinates").to_owned();
            let (a, b) = (c.get(r, "side_a"), c.get(r, "side_b"));
            i.actors = vec![a.to_owned(), b.to_owned()];
            i.kind = match c.get(r, "type_of_violence") {
                "3" => IncidentKind::Attack,
                _ => IncidentKind::Clash,
            };
            i.claim = if a == "IS" || b == "IS" {
                Claim::Attributed
            } else {
                Claim::NotApplicable
            };
            i.killed = count(c.get(r, "best"));
            i.killed_low = count(c.get(r, "low"));
            i.killed_high = count(c.get(r, "high"));
            // Where IS is a side, its own dead are militants, not its victims: UCDP counts
            // each side's deaths apart (deaths_a, deaths_b), so take them out of the toll.
            let is_dead = if a == "IS" {
                count(c.get(r, "deaths_a"))
            } else if b == "IS" {
                count(c.get(r, "deaths_b"))
            } else {
                None
            };
            if let Some(dead) = is_dead.filter(|&d| d > 0) {
                let less = |v: Option<u32>| v.map(|v| v.saturating_sub(dead));
                i.killed = less(i.killed);
                i.killed_low = less(i.killed_low);
                i.killed_high = less(i.killed_high);
                i.militants_killed = Some(dead);
            }
            i.title = c.get(r, "dyad_name").to_owned();
            i.summary = [c.get(r, "source_headline"), c.get(r, "where_description")]
                .into_iter()
                .find(|s| !s.is_empty())
                .unwrap_or("")
                .to_owned();
            let version = c.get(r, "ged_version");
            i.sources = vec![Source {
                title: format!("UCDP GED {version} event {id}"),
                publisher: "Uppsala Conflict Data Program (CC BY 4.0)".into(),
                date: c.get(r, "source_date").to_owned(),
                url: format!("https://ucdp.uu.se/event/{id}"),
            }];
            Ok(i)
        },
        |c| {
            require(
                c,
                &[
                    "id",
                    "latitude",
                    "longitude",
                    "date_start",
                    "side_a",
                    "side_b",
                    "best",
                ],
                "UCDP GED",
            )
        },
    )
}

/// An ACLED export: the user's own download; nothing of ACLED ships with the atlas.
pub fn read_acled(
    file: &str,
    text: &Text<'_>,
    progress: &Progress,
) -> Result<(Vec<Incident>, Report), LoadError> {
    rows(
        file,
        text,
        progress,
        |c, r, line| {
            let raw = c.get(r, "event_date");
            let (date, _) =
                parse_date(raw).ok_or_else(|| format!("event_date '{raw}' is not a date"))?;
            let (lon, lat) = coordinates(c.get(r, "latitude"), c.get(r, "longitude"))?;
            let id = match c.get(r, "event_id_cnty") {
                "" => format!("acled-line-{line}"),
                id => format!("acled-{}", id.to_lowercase()),
            };
            let mut i = Incident::new(id, date, lon, lat);
            // ACLED: 1 the day, 2 the week, 3 the month.
            i.date_precision = match c.get(r, "time_precision") {
                "3" => DatePrecision::Month,
                _ => DatePrecision::Day,
            };
            i.geo_precision = match c.get(r, "geo_precision") {
                "1" => GeoPrecision::Town,
                "2" => GeoPrecision::District,
                _ => GeoPrecision::Province,
            };
            let event_type = c.get(r, "event_type");
            i.kind = match event_type {
                "Battles" => IncidentKind::Clash,
                "Strategic developments" => IncidentKind::Plot,
                _ => IncidentKind::Attack,
            };
            i.method = c.get(r, "sub_event_type").to_owned();
            i.actors = [c.get(r, "actor1"), c.get(r, "actor2")]
                .into_iter()
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect();
            i.country = iso3(c.get(r, "country"));
            i.admin1 = c.get(r, "admin1").to_owned();
            i.place = c.get(r, "location").to_owned();
            i.killed = count(c.get(r, "fatalities"));
            i.title = format!("{event_type}: {}", i.actors.join(" vs "));
            i.summary = c.get(r, "notes").to_owned();
            i.sources = vec![Source {
                title: c.get(r, "source").to_owned(),
                publisher: "ACLED export (user's own file)".into(),
                date: date.to_string(),
                url: "https://acleddata.com/".into(),
            }];
            Ok(i)
        },
        |c| {
            require(
                c,
                &["event_date", "latitude", "longitude", "event_type"],
                "ACLED",
            )
        },
    )
}

/// Finds a column by its usual names; `columns` as written in the file.
fn find(columns: &[String], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        columns
            .iter()
            .find(|c| c.trim().trim_start_matches('\u{feff}').to_lowercase() == *n)
            .cloned()
    })
}

/// Column names that hold a place's name.
const PLACE_NAMES: [&str; 11] = [
    "place", "location", "where", "locality", "city", "town", "district", "province", "admin1",
    "ort", "lieu",
];

/// Guesses a generic CSV's mapping from common header names, falling back to the only column
/// whose values are dates. A role left empty is one the user has to pick. A file with no
/// coordinates but a place column is placed by name.
pub(super) fn guess_mapping(columns: &[String], date_columns: &[String]) -> Mapping {
    let by_name = find(
        columns,
        // KML's "when" first: it keeps a month or year as written.
        &[
            "when",
            "date",
            "event_date",
            "date_start",
            "start_date",
            "day",
            "year",
            "datum",
            "fecha",
        ],
    );
    // With the German, French and Spanish words spreadsheets in those locales use.
    let lat = find(columns, &["latitude", "lat", "y", "breite", "latitud"]).unwrap_or_default();
    let lon = find(
        columns,
        &[
            "longitude",
            "lon",
            "lng",
            "long",
            "x",
            "länge",
            "laenge",
            "longitud",
        ],
    )
    .unwrap_or_default();
    let place = if lat.is_empty() || lon.is_empty() {
        find(columns, &PLACE_NAMES)
    } else {
        None
    };
    Mapping {
        date: by_name
            .or_else(|| (date_columns.len() == 1).then(|| date_columns[0].clone()))
            .unwrap_or_default(),
        lat,
        lon,
        place,
        deaths: find(
            columns,
            &[
                "deaths",
                "killed",
                "fatalities",
                "best",
                "dead",
                "tote",
                "morts",
                "muertos",
            ],
        ),
        title: find(
            columns,
            &[
                "title",
                "name",
                "event",
                "description",
                "details",
                "titel",
                "titre",
                "titulo",
            ],
        ),
        category: find(columns, &["category", "type", "kind", "event_type"]),
        sheet: None,
    }
}

/// The header (as written) and the first `n` rows with their lines in the file; a row of
/// HXL hashtags under the header is left out and said.
pub(super) fn head(
    file: &str,
    text: &Text<'_>,
    n: usize,
) -> Result<(Vec<String>, Vec<(usize, Vec<String>)>, Option<String>), LoadError> {
    let mut r = reader(text);
    let columns: Vec<String> = r
        .headers()
        .map_err(|e| {
            LoadError::file(file, format!("cannot read the header line: {e}"))
                .at_line(Some(text.line_in_file(1)))
        })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    let mut hxl = None;
    let mut lines = Lines::new(text);
    let mut record = csv::StringRecord::new();
    let mut first = true;
    while rows.len() < n {
        match r.read_record(&mut record) {
            Ok(true) => {
                let line = lines.of(record.position());
                if std::mem::take(&mut first) && is_hxl(record.iter()) {
                    hxl = Some(hxl_note(line));
                    continue;
                }
                let values = (0..columns.len())
                    .map(|i| record.get(i).unwrap_or("").to_owned())
                    .collect();
                rows.push((line, values));
            }
            Ok(false) => break,
            // A bad row is reported by the import itself; the preview shows the good ones.
            Err(e) if !matches!(e.kind(), csv::ErrorKind::Io(_)) => first = false,
            Err(_) => break,
        }
    }
    Ok((columns, rows, hxl))
}

/// The mapping with names as `Columns` keys them, each checked against the header.
fn resolve(c: &Columns, m: &Mapping) -> Result<Mapping, String> {
    let key = |role: &str, name: &str| {
        let k = name.trim().to_lowercase();
        if c.has(&k) {
            Ok(k)
        } else if name.trim().is_empty() {
            Err(format!(
                "choose the {role} column (or give --columns date=...,lat=...,lon=... or date=...,place=...)"
            ))
        } else {
            Err(format!("no column named '{name}' (chosen for the {role})"))
        }
    };
    let optional = |role: &str, name: &Option<String>| {
        name.as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| key(role, n))
            .transpose()
    };
    let place = optional("place", &m.place)?;
    let by_name = place.is_some() && (m.lat.trim().is_empty() || m.lon.trim().is_empty());
    Ok(Mapping {
        date: key("date", &m.date)?,
        lat: if by_name {
            String::new()
        } else {
            key("latitude", &m.lat)?
        },
        lon: if by_name {
            String::new()
        } else {
            key("longitude", &m.lon)?
        },
        place,
        deaths: optional("deaths", &m.deaths)?,
        title: optional("title", &m.title)?,
        category: optional("category", &m.category)?,
        sheet: m.sheet.clone(),
    })
}

/// A date in the date column; with `serial`, also a spreadsheet's day number (days since
/// 30 December 1899, as Excel and LibreOffice count), which a sheet shows for a date cell
/// not formatted as one.
pub(super) fn date_value(s: &str, serial: bool) -> Option<(Date, DatePrecision)> {
    parse_date(s).or_else(|| {
        let n: f64 = serial.then(|| s.trim().parse().ok()).flatten()?;
        // 1927 to 2119: day numbers, not years or counts.
        if !(10_000.0..=80_000.0).contains(&n) {
            return None;
        }
        // Day 25569 is 1970-01-01.
        Some((
            Date::from_days_since_epoch(n.floor() as i64 - 25_569),
            DatePrecision::Day,
        ))
    })
}

/// Where a row's place name puts it, or why nowhere; each name is looked up once.
#[derive(Default)]
pub(super) struct Placer {
    seen: HashMap<String, Result<crate::io::gazetteer::Hit, String>>,
}

impl Placer {
    pub(super) fn place(&mut self, name: &str) -> Result<crate::io::gazetteer::Hit, String> {
        let name = name.trim();
        if let Some(found) = self.seen.get(name) {
            return found.clone();
        }
        let found = if name.is_empty() {
            Err("no place name".to_owned())
        } else {
            Gazetteer::shared().find(name)
        };
        self.seen.insert(name.to_owned(), found.clone());
        found
    }
}

/// Any CSV (or sheet, or KML) with a date column and coordinate columns or a place column,
/// named by `mapping`.
pub fn read_generic(
    file: &str,
    text: &Text<'_>,
    progress: &Progress,
    mapping: &Mapping,
) -> Result<(Vec<Incident>, Report), LoadError> {
    // Set once the header is read, before the first row.
    let resolved = std::cell::OnceCell::<Mapping>::new();
    let mut placer = Placer::default();
    let (mut by_name, mut by_precision) = (0usize, [0usize; 2]);
    let result = rows(
        file,
        text,
        progress,
        |c, r, line| {
            let m = resolved.get().ok_or("no mapping")?;
            let raw = c.get(r, &m.date);
            let (date, precision) = date_value(raw, text.serial_dates).ok_or_else(|| {
                if raw.is_empty() {
                    format!("no date ({} is empty)", mapping.date.trim())
                } else {
                    format!("{} '{raw}' is not a date", mapping.date.trim())
                }
            })?;
            let mut i = if m.lat.is_empty() {
                let column = m.place.as_deref().unwrap_or("");
                let name = c.get(r, column);
                let hit = placer
                    .place(name)
                    .map_err(|why| format!("place '{name}': {why}"))?;
                // Only files placed by name load the gazetteer.
                let p = &Gazetteer::shared().places[hit.place];
                let mut i = Incident::new(format!("csv-line-{line}"), date, p.lon, p.lat);
                i.geo_precision = hit.precision;
                i.country = p.iso3.clone();
                i.admin1 = p.admin1.clone();
                i.place = name.to_owned();
                i.summary = format!("Placed by name: '{name}' is {}.", hit.matched);
                by_name += 1;
                by_precision[usize::from(hit.precision == GeoPrecision::Province)] += 1;
                i
            } else {
                let (lon, lat) = coordinates(c.get(r, &m.lat), c.get(r, &m.lon))?;
                let mut i = Incident::new(format!("csv-line-{line}"), date, lon, lat);
                if let Some(column) = m.place.as_deref() {
                    i.place = c.get(r, column).to_owned();
                }
                i
            };
            i.date_precision = precision;
            i.killed = m.deaths.as_deref().and_then(|d| count(c.get(r, d)));
            i.title = m
                .title
                .as_deref()
                .map(|t| c.get(r, t).to_owned())
                .unwrap_or_default();
            if i.title.is_empty() {
                i.title = format!("Row {line}");
            }
            i.method = m
                .category
                .as_deref()
                .map(|k| c.get(r, k).to_owned())
                .unwrap_or_default();
            i.sources = vec![Source {
                title: format!("{file}, line {line}"),
                publisher: "user's file".into(),
                date: String::new(),
                url: "https://localhost/".into(),
            }];
            Ok(i)
        },
        |c| {
            let _ = resolved.set(resolve(c, mapping)?);
            Ok(())
        },
    );
    let (incidents, mut report) = result?;
    if by_name > 0 {
        report.notes.push(format!(
            "{by_name} rows placed by name: {} at a town, {} at a province only",
            by_precision[0], by_precision[1]
        ));
    }
    Ok((incidents, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_shapes() {
        let d = Date::new(2021, 8, 26).unwrap();
        assert_eq!(parse_date("2021-08-26"), Some((d, DatePrecision::Day)));
        assert_eq!(
            parse_date("2021-08-26 00:00:00.000"),
            Some((d, DatePrecision::Day))
        );
        assert_eq!(parse_date("26 August 2021"), Some((d, DatePrecision::Day)));
        assert_eq!(parse_date("26/08/2021"), Some((d, DatePrecision::Day)));
        assert_eq!(parse_date("2021").map(|x| x.1), Some(DatePrecision::Year));
        assert_eq!(parse_date("soon"), None);
        assert_eq!(
            parse_date("2019-11"),
            Some((Date::new(2019, 11, 1).unwrap(), DatePrecision::Month))
        );
        assert_eq!(date_value("44434", true), Some((d, DatePrecision::Day)));
        assert_eq!(
            date_value("44434", false),
            None,
            "only a sheet's numbers are days"
        );
        assert_eq!(date_value("170", true), None);
        assert_eq!(number("34,52"), Some(34.52));
        assert_eq!(number("1,234.5"), None);
        assert!(is_hxl(["#date+year", "", "#geo+lat"].into_iter()));
        assert!(!is_hxl(["#1 event", "x"].into_iter()) && !is_hxl(["", ""].into_iter()));
        assert_eq!(parse_date("31/02/2021"), None);
    }
}
