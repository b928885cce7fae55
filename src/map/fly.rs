//! Smooth camera moves: about a second from one view to another, eased, interruptible.

use crate::model::View;
use crate::model::mercator::{lonlat_to_unit, unit_to_lonlat};

#[derive(Debug, Clone, Copy)]
pub struct Flight {
    from: View,
    to: View,
    start: f64,
    duration: f64,
}

impl Flight {
    /// A flight starting at time `now` (seconds, any clock).
    pub fn new(from: View, to: View, now: f64) -> Self {
        // Longer hops take a little longer, but never drag.
        let (a, b) = (
            lonlat_to_unit(from.lon, from.lat),
            lonlat_to_unit(to.lon, to.lat),
        );
        let hop =
            ((a.0 - b.0).hypot(a.1 - b.1) * 256.0 * 2f64.powf(from.zoom.min(to.zoom))).max(1.0);
        let duration = (0.6 + 0.12 * hop.log2()).clamp(0.6, 1.4);
        Self {
            from,
            to,
            start: now,
            duration,
        }
    }

    pub fn target(&self) -> View {
        self.to
    }

    /// The view at time `now`, and whether the flight has landed.
    pub fn at(&self, now: f64) -> (View, bool) {
        let t = ((now - self.start) / self.duration).clamp(0.0, 1.0);
        let e = if t < 0.5 {
            4.0 * t * t * t
        } else {
            1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
        };
        let (ax, ay) = lonlat_to_unit(self.from.lon, self.from.lat);
        let (bx, by) = lonlat_to_unit(self.to.lon, self.to.lat);
        let (lon, lat) = unit_to_lonlat(ax + (bx - ax) * e, ay + (by - ay) * e);
        let zoom = self.from.zoom + (self.to.zoom - self.from.zoom) * e;
        (View { lon, lat, zoom }, t >= 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_from_lands_on_to_and_moves_monotonically() {
        let from = View {
            lon: 66.0,
            lat: 34.0,
            zoom: 5.0,
        };
        let to = View {
            lon: 70.45,
            lat: 34.43,
            zoom: 9.0,
        };
        let f = Flight::new(from, to, 10.0);
        let (v0, done0) = f.at(10.0);
        assert!(!done0 && (v0.lon - 66.0).abs() < 1e-9 && v0.zoom == 5.0);
        let (v1, done1) = f.at(100.0);
        assert!(done1 && (v1.lon - 70.45).abs() < 1e-9 && (v1.zoom - 9.0).abs() < 1e-12);
        let mut last = 5.0;
        for k in 0..=20 {
            let (v, _) = f.at(10.0 + f64::from(k) * 0.07);
            assert!(v.zoom >= last - 1e-12);
            last = v.zoom;
        }
    }
}
