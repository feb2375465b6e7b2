//! Interchange records that arrive one at a time (messages of a stream) instead of as rows of a
//! file: each goes through the same checks, duplicate rules and idempotency as a file row, and
//! the caller decides when a batch is made durable.

use crate::ingestor::{Ingestor, Outcome};
use crate::input::json_row;
use crate::{interchange, IngestError, IngestObserver};
use fanzha_model::{Horizon, Partition};
use fanzha_storage::Store;

/// What a record describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// A row of `accounts` (interchange format).
    Account,
    /// A row of `transfers` (interchange format).
    Transfer,
}

impl RecordKind {
    /// `accounts` or `transfers`, as the files and the stream's subjects name them.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Account => "accounts",
            RecordKind::Transfer => "transfers",
        }
    }
}

/// What applying a record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// New to the store.
    Stored,
    /// An account the store knew only as a counterparty, now described.
    Updated,
    /// Already in the store, equal in every field (a redelivery).
    Unchanged,
    /// A transfer touching no account of the store's partition: checked, not held.
    Elsewhere,
}

/// Records staged together and committed by [`RecordBatch::commit`].
pub struct RecordBatch<'a> {
    ing: Ingestor<'a>,
}

impl<'a> RecordBatch<'a> {
    /// A batch over `store`; records dated after `horizon` are refused.
    pub fn new(store: &'a mut dyn Store, obs: &'a mut dyn IngestObserver, horizon: Horizon) -> RecordBatch<'a> {
        RecordBatch { ing: Ingestor::new(store, obs, usize::MAX, horizon).redeliveries_allowed() }
    }

    /// Holds only the transfers touching an account `partition` owns (`None`: every transfer);
    /// the others are checked as any record is and answered [`Applied::Elsewhere`].
    pub fn partitioned(self, partition: Option<Partition>) -> RecordBatch<'a> {
        RecordBatch { ing: self.ing.partitioned(partition) }
    }

    /// Stages one record given as a JSON object with the interchange columns as keys. `Err` says
    /// why it was refused: malformed, a bad field, or a transfer
    /// id already stored with any field different (a conflict, never "unchanged").
    pub fn apply(&mut self, kind: RecordKind, json: &[u8]) -> Result<Applied, String> {
        let text = std::str::from_utf8(json).map_err(|_| "not valid UTF-8 text".to_string())?;
        let mut unknown = Vec::new();
        let outcome = match kind {
            RecordKind::Account => {
                interchange::account(&mut self.ing, &json_row(text, &interchange::ACCOUNTS, &mut unknown)?)
            }
            RecordKind::Transfer => {
                interchange::transfer(&mut self.ing, &json_row(text, &interchange::TRANSFERS, &mut unknown)?)
            }
        }?;
        Ok(match outcome {
            Outcome::Stored => Applied::Stored,
            Outcome::Updated => Applied::Updated,
            Outcome::Unchanged => Applied::Unchanged,
            Outcome::Elsewhere => Applied::Elsewhere,
        })
    }

    /// Makes every staged record durable (the store's commit: written and synced).
    pub fn commit(mut self) -> Result<(), IngestError> {
        self.ing.commit(0)
    }

    /// Applies `records` in order as one batch (holding `partition`'s share) and commits it: one
    /// outcome per record.
    pub fn apply_all(
        store: &mut dyn Store,
        horizon: Horizon,
        partition: Option<Partition>,
        records: &[(RecordKind, &[u8])],
    ) -> Result<Vec<Result<Applied, String>>, IngestError> {
        let mut obs = crate::Quiet;
        let mut batch = RecordBatch::new(store, &mut obs, horizon).partitioned(partition);
        let outcomes = records.iter().map(|&(kind, json)| batch.apply(kind, json)).collect();
        batch.commit()?;
        Ok(outcomes)
    }
}
