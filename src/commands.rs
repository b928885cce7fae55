//! Every action a key, a button or a menu item can trigger, declared once: the commands,
//! their labels and descriptions ([`table`]), the key bindings ([`BINDINGS`]) and what Esc
//! closes ([`ESC_ORDER`]). Buttons, menus, the help overlay and the README's key table all
//! read from here, so they cannot drift apart; `AtlasApp::run` carries every command out.

use crate::basemap::BasemapKind;
use crate::model::stats::ChartSettings;
use crate::model::{Filter, Hit, RegionRole};
use crate::theme::Theme;
use egui::{Key, Modifiers};
use std::borrow::Cow;
use std::path::PathBuf;

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
    /// Esc: closes the first open thing in [`ESC_ORDER`].
    Close,
    TogglePresentation,
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
    /// Data layer number, shown or not.
    ShowLayer(usize, bool),
    /// Data layer number: only rows with IS as a side, or all.
    IsOnly(usize, bool),
    RemoveLayer(usize),
    /// A layer's filtered incidents to the file named in the Data window: CSV or GeoJSON.
    SaveLayer(usize, bool),
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
        entry(C::Close, "Close", "Close"),
        entry(
            C::TogglePresentation,
            "Present",
            "Presentation mode on / off (also --present)",
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
            "Open an event file (CSV or GeoJSON) as a new layer",
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
            C::SaveLayer(0, false),
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
    FileBrowser,
    ColumnWindow,
    Stage,
    Details,
    Search,
}

/// The one written order for Esc; `AtlasApp::run` follows it.
pub const ESC_ORDER: [Closable; 6] = [
    Closable::Help,
    Closable::FileBrowser,
    Closable::ColumnWindow,
    Closable::Stage,
    Closable::Details,
    Closable::Search,
];

impl Closable {
    pub fn label(self) -> &'static str {
        match self {
            Self::Help => "the help",
            Self::FileBrowser => "the file browser",
            Self::ColumnWindow => "the column window",
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

/// In which mode a binding is live: a presenter's clicker sends arrows and numbers, which
/// mean chapters on stage and months and layers at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    Desk,
    Stage,
}

pub struct Binding {
    pub key: Key,
    pub modifiers: Modifiers,
    pub command: Command,
    pub when: When,
}

const fn bind(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        command,
        when: When::Always,
    }
}

const fn shift(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::SHIFT,
        command,
        when: When::Desk,
    }
}

const fn desk(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        command,
        when: When::Desk,
    }
}

const fn ctrl(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::COMMAND,
        command,
        when: When::Desk,
    }
}

const fn stage(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        command,
        when: When::Stage,
    }
}

/// Shifted bindings come before their plain keys, so Shift+Right is not read as Right.
pub const BINDINGS: &[Binding] = &[
    ctrl(Key::O, C::OpenFile),
    bind(Key::Space, C::TogglePlay),
    bind(Key::F5, C::TogglePresentation),
    bind(Key::PageDown, C::NextChapter),
    bind(Key::PageUp, C::PreviousChapter),
    stage(Key::ArrowRight, C::NextChapter),
    stage(Key::ArrowDown, C::NextChapter),
    stage(Key::ArrowLeft, C::PreviousChapter),
    stage(Key::ArrowUp, C::PreviousChapter),
    stage(Key::B, C::ToggleBlank),
    stage(Key::G, C::ToggleStageChart),
    stage(Key::Num1, C::GoToChapter(0)),
    stage(Key::Num2, C::GoToChapter(1)),
    stage(Key::Num3, C::GoToChapter(2)),
    stage(Key::Num4, C::GoToChapter(3)),
    stage(Key::Num5, C::GoToChapter(4)),
    stage(Key::Num6, C::GoToChapter(5)),
    stage(Key::Num7, C::GoToChapter(6)),
    stage(Key::Num8, C::GoToChapter(7)),
    stage(Key::Num9, C::GoToChapter(8)),
    stage(Key::Num0, C::GoToChapter(9)),
    shift(Key::ArrowLeft, C::StepYearBack),
    shift(Key::ArrowRight, C::StepYearForward),
    desk(Key::ArrowLeft, C::StepMonthBack),
    desk(Key::ArrowRight, C::StepMonthForward),
    bind(Key::Home, C::ToStart),
    bind(Key::End, C::ToEnd),
    bind(Key::OpenBracket, C::Slower),
    bind(Key::CloseBracket, C::Faster),
    bind(Key::O, C::ToggleLoop),
    bind(Key::W, C::ToggleWindowMode),
    bind(Key::Plus, C::ZoomIn),
    bind(Key::Equals, C::ZoomIn),
    bind(Key::Minus, C::ZoomOut),
    bind(Key::R, C::ResetView),
    bind(Key::T, C::CycleTheme),
    desk(Key::Num1, C::ToggleRegion(RegionRole::Core)),
    desk(Key::Num2, C::ToggleRegion(RegionRole::Claimed)),
    desk(Key::Num3, C::ToggleRegion(RegionRole::Periphery)),
    desk(Key::Num4, C::ToggleRegion(RegionRole::Historical)),
    bind(Key::I, C::ToggleIncidents),
    bind(Key::L, C::ToggleLabels),
    desk(Key::C, C::ToggleCharts),
    desk(Key::X, C::ResetFilters),
    desk(Key::E, C::ToggleExport),
    desk(Key::D, C::ToggleData),
    bind(Key::Questionmark, C::ToggleHelp),
    bind(Key::F1, C::ToggleHelp),
    bind(Key::Escape, C::Close),
];

/// Mouse gestures, listed in the help after the keys.
pub const GESTURES: &[(&str, &str)] = &[("Drag", "Pan the map"), ("Wheel / pinch", "Zoom")];

/// "Shift+Right", "Space", "?": a key as the help and the buttons' hints show it.
pub fn key_name(b: &Binding) -> String {
    let key = match b.key {
        Key::ArrowLeft => "Left",
        Key::ArrowRight => "Right",
        Key::ArrowUp => "Up",
        Key::ArrowDown => "Down",
        Key::Questionmark => "?",
        Key::Plus => "+",
        Key::Equals => "=",
        Key::Minus => "-",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        Key::Escape => "Esc",
        Key::Num0 => "0",
        Key::Num1 => "1",
        Key::Num2 => "2",
        Key::Num3 => "3",
        Key::Num4 => "4",
        Key::Num5 => "5",
        Key::Num6 => "6",
        Key::Num7 => "7",
        Key::Num8 => "8",
        Key::Num9 => "9",
        other => other.name(),
    };
    if b.modifiers.command {
        format!("Ctrl+{key}")
    } else if b.modifiers.shift {
        format!("Shift+{key}")
    } else {
        key.to_owned()
    }
}

/// The key hint for a command's button or menu item: its first binding at the desk.
pub fn shortcut(command: &Command) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| &b.command == command && live(b, false))
        .map(key_name)
}

/// The help's rows: each command with a key, its keys (grouped by when they are live) and
/// what it does, in the table's order; then the mouse gestures. The README's key table is
/// the same rows (a test checks it).
pub fn help_rows() -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in table() {
        let same = |b: &&Binding| {
            if matches!(e.command, C::GoToChapter(_)) {
                b.command.name() == e.command.name()
            } else {
                b.command == e.command
            }
        };
        let keys: Vec<&Binding> = BINDINGS.iter().filter(same).collect();
        if keys.is_empty() || seen.contains(&e.label) && matches!(e.command, C::GoToChapter(_)) {
            continue;
        }
        seen.push(e.label);
        let mut parts = Vec::new();
        for when in [When::Always, When::Desk, When::Stage] {
            let names: Vec<String> = keys
                .iter()
                .filter(|b| b.when == when)
                .map(|b| key_name(b))
                .collect();
            if names.is_empty() {
                continue;
            }
            let names = names.join(" / ");
            parts.push(match when {
                When::Always => names,
                When::Desk => format!("{names} (at the desk)"),
                When::Stage => format!("{names} (presenting)"),
            });
        }
        rows.push((parts.join(", "), e.command.description().into_owned()));
    }
    rows.extend(
        GESTURES
            .iter()
            .map(|(k, d)| ((*k).to_owned(), (*d).to_owned())),
    );
    rows
}

/// Is a binding live in this mode?
pub fn live(b: &Binding, presenting: bool) -> bool {
    match b.when {
        When::Always => true,
        When::Desk => !presenting,
        When::Stage => presenting,
    }
}

/// Takes this frame's key presses that are bound, in table order, removing them from the
/// input so no widget acts on them too. While a text field has the keyboard only Escape
/// counts, so typing a search never toggles layers.
pub fn pressed(ctx: &egui::Context, presenting: bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        let mut commands = Vec::new();
        for b in BINDINGS.iter().filter(|b| live(b, presenting)) {
            if typing && b.command != Command::Close {
                continue;
            }
            // Shift must match only where the key has a shifted binding of its own (arrows);
            // "?" and "+" arrive with Shift held on most layouts.
            let shift_matters = b.modifiers.shift
                || BINDINGS
                    .iter()
                    .any(|o| o.key == b.key && o.modifiers.shift && live(o, presenting));
            let hit = input.events.iter().position(|e| {
                matches!(e, egui::Event::Key { key, pressed: true, modifiers, .. }
                    if *key == b.key
                        && (!shift_matters || modifiers.shift == b.modifiers.shift)
                        && (modifiers.command || modifiers.ctrl) == b.modifiers.command
                        && !modifiers.alt)
            });
            if let Some(i) = hit {
                input.events.remove(i);
                commands.push(b.command.clone());
            }
        }
        commands
    })
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

    #[test]
    fn the_help_lists_every_binding_and_buttons_show_their_keys() {
        let rows = help_rows();
        for b in BINDINGS {
            let name = key_name(b);
            let description = b.command.description();
            assert!(
                rows.iter()
                    .any(|(keys, d)| *d == description && keys.split([' ', ',']).any(|k| k == name)),
                "{name} for {:?} is not in the help",
                b.command
            );
        }
        assert_eq!(shortcut(&Command::OpenFile).as_deref(), Some("Ctrl+O"));
        assert_eq!(shortcut(&Command::ToggleExport).as_deref(), Some("E"));
        assert_eq!(shortcut(&Command::ToggleBlank), None, "B is a stage key");
        assert!(
            Command::Close
                .description()
                .contains("the help, the file browser")
        );
    }
}
