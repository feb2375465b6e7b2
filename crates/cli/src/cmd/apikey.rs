//! `fanzha apikey add|list|revoke`: keys of the banks and police systems that call the API, issued
//! and revoked from the terminal (every change audited; a revocation holds from the server's next
//! call, also while it runs).

use crate::cmd::user::{now, ConsoleStore};
use clap::{Args as ClapArgs, Subcommand};
use fanzha_server::Scope;
use std::process::ExitCode;

#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Issue a key; it is printed once, on the last line (only its SHA-256 is kept).
    Add {
        #[command(flatten)]
        store: ConsoleStore,
        /// The bank the key speaks for (required for `record`: a bank records only its own
        /// transfers). Without it the key belongs to the centre's own systems.
        #[arg(long)]
        bank: Option<String>,
        /// Comma-separated: check, record, lists:read, lists:write, reports:read, rules:read, metrics, investigate.
        #[arg(long)]
        scope: String,
        /// A label for the key (default: the bank and the scopes).
        #[arg(long)]
        name: Option<String>,
    },
    /// List the keys issued (never the keys themselves).
    List {
        #[command(flatten)]
        store: ConsoleStore,
    },
    /// Revoke a key by its id.
    Revoke {
        #[command(flatten)]
        store: ConsoleStore,
        /// The key's id (see `fanzha apikey list`).
        #[arg(long)]
        id: i64,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Add { store, bank, scope, name } => {
            let scopes = Scope::parse_list(&scope).map_err(|e| anyhow::anyhow!("--scope: {e}"))?;
            anyhow::ensure!(!scopes.is_empty(), "--scope: give at least one scope");
            let bank = bank.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
            anyhow::ensure!(
                bank.is_some() || !scopes.contains(&Scope::Record),
                "the record scope needs --bank CODE: a bank records only its own transfers"
            );
            if let Some(b) = &bank {
                anyhow::ensure!(
                    b.len() <= 64 && !b.chars().any(char::is_control),
                    "--bank must be 1-64 printable characters"
                );
            }
            let words: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
            let name = name.unwrap_or_else(|| format!("{} {}", bank.as_deref().unwrap_or("centre"), words.join(",")));
            anyhow::ensure!(name.chars().count() <= 200, "--name must be at most 200 characters");
            let (id, key) = store.open()?.add_key(&name, bank.as_deref(), &scopes, "cli", now())?;
            store.signal()?;
            println!("issued key {id} ({name}): bank {}, scopes {}", bank.as_deref().unwrap_or("-"), words.join(","));
            println!("send it as `Authorization: Bearer <key>`; it is shown only now:");
            println!("{key}");
        }
        What::List { store } => {
            println!("{:>4}  {:<8} {:<40} {:<28} status", "id", "bank", "scopes", "name");
            for k in store.open()?.keys()? {
                let scopes: Vec<&str> = k.scopes.iter().map(|s| s.as_str()).collect();
                let status = match k.revoked_at {
                    Some(t) => format!("revoked {}", fanzha_model::Ts(t).to_rfc3339_shanghai()),
                    None => "live".to_string(),
                };
                println!(
                    "{:>4}  {:<8} {:<40} {:<28} {status}",
                    k.id,
                    k.bank.as_deref().unwrap_or("-"),
                    scopes.join(","),
                    k.name
                );
            }
        }
        What::Revoke { store, id } => {
            anyhow::ensure!(store.open()?.revoke_key(id, "cli", now())?, "no live key {id}");
            store.signal()?;
            println!("revoked key {id}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
