//! The search box: incidents by title or place, and places by name, ranked simply; picking
//! one flies the map there.

use crate::map::labels::{LabelKind, Labels};
use crate::model::Dataset;
use crate::model::View;

use crate::model::Hit;

impl Hit {
    pub fn text(&self, dataset: &Dataset) -> String {
        match self {
            Hit::Incident(i) => {
                let inc = &dataset.incidents()[*i as usize];
                format!(
                    "{} — {} ({}) · {}",
                    inc.title,
                    inc.place,
                    inc.date.year,
                    crate::model::filter::toll_text(inc)
                )
            }
            Hit::Place { name, .. } => name.clone(),
        }
    }
}

/// Up to `limit` matches for `query` (case-insensitive): places whose name starts with it
/// first, then incidents whose title or place contains it.
pub fn search(query: &str, dataset: &Dataset, labels: &Labels, limit: usize) -> Vec<Hit> {
    let q = query.trim().to_lowercase();
    if q.len() < 2 {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for l in labels.all() {
        if l.name.to_lowercase().starts_with(&q) {
            let zoom = match l.kind {
                LabelKind::Country => 5.5,
                LabelKind::Admin1 => 7.0,
                LabelKind::City => 9.0,
            };
            let kind = match l.kind {
                LabelKind::Country => "country",
                LabelKind::Admin1 => "province",
                LabelKind::City => "place",
            };
            hits.push(Hit::Place {
                name: format!("{} ({kind})", l.name),
                view: View {
                    lon: l.lon,
                    lat: l.lat,
                    zoom,
                },
            });
            if hits.len() >= limit / 2 {
                break;
            }
        }
    }
    for (n, i) in dataset.incidents().iter().enumerate().rev() {
        if hits.len() >= limit {
            break;
        }
        if i.title.to_lowercase().contains(&q) || i.place.to_lowercase().contains(&q) {
            hits.push(Hit::Incident(n as u32));
        }
    }
    hits
}
