//! The default basemap: tiles rendered from the embedded Natural Earth data on worker threads
//! and handed to walkers as textures. No network, ever.

use super::data::Basemap;
use super::render::{TileImage, render_tile};
use super::style::palette;
use crate::theme::Theme;
use egui::{ColorImage, Context, TextureHandle, TextureOptions};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread::JoinHandle;
use walkers::sources::Attribution;
use walkers::{TileId, TilePiece, Tiles};

/// Texture memory kept for tiles. A 1080p screen shows about 40 tiles; the rest of the
/// budget is recent history, so panning back is instant.
const CACHE_BYTES: usize = 128 << 20;
/// Requests beyond this are dropped oldest-first: after a fast pan the old ones are off screen.
const MAX_QUEUED: usize = 128;
/// Always rendered up front, so there is a parent tile to show under any tile still rendering.
const BASE_ZOOM: u8 = 2;
/// Deepest zoom rendered; closer views magnify these.
pub const MAX_ZOOM: u8 = 12;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct Key {
    tile: TileId,
    theme: Theme,
}

#[derive(Default)]
struct Queue {
    wanted: Vec<Key>,
    /// Queued or being rendered: never asked for twice.
    pending: HashSet<Key>,
    stop: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

struct Rendered {
    key: Key,
    image: ColorImage,
}

struct Cached {
    texture: TextureHandle,
    last_used: u64,
}

pub struct OfflineTiles {
    ctx: Context,
    map: Arc<Basemap>,
    theme: Theme,
    cache: HashMap<TileId, Cached>,
    frame: u64,
    /// How many tiles fit in [`CACHE_BYTES`] at this texture size.
    cache_limit: usize,
    texture_px: u32,
    /// Tiles drawn from an ancestor because their own was not ready, since last asked.
    stand_ins: usize,
    shared: Arc<Shared>,
    results: mpsc::Receiver<Rendered>,
    workers: Vec<JoinHandle<()>>,
}

impl OfflineTiles {
    /// `texture_px` is the rendered size of a 256-point tile: 256 on ordinary screens,
    /// 512 on high-DPI ones so lines stay sharp.
    pub fn new(ctx: Context, theme: Theme, texture_px: u32) -> Self {
        let map = Basemap::embedded();
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
        });
        let (tx, results) = mpsc::channel();
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
            .clamp(1, 4);
        let workers = (0..threads)
            .filter_map(|i| {
                let (shared, tx, map, ctx) = (shared.clone(), tx.clone(), map.clone(), ctx.clone());
                std::thread::Builder::new()
                    .name(format!("tile-render-{i}"))
                    .spawn(move || worker(&shared, &tx, &map, &ctx, texture_px.max(64)))
                    .ok()
            })
            .collect();
        Self {
            ctx,
            map,
            theme,
            cache: HashMap::new(),
            frame: 0,
            cache_limit: (CACHE_BYTES / (texture_px as usize).pow(2) / 4).clamp(96, 1024),
            texture_px,
            stand_ins: 0,
            shared,
            results,
            workers,
        }
    }

    /// Waits, at most `limit`, until the tiles of a view (as [`Self::prefetch`] takes it)
    /// are rendered, and takes them in: so the first frame shows the whole map rather than
    /// a frame of blank tiles first. The base tiles may still be rendering.
    pub fn wait_for_view(
        &mut self,
        center: (f64, f64),
        zoom: f64,
        size: egui::Vec2,
        limit: std::time::Duration,
    ) {
        let until = std::time::Instant::now() + limit;
        let view = tiles_in_view(center, zoom, size);
        loop {
            self.receive();
            let ready = view.iter().all(|t| self.cache.contains_key(t));
            if ready || std::time::Instant::now() >= until {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Switches colours. The base tiles are redrawn at once so the map never goes blank; the
    /// rest re-render as they are asked for.
    pub fn set_theme(&mut self, theme: Theme) {
        if theme != self.theme {
            self.theme = theme;
            self.cache.clear();
            if let Ok(mut q) = self.shared.queue.lock() {
                // Tiles of the old colours still queued will never be drawn: forget them.
                let Queue {
                    wanted, pending, ..
                } = &mut *q;
                for key in wanted.drain(..) {
                    pending.remove(&key);
                }
            }
            self.render_base();
        }
    }

    /// Asks for the tiles a view of `size` points centred on `center` (mercator fractions)
    /// at `zoom` will need, before anything is drawn.
    pub fn prefetch(&self, center: (f64, f64), zoom: f64, size: egui::Vec2) {
        for tile in tiles_in_view(center, zoom, size) {
            if !self.cache.contains_key(&tile) {
                self.request(tile, false);
            }
        }
    }

    /// Takes tiles rendered before the window opened (see [`render_first`]), if they are
    /// in this theme at this texture size.
    pub fn adopt(&mut self, first: FirstTiles) {
        if first.theme != self.theme || first.px != self.texture_px {
            return;
        }
        for (tile, image) in first.tiles {
            let last_used = if tile.zoom == BASE_ZOOM { u64::MAX } else { 0 };
            self.insert(tile, image, last_used);
        }
    }

    /// Number of tiles waiting for or being rendered.
    pub fn pending(&self) -> usize {
        self.shared
            .queue
            .lock()
            .map(|q| q.pending.len())
            .unwrap_or(0)
    }

    /// How many tiles were shown as a scaled-up ancestor since the last call: zero after a
    /// frame means the basemap on screen is complete.
    pub fn take_stand_ins(&mut self) -> usize {
        std::mem::take(&mut self.stand_ins)
    }

    /// Takes in the tiles the workers have finished since the last frame (a frame does this
    /// too): for headless exports waiting on the basemap without moving the clock.
    pub fn collect(&mut self) {
        self.receive();
    }

    /// Number of tiles ready as textures.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// The base tiles not yet there, to the workers, behind every tile already asked for:
    /// what is on the screen comes first.
    pub fn request_base(&self) {
        let n = 1u32 << BASE_ZOOM;
        for x in 0..n {
            for y in 0..n {
                let tile = TileId {
                    x,
                    y,
                    zoom: BASE_ZOOM,
                };
                if !self.cache.contains_key(&tile) {
                    self.request(tile, true);
                }
            }
        }
    }

    fn render_base(&mut self) {
        let n = 1u32 << BASE_ZOOM;
        let pal = palette(self.theme);
        for x in 0..n {
            for y in 0..n {
                let img = render_tile(&self.map, &pal, BASE_ZOOM, x, y, 256);
                let tile = TileId {
                    x,
                    y,
                    zoom: BASE_ZOOM,
                };
                let image = to_color_image(img);
                self.insert(tile, image, u64::MAX);
            }
        }
    }

    fn insert(&mut self, tile: TileId, image: ColorImage, last_used: u64) {
        let name = format!("basemap-{}-{}-{}", tile.zoom, tile.x, tile.y);
        let texture = self.ctx.load_texture(name, image, TextureOptions::LINEAR);
        self.cache.insert(tile, Cached { texture, last_used });
        if self.cache.len() > self.cache_limit {
            self.evict();
        }
    }

    fn evict(&mut self) {
        let mut ages: Vec<(u64, TileId)> = self
            .cache
            .iter()
            .filter(|(_, c)| c.last_used != u64::MAX)
            .map(|(id, c)| (c.last_used, *id))
            .collect();
        ages.sort_unstable_by_key(|(age, _)| *age);
        let excess = self.cache.len().saturating_sub(self.cache_limit * 3 / 4);
        for (_, id) in ages.into_iter().take(excess) {
            self.cache.remove(&id);
        }
    }

    fn receive(&mut self) {
        while let Ok(Rendered { key, image }) = self.results.try_recv() {
            if let Ok(mut q) = self.shared.queue.lock() {
                q.pending.remove(&key);
            }
            if key.theme == self.theme {
                // The base tiles stay, under every other.
                let last_used = if key.tile.zoom == BASE_ZOOM {
                    u64::MAX
                } else {
                    self.frame
                };
                self.insert(key.tile, image, last_used);
            }
        }
    }

    /// Asks for a tile: next to be rendered (workers take the newest first), or with
    /// `behind`, after all those already waiting.
    fn request(&self, tile: TileId, behind: bool) {
        let key = Key {
            tile,
            theme: self.theme,
        };
        let Ok(mut q) = self.shared.queue.lock() else {
            return;
        };
        if q.pending.insert(key) {
            if behind {
                q.wanted.insert(0, key);
            } else {
                q.wanted.push(key);
            }
            // The oldest request goes, but never a base tile.
            if !behind
                && q.wanted.len() > MAX_QUEUED
                && let Some(i) = q.wanted.iter().position(|k| k.tile.zoom != BASE_ZOOM)
            {
                let dropped = q.wanted.remove(i);
                q.pending.remove(&dropped);
            }
            self.shared.wake.notify_one();
        }
    }

    /// The tile itself if ready, else the nearest ready ancestor's matching part.
    fn best_available(&mut self, tile: TileId) -> Option<TilePiece> {
        let frame = self.frame;
        for up in 0..=tile.zoom {
            let ancestor = TileId {
                x: tile.x >> up,
                y: tile.y >> up,
                zoom: tile.zoom - up,
            };
            if let Some(c) = self.cache.get_mut(&ancestor) {
                if c.last_used != u64::MAX {
                    c.last_used = frame;
                }
                let n = (1u32 << up) as f32;
                let (fx, fy) = ((tile.x % (1 << up)) as f32, (tile.y % (1 << up)) as f32);
                let uv = egui::Rect::from_min_size(
                    egui::pos2(fx / n, fy / n),
                    egui::vec2(1.0 / n, 1.0 / n),
                );
                return Some(TilePiece::new(walkers::Tile::Raster(c.texture.clone()), uv));
            }
        }
        None
    }
}

impl Tiles for OfflineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.frame += 1;
        self.receive();
        let n = 1u64 << tile_id.zoom.min(31);
        if u64::from(tile_id.x) >= n || u64::from(tile_id.y) >= n {
            return None;
        }
        // Beyond the deepest rendered zoom, magnify that zoom's tile.
        let wanted = if tile_id.zoom > MAX_ZOOM {
            let up = tile_id.zoom - MAX_ZOOM;
            TileId {
                x: tile_id.x >> up,
                y: tile_id.y >> up,
                zoom: MAX_ZOOM,
            }
        } else {
            tile_id
        };
        if !self.cache.contains_key(&wanted) {
            self.request(wanted, false);
            self.stand_ins += 1;
        }
        self.best_available(tile_id)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "Natural Earth (public domain)",
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }

    fn stats(&self) -> walkers::Stats {
        walkers::Stats {
            in_progress: self.pending(),
        }
    }
}

impl Drop for OfflineTiles {
    fn drop(&mut self) {
        if let Ok(mut q) = self.shared.queue.lock() {
            q.stop = true;
        }
        self.shared.wake.notify_all();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

/// Tiles render in the background; on a two-core laptop they must not take the UI thread's
/// core while the user pans or the timeline plays. A lower priority lets the frame run first
/// and the tiles use whatever is left.
fn yield_to_the_ui() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on this thread's own id (Linux priorities are per thread).
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

fn worker(shared: &Shared, tx: &mpsc::Sender<Rendered>, map: &Basemap, ctx: &Context, px: u32) {
    yield_to_the_ui();
    loop {
        let key = {
            let Ok(mut q) = shared.queue.lock() else {
                return;
            };
            loop {
                if q.stop {
                    return;
                }
                // Newest first: it is what the user is looking at now.
                if let Some(key) = q.wanted.pop() {
                    break key;
                }
                q = match shared.wake.wait(q) {
                    Ok(q) => q,
                    Err(_) => return,
                };
            }
        };
        let img = render_tile(
            map,
            &palette(key.theme),
            key.tile.zoom,
            key.tile.x,
            key.tile.y,
            px,
        );
        let image = to_color_image(img);
        if tx.send(Rendered { key, image }).is_err() {
            return;
        }
        ctx.request_repaint();
    }
}

/// The tiles a view of `size` points centred on `center` (mercator fractions) at `zoom`
/// shows.
pub fn tiles_in_view(center: (f64, f64), zoom: f64, size: egui::Vec2) -> Vec<TileId> {
    let z = (zoom.round().clamp(0.0, f64::from(MAX_ZOOM))) as u8;
    let n = f64::from(1u32 << z);
    let world_px = 256.0 * 2f64.powf(zoom);
    let half = (
        f64::from(size.x) / world_px / 2.0,
        f64::from(size.y) / world_px / 2.0,
    );
    let tile = |u: f64| (u * n).floor().clamp(0.0, n - 1.0) as u32;
    let (x0, x1) = (tile(center.0 - half.0), tile(center.0 + half.0));
    let (y0, y1) = (tile(center.1 - half.1), tile(center.1 + half.1));
    (x0..=x1)
        .flat_map(|x| (y0..=y1).map(move |y| TileId { x, y, zoom: z }))
        .collect()
}

/// Tiles rendered with no window yet, for [`OfflineTiles::adopt`].
pub struct FirstTiles {
    theme: Theme,
    px: u32,
    tiles: Vec<(TileId, ColorImage)>,
}

/// Renders the tiles of a view on the calling thread: `main` does this beside the window's
/// set-up, so the first frame finds them ready. The base tiles are left to the workers,
/// which render them while the first frame is painted.
pub fn render_first(
    theme: Theme,
    px: u32,
    center: (f64, f64),
    zoom: f64,
    size: egui::Vec2,
) -> FirstTiles {
    let map = Basemap::embedded();
    let pal = palette(theme);
    let tiles = tiles_in_view(center, zoom, size)
        .into_iter()
        .map(|t| {
            let img = render_tile(&map, &pal, t.zoom, t.x, t.y, px);
            (t, to_color_image(img))
        })
        .collect();
    FirstTiles { theme, px, tiles }
}

/// The rendered pixels as an image without copying them: tiny-skia's premultiplied RGBA
/// bytes are laid out as egui's `Color32`s.
fn to_color_image(img: TileImage) -> ColorImage {
    let size = [img.size as usize, img.size as usize];
    match bytemuck::allocation::try_cast_vec::<u8, egui::Color32>(img.rgba) {
        Ok(pixels) => ColorImage::new(size, pixels),
        Err((_, rgba)) => ColorImage::from_rgba_premultiplied(size, &rgba),
    }
}
