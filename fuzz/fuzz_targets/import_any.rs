//! Any bytes through format detection and every importer: must never panic.
#![no_main]
use iskp_atlas::io::import::{Progress, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read("fuzz", data, 1, &Progress::default());
});
