//! Renders the whole app to pixels through egui's wgpu renderer and checks what a person
//! would see: sea where the sea is, the core area shaded over Afghanistan, tiles not blank.
//!
//! Needs a graphics adapter; on a machine without one (no GPU and no Mesa lavapipe) these
//! tests say so in one line and pass, unless CI=true, where a missing adapter is a failure.
//! Debian/Ubuntu: `apt-get install mesa-vulkan-drivers` gives the CPU adapter.

use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;
use iskp_atlas::map::ScreenTransform;
use iskp_atlas::theme::Theme;
use iskp_atlas::{AtlasApp, Launch};
use std::time::{Duration, Instant};

fn renderer() -> Option<WgpuTestRenderer> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let made = std::panic::catch_unwind(WgpuTestRenderer::new);
    std::panic::set_hook(hook);
    match made {
        Ok(r) => Some(r),
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("no graphics adapter for rendering tests: install mesa-vulkan-drivers")
        }
        Err(_) => {
            eprintln!(
                "rendering tests skipped: no graphics adapter (apt-get install mesa-vulkan-drivers)"
            );
            None
        }
    }
}

fn rendered_app(theme: Theme) -> Option<(image::RgbaImage, ScreenTransform)> {
    let renderer = renderer()?;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .renderer(renderer)
        .build_eframe(move |cc| {
            AtlasApp::new(
                &cc.egui_ctx,
                None,
                Launch {
                    theme: Some(theme),
                    ..Default::default()
                },
            )
        });
    let start = Instant::now();
    loop {
        h.step();
        let app = h.state();
        if app.offline_tiles_pending() == 0 && app.offline_tiles_ready() > 20 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "tiles never finished"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    h.step();
    let image = h.render().expect("render");
    let app = h.state();
    let view = app.state.view.unwrap();
    let t = ScreenTransform::new(
        app.last_frame.map_rect.unwrap(),
        view.zoom,
        view.lon,
        view.lat,
    );
    let _ = std::fs::create_dir_all("target/test-renders");
    let _ = image.save(format!("target/test-renders/app-{}.png", theme.code()));
    Some((image, t))
}

fn pixel(img: &image::RgbaImage, t: &ScreenTransform, lon: f64, lat: f64) -> [u8; 3] {
    let p = t.lonlat_to_screen(lon, lat);
    let px = img.get_pixel(p.x.round() as u32, p.y.round() as u32);
    [px[0], px[1], px[2]]
}

#[test]
fn the_window_shows_sea_land_and_the_shaded_core() {
    let Some((img, t)) = rendered_app(Theme::Light) else {
        return;
    };
    // Arabian Sea, well away from any coast or label: the light theme's sea blue.
    let sea = pixel(&img, &t, 60.5, 24.2);
    assert!(sea[2] > sea[0] + 30 && sea[2] > 180, "sea pixel {sea:?}");
    // Central Afghanistan (Ghor): cream land under the core's red tint.
    let core = pixel(&img, &t, 64.2, 33.8);
    assert!(
        core[0] > core[1] + 25 && core[0] > 200,
        "core pixel {core:?}"
    );
    // Karakum desert in Turkmenistan (not a periphery country): plain land, no overlay, clearly not sea.
    let land = pixel(&img, &t, 58.5, 39.5);
    assert!(
        land[0] > 220 && land[1] > 220 && (land[0] as i32 - land[2] as i32).abs() < 30,
        "land pixel {land:?}"
    );
    // The map is not a flat colour anywhere in its middle: borders, rivers, labels.
    let mut colours = std::collections::HashSet::new();
    for y in (200..600).step_by(3) {
        for x in (300..1100).step_by(3) {
            let p = img.get_pixel(x, y);
            colours.insert([p[0], p[1], p[2]]);
        }
    }
    assert!(colours.len() > 500, "only {} colours", colours.len());
}

#[test]
fn the_projector_theme_is_high_contrast() {
    let Some((img, t)) = rendered_app(Theme::Projector) else {
        return;
    };
    // Land outside any overlay is pure white in the projector theme.
    let land = pixel(&img, &t, 58.5, 39.5);
    assert!(land.iter().all(|&c| c > 245), "projector land {land:?}");
    let sea = pixel(&img, &t, 60.5, 24.2);
    assert!(sea[2] > 200 && sea[0] < 150, "projector sea {sea:?}");
}
