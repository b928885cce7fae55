//! Carrying out commands: the one place a key, a button, a menu item or a test changes
//! the app.

use super::AtlasApp;
use crate::commands::{Closable, Command, ESC_ORDER};
use crate::map::notes::Tool;
use crate::model::{Filter, Measure, Selection};

impl AtlasApp {
    /// Carries out one command. Keys, buttons, menus and tests all come through here.
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
            Command::SetWindowMonths(months) => s.timeline.window_months = months,
            Command::SetSpeed(speed) => s.timeline.speed = speed,
            Command::GoToMonth(month) => {
                s.timeline.playing = false;
                s.timeline.set_cursor(month);
            }
            Command::GoToYear(year) => {
                s.timeline.playing = false;
                s.timeline.set_year(year);
            }
            Command::ZoomIn => self.zoom(true),
            Command::ZoomOut => self.zoom(false),
            Command::ResetView => {
                self.rt.camera.flight = None;
                s.view = None;
            }
            Command::GoToHit(hit) => {
                self.go_to(&hit);
                self.rt.panels.search.clear();
            }
            Command::CycleTheme => s.theme = s.theme.next(),
            Command::SetTheme(theme) => s.theme = theme,
            Command::SetBasemap(basemap) => s.basemap = basemap,
            Command::ToggleRegion(role) => {
                let on = s.layers.region_mut(role);
                *on = !*on;
            }
            Command::ToggleIncidents => s.layers.incidents = !s.layers.incidents,
            Command::ToggleLabels => s.layers.labels = !s.layers.labels,
            Command::ToggleCharts => s.show_charts = !s.show_charts,
            Command::SetChart(chart) => s.chart = chart,
            Command::SetFilter(filter) => s.filter = *filter,
            Command::ResetFilters => s.filter = Filter::default(),
            Command::ToggleHelp => self.rt.panels.help = !self.rt.panels.help,
            Command::ToggleAbout => self.rt.panels.about = !self.rt.panels.about,
            Command::Close => self.close_first_open(),
            Command::TogglePresentation => self.set_presenting(!self.rt.story.presenting, true),
            Command::TogglePresenter => {
                let open = !self.rt.story.presenter.open;
                self.rt.story.presenter.open = open;
                if open {
                    self.set_presenting(true, true);
                }
            }
            Command::NextChapter => self.step_chapter(true),
            Command::PreviousChapter => self.step_chapter(false),
            Command::GoToChapter(i) => self.go_to_chapter(i),
            Command::ToggleBlank => self.rt.story.blank = !self.rt.story.blank,
            Command::ToggleStageChart => s.stage_chart = !s.stage_chart,
            Command::ToggleExport => self.rt.panels.export.open = !self.rt.panels.export.open,
            Command::ToggleData => {
                let window = &mut self.rt.panels.data.window;
                window.open = !window.open;
            }
            Command::OpenFile => self.browse(),
            Command::OpenPath(path) => self.open_file(path),
            Command::CancelLoading => self.cancel_loading(),
            Command::ImportColumns => self.import_chosen_columns(),
            Command::CancelColumns => self.cancel_columns(),
            Command::ShowSheet(sheet) => self.show_sheet(&sheet),
            Command::ShowLayer(l, on) => self.set_layer_visible(l, on),
            Command::IsOnly(l, on) => self.set_is_only(l, on),
            Command::RemoveLayer(l) => self.remove_layer(l),
            Command::SaveLayer(l, format) => {
                let path = format.path(self.rt.panels.data.window.save_path());
                let message = self.save_layer(l, &path, format).unwrap_or_else(|e| e);
                self.rt.panels.data.window.message = message;
            }
            Command::SaveSlide => {
                let name = self.rt.panels.slides.take_name(self.state.slides.len());
                self.save_slide(&name);
                self.rt.panels.slides.message = format!("Saved slide '{name}'");
            }
            Command::GoToSlide(i) => self.go_to_slide(i),
            Command::MoveSlide(i, up) => self.move_slide(i, up),
            Command::DeleteSlide(i) => self.delete_slide(i),
            Command::ExportSlides => {
                let path = self.rt.panels.slides.file.clone();
                let message = self.export_slides(&path).unwrap_or_else(|e| e);
                self.rt.panels.slides.message = message;
            }
            Command::ImportSlides => {
                let path = self.rt.panels.slides.file.clone();
                let message = self.import_slides(&path).unwrap_or_else(|e| e);
                self.rt.panels.slides.message = message;
            }
            Command::Select(i) => self.rt.shown.selection = Selection::Incident(i),
            Command::CloseDetails => self.rt.shown.selection = Selection::None,
            Command::SaveChartTable => self.rt.panels.chart_notice = Some(self.save_chart_table()),
            Command::CycleMode => s.mode = s.mode.next(),
            Command::SetMode(mode) => s.mode = mode,
            Command::ToggleMeasure => {
                s.measure = match s.measure {
                    Measure::Incidents => Measure::Victims,
                    Measure::Victims => Measure::Incidents,
                }
            }
            Command::SetMeasure(measure) => s.measure = measure,
            Command::SetCompare(compare) => s.compare = *compare,
            Command::ToggleExactPlaces => s.filter.exact_places = !s.filter.exact_places,
            Command::ToggleRuler => self.set_tool(Tool::Ruler),
            Command::AddNote => self.set_tool(Tool::Note),
            Command::AddArrow => self.set_tool(Tool::Arrow),
            Command::SaveNote => self.save_note(),
            Command::CancelNote => self.rt.panels.draft = None,
            Command::RemoveNote(i) => {
                if i < s.notes.len() {
                    s.notes.remove(i);
                }
            }
            Command::ClearNotes => s.notes.clear(),
        }
        self.refresh_mask();
    }

    /// Esc: closes the first open thing, in the one order [`ESC_ORDER`] gives.
    fn close_first_open(&mut self) {
        if let Some(&what) = ESC_ORDER.iter().find(|&&c| self.is_open(c)) {
            self.close(what);
        }
    }

    fn is_open(&self, what: Closable) -> bool {
        match what {
            Closable::Help => self.rt.panels.help,
            Closable::About => self.rt.panels.about,
            Closable::FileBrowser => self.rt.panels.data.browser.open,
            Closable::ColumnWindow => self.choosing_columns().is_some(),
            Closable::Tool => self.rt.panels.tool != Tool::None || self.rt.panels.draft.is_some(),
            Closable::Stage => self.rt.story.presenting,
            Closable::Details => self.rt.shown.selection != Selection::None,
            Closable::Search => !self.rt.panels.search.is_empty(),
        }
    }

    fn close(&mut self, what: Closable) {
        match what {
            Closable::Help => self.rt.panels.help = false,
            Closable::About => self.rt.panels.about = false,
            Closable::FileBrowser => self.rt.panels.data.browser.open = false,
            Closable::ColumnWindow => self.cancel_columns(),
            Closable::Tool => {
                self.rt.panels.tool = Tool::None;
                self.rt.panels.tool_points.clear();
                self.rt.panels.draft = None;
            }
            Closable::Stage => self.set_presenting(false, false),
            Closable::Details => self.rt.shown.selection = Selection::None,
            Closable::Search => self.rt.panels.search.clear(),
        }
    }
}
