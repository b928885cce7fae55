//! First-level provinces (`assets/provinces.geojson`, Natural Earth admin-1, written by
//! `tools/derive_provinces.py`, made binary by `build.rs`): for filling provinces by count and for drawing an incident
//! placed only at a province as that province. And which province or country each incident
//! stands for.

use super::countries::{Countries, decode_polygons, text_prop};
use crate::model::{Dataset, GeoPrecision, Incident};
use geo::{Contains, MultiPolygon, Point, Rect};
use std::collections::HashMap;

pub struct Province {
    pub iso3: String,
    /// Natural Earth's spelling, as the data's `admin1` holds it.
    pub ne_name: String,
    /// The common English name shown to users.
    pub name: String,
    /// Where its name goes (longitude, latitude).
    pub label: [f64; 2],
    pub shape: MultiPolygon<f64>,
    bbox: Rect<f64>,
}

impl Province {
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        let p = Point::new(lon, lat);
        self.bbox.contains(&p) && self.shape.contains(&p)
    }
}

#[derive(Default)]
pub struct Provinces {
    list: Vec<Province>,
    by_name: HashMap<(String, String), usize>,
    /// For each whole-degree cell, the provinces whose bounding box touches it: a point is
    /// tested against a handful of outlines, not all of them.
    grid: HashMap<(i32, i32), Vec<u16>>,
}

impl Provinces {
    fn decode(bytes: &[u8]) -> Result<Self, String> {
        let list: Vec<Province> = decode_polygons(bytes, "ne_name")?
            .into_iter()
            .map(|(props, shape, bbox)| {
                let label = props
                    .get("label")
                    .and_then(|v| serde_json::from_value::<[f64; 2]>(v.clone()).ok())
                    .unwrap_or([bbox.center().x, bbox.center().y]);
                Province {
                    iso3: text_prop(&props, "iso3").to_owned(),
                    ne_name: text_prop(&props, "ne_name").to_owned(),
                    name: text_prop(&props, "name").to_owned(),
                    label,
                    shape,
                    bbox,
                }
            })
            .collect();
        let by_name = list
            .iter()
            .enumerate()
            .map(|(n, p)| ((p.iso3.clone(), p.ne_name.to_lowercase()), n))
            .collect();
        let mut grid: HashMap<(i32, i32), Vec<u16>> = HashMap::new();
        for (n, p) in list.iter().enumerate() {
            let (min, max) = (p.bbox.min(), p.bbox.max());
            for x in min.x.floor() as i32..=max.x.floor() as i32 {
                for y in min.y.floor() as i32..=max.y.floor() as i32 {
                    grid.entry((x, y)).or_default().push(n as u16);
                }
            }
        }
        Ok(Self {
            list,
            by_name,
            grid,
        })
    }

    /// The embedded provinces, read the first time they are asked for.
    pub fn shared() -> &'static Self {
        static CELL: std::sync::OnceLock<Provinces> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            // Our own asset, checked by a test: failing here is a broken build.
            static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/provinces.bin"));
            let provinces = Self::decode(BYTES).unwrap_or_else(|e| {
                log::error!("embedded provinces unreadable: {e}");
                Self::default()
            });
            crate::io::pages::release(BYTES, BYTES);
            provinces
        })
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, n: usize) -> Option<&Province> {
        self.list.get(n)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Province> {
        self.list.iter()
    }

    /// A province by country code and Natural Earth name (any case).
    pub fn find(&self, iso3: &str, ne_name: &str) -> Option<usize> {
        self.by_name
            .get(&(iso3.to_owned(), ne_name.to_lowercase()))
            .copied()
    }

    /// The province whose outline holds the point.
    pub fn at(&self, lon: f64, lat: f64) -> Option<usize> {
        self.grid
            .get(&(lon.floor() as i32, lat.floor() as i32))?
            .iter()
            .map(|&n| usize::from(n))
            .find(|&n| self.list[n].contains(lon, lat))
    }

    /// Each incident's province: by the name its file gives, else by where it lies. Points
    /// are looked up once per 0.01 degree, since large files repeat the same places.
    pub fn assign(&self, incidents: &[Incident]) -> Vec<Option<u16>> {
        let mut memo: HashMap<(i64, i64), Option<u16>> = HashMap::new();
        incidents
            .iter()
            .map(|i| {
                if !i.admin1.is_empty()
                    && let Some(n) = self.find(&i.country, &i.admin1)
                {
                    return Some(n as u16);
                }
                let key = (
                    (i.lon * 100.0).round() as i64,
                    (i.lat * 100.0).round() as i64,
                );
                *memo
                    .entry(key)
                    .or_insert_with(|| self.at(i.lon, i.lat).map(|n| n as u16))
            })
            .collect()
    }
}

/// The area an incident placed at a province or a country stands for: the province if it is
/// known, else the country. District-level incidents are drawn at their point, as a soft
/// disc, so they have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    Province(u16),
    Country(u16),
}

impl Area {
    /// One number per area, for grouping: provinces first, then countries.
    pub fn index(self, provinces: usize) -> usize {
        match self {
            Self::Province(n) => usize::from(n),
            Self::Country(n) => provinces + usize::from(n),
        }
    }

    pub fn from_index(n: usize, provinces: usize) -> Self {
        if n < provinces {
            Self::Province(n as u16)
        } else {
            Self::Country((n - provinces) as u16)
        }
    }

    /// "Nangarhar, AFG" or "Afghanistan".
    pub fn name(self) -> String {
        match self {
            Self::Province(n) => Provinces::shared()
                .get(usize::from(n))
                .map_or_else(String::new, |p| format!("{}, {}", p.name, p.iso3)),
            Self::Country(n) => Countries::shared()
                .nth(usize::from(n))
                .map_or_else(String::new, |c| c.name.clone()),
        }
    }
}

/// Where each incident of a dataset lies: its province, and the area it stands for when
/// its place is only a province or a country. Worked out once per loaded dataset.
pub struct Placed {
    pub province: Vec<Option<u16>>,
    pub area: Vec<Option<Area>>,
}

impl Placed {
    pub fn of(dataset: &Dataset) -> Self {
        let province = Provinces::shared().assign(dataset.incidents());
        let area = areas(dataset, &province);
        Self { province, area }
    }

    /// One flag per incident: drawn as an area, not at its point.
    pub fn at_area(&self) -> Vec<bool> {
        self.area.iter().map(Option::is_some).collect()
    }

    /// How many groups [`Area::index`] numbers: every province, then every country.
    pub fn area_groups() -> usize {
        Provinces::shared().len() + Countries::shared().len()
    }
}

/// The area each incident stands for, if its place is a province or a country.
fn areas(dataset: &Dataset, province_of: &[Option<u16>]) -> Vec<Option<Area>> {
    let countries = Countries::shared();
    dataset
        .incidents()
        .iter()
        .zip(province_of)
        .map(|(i, p)| match i.geo_precision {
            GeoPrecision::Province => p.map(Area::Province).or_else(|| {
                countries
                    .position(&i.country)
                    .map(|c| Area::Country(c as u16))
            }),
            GeoPrecision::Country => countries
                .position(&i.country)
                .map(|c| Area::Country(c as u16)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_provinces_by_name_and_by_place_fata_apart() {
        let p = Provinces::shared();
        assert!(p.len() > 400);
        let name = |n: Option<usize>| n.map(|n| p.get(n).unwrap().name.clone());
        assert_eq!(
            name(p.find("AFG", "nangarhar")).as_deref(),
            Some("Nangarhar")
        );
        assert_eq!(name(p.at(70.45, 34.43)).as_deref(), Some("Nangarhar")); // Jalalabad
        assert_eq!(
            name(p.at(71.57, 34.01)).as_deref(),
            Some("Khyber Pakhtunkhwa")
        ); // Peshawar
        assert_eq!(name(p.at(71.5, 34.7)).as_deref(), Some("FATA")); // Bajaur
        assert_eq!(name(p.find("PAK", "F.A.T.A.")).as_deref(), Some("FATA"));
        assert_eq!(p.at(64.0, 16.0), None); // Arabian Sea
    }
}
