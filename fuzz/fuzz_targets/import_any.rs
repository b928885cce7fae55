//! Any bytes through format detection, the column preview, the user's choice of columns and
//! every importer: must never panic.
#![no_main]
use iskp_atlas::io::Progress;
use iskp_atlas::io::import::{Mapping, preview, read, read_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let p = Progress::default();
    let _ = read("fuzz", data, 1, &p);
    if let Ok(preview) = preview("fuzz", data) {
        // What the column window would show, then an import with a choice made from the
        // file's own column names (the first ones, in whatever roles they land).
        let _ = preview.try_rows(&preview.guess);
        let pick = |k: usize| preview.columns.get(k).cloned().unwrap_or_default();
        let m = Mapping {
            date: pick(0),
            lat: pick(1),
            lon: pick(2),
            place: Some(pick(4)),
            deaths: Some(pick(3)),
            title: Some(String::new()),
            category: None,
            sheet: preview.sheets.last().cloned(),
        };
        let _ = preview.try_rows(&m);
        let _ = read_with("fuzz", data, 1, &p, Some(&m));
    }
});
