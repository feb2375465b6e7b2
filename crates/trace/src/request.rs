//! A trace as asked by its users — `fanzha trace`, `POST /v1/traces` and the console's cases —
//! by ids, not indices: the one place that resolves the ids, picks forward or backward, applies
//! the defaults and runs it, so every entry point answers the same question the same way.

use crate::{Backward, Forward, Limits, Policy, ProvenanceReport, TraceError, TraceReport, Tracer};
use fanzha_graph::TemporalGraph;
use fanzha_model::{Ledger, Ts};
use serde::{Deserialize, Serialize};

/// What to trace (the JSON body of `POST /v1/traces`; `fanzha trace` fills it from its flags).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceRequest {
    /// Reported transfers' ids (the victim payments of one case); backward: at most one.
    #[serde(default)]
    pub txns: Vec<String>,
    /// Trace backward: where did the money come from (who are the victims).
    #[serde(default)]
    pub backward: bool,
    /// Backward only: explain this account's balance (instead of a transfer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Which money leaves an account first (default fifo).
    #[serde(default)]
    pub policy: Policy,
    /// Follow at most this many transfers (default 16 forward, 6 backward; at most
    /// [`TraceRequest::MAX_HOPS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_hops: Option<u32>,
    /// The state at this time (RFC 3339 with offset, or epoch seconds); default: the end of the data.
    #[serde(default, with = "fanzha_model::rfc3339::option", skip_serializing_if = "Option::is_none")]
    pub as_of: Option<i64>,
    /// Accounts known to be mules, ranked first among freeze targets (ids the store does not hold
    /// are skipped: a watch list covers more than one store).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_mules: Vec<String>,
    /// Accounts with more transfers than this are hubs (payment firms, merchants) and not walked
    /// (default [`Limits::default`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_degree: Option<usize>,
}

/// A trace's answer: forward (schema `fanzha.trace.v1`) or backward (`fanzha.provenance.v1`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum TraceAnswer {
    /// Where the reported money went.
    Forward(Box<TraceReport>),
    /// Where an account's or a transfer's money came from.
    Backward(Box<ProvenanceReport>),
}

/// Why a request was not traced; every case is the asker's to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// Transaction ids the store does not hold.
    #[error("unknown transaction id(s): {}", .0.join(", "))]
    UnknownTxns(Vec<String>),
    /// An account id the store does not hold.
    #[error("unknown account id: {0}")]
    UnknownAccount(String),
    /// A backward trace was given no target, or more than one.
    #[error("a backward trace explains one thing: give an account or one transaction id")]
    BackwardTarget,
    /// An account was given to a forward trace.
    #[error("an account is explained by a backward trace (set backward); a forward trace follows transaction ids")]
    AccountForward,
    /// No transfer to follow forward.
    #[error("give at least one transaction id (a reported victim transfer), or trace an account backward")]
    NoSeed,
    /// More hops than any trace is allowed.
    #[error("max_hops is at most {max}")]
    TooManyHops {
        /// The largest allowed.
        max: u32,
    },
    /// The trace itself refused (e.g. a transfer after the as-of time).
    #[error(transparent)]
    Trace(#[from] TraceError),
}

impl TraceRequest {
    /// The most hops a trace may follow.
    pub const MAX_HOPS: u32 = 64;

    /// A forward trace of `txns` with every default.
    pub fn forward(txns: Vec<String>) -> TraceRequest {
        TraceRequest { txns, ..TraceRequest::default() }
    }

    /// The tracer's limits this request asks for (its hub degree, else the default).
    pub fn limits(&self) -> Limits {
        Limits { hub_degree: self.hub_degree.unwrap_or(Limits::default().hub_degree), ..Limits::default() }
    }

    /// Runs the request over `ledger` and its `graph`.
    pub fn run(&self, ledger: &Ledger, graph: &TemporalGraph) -> Result<TraceAnswer, RequestError> {
        self.run_knowing(ledger, graph, &std::collections::BTreeMap::new())
    }

    /// [`Self::run`], told the degrees (as of the request's as-of time) of accounts, by id, whose
    /// transfers `graph` does not hold (see [`Tracer::with_degrees`]).
    pub fn run_knowing(
        &self,
        ledger: &Ledger,
        graph: &TemporalGraph,
        degrees: &std::collections::BTreeMap<String, usize>,
    ) -> Result<TraceAnswer, RequestError> {
        if self.max_hops.is_some_and(|h| h > Self::MAX_HOPS) {
            return Err(RequestError::TooManyHops { max: Self::MAX_HOPS });
        }
        let limits = self.limits();
        let known = self.known_mules.iter().filter_map(|id| ledger.account_ix(id));
        let told = degrees.iter().filter_map(|(id, &d)| Some((ledger.account_ix(id)?, d)));
        let tracer = Tracer::new(ledger, graph).with_limits(limits).with_known_mules(known).with_degrees(told);
        let seeds = tracer.resolve_txns(self.txns.iter().map(String::as_str)).map_err(RequestError::UnknownTxns)?;
        let as_of = self.as_of.map(Ts);
        if self.backward {
            let account = match &self.account {
                Some(id) => Some(ledger.account_ix(id).ok_or_else(|| RequestError::UnknownAccount(id.clone()))?),
                None => None,
            };
            if account.is_some() != seeds.is_empty() || seeds.len() > 1 {
                return Err(RequestError::BackwardTarget);
            }
            let req = Backward {
                account,
                txn: if account.is_some() { None } else { seeds.first().copied() },
                policy: self.policy,
                max_hops: self.max_hops.unwrap_or(Backward::DEFAULT_MAX_HOPS),
                as_of,
            };
            return Ok(TraceAnswer::Backward(Box::new(tracer.provenance_report(&tracer.backward(&req)?))));
        }
        if self.account.is_some() {
            return Err(RequestError::AccountForward);
        }
        if seeds.is_empty() {
            return Err(RequestError::NoSeed);
        }
        let req =
            Forward { seeds, policy: self.policy, max_hops: self.max_hops.unwrap_or(Forward::DEFAULT_MAX_HOPS), as_of };
        Ok(TraceAnswer::Forward(Box::new(tracer.report(&tracer.forward(&req)?))))
    }
}
