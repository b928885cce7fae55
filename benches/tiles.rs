//! Offline tile render time: every tile over the opening view at zooms 4 to 8, at 256 and
//! 512 pixels, rendered on one thread. Reports numbers; asserts nothing.
//!
//!     cargo bench --bench tiles

use iskp_atlas::basemap::data::Basemap;
use iskp_atlas::basemap::render::render_tile;
use iskp_atlas::basemap::style::palette;
use iskp_atlas::basemap::tile_math::tile_containing;
use iskp_atlas::state::HOME_BOUNDS;
use iskp_atlas::theme::Theme;
use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let map = Basemap::embedded();
    println!(
        "decode embedded basemap: {:.1} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    let pal = palette(Theme::Light);
    for size in [256u32, 512] {
        let mut all = Vec::new();
        for zoom in 4u8..=8 {
            let (x0, y0) = tile_containing(HOME_BOUNDS[0], HOME_BOUNDS[3], zoom);
            let (x1, y1) = tile_containing(HOME_BOUNDS[2], HOME_BOUNDS[1], zoom);
            let mut times = Vec::new();
            for x in x0..=x1 {
                for y in y0..=y1 {
                    let t = Instant::now();
                    let img = render_tile(&map, &pal, zoom, x, y, size);
                    times.push(t.elapsed().as_secs_f64() * 1e3);
                    std::hint::black_box(img);
                }
            }
            report(&format!("{size}px zoom {zoom}"), &mut times.clone());
            all.append(&mut times);
        }
        report(&format!("{size}px zooms 4-8"), &mut all);
        // Deep zooms walk the most detailed level of the big land polygons.
        for zoom in [10u8, 12] {
            let (cx, cy) = tile_containing(69.18, 34.53, zoom);
            let mut times = Vec::new();
            for x in cx - 3..=cx + 3 {
                for y in cy - 3..=cy + 3 {
                    let t = Instant::now();
                    std::hint::black_box(render_tile(&map, &pal, zoom, x, y, size));
                    times.push(t.elapsed().as_secs_f64() * 1e3);
                }
            }
            report(&format!("{size}px zoom {zoom}"), &mut times);
        }
    }
}

fn report(what: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{what:>18}: {:4} tiles  median {:6.2} ms  p90 {:6.2} ms  max {:6.2} ms",
        times.len(),
        pct(0.5),
        pct(0.9),
        times[times.len() - 1]
    );
}
