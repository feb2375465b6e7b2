//! How a backward trace walks: from money in a suspect account (or a suspect transfer) back
//! through the lots that made it up, layer by layer, until it reaches the people who paid it
//! in (the likely victims), cash, outside accounts or opening balances.

use crate::flow::{FlowEdge, Stop};
use crate::{MuleStatus, Policy, TraceError, Tracer};
use fanzha_graph::EdgeIx;
use fanzha_model::{AccountIx, Fen, TransferIx, Ts};
use serde::Serialize;
use std::collections::VecDeque;

/// What to trace back.
#[derive(Debug, Clone)]
pub struct Backward {
    /// Explain this account's balance at `as_of`, or…
    pub account: Option<AccountIx>,
    /// …explain the money this transfer carried.
    pub txn: Option<TransferIx>,
    /// FIFO or LIFO.
    pub policy: Policy,
    /// Go back at most this many transfers.
    pub max_hops: u32,
    /// The moment explained; `None`: the end of the data.
    pub as_of: Option<Ts>,
}

impl Backward {
    /// Default max hops back: mule layers rarely exceed this before reaching victims.
    pub const DEFAULT_MAX_HOPS: u32 = 6;
}

/// Where a part of the explained money came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// Paid in by an account that does not behave like a mule: the likely victim.
    Payer,
    /// Cash deposited.
    Cash,
    /// Paid in from an account outside the data.
    External,
    /// The account's balance before the data starts.
    Opening,
    /// More left the account than the data shows arriving.
    Unknown,
    /// The walk stopped at this account (hop limit, hub or work budget).
    Stopped,
}

impl OriginKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            OriginKind::Payer => "payer",
            OriginKind::Cash => "cash",
            OriginKind::External => "external",
            OriginKind::Opening => "opening",
            OriginKind::Unknown => "unknown",
            OriginKind::Stopped => "stopped",
        }
    }
}

/// One part of the explained money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// What kind of origin.
    pub kind: OriginKind,
    /// The paying account (payer, external, stopped) or the account whose opening balance or
    /// missing inflow it is.
    pub account: AccountIx,
    /// The transfer that brought it in, when there is one.
    pub txn: Option<TransferIx>,
    /// How much of the explained money, in fen.
    pub amount: Fen,
    /// Transfers back from the explained money.
    pub hop: u32,
    /// Why the walk stopped, for [`OriginKind::Stopped`].
    pub stopped: Option<Stop>,
}

/// The result of a backward trace.
///
/// Invariant (checked when built): the origins add up to `amount`, to the fen.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// The policy used.
    pub policy: Policy,
    /// The moment explained.
    pub as_of: Ts,
    /// The money explained, in fen.
    pub amount: Fen,
    /// Where it came from, largest first.
    pub origins: Vec<Origin>,
    /// Transfers that brought it, with the part explained (hop counts backwards from 1).
    pub edges: Vec<FlowEdge>,
}

/// Where a lot came from while replaying one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Opening,
    In(u32),
    Unknown,
}

struct Back<'t, 'a> {
    t: &'t Tracer<'a>,
    policy: Policy,
    max_hops: u32,
    end: u32,
    events: u64,
    origins: Vec<Origin>,
    edges: Vec<FlowEdge>,
}

impl Tracer<'_> {
    /// Traces money back to where it came from.
    pub fn backward(&self, req: &Backward) -> Result<Provenance, TraceError> {
        if !req.policy.keeps_lots() {
            return Err(TraceError::BackwardPolicy(req.policy));
        }
        let as_of = match req.as_of {
            Some(t) => t,
            None => self.end_of_data()?,
        };
        let mut b = Back {
            t: self,
            policy: req.policy,
            max_hops: req.max_hops.max(1),
            end: self.graph.end_after(as_of).0,
            events: 0,
            origins: Vec::new(),
            edges: Vec::new(),
        };
        let amount = match (req.txn, req.account) {
            (Some(txn), None) => {
                let e = self.seed_edge(txn, as_of)?;
                let amount = self.graph.edge(EdgeIx(e)).amount.0;
                b.follow(e, amount, 1, true);
                amount
            }
            (None, Some(a)) => {
                let held = b.replay(a, None).iter().map(|&(_, amt)| amt).sum();
                b.explain(a, None, held, 0);
                held
            }
            (Some(_), Some(_)) => return Err(TraceError::BackwardTarget),
            (None, None) => return Err(TraceError::NoSeed),
        };
        // One row per origin and per transfer, however many paths led to them.
        let mut origins: Vec<Origin> = Vec::new();
        b.origins.sort_by_key(|o| (o.kind.as_str(), o.account.0, o.txn.map(|t| t.0), o.hop));
        for o in b.origins {
            match origins.last_mut() {
                Some(last) if (last.kind, last.account, last.txn) == (o.kind, o.account, o.txn) => {
                    last.amount += o.amount
                }
                _ => origins.push(o),
            }
        }
        origins.sort_by_key(|o| (std::cmp::Reverse(o.amount), o.hop, o.account.0));
        let mut edges: Vec<FlowEdge> = Vec::new();
        b.edges.sort_by_key(|e| (e.ts, e.txn.0, e.hop));
        for e in b.edges {
            match edges.last_mut() {
                Some(last) if last.txn == e.txn => last.traced += e.traced,
                _ => edges.push(e),
            }
        }
        let p = Provenance { policy: req.policy, as_of, amount: Fen(amount), origins, edges };
        assert_eq!(p.origins.iter().map(|o| o.amount).sum::<Fen>(), p.amount, "backward trace lost money: a bug");
        Ok(p)
    }
}

impl Back<'_, '_> {
    /// Explains `amount` fen of what account `a` sent by edge `out` (or holds at the end, when
    /// `out` is `None`), found `hop` transfers back.
    fn explain(&mut self, a: AccountIx, out: Option<u32>, amount: i64, hop: u32) {
        if amount <= 0 {
            return;
        }
        let limits = self.t.limits;
        let degree = self.t.degree_before(a, self.end);
        let budget_left = self.events < limits.events_total;
        if limits.is_hub(degree) || degree > limits.events_per_account as usize || !budget_left {
            let stop = if limits.is_hub(degree) { Stop::Hub } else { Stop::WorkLimit };
            self.origin(OriginKind::Stopped, a, None, amount, hop, Some(stop));
            return;
        }
        let parts = self.replay(a, out);
        for (source, part) in scale(&parts, amount) {
            match source {
                Source::Opening => self.origin(OriginKind::Opening, a, None, part, hop, None),
                Source::Unknown => self.origin(OriginKind::Unknown, a, None, part, hop, None),
                Source::In(e) => self.follow(e, part, hop + 1, false),
            }
        }
    }

    /// `part` fen arrived by edge `e`, `hop` transfers back (`seed`: it is the transfer asked
    /// about): record it and keep going back through mules.
    fn follow(&mut self, e: u32, part: i64, hop: u32, seed: bool) {
        let t = self.t;
        let edge = t.graph.edge(EdgeIx(e));
        self.edges.push(FlowEdge {
            txn: edge.txn,
            from: edge.src,
            to: edge.dst,
            ts: edge.ts,
            amount: edge.amount,
            traced: Fen(part),
            hop,
            seed,
        });
        let Some(src) = edge.src else {
            let to = edge.dst.expect("a transfer has a payer or a payee");
            return self.origin(OriginKind::Cash, to, Some(edge.txn), part, hop, None);
        };
        if t.ledger.account(src).external {
            return self.origin(OriginKind::External, src, Some(edge.txn), part, hop, None);
        }
        if t.limits.is_hub(t.degree_before(src, self.end)) {
            return self.origin(OriginKind::Stopped, src, Some(edge.txn), part, hop, Some(Stop::Hub));
        }
        // Judged on its history up to the transfer, around the last money it received before it.
        let ins = t.graph.in_edges(src);
        let arrived = ins[..ins.partition_point(|&i| i < e)].last().map_or(edge.ts, |&i| t.graph.edge(EdgeIx(i)).ts);
        if t.signals(src, arrived, edge.ts).mule == MuleStatus::No {
            return self.origin(OriginKind::Payer, src, Some(edge.txn), part, hop, None);
        }
        if hop >= self.max_hops {
            return self.origin(OriginKind::Stopped, src, Some(edge.txn), part, hop, Some(Stop::MaxHops));
        }
        self.explain(src, Some(e), part, hop);
    }

    fn origin(
        &mut self,
        kind: OriginKind,
        account: AccountIx,
        txn: Option<TransferIx>,
        amount: i64,
        hop: u32,
        stopped: Option<Stop>,
    ) {
        self.origins.push(Origin { kind, account, txn, amount: Fen(amount), hop, stopped });
    }

    /// Replays account `a` from the start of the data under the policy, each lot remembering
    /// where it came from; returns what edge `out` drew (or what is held at the end).
    fn replay(&mut self, a: AccountIx, out: Option<u32>) -> Vec<(Source, i64)> {
        let g = self.t.graph;
        let fifo = self.policy == Policy::Fifo;
        let stop_at = out.unwrap_or(self.end);
        let mut lots: VecDeque<(Source, i64)> = VecDeque::new();
        let opening = self.t.ledger.account(a).opening_balance.0;
        if opening > 0 {
            lots.push_back((Source::Opening, opening));
        }
        let (ins, outs) = (g.in_edges(a), g.out_edges(a));
        let (mut i, mut o) = (0, 0);
        loop {
            let next_in = ins.get(i).copied().filter(|&e| e < stop_at);
            let next_out = outs.get(o).copied().filter(|&e| e < stop_at || Some(e) == out);
            let (e, incoming) = match (next_in, next_out) {
                (Some(x), Some(y)) if x < y => (x, true),
                (_, Some(y)) => (y, false),
                (Some(x), None) => (x, true),
                (None, None) => break,
            };
            self.events += 1;
            let amount = g.edge(EdgeIx(e)).amount.0;
            if incoming {
                i += 1;
                if amount > 0 {
                    lots.push_back((Source::In(e), amount));
                }
                continue;
            }
            o += 1;
            let drawn = draw(&mut lots, amount, fifo);
            if Some(e) == out {
                return drawn;
            }
        }
        lots.into_iter().collect()
    }
}

/// Draws `amount` from the lots (front for FIFO, back for LIFO); a shortfall is `Unknown`.
fn draw(lots: &mut VecDeque<(Source, i64)>, mut amount: i64, fifo: bool) -> Vec<(Source, i64)> {
    let mut drawn = Vec::new();
    while amount > 0 {
        let lot = if fifo { lots.front_mut() } else { lots.back_mut() };
        let Some(lot) = lot else {
            drawn.push((Source::Unknown, amount));
            break;
        };
        let take = lot.1.min(amount);
        drawn.push((lot.0, take));
        lot.1 -= take;
        amount -= take;
        if lot.1 == 0 {
            if fifo {
                lots.pop_front();
            } else {
                lots.pop_back();
            }
        }
    }
    drawn
}

/// Scales parts to sum to `target` (at most their sum), by largest remainder, so no fen is
/// made or lost.
fn scale(parts: &[(Source, i64)], target: i64) -> Vec<(Source, i64)> {
    let total: i64 = parts.iter().map(|p| p.1).sum();
    if total <= target {
        return parts.to_vec();
    }
    let mut out: Vec<(Source, i64, i128)> = parts
        .iter()
        .map(|&(s, v)| {
            let num = v as i128 * target as i128;
            (s, (num / total as i128) as i64, num % total as i128)
        })
        .collect();
    let short = target - out.iter().map(|p| p.1).sum::<i64>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i].2));
    for &i in order.iter().take(short as usize) {
        out[i].1 += 1;
    }
    out.into_iter().filter(|p| p.1 > 0).map(|(s, v, _)| (s, v)).collect()
}
