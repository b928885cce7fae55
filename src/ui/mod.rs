//! Panels and widgets. They read state and return commands; the app carries them out.

pub mod help;
pub mod legend;
pub mod style;
pub mod timeline_bar;
