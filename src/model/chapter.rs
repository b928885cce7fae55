//! The paper's argument as a guided story: each chapter a view, a span of years, layers,
//! a filter and the incidents it is about.

use super::view::View;
use super::{IncidentKind, Layers};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chapter {
    pub id: String,
    pub title: String,
    pub caption: String,
    /// What the briefer says over the chapter, for the presenter window: two to five
    /// sentences, with the figures to mention and where they come from.
    #[serde(default)]
    pub notes: String,
    pub paper_ref: String,
    /// First and last year, inclusive.
    pub years: [i32; 2],
    pub view: View,
    pub layers: Layers,
    /// ISO3 codes; empty means all countries.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Empty means all kinds.
    #[serde(default)]
    pub kinds: Vec<IncidentKind>,
    /// Ids of the incidents the chapter is about.
    #[serde(default)]
    pub highlight: Vec<String>,
    /// A chart the chapter shows full screen instead of the map.
    #[serde(default)]
    pub chart: Option<ChapterChart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChapterChart {
    PerYear,
}

impl Chapter {
    /// January of the first year to December of the last, as month indices.
    pub fn months(&self) -> (i32, i32) {
        (self.years[0] * 12, self.years[1] * 12 + 11)
    }
}
