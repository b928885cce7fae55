//! Online tile providers, used only when the user picks one. Tiles are cached on disk in the
//! user's cache directory, and requests carry a User-Agent that names the app.

use walkers::sources::{OpenStreetMap, OpenTopoMap, OpenTopoServer};
use walkers::{HttpOptions, HttpTiles};

pub const USER_AGENT: &str = concat!(
    "ISKP-Atlas/",
    env!("CARGO_PKG_VERSION"),
    " (desktop research atlas; offline-first, fetches tiles only when the user asks)"
);

/// Where downloaded tiles are kept, per provider, e.g. `~/.cache/iskp-atlas/tiles/osm`.
pub fn cache_dir(provider: &str) -> Option<std::path::PathBuf> {
    Some(
        dirs::cache_dir()?
            .join("iskp-atlas")
            .join("tiles")
            .join(provider),
    )
}

fn options(provider: &str) -> HttpOptions {
    HttpOptions {
        cache: cache_dir(provider),
        user_agent: Some(walkers::HeaderValue::from_static(USER_AGENT)),
        ..Default::default()
    }
}

pub fn openstreetmap(ctx: egui::Context) -> HttpTiles {
    HttpTiles::with_options(OpenStreetMap, options("osm"), ctx)
}

pub fn opentopomap(ctx: egui::Context) -> HttpTiles {
    HttpTiles::with_options(OpenTopoMap(OpenTopoServer::A), options("opentopomap"), ctx)
}
