//! Reads `data/chapters.json` and checks it against the dataset: every highlighted incident
//! exists and falls in its chapter's years, every year range lies within the data.

use super::LoadError;
use super::error::line_of_quoted;
use crate::model::{Chapter, Dataset};
use serde::Deserialize;

#[derive(Deserialize)]
struct ChapterFile {
    chapters: Vec<Chapter>,
}

pub fn parse(file: &str, text: &str) -> Result<Vec<Chapter>, LoadError> {
    serde_json::from_str::<ChapterFile>(text)
        .map(|f| f.chapters)
        .map_err(|e| LoadError::from_json(file, &e))
}

/// Problems that make a chapter misleading, each naming the chapter and field.
pub fn check(file: &str, text: &str, chapters: &[Chapter], dataset: &Dataset) -> Vec<LoadError> {
    let mut errors = Vec::new();
    let span = dataset.year_span();
    let mut seen = std::collections::HashSet::new();
    for c in chapters {
        let fail = |field: &str, msg: String| {
            LoadError::file(file, msg)
                .at_line(line_of_quoted(text, &c.id))
                .feature(Some(&c.id))
                .field(field)
        };
        if !seen.insert(&c.id) {
            errors.push(fail("id", "duplicate chapter id".into()));
        }
        let [from, to] = c.years;
        if from > to || span.is_some_and(|(first, last)| from < first.max(2015) || to > last) {
            errors.push(fail(
                "years",
                format!("{from}..{to} is not within the data's years {span:?}"),
            ));
        }
        if !(2.0..=14.0).contains(&c.view.zoom)
            || !(-180.0..=180.0).contains(&c.view.lon)
            || !(-85.0..=85.0).contains(&c.view.lat)
        {
            errors.push(fail(
                "view",
                format!("{:?} is not a sensible map view", c.view),
            ));
        }
        for id in &c.highlight {
            match dataset.incidents().iter().find(|i| &i.id == id) {
                None => errors.push(fail("highlight", format!("no incident '{id}'"))),
                Some(i) if i.date.year < from || i.date.year > to => errors.push(fail(
                    "highlight",
                    format!(
                        "'{id}' is dated {}, outside the chapter's {from}..{to}",
                        i.date
                    ),
                )),
                Some(_) => {}
            }
        }
    }
    errors
}
