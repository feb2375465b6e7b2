//! `fanzha stats`: what a store holds.

use fanzha_model::LedgerStats;
use fanzha_storage::{LogStore, OpenMode, Store};
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

/// Prints `s` for a person; times in Asia/Shanghai with the zone shown.
pub fn print(s: &LedgerStats) {
    println!("accounts           {:>12}  ({} external)", s.accounts, s.external_accounts);
    println!("holders            {:>12}", s.holders);
    println!("banks              {:>12}", s.banks);
    println!("transfers          {:>12}  ({} withdrawals, {} deposits)", s.transfers, s.withdrawals, s.deposits);
    println!("amount             {:>12} yuan", fanzha_model::Fen(s.total_amount_fen).to_string());
    println!("labels             {:>12}  (evaluation only)", s.labels);
    if let (Some(a), Some(b)) = (s.first_ts, s.last_ts) {
        println!("time span          {} .. {} (Asia/Shanghai)", a.to_rfc3339_shanghai(), b.to_rfc3339_shanghai());
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = LogStore::open(&args.db, OpenMode::Read)?;
    let stats = LedgerStats::of(store.ledger());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print(&stats);
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
