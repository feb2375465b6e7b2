//! Lists in the console: the check's block and watch lists with their full history (add, close),
//! and the punishment list (惩戒名单) of people who sold or rented out accounts, with reasons,
//! dates and appeal status, as the Anti-Telecom and Online Fraud Law asks.

// Refusals are finished responses, built only on the refusing path (as in `routes`).
#![allow(clippy::result_large_err)]

use crate::db::{Punishment, Role, APPEALS};
use crate::i18n::{beijing, kind_name, list_name, Lang};
use crate::routes::{
    acting, audited, bounded, html, now, reading, refused, see_other, server_error, PageQuery, Viewer, CASE_READERS,
};
use crate::{pages, Console};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use fanzha_check::lists::{Entry, EntryKind, ListChange, ListError, ListName};
use fanzha_server::ListsChangeError;
use maud::html;
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

const EDITORS: &[Role] = &[Role::Analyst, Role::Supervisor];

/// `GET /console/lists[?page=N]`: block/watch lists with history (newest first, a page at a time),
/// and the punishment list.
pub async fn page(State(c): Shared, headers: HeaderMap, Query(q): Query<PageQuery>) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "lists") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let page = q.page();
    let entries: Vec<Entry> = match c.api.read_live() {
        Ok(live) => {
            let skip = usize::try_from(page.number.saturating_mul(page.rows)).unwrap_or(usize::MAX);
            let rows = usize::try_from(page.rows).unwrap_or(usize::MAX);
            live.checker.lists.entries().iter().rev().skip(skip).take(rows).cloned().collect()
        }
        Err(e) => return server_error(e),
    };
    let nav = pages::pager(v.lang, "/console/lists", "", page, entries.len());
    let mut db = c.db();
    if let Err(e) = db.audit(now(), &v.user.name, "lists.view", "lists", "") {
        return server_error(e);
    }
    let punished = match db.punishments() {
        Ok(p) => p,
        Err(e) => return server_error(e),
    };
    drop(db);
    let lang = v.lang;
    let edit = EDITORS.contains(&v.user.role);
    let t = now();
    let body = html! {
        h2 { (lang.t("止付/关注名单(含历史)", "Block and watch lists (with history)")) }
        @if edit {
            form #add-entry method="post" action="/console/lists" {
                input type="hidden" name="csrf" value=(v.csrf);
                select name="list" { option value="block" { (lang.t("拦截", "block")) } option value="watch" { (lang.t("关注", "watch")) } }
                select name="kind" { @for k in EntryKind::ALL { option value=(k.as_str()) { (kind_name(lang, k)) } } }
                input name="value" placeholder=(lang.t("账户/手机号/网址", "account / phone / URL")) required maxlength="256" style="min-width:12em";
                input name="reason" placeholder=(lang.t("理由", "reason")) required maxlength="500" style="min-width:12em";
                button type="submit" { (lang.t("加入", "Add")) }
            }
        }
        table #lists {
            tr { th { (lang.t("名单", "List")) } th { (lang.t("类型", "Kind")) } th { (lang.t("值", "Value")) } th { (lang.t("理由", "Reason")) }
                 th { (lang.t("来源", "Source")) } th { (lang.t("生效", "From")) } th { (lang.t("截止", "Until")) } th {} }
            @for e in &entries {
                tr {
                    td { (list_name(lang, e.list)) }
                    td { (kind_name(lang, e.kind)) } td { (e.value) } td { (e.reason) } td { (e.source) }
                    td { (beijing(e.valid_from)) }
                    td { @if let Some(to) = e.valid_to { (beijing(to)) } }
                    td {
                        @if edit && e.applies(fanzha_model::Ts(t)) && e.valid_to.is_none() {
                            form.inline method="post" action="/console/lists/remove" {
                                input type="hidden" name="csrf" value=(v.csrf);
                                input type="hidden" name="list" value=(e.list.as_str());
                                input type="hidden" name="kind" value=(e.kind.as_str());
                                input type="hidden" name="value" value=(e.value);
                                button type="submit" { (lang.t("移出", "Remove")) }
                            }
                        }
                    }
                }
            }
        }
        (nav)
        h2 { (lang.t("惩戒名单(买卖、出租银行卡)", "Punishment list (sold or rented out accounts)")) }
        @if v.user.role == Role::Supervisor {
            form #add-punishment method="post" action="/console/punishments" {
                input type="hidden" name="csrf" value=(v.csrf);
                input name="person" placeholder=(lang.t("身份(脱敏)", "person (masked id)")) required maxlength="64";
                input name="accounts" placeholder=(lang.t("涉及账户", "accounts")) maxlength="1000";
                input name="reason" placeholder=(lang.t("事实与依据", "facts and legal basis")) required maxlength="1000";
                input name="days" placeholder=(lang.t("期限(天,空为不限)", "days (empty: open)")) maxlength="5" style="min-width:6em";
                button type="submit" { (lang.t("列入", "List")) }
            }
        }
        table #punishments {
            tr { th { "#" } th { (lang.t("人员", "Person")) } th { (lang.t("账户", "Accounts")) } th { (lang.t("理由", "Reason")) }
                 th { (lang.t("起止", "Period")) } th { (lang.t("申诉", "Appeal")) } th {} }
            @for p in &punished { (punishment_row(lang, &v.csrf, v.user.role, p)) }
        }
    };
    html(StatusCode::OK, pages::layout(lang, lang.t("名单", "Lists"), Some(&v.user), &v.csrf, body))
}

fn punishment_row(lang: Lang, csrf: &str, role: Role, p: &Punishment) -> maud::Markup {
    html! {
        tr {
            td { (p.id) } td { (p.person) } td { (p.accounts) } td { (p.reason) }
            td { (beijing(p.starts_at)) " – " @if let Some(e) = p.ends_at { (beijing(e)) } }
            td.appeal { (p.appeal) @if let Some(n) = &p.appeal_note { " · " (n) } }
            td {
                @if role == Role::Supervisor {
                    form.inline method="post" action={ "/console/punishments/" (p.id) "/appeal" } {
                        input type="hidden" name="csrf" value=(csrf);
                        select name="appeal" { @for a in APPEALS { option value=(a) { (a) } } }
                        input name="note" placeholder=(lang.t("说明", "note")) maxlength="500" style="min-width:8em";
                        button type="submit" { (lang.t("更新申诉", "Update appeal")) }
                    }
                }
            }
        }
    }
}

/// The form that adds or removes a list entry.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EntryForm {
    csrf: String,
    list: String,
    kind: String,
    value: String,
    reason: String,
}

/// The form that lists a person on the punishment list.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PunishForm {
    csrf: String,
    person: String,
    accounts: String,
    reason: String,
    days: String,
}

/// The form that records an appeal's state.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AppealForm {
    csrf: String,
    appeal: String,
    note: String,
}

crate::routes::posted!(EntryForm, PunishForm, AppealForm);

/// The list and kind of a list form.
fn list_and_kind(v: &Viewer, f: &EntryForm) -> Result<(ListName, EntryKind), Response> {
    match (ListName::parse(f.list.trim()), EntryKind::parse(f.kind.trim())) {
        (Some(l), Some(k)) => Ok((l, k)),
        _ => Err(refused(
            v,
            StatusCode::BAD_REQUEST,
            "名单须为黑名单或观察名单;类别须为账户、持有人、电话或网址。",
            "The list must be block or watch; the kind account, holder, phone or url.",
        )),
    }
}

/// `POST /console/lists`: adds a block or watch entry, valid from now (durable, audited).
pub async fn add(State(c): Shared, headers: HeaderMap, Form(f): Form<EntryForm>) -> Response {
    let v = match acting(&c, &headers, EDITORS, "lists.add", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (list, kind) = match list_and_kind(&v, &f) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let entry = Entry {
        list,
        kind,
        value: bounded(&f.value, 256),
        reason: bounded(&f.reason, 500),
        source: format!("console:{}", v.user.name),
        valid_from: now(),
        valid_to: None,
    };
    let detail = format!("{} {} {}", list.as_str(), kind.as_str(), entry.value);
    // The list file is not in the console database: audited first, then done.
    if let Err(r) = audited(&c, &v.user.name, "lists.add", "lists", &detail) {
        return r;
    }
    // On a node that follows a stream the entry is published, and applies on every node (this one
    // included) once the stream delivers it.
    match c.api.change_lists(ListChange::Add { entry }).await {
        Ok(_) => see_other("/console/lists"),
        Err(e) => not_changed(&v, e),
    }
}

/// `POST /console/lists/remove`: closes the open entries for a value from now (history kept).
pub async fn remove(State(c): Shared, headers: HeaderMap, Form(f): Form<EntryForm>) -> Response {
    let v = match acting(&c, &headers, EDITORS, "lists.remove", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (list, kind) = match list_and_kind(&v, &f) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let value = bounded(&f.value, 256);
    let source = format!("console:{}", v.user.name);
    if let Err(r) =
        audited(&c, &v.user.name, "lists.remove", "lists", &format!("{} {} {value}", list.as_str(), kind.as_str()))
    {
        return r;
    }
    match c.api.change_lists(ListChange::Remove { list, kind, value, at: now(), source }).await {
        Ok(_) => see_other("/console/lists"),
        Err(e) => not_changed(&v, e),
    }
}

/// The page for a change to the lists that was not made: 400 for an invalid one, 503 when a
/// following node cannot reach its stream, 500 when the list file cannot be written.
fn not_changed(v: &Viewer, e: ListsChangeError) -> Response {
    let status = match &e {
        ListsChangeError::List(ListError::Invalid(_)) => StatusCode::BAD_REQUEST,
        ListsChangeError::NotConnected | ListsChangeError::Stream(_) => StatusCode::SERVICE_UNAVAILABLE,
        ListsChangeError::List(_) | ListsChangeError::Poisoned => return server_error(e),
    };
    refused(v, status, &format!("名单未更改:{e}"), &format!("The lists were not changed: {e}"))
}

/// `POST /console/punishments`: a supervisor lists a person (audited).
pub async fn punish(State(c): Shared, headers: HeaderMap, Form(f): Form<PunishForm>) -> Response {
    let v = match acting(&c, &headers, &[Role::Supervisor], "punishments.add", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (person, reason) = (bounded(&f.person, 64), bounded(&f.reason, 1000));
    if person.is_empty() || reason.is_empty() {
        return refused(&v, StatusCode::BAD_REQUEST, "人员和理由必须填写。", "Person and reason are required.");
    }
    let days = bounded(&f.days, 5);
    let ends_at = match days.parse::<i64>() {
        _ if days.is_empty() => None,
        Ok(d) if d > 0 => Some(now() + d * 86_400),
        _ => return refused(&v, StatusCode::BAD_REQUEST, "天数须为正整数。", "Days must be a positive whole number."),
    };
    let p = Punishment {
        id: 0,
        person,
        accounts: bounded(&f.accounts, 1000),
        reason,
        starts_at: now(),
        ends_at,
        appeal: "none".into(),
        appeal_note: None,
        created_by: v.user.name.clone(),
    };
    let added = c.db().atomically(|db| {
        let id = db.add_punishment(&p, now())?;
        db.audit(now(), &v.user.name, "punishment.add", &format!("punishment:{id}"), &p.reason)
    });
    match added {
        Ok(()) => see_other("/console/lists"),
        Err(e) => server_error(e),
    }
}

/// `POST /console/punishments/{id}/appeal`: records an appeal's state (audited).
pub async fn appeal(State(c): Shared, headers: HeaderMap, Path(id): Path<i64>, Form(f): Form<AppealForm>) -> Response {
    let v = match acting(&c, &headers, &[Role::Supervisor], "punishments.appeal", &f) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let appeal = f.appeal.trim();
    if !APPEALS.contains(&appeal) {
        return refused(
            &v,
            StatusCode::BAD_REQUEST,
            "申诉状态须为无、已申诉、维持或撤销。",
            "The appeal must be none, filed, upheld or overturned.",
        );
    }
    let note = bounded(&f.note, 500);
    let changed = c.db().atomically(|db| {
        let changed = db.set_appeal(id, appeal, &note, now())?;
        if changed {
            db.audit(
                now(),
                &v.user.name,
                "punishment.appeal",
                &format!("punishment:{id}"),
                &format!("{appeal} {note}"),
            )?;
        }
        Ok(changed)
    });
    match changed {
        Ok(true) => see_other("/console/lists"),
        Ok(false) => refused(&v, StatusCode::NOT_FOUND, "没有这个条目。", "There is no such entry."),
        Err(e) => server_error(e),
    }
}
