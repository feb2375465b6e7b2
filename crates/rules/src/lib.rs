//! Fraud-check rules: a small, sandboxed, type-checked expression language, and TOML rule
//! sets with validation, versioning and hot reload.
//!
//! ```
//! use fanzha_rules::{Env, RuleSet, Schema};
//!
//! let mut schema = Schema::new();
//! let age = schema.number("payee.age_days", "days since the payee's account was opened");
//! let amount = schema.number("amount_fen", "transfer amount in fen");
//! let rules = RuleSet::from_str("example.toml", r#"
//!     version = "2026.11.1"
//!     [[rule]]
//!     id = "new_payee_large"
//!     when = "payee.age_days < 7 && amount_fen >= 5_000_000"
//!     verdict = "hold"
//!     weight = 0.6
//!     reason_zh = "收款账户开户仅{payee.age_days}天,却收到{amount_fen:yuan}元"
//!     reason_en = "The payee's account is {payee.age_days} days old and receives {amount_fen:yuan} yuan"
//! "#, &schema).unwrap();
//!
//! let mut env = Env::new(&schema);
//! env.set_number(age, 3.0);
//! env.set_number(amount, 5_000_000.0);
//! let mut hits = Vec::new();
//! rules.evaluate(&env, &mut hits);
//! let rule = &rules.rules()[hits[0]];
//! assert_eq!(rule.reason(&env).1, "The payee's account is 3 days old and receives 50,000.00 yuan");
//! ```
//!
//! Design decisions, and why:
//! - **Typed at load time**: a rule that names an unknown variable, compares text with a
//!   number or has a malformed template never loads; the error names the file, rule, field
//!   and byte column. A bad edit cannot reach production through a hot reload.
//! - **Evaluation is a walk over enum nodes** holding slot indices into an [`Env`]: no name
//!   lookups, no allocation, no loops, no I/O. `contains_any` compiles to an Aho-Corasick
//!   automaton once.
//! - **Missing numbers are NaN** and every comparison with a missing value is false, so a
//!   rule never fires on data it does not have; `missing(x)` / `known(x)` test it explicitly.
//! - **Hot reload swaps an `Arc`** ([`Reloading`]): readers are lock-free and keep a whole
//!   set for a request; an invalid edit keeps the old set and reports every error.
#![deny(missing_docs)]

mod compile;
mod env;
mod error;
mod eval;
mod lexer;
mod parser;
mod reload;
mod ruleset;
mod schema;
mod template;

pub use compile::{Condition, MAX_EXPR_BYTES};
pub use env::{Env, Value};
pub use error::{ExprError, LoadError, LoadErrors};
pub use parser::MAX_DEPTH;
pub use reload::{ReloadResult, Reloading, Watcher};
pub use ruleset::{Rule, RuleSet, Verdict};
pub use schema::{BoolVar, NumberVar, Schema, TextVar, Type, Var, VarInfo};
pub use template::{Lang, Template};
