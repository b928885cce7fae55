//! The one persisted state struct: what the user would expect to find again after a restart.
//! Runtime handles (textures, tile caches, threads) live in the app, not here.

use crate::basemap::BasemapKind;
use crate::model::{Filter, Layers};
use crate::theme::Theme;
use crate::timeline::{FIRST_YEAR, Timeline};
use serde::{Deserialize, Serialize};

/// Bump when a field changes meaning; older saved states are then ignored, not misread.
pub const STATE_VERSION: u32 = 2;
pub const STORAGE_KEY: &str = "iskp-atlas-state";

pub use crate::model::view::View;

/// The opening view frames this box: Afghanistan and Pakistan with eastern Iran and the
/// Central Asian republics around them (west, south, east, north, degrees).
pub const HOME_BOUNDS: [f64; 4] = [52.0, 23.5, 80.5, 45.0];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// `None` until the first frame frames [`HOME_BOUNDS`] in whatever window size there is.
    pub view: Option<View>,
    pub timeline: Timeline,
    pub theme: Theme,
    pub basemap: BasemapKind,
    pub layers: Layers,
    pub filter: Filter,
    pub show_charts: bool,
    /// What the per-year chart counts.
    #[serde(default)]
    pub chart: crate::model::stats::ChartSettings,
    /// On stage, the per-year chart full screen instead of the map.
    #[serde(default)]
    pub stage_chart: bool,
    /// The story chapter last chosen, by id.
    #[serde(default)]
    pub chapter: Option<String>,
    /// Saved slides, in the briefer's order.
    #[serde(default, alias = "bookmarks")]
    pub slides: Vec<crate::model::Slide>,
    /// The folder File > Open last opened a file from.
    #[serde(default)]
    pub open_dir: Option<String>,
    /// Points, density, provinces or two periods side by side.
    #[serde(default)]
    pub mode: crate::model::MapMode,
    /// What density and provinces count.
    #[serde(default)]
    pub measure: crate::model::Measure,
    #[serde(default)]
    pub compare: crate::model::Compare,
    /// Notes and arrows on the map, saved with a slide.
    #[serde(default)]
    pub notes: Vec<crate::model::MapNote>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            version: STATE_VERSION,
            view: None,
            timeline: Timeline::new(FIRST_YEAR, FIRST_YEAR),
            theme: Theme::default(),
            basemap: BasemapKind::default(),
            layers: Layers::default(),
            filter: Filter::default(),
            show_charts: false,
            chart: Default::default(),
            stage_chart: false,
            chapter: None,
            slides: Vec::new(),
            open_dir: None,
            mode: Default::default(),
            measure: Default::default(),
            compare: Default::default(),
            notes: Vec::new(),
        }
    }
}

impl State {
    /// Restores a saved state. Anything unreadable, from another version or out of range
    /// gives the defaults and a log line, never an error: a bad file must not stop the atlas.
    pub fn restore(saved: Option<&str>) -> Self {
        let Some(text) = saved else {
            return Self::default();
        };
        match serde_json::from_str::<State>(text) {
            Ok(state) if state.version != STATE_VERSION => {
                log::warn!(
                    "saved state is version {}, this atlas uses {STATE_VERSION}: starting from defaults",
                    state.version
                );
                Self::default()
            }
            Ok(mut state) => {
                if state.view.is_some_and(|v| !v.is_sane()) {
                    log::warn!(
                        "saved view {:?} is out of range: framing the region instead",
                        state.view
                    );
                    state.view = None;
                }
                state
            }
            Err(e) => {
                log::warn!("saved state unreadable ({e}): starting from defaults");
                Self::default()
            }
        }
    }

    pub fn save(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut s = State::default();
        s.view = Some(View {
            lon: 69.0,
            lat: 34.5,
            zoom: 7.0,
        });
        s.theme = Theme::Projector;
        s.layers.historical = true;
        s.filter.countries.insert("PAK".into());
        s.filter.min_killed = 10;
        s.show_charts = true;
        s.timeline.set_year(2015);
        assert_eq!(State::restore(Some(&s.save())), s);
    }

    #[test]
    fn corrupt_old_or_absurd_states_fall_back_to_defaults() {
        assert_eq!(State::restore(None), State::default());
        assert_eq!(State::restore(Some("{not json")), State::default());
        assert_eq!(State::restore(Some("\u{0}\u{1}binary")), State::default());
        let mut old = State::default();
        old.version = 0;
        old.theme = Theme::Dark;
        assert_eq!(State::restore(Some(&old.save())), State::default());
        let mut far = State::default();
        far.view = Some(View {
            lon: f64::NAN,
            lat: 400.0,
            zoom: 99.0,
        });
        let text = far.save(); // NaN serialises as null, which does not parse as f64
        assert_eq!(State::restore(Some(&text)).view, None);
        far.view = Some(View {
            lon: 69.0,
            lat: 34.0,
            zoom: 99.0,
        });
        assert_eq!(State::restore(Some(&far.save())).view, None);
    }
}
