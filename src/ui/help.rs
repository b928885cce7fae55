//! The `?` overlay: every key binding, straight from the command table.

use crate::commands::{BINDINGS, key_text};

pub fn show(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            egui::Grid::new("help-grid")
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for b in BINDINGS {
                        ui.strong(key_text(b));
                        ui.label(b.command.description());
                        ui.end_row();
                    }
                    ui.strong("Drag");
                    ui.label("Pan the map");
                    ui.end_row();
                    ui.strong("Wheel / pinch");
                    ui.label("Zoom");
                    ui.end_row();
                });
        });
}
