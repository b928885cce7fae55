//! The key bindings: which key means which command at the desk and on stage, the names
//! the help and the buttons' hints give the keys, and this frame's key presses as commands.

use super::{Command, table};
use crate::model::RegionRole;
use egui::{Key, Modifiers};

use Command as C;

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
    bind(Key::F6, C::TogglePresenter),
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
    bind(Key::M, C::CycleMode),
    bind(Key::V, C::ToggleMeasure),
    bind(Key::K, C::ToggleRuler),
    desk(Key::N, C::AddNote),
    desk(Key::A, C::AddArrow),
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
    for e in table() {
        // The chapter keys are one row for all chapters; every other row is one command.
        let same = |b: &&Binding| {
            if matches!(e.command, C::GoToChapter(_)) {
                b.command.name() == e.command.name()
            } else {
                b.command == e.command
            }
        };
        let keys: Vec<&Binding> = BINDINGS.iter().filter(same).collect();
        if keys.is_empty() {
            continue;
        }
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
                .contains("the help, the About window, the file browser")
        );
    }
}
