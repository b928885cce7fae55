//! How each theme looks in egui: visuals, type sizes, label colours.

use crate::map::labels::LabelStyle;
use crate::theme::Theme;
use egui::{Color32, FontId, TextStyle};

/// Type scale: the projector theme is read from across a room.
pub fn text_scale(theme: Theme) -> f32 {
    if theme == Theme::Projector { 1.4 } else { 1.0 }
}

pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Dark => egui::ThemePreference::Dark,
        Theme::Light | Theme::Projector => egui::ThemePreference::Light,
    });
    let scale = text_scale(theme);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(22.0 * scale)),
            (TextStyle::Body, FontId::proportional(14.5 * scale)),
            (TextStyle::Button, FontId::proportional(14.5 * scale)),
            (TextStyle::Small, FontId::proportional(11.5 * scale)),
            (TextStyle::Monospace, FontId::monospace(13.5 * scale)),
        ]
        .into();
        style.spacing.interact_size.y = 22.0 * scale;
        // Glyphs are drawn without running the font's hinting program, whose state is
        // rebuilt at every change of size: the map's labels and the panels' text alternate
        // between several sizes, so the first frame spent a third of its time there (8 of
        // its 23 ms). egui drew all text unhinted before it moved to skrifa; the difference
        // is a fraction of a pixel in the glyphs' stems. (Turning sub-pixel binning off as well is not
        // safe: in egui 0.37 it left a piece of another glyph under some letters.)
        style.visuals.text_options.font_hinting = false;
        if theme == Theme::Projector {
            style.visuals.override_text_color = Some(Color32::BLACK);
            style.visuals.widgets.noninteractive.fg_stroke.color = Color32::BLACK;
        } else {
            style.visuals.override_text_color = None;
        }
    });
}

pub fn label_style(theme: Theme) -> LabelStyle {
    let s = text_scale(theme);
    match theme {
        Theme::Dark => LabelStyle {
            text: Color32::from_rgb(235, 235, 235),
            muted: Color32::from_rgb(170, 178, 190),
            halo: Color32::from_rgb(20, 26, 34),
            city_size: 14.0 * s,
            country_size: 15.0 * s,
            admin1_size: 12.0 * s,
        },
        Theme::Light | Theme::Projector => LabelStyle {
            text: Color32::from_rgb(20, 20, 20),
            muted: if theme == Theme::Projector {
                Color32::from_rgb(40, 40, 40)
            } else {
                Color32::from_rgb(95, 85, 100)
            },
            halo: Color32::WHITE,
            city_size: 14.0 * s,
            country_size: 15.0 * s,
            admin1_size: 12.0 * s,
        },
    }
}
