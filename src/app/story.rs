//! The story and the stage: choosing a chapter (its view, years, layers, filter and the
//! incidents it is about) and entering or leaving presentation mode.

use super::AtlasApp;
use crate::model::chapter::ChapterChart;
use crate::model::{Filter, Layers, Selection};
use crate::theme::Theme;
use crate::timeline::Mode;

impl AtlasApp {
    /// The index of the current chapter, if one is chosen.
    pub fn chapter_index(&self) -> Option<usize> {
        let id = self.state.chapter.as_ref()?;
        self.rt.story.chapters.iter().position(|c| &c.id == id)
    }

    /// Sets the view, years, layers and filter of chapter `i` and flies there.
    pub fn go_to_chapter(&mut self, i: usize) {
        let Some(c) = self.rt.story.chapters.get(i).cloned() else {
            return;
        };
        let s = &mut self.state;
        s.chapter = Some(c.id.clone());
        // The chapter decides the areas and shows its incidents; place names stay as chosen.
        s.layers = Layers {
            labels: s.layers.labels,
            ..c.layers.clone()
        };
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
        s.stage_chart = c.chart == Some(ChapterChart::PerYear);
        let incidents = self.dataset.incidents();
        self.rt.shown.highlight = c
            .highlight
            .iter()
            .filter_map(|id| incidents.iter().position(|inc| &inc.id == id))
            .map(|n| n as u32)
            .collect();
        self.rt.shown.selection = Selection::None;
        // Flown to on the next frame, when the map's size is known (see `chapter_zoom`).
        self.rt.camera.chapter_view = Some(c.view);
        self.refresh_mask();
    }

    /// The next chapter (or the previous one); the first if none is chosen.
    pub(super) fn step_chapter(&mut self, forward: bool) {
        let n = self.rt.story.chapters.len();
        if n == 0 {
            return;
        }
        let next = match self.chapter_index() {
            None => 0,
            Some(i) if forward => (i + 1).min(n - 1),
            Some(i) => i.saturating_sub(1),
        };
        self.go_to_chapter(next);
    }

    /// Shows the atlas's title card over everything, or the map again.
    pub fn set_title_card(&mut self, on: bool) {
        self.rt.story.title_card = on;
    }

    /// Enters or leaves the stage; `pick_chapter` starts the story if none is chosen.
    pub(super) fn set_presenting(&mut self, on: bool, pick_chapter: bool) {
        let story = &mut self.rt.story;
        if on == story.presenting {
            return;
        }
        story.presenting = on;
        story.blank = false;
        story.since = on.then(std::time::Instant::now);
        if on {
            story.theme_before = Some(self.state.theme);
            self.state.theme = Theme::Projector;
            if pick_chapter && self.chapter_index().is_none() && !self.rt.story.chapters.is_empty()
            {
                self.go_to_chapter(0);
            }
        } else if let Some(theme) = story.theme_before.take() {
            self.state.theme = theme;
        }
        self.rt
            .ctx
            .send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
    }
}
