//! Traces asked by ids ([`TraceRequest`]): the same answers as the typed calls, and a clear
//! refusal for every request that cannot be traced.

mod common;

use common::{Book, T0};
use fanzha_trace::{Forward, RequestError, TraceAnswer, TraceRequest, Tracer};

/// V pays A, A passes most of it to B, B withdraws part in cash.
fn book() -> Book {
    let mut b = Book::new();
    let (v, a, bb) = (b.account("V", 0, 5_000), b.account("A", 1, 0), b.account("B", 2, 0));
    b.t(v, a, 0, 1_000);
    b.t(a, bb, 60, 900);
    b.pay(Some(bb), None, 120, 500);
    b
}

fn forward(answer: TraceAnswer) -> Box<fanzha_trace::TraceReport> {
    match answer {
        TraceAnswer::Forward(r) => r,
        TraceAnswer::Backward(_) => panic!("asked forward"),
    }
}

#[test]
fn a_forward_request_answers_what_the_typed_trace_answers() {
    let b = book();
    let g = b.graph();
    let report = forward(TraceRequest::forward(vec!["T0".into()]).run(&b.ledger, &g).unwrap());
    let tracer = Tracer::new(&b.ledger, &g);
    let typed = tracer.report(&tracer.forward(&Forward::new(vec![b.ledger.txn_ix("T0").unwrap()])).unwrap());
    assert_eq!(serde_json::to_value(&report).unwrap(), serde_json::to_value(&typed).unwrap());
    assert_eq!(report.traced_fen, 1_000);
    assert_eq!((report.held_fen, report.cash_out_fen), (500, 500), "100 stays at A, 400 at B, 500 withdrawn");
}

#[test]
fn a_request_reads_as_json_with_defaults_and_an_as_of_time() {
    let b = book();
    let g = b.graph();
    let req: TraceRequest =
        serde_json::from_str(r#"{"txns":["T0"],"policy":"lifo","as_of":"2024-03-01T08:01:30+08:00"}"#).unwrap();
    assert_eq!(req.as_of, Some(T0 + 90));
    let report = forward(req.run(&b.ledger, &g).unwrap());
    assert_eq!(report.cash_out_fen, 0, "as of 90 s the withdrawal has not happened");
    let unknown = serde_json::from_str::<TraceRequest>(r#"{"txn":["T0"]}"#).unwrap_err().to_string();
    assert!(unknown.contains("unknown field"), "{unknown}");
}

#[test]
fn a_backward_request_explains_an_account_or_one_transfer() {
    let b = book();
    let g = b.graph();
    let req = TraceRequest { backward: true, account: Some("B".into()), ..TraceRequest::default() };
    let TraceAnswer::Backward(p) = req.run(&b.ledger, &g).unwrap() else { panic!("asked backward") };
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["schema"], "fanzha.provenance.v1");
    let both = TraceRequest { txns: vec!["T1".into()], ..req.clone() };
    assert_eq!(both.run(&b.ledger, &g).unwrap_err(), RequestError::BackwardTarget);
    let none = TraceRequest { account: None, ..req };
    assert_eq!(none.run(&b.ledger, &g).unwrap_err(), RequestError::BackwardTarget);
}

#[test]
fn requests_that_cannot_be_traced_are_refused_with_the_reason() {
    let b = book();
    let g = b.graph();
    let run = |r: TraceRequest| r.run(&b.ledger, &g).unwrap_err();
    assert_eq!(
        run(TraceRequest::forward(vec!["T0".into(), "nope".into()])),
        RequestError::UnknownTxns(vec!["nope".into()])
    );
    assert_eq!(run(TraceRequest::default()), RequestError::NoSeed);
    assert_eq!(
        run(TraceRequest { account: Some("A".into()), ..TraceRequest::forward(vec!["T0".into()]) }),
        RequestError::AccountForward
    );
    assert_eq!(
        run(TraceRequest { backward: true, account: Some("Z".into()), ..TraceRequest::default() }),
        RequestError::UnknownAccount("Z".into())
    );
    assert_eq!(
        run(TraceRequest { max_hops: Some(1_000), ..TraceRequest::forward(vec!["T0".into()]) }),
        RequestError::TooManyHops { max: TraceRequest::MAX_HOPS }
    );
    let early = TraceRequest { as_of: Some(T0 - 1), ..TraceRequest::forward(vec!["T0".into()]) };
    assert!(matches!(run(early), RequestError::Trace(_)));
}
