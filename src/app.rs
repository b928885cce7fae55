//! The eframe app: owns the persisted [`State`], the loaded data and the runtime handles, and
//! wires model, map and ui together. Every action goes through [`AtlasApp::run`]
//! (`app/run.rs`); a frame is: keys to commands, the desk panels, the map
//! (`app/map_view.rs`), the windows, then the commands the panels returned.
//!
//! The parts: `start` (launch), `run` (commands), `story` (chapters and the stage),
//! `slides`, `view` (camera and basemap), `panels` (top bar, search, desk panels),
//! `map_view`, `layers` (users' files), `charts`, `exports`, `presenter` (the second window).

use crate::basemap::BasemapKind;
use crate::basemap::offline::OfflineTiles;
use crate::commands::{self, Command};
use crate::map::ScreenTransform;
use crate::map::fly::Flight;
use crate::map::incidents::Drawn;
use crate::map::labels::Labels;
use crate::map::regions::RegionShape;
use crate::model::{Chapter, Dataset, Mask, RegionRole, Selection, View};
use crate::state::{STORAGE_KEY, State};
use crate::theme::Theme;
use crate::ui;
use egui::{Color32, Pos2, Rect};
use walkers::{HttpTiles, MapMemory};

mod charts;
mod exports;
mod layers;
mod map_view;
mod marks;
mod mode_view;
mod panels;
mod presenter;
mod run;
mod slides;
mod start;
mod story;
mod view;

pub use start::{HeadStart, WINDOW};

/// The name eframe saves the state under.
pub const APP_NAME: &str = "ISKP Atlas";
pub use view::{chapter_zoom, fit};

/// Overrides from the command line, applied on top of the saved state.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub basemap: Option<BasemapKind>,
    pub year: Option<i32>,
    pub theme: Option<Theme>,
    /// Start in presentation mode.
    pub present: bool,
    /// Start presenting with the presenter window open beside the stage.
    pub presenter: bool,
    /// Open at this story chapter (by id).
    pub chapter: Option<String>,
    /// On stage without choosing a chapter: exports show what they were asked for.
    pub stage_only: bool,
    /// Incident files loaded on top of the embedded data.
    pub data: Vec<crate::io::import::DataFile>,
    /// When the process started, to log how long the first complete map took.
    pub started: Option<std::time::Instant>,
    /// End the process once the first complete frame is on the screen (start-up
    /// measurements).
    pub exit_when_drawn: bool,
    /// What makes the files the Export window asks for; without one it says so.
    pub exporter: Option<crate::job::Exporter>,
    /// Exports: where the picture comes from (version, data month, filters, counts, basemap)
    /// written in the corner, so a slide carries its own provenance.
    pub provenance: bool,
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
    /// Areas drawn for incidents placed only at a province or a country.
    pub areas_drawn: usize,
    pub labels: Vec<String>,
    /// Story cities' names drawn again above the markers that covered them.
    pub labels_lifted: Vec<String>,
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
    /// How to read the map in its mode, as the legends show it.
    pub mode_key: Option<ui::mode_key::ModeKey>,
    /// Provinces filled on the provinces map, and those with at least one incident.
    pub provinces_filled: usize,
    pub provinces_counted: usize,
    /// Comparing: each side's map and the label written on it.
    pub compare_sides: Vec<(Rect, String)>,
    /// Notes and arrows drawn, and the ruler's length when one is drawn.
    pub notes_drawn: usize,
    pub ruler_km: Option<f64>,
}

pub struct AtlasApp {
    pub state: State,
    pub dataset: Dataset,
    /// Problems found loading data, shown to the user; what did load is still shown.
    pub load_errors: Vec<String>,
    pub last_frame: FrameStats,
    rt: Runtime,
}

/// Handles that are rebuilt on start, never saved, grouped by what they serve.
struct Runtime {
    ctx: egui::Context,
    /// Drawing on the CPU: the map is drawn a layer at a time (`map::software_gl`).
    software_gl: bool,
    launch: Launch,
    tiles: Tiles,
    camera: Camera,
    scene: Scene,
    shown: Shown,
    story: Story,
    panels: Panels,
}

/// The basemap's tile sources.
struct Tiles {
    offline: OfflineTiles,
    online: Option<(BasemapKind, HttpTiles)>,
    applied_theme: Option<Theme>,
    /// The first complete basemap was logged (start-up timing).
    reported_complete: bool,
    /// For start-up measurements: the complete map was drawn, so the next frame exits.
    exit_next_frame: bool,
    /// Frames the map was drawn in, up to the one that asks for the base tiles.
    frames: u8,
}

/// Where the map looks and how it gets there.
struct Camera {
    memory: MapMemory,
    /// The right-hand map when comparing two periods, kept on the same view.
    twin: MapMemory,
    flight: Option<Flight>,
    /// The map rect the automatic opening view was fitted to; `None` once the user has
    /// moved the map. While set, a changed rect (panels settling, window resized) refits.
    auto_fit: Option<Rect>,
    /// A chapter's view waiting for the next frame to be fitted to the map's size.
    chapter_view: Option<View>,
}

/// What the map draws from, prepared once and reused every frame.
struct Scene {
    regions: Vec<RegionShape>,
    /// The areas tessellated for the current view (and for the second map when comparing).
    areas: [crate::map::areas::Areas; 2],
    labels: Labels,
    /// The marks of the last frame, for picking.
    drawn: Drawn,
    modes: mode_view::ModeScene,
}

/// Which incidents are shown, and what is selected among them.
struct Shown {
    mask: Mask,
    /// Cluster cells for zoomed-out views, rebuilt with the mask.
    clusters: crate::map::cluster::Levels,
    /// Per data layer: how many incidents (counted once per load), shown, and whether only
    /// rows with IS as a side are.
    layer_counts: Vec<usize>,
    layer_visible: Vec<bool>,
    is_only: Vec<bool>,
    /// Incidents the current chapter is about, drawn ringed and never clustered.
    highlight: Vec<u32>,
    selection: Selection,
    /// Counts up each time the mask is rebuilt, for what is cached on it.
    generation: u64,
    /// Each incident's province and the area it stands for, once per loaded dataset.
    placed: Option<crate::io::provinces::Placed>,
    /// Per incident: drawn as its area, not at its point.
    at_area: Vec<bool>,
    /// The incidents that pass, by province and by the area they are placed at.
    by_province: crate::model::Tally,
    by_area: crate::model::Tally,
    /// Incidents that pass and are placed only at a district, province or country.
    at_area_passing: crate::model::mask::Running,
}

/// The story and the stage.
struct Story {
    chapters: Vec<Chapter>,
    presenting: bool,
    blank: bool,
    /// The theme to return to when presentation mode ends.
    theme_before: Option<Theme>,
    /// The whole window is the atlas's title card (the story video's first frames).
    title_card: bool,
    /// The presenter's window and its small map.
    presenter: presenter::Presenter,
    /// When presenting began, for the presenter's timer.
    since: Option<std::time::Instant>,
}

/// The desk's panels and windows, and what the user typed in them.
struct Panels {
    search: String,
    help: bool,
    about: bool,
    choices: ui::filters::Choices,
    export: ui::export_panel::ExportPanel,
    slides: ui::slides::Fields,
    /// Files loading, waiting, or waiting for their columns, and the windows for them.
    data: layers::DataUi,
    /// What saving the charts' table last did.
    chart_notice: Option<String>,
    /// The ruler, note or arrow being placed, the points clicked so far, and the note being
    /// written.
    tool: crate::map::notes::Tool,
    tool_points: Vec<[f64; 2]>,
    draft: Option<crate::model::MapNote>,
}

impl AtlasApp {
    pub fn export_panel(&mut self) -> &mut ui::export_panel::ExportPanel {
        &mut self.rt.panels.export
    }

    pub fn chapters(&self) -> &[Chapter] {
        &self.rt.story.chapters
    }

    pub fn presenting(&self) -> bool {
        self.rt.story.presenting
    }

    pub fn blanked(&self) -> bool {
        self.rt.story.blank
    }

    pub fn selection(&self) -> &Selection {
        &self.rt.shown.selection
    }

    pub fn help_open(&self) -> bool {
        self.rt.panels.help
    }

    pub fn about_open(&self) -> bool {
        self.rt.panels.about
    }

    /// What the About window states: the embedded data's month and its incident count
    /// (layer 0 is always the atlas's own).
    fn edition(&self) -> ui::about::Edition {
        ui::about::Edition {
            through: crate::io::embedded::data_through()
                .map_or_else(|| "not stated".to_owned(), crate::model::date::month_long),
            incidents: self.rt.shown.layer_counts.first().copied().unwrap_or(0),
        }
    }

    /// Incidents passing the filter within the timeline's current months.
    pub fn shown_count(&self) -> usize {
        self.rt.shown.mask.count(self.shown_range())
    }

    /// The dataset positions of the timeline's current months.
    pub fn shown_range(&self) -> std::ops::Range<usize> {
        let t = &self.state.timeline;
        self.dataset.month_range(t.from_month(), t.cursor())
    }

    /// Of the shown incidents, how many are placed only at an area.
    pub fn at_area_count(&self) -> usize {
        self.rt.shown.at_area_count(&self.shown_range())
    }

    pub fn flying(&self) -> bool {
        self.rt.camera.flight.is_some()
    }

    /// Offline tiles rendered and ready as textures.
    pub fn offline_tiles_ready(&self) -> usize {
        self.rt.tiles.offline.cached()
    }

    /// Takes in finished tiles without drawing a frame; returns how many are still waiting.
    pub fn collect_tiles(&mut self) -> usize {
        self.rt.tiles.offline.collect();
        self.rt.tiles.offline.pending()
    }

    /// Offline tiles still waiting for a worker.
    pub fn offline_tiles_pending(&self) -> usize {
        self.rt.tiles.offline.pending()
    }

    /// Recomputes which incidents pass, and the clusters, only when what they depend on
    /// changed.
    fn refresh_mask(&mut self) {
        let n = self.dataset.layers.len();
        let shown = &mut self.rt.shown;
        shown.layer_visible.resize(n, true);
        shown.is_only.resize(n, false);
        let incidents = self.dataset.incidents();
        if !shown.mask.update(
            incidents,
            &self.state.filter,
            &shown.layer_visible,
            &shown.is_only,
        ) {
            return;
        }
        shown.generation += 1;
        let dataset = &self.dataset;
        let placed = shown
            .placed
            .get_or_insert_with(|| crate::io::provinces::Placed::of(dataset));
        shown.at_area = placed.at_area();
        let mask = shown.mask.passes();
        let killed = |n: usize| crate::model::filter::best_killed(&incidents[n]).unwrap_or(0);
        let passing = || (0..incidents.len()).filter(|&n| mask[n]);
        let provinces = crate::io::provinces::Provinces::shared().len();
        shown.by_province = crate::model::Tally::build(
            provinces,
            passing()
                .filter_map(|n| placed.province[n].map(|p| (usize::from(p), n as u32, killed(n)))),
        );
        shown.by_area = crate::model::Tally::build(
            crate::io::provinces::Placed::area_groups(),
            passing()
                .filter_map(|n| placed.area[n].map(|a| (a.index(provinces), n as u32, killed(n)))),
        );
        shown.at_area_passing = crate::model::mask::Running::new(
            incidents
                .iter()
                .enumerate()
                .map(|(n, i)| mask[n] && i.geo_precision.is_area()),
        );
        let at_area = &shown.at_area;
        let points = passing()
            .filter(|&n| !at_area[n])
            .map(|n| (n as u32, dataset.unit(n as u32), killed(n)));
        // Large files keep clustering up to street level; the atlas's own few hundred
        // incidents are drawn one by one from zoom 7.
        use crate::map::incidents::{CLUSTER_BELOW_ZOOM, CLUSTER_CELL_PX, LARGE_DATASET};
        let levels = if incidents.len() > LARGE_DATASET {
            13
        } else {
            CLUSTER_BELOW_ZOOM as u8
        };
        shown.clusters = crate::map::cluster::Levels::build(points, levels, CLUSTER_CELL_PX);
    }
}

/// egui makes its glyph atlas as wide as the largest texture the driver takes, 16,384 px
/// on llvmpipe: 4 MB at its first height, three times over at start (the atlas, the copy
/// sent to the driver, the driver's texture), though the glyphs the atlas holds fit in
/// an eighth of it. It grows in height as it fills; no texture the atlas loads is wider.
const FONT_ATLAS_WIDTH: usize = 2048;

impl eframe::App for AtlasApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = raw_input
            .max_texture_side
            .map(|side| side.min(FONT_ATLAS_WIDTH));
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.rt.tiles.exit_next_frame {
            // The same way the blank window bench ends, so the two measure alike: the
            // first complete frame has been painted and shown, and nothing else is timed.
            let ms = self
                .rt
                .launch
                .started
                .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1e3);
            println!("first complete frame on screen: {ms:.1} ms");
            std::process::exit(0);
        }
        let ctx = ui.ctx().clone();
        for command in commands::pressed(&ctx, self.rt.story.presenting) {
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
            self.run(Command::OpenPath(path));
        }
        self.sync_theme(&ctx);
        let dt = ctx.input(|i| i.stable_dt).min(0.25);
        if self.state.timeline.playing {
            self.state.timeline.tick(f64::from(dt));
            ctx.request_repaint();
        }

        let mut clicked = Vec::new();
        if !self.rt.story.presenting {
            self.desk_panels(ui, &mut clicked);
            // What the panels changed shows in this very frame's map.
            for command in clicked.drain(..) {
                self.run(command);
            }
        }
        self.refresh_mask();
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui));
        self.last_frame.stage_chart = self.rt.story.presenting && self.state.stage_chart;
        if self.last_frame.stage_chart && !self.rt.story.blank {
            clicked.extend(self.stage_chart(&ctx));
        }
        if self.rt.story.title_card {
            ui::story::title_card(&ctx, self.state.theme == Theme::Dark);
        }
        if self.rt.story.blank {
            // B on stage: the whole window black, as a projector's own blank key would.
            let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("blank"));
            ctx.layer_painter(layer)
                .rect_filled(ctx.content_rect(), 0.0, Color32::BLACK);
        }
        let mut open = self.rt.panels.help;
        clicked.extend(ui::help::show(&ctx, &mut open));
        self.rt.panels.help = open;
        let mut open = self.rt.panels.about;
        ui::about::show(&ctx, &mut open, &self.edition());
        self.rt.panels.about = open;
        clicked.extend(self.data_windows(&ctx));
        clicked.extend(self.presenter_window(&ctx));
        clicked.extend(self.note_window(&ctx));
        self.export_window(&ctx);
        for command in clicked {
            self.run(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(STORAGE_KEY, self.state.save());
    }
}
