//! Slides: the view, month, layers, filter, map mode and notes saved under a name, in the briefer's order,
//! and shared as a file.

use super::AtlasApp;
use crate::model::Slide;

impl AtlasApp {
    /// Saves what is on screen as a named slide, at the end of the list.
    pub fn save_slide(&mut self, name: &str) {
        let s = &self.state;
        let Some(view) = s.view else { return };
        self.state.slides.push(Slide {
            name: name.to_owned(),
            view,
            month: s.timeline.cursor(),
            layers: s.layers.clone(),
            filter: s.filter.clone(),
            chapter: s.chapter.clone(),
            mode: s.mode,
            compare: (s.mode == crate::model::MapMode::Compare).then(|| s.compare.clone()),
            notes: s.notes.clone(),
        });
    }

    /// Shows slide `i`: its view (flown to), month, layers, filter, mode and notes.
    pub fn go_to_slide(&mut self, i: usize) {
        let Some(b) = self.state.slides.get(i).cloned() else {
            return;
        };
        self.state.layers = b.layers;
        self.state.filter = b.filter;
        self.state.chapter = b.chapter;
        self.state.mode = b.mode;
        if let Some(compare) = b.compare {
            self.state.compare = compare;
        }
        self.state.notes = b.notes;
        self.state.timeline.playing = false;
        self.state.timeline.segment = None;
        self.state.timeline.set_cursor(b.month);
        self.rt.shown.highlight.clear();
        self.fly_to(b.view);
        self.refresh_mask();
    }

    /// Moves slide `i` one place earlier (`up`) or later.
    pub fn move_slide(&mut self, i: usize, up: bool) {
        let n = self.state.slides.len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        if let Some(j) = j.filter(|_| i < n) {
            self.state.slides.swap(i, j);
        }
    }

    pub fn delete_slide(&mut self, i: usize) {
        if i < self.state.slides.len() {
            self.state.slides.remove(i);
        }
    }

    /// Writes the slides to `path` (atomically). Returns what to tell the user.
    pub fn export_slides(&self, path: &str) -> Result<String, String> {
        let text = crate::io::slides::to_json(&self.state.slides);
        crate::io::write_atomic(std::path::Path::new(path), |tmp| {
            std::fs::write(tmp, &text).map_err(|e| e.to_string())
        })?;
        Ok(format!(
            "Saved {} slides to {path}",
            self.state.slides.len()
        ))
    }

    /// Adds the slides in `path` after the current ones; a bad file changes nothing.
    pub fn import_slides(&mut self, path: &str) -> Result<String, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let new = crate::io::slides::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
        let n = new.len();
        self.state.slides.extend(new);
        Ok(format!("Added {n} slides from {path}"))
    }
}
