//! ISKP Atlas: a desktop map of Islamic State Khorasan Province violence, 2015 to today.
//!
//! `model`, `io` and `timeline` are pure (no egui) and tested on their own; `basemap`, `map`
//! and `ui` draw from them; `app` owns the state and wires everything together.

pub mod app;
pub mod basemap;
pub mod bench;
pub mod bookmarks;
pub mod commands;
pub mod export;
pub mod io;
pub mod map;
pub mod model;
pub mod state;
pub mod theme;
pub mod timeline;
pub mod ui;
pub mod validate;

pub use app::{AtlasApp, Launch};
