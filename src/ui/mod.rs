//! Panels and widgets. They read state and return commands; the app carries them out.

pub mod about;
pub mod charts;
pub mod column_window;
pub mod command;
pub mod data_window;
pub mod details;
pub mod export_panel;
pub mod file_browser;
pub mod filters;
pub mod help;
pub mod legend;
pub mod map_panel;
pub mod mode_key;
pub mod search;
pub mod slides;
pub mod story;
pub mod style;
pub mod timeline_bar;
