//! How a forward trace walks: every account that receives traced money is replayed, transfer
//! by transfer in global time order, from the moment traced money first reaches it.

use crate::flow::{CashOut, Exit, FlowEdge, Held, Stop, Trace, Work};
use crate::purse::Purse;
use crate::{Policy, TraceError, Tracer};
use fanzha_graph::EdgeIx;
use fanzha_model::{AccountIx, Fen, TransferIx, Ts};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What to trace forward.
#[derive(Debug, Clone)]
pub struct Forward {
    /// The reported transfers (victim payments of one case).
    pub seeds: Vec<TransferIx>,
    /// Which money leaves an account first.
    pub policy: Policy,
    /// Follow at most this many transfers from a reported one (the reported one is hop 1).
    pub max_hops: u32,
    /// Show the state at this time; `None`: the end of the data.
    pub as_of: Option<Ts>,
}

impl Forward {
    /// Default max hops: longer than any laundering chain seen in the field.
    pub const DEFAULT_MAX_HOPS: u32 = 16;

    /// A FIFO trace of `seeds` to the end of the data.
    pub fn new(seeds: Vec<TransferIx>) -> Forward {
        Forward { seeds, policy: Policy::Fifo, max_hops: Forward::DEFAULT_MAX_HOPS, as_of: None }
    }
}

/// Marks a heap entry that only brings a reported transfer into the walk.
const SEED: u32 = u32::MAX;

enum State {
    /// Visited, holds no traced money now.
    Idle,
    /// Money followed transfer by transfer.
    Walking(Purse),
    /// Not followed further; keeps what reached it.
    Stopped { stop: Stop, traced: i64, since: i64 },
}

struct Node {
    hop: u32,
    state: State,
    /// Next unprocessed positions in the account's incoming and outgoing edges.
    in_pos: usize,
    out_pos: usize,
    events: u32,
    /// The edge this account waits for on the heap, if any (so it is never queued twice).
    queued: Option<u32>,
}

struct Walk<'t, 'a> {
    t: &'t Tracer<'a>,
    policy: Policy,
    max_hops: u32,
    /// Edges `0..end` are at or before the as-of time.
    end: u32,
    seeds: FxHashSet<u32>,
    nodes: FxHashMap<u32, Node>,
    heap: BinaryHeap<Reverse<(u32, u32)>>,
    traced: i64,
    /// The work budget ran out: only reported transfers are still processed.
    exhausted: bool,
    edges: Vec<FlowEdge>,
    cash_out: Vec<CashOut>,
    exits: FxHashMap<u32, Exit>,
    work: Work,
}

impl Tracer<'_> {
    /// Traces the reported transfers forward to `as_of` and says where the money is.
    pub fn forward(&self, req: &Forward) -> Result<Trace, TraceError> {
        if req.seeds.is_empty() {
            return Err(TraceError::NoSeed);
        }
        let as_of = match req.as_of {
            Some(t) => t,
            None => self.end_of_data()?,
        };
        let mut seeds = FxHashSet::default();
        for &s in &req.seeds {
            seeds.insert(self.seed_edge(s, as_of)?);
        }
        let mut w = Walk {
            t: self,
            policy: req.policy,
            max_hops: req.max_hops.max(1),
            end: self.graph.end_after(as_of).0,
            heap: seeds.iter().map(|&e| Reverse((e, SEED))).collect(),
            seeds,
            nodes: FxHashMap::default(),
            traced: 0,
            exhausted: false,
            edges: Vec::new(),
            cash_out: Vec::new(),
            exits: FxHashMap::default(),
            work: Work::default(),
        };
        w.run();
        Ok(w.finish(as_of))
    }
}

impl Walk<'_, '_> {
    fn run(&mut self) {
        let mut last = None;
        while let Some(Reverse((e, a))) = self.heap.pop() {
            if !self.exhausted && self.work.transfers >= self.t.limits.events_total {
                // Every open account keeps what it holds; reported transfers still count.
                self.exhausted = true;
                self.stop_all(Stop::WorkLimit);
            }
            if self.exhausted && a != SEED {
                continue;
            }
            if a != SEED {
                self.advance_past(a, e);
            }
            if last != Some(e) {
                last = Some(e);
                self.work.transfers += 1;
                self.process(e);
            }
            if a != SEED {
                self.schedule(a);
            }
        }
    }

    /// Moves `a`'s cursors past edge `e` (its next edge).
    fn advance_past(&mut self, a: u32, e: u32) {
        let g = self.t.graph;
        let node = self.nodes.get_mut(&a).expect("scheduled accounts have nodes");
        node.queued = None;
        let acc = AccountIx(a);
        if g.in_edges(acc).get(node.in_pos) == Some(&e) {
            node.in_pos += 1;
        }
        if g.out_edges(acc).get(node.out_pos) == Some(&e) {
            node.out_pos += 1;
        }
    }

    /// Puts a walking account's next edge on the heap.
    fn schedule(&mut self, a: u32) {
        let g = self.t.graph;
        let node = self.nodes.get_mut(&a).expect("scheduled accounts have nodes");
        if !matches!(node.state, State::Walking(_)) || node.queued.is_some() {
            return;
        }
        let acc = AccountIx(a);
        let next_in = g.in_edges(acc).get(node.in_pos).copied().unwrap_or(u32::MAX);
        let next_out = g.out_edges(acc).get(node.out_pos).copied().unwrap_or(u32::MAX);
        let next = next_in.min(next_out);
        if next < self.end {
            node.queued = Some(next);
            self.heap.push(Reverse((next, a)));
        }
    }

    fn process(&mut self, e: u32) {
        let edge = self.t.graph.edge(EdgeIx(e));
        let x = edge.amount.0;
        let mut carried = 0;
        let mut hop = 1;
        if let Some(s) = edge.src {
            if let Some(node) = self.nodes.get_mut(&s.0) {
                match &mut node.state {
                    State::Walking(purse) => {
                        carried = purse.withdraw(x);
                        hop = node.hop + 1;
                        node.events += 1;
                        if purse.traced() == 0 {
                            node.state = State::Idle;
                        } else if node.events >= self.t.limits.events_per_account {
                            stop(node, Stop::WorkLimit);
                        }
                    }
                    // A reported transfer out of an account the walk stopped at carries what
                    // that account holds first, so the case's money is not counted twice.
                    State::Stopped { traced, .. } if self.seeds.contains(&e) => {
                        carried = x.min(*traced);
                        *traced -= carried;
                    }
                    _ => {}
                }
            }
        }
        let seed = self.seeds.contains(&e);
        if seed {
            self.traced += x - carried;
            carried = x;
            hop = 1;
        }
        if carried > 0 {
            let traced = Fen(carried);
            self.edges.push(FlowEdge {
                txn: edge.txn,
                from: edge.src,
                to: edge.dst,
                ts: edge.ts,
                amount: edge.amount,
                traced,
                hop,
                seed,
            });
        }
        match edge.dst {
            None => {
                if let (Some(account), true) = (edge.src, carried > 0) {
                    self.cash_out.push(CashOut { txn: edge.txn, account, amount: Fen(carried), ts: edge.ts, hop });
                }
            }
            Some(d) if self.t.ledger.account(d).external => {
                if carried > 0 {
                    let exit =
                        self.exits.entry(d.0).or_insert(Exit { account: d, amount: Fen(0), first_ts: edge.ts, hop });
                    exit.amount += Fen(carried);
                    exit.hop = exit.hop.min(hop);
                }
            }
            Some(d) => self.receive(d, e, x, carried, hop, edge.ts),
        }
    }

    /// Money arrives at account `d` by edge `e`.
    fn receive(&mut self, d: AccountIx, e: u32, x: i64, carried: i64, hop: u32, ts: Ts) {
        let (t, policy, max_hops, end, exhausted) = (self.t, self.policy, self.max_hops, self.end, self.exhausted);
        let limits = t.limits;
        let node = match self.nodes.get_mut(&d.0) {
            Some(node) => node,
            None if carried == 0 => return,
            None => self.nodes.entry(d.0).or_insert(Node {
                hop,
                state: State::Idle,
                in_pos: 0,
                out_pos: 0,
                events: 0,
                queued: None,
            }),
        };
        match &mut node.state {
            State::Walking(purse) => {
                purse.deposit(x, carried, ts.0);
                node.events += 1;
                if carried > 0 {
                    node.hop = node.hop.min(hop);
                }
                if node.events >= limits.events_per_account {
                    stop(node, Stop::WorkLimit);
                }
            }
            State::Stopped { traced, .. } => {
                *traced += carried;
                if carried > 0 {
                    node.hop = node.hop.min(hop);
                }
            }
            State::Idle if carried > 0 => {
                node.hop = node.hop.min(hop);
                let g = t.graph;
                let reason = if limits.is_hub(t.degree_before(d, end)) {
                    Some(Stop::Hub)
                } else if node.hop >= max_hops {
                    Some(Stop::MaxHops)
                } else if exhausted {
                    Some(Stop::WorkLimit)
                } else {
                    None
                };
                if let Some(stop) = reason {
                    node.state = State::Stopped { stop, traced: carried, since: ts.0 };
                    return;
                }
                let mut before = t.balance_before(d, e);
                if t.graph.edge(EdgeIx(e)).src == Some(d) {
                    // A transfer to itself: the money already left once by this very edge.
                    before = (before - x).max(0);
                }
                let mut purse = Purse::new(policy, before, ts.0);
                purse.deposit(x, carried, ts.0);
                node.state = State::Walking(purse);
                node.in_pos = g.in_edges(d).partition_point(|&i| i <= e);
                node.out_pos = g.out_edges(d).partition_point(|&i| i <= e);
                self.work.accounts += 1;
                self.schedule(d.0);
            }
            State::Idle => {}
        }
    }

    /// The work budget ran out: every walking account keeps what it holds.
    fn stop_all(&mut self, why: Stop) {
        for node in self.nodes.values_mut() {
            stop(node, why);
        }
    }

    fn finish(self, as_of: Ts) -> Trace {
        let mut held: Vec<Held> = self
            .nodes
            .iter()
            .filter_map(|(&a, node)| {
                let (amount, since, stopped) = match &node.state {
                    State::Idle => return None,
                    State::Walking(p) => (p.traced(), p.traced_since()?, None),
                    State::Stopped { stop, traced, since } => (*traced, *since, Some(*stop)),
                };
                let hop = node.hop;
                (amount > 0).then_some(Held {
                    account: AccountIx(a),
                    amount: Fen(amount),
                    since: Ts(since),
                    hop,
                    stopped,
                })
            })
            .collect();
        held.sort_by_key(|h| (Reverse(h.amount), h.account.0));
        let mut exits: Vec<Exit> = self.exits.into_values().collect();
        exits.sort_by_key(|x| (Reverse(x.amount), x.account.0));
        let mut seeds: Vec<u32> = self.seeds.into_iter().collect();
        seeds.sort_unstable();
        let g = self.t.graph;
        let trace = Trace {
            policy: self.policy,
            seeds: seeds.into_iter().map(|e| g.edge(EdgeIx(e)).txn).collect(),
            as_of,
            traced: Fen(self.traced),
            edges: self.edges,
            held,
            cash_out: self.cash_out,
            exits,
            work: self.work,
        };
        assert!(trace.is_conserved(), "trace lost or made money: this is a bug in fanzha-trace");
        trace
    }
}

/// Stops following `node`; whatever traced money it holds stays there.
fn stop(node: &mut Node, why: Stop) {
    if let State::Walking(purse) = &node.state {
        let since = purse.traced_since().unwrap_or_default();
        node.state = State::Stopped { stop: why, traced: purse.traced(), since };
    }
}
