//! `fanzha serve` as a real process on a socket: checks and records over HTTP, rules hot-reloaded from
//! a watched file (an invalid edit keeps the old set), and `fanzha backtest` on what was recorded.

mod common;

use common::{fanzha, ok, serve};
use std::io::{Read, Write};
use std::net::TcpStream;

use std::time::{Duration, Instant};

/// One HTTP/1.1 request without a key; returns (status, body).
fn http(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    http_as(addr, None, method, path, body)
}

/// One HTTP/1.1 request, with `Authorization: Bearer KEY` when given; returns (status, body).
fn http_as(addr: &str, key: Option<&str>, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let auth = key.map(|k| format!("Authorization: Bearer {k}\r\n")).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split(' ').nth(1).unwrap().parse().unwrap();
    let body = out.split("\r\n\r\n").nth(1).unwrap_or_default().to_string();
    (status, body)
}

fn rules(verdict: &str, version: &str) -> String {
    format!(
        "version = \"{version}\"\n[[rule]]\nid = \"memo_brushing\"\nwhen = 'contains(memo, \"刷单\")'\nverdict = \"{verdict}\"\nweight = 0.7\nreason_zh = \"附言提到刷单\"\nreason_en = \"The memo mentions order brushing\"\n"
    )
}

fn version(addr: &str) -> String {
    let (_, body) = http(addr, "GET", "/healthz", "");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    v["rule_version"].as_str().unwrap().to_string()
}

#[test]
fn serves_checks_and_hot_reloads_rules() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let rule_file = dir.path().join("rules.toml");
    std::fs::write(&rule_file, rules("warn", "1")).unwrap();
    let (server, addr) = serve(db.to_str().unwrap(), &["--rules", rule_file.to_str().unwrap()]);

    let check = r#"{"from_account":"A","to_account":"B","amount_fen":5000,"memo":"刷单返利"}"#;
    assert_eq!(http(&addr, "POST", "/v1/transfers/check", check).0, 401, "no key, no check");
    // A key issued from the terminal while the server runs works at once.
    let db_arg = db.to_str().unwrap();
    let issued = ok(&fanzha(&["apikey", "add", "--db", db_arg, "--bank", "ICBC", "--scope", "check,record"]));
    let key = issued.lines().last().unwrap().trim().to_string();
    assert!(key.starts_with("fzk_"), "the key is the last line: {issued}");
    let http = |addr: &str, method: &str, path: &str, body: &str| http_as(addr, Some(&key), method, path, body);
    let (status, body) = http(&addr, "POST", "/v1/transfers/check", check);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""verdict":"warn""#), "{body}");
    let v1 = version(&addr);
    assert!(v1.starts_with("1+"), "{v1}");

    // An edit is picked up without a restart.
    std::fs::write(&rule_file, rules("block", "2")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while version(&addr) == v1 {
        assert!(Instant::now() < deadline, "the edit was not picked up");
        std::thread::sleep(Duration::from_millis(200));
    }
    let (_, body) = http(&addr, "POST", "/v1/transfers/check", check);
    assert!(body.contains(r#""verdict":"block""#), "{body}");

    // An invalid edit is refused; the last good set stays in force.
    let v2 = version(&addr);
    std::fs::write(
        &rule_file,
        "version = \"3\"\n[[rule]]\nid = \"x\"\nwhen = \"memo <\"\nverdict = \"block\"\nweight = 2\n",
    )
    .unwrap();
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(version(&addr), v2);
    let (_, body) = http(&addr, "POST", "/v1/transfers/check", check);
    assert!(body.contains(r#""verdict":"block""#), "{body}");

    // Recorded transfers are durable and backtest sees them.
    for (i, memo) in ["生活费", "刷单"].iter().enumerate() {
        let t = format!(
            r#"{{"txn_id":"T{i}","ts":"2024-03-01T1{i}:00:00+08:00","from_account":"A","to_account":"B","amount_fen":5000,"memo":"{memo}"}}"#
        );
        assert_eq!(http(&addr, "POST", "/v1/transfers", &t).0, 201);
    }
    // A key revoked from the terminal is refused on the next call.
    let listed = ok(&fanzha(&["apikey", "list", "--db", db_arg]));
    assert!(listed.contains("ICBC") && listed.contains("live") && !listed.contains(&key), "{listed}");
    ok(&fanzha(&["apikey", "revoke", "--db", db_arg, "--id", "1"]));
    assert_eq!(http(&addr, "POST", "/v1/transfers/check", check).0, 401, "revoked");
    drop(server);
    let verified = ok(&fanzha(&["audit", "verify", "--db", db_arg]));
    assert!(verified.contains("intact"), "{verified}");
    let bad = fanzha(&["backtest", "--db", db.to_str().unwrap(), "--rules", rule_file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success() && err.contains("weight"), "invalid rules are reported: {err}");
    std::fs::write(&rule_file, rules("hold", "4")).unwrap();
    let verdicts = dir.path().join("verdicts.csv");
    let out = ok(&fanzha(&[
        "backtest",
        "--db",
        db.to_str().unwrap(),
        "--rules",
        rule_file.to_str().unwrap(),
        "--verdicts",
        verdicts.to_str().unwrap(),
    ]));
    assert!(out.contains("2 transfers checked"), "{out}");
    let line = out.lines().find(|l| l.starts_with("memo_brushing")).expect("a line per rule");
    assert_eq!(line.split_whitespace().nth(2), Some("1"), "one hit: {line}");
    // The held transfer, and no line for the one passed (no labels: the fraud column is empty).
    let listed = std::fs::read_to_string(&verdicts).unwrap();
    assert_eq!(
        listed.lines().collect::<Vec<_>>(),
        ["txn_id,time,verdict,score,fraud,rules", "T1,2024-03-01T03:00:00Z,hold,0.700,,memo_brushing"],
        "{listed}"
    );
    // With --all-verdicts the passed one is listed too.
    let rules_arg = rule_file.to_str().unwrap();
    let verdicts_arg = verdicts.to_str().unwrap();
    ok(&fanzha(&["backtest", "--db", db_arg, "--rules", rules_arg, "--verdicts", verdicts_arg, "--all-verdicts"]));
    let listed = std::fs::read_to_string(&verdicts).unwrap();
    let passed: Vec<&str> = listed.lines().filter(|l| l.contains(",pass,")).collect();
    assert_eq!((listed.lines().count(), passed.len()), (3, 1), "{listed}");
    // Detection runs along the replay are reported: with runs every hour, one before the second
    // transfer, over the data until then.
    let out = ok(&fanzha(&[
        "backtest",
        "--db",
        db_arg,
        "--rules",
        rules_arg,
        "--rescore-hours",
        "1",
        "--rescore-learn-cases",
        "never",
    ]));
    let runs = "detection runs: 1 (not asked to learn: 1); the last, up to 2024-03-01T02:59:59Z, flagged";
    assert!(out.lines().any(|l| l.starts_with(runs)), "{out}");
    // A negative confirmation delay (learning from later labels) and learning without detection
    // runs are refused, not ignored.
    let refused = |args: &[&str], why: &str| {
        let out = fanzha(&[&["backtest", "--db", db_arg], args].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(why), "{args:?}: {err}");
    };
    refused(&["--rescore-hours", "24", "--rescore-learn-cases", "auto", "--confirm-days=-1"], "between 0 and 366");
    refused(&["--rescore-learn-cases", "auto"], "--rescore-hours");
    refused(&["--confirm-days", "2"], "--rescore-hours");
}
