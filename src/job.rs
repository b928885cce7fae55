//! What an export is asked to make, and the export running on its own thread. The export
//! window fills in a [`Request`]; the app starts it with the [`Exporter`] it was given at
//! launch (see `export::exporter`), so the app never depends on the exporter, which itself
//! drives a headless app.

use crate::io::Progress;
use crate::theme::Theme;
use std::path::PathBuf;
use std::sync::Arc;

/// What to draw: the stage at a size, at a year or chapter, or from a saved state.
#[derive(Debug, Clone, Default)]
pub struct Picture {
    pub size: (u32, u32),
    pub year: Option<i32>,
    pub chapter: Option<String>,
    pub theme: Option<Theme>,
    /// Event files to load on top of the embedded data.
    pub data: Vec<crate::io::import::DataFile>,
    /// A saved [`crate::state::State`] to start from (view, time, layers, filters): how the
    /// window exports exactly what it shows.
    pub state: Option<String>,
    /// How the map shows the incidents, and the two periods compared (which alone means
    /// the compare mode).
    pub mode: Option<crate::model::MapMode>,
    pub compare: Option<crate::model::Compare>,
}

/// Month or year steps for an animation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Month,
    Year,
}

/// Paper sizes, in PDF points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "a4" => Some(Self::A4),
            "letter" => Some(Self::Letter),
            _ => None,
        }
    }

    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// What kind of file an export makes.
#[derive(Debug, Clone)]
pub enum JobKind {
    Png,
    Gif {
        from: i32,
        to: i32,
        step: Step,
        fps: u32,
    },
    Mp4 {
        from: i32,
        to: i32,
        step: Step,
        fps: u32,
    },
    /// The PDF handout of every chapter.
    Handout {
        paper: Paper,
    },
    /// The whole story: a title card, then each chapter for `seconds`.
    StoryMp4 {
        seconds: f32,
        fps: u32,
    },
}

/// One export: what to make, of what picture, into which file.
#[derive(Debug, Clone)]
pub struct Request {
    pub kind: JobKind,
    pub picture: Picture,
    pub out: PathBuf,
}

type ExportFn = dyn Fn(&Request, &Progress) -> Result<String, String> + Send + Sync;

/// Makes the file a request asks for, reporting to the progress and stopping when it is
/// cancelled; returns what to tell the user.
#[derive(Clone)]
pub struct Exporter(Arc<ExportFn>);

impl Exporter {
    pub fn new(
        f: impl Fn(&Request, &Progress) -> Result<String, String> + Send + Sync + 'static,
    ) -> Self {
        Self(Arc::new(f))
    }
}

impl std::fmt::Debug for Exporter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Exporter")
    }
}

/// An export running on its own thread, so the window keeps drawing.
pub struct Job {
    pub progress: Arc<Progress>,
    result: std::sync::mpsc::Receiver<Result<String, String>>,
}

impl Job {
    pub fn start(request: Request, exporter: &Exporter, ctx: egui::Context) -> Self {
        let progress = Arc::new(Progress::default());
        let (tx, result) = std::sync::mpsc::channel();
        let (p, export) = (progress.clone(), exporter.0.clone());
        std::thread::spawn(move || {
            let _ = tx.send(export(&request, &p));
            ctx.request_repaint();
        });
        Self { progress, result }
    }

    /// The outcome, once the job has finished.
    pub fn finished(&self) -> Option<Result<String, String>> {
        self.result.try_recv().ok()
    }
}
