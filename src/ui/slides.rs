//! The bookmarks ("slides") section of the left panel: save the current view as a named
//! slide, go to, reorder or delete one, and share them as a JSON file.

use crate::bookmarks::Bookmark;

pub enum Action {
    Save(String),
    Go(usize),
    Up(usize),
    Down(usize),
    Delete(usize),
    Export(String),
    Import(String),
}

/// What the user typed, kept between frames.
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

pub fn show(ui: &mut egui::Ui, bookmarks: &[Bookmark], fields: &mut Fields) -> Option<Action> {
    let mut action = None;
    egui::CollapsingHeader::new(egui::RichText::new("Slides").heading())
        .default_open(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut fields.name)
                        .hint_text("Slide name")
                        .desired_width(130.0),
                );
                if ui.button("Save view").clicked() {
                    let name = if fields.name.trim().is_empty() {
                        format!("Slide {}", bookmarks.len() + 1)
                    } else {
                        fields.name.trim().to_owned()
                    };
                    action = Some(Action::Save(name));
                    fields.name.clear();
                }
            });
            for (i, b) in bookmarks.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .button(&b.name)
                        .on_hover_text("Go to this slide")
                        .clicked()
                    {
                        action = Some(Action::Go(i));
                    }
                    if ui.small_button("up").clicked() {
                        action = Some(Action::Up(i));
                    }
                    if ui.small_button("down").clicked() {
                        action = Some(Action::Down(i));
                    }
                    if ui.small_button("delete").clicked() {
                        action = Some(Action::Delete(i));
                    }
                });
            }
            ui.horizontal(|ui| {
                let l = ui.label("Slides file");
                ui.add(egui::TextEdit::singleline(&mut fields.file).desired_width(150.0))
                    .labelled_by(l.id);
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!bookmarks.is_empty(), egui::Button::new("Export slides"))
                    .clicked()
                {
                    action = Some(Action::Export(fields.file.clone()));
                }
                if ui.button("Import slides").clicked() {
                    action = Some(Action::Import(fields.file.clone()));
                }
            });
            if !fields.message.is_empty() {
                ui.label(egui::RichText::new(&fields.message).small());
            }
        });
    action
}
