//! The tracing index: the graph plus running sums, so an account's balance at any moment is
//! a binary search away.

use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{AccountIx, Ledger, TransferIx, Ts};

/// Limits that keep one trace's work bounded, whatever the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Accounts with more transfers than this (in + out) are hubs: money reaching them is
    /// reported there and not followed further.
    pub hub_degree: usize,
    /// Transfers one account may process before the walk stops at it.
    pub events_per_account: u32,
    /// Transfers one trace may process in all before every open account is stopped.
    pub events_total: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { hub_degree: 100_000, events_per_account: 20_000, events_total: 2_000_000 }
    }
}

/// Why a trace could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TraceError {
    /// No transfer or account to start from.
    #[error("nothing to trace: give at least one transfer")]
    NoSeed,
    /// A reported transfer happened after the `as_of` time.
    #[error("transfer {txn} at {ts} is after the as-of time {as_of}")]
    SeedAfterAsOf {
        /// Its id.
        txn: String,
        /// Its time (UTC).
        ts: String,
        /// The as-of time (UTC).
        as_of: String,
    },
    /// The store holds no transfers.
    #[error("the store holds no transfers")]
    Empty,
    /// The backward trace was asked for a policy it cannot follow back.
    #[error("backward tracing supports fifo and lifo (each lot has one origin); {0} mixes origins")]
    BackwardPolicy(crate::Policy),
}

/// Read-only tracing index over one ledger and its temporal graph; shareable across threads
/// and traces.
pub struct Tracer<'a> {
    pub(crate) ledger: &'a Ledger,
    pub(crate) graph: &'a TemporalGraph,
    /// Per incoming slot: sum of the account's incoming amounts before this slot.
    in_before: Vec<i64>,
    /// Per outgoing slot: sum of the account's outgoing amounts before this slot.
    out_before: Vec<i64>,
    pub(crate) limits: Limits,
    pub(crate) known_mules: rustc_hash::FxHashSet<u32>,
}

impl<'a> Tracer<'a> {
    /// Builds the index (one pass over the adjacency).
    pub fn new(ledger: &'a Ledger, graph: &'a TemporalGraph) -> Tracer<'a> {
        let accounts = (0..graph.account_count() as u32).map(AccountIx);
        let mut in_before = Vec::with_capacity(graph.edge_count());
        let mut out_before = Vec::with_capacity(graph.edge_count());
        for a in accounts {
            running_sums(graph, graph.in_edges(a), &mut in_before);
            running_sums(graph, graph.out_edges(a), &mut out_before);
        }
        Tracer { ledger, graph, in_before, out_before, limits: Limits::default(), known_mules: Default::default() }
    }

    /// The same index with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Tracer<'a> {
        self.limits = limits;
        self
    }

    /// The same index told which accounts are known mules (e.g. from a watch list or earlier
    /// cases); they rank first among freeze targets.
    pub fn with_known_mules(mut self, accounts: impl IntoIterator<Item = AccountIx>) -> Tracer<'a> {
        self.known_mules = accounts.into_iter().map(|a| a.0).collect();
        self
    }

    /// The ledger traced.
    pub fn ledger(&self) -> &'a Ledger {
        self.ledger
    }

    /// The graph traced.
    pub fn graph(&self) -> &'a TemporalGraph {
        self.graph
    }

    /// The time of the last transfer, the default as-of time.
    pub fn end_of_data(&self) -> Result<Ts, TraceError> {
        let n = self.graph.edge_count();
        if n == 0 {
            return Err(TraceError::Empty);
        }
        Ok(self.graph.edge(EdgeIx(n as u32 - 1)).ts)
    }

    /// `a`'s balance just before edge `e`: opening balance plus everything in minus everything
    /// out earlier in the time order, floored at zero (an overdraft means the data missed
    /// money arriving).
    pub(crate) fn balance_before(&self, a: AccountIx, e: u32) -> i64 {
        let g = self.graph;
        let ins = g.in_edges(a);
        let k = ins.partition_point(|&x| x < e);
        let got = if k == ins.len() {
            total(g, ins, &self.in_before[g.in_slots(a)])
        } else {
            self.in_before[g.in_slots(a).start + k]
        };
        let outs = g.out_edges(a);
        let k = outs.partition_point(|&x| x < e);
        let sent = if k == outs.len() {
            total(g, outs, &self.out_before[g.out_slots(a)])
        } else {
            self.out_before[g.out_slots(a).start + k]
        };
        (self.ledger.account(a).opening_balance.0 + got - sent).max(0)
    }

    /// The transfer's edge and time, checked against `as_of`.
    pub(crate) fn seed_edge(&self, txn: TransferIx, as_of: Ts) -> Result<u32, TraceError> {
        let e = self.graph.edge_of(txn);
        let ts = self.graph.edge(e).ts;
        if ts > as_of {
            return Err(TraceError::SeedAfterAsOf {
                txn: self.ledger.txn_id(txn).to_string(),
                ts: ts.to_rfc3339_utc(),
                as_of: as_of.to_rfc3339_utc(),
            });
        }
        Ok(e.0)
    }
}

fn running_sums(g: &TemporalGraph, edges: &[u32], out: &mut Vec<i64>) {
    let mut sum = 0;
    for &e in edges {
        out.push(sum);
        sum += g.edge(EdgeIx(e)).amount.0;
    }
}

fn total(g: &TemporalGraph, edges: &[u32], before: &[i64]) -> i64 {
    match (edges.last(), before.last()) {
        (Some(&e), Some(&b)) => b + g.edge(EdgeIx(e)).amount.0,
        _ => 0,
    }
}
