//! Web Mercator: longitude/latitude to the unit square every slippy map (and walkers) uses,
//! x growing east from 180°W and y growing south from 85.05°N.

/// Web Mercator stops at this latitude so the world is square.
pub const MAX_LAT: f64 = 85.051_128_78;

/// Longitude/latitude in degrees to mercator fractions (0..1 each way).
pub fn lonlat_to_unit(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT);
    let x = (lon + 180.0) / 360.0;
    let s = lat.to_radians().sin();
    let y = 0.5 - ((1.0 + s) / (1.0 - s)).ln() / (4.0 * std::f64::consts::PI);
    (x, y)
}

/// Mercator fractions back to longitude/latitude in degrees.
pub fn unit_to_lonlat(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let n = std::f64::consts::PI * (1.0 - 2.0 * y);
    let lat = n.sinh().atan().to_degrees();
    (lon, lat)
}
