//! The left panel: layer toggles with their colours, the incident key, and what is shown.

use crate::commands::Command;
use crate::map::incidents::kind_color;
use crate::map::regions::area_style;
use crate::model::{IncidentKind, RegionRole};
use crate::state::Layers;
use egui::{Color32, Sense, Stroke, Ui, vec2};

/// Draws the legend and returns the commands its toggles asked for.
pub fn show(ui: &mut Ui, layers: &Layers, dark: bool, shown: usize, total: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Layers");
    ui.add_space(4.0);
    for role in RegionRole::ALL.into_iter().rev() {
        let style = area_style(role, dark);
        let mut on = layers.region(role);
        ui.horizontal(|ui| {
            swatch(ui, style.fill, style.outline, style.dashed);
            if ui.checkbox(&mut on, role.label()).changed() {
                commands.push(Command::ToggleRegion(role));
            }
        });
    }
    let mut incidents = layers.incidents;
    if ui.checkbox(&mut incidents, "Incidents").changed() {
        commands.push(Command::ToggleIncidents);
    }
    let mut labels = layers.labels;
    if ui.checkbox(&mut labels, "Place names").changed() {
        commands.push(Command::ToggleLabels);
    }

    ui.separator();
    ui.heading("Incidents");
    for kind in IncidentKind::ALL {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
            ui.painter().circle(
                rect.center(),
                6.5,
                kind_color(kind),
                Stroke::new(1.5, Color32::WHITE),
            );
            ui.label(kind.label());
        });
    }
    ui.label(
        egui::RichText::new(
            "Marker area grows with the number killed; faded markers are more than a year old.",
        )
        .small(),
    );
    ui.add_space(6.0);
    ui.label(format!(
        "{shown} of {total} incidents up to the selected month"
    ));
    commands
}

fn swatch(ui: &mut Ui, fill: Color32, outline: Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 16.0), Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, fill);
    if dashed {
        let pts = [
            rect.left_top(),
            rect.right_top(),
            rect.right_bottom(),
            rect.left_bottom(),
            rect.left_top(),
        ];
        p.extend(egui::Shape::dashed_line(
            &pts,
            Stroke::new(2.0, outline),
            4.0,
            3.0,
        ));
    } else {
        p.rect_stroke(
            rect,
            2.0,
            Stroke::new(2.0, outline),
            egui::StrokeKind::Inside,
        );
    }
}
