//! Every action a key or a button can trigger, and the one table of key bindings. Keys,
//! buttons and the help overlay all read from here, so they cannot drift apart.

use crate::model::RegionRole;
use egui::{Key, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
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
    ZoomIn,
    ZoomOut,
    ResetView,
    CycleTheme,
    ToggleRegion(RegionRole),
    ToggleIncidents,
    ToggleLabels,
    ToggleCharts,
    ResetFilters,
    ToggleHelp,
    /// Escape: closes the help, then the details panel, then leaves presentation mode.
    Close,
    TogglePresentation,
    NextChapter,
    PreviousChapter,
    /// Chapter number, from 0.
    GoToChapter(usize),
    ToggleBlank,
    ToggleExport,
    ToggleData,
    OpenFile,
    /// On stage: the per-year chart full screen, or the map again.
    ToggleStageChart,
}

impl Command {
    pub fn description(self) -> &'static str {
        match self {
            Self::TogglePlay => "Play / pause the timeline",
            Self::StepMonthBack => "Back one month",
            Self::StepMonthForward => "Forward one month",
            Self::StepYearBack => "Back one year",
            Self::StepYearForward => "Forward one year",
            Self::ToStart => "Go to the first month",
            Self::ToEnd => "Go to the last month",
            Self::Slower => "Play slower",
            Self::Faster => "Play faster",
            Self::ToggleLoop => "Loop playback on / off",
            Self::ToggleWindowMode => "Cumulative / last-12-months view",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ResetView => "Back to the whole region",
            Self::CycleTheme => "Next theme (light, dark, projector)",
            Self::ToggleRegion(RegionRole::Core) => "Show / hide ISKP core",
            Self::ToggleRegion(RegionRole::Claimed) => "Show / hide claimed areas in Pakistan",
            Self::ToggleRegion(RegionRole::Periphery) => "Show / hide periphery",
            Self::ToggleRegion(RegionRole::Historical) => "Show / hide historical Khorasan",
            Self::ToggleIncidents => "Show / hide incidents",
            Self::ToggleLabels => "Show / hide place names",
            Self::ToggleCharts => "Show / hide charts",
            Self::ResetFilters => "Clear all filters",
            Self::ToggleHelp => "Show / hide this help",
            Self::Close => "Close the help, a file dialog or the details; leave presentation mode",
            Self::TogglePresentation => "Presentation mode on / off",
            Self::NextChapter => "Next story chapter",
            Self::PreviousChapter => "Previous story chapter",
            Self::GoToChapter(_) => "Go to chapter 1-9 (0 for 10)",
            Self::ToggleBlank => "Blank the screen / show it again",
            Self::ToggleExport => "Export a PNG or GIF of the view",
            Self::ToggleData => "Data layers: loading, saving filtered incidents",
            Self::OpenFile => "Open an event file (CSV or GeoJSON) as a new layer",
            Self::ToggleStageChart => "Per-year chart full screen / back to the map",
        }
    }
}

/// In which mode a binding is live: a presenter's clicker sends arrows and numbers, which
/// mean chapters on stage and months and layers at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    Exploring,
    Presenting,
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
        when: When::Exploring,
    }
}

const fn desk(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        command,
        when: When::Exploring,
    }
}

const fn ctrl(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::COMMAND,
        command,
        when: When::Exploring,
    }
}

const fn stage(key: Key, command: Command) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        command,
        when: When::Presenting,
    }
}

/// Shifted bindings come before their plain keys, so Shift+Right is not read as Right.
pub const BINDINGS: &[Binding] = &[
    ctrl(Key::O, Command::OpenFile),
    bind(Key::Space, Command::TogglePlay),
    bind(Key::F5, Command::TogglePresentation),
    bind(Key::PageDown, Command::NextChapter),
    bind(Key::PageUp, Command::PreviousChapter),
    stage(Key::ArrowRight, Command::NextChapter),
    stage(Key::ArrowDown, Command::NextChapter),
    stage(Key::ArrowLeft, Command::PreviousChapter),
    stage(Key::ArrowUp, Command::PreviousChapter),
    stage(Key::B, Command::ToggleBlank),
    stage(Key::G, Command::ToggleStageChart),
    stage(Key::Num1, Command::GoToChapter(0)),
    stage(Key::Num2, Command::GoToChapter(1)),
    stage(Key::Num3, Command::GoToChapter(2)),
    stage(Key::Num4, Command::GoToChapter(3)),
    stage(Key::Num5, Command::GoToChapter(4)),
    stage(Key::Num6, Command::GoToChapter(5)),
    stage(Key::Num7, Command::GoToChapter(6)),
    stage(Key::Num8, Command::GoToChapter(7)),
    stage(Key::Num9, Command::GoToChapter(8)),
    stage(Key::Num0, Command::GoToChapter(9)),
    shift(Key::ArrowLeft, Command::StepYearBack),
    shift(Key::ArrowRight, Command::StepYearForward),
    desk(Key::ArrowLeft, Command::StepMonthBack),
    desk(Key::ArrowRight, Command::StepMonthForward),
    bind(Key::Home, Command::ToStart),
    bind(Key::End, Command::ToEnd),
    bind(Key::OpenBracket, Command::Slower),
    bind(Key::CloseBracket, Command::Faster),
    bind(Key::O, Command::ToggleLoop),
    bind(Key::W, Command::ToggleWindowMode),
    bind(Key::Plus, Command::ZoomIn),
    bind(Key::Equals, Command::ZoomIn),
    bind(Key::Minus, Command::ZoomOut),
    bind(Key::R, Command::ResetView),
    bind(Key::T, Command::CycleTheme),
    desk(Key::Num1, Command::ToggleRegion(RegionRole::Core)),
    desk(Key::Num2, Command::ToggleRegion(RegionRole::Claimed)),
    desk(Key::Num3, Command::ToggleRegion(RegionRole::Periphery)),
    desk(Key::Num4, Command::ToggleRegion(RegionRole::Historical)),
    bind(Key::I, Command::ToggleIncidents),
    bind(Key::L, Command::ToggleLabels),
    desk(Key::C, Command::ToggleCharts),
    desk(Key::X, Command::ResetFilters),
    desk(Key::E, Command::ToggleExport),
    desk(Key::D, Command::ToggleData),
    bind(Key::Questionmark, Command::ToggleHelp),
    bind(Key::F1, Command::ToggleHelp),
    bind(Key::Escape, Command::Close),
];

/// "Shift+Right", "Space", "?" — as the help overlay shows a binding.
pub fn key_text(b: &Binding) -> String {
    let key = match b.key {
        Key::ArrowLeft => "Left",
        Key::ArrowRight => "Right",
        Key::Questionmark => "?",
        Key::Plus => "+",
        Key::Equals => "=",
        Key::Minus => "-",
        Key::OpenBracket => "[",
        Key::CloseBracket => "]",
        Key::Escape => "Esc",
        other => other.name(),
    };
    let key = if b.modifiers.command {
        format!("Ctrl+{key}")
    } else if b.modifiers.shift {
        format!("Shift+{key}")
    } else {
        key.to_owned()
    };
    match b.when {
        When::Always => key,
        When::Exploring => format!("{key} (at the desk)"),
        When::Presenting => format!("{key} (presenting)"),
    }
}

/// Is a binding live in this mode?
pub fn live(b: &Binding, presenting: bool) -> bool {
    match b.when {
        When::Always => true,
        When::Exploring => !presenting,
        When::Presenting => presenting,
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
                commands.push(b.command);
            }
        }
        commands
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_key_and_no_key_is_bound_twice() {
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
        let all = [
            Command::TogglePlay,
            Command::StepMonthBack,
            Command::StepMonthForward,
            Command::StepYearBack,
            Command::StepYearForward,
            Command::ToStart,
            Command::ToEnd,
            Command::Slower,
            Command::Faster,
            Command::ToggleLoop,
            Command::ToggleWindowMode,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ResetView,
            Command::CycleTheme,
            Command::ToggleIncidents,
            Command::ToggleLabels,
            Command::ToggleCharts,
            Command::ResetFilters,
            Command::ToggleHelp,
            Command::Close,
            Command::ToggleRegion(RegionRole::Core),
            Command::ToggleRegion(RegionRole::Claimed),
            Command::ToggleRegion(RegionRole::Periphery),
            Command::ToggleRegion(RegionRole::Historical),
            Command::TogglePresentation,
            Command::NextChapter,
            Command::PreviousChapter,
            Command::GoToChapter(0),
            Command::ToggleBlank,
            Command::ToggleExport,
            Command::ToggleData,
            Command::OpenFile,
            Command::ToggleStageChart,
        ];
        for c in all {
            assert!(BINDINGS.iter().any(|b| b.command == c), "{c:?} has no key");
        }
    }
}
