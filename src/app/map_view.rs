//! The map in the middle: the camera for this frame, then the parts in `map/` drawn in
//! order (areas, place names, incidents, picking, date stamp, story card and legend, scale
//! bar, attribution), then what the frame drew, for tests and the benchmark.

use super::mode_view::ModeInputs;
use super::{AtlasApp, FrameStats, Scene, Shown};
use crate::map::ScreenTransform;
use crate::map::fly::Flight;
use crate::map::incidents::{self, Mark};
use crate::map::notes::Tool;
use crate::map::overlays::{self, Look};
use crate::map::picking::{self, Click};
use crate::model::date::month_label;
use crate::model::waves::wave_at;
use crate::model::{Chapter, Dataset, MapMode, RegionRole, Selection, View};
use crate::state::{HOME_BOUNDS, State};
use crate::theme::Theme;
use crate::timeline::Mode;
use crate::ui;
use egui::{Color32, Rect};
use walkers::{Tiles as _, lon_lat};

impl AtlasApp {
    pub(super) fn map_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.available_rect_before_wrap();
        let now = ui.input(|i| i.time);
        self.move_camera(ui, rect, now);
        let attribution = self
            .ensure_online()
            .unwrap_or_else(|| self.rt.tiles.offline.attribution());
        let on_stage = self.rt.story.presenting;
        let look = self.look(rect);
        let file_layers = if on_stage {
            self.file_layers()
        } else {
            Vec::new()
        };
        let chapter = self.chapter_index().filter(|_| on_stage);
        let subtitle = self.subtitle();
        let provenance = if self.rt.launch.provenance {
            self.provenance()
        } else {
            Vec::new()
        };
        let mut stats = FrameStats {
            map_rect: Some(rect),
            incidents_shown: self.shown_count(),
            date_stamp: month_label(self.state.timeline.cursor()),
            ..Default::default()
        };
        let range = self.shown_range();

        // Walkers holds the tiles and the camera mutably while the parts read the rest.
        let Self {
            state, dataset, rt, ..
        } = self;
        // The offline map is always underneath: with an online source and no network (the
        // usual briefing room), the atlas still shows a full map instead of grey squares.
        let online = match &mut rt.tiles.online {
            Some((kind, t)) if *kind == state.basemap => Some(t),
            _ => None,
        };
        let home = state.view.unwrap_or(View {
            lon: 66.0,
            lat: 34.0,
            zoom: 5.0,
        });
        let (scene, camera) = (&mut rt.scene, &mut rt.camera);
        let inputs = Inputs {
            state,
            dataset,
            shown: &rt.shown,
            look,
            file_layers: &file_layers,
            chapter: chapter.map(|i| (i, &rt.story.chapters[i], rt.story.chapters.len())),
            subtitle: &subtitle,
            attribution: &attribution,
            provenance: &provenance,
            range: range.clone(),
            tool: (rt.panels.tool, &rt.panels.tool_points),
            software_gl: rt.software_gl,
        };
        let tiles = MapTiles {
            offline: &mut rt.tiles.offline,
            online,
        };
        let home = lon_lat(home.lon, home.lat);
        let click = show_maps(ui, rect, tiles, home, camera, scene, &inputs, &mut stats);
        if let Some(click) = click {
            self.clicked(click, now);
        }
        self.after_map(ui, stats);
    }

    /// The sizes and colours of this frame, from the theme and, on stage, the map's size.
    fn look(&self, map: Rect) -> Look {
        let theme = self.state.theme;
        Look::new(
            ui::style::label_style(theme),
            ui::style::text_scale(theme),
            theme == Theme::Dark,
            map,
            self.rt.story.presenting,
        )
    }

    /// A click on the map: select what it hit, or fly closer to a cluster.
    fn clicked(&mut self, click: Click, now: f64) {
        match click {
            Click::Select(selection) => self.rt.shown.selection = selection,
            Click::ZoomTo(to) => {
                let from = self.state.view.unwrap_or(to);
                self.rt.camera.flight = Some(Flight::new(from, to, now));
                self.rt.camera.auto_fit = None;
                self.rt.shown.selection = Selection::None;
            }
            Click::Place(at) => self.tool_click(at),
        }
    }

    /// The view this frame: fitted to the region until the user moves the map, a chapter's
    /// view flown to once the map's size is known, a flight in progress.
    fn move_camera(&mut self, ui: &egui::Ui, rect: Rect, now: f64) {
        let camera = &mut self.rt.camera;
        let refit = camera.auto_fit.is_some_and(|r| r != rect);
        if self.state.view.is_none() || refit {
            let view = super::fit(HOME_BOUNDS, rect);
            camera.memory.center_at(lon_lat(view.lon, view.lat));
            let _ = camera.memory.set_zoom(view.zoom);
            self.state.view = Some(view);
            camera.auto_fit = Some(rect);
        }
        if let Some(view) = camera.chapter_view.take() {
            self.fly_to(View {
                zoom: super::chapter_zoom(view.zoom, rect.width()),
                ..view
            });
        }
        let camera = &mut self.rt.camera;
        if let Some(flight) = camera.flight {
            let (view, landed) = flight.at(now);
            camera.memory.center_at(lon_lat(view.lon, view.lat));
            let _ = camera.memory.set_zoom(view.zoom);
            if landed {
                camera.flight = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
    }

    /// "Resurgence · everything so far · 57 incidents, 9 placed only at an area", under the
    /// date stamp, so every export says how many are not at an exact place.
    fn subtitle(&self) -> String {
        let timeline = &self.state.timeline;
        let wave = wave_at(timeline.cursor()).map_or("", |w| w.name);
        let mode = match timeline.mode {
            Mode::Cumulative => "everything so far".to_owned(),
            Mode::Window => format!("last {} months", timeline.window_months),
        };
        let at_area = match self.at_area_count() {
            0 => String::new(),
            n => format!(", {n} placed only at an area"),
        };
        format!(
            "{wave} · {mode} · {} incidents{at_area}",
            self.shown_count()
        )
    }

    /// Where an exported picture comes from: the atlas's version and data month, how many of
    /// all incidents are shown, and the filters in words.
    fn provenance(&self) -> Vec<String> {
        let total = self.dataset.incidents().len();
        vec![
            format!(
                "ISKP Atlas {} · {} · {} of {total} incidents shown",
                crate::model::cite::VERSION,
                crate::io::embedded::data_through_text(),
                self.shown_count()
            ),
            format!(
                "Map: {} · Filters: {}",
                self.state.mode.label().to_lowercase(),
                self.state.filter.describe()
            ),
        ]
    }

    /// The loaded files shown, with their colours: the audience sees which markers come from
    /// a file, and whose.
    fn file_layers(&self) -> Vec<(String, Color32)> {
        self.dataset
            .layers
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(l, _)| self.rt.shown.layer_visible.get(*l).copied().unwrap_or(true))
            .map(|(l, info)| (info.name.clone(), incidents::layer_color(l as u16)))
            .collect()
    }

    /// After the map: the view the user settled on, whether the basemap is complete (and the
    /// start-up timing), and the frame's figures.
    fn after_map(&mut self, ui: &egui::Ui, mut stats: FrameStats) {
        let rt = &mut self.rt;
        if let Some(center) = rt.camera.memory.detached() {
            self.state.view = Some(View {
                lon: center.x(),
                lat: center.y(),
                zoom: rt.camera.memory.zoom(),
            });
        }
        let tiles = &mut rt.tiles;
        // The base tiles are stand-ins for views to come: asked for once the first frame is
        // on the screen, which the repaint here makes the moment it is.
        match tiles.frames {
            0 => ui.ctx().request_repaint(),
            1 => tiles.offline.request_base(),
            _ => {}
        }
        tiles.frames = tiles.frames.saturating_add(1).min(2);
        // Every tile drawn was its own; base tiles or a prefetch may still be rendering.
        stats.basemap_complete = tiles.offline.take_stand_ins() == 0;
        if stats.basemap_complete && !tiles.reported_complete {
            tiles.reported_complete = true;
            if let Some(t0) = rt.launch.started {
                let ms = t0.elapsed().as_secs_f64() * 1e3;
                log::info!("basemap complete on screen {ms:.0} ms after launch");
                if rt.launch.exit_when_drawn {
                    // The next frame starts once this one is on the screen: it ends the
                    // process (see `AtlasApp::ui`).
                    tiles.exit_next_frame = true;
                    ui.ctx().request_repaint();
                }
            }
        }
        let drawn = &rt.scene.drawn;
        stats.incidents_drawn = drawn.incidents;
        stats.clusters = drawn
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Cluster {
                    at, count, killed, ..
                } => Some((*at, *count, *killed)),
                Mark::Incident { .. } | Mark::Area { .. } => None,
            })
            .collect();
        stats.clusters_drawn = stats.clusters.len();
        stats.areas_drawn = drawn
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Area { .. }))
            .count();
        stats.markers_drawn = drawn.marks.len() - stats.clusters_drawn - stats.areas_drawn;
        // The charts drew before the map this frame; their figures carry over.
        stats.chart_years = std::mem::take(&mut self.last_frame.chart_years);
        stats.chart_values = std::mem::take(&mut self.last_frame.chart_values);
        self.last_frame = stats;
    }
}

/// Where place names must not go: under the date stamp, the scale bar and, on stage, the
/// legend.
fn reserved_for_overlays(map: Rect, look: &Look, inputs: &Inputs) -> Vec<Rect> {
    let file_layers = inputs.file_layers.len();
    let below = overlays::footnote_height(look, inputs.provenance.len());
    let mut reserved = vec![
        overlays::date_stamp_area(map, look),
        crate::map::scale_bar::area(map, look.grow(), below),
    ];
    if let Some(k) = look.stage {
        reserved.push(Rect::from_min_max(
            egui::pos2(map.right() - 320.0 * k, map.top()),
            egui::pos2(
                map.right(),
                map.top() + (290.0 + 24.0 * file_layers as f32) * k,
            ),
        ));
    }
    reserved
}

/// The briefer's notes and arrows, the ruler, and what the tool in hand asks for.
fn marks(
    painter: &egui::Painter,
    response: &egui::Response,
    t: &ScreenTransform,
    inputs: &Inputs,
    stats: &mut FrameStats,
) {
    let look = &inputs.look;
    let ink = crate::map::notes::Ink {
        scale: look.grow(),
        text: look.style.text,
        halo: look.style.halo,
    };
    let notes = &inputs.state.notes;
    crate::map::notes::paint_notes(painter, t, notes, &ink);
    stats.notes_drawn = notes.len();
    let (tool, points) = inputs.tool;
    let pointer = response.hover_pos().map(|p| t.screen_to_lonlat(p));
    let ruler = match (tool, points) {
        (Tool::Ruler, [a, b, ..]) => Some((*a, *b)),
        (Tool::Ruler | Tool::Arrow, [a]) => pointer.map(|p| (*a, p)),
        _ => None,
    };
    if let Some((a, b)) = ruler {
        if tool == Tool::Ruler {
            crate::map::notes::paint_ruler(painter, t, a, b, &ink);
            stats.ruler_km = Some(crate::model::note::distance_km(a, b));
        } else {
            let head = t.lonlat_to_screen(b[0], b[1]);
            let tail = t.lonlat_to_screen(a[0], a[1]);
            painter.line_segment([tail, head], egui::Stroke::new(2.0, look.style.text));
        }
    }
    if tool != Tool::None {
        let prompt = tool.prompt(points.len());
        let at = t.clip.center_bottom() + egui::vec2(0.0, -60.0 * look.grow());
        crate::map::labels::halo_text(
            painter,
            at,
            egui::Align2::CENTER_BOTTOM,
            prompt,
            egui::FontId::proportional(18.0 * look.grow()),
            look.style.text,
            look.style.halo,
            2.0,
        );
        response.ctx.set_cursor_icon(egui::CursorIcon::Crosshair);
    }
}

/// The basemap's sources for this frame: the offline map, and the online one on top.
struct MapTiles<'a> {
    offline: &'a mut crate::basemap::offline::OfflineTiles,
    online: Option<&'a mut walkers::HttpTiles>,
}

/// The map, or two periods side by side: two maps of the same view, the right one following
/// the left (and the left following the right when it is the one moved). Returns what a
/// click asked for.
#[allow(clippy::too_many_arguments)]
fn show_maps(
    ui: &mut egui::Ui,
    rect: Rect,
    mut tiles: MapTiles,
    home: walkers::Position,
    camera: &mut super::Camera,
    scene: &mut Scene,
    inputs: &Inputs,
    stats: &mut FrameStats,
) -> Option<Click> {
    let sides = if inputs.state.mode == MapMode::Compare {
        let half = (rect.width() - COMPARE_GAP) / 2.0;
        vec![
            Rect::from_min_size(rect.min, egui::vec2(half, rect.height())),
            Rect::from_min_max(egui::pos2(rect.right() - half, rect.top()), rect.max),
        ]
    } else {
        vec![rect]
    };
    if let Some(center) = camera.memory.detached() {
        camera.twin.center_at(center);
    } else {
        camera.twin.follow_my_position();
    }
    let _ = camera.twin.set_zoom(camera.memory.zoom());
    let twin_before = (camera.twin.detached(), camera.twin.zoom());
    let mut click = None;
    for (side, &area) in sides.iter().enumerate() {
        let memory = if side == 0 {
            &mut camera.memory
        } else {
            &mut camera.twin
        };
        let mut map = walkers::Map::new(Some(&mut *tiles.offline), memory, home)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true);
        if let Some(online) = tiles.online.as_deref_mut() {
            map = map.with_layer(online, 1.0);
        }
        let (flight, auto_fit) = (&mut camera.flight, &mut camera.auto_fit);
        let part = Part {
            side,
            last: side + 1 == sides.len(),
        };
        ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
            map.show(ui, |ui, response, projector, _memory| {
                // A hand on the map takes it back from an animation.
                if response.dragged()
                    || (response.hovered()
                        && ui.input(|i| i.smooth_scroll_delta != egui::Vec2::ZERO))
                {
                    *flight = None;
                    *auto_fit = None;
                }
                let t = ScreenTransform::from_projector(projector);
                if let Some(c) = draw_parts(ui, &response, &t, inputs, scene, stats, part) {
                    click = Some(c);
                }
                if side == 0 {
                    stats.transform = Some(t);
                }
            });
        });
    }
    if sides.len() > 1
        && (camera.twin.detached(), camera.twin.zoom()) != twin_before
        && let Some(center) = camera.twin.detached()
    {
        camera.memory.center_at(center);
        let _ = camera.memory.set_zoom(camera.twin.zoom());
    }
    click
}

/// The gap between the two maps of a comparison, in points.
const COMPARE_GAP: f32 = 6.0;

/// Which map a frame's parts are drawn on: comparing, there are two, and the overlays
/// drawn once (legend, scale bar, attribution) go on the last.
#[derive(Clone, Copy)]
struct Part {
    side: usize,
    last: bool,
}

/// What the map's parts read this frame, named.
struct Inputs<'a> {
    state: &'a State,
    dataset: &'a Dataset,
    shown: &'a Shown,
    look: Look,
    /// On stage: the loaded files shown, for the stage legend.
    file_layers: &'a [(String, Color32)],
    /// On stage: the chapter, its number and how many there are, for the card.
    chapter: Option<(usize, &'a Chapter, usize)>,
    subtitle: &'a str,
    attribution: &'a walkers::sources::Attribution,
    /// Exports: the lines saying where the picture comes from.
    provenance: &'a [String],
    /// The timeline's months, as dataset positions.
    range: std::ops::Range<usize>,
    /// The ruler, note or arrow in hand and the points it has.
    tool: (Tool, &'a [[f64; 2]]),
    /// Each layer drawn before the next is prepared (`map::software_gl`).
    software_gl: bool,
}

/// The parts in drawing order: areas, place names, incidents, then what is under the
/// pointer, and the overlays on top. Returns what a click asked for.
fn draw_parts(
    ui: &mut egui::Ui,
    response: &egui::Response,
    t: &ScreenTransform,
    inputs: &Inputs,
    scene: &mut Scene,
    stats: &mut FrameStats,
    part: Part,
) -> Option<Click> {
    let Inputs {
        state,
        dataset,
        shown,
        look,
        ..
    } = inputs;
    let map = response.rect;
    let painter = ui.painter().with_clip_rect(map);
    let end_layer = || {
        if inputs.software_gl {
            crate::map::software_gl::end_layer(&painter);
        }
    };
    // The panels and the tiles.
    end_layer();
    // Areas: one mesh per role so each keeps its own translucency. The provinces map is
    // filled already; the areas on top of it would only muddy its classes.
    let roles: Vec<RegionRole> = RegionRole::ALL
        .into_iter()
        .filter(|&r| state.layers.region(r) && state.mode != MapMode::Provinces)
        .collect();
    let fade = crate::map::areas::fade(t.zoom);
    let fade = if state.mode == MapMode::Density {
        fade * 0.4
    } else {
        fade
    };
    for (role, meshes) in
        scene.areas[part.side].get(ui.ctx(), t, look.dark, &roles, fade, &scene.regions)
    {
        stats.regions_drawn.push(*role);
        for mesh in meshes {
            painter.add(egui::Shape::Mesh(mesh.clone()));
        }
    }
    end_layer();
    let mut story_names = Vec::new();
    if state.layers.labels {
        let reserved = reserved_for_overlays(map, look, inputs);
        let placed = scene.labels.paint(&painter, t, &look.style, &reserved);
        stats.labels = placed.names.iter().map(|n| (*n).to_owned()).collect();
        story_names = placed.story;
    }
    end_layer();
    scene.drawn = Default::default();
    if state.layers.incidents {
        let m = ModeInputs {
            state,
            dataset,
            shown,
            look,
            range: inputs.range.clone(),
            side: part.side,
        };
        let (drawn, key) = super::mode_view::paint(&painter, t, &m, &mut scene.modes, stats);
        scene.drawn = drawn;
        stats.mode_key = Some(key);
    }
    end_layer();
    // The story's cities stay readable where the clusters pile up on them.
    let drawn = &scene.drawn;
    stats.labels_lifted =
        crate::map::labels::over_markers(&painter, &story_names, &look.style, |r| drawn.covers(r))
            .into_iter()
            .map(str::to_owned)
            .collect();
    marks(&painter, response, t, inputs, stats);
    let (tool, _) = inputs.tool;
    if tool == Tool::None
        && let Some(pos) = response.hover_pos()
    {
        picking::hover(response, &scene.drawn, pos, dataset);
    }
    let click = response
        .clicked()
        .then(|| response.interact_pointer_pos())
        .flatten()
        .map(|pos| {
            if tool == Tool::None {
                let provinces = state.mode == MapMode::Provinces;
                picking::click(&scene.drawn, pos, t, dataset, &state.layers, provinces)
            } else {
                Click::Place(t.screen_to_lonlat(pos))
            }
        });
    if state.mode != MapMode::Compare {
        overlays::date_stamp(&painter, map, look, &stats.date_stamp, inputs.subtitle);
    }
    if !part.last {
        return click;
    }
    if look.stage.is_none()
        && let Some(key) = &stats.mode_key
    {
        ui::mode_key::overlay(ui, map, key, look.dark);
    }
    if look.stage.is_some() {
        if let Some((i, c, n)) = inputs.chapter {
            ui::story::card(ui, map, c, i, n, look.dark);
        }
        ui::story::legend(
            ui,
            map,
            look.dark,
            inputs.file_layers,
            stats.mode_key.as_ref(),
        );
    }
    let below = overlays::footnote_height(look, inputs.provenance.len());
    crate::map::scale_bar::paint(&painter, t, map, &look.style, look.grow(), below);
    overlays::attribution(ui, map, look, inputs.attribution, inputs.provenance);
    click
}
