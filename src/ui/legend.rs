//! The left panel's legend: layer toggles with their colours, and how to read a marker
//! (colour = kind, solid or hollow = claim, area = deaths, numbered circle = cluster).

use crate::commands::Command;
use crate::map::incidents::{size_samples, swatch};
use crate::map::regions::area_style;
use crate::model::Layers;
use crate::model::{IncidentKind, RegionRole};
use egui::{Color32, Sense, Stroke, Ui, vec2};

/// Draws the legend and returns the commands its toggles asked for.
pub fn show(ui: &mut Ui, layers: &Layers, dark: bool, shown: usize, total: usize) -> Vec<Command> {
    let mut commands = Vec::new();
    let ink = ui.visuals().strong_text_color();
    ui.heading("Layers");
    for role in RegionRole::ALL.into_iter().rev() {
        let style = area_style(role, dark);
        let mut on = layers.region(role);
        ui.horizontal(|ui| {
            area_swatch(ui, style.fill, style.outline, style.dashed);
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
            swatch(ui.painter(), rect.center(), kind, false, ink);
            ui.label(kind.label());
        });
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
        swatch(
            ui.painter(),
            rect.center(),
            IncidentKind::Attack,
            false,
            ink,
        );
        ui.label("solid: claimed by IS");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
        swatch(ui.painter(), rect.center(), IncidentKind::Attack, true, ink);
        ui.label("hollow: attributed or disputed");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(120.0, 46.0), Sense::hover());
        let mid = rect.left_center() + vec2(0.0, -6.0);
        for (at, r, text) in size_samples(mid) {
            ui.painter()
                .circle(at, r, Color32::from_gray(150), Stroke::new(1.0, ink));
            ui.painter().text(
                at + vec2(0.0, 18.0),
                egui::Align2::CENTER_TOP,
                text,
                egui::FontId::proportional(11.0),
                ink,
            );
        }
        ui.label("killed by ISKP (area)");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 26.0), Sense::hover());
        ui.painter().circle(
            rect.center(),
            12.0,
            Color32::from_rgb(45, 45, 55),
            Stroke::new(2.0, Color32::WHITE),
        );
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "7",
            egui::FontId::proportional(12.0),
            Color32::WHITE,
        );
        ui.label("cluster: count (and † killed by ISKP)");
    });
    ui.label(
        egui::RichText::new(
            "Diamonds (operations, leadership) are one size: the militants they killed are not victims and are never added to them.",
        )
        .small(),
    );
    ui.add_space(4.0);
    ui.label(format!("{shown} of {total} incidents shown"));
    commands
}

fn area_swatch(ui: &mut Ui, fill: Color32, outline: Color32, dashed: bool) {
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

/// One row per loaded file: its colour, a visibility toggle, an "IS only" quick filter for
/// files that name the sides (UCDP, ACLED), and a remove button. Nothing when only the
/// atlas's own data is loaded.
pub fn data_layers(
    ui: &mut Ui,
    layers: &[crate::model::dataset::LayerInfo],
    counts: &[usize],
    visible: &[bool],
    is_only: &[bool],
) -> Option<Command> {
    if layers.len() < 2 {
        return None;
    }
    let mut asked = None;
    ui.separator();
    ui.heading("Data layers");
    for (l, layer) in layers.iter().enumerate() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
            let color = if l == 0 {
                Color32::GRAY
            } else {
                crate::map::incidents::layer_color(l as u16)
            };
            ui.painter().circle(
                rect.center(),
                6.5,
                color,
                Stroke::new(1.3, ui.visuals().strong_text_color()),
            );
            let mut on = visible.get(l).copied().unwrap_or(true);
            let text = format!("{} ({})", layer.name, counts.get(l).copied().unwrap_or(0));
            if ui
                .checkbox(&mut on, text)
                .on_hover_text(&layer.format)
                .changed()
            {
                asked = Some(Command::ShowLayer(l, on));
            }
            if l > 0 {
                let mut only = is_only.get(l).copied().unwrap_or(false);
                if ui
                    .toggle_value(&mut only, "IS only")
                    .on_hover_text("Only rows where one side is IS")
                    .changed()
                {
                    asked = Some(Command::IsOnly(l, only));
                }
                if ui.small_button("remove").clicked() {
                    asked = Some(Command::RemoveLayer(l));
                }
            }
        });
    }
    asked
}
