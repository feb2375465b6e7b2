//! Hot reload: explicit reloads, the file watcher, and readers during reloads.

mod common;

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::schema;
use fanzha_rules::{Env, Reloading};

/// A one-rule file whose rule hits when `x > threshold`.
fn rules(version: &str, threshold: u32) -> String {
    format!(
        "version = \"{version}\"\n[[rule]]\nid = \"over\"\nwhen = \"x > {threshold}\"\nverdict = \"warn\"\nweight = 0.5\nreason_zh = \"x={{x}}\"\nreason_en = \"x={{x}}\"\n"
    )
}

fn write(path: &Path, text: &str) {
    // Write-then-rename, as deployments should.
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}

fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn reload_now_swaps_only_valid_sets() {
    let (schema, _) = schema();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.toml");
    write(&file, &rules("1", 10));
    let r = Reloading::new(&file, Arc::new(schema)).unwrap();
    assert_eq!(r.path(), file);
    let v1 = r.current().version().to_owned();
    assert!(v1.starts_with("1+"));

    // Unchanged files reload to the same version.
    assert_eq!(r.reload_now().unwrap().version(), v1);

    write(&file, &rules("2", 20));
    let v2 = r.reload_now().unwrap().version().to_owned();
    assert!(v2.starts_with("2+"));
    assert_eq!(r.current().version(), v2);
    assert!(r.last_error().is_none());

    write(&file, &rules("3", 30).replace("x > 30", "x >"));
    let err = r.reload_now().unwrap_err();
    assert!(err.to_string().contains("when: column 4: expected a value"), "{err}");
    assert_eq!(r.current().version(), v2, "the old set stays");
    assert_eq!(r.last_error(), Some(err));

    write(&file, &rules("4", 40));
    assert!(r.reload_now().unwrap().version().starts_with("4+"));
    assert!(r.last_error().is_none(), "a good reload clears the error");
}

#[test]
fn initial_load_must_succeed() {
    let (schema, _) = schema();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.toml");
    write(&file, "version = \"1\"\nbogus = 1\n");
    let err = Reloading::new(&file, Arc::new(schema)).err().unwrap();
    assert_eq!(err.0[0].message, "unknown key");
}

#[test]
fn watcher_picks_up_edits_and_keeps_old_set_on_errors() {
    let (schema, _) = schema();
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.toml"), &rules("1", 10));
    let r = Arc::new(Reloading::new(dir.path(), Arc::new(schema)).unwrap());
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&outcomes);
    let watcher = r
        .spawn_watch_with(Duration::from_millis(10), move |res| {
            log.lock().unwrap().push(res.as_ref().map(|s| s.version().to_owned()).map_err(|e| e.to_string()));
        })
        .unwrap();

    write(&dir.path().join("a.toml"), &rules("2", 20));
    wait_for("valid edit", || r.current().version().starts_with("2+"));

    write(&dir.path().join("a.toml"), "version = \"3\"\n[[rule]]\nid = \"BAD\"\n");
    wait_for("error report", || r.last_error().is_some());
    assert!(r.current().version().starts_with("2+"));
    assert!(r.last_error().unwrap().to_string().contains("must match [a-z0-9_]+"));

    // A new file in the directory is picked up too.
    write(&dir.path().join("a.toml"), &rules("2", 20));
    write(&dir.path().join("b.toml"), &rules("5", 50).replace("\"over\"", "\"over_50\""));
    wait_for("new file", || r.current().version().starts_with("2,5+"));
    assert_eq!(r.current().len(), 2);
    assert!(r.last_error().is_none());

    watcher.stop();
    let outcomes = outcomes.lock().unwrap();
    assert!(outcomes.len() >= 3, "{outcomes:?}");
    assert!(outcomes.iter().any(Result::is_err));
}

#[test]
fn watcher_ends_when_reloading_is_dropped() {
    let (schema, _) = schema();
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.toml"), &rules("1", 10));
    let r = Arc::new(Reloading::new(dir.path(), Arc::new(schema)).unwrap());
    let watcher = r.spawn_watch(Duration::from_millis(5)).unwrap();
    drop(r);
    // Dropping the watcher joins its thread, which has seen the Reloading go.
    drop(watcher);
}

#[test]
fn readers_keep_evaluating_during_reloads() {
    let (schema, v) = schema();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rules.toml");
    write(&file, &rules("10", 10));
    let r = Arc::new(Reloading::new(&file, Arc::new(schema)).unwrap());
    let stop = Arc::new(AtomicBool::new(false));
    let evaluations = Arc::new(AtomicUsize::new(0));

    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (r, stop, evaluations) = (Arc::clone(&r), Arc::clone(&stop), Arc::clone(&evaluations));
            std::thread::spawn(move || {
                let mut env = Env::new(r.schema());
                env.set_number(v.x, 15.0);
                let mut hits = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let set = r.current();
                    set.evaluate(&env, &mut hits);
                    // Version "10" has threshold 10 (hit), version "20" threshold 20 (no hit):
                    // a reader always sees one whole set.
                    let want_hit = set.version().starts_with("10+");
                    assert_eq!(hits.len(), usize::from(want_hit), "{}", set.version());
                    evaluations.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();

    for i in 0..40 {
        let text = match i % 3 {
            0 => rules("20", 20),
            1 => rules("10", 10),
            _ => rules("30", 30).replace("x > 30", "x >>"),
        };
        write(&file, &text);
        let res = r.reload_now();
        assert_eq!(res.is_ok(), i % 3 != 2);
    }
    stop.store(true, Ordering::Relaxed);
    for t in readers {
        t.join().unwrap();
    }
    assert!(evaluations.load(Ordering::Relaxed) > 0);
}
