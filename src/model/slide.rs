//! A saved slide: a named view, month, layers and filter, kept with the state in the
//! briefer's order and shared as a small JSON file (see `io::slides`).

use super::{Filter, Layers, View};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slide {
    pub name: String,
    pub view: View,
    /// The month shown (month index).
    pub month: i32,
    pub layers: Layers,
    pub filter: Filter,
    #[serde(default)]
    pub chapter: Option<String>,
    /// How the map showed the incidents, and the two periods when comparing.
    #[serde(default)]
    pub mode: super::MapMode,
    #[serde(default)]
    pub compare: Option<super::Compare>,
    /// Notes and arrows the briefer put on the map.
    #[serde(default)]
    pub notes: Vec<super::MapNote>,
}
