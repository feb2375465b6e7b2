//! What an ingest run tells its caller: rejected rows, commits, warnings and totals.

use std::fmt;
use std::path::Path;

/// A row that did not land, with the file's own line number (header = line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    /// The file as given.
    pub file: String,
    /// Line where the row starts.
    pub line: u64,
    /// Why, naming the field.
    pub reason: String,
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// Everything up to and including `line` of `file` is settled and durable: stored, already
/// present, or rejected. This is the acknowledgement of ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitNote {
    /// The file being read.
    pub file: String,
    /// The last line settled by this commit.
    pub line: u64,
    /// Rows of this file stored or updated so far (durable now).
    pub stored: u64,
}

/// Hears about an ingest as it runs (progress bars, streaming reject lists, tests).
/// Every method has a default that does nothing.
pub trait IngestObserver {
    /// A file is about to be read; `bytes` is its size.
    fn file_started(&mut self, _path: &Path, _bytes: u64) {}
    /// `bytes` of the current file have been read.
    fn progress(&mut self, _bytes: u64) {}
    /// A row was rejected.
    fn rejected(&mut self, _reject: &Reject) {}
    /// A commit returned: rows up to the note's line are durable.
    fn committed(&mut self, _note: &CommitNote) {}
    /// Something was accepted but deserves a word (unknown column, encoding guessed).
    fn warning(&mut self, _file: &str, _message: &str) {}
}

/// An observer that hears nothing.
pub struct Quiet;

impl IngestObserver for Quiet {}

/// Totals for one input file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    /// The file as given.
    pub file: String,
    /// What the file held (`accounts`, `transfers`, `labels`).
    pub kind: &'static str,
    /// Data rows read.
    pub rows: u64,
    /// Rows that added something new.
    pub stored: u64,
    /// Rows that changed an existing account.
    pub updated: u64,
    /// Rows identical to what was already stored (re-ingest).
    pub unchanged: u64,
    /// Rows rejected.
    pub rejected: u64,
}

/// Totals for a whole ingest run.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    /// One entry per file, in the order read.
    pub files: Vec<FileReport>,
    /// The first rejects (at most [`IngestReport::KEPT_REJECTS`]; the observer hears all).
    pub rejects: Vec<Reject>,
}

impl IngestReport {
    /// How many rejects the report keeps in memory.
    pub const KEPT_REJECTS: usize = 1000;

    /// Rows rejected over all files.
    pub fn rejected(&self) -> u64 {
        self.files.iter().map(|f| f.rejected).sum()
    }

    /// Rows stored or updated over all files.
    pub fn stored(&self) -> u64 {
        self.files.iter().map(|f| f.stored + f.updated).sum()
    }
}
