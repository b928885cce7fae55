//! What is drawn on top of the tiles: shaded areas, labels and incidents. Reads the model,
//! never changes it.

pub mod areas;
pub mod choropleth;
pub mod circles;
pub mod cluster;
pub mod density;
pub mod fly;
pub mod incidents;
pub mod labels;
pub mod notes;
pub mod overlays;
pub mod picking;
pub mod places;
pub mod precision;
pub mod regions;
pub mod scale_bar;
pub mod software_gl;
pub mod strokes;
pub mod transform;

pub use transform::ScreenTransform;
