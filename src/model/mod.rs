//! Pure data: no egui, no files. Everything else reads these types.

pub mod dataset;
pub mod date;
pub mod incident;
pub mod region;

pub use dataset::Dataset;
pub use date::{Date, DatePrecision};
pub use incident::{Claim, GeoPrecision, Incident, IncidentKind, Source};
pub use region::{Region, RegionRole};
