//! `fanzha detect mules|card-farming`, `fanzha train` and `fanzha eval`: who carries fraud money,
//! who farms cards, and how well the detector does against labels.

use crate::cmd::trace::{load, Loaded};
use anyhow::Context;
use fanzha_detect::cases::{CasesConfig, Outcome};
use fanzha_detect::farming::{self, FarmerScore, FarmingConfig, Ring};
use fanzha_detect::metrics::Quality;
use fanzha_detect::mules::{self, MuleConfig, MuleScore};
use fanzha_detect::training::TrainingSet;
use fanzha_detect::{evaluation, labels, MuleModel, TrainParams};
use fanzha_model::{AccountIx, Ledger, Ts};
use fanzha_storage::Store;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// Score accounts as mule accounts (rules and the model) and say why
    Mules(MulesArgs),
    /// Holders who open many cards fast, at many banks, in many cities or far from home
    CardFarming(FarmingArgs),
}

/// Where the data and the model come from.
#[derive(clap::Args)]
pub struct Source {
    /// Store directory
    #[arg(long)]
    db: PathBuf,
    /// Use only transfers at or before this time (RFC 3339 with offset); default: all
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
}

#[derive(clap::Args)]
pub struct MulesArgs {
    #[command(flatten)]
    source: Source,
    /// Mule model file (from `fanzha train`); default: the model shipped with fanzha
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// JSON output: {"accounts":[{"account","score","flagged","reasons":[...]}]}
    #[arg(long)]
    json: bool,
    /// List every scored account (with reasons), not only the flagged ones
    #[arg(long)]
    all: bool,
    /// Rows in the text output
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Show every feature of this account (its own, its neighbours', the shapes it is in), with its
    /// contribution to the model's log-odds and the score, instead of the list: why it is or is not
    /// flagged
    #[arg(long, value_name = "ACCOUNT")]
    explain: Option<String>,
    #[command(flatten)]
    cases: CasesArgs,
}

/// Learning from the store's confirmed cases.
#[derive(clap::Args)]
pub struct CasesArgs {
    /// Learn from the store's confirmed mule accounts (its own `mule` labels, not a `--labels`
    /// file): trees fitted on top of the model, each account scored by trees that never saw its
    /// own label; needs 30 confirmed accounts (docs/detection.md). `auto` (the default) uses what
    /// they learn only when it clears 7 % or more of the model's flags; `always` (the flag alone)
    /// whatever it clears; `never`: the model alone, the default with `--until` (the labels may
    /// come from after it)
    #[arg(long, value_enum, value_name = "WHEN", num_args = 0..=1, default_missing_value = "always")]
    learn_cases: Option<LearnCases>,
}

/// When the cases' verdict is used.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum LearnCases {
    /// Always.
    Always,
    /// When it clears 7 % or more of the shipped model's flags.
    Auto,
    /// Never: the shipped model alone.
    Never,
}

/// Tells the user on stderr what became of learning from the store's cases, unless it was turned
/// off, or left at its default on a store that confirms no mule account at all.
fn tell_cases(args: &CasesArgs, outcome: &Option<Outcome>) {
    match outcome {
        Some(Outcome::TooFew { cases: 0, .. }) if args.learn_cases.is_none() => {}
        Some(o) => eprintln!("{}", o.message_en()),
        None => {}
    }
}

impl CasesArgs {
    /// The mule settings these flags ask for, for a run judged as of `until` (`None`: all data).
    fn config(&self, until: Option<Ts>) -> MuleConfig {
        let default = if until.is_some() { LearnCases::Never } else { LearnCases::Auto };
        MuleConfig { cases: self.learn_cases.unwrap_or(default).config(), ..MuleConfig::default() }
    }
}

impl LearnCases {
    /// The learning these words ask for (`None`: never).
    pub(crate) fn config(self) -> Option<CasesConfig> {
        match self {
            LearnCases::Always => Some(CasesConfig::default()),
            LearnCases::Auto => Some(CasesConfig::auto()),
            LearnCases::Never => None,
        }
    }
}

#[derive(clap::Args)]
pub struct FarmingArgs {
    /// Store directory
    #[arg(long)]
    db: PathBuf,
    /// JSON output: {"holders":[{"holder","score","flagged","accounts":[...],"reasons":[...]}],"rings":[...]}
    #[arg(long)]
    json: bool,
    /// List every holder with two or more accounts, not only the flagged ones
    #[arg(long)]
    all: bool,
    /// Judge as of this time (RFC 3339): later accounts and transfers are not seen
    #[arg(long)]
    until: Option<String>,
    /// Accounts opened within the window (N)
    #[arg(long, default_value_t = FarmingConfig::default().min_accounts)]
    min_accounts: usize,
    /// Distinct banks (B)
    #[arg(long, default_value_t = FarmingConfig::default().min_banks)]
    min_banks: usize,
    /// Distinct cities (C)
    #[arg(long, default_value_t = FarmingConfig::default().min_cities)]
    min_cities: usize,
    /// The window (T), in days
    #[arg(long, default_value_t = FarmingConfig::default().window_days)]
    window_days: i64,
    /// Also a farmer: a holder with this many accounts opened within the window that the mule run
    /// (`fanzha detect mules`, run first) flags
    #[arg(long, default_value_t = FarmingConfig::default().min_flagged_cards)]
    min_flagged_cards: usize,
    /// Also a farmer: a holder with this many accounts opened within --burst-days, one of them
    /// flagged by the mule run (0: off)
    #[arg(long, default_value_t = FarmingConfig::default().burst_accounts)]
    burst_accounts: usize,
    /// The days of such a burst of openings
    #[arg(long, default_value_t = FarmingConfig::default().burst_days)]
    burst_days: i64,
    /// The mule run's model (default: the shipped one)
    #[arg(long)]
    model: Option<PathBuf>,
    /// Rows in the text output
    #[arg(long, default_value_t = 20)]
    top: usize,
    #[command(flatten)]
    cases: CasesArgs,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    #[command(flatten)]
    source: Source,
    /// Labels as CSV `account_id,label` (label 1 or 0); only the accounts listed are used.
    /// Default: the store's own labels (mule, isFraud, Is Laundering), every active account
    #[arg(long, value_name = "FILE")]
    labels: Option<PathBuf>,
    /// Where to write the model
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Another store to train on as well, with its own labels (repeatable): a model trained on
    /// several worlds learns what they share rather than one world's quirks
    #[arg(long, value_name = "DIR")]
    also: Vec<PathBuf>,
    /// Another store learnt by the end-of-data stages only, not by the live stage (repeatable;
    /// `--also-late-start` is the old name): a copy of a world whose data starts later
    /// (`bench/lib/later_start.py`) teaches them that a short history says nothing of an old
    /// account; a world whose early moments should not teach the live check goes here too
    #[arg(long, value_name = "DIR", alias = "also-late-start")]
    also_end_of_data: Vec<PathBuf>,
    /// Boosting rounds
    #[arg(long, default_value_t = TrainParams::default().iterations)]
    iterations: usize,
    /// Depth of each tree
    #[arg(long, default_value_t = TrainParams::default().max_depth)]
    max_depth: usize,
    /// Folds: each stage is fitted once per fold on the others, and the fits are its bag.
    #[arg(long, default_value_t = TrainParams::default().folds, value_parser = clap::value_parser!(u64).range(2..=20))]
    folds: u64,
    /// Moments of each store at which the live stage (the check's payee score) learns the
    /// accounts' own features as they stood then.
    #[arg(long, default_value_t = LIVE_MOMENTS, value_parser = clap::value_parser!(u64).range(1..=30))]
    moments: u64,
    /// The end-of-data stages also learn each `--also-end-of-data` store as it stood this many days
    /// after its first transfer (repeatable, one copy per value; none where that is not before the
    /// store's last transfer and `--until`): the check's detection runs score accounts over the
    /// first days of an extract, when an old account's short history looks like a short life. A
    /// mule enters such a copy only once it has taken fraud money
    #[arg(long, value_name = "DAYS", requires = "also_end_of_data", value_parser = clap::value_parser!(u64).range(1..=365))]
    early_days: Vec<u64>,
}

/// The early copies made (`fanzha train --early-days`) for the model's provenance (empty when none).
fn early_days(days: &std::collections::BTreeSet<u64>) -> String {
    if days.is_empty() {
        return String::new();
    }
    let list: Vec<String> = days.iter().map(u64::to_string).collect();
    format!("; end-of-data stages also as of day {} of each end-of-data store", list.join(", "))
}

/// Default of `fanzha train --moments`.
const LIVE_MOMENTS: u64 = 4;

#[derive(clap::Args)]
pub struct EvalArgs {
    #[command(flatten)]
    source: Source,
    /// Labels as CSV `account_id,label`; only the accounts listed are scored. Default: the store's labels
    #[arg(long, value_name = "FILE")]
    labels: Option<PathBuf>,
    /// Mule model file; default: the model shipped with fanzha
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// JSON output
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    cases: CasesArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Mules(a) => run_mules(a),
        What::CardFarming(a) => run_farming(a),
    }
}

fn until(source: &Source) -> anyhow::Result<Option<Ts>> {
    source.until.as_deref().map(|t| Ts::parse_rfc3339(t).map_err(|e| anyhow::anyhow!("--until '{t}': {e}"))).transpose()
}

/// The mule model at `path`, or the shipped one.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<MuleModel> {
    match path {
        Some(p) => MuleModel::load(p).with_context(|| format!("loading model {}", p.display())),
        None => Ok(MuleModel::shipped()),
    }
}

fn run_mules(args: MulesArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.source.db)?;
    let ledger = loaded.store.ledger();
    let model = load_model(args.model.as_deref())?;
    if let Some(id) = &args.explain {
        return explain(&loaded, &args.source, &model, &args.cases, id);
    }
    let until = until(&args.source)?;
    let warnings = fanzha_detect::quality::warnings(ledger, &loaded.graph, until);
    for w in &warnings {
        eprintln!("warning: {}", w.message_en);
    }
    let scored = mules::score_store(ledger, &loaded.graph, until, &model, &args.cases.config(until), args.all, &[]);
    tell_cases(&args.cases, &scored.cases);
    let mut scores = scored.scores;
    scores.sort_by(|a, b| b.flagged.cmp(&a.flagged).then(b.score.total_cmp(&a.score)));
    let flagged = scores.iter().filter(|s| s.flagged).count();
    let shown: Vec<&MuleScore> = scores.iter().filter(|s| args.all || s.flagged).collect();
    if args.json {
        let rows: Vec<_> = shown.iter().map(|s| mule_json(ledger, s)).collect();
        let out = json!({"scored": scores.len(), "flagged": flagged, "threshold": model.threshold, "warnings": warnings, "cases": scored.cases, "accounts": rows});
        println!("{}", serde_json::to_string(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} accounts scored, {flagged} flagged as mule accounts (model threshold {:.3})",
        scores.len(),
        model.threshold
    );
    for s in shown.iter().take(args.top) {
        let a = ledger.account(s.account);
        let bank = a.bank.map_or("-", |b| ledger.bank_code(b));
        let learned = s.learned.map(|q| format!(", learned from the store's cases {q:.2}")).unwrap_or_default();
        println!(
            "\n{}  {bank}  score {:.2} (model {:.2}{learned}, rules {:.2})",
            ledger.account_id(s.account),
            s.score,
            s.model,
            s.rules
        );
        for r in &s.reasons {
            println!("  - {}", r.message_zh);
        }
    }
    if shown.len() > args.top {
        println!("\n… {} more (use --top or --json)", shown.len() - args.top);
    }
    Ok(ExitCode::SUCCESS)
}

/// `detect mules --explain ACCOUNT`: every feature of one account, what it adds to the model's
/// log-odds, and the verdict.
fn explain(
    loaded: &Loaded,
    source: &Source,
    model: &MuleModel,
    cases: &CasesArgs,
    id: &str,
) -> anyhow::Result<ExitCode> {
    let ledger = loaded.store.ledger();
    let account = ledger.account_ix(id).with_context(|| format!("no account '{id}' in the store"))?;
    let until = until(source)?;
    let scored = mules::score_store(ledger, &loaded.graph, until, model, &cases.config(until), true, &[account]);
    tell_cases(cases, &scored.cases);
    let position = scored.accounts.iter().position(|&a| a == account).expect("extra accounts are scored");
    let s = &scored.scores[position];
    println!(
        "{id}: score {:.3} (model {:.3}, rules {:.3}), {}",
        s.score,
        s.model,
        s.rules,
        if s.flagged { "flagged" } else { "not flagged" }
    );
    for r in &s.reasons {
        println!("  - {}", r.message_en);
    }
    // Each feature's value and its Shapley contribution to the model's log-odds: what raised the
    // score and, for an account not flagged, what held it down.
    let row = &scored.rows[position];
    println!("  {:<40} {:<24} {:>8}", "feature", "value", "log-odds");
    for ((info, v), c) in fanzha_detect::FEATURES.iter().zip(row.iter()).zip(model.contributions(row)) {
        let shown = fanzha_detect::catalog::show(info, *v, false);
        println!("  {:<40} {:<24} {:>+8.2}", info.name, shown, c);
    }
    Ok(ExitCode::SUCCESS)
}

fn mule_json(ledger: &Ledger, s: &MuleScore) -> serde_json::Value {
    let a = ledger.account(s.account);
    json!({
        "account": ledger.account_id(s.account),
        "bank": a.bank.map(|b| ledger.bank_code(b)),
        "score": round(s.score),
        "model": round(s.model),
        "learned": s.learned.map(round),
        "rules": round(s.rules),
        "flagged": s.flagged,
        "reasons": s.reasons,
    })
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn run_farming(args: FarmingArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.db)?;
    let ledger = loaded.store.ledger();
    let cfg = FarmingConfig {
        min_accounts: args.min_accounts,
        min_banks: args.min_banks,
        min_cities: args.min_cities,
        window_days: args.window_days,
        min_flagged_cards: args.min_flagged_cards,
        burst_accounts: args.burst_accounts,
        burst_days: args.burst_days,
        ..FarmingConfig::default()
    };
    let until = args.until.as_deref().map(Ts::parse_rfc3339).transpose().context("--until")?;
    let model = load_model(args.model.as_deref())?;
    let mule_cfg = MuleConfig { farming: cfg, ..args.cases.config(until) };
    let scored = mules::score_store(ledger, &loaded.graph, until, &model, &mule_cfg, false, &[]);
    tell_cases(&args.cases, &scored.cases);
    let all = scored.farmers;
    let flagged: Vec<&FarmerScore> = all.iter().filter(|f| f.flagged).collect();
    let rings = farming::rings(ledger, &loaded.graph, &flagged, &cfg, until);
    let shown: Vec<&FarmerScore> = all.iter().filter(|f| args.all || f.flagged).collect();
    let masked: FxHashMap<_, _> = all.iter().map(|f| (f.holder, f.masked.as_str())).collect();
    if args.json {
        let holders: Vec<_> = shown.iter().map(|f| farmer_json(ledger, f)).collect();
        let rings: Vec<_> = rings.iter().map(|r| ring_json(ledger, r, &masked)).collect();
        let out = json!({"scored": all.len(), "flagged": flagged.len(), "holders": holders, "rings": rings});
        println!("{}", serde_json::to_string(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} holders with two or more accounts, {} flagged as card farmers", all.len(), flagged.len());
    for f in shown.iter().take(args.top) {
        println!("\n{}  score {:.2}  {} accounts", f.masked, f.score, f.cards.len());
        for (zh, _) in &f.reasons {
            println!("  - {zh}");
        }
        for c in &f.cards {
            let a = ledger.account(c.account);
            println!(
                "    {}  {}  opened {}  {}",
                ledger.account_id(c.account),
                a.bank.map_or("-", |b| ledger.bank_code(b)),
                c.opened_at.map_or("-".into(), Ts::to_rfc3339_shanghai),
                a.open_region.map_or("-".into(), |r| r.to_string()),
            );
        }
    }
    if !rings.is_empty() {
        println!("\ncard-supply rings (holders whose cards deal with the same accounts or take cash out together):");
        for r in &rings {
            let names: Vec<&str> = r.holders.iter().map(|h| masked[h]).collect();
            println!(
                "  {} holders: {}  ({} shared counterparties, {} shared cash places and days)",
                names.len(),
                names.join(", "),
                r.shared.len(),
                r.places.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn farmer_json(ledger: &Ledger, f: &FarmerScore) -> serde_json::Value {
    let cards: Vec<_> = f
        .cards
        .iter()
        .map(|c| {
            let a = ledger.account(c.account);
            json!({
                "account": ledger.account_id(c.account),
                "bank": a.bank.map(|b| ledger.bank_code(b)),
                "opened_at": c.opened_at.map(Ts::to_rfc3339_shanghai),
                "open_region": a.open_region.map(|r| r.to_string()),
                "km_from_home": c.km_from_home.map(|k| k.round()),
                "first_use": c.first_use.map(Ts::to_rfc3339_shanghai),
            })
        })
        .collect();
    let reasons: Vec<_> = f.reasons.iter().map(|(zh, en)| json!({"message_zh": zh, "message_en": en})).collect();
    json!({
        "holder": f.masked,
        "holder_digest": f.holder.to_string(),
        "score": round(f.score),
        "flagged": f.flagged,
        "opened_in_window": f.opened_in_window,
        "window_days": f.window_days,
        "banks": f.banks,
        "cities": f.cities,
        "far_from_home": f.far_from_home,
        "flagged_cards": f.flagged_cards,
        "accounts": cards,
        "reasons": reasons,
    })
}

fn ring_json(ledger: &Ledger, r: &Ring, masked: &FxHashMap<fanzha_model::HolderDigest, &str>) -> serde_json::Value {
    let holders: Vec<_> = r.holders.iter().map(|h| masked[h]).collect();
    let shared: Vec<_> = r.shared.iter().map(|&a| ledger.account_id(a)).collect();
    let places: Vec<_> = r
        .places
        .iter()
        .map(|p| {
            let day = p.day.to_rfc3339_shanghai();
            json!({"region": p.region.to_string(), "day": &day[..10]})
        })
        .collect();
    json!({"holders": holders, "shared_counterparties": shared, "shared_cash_places": places})
}

/// Reads an `account_id,label` file (see [`labels::parse_rows`]); bad rows are reported with
/// file, line and reason and stop the run, so a model is never trained on half a file.
fn read_labels(path: &Path, ledger: &Ledger) -> anyhow::Result<Vec<(AccountIx, bool)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let read = labels::account_labels(&text, ledger).map_err(|bad| bad_rows(path, &bad))?;
    if read.unknown > 0 {
        eprintln!("note: {} account id(s) in {} are not in this store", read.unknown, path.display());
    }
    Ok(read.labels)
}

/// Bad label rows as one error naming the file and each line.
pub(crate) fn bad_rows(path: &Path, bad: &[labels::BadRow]) -> anyhow::Error {
    let rows: Vec<String> = bad.iter().map(|b| format!("{}:{}: {}", path.display(), b.line, b.reason)).collect();
    anyhow::anyhow!("{} bad row(s):\n{}", rows.len(), rows.join("\n"))
}

pub fn run_train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut set = TrainingSet::new();
    let moments = usize::try_from(args.moments).expect("at most 30");
    let until = until(&args.source)?;
    // Each store with its labels file, its live-stage moments and whether it is end-of-data only.
    let sources = std::iter::once((args.source.db.clone(), args.labels.as_deref(), moments, false))
        .chain(args.also.iter().map(|d| (d.clone(), None, moments, false)))
        .chain(args.also_end_of_data.iter().map(|d| (d.clone(), None, 0, true)));
    let early: std::collections::BTreeSet<u64> = args.early_days.iter().copied().collect();
    let mut early_made = std::collections::BTreeSet::new();
    for (db, label_file, moments, end_only) in sources {
        let loaded = load(&db)?;
        let ledger = loaded.store.ledger();
        let file = label_file.map(|path| read_labels(path, ledger)).transpose()?;
        set.add(ledger, &loaded.graph, until, file.as_deref(), moments);
        if !end_only {
            continue;
        }
        let Some(first) = loaded.graph.first_ts() else { continue };
        for &days in &early {
            let at = Ts(first.0 + i64::try_from(days).expect("at most 365") * 86_400);
            let before_the_end = loaded.graph.edges_until(Some(at)) < loaded.graph.edge_count();
            if before_the_end && until.is_none_or(|u| at < u) {
                set.add_early(ledger, &loaded.graph, at, file.as_deref());
                early_made.insert(days);
            }
        }
    }
    let params = TrainParams {
        iterations: args.iterations,
        max_depth: args.max_depth,
        folds: args.folds,
        ..TrainParams::default()
    };
    let end_only = args.also_end_of_data.iter().map(|d| format!(" + {} (end-of-data stages only)", d.display()));
    let also: String = args.also.iter().map(|d| format!(" + {}", d.display())).chain(end_only).collect();
    let source = format!(
        "store {}{also}{}{}",
        args.source.db.display(),
        args.labels.as_ref().map_or(String::new(), |l| format!(", labels {}", l.display())),
        args.source.until.as_ref().map_or(String::new(), |u| format!(", until {u}")),
    ) + &early_days(&early_made);
    let started = std::time::Instant::now();
    let live_rows = set.live_rows();
    let model = set.train(&params, source)?;
    model.save(&args.out)?;
    println!(
        "trained on {} accounts ({} positive) and {} live rows in {:.1} s; threshold {:.3}, live {:.3}; wrote {}",
        model.provenance.rows,
        model.provenance.positives,
        live_rows,
        started.elapsed().as_secs_f64(),
        model.threshold,
        model.live_threshold,
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let loaded = load(&args.source.db)?;
    let ledger = loaded.store.ledger();
    let model = load_model(args.model.as_deref())?;
    let file = args.labels.as_deref().map(|path| read_labels(path, ledger)).transpose()?;
    let until = until(&args.source)?;
    let cfg = args.cases.config(until);
    let (q, all_farmers) = evaluation::mule_quality(ledger, &loaded.graph, until, &model, &cfg, file.as_deref());
    let (combined_q, model_q, rules_q) = (q.combined, q.model, q.rules);
    let farmers = evaluation::farmer_quality(ledger, &all_farmers);
    tell_cases(&args.cases, &q.cases);
    if args.json {
        let out = json!({"mules": {"combined": combined_q, "model": model_q, "rules": rules_q, "cases": q.cases}, "card_farmers": farmers});
        println!("{}", serde_json::to_string(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("mule accounts: {} scored, {} labelled positive", combined_q.items, combined_q.positives);
    println!("  {:<9} {:>8} {:>9} {:>7} {:>7} {:>7}", "", "flagged", "precision", "recall", "F1", "PR-AUC");
    for (name, q) in [("combined", &combined_q), ("model", &model_q), ("rules", &rules_q)] {
        print_quality(name, q);
    }
    if let Some(q) = &farmers {
        println!("card farmers: {} holders (2+ accounts, or labelled), {} labelled", q.items, q.positives);
        print_quality("detector", q);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_quality(name: &str, q: &Quality) {
    println!("  {name:<9} {:>8} {:>9.3} {:>7.3} {:>7.3} {:>7.3}", q.flagged, q.precision, q.recall, q.f1, q.pr_auc);
}
