//! The console's handlers: find the signed-in user, check the role and the CSRF token, do the one
//! thing, write the audit entry, render.

// A refusal is the finished response (a redirect to the login page, a 403 page); it is built only on
// the refusing path, so its size in the `Err` variant costs nothing worth boxing.
#![allow(clippy::result_large_err)]

use crate::audit::AuditFilter;
use crate::auth::{self, COOKIE, SESSION_SECS};
use crate::db::{Page, Role, User};
use crate::i18n::Lang;
use crate::{pages, Console};
use axum::extract::{Form, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE as COOKIE_HEADER, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use fanzha_server::Client;
use fanzha_storage::Store;
use serde::Deserialize;
use std::sync::Arc;

type Shared = State<Arc<Console>>;

pub(crate) fn now() -> i64 {
    fanzha_model::Ts::now().0
}

pub(crate) fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, HeaderValue::from_str(to).expect("ascii path"))]).into_response()
}

pub(crate) fn html(status: StatusCode, m: maud::Markup) -> Response {
    (status, Html(m.into_string())).into_response()
}

pub(crate) fn server_error(e: impl std::fmt::Display) -> Response {
    (StatusCode::INTERNAL_SERVER_ERROR, format!("internal error: {e}")).into_response()
}

/// The signed-in user of a request.
pub(crate) struct Viewer {
    pub(crate) user: User,
    pub(crate) csrf: String,
    pub(crate) lang: Lang,
}

fn cookies(headers: &HeaderMap) -> &str {
    headers.get(COOKIE_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// The user of the session cookie, or a redirect to the login page.
pub(crate) fn viewer(c: &Console, headers: &HeaderMap) -> Result<Viewer, Response> {
    let jar = cookies(headers);
    let lang = Lang::from_cookies(jar);
    let Some(token) = auth::cookie(jar, COOKIE) else { return Err(see_other("/console/login")) };
    match c.db().session(&auth::token_hash(token), now()) {
        Ok(Some((user, csrf))) => Ok(Viewer { user, csrf, lang }),
        Ok(None) => Err(see_other("/console/login")),
        Err(e) => Err(server_error(e)),
    }
}

/// Appends an audit entry for `who` before what it records goes ahead: if it cannot be stored,
/// the answer is 500 and the action does not happen.
pub(crate) fn audited(c: &Console, who: &str, action: &str, object: &str, detail: &str) -> Result<(), Response> {
    c.db().audit(now(), who, action, object, detail).map_err(server_error)
}

/// Refuses with 403 unless the viewer's role is one of `roles`.
pub(crate) fn allow(c: &Console, v: &Viewer, roles: &[Role], what: &str) -> Result<(), Response> {
    if roles.contains(&v.user.role) {
        return Ok(());
    }
    audited(c, &v.user.name, "denied", what, v.user.role.as_str())?;
    let why = v.lang.t("您的角色无权进行此操作。", "Your role may not do this.");
    Err(html(StatusCode::FORBIDDEN, pages::forbidden(v.lang, &v.user, &v.csrf, why)))
}

/// A posted form: it carries the session's CSRF token.
pub(crate) trait Posted {
    /// The `csrf` field, if sent.
    fn csrf(&self) -> Option<&str>;
}

/// Implements [`Posted`] for forms with a `csrf` field.
macro_rules! posted {
    ($($form:ty),*) => {
        $(impl crate::routes::Posted for $form {
            fn csrf(&self) -> Option<&str> {
                Some(&self.csrf)
            }
        })*
    };
}
pub(crate) use posted;

/// A form that carries only the CSRF token (log out, run detection, approve, draft requests).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    csrf: String,
}

/// A form with a reason (dismissing an alert).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    csrf: String,
    /// Why.
    pub reason: String,
}

posted!(CsrfForm, ReasonForm);

impl Posted for Vec<(String, String)> {
    fn csrf(&self) -> Option<&str> {
        self.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str())
    }
}

/// A refusal as a page in the frame, in the viewer's language.
pub(crate) fn refused(v: &Viewer, status: StatusCode, zh: &str, en: &str) -> Response {
    let title = match status {
        StatusCode::NOT_FOUND => v.lang.t("未找到", "Not found"),
        StatusCode::FORBIDDEN => v.lang.t("无权访问", "Not allowed"),
        _ => v.lang.t("无法完成", "Not done"),
    };
    html(status, pages::message(v.lang, title, &v.user, &v.csrf, v.lang.t(zh, en)))
}

/// Refuses a form post whose CSRF token is not the session's.
pub(crate) fn csrf_ok(v: &Viewer, form: &impl Posted) -> Result<(), Response> {
    match form.csrf() {
        Some(t) if auth::same(t, &v.csrf) => Ok(()),
        _ => Err(refused(
            v,
            StatusCode::FORBIDDEN,
            "表单令牌缺失或错误,请刷新页面后重试。",
            "Missing or wrong CSRF token; reload the page and try again.",
        )),
    }
}

/// The signed-in viewer, if their role is one of `roles` (a refusal of `what` otherwise).
pub(crate) fn reading(c: &Console, headers: &HeaderMap, roles: &[Role], what: &str) -> Result<Viewer, Response> {
    let v = viewer(c, headers)?;
    allow(c, &v, roles, what)?;
    Ok(v)
}

/// The viewer of a form post who may do `what` (one of `roles`) and sent the session's CSRF token.
pub(crate) fn acting(
    c: &Console,
    headers: &HeaderMap,
    roles: &[Role],
    what: &str,
    form: &impl Posted,
) -> Result<Viewer, Response> {
    let v = reading(c, headers, roles, what)?;
    csrf_ok(&v, form)?;
    Ok(v)
}

/// A CSV download named `file`: the header, then one line per row (fields quoted as CSV needs).
pub(crate) fn csv_download(file: &str, header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Response {
    let mut w = csv::Writer::from_writer(Vec::new());
    let written = w.write_record(header).and_then(|()| rows.into_iter().try_for_each(|r| w.write_record(&r)));
    match written.map_err(|e| e.to_string()).and_then(|()| w.into_inner().map_err(|e| e.to_string())) {
        Ok(body) => {
            let disposition = format!("attachment; filename=\"{file}\"");
            let headers = [(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)];
            (headers, body).into_response()
        }
        Err(e) => server_error(e),
    }
}

/// A form field's text trimmed and cut to `max` characters.
pub(crate) fn bounded(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// `GET /`: what this server offers, for a person who typed its address.
pub async fn landing(headers: HeaderMap) -> Response {
    let lang = Lang::from_cookies(cookies(&headers));
    html(StatusCode::OK, pages::landing(lang))
}

/// `GET /console`.
pub async fn home() -> Response {
    see_other("/console/cases")
}

/// `GET /console/login`.
pub async fn login_page(headers: HeaderMap) -> Response {
    html(StatusCode::OK, pages::login(Lang::from_cookies(cookies(&headers)), None))
}

/// The login form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    name: String,
    password: String,
}

/// `POST /console/login`. Failed logins are limited per account name and per client address
/// (the socket's, or a trusted proxy's `X-Forwarded-For`; a forged header from anyone else is
/// ignored).
pub async fn login(State(c): Shared, client: Client, headers: HeaderMap, Form(f): Form<LoginForm>) -> Response {
    let lang = Lang::from_cookies(cookies(&headers));
    let name = f.name.trim().to_string();
    let password = f.password;
    let ip = c.api.client_ip(&client);
    let address = ip.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let t = now();
    let name_key: String = name.chars().take(64).collect();
    let client_key = ip.map_or_else(|| "unknown".to_string(), |ip| fanzha_server::client_key(ip).to_string());
    let (by_name, by_client) = (format!("name:{name_key}"), format!("client:{client_key}"));
    if c.logins.locked(&by_name, t) || c.logins.locked(&by_client, t) {
        if let Err(r) = audited(&c, &name, "login.locked", "session", &address) {
            return r;
        }
        let msg = lang.t("登录失败次数过多,请15分钟后再试。", "Too many failed logins; try again in 15 minutes.");
        return html(StatusCode::TOO_MANY_REQUESTS, pages::login(lang, Some(msg)));
    }
    let creds = match c.db().credentials(&name) {
        Ok(x) => x,
        Err(e) => return server_error(e),
    };
    let user = match creds {
        Some((u, hash)) if !u.disabled && auth::verify_password(&password, &hash) => u,
        _ => {
            c.logins.fail(&by_name, t);
            c.logins.fail(&by_client, t);
            if let Err(r) = audited(&c, &name, "login.failed", "session", &address) {
                return r;
            }
            let msg = lang.t("用户名或密码错误。", "Wrong user name or password.");
            return html(StatusCode::UNAUTHORIZED, pages::login(lang, Some(msg)));
        }
    };
    c.logins.clear(&by_name);
    let token = auth::random_hex(32);
    let csrf = auth::random_hex(32);
    let started = c.db().atomically(|db| {
        db.add_session(&auth::token_hash(&token), user.id, &csrf, t + SESSION_SECS)?;
        db.audit(t, &user.name, "login", "session", &format!("{} from {address}", user.role.as_str()))
    });
    if let Err(e) = started {
        return server_error(e);
    }
    let secure = if c.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={token}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={SESSION_SECS}{secure}");
    let home = if user.role == Role::Liaison { "/console/requests" } else { "/console/cases" };
    let mut r = see_other(home);
    r.headers_mut().insert(SET_COOKIE, HeaderValue::from_str(&cookie).expect("ascii cookie"));
    r
}

/// `POST /console/logout`.
pub async fn logout(State(c): Shared, headers: HeaderMap, Form(f): Form<CsrfForm>) -> Response {
    let v = match viewer(&c, &headers) {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Err(r) = csrf_ok(&v, &f) {
        return r;
    }
    let token = auth::cookie(cookies(&headers), COOKIE).map(auth::token_hash).unwrap_or_default();
    let ended = c.db().atomically(|db| {
        db.end_session(&token)?;
        db.audit(now(), &v.user.name, "logout", "session", "")
    });
    if let Err(e) = ended {
        return server_error(e);
    }
    let mut r = see_other("/console/login");
    r.headers_mut().insert(SET_COOKIE, HeaderValue::from_static("fanzha_session=; Path=/console; Max-Age=0"));
    r
}

/// Query of `GET /console/lang`: the language, and the page to go back to.
#[derive(Deserialize)]
pub struct LangQuery {
    to: String,
    #[serde(default)]
    back: String,
}

/// `GET /console/lang?to=en|zh[&back=/path]`: switches the language of the console and the public
/// side (the cookie is for the whole site) and goes back to the page it came from (only a console
/// or public page; the case list otherwise).
pub async fn set_lang(Query(q): Query<LangQuery>) -> Response {
    let value = if q.to == "en" { "en" } else { "zh" };
    let local = |p: &str| {
        (p == "/" || p == "/public" || p.starts_with("/public/") || p == "/console" || p.starts_with("/console/"))
            && !p.contains("//")
            && p.chars().all(|c| c.is_ascii_graphic())
    };
    let back = if local(&q.back) { q.back.as_str() } else { "/console/cases" };
    let mut r = see_other(back);
    let cookie = format!("lang={value}; Path=/; SameSite=Strict; Max-Age=31536000");
    r.headers_mut().insert(SET_COOKIE, HeaderValue::from_str(&cookie).expect("ascii cookie"));
    // The cookie used to be the console's alone; an old one would shadow the new on its pages.
    r.headers_mut().append(SET_COOKIE, HeaderValue::from_static("lang=; Path=/console; Max-Age=0"));
    r
}

pub(crate) const CASE_READERS: &[Role] = &[Role::Analyst, Role::Supervisor, Role::Auditor];
pub(crate) const CASE_WORKERS: &[Role] = &[Role::Analyst, Role::Supervisor];

/// Where an account's page is: this, then the account id percent-encoded.
pub(crate) const ACCOUNT_PAGES: &str = "/console/accounts/";

/// Percent-encodes a query value (all but the unreserved characters of RFC 3986).
pub(crate) fn url_encode(v: &str) -> String {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    v.bytes().map(|b| if unreserved(b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// The given (non-empty) parameters as a query string ending in `&`, for a pager or an export
/// link to add to, e.g. `kind=mule&status=open&`.
pub(crate) fn query_string(params: &[(&str, &str)]) -> String {
    params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}&", url_encode(v))).collect()
}

/// Query of a paged list: `?page=N` (from 0).
#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

impl PageQuery {
    /// The page asked for.
    pub(crate) fn page(&self) -> Page {
        Page::new(self.page.unwrap_or(0))
    }
}

/// `GET /console/dashboard`.
pub async fn dashboard(State(c): Shared, headers: HeaderMap) -> Response {
    let v = match reading(&c, &headers, CASE_READERS, "dashboard") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (cases, requests) = {
        let mut db = c.db();
        match (db.cases(Page::all()), db.freezes(None, None, Page::all())) {
            (Ok(c), Ok(r)) => (c, r),
            (Err(e), _) | (_, Err(e)) => return server_error(e),
        }
    };
    let Ok(live) = c.api.read_live() else { return server_error(fanzha_server::Poisoned) };
    let body = crate::dashboard::page(v.lang, live.store.ledger(), &cases, &requests);
    drop(live);
    let title = v.lang.t("总览", "Dashboard");
    html(StatusCode::OK, pages::layout(v.lang, title, Some(&v.user), &v.csrf, body))
}

pub(crate) const CLOSED_ZH: &str = "该预警已关闭或不存在。";
pub(crate) const CLOSED_EN: &str = "The alert is closed already, or does not exist.";

/// Query of `GET /console/audit`: a page, and filters by user, action prefix and object.
#[derive(Deserialize)]
pub struct AuditQuery {
    page: Option<i64>,
    actor: Option<String>,
    action: Option<String>,
    object: Option<String>,
}

impl AuditQuery {
    /// The filter it asks for.
    fn filter(&self) -> AuditFilter {
        let given = |x: &Option<String>| x.as_ref().map(|x| bounded(x, 200)).filter(|x| !x.is_empty());
        AuditFilter { actor: given(&self.actor), action: given(&self.action), object: given(&self.object) }
    }
}

/// `GET /console/audit.csv[?actor=&action=&object=]`: the filtered log as CSV, newest first (audited).
pub async fn audit_export(State(c): Shared, headers: HeaderMap, Query(q): Query<AuditQuery>) -> Response {
    let v = match reading(&c, &headers, &[Role::Supervisor, Role::Auditor], "audit.export") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let filter = q.filter();
    let mut db = c.db();
    if let Err(e) = db.audit(now(), &v.user.name, "audit.export", "audit", &format!("{filter:?}")) {
        return server_error(e);
    }
    let rows = match db.audit_page(&filter, i64::MAX, 0) {
        Ok(rows) => rows,
        Err(e) => return server_error(e),
    };
    drop(db);
    let lines = rows.into_iter().map(|r| {
        vec![r.seq.to_string(), fanzha_model::Ts(r.at).to_rfc3339_shanghai(), r.user, r.action, r.object, r.detail]
    });
    csv_download("audit.csv", &["seq", "at", "user", "action", "object", "detail"], lines)
}

/// `GET /console/audit[?actor=&action=&object=&page=N]`, newest first.
pub async fn audit(State(c): Shared, headers: HeaderMap, Query(q): Query<AuditQuery>) -> Response {
    let v = match reading(&c, &headers, &[Role::Supervisor, Role::Auditor], "audit") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut db = c.db();
    let filter = q.filter();
    let page = Page::new(q.page.unwrap_or(0));
    let detail = format!("{filter:?} page {}", page.number);
    if let Err(e) = db.audit(now(), &v.user.name, "audit.view", "audit", &detail) {
        return server_error(e);
    }
    match db.audit_page(&filter, page.rows, page.number * page.rows) {
        Ok(rows) => {
            let nav = pages::pager(v.lang, "/console/audit", &pages::audit_query(&filter), page, rows.len());
            html(StatusCode::OK, pages::audit(v.lang, &v.user, &v.csrf, &rows, &filter, nav))
        }
        Err(e) => server_error(e),
    }
}
