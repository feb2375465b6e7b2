//! Fuzzing the HTTP API with proptest: any body to every POST route and any query to every GET
//! route, with and without a key. The server never panics and never answers 5xx to bad input; every
//! error is JSON; and a request it refused changed nothing.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::*;
use fanzha_server::{router, App};
use fanzha_storage::Store;
use http_body_util::BodyExt;
use proptest::prelude::*;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

struct Fixture {
    _dir: tempfile::TempDir,
    app: Arc<App>,
    rt: tokio::runtime::Runtime,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        seed(dir.path());
        let app = app(dir.path());
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        Fixture { _dir: dir, app, rt }
    })
}

/// Sends one request; returns the status and the body.
fn send(method: &str, uri: &str, key: Option<&str>, body: Vec<u8>) -> (u16, Vec<u8>) {
    let f = fixture();
    let mut req = Request::builder().method(method).uri(uri).header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("authorization", format!("Bearer {k}"));
    }
    let Ok(req) = req.body(Body::from(body)) else { return (400, b"{}".to_vec()) };
    f.rt.block_on(async {
        let resp = router(f.app.clone()).oneshot(req).await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.into_body().collect().await.unwrap().to_bytes().to_vec())
    })
}

fn state() -> (usize, usize, usize) {
    let live = fixture().app.read_live().unwrap();
    (
        live.store.ledger().transfers().len(),
        live.checker.lists.entries().len(),
        live.reports.find(None, None, None, usize::MAX).len(),
    )
}

/// JSON near what the routes take: the right field names with values of any type.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let field = prop::sample::select(
        &[
            "txn_id",
            "ts",
            "from_account",
            "to_account",
            "amount_fen",
            "currency",
            "channel",
            "region",
            "kind",
            "memo",
            "cross_border",
            "payer",
            "list",
            "value",
            "reason",
            "source",
            "valid_from",
            "valid_to",
            "at",
            "text",
            "age",
        ][..],
    );
    let value = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|x| serde_json::json!(x)),
        ".{0,30}".prop_map(serde_json::Value::from),
        prop::sample::select(
            &[
                "2024-03-01T10:00:00+08:00",
                "9999-12-31T23:59:59Z",
                "block",
                "phone",
                "account",
                "VICTIM",
                "FRESH",
                "transfer",
                "CNY",
                "440300"
            ][..]
        )
        .prop_map(serde_json::Value::from),
    ];
    let object = prop::collection::btree_map(field, value, 0..8).prop_map(|m| serde_json::to_vec(&m).unwrap());
    prop_oneof![object, prop::collection::vec(any::<u8>(), 0..300)]
}

const POSTS: [&str; 5] = ["/v1/transfers/check", "/v1/transfers", "/v1/lists", "/v1/lists/remove", "/v1/texts/analyze"];
const GETS: [&str; 4] = ["/v1/lists", "/v1/lookup", "/v1/reports", "/v1/rules"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn bodies(route in prop::sample::select(&POSTS[..]), body in body(), keyed in any::<bool>()) {
        let before = state();
        let (status, bytes) = send("POST", route, keyed.then_some(ICBC_KEY), body);
        prop_assert!(status < 500, "{route}: {status} {}", String::from_utf8_lossy(&bytes));
        if status >= 400 {
            let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| TestCaseError::fail("error not JSON"))?;
            prop_assert!(v["error"]["message"].is_string());
            prop_assert_eq!(before, state(), "a refused request changed nothing");
        }
    }

    #[test]
    fn queries(route in prop::sample::select(&GETS[..]), query in "[a-z_=&%0-9A-F.+-]{0,60}", keyed in any::<bool>()) {
        let (status, bytes) = send("GET", &format!("{route}?{query}"), keyed.then_some(ICBC_KEY), Vec::new());
        prop_assert!(status < 500, "{route}?{query}: {status} {}", String::from_utf8_lossy(&bytes));
        prop_assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(), "JSON: {}", String::from_utf8_lossy(&bytes));
    }
}
