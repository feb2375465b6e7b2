//! Cases: the list (by status, assignee and typology; CSV export), a new case from a victim's report
//! or an alert (traced at once), one case whole (the trace, the freeze list, related cases, requests,
//! timeline), and its life: taken, assigned by a supervisor, closed with a note, reopened.

// A refusal is the finished response; see `routes`.
#![allow(clippy::result_large_err)]

use crate::db::{Case, CaseFilter, Db, Page, Role, CASE_STATUSES};
use crate::routes::{
    acting, bounded, csv_download, html, now, query_string, reading, refused, see_other, server_error, Viewer,
    CASE_READERS, CASE_WORKERS, CLOSED_EN, CLOSED_ZH,
};
use crate::{pages, Console};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use fanzha_model::Ledger;
use fanzha_storage::Store;
use fanzha_trace::{Policy, TraceAnswer, TraceReport, TraceRequest};
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

/// Query of the case list and its export: a page and the filters (`status` defaults to `open`;
/// `all` shows every state; `assignee=me` the viewer's own).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CasesQuery {
    page: Option<i64>,
    /// `open`, `freezing` (open, with requests awaiting an answer), `closed` or `all`.
    pub status: String,
    /// A user name, `me`, or empty for anyone.
    pub assignee: String,
    /// A typology id, or empty for any.
    pub typology: String,
    /// A bank code (cases that sent it a freeze request), or empty for any.
    pub bank: String,
    /// A province's two-digit code (the victim's account's), or empty for any.
    pub province: String,
}

impl CasesQuery {
    /// The filter it asks for, on behalf of `me`.
    fn filter(&self, me: &str) -> CaseFilter {
        let given = |x: &str| Some(bounded(x, 64)).filter(|x| !x.is_empty());
        CaseFilter {
            status: match self.status.as_str() {
                "all" => None,
                s if CASE_STATUSES.contains(&s) || s == "freezing" => Some(s.to_string()),
                _ => Some("open".into()),
            },
            assignee: given(&self.assignee).map(|a| if a == "me" { me.to_string() } else { a }),
            typology: given(&self.typology),
            bank: given(&self.bank),
            province: self.province.parse().ok(),
        }
    }

    /// The filters as a query string (for the pager and the export link), e.g. `status=open&`.
    pub fn query_string(&self) -> String {
        query_string(&[
            ("status", &self.status),
            ("assignee", &self.assignee),
            ("typology", &self.typology),
            ("bank", &self.bank),
            ("province", &self.province),
        ])
    }
}

/// `GET /console/cases[?status=&assignee=&typology=&bank=&province=&page=N]`.
pub async fn list(State(c): Shared, headers: HeaderMap, Query(q): Query<CasesQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "cases") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let page = Page::new(q.page.unwrap_or(0));
    match c.db().cases_where(&q.filter(&v.user.name), page) {
        Ok(list) => {
            let nav = pages::pager(v.lang, "/console/cases", &q.query_string(), page, list.len());
            html(StatusCode::OK, pages::cases(v.lang, &v.user, &v.csrf, &list, &q, nav))
        }
        Err(e) => server_error(e),
    }
}

/// `GET /console/cases.csv[?status=&assignee=&typology=]`: the filtered cases as CSV (all pages;
/// times in Beijing time with the offset; money in fen). Audited.
pub async fn export(State(c): Shared, headers: HeaderMap, Query(q): Query<CasesQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "cases.export") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let cases = match db.cases_where(&q.filter(&v.user.name), Page::all()) {
        Ok(list) => list,
        Err(e) => return server_error(e),
    };
    if let Err(e) =
        db.audit(now(), &v.user.name, "cases.export", "cases", &format!("{} rows {}", cases.len(), q.query_string()))
    {
        return server_error(e);
    }
    drop(db);
    let time = |t: i64| fanzha_model::Ts(t).to_rfc3339_shanghai();
    let rows = cases.iter().map(|c| {
        vec![
            c.id.to_string(),
            c.title.clone(),
            c.typology.clone(),
            c.victim.clone(),
            c.txns.clone(),
            c.traced_fen.to_string(),
            c.held_fen.to_string(),
            c.status.clone(),
            c.assignee.clone().unwrap_or_default(),
            c.created_by.clone(),
            time(c.created_at),
            time(c.as_of),
            c.closed_note.clone().unwrap_or_default(),
        ]
    });
    let header = [
        "id",
        "title",
        "typology",
        "victim",
        "txns",
        "traced_fen",
        "held_fen",
        "status",
        "assignee",
        "created_by",
        "created_at",
        "as_of",
        "closed_note",
    ];
    csv_download("cases.csv", &header, rows)
}

/// The form that moves a case: `take` it, `assign` it `to` someone (supervisors), `close` it with
/// a `note`, or `reopen` it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChangeForm {
    csrf: String,
    action: String,
    to: String,
    note: String,
}

crate::routes::posted!(ChangeForm);

/// Case `id`, or a page saying there is no such case.
pub(crate) fn stored(db: &mut Db, v: &Viewer, id: i64) -> Result<Case, Response> {
    match db.case(id) {
        Ok(Some(case)) => Ok(case),
        Ok(None) => Err(refused(v, StatusCode::NOT_FOUND, "没有这个案件。", "There is no such case.")),
        Err(e) => Err(server_error(e)),
    }
}

/// `POST /console/cases/{id}/status`: take, assign, close or reopen a case (audited).
pub async fn change(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>, Form(f): Form<ChangeForm>) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "case.change", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let case = match stored(&mut db, &v, id) {
        Ok(case) => case,
        Err(r) => return r,
    };
    let note: String = f.note.trim().chars().take(1000).collect();
    let open = case.status == "open";
    let (status, assignee, closed_note, detail) = match f.action.as_str() {
        "take" if open => ("open", Some(v.user.name.clone()), None, String::new()),
        "assign" if open && v.user.role != Role::Supervisor => {
            return refused(&v, StatusCode::FORBIDDEN, "只有主管可以指派案件。", "Only a supervisor assigns cases.")
        }
        "assign" if open => {
            let to = f.to.trim();
            let worker = match db.users() {
                Ok(users) => users.into_iter().find(|u| u.name == to && !u.disabled && CASE_WORKERS.contains(&u.role)),
                Err(e) => return server_error(e),
            };
            let Some(worker) = worker else {
                return refused(
                    &v,
                    StatusCode::BAD_REQUEST,
                    "请填写一位在用的分析员或主管。",
                    "Name an active analyst or supervisor.",
                );
            };
            ("open", Some(worker.name), None, format!("to {to}"))
        }
        "close" if open && note.is_empty() => {
            return refused(&v, StatusCode::BAD_REQUEST, "结案须说明理由。", "Closing a case needs a note.")
        }
        "close" if open => ("closed", case.assignee.clone(), Some(note.clone()), note.clone()),
        "reopen" if !open => ("open", Some(v.user.name.clone()), None, note.clone()),
        "take" | "assign" | "close" | "reopen" => {
            return refused(
                &v,
                StatusCode::CONFLICT,
                "案件状态已变化,请刷新。",
                "The case is not in a state for that; reload it.",
            )
        }
        _ => return refused(&v, StatusCode::NOT_FOUND, "没有这个操作。", "There is no such action."),
    };
    let changed = db.atomically(|db| {
        db.set_case(id, status, assignee.as_deref(), closed_note.as_deref())?;
        db.audit(now(), &v.user.name, &format!("case.{}", f.action), &format!("case:{id}"), &detail)
    });
    match changed {
        Ok(()) => see_other(&format!("/console/cases/{id}")),
        Err(e) => server_error(e),
    }
}

/// `GET /console/cases/new`.
pub async fn new_page(State(c): Shared, headers: HeaderMap) -> Response {
    match reading(&c, &headers, CASE_WORKERS, "cases/new") {
        Ok(v) => html(StatusCode::OK, pages::new_case(v.lang, &v.user, &v.csrf, None, &CaseForm::default())),
        Err(r) => r,
    }
}

/// The new-case form, as posted and as shown again with an error. Every field may be missing, so
/// that the session, the role and the CSRF token are checked before anything the form says.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CaseForm {
    csrf: String,
    /// Short title.
    pub title: String,
    /// The victim's account.
    pub victim: String,
    /// The reported transaction ids, separated by commas or spaces.
    pub txns: String,
    /// Beijing wall-clock time of the report, or empty.
    pub reported_at: String,
    /// A typology id.
    pub typology: String,
    /// The story.
    pub narrative: String,
    /// The alert the case is opened from (its id), or empty.
    pub alert: String,
}

crate::routes::posted!(CaseForm);

impl CaseForm {
    /// Each field trimmed and cut to its length limit.
    fn bounded(self) -> CaseForm {
        let cut = |s: String, max: usize| bounded(&s, max);
        CaseForm {
            csrf: self.csrf,
            title: cut(self.title, 200),
            victim: cut(self.victim, 64),
            txns: cut(self.txns, 2000),
            reported_at: cut(self.reported_at, 25),
            typology: cut(self.typology, 40),
            narrative: cut(self.narrative, 4000),
            alert: cut(self.alert, 20),
        }
    }
}

/// `POST /console/cases`: opens a case and traces the reported transfers at once. A case opened
/// from an alert closes the alert in the same transaction (an abandoned form leaves it open).
pub async fn create(State(c): Shared, headers: HeaderMap, Form(f): Form<CaseForm>) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "cases/new", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let f = f.bounded();
    let bad = |msg: &str| html(StatusCode::BAD_REQUEST, pages::new_case(v.lang, &v.user, &v.csrf, Some(msg), &f));
    let (title, victim, txns, narrative, typology) =
        (f.title.clone(), f.victim.clone(), f.txns.clone(), f.narrative.clone(), f.typology.clone());
    let alert = if f.alert.is_empty() {
        None
    } else {
        match f.alert.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => return bad(v.lang.t("预警编号无效。", "The alert id is not a number.")),
        }
    };
    if title.is_empty() || victim.is_empty() || txns.is_empty() {
        return bad(v
            .lang
            .t("标题、受害人账户和交易号必须填写。", "Title, victim account and transaction ids are required."));
    }
    if fanzha_model::Typology::by_id(&typology).is_none() {
        return bad(v.lang.t("请选择诈骗类型。", "Choose a typology."));
    }
    let as_of = if f.reported_at.is_empty() {
        None
    } else {
        match fanzha_model::Ts::parse_beijing_wall_clock(&f.reported_at) {
            Ok(t) => Some(t),
            Err(_) => {
                return bad(v
                    .lang
                    .t("报案时间格式应为 2024-03-01 12:00。", "Reported at: write it as 2024-03-01 12:00."))
            }
        }
    };
    let ids: Vec<String> =
        txns.split([',', ' ', '，']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
    let case = NewCase { title, victim, txns: ids, typology, narrative, as_of, alert };
    let opened = forward(c.api.trace(&case.request(), None).map_err(|e| e.to_string()))
        .map_err(OpenError::Untraceable)
        .and_then(|report| {
            let live = c.api.read_live().map_err(|e| OpenError::Untraceable(e.to_string()))?;
            open_case(&mut c.db(), live.store.ledger(), &case, &report, &v.user.name, now())
        });
    match opened {
        Ok(id) => see_other(&format!("/console/cases/{id}")),
        Err(OpenError::Untraceable(why)) => {
            bad(&format!("{}: {why}", v.lang.t("无法追踪这些交易", "These transfers cannot be traced")))
        }
        Err(OpenError::Db(e)) => server_error(e),
    }
}

/// A case to open, as checked from the form (or made by `fanzha demo`).
#[derive(Debug, Clone)]
pub struct NewCase {
    /// Short title.
    pub title: String,
    /// The victim's account.
    pub victim: String,
    /// The reported transaction ids.
    pub txns: Vec<String>,
    /// A typology id.
    pub typology: String,
    /// The story.
    pub narrative: String,
    /// Trace as of the report (`None`: the latest data).
    pub as_of: Option<fanzha_model::Ts>,
    /// The alert it comes from.
    pub alert: Option<i64>,
}

/// Why a case was not opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// A transaction id is unknown, or the trace refused.
    #[error("{0}")]
    Untraceable(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] crate::sql::DbError),
}

impl NewCase {
    /// The forward trace of the case's transfers as of its time (the latest data when it has none).
    pub fn request(&self) -> TraceRequest {
        request(&self.txns, self.as_of, Policy::default())
    }
}

/// Stores the case with its trace (`report`, of [`NewCase::request`]), worked by `who`, audited;
/// `ledger` names the victim's province. A case from an alert closes the alert in the same
/// transaction (one someone else closed meanwhile stays as they left it). Returns the case id.
pub fn open_case(
    db: &mut Db,
    ledger: &Ledger,
    case: &NewCase,
    report: &TraceReport,
    who: &str,
    at: i64,
) -> Result<i64, OpenError> {
    let row = Case {
        id: 0,
        title: case.title.clone(),
        victim: case.victim.clone(),
        txns: case.txns.join(","),
        typology: case.typology.clone(),
        narrative: case.narrative.clone(),
        created_by: who.to_string(),
        created_at: at,
        as_of: report.as_of_ts,
        traced_fen: report.traced_fen,
        held_fen: report.held_fen,
        svg: drawing(report),
        freeze_json: serde_json::to_string(&report.freeze).expect("freeze requests serialize"),
        status: "open".into(),
        assignee: Some(who.to_string()),
        closed_note: None,
        awaiting: 0,
        province: ledger
            .account_ix(&case.victim)
            .and_then(|a| ledger.account(a).open_region)
            .map(|r| i64::from(r.code() / 10_000)),
    };
    Ok(db.atomically(|db| {
        let id = db.add_case(&row)?;
        db.audit(at, who, "case.create", &format!("case:{id}"), &row.txns)?;
        if let Some(alert) = case.alert {
            if db.set_alert(alert, "case", who, Some(&format!("case:{id}")))? {
                db.audit(at, who, "alert.case", &format!("alert:{alert}"), &format!("case:{id}"))?;
            }
        }
        Ok(id)
    })?)
}

/// The forward trace of `txns` under `policy` as of `as_of` (the latest data when `None`).
fn request(txns: &[String], as_of: Option<fanzha_model::Ts>, policy: Policy) -> TraceRequest {
    TraceRequest { txns: txns.to_vec(), policy, as_of: as_of.map(|t| t.0), ..TraceRequest::default() }
}

/// The forward report of a trace's answer.
pub fn forward(answer: Result<TraceAnswer, String>) -> Result<TraceReport, String> {
    match answer? {
        TraceAnswer::Forward(report) => Ok(*report),
        TraceAnswer::Backward(_) => Err("a forward request was answered backward".into()),
    }
}

/// The trace drawn for a case page, each account linked to its page.
fn drawing(report: &TraceReport) -> String {
    fanzha_trace::to_svg_with(report, Some(crate::routes::ACCOUNT_PAGES))
}

/// Query of a case page: another view of its trace (not saved; its requests keep the trace made
/// when it was opened).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CaseView {
    /// A tracing policy (`fifo`, `lifo`, `pro_rata`, `poison`, `libr`); empty: the case's own trace.
    pub policy: String,
    /// `latest` to trace as of the latest data instead of the report time.
    pub as_of: String,
}

/// `GET /console/cases/{id}[?policy=&as_of=latest]`.
pub async fn show(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>, Query(view): Query<CaseView>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "case") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let mut case = match stored(&mut db, &v, id) {
        Ok(case) => case,
        Err(r) => return r,
    };
    let requests = match db.freezes(Some(id), None, Page::all()) {
        Ok(r) => r,
        Err(e) => return server_error(e),
    };
    // Viewing a case shows personal data (accounts, masked holders): it is audited, or not shown.
    if let Err(e) = db.audit(now(), &v.user.name, "case.view", &format!("case:{id}"), "") {
        return server_error(e);
    }
    let objects: Vec<String> =
        std::iter::once(format!("case:{id}")).chain(requests.iter().map(|r| format!("request:{}", r.id))).collect();
    let timeline: Vec<_> = match db.audit_about(&objects) {
        Ok(rows) => rows.into_iter().filter(|r| r.action != "case.view").collect(),
        Err(e) => return server_error(e),
    };
    let mut freeze = match case.freeze_list() {
        Ok(f) => f,
        Err(e) => return server_error(e),
    };
    let mut note = None;
    let latest = view.as_of == "latest";
    if !view.policy.is_empty() || latest {
        let policy = if view.policy.is_empty() { Ok(Policy::default()) } else { view.policy.parse::<Policy>() };
        let Ok(policy) = policy else {
            return refused(&v, StatusCode::BAD_REQUEST, "没有这种追踪规则。", "There is no such tracing policy.");
        };
        let as_of = (!latest).then_some(fanzha_model::Ts(case.as_of));
        let txns: Vec<String> = case.txns.split(',').map(String::from).collect();
        let retraced = forward(c.api.trace(&request(&txns, as_of, policy), None).map_err(|e| e.to_string()));
        match retraced {
            Ok(report) => {
                case.svg = drawing(&report);
                case.traced_fen = report.traced_fen;
                case.held_fen = report.held_fen;
                case.as_of = report.as_of_ts;
                freeze = report.freeze;
                note = Some(format!(
                    "{} {policy}",
                    v.lang.t(
                        "另一视图(未保存;冻结请求仍按立案时的追踪):规则",
                        "Another view (not saved; the requests keep the trace made when the case was opened): policy"
                    )
                ));
            }
            Err(why) => {
                return refused(
                    &v,
                    StatusCode::BAD_REQUEST,
                    &format!("无法重新追踪:{why}"),
                    &format!("Cannot trace again: {why}"),
                )
            }
        }
    }
    // Other cases whose victim or freeze list names an account of this one's.
    let mut related: Vec<(i64, String, Vec<String>)> = Vec::new();
    for account in freeze.iter().flat_map(|b| &b.accounts).map(|a| &a.account) {
        let others = match db.cases_about(account) {
            Ok(o) => o,
            Err(e) => return server_error(e),
        };
        for other in others.into_iter().filter(|o| o.id != id) {
            match related.iter_mut().find(|r| r.0 == other.id) {
                Some(r) => r.2.push(account.clone()),
                None => related.push((other.id, other.title, vec![account.clone()])),
            }
        }
    }
    drop(db);
    related.sort_by_key(|r| std::cmp::Reverse(r.0));
    let page = pages::case(v.lang, &v.user, &v.csrf, &case, &freeze, &requests, &timeline, &related, note.as_deref());
    html(StatusCode::OK, page)
}

/// The new-case form filled from an open alert: its subject in the title, its reasons in the
/// narrative and, for a mule account, the latest transfers into it as the ones to trace. The alert
/// stays open until the case is created.
pub(crate) fn from_alert(c: &Console, v: &Viewer, id: i64) -> Response {
    let alert = match c.db().alert(id) {
        Ok(Some(a)) if matches!(a.status.as_str(), "open" | "assigned") => a,
        Ok(_) => return refused(v, StatusCode::CONFLICT, CLOSED_ZH, CLOSED_EN),
        Err(e) => return server_error(e),
    };
    let reasons: Vec<(String, String)> = serde_json::from_str(&alert.reasons).unwrap_or_default();
    let mut narrative = format!(
        "{} #{id} ({}, {} {:.3}): {}",
        v.lang.t("来自预警", "From alert"),
        alert.subject,
        v.lang.t("评分", "score"),
        alert.score,
        pages::alert_kind(v.lang, &alert.kind)
    );
    for (zh, en) in &reasons {
        narrative.push_str("\n- ");
        narrative.push_str(v.lang.t(zh, en));
    }
    let txns = if alert.kind == "mule" {
        let Ok(live) = c.api.read_live() else { return server_error(fanzha_server::Poisoned) };
        let ledger = live.store.ledger();
        let graph = live.graph();
        ledger.account_ix(&alert.subject).map_or_else(String::new, |a| {
            let into = graph.in_edges(a);
            let latest = &into[into.len().saturating_sub(ALERT_TXNS)..];
            let ids: Vec<&str> =
                latest.iter().map(|&e| ledger.txn_id(graph.edge(fanzha_graph::EdgeIx(e)).txn)).collect();
            ids.join(",")
        })
    } else {
        String::new()
    };
    let form = CaseForm {
        title: format!("{} {}", v.lang.t("预警立案", "Case from alert"), alert.subject),
        txns,
        typology: "none".into(),
        narrative,
        alert: id.to_string(),
        ..CaseForm::default()
    };
    html(StatusCode::OK, pages::new_case(v.lang, &v.user, &v.csrf, None, &form))
}

/// How many of a mule account's latest incoming transfers a case from its alert traces.
const ALERT_TXNS: usize = 20;
