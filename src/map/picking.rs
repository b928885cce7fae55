//! What is under the pointer: the hover tooltip, what a click asks for (an incident, a
//! list, an area, or a closer look at a cluster), and the area under a point.

use super::ScreenTransform;
use super::incidents::{self, Drawn, Mark};
use crate::model::filter::toll_text;
use crate::model::waves::{place_text, when_text};
use crate::model::{Dataset, Layers, RegionRole, Selection, View};
use egui::Pos2;
use geo::Contains;

/// What a click on the map asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Click {
    Select(Selection),
    /// A big cluster, or any cluster zoomed far out: fly closer to it.
    ZoomTo(View),
    /// With the ruler, a note or an arrow in hand: this point (longitude, latitude).
    Place([f64; 2]),
}

/// A tooltip at the pointer for the marker under it.
pub fn hover(response: &egui::Response, drawn: &Drawn, pointer: Pos2, dataset: &Dataset) {
    match drawn.pick(pointer) {
        Some(Mark::Incident { id, .. }) => {
            let inc = &dataset.incidents()[*id as usize];
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.strong(&inc.title);
                ui.label(format!(
                    "{} · {}, {}",
                    when_text(inc.date, inc.date_precision),
                    inc.place,
                    inc.country
                ));
                if let Some(text) = place_text(inc.geo_precision) {
                    ui.label(format!("{text}: the exact place is not known"));
                }
                ui.colored_label(
                    incidents::kind_color(inc.kind),
                    format!("{} · {}", inc.kind.label(), toll_text(inc)),
                );
            });
        }
        Some(Mark::Cluster { count, killed, .. }) => {
            response.clone().on_hover_text_at_pointer(format!(
                "{count} incidents, {killed} killed by ISKP (operations' militants not counted): click to zoom in"
            ));
        }
        Some(Mark::Area { count, name, .. }) => {
            response.clone().on_hover_text_at_pointer(format!(
                "{count} incidents placed only at {name}: the sources do not say where in it. Click to list them"
            ));
        }
        None => {}
    }
}

/// What a click at `pointer` means: the marker there, else the area there, else nothing.
pub fn click(
    drawn: &Drawn,
    pointer: Pos2,
    t: &ScreenTransform,
    dataset: &Dataset,
    layers: &Layers,
    provinces: bool,
) -> Click {
    match drawn.pick(pointer) {
        Some(Mark::Area { members, at, .. }) => {
            if members.is_empty() {
                closer(t, *at)
            } else {
                Click::Select(Selection::Many(members.clone()))
            }
        }
        Some(Mark::Cluster { members, at, .. }) => {
            // Small clusters on a close view list their incidents; otherwise a click zooms
            // in two levels on the cluster.
            if t.zoom < incidents::CLUSTER_BELOW_ZOOM - 0.5 || members.is_empty() {
                closer(t, *at)
            } else {
                Click::Select(Selection::Many(members.clone()))
            }
        }
        Some(Mark::Incident { .. }) => {
            let here = drawn.incidents_at(pointer);
            Click::Select(if here.len() > 1 {
                Selection::Many(here)
            } else {
                Selection::Incident(here[0])
            })
        }
        None if provinces => {
            let [lon, lat] = t.screen_to_lonlat(pointer);
            Click::Select(
                crate::io::provinces::Provinces::shared()
                    .at(lon, lat)
                    .map_or(Selection::None, Selection::Province),
            )
        }
        None => Click::Select(
            region_at(dataset, layers, t, pointer).map_or(Selection::None, Selection::Region),
        ),
    }
}

/// Two zoom levels closer, centred on `at`.
fn closer(t: &ScreenTransform, at: Pos2) -> Click {
    let [lon, lat] = t.screen_to_lonlat(at);
    Click::ZoomTo(View {
        lon,
        lat,
        zoom: (t.zoom + 2.0).min(16.0),
    })
}

/// The topmost visible area under a screen point, as an index into `Dataset::regions`.
pub fn region_at(
    dataset: &Dataset,
    layers: &Layers,
    t: &ScreenTransform,
    pos: Pos2,
) -> Option<usize> {
    let [lon, lat] = t.screen_to_lonlat(pos);
    let p = geo::Point::new(lon, lat);
    RegionRole::ALL
        .iter()
        .rev()
        .filter(|r| layers.region(**r))
        .find_map(|role| {
            dataset
                .regions
                .iter()
                .position(|r| r.role == *role && r.geometry.contains(&p))
        })
}
