//! Provinces filled by how many incidents (or victims) they had in the period shown, in five
//! classes whose breaks are round numbers on a geometric scale, so a projector shows five
//! clearly different steps and the legend reads "1–2, 3–9, ...".

use super::labels::halo_text;
use super::places::PlaceShapes;
use super::regions::AreaStyle;
use super::strokes::Strokes;
use super::transform::ScreenTransform;
use crate::io::provinces::Area;
use egui::{Align2, Color32, FontId, Mesh, Painter};
use std::sync::Arc;

/// ColorBrewer YlOrRd, five classes: light to dark, one hue family, safe in grey print.
const CLASSES: [[u8; 3]; 5] = [
    [255, 255, 178],
    [254, 204, 92],
    [253, 141, 60],
    [240, 59, 32],
    [189, 0, 38],
];

/// Lower bounds of the five classes for values up to `max`: 1, then round numbers spaced
/// geometrically. Fewer classes when the values are few.
pub fn class_breaks(max: u32) -> Vec<u32> {
    let mut breaks = vec![1];
    if max <= 1 {
        return breaks;
    }
    for k in 1..CLASSES.len() {
        let raw = (max as f64).powf(k as f64 / CLASSES.len() as f64);
        let b = round_nice(raw).max(*breaks.last().unwrap_or(&1) + 1);
        if b > max {
            break;
        }
        breaks.push(b);
    }
    breaks
}

/// 2, 3, 5, 10, 20, 30, 50, 100 ...: the nearest at or below `v`, at least 2.
fn round_nice(v: f64) -> u32 {
    let mut best = 2;
    let mut base = 1u32;
    while base <= 1_000_000 {
        for step in [1, 2, 3, 5] {
            let n = step * base;
            if n >= 2 && f64::from(n) <= v {
                best = n;
            }
        }
        base *= 10;
    }
    best
}

/// Class 0 for nothing, else 1 to the number of breaks.
pub fn class_of(v: u32, breaks: &[u32]) -> usize {
    breaks.iter().take_while(|&&b| v >= b).count()
}

/// The fill for class `k` of `n`: the classes spread over the whole ramp when fewer than five.
pub fn class_color(k: usize, n: usize, dark: bool) -> Color32 {
    if k == 0 {
        return if dark {
            Color32::from_rgba_unmultiplied(200, 200, 210, 30)
        } else {
            Color32::from_rgba_unmultiplied(120, 120, 130, 38)
        };
    }
    let at = if n <= 1 {
        CLASSES.len() - 1
    } else {
        (k - 1) * (CLASSES.len() - 1) / (n - 1)
    };
    let [r, g, b] = CLASSES[at.min(CLASSES.len() - 1)];
    Color32::from_rgba_unmultiplied(r, g, b, 205)
}

/// "1–2", "3–9", "10+": each class's values, for the legend.
pub fn class_labels(breaks: &[u32]) -> Vec<String> {
    breaks
        .iter()
        .enumerate()
        .map(|(k, &b)| match breaks.get(k + 1) {
            Some(&next) if next - 1 == b => b.to_string(),
            Some(&next) => format!("{b}\u{2013}{}", next - 1),
            None => format!("{b}+"),
        })
        .collect()
}

#[derive(Default)]
pub struct Choropleth {
    key: Option<(ScreenTransform, f32, bool, Vec<(usize, usize)>)>,
    /// The fills, then the provinces' edges.
    meshes: [Arc<Mesh>; 2],
}

impl Choropleth {
    /// Fills `values` (province number, value) by class, with thin edges, and writes the
    /// value on each province big enough to hold it.
    pub fn paint(
        &mut self,
        painter: &Painter,
        t: &ScreenTransform,
        values: &[(usize, u32)],
        breaks: &[u32],
        shapes: &mut PlaceShapes,
        style: &super::labels::LabelStyle,
        dark: bool,
    ) {
        let classes: Vec<(usize, usize)> = values
            .iter()
            .map(|&(p, v)| (p, class_of(v, breaks)))
            .collect();
        let ppp = painter.ctx().pixels_per_point();
        let key = (*t, ppp, dark, classes);
        if self.key.as_ref() != Some(&key) {
            let mut mesh = Mesh::default();
            let mut outlines = Strokes::new(painter.ctx());
            let edge = if dark {
                Color32::from_gray(200)
            } else {
                Color32::from_gray(70)
            };
            for &(p, class) in &key.3 {
                let Some(place) = shapes.get(Area::Province(p as u16)) else {
                    continue;
                };
                if !place.shape.in_view(t) {
                    continue;
                }
                let area = AreaStyle {
                    fill: class_color(class, breaks.len(), dark),
                    outline: edge.gamma_multiply(0.8),
                    width: 0.9,
                    dashed: false,
                };
                place.shape.paint(t, &area, &mut mesh, &mut outlines);
            }
            self.meshes = outlines.finish(mesh).map(Arc::new);
            self.key = Some(key);
        }
        for mesh in &self.meshes {
            painter.add(egui::Shape::Mesh(mesh.clone()));
        }
        // Numbers from zoom 4.5, where the smaller provinces can hold them without collisions.
        let font = FontId::proportional(style.admin1_size.max(13.0));
        for &(p, v) in values.iter().filter(|(_, v)| *v > 0) {
            let Some(place) = shapes.get(Area::Province(p as u16)) else {
                continue;
            };
            let at = t.lonlat_to_screen(place.anchor[0], place.anchor[1]);
            if !t.clip.contains(at) || t.zoom < 4.5 {
                continue;
            }
            halo_text(
                painter,
                at,
                Align2::CENTER_CENTER,
                &v.to_string(),
                font.clone(),
                style.text,
                style.halo,
                1.5,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_are_round_rising_and_cover_the_maximum() {
        assert_eq!(class_breaks(1), vec![1]);
        let b = class_breaks(104);
        assert_eq!(b[0], 1);
        assert!(b.windows(2).all(|w| w[0] < w[1]), "{b:?}");
        assert!(b.len() == 5 && *b.last().unwrap() <= 104, "{b:?}");
        assert_eq!(class_of(0, &b), 0);
        assert_eq!(class_of(104, &b), b.len());
        assert_eq!(class_of(1, &b), 1);
        let labels = class_labels(&b);
        assert!(labels.last().unwrap().ends_with('+'), "{labels:?}");
        assert_eq!(class_labels(&[1, 2, 5]), vec!["1", "2\u{2013}4", "5+"]);
        assert_ne!(class_color(1, 5, false), class_color(5, 5, false));
    }
}
