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

fn scatter_gather(edges: &[Edge], p: &Pattern) -> Vec<Vec<u32>> {
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
        for forward in [true, false] {
            for &w in &verts {
                let end = if forward { last(v, w) } else { last(w, u) };
                if w == u || w == v || end.is_none_or(|l| l < lo) {
                    continue;
                }
                let (mut n, mut used, mut abandoned) = (0, vec![], false);
                for &x in &verts {
                    let (fixed, leg) = if forward { ((u, x), (x, w)) } else { ((x, v), (w, x)) };
                    if x == if forward { u } else { v } {
                        continue;
                    }
                    let (Some(lf), Some(ll)) = (last(fixed.0, fixed.1), last(leg.0, leg.1)) else { continue };
                    if lf < lo {
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

/// Cycles closed by each edge, enumerated edge path by edge path and bundled by vertex sequence.
fn cycles(edges: &[Edge], p: &Pattern, max_len: Option<usize>) -> Vec<Vec<u32>> {
    let e = sorted(edges);
    let mut h = vec![vec![0; p.bins.len()]; edges.len()];
    for (pos, &(ci, u, v, t)) in e.iter().enumerate() {
        if u == v {
            continue;
        }
        let allowed: Vec<_> = match max_len {
            None => e.iter().filter(|f| t - p.window <= f.3 && f.3 < t).copied().collect(),
            Some(_) => e[..pos].iter().filter(|f| f.3 >= t - p.window).copied().collect(),
        };
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
                if f.1 == x && (f.2 == u || !path.contains(&f.2)) && (max_len.is_some() || f.3 > last) {
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

#[test]
fn every_column_matches_the_naive_count() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for graph in 0..1500 {
        let edges = random_edges(&mut rng);
        let mut c = Config::default();
        for p in [&mut c.fan, &mut c.degree, &mut c.scatter_gather, &mut c.temporal_cycle, &mut c.simple_cycle] {
            *p = Pattern { enabled: true, window: rng.random_range(0..20), bins: random_bins(&mut rng) };
        }
        c.simple_cycle_max_len = rng.random_range(2..7);
        let got = compute(&edges, &c);
        let want: [(Group, Vec<Vec<u32>>); 7] = [
            (Group::FanIn, fan_degree(&edges, &c.fan, true, true)),
            (Group::FanOut, fan_degree(&edges, &c.fan, false, true)),
            (Group::DegreeIn, fan_degree(&edges, &c.degree, true, false)),
            (Group::DegreeOut, fan_degree(&edges, &c.degree, false, false)),
            (Group::ScatterGather, scatter_gather(&edges, &c.scatter_gather)),
            (Group::TemporalCycle, cycles(&edges, &c.temporal_cycle, None)),
            (Group::SimpleCycle, cycles(&edges, &c.simple_cycle, Some(c.simple_cycle_max_len))),
        ];
        for (group, want) in want {
            for (row, w) in want.iter().enumerate() {
                assert_eq!(got.histogram(group, row).unwrap(), &w[..], "graph {graph} {group} row {row}: {edges:?}");
            }
        }
    }
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
