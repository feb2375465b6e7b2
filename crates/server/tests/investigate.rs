//! What police and bank investigators integrate with: `POST /v1/traces` answers what
//! `fanzha trace --json` answers, and `GET /v1/accounts/{id}/risk` what the console's account page
//! shows; both need the `investigate` scope and are audited.

mod common;

use axum::http::StatusCode;
use common::*;
use fanzha_check::suspects::Suspect;
use fanzha_detect::rules::Reason;
use fanzha_storage::Store;
use fanzha_trace::{Policy, TraceAnswer, TraceRequest};
use serde_json::{json, Value};
use std::sync::Arc;

/// The API over a store where VICTIM pays FRESH (which holds a large opening balance) 50,000 yuan,
/// and FRESH passes 30,000 to an outside account and withdraws 15,000; with its audit trail.
async fn recorded(dir: &std::path::Path) -> (Arc<fanzha_server::App>, Arc<TestGate>) {
    seed(dir);
    let gate = Arc::new(TestGate::default());
    let app = app_with(dir, gate.clone(), fanzha_server::ApiConfig::default());
    let transfers = [
        json!({"txn_id": "V1", "ts": iso(T0), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5_000_000}),
        json!({"txn_id": "F1", "ts": iso(T0 + 600), "from_account": "FRESH", "to_account": "OUT1", "amount_fen": 3_000_000}),
        json!({"txn_id": "F2", "ts": iso(T0 + 900), "from_account": "FRESH", "amount_fen": 1_500_000, "kind": "withdrawal"}),
    ];
    for t in transfers {
        let (status, v) = call(&app, "POST", "/v1/transfers", Some(t)).await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
    }
    (app, gate)
}

#[tokio::test]
async fn a_trace_over_http_is_the_trace_of_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (app, gate) = recorded(dir.path()).await;
    // FRESH holds an opening balance; last in, first out sends the victim's money on first.
    let (status, trace) = call(&app, "POST", "/v1/traces", Some(json!({"txns": ["V1"], "policy": "lifo"}))).await;
    assert_eq!(status, StatusCode::OK, "{trace}");
    assert_eq!(trace["schema"], "fanzha.trace.v1");
    assert_eq!(trace["traced_fen"], 5_000_000);
    let parts: i64 = ["held_fen", "cash_out_fen", "exits_fen"].iter().map(|k| trace[k].as_i64().unwrap()).sum();
    assert_eq!(parts, 5_000_000, "conserved to the fen: {trace}");
    assert_eq!(trace["cash_out_fen"], 1_500_000);
    assert_eq!(trace["exits_fen"], 3_000_000, "OUT1 is outside the banks' data");
    // The same request run on the store directly (as `fanzha trace --json` runs it).
    let direct = {
        let live = app.read_live().unwrap();
        let req = TraceRequest { policy: Policy::Lifo, ..TraceRequest::forward(vec!["V1".into()]) };
        match req.run(live.store.ledger(), &live.graph()).unwrap() {
            TraceAnswer::Forward(r) => serde_json::to_value(r).unwrap(),
            TraceAnswer::Backward(_) => unreachable!(),
        }
    };
    assert_eq!(trace, direct);

    let back = json!({"backward": true, "account": "OUT1", "policy": "lifo"});
    let (status, p) = call(&app, "POST", "/v1/traces", Some(back)).await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["schema"], "fanzha.provenance.v1");
    assert_eq!(p["amount_fen"], 3_000_000);
    assert!(p["origins"].as_array().unwrap().iter().any(|o| o["account"] == "VICTIM"), "{p}");

    for (body, expected) in [
        (json!({"txns": ["NOPE"]}), StatusCode::NOT_FOUND),
        (json!({"backward": true, "account": "NOPE"}), StatusCode::NOT_FOUND),
        (json!({"txns": []}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"txns": ["V1"], "max_hops": 10_000}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"txns": ["V1"], "as_of": iso(T0 - 60)}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"txns": ["V1"], "policy": "random"}), StatusCode::BAD_REQUEST),
        (json!({"txn": "V1"}), StatusCode::BAD_REQUEST),
    ] {
        let (status, v) = call(&app, "POST", "/v1/traces", Some(body.clone())).await;
        assert_eq!(status, expected, "{body}: {v}");
        assert!(v["error"]["message"].is_string(), "{v}");
    }
    let (status, _) = call_as(&app, Some(CCB_CHECK_KEY), "POST", "/v1/traces", Some(json!({"txns": ["V1"]}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let trail = gate.trail.lock().unwrap();
    let traces: Vec<_> = trail.iter().filter(|e| e.action == "api.trace").collect();
    assert!(traces.len() >= 2 && traces[0].detail.contains("forward V1"), "every trace audited: {traces:?}");
}

/// Traces asked between records see every transfer recorded so far, late ones included: the
/// serving graph is merged up to date (not rebuilt) and must answer as a graph built afresh.
#[tokio::test]
async fn a_trace_between_records_sees_them_as_a_fresh_graph_does() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = recorded(dir.path()).await;
    let later = [
        // A payment on to OUT2 (an account first seen now), then two dated before F2 (the API takes
        // transfers up to 300 s late): late arrivals land inside the graph's time order.
        json!({"txn_id": "O1", "ts": iso(T0 + 1_000), "from_account": "FRESH", "to_account": "OUT2", "amount_fen": 200_000}),
        json!({"txn_id": "L1", "ts": iso(T0 + 800), "from_account": "FRESH", "to_account": "OUT3", "amount_fen": 1_000_000}),
        json!({"txn_id": "L2", "ts": iso(T0 + 750), "from_account": "FRESH", "to_account": "OUT2", "amount_fen": 500_000}),
    ];
    for (i, t) in later.into_iter().enumerate() {
        let (status, v) = call(&app, "POST", "/v1/transfers", Some(t)).await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
        for policy in ["fifo", "lifo", "pro-rata", "libr"] {
            let body = json!({"txns": ["V1"], "policy": policy});
            let (status, trace) = call(&app, "POST", "/v1/traces", Some(body)).await;
            assert_eq!(status, StatusCode::OK, "{trace}");
            let fresh = {
                let live = app.read_live().unwrap();
                let ledger = live.store.ledger();
                let graph = fanzha_graph::TemporalGraph::build(ledger);
                assert_eq!(*live.graph(), graph, "after record {i}, the served graph is the fresh one");
                let req = TraceRequest { policy: policy.parse().unwrap(), ..TraceRequest::forward(vec!["V1".into()]) };
                match req.run(ledger, &graph).unwrap() {
                    TraceAnswer::Forward(r) => serde_json::to_value(r).unwrap(),
                    TraceAnswer::Backward(_) => unreachable!(),
                }
            };
            assert_eq!(trace, fresh, "after record {i}, {policy}");
        }
    }
}

/// A record while a trace holds the graph: the merge waits for that trace (briefly) and is made
/// in place, not into a copy of the whole graph.
#[tokio::test]
async fn a_merge_waits_for_the_trace_reading_the_graph_and_is_made_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = recorded(dir.path()).await;
    let held = app.read_live().unwrap().graph();
    let before = Arc::as_ptr(&held) as usize;
    let t =
        json!({"txn_id": "O1", "ts": iso(T0 + 1_000), "from_account": "FRESH", "to_account": "OUT2", "amount_fen": 1});
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(t)).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let reader = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(5));
        drop(held);
    });
    let merged = app.read_live().unwrap().graph();
    reader.join().unwrap();
    assert_eq!(merged.edge_count(), 4);
    assert_eq!(Arc::as_ptr(&merged) as usize, before, "merged in place once the reader let go");
}

#[tokio::test]
async fn an_accounts_risk_gathers_scores_lists_reports_and_the_holders_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (app, gate) = recorded(dir.path()).await;
    let (status, r) = call(&app, "GET", "/v1/accounts/FRESH/risk", None).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(
        (r["account"].as_str(), r["bank"].as_str(), r["external"].as_bool()),
        (Some("FRESH"), Some("ICBC"), Some(false))
    );
    assert_eq!(r["opened_at"], iso(T0 - 3 * 86_400).replace("+00:00", "Z"));
    let live_score = r["live"]["score"].as_f64().unwrap();
    assert_eq!(r["live"]["flagged"], live_score >= 0.5);
    assert!(r["detection"].is_null() && r["detection_as_of"].is_null(), "no detection run yet: {r}");
    assert_eq!(r["confirmed_mule"], false, "no case confirms it: {r}");
    let masked = r["holder"]["masked"].as_str().unwrap();
    assert!(masked.contains('*') && !r.to_string().contains("150102199001011234"), "the identity is masked: {r}");

    // A list entry, a public report and a detection flag (a card farmer's card) all show.
    let entry = json!({"list": "watch", "kind": "account", "value": "FRESH", "reason": "止付", "source": "police", "valid_from": iso(T0)});
    assert_eq!(call(&app, "POST", "/v1/lists", Some(entry)).await.0, StatusCode::CREATED);
    let report = json!({"kind": "account", "value": "FRESH", "text": "对方让我转到这个账户"});
    assert_eq!(call(&app, "POST", "/v1/reports", Some(report)).await.0, StatusCode::CREATED);
    {
        let mut live = app.write_live().unwrap();
        let fresh = live.store.ledger().account_ix("FRESH").unwrap();
        let reason = Reason {
            code: format!("rule.{}", fanzha_detect::mules::CARD_FARMER),
            message_zh: "持卡人疑似批量开卡".into(),
            message_en: "the holder looks like a card farmer".into(),
            weight: 0.6,
            counterparty: None,
        };
        let flagged: fanzha_check::suspects::Suspects =
            [(fresh, Suspect { score: 0.8, reasons: vec![reason] })].into_iter().collect();
        live.checker.suspects = flagged.with_confirmed([fresh]);
    }
    let (_, r) = call(&app, "GET", "/v1/accounts/FRESH/risk", None).await;
    assert_eq!(r["listed"][0]["reason"], "止付", "{r}");
    assert_eq!(r["reports"][0]["text"], "对方让我转到这个账户");
    assert_eq!((r["detection"]["score"].as_f64(), r["detection"]["card_farming"].as_bool()), (Some(0.8), Some(true)));
    assert_eq!(r["detection"]["reasons"][0]["message_en"], "the holder looks like a card farmer");
    assert_eq!(r["confirmed_mule"], true, "{r}");

    let (status, outside) = call(&app, "GET", "/v1/accounts/OUT1/risk", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((outside["external"].as_bool(), &outside["live"]), (Some(true), &Value::Null), "external: not scored");
    let (status, v) = call(&app, "GET", "/v1/accounts/NOPE/risk", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{v}");
    let (status, _) = call_as(&app, Some(CCB_CHECK_KEY), "GET", "/v1/accounts/FRESH/risk", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let trail = gate.trail.lock().unwrap();
    assert!(trail.iter().filter(|e| e.action == "api.account.risk" && e.object == "account:FRESH").count() >= 2);
}
