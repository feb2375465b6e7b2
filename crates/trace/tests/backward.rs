//! Hand-built backward traces: from a mule's balance back to the people who paid it in.

mod common;

use common::Book;
use fanzha_model::{AccountIx, Fen};
use fanzha_trace::{Backward, OriginKind, Policy, Provenance, TraceError, Tracer};

fn back(book: &Book, mules: &[AccountIx], req: Backward) -> Result<Provenance, TraceError> {
    let g = book.graph();
    let tracer = Tracer::new(&book.ledger, &g).with_known_mules(mules.iter().copied());
    tracer.backward(&req)
}

fn req(account: Option<AccountIx>, policy: Policy) -> Backward {
    Backward { account, txn: None, policy, max_hops: Backward::DEFAULT_MAX_HOPS, as_of: None }
}

#[test]
fn a_mules_balance_goes_back_through_mules_to_the_victims() {
    let mut b = Book::new();
    let (v1, v2) = (b.account("V1", 0, 100_000), b.account("V2", 1, 100_000));
    let (m1, m2, m3) = (b.account("M1", 1, 0), b.account("M2", 2, 0), b.account("M3", 0, 200));
    b.t(v1, m1, 0, 50_000);
    b.t(v2, m2, 10, 30_000);
    b.t(m1, m3, 20, 40_000);
    b.t(m2, m3, 30, 30_000);
    b.pay(Some(m3), None, 40, 20_000);
    // M3 held 200 + 70,000; FIFO took the 200 and 19,800 of M1's money out as cash.
    let p = back(&b, &[m1, m2, m3], req(Some(m3), Policy::Fifo)).unwrap();
    assert_eq!(p.amount, Fen(50_200));
    let by = |k: OriginKind, a: AccountIx| {
        p.origins.iter().filter(|o| o.kind == k && o.account == a).map(|o| o.amount.0).sum::<i64>()
    };
    assert_eq!(by(OriginKind::Payer, v2), 30_000);
    assert_eq!(by(OriginKind::Payer, v1), 20_200);
    assert_eq!(p.origins.iter().map(|o| o.amount).sum::<Fen>(), p.amount);
    assert!(p.origins.iter().all(|o| o.hop == 2));
    let lifo = back(&b, &[m1, m2, m3], req(Some(m3), Policy::Lifo)).unwrap();
    let lifo_by = |a: AccountIx| lifo.origins.iter().filter(|o| o.account == a).map(|o| o.amount.0).sum::<i64>();
    assert_eq!((lifo_by(v2), lifo_by(v1), lifo_by(m3)), (10_000, 40_000, 200));
}

#[test]
fn an_ordinary_payer_ends_the_walk_and_a_reported_transfer_can_be_explained() {
    let mut b = Book::new();
    let (boss, v, m) = (b.account("EMPLOYER", 0, 1_000_000), b.account("V", 1, 0), b.account("M", 2, 0));
    b.t(boss, v, 0, 8_000);
    let paid = b.t(v, m, 10, 5_000);
    let p = back(&b, &[m], req(Some(m), Policy::Fifo)).unwrap();
    assert_eq!(p.origins.len(), 1);
    assert_eq!((p.origins[0].kind, p.origins[0].account, p.origins[0].txn), (OriginKind::Payer, v, Some(paid)));
    let mut by_txn = req(None, Policy::Fifo);
    by_txn.txn = Some(paid);
    let p = back(&b, &[m, v], by_txn).unwrap();
    assert_eq!((p.origins[0].kind, p.origins[0].account, p.origins[0].amount), (OriginKind::Payer, boss, Fen(5_000)));
}

#[test]
fn cash_opening_balances_and_missing_money_are_origins_too() {
    let mut b = Book::new();
    let (m, x) = (b.account("M", 0, 300), b.account("X", 1, 0));
    b.pay(None, Some(m), 0, 1_000);
    let sent = b.t(m, x, 10, 2_000);
    let mut r = req(None, Policy::Fifo);
    r.txn = Some(sent);
    let p = back(&b, &[m], r).unwrap();
    let kinds: Vec<(OriginKind, i64)> = p.origins.iter().map(|o| (o.kind, o.amount.0)).collect();
    assert_eq!(kinds, vec![(OriginKind::Cash, 1_000), (OriginKind::Unknown, 700), (OriginKind::Opening, 300)]);
}

#[test]
fn pooled_policies_cannot_be_followed_back() {
    let mut b = Book::new();
    let m = b.account("M", 0, 300);
    b.pay(None, Some(m), 0, 1_000);
    assert!(matches!(back(&b, &[], req(Some(m), Policy::ProRata)), Err(TraceError::BackwardPolicy(_))));
}

#[test]
fn several_paths_to_one_victim_give_one_origin_and_one_row_per_transfer() {
    let mut b = Book::new();
    let v = b.account("V", 0, 100_000);
    let (m, s) = (b.account("M", 1, 0), b.account("S", 2, 0));
    let paid = b.t(v, m, 0, 1_000);
    b.t(m, s, 10, 600);
    b.t(m, s, 20, 400);
    let p = back(&b, &[m, s], req(Some(s), Policy::Fifo)).unwrap();
    assert_eq!(p.origins.len(), 1);
    assert_eq!((p.origins[0].account, p.origins[0].txn, p.origins[0].amount), (v, Some(paid), Fen(1_000)));
    let victim_rows = p.edges.iter().filter(|e| e.txn == paid).count();
    assert_eq!(victim_rows, 1);
    assert_eq!(p.edges.iter().find(|e| e.txn == paid).unwrap().traced, Fen(1_000));
}

#[test]
fn a_victims_own_payment_is_explained_as_the_victims() {
    let mut b = Book::new();
    let (boss, v, m) = (b.account("EMPLOYER", 0, 1_000_000), b.account("V", 1, 0), b.account("M", 2, 0));
    b.t(boss, v, 0, 8_000);
    let paid = b.t(v, m, 10, 5_000);
    let mut r = req(None, Policy::Fifo);
    r.txn = Some(paid);
    let p = back(&b, &[m], r).unwrap();
    assert_eq!(p.origins.len(), 1);
    assert_eq!((p.origins[0].kind, p.origins[0].account, p.origins[0].hop), (OriginKind::Payer, v, 1));
}
