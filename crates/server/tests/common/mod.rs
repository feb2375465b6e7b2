//! What the API tests share: a small store, a gate with fixed keys, the app over them, and a call.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use fanzha_model::{Account, AccountClass, Event, Fen, Region, Ts};
use fanzha_server::access::key_hash;
use fanzha_server::{router, ApiConfig, App, AuditEntry, Caller, Gate, GateError, Live, Rules, Scope};
use fanzha_storage::{LogStore, OpenMode, Store};
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

/// 2024-03-01T10:00:00+08:00
pub const T0: i64 = 1_709_258_400;

pub fn iso(ts: i64) -> String {
    Ts(ts).to_string()
}

/// A store with a victim (opened long ago) and a fresh account opened 3 days before T0.
pub fn seed(dir: &Path) {
    let mut store = LogStore::open(dir, OpenMode::Create).unwrap();
    store.stage(Event::Bank { code: "ICBC".into() }).unwrap();
    let account = |opened: i64, holder: &str| Account {
        bank: Some(fanzha_model::BankIx(0)),
        holder: Some(store.salt().holder(holder)),
        opened_at: Some(Ts(opened)),
        open_region: Region::new(440300),
        class: Some(AccountClass::I),
        opening_balance: Fen(100_000_000),
        ..Account::internal()
    };
    let victim = account(T0 - 900 * 86_400, "420105195501011234");
    let fresh = account(T0 - 3 * 86_400, "150102199001011234");
    store.stage(Event::Account { id: "VICTIM".into(), account: victim }).unwrap();
    store.stage(Event::Account { id: "FRESH".into(), account: fresh }).unwrap();
    store.commit().unwrap();
}

/// The key of ICBC's core banking in these tests: every scope.
pub const ICBC_KEY: &str = "fzk_test_icbc_all";
/// A key of CCB that may only check.
pub const CCB_CHECK_KEY: &str = "fzk_test_ccb_check";
/// A key of CCB that may record.
pub const CCB_RECORD_KEY: &str = "fzk_test_ccb_record";

/// The gate of these tests: three fixed keys and an audit trail in memory. (`fanzha serve` uses
/// the console database; its own tests cover that gate.)
#[derive(Default)]
pub struct TestGate {
    pub trail: Mutex<Vec<AuditEntry>>,
    pub fail_audit: std::sync::atomic::AtomicBool,
}

impl Gate for TestGate {
    fn caller(&self, hash: &str) -> Result<Option<Arc<Caller>>, GateError> {
        let keys = [
            (ICBC_KEY, 1, "ICBC", Scope::ALL.to_vec()),
            (CCB_CHECK_KEY, 2, "CCB", vec![Scope::Check]),
            (CCB_RECORD_KEY, 3, "CCB", vec![Scope::Record]),
        ];
        Ok(keys.into_iter().find(|(k, ..)| key_hash(k) == hash).map(|(_, key_id, bank, scopes)| {
            Arc::new(Caller { key_id, name: format!("{bank} test"), bank: Some(bank.into()), scopes })
        }))
    }

    fn audit(&self, entries: &[AuditEntry]) -> Result<(), GateError> {
        if self.fail_audit.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(GateError("disk full".into()));
        }
        self.trail.lock().unwrap().extend_from_slice(entries);
        Ok(())
    }
}

pub fn app_with(dir: &Path, gate: Arc<TestGate>, config: ApiConfig) -> Arc<App> {
    app_with_text(dir, gate, config, fanzha_text::Classifier::shipped().unwrap())
}

/// An app whose text classifier is `text` (e.g. with the second stage on).
pub fn app_with_text(dir: &Path, gate: Arc<TestGate>, config: ApiConfig, text: fanzha_text::Classifier) -> Arc<App> {
    let store = LogStore::open(dir, OpenMode::Write).unwrap();
    let live = Live::open(store, dir, None).unwrap();
    let rules = fanzha_check::shipped_rules(live.checker.schema()).unwrap();
    Arc::new(App::new(live, Rules::Fixed(Arc::new(rules)), text, gate, config))
}

pub fn app(dir: &Path) -> Arc<App> {
    app_with(dir, Arc::default(), ApiConfig { public_per_minute: 1_000, ..ApiConfig::default() })
}

pub async fn call(app: &Arc<App>, method: &str, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    call_as(app, Some(ICBC_KEY), method, uri, body).await
}

pub async fn call_as(
    app: &Arc<App>,
    key: Option<&str>,
    method: &str,
    uri: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri).header("content-type", "application/json");
    if let Some(k) = key {
        req = req.header("authorization", format!("Bearer {k}"));
    }
    let req = req.body(body.map_or(Body::empty(), |b| Body::from(b.to_string()))).unwrap();
    let resp = router(app.clone()).oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let value =
        serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, value)
}

/// Waits, when the wall-clock minute is about to turn, until it has turned: the public rate limit
/// counts per minute, and a test that counts its refusals must not straddle two minutes.
pub fn wait_for_a_fresh_minute() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    if now % 60 > 40 {
        std::thread::sleep(std::time::Duration::from_secs(61 - now % 60));
    }
}
