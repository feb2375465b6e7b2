//! `fanzha gen`: a seeded scenario written as interchange CSV (accounts, transfers, labels).

use anyhow::Context;
use fanzha_model::Ts;
use fanzha_scenario::{generate_to_dir, ScenarioConfig, ScenarioSummary};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Output directory (accounts.csv, transfers.csv, labels.csv)
    #[arg(long)]
    out: PathBuf,
    /// Scale the population to produce about this many transfers
    #[arg(long, conflicts_with_all = ["persons", "days"])]
    transfers: Option<u64>,
    /// Number of persons
    #[arg(long)]
    persons: Option<u32>,
    /// Number of days
    #[arg(long)]
    days: Option<u32>,
    /// First day (RFC 3339)
    #[arg(long)]
    start: Option<String>,
    /// Fraud cases
    #[arg(long)]
    fraud_cases: Option<u32>,
    /// Card farmers
    #[arg(long)]
    card_farmers: Option<u32>,
    /// Random seed; the same seed gives byte-identical files
    #[arg(long, default_value_t = 7)]
    seed: u64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut cfg = match args.transfers {
        Some(n) => ScenarioConfig::for_transfers(n, args.seed),
        None => ScenarioConfig { seed: args.seed, ..ScenarioConfig::default() },
    };
    if let Some(p) = args.persons {
        cfg.persons = p;
    }
    if let Some(d) = args.days {
        cfg.days = d;
    }
    if let Some(s) = &args.start {
        cfg.start = Ts::parse_rfc3339(s).map_err(|e| anyhow::anyhow!("--start: {e}"))?;
    }
    if let Some(f) = args.fraud_cases {
        cfg.fraud_cases = f;
    }
    if let Some(c) = args.card_farmers {
        cfg.card_farmers = c;
    }
    let summary = write(&cfg, &args.out)?;
    print_summary(&summary, &args.out);
    Ok(ExitCode::SUCCESS)
}

/// Generates into `dir` (created if missing).
pub fn write(cfg: &ScenarioConfig, dir: &Path) -> anyhow::Result<ScenarioSummary> {
    generate_to_dir(cfg, dir).with_context(|| format!("writing the scenario to {}", dir.display()))
}

/// Says what was generated.
pub fn print_summary(s: &ScenarioSummary, dir: &Path) {
    println!("generated {} accounts, {} transfers, {} labels in {}", s.accounts, s.transfers, s.labels, dir.display());
    println!(
        "planted: {} fraud cases ({} victim payments, {} yuan), {} mule accounts, {} card farmers",
        s.fraud_cases,
        s.victim_payments,
        fanzha_model::Fen(s.fraud_fen),
        s.mule_accounts,
        s.card_farmers
    );
    let typologies: Vec<String> = s.cases_by_typology.iter().map(|(id, n)| format!("{id} {n}")).collect();
    println!("cases by typology: {}", typologies.join(", "));
}
