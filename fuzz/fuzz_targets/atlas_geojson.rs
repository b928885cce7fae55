//! Any text through the atlas's own incident, region and chapter readers and the validator.
#![no_main]
use iskp_atlas::io::{chapters, incidents, regions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = incidents::parse("fuzz", text);
        let _ = regions::parse("fuzz", text);
        let _ = chapters::parse("fuzz", text);
        let _ = iskp_atlas::validate::region_file("fuzz", text);
    }
});
