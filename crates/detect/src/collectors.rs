//! Collectors: accounts many others pass strangers' money on to. In 跑分 (score-running) a gang
//! sends victims' money to many ordinary-looking participants, each of whom passes it on within the
//! hour to a collector account the gang controls, which other participants feed too. One
//! participant's transfers look like a busy personal account's; what gives them away is the
//! collector they share. These columns look at every account, counterparties the data holds only as
//! payees included (the association columns see only accounts with rows, so they miss collectors
//! at banks that do not report).
//!
//! A *forward* is an outflow to another account within [`FORWARD_SECS`] after an inflow from a
//! first-time payer (no transfer between the two before it, in either direction), of at least half
//! of that inflow. Transfers are taken in the graph's order (time, then arrival).

use crate::catalog::COLLECTOR_COUNT;
use fanzha_graph::{EdgeIx, TemporalGraph};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::VecDeque;

/// How soon after a first-time payer's money arrives an outflow counts as passing it on.
pub const FORWARD_SECS: i64 = 3_600;

/// A collector is shared when at least this many accounts forward to it (the account and two others).
pub const SHARED_BY: usize = 3;

/// Per account (by position in the graph), over the first `end` edges of `graph`: of the payees it
/// forwarded to, the most *other* accounts that forward to the same payee (`NaN` when it forwarded
/// to no one); the share of its money out that went as forwards to a shared collector (`NaN`
/// without money out); and how many distinct accounts forward to it.
pub fn columns(graph: &TemporalGraph, end: usize) -> Vec<[f64; COLLECTOR_COUNT]> {
    let n = graph.account_count();
    let forwards = forwards(graph, end);
    let mut forwarders_in = vec![0usize; n];
    let mut by_payee: FxHashMap<(u32, u32), i64> = FxHashMap::default();
    for &(x, p, amount) in &forwards {
        *by_payee.entry((x, p)).or_insert_with(|| {
            forwarders_in[p as usize] += 1;
            0
        }) += amount;
    }
    let mut out_fen = vec![0i64; n];
    for e in 0..end {
        let edge = graph.edge(EdgeIx::of(e));
        if let Some(s) = edge.src {
            out_fen[s.0 as usize] += edge.amount.0;
        }
    }
    let mut shared_max = vec![None::<usize>; n];
    let mut shared_fen = vec![0i64; n];
    for (&(x, p), &amount) in &by_payee {
        let others = forwarders_in[p as usize] - 1;
        let slot = &mut shared_max[x as usize];
        *slot = Some(slot.map_or(others, |m| m.max(others)));
        if forwarders_in[p as usize] >= SHARED_BY {
            shared_fen[x as usize] += amount;
        }
    }
    (0..n)
        .map(|a| {
            let share = if out_fen[a] > 0 { shared_fen[a] as f64 / out_fen[a] as f64 } else { f64::NAN };
            [shared_max[a].map_or(f64::NAN, |m| m as f64), share, forwarders_in[a] as f64]
        })
        .collect()
}

/// Every forward among the first `end` edges: (forwarder, payee, amount in fen).
fn forwards(graph: &TemporalGraph, end: usize) -> Vec<(u32, u32, i64)> {
    let mut met: FxHashSet<(u32, u32)> = FxHashSet::default();
    // Per account: first-time payers' inflows (time, fen) of the last FORWARD_SECS, each kept only
    // while no later inflow is as small (an outflow that reaches the dropped one reaches the later
    // one too), so the front is the smallest and an outflow needs one comparison, not a scan.
    let mut fresh: FxHashMap<u32, VecDeque<(i64, i64)>> = FxHashMap::default();
    let mut found = Vec::new();
    for e in 0..end {
        let edge = graph.edge(EdgeIx::of(e));
        let (Some(s), Some(d)) = (edge.src, edge.dst) else { continue };
        if s == d {
            continue;
        }
        let (t, amount) = (edge.ts.0, edge.amount.0);
        if let Some(recent) = fresh.get_mut(&s.0) {
            forget_before(recent, t - FORWARD_SECS);
            if recent.front().is_some_and(|&(_, smallest)| 2 * amount >= smallest) {
                found.push((s.0, d.0, amount));
            }
        }
        if met.insert((s.0.min(d.0), s.0.max(d.0))) {
            let recent = fresh.entry(d.0).or_default();
            forget_before(recent, t - FORWARD_SECS);
            while recent.back().is_some_and(|&(_, inflow)| inflow >= amount) {
                recent.pop_back();
            }
            recent.push_back((t, amount));
        }
    }
    found
}

/// Drops the inflows (time, fen) that arrived before `from` (they are in time order).
fn forget_before(recent: &mut VecDeque<(i64, i64)>, from: i64) {
    while recent.front().is_some_and(|&(at, _)| at < from) {
        recent.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{ledger, ledger_in};

    /// The columns of every account of a ledger of (payer, payee, minutes after T0, yuan).
    fn of(n: u32, transfers: &[(u32, u32, i64, i64)]) -> Vec<[f64; COLLECTOR_COUNT]> {
        let l = ledger_in(n as usize, transfers, 60);
        let g = TemporalGraph::build(&l);
        columns(&g, g.edge_count())
    }

    #[test]
    fn participants_passing_strangers_money_to_one_collector_share_it() {
        // Strangers 0, 1, 2 pay participants 3, 4, 5; each passes most of it on to collector 6
        // within the hour; 5 also pays 7 later (not a forward: an hour and a half later).
        let c = of(
            8,
            &[(0, 3, 0, 1000), (3, 6, 10, 900), (1, 4, 20, 2000), (4, 6, 50, 1900), (2, 5, 30, 500), (5, 6, 40, 490)]
                .into_iter()
                .chain([(5, 7, 130, 490)])
                .collect::<Vec<_>>(),
        );
        assert_eq!(c[6][2], 3.0, "three forwarders into 6");
        assert_eq!(c[3][0], 2.0, "two others forward to 3's collector");
        assert_eq!(c[3][1], 1.0, "all of 3's money out");
        assert!((c[5][1] - 0.5).abs() < 1e-12, "half of 5's money out went to the shared collector");
        assert!(c[0][0].is_nan(), "0 forwarded nothing");
        assert_eq!(c[0][1], 0.0, "0 paid, but not as a forward");
        assert!(c[6][1].is_nan(), "6 paid nothing");
    }

    #[test]
    fn known_payers_small_outflows_and_late_outflows_are_no_forwards() {
        // 0 paid 1 before (known payer); 2 pays 1 a stranger's 1,000 and 1 sends on 400 (less than
        // half); 3 pays 4 and 4 sends it on after 61 minutes.
        let c = of(6, &[(1, 0, 0, 10), (0, 1, 100, 1000), (1, 5, 110, 1000), (2, 1, 200, 1000), (1, 5, 210, 400)]);
        assert!(c[1][0].is_nan(), "no forward by 1");
        assert_eq!(c[5][2], 0.0);
        let late = of(6, &[(3, 4, 0, 1000), (4, 5, 61, 1000)]);
        assert!(late[4][0].is_nan());
        let on_time = of(6, &[(3, 4, 0, 1000), (4, 5, 60, 1000)]);
        assert_eq!(on_time[4][0], 0.0, "a forward, to a payee no one else forwards to");
        assert_eq!(on_time[5][2], 1.0);
    }

    #[test]
    fn an_outflow_passes_on_any_stranger_inflow_still_within_the_hour() {
        // 1 gets 1,000 and then 3,000 from strangers 0 and 2, and pays 5 600 (2 x 600 reaches the
        // 1,000); 70 minutes in, only the 3,000 is within the hour, and 1,400 to 4 does not reach it.
        let c = of(6, &[(0, 1, 0, 1000), (2, 1, 50, 3000), (1, 5, 55, 600), (1, 4, 70, 1400)]);
        assert_eq!(c[5][2], 1.0, "the 600 is a forward");
        assert_eq!(c[4][2], 0.0, "the 1,400 is not");
    }

    #[test]
    fn only_the_edges_asked_for_count() {
        let l = ledger(3, &[(0, 1, 0, 100), (1, 2, 0, 100)]);
        let g = TemporalGraph::build(&l);
        assert!(columns(&g, 1)[1][0].is_nan(), "the forward is after the first edge");
        assert_eq!(columns(&g, 2)[1][0], 0.0);
    }
}
