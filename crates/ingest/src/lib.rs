//! Where data enters fanzha.
//!
//! [`ingest`] reads account, transfer and label files in one of the supported [`Format`]s,
//! validates every row, and stages what is new into a [`Store`], committing every
//! [`IngestOptions::batch_rows`] rows. Design decisions:
//! - **A bad row never stops good rows.** It is rejected with its file, line (the file's own
//!   line, header = 1) and a reason naming the field; the run goes on. Only a file that cannot
//!   be read at all (missing, unreadable encoding, header without a required column) is fatal.
//! - **Acknowledged means durable.** [`IngestObserver::committed`] is called only after the
//!   store's commit (an `fdatasync`) returned; every row up to the note's line is then settled
//!   for good. Re-running the same files after a crash is safe: ingest is idempotent.
//! - **Labels are kept apart.** Ground truth in a source (AMLSim `isFraud`, AMLworld `Is
//!   Laundering`, `labels.csv`) becomes [`fanzha_model::Label`]s for evaluation, never fields.
#![deny(missing_docs)]

mod amlsim;
mod amlworld;
mod fields;
mod ingestor;
mod input;
mod interchange;
mod labels;
mod report;
mod stream;

pub use amlsim::AMLSIM_BANK;
pub use report::{CommitNote, FileReport, IngestObserver, IngestReport, Quiet, Reject};
pub use stream::{Applied, RecordBatch, RecordKind};

use fanzha_model::{Horizon, Ts};
use fanzha_storage::{Store, StoreError};
use ingestor::{Ingestor, Outcome};
use input::{Layout, Row, Schema};
use std::path::{Path, PathBuf};

/// A failure that stops the run (a bad row never does).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A file is in an encoding fanzha cannot read.
    #[error("{0}")]
    Encoding(String),
    /// A CSV header lacks a required column, or there is no header.
    #[error("{0}")]
    Header(String),
    /// The inputs do not fit the format.
    #[error("{0}")]
    Usage(String),
    /// The store failed; rows after the last acknowledged commit did not land.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IngestError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> IngestError {
        IngestError::Io { path: path.display().to_string(), source }
    }
}

/// The input formats fanzha reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// fanzha interchange format v1 (CSV or JSON Lines).
    Fanzha,
    /// IBM AMLSim sample output (`nodes.csv`, `transactions.csv`).
    Amlsim,
    /// IBM AMLworld transactions (`HI-Small_Trans.csv` and siblings).
    Amlworld,
}

/// The files of one ingest run; any may be absent, but not all.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Accounts (interchange `accounts`, AMLSim `nodes.csv`).
    pub accounts: Option<PathBuf>,
    /// Transfers (interchange `transfers`, AMLSim `transactions.csv`, AMLworld).
    pub transfers: Option<PathBuf>,
    /// Labels (`kind,id,label`).
    pub labels: Option<PathBuf>,
}

/// Knobs of an ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Rows per commit (each commit is one `fdatasync`).
    pub batch_rows: usize,
    /// AMLSim: the time of step 0.
    pub amlsim_epoch: Ts,
    /// AMLSim/AMLworld: prefix of generated transaction ids (default: the file's stem).
    pub id_prefix: Option<String>,
    /// Rows dated later than this (the time of the extract, default now, plus a clock skew) are
    /// refused.
    pub horizon: Horizon,
    /// Where the sources' histories start, by bank code (`None`: every bank without its own); see
    /// [`fanzha_model::Ledger::history_from`]. Recorded in the store before any row.
    pub history_from: Vec<(Option<String>, Ts)>,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            batch_rows: 50_000,
            amlsim_epoch: Ts::from_utc(2020, 1, 1, 0, 0, 0).expect("valid date"),
            id_prefix: None,
            horizon: Horizon::now(),
            history_from: Vec::new(),
        }
    }
}

/// Ingests `inputs` into `store`: accounts first, then transfers, then labels.
///
/// Returns the totals; rejected rows are in the report and were told to `obs` as they happened.
pub fn ingest(
    store: &mut dyn Store,
    format: Format,
    inputs: &Inputs,
    options: &IngestOptions,
    obs: &mut dyn IngestObserver,
) -> Result<IngestReport, IngestError> {
    if inputs.accounts.is_none() && inputs.transfers.is_none() && inputs.labels.is_none() {
        return Err(IngestError::Usage("nothing to ingest: give accounts, transfers or labels".into()));
    }
    if format == Format::Amlworld && inputs.accounts.is_some() {
        return Err(IngestError::Usage("AMLworld has no accounts file; give its transactions as transfers".into()));
    }
    for (bank, from) in &options.history_from {
        let event = fanzha_model::Event::HistoryFrom { bank: bank.as_deref().map(Into::into), from: *from };
        store.stage(event)?;
    }
    let mut ing = Ingestor::new(store, obs, options.batch_rows, options.horizon);
    if let Some(path) = &inputs.accounts {
        let (schema, handler): (&Schema, RowHandler) = match format {
            Format::Fanzha => (&interchange::ACCOUNTS, &|ing, row, _| interchange::account(ing, row)),
            Format::Amlsim => (&amlsim::NODES, &|ing, row, _| amlsim::node(ing, row)),
            Format::Amlworld => unreachable!("refused above"),
        };
        read_file(&mut ing, path, "accounts", schema, handler)?;
    }
    if let Some(path) = &inputs.transfers {
        let prefix = options.id_prefix.clone().unwrap_or_else(|| file_stem(path));
        let epoch = options.amlsim_epoch;
        let aml_sim =
            move |ing: &mut Ingestor<'_>, row: &dyn Row, line| amlsim::transaction(ing, row, line, &prefix, epoch);
        let prefix = options.id_prefix.clone().unwrap_or_else(|| file_stem(path));
        let aml_world =
            move |ing: &mut Ingestor<'_>, row: &dyn Row, line| amlworld::transaction(ing, row, line, &prefix);
        let (schema, handler): (&Schema, RowHandler) = match format {
            Format::Fanzha => (&interchange::TRANSFERS, &|ing, row, _| interchange::transfer(ing, row)),
            Format::Amlsim => (&amlsim::TRANSACTIONS, &aml_sim),
            Format::Amlworld => (&amlworld::TRANSACTIONS, &aml_world),
        };
        read_file(&mut ing, path, "transfers", schema, handler)?;
    }
    if let Some(path) = &inputs.labels {
        read_file(&mut ing, path, "labels", &labels::LABELS, &|ing, row, _| labels::label(ing, row))?;
    }
    Ok(ing.report)
}

type RowHandler<'h> = &'h dyn Fn(&mut Ingestor<'_>, &dyn Row, u64) -> Result<Outcome, String>;

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(|| "row".to_string(), |s| s.to_string_lossy().into_owned())
}

/// Feeds rows to a format's handler and settles each with the ingestor.
struct Sink<'s, 'i> {
    ing: &'s mut Ingestor<'i>,
    handler: RowHandler<'s>,
    last_line: u64,
}

impl input::RowSink for Sink<'_, '_> {
    fn row(&mut self, line: u64, row: input::RowResult<'_>) -> Result<(), IngestError> {
        self.last_line = line;
        let result = row.and_then(|row| (self.handler)(self.ing, row, line));
        self.ing.settle(line, result)
    }

    fn progress(&mut self, bytes: u64) {
        self.ing.observer().progress(bytes);
    }
}

fn read_file(
    ing: &mut Ingestor<'_>,
    path: &Path,
    kind: &'static str,
    schema: &Schema,
    handler: RowHandler<'_>,
) -> Result<(), IngestError> {
    let name = path.display().to_string();
    let layout = input::sniff_layout(path)?;
    let input = input::open(path)?;
    ing.begin_file(name, kind);
    ing.observer().file_started(path, input.bytes);
    if let Some(enc) = input.decoded_from {
        ing.warn(&format!("file is not UTF-8; decoded as {enc}"));
    }
    let mut sink = Sink { ing, handler, last_line: 1 };
    let header = match layout {
        Layout::Csv => input::read_csv(path, input, schema, &mut sink)?,
        Layout::JsonLines => input::read_json_lines(input, schema, &mut sink)?,
    };
    let last_line = sink.last_line;
    if !header.unknown.is_empty() {
        ing.warn(&format!("ignored unknown column(s): {}", header.unknown.join(", ")));
    }
    ing.end_file(last_line)
}
