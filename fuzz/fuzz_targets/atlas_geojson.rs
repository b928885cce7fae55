//! Any text through the atlas's own incident, region, chapter and totals readers and the
//! validator.
#![no_main]
use iskp_atlas::io::{chapters, incidents, regions, totals};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = incidents::parse("fuzz", text);
        let _ = regions::parse("fuzz", text);
        let _ = chapters::parse("fuzz", text);
        let _ = incidents::data_through("fuzz", text);
        let _ = totals::parse("fuzz", text);
        let _ = iskp_atlas::validate::region_file("fuzz", text);
        let _ = iskp_atlas::validate::totals_file("fuzz", text);
    }
});
