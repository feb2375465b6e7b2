//! Several serving nodes, one console: two nodes over their own copies of the same store share one
//! console database (PostgreSQL when FANZHA_TEST_POSTGRES is set, as in CI and `--console-db`;
//! otherwise one SQLite file). An analyst logged in on one node is logged in on the other, a case
//! opened on one is worked on the other, and both nodes write one audit chain that verifies.

mod common;

use axum::http::StatusCode;
use common::*;
use fanzha_console::db::{Db, Page};
use fanzha_console::Console;
use fanzha_server::{ApiConfig, App, Live, Rules};
use fanzha_storage::{LogStore, OpenMode};
use std::path::Path;
use std::sync::Arc;

/// A connection to the shared console database.
fn shared_db(dir: &Path, schema: &str) -> Db {
    match std::env::var("FANZHA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Db::open_postgres(&url, Some(schema)).unwrap(),
        _ => Db::open(&dir.join(fanzha_console::DB_FILE)).unwrap(),
    }
}

/// A serving node over its own store at `store`, with the shared console database.
fn node(store: &Path, shared: &Path, schema: &str) -> Arc<Console> {
    let live = Live::open(LogStore::open(store, OpenMode::Write).unwrap(), store, None).unwrap();
    let rules = fanzha_check::shipped_rules(live.checker.schema()).unwrap();
    let text = fanzha_text::Classifier::shipped().unwrap();
    let gate = Arc::new(fanzha_console::keys::DbGate::new(shared_db(shared, schema), Some(store)));
    let app = Arc::new(App::new(live, Rules::Fixed(Arc::new(rules)), text, gate, ApiConfig::default()));
    Arc::new(Console::new(app, shared_db(shared, schema), false))
}

#[tokio::test]
async fn two_nodes_serve_one_console() {
    let dir = tempfile::tempdir().unwrap();
    let (a_store, b_store) = (dir.path().join("a"), dir.path().join("b"));
    seed(&a_store);
    seed(&b_store);
    let schema = format!("t_{}", fanzha_console::auth::random_hex(8));
    let a = node(&a_store, dir.path(), &schema);
    let b = node(&b_store, dir.path(), &schema);
    let password = fanzha_console::auth::hash_password("wang-password-1");
    a.db().add_user("wang", fanzha_console::db::Role::Analyst, None, &password, 0).unwrap();

    // Logged in on node a, the same session works on node b (behind one load balancer).
    let (wang, csrf) = session(&a, "wang").await;
    assert_eq!(send(&b, "GET", "/console/cases", &wang, "").await.status, StatusCode::OK);
    // A case opened on node a is on node b, and b drafts its freeze requests.
    let form = format!("csrf={csrf}&title={}&victim=V&txns=T0&typology=police_gov&narrative=", enc("受害人报案"));
    let r = send(&a, "POST", "/console/cases", &wang, &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case = r.location.rsplit('/').next().unwrap().to_string();
    let page = send(&b, "GET", &format!("/console/cases/{case}"), &wang, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("受害人报案"), "node b shows the case opened on node a");
    let r = send(&b, "POST", &format!("/console/cases/{case}/freeze"), &wang, &format!("csrf={csrf}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case_id: i64 = case.parse().unwrap();
    assert!(!a.db().freezes(Some(case_id), None, Page::all()).unwrap().is_empty(), "node a sees b's requests");
    // Both nodes wrote one audit chain, and it verifies from either.
    for n in [&a, &b] {
        let check = n.db().verify_audit().unwrap();
        assert!(check.broken.is_none(), "{:?}", check.broken);
        assert!(check.rows >= 3, "login, case, requests: {}", check.rows);
    }
}
