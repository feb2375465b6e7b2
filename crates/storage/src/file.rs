//! The one place a store writes its files: appends, syncs, truncations and the acknowledgement
//! mark, each passed through an optional fault hook first.
//!
//! The hook is how the crash harness ([`crate::harness`]) kills a writer at an exact write
//! boundary: before every operation it may answer [`Fault::Crash`], and then the operation only
//! partly happens (a write persists a prefix of its bytes), the call fails, and the file refuses
//! every later operation, as if the process had died there. In production there is no hook.

use std::fs::{File, OpenOptions};
use std::io::Error;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file operation about to happen.
#[derive(Debug, Clone, Copy)]
pub enum FileOp<'a> {
    /// `bytes` are about to be written at byte `at` of `file`.
    Write {
        /// The file.
        file: &'a Path,
        /// Where the write starts.
        at: u64,
        /// What is written.
        bytes: &'a [u8],
    },
    /// `file` is about to be synced; its first `len` bytes become durable.
    Sync {
        /// The file.
        file: &'a Path,
        /// Its length.
        len: u64,
    },
    /// `file` is about to be cut to `len` bytes (and synced).
    Truncate {
        /// The file.
        file: &'a Path,
        /// The new length.
        len: u64,
    },
}

/// What the hook wants to happen to an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Let it happen.
    None,
    /// The process dies during it: of a write, the first `persisted` bytes reach the file; a sync
    /// or a truncation does not happen.
    Crash {
        /// Bytes of a write that reach the file before the death.
        persisted: usize,
    },
}

/// A fault hook, called before every file operation of a store.
pub type Faults = Arc<dyn Fn(&FileOp<'_>) -> Fault + Send + Sync>;

/// The error of an operation the hook crashed, and of every later one on that file.
#[derive(Debug, thiserror::Error)]
#[error("{0}: simulated crash")]
pub struct SimulatedCrash(pub PathBuf);

pub(crate) fn crashed(path: &Path) -> Error {
    Error::other(SimulatedCrash(path.to_path_buf()))
}

/// Whether an I/O error is the hook's simulated crash.
pub fn is_simulated_crash(e: &Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<SimulatedCrash>())
}

/// An append-only file whose length is tracked, written only through [`AppendFile::append`].
#[derive(Debug)]
pub(crate) struct AppendFile {
    file: File,
    path: PathBuf,
    len: u64,
    faults: Option<FaultsDebug>,
    dead: bool,
}

/// [`Faults`] with a `Debug` that says only whether there is a hook.
#[derive(Clone)]
pub(crate) struct FaultsDebug(pub Faults);

impl std::fmt::Debug for FaultsDebug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Faults(..)")
    }
}

impl FaultsDebug {
    fn ask(&self, op: &FileOp<'_>) -> Fault {
        (self.0)(op)
    }
}

/// Replaces `dir/name` with `bytes` atomically and durably: written to `dir/tmp`, synced, renamed
/// over `name`, and the directory synced, so after a crash the file is the old one or the new one.
pub fn replace_durably(dir: &Path, name: &str, tmp: &str, bytes: &[u8]) -> Result<(), crate::StoreError> {
    use crate::meta::{io_err, sync_dir};
    use std::io::Write;
    let (tmp, path) = (dir.join(tmp), dir.join(name));
    let mut f = File::create(&tmp).map_err(|e| io_err(&tmp, e))?;
    f.write_all(bytes).map_err(|e| io_err(&tmp, e))?;
    f.sync_all().map_err(|e| io_err(&tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| io_err(&path, e))?;
    sync_dir(dir)
}

/// Asks the hook about `op`; after a crash every operation fails.
fn gate(dead: &mut bool, faults: Option<&FaultsDebug>, op: FileOp<'_>) -> std::io::Result<Fault> {
    let path = match op {
        FileOp::Write { file, .. } | FileOp::Sync { file, .. } | FileOp::Truncate { file, .. } => file,
    };
    if *dead {
        return Err(crashed(path));
    }
    let fault = faults.map_or(Fault::None, |f| f.ask(&op));
    if fault != Fault::None {
        *dead = true;
    }
    Ok(fault)
}

impl AppendFile {
    /// Opens `path` for appending, creating it empty if it is missing (and then syncing its
    /// directory, so that the new file's name survives a power loss).
    pub(crate) fn open(path: &Path, faults: Option<&Faults>) -> std::io::Result<AppendFile> {
        let existed = path.exists();
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path)?;
        if !existed {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            File::open(dir)?.sync_all()?;
        }
        let len = file.metadata()?.len();
        Ok(AppendFile { file, path: path.to_path_buf(), len, faults: faults.cloned().map(FaultsDebug), dead: false })
    }

    /// The file's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Its length in bytes.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Appends `bytes` at the end (not yet durable).
    pub(crate) fn append(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let at = self.len;
        match gate(&mut self.dead, self.faults.as_ref(), FileOp::Write { file: &self.path, at, bytes })? {
            Fault::None => {
                self.file.write_all_at(bytes, at)?;
                self.len += bytes.len() as u64;
                Ok(())
            }
            Fault::Crash { persisted } => {
                self.file.write_all_at(&bytes[..persisted.min(bytes.len())], at)?;
                Err(crashed(&self.path))
            }
        }
    }

    /// Makes everything appended so far durable (`fdatasync`).
    pub(crate) fn sync(&mut self) -> std::io::Result<()> {
        let len = self.len;
        match gate(&mut self.dead, self.faults.as_ref(), FileOp::Sync { file: &self.path, len })? {
            Fault::None => self.file.sync_data(),
            Fault::Crash { .. } => Err(crashed(&self.path)),
        }
    }

    /// Cuts the file to `len` bytes and syncs it (a torn tail that was never acknowledged).
    pub(crate) fn truncate(&mut self, len: u64) -> std::io::Result<()> {
        match gate(&mut self.dead, self.faults.as_ref(), FileOp::Truncate { file: &self.path, len })? {
            Fault::None => {
                self.file.set_len(len)?;
                self.file.sync_all()?;
                self.len = len;
                Ok(())
            }
            Fault::Crash { .. } => Err(crashed(&self.path)),
        }
    }

    /// Overwrites the whole file with `bytes`, without syncing (the acknowledgement mark: see
    /// [`crate::mark`]).
    pub(crate) fn overwrite(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match gate(&mut self.dead, self.faults.as_ref(), FileOp::Write { file: &self.path, at: 0, bytes })? {
            Fault::None => {
                self.file.write_all_at(bytes, 0)?;
                if self.len > bytes.len() as u64 {
                    self.file.set_len(bytes.len() as u64)?;
                }
                self.len = bytes.len() as u64;
                Ok(())
            }
            Fault::Crash { persisted } => {
                self.file.write_all_at(&bytes[..persisted.min(bytes.len())], 0)?;
                Err(crashed(&self.path))
            }
        }
    }
}
