//! The panels around the map at the desk: the top bar with its menu and search, the
//! timeline, the charts, the legend with the story, slides, layers and filters, and the
//! details. They read the app and return commands; nothing here changes it directly.

use super::AtlasApp;
use crate::basemap::BasemapKind;
use crate::commands::Command;
use crate::model::Selection;
use crate::model::date::month_label;
use crate::theme::Theme;
use crate::ui;
use crate::ui::command::{button, button_text, menu_item};
use egui::Color32;

impl AtlasApp {
    /// Top bar, timeline, charts, legend and filters, details. Hidden on stage.
    pub(super) fn desk_panels(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        egui::Panel::top("top-bar").show(ui, |ui| self.top_bar(ui, out));
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            out.extend(ui::timeline_bar::show(ui, &self.state.timeline));
        });
        if self.state.show_charts {
            out.extend(self.charts_panel(ui));
        }
        egui::Panel::left("legend")
            .resizable(false)
            .default_size(250.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.legend_panel(ui, out));
            });
        if self.rt.shown.selection != Selection::None {
            let range = self.shown_range();
            let timeline = &self.state.timeline;
            let (dataset, shown) = (&self.dataset, &self.rt.shown);
            let cx = ui::details::Context {
                cursor_month: timeline.cursor(),
                mask: shown.mask.passes(),
                province_members: match shown.selection {
                    Selection::Province(p) => shown.by_province.members(p, &range),
                    _ => &[],
                },
                period: crate::model::Period {
                    from: timeline.from_month().max(timeline.first),
                    to: timeline.cursor(),
                }
                .label(),
            };
            let asked = egui::Panel::right("details")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    ui::details::show(ui, dataset, &shown.selection, &cx)
                })
                .inner;
            out.extend(asked);
        }
    }

    /// The left panel: story chapters, slides, layers, data layers, filters, problems.
    fn legend_panel(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        let shown = self.shown_count();
        let total = self.dataset.incidents().len();
        let dark = self.state.theme == Theme::Dark;
        ui.add_space(6.0);
        if let Some(i) = ui::story::list(ui, &self.rt.story.chapters, self.chapter_index()) {
            out.push(Command::GoToChapter(i));
        }
        out.extend(ui::slides::show(
            ui,
            &self.state.slides,
            &mut self.rt.panels.slides,
        ));
        ui.separator();
        out.extend(ui::legend::show(ui, &self.state.layers, dark, shown, total));
        ui.separator();
        out.extend(ui::map_panel::show(
            ui,
            &self.state,
            self.last_frame.mode_key.as_ref(),
            self.rt.panels.tool,
            self.state.timeline.last,
            dark,
        ));
        let layers = &self.rt.shown;
        out.extend(ui::legend::data_layers(
            ui,
            &self.dataset.layers,
            &layers.layer_counts,
            &layers.layer_visible,
            &layers.is_only,
        ));
        ui.separator();
        let mut filter = self.state.filter.clone();
        if ui::filters::show(ui, &mut filter, &self.rt.panels.choices) {
            out.push(Command::SetFilter(Box::new(filter)));
        }
        if !self.load_errors.is_empty() {
            ui.separator();
            ui.colored_label(
                Color32::from_rgb(200, 40, 40),
                format!("{} data problems:", self.load_errors.len()),
            );
            for e in self.load_errors.iter().take(5) {
                ui.label(egui::RichText::new(e).small());
            }
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new("ISKP Atlas").strong());
            let menus: [(&str, &[Command]); 2] = [
                (
                    "File",
                    &[Command::OpenFile, Command::ToggleData, Command::ToggleExport],
                ),
                ("Help", &[Command::ToggleHelp, Command::ToggleAbout]),
            ];
            for (name, commands) in menus {
                ui.menu_button(name, |ui| {
                    for command in commands {
                        if menu_item(ui, command).clicked() {
                            out.push(command.clone());
                        }
                    }
                });
            }
            // The subtitle gives way first when the window is narrow.
            if ui.available_width() > 1520.0 * ui::style::text_scale(self.state.theme) {
                ui.label("Islamic State Khorasan Province, 2015 to today");
            }
            // Short, so the search box keeps its width; the stage spells the month out.
            let through = crate::io::embedded::data_through().map_or_else(
                || "Data through: not stated".to_owned(),
                |m| format!("Data through {}", month_label(m)),
            );
            ui.label(egui::RichText::new(through).strong()).on_hover_text(
                "How far the sweep of sources reached: incidents after this month are not yet in the atlas",
            );
            ui.separator();
            let basemap = self.state.basemap;
            let picked = choose(ui, "Basemap", basemap, BasemapKind::ALL, BasemapKind::label);
            out.extend(picked.map(Command::SetBasemap));
            let picked = choose(ui, "Theme", self.state.theme, Theme::ALL, Theme::label);
            out.extend(picked.map(Command::SetTheme));
            ui.separator();
            out.extend(self.search_box(ui));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let charts = if self.state.show_charts {
                    "Hide charts"
                } else {
                    "Charts"
                };
                for command in [
                    Command::ToggleHelp,
                    Command::ResetView,
                    Command::ToggleData,
                    Command::ToggleExport,
                ] {
                    if button(ui, &command).clicked() {
                        out.push(command);
                    }
                }
                if button_text(ui, &Command::ToggleCharts, charts).clicked() {
                    out.push(Command::ToggleCharts);
                }
            });
        });
    }

    /// The search field and its results; returns the hit chosen.
    fn search_box(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let search = &mut self.rt.panels.search;
        let edit = egui::TextEdit::singleline(search)
            .hint_text("Search places and incidents")
            .desired_width(220.0);
        let response = ui.add(edit);
        let hits = ui::search::search(search, &self.dataset, &self.rt.scene.labels, 10);
        if hits.is_empty() {
            return None;
        }
        let mut chosen = None;
        if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = hits.first().cloned();
        }
        egui::Area::new(egui::Id::unique("search-results"))
            .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    for hit in &hits {
                        if ui
                            .selectable_label(false, hit.text(&self.dataset))
                            .clicked()
                        {
                            chosen = Some(hit.clone());
                        }
                    }
                });
            });
        chosen.map(Command::GoToHit)
    }
}

/// A labelled drop-down of `options`; returns the one picked, if it differs from `current`.
fn choose<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    current: T,
    options: impl IntoIterator<Item = T>,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let heading = ui.label(name);
    let mut picked = current;
    egui::ComboBox::from_id_salt(name)
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(&mut picked, option, label(option));
            }
        })
        .response
        .labelled_by(heading.id);
    (picked != current).then_some(picked)
}
