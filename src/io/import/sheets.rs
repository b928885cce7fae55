//! XLSX and ODS workbooks, read with calamine: one sheet (the first, or the one named) as rows
//! of text, through the same column step as a CSV. Cells formatted as dates come out as ISO
//! dates. A sheet's size is checked before anything is kept, so a file that claims millions
//! of cells is refused rather than filling memory.

use super::archive::{self, Zip};
use super::table::{TableWriter, Text};
use crate::io::LoadError;
use calamine::{Data, Reader};
use std::io::Cursor;

/// More columns than any events table has; wider sheets are refused.
pub const MAX_COLUMNS: usize = 2_000;
/// Cells the atlas walks in one sheet, empty ones included.
pub const MAX_CELLS: usize = 20_000_000;

/// With no sheet named, the first that holds a table (a header of two or more columns and
/// a row under it), or else the first.
pub fn read_xlsx(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Text<'static>, LoadError> {
    first_table(sheet, |name| read_xlsx_sheet(file, bytes, name))
}

fn first_table(
    sheet: Option<&str>,
    mut read: impl FnMut(Option<&str>) -> Result<Text<'static>, LoadError>,
) -> Result<Text<'static>, LoadError> {
    let first = read(sheet)?;
    if sheet.is_some() || holds_table(&first) {
        return Ok(first);
    }
    for name in first.sheets.clone().iter().skip(1) {
        let t = read(Some(name))?;
        if holds_table(&t) {
            return Ok(t);
        }
    }
    Ok(first)
}

fn holds_table(t: &Text<'_>) -> bool {
    let mut lines = t.body.lines();
    let header = lines.next().unwrap_or("");
    header.contains(',') && lines.next().is_some()
}

fn read_xlsx_sheet(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<Text<'static>, LoadError> {
    let fail =
        |e: calamine::XlsxError| LoadError::file(file, format!("cannot read the workbook: {e}"));
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(fail)?;
    let names = book.sheet_names();
    let chosen = choose(file, &names, sheet)?;
    let mut cells = book.worksheet_cells_reader(&chosen).map_err(fail)?;
    let mut rows = Rows::new(file);
    while let Some(cell) = cells.next_cell().map_err(fail)? {
        let (r, c) = cell.get_position();
        rows.cell(
            r as usize,
            c as usize,
            data_text(&Data::from(cell.get_value().clone())),
        )?;
    }
    Ok(rows.finish(names, chosen))
}

pub fn read_ods(
    file: &str,
    bytes: &[u8],
    zip: &mut Zip<'_>,
    sheet: Option<&str>,
) -> Result<Text<'static>, LoadError> {
    first_table(sheet, |name| read_ods_sheet(file, bytes, zip, name))
}

fn read_ods_sheet(
    file: &str,
    bytes: &[u8],
    zip: &mut Zip<'_>,
    sheet: Option<&str>,
) -> Result<Text<'static>, LoadError> {
    // calamine lays an ODS sheet out as a full grid, so its extent is measured first.
    let content = archive::text(file, zip, "content.xml")?;
    let extent = ods_extent(&content);
    if extent.cells > MAX_CELLS || extent.columns > MAX_COLUMNS {
        return Err(LoadError::file(
            file,
            format!(
                "a sheet spans {} rows by {} columns ({} cells, most of them empty), more than the atlas reads ({} cells, {MAX_COLUMNS} columns): save just the rows and columns with data",
                extent.rows, extent.columns, extent.cells, MAX_CELLS
            ),
        ));
    }
    drop(content);
    let fail =
        |e: calamine::OdsError| LoadError::file(file, format!("cannot read the workbook: {e}"));
    let mut book = calamine::Ods::new(Cursor::new(bytes)).map_err(fail)?;
    let names = book.sheet_names();
    let chosen = choose(file, &names, sheet)?;
    let range = book.worksheet_range(&chosen).map_err(fail)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = Rows::new(file);
    for (r, row) in range.rows().enumerate() {
        for (c, value) in row.iter().enumerate() {
            rows.cell(top as usize + r, left as usize + c, data_text(value))?;
        }
    }
    Ok(rows.finish(names, chosen))
}

fn choose(file: &str, names: &[String], sheet: Option<&str>) -> Result<String, LoadError> {
    match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| LoadError::file(file, "the workbook has no sheets")),
        Some(want) => names
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(want))
            .cloned()
            .ok_or_else(|| {
                LoadError::file(
                    file,
                    format!(
                        "no sheet named '{want}' (the sheets are {})",
                        names.join(", ")
                    ),
                )
                .field("sheet")
            }),
    }
}

/// Cells arriving row by row, written out as CSV lines: the first row with anything in it is
/// the header, empty rows are dropped, and each line keeps its row number.
struct Rows<'f> {
    file: &'f str,
    out: TableWriter,
    row: Option<usize>,
    cells: Vec<String>,
    width: usize,
    walked: usize,
    ignored_right: usize,
    /// Rows above the header with one cell filled (a sheet's title), held back: the header is
    /// the first row with two or more, or this when none has.
    title: Option<(usize, Vec<String>)>,
    above: usize,
}

impl<'f> Rows<'f> {
    fn new(file: &'f str) -> Self {
        Self {
            file,
            out: TableWriter::default(),
            row: None,
            cells: Vec::new(),
            width: MAX_COLUMNS,
            walked: 0,
            ignored_right: 0,
            title: None,
            above: 0,
        }
    }

    fn cell(&mut self, row: usize, col: usize, text: String) -> Result<(), LoadError> {
        self.walked += 1;
        if self.walked > MAX_CELLS {
            return Err(LoadError::file(
                self.file,
                format!("the sheet has more than {MAX_CELLS} cells, more than the atlas reads"),
            ));
        }
        if self.row != Some(row) {
            if self.row.is_some_and(|r| row < r) {
                return Err(LoadError::file(
                    self.file,
                    format!(
                        "the sheet's cells are out of order at row {}: open it in a spreadsheet and save it again",
                        row + 1
                    ),
                ));
            }
            self.flush();
            self.row = Some(row);
        }
        if text.trim().is_empty() {
            return Ok(());
        }
        if col >= self.width {
            if self.out.rows_written() == 0 {
                return Err(LoadError::file(
                    self.file,
                    format!("the sheet is wider than {MAX_COLUMNS} columns"),
                ));
            }
            // Past the header's last column: no column to put it in.
            self.ignored_right += 1;
            return Ok(());
        }
        if self.cells.len() <= col {
            self.cells.resize(col + 1, String::new());
        }
        self.cells[col] = text;
        Ok(())
    }

    fn flush(&mut self) {
        if let Some(row) = self.row
            && !self.cells.is_empty()
        {
            if self.out.rows_written() == 0 {
                let filled = self.cells.iter().filter(|c| !c.is_empty()).count();
                if filled < 2 {
                    self.above += 1;
                    let cells = std::mem::take(&mut self.cells);
                    self.title.get_or_insert((row, cells));
                    return;
                }
                self.title = None;
                self.width = self.cells.len();
            }
            self.out.row(row + 1, &self.cells);
        }
        self.cells.clear();
    }

    fn finish(mut self, names: Vec<String>, chosen: String) -> Text<'static> {
        self.flush();
        if let Some((row, cells)) = self.title.take() {
            // Nothing wider than one cell: the first row is the header after all.
            self.out.row(row + 1, &cells);
            self.above = 0;
        }
        let above = self.above;
        let ignored = self.ignored_right;
        let mut text = self.out.finish();
        if names.len() > 1 {
            text.notes.push(format!(
                "read the sheet '{chosen}'; the workbook also has {} (on the command line --columns sheet=NAME reads another)",
                names
                    .iter()
                    .filter(|n| **n != chosen)
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if above > 0 {
            text.notes.push(if above == 1 {
                "1 row above the header (a title) was left out".to_owned()
            } else {
                format!("{above} rows above the header (a title) were left out")
            });
        }
        if ignored > 0 {
            text.notes.push(format!(
                "{ignored} {} right of the header's last column left out",
                if ignored == 1 { "cell" } else { "cells" }
            ));
        }
        text.sheets = names;
        text.sheet = chosen;
        text.serial_dates = true;
        text
    }
}

fn data_text(v: &Data) -> String {
    match v {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => date_text(d),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// Whole numbers without a trailing ".0", so a count reads as a count.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn date_text(d: &calamine::ExcelDateTime) -> String {
    if !d.is_datetime() {
        return number_text(d.as_f64());
    }
    let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
    if (h, min, s) == (0, 0, 0) {
        format!("{y:04}-{m:02}-{day:02}")
    } else {
        format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
    }
}

/// The grid calamine would lay out for an ODS file's largest sheet.
#[derive(Debug, Default, PartialEq)]
struct Extent {
    rows: usize,
    columns: usize,
    cells: usize,
}

/// Measured from content.xml as a stream: columns up to each row's last filled cell, rows
/// up to the last filled row, repeats counted as LibreOffice writes them.
fn ods_extent(content: &str) -> Extent {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(content);
    let mut worst = Extent::default();
    let (mut rows, mut width, mut raw) = (0usize, 0usize, 0usize);
    let (mut row_repeat, mut col, mut row_last_filled) = (1usize, 0usize, 0usize);
    let (mut filled_rows_to, mut in_cell, mut cell_repeat, mut cell_filled) =
        (0usize, false, 1usize, false);
    let repeat = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, 1 << 24)
    };
    let has_value = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes()
            .flatten()
            .any(|a| a.key.as_ref() == "office:value-type")
    };
    let finish_table = |rows: usize, width: usize, raw: usize, worst: &mut Extent| {
        let cells = rows.saturating_mul(width).max(raw);
        if cells > worst.cells {
            *worst = Extent {
                rows,
                columns: width,
                cells,
            };
        }
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated");
                col = 0;
                row_last_filled = 0;
            }
            Ok(Event::End(e)) if e.name().as_ref() == "table:table-row" => {
                rows = rows.saturating_add(row_repeat);
                if row_last_filled > 0 {
                    filled_rows_to = rows;
                    width = width.max(row_last_filled);
                    raw = raw.saturating_add(row_last_filled);
                }
            }
            Ok(Event::Start(e))
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                in_cell = true;
                cell_repeat = repeat(&e, "table:number-columns-repeated");
                cell_filled = has_value(&e);
            }
            Ok(Event::Empty(e))
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n = repeat(&e, "table:number-columns-repeated");
                col = col.saturating_add(n);
                if has_value(&e) {
                    row_last_filled = col;
                }
            }
            Ok(Event::Text(t)) if in_cell && !t.as_ref().trim().is_empty() => {
                cell_filled = true;
            }
            Ok(Event::End(e))
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                in_cell = false;
                col = col.saturating_add(cell_repeat);
                if cell_filled {
                    row_last_filled = col;
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == "table:table" => {
                finish_table(filled_rows_to, width, raw, &mut worst);
                (rows, width, raw, filled_rows_to) = (0, 0, 0, 0);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    finish_table(filled_rows_to, width, raw, &mut worst);
    worst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ods_content(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    #[test]
    fn an_ods_sheet_is_measured_as_calamine_would_lay_it_out() {
        // What LibreOffice writes: two filled rows, then a million empty ones.
        let normal = ods_content(
            r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>date</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row><table:table-row><table:table-cell office:value-type="date" office:date-value="2021-08-26"><text:p>26/08/21</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#,
        );
        assert_eq!(
            ods_extent(&normal),
            Extent {
                rows: 2,
                columns: 1,
                cells: 2
            }
        );
        // A filled cell a million rows down and sixteen thousand columns across.
        let hostile = ods_content(
            r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="float" office:value="2"/></table:table-row></table:table>"#,
        );
        let e = ods_extent(&hostile);
        assert_eq!((e.rows, e.columns), (1_000_002, 16_001));
        assert!(e.cells > MAX_CELLS);
    }

    #[test]
    fn serials_and_numbers_read_as_people_wrote_them() {
        assert_eq!(number_text(170.0), "170");
        assert_eq!(number_text(34.52), "34.52");
        let d = calamine::ExcelDateTime::new(44434.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_text(&d), "2021-08-26");
    }
}
