//! The story: the chapter list at the desk, and on stage the chapter card and a compact
//! legend drawn over the map, sized to the window so they read from the back of a room.

use crate::map::incidents::swatch;
use crate::model::{Chapter, IncidentKind};
use egui::{Align2, Color32, Rect, RichText, Ui, vec2};

/// The chapter list; returns the chapter clicked.
pub fn list(ui: &mut Ui, chapters: &[Chapter], current: Option<usize>) -> Option<usize> {
    let mut chosen = None;
    egui::CollapsingHeader::new(RichText::new("Story").heading())
        .default_open(true)
        .show(ui, |ui| {
            for (i, c) in chapters.iter().enumerate() {
                let text = format!("{}. {}", i + 1, c.title);
                if ui
                    .selectable_label(current == Some(i), text)
                    .on_hover_text(&c.caption)
                    .clicked()
                {
                    chosen = Some(i);
                }
            }
            ui.label(
                RichText::new("F5 presents, F6 adds the presenter window with notes; PageDown / PageUp step through.")
                    .small(),
            );
        });
    chosen
}

use crate::map::overlays::stage_scale;

/// The chapter card, bottom left of the map (which fills the window on stage).
pub fn card(ui: &mut Ui, map: Rect, chapter: &Chapter, index: usize, count: usize, dark: bool) {
    let s = stage_scale(map);
    let width = (map.width() * 0.40).max(380.0 * s).min(map.width() - 40.0);
    let (fill, ink) = if dark {
        (Color32::from_black_alpha(215), Color32::WHITE)
    } else {
        (Color32::from_white_alpha(235), Color32::BLACK)
    };
    egui::Area::new(egui::Id::unique("chapter-card"))
        .anchor(
            Align2::LEFT_BOTTOM,
            vec2(
                map.left() + 20.0 * s,
                -(20.0 * s) - (ui.ctx().content_rect().bottom() - map.bottom()),
            ),
        )
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(6.0 * s)
                .inner_margin(16.0 * s)
                .show(ui, |ui| {
                    ui.set_width(width - 32.0 * s);
                    ui.label(
                        RichText::new(&chapter.title)
                            .size(34.0 * s)
                            .strong()
                            .color(ink),
                    );
                    ui.add_space(6.0 * s);
                    ui.label(RichText::new(&chapter.caption).size(21.0 * s).color(ink));
                    ui.add_space(8.0 * s);
                    ui.label(
                        RichText::new(format!(
                            "Chapter {} of {count} · {}–{} · Rana (2024), {}",
                            index + 1,
                            chapter.years[0],
                            chapter.years[1],
                            chapter.paper_ref
                        ))
                        .size(14.0 * s)
                        .color(ink),
                    );
                });
        });
}

/// A compact key, top right of the map: kinds, claim styles, and any loaded files' layers
/// (name and colour).
pub fn legend(
    ui: &mut Ui,
    map: Rect,
    dark: bool,
    file_layers: &[(String, Color32)],
    key: Option<&super::mode_key::ModeKey>,
) {
    let s = stage_scale(map);
    let (fill, ink) = if dark {
        (Color32::from_black_alpha(200), Color32::WHITE)
    } else {
        (Color32::from_white_alpha(225), Color32::BLACK)
    };
    let right = ui.ctx().content_rect().right() - map.right();
    egui::Area::new(egui::Id::unique("stage-legend"))
        .anchor(
            Align2::RIGHT_TOP,
            vec2(-(12.0 * s) - right, map.top() + 12.0 * s),
        )
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(5.0 * s)
                .inner_margin(10.0 * s)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("ISKP Atlas")
                            .size(20.0 * s)
                            .strong()
                            .color(ink),
                    );
                    ui.label(
                        RichText::new(crate::io::embedded::data_through_text())
                            .size(15.0 * s)
                            .color(ink),
                    );
                    if let Some(key) = key.filter(|k| !k.has_markers()) {
                        super::mode_key::rows(ui, key, 16.0 * s, ink, dark);
                        return;
                    }
                    let row = |ui: &mut Ui, kind: IncidentKind, hollow: bool, text: &str| {
                        ui.horizontal(|ui| {
                            let (rect, _) = ui.allocate_exact_size(
                                vec2(20.0 * s, 20.0 * s),
                                egui::Sense::hover(),
                            );
                            swatch(ui.painter(), rect.center(), kind, hollow, ink);
                            ui.label(RichText::new(text).size(16.0 * s).color(ink));
                        });
                    };
                    for kind in IncidentKind::ALL {
                        row(ui, kind, false, kind.label());
                    }
                    row(ui, IncidentKind::Attack, true, "hollow: not claimed by IS");
                    ui.label(
                        RichText::new("Circle area: people ISKP killed")
                            .size(16.0 * s)
                            .color(ink),
                    );
                    ui.label(
                        RichText::new("Diamond: one size, militants not counted")
                            .size(16.0 * s)
                            .color(ink),
                    );
                    for (name, color) in file_layers {
                        ui.horizontal(|ui| {
                            let (rect, _) = ui.allocate_exact_size(
                                vec2(20.0 * s, 20.0 * s),
                                egui::Sense::hover(),
                            );
                            ui.painter().circle(
                                rect.center(),
                                6.0 * s,
                                *color,
                                egui::Stroke::new(1.0, ink),
                            );
                            ui.label(RichText::new(name).size(16.0 * s).color(ink));
                        });
                    }
                    if let Some(key) = key {
                        super::mode_key::rows(ui, key, 16.0 * s, ink, dark);
                    }
                });
        });
}

/// The atlas's title card over the whole window: its name, what it shows, how far its data
/// reach, and how to cite it and the paper.
pub fn title_card(ctx: &egui::Context, dark: bool) {
    let rect = ctx.content_rect();
    let s = stage_scale(rect);
    let (fill, ink) = if dark {
        (Color32::from_rgb(20, 20, 24), Color32::WHITE)
    } else {
        (Color32::WHITE, Color32::from_rgb(20, 20, 24))
    };
    let through = crate::io::embedded::data_through_text();
    egui::Area::new(egui::Id::unique("title-card"))
        .fixed_pos(rect.min)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ctx, |ui| {
            ui.painter().rect_filled(rect, 0.0, fill);
            ui.set_min_size(rect.size());
            ui.set_max_size(rect.size());
            ui.vertical_centered(|ui| {
                ui.add_space(rect.height() * 0.25);
                ui.label(
                    RichText::new("ISKP Atlas")
                        .size(72.0 * s)
                        .strong()
                        .color(ink),
                );
                ui.label(
                    RichText::new("Islamic State Khorasan Province, 2015 to today")
                        .size(30.0 * s)
                        .color(ink),
                );
                ui.add_space(24.0 * s);
                ui.label(RichText::new(&through).size(26.0 * s).strong().color(ink));
                ui.add_space(36.0 * s);
                let cite = |ui: &mut Ui, text: String| {
                    ui.label(RichText::new(text).size((17.0 * s).max(14.0)).color(ink));
                };
                cite(
                    ui,
                    format!("Cite as: {}", crate::model::cite::atlas(&through)),
                );
                cite(ui, format!("After: {}", crate::model::cite::paper()));
            });
        });
}
