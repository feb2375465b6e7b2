//! Freeze requests: the held list grouped so each institution gets one request.

use crate::report::HeldRow;
use crate::{Stop, Urgency};
use fanzha_model::csv_field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One institution's request: the accounts it must stop or freeze, most urgent first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FreezeRequest {
    /// Institution code (`null` when the data does not say).
    pub bank: Option<String>,
    /// Traced money held at this institution, in fen.
    pub total_fen: i64,
    /// Its accounts, in the held list's order.
    pub accounts: Vec<FreezeTarget>,
}

/// One account to stop or freeze.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FreezeTarget {
    /// Account number.
    pub account: String,
    /// Holder, masked.
    pub holder: Option<String>,
    /// Traced money held, in fen.
    pub amount_fen: i64,
    /// How soon it is likely to move.
    pub urgency: Urgency,
    /// Set when the trace stopped at this account (`hub`, `max_hops`, `work_limit`): the amount
    /// reached it, but may have moved on since; the bank must check before freezing.
    pub stopped: Option<Stop>,
}

/// Groups held accounts by institution, keeping their order inside each; the institution
/// holding the most traced money comes first.
pub fn freeze_requests(held: &[HeldRow]) -> Vec<FreezeRequest> {
    let mut by_bank: BTreeMap<Option<&str>, FreezeRequest> = BTreeMap::new();
    for h in held {
        let req = by_bank.entry(h.bank.as_deref()).or_insert_with(|| FreezeRequest {
            bank: h.bank.clone(),
            total_fen: 0,
            accounts: Vec::new(),
        });
        req.total_fen += h.amount_fen;
        req.accounts.push(FreezeTarget {
            account: h.account.clone(),
            holder: h.holder.clone(),
            amount_fen: h.amount_fen,
            urgency: h.urgency,
            stopped: h.stopped,
        });
    }
    let mut out: Vec<FreezeRequest> = by_bank.into_values().collect();
    out.sort_by(|a, b| b.total_fen.cmp(&a.total_fen).then_with(|| a.bank.cmp(&b.bank)));
    out
}

/// Writes freeze requests as CSV, one row per account:
/// `bank,bank_total_fen,account,holder,amount_fen,urgency,stopped`.
pub fn write_freeze_csv(requests: &[FreezeRequest], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    writeln!(out, "bank,bank_total_fen,account,holder,amount_fen,urgency,stopped")?;
    for r in requests {
        for a in &r.accounts {
            writeln!(
                out,
                "{},{},{},{},{},{},{}",
                csv_field(r.bank.as_deref().unwrap_or("")),
                r.total_fen,
                csv_field(&a.account),
                csv_field(a.holder.as_deref().unwrap_or("")),
                a.amount_fen,
                a.urgency.as_str(),
                a.stopped.map_or("", Stop::as_str)
            )?;
        }
    }
    Ok(())
}
