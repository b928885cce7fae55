//! What a briefer writes on the map: a note at a point, or an arrow from one point to another
//! with an optional note at its tail; and the ruler's great-circle distance.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapNote {
    /// Longitude, latitude of the point the note is about (an arrow's head).
    pub at: [f64; 2],
    /// Where an arrow starts; `None` for a plain note.
    #[serde(default)]
    pub from: Option<[f64; 2]>,
    #[serde(default)]
    pub text: String,
}

/// Mean Earth radius (IUGG), in km.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between two longitude, latitude points, in km (haversine).
pub fn distance_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (lat1, lat2) = (a[1].to_radians(), b[1].to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b[0] - a[0]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// "412 km", "38.5 km", "850 m".
pub fn distance_text(km: f64) -> String {
    if km < 1.0 {
        format!("{:.0} m", km * 1000.0)
    } else if km < 100.0 {
        format!("{km:.1} km")
    } else {
        format!("{km:.0} km")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn great_circle_distances_match_known_figures() {
        // Kabul to Jalalabad is about 120 km as the crow flies; Kabul to Islamabad about 375.
        let kabul = [69.17, 34.53];
        let d = distance_km(kabul, [70.45, 34.43]);
        assert!((110.0..130.0).contains(&d), "{d}");
        let d = distance_km(kabul, [73.05, 33.68]);
        assert!((360.0..390.0).contains(&d), "{d}");
        // A quarter of the equator.
        let d = distance_km([0.0, 0.0], [90.0, 0.0]);
        assert!((d - 10_007.5).abs() < 1.0, "{d}");
        assert_eq!(distance_text(412.3), "412 km");
        assert_eq!(distance_text(38.46), "38.5 km");
        assert_eq!(distance_text(0.85), "850 m");
    }
}
