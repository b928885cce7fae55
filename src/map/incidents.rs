//! Incidents on the map: colour by kind (Okabe-Ito, safe for colour-blind viewers), area by
//! victims killed, solid for claimed and hollow for attributed or disputed; operations and
//! leadership events as diamonds of one size. Merged into clusters on zoomed-out views
//! (labelled with victims only), and picked with the dataset's spatial index.

use super::circles;
use super::cluster::Levels;
use super::transform::ScreenTransform;
use crate::model::filter::best_killed;
use crate::model::{Claim, Dataset, GeoPrecision, Incident, IncidentKind};
use crate::timeline::Timeline;
use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke, pos2};

pub fn kind_color(kind: IncidentKind) -> Color32 {
    let [r, g, b] = kind.rgb();
    Color32::from_rgb(r, g, b)
}

/// Colours for loaded data layers, apart from the kinds' so a layer reads as its own.
pub fn layer_color(layer: u16) -> Color32 {
    const COLORS: [Color32; 5] = [
        Color32::from_rgb(86, 180, 233),
        Color32::from_rgb(120, 94, 240),
        Color32::from_rgb(140, 86, 75),
        Color32::from_rgb(240, 228, 66),
        Color32::from_rgb(90, 90, 90),
    ];
    COLORS[usize::from(layer.saturating_sub(1)) % COLORS.len()]
}

/// Drawn as a ring rather than a disc: nobody in IS claimed it.
pub fn is_hollow(claim: Claim) -> bool {
    matches!(
        claim,
        Claim::Attributed | Claim::Disputed | Claim::Unclaimed
    )
}

/// Marker radius in points: area grows with the victims, so a 100-death attack reads as ten
/// times a 10-death one, with a visible minimum for none or unknown and a cap so the
/// largest does not cover a province. Operations and leadership events are drawn as a
/// diamond of one size: the militants they killed are not victims and never size a marker.
pub fn radius(incident: &Incident, scale: f32) -> f32 {
    if incident.kind.counts_militants() {
        return OPERATION_RADIUS * scale;
    }
    let killed = best_killed(incident).unwrap_or(0) as f32;
    (4.0 + 1.5 * killed.sqrt()).min(22.0) * scale
}

/// Half the diagonal of an operation's diamond.
pub const OPERATION_RADIUS: f32 = 7.0;

/// The diamond an operation against ISKP or a leadership event is drawn as.
pub fn diamond(painter: &Painter, at: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    let points = vec![
        at + egui::vec2(0.0, -r),
        at + egui::vec2(r, 0.0),
        at + egui::vec2(0.0, r),
        at + egui::vec2(-r, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(points, fill, stroke));
}

/// Markers shrink below zoom 6 so that on a continent-wide view they mark places rather
/// than cover whole provinces.
pub fn zoom_scale(zoom: f64) -> f32 {
    (0.55 + 0.15 * (zoom as f32 - 3.0)).clamp(0.55, 1.0)
}

/// Markers this far outside the map are still drawn, so one straddling the edge is not cut
/// off before it leaves the screen.
pub const CULL_MARGIN_PX: f32 = 30.0;

/// Below this zoom, markers closer than [`CLUSTER_CELL_PX`] merge into counted clusters.
pub const CLUSTER_BELOW_ZOOM: f64 = 7.0;
pub const CLUSTER_CELL_PX: f64 = 40.0;
/// Above this many incidents, clusters are precomputed for every zoom up to 12.
pub const LARGE_DATASET: usize = 20_000;
/// Zoomed in, more markers than this in view are merged too.
pub const DENSE_LIMIT: usize = 1500;
/// Clusters up to this size list their incidents on a click; bigger ones zoom in.
pub const LIST_LIMIT: usize = 200;
/// At most this many clusters carry a death toll label.
pub const MAX_TOLL_LABELS: usize = 60;

/// One thing drawn this frame, kept for picking.
#[derive(Debug, Clone)]
pub enum Mark {
    Incident {
        id: u32,
        at: Pos2,
        radius: f32,
    },
    /// `members` lists the `count` incidents when there are at most [`LIST_LIMIT`], else none.
    Cluster {
        members: Vec<u32>,
        count: usize,
        /// Victims killed in its incidents: operations add nothing.
        killed: u32,
        at: Pos2,
        radius: f32,
    },
    /// Incidents placed only at a province or a country, as that area's badge.
    Area {
        members: Vec<u32>,
        count: usize,
        /// "Nangarhar, AFG" or "Afghanistan".
        name: String,
        at: Pos2,
        radius: f32,
    },
}

impl Mark {
    pub fn at(&self) -> (Pos2, f32) {
        match self {
            Mark::Incident { at, radius, .. }
            | Mark::Cluster { at, radius, .. }
            | Mark::Area { at, radius, .. } => (*at, *radius),
        }
    }
}

/// What the incident layer drew this frame.
#[derive(Debug, Clone, Default)]
pub struct Drawn {
    pub marks: Vec<Mark>,
    /// Incidents on screen, whether alone or in a cluster.
    pub incidents: usize,
}

impl Drawn {
    /// The marks under `pointer`, topmost first.
    pub fn pick(&self, pointer: Pos2) -> Option<&Mark> {
        self.marks.iter().rev().find(|m| {
            let (at, r) = m.at();
            at.distance(pointer) <= r.max(7.0)
        })
    }

    /// Whether a marker drawn this frame overlaps `rect`.
    pub fn covers(&self, rect: egui::Rect) -> bool {
        self.marks.iter().any(|m| {
            let (at, r) = m.at();
            rect.distance_to_pos(at) < r
        })
    }

    /// Every incident marker within reach of `pointer` (several may share one site).
    pub fn incidents_at(&self, pointer: Pos2) -> Vec<u32> {
        self.marks
            .iter()
            .rev()
            .filter_map(|m| match m {
                Mark::Incident { id, at, radius } if at.distance(pointer) <= radius.max(7.0) => {
                    Some(*id)
                }
                _ => None,
            })
            .collect()
    }
}

pub struct Style {
    pub scale: f32,
    pub halo: Color32,
    pub ink: Color32,
}

/// Several incidents drawn as one numbered circle.
struct Group {
    /// Centre in mercator fractions.
    center: [f64; 2],
    /// The members listed on a click: none above [`LIST_LIMIT`].
    listed: Vec<u32>,
    count: usize,
    killed: u32,
}

impl Group {
    /// From a cluster level's cell: its members are copied only if they will be listed.
    fn of_cell(center: [f64; 2], members: &[u32], killed: u32) -> Self {
        let listed = if members.len() <= LIST_LIMIT {
            members.to_vec()
        } else {
            Vec::new()
        };
        Self {
            center,
            listed,
            count: members.len(),
            killed,
        }
    }

    fn of_members(center: [f64; 2], members: Vec<u32>, killed: u32) -> Self {
        let count = members.len();
        let listed = if count <= LIST_LIMIT {
            members
        } else {
            Vec::new()
        };
        Self {
            center,
            listed,
            count,
            killed,
        }
    }
}

/// Which months are drawn, and the timeline that fades and pulses them; without one (two
/// periods side by side) every marker is drawn plain.
pub struct Scope<'a> {
    pub range: std::ops::Range<usize>,
    pub timeline: Option<&'a Timeline>,
    /// Per incident: placed only at a province or a country, so drawn as that area instead.
    pub at_area: &'a [bool],
}

impl Scope<'_> {
    fn fade(&self, month: i32) -> f32 {
        self.timeline.map_or(1.0, |t| t.fade(month))
    }

    fn pulse(&self, month: i32) -> f32 {
        self.timeline.map_or(0.0, |t| t.pulse(month))
    }
}

/// Draws the incidents that pass `mask` in the scope's months, inside the view. Zoomed out, the
/// precomputed cluster `levels` give the counts per cell by binary search; zoomed in, the
/// spatial index finds the markers in view. Either way the work follows what is on screen.
#[allow(clippy::too_many_arguments)]
pub fn paint(
    painter: &Painter,
    t: &ScreenTransform,
    dataset: &Dataset,
    mask: &[bool],
    levels: &Levels,
    scope: &Scope,
    style: &Style,
    selected: Option<u32>,
    highlight: &[u32],
    scratch: &mut Vec<u32>,
) -> Drawn {
    let range = scope.range.clone();
    let view = t.visible_units(CULL_MARGIN_PX);
    let in_view =
        |u: [f64; 2]| (view[0]..=view[2]).contains(&u[0]) && (view[1]..=view[3]).contains(&u[1]);
    let shown = |i: u32| {
        range.contains(&(i as usize))
            && mask.get(i as usize).copied().unwrap_or(false)
            && !scope.at_area.get(i as usize).copied().unwrap_or(false)
    };
    let mut drawn = Drawn::default();
    let mut singles: Vec<u32> = Vec::new();
    let mut groups: Vec<Group> = Vec::new();
    if t.zoom < levels.below_zoom() as f64 - 0.5 && !levels.is_empty() {
        for cell in levels.cells(t.zoom, view) {
            let (a, b) = cell.in_range(&range);
            if a == b {
                continue;
            }
            drawn.incidents += b - a;
            let members = &cell.members[a..b];
            if members.len() == 1 {
                singles.push(members[0]);
            } else {
                groups.push(Group::of_cell(cell.center, members, cell.killed(a, b)));
            }
        }
        // A story chapter's incidents are also drawn on their own, ringed.
        for &h in highlight {
            if shown(h) && in_view(dataset.unit(h)) && !singles.contains(&h) {
                singles.push(h);
            }
        }
    } else {
        dataset.index().query(view, scratch);
        // The index answers in whole cells; keep exactly what is in view.
        scratch.retain(|&i| shown(i) && in_view(dataset.unit(i)));
        drawn.incidents = scratch.len();
        if scratch.len() > DENSE_LIMIT {
            merge_dense(dataset, scratch, t.world_px(), &mut singles, &mut groups);
        } else {
            singles.extend_from_slice(scratch);
        }
    }
    paint_groups(painter, t, groups, style, &mut drawn);
    // Single markers oldest to newest, so the latest sit on top.
    singles.sort_unstable();
    for i in singles {
        let ringed = selected == Some(i) || highlight.contains(&i);
        let mark = paint_marker(painter, t, dataset, i, scope, style, ringed);
        drawn.marks.push(mark);
    }
    drawn
}

/// Too many to draw one by one even zoomed in (a city in a large file): merges them in
/// world-pixel cells, as the zoomed-out levels do.
fn merge_dense(
    dataset: &Dataset,
    ids: &[u32],
    world: f64,
    singles: &mut Vec<u32>,
    groups: &mut Vec<Group>,
) {
    let mut cells: std::collections::HashMap<(i64, i64), ([f64; 2], Vec<u32>, u32)> =
        std::collections::HashMap::new();
    for &i in ids {
        let u = dataset.unit(i);
        let key = (
            (u[0] * world / CLUSTER_CELL_PX) as i64,
            (u[1] * world / CLUSTER_CELL_PX) as i64,
        );
        let c = cells.entry(key).or_insert(([0.0, 0.0], Vec::new(), 0));
        c.0[0] += u[0];
        c.0[1] += u[1];
        c.1.push(i);
        c.2 += best_killed(&dataset.incidents()[i as usize]).unwrap_or(0);
    }
    for (_, (sum, members, killed)) in cells {
        let n = members.len();
        if n == 1 {
            singles.push(members[0]);
        } else {
            let center = [sum[0] / n as f64, sum[1] / n as f64];
            groups.push(Group::of_members(center, members, killed));
        }
    }
}

/// Clusters, under the single markers. Death tolls under the largest clusters only:
/// hundreds of small labels would cost more than the map and say less.
fn paint_groups(
    painter: &Painter,
    t: &ScreenTransform,
    groups: Vec<Group>,
    style: &Style,
    drawn: &mut Drawn,
) {
    let mut by_deaths: Vec<u32> = groups.iter().map(|g| g.killed).collect();
    by_deaths.sort_unstable_by(|a, b| b.cmp(a));
    let label_min = by_deaths
        .get(MAX_TOLL_LABELS)
        .copied()
        .map_or(1, |k| k + 1)
        .max(1);
    for g in groups {
        let at = t.unit_to_screen(g.center);
        let r = ((9.0 + 3.0 * (g.count as f32).sqrt()).min(26.0)) * style.scale.max(0.8);
        circles::circle(
            painter,
            at,
            r,
            Color32::from_rgba_unmultiplied(45, 45, 55, 225),
            Stroke::new(2.0, Color32::WHITE),
        );
        painter.text(
            at,
            Align2::CENTER_CENTER,
            g.count.to_string(),
            FontId::proportional((r * 0.85).clamp(11.0, 18.0)),
            Color32::WHITE,
        );
        if g.killed >= label_min {
            let label = format!("† {}", g.killed);
            let below = at + egui::vec2(0.0, r + 2.0);
            let font = FontId::proportional(11.0 * style.scale.max(0.9));
            super::labels::halo_text(
                painter,
                below,
                Align2::CENTER_TOP,
                &label,
                font,
                style.ink,
                style.halo,
                1.0,
            );
        }
        drawn.marks.push(Mark::Cluster {
            members: g.listed,
            count: g.count,
            killed: g.killed,
            at,
            radius: r,
        });
    }
}

/// One incident: colour by kind (or by file), solid or hollow by claim, a diamond for an
/// operation, a pulse when new, a ring when selected or part of the chapter.
fn paint_marker(
    painter: &Painter,
    t: &ScreenTransform,
    dataset: &Dataset,
    i: u32,
    scope: &Scope,
    style: &Style,
    ringed: bool,
) -> Mark {
    let incident = &dataset.incidents()[i as usize];
    let month = dataset.month(i);
    let at = t.unit_to_screen(dataset.unit(i));
    let pulse = scope.pulse(month);
    let r = radius(incident, style.scale) * (1.0 + 0.5 * pulse);
    let color = if incident.layer == 0 {
        kind_color(incident.kind)
    } else {
        layer_color(incident.layer)
    };
    let base = color.gamma_multiply(scope.fade(month));
    if pulse > 0.0 {
        circles::ring(
            painter,
            at,
            r + 6.0 * pulse,
            Stroke::new(2.0, base.gamma_multiply(pulse)),
        );
    }
    let mut r = r;
    if incident.geo_precision == GeoPrecision::District {
        // Somewhere in a district: a soft disc about a district wide (some 15 km), never
        // smaller than the marker, with no solid edge to suggest a site.
        let px_per_km = t.world_px() / (40_075.0 * incident.lat.to_radians().cos().max(0.1));
        r = r.max((15.0 * px_per_km) as f32).min(400.0);
        painter.circle_filled(at, r, base.gamma_multiply(0.28));
        let edge = Stroke::new(2.0 * style.scale.max(0.8), base);
        // Dashed while marker-sized; a district-wide disc gets a faint plain edge, since a
        // few dozen of them dashed cost more than every other marker together.
        if r <= 30.0 {
            dashed_circle(painter, at, r, edge);
        } else {
            circles::ring(painter, at, r, Stroke::new(1.5, base.gamma_multiply(0.6)));
        }
    } else if incident.kind.counts_militants() && incident.layer == 0 {
        diamond(painter, at, r, base, Stroke::new(1.3, style.ink));
    } else if is_hollow(incident.claim) {
        circles::circle(
            painter,
            at,
            r,
            base.gamma_multiply(0.3),
            Stroke::new(2.5 * style.scale.max(0.8), base),
        );
    } else {
        let outline = if incident.claim == Claim::Claimed {
            style.ink
        } else {
            style.halo
        };
        circles::circle(painter, at, r, base, Stroke::new(1.3, outline));
    }
    if ringed {
        circles::ring(painter, at, r + 4.0, Stroke::new(3.0, style.ink));
        circles::ring(painter, at, r + 6.5, Stroke::new(2.0, style.halo));
    }
    Mark::Incident {
        id: i,
        at,
        radius: r,
    }
}

/// A small legend swatch for a kind and claim style, for the legend panel.
pub fn swatch(painter: &Painter, center: Pos2, kind: IncidentKind, hollow: bool, ink: Color32) {
    let c = kind_color(kind);
    if kind.counts_militants() {
        diamond(painter, center, 7.0, c, Stroke::new(1.3, ink));
    } else if hollow {
        painter.circle(center, 6.5, c.gamma_multiply(0.3), Stroke::new(2.5, c));
    } else {
        painter.circle(center, 6.5, c, Stroke::new(1.3, ink));
    }
}

/// Where a size legend puts its sample circles, left to right, for tolls 0, 10, 100.
pub fn size_samples(left: Pos2) -> [(Pos2, f32, &'static str); 3] {
    let r = |k: f32| (4.0 + 1.5 * k.sqrt()).min(22.0);
    [
        (pos2(left.x + 8.0, left.y), r(0.0), "0"),
        (pos2(left.x + 40.0, left.y), r(10.0), "10"),
        (pos2(left.x + 84.0, left.y), r(100.0), "100"),
    ]
}

/// A circle drawn in dashes: a place known only roughly.
pub fn dashed_circle(painter: &Painter, at: Pos2, r: f32, stroke: Stroke) {
    painter.extend(dashed_ring(at, r, stroke));
}

/// The dashes of [`dashed_circle`], about one every 9 points of its edge.
pub fn dashed_ring(at: Pos2, r: f32, stroke: Stroke) -> Vec<egui::Shape> {
    let (dash, gap) = RING_DASH;
    egui::Shape::dashed_line(&ring_points(at, r), stroke, dash, gap)
}

/// A dashed circle's dash and gap, in points.
pub const RING_DASH: (f32, f32) = (5.0, 4.0);

/// The corners of a dashed circle's edge, the first again at the end.
pub fn ring_points(at: Pos2, r: f32) -> Vec<Pos2> {
    let n = ((std::f32::consts::TAU * r / 4.5).round() as usize).clamp(12, 96);
    (0..=n)
        .map(|k| {
            let a = k as f32 / n as f32 * std::f32::consts::TAU;
            at + egui::vec2(a.cos(), a.sin()) * r
        })
        .collect()
}
