//! ISKP Atlas: a desktop map of Islamic State Khorasan Province violence, 2015 to today.
//!
//! `model`, `io` and `timeline` are pure (no egui) and tested on their own; `basemap`, `map`
//! and `ui` draw from them; `app` owns the state and wires everything together.

pub mod app;
pub mod basemap;
pub mod bench;
pub mod commands;
pub mod export;
pub mod io;
pub mod job;
pub mod map;
pub mod model;
pub mod state;
pub mod stats;
pub mod theme;
pub mod timeline;
pub mod ui;
pub mod validate;

pub use app::{AtlasApp, Launch};

/// Every frame the tessellator fills vertex buffers of a few megabytes and frees them. By
/// default glibc gives such memory back to the kernel at once (large blocks are mapped
/// anew, the heap top is trimmed), so the next frame faults every page in again: a third of
/// the frame time went to page faults. Keeping freed memory costs nothing in peak memory
/// (the pages were in use anyway) and takes that third away.
///
/// Kept memory must also be reusable by whichever thread allocates next: glibc gives each
/// thread that allocates at once its own arena, so what the start-up threads free (the
/// data's parse, the first tiles once they are textures) would sit apart from what the
/// first frame needs, 10 MB more at start. One arena for all; the threads that allocate
/// while the UI runs (tile workers, exports) do so a few times a tile or a frame.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn keep_freed_memory() {
    // SAFETY: mallopt only sets allocator parameters; call it first thing, before
    // other threads allocate.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() {}
