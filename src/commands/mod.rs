//! Every action a key, a button or a menu item can trigger, declared once: the commands,
//! their labels and descriptions ([`table`]), the key bindings ([`BINDINGS`]) and what Esc
//! closes ([`ESC_ORDER`]). Buttons, menus, the help overlay and the README's key table all
//! read from here, so they cannot drift apart; `AtlasApp::run` carries every command out.

use crate::basemap::BasemapKind;
use crate::model::stats::ChartSettings;
use crate::model::{Compare, Filter, Hit, MapMode, Measure, RegionRole};
use crate::theme::Theme;
use std::borrow::Cow;
use std::path::PathBuf;

mod keys;

pub use keys::{BINDINGS, Binding, GESTURES, When, help_rows, key_name, live, pressed, shortcut};

/// Declares the enum and, from the same list, the name of every variant, so the tests'
/// list of all commands is generated and a new command cannot be forgotten in the table.
macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $name:ident $(( $($arg:ty),* ))? ),* $(,)?) => {
        #[derive(Debug, Clone, PartialEq)]
        pub enum Command {
            $( $(#[doc = $doc])* $name $(( $($arg),* ))? ),*
        }

        /// The name of every command, in the order declared.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        impl Command {
            /// The variant's name, whatever its arguments.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Command::$name { .. } => stringify!($name) ),*
                }
            }
        }
    };
}

commands! {
    TogglePlay,
    StepMonthBack,
    StepMonthForward,
    StepYearBack,
    StepYearForward,
    ToStart,
    ToEnd,
    Slower,
    Faster,
    ToggleLoop,
    ToggleWindowMode,
    /// How many months the "last N months" view shows.
    SetWindowMonths(u32),
    /// Months a second.
    SetSpeed(f64),
    /// A month chosen on the slider (a month index): playback stops there.
    GoToMonth(i32),
    /// A year chosen on a chart: playback stops there.
    GoToYear(i32),
    ZoomIn,
    ZoomOut,
    ResetView,
    /// A search result: flown to (an incident also selected), and the search cleared.
    GoToHit(Hit),
    CycleTheme,
    SetTheme(Theme),
    SetBasemap(BasemapKind),
    ToggleRegion(RegionRole),
    ToggleIncidents,
    ToggleLabels,
    ToggleCharts,
    /// What the per-year chart counts.
    SetChart(ChartSettings),
    SetFilter(Box<Filter>),
    ResetFilters,
    ToggleHelp,
    /// Version, how to cite, licences, where the sources are listed.
    ToggleAbout,
    /// Esc: closes the first open thing in [`ESC_ORDER`].
    Close,
    TogglePresentation,
    /// The presenter window (notes, next chapter, clock) beside the stage.
    TogglePresenter,
    NextChapter,
    PreviousChapter,
    /// Chapter number, from 0.
    GoToChapter(usize),
    ToggleBlank,
    /// On stage: the per-year chart full screen, or the map again.
    ToggleStageChart,
    ToggleExport,
    ToggleData,
    /// The file browser, in the folder last opened from.
    OpenFile,
    /// Reads a file as a new data layer (chosen in the browser or dropped on the window).
    OpenPath(PathBuf),
    /// Stops the file being read and forgets the ones waiting.
    CancelLoading,
    /// Reads the file waiting in the column window with the columns chosen there.
    ImportColumns,
    CancelColumns,
    /// Shows another sheet of the workbook waiting for its columns.
    ShowSheet(String),
    /// Data layer number, shown or not.
    ShowLayer(usize, bool),
    /// Data layer number: only rows with IS as a side, or all.
    IsOnly(usize, bool),
    RemoveLayer(usize),
    /// A layer's filtered incidents to the file named in the Data window: GeoJSON, CSV or KML.
    SaveLayer(usize, crate::io::write::SaveAs),
    /// The view as a slide, named as typed in the slides section.
    SaveSlide,
    GoToSlide(usize),
    /// Slide number, one place earlier (true) or later.
    MoveSlide(usize, bool),
    DeleteSlide(usize),
    /// The slides to the file named in the slides section, and back.
    ExportSlides,
    ImportSlides,
    /// An incident in the details panel.
    Select(u32),
    CloseDetails,
    /// The charts' table as CSV.
    SaveChartTable,
    /// Points, density, provinces, two periods: the next one.
    CycleMode,
    SetMode(MapMode),
    /// What density and provinces count: incidents, or victims.
    ToggleMeasure,
    SetMeasure(Measure),
    /// The two periods compared, and where the line between them is.
    SetCompare(Box<Compare>),
    /// Only incidents placed at a site or a town.
    ToggleExactPlaces,
    ToggleRuler,
    AddNote,
    AddArrow,
    /// Puts the note being written on the map.
    SaveNote,
    CancelNote,
    /// Note number, from 0.
    RemoveNote(usize),
    ClearNotes,
}

/// How a command is shown: its text on a button or a menu, and its line in the help.
pub struct Entry {
    pub command: Command,
    pub label: &'static str,
    pub description: &'static str,
}

fn entry(command: Command, label: &'static str, description: &'static str) -> Entry {
    Entry {
        command,
        label,
        description,
    }
}

use Command as C;

/// Every command once (those with arguments by one example, or by each value where it
/// reads differently), in the order the help lists them.
pub fn table() -> &'static [Entry] {
    static TABLE: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(entries);
    &TABLE
}

fn entries() -> Vec<Entry> {
    vec![
        entry(C::TogglePlay, "Play", "Play / pause the timeline"),
        entry(C::StepMonthBack, "<", "Back one month"),
        entry(C::StepMonthForward, ">", "Forward one month"),
        entry(C::StepYearBack, "<<", "Back one year"),
        entry(C::StepYearForward, ">>", "Forward one year"),
        entry(C::ToStart, "First month", "Go to the first month"),
        entry(C::ToEnd, "Last month", "Go to the last month"),
        entry(C::Slower, "Slower", "Play slower (1 to 24 months a second)"),
        entry(C::Faster, "Faster", "Play faster"),
        entry(C::ToggleLoop, "Loop", "Loop playback on / off"),
        entry(
            C::ToggleWindowMode,
            "Last",
            "Everything so far / only the last N months (older ones fade out)",
        ),
        entry(
            C::SetWindowMonths(12),
            "months",
            "How many months the last-months view shows",
        ),
        entry(C::SetSpeed(1.0), "Speed", "Months a second"),
        entry(
            C::GoToMonth(2015 * 12),
            "Year",
            "Stop and show the chosen month",
        ),
        entry(
            C::GoToYear(2015),
            "Go to year",
            "Stop and show the chosen year",
        ),
        entry(
            C::ZoomIn,
            "Zoom in",
            "Zoom in (also mouse wheel, pinch, double-click)",
        ),
        entry(C::ZoomOut, "Zoom out", "Zoom out"),
        entry(C::ResetView, "Whole region", "Back to the whole region"),
        entry(
            C::GoToHit(Hit::Incident(0)),
            "Go to",
            "Fly to a search result",
        ),
        entry(
            C::CycleTheme,
            "Next theme",
            "Next theme (light, dark, projector)",
        ),
        entry(C::SetTheme(Theme::Light), "Theme", "Choose the theme"),
        entry(
            C::SetBasemap(BasemapKind::Offline),
            "Basemap",
            "Choose the basemap",
        ),
        entry(
            C::ToggleRegion(RegionRole::Core),
            "ISKP core (Afghanistan)",
            "Show / hide ISKP core",
        ),
        entry(
            C::ToggleRegion(RegionRole::Claimed),
            "Claimed areas",
            "Show / hide claimed areas in Pakistan",
        ),
        entry(
            C::ToggleRegion(RegionRole::Periphery),
            "Periphery",
            "Show / hide periphery",
        ),
        entry(
            C::ToggleRegion(RegionRole::Historical),
            "Historical Khorasan",
            "Show / hide historical Khorasan",
        ),
        entry(C::ToggleIncidents, "Incidents", "Show / hide incidents"),
        entry(C::ToggleLabels, "Place names", "Show / hide place names"),
        entry(C::ToggleCharts, "Charts", "Show / hide the charts"),
        entry(
            C::SetChart(ChartSettings::default()),
            "Chart",
            "Choose what the chart counts",
        ),
        entry(C::SetFilter(Box::default()), "Filter", "Change the filters"),
        entry(C::ResetFilters, "Reset", "Clear all filters"),
        entry(C::ToggleHelp, "Help (?)", "Show / hide this help"),
        entry(
            C::ToggleAbout,
            "About ISKP Atlas",
            "Version, how to cite, licences and where the sources are listed",
        ),
        entry(C::Close, "Close", "Close"),
        entry(
            C::TogglePresentation,
            "Present",
            "Presentation mode on / off (also --present)",
        ),
        entry(
            C::TogglePresenter,
            "Presenter window",
            "Presenter window on / off: speaker notes, next chapter, clock (also --presenter)",
        ),
        entry(C::NextChapter, "Next chapter", "Next story chapter"),
        entry(
            C::PreviousChapter,
            "Previous chapter",
            "Previous story chapter",
        ),
        entry(C::GoToChapter(0), "Go to chapter", "Go to chapter 1 ... 10"),
        entry(
            C::ToggleBlank,
            "Blank",
            "Blank the screen to black / show it again",
        ),
        entry(
            C::ToggleStageChart,
            "Chart full screen",
            "The per-year chart full screen, with the cursor's year marked / the map again",
        ),
        entry(
            C::ToggleExport,
            "Export…",
            "Export a PNG or GIF of the view",
        ),
        entry(
            C::ToggleData,
            "Data layers…",
            "Data layers: open files, save filtered incidents",
        ),
        entry(
            C::OpenFile,
            "Open data file…",
            "Open an event file (CSV, XLSX, ODS, KML, KMZ or GeoJSON) as a new layer",
        ),
        entry(
            C::OpenPath(PathBuf::new()),
            "Open",
            "Read a file as a new data layer",
        ),
        entry(C::CancelLoading, "Cancel", "Stop reading the file"),
        entry(
            C::ImportColumns,
            "Import",
            "Read the file with these columns",
        ),
        entry(C::CancelColumns, "Cancel", "Do not open the file"),
        entry(
            C::ShowSheet(String::new()),
            "Sheet",
            "Read another sheet of the workbook",
        ),
        entry(
            C::ShowLayer(0, true),
            "Show layer",
            "Show / hide a data layer",
        ),
        entry(
            C::IsOnly(0, true),
            "IS only",
            "Only rows where one side is IS",
        ),
        entry(C::RemoveLayer(0), "remove", "Remove a data layer"),
        entry(
            C::SaveLayer(0, crate::io::write::SaveAs::GeoJson),
            "Save",
            "Save a layer's filtered incidents",
        ),
        entry(C::SaveSlide, "Save view", "Save the view as a slide"),
        entry(C::GoToSlide(0), "Go to slide", "Go to this slide"),
        entry(C::MoveSlide(0, true), "up", "Move a slide up / down"),
        entry(C::DeleteSlide(0), "delete", "Delete a slide"),
        entry(
            C::ExportSlides,
            "Export slides",
            "Save the slides to a file",
        ),
        entry(C::ImportSlides, "Import slides", "Add the slides in a file"),
        entry(C::Select(0), "Select", "Show one incident in the details"),
        entry(C::CloseDetails, "Close", "Close the details panel"),
        entry(
            C::SaveChartTable,
            "Save table (CSV)",
            "Save the charts' table as CSV",
        ),
        entry(
            C::CycleMode,
            "Next map mode",
            "Map mode: points, density, provinces, two periods side by side (also --mode)",
        ),
        entry(C::SetMode(MapMode::Points), "Points", "Incidents as points"),
        entry(
            C::SetMode(MapMode::Density),
            "Density",
            "Incidents as a density surface",
        ),
        entry(
            C::SetMode(MapMode::Provinces),
            "Provinces",
            "Provinces filled by their count; click one for its numbers",
        ),
        entry(
            C::SetMode(MapMode::Compare),
            "Compare",
            "Two periods side by side: drag the line between them",
        ),
        entry(
            C::ToggleMeasure,
            "Count victims",
            "Density and provinces count incidents / victims killed",
        ),
        entry(
            C::SetMeasure(Measure::Incidents),
            "Incidents",
            "Density and provinces count incidents",
        ),
        entry(
            C::SetMeasure(Measure::Victims),
            "Victims",
            "Density and provinces count victims killed (never militants)",
        ),
        entry(
            C::SetCompare(Box::default()),
            "Periods",
            "Choose the two periods compared (also --compare)",
        ),
        entry(
            C::ToggleExactPlaces,
            "Exact places only",
            "Only incidents placed at a site or a town",
        ),
        entry(
            C::ToggleRuler,
            "Ruler",
            "Ruler on / off: click two points for the distance between them",
        ),
        entry(C::AddNote, "Add note", "Click the map to put a note there"),
        entry(
            C::AddArrow,
            "Add arrow",
            "Click twice on the map: an arrow from the first point to the second",
        ),
        entry(C::SaveNote, "Add", "Put the note on the map"),
        entry(C::CancelNote, "Cancel", "Do not add the note"),
        entry(C::RemoveNote(0), "remove", "Remove a note from the map"),
        entry(C::ClearNotes, "Remove all", "Remove every note and arrow"),
    ]
}

impl Command {
    /// Its row in the table: the same value, or else the same variant.
    pub fn entry(&self) -> Option<&'static Entry> {
        let table = table();
        table
            .iter()
            .find(|e| &e.command == self)
            .or_else(|| table.iter().find(|e| e.command.name() == self.name()))
    }

    /// Its text on a button or in a menu.
    pub fn label(&self) -> &'static str {
        self.entry().map_or("", |e| e.label)
    }

    /// Its line in the help.
    pub fn description(&self) -> Cow<'static, str> {
        if *self == Command::Close {
            return Cow::Owned(esc_text());
        }
        Cow::Borrowed(self.entry().map_or("", |e| e.description))
    }
}

/// What Esc can close, in the order it tries them: the first one open is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closable {
    Help,
    About,
    FileBrowser,
    ColumnWindow,
    Tool,
    Stage,
    Details,
    Search,
}

/// The one written order for Esc; `AtlasApp::run` follows it.
pub const ESC_ORDER: [Closable; 8] = [
    Closable::Help,
    Closable::About,
    Closable::FileBrowser,
    Closable::ColumnWindow,
    Closable::Tool,
    Closable::Stage,
    Closable::Details,
    Closable::Search,
];

impl Closable {
    pub fn label(self) -> &'static str {
        match self {
            Self::Help => "the help",
            Self::About => "the About window",
            Self::FileBrowser => "the file browser",
            Self::ColumnWindow => "the column window",
            Self::Tool => "the ruler or the note being placed",
            Self::Stage => "presentation mode",
            Self::Details => "the details panel",
            Self::Search => "the search text",
        }
    }
}

/// "Close the first open of: the help, ..." as the help and the README say it.
pub fn esc_text() -> String {
    let names: Vec<&str> = ESC_ORDER.iter().map(|c| c.label()).collect();
    format!("Close the first that is open of: {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_the_table_and_no_key_is_bound_twice() {
        for name in NAMES {
            assert!(
                table().iter().any(|e| e.command.name() == *name),
                "{name} is not in the table"
            );
        }
        for b in BINDINGS {
            assert!(b.command.entry().is_some(), "{:?} has no entry", b.command);
        }
        // A key may mean one thing at the desk and another on stage, never two in one mode.
        for presenting in [false, true] {
            let mut seen = std::collections::HashSet::new();
            for b in BINDINGS.iter().filter(|b| live(b, presenting)) {
                assert!(
                    seen.insert((b.key, b.modifiers.shift, b.modifiers.command)),
                    "{:?} bound twice",
                    b.key
                );
            }
        }
    }
}
