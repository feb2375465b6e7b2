//! `fanzha bench`: ingest throughput and restart time, measured in this process. The script
//! `bench/ingest.sh` runs these next to PostgreSQL `COPY` of the same CSV.

use crate::observer::CliObserver;
use anyhow::Context;
use fanzha_graph::TemporalGraph;
use fanzha_ingest::{Format, IngestOptions, Inputs};
use fanzha_storage::{LogStore, OpenMode, Store};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Ingest DATA/accounts.csv and DATA/transfers.csv into a fresh store; print rows/s as JSON.
    Ingest {
        /// Directory written by `fanzha gen`
        #[arg(long)]
        data: PathBuf,
        /// Store directory; must not exist yet
        #[arg(long)]
        db: PathBuf,
        /// Rows per durable commit
        #[arg(long, default_value_t = 50_000)]
        batch_rows: usize,
    },
    /// Reopen a store and build the temporal graph (a restart); print the times as JSON.
    Load {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let result = match args.what {
        What::Ingest { data, db, batch_rows } => {
            anyhow::ensure!(!db.exists(), "{} exists; the benchmark ingests into a fresh store", db.display());
            let inputs = Inputs {
                accounts: Some(data.join("accounts.csv")),
                transfers: Some(data.join("transfers.csv")),
                labels: None,
            };
            let options = IngestOptions { batch_rows, ..IngestOptions::default() };
            let mut obs = CliObserver::new(false, None, true);
            let start = Instant::now();
            let (report, store) = super::ingest::ingest_into(&db, Format::Fanzha, &inputs, &options, &mut obs)?;
            let secs = start.elapsed().as_secs_f64();
            let transfers = store.ledger().transfers().len();
            serde_json::json!({
                "bench": "ingest",
                "transfers": transfers,
                "rows": report.files.iter().map(|f| f.rows).sum::<u64>(),
                "rejected": report.rejected(),
                "seconds": secs,
                "transfers_per_sec": transfers as f64 / secs,
                "store_bytes": dir_bytes(&db)?,
                "peak_rss_bytes": peak_rss_bytes(),
            })
        }
        What::Load { db } => {
            let start = Instant::now();
            let store = LogStore::open(&db, OpenMode::Read)?;
            let open_secs = start.elapsed().as_secs_f64();
            let graph = TemporalGraph::build(store.ledger());
            let total_secs = start.elapsed().as_secs_f64();
            serde_json::json!({
                "bench": "load",
                "transfers": graph.edge_count(),
                "open_seconds": open_secs,
                "graph_seconds": total_secs - open_secs,
                "seconds": total_secs,
                "graph_bytes_per_transfer": graph.heap_bytes() as f64 / graph.edge_count().max(1) as f64,
                "peak_rss_bytes": peak_rss_bytes(),
            })
        }
    };
    println!("{result}");
    Ok(ExitCode::SUCCESS)
}

fn dir_bytes(dir: &std::path::Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("{}", dir.display()))? {
        total += entry?.metadata()?.len();
    }
    Ok(total)
}

/// The process's peak resident memory (Linux `VmHWM`), if the OS says.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
