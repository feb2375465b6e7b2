//! The acknowledgement mark: a small file beside an append-only log that says how much of the log
//! has been acknowledged, so that losing acknowledged data at the log's end is *seen*.
//!
//! A torn write can only damage what was never acknowledged, and at the end of a log it looks
//! exactly like damage to the last acknowledged commit (a flipped bit, a truncated file). The mark
//! tells the two apart: after each commit's `fdatasync` returns, the writer overwrites
//! `LOG.acked` with the log's acknowledged length, *without* syncing it. After a process crash
//! the kernel still writes the mark out, so it is exact; after a power loss it may be older than
//! the log or torn, never newer (it is written only after the log is durable), so it is a lower
//! bound and never raises a false alarm. At open, committed data missing or damaged below the
//! mark is corruption, and the store refuses to open; damage above it is a torn tail.
//!
//! Record: `FZACKED1` magic, the acknowledged length in bytes and the count of acknowledged units
//! (commits or lines), both u64 little-endian, then a CRC-32 of the 24 bytes before it.

use crate::file::{AppendFile, Faults};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"FZACKED1";
const LEN: usize = 28;

/// What the mark says was acknowledged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Mark {
    /// Bytes of the log acknowledged.
    pub bytes: u64,
    /// Units (commits or lines) acknowledged.
    pub count: u64,
}

/// The mark file of `log`.
pub(crate) fn path_of(log: &Path) -> PathBuf {
    let mut name = log.file_name().unwrap_or_default().to_os_string();
    name.push(".acked");
    log.with_file_name(name)
}

/// Reads the mark of `log`; `None` when it is missing or does not check (a torn or damaged mark
/// says nothing, and nothing is lost by ignoring it).
pub(crate) fn read(log: &Path) -> std::io::Result<Option<Mark>> {
    let bytes = match std::fs::read(path_of(log)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if bytes.len() != LEN || &bytes[..8] != MAGIC {
        return Ok(None);
    }
    let crc = u32::from_le_bytes(bytes[24..28].try_into().expect("4 bytes"));
    if crc32fast::hash(&bytes[..24]) != crc {
        return Ok(None);
    }
    let word = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    Ok(Some(Mark { bytes: word(8), count: word(16) }))
}

/// The writer's handle on a mark file.
#[derive(Debug)]
pub(crate) struct MarkFile(AppendFile);

impl MarkFile {
    /// Opens (or creates) the mark of `log`.
    pub(crate) fn open(log: &Path, faults: Option<&Faults>) -> std::io::Result<MarkFile> {
        AppendFile::open(&path_of(log), faults).map(MarkFile)
    }

    /// Records `mark` (not synced: see the module docs).
    pub(crate) fn write(&mut self, mark: Mark) -> std::io::Result<()> {
        let mut buf = [0u8; LEN];
        buf[..8].copy_from_slice(MAGIC);
        buf[8..16].copy_from_slice(&mark.bytes.to_le_bytes());
        buf[16..24].copy_from_slice(&mark.count.to_le_bytes());
        let crc = crc32fast::hash(&buf[..24]);
        buf[24..].copy_from_slice(&crc.to_le_bytes());
        self.0.overwrite(&buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_reads_back_and_damage_reads_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("x.log");
        assert_eq!(read(&log).unwrap(), None);
        let mut m = MarkFile::open(&log, None).unwrap();
        m.write(Mark { bytes: 1234, count: 7 }).unwrap();
        assert_eq!(read(&log).unwrap(), Some(Mark { bytes: 1234, count: 7 }));
        m.write(Mark { bytes: 99, count: 8 }).unwrap();
        assert_eq!(read(&log).unwrap(), Some(Mark { bytes: 99, count: 8 }));
        let path = path_of(&log);
        let mut bytes = std::fs::read(&path).unwrap();
        for i in 0..bytes.len() * 8 {
            bytes[i / 8] ^= 1 << (i % 8);
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read(&log).unwrap(), None, "bit {i}");
            bytes[i / 8] ^= 1 << (i % 8);
        }
    }
}
