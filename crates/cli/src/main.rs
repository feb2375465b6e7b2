//! `fanzha`: the command line of the fanzha counter-fraud engine. Thin glue: parse arguments,
//! call the library crates, print.

mod cmd;
mod observer;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "fanzha", version, about = "fanzha (反诈): counter-telecom-fraud engine")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load accounts, transfers and labels into a store (created if missing).
    Ingest(cmd::ingest::Args),
    /// Counts and time span of what a store holds.
    Stats(cmd::stats::Args),
    /// Generate a realistic scenario (ordinary life, card farmers, fraud cases) as interchange CSV.
    Gen(cmd::gen::Args),
    /// Generate a scenario, ingest it and show what fanzha sees.
    Demo(cmd::demo::Args),
    /// Is this message or call transcript a scam? Classify by typology, train and evaluate the model.
    Text(cmd::text::Args),
    /// Large-value and suspicious-transaction reports for the regulator.
    Report(cmd::report::Args),
    /// Follow reported transfers' money forward (what to freeze) or an account's money backward.
    Trace(cmd::trace::Args),
    /// Find mule accounts and card farmers, with reasons.
    Detect(cmd::detect::Args),
    /// Train the mule model on labelled accounts.
    Train(cmd::detect::TrainArgs),
    /// Measure mule and card-farming detection against labels (precision, recall, F1, PR-AUC).
    Eval(cmd::detect::EvalArgs),
    /// Per-edge pattern histograms (fan, degree, scatter-gather, cycles) of an edge list, GFP-compatible.
    Features(cmd::features::Args),
    /// Serve the HTTP API: transfer check, recording, lists, metrics, OpenAPI.
    Serve(cmd::check::ServeArgs),
    /// Console users: add, list, disable.
    User(cmd::user::Args),
    /// API keys of banks and police systems: add, list, revoke.
    Apikey(cmd::apikey::Args),
    /// The audit trail: verify its hash chain.
    Audit(cmd::audit::Args),
    /// Copy the valid part of a damaged store into a new one (the damaged store is only read).
    Salvage(cmd::salvage::Args),
    /// Replay history through the transfer check (no look-ahead) and measure each rule.
    Backtest(cmd::check::BacktestArgs),
    /// Measure ingest throughput, restart time and trace latency.
    Bench(cmd::bench::Args),
    /// Publish interchange files to NATS JetStream (fanzha.accounts.<bank>, fanzha.transfers.<bank>).
    Publish(cmd::stream::PublishArgs),
    /// Follow the JetStream stream into a store (durable consumer; acknowledged after each durable batch).
    Follow(cmd::stream::FollowArgs),
    /// What followers refused from the stream, and why (JSON Lines).
    DeadLetters(cmd::stream::DeadLettersArgs),
}

fn main() -> ExitCode {
    // Piping into `head` must end the program quietly, as for any Unix tool, not panic.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread or I/O starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Stats(a) => cmd::stats::run(a),
        Command::Gen(a) => cmd::gen::run(a),
        Command::Trace(a) => cmd::trace::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Text(a) => cmd::text::run(a),
        Command::Demo(a) => cmd::demo::run(a),
        Command::Detect(a) => cmd::detect::run(a),
        Command::Train(a) => cmd::detect::run_train(a),
        Command::Eval(a) => cmd::detect::run_eval(a),
        Command::Features(a) => cmd::features::run(a),
        Command::Serve(a) => cmd::check::run_serve(a),
        Command::Backtest(a) => cmd::check::run_backtest(a),
        Command::User(a) => cmd::user::run(a),
        Command::Apikey(a) => cmd::apikey::run(a),
        Command::Audit(a) => cmd::audit::run(a),
        Command::Salvage(a) => cmd::salvage::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Publish(a) => cmd::stream::run_publish(a),
        Command::Follow(a) => cmd::stream::run_follow(a),
        Command::DeadLetters(a) => cmd::stream::run_dead_letters(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}
