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
use crate::graph::Graph;
use crate::window::EdgeWindow;
use crate::Truncation;
use rayon::prelude::*;

/// Counts gather-scatter patterns into `counts`.
pub(crate) fn count(g: &Graph, p: &Pattern, hub_limit: Option<usize>, counts: &Counts, cut: &Truncation) {
    (0..g.vertices as u32).into_par_iter().with_min_len(256).for_each_init(
        || (EdgeWindow::new(g.vertices), EdgeWindow::new(g.vertices)),
        |(gather, scatter), h| {
            gather.load(g.in_edges(h), &g.src, h, p.bins.len());
            scatter.load(g.out_edges(h), &g.dst, h, p.bins.len());
            if gather.list.len() < 2 || scatter.list.len() < 2 {
                return;
            }
            for i in 0..scatter.list.len() {
                let e = scatter.list[i] as usize;
                let (t, w) = (g.time[e], g.dst[e]);
                let lo = t - p.window;
                if g.is_hub(h, lo, t, hub_limit) || g.is_hub(w, lo, t, hub_limit) {
                    cut.hit();
                    continue;
                }
                let from = g.upto(&gather.list, lo - 1);
                gather.slide(from, g.upto(&gather.list, t - 1), Some(&g.src));
                if gather.distinct < 2 {
                    continue;
                }
                let first = g.time[gather.list[from] as usize];
                scatter.slide(g.upto(&scatter.list, first - 1), g.upto(&scatter.list, t), Some(&g.dst));
                if scatter.distinct < 2 {
                    continue;
                }
                let bin = p.bins.index(gather.distinct.min(scatter.distinct));
                gather.mark(bin);
                scatter.mark(bin);
            }
            gather.finish(g, Some(&g.src), counts);
            scatter.finish(g, Some(&g.dst), counts);
        },
    );
}
