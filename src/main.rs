//! Command line: parses arguments and dispatches to the window or a subcommand.

use clap::{Parser, Subcommand};
use iskp_atlas::basemap::BasemapKind;
use iskp_atlas::io::countries::Countries;
use iskp_atlas::io::import::{DataFile, Mapping};
use iskp_atlas::model::Date;
use iskp_atlas::theme::Theme;
use iskp_atlas::{AtlasApp, Launch, export, validate};
use std::path::PathBuf;
use std::process::ExitCode;

/// ISKP Atlas: an offline map of Islamic State Khorasan Province violence, 2015 to today.
#[derive(Parser, Debug)]
#[command(name = "iskp-atlas", about, long_about = None, args_conflicts_with_subcommands = true, disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Print the version, the month the embedded data runs to and its incident count
    #[arg(short = 'V', long)]
    version: bool,
    /// Basemap: offline (embedded Natural Earth, no network), osm or opentopomap (online)
    #[arg(long, value_name = "offline|osm|opentopomap", value_parser = parse_basemap)]
    basemap: Option<BasemapKind>,
    /// Show incidents up to the end of this year
    #[arg(long, value_name = "Y", value_parser = clap::value_parser!(i32).range(2015..=2100))]
    year: Option<i32>,
    /// Look: light, projector (high contrast, large type) or dark
    #[arg(long, value_name = "light|projector|dark", value_parser = parse_theme)]
    theme: Option<Theme>,
    /// Start in presentation mode (full screen, story chapters; Esc leaves)
    #[arg(long)]
    present: bool,
    /// Present with the presenter window (speaker notes, next chapter, clock) beside the
    /// stage; F6 opens and closes it
    #[arg(long)]
    presenter: bool,
    /// Open at this story chapter, by id (see data/chapters.json)
    #[arg(long, value_name = "ID")]
    chapter: Option<String>,
    #[command(flatten)]
    files: DataArgs,
    /// Event files to open as layers, as with --data: what a file manager's "Open with"
    /// passes
    #[arg(value_name = "FILE")]
    open: Vec<PathBuf>,
}

/// Event files shown on top of the embedded data, and which columns hold what.
#[derive(clap::Args, Debug)]
struct DataArgs {
    /// An event file to show on top of the embedded data (repeatable): the atlas's GeoJSON,
    /// GeoJSON points, UCDP GED or ACLED CSV, or any CSV, XLSX or ODS sheet or KML/KMZ file
    /// with dates and coordinates or place names
    #[arg(long, value_name = "FILE")]
    data: Vec<PathBuf>,
    /// Which columns of a --data file (or properties of GeoJSON points) hold what, for files
    /// whose names the atlas does not guess: date=COL,lat=COL,lon=COL or date=COL,place=COL
    /// [,deaths=COL][,title=COL][,category=COL][,sheet=NAME]
    #[arg(long, value_name = "SPEC", value_parser = parse_columns)]
    columns: Option<Mapping>,
}

/// How the map shows the incidents, for `render` and `video`.
#[derive(clap::Args, Debug)]
struct ModeArgs {
    /// Points, a density surface, provinces filled by count, or two periods side by side
    #[arg(long, value_name = "points|density|provinces|compare", value_parser = parse_mode)]
    mode: Option<iskp_atlas::model::MapMode>,
    /// The two periods compared (implies --mode compare): years 2015-2018, months
    /// 2015-01-2019-09, or a wave of the paper (emergence, decline, resurgence)
    #[arg(long, value_name = "A1-A2,B1-B2", value_parser = parse_compare)]
    compare: Option<iskp_atlas::model::Compare>,
}

fn parse_mode(s: &str) -> Result<iskp_atlas::model::MapMode, String> {
    iskp_atlas::model::MapMode::parse(s)
        .ok_or_else(|| format!("{s:?}: expected points, density, provinces or compare"))
}

fn parse_compare(s: &str) -> Result<iskp_atlas::model::Compare, String> {
    let last = iskp_atlas::io::embedded::data_through().unwrap_or(2025 * 12 + 11);
    iskp_atlas::model::Compare::parse(s, last)
}

impl DataArgs {
    fn files(self) -> Vec<DataFile> {
        data_files(self.data, self.columns)
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check incident and region files (the embedded data when no FILE is given).
    /// Exits with status 1 if anything is wrong.
    Validate {
        /// Incident or region GeoJSON, or event files in any format the atlas imports
        files: Vec<PathBuf>,
        /// Columns of a CSV of no known layout: date=COL,lat=COL,lon=COL[,deaths=COL]...
        #[arg(long, value_name = "SPEC", value_parser = parse_columns)]
        columns: Option<Mapping>,
        /// Print one JSON object: {"incidents": N, "regions": N, "errors": [...]}
        #[arg(long)]
        json: bool,
    },
    /// Draw the atlas as on stage (map, date, legend, chapter card) into a PNG, no window.
    Render {
        /// The PNG to write
        #[arg(long, value_name = "F.png")]
        out: PathBuf,
        /// Picture size in pixels
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = export::parse_size)]
        size: (u32, u32),
        /// Show incidents up to the end of this year
        #[arg(long, value_name = "Y", conflicts_with = "chapter")]
        year: Option<i32>,
        /// Show this story chapter (see data/chapters.json)
        #[arg(long, value_name = "ID")]
        chapter: Option<String>,
        #[arg(long, value_name = "light|projector|dark", value_parser = parse_theme)]
        theme: Option<Theme>,
        #[command(flatten)]
        files: DataArgs,
        #[command(flatten)]
        modes: ModeArgs,
    },
    /// Measure frame time, load time and memory over N synthetic events, headless.
    Bench {
        /// Synthetic events on top of the embedded data
        #[arg(long, value_name = "N", default_value = "100000", value_parser = parse_events)]
        events: usize,
        /// Frames of playback (and half as many of panning at zoom 5 and at zoom 9)
        #[arg(long, value_name = "N", default_value_t = 600)]
        frames: usize,
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = export::parse_size)]
        size: (u32, u32),
        /// The map mode to measure
        #[arg(long, value_name = "points|density|provinces|compare", default_value = "points", value_parser = parse_mode)]
        mode: iskp_atlas::model::MapMode,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
    },
    /// The numbers behind the charts: per year or month, per country, per kind. Victims,
    /// militants and bystanders are separate columns; published totals are joined by period.
    Stats {
        /// Atlas GeoJSON files to count instead of the embedded data
        files: Vec<PathBuf>,
        /// One row per year or per month
        #[arg(long, value_name = "year|month", default_value = "year", value_parser = parse_by)]
        by: iskp_atlas::model::stats::By,
        /// One row per period for each country given (ISO3); without it, one row of all
        #[arg(long, value_name = "ISO3")]
        country: Vec<String>,
        /// Count only these kinds: attack, plot, clash, ct_operation, leadership
        #[arg(long, value_name = "K", value_parser = parse_kind)]
        kind: Vec<iskp_atlas::model::IncidentKind>,
        /// Published totals to join instead of the embedded data/totals.json
        #[arg(long, value_name = "FILE")]
        totals: Option<PathBuf>,
        /// One JSON object: {"data_through": "YYYY-MM", "rows": [...]}
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// CSV, one line per row
        #[arg(long)]
        csv: bool,
    },
    /// Play the timeline, a chapter or the whole story into an MP4 video (H.264), no window.
    Video {
        /// The MP4 to write
        #[arg(long, value_name = "F.mp4")]
        out: PathBuf,
        /// First year (default 2015, or the chapter's first)
        #[arg(long, value_name = "Y", conflicts_with = "story")]
        from: Option<i32>,
        /// Last year (default the last with data, or the chapter's last)
        #[arg(long, value_name = "Y", conflicts_with = "story")]
        to: Option<i32>,
        /// One frame per month or per year
        #[arg(long, value_name = "month|year", default_value = "month", value_parser = parse_step)]
        step: export::Step,
        /// Even width and height (odd ones are rounded down)
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = export::parse_size)]
        size: (u32, u32),
        /// Frames per second
        #[arg(long, value_name = "N", default_value_t = 8)]
        fps: u32,
        /// A chapter's view, layers and years (by id)
        #[arg(long, value_name = "ID", conflicts_with = "story")]
        chapter: Option<String>,
        /// Every chapter in order, after a title card
        #[arg(long)]
        story: bool,
        /// With --story: seconds per chapter
        #[arg(long, value_name = "S", default_value_t = 8.0)]
        seconds: f32,
        #[arg(long, value_name = "light|projector|dark", value_parser = parse_theme)]
        theme: Option<Theme>,
        #[command(flatten)]
        files: DataArgs,
        #[command(flatten)]
        modes: ModeArgs,
    },
    /// A PDF handout: a title page, a page per chapter (picture, caption, incidents and
    /// their sources), then the sources cited.
    Handout {
        /// The PDF to write
        #[arg(long, value_name = "F.pdf")]
        out: PathBuf,
        /// Only these chapters (by id, in story order); all when none is given
        #[arg(long, value_name = "ID")]
        chapter: Vec<String>,
        /// Paper size
        #[arg(long, value_name = "a4|letter", default_value = "a4", value_parser = parse_paper)]
        paper: export::Paper,
        /// Size of each chapter's picture
        #[arg(long, value_name = "WxH", default_value = "1600x900", value_parser = export::parse_size)]
        size: (u32, u32),
        #[arg(long, value_name = "light|projector|dark", value_parser = parse_theme)]
        theme: Option<Theme>,
    },
    /// Play the timeline into an animated GIF, no window.
    Animate {
        /// The GIF to write
        #[arg(long, value_name = "F.gif")]
        out: PathBuf,
        /// First year
        #[arg(long, value_name = "Y")]
        from: i32,
        /// Last year
        #[arg(long, value_name = "Y")]
        to: i32,
        /// One frame per month or per year
        #[arg(long, value_name = "month|year", default_value = "year", value_parser = parse_step)]
        step: export::Step,
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = export::parse_size)]
        size: (u32, u32),
        /// Frames per second
        #[arg(long, value_name = "N", default_value_t = 4)]
        fps: u32,
        #[arg(long, value_name = "light|projector|dark", value_parser = parse_theme)]
        theme: Option<Theme>,
    },
}

fn parse_events(s: &str) -> Result<usize, String> {
    s.replace('_', "")
        .parse::<usize>()
        .map_err(|e| format!("'{s}': {e}"))
        .and_then(|n| {
            if n <= 5_000_000 {
                Ok(n)
            } else {
                Err("at most 5,000,000 events".into())
            }
        })
}

fn parse_by(s: &str) -> Result<iskp_atlas::model::stats::By, String> {
    match s {
        "year" => Ok(iskp_atlas::model::stats::By::Year),
        "month" => Ok(iskp_atlas::model::stats::By::Month),
        _ => Err(format!("'{s}' is not year or month")),
    }
}

fn parse_kind(s: &str) -> Result<iskp_atlas::model::IncidentKind, String> {
    iskp_atlas::model::IncidentKind::parse(s)
        .ok_or_else(|| format!("'{s}' is not one of attack, plot, clash, ct_operation, leadership"))
}

fn parse_paper(s: &str) -> Result<export::Paper, String> {
    export::Paper::parse(s).ok_or_else(|| format!("'{s}' is not a4 or letter"))
}

fn parse_step(s: &str) -> Result<export::Step, String> {
    match s {
        "month" => Ok(export::Step::Month),
        "year" => Ok(export::Step::Year),
        _ => Err(format!("'{s}' is not month or year")),
    }
}

fn parse_columns(s: &str) -> Result<Mapping, String> {
    Mapping::parse_spec(s)
}

/// The `--data` files, each read with the `--columns` given (if any).
fn data_files(paths: Vec<PathBuf>, columns: Option<Mapping>) -> Vec<DataFile> {
    paths
        .into_iter()
        .map(|path| DataFile {
            path,
            columns: columns.clone(),
        })
        .collect()
}

fn parse_basemap(s: &str) -> Result<BasemapKind, String> {
    BasemapKind::parse(s).ok_or_else(|| format!("'{s}' is not one of offline, osm, opentopomap"))
}

fn parse_theme(s: &str) -> Result<Theme, String> {
    Theme::parse(s).ok_or_else(|| format!("'{s}' is not one of light, projector, dark"))
}

/// "iskp-atlas 0.1.0, data through February 2026, 423 incidents": what a briefer quotes
/// when asked which edition is on the screen.
fn version_text() -> String {
    let (dataset, _) = iskp_atlas::io::embedded::load();
    let through = iskp_atlas::io::embedded::data_through().map_or_else(
        || "not stated".to_owned(),
        iskp_atlas::model::date::month_long,
    );
    format!(
        "iskp-atlas {}, data through {through}, {} incidents",
        env!("CARGO_PKG_VERSION"),
        dataset.incidents().len()
    )
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    iskp_atlas::keep_freed_memory();
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,iskp_atlas=info,walkers=error"),
    )
    .init();
    let cli = Cli::parse();
    if cli.version {
        println!("{}", version_text());
        return ExitCode::SUCCESS;
    }
    match cli.command {
        Some(Command::Validate {
            files,
            columns,
            json,
        }) => run_validate(&files, columns.as_ref(), json),
        Some(Command::Stats {
            files,
            by,
            country,
            kind,
            totals,
            json,
            csv,
        }) => {
            let options = iskp_atlas::stats::Options {
                by,
                countries: country.into_iter().map(|c| c.to_uppercase()).collect(),
                kinds: kind,
                files,
                totals,
                output: if json {
                    iskp_atlas::stats::Output::Json
                } else if csv {
                    iskp_atlas::stats::Output::Csv
                } else {
                    iskp_atlas::stats::Output::Text
                },
            };
            match iskp_atlas::stats::run(&options) {
                Ok(text) => {
                    print!("{text}");
                    if !text.ends_with('\n') {
                        println!();
                    }
                    ExitCode::SUCCESS
                }
                Err(errors) => {
                    for e in errors {
                        eprintln!("iskp-atlas: {e}");
                    }
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Bench {
            events,
            frames,
            size,
            mode,
            json,
        }) => {
            let r = iskp_atlas::bench::run(&iskp_atlas::bench::Options {
                events,
                mode,
                frames,
                size,
            });
            if json {
                println!("{}", serde_json::to_string(&r).unwrap_or_default());
            } else {
                println!(
                    "{} events, {}: load {:.0} ms; playing p50 {:.2} ms p99 {:.2} ms; pan zoom 5 p50 {:.2} p99 {:.2}; zoom 9 p50 {:.2} p99 {:.2}; vertices p50 {} max {}; peak memory {:.0} MB",
                    r.events,
                    r.mode,
                    r.load_ms,
                    r.frame_ms_p50,
                    r.frame_ms_p99,
                    r.pan_zoom5_ms_p50,
                    r.pan_zoom5_ms_p99,
                    r.pan_zoom9_ms_p50,
                    r.pan_zoom9_ms_p99,
                    r.vertices_p50,
                    r.vertices_max,
                    r.peak_rss_mb
                );
            }
            ExitCode::SUCCESS
        }
        Some(Command::Render {
            out,
            size,
            year,
            chapter,
            theme,
            files,
            modes,
        }) => {
            let t = std::time::Instant::now();
            let picture = export::Picture {
                size,
                year,
                chapter,
                theme,
                data: files.files(),
                state: None,
                mode: modes.mode,
                compare: modes.compare,
            };
            finish(export::render_png(&picture, &out).map(|()| {
                format!(
                    "wrote {} ({}x{}) in {:.1} s",
                    out.display(),
                    size.0,
                    size.1,
                    t.elapsed().as_secs_f64()
                )
            }))
        }
        Some(Command::Animate {
            out,
            from,
            to,
            step,
            size,
            fps,
            theme,
        }) => {
            let t = std::time::Instant::now();
            let picture = export::Picture {
                size,
                year: Some(from),
                theme,
                ..Default::default()
            };
            finish(
                export::animate_gif(&picture, &out, from, to, step, fps).map(|frames| {
                    let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
                    format!(
                        "wrote {} ({frames} frames, {}x{}, {:.1} MB) in {:.1} s",
                        out.display(),
                        size.0,
                        size.1,
                        bytes as f64 / 1e6,
                        t.elapsed().as_secs_f64()
                    )
                }),
            )
        }
        Some(Command::Handout {
            out,
            chapter,
            paper,
            size,
            theme,
        }) => {
            let t = std::time::Instant::now();
            let picture = export::Picture {
                size,
                // Print reads best in the light theme.
                theme: theme.or(Some(Theme::Light)),
                ..Default::default()
            };
            let progress = iskp_atlas::io::Progress::default();
            finish(
                export::handout(&picture, &out, paper, &chapter, &progress).map(|pages| {
                    let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
                    format!(
                        "wrote {} ({pages} pages, {:.1} MB) in {:.1} s",
                        out.display(),
                        bytes as f64 / 1e6,
                        t.elapsed().as_secs_f64()
                    )
                }),
            )
        }
        Some(Command::Video {
            out,
            from,
            to,
            step,
            size,
            fps,
            chapter,
            story,
            seconds,
            theme,
            files,
            modes,
        }) => {
            let t = std::time::Instant::now();
            let picture = export::Picture {
                size,
                theme,
                chapter: chapter.clone(),
                data: files.files(),
                mode: modes.mode,
                compare: modes.compare,
                ..Default::default()
            };
            let progress = iskp_atlas::io::Progress::default();
            let made = if story {
                export::story_video(&picture, &out, seconds, fps, &progress)
            } else {
                let years = chapter
                    .as_ref()
                    .and_then(|id| iskp_atlas::io::embedded::chapter(id))
                    .map(|c| (c.years[0], c.years[1]));
                let last =
                    iskp_atlas::io::embedded::data_through().map_or(2026, |m| m.div_euclid(12));
                let from = from.or(years.map(|y| y.0)).unwrap_or(2015);
                let to = to.or(years.map(|y| y.1)).unwrap_or(last);
                export::video(&picture, &out, from, to, step, fps, &progress)
            };
            let size = export::even(size);
            finish(made.map(|frames| {
                let bytes = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
                format!(
                    "wrote {} ({frames} frames, {}x{}, {:.1} MB) in {:.1} s",
                    out.display(),
                    size.0,
                    size.1,
                    bytes as f64 / 1e6,
                    t.elapsed().as_secs_f64()
                )
            }))
        }
        None => {
            let mut files = cli.files;
            files.data.extend(cli.open);
            let launch = Launch {
                basemap: cli.basemap,
                year: cli.year,
                theme: cli.theme,
                present: cli.present,
                presenter: cli.presenter,
                stage_only: false,
                data: files.files(),
                chapter: cli.chapter,
                started: Some(started),
                // For start-up measurements (see README): print the time and end.
                exit_when_drawn: std::env::var_os("ISKP_ATLAS_EXIT_WHEN_DRAWN").is_some(),
                exporter: Some(export::exporter()),
                provenance: false,
            };
            let head_start = iskp_atlas::app::HeadStart::begin(&launch);
            match run_gui(launch, head_start) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("iskp-atlas: cannot open the window: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn finish(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(done) => {
            println!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("iskp-atlas: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_gui(launch: Launch, head_start: iskp_atlas::app::HeadStart) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ISKP Atlas")
            .with_app_id("iskp-atlas")
            .with_inner_size(iskp_atlas::app::WINDOW)
            .with_min_inner_size([800.0, 560.0])
            .with_icon(window_icon()),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        iskp_atlas::app::APP_NAME,
        options,
        Box::new(move |cc| {
            Ok(Box::new(AtlasApp::from_creation_context(
                cc,
                launch,
                Some(head_start),
            )))
        }),
    )
}

/// The atlas's icon (`tools/make_icon.py`) for the title bar and the task switcher.
fn window_icon() -> egui::IconData {
    let png = include_bytes!("../packaging/icons/iskp-atlas-128.png");
    // Our own asset, checked by a test; a broken one leaves the desktop's default icon.
    image::load_from_memory(png).map_or_else(
        |_| egui::IconData::default(),
        |image| {
            let image = image.into_rgba8();
            egui::IconData {
                width: image.width(),
                height: image.height(),
                rgba: image.into_raw(),
            }
        },
    )
}

fn run_validate(files: &[PathBuf], columns: Option<&Mapping>, json: bool) -> ExitCode {
    let countries = Countries::embedded();
    let today = Date::today();
    let report = if files.is_empty() {
        validate::embedded_data(&countries, today)
    } else {
        validate::files(files, columns, &countries, today)
    };
    if json {
        println!("{}", report.to_json());
    } else {
        for e in &report.errors {
            println!("{e}");
        }
        for n in &report.notes {
            println!("note: {n}");
        }
        let what = if files.is_empty() {
            "embedded data"
        } else {
            "given files"
        };
        let through = report.data_through.map_or_else(
            || "data through: not stated".to_owned(),
            |m| format!("data through {}", iskp_atlas::model::date::month_code(m)),
        );
        println!(
            "{what}: {} incidents, {} regions, {} published totals, {through}, {} errors",
            report.incidents,
            report.regions,
            report.totals,
            report.errors.len()
        );
    }
    if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
