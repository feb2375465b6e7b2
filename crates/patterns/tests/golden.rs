//! The engine against output produced by Snap ML's GraphFeaturePreprocessor itself (fixtures written by
//! bench/features_golden.py), so this check runs without Python.

use fanzha_patterns::{compute, Bins, Config, Edge, Pattern};

#[test]
fn matches_gfp_output() {
    let edges_csv = include_str!("fixtures/golden_edges.csv");
    let expected = include_str!("fixtures/golden_expected.csv");
    let mut ids = Vec::new();
    let edges: Vec<Edge> = edges_csv
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<i64> = l.split(',').map(|x| x.parse().unwrap()).collect();
            ids.push(f[0]);
            Edge { src: f[1], dst: f[2], time: f[3] }
        })
        .collect();
    let bins = Bins::new(vec![2, 3, 4, 5, 6, 8, 10]).unwrap();
    let p = |window| Pattern { enabled: true, window, bins: bins.clone() };
    let config = Config {
        fan: p(40),
        degree: p(40),
        scatter_gather: p(60),
        temporal_cycle: p(120),
        simple_cycle: p(80),
        simple_cycle_max_len: 6,
        ..Config::default()
    };
    let got = compute(&edges, &config);
    let mut nonzero = 0;
    for (row, line) in expected.lines().filter(|l| !l.starts_with('#')).enumerate() {
        let want: Vec<u32> = line.split(',').skip(1).map(|x| x.parse().unwrap()).collect();
        assert_eq!(line.split(',').next().unwrap().parse::<i64>().unwrap(), ids[row]);
        let mut have = Vec::new();
        got.for_each_value(row, |v| have.push(v));
        assert_eq!(have, want, "edge {}", ids[row]);
        nonzero += want.iter().filter(|&&v| v > 0).count();
    }
    assert!(nonzero > 100, "the fixture exercises the patterns");
}
