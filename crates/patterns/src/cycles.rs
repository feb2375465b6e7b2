//! Cycles closed by each edge `u -> v` at time `t` (the closing edge), as bundles: one per vertex
//! sequence `v -> .. -> u`, holding every edge that lies on some valid path along that sequence. Each
//! edge of a bundle, and the closing edge, counts one cycle of size = number of vertices.
//!
//! * Temporal cycles: path times strictly increase and lie in `[t - window, t)`; optionally the cycle has
//!   at most `max_len` edges.
//! * Simple cycles: path edges precede the closing edge in time order (ties: input order), have time
//!   `>= t - window`, and the cycle has at most `max_len` edges.
//!
//! Both searches run from `v` forward and are pruned by a backward pass from `u`: latest departure
//! times (temporal) or hop distances (simple); paths stop growing at the length bound.

use crate::config::Pattern;
use crate::counts::Counts;
use crate::graph::Graph;
use crate::Truncation;
use rayon::prelude::*;
use std::collections::BinaryHeap;

const UNSET: i64 = i64::MIN;

/// Per-thread search state; every array is indexed by vertex and reset after each closing edge.
struct Scratch {
    /// Temporal: latest time a path may leave the vertex and still reach `u`. Simple: hops to `u`.
    mark: Vec<i64>,
    touched: Vec<u32>,
    on_path: Vec<bool>,
    heap: BinaryHeap<(i64, u32)>,
    frontier: Vec<u32>,
    /// DFS frames: vertex, next pair to try, end of its pairs, arrival time (temporal).
    stack: Vec<(u32, u32, u32, i64)>,
    /// Pair taken into each path vertex after the first.
    via: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            mark: vec![UNSET; n],
            touched: Vec::new(),
            on_path: vec![false; n],
            heap: BinaryHeap::new(),
            frontier: Vec::new(),
            stack: Vec::new(),
            via: Vec::new(),
        }
    }

    fn set(&mut self, v: u32, value: i64) {
        if self.mark[v as usize] == UNSET {
            self.touched.push(v);
        }
        self.mark[v as usize] = value;
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.mark[v as usize] = UNSET;
        }
        self.touched.clear();
    }
}

/// What distinguishes the two cycle kinds during one closing edge's search.
#[derive(Clone, Copy)]
enum Kind {
    Temporal,
    /// Allowed path edges are the positions `from..closing`.
    Simple {
        from: u32,
    },
}

/// The most path edges (the closing edge not counted) of cycles of at most `max_len` edges.
fn max_hops(max_len: usize) -> i64 {
    max_len as i64 - 1
}

/// Counts temporal cycles, of at most `max_len` edges if given, into `counts`.
pub(crate) fn temporal(
    g: &Graph,
    p: &Pattern,
    max_len: Option<usize>,
    hub_limit: Option<usize>,
    counts: &Counts,
    cut: &Truncation,
) {
    run(g, p, max_len.map_or(i64::MAX, max_hops), hub_limit, counts, cut, |_, _| Kind::Temporal);
}

/// Counts simple cycles of at most `max_len` edges into `counts`.
pub(crate) fn simple(
    g: &Graph,
    p: &Pattern,
    max_len: usize,
    hub_limit: Option<usize>,
    counts: &Counts,
    cut: &Truncation,
) {
    run(g, p, max_hops(max_len), hub_limit, counts, cut, |_, lo| Kind::Simple {
        from: g.time.partition_point(|&t| t < lo) as u32,
    });
}

/// Searches the cycles of paths of at most `hops` edges closed by every edge.
fn run(
    g: &Graph,
    p: &Pattern,
    hops: i64,
    hub_limit: Option<usize>,
    counts: &Counts,
    cut: &Truncation,
    kind: impl Fn(u32, i64) -> Kind + Sync,
) {
    (0..g.len() as u32).into_par_iter().with_min_len(64).for_each_init(
        || Scratch::new(g.vertices),
        |s, e| {
            let (u, v, t) = (g.src[e as usize], g.dst[e as usize], g.time[e as usize]);
            let lo = t - p.window;
            if u == v {
                return;
            }
            let hub = |x: u32| g.is_hub(x, lo, t, hub_limit);
            if hub(u) || hub(v) {
                cut.hit();
                return;
            }
            let kind = kind(e, lo);
            let search = Search { g, p, e, u, v, t, lo, kind, hops, counts };
            let truncated = match kind {
                Kind::Temporal => search.latest_departures(s, &hub),
                Kind::Simple { .. } => search.hop_distances(s, &hub),
            };
            if truncated {
                cut.hit();
            }
            if s.mark[v as usize] != UNSET {
                search.paths(s);
            }
            s.reset();
        },
    );
}

struct Search<'a> {
    g: &'a Graph,
    p: &'a Pattern,
    e: u32,
    u: u32,
    v: u32,
    t: i64,
    lo: i64,
    kind: Kind,
    /// The most edges of a path `v -> .. -> u`.
    hops: i64,
    counts: &'a Counts,
}

impl Search<'_> {
    /// Edges of pair `k` usable on a path, as a range of the pair's list: temporal ones after `after` and
    /// before `before`; simple ones by position.
    fn usable(&self, k: u32, after: i64, before: i64) -> std::ops::Range<usize> {
        let edges = self.g.pair(k);
        match self.kind {
            Kind::Temporal => {
                let time = |f: &u32| self.g.time[*f as usize];
                let a = edges.partition_point(|f| time(f) <= after.max(self.lo - 1));
                let b = edges.partition_point(|f| time(f) < before.min(self.t));
                a..b.max(a)
            }
            Kind::Simple { from } => {
                let a = edges.partition_point(|&f| f < from);
                let b = edges.partition_point(|&f| f < self.e);
                a..b.max(a)
            }
        }
    }

    /// Temporal pruning: the latest time each vertex can be left on a time-increasing path to `u`.
    /// Returns whether a hub was skipped.
    fn latest_departures(&self, s: &mut Scratch, hub: &impl Fn(u32) -> bool) -> bool {
        let (g, mut truncated) = (self.g, false);
        s.set(self.u, self.t);
        s.heap.push((self.t, self.u));
        while let Some((l, z)) = s.heap.pop() {
            if l != s.mark[z as usize] {
                continue;
            }
            for &k in g.in_pairs(z) {
                let y = g.pair_ends(k).0;
                if y == z || y == self.u {
                    continue;
                }
                let r = self.usable(k, UNSET, l);
                if r.is_empty() {
                    continue;
                }
                let dep = g.time[g.pair(k)[r.end - 1] as usize];
                if dep > s.mark[y as usize] {
                    if hub(y) {
                        truncated = true;
                        continue;
                    }
                    s.set(y, dep);
                    s.heap.push((dep, y));
                }
            }
        }
        truncated
    }

    /// Simple-cycle pruning: hop distance of each vertex to `u` within the path length bound.
    fn hop_distances(&self, s: &mut Scratch, hub: &impl Fn(u32) -> bool) -> bool {
        let (g, mut truncated) = (self.g, false);
        s.set(self.u, 0);
        let mut frontier = std::mem::take(&mut s.frontier);
        frontier.clear();
        frontier.push(self.u);
        let mut next = Vec::new();
        for depth in 1..=self.hops {
            next.clear();
            for &z in &frontier {
                for &k in g.in_pairs(z) {
                    let y = g.pair_ends(k).0;
                    if y == z || s.mark[y as usize] != UNSET || self.usable(k, 0, 0).is_empty() {
                        continue;
                    }
                    if hub(y) {
                        truncated = true;
                        continue;
                    }
                    s.set(y, depth);
                    next.push(y);
                }
            }
            std::mem::swap(&mut frontier, &mut next);
        }
        s.frontier = frontier;
        truncated
    }

    /// Enumerates vertex sequences `v -> .. -> u` depth-first and counts each one's bundle.
    fn paths(&self, s: &mut Scratch) {
        let g = self.g;
        s.on_path[self.v as usize] = true;
        let r = g.out_pairs(self.v);
        s.stack.clear();
        s.via.clear();
        s.stack.push((self.v, r.start, r.end, self.lo - 1));
        while let Some(top) = s.stack.last_mut() {
            let (x, k, end, arrival) = *top;
            if k == end {
                s.on_path[x as usize] = false;
                s.stack.pop();
                s.via.pop();
                continue;
            }
            top.1 += 1;
            let y = g.pair_ends(k).1;
            if y == x || s.on_path[y as usize] {
                continue;
            }
            let depth = s.stack.len() as i64; // edges on the path after taking k
            let before = if y == self.u { self.t } else { s.mark[y as usize] };
            if before == UNSET {
                continue;
            }
            // The fewest edges from y to u: hop distance (simple), at least one (temporal).
            let rest = match self.kind {
                _ if y == self.u => 0,
                Kind::Temporal => 1,
                Kind::Simple { .. } => s.mark[y as usize],
            };
            if depth + rest > self.hops {
                continue;
            }
            let usable = self.usable(k, arrival, before);
            if usable.is_empty() {
                continue;
            }
            s.via.push(k);
            if y == self.u {
                self.bundle(s);
                s.via.pop();
                continue;
            }
            let first = g.time[g.pair(k)[usable.start] as usize];
            let r = g.out_pairs(y);
            s.on_path[y as usize] = true;
            s.stack.push((y, r.start, r.end, first));
        }
    }

    /// Counts the bundle of the current path (`s.via` ends at `u`).
    fn bundle(&self, s: &Scratch) {
        let g = self.g;
        let bin = self.p.bins.index(s.via.len() + 1);
        self.counts.add(g.input[self.e as usize], bin, 1);
        let mut before = self.t;
        for (i, &k) in s.via.iter().enumerate().rev() {
            let arrival = s.stack[i].3;
            let r = self.usable(k, arrival, before);
            let edges = &g.pair(k)[r];
            for &f in edges {
                self.counts.add(g.input[f as usize], bin, 1);
            }
            before = g.time[edges[edges.len() - 1] as usize];
        }
    }
}
