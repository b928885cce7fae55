//! Mercator fractions to screen points for the current frame, computed once per frame from
//! walkers' projector so overlays can be projected with one multiply-add per vertex.

use crate::basemap::tile_math::lonlat_to_unit;
use egui::{Pos2, Rect, pos2};
use walkers::Projector;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenTransform {
    /// Screen position of mercator (0, 0).
    origin: (f64, f64),
    /// Pixels across the whole world at this zoom.
    world_px: f64,
    pub zoom: f64,
    pub clip: Rect,
}

impl ScreenTransform {
    pub fn from_projector(projector: &Projector) -> Self {
        let clip = projector.clip_rect();
        let zoom = projector.zoom();
        let center = projector.unproject(clip.center().to_vec2());
        Self::new(clip, zoom, center.x(), center.y())
    }

    /// A map of `clip` centred on (`lon`, `lat`) at `zoom`, as walkers draws it.
    pub fn new(clip: Rect, zoom: f64, lon: f64, lat: f64) -> Self {
        let world_px = 256.0 * 2f64.powf(zoom);
        let (ux, uy) = lonlat_to_unit(lon, lat);
        let c = clip.center();
        Self {
            origin: (
                f64::from(c.x) - ux * world_px,
                f64::from(c.y) - uy * world_px,
            ),
            world_px,
            zoom,
            clip,
        }
    }

    /// Pixels across the whole world at this zoom.
    pub fn world_px(&self) -> f64 {
        self.world_px
    }

    /// Screen point back to mercator fractions.
    pub fn screen_to_unit(&self, p: Pos2) -> [f64; 2] {
        [
            (f64::from(p.x) - self.origin.0) / self.world_px,
            (f64::from(p.y) - self.origin.1) / self.world_px,
        ]
    }

    /// Screen point to longitude and latitude.
    pub fn screen_to_lonlat(&self, p: Pos2) -> [f64; 2] {
        let [x, y] = self.screen_to_unit(p);
        let (lon, lat) = crate::model::mercator::unit_to_lonlat(x, y);
        [lon, lat]
    }

    pub fn unit_to_screen(&self, u: [f64; 2]) -> Pos2 {
        pos2(
            (self.origin.0 + u[0] * self.world_px) as f32,
            (self.origin.1 + u[1] * self.world_px) as f32,
        )
    }

    pub fn lonlat_to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        let (x, y) = lonlat_to_unit(lon, lat);
        self.unit_to_screen([x, y])
    }

    /// The visible area in mercator fractions, grown by `margin_px` on every side.
    pub fn visible_units(&self, margin_px: f32) -> [f64; 4] {
        let r = self.clip.expand(margin_px);
        let to_unit = |p: Pos2| {
            [
                (f64::from(p.x) - self.origin.0) / self.world_px,
                (f64::from(p.y) - self.origin.1) / self.world_px,
            ]
        };
        let a = to_unit(r.min);
        let b = to_unit(r.max);
        [a[0], a[1], b[0], b[1]]
    }
}

/// Do two [min x, min y, max x, max y] boxes overlap?
pub fn boxes_touch(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centre_maps_to_centre_and_zoom_doubles_distances() {
        let clip = Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(800.0, 600.0));
        let t = ScreenTransform::new(clip, 5.0, 66.0, 34.0);
        let c = t.lonlat_to_screen(66.0, 34.0);
        assert!((c - clip.center()).length() < 1e-3);
        let east = t.lonlat_to_screen(67.0, 34.0).x - c.x;
        let t6 = ScreenTransform::new(clip, 6.0, 66.0, 34.0);
        let east6 = t6.lonlat_to_screen(67.0, 34.0).x - t6.lonlat_to_screen(66.0, 34.0).x;
        assert!((east6 / east - 2.0).abs() < 1e-4);
        // One degree of longitude at zoom 5 is 8192 / 360 pixels.
        assert!((east - 8192.0 / 360.0).abs() < 1e-3);
    }
}
