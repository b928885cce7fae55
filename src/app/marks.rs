//! The ruler, notes and arrows: what a click on the map does while one is being placed, and
//! the small window a note is written in.

use super::AtlasApp;
use crate::commands::Command;
use crate::map::notes::Tool;
use crate::model::MapNote;

impl AtlasApp {
    /// Picks up a tool, or puts it down when it is already in hand.
    pub(super) fn set_tool(&mut self, tool: Tool) {
        let panels = &mut self.rt.panels;
        panels.tool = if panels.tool == tool {
            Tool::None
        } else {
            tool
        };
        panels.tool_points.clear();
        panels.draft = None;
    }

    pub fn tool(&self) -> Tool {
        self.rt.panels.tool
    }

    /// The points the ruler or the arrow has so far (longitude, latitude).
    pub fn tool_points(&self) -> &[[f64; 2]] {
        &self.rt.panels.tool_points
    }

    /// The note being written, for its window (and tests) to type into.
    pub fn draft_mut(&mut self) -> Option<&mut MapNote> {
        self.rt.panels.draft.as_mut()
    }

    /// A click on the map at (longitude, latitude) while a tool is in hand.
    pub(super) fn tool_click(&mut self, at: [f64; 2]) {
        let panels = &mut self.rt.panels;
        match panels.tool {
            Tool::None => {}
            Tool::Ruler => {
                if panels.tool_points.len() >= 2 {
                    panels.tool_points.clear();
                }
                panels.tool_points.push(at);
            }
            Tool::Note => {
                panels.draft = Some(MapNote {
                    at,
                    from: None,
                    text: String::new(),
                });
                panels.tool = Tool::None;
            }
            Tool::Arrow => {
                panels.tool_points.push(at);
                if let [from, head] = panels.tool_points[..] {
                    panels.draft = Some(MapNote {
                        at: head,
                        from: Some(from),
                        text: String::new(),
                    });
                    panels.tool = Tool::None;
                    panels.tool_points.clear();
                }
            }
        }
    }

    /// Puts the note being written on the map; a note without text is dropped, an arrow
    /// without text is kept.
    pub(super) fn save_note(&mut self) {
        if let Some(mut note) = self.rt.panels.draft.take() {
            note.text = note.text.trim().to_owned();
            if !note.text.is_empty() || note.from.is_some() {
                self.state.notes.push(note);
            }
        }
    }

    /// The window a note is written in, while one is.
    pub(super) fn note_window(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        let Some(draft) = self.rt.panels.draft.as_mut() else {
            return out;
        };
        let title = if draft.from.is_some() {
            "Arrow: its note"
        } else {
            "Note"
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
            .show(ctx, |ui| {
                ui.label(if draft.from.is_some() {
                    "Text at the arrow's tail (may stay empty):"
                } else {
                    "Text of the note:"
                });
                let edit = ui.add(
                    egui::TextEdit::singleline(&mut draft.text)
                        .desired_width(320.0)
                        .hint_text("e.g. ISKP moved its base here in 2019"),
                );
                edit.request_focus();
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    out.push(Command::SaveNote);
                }
                ui.horizontal(|ui| {
                    for c in [Command::SaveNote, Command::CancelNote] {
                        if crate::ui::command::button(ui, &c).clicked() {
                            out.push(c);
                        }
                    }
                });
            });
        out
    }
}
