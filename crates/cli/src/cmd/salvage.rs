//! `fanzha salvage`: copy what is valid in a damaged store into a new one. A damaged store refuses
//! to open (nothing is cut from it); this is the deliberate, read-only way past that.

use anyhow::Context;
use fanzha_check::lists::Lists;
use fanzha_check::lookup::PublicReports;
use fanzha_server::state::{LISTS_FILE, REPORTS_FILE};
use fanzha_storage::{LineLog, LogStore, OpenMode, Store};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The damaged store (read, never changed).
    #[arg(long)]
    db: PathBuf,
    /// A new directory for the copy.
    #[arg(long)]
    into: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store =
        LogStore::open(&args.db, OpenMode::Salvage).with_context(|| format!("reading {}", args.db.display()))?;
    let info = store.open_info().clone();
    store.salvage_into(&args.into)?;
    println!(
        "copied {} events in {} commits ({} transfers) into {}",
        info.events,
        info.commits,
        store.ledger().transfers().len(),
        args.into.display()
    );
    match &info.damage {
        Some(why) => println!("left out, from the first damage on: {why}"),
        None => println!("the event log had no damage"),
    }
    for (file, what) in [(LISTS_FILE, "list entries"), (REPORTS_FILE, "public reports")] {
        let from = args.db.join(file);
        if !from.exists() {
            continue;
        }
        let to = args.into.join(file);
        let n = if file == LISTS_FILE {
            copy_lines::<fanzha_check::lists::Entry>(&from, &to)?
        } else {
            copy_lines::<fanzha_check::lookup::PublicReport>(&from, &to)?
        };
        println!("copied {n} {what}");
    }
    // The copies open as a server would open them.
    Lists::open(&args.into.join(LISTS_FILE), OpenMode::Read)?;
    PublicReports::open(&args.into.join(REPORTS_FILE), OpenMode::Read)?;
    println!(
        "the console database ({}) is not copied: copy it with SQLite's own tools if needed",
        fanzha_console::DB_FILE
    );
    Ok(ExitCode::SUCCESS)
}

/// Copies the valid lines of a line file (up to its first damage) into a new one.
fn copy_lines<T: serde::Serialize + serde::de::DeserializeOwned>(
    from: &std::path::Path,
    to: &std::path::Path,
) -> anyhow::Result<usize> {
    let (_, items) = LineLog::<T>::open(from, OpenMode::Salvage, None)?;
    let (mut out, _) = LineLog::<T>::open(to, OpenMode::Create, None)?;
    for item in &items {
        out.append(item)?;
    }
    Ok(items.len())
}
