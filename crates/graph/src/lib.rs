//! The temporal transaction graph every analysis walks.
//!
//! Design decisions, and why:
//! - **Columns, not structs.** Edges are stored as parallel arrays (payer, payee, time, amount,
//!   transfer) in time order, so a walk touches only the columns it needs and the whole graph
//!   costs about 41 bytes per transfer (target: at most 64; see [`TemporalGraph::heap_bytes`]).
//! - **Time order is total.** Edges are sorted by (time, ingest order); an edge's index is its
//!   position in that order, so "later than" is a comparison of indices.
//! - **Adjacency is compressed (CSR) and time-sorted per account**, so "what left account A
//!   after time t" is a binary search and a slice.
//! - **Grown, not rebuilt.** A serving node's ledger only grows; [`TemporalGraph::extend`] merges
//!   what it gained into the graph (late transfers included) and equals a build from scratch.
//! - **Cash has no account.** Withdrawals have no payee and deposits no payer ([`Edge::src`],
//!   [`Edge::dst`] are `None`).
#![deny(missing_docs)]

use fanzha_model::{AccountIx, Fen, Ledger, TransferIx, TransferKind, Ts};

/// Position of an edge in the graph's time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeIx(pub u32);

impl EdgeIx {
    /// The index of the `i`-th edge; edges are transfers, which the ledger keeps within `u32`.
    pub fn of(i: usize) -> EdgeIx {
        EdgeIx(u32::try_from(i).expect("the ledger admits no more transfers than a u32 indexes"))
    }
}

/// One money movement as the graph sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// Payer; `None` for a cash deposit.
    pub src: Option<AccountIx>,
    /// Payee; `None` for a cash withdrawal.
    pub dst: Option<AccountIx>,
    /// When.
    pub ts: Ts,
    /// How much.
    pub amount: Fen,
    /// The transfer in the ledger.
    pub txn: TransferIx,
    /// Transfer, withdrawal or deposit.
    pub kind: TransferKind,
}

const NONE: u32 = u32::MAX;

/// Time-ordered transfers with per-account incoming and outgoing adjacency.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TemporalGraph {
    accounts: usize,
    src: Vec<u32>,
    dst: Vec<u32>,
    ts: Vec<i64>,
    amount: Vec<i64>,
    txn: Vec<u32>,
    kind: Vec<TransferKind>,
    /// `edge_of[transfer] = edge`.
    edge_of: Vec<u32>,
    out_start: Vec<u32>,
    out: Vec<u32>,
    in_start: Vec<u32>,
    inc: Vec<u32>,
}

impl TemporalGraph {
    /// Builds the graph from every transfer in the ledger.
    pub fn build(ledger: &Ledger) -> TemporalGraph {
        let mut g = TemporalGraph::default();
        g.extend(ledger);
        g
    }

    /// Whether the graph holds every transfer and account of `ledger` (the ledger it was built
    /// from, which only grows): [`Self::extend`] would change nothing.
    pub fn is_current(&self, ledger: &Ledger) -> bool {
        self.edge_count() == ledger.transfers().len() && self.accounts == ledger.accounts().len()
    }

    /// Brings the graph up to every transfer and account of `ledger`, which must be the ledger
    /// it was built from, grown since (the ledger only appends). The result equals a graph built
    /// from scratch; see [`Self::extend_to`] for the cost.
    pub fn extend(&mut self, ledger: &Ledger) {
        self.extend_to(ledger, ledger.transfers().len());
    }

    /// Brings the graph up to the first `transfers` transfers of `ledger` (and all its accounts);
    /// a graph of more transfers than that is left as it is. Cost: the new transfers are sorted
    /// and merged with the edges later than the earliest of them (none, when they all come after
    /// every edge, as a stream in time order brings them), and each account's adjacency is copied
    /// once, in order: O(E) sequential copying instead of a sort and a scatter of every edge.
    pub fn extend_to(&mut self, ledger: &Ledger, transfers: usize) {
        let all = ledger.transfers();
        let (old, n) = (self.edge_count(), transfers.min(all.len()));
        let accounts = ledger.accounts().len().max(self.accounts);
        if n <= old && accounts == self.accounts {
            return;
        }
        let mut fresh: Vec<u32> = (old as u32..n.max(old) as u32).collect();
        if !fresh.windows(2).all(|w| all[w[0] as usize].ts <= all[w[1] as usize].ts) {
            fresh.sort_by_key(|&i| (all[i as usize].ts, i));
        }
        // Edges are ordered by (time, transfer index) and every new transfer's index is above
        // every old one's, so the old edges that move are exactly those later than the first new one.
        let from = fresh.first().map_or(old, |&i| self.ts.partition_point(|&t| t <= all[i as usize].ts.0));
        self.merge_tail(ledger, from, &fresh);
        extend_csr(&mut self.out_start, &mut self.out, accounts, from, &self.src);
        extend_csr(&mut self.in_start, &mut self.inc, accounts, from, &self.dst);
        self.accounts = accounts;
    }

    /// Replaces the edges from position `from` on with them and the `fresh` transfers (sorted by
    /// time, then index), merged in time order.
    fn merge_tail(&mut self, ledger: &Ledger, from: usize, fresh: &[u32]) {
        let all = ledger.transfers();
        let moved: Vec<u32> = self.txn.drain(from..).collect();
        let extra = moved.len() + fresh.len();
        for column in [&mut self.src, &mut self.dst] {
            column.truncate(from);
            grow(column, extra);
        }
        for column in [&mut self.ts, &mut self.amount] {
            column.truncate(from);
            grow(column, extra);
        }
        self.kind.truncate(from);
        grow(&mut self.kind, extra);
        grow(&mut self.txn, extra);
        let transfers = self.edge_of.len().max(fresh.iter().max().map_or(0, |&i| i as usize + 1));
        let more = transfers - self.edge_of.len();
        grow(&mut self.edge_of, more);
        self.edge_of.resize(transfers, 0);
        let party = |a: Option<AccountIx>| a.map_or(NONE, |a| a.0);
        let key = |i: u32| (all[i as usize].ts, i);
        // Usually nothing moves (a stream brings transfers in time order), and a build moves nothing.
        let merged;
        let order = if moved.is_empty() {
            fresh
        } else {
            let (mut a, mut b) = (moved.iter().peekable(), fresh.iter().peekable());
            merged = std::iter::from_fn(|| match (a.peek(), b.peek()) {
                (Some(&&x), Some(&&y)) if key(x) <= key(y) => a.next().copied(),
                (_, Some(_)) => b.next().copied(),
                _ => a.next().copied(),
            })
            .collect::<Vec<u32>>();
            &merged[..]
        };
        for &i in order {
            let t = &all[i as usize];
            self.edge_of[i as usize] = self.txn.len() as u32;
            self.src.push(party(t.from));
            self.dst.push(party(t.to));
            self.ts.push(t.ts.0);
            self.amount.push(t.amount.0);
            self.txn.push(i);
            self.kind.push(t.kind);
        }
    }

    /// Number of accounts (indices `0..account_count()`).
    pub fn account_count(&self) -> usize {
        self.accounts
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.ts.len()
    }

    /// Time of the first edge (`None` when there is none).
    pub fn first_ts(&self) -> Option<Ts> {
        self.ts.first().map(|&t| Ts(t))
    }

    /// One edge.
    pub fn edge(&self, e: EdgeIx) -> Edge {
        let i = e.0 as usize;
        let acc = |v: u32| (v != NONE).then_some(AccountIx(v));
        Edge {
            src: acc(self.src[i]),
            dst: acc(self.dst[i]),
            ts: Ts(self.ts[i]),
            amount: Fen(self.amount[i]),
            txn: TransferIx(self.txn[i]),
            kind: self.kind[i],
        }
    }

    /// The edge of a ledger transfer.
    pub fn edge_of(&self, txn: TransferIx) -> EdgeIx {
        EdgeIx(self.edge_of[txn.0 as usize])
    }

    /// Edges leaving `a`, in time order.
    pub fn out_edges(&self, a: AccountIx) -> &[u32] {
        &self.out[self.out_slots(a)]
    }

    /// Edges entering `a`, in time order.
    pub fn in_edges(&self, a: AccountIx) -> &[u32] {
        &self.inc[self.in_slots(a)]
    }

    /// Where `a`'s outgoing edges sit in one numbering of all outgoing slots: [`Self::out_edges`]
    /// of consecutive accounts are consecutive, so a caller can keep a per-slot column.
    pub fn out_slots(&self, a: AccountIx) -> std::ops::Range<usize> {
        let i = a.0 as usize;
        self.out_start[i] as usize..self.out_start[i + 1] as usize
    }

    /// Where `a`'s incoming edges sit in one numbering of all incoming slots (see [`Self::out_slots`]).
    pub fn in_slots(&self, a: AccountIx) -> std::ops::Range<usize> {
        let i = a.0 as usize;
        self.in_start[i] as usize..self.in_start[i + 1] as usize
    }

    /// The first edge later than `t`: edges `0..end_after(t)` are those at or before `t`.
    pub fn end_after(&self, t: Ts) -> EdgeIx {
        EdgeIx::of(self.ts.partition_point(|&x| x <= t.0))
    }

    /// How many edges lie at or before `until` (all of them when `None`): edges `0..n` in time order.
    pub fn edges_until(&self, until: Option<Ts>) -> usize {
        until.map_or(self.edge_count(), |t| self.end_after(t).0 as usize)
    }

    /// Edges leaving `a` at or after `from` and before `to`, in time order.
    pub fn out_edges_between(&self, a: AccountIx, from: Ts, to: Ts) -> &[u32] {
        self.window(self.out_edges(a), from, to)
    }

    /// The most distinct payers of `a` inside any window of `secs` seconds (a sliding window
    /// over its incoming edges; cash deposits, which have no payer, do not count).
    pub fn most_payers_within(&self, a: AccountIx, secs: i64) -> usize {
        let edges = self.in_edges(a);
        let mut in_window: std::collections::HashMap<AccountIx, usize> = std::collections::HashMap::new();
        let (mut lo, mut best) = (0, 0);
        for &e in edges {
            let now = self.ts[e as usize];
            while self.ts[edges[lo] as usize] <= now - secs {
                if let Some(p) = self.edge(EdgeIx(edges[lo])).src {
                    if let std::collections::hash_map::Entry::Occupied(mut n) = in_window.entry(p) {
                        *n.get_mut() -= 1;
                        if *n.get() == 0 {
                            n.remove();
                        }
                    }
                }
                lo += 1;
            }
            if let Some(p) = self.edge(EdgeIx(e)).src {
                *in_window.entry(p).or_default() += 1;
            }
            best = best.max(in_window.len());
        }
        best
    }

    /// Edges entering `a` at or after `from` and before `to`, in time order.
    pub fn in_edges_between(&self, a: AccountIx, from: Ts, to: Ts) -> &[u32] {
        self.window(self.in_edges(a), from, to)
    }

    fn window<'s>(&self, edges: &'s [u32], from: Ts, to: Ts) -> &'s [u32] {
        let lo = edges.partition_point(|&e| self.ts[e as usize] < from.0);
        let hi = edges.partition_point(|&e| self.ts[e as usize] < to.0);
        &edges[lo..hi.max(lo)]
    }

    /// Heap memory held by the graph, in bytes.
    pub fn heap_bytes(&self) -> usize {
        fn cap<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        cap(&self.src)
            + cap(&self.dst)
            + cap(&self.ts)
            + cap(&self.amount)
            + cap(&self.txn)
            + cap(&self.kind)
            + cap(&self.edge_of)
            + cap(&self.out_start)
            + cap(&self.out)
            + cap(&self.in_start)
            + cap(&self.inc)
    }
}

/// Brings compressed adjacency (`start`, `edges`: for each account, the edges where `side` names
/// it, in time order) up to `accounts` accounts and every edge of `side`, in place. The entries
/// below edge `from` are still right: each account's list keeps those, moved right by what the
/// accounts before it gained (one sequential pass, from the last account back), and gets the
/// edges from `from` on that name it. With no earlier adjacency this builds it from scratch.
fn extend_csr(start: &mut Vec<u32>, edges: &mut Vec<u32>, accounts: usize, from: usize, side: &[u32]) {
    let known = start.len().saturating_sub(1);
    // How many of each account's entries stay (those below `from`), then where its list ends up.
    let mut fill: Vec<u32> = (0..accounts)
        .map(|a| {
            if a >= known {
                return 0;
            }
            let list = &edges[start[a] as usize..start[a + 1] as usize];
            match list.last() {
                Some(&e) if e as usize >= from => list.partition_point(|&e| (e as usize) < from) as u32,
                _ => list.len() as u32,
            }
        })
        .collect();
    let mut next = vec![0u32; accounts + 1];
    next[1..].copy_from_slice(&fill);
    for &a in &side[from..] {
        if a != NONE {
            next[a as usize + 1] += 1;
        }
    }
    for i in 0..accounts {
        next[i + 1] += next[i];
    }
    // Every old entry at or after `from` comes back among the new ones, so no list moves left.
    let total = next[accounts] as usize;
    grow(edges, total.saturating_sub(edges.len()));
    edges.resize(total, 0);
    for a in (0..known).rev() {
        let at = start[a] as usize;
        edges.copy_within(at..at + fill[a] as usize, next[a] as usize);
    }
    for (a, slot) in fill.iter_mut().enumerate() {
        *slot += next[a];
    }
    for (e, &a) in side.iter().enumerate().skip(from) {
        if a != NONE {
            let slot = &mut fill[a as usize];
            edges[*slot as usize] = e as u32;
            *slot += 1;
        }
    }
    *start = next;
}

/// Makes room for `extra` more items, growing by at least an eighth of the length when it must
/// grow: a graph extended batch by batch copies its columns now and then, not on every batch,
/// and carries at most an eighth unused.
fn grow<T>(v: &mut Vec<T>, extra: usize) {
    if v.capacity() - v.len() < extra {
        v.reserve_exact(extra.max(v.len() / 8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanzha_model::{Account, Event, Transfer};

    /// (txn id, payer, payee, time, fen)
    type Row<'a> = (&'a str, Option<u32>, Option<u32>, i64, i64);

    fn ledger(rows: &[Row<'_>]) -> Ledger {
        let mut l = Ledger::new();
        for id in ["A", "B", "C"] {
            l.apply(Event::Account { id: id.into(), account: Account::external() });
        }
        for &(txn, from, to, ts, fen) in rows {
            let transfer = Transfer::plain(Ts(ts), from.map(AccountIx), to.map(AccountIx), Fen(fen));
            l.apply(Event::Transfer { txn_id: txn.into(), transfer });
        }
        l
    }

    #[test]
    fn edges_are_time_ordered_with_ingest_order_breaking_ties() {
        let l = ledger(&[
            ("t0", Some(0), Some(1), 50, 10),
            ("t1", Some(1), Some(2), 20, 20),
            ("t2", Some(1), None, 50, 30),
            ("t3", None, Some(0), 10, 40),
        ]);
        let g = TemporalGraph::build(&l);
        let order: Vec<u32> = (0..4).map(|e| g.edge(EdgeIx(e)).txn.0).collect();
        assert_eq!(order, vec![3, 1, 0, 2]);
        assert_eq!(g.edge_of(TransferIx(0)), EdgeIx(2));
        assert_eq!(g.out_edges(AccountIx(1)), &[1, 3]);
        assert_eq!(g.in_edges(AccountIx(1)), &[2]);
        assert_eq!(g.in_edges(AccountIx(0)), &[0]);
        let w = g.edge(EdgeIx(3));
        assert_eq!((w.src, w.dst, w.kind), (Some(AccountIx(1)), None, TransferKind::Withdrawal));
        assert_eq!(g.out_edges_between(AccountIx(1), Ts(20), Ts(50)), &[1]);
        assert_eq!(g.out_edges_between(AccountIx(1), Ts(21), Ts(51)), &[3]);
        assert_eq!(g.out_edges_between(AccountIx(1), Ts(60), Ts(10)), &[] as &[u32]);
        assert_eq!((g.out_slots(AccountIx(1)), g.in_slots(AccountIx(1))), (1..3, 1..2));
        assert_eq!((g.end_after(Ts(9)), g.end_after(Ts(20)), g.end_after(Ts(99))), (EdgeIx(0), EdgeIx(2), EdgeIx(4)));
        assert_eq!((g.edges_until(Some(Ts(20))), g.edges_until(None)), (2, 4));
    }

    #[test]
    fn most_payers_within_a_window_counts_distinct_payers_and_slides() {
        // B is paid by A twice, then C, then cash; C pays again a day later.
        let l = ledger(&[
            ("t0", Some(0), Some(1), 0, 1),
            ("t1", Some(0), Some(1), 100, 1),
            ("t2", Some(2), Some(1), 200, 1),
            ("t3", None, Some(1), 250, 1),
            ("t4", Some(2), Some(1), 90_000, 1),
        ]);
        let g = TemporalGraph::build(&l);
        assert_eq!(g.most_payers_within(AccountIx(1), 86_400), 2);
        assert_eq!(g.most_payers_within(AccountIx(1), 150), 2, "t1 and t2 are 100 s apart");
        assert_eq!(g.most_payers_within(AccountIx(1), 100), 1, "a window of 100 s excludes its start");
        assert_eq!(g.most_payers_within(AccountIx(0), 86_400), 0);
    }

    #[test]
    fn costs_at_most_64_bytes_per_transfer() {
        let rows: Vec<(String, u32, u32)> = (0..100_000u32).map(|i| (format!("t{i}"), i % 3, (i + 1) % 3)).collect();
        let rows: Vec<Row<'_>> =
            rows.iter().map(|(t, a, b)| (t.as_str(), Some(*a), Some(*b), i64::from(*a), 1)).collect();
        let g = TemporalGraph::build(&ledger(&rows));
        let per = g.heap_bytes() as f64 / g.edge_count() as f64;
        assert!(per <= 64.0, "{per} bytes per transfer");
    }
}
