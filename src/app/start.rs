//! Start-up: what the head start prepared beside the window's set-up (the data, the areas,
//! the places incidents are drawn at, a first start's tiles), the saved state with the
//! command line on top, and the tile workers started on the first view, so the first frame
//! is already the whole map.

use super::{
    AtlasApp, Camera, Launch, Panels, Runtime, Scene, Shown, Story, Tiles, layers, mode_view,
};
use crate::basemap::offline::{FirstTiles, OfflineTiles};
use crate::basemap::tile_math::lonlat_to_unit;
use crate::io::provinces::Placed;
use crate::map::labels::Labels;
use crate::map::places::PlaceShapes;
use crate::map::regions::RegionShape;
use crate::model::{Chapter, Dataset, Selection};
use crate::state::{HOME_BOUNDS, STORAGE_KEY, State};
use crate::ui;
use egui::Rect;
use walkers::{MapMemory, lon_lat};

/// The start-up work that needs no window: begun by `main` before the window is opened, so
/// it runs while the windowing system and OpenGL set up, on the other core.
pub struct HeadStart {
    prepared: std::thread::JoinHandle<Prepared>,
    tiles: std::thread::JoinHandle<Option<FirstTiles>>,
}

/// The data read, and the areas and every place an incident is drawn at ready to draw.
struct Prepared {
    dataset: Dataset,
    errors: Vec<crate::io::LoadError>,
    regions: Vec<RegionShape>,
    placed: Placed,
    places: PlaceShapes,
}

impl HeadStart {
    pub fn begin(launch: &Launch) -> Self {
        let files = launch.data.clone();
        let prepared = std::thread::spawn(move || prepare(&files));
        // Beside it the basemap is decoded and, on a first start (no saved view, theme or
        // window yet), the first view's tiles rendered: the window opens on the home view
        // at its default size. Otherwise the tile workers render them as usual.
        let first_start =
            eframe::storage_dir(super::APP_NAME).is_none_or(|dir| !dir.join("app.ron").exists());
        let home = first_start
            && launch.chapter.is_none()
            && !launch.present
            && !launch.presenter
            && launch
                .basemap
                .is_none_or(|b| b == crate::basemap::BasemapKind::Offline);
        let theme = launch.theme.unwrap_or_default();
        let tiles = std::thread::spawn(move || {
            let _ = crate::basemap::data::Basemap::embedded();
            home.then(|| {
                let (center, zoom, size) = first_view(Rect::NOTHING, None);
                crate::basemap::offline::render_first(theme, texture_px(1.0), center, zoom, size)
            })
        });
        Self { prepared, tiles }
    }
}

fn prepare(files: &[crate::io::import::DataFile]) -> Prepared {
    let (dataset, errors) = crate::io::import::load_files(files);
    // The top bar shows it; reading it is another parse of the incidents file.
    let _ = crate::io::embedded::data_through();
    let regions = dataset.regions.iter().map(RegionShape::new).collect();
    let placed = Placed::of(&dataset);
    let mut places = PlaceShapes::default();
    for area in placed.area.iter().flatten() {
        places.get(*area);
    }
    Prepared {
        dataset,
        errors,
        regions,
        placed,
        places,
    }
}

impl AtlasApp {
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        launch: Launch,
        head_start: Option<HeadStart>,
    ) -> Self {
        let saved = cc.storage.and_then(|s| s.get_string(STORAGE_KEY));
        let (prepared, tiles) = match head_start {
            Some(h) => (h.prepared.join().ok(), h.tiles.join().ok().flatten()),
            None => (None, None),
        };
        let mut app = Self::build(&cc.egui_ctx, saved.as_deref(), launch, prepared, tiles);
        app.rt.software_gl = cc
            .gl
            .as_deref()
            .is_some_and(crate::map::software_gl::is_software);
        app
    }

    pub fn new(ctx: &egui::Context, saved: Option<&str>, launch: Launch) -> Self {
        Self::build(ctx, saved, launch, None, None)
    }

    fn build(
        ctx: &egui::Context,
        saved: Option<&str>,
        launch: Launch,
        prepared: Option<Prepared>,
        first: Option<FirstTiles>,
    ) -> Self {
        let prepared = prepared.unwrap_or_else(|| prepare(&launch.data));
        let Prepared {
            dataset,
            errors,
            regions,
            placed,
            places,
        } = prepared;
        let mut load_errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let state = initial_state(saved, &launch, &dataset);
        let mut memory = MapMemory::default();
        if let Some(v) = state.view {
            memory.center_at(lon_lat(v.lon, v.lat));
            let _ = memory.set_zoom(v.zoom);
        }
        let offline = first_tiles(ctx, &state, first);
        // Before the first frame: the fonts are set up from the style as that frame begins.
        ui::style::apply(ctx, state.theme);
        let (chapters, errors) = load_chapters(&dataset);
        load_errors.extend(errors);
        for e in &load_errors {
            log::error!("{e}");
        }
        let rt = Runtime {
            ctx: ctx.clone(),
            software_gl: false,
            tiles: Tiles {
                offline,
                online: None,
                applied_theme: Some(state.theme),
                reported_complete: false,
                exit_next_frame: false,
                frames: 0,
            },
            camera: Camera {
                memory,
                twin: MapMemory::default(),
                flight: None,
                auto_fit: None,
                chapter_view: None,
            },
            scene: Scene {
                regions,
                areas: Default::default(),
                labels: Labels::embedded(),
                drawn: Default::default(),
                modes: mode_view::ModeScene::with_places(places),
            },
            shown: Shown {
                mask: Default::default(),
                clusters: Default::default(),
                layer_counts: dataset.layer_counts(),
                layer_visible: Vec::new(),
                is_only: Vec::new(),
                highlight: Vec::new(),
                selection: Selection::None,
                generation: 0,
                placed: Some(placed),
                at_area: Vec::new(),
                by_province: Default::default(),
                by_area: Default::default(),
                at_area_passing: Default::default(),
            },
            story: Story {
                chapters,
                presenting: false,
                blank: false,
                theme_before: None,
                title_card: false,
                presenter: Default::default(),
                since: None,
            },
            panels: Panels {
                search: String::new(),
                help: false,
                about: false,
                choices: ui::filters::Choices::new(&dataset),
                export: ui::export_panel::ExportPanel::new(2015, state.timeline.last_year()),
                slides: Default::default(),
                data: layers::DataUi::default(),
                chart_notice: None,
                tool: Default::default(),
                tool_points: Vec::new(),
                draft: None,
            },
            launch,
        };
        let mut app = Self {
            state,
            dataset,
            load_errors,
            last_frame: Default::default(),
            rt,
        };
        app.refresh_mask();
        let start_chapter = app.rt.launch.chapter.clone();
        if let Some(i) =
            start_chapter.and_then(|id| app.rt.story.chapters.iter().position(|c| c.id == id))
        {
            app.go_to_chapter(i);
        }
        if app.rt.launch.present || app.rt.launch.presenter {
            let pick = !app.rt.launch.stage_only;
            app.set_presenting(true, pick);
        }
        app.rt.story.presenter.open = app.rt.launch.presenter;
        // The tiles of the first view were rendering meanwhile; a little more waiting here
        // makes the first frame the whole map.
        let (center, zoom, size) = first_view(ctx.content_rect(), app.state.view);
        app.rt.tiles.offline.wait_for_view(
            center,
            zoom,
            size,
            std::time::Duration::from_millis(250),
        );
        app
    }
}

/// The saved state, with the timeline spanning the data and the command line's choices.
fn initial_state(saved: Option<&str>, launch: &Launch, dataset: &Dataset) -> State {
    let mut state = State::restore(saved);
    // Operations that began before ISKP (Zarb-e-Azb, 2014) still start the axis at 2015;
    // it ends with the last month that has data.
    if let Some(last) = dataset.incidents().last() {
        let first = crate::timeline::FIRST_YEAR * 12;
        state
            .timeline
            .set_months(first, last.date.month_index().max(first));
        // The waves' comparison, untouched by the user, runs its last wave to the data's end.
        if state.compare == crate::model::Compare::default() {
            state.compare = crate::model::Compare::waves(Some(state.timeline.last));
        }
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
    state
}

/// Starts the tile workers on the view the first frame will most likely show, with the
/// tiles the head start rendered already in. The base tiles wait for the second frame
/// (`map_view`), so they take neither time nor memory from the first.
fn first_tiles(ctx: &egui::Context, state: &State, first: Option<FirstTiles>) -> OfflineTiles {
    let texture_px = texture_px(ctx.pixels_per_point());
    let mut offline = OfflineTiles::new(ctx.clone(), state.theme, texture_px);
    if let Some(first) = first {
        offline.adopt(first);
    }
    let (center, zoom, size) = first_view(ctx.content_rect(), state.view);
    offline.prefetch(center, zoom, size);
    offline
}

/// 256 px tiles on ordinary screens, 512 on high-DPI ones so lines stay sharp.
fn texture_px(pixels_per_point: f32) -> u32 {
    if pixels_per_point > 1.25 { 512 } else { 256 }
}

/// The window as the atlas opens it (`main`), when the screen is not known yet.
pub const WINDOW: [f32; 2] = [1600.0, 1000.0];

/// Where the first frame's map looks, in mercator fractions, at which zoom, and how large
/// it is: the saved view, or the home bounds framed in the window's map area.
fn first_view(screen: Rect, view: Option<crate::state::View>) -> ((f64, f64), f64, egui::Vec2) {
    let screen = if screen.width() > 200.0 && screen.width() < 8000.0 {
        screen
    } else {
        Rect::from_min_size(egui::Pos2::ZERO, egui::Vec2::from(WINDOW))
    };
    // Roughly the map's part of the window: less the legend and the two bars.
    let map_rect = Rect::from_min_max(
        screen.min + egui::vec2(190.0, 30.0),
        screen.max - egui::vec2(0.0, 70.0),
    );
    let view = view.unwrap_or_else(|| super::fit(HOME_BOUNDS, map_rect));
    (
        lonlat_to_unit(view.lon, view.lat),
        view.zoom,
        map_rect.size(),
    )
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
