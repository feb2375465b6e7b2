//! Where acknowledged data lives.
//!
//! The seam is the [`Store`] trait: the in-memory [`Ledger`] plus a way to make changes durable.
//! Every fanzha engine (tracing, features, detection) works on the in-memory ledger and the graph
//! built from it, so a backend only has to do two things well: replay what was committed at open,
//! and make a batch of [`Event`]s durable at commit. [`LogStore`] is the embedded default (a
//! directory, no server); a PostgreSQL backend can implement the same trait.
//!
//! Why an event log and not a B-tree database: transfers are immutable facts that arrive in bulk
//! and are read back whole into memory. An append-only log with one `fdatasync` per batch writes
//! each byte once, recovers by a linear scan, and has nothing to compact. See [`log`] for the exact
//! durability contract.
#![deny(missing_docs)]

pub mod file;
pub mod harness;
pub mod lines;
pub mod log;
mod mark;
mod meta;

pub use file::{Fault, Faults, FileOp};
pub use lines::LineLog;
pub use log::{LogStore, OpenInfo, OpenMode};

use fanzha_model::{Event, HolderSalt, Ledger};

/// Errors of a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operating-system error on a path.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The directory exists but is not a fanzha store (or is a newer version).
    #[error("{0}")]
    NotAStore(String),
    /// Committed data failed its checksum or could not be decoded.
    #[error("store is corrupt: {0}")]
    Corrupt(String),
    /// Another process holds the store for writing.
    #[error("{0} is in use by another fanzha process (lock held)")]
    Locked(String),
    /// A commit failed earlier; the in-memory state may hold changes that are not durable.
    #[error("an earlier commit failed; reopen the store to recover its committed state")]
    Poisoned,
    /// Too much was staged for one commit; commit more often.
    #[error("too much staged for one commit (limit 256 MiB); commit more often")]
    BatchTooLarge,
    /// The store was opened read-only.
    #[error("store was opened read-only")]
    ReadOnly,
    /// The event would add a bank, account or transfer past what the indexes can name.
    #[error(transparent)]
    Full(#[from] fanzha_model::CapacityError),
}

/// A durable home for the ledger.
///
/// Changes are *staged* (applied to the in-memory ledger at once, so the writer reads its own
/// writes) and become durable together at [`Store::commit`]. Nothing staged is acknowledged
/// until `commit` returns `Ok`; after a crash the store reopens with exactly the committed state.
pub trait Store {
    /// The current state: everything committed plus everything staged since.
    fn ledger(&self) -> &Ledger;

    /// The deployment's secret for hashing holder identities.
    fn salt(&self) -> &HolderSalt;

    /// Applies `event` to the ledger and queues it for the next commit. Returns false, and
    /// queues nothing, when the event changes nothing.
    fn stage(&mut self, event: Event) -> Result<bool, StoreError>;

    /// Number of events staged and not yet committed.
    fn staged(&self) -> usize;

    /// Makes all staged events durable, atomically: after a crash either all of them are there or
    /// none is.
    fn commit(&mut self) -> Result<(), StoreError>;
}
