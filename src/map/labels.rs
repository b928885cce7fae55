//! Place names drawn crisp on top of the basemap, placed greedily by priority so they never
//! pile on top of each other.

use super::transform::ScreenTransform;
use crate::basemap::tile_math::lonlat_to_unit;
use egui::{Align2, Color32, FontId, Painter, Rect, vec2};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    Country,
    City,
    Admin1,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    pub kind: LabelKind,
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    pub min_zoom: f32,
    #[serde(default)]
    pub capital: bool,
    #[serde(skip)]
    unit: [f64; 2],
}

#[derive(Deserialize)]
struct LabelFile {
    labels: Vec<Label>,
}

/// All labels, in priority order (countries, story cities, capitals, big cities, provinces).
pub struct Labels {
    labels: Vec<Label>,
}

/// Colours and sizes of labels for a theme.
#[derive(Debug, Clone, Copy)]
pub struct LabelStyle {
    pub text: Color32,
    pub muted: Color32,
    pub halo: Color32,
    pub city_size: f32,
    pub country_size: f32,
    pub admin1_size: f32,
}

impl Labels {
    pub fn embedded() -> Self {
        Self::parse(include_str!("../../assets/labels.json")).unwrap_or_else(|e| {
            log::error!("embedded labels unreadable: {e}");
            Self { labels: Vec::new() }
        })
    }

    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        let mut file: LabelFile = serde_json::from_str(text)?;
        for l in &mut file.labels {
            let (x, y) = lonlat_to_unit(l.lon, l.lat);
            l.unit = [x, y];
        }
        Ok(Self { labels: file.labels })
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Draws the labels that fit and returns the names placed (for tests and the bench).
    pub fn paint(&self, painter: &Painter, t: &ScreenTransform, style: &LabelStyle, avoid: &[Rect]) -> Vec<&str> {
        let view = t.visible_units(0.0);
        let zoom = t.zoom as f32;
        let mut placed: Vec<Rect> = avoid.to_vec();
        let mut names = Vec::new();
        // A screenful never needs more; stops the greedy scan early on a zoomed-out view.
        const MAX_LABELS: usize = 120;
        for label in &self.labels {
            if names.len() >= MAX_LABELS {
                break;
            }
            if label.min_zoom > zoom + 0.5
                || label.unit[0] < view[0]
                || label.unit[0] > view[2]
                || label.unit[1] < view[1]
                || label.unit[1] > view[3]
            {
                continue;
            }
            let at = t.unit_to_screen(label.unit);
            let (font, color, dot) = match label.kind {
                LabelKind::Country => (FontId::proportional(style.country_size), style.muted, false),
                LabelKind::Admin1 => (FontId::proportional(style.admin1_size), style.muted, false),
                LabelKind::City => (FontId::proportional(style.city_size), style.text, true),
            };
            let text = if label.kind == LabelKind::Country {
                label.name.to_uppercase()
            } else {
                label.name.clone()
            };
            let galley = painter.layout_no_wrap(text, font, color);
            let size = galley.size();
            let (anchor, origin) = if dot {
                (Align2::LEFT_CENTER, at + vec2(6.0, 0.0))
            } else {
                (Align2::CENTER_CENTER, at)
            };
            let rect = anchor.anchor_size(origin, size).expand(2.0);
            let dot_rect = Rect::from_center_size(at, vec2(8.0, 8.0));
            if !t.clip.contains_rect(rect) || placed.iter().any(|r| r.intersects(rect) || (dot && r.intersects(dot_rect))) {
                continue;
            }
            placed.push(rect);
            if dot {
                placed.push(dot_rect);
                let r = if label.capital { 4.0 } else { 3.0 };
                painter.circle(at, r, style.text, egui::Stroke::new(1.5, style.halo));
            }
            let pos = rect.shrink(2.0).min;
            for d in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0), vec2(1.0, 1.0), vec2(-1.0, -1.0)] {
                painter.galley_with_override_text_color(pos + d, galley.clone(), style.halo);
            }
            painter.galley(pos, galley, color);
            names.push(label.name.as_str());
        }
        names
    }

    /// Where a label is, for tests.
    pub fn find(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_labels_name_the_story_cities_and_provinces() {
        let labels = Labels::embedded();
        for city in [
            "Kabul", "Jalalabad", "Kandahar", "Kunduz", "Mazar-i-Sharif", "Herat", "Peshawar",
            "Quetta", "Karachi", "Lahore", "Islamabad", "Tehran", "Mashhad", "Dushanbe",
            "Tashkent", "Termez", "Bishkek", "Ashgabat",
        ] {
            let l = labels.find(city).unwrap_or_else(|| panic!("{city} missing"));
            assert_eq!(l.kind, LabelKind::City);
            assert!(l.min_zoom <= 4.5, "{city} hidden until zoom {}", l.min_zoom);
        }
        for province in ["Nangarhar", "Khyber Pakhtunkhwa", "Balochistan", "Helmand"] {
            assert_eq!(labels.find(province).map(|l| l.kind), Some(LabelKind::Admin1), "{province}");
        }
        assert_eq!(labels.find("Afghanistan").map(|l| l.kind), Some(LabelKind::Country));
    }
}
