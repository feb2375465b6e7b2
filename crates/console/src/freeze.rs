//! The freeze workflow, end to end: one draft request per bank from a case's freeze list, approved
//! (sent) by a supervisor; the bank's liaison reads its request (accounts, masked holders, amounts,
//! the case's typology, the legal basis), prints the stop-payment / freeze notice or exports it as
//! CSV, and records the outcome; outcomes are checked against the amount requested and can be
//! corrected, with the old and new answer and the reason in the audit log.

// A refusal is the finished response; see `routes`.
#![allow(clippy::result_large_err)]

use crate::db::{Case, Db, FreezeRow, Page, Role, STATUSES};
use crate::i18n::Lang;
use crate::routes::{
    acting, allow, audited, html, now, refused, see_other, server_error, viewer, CsrfForm, PageQuery, Viewer,
    CASE_READERS, CASE_WORKERS,
};
use crate::sql::DbResult;
use crate::{pages, Console};
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use fanzha_model::Fen;
use fanzha_trace::{FreezeRequest, FreezeTarget, SMALL_HELD_FEN};
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

/// The legal basis printed on every notice (the centre's legal office should confirm the wording).
pub const LEGAL_BASIS_ZH: &str = "《中华人民共和国刑事诉讼法》第一百四十四条;《中华人民共和国反电信网络诈骗法》";
/// The legal basis in English.
pub const LEGAL_BASIS_EN: &str =
    "Criminal Procedure Law of the PRC, Article 144; Anti-Telecom and Online Fraud Law of the PRC";

/// A bank's answer to a request, checked: the status and the money it saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// `executed`, `partially_executed`, `failed` or `expired`.
    pub status: &'static str,
    /// Money frozen, in fen (0 for failed and expired).
    pub saved_fen: i64,
}

/// Why an outcome was refused, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// In Chinese.
    pub zh: String,
    /// In English.
    pub en: String,
}

impl Refused {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Refused {
        Refused { zh: zh.into(), en: en.into() }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        lang.t(&self.zh, &self.en)
    }
}

impl Outcome {
    /// Checks a bank's answer to a request of `requested_fen`: `saved_yuan` may be left empty for
    /// an executed request (all of it) and for a failed or expired one (nothing); a partial freeze
    /// saves more than nothing and less than the request; no answer saves more than was asked.
    pub fn parse(status: &str, saved_yuan: &str, requested_fen: i64) -> Result<Outcome, Refused> {
        let Some(&status) = STATUSES[2..].iter().find(|&&s| s == status) else {
            return Err(Refused::new(
                "请选择结果:已执行、部分执行、失败或已过期。",
                "Choose an outcome: executed, partially executed, failed or expired.",
            ));
        };
        let saved = saved_yuan.trim();
        let saved = if saved.is_empty() {
            None
        } else {
            match Fen::parse_yuan(saved) {
                Ok(f) if f.0 >= 0 => Some(f.0),
                _ => {
                    return Err(Refused::new(
                        format!("挽回金额“{saved}”不是以元为单位的金额,例如 1234.50。"),
                        format!("Saved amount '{saved}' is not an amount in yuan, e.g. 1234.50."),
                    ))
                }
            }
        };
        let asked = Fen(requested_fen).grouped();
        let saved_fen = match (status, saved) {
            ("executed", None) => requested_fen,
            ("executed", Some(x)) if x == requested_fen => x,
            ("executed", Some(_)) => {
                return Err(Refused::new(
                    format!("已执行表示请求的 {asked} 元已全部冻结;金额不同请登记为部分执行。"),
                    format!("Executed means all {asked} yuan requested was frozen; record another amount as partially executed."),
                ))
            }
            ("partially_executed", Some(x)) if x > 0 && x < requested_fen => x,
            ("partially_executed", _) => {
                return Err(Refused::new(
                    format!("部分执行须填写挽回金额:大于 0,且小于请求的 {asked} 元。"),
                    format!("A partial freeze needs the amount saved: more than 0 and less than the {asked} yuan requested."),
                ))
            }
            (_, None | Some(0)) => 0,
            (_, Some(_)) => {
                return Err(Refused::new(
                    "失败或过期的请求没有挽回金额。",
                    "A failed or expired request saves nothing; leave the amount empty.",
                ))
            }
        };
        Ok(Outcome { status, saved_fen })
    }
}

/// Whether a request has an outcome already (so a new one is a correction).
fn answered(r: &FreezeRow) -> bool {
    STATUSES[2..].contains(&r.status.as_str())
}

/// The request `id` with its case, if the viewer may read it: a liaison only their bank's (a try
/// at another bank's is audited and refused), the centre's readers all.
fn readable(c: &Console, v: &Viewer, id: i64, what: &str) -> Result<(FreezeRow, Case), Response> {
    if v.user.role != Role::Liaison {
        allow(c, v, CASE_READERS, what)?;
    }
    let found = {
        let mut db = c.db();
        db.freeze(id).and_then(|r| match r {
            Some(r) => db.case(r.case_id).map(|case| case.map(|case| (r, case))),
            None => Ok(None),
        })
    };
    let Some((r, case)) = found.map_err(server_error)? else {
        return Err(refused(v, StatusCode::NOT_FOUND, "没有这个冻结请求。", "There is no such freeze request."));
    };
    if v.user.role == Role::Liaison && r.bank != v.user.bank {
        audited(c, &v.user.name, "denied", &format!("request:{id}"), "other bank")?;
        let why = v.lang.t("这个请求发给另一家银行。", "This request is addressed to another bank.");
        return Err(html(StatusCode::FORBIDDEN, pages::forbidden(v.lang, &v.user, &v.csrf, why)));
    }
    Ok((r, case))
}

/// The accounts of a request, as the trace listed them.
fn targets(r: &FreezeRow) -> Result<Vec<FreezeTarget>, Response> {
    serde_json::from_str(&r.accounts).map_err(|e| server_error(format!("request {}: accounts unreadable: {e}", r.id)))
}

/// `POST /console/cases/{id}/freeze`: one draft request per bank of the case's freeze list.
pub async fn create(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>, Form(f): Form<CsrfForm>) -> Response {
    let v = match acting(&c, &headers, CASE_WORKERS, "freeze.create", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let case = match crate::cases::stored(&mut db, &v, id) {
        Ok(case) => case,
        Err(r) => return r,
    };
    match draft_requests(&mut db, &case, &v.user.name, now()) {
        Ok(_) => see_other(&format!("/console/cases/{id}")),
        Err(e) => server_error(e),
    }
}

/// Drafts one request per bank of `case`'s freeze list, as `who` (audited); money under the floor
/// ([`SMALL_HELD_FEN`]) stays on the case's list but is not asked for (a freeze costs more). A case
/// that has requests already gets none. Returns the new requests' ids.
pub fn draft_requests(db: &mut Db, case: &Case, who: &str, at: i64) -> DbResult<Vec<i64>> {
    let freeze = case.freeze_list()?;
    db.atomically(|db| {
        let mut ids = Vec::new();
        if !db.freezes(Some(case.id), None, Page::all())?.is_empty() {
            return Ok(ids);
        }
        for bank in &freeze {
            let (asked, small): (Vec<&FreezeTarget>, Vec<&FreezeTarget>) =
                bank.accounts.iter().partition(|a| a.amount_fen >= SMALL_HELD_FEN);
            if asked.is_empty() {
                continue;
            }
            let total: i64 = asked.iter().map(|a| a.amount_fen).sum();
            let accounts = serde_json::to_string(&asked).expect("freeze targets serialize");
            let rid = db.add_freeze(case.id, bank.bank.as_deref(), &accounts, total, at)?;
            let detail =
                format!("case:{}, {} accounts, {} under the floor not asked for", case.id, asked.len(), small.len());
            db.audit(at, who, "freeze.create", &format!("request:{rid}"), &detail)?;
            ids.push(rid);
        }
        Ok(ids)
    })
}

/// Sends draft request `id`, approved by `who` (audited); false if it is not a draft.
pub fn approve_request(db: &mut Db, id: i64, who: &str, at: i64) -> DbResult<bool> {
    db.atomically(|db| match db.freeze(id)? {
        Some(r) if r.status == "draft" => {
            db.set_freeze_status(id, "sent", Some(who), None, at)?;
            db.audit(at, who, "freeze.approve", &format!("request:{id}"), r.bank.as_deref().unwrap_or(""))?;
            Ok(true)
        }
        _ => Ok(false),
    })
}

/// `GET /console/requests[?page=N]`: a liaison sees only their bank's.
pub async fn list(State(c): Shared, headers: HeaderMap, Query(q): Query<PageQuery>) -> Response {
    let v = match viewer(&c, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let bank = match v.user.role {
        Role::Liaison => Some(v.user.bank.clone().unwrap_or_default()),
        _ => None,
    };
    let mut db = c.db();
    if let Err(e) = db.audit(now(), &v.user.name, "requests.view", "requests", bank.as_deref().unwrap_or("all")) {
        return server_error(e);
    }
    match (db.freezes(None, bank.as_deref(), q.page()), db.saved_fen(bank.as_deref())) {
        (Ok(rows), Ok(saved)) => {
            let nav = pages::pager(v.lang, "/console/requests", "", q.page(), rows.len());
            html(StatusCode::OK, pages::requests(v.lang, &v.user, &v.csrf, &rows, saved, nav))
        }
        (Err(e), _) | (_, Err(e)) => server_error(e),
    }
}

/// `GET /console/requests/{id}`: what the bank must stop or freeze, and the outcome form.
pub async fn show(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let v = match viewer(&c, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    match request_page(&c, &v, id, StatusCode::OK, None) {
        Ok(r) | Err(r) => r,
    }
}

/// The request page, with `error` above the outcome form when an answer was refused. Viewing it
/// shows personal data (masked holders) and is audited.
fn request_page(
    c: &Console,
    v: &Viewer,
    id: i64,
    status: StatusCode,
    error: Option<&str>,
) -> Result<Response, Response> {
    let (r, case) = readable(c, v, id, "request")?;
    let accounts = targets(&r)?;
    let timeline = {
        let mut db = c.db();
        db.audit(now(), &v.user.name, "request.view", &format!("request:{id}"), "").map_err(server_error)?;
        let rows = db.audit_about(&[format!("request:{id}")]).map_err(server_error)?;
        rows.into_iter().filter(|t| t.action != "request.view").collect::<Vec<_>>()
    };
    let page = pages::request(v.lang, &v.user, &v.csrf, &r, &case, &accounts, &timeline, error);
    Ok(html(status, page))
}

/// `GET /console/requests/{id}/notice`: the stop-payment / freeze notice to print (sent requests).
pub async fn notice(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let v = match viewer(&c, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let issued = readable(&c, &v, id, "request.notice").and_then(|(r, case)| {
        if r.status == "draft" {
            let why =
                v.lang.t("请求尚未批准,不能出具通知书。", "The request is not approved yet; no notice can be issued.");
            return Err(html(
                StatusCode::CONFLICT,
                pages::message(v.lang, v.lang.t("未批准", "Not approved"), &v.user, &v.csrf, why),
            ));
        }
        let accounts = targets(&r)?;
        audited(&c, &v.user.name, "request.notice", &format!("request:{id}"), "")?;
        Ok(html(StatusCode::OK, pages::notice(v.lang, &r, &case, &accounts)))
    });
    match issued {
        Ok(r) | Err(r) => r,
    }
}

/// `GET /console/requests/{id}/notice.csv`: the request's accounts as CSV (the trace's freeze
/// format: `bank,bank_total_fen,account,holder,amount_fen,urgency,stopped`).
pub async fn notice_csv(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>) -> Response {
    let v = match viewer(&c, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let exported = readable(&c, &v, id, "request.export").and_then(|(r, _)| {
        let accounts = targets(&r)?;
        audited(&c, &v.user.name, "request.export", &format!("request:{id}"), "csv")?;
        let request = FreezeRequest { bank: r.bank.clone(), total_fen: r.total_fen, accounts };
        let mut out = Vec::new();
        fanzha_trace::write_freeze_csv(&[request], &mut out).map_err(server_error)?;
        let name = format!("attachment; filename=\"freeze-request-{id}.csv\"");
        Ok(([(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, name)], out).into_response())
    });
    match exported {
        Ok(r) | Err(r) => r,
    }
}

/// `POST /console/requests/{id}/approve`: a supervisor sends a draft request.
pub async fn approve(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>, Form(f): Form<CsrfForm>) -> Response {
    let v = match acting(&c, &headers, &[Role::Supervisor], "freeze.approve", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let case_id = match db.freeze(id) {
        Ok(Some(r)) => r.case_id,
        Ok(None) => {
            return refused(&v, StatusCode::NOT_FOUND, "没有这个冻结请求。", "There is no such freeze request.")
        }
        Err(e) => return server_error(e),
    };
    match approve_request(&mut db, id, &v.user.name, now()) {
        Ok(true) => see_other(&format!("/console/cases/{case_id}")),
        Ok(false) => {
            refused(&v, StatusCode::CONFLICT, "只有待审批的请求可以批准。", "Only a draft request can be approved.")
        }
        Err(e) => server_error(e),
    }
}

/// The outcome form. Every field may be missing, so that the session, the role and the CSRF token
/// are checked before anything the form says.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutcomeForm {
    csrf: String,
    status: String,
    saved_yuan: String,
    /// Why an outcome already recorded is changed (required then).
    reason: String,
}

crate::routes::posted!(OutcomeForm);

/// `POST /console/requests/{id}/outcome`: the bank's answer (executed, partially executed, failed,
/// expired) and the money actually frozen, checked against the request; a liaison only for their
/// bank. An answer already recorded is corrected with a reason, and the change is audited.
pub async fn outcome(
    State(c): Shared,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(f): Form<OutcomeForm>,
) -> Response {
    let v = match acting(&c, &headers, &[Role::Liaison, Role::Supervisor], "freeze.outcome", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let refuse = |status: StatusCode, why: &str| match request_page(&c, &v, id, status, Some(why)) {
        Ok(r) | Err(r) => r,
    };
    let r = match readable(&c, &v, id, "freeze.outcome") {
        Ok((r, _)) => r,
        Err(resp) => return resp,
    };
    if r.status == "draft" {
        let why = v
            .lang
            .t("请求尚未批准发送,不能登记结果。", "The request has not been approved and sent; it has no outcome yet.");
        return refuse(StatusCode::CONFLICT, why);
    }
    let new = match Outcome::parse(&f.status, &f.saved_yuan, r.total_fen) {
        Ok(o) => o,
        Err(why) => return refuse(StatusCode::BAD_REQUEST, why.text(v.lang)),
    };
    let reason: String = f.reason.trim().chars().take(500).collect();
    let correcting = answered(&r);
    if correcting && reason.is_empty() {
        let why = v.lang.t("更正已登记的结果须说明理由。", "Correcting a recorded outcome needs a reason.");
        return refuse(StatusCode::BAD_REQUEST, why);
    }
    let (action, detail) = if correcting {
        ("freeze.correct", format!("{} {} -> {} {}: {reason}", r.status, r.saved_fen, new.status, new.saved_fen))
    } else {
        ("freeze.outcome", format!("{} {}", new.status, new.saved_fen))
    };
    let answered = c.db().atomically(|db| {
        db.set_freeze_status(id, new.status, None, Some(new.saved_fen), now())?;
        db.audit(now(), &v.user.name, action, &format!("request:{id}"), &detail)
    });
    match answered {
        Ok(()) => see_other(&format!("/console/requests/{id}")),
        Err(e) => server_error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_are_checked_against_the_request() {
        let ok = |s, y, req| Outcome::parse(s, y, req).map(|o| (o.status, o.saved_fen));
        assert_eq!(ok("executed", "", 10_000), Ok(("executed", 10_000)));
        assert_eq!(ok("executed", "100.00", 10_000), Ok(("executed", 10_000)));
        assert_eq!(ok("partially_executed", " 40.5 ", 10_000), Ok(("partially_executed", 4_050)));
        assert_eq!(ok("failed", "", 10_000), Ok(("failed", 0)));
        assert_eq!(ok("expired", "0", 10_000), Ok(("expired", 0)));
        for (status, yuan) in [
            ("partially_executed", "999999"),
            ("partially_executed", "100"),
            ("partially_executed", ""),
            ("partially_executed", "0"),
            ("executed", "99.99"),
            ("executed", "100.01"),
            ("failed", "5"),
            ("executed", "-1"),
            ("executed", "十元"),
            ("sent", ""),
            ("draft", ""),
            ("", ""),
        ] {
            let e = Outcome::parse(status, yuan, 10_000).expect_err(&format!("{status} {yuan} is refused"));
            assert!(!e.zh.is_empty() && !e.en.is_empty());
        }
        let e = Outcome::parse("partially_executed", "999999", 10_000).unwrap_err();
        assert!(e.en.contains("100.00 yuan requested"), "{}", e.en);
    }
}
