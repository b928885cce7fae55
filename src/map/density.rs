//! Incidents (or their victims) as a smooth density surface: counted into a grid of small
//! screen cells, blurred, coloured on a logarithmic ramp and drawn as one texture. Redone
//! only when the view, the months, the filters or the measure change.

use super::transform::ScreenTransform;
use crate::model::filter::best_killed;
use crate::model::{Dataset, Measure};
use egui::{Color32, ColorImage, Painter, Rect, TextureHandle, TextureOptions, pos2, vec2};
use std::ops::Range;

/// Grid cell, in points: fine enough to look smooth once the texture is filtered.
pub const CELL_PX: f32 = 5.0;
/// Box radius of each of the three blur passes, in cells: together about a Gaussian with a
/// sigma of 2.45 cells (some 12 points).
const BLUR: usize = 2;
/// Cells beyond each edge, so incidents just off the map still warm its edge.
const MARGIN: usize = 3 * BLUR + 1;

/// The ramp, light to dark (ColorBrewer YlOrRd): reads on a light map and on a dark one.
const RAMP: [[u8; 3]; 5] = [
    [255, 237, 160],
    [254, 178, 76],
    [253, 141, 60],
    [227, 26, 28],
    [128, 0, 38],
];

#[derive(Clone, PartialEq)]
struct Key {
    t: ScreenTransform,
    range: Range<usize>,
    generation: u64,
    measure: Measure,
}

/// What the legend needs to say about the surface just drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scale {
    /// The value the ramp's darkest colour stands for.
    pub top: f32,
    /// The smoothing's reach, in km at the map's centre.
    pub km: f64,
}

#[derive(Default)]
pub struct Density {
    key: Option<Key>,
    texture: Option<TextureHandle>,
    grid: Vec<f32>,
    spare: Vec<f32>,
    scale: Scale,
    /// Where the texture goes.
    rect: Option<Rect>,
}

/// What the surface is computed from this frame.
pub struct Inputs<'a> {
    pub dataset: &'a Dataset,
    pub mask: &'a [bool],
    /// Placed only at a province or a country: left out, since no point can stand for them.
    pub at_area: &'a [bool],
    pub range: Range<usize>,
    /// Bumped whenever the mask is rebuilt.
    pub generation: u64,
    pub measure: Measure,
}

impl Density {
    /// Draws the surface for this frame, recomputing it only if its inputs changed.
    pub fn paint(&mut self, painter: &Painter, t: &ScreenTransform, inputs: &Inputs) -> Scale {
        let key = Key {
            t: *t,
            range: inputs.range.clone(),
            generation: inputs.generation,
            measure: inputs.measure,
        };
        if self.key.as_ref() != Some(&key) || self.texture.is_none() {
            let image = self.compute(t, inputs);
            match &mut self.texture {
                Some(tex) => tex.set(image, TextureOptions::LINEAR),
                None => {
                    self.texture = Some(painter.ctx().load_texture(
                        "density",
                        image,
                        TextureOptions::LINEAR,
                    ));
                }
            }
            self.key = Some(key);
        }
        if let (Some(tex), Some(rect)) = (&self.texture, self.rect) {
            painter.image(
                tex.id(),
                rect,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
        self.scale
    }

    fn compute(&mut self, t: &ScreenTransform, inputs: &Inputs) -> ColorImage {
        let clip = t.clip;
        let w = (clip.width() / CELL_PX).ceil().max(1.0) as usize;
        let h = (clip.height() / CELL_PX).ceil().max(1.0) as usize;
        let (gw, gh) = (w + 2 * MARGIN, h + 2 * MARGIN);
        self.grid.clear();
        self.grid.resize(gw * gh, 0.0);
        let margin_px = MARGIN as f32 * CELL_PX;
        let dataset = inputs.dataset;
        let mut add = |i: u32| {
            let n = i as usize;
            if !inputs.mask.get(n).copied().unwrap_or(false)
                || inputs.at_area.get(n).copied().unwrap_or(false)
            {
                return;
            }
            let weight = match inputs.measure {
                Measure::Incidents => 1.0,
                Measure::Victims => best_killed(&dataset.incidents()[n]).unwrap_or(0) as f32,
            };
            if weight <= 0.0 {
                return;
            }
            let p = t.unit_to_screen(dataset.unit(i));
            let x = ((p.x - clip.left() + margin_px) / CELL_PX).floor();
            let y = ((p.y - clip.top() + margin_px) / CELL_PX).floor();
            if x >= 0.0 && y >= 0.0 && (x as usize) < gw && (y as usize) < gh {
                self.grid[y as usize * gw + x as usize] += weight;
            }
        };
        // The months' run in date order: a straight walk through memory, quicker than the
        // spatial index's scattered cells even when most of it is off the map.
        for i in inputs.range.clone() {
            add(i as u32);
        }
        blur(&mut self.grid, &mut self.spare, gw, gh);
        let norm = peak_norm();
        let mut top = 0.0f32;
        for v in &mut self.grid {
            *v *= norm;
            top = top.max(*v);
        }
        let top = nice_ceiling(top.max(1.0));
        let mut image = ColorImage::new([w, h], vec![Color32::TRANSPARENT; w * h]);
        for y in 0..h {
            for x in 0..w {
                let v = self.grid[(y + MARGIN) * gw + x + MARGIN];
                image.pixels[y * w + x] = color(v, top);
            }
        }
        let px_per_km = t.world_px()
            / (40_075.0
                * t.screen_to_lonlat(t.clip.center())[1]
                    .to_radians()
                    .cos()
                    .max(0.1));
        self.scale = Scale {
            top,
            km: (2.0 * 2.45 * f64::from(CELL_PX)) / px_per_km,
        };
        self.rect = Some(Rect::from_min_size(
            clip.min,
            vec2(w as f32 * CELL_PX, h as f32 * CELL_PX),
        ));
        image
    }
}

/// Three box passes each way: close to a Gaussian, at a cost that does not grow with the
/// radius.
fn blur(grid: &mut [f32], spare: &mut Vec<f32>, w: usize, h: usize) {
    spare.clear();
    spare.resize(grid.len(), 0.0);
    for _ in 0..3 {
        for row in 0..h {
            box_pass(
                &grid[row * w..(row + 1) * w],
                &mut spare[row * w..(row + 1) * w],
            );
        }
        grid.copy_from_slice(spare);
    }
    for _ in 0..3 {
        box_rows(grid, spare, w, h);
        grid.copy_from_slice(spare);
    }
}

/// One box average along `src`, into `dst`.
fn box_pass(src: &[f32], dst: &mut [f32]) {
    let n = src.len();
    let width = (2 * BLUR + 1) as f32;
    let mut sum: f32 = src[..=BLUR.min(n.saturating_sub(1))].iter().sum();
    for i in 0..n {
        dst[i] = sum / width;
        if i + BLUR + 1 < n {
            sum += src[i + BLUR + 1];
        }
        if i >= BLUR {
            sum -= src[i - BLUR];
        }
    }
}

/// One box average down the columns, a whole row at a time: the running sum is a row of
/// sums, so the work walks memory in order instead of striding down each column.
fn box_rows(grid: &[f32], out: &mut [f32], w: usize, h: usize) {
    let width = (2 * BLUR + 1) as f32;
    let mut sum = vec![0.0f32; w];
    let row = |r: usize| &grid[r * w..(r + 1) * w];
    for r in 0..=BLUR.min(h.saturating_sub(1)) {
        sum.iter_mut().zip(row(r)).for_each(|(s, v)| *s += v);
    }
    for r in 0..h {
        out[r * w..(r + 1) * w]
            .iter_mut()
            .zip(&sum)
            .for_each(|(o, s)| *o = s / width);
        if r + BLUR + 1 < h {
            sum.iter_mut()
                .zip(row(r + BLUR + 1))
                .for_each(|(s, v)| *s += v);
        }
        if r >= BLUR {
            sum.iter_mut().zip(row(r - BLUR)).for_each(|(s, v)| *s -= v);
        }
    }
}

/// What scales the blurred grid so one incident alone reads 1 at its own cell: values then
/// read as "about this many incidents here".
fn peak_norm() -> f32 {
    let n = 4 * MARGIN + 1;
    let mut line = vec![0.0; n];
    line[n / 2] = 1.0;
    let mut out = vec![0.0; n];
    for _ in 0..3 {
        box_pass(&line, &mut out);
        line.copy_from_slice(&out);
    }
    let centre = line[n / 2];
    1.0 / (centre * centre)
}

/// 1, 2, 5, 10, 20, 50 ...: the smallest at or above `v`.
pub fn nice_ceiling(v: f32) -> f32 {
    let mut base = 1.0;
    loop {
        for step in [1.0, 2.0, 5.0] {
            if step * base >= v {
                return step * base;
            }
        }
        base *= 10.0;
    }
}

/// A value on the logarithmic ramp: transparent where nearly nothing happened, then light to
/// dark; `s` from 0 to 1.
pub fn ramp(s: f32) -> Color32 {
    let s = s.clamp(0.0, 1.0) * (RAMP.len() - 1) as f32;
    let k = (s.floor() as usize).min(RAMP.len() - 2);
    let f = s - k as f32;
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * f) as u8;
    let (a, b) = (RAMP[k], RAMP[k + 1]);
    Color32::from_rgb(mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2]))
}

/// Where `v` sits on the ramp whose darkest colour stands for `top`.
pub fn ramp_position(v: f32, top: f32) -> f32 {
    (v.max(0.0).ln_1p() / top.max(1.0).ln_1p()).clamp(0.0, 1.0)
}

fn color(v: f32, top: f32) -> Color32 {
    if v < 0.03 {
        return Color32::TRANSPARENT;
    }
    let s = ramp_position(v, top);
    // Fades in over the faintest values, so the surface has soft edges, not a rim.
    let alpha = (0.55 + 0.35 * s) * ((v - 0.03) / 0.25).clamp(0.0, 1.0);
    let c = ramp(s);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), (alpha * 255.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_incident_reads_one_and_the_scale_is_round() {
        let n = 31;
        let mut grid = vec![0.0; n * n];
        grid[15 * n + 15] = 1.0;
        let mut spare = Vec::new();
        blur(&mut grid, &mut spare, n, n);
        let peak = grid[15 * n + 15] * peak_norm();
        assert!((peak - 1.0).abs() < 1e-4, "{peak}");
        let total: f32 = grid.iter().sum();
        assert!(
            (total - 1.0).abs() < 1e-3,
            "blurring keeps the count: {total}"
        );
        assert_eq!(nice_ceiling(0.7), 1.0);
        assert_eq!(nice_ceiling(37.0), 50.0);
        assert_eq!(nice_ceiling(200.0), 200.0);
        assert_eq!(color(0.0, 10.0), Color32::TRANSPARENT);
        assert!(ramp_position(10.0, 10.0) > ramp_position(2.0, 10.0));
    }
}
