//! Rows of cells from a sheet or a KML file, turned into CSV text so that every CSV reader,
//! the preview and the column step take them exactly as they take a CSV file. Each line of
//! that text remembers where it came from: the sheet's row number or the KML file's line.

/// A file's text as the CSV readers walk it.
#[derive(Debug)]
pub struct Text<'a> {
    pub body: std::borrow::Cow<'a, str>,
    /// For text made from a sheet or a KML file: `origin[k]` is the row or line in the file
    /// that line `k + 1` of `body` came from. `None`: the lines are the file's own.
    pub origin: Option<Vec<u32>>,
    /// The separator, when it is known rather than to be told from the header.
    pub delimiter: Option<u8>,
    /// What was left out before the rows were read (other sheets, placemarks without a
    /// point), for the report.
    pub notes: Vec<String>,
    /// A workbook's sheets, and the one read.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// Whether whole numbers in the date column are spreadsheet serial dates.
    pub serial_dates: bool,
}

impl<'a> Text<'a> {
    pub fn plain(body: std::borrow::Cow<'a, str>) -> Self {
        Self {
            body,
            origin: None,
            delimiter: None,
            notes: Vec::new(),
            sheets: Vec::new(),
            sheet: String::new(),
            serial_dates: false,
        }
    }

    /// The line or row in the file of line `line` of the text.
    pub fn line_in_file(&self, line: usize) -> usize {
        match &self.origin {
            None => line,
            Some(o) => o.get(line.wrapping_sub(1)).map_or(line, |&l| l as usize),
        }
    }
}

/// Writes rows of cells as CSV, one line per row: breaks inside a cell become spaces, so
/// line k of the text is the k-th row written.
pub struct TableWriter {
    w: csv::Writer<Vec<u8>>,
    origin: Vec<u32>,
}

impl Default for TableWriter {
    fn default() -> Self {
        Self {
            w: csv::WriterBuilder::new()
                .flexible(true)
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new()),
            origin: Vec::new(),
        }
    }
}

impl TableWriter {
    pub fn row<S: AsRef<str>>(&mut self, origin: usize, cells: &[S]) {
        let flat = cells.iter().map(|c| {
            let c = c.as_ref().trim();
            if c.contains(['\n', '\r']) {
                std::borrow::Cow::Owned(c.replace("\r\n", " ").replace(['\n', '\r'], " "))
            } else {
                std::borrow::Cow::Borrowed(c)
            }
        });
        // Writing to a Vec cannot fail.
        let _ = self
            .w
            .write_record(flat.collect::<Vec<_>>().iter().map(|c| c.as_bytes()));
        self.origin.push(origin.min(u32::MAX as usize) as u32);
    }

    pub fn rows_written(&self) -> usize {
        self.origin.len()
    }

    pub fn finish(self) -> Text<'static> {
        let bytes = self.w.into_inner().unwrap_or_default();
        let mut text = Text::plain(std::borrow::Cow::Owned(
            String::from_utf8(bytes).unwrap_or_default(),
        ));
        text.origin = Some(self.origin);
        text.delimiter = Some(b',');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_one_line_and_knows_where_it_came_from() {
        let mut w = TableWriter::default();
        w.row(3, &["date", "place"]);
        w.row(5, &["2021-08-26", "Kabul,\nairport \"Abbey Gate\""]);
        let t = w.finish();
        assert_eq!(
            t.body,
            "date,place\n2021-08-26,\"Kabul, airport \"\"Abbey Gate\"\"\"\n"
        );
        assert_eq!((t.line_in_file(1), t.line_in_file(2)), (3, 5));
    }
}
