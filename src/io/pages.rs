//! Handing back the memory of embedded data once it has been decoded.
//!
//! The data compiled into the binary is read where it lies, in the binary's own file
//! mapping; each page read stays counted in the process's memory. Once the bytes are decoded
//! into the atlas's own structures (the basemap's levels, the outlines, the incidents, the
//! labels) those pages are a second copy nothing reads: 6 MB at start. The system is told
//! so. The bytes stay valid: a page read again comes back from the file, unchanged, since
//! the mapping is read-only.

/// Gives back the whole pages of `part` that lie inside `embedded`, bytes compiled into the
/// binary (`include_bytes!` or `include_str!`). Anything outside `embedded` (a test's own
/// buffer handed to a decoder) is left alone.
pub fn release(embedded: &'static [u8], part: &[u8]) {
    let outer = embedded.as_ptr_range();
    let inner = part.as_ptr_range();
    let start = (inner.start as usize).max(outer.start as usize);
    let end = (inner.end as usize).min(outer.end as usize);
    if start < end {
        give_back(start, end);
    }
}

#[cfg(target_os = "linux")]
fn give_back(start: usize, end: usize) {
    // SAFETY: sysconf only reads a system constant.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(0);
    if page == 0 {
        return;
    }
    // Only pages wholly inside the range: a page shared with other data is kept.
    let first = start.next_multiple_of(page);
    let last = end / page * page;
    if first < last {
        // SAFETY: the range lies in the binary's read-only data, a private mapping of its
        // file that is never written, so dropping the pages loses nothing: the next read
        // maps the same bytes from the file again.
        unsafe {
            libc::madvise(
                first as *mut libc::c_void,
                last - first,
                libc::MADV_DONTNEED,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn give_back(_start: usize, _end: usize) {}

#[cfg(test)]
mod tests {
    use super::release;

    static BYTES: &[u8] = include_bytes!("../../assets/labels.json");

    #[test]
    fn released_bytes_read_back_the_same() {
        let before = BYTES.to_vec();
        release(BYTES, BYTES);
        assert_eq!(BYTES, &before[..]);
    }

    #[test]
    fn memory_outside_the_embedded_bytes_is_left_alone() {
        // A heap buffer: dropping its pages would zero them.
        let heap = vec![7u8; 1 << 20];
        release(BYTES, &heap);
        assert!(heap.iter().all(|&b| b == 7));
    }
}
