//! The right-hand panel: what was clicked. One incident in full, a list when several share a
//! spot, an area with what happened inside it up to the cursor, or a province with its
//! numbers for the period shown.

use crate::commands::Command;
use crate::map::incidents::kind_color;
use crate::model::filter::{best_killed, best_militants};
use crate::model::waves::date_text;
use crate::model::{Claim, Dataset, GeoPrecision, Incident, Selection};
use egui::{RichText, Ui};

/// What the panel counts with besides the selection.
pub struct Context<'a> {
    pub cursor_month: i32,
    pub mask: &'a [bool],
    /// A selected province's incidents in the period shown, and that period in words.
    pub province_members: &'a [u32],
    pub period: String,
}

pub fn show(
    ui: &mut Ui,
    dataset: &Dataset,
    selection: &Selection,
    cx: &Context,
) -> Option<Command> {
    let mut asked = None;
    ui.horizontal(|ui| {
        ui.heading("Details");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if super::command::button(ui, &Command::CloseDetails).clicked() {
                asked = Some(Command::CloseDetails);
            }
        });
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match selection {
            Selection::None => {}
            Selection::Incident(i) => incident(ui, &dataset.incidents()[*i as usize]),
            Selection::Many(ids) => {
                ui.label(format!("{} incidents here. Choose one:", ids.len()));
                if let Some(c) = list(ui, dataset, ids) {
                    asked = Some(c);
                }
            }
            Selection::Region(r) => region(ui, dataset, *r, cx.cursor_month, cx.mask),
            Selection::Province(n) => {
                if let Some(c) = province(ui, dataset, *n, cx) {
                    asked = Some(c);
                }
            }
        });
    asked
}

/// Incidents to choose from, newest last; a click asks for that one.
fn list(ui: &mut Ui, dataset: &Dataset, ids: &[u32]) -> Option<Command> {
    let mut asked = None;
    for &i in ids {
        let inc = &dataset.incidents()[i as usize];
        let text = format!(
            "{} · {}",
            date_text(inc.date, inc.date_precision),
            inc.title
        );
        if ui
            .selectable_label(false, RichText::new(text).color(kind_color(inc.kind)))
            .clicked()
        {
            asked = Some(Command::Select(i));
        }
    }
    asked
}

/// A province clicked on the provinces map: its numbers for the period, then its incidents.
fn province(ui: &mut Ui, dataset: &Dataset, n: usize, cx: &Context) -> Option<Command> {
    let p = crate::io::provinces::Provinces::shared().get(n)?;
    ui.label(RichText::new(&p.name).heading().strong());
    ui.label(format!("Province of {}", p.iso3));
    let inside: Vec<&Incident> = cx
        .province_members
        .iter()
        .map(|&i| &dataset.incidents()[i as usize])
        .collect();
    ui.add_space(6.0);
    ui.strong(format!("{}: {} incidents", cx.period, inside.len()));
    counts(ui, &inside);
    ui.add_space(6.0);
    list(ui, dataset, cx.province_members)
}

/// Victims and militants, each with their own kinds, never added together.
fn counts(ui: &mut Ui, inside: &[&Incident]) {
    let attacks = inside.iter().filter(|i| !i.kind.counts_militants()).count();
    let killed: u32 = inside.iter().filter_map(|i| best_killed(i)).sum();
    let operations = inside.iter().filter(|i| i.kind.counts_militants()).count();
    let militants_killed: u32 = inside.iter().filter_map(|i| best_militants(i)).sum();
    row(
        ui,
        "Attacks, clashes, plots",
        &format!("{attacks}, {killed} killed by ISKP (victims)"),
    );
    row(
        ui,
        "Operations, leadership",
        &format!("{operations}, {militants_killed} militants killed"),
    );
    ui.label(
        RichText::new("Counted from the incidents in this atlas that pass the filters.").small(),
    );
}

fn incident(ui: &mut Ui, i: &Incident) {
    ui.label(RichText::new(&i.title).heading().strong());
    ui.colored_label(kind_color(i.kind), i.kind.label());
    ui.add_space(4.0);
    let mut when = crate::model::waves::when_text(i.date, i.date_precision);
    if let Some(end) = i.end_date {
        when = format!(
            "{when} to {}",
            date_text(end, crate::model::DatePrecision::Day)
        );
    }
    let precision = match i.date_precision {
        crate::model::DatePrecision::Day => "",
        crate::model::DatePrecision::Month => " (month known, not the day)",
        crate::model::DatePrecision::Year => " (only the year is known)",
    };
    row(ui, "Date", &format!("{when}{precision}"));
    let place_precision = match i.geo_precision {
        GeoPrecision::Site => "exact site",
        GeoPrecision::Town => "town",
        GeoPrecision::District => "district only: drawn as a soft disc",
        GeoPrecision::Province => "province only: drawn as the province",
        GeoPrecision::Country => "country only: drawn as the country",
    };
    let admin1 = if i.admin1.is_empty() {
        String::new()
    } else {
        format!(", {}", i.admin1)
    };
    row(
        ui,
        "Place",
        &format!("{}{admin1}, {} ({place_precision})", i.place, i.country),
    );
    if i.kind.counts_militants() {
        row(ui, "Militants killed", &militants(i));
        if let Some(c) = i.civilians_killed {
            row(ui, "Bystanders killed", &c.to_string());
        }
    } else {
        row(ui, "Killed (victims)", &deaths(i));
        row(
            ui,
            "Injured",
            &i.injured.map_or("not known".to_owned(), |n| n.to_string()),
        );
        if let Some(m) = i.militants_killed {
            row(ui, "ISKP fighters killed", &m.to_string());
        }
    }
    let claim = match i.claim {
        Claim::Claimed => "claimed by IS / ISKP",
        Claim::Attributed => "attributed to ISKP (no claim)",
        Claim::Disputed => "disputed",
        Claim::Unclaimed => "unclaimed",
        Claim::NotApplicable => "not applicable",
    };
    row(ui, "Claim", claim);
    if let Some(by) = &i.attributed_by {
        row(ui, "Attributed by", by);
    }
    if !i.method.is_empty() {
        row(ui, "Method", &i.method);
    }
    if !i.targets.is_empty() {
        row(ui, "Targets", &i.targets.join(", "));
    }
    ui.add_space(6.0);
    ui.label(&i.summary);
    if let Some(r) = &i.paper_ref {
        ui.add_space(6.0);
        row(ui, "In the paper", r);
    }
    ui.add_space(6.0);
    ui.strong("Sources");
    for s in &i.sources {
        // Opens in the system browser.
        ui.hyperlink_to(
            format!("{} — {} ({})", s.title, s.publisher, s.date),
            &s.url,
        )
        .on_hover_text(&s.url);
    }
}

/// "183 (reports range 170–185)": victims, as the data has them.
pub fn deaths(i: &Incident) -> String {
    range_text(i.killed, i.killed_low, i.killed_high)
}

/// Militants killed in an operation, in the same form.
pub fn militants(i: &Incident) -> String {
    range_text(
        i.militants_killed,
        i.militants_killed_low,
        i.militants_killed_high,
    )
}

fn range_text(best: Option<u32>, low: Option<u32>, high: Option<u32>) -> String {
    match (best, low, high) {
        (Some(k), Some(lo), Some(hi)) if lo != hi => format!("{k} (reports range {lo}–{hi})"),
        (Some(k), _, _) => k.to_string(),
        (None, Some(lo), Some(hi)) if lo != hi => format!("not settled (reports range {lo}–{hi})"),
        (None, Some(lo), None) => format!("at least {lo}"),
        _ => "not known".to_owned(),
    }
}

fn region(ui: &mut Ui, dataset: &Dataset, r: usize, cursor_month: i32, mask: &[bool]) {
    let Some(region) = dataset.regions.get(r) else {
        return;
    };
    ui.label(RichText::new(&region.name).heading().strong());
    ui.label(region.role.label());
    ui.add_space(4.0);
    ui.label(&region.description);
    row(ui, "In the paper", &region.paper_ref);
    let inside: Vec<&Incident> = dataset
        .region_members(r)
        .iter()
        .filter(|&&i| {
            dataset.month(i) <= cursor_month && mask.get(i as usize).copied().unwrap_or(false)
        })
        .map(|&i| &dataset.incidents()[i as usize])
        .collect();
    ui.add_space(6.0);
    ui.strong(format!(
        "Up to {}: {} incidents",
        crate::model::date::month_label(cursor_month),
        inside.len(),
    ));
    counts(ui, &inside);
}

fn row(ui: &mut Ui, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{label}:"));
        ui.label(value);
    });
}
