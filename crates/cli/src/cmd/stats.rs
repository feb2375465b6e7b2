//! `fanzha stats`: what a store holds.

use fanzha_model::{Ledger, TransferKind, Ts};
use fanzha_storage::{LogStore, OpenMode, Store};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Store directory
    #[arg(long)]
    db: PathBuf,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

/// Counts over a ledger.
#[derive(serde::Serialize)]
pub struct Stats {
    /// Accounts, including external ones.
    pub accounts: u64,
    /// Accounts known only as counterparties.
    pub external_accounts: u64,
    /// Transfers of every kind.
    pub transfers: u64,
    /// Cash withdrawals among them.
    pub withdrawals: u64,
    /// Cash deposits among them.
    pub deposits: u64,
    /// Institutions.
    pub banks: u64,
    /// Distinct holders.
    pub holders: u64,
    /// Positive labels (evaluation only).
    pub labels: u64,
    /// Sum of all amounts, in fen.
    pub total_amount_fen: i64,
    /// First transfer time (RFC 3339, UTC).
    #[serde(serialize_with = "rfc3339_utc")]
    pub first_ts: Option<Ts>,
    /// Last transfer time (RFC 3339, UTC).
    #[serde(serialize_with = "rfc3339_utc")]
    pub last_ts: Option<Ts>,
}

fn rfc3339_utc<S: serde::Serializer>(ts: &Option<Ts>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_some(&ts.map(Ts::to_rfc3339_utc))
}

impl Stats {
    /// Counts the ledger.
    pub fn of(l: &Ledger) -> Stats {
        let (mut withdrawals, mut deposits, mut total_amount_fen) = (0, 0, 0);
        for t in l.transfers() {
            match t.kind {
                TransferKind::Withdrawal => withdrawals += 1,
                TransferKind::Deposit => deposits += 1,
                TransferKind::Transfer => {}
            }
            total_amount_fen += t.amount.0;
        }
        let span = l.time_span();
        Stats {
            accounts: l.accounts().len() as u64,
            external_accounts: l.accounts().iter().filter(|a| a.external).count() as u64,
            transfers: l.transfers().len() as u64,
            withdrawals,
            deposits,
            banks: l.bank_count() as u64,
            holders: distinct_holders(l),
            labels: l.labels().len() as u64,
            total_amount_fen,
            first_ts: span.map(|s| s.0),
            last_ts: span.map(|s| s.1),
        }
    }

    /// Prints for a person; times in Asia/Shanghai with the zone shown.
    pub fn print(&self) {
        println!("accounts           {:>12}  ({} external)", self.accounts, self.external_accounts);
        println!("holders            {:>12}", self.holders);
        println!("banks              {:>12}", self.banks);
        println!(
            "transfers          {:>12}  ({} withdrawals, {} deposits)",
            self.transfers, self.withdrawals, self.deposits
        );
        println!("amount             {:>12} yuan", fanzha_model::Fen(self.total_amount_fen).to_string());
        println!("labels             {:>12}  (evaluation only)", self.labels);
        if let (Some(a), Some(b)) = (self.first_ts, self.last_ts) {
            println!("time span          {} .. {} (Asia/Shanghai)", a.to_rfc3339_shanghai(), b.to_rfc3339_shanghai());
        }
    }
}

/// Number of distinct holder digests.
fn distinct_holders(l: &Ledger) -> u64 {
    l.accounts().iter().filter_map(|a| a.holder.as_ref().map(|h| h.digest)).collect::<HashSet<_>>().len() as u64
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = LogStore::open(&args.db, OpenMode::Read)?;
    let stats = Stats::of(store.ledger());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        stats.print();
        let info = store.open_info();
        println!(
            "loaded in          {:>12.3} s  ({} events, {} commits)",
            info.elapsed.as_secs_f64(),
            info.events,
            info.commits
        );
    }
    Ok(ExitCode::SUCCESS)
}
