//! Scatter-gather: for an edge `u -> v` at time `t`, with window start `lo = t - window` (inclusive):
//!
//! * forward, for every `w` with a pair `v -> w` (w not u or v): the intermediaries are the `x != u`
//!   with pairs `u -> x` and `x -> w`;
//! * backward, for every `w` with a pair `w -> u` (w not u or v): the intermediaries are the `x != v`
//!   with pairs `w -> x` and `x -> v`.
//!
//! A pair takes part when its latest edge is at or after `lo` (`u -> x`, `x -> v`, `v -> w`, `w -> u`,
//! and the leg between `x` and `w`). If any intermediary's two pairs have an edge after `t`, that `w`
//! is left to a later edge (GFP's duplicate guard). With at least two intermediaries, every edge at or
//! after `lo` on both legs of every intermediary counts one pattern of size = intermediaries.
//!
//! With a hub limit, a hub is a vertex with more than that many edges in `[lo, t]`: an edge with a hub
//! end is not searched from, a hub `w` is skipped, and a hub `x` is left out as if absent (it neither
//! counts nor holds the pattern back); a search that skipped a hub counts as truncated.

use crate::config::Pattern;
use crate::counts::Counts;
use crate::graph::Graph;
use crate::Truncation;
use rayon::prelude::*;

/// Counts scatter-gather patterns into `counts`.
pub(crate) fn count(g: &Graph, p: &Pattern, hub_limit: Option<usize>, counts: &Counts, cut: &Truncation) {
    (0..g.len() as u32).into_par_iter().with_min_len(64).for_each_init(
        || (Vec::new(), Vec::new()),
        |(mids, legs), e| {
            let (u, v, t) = (g.src[e as usize], g.dst[e as usize], g.time[e as usize]);
            let lo = t - p.window;
            let hub = |x: u32| g.is_hub(x, lo, t, hub_limit);
            if hub(u) || hub(v) {
                cut.hit();
                return;
            }
            let mut truncated = false;
            for forward in [true, false] {
                truncated |= side(g, p, forward, u, v, t, &hub, mids, legs, counts);
            }
            if truncated {
                cut.hit();
            }
        },
    );
}

/// Counts the forward or backward patterns of the edge `u -> v` at `t`; returns whether a hub was skipped.
#[allow(clippy::too_many_arguments)]
fn side(
    g: &Graph,
    p: &Pattern,
    forward: bool,
    u: u32,
    v: u32,
    t: i64,
    is_hub: &impl Fn(u32) -> bool,
    mids: &mut Vec<(u32, u32)>,
    legs: &mut Vec<(u32, u32)>,
    counts: &Counts,
) -> bool {
    let lo = t - p.window;
    // The fixed side is u -> x (forward) or x -> v (backward); `center` is u or v, whose side it is.
    let (center, fixed_pairs) = if forward { (u, g.out_pairs(u).len()) } else { (v, g.in_pairs(v).len()) };
    let fixed = |x: u32| if forward { g.find_pair(u, x) } else { g.find_pair(x, v) };
    let leg = |x: u32, w: u32| if forward { g.find_pair(x, w) } else { g.find_pair(w, x) };
    let (mut mids_built, mut truncated) = (false, false);
    let ends: Vec<u32> = if forward {
        g.out_pairs(v).filter(|&k| g.pair_latest(k) >= lo).map(|k| g.pair_ends(k).1).collect()
    } else {
        g.in_pairs(u).iter().filter(|&&k| g.pair_latest(k) >= lo).map(|&k| g.pair_ends(k).0).collect()
    };
    for w in ends {
        if w == u || w == v {
            continue;
        }
        if is_hub(w) {
            truncated = true;
            continue;
        }
        // Candidates: from the fixed side's pairs, or from w's pairs on the leg side, whichever is shorter;
        // both give the same (fixed, leg) pairs.
        legs.clear();
        let mut abandoned = false;
        // Adds intermediary x (pairs f on the fixed side, l on the leg) if usable; false if it holds the
        // pattern back for a later edge.
        let mut consider = |x: u32, f: u32, l: u32, legs: &mut Vec<(u32, u32)>| {
            if g.pair_latest(f) < lo {
                return true;
            }
            if is_hub(x) {
                truncated = true;
                return true;
            }
            if g.pair_latest(f) > t || g.pair_latest(l) > t {
                return false;
            }
            if g.pair_latest(l) >= lo {
                legs.push((f, l));
            }
            true
        };
        let w_pairs: &[u32] = if forward { g.in_pairs(w) } else { &[] };
        let w_side = if forward { w_pairs.len() } else { g.out_pairs(w).len() };
        if w_side < fixed_pairs {
            let xs: Vec<u32> = if forward {
                w_pairs.iter().map(|&k| g.pair_ends(k).0).collect()
            } else {
                g.out_pairs(w).map(|k| g.pair_ends(k).1).collect()
            };
            for x in xs {
                if x == center {
                    continue;
                }
                let (Some(f), Some(l)) = (fixed(x), leg(x, w)) else { continue };
                if !consider(x, f, l, legs) {
                    abandoned = true;
                    break;
                }
            }
        } else {
            if !mids_built {
                mids.clear();
                if forward {
                    mids.extend(g.out_pairs(u).map(|k| (g.pair_ends(k).1, k)).filter(|&(x, _)| x != u));
                } else {
                    mids.extend(g.in_pairs(v).iter().map(|&k| (g.pair_ends(k).0, k)).filter(|&(x, _)| x != v));
                }
                mids.retain(|&(_, k)| g.pair_latest(k) >= lo);
                mids_built = true;
            }
            for &(x, f) in mids.iter() {
                let Some(l) = leg(x, w) else { continue };
                if !consider(x, f, l, legs) {
                    abandoned = true;
                    break;
                }
            }
        }
        if abandoned || legs.len() < 2 {
            continue;
        }
        let bin = p.bins.index(legs.len());
        for &(fixed, leg) in legs.iter() {
            for k in [fixed, leg] {
                let edges = g.pair(k);
                let from = edges.partition_point(|&f| g.time[f as usize] < lo);
                for &f in &edges[from..] {
                    counts.add(g.input[f as usize], bin, 1);
                }
            }
        }
    }
    truncated
}
