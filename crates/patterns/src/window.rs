//! The sliding window over one vertex's time-sorted edges that fan, degree and gather-scatter sweep:
//! the vertex's edges without self-loops, the current window `lo..hi` of them with its number of
//! distinct counterparties, and per-bin range-add buffers for the patterns found.

use crate::counts::Counts;
use crate::graph::Graph;

/// One side (in- or out-edges) of one vertex during its sweep; reused across vertices by a thread.
pub(crate) struct EdgeWindow {
    /// The vertex's edges whose counterparty is not the vertex itself, in time order.
    pub list: Vec<u32>,
    /// Per bin, `list.len() + 1` difference entries: +1 where a counted range starts, -1 where it ends.
    diff: Vec<i32>,
    /// Multiplicity of each vertex among the window's counterparties (only when they are counted).
    seen: Vec<u32>,
    /// The window, as positions in `list`.
    lo: usize,
    /// End of the window (exclusive).
    hi: usize,
    /// Distinct counterparties in the window (only when they are counted).
    pub distinct: usize,
    /// Whether any range was marked since the last `load`.
    marked: bool,
}

impl EdgeWindow {
    /// An empty window for a graph of `vertices` vertices.
    pub fn new(vertices: usize) -> EdgeWindow {
        EdgeWindow {
            list: Vec::new(),
            diff: Vec::new(),
            seen: vec![0; vertices],
            lo: 0,
            hi: 0,
            distinct: 0,
            marked: false,
        }
    }

    /// Starts a sweep over `edges` of `v` whose counterparty (`ends`) is not `v`, with `bins` bins.
    pub fn load(&mut self, edges: &[u32], ends: &[u32], v: u32, bins: usize) {
        self.list.clear();
        self.list.extend(edges.iter().copied().filter(|&e| ends[e as usize] != v));
        self.diff.clear();
        self.diff.resize(bins * (self.list.len() + 1), 0);
        (self.lo, self.hi, self.marked) = (0, 0, false);
    }

    /// Moves the window to `lo..hi` (neither bound may decrease); with `ends`, keeps the distinct
    /// count of the counterparties up to date.
    pub fn slide(&mut self, lo: usize, hi: usize, ends: Option<&[u32]>) {
        if let Some(ends) = ends {
            for &f in &self.list[self.hi..hi] {
                let c = &mut self.seen[ends[f as usize] as usize];
                self.distinct += (*c == 0) as usize;
                *c += 1;
            }
            for &f in &self.list[self.lo..lo] {
                let c = &mut self.seen[ends[f as usize] as usize];
                *c -= 1;
                self.distinct -= (*c == 0) as usize;
            }
        }
        (self.lo, self.hi) = (lo, hi);
    }

    /// Counts one pattern in `bin` for every edge of the window.
    pub fn mark(&mut self, bin: usize) {
        let row = bin * (self.list.len() + 1);
        self.diff[row + self.lo] += 1;
        self.diff[row + self.hi] -= 1;
        self.marked = true;
    }

    /// Ends the sweep: empties the window (with the same `ends` as `slide`, so the distinct counts
    /// return to zero) and adds the marked ranges to the edges' counts.
    pub fn finish(&mut self, g: &Graph, ends: Option<&[u32]>, counts: &Counts) {
        self.slide(self.hi, self.hi, ends);
        if !self.marked {
            return;
        }
        let n = self.list.len();
        for (b, row) in self.diff.chunks_exact(n + 1).enumerate() {
            let mut run = 0i32;
            for (&f, &d) in self.list.iter().zip(row) {
                run += d;
                if run > 0 {
                    counts.add(g.input[f as usize], b, run as u32);
                }
            }
        }
    }
}
