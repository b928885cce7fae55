//! Counts for the charts, computed from whatever incidents are loaded and filtered, so they
//! always match the map (and are labelled as the atlas's counts, not the paper's).

use super::Incident;
use super::IncidentKind;
use super::filter::{best_killed, best_militants};
use std::collections::BTreeMap;

/// Which incidents a chart counts: the paper's Figures 1 and 3 count attacks, so that is
/// the default; victims and militants are never summed into one bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    #[default]
    Attacks,
    Operations,
    Plots,
    All,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [Self::Attacks, Self::Operations, Self::Plots, Self::All];

    pub fn label(self) -> &'static str {
        match self {
            Self::Attacks => "attacks",
            Self::Operations => "operations",
            Self::Plots => "plots",
            Self::All => "all",
        }
    }

    pub fn includes(self, kind: IncidentKind) -> bool {
        match self {
            Self::Attacks => kind == IncidentKind::Attack,
            Self::Operations => kind.counts_militants(),
            Self::Plots => kind == IncidentKind::Plot,
            Self::All => true,
        }
    }

    /// What its "killed" view sums: victims for attacks, militants for operations, nothing
    /// for plots and for all kinds together (the two would mix).
    pub fn deaths(self) -> Option<&'static str> {
        match self {
            Self::Attacks => Some("victims killed"),
            Self::Operations => Some("militants killed"),
            Self::Plots | Self::All => None,
        }
    }
}

/// One year's counts for a chart, split Afghanistan / Pakistan / elsewhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearCounts {
    pub incidents: [u32; 3],
    /// Victims for attacks, militants for operations (see [`ChartKind::deaths`]).
    pub killed: [u32; 3],
}

pub const COUNTRY_GROUPS: [&str; 3] = ["Afghanistan", "Pakistan", "Elsewhere"];

fn group(country: &str) -> usize {
    match country {
        "AFG" => 0,
        "PAK" => 1,
        _ => 2,
    }
}

pub fn per_year<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
    kind: ChartKind,
) -> BTreeMap<i32, YearCounts> {
    let mut out: BTreeMap<i32, YearCounts> = BTreeMap::new();
    for i in incidents.filter(|i| kind.includes(i.kind)) {
        let y = out.entry(i.date.year).or_default();
        let g = group(&i.country);
        y.incidents[g] += 1;
        y.killed[g] += match kind {
            ChartKind::Attacks => best_killed(i).unwrap_or(0),
            ChartKind::Operations => best_militants(i).unwrap_or(0),
            ChartKind::Plots | ChartKind::All => 0,
        };
    }
    out
}

/// The numbers behind the charts for one period and country (`iskp-atlas stats`).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Row {
    /// "2021" or "2021-08".
    pub period: String,
    /// ISO3, or "all".
    pub country: String,
    pub attacks: u32,
    /// Killed by ISKP in attacks and clashes: victims, never attackers or militants.
    pub victims_killed: u32,
    pub victims_killed_low: u32,
    pub victims_killed_high: u32,
    pub injured: u32,
    pub clashes: u32,
    pub operations: u32,
    /// Militants killed in operations and leadership strikes.
    pub militants_killed: u32,
    /// Bystanders killed by operations against ISKP.
    pub civilians_killed_in_operations: u32,
    pub plots: u32,
    pub leadership: u32,
    pub published: Vec<Published>,
}

/// A published total joined to a row: its period lies inside the row's.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Published {
    pub value: u32,
    pub counts: &'static str,
    pub source: String,
    pub url: String,
    pub country: String,
    pub period: String,
    pub approximate: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    Year,
    Month,
}

/// Rows per period (and per country in `countries`, else one "all" row per period), over
/// the incidents of `kinds` (all when empty). Periods run from the first to the last with an
/// incident, so empty years show as zeros rather than vanish.
pub fn table<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
    by: By,
    countries: &[String],
    kinds: &[IncidentKind],
    totals: &[crate::model::PublishedTotal],
) -> Vec<Row> {
    let period = |month: i32| match by {
        By::Year => month.div_euclid(12),
        By::Month => month,
    };
    let keys: Vec<String> = if countries.is_empty() {
        vec!["all".to_owned()]
    } else {
        countries.to_vec()
    };
    let mut rows: BTreeMap<(i32, usize), Row> = BTreeMap::new();
    let mut span: Option<(i32, i32)> = None;
    for i in incidents.filter(|i| kinds.is_empty() || kinds.contains(&i.kind)) {
        let Some(k) = keys.iter().position(|c| c == "all" || *c == i.country) else {
            continue;
        };
        let p = period(i.date.month_index());
        span = Some(span.map_or((p, p), |(a, b)| (a.min(p), b.max(p))));
        let row = rows.entry((p, k)).or_default();
        add(row, i);
    }
    let Some((first, last)) = span else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in first..=last {
        for (k, country) in keys.iter().enumerate() {
            let mut row = rows.remove(&(p, k)).unwrap_or_default();
            let (from, to, label) = match by {
                By::Year => (p * 12, p * 12 + 11, p.to_string()),
                By::Month => (p, p, super::date::month_code(p)),
            };
            row.period = label;
            row.country = country.clone();
            row.published = totals
                .iter()
                .filter(|t| {
                    t.within_months(from, to) && (country == "all" || t.country == *country)
                })
                .map(|t| Published {
                    value: t.value,
                    counts: t.counts.code(),
                    source: t.source.clone(),
                    url: t.url.clone(),
                    country: t.country.clone(),
                    period: t.period_text(),
                    approximate: t.approximate,
                })
                .collect();
            out.push(row);
        }
    }
    out
}

fn add(row: &mut Row, i: &Incident) {
    match i.kind {
        IncidentKind::Attack | IncidentKind::Clash | IncidentKind::Plot => {
            let best = best_killed(i).unwrap_or(0);
            row.victims_killed += best;
            row.victims_killed_low += i.killed_low.map_or(best, |l| l.min(best));
            row.victims_killed_high += i.killed_high.map_or(best, |h| h.max(best));
            row.injured += i.injured.unwrap_or(0);
            match i.kind {
                IncidentKind::Attack => row.attacks += 1,
                IncidentKind::Clash => row.clashes += 1,
                _ => row.plots += 1,
            }
        }
        IncidentKind::CtOperation | IncidentKind::Leadership => {
            row.militants_killed += best_militants(i).unwrap_or(0);
            row.civilians_killed_in_operations += i.civilians_killed.unwrap_or(0);
            if i.kind == IncidentKind::CtOperation {
                row.operations += 1;
            } else {
                row.leadership += 1;
            }
        }
    }
}

/// The table as CSV: one line per row, published totals joined into one text column.
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = String::from(
        "period,country,attacks,victims_killed,victims_killed_low,victims_killed_high,injured,clashes,operations,militants_killed,civilians_killed_in_operations,plots,leadership,published\n",
    );
    for r in rows {
        let published: Vec<String> = r
            .published
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} ({}; {})",
                    p.value, p.counts, p.country, p.source, p.url
                )
            })
            .collect();
        let published = published.join(" | ").replace('"', "'");
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},\"{published}\"\n",
            r.period,
            r.country,
            r.attacks,
            r.victims_killed,
            r.victims_killed_low,
            r.victims_killed_high,
            r.injured,
            r.clashes,
            r.operations,
            r.militants_killed,
            r.civilians_killed_in_operations,
            r.plots,
            r.leadership
        ));
    }
    out
}

/// Pakistani incidents per year and province (the paper's Figure 4), by common name.
pub fn pakistan_provinces<'a>(
    incidents: impl Iterator<Item = &'a Incident>,
) -> BTreeMap<i32, BTreeMap<&'static str, u32>> {
    let mut out: BTreeMap<i32, BTreeMap<&'static str, u32>> = BTreeMap::new();
    for i in incidents.filter(|i| i.country == "PAK") {
        *out.entry(i.date.year)
            .or_default()
            .entry(pakistan_province(&i.admin1))
            .or_default() += 1;
    }
    out
}

/// Natural Earth's Pakistani admin-1 names as people say them.
pub fn pakistan_province(ne_name: &str) -> &'static str {
    match ne_name {
        "Baluchistan" => "Balochistan",
        "K.P." => "Khyber Pakhtunkhwa",
        "F.A.T.A." => "FATA",
        "Sind" => "Sindh",
        "Punjab" => "Punjab",
        "F.C.T." => "Islamabad",
        "Azad Kashmir" => "Azad Kashmir",
        "Northern Areas" => "Gilgit-Baltistan",
        _ => "Unknown",
    }
}

/// How many incidents name each target, most common first.
pub fn targets<'a>(incidents: impl Iterator<Item = &'a Incident>) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for i in incidents {
        for t in &i.targets {
            *counts.entry(t.to_lowercase()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u32)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// What the per-year chart counts; kept in the saved state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ChartSettings {
    pub kind: ChartKind,
    /// Deaths instead of counts: victims for attacks, militants for operations.
    pub deaths: bool,
}

impl ChartSettings {
    /// Deaths only where they do not mix victims and militants.
    pub fn deaths_shown(self) -> bool {
        self.deaths && self.kind.deaths().is_some()
    }
}
