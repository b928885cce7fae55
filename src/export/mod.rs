//! Pictures for slides, drawn by the real app through the headless harness (the same UI
//! code as the window) on the stage layout: map, date stamp, legend, chapter card,
//! attribution. Files are written atomically (`io::atomic`), so a failed export never leaves
//! half a picture.

mod gif;

use crate::app::{AtlasApp, Launch};
use crate::io::Progress;
pub use crate::job::{Exporter, JobKind, Picture, Step};
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
        }
    })
}

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
        data: p.data.clone(),
        ..Default::default()
    };
    let theme = p.theme;
    let saved = p.state.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(p.size.0 as f32, p.size.1 as f32))
        .with_step_dt(1.0 / 30.0)
        .renderer(renderer)
        .build_eframe(move |cc| {
            let mut app = AtlasApp::new(&cc.egui_ctx, saved.as_deref(), launch);
            if let Some(t) = theme {
                app.state.theme = t;
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
    let months: Vec<i32> = match step {
        Step::Month => (from * 12..=to * 12 + 11).collect(),
        Step::Year => (from..=to).map(|y| y * 12 + 11).collect(),
    };
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
