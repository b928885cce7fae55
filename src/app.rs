//! The eframe app: owns the persisted [`State`], the loaded data and the runtime handles, and
//! wires model, map and ui together. Every action goes through [`AtlasApp::run`].

use crate::basemap::offline::OfflineTiles;
use crate::basemap::tile_math::{lonlat_to_unit, unit_to_lonlat};
use crate::basemap::{BasemapKind, online};
use crate::commands::{self, Command};
use crate::map::ScreenTransform;
use crate::map::fly::Flight;
use crate::map::incidents::{self, Drawn, Mark};
use crate::map::labels::{Labels, halo_text};
use crate::map::regions::RegionShape;
use crate::model::date::month_label;
use crate::model::waves::{date_text, wave_at};
use crate::model::{Chapter, Dataset, Filter, RegionRole};
use crate::state::{HOME_BOUNDS, STORAGE_KEY, State, View};
use crate::theme::Theme;
use crate::timeline::Mode;
use crate::ui;
use crate::ui::details::Selection;
use crate::ui::search::Hit;
use egui::{Align2, Color32, FontId, Pos2, Rect};
use geo::Contains;
use walkers::{HttpTiles, MapMemory, Tiles, lon_lat};

mod charts;
mod layers;

/// Overrides from the command line, applied on top of the saved state.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub basemap: Option<BasemapKind>,
    pub year: Option<i32>,
    pub theme: Option<Theme>,
    /// Start in presentation mode.
    pub present: bool,
    /// Open at this story chapter (by id).
    pub chapter: Option<String>,
    /// On stage without choosing a chapter: exports show what they were asked for.
    pub stage_only: bool,
    /// Incident files loaded on top of the embedded data.
    pub data: Vec<crate::io::import::DataFile>,
    /// When the process started, to log how long the first complete map took.
    pub started: Option<std::time::Instant>,
    /// Close the window after the first complete frame (startup measurements).
    pub exit_when_drawn: bool,
}

/// What the last frame drew; read by tests and the benchmark.
#[derive(Debug, Clone, Default)]
pub struct FrameStats {
    pub regions_drawn: Vec<RegionRole>,
    /// Incidents on the map (alone or in clusters).
    pub incidents_drawn: usize,
    /// Incidents passing the filters and the timeline, on screen or not.
    pub incidents_shown: usize,
    /// Clusters and single markers drawn.
    pub clusters_drawn: usize,
    /// Each cluster's place, how many incidents it holds and the victims its label counts.
    pub clusters: Vec<(Pos2, usize, u32)>,
    pub markers_drawn: usize,
    pub labels: Vec<String>,
    pub map_rect: Option<Rect>,
    pub transform: Option<ScreenTransform>,
    /// The big month-and-year stamp on the map.
    pub date_stamp: String,
    /// Every visible basemap tile was its own, not a scaled-up stand-in.
    pub basemap_complete: bool,
    /// Screen position of each year's bar in the per-year chart, when charts are open.
    pub chart_years: Vec<(i32, Pos2)>,
    /// The per-year chart's value for each year.
    pub chart_values: Vec<(i32, u32)>,
    /// The per-year chart covered the map on stage.
    pub stage_chart: bool,
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
    /// The areas tessellated for the current view.
    areas: crate::map::areas::Areas,
    labels: Labels,
    choices: ui::filters::Choices,
    /// Per data layer: how many incidents (counted once per load), shown, and whether only
    /// rows with IS as a side are.
    layer_counts: Vec<usize>,
    layer_visible: Vec<bool>,
    is_only: Vec<bool>,
    /// Files loading, waiting, or waiting for their columns, and the windows for them.
    data: layers::DataUi,
    /// Which incidents pass `mask_filter`, and running counts of them for quick totals.
    mask: Vec<bool>,
    mask_prefix: Vec<u32>,
    /// Cluster cells for zoomed-out views, rebuilt with the mask.
    clusters: crate::map::cluster::Levels,
    mask_filter: Option<(Filter, Vec<bool>, Vec<bool>)>,
    selection: Selection,
    drawn: Drawn,
    scratch: Vec<u32>,
    flight: Option<Flight>,
    /// The map rect the automatic opening view was fitted to; `None` once the user has
    /// moved the map. While set, a changed rect (panels settling, window resized) refits.
    auto_fit: Option<Rect>,
    search: String,
    show_help: bool,
    chapters: Vec<Chapter>,
    /// Incidents the current chapter is about, drawn ringed and never clustered.
    highlight: Vec<u32>,
    presenting: bool,
    blank: bool,
    export: ui::export_panel::ExportPanel,
    /// A chapter's view waiting for the next frame to be fitted to the map's size.
    chapter_view: Option<View>,
    slides: ui::slides::Fields,
    /// The theme to return to when presentation mode ends.
    theme_before_presenting: Option<Theme>,
    applied_theme: Option<Theme>,
    launch: Launch,
    reported_complete: bool,
    /// What saving the charts' table last did.
    chart_notice: Option<String>,
}

impl AtlasApp {
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let saved = cc.storage.and_then(|s| s.get_string(STORAGE_KEY));
        Self::new(&cc.egui_ctx, saved.as_deref(), launch)
    }

    pub fn new(ctx: &egui::Context, saved: Option<&str>, launch: Launch) -> Self {
        let (dataset, errors) = crate::io::embedded::load_with(&launch.data);
        let load_errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        for e in &load_errors {
            log::error!("{e}");
        }
        let mut state = State::restore(saved);
        // Operations that began before ISKP (Zarb-e-Azb, 2014) still start the axis at 2015;
        // it ends with the last month that has data.
        if let Some(last) = dataset.incidents().last() {
            let first = crate::timeline::FIRST_YEAR * 12;
            state
                .timeline
                .set_months(first, last.date.month_index().max(first));
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
                screen.max - egui::vec2(0.0, 70.0),
            );
            let view = state.view.unwrap_or_else(|| fit(HOME_BOUNDS, map_rect));
            let (ux, uy) = lonlat_to_unit(view.lon, view.lat);
            offline.prefetch((ux, uy), view.zoom, map_rect.size());
            (offline, regions.join().unwrap_or_default())
        });
        let choices = ui::filters::Choices::new(&dataset);
        let (chapters, mut load_errors) = (load_chapters(&dataset), load_errors);
        load_errors.extend(chapters.1);
        let chapters = chapters.0;
        let rt = Runtime {
            ctx: ctx.clone(),
            map_memory,
            offline,
            online: None,
            regions,
            areas: Default::default(),
            labels: Labels::embedded(),
            choices,
            mask: Vec::new(),
            mask_prefix: Vec::new(),
            clusters: Default::default(),
            mask_filter: None,
            layer_counts: Vec::new(),
            layer_visible: Vec::new(),
            is_only: Vec::new(),
            data: layers::DataUi::default(),
            selection: Selection::None,
            drawn: Drawn::default(),
            scratch: Vec::new(),
            flight: None,
            auto_fit: None,
            search: String::new(),
            show_help: false,
            chapters,
            highlight: Vec::new(),
            presenting: false,
            blank: false,
            export: ui::export_panel::ExportPanel::new(2015, state.timeline.last_year()),
            slides: ui::slides::Fields::default(),
            chapter_view: None,
            theme_before_presenting: None,
            applied_theme: None,
            launch,
            reported_complete: false,
            chart_notice: None,
        };
        let mut app = Self {
            state,
            dataset,
            load_errors,
            last_frame: FrameStats::default(),
            rt,
        };
        app.rt.layer_counts = app.dataset.layer_counts();
        app.refresh_mask();
        let start_chapter = app.rt.launch.chapter.clone();
        if let Some(i) =
            start_chapter.and_then(|id| app.rt.chapters.iter().position(|c| c.id == id))
        {
            app.go_to_chapter(i);
        }
        if app.rt.launch.present {
            let pick = !app.rt.launch.stage_only;
            app.set_presenting(true, pick);
        }
        app
    }

    fn slide_action(&mut self, action: ui::slides::Action) {
        use ui::slides::Action;
        let message = match action {
            Action::Save(name) => {
                self.save_bookmark(&name);
                format!("Saved slide '{name}'")
            }
            Action::Go(i) => {
                self.go_to_bookmark(i);
                String::new()
            }
            Action::Up(i) => {
                self.move_bookmark(i, true);
                String::new()
            }
            Action::Down(i) => {
                self.move_bookmark(i, false);
                String::new()
            }
            Action::Delete(i) => {
                self.delete_bookmark(i);
                String::new()
            }
            Action::Export(path) => self.export_bookmarks(&path).unwrap_or_else(|e| e),
            Action::Import(path) => self.import_bookmarks(&path).unwrap_or_else(|e| e),
        };
        self.rt.slides.message = message;
    }

    /// Saves what is on screen as a named slide, at the end of the list.
    pub fn save_bookmark(&mut self, name: &str) {
        let s = &self.state;
        let Some(view) = s.view else { return };
        self.state.bookmarks.push(crate::bookmarks::Bookmark {
            name: name.to_owned(),
            view,
            month: s.timeline.cursor(),
            layers: s.layers.clone(),
            filter: s.filter.clone(),
            chapter: s.chapter.clone(),
        });
    }

    /// Shows slide `i`: its view (flown to), month, layers and filter.
    pub fn go_to_bookmark(&mut self, i: usize) {
        let Some(b) = self.state.bookmarks.get(i).cloned() else {
            return;
        };
        self.state.layers = b.layers;
        self.state.filter = b.filter;
        self.state.chapter = b.chapter;
        self.state.timeline.playing = false;
        self.state.timeline.segment = None;
        self.state.timeline.set_cursor(b.month);
        self.rt.highlight.clear();
        self.fly_to(b.view);
        self.refresh_mask();
    }

    /// Moves slide `i` one place earlier (`up`) or later.
    pub fn move_bookmark(&mut self, i: usize, up: bool) {
        let n = self.state.bookmarks.len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        if let Some(j) = j.filter(|_| i < n) {
            self.state.bookmarks.swap(i, j);
        }
    }

    pub fn delete_bookmark(&mut self, i: usize) {
        if i < self.state.bookmarks.len() {
            self.state.bookmarks.remove(i);
        }
    }

    /// Writes the slides to `path` (atomically). Returns what to tell the user.
    pub fn export_bookmarks(&self, path: &str) -> Result<String, String> {
        let text = crate::bookmarks::to_json(&self.state.bookmarks);
        let out = std::path::Path::new(path);
        crate::export::write_atomic(out, |tmp| {
            std::fs::write(tmp, &text).map_err(|e| e.to_string())
        })?;
        Ok(format!(
            "Saved {} slides to {path}",
            self.state.bookmarks.len()
        ))
    }

    /// Adds the slides in `path` after the current ones; a bad file changes nothing.
    pub fn import_bookmarks(&mut self, path: &str) -> Result<String, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let new = crate::bookmarks::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
        let n = new.len();
        self.state.bookmarks.extend(new);
        Ok(format!("Added {n} slides from {path}"))
    }

    pub fn export_panel(&mut self) -> &mut ui::export_panel::ExportPanel {
        &mut self.rt.export
    }

    pub fn chapters(&self) -> &[Chapter] {
        &self.rt.chapters
    }

    pub fn presenting(&self) -> bool {
        self.rt.presenting
    }

    pub fn blanked(&self) -> bool {
        self.rt.blank
    }

    /// The index of the current chapter, if one is chosen.
    pub fn chapter_index(&self) -> Option<usize> {
        let id = self.state.chapter.as_ref()?;
        self.rt.chapters.iter().position(|c| &c.id == id)
    }

    /// Sets the view, years, layers and filter of chapter `i` and flies there.
    pub fn go_to_chapter(&mut self, i: usize) {
        let Some(c) = self.rt.chapters.get(i).cloned() else {
            return;
        };
        let s = &mut self.state;
        s.chapter = Some(c.id.clone());
        s.layers.core = c.layers.core;
        s.layers.claimed = c.layers.claimed;
        s.layers.periphery = c.layers.periphery;
        s.layers.historical = c.layers.historical;
        s.layers.incidents = true;
        s.filter = Filter {
            countries: c.countries.iter().cloned().collect(),
            kinds: c.kinds.iter().copied().collect(),
            ..Filter::default()
        };
        let (from, to) = c.months();
        s.timeline.mode = Mode::Cumulative;
        s.timeline.playing = false;
        s.timeline.segment = Some((from, to));
        s.timeline.set_cursor(to);
        self.rt.highlight = c
            .highlight
            .iter()
            .filter_map(|id| {
                self.dataset
                    .incidents()
                    .iter()
                    .position(|inc| &inc.id == id)
            })
            .map(|n| n as u32)
            .collect();
        self.rt.selection = Selection::None;
        self.state.stage_chart = c.chart == Some(crate::model::chapter::ChapterChart::PerYear);
        // Flown to on the next frame, when the map's size is known (see `chapter_zoom`).
        self.rt.chapter_view = Some(c.view);
        self.refresh_mask();
    }

    /// Enters or leaves the stage; `pick_chapter` starts the story if none is chosen.
    fn set_presenting(&mut self, on: bool, pick_chapter: bool) {
        if on == self.rt.presenting {
            return;
        }
        self.rt.presenting = on;
        self.rt.blank = false;
        if on {
            self.rt.theme_before_presenting = Some(self.state.theme);
            self.state.theme = Theme::Projector;
            if pick_chapter && self.chapter_index().is_none() && !self.rt.chapters.is_empty() {
                self.go_to_chapter(0);
            }
        } else if let Some(theme) = self.rt.theme_before_presenting.take() {
            self.state.theme = theme;
        }
        self.rt
            .ctx
            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }

    /// Carries out one command. Keys, buttons and tests all come through here.
    pub fn run(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::TogglePlay => s.timeline.toggle_play(),
            Command::StepMonthBack => s.timeline.step_months(-1),
            Command::StepMonthForward => s.timeline.step_months(1),
            Command::StepYearBack => s.timeline.step_months(-12),
            Command::StepYearForward => s.timeline.step_months(12),
            Command::ToStart => s.timeline.to_start(),
            Command::ToEnd => s.timeline.to_end(),
            Command::Slower => s.timeline.change_speed(false),
            Command::Faster => s.timeline.change_speed(true),
            Command::ToggleLoop => s.timeline.looping = !s.timeline.looping,
            Command::ToggleWindowMode => s.timeline.toggle_mode(),
            Command::ZoomIn => {
                self.rt.flight = None;
                self.rt.auto_fit = None;
                let _ = self.rt.map_memory.zoom_in();
            }
            Command::ZoomOut => {
                self.rt.flight = None;
                self.rt.auto_fit = None;
                let _ = self.rt.map_memory.zoom_out();
            }
            Command::ResetView => {
                self.rt.flight = None;
                s.view = None;
            }
            Command::CycleTheme => s.theme = s.theme.next(),
            Command::ToggleRegion(role) => {
                let on = s.layers.region_mut(role);
                *on = !*on;
            }
            Command::ToggleIncidents => s.layers.incidents = !s.layers.incidents,
            Command::ToggleLabels => s.layers.labels = !s.layers.labels,
            Command::ToggleCharts => s.show_charts = !s.show_charts,
            Command::ResetFilters => s.filter = Filter::default(),
            Command::ToggleHelp => self.rt.show_help = !self.rt.show_help,
            Command::TogglePresentation => self.set_presenting(!self.rt.presenting, true),
            Command::NextChapter | Command::PreviousChapter => {
                let n = self.rt.chapters.len();
                if n > 0 {
                    let next = match (self.chapter_index(), command) {
                        (None, _) => 0,
                        (Some(i), Command::NextChapter) => (i + 1).min(n - 1),
                        (Some(i), _) => i.saturating_sub(1),
                    };
                    self.go_to_chapter(next);
                }
            }
            Command::GoToChapter(i) => self.go_to_chapter(i),
            Command::ToggleBlank => self.rt.blank = !self.rt.blank,
            Command::ToggleExport => self.rt.export.open = !self.rt.export.open,
            Command::ToggleData => self.rt.data.window.open = !self.rt.data.window.open,
            Command::OpenFile => self.browse(),
            Command::ToggleStageChart => s.stage_chart = !s.stage_chart,
            Command::Close => {
                if self.rt.show_help {
                    self.rt.show_help = false;
                } else if self.rt.data.browser.open {
                    self.rt.data.browser.open = false;
                } else if self.choosing_columns().is_some() {
                    self.cancel_columns();
                } else if self.rt.presenting {
                    self.set_presenting(false, false);
                } else if self.rt.selection != Selection::None {
                    self.rt.selection = Selection::None;
                } else {
                    self.rt.search.clear();
                }
            }
        }
        self.refresh_mask();
    }

    /// Recomputes which incidents pass the filter, only when the filter changed.
    fn refresh_mask(&mut self) {
        let n = self.dataset.layers.len();
        self.rt.layer_visible.resize(n, true);
        self.rt.is_only.resize(n, false);
        let key = (
            self.state.filter.clone(),
            self.rt.layer_visible.clone(),
            self.rt.is_only.clone(),
        );
        if self.rt.mask_filter.as_ref() == Some(&key) {
            return;
        }
        let f = &self.state.filter;
        let (visible, is_only) = (&self.rt.layer_visible, &self.rt.is_only);
        self.rt.mask = self
            .dataset
            .incidents()
            .iter()
            .map(|i| {
                let l = usize::from(i.layer);
                f.matches(i)
                    && visible.get(l).copied().unwrap_or(true)
                    && (!is_only.get(l).copied().unwrap_or(false)
                        || i.actors.iter().any(|a| a == "IS"))
            })
            .collect();
        self.rt.mask_prefix = std::iter::once(0)
            .chain(self.rt.mask.iter().scan(0u32, |n, &m| {
                *n += u32::from(m);
                Some(*n)
            }))
            .collect();
        self.rt.mask_filter = Some(key);
        let (dataset, mask) = (&self.dataset, &self.rt.mask);
        let points = dataset
            .incidents()
            .iter()
            .enumerate()
            .filter(|(n, _)| mask[*n])
            .map(|(n, i)| {
                (
                    n as u32,
                    dataset.unit(n as u32),
                    crate::model::filter::best_killed(i).unwrap_or(0),
                )
            });
        // Large files keep clustering up to street level; the atlas's own few hundred
        // incidents are drawn one by one from zoom 7.
        let levels = if self.dataset.incidents().len() > incidents::LARGE_DATASET {
            13
        } else {
            incidents::CLUSTER_BELOW_ZOOM as u8
        };
        self.rt.clusters =
            crate::map::cluster::Levels::build(points, levels, incidents::CLUSTER_CELL_PX);
    }

    /// Incidents passing the filter within the timeline's current months.
    pub fn shown_count(&self) -> usize {
        let t = &self.state.timeline;
        let r = self.dataset.month_range(t.from_month(), t.cursor());
        (self.rt.mask_prefix[r.end] - self.rt.mask_prefix[r.start]) as usize
    }

    pub fn selection(&self) -> &Selection {
        &self.rt.selection
    }

    pub fn select(&mut self, selection: Selection) {
        self.rt.selection = selection;
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

    pub fn set_search(&mut self, text: &str) {
        self.rt.search = text.to_owned();
    }

    /// Puts the map at `view` at once.
    pub fn set_view(&mut self, view: View) {
        self.rt.flight = None;
        self.rt.auto_fit = None;
        self.rt.map_memory.center_at(lon_lat(view.lon, view.lat));
        let _ = self.rt.map_memory.set_zoom(view.zoom);
        self.state.view = Some(view);
    }

    /// Flies the map to `view` over about a second.
    pub fn fly_to(&mut self, view: View) {
        let now = self.rt.ctx.input(|i| i.time);
        let from = self.state.view.unwrap_or(view);
        self.rt.flight = Some(Flight::new(from, view, now));
        self.rt.auto_fit = None;
    }

    pub fn flying(&self) -> bool {
        self.rt.flight.is_some()
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
            ui.menu_button("File", |ui| {
                let items = [
                    ("Open data file…", "Ctrl+O", Command::OpenFile),
                    ("Data layers…", "D", Command::ToggleData),
                    ("Export picture or animation…", "E", Command::ToggleExport),
                ];
                for (text, key, command) in items {
                    if ui.add(egui::Button::new(text).shortcut_text(key)).clicked() {
                        commands.push(command);
                        ui.close();
                    }
                }
            });
            // The subtitle gives way first when the window is narrow.
            if ui.available_width() > 1520.0 * ui::style::text_scale(self.state.theme) {
                ui.label("Islamic State Khorasan Province, 2015 to today");
            }
            // Short, so the search box keeps its width; the stage spells the month out.
            let through = crate::io::embedded::data_through().map_or_else(
                || "Data through: not stated".to_owned(),
                |m| format!("Data through {}", month_label(m)),
            );
            ui.label(egui::RichText::new(through).strong()).on_hover_text(
                "How far the sweep of sources reached: incidents after this month are not yet in the atlas",
            );
            ui.separator();
            let label = ui.label("Basemap");
            let mut basemap = self.state.basemap;
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
            let label = ui.label("Theme");
            let mut theme = self.state.theme;
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
            ui.separator();
            self.search_box(ui);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Help (?)").clicked() {
                    commands.push(Command::ToggleHelp);
                }
                if ui.button("Whole region").on_hover_text("R").clicked() {
                    commands.push(Command::ResetView);
                }
                if ui
                    .button("Data")
                    .on_hover_text("Open files, save incidents (D)")
                    .clicked()
                {
                    commands.push(Command::ToggleData);
                }
                if ui.button("Export").on_hover_text("E").clicked() {
                    commands.push(Command::ToggleExport);
                }
                let charts = if self.state.show_charts {
                    "Hide charts"
                } else {
                    "Charts"
                };
                if ui.button(charts).on_hover_text("C").clicked() {
                    commands.push(Command::ToggleCharts);
                }
            });
        });
        commands
    }

    fn search_box(&mut self, ui: &mut egui::Ui) {
        let edit = egui::TextEdit::singleline(&mut self.rt.search)
            .hint_text("Search places and incidents")
            .desired_width(220.0);
        let response = ui.add(edit);
        let hits = ui::search::search(&self.rt.search, &self.dataset, &self.rt.labels, 10);
        if hits.is_empty() {
            return;
        }
        let mut chosen = None;
        if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = hits.first().cloned();
        }
        egui::Area::new(egui::Id::unique("search-results"))
            .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(420.0);
                    for hit in &hits {
                        if ui
                            .selectable_label(false, hit.text(&self.dataset))
                            .clicked()
                        {
                            chosen = Some(hit.clone());
                        }
                    }
                });
            });
        if let Some(hit) = chosen {
            self.go_to(&hit);
            self.rt.search.clear();
        }
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
                self.rt.selection = Selection::Incident(*i);
            }
            Hit::Place { view, .. } => self.fly_to(*view),
        }
    }

    fn map_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.available_rect_before_wrap();
        let refit = self.rt.auto_fit.is_some_and(|r| r != rect);
        if self.state.view.is_none() || refit {
            let view = fit(HOME_BOUNDS, rect);
            self.rt.map_memory.center_at(lon_lat(view.lon, view.lat));
            let _ = self.rt.map_memory.set_zoom(view.zoom);
            self.state.view = Some(view);
            self.rt.auto_fit = Some(rect);
        }
        if let Some(view) = self.rt.chapter_view.take() {
            self.fly_to(View {
                zoom: chapter_zoom(view.zoom, rect.width()),
                ..view
            });
        }
        let now = ui.input(|i| i.time);
        if let Some(flight) = self.rt.flight {
            let (view, landed) = flight.at(now);
            self.rt.map_memory.center_at(lon_lat(view.lon, view.lat));
            let _ = self.rt.map_memory.set_zoom(view.zoom);
            if landed {
                self.rt.flight = None;
            } else {
                ui.ctx().request_repaint();
            }
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
        let shown = self.shown_count();
        let on_stage = self.rt.presenting;
        let chapter = self
            .chapter_index()
            .map(|i| (i, self.rt.chapters[i].clone(), self.rt.chapters.len()));
        // The audience sees which markers come from a loaded file, and whose file.
        let file_layers: Vec<(String, Color32)> = if on_stage {
            self.dataset
                .layers
                .iter()
                .enumerate()
                .skip(1)
                .filter(|(l, _)| self.rt.layer_visible.get(*l).copied().unwrap_or(true))
                .map(|(l, info)| (info.name.clone(), incidents::layer_color(l as u16)))
                .collect()
        } else {
            Vec::new()
        };

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
        let areas = &mut rt.areas;
        let labels = &rt.labels;
        let mask = &rt.mask;
        let clusters = &rt.clusters;
        let scratch = &mut rt.scratch;
        let highlight = &rt.highlight;
        let selection = &mut rt.selection;
        let flight = &mut rt.flight;
        let auto_fit = &mut rt.auto_fit;
        let selected = match selection {
            Selection::Incident(i) => Some(*i),
            _ => None,
        };
        let mut stats = FrameStats {
            map_rect: Some(rect),
            incidents_shown: shown,
            ..Default::default()
        };
        let mut drawn = Drawn::default();
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
            stats.transform = Some(t);
            let painter = ui.painter().with_clip_rect(response.rect);
            // A hand on the map takes it back from an animation.
            if response.dragged()
                || (response.hovered() && ui.input(|i| i.smooth_scroll_delta != egui::Vec2::ZERO))
            {
                *flight = None;
                *auto_fit = None;
            }

            // Areas: one mesh per role so each keeps its own translucency. Zoomed in, an
            // area is context rather than subject: the fade lets the map show through.
            let roles: Vec<RegionRole> = RegionRole::ALL
                .into_iter()
                .filter(|&r| state.layers.region(r))
                .collect();
            let fade = area_fade(t.zoom);
            for (role, mesh) in areas.get(ui.ctx(), &t, dark, &roles, fade, regions) {
                stats.regions_drawn.push(*role);
                painter.add(egui::Shape::Mesh(mesh.clone()));
            }

            let mut label_style = ui::style::label_style(theme);
            if on_stage {
                // On stage everything grows with the window, so a 4K projector reads like 1080p.
                let s = ui::story::stage_scale(response.rect);
                label_style.city_size *= s;
                label_style.country_size *= s;
                label_style.admin1_size *= s;
            }
            if state.layers.labels {
                // Keep names out from under the date stamp and, on stage, the legend.
                let s = if on_stage {
                    ui::story::stage_scale(response.rect) * 1.2
                } else {
                    ui::style::text_scale(theme)
                };
                let r = response.rect;
                let mut reserved = vec![Rect::from_min_size(
                    r.left_top(),
                    egui::vec2(330.0 * s, 80.0 * s),
                )];
                if on_stage {
                    let k = ui::story::stage_scale(r);
                    reserved.push(Rect::from_min_max(
                        egui::pos2(r.right() - 320.0 * k, r.top()),
                        egui::pos2(
                            r.right(),
                            r.top() + (290.0 + 24.0 * file_layers.len() as f32) * k,
                        ),
                    ));
                }
                stats.labels = labels
                    .paint(&painter, &t, &label_style, &reserved)
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
            }

            if state.layers.incidents {
                let stage = if on_stage {
                    ui::story::stage_scale(response.rect)
                } else {
                    1.0
                };
                let style = incidents::Style {
                    scale: ui::style::text_scale(theme).min(1.2)
                        * incidents::zoom_scale(t.zoom)
                        * stage,
                    halo: label_style.halo,
                    ink: label_style.text,
                };
                drawn = incidents::paint(
                    &painter,
                    &t,
                    dataset,
                    mask,
                    clusters,
                    &state.timeline,
                    &style,
                    selected,
                    highlight,
                    scratch,
                );
                stats.incidents_drawn = drawn.incidents;
            }

            // Hover: what is under the pointer. Click: open it.
            if let Some(pos) = response.hover_pos() {
                match drawn.pick(pos) {
                    Some(Mark::Incident { id, .. }) => {
                        let inc = &dataset.incidents()[*id as usize];
                        response.clone().on_hover_ui_at_pointer(|ui| {
                            ui.strong(&inc.title);
                            ui.label(format!(
                                "{} · {}, {}",
                                date_text(inc.date, inc.date_precision),
                                inc.place,
                                inc.country
                            ));
                            ui.colored_label(
                                incidents::kind_color(inc.kind),
                                format!("{} · {}", inc.kind.label(), ui::details::toll_text(inc)),
                            );
                        });
                    }
                    Some(Mark::Cluster { count, killed, .. }) => {
                        let (n, k) = (*count, *killed);
                        response.clone().on_hover_text_at_pointer(format!(
                            "{n} incidents, {k} killed by ISKP (operations' militants not counted): click to zoom in"
                        ));
                    }
                    None => {}
                }
            }
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                *selection = match drawn.pick(pos) {
                    Some(Mark::Cluster { members, at, .. }) => {
                        // Small clusters on a close view list their incidents; otherwise
                        // a click zooms in two levels on the cluster.
                        if t.zoom < incidents::CLUSTER_BELOW_ZOOM - 0.5 || members.is_empty() {
                            let [x, y] = t.screen_to_unit(*at);
                            let (lon, lat) = unit_to_lonlat(x, y);
                            let to = View {
                                lon,
                                lat,
                                zoom: (t.zoom + 2.0).min(16.0),
                            };
                            let from = state.view.unwrap_or(to);
                            *flight = Some(Flight::new(from, to, now));
                            *auto_fit = None;
                            Selection::None
                        } else {
                            Selection::Many(members.clone())
                        }
                    }
                    Some(Mark::Incident { .. }) => {
                        let here = drawn.incidents_at(pos);
                        if here.len() > 1 {
                            Selection::Many(here)
                        } else {
                            Selection::Incident(here[0])
                        }
                    }
                    None => region_at(dataset, &state.layers, &t, pos)
                        .map_or(Selection::None, Selection::Region),
                };
            }

            // The date, large, for the back of the room.
            let scale = if on_stage {
                ui::story::stage_scale(response.rect) * 1.2
            } else {
                ui::style::text_scale(theme)
            };
            let stamp = month_label(state.timeline.cursor());
            let at = response.rect.left_top() + egui::vec2(16.0, 10.0);
            let font = FontId::proportional(42.0 * scale);
            halo_text(
                &painter,
                at,
                Align2::LEFT_TOP,
                &stamp,
                font,
                label_style.text,
                label_style.halo,
                2.0,
            );
            let wave = wave_at(state.timeline.cursor()).map_or("", |w| w.name);
            let mode = match state.timeline.mode {
                Mode::Cumulative => "everything so far".to_owned(),
                Mode::Window => format!("last {} months", state.timeline.window_months),
            };
            let sub = format!("{wave} · {mode} · {shown} incidents");
            let sub_at = at + egui::vec2(2.0, 50.0 * scale);
            let sub_font = FontId::proportional(15.0 * scale);
            halo_text(
                &painter,
                sub_at,
                Align2::LEFT_TOP,
                &sub,
                sub_font,
                label_style.text,
                label_style.halo,
                1.0,
            );
            stats.date_stamp = stamp;

            if on_stage {
                if let Some((i, c, n)) = &chapter {
                    ui::story::card(ui, response.rect, c, *i, *n, dark);
                }
                ui::story::legend(ui, response.rect, dark, &file_layers);
            }

            let bar_scale = if on_stage {
                ui::story::stage_scale(response.rect)
            } else {
                1.0
            };
            scale_bar(&painter, &t, response.rect, &label_style, bar_scale);

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
                            let size = if on_stage {
                                13.0 * ui::story::stage_scale(response.rect)
                            } else {
                                13.0
                            };
                            ui.hyperlink_to(egui::RichText::new(text).size(size), attribution.url);
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
        stats.clusters_drawn = drawn
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Cluster { .. }))
            .count();
        stats.markers_drawn = drawn.marks.len() - stats.clusters_drawn;
        stats.chart_years = std::mem::take(&mut last_frame.chart_years);
        stats.chart_values = std::mem::take(&mut last_frame.chart_values);
        stats.clusters = drawn
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Cluster {
                    at, count, killed, ..
                } => Some((*at, *count, *killed)),
                Mark::Incident { .. } => None,
            })
            .collect();
        rt.drawn = drawn;
        *last_frame = stats;
    }
}

/// The embedded story; problems are reported beside the data's, and a broken file just
/// leaves the story empty.
fn load_chapters(dataset: &Dataset) -> (Vec<Chapter>, Vec<String>) {
    let (name, text) = crate::io::embedded::CHAPTERS;
    match crate::io::chapters::parse(name, text) {
        Ok(chapters) => {
            let errors = crate::io::chapters::check(name, text, &chapters, dataset);
            (chapters, errors.iter().map(ToString::to_string).collect())
        }
        Err(e) => (Vec::new(), vec![e.to_string()]),
    }
}

/// The topmost visible area under a screen point, as an index into `Dataset::regions`.
fn region_at(
    dataset: &Dataset,
    layers: &crate::state::Layers,
    t: &ScreenTransform,
    pos: Pos2,
) -> Option<usize> {
    let [x, y] = t.screen_to_unit(pos);
    let (lon, lat) = unit_to_lonlat(x, y);
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

/// A scale bar, bottom right above the attribution, for distances at the map's centre.
fn scale_bar(
    painter: &egui::Painter,
    t: &ScreenTransform,
    map: Rect,
    style: &crate::map::labels::LabelStyle,
    scale: f32,
) {
    let [_, uy] = t.screen_to_unit(map.center());
    let (_, lat) = unit_to_lonlat(0.5, uy);
    let metres_per_px = lat.to_radians().cos() * 40_075_016.686 / t.world_px();
    if !metres_per_px.is_finite() || metres_per_px <= 0.0 {
        return;
    }
    // The longest round distance that fits in about 160 pixels.
    let target = metres_per_px * 160.0 * f64::from(scale);
    let nice = [1.0, 2.0, 5.0]
        .iter()
        .flat_map(|m| (0..8).map(move |e| m * 10f64.powi(e)))
        .filter(|d| *d <= target)
        .fold(1.0, f64::max);
    let px = (nice / metres_per_px) as f32;
    let right = map.right() - 16.0;
    let y = map.bottom() - 40.0 * scale;
    let left = right - px;
    let stroke = egui::Stroke::new(3.0 * scale, style.text);
    let halo = egui::Stroke::new(6.0 * scale, style.halo);
    for s in [halo, stroke] {
        painter.line_segment([egui::pos2(left, y), egui::pos2(right, y)], s);
        painter.line_segment([egui::pos2(left, y - 6.0), egui::pos2(left, y)], s);
        painter.line_segment([egui::pos2(right, y - 6.0), egui::pos2(right, y)], s);
    }
    let text = if nice >= 1000.0 {
        format!("{} km", nice / 1000.0)
    } else {
        format!("{nice} m")
    };
    let at = egui::pos2((left + right) / 2.0, y - 8.0);
    let font = FontId::proportional(14.0 * scale);
    halo_text(
        painter,
        at,
        Align2::CENTER_BOTTOM,
        &text,
        font,
        style.text,
        style.halo,
        1.0,
    );
}

/// Chapters are framed for a map 1600 points wide; a bigger map shows the same ground in
/// more detail rather than more of the world, and a smaller one a little less.
pub fn chapter_zoom(zoom: f64, map_width: f32) -> f64 {
    zoom + f64::from(map_width.max(200.0) / 1600.0)
        .log2()
        .clamp(-1.5, 1.5)
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
        for command in commands::pressed(&ctx, self.rt.presenting) {
            self.run(command);
        }
        self.poll_loading();
        // Files dropped on the window open as new layers.
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        for path in dropped {
            self.open_file(path);
        }
        self.sync_theme(&ctx);
        let dt = ctx.input(|i| i.stable_dt).min(0.25);
        if self.state.timeline.playing {
            self.state.timeline.tick(f64::from(dt));
            ctx.request_repaint();
        }

        let mut clicked = Vec::new();
        if !self.rt.presenting {
            self.desk_panels(ui, &mut clicked);
        }
        self.refresh_mask();
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui));
        self.last_frame.stage_chart = self.rt.presenting && self.state.stage_chart;
        if self.last_frame.stage_chart && !self.rt.blank {
            self.stage_chart(&ctx);
        }
        if self.rt.blank {
            // B on stage: the whole window black, as a projector's own blank key would.
            let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("blank"));
            ctx.layer_painter(layer)
                .rect_filled(ctx.content_rect(), 0.0, Color32::BLACK);
        }
        for command in clicked {
            self.run(command);
        }
        let mut open = self.rt.show_help;
        ui::help::show(&ctx, &mut open);
        self.rt.show_help = open;
        self.data_windows(&ctx);
        // What the export draws: this very state, on stage.
        let saved = self.state.save();
        let chapter = self.state.chapter.clone();
        let theme = self.state.theme;
        let files = self.layer_files();
        self.rt.export.show(&ctx, |size| crate::export::Picture {
            size,
            chapter: chapter.clone(),
            theme: Some(theme),
            state: Some(saved.clone()),
            data: files.clone(),
            ..Default::default()
        });
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.state.save());
    }
}

impl AtlasApp {
    /// The panels around the map at the desk: top bar, timeline, charts, legend and
    /// filters, details. Hidden on stage.
    fn desk_panels(&mut self, ui: &mut egui::Ui, clicked: &mut Vec<Command>) {
        egui::Panel::top("top-bar").show(ui, |ui| {
            clicked.extend(self.top_bar(ui));
        });
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            clicked.extend(ui::timeline_bar::show(ui, &mut self.state.timeline));
        });
        if self.state.show_charts {
            self.charts_panel(ui);
        }
        let shown = self.shown_count();
        let total = self.dataset.incidents().len();
        let dark = self.state.theme == Theme::Dark;
        let layers = self.state.layers.clone();
        let current_chapter = self.chapter_index();
        let mut slide = None;
        let mut layer_action = None;
        egui::Panel::left("legend")
            .resizable(false)
            .default_size(250.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add_space(6.0);
                    if let Some(i) = ui::story::list(ui, &self.rt.chapters, current_chapter) {
                        clicked.push(Command::GoToChapter(i));
                    }
                    slide = ui::slides::show(ui, &self.state.bookmarks, &mut self.rt.slides);
                    ui.separator();
                    clicked.extend(ui::legend::show(ui, &layers, dark, shown, total));
                    layer_action = ui::legend::data_layers(
                        ui,
                        &self.dataset.layers,
                        &self.rt.layer_counts,
                        &self.rt.layer_visible,
                        &self.rt.is_only,
                    );
                    ui.separator();
                    ui::filters::show(ui, &mut self.state.filter, &self.rt.choices);
                    if !self.load_errors.is_empty() {
                        ui.separator();
                        ui.colored_label(
                            Color32::from_rgb(200, 40, 40),
                            format!("{} data problems:", self.load_errors.len()),
                        );
                        for e in self.load_errors.iter().take(5) {
                            ui.label(egui::RichText::new(e).small());
                        }
                    }
                });
            });
        if let Some(action) = slide {
            self.slide_action(action);
        }
        match layer_action {
            Some(ui::legend::LayerAction::Visible(l, on)) => self.set_layer_visible(l, on),
            Some(ui::legend::LayerAction::IsOnly(l, on)) => self.set_is_only(l, on),
            Some(ui::legend::LayerAction::Remove(l)) => self.remove_layer(l),
            None => {}
        }
        self.refresh_mask();
        if self.rt.selection != Selection::None {
            let cursor = self.state.timeline.cursor();
            let action = egui::Panel::right("details")
                .resizable(true)
                .default_size(340.0)
                .show(ui, |ui| {
                    ui::details::show(ui, &self.dataset, &self.rt.selection, cursor, &self.rt.mask)
                })
                .inner;
            match action {
                Some(ui::details::Action::Close) => self.rt.selection = Selection::None,
                Some(ui::details::Action::Select(i)) => self.rt.selection = Selection::Incident(i),
                None => {}
            }
        }
    }
}
