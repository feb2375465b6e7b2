//! Hand-built forward traces: each case is small enough to work out on paper, under every policy.

mod common;

use common::Book;
use fanzha_model::{AccountIx, Fen, TransferIx, Ts};
use fanzha_trace::{Forward, Limits, Policy, Stop, Trace, Tracer};

fn run(book: &Book, seeds: &[TransferIx], policy: Policy) -> Trace {
    run_with(book, seeds, policy, |_| {})
}

fn run_with(book: &Book, seeds: &[TransferIx], policy: Policy, tweak: impl FnOnce(&mut Forward)) -> Trace {
    let g = book.graph();
    let tracer = Tracer::new(&book.ledger, &g);
    let mut req = Forward::new(seeds.to_vec());
    req.policy = policy;
    tweak(&mut req);
    let trace = tracer.forward(&req).unwrap();
    assert!(trace.is_conserved());
    trace
}

fn held(t: &Trace, a: AccountIx) -> i64 {
    t.held.iter().find(|h| h.account == a).map_or(0, |h| h.amount.0)
}

#[test]
fn a_split_and_a_withdrawal_are_the_same_under_every_policy() {
    let mut b = Book::new();
    let (v, a, x, y) = (b.account("V", 0, 5_000), b.account("A", 1, 0), b.account("X", 2, 0), b.account("Y", 1, 0));
    let seed = b.t(v, a, 0, 1_000);
    b.t(a, x, 60, 600);
    b.t(a, y, 120, 400);
    b.pay(Some(x), None, 600, 600);
    for p in Policy::ALL {
        let t = run(&b, &[seed], p);
        assert_eq!(t.traced, Fen(1_000), "{p}");
        assert_eq!(held(&t, y), 400, "{p}");
        assert_eq!(t.cash_out.len(), 1, "{p}");
        assert_eq!((t.cash_out[0].account, t.cash_out[0].amount, t.cash_out[0].hop), (x, Fen(600), 3), "{p}");
        assert_eq!(t.edges.len(), 4, "{p}");
        assert!(t.edges[0].seed && t.edges[0].hop == 1);
    }
}

#[test]
fn the_opening_balance_is_the_oldest_lot() {
    let mut b = Book::new();
    let (v, a, x) = (b.account("V", 0, 5_000), b.account("A", 1, 500), b.account("X", 2, 0));
    let seed = b.t(v, a, 0, 1_000);
    b.t(a, x, 60, 700);
    let expect = [
        (Policy::Fifo, 200),    // 500 opening first, then 200 of the victim's
        (Policy::Lifo, 700),    // newest first
        (Policy::ProRata, 467), // 700 × 1000/1500 = 466.67, rounded half up
        (Policy::Poison, 700),  // traced first
        (Policy::Libr, 200),    // own money first
    ];
    for (p, to_x) in expect {
        let t = run(&b, &[seed], p);
        assert_eq!((held(&t, x), held(&t, a)), (to_x, 1_000 - to_x), "{p}");
    }
}

#[test]
fn earlier_money_of_others_comes_before_a_victims_money_under_fifo() {
    let mut b = Book::new();
    let (v1, v2, m, x) =
        (b.account("V1", 0, 9_000), b.account("V2", 0, 9_000), b.account("M", 1, 0), b.account("X", 2, 0));
    let s1 = b.t(v1, m, 0, 1_000);
    let s2 = b.t(v2, m, 10, 500);
    b.t(m, x, 20, 1_200);
    let alone = run(&b, &[s2], Policy::Fifo);
    assert_eq!((held(&alone, x), held(&alone, m)), (200, 300));
    let lifo = run(&b, &[s2], Policy::Lifo);
    assert_eq!((held(&lifo, x), held(&lifo, m)), (500, 0));
    let both = run(&b, &[s1, s2], Policy::Fifo);
    assert_eq!(both.traced, Fen(1_500));
    assert_eq!((held(&both, x), held(&both, m)), (1_200, 300));
    assert_eq!(both.seeds, vec![s1, s2]);
}

#[test]
fn money_cannot_leave_before_it_arrived() {
    let mut b = Book::new();
    let (v, m, x) = (b.account("V", 0, 9_000), b.account("M", 1, 2_000), b.account("X", 2, 0));
    b.t(m, x, 0, 1_000);
    let seed = b.t(v, m, 10, 700);
    for p in Policy::ALL {
        let t = run(&b, &[seed], p);
        assert_eq!((held(&t, m), held(&t, x)), (700, 0), "{p}");
    }
}

#[test]
fn exits_and_cash_out_end_the_trail() {
    let mut b = Book::new();
    let (v, m, out) = (b.account("V", 0, 9_000), b.account("M", 1, 0), b.external("OUTSIDE"));
    let seed = b.t(v, m, 0, 1_000);
    b.t(m, out, 10, 300);
    b.t(m, out, 20, 200);
    let w = b.pay(Some(m), None, 30, 500);
    let t = run(&b, &[seed], Policy::Fifo);
    assert_eq!(t.exits.len(), 1);
    assert_eq!((t.exits[0].account, t.exits[0].amount, t.exits[0].first_ts), (out, Fen(500), Ts(common::T0 + 10)));
    assert_eq!((t.cash_out[0].txn, t.cash_out[0].amount), (w, Fen(500)));
    assert!(t.held.is_empty());
}

#[test]
fn a_cycle_is_followed_around_and_out() {
    let mut b = Book::new();
    let (v, a, bb, c) = (b.account("V", 0, 9_000), b.account("A", 1, 0), b.account("B", 2, 0), b.account("C", 0, 0));
    let seed = b.t(v, a, 0, 100);
    b.t(a, bb, 10, 100);
    b.t(bb, a, 20, 100);
    b.t(a, bb, 30, 100);
    b.t(bb, c, 40, 100);
    for p in Policy::ALL {
        let t = run(&b, &[seed], p);
        assert_eq!(held(&t, c), 100, "{p}");
        assert_eq!(t.edges.len(), 5, "{p}");
        assert_eq!(t.held[0].hop, 3, "V→A→B→C is the shortest traced path: three transfers");
    }
}

#[test]
fn a_reported_transfer_downstream_of_another_is_not_counted_twice() {
    let mut b = Book::new();
    let (v, a, x) = (b.account("V", 0, 9_000), b.account("A", 1, 0), b.account("X", 2, 0));
    let s1 = b.t(v, a, 0, 1_000);
    let s2 = b.t(a, x, 10, 1_000);
    let t = run(&b, &[s1, s2], Policy::Fifo);
    assert_eq!(t.traced, Fen(1_000));
    assert_eq!(held(&t, x), 1_000);
}

#[test]
fn as_of_shows_the_money_where_it_was_then() {
    let mut b = Book::new();
    let (v, a, x) = (b.account("V", 0, 9_000), b.account("A", 1, 0), b.account("X", 2, 0));
    let seed = b.t(v, a, 0, 1_000);
    b.t(a, x, 3_600, 1_000);
    let then = run_with(&b, &[seed], Policy::Fifo, |r| r.as_of = Some(Ts(common::T0 + 60)));
    assert_eq!(held(&then, a), 1_000);
    assert_eq!(then.held[0].since, Ts(common::T0));
    let now = run(&b, &[seed], Policy::Fifo);
    assert_eq!((held(&now, a), held(&now, x)), (0, 1_000));
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g);
    let mut early = Forward::new(vec![seed]);
    early.as_of = Some(Ts(common::T0 - 1));
    assert!(tracer.forward(&early).is_err(), "a report before its own transfer is refused");
}

#[test]
fn the_hop_limit_stops_and_keeps_the_money() {
    let mut b = Book::new();
    let v = b.account("V", 0, 9_000);
    let chain: Vec<AccountIx> = (0..5).map(|i| b.account(&format!("M{i}"), 1, 0)).collect();
    let seed = b.t(v, chain[0], 0, 1_000);
    for (i, w) in chain.windows(2).enumerate() {
        b.t(w[0], w[1], 10 * (i as i64 + 1), 1_000);
    }
    let t = run_with(&b, &[seed], Policy::Fifo, |r| r.max_hops = 2);
    assert_eq!(t.held.len(), 1);
    assert_eq!((t.held[0].account, t.held[0].stopped, t.held[0].hop), (chain[1], Some(Stop::MaxHops), 2));
    let all = run(&b, &[seed], Policy::Fifo);
    assert_eq!((all.held[0].account, all.held[0].stopped), (chain[4], None));
}

#[test]
fn a_hub_is_not_walked_but_holds_what_reached_it() {
    let mut b = Book::new();
    let (v, m, hub) = (b.account("V", 0, 9_000), b.account("M", 1, 0), b.account("TENPAY", 2, 10_000_000));
    let shops: Vec<AccountIx> = (0..20).map(|i| b.account(&format!("S{i}"), 0, 0)).collect();
    let seed = b.t(v, m, 0, 1_000);
    b.t(m, hub, 10, 1_000);
    for (i, &s) in shops.iter().enumerate() {
        b.t(hub, s, 20 + i as i64, 50_000);
    }
    let g = b.graph();
    let limits = Limits { hub_degree: 10, ..Limits::default() };
    let tracer = Tracer::new(&b.ledger, &g).with_limits(limits);
    for p in Policy::ALL {
        let mut req = Forward::new(vec![seed]);
        req.policy = p;
        let t = tracer.forward(&req).unwrap();
        assert!(t.is_conserved());
        assert_eq!((t.held.len(), t.held[0].account, t.held[0].stopped), (1, hub, Some(Stop::Hub)), "{p}");
        assert!(t.work.transfers <= 3, "{p}: the hub's 20 transfers are never replayed");
    }
    let tight = Tracer::new(&b.ledger, &g).with_limits(Limits { events_per_account: 5, ..Limits::default() });
    let mut req = Forward::new(vec![seed]);
    req.policy = Policy::ProRata;
    let t = tight.forward(&req).unwrap();
    assert!(t.is_conserved());
    assert!(t.held.iter().any(|h| h.account == hub && h.stopped == Some(Stop::WorkLimit)));
}

#[test]
fn a_seed_paid_out_as_cash_by_the_victim_is_cash_out_at_once() {
    let mut b = Book::new();
    let v = b.account("V", 0, 9_000);
    let w = b.pay(Some(v), None, 0, 2_000);
    let t = run(&b, &[w], Policy::Fifo);
    assert_eq!((t.cash_out.len(), t.cash_out_total()), (1, Fen(2_000)));
}

#[test]
fn a_reported_transfer_out_of_a_stopped_account_is_not_counted_twice() {
    let mut b = Book::new();
    let (v, m, x) = (b.account("V", 0, 9_000), b.account("M", 1, 0), b.account("X", 2, 0));
    let s1 = b.t(v, m, 0, 1_000);
    let s2 = b.t(m, x, 10, 1_000);
    let t = run_with(&b, &[s1, s2], Policy::Fifo, |r| r.max_hops = 1);
    assert_eq!(t.traced, Fen(1_000));
    assert_eq!((held(&t, m), held(&t, x)), (0, 1_000));
}

#[test]
fn the_work_budget_never_drops_a_reported_transfer() {
    let mut b = Book::new();
    let (v1, v2, m, x) =
        (b.account("V1", 0, 9_000), b.account("V2", 0, 9_000), b.account("M", 1, 0), b.account("X", 2, 0));
    let s1 = b.t(v1, m, 0, 1_000);
    b.t(m, x, 10, 300);
    b.t(m, x, 20, 300);
    let s2 = b.t(v2, x, 30, 500);
    let g = b.graph();
    let tracer = Tracer::new(&b.ledger, &g).with_limits(Limits { events_total: 1, ..Limits::default() });
    let t = tracer.forward(&Forward::new(vec![s1, s2])).unwrap();
    assert!(t.is_conserved());
    assert_eq!((t.traced, t.seeds.len()), (Fen(1_500), 2));
    assert!(t.held.iter().all(|h| h.stopped == Some(Stop::WorkLimit)), "{:?}", t.held);
}

#[test]
fn money_that_left_beyond_the_balance_does_not_eat_later_income() {
    // M sends 1,000 it was never seen receiving, then Y pays it 1,000, then the victim 500.
    // Under FIFO the next 500 out is Y's money: the victim's stays at M.
    let mut b = Book::new();
    let (v, m, x, y, z) = (
        b.account("V", 0, 9_000),
        b.account("M", 1, 0),
        b.account("X", 2, 0),
        b.account("Y", 0, 9_000),
        b.account("Z", 2, 0),
    );
    b.t(m, x, 0, 1_000);
    b.t(y, m, 10, 1_000);
    let seed = b.t(v, m, 20, 500);
    b.t(m, z, 30, 500);
    let t = run(&b, &[seed], Policy::Fifo);
    assert_eq!((held(&t, m), held(&t, z)), (500, 0));
}

#[test]
fn an_account_reached_again_is_judged_by_its_shortest_path() {
    let mut b = Book::new();
    let v = b.account("V", 0, 9_000);
    let (m, n1, n2, out) = (b.account("M", 1, 0), b.account("N1", 2, 0), b.account("N2", 0, 0), b.account("OUT", 2, 0));
    let seed = b.t(v, m, 0, 1_000);
    b.t(m, n1, 10, 600); // M hop 1 → N1 hop 2
    b.t(m, n2, 20, 400); // M holds nothing now
    b.t(n1, n2, 30, 600); // N2 (hop 2) is reached again along a longer path
    b.t(n2, m, 40, 1_000); // back to M (hop 1, idle) along a three-hop path
    b.t(m, out, 50, 1_000);
    let t = run_with(&b, &[seed], Policy::Fifo, |r| r.max_hops = 3);
    assert_eq!(held(&t, out), 1_000, "M is hop 1 however it is reached again: {:?}", t.held);
}
