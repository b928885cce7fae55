//! The incidents in the map's mode: points (with the areas incidents are placed at),
//! density, provinces, or two periods side by side. Each works out its legend key.

use super::{FrameStats, Shown};
use crate::io::provinces::Provinces;
use crate::map::ScreenTransform;
use crate::map::incidents::{self, Drawn, Scope, Style};
use crate::map::overlays::Look;
use crate::model::filter::best_killed;
use crate::model::{Dataset, MapMode, Measure, Period, Selection};
use crate::state::State;
use crate::ui::mode_key::ModeKey;
use egui::{Align2, Color32, FontId, Painter, vec2};
use std::ops::Range;

/// What the modes draw from, prepared once and reused every frame.
#[derive(Default)]
pub(super) struct ModeScene {
    /// Provinces and countries, triangulated when first drawn.
    places: crate::map::places::PlaceShapes,
    /// The areas incidents are placed at: one set for points, one per side when comparing.
    area_meshes: [crate::map::precision::AreaMeshes; 2],
    density: crate::map::density::Density,
    choropleth: crate::map::choropleth::Choropleth,
    scratch: Vec<u32>,
    /// Each compared period's label and counts, worked out once per mask.
    side_texts: std::collections::HashMap<(u64, Period), (String, String)>,
}

/// What the modes read, besides the scene they draw into.
pub(super) struct ModeInputs<'a> {
    pub state: &'a State,
    pub dataset: &'a Dataset,
    pub shown: &'a Shown,
    pub look: &'a Look,
    /// The timeline's months, as dataset positions.
    pub range: Range<usize>,
    /// Comparing: 0 for the left map (period A), 1 for the right.
    pub side: usize,
}

impl ModeScene {
    /// With the places incidents are drawn at already triangulated (see `HeadStart`).
    pub(super) fn with_places(places: crate::map::places::PlaceShapes) -> Self {
        Self {
            places,
            ..Default::default()
        }
    }
}

impl Shown {
    /// Of the incidents in `range` that pass, how many are placed only at an area.
    pub(super) fn at_area_count(&self, range: &Range<usize>) -> usize {
        self.at_area_passing.count(range)
    }

    /// Of the incidents in `range` that pass, how many are placed only at a province or a
    /// country (drawn as that area).
    fn as_areas(&self, range: &Range<usize>) -> usize {
        (0..self.by_area.len())
            .map(|g| self.by_area.count(g, range))
            .sum()
    }
}

/// Draws the incidents in the state's mode; returns the key for the legends.
pub(super) fn paint(
    painter: &Painter,
    t: &ScreenTransform,
    m: &ModeInputs,
    scene: &mut ModeScene,
    stats: &mut FrameStats,
) -> (Drawn, ModeKey) {
    let style = Style {
        scale: m.look.text.min(1.2) * incidents::zoom_scale(t.zoom) * m.look.grow(),
        halo: m.look.style.halo,
        ink: m.look.style.text,
    };
    match m.state.mode {
        MapMode::Points => {
            let scope = Scope {
                range: m.range.clone(),
                timeline: Some(&m.state.timeline),
                at_area: &m.shown.at_area,
            };
            let drawn = points(painter, t, m, scene, &scope, &style, 0);
            let key = ModeKey::Points {
                at_area: m.shown.at_area_count(&m.range),
            };
            (drawn, key)
        }
        MapMode::Density => {
            let inputs = crate::map::density::Inputs {
                dataset: m.dataset,
                mask: m.shown.mask.passes(),
                at_area: &m.shown.at_area,
                range: m.range.clone(),
                generation: m.shown.generation,
                measure: m.state.measure,
            };
            let scale = scene.density.paint(painter, t, &inputs);
            let key = ModeKey::Density {
                scale,
                measure: m.state.measure,
                left_out: m.shown.as_areas(&m.range),
            };
            (Drawn::default(), key)
        }
        MapMode::Provinces => (Drawn::default(), provinces(painter, t, m, scene, stats)),
        MapMode::Compare => compare(painter, t, m, scene, &style, stats),
    }
}

/// Points: the areas incidents are placed at underneath, then the markers.
fn points(
    painter: &Painter,
    t: &ScreenTransform,
    m: &ModeInputs,
    scene: &mut ModeScene,
    scope: &Scope,
    style: &Style,
    side: usize,
) -> Drawn {
    let mut drawn = Drawn::default();
    crate::map::precision::paint(
        painter,
        t,
        &m.shown.by_area,
        &scope.range,
        Provinces::shared().len(),
        &mut scene.places,
        &mut scene.area_meshes[side],
        style,
        &mut drawn,
    );
    let selected = match m.shown.selection {
        Selection::Incident(i) => Some(i),
        _ => None,
    };
    let markers = incidents::paint(
        painter,
        t,
        m.dataset,
        m.shown.mask.passes(),
        &m.shown.clusters,
        scope,
        style,
        selected,
        &m.shown.highlight,
        &mut scene.scratch,
    );
    drawn.incidents += markers.incidents;
    drawn.marks.extend(markers.marks);
    drawn
}

/// The value a province shows: its incidents, or the victims killed in them.
fn value(shown: &Shown, p: usize, range: &Range<usize>, measure: Measure) -> u32 {
    match measure {
        Measure::Incidents => shown.by_province.count(p, range) as u32,
        Measure::Victims => shown.by_province.killed(p, range),
    }
}

/// Provinces filled by class. Every province of a country with any incident that passes is
/// drawn, so a province with none reads as none rather than as missing. The classes come
/// from the whole span of the data, so they hold still while the timeline plays.
fn provinces(
    painter: &Painter,
    t: &ScreenTransform,
    m: &ModeInputs,
    scene: &mut ModeScene,
    stats: &mut FrameStats,
) -> ModeKey {
    let all = 0..m.dataset.incidents().len();
    let list = Provinces::shared();
    let counted: Vec<usize> = m.shown.by_province.occupied(&all).collect();
    let countries: std::collections::BTreeSet<&str> = counted
        .iter()
        .filter_map(|&p| list.get(p).map(|p| p.iso3.as_str()))
        .collect();
    let measure = m.state.measure;
    let max = counted
        .iter()
        .map(|&p| value(m.shown, p, &all, measure))
        .max()
        .unwrap_or(0);
    let breaks = crate::map::choropleth::class_breaks(max);
    let values: Vec<(usize, u32)> = list
        .iter()
        .enumerate()
        .filter(|(_, p)| countries.contains(p.iso3.as_str()))
        .map(|(n, _)| (n, value(m.shown, n, &m.range, measure)))
        .collect();
    stats.provinces_filled = values.iter().filter(|(_, v)| *v > 0).count();
    stats.provinces_counted = values.len();
    scene.choropleth.paint(
        painter,
        t,
        &values,
        &breaks,
        &mut scene.places,
        &m.look.style,
        m.look.dark,
    );
    if let Selection::Province(p) = m.shown.selection
        && let Some(place) = scene
            .places
            .get(crate::io::provinces::Area::Province(p as u16))
    {
        let mut mesh = egui::Mesh::default();
        let mut outlines = crate::map::strokes::Strokes::new(painter.ctx());
        let ring = crate::map::regions::AreaStyle {
            fill: Color32::TRANSPARENT,
            outline: m.look.style.text,
            width: 3.5,
            dashed: false,
        };
        place.shape.paint(t, &ring, &mut mesh, &mut outlines);
        painter.add(egui::Shape::mesh(outlines.mesh));
    }
    ModeKey::Provinces {
        breaks,
        measure,
        period: period_text(m),
    }
}

/// The timeline's months in words: "Jan 2015 – Feb 2026".
pub(super) fn period_text(m: &ModeInputs) -> String {
    let tl = &m.state.timeline;
    Period {
        from: tl.from_month().max(tl.first),
        to: tl.cursor(),
    }
    .label()
}

/// One side of two periods side by side: its period's markers, without fades or pulses,
/// and its label where the date stamp would be.
fn compare(
    painter: &Painter,
    t: &ScreenTransform,
    m: &ModeInputs,
    scene: &mut ModeScene,
    style: &Style,
    stats: &mut FrameStats,
) -> (Drawn, ModeKey) {
    let c = &m.state.compare;
    let period = if m.side == 0 { c.a } else { c.b };
    let range = m.dataset.month_range(period.from, period.to);
    let scope = Scope {
        range: range.clone(),
        timeline: None,
        at_area: &m.shown.at_area,
    };
    let drawn = points(painter, t, m, scene, &scope, style, m.side);
    if scene.side_texts.len() > 16 {
        scene.side_texts.clear();
    }
    let mut text = |p: Period| {
        scene
            .side_texts
            .entry((m.shown.generation, p))
            .or_insert_with(|| side_text(m, p, &m.dataset.month_range(p.from, p.to)))
            .clone()
    };
    let (title, counts) = text(period);
    let texts = [text(c.a).0, text(c.b).0];
    let s = m.look.grow();
    side_label(
        painter,
        t.clip.left_top() + vec2(16.0, 10.0) * s,
        &title,
        &counts,
        m.look,
    );
    stats
        .compare_sides
        .push((t.clip, format!("{title} | {counts}")));
    let at_area = [c.a, c.b]
        .iter()
        .map(|p| m.shown.at_area_count(&m.dataset.month_range(p.from, p.to)))
        .sum();
    let key = ModeKey::Compare {
        a: texts[0].clone(),
        b: texts[1].clone(),
        at_area,
    };
    (drawn, key)
}

/// "A · Emergence · Jan 2015 – Sep 2019" and "214 incidents · 1,480 victims killed".
fn side_text(m: &ModeInputs, period: Period, range: &Range<usize>) -> (String, String) {
    let mask = m.shown.mask.passes();
    let count = m.shown.mask.count(range.clone());
    let killed: u32 = range
        .clone()
        .filter(|&n| mask.get(n).copied().unwrap_or(false))
        .filter_map(|n| best_killed(&m.dataset.incidents()[n]))
        .sum();
    let wave = crate::model::waves::WAVES
        .iter()
        .find(|w| w.from == period.from && w.to.is_none_or(|to| to == period.to))
        .map_or(String::new(), |w| format!("{} \u{b7} ", w.name));
    (
        format!("{wave}{}", period.label()),
        format!("{count} incidents \u{b7} {killed} killed by ISKP"),
    )
}

fn side_label(painter: &Painter, at: egui::Pos2, title: &str, counts: &str, look: &Look) {
    let align = Align2::LEFT_TOP;
    let s = look.stamp();
    let (ink, halo) = (look.style.text, look.style.halo);
    crate::map::labels::halo_text(
        painter,
        at,
        align,
        title,
        FontId::proportional(26.0 * s),
        ink,
        halo,
        2.0,
    );
    crate::map::labels::halo_text(
        painter,
        at + vec2(0.0, 32.0 * s),
        align,
        counts,
        FontId::proportional(16.0 * s),
        ink,
        halo,
        1.0,
    );
}
