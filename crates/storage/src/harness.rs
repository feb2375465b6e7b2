//! The crash and corruption harness, in the spirit of ALICE, CrashMonkey and TigerBeetle's
//! simulator: seeded schedules that kill a writer at an exact write boundary, lose or garble what
//! it had not synced (a power loss), kill it again while it recovers, and damage its files at rest
//! (bit flips, truncation, zeroed sectors, garbage tails, a damaged mark or meta file). It drives
//! the two durable formats of a store: the event log ([`LogStore`]) and the line files
//! ([`LineLog`], which hold the lists and the public's reports).
//!
//! # The invariant checked after every fault
//! Reopening gives either exactly the acknowledged state (a commit in flight may be there whole,
//! never in part), or a loud refusal ([`StoreError::Corrupt`] or [`StoreError::NotAStore`]) that
//! changes no file, after which [`OpenMode::Salvage`] reads an acknowledged prefix. A crash alone,
//! with or without a power loss, must never be refused: the store recovers, and the next commit
//! lands whole after the recovered state. Anything else (acknowledged data missing without a
//! refusal, half a commit, a panic) is a [`Failure`].
//!
//! # Seeds
//! Everything a seed does follows from the seed: [`run_seed`] replays it exactly
//! (`fanzha bench crash --seed N`, or `FANZHA_HARNESS_SEED=N cargo test -p fanzha-storage`).

use crate::file::{is_simulated_crash, Fault, Faults, FileOp};
use crate::{LineLog, LogStore, OpenMode, Store, StoreError};
use fanzha_model::{Account, AccountIx, Event, Fen, Label, LabelTarget, Ledger, Transfer, Ts};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Which durable format a seed drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// `events.log` and its mark.
    EventLog,
    /// A line file (lists, reports) and its mark.
    LineFile,
}

/// The fault a seed injects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// The writer is killed at one write boundary (a write may land in part); the kernel keeps
    /// what was written.
    Kill,
    /// Killed, and a power loss follows: what was not synced is cut short or garbled by sector,
    /// and the unsynced mark may be any earlier version, torn, or gone.
    PowerLoss,
    /// Killed with a power loss, then killed again while the next writer recovers.
    KillInRecovery,
    /// One bit of the data file flipped at rest.
    BitFlip,
    /// The data file cut short at rest.
    Truncate,
    /// One 512-byte sector of the data file zeroed at rest.
    ZeroSector,
    /// Garbage appended to the data file (never acknowledged).
    GarbageTail,
    /// The mark flipped or deleted.
    MarkDamage,
    /// One bit of `meta.json` flipped.
    MetaBitFlip,
}

const FAULTS: [FaultKind; 9] = [
    FaultKind::Kill,
    FaultKind::PowerLoss,
    FaultKind::KillInRecovery,
    FaultKind::BitFlip,
    FaultKind::Truncate,
    FaultKind::ZeroSector,
    FaultKind::GarbageTail,
    FaultKind::MarkDamage,
    FaultKind::MetaBitFlip,
];

/// How a seed ended (all of these keep the invariant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Reopened with exactly the acknowledged state.
    Exact,
    /// Reopened with the acknowledged state and the commit in flight, whole.
    ExactWithInFlight,
    /// Damage was refused loudly, no file changed, and salvage read an acknowledged prefix.
    Refused,
}

/// What one seed did.
#[derive(Debug, Clone, Serialize)]
pub struct SeedReport {
    /// The seed.
    pub seed: u64,
    /// The format driven.
    pub target: Target,
    /// The fault injected.
    pub fault: FaultKind,
    /// How it ended.
    pub outcome: Outcome,
    /// File operations of the workload (the crash point is one of them).
    pub ops: usize,
}

/// A seed that broke the invariant.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The seed (replay it with `fanzha bench crash --seed N`).
    pub seed: u64,
    /// The format driven.
    pub target: Target,
    /// The fault injected.
    pub fault: FaultKind,
    /// What went wrong.
    pub what: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "seed {} ({:?}, {:?}): {} (replay: fanzha bench crash --seed {})",
            self.seed, self.target, self.fault, self.what, self.seed
        )
    }
}

/// Counts of seeds by format, fault and outcome.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    /// Seeds run.
    pub seeds: u64,
    /// Seeds that broke the invariant.
    pub failures: u64,
    /// Seeds per (format, fault, outcome).
    pub by_kind: BTreeMap<String, u64>,
}

impl Tally {
    fn add(&mut self, r: &SeedReport) {
        self.seeds += 1;
        *self.by_kind.entry(format!("{:?}/{:?}/{:?}", r.target, r.fault, r.outcome)).or_default() += 1;
    }
}

/// Runs seeds `seeds` in fresh directories under `scratch`; returns the tally and the failures.
pub fn run(seeds: std::ops::Range<u64>, scratch: &Path) -> (Tally, Vec<Failure>) {
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for seed in seeds {
        match run_seed(seed, scratch) {
            Ok(r) => tally.add(&r),
            Err(f) => {
                tally.seeds += 1;
                tally.failures += 1;
                failures.push(f);
            }
        }
    }
    (tally, failures)
}

/// Runs one seed in a fresh directory under `scratch` (removed afterwards unless it failed).
pub fn run_seed(seed: u64, scratch: &Path) -> Result<SeedReport, Failure> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let target = if rng.random_bool(0.5) { Target::EventLog } else { Target::LineFile };
    // A line file has no meta file of its own.
    let faults = if target == Target::EventLog { &FAULTS[..] } else { &FAULTS[..FAULTS.len() - 1] };
    let fault = faults[rng.random_range(0..faults.len())];
    let dir = scratch.join(format!("seed-{seed}"));
    let _ = std::fs::remove_dir_all(&dir);
    let fail = |what: String| Failure { seed, target, fault, what };
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match target {
        Target::EventLog => EventLogCase::new(&dir, &mut rng).run(fault, &mut rng),
        Target::LineFile => LineCase::new(&dir, &mut rng).run(fault, &mut rng),
    }));
    let result = match run {
        Ok(r) => r.map_err(fail),
        Err(panic) => {
            let msg =
                panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(fail(format!("panicked: {}", msg.unwrap_or_default())))
        }
    };
    match result {
        Ok((outcome, ops)) => {
            let _ = std::fs::remove_dir_all(&dir);
            Ok(SeedReport { seed, target, fault, outcome, ops })
        }
        Err(f) => Err(f),
    }
}

/// Watches a writer's file operations: counts them, crashes at one, remembers what was synced and
/// every version of each mark file.
#[derive(Default)]
struct Recorder {
    ops: usize,
    crash_at: Option<usize>,
    /// Of a write that crashes, this share of its bytes lands (0..=1).
    landed: f64,
    synced: HashMap<PathBuf, u64>,
    marks: HashMap<PathBuf, Vec<Vec<u8>>>,
}

impl Recorder {
    fn hook(rec: &Arc<Mutex<Recorder>>) -> Faults {
        let rec = rec.clone();
        Arc::new(move |op: &FileOp<'_>| rec.lock().unwrap_or_else(std::sync::PoisonError::into_inner).observe(op))
    }

    fn observe(&mut self, op: &FileOp<'_>) -> Fault {
        let n = self.ops;
        self.ops += 1;
        if self.crash_at == Some(n) {
            let persisted = match op {
                FileOp::Write { bytes, .. } => (bytes.len() as f64 * self.landed) as usize,
                _ => 0,
            };
            return Fault::Crash { persisted };
        }
        match *op {
            FileOp::Write { file, bytes, .. } if is_mark(file) => {
                self.marks.entry(file.to_path_buf()).or_default().push(bytes.to_vec())
            }
            FileOp::Write { .. } => {}
            FileOp::Sync { file, len } | FileOp::Truncate { file, len } => {
                self.synced.insert(file.to_path_buf(), len);
            }
        }
        Fault::None
    }

    /// Everything on disk now counts as synced (a clean start of a writer).
    fn settle(&mut self, dir: &Path) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            self.synced.insert(e.path(), len);
            if is_mark(&e.path()) {
                self.marks.insert(e.path(), vec![std::fs::read(e.path()).unwrap_or_default()]);
            }
        }
    }

    /// A power loss: each data file keeps its synced bytes and a random part of the rest, some
    /// sectors of which are zeroed or garbled; each mark becomes one of its versions, torn, or gone.
    fn power_loss(&self, dir: &Path, rng: &mut ChaCha8Rng) {
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if is_mark(&path) {
                let versions = self.marks.get(&path).cloned().unwrap_or_default();
                match rng.random_range(0..4) {
                    0 => drop(std::fs::remove_file(&path)),
                    1 if !versions.is_empty() => {
                        let v = &versions[rng.random_range(0..versions.len())];
                        std::fs::write(&path, v).expect("scratch is writable");
                    }
                    2 => {
                        let mut bytes = std::fs::read(&path).unwrap_or_default();
                        bytes.iter_mut().for_each(|b| {
                            if rng.random_bool(0.3) {
                                *b = rng.random()
                            }
                        });
                        std::fs::write(&path, bytes).expect("scratch is writable");
                    }
                    _ => {}
                }
                continue;
            }
            let Some(&synced) = self.synced.get(&path) else { continue };
            let mut bytes = std::fs::read(&path).unwrap_or_default();
            if bytes.len() as u64 <= synced {
                continue;
            }
            let keep = rng.random_range(synced..=bytes.len() as u64) as usize;
            bytes.truncate(keep);
            let mut sector = (synced as usize / 512) * 512;
            while sector < keep {
                let from = sector.max(synced as usize);
                let to = (sector + 512).min(keep);
                match rng.random_range(0..8) {
                    0 | 1 => bytes[from..to].fill(0),
                    2 => bytes[from..to].iter_mut().for_each(|b| *b = rng.random()),
                    _ => {}
                }
                sector += 512;
            }
            std::fs::write(&path, bytes).expect("scratch is writable");
        }
    }
}

/// Counts the file operations of a workload by playing it once, with a counting hook.
fn count_ops(play: impl FnOnce(Faults)) -> usize {
    let counter = Arc::new(Mutex::new(Recorder::default()));
    play(Recorder::hook(&counter));
    let ops = counter.lock().unwrap_or_else(std::sync::PoisonError::into_inner).ops;
    ops
}

/// Plays a workload that is killed at a random one of its `ops` file operations, in `dir`; then,
/// as `fault` says, a power loss, and a second kill while `recover` (a writer's open) runs.
/// Returns what `play` returned.
fn crash<T>(
    dir: &Path,
    fault: FaultKind,
    ops: usize,
    rng: &mut ChaCha8Rng,
    play: impl FnOnce(Faults) -> T,
    recover: impl FnOnce(Faults) -> Result<(), StoreError>,
) -> Result<T, String> {
    let rec = Recorder { crash_at: Some(rng.random_range(0..ops.max(1))), landed: rng.random(), ..Recorder::default() };
    let rec = Arc::new(Mutex::new(rec));
    let played = play(Recorder::hook(&rec));
    if fault != FaultKind::Kill {
        rec.lock().unwrap_or_else(std::sync::PoisonError::into_inner).power_loss(dir, rng);
    }
    if fault == FaultKind::KillInRecovery {
        let again = Arc::new(Mutex::new(Recorder { crash_at: Some(rng.random_range(0..3)), ..Recorder::default() }));
        again.lock().unwrap_or_else(std::sync::PoisonError::into_inner).settle(dir);
        match recover(Recorder::hook(&again)) {
            Ok(()) => {}
            Err(e) if simulated(&e) => {}
            Err(e) => return Err(format!("recovery refused after a crash: {e}")),
        }
        again.lock().unwrap_or_else(std::sync::PoisonError::into_inner).power_loss(dir, rng);
    }
    Ok(played)
}

fn is_mark(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "acked")
}

/// The bytes of every file in `dir`, to prove a refused open changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name() != "LOCK")
        .map(|e| (e.path(), std::fs::read(e.path()).unwrap_or_default()))
        .collect()
}

/// Damages a file at rest as `fault` says; returns whether anything changed.
fn damage_at_rest(path: &Path, fault: FaultKind, rng: &mut ChaCha8Rng) -> bool {
    let mut bytes = std::fs::read(path).unwrap_or_default();
    let before = bytes.clone();
    match fault {
        FaultKind::BitFlip | FaultKind::MetaBitFlip if !bytes.is_empty() => {
            let bit = rng.random_range(0..bytes.len() * 8);
            bytes[bit / 8] ^= 1 << (bit % 8);
        }
        FaultKind::Truncate if !bytes.is_empty() => {
            let len = rng.random_range(0..bytes.len());
            bytes.truncate(len);
        }
        FaultKind::ZeroSector if !bytes.is_empty() => {
            let sector = rng.random_range(0..bytes.len().div_ceil(512)) * 512;
            let end = (sector + 512).min(bytes.len());
            bytes[sector..end].fill(0);
        }
        FaultKind::GarbageTail => {
            let n = rng.random_range(1..2_000);
            bytes.extend((0..n).map(|_| rng.random::<u8>()));
        }
        FaultKind::MarkDamage if !bytes.is_empty() && rng.random_bool(0.5) => {
            let bit = rng.random_range(0..bytes.len() * 8);
            bytes[bit / 8] ^= 1 << (bit % 8);
        }
        FaultKind::MarkDamage => {
            let _ = std::fs::remove_file(path);
            return !before.is_empty();
        }
        _ => {}
    }
    std::fs::write(path, &bytes).expect("scratch is writable");
    bytes != before
}

/// Whether an error is a loud refusal of damage.
fn refused(e: &StoreError) -> bool {
    matches!(e, StoreError::Corrupt(_) | StoreError::NotAStore(_))
}

fn simulated(e: &StoreError) -> bool {
    matches!(e, StoreError::Io { source, .. } if is_simulated_crash(source)) || matches!(e, StoreError::Poisoned)
}

/// One step of a workload.
enum Step<E> {
    /// Write these (a commit, or appends) and wait for acknowledgement.
    Write(Vec<E>),
    /// Close the writer and open it again.
    Reopen,
}

/// A state to compare, as a digest.
type Digest = u64;

// ---------------------------------------------------------------------------------------------
// The event log.

struct EventLogCase {
    dir: PathBuf,
    steps: Vec<Step<Event>>,
}

fn digest(ledger: &Ledger) -> Digest {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    ledger.bank_count().hash(&mut h);
    for (i, a) in ledger.accounts().iter().enumerate() {
        ledger.account_id(AccountIx::of(i)).hash(&mut h);
        format!("{a:?}").hash(&mut h);
    }
    for (i, t) in ledger.transfers().iter().enumerate() {
        ledger.txn_id(fanzha_model::TransferIx::of(i)).hash(&mut h);
        format!("{t:?}").hash(&mut h);
    }
    format!("{:?}", ledger.labels()).hash(&mut h);
    h.finish()
}

impl EventLogCase {
    fn new(dir: &Path, rng: &mut ChaCha8Rng) -> EventLogCase {
        let mut steps = Vec::new();
        let mut accounts = 0u32;
        let mut txns = 0u32;
        for _ in 0..rng.random_range(1..12) {
            if rng.random_bool(0.15) {
                steps.push(Step::Reopen);
                continue;
            }
            let mut events = Vec::new();
            for _ in 0..rng.random_range(1..40) {
                let roll = rng.random_range(0..10);
                if accounts < 2 || roll < 2 {
                    let account = if rng.random_bool(0.5) { Account::external() } else { Account::internal() };
                    events.push(Event::Account { id: format!("A{accounts}").into(), account });
                    accounts += 1;
                } else if roll < 9 {
                    let memo_len =
                        if rng.random_bool(0.05) { rng.random_range(500..3_000) } else { rng.random_range(0..20) };
                    events.push(Event::Transfer {
                        txn_id: format!("T{txns}").into(),
                        transfer: Transfer {
                            memo: Some("转账".repeat(memo_len / 2).into()),
                            ..Transfer::plain(
                                Ts(1_700_000_000 + i64::from(txns)),
                                Some(AccountIx(rng.random_range(0..accounts))),
                                Some(AccountIx(rng.random_range(0..accounts))),
                                Fen(rng.random_range(1..10_000_000)),
                            )
                        },
                    });
                    txns += 1;
                } else {
                    let target = LabelTarget::Account(AccountIx(rng.random_range(0..accounts)));
                    events.push(Event::Label(Label { target, name: "mule".into() }));
                }
            }
            steps.push(Step::Write(events));
        }
        EventLogCase { dir: dir.to_path_buf(), steps }
    }

    /// Runs the workload with `faults`; returns the digests of the acknowledged states (after
    /// each commit) and of the state in flight when the writer died, if it died.
    fn play(&self, faults: Option<Faults>) -> (Vec<Digest>, Option<Digest>) {
        let mut acked = vec![digest(&Ledger::new())];
        let mut store = match LogStore::open_with(&self.dir, OpenMode::Create, faults.clone()) {
            Ok(s) => s,
            Err(e) if simulated(&e) => return (acked, None),
            Err(e) => panic!("open: {e}"),
        };
        for step in &self.steps {
            match step {
                Step::Write(events) => {
                    for e in events {
                        store.stage(e.clone()).expect("staging never touches files");
                    }
                    match store.commit() {
                        Ok(()) => acked.push(digest(store.ledger())),
                        Err(e) if simulated(&e) => return (acked, Some(digest(store.ledger()))),
                        Err(e) => panic!("commit: {e}"),
                    }
                }
                Step::Reopen => {
                    drop(store);
                    store = match LogStore::open_with(&self.dir, OpenMode::Write, faults.clone()) {
                        Ok(s) => s,
                        Err(e) if simulated(&e) => return (acked, None),
                        Err(e) => panic!("reopen: {e}"),
                    };
                }
            }
        }
        (acked, None)
    }

    fn run(self, fault: FaultKind, rng: &mut ChaCha8Rng) -> Result<(Outcome, usize), String> {
        let dry = EventLogCase { dir: self.dir.with_extension("dry"), steps: self.steps_clone() };
        let ops = count_ops(|hook| drop(dry.play(Some(hook))));
        let _ = std::fs::remove_dir_all(&dry.dir);
        match fault {
            FaultKind::Kill | FaultKind::PowerLoss | FaultKind::KillInRecovery => {
                let recover = |hook| LogStore::open_with(&self.dir, OpenMode::Write, Some(hook)).map(drop);
                let (acked, in_flight) = crash(&self.dir, fault, ops, rng, |hook| self.play(Some(hook)), recover)?;
                let last = *acked.last().expect("the empty state is acknowledged");
                let outcome = self.recover(last, in_flight)?;
                Ok((outcome, ops))
            }
            _ => {
                let (acked, _) = self.play(None);
                let last = *acked.last().expect("the empty state is acknowledged");
                let file = match fault {
                    FaultKind::MarkDamage => crate::mark::path_of(&self.dir.join(crate::log::LOG_FILE)),
                    FaultKind::MetaBitFlip => self.dir.join(crate::meta::META_FILE),
                    _ => self.dir.join(crate::log::LOG_FILE),
                };
                damage_at_rest(&file, fault, rng);
                let before = snapshot(&self.dir);
                match LogStore::open(&self.dir, OpenMode::Write) {
                    Ok(s) if digest(s.ledger()) == last => Ok((Outcome::Exact, ops)),
                    Ok(s) => Err(format!("opened with {} events, not the acknowledged state", s.open_info().events)),
                    Err(e) if refused(&e) => {
                        if snapshot(&self.dir) != before {
                            return Err(format!("a refused open changed files: {e}"));
                        }
                        if fault != FaultKind::MetaBitFlip {
                            let salvaged = LogStore::open(&self.dir, OpenMode::Salvage)
                                .map_err(|e| format!("salvage failed: {e}"))?;
                            if !acked.contains(&digest(salvaged.ledger())) {
                                return Err("salvage read a state that was never acknowledged".into());
                            }
                        }
                        Ok((Outcome::Refused, ops))
                    }
                    Err(e) => Err(format!("open failed without naming damage: {e}")),
                }
            }
        }
    }

    fn steps_clone(&self) -> Vec<Step<Event>> {
        self.steps
            .iter()
            .map(|s| match s {
                Step::Write(e) => Step::Write(e.clone()),
                Step::Reopen => Step::Reopen,
            })
            .collect()
    }

    /// After a crash: the store reopens (read, then write) with the acknowledged state or that and
    /// the commit in flight, and a new commit lands whole after it.
    fn recover(&self, acked: Digest, in_flight: Option<Digest>) -> Result<Outcome, String> {
        let check = |s: &LogStore| -> Result<Outcome, String> {
            let d = digest(s.ledger());
            if d == acked {
                Ok(Outcome::Exact)
            } else if Some(d) == in_flight {
                Ok(Outcome::ExactWithInFlight)
            } else {
                Err(format!(
                    "reopened with {} events: neither the acknowledged state nor it plus the commit in flight",
                    s.open_info().events
                ))
            }
        };
        if !self.dir.join(crate::meta::META_FILE).exists() {
            return Ok(Outcome::Exact); // died before the store existed
        }
        let read = LogStore::open(&self.dir, OpenMode::Read).map_err(|e| format!("read after a crash: {e}"))?;
        let outcome = check(&read)?;
        drop(read);
        let mut w = LogStore::open(&self.dir, OpenMode::Write).map_err(|e| format!("write after a crash: {e}"))?;
        if check(&w)? != outcome {
            return Err("the writer saw another state than the reader".into());
        }
        let account = Event::Account { id: "AFTER".into(), account: Account::external() };
        w.stage(account).map_err(|e| e.to_string())?;
        w.commit().map_err(|e| format!("commit after recovery: {e}"))?;
        let expected = digest(w.ledger());
        drop(w);
        let again = LogStore::open(&self.dir, OpenMode::Read).map_err(|e| format!("reopen after recovery: {e}"))?;
        if digest(again.ledger()) != expected {
            return Err("the commit after recovery did not land whole".into());
        }
        Ok(outcome)
    }
}

// ---------------------------------------------------------------------------------------------
// Line files.

/// An item of the harness's line file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Item {
    n: u64,
    text: String,
}

struct LineCase {
    path: PathBuf,
    steps: Vec<Step<Item>>,
}

impl LineCase {
    fn new(dir: &Path, rng: &mut ChaCha8Rng) -> LineCase {
        let mut steps = Vec::new();
        let mut n = 0;
        for _ in 0..rng.random_range(1..10) {
            if rng.random_bool(0.2) {
                steps.push(Step::Reopen);
                continue;
            }
            let items = (0..rng.random_range(1..6))
                .map(|_| {
                    n += 1;
                    let len = if rng.random_bool(0.1) { rng.random_range(200..1_500) } else { rng.random_range(0..40) };
                    let text: String =
                        (0..len).map(|i| ['诈', 'a', '\n', '"', '骗', ' ', '}'][(i + n as usize) % 7]).collect();
                    Item { n, text }
                })
                .collect();
            steps.push(Step::Write(items));
        }
        LineCase { path: dir.join("lines.jsonl"), steps }
    }

    fn dir(&self) -> &Path {
        self.path.parent().expect("in a directory")
    }

    /// Runs the workload; returns the acknowledged item lists (after each append) and the list
    /// with the item in flight when the writer died, if it died.
    fn play(&self, path: &Path, faults: Option<Faults>) -> (Vec<Vec<Item>>, Option<Vec<Item>>) {
        std::fs::create_dir_all(path.parent().expect("in a directory")).expect("scratch is writable");
        let mut acked: Vec<Vec<Item>> = vec![Vec::new()];
        let open = |faults: Option<Faults>| LineLog::<Item>::open(path, OpenMode::Create, faults);
        let mut log = match open(faults.clone()) {
            Ok((l, _)) => l,
            Err(e) if simulated(&e) => return (acked, None),
            Err(e) => panic!("open: {e}"),
        };
        for step in &self.steps {
            match step {
                Step::Write(items) => {
                    for item in items {
                        let mut now = acked.last().cloned().unwrap_or_default();
                        now.push(item.clone());
                        match log.append(item) {
                            Ok(()) => acked.push(now),
                            Err(e) if simulated(&e) => return (acked, Some(now)),
                            Err(e) => panic!("append: {e}"),
                        }
                    }
                }
                Step::Reopen => {
                    drop(log);
                    log = match open(faults.clone()) {
                        Ok((l, _)) => l,
                        Err(e) if simulated(&e) => return (acked, None),
                        Err(e) => panic!("reopen: {e}"),
                    };
                }
            }
        }
        (acked, None)
    }

    fn run(self, fault: FaultKind, rng: &mut ChaCha8Rng) -> Result<(Outcome, usize), String> {
        let dry = self.dir().with_extension("dry").join("lines.jsonl");
        let ops = count_ops(|hook| drop(self.play(&dry, Some(hook))));
        let _ = std::fs::remove_dir_all(dry.parent().expect("in a directory"));
        let read = |mode| LineLog::<Item>::open(&self.path, mode, None).map(|(_, items)| items);
        match fault {
            FaultKind::Kill | FaultKind::PowerLoss | FaultKind::KillInRecovery => {
                let recover = |hook| LineLog::<Item>::open(&self.path, OpenMode::Write, Some(hook)).map(drop);
                let (acked, in_flight) =
                    crash(self.dir(), fault, ops, rng, |hook| self.play(&self.path, Some(hook)), recover)?;
                let last = acked.last().cloned().unwrap_or_default();
                let check = |items: &Vec<Item>| {
                    if *items == last {
                        Ok(Outcome::Exact)
                    } else if Some(items) == in_flight.as_ref() {
                        Ok(Outcome::ExactWithInFlight)
                    } else {
                        Err(format!("reopened with {} items, acknowledged {}", items.len(), last.len()))
                    }
                };
                let outcome = check(&read(OpenMode::Read).map_err(|e| format!("read after a crash: {e}"))?)?;
                let (mut log, items) = LineLog::<Item>::open(&self.path, OpenMode::Write, None)
                    .map_err(|e| format!("write after a crash: {e}"))?;
                check(&items)?;
                let after = Item { n: u64::MAX, text: "after recovery".into() };
                log.append(&after).map_err(|e| format!("append after recovery: {e}"))?;
                drop(log);
                let mut expected = items;
                expected.push(after);
                if read(OpenMode::Read).map_err(|e| format!("reopen after recovery: {e}"))? != expected {
                    return Err("the append after recovery did not land whole after the recovered items".into());
                }
                Ok((outcome, ops))
            }
            _ => {
                let (acked, _) = self.play(&self.path, None);
                let last = acked.last().cloned().unwrap_or_default();
                let file =
                    if fault == FaultKind::MarkDamage { crate::mark::path_of(&self.path) } else { self.path.clone() };
                damage_at_rest(&file, fault, rng);
                let before = snapshot(self.dir());
                match LineLog::<Item>::open(&self.path, OpenMode::Write, None) {
                    Ok((_, items)) if items == last => Ok((Outcome::Exact, ops)),
                    Ok((_, items)) => Err(format!("opened with {} items, acknowledged {}", items.len(), last.len())),
                    Err(e) if refused(&e) => {
                        if snapshot(self.dir()) != before {
                            return Err(format!("a refused open changed files: {e}"));
                        }
                        let salvaged = read(OpenMode::Salvage).map_err(|e| format!("salvage failed: {e}"))?;
                        if !acked.contains(&salvaged) {
                            return Err("salvage read items that were never acknowledged in that order".into());
                        }
                        Ok((Outcome::Refused, ops))
                    }
                    Err(e) => Err(format!("open failed without naming damage: {e}")),
                }
            }
        }
    }
}
