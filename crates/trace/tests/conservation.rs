//! Property tests: on random graphs every policy conserves money to the fen, and the walk
//! (which replays only the accounts traced money reaches) agrees exactly with a naive
//! replay of every account over every transfer.

mod common;

use common::Book;
use fanzha_model::{AccountIx, Fen, TransferIx};
use fanzha_trace::{Forward, Limits, Policy, Tracer};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// One random step: (kind 0..10, payer pick, payee pick, amount pick, seconds after previous).
type Step = (u8, usize, usize, u64, u8);

/// Builds a ledger from random steps. With `no_overdraft`, payments never exceed the payer's
/// balance; without it they often do (data that missed money arriving).
fn build(openings: &[i64], steps: &[Step], no_overdraft: bool) -> (Book, Vec<TransferIx>) {
    let mut b = Book::new();
    let accounts: Vec<AccountIx> =
        openings.iter().enumerate().map(|(i, &o)| b.account(&format!("A{i}"), (i % 3) as u16, o)).collect();
    let outside = b.external("OUT");
    let mut balance: Vec<i64> = openings.to_vec();
    let mut txns = Vec::new();
    let mut secs = 0;
    for &(kind, p, q, amt, dt) in steps {
        secs += dt as i64;
        let (pi, qi) = (p % accounts.len(), q % accounts.len());
        let (from, to) = match kind {
            0 => (None, Some(qi)),             // cash deposit
            1 => (Some(pi), None),             // cash withdrawal
            2 => (Some(usize::MAX), Some(qi)), // from outside
            3 => (Some(pi), Some(usize::MAX)), // to outside
            _ => (Some(pi), Some(qi)),         // transfer (self-transfers allowed)
        };
        let mut fen = 1 + (amt % 5_000) as i64;
        if let Some(f) = from.filter(|&f| f != usize::MAX) {
            if no_overdraft {
                if balance[f] == 0 {
                    continue;
                }
                fen = 1 + (amt % balance[f] as u64) as i64;
            }
            balance[f] -= fen;
        }
        if let Some(t) = to.filter(|&t| t != usize::MAX) {
            balance[t] += fen;
        }
        let pick = |x: Option<usize>| x.map(|i| if i == usize::MAX { outside } else { accounts[i] });
        txns.push(b.pay(pick(from), pick(to), secs, fen));
    }
    (b, txns)
}

/// The reference: every account's lots replayed over every transfer, no shortcuts.
struct Naive {
    policy: Policy,
    lots: Vec<Vec<(i64, i64)>>,
}

fn share(part: i64, traced: i64, whole: i64) -> i64 {
    if whole <= 0 || traced == 0 {
        return 0;
    }
    ((2 * part as i128 * traced as i128 + whole as i128) / (2 * whole as i128)) as i64
}

impl Naive {
    fn withdraw(&mut self, a: usize, x: i64) -> i64 {
        let lots = &mut self.lots[a];
        let (b, t): (i64, i64) = (lots.iter().map(|l| l.0).sum(), lots.iter().map(|l| l.1).sum());
        let drawn = x.min(b);
        let pooled = match self.policy {
            Policy::ProRata => Some(share(drawn, t, b)),
            Policy::Poison => Some(drawn.min(t)),
            Policy::Libr => Some((drawn - (b - t)).max(0)),
            _ => None,
        };
        if let Some(c) = pooled {
            *lots = vec![(b - drawn, t - c)];
            return c;
        }
        let mut left = drawn;
        let mut carried = 0;
        while left > 0 {
            let i = if self.policy == Policy::Fifo { 0 } else { lots.len() - 1 };
            let (amt, tr) = lots[i];
            if amt <= left {
                left -= amt;
                carried += tr;
                lots.remove(i);
            } else {
                let c = share(left, tr, amt);
                lots[i] = (amt - left, tr - c);
                carried += c;
                left = 0;
            }
        }
        carried
    }

    fn held(&self, a: usize) -> i64 {
        self.lots[a].iter().map(|l| l.1).sum()
    }
}

#[derive(Debug, PartialEq, Eq, Default)]
struct Outcome {
    traced: i64,
    held: BTreeMap<u32, i64>,
    cash: BTreeMap<u32, i64>,
    exits: BTreeMap<u32, i64>,
}

fn naive(b: &Book, seeds: &[TransferIx], policy: Policy) -> Outcome {
    let l = &b.ledger;
    let mut n = Naive { policy, lots: l.accounts().iter().map(|a| vec![(a.opening_balance.0, 0)]).collect() };
    let mut out = Outcome::default();
    for (i, t) in l.transfers().iter().enumerate() {
        let internal = |a: Option<AccountIx>| a.filter(|a| !l.account(*a).external);
        let mut carried = internal(t.from).map_or(0, |f| n.withdraw(f.0 as usize, t.amount.0));
        if seeds.contains(&TransferIx::of(i)) {
            out.traced += t.amount.0 - carried;
            carried = t.amount.0;
        }
        match (t.to, internal(t.to)) {
            (None, _) if carried > 0 => *out.cash.entry(i as u32).or_default() += carried,
            (Some(x), None) if carried > 0 => *out.exits.entry(x.0).or_default() += carried,
            (_, Some(d)) => n.lots[d.0 as usize].push((t.amount.0, carried)),
            _ => {}
        }
    }
    for a in 0..l.accounts().len() {
        if n.held(a) > 0 {
            out.held.insert(a as u32, n.held(a));
        }
    }
    out
}

fn walked(b: &Book, seeds: &[TransferIx], policy: Policy) -> Outcome {
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g);
    let mut req = Forward::new(seeds.to_vec());
    req.policy = policy;
    req.max_hops = 1_000;
    let t = tracer.forward(&req).unwrap();
    assert!(t.is_conserved());
    Outcome {
        traced: t.traced.0,
        held: t.held.iter().map(|h| (h.account.0, h.amount.0)).collect(),
        cash: t.cash_out.iter().map(|c| (c.txn.0, c.amount.0)).collect(),
        exits: t.exits.iter().map(|x| (x.account.0, x.amount.0)).collect(),
    }
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((0u8..10, 0usize..8, 0usize..8, any::<u64>(), 0u8..3), 1..60)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_walk_equals_a_full_replay(
        openings in prop::collection::vec(0i64..3_000, 2..7),
        steps in steps(),
        seed_picks in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        policy in prop::sample::select(Policy::ALL.to_vec()),
        overdrafts in any::<bool>(),
    ) {
        let (b, txns) = build(&openings, &steps, !overdrafts);
        prop_assume!(!txns.is_empty());
        let seeds: Vec<TransferIx> = seed_picks.iter().map(|i| txns[i.index(txns.len())]).collect();
        prop_assert_eq!(walked(&b, &seeds, policy), naive(&b, &seeds, policy));
    }

    #[test]
    fn money_is_conserved_whatever_the_data_and_limits(
        openings in prop::collection::vec(0i64..3_000, 2..7),
        steps in steps(),
        seed_picks in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        policy in prop::sample::select(Policy::ALL.to_vec()),
        max_hops in 1u32..6,
        hub_degree in 2usize..30,
        events_per_account in 1u32..20,
        events_total in 1u64..80,
    ) {
        let (b, txns) = build(&openings, &steps, false);
        let seeds: Vec<TransferIx> = seed_picks.iter().map(|i| txns[i.index(txns.len())]).collect();
        let g = b.graph();
        let tracer = Tracer::new(&b.ledger, &g).with_limits(Limits { hub_degree, events_per_account, events_total });
        let mut req = Forward::new(seeds.clone());
        req.policy = policy;
        req.max_hops = max_hops;
        let t = tracer.forward(&req).unwrap();
        prop_assert!(t.is_conserved());
        let reported: i64 = seeds.iter().collect::<std::collections::BTreeSet<_>>().iter().map(|s| b.ledger.transfer(**s).amount.0).sum();
        prop_assert!(t.traced.0 <= reported && t.traced > Fen(0));
        prop_assert!(t.edges.iter().all(|e| e.traced > Fen(0) && e.traced <= e.amount));
        prop_assert!(t.held.iter().all(|h| h.amount > Fen(0)));
    }
}
