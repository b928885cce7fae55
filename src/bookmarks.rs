//! Saved slides: a named view, month, layers and filter, kept with the state and shared as
//! a small JSON file. A file from an older version or a broken one is refused whole, with
//! the reason, and nothing already saved changes.

use crate::model::{Filter, View};
use crate::state::Layers;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "iskp-atlas-bookmarks";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    pub name: String,
    pub view: View,
    /// The month shown (month index).
    pub month: i32,
    pub layers: Layers,
    pub filter: Filter,
    #[serde(default)]
    pub chapter: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    bookmarks: Vec<Bookmark>,
}

pub fn to_json(bookmarks: &[Bookmark]) -> String {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        bookmarks: bookmarks.to_vec(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a bookmark file, refusing anything that is not exactly a current one.
pub fn from_json(text: &str) -> Result<Vec<Bookmark>, String> {
    let head: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not a bookmark file: {e}"))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(
            "not an ISKP Atlas bookmark file (no \"format\": \"iskp-atlas-bookmarks\")".into(),
        );
    }
    let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version != u64::from(VERSION) {
        return Err(format!(
            "bookmark file version {version}; this atlas reads version {VERSION}"
        ));
    }
    let file: File =
        serde_json::from_value(head).map_err(|e| format!("broken bookmark file: {e}"))?;
    for (i, b) in file.bookmarks.iter().enumerate() {
        if !b.view.is_sane() {
            return Err(format!(
                "bookmark {} ('{}') has an impossible view",
                i + 1,
                b.name
            ));
        }
        if b.name.trim().is_empty() {
            return Err(format!("bookmark {} has no name", i + 1));
        }
    }
    Ok(file.bookmarks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bookmark {
        Bookmark {
            name: "Kabul, August 2021".into(),
            view: View {
                lon: 69.2,
                lat: 34.5,
                zoom: 9.0,
            },
            month: 2021 * 12 + 7,
            layers: Layers::default(),
            filter: Filter::default(),
            chapter: None,
        }
    }

    #[test]
    fn round_trips() {
        let text = to_json(&[sample()]);
        assert_eq!(from_json(&text).unwrap(), vec![sample()]);
    }

    #[test]
    fn broken_old_or_foreign_files_are_refused_with_a_reason() {
        assert!(from_json("{").unwrap_err().contains("not a bookmark file"));
        assert!(
            from_json(r#"{"type":"FeatureCollection"}"#)
                .unwrap_err()
                .contains("not an ISKP Atlas")
        );
        let old = to_json(&[sample()]).replace("\"version\": 1", "\"version\": 0");
        assert!(from_json(&old).unwrap_err().contains("version 0"));
        let mut bad = sample();
        bad.view.zoom = 99.0;
        assert!(
            from_json(&to_json(&[bad]))
                .unwrap_err()
                .contains("impossible view")
        );
        let truncated = &to_json(&[sample()])[..40];
        assert!(from_json(truncated).is_err());
    }
}
