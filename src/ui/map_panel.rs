//! The left panel's "Map" section: how the incidents are shown (points, density, provinces,
//! two periods), what is counted, the periods compared, exact places only, how to read the
//! mode, and the briefer's ruler, notes and arrows.

use super::mode_key::{ModeKey, rows};
use crate::commands::Command;
use crate::map::notes::Tool;
use crate::model::{Compare, MapMode, MapNote, Measure};
use crate::state::State;
use egui::Ui;

pub fn show(
    ui: &mut Ui,
    state: &State,
    key: Option<&ModeKey>,
    tool: Tool,
    last_month: i32,
    dark: bool,
) -> Vec<Command> {
    let mut out = Vec::new();
    ui.heading("Map");
    ui.horizontal_wrapped(|ui| {
        for mode in MapMode::ALL {
            let c = Command::SetMode(mode);
            if ui
                .selectable_label(state.mode == mode, mode.label())
                .on_hover_text(super::command::hint(&c))
                .clicked()
            {
                out.push(c);
            }
        }
    });
    if matches!(state.mode, MapMode::Density | MapMode::Provinces) {
        ui.horizontal(|ui| {
            ui.label("Count:");
            for m in [Measure::Incidents, Measure::Victims] {
                let c = Command::SetMeasure(m);
                if ui
                    .selectable_label(state.measure == m, c.label())
                    .on_hover_text(super::command::hint(&c))
                    .clicked()
                {
                    out.push(c);
                }
            }
        });
    }
    if state.mode == MapMode::Compare {
        compare_choices(ui, &state.compare, last_month, &mut out);
    }
    let mut exact = state.filter.exact_places;
    if ui
        .checkbox(&mut exact, Command::ToggleExactPlaces.label())
        .on_hover_text(super::command::hint(&Command::ToggleExactPlaces))
        .changed()
    {
        out.push(Command::ToggleExactPlaces);
    }
    // Density's and the provinces' keys sit on the map itself (`mode_key::overlay`).
    if let Some(key) = key.filter(|k| k.has_markers()) {
        rows(ui, key, 13.0, ui.visuals().text_color(), dark);
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for (c, t) in [
            (Command::ToggleRuler, Tool::Ruler),
            (Command::AddNote, Tool::Note),
            (Command::AddArrow, Tool::Arrow),
        ] {
            if ui
                .selectable_label(tool == t, c.label())
                .on_hover_text(super::command::hint(&c))
                .clicked()
            {
                out.push(c);
            }
        }
    });
    notes(ui, &state.notes, &mut out);
    out
}

/// The two periods: presets for the paper's waves, and each period's years.
fn compare_choices(ui: &mut Ui, compare: &Compare, last_month: i32, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for (name, preset) in Compare::presets(last_month) {
            let on = preset.a == compare.a && preset.b == compare.b;
            if ui.selectable_label(on, name).clicked() {
                out.push(Command::SetCompare(Box::new(preset)));
            }
        }
    });
    let first = crate::timeline::FIRST_YEAR;
    let last = last_month / 12;
    for side in 0..2 {
        let period = if side == 0 { compare.a } else { compare.b };
        let (mut from, mut to) = (period.from / 12, period.to / 12);
        let changed = ui
            .horizontal(|ui| {
                ui.label(if side == 0 { "Left:" } else { "Right:" });
                let a = ui.add(egui::DragValue::new(&mut from).range(first..=last));
                ui.label("to");
                let b = ui.add(egui::DragValue::new(&mut to).range(first..=last));
                a.changed() || b.changed()
            })
            .inner;
        if changed {
            let mut c = compare.clone();
            let p = crate::model::Period::years(from.min(to), to.max(from));
            if side == 0 {
                c.a = p;
            } else {
                c.b = p;
            }
            out.push(Command::SetCompare(Box::new(c)));
        }
    }
}

fn notes(ui: &mut Ui, notes: &[MapNote], out: &mut Vec<Command>) {
    if notes.is_empty() {
        return;
    }
    for (i, n) in notes.iter().enumerate() {
        ui.horizontal(|ui| {
            let what = if n.from.is_some() { "Arrow" } else { "Note" };
            let text = if n.text.is_empty() {
                what.to_owned()
            } else {
                format!("{what}: {}", n.text)
            };
            ui.label(egui::RichText::new(text).small());
            let c = Command::RemoveNote(i);
            if super::command::button(ui, &c).clicked() {
                out.push(c);
            }
        });
    }
    let c = Command::ClearNotes;
    if super::command::button(ui, &c).clicked() {
        out.push(c);
    }
}
