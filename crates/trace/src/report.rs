//! A trace as the analyst reads it: ids resolved, freeze targets ranked, a stable JSON schema
//! (`fanzha.trace.v1`, documented in `docs/tracing.md`).

use crate::freeze::{freeze_requests, FreezeRequest};
use crate::{AccountSignals, MuleStatus, Stop, Trace, Tracer, Urgency, Work};
use fanzha_model::{AccountIx, Fen, TransferIx};
use serde::Serialize;
use std::cmp::Reverse;

/// The JSON schema name of [`TraceReport`].
pub const TRACE_SCHEMA: &str = "fanzha.trace.v1";

/// A forward trace, resolved and ranked for people and programs.
#[derive(Debug, Clone, Serialize)]
pub struct TraceReport {
    /// Always [`TRACE_SCHEMA`].
    pub schema: &'static str,
    /// The policy used (`fifo`, `lifo`, `pro-rata`, `poison`, `libr`).
    pub policy: crate::Policy,
    /// State shown as of this time: UTC epoch seconds.
    pub as_of_ts: i64,
    /// The same time in Asia/Shanghai (RFC 3339, `+08:00`).
    pub as_of: String,
    /// The reported transfers.
    pub seeds: Vec<EdgeRow>,
    /// Money traced, in fen.
    pub traced_fen: i64,
    /// Of which still held in accounts.
    pub held_fen: i64,
    /// Of which withdrawn as cash.
    pub cash_out_fen: i64,
    /// Of which left to external accounts.
    pub exits_fen: i64,
    /// Freeze targets: most urgent first, then largest.
    pub held: Vec<HeldRow>,
    /// Withdrawals of traced money, in time order.
    pub cash_out: Vec<CashOutRow>,
    /// Traced money that left the data, largest first.
    pub exits: Vec<ExitRow>,
    /// Every transfer that carried traced money, in time order.
    pub edges: Vec<EdgeRow>,
    /// Every account those transfers touch, for drawing the flow.
    pub nodes: Vec<NodeRow>,
    /// `held` grouped by institution: one request per bank, largest first.
    pub freeze: Vec<FreezeRequest>,
    /// Work done.
    pub work: Work,
}

/// An account holding traced money.
#[derive(Debug, Clone, Serialize)]
pub struct HeldRow {
    /// Account number.
    pub account: String,
    /// Institution code, if known.
    pub bank: Option<String>,
    /// Region (GB/T 2260) where the account was opened.
    pub region: Option<u32>,
    /// Holder, masked.
    pub holder: Option<String>,
    /// Traced money held, in fen.
    pub amount_fen: i64,
    /// When the traced money it holds arrived (UTC epoch seconds).
    pub since_ts: i64,
    /// Seconds it has sat there as of the report.
    pub dwell_secs: i64,
    /// Fewest hops from a reported transfer.
    pub hop: u32,
    /// `known`, `suspected` or `no`.
    pub mule: MuleStatus,
    /// `high`, `medium` or `low`: how soon it is likely to move.
    pub urgency: Urgency,
    /// The behavioural signals that fired.
    pub signals: Vec<&'static str>,
    /// Median seconds this account keeps money before sending it on.
    pub pass_through_secs: Option<i64>,
    /// Set when the walk stopped here (`max_hops`, `hub`, `work_limit`): the money may have
    /// moved on inside this account's institution.
    pub stopped: Option<Stop>,
}

/// An account in the flow.
#[derive(Debug, Clone, Serialize)]
pub struct NodeRow {
    /// Account number.
    pub account: String,
    /// Institution code, if known.
    pub bank: Option<String>,
    /// Region (GB/T 2260) where the account was opened.
    pub region: Option<u32>,
    /// Holder, masked.
    pub holder: Option<String>,
    /// Known only as a counterparty (another institution's customer).
    pub external: bool,
}

/// A withdrawal of traced money.
#[derive(Debug, Clone, Serialize)]
pub struct CashOutRow {
    /// The withdrawal's transaction id.
    pub txn_id: String,
    /// Account it was taken from.
    pub account: String,
    /// Institution of that account.
    pub bank: Option<String>,
    /// Traced money withdrawn, in fen.
    pub amount_fen: i64,
    /// Where (GB/T 2260), if the data says.
    pub region: Option<u32>,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// The same time in Asia/Shanghai.
    pub time: String,
    /// Hop of the withdrawal.
    pub hop: u32,
}

/// Traced money that left to an external account.
#[derive(Debug, Clone, Serialize)]
pub struct ExitRow {
    /// The external account.
    pub account: String,
    /// Traced money it received, in fen.
    pub amount_fen: i64,
    /// When traced money first reached it (UTC epoch seconds).
    pub first_ts: i64,
    /// Fewest hops from a reported transfer.
    pub hop: u32,
}

/// A transfer that carried traced money.
#[derive(Debug, Clone, Serialize)]
pub struct EdgeRow {
    /// Transaction id.
    pub txn_id: String,
    /// Payer account (`null` for a cash deposit).
    pub from: Option<String>,
    /// Payee account (`null` for a cash withdrawal).
    pub to: Option<String>,
    /// When (UTC epoch seconds).
    pub ts: i64,
    /// The whole transfer, in fen.
    pub amount_fen: i64,
    /// Its traced part, in fen.
    pub traced_fen: i64,
    /// Hops from the reported transfer (which is 1).
    pub hop: u32,
    /// Whether it is a reported transfer.
    pub seed: bool,
}

/// Traced money below this (¥100) makes an account a low-urgency freeze target whatever its
/// signals: it is listed, after the accounts worth the effort.
pub const SMALL_HELD_FEN: i64 = 10_000;

impl Tracer<'_> {
    /// Resolves and ranks a trace.
    pub fn report(&self, trace: &Trace) -> TraceReport {
        let l = self.ledger;
        let id = |a: AccountIx| l.account_id(a).to_string();
        let bank = |a: AccountIx| l.account(a).bank.map(|b| l.bank_code(b).to_string());
        let edge_row = |e: &crate::FlowEdge| self.edge_row(e);
        let mut held: Vec<HeldRow> = trace
            .held
            .iter()
            .map(|h| {
                let account = l.account(h.account);
                let AccountSignals { mule, reasons, pass_through_secs, urgency, .. } = match h.stopped {
                    Some(crate::Stop::Hub) => self.hub_signals(h.account, h.since),
                    _ => self.signals(h.account, h.since, trace.as_of),
                };
                // A freeze costs the bank and the centre more than a few yuan saves.
                let urgency = if h.amount.0 < SMALL_HELD_FEN { urgency.min(Urgency::Low) } else { urgency };
                HeldRow {
                    account: id(h.account),
                    bank: bank(h.account),
                    region: account.open_region.map(|r| r.code()),
                    holder: account.holder.as_ref().map(|h| h.masked.to_string()),
                    amount_fen: h.amount.0,
                    since_ts: h.since.0,
                    dwell_secs: trace.as_of.0 - h.since.0,
                    hop: h.hop,
                    mule,
                    urgency,
                    signals: reasons,
                    pass_through_secs,
                    stopped: h.stopped,
                }
            })
            .collect();
        // Rows are ordered by what they say and then by ids, never by a store's indices, so every
        // store holding the same transfers (one node, or partitions gathered) lists them alike.
        held.sort_by(|a, b| {
            (Reverse(a.urgency), Reverse(a.amount_fen), &a.account).cmp(&(
                Reverse(b.urgency),
                Reverse(b.amount_fen),
                &b.account,
            ))
        });
        let mut cash_out: Vec<CashOutRow> = trace
            .cash_out
            .iter()
            .map(|c| CashOutRow {
                txn_id: l.txn_id(c.txn).to_string(),
                account: id(c.account),
                bank: bank(c.account),
                amount_fen: c.amount.0,
                region: l.transfer(c.txn).region.map(|r| r.code()),
                ts: c.ts.0,
                time: c.ts.to_rfc3339_shanghai(),
                hop: c.hop,
            })
            .collect();
        cash_out.sort_by(|a, b| (a.ts, &a.txn_id).cmp(&(b.ts, &b.txn_id)));
        let mut exits: Vec<ExitRow> = trace
            .exits
            .iter()
            .map(|x| ExitRow { account: id(x.account), amount_fen: x.amount.0, first_ts: x.first_ts.0, hop: x.hop })
            .collect();
        exits.sort_by(|a, b| (Reverse(a.amount_fen), &a.account).cmp(&(Reverse(b.amount_fen), &b.account)));
        let mut edges: Vec<EdgeRow> = trace.edges.iter().map(edge_row).collect();
        edges.sort_by(|a, b| (a.ts, &a.txn_id).cmp(&(b.ts, &b.txn_id)));
        let seeds = edges.iter().filter(|e| e.seed).cloned().collect();
        let mut touched: Vec<AccountIx> = trace.edges.iter().flat_map(|e| [e.from, e.to]).flatten().collect();
        touched.sort_unstable_by(|&a, &b| l.account_id(a).cmp(l.account_id(b)));
        touched.dedup();
        let nodes = touched
            .into_iter()
            .map(|a| {
                let account = l.account(a);
                NodeRow {
                    account: id(a),
                    bank: bank(a),
                    region: account.open_region.map(|r| r.code()),
                    holder: account.holder.as_ref().map(|h| h.masked.to_string()),
                    external: account.external,
                }
            })
            .collect();
        TraceReport {
            schema: TRACE_SCHEMA,
            policy: trace.policy,
            as_of_ts: trace.as_of.0,
            as_of: trace.as_of.to_rfc3339_shanghai(),
            seeds,
            traced_fen: trace.traced.0,
            held_fen: trace.held_total().0,
            cash_out_fen: trace.cash_out_total().0,
            exits_fen: trace.exits_total().0,
            freeze: freeze_requests(&held),
            held,
            cash_out,
            exits,
            edges,
            nodes,
            work: trace.work,
        }
    }

    /// Transaction ids resolved to transfers; the unknown ones are returned as the error.
    pub fn resolve_txns<'s>(&self, ids: impl IntoIterator<Item = &'s str>) -> Result<Vec<TransferIx>, Vec<String>> {
        let (mut found, mut missing) = (Vec::new(), Vec::new());
        for id in ids {
            match self.ledger.txn_ix(id) {
                Some(t) => found.push(t),
                None => missing.push(id.to_string()),
            }
        }
        if missing.is_empty() {
            Ok(found)
        } else {
            Err(missing)
        }
    }
}

impl TraceReport {
    /// Whether the held, cash-out and exit totals add up to the traced amount.
    pub fn is_conserved(&self) -> bool {
        self.held_fen + self.cash_out_fen + self.exits_fen == self.traced_fen
    }

    /// Money helper for renderers: fen as yuan.
    pub(crate) fn yuan(fen: i64) -> String {
        Fen(fen).to_string()
    }
}

/// The JSON schema name of [`ProvenanceReport`].
pub const PROVENANCE_SCHEMA: &str = "fanzha.provenance.v1";

/// A backward trace, resolved for people and programs.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceReport {
    /// Always [`PROVENANCE_SCHEMA`].
    pub schema: &'static str,
    /// `fifo` or `lifo`.
    pub policy: crate::Policy,
    /// The moment explained: UTC epoch seconds.
    pub as_of_ts: i64,
    /// The same time in Asia/Shanghai.
    pub as_of: String,
    /// Money explained, in fen.
    pub amount_fen: i64,
    /// Of which paid in by ordinary accounts: the likely victims.
    pub victims_fen: i64,
    /// Where it came from, largest first.
    pub origins: Vec<OriginRow>,
    /// Transfers that brought it (hop counts backwards from 1).
    pub edges: Vec<EdgeRow>,
}

/// One origin of explained money.
#[derive(Debug, Clone, Serialize)]
pub struct OriginRow {
    /// `payer` (likely victim), `cash`, `external`, `opening`, `unknown` or `stopped`.
    pub kind: crate::OriginKind,
    /// The account.
    pub account: String,
    /// Its institution.
    pub bank: Option<String>,
    /// Its holder, masked.
    pub holder: Option<String>,
    /// The transfer that brought the money in.
    pub txn_id: Option<String>,
    /// When that transfer happened (UTC epoch seconds).
    pub ts: Option<i64>,
    /// Amount, in fen.
    pub amount_fen: i64,
    /// Transfers back from the explained money.
    pub hop: u32,
    /// Why the walk stopped, for `stopped`.
    pub stopped: Option<Stop>,
}

impl Tracer<'_> {
    /// Resolves a backward trace.
    pub fn provenance_report(&self, p: &crate::Provenance) -> ProvenanceReport {
        let l = self.ledger;
        let mut origins: Vec<OriginRow> = p
            .origins
            .iter()
            .map(|o| {
                let account = l.account(o.account);
                OriginRow {
                    kind: o.kind,
                    account: l.account_id(o.account).to_string(),
                    bank: account.bank.map(|b| l.bank_code(b).to_string()),
                    holder: account.holder.as_ref().map(|h| h.masked.to_string()),
                    txn_id: o.txn.map(|t| l.txn_id(t).to_string()),
                    ts: o.txn.map(|t| l.transfer(t).ts.0),
                    amount_fen: o.amount.0,
                    hop: o.hop,
                    stopped: o.stopped,
                }
            })
            .collect();
        origins.sort_by(|a, b| {
            (Reverse(a.amount_fen), a.hop, &a.account, a.kind.as_str(), &a.txn_id).cmp(&(
                Reverse(b.amount_fen),
                b.hop,
                &b.account,
                b.kind.as_str(),
                &b.txn_id,
            ))
        });
        let mut edges: Vec<EdgeRow> = p.edges.iter().map(|e| self.edge_row(e)).collect();
        edges.sort_by(|a, b| (a.ts, &a.txn_id, a.hop).cmp(&(b.ts, &b.txn_id, b.hop)));
        ProvenanceReport {
            schema: PROVENANCE_SCHEMA,
            policy: p.policy,
            as_of_ts: p.as_of.0,
            as_of: p.as_of.to_rfc3339_shanghai(),
            amount_fen: p.amount.0,
            victims_fen: origins.iter().filter(|o| o.kind == crate::OriginKind::Payer).map(|o| o.amount_fen).sum(),
            origins,
            edges,
        }
    }

    fn edge_row(&self, e: &crate::FlowEdge) -> EdgeRow {
        let l = self.ledger;
        EdgeRow {
            txn_id: l.txn_id(e.txn).to_string(),
            from: e.from.map(|a| l.account_id(a).to_string()),
            to: e.to.map(|a| l.account_id(a).to_string()),
            ts: e.ts.0,
            amount_fen: e.amount.0,
            traced_fen: e.traced.0,
            hop: e.hop,
            seed: e.seed,
        }
    }
}
