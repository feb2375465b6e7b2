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
//! Damage is told apart from a torn write by position: an invalid record inside a commit that
//! more data follows, a wrong running event count, or an invalid tail longer than the largest
//! possible commit (256 MiB; [`Store::stage`] refuses to grow one past that) is reported as
//! [`StoreError::Corrupt`] and the store refuses to open rather than cut acknowledged data. Only
//! damage inside the very last commit is indistinguishable from a torn write and treated as one.

use crate::meta::{self, io_err};
use crate::{Store, StoreError};
use fanzha_model::{Event, HolderSalt, Ledger};
use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LOG_FILE: &str = "events.log";
const LOCK_FILE: &str = "LOCK";
const MAGIC: &[u8; 16] = b"FANZHA-EVENTLOG\x01";
const TAG_EVENT: u8 = 1;
const TAG_END: u8 = 2;
const TAG_BEGIN: u8 = 3;
/// No single record is larger than this; a larger length field means a torn or damaged header.
const MAX_RECORD: u32 = 16 << 20;
/// No commit writes more than this, so a longer invalid tail is damage, not a torn commit.
const MAX_COMMIT_BYTES: usize = 256 << 20;

/// How to open a store directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the store if the directory is missing or empty; open it for writing.
    Create,
    /// Open an existing store for writing (exclusive).
    Write,
    /// Open an existing store for reading; never changes a file, may run beside a writer.
    Read,
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
    file: File,
    path: PathBuf,
    /// Encoded staged records, written at commit.
    buf: Vec<u8>,
    staged: usize,
    committed: u64,
    poisoned: bool,
    /// Held for the store's lifetime; the OS releases the lock when the process dies.
    _lock: File,
}

impl LogStore {
    /// Opens (or, with [`OpenMode::Create`], creates) the store in `dir` and replays it.
    pub fn open(dir: impl AsRef<Path>, mode: OpenMode) -> Result<LogStore, StoreError> {
        let start = Instant::now();
        let dir = dir.as_ref().to_path_buf();
        let has_meta = dir.join(meta::META_FILE).exists();
        let mut created = false;
        if !has_meta {
            let empty_or_missing = match fs::read_dir(&dir) {
                Ok(mut entries) => entries.next().is_none(),
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
        let lock = if mode == OpenMode::Read { None } else { Some(lock(&dir)?) };
        let salt = if created { meta::create(&dir)? } else { meta::read(&dir)? };
        let path = dir.join(LOG_FILE);
        if created || !path.exists() {
            if mode == OpenMode::Read {
                return Ok(LogStore { dir, salt, ledger: Ledger::new(), writer: None, info: OpenInfo::default() });
            }
            create_log(&path)?;
            meta::sync_dir(&dir)?;
        }
        let mut ledger = Ledger::new();
        let mut info = replay(&path, &mut ledger)?;
        info.created = created;
        let writer = match lock {
            None => None,
            Some(lock) => {
                let mut file = OpenOptions::new().read(true).write(true).open(&path).map_err(|e| io_err(&path, e))?;
                let len = file.metadata().map_err(|e| io_err(&path, e))?.len();
                if len != info.bytes {
                    file.set_len(info.bytes).map_err(|e| io_err(&path, e))?;
                    file.sync_all().map_err(|e| io_err(&path, e))?;
                }
                file.seek(SeekFrom::End(0)).map_err(|e| io_err(&path, e))?;
                Some(Writer {
                    file,
                    path,
                    buf: Vec::with_capacity(1 << 20),
                    staged: 0,
                    committed: info.events,
                    poisoned: false,
                    _lock: lock,
                })
            }
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

    fn writer(&mut self) -> Result<&mut Writer, StoreError> {
        let w = self.writer.as_mut().ok_or(StoreError::ReadOnly)?;
        if w.poisoned {
            return Err(StoreError::Poisoned);
        }
        Ok(w)
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
        let mut begin = Vec::with_capacity(17);
        let commit_len = w.buf.len() as u64;
        encode_record(&mut begin, TAG_BEGIN, |mut body| {
            body.extend_from_slice(&commit_len.to_le_bytes());
            body
        });
        let result = w.file.write_all(&begin).and_then(|()| w.file.write_all(&w.buf)).and_then(|()| w.file.sync_data());
        if let Err(e) = result {
            w.poisoned = true;
            return Err(io_err(&w.path, e));
        }
        w.buf.clear();
        w.committed = total;
        w.staged = 0;
        Ok(())
    }
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

fn create_log(path: &Path) -> Result<(), StoreError> {
    let mut f = File::create(path).map_err(|e| io_err(path, e))?;
    f.write_all(MAGIC).and_then(|()| f.sync_all()).map_err(|e| io_err(path, e))
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

/// Replays committed events into `ledger`; returns where the committed data ends.
fn replay(path: &Path, ledger: &mut Ledger) -> Result<OpenInfo, StoreError> {
    let file = File::open(path).map_err(|e| io_err(path, e))?;
    let file_len = file.metadata().map_err(|e| io_err(path, e))?.len();
    let mut r = BufReader::with_capacity(4 << 20, file);
    let mut magic = [0u8; 16];
    match r.read_exact(&mut magic) {
        Ok(()) if &magic == MAGIC => {}
        Ok(()) => return Err(StoreError::NotAStore(format!("{}: not a fanzha event log", path.display()))),
        Err(e) => return Err(io_err(path, e)),
    }
    let mut info = OpenInfo { bytes: MAGIC.len() as u64, ..OpenInfo::default() };
    let mut pending: Vec<Event> = Vec::new();
    let mut body = Vec::new();
    let corrupt = |pos: u64, why: &str| StoreError::Corrupt(format!("{} at byte {pos}: {why}", path.display()));
    'commits: loop {
        let mut pos = info.bytes;
        // A commit opens with BEGIN, which says how many bytes the whole commit takes.
        match read_record(&mut r, &mut body, pos, file_len).map_err(|e| io_err(path, e))? {
            Some(len) if body[0] == TAG_BEGIN && body.len() == 9 => pos += 8 + len,
            _ => break,
        }
        let commit_len = u64::from_le_bytes(body[1..9].try_into().expect("8 bytes"));
        let commit_end = pos.saturating_add(commit_len);
        if commit_end > file_len {
            break;
        }
        // Damage inside a commit that more data follows cannot be a torn write.
        let damaged = |pos: u64, why: &str| {
            if commit_end < file_len {
                Err(corrupt(pos, why))
            } else {
                Ok(())
            }
        };
        pending.clear();
        while pos < commit_end {
            let Some(len) = read_record(&mut r, &mut body, pos, commit_end).map_err(|e| io_err(path, e))? else {
                damaged(pos, "invalid record inside a commit")?;
                break 'commits;
            };
            pos += 8 + len;
            match body[0] {
                TAG_EVENT => match postcard::from_bytes::<Event>(&body[1..]) {
                    Ok(event) => pending.push(event),
                    Err(e) => {
                        damaged(pos, &format!("undecodable event: {e}"))?;
                        break 'commits;
                    }
                },
                TAG_END if pos == commit_end => {
                    let total = body.get(1..9).and_then(|b| b.try_into().ok()).map(u64::from_le_bytes);
                    let expected = info.events + pending.len() as u64;
                    if total != Some(expected) {
                        return Err(corrupt(pos, &format!("commit says {total:?} events, log holds {expected}")));
                    }
                    ledger.reserve_transfers(pending.len());
                    for event in pending.drain(..) {
                        ledger.apply(event);
                    }
                    info.events = expected;
                    info.commits += 1;
                    info.bytes = pos;
                }
                other => {
                    damaged(pos, &format!("unexpected record tag {other}"))?;
                    break 'commits;
                }
            }
        }
    }
    info.discarded_bytes = file_len - info.bytes;
    if info.discarded_bytes > MAX_COMMIT_BYTES as u64 {
        return Err(corrupt(
            info.bytes,
            &format!("{} bytes after the last valid commit, more than one commit can hold", info.discarded_bytes),
        ));
    }
    Ok(info)
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
