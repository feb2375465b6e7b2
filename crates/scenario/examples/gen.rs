//! Writes a scenario to a directory and reports its size and speed.
//!
//! ```text
//! cargo run --release -p fanzha-scenario --example gen -- OUT_DIR [--transfers N | --demo] [--seed S]
//! ```
//! `--transfers N` sizes the scenario for about N transfers; `--demo` (the default) is the demo
//! size of `ScenarioConfig::default()`.

use fanzha_model::Fen;
use fanzha_scenario::{generate_to_dir, ScenarioConfig};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let (dir, transfers, seed) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            eprintln!("usage: gen OUT_DIR [--transfers N | --demo] [--seed S]");
            return ExitCode::from(2);
        }
    };
    let cfg = match transfers {
        Some(n) => ScenarioConfig::for_transfers(n, seed),
        None => ScenarioConfig { seed, ..ScenarioConfig::default() },
    };
    eprintln!("{cfg:?}");
    let started = Instant::now();
    match generate_to_dir(&cfg, &dir) {
        Ok(s) => {
            let secs = started.elapsed().as_secs_f64();
            println!("wrote {} in {secs:.2} s ({:.0} transfers/s)", dir.display(), s.transfers as f64 / secs);
            println!("accounts {}  transfers {}  labels {}", s.accounts, s.transfers, s.labels);
            println!(
                "fraud cases {}  victim payments {}  fraud {} yuan  mule accounts {}  card farmers {}",
                s.fraud_cases,
                s.victim_payments,
                Fen(s.fraud_fen),
                s.mule_accounts,
                s.card_farmers
            );
            let by_typology: Vec<String> = s.cases_by_typology.iter().map(|(id, n)| format!("{id} {n}")).collect();
            println!("cases by typology: {}", by_typology.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

/// The output directory, the transfer target (`None`: demo size) and the seed.
fn parse(mut args: impl Iterator<Item = String>) -> Result<(PathBuf, Option<u64>, u64), String> {
    let (mut dir, mut transfers, mut seed) = (None, None, 1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| match args.next().map(|v| v.replace('_', "").parse::<u64>()) {
            Some(Ok(v)) => Ok(v),
            _ => Err(format!("{name} needs a number")),
        };
        match arg.as_str() {
            "--transfers" => transfers = Some(number("--transfers")?),
            "--seed" => seed = number("--seed")?,
            "--demo" => transfers = None,
            "-h" | "--help" => return Err(String::new()),
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(&arg)),
            _ => return Err(format!("unexpected argument '{arg}'")),
        }
    }
    let dir = dir.ok_or_else(|| "OUT_DIR is missing".to_string())?;
    Ok((dir, transfers, seed))
}
