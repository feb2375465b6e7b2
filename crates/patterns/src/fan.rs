//! Fan and degree: for every edge `e` (including self-loops), the non-self-loop edges at `e`'s source
//! (out) or target (in) with time in `(t_e - window, t_e]` form a pattern of size = their number of
//! distinct counterparties (fan) or their number (degree); when the size is at least 2, each of those
//! edges counts one pattern of that size.

use crate::config::Pattern;
use crate::counts::Counts;
use crate::graph::Graph;
use crate::window::EdgeWindow;
use rayon::prelude::*;

/// One direction: which edges of a vertex form its list, and which end is the counterparty.
#[derive(Clone, Copy)]
pub(crate) enum Direction {
    /// Out-edges of the source; counterparties are targets.
    Out,
    /// In-edges of the target; counterparties are sources.
    In,
}

/// Counts fan (`distinct`) or degree patterns in `dir` into `counts`.
pub(crate) fn count(g: &Graph, dir: Direction, pattern: &Pattern, distinct: bool, counts: &Counts) {
    (0..g.vertices as u32)
        .into_par_iter()
        .with_min_len(256)
        .for_each_init(|| EdgeWindow::new(g.vertices), |w, v| vertex(g, dir, v, pattern, distinct, counts, w));
}

fn vertex(g: &Graph, dir: Direction, v: u32, p: &Pattern, distinct: bool, counts: &Counts, w: &mut EdgeWindow) {
    let (triggers, other): (&[u32], &[u32]) = match dir {
        Direction::Out => (g.out_edges(v), &g.dst),
        Direction::In => (g.in_edges(v), &g.src),
    };
    w.load(triggers, other, v, p.bins.len());
    if w.list.len() < 2 {
        return;
    }
    // Degree needs only the window's length, not its distinct counterparties.
    let ends = distinct.then_some(other);
    for &e in triggers {
        let t = g.time[e as usize];
        let (lo, hi) = (g.upto(&w.list, t - p.window), g.upto(&w.list, t));
        w.slide(lo, hi, ends);
        let size = if distinct { w.distinct } else { hi - lo };
        if size >= 2 {
            w.mark(p.bins.index(size));
        }
    }
    w.finish(g, ends, counts);
}
