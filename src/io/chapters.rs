//! Reads `data/chapters.json` and checks it against the dataset: every highlighted incident
//! exists and falls in its chapter's years, every year range lies within the data, every
//! chapter has speaker notes a briefer can read at a glance.

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
        if let Err(why) = notes_ok(&c.notes) {
            errors.push(fail("notes", why));
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

/// Speaker notes: two to five sentences, at most 900 characters, so they fit the presenter
/// window without scrolling.
pub fn notes_ok(notes: &str) -> Result<(), String> {
    let notes = notes.trim();
    if notes.is_empty() {
        return Err("no speaker notes".into());
    }
    let chars = notes.chars().count();
    if chars > 900 {
        return Err(format!(
            "speaker notes are {chars} characters; keep them to 900"
        ));
    }
    let n = sentences(notes);
    if !(2..=5).contains(&n) {
        return Err(format!(
            "speaker notes have {n} sentences; write two to five"
        ));
    }
    Ok(())
}

/// Sentences: a full stop, question or exclamation mark at the end, or before a space and
/// a capital (so "1.1" and "fn 9)," do not count).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| matches!(chars[i], '.' | '!' | '?'))
        .filter(|&i| {
            let rest = &chars[i + 1..];
            let next = rest.iter().find(|c| !c.is_whitespace());
            match next {
                None => true,
                Some(c) => {
                    rest.first().is_some_and(|f| f.is_whitespace())
                        && (c.is_uppercase() || *c == '(')
                }
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_two_to_five_sentences() {
        assert!(notes_ok("").is_err());
        assert!(notes_ok("Just one sentence here (Rana 2024, section 1.1).").is_err());
        assert!(notes_ok("Point at Kabul. The atlas maps 31 attacks in 2017 (fn 9).").is_ok());
        let six = "One. Two. Three. Four. Five. Six.";
        assert!(notes_ok(six).unwrap_err().contains("6 sentences"));
        assert!(
            notes_ok(&"Long sentence. ".repeat(70))
                .unwrap_err()
                .contains("characters")
        );
    }
}
