//! The tracer: a ledger and its temporal graph, read only where a trace's money goes. An
//! account's balance before a transfer is a replay of that account's own earlier transfers, so a
//! trace costs the accounts it reaches, never a pass over the whole store.

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

impl Limits {
    /// Whether an account with `degree` transfers (in and out, as of the trace's as-of time) is
    /// a hub: the walk stops there without reading them. The one place that decides it, for a
    /// trace on one node and for a partition answering a coordinator.
    pub fn is_hub(&self, degree: usize) -> bool {
        degree > self.hub_degree
    }
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
    /// A backward trace explains either an account's balance or a transfer, not both.
    #[error("a backward trace explains an account's balance or one transfer: give one, not both")]
    BackwardTarget,
    /// The backward trace was asked for a policy it cannot follow back.
    #[error("backward tracing supports fifo and lifo (each lot has one origin); {0} mixes origins")]
    BackwardPolicy(crate::Policy),
}

/// Read-only tracer over one ledger and its temporal graph; shareable across threads and traces.
pub struct Tracer<'a> {
    pub(crate) ledger: &'a Ledger,
    pub(crate) graph: &'a TemporalGraph,
    pub(crate) limits: Limits,
    pub(crate) known_mules: rustc_hash::FxHashSet<u32>,
    /// Degrees as of the trace's as-of time told by the accounts' owners, for accounts whose
    /// transfers are not in this graph (hubs, on a partitioned deployment).
    pub(crate) degrees: rustc_hash::FxHashMap<u32, usize>,
}

impl<'a> Tracer<'a> {
    /// A tracer over `ledger` and its `graph`. Nothing is precomputed: a trace reads only the
    /// accounts its money reaches, so one asked of a large store costs what it touches.
    pub fn new(ledger: &'a Ledger, graph: &'a TemporalGraph) -> Tracer<'a> {
        Tracer {
            ledger,
            graph,
            limits: Limits::default(),
            known_mules: Default::default(),
            degrees: Default::default(),
        }
    }

    /// The same tracer with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Tracer<'a> {
        self.limits = limits;
        self
    }

    /// The same tracer told which accounts are known mules (e.g. from a watch list or earlier
    /// cases); they rank first among freeze targets.
    pub fn with_known_mules(mut self, accounts: impl IntoIterator<Item = AccountIx>) -> Tracer<'a> {
        self.known_mules = accounts.into_iter().map(|a| a.0).collect();
        self
    }

    /// The same tracer told the degrees, as of the as-of time of the traces it will run, of
    /// accounts whose transfers this graph does not hold in full (a coordinator's gathered
    /// graph, where an owner answered "a hub, of this many transfers" instead of sending them).
    pub fn with_degrees(mut self, degrees: impl IntoIterator<Item = (AccountIx, usize)>) -> Tracer<'a> {
        self.degrees = degrees.into_iter().map(|(a, d)| (a.0, d)).collect();
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
        Ok(self.graph.edge(EdgeIx::of(n - 1)).ts)
    }

    /// `a`'s balance just before edge `e`: its opening balance, then every transfer in and out
    /// earlier in the time order, where money leaving beyond the balance empties the account (the
    /// data missed that money arriving) — exactly what replaying its lots would hold.
    pub(crate) fn balance_before(&self, a: AccountIx, e: u32) -> i64 {
        let g = self.graph;
        let (ins, outs) = (g.in_edges(a), g.out_edges(a));
        let (ins, outs) = (&ins[..ins.partition_point(|&x| x < e)], &outs[..outs.partition_point(|&x| x < e)]);
        // Replayed in time order; at the same edge (a transfer to itself) the outgoing side first.
        let (mut i, mut o) = (0, 0);
        let mut balance = self.ledger.account(a).opening_balance.0.max(0);
        while i < ins.len() || o < outs.len() {
            if o < outs.len() && (i == ins.len() || outs[o] <= ins[i]) {
                balance = (balance - g.edge(EdgeIx(outs[o])).amount.0).max(0);
                o += 1;
            } else {
                balance += g.edge(EdgeIx(ins[i])).amount.0;
                i += 1;
            }
        }
        balance
    }

    /// Transfers of `a` before edge `end` (its degree as of then), or its owner's count where
    /// one was told ([`Self::with_degrees`]).
    pub(crate) fn degree_before(&self, a: AccountIx, end: u32) -> usize {
        let g = self.graph;
        let here = g.in_edges(a).partition_point(|&x| x < end) + g.out_edges(a).partition_point(|&x| x < end);
        self.degrees.get(&a.0).map_or(here, |&told| told.max(here))
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
