//! A scale bar, bottom right above the attribution, for distances at the map's centre.

use super::ScreenTransform;
use super::labels::{LabelStyle, halo_text};
use crate::model::mercator::unit_to_lonlat;
use egui::{Align2, FontId, Rect};

/// Earth's circumference at the equator, in metres (WGS 84).
const EQUATOR_M: f64 = 40_075_016.686;

/// The longest round distance (1, 2 or 5 times a power of ten, in metres) that fits in
/// `max_px` pixels at `metres_per_px`.
pub fn round_length(metres_per_px: f64, max_px: f64) -> f64 {
    let target = metres_per_px * max_px;
    [1.0, 2.0, 5.0]
        .iter()
        .flat_map(|m| (0..8).map(move |e| m * 10f64.powi(e)))
        .filter(|d| *d <= target)
        .fold(1.0, f64::max)
}

/// The corner the bar and its text take at most, with what is under it (`below` points of
/// attribution), kept free of place names.
pub fn area(map: Rect, scale: f32, below: f32) -> Rect {
    Rect::from_min_max(
        egui::pos2(
            map.right() - 16.0 - 180.0 * scale,
            map.bottom() - below - 50.0 * scale,
        ),
        map.right_bottom(),
    )
}

/// Draws the bar `below` points above the map's bottom edge (clear of the attribution).
pub fn paint(
    painter: &egui::Painter,
    t: &ScreenTransform,
    map: Rect,
    style: &LabelStyle,
    scale: f32,
    below: f32,
) {
    let [_, uy] = t.screen_to_unit(map.center());
    let (_, lat) = unit_to_lonlat(0.5, uy);
    let metres_per_px = lat.to_radians().cos() * EQUATOR_M / t.world_px();
    if !metres_per_px.is_finite() || metres_per_px <= 0.0 {
        return;
    }
    let nice = round_length(metres_per_px, 160.0 * f64::from(scale));
    let px = (nice / metres_per_px) as f32;
    let right = map.right() - 16.0;
    let y = map.bottom() - below - 12.0 * scale;
    let left = right - px;
    let stroke = egui::Stroke::new(3.0 * scale, style.text);
    let halo = egui::Stroke::new(6.0 * scale, style.halo);
    for s in [halo, stroke] {
        painter.line_segment([egui::pos2(left, y), egui::pos2(right, y)], s);
        painter.line_segment([egui::pos2(left, y - 6.0), egui::pos2(left, y)], s);
        painter.line_segment([egui::pos2(right, y - 6.0), egui::pos2(right, y)], s);
    }
    let text = if nice >= 1000.0 {
        format!("{} km", nice / 1000.0)
    } else {
        format!("{nice} m")
    };
    halo_text(
        painter,
        egui::pos2((left + right) / 2.0, y - 8.0),
        Align2::CENTER_BOTTOM,
        &text,
        FontId::proportional(14.0 * scale),
        style.text,
        style.halo,
        1.0,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_is_a_round_length_that_fits() {
        assert_eq!(round_length(1000.0, 160.0), 100_000.0);
        assert_eq!(round_length(1000.0, 250.0), 200_000.0);
        assert_eq!(round_length(10.0, 160.0), 1000.0);
        assert_eq!(round_length(3.0, 160.0), 200.0);
    }
}
