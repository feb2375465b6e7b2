//! `fanzha audit verify`: recompute the audit trail's hash chain and say whether any row was
//! changed, deleted or cut off the end.

use crate::cmd::user::ConsoleStore;
use clap::{Args as ClapArgs, Subcommand};
use std::process::ExitCode;

/// Exit status when the chain is broken.
pub const EXIT_BROKEN: u8 = 4;

#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Check every row against the chain and the head; prints the head hash (the trail's
    /// fingerprint, to write down elsewhere).
    Verify {
        #[command(flatten)]
        store: ConsoleStore,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let What::Verify { store, json } = args.what;
    let check = store.open()?.verify_audit()?;
    if json {
        println!("{}", serde_json::to_string(&check)?);
    } else {
        match &check.broken {
            None => println!("audit trail intact: {} rows; head {}", check.rows, check.head),
            Some(why) => println!("audit trail BROKEN: {why} (checked {} rows; head {})", check.rows, check.head),
        }
    }
    Ok(if check.broken.is_some() { ExitCode::from(EXIT_BROKEN) } else { ExitCode::SUCCESS })
}
