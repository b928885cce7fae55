//! The charts' part of the app: the charts panel at the desk, saving its table, and the
//! per-year chart full screen on stage.

use super::AtlasApp;
use crate::commands::Command;
use crate::model::date::month_label;
use crate::theme::Theme;
use crate::ui;
use egui::Color32;

impl AtlasApp {
    /// The charts panel under the map; a click on a year asks to go there.
    pub(super) fn charts_panel(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let cursor = self.state.timeline.cursor();
        let mut settings = self.state.chart;
        let out = egui::Panel::bottom("charts")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                let out = ui::charts::show(
                    ui,
                    &self.dataset,
                    self.rt.shown.mask.passes(),
                    cursor,
                    &mut settings,
                );
                if let Some(notice) = &self.rt.panels.chart_notice {
                    ui.small(notice);
                }
                out
            })
            .inner;
        self.last_frame.chart_years = out.year_bars;
        self.last_frame.chart_values = out.year_values;
        let mut asked = Vec::new();
        if settings != self.state.chart {
            asked.push(Command::SetChart(settings));
        }
        if out.save_table {
            asked.push(Command::SaveChartTable);
        }
        asked.extend(out.clicked_year.map(Command::GoToYear));
        asked
    }

    /// Writes the table behind the charts as CSV beside the files the user opens, atomically.
    pub(super) fn save_chart_table(&self) -> String {
        let dir = self
            .state
            .open_dir
            .as_ref()
            .map(std::path::PathBuf::from)
            .or_else(dirs::document_dir)
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let path = dir.join("iskp-atlas-table.csv");
        let text = ui::charts::table_csv(&self.dataset, self.rt.shown.mask.passes());
        match crate::io::write_atomic(&path, |tmp| {
            std::fs::write(tmp, &text).map_err(|e| e.to_string())
        }) {
            Ok(()) => format!("Table saved to {}", path.display()),
            Err(e) => format!("Could not save the table to {}: {e}", path.display()),
        }
    }

    /// On stage with the chart asked for: the per-year chart over the whole map, with the
    /// cursor's year marked.
    pub(super) fn stage_chart(&mut self, ctx: &egui::Context) -> Option<Command> {
        let rect = self.last_frame.map_rect.unwrap_or(ctx.content_rect());
        let scale = crate::map::overlays::stage_scale(rect);
        let dark = self.state.theme == Theme::Dark;
        let fill = if dark {
            Color32::from_rgb(20, 20, 24)
        } else {
            Color32::WHITE
        };
        let cursor = self.state.timeline.cursor();
        let mut settings = self.state.chart;
        // The chapter's card would sit under the chart: its title and caption go below it.
        let chapter = self
            .chapter_index()
            .and_then(|i| self.rt.story.chapters.get(i))
            .cloned();
        let below = if chapter.is_some() {
            150.0 * scale
        } else {
            0.0
        };
        egui::Area::new(egui::Id::unique("stage-chart"))
            .fixed_pos(rect.min)
            .order(egui::Order::Middle)
            .show(ctx, |ui| {
                // The whole map, edge to edge: nothing of the map shows at the margins.
                ui.painter().rect_filled(rect, 0.0, fill);
                egui::Frame::new()
                    .fill(fill)
                    .inner_margin(24.0 * scale)
                    .show(ui, |ui| {
                        ui.set_min_size(rect.size() - egui::vec2(48.0, 48.0) * scale);
                        ui.set_max_size(rect.size() - egui::vec2(48.0, 48.0) * scale);
                        ui.label(
                            egui::RichText::new(format!(
                                "ISKP per year · {} · {}",
                                month_label(cursor),
                                crate::io::embedded::data_through_text()
                            ))
                            .size(26.0 * scale)
                            .strong(),
                        );
                        let out = ui::charts::stage(
                            ui,
                            &self.dataset,
                            self.rt.shown.mask.passes(),
                            cursor,
                            &mut settings,
                            scale,
                            below,
                        );
                        self.last_frame.chart_years = out.year_bars;
                        self.last_frame.chart_values = out.year_values;
                        if let Some(c) = &chapter {
                            ui.add_space(10.0 * scale);
                            ui.label(egui::RichText::new(&c.title).size(30.0 * scale).strong());
                            ui.label(egui::RichText::new(&c.caption).size(20.0 * scale));
                        }
                    });
            });
        (settings != self.state.chart).then_some(Command::SetChart(settings))
    }
}
