//! Append-only files of checksummed JSON lines, for the small histories kept beside the event
//! log (block and watch lists, the public's reports).
//!
//! # Format
//! One item per line: `{"crc32":"1a2b3c4d","entry":{…}}` and a newline, where the CRC-32 covers
//! the bytes of the entry's JSON exactly as written. Lines written before checksums existed (the
//! entry's JSON alone) are still read. Each line is still JSON, so `jq` reads the file.
//!
//! # Durability contract
//! [`LineLog::append`] writes the line, `fdatasync`s the file and only then returns: that is
//! acknowledgement. It then records the acknowledged length in the file's mark ([`crate::mark`]).
//! At open:
//! - a last line without its newline is a write cut off by a crash: if it checks, it is kept whole
//!   (only the newline was lost; the writer adds it), otherwise it was never acknowledged and is
//!   ignored, and cut by the next writer;
//! - a complete line that does not check is damage, unless it is the last one and lies above the
//!   mark (a torn write after a power loss);
//! - fewer valid bytes than the mark says were acknowledged is damage.
//!
//! Damage refuses the open with [`StoreError::Corrupt`] naming the file and line; nothing is cut.

use crate::file::{AppendFile, Faults};
use crate::mark::{self, Mark, MarkFile};
use crate::meta::io_err;
use crate::{OpenMode, StoreError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

const PREFIX: &str = "{\"crc32\":\"";
const INFIX: &str = "\",\"entry\":";

/// An append-only file of checksummed JSON lines of `T`.
#[derive(Debug)]
pub struct LineLog<T> {
    path: PathBuf,
    /// `None` when opened read-only.
    writer: Option<(AppendFile, MarkFile)>,
    lines: u64,
    /// An append failed: what is on disk is no longer known, so nothing more is appended until the
    /// file is opened again (which sorts it out).
    poisoned: bool,
    _items: PhantomData<fn() -> T>,
}

/// What one line holds.
enum Line<T> {
    Item(T),
    Bad(String),
}

fn parse<T: DeserializeOwned>(line: &[u8]) -> Line<T> {
    let Ok(text) = std::str::from_utf8(line) else { return Line::Bad("not UTF-8".into()) };
    let entry = match text.strip_prefix(PREFIX) {
        Some(rest) => {
            let (Some(crc), Some(entry)) =
                (rest.get(..8), rest.get(8..).and_then(|r| r.strip_prefix(INFIX)).and_then(|r| r.strip_suffix('}')))
            else {
                return Line::Bad("malformed checksummed line".into());
            };
            if u32::from_str_radix(crc, 16).ok() != Some(crc32fast::hash(entry.as_bytes())) {
                return Line::Bad("checksum does not match".into());
            }
            entry
        }
        None => text, // written before lines had checksums
    };
    match serde_json::from_str(entry) {
        Ok(item) => Line::Item(item),
        Err(e) => Line::Bad(e.to_string()),
    }
}

/// The line that stores `item`, newline included.
fn encode<T: Serialize>(item: &T) -> String {
    let entry = serde_json::to_string(item).expect("line items serialize");
    format!("{PREFIX}{:08x}{INFIX}{entry}}}\n", crc32fast::hash(entry.as_bytes()))
}

impl<T: Serialize + DeserializeOwned> LineLog<T> {
    /// Opens the file at `path` (a missing file is empty) and reads every item. With a writing
    /// mode the file is created, a torn last line is cut (or, if whole, given its newline), and
    /// appends are allowed; [`OpenMode::Salvage`] reads the items before the first damage instead
    /// of refusing.
    pub fn open(path: &Path, mode: OpenMode, faults: Option<Faults>) -> Result<(LineLog<T>, Vec<T>), StoreError> {
        // The mark first: it only ever claims bytes that were durable when it was written, so a
        // writer appending meanwhile cannot make the file look shorter than the mark.
        let acked = mark::read(path).map_err(|e| io_err(&mark::path_of(path), e))?.unwrap_or_default();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_err(path, e)),
        };
        let read = read_lines::<T>(path, &bytes, acked);
        if let Some(why) = read.damage.as_ref().filter(|_| mode != OpenMode::Salvage) {
            return Err(StoreError::Corrupt(why.clone()));
        }
        let lines = read.items.len() as u64;
        let mut log = LineLog { path: path.to_path_buf(), writer: None, lines, poisoned: false, _items: PhantomData };
        if matches!(mode, OpenMode::Create | OpenMode::Write) {
            let io = |e| io_err(path, e);
            let mut file = AppendFile::open(path, faults.as_ref()).map_err(io)?;
            if read.unterminated {
                file.append(b"\n").and_then(|()| file.sync()).map_err(io)?;
            } else if file.len() != read.valid_bytes {
                file.truncate(read.valid_bytes).map_err(io)?;
            }
            let mut mark = MarkFile::open(path, faults.as_ref()).map_err(|e| io_err(&mark::path_of(path), e))?;
            mark.write(Mark { bytes: file.len(), count: log.lines }).map_err(|e| io_err(&mark::path_of(path), e))?;
            log.writer = Some((file, mark));
        }
        Ok((log, read.items))
    }

    /// Appends `item`; it is durable before this returns. After a failure the log refuses further
    /// appends ([`StoreError::Poisoned`]): reopen it.
    pub fn append(&mut self, item: &T) -> Result<(), StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned);
        }
        let (file, mark) = self.writer.as_mut().ok_or(StoreError::ReadOnly)?;
        let line = encode(item);
        let written = file.append(line.as_bytes()).and_then(|()| file.sync()).map_err(|e| io_err(&self.path, e));
        let acked = written.and_then(|()| {
            self.lines += 1;
            mark.write(Mark { bytes: file.len(), count: self.lines }).map_err(|e| io_err(&mark::path_of(&self.path), e))
        });
        self.poisoned = acked.is_err();
        acked
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// What reading a line file found.
struct Read<T> {
    items: Vec<T>,
    /// Bytes up to the end of the last valid line.
    valid_bytes: u64,
    /// The last item had no newline (only the newline was lost).
    unterminated: bool,
    damage: Option<String>,
}

fn read_lines<T: DeserializeOwned>(path: &Path, bytes: &[u8], acked: Mark) -> Read<T> {
    let mut out = Read { items: Vec::new(), valid_bytes: 0, unterminated: false, damage: None };
    let lines = split_lines(bytes);
    for (number, &(start, end, terminated)) in lines.iter().enumerate() {
        let line = &bytes[start..end];
        let next = if terminated { end + 1 } else { end };
        if line.iter().all(u8::is_ascii_whitespace) {
            if terminated {
                out.valid_bytes = next as u64;
            }
            continue;
        }
        match parse::<T>(line) {
            Line::Item(item) => {
                out.items.push(item);
                out.valid_bytes = next as u64;
                out.unterminated = !terminated;
            }
            Line::Bad(why) => {
                // A torn write is the file's end: bad bytes that a valid line follows, or that lie
                // below the mark, were acknowledged.
                let followed =
                    lines[number + 1..].iter().any(|&(s, e, _)| matches!(parse::<T>(&bytes[s..e]), Line::Item(_)));
                if followed || acked.bytes > start as u64 {
                    out.damage = Some(format!("{}:{}: {why}", path.display(), number + 1));
                }
                return out;
            }
        }
    }
    // A kept line that lost only its newline still accounts for that byte.
    if acked.bytes > out.valid_bytes + u64::from(out.unterminated) {
        out.damage = Some(format!(
            "{}: {} bytes hold valid lines but {} bytes ({} lines) were acknowledged",
            path.display(),
            out.valid_bytes,
            acked.bytes,
            acked.count
        ));
    }
    out
}

/// The lines of `bytes` as (start, end, ends with a newline).
fn split_lines(bytes: &[u8]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => {
                out.push((start, start + i, true));
                start += i + 1;
            }
            None => {
                out.push((start, bytes.len(), false));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Log = LineLog<Vec<u32>>;

    fn write(path: &Path, items: &[Vec<u32>]) {
        let (mut log, _) = Log::open(path, OpenMode::Create, None).unwrap();
        for i in items {
            log.append(i).unwrap();
        }
    }

    fn items(path: &Path) -> Result<Vec<Vec<u32>>, StoreError> {
        Log::open(path, OpenMode::Read, None).map(|(_, items)| items)
    }

    #[test]
    fn lines_come_back_and_legacy_lines_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.jsonl");
        assert!(items(&path).unwrap().is_empty(), "a missing file is empty");
        std::fs::write(&path, "[7]\n\n").unwrap();
        write(&path, &[vec![1, 2], vec![3]]);
        assert_eq!(items(&path).unwrap(), vec![vec![7], vec![1, 2], vec![3]]);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"entry\":[1,2]}"), "{text}");
    }

    #[test]
    fn a_torn_line_is_cut_before_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.jsonl");
        write(&path, &[vec![1]]);
        let whole = std::fs::read(&path).unwrap();
        // A crash mid-append: half a line, and the mark still at the first line.
        let torn = encode(&vec![2u32]);
        let mut bytes = whole.clone();
        bytes.extend_from_slice(&torn.as_bytes()[..10]);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(items(&path).unwrap(), vec![vec![1]]);
        write(&path, &[vec![3]]);
        assert_eq!(items(&path).unwrap(), vec![vec![1], vec![3]], "the torn line did not swallow the next");
    }

    #[test]
    fn a_whole_line_that_lost_its_newline_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.jsonl");
        write(&path, &[vec![1], vec![2]]);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.pop();
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(items(&path).unwrap(), vec![vec![1], vec![2]]);
        write(&path, &[vec![3]]);
        assert_eq!(items(&path).unwrap(), vec![vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn damage_and_truncation_below_the_mark_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.jsonl");
        write(&path, &[vec![1], vec![2], vec![3]]);
        let good = std::fs::read(&path).unwrap();
        for bit in 0..good.len() * 8 {
            let mut bytes = good.clone();
            bytes[bit / 8] ^= 1 << (bit % 8);
            std::fs::write(&path, &bytes).unwrap();
            match items(&path) {
                Err(StoreError::Corrupt(_)) => {}
                Ok(got) => assert_eq!(got, vec![vec![1], vec![2], vec![3]], "bit {bit}: kept exactly or refused"),
                Err(e) => panic!("bit {bit}: {e}"),
            }
        }
        for len in 0..good.len() - 1 {
            std::fs::write(&path, &good[..len]).unwrap();
            assert!(matches!(items(&path), Err(StoreError::Corrupt(_))), "cut to {len}");
        }
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert_eq!(items(&path).unwrap().len(), 3, "only the newline lost: kept");
        let salvaged = Log::open(&path, OpenMode::Salvage, None).unwrap().1;
        assert_eq!(salvaged.len(), 3);
    }
}
