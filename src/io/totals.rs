//! Reads `data/totals.json` (schema in data/README.md): published counts, each with its
//! period, what it counts, and a source URL that was read.

use super::error::{LoadError, line_of_quoted};
use crate::model::{Counts, Date, PublishedTotal};
use serde_json::Value;

/// Parses a totals file. Bad entries are reported (file, line, id, field) and skipped.
pub fn parse(file: &str, text: &str) -> (Vec<PublishedTotal>, Vec<LoadError>) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Vec::new(), vec![LoadError::from_json(file, &e)]),
    };
    let Some(items) = root.get("totals").and_then(Value::as_array) else {
        return (
            Vec::new(),
            vec![
                LoadError::file(file, "expected an object with a \"totals\" array").field("totals"),
            ],
        );
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, item) in items.iter().enumerate() {
        let id = item.get("id").and_then(Value::as_str);
        let label = id.map_or_else(|| format!("#{}", n + 1), str::to_owned);
        let line = id.and_then(|id| line_of_quoted(text, id));
        match entry(item) {
            Ok(t) if !seen.insert(t.id.clone()) => errors.push(
                LoadError::file(file, "duplicate id")
                    .at_line(line)
                    .feature(Some(&label))
                    .field("id"),
            ),
            Ok(t) => out.push(t),
            Err((field, message)) => errors.push(
                LoadError::file(file, message)
                    .at_line(line)
                    .feature(Some(&label))
                    .field(field),
            ),
        }
    }
    (out, errors)
}

type FieldError = (&'static str, String);

fn entry(item: &Value) -> Result<PublishedTotal, FieldError> {
    let text = |key: &'static str| -> Result<String, FieldError> {
        match item.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            Some(Value::String(_)) | None | Some(Value::Null) => Err((key, "missing".to_owned())),
            Some(v) => Err((key, format!("expected a string, got {v}"))),
        }
    };
    let optional = |key: &'static str| {
        item.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let date = |key: &'static str| -> Result<Date, FieldError> {
        let s = text(key)?;
        Date::parse(&s).ok_or((key, format!("expected YYYY-MM-DD, got '{s}'")))
    };
    let id = text("id")?;
    let period_start = date("period_start")?;
    let period_end = date("period_end")?;
    if period_end < period_start {
        return Err(("period_end", "is before period_start".to_owned()));
    }
    let counts = text("counts")?;
    let counts = Counts::parse(&counts).ok_or((
        "counts",
        format!(
            "'{counts}' is not one of {}",
            Counts::ALL.map(Counts::code).join(", ")
        ),
    ))?;
    let value = match item.get("value") {
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(("value", format!("expected a whole number, got {v}")))?,
        None => return Err(("value", "missing".to_owned())),
    };
    let url = text("url").map_err(|_| {
        (
            "url",
            "every total needs the URL of the source that was read".to_owned(),
        )
    })?;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(("url", format!("'{url}' is not an http(s) URL")));
    }
    let country = text("country")?;
    if country != "all" && (country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err((
            "country",
            format!("'{country}' is not an ISO3 code or \"all\""),
        ));
    }
    Ok(PublishedTotal {
        id,
        period_start,
        period_end,
        country,
        counts,
        value,
        approximate: item
            .get("approximate")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        label: item
            .get("label")
            .and_then(Value::as_str)
            .filter(|l| !l.trim().is_empty())
            .map_or_else(|| text("source"), |l| Ok(l.to_owned()))?,
        source: text("source")?,
        publisher: optional("publisher"),
        url,
        note: optional("note"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"totals": [
{"id": "un-2021", "period_start": "2021-08-19", "period_end": "2021-12-31", "country": "AFG",
 "counts": "attacks", "value": 152, "source": "UN", "url": "https://example.org/un"}
]}"#;

    #[test]
    fn reads_a_total() {
        let (t, errors) = parse("t.json", GOOD);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(t[0].value, 152);
        assert_eq!(t[0].counts, Counts::Attacks);
        assert_eq!(t[0].year(), Some(2021));
        assert!(!t[0].whole_year());
        assert_eq!(t[0].period_text(), "19 Aug – 31 Dec 2021");
    }

    #[test]
    fn a_total_without_a_url_or_with_a_bad_field_is_refused_by_name() {
        for (bad, field) in [
            (
                GOOD.replace(r#", "url": "https://example.org/un""#, ""),
                "url",
            ),
            (GOOD.replace("\"attacks\"", "\"bodies\""), "counts"),
            (GOOD.replace("2021-12-31", "2021-01-31"), "period_end"),
            (GOOD.replace("152", "-1"), "value"),
        ] {
            let (t, errors) = parse("t.json", &bad);
            assert!(t.is_empty(), "{field}");
            let msg = errors[0].to_string();
            assert!(msg.contains(&format!("field '{field}'")), "{msg}");
            assert!(msg.starts_with("t.json:2:"), "{msg}");
        }
    }
}
