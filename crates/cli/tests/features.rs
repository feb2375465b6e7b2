//! `fanzha features` end to end: columns, values, bad rows.

mod common;
use common::fanzha;

#[test]
fn writes_histograms_and_reports_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("edges.csv");
    let output = dir.path().join("out.csv");
    // A 3-cycle 1 -> 2 -> 3 -> 1 and a fan-out of 1; line 6 is malformed, line 7 repeats an id.
    std::fs::write(
        &input,
        "edge_id,src,dst,timestamp,amount\n10,1,2,100,5.5\n11,2,3,200,5\n12,3,1,300,5\n13,1,4,150,1\n\
         14,1,x,1,1\n10,1,2,1,1\n",
    )
    .unwrap();
    let out = fanzha(&[
        "features",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--patterns",
        "fan,temp-cycle",
        "--window",
        "1000",
        "--bins",
        "2,3,4",
    ]);
    assert_eq!(out.status.code(), Some(3), "rejected rows give exit status 3");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("edges.csv:6: dst \"x\" is not an integer"), "{err}");
    assert!(err.contains("edges.csv:7: duplicate edge_id 10"), "{err}");
    let csv = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "edge_id,src,dst,timestamp,amount,fan_in_2,fan_in_3,fan_in_4,fan_out_2,fan_out_3,fan_out_4,\
         temporal_cycle_2,temporal_cycle_3,temporal_cycle_4"
    );
    // Edge 10 is in the fan-out {2, 4} (seen at edge 13's time) and in the 3-cycle closed by edge 12.
    assert_eq!(lines[1], "10,1,2,100,5.5,0,0,0,1,0,0,0,1,0");
    assert_eq!(lines[3], "12,3,1,300,5,0,0,0,0,0,0,0,1,0");
    assert_eq!(lines[4], "13,1,4,150,1,0,0,0,1,0,0,0,0,0");
    assert_eq!(lines.len(), 5);
}

#[test]
fn gather_scatter_comes_last_and_temporal_cycles_can_be_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("edges.csv");
    let output = dir.path().join("out.csv");
    // 1 and 2 pay 5, which then pays 6 and 7; a separate 3-cycle 10 -> 11 -> 12 -> 10.
    std::fs::write(
        &input,
        "1,1,5,10,1\n2,2,5,20,1\n3,5,6,30,1\n4,5,7,40,1\n5,10,11,100,1\n6,11,12,200,1\n7,12,10,300,1\n",
    )
    .unwrap();
    let run = |len: &str| {
        let mut args = vec!["features", "--input", input.to_str().unwrap(), "--output", output.to_str().unwrap()];
        args.extend(["--patterns", "gather-scatter,temp-cycle", "--window", "1000", "--bins", "2,3"]);
        if !len.is_empty() {
            args.extend(["--temp-cycle-len", len]);
        }
        let out = fanzha(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(&output).unwrap()
    };
    let csv = run("");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "edge_id,src,dst,timestamp,amount,temporal_cycle_2,temporal_cycle_3,gather_scatter_2,gather_scatter_3"
    );
    // Edge 4 (5 -> 7) sees payers {1, 2} and payees {6, 7} since the first payment: size 2 for all four.
    for row in &lines[1..5] {
        assert!(row.ends_with(",0,0,1,0"), "{row}");
    }
    // Every edge of the 3-cycle counts it, with no bound and with a bound of exactly 3 edges.
    for csv in [csv.clone(), run("3")] {
        for row in csv.lines().skip(5) {
            assert!(row.ends_with(",0,1,0,0"), "{row}");
        }
    }
    assert!(run("2").lines().skip(5).all(|l| l.ends_with(",0,0,0,0")), "the 3-cycle is longer than 2 edges");
}
