//! The "Data" window: open an event file (File > Open, or drop it on the window), watch it
//! load with a progress bar and a cancel button, and save the filtered incidents of a layer
//! as GeoJSON or CSV.

use super::command::button;
use crate::commands::Command;
use crate::io::Progress;
use crate::model::dataset::LayerInfo;

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
    /// The file the filtered incidents are saved to.
    pub fn save_path(&self) -> &str {
        &self.export_path
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        layers: &[LayerInfo],
        loading: Option<(&str, &Progress)>,
    ) -> Option<Command> {
        let mut asked = None;
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
            ui.label("Open a UCDP GED or ACLED export, a CSV, Excel (XLSX) or OpenDocument (ODS) sheet with a date and coordinates or place names, Google Earth placemarks (KML, KMZ), or a GeoJSON file of points. Each file becomes a layer. You can also drop files on the window.");
            if button(ui, &Command::OpenFile).clicked() {
                asked = Some(Command::OpenFile);
            }
            if let Some((name, p)) = loading {
                ui.horizontal(|ui| {
                    ui.label(format!("Loading {name}"));
                    ui.add(egui::ProgressBar::new(p.fraction()).desired_width(200.0).show_percentage());
                    if button(ui, &Command::CancelLoading).clicked() {
                        asked = Some(Command::CancelLoading);
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
                for format in crate::io::write::SaveAs::ALL {
                    if ui.button(format!("Save {}", format.label())).clicked() {
                        asked = Some(Command::SaveLayer(self.export_layer, format));
                    }
                }
            });
        });
        self.open = open;
        asked
    }
}
