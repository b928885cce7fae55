//! Buttons and menu items for commands, drawn from the command table: the label and the key
//! hint are the table's, so a button can never show a key that does something else.

use crate::commands::Command;
use egui::{Response, Ui};

/// The hover text: what the command does, and its key if it has one.
pub fn hint(command: &Command) -> String {
    let what = command.description();
    match crate::commands::shortcut(command) {
        Some(key) => format!("{what} ({key})"),
        None => what.into_owned(),
    }
}

/// A button with the command's label.
pub fn button(ui: &mut Ui, command: &Command) -> Response {
    button_text(ui, command, command.label())
}

/// A button whose text follows the state ("Hide charts"), with the command's hint.
pub fn button_text(ui: &mut Ui, command: &Command, text: &str) -> Response {
    ui.button(text).on_hover_text(hint(command))
}

/// A menu item with the command's label and its key at the right; closes the menu.
pub fn menu_item(ui: &mut Ui, command: &Command) -> Response {
    let mut button = egui::Button::new(command.label());
    if let Some(key) = crate::commands::shortcut(command) {
        button = button.shortcut_text(key);
    }
    let response = ui.add(button);
    if response.clicked() {
        ui.close();
    }
    response
}
