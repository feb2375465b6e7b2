//! The public side of the anti-fraud app on the same server, with no account: paste a message to
//! see whether it is a scam (typology, cues, advice), look up a phone number, URL or account (风险查询),
//! and report a scam (一键举报). Rate-limited per address like the public API endpoints.

use crate::db::NewAlert;
use crate::i18n::Lang;
use crate::Console;
use axum::extract::{Form, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use fanzha_check::lists::EntryKind;
use fanzha_check::lookup::{PublicReport, Risk};
use fanzha_server::Client;
use fanzha_text::Classifier;
use maud::{html, Markup};
use serde::Deserialize;
use std::sync::Arc;

fn page(lang: Lang, body: Markup) -> Response {
    let title = lang.t("防骗查询", "Is it a scam?");
    Html(crate::pages::layout(lang, title, None, "", body).into_string()).into_response()
}

fn too_many(lang: Lang) -> Response {
    let msg = lang.t("请求过于频繁,请一分钟后再试。", "Too many requests; try again in a minute.");
    (StatusCode::TOO_MANY_REQUESTS, page(lang, html! { p.flash.err { (msg) } })).into_response()
}

/// The alert of a public report: one per value reported, scored low (unverified, it ranks below
/// detection's alerts), with the typology the text model reads in the reporter's words (none when
/// it reads no scam).
pub(crate) fn report_alert(r: &PublicReport, text_model: &Classifier) -> NewAlert {
    let text: String = r.text.chars().take(200).collect();
    let what = crate::i18n::kind_name(Lang::Zh, r.kind);
    let what_en = crate::i18n::kind_name(Lang::En, r.kind);
    let reasons = [(format!("群众举报({what}):{text}"), format!("Public report ({what_en}): {text}"))];
    let typology = text_model.analyze(&r.text).ok().map(|a| a.typology).filter(|t| *t != "none");
    NewAlert {
        typology: typology.map(String::from),
        ..NewAlert::new("report", &r.value, 0.3, &serde_json::to_string(&reasons).expect("strings serialize"))
    }
}

/// What the public side's forms send: a message to check, a value to look up, or a report (each
/// field may be missing).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublicForm {
    kind: String,
    value: String,
    text: String,
}

/// The kinds the public may look up or report: phone numbers, URLs and accounts (not holders).
fn kind_of(s: &str) -> Option<EntryKind> {
    EntryKind::parse(s).filter(|k| *k != EntryKind::Holder)
}

fn kind_select(lang: Lang) -> Markup {
    html! {
        select name="kind" {
            option value="phone" { (lang.t("电话号码", "phone number")) }
            option value="url" { (lang.t("网址", "URL")) }
            option value="account" { (lang.t("银行账户", "bank account")) }
        }
    }
}

fn forms(lang: Lang) -> Markup {
    html! {
        h2 { (lang.t("这条短信/聊天是诈骗吗?", "Is this message a scam?")) }
        form #check method="post" action="/public/check" {
            textarea #text name="text" rows="4" maxlength="20000" required {}
            p { button type="submit" { (lang.t("检查", "Check")) } }
        }
        h2 { (lang.t("风险查询", "Look up a number, link or account")) }
        form #lookup method="get" action="/public/lookup" {
            (kind_select(lang))
            " " input name="value" required maxlength="256";
            " " button type="submit" { (lang.t("查询", "Look up")) }
        }
        h2 { (lang.t("一键举报", "Report a scam")) }
        form #report method="post" action="/public/report" {
            (kind_select(lang))
            " " input name="value" required maxlength="256";
            label { (lang.t("发生了什么", "What happened")) }
            textarea name="text" rows="3" maxlength="2000" {}
            p { button type="submit" { (lang.t("举报", "Report")) } }
        }
        p { (lang.t("遇到诈骗请立即拨打 110 或 96110。", "If you are being scammed, call 110 or 96110 now.")) }
    }
}

fn lang_of(headers: &HeaderMap) -> Lang {
    Lang::from_cookies(headers.get(axum::http::header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or(""))
}

/// A public visitor within the per-address limit, with the language they read; an extractor that
/// answers `429` with a page in that language when the address is over the limit.
pub struct Visitor {
    lang: Lang,
}

impl FromRequestParts<Arc<Console>> for Visitor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, c: &Arc<Console>) -> Result<Visitor, Response> {
        let lang = lang_of(&parts.headers);
        let Ok(client) = Client::from_request_parts(parts, c).await;
        if c.api.public_allowed(&client) {
            Ok(Visitor { lang })
        } else {
            Err(too_many(lang))
        }
    }
}

/// `GET /public`.
pub async fn home(headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    page(lang, forms(lang))
}

/// `POST /public/check`: the text classifier's verdict, cues and advice.
pub async fn check(State(c): State<Arc<Console>>, Visitor { lang }: Visitor, Form(f): Form<PublicForm>) -> Response {
    let text = f.text;
    let body = match c.api.text.analyze(&text) {
        Err(e) => html! { p.flash.err { (e.to_string()) } },
        Ok(a) => html! {
            div #verdict {
                @if a.typology == "none" {
                    p.flash { (lang.t("未发现诈骗特征。仍请警惕陌生人要求转账。", "No sign of a scam. Still, never pay strangers who ask.")) }
                } @else {
                    p.flash.err { strong { (lang.t("疑似诈骗", "Looks like a scam")) ": " (crate::i18n::typology_name(lang, a.typology)) } " (" (format!("{:.0}%", a.probability * 100.0)) ")" }
                    @if let Some(p) = a.passage {
                        h3 { (lang.t("露出破绽的一段", "The part that gives it away")) }
                        blockquote.passage { (text.chars().skip(p.start).take(p.end - p.start).collect::<String>()) }
                    }
                    h3 { (lang.t("可疑之处", "What gives it away")) }
                    ul { @for cue in &a.cues { li { mark { (cue.text) } " — " (lang.t(&cue.why, &cue.why_en)) } } }
                    h3 { (lang.t("建议", "What to do")) }
                    ul { @for (zh, en) in a.advice_zh.iter().zip(&a.advice_en) { li { (lang.t(zh, en)) } } }
                }
            }
        },
    };
    page(lang, html! { (body) (forms(lang)) })
}

/// `GET /public/lookup?kind=&value=`.
pub async fn find(State(c): State<Arc<Console>>, Visitor { lang }: Visitor, Query(q): Query<PublicForm>) -> Response {
    let (Some(kind), Some(value)) = (kind_of(&q.kind), Some(q.value.as_str()).filter(|v| !v.trim().is_empty())) else {
        return (StatusCode::BAD_REQUEST, page(lang, forms(lang))).into_response();
    };
    let Ok(live) = c.api.read_live() else {
        return (StatusCode::INTERNAL_SERVER_ERROR, fanzha_server::Poisoned.to_string()).into_response();
    };
    let found = live.lookup(kind, value);
    let risk = match found.risk {
        Risk::High => lang.t("高风险:已被列入止付/拦截名单", "High risk: on the block list"),
        Risk::Medium if found.suspected => {
            lang.t("中风险:反诈模型发现该账户交易异常", "Medium risk: its transfers look like a mule account's")
        }
        Risk::Medium => lang.t("中风险:被关注或多次举报", "Medium risk: watched, or reported several times"),
        Risk::Low => lang.t("低风险:有少量举报", "Low risk: a few reports"),
        Risk::Unknown => lang.t("暂无风险记录(不代表安全)", "Nothing on record (which does not mean safe)"),
    };
    let body = html! {
        div #result {
            p.flash { strong { (value) } ": " (risk) }
            p { (lang.t("群众举报次数", "Public reports")) ": " (found.reports) }
        }
        (forms(lang))
    };
    page(lang, body)
}

/// `POST /public/report`.
pub async fn report(State(c): State<Arc<Console>>, Visitor { lang }: Visitor, Form(f): Form<PublicForm>) -> Response {
    let Some(kind) = kind_of(&f.kind) else {
        return (StatusCode::BAD_REQUEST, page(lang, forms(lang))).into_response();
    };
    let at = fanzha_model::Ts::now().0;
    let r = PublicReport { kind, value: f.value, text: f.text, at };
    let alert = report_alert(&r, &c.api.text);
    let added = match c.api.write_live() {
        Ok(mut live) => live.reports.add(r).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    // Analysts see it in the alert queue: one alert per value reported, however often.
    let added = added.and_then(|()| c.db().raise_alerts(&[alert], at).map(|_| ()).map_err(|e| e.to_string()));
    let body = match added {
        Ok(()) => {
            html! { p.flash #thanks { (lang.t("已收到您的举报,谢谢!", "Thank you; your report has been received.")) } (forms(lang)) }
        }
        Err(e) => html! { p.flash.err { (e) } (forms(lang)) },
    };
    page(lang, body)
}
