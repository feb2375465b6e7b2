//! Acknowledged means durable: kill `fanzha ingest` with SIGKILL mid-run, restart, and find every
//! row it acknowledged; then finish the ingest and find every row exactly once.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const ROWS: usize = 600_000;

fn write_transfers(path: &Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "txn_id,ts,from_account,to_account,amount,channel").unwrap();
    for i in 0..ROWS {
        let (h, m, s) = ((i / 3600) % 24, (i / 60) % 60, i % 60);
        writeln!(
            f,
            "T{i},2024-03-01T{h:02}:{m:02}:{s:02}+08:00,A{},B{},{}.{:02},mobile",
            i % 997,
            (i * 7) % 1009,
            i % 5000 + 1,
            i % 100
        )
        .unwrap();
    }
}

fn fanzha() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fanzha"))
}

fn stats(db: &Path) -> serde_json::Value {
    let out = fanzha().args(["stats", "--json", "--db"]).arg(db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sigkill_mid_ingest_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("transfers.csv");
    write_transfers(&csv);
    let db = dir.path().join("db");

    let mut child = fanzha()
        .args(["ingest", "--report-commits", "--batch-rows", "5000", "--db"])
        .arg(&db)
        .arg("--transfers")
        .arg(&csv)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acknowledged_line = 0u64;
    for _ in 0..4 {
        let line = lines.next().expect("a commit line").unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        acknowledged_line = v["committed"]["line"].as_u64().unwrap();
    }
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(still_running, "ingest finished before it could be killed; make the input larger");

    // Every acknowledged row (file lines 2..=acknowledged_line) is there after the restart.
    let s = stats(&db);
    let stored = s["transfers"].as_u64().unwrap();
    assert!(stored >= acknowledged_line - 1, "{stored} stored but {acknowledged_line} lines acknowledged");
    assert!(stored < ROWS as u64);

    // Finishing the ingest lands every row exactly once.
    let out = fanzha().args(["ingest", "--json", "--db"]).arg(&db).arg("--transfers").arg(&csv).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["files"][0]["unchanged"].as_u64().unwrap(), stored);
    assert_eq!(summary["files"][0]["stored"].as_u64().unwrap(), ROWS as u64 - stored);
    let s = stats(&db);
    assert_eq!(s["transfers"].as_u64().unwrap(), ROWS as u64);
    assert_eq!(s["accounts"].as_u64().unwrap(), 997 + 1009);
    assert_eq!(s["external_accounts"].as_u64().unwrap(), 997 + 1009);
}

#[test]
fn rejected_rows_are_named_and_the_exit_status_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("t.csv");
    std::fs::write(
        &csv,
        "txn_id,ts,from_account,to_account,amount\nT1,2024-03-01T00:00:00Z,A,B,1\nT2,2024-03-01T00:00:00Z,A,B,-1\n",
    )
    .unwrap();
    let out =
        fanzha().args(["ingest", "--db"]).arg(dir.path().join("db")).arg("--transfers").arg(&csv).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3: amount: '-1' must be greater than 0", csv.display())), "{err}");
    let s = stats(&dir.path().join("db"));
    assert_eq!(s["transfers"].as_u64(), Some(1));
    assert_eq!(s["accounts"].as_u64(), Some(2));
}

#[test]
fn stats_on_a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = fanzha().args(["stats", "--db"]).arg(dir.path().join("nope")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no fanzha store here"));
}
