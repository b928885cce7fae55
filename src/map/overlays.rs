//! What sits on the map rather than in it: the big date stamp with its subtitle, the
//! basemap's attribution, and the sizing every overlay shares, worked out once a frame.

use super::labels::{LabelStyle, halo_text};
use egui::{Align2, Color32, FontId, Rect};

/// How much larger than at 1080 lines tall the stage text is.
pub fn stage_scale(map: Rect) -> f32 {
    (map.height() / 1000.0).clamp(0.7, 2.6)
}

/// How this frame draws: the label style (grown on stage) and the scales derived from the
/// map's size, computed once and read by every part.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub style: LabelStyle,
    pub dark: bool,
    /// The theme's text scale at the desk.
    pub text: f32,
    /// On stage: how much everything grows with the window, so a 4K projector reads like 1080p.
    pub stage: Option<f32>,
}

impl Look {
    pub fn new(style: LabelStyle, text: f32, dark: bool, map: Rect, on_stage: bool) -> Self {
        let stage = on_stage.then(|| stage_scale(map));
        let mut style = style;
        if let Some(s) = stage {
            style.city_size *= s;
            style.country_size *= s;
            style.admin1_size *= s;
        }
        Self {
            style,
            dark,
            text,
            stage,
        }
    }

    /// The stage scale, or 1 at the desk.
    pub fn grow(&self) -> f32 {
        self.stage.unwrap_or(1.0)
    }

    /// The date stamp's scale: a little larger again on stage.
    pub fn stamp(&self) -> f32 {
        self.stage.map_or(self.text, |s| s * 1.2)
    }
}

/// The month, large for the back of the room, and under it the wave, the mode and the
/// count.
pub fn date_stamp(painter: &egui::Painter, map: Rect, look: &Look, month: &str, subtitle: &str) {
    let scale = look.stamp();
    let at = map.left_top() + egui::vec2(16.0, 10.0);
    let (text, halo) = (look.style.text, look.style.halo);
    halo_text(
        painter,
        at,
        Align2::LEFT_TOP,
        month,
        FontId::proportional(42.0 * scale),
        text,
        halo,
        2.0,
    );
    halo_text(
        painter,
        at + egui::vec2(2.0, 50.0 * scale),
        Align2::LEFT_TOP,
        subtitle,
        FontId::proportional(15.0 * scale),
        text,
        halo,
        1.0,
    );
}

/// The top-left corner the date stamp takes, kept free of place names.
pub fn date_stamp_area(map: Rect, look: &Look) -> Rect {
    let s = look.stamp();
    Rect::from_min_size(map.left_top(), egui::vec2(330.0 * s, 80.0 * s))
}

/// Text size of the attribution and the provenance: never below 12 points, so an export
/// at 1280x720 can still be read.
pub fn footnote_size(look: &Look) -> f32 {
    (13.0 * look.grow()).max(12.0)
}

/// How far above the map's bottom edge the corner text reaches, for the scale bar to sit
/// above it: one line for the attribution, more with the provenance.
pub fn footnote_height(look: &Look, provenance_lines: usize) -> f32 {
    (1 + provenance_lines) as f32 * footnote_size(look) * 1.35 + 12.0
}

/// The basemap's attribution, bottom right, always visible and linking to the provider;
/// in exports the provenance lines above it.
pub fn attribution(
    ui: &mut egui::Ui,
    map: Rect,
    look: &Look,
    attribution: &walkers::sources::Attribution,
    provenance: &[String],
) {
    // An area of its own, anchored at the map's corner, sizes itself to its lines.
    let screen = ui.ctx().content_rect();
    let offset = map.right_bottom() - screen.right_bottom() - egui::vec2(4.0, 4.0);
    // In an export the provenance stays on top, even of the stage's full-screen chart.
    let order = if provenance.is_empty() {
        egui::Order::Middle
    } else {
        egui::Order::Foreground
    };
    egui::Area::new(egui::Id::unique("map-attribution"))
        .anchor(egui::Align2::RIGHT_BOTTOM, offset)
        .order(order)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(if look.dark {
                    Color32::from_black_alpha(170)
                } else {
                    Color32::from_white_alpha(200)
                })
                .inner_margin(4.0)
                .corner_radius(3.0)
                .show(ui, |ui| {
                    let size = footnote_size(look);
                    for line in provenance {
                        ui.label(egui::RichText::new(line).size(size).color(look.style.text));
                    }
                    // OSM asks for the copyright sign; Natural Earth has none to give.
                    let text = if attribution.text.contains('©')
                        || attribution.text.contains("public domain")
                    {
                        format!("Basemap: {}", attribution.text)
                    } else {
                        format!("Basemap: © {}", attribution.text)
                    };
                    ui.hyperlink_to(egui::RichText::new(text).size(size), attribution.url);
                });
        });
}
