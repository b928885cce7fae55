//! The bottom bar: play/pause, steps, and the year slider.

use crate::commands::Command;
use crate::model::date::month_label;
use crate::timeline::Timeline;
use egui::{RichText, Ui};

pub const SLIDER_LABEL: &str = "Year";

/// Draws the bar; slider drags change the cursor directly, buttons return commands.
pub fn show(ui: &mut Ui, timeline: &mut Timeline) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let play = if timeline.playing { "Pause" } else { "Play" };
        if ui.button(play).on_hover_text("Space").clicked() {
            commands.push(Command::TogglePlay);
        }
        if ui
            .button("− Year")
            .on_hover_text("Back one year (Left)")
            .clicked()
        {
            commands.push(Command::StepYearBack);
        }
        if ui
            .button("+ Year")
            .on_hover_text("Forward one year (Right)")
            .clicked()
        {
            commands.push(Command::StepYearForward);
        }
        ui.label(
            RichText::new(month_label(timeline.cursor))
                .heading()
                .strong(),
        );
        ui.add_space(8.0);
        let width = (ui.available_width() - 80.0).max(120.0);
        ui.spacing_mut().slider_width = width;
        let mut cursor = timeline.cursor;
        let slider = egui::Slider::new(&mut cursor, timeline.first..=timeline.last)
            .step_by(1.0)
            .show_value(false)
            .custom_formatter(|v, _| month_label(v as i32))
            .text(SLIDER_LABEL);
        if ui.add(slider).changed() {
            timeline.playing = false;
            timeline.set_cursor(cursor);
        }
    });
    commands
}
