//! Country outlines with ISO 3166-1 alpha-3 codes (`assets/countries.geojson`, Natural Earth,
//! made binary by `build.rs`), for checking that an incident lies in the country it names.

use geo::{
    BoundingRect, Contains, Distance, Euclidean, LineString, MultiPolygon, Point, Polygon, Rect,
};
use serde_json::Value;

pub struct Country {
    pub iso3: String,
    pub name: String,
    pub shape: MultiPolygon<f64>,
    bbox: Rect<f64>,
}

pub struct Countries {
    countries: Vec<Country>,
}

/// How far outside its polygon a point may be and still count as in the country: coastal
/// sites, harbours and islands are often a little off the simplified coastline.
pub const COAST_TOLERANCE_DEGREES: f64 = 0.05;

impl Countries {
    /// The outlines compiled into the binary.
    pub fn embedded() -> Self {
        static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/countries.bin"));
        let countries = Self::decode(BYTES).unwrap_or_else(|e| {
            log::error!("embedded countries unreadable: {e}");
            Self {
                countries: Vec::new(),
            }
        });
        crate::io::pages::release(BYTES, BYTES);
        countries
    }

    fn decode(bytes: &[u8]) -> Result<Self, String> {
        let countries = decode_polygons(bytes, "iso3")?
            .into_iter()
            .map(|(props, shape, bbox)| {
                let iso3 = text_prop(&props, "iso3").to_owned();
                Country {
                    name: Some(text_prop(&props, "name"))
                        .filter(|n| !n.is_empty())
                        .unwrap_or(&iso3)
                        .to_owned(),
                    iso3,
                    shape,
                    bbox,
                }
            })
            .collect();
        Ok(Self { countries })
    }

    /// The embedded outlines, read once and shared.
    pub fn shared() -> &'static Self {
        static CELL: std::sync::OnceLock<Countries> = std::sync::OnceLock::new();
        CELL.get_or_init(Self::embedded)
    }

    /// The country at position `n` of the list, and the position of a code.
    pub fn nth(&self, n: usize) -> Option<&Country> {
        self.countries.get(n)
    }

    pub fn position(&self, iso3: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.iso3 == iso3)
    }

    pub fn get(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The countries whose outline holds the point (usually one).
    pub fn at(&self, lon: f64, lat: f64) -> Vec<&Country> {
        let p = Point::new(lon, lat);
        self.countries
            .iter()
            .filter(|c| c.bbox.contains(&p) && c.shape.contains(&p))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.countries.len()
    }

    /// (ISO3, name) of every country.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.countries
            .iter()
            .map(|c| (c.iso3.as_str(), c.name.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }
}

/// A feature's string property, empty when missing.
pub(crate) fn text_prop<'a>(props: &'a serde_json::Map<String, Value>, key: &str) -> &'a str {
    props.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The polygon features of an outline file as `build.rs` writes it from GeoJSON, that carry
/// the string property `key`: their properties, outlines and bounding boxes.
pub(crate) fn decode_polygons(
    bytes: &[u8],
    key: &str,
) -> Result<Vec<(serde_json::Map<String, Value>, MultiPolygon<f64>, Rect<f64>)>, String> {
    let mut r = super::bytes::Reader::new(bytes);
    let features = r.count()?;
    let mut out = Vec::with_capacity(features);
    for _ in 0..features {
        let props_len = r.count()?;
        let props: serde_json::Map<String, Value> =
            serde_json::from_slice(r.take(props_len)?).map_err(|e| e.to_string())?;
        let mut polygons = Vec::new();
        for _ in 0..r.count()? {
            let mut rings: Vec<LineString<f64>> = Vec::new();
            for _ in 0..r.count()? {
                let n = r.count()?;
                let points = r.take(n * 16)?;
                rings.push(LineString::from(
                    points
                        .chunks_exact(16)
                        .map(|p| (f64_at(p, 0), f64_at(p, 8)))
                        .collect::<Vec<_>>(),
                ));
            }
            if !rings.is_empty() {
                let exterior = rings.remove(0);
                polygons.push(Polygon::new(exterior, rings));
            }
        }
        let shape = MultiPolygon(polygons);
        if props.get(key).and_then(Value::as_str).is_none() {
            continue;
        }
        let Some(bbox) = shape.bounding_rect() else {
            continue;
        };
        out.push((props, shape, bbox));
    }
    Ok(out)
}

fn f64_at(bytes: &[u8], at: usize) -> f64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    f64::from_le_bytes(b)
}

impl Country {
    /// Whether the point is inside the outline (bounding box first).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let p = Point::new(lon, lat);
        self.bbox.contains(&p) && self.shape.contains(&p)
    }

    /// Distance in degrees from the point to the country: 0 inside.
    pub fn distance(&self, lon: f64, lat: f64) -> f64 {
        let p = Point::new(lon, lat);
        if self.shape.contains(&p) {
            return 0.0;
        }
        self.shape
            .0
            .iter()
            .map(|poly| Euclidean.distance(&p, poly))
            .fold(f64::INFINITY, f64::min)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_decode_as_the_geojson_holds_them_and_a_short_file_is_an_error() {
        let text = include_str!("../../assets/countries.geojson");
        let root: Value = serde_json::from_str(text).unwrap();
        let features = root["features"].as_array().unwrap();
        let c = Countries::embedded();
        assert_eq!(c.len(), features.len());
        for (f, country) in features.iter().zip(&c.countries) {
            assert_eq!(
                f["properties"]["iso3"].as_str(),
                Some(country.iso3.as_str())
            );
            let polygons = f["geometry"]["coordinates"].as_array().unwrap();
            let first = &polygons[0][0][0];
            let exterior = &country.shape.0[0].exterior().0[0];
            assert_eq!(
                (first[0].as_f64().unwrap(), first[1].as_f64().unwrap()),
                (exterior.x, exterior.y)
            );
            let points: usize = polygons
                .iter()
                .flat_map(|p| p.as_array().unwrap())
                .map(|r| r.as_array().unwrap().len())
                .sum();
            let decoded: usize = country
                .shape
                .0
                .iter()
                .map(|p| {
                    p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()
                })
                .sum();
            assert_eq!(points, decoded, "{}", country.iso3);
        }
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/countries.bin"));
        for cut in [0, 3, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                decode_polygons(&bytes[..cut], "iso3").is_err(),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn finds_the_country_of_well_known_places() {
        let c = Countries::embedded();
        assert!(c.len() > 200);
        let iso = |lon, lat| c.at(lon, lat).first().map(|c| c.iso3.clone());
        assert_eq!(iso(69.18, 34.53).as_deref(), Some("AFG")); // Kabul
        assert_eq!(iso(71.57, 34.01).as_deref(), Some("PAK")); // Peshawar
        assert_eq!(iso(57.08, 30.28).as_deref(), Some("IRN")); // Kerman
        assert_eq!(iso(37.39, 55.83).as_deref(), Some("RUS")); // Krasnogorsk
        assert_eq!(iso(16.37, 48.21).as_deref(), Some("AUT")); // Vienna, from the world file
        assert_eq!(iso(64.0, 16.0), None); // Arabian Sea
        // Malé sits on a tiny island: within the coastal tolerance at worst.
        let mdv = c.get("MDV").unwrap();
        assert!(mdv.distance(73.509, 4.175) <= COAST_TOLERANCE_DEGREES);
        assert!(c.get("AFG").unwrap().distance(71.57, 34.01) > 0.1);
    }
}
