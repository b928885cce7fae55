//! Pure data: no egui, no files. Everything else reads these types.

pub mod chapter;
pub mod cite;
pub mod dataset;
pub mod date;
pub mod filter;
pub mod incident;
pub mod layers;
pub mod map_mode;
pub mod mask;
pub mod mercator;
pub mod note;
pub mod region;
pub mod selection;
pub mod shape_lods;
pub mod slide;
pub mod spatial;
pub mod stats;
pub mod tally;
pub mod totals;
pub mod view;
pub mod waves;

pub use chapter::Chapter;
pub use dataset::Dataset;
pub use date::{Date, DatePrecision};
pub use filter::Filter;
pub use incident::{Claim, GeoPrecision, Incident, IncidentKind, Source};
pub use layers::Layers;
pub use map_mode::{Compare, MapMode, Measure, Period};
pub use mask::Mask;
pub use note::MapNote;
pub use region::{Region, RegionRole};
pub use selection::{Hit, Selection};
pub use slide::Slide;
pub use tally::Tally;
pub use totals::{Counts, PublishedTotal};
pub use view::View;
