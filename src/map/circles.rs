//! Circles for the map's many markers. egui already draws a filled circle as one textured
//! square, but strokes its edge with 32 to 64 corners whatever the size, four vertices
//! each: at a few hundred markers those edges were most of a frame's triangles, and the
//! software renderer of a projector laptop pays for every one. These edges get only the
//! corners a viewer could tell apart from a true circle.

use egui::{Color32, Painter, Pos2, Shape, Stroke};

/// How far, in pixels, an edge's straight pieces may stray inside the true circle.
const TOLERANCE_PX: f32 = 0.2;

/// The largest disc egui keeps ready in its font texture (`LARGEST_CIRCLE_RADIUS`), in
/// pixels, and the margin it rounds a radius up by before picking one (2^0.25).
const PREPARED_DISC_PX: f32 = 8.0;
const PREPARED_DISC_MARGIN: f32 = 1.189;

/// A filled circle with its edge outside `r`, as `Painter::circle` draws it.
pub fn circle(painter: &Painter, at: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    let outer_px = (r + stroke.width) * painter.pixels_per_point();
    if fill.is_opaque() && !stroke.is_empty() && outer_px * PREPARED_DISC_MARGIN <= PREPARED_DISC_PX
    {
        // A small dot (a city's, on every label): its edge as a disc of the edge's colour
        // under it. Both are egui's ready discs, four triangles where the stroked edge is
        // some seventy; the fill hides the edge disc's middle.
        painter.circle_filled(at, r + stroke.width, stroke.color);
        painter.circle_filled(at, r, fill);
    } else {
        painter.circle_filled(at, r, fill);
        ring(painter, at, r, stroke);
    }
}

/// The edge alone, outside `r` (as `Painter::circle_stroke`).
pub fn ring(painter: &Painter, at: Pos2, r: f32, stroke: Stroke) {
    if stroke.is_empty() || r <= 0.0 {
        return;
    }
    let mid = r + stroke.width / 2.0;
    painter.add(Shape::closed_line(
        points(at, mid, painter.pixels_per_point()),
        stroke,
    ));
}

/// The corners of a circle of radius `r` points: as many as keep every side within
/// [`TOLERANCE_PX`] of the circle, between 8 and 64.
pub fn points(at: Pos2, r: f32, pixels_per_point: f32) -> Vec<Pos2> {
    let n = corners(r * pixels_per_point);
    (0..n)
        .map(|k| {
            let a = k as f32 / n as f32 * std::f32::consts::TAU;
            at + egui::vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

fn corners(r_px: f32) -> usize {
    if r_px <= TOLERANCE_PX {
        return 8;
    }
    // A side spanning angle 2θ strays r(1 - cos θ) inside at its middle.
    let half_angle = (1.0 - TOLERANCE_PX / r_px).acos();
    ((std::f32::consts::PI / half_angle).ceil() as usize).clamp(8, 64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_grow_with_the_radius_and_keep_within_the_tolerance() {
        let mut last = 0;
        for r in [1.0f32, 4.0, 8.0, 16.0, 30.0, 60.0, 500.0] {
            let n = corners(r);
            assert!(n >= last, "{r}: {n} < {last}");
            last = n;
            let sagitta = r * (1.0 - (std::f32::consts::PI / n as f32).cos());
            assert!(sagitta <= TOLERANCE_PX + 1e-3 || n == 64, "{r}: {sagitta}");
        }
        // A typical marker edge has far fewer corners than egui's 32.
        assert!(corners(8.0) <= 16, "{}", corners(8.0));
        assert_eq!(corners(500.0), 64);
    }

    #[test]
    fn points_lie_on_the_circle() {
        let at = egui::pos2(100.0, 50.0);
        for p in points(at, 12.0, 2.0) {
            assert!(((p - at).length() - 12.0).abs() < 1e-3);
        }
    }
}
