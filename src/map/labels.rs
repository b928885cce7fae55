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
    /// A city the paper's story happens in: its dot is never covered by another name.
    #[serde(default)]
    pub story: bool,
    #[serde(skip)]
    unit: [f64; 2],
}

#[derive(Deserialize)]
struct LabelFile {
    labels: Vec<Label>,
}

/// What one frame's labels placed.
pub struct Placed<'a> {
    pub names: Vec<&'a str>,
    /// The story cities' names, with where they went.
    pub story: Vec<StoryName<'a>>,
}

/// A story city's name as placed: drawn again above any marker that covers it.
pub struct StoryName<'a> {
    pub name: &'a str,
    dot: egui::Pos2,
    capital: bool,
    rect: Rect,
    galley: std::sync::Arc<egui::Galley>,
}

/// Draws again, with a wide halo above the markers, every story city's name that a marker
/// covers (the clusters pile up on exactly these cities): the name reads, and the cluster's
/// circle and count still show around it. `covers` says whether a screen rectangle lies
/// under a marker; returns the names drawn again.
pub fn over_markers<'a>(
    painter: &Painter,
    story: &[StoryName<'a>],
    style: &LabelStyle,
    covers: impl Fn(Rect) -> bool,
) -> Vec<&'a str> {
    let mut lifted = Vec::new();
    for s in story {
        let dot = Rect::from_center_size(s.dot, vec2(8.0, 8.0));
        if !covers(s.rect) && !covers(dot) {
            continue;
        }
        let r = if s.capital { 4.0 } else { 3.0 };
        super::circles::circle(
            painter,
            s.dot,
            r,
            style.text,
            egui::Stroke::new(2.0, style.halo),
        );
        let pos = s.rect.shrink(1.0).min;
        // Four copies, half again as far out as an ordinary label's halo: wide enough to read
        // over a dark cluster, and cheap to tessellate.
        for d in [
            vec2(-1.5, 0.0),
            vec2(1.5, 0.0),
            vec2(0.0, -1.5),
            vec2(0.0, 1.5),
        ] {
            painter.galley_with_override_text_color(pos + d, s.galley.clone(), style.halo);
        }
        painter.galley(pos, s.galley.clone(), style.text);
        lifted.push(s.name);
    }
    lifted
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
        static TEXT: &str = include_str!("../../assets/labels.json");
        let labels = Self::parse(TEXT).unwrap_or_else(|e| {
            log::error!("embedded labels unreadable: {e}");
            Self { labels: Vec::new() }
        });
        crate::io::pages::release(TEXT.as_bytes(), TEXT.as_bytes());
        labels
    }

    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        let mut file: LabelFile = serde_json::from_str(text)?;
        for l in &mut file.labels {
            let (x, y) = lonlat_to_unit(l.lon, l.lat);
            l.unit = [x, y];
        }
        Ok(Self {
            labels: file.labels,
        })
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Draws the labels that fit and returns what it placed: every name (for tests and the
    /// bench) and the story cities' names, to be drawn again over the markers.
    ///
    /// Greedy in priority order. A city's name may sit right, left, above or below its dot,
    /// and never covers the dot of a story city, so Kabul's name cannot hide Jalalabad.
    /// `reserved` are areas other overlays use (the date stamp, the stage legend).
    pub fn paint(
        &self,
        painter: &Painter,
        t: &ScreenTransform,
        style: &LabelStyle,
        reserved: &[Rect],
    ) -> Placed<'_> {
        let view = t.visible_units(0.0);
        let zoom = t.zoom as f32;
        let visible = |l: &Label| {
            l.min_zoom <= zoom
                && l.unit[0] >= view[0]
                && l.unit[0] <= view[2]
                && l.unit[1] >= view[1]
                && l.unit[1] <= view[3]
        };
        let story_dots: Vec<(usize, Rect)> = self
            .labels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.story && visible(l))
            .map(|(i, l)| {
                (
                    i,
                    Rect::from_center_size(t.unit_to_screen(l.unit), vec2(8.0, 8.0)),
                )
            })
            .collect();
        let mut placed: Vec<Rect> = reserved.to_vec();
        let mut names = Vec::new();
        let mut story = Vec::new();
        // A screenful never needs more; stops the greedy scan early on a zoomed-out view.
        const MAX_LABELS: usize = 120;
        for (index, label) in self.labels.iter().enumerate() {
            if names.len() >= MAX_LABELS {
                break;
            }
            if !visible(label) {
                continue;
            }
            let at = t.unit_to_screen(label.unit);
            let (font, color, is_city) = match label.kind {
                LabelKind::Country => {
                    (FontId::proportional(style.country_size), style.muted, false)
                }
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
            let dot = Rect::from_center_size(at, vec2(8.0, 8.0));
            let candidates: &[(Align2, egui::Vec2)] = if is_city {
                &[
                    (Align2::LEFT_CENTER, vec2(7.0, 0.0)),
                    (Align2::RIGHT_CENTER, vec2(-7.0, 0.0)),
                    (Align2::CENTER_BOTTOM, vec2(0.0, -5.0)),
                    (Align2::CENTER_TOP, vec2(0.0, 5.0)),
                ]
            } else {
                &[(Align2::CENTER_CENTER, vec2(0.0, 0.0))]
            };
            let free = |r: &Rect| {
                t.clip.contains_rect(*r)
                    && !placed.iter().any(|p| p.intersects(*r))
                    && !story_dots
                        .iter()
                        .any(|(i, d)| *i != index && d.intersects(*r))
            };
            if is_city && !free(&dot) {
                continue;
            }
            let Some(rect) = candidates
                .iter()
                .map(|(anchor, offset)| anchor.anchor_size(at + *offset, size).expand(1.0))
                .find(|r| free(r))
            else {
                continue;
            };
            placed.push(rect);
            if is_city {
                placed.push(dot);
                let r = if label.capital { 4.0 } else { 3.0 };
                super::circles::circle(
                    painter,
                    at,
                    r,
                    style.text,
                    egui::Stroke::new(1.5, style.halo),
                );
            }
            let pos = rect.shrink(1.0).min;
            // Four offsets make a legible halo; each more is another copy to tessellate.
            for d in [
                vec2(-1.0, 0.0),
                vec2(1.0, 0.0),
                vec2(0.0, -1.0),
                vec2(0.0, 1.0),
            ] {
                painter.galley_with_override_text_color(pos + d, galley.clone(), style.halo);
            }
            if label.story {
                story.push(StoryName {
                    name: label.name.as_str(),
                    dot: at,
                    capital: label.capital,
                    rect,
                    galley: galley.clone(),
                });
            }
            painter.galley(pos, galley, color);
            names.push(label.name.as_str());
        }
        Placed { names, story }
    }

    /// Every label, in priority order.
    pub fn all(&self) -> &[Label] {
        &self.labels
    }

    /// Where a label is, for tests.
    pub fn find(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }
}

/// Text with a halo `width` points wide around it, so it reads over any map.
pub fn halo_text(
    painter: &Painter,
    at: egui::Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    color: Color32,
    halo: Color32,
    width: f32,
) {
    for d in [
        vec2(-width, 0.0),
        vec2(width, 0.0),
        vec2(0.0, -width),
        vec2(0.0, width),
    ] {
        painter.text(at + d, anchor, text, font.clone(), halo);
    }
    painter.text(at, anchor, text, font, color);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_labels_name_the_story_cities_and_provinces() {
        let labels = Labels::embedded();
        for city in [
            "Kabul",
            "Jalalabad",
            "Kandahar",
            "Kunduz",
            "Mazar-i-Sharif",
            "Herat",
            "Peshawar",
            "Quetta",
            "Karachi",
            "Lahore",
            "Islamabad",
            "Tehran",
            "Mashhad",
            "Dushanbe",
            "Tashkent",
            "Termez",
            "Bishkek",
            "Ashgabat",
        ] {
            let l = labels
                .find(city)
                .unwrap_or_else(|| panic!("{city} missing"));
            assert_eq!(l.kind, LabelKind::City);
            assert!(l.min_zoom <= 4.5, "{city} hidden until zoom {}", l.min_zoom);
        }
        for province in ["Nangarhar", "Khyber Pakhtunkhwa", "Balochistan", "Helmand"] {
            assert_eq!(
                labels.find(province).map(|l| l.kind),
                Some(LabelKind::Admin1),
                "{province}"
            );
        }
        assert_eq!(
            labels.find("Afghanistan").map(|l| l.kind),
            Some(LabelKind::Country)
        );
    }
}
