//! Any text as a place name for the gazetteer, and as a CSV of place names placed by it:
//! placed, or refused with a reason, never a panic.
#![no_main]
use iskp_atlas::io::Progress;
use iskp_atlas::io::gazetteer::Gazetteer;
use iskp_atlas::io::import::{Mapping, read_columns};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Gazetteer::shared().find(text);
    }
    let mut csv = b"date,place\n".to_vec();
    csv.extend_from_slice(data);
    let m = Mapping::parse_spec("date=date,place=place").unwrap();
    let _ = read_columns("fuzz.csv", &csv, 1, &Progress::default(), Some(&m));
});
