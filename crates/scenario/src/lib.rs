//! Seeded, deterministic generator of Chinese bank data with telecom fraud in it: accounts,
//! transfers and ground-truth labels in fanzha's interchange CSV format.
//!
//! Design decision, and why: **the scenario is replayed one local day at a time against running
//! balances.** Everything static — persons and households, employers, merchants and hubs, card
//! farmers' sprees of openings, recruited mules, fraud cases and their victims — is planned first
//! from one seeded ChaCha8 stream. Then each day's ordinary movements are drawn, sorted by time and
//! merged with the fraud network's queue of scheduled steps, and every movement is checked against
//! the payer's running balance before its row is written. This keeps memory bounded by one day of
//! movements plus per-account state (ten million transfers take well under 100 MB),
//! lets the laundering react to what actually arrived (fast in, fast out; split across banks; cash
//! out at the ATM limit), and guarantees that no account ever spends money it does not hold, which
//! the fund-tracing engine relies on. Every draw uses integer arithmetic only, so the same config
//! gives the same bytes on every platform.
//!
//! ```no_run
//! let cfg = fanzha_scenario::ScenarioConfig::for_transfers(1_000_000, 7);
//! let summary = fanzha_scenario::generate_to_dir(&cfg, std::path::Path::new("data"))?;
//! println!("{} transfers, {} victim payments", summary.transfers, summary.victim_payments);
//! # Ok::<(), std::io::Error>(())
//! ```
#![deny(missing_docs)]
// Amounts in fen are written yuan_fen, e.g. `2_500_00` is 2,500.00 yuan.
#![allow(clippy::inconsistent_digit_grouping)]

mod banks;
mod books;
mod calendar;
mod config;
mod draw;
mod farming;
mod fraud;
mod identity;
mod life;
mod network;
mod population;
mod regions;
mod simulation;
mod typology;
mod writer;

pub use config::ScenarioConfig;

use calendar::DAY;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use writer::LabelRows;

/// What a generation produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioSummary {
    /// Rows of accounts.csv.
    pub accounts: u64,
    /// Rows of transfers.csv.
    pub transfers: u64,
    /// Rows of labels.csv.
    pub labels: u64,
    /// Fraud cases in which the victim paid at least once.
    pub fraud_cases: u32,
    /// Victim payments (each labelled `fraud`).
    pub victim_payments: u32,
    /// Accounts the fraud network controls (each labelled `mule`).
    pub mule_accounts: u32,
    /// Card farmers (each labelled `card_farmer`).
    pub card_farmers: u32,
    /// Sum of the victim payments, in fen.
    pub fraud_fen: i64,
    /// Fraud cases in which the victim paid, by typology id (docs/domain.md), in a fixed order.
    pub cases_by_typology: Vec<(&'static str, u32)>,
}

/// Generates the scenario: accounts.csv, transfers.csv (in time order) and labels.csv go to the
/// three writers. The writers are written in chunks; wrap slow ones in a `BufWriter` anyway.
pub fn generate<A: Write, T: Write, L: Write>(
    cfg: &ScenarioConfig,
    accounts: A,
    transfers: T,
    labels: L,
) -> io::Result<ScenarioSummary> {
    // Every part draws from its own stream, each seeded from the one stream of `cfg.seed`.
    let mut seeds = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut stream = || ChaCha8Rng::seed_from_u64(seeds.random());
    let start = cfg.start.0;
    let end = start + i64::from(cfg.days) * DAY;
    let months = i64::from(cfg.days.div_ceil(30)) + 1;
    let mut world = population::build(&mut stream(), start, cfg.persons, months);
    let farmers = farming::plan(&mut stream(), &mut world, cfg.card_farmers, cfg.days);
    let plan = fraud::plan(&mut stream(), &mut world, &farmers, cfg.fraud_cases, cfg.days);

    let account_rows = writer::write_accounts(&world, accounts)?;
    let mut labels = LabelRows::new(labels);
    for mule in &plan.mules {
        labels.mule(world.accounts[mule.account as usize].number.as_bytes())?;
    }
    for farmer in &farmers {
        labels.card_farmer(&world.holders[farmer.holder as usize])?;
    }
    let mule_accounts = plan.mules.len() as u32;
    let mut network = network::Network::new(plan, stream());
    let mut life = life::Life::new(stream());
    let transfers = simulation::run(&world, &mut life, &mut network, (start, end), transfers, &mut labels)?;
    let label_rows = labels.rows();
    labels.finish()?;

    let tally = network.tally();
    Ok(ScenarioSummary {
        accounts: account_rows,
        transfers,
        labels: label_rows,
        fraud_cases: tally.cases_by_typology.iter().sum(),
        victim_payments: tally.victim_payments,
        mule_accounts,
        card_farmers: farmers.len() as u32,
        fraud_fen: tally.fraud_fen,
        cases_by_typology: typology::TYPOLOGIES.iter().map(|t| t.id).zip(tally.cases_by_typology).collect(),
    })
}

/// Generates the scenario into `dir` (created if missing) as accounts.csv, transfers.csv and
/// labels.csv.
pub fn generate_to_dir(cfg: &ScenarioConfig, dir: &Path) -> io::Result<ScenarioSummary> {
    std::fs::create_dir_all(dir)?;
    let open = |name: &str| File::create(dir.join(name)).map(|f| BufWriter::with_capacity(1 << 20, f));
    generate(cfg, open("accounts.csv")?, open("transfers.csv")?, open("labels.csv")?)
}
