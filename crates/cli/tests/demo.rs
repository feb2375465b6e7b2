//! The README's first command works and shows something real.

use std::process::Command;

#[test]
fn demo_generates_ingests_and_finds_planted_mules() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fanzha")).args(["demo", "--dir"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== 5. first look"), "{text}");
    let look: Vec<&str> =
        text.split("== 5. first look").nth(1).unwrap().lines().filter(|l| l.ends_with(" yes")).collect();
    assert!(look.len() >= 4, "most of the top fan-in accounts should be planted mules:\n{text}");
    let trace = text.split("== 6. a victim reports").nth(1).expect("the demo traces a victim's report");
    assert!(trace.contains("(conserved to the fen)"), "{trace}");
    assert!(
        trace.contains("One freeze request per bank:"),
        "two hours after paying, money is still frozen-able:\n{trace}"
    );
    assert!(text.contains("== 7. the same report under each policy") && text.contains("\nlibr "));
    assert!(text.contains("== 8. backward from the top freeze target") && text.contains("payer "), "{text}");
    let found = text.split("== 9. mule accounts and card farmers").nth(1).expect("the demo runs detection");
    assert!(found.contains("flagged as mules") && found.contains("card farmers flagged"), "{found}");
    assert!(dir.path().join("trace.svg").exists() && dir.path().join("freeze.csv").exists());
    let stats = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(["stats", "--json", "--db"])
        .arg(dir.path().join("db"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert!(v["transfers"].as_u64().unwrap() > 50_000);
    assert!(v["accounts"].as_u64().unwrap() > v["external_accounts"].as_u64().unwrap());
    assert!(v["labels"].as_u64().unwrap() > 0);
}

/// `fanzha demo --serve` leaves work for every demo user: a case with approved requests, alerts.
#[test]
fn the_served_demo_has_work_waiting_for_every_user() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(["demo", "--seed", "3", "--serve", "127.0.0.1:0", "--dir"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        let served = line.starts_with("fanzha serving");
        seen.push(line);
        if served {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let work = seen.iter().find(|l| l.starts_with("work waiting:")).unwrap_or_else(|| panic!("{seen:#?}"));
    let requests: usize = work.split(" with ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(work.contains("case #1") && requests >= 1, "{work}");
    let mules: usize =
        work.split("requests (one per bank), ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert!(mules >= 1, "{work}");
}
