//! The `?` overlay: every key binding, straight from the command table, and the way to the
//! About window.

use crate::commands::Command;

/// The window; returns the command of its button when clicked.
pub fn show(ctx: &egui::Context, open: &mut bool) -> Option<Command> {
    let mut clicked = None;
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            let about = Command::ToggleAbout;
            if crate::ui::command::button(ui, &about).clicked() {
                clicked = Some(about);
            }
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("help-grid")
                    .striped(true)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for (keys, description) in crate::commands::help_rows() {
                            ui.strong(keys);
                            ui.label(description);
                            ui.end_row();
                        }
                    });
            });
        });
    clicked
}
