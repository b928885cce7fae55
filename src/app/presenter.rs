//! The presenter window, for the laptop while the stage is on the projector: the current
//! chapter's speaker notes, the next chapter's title and a small map of it, the time since
//! the talk began and the clock, and the chapter list to jump to. Its own keys go through
//! the same command table as the stage's. With one screen it is an ordinary window.

use super::AtlasApp;
use crate::commands::{self, Command};
use crate::map::ScreenTransform;
use crate::map::incidents::kind_color;
use crate::ui;
use walkers::lon_lat;

/// The presenter's own map: where the next chapter looks.
#[derive(Default)]
pub(super) struct Presenter {
    pub open: bool,
    memory: walkers::MapMemory,
    /// The chapter the small map was last pointed at.
    shown: Option<usize>,
}

impl AtlasApp {
    pub fn presenter_open(&self) -> bool {
        self.rt.story.presenter.open
    }

    /// Draws the presenter window when it is open; returns what was asked in it.
    pub(super) fn presenter_window(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if !self.rt.story.presenter.open {
            return Vec::new();
        }
        let id = egui::ViewportId::from_hash_of("presenter");
        let builder = egui::ViewportBuilder::default()
            .with_title("ISKP Atlas: presenter")
            .with_inner_size([760.0, 640.0]);
        ctx.show_viewport_immediate(id, builder, |ui, class| {
            let mut asked = Vec::new();
            // A window of its own has its own keys: the clicker works from either window.
            if class != egui::ViewportClass::EmbeddedWindow {
                asked.extend(commands::pressed(ui.ctx(), self.rt.story.presenting));
                if ui.input(|i| i.viewport().close_requested()) {
                    asked.push(Command::TogglePresenter);
                }
            }
            egui::CentralPanel::default().show(ui, |ui| {
                asked.extend(self.presenter_ui(ui));
            });
            asked
        })
    }

    fn presenter_ui(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut asked = Vec::new();
        let current = self.chapter_index();
        let chapters = &self.rt.story.chapters;
        let count = chapters.len();
        let now = current
            .and_then(|i| chapters.get(i))
            .map(|c| (c.title.clone(), c.notes.clone()));
        let next = current.map_or(0, |i| i + 1);
        let next_title = chapters.get(next).map(|c| c.title.clone());
        let elapsed = self.rt.story.since.map_or(0, |t| t.elapsed().as_secs());
        ui.horizontal(|ui| {
            let time = format!("{:02}:{:02} since the start", elapsed / 60, elapsed % 60);
            ui.label(egui::RichText::new(time).size(20.0).strong());
            ui.separator();
            ui.label(egui::RichText::new(clock()).size(20.0));
        });
        ui.separator();
        match (current, now) {
            (Some(i), Some((title, notes))) => {
                let heading = format!("{} / {count}: {title}", i + 1);
                ui.label(egui::RichText::new(heading).size(24.0).strong());
                ui.label(egui::RichText::new("Speaker notes").weak());
                ui.label(egui::RichText::new(notes).size(20.0));
            }
            _ => {
                let text = "No chapter chosen: PageDown starts the story.";
                ui.label(egui::RichText::new(text).size(20.0));
            }
        }
        ui.separator();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(380.0);
                match &next_title {
                    Some(title) => {
                        ui.label(egui::RichText::new("Next").weak());
                        ui.label(egui::RichText::new(title).size(18.0).strong());
                        ui.allocate_ui(egui::vec2(360.0, 220.0), |ui| self.next_map(ui, next));
                    }
                    None => {
                        ui.label(egui::RichText::new("This is the last chapter.").size(18.0));
                    }
                }
            });
            ui.vertical(|ui| {
                ui.label(egui::RichText::new("Chapters").weak());
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if let Some(i) = ui::story::list(ui, &self.rt.story.chapters, current) {
                        asked.push(Command::GoToChapter(i));
                    }
                });
            });
        });
        asked
    }

    /// A small map of chapter `i`'s view with the incidents it is about.
    fn next_map(&mut self, ui: &mut egui::Ui, i: usize) {
        let Some(c) = self.rt.story.chapters.get(i) else {
            return;
        };
        let presenter = &mut self.rt.story.presenter;
        if presenter.shown != Some(i) {
            presenter.memory.center_at(lon_lat(c.view.lon, c.view.lat));
            let zoom = super::chapter_zoom(c.view.zoom, 360.0);
            let _ = presenter.memory.set_zoom(zoom);
            presenter.shown = Some(i);
        }
        let incidents = self.dataset.incidents();
        let dots: Vec<(f64, f64, egui::Color32)> = c
            .highlight
            .iter()
            .filter_map(|id| incidents.iter().find(|inc| &inc.id == id))
            .map(|inc| (inc.lon, inc.lat, kind_color(inc.kind)))
            .collect();
        let center = lon_lat(c.view.lon, c.view.lat);
        walkers::Map::new(
            Some(&mut self.rt.tiles.offline),
            &mut presenter.memory,
            center,
        )
        .show(ui, |ui, response, projector, _| {
            let t = ScreenTransform::from_projector(projector);
            let painter = ui.painter().with_clip_rect(response.rect);
            for (lon, lat, color) in &dots {
                let at = t.lonlat_to_screen(*lon, *lat);
                painter.circle(
                    at,
                    6.0,
                    *color,
                    egui::Stroke::new(1.5, egui::Color32::WHITE),
                );
            }
        });
    }
}

/// The local time, "14:05", for the presenter's clock.
fn clock() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    local_hm(now).map_or_else(
        || format!("{:02}:{:02} UTC", now / 3600 % 24, now / 60 % 60),
        |(h, m)| format!("{h:02}:{m:02}"),
    )
}

#[cfg(unix)]
fn local_hm(secs: u64) -> Option<(i32, i32)> {
    let t = secs as libc::time_t;
    // SAFETY: localtime_r writes only into the struct it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    ok.then_some((tm.tm_hour, tm.tm_min))
}

#[cfg(not(unix))]
fn local_hm(_secs: u64) -> Option<(i32, i32)> {
    None
}
