//! Gather-scatter (not in GFP): money gathered into a vertex `h` from several payers, then scattered
//! from it to several payees. Every non-self-loop edge `h -> w` at time `t` is a trigger:
//!
//! * the gather edges are the edges `x -> h`, `x != h`, with time in `[t - window, t)`; the payers are
//!   their distinct sources;
//! * the scatter edges are the edges `h -> y`, `y != h`, with time in `[first, t]`, where `first` is the
//!   earliest gather edge's time; the payees are their distinct targets (the trigger is one of them).
//!
//! With at least two payers and two payees, every gather and scatter edge counts one pattern of size
//! `min(payers, payees)`. Like fan, one sweep per vertex over its time-sorted in- and out-edges with two
//! sliding windows, whose counts are spread by difference arrays.

use crate::config::Pattern;
use crate::counts::Counts;
use crate::fan::spread;
use crate::graph::Graph;
use crate::Truncation;
use rayon::prelude::*;

/// One side of the vertex (gather: in-edges, scatter: out-edges) during its sweep: the side's edges
/// without self-loops, the current window `lo..hi` of them with its number of distinct counterparties,
/// and the range-add buffer of the patterns found.
struct Side {
    list: Vec<u32>,
    diff: Vec<i32>,
    /// Multiplicity of each vertex among the window's counterparties.
    seen: Vec<u32>,
    lo: usize,
    hi: usize,
    distinct: usize,
}

impl Side {
    fn new(vertices: usize) -> Side {
        Side { list: Vec::new(), diff: Vec::new(), seen: vec![0; vertices], lo: 0, hi: 0, distinct: 0 }
    }

    /// Starts a sweep over `edges` of `h` whose counterparty (`ends`) is not `h`, with `bins` bins.
    fn load(&mut self, edges: &[u32], ends: &[u32], h: u32, bins: usize) {
        self.list.clear();
        self.list.extend(edges.iter().copied().filter(|&e| ends[e as usize] != h));
        self.diff.clear();
        self.diff.resize(bins * (self.list.len() + 1), 0);
        (self.lo, self.hi) = (0, 0);
    }

    /// Moves the window to `lo..hi` (neither bound may decrease).
    fn slide(&mut self, lo: usize, hi: usize, ends: &[u32]) {
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
        (self.lo, self.hi) = (lo, hi);
    }

    /// Counts one pattern in `bin` for every edge of the window.
    fn mark(&mut self, bin: usize) {
        let row = bin * (self.list.len() + 1);
        self.diff[row + self.lo] += 1;
        self.diff[row + self.hi] -= 1;
    }
}

/// Counts gather-scatter patterns into `counts`.
pub(crate) fn count(g: &Graph, p: &Pattern, hub_limit: Option<usize>, counts: &Counts, cut: &Truncation) {
    (0..g.vertices as u32).into_par_iter().with_min_len(256).for_each_init(
        || (Side::new(g.vertices), Side::new(g.vertices)),
        |(gather, scatter), h| {
            gather.load(g.in_edges(h), &g.src, h, p.bins.len());
            scatter.load(g.out_edges(h), &g.dst, h, p.bins.len());
            if gather.list.len() < 2 || scatter.list.len() < 2 {
                return;
            }
            let mut any = false;
            for i in 0..scatter.list.len() {
                let e = scatter.list[i] as usize;
                let (t, w) = (g.time[e], g.dst[e]);
                let lo = t - p.window;
                if g.is_hub(h, lo, t, hub_limit) || g.is_hub(w, lo, t, hub_limit) {
                    cut.hit();
                    continue;
                }
                let from = g.upto(&gather.list, lo - 1);
                gather.slide(from, g.upto(&gather.list, t - 1), &g.src);
                if gather.distinct < 2 {
                    continue;
                }
                let first = g.time[gather.list[from] as usize];
                scatter.slide(g.upto(&scatter.list, first - 1), g.upto(&scatter.list, t), &g.dst);
                if scatter.distinct < 2 {
                    continue;
                }
                let bin = p.bins.index(gather.distinct.min(scatter.distinct));
                gather.mark(bin);
                scatter.mark(bin);
                any = true;
            }
            gather.slide(gather.hi, gather.hi, &g.src);
            scatter.slide(scatter.hi, scatter.hi, &g.dst);
            if any {
                spread(g, &gather.list, &gather.diff, counts);
                spread(g, &scatter.list, &scatter.diff, counts);
            }
        },
    );
}
