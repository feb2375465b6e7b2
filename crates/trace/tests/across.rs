//! Property test: a trace gathered across partitions (each node holding every account's record
//! but only the transfers touching its own accounts) answers exactly as one node holding
//! everything, forward and backward, under every policy, with many transfers in the same second.

mod common;

use common::Book;
use fanzha_graph::TemporalGraph;
use fanzha_model::{AccountIx, BankIx, Event, Ledger, Partition, TransferIx};
use fanzha_trace::{trace_across, Partitions, Policy, Slice, SliceRequest, TraceRequest};
use proptest::prelude::*;

/// Nodes of a partitioned deployment, in memory; questions and answers go through JSON as they
/// do over NATS.
struct Nodes {
    nodes: Vec<(Ledger, TemporalGraph)>,
    questions: usize,
    /// Transfers sent in answers, and hubs told by count instead.
    sent: usize,
    hubs: usize,
}

impl Nodes {
    /// Splits `whole` into `count` partitions, each applying the events in the whole's order.
    fn split(whole: &Ledger, count: u32) -> Nodes {
        let nodes = (0..count)
            .map(|k| {
                let part = Partition { index: k, count };
                let mut l = Ledger::new();
                for b in 0..whole.bank_count() {
                    l.apply(Event::Bank { code: whole.bank_code(BankIx(b as u16)).into() });
                }
                for (i, a) in whole.accounts().iter().enumerate() {
                    l.apply(Event::Account { id: whole.account_id(AccountIx(i as u32)).into(), account: a.clone() });
                }
                for (i, t) in whole.transfers().iter().enumerate() {
                    let owned = [t.from, t.to].into_iter().flatten().any(|a| part.owns(whole.account_id(a)));
                    if owned {
                        let id = |a: Option<AccountIx>| a.and_then(|a| l.account_ix(whole.account_id(a)));
                        let transfer = fanzha_model::Transfer { from: id(t.from), to: id(t.to), ..t.clone() };
                        l.apply(Event::Transfer { txn_id: whole.txn_id(TransferIx::of(i)).into(), transfer });
                    }
                }
                let g = TemporalGraph::build(&l);
                (l, g)
            })
            .collect();
        Nodes { nodes, questions: 0, sent: 0, hubs: 0 }
    }
}

impl Partitions for Nodes {
    fn count(&self) -> u32 {
        self.nodes.len() as u32
    }

    fn ask(&mut self, partition: u32, req: &SliceRequest) -> Result<Slice, String> {
        self.questions += 1;
        let req: SliceRequest = serde_json::from_slice(&serde_json::to_vec(req).unwrap()).unwrap();
        let (l, g) = &self.nodes[partition as usize];
        let slice = Slice::of(l, g, &req);
        self.sent += slice.transfers.len();
        self.hubs += slice.hubs.len();
        Ok(serde_json::from_slice(&serde_json::to_vec(&slice).unwrap()).unwrap())
    }
}

/// One random step: (kind 0..10, payer pick, payee pick, amount pick, seconds after previous:
/// 0 often, so many transfers share a second).
type Step = (u8, usize, usize, u64, u8);

fn build(openings: &[i64], steps: &[Step]) -> Book {
    let mut b = Book::new();
    let accounts: Vec<AccountIx> =
        openings.iter().enumerate().map(|(i, &o)| b.account(&format!("A{i}"), (i % 3) as u16, o)).collect();
    let outside = b.external("OUT");
    let mut secs = 0;
    for &(kind, p, q, amt, dt) in steps {
        secs += i64::from(dt % 3);
        let (pi, qi) = (accounts[p % accounts.len()], accounts[q % accounts.len()]);
        let (from, to) = match kind {
            0 => (None, Some(qi)),
            1 => (Some(pi), None),
            2 => (Some(outside), Some(qi)),
            3 => (Some(pi), Some(outside)),
            _ => (Some(pi), Some(qi)),
        };
        b.pay(from, to, secs, 1 + (amt % 5_000) as i64);
    }
    b
}

fn answer(r: Result<fanzha_trace::TraceAnswer, impl ToString>) -> serde_json::Value {
    match r {
        Ok(a) => serde_json::to_value(a).unwrap(),
        Err(e) => serde_json::Value::String(e.to_string()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn partitions_gathered_trace_as_one_node(
        openings in prop::collection::vec(0i64..20_000, 2..12),
        steps in prop::collection::vec((0u8..10, 0usize..64, 0usize..64, 0u64..1_000_000, 0u8..6), 1..120),
        count in 1u32..5,
        seeds in prop::collection::vec(0usize..1_000, 1..4),
        policy in 0usize..5,
        hops in 1u32..8,
        as_of in prop::option::of(0i64..200),
        hub in prop::option::of(1usize..30),
    ) {
        let book = build(&openings, &steps);
        let whole = &book.ledger;
        let graph = book.graph();
        let mut nodes = Nodes::split(whole, count);
        let n = whole.transfers().len();
        let txns: Vec<String> = seeds.iter().map(|&s| whole.txn_id(TransferIx::of(s % n)).to_string()).collect();
        let policy = [Policy::Fifo, Policy::Lifo, Policy::ProRata, Policy::Poison, Policy::Libr][policy];
        let as_of = as_of.map(|s| common::T0 + s);
        // A low hub degree (sometimes) makes hubs of busy accounts: their owners then answer with
        // a count instead of their transfers.
        let forward =
            TraceRequest { policy, max_hops: Some(hops), as_of, hub_degree: hub, ..TraceRequest::forward(txns.clone()) };
        prop_assert_eq!(answer(trace_across(&forward, &mut nodes)), answer(forward.run(whole, &graph)));
        let policy = if policy == Policy::Lifo { Policy::Lifo } else { Policy::Fifo };
        let backward = TraceRequest { backward: true, policy, max_hops: Some(hops), as_of, hub_degree: hub, ..TraceRequest::forward(vec![txns[0].clone()]) };
        prop_assert_eq!(answer(trace_across(&backward, &mut nodes)), answer(backward.run(whole, &graph)));
        let account = whole.account_id(AccountIx((seeds[0] % openings.len()) as u32)).to_string();
        let balance = TraceRequest { backward: true, account: Some(account), policy, as_of, hub_degree: hub, ..TraceRequest::default() };
        prop_assert_eq!(answer(trace_across(&balance, &mut nodes)), answer(balance.run(whole, &graph)));
    }
}

#[test]
fn an_unknown_transfer_is_unknown_across_partitions_too() {
    let mut b = Book::new();
    let (x, y) = (b.account("X", 0, 100), b.account("Y", 1, 0));
    b.t(x, y, 0, 50);
    let mut nodes = Nodes::split(&b.ledger, 3);
    let req = TraceRequest::forward(vec!["NOPE".into()]);
    assert_eq!(answer(trace_across(&req, &mut nodes)), answer(req.run(&b.ledger, &b.graph())));
    assert!(nodes.questions >= 3, "every partition is asked for the reported transfers");
}

#[test]
fn a_hubs_owner_tells_its_count_instead_of_sending_its_transfers() {
    // A victim pays a mule, which pays a busy merchant (a hub: 300 customers pay it) and keeps
    // the rest; traced with the default hub degree lowered to 100.
    let mut b = Book::new();
    let (victim, mule) = (b.account("VICTIM", 0, 1_000_000), b.account("MULE", 1, 0));
    let hub = b.account("SHOP", 2, 0);
    for i in 0..300 {
        let customer = b.account(&format!("C{i}"), (i % 3) as u16, 10_000);
        b.t(customer, hub, i, 100);
    }
    let seed = b.t(victim, mule, 400, 50_000);
    b.t(mule, hub, 500, 30_000);
    let txn = b.ledger.txn_id(seed).to_string();
    let req = TraceRequest { hub_degree: Some(100), ..TraceRequest::forward(vec![txn]) };
    let one = answer(req.run(&b.ledger, &b.graph()));
    assert_eq!(one["held"].as_array().unwrap().iter().filter(|h| h["stopped"] == "hub").count(), 1, "{one}");
    for count in [2, 3, 4] {
        let mut nodes = Nodes::split(&b.ledger, count);
        assert_eq!(answer(trace_across(&req, &mut nodes)), one, "{count} partitions");
        assert_eq!(nodes.hubs, 1, "the shop's owner said it is a hub");
        assert!(nodes.sent < 10, "{} transfers sent: not the shop's 301", nodes.sent);
    }
}

#[test]
fn a_hub_is_counted_in_the_snapshot_the_trace_began_with() {
    // SHOP takes 12 payments; the node then takes 5 more. A trace that began before those (its
    // snapshot: the first 13 transfers) must not see SHOP as a hub of more than 12.
    let mut b = Book::new();
    let (payer, shop) = (b.account("P", 0, 1_000_000), b.account("SHOP", 1, 0));
    for i in 0..17 {
        b.t(payer, shop, i, 100);
    }
    let whole = &b.ledger;
    let graph = b.graph();
    let ask = |upto: Option<u32>| {
        let cut = fanzha_trace::HubCut { degree: 12, as_of: common::T0 + 100 };
        let req =
            SliceRequest { accounts: vec!["SHOP".into()], upto, hubs_above: Some(cut), ..SliceRequest::default() };
        Slice::of(whole, &graph, &req)
    };
    let now = ask(None);
    assert_eq!((now.hubs.len(), now.transfers.len()), (1, 0), "17 transfers now: a hub, none sent");
    assert_eq!(now.hubs[0].degree, 17);
    let then = ask(Some(12));
    assert_eq!((then.hubs.len(), then.transfers.len()), (0, 12), "12 in the trace's snapshot: no hub");
    let then = ask(Some(13));
    assert_eq!((then.hubs.len(), then.hubs.first().map(|h| h.degree)), (1, Some(13)));
}
