//! The right-hand panel: what was clicked. One incident in full, a list when several share a
//! spot, or an area with what happened inside it up to the cursor.

use crate::commands::Command;
use crate::map::incidents::kind_color;
use crate::model::filter::{best_killed, best_militants};
use crate::model::waves::date_text;
use crate::model::{Claim, Dataset, GeoPrecision, Incident, Selection};
use egui::{RichText, Ui};

pub fn show(
    ui: &mut Ui,
    dataset: &Dataset,
    selection: &Selection,
    cursor_month: i32,
    mask: &[bool],
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
            }
            Selection::Region(r) => region(ui, dataset, *r, cursor_month, mask),
        });
    asked
}

fn incident(ui: &mut Ui, i: &Incident) {
    ui.label(RichText::new(&i.title).heading().strong());
    ui.colored_label(kind_color(i.kind), i.kind.label());
    ui.add_space(4.0);
    let mut when = date_text(i.date, i.date_precision);
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
        GeoPrecision::District => "district",
        GeoPrecision::Province => "province",
        GeoPrecision::Country => "country only",
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
    let attacks = inside.iter().filter(|i| !i.kind.counts_militants()).count();
    let killed: u32 = inside.iter().filter_map(|i| best_killed(i)).sum();
    let operations = inside.iter().filter(|i| i.kind.counts_militants()).count();
    let militants_killed: u32 = inside.iter().filter_map(|i| best_militants(i)).sum();
    ui.add_space(6.0);
    ui.strong(format!(
        "Up to {}: {} incidents",
        crate::model::date::month_label(cursor_month),
        inside.len(),
    ));
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

fn row(ui: &mut Ui, label: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("{label}:"));
        ui.label(value);
    });
}
