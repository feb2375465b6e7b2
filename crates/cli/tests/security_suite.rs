//! The security suite, run against a started `fanzha serve` over TCP as an attacker would meet it:
//! anonymous and wrong-scope API calls, cross-bank writes, forged forwarding headers, oversized and
//! malformed bodies, CSRF, markup probes in every form, and the response headers. Each refusal is
//! also looked for in the audit trail, and the trail's chain must verify at the end.

mod common;

use common::{add_user, fanzha, ok, serve, wait_for_a_fresh_minute, Killed};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

/// An answer: status, headers (lower-case names) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|_| panic!("not JSON ({}): {}", self.status, self.body))
    }
}

/// One HTTP/1.1 request with extra header lines; the body is sent as given.
fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before reading a large body; a reset then is fine.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer { status, headers, body: body.to_string() }
}

fn api(addr: &str, key: Option<&str>, method: &str, path: &str, body: &str) -> Answer {
    let auth = key.map(|k| format!("Bearer {k}"));
    let mut h = vec![("Content-Type", "application/json")];
    if let Some(a) = &auth {
        h.push(("Authorization", a));
    }
    request(addr, method, path, &h, body.as_bytes())
}

fn form(addr: &str, path: &str, cookie: &str, body: &str) -> Answer {
    request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
        body.as_bytes(),
    )
}

fn page(addr: &str, path: &str, cookie: &str) -> Answer {
    request(addr, "GET", path, &[("Cookie", cookie)], b"")
}

fn enc(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// A small store: ICBC's victim V, ICBC's M1, CCB's M2, and two transfers V → M1 → M2.
fn store(dir: &Path) -> String {
    let accounts = dir.join("accounts.csv");
    std::fs::write(
        &accounts,
        "account_id,bank,holder_id,opened_at,open_region\n\
         V,ICBC,420105195501011234,2023-01-01T00:00:00+08:00,420100\n\
         M1,ICBC,420105199001011234,2024-02-20T00:00:00+08:00,420100\n\
         M2,CCB,420105199201011234,2024-02-25T00:00:00+08:00,440300\n",
    )
    .unwrap();
    let transfers = dir.join("transfers.csv");
    std::fs::write(
        &transfers,
        "txn_id,ts,from_account,to_account,amount\n\
         T0,2024-03-01T10:00:00+08:00,V,M1,50000.00\n\
         T1,2024-03-01T10:10:00+08:00,M1,M2,49000.00\n",
    )
    .unwrap();
    let db = dir.join("db").to_str().unwrap().to_string();
    ok(&fanzha(&[
        "ingest",
        "--db",
        &db,
        "--accounts",
        accounts.to_str().unwrap(),
        "--transfers",
        transfers.to_str().unwrap(),
    ]));
    db
}

fn key(db: &str, args: &[&str]) -> String {
    let mut all = vec!["apikey", "add", "--db", db];
    all.extend_from_slice(args);
    ok(&fanzha(&all)).lines().last().unwrap().trim().to_string()
}

/// Requests per minute and address allowed on the public endpoints in these tests.
const PUBLIC_PER_MINUTE: usize = 20;

fn start(db: &str, extra: &[&str]) -> (Killed, String) {
    let limit = PUBLIC_PER_MINUTE.to_string();
    let mut args = vec!["--public-per-minute", limit.as_str()];
    args.extend_from_slice(extra);
    serve(db, &args)
}

/// Logs in; returns the session cookie and the CSRF token of the forms.
fn session(addr: &str, name: &str) -> (String, String) {
    let r = form(addr, "/console/login", "", &format!("name={name}&password={name}-password-1"));
    assert_eq!(r.status, 303, "{name} logs in: {}", r.body);
    let cookie = r.header("set-cookie").unwrap().split(';').next().unwrap().to_string();
    let p = page(addr, "/console/requests", &cookie).body;
    let csrf = p.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
    (cookie, csrf)
}

/// The markup probes sent in every field.
const PROBES: [&str; 3] = [
    "<script>alert('x1')</script>",
    "\"><img src=x onerror=alert('x2')>",
    "javascript:alert('x3')//<svg/onload=alert('x4')>",
];

fn assert_no_live_markup(body: &str, where_: &str) {
    for raw in ["<script>alert('x1')", "<img src=x onerror", "<svg/onload"] {
        assert!(!body.contains(raw), "{where_} shows a probe unescaped: {raw}");
    }
}

#[test]
fn an_attacker_meets_refusals_headers_and_escaped_markup_and_every_refusal_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    for (name, role, bank) in [("wang", "analyst", None), ("li", "supervisor", None), ("icbc", "liaison", Some("ICBC"))]
    {
        add_user(&db, name, role, bank);
    }
    let icbc =
        key(&db, &["--bank", "ICBC", "--scope", "check,record,lists:read,lists:write,reports:read,rules:read,metrics"]);
    let ccb_check = key(&db, &["--bank", "CCB", "--scope", "check"]);
    let ccb_record = key(&db, &["--bank", "CCB", "--scope", "record"]);
    let (_server, addr) = start(&db, &[]);
    let addr = addr.as_str();
    wait_for_a_fresh_minute();

    // 1. Anonymous, unknown-key and wrong-scope calls of every protected route.
    let entry = r#"{"list":"block","kind":"account","value":"M1","reason":"r","source":"s","valid_from":0}"#;
    let removal = r#"{"list":"block","kind":"account","value":"M1","source":"s"}"#;
    let transfer =
        r#"{"txn_id":"X1","ts":"2024-03-02T10:00:00+08:00","from_account":"V","to_account":"M1","amount_fen":100}"#;
    let protected = [
        ("POST", "/v1/lists", entry),
        ("POST", "/v1/lists/remove", removal),
        ("POST", "/v1/transfers", transfer),
        ("GET", "/v1/lists", ""),
        ("GET", "/v1/rules", ""),
        ("GET", "/v1/reports", ""),
        ("GET", "/metrics", ""),
        ("POST", "/v1/transfers/check", r#"{"from_account":"V","to_account":"M1","amount_fen":100}"#),
    ];
    for (method, path, body) in protected {
        for k in [None, Some("fzk_0000"), Some("Bearer")] {
            let r = api(addr, k, method, path, body);
            assert_eq!(r.status, 401, "{method} {path} key {k:?}: {}", r.body);
            assert!(r.json()["error"]["message"].is_string());
        }
        if path != "/v1/transfers/check" {
            let r = api(addr, Some(&ccb_check), method, path, body);
            assert_eq!(r.status, 403, "{method} {path} with a check-only key: {}", r.body);
        }
    }
    // A query-string or cookie key is not a key.
    assert_eq!(
        request(addr, "GET", &format!("/v1/lists?key={icbc}"), &[("Cookie", &format!("key={icbc}"))], b"").status,
        401
    );

    // 2. Cross-bank writes: CCB's key may not record what ICBC's account paid.
    let r = api(addr, Some(&ccb_record), "POST", "/v1/transfers", transfer);
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(api(addr, Some(&icbc), "POST", "/v1/transfers", transfer).status, 201);
    let lists = api(addr, Some(&icbc), "GET", "/v1/lists", "").json();
    assert_eq!(lists["entries"].as_array().unwrap().len(), 0, "no anonymous list write got through");

    // 3. Oversized and malformed bodies: JSON errors, nothing done.
    let huge = format!(r#"{{"from_account":"V","to_account":"M1","amount_fen":1,"memo":"{}"}}"#, "x".repeat(400_000));
    let r = api(addr, Some(&icbc), "POST", "/v1/transfers/check", &huge);
    assert_eq!(r.status, 413, "{}", &r.body[..r.body.len().min(200)]);
    assert!(r.json()["error"]["message"].is_string(), "413 is JSON");
    for bad in [
        "{",
        "[]",
        "null",
        r#"{"amount_fen":1e400}"#,
        "\u{0}\u{1}",
        r#"{"from_account":"V","to_account":"M1","amount_fen":1,"extra":1}"#,
    ] {
        let r = api(addr, Some(&icbc), "POST", "/v1/transfers/check", bad);
        assert_eq!(r.status, 400, "{bad:?}: {}", r.body);
        assert!(r.json()["error"]["message"].is_string());
    }
    let r = api(addr, Some(&icbc), "POST", "/v1/lists", &entry.replace("M1", &"9".repeat(5_000)));
    assert_eq!((r.status, r.json()["error"]["field"].as_str()), (400, Some("value")), "bounded fields");
    let r = api(
        addr,
        Some(&icbc),
        "POST",
        "/v1/lists",
        &entry.replace(r#""kind":"account","value":"M1""#, r#""kind":"phone","value":"n/a""#),
    );
    assert_eq!(r.status, 400, "a phone without digits: {}", r.body);

    // 5. CSRF: a form post without the session's token is refused and changes nothing.
    let (wang, csrf) = session(addr, "wang");
    let r = form(addr, "/console/lists", &wang, "list=block&kind=account&value=M1&reason=csrf");
    assert_eq!(r.status, 403);
    let r = form(addr, "/console/lists", &wang, "csrf=0000&list=block&kind=account&value=M1&reason=csrf");
    assert_eq!(r.status, 403);

    // 6. Markup probes in every form field, then every page that shows them.
    for (i, probe) in PROBES.iter().enumerate() {
        let p = enc(probe);
        let case = format!(
            "csrf={csrf}&title={p}&victim={p}&txns=T0&typology=police_gov&reported_at=2024-03-01+10%3A30&narrative={p}"
        );
        let r = form(addr, "/console/cases", &wang, &case);
        assert!(r.status == 303 || r.status == 400, "case form: {} {}", r.status, r.body);
        assert_no_live_markup(&r.body, "the case form's answer");
        let r =
            form(addr, "/console/lists", &wang, &format!("csrf={csrf}&list=watch&kind=url&value={p}{i}&reason={p}"));
        assert!(r.status == 303 || r.status == 400, "list form: {}", r.status);
        let r = form(addr, "/public/report", "", &format!("kind=phone&value=1380000000{i}&text={p}"));
        assert_no_live_markup(&r.body, "the public report's answer");
        let r = form(addr, "/public/check", "", &format!("text={p}"));
        assert_no_live_markup(&r.body, "the public check's answer");
        let r = page(addr, &format!("/public/lookup?kind=url&value={p}"), "");
        assert_no_live_markup(&r.body, "the public lookup");
    }
    let (li, li_csrf) = session(addr, "li");
    let p = enc(PROBES[1]);
    form(addr, "/console/punishments", &li, &format!("csrf={li_csrf}&person={p}&accounts={p}&reason={p}&days=30"));
    form(addr, "/console/punishments/1/appeal", &li, &format!("csrf={li_csrf}&appeal=filed&note={p}"));
    form(addr, "/console/cases/1/freeze", &wang, &format!("csrf={csrf}"));
    for path in [
        "/console/cases",
        "/console/cases/1",
        "/console/cases/2",
        "/console/lists",
        "/console/alerts",
        "/console/requests",
        "/console/audit",
        "/console/dashboard",
    ] {
        let r = page(addr, path, &li);
        assert_eq!(r.status, 200, "{path}");
        assert_no_live_markup(&r.body, path);
    }
    let page_text = page(addr, "/console/lists", &li).body;
    assert!(page_text.contains("&lt;img src=x onerror"), "the probe is shown, escaped");

    // 7. Forged forwarding headers do not buy a fresh per-address limit (no proxy is trusted): the
    // limit is reached, and new forged addresses stay refused.
    let forged = |i: usize| {
        request(addr, "GET", "/v1/lookup?phone=13800000000", &[("X-Forwarded-For", &format!("198.51.100.{i}"))], b"")
            .status
    };
    let first_refusal = (0..3 * PUBLIC_PER_MINUTE).find(|&i| forged(i) == 429);
    assert!(first_refusal.is_some(), "the public limit holds");
    assert_eq!((200..203).map(forged).collect::<Vec<_>>(), [429, 429, 429]);

    // 8. Headers on every kind of answer.
    for (path, cookie) in [
        ("/console/login", ""),
        ("/console/cases", li.as_str()),
        ("/public", ""),
        ("/healthz", ""),
        ("/v1/lists", ""),
        ("/openapi.json", ""),
    ] {
        let r = page(addr, path, cookie);
        let csp = r.header("content-security-policy").unwrap_or_else(|| panic!("{path}: no CSP"));
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'") && !csp.contains("script-src"),
            "{path}: {csp}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
    }
    let login = form(addr, "/console/login", "", "name=li&password=li-password-1");
    let cookie = login.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");

    // 9. Every refusal of the API is in the audit trail (alike ones of a batch as one entry ending
    // in "(×N)"), and the chain holds. Refusals are written off the request path: wait for them.
    let expected = protected.len() * 3 + protected.len() - 1 + 2; // 401s, 403s, the query/cookie key, the cross-bank write
    let mut trail = fanzha_console::open_db(Path::new(&db), None).unwrap();
    let filter = fanzha_console::audit::AuditFilter { action: Some("api.denied".into()), ..Default::default() };
    let calls = |rows: &[fanzha_console::audit::AuditRow]| -> usize {
        rows.iter()
            .map(|r| r.detail.rsplit_once("(×").map_or(1, |(_, n)| n.trim_end_matches(')').parse().unwrap()))
            .sum()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let denied = loop {
        let rows = trail.audit_page(&filter, 1_000, 0).unwrap();
        if calls(&rows) >= expected || std::time::Instant::now() > deadline {
            break rows;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert!(calls(&denied) >= expected, "{} refusals audited, {expected} expected", calls(&denied));
    assert!(denied
        .iter()
        .any(|r| r.object == "transfers.record" && r.user.contains("CCB") && r.detail.contains("ICBC")));
    assert!(trail.audit_log(1_000).unwrap().iter().any(|r| r.action == "api.record" && r.object == "txn:X1"));
    let verified = ok(&fanzha(&["audit", "verify", "--db", &db]));
    assert!(verified.contains("intact"), "{verified}");
}

#[test]
fn behind_a_trusted_proxy_the_forwarded_address_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    wait_for_a_fresh_minute();
    let (_server, addr) = start(&db, &["--trusted-proxy", "127.0.0.1"]);
    let addr = addr.as_str();
    // Through the proxy (this test's loopback address), each forwarded client has its own limit.
    for client in ["198.51.100.1", "198.51.100.2"] {
        let statuses: Vec<u16> = (0..=PUBLIC_PER_MINUTE)
            .map(|_| request(addr, "GET", "/v1/lookup?phone=13800000000", &[("X-Forwarded-For", client)], b"").status)
            .collect();
        assert_eq!(statuses.iter().filter(|&&s| s == 429).count(), 1, "{client}: {statuses:?}");
    }
    // A client cannot push its own address in front of the proxy's entry.
    let statuses: Vec<u16> = (0..=PUBLIC_PER_MINUTE)
        .map(|i| {
            let chain = format!("10.9.9.{i}, 198.51.100.3");
            request(addr, "GET", "/v1/lookup?phone=13800000000", &[("X-Forwarded-For", &chain)], b"").status
        })
        .collect();
    assert_eq!(statuses[PUBLIC_PER_MINUTE], 429, "the rightmost untrusted address is the client: {statuses:?}");
}
