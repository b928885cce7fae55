//! Any bytes as the sheet of an XLSX workbook and as the content of an ODS spreadsheet, each
//! packed in a valid archive so the fuzzer reaches the sheet readers: refused or read, never
//! a panic, and never more memory than the size checks allow.
#![no_main]
use iskp_atlas::io::Progress;
use iskp_atlas::io::import::{preview, read};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const BOOK: &[u8] = br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const BOOK_RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let p = Progress::default();
    let xlsx = zip_of(&[
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", BOOK),
        ("xl/_rels/workbook.xml.rels", BOOK_RELS),
        ("xl/worksheets/sheet1.xml", data),
    ]);
    let _ = read("fuzz.xlsx", &xlsx, 1, &p);
    let _ = preview("fuzz.xlsx", &xlsx);
    let ods = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", data),
    ]);
    let _ = read("fuzz.ods", &ods, 1, &p);
    // And the bytes as an archive of their own.
    let _ = read("fuzz.zip", data, 1, &p);
});
