//! Readers for the atlas's own files. Pure: text in, model out, errors that name file, line
//! and field. The embedded data goes through the same readers as a user's files.

pub mod chapters;
pub mod countries;
pub mod embedded;
pub mod error;
pub mod import;
pub mod incidents;
pub mod regions;
pub mod totals;
pub mod write;

pub use error::LoadError;
