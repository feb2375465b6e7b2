//! Every column of the fast engine against deliberately naive implementations on many small random
//! graphs with timestamp ties, multi-edges and self-loops.

use fanzha_patterns::{compute, Bins, Config, Edge, Group, Pattern};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, BTreeSet};

/// Edges as (input index, src, dst, time) in time order, ties in input order.
fn sorted(edges: &[Edge]) -> Vec<(usize, i64, i64, i64)> {
    let mut e: Vec<_> = edges.iter().enumerate().map(|(i, e)| (i, e.src, e.dst, e.time)).collect();
    e.sort_by_key(|x| x.3);
    e
}

/// Whether `z` has more than `limit` edges (a self-loop counts twice) with time in `lo..=t`.
fn is_hub(e: &[(usize, i64, i64, i64)], limit: Option<usize>, z: i64, lo: i64, t: i64) -> bool {
    let ends = |f: &&(usize, i64, i64, i64)| usize::from(f.1 == z) + usize::from(f.2 == z);
    limit.is_some_and(|l| e.iter().filter(|f| lo <= f.3 && f.3 <= t).map(|f| ends(&f)).sum::<usize>() > l)
}

fn fan_degree(edges: &[Edge], p: &Pattern, incoming: bool, distinct: bool) -> Vec<Vec<u32>> {
    let e = sorted(edges);
    let mut h = vec![vec![0; p.bins.len()]; edges.len()];
    for &(_, u, v, t) in &e {
        let center = if incoming { v } else { u };
        let win: Vec<_> = e
            .iter()
            .filter(|f| {
                let (c, o) = if incoming { (f.2, f.1) } else { (f.1, f.2) };
                c == center && o != center && t - p.window < f.3 && f.3 <= t
            })
            .collect();
        let size = if distinct {
            win.iter().map(|f| if incoming { f.1 } else { f.2 }).collect::<BTreeSet<_>>().len()
        } else {
            win.len()
        };
        if size >= 2 {
            for f in win {
                h[f.0][p.bins.index(size)] += 1;
            }
        }
    }
    h
}

fn scatter_gather(edges: &[Edge], p: &Pattern, hub_limit: Option<usize>) -> Vec<Vec<u32>> {
    let e = sorted(edges);
    let mut pairs: BTreeMap<(i64, i64), Vec<(usize, i64)>> = BTreeMap::new();
    for &(i, a, b, t) in &e {
        pairs.entry((a, b)).or_default().push((i, t));
    }
    let last = |a: i64, b: i64| pairs.get(&(a, b)).map(|v| v[v.len() - 1].1);
    let verts: BTreeSet<i64> = e.iter().flat_map(|x| [x.1, x.2]).collect();
    let mut h = vec![vec![0; p.bins.len()]; edges.len()];
    for &(_, u, v, t) in &e {
        let lo = t - p.window;
        let hub = |z: i64| is_hub(&e, hub_limit, z, lo, t);
        if hub(u) || hub(v) {
            continue;
        }
        for forward in [true, false] {
            for &w in &verts {
                let end = if forward { last(v, w) } else { last(w, u) };
                if w == u || w == v || end.is_none_or(|l| l < lo) || hub(w) {
                    continue;
                }
                let (mut n, mut used, mut abandoned) = (0, vec![], false);
                for &x in &verts {
                    let (fixed, leg) = if forward { ((u, x), (x, w)) } else { ((x, v), (w, x)) };
                    if x == if forward { u } else { v } {
                        continue;
                    }
                    let (Some(lf), Some(ll)) = (last(fixed.0, fixed.1), last(leg.0, leg.1)) else { continue };
                    if lf < lo || hub(x) {
                        continue;
                    }
                    if lf > t || ll > t {
                        abandoned = true;
                        break;
                    }
                    if ll >= lo {
                        n += 1;
                        for k in [fixed, leg] {
                            used.extend(pairs[&k].iter().filter(|f| f.1 >= lo).map(|f| f.0));
                        }
                    }
                }
                if !abandoned && n >= 2 {
                    for f in used {
                        h[f][p.bins.index(n)] += 1;
                    }
                }
            }
        }
    }
    h
}

/// Gather-scatter from each non-self-loop edge `h -> w`: in-edges of `h` in `[t - window, t)`, then
/// out-edges of `h` from the earliest of those up to `t`.
fn gather_scatter(edges: &[Edge], p: &Pattern, hub_limit: Option<usize>) -> Vec<Vec<u32>> {
    let e = sorted(edges);
    let mut h = vec![vec![0; p.bins.len()]; edges.len()];
    for &(_, c, w, t) in &e {
        let lo = t - p.window;
        if c == w || is_hub(&e, hub_limit, c, lo, t) || is_hub(&e, hub_limit, w, lo, t) {
            continue;
        }
        let gather: Vec<_> = e.iter().filter(|f| f.2 == c && f.1 != c && lo <= f.3 && f.3 < t).collect();
        let Some(first) = gather.iter().map(|f| f.3).min() else { continue };
        let scatter: Vec<_> = e.iter().filter(|f| f.1 == c && f.2 != c && first <= f.3 && f.3 <= t).collect();
        let payers = gather.iter().map(|f| f.1).collect::<BTreeSet<_>>().len();
        let payees = scatter.iter().map(|f| f.2).collect::<BTreeSet<_>>().len();
        if payers >= 2 && payees >= 2 {
            for f in gather.iter().chain(&scatter) {
                h[f.0][p.bins.index(payers.min(payees))] += 1;
            }
        }
    }
    h
}

/// Cycles closed by each edge, enumerated edge path by edge path and bundled by vertex sequence: simple
/// ones (any time order) or temporal ones, of at most `max_len` edges if given, and through no hub.
fn cycles(
    edges: &[Edge],
    p: &Pattern,
    simple: bool,
    max_len: Option<usize>,
    hub_limit: Option<usize>,
) -> Vec<Vec<u32>> {
    let e = sorted(edges);
    let mut h = vec![vec![0; p.bins.len()]; edges.len()];
    for (pos, &(ci, u, v, t)) in e.iter().enumerate() {
        let hub = |z: i64| is_hub(&e, hub_limit, z, t - p.window, t);
        if u == v || hub(u) || hub(v) {
            continue;
        }
        let mut allowed: Vec<_> = if simple {
            e[..pos].iter().filter(|f| f.3 >= t - p.window).copied().collect()
        } else {
            e.iter().filter(|f| t - p.window <= f.3 && f.3 < t).copied().collect()
        };
        allowed.retain(|f| !hub(f.1) && !hub(f.2));
        let mut found: BTreeMap<Vec<i64>, BTreeSet<usize>> = BTreeMap::new();
        let mut stack = vec![(vec![v], vec![], i64::MIN)];
        while let Some((path, ids, last)) = stack.pop() {
            let x = path[path.len() - 1];
            if x == u {
                found.entry(path).or_default().extend(ids);
                continue;
            }
            if max_len.is_some_and(|l| path.len() >= l) {
                continue;
            }
            for f in &allowed {
                if f.1 == x && (f.2 == u || !path.contains(&f.2)) && (simple || f.3 > last) {
                    let mut p2 = path.clone();
                    p2.push(f.2);
                    let mut i2 = ids.clone();
                    i2.push(f.0);
                    stack.push((p2, i2, f.3));
                }
            }
        }
        for (verts, ids) in found {
            h[ci][p.bins.index(verts.len())] += 1;
            for f in ids {
                h[f][p.bins.index(verts.len())] += 1;
            }
        }
    }
    h
}

fn random_edges(rng: &mut ChaCha8Rng) -> Vec<Edge> {
    let (n, m, span) = (rng.random_range(2..8), rng.random_range(1..30), rng.random_range(1..25));
    (0..m)
        .map(|_| Edge { src: rng.random_range(0..n), dst: rng.random_range(0..n), time: rng.random_range(0..span) })
        .collect()
}

fn random_bins(rng: &mut ChaCha8Rng) -> Bins {
    let mut b: Vec<i64> = (1..10).filter(|_| rng.random_bool(0.5)).collect();
    if b.is_empty() {
        b.push(rng.random_range(1..6));
    }
    Bins::new(b).unwrap()
}

/// A random configuration with every group enabled.
fn random_config(rng: &mut ChaCha8Rng) -> Config {
    let mut c = Config::default();
    for p in [
        &mut c.fan,
        &mut c.degree,
        &mut c.scatter_gather,
        &mut c.temporal_cycle,
        &mut c.simple_cycle,
        &mut c.gather_scatter,
    ] {
        *p = Pattern { enabled: true, window: rng.random_range(0..20), bins: random_bins(rng) };
    }
    c.simple_cycle_max_len = rng.random_range(2..7);
    c.temporal_cycle_max_len = rng.random_bool(0.5).then(|| rng.random_range(2..=8));
    c
}

/// Asserts every column of `edges` under `c` equals the naive count; returns the truncated searches.
fn check(graph: usize, edges: &[Edge], c: &Config) -> u64 {
    let got = compute(edges, c);
    let hub = c.hub_limit;
    let want: [(Group, Vec<Vec<u32>>); 8] = [
        (Group::FanIn, fan_degree(edges, &c.fan, true, true)),
        (Group::FanOut, fan_degree(edges, &c.fan, false, true)),
        (Group::DegreeIn, fan_degree(edges, &c.degree, true, false)),
        (Group::DegreeOut, fan_degree(edges, &c.degree, false, false)),
        (Group::ScatterGather, scatter_gather(edges, &c.scatter_gather, hub)),
        (Group::TemporalCycle, cycles(edges, &c.temporal_cycle, false, c.temporal_cycle_max_len, hub)),
        (Group::SimpleCycle, cycles(edges, &c.simple_cycle, true, Some(c.simple_cycle_max_len), hub)),
        (Group::GatherScatter, gather_scatter(edges, &c.gather_scatter, hub)),
    ];
    for (group, want) in want {
        for (row, w) in want.iter().enumerate() {
            assert_eq!(got.histogram(group, row).unwrap(), &w[..], "graph {graph} {group} row {row}: {edges:?} {c:?}");
        }
    }
    got.truncated
}

#[test]
fn every_column_matches_the_naive_count() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for graph in 0..1500 {
        let edges = random_edges(&mut rng);
        let c = random_config(&mut rng);
        assert_eq!(check(graph, &edges, &c), 0);
    }
}

#[test]
fn hub_limit_matches_the_naive_rule() {
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    let mut truncated = 0;
    for graph in 0..1500 {
        let edges = random_edges(&mut rng);
        let mut c = random_config(&mut rng);
        c.hub_limit = Some(rng.random_range(0..12));
        truncated += check(graph, &edges, &c);
    }
    assert!(truncated > 0);
}

#[test]
fn hub_limit_truncates_and_reports() {
    // A star with 10 spokes and one 2-cycle through the hub.
    let mut edges: Vec<Edge> = (1..=10).map(|i| Edge { src: 0, dst: i, time: i }).collect();
    edges.push(Edge { src: 1, dst: 0, time: 20 });
    let mut c = Config::default();
    c.temporal_cycle.enabled = true;
    let full = compute(&edges, &c);
    assert_eq!(full.histogram(Group::TemporalCycle, 10).unwrap()[0], 1);
    c.hub_limit = Some(5);
    let cut = compute(&edges, &c);
    assert_eq!(cut.histogram(Group::TemporalCycle, 10).unwrap()[0], 0);
    assert!(cut.truncated > 0);
}
