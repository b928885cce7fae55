//! The briefer's marks on the map: notes, arrows and the ruler. Notes and arrows are saved
//! with the state and with slides; the ruler is only for the moment.

use super::labels::halo_text;
use super::transform::ScreenTransform;
use crate::model::MapNote;
use crate::model::note::{distance_km, distance_text};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, vec2};

/// What a click on the map does besides selecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tool {
    #[default]
    None,
    /// Two clicks: the great-circle distance between them.
    Ruler,
    /// One click: a note there.
    Note,
    /// Two clicks, tail then head: an arrow, with an optional note at its tail.
    Arrow,
}

impl Tool {
    /// What the status line asks for, given how many points are placed.
    pub fn prompt(self, placed: usize) -> &'static str {
        match (self, placed) {
            (Tool::None, _) => "",
            (Tool::Ruler, 0) => "Ruler: click where to measure from",
            (Tool::Ruler, 1) => "Ruler: click where to measure to",
            (Tool::Ruler, _) => "Ruler: click to measure again (Esc ends)",
            (Tool::Note, _) => "Note: click where it goes",
            (Tool::Arrow, 0) => "Arrow: click where it starts",
            (Tool::Arrow, _) => "Arrow: click where it points",
        }
    }
}

/// How big marks are drawn: the stage's scale, or 1.
pub struct Ink {
    pub scale: f32,
    pub text: Color32,
    pub halo: Color32,
}

const ARROW_COLOR: Color32 = Color32::from_rgb(200, 20, 60);

/// Notes and arrows, each arrow with its note (if any) at its tail.
pub fn paint_notes(painter: &Painter, t: &ScreenTransform, notes: &[MapNote], ink: &Ink) {
    for n in notes {
        let at = t.lonlat_to_screen(n.at[0], n.at[1]);
        let anchor = match n.from {
            Some(from) => {
                let tail = t.lonlat_to_screen(from[0], from[1]);
                arrow(painter, tail, at, ink);
                tail
            }
            None => {
                painter.circle(at, 5.0 * ink.scale, ARROW_COLOR, Stroke::new(2.0, ink.halo));
                at
            }
        };
        if !n.text.is_empty() {
            text_box(painter, anchor, &n.text, ink);
        }
    }
}

fn arrow(painter: &Painter, tail: Pos2, head: Pos2, ink: &Ink) {
    let w = 4.0 * ink.scale;
    let dir = (head - tail).normalized();
    if !dir.x.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x);
    let len = 18.0 * ink.scale;
    let base = head - dir * len;
    painter.line_segment([tail, base], Stroke::new(w + 3.0, ink.halo));
    painter.line_segment([tail, base], Stroke::new(w, ARROW_COLOR));
    let tip = vec![head, base + side * len * 0.55, base - side * len * 0.55];
    painter.add(egui::Shape::convex_polygon(
        tip,
        ARROW_COLOR,
        Stroke::new(1.5, ink.halo),
    ));
}

/// A note's text in a box just above and right of `at`.
fn text_box(painter: &Painter, at: Pos2, text: &str, ink: &Ink) {
    let font = FontId::proportional(16.0 * ink.scale);
    let galley = painter.layout(text.to_owned(), font, ink.text, 280.0 * ink.scale);
    let pad = 6.0 * ink.scale;
    let min = at + vec2(8.0, -8.0) * ink.scale - vec2(0.0, galley.size().y + 2.0 * pad);
    let rect = Rect::from_min_size(min, galley.size() + vec2(2.0 * pad, 2.0 * pad));
    painter.rect(
        rect,
        4.0,
        ink.halo.gamma_multiply(0.92),
        Stroke::new(1.5 * ink.scale, ARROW_COLOR),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(pad, pad), galley, ink.text);
}

/// The ruler from `a` to `b` (longitude, latitude): a line with its length written at the
/// middle.
pub fn paint_ruler(painter: &Painter, t: &ScreenTransform, a: [f64; 2], b: [f64; 2], ink: &Ink) {
    let (pa, pb) = (
        t.lonlat_to_screen(a[0], a[1]),
        t.lonlat_to_screen(b[0], b[1]),
    );
    let w = 3.0 * ink.scale;
    painter.line_segment([pa, pb], Stroke::new(w + 3.0, ink.halo));
    painter.extend(egui::Shape::dashed_line(
        &[pa, pb],
        Stroke::new(w, ink.text),
        10.0 * ink.scale,
        6.0 * ink.scale,
    ));
    for p in [pa, pb] {
        painter.circle(p, 5.0 * ink.scale, ink.text, Stroke::new(2.0, ink.halo));
    }
    halo_text(
        painter,
        pa + (pb - pa) * 0.5 + vec2(0.0, -10.0 * ink.scale),
        Align2::CENTER_BOTTOM,
        &distance_text(distance_km(a, b)),
        FontId::proportional(20.0 * ink.scale),
        ink.text,
        ink.halo,
        2.0,
    );
}
