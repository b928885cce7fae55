//! The slides section of the left panel: save the current view as a named
//! slide, go to, reorder or delete one, and share them as a JSON file.

use super::command::button;
use crate::commands::Command;
use crate::model::Slide;

/// What the user typed, kept between frames; the slide commands read the name and the file
/// from here.
pub struct Fields {
    pub name: String,
    pub file: String,
    pub message: String,
}

impl Default for Fields {
    fn default() -> Self {
        let dir = dirs::document_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| ".".into());
        Self {
            name: String::new(),
            file: dir.join("iskp-atlas-slides.json").display().to_string(),
            message: String::new(),
        }
    }
}

impl Fields {
    /// The typed name, or "Slide N" for the next one; the field is emptied.
    pub fn take_name(&mut self, count: usize) -> String {
        let name = std::mem::take(&mut self.name);
        if name.trim().is_empty() {
            format!("Slide {}", count + 1)
        } else {
            name.trim().to_owned()
        }
    }
}

pub fn show(ui: &mut egui::Ui, slides: &[Slide], fields: &mut Fields) -> Option<Command> {
    let mut asked = None;
    egui::CollapsingHeader::new(egui::RichText::new("Slides").heading())
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut fields.name)
                        .hint_text("Slide name")
                        .desired_width(130.0),
                );
                if button(ui, &Command::SaveSlide).clicked() {
                    asked = Some(Command::SaveSlide);
                }
            });
            for (i, b) in slides.iter().enumerate() {
                ui.horizontal(|ui| {
                    let go = Command::GoToSlide(i);
                    if super::command::button_text(ui, &go, &b.name).clicked() {
                        asked = Some(go);
                    }
                    if ui.small_button("up").clicked() {
                        asked = Some(Command::MoveSlide(i, true));
                    }
                    if ui.small_button("down").clicked() {
                        asked = Some(Command::MoveSlide(i, false));
                    }
                    if ui.small_button("delete").clicked() {
                        asked = Some(Command::DeleteSlide(i));
                    }
                });
            }
            ui.horizontal(|ui| {
                let l = ui.label("Slides file");
                ui.add(egui::TextEdit::singleline(&mut fields.file).desired_width(150.0))
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                let export = Command::ExportSlides;
                if ui
                    .add_enabled(!slides.is_empty(), egui::Button::new(export.label()))
                    .clicked()
                {
                    asked = Some(export);
                }
                if button(ui, &Command::ImportSlides).clicked() {
                    asked = Some(Command::ImportSlides);
                }
            });
            if !fields.message.is_empty() {
                ui.label(egui::RichText::new(&fields.message).small());
            }
        });
    asked
}
