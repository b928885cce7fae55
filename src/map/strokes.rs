//! Lines as one strip of two triangles a segment (a dash of a dashed line is a strip of its
//! own), their soft edge read from a small texture. egui's own strokes soften the edge with
//! two more strips of triangles, six a segment: the areas' outlines were two fifths of the
//! first frame's triangles, and a software rasteriser pays for every one in time and memory.

use egui::{Color32, Context, Id, Mesh, Pos2, Stroke, TextureHandle, TextureId, Vec2};

/// Line widths the texture has a row for, in pixels: a row every eighth of a pixel, to just
/// under 16. A power of two, like the tiles' and the fonts' textures: llvmpipe compiles
/// another shader for a texture whose size is not.
const ROWS: usize = 128;
const ROWS_PER_PIXEL: f32 = 8.0;
/// Texels across a line: a pixel-wide softening spans at least two of them.
const ACROSS: usize = 32;
/// A corner's point may reach this many half-widths out; sharper ones are cut back.
const MITER_LIMIT: f32 = 4.0;

/// The lines of one overlay, in one mesh.
pub struct Strokes {
    pub mesh: Mesh,
    pixels_per_point: f32,
}

impl Strokes {
    pub fn new(ctx: &Context) -> Self {
        Self {
            mesh: Mesh::with_texture(texture(ctx)),
            pixels_per_point: ctx.pixels_per_point(),
        }
    }

    /// A line through `points` in dashes `dash` long with `gap` between, starting with a
    /// dash, as egui's `Shape::dashed_line` lays them out; a dash turns corners with the line.
    pub fn dashed(&mut self, points: &[Pos2], stroke: Stroke, dash: f32, gap: f32) {
        if dash <= 0.0 || gap < 0.0 || points.len() < 2 {
            return;
        }
        let mut drawing = true;
        // What is left of the current dash or gap.
        let mut left = dash;
        let mut current = vec![points[0]];
        for w in points.windows(2) {
            let (mut from, to) = (w[0], w[1]);
            let mut length = (to - from).length();
            while length >= left {
                let at = from + (to - from) * (left / length);
                length -= left;
                from = at;
                if drawing {
                    current.push(at);
                    self.line(&current, false, stroke);
                }
                current.clear();
                current.push(at);
                drawing = !drawing;
                left = if drawing { dash } else { gap.max(f32::EPSILON) };
            }
            left -= length;
            if drawing {
                current.push(to);
            }
        }
        if drawing && current.len() > 1 {
            self.line(&current, false, stroke);
        }
    }

    /// A solid line through `points`, back to the first if `closed`, drawn as egui draws a
    /// stroke: full colour `stroke.width` wide less a pixel, fading out over a pixel.
    pub fn line(&mut self, points: &[Pos2], closed: bool, stroke: Stroke) {
        let ppp = self.pixels_per_point;
        let width_px = (stroke.width * ppp).clamp(0.0, (ROWS - 1) as f32 / ROWS_PER_PIXEL);
        if stroke.color.a() == 0 || width_px <= 0.0 {
            return;
        }
        let row = (width_px * ROWS_PER_PIXEL).round() as usize;
        let v = (row as f32 + 0.5) / ROWS as f32;
        let half = half_width_px(row as f32 / ROWS_PER_PIXEL) / ppp;
        let points = distinct(points);
        let closed = closed && points.len() > 2;
        if points.len() < 2 {
            return;
        }
        let n = points.len();
        let segments = if closed { n } else { n - 1 };
        let normal = |k: usize| {
            let d = points[(k + 1) % n] - points[k];
            Vec2::new(-d.y, d.x).normalized()
        };
        let base = self.mesh.vertices.len() as u32;
        for (i, &point) in points.iter().enumerate() {
            let before = if i > 0 {
                Some(normal(i - 1))
            } else if closed {
                Some(normal(n - 1))
            } else {
                None
            };
            let after = (i < segments).then(|| normal(i));
            let miter = match (before, after) {
                (Some(a), Some(b)) => {
                    let m = (a + b) / 2.0;
                    let len_sq = m.length_sq();
                    if len_sq * MITER_LIMIT * MITER_LIMIT < 1.0 {
                        // Nearly doubling back: a point this far out would be a spike.
                        // Straight back has no middle; the line's own way on does.
                        let way = if len_sq > 1e-12 {
                            m.normalized()
                        } else {
                            Vec2::new(a.y, -a.x)
                        };
                        way * MITER_LIMIT
                    } else {
                        m / len_sq
                    }
                }
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => Vec2::ZERO,
            };
            let out = miter * half;
            self.mesh
                .vertices
                .push(vertex(point + out, 1.0, v, stroke.color));
            self.mesh
                .vertices
                .push(vertex(point - out, 0.0, v, stroke.color));
        }
        for k in 0..segments as u32 {
            let a = base + 2 * k;
            let b = base + 2 * ((k + 1) % n as u32);
            self.mesh
                .indices
                .extend_from_slice(&[a, a + 1, b, a + 1, b, b + 1]);
        }
    }
}

impl Strokes {
    /// What an overlay paints, bottom first: `fills`, then the lines.
    pub fn finish(self, fills: Mesh) -> [Mesh; 2] {
        [fills, self.mesh]
    }
}

fn vertex(pos: Pos2, u: f32, v: f32, color: Color32) -> egui::epaint::Vertex {
    egui::epaint::Vertex {
        pos,
        uv: egui::pos2(u, v),
        color,
    }
}

/// The points with repeats left out: a zero-length segment has no direction.
fn distinct(points: &[Pos2]) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    for &p in points {
        if out.last().is_none_or(|&q| (p - q).length_sq() > 1e-6) {
            out.push(p);
        }
    }
    if out.len() > 1 && (out[0] - out[out.len() - 1]).length_sq() <= 1e-6 {
        out.pop();
    }
    out
}

/// How far either side of its middle a line `width` pixels wide reaches, softening included.
/// A line under a pixel wide is a pixel-wide fade either side, as egui draws it.
fn half_width_px(width: f32) -> f32 {
    if width < 1.0 {
        1.0
    } else {
        (width + 1.0) / 2.0
    }
}

/// How much of a pixel `d` pixels from the middle of a line `width` pixels wide covers.
fn coverage(width: f32, d: f32) -> f32 {
    if width < 1.0 {
        width * (1.0 - d.abs()).max(0.0)
    } else {
        ((width + 1.0) / 2.0 - d.abs()).clamp(0.0, 1.0)
    }
}

/// The texture: a row per line width, white with the line's coverage across it.
fn image() -> egui::ColorImage {
    let mut pixels = Vec::with_capacity(ACROSS * ROWS);
    for row in 0..ROWS {
        let width = row as f32 / ROWS_PER_PIXEL;
        let half = half_width_px(width);
        for i in 0..ACROSS {
            let u = (i as f32 + 0.5) / ACROSS as f32;
            let a = coverage(width, (u - 0.5) * 2.0 * half);
            let a = (a * 255.0).round() as u8;
            pixels.push(Color32::from_rgba_premultiplied(a, a, a, a));
        }
    }
    egui::ColorImage::new([ACROSS, ROWS], pixels)
}

/// The lines' texture in this context, made the first time it is asked for.
fn texture(ctx: &Context) -> TextureId {
    let id = Id::unique("line-texture");
    if let Some(handle) = ctx.data(|d| d.get_temp::<TextureHandle>(id)) {
        return handle.id();
    }
    let handle = ctx.load_texture("line-edges", image(), egui::TextureOptions::LINEAR);
    let texture = handle.id();
    ctx.data_mut(|d| d.insert_temp(id, handle));
    texture
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_two_triangles_a_segment_and_reaches_half_a_pixel_past_its_width() {
        let ctx = Context::default();
        let mut s = Strokes::new(&ctx);
        let square = [
            egui::pos2(0.0, 0.0),
            egui::pos2(10.0, 0.0),
            egui::pos2(10.0, 10.0),
            egui::pos2(0.0, 10.0),
        ];
        s.line(&square, true, Stroke::new(2.0, Color32::RED));
        assert_eq!(s.mesh.indices.len(), 4 * 6);
        assert_eq!(s.mesh.vertices.len(), 8);
        // A square corner's point is the corner moved out diagonally by the half width.
        let corner = s.mesh.vertices[0].pos;
        assert!((corner.x.abs() - 1.5).abs() < 1e-4 && (corner.y.abs() - 1.5).abs() < 1e-4);
        s.line(&square[..2], false, Stroke::new(2.0, Color32::RED));
        assert_eq!(s.mesh.indices.len(), 5 * 6);
    }

    #[test]
    fn dashes_follow_the_line_and_its_corners() {
        let ctx = Context::default();
        let mut s = Strokes::new(&ctx);
        let line = [egui::pos2(0.0, 0.0), egui::pos2(52.0, 0.0)];
        // 10 on, 6 off over 52: dashes at 0-10, 16-26, 32-42 and 48-52.
        s.dashed(&line, Stroke::new(2.0, Color32::RED), 10.0, 6.0);
        assert_eq!(s.mesh.indices.len(), 4 * 6);
        let xs: Vec<f32> = s.mesh.vertices.iter().step_by(2).map(|v| v.pos.x).collect();
        assert_eq!(xs, [0.0, 10.0, 16.0, 26.0, 32.0, 42.0, 48.0, 52.0]);
        // A dash across a corner bends with it: three points, two segments.
        let mut s = Strokes::new(&ctx);
        let corner = [
            egui::pos2(0.0, 0.0),
            egui::pos2(5.0, 0.0),
            egui::pos2(5.0, 5.0),
        ];
        s.dashed(&corner, Stroke::new(2.0, Color32::RED), 10.0, 6.0);
        assert_eq!((s.mesh.vertices.len(), s.mesh.indices.len()), (6, 2 * 6));
    }

    #[test]
    fn a_hairpin_turn_does_not_spike() {
        let ctx = Context::default();
        let mut s = Strokes::new(&ctx);
        let pin = [
            egui::pos2(0.0, 0.0),
            egui::pos2(100.0, 0.0),
            egui::pos2(0.0, 0.5),
        ];
        s.line(&pin, false, Stroke::new(1.5, Color32::RED));
        let reach = s
            .mesh
            .vertices
            .iter()
            .map(|v| v.pos.x)
            .fold(f32::NEG_INFINITY, f32::max);
        // Without the limit the turn's point would be some 500 px out.
        assert!(reach < 100.0 + MITER_LIMIT * 1.25 + 0.01, "{reach}");
        // Straight back the same way: no point may be lost to a division by nothing.
        let back = [
            egui::pos2(0.0, 0.0),
            egui::pos2(50.0, 0.0),
            egui::pos2(0.0, 0.0),
        ];
        s.line(&back, false, Stroke::new(1.5, Color32::RED));
        assert!(
            s.mesh
                .vertices
                .iter()
                .all(|v| v.pos.x.is_finite() && v.pos.y.is_finite())
        );
    }

    #[test]
    fn the_edge_fades_over_a_pixel_and_thin_lines_are_faint() {
        assert_eq!(coverage(3.0, 0.0), 1.0);
        assert_eq!(coverage(3.0, 1.0), 1.0);
        assert!((coverage(3.0, 1.5) - 0.5).abs() < 1e-6);
        assert_eq!(coverage(3.0, 2.0), 0.0);
        assert!((coverage(0.5, 0.0) - 0.5).abs() < 1e-6);
        let img = image();
        // The middle of a 2 px line's row is solid, its ends clear.
        let row = 16 * ACROSS;
        assert_eq!(img.pixels[row + ACROSS / 2].a(), 255);
        assert!(img.pixels[row].a() < 40);
    }
}
