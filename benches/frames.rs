//! Per-frame CPU time of the whole app (UI logic, map overlays and tessellation), driven
//! headlessly: playing the timeline over the full dataset, and panning at zoom 5 and 9.
//! Reports median and 99th percentile; asserts nothing.
//!
//!     cargo bench --bench frames

use egui_kittest::Harness;
use iskp_atlas::state::View;
use iskp_atlas::{AtlasApp, Launch};
use std::time::{Duration, Instant};

fn harness() -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| AtlasApp::new(&cc.egui_ctx, None, Launch::default()))
}

/// One frame: the app's update plus turning its shapes into meshes, as the window would.
fn frame(h: &mut Harness<'static, AtlasApp>) -> f64 {
    let t = Instant::now();
    h.step();
    let out = h.output();
    let meshes = h.ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
    std::hint::black_box(meshes);
    t.elapsed().as_secs_f64() * 1e3
}

fn settle(h: &mut Harness<'static, AtlasApp>) {
    let start = Instant::now();
    while (h.state().offline_tiles_pending() > 0 || h.state().offline_tiles_ready() < 20)
        && start.elapsed() < Duration::from_secs(30)
    {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..5 {
        h.step();
    }
}

fn report(what: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what:>28}: {:4} frames  median {:6.2} ms  p99 {:6.2} ms",
        times.len(),
        p(0.5),
        p(0.99)
    );
}

fn main() {
    iskp_atlas::keep_freed_memory();
    let mut h = harness();
    settle(&mut h);
    println!("incidents loaded: {}", h.state().dataset.incidents().len());

    // Playing 2015 to the end at the default 6 months a second, 60 frames a second.
    h.key_press(egui::Key::Space);
    let mut times = vec![frame(&mut h)];
    while h.state().state.timeline.playing && times.len() < 2000 {
        times.push(frame(&mut h));
    }
    report("playing, opening view", &mut times);

    for zoom in [5.0, 9.0] {
        let mut view = View {
            lon: 66.0,
            lat: 34.0,
            zoom,
        };
        if zoom > 8.0 {
            view = View {
                lon: 69.0,
                lat: 34.4,
                zoom,
            };
        }
        h.state_mut().set_view(view);
        settle(&mut h);
        let mut times = Vec::new();
        // A steady pan east, a few pixels a frame, waiting for no tile.
        for k in 0..300 {
            let dlon = f64::from(k) * 4.0 * 360.0 / (256.0 * 2f64.powf(zoom));
            h.state_mut().set_view(View {
                lon: view.lon + dlon,
                ..view
            });
            times.push(frame(&mut h));
        }
        report(&format!("panning at zoom {zoom}"), &mut times);
    }
}
