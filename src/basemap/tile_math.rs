//! Web Mercator tile arithmetic, shared by the offline renderer and the overlays.
//!
//! Positions are "mercator units": the world is [`WORLD_UNITS`] wide and tall, x growing east
//! from 180°W and y growing south from 85.05°N, the same square walkers and every slippy map
//! use. Integers keep the embedded basemap exact and compact.

/// 2^24 units across the world: 64 units per pixel at zoom 10, 1/16 px at zoom 16.
pub const WORLD_UNITS: i64 = 1 << 24;

pub use crate::model::mercator::{MAX_LAT, lonlat_to_unit, unit_to_lonlat};

/// The tile `(x, y)` at `zoom` that contains a position.
pub fn tile_containing(lon: f64, lat: f64, zoom: u8) -> (u32, u32) {
    let (ux, uy) = lonlat_to_unit(lon, lat);
    let n = f64::from(1u32 << zoom);
    let clamp = |v: f64| (v * n).floor().clamp(0.0, n - 1.0) as u32;
    (clamp(ux), clamp(uy))
}

/// The square a tile covers, in mercator units: (min x, min y, span).
pub fn tile_bounds(x: u32, y: u32, zoom: u8) -> (i64, i64, i64) {
    let span = WORLD_UNITS >> zoom.min(24);
    (i64::from(x) * span, i64::from(y) * span, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kabul_is_in_the_expected_tiles() {
        // Kabul, 69.18E 34.53N: zoom 6 tile (44, 25), zoom 10 tile (708, 407).
        assert_eq!(tile_containing(69.18, 34.53, 6), (44, 25));
        assert_eq!(tile_containing(69.18, 34.53, 10), (708, 407));
    }

    #[test]
    fn round_trip_and_extremes() {
        for (lon, lat) in [(69.18, 34.53), (-122.4, 37.8), (0.0, 0.0), (179.9, -60.0)] {
            let (x, y) = lonlat_to_unit(lon, lat);
            let (lon2, lat2) = unit_to_lonlat(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
        assert_eq!(tile_containing(-180.0, 89.0, 3), (0, 0));
        assert_eq!(tile_containing(180.0, -89.0, 3), (7, 7));
        assert_eq!(lonlat_to_unit(0.0, 0.0), (0.5, 0.5));
    }

    #[test]
    fn tile_bounds_tile_the_world() {
        let (x0, y0, span) = tile_bounds(3, 5, 3);
        assert_eq!(span * 8, WORLD_UNITS);
        assert_eq!((x0, y0), (3 * span, 5 * span));
    }
}
