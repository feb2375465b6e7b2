//! The centre's workflows end to end, in process. The freeze request as the bank's liaison works it:
//! the request's accounts, masked holders, amounts, typology and legal basis; the printable notice
//! and the CSV; outcomes checked against the request and corrected only with a reason, every step
//! audited. A case opened from an alert: the alert closes only when the case exists.

mod common;

use axum::http::StatusCode;
use common::*;
use fanzha_console::db::{NewAlert, Page};
use fanzha_storage::Store;

/// Opens a case from the victim's transfer, drafts the requests and returns (ICBC's, CCB's) ids.
async fn case_with_requests(c: &std::sync::Arc<fanzha_console::Console>) -> (i64, i64) {
    case_titled(c, "受害人王某某报案", "对方自称警察").await
}

/// [`case_with_requests`] with the title and story given.
async fn case_titled(c: &std::sync::Arc<fanzha_console::Console>, title: &str, story: &str) -> (i64, i64) {
    let (wang, csrf) = session(c, "wang").await;
    let form =
        format!("csrf={csrf}&title={}&victim=V&txns=T0&typology=police_gov&narrative={}", enc(title), enc(story));
    let r = send(c, "POST", "/console/cases", &wang, &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = send(c, "POST", "/console/cases/1/freeze", &wang, &format!("csrf={csrf}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let requests = c.db().freezes(Some(1), None, Page::all()).unwrap();
    let id = |bank: &str| requests.iter().find(|r| r.bank.as_deref() == Some(bank)).expect("a request per bank").id;
    (id("ICBC"), id("CCB"))
}

#[tokio::test]
async fn the_liaison_reads_prints_and_answers_its_banks_request() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (icbc, ccb) = case_with_requests(&c).await;
    let (bank, bank_csrf) = session(&c, "icbc").await;

    // A draft has no notice and takes no outcome yet.
    let page = send(&c, "GET", &format!("/console/requests/{icbc}"), &bank, "").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("id=\"outcome-form\""), "no outcome form on a draft");
    let r = send(&c, "GET", &format!("/console/requests/{icbc}/notice"), &bank, "").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("<header>"), "the refusal is a page in the frame");
    let r = send(
        &c,
        "POST",
        &format!("/console/requests/{icbc}/outcome"),
        &bank,
        &format!("csrf={bank_csrf}&status=executed"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    let (li, li_csrf) = session(&c, "li").await;
    for id in [icbc, ccb] {
        let r = send(&c, "POST", &format!("/console/requests/{id}/approve"), &li, &format!("csrf={li_csrf}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }

    // What to freeze: the account, its masked holder, the amount, the typology and the legal basis;
    // not the victim's story.
    let page = send(&c, "GET", &format!("/console/requests/{icbc}"), &bank, "").await.body;
    assert!(page.contains("<td class=\"account\">M1</td>"), "{page}");
    assert!(page.contains("4201**********1234"), "masked holder");
    assert!(!page.contains("420105199001011234"), "never the full identity number");
    assert!(page.contains("10,000.00"), "the amount held at ICBC");
    assert!(page.contains("冒充公检法"), "the typology");
    assert!(page.contains("刑事诉讼法"), "the legal basis");
    assert!(!page.contains("对方自称警察") && !page.contains("受害人王某某"), "not the case's story");
    let notice = send(&c, "GET", &format!("/console/requests/{icbc}/notice"), &bank, "").await;
    assert_eq!(notice.status, StatusCode::OK);
    assert!(notice.body.contains("止付/冻结通知书") && notice.body.contains("M1") && notice.body.contains("FZ-1-"));
    let csv = send(&c, "GET", &format!("/console/requests/{icbc}/notice.csv"), &bank, "").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "bank,bank_total_fen,account,holder,amount_fen,urgency,stopped");
    assert!(lines[1].starts_with("ICBC,1000000,M1,4201**********1234,1000000,"), "{}", lines[1]);

    // Another bank's request: refused and audited, in every form.
    for uri in [
        format!("/console/requests/{ccb}"),
        format!("/console/requests/{ccb}/notice"),
        format!("/console/requests/{ccb}/notice.csv"),
    ] {
        assert_eq!(send(&c, "GET", &uri, &bank, "").await.status, StatusCode::FORBIDDEN, "{uri}");
    }

    // Outcomes are checked against the 10,000 yuan requested; a refusal says why and changes nothing.
    let answer = |form: String| {
        let c = c.clone();
        let bank = bank.clone();
        async move { send(&c, "POST", &format!("/console/requests/{icbc}/outcome"), &bank, &form).await }
    };
    let r = answer(format!("csrf={bank_csrf}&status=partially_executed&saved_yuan=999999")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("id=\"outcome-error\"") && r.body.contains("10,000.00"), "{}", r.body);
    let stored = c.db().freeze(icbc).unwrap().unwrap();
    assert_eq!((stored.status.as_str(), stored.saved_fen), ("sent", 0), "nothing changed");
    let r = answer(format!("csrf={bank_csrf}&status=partially_executed&saved_yuan=4000")).await;
    assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, format!("/console/requests/{icbc}").as_str()));
    let stored = c.db().freeze(icbc).unwrap().unwrap();
    assert_eq!((stored.status.as_str(), stored.saved_fen), ("partially_executed", 400_000));

    // A correction needs a reason; the change is audited with before and after.
    let r = answer(format!("csrf={bank_csrf}&status=executed")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(c.db().freeze(icbc).unwrap().unwrap().saved_fen, 400_000);
    let r = answer(format!("csrf={bank_csrf}&status=executed&reason={}", enc("补充冻结到账资金"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = c.db().freeze(icbc).unwrap().unwrap();
    assert_eq!((stored.status.as_str(), stored.saved_fen), ("executed", 1_000_000));
    let log = c.db().audit_log(1000).unwrap();
    let correction = log.iter().find(|a| a.action == "freeze.correct").expect("the correction is audited");
    assert_eq!(correction.detail, "partially_executed 400000 -> executed 1000000: 补充冻结到账资金");
    for action in ["request.view", "request.notice", "request.export", "freeze.outcome", "denied"] {
        assert!(log.iter().any(|a| a.action == action && a.user == "icbc"), "{action} audited");
    }

    // The money saved reaches the bank's list and the dashboard.
    let list = send(&c, "GET", "/console/requests", &bank, "").await.body;
    assert!(list.contains("10,000.00"), "saved in all");
    let dashboard = send(&c, "GET", "/console/dashboard", &li, "").await.body;
    assert!(dashboard.contains("¥10,000.00"), "the dashboard counts it");
}

#[tokio::test]
async fn only_the_answering_roles_record_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (icbc, _) = case_with_requests(&c).await;
    let (li, li_csrf) = session(&c, "li").await;
    send(&c, "POST", &format!("/console/requests/{icbc}/approve"), &li, &format!("csrf={li_csrf}")).await;
    for user in ["wang", "zhao"] {
        let (cookie, csrf) = session(&c, user).await;
        assert_eq!(send(&c, "GET", &format!("/console/requests/{icbc}"), &cookie, "").await.status, StatusCode::OK);
        let r = send(
            &c,
            "POST",
            &format!("/console/requests/{icbc}/outcome"),
            &cookie,
            &format!("csrf={csrf}&status=failed"),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{user}");
    }
    // The supervisor may answer for a bank; the wrong token does nothing.
    let r = send(&c, "POST", &format!("/console/requests/{icbc}/outcome"), &li, "csrf=0&status=failed").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r =
        send(&c, "POST", &format!("/console/requests/{icbc}/outcome"), &li, &format!("csrf={li_csrf}&status=failed"))
            .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(c.db().freeze(icbc).unwrap().unwrap().status, "failed");
    let missing = send(&c, "GET", "/console/requests/999", &li, "").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing.body.contains("<header>") && missing.body.contains("没有这个冻结请求"),
        "a page in the frame, in Chinese"
    );
    let english = format!("{li}; lang=en");
    let r = send(&c, "POST", "/console/alerts/1/dismiss", &english, &format!("csrf={li_csrf}&reason=")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("<header>") && r.body.contains("A dismissal needs a reason."), "{}", r.body);
}

#[tokio::test]
async fn a_case_from_an_alert_carries_the_account_and_closes_the_alert_only_once_opened() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    c.db().raise_alert(&NewAlert::new("mule", "M1", 0.93, r#"[["快进快出","fast in, fast out"]]"#), 0).unwrap();
    let id = c.db().alerts(false, Page::all()).unwrap()[0].id;
    let (wang, csrf) = session(&c, "wang").await;

    // The form comes filled from the alert: the account, its reasons, the transfers into it.
    let r = send(&c, "POST", &format!("/console/alerts/{id}/case"), &wang, &format!("csrf={csrf}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(&format!("name=\"alert\" value=\"{id}\"")), "{}", r.body);
    assert!(r.body.contains("id=\"txns\" name=\"txns\" required maxlength=\"2000\" value=\"T0\""), "{}", r.body);
    assert!(r.body.contains("快进快出") && r.body.contains("M1"));
    assert_eq!(c.db().alert(id).unwrap().unwrap().status, "open", "showing the form changes nothing");

    // A refused form keeps what was typed, and the alert stays open.
    let form = |victim: &str| {
        format!(
            "csrf={csrf}&alert={id}&title={}&victim={victim}&txns=T0&typology=police_gov&narrative=x",
            enc("预警立案 M1")
        )
    };
    let r = send(&c, "POST", "/console/cases", &wang, &form("")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("id=\"case-error\"") && r.body.contains("预警立案 M1") && r.body.contains("value=\"T0\""));
    assert!(r.body.contains("<option value=\"police_gov\" selected>"), "the typology chosen stays chosen");
    assert_eq!(c.db().alert(id).unwrap().unwrap().status, "open");

    // Opened: the alert points at the case.
    let r = send(&c, "POST", "/console/cases", &wang, &form("V")).await;
    assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, "/console/cases/1"), "{}", r.body);
    let alert = c.db().alert(id).unwrap().unwrap();
    assert_eq!((alert.status.as_str(), alert.note.as_deref()), ("case", Some("case:1")));
    assert!(c.db().audit_log(100).unwrap().iter().any(|a| a.action == "alert.case" && a.detail == "case:1"));
    let r = send(&c, "POST", &format!("/console/alerts/{id}/case"), &wang, &format!("csrf={csrf}")).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "a closed alert opens no second case");
}

/// An account the store's cases confirm as a mule says so on its page, where the check blocks
/// payments into it; the account it paid on to does not.
#[tokio::test]
async fn the_account_page_shows_a_mule_the_cases_confirm() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    {
        let mut store = fanzha_storage::LogStore::open(dir.path(), fanzha_storage::OpenMode::Write).unwrap();
        let m1 = store.ledger().account_ix("M1").unwrap();
        let target = fanzha_model::LabelTarget::Account(m1);
        store.stage(fanzha_model::Event::Label(fanzha_model::Label { target, name: "mule".into() })).unwrap();
        store.commit().unwrap();
    }
    let c = console(dir.path());
    let (wang, _) = session(&c, "wang").await;
    let page = |id: &'static str| {
        let c = c.clone();
        let wang = wang.clone();
        async move { send(&c, "GET", &format!("/console/accounts/{id}"), &wang, "").await.body }
    };
    assert!(page("M1").await.contains("id=\"confirmed-mule\""));
    let m2 = page("M2").await;
    assert!(m2.contains("id=\"risk\"") && !m2.contains("id=\"confirmed-mule\""), "{m2}");
}

#[tokio::test]
async fn search_and_the_account_page_bring_together_what_is_known() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (wang, csrf) = session(&c, "wang").await;
    // Two cases over the same money share accounts; the public reported one of them.
    for title in ["first", "second"] {
        let form = format!("csrf={csrf}&title={title}&victim=V&txns=T0&typology=police_gov&narrative=x");
        assert_eq!(send(&c, "POST", "/console/cases", &wang, &form).await.status, StatusCode::SEE_OTHER);
    }
    let report = fanzha_check::lookup::PublicReport {
        kind: fanzha_check::lists::EntryKind::Account,
        value: "M1".into(),
        text: "对方冒充警察让我转到这个账户".into(),
        at: T0 + 3_600,
    };
    c.api.write_live().unwrap().reports.add(report).unwrap();

    // An exact account goes to its page; an identity number finds the holder's accounts; a
    // transaction id finds the transfer and the cases that reported it.
    let r = send(&c, "GET", "/console/search?q=M1", &wang, "").await;
    assert_eq!((r.status, r.location.as_str()), (StatusCode::SEE_OTHER, "/console/accounts/M1"));
    let r = send(&c, "GET", "/console/search?q=420105199001011234", &wang, "").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("href=\"/console/accounts/M1\"") && !r.body.contains("href=\"/console/accounts/M2\""));
    let r = send(&c, "GET", "/console/search?q=T0", &wang, "").await;
    assert!(
        r.body.contains("href=\"/console/accounts/V\"") && r.body.contains("href=\"/console/cases/2\""),
        "{}",
        r.body
    );
    let r = send(&c, "GET", "/console/search?q=nothing-like-this", &wang, "").await;
    assert!(r.body.contains("没有找到"));

    // The account page: holder masked, risk, cases, the public's report, transfers both ways.
    let page = send(&c, "GET", "/console/accounts/M1", &wang, "").await.body;
    assert!(page.contains("4201**********1234") && !page.contains("420105199001011234"));
    assert!(page.contains("id=\"live-score\""), "the model's live score");
    assert!(page.contains("href=\"/console/cases/1\"") && page.contains("href=\"/console/cases/2\""));
    assert!(page.contains("对方冒充警察让我转到这个账户"));
    assert!(page.contains(">T0<") && page.contains(">T1<"), "in and out");
    assert!(page.contains("href=\"/console/accounts/M2\""), "the counterparty is a link");

    // The trace can be seen under another policy or as of the latest data, without saving it.
    let view = send(&c, "GET", "/console/cases/1?policy=lifo&as_of=latest", &wang, "").await;
    assert_eq!(view.status, StatusCode::OK);
    assert!(view.body.contains("id=\"trace-view-note\"") && view.body.contains("lifo"), "{}", view.body);
    assert_eq!(send(&c, "GET", "/console/cases/1?policy=bogus", &wang, "").await.status, StatusCode::BAD_REQUEST);
    assert!(!send(&c, "GET", "/console/cases/1", &wang, "").await.body.contains("trace-view-note"), "not saved");
    // The cases link to each other through the accounts they share; the reports have their page.
    let case = send(&c, "GET", "/console/cases/1", &wang, "").await.body;
    assert!(case.contains("id=\"related-cases\"") && case.contains("href=\"/console/cases/2\""), "{case}");
    let reports = send(&c, "GET", "/console/reports", &wang, "").await.body;
    assert!(reports.contains("对方冒充警察让我转到这个账户") && reports.contains("/console/search?q=M1"));

    // A bank's liaison sees none of it; every look is audited.
    let (bank, _) = session(&c, "icbc").await;
    for uri in ["/console/search?q=M1", "/console/accounts/M1", "/console/reports"] {
        assert_eq!(send(&c, "GET", uri, &bank, "").await.status, StatusCode::FORBIDDEN, "{uri}");
    }
    assert_eq!(send(&c, "GET", "/console/accounts/NOPE", &wang, "").await.status, StatusCode::NOT_FOUND);
    let log = c.db().audit_log(1000).unwrap();
    for action in ["search", "account.view", "reports.view"] {
        assert!(log.iter().any(|a| a.action == action && a.user == "wang"), "{action} audited");
    }
}

#[tokio::test]
async fn cases_are_taken_assigned_closed_with_a_note_filtered_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let (wang, wang_csrf) = session(&c, "wang").await;
    for title in ["first", "second"] {
        let form = format!("csrf={wang_csrf}&title={title}&victim=V&txns=T0&typology=police_gov&narrative=x");
        assert_eq!(send(&c, "POST", "/console/cases", &wang, &form).await.status, StatusCode::SEE_OTHER);
    }
    let case = |id| c.db().case(id).unwrap().unwrap();
    assert_eq!((case(1).status.as_str(), case(1).assignee.as_deref()), ("open", Some("wang")), "its opener works it");
    let change = |cookie: String, id: i64, form: String| {
        let c = c.clone();
        async move { send(&c, "POST", &format!("/console/cases/{id}/status"), &cookie, &form).await }
    };

    // Only a supervisor assigns, and only to someone who works cases.
    let r = change(wang.clone(), 1, format!("csrf={wang_csrf}&action=assign&to=wang")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let (li, li_csrf) = session(&c, "li").await;
    let r = change(li.clone(), 1, format!("csrf={li_csrf}&action=assign&to=zhao")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "an auditor works no cases");
    let r = change(li.clone(), 1, format!("csrf={li_csrf}&action=take")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(case(1).assignee.as_deref(), Some("li"));
    let r = change(li.clone(), 1, format!("csrf={li_csrf}&action=assign&to=wang")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(case(1).assignee.as_deref(), Some("wang"));

    // Closing needs a note; a closed case leaves the default list and can be reopened.
    let r = change(wang.clone(), 1, format!("csrf={wang_csrf}&action=close&note=")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = change(wang.clone(), 1, format!("csrf={wang_csrf}&action=close&note={}", enc("资金已全部冻结返还"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!((case(1).status.as_str(), case(1).closed_note.as_deref()), ("closed", Some("资金已全部冻结返还")));
    let r = change(wang.clone(), 1, format!("csrf={wang_csrf}&action=close&note=again")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let open = send(&c, "GET", "/console/cases", &wang, "").await.body;
    assert!(!open.contains("href=\"/console/cases/1\"") && open.contains("href=\"/console/cases/2\""));
    let closed = send(&c, "GET", "/console/cases?status=closed", &wang, "").await.body;
    assert!(closed.contains("href=\"/console/cases/1\"") && !closed.contains("href=\"/console/cases/2\""));
    let mine = send(&c, "GET", "/console/cases?status=all&assignee=me", &li, "").await.body;
    assert!(!mine.contains("href=\"/console/cases/1\""), "case 1 is wang's now");

    // The export follows the filter.
    let csv = send(&c, "GET", "/console/cases.csv?status=all", &wang, "").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(lines[0].starts_with("id,title,typology,victim"));
    assert!(
        lines[2].starts_with("1,first,police_gov,V,T0,")
            && lines[2].contains(",closed,wang,")
            && lines[2].ends_with("资金已全部冻结返还")
    );
    assert!(lines[2].contains("+08:00"), "times in Beijing time with the offset");

    // A case whose requests wait for banks shows as freezing, and the list filters it.
    send(&c, "POST", "/console/cases/2/freeze", &wang, &format!("csrf={wang_csrf}")).await;
    let drafted: Vec<i64> = c.db().freezes(Some(2), None, Page::all()).unwrap().iter().map(|r| r.id).collect();
    for id in drafted {
        send(&c, "POST", &format!("/console/requests/{id}/approve"), &li, &format!("csrf={li_csrf}")).await;
    }
    let freezing = send(&c, "GET", "/console/cases?status=freezing", &wang, "").await.body;
    assert!(freezing.contains("href=\"/console/cases/2\"") && freezing.contains("冻结中 (2)"), "{freezing}");
    assert!(!freezing.contains("href=\"/console/cases/1\""));
    // By the banks asked to freeze, and by the victim's province.
    let bank = c.db().freezes(Some(2), None, Page::all()).unwrap()[0].bank.clone().expect("a bank");
    let by_bank = send(&c, "GET", &format!("/console/cases?status=all&bank={bank}"), &wang, "").await.body;
    assert!(by_bank.contains("href=\"/console/cases/2\"") && !by_bank.contains("href=\"/console/cases/1\""));
    let province = case(2).province.expect("the victim's province is kept");
    let here = send(&c, "GET", &format!("/console/cases?status=all&province={province}"), &wang, "").await.body;
    assert!(here.contains("href=\"/console/cases/2\""), "{province}");
    let elsewhere = if province == 65 { 11 } else { 65 };
    let there = send(&c, "GET", &format!("/console/cases?status=all&province={elsewhere}"), &wang, "").await.body;
    assert!(!there.contains("href=\"/console/cases/2\""));
    let r = change(wang.clone(), 1, format!("csrf={wang_csrf}&action=reopen")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!((case(1).status.as_str(), case(1).closed_note.as_deref()), ("open", None));
    let (zhao, zhao_csrf) = session(&c, "zhao").await;
    assert_eq!(change(zhao, 1, format!("csrf={zhao_csrf}&action=take")).await.status, StatusCode::FORBIDDEN);
    let log = c.db().audit_log(1000).unwrap();
    for action in ["case.take", "case.assign", "case.close", "case.reopen", "cases.export"] {
        assert!(log.iter().any(|a| a.action == action), "{action} audited");
    }
}

#[tokio::test]
async fn the_alert_queue_filters_sorts_and_acts_in_bulk() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let places = [
        (Some("ICBC"), Some(44), None),
        (Some("CCB"), Some(11), None),
        (None, Some(44), None),
        (Some("ICBC"), Some(44), Some("police_gov")),
    ];
    for (i, kind) in ["mule", "mule", "card_farmer", "transfer"].into_iter().enumerate() {
        let (bank, province, typology) = places[i];
        let alert = NewAlert {
            bank: bank.map(String::from),
            province,
            typology: typology.map(String::from),
            ..NewAlert::new(kind, &format!("S{i}"), 0.5 + i as f64 / 10.0, "[]")
        };
        c.db().raise_alert(&alert, i as i64).unwrap();
    }
    let (wang, csrf) = session(&c, "wang").await;
    let ids = |body: &str| -> Vec<String> {
        body.split("<tr class=\"alert\"")
            .skip(1)
            .map(|row| row.split("<td>").nth(2).unwrap().split('<').next().unwrap().to_string())
            .collect()
    };
    let page = send(&c, "GET", "/console/alerts", &wang, "").await.body;
    assert_eq!(ids(&page), ["4", "3", "2", "1"], "highest score first");
    let page = send(&c, "GET", "/console/alerts?kind=mule&sort=newest", &wang, "").await.body;
    assert_eq!(ids(&page), ["2", "1"], "mules only, newest first");
    for (filter, want) in [
        ("bank=ICBC", vec!["4", "1"]),
        ("province=44", vec!["4", "3", "1"]),
        ("typology=police_gov", vec!["4"]),
        ("min_score=0.7", vec!["4", "3"]),
        ("bank=ICBC&province=44&min_score=0.6", vec!["4"]),
    ] {
        let page = send(&c, "GET", &format!("/console/alerts?{filter}"), &wang, "").await.body;
        assert_eq!(ids(&page), want, "{filter}");
        let link = format!("/console/alerts.csv?{}", filter.replace('&', "&amp;"));
        assert!(page.contains(&link), "the export keeps {filter}");
    }
    let page = send(&c, "GET", "/console/alerts?typology=police_gov", &wang, "").await.body;
    assert!(page.contains("冒充公检法") && page.contains("ICBC") && page.contains("广东"), "where it is shown");

    // Bulk: a dismissal needs a reason; taking many at once; "mine" shows them.
    let r =
        send(&c, "POST", "/console/alerts/bulk", &wang, &format!("csrf={csrf}&action=dismiss&reason=&id=1&id=2")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r =
        send(&c, "POST", "/console/alerts/bulk", &wang, &format!("csrf={csrf}&action=assign&reason=&id=1&id=3")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("2 / 2"), "{}", r.body);
    let mine = send(&c, "GET", "/console/alerts?status=mine", &wang, "").await.body;
    assert_eq!(ids(&mine), ["3", "1"]);
    let r = send(
        &c,
        "POST",
        "/console/alerts/bulk",
        &wang,
        &format!("csrf={csrf}&action=dismiss&reason={}&id=1&id=2&id=4", enc("正常商户")),
    )
    .await;
    assert!(r.body.contains("3 / 3"));
    let dismissed = send(&c, "GET", "/console/alerts?status=dismissed", &wang, "").await.body;
    assert_eq!(ids(&dismissed), ["4", "2", "1"]);
    assert_eq!(ids(&send(&c, "GET", "/console/alerts", &wang, "").await.body), ["3"]);
    let r = send(&c, "POST", "/console/alerts/bulk", &wang, &format!("csrf={csrf}&action=dismiss&reason=x")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "nothing ticked");
    // The export follows the filter; the audit log exports too, for those who read it.
    let csv = send(&c, "GET", "/console/alerts.csv?status=dismissed", &wang, "").await.body;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[0].starts_with("id,kind,subject,score,status") && lines[1].contains(",dismissed,wang,正常商户,"));
    let (li, _) = session(&c, "li").await;
    let audit = send(&c, "GET", "/console/audit.csv?action=alert.", &li, "").await.body;
    assert!(audit.starts_with("seq,at,user,action,object,detail") && audit.contains(",wang,alert.dismiss,alert:"));
    assert_eq!(send(&c, "GET", "/console/audit.csv", &wang, "").await.status, StatusCode::FORBIDDEN);
    let (zhao, zhao_csrf) = session(&c, "zhao").await;
    let r = send(&c, "POST", "/console/alerts/bulk", &zhao, &format!("csrf={zhao_csrf}&action=assign&id=3")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let log = c.db().audit_log(1000).unwrap();
    assert_eq!(
        log.iter().filter(|a| a.action == "alert.dismiss" && a.detail == "正常商户").count(),
        3,
        "each alert audited"
    );
}

#[tokio::test]
async fn detection_and_public_reports_reach_the_lookup_and_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    let lookup = |value: &'static str| {
        let c = c.clone();
        async move { send(&c, "GET", &format!("/public/lookup?kind=account&value={value}"), "", "").await.body }
    };
    assert!(lookup("M1").await.contains("暂无风险记录"));
    {
        let mut live = c.api.write_live().unwrap();
        let m1 = live.store.ledger().account_ix("M1").unwrap();
        let reason = fanzha_detect::rules::Reason {
            code: "rule.fast_in_fast_out".into(),
            message_zh: "快进快出".into(),
            message_en: "fast in, fast out".into(),
            weight: 1.0,
            counterparty: None,
        };
        let flag = fanzha_check::suspects::Suspect { score: 0.9, reasons: vec![reason] };
        live.checker.suspects = [(m1, flag)].into_iter().collect();
    }
    let found = lookup("M1").await;
    assert!(
        found.contains("中风险") && found.contains("反诈模型"),
        "a flagged mule is not 'nothing on record': {found}"
    );
    assert!(lookup("M2").await.contains("暂无风险记录"), "only the flagged one");

    // A public report becomes one alert per value, below detection's alerts.
    for text in ["对方冒充客服让我转账", "又有人让我转到这个账户"] {
        let r = send(&c, "POST", "/public/report", "", &format!("kind=account&value=M2&text={}", enc(text))).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let alerts = c.db().alerts(false, Page::all()).unwrap();
    let reported: Vec<_> = alerts.iter().filter(|a| a.kind == "report").collect();
    assert_eq!(reported.len(), 1, "one alert per value reported");
    assert_eq!(reported[0].subject, "M2");
    assert!(reported[0].reasons.contains("对方冒充客服让我转账"));
    let (wang, _) = session(&c, "wang").await;
    let queue = send(&c, "GET", "/console/alerts?kind=report", &wang, "").await.body;
    assert!(queue.contains("群众举报") && queue.contains("/console/search?q=M2"), "{queue}");
}

/// Runs of Chinese text (with some context) outside the trace drawing, which is bilingual by
/// design, and outside the language toggle, which names the other language in its own script: an
/// English page must have none.
fn untranslated(body: &str) -> Vec<String> {
    let mut text = body.replace(">中文</a>", "></a>");
    while let (Some(a), Some(b)) = (text.find("<svg"), text.find("</svg>")) {
        if b < a {
            break;
        }
        text.replace_range(a..b + 6, "");
    }
    let chars: Vec<char> = text.chars().collect();
    let cjk = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if cjk(chars[i]) {
            let start = i;
            while i < chars.len() && cjk(chars[i]) {
                i += 1;
            }
            runs.push(chars[start.saturating_sub(40)..(i + 10).min(chars.len())].iter().collect());
        } else {
            i += 1;
        }
    }
    runs
}

#[tokio::test]
async fn every_page_in_english_has_no_untranslated_text() {
    let dir = tempfile::tempdir().unwrap();
    seed(dir.path());
    let c = console(dir.path());
    c.db().raise_alert(&NewAlert::new("mule", "M1", 0.93, r#"[["快进快出","fast in, fast out"]]"#), 0).unwrap();
    // What users type stays as typed: the data here is in English.
    let (icbc, ccb) = case_titled(&c, "Reported by the victim", "A caller claimed to be police").await;
    let (li, li_csrf) = session(&c, "li").await;
    for id in [icbc, ccb] {
        send(&c, "POST", &format!("/console/requests/{id}/approve"), &li, &format!("csrf={li_csrf}")).await;
    }
    let english = format!("{li}; lang=en");
    let mut pages = vec![
        "/".to_string(),
        "/public".into(),
        "/console/login".into(),
        "/console/cases".into(),
        "/console/cases?status=all".into(),
        "/console/cases/new".into(),
        "/console/cases/1".into(),
        "/console/requests".into(),
        "/console/alerts".into(),
        "/console/alerts?status=all".into(),
        "/console/lists".into(),
        "/console/dashboard".into(),
        "/console/audit".into(),
        "/console/search?q=T0".into(),
        "/console/accounts/M1".into(),
        "/console/reports".into(),
        "/console/cases/99".into(),
    ];
    for id in [icbc, ccb] {
        pages.push(format!("/console/requests/{id}"));
        pages.push(format!("/console/requests/{id}/notice"));
    }
    // The public check's advice and cues read in English too (the message quoted stays as written).
    let scam = enc("我是公安局的警察,你的银行卡涉嫌洗钱,请把钱转到安全账户配合调查");
    let checked = send(&c, "POST", "/public/check", "lang=en", &format!("text={scam}")).await.body;
    assert!(
        checked.contains("Looks like a scam") && checked.contains("96110 (the national anti-fraud line)"),
        "{checked}"
    );
    assert!(
        !checked.contains("保持冷静") && !checked.contains("的典型话术") && !checked.contains("的强特征"),
        "{checked}"
    );
    for page in &pages {
        let cookie =
            if page.starts_with("/console") && page != "/console/login" { english.as_str() } else { "lang=en" };
        let r = send(&c, "GET", page, cookie, "").await;
        assert!(r.status.is_success() || r.status == StatusCode::NOT_FOUND, "{page}: {}", r.status);
        let left = untranslated(&r.body);
        assert!(left.is_empty(), "{page} shows untranslated text:\n{}", left.join("\n"));
    }
}
