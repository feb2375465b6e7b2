//! Full model rows. An account's own features (from the streaming [`FeatureEngine`]) say how it
//! behaves; mules are also known by the company they keep and the shapes their money draws. So each
//! row adds the own features averaged over the account's distinct payers and over its distinct
//! payees, and, per pattern type of `fanzha-patterns` (fan, degree, scatter-gather, temporal and
//! bounded cycles), how many patterns its inflows and outflows take part in and the largest one,
//! and whether it passes strangers' money on to collectors others feed (see [`crate::collectors`]).
//! These parts look at neighbours and whole shapes, so they are computed in a batch over the
//! transfers up to the scoring time rather than kept per transfer.

use crate::catalog::{
    ASSOCIATION_START, COLLECTOR_START, FEATURE_COUNT, OWN_COUNT, PAYEES_MEAN, PAYERS_MEAN, SHAPES, SHAPE_COUNT,
    SHAPE_START,
};
use crate::engine::{FeatureEngine, OwnFeatures};
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Ledger, Ts};
use fanzha_patterns::{Bins, Config, Edge, Pattern};

/// One account's full row, in the column order of [`crate::FEATURES`]; `NaN` is "missing".
pub type Features = [f64; FEATURE_COUNT];

/// Windows and limits of the shape columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextConfig {
    /// The pattern counts (windows in seconds; every group enabled).
    pub shapes: Config,
}

impl Default for ContextConfig {
    fn default() -> ContextConfig {
        const DAY: i64 = fanzha_model::DAY_SECS;
        let bins = Bins::new(vec![1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50]).expect("increasing bounds");
        let on = |days: i64| Pattern { enabled: true, window: days * DAY, bins: bins.clone() };
        ContextConfig {
            shapes: Config {
                fan: on(3),
                degree: on(3),
                scatter_gather: on(3),
                temporal_cycle: on(7),
                simple_cycle: on(7),
                simple_cycle_max_len: 6,
                temporal_cycle_max_len: Some(8),
                gather_scatter: on(3),
                // Searches through accounts with more than this many transfers in a window (merchants,
                // payroll) are cut short; mule chains do not run through them.
                hub_limit: Some(500),
            },
        }
    }
}

/// The rows of `accounts`: own features from `engine` (which has seen the transfers up to `until`),
/// neighbour averages, shape counts and collector columns over the transfers of `graph` up to
/// `until`. The association columns stay missing: the model fills them from its first stage (see
/// [`crate::association`]).
pub fn rows(
    engine: &FeatureEngine,
    ledger: &Ledger,
    graph: &TemporalGraph,
    until: Option<Ts>,
    accounts: &[AccountIx],
    cfg: &ContextConfig,
) -> Vec<Features> {
    let end = graph.edges_until(until);
    let (payers, payees) = neighbours(graph, end);
    let mut own: Vec<Option<OwnFeatures>> = vec![None; graph.account_count()];
    let mut own_of = |a: u32| *own[a as usize].get_or_insert_with(|| engine.features(ledger, AccountIx(a)));
    let shapes = shapes(graph, end, &cfg.shapes);
    let collectors = crate::collectors::columns(graph, end);
    accounts
        .iter()
        .map(|&a| {
            let mut row = [f64::NAN; FEATURE_COUNT];
            row[..OWN_COUNT].copy_from_slice(&own_of(a.0));
            for (start, list) in [(PAYERS_MEAN, &payers[a.0 as usize]), (PAYEES_MEAN, &payees[a.0 as usize])] {
                let rows: Vec<OwnFeatures> = list.iter().map(|&n| own_of(n)).collect();
                mean_into(&rows, &mut row[start..start + OWN_COUNT]);
            }
            row[SHAPE_START..COLLECTOR_START].copy_from_slice(&shapes[a.0 as usize]);
            row[COLLECTOR_START..ASSOCIATION_START].copy_from_slice(&collectors[a.0 as usize]);
            row
        })
        .collect()
}

/// Distinct payers and payees of every account over the first `end` edges (self-transfers left out).
fn neighbours(graph: &TemporalGraph, end: usize) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    let n = graph.account_count();
    let (mut payers, mut payees) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    for e in 0..end {
        let edge = graph.edge(EdgeIx::of(e));
        if let (Some(s), Some(d)) = (edge.src, edge.dst) {
            if s != d {
                payers[d.0 as usize].push(s.0);
                payees[s.0 as usize].push(d.0);
            }
        }
    }
    for list in payers.iter_mut().chain(payees.iter_mut()) {
        list.sort_unstable();
        list.dedup();
    }
    (payers, payees)
}

/// Column-wise mean of `rows` ignoring missing values; `NaN` where no row has a value.
fn mean_into(rows: &[OwnFeatures], out: &mut [f64]) {
    for (c, slot) in out.iter_mut().enumerate() {
        let (mut sum, mut n) = (0.0, 0u32);
        for r in rows.iter().filter(|r| !r[c].is_nan()) {
            sum += r[c];
            n += 1;
        }
        *slot = if n > 0 { sum / f64::from(n) } else { f64::NAN };
    }
}

/// Per account and shape group: mean pattern count and largest pattern size over its in-edges, then
/// over its out-edges (`NaN` without such edges), among account-to-account transfers.
fn shapes(graph: &TemporalGraph, end: usize, cfg: &Config) -> Vec<[f64; SHAPE_COUNT]> {
    let mut edges = Vec::new();
    let mut ends = Vec::new();
    for e in 0..end {
        let edge = graph.edge(EdgeIx::of(e));
        if let (Some(s), Some(d)) = (edge.src, edge.dst) {
            edges.push(Edge { src: i64::from(s.0), dst: i64::from(d.0), time: edge.ts.0 });
            ends.push((s.0 as usize, d.0 as usize));
        }
    }
    let counted = fanzha_patterns::compute(&edges, cfg);
    let n = graph.account_count();
    // Per account, per group, per side (0 = in, 1 = out): (edges, pattern count sum, largest size).
    let mut acc = vec![[[(0u32, 0u64, 0i64); 2]; SHAPES.len()]; n];
    for (g, &(group, _, _)) in SHAPES.iter().enumerate() {
        let bounds = group.pattern(cfg).bins.bounds();
        for (row, &(s, d)) in ends.iter().enumerate() {
            let hist = counted.histogram(group, row).expect("every group is enabled");
            let count: u64 = hist.iter().map(|&c| u64::from(c)).sum();
            let size = hist.iter().rposition(|&c| c > 0).map_or(0, |i| bounds[i]);
            for (side, a) in [(0, d), (1, s)] {
                let cell = &mut acc[a][g][side];
                cell.0 += 1;
                cell.1 += count;
                cell.2 = cell.2.max(size);
            }
        }
    }
    acc.iter()
        .map(|groups| {
            let mut out = [f64::NAN; SHAPE_COUNT];
            for (g, sides) in groups.iter().enumerate() {
                for (side, &(edges, count, size)) in sides.iter().enumerate() {
                    if edges > 0 {
                        out[g * 4 + side * 2] = count as f64 / f64::from(edges);
                        out[g * 4 + side * 2 + 1] = size as f64;
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{ix, position};
    use crate::testing::{ledger, T0};
    use crate::FeatureConfig;

    fn rows_of(l: &Ledger, until: Option<Ts>) -> Vec<Features> {
        let g = TemporalGraph::build(l);
        let engine = FeatureEngine::replay(l, &g, FeatureConfig::default(), until);
        let all: Vec<AccountIx> = (0..l.accounts().len()).map(AccountIx::of).collect();
        rows(&engine, l, &g, until, &all, &ContextConfig::default())
    }

    #[test]
    fn neighbour_columns_average_distinct_counterparties() {
        // 0 and 1 pay 2 (1 twice); 2 pays 3.
        let l = ledger(4, &[(0, 2, 0, 100), (1, 2, 1, 300), (1, 2, 2, 500), (2, 3, 3, 800)]);
        let r = rows_of(&l, None);
        // Payers of 2: account 0 (out_mean 100) and account 1 (out_mean 400), each counted once.
        assert_eq!(r[2][PAYERS_MEAN + ix::OUT_MEAN_YUAN], 250.0);
        assert_eq!(r[2][PAYEES_MEAN + ix::IN_MEAN_YUAN], 800.0);
        assert!(r[0][PAYERS_MEAN + ix::OUT_MEAN_YUAN].is_nan(), "no payers");
        assert_eq!(r[2][..OWN_COUNT].iter().map(|x| x.to_bits()).collect::<Vec<_>>(), {
            let g = TemporalGraph::build(&l);
            let e = FeatureEngine::replay(&l, &g, FeatureConfig::default(), None);
            e.features(&l, AccountIx(2)).iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        });
    }

    #[test]
    fn shape_columns_see_cycles_and_fans() {
        // A temporal cycle 0 -> 1 -> 2 -> 0 within hours; 3, 4, 5 fan into 6.
        let l = ledger(7, &[(0, 1, 0, 10), (1, 2, 1, 10), (2, 0, 2, 10), (3, 6, 3, 5), (4, 6, 4, 5), (5, 6, 5, 5)]);
        let r = rows_of(&l, None);
        let col = |name: &str| position(name).expect(name);
        assert_eq!(r[0][col("shape_temporal_cycle_in_max")], 3.0);
        assert_eq!(r[1][col("shape_temporal_cycle_out_mean")], 1.0);
        assert_eq!(r[6][col("shape_temporal_cycle_in_max")], 0.0);
        assert_eq!(r[6][col("shape_fan_in_in_max")], 3.0);
        assert!(r[6][col("shape_fan_in_out_mean")].is_nan(), "account 6 pays no one");
        // Before the closing edge there is no cycle yet.
        let early = rows_of(&l, Some(Ts(T0 + 3_600)));
        assert_eq!(early[1][col("shape_temporal_cycle_out_mean")], 0.0);
    }
}
