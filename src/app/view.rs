//! Where the map looks: setting and flying the view, zooming, going to a search hit, and the
//! basemap and theme that draw it.

use super::AtlasApp;
use crate::basemap::tile_math::{lonlat_to_unit, unit_to_lonlat};
use crate::basemap::{BasemapKind, online};
use crate::map::fly::Flight;
use crate::model::{Hit, Selection, View};
use crate::ui;
use egui::Rect;
use walkers::lon_lat;

impl AtlasApp {
    /// Puts the map at `view` at once.
    pub fn set_view(&mut self, view: View) {
        let camera = &mut self.rt.camera;
        camera.flight = None;
        camera.auto_fit = None;
        camera.memory.center_at(lon_lat(view.lon, view.lat));
        let _ = camera.memory.set_zoom(view.zoom);
        self.state.view = Some(view);
    }

    /// Flies the map to `view` over about a second.
    pub fn fly_to(&mut self, view: View) {
        let now = self.rt.ctx.input(|i| i.time);
        let from = self.state.view.unwrap_or(view);
        self.rt.camera.flight = Some(Flight::new(from, view, now));
        self.rt.camera.auto_fit = None;
    }

    pub(super) fn zoom(&mut self, closer: bool) {
        let camera = &mut self.rt.camera;
        camera.flight = None;
        camera.auto_fit = None;
        let _ = if closer {
            camera.memory.zoom_in()
        } else {
            camera.memory.zoom_out()
        };
    }

    /// Flies to a search hit; an incident is also selected.
    pub fn go_to(&mut self, hit: &Hit) {
        match hit {
            Hit::Incident(i) => {
                let inc = &self.dataset.incidents()[*i as usize];
                let (lon, lat, month) = (inc.lon, inc.lat, inc.date.month_index());
                let zoom = self.state.view.map_or(8.0, |v| v.zoom.max(8.0));
                self.fly_to(View { lon, lat, zoom });
                self.state.timeline.playing = false;
                if self.state.timeline.cursor() < month {
                    self.state.timeline.set_cursor(month);
                }
                self.rt.shown.selection = Selection::Incident(*i);
            }
            Hit::Place { view, .. } => self.fly_to(*view),
        }
    }

    pub(super) fn sync_theme(&mut self, ctx: &egui::Context) {
        let theme = self.state.theme;
        let tiles = &mut self.rt.tiles;
        if tiles.applied_theme != Some(theme) {
            ui::style::apply(ctx, theme);
            tiles.offline.set_theme(theme);
            tiles.applied_theme = Some(theme);
        }
    }

    /// Makes sure the chosen online source exists (created on first use only, so the
    /// default offline atlas never opens a connection). Returns its attribution.
    pub(super) fn ensure_online(&mut self) -> Option<walkers::sources::Attribution> {
        let kind = self.state.basemap;
        if kind == BasemapKind::Offline {
            return None;
        }
        let tiles = &mut self.rt.tiles;
        if tiles.online.as_ref().map(|(k, _)| *k) != Some(kind) {
            log::info!("switching to online basemap {} (network)", kind.code());
            let source = match kind {
                BasemapKind::OpenTopoMap => online::opentopomap(self.rt.ctx.clone()),
                _ => online::openstreetmap(self.rt.ctx.clone()),
            };
            tiles.online = Some((kind, source));
        }
        use walkers::Tiles as _;
        tiles.online.as_ref().map(|(_, t)| t.attribution())
    }
}

/// Chapters are framed for a map 1600 points wide; a bigger map shows the same ground in
/// more detail rather than more of the world, and a smaller one a little less.
pub fn chapter_zoom(zoom: f64, map_width: f32) -> f64 {
    zoom + f64::from(map_width.max(200.0) / 1600.0)
        .log2()
        .clamp(-1.5, 1.5)
}

/// The view that fits `bounds` (west, south, east, north) into `rect`.
pub fn fit(bounds: [f64; 4], rect: Rect) -> View {
    let (x0, y0) = lonlat_to_unit(bounds[0], bounds[3]);
    let (x1, y1) = lonlat_to_unit(bounds[2], bounds[1]);
    let w = f64::from(rect.width().max(64.0));
    let h = f64::from(rect.height().max(64.0));
    let zoom = ((w / ((x1 - x0) * 256.0)).min(h / ((y1 - y0) * 256.0))).log2();
    let (lon, lat) = unit_to_lonlat((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    View {
        lon,
        lat,
        zoom: zoom.clamp(2.0, 12.0),
    }
}
