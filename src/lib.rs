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
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn keep_freed_memory() {
    // SAFETY: mallopt only sets allocator parameters; call it first thing, before
    // other threads allocate.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() {}
