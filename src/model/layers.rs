//! Which layers the map draws: the four kinds of area, the incidents and the place names.
//! One type for the saved state, a chapter of the story and a saved slide.

use super::RegionRole;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    pub core: bool,
    pub claimed: bool,
    pub periphery: bool,
    pub historical: bool,
    /// A chapter names only its areas: incidents and place names are shown unless it says not.
    #[serde(default = "shown")]
    pub incidents: bool,
    #[serde(default = "shown")]
    pub labels: bool,
}

fn shown() -> bool {
    true
}

impl Default for Layers {
    fn default() -> Self {
        Self {
            core: true,
            claimed: true,
            periphery: true,
            historical: false,
            incidents: true,
            labels: true,
        }
    }
}

impl Layers {
    pub fn region(&self, role: RegionRole) -> bool {
        match role {
            RegionRole::Core => self.core,
            RegionRole::Claimed => self.claimed,
            RegionRole::Periphery => self.periphery,
            RegionRole::Historical => self.historical,
        }
    }

    pub fn region_mut(&mut self, role: RegionRole) -> &mut bool {
        match role {
            RegionRole::Core => &mut self.core,
            RegionRole::Claimed => &mut self.claimed,
            RegionRole::Periphery => &mut self.periphery,
            RegionRole::Historical => &mut self.historical,
        }
    }
}
