//! Running the `fanzha` binary from the end-to-end tests: commands, a served store, users, and a
//! small generated scenario. Each test uses what it needs of these.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

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

/// A child process that is killed when dropped (a server, a browser driver).
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `fanzha serve --db DB --addr 127.0.0.1:0 EXTRA…`; returns the process and the address it
/// printed. What it prints later is read and dropped, so its writes never hit a closed pipe.
pub fn serve(db: &str, extra: &[&str]) -> (Killed, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Killed(child);
    let mut lines = BufReader::new(server.0.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    std::thread::spawn(move || std::io::copy(&mut lines, &mut std::io::sink()));
    let addr = first.split("http://").nth(1).expect("the address is printed").trim().to_string();
    (server, addr)
}

/// Adds a console user whose password is `NAME-password-1`.
pub fn add_user(db: &str, name: &str, role: &str, bank: Option<&str>) {
    let mut args = vec!["user", "add", "--db", db, "--name", name, "--role", role];
    if let Some(b) = bank {
        args.extend(["--bank", b]);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_fanzha"))
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("{name}-password-1\n").as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
}

/// Waits, when the wall-clock minute is about to turn, until it has turned: the public rate limit
/// counts per minute, and a test that counts its refusals must not straddle two minutes.
pub fn wait_for_a_fresh_minute() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    if now % 60 > 40 {
        std::thread::sleep(std::time::Duration::from_secs(61 - now % 60));
    }
}
