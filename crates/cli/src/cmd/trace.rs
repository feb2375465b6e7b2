//! `fanzha trace`: follow reported transfers forward (where is the money now, what to freeze)
//! or an account's money backward (who paid it in).

use anyhow::Context;
use fanzha_graph::TemporalGraph;
use fanzha_model::{Fen, Ts};
use fanzha_storage::{LogStore, OpenMode, Store};
use fanzha_trace::{write_freeze_csv, Limits, Policy, ProvenanceReport, TraceAnswer, TraceReport, TraceRequest};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Store directory
    #[arg(long)]
    db: PathBuf,
    /// A reported transfer's id; repeat for several transfers of one case
    #[arg(long = "txn", value_name = "TXN_ID")]
    txns: Vec<String>,
    /// Trace backward: where did the money come from (who are the victims)
    #[arg(long)]
    backward: bool,
    /// With --backward: explain this account's balance (instead of a --txn)
    #[arg(long, value_name = "ACCOUNT_ID", requires = "backward")]
    account: Option<String>,
    /// Which money leaves an account first: fifo, lifo, pro-rata, poison, libr
    #[arg(long, default_value = "fifo")]
    policy: Policy,
    /// Follow at most this many transfers (default 16 forward, 6 backward)
    #[arg(long)]
    max_hops: Option<u32>,
    /// Show the state at this time (RFC 3339 with offset); default: the end of the data
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    /// Print the report as JSON (schema fanzha.trace.v1 or fanzha.provenance.v1)
    #[arg(long, conflicts_with = "dot")]
    json: bool,
    /// Print the flow as Graphviz DOT
    #[arg(long, conflicts_with = "backward")]
    dot: bool,
    /// Write the flow as an SVG drawing to FILE
    #[arg(long, value_name = "FILE", conflicts_with = "backward")]
    svg: Option<PathBuf>,
    /// Write the per-bank freeze requests as CSV to FILE
    #[arg(long, value_name = "FILE", conflicts_with = "backward")]
    freeze_csv: Option<PathBuf>,
    /// Write the per-bank freeze requests as JSON to FILE
    #[arg(long, value_name = "FILE", conflicts_with = "backward")]
    freeze_json: Option<PathBuf>,
    /// Accounts known to be mules (one account id per line), ranked first among freeze targets
    #[arg(long, value_name = "FILE")]
    known_mules: Option<PathBuf>,
    /// Accounts with more transfers than this are hubs (payment firms, merchants): not walked
    #[arg(long, default_value_t = Limits::default().hub_degree)]
    hub_degree: usize,
    /// Rows per list in the text report
    #[arg(long, default_value_t = 15)]
    top: usize,
}

/// An opened store with its graph: what every analysis command starts from.
pub struct Loaded {
    pub store: LogStore,
    pub graph: TemporalGraph,
}

/// Opens a store read-only and builds its temporal graph.
pub fn load(db: &Path) -> anyhow::Result<Loaded> {
    let store = LogStore::open(db, OpenMode::Read).with_context(|| format!("opening store {}", db.display()))?;
    let graph = TemporalGraph::build(store.ledger());
    Ok(Loaded { store, graph })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.db)?;
    let ledger = loaded.store.ledger();
    let known_mules = match &args.known_mules {
        Some(path) => read_accounts(path, |id| ledger.account_ix(id).is_some())?,
        None => Vec::new(),
    };
    let as_of = match &args.as_of {
        Some(text) => Some(Ts::parse_rfc3339(text).with_context(|| format!("--as-of '{text}'"))?.0),
        None => None,
    };
    let req = TraceRequest {
        txns: args.txns.clone(),
        backward: args.backward,
        account: args.account.clone(),
        policy: args.policy,
        max_hops: args.max_hops,
        as_of,
        known_mules,
        hub_degree: Some(args.hub_degree),
    };
    let report = match req.run(ledger, &loaded.graph)? {
        TraceAnswer::Backward(report) => {
            if args.json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print_provenance(&report, args.top);
            }
            return Ok(ExitCode::SUCCESS);
        }
        TraceAnswer::Forward(report) => report,
    };
    if let Some(path) = &args.svg {
        std::fs::write(path, fanzha_trace::to_svg(&report)).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &args.freeze_csv {
        let mut f = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        write_freeze_csv(&report.freeze, &mut f)?;
        f.flush()?;
    }
    if let Some(path) = &args.freeze_json {
        std::fs::write(path, serde_json::to_string_pretty(&report.freeze)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if args.dot {
        print!("{}", fanzha_trace::to_dot(&report));
    } else {
        print_trace(&report, args.top);
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads account ids, one per line (blank lines and `#` comments skipped); ids this store does
/// not know (a watch list covers more than one store's data) are counted on stderr and skipped.
fn read_accounts(path: &Path, known: impl Fn(&str) -> bool) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let ids = text.lines().map(str::trim).filter(|id| !id.is_empty() && !id.starts_with('#'));
    let (mut out, mut unknown) = (Vec::new(), 0);
    for id in ids {
        if known(id) {
            out.push(id.to_string());
        } else {
            unknown += 1;
        }
    }
    if unknown > 0 {
        eprintln!("note: {unknown} account id(s) in {} are not in this store", path.display());
    }
    Ok(out)
}

fn yuan(fen: i64) -> String {
    Fen(fen).to_string()
}

pub fn print_trace(r: &TraceReport, top: usize) {
    println!("Trace of {} reported transfer(s), policy {}, as of {}", r.seeds.len(), r.policy, r.as_of);
    println!(
        "  traced ¥{} = held ¥{} + cash out ¥{} + exits ¥{}  ({})",
        yuan(r.traced_fen),
        yuan(r.held_fen),
        yuan(r.cash_out_fen),
        yuan(r.exits_fen),
        if r.is_conserved() { "conserved to the fen" } else { "NOT CONSERVED: report a bug" }
    );
    println!(
        "  followed {} accounts over {} transfers; {} transfers carried traced money",
        r.work.accounts,
        r.work.transfers,
        r.edges.len()
    );
    println!("\nFreeze first — accounts still holding traced money (most urgent, then largest):");
    if r.held.is_empty() {
        println!("  none: all traced money was withdrawn or left the data");
    } else {
        println!(
            "  {:<20} {:<7} {:>6} {:<20} {:>13} {:>9} {:>3} {:<9} {:<7} note",
            "account", "bank", "region", "holder", "held (¥)", "sat", "hop", "mule", "urgency"
        );
        for h in r.held.iter().take(top) {
            let mut note = h.signals.join(",");
            if let Some(s) = h.stopped {
                note = format!("STOPPED ({}) {note}", s.as_str());
            }
            println!(
                "  {:<20} {:<7} {:>6} {:<20} {:>13} {:>9} {:>3} {:<9} {:<7} {}",
                h.account,
                h.bank.as_deref().unwrap_or("-"),
                h.region.map_or("-".to_string(), |r| r.to_string()),
                h.holder.as_deref().unwrap_or("-"),
                yuan(h.amount_fen),
                fanzha_model::duration_text(h.dwell_secs).1,
                h.hop,
                h.mule.as_str(),
                h.urgency.as_str(),
                note
            );
        }
        more(r.held.len(), top);
        println!("\nOne freeze request per bank:");
        for f in &r.freeze {
            println!(
                "  {:<8} ¥{:>13}  {} account(s)",
                f.bank.as_deref().unwrap_or("unknown"),
                yuan(f.total_fen),
                f.accounts.len()
            );
        }
    }
    if !r.cash_out.is_empty() {
        println!("\nCash withdrawn:");
        for c in r.cash_out.iter().take(top) {
            println!(
                "  {:<14} {:<20} ¥{:>12}  region {:<6}  {}",
                c.txn_id,
                c.account,
                yuan(c.amount_fen),
                c.region.map_or("-".to_string(), |r| r.to_string()),
                c.time
            );
        }
        more(r.cash_out.len(), top);
    }
    if !r.exits.is_empty() {
        println!("\nLeft the data (accounts at institutions that do not feed fanzha):");
        for x in r.exits.iter().take(top) {
            println!("  {:<20} ¥{:>12}  hop {}", x.account, yuan(x.amount_fen), x.hop);
        }
        more(r.exits.len(), top);
    }
}

pub fn print_provenance(r: &ProvenanceReport, top: usize) {
    println!("Backward trace, policy {}, as of {}", r.policy, r.as_of);
    println!("  explained ¥{}, of which ¥{} paid in by likely victims", yuan(r.amount_fen), yuan(r.victims_fen));
    println!(
        "\n  {:<9} {:<20} {:<7} {:<20} {:<14} {:>13} {:>3}",
        "origin", "account", "bank", "holder", "txn", "amount (¥)", "hop"
    );
    for o in r.origins.iter().take(top) {
        println!(
            "  {:<9} {:<20} {:<7} {:<20} {:<14} {:>13} {:>3}",
            o.kind.as_str(),
            o.account,
            o.bank.as_deref().unwrap_or("-"),
            o.holder.as_deref().unwrap_or("-"),
            o.txn_id.as_deref().unwrap_or("-"),
            yuan(o.amount_fen),
            o.hop
        );
    }
    more(r.origins.len(), top);
}

fn more(len: usize, top: usize) {
    if len > top {
        println!("  … and {} more (--top N, or --json for all)", len - top);
    }
}
