//! `iskp-atlas bench`: the real UI, headless, over N synthetic events spread like real ones
//! (around the region's cities, more in later years) on top of the embedded data, while the
//! timeline plays and the map pans. Reports per-frame CPU time (UI logic and tessellation),
//! vertices, load time and peak memory. Numbers only; nothing here asserts a time.

use crate::app::{AtlasApp, Launch};
use crate::model::View;
use crate::model::{Date, Incident, IncidentKind, Source};
use egui_kittest::Harness;
use std::time::Instant;

pub struct Options {
    pub events: usize,
    /// The map mode measured.
    pub mode: crate::model::MapMode,
    pub frames: usize,
    pub size: (u32, u32),
}

#[derive(Debug, serde::Serialize)]
pub struct Results {
    pub events: usize,
    pub mode: &'static str,
    pub frames: usize,
    pub frame_ms_p50: f64,
    pub frame_ms_p99: f64,
    pub pan_zoom5_ms_p50: f64,
    pub pan_zoom5_ms_p99: f64,
    pub pan_zoom9_ms_p50: f64,
    pub pan_zoom9_ms_p99: f64,
    pub vertices_p50: usize,
    pub vertices_max: usize,
    pub load_ms: f64,
    pub peak_rss_mb: f64,
}

/// A small, fixed pseudo-random sequence, so every run draws the same events.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.next().max(1e-12), self.next());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// Where events cluster: city, longitude, latitude, weight, spread in degrees.
const HOTSPOTS: [(f64, f64, f64, f64); 14] = [
    (69.18, 34.53, 10.0, 0.3),
    (70.45, 34.43, 9.0, 0.4),
    (65.71, 31.61, 4.0, 0.6),
    (71.57, 34.01, 6.0, 0.4),
    (67.01, 30.18, 6.0, 0.7),
    (67.01, 24.86, 3.0, 0.3),
    (71.52, 34.73, 4.0, 0.3),
    (68.86, 36.73, 3.0, 0.5),
    (67.11, 36.71, 2.0, 0.5),
    (62.2, 34.35, 2.0, 0.6),
    (74.35, 31.55, 2.0, 0.5),
    (68.78, 38.56, 1.0, 0.8),
    (69.24, 41.3, 1.0, 0.8),
    (51.39, 35.69, 1.0, 1.0),
];

pub fn synthetic(n: usize) -> Vec<Incident> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let total: f64 = HOTSPOTS.iter().map(|h| h.2).sum();
    (0..n)
        .map(|k| {
            let mut pick = rng.next() * total;
            let h = HOTSPOTS.iter().find(|h| {
                pick -= h.2;
                pick <= 0.0
            });
            let (lon0, lat0, _, spread) = *h.unwrap_or(&HOTSPOTS[0]);
            let lon = (lon0 + rng.normal() * spread).clamp(-180.0, 180.0);
            let lat = (lat0 + rng.normal() * spread).clamp(-85.0, 85.0);
            // More events in later years, as in the data.
            let month = (rng.next().sqrt() * 131.0) as i32;
            let date = Date::new(
                2015 + month / 12,
                (month % 12) as u8 + 1,
                1 + (rng.next() * 27.0) as u8,
            )
            .unwrap_or(Date {
                year: 2015,
                month: 1,
                day: 1,
            });
            let killed = (-(rng.next().max(1e-9)).ln() * 4.0) as u32;
            let mut i = Incident::new(format!("synthetic-{k}"), date, lon, lat);
            i.kind = IncidentKind::ALL[k % 5];
            // As in real files, some are placed only at a district or a province.
            i.geo_precision = match k % 20 {
                3 => crate::model::GeoPrecision::Province,
                7 | 11 => crate::model::GeoPrecision::District,
                _ => crate::model::GeoPrecision::Town,
            };
            i.killed = Some(killed);
            i.sources = vec![Source {
                title: "synthetic".into(),
                publisher: String::new(),
                date: String::new(),
                url: "https://localhost/".into(),
            }];
            i
        })
        .collect()
}

fn percentile(times: &mut [f64], q: f64) -> f64 {
    if times.is_empty() {
        return 0.0;
    }
    times.sort_by(f64::total_cmp);
    times[((times.len() - 1) as f64 * q).round() as usize]
}

/// Peak resident memory of this process, from the kernel.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// One frame: the app's update plus tessellation, as the window would do. Returns the time
/// in milliseconds and the vertex count.
fn frame(h: &mut Harness<'static, AtlasApp>) -> (f64, usize) {
    let t = Instant::now();
    h.step();
    let out = h.output();
    let meshes = h.ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let vertices = meshes
        .iter()
        .map(|m| match &m.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    (ms, vertices)
}

pub fn run(o: &Options) -> Results {
    let mut h = Harness::builder()
        .with_size(egui::vec2(o.size.0 as f32, o.size.1 as f32))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| AtlasApp::new(&cc.egui_ctx, None, Launch::default()));
    let events = synthetic(o.events);
    let t = Instant::now();
    h.state_mut().add_layer("synthetic", events);
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    h.state_mut().run(crate::commands::Command::SetMode(o.mode));
    // Let the basemap's tiles arrive so frames measure the steady state.
    let start = Instant::now();
    while h.state().offline_tiles_pending() > 0 && start.elapsed().as_secs() < 20 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    h.step();

    let mut play = Vec::new();
    let mut vertices = Vec::new();
    h.key_press(egui::Key::Space);
    for _ in 0..o.frames {
        let (ms, v) = frame(&mut h);
        play.push(ms);
        vertices.push(v);
        if !h.state().state.timeline.playing {
            h.key_press(egui::Key::Space);
        }
    }
    let mut pan = |zoom: f64, lon: f64, lat: f64| {
        let mut times = Vec::new();
        for k in 0..o.frames / 2 {
            let dlon = k as f64 * 4.0 * 360.0 / (256.0 * 2f64.powf(zoom));
            h.state_mut().set_view(View {
                lon: lon + dlon,
                lat,
                zoom,
            });
            let (ms, v) = frame(&mut h);
            times.push(ms);
            vertices.push(v);
        }
        times
    };
    let mut z5 = pan(5.0, 64.0, 33.0);
    let mut z9 = pan(9.0, 69.0, 34.4);
    let max_vertices = vertices.iter().copied().max().unwrap_or(0);
    vertices.sort_unstable();
    Results {
        events: o.events,
        mode: o.mode.code(),
        frames: o.frames,
        frame_ms_p50: percentile(&mut play, 0.5),
        frame_ms_p99: percentile(&mut play, 0.99),
        pan_zoom5_ms_p50: percentile(&mut z5, 0.5),
        pan_zoom5_ms_p99: percentile(&mut z5, 0.99),
        pan_zoom9_ms_p50: percentile(&mut z9, 0.5),
        pan_zoom9_ms_p99: percentile(&mut z9, 0.99),
        vertices_p50: vertices.get(vertices.len() / 2).copied().unwrap_or(0),
        vertices_max: max_vertices,
        load_ms,
        peak_rss_mb: peak_rss_mb(),
    }
}
