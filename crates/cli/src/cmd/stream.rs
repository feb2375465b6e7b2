//! `fanzha publish` and `fanzha follow`: interchange files to NATS JetStream, and a store that
//! follows the stream (crates/stream; docs/scale.md).

use anyhow::Context;
use fanzha_storage::{LogStore, OpenMode};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct PublishArgs {
    /// NATS server URL (JetStream on), e.g. nats://127.0.0.1:4222; a cluster's servers separated by commas
    #[arg(long)]
    nats: String,
    /// Accounts file (interchange CSV or JSON Lines), published first
    #[arg(long)]
    accounts: Option<PathBuf>,
    /// Transfers file (interchange CSV or JSON Lines)
    #[arg(long)]
    transfers: Option<PathBuf>,
    /// Copies of each stream when it is created (3 on a three-server cluster)
    #[arg(long, default_value_t = 1)]
    replicas: usize,
}

#[derive(clap::Args)]
pub struct FollowArgs {
    /// NATS server URL (JetStream on); a cluster's servers separated by commas
    #[arg(long)]
    nats: String,
    /// Store directory (created if missing)
    #[arg(long)]
    db: PathBuf,
    /// Durable consumer name: one per follower, kept across restarts; a new name rebuilds from the
    /// start of the stream (default: one made from this machine's name and the store's path)
    #[arg(long)]
    durable: Option<String>,
    /// Most messages applied and committed together
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    /// Stop after the stream has been quiet this many seconds (default: follow until stopped)
    #[arg(long, value_name = "SECS")]
    until_idle: Option<f64>,
    /// Copies of each stream when it is created (3 on a three-server cluster)
    #[arg(long, default_value_t = 1)]
    replicas: usize,
    /// Keep one partition K/P of the stream: every account, and the transfers touching the
    /// accounts that hash to K (docs/scale.md)
    #[arg(long, value_name = "K/P")]
    partition: Option<fanzha_model::Partition>,
}

#[derive(clap::Args)]
pub struct DeadLettersArgs {
    /// NATS server URL (JetStream on); a cluster's servers separated by commas
    #[arg(long)]
    nats: String,
}

/// The durable consumer name of a follower that was given none: `fanzha-` and a digest of this
/// machine's name and the store's absolute path, so that two followers never share one (each would
/// get part of the stream) and a restarted one finds its own again.
pub fn default_durable(db: &std::path::Path) -> String {
    use sha2::{Digest, Sha256};
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let path = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    let digest = Sha256::digest(format!("{}\n{}", host.trim(), path.display()).as_bytes());
    format!("fanzha-{}", fanzha_model::hex(&digest[..6]))
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread().enable_all().build()?)
}

pub fn run_publish(args: PublishArgs) -> anyhow::Result<ExitCode> {
    if args.accounts.is_none() && args.transfers.is_none() {
        anyhow::bail!("nothing to publish: give --accounts, --transfers or both");
    }
    runtime()?.block_on(async {
        let js = fanzha_stream::connect(&args.nats, args.replicas).await?;
        let report = fanzha_stream::publish(&js, args.accounts.as_deref(), args.transfers.as_deref()).await?;
        for why in &report.unreadable {
            eprintln!("not published: {why}");
        }
        println!(
            "published {} accounts and {} transfers to {} ({} rows unreadable)",
            report.accounts,
            report.transfers,
            args.nats,
            report.unreadable.len()
        );
        Ok(if report.unreadable.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
    })
}

pub fn run_follow(args: FollowArgs) -> anyhow::Result<ExitCode> {
    let mut store =
        LogStore::open(&args.db, OpenMode::Create).with_context(|| format!("opening {}", args.db.display()))?;
    let lists_path = args.db.join(fanzha_server::state::LISTS_FILE);
    let mut lists = fanzha_check::lists::Lists::open(&lists_path, OpenMode::Write)
        .with_context(|| format!("opening {}", lists_path.display()))?;
    let options = fanzha_stream::FollowOptions {
        durable: args.durable.clone().unwrap_or_else(|| default_durable(&args.db)),
        batch: args.batch,
        until_idle: args.until_idle.map(Duration::from_secs_f64),
    };
    fanzha_stream::claim_partition(&args.db, args.partition).map_err(anyhow::Error::msg)?;
    runtime()?.block_on(async {
        let js = fanzha_stream::connect(&args.nats, args.replicas).await?;
        let mut target = fanzha_stream::StoreTarget { store: &mut store, lists: &mut lists, partition: args.partition };
        let report = fanzha_stream::follow(&js, &mut target, &options, |r| {
            eprintln!(
                "committed through stream sequence {} ({} applied, {} dead letters)",
                r.sequence, r.applied, r.dead
            );
        })
        .await?;
        println!(
            "followed {} to sequence {}: {} records applied, {} unchanged, {} left to other partitions, {} list changes, {} dead letters, {} batches",
            args.nats,
            report.sequence,
            report.applied,
            report.unchanged,
            report.elsewhere,
            report.list_changes,
            report.dead,
            report.batches
        );
        Ok(ExitCode::SUCCESS)
    })
}

pub fn run_dead_letters(args: DeadLettersArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let js = fanzha_stream::connect(&args.nats, 1).await?;
        for letter in fanzha_stream::dead_letters(&js).await? {
            println!("{letter}");
        }
        Ok(ExitCode::SUCCESS)
    })
}
