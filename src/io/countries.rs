//! Country outlines with ISO 3166-1 alpha-3 codes (`assets/countries.geojson`, Natural Earth),
//! for checking that an incident lies in the country it names.

use geo::{BoundingRect, Contains, Distance, Euclidean, MultiPolygon, Point, Rect};
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
        Self::parse(include_str!("../../assets/countries.geojson")).unwrap_or_else(|e| {
            log::error!("embedded countries unreadable: {e}");
            Self {
                countries: Vec::new(),
            }
        })
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let countries = read_polygons(text, "iso3")?
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

/// The polygon features of a GeoJSON FeatureCollection that carry the string property `key`:
/// their properties, outlines and bounding boxes. Other geometries are skipped.
pub(crate) fn read_polygons(
    text: &str,
    key: &str,
) -> Result<Vec<(serde_json::Map<String, Value>, MultiPolygon<f64>, Rect<f64>)>, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .ok_or("not a FeatureCollection")?;
    let mut out = Vec::with_capacity(features.len());
    for f in features {
        let props = f
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let (Some(name), Some(geometry)) =
            (props.get(key).and_then(Value::as_str), f.get("geometry"))
        else {
            continue;
        };
        let geometry = geojson::Geometry::from_json_value(geometry.clone())
            .map_err(|e| format!("{name}: {e}"))?;
        let shape: geo::Geometry<f64> = geometry
            .try_into()
            .map_err(|e: geojson::Error| format!("{name}: {e}"))?;
        let shape = match shape {
            geo::Geometry::MultiPolygon(mp) => mp,
            geo::Geometry::Polygon(p) => MultiPolygon(vec![p]),
            _ => continue,
        };
        let Some(bbox) = shape.bounding_rect() else {
            continue;
        };
        out.push((props, shape, bbox));
    }
    Ok(out)
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
