//! API contract tests: the router over a real store in a temporary directory, driven in-process.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use fanzha_model::Ts;
use fanzha_server::{router, ApiConfig};
use fanzha_storage::{OpenMode, Store};
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

fn codes(v: &Value) -> Vec<String> {
    v["reasons"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn a_safe_account_transfer_is_held_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let body = json!({"ts": iso(T0), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 8_000_000,
        "channel": "mobile", "memo": "转入安全账户配合资金清查", "payer": {"age": 69, "on_call": true}});
    let (status, v) = call(&app, "POST", "/v1/transfers/check", Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["verdict"], "hold");
    assert_eq!(v["typology"], "police_gov");
    let c = codes(&v);
    for code in ["memo_safe_account", "on_call_new_payee"] {
        assert!(c.contains(&code.to_string()), "{code} in {c:?}");
    }
    let r = &v["reasons"][0];
    assert!(r["message_zh"].as_str().unwrap().contains("安全账户"));
    assert!(r["evidence"].is_object());
    // The shipped rules' version as the rule set states it: declared version, then a content hash.
    let shipped = fanzha_check::shipped_rules(&fanzha_check::vars::Vars::schema().0).unwrap();
    assert_eq!(v["rule_version"], shipped.version(), "{v}");
    assert!(v["score"].as_f64().unwrap() > 0.8);

    // The same payment to an unknown, external account with no memo passes.
    let quiet =
        json!({"ts": iso(T0), "from_account": "VICTIM", "to_account": "6222000011112222", "amount_fen": 20_000});
    let (_, v) = call(&app, "POST", "/v1/transfers/check", Some(quiet)).await;
    assert_eq!(v["verdict"], "pass", "{v}");
}

#[tokio::test]
async fn bad_requests_name_the_field_and_record_nothing() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let cases = [
        (json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": -5}), "amount_fen"),
        (json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": "5"}), "amount_fen"),
        (json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5, "amount": 5}), "amount"),
        (
            json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5, "payer": {"age": "old"}}),
            "payer.age",
        ),
        (json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5, "ts": "tomorrow"}), "ts"),
        (json!({"to_account": "FRESH", "amount_fen": 5}), "from_account"),
    ];
    for (body, field) in cases {
        for uri in ["/v1/transfers/check", "/v1/transfers"] {
            let (status, v) = call(&app, "POST", uri, Some(body.clone())).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri} {body}: {v}");
            assert_eq!(v["error"]["field"], field, "{uri} {body}: {v}");
        }
    }
    let (status, v) = call(
        &app,
        "POST",
        "/v1/transfers",
        Some(json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5, "ts": iso(T0)})),
    )
    .await;
    assert_eq!((status, v["error"]["field"].clone()), (StatusCode::BAD_REQUEST, json!("txn_id")));
    let (status, _) = call(&app, "POST", "/v1/transfers/check", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(app.live.read().unwrap().store.ledger().transfers().len(), 0, "nothing recorded");
}

#[tokio::test]
async fn recorded_transfers_feed_the_live_features_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app1 = app(dir.path());
    assert_eq!(app1.read_live().unwrap().graph().edge_count(), 0);
    // Ten different payers send money to FRESH within an hour: scattered in…
    for i in 0..10 {
        let body = json!({"txn_id": format!("T{i}"), "ts": iso(T0 + i * 300), "from_account": format!("P{i}"),
            "to_account": "FRESH", "amount_fen": 300_000});
        let (status, v) = call(&app1, "POST", "/v1/transfers", Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{v}");
    }
    let retry = json!({"txn_id": "T9", "ts": iso(T0 + 2_700), "from_account": "P9", "to_account": "FRESH", "amount_fen": 300_000});
    assert_eq!(call(&app1, "POST", "/v1/transfers", Some(retry)).await.0, StatusCode::OK, "a retry is fine");
    let other =
        json!({"txn_id": "T9", "ts": iso(T0 + 2_700), "from_account": "P9", "to_account": "FRESH", "amount_fen": 1});
    assert_eq!(call(&app1, "POST", "/v1/transfers", Some(other)).await.0, StatusCode::CONFLICT);
    // …and it passes the money on at once: gathered out.
    let out = json!({"txn_id": "OUT", "ts": iso(T0 + 2_800), "from_account": "FRESH", "to_account": "P0",
        "amount_fen": 2_900_000});
    assert_eq!(call(&app1, "POST", "/v1/transfers", Some(out)).await.0, StatusCode::CREATED);
    let late =
        json!({"txn_id": "OLD", "ts": iso(T0 - 86_400), "from_account": "P1", "to_account": "FRESH", "amount_fen": 1});
    assert_eq!(call(&app1, "POST", "/v1/transfers", Some(late)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let check = json!({"ts": iso(T0 + 3_600), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 100_000});
    let (_, v) = call(&app1, "POST", "/v1/transfers/check", Some(check.clone())).await;
    assert!(codes(&v).contains(&"payee_fan_in_burst".to_string()), "{v}");
    assert!(v["reasons"][0]["message_en"].as_str().is_some());
    assert_eq!(app1.read_live().unwrap().graph().edge_count(), 11, "the shared graph follows what was recorded");
    drop(app1);

    let app2 = app(dir.path());
    assert_eq!(app2.live.read().unwrap().store.ledger().transfers().len(), 11);
    let (_, again) = call(&app2, "POST", "/v1/transfers/check", Some(check)).await;
    assert_eq!(again["verdict"], v["verdict"], "the same verdict after a restart");
}

#[tokio::test]
async fn lists_apply_from_their_valid_time() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let entry = json!({"list": "block", "kind": "account", "value": "FRESH", "reason": "police freeze notice",
        "source": "analyst:wang", "valid_from": iso(T0)});
    assert_eq!(call(&app, "POST", "/v1/lists", Some(entry)).await.0, StatusCode::CREATED);
    let check = |ts: i64| json!({"ts": iso(ts), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 10_000});
    assert_eq!(call(&app, "POST", "/v1/transfers/check", Some(check(T0 - 60))).await.1["verdict"], "pass");
    let (_, v) = call(&app, "POST", "/v1/transfers/check", Some(check(T0 + 60))).await;
    assert_eq!(v["verdict"], "block", "{v}");
    let removal =
        json!({"list": "block", "kind": "account", "value": "FRESH", "source": "analyst:li", "at": iso(T0 + 3_600)});
    assert_eq!(call(&app, "POST", "/v1/lists/remove", Some(removal)).await.1["closed"], 1);
    assert_eq!(call(&app, "POST", "/v1/transfers/check", Some(check(T0 + 60))).await.1["verdict"], "block", "then");
    assert_eq!(call(&app, "POST", "/v1/transfers/check", Some(check(T0 + 7_200))).await.1["verdict"], "pass", "now");
    let (_, l) = call(&app, "GET", "/v1/lists?kind=account&value=FRESH", None).await;
    assert_eq!(l["entries"].as_array().unwrap().len(), 2, "history kept: {l}");
    // One dialect: times come back as RFC 3339 (UTC), whatever offset they were sent with.
    assert_eq!(l["entries"][0]["valid_from"], Ts(T0).to_rfc3339_utc(), "{l}");
    assert_eq!(l["entries"][1]["valid_to"], Ts(T0 + 3_600).to_rfc3339_utc(), "{l}");
    let bad = json!({"list": "block", "kind": "account", "value": "X", "reason": "", "source": "s", "valid_from": 0});
    assert_eq!(call(&app, "POST", "/v1/lists", Some(bad)).await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn operations_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let (status, v) = call(&app, "GET", "/healthz", None).await;
    assert_eq!((status, v["status"].clone()), (StatusCode::OK, json!("ok")));
    call(
        &app,
        "POST",
        "/v1/transfers/check",
        Some(json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 1})),
    )
    .await;
    let (_, m) = call(&app, "GET", "/metrics", None).await;
    let m = m.as_str().unwrap().to_string();
    assert!(m.contains("fanzha_checks_total{verdict=\"pass\"} 1"), "{m}");
    assert!(m.contains("fanzha_check_seconds_count 1"));
    let (_, doc) = call(&app, "GET", "/openapi.json", None).await;
    assert_eq!(doc["openapi"], "3.1.0");
    for path in ["/v1/transfers/check", "/v1/transfers", "/v1/lists", "/healthz", "/metrics"] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    // Each protected operation names its scope, and documents 401 and 403; public ones need none.
    for (path, method, scope) in [
        ("/v1/transfers/check", "post", "check"),
        ("/v1/transfers", "post", "record"),
        ("/v1/lists", "get", "lists:read"),
        ("/v1/lists", "post", "lists:write"),
        ("/v1/lists/remove", "post", "lists:write"),
        ("/v1/reports", "get", "reports:read"),
        ("/v1/rules", "get", "rules:read"),
        ("/metrics", "get", "metrics"),
    ] {
        let op = &doc["paths"][path][method];
        assert_eq!(op["security"][0]["apiKey"][0], scope, "{method} {path}");
        assert!(op["responses"]["401"].is_object() && op["responses"]["403"].is_object(), "{method} {path}");
        assert!(fanzha_server::Scope::parse(scope).is_some());
    }
    for (path, method) in
        [("/v1/texts/analyze", "post"), ("/v1/lookup", "get"), ("/v1/reports", "post"), ("/healthz", "get")]
    {
        assert_eq!(doc["paths"][path][method]["security"], json!([]), "{method} {path} is public");
    }
    let (_, r) = call(&app, "GET", "/v1/rules", None).await;
    assert!(r["rules"].as_array().unwrap().len() >= 15);
    assert!(r["variables"].as_array().unwrap().iter().any(|v| v["name"] == "payee.fan_in_24h"));
    assert_eq!(call(&app, "GET", "/nope", None).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn texts_lookups_and_public_reports() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let scam = json!({"text": "您好,这里是市公安局,您的账户涉嫌洗钱,请立即将资金转入安全账户配合调查,不要告诉家人。"});
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(scam)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["typology"], "police_gov", "{v}");
    assert_eq!(v["top"].as_array().unwrap().len(), 3);
    assert!(v["cues"].as_array().unwrap().iter().any(|c| c["text"].as_str().unwrap().contains("安全账户")), "{v}");
    assert!(!v["advice_zh"].as_array().unwrap().is_empty());
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(json!({"text": ""}))).await;
    assert_eq!((status, v["error"]["field"].clone()), (StatusCode::BAD_REQUEST, json!("text")));
    let huge = json!({"text": "字".repeat(fanzha_text::MAX_CHARS + 1)});
    assert_eq!(call(&app, "POST", "/v1/texts/analyze", Some(huge)).await.0, StatusCode::PAYLOAD_TOO_LARGE);

    let (status, v) = call(&app, "GET", "/v1/lookup?phone=17012345678", None).await;
    assert_eq!((status, v["risk"].clone()), (StatusCode::OK, json!("unknown")), "{v}");
    for _ in 0..3 {
        let r = json!({"kind": "phone", "value": "170-1234-5678", "text": "自称公安局让我转到安全账户"});
        assert_eq!(call(&app, "POST", "/v1/reports", Some(r)).await.0, StatusCode::CREATED);
    }
    let (_, v) = call(&app, "GET", "/v1/lookup?phone=%2B86%20170%201234%205678", None).await;
    assert_eq!((v["risk"].clone(), v["reports"].clone()), (json!("medium"), json!(3)), "{v}");
    assert_eq!(call(&app, "GET", "/v1/lookup?phone=1&url=x", None).await.0, StatusCode::BAD_REQUEST);
    let bad = json!({"kind": "email", "value": "a@b"});
    assert_eq!(call(&app, "POST", "/v1/reports", Some(bad)).await.1["error"]["field"], "kind");
    let reopened =
        fanzha_check::lookup::PublicReports::open(&dir.path().join("reports.jsonl"), OpenMode::Read).unwrap();
    assert_eq!(reopened.about(fanzha_check::lists::EntryKind::Phone, "17012345678", Ts(i64::MAX)).len(), 3);
}

#[tokio::test]
async fn texts_are_analyzed_with_the_second_stage_when_the_server_has_it() {
    let Some(weights) = std::env::var_os("FANZHA_ENCODER") else {
        eprintln!("skipped: FANZHA_ENCODER is not set");
        return;
    };
    let encoder = fanzha_text::encoder::Encoder::load(std::path::Path::new(&weights)).unwrap();
    let head = fanzha_text::encoder::Head::from_json(fanzha_text::encoder::DEFAULT_HEAD).unwrap();
    let text = fanzha_text::Classifier::shipped().unwrap().with_encoder(Arc::new(encoder), head).unwrap();
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let config = ApiConfig { public_per_minute: 1_000, ..ApiConfig::default() };
    let app = common::app_with_text(dir.path(), Arc::default(), config, text);
    let scam = json!({"text": "您好,这里是市公安局,您的账户涉嫌洗钱,请立即将资金转入安全账户配合调查,不要告诉家人。"});
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(scam)).await;
    // The first stage is sure (0.91): the encoder is skipped, the verdict is the same.
    assert_eq!(
        (status, v["typology"].as_str(), v["encoder"].as_bool()),
        (StatusCode::OK, Some("police_gov"), Some(false)),
        "{v}"
    );
    // A text the first stage is unsure of goes through the encoder, on a blocking thread.
    let unsure = json!({"text": "你好 我这边是那个 嗯 上次跟你说的那个事 你看一下 方便的时候回个电话"});
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(unsure.clone())).await;
    assert_eq!((status, v["encoder"].as_bool()), (StatusCode::OK, Some(true)), "first stage below 0.714: {v}");
    // Every slot busy: a clear 503, and the text is analyzed once a slot is free.
    let held: Vec<_> =
        (0..app.text_slots.available_permits()).map(|_| app.text_slots.clone().try_acquire_owned().unwrap()).collect();
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(unsure.clone())).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("retry"), "{v}");
    drop(held);
    assert_eq!(call(&app, "POST", "/v1/texts/analyze", Some(unsure)).await.0, StatusCode::OK);
    let (status, v) = call(&app, "POST", "/v1/texts/analyze", Some(json!({"text": " "}))).await;
    assert_eq!((status, v["error"]["field"].clone()), (StatusCode::BAD_REQUEST, json!("text")));
}

#[tokio::test]
async fn public_endpoints_are_rate_limited_per_address() {
    use axum::extract::connect_info::MockConnectInfo;
    wait_for_a_fresh_minute();
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app_with(dir.path(), Arc::default(), ApiConfig { public_per_minute: 3, ..ApiConfig::default() });
    let client: std::net::SocketAddr = "203.0.113.7:5555".parse().unwrap();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let req = Request::builder().uri("/v1/lookup?url=http://scam.example").body(Body::empty()).unwrap();
        let resp = router(app.clone()).layer(MockConnectInfo(client)).oneshot(req).await.unwrap();
        statuses.push(resp.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429]);
    // Bank-side checks are not limited.
    let check = json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 1});
    assert_eq!(call(&app, "POST", "/v1/transfers/check", Some(check)).await.0, StatusCode::OK);
}

/// Issue 23, finding 7: the bank API took anonymous writes. Every protected route answers 401
/// without a key and 403 with a key lacking the scope, does nothing, and the refusal is audited.
#[tokio::test]
async fn the_bank_api_needs_a_key_with_the_scope_and_refusals_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let gate = Arc::new(TestGate::default());
    let app = app_with(dir.path(), gate.clone(), ApiConfig::default());
    let entry =
        json!({"list": "block", "kind": "account", "value": "FRESH", "reason": "r", "source": "s", "valid_from": 0});
    let removal = json!({"list": "block", "kind": "account", "value": "FRESH", "source": "s"});
    let transfer =
        json!({"txn_id": "T1", "ts": iso(T0), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5});
    let check = json!({"from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5});
    let routes = [
        ("POST", "/v1/lists", Some(entry)),
        ("POST", "/v1/lists/remove", Some(removal)),
        ("POST", "/v1/transfers", Some(transfer)),
        ("POST", "/v1/transfers/check", Some(check)),
        ("GET", "/v1/lists", None),
        ("GET", "/v1/rules", None),
        ("GET", "/v1/reports", None),
        ("GET", "/metrics", None),
        ("POST", "/v1/traces", Some(json!({"txns": ["T1"]}))),
        ("GET", "/v1/accounts/FRESH/risk", None),
    ];
    for (method, uri, body) in &routes {
        for key in [None, Some("fzk_made_up"), Some("")] {
            let (status, v) = call_as(&app, key, method, uri, body.clone()).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {uri} with {key:?}: {v}");
            assert!(v["error"]["message"].is_string(), "JSON error: {v}");
        }
        if *uri != "/v1/transfers/check" {
            let (status, _) = call_as(&app, Some(CCB_CHECK_KEY), method, uri, body.clone()).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri} with a check-only key");
        }
    }
    assert_eq!(
        call_as(&app, Some(CCB_CHECK_KEY), "POST", "/v1/transfers/check", routes[3].2.clone()).await.0,
        StatusCode::OK
    );
    let live = app.read_live().unwrap();
    assert_eq!((live.store.ledger().transfers().len(), live.checker.lists.entries().len()), (0, 0), "nothing done");
    drop(live);
    // Refusals are written off the request path; give the writer a moment.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    // Alike refusals in one batch are one entry ending in "(×N)".
    let calls = |trail: &[fanzha_server::AuditEntry]| -> usize {
        trail
            .iter()
            .map(|e| e.detail.rsplit_once("(×").map_or(1, |(_, n)| n.trim_end_matches(')').parse().unwrap()))
            .sum()
    };
    while calls(&gate.trail.lock().unwrap()) < routes.len() * 3 + routes.len() - 1 {
        assert!(std::time::Instant::now() < deadline, "refusals audited: {:?}", calls(&gate.trail.lock().unwrap()));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let trail = gate.trail.lock().unwrap();
    assert!(trail.iter().all(|e| e.action == "api.denied"));
    assert!(trail.iter().any(|e| e.object == "lists.remove" && e.actor == "anonymous"));
    assert!(trail
        .iter()
        .any(|e| e.object == "lists.add" && e.actor == "apikey:2 (CCB)" && e.detail.contains("lists:write")));
}

/// A bank records only transfers paid from its own accounts; writes are audited first, and a write
/// whose audit entry cannot be stored is not done.
#[tokio::test]
async fn a_bank_records_only_its_own_transfers_and_every_write_is_audited_first() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let gate = Arc::new(TestGate::default());
    let app = app_with(dir.path(), gate.clone(), ApiConfig::default());
    let t = |id: &str, from: &str| json!({"txn_id": id, "ts": iso(T0), "from_account": from, "to_account": "FRESH", "amount_fen": 500});
    let (status, v) = call_as(&app, Some(CCB_RECORD_KEY), "POST", "/v1/transfers", Some(t("T1", "VICTIM"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "VICTIM is an ICBC account: {v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("ICBC"), "{v}");
    // An account the store has no bank for is claimed by the first bank that records from it.
    assert_eq!(
        call_as(&app, Some(CCB_RECORD_KEY), "POST", "/v1/transfers", Some(t("T2", "NEW1"))).await.0,
        StatusCode::CREATED
    );
    assert_eq!(
        call_as(&app, Some(ICBC_KEY), "POST", "/v1/transfers", Some(t("T3", "NEW1"))).await.0,
        StatusCode::FORBIDDEN
    );
    {
        let live = app.read_live().unwrap();
        let l = live.store.ledger();
        let new1 = l.account(l.account_ix("NEW1").unwrap());
        assert_eq!(new1.bank.map(|b| l.bank_code(b)), Some("CCB"));
        assert_eq!(l.transfers().len(), 1);
    }
    assert!(gate
        .trail
        .lock()
        .unwrap()
        .iter()
        .any(|e| e.action == "api.record" && e.object == "txn:T2" && e.actor == "apikey:3 (CCB)"));
    // An account known only as a counterparty is not claimed: its bank's data must name it.
    let to_ext =
        json!({"txn_id": "T7", "ts": iso(T0), "from_account": "VICTIM", "to_account": "EXT9", "amount_fen": 5});
    assert_eq!(call(&app, "POST", "/v1/transfers", Some(to_ext)).await.0, StatusCode::CREATED);
    let from_ext =
        json!({"txn_id": "T6", "ts": iso(T0), "from_account": "EXT9", "to_account": "VICTIM", "amount_fen": 5});
    let (status, v) = call_as(&app, Some(CCB_RECORD_KEY), "POST", "/v1/transfers", Some(from_ext)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("counterparty"), "{v}");
    // Another bank's transfer id is taken, and the answer says nothing about that transfer.
    let reuse = json!({"txn_id": "T7", "ts": iso(T0), "from_account": "NEW1", "to_account": "FRESH", "amount_fen": 1});
    let (status, v) = call_as(&app, Some(CCB_RECORD_KEY), "POST", "/v1/transfers", Some(reuse)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.contains("another bank") && !message.contains("amount") && !message.contains("to_account"), "{v}");
    gate.fail_audit.store(true, std::sync::atomic::Ordering::Relaxed);
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(t("T4", "VICTIM"))).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{v}");
    let entry =
        json!({"list": "block", "kind": "account", "value": "FRESH", "reason": "r", "source": "s", "valid_from": 0});
    assert_eq!(call(&app, "POST", "/v1/lists", Some(entry)).await.0, StatusCode::INTERNAL_SERVER_ERROR);
    let live = app.read_live().unwrap();
    assert_eq!(
        (live.store.ledger().transfers().len(), live.checker.lists.entries().len()),
        (2, 0),
        "not done unaudited"
    );
}

/// Issue 23, finding 3: a retry under the same txn_id with any field changed is a conflict naming
/// the fields (ingest uses the same definition: `Ledger::transfer_differences`).
#[tokio::test]
async fn retries_that_differ_in_any_field_conflict_and_name_it() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let base = json!({"txn_id": "T1", "ts": iso(T0), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 500,
        "memo": "房租", "currency": "CNY", "region": "440300", "cross_border": false, "channel": "mobile"});
    assert_eq!(call(&app, "POST", "/v1/transfers", Some(base.clone())).await.0, StatusCode::CREATED);
    assert_eq!(call(&app, "POST", "/v1/transfers", Some(base.clone())).await.1["unchanged"], true);
    for (field, value) in [
        ("memo", json!("货款")),
        ("currency", json!("USD")),
        ("cross_border", json!(true)),
        ("region", json!("110000")),
        ("channel", json!("atm")),
    ] {
        let mut changed = base.clone();
        changed[field] = value;
        let (status, v) = call(&app, "POST", "/v1/transfers", Some(changed)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{field}: {v}");
        assert!(v["error"]["message"].as_str().unwrap().contains(field), "{field} named: {v}");
    }
}

/// Issue 23, finding 4: a record dated 9999-12-31 was accepted, after which every later record was
/// refused as late, forever.
#[tokio::test]
async fn records_from_the_future_are_refused_and_do_not_block_later_ones() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let at = |id: &str, ts: &str| json!({"txn_id": id, "ts": ts, "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5});
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(at("T1", "9999-12-31T00:00:00Z"))).await;
    assert_eq!((status, v["error"]["field"].clone()), (StatusCode::BAD_REQUEST, json!("ts")), "{v}");
    let soon = Ts(Ts::now().0 + 600).to_string();
    assert_eq!(
        call(&app, "POST", "/v1/transfers", Some(at("T2", &soon))).await.0,
        StatusCode::BAD_REQUEST,
        "10 min ahead"
    );
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(at("T3", &Ts::now().to_string()))).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    // Banks' clocks differ: a record up to the skew earlier than the latest is taken, more is late.
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(at("T4", &Ts(Ts::now().0 - 120).to_string()))).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let (status, _) = call(&app, "POST", "/v1/transfers", Some(at("T5", &Ts(Ts::now().0 - 3_600).to_string()))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let check = json!({"ts": "9999-12-31T00:00:00Z", "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5});
    assert_eq!(call(&app, "POST", "/v1/transfers/check", Some(check)).await.1["error"]["field"], "ts");
}

/// Issue 23, findings 6 and 9: list values that normalize to nothing and oversized fields are
/// refused; every error on /v1 is JSON, the framework's too.
#[tokio::test]
async fn bounds_and_json_errors_everywhere_on_the_api() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    let entry = |value: Value| json!({"list": "block", "kind": "phone", "value": value, "reason": "r", "source": "s", "valid_from": 0});
    let (status, v) = call(&app, "POST", "/v1/lists", Some(entry(json!("none given")))).await;
    assert_eq!((status, v["error"]["field"].clone()), (StatusCode::BAD_REQUEST, json!("value")), "{v}");
    let (status, v) = call(&app, "POST", "/v1/lists", Some(entry(json!("1".repeat(100_000))))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    assert!(v["error"]["message"].as_str().unwrap().contains("longer than"), "{v}");
    let (status, v) = call(&app, "POST", "/v1/lists", Some(entry(json!("x".repeat(300_000))))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(v["error"]["message"].is_string(), "413 is JSON: {v}");
    let (status, v) = call(&app, "GET", "/v1/transfers", None).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(v["error"]["message"].is_string(), "405 is JSON: {v}");
    let (status, v) = call(&app, "GET", "/v1/nothing/here", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(v["error"]["message"].is_string(), "404 is JSON: {v}");
    let (status, v) = call(&app, "GET", "/v1/lists?kind=email", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(v["error"]["message"].is_string(), "a bad query is JSON: {v}");
}

/// Police systems read the public's reports (一键举报) with a key.
#[tokio::test]
async fn public_reports_are_read_with_a_key() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let app = app(dir.path());
    for (value, text) in [("17012345678", "冒充公安"), ("http://x.example", "钓鱼网站"), ("170-1234-5678", "又打来了")]
    {
        let kind = if value.starts_with("http") { "url" } else { "phone" };
        let r = json!({"kind": kind, "value": value, "text": text});
        assert_eq!(call_as(&app, None, "POST", "/v1/reports", Some(r)).await.0, StatusCode::CREATED);
    }
    let (status, v) = call(&app, "GET", "/v1/reports?kind=phone&value=%2B8617012345678", None).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let texts: Vec<&str> = v["reports"].as_array().unwrap().iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["又打来了", "冒充公安"], "newest first, phone numbers compared by digits");
    assert_eq!(call(&app, "GET", "/v1/reports?limit=1", None).await.1["reports"].as_array().unwrap().len(), 1);
    let at = v["reports"][0]["at"].as_str().expect("an RFC 3339 time");
    assert!(Ts::parse_rfc3339(at).is_ok(), "{at}");
    let later = Ts(Ts::parse_rfc3339(at).unwrap().0 + 60).to_rfc3339_utc();
    let (status, none) = call(&app, "GET", &format!("/v1/reports?since={later}"), None).await;
    assert_eq!((status, none["reports"].as_array().unwrap().len()), (StatusCode::OK, 0), "{none}");
    let (status, bad) = call(&app, "GET", "/v1/reports?since=yesterday", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
}

/// A store that already holds a record dated 9999 (from before such records were refused) does not
/// make every later record look late after a restart.
#[tokio::test]
async fn a_future_record_already_in_the_store_does_not_block_recording() {
    use fanzha_model::{Event, Fen, Transfer};
    use fanzha_storage::LogStore;
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    {
        let mut store = LogStore::open(dir.path(), OpenMode::Write).unwrap();
        let l = store.ledger();
        let t = Transfer::plain(
            Ts::parse_rfc3339("9999-12-31T00:00:00Z").unwrap(),
            l.account_ix("VICTIM"),
            l.account_ix("FRESH"),
            Fen(1),
        );
        store.stage(Event::Transfer { txn_id: "Y9999".into(), transfer: t }).unwrap();
        store.commit().unwrap();
    }
    let app = app(dir.path());
    let now = json!({"txn_id": "T1", "ts": Ts::now().to_string(), "from_account": "VICTIM", "to_account": "FRESH", "amount_fen": 5});
    let (status, v) = call(&app, "POST", "/v1/transfers", Some(now)).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
}
