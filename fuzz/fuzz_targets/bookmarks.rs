//! Bookmark files and saved states: refused or read, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = iskp_atlas::bookmarks::from_json(text);
        let _ = iskp_atlas::state::State::restore(Some(text));
    }
});
