//! The embedded store: one append-only, checksummed event log per directory.
//!
//! # Layout
//! `DIR/meta.json` holds the format version and the holder salt; `DIR/events.log` starts with a
//! 16-byte magic and then holds commits. Every record is `[len: u32 LE][crc32: u32 LE][tag: u8][body]`,
//! where `len` counts tag and body and the CRC covers them. A commit is a BEGIN record (tag 3,
//! carrying the byte length of the rest of the commit), the events (tag 1, postcard encoding of
//! [`Event`]) and an END record (tag 2, carrying the number of events committed so far).
//!
//! # Durability contract
//! [`Store::commit`] appends the staged events and one commit marker in a single write and returns
//! only after `fdatasync` of the log. That moment is *acknowledgement*: an event is acknowledged
//! exactly when a commit containing it has returned `Ok`, and acknowledged events survive process
//! kill and power loss. At open, the log is replayed up to its last valid commit marker; events
//! after it (a commit that was cut off by a crash) are not acknowledged and are discarded, so a
//! commit is atomic. A writer truncates such a torn tail before appending; a reader just ignores it.
//!
//! Damage is told apart from a torn write by position, and by the acknowledgement mark
//! ([`crate::mark`]): the writer records, after each commit is durable, how many bytes of the log
//! are acknowledged. At open:
//! - an invalid record inside a commit that more data follows, or a wrong running event count, is
//!   damage;
//! - an invalid stretch that a valid commit follows is damage (a torn write can only be the end);
//! - valid commits ending before the mark (a truncated or damaged acknowledged commit) is damage;
//! - an invalid tail longer than the largest possible commit (256 MiB; [`Store::stage`] refuses to
//!   grow one past that) is damage.
//!
//! Damage is reported as [`StoreError::Corrupt`] and the store refuses to open rather than cut
//! acknowledged data; only [`OpenMode::Salvage`] reads the valid part before the damage (see
//! [`LogStore::salvage_into`]). What is left, an invalid tail above the mark, is a commit cut off by
//! a crash: never acknowledged, ignored by readers and cut by the next writer.
//!
//! # Files
//! The writer's files go through [`crate::file`], where the crash harness can kill it at any write.

use crate::file::{AppendFile, Faults};
use crate::mark::{self, Mark, MarkFile};
use crate::meta::{self, io_err};
use crate::{Store, StoreError};
use fanzha_model::{Event, HolderSalt, Ledger};
use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, Cursor, ErrorKind, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The event log's file name inside a store directory.
pub const LOG_FILE: &str = "events.log";
/// The writer's lock file inside a store directory.
pub const LOCK_FILE: &str = "LOCK";
const MAGIC: &[u8; 16] = b"FANZHA-EVENTLOG\x01";
const TAG_EVENT: u8 = 1;
const TAG_END: u8 = 2;
const TAG_BEGIN: u8 = 3;
/// No single record is larger than this; a larger length field means a torn or damaged header.
const MAX_RECORD: u32 = 16 << 20;
/// No commit writes more than this, so a longer invalid tail is damage, not a torn commit.
const MAX_COMMIT_BYTES: usize = 256 << 20;
/// Bytes of a BEGIN record: header, tag, commit length, and the store's commit marker.
const BEGIN_LEN: usize = 8 + 1 + 8 + 8;
/// BEGIN bodies of logs written before the marker: tag and commit length.
const LEGACY_BEGIN_BODY: usize = 1 + 8;

/// The store's commit marker, carried by every BEGIN record: derived from the deployment's secret
/// salt, so bytes a bank controls (a memo inside a commit cut off by a crash) cannot pose as a later
/// commit and make the crash look like damage.
fn commit_marker(salt: &HolderSalt) -> u64 {
    use sha2::{Digest, Sha256};
    let d = Sha256::new().chain_update(salt.as_bytes()).chain_update(b"fanzha commit marker").finalize();
    u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
}

/// How to open a store directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the store if the directory is missing or empty; open it for writing.
    Create,
    /// Open an existing store for writing (exclusive).
    Write,
    /// Open an existing store for reading; never changes a file, may run beside a writer.
    Read,
    /// Like [`OpenMode::Read`], but damage does not refuse the open: the ledger holds the valid
    /// commits before the first damage and [`OpenInfo::damage`] says what was left out.
    Salvage,
}

impl OpenMode {
    fn writes(self) -> bool {
        matches!(self, OpenMode::Create | OpenMode::Write)
    }
}

/// What opening a store found.
#[derive(Debug, Clone, Default)]
pub struct OpenInfo {
    /// Events replayed into the ledger.
    pub events: u64,
    /// Commits replayed.
    pub commits: u64,
    /// Bytes of the log that hold committed data.
    pub bytes: u64,
    /// Bytes after the last commit (an unfinished commit) that were discarded.
    pub discarded_bytes: u64,
    /// Whether this open created the store.
    pub created: bool,
    /// Time taken to open and replay.
    pub elapsed: Duration,
    /// With [`OpenMode::Salvage`]: the damage that stopped the replay (what a normal open refuses).
    pub damage: Option<String>,
    /// The acknowledgement mark as it was read before the replay.
    acked_at_open: Option<Mark>,
}

/// The embedded [`Store`]: a directory with an append-only event log.
#[derive(Debug)]
pub struct LogStore {
    dir: PathBuf,
    salt: HolderSalt,
    ledger: Ledger,
    /// `None` when opened read-only.
    writer: Option<Writer>,
    info: OpenInfo,
}

#[derive(Debug)]
struct Writer {
    log: AppendFile,
    mark: MarkFile,
    /// Room for the BEGIN record, then the encoded staged records; written at commit.
    buf: Vec<u8>,
    staged: usize,
    committed: u64,
    commits: u64,
    /// The store's commit marker ([`commit_marker`]).
    marker: u64,
    poisoned: bool,
    /// Held for the store's lifetime; the OS releases the lock when the process dies.
    _lock: File,
}

/// Files a crash can leave in a directory before the store in it exists.
const CREATION_LEFTOVERS: [&str; 2] = [LOCK_FILE, meta::META_TMP];

impl LogStore {
    /// Opens (or, with [`OpenMode::Create`], creates) the store in `dir` and replays it.
    pub fn open(dir: impl AsRef<Path>, mode: OpenMode) -> Result<LogStore, StoreError> {
        LogStore::open_with(dir, mode, None)
    }

    /// [`LogStore::open`] with a fault hook on every write (the crash harness; see [`crate::file`]).
    pub fn open_with(dir: impl AsRef<Path>, mode: OpenMode, faults: Option<Faults>) -> Result<LogStore, StoreError> {
        let start = Instant::now();
        let dir = dir.as_ref().to_path_buf();
        let has_meta = dir.join(meta::META_FILE).exists();
        let mut created = false;
        if !has_meta {
            let empty_or_missing = match fs::read_dir(&dir) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .all(|e| CREATION_LEFTOVERS.iter().any(|n| e.file_name() == std::ffi::OsStr::new(n))),
                Err(e) if e.kind() == ErrorKind::NotFound => true,
                Err(e) => return Err(io_err(&dir, e)),
            };
            if mode != OpenMode::Create || !empty_or_missing {
                let why = if empty_or_missing {
                    "no fanzha store here (run `fanzha ingest` first)"
                } else {
                    "directory is not empty and holds no fanzha store"
                };
                return Err(StoreError::NotAStore(format!("{}: {why}", dir.display())));
            }
            fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                meta::sync_dir(parent)?;
            }
            created = true;
        }
        let lock = if mode.writes() { Some(lock(&dir)?) } else { None };
        let salt = if created { meta::create(&dir)? } else { meta::read(&dir)? };
        let path = dir.join(LOG_FILE);
        let (mut ledger, mut info) = load(&path, &salt)?;
        if info.damage.is_some() && !mode.writes() {
            // A reader beside a writer can read a torn tail just as the writer cuts it and commits
            // after it, and see the new commits follow the torn bytes. The writer's mark then moved:
            // read again.
            let marked = mark::read(&path).map_err(|e| io_err(&mark::path_of(&path), e))?;
            if marked != info.acked_at_open {
                (ledger, info) = load(&path, &salt)?;
            }
        }
        if let Some(why) = info.damage.as_ref().filter(|_| mode != OpenMode::Salvage) {
            return Err(StoreError::Corrupt(format!(
                "{why}; the store refuses to open rather than cut acknowledged data \
                 (`fanzha salvage` copies the valid part to a new store)"
            )));
        }
        info.created = created;
        if !path.exists() && !mode.writes() {
            info.elapsed = start.elapsed();
            return Ok(LogStore { dir, salt, ledger, writer: None, info });
        }
        let writer = match lock {
            None => None,
            Some(lock) => Some(Writer::open(&path, &dir, &info, faults.as_ref(), lock, commit_marker(&salt))?),
        };
        info.elapsed = start.elapsed();
        Ok(LogStore { dir, salt, ledger, writer, info })
    }

    /// What the open found (replayed events, discarded tail, time taken).
    pub fn open_info(&self) -> &OpenInfo {
        &self.info
    }

    /// The store's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Copies what this store holds into a new store at `into` (which must not exist): the same
    /// holder salt and the log's valid commits, byte for byte, so that the copy opens cleanly.
    /// With [`OpenMode::Salvage`] this is how a damaged store is recovered up to its first damage.
    pub fn salvage_into(&self, into: &Path) -> Result<(), StoreError> {
        if into.exists() {
            return Err(StoreError::NotAStore(format!(
                "{}: already exists; salvage into a new directory",
                into.display()
            )));
        }
        fs::create_dir_all(into).map_err(|e| io_err(into, e))?;
        meta::copy(&self.dir, into)?;
        let from = self.dir.join(LOG_FILE);
        let to = into.join(LOG_FILE);
        let mut log = AppendFile::open(&to, None).map_err(|e| io_err(&to, e))?;
        log.append(MAGIC).map_err(|e| io_err(&to, e))?;
        let mut src = File::open(&from).map_err(|e| io_err(&from, e))?;
        src.seek(SeekFrom::Start(MAGIC.len() as u64)).map_err(|e| io_err(&from, e))?;
        let mut src = src.take(self.info.bytes.saturating_sub(MAGIC.len() as u64));
        let mut chunk = vec![0u8; 1 << 20];
        loop {
            let n = src.read(&mut chunk).map_err(|e| io_err(&from, e))?;
            if n == 0 {
                break;
            }
            log.append(&chunk[..n]).map_err(|e| io_err(&to, e))?;
        }
        log.sync().map_err(|e| io_err(&to, e))?;
        meta::sync_dir(into)
    }

    fn writer(&mut self) -> Result<&mut Writer, StoreError> {
        let w = self.writer.as_mut().ok_or(StoreError::ReadOnly)?;
        if w.poisoned {
            return Err(StoreError::Poisoned);
        }
        Ok(w)
    }
}

impl Writer {
    /// Takes over the log for appending: cuts a torn tail (or writes the magic of a new log) and
    /// brings the acknowledgement mark up to date.
    fn open(
        path: &Path,
        dir: &Path,
        info: &OpenInfo,
        faults: Option<&Faults>,
        lock: File,
        marker: u64,
    ) -> Result<Writer, StoreError> {
        let mut log = AppendFile::open(path, faults).map_err(|e| io_err(path, e))?;
        if info.bytes < MAGIC.len() as u64 {
            // A new log, or one whose creation was cut off before its magic was durable.
            let fresh = log.truncate(0).and_then(|()| log.append(MAGIC)).and_then(|()| log.sync());
            fresh.map_err(|e| io_err(path, e))?;
            meta::sync_dir(dir)?;
        } else if log.len() != info.bytes {
            log.truncate(info.bytes).map_err(|e| io_err(path, e))?;
        }
        let mut mark = MarkFile::open(path, faults).map_err(|e| io_err(&mark::path_of(path), e))?;
        mark.write(Mark { bytes: log.len(), count: info.commits }).map_err(|e| io_err(&mark::path_of(path), e))?;
        Ok(Writer {
            log,
            mark,
            buf: empty_commit(),
            staged: 0,
            committed: info.events,
            commits: info.commits,
            marker,
            poisoned: false,
            _lock: lock,
        })
    }
}

impl Store for LogStore {
    fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    fn salt(&self) -> &HolderSalt {
        &self.salt
    }

    fn stage(&mut self, event: Event) -> Result<bool, StoreError> {
        self.ledger.admits(&event)?;
        let w = self.writer()?;
        let mark = w.buf.len();
        if mark > MAX_COMMIT_BYTES - MAX_RECORD as usize {
            return Err(StoreError::BatchTooLarge);
        }
        encode_record(&mut w.buf, TAG_EVENT, |body| {
            postcard::to_extend(&event, body).expect("events always serialize")
        });
        if self.ledger.apply(event) {
            let w = self.writer.as_mut().expect("checked above");
            w.staged += 1;
            Ok(true)
        } else {
            self.writer.as_mut().expect("checked above").buf.truncate(mark);
            Ok(false)
        }
    }

    fn staged(&self) -> usize {
        self.writer.as_ref().map_or(0, |w| w.staged)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        let w = self.writer()?;
        if w.staged == 0 {
            return Ok(());
        }
        let total = w.committed + w.staged as u64;
        encode_record(&mut w.buf, TAG_END, |mut body| {
            body.extend_from_slice(&total.to_le_bytes());
            body
        });
        let mut begin = Vec::with_capacity(BEGIN_LEN);
        let commit_len = (w.buf.len() - BEGIN_LEN) as u64;
        encode_record(&mut begin, TAG_BEGIN, |mut body| {
            body.extend_from_slice(&commit_len.to_le_bytes());
            body.extend_from_slice(&w.marker.to_le_bytes());
            body
        });
        w.buf[..BEGIN_LEN].copy_from_slice(&begin);
        let result = w.log.append(&w.buf).and_then(|()| w.log.sync());
        if let Err(e) = result {
            w.poisoned = true;
            return Err(io_err(w.log.path(), e));
        }
        w.buf.truncate(BEGIN_LEN);
        w.committed = total;
        w.commits += 1;
        w.staged = 0;
        // Durable now. The mark is a hint for telling damage from a torn write; if it cannot be
        // written the commit still stands, but the caller hears of it (a retry is idempotent).
        let acked = Mark { bytes: w.log.len(), count: w.commits };
        w.mark.write(acked).map_err(|e| {
            w.poisoned = true;
            io_err(&mark::path_of(w.log.path()), e)
        })
    }
}

/// A commit buffer with room for its BEGIN record and nothing staged.
fn empty_commit() -> Vec<u8> {
    let mut buf = Vec::with_capacity(1 << 20);
    buf.resize(BEGIN_LEN, 0);
    buf
}

fn lock(dir: &Path) -> Result<File, StoreError> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| io_err(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked(dir.display().to_string())),
        Err(fs::TryLockError::Error(e)) => Err(io_err(&path, e)),
    }
}

/// Appends one framed record; `fill` writes the body after the tag.
fn encode_record(buf: &mut Vec<u8>, tag: u8, fill: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    let start = buf.len();
    buf.extend_from_slice(&[0u8; 8]);
    buf.push(tag);
    let mut owned = std::mem::take(buf);
    owned = fill(owned);
    *buf = owned;
    let len = (buf.len() - start - 8) as u32;
    let crc = crc32fast::hash(&buf[start + 8..]);
    buf[start..start + 4].copy_from_slice(&len.to_le_bytes());
    buf[start + 4..start + 8].copy_from_slice(&crc.to_le_bytes());
}

/// What reading a commit at some position found.
enum CommitRead {
    /// A whole, valid commit: its events, the running count its END gives, where it ends, and
    /// whether it opened with a BEGIN of before the marker.
    Whole { events: Vec<Event>, total: Option<u64>, end: u64, legacy: bool },
    /// No valid commit starts here (end of file, a torn or damaged record); `whole_until` is
    /// where the commit would end when its opening record was valid and all its bytes are there.
    Invalid { at: u64, why: String, whole_until: Option<u64> },
}

/// Reads the commit that starts at `pos` (bytes before `limit` only); its BEGIN must carry
/// `marker`, or be of before the marker when `legacy_ok`.
fn read_commit(
    r: &mut impl Read,
    body: &mut Vec<u8>,
    mut pos: u64,
    limit: u64,
    marker: u64,
    legacy_ok: bool,
) -> std::io::Result<CommitRead> {
    let begin_at = pos;
    let invalid = |why: &str| CommitRead::Invalid { at: begin_at, why: why.into(), whole_until: None };
    match read_record(r, body, pos, limit)? {
        Some(len) if is_begin(body, marker, legacy_ok) => pos += 8 + len,
        Some(_) => return Ok(invalid("expected a commit's opening record")),
        None => return Ok(invalid("invalid record")),
    }
    let legacy = body.len() == LEGACY_BEGIN_BODY;
    let commit_len = u64::from_le_bytes(body[1..9].try_into().expect("8 bytes"));
    let commit_end = pos.saturating_add(commit_len);
    if commit_end > limit {
        return Ok(invalid("commit runs past the end of the log"));
    }
    let inside = |at: u64, why: String| CommitRead::Invalid { at, why, whole_until: Some(commit_end) };
    let mut events = Vec::new();
    while pos < commit_end {
        let Some(len) = read_record(r, body, pos, commit_end)? else {
            return Ok(inside(pos, "invalid record inside a commit".into()));
        };
        pos += 8 + len;
        match body[0] {
            TAG_EVENT => match postcard::from_bytes::<Event>(&body[1..]) {
                Ok(event) => events.push(event),
                Err(e) => return Ok(inside(pos, format!("undecodable event: {e}"))),
            },
            TAG_END if pos == commit_end => {
                let total = body.get(1..9).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
                return Ok(CommitRead::Whole { events, total, end: pos, legacy });
            }
            other => return Ok(inside(pos, format!("unexpected record tag {other}"))),
        }
    }
    Ok(inside(pos, "commit has no closing record".into()))
}

/// Reads the mark, then replays the log at `path` (a missing log is a new store, unless the mark
/// says commits were acknowledged).
fn load(path: &Path, salt: &HolderSalt) -> Result<(Ledger, OpenInfo), StoreError> {
    let acked = mark::read(path).map_err(|e| io_err(&mark::path_of(path), e))?;
    let mut ledger = Ledger::new();
    let mut info = if path.exists() {
        replay(path, &mut ledger, acked, commit_marker(salt))?
    } else {
        let damage = acked
            .filter(|m| m.bytes > 0)
            .map(|m| format!("{} is missing, but {} bytes of it were acknowledged", path.display(), m.bytes));
        OpenInfo { damage, ..OpenInfo::default() }
    };
    info.acked_at_open = acked;
    Ok((ledger, info))
}

/// Replays committed events into `ledger`; returns where the committed data ends and, if the log is
/// damaged (see the module docs), what the damage is.
fn replay(path: &Path, ledger: &mut Ledger, acked: Option<Mark>, marker: u64) -> Result<OpenInfo, StoreError> {
    let io = |e| io_err(path, e);
    let file = File::open(path).map_err(io)?;
    let file_len = file.metadata().map_err(io)?.len();
    let mut r = BufReader::with_capacity(4 << 20, file);
    let mut info = OpenInfo::default();
    let acked_bytes = acked.map_or(0, |m| m.bytes);
    let at = |pos: u64, why: &str| format!("{} at byte {pos}: {why}", path.display());
    let mut magic = [0u8; 16];
    let whole_magic = read_full(&mut r, &mut magic).map_err(io)?;
    if file_len <= MAGIC.len() as u64 && !(whole_magic && &magic == MAGIC) {
        // Creation cut off before the magic was durable: no commit, so nothing acknowledged.
        info.discarded_bytes = file_len;
        if acked_bytes > 0 {
            info.damage = Some(at(0, &format!("log is {file_len} bytes long but {acked_bytes} were acknowledged")));
        }
        return Ok(info);
    }
    info.bytes = MAGIC.len() as u64;
    if &magic != MAGIC {
        // The store's meta file is valid, so this is its log with a damaged first record.
        info.damage = Some(at(0, "the log's magic is damaged"));
    }
    let mut body = Vec::new();
    // Commits of before the marker may open the log; once one carries the marker, all later do.
    let mut legacy_ok = true;
    let stop = loop {
        match read_commit(&mut r, &mut body, info.bytes, file_len, marker, legacy_ok).map_err(io)? {
            CommitRead::Whole { events, total, end, legacy } => {
                legacy_ok &= legacy;
                let expected = info.events + events.len() as u64;
                if total != Some(expected) {
                    let why = format!("commit says {total:?} events, log holds {expected}");
                    info.damage = info.damage.or(Some(at(end, &why)));
                    break None;
                }
                ledger.reserve_transfers(events.len());
                for event in events {
                    ledger.apply(event);
                }
                info.events = expected;
                info.commits += 1;
                info.bytes = end;
            }
            CommitRead::Invalid { at, why, whole_until } => break Some((at, why, whole_until)),
        }
    };
    info.discarded_bytes = file_len - info.bytes;
    // Stopped by a bad running count (damage already), or the log ends at a commit.
    let Some((bad_at, why, whole_until)) = stop.filter(|_| info.discarded_bytes > 0 || acked_bytes > info.bytes) else {
        return Ok(info);
    };
    let why = if bad_at == file_len { "the log ends".to_string() } else { why };
    let tail_damage = if whole_until.is_some_and(|end| end < file_len) {
        // A later write exists, so this commit's fsync had returned: it was acknowledged.
        Some(format!("{why}, and more data follows the commit"))
    } else if info.discarded_bytes > MAX_COMMIT_BYTES as u64 {
        Some(format!("{} bytes after the last valid commit, more than one commit can hold", info.discarded_bytes))
    } else if let Some(next) = later_commit(path, info.bytes, file_len, marker, legacy_ok).map_err(io)? {
        Some(format!("{why}, yet a valid commit follows at byte {next}"))
    } else if acked_bytes > info.bytes {
        Some(format!("{why}, but the log was acknowledged up to byte {acked_bytes}"))
    } else {
        None // a commit cut off by a crash
    };
    info.damage = info.damage.or(tail_damage.map(|w| at(bad_at, &w)));
    Ok(info)
}

/// Whether a record body is a BEGIN of this store: one carrying the store's `marker`, or one of
/// before the marker while `legacy_ok`.
fn is_begin(body: &[u8], marker: u64, legacy_ok: bool) -> bool {
    body[0] == TAG_BEGIN
        && (body.len() == BEGIN_LEN - 8 && body[9..17] == marker.to_le_bytes()
            || legacy_ok && body.len() == LEGACY_BEGIN_BODY)
}

/// The position of the first valid commit in the log's tail after `from`, if any: proof that the
/// invalid stretch at `from` is damage, not a torn last write.
fn later_commit(path: &Path, from: u64, file_len: u64, marker: u64, legacy_ok: bool) -> std::io::Result<Option<u64>> {
    let mut tail = Vec::with_capacity((file_len - from) as usize);
    let mut f = File::open(path)?;
    f.seek(SeekFrom::Start(from))?;
    f.take(file_len - from).read_to_end(&mut tail)?;
    let mut body = Vec::new();
    for i in 1..tail.len().saturating_sub(8) {
        // A BEGIN record: its length, its CRC, then tag 3, the commit length and the marker.
        let len = u32::from_le_bytes(tail[i..i + 4].try_into().expect("4 bytes")) as usize;
        if !(len == BEGIN_LEN - 8 || legacy_ok && len == LEGACY_BEGIN_BODY) || i + 8 + len > tail.len() {
            continue;
        }
        let record = &tail[i + 8..i + 8 + len];
        let crc = u32::from_le_bytes(tail[i + 4..i + 8].try_into().expect("4 bytes"));
        if !is_begin(record, marker, legacy_ok) || crc32fast::hash(record) != crc {
            continue;
        }
        let mut r = Cursor::new(&tail[i..]);
        if let CommitRead::Whole { .. } = read_commit(&mut r, &mut body, 0, (tail.len() - i) as u64, marker, legacy_ok)?
        {
            return Ok(Some(from + i as u64));
        }
    }
    Ok(None)
}

/// Reads one framed record at `pos` into `body` if it is whole, within `limit` and passes its
/// checksum; returns its length.
fn read_record(r: &mut impl Read, body: &mut Vec<u8>, pos: u64, limit: u64) -> std::io::Result<Option<u64>> {
    let mut header = [0u8; 8];
    if !read_full(r, &mut header)? {
        return Ok(None);
    }
    let len = u32::from_le_bytes(header[..4].try_into().expect("4 bytes"));
    let crc = u32::from_le_bytes(header[4..].try_into().expect("4 bytes"));
    if len == 0 || len > MAX_RECORD || pos + 8 + u64::from(len) > limit {
        return Ok(None);
    }
    body.resize(len as usize, 0);
    if !read_full(r, body)? || crc32fast::hash(body) != crc {
        return Ok(None);
    }
    Ok(Some(u64::from(len)))
}

/// Reads exactly `buf.len()` bytes; false on a clean or partial end of file.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    match r.read_exact(buf) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::{Fault, FileOp};
    use fanzha_model::{Account, AccountIx, Fen, Transfer, Ts};
    use std::sync::Arc;

    /// Bytes of a whole commit of before the marker (a legacy BEGIN) holding one account event,
    /// for the account id `id`, that claims `total` events.
    fn fake_legacy_commit(id: &str, total: u64) -> Vec<u8> {
        let mut events = Vec::new();
        encode_record(&mut events, TAG_EVENT, |body| {
            postcard::to_extend(&Event::Account { id: id.into(), account: Account::external() }, body).unwrap()
        });
        encode_record(&mut events, TAG_END, |mut body| {
            body.extend_from_slice(&total.to_le_bytes());
            body
        });
        let mut commit = Vec::new();
        encode_record(&mut commit, TAG_BEGIN, |mut body| {
            body.extend_from_slice(&(events.len() as u64).to_le_bytes());
            body
        });
        commit.extend_from_slice(&events);
        commit
    }

    /// A memo can carry bytes that read as a whole commit. When a crash cuts off the commit holding
    /// it, those bytes must not pass for a later commit (which would refuse the crash as damage):
    /// a commit of this store carries the store's marker, which a memo cannot know.
    #[test]
    fn a_commit_hidden_in_a_memo_does_not_make_a_crash_look_like_damage() {
        let dir = tempfile::tempdir().unwrap();
        // A fake whose bytes (checksums included) are valid UTF-8, so that a memo carries them as
        // they are: found by trying account ids.
        let (fake, memo) = (0..1_000_000)
            .find_map(|n| {
                let fake = fake_legacy_commit(&format!("FAKE{n}"), n);
                String::from_utf8(fake.clone()).ok().map(|memo| (fake, memo))
            })
            .unwrap();
        {
            let mut s = LogStore::open(dir.path(), OpenMode::Create).unwrap();
            s.stage(Event::Account { id: "A".into(), account: Account::external() }).unwrap();
            s.commit().unwrap();
        }
        // The next commit carries the memo and is cut off just after it.
        let cut = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let hook: Faults = Arc::new(move |op: &FileOp<'_>| match op {
            FileOp::Write { bytes, .. } if bytes.len() > 40 && !cut.swap(true, std::sync::atomic::Ordering::SeqCst) => {
                Fault::Crash { persisted: bytes.len() - 17 } // all but the END record
            }
            _ => Fault::None,
        });
        let mut s = LogStore::open_with(dir.path(), OpenMode::Write, Some(hook)).unwrap();
        let t = Transfer {
            memo: Some(memo.into()),
            ..Transfer::plain(Ts(1), Some(AccountIx(0)), Some(AccountIx(0)), Fen(1))
        };
        s.stage(Event::Transfer { txn_id: "T1".into(), transfer: t }).unwrap();
        assert!(s.commit().is_err(), "the crash");
        drop(s);
        let log = std::fs::read(dir.path().join(LOG_FILE)).unwrap();
        assert!(log.windows(fake.len()).any(|w| w == fake), "the fake commit's bytes are in the torn tail");
        let s = LogStore::open(dir.path(), OpenMode::Write).expect("a crash is recovered, not refused");
        assert_eq!(s.ledger().accounts().len(), 1);
        assert_eq!(s.ledger().transfers().len(), 0, "the cut-off commit is gone");
    }

    /// Logs written before the marker (BEGIN records without it) are read, and grow with marked
    /// commits.
    #[test]
    fn logs_from_before_the_marker_are_read_and_extended() {
        let dir = tempfile::tempdir().unwrap();
        drop(LogStore::open(dir.path(), OpenMode::Create).unwrap());
        let mut log = MAGIC.to_vec();
        log.extend_from_slice(&fake_legacy_commit("OLD", 1));
        std::fs::write(dir.path().join(LOG_FILE), &log).unwrap();
        std::fs::remove_file(mark::path_of(&dir.path().join(LOG_FILE))).unwrap();
        let mut s = LogStore::open(dir.path(), OpenMode::Write).unwrap();
        assert!(s.ledger().account_ix("OLD").is_some());
        s.stage(Event::Account { id: "NEW".into(), account: Account::external() }).unwrap();
        s.commit().unwrap();
        drop(s);
        let s = LogStore::open(dir.path(), OpenMode::Read).unwrap();
        assert_eq!((s.ledger().accounts().len(), s.open_info().commits), (2, 2));
    }
}
