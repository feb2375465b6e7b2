//! The crash and corruption harness over many seeds (see `fanzha_storage::harness`): every seed
//! must keep the invariant. `FANZHA_HARNESS_SEEDS=N` runs N seeds instead of the CI default;
//! `FANZHA_HARNESS_SEED=S` replays one seed.

use fanzha_storage::harness;

/// Seeds run by `cargo test` (the CI gate is at least 1,000).
const CI_SEEDS: u64 = 1_200;

fn scratch() -> tempfile::TempDir {
    // fsync is what the harness models, not what it measures: tmpfs keeps the run fast.
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().unwrap()
}

#[test]
fn every_seed_keeps_acknowledged_data_or_refuses_loudly() {
    let dir = scratch();
    if let Some(seed) = std::env::var("FANZHA_HARNESS_SEED").ok().and_then(|s| s.parse().ok()) {
        let r = harness::run_seed(seed, dir.path());
        println!("{r:?}");
        assert!(r.is_ok(), "{}", r.unwrap_err());
        return;
    }
    let n = std::env::var("FANZHA_HARNESS_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(CI_SEEDS);
    let (tally, failures) = harness::run(0..n, dir.path());
    println!("{}", serde_json::to_string_pretty(&tally).unwrap());
    let shown: Vec<String> = failures.iter().take(10).map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{} of {n} seeds failed:\n{}", failures.len(), shown.join("\n"));
    // Every kind of fault was exercised, and loud refusals happened (damage at rest is seen).
    for kind in [
        "Kill",
        "PowerLoss",
        "KillInRecovery",
        "BitFlip",
        "Truncate",
        "ZeroSector",
        "GarbageTail",
        "MarkDamage",
        "MetaBitFlip",
    ] {
        assert!(tally.by_kind.keys().any(|k| k.contains(&format!("/{kind}/"))), "no seed injected {kind}");
    }
    assert!(tally.by_kind.keys().any(|k| k.ends_with("/Refused")));
}
