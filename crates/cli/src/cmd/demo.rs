//! `fanzha demo`: generate a scenario, ingest it, and show what fanzha sees in it.
//!
//! It grows with each capability; today it shows ingest, the store, the temporal graph, a
//! first look at the graph (accounts that many different payers paid within one day), and a
//! victim's report traced two hours after the payment: what to freeze, under every policy, and
//! back from the top freeze target to the victims.

use super::{gen, ingest, stats, trace};
use crate::observer::CliObserver;
use fanzha_graph::TemporalGraph;
use fanzha_ingest::{Format, IngestOptions, Inputs};
use fanzha_model::{AccountIx, Ledger, Ts};
use fanzha_scenario::ScenarioConfig;
use fanzha_storage::Store;
use fanzha_trace::{Backward, Forward, Policy, Tracer};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Working directory (data/ and db/ go inside)
    #[arg(long, default_value = "fanzha-demo")]
    dir: PathBuf,
    /// Random seed of the scenario
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Then serve the API and the console on ADDR, with demo users printed (Ctrl-C stops)
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8080")]
    serve: Option<std::net::SocketAddr>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let code = walkthrough(&args)?;
    match args.serve {
        None => {
            println!("\nnext: `fanzha demo --dir {} --serve` opens the console on this scenario", args.dir.display());
            Ok(code)
        }
        Some(addr) => serve_console(&args.dir.join("db"), addr),
    }
}

/// Demo users (one per role; the liaison for ICBC) with fresh passwords, printed once; then serve.
fn serve_console(db: &std::path::Path, addr: std::net::SocketAddr) -> anyhow::Result<ExitCode> {
    use fanzha_console::auth::{generate_password, hash_password};
    use fanzha_console::db::{Db, Role};
    let mut console = Db::open(&db.join(fanzha_console::DB_FILE))?;
    println!("\n== 10. the console: demo users (passwords shown once) ==");
    let now = fanzha_model::Ts::now().0;
    let existing: Vec<String> = console.users()?.into_iter().map(|u| u.name).collect();
    for (name, role, bank) in [
        ("analyst", Role::Analyst, None),
        ("supervisor", Role::Supervisor, None),
        ("auditor", Role::Auditor, None),
        ("icbc", Role::Liaison, Some("ICBC")),
    ] {
        if existing.iter().any(|n| n == name) {
            println!("{name:<11} {:<11} (exists; keeps its password)", role.as_str());
            continue;
        }
        let password = generate_password();
        let hash = hash_password(&password);
        console.atomically(|db| {
            db.add_user(name, role, bank, &hash, now)?;
            db.audit(now, "cli", "user.add", &format!("user:{name}"), role.as_str())
        })?;
        println!("{name:<11} {:<11} {password}", role.as_str());
    }
    seed_work(db, &mut console, now)?;
    // A key for ICBC's systems, to try the bank API (shown once; a new one each start).
    let scopes = [fanzha_server::Scope::Check, fanzha_server::Scope::Record, fanzha_server::Scope::ListsRead];
    let (_, key) = console.add_key("demo ICBC", Some("ICBC"), &scopes, "cli", now)?;
    println!("API key of ICBC (check, record, lists:read): {key}");
    println!("  curl -H 'Authorization: Bearer {key}' http://{addr}/v1/transfers/check -d '{{\"from_account\":\"A\",\"to_account\":\"B\",\"amount_fen\":100}}'");
    drop(console);
    // The scenario labels every planted mule: detection must not learn from that answer key. The
    // check still reads the labels as the centre's confirmed cases.
    println!("the planted mule labels stand for the centre's confirmed cases: the check blocks payments into them (payee_confirmed_mule)");
    let mut serve = crate::cmd::check::ServeArgs::new(db.to_path_buf(), addr);
    serve.learn_cases = crate::cmd::detect::LearnCases::Never;
    crate::cmd::check::run_serve(serve)
}

/// Work for every demo user on first login (once per console database): the largest victim
/// payment reported two hours later as a case (the analyst's), its freeze requests drafted and
/// approved (each bank's liaison has one to answer), and detection's alerts waiting in the queue.
fn seed_work(db: &std::path::Path, console: &mut fanzha_console::db::Db, now: i64) -> anyhow::Result<()> {
    use fanzha_console::db::Page;
    if !console.cases(Page::new(0))?.is_empty() {
        return Ok(());
    }
    let store = fanzha_storage::LogStore::open(db, fanzha_storage::OpenMode::Read)?;
    let ledger = store.ledger();
    let graph = TemporalGraph::build(ledger);
    let raised = fanzha_console::alerts::raise(console, &fanzha_console::alerts::detect(ledger, &graph, None), now)?;
    let Some(seed) = fanzha_detect::labels::largest_victim_payment(ledger) else { return Ok(()) };
    let t = ledger.transfer(seed);
    let victim = t.from.map_or_else(String::new, |a| ledger.account_id(a).to_string());
    let case = fanzha_console::NewCase {
        title: "受害人报案:转账至“安全账户” (demo)".into(),
        victim,
        txns: vec![ledger.txn_id(seed).to_string()],
        typology: "police_gov".into(),
        narrative: "演示案件:受害人在付款两小时后报案。Demo case: the victim reported two hours after paying.".into(),
        as_of: Some(Ts(t.ts.0 + 2 * 3600)),
        alert: None,
    };
    let report = fanzha_console::forward(case.request().run(ledger, &graph).map_err(|e| e.to_string()))
        .map_err(|e| anyhow::anyhow!("tracing the demo case: {e}"))?;
    let id = fanzha_console::open_case(console, ledger, &case, &report, "analyst", now)?;
    let opened = console.case(id)?.ok_or_else(|| anyhow::anyhow!("case {id} was just stored"))?;
    let requests = fanzha_console::draft_requests(console, &opened, "analyst", now)?;
    for &r in &requests {
        fanzha_console::approve_request(console, r, "supervisor", now)?;
    }
    println!(
        "work waiting: case #{id} with {} approved freeze requests (one per bank), {} mule and {} card-farmer alerts",
        requests.len(),
        raised.mules,
        raised.farmers
    );
    Ok(())
}

fn walkthrough(args: &Args) -> anyhow::Result<ExitCode> {
    let data = args.dir.join("data");
    let db = args.dir.join("db");
    println!("== 1. generate a scenario (seed {}) ==", args.seed);
    let summary = gen::write(&ScenarioConfig { seed: args.seed, ..ScenarioConfig::default() }, &data)?;
    gen::print_summary(&summary, &data);

    println!("\n== 2. ingest into the durable store {} ==", db.display());
    let inputs = Inputs {
        accounts: Some(data.join("accounts.csv")),
        transfers: Some(data.join("transfers.csv")),
        labels: Some(data.join("labels.csv")),
    };
    let mut obs = CliObserver::new(false, None, false);
    let start = Instant::now();
    let (report, store) = ingest::ingest_into(&db, Format::Fanzha, &inputs, &IngestOptions::default(), &mut obs)?;
    let unprinted = obs.finish()?;
    ingest::print_summary(&report, start.elapsed().as_secs_f64(), unprinted);

    println!("\n== 3. what the store holds ==");
    let ledger = store.ledger();
    stats::print(&fanzha_model::LedgerStats::of(ledger));

    println!("\n== 4. temporal graph ==");
    let start = Instant::now();
    let graph = TemporalGraph::build(ledger);
    println!(
        "{} edges over {} accounts, built in {:.1} ms, {:.1} bytes per transfer",
        graph.edge_count(),
        graph.account_count(),
        start.elapsed().as_secs_f64() * 1e3,
        graph.heap_bytes() as f64 / graph.edge_count().max(1) as f64
    );

    println!("\n== 5. first look: accounts paid by the most different payers within 24 hours ==");
    let mules = fanzha_detect::labels::mule_accounts(ledger);
    let mut ranked: Vec<(usize, AccountIx)> =
        (0..graph.account_count()).map(AccountIx::of).map(|a| (graph.most_payers_within(a, 86_400), a)).collect();
    ranked.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    println!("{:<22} {:<8} {:<8} {:>7}  planted mule?", "account", "bank", "opened", "payers");
    for &(payers, a) in ranked.iter().filter(|(_, a)| !ledger.account(*a).is_organisational()).take(8) {
        let acc = ledger.account(a);
        println!(
            "{:<22} {:<8} {:<8} {:>7}  {}",
            ledger.account_id(a),
            acc.bank.map_or("-", |b| ledger.bank_code(b)),
            acc.open_region.map_or("-".to_string(), |r| r.to_string()),
            payers,
            if mules.contains(&a) { "yes" } else { "no" }
        );
    }
    println!("(personal accounts only; merchants and employers are paid by many by design)");

    let Some(seed) = fanzha_detect::labels::largest_victim_payment(ledger) else {
        println!("\n(no victim payments in this scenario to trace)");
        return Ok(ExitCode::SUCCESS);
    };
    let reported = Ts(ledger.transfer(seed).ts.0 + 2 * 3600);
    println!(
        "\n== 6. a victim reports payment {} two hours later ({}): trace it ==",
        ledger.txn_id(seed),
        reported.to_rfc3339_shanghai()
    );
    let tracer = Tracer::new(ledger, &graph);
    let start = Instant::now();
    let forward = Forward { as_of: Some(reported), ..Forward::new(vec![seed]) };
    let report = tracer.report(&tracer.forward(&forward)?);
    let took = start.elapsed().as_secs_f64() * 1e3;
    trace::print_trace(&report, 8);
    println!("(traced and ranked in {took:.2} ms)");
    let svg = args.dir.join("trace.svg");
    std::fs::write(&svg, fanzha_trace::to_svg(&report))?;
    let csv = args.dir.join("freeze.csv");
    fanzha_trace::write_freeze_csv(&report.freeze, &mut std::fs::File::create(&csv)?)?;
    println!("drawing: {}   freeze requests: {}", svg.display(), csv.display());

    println!("\n== 7. the same report under each policy (which money leaves an account first) ==");
    println!("{:<9} {:>13} {:>13} {:>13} {:>13}", "policy", "traced (¥)", "held", "cash out", "exits");
    for policy in Policy::ALL {
        let t = tracer.forward(&Forward { policy, ..forward.clone() })?;
        println!(
            "{:<9} {:>13} {:>13} {:>13} {:>13}",
            policy.as_str(),
            t.traced.to_string(),
            t.held_total().to_string(),
            t.cash_out_total().to_string(),
            t.exits_total().to_string()
        );
    }

    if let Some(top) = report.held.first() {
        println!("\n== 8. backward from the top freeze target {}: whose money is in it? ==", top.account);
        let back = Backward {
            account: ledger.account_ix(&top.account),
            txn: None,
            policy: Policy::Fifo,
            max_hops: Backward::DEFAULT_MAX_HOPS,
            as_of: Some(reported),
        };
        let p = tracer.provenance_report(&tracer.backward(&back)?);
        trace::print_provenance(&p, 8);
    }
    println!(
        "\nnext: `fanzha trace --db {} --txn {} --as-of {}`",
        db.display(),
        ledger.txn_id(seed),
        reported.to_rfc3339_shanghai()
    );
    detection(ledger, &graph, &db);
    Ok(ExitCode::SUCCESS)
}

/// Step 9: mule accounts (rules and the shipped model) and card farmers, next to the planted ones.
fn detection(ledger: &Ledger, graph: &TemporalGraph, db: &std::path::Path) {
    use fanzha_detect::mules::{self, MuleConfig};
    use fanzha_detect::{labels, MuleModel};
    println!("\n== 9. mule accounts and card farmers (no labels used; compared with the planted ones) ==");
    let start = Instant::now();
    let scored = mules::score_store(ledger, graph, None, &MuleModel::shipped(), &MuleConfig::default(), false, &[]);
    let mut scores = scored.scores;
    let active = scores.len();
    scores.retain(|s| s.flagged);
    scores.sort_by(|a, b| b.score.total_cmp(&a.score));
    let planted = labels::mule_accounts(ledger);
    let right = scores.iter().filter(|s| planted.contains(&s.account)).count();
    println!(
        "{} of {} active accounts flagged as mules ({} of them planted; {} planted in all), in {:.1} s",
        scores.len(),
        active,
        right,
        planted.len(),
        start.elapsed().as_secs_f64()
    );
    for s in scores.iter().take(5) {
        let why = s.reasons.first().map_or("", |r| r.message_zh.as_str());
        println!("  {:<22} {:.2}  {why}", ledger.account_id(s.account), s.score);
    }
    let farmers: Vec<_> = scored.farmers.into_iter().filter(|f| f.flagged).collect();
    let planted_farmers = labels::farmer_holders(ledger);
    let found = farmers.iter().filter(|f| planted_farmers.contains(&f.holder)).count();
    println!("{} card farmers flagged ({found} of {} planted)", farmers.len(), planted_farmers.len());
    if let Some(f) = farmers.first() {
        println!("  {}  {}", f.masked, f.reasons.first().map_or("", |r| r.0.as_str()));
    }
    println!("next: `fanzha detect mules --db {}`", db.display());
}
