//! What a ledger holds, counted: the figures of `fanzha stats --json` and `GET /v1/stats`.

use crate::{Ledger, TransferKind, Ts};
use std::collections::HashSet;

/// Counts over a ledger.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LedgerStats {
    /// Accounts, including external ones.
    pub accounts: u64,
    /// Accounts known only as counterparties.
    pub external_accounts: u64,
    /// Transfers of every kind.
    pub transfers: u64,
    /// Cash withdrawals among them.
    pub withdrawals: u64,
    /// Cash deposits among them.
    pub deposits: u64,
    /// Institutions.
    pub banks: u64,
    /// Distinct holders.
    pub holders: u64,
    /// Positive labels (evaluation only).
    pub labels: u64,
    /// Sum of all amounts, in fen.
    pub total_amount_fen: i64,
    /// First transfer time (RFC 3339, UTC).
    #[serde(serialize_with = "rfc3339_utc")]
    pub first_ts: Option<Ts>,
    /// Last transfer time (RFC 3339, UTC).
    #[serde(serialize_with = "rfc3339_utc")]
    pub last_ts: Option<Ts>,
}

fn rfc3339_utc<S: serde::Serializer>(ts: &Option<Ts>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_some(&ts.map(Ts::to_rfc3339_utc))
}

impl LedgerStats {
    /// Counts the ledger.
    pub fn of(l: &Ledger) -> LedgerStats {
        let (mut withdrawals, mut deposits, mut total_amount_fen) = (0, 0, 0);
        for t in l.transfers() {
            match t.kind {
                TransferKind::Withdrawal => withdrawals += 1,
                TransferKind::Deposit => deposits += 1,
                TransferKind::Transfer => {}
            }
            total_amount_fen += t.amount.0;
        }
        let span = l.time_span();
        LedgerStats {
            accounts: l.accounts().len() as u64,
            external_accounts: l.accounts().iter().filter(|a| a.external).count() as u64,
            transfers: l.transfers().len() as u64,
            withdrawals,
            deposits,
            banks: l.bank_count() as u64,
            holders: distinct_holders(l),
            labels: l.labels().len() as u64,
            total_amount_fen,
            first_ts: span.map(|s| s.0),
            last_ts: span.map(|s| s.1),
        }
    }
}

/// Number of distinct holder digests.
fn distinct_holders(l: &Ledger) -> u64 {
    l.accounts().iter().filter_map(|a| a.holder.as_ref().map(|h| h.digest)).collect::<HashSet<_>>().len() as u64
}
