//! `fanzha trace` end to end on a generated scenario: every output the issue names, and errors.

mod common;

use common::{fanzha, ok};
use std::path::Path;

/// A small scenario, ingested; returns the store and a victim's reported transfer.
fn scenario(dir: &Path) -> (String, String) {
    let db = common::scenario(dir, "5");
    let data = dir.join("data");
    let labels = std::fs::read_to_string(data.join("labels.csv")).unwrap();
    let mules: Vec<&str> = labels
        .lines()
        .filter(|l| l.starts_with("account,") && l.ends_with(",mule"))
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let transfers = std::fs::read_to_string(data.join("transfers.csv")).unwrap();
    let fraud: Vec<&str> =
        labels.lines().filter(|l| l.starts_with("transfer,")).map(|l| l.split(',').nth(1).unwrap()).collect();
    let victim_txn = transfers
        .lines()
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|c| fraud.contains(&c[0]) && !mules.contains(&c[2]))
        .map(|c| c[0].to_string())
        .expect("the scenario has victim payments");
    (db, victim_txn)
}

#[test]
fn trace_reports_conserved_money_in_every_format_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let (db, txn) = scenario(dir.path());
    let svg = dir.path().join("flow.svg");
    let csv = dir.path().join("freeze.csv");
    let out = ok(&fanzha(&[
        "trace",
        "--db",
        &db,
        "--txn",
        &txn,
        "--json",
        "--svg",
        svg.to_str().unwrap(),
        "--freeze-csv",
        csv.to_str().unwrap(),
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "fanzha.trace.v1");
    assert_eq!(v["policy"], "fifo");
    let fen = |k: &str| v[k].as_i64().unwrap();
    assert!(fen("traced_fen") > 0);
    assert_eq!(fen("held_fen") + fen("cash_out_fen") + fen("exits_fen"), fen("traced_fen"));
    let sum = |list: &str| v[list].as_array().unwrap().iter().map(|r| r["amount_fen"].as_i64().unwrap()).sum::<i64>();
    assert_eq!(sum("held") + sum("cash_out") + sum("exits"), fen("traced_fen"));
    assert_eq!(v["seeds"][0]["txn_id"], txn.as_str());
    assert!(v["edges"].as_array().unwrap().len() > 1, "the victim's money moved on: {out}");
    let drawing = std::fs::read_to_string(&svg).unwrap();
    assert!(drawing.starts_with("<svg") && drawing.trim_end().ends_with("</svg>"));
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("bank,bank_total_fen,account,holder,amount_fen,urgency,stopped\n"));

    // Two hours after the payment most of the money still sits in mules: freeze targets exist.
    let paid = v["seeds"][0]["ts"].as_i64().unwrap();
    let as_of = fanzha_model::Ts(paid + 7_200).to_rfc3339_utc();
    let early: serde_json::Value =
        serde_json::from_str(&ok(&fanzha(&["trace", "--db", &db, "--txn", &txn, "--as-of", &as_of, "--json"])))
            .unwrap();
    assert!(early["held_fen"].as_i64().unwrap() > 0, "{early}");
    let held = &early["held"][0];
    assert!(held["holder"].as_str().unwrap().contains('*'), "holders are masked");
    assert_eq!(
        early["freeze"].as_array().unwrap().iter().map(|b| b["total_fen"].as_i64().unwrap()).sum::<i64>(),
        early["held_fen"].as_i64().unwrap()
    );

    for policy in ["lifo", "pro-rata", "poison", "libr"] {
        let p: serde_json::Value =
            serde_json::from_str(&ok(&fanzha(&["trace", "--db", &db, "--txn", &txn, "--policy", policy, "--json"])))
                .unwrap();
        assert_eq!(p["policy"], policy);
        assert_eq!(p["traced_fen"], v["traced_fen"]);
    }
    let dot = ok(&fanzha(&["trace", "--db", &db, "--txn", &txn, "--dot"]));
    assert!(dot.starts_with("digraph trace {") && dot.contains("->"));

    // Backward from the top freeze target finds the victim's payment.
    let account = held["account"].as_str().unwrap();
    let back: serde_json::Value = serde_json::from_str(&ok(&fanzha(&[
        "trace",
        "--db",
        &db,
        "--backward",
        "--account",
        account,
        "--as-of",
        &as_of,
        "--json",
    ])))
    .unwrap();
    assert_eq!(back["schema"], "fanzha.provenance.v1");
    let origins = back["origins"].as_array().unwrap();
    assert_eq!(
        origins.iter().map(|o| o["amount_fen"].as_i64().unwrap()).sum::<i64>(),
        back["amount_fen"].as_i64().unwrap()
    );
    assert!(back["edges"].as_array().unwrap().iter().any(|e| e["txn_id"] == txn.as_str()), "{back}");

    let bad = fanzha(&["trace", "--db", &db, "--txn", "NO-SUCH-TXN"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown transaction id(s): NO-SUCH-TXN"));
    let bad = fanzha(&["trace", "--db", &db, "--txn", &txn, "--policy", "random"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown policy 'random'"));
    let bad = fanzha(&["trace", "--db", &db, "--backward", "--txn", &txn, "--policy", "pro-rata"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("backward tracing supports fifo and lifo"));
}
