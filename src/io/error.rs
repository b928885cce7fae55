//! Load errors that tell the user exactly where to look: file, line and field.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    /// 1-based line, when it is known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The property or part of the document that is wrong, e.g. `date` or `geometry`.
    pub field: Option<String>,
    /// The feature's id, when it has one, so a human can search for it.
    pub feature: Option<String>,
    pub message: String,
}

impl LoadError {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line: None,
            column: None,
            field: None,
            feature: None,
            message: message.into(),
        }
    }

    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub fn field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    pub fn feature(mut self, id: Option<&str>) -> Self {
        self.feature = id.map(str::to_owned);
        self
    }

    /// A JSON syntax error, with serde_json's line and column.
    pub fn from_json(file: &str, err: &serde_json::Error) -> Self {
        let mut e = Self::file(file, format!("invalid JSON: {err}"));
        if err.line() > 0 {
            e.line = Some(err.line());
            e.column = Some(err.column());
        }
        e
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ":")?;
        if let Some(id) = &self.feature {
            write!(f, " feature '{id}':")?;
        }
        if let Some(field) = &self.field {
            write!(f, " field '{field}':")?;
        }
        write!(f, " {}", self.message)
    }
}

impl std::error::Error for LoadError {}

/// 1-based line of the first occurrence of `"needle"` (a quoted JSON string) in `text`.
/// Used to point at a feature by its id after parsing, since serde_json values keep no spans.
pub fn line_of_quoted(text: &str, needle: &str) -> Option<usize> {
    let quoted = format!("\"{needle}\"");
    let at = text.find(&quoted)?;
    Some(text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
}

/// 1-based line of a JSON object key `"key":` in `text`, for errors about a top-level member.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let at = text.find(&quoted)?;
    Some(text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
}
