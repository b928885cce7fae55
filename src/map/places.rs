//! Provinces and countries as drawable shapes, taken in the first time each is needed: the
//! choropleth needs a few dozen provinces, the areas incidents are placed at fewer. Their
//! levels of detail were prepared at build time (`io::shape_lods`); copying in all 437
//! provinces and 250 countries on start would still cost memory no view needs.

use super::regions::PolygonShape;
use crate::io::countries::Countries;
use crate::io::provinces::{Area, Provinces};
use geo::InteriorPoint;
use std::collections::HashMap;

pub struct Place {
    pub shape: PolygonShape,
    /// Where its badge or number goes, in longitude and latitude.
    pub anchor: [f64; 2],
}

#[derive(Default)]
pub struct PlaceShapes {
    shapes: HashMap<Area, Option<Place>>,
}

impl PlaceShapes {
    /// The shape of a province or a country; `None` if the embedded data lacks it.
    pub fn get(&mut self, area: Area) -> Option<&Place> {
        self.shapes
            .entry(area)
            .or_insert_with(|| match area {
                Area::Province(n) => Provinces::shared().get(usize::from(n)).map(|p| Place {
                    shape: PolygonShape::new(&p.shape),
                    anchor: p.label,
                }),
                Area::Country(n) => Countries::shared().nth(usize::from(n)).map(|c| Place {
                    shape: PolygonShape::new(&c.shape),
                    anchor: c
                        .shape
                        .0
                        .iter()
                        .max_by(|a, b| {
                            use geo::Area as _;
                            a.unsigned_area().total_cmp(&b.unsigned_area())
                        })
                        .and_then(|p| p.interior_point())
                        .map_or([0.0, 0.0], |p| [p.x(), p.y()]),
                }),
            })
            .as_ref()
    }
}
