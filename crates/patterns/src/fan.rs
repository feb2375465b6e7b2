//! Fan and degree: for every edge `e` (including self-loops), the non-self-loop edges at `e`'s source
//! (out) or target (in) with time in `(t_e - window, t_e]` form a pattern of size = their number of
//! distinct counterparties (fan) or their number (degree); when the size is at least 2, each of those
//! edges counts one pattern of that size.

use crate::config::{Bins, Pattern};
use crate::counts::Counts;
use crate::graph::Graph;
use rayon::prelude::*;

/// One direction: which edges of a vertex form its list, and which end is the counterparty.
#[derive(Clone, Copy)]
pub(crate) enum Direction {
    /// Out-edges of the source; counterparties are targets.
    Out,
    /// In-edges of the target; counterparties are sources.
    In,
}

/// Per-thread scratch: counterparty multiplicities in the current window and range-add buffers.
struct Scratch {
    seen: Vec<u32>,
    list: Vec<u32>,
    diff: Vec<i32>,
}

/// Counts fan (`distinct`) or degree patterns in `dir` into `counts`.
pub(crate) fn count(g: &Graph, dir: Direction, pattern: &Pattern, distinct: bool, counts: &Counts) {
    (0..g.vertices as u32).into_par_iter().with_min_len(256).for_each_init(
        || Scratch { seen: vec![0; g.vertices], list: Vec::new(), diff: Vec::new() },
        |s, v| vertex(g, dir, v, pattern, distinct, counts, s),
    );
}

fn vertex(g: &Graph, dir: Direction, v: u32, p: &Pattern, distinct: bool, counts: &Counts, s: &mut Scratch) {
    let (triggers, other): (&[u32], &[u32]) = match dir {
        Direction::Out => (g.out_edges(v), &g.dst),
        Direction::In => (g.in_edges(v), &g.src),
    };
    s.list.clear();
    s.list.extend(triggers.iter().copied().filter(|&e| other[e as usize] != v));
    let n = s.list.len();
    if n < 2 {
        return;
    }
    let bins: &Bins = &p.bins;
    s.diff.clear();
    s.diff.resize(bins.len() * (n + 1), 0);
    let (mut wlo, mut whi, mut distinct_now) = (0usize, 0usize, 0usize);
    let mut any = false;
    for &e in triggers {
        let t = g.time[e as usize];
        let hi = g.upto(&s.list, t);
        let lo = g.upto(&s.list, t - p.window);
        let size = if distinct {
            for &f in &s.list[whi..hi] {
                let c = &mut s.seen[other[f as usize] as usize];
                distinct_now += (*c == 0) as usize;
                *c += 1;
            }
            for &f in &s.list[wlo..lo] {
                let c = &mut s.seen[other[f as usize] as usize];
                *c -= 1;
                distinct_now -= (*c == 0) as usize;
            }
            (wlo, whi) = (lo, hi);
            distinct_now
        } else {
            hi - lo
        };
        if size >= 2 {
            let b = bins.index(size) * (n + 1);
            s.diff[b + lo] += 1;
            s.diff[b + hi] -= 1;
            any = true;
        }
    }
    for &f in &s.list[wlo..whi] {
        s.seen[other[f as usize] as usize] -= 1;
    }
    if any {
        spread(g, &s.list, &s.diff, counts);
    }
}

/// Adds range increments to the edges of `list`: `diff` holds, per bin, `list.len() + 1` difference
/// entries (+n at a range's start, -n at its end).
pub(crate) fn spread(g: &Graph, list: &[u32], diff: &[i32], counts: &Counts) {
    let n = list.len();
    for (b, row) in diff.chunks_exact(n + 1).enumerate() {
        let mut run = 0i32;
        for (&f, &d) in list.iter().zip(row) {
            run += d;
            if run > 0 {
                counts.add(g.input[f as usize], b, run as u32);
            }
        }
    }
}
