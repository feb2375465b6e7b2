//! Security of the console, in process: no page without a session, role boundaries, CSRF tokens,
//! failed-login lockout, and hostile text (SQL injection, markup) stored literally and shown escaped.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use fanzha_console::db::{Db, NewAlert, Page};
use fanzha_console::{router, Console};
use fanzha_model::Ts;
use fanzha_server::ApiConfig;
use std::sync::Arc;
use tower::ServiceExt;

#[tokio::test]
async fn nothing_without_a_session() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    for (method, uri) in [
        ("GET", "/console/cases"),
        ("GET", "/console/cases/new"),
        ("GET", "/console/cases/1"),
        ("GET", "/console/requests"),
        ("GET", "/console/requests/1"),
        ("GET", "/console/requests/1/notice"),
        ("GET", "/console/requests/1/notice.csv"),
        ("GET", "/console/search?q=M1"),
        ("GET", "/console/accounts/M1"),
        ("GET", "/console/reports"),
        ("GET", "/console/audit"),
        ("GET", "/console/dashboard"),
        ("GET", "/console/alerts"),
        ("POST", "/console/alerts/refresh"),
        ("POST", "/console/alerts/1/dismiss"),
        ("POST", "/console/cases"),
        ("POST", "/console/cases/1/freeze"),
        ("POST", "/console/requests/1/approve"),
        ("POST", "/console/requests/1/outcome"),
        ("POST", "/console/logout"),
    ] {
        for cookie in ["", "fanzha_session=forged"] {
            let r = send(&c, method, uri, cookie, "csrf=x").await;
            assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, "/console/login"), "{method} {uri}");
        }
    }
    let r = send(&c, "POST", "/console/login", "", "name=wang&password=wrong").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.cookie.is_empty());
    // The root names what the server offers, not a 404.
    let r = send(&c, "GET", "/", "", "").await;
    assert_eq!(r.status, StatusCode::OK);
    for link in ["href=\"/console\"", "href=\"/public\"", "href=\"/openapi.json\""] {
        assert!(r.body.contains(link), "{link}");
    }
}

#[tokio::test]
async fn failed_logins_lock_the_name_out() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    for _ in 0..5 {
        assert_eq!(
            send(&c, "POST", "/console/login", "", "name=wang&password=guess").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let r = send(&c, "POST", "/console/login", "", "name=wang&password=wang-password-1").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "locked even with the right password");
    let log = c.db().audit_log(100).unwrap();
    assert!(log.iter().any(|a| a.action == "login.locked"));
    assert_eq!(log.iter().filter(|a| a.action == "login.failed").count(), 5);
}

/// A login from `peer` (with an `X-Forwarded-For` header when given).
async fn login_from(c: &Arc<Console>, peer: &str, forwarded: Option<&str>, name: &str, password: &str) -> StatusCode {
    use axum::extract::connect_info::MockConnectInfo;
    let mut req = Request::builder()
        .method("POST")
        .uri("/console/login")
        .header("content-type", "application/x-www-form-urlencoded");
    if let Some(f) = forwarded {
        req = req.header("x-forwarded-for", f);
    }
    let req = req.body(Body::from(format!("name={name}&password={password}"))).unwrap();
    let peer: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
    router(c.clone()).layer(MockConnectInfo(peer)).oneshot(req).await.unwrap().status()
}

/// Issue 23, finding 5: the lockout key was the raw X-Forwarded-For header or one shared "direct"
/// key, so five wrong passwords from anyone locked every direct client out, and a forged header
/// dodged the per-client limit.
#[tokio::test]
async fn lockout_is_per_account_and_per_real_client_address() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let proxy = "10.0.0.1";
    let config = ApiConfig { trusted_proxies: vec![proxy.parse().unwrap()], ..ApiConfig::default() };
    let c = console_with(dir.path(), config, test_dbs(dir.path()));
    let attacker = "203.0.113.9";
    // Guessing five different names from one address locks that address, and no one else.
    for i in 0..5 {
        assert_eq!(login_from(&c, attacker, None, &format!("user{i}"), "guess").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(login_from(&c, attacker, None, "wang", "wang-password-1").await, StatusCode::TOO_MANY_REQUESTS);
    // A forged header does not give the attacker a fresh address.
    for forged in ["198.51.100.1", "198.51.100.2, 10.0.0.1"] {
        assert_eq!(
            login_from(&c, attacker, Some(forged), "wang", "wang-password-1").await,
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    assert_eq!(
        login_from(&c, "198.51.100.20", None, "wang", "wang-password-1").await,
        StatusCode::SEE_OTHER,
        "others log in"
    );
    // Behind the trusted proxy the forwarded address counts: one client locked, another not.
    for _ in 0..5 {
        login_from(&c, proxy, Some("198.51.100.30"), "nobody", "guess").await;
    }
    assert_eq!(
        login_from(&c, proxy, Some("198.51.100.30"), "li", "li-password-1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(login_from(&c, proxy, Some("198.51.100.31"), "li", "li-password-1").await, StatusCode::SEE_OTHER);
    // And an account that was guessed at is locked from everywhere.
    for _ in 0..5 {
        login_from(&c, "198.51.100.40", None, "zhao", "guess").await;
    }
    assert_eq!(login_from(&c, "198.51.100.41", None, "zhao", "zhao-password-1").await, StatusCode::TOO_MANY_REQUESTS);
    let log = c.db().audit_log(100).unwrap();
    assert!(log.iter().any(|a| a.action == "login.failed" && a.detail == attacker), "the address is audited");
}

/// Issue 23, finding 8: the console ignored errors from its audit writes. An action whose audit
/// entry cannot be written now fails and does not happen.
#[tokio::test]
async fn an_action_that_cannot_be_audited_does_not_happen() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let path = dir.path().join(fanzha_console::DB_FILE);
    let dbs = (Db::open(&path).unwrap(), Db::open(&path).unwrap());
    let c = console_with(dir.path(), ApiConfig::default(), dbs);
    let (wang, csrf) = session(&c, "wang").await;
    // Break the audit trail behind the console's back.
    rusqlite::Connection::open(&path).unwrap().execute_batch("DROP TABLE audit_head").unwrap();
    let form = format!("csrf={csrf}&title=t&victim=V&txns=T0&typology=police_gov&narrative=n");
    let r = send(&c, "POST", "/console/cases", &wang, &form).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.body);
    assert!(c.db().cases(Page::all()).unwrap().is_empty(), "no unaudited case");
    let r =
        send(&c, "POST", "/console/lists", &wang, &format!("csrf={csrf}&list=block&kind=account&value=M1&reason=r"))
            .await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(c.api.read_live().unwrap().checker.lists.entries().is_empty(), "no unaudited list entry");
    assert_eq!(send(&c, "GET", "/console/cases/1", &wang, "").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        send(&c, "GET", "/console/alerts", &wang, "").await.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "no unaudited view"
    );
    let r = send(&c, "POST", "/console/login", "", "name=li&password=li-password-1").await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "no unaudited session");
}

#[tokio::test]
async fn roles_csrf_and_hostile_text() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (wang, wang_csrf) = session(&c, "wang").await;

    // Hostile text in every field of the case form: stored as typed, shown escaped.
    let evil_title = "<img src=x onerror=alert(1)>'; DROP TABLE cases; --";
    let evil_victim = "V\"><script>alert(2)</script>";
    let form = format!(
        "csrf={wang_csrf}&title={}&victim={}&txns=T0&typology=police_gov&reported_at=2024-03-01+10%3A30&narrative={}",
        enc(evil_title),
        enc(evil_victim),
        enc("</textarea><script>alert(3)</script>")
    );
    // Without the CSRF token (or with another), nothing happens.
    let no_csrf = form.replacen(&format!("csrf={wang_csrf}"), "csrf=0000", 1);
    assert_eq!(send(&c, "POST", "/console/cases", &wang, &no_csrf).await.status, StatusCode::FORBIDDEN);
    assert!(c.db().cases(Page::all()).unwrap().is_empty());
    let r = send(&c, "POST", "/console/cases", &wang, &form).await;
    assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, "/console/cases/1"), "{}", r.body);
    let case = c.db().case(1).unwrap().unwrap();
    assert_eq!((case.title.as_str(), case.victim.as_str()), (evil_title, evil_victim), "stored literally");
    for page in ["/console/cases/1", "/console/cases"] {
        let body = send(&c, "GET", page, &wang, "").await.body;
        assert!(!body.contains("<img src=x") && !body.contains("<script>alert"), "{page} escapes");
        assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"), "{page}");
    }
    assert_eq!(c.db().users().unwrap().len(), 4, "the users table is still there");

    // The analyst drafts requests but cannot approve them.
    let r = send(&c, "POST", "/console/cases/1/freeze", &wang, &format!("csrf={wang_csrf}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let requests = c.db().freezes(Some(1), None, Page::all()).unwrap();
    assert!(!requests.is_empty());
    let icbc = requests.iter().find(|r| r.bank.as_deref() == Some("ICBC"));
    let ccb = requests.iter().find(|r| r.bank.as_deref() == Some("CCB")).expect("CCB holds money");
    assert_eq!(
        send(&c, "POST", &format!("/console/requests/{}/approve", ccb.id), &wang, &format!("csrf={wang_csrf}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The auditor reads but cannot act.
    let (zhao, zhao_csrf) = session(&c, "zhao").await;
    assert_eq!(send(&c, "GET", "/console/cases/1", &zhao, "").await.status, StatusCode::OK);
    assert_eq!(send(&c, "GET", "/console/audit", &zhao, "").await.status, StatusCode::OK);
    assert_eq!(
        send(&c, "POST", "/console/cases", &zhao, &form.replace(&wang_csrf, &zhao_csrf)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&c, "POST", &format!("/console/requests/{}/approve", ccb.id), &zhao, &format!("csrf={zhao_csrf}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(&c, "GET", "/console/audit", &wang, "").await.status,
        StatusCode::FORBIDDEN,
        "analysts do not read the audit log"
    );

    // The supervisor approves, with the token of their own session only.
    let (li, li_csrf) = session(&c, "li").await;
    let approve = format!("/console/requests/{}/approve", ccb.id);
    assert_eq!(send(&c, "POST", &approve, &li, &format!("csrf={wang_csrf}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&c, "POST", &approve, &li, &format!("csrf={li_csrf}")).await.status, StatusCode::SEE_OTHER);
    assert_eq!(c.db().freeze(ccb.id).unwrap().unwrap().status, "sent");

    // The ICBC liaison sees only ICBC's requests, cannot answer CCB's, and cannot open cases.
    let (bank, bank_csrf) = session(&c, "icbc").await;
    let page = send(&c, "GET", "/console/requests", &bank, "").await.body;
    assert!(!page.contains("data-bank=\"CCB\""));
    assert_eq!(page.contains("data-bank=\"ICBC\""), icbc.is_some());
    let outcome = format!("csrf={bank_csrf}&status=executed&saved_yuan=100");
    let r = send(&c, "POST", &format!("/console/requests/{}/outcome", ccb.id), &bank, &outcome).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&c, "GET", "/console/cases/1", &bank, "").await.status, StatusCode::FORBIDDEN);

    // Logging out ends the session for good.
    assert_eq!(
        send(&c, "POST", "/console/logout", &li, &format!("csrf={li_csrf}")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(send(&c, "GET", "/console/cases", &li, "").await.location, "/console/login");

    // A disabled user's session ends at once.
    c.db().disable_user("wang").unwrap();
    assert_eq!(send(&c, "GET", "/console/cases", &wang, "").await.location, "/console/login");

    let log = c.db().audit_log(1000).unwrap();
    for action in
        ["login", "case.create", "case.view", "freeze.create", "freeze.approve", "denied", "audit.view", "logout"]
    {
        assert!(log.iter().any(|a| a.action == action), "{action} audited");
    }
}

#[tokio::test]
async fn alerts_need_a_worker_and_a_reason_to_dismiss() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (zhao, zhao_csrf) = session(&c, "zhao").await;
    let r = send(&c, "POST", "/console/alerts/refresh", &zhao, &format!("csrf={zhao_csrf}")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "an auditor does not run detection");
    let (wang, wang_csrf) = session(&c, "wang").await;
    let r = send(&c, "POST", "/console/alerts/refresh", &wang, &format!("csrf={wang_csrf}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("New alerts") || r.body.contains("新预警"));
    c.db().raise_alert(&NewAlert::new("mule", "M1<b>", 0.9, r#"[["快进快出<i>","fast in, fast out"]]"#), 0).unwrap();
    let id = c.db().alerts(false, Page::all()).unwrap().iter().find(|a| a.subject == "M1<b>").unwrap().id;
    let page = send(&c, "GET", "/console/alerts", &wang, "").await.body;
    assert!(page.contains("M1&lt;b&gt;") && page.contains("快进快出&lt;i&gt;"), "escaped");
    let dismiss = format!("/console/alerts/{id}/dismiss");
    assert_eq!(
        send(&c, "POST", &dismiss, &wang, &format!("csrf={wang_csrf}&reason=")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        send(&c, "POST", &dismiss, &zhao, &format!("csrf={zhao_csrf}&reason=x")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = send(&c, "POST", &dismiss, &wang, &format!("csrf={wang_csrf}&reason=payroll+account")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        send(&c, "POST", &dismiss, &wang, &format!("csrf={wang_csrf}&reason=again")).await.status,
        StatusCode::CONFLICT
    );
    let all = c.db().alerts(true, Page::all()).unwrap();
    let a = all.iter().find(|a| a.id == id).unwrap();
    assert_eq!(
        (a.status.as_str(), a.note.as_deref(), a.assignee.as_deref()),
        ("dismissed", Some("payroll account"), Some("wang"))
    );
    assert!(c
        .db()
        .audit_log(100)
        .unwrap()
        .iter()
        .any(|e| e.action == "alert.dismiss" && e.detail == "payroll account"));
}

#[tokio::test]
async fn the_public_side_needs_no_account_and_is_rate_limited() {
    use axum::extract::connect_info::MockConnectInfo;
    wait_for_a_fresh_minute();
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let r = send(&c, "GET", "/public", "", "").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("一键举报") && r.body.contains("风险查询"));
    let scam = "您好,我是公安局民警,您涉嫌洗钱,请把钱转到安全账户配合调查<script>x</script>";
    let r = send(&c, "POST", "/public/check", "", &format!("text={}", enc(scam))).await;
    assert!(r.body.contains("疑似诈骗") && r.body.contains("安全账户"), "{}", r.body);
    assert!(!r.body.contains("<script>x"), "escaped");
    let r = send(
        &c,
        "POST",
        "/public/report",
        "",
        &format!("kind=phone&value={}&text={}", enc("170-1234-5678"), enc("冒充公安")),
    )
    .await;
    assert!(r.body.contains("thanks"), "{}", r.body);
    let r = send(&c, "GET", "/public/lookup?kind=phone&value=17012345678", "", "").await;
    assert!(r.body.contains("低风险") && r.body.contains(": 1"), "{}", r.body);
    // 100 requests a minute per address in this test's limiter; the 101st is refused.
    let client: std::net::SocketAddr = "198.51.100.9:4000".parse().unwrap();
    let mut last = StatusCode::OK;
    for _ in 0..101 {
        let req = Request::builder().uri("/public/lookup?kind=url&value=http%3A%2F%2Fx").body(Body::empty()).unwrap();
        last = router(c.clone()).layer(MockConnectInfo(client)).oneshot(req).await.unwrap().status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn lists_and_the_punishment_list() {
    use fanzha_check::lists::{EntryKind, ListName};
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (wang, wang_csrf) = session(&c, "wang").await;
    let (zhao, zhao_csrf) = session(&c, "zhao").await;
    let (li, li_csrf) = session(&c, "li").await;
    let add = |csrf: &str| format!("csrf={csrf}&list=block&kind=account&value=M2&reason={}", enc("冻结通知<b>"));
    assert_eq!(send(&c, "POST", "/console/lists", &zhao, &add(&zhao_csrf)).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&c, "POST", "/console/lists", &wang, &add(&wang_csrf)).await.status, StatusCode::SEE_OTHER);
    let listed = |at: i64| {
        c.api.live.read().unwrap().checker.lists.lookup(ListName::Block, EntryKind::Account, "M2", Ts(at)).is_some()
    };
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    assert!(listed(t + 1), "the check sees the new entry");
    let page = send(&c, "GET", "/console/lists", &zhao, "").await.body;
    assert!(page.contains("冻结通知&lt;b&gt;") && page.contains("console:wang"), "escaped, with its source");
    let remove = format!("csrf={wang_csrf}&list=block&kind=account&value=M2");
    assert_eq!(send(&c, "POST", "/console/lists/remove", &wang, &remove).await.status, StatusCode::SEE_OTHER);
    assert!(!listed(t + 3600));
    assert_eq!(c.api.live.read().unwrap().checker.lists.entries().len(), 2, "history kept");

    let punish = |csrf: &str| {
        format!(
            "csrf={csrf}&person={}&accounts=M1&reason={}&days=365",
            enc("4201**********1234"),
            enc("出租银行卡<script>")
        )
    };
    assert_eq!(
        send(&c, "POST", "/console/punishments", &wang, &punish(&wang_csrf)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(send(&c, "POST", "/console/punishments", &li, &punish(&li_csrf)).await.status, StatusCode::SEE_OTHER);
    let p = c.db().punishments().unwrap();
    assert_eq!((p.len(), p[0].appeal.as_str()), (1, "none"));
    assert!(p[0].ends_at.unwrap() > p[0].starts_at);
    let appeal = format!("/console/punishments/{}/appeal", p[0].id);
    assert_eq!(
        send(&c, "POST", &appeal, &li, &format!("csrf={li_csrf}&appeal=maybe")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        send(&c, "POST", &appeal, &li, &format!("csrf={li_csrf}&appeal=filed&note=tel")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(c.db().punishments().unwrap()[0].appeal, "filed");
    let page = send(&c, "GET", "/console/lists", &li, "").await.body;
    assert!(page.contains("出租银行卡&lt;script&gt;") && !page.contains("出租银行卡<script>"));
    let log = c.db().audit_log(100).unwrap();
    for a in ["lists.add", "lists.remove", "punishment.add", "punishment.appeal", "lists.view"] {
        assert!(log.iter().any(|e| e.action == a), "{a} audited");
    }
}

#[tokio::test]
async fn held_checks_and_api_reports_reach_the_alert_queue() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    c.listen();
    let api = fanzha_server::router(c.api.clone());
    let (_, key) = c.db().add_key("ICBC", Some("ICBC"), &[fanzha_server::Scope::Check], "cli", 0).unwrap();
    let check = |memo: &str| {
        let body = serde_json::json!({"txn_id": "X1", "from_account": "V", "to_account": "M1", "amount_fen": 300_000, "memo": memo});
        Request::builder()
            .method("POST")
            .uri("/v1/transfers/check")
            .header("authorization", format!("Bearer {key}"))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    assert_eq!(api.clone().oneshot(check("生活费")).await.unwrap().status(), StatusCode::OK);
    assert!(c.db().alerts(true, Page::all()).unwrap().is_empty(), "a passed check raises nothing");
    assert_eq!(api.oneshot(check("转入安全账户")).await.unwrap().status(), StatusCode::OK);
    // Alerts of held checks are written in the background.
    let mut alerts = Vec::new();
    for _ in 0..200 {
        alerts = c.db().alerts(false, Page::all()).unwrap();
        if !alerts.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, "transfer");
    assert!(alerts[0].subject.contains("V → M1") && alerts[0].subject.contains("(X1)"), "{}", alerts[0].subject);
    assert!(alerts[0].reasons.contains("安全账户"));
    assert_eq!(alerts[0].typology.as_deref(), Some("police_gov"), "the rule's typology");
    // A report through the API (一键举报) is an alert too, with the typology its words read as.
    let text = "您好,我是市公安局的民警,您的银行卡涉嫌洗钱,请把资金转入安全账户配合调查";
    let body = serde_json::json!({"kind": "phone", "value": "13800001111", "text": text});
    let report = Request::builder()
        .method("POST")
        .uri("/v1/reports")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let api = fanzha_server::router(c.api.clone());
    assert_eq!(api.oneshot(report).await.unwrap().status(), StatusCode::CREATED);
    let mut reported = None;
    for _ in 0..200 {
        reported = c.db().alerts(false, Page::all()).unwrap().into_iter().find(|a| a.kind == "report");
        if reported.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let reported = reported.expect("the API's report reaches the queue");
    assert_eq!(reported.subject, "13800001111");
    assert_eq!(reported.typology.as_deref(), Some("police_gov"), "{reported:?}");
}

#[tokio::test]
async fn markup_in_the_remaining_fields_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (li, li_csrf) = session(&c, "li").await;
    let x = "<svg onload=alert(9)>";
    // Dismissal reason.
    c.db().raise_alert(&NewAlert::new("mule", "M9", 0.9, "[]"), 0).unwrap();
    let id = c.db().alerts(false, Page::all()).unwrap()[0].id;
    send(&c, "POST", &format!("/console/alerts/{id}/dismiss"), &li, &format!("csrf={li_csrf}&reason={}", enc(x))).await;
    // Appeal note and punishment fields.
    let form = format!("csrf={li_csrf}&person={}&accounts={}&reason={}", enc(x), enc(x), enc(x));
    send(&c, "POST", "/console/punishments", &li, &form).await;
    let pid = c.db().punishments().unwrap()[0].id;
    send(
        &c,
        "POST",
        &format!("/console/punishments/{pid}/appeal"),
        &li,
        &format!("csrf={li_csrf}&appeal=filed&note={}", enc(x)),
    )
    .await;
    // A list value and a public report value.
    send(&c, "POST", "/console/lists", &li, &format!("csrf={li_csrf}&list=watch&kind=url&value={}&reason=r", enc(x)))
        .await;
    send(&c, "POST", "/public/report", "", &format!("kind=url&value={}&text={}", enc(x), enc(x))).await;
    for page in ["/console/lists", "/console/audit", "/public/lookup?kind=url&value=%3Csvg%20onload%3Dalert(9)%3E"] {
        let body = send(&c, "GET", page, &li, "").await.body;
        assert!(!body.contains("<svg onload"), "{page} escapes");
    }
    let audit = send(&c, "GET", "/console/audit", &li, "").await.body;
    assert!(audit.contains("&lt;svg onload=alert(9)&gt;"), "the dismissal reason is in the audit log, escaped");
}

/// Issue 23, finding 9: a load test's holds made 112,766 alerts and one 117 MB page. Every list is
/// paged.
#[tokio::test]
async fn long_lists_are_paged() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let alerts: Vec<NewAlert> = (0..250).map(|i| NewAlert::new("transfer", &format!("A{i:03}"), 0.5, "[]")).collect();
    c.db().raise_alerts(&alerts, 0).unwrap();
    let (wang, _) = session(&c, "wang").await;
    let rows = |body: &str| body.matches("<tr class=\"alert\"").count();
    let first = send(&c, "GET", "/console/alerts", &wang, "").await.body;
    assert_eq!(rows(&first), 100);
    assert!(first.contains("href=\"/console/alerts?page=1\""), "a link to the next page");
    let last = send(&c, "GET", "/console/alerts?page=2", &wang, "").await.body;
    assert_eq!(rows(&last), 50);
    assert!(!last.contains("page=3") && last.contains("page=1"), "no next page, a previous one");
    let (li, _) = session(&c, "li").await;
    let audit = send(&c, "GET", "/console/audit?actor=wang&action=alerts.", &li, "").await.body;
    assert_eq!(audit.matches("alerts.view").count(), 2, "filtered to wang's alert views");
}

/// Waits, when the wall-clock minute is about to turn, until it has turned: the public rate limit
/// counts per minute, and a test that counts its refusals must not straddle two minutes.
fn wait_for_a_fresh_minute() {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    if now % 60 > 40 {
        std::thread::sleep(std::time::Duration::from_secs(61 - now % 60));
    }
}

#[tokio::test]
async fn a_reset_password_replaces_the_old_one_and_ends_the_sessions() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (wang, _) = session(&c, "wang").await;
    let hash = fanzha_console::auth::hash_password("a-brand-new-password");
    assert!(c.db().set_password("wang", &hash).unwrap());
    assert!(!c.db().set_password("nobody", &hash).unwrap());
    assert_eq!(send(&c, "GET", "/console/cases", &wang, "").await.location, "/console/login", "the session ended");
    let old = send(&c, "POST", "/console/login", "", "name=wang&password=wang-password-1").await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = send(&c, "POST", "/console/login", "", "name=wang&password=a-brand-new-password").await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_language_toggle_is_everywhere_and_goes_back_only_to_this_site() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    for page in ["/console/login", "/public"] {
        let body = send(&c, "GET", page, "", "").await.body;
        assert!(body.contains("id=\"lang-toggle\""), "{page} has the toggle");
    }
    let r = send(&c, "GET", "/console/lang?to=en&back=%2Fpublic", "", "").await;
    assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, "/public"));
    assert!(r.cookie.starts_with("lang=en; Path=/;"), "one cookie for the console and the public side: {}", r.cookie);
    for evil in ["https%3A%2F%2Fevil.example", "%2F%2Fevil.example", "%2Fconsole%2F%2Fevil.example", "%2Fetc"] {
        let r = send(&c, "GET", &format!("/console/lang?to=en&back={evil}"), "", "").await;
        assert_eq!(r.location, "/console/cases", "{evil}");
    }
    // The public side and the audit trail read in the language chosen.
    let public = send(&c, "GET", "/public", "lang=en", "").await.body;
    assert!(public.contains("Is this message a scam?"));
    let (wang, csrf) = session(&c, "wang").await;
    let form = format!("csrf={csrf}&title=t&victim=V&txns=T0&typology=police_gov&narrative=x");
    send(&c, "POST", "/console/cases", &wang, &form).await;
    let case = send(&c, "GET", "/console/cases/1", &format!("{wang}; lang=en"), "").await.body;
    assert!(case.contains("opened the case") && !case.contains(" case.create "), "timeline in words");
    let case = send(&c, "GET", "/console/cases/1", &wang, "").await.body;
    assert!(case.contains("立案"));
}
