//! How far a long job has got (a file being read, an export being rendered), shared between
//! the worker doing it and the window showing it, and the window's way to stop it. `done`
//! and `total` count whatever the job counts: bytes for a read, frames for an animation.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Progress {
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Asks the worker to stop at its next check.
    pub fn stop(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// From 0 to 1, for a progress bar.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        self.done.load(Ordering::Relaxed) as f32 / total as f32
    }
}
