//! The alert queue: its source (mule accounts and card farmers flagged by `fanzha-detect` — rules,
//! the shipped model, the card-farming detector — over the store as it stands, raised once per
//! subject; held transfer checks), and its handlers (filter, sort, take, dismiss with a reason, one
//! at a time or ticked in bulk, open a case).

// A refusal is the finished response; see `routes`.
#![allow(clippy::result_large_err)]

use crate::db::{AlertFilter, AlertStatus, Db, NewAlert, Page, ALERT_KINDS};
use crate::routes::{
    acting, bounded, csv_download, html, now, query_string, reading, refused, see_other, server_error, CsrfForm,
    ReasonForm, Viewer, CASE_READERS, CASE_WORKERS, CLOSED_EN, CLOSED_ZH,
};
use crate::{pages, Console};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use fanzha_detect::cases::CasesConfig;
use fanzha_detect::geo::home_province;
use fanzha_detect::mules::{self, MuleConfig};
use fanzha_detect::MuleModel;
use fanzha_graph::TemporalGraph;
use fanzha_model::{BankIx, Ledger, TYPOLOGIES};
use fanzha_storage::Store;
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

/// Alerts raised by one refresh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Raised {
    /// New mule-account alerts.
    pub mules: usize,
    /// New card-farmer alerts.
    pub farmers: usize,
}

/// What one detection run flagged.
pub type Found = Vec<NewAlert>;

/// Runs detection over `ledger` (with its `graph`): every flagged account (with its bank and
/// province) and card farmer (with the home province of their identity number). `cases` is how it
/// learns from the store's confirmed cases (`None`: never), as the check's runs do.
pub fn detect(ledger: &Ledger, graph: &TemporalGraph, cases: Option<CasesConfig>) -> Found {
    let cfg = MuleConfig { cases, ..MuleConfig::default() };
    let scored = mules::score_store(ledger, graph, None, &MuleModel::shipped(), &cfg, false, &[]);
    let scores = scored.scores;
    let mut found = Found::new();
    for s in scores.iter().filter(|s| s.flagged) {
        let reasons: Vec<(&str, &str)> =
            s.reasons.iter().map(|r| (r.message_zh.as_str(), r.message_en.as_str())).collect();
        let json = serde_json::to_string(&reasons).expect("strings serialize");
        let account = ledger.account(s.account);
        found.push(NewAlert {
            bank: account.bank.map(|b| ledger.bank_code(b).to_string()),
            province: account.open_region.map(|r| i64::from(r.code() / 10_000)),
            ..NewAlert::new("mule", ledger.account_id(s.account), s.score, &json)
        });
    }
    for f in scored.farmers.iter().filter(|f| f.flagged) {
        let json = serde_json::to_string(&f.reasons).expect("strings serialize");
        found.push(NewAlert {
            province: home_province(&f.masked).map(|r| i64::from(r.code() / 10_000)),
            ..NewAlert::new("card_farmer", &f.masked, f.score, &json)
        });
    }
    found
}

/// Raises an alert for everything `found` that has none yet.
pub fn raise(db: &mut Db, found: &Found, at: i64) -> crate::sql::DbResult<Raised> {
    let mut raised = Raised::default();
    for alert in found {
        let new = usize::from(db.raise_alert(alert, at)?);
        if alert.kind == "mule" {
            raised.mules += new;
        } else {
            raised.farmers += new;
        }
    }
    Ok(raised)
}

/// Query of the alert queue: a page, filters and the order.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AlertsQuery {
    page: Option<i64>,
    /// `mule`, `card_farmer`, `transfer`, or empty for any.
    pub kind: String,
    /// `open` (open or taken: the default), `mine` (taken by the viewer), `dismissed`, `case`, `all`.
    pub status: String,
    /// `score` (highest first: the default) or `newest`.
    pub sort: String,
    /// A typology id, or empty for any.
    pub typology: String,
    /// A bank code, or empty for any.
    pub bank: String,
    /// A province's two-digit code, or empty for any.
    pub province: String,
    /// The lowest score shown (0-1), or empty for any.
    pub min_score: String,
}

impl AlertsQuery {
    fn filter(&self, me: &str) -> AlertFilter {
        AlertFilter {
            kind: ALERT_KINDS.contains(&self.kind.as_str()).then(|| self.kind.clone()),
            status: match self.status.as_str() {
                "all" => AlertStatus::Any,
                "mine" => AlertStatus::TakenBy(me.to_string()),
                "dismissed" | "case" => AlertStatus::Is(self.status.clone()),
                _ => AlertStatus::Open,
            },
            bank: (!self.bank.is_empty()).then(|| self.bank.clone()),
            province: self.province.parse().ok(),
            typology: TYPOLOGIES.iter().any(|t| t.id == self.typology).then(|| self.typology.clone()),
            min_score: self.min_score.parse().ok().filter(|x: &f64| x.is_finite()),
            newest_first: self.sort == "newest",
        }
    }

    /// The filters and order as a query string (for the pager), e.g. `kind=mule&`.
    pub fn query_string(&self) -> String {
        query_string(&[
            ("kind", &self.kind),
            ("status", &self.status),
            ("sort", &self.sort),
            ("typology", &self.typology),
            ("bank", &self.bank),
            ("province", &self.province),
            ("min_score", &self.min_score),
        ])
    }
}

/// `GET /console/alerts[?kind=&status=&sort=&page=N]`.
pub async fn queue(State(c): Shared, headers: HeaderMap, Query(q): Query<AlertsQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "alerts") {
        Ok(v) => v,
        Err(r) => return r,
    };
    show(&c, &v, &q, None)
}

/// `GET /console/alerts.csv[?kind=&status=&sort=]`: every alert the filter shows, as CSV (audited).
pub async fn export(State(c): Shared, headers: HeaderMap, Query(q): Query<AlertsQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "alerts.export") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    if let Err(e) = db.audit(now(), &v.user.name, "alerts.export", "alerts", &q.query_string()) {
        return server_error(e);
    }
    let rows = match db.alerts_where(&q.filter(&v.user.name), Page::all()) {
        Ok(rows) => rows,
        Err(e) => return server_error(e),
    };
    drop(db);
    let lines = rows.into_iter().map(|a| {
        let reasons: Vec<(String, String)> = serde_json::from_str(&a.reasons).unwrap_or_default();
        let zh: Vec<&str> = reasons.iter().map(|r| r.0.as_str()).collect();
        let en: Vec<&str> = reasons.iter().map(|r| r.1.as_str()).collect();
        vec![
            a.id.to_string(),
            a.kind,
            a.subject,
            format!("{:.3}", a.score),
            a.status,
            a.assignee.unwrap_or_default(),
            a.note.unwrap_or_default(),
            fanzha_model::Ts(a.created_at).to_rfc3339_shanghai(),
            a.typology.unwrap_or_default(),
            a.bank.unwrap_or_default(),
            a.province.map(|p| p.to_string()).unwrap_or_default(),
            zh.join("; "),
            en.join("; "),
        ]
    });
    let header = [
        "id",
        "kind",
        "subject",
        "score",
        "status",
        "assignee",
        "note",
        "created_at",
        "typology",
        "bank",
        "province",
        "reasons_zh",
        "reasons_en",
    ];
    csv_download("alerts.csv", &header, lines)
}

/// The queue page for `q`, audited as a view.
fn show(c: &Console, v: &Viewer, q: &AlertsQuery, flash: Option<&str>) -> Response {
    let page = Page::new(q.page.unwrap_or(0));
    let mut db = c.db();
    if let Err(e) = db.audit(now(), &v.user.name, "alerts.view", "alerts", &q.query_string()) {
        return server_error(e);
    }
    let rows = match db.alerts_where(&q.filter(&v.user.name), page) {
        Ok(rows) => rows,
        Err(e) => return server_error(e),
    };
    drop(db);
    let banks: Vec<String> = match c.api.read_live() {
        Ok(live) => {
            let ledger = live.store.ledger();
            (0..ledger.bank_count()).map(|b| ledger.bank_code(BankIx::of(b)).to_string()).collect()
        }
        Err(e) => return server_error(e),
    };
    let nav = pages::pager(v.lang, "/console/alerts", &q.query_string(), page, rows.len());
    html(StatusCode::OK, pages::alerts(v.lang, &v.user, &v.csrf, &rows, q, &banks, flash, nav))
}

/// `POST /console/alerts/refresh`: runs detection over the store and raises new alerts.
pub async fn refresh(State(c): Shared, headers: HeaderMap, Form(f): Form<CsrfForm>) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "alerts.refresh", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let found = {
        let Ok(live) = c.api.read_live() else { return server_error(fanzha_server::Poisoned) };
        detect(live.store.ledger(), &live.graph(), c.api.config.learn_cases)
    };
    let raised = c.db().atomically(|db| {
        let raised = raise(db, &found, now())?;
        let detail = format!("{} mule, {} card_farmer", raised.mules, raised.farmers);
        db.audit(now(), &v.user.name, "alerts.refresh", "alerts", &detail)?;
        Ok(raised)
    });
    match raised {
        Ok(r) => {
            let flash = format!(
                "{}: {} {}, {} {}",
                v.lang.t("新预警", "New alerts"),
                r.mules,
                v.lang.t("个涉诈账户", "mule accounts"),
                r.farmers,
                v.lang.t("个一人多卡", "card farmers")
            );
            show(&c, &v, &AlertsQuery::default(), Some(&flash))
        }
        Err(e) => server_error(e),
    }
}

/// What an alert action does: the new status, and whether it needs a reason.
fn action(name: &str) -> Option<(&'static str, bool)> {
    match name {
        "assign" => Some(("assigned", false)),
        "dismiss" => Some(("dismissed", true)),
        _ => None,
    }
}

/// Takes or dismisses `ids` (a dismissal needs a reason), each audited; how many changed.
fn act(c: &Console, v: &Viewer, name: &str, ids: &[i64], reason: &str) -> Result<usize, Response> {
    let Some((status, needs_reason)) = action(name) else {
        return Err(refused(v, StatusCode::NOT_FOUND, "没有这个操作。", "There is no such action."));
    };
    if needs_reason && reason.is_empty() {
        return Err(refused(v, StatusCode::BAD_REQUEST, "排除预警须说明理由。", "A dismissal needs a reason."));
    }
    let note = needs_reason.then_some(reason);
    let changed = c.db().atomically(|db| {
        let mut n = 0;
        for &id in ids {
            if db.set_alert(id, status, &v.user.name, note)? {
                db.audit(now(), &v.user.name, &format!("alert.{name}"), &format!("alert:{id}"), reason)?;
                n += 1;
            }
        }
        Ok(n)
    });
    changed.map_err(server_error)
}

/// `POST /console/alerts/{id}/{assign|dismiss|case}`: take it, dismiss it with a reason, or turn
/// it into a case (the new-case form, filled from the alert).
pub async fn one(
    State(c): Shared,
    headers: HeaderMap,
    Path((id, name)): Path<(i64, String)>,
    Form(f): Form<ReasonForm>,
) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "alerts.act", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    if name == "case" {
        return crate::cases::from_alert(&c, &v, id);
    }
    match act(&c, &v, &name, &[id], &bounded(&f.reason, 500)) {
        Ok(1) => see_other("/console/alerts"),
        Ok(_) => refused(&v, StatusCode::CONFLICT, CLOSED_ZH, CLOSED_EN),
        Err(r) => r,
    }
}

/// `POST /console/alerts/bulk`: takes or dismisses (with one reason) every alert ticked.
pub async fn bulk(State(c): Shared, headers: HeaderMap, Form(f): Form<Vec<(String, String)>>) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "alerts.act", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let field = |k: &str| f.iter().find(|(key, _)| key == k).map_or("", |(_, x)| x.trim());
    let ids: Vec<i64> = f.iter().filter(|(k, _)| k == "id").filter_map(|(_, x)| x.parse().ok()).collect();
    if ids.is_empty() {
        return refused(&v, StatusCode::BAD_REQUEST, "请先勾选预警。", "Tick the alerts first.");
    }
    let reason: String = field("reason").chars().take(500).collect();
    match act(&c, &v, field("action"), &ids, &reason) {
        Ok(n) => {
            let flash = format!("{} {n} / {}", v.lang.t("已处理", "Done:"), ids.len());
            show(&c, &v, &AlertsQuery::default(), Some(&flash))
        }
        Err(r) => r,
    }
}
