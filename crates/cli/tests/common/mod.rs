//! Running the `fanzha` binary from the end-to-end tests, and a small generated scenario.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `fanzha` with `args`.
pub fn fanzha(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fanzha")).args(args).output().unwrap()
}

/// The standard output of a run that must succeed.
pub fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A small scenario (1,500 persons, 30 days, `seed`) generated into `DIR/data` and ingested with its
/// labels into `DIR/db`; returns the store directory.
pub fn scenario(dir: &Path, seed: &str) -> String {
    let data = dir.join("data");
    let db = dir.join("db").to_str().unwrap().to_string();
    ok(&fanzha(&["gen", "--out", data.to_str().unwrap(), "--persons", "1500", "--days", "30", "--seed", seed]));
    let f = |n: &str| data.join(n).to_str().unwrap().to_string();
    ok(&fanzha(&[
        "ingest",
        "--db",
        &db,
        "--accounts",
        &f("accounts.csv"),
        "--transfers",
        &f("transfers.csv"),
        "--labels",
        &f("labels.csv"),
    ]));
    db
}
