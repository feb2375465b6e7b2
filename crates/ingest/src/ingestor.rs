//! The ingest engine: validated records in, deduplicated events staged, batches committed.
//!
//! Idempotency: an id already stored by an earlier run is compared with the new row; an equal
//! row changes nothing, a different transfer under the same id is rejected (transfers are
//! immutable facts), a different account row updates the account (status, class and region
//! change over an account's life). An id given twice within one run is a duplicate and rejected.

use crate::report::{CommitNote, FileReport, IngestObserver, IngestReport, Reject};
use crate::IngestError;
use fanzha_model::{Account, AccountIx, BankIx, Event, Horizon, Label, LabelTarget, Partition, Transfer, TransferIx};
use fanzha_storage::Store;
use rustc_hash::FxHashSet;

/// What one row did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Stored,
    Updated,
    Unchanged,
    /// A transfer touching no account of this store's partition: not held (history noted).
    Elsewhere,
}

/// A transfer as read, with account numbers not yet resolved to indices.
pub(crate) struct TransferRecord<'r> {
    pub txn_id: &'r str,
    pub from: Option<&'r str>,
    pub to: Option<&'r str>,
    /// `from` and `to` of the transfer are filled in by the ingestor.
    pub transfer: Transfer,
}

/// Drives one ingest run against a store.
pub(crate) struct Ingestor<'a> {
    store: &'a mut dyn Store,
    obs: &'a mut dyn IngestObserver,
    batch_rows: usize,
    /// Transfers with an index at or above this were added in this run.
    run_first_txn: u32,
    /// Accounts defined by an account row in this run (a second row for one is a duplicate).
    defined: FxHashSet<AccountIx>,
    pub report: IngestReport,
    current: FileReport,
    rows_since_commit: usize,
    /// Rows dated after it are refused.
    horizon: Horizon,
    /// Hold only the transfers touching this partition's accounts.
    partition: Option<Partition>,
}

impl<'a> Ingestor<'a> {
    pub fn new(
        store: &'a mut dyn Store,
        obs: &'a mut dyn IngestObserver,
        batch_rows: usize,
        horizon: Horizon,
    ) -> Ingestor<'a> {
        let run_first_txn = store.ledger().transfers().len() as u32;
        Ingestor {
            store,
            obs,
            batch_rows: batch_rows.max(1),
            run_first_txn,
            defined: FxHashSet::default(),
            report: IngestReport::default(),
            current: FileReport::default(),
            rows_since_commit: 0,
            horizon,
            partition: None,
        }
    }

    /// Holds only the transfers touching an account `partition` owns; the others are checked as
    /// any transfer is and leave only where history starts ([`Event::Elsewhere`]).
    pub fn partitioned(mut self, partition: Option<Partition>) -> Ingestor<'a> {
        self.partition = partition;
        self
    }

    /// Treats every transfer already in the store, staged ones included, as given before this run:
    /// a transfer id seen again is "unchanged" when equal in every field and a conflict otherwise
    /// (for records that may be delivered more than once, as a stream's are).
    pub fn redeliveries_allowed(mut self) -> Ingestor<'a> {
        self.run_first_txn = u32::MAX;
        self
    }

    /// The latest time a record may carry (the time of the extract plus the clock skew).
    pub fn horizon(&self) -> Horizon {
        self.horizon
    }

    /// The store being written.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    pub fn observer(&mut self) -> &mut dyn IngestObserver {
        &mut *self.obs
    }

    pub fn begin_file(&mut self, file: String, kind: &'static str) {
        self.current = FileReport { file, kind, ..FileReport::default() };
    }

    pub fn warn(&mut self, message: &str) {
        self.obs.warning(&self.current.file, message);
    }

    /// Settles one row: counts its outcome or its rejection, and commits when a batch is full.
    pub fn settle(&mut self, line: u64, result: Result<Outcome, String>) -> Result<(), IngestError> {
        self.current.rows += 1;
        match result {
            Ok(Outcome::Stored) => self.current.stored += 1,
            Ok(Outcome::Updated) => self.current.updated += 1,
            // Files are ingested whole; a partition's share is only ever a stream's.
            Ok(Outcome::Unchanged | Outcome::Elsewhere) => self.current.unchanged += 1,
            Err(reason) => {
                self.current.rejected += 1;
                let reject = Reject { file: self.current.file.clone(), line, reason };
                self.obs.rejected(&reject);
                if self.report.rejects.len() < IngestReport::KEPT_REJECTS {
                    self.report.rejects.push(reject);
                }
            }
        }
        self.rows_since_commit += 1;
        if self.rows_since_commit >= self.batch_rows {
            self.commit(line)?;
        }
        Ok(())
    }

    /// Commits what is staged and tells the observer that rows up to `line` are settled.
    pub fn commit(&mut self, line: u64) -> Result<(), IngestError> {
        self.store.commit()?;
        self.rows_since_commit = 0;
        let note =
            CommitNote { file: self.current.file.clone(), line, stored: self.current.stored + self.current.updated };
        self.obs.committed(&note);
        Ok(())
    }

    pub fn end_file(&mut self, last_line: u64) -> Result<(), IngestError> {
        self.commit(last_line)?;
        self.report.files.push(std::mem::take(&mut self.current));
        Ok(())
    }

    fn stage(&mut self, event: Event) -> Result<bool, String> {
        self.store.stage(event).map_err(|e| format!("store refused the row: {e}"))
    }

    fn bank(&mut self, code: &str) -> Result<BankIx, String> {
        if let Some(ix) = self.store.ledger().bank_ix(code) {
            return Ok(ix);
        }
        self.stage(Event::Bank { code: code.into() })?;
        Ok(BankIx::of(self.store.ledger().bank_count() - 1))
    }

    /// The index of an account number, recording it as external when it is new.
    fn account_ref(&mut self, id: &str) -> Result<AccountIx, String> {
        if let Some(ix) = self.store.ledger().account_ix(id) {
            return Ok(ix);
        }
        self.stage(Event::Account { id: id.into(), account: Account::external() })?;
        Ok(AccountIx::of(self.store.ledger().accounts().len() - 1))
    }

    /// Defines an account from an account row. `bank` and `holder_identity` are resolved here;
    /// the other fields come in `account`.
    pub fn put_account(
        &mut self,
        id: &str,
        bank: Option<&str>,
        holder_identity: Option<&str>,
        mut account: Account,
    ) -> Result<Outcome, String> {
        if let Some(opened) = account.opened_at {
            self.horizon.check(opened).map_err(|e| format!("opened_at: {e}"))?;
        }
        account.bank = bank.map(|b| self.bank(b)).transpose()?;
        account.holder = holder_identity.map(|h| self.store.salt().holder(h));
        account.external = false;
        let existing = self.store.ledger().account_ix(id);
        if let Some(ix) = existing {
            if !self.defined.insert(ix) {
                return Err(format!("duplicate account_id '{id}': already given earlier in this run"));
            }
        }
        let changed = self.stage(Event::Account { id: id.into(), account })?;
        if existing.is_none() {
            let ix = self.store.ledger().account_ix(id).expect("just staged");
            self.defined.insert(ix);
        }
        Ok(match (existing, changed) {
            (None, _) => Outcome::Stored,
            (Some(_), true) => Outcome::Updated,
            (Some(_), false) => Outcome::Unchanged,
        })
    }

    /// Makes sure an account is known at `bank`, without other details (sources that only name
    /// accounts inside transfers, such as AMLworld).
    pub fn ensure_account(&mut self, id: &str, bank: &str) -> Result<AccountIx, String> {
        if let Some(ix) = self.store.ledger().account_ix(id) {
            if !self.store.ledger().account(ix).external {
                return Ok(ix);
            }
        }
        let bank = self.bank(bank)?;
        self.stage(Event::Account { id: id.into(), account: Account { bank: Some(bank), ..Account::internal() } })?;
        Ok(self.store.ledger().account_ix(id).expect("just staged"))
    }

    /// Records a transfer (validated by the caller except for parties and duplicates).
    pub fn put_transfer(&mut self, mut rec: TransferRecord<'_>) -> Result<(Outcome, Option<TransferIx>), String> {
        rec.transfer.kind.check_parties(rec.from.is_some(), rec.to.is_some())?;
        self.horizon.check(rec.transfer.ts).map_err(|e| format!("ts: {e}"))?;
        if let Some(ix) = self.store.ledger().txn_ix(rec.txn_id) {
            if ix.0 >= self.run_first_txn {
                return Err(format!("duplicate txn_id '{}': already given earlier in this run", rec.txn_id));
            }
            let differences = self.store.ledger().transfer_differences(ix, &rec.transfer, rec.from, rec.to);
            return if differences.is_empty() {
                Ok((Outcome::Unchanged, Some(ix)))
            } else {
                Err(format!(
                    "duplicate txn_id '{}': differs from the transfer already stored under it in {}",
                    rec.txn_id,
                    differences.join(", ")
                ))
            };
        }
        if self.partition.is_some_and(|p| !rec.from.into_iter().chain(rec.to).any(|id| p.owns(id))) {
            let ledger = self.store.ledger();
            let bank = |id: &str| ledger.account(ledger.account_ix(id)?).bank;
            let banks: Vec<BankIx> = rec.from.into_iter().chain(rec.to).filter_map(bank).collect();
            if ledger.moves_history(rec.transfer.ts, &banks) {
                let banks = banks.iter().map(|&b| ledger.bank_code(b).into()).collect();
                self.stage(Event::Elsewhere { ts: rec.transfer.ts, banks })?;
            }
            return Ok((Outcome::Elsewhere, None));
        }
        rec.transfer.from = rec.from.map(|id| self.account_ref(id)).transpose()?;
        rec.transfer.to = rec.to.map(|id| self.account_ref(id)).transpose()?;
        self.stage(Event::Transfer { txn_id: rec.txn_id.into(), transfer: rec.transfer })?;
        Ok((Outcome::Stored, Some(TransferIx::of(self.store.ledger().transfers().len() - 1))))
    }

    /// Attaches a positive label.
    pub fn put_label(&mut self, target: LabelTarget, name: &str) -> Result<Outcome, String> {
        let changed = self.stage(Event::Label(Label { target, name: name.into() }))?;
        Ok(if changed { Outcome::Stored } else { Outcome::Unchanged })
    }
}
