//! The bottom bar: play/pause, speed, loop, mode, and the month slider with the paper's
//! three waves drawn as labelled bands under it.

use super::command::{button_text, hint};
use crate::commands::Command;
use crate::model::date::month_label;
use crate::model::waves::WAVES;
use crate::timeline::{Mode, SPEEDS, Timeline};
use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

pub const SLIDER_LABEL: &str = "Year";

/// Draws the bar; returns what its buttons, slider and settings ask for.
pub fn show(ui: &mut Ui, timeline: &Timeline) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let play = if timeline.playing { "Pause" } else { "Play" };
        for (command, text) in [
            (Command::TogglePlay, play),
            (Command::StepMonthBack, "<"),
            (Command::StepMonthForward, ">"),
        ] {
            if button_text(ui, &command, text).clicked() {
                commands.push(command);
            }
        }
        ui.label(
            RichText::new(month_label(timeline.cursor()))
                .heading()
                .strong(),
        );
        let label = ui.label("Speed");
        let mut speed = timeline.speed;
        egui::ComboBox::from_id_salt("speed")
            .width(70.0)
            .selected_text(format!("{} mo/s", timeline.speed))
            .show_ui(ui, |ui| {
                for s in SPEEDS {
                    ui.selectable_value(&mut speed, s, format!("{s} months/s"));
                }
            })
            .response
            .labelled_by(label.id);
        if speed != timeline.speed {
            commands.push(Command::SetSpeed(speed));
        }
        let mut looping = timeline.looping;
        if ui
            .checkbox(&mut looping, Command::ToggleLoop.label())
            .on_hover_text(hint(&Command::ToggleLoop))
            .changed()
        {
            commands.push(Command::ToggleLoop);
        }
        let mut window = timeline.mode == Mode::Window;
        if ui
            .checkbox(&mut window, Command::ToggleWindowMode.label())
            .on_hover_text(hint(&Command::ToggleWindowMode))
            .changed()
        {
            commands.push(Command::ToggleWindowMode);
        }
        let mut months = timeline.window_months;
        ui.add_enabled(
            window,
            egui::DragValue::new(&mut months)
                .range(1..=60)
                .suffix(" months"),
        );
        if months != timeline.window_months {
            commands.push(Command::SetWindowMonths(months));
        }
    });
    ui.add_space(2.0);
    let (x0, x1) = ui
        .horizontal(|ui| {
            let width = (ui.available_width() - 60.0).max(160.0);
            ui.spacing_mut().slider_width = width;
            let mut cursor = timeline.cursor();
            let slider = egui::Slider::new(&mut cursor, timeline.first..=timeline.last)
                .step_by(1.0)
                .show_value(false)
                .custom_formatter(|v, _| month_label(v as i32))
                .text(SLIDER_LABEL);
            let response = ui.add(slider);
            if response.changed() {
                commands.push(Command::GoToMonth(cursor));
            }
            // The slider's track runs between the handle's centre at either end.
            let handle = response.rect.height() / 2.5;
            let left = response.rect.left();
            (left + handle, left + width - handle)
        })
        .inner;
    draw_waves(ui, timeline, x0, x1);
    commands
}

fn draw_waves(ui: &mut Ui, timeline: &Timeline, x0: f32, x1: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), 34.0), Sense::hover());
    let p = ui.painter();
    let span = (timeline.last - timeline.first).max(1) as f32;
    let x = |m: i32| x0 + (x1 - x0) * ((m - timeline.first) as f32 / span);
    let dark = ui.visuals().dark_mode;
    let colors = [
        Color32::from_rgb(0, 114, 178),
        Color32::from_rgb(120, 120, 120),
        Color32::from_rgb(213, 94, 0),
    ];
    for (wave, color) in WAVES.iter().zip(colors) {
        let from = wave.from.max(timeline.first);
        let to = wave.to.unwrap_or(timeline.last).min(timeline.last);
        if to < from {
            continue;
        }
        let band = Rect::from_min_max(
            pos2(x(from), rect.top()),
            pos2(x(to + 1).min(x1), rect.top() + 14.0),
        );
        p.rect_filled(
            band,
            2.0,
            color.gamma_multiply(if dark { 0.55 } else { 0.35 }),
        );
        p.text(
            band.center(),
            Align2::CENTER_CENTER,
            wave.name,
            FontId::proportional(11.0),
            ui.visuals().strong_text_color(),
        );
    }
    // Year ticks under the bands.
    let text = ui.visuals().text_color();
    for year in timeline.first_year()..=timeline.last_year() {
        let xm = x(year * 12);
        p.line_segment(
            [pos2(xm, rect.top() + 15.0), pos2(xm, rect.top() + 19.0)],
            Stroke::new(1.0, text),
        );
        p.text(
            pos2(xm + 2.0, rect.top() + 19.0),
            Align2::LEFT_TOP,
            year.to_string(),
            FontId::proportional(11.0),
            text,
        );
    }
    // The cursor, carried down through the bands.
    let xc = x(timeline.cursor());
    p.line_segment(
        [pos2(xc, rect.top()), pos2(xc, rect.top() + 14.0)],
        Stroke::new(2.0, text),
    );
}
