//! The harness of the console's in-process tests: a seeded store, a console over it with one user
//! per role, and requests sent through the router.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use fanzha_console::auth::hash_password;
use fanzha_console::db::{Db, Role};
use fanzha_console::{router, Console};
use fanzha_model::{Account, AccountClass, BankIx, Event, Fen, Region, Transfer, Ts};
use fanzha_server::{ApiConfig, App, Live, Rules};
use fanzha_storage::{LogStore, OpenMode, Store};
use http_body_util::BodyExt;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;

pub const T0: i64 = 1_709_258_400;

/// A victim pays a mule at two banks' worth of accounts: V -> M1 (ICBC) -> M2 (CCB).
pub fn seed(dir: &Path) {
    let mut store = LogStore::open(dir, OpenMode::Create).unwrap();
    for b in ["ICBC", "CCB"] {
        store.stage(Event::Bank { code: b.into() }).unwrap();
    }
    let acct = |bank: u16, holder: &str, s: &LogStore| Account {
        bank: Some(BankIx(bank)),
        holder: Some(s.salt().holder(holder)),
        opened_at: Some(Ts(T0 - 86_400 * 100)),
        open_region: Region::new(420100),
        class: Some(AccountClass::I),
        ..Account::internal()
    };
    for (id, bank, holder) in
        [("V", 0, "420105195501011234"), ("M1", 0, "420105199001011234"), ("M2", 1, "420105199201011234")]
    {
        let a = acct(bank, holder, &store);
        store.stage(Event::Account { id: id.into(), account: a }).unwrap();
    }
    let ix = |s: &LogStore, id: &str| s.ledger().account_ix(id);
    for (k, (from, to, dt, fen)) in [("V", "M1", 0, 5_000_000), ("M1", "M2", 600, 4_000_000)].into_iter().enumerate() {
        let t = Transfer::plain(Ts(T0 + dt), ix(&store, from), ix(&store, to), Fen(fen));
        store.stage(Event::Transfer { txn_id: format!("T{k}").into(), transfer: t }).unwrap();
    }
    store.commit().unwrap();
}

/// The console database of a test: PostgreSQL in a fresh schema when FANZHA_TEST_POSTGRES holds a
/// URL (CI sets it), otherwise SQLite in the test's directory.
/// Two connections to the console database of a test (the console's and the API gate's):
/// PostgreSQL in a fresh schema when FANZHA_TEST_POSTGRES holds a URL (CI sets it), otherwise
/// SQLite in the test's directory.
pub fn test_dbs(dir: &Path) -> (Db, Db) {
    match std::env::var("FANZHA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t_{}", fanzha_console::auth::random_hex(8));
            let open = || Db::open_postgres(&url, Some(&schema)).expect("the test PostgreSQL server answers");
            (open(), open())
        }
        _ => (
            Db::open(&dir.join(fanzha_console::DB_FILE)).unwrap(),
            Db::open(&dir.join(fanzha_console::DB_FILE)).unwrap(),
        ),
    }
}

pub fn console(dir: &Path) -> Arc<Console> {
    console_with(dir, ApiConfig { public_per_minute: 100, ..ApiConfig::default() }, test_dbs(dir))
}

pub fn console_with(dir: &Path, config: ApiConfig, (db, gate_db): (Db, Db)) -> Arc<Console> {
    let store = LogStore::open(dir, OpenMode::Write).unwrap();
    let live = Live::open(store, dir, None).unwrap();
    let rules = fanzha_check::shipped_rules(live.checker.schema()).unwrap();
    let text = fanzha_text::Classifier::shipped().unwrap();
    let gate = Arc::new(fanzha_console::keys::DbGate::new(gate_db, Some(dir)));
    let app = Arc::new(App::new(live, Rules::Fixed(Arc::new(rules)), text, gate, config));
    let c = Arc::new(Console::new(app, db, false));
    for (name, role, bank) in [
        ("wang", Role::Analyst, None),
        ("li", Role::Supervisor, None),
        ("zhao", Role::Auditor, None),
        ("icbc", Role::Liaison, Some("ICBC")),
    ] {
        c.db().add_user(name, role, bank, &hash_password(&format!("{name}-password-1")), 0).unwrap();
    }
    c
}

pub struct Resp {
    pub status: StatusCode,
    pub location: String,
    pub cookie: String,
    pub body: String,
}

pub async fn send(c: &Arc<Console>, method: &str, uri: &str, cookie: &str, form: &str) -> Resp {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap();
    let r = router(c.clone()).oneshot(req).await.unwrap();
    let header = |n: &str| r.headers().get(n).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let (status, location, cookie) = (r.status(), header("location"), header("set-cookie"));
    let body = String::from_utf8(r.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    Resp { status, location, cookie, body }
}

/// Logs in; returns the session cookie and the CSRF token from a page's forms.
pub async fn session(c: &Arc<Console>, name: &str) -> (String, String) {
    let r = send(c, "POST", "/console/login", "", &format!("name={name}&password={name}-password-1")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{name} logs in");
    assert!(r.cookie.contains("HttpOnly") && r.cookie.contains("SameSite=Strict"));
    let cookie = r.cookie.split(';').next().unwrap().to_string();
    let page = send(c, "GET", "/console/requests", &cookie, "").await.body;
    let csrf = page.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    (cookie, csrf)
}

pub fn enc(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}
