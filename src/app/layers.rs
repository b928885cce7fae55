//! Data layers: users' event files opened from File > Open, the Data window or a drop on the
//! window, read on a worker thread (after asking which columns hold what when the layout is
//! not fixed); layers shown, hidden, filtered to IS, saved and removed.

use super::AtlasApp;
use crate::commands::Command;
use crate::io::Progress;
use crate::io::import::{self, DataFile, Mapping, Preview};
use crate::model::Selection;
use crate::model::dataset::LayerInfo;
use crate::model::{Dataset, Incident};
use crate::ui;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// The window side of importing: what is loading, what waits, and the windows that ask.
#[derive(Default)]
pub(super) struct DataUi {
    loading: Option<Loading>,
    /// Files dropped or chosen while another is loading or waiting for its columns.
    queued: std::collections::VecDeque<PathBuf>,
    choosing: Option<Choosing>,
    pub window: ui::data_window::DataWindow,
    pub browser: ui::file_browser::FileBrowser,
}

/// A file being read on a worker thread.
struct Loading {
    name: String,
    progress: Arc<Progress>,
    rx: Receiver<Result<Loaded, String>>,
}

enum Loaded {
    Done(Box<Dataset>, String),
    /// The layout is not fixed: the user says which columns hold what, then it is read.
    Choose(Box<Choosing>),
}

/// A file waiting for the user to confirm its columns; its bytes are kept so it is read once.
struct Choosing {
    file: DataFile,
    name: String,
    bytes: Arc<Vec<u8>>,
    preview: Preview,
    mapping: Mapping,
}

impl AtlasApp {
    /// Starts reading `path` on a worker thread; the window keeps drawing meanwhile. A CSV of
    /// no known layout (or GeoJSON with several date properties) first asks for its columns.
    /// The new dataset replaces the old one only if the whole read succeeds.
    pub fn open_file(&mut self, path: PathBuf) {
        self.state.open_dir = path.parent().map(|d| d.display().to_string());
        self.rt.panels.data.window.open = true;
        self.load(DataFile::new(path), None);
    }

    fn load(&mut self, file: DataFile, bytes: Option<Arc<Vec<u8>>>) {
        let data = &mut self.rt.panels.data;
        if data.loading.is_some() || (data.choosing.is_some() && bytes.is_none()) {
            data.queued.push_back(file.path);
            return;
        }
        let name = import::file_name(&file.path);
        let progress = Arc::new(Progress::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let parts = Parts::of(&self.dataset);
        let layer = parts.layers.len() as u16;
        let (p, ctx, label) = (progress.clone(), self.rt.ctx.clone(), name.clone());
        std::thread::spawn(move || {
            let result = (|| {
                let bytes = match bytes {
                    Some(b) => b,
                    None => Arc::new(
                        std::fs::read(&file.path)
                            .map_err(|e| format!("{}: cannot read: {e}", file.path.display()))?,
                    ),
                };
                let opened = match &file.columns {
                    None => import::open(&label, &bytes, layer, &p),
                    Some(m) => import::read_columns(&label, &bytes, layer, &p, Some(m))
                        .map(|(f, new, report)| import::Opened::Read(f, new, report)),
                };
                let (format, new, report) = match opened.map_err(|e| e.to_string())? {
                    import::Opened::Read(format, new, report) => (format, new, report),
                    import::Opened::Ask(preview) => {
                        let mapping = explicit(preview.guess.clone());
                        return Ok(Loaded::Choose(Box::new(Choosing {
                            file,
                            name: label,
                            bytes,
                            preview,
                            mapping,
                        })));
                    }
                };
                let summary = report.summary(&label, format);
                let mut info = file.layer(format);
                info.name = label;
                let dataset = parts.with_layer(info, new).build();
                Ok(Loaded::Done(Box::new(dataset), summary))
            })();
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.rt.panels.data.loading = Some(Loading { name, progress, rx });
        self.rt.panels.data.window.message.clear();
    }

    /// Swaps in a finished load, opens the column window, or reports why a load failed (and
    /// keeps what was loaded).
    pub(super) fn poll_loading(&mut self) {
        let Some(loading) = &self.rt.panels.data.loading else {
            self.next_queued();
            return;
        };
        match loading.rx.try_recv() {
            Ok(Ok(Loaded::Done(dataset, summary))) => {
                self.replace_dataset(*dataset);
                self.rt.panels.data.window.message = summary;
                self.rt.panels.data.loading = None;
            }
            Ok(Ok(Loaded::Choose(choosing))) => {
                self.rt.panels.data.window.message =
                    format!("{}: say which columns hold what", choosing.name);
                self.rt.panels.data.choosing = Some(*choosing);
                self.rt.panels.data.loading = None;
            }
            Ok(Err(e)) => {
                self.rt.panels.data.window.message = e;
                self.rt.panels.data.loading = None;
            }
            Err(TryRecvError::Empty) => {
                self.rt
                    .ctx
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(TryRecvError::Disconnected) => {
                self.rt.panels.data.window.message = "the loader stopped unexpectedly".into();
                self.rt.panels.data.loading = None;
            }
        }
        self.next_queued();
    }

    fn next_queued(&mut self) {
        let data = &mut self.rt.panels.data;
        if data.loading.is_none()
            && data.choosing.is_none()
            && let Some(next) = data.queued.pop_front()
        {
            self.load(DataFile::new(next), None);
        }
    }

    /// The file waiting for its columns: its name, what it looks like and the current choice.
    pub fn choosing_columns(&self) -> Option<(&str, &Preview, &Mapping)> {
        self.rt
            .panels
            .data
            .choosing
            .as_ref()
            .map(|c| (c.name.as_str(), &c.preview, &c.mapping))
    }

    /// Reads the waiting file with `mapping`.
    pub fn import_with(&mut self, mapping: Mapping) {
        if let Some(c) = self.rt.panels.data.choosing.take() {
            let file = DataFile {
                path: c.file.path,
                columns: Some(mapping),
            };
            self.load(file, Some(c.bytes));
        }
    }

    /// Looks at another sheet of the waiting workbook: its columns are guessed afresh.
    pub fn show_sheet(&mut self, sheet: &str) {
        let Some(c) = self.rt.panels.data.choosing.as_mut() else {
            return;
        };
        match import::preview_sheet(&c.name, &c.bytes, Some(sheet)) {
            Ok(preview) => {
                c.mapping = explicit(preview.guess.clone());
                c.preview = preview;
            }
            Err(e) => self.rt.panels.data.window.message = e.to_string(),
        }
    }

    /// Drops the waiting file without reading it.
    pub fn cancel_columns(&mut self) {
        if let Some(c) = self.rt.panels.data.choosing.take() {
            self.rt.panels.data.window.message = format!("{}: not opened", c.name);
        }
    }

    /// Takes a new dataset: indices, choices, the timeline's span and the mask follow.
    pub(super) fn replace_dataset(&mut self, dataset: Dataset) {
        self.dataset = dataset;
        self.rt.shown.layer_counts = self.dataset.layer_counts();
        self.rt.panels.choices = ui::filters::Choices::new(&self.dataset);
        self.rt.shown.selection = Selection::None;
        self.rt.shown.highlight.clear();
        self.rt.shown.mask.invalidate();
        self.rt.shown.placed = None;
        self.fit_timeline();
        self.refresh_mask();
    }

    /// The timeline spans every visible layer, never starting after ISKP's founding. Run on
    /// a load and a visibility change, never per frame.
    fn fit_timeline(&mut self) {
        let visible = |i: &&crate::model::Incident| {
            self.rt
                .shown
                .layer_visible
                .get(usize::from(i.layer))
                .copied()
                .unwrap_or(true)
        };
        // Incidents are in date order: the first and last visible ones bound the span. The
        // atlas's own few from before the founding (2014) do not move the start.
        let incidents = self.dataset.incidents();
        let Some(last) = incidents.iter().rev().find(visible) else {
            return;
        };
        let first = incidents
            .iter()
            .filter(|i| i.layer > 0)
            .find(visible)
            .map_or(i32::MAX, |i| i.date.month_index())
            .min(crate::timeline::FIRST_YEAR * 12);
        self.state
            .timeline
            .set_months(first, last.date.month_index().max(first));
    }

    /// Adds incidents as a new data layer at once (on this thread): for generated data and
    /// tools; files go through [`AtlasApp::open_file`].
    pub fn add_layer(&mut self, name: &str, incidents: Vec<Incident>) {
        let info = LayerInfo {
            name: name.to_owned(),
            format: "generated".into(),
            path: None,
            columns: None,
        };
        let dataset = Parts::of(&self.dataset).with_layer(info, incidents).build();
        self.replace_dataset(dataset);
    }

    /// Drops data layer `l` (not the atlas's own).
    pub fn remove_layer(&mut self, l: usize) {
        if l == 0 || l >= self.dataset.layers.len() {
            return;
        }
        let dataset = Parts::of(&self.dataset).without_layer(l).build();
        self.rt.shown.layer_visible.remove(l);
        self.rt.shown.is_only.remove(l);
        self.replace_dataset(dataset);
    }

    /// A file is loading or waiting to.
    pub fn loading(&self) -> bool {
        self.rt.panels.data.loading.is_some() || !self.rt.panels.data.queued.is_empty()
    }

    pub fn data_message(&self) -> &str {
        &self.rt.panels.data.window.message
    }

    pub fn set_layer_visible(&mut self, l: usize, on: bool) {
        if let Some(v) = self.rt.shown.layer_visible.get_mut(l) {
            *v = on;
        }
        self.fit_timeline();
        self.refresh_mask();
    }

    pub fn set_is_only(&mut self, l: usize, on: bool) {
        if let Some(v) = self.rt.shown.is_only.get_mut(l) {
            *v = on;
        }
        self.refresh_mask();
    }

    /// Writes layer `l`'s incidents that pass the filters, atomically.
    pub fn save_layer(
        &self,
        l: usize,
        path: &str,
        format: crate::io::write::SaveAs,
    ) -> Result<String, String> {
        use crate::io::write::SaveAs;
        let chosen = self
            .dataset
            .incidents()
            .iter()
            .zip(self.rt.shown.mask.passes())
            .filter(|(i, m)| **m && usize::from(i.layer) == l)
            .map(|(i, _)| i);
        let n = chosen.clone().count();
        let text = match format {
            SaveAs::Csv => crate::io::write::to_csv(chosen)?,
            SaveAs::GeoJson => {
                let through = if l == 0 {
                    crate::io::embedded::data_through()
                } else {
                    None
                };
                crate::io::write::to_geojson_through(chosen, through)
            }
            SaveAs::Kml => {
                let layer = self.dataset.layers.get(l).map_or("", |x| x.name.as_str());
                let note = format!("ISKP Atlas, {layer}: {}", self.state.filter.describe());
                crate::io::write::to_kml(&format!("ISKP Atlas: {layer}"), &note, chosen)
            }
        };
        crate::io::write_atomic(std::path::Path::new(path), |tmp| {
            std::fs::write(tmp, &text).map_err(|e| e.to_string())
        })?;
        Ok(format!("Saved {n} incidents to {path}"))
    }

    /// The files behind the loaded layers, so an export can show them too.
    pub(super) fn layer_files(&self) -> Vec<DataFile> {
        self.dataset
            .layers
            .iter()
            .filter_map(DataFile::of_layer)
            .collect()
    }

    /// The Data window, the file browser and the column window: what they ask for.
    pub(super) fn data_windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let data = &mut self.rt.panels.data;
        let loading = data
            .loading
            .as_ref()
            .map(|l| (l.name.as_str(), &*l.progress));
        let mut asked: Vec<Command> = data
            .window
            .show(ctx, &self.dataset.layers, loading)
            .into_iter()
            .collect();
        asked.extend(data.browser.show(ctx).map(Command::OpenPath));
        asked.extend(
            data.choosing
                .as_mut()
                .and_then(|c| ui::column_window::show(ctx, &c.name, &c.preview, &mut c.mapping)),
        );
        asked
    }

    /// Stops the file being read and forgets the ones waiting.
    pub(super) fn cancel_loading(&mut self) {
        let data = &mut self.rt.panels.data;
        if let Some(l) = &data.loading {
            l.progress.stop();
        }
        data.queued.clear();
    }

    /// Reads the file waiting in the column window with the columns chosen there.
    pub(super) fn import_chosen_columns(&mut self) {
        if let Some(m) = self
            .rt
            .panels
            .data
            .choosing
            .as_ref()
            .map(|c| c.mapping.clone())
        {
            self.import_with(m);
        }
    }

    /// File > Open: the file browser, in the folder last opened from.
    pub fn browse(&mut self) {
        let dir = self.state.open_dir.as_ref().map(PathBuf::from);
        self.rt.panels.data.browser.open_at(dir);
    }

    pub fn browser_open(&self) -> bool {
        self.rt.panels.data.browser.open
    }
}

/// A guess made explicit: optional roles it left empty become "(none)", so the user sees
/// exactly what will be read and nothing is guessed again behind their back.
fn explicit(guess: Mapping) -> Mapping {
    Mapping {
        place: Some(guess.place.unwrap_or_default()),
        deaths: Some(guess.deaths.unwrap_or_default()),
        title: Some(guess.title.unwrap_or_default()),
        category: Some(guess.category.unwrap_or_default()),
        ..guess
    }
}

/// What a new dataset is made from: the incidents (copied), the areas and the layers. Adding
/// and removing a layer both go through here, so the layer numbers stay right.
struct Parts {
    incidents: Vec<Incident>,
    regions: Vec<crate::model::Region>,
    layers: Vec<LayerInfo>,
}

impl Parts {
    fn of(dataset: &Dataset) -> Self {
        Self {
            incidents: dataset.incidents().to_vec(),
            regions: dataset.regions.clone(),
            layers: dataset.layers.clone(),
        }
    }

    /// `new` as the last layer, numbered as such.
    fn with_layer(mut self, info: LayerInfo, mut new: Vec<Incident>) -> Self {
        let layer = self.layers.len() as u16;
        for i in &mut new {
            i.layer = layer;
        }
        self.incidents.append(&mut new);
        self.layers.push(info);
        self
    }

    /// Without layer `l`; the layers after it move down one.
    fn without_layer(mut self, l: usize) -> Self {
        self.incidents.retain(|i| usize::from(i.layer) != l);
        for i in &mut self.incidents {
            if usize::from(i.layer) > l {
                i.layer -= 1;
            }
        }
        self.layers.remove(l);
        self
    }

    fn build(self) -> Dataset {
        let mut dataset = Dataset::new(self.incidents, self.regions);
        dataset.layers = self.layers;
        dataset
    }
}
