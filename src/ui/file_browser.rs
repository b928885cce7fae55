//! File > Open: a file browser drawn by the app itself. A native dialog needs a desktop
//! portal or GTK at run time, which a projector laptop or a minimal install may lack; this
//! one works wherever the window does, and the keyboard and tests can drive it.

use std::path::{Path, PathBuf};

/// Extensions of the files the importers read; others are hidden unless asked for.
const READABLE: [&str; 9] = [
    "csv", "tsv", "txt", "geojson", "json", "xlsx", "ods", "kml", "kmz",
];

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    is_dir: bool,
    bytes: u64,
}

#[derive(Default)]
pub struct FileBrowser {
    pub open: bool,
    dir: PathBuf,
    /// The folder's listing, read when the folder changes, not every frame.
    entries: Vec<Entry>,
    selected: Option<usize>,
    show_all: bool,
    /// The path field: a folder or a file typed or pasted in.
    typed: String,
    error: String,
    /// Put the keyboard in the path field on the next frame: Ctrl+O, type, Enter.
    focus_field: bool,
    /// Arrow keys moved the selection: bring it into view on the next frame.
    reveal: bool,
    list_height: f32,
}

impl FileBrowser {
    /// Opens in `dir`, or the Documents or home folder.
    pub fn open_at(&mut self, dir: Option<PathBuf>) {
        let dir = dir
            .filter(|d| d.is_dir())
            .or_else(dirs::document_dir)
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| PathBuf::from("."));
        self.open = true;
        self.focus_field = true;
        self.go(dir);
    }

    fn go(&mut self, dir: PathBuf) {
        match list(&dir, self.show_all) {
            Ok(entries) => {
                self.entries = entries;
                self.typed = dir.display().to_string();
                self.dir = dir;
                self.selected = None;
                self.error.clear();
            }
            Err(e) => self.error = format!("{}: {e}", dir.display()),
        }
    }

    /// The typed path: a folder is entered, a file is the answer.
    fn follow_typed(&mut self) -> Option<PathBuf> {
        let path = PathBuf::from(self.typed.trim());
        if path.is_dir() {
            self.go(path);
            None
        } else if path.is_file() {
            Some(path)
        } else {
            self.error = format!("{}: no such file or folder", path.display());
            None
        }
    }

    /// Draws the browser; returns the file the user opened.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<PathBuf> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut open = true;
        let mut go_to = None;
        // Arrows and Enter walk the list when no text field has the keyboard.
        if !ctx.egui_wants_keyboard_input() && !self.entries.is_empty() {
            let last = self.entries.len() - 1;
            let (down, up, enter) = ctx.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                )
            });
            if down || up {
                self.selected = Some(match (self.selected, down) {
                    (None, _) => 0,
                    (Some(k), true) => (k + 1).min(last),
                    (Some(k), false) => k.saturating_sub(1),
                });
                self.reveal = true;
            }
            if enter && let Some(e) = self.selected.and_then(|k| self.entries.get(k)) {
                let path = self.dir.join(&e.name);
                if e.is_dir {
                    go_to = Some(path);
                } else {
                    chosen = Some(path);
                }
            }
        }
        egui::Window::new("Open a data file")
            .open(&mut open)
            .default_size([620.0, 440.0])
            .collapsible(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(self.dir.parent().is_some(), egui::Button::new("Up"))
                        .on_hover_text("The folder above")
                        .clicked()
                    {
                        go_to = self.dir.parent().map(Path::to_path_buf);
                    }
                    let label = ui.label("Folder or file");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.typed)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_field) {
                        field.request_focus();
                    }
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        chosen = self.follow_typed();
                    }
                    // Down from the path field goes to the list.
                    if field.has_focus()
                        && !self.entries.is_empty()
                        && ui.input_mut(|i| {
                            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown)
                        })
                    {
                        field.surrender_focus();
                        self.selected = Some(0);
                        self.reveal = true;
                    }
                });
                ui.horizontal(|ui| {
                    let places = [
                        ("Home", dirs::home_dir()),
                        ("Documents", dirs::document_dir()),
                        ("Downloads", dirs::download_dir()),
                        ("Desktop", dirs::desktop_dir()),
                    ];
                    for (name, dir) in places {
                        if let Some(dir) = dir.filter(|d| d.is_dir())
                            && ui.button(name).clicked()
                        {
                            go_to = Some(dir);
                        }
                    }
                    let mut all = self.show_all;
                    if ui.checkbox(&mut all, "Show all files").changed() {
                        self.show_all = all;
                        go_to = Some(self.dir.clone());
                    }
                });
                if !self.error.is_empty() {
                    ui.colored_label(ui.visuals().error_fg_color, &self.error);
                }
                ui.separator();
                let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
                let bottom = row_height * 2.5;
                let height = (ui.available_height() - bottom).max(row_height * 4.0);
                let mut scroll = egui::ScrollArea::vertical()
                    .max_height(height)
                    .auto_shrink([false, false]);
                if std::mem::take(&mut self.reveal)
                    && let Some(k) = self.selected
                {
                    let spacing = ui.spacing().item_spacing.y;
                    let y = k as f32 * (row_height + spacing);
                    scroll = scroll.vertical_scroll_offset((y - self.list_height / 2.0).max(0.0));
                }
                self.list_height = height;
                scroll.show_rows(ui, row_height, self.entries.len(), |ui, rows| {
                    for k in rows {
                        let e = &self.entries[k];
                        let text = if e.is_dir {
                            format!("{}/", e.name)
                        } else {
                            format!("{}    {}", e.name, size_text(e.bytes))
                        };
                        let r = ui.selectable_label(self.selected == Some(k), text);
                        if r.clicked() {
                            self.selected = Some(k);
                        }
                        if r.double_clicked() {
                            let path = self.dir.join(&e.name);
                            if e.is_dir {
                                go_to = Some(path);
                            } else {
                                chosen = Some(path);
                            }
                        }
                    }
                    if self.entries.is_empty() {
                        ui.weak(
                            "No folders or readable files here (CSV, TSV, TXT, GeoJSON, JSON).",
                        );
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    let picked = self.selected.and_then(|k| self.entries.get(k)).cloned();
                    let label = match &picked {
                        Some(e) if e.is_dir => "Open folder",
                        _ => "Open",
                    };
                    if ui
                        .add_enabled(picked.is_some(), egui::Button::new(label))
                        .clicked()
                        && let Some(e) = picked
                    {
                        let path = self.dir.join(&e.name);
                        if e.is_dir {
                            go_to = Some(path);
                        } else {
                            chosen = Some(path);
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        self.open = false;
                    }
                    ui.weak(
                        "UCDP GED or ACLED CSV, any CSV with dates and coordinates, GeoJSON points",
                    );
                });
            });
        if let Some(dir) = go_to {
            self.go(dir);
        }
        if !open || chosen.is_some() {
            self.open = false;
        }
        chosen
    }
}

/// Folders first, then readable files, each by name ignoring case; hidden ones only with
/// `all`. Unreadable entries are left out rather than failing the listing.
fn list(dir: &Path, all: bool) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|d| {
            let name = d.file_name().to_string_lossy().into_owned();
            // Follow links, so a linked folder opens like a folder.
            let meta = std::fs::metadata(d.path()).ok()?;
            let readable = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| READABLE.contains(&e.to_lowercase().as_str()));
            let shown = all || (!name.starts_with('.') && (meta.is_dir() || readable));
            shown.then_some(Entry {
                name,
                is_dir: meta.is_dir(),
                bytes: meta.len(),
            })
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase()));
    Ok(entries)
}

fn size_text(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_come_first_and_unreadable_kinds_are_hidden() {
        let dir = std::env::temp_dir().join(format!("iskp-browse-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("Zeta")).unwrap();
        for f in ["b.CSV", "a.geojson", "notes.pdf", ".hidden.csv"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let names = |all| -> Vec<String> {
            list(&dir, all)
                .unwrap()
                .into_iter()
                .map(|e| e.name)
                .collect()
        };
        assert_eq!(names(false), ["Zeta", "a.geojson", "b.CSV"]);
        assert_eq!(
            names(true),
            ["Zeta", ".hidden.csv", "a.geojson", "b.CSV", "notes.pdf"]
        );
        assert!(list(&dir.join("missing"), false).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
