//! Slides shared as a small JSON file. A file from an older version or a broken one is
//! refused whole, with the reason, and nothing already saved changes. Files written before
//! slides had their name (tagged "iskp-atlas-bookmarks") still read.

use crate::model::Slide;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "iskp-atlas-slides";
/// The tag of files saved by earlier versions; the content is the same.
const OLD_FORMAT: &str = "iskp-atlas-bookmarks";
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    #[serde(alias = "bookmarks")]
    slides: Vec<Slide>,
}

pub fn to_json(slides: &[Slide]) -> String {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        slides: slides.to_vec(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a slides file, refusing anything that is not exactly a current one.
pub fn from_json(text: &str) -> Result<Vec<Slide>, String> {
    let head: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not a slides file: {e}"))?;
    let format = head.get("format").and_then(|f| f.as_str());
    if format != Some(FORMAT) && format != Some(OLD_FORMAT) {
        return Err("not an ISKP Atlas slides file (no \"format\": \"iskp-atlas-slides\")".into());
    }
    let version = head.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version != u64::from(VERSION) {
        return Err(format!(
            "slides file version {version}; this atlas reads version {VERSION}"
        ));
    }
    let file: File =
        serde_json::from_value(head).map_err(|e| format!("broken slides file: {e}"))?;
    for (i, b) in file.slides.iter().enumerate() {
        if !b.view.is_sane() {
            return Err(format!(
                "slide {} ('{}') has an impossible view",
                i + 1,
                b.name
            ));
        }
        if b.name.trim().is_empty() {
            return Err(format!("slide {} has no name", i + 1));
        }
    }
    Ok(file.slides)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Filter, Layers, View};

    fn sample() -> Slide {
        Slide {
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
            mode: crate::model::MapMode::Compare,
            compare: Some(crate::model::Compare::waves(None)),
            notes: vec![crate::model::MapNote {
                at: [69.2, 34.5],
                from: Some([70.4, 34.4]),
                text: "Moved west".into(),
            }],
        }
    }

    #[test]
    fn round_trips() {
        let text = to_json(&[sample()]);
        assert_eq!(from_json(&text).unwrap(), vec![sample()]);
    }

    #[test]
    fn broken_old_or_foreign_files_are_refused_with_a_reason() {
        assert!(from_json("{").unwrap_err().contains("not a slides file"));
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
        let old_name = to_json(&[sample()])
            .replace(FORMAT, OLD_FORMAT)
            .replace("\"slides\"", "\"bookmarks\"");
        assert_eq!(
            from_json(&old_name).unwrap(),
            vec![sample()],
            "older files still read"
        );
        let truncated = &to_json(&[sample()])[..40];
        assert!(from_json(truncated).is_err());
    }
}
