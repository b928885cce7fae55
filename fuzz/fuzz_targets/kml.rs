//! Any text as KML placemarks, through the import and the column step's preview: refused or
//! read, never a panic, however deep or broken the XML.
#![no_main]
use iskp_atlas::io::Progress;
use iskp_atlas::io::import::{preview, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Made to look like KML so the fuzzer spends its time inside the KML reader.
    let mut bytes = b"<?xml version=\"1.0\"?><kml><Document>".to_vec();
    bytes.extend_from_slice(data);
    let _ = read("fuzz.kml", &bytes, 1, &Progress::default());
    let _ = preview("fuzz.kml", &bytes);
});
