//! How to read the map in its current mode, for the desk's legend and the stage's: the
//! density ramp and its scale, the provinces' classes, the two periods compared, and for
//! points how many are placed only at an area.

use crate::map::choropleth::{class_color, class_labels};
use crate::map::density::{Scale, ramp, ramp_position};
use crate::map::incidents::dashed_circle;
use crate::model::Measure;
use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, vec2};

/// What the key shows, worked out by the map for this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ModeKey {
    Points {
        /// Shown incidents placed only at a district, a province or a country.
        at_area: usize,
    },
    Density {
        scale: Scale,
        measure: Measure,
        /// Shown incidents placed only at a province or a country, so not in the surface.
        left_out: usize,
    },
    Provinces {
        breaks: Vec<u32>,
        measure: Measure,
        period: String,
    },
    Compare {
        a: String,
        b: String,
        at_area: usize,
    },
}

impl ModeKey {
    /// Points and comparisons draw markers, so the legend also explains the markers.
    pub fn has_markers(&self) -> bool {
        matches!(self, Self::Points { .. } | Self::Compare { .. })
    }
}

/// The key's rows at text size `size`, in `ink`.
pub fn rows(ui: &mut Ui, key: &ModeKey, size: f32, ink: Color32, dark: bool) {
    let text = |ui: &mut Ui, t: &str| {
        ui.label(RichText::new(t).size(size).color(ink));
    };
    match key {
        ModeKey::Points { at_area } | ModeKey::Compare { at_area, .. } => {
            if let ModeKey::Compare { a, b, .. } = key {
                text(ui, &format!("Left: {a}"));
                text(ui, &format!("Right: {b}"));
            }
            ui.horizontal(|ui| {
                let d = size * 1.3;
                let (rect, _) = ui.allocate_exact_size(vec2(d, d), Sense::hover());
                ui.painter().circle_filled(
                    rect.center(),
                    d * 0.4,
                    crate::map::precision::AREA_COLOR.gamma_multiply(0.3),
                );
                dashed_circle(
                    ui.painter(),
                    rect.center(),
                    d * 0.4,
                    Stroke::new(2.0, crate::map::precision::AREA_COLOR),
                );
                text(ui, "dashed: place known only as an area");
            });
            text(ui, &format!("{at_area} shown are placed at an area"));
        }
        ModeKey::Density {
            scale,
            measure,
            left_out,
        } => {
            text(ui, &format!("Density of {}", measure.label()));
            ramp_bar(ui, scale.top, size, ink);
            text(
                ui,
                &format!("per spot, smoothed over about {:.0} km", scale.km.max(1.0)),
            );
            if *left_out > 0 {
                text(
                    ui,
                    &format!("{left_out} placed only at a province or country: not in it"),
                );
            }
        }
        ModeKey::Provinces {
            breaks,
            measure,
            period,
        } => {
            text(
                ui,
                &format!("{} per province", capitalised(measure.label())),
            );
            text(ui, period);
            let mut labels = vec!["0".to_owned()];
            labels.extend(class_labels(breaks));
            for (k, label) in labels.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(vec2(size * 1.6, size * 1.1), Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, class_color(k, breaks.len(), dark));
                    ui.painter().rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(1.0, ink.gamma_multiply(0.6)),
                        egui::StrokeKind::Inside,
                    );
                    text(ui, label);
                });
            }
        }
    }
}

/// At the desk, the density's and the provinces' keys in the map's bottom-left corner, so
/// they are read with the map rather than found in the panel.
pub fn overlay(ui: &Ui, map: egui::Rect, key: &ModeKey, dark: bool) {
    if key.has_markers() {
        return;
    }
    let (fill, ink) = if dark {
        (Color32::from_black_alpha(200), Color32::WHITE)
    } else {
        (Color32::from_white_alpha(225), Color32::BLACK)
    };
    let below = ui.ctx().content_rect().bottom() - map.bottom();
    egui::Area::new(egui::Id::unique("desk-mode-key"))
        .anchor(
            Align2::LEFT_BOTTOM,
            vec2(map.left() + 10.0, -(10.0 + below)),
        )
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(4.0)
                .inner_margin(8.0)
                .show(ui, |ui| rows(ui, key, 13.0, ink, dark));
        });
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The ramp, with 0, a middle value and the top written under it.
fn ramp_bar(ui: &mut Ui, top: f32, size: f32, ink: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(size * 14.0, size * 2.4), Sense::hover());
    let bar = egui::Rect::from_min_size(rect.min, vec2(rect.width(), size * 0.9));
    let steps = 48;
    for k in 0..steps {
        let x0 = bar.left() + bar.width() * k as f32 / steps as f32;
        let x1 = bar.left() + bar.width() * (k + 1) as f32 / steps as f32;
        let cell = egui::Rect::from_x_y_ranges(x0..=x1 + 0.5, bar.y_range());
        ui.painter()
            .rect_filled(cell, 0.0, ramp(k as f32 / (steps - 1) as f32));
    }
    let middle = crate::map::density::nice_ceiling((top.sqrt()).max(1.0)).min(top);
    for (v, align) in [
        (0.0, Align2::LEFT_TOP),
        (middle, Align2::CENTER_TOP),
        (top, Align2::RIGHT_TOP),
    ] {
        if v == middle && (v <= 1.0 || v >= top) {
            continue;
        }
        let x = bar.left() + bar.width() * ramp_position(v, top);
        ui.painter().text(
            egui::pos2(x, bar.bottom() + 2.0),
            align,
            format!("{v:.0}"),
            FontId::proportional(size * 0.9),
            ink,
        );
    }
}
