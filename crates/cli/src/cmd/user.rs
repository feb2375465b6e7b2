//! `fanzha user add|list|disable|reset`: console users, managed from the terminal (every change audited).

use anyhow::Context;
use clap::{Args as ClapArgs, Subcommand};
use fanzha_console::auth::{generate_password, hash_password};
use fanzha_console::db::{Db, Role};
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(ClapArgs)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// Add a user. The password is read from stdin (one line); with a terminal on stdin, or
    /// `--generate`, one is generated and printed once.
    Add {
        #[command(flatten)]
        store: ConsoleStore,
        /// Login name.
        #[arg(long)]
        name: String,
        /// analyst, supervisor, liaison (bank liaison) or auditor.
        #[arg(long)]
        role: String,
        /// The liaison's bank code (required for liaison).
        #[arg(long)]
        bank: Option<String>,
        /// Generate a password and print it.
        #[arg(long)]
        generate: bool,
    },
    /// List users.
    List {
        #[command(flatten)]
        store: ConsoleStore,
    },
    /// Set a new password for a user (read from stdin, or generated as for `add`) and end their
    /// sessions. A disabled user stays disabled.
    #[command(alias = "passwd")]
    Reset {
        #[command(flatten)]
        store: ConsoleStore,
        /// Login name.
        #[arg(long)]
        name: String,
        /// Generate a password and print it.
        #[arg(long)]
        generate: bool,
    },
    /// Disable a user and end their sessions.
    Disable {
        #[command(flatten)]
        store: ConsoleStore,
        /// Login name.
        #[arg(long)]
        name: String,
    },
}

/// Where the console's users live.
#[derive(ClapArgs)]
pub struct ConsoleStore {
    /// Store directory (the console database lives in it).
    #[arg(long)]
    db: PathBuf,
    /// The console database when it is not the store's SQLite file: `postgres://user:password@host/db`.
    #[arg(long, value_name = "URL")]
    console_db: Option<String>,
}

impl ConsoleStore {
    /// Tells a server running on this store that API keys changed.
    pub fn signal(&self) -> anyhow::Result<()> {
        fanzha_console::keys::signal_change(&self.db)
            .with_context(|| format!("telling running servers of {} that keys changed", self.db.display()))
    }

    /// Opens the console database of the store.
    pub fn open(&self) -> anyhow::Result<Db> {
        anyhow::ensure!(self.db.join("meta.json").exists(), "{} is not a fanzha store", self.db.display());
        fanzha_console::open_db(&self.db, self.console_db.as_deref())
            .with_context(|| "opening the console database".to_string())
    }
}

/// A new password: one line from stdin, or generated (with `generate`, or when stdin is a
/// terminal); whether it was generated (and must be shown).
fn new_password(generate: bool) -> anyhow::Result<(String, bool)> {
    let stdin = std::io::stdin();
    let (password, generated) = if generate || stdin.is_terminal() {
        (generate_password(), true)
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        (line.trim_end_matches(['\r', '\n']).to_string(), false)
    };
    anyhow::ensure!(password.chars().count() >= 10, "the password must have at least 10 characters");
    Ok((password, generated))
}

pub fn now() -> i64 {
    fanzha_model::Ts::now().0
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Add { store, name, role, bank, generate } => {
            let role = Role::parse(&role)
                .with_context(|| format!("--role '{role}': expected analyst, supervisor, liaison or auditor"))?;
            let name = name.trim().to_string();
            anyhow::ensure!(
                !name.is_empty() && name.len() <= 64 && !name.chars().any(char::is_control),
                "--name must be 1-64 printable characters"
            );
            anyhow::ensure!(role != Role::Liaison || bank.is_some(), "a liaison needs --bank CODE");
            let mut db = store.open()?;
            let (password, generated) = new_password(generate)?;
            let hash = hash_password(&password);
            db.atomically(|db| {
                db.add_user(&name, role, bank.as_deref(), &hash, now())?;
                db.audit(now(), "cli", "user.add", &format!("user:{name}"), role.as_str())
            })
            .with_context(|| format!("adding user '{name}' (does it exist already?)"))?;
            println!("added {name} ({}{})", role.as_str(), bank.map(|b| format!(", bank {b}")).unwrap_or_default());
            if generated {
                println!("password (shown once): {password}");
            }
        }
        What::Reset { store, name, generate } => {
            let mut db = store.open()?;
            let (password, generated) = new_password(generate)?;
            let hash = hash_password(&password);
            let found = db.atomically(|db| {
                let found = db.set_password(&name, &hash)?;
                if found {
                    db.audit(now(), "cli", "user.reset", &format!("user:{name}"), "")?;
                }
                Ok(found)
            })?;
            anyhow::ensure!(found, "no user '{name}'");
            println!("new password set for {name}; their sessions are ended");
            if generated {
                println!("password (shown once): {password}");
            }
        }
        What::List { store } => {
            let mut db = store.open()?;
            println!("{:<24} {:<11} {:<10} status", "name", "role", "bank");
            for u in db.users()? {
                let status = if u.disabled { "disabled" } else { "active" };
                println!("{:<24} {:<11} {:<10} {status}", u.name, u.role.as_str(), u.bank.as_deref().unwrap_or("-"));
            }
        }
        What::Disable { store, name } => {
            let mut db = store.open()?;
            let disabled = db.atomically(|db| {
                let found = db.disable_user(&name)?;
                if found {
                    db.audit(now(), "cli", "user.disable", &format!("user:{name}"), "")?;
                }
                Ok(found)
            })?;
            anyhow::ensure!(disabled, "no user '{name}'");
            println!("disabled {name}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
