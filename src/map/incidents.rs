//! Incidents as points: colour by kind, area by death toll, this year's bright and earlier
//! ones faded so the animation reads as a sweep through time.

use super::transform::ScreenTransform;
use crate::basemap::tile_math::lonlat_to_unit;
use crate::model::{Dataset, Incident, IncidentKind};
use egui::{Color32, Painter, Pos2, Stroke};

pub fn kind_color(kind: IncidentKind) -> Color32 {
    match kind {
        IncidentKind::Attack => Color32::from_rgb(200, 20, 45),
        IncidentKind::Plot => Color32::from_rgb(35, 100, 190),
        IncidentKind::Clash => Color32::from_rgb(230, 120, 0),
        IncidentKind::CtOperation => Color32::from_rgb(20, 140, 70),
        IncidentKind::Leadership => Color32::from_rgb(120, 40, 150),
    }
}

/// Marker radius in points: area grows with the toll, so a 100-death attack reads as ten
/// times a 10-death one, capped so Abbey Gate does not cover Kabul.
pub fn radius(incident: &Incident, scale: f32) -> f32 {
    let killed = incident.killed.or(incident.killed_high).unwrap_or(0) as f32;
    (4.0 + 1.5 * killed.sqrt()).min(22.0) * scale
}

/// Markers shrink below zoom 6 so that on a continent-wide view they mark places rather
/// than cover whole provinces.
pub fn zoom_scale(zoom: f64) -> f32 {
    (0.55 + 0.15 * (zoom as f32 - 3.0)).clamp(0.55, 1.0)
}

/// Markers this far outside the map are still drawn, so one straddling the edge is not cut
/// off before it leaves the screen.
pub const CULL_MARGIN_PX: f32 = 30.0;

/// Mercator positions of the dataset's incidents, parallel to `Dataset::incidents()`.
pub struct IncidentPoints {
    units: Vec<[f64; 2]>,
}

impl IncidentPoints {
    pub fn new(dataset: &Dataset) -> Self {
        let units = dataset
            .incidents()
            .iter()
            .map(|i| {
                let (x, y) = lonlat_to_unit(i.lon, i.lat);
                [x, y]
            })
            .collect();
        Self { units }
    }

    /// Paints incidents up to `cursor_month`; returns how many were drawn.
    pub fn paint(
        &self,
        painter: &Painter,
        t: &ScreenTransform,
        dataset: &Dataset,
        cursor_month: i32,
        scale: f32,
        halo: Color32,
    ) -> usize {
        let shown = dataset.up_to_month(cursor_month);
        let view = t.visible_units(CULL_MARGIN_PX);
        let mut drawn = 0;
        for (incident, u) in shown.iter().zip(&self.units) {
            if u[0] < view[0] || u[0] > view[2] || u[1] < view[1] || u[1] > view[3] {
                continue;
            }
            let age = cursor_month - incident.date.month_index();
            let color = kind_color(incident.kind);
            let color = if age < 12 {
                color
            } else {
                color.gamma_multiply(0.55)
            };
            let at = t.unit_to_screen(*u);
            painter.circle(
                at,
                radius(incident, scale),
                color,
                Stroke::new(1.5 * scale, halo),
            );
            drawn += 1;
        }
        drawn
    }

    /// The shown incident under `pointer`, topmost (latest) first.
    pub fn pick<'a>(
        &self,
        t: &ScreenTransform,
        dataset: &'a Dataset,
        cursor_month: i32,
        pointer: Pos2,
        scale: f32,
    ) -> Option<&'a Incident> {
        let shown = dataset.up_to_month(cursor_month);
        shown
            .iter()
            .zip(&self.units)
            .rev()
            .find(|(incident, u)| {
                let at = t.unit_to_screen(**u);
                at.distance(pointer) <= radius(incident, scale).max(6.0)
            })
            .map(|(i, _)| i)
    }
}
