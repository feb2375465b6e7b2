//! `fanzha bench`: ingest throughput, restart time and trace latency, measured in this process.
//! The scripts `bench/ingest.sh` and `bench/trace.sh` run these next to PostgreSQL doing the same
//! work (`COPY` of the same CSV; a recursive SQL trace of the same transfers).

use crate::observer::CliObserver;
use anyhow::Context;
use fanzha_graph::TemporalGraph;
use fanzha_ingest::{Format, IngestOptions, Inputs};
use fanzha_model::{AccountIx, TransferIx};
use fanzha_storage::{LogStore, OpenMode, Store};
use fanzha_trace::{Forward, Policy, Tracer};
use std::collections::HashSet;
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
    /// Reopen a store and build the temporal graph (a restart), then time merging its last 1,000 transfers into the graph of the others (a serving node catching up); print the times as JSON.
    Load {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
    },
    /// Trace random reported (fraud-labelled victim) transfers one by one; print latency as JSON.
    Trace {
        /// Store directory (with labels, e.g. from `fanzha gen`)
        #[arg(long)]
        db: PathBuf,
        /// How many reported transfers to trace
        #[arg(long, default_value_t = 1_000)]
        traces: usize,
        /// Random seed for picking them
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Tracing policy
        #[arg(long, default_value = "fifo")]
        policy: Policy,
        /// Hop limit
        #[arg(long, default_value_t = Forward::DEFAULT_MAX_HOPS)]
        max_hops: u32,
        /// Write the traced transaction ids here, one per line (for the SQL side of bench/trace.sh)
        #[arg(long, value_name = "FILE")]
        seeds_out: Option<PathBuf>,
    },
    /// Classify short messages on one core: messages/s for the fast path and with explanations,
    /// and the time to load the shipped model
    Text {
        /// Texts to classify (JSON Lines with `text`, e.g. data/text/corpus.jsonl); SMS-length
        /// texts (at most 70 characters) are used, cycled to --messages, and all of them joined
        /// into 2,000-character transcripts for the long-text latency
        #[arg(long)]
        data: PathBuf,
        /// Messages to classify
        #[arg(long, default_value_t = 200_000)]
        messages: usize,
        /// Also time the second stage with these encoder weights (e5-small-q4.bin) on the first
        /// --encoder-texts transcripts: latency of one transcript with both stages, all cores
        #[arg(long)]
        encoder: Option<PathBuf>,
        /// Transcripts timed with the second stage
        #[arg(long, default_value_t = 200)]
        encoder_texts: usize,
    },
    /// Check random stored transfers (as if paid again now) through the shipped rules and the
    /// store's lists on one core, after replaying the store into the live features; print latency
    /// percentiles as JSON.
    Check {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
        /// How many checks to time
        #[arg(long, default_value_t = 200_000)]
        checks: usize,
        /// Random seed for picking transfers and payer contexts
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// The crash and corruption harness of the store's files: seeded kills at every write
    /// boundary, power losses, and damage at rest; print the tally as JSON. Any seed that loses
    /// acknowledged data silently fails the run and is named, to replay with --seed.
    Crash {
        /// How many seeds
        #[arg(long, default_value_t = 10_000)]
        seeds: u64,
        /// The first seed
        #[arg(long, default_value_t = 0)]
        from: u64,
        /// Replay this one seed only
        #[arg(long)]
        seed: Option<u64>,
        /// Scratch directory (default: a temporary one, in /dev/shm when there is one)
        #[arg(long)]
        scratch: Option<PathBuf>,
    },
    /// Build the large-value report for FROM..=TO and render it as JSON, CSV and XML; print the times.
    Report {
        /// Store directory
        #[arg(long)]
        db: PathBuf,
        /// First day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        /// Last day (inclusive), YYYY-MM-DD
        #[arg(long)]
        to: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let result = match args.what {
        What::Crash { seeds, from, seed, scratch } => return crash(seeds, from, seed, scratch),
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
            let bytes_per_transfer = graph.heap_bytes() as f64 / graph.edge_count().max(1) as f64;
            drop(graph);
            // What a serving node pays when a trace finds transfers recorded since the graph was
            // last brought up to date: the last LATE transfers merged into the graph of the others,
            // which was itself extended once before (as a following node's is, batch after batch).
            let ledger = store.ledger();
            let n = ledger.transfers().len();
            let late = LATE_TRANSFERS.min(n / 2);
            let mut graph = TemporalGraph::default();
            graph.extend_to(ledger, n - 2 * late);
            graph.extend_to(ledger, n - late);
            let extend = Instant::now();
            graph.extend(ledger);
            let extend_secs = extend.elapsed().as_secs_f64();
            // What the merge costs when a trace holds the graph: it merges into a copy.
            let copy = Instant::now();
            let copied = graph.clone();
            let copy_secs = copy.elapsed().as_secs_f64();
            drop(copied);
            serde_json::json!({
                "bench": "load",
                "transfers": graph.edge_count(),
                "open_seconds": open_secs,
                "graph_seconds": total_secs - open_secs,
                "seconds": total_secs,
                "graph_bytes_per_transfer": bytes_per_transfer,
                "graph_extend_transfers": late,
                "graph_extend_seconds": extend_secs,
                "graph_copy_seconds": copy_secs,
                "peak_rss_bytes": peak_rss_bytes(),
            })
        }
        What::Trace { db, traces, seed, policy, max_hops, seeds_out } => {
            trace_latency(&db, traces, seed, policy, max_hops, seeds_out.as_deref())?
        }
        What::Check { db, checks, seed } => check_latency(&db, checks, seed)?,
        What::Report { db, from, to } => report_throughput(&db, &from, &to)?,
        What::Text { data, messages, encoder, encoder_texts } => {
            text_throughput(&data, messages, encoder.as_deref().map(|e| (e, encoder_texts)))?
        }
    };
    println!("{result}");
    Ok(ExitCode::SUCCESS)
}

/// How many of the store's last transfers `bench load` merges into the graph of the others.
const LATE_TRANSFERS: usize = 1_000;

/// Replays the store into a checker, then times `n` checks of random stored transfers, each made
/// "now" (a minute after the last stored transfer) with a random payer context.
fn check_latency(db: &std::path::Path, n: usize, seed: u64) -> anyhow::Result<serde_json::Value> {
    use fanzha_check::request::PayerContext;
    use fanzha_check::{lists::Lists, Checker, Subject};
    use rand::{Rng, SeedableRng};
    let store = LogStore::open(db, OpenMode::Read)?;
    let ledger = store.ledger();
    let graph = TemporalGraph::build(ledger);
    let replay = Instant::now();
    // The store's lists, as `fanzha serve` and `fanzha backtest` use them.
    let lists = Lists::open(&db.join(fanzha_server::state::LISTS_FILE), OpenMode::Read)?;
    let mut checker = Checker::new(ledger, lists).with_model(std::sync::Arc::new(fanzha_detect::MuleModel::shipped()));
    for e in 0..graph.edge_count() {
        checker.record(ledger, ledger.transfer(graph.edge(fanzha_graph::EdgeIx::of(e)).txn));
    }
    let replay_secs = replay.elapsed().as_secs_f64();
    let rules = fanzha_check::shipped_rules(checker.schema()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let candidates: Vec<&fanzha_model::Transfer> =
        ledger.transfers().iter().filter(|t| t.kind == fanzha_model::TransferKind::Transfer).collect();
    anyhow::ensure!(!candidates.is_empty(), "the store has no transfers to check");
    let now = ledger.time_span().map_or(0, |(_, last)| last.0) + 60;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let mut env = checker.env();
    let mut us = Vec::with_capacity(n);
    let mut held = 0usize;
    let total = Instant::now();
    for _ in 0..n {
        let mut t = candidates[rng.random_range(0..candidates.len())].clone();
        t.ts = fanzha_model::Ts(now);
        let payer = PayerContext {
            age: Some(rng.random_range(18..90)),
            new_device: Some(rng.random_bool(0.1)),
            on_call: Some(rng.random_bool(0.05)),
            phone: Some(format!("138{:08}", rng.random_range(0..100_000_000u32))),
        };
        let s = Subject {
            transfer: &t,
            from_id: t.from.map(|a| ledger.account_id(a)),
            to_id: t.to.map(|a| ledger.account_id(a)),
            payer: Some(&payer),
            payer_part: None,
        };
        let start = Instant::now();
        let v = checker.check(ledger, &rules, &s, &mut env);
        us.push(start.elapsed().as_secs_f64() * 1e6);
        held += usize::from(v.verdict >= fanzha_check::Decision::Hold);
    }
    let secs = total.elapsed().as_secs_f64();
    Ok(serde_json::json!({
        "bench": "check",
        "transfers_replayed": graph.edge_count(),
        "replay_seconds": replay_secs,
        "rules": rules.rules().len(),
        "list_entries": checker.lists.entries().len(),
        "checks": n,
        "held_or_blocked": held,
        "checks_per_sec_one_core": n as f64 / secs,
        "p50_us": percentile(&mut us, 0.50),
        "p90_us": percentile(&mut us, 0.90),
        "p99_us": percentile(&mut us, 0.99),
        "p999_us": percentile(&mut us, 0.999),
        "max_us": percentile(&mut us, 1.0),
    }))
}

/// Picks `n` reported transfers at random: fraud-labelled transfers whose payer is not itself a
/// labelled mule (the victims' own payments), then traces each one and times it.
fn trace_latency(
    db: &std::path::Path,
    n: usize,
    seed: u64,
    policy: Policy,
    max_hops: u32,
    seeds_out: Option<&std::path::Path>,
) -> anyhow::Result<serde_json::Value> {
    use rand::seq::IndexedRandom;
    use rand::SeedableRng;
    let start = Instant::now();
    let loaded = super::trace::load(db)?;
    let load_secs = start.elapsed().as_secs_f64();
    let ledger = loaded.store.ledger();
    let tracer = Tracer::new(ledger, &loaded.graph);
    let mules: HashSet<AccountIx> = fanzha_detect::labels::mule_accounts(ledger).into_iter().collect();
    let mut victims: Vec<TransferIx> = fanzha_detect::labels::fraud_transfers(ledger)
        .into_iter()
        .filter(|&t| ledger.transfer(t).from.is_some_and(|f| !mules.contains(&f) && !ledger.account(f).external))
        .collect();
    victims.sort_unstable();
    anyhow::ensure!(
        !victims.is_empty(),
        "no fraud-labelled victim transfers in {}: ingest a generated scenario with its labels",
        db.display()
    );
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let picked: Vec<TransferIx> = (0..n).map(|_| *victims.choose(&mut rng).expect("not empty")).collect();
    if let Some(path) = seeds_out {
        let ids: String = picked.iter().map(|&t| format!("{}\n", ledger.txn_id(t))).collect();
        std::fs::write(path, ids).with_context(|| format!("writing {}", path.display()))?;
    }
    let (mut trace_us, mut full_us) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut edges, mut accounts, mut replayed, mut conserved, mut held) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for &t in &picked {
        let req = Forward { seeds: vec![t], policy, max_hops, as_of: None };
        let start = Instant::now();
        let trace = tracer.forward(&req)?;
        trace_us.push(start.elapsed().as_secs_f64() * 1e6);
        let report = tracer.report(&trace);
        full_us.push(start.elapsed().as_secs_f64() * 1e6);
        edges += report.edges.len() as u64;
        held += report.held.len() as u64;
        accounts += trace.work.accounts;
        replayed += trace.work.transfers;
        conserved += u64::from(report.is_conserved());
    }
    let per = |x: u64| x as f64 / n.max(1) as f64;
    Ok(serde_json::json!({
        "bench": "trace",
        "transfers": loaded.graph.edge_count(),
        "traces": n,
        "policy": policy.as_str(),
        "max_hops": max_hops,
        "p50_us": percentile(&mut full_us, 0.50),
        "p90_us": percentile(&mut full_us, 0.90),
        "p99_us": percentile(&mut full_us, 0.99),
        "max_us": percentile(&mut full_us, 1.0),
        "mean_us": full_us.iter().sum::<f64>() / n.max(1) as f64,
        "walk_only_p50_us": percentile(&mut trace_us, 0.50),
        "walk_only_p99_us": percentile(&mut trace_us, 0.99),
        "mean_edges": per(edges),
        "mean_held_accounts": per(held),
        "mean_accounts_walked": per(accounts),
        "mean_transfers_replayed": per(replayed),
        "conserved": conserved,
        "load_seconds": load_secs,
        "peak_rss_bytes": peak_rss_bytes(),
    }))
}

/// Times the large-value report over a store already loaded (the restart is timed by `load`).
fn report_throughput(db: &std::path::Path, from: &str, to: &str) -> anyhow::Result<serde_json::Value> {
    use fanzha_reports::{
        large_value_report, parse_date, write_large_csv, write_large_json, write_large_xml, ReportConfig,
    };
    let day = |s: &str| parse_date(s).with_context(|| format!("'{s}' is not a YYYY-MM-DD date"));
    let (from_day, to_day) = (day(from)?, day(to)?);
    let start = Instant::now();
    let store = LogStore::open(db, OpenMode::Read)?;
    let load_secs = start.elapsed().as_secs_f64();
    let config = ReportConfig::regulation_default();
    let start = Instant::now();
    let report = large_value_report(store.ledger(), &config, from_day, to_day)?;
    let build_secs = start.elapsed().as_secs_f64();
    // Each format is rendered in full into a counting sink: formatting cost, not disk speed.
    let render = |write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| -> anyhow::Result<(f64, u64)> {
        let start = Instant::now();
        let mut sink = Counting(0);
        let mut buffered = std::io::BufWriter::with_capacity(1 << 20, &mut sink);
        write(&mut buffered)?;
        std::io::Write::flush(&mut buffered)?;
        drop(buffered);
        Ok((start.elapsed().as_secs_f64(), sink.0))
    };
    let (json_secs, json) = render(&|w| write_large_json(&report, w))?;
    let (csv_secs, csv) = render(&|w| write_large_csv(&report, w))?;
    let (xml_secs, xml) = render(&|w| write_large_xml(&report, w))?;
    Ok(serde_json::json!({
        "bench": "report_large",
        "transfers": store.ledger().transfers().len(),
        "from": from,
        "to": to,
        "transfers_in_range": report.header.transfers_in_range,
        "reported_transactions": report.len(),
        "load_seconds": load_secs,
        "build_seconds": build_secs,
        "json_seconds": json_secs,
        "csv_seconds": csv_secs,
        "xml_seconds": xml_secs,
        "report_seconds": build_secs + json_secs.max(csv_secs).max(xml_secs),
        "output_bytes": {"json": json, "csv": csv, "xml": xml},
        "peak_rss_bytes": peak_rss_bytes(),
    }))
}

/// Characters of each long text `fanzha bench text` times.
const LONG_CHARS: usize = 2_000;
/// How many long texts it times.
const LONG_TEXTS: usize = 2_000;

/// Times model loading, classification of short messages, and explained classification of
/// 2,000-character transcripts (latency percentiles), on one thread; then, with `encoder`, the
/// first transcripts with the second stage on too (its windows run on all cores).
fn text_throughput(
    data: &std::path::Path,
    n: usize,
    encoder: Option<(&std::path::Path, usize)>,
) -> anyhow::Result<serde_json::Value> {
    let start = Instant::now();
    let classifier = fanzha_text::Classifier::shipped()?;
    let load_secs = start.elapsed().as_secs_f64();
    let corpus = std::fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    let all: Vec<String> = corpus
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?.get("text")?.as_str().map(str::to_string))
        .collect();
    let texts: Vec<String> = all.iter().filter(|t| t.chars().count() <= 70).cloned().collect();
    anyhow::ensure!(!texts.is_empty(), "no texts of at most 70 characters in {}", data.display());
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let mut flagged = 0usize;
    let none = classifier.model().labels.iter().position(|l| l == "none");
    let start = Instant::now();
    for t in texts.iter().cycle().take(n) {
        flagged += usize::from(Some(classifier.predict(t)) != none);
    }
    let fast_secs = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for t in texts.iter().cycle().take(n) {
        classifier.analyze(t)?;
    }
    let full_secs = start.elapsed().as_secs_f64();
    // Long texts: the data's texts joined in order (one per line, as a pasted chat log or call
    // transcript) into transcripts of exactly 2,000 characters, scored whole and in windows.
    let mut transcripts: Vec<String> = Vec::new();
    let mut current = String::new();
    // Cycled until LONG_TEXTS transcripts are built; each pass over the data starts the texts at
    // a different place in a transcript, so the transcripts differ.
    let passes = LONG_TEXTS * LONG_CHARS / all.iter().map(|t| t.chars().count() + 1).sum::<usize>().max(1) + 1;
    for t in all.iter().cycle().take(all.len() * passes) {
        current.push_str(t);
        current.push('\n');
        if current.chars().count() >= LONG_CHARS {
            transcripts.push(current.chars().take(LONG_CHARS).collect());
            current.clear();
            if transcripts.len() == LONG_TEXTS {
                break;
            }
        }
    }
    let mut latency_ms: Vec<f64> = Vec::with_capacity(transcripts.len());
    for t in &transcripts {
        let start = Instant::now();
        classifier.analyze(t)?;
        latency_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let long_total: f64 = latency_ms.iter().sum();
    let second_stage = match encoder {
        None => serde_json::Value::Null,
        Some((weights, count)) => {
            let start = Instant::now();
            let (encoder, head) = fanzha_text::encoder::second_stage(weights, fanzha_text::encoder::DEFAULT_HEAD)?;
            let both = fanzha_text::Classifier::shipped()?.with_encoder(encoder.clone(), head.clone())?;
            let load_secs = start.elapsed().as_secs_f64();
            // The encoder on every transcript (its cost when it runs), then both stages as `analyze`
            // runs them (the encoder only where the first stage is unsure).
            let (mut encoder_ms, mut both_ms, mut ran) = (Vec::with_capacity(count), Vec::with_capacity(count), 0);
            for t in transcripts.iter().take(count) {
                let start = Instant::now();
                encoder.embed(head.cut(t), fanzha_text::encoder::Prefix::Passage);
                encoder_ms.push(start.elapsed().as_secs_f64() * 1e3);
                let start = Instant::now();
                ran += usize::from(both.analyze(t)?.encoder);
                both_ms.push(start.elapsed().as_secs_f64() * 1e3);
            }
            let tokens: usize = transcripts
                .iter()
                .take(count)
                .map(|t| encoder.token_count(head.cut(t), fanzha_text::encoder::Prefix::Passage))
                .sum();
            serde_json::json!({
                "texts": encoder_ms.len(),
                "mean_tokens": tokens as f64 / encoder_ms.len().max(1) as f64,
                "threads": rayon::current_num_threads(),
                "load_seconds": load_secs,
                "encoder_p50_ms": percentile(&mut encoder_ms, 0.5),
                "encoder_p99_ms": percentile(&mut encoder_ms, 0.99),
                "both_stages_p50_ms": percentile(&mut both_ms, 0.5),
                "both_stages_p99_ms": percentile(&mut both_ms, 0.99),
                "encoder_ran_share": ran as f64 / both_ms.len().max(1) as f64,
            })
        }
    };
    Ok(serde_json::json!({
        "bench": "text_classify",
        "second_stage": second_stage,
        "long_texts": transcripts.len(),
        "long_chars": LONG_CHARS,
        "long_texts_per_sec": transcripts.len() as f64 / (long_total / 1e3).max(1e-9),
        "long_p50_ms": percentile(&mut latency_ms, 0.5),
        "long_p99_ms": percentile(&mut latency_ms, 0.99),
        "messages": n,
        "distinct_texts": texts.len(),
        "mean_chars": chars as f64 / texts.len() as f64,
        "threads": 1,
        "model_load_seconds": load_secs,
        "messages_per_sec": n as f64 / fast_secs,
        "messages_per_sec_explained": n as f64 / full_secs,
        "flagged_share": flagged as f64 / n.max(1) as f64,
    }))
}

/// A writer that only counts bytes.
struct Counting(u64);

impl std::io::Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The `q` quantile (nearest rank) of `v`, sorting it.
fn percentile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
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

/// `fanzha bench crash`.
fn crash(seeds: u64, from: u64, seed: Option<u64>, scratch: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let tmp = match &scratch {
        Some(_) => None,
        None => Some(match tempfile::tempdir_in("/dev/shm") {
            Ok(d) => d,
            Err(_) => tempfile::tempdir()?,
        }),
    };
    let dir = scratch.as_deref().or(tmp.as_ref().map(|t| t.path())).expect("one of the two");
    std::fs::create_dir_all(dir)?;
    let range = match seed {
        Some(s) => s..s + 1,
        None => from..from.saturating_add(seeds),
    };
    let start = Instant::now();
    let (tally, failures) = fanzha_storage::harness::run(range, dir);
    let mut json = serde_json::to_value(&tally)?;
    json["bench"] = "crash".into();
    json["seconds"] = start.elapsed().as_secs_f64().into();
    println!("{json}");
    for f in &failures {
        eprintln!("FAILED {f}");
    }
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
