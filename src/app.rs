//! The eframe app: owns the persisted [`State`], the loaded data and the runtime handles, and
//! wires model, map and ui together. Every action goes through [`AtlasApp::run`].

use crate::basemap::offline::OfflineTiles;
use crate::basemap::tile_math::{lonlat_to_unit, unit_to_lonlat};
use crate::basemap::{BasemapKind, online};
use crate::commands::{self, Command};
use crate::map::ScreenTransform;
use crate::map::incidents::{IncidentPoints, kind_color};
use crate::map::labels::Labels;
use crate::map::regions::{RegionShape, area_style};
use crate::model::date::month_label;
use crate::model::{Dataset, RegionRole};
use crate::state::{HOME_BOUNDS, STORAGE_KEY, State, View};
use crate::theme::Theme;
use crate::ui;
use egui::{Align2, Color32, FontId, Rect};
use walkers::{HttpTiles, MapMemory, Tiles, lon_lat};

/// Overrides from the command line, applied on top of the saved state.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub basemap: Option<BasemapKind>,
    pub year: Option<i32>,
    pub theme: Option<Theme>,
    /// When the process started, to log how long the first complete map took.
    pub started: Option<std::time::Instant>,
    /// Close the window after the first complete frame (startup measurements).
    pub exit_when_drawn: bool,
}

/// What the last frame drew; read by tests and the benchmark.
#[derive(Debug, Clone, Default)]
pub struct FrameStats {
    pub regions_drawn: Vec<RegionRole>,
    pub incidents_drawn: usize,
    pub labels: Vec<String>,
    pub map_rect: Option<Rect>,
    /// Every visible basemap tile was its own, not a scaled-up stand-in.
    pub basemap_complete: bool,
}

pub struct AtlasApp {
    pub state: State,
    pub dataset: Dataset,
    /// Problems found loading data, shown to the user; what did load is still shown.
    pub load_errors: Vec<String>,
    pub last_frame: FrameStats,
    rt: Runtime,
}

/// Handles that are rebuilt on start, never saved.
struct Runtime {
    ctx: egui::Context,
    map_memory: MapMemory,
    offline: OfflineTiles,
    online: Option<(BasemapKind, HttpTiles)>,
    regions: Vec<RegionShape>,
    points: IncidentPoints,
    labels: Labels,
    show_help: bool,
    applied_theme: Option<Theme>,
    launch: Launch,
    reported_complete: bool,
}

impl AtlasApp {
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let saved = cc.storage.and_then(|s| s.get_string(STORAGE_KEY));
        Self::new(&cc.egui_ctx, saved.as_deref(), launch)
    }

    pub fn new(ctx: &egui::Context, saved: Option<&str>, launch: Launch) -> Self {
        let (dataset, errors) = crate::io::embedded::load();
        let load_errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        for e in &load_errors {
            log::error!("{e}");
        }
        let mut state = State::restore(saved);
        // Operations that began before ISKP (Zarb-e-Azb, 2014) still start the axis at 2015.
        if let Some((_, last)) = dataset.year_span() {
            state.timeline.set_range(crate::timeline::FIRST_YEAR, last);
        }
        if let Some(b) = launch.basemap {
            state.basemap = b;
        }
        if let Some(t) = launch.theme {
            state.theme = t;
        }
        if let Some(y) = launch.year {
            state.timeline.set_year(y);
        }
        let mut map_memory = MapMemory::default();
        if let Some(v) = state.view {
            map_memory.center_at(lon_lat(v.lon, v.lat));
            let _ = map_memory.set_zoom(v.zoom);
        }
        let texture_px = if ctx.pixels_per_point() > 1.25 {
            512
        } else {
            256
        };
        // Start the tile workers on the view the first frame will most likely show, and
        // triangulate the areas meanwhile, so the first frame can already be complete.
        let (offline, regions) = std::thread::scope(|scope| {
            let regions = scope.spawn(|| dataset.regions.iter().map(RegionShape::new).collect());
            let offline = OfflineTiles::new(ctx.clone(), state.theme, texture_px);
            let screen = ctx.content_rect();
            let screen = if screen.width() > 200.0 && screen.width() < 8000.0 {
                screen
            } else {
                Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))
            };
            // Roughly the map's part of the window: less the legend and the two bars.
            let map_rect = Rect::from_min_max(
                screen.min + egui::vec2(190.0, 30.0),
                screen.max - egui::vec2(0.0, 40.0),
            );
            let view = state.view.unwrap_or_else(|| fit(HOME_BOUNDS, map_rect));
            let (ux, uy) = lonlat_to_unit(view.lon, view.lat);
            offline.prefetch((ux, uy), view.zoom, map_rect.size());
            (offline, regions.join().unwrap_or_default())
        });
        let rt = Runtime {
            ctx: ctx.clone(),
            map_memory,
            offline,
            online: None,
            regions,
            points: IncidentPoints::new(&dataset),
            labels: Labels::embedded(),
            show_help: false,
            applied_theme: None,
            launch,
            reported_complete: false,
        };
        Self {
            state,
            dataset,
            load_errors,
            last_frame: FrameStats::default(),
            rt,
        }
    }

    /// Carries out one command. Keys, buttons and tests all come through here.
    pub fn run(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::TogglePlay => s.timeline.toggle_play(),
            Command::StepYearBack => s.timeline.step_years(-1),
            Command::StepYearForward => s.timeline.step_years(1),
            Command::StepMonthBack => s.timeline.step_months(-1),
            Command::StepMonthForward => s.timeline.step_months(1),
            Command::ZoomIn => {
                let _ = self.rt.map_memory.zoom_in();
            }
            Command::ZoomOut => {
                let _ = self.rt.map_memory.zoom_out();
            }
            Command::ResetView => s.view = None,
            Command::CycleTheme => s.theme = s.theme.next(),
            Command::ToggleRegion(role) => {
                let on = s.layers.region_mut(role);
                *on = !*on;
            }
            Command::ToggleIncidents => s.layers.incidents = !s.layers.incidents,
            Command::ToggleLabels => s.layers.labels = !s.layers.labels,
            Command::ToggleHelp => self.rt.show_help = !self.rt.show_help,
            Command::CloseHelp => self.rt.show_help = false,
        }
    }

    pub fn set_basemap(&mut self, basemap: BasemapKind) {
        self.state.basemap = basemap;
    }

    pub fn set_theme(&mut self, theme: Theme) {
        self.state.theme = theme;
    }

    pub fn help_open(&self) -> bool {
        self.rt.show_help
    }

    /// Offline tiles rendered and ready as textures.
    pub fn offline_tiles_ready(&self) -> usize {
        self.rt.offline.cached()
    }

    /// Offline tiles still waiting for a worker.
    pub fn offline_tiles_pending(&self) -> usize {
        self.rt.offline.pending()
    }

    fn sync_theme(&mut self, ctx: &egui::Context) {
        let theme = self.state.theme;
        if self.rt.applied_theme != Some(theme) {
            ui::style::apply(ctx, theme);
            self.rt.offline.set_theme(theme);
            self.rt.applied_theme = Some(theme);
        }
    }

    /// Makes sure the chosen online source exists (created on first use only, so the
    /// default offline atlas never opens a connection). Returns its attribution.
    fn ensure_online(&mut self) -> Option<walkers::sources::Attribution> {
        let kind = self.state.basemap;
        if kind == BasemapKind::Offline {
            return None;
        }
        if self.rt.online.as_ref().map(|(k, _)| *k) != Some(kind) {
            log::info!("switching to online basemap {} (network)", kind.code());
            let tiles = match kind {
                BasemapKind::OpenTopoMap => online::opentopomap(self.rt.ctx.clone()),
                _ => online::openstreetmap(self.rt.ctx.clone()),
            };
            self.rt.online = Some((kind, tiles));
        }
        self.rt.online.as_ref().map(|(_, t)| t.attribution())
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.heading(egui::RichText::new("ISKP Atlas").strong());
            // The subtitle gives way first when the window is narrow.
            if ui.available_width() > 1000.0 * ui::style::text_scale(self.state.theme) {
                ui.label("Islamic State Khorasan Province, 2015 to today");
            }
            ui.separator();
            let mut basemap = self.state.basemap;
            let label = ui.label("Basemap");
            egui::ComboBox::from_id_salt("basemap")
                .selected_text(basemap.label())
                .show_ui(ui, |ui| {
                    for b in BasemapKind::ALL {
                        ui.selectable_value(&mut basemap, b, b.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if basemap != self.state.basemap {
                self.set_basemap(basemap);
            }
            let mut theme = self.state.theme;
            let label = ui.label("Theme");
            egui::ComboBox::from_id_salt("theme")
                .selected_text(theme.label())
                .show_ui(ui, |ui| {
                    for t in Theme::ALL {
                        ui.selectable_value(&mut theme, t, t.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if theme != self.state.theme {
                self.set_theme(theme);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Help (?)").clicked() {
                    commands.push(Command::ToggleHelp);
                }
                if ui.button("Whole region").on_hover_text("Home").clicked() {
                    commands.push(Command::ResetView);
                }
            });
        });
        commands
    }

    fn map_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.available_rect_before_wrap();
        if self.state.view.is_none() {
            let view = fit(HOME_BOUNDS, rect);
            self.rt.map_memory.center_at(lon_lat(view.lon, view.lat));
            let _ = self.rt.map_memory.set_zoom(view.zoom);
            self.state.view = Some(view);
        }
        let home = self.state.view.unwrap_or(View {
            lon: 66.0,
            lat: 34.0,
            zoom: 5.0,
        });
        let theme = self.state.theme;
        let dark = theme == Theme::Dark;
        let online_attribution = self.ensure_online();
        let attribution = online_attribution.unwrap_or_else(|| self.rt.offline.attribution());

        // Split the borrows: walkers holds the tiles and map memory mutably while the overlay
        // closure reads the rest.
        let Self {
            state,
            dataset,
            rt,
            last_frame,
            ..
        } = self;
        // The offline map is always underneath: with an online source and no network (the
        // usual briefing room), the atlas still shows a full map instead of grey squares.
        let online_tiles = match &mut rt.online {
            Some((kind, t)) if *kind == state.basemap => Some(t),
            _ => None,
        };
        let regions = &rt.regions;
        let points = &rt.points;
        let labels = &rt.labels;
        let mut stats = FrameStats {
            map_rect: Some(rect),
            ..Default::default()
        };
        let mut map = walkers::Map::new(
            Some(&mut rt.offline),
            &mut rt.map_memory,
            lon_lat(home.lon, home.lat),
        )
        .zoom_with_ctrl(false)
        .double_click_to_zoom(true);
        if let Some(online) = online_tiles {
            map = map.with_layer(online, 1.0);
        }
        map.show(ui, |ui, response, projector, _memory| {
            let t = ScreenTransform::from_projector(projector);
            let painter = ui.painter().with_clip_rect(response.rect);

            // Areas: one mesh per role so each keeps its own translucency.
            for role in RegionRole::ALL {
                if !state.layers.region(role) {
                    continue;
                }
                let mut style = area_style(role, dark);
                // Zoomed in, an area is context rather than subject: let the map show through.
                style.fill = style.fill.gamma_multiply(area_fade(t.zoom));
                let mut mesh = egui::Mesh::default();
                let mut outlines = Vec::new();
                for shape in regions.iter().filter(|r| r.role == role) {
                    shape.paint(&t, &style, &mut mesh, &mut outlines);
                }
                if !mesh.is_empty() {
                    stats.regions_drawn.push(role);
                    painter.add(mesh);
                    painter.extend(outlines);
                }
            }

            let label_style = ui::style::label_style(theme);
            if state.layers.labels {
                stats.labels = labels
                    .paint(&painter, &t, &label_style)
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
            }

            let scale =
                ui::style::text_scale(theme).min(1.2) * crate::map::incidents::zoom_scale(t.zoom);
            let cursor = state.timeline.cursor;
            if state.layers.incidents {
                stats.incidents_drawn =
                    points.paint(&painter, &t, dataset, cursor, scale, label_style.halo);
                if let Some(pos) = response.hover_pos()
                    && let Some(incident) = points.pick(&t, dataset, cursor, pos, scale)
                {
                    response.clone().on_hover_ui_at_pointer(|ui| {
                        ui.strong(&incident.title);
                        ui.label(format!(
                            "{} · {}, {}",
                            incident.date, incident.place, incident.country
                        ));
                        let killed =
                            match (incident.killed, incident.killed_low, incident.killed_high) {
                                (Some(k), Some(lo), Some(hi)) if lo != hi => {
                                    format!("{k} killed (reports {lo}–{hi})")
                                }
                                (Some(k), _, _) => format!("{k} killed"),
                                _ => "Deaths not known".to_owned(),
                            };
                        ui.colored_label(
                            kind_color(incident.kind),
                            format!("{} · {}", incident.kind.label(), killed),
                        );
                    });
                }
            }

            // The year, large, for the back of the room.
            let year_font = FontId::proportional(46.0 * ui::style::text_scale(theme));
            let at = response.rect.left_top() + egui::vec2(16.0, 10.0);
            let year = state.timeline.year().to_string();
            for d in [
                egui::vec2(-2.0, 0.0),
                egui::vec2(2.0, 0.0),
                egui::vec2(0.0, -2.0),
                egui::vec2(0.0, 2.0),
            ] {
                painter.text(
                    at + d,
                    Align2::LEFT_TOP,
                    &year,
                    year_font.clone(),
                    label_style.halo,
                );
            }
            painter.text(at, Align2::LEFT_TOP, &year, year_font, label_style.text);
            let sub = format!("through {}", month_label(cursor));
            let sub_font = FontId::proportional(15.0 * ui::style::text_scale(theme));
            let sub_at = at + egui::vec2(2.0, 56.0 * ui::style::text_scale(theme));
            painter.text(sub_at, Align2::LEFT_TOP, sub, sub_font, label_style.text);

            // Attribution, always visible, linking to the provider.
            let area = response.rect.shrink(4.0);
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(area)
                    .layout(egui::Layout::right_to_left(egui::Align::Max)),
                |ui| {
                    egui::Frame::new()
                        .fill(if dark {
                            Color32::from_black_alpha(170)
                        } else {
                            Color32::from_white_alpha(200)
                        })
                        .inner_margin(4.0)
                        .corner_radius(3.0)
                        .show(ui, |ui| {
                            // OSM asks for the copyright sign; Natural Earth has none to give.
                            let text = if attribution.text.contains('©')
                                || attribution.text.contains("public domain")
                            {
                                format!("Basemap: {}", attribution.text)
                            } else {
                                format!("Basemap: © {}", attribution.text)
                            };
                            ui.hyperlink_to(text, attribution.url);
                        });
                },
            );
        });

        if let Some(center) = rt.map_memory.detached() {
            state.view = Some(View {
                lon: center.x(),
                lat: center.y(),
                zoom: rt.map_memory.zoom(),
            });
        }
        stats.basemap_complete = rt.offline.take_stand_ins() == 0 && rt.offline.pending() == 0;
        if stats.basemap_complete && !rt.reported_complete {
            rt.reported_complete = true;
            if let Some(t0) = rt.launch.started {
                let ms = t0.elapsed().as_secs_f64() * 1e3;
                log::info!("basemap complete on screen {ms:.0} ms after launch");
                if rt.launch.exit_when_drawn {
                    println!("first complete frame: {ms:.1} ms");
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
        *last_frame = stats;
    }
}

/// Fill opacity factor for areas: full up to zoom 6, down to 45 % from zoom 9.
fn area_fade(zoom: f64) -> f32 {
    (1.0 - (zoom as f32 - 6.0) / 3.0 * 0.55).clamp(0.45, 1.0)
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

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        for command in commands::pressed(&ctx) {
            self.run(command);
        }
        self.sync_theme(&ctx);
        let dt = ctx.input(|i| i.stable_dt).min(0.25);
        if self.state.timeline.playing {
            self.state.timeline.tick(f64::from(dt));
            ctx.request_repaint();
        }

        let mut clicked = Vec::new();
        egui::Panel::top("top-bar").show(ui, |ui| {
            clicked.extend(self.top_bar(ui));
        });
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            clicked.extend(ui::timeline_bar::show(ui, &mut self.state.timeline));
            ui.add_space(4.0);
        });
        let shown = self.dataset.up_to_month(self.state.timeline.cursor).len();
        let total = self.dataset.incidents().len();
        let dark = self.state.theme == Theme::Dark;
        let layers = self.state.layers.clone();
        let errors = self.load_errors.clone();
        egui::Panel::left("legend").resizable(false).show(ui, |ui| {
            ui.add_space(6.0);
            clicked.extend(ui::legend::show(ui, &layers, dark, shown, total));
            if !errors.is_empty() {
                ui.separator();
                ui.colored_label(
                    Color32::from_rgb(200, 40, 40),
                    format!("{} data problems:", errors.len()),
                );
                for e in errors.iter().take(5) {
                    ui.label(egui::RichText::new(e).small());
                }
            }
        });
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui));
        for command in clicked {
            self.run(command);
        }
        let mut open = self.rt.show_help;
        ui::help::show(&ctx, &mut open);
        self.rt.show_help = open;
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.state.save());
    }
}
