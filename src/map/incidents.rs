//! Incidents on the map: colour by kind (Okabe-Ito, safe for colour-blind viewers), area by
//! death toll, solid for claimed and hollow for attributed or disputed, merged into
//! clusters on zoomed-out views, and picked with the dataset's spatial index.

use super::cluster::Levels;
use super::transform::ScreenTransform;
use crate::model::filter::best_killed;
use crate::model::{Claim, Dataset, Incident, IncidentKind};
use crate::timeline::Timeline;
use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke, pos2};

pub fn kind_color(kind: IncidentKind) -> Color32 {
    match kind {
        IncidentKind::Attack => Color32::from_rgb(213, 94, 0),
        IncidentKind::Plot => Color32::from_rgb(0, 114, 178),
        IncidentKind::Clash => Color32::from_rgb(230, 159, 0),
        IncidentKind::CtOperation => Color32::from_rgb(0, 158, 115),
        IncidentKind::Leadership => Color32::from_rgb(204, 121, 167),
    }
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

/// Marker radius in points: area grows with the toll, so a 100-death attack reads as ten
/// times a 10-death one, with a visible minimum for none or unknown and a cap so the
/// largest does not cover a province.
pub fn radius(incident: &Incident, scale: f32) -> f32 {
    let killed = best_killed(incident).unwrap_or(0) as f32;
    (4.0 + 1.5 * killed.sqrt()).min(22.0) * scale
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

/// One thing drawn this frame, kept for picking.
#[derive(Debug, Clone)]
pub enum Mark {
    Incident {
        id: u32,
        at: Pos2,
        radius: f32,
    },
    Cluster {
        members: Vec<u32>,
        at: Pos2,
        radius: f32,
    },
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
            let (at, r) = match m {
                Mark::Incident { at, radius, .. } | Mark::Cluster { at, radius, .. } => {
                    (*at, *radius)
                }
            };
            at.distance(pointer) <= r.max(7.0)
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

/// Draws the incidents that pass `mask` and the timeline, inside the view. Zoomed out, the
/// precomputed cluster `levels` give the counts per cell by binary search; zoomed in, the
/// spatial index finds the markers in view. Either way the work follows what is on screen.
#[allow(clippy::too_many_arguments)]
pub fn paint(
    painter: &Painter,
    t: &ScreenTransform,
    dataset: &Dataset,
    mask: &[bool],
    levels: &Levels,
    timeline: &Timeline,
    style: &Style,
    selected: Option<u32>,
    highlight: &[u32],
    scratch: &mut Vec<u32>,
) -> Drawn {
    let range = dataset.month_range(timeline.from_month(), timeline.cursor());
    let view = t.visible_units(CULL_MARGIN_PX);
    let in_view =
        |u: [f64; 2]| (view[0]..=view[2]).contains(&u[0]) && (view[1]..=view[3]).contains(&u[1]);
    let shown =
        |i: u32| range.contains(&(i as usize)) && mask.get(i as usize).copied().unwrap_or(false);
    let mut drawn = Drawn::default();
    let mut singles: Vec<u32> = Vec::new();
    // (centre in mercator fractions, members, deaths)
    let mut groups: Vec<([f64; 2], Vec<u32>, u32)> = Vec::new();
    if t.zoom < CLUSTER_BELOW_ZOOM && !levels.is_empty() {
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
                groups.push((cell.center, members.to_vec(), cell.killed(a, b)));
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
        singles.extend_from_slice(scratch);
    }

    // Clusters first, then single markers oldest to newest so the latest sit on top.
    for (center, members, killed) in groups {
        let at = t.unit_to_screen(center);
        let r = ((9.0 + 3.0 * (members.len() as f32).sqrt()).min(26.0)) * style.scale.max(0.8);
        painter.circle(
            at,
            r,
            Color32::from_rgba_unmultiplied(45, 45, 55, 225),
            Stroke::new(2.0, Color32::WHITE),
        );
        painter.text(
            at,
            Align2::CENTER_CENTER,
            members.len().to_string(),
            FontId::proportional((r * 0.85).clamp(11.0, 18.0)),
            Color32::WHITE,
        );
        if killed > 0 {
            let label = format!("† {killed}");
            let below = at + egui::vec2(0.0, r + 2.0);
            let font = FontId::proportional(11.0 * style.scale.max(0.9));
            for d in [
                egui::vec2(-1.0, 0.0),
                egui::vec2(1.0, 0.0),
                egui::vec2(0.0, 1.0),
                egui::vec2(0.0, -1.0),
            ] {
                painter.text(
                    below + d,
                    Align2::CENTER_TOP,
                    &label,
                    font.clone(),
                    style.halo,
                );
            }
            painter.text(below, Align2::CENTER_TOP, label, font, style.ink);
        }
        drawn.marks.push(Mark::Cluster {
            members,
            at,
            radius: r,
        });
    }
    singles.sort_unstable();
    for i in singles {
        let incident = &dataset.incidents()[i as usize];
        let month = dataset.month(i);
        let at = t.unit_to_screen(dataset.unit(i));
        let pulse = timeline.pulse(month);
        let r = radius(incident, style.scale) * (1.0 + 0.5 * pulse);
        let color = if incident.layer == 0 {
            kind_color(incident.kind)
        } else {
            layer_color(incident.layer)
        };
        let base = color.gamma_multiply(timeline.fade(month));
        if pulse > 0.0 {
            painter.circle_stroke(
                at,
                r + 6.0 * pulse,
                Stroke::new(2.0, base.gamma_multiply(pulse)),
            );
        }
        if is_hollow(incident.claim) {
            painter.circle(
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
            painter.circle(at, r, base, Stroke::new(1.3, outline));
        }
        if selected == Some(i) || highlight.contains(&i) {
            painter.circle_stroke(at, r + 4.0, Stroke::new(3.0, style.ink));
            painter.circle_stroke(at, r + 6.5, Stroke::new(2.0, style.halo));
        }
        drawn.marks.push(Mark::Incident {
            id: i,
            at,
            radius: r,
        });
    }
    drawn
}

/// A small legend swatch for a kind and claim style, for the legend panel.
pub fn swatch(painter: &Painter, center: Pos2, kind: IncidentKind, hollow: bool, ink: Color32) {
    let c = kind_color(kind);
    if hollow {
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
