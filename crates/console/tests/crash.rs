//! The console database under real crashes and damage: a writer process appending audit entries is
//! killed with SIGKILL at random moments, again and again on the same database, and every entry it
//! acknowledged must be there with the hash chain intact; then bytes of the file are flipped, and
//! any change to an audit row must be seen (by SQLite, or by the chain), never pass silently.

use fanzha_console::db::Db;
use rand::{Rng, SeedableRng};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// Kill rounds run by `cargo test`.
const ROUNDS: u64 = 12;

/// Not a test on its own: the writer that the crash test starts as a child process (it does nothing
/// unless the test set `FANZHA_CRASH_CHILD_DB`). Prints `acked N` after entry N is committed.
#[test]
fn audit_writer_child() {
    let Ok(path) = std::env::var("FANZHA_CRASH_CHILD_DB") else { return };
    let start: i64 = std::env::var("FANZHA_CRASH_CHILD_FROM").unwrap().parse().unwrap();
    let mut db = Db::open(Path::new(&path)).unwrap();
    let mut out = std::io::stdout().lock();
    for n in start.. {
        db.audit(n, "child", "crash.test", &format!("n:{n}"), &"详情".repeat((n % 50) as usize)).unwrap();
        writeln!(out, "acked {n}").unwrap();
        out.flush().unwrap();
    }
}

fn entries(db: &mut Db) -> Vec<i64> {
    let filter = fanzha_console::audit::AuditFilter { action: Some("crash.test".into()), ..Default::default() };
    let mut n: Vec<i64> = db.audit_page(&filter, i64::MAX, 0).unwrap().iter().map(|r| r.at).collect();
    n.sort();
    n
}

#[test]
fn killed_writers_lose_no_acknowledged_entry_and_the_chain_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("console.sqlite");
    drop(Db::open(&path).unwrap());
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(23);
    let mut next = 0i64;
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "audit_writer_child", "--nocapture", "--test-threads", "1"])
            .env("FANZHA_CRASH_CHILD_DB", &path)
            .env("FANZHA_CRASH_CHILD_FROM", next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let wanted = rng.random_range(1..40);
        let mut acked = None;
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        while let Some(Ok(line)) = lines.next() {
            if let Some(n) = line.strip_prefix("acked ") {
                acked = Some(n.parse::<i64>().unwrap());
                if acked.unwrap() - next + 1 >= wanted {
                    break;
                }
            }
        }
        // Kill it somewhere inside a later write.
        std::thread::sleep(std::time::Duration::from_micros(rng.random_range(0..3_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let acked = acked.expect("the writer acknowledged something");
        let mut db = Db::open(&path).unwrap();
        let have = entries(&mut db);
        let last = *have.last().unwrap();
        assert!(last >= acked, "round {round}: entry {acked} was acknowledged, the database ends at {last}");
        assert_eq!(have, (0..=last).collect::<Vec<_>>(), "round {round}: no gaps, no half entries");
        let check = db.verify_audit().unwrap();
        assert_eq!(check.broken, None, "round {round}");
        next = last + 1;
    }
}

#[test]
fn damage_to_audit_rows_is_never_silent() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite");
    {
        let mut db = Db::open(&good).unwrap();
        for n in 0..200 {
            db.audit(n, "wang", "case.view", &format!("case:{n}"), "受害人账户 6222…1234").unwrap();
        }
        // Fold the write-ahead log into the file, so the flips below hit the rows.
        drop(db);
        rusqlite::Connection::open(&good).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    }
    let bytes = std::fs::read(&good).unwrap();
    let rows = |path: &Path| -> Option<Vec<fanzha_console::audit::AuditRow>> {
        let mut db = Db::open(path).ok()?;
        db.audit_log(i64::MAX).ok()
    };
    let original = rows(&good).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let (mut refused, mut seen_by_chain, mut harmless) = (0, 0, 0);
    for trial in 0..300 {
        let path = dir.path().join(format!("t{trial}.sqlite"));
        let mut damaged = bytes.clone();
        let bit = rng.random_range(0..damaged.len() * 8);
        damaged[bit / 8] ^= 1 << (bit % 8);
        std::fs::write(&path, &damaged).unwrap();
        let Some(now) = rows(&path) else {
            refused += 1;
            continue;
        };
        let verdict = Db::open(&path).and_then(|mut db| db.verify_audit());
        match verdict {
            Err(_) => refused += 1,
            Ok(check) if check.broken.is_some() => seen_by_chain += 1,
            Ok(_) => {
                assert_eq!(now, original, "trial {trial} (bit {bit}): an audit row changed and nothing noticed");
                harmless += 1;
            }
        }
    }
    println!("flips: {refused} refused by SQLite, {seen_by_chain} seen by the chain, {harmless} left the audit rows as they were");
    assert!(seen_by_chain > 0, "some flips land in audit rows and the chain sees them");
}
