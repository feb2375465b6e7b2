//! Per-edge histograms filled concurrently.

use std::sync::atomic::{AtomicU32, Ordering};

/// One histogram per edge (rows in input order), incremented from many threads.
pub(crate) struct Counts {
    bins: usize,
    cells: Vec<AtomicU32>,
}

impl Counts {
    /// Zeroed histograms of `bins` bins for `edges` edges.
    pub fn new(edges: usize, bins: usize) -> Counts {
        Counts { bins, cells: (0..edges * bins).map(|_| AtomicU32::new(0)).collect() }
    }

    /// Adds `n` to bin `bin` of the edge with input index `row`.
    pub fn add(&self, row: u32, bin: usize, n: u32) {
        self.cells[row as usize * self.bins + bin].fetch_add(n, Ordering::Relaxed);
    }

    /// The plain counts, row-major.
    pub fn into_vec(self) -> Vec<u32> {
        self.cells.into_iter().map(AtomicU32::into_inner).collect()
    }
}
