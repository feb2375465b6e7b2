//! fanzha's real-time transfer check. A bank clerk or a payment app asks before money leaves; the
//! answer is pass, warn, hold or block, with reasons a clerk can read to the customer.
//!
//! - [`request`]: the request body and its validation (field-named errors).
//! - [`vars`]: the variables rules can use.
//! - [`lists`]: point-in-time block and watch lists, durable and with history.
//! - [`lookup`]: risk lookup of a phone number, URL or account, and the public's reports.
//! - [`suspects`]: the accounts the latest batch mule detection flagged, read by the check.
//! - [`new_payees`]: whom each payer began to pay in the last week, read against those flags.
//! - [`passed_on`]: where each account passed fresh money on to in the last 3 days, read against
//!   the confirmed mule accounts.
//! - [`checker`]: live features + lists + rules → [`Verdict`]; the one code path for live checks
//!   and [`backtest`]s.
//! - Rules are data: TOML files in the language of `fanzha-rules`; [`DEFAULT_RULES`] ships.
#![deny(missing_docs)]

pub mod backtest;
pub mod checker;
pub mod lists;
pub mod lookup;
pub mod new_payees;
pub mod passed_on;
pub mod request;
pub mod suspects;
mod trail;
pub mod vars;

pub use checker::{Checker, Decision, PayerPart, Reason, Subject, Verdict};

/// The default rule set shipped with fanzha (`crates/check/rules/default.toml`).
pub const DEFAULT_RULES: &str = include_str!("../rules/default.toml");

/// [`DEFAULT_RULES`] loaded over `schema` (a checker's [`Checker::schema`]).
pub fn shipped_rules(schema: &fanzha_rules::Schema) -> Result<fanzha_rules::RuleSet, fanzha_rules::LoadErrors> {
    fanzha_rules::RuleSet::from_str("default.toml", DEFAULT_RULES, schema)
}
