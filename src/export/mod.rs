//! Pictures for slides, drawn by the real app through the headless harness (the same UI
//! code as the window) on the stage layout: map, date stamp, legend, chapter card,
//! attribution. Files are written atomically (`io::atomic`), so a failed export never leaves
//! half a picture.

mod gif;
mod handout;
mod video;

pub use video::even;

use crate::app::{AtlasApp, Launch};
use crate::io::Progress;
pub use crate::job::{Exporter, JobKind, Paper, Picture, Step};
use egui_kittest::Harness;
use egui_kittest::wgpu::WgpuTestRenderer;
use std::path::Path;
use std::time::{Duration, Instant};

/// The exporter the window uses: PNG and GIF through the same code as `render` and
/// `animate`.
pub fn exporter() -> Exporter {
    Exporter::new(|request, progress| {
        let out = &request.out;
        match request.kind {
            JobKind::Png => {
                render_png(&request.picture, out).map(|()| format!("Saved {}", out.display()))
            }
            JobKind::Gif {
                from,
                to,
                step,
                fps,
            } => animate_gif_with(&request.picture, out, from, to, step, fps, progress)
                .map(|n| format!("Saved {} ({n} frames)", out.display())),
            JobKind::Mp4 {
                from,
                to,
                step,
                fps,
            } => video(&request.picture, out, from, to, step, fps, progress)
                .map(|n| format!("Saved {} ({n} frames)", out.display())),
            JobKind::Handout { paper } => handout(&request.picture, out, paper, &[], progress)
                .map(|n| format!("Saved {} ({n} pages)", out.display())),
            JobKind::StoryMp4 { seconds, fps } => {
                story_video(&request.picture, out, seconds, fps, progress)
                    .map(|n| format!("Saved {} ({n} frames)", out.display()))
            }
        }
    })
}

/// Each step of the headless app advances its clock by this much.
const STEP_SECONDS: f32 = 1.0 / 30.0;

/// A harness showing the atlas on stage at `size`, with every tile drawn.
fn stage(p: &Picture) -> Result<Harness<'static, AtlasApp>, String> {
    let renderer = std::panic::catch_unwind(WgpuTestRenderer::new).map_err(|_| {
        "no graphics adapter for off-screen rendering (on Debian: apt-get install mesa-vulkan-drivers)".to_owned()
    })?;
    let launch = Launch {
        year: p.year,
        // A saved state already holds its chapter and the view the user settled on.
        chapter: if p.state.is_some() {
            None
        } else {
            p.chapter.clone()
        },
        present: true,
        stage_only: true,
        provenance: true,
        data: p.data.clone(),
        ..Default::default()
    };
    let theme = p.theme;
    let saved = p.state.clone();
    let (mode, compare) = (p.mode, p.compare.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(p.size.0 as f32, p.size.1 as f32))
        .with_step_dt(STEP_SECONDS)
        .renderer(renderer)
        .build_eframe(move |cc| {
            let mut app = AtlasApp::new(&cc.egui_ctx, saved.as_deref(), launch);
            if let Some(t) = theme {
                app.state.theme = t;
            }
            if let Some(c) = compare {
                app.run(crate::commands::Command::SetCompare(Box::new(c)));
                app.run(crate::commands::Command::SetMode(
                    crate::model::MapMode::Compare,
                ));
            }
            if let Some(m) = mode {
                app.run(crate::commands::Command::SetMode(m));
            }
            app
        });
    if let Some(chapter) = &p.chapter
        && !h.state().chapters().iter().any(|c| &c.id == chapter)
    {
        let known: Vec<String> = h.state().chapters().iter().map(|c| c.id.clone()).collect();
        return Err(format!(
            "no chapter '{chapter}'; chapters are: {}",
            known.join(", ")
        ));
    }
    settle(&mut h)?;
    Ok(h)
}

/// Steps until the map has landed and every visible tile is drawn.
fn settle(h: &mut Harness<'static, AtlasApp>) -> Result<(), String> {
    let start = Instant::now();
    loop {
        h.step();
        let app = h.state();
        if !app.flying() && app.last_frame.basemap_complete && app.offline_tiles_pending() == 0 {
            h.step();
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(60) {
            return Err("the basemap did not finish drawing within a minute".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Renders one PNG.
pub fn render_png(p: &Picture, out: &Path) -> Result<(), String> {
    crate::io::atomic::check_target(out)?;
    let mut h = stage(p)?;
    let image = h.render()?;
    crate::io::write_atomic(out, |tmp| {
        image
            .save_with_format(tmp, image::ImageFormat::Png)
            .map_err(|e| e.to_string())
    })
}

/// Renders an animated GIF from `from` to `to` (years, inclusive); returns the frame count.
pub fn animate_gif(
    p: &Picture,
    out: &Path,
    from: i32,
    to: i32,
    step: Step,
    fps: u32,
) -> Result<usize, String> {
    animate_gif_with(p, out, from, to, step, fps, &Progress::default())
}

/// [`animate_gif`], reporting each frame to `progress` and stopping if it is cancelled.
pub fn animate_gif_with(
    p: &Picture,
    out: &Path,
    from: i32,
    to: i32,
    step: Step,
    fps: u32,
    progress: &Progress,
) -> Result<usize, String> {
    use std::sync::atomic::Ordering;
    crate::io::atomic::check_target(out)?;
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let mut h = stage(&Picture {
        year: Some(from),
        ..p.clone()
    })?;
    let months = months(from, to, step);
    progress.total.store(months.len(), Ordering::Relaxed);
    // Frames go to the file as they are drawn, so memory does not grow with the length.
    crate::io::write_atomic(out, |tmp| {
        let file = std::fs::File::create(tmp).map_err(|e| e.to_string())?;
        let mut gif = gif::GifWriter::new(std::io::BufWriter::new(file), fps);
        for &m in &months {
            if progress.cancel.load(Ordering::Relaxed) {
                return Err("cancelled".into());
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            h.state_mut().state.timeline.set_cursor(m);
            h.step();
            if h.state().offline_tiles_pending() > 0 {
                settle(&mut h)?;
            }
            gif.add(h.render()?)?;
        }
        gif.finish()
    })?;
    Ok(months.len())
}

/// The months an animation shows, one frame each: every month, or each year's December.
fn months(from: i32, to: i32, step: Step) -> Vec<i32> {
    match step {
        Step::Month => (from * 12..=to * 12 + 11).collect(),
        Step::Year => (from..=to).map(|y| y * 12 + 11).collect(),
    }
}

/// One video frame: a step, and if tiles were still being drawn, a wait for them and
/// another step, so every frame shows the whole basemap.
fn frame(h: &mut Harness<'static, AtlasApp>) -> Result<image::RgbaImage, String> {
    frame_after(h, 1)
}

/// [`frame`] after `steps` steps of the app's clock: a video at `fps` takes 30 / fps steps
/// a frame, so a flight lasts as long in the video as on screen.
fn frame_after(
    h: &mut Harness<'static, AtlasApp>,
    steps: usize,
) -> Result<image::RgbaImage, String> {
    for _ in 1..steps {
        h.step();
    }
    h.step();
    if h.state().offline_tiles_pending() > 0 || !h.state().last_frame.basemap_complete {
        let start = Instant::now();
        while h.state_mut().collect_tiles() > 0 {
            if start.elapsed() > Duration::from_secs(60) {
                return Err("the basemap did not finish drawing within a minute".into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        h.step();
    }
    h.render()
}

/// Writes an MP4 through `draw`, which adds the frames; the file appears only if it all
/// succeeded (a cancelled or failed video leaves nothing).
fn write_video(
    out: &Path,
    size: (u32, u32),
    fps: u32,
    draw: impl FnOnce(&mut video::VideoWriter<std::io::BufWriter<std::fs::File>>) -> Result<(), String>,
) -> Result<(), String> {
    crate::io::write_atomic(out, |tmp| {
        let file = std::fs::File::create(tmp).map_err(|e| e.to_string())?;
        let mut v = video::VideoWriter::new(std::io::BufWriter::new(file), size, fps)?;
        draw(&mut v)?;
        v.finish().map(|_| ())
    })
}

/// Plays the timeline from `from` to `to` (years) into an MP4, a frame per month or year,
/// stopping at the month the data reach; returns the frame count.
pub fn video(
    p: &Picture,
    out: &Path,
    from: i32,
    to: i32,
    step: Step,
    fps: u32,
    progress: &Progress,
) -> Result<usize, String> {
    use std::sync::atomic::Ordering;
    crate::io::atomic::check_target(out)?;
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let size = even(p.size);
    let mut months = months(from, to, step);
    if let Some(last) = crate::io::embedded::data_through() {
        months.retain(|&m| m <= last.max(from * 12));
    }
    let mut h = stage(&Picture {
        year: Some(from),
        size,
        ..p.clone()
    })?;
    progress.total.store(months.len(), Ordering::Relaxed);
    write_video(out, size, fps, |v| {
        for &m in &months {
            if progress.cancelled() {
                return Err("cancelled".into());
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            h.state_mut().state.timeline.set_cursor(m);
            v.add(&frame(&mut h)?)?;
        }
        Ok(())
    })?;
    Ok(months.len())
}

/// The PDF handout of `chapters` (every chapter when empty) on `paper`, its pictures the
/// stage at the picture's size; returns the page count.
pub fn handout(
    p: &Picture,
    out: &Path,
    paper: Paper,
    chapters: &[String],
    progress: &Progress,
) -> Result<usize, String> {
    crate::io::atomic::check_target(out)?;
    let mut h = stage(&Picture {
        chapter: None,
        state: None,
        year: None,
        ..p.clone()
    })?;
    let (bytes, pages) = handout::write(&mut h, chapters, paper, progress)?;
    crate::io::write_atomic(out, |tmp| {
        std::fs::write(tmp, &bytes).map_err(|e| e.to_string())
    })?;
    Ok(pages)
}

/// How long the story video's title card stays, in seconds.
const TITLE_SECONDS: f32 = 4.0;

/// The whole story as one MP4: the title card, then every chapter in order for `seconds`
/// each: the flight to its view, its years played month by month, a short hold on the
/// last. Returns the frame count.
pub fn story_video(
    p: &Picture,
    out: &Path,
    seconds: f32,
    fps: u32,
    progress: &Progress,
) -> Result<usize, String> {
    use crate::commands::Command;
    use std::sync::atomic::Ordering;
    crate::io::atomic::check_target(out)?;
    if !(2.0..=120.0).contains(&seconds) {
        return Err(format!("{seconds} seconds a chapter: give 2 to 120"));
    }
    let fps = fps.clamp(1, 60);
    let size = even(p.size);
    let picture = Picture {
        size,
        chapter: None,
        state: None,
        year: None,
        ..p.clone()
    };
    let mut h = stage(&picture)?;
    let steps = ((1.0 / STEP_SECONDS) / fps as f32).round().max(1.0) as usize;
    let chapters = h.state().chapters().to_vec();
    if chapters.is_empty() {
        return Err("the story has no chapters".into());
    }
    let title = (TITLE_SECONDS * fps as f32).round() as usize;
    let per = ((seconds * fps as f32).round() as usize).max(3);
    let total = title + per * chapters.len();
    progress.total.store(total, Ordering::Relaxed);
    write_video(out, size, fps, |v| {
        h.state_mut().set_title_card(true);
        // A few steps: egui sizes a new area on its first frame before showing it.
        let card = frame_after(&mut h, 3)?;
        for _ in 0..title {
            if progress.cancelled() {
                return Err("cancelled".into());
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            v.add(&card)?;
        }
        h.state_mut().set_title_card(false);
        for (i, chapter) in chapters.iter().enumerate() {
            h.state_mut().run(Command::GoToChapter(i));
            let (first, last) = chapter.months();
            // About a second of flight on the first month, the years played, half a second
            // held on the last month.
            let fly = (fps as usize).min(per / 3);
            let hold = (fps as usize / 2).min(per / 4);
            let play = (per - fly - hold).max(1);
            for k in 0..per {
                if progress.cancelled() {
                    return Err("cancelled".into());
                }
                progress.done.fetch_add(1, Ordering::Relaxed);
                let month = if k < fly {
                    first
                } else {
                    let t = ((k - fly + 1) as f32 / play as f32).min(1.0);
                    first + ((last - first) as f32 * t).round() as i32
                };
                h.state_mut().state.timeline.set_cursor(month);
                v.add(&frame_after(&mut h, steps)?)?;
            }
        }
        Ok(())
    })?;
    Ok(total)
}

/// "1920x1080" to (1920, 1080).
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{s}' is not WIDTHxHEIGHT"))?;
    let n = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (64..=8192).contains(n))
    };
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("'{s}': width and height must be 64 to 8192 pixels")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_are_refused() {
        assert_eq!(parse_size("1920x1080"), Ok((1920, 1080)));
        assert_eq!(parse_size("800X600"), Ok((800, 600)));
        assert!(parse_size("1920").is_err());
        assert!(parse_size("0x10").is_err());
        assert!(parse_size("axb").is_err());
    }
}
