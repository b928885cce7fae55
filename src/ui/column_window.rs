//! The column step of an import: for a CSV, sheet or KML file of no known layout (or GeoJSON
//! with several date properties) the user says which column holds the date, the coordinates
//! or a place name and, if any, the deaths, a title and a category, and sees at once what the
//! first rows will read as.

use crate::commands::Command;
use crate::io::import::{Format, Mapping, Preview};

pub fn show(
    ctx: &egui::Context,
    name: &str,
    preview: &Preview,
    mapping: &mut Mapping,
) -> Option<Command> {
    let mut asked = None;
    let mut open = true;
    let geojson = preview.format == Format::GeoJsonPoints;
    egui::Window::new(format!("Columns of {name}"))
        .id(egui::Id::unique("column-window"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(560.0)
        .show(ctx, |ui| {
            ui.label(if geojson {
                "More than one property holds dates. Choose the one that dates each event; the rows below show what will be read."
            } else {
                "Say which column holds each value; the rows below show what will be read. With no coordinates, choose a place column: rows are placed by name against the atlas's gazetteer (Natural Earth towns and provinces), and a name that matches nothing or several places is left out."
            });
            ui.add_space(4.0);
            if preview.sheets.len() > 1 {
                ui.horizontal(|ui| {
                    let label = ui.label("Sheet");
                    let mut chosen = preview.sheet.clone();
                    egui::ComboBox::from_id_salt("column-sheet")
                        .selected_text(&chosen)
                        .show_ui(ui, |ui| {
                            for s in &preview.sheets {
                                ui.selectable_value(&mut chosen, s.clone(), s);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if chosen != preview.sheet {
                        asked = Some(Command::ShowSheet(chosen));
                    }
                });
            }
            for note in &preview.notes {
                ui.weak(note);
            }
            egui::Grid::new("column-roles")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    required(ui, "Date", &mut mapping.date, preview);
                    if !geojson {
                        required(ui, "Latitude", &mut mapping.lat, preview);
                        required(ui, "Longitude", &mut mapping.lon, preview);
                        optional(ui, "Place name", &mut mapping.place, preview);
                    }
                    optional(ui, "Deaths", &mut mapping.deaths, preview);
                    optional(ui, "Title", &mut mapping.title, preview);
                    optional(ui, "Category", &mut mapping.category, preview);
                });
            ui.separator();
            let tried = preview.try_rows(mapping);
            let good = tried.iter().filter(|r| r.is_ok()).count();
            ui.strong(format!(
                "{good} of the first {} {} read",
                tried.len(),
                if geojson { "features" } else { "rows" }
            ));
            egui::Grid::new("column-preview")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for ((line, _), result) in preview.rows.iter().zip(&tried) {
                        ui.weak(if geojson {
                            format!("feature {line}")
                        } else if preview.format.is_sheet() {
                            format!("row {line}")
                        } else {
                            format!("line {line}")
                        });
                        match result {
                            Ok(text) => ui.label(text),
                            Err(why) => ui.colored_label(
                                ui.visuals().error_fg_color,
                                format!("skipped: {why}"),
                            ),
                        };
                        ui.end_row();
                    }
                });
            ui.separator();
            let ready = preview.ready(mapping);
            ui.horizontal(|ui| {
                let import = Command::ImportColumns;
                if ui
                    .add_enabled(ready, egui::Button::new(import.label()))
                    .clicked()
                {
                    asked = Some(import);
                }
                if super::command::button(ui, &Command::CancelColumns).clicked() {
                    asked = Some(Command::CancelColumns);
                }
                if !ready {
                    ui.weak("Choose the date, and both coordinates or a place.");
                }
            });
        });
    if !open {
        asked = Some(Command::CancelColumns);
    }
    asked
}

/// A column that must be chosen; columns whose values look like dates say so.
fn required(ui: &mut egui::Ui, role: &str, column: &mut String, preview: &Preview) {
    let label = ui.label(role);
    let shown = if column.is_empty() {
        "choose…"
    } else {
        column.as_str()
    };
    egui::ComboBox::from_id_salt(("column", role))
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            if role != "Date" {
                // Coordinates can be let go of, to place the rows by name instead.
                ui.selectable_value(column, String::new(), "(none)");
            }
            for c in &preview.columns {
                let text = if role == "Date" && preview.date_columns.contains(c) {
                    format!("{c}  (dates)")
                } else {
                    c.clone()
                };
                ui.selectable_value(column, c.clone(), text);
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

/// A column that may be left out: "(none)" is the empty name.
fn optional(ui: &mut egui::Ui, role: &str, column: &mut Option<String>, preview: &Preview) {
    let label = ui.label(role);
    let current = column.get_or_insert_with(String::new);
    let shown = if current.is_empty() {
        "(none)"
    } else {
        current.as_str()
    };
    egui::ComboBox::from_id_salt(("column", role))
        .selected_text(shown.to_owned())
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(current, String::new(), "(none)");
            for c in &preview.columns {
                ui.selectable_value(current, c.clone(), c);
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}
