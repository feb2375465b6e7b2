//! A trace over a partitioned deployment, where no node holds every transfer.
//!
//! Each partition keeps every account's record but only the transfers touching the accounts it
//! owns ([`Partition::owner`]), so the owner of an account holds *all* of that account's
//! transfers. A trace needs, of the accounts its money passes through, exactly that: their
//! transfers in time order (the walk, their balances before the money came, their degree). So the
//! coordinator gathers [`Slice`]s — an account's transfers as its owner holds them — into a
//! ledger of its own and runs the one trace ([`TraceRequest::run`]) over it; when the answer
//! names an account whose slice it does not have yet, it asks that account's owner and runs again,
//! until every account the money reached is complete. The answer is then the single-node answer:
//! the walk only ever reads transfers of accounts it holds money in, and all of those are there.
//!
//! **Order.** Transfers of one second are ordered by when they were ingested, which no key of
//! their own says. Each node's order is the stream's order restricted to what it holds, so the
//! slices are merged keeping every node's order (a transfer is placed only when it comes first in
//! every slice that holds it): two transfers whose order decides anything share an account, and
//! that account's owner ordered them. Reports list their rows by ids, never by a store's indices.
//!
//! **A consistent view.** A node answers its first question with the number of transfers it
//! holds (`upto`), and every later question of the same trace reads no more than those, so rounds
//! see one snapshot even while the node follows the stream.

use crate::{Limits, RequestError, TraceAnswer, TraceRequest};
use fanzha_graph::{EdgeIx, TemporalGraph};
use fanzha_model::{Account, AccountIx, Event, Ledger, Partition, Transfer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Most transfers in one [`Slice`] (one NATS message stays well under its 1 MiB default).
pub const SLICE_PAGE: usize = 1_000;

/// What a coordinator asks one partition for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceRequest {
    /// Accounts whose transfers are wanted (all of them, from their owner).
    #[serde(default)]
    pub accounts: Vec<String>,
    /// Transfers wanted by id (a case's reported ones), if this partition holds them.
    #[serde(default)]
    pub txns: Vec<String>,
    /// Read only the first `upto` transfers the node holds (its answer to the trace's first
    /// question), so that every round of a trace sees one snapshot; `None` on the first question.
    #[serde(default)]
    pub upto: Option<u32>,
    /// Skip this many transfers of the answer: the page after one that said `next`.
    #[serde(default)]
    pub offset: u32,
    /// Send no transfers of an asked account with more than this many as of a time, only that
    /// count (a hub: the trace stops there without reading them); `None` sends every account's.
    #[serde(default)]
    pub hubs_above: Option<HubCut>,
}

/// When an asked account counts as a hub (see [`SliceRequest::hubs_above`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubCut {
    /// More transfers than this…
    pub degree: usize,
    /// …at or before this time (UTC epoch seconds: the trace's as-of time).
    pub as_of: i64,
}

impl HubCut {
    /// Whether `degree` transfers make a hub ([`Limits::is_hub`]).
    fn is_hub(&self, degree: usize) -> bool {
        Limits { hub_degree: self.degree, ..Limits::default() }.is_hub(degree)
    }
}

/// The degree of account `a` as of `cut`'s time among the first `upto` of the `held` transfers,
/// when that makes it a hub. Adjacency is in time order, so a binary search counts; only a hub on
/// a node that took transfers since the trace began is counted one by one.
fn hub_degree(graph: &TemporalGraph, a: AccountIx, cut: HubCut, upto: u32, held: u32) -> Option<usize> {
    let by_time = |edges: &[u32]| edges.partition_point(|&e| graph.edge(EdgeIx(e)).ts.0 <= cut.as_of);
    let mut degree = by_time(graph.in_edges(a)) + by_time(graph.out_edges(a));
    if cut.is_hub(degree) && upto < held {
        let held_then = |&&e: &&u32| {
            let edge = graph.edge(EdgeIx(e));
            edge.txn.0 < upto && edge.ts.0 <= cut.as_of
        };
        degree = graph.in_edges(a).iter().chain(graph.out_edges(a)).filter(held_then).count();
    }
    cut.is_hub(degree).then_some(degree)
}

/// An asked account a slice holds back as a hub: its id and its transfers as of the cut's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceHub {
    /// Account id.
    pub id: String,
    /// Its transfers (in and out) at or before the cut's time.
    pub degree: usize,
}

/// An account's record as a slice carries it: by id, with its bank's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceAccount {
    /// Account id.
    pub id: String,
    /// Its institution's code.
    pub bank: Option<String>,
    /// The record (its `bank` index is the sender's and is not used).
    pub account: Account,
}

/// A transfer as a slice carries it: by ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SliceTransfer {
    /// Transaction id.
    pub txn_id: String,
    /// Payer's id; `None` for a cash deposit.
    pub from: Option<String>,
    /// Payee's id; `None` for a cash withdrawal.
    pub to: Option<String>,
    /// The record (its account indices are the sender's and are not used).
    pub transfer: Transfer,
}

/// One partition's answer: the asked accounts' transfers and the asked transfers it holds, in its
/// time order, with the record of every account they name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slice {
    /// The transfers the node held when first asked (see [`SliceRequest::upto`]).
    pub upto: u32,
    /// The latest time among them (UTC epoch seconds), on the first question.
    pub end_ts: Option<i64>,
    /// Records of the asked accounts and of every account named by a transfer here.
    pub accounts: Vec<SliceAccount>,
    /// Transfers in the node's time order.
    pub transfers: Vec<SliceTransfer>,
    /// More transfers follow: ask again with this offset.
    pub next: Option<u32>,
    /// Asked accounts held back as hubs ([`SliceRequest::hubs_above`]), on the first page.
    #[serde(default)]
    pub hubs: Vec<SliceHub>,
    /// The stream sequence the answering node reflects (set by the node; 0 when it follows none).
    #[serde(default)]
    pub sequence: u64,
}

impl Slice {
    /// Answers `req` from a node's `ledger` and its `graph`.
    pub fn of(ledger: &Ledger, graph: &TemporalGraph, req: &SliceRequest) -> Slice {
        let held = u32::try_from(ledger.transfers().len()).unwrap_or(u32::MAX);
        let upto = req.upto.map_or(held, |u| u.min(held));
        let mut edges: Vec<u32> = Vec::new();
        let mut hubs = Vec::new();
        for id in &req.accounts {
            if let Some(a) = ledger.account_ix(id) {
                if let Some(degree) = req.hubs_above.and_then(|cut| hub_degree(graph, a, cut, upto, held)) {
                    hubs.push(SliceHub { id: id.clone(), degree });
                    continue;
                }
                edges.extend(graph.in_edges(a).iter().chain(graph.out_edges(a)));
            }
        }
        edges.extend(req.txns.iter().filter_map(|id| ledger.txn_ix(id)).map(|t| graph.edge_of(t).0));
        if upto < held {
            edges.retain(|&e| graph.edge(EdgeIx(e)).txn.0 < upto);
        }
        edges.sort_unstable();
        edges.dedup();
        let from = (req.offset as usize).min(edges.len());
        let page = &edges[from..(from + SLICE_PAGE).min(edges.len())];
        let next = (from + page.len() < edges.len()).then(|| (from + page.len()) as u32);
        let mut named: BTreeSet<&str> = req.accounts.iter().map(String::as_str).collect();
        let transfers: Vec<SliceTransfer> = page
            .iter()
            .map(|&e| {
                let txn = graph.edge(EdgeIx(e)).txn;
                let t = ledger.transfer(txn);
                let (from, to) = (t.from.map(|a| ledger.account_id(a)), t.to.map(|a| ledger.account_id(a)));
                named.extend(from.iter().chain(&to));
                SliceTransfer {
                    txn_id: ledger.txn_id(txn).to_string(),
                    from: from.map(str::to_string),
                    to: to.map(str::to_string),
                    transfer: Transfer { from: None, to: None, ..t.clone() },
                }
            })
            .collect();
        let accounts = named
            .into_iter()
            .filter_map(|id| {
                let a = ledger.account(ledger.account_ix(id)?);
                Some(SliceAccount {
                    id: id.to_string(),
                    bank: a.bank.map(|b| ledger.bank_code(b).to_string()),
                    account: Account { bank: None, ..a.clone() },
                })
            })
            .collect();
        let end_ts = if req.upto.is_none() && upto == held && graph.edge_count() > 0 {
            Some(graph.edge(EdgeIx::of(graph.edge_count() - 1)).ts.0)
        } else {
            None
        };
        if req.offset > 0 {
            hubs.clear();
        }
        Slice { upto, end_ts, accounts, transfers, next, hubs, sequence: 0 }
    }
}

/// The nodes of a partitioned deployment, as a coordinator reaches them.
pub trait Partitions {
    /// How many partitions there are.
    fn count(&self) -> u32;
    /// Asks a node of `partition` (one question, one page); `Err` says why it did not answer.
    fn ask(&mut self, partition: u32, req: &SliceRequest) -> Result<Slice, String>;

    /// Asks several partitions one question each, the answers in the questions' order. The
    /// default asks one after another; a transport that can should ask them all at once (one
    /// round of a trace then waits for its slowest partition, not for their sum).
    fn ask_each(&mut self, questions: &[(u32, SliceRequest)]) -> Vec<Result<Slice, String>> {
        questions.iter().map(|(p, req)| self.ask(*p, req)).collect()
    }
}

/// Why a trace across partitions gave no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AcrossError {
    /// The request itself (as on one node).
    #[error(transparent)]
    Request(#[from] RequestError),
    /// A partition did not answer.
    #[error("partition {partition} did not answer: {detail}")]
    Unreachable {
        /// The partition.
        partition: u32,
        /// Why.
        detail: String,
    },
}

/// What a coordinator has gathered for one trace.
#[derive(Default)]
struct Gathered {
    accounts: BTreeMap<String, SliceAccount>,
    /// Pages of transfers, each in its node's order.
    pages: Vec<Vec<SliceTransfer>>,
    /// Accounts whose every transfer is here (their owner answered for them), hubs included.
    complete: BTreeSet<String>,
    /// Hubs, by id: their owner told their degree instead of sending their transfers.
    hubs: BTreeMap<String, usize>,
    /// Per partition, the snapshot it answered the first question from.
    upto: HashMap<u32, u32>,
    end_ts: Option<i64>,
}

impl Gathered {
    /// Asks each partition its question, all at once ([`Partitions::ask_each`]), then every
    /// further page of each; answers are taken in the questions' order.
    fn ask_round(
        &mut self,
        parts: &mut dyn Partitions,
        questions: Vec<(u32, SliceRequest)>,
    ) -> Result<(), AcrossError> {
        let questions: Vec<(u32, SliceRequest)> = questions
            .into_iter()
            .map(|(p, req)| (p, SliceRequest { upto: self.upto.get(&p).copied(), ..req }))
            .collect();
        let first = parts.ask_each(&questions);
        for ((partition, mut req), answer) in questions.into_iter().zip(first) {
            let unreachable = |detail| AcrossError::Unreachable { partition, detail };
            let mut slice = answer.map_err(unreachable)?;
            loop {
                self.upto.entry(partition).or_insert(slice.upto);
                req.upto = Some(slice.upto);
                self.end_ts = self.end_ts.max(slice.end_ts);
                for a in slice.accounts {
                    self.accounts.entry(a.id.clone()).or_insert(a);
                }
                self.hubs.extend(slice.hubs.into_iter().map(|h| (h.id, h.degree)));
                self.pages.push(slice.transfers);
                match slice.next {
                    Some(offset) if offset > req.offset => req.offset = offset,
                    _ => break,
                }
                slice = parts.ask(partition, &req).map_err(unreachable)?;
            }
            self.complete.extend(req.accounts);
        }
        Ok(())
    }

    /// A ledger of everything gathered: accounts by id, transfers in an order that keeps every
    /// node's.
    fn ledger(&self) -> Ledger {
        let mut ledger = Ledger::new();
        let banks: BTreeSet<&str> = self.accounts.values().filter_map(|a| a.bank.as_deref()).collect();
        for code in banks {
            ledger.apply(Event::Bank { code: code.into() });
        }
        for (id, a) in &self.accounts {
            let bank = a.bank.as_deref().and_then(|c| ledger.bank_ix(c));
            ledger.apply(Event::Account { id: id.as_str().into(), account: Account { bank, ..a.account.clone() } });
        }
        for t in merged(&self.pages) {
            let ix = |id: &Option<String>| id.as_deref().and_then(|id| ledger.account_ix(id));
            let transfer = Transfer { from: ix(&t.from), to: ix(&t.to), ..t.transfer.clone() };
            ledger.apply(Event::Transfer { txn_id: t.txn_id.as_str().into(), transfer });
        }
        ledger
    }
}

/// Where a transfer falls when nothing else decides: by time, then id.
fn key(t: &SliceTransfer) -> (fanzha_model::Ts, &str) {
    (t.transfer.ts, t.txn_id.as_str())
}

/// The pages' transfers once each, in an order that keeps the order of every page: the next is
/// always one that heads every page holding it (the earliest such by time, then id). Pages that
/// disagree (they cannot, if each is its node's order) are merged by time and id.
fn merged(pages: &[Vec<SliceTransfer>]) -> Vec<&SliceTransfer> {
    // Per id: the pages holding it, and those it heads now.
    let mut holding: HashMap<&str, (usize, usize)> = HashMap::new();
    for t in pages.iter().flatten() {
        holding.entry(&t.txn_id).or_default().0 += 1;
    }
    let mut cursor = vec![0usize; pages.len()];
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut ready: BTreeMap<Key, &SliceTransfer> = BTreeMap::new();
    for p in 0..pages.len() {
        settle(pages, p, &mut cursor, &placed, &mut holding, &mut ready);
    }
    let mut out = Vec::new();
    loop {
        let next = match ready.pop_first() {
            Some((_, t)) => t,
            None => match pages.iter().zip(&cursor).filter_map(|(page, &c)| page.get(c)).min_by_key(|t| key(t)) {
                Some(t) => t,
                None => break,
            },
        };
        if !placed.insert(&next.txn_id) {
            continue;
        }
        out.push(next);
        for p in 0..pages.len() {
            if pages[p].get(cursor[p]).is_some_and(|t| t.txn_id == next.txn_id) {
                cursor[p] += 1;
                settle(pages, p, &mut cursor, &placed, &mut holding, &mut ready);
            }
        }
    }
    out
}

type Key<'p> = (fanzha_model::Ts, &'p str);

/// Moves page `p` past what is placed and counts its new head; one that now heads every page
/// holding it is ready.
fn settle<'p>(
    pages: &'p [Vec<SliceTransfer>],
    p: usize,
    cursor: &mut [usize],
    placed: &BTreeSet<&str>,
    holding: &mut HashMap<&'p str, (usize, usize)>,
    ready: &mut BTreeMap<Key<'p>, &'p SliceTransfer>,
) {
    let page = &pages[p];
    while page.get(cursor[p]).is_some_and(|t| placed.contains(t.txn_id.as_str())) {
        cursor[p] += 1;
    }
    if let Some(t) = page.get(cursor[p]) {
        let h = holding.get_mut(t.txn_id.as_str()).expect("every id was counted");
        h.1 += 1;
        if h.1 == h.0 {
            ready.insert(key(t), t);
        }
    }
}

/// Accounts an answer names whose transfers the walk read (every account money passed through or
/// came from), external ones aside: they must be complete for the answer to stand.
fn walked(answer: &TraceAnswer) -> Vec<String> {
    match answer {
        TraceAnswer::Forward(r) => r
            .nodes
            .iter()
            .filter(|n| !n.external)
            .map(|n| n.account.clone())
            .chain(r.held.iter().map(|h| h.account.clone()))
            .collect(),
        TraceAnswer::Backward(r) => r
            .edges
            .iter()
            .flat_map(|e| [e.from.clone(), e.to.clone()])
            .flatten()
            .chain(r.origins.iter().map(|o| o.account.clone()))
            .collect(),
    }
}

/// Runs `req` across `parts`: the answer one node holding every transfer would give (see the
/// module's documentation), gathered by asking each account's owner for its transfers, one round
/// per step the money takes into accounts not yet gathered.
pub fn trace_across(req: &TraceRequest, parts: &mut dyn Partitions) -> Result<TraceAnswer, AcrossError> {
    if req.max_hops.is_some_and(|h| h > TraceRequest::MAX_HOPS) {
        return Err(RequestError::TooManyHops { max: TraceRequest::MAX_HOPS }.into());
    }
    let count = parts.count().max(1);
    let mut gathered = Gathered::default();
    let first = (0..count).map(|p| {
        let accounts: Vec<String> = req.account.iter().filter(|id| Partition::owner(id, count) == p).cloned().collect();
        (p, SliceRequest { accounts, txns: req.txns.clone(), ..SliceRequest::default() })
    });
    gathered.ask_round(parts, first.collect())?;
    // The default as-of time is the end of the whole deployment's data, not of what was gathered.
    let req = TraceRequest { as_of: req.as_of.or(gathered.end_ts), ..req.clone() };
    // A hub's owner says how many transfers it has instead of sending them: the walk stops there.
    let hubs_above = req.as_of.map(|as_of| HubCut { degree: req.limits().hub_degree, as_of });
    loop {
        let ledger = gathered.ledger();
        let graph = TemporalGraph::build(&ledger);
        let answer = req.run_knowing(&ledger, &graph, &gathered.hubs)?;
        let mut wanted: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for id in walked(&answer) {
            let external = ledger.account_ix(&id).is_some_and(|a| ledger.account(a).external);
            if !external && !gathered.complete.contains(&id) {
                let owner = Partition::owner(&id, count);
                let ids = wanted.entry(owner).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        if wanted.is_empty() {
            return Ok(answer);
        }
        let questions = wanted
            .into_iter()
            .map(|(p, accounts)| (p, SliceRequest { accounts, hubs_above, ..SliceRequest::default() }));
        gathered.ask_round(parts, questions.collect())?;
    }
}
