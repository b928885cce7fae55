//! Readers for the atlas's own files. Pure: text in, model out, errors that name file, line
//! and field. The embedded data goes through the same readers as a user's files.

pub mod atomic;
pub mod bytes;
pub mod chapters;
pub mod countries;
pub mod embedded;
pub mod error;
pub mod gazetteer;
pub mod import;
pub mod incidents;
pub mod pages;
pub mod progress;
pub mod provinces;
pub mod regions;
pub mod shape_lods;
pub mod slides;
pub mod totals;
pub mod write;

pub use atomic::write_atomic;
pub use error::LoadError;
pub use progress::Progress;
