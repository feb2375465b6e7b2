//! `fanzha ingest`: files in, durable store out, every rejected row named.

use crate::observer::CliObserver;
use anyhow::Context;
use clap::ValueEnum;
use fanzha_ingest::{Format, IngestOptions, IngestReport, Inputs};
use fanzha_model::{Horizon, Ts};
use fanzha_storage::{LogStore, OpenMode};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Exit status when the run finished but some rows were rejected.
pub const EXIT_REJECTED: u8 = 3;

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// fanzha interchange format v1 (CSV or JSON Lines)
    Fanzha,
    /// IBM AMLSim sample output (nodes.csv as --accounts, transactions.csv as --transfers)
    Amlsim,
    /// IBM AMLworld transactions (HI-Small_Trans.csv etc. as --transfers)
    Amlworld,
}

#[derive(clap::Args)]
pub struct Args {
    /// Store directory (created if missing)
    #[arg(long)]
    db: PathBuf,
    /// Accounts file
    #[arg(long)]
    accounts: Option<PathBuf>,
    /// Transfers file
    #[arg(long)]
    transfers: Option<PathBuf>,
    /// Labels file (kind,id,label), for evaluation only
    #[arg(long)]
    labels: Option<PathBuf>,
    /// Input format
    #[arg(long, value_enum, default_value = "fanzha")]
    format: FormatArg,
    /// Rows per durable commit
    #[arg(long, default_value_t = 50_000)]
    batch_rows: usize,
    /// AMLSim: time of simulation step 0 (RFC 3339)
    #[arg(long, default_value = "2020-01-01T00:00:00Z")]
    epoch: String,
    /// AMLSim/AMLworld: prefix of generated transaction ids (default: file stem)
    #[arg(long)]
    id_prefix: Option<String>,
    /// Time of the extract (RFC 3339; default now): rows dated later, beyond --max-clock-skew, are
    /// rejected
    #[arg(long, value_name = "TIME")]
    horizon: Option<String>,
    /// Seconds a row may be dated after the horizon (clocks differ a little)
    #[arg(long, default_value_t = fanzha_model::DEFAULT_MAX_SKEW_SECS)]
    max_clock_skew: i64,
    /// Where a source's history starts, `[BANK=]TIME` (repeatable; without BANK: every bank without
    /// its own). Before it an account's history is censored: "first use" and "quiet since opening"
    /// are unknown for accounts opened earlier. Default: each bank's earliest transfer that only it
    /// can have reported (with its own accounts, external ones or cash), else its earliest transfer
    #[arg(long, value_name = "[BANK=]TIME")]
    history_from: Vec<String>,
    /// Print one JSON line per acknowledged commit on stdout
    #[arg(long)]
    report_commits: bool,
    /// Write every rejected row (file:line: reason) to this file
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Print the summary as JSON on stdout
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = match args.format {
        FormatArg::Fanzha => Format::Fanzha,
        FormatArg::Amlsim => Format::Amlsim,
        FormatArg::Amlworld => Format::Amlworld,
    };
    let epoch = Ts::parse_rfc3339(&args.epoch).map_err(|e| anyhow::anyhow!("--epoch: {e}"))?;
    let at = match &args.horizon {
        Some(t) => Ts::parse_rfc3339(t).map_err(|e| anyhow::anyhow!("--horizon: {e}"))?,
        None => Ts::now(),
    };
    anyhow::ensure!(args.max_clock_skew >= 0, "--max-clock-skew must not be negative");
    let history_from = args
        .history_from
        .iter()
        .map(|h| {
            let (bank, time) = match h.split_once('=') {
                Some((b, t)) => (Some(b.trim().to_string()).filter(|b| !b.is_empty()), t),
                None => (None, h.as_str()),
            };
            Ts::parse_rfc3339(time).map(|t| (bank, t)).map_err(|e| anyhow::anyhow!("--history-from '{h}': {e}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let options = IngestOptions {
        batch_rows: args.batch_rows,
        amlsim_epoch: epoch,
        id_prefix: args.id_prefix,
        horizon: Horizon { at, skew_secs: args.max_clock_skew },
        history_from,
    };
    let inputs = Inputs { accounts: args.accounts, transfers: args.transfers, labels: args.labels };
    let rejects =
        args.rejects.map(|p| std::fs::File::create(&p).with_context(|| format!("{}", p.display()))).transpose()?;
    let mut obs = CliObserver::new(args.report_commits, rejects, false);
    let start = Instant::now();
    let (report, _) = ingest_into(&args.db, format, &inputs, &options, &mut obs)?;
    let unprinted = obs.finish()?;
    let secs = start.elapsed().as_secs_f64();
    if args.json {
        println!("{}", summary_json(&report, secs));
    } else {
        print_summary(&report, secs, unprinted);
    }
    Ok(if report.rejected() > 0 { ExitCode::from(EXIT_REJECTED) } else { ExitCode::SUCCESS })
}

/// Opens (or creates) the store at `db` and ingests; the store is returned for further use.
pub fn ingest_into(
    db: &std::path::Path,
    format: Format,
    inputs: &Inputs,
    options: &IngestOptions,
    obs: &mut CliObserver,
) -> anyhow::Result<(IngestReport, LogStore)> {
    let mut store = LogStore::open(db, OpenMode::Create)?;
    let info = store.open_info();
    if info.discarded_bytes > 0 {
        eprintln!(
            "recovered: discarded {} bytes of an unfinished commit from an earlier crash (never acknowledged)",
            info.discarded_bytes
        );
    }
    let report = fanzha_ingest::ingest(&mut store, format, inputs, options, obs)?;
    Ok((report, store))
}

fn summary_json(report: &IngestReport, secs: f64) -> serde_json::Value {
    let files: Vec<_> = report
        .files
        .iter()
        .map(|f| {
            serde_json::json!({
                "file": f.file, "kind": f.kind, "rows": f.rows, "stored": f.stored, "updated": f.updated,
                "unchanged": f.unchanged, "rejected": f.rejected,
            })
        })
        .collect();
    serde_json::json!({"files": files, "stored": report.stored(), "rejected": report.rejected(), "seconds": secs})
}

/// Prints the per-file totals on stderr.
pub fn print_summary(report: &IngestReport, secs: f64, unprinted_rejects: u64) {
    for f in &report.files {
        eprintln!(
            "{}: {} rows: {} stored, {} updated, {} unchanged, {} rejected",
            f.file, f.rows, f.stored, f.updated, f.unchanged, f.rejected
        );
    }
    if unprinted_rejects > 0 {
        eprintln!("({unprinted_rejects} more rejected rows not shown; use --rejects FILE to list them all)");
    }
    let rows: u64 = report.files.iter().map(|f| f.rows).sum();
    eprintln!(
        "ingested {rows} rows in {secs:.2} s ({:.0} rows/s); {} rejected",
        rows as f64 / secs.max(1e-9),
        report.rejected()
    );
}
