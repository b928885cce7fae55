//! Draws one basemap tile into an RGBA image with tiny-skia. Pure CPU, no egui: the offline
//! tile source runs it on worker threads, tests run it directly.

use super::data::{Basemap, LayerKind, Shape, VectorLayer};
use super::style::{Palette, Rgba, Stroke};
use super::tile_math::tile_bounds;
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, StrokeDash, Transform,
};

/// A rendered tile: `size` x `size` pixels, RGBA, premultiplied alpha (fully opaque anyway).
pub struct TileImage {
    pub size: u32,
    pub rgba: Vec<u8>,
}

/// Renders tile (x, y) at `zoom` at `size` pixels across.
pub fn render_tile(
    map: &Basemap,
    palette: &Palette,
    zoom: u8,
    x: u32,
    y: u32,
    size: u32,
) -> TileImage {
    let mut pixmap = Pixmap::new(size, size).unwrap_or_else(|| {
        // Only a zero size fails; fall back to one pixel rather than panic.
        Pixmap::new(1, 1).expect("1x1 pixmap")
    });
    pixmap.fill(color(palette.sea));
    let view = View::new(zoom, x, y, size);

    // Outside the detailed region only the world layers have data, and inside it only the
    // region layers do, so both can be drawn everywhere without overlap.
    let fill_layers = [
        ("world_land", palette.land),
        ("land", palette.land),
        ("lakes", palette.lake),
    ];
    for (name, rgba) in fill_layers {
        if let Some(layer) = map.layer(name) {
            fill_layer(&mut pixmap, &view, layer, rgba);
        }
    }
    let line_layers = [
        ("rivers", palette.river),
        ("coast", palette.coast),
        ("world_coast", palette.coast),
        ("admin1", palette.admin1),
        ("world_borders", palette.border),
        ("borders", palette.border),
    ];
    for (name, stroke) in line_layers {
        if let Some(layer) = map.layer(name) {
            stroke_layer(&mut pixmap, &view, layer, &stroke);
        }
    }
    TileImage {
        size: pixmap.width(),
        rgba: pixmap.take(),
    }
}

/// Which part of the mercator plane the pixmap shows.
struct View {
    zoom: u8,
    x0: i64,
    y0: i64,
    span: i64,
    scale: f32,
}

impl View {
    fn new(zoom: u8, x: u32, y: u32, size: u32) -> Self {
        let (x0, y0, span) = tile_bounds(x, y, zoom);
        Self {
            zoom,
            x0,
            y0,
            span,
            scale: size as f32 / span as f32,
        }
    }

    /// Does a bbox, grown by `margin_px`, touch the tile?
    fn touches(&self, bbox: &[i32; 4], margin_px: f32) -> bool {
        let m = (margin_px / self.scale) as i64 + 1;
        i64::from(bbox[2]) >= self.x0 - m
            && i64::from(bbox[0]) <= self.x0 + self.span + m
            && i64::from(bbox[3]) >= self.y0 - m
            && i64::from(bbox[1]) <= self.y0 + self.span + m
    }

    fn px(&self, p: [i32; 2]) -> (f32, f32) {
        (
            (i64::from(p[0]) - self.x0) as f32 * self.scale,
            (i64::from(p[1]) - self.y0) as f32 * self.scale,
        )
    }
}

fn visible<'a>(
    layer: &'a VectorLayer,
    view: &'a View,
    margin: f32,
) -> impl Iterator<Item = &'a Shape> {
    let shapes = layer.shapes(layer.lod_for(view.zoom));
    layer
        .features
        .iter()
        .zip(shapes)
        .filter(move |(f, _)| {
            f32::from(view.zoom) + 0.5 >= f.min_zoom && view.touches(&f.bbox, margin)
        })
        .map(|(_, shape)| shape)
}

fn fill_layer(pixmap: &mut Pixmap, view: &View, layer: &VectorLayer, rgba: Rgba) {
    debug_assert_eq!(layer.kind, LayerKind::Fill);
    let mut paint = Paint::default();
    paint.set_color(color(rgba));
    paint.anti_alias = true;
    let bounds = view.clip_bounds(2.0);
    let mut ring_px = Vec::new();
    let mut clipped = Vec::new();
    for shape in visible(layer, view, 1.0) {
        let mut pb = PathBuilder::new();
        for ring in shape.rings() {
            ring_px.clear();
            ring_px.extend(ring.iter().map(|&p| view.px(p)));
            // Clipping to just outside the tile keeps deep zooms cheap: a continent's
            // outline would otherwise be rasterised in full for every tile it touches.
            clip_ring(&ring_px, bounds, &mut clipped);
            add_points(&mut pb, &clipped, true);
        }
        if let Some(path) = pb.finish() {
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::EvenOdd,
                Transform::identity(),
                None,
            );
        }
    }
}

fn stroke_layer(pixmap: &mut Pixmap, view: &View, layer: &VectorLayer, style: &Stroke) {
    let mut paint = Paint::default();
    paint.set_color(color(style.color));
    paint.anti_alias = true;
    let width = style.width_at(view.zoom);
    let stroke = tiny_skia::Stroke {
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        dash: style
            .dash
            .and_then(|(on, off)| StrokeDash::new(vec![on, off], 0.0)),
        ..Default::default()
    };
    // One path per layer: strokes of one colour can share a single rasterisation.
    let bounds = view.clip_bounds(width + 2.0);
    let mut pb = PathBuilder::new();
    for shape in visible(layer, view, width) {
        for ring in shape.rings() {
            add_visible_segments(&mut pb, view, ring, bounds);
        }
    }
    if let Some(path) = pb.finish() {
        pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
    }
}

/// Adds a polyline, leaving out runs of segments that lie wholly outside `bounds` on one
/// side (they cannot touch the tile); the line restarts where it comes back.
fn add_visible_segments(pb: &mut PathBuilder, view: &View, ring: &[[i32; 2]], bounds: Bounds) {
    let mut prev: Option<(f32, f32)> = None;
    let mut pen_down = false;
    for &p in ring {
        let cur = view.px(p);
        if let Some(prev) = prev {
            if bounds.segment_outside(prev, cur) {
                pen_down = false;
            } else {
                if !pen_down {
                    pb.move_to(prev.0, prev.1);
                    pen_down = true;
                }
                pb.line_to(cur.0, cur.1);
            }
        }
        prev = Some(cur);
    }
}

fn add_points(pb: &mut PathBuilder, points: &[(f32, f32)], close: bool) {
    let Some(&(x, y)) = points.first() else {
        return;
    };
    pb.move_to(x, y);
    for &(x, y) in &points[1..] {
        pb.line_to(x, y);
    }
    if close {
        pb.close();
    }
}

/// An axis-aligned rectangle in tile pixels.
#[derive(Clone, Copy)]
struct Bounds {
    min: f32,
    max: f32,
}

impl Bounds {
    /// True when both ends are beyond the same edge, so the segment cannot cross the tile.
    fn segment_outside(&self, a: (f32, f32), b: (f32, f32)) -> bool {
        (a.0 < self.min && b.0 < self.min)
            || (a.0 > self.max && b.0 > self.max)
            || (a.1 < self.min && b.1 < self.min)
            || (a.1 > self.max && b.1 > self.max)
    }
}

impl View {
    /// The tile grown by `margin` pixels on each side.
    fn clip_bounds(&self, margin: f32) -> Bounds {
        Bounds {
            min: -margin,
            max: self.span as f32 * self.scale + margin,
        }
    }
}

/// Sutherland-Hodgman clip of a closed ring to `b`. Any ring, convex or not, comes out as a
/// ring whose inside, within `b`, is the same; the extra edges it gains run along `b`, which
/// lies outside the visible tile.
fn clip_ring(ring: &[(f32, f32)], b: Bounds, out: &mut Vec<(f32, f32)>) {
    out.clear();
    out.extend_from_slice(ring);
    let mut scratch = Vec::with_capacity(ring.len());
    // (axis, keep values >= limit?) for the four edges.
    for (axis, limit, keep_above) in [
        (0, b.min, true),
        (0, b.max, false),
        (1, b.min, true),
        (1, b.max, false),
    ] {
        if out.is_empty() {
            return;
        }
        scratch.clear();
        let coord = |p: (f32, f32)| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: (f32, f32)| {
            if keep_above {
                coord(p) >= limit
            } else {
                coord(p) <= limit
            }
        };
        let mut prev = out[out.len() - 1];
        for &cur in out.iter() {
            let (pi, ci) = (inside(prev), inside(cur));
            if pi != ci {
                let t = (limit - coord(prev)) / (coord(cur) - coord(prev));
                scratch.push((prev.0 + (cur.0 - prev.0) * t, prev.1 + (cur.1 - prev.1) * t));
            }
            if ci {
                scratch.push(cur);
            }
            prev = cur;
        }
        std::mem::swap(out, &mut scratch);
    }
}

fn color(rgba: Rgba) -> Color {
    Color::from_rgba8(rgba[0], rgba[1], rgba[2], rgba[3])
}

#[cfg(test)]
mod tests {
    use super::super::style::palette;
    use super::super::tile_math::tile_containing;
    use super::*;
    use crate::theme::Theme;

    fn distinct_colours(img: &TileImage) -> usize {
        let mut set = std::collections::HashSet::new();
        for px in img.rgba.chunks_exact(4) {
            set.insert([px[0], px[1], px[2]]);
        }
        set.len()
    }

    fn share_of(img: &TileImage, rgba: Rgba) -> f32 {
        let n = img
            .rgba
            .chunks_exact(4)
            .filter(|px| px[..3] == rgba[..3])
            .count();
        n as f32 / (img.size * img.size) as f32
    }

    #[test]
    fn clipping_keeps_what_is_inside_and_drops_what_is_not() {
        let b = Bounds {
            min: 0.0,
            max: 10.0,
        };
        let mut out = Vec::new();
        // A square straddling the right edge becomes the part inside.
        clip_ring(
            &[(5.0, 2.0), (15.0, 2.0), (15.0, 8.0), (5.0, 8.0)],
            b,
            &mut out,
        );
        assert!(out.iter().all(|p| p.0 <= 10.0 && p.0 >= 5.0));
        assert_eq!(out.len(), 4);
        // A ring wholly outside vanishes; one wholly inside is untouched.
        clip_ring(&[(20.0, 2.0), (30.0, 2.0), (30.0, 8.0)], b, &mut out);
        assert!(out.is_empty());
        let inside = [(1.0, 1.0), (9.0, 1.0), (9.0, 9.0)];
        clip_ring(&inside, b, &mut out);
        assert_eq!(out, inside);
        assert!(b.segment_outside((-5.0, 1.0), (-1.0, 9.0)));
        assert!(!b.segment_outside((-5.0, 1.0), (15.0, 9.0)));
    }

    #[test]
    fn a_tile_over_kabul_is_land_with_borders_and_rivers() {
        let map = Basemap::embedded();
        let pal = palette(Theme::Light);
        let (x, y) = tile_containing(69.18, 34.53, 7);
        let img = render_tile(&map, &pal, 7, x, y, 256);
        assert_eq!(img.rgba.len(), 256 * 256 * 4);
        assert!(
            share_of(&img, pal.land) > 0.5,
            "Kabul should be mostly land"
        );
        assert_eq!(share_of(&img, pal.sea), 0.0, "no sea around Kabul");
        assert!(
            distinct_colours(&img) > 20,
            "expected lines drawn over the land"
        );
    }

    #[test]
    fn a_tile_over_the_arabian_sea_is_all_sea() {
        let map = Basemap::embedded();
        let pal = palette(Theme::Light);
        let (x, y) = tile_containing(64.0, 16.0, 7);
        let img = render_tile(&map, &pal, 7, x, y, 256);
        assert_eq!(share_of(&img, pal.sea), 1.0);
    }

    #[test]
    fn coast_tile_has_both_and_themes_differ() {
        let map = Basemap::embedded();
        // Karachi's coast.
        let (x, y) = tile_containing(67.0, 24.85, 8);
        let light = render_tile(&map, &palette(Theme::Light), 8, x, y, 256);
        assert!(share_of(&light, palette(Theme::Light).sea) > 0.05);
        assert!(share_of(&light, palette(Theme::Light).land) > 0.05);
        let dark = render_tile(&map, &palette(Theme::Dark), 8, x, y, 256);
        assert_ne!(light.rgba, dark.rgba);
    }

    #[test]
    fn world_tiles_outside_the_region_have_land_too() {
        // Western Europe at zoom 4 comes from the 50m world layer.
        let map = Basemap::embedded();
        let pal = palette(Theme::Light);
        let (x, y) = tile_containing(2.35, 48.85, 4);
        let img = render_tile(&map, &pal, 4, x, y, 256);
        assert!(share_of(&img, pal.land) > 0.3);
    }
}
