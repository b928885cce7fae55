//! Incidents whose sources name only a province or a country, drawn as that area (softly
//! filled, a dashed badge with their number) instead of a pin that would claim
//! a place nobody reported. District-level ones stay at their point as a soft disc
//! (`incidents::paint_marker`).

use super::incidents::{Drawn, LIST_LIMIT, Mark, RING_DASH, Style, ring_points};
use super::places::PlaceShapes;
use super::regions::AreaStyle;
use super::strokes::Strokes;
use super::transform::ScreenTransform;
use crate::io::provinces::Area;
use crate::model::Tally;
use egui::epaint::Tessellator;
use egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Stroke};
use std::ops::Range;
use std::sync::Arc;

/// The areas' fills and edges for one view and one set of counts, reused while neither
/// changes: most frames of a playing timeline add nothing to a province.
#[derive(Default)]
pub struct AreaMeshes {
    key: Option<Key>,
    /// The washes, the edges over them, the badges over both and the badges' dashes.
    meshes: [Arc<Mesh>; 4],
}

/// One area with incidents placed at it in `range`, and its badge.
struct Occupied {
    area: Area,
    members: Vec<u32>,
    count: usize,
    at: Pos2,
    radius: f32,
}

/// Everything the areas' mesh depends on: the view, the scale, the theme's halo, and per area
/// its number, how strongly it is washed and its badge's size.
type Key = (ScreenTransform, f32, f32, Color32, Vec<(usize, usize, u32)>);

/// Draws the areas with incidents placed at them in `range`, with their badges, and adds the
/// badges to `drawn` for picking. `tally` groups incidents by [`Area::index`].
#[allow(clippy::too_many_arguments)]
pub fn paint(
    painter: &Painter,
    t: &ScreenTransform,
    tally: &Tally,
    range: &Range<usize>,
    provinces: usize,
    shapes: &mut PlaceShapes,
    meshes: &mut AreaMeshes,
    style: &Style,
    drawn: &mut Drawn,
) {
    let scale = style.scale.max(0.8);
    let occupied: Vec<Occupied> = tally
        .occupied(range)
        .filter_map(|g| {
            let area = Area::from_index(g, provinces);
            let place = shapes.get(area)?;
            if !place.shape.in_view(t) {
                return None;
            }
            let members = tally.members(g, range);
            let count = members.len();
            Some(Occupied {
                area,
                count,
                at: t.lonlat_to_screen(place.anchor[0], place.anchor[1]),
                radius: (10.0 + 3.0 * (count as f32).sqrt()).min(24.0) * scale,
                members: if count <= LIST_LIMIT {
                    members.to_vec()
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    let ppp = painter.ctx().pixels_per_point();
    let key: Key = (
        *t,
        ppp,
        scale,
        style.halo,
        occupied
            .iter()
            .map(|o| (o.area.index(provinces), o.count.min(6), o.radius.to_bits()))
            .collect(),
    );
    if meshes.key.as_ref() != Some(&key) {
        meshes.meshes = area_mesh(painter.ctx(), t, &occupied, shapes, ppp, style).map(Arc::new);
        meshes.key = Some(key);
    }
    for mesh in &meshes.meshes {
        painter.add(egui::Shape::Mesh(mesh.clone()));
    }
    for o in occupied {
        painter.text(
            o.at,
            Align2::CENTER_CENTER,
            o.count.to_string(),
            FontId::proportional((o.radius * 0.85).clamp(11.0, 18.0)),
            style.ink,
        );
        drawn.incidents += o.count;
        drawn.marks.push(Mark::Area {
            members: o.members,
            count: o.count,
            name: o.area.name(),
            at: o.at,
            radius: o.radius,
        });
    }
}

/// One colour for every area incidents are placed at, whatever their kinds: the badge and the
/// details tell them apart, and a colour that followed the mix would flicker while the
/// timeline plays (and re-tessellate the outlines each time).
pub const AREA_COLOR: Color32 = Color32::from_rgb(213, 94, 0);

/// The areas' washes and edges, then their badges (a translucent disc with a dashed edge,
/// like a cluster but saying "somewhere in here"), tessellated once for the cache.
fn area_mesh(
    ctx: &egui::Context,
    t: &ScreenTransform,
    occupied: &[Occupied],
    shapes: &mut PlaceShapes,
    ppp: f32,
    style: &Style,
) -> [Mesh; 4] {
    let options = ctx.tessellation_options(|o| *o);
    let mut tessellator = Tessellator::new(ppp, options, [1, 1], vec![]);
    tessellator.set_clip_rect(t.clip.expand(8.0));
    let mut mesh = Mesh::default();
    let mut outlines = Strokes::new(ctx);
    for o in occupied {
        // Close in, a country is far wider than the map and its edge says nothing; the
        // badge still does.
        if matches!(o.area, Area::Country(_)) && t.zoom >= 7.0 {
            continue;
        }
        let Some(place) = shapes.get(o.area) else {
            continue;
        };
        // More incidents, a stronger wash, but never enough to hide the map under it. A
        // whole country washed over would drown the map: its edge says enough.
        let alpha = match o.area {
            Area::Province(_) => 0.10 + 0.03 * o.count.min(6) as f32,
            Area::Country(_) => 0.0,
        };
        // Plain edges: the badge's dashes say "somewhere in here", and dashing every
        // province's border would cost more vertices than all the markers.
        let area = AreaStyle {
            fill: AREA_COLOR.gamma_multiply(alpha),
            outline: AREA_COLOR.gamma_multiply(if alpha > 0.0 { 0.9 } else { 0.7 }),
            width: if alpha > 0.0 { 1.6 } else { 1.2 },
            dashed: false,
        };
        place.shape.paint(t, &area, &mut mesh, &mut outlines);
    }
    let ring = Stroke::new(2.2 * style.scale.max(0.8), AREA_COLOR);
    // The badge's tint over a halo that keeps its number readable, as one disc.
    let disc = over(
        AREA_COLOR.gamma_multiply(0.30),
        style.halo.gamma_multiply(0.85),
    );
    let mut badges = Mesh::default();
    // Two triangles a dash, where egui's tessellated dashes were ten.
    let mut dashes = Strokes::new(ctx);
    let (dash, gap) = RING_DASH;
    for o in occupied {
        tessellator.tessellate_shape(
            egui::Shape::circle_filled(o.at, o.radius, disc),
            &mut badges,
        );
        dashes.dashed(&ring_points(o.at, o.radius), ring, dash, gap);
    }
    let [mesh, lines] = outlines.finish(mesh);
    [mesh, lines, badges, dashes.mesh]
}

/// `top` painted over `under` (both premultiplied), as one colour: what the two would blend
/// to, for half the triangles.
fn over(top: Color32, under: Color32) -> Color32 {
    let keep = 255 - u16::from(top.a());
    let mix = |t: u8, u: u8| (u16::from(t) + (u16::from(u) * keep + 127) / 255).min(255) as u8;
    Color32::from_rgba_premultiplied(
        mix(top.r(), under.r()),
        mix(top.g(), under.g()),
        mix(top.b(), under.b()),
        mix(top.a(), under.a()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_disc_blends_like_the_two_it_replaces() {
        let top = AREA_COLOR.gamma_multiply(0.30);
        for under in [Color32::WHITE, Color32::from_rgb(20, 24, 30)] {
            let under = under.gamma_multiply(0.85);
            for map in [
                Color32::from_rgb(233, 228, 216),
                Color32::from_rgb(40, 90, 160),
            ] {
                let two = over(top, over(under, map));
                let one = over(over(top, under), map);
                for (a, b) in two.to_array().into_iter().zip(one.to_array()) {
                    assert!(a.abs_diff(b) <= 1, "{two:?} against {one:?}");
                }
            }
        }
    }
}
