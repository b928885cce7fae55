//! The "Data" window: open an event file (File > Open, or drop it on the window), watch it
//! load with a progress bar and a cancel button, and save the filtered incidents of a layer
//! as GeoJSON or CSV.

use crate::io::import::Progress;
use crate::model::dataset::LayerInfo;
use std::sync::atomic::Ordering;

pub enum Action {
    /// Open the file browser.
    Browse,
    Cancel,
    Save {
        layer: usize,
        path: String,
        csv: bool,
    },
}

pub struct DataWindow {
    pub open: bool,
    export_layer: usize,
    export_path: String,
    pub message: String,
}

impl Default for DataWindow {
    fn default() -> Self {
        let dir = dirs::document_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| ".".into());
        Self {
            open: false,
            export_layer: 0,
            export_path: dir
                .join("iskp-atlas-incidents.geojson")
                .display()
                .to_string(),
            message: String::new(),
        }
    }
}

impl DataWindow {
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        layers: &[LayerInfo],
        loading: Option<(&str, &Progress)>,
    ) -> Option<Action> {
        let mut action = None;
        let mut open = self.open;
        // Top right, under the top bar: clear of the date stamp, the story and the dialogs,
        // which open in the middle.
        let top_right = ctx.content_rect().right_top() + egui::vec2(-16.0, 56.0);
        egui::Window::new("Data")
            .open(&mut open)
            .resizable(false)
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(top_right)
            .show(ctx, |ui| {
            ui.label("Open a UCDP GED or ACLED CSV export, any CSV with date, latitude and longitude columns, or a GeoJSON file of points. Each file becomes a layer. You can also drop files on the window.");
            if ui.button("Open file…").on_hover_text("Ctrl+O").clicked() {
                action = Some(Action::Browse);
            }
            if let Some((name, p)) = loading {
                let total = p.bytes_total.load(Ordering::Relaxed).max(1);
                let done = p.bytes_done.load(Ordering::Relaxed);
                ui.horizontal(|ui| {
                    ui.label(format!("Loading {name}"));
                    ui.add(egui::ProgressBar::new(done as f32 / total as f32).desired_width(200.0).show_percentage());
                    if ui.button("Cancel").clicked() {
                        action = Some(Action::Cancel);
                    }
                });
            }
            if !self.message.is_empty() {
                ui.label(egui::RichText::new(&self.message).small());
            }
            ui.separator();
            ui.strong("Save the filtered incidents of a layer");
            ui.horizontal(|ui| {
                self.export_layer = self.export_layer.min(layers.len().saturating_sub(1));
                let l = ui.label("Layer");
                egui::ComboBox::from_id_salt("export-layer")
                    .selected_text(layers.get(self.export_layer).map_or("", |l| l.name.as_str()))
                    .show_ui(ui, |ui| {
                        for (i, layer) in layers.iter().enumerate() {
                            ui.selectable_value(&mut self.export_layer, i, &layer.name);
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                let l = ui.label("To");
                ui.add(egui::TextEdit::singleline(&mut self.export_path).desired_width(320.0)).labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                for (label, csv) in [("Save GeoJSON", false), ("Save CSV", true)] {
                    if ui.button(label).clicked() {
                        action = Some(Action::Save { layer: self.export_layer, path: self.export_path.clone(), csv });
                    }
                }
            });
        });
        self.open = open;
        action
    }
}
