//! `render` and `animate` end to end through the binary: the files exist, have the asked
//! size and frame count, and their pixels show the map (checked at known places).
//! Needs a graphics adapter, like tests/render.rs (Debian: mesa-vulkan-drivers).

use egui_kittest::kittest::Queryable;
use image::AnimationDecoder;
use std::path::PathBuf;
use std::process::Command;

fn adapter() -> bool {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ok = std::panic::catch_unwind(egui_kittest::wgpu::WgpuTestRenderer::new).is_ok();
    std::panic::set_hook(hook);
    if !ok && std::env::var("CI").as_deref() == Ok("true") {
        panic!("no graphics adapter for export tests: install mesa-vulkan-drivers");
    }
    if !ok {
        eprintln!(
            "export tests skipped: no graphics adapter (apt-get install mesa-vulkan-drivers)"
        );
    }
    ok
}

fn out(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export-tests");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_iskp-atlas"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn render_writes_a_png_of_the_asked_size_showing_the_map() {
    if !adapter() {
        return;
    }
    let png = out("kabul-2021.png");
    let o = atlas(&[
        "render",
        "--out",
        png.to_str().unwrap(),
        "--size",
        "960x540",
        "--year",
        "2021",
        "--theme",
        "light",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::open(&png).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (960, 540));
    // The opening view on a 960x540 stage: Afghanistan shaded red in the middle, and the
    // Caspian Sea blue to the north-west.
    let (w, h) = (960.0, 540.0);
    let mut reds = 0;
    let mut blues = 0;
    for y in (0..h as u32).step_by(4) {
        for x in (0..w as u32).step_by(4) {
            let p = img.get_pixel(x, y);
            if p[0] > 200 && p[1] < 200 && p[2] < 200 && p[0] > p[2] + 25 {
                reds += 1;
            }
            if p[2] > 180 && p[0] < 190 && p[2] > p[0] + 30 {
                blues += 1;
            }
        }
    }
    let total = (w as u32 / 4) * (h as u32 / 4);
    assert!(
        reds > total / 50,
        "too little of the core's red: {reds} of {total}"
    );
    assert!(blues > total / 100, "too little sea: {blues} of {total}");
}

#[test]
fn animate_writes_one_frame_per_step_and_refuses_bad_paths() {
    if !adapter() {
        return;
    }
    let gif = out("years.gif");
    let o = atlas(&[
        "animate",
        "--out",
        gif.to_str().unwrap(),
        "--from",
        "2016",
        "--to",
        "2018",
        "--step",
        "year",
        "--size",
        "320x200",
        "--fps",
        "2",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::io::BufReader::new(std::fs::File::open(&gif).unwrap());
    let frames = image::codecs::gif::GifDecoder::new(file)
        .unwrap()
        .into_frames()
        .collect_frames()
        .unwrap();
    assert_eq!(frames.len(), 3);
    assert_eq!(frames[0].buffer().dimensions(), (320, 200));

    let o = atlas(&["render", "--out", "/nonexistent-folder/x.png"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
    let o = atlas(&[
        "render",
        "--out",
        out("x.png").to_str().unwrap(),
        "--chapter",
        "no-such-chapter",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no chapter 'no-such-chapter'"));
}

#[test]
fn the_export_window_saves_what_the_screen_shows_without_blocking() {
    if !adapter() {
        return;
    }
    use iskp_atlas::{AtlasApp, Launch};
    let png = out("from-window.png");
    let _ = std::fs::remove_file(&png);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_step_dt(0.05)
        .build_eframe(|cc| {
            AtlasApp::new(
                &cc.egui_ctx,
                None,
                Launch {
                    year: Some(2019),
                    exporter: Some(iskp_atlas::export::exporter()),
                    ..Default::default()
                },
            )
        });
    h.run_steps(2);
    h.key_press(egui::Key::E);
    h.run_steps(2);
    h.state_mut()
        .export_panel()
        .set_files(png.to_str().unwrap(), out("unused.gif").to_str().unwrap());
    h.get_by_label("Save PNG").click();
    let start = std::time::Instant::now();
    // The window keeps stepping while the export runs on its own thread.
    while !h.state_mut().export_panel().message().starts_with("Saved") {
        h.step();
        assert!(
            start.elapsed().as_secs() < 60,
            "export never finished: {}",
            h.state_mut().export_panel().message()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let img = image::open(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1200, 800));
}
