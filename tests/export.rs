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
fn render_draws_every_map_mode_differently_from_the_points() {
    if !adapter() {
        return;
    }
    let render = |name: &str, extra: &[&str]| {
        let png = out(&format!("mode-{name}.png"));
        let mut args = vec![
            "render",
            "--out",
            png.to_str().unwrap(),
            "--size",
            "960x540",
        ];
        args.extend_from_slice(extra);
        let o = atlas(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        image::open(&png).unwrap().to_rgb8()
    };
    let points = render("points", &["--mode", "points"]);
    for (name, extra) in [
        ("density", &["--mode", "density"][..]),
        ("provinces", &["--mode", "provinces"][..]),
        ("compare", &["--compare", "2015-2018,2021-2024"][..]),
    ] {
        let img = render(name, extra);
        let differ = points
            .pixels()
            .zip(img.pixels())
            .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 40))
            .count();
        let total = (960 * 540) as usize;
        assert!(
            differ > total / 20,
            "{name}: only {differ} of {total} pixels differ from the points"
        );
    }
    let o = atlas(&[
        "render",
        "--out",
        out("bad.png").to_str().unwrap(),
        "--mode",
        "heat",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("points, density, provinces or compare"));
    let o = atlas(&[
        "render",
        "--out",
        out("bad.png").to_str().unwrap(),
        "--compare",
        "2015",
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("two periods"));
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

/// Annex B for the decoder: the track's parameter sets, then each length-prefixed NAL unit
/// of a sample behind a start code.
fn annex_b(sample: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 4 <= sample.len() {
        let n = u32::from_be_bytes(sample[at..at + 4].try_into().unwrap()) as usize;
        out.extend_from_slice(&[0, 0, 0, 1]);
        out.extend_from_slice(&sample[at + 4..at + 4 + n]);
        at += 4 + n;
    }
    out
}

#[test]
fn video_writes_an_h264_mp4_that_decodes_frame_by_frame_and_a_cancelled_one_leaves_nothing() {
    if !adapter() {
        return;
    }
    use openh264::formats::YUVSource;
    let mp4_path = out("2021.mp4");
    let _ = std::fs::remove_file(&mp4_path);
    let o = atlas(&[
        "video",
        "--out",
        mp4_path.to_str().unwrap(),
        "--from",
        "2021",
        "--to",
        "2021",
        "--step",
        "month",
        "--size",
        "320x180",
        "--fps",
        "6",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&mp4_path).unwrap();
    let size = bytes.len() as u64;
    let mut reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    let track = reader.tracks().get(&1).unwrap().clone();
    assert_eq!((track.width(), track.height()), (320, 180));
    assert_eq!(track.sample_count(), 12, "a frame a month");
    assert!(
        (track.frame_rate() - 6.0).abs() < 0.1,
        "{}",
        track.frame_rate()
    );
    let mut decoder = openh264::decoder::Decoder::new().unwrap();
    let mut head = Vec::new();
    for set in [
        track.sequence_parameter_set().unwrap(),
        track.picture_parameter_set().unwrap(),
    ] {
        head.extend_from_slice(&[0, 0, 0, 1]);
        head.extend_from_slice(set);
    }
    decoder.decode(&head).unwrap();
    let mut decoded = 0;
    for n in 1..=track.sample_count() {
        let sample = reader.read_sample(1, n).unwrap().unwrap();
        if let Some(yuv) = decoder.decode(&annex_b(&sample.bytes)).unwrap() {
            // 4:2:0: full-size luma, colour at half the width and half the height.
            assert_eq!(yuv.dimensions(), (320, 180));
            let (ys, us, _) = yuv.strides();
            assert!(ys >= 320 && us >= 160 && us < 320);
            assert!(yuv.u().len() >= 160 * 90 && yuv.u().len() < 320 * 180);
            decoded += 1;
        }
    }
    decoded += decoder.flush_remaining().unwrap().len();
    assert_eq!(decoded, 12);

    // Cancelled before the first frame: an error, and no file.
    let cancelled = out("cancelled.mp4");
    let _ = std::fs::remove_file(&cancelled);
    let progress = iskp_atlas::io::Progress::default();
    progress.stop();
    let picture = iskp_atlas::export::Picture {
        size: (320, 180),
        ..Default::default()
    };
    let r = iskp_atlas::export::video(
        &picture,
        &cancelled,
        2021,
        2021,
        iskp_atlas::export::Step::Year,
        4,
        &progress,
    );
    assert_eq!(r, Err("cancelled".to_owned()));
    assert!(!cancelled.exists());
    let leftovers = std::fs::read_dir(cancelled.parent().unwrap())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("cancelled.mp4")
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary file either");
}

#[test]
fn the_story_video_opens_on_a_title_card_and_plays_every_chapter() {
    if !adapter() {
        return;
    }
    let path = out("story.mp4");
    let o = atlas(&[
        "video",
        "--story",
        "--out",
        path.to_str().unwrap(),
        "--size",
        "320x180",
        "--fps",
        "4",
        "--seconds",
        "2",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&path).unwrap();
    let size = bytes.len() as u64;
    let reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
    let chapters = iskp_atlas::io::embedded::chapters().len() as u32;
    // Four seconds of title card, then two seconds a chapter, at 4 frames a second.
    assert_eq!(reader.tracks()[&1].sample_count(), 16 + 8 * chapters);
}

/// A poppler tool's output (pdfinfo, pdftotext); `None` when it is not installed, which CI
/// does not allow.
fn poppler(tool: &str, args: &[&str]) -> Option<String> {
    match Command::new(tool).args(args).output() {
        Ok(o) => {
            assert!(
                o.status.success(),
                "{tool}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(String::from_utf8_lossy(&o.stdout).into_owned())
        }
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{tool} is missing: install poppler-utils")
        }
        Err(_) => None,
    }
}

#[test]
fn the_handout_has_a_title_page_a_page_per_chapter_and_the_sources() {
    if !adapter() {
        return;
    }
    let pdf = out("handout.pdf");
    let o = atlas(&[
        "handout",
        "--out",
        pdf.to_str().unwrap(),
        "--chapter",
        "founding",
        "--chapter",
        "pakistan",
        "--paper",
        "letter",
        "--size",
        "800x450",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    let pages: usize = said
        .split(" pages")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {said}"));
    assert!(pages >= 4, "title, two chapters and the sources: {pages}");
    let Some(info) = poppler("pdfinfo", &[pdf.to_str().unwrap()]) else {
        return;
    };
    assert!(
        info.contains(&format!("Pages:           {pages}")),
        "{info}"
    );
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    let text = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]).unwrap();
    let chapters = iskp_atlas::io::embedded::chapters();
    for needle in [
        "ISKP Atlas",
        "Data through February 2026",
        "How to cite",
        "The Resurgence of Islamic State Khorasan Province",
        &chapters.iter().find(|c| c.id == "founding").unwrap().title,
        &chapters.iter().find(|c| c.id == "pakistan").unwrap().title,
        "Incidents in this chapter",
        "Sources cited",
        "Jalalabad",
    ] {
        assert!(text.contains(needle), "'{needle}' is not in the handout");
    }
    // Each page of text is split by a form feed: the title page comes first, alone.
    let first = text.split('\u{c}').next().unwrap();
    assert!(first.contains("How to cite") && !first.contains("Incidents in this chapter"));
    // Links are clickable: the file holds URI actions.
    let raw = std::fs::read(&pdf).unwrap();
    let uris = raw.windows(5).filter(|w| w == b"/URI ").count()
        + raw.windows(4).filter(|w| w == b"/URI").count();
    assert!(uris > 0, "no link annotations");
}
