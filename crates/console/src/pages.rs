//! The pages, server-rendered with maud (every interpolated value is HTML-escaped; the only raw
//! markup is the trace SVG, which fanzha draws itself).

use crate::alerts::AlertsQuery;
use crate::audit::{AuditFilter, AuditRow};
use crate::cases::{CaseForm, CasesQuery};
use crate::db::{Alert, Case, FreezeRow, Page, Role, User, ALERT_KINDS, STATUSES};
use crate::entity::{AccountHit, AccountView, Found, TransferRow};
use crate::i18n::{action_name, beijing, kind_name, list_name, typology_name, yuan, Lang};
use fanzha_check::lists::Entry;
use fanzha_check::lookup::PublicReport;
use fanzha_trace::{FreezeRequest, FreezeTarget, Stop, Urgency};
use maud::{html, Markup, PreEscaped, DOCTYPE};

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0;color:#222}
header{background:#8b1a1a;color:#fff;padding:.6em 1.2em;display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center}
header a,header button{color:#fff;text-decoration:none;background:none;border:0;font:inherit;cursor:pointer;white-space:nowrap}
header span,header strong{white-space:nowrap}header input{min-width:8em;width:11em}
main{padding:1em 1.5em;max-width:1200px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}.status{font-weight:bold}
.flash{background:#fff3cd;padding:.5em 1em;margin:.5em 0}.err{background:#f8d7da}
form.inline{display:inline}label{display:block;margin:.5em 0 .2em}input,select,textarea{font:inherit;padding:.3em;min-width:24em}
.graph{overflow:auto;border:1px solid #ddd;margin:1em 0}.spacer{flex:1}
select,input[type=checkbox],input[type=radio]{min-width:0}
#case-filter input,#audit-filter input,#alert-filter input,#bulk input{min-width:0}select{margin:.15em 0}";

/// The frame of every page, with the language toggle (back to `/console/cases` when signed in,
/// to the public page otherwise: see [`layout_at`]).
pub fn layout(lang: Lang, title: &str, user: Option<&User>, csrf: &str, body: Markup) -> Markup {
    let here = if user.is_some() { "/console/cases" } else { "/public" };
    layout_at(lang, title, user, csrf, here, body)
}

/// The frame of every page; the language toggle comes back to `here`.
pub fn layout_at(lang: Lang, title: &str, user: Option<&User>, csrf: &str, here: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · fanzha" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    strong { "fanzha " (lang.t("反诈中心", "Anti-fraud centre")) }
                    @if let Some(u) = user {
                        @if u.role != Role::Liaison {
                            a href="/console/dashboard" { (lang.t("总览", "Dashboard")) }
                            a href="/console/alerts" { (lang.t("预警", "Alerts")) }
                            a href="/console/cases" { (lang.t("案件", "Cases")) }
                            a href="/console/lists" { (lang.t("名单", "Lists")) }
                            a href="/console/reports" { (lang.t("群众举报", "Reports")) }
                        }
                        a href="/console/requests" { (lang.t("冻结请求", "Freeze requests")) }
                        @if u.role != Role::Liaison {
                            a href="/public" { (lang.t("文本检测", "Text check")) }
                        }
                        @if matches!(u.role, Role::Supervisor | Role::Auditor) {
                            a href="/console/audit" { (lang.t("审计日志", "Audit log")) }
                        }
                        span.spacer {}
                        @if u.role != Role::Liaison {
                            form.inline #header-search method="get" action="/console/search" {
                                input name="q" maxlength="64" placeholder=(lang.t("查账户、交易、手机号…", "account, transfer, phone…"));
                            }
                        }
                        span { (u.name) " (" (role_name(lang, u.role)) ")" }
                        form.inline method="post" action="/console/logout" {
                            input type="hidden" name="csrf" value=(csrf);
                            button type="submit" { (lang.t("退出", "Log out")) }
                        }
                    } @else {
                        span.spacer {}
                    }
                    a #lang-toggle href={ "/console/lang?to=" (lang.t("en", "zh")) "&back=" (crate::routes::url_encode(here)) } { (lang.t("English", "中文")) }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

/// A role's display name.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Analyst => lang.t("分析员", "analyst"),
        Role::Supervisor => lang.t("主管", "supervisor"),
        Role::Liaison => lang.t("银行联络员", "bank liaison"),
        Role::Auditor => lang.t("审计员", "auditor"),
    }
}

fn status_name(lang: Lang, s: &str) -> &'static str {
    match s {
        "draft" => lang.t("待审批", "draft"),
        "sent" => lang.t("已发送", "sent"),
        "executed" => lang.t("已执行", "executed"),
        "partially_executed" => lang.t("部分执行", "partially executed"),
        "failed" => lang.t("失败", "failed"),
        _ => lang.t("已过期", "expired"),
    }
}

/// How soon money is likely to move, in `lang`.
fn urgency_name(lang: Lang, u: Urgency) -> &'static str {
    match u {
        Urgency::High => lang.t("高", "high"),
        Urgency::Medium => lang.t("中", "medium"),
        Urgency::Low => lang.t("低", "low"),
    }
}

/// Why the trace stopped at an account, in `lang`: the bank must check the balance itself.
fn stop_name(lang: Lang, s: Stop) -> &'static str {
    match s {
        Stop::Hub => lang.t("枢纽账户(商户或支付机构),请行内核查", "a hub (merchant or payment firm): check inside"),
        Stop::MaxHops => lang.t("已达追踪层数上限,资金可能已转出", "the hop limit: the money may have moved on"),
        Stop::WorkLimit => lang.t("追踪计算量已达上限,资金可能已转出", "the work limit: the money may have moved on"),
    }
}

/// Links to the previous and next page of a long list at `path` (`query`: its other parameters,
/// already encoded, e.g. `actor=wang&`); `shown` rows are on this page.
pub fn pager(lang: Lang, path: &str, query: &str, page: Page, shown: usize) -> Markup {
    let more = shown as i64 >= page.rows;
    html! {
        @if page.number > 0 || more {
            p.pager {
                @if page.number > 0 {
                    a rel="prev" href={ (path) "?" (query) "page=" (page.number - 1) } { "« " (lang.t("上一页", "previous")) }
                    " "
                }
                (lang.t("第", "page ")) (page.number + 1) (lang.t("页", ""))
                @if more {
                    " "
                    a rel="next" href={ (path) "?" (query) "page=" (page.number + 1) } { (lang.t("下一页", "next")) " »" }
                }
            }
        }
    }
}

/// The landing page at `/`: the console, the public side, the API and its documentation.
pub fn landing(lang: Lang) -> Markup {
    layout_at(
        lang,
        lang.t("反诈平台", "fanzha"),
        None,
        "",
        "/",
        html! {
            ul #landing {
                li { a href="/console" { (lang.t("反诈中心控制台", "The anti-fraud centre's console")) } " — "
                     (lang.t("案件、资金追踪、冻结请求、预警(需登录)", "cases, traces, freeze requests, alerts (sign-in)")) }
                li { a href="/public" { (lang.t("防骗查询", "Is it a scam?")) } " — "
                     (lang.t("检查短信、查询号码和账户、一键举报(无需登录)", "check a message, look up a number or account, report a scam (no sign-in)")) }
                li { a href="/openapi.json" { (lang.t("银行接口文档(OpenAPI)", "The banks' API (OpenAPI)")) } " — "
                     (lang.t("转账检查、记录、名单,需 API 密钥", "transfer checks, records, lists; an API key is needed")) }
                li { a href="/healthz" { (lang.t("运行状态", "Health")) } }
            }
        },
    )
}

/// The login page.
pub fn login(lang: Lang, error: Option<&str>) -> Markup {
    layout_at(
        lang,
        lang.t("登录", "Log in"),
        None,
        "",
        "/console/login",
        html! {
            @if let Some(e) = error { p.flash.err { (e) } }
            form method="post" action="/console/login" {
                label for="name" { (lang.t("用户名", "User name")) }
                input #name name="name" autocomplete="username" required;
                label for="password" { (lang.t("密码", "Password")) }
                input #password name="password" type="password" autocomplete="current-password" required;
                p { button type="submit" { (lang.t("登录", "Log in")) } }
            }
        },
    )
}

/// The case list with its filters (`q`) and an export link.
pub fn cases(lang: Lang, user: &User, csrf: &str, cases: &[Case], q: &CasesQuery, nav: Markup) -> Markup {
    layout(
        lang,
        lang.t("案件", "Cases"),
        Some(user),
        csrf,
        html! {
            @if user.role != Role::Auditor {
                p { a href="/console/cases/new" { (lang.t("+ 根据受害人报案新建案件", "+ New case from a victim report")) } }
            }
            form #case-filter method="get" action="/console/cases" {
                select name="status" {
                    option value="open" selected[q.status.is_empty() || q.status == "open"] { (case_status(lang, "open")) }
                    option value="freezing" selected[q.status == "freezing"] { (lang.t("冻结中", "freezing")) }
                    option value="closed" selected[q.status == "closed"] { (case_status(lang, "closed")) }
                    option value="all" selected[q.status == "all"] { (lang.t("全部", "all")) }
                }
                " "
                select name="assignee" {
                    option value="" { (lang.t("所有承办人", "anyone's")) }
                    option value="me" selected[q.assignee == "me"] { (lang.t("我的", "mine")) }
                }
                " "
                select name="typology" {
                    option value="" { (lang.t("所有类型", "any typology")) }
                    @for t in fanzha_model::TYPOLOGIES { option value=(t.id) selected[q.typology == t.id] { (typology_name(lang, t.id)) } }
                }
                " "
                input name="bank" value=(q.bank) placeholder=(lang.t("已向该银行请求冻结", "asked this bank to freeze")) size="14";
                " "
                select name="province" {
                    option value="" { (lang.t("受害人所在省份", "victim's province")) }
                    @for (code, zh, en) in crate::dashboard::PROVINCES {
                        option value=(code) selected[q.province == code.to_string()] { (lang.t(zh, en)) }
                    }
                }
                " " button type="submit" { (lang.t("筛选", "Filter")) }
                " " a #export-cases href={ "/console/cases.csv?" (q.query_string()) } { (lang.t("导出 CSV", "Export CSV")) }
            }
            table #cases {
                tr { th { "#" } th { (lang.t("标题", "Title")) } th { (lang.t("类型", "Typology")) }
                     th { (lang.t("受害人账户", "Victim account")) } th.num { (lang.t("涉案金额(元)", "Traced (yuan)")) }
                     th.num { (lang.t("可冻结(元)", "Freezable (yuan)")) } th { (lang.t("状态", "Status")) } th { (lang.t("承办人", "Assignee")) } th { (lang.t("创建", "Opened")) } }
                @for c in cases {
                    tr.case data-status=(c.status) {
                        td { (c.id) }
                        td { a href={ "/console/cases/" (c.id) } { (c.title) } }
                        td { (typology_name(lang, &c.typology)) }
                        td { (c.victim) }
                        td.num { (yuan(c.traced_fen)) }
                        td.num { (yuan(c.held_fen)) }
                        td { (case_state(lang, c)) }
                        td { (c.assignee.as_deref().unwrap_or("")) }
                        td { (beijing(c.created_at)) " · " (c.created_by) }
                    }
                }
            }
            (nav)
        },
    )
}

/// A case's status in `lang`.
fn case_status(lang: Lang, s: &str) -> &'static str {
    match s {
        "open" => lang.t("办理中", "open"),
        _ => lang.t("已结案", "closed"),
    }
}

/// A case's state as shown: closed, open, or freezing (open, with N requests awaiting banks).
fn case_state(lang: Lang, c: &Case) -> String {
    if c.status == "open" && c.awaiting > 0 {
        format!("{} ({})", lang.t("冻结中", "freezing"), c.awaiting)
    } else {
        case_status(lang, &c.status).to_string()
    }
}

/// What a case worker may do with a case now: take, assign (supervisors), close with a note, reopen.
fn case_actions(lang: Lang, user: &User, csrf: &str, c: &Case) -> Markup {
    let action = format!("/console/cases/{}/status", c.id);
    html! {
        @if c.status == "open" {
            @if c.assignee.as_deref() != Some(user.name.as_str()) {
                form.inline method="post" action=(action) {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="take";
                    button #take-case type="submit" { (lang.t("由我承办", "Take it")) }
                }
                " "
            }
            @if user.role == Role::Supervisor {
                form.inline method="post" action=(action) {
                    input type="hidden" name="csrf" value=(csrf);
                    input type="hidden" name="action" value="assign";
                    input name="to" placeholder=(lang.t("指派给(用户名)", "assign to (user name)")) maxlength="64" style="min-width:10em";
                    button type="submit" { (lang.t("指派", "Assign")) }
                }
                " "
            }
            form.inline #close-case method="post" action=(action) {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="action" value="close";
                input name="note" placeholder=(lang.t("结案说明(必填)", "why it is closed (required)")) maxlength="1000" required style="min-width:14em";
                button type="submit" { (lang.t("结案", "Close")) }
            }
        } @else {
            form.inline method="post" action=(action) {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="action" value="reopen";
                button #reopen-case type="submit" { (lang.t("重新办理", "Reopen")) }
            }
        }
    }
}

/// The new-case form, filled with `form` (empty, from an alert, or as posted with `error`).
pub fn new_case(lang: Lang, user: &User, csrf: &str, error: Option<&str>, form: &CaseForm) -> Markup {
    layout(
        lang,
        lang.t("新建案件", "New case"),
        Some(user),
        csrf,
        html! {
            @if let Some(e) = error { p.flash.err #case-error { (e) } }
            form #case-form method="post" action="/console/cases" {
                input type="hidden" name="csrf" value=(csrf);
                @if !form.alert.is_empty() { input type="hidden" name="alert" value=(form.alert); }
                label for="title" { (lang.t("标题", "Title")) }
                input #title name="title" required maxlength="200" value=(form.title);
                label for="victim" { (lang.t("受害人账户", "Victim account")) }
                input #victim name="victim" required maxlength="64" value=(form.victim);
                label for="txns" { (lang.t("被骗转账的交易号(逗号分隔)", "Reported transaction ids (comma-separated)")) }
                input #txns name="txns" required maxlength="2000" value=(form.txns);
                label for="reported_at" { (lang.t("报案时间(北京时间,如 2024-03-01 12:00;留空为最新数据)", "Reported at (Beijing time, e.g. 2024-03-01 12:00; empty: the latest data)")) }
                input #reported_at name="reported_at" maxlength="25" placeholder="2024-03-01 12:00" value=(form.reported_at);
                label for="typology" { (lang.t("诈骗类型", "Typology")) }
                select #typology name="typology" {
                    @for t in fanzha_model::TYPOLOGIES { option value=(t.id) selected[t.id == form.typology] { (typology_name(lang, t.id)) " (" (t.id) ")" } }
                }
                label for="narrative" { (lang.t("案情", "Narrative")) }
                textarea #narrative name="narrative" rows="4" maxlength="4000" { (form.narrative) }
                p { button type="submit" { (lang.t("立案并追踪资金", "Open the case and trace the money")) } }
            }
        },
    )
}

/// One case: the trace graph, the freeze list by bank (each account linked to its page), other
/// cases sharing its accounts (`related`: id, title, the accounts shared), and its requests.
#[allow(clippy::too_many_arguments)]
pub fn case(
    lang: Lang,
    user: &User,
    csrf: &str,
    c: &Case,
    freeze: &[FreezeRequest],
    requests: &[FreezeRow],
    timeline: &[AuditRow],
    related: &[(i64, String, Vec<String>)],
    view: Option<&str>,
) -> Markup {
    let can_act = matches!(user.role, Role::Analyst | Role::Supervisor);
    layout(
        lang,
        &format!("#{} {}", c.id, c.title),
        Some(user),
        csrf,
        html! {
            p { (lang.t("类型", "Typology")) ": " (typology_name(lang, &c.typology)) " · "
                (lang.t("受害人账户", "Victim account")) ": " (c.victim) " · "
                (lang.t("报案交易", "Reported transfers")) ": " (c.txns) }
            p #case-status { (lang.t("状态", "Status")) ": " strong { (case_state(lang, c)) }
                " · " (lang.t("承办人", "Assignee")) ": " (c.assignee.as_deref().unwrap_or("—"))
                @if let Some(n) = &c.closed_note { " · " (lang.t("结案说明", "Closed because")) ": " (n) } }
            @if can_act { p { (case_actions(lang, user, csrf, c)) } }
            p { (lang.t("资金状态截至", "Money shown as of")) " " (beijing(c.as_of)) }
            p { (c.narrative) }
            p { (lang.t("追踪金额", "Traced")) " " strong { (yuan(c.traced_fen)) } " " (lang.t("元,其中仍在账户中(可冻结)", "yuan, of which still in accounts (freezable)")) " " strong.held { (yuan(c.held_fen)) } " " (lang.t("元", "yuan")) }
            h2 { (lang.t("资金流向图", "Where the money went")) }
            form #trace-view method="get" action={ "/console/cases/" (c.id) } {
                (lang.t("换一种追踪规则或时点查看:", "See it under another policy or time: "))
                select name="policy" {
                    @for p in fanzha_trace::Policy::ALL { option value=(p.as_str()) { (p.as_str()) } }
                }
                " "
                select name="as_of" {
                    option value="report" { (lang.t("截至报案时", "as of the report")) }
                    option value="latest" { (lang.t("截至最新数据", "as of the latest data")) }
                }
                " " button type="submit" { (lang.t("查看", "Show")) }
                " " a href={ "/console/cases/" (c.id) } { (lang.t("立案时的追踪", "the trace made at opening")) }
            }
            @if let Some(note) = view { p.flash #trace-view-note { (note) } }
            div.graph #trace-graph { (PreEscaped(&c.svg)) }
            h2 { (lang.t("按银行分组的冻结名单", "Freeze list by bank")) }
            table #freeze-list {
                tr { th { (lang.t("银行", "Bank")) } th { (lang.t("账户", "Account")) } th { (lang.t("持卡人", "Holder")) } th.num { (lang.t("金额(元)", "Amount (yuan)")) } th { (lang.t("紧急程度", "Urgency")) } }
                @for bank in freeze {
                    @for a in &bank.accounts {
                        tr {
                            td { (bank.bank.as_deref().unwrap_or("?")) }
                            td { (account_link(&a.account)) }
                            td { (a.holder.as_deref().unwrap_or("")) }
                            td.num { (yuan(a.amount_fen)) }
                            td { (urgency_name(lang, a.urgency)) }
                        }
                    }
                }
            }
            @if !related.is_empty() {
                h2 { (lang.t("相关案件(共用账户)", "Related cases (shared accounts)")) }
                ul #related-cases {
                    @for (other, title, shared) in related {
                        li { a href={ "/console/cases/" (other) } { "#" (other) " " (title) } " · " (lang.t("共用", "shares")) " "
                             @for (i, acc) in shared.iter().enumerate() { @if i > 0 { ", " } (account_link(acc)) } }
                    }
                }
            }
            h2 { (lang.t("止付/冻结请求", "Stop-payment / freeze requests")) }
            @if requests.is_empty() && can_act && !freeze.is_empty() {
                form method="post" action={ "/console/cases/" (c.id) "/freeze" } {
                    input type="hidden" name="csrf" value=(csrf);
                    button #create-requests type="submit" { (lang.t("为每家银行生成冻结请求", "Create one freeze request per bank")) }
                }
            }
            (request_table(lang, user, csrf, requests))
            h2 { (lang.t("案件时间线", "Case timeline")) }
            ol #timeline {
                @for t in timeline { li { (beijing(t.at)) " · " (t.user) " · " (action_name(lang, &t.action)) " · " (t.object) " " (t.detail) } }
            }
        },
    )
}

/// Freeze requests, with the actions the user's role allows.
pub fn request_table(lang: Lang, user: &User, csrf: &str, requests: &[FreezeRow]) -> Markup {
    html! {
        table #requests {
            tr { th { "#" } th { (lang.t("案件", "Case")) } th { (lang.t("银行", "Bank")) } th.num { (lang.t("金额(元)", "Amount (yuan)")) }
                 th { (lang.t("状态", "Status")) } th.num { (lang.t("挽回(元)", "Saved (yuan)")) } th { (lang.t("操作", "Action")) } }
            @for r in requests {
                tr.request data-bank=(r.bank.as_deref().unwrap_or("")) {
                    td { a.open href={ "/console/requests/" (r.id) } { "#" (r.id) } }
                    td { @if user.role == Role::Liaison { (r.case_id) } @else { a href={ "/console/cases/" (r.case_id) } { (r.case_id) } } }
                    td { (r.bank.as_deref().unwrap_or("?")) }
                    td.num { (yuan(r.total_fen)) }
                    td.status { (status_name(lang, &r.status)) }
                    td.num { (yuan(r.saved_fen)) }
                    td {
                        @if r.status == "draft" && user.role == Role::Supervisor {
                            form.inline method="post" action={ "/console/requests/" (r.id) "/approve" } {
                                input type="hidden" name="csrf" value=(csrf);
                                button.approve type="submit" { (lang.t("批准并发送", "Approve and send")) }
                            }
                        }
                        @if r.status != "draft" && matches!(user.role, Role::Liaison | Role::Supervisor) {
                            a.answer href={ "/console/requests/" (r.id) "#outcome" } {
                                @if r.status == "sent" { (lang.t("查看并登记结果", "Open and record the outcome")) } @else { (lang.t("查看或更正", "Open or correct")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// All freeze requests the user may see.
pub fn requests(lang: Lang, user: &User, csrf: &str, rows: &[FreezeRow], frozen: i64, nav: Markup) -> Markup {
    layout(
        lang,
        lang.t("冻结请求", "Freeze requests"),
        Some(user),
        csrf,
        html! {
            @if let Some(bank) = &user.bank { p { (lang.t("本行", "Your bank")) ": " strong { (bank) } } }
            p { (lang.t("已挽回合计", "Saved in all")) ": " strong { (yuan(frozen)) } " " (lang.t("元", "yuan")) }
            (request_table(lang, user, csrf, rows))
            (nav)
        },
    )
}

/// One freeze request as its bank reads it: the accounts to stop or freeze with masked holders and
/// amounts, the case's typology and the legal basis (not the victim or the story), links to the
/// notice and the CSV, the outcome form (`error` above it when an answer was refused) and its history.
#[allow(clippy::too_many_arguments)]
pub fn request(
    lang: Lang,
    user: &User,
    csrf: &str,
    r: &FreezeRow,
    case: &Case,
    accounts: &[FreezeTarget],
    timeline: &[AuditRow],
    error: Option<&str>,
) -> Markup {
    let bank = r.bank.as_deref().unwrap_or("?");
    let answers = r.status != "draft" && matches!(user.role, Role::Liaison | Role::Supervisor);
    let correcting = STATUSES[2..].contains(&r.status.as_str());
    let title = format!("{} #{} · {bank}", lang.t("冻结请求", "Freeze request"), r.id);
    layout(
        lang,
        &title,
        Some(user),
        csrf,
        html! {
            p #request-summary {
                (lang.t("状态", "Status")) ": " strong.status { (status_name(lang, &r.status)) } " · "
                (lang.t("请求金额", "Requested")) " " strong { (yuan(r.total_fen)) } " " (lang.t("元", "yuan")) " · "
                (lang.t("已挽回", "Saved")) " " strong #saved { (yuan(r.saved_fen)) } " " (lang.t("元", "yuan"))
                @if let Some(who) = &r.approved_by { " · " (lang.t("批准人", "Approved by")) " " (who) }
                " · " (lang.t("更新于", "Updated")) " " (beijing(r.updated_at))
            }
            p {
                (lang.t("案件", "Case")) " "
                @if user.role == Role::Liaison { "#" (case.id) } @else { a href={ "/console/cases/" (case.id) } { "#" (case.id) } }
                " · " (lang.t("诈骗类型", "Typology")) ": " (typology_name(lang, &case.typology))
                " · " (lang.t("资金状态截至", "Money shown as of")) " " (beijing(case.as_of))
            }
            p { (lang.t("法律依据", "Legal basis")) ": " (lang.t(crate::freeze::LEGAL_BASIS_ZH, crate::freeze::LEGAL_BASIS_EN)) }
            p {
                @if r.status != "draft" {
                    a #print-notice href={ "/console/requests/" (r.id) "/notice" } { (lang.t("打印止付/冻结通知书", "Print the stop-payment / freeze notice")) }
                    " · "
                }
                a #export-csv href={ "/console/requests/" (r.id) "/notice.csv" } { (lang.t("导出 CSV", "Export CSV")) }
            }
            (target_table(lang, r, accounts))
            @if answers {
                h2 #outcome { @if correcting { (lang.t("更正结果", "Correct the outcome")) } @else { (lang.t("登记结果", "Record the outcome")) } }
                @if let Some(e) = error { p.flash.err #outcome-error { (e) } }
                form #outcome-form method="post" action={ "/console/requests/" (r.id) "/outcome" } {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="status" { (lang.t("结果", "Outcome")) }
                    select #status name="status" {
                        @for st in &STATUSES[2..] { option value=(st) selected[*st == r.status] { (status_name(lang, st)) } }
                    }
                    label for="saved_yuan" { (lang.t("挽回金额(元;已执行可不填,即全部;失败、过期不填)", "Saved, in yuan (leave empty: all when executed, none when failed or expired)")) }
                    input #saved_yuan name="saved_yuan" inputmode="decimal";
                    @if correcting {
                        label for="reason" { (lang.t("更正理由(必填)", "Why it is corrected (required)")) }
                        input #reason name="reason" maxlength="500" required;
                    }
                    p { button type="submit" { (lang.t("提交", "Submit")) } }
                }
            } @else if let Some(e) = error {
                p.flash.err #outcome-error { (e) }
            }
            h2 { (lang.t("处理记录", "History")) }
            ol #timeline {
                @for t in timeline { li { (beijing(t.at)) " · " (t.user) " · " (action_name(lang, &t.action)) " " (t.detail) } }
            }
        },
    )
}

/// The accounts of a request with their total.
fn target_table(lang: Lang, r: &FreezeRow, accounts: &[FreezeTarget]) -> Markup {
    html! {
        table #request-accounts {
            tr { th { "#" } th { (lang.t("账户", "Account")) } th { (lang.t("持卡人(脱敏)", "Holder (masked)")) } th.num { (lang.t("涉案金额(元)", "Amount (yuan)")) }
                 th { (lang.t("紧急程度", "Urgency")) } th { (lang.t("说明", "Note")) } }
            @for (i, a) in accounts.iter().enumerate() {
                tr.target {
                    td { (i + 1) }
                    td.account { (a.account) }
                    td { (a.holder.as_deref().unwrap_or("")) }
                    td.num { (yuan(a.amount_fen)) }
                    td { (urgency_name(lang, a.urgency)) }
                    td { @if let Some(stop) = a.stopped { (stop_name(lang, stop)) } }
                }
            }
            tr { td {} td { strong { (lang.t("合计", "Total")) } } td {} td.num { strong { (yuan(r.total_fen)) } } td {} td {} }
        }
    }
}

const PRINT_STYLE: &str =
    "body{font-family:'Noto Serif CJK SC','Songti SC',serif;max-width:780px;margin:2em auto;color:#000}
h1{text-align:center;font-size:1.6em;letter-spacing:.2em}.no{text-align:right}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #000;padding:.3em .4em;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}
.receipt td{height:2.2em}.sign{margin-top:3em;text-align:right}@media print{.screen{display:none}}";

/// The stop-payment / freeze notice to one bank, as a page to print (no navigation; the browser's
/// print turns it into paper or PDF).
pub fn notice(lang: Lang, r: &FreezeRow, case: &Case, accounts: &[FreezeTarget]) -> Markup {
    let bank = r.bank.as_deref().unwrap_or("?");
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                title { (lang.t("止付/冻结通知书", "Stop-payment / freeze notice")) " #" (r.id) }
                style { (PreEscaped(PRINT_STYLE)) }
            }
            body {
                p.screen { a href={ "/console/requests/" (r.id) } { "« " (lang.t("返回请求", "back to the request")) } " · " (lang.t("用浏览器打印或另存为 PDF", "print it, or save it as PDF, from the browser")) }
                h1 #notice-title { (lang.t("止付/冻结通知书", "Stop-payment / freeze notice")) }
                p.no { (lang.t("编号", "No.")) " FZ-" (case.id) "-" (r.id) }
                p { strong { (bank) } (lang.t(":", ":")) }
                p {
                    (lang.t("我中心在办理一起", "In a case of ")) strong { (typology_name(lang, &case.typology)) }
                    (lang.t("电信网络诈骗案件(案件编号 ", " telecom fraud (case no. ")) (case.id)
                    (lang.t(")中,经资金追踪,发现下列贵单位账户中留存涉案资金。根据", ") the money was traced to the accounts of your institution below. Under "))
                    (lang.t(crate::freeze::LEGAL_BASIS_ZH, crate::freeze::LEGAL_BASIS_EN))
                    (lang.t(",请对下列账户中的涉案资金立即予以止付或冻结,并回执执行结果。", ", please stop or freeze the money in these accounts at once and return the outcome below."))
                }
                p { (lang.t("资金状态截至", "Money shown as of")) " " (beijing(case.as_of)) (lang.t(";标注“说明”的账户请先核查余额。", "; check the balance of any account with a note first.")) }
                (target_table(lang, r, accounts))
                p.sign {
                    (lang.t("批准人", "Approved by")) ": " (r.approved_by.as_deref().unwrap_or("")) br;
                    (lang.t("签发日期", "Issued")) ": " (beijing(r.updated_at))
                }
                h2 { (lang.t("回执", "Receipt")) }
                table.receipt {
                    tr { th { (lang.t("执行结果", "Outcome")) } td { (lang.t("□ 已执行  □ 部分执行  □ 失败", "□ executed  □ partially executed  □ failed")) } }
                    tr { th { (lang.t("冻结金额(元)", "Frozen (yuan)")) } td {} }
                    tr { th { (lang.t("经办人、日期", "Officer, date")) } td {} }
                }
            }
        }
    }
}

/// A link to an account's page.
fn account_link(id: &str) -> Markup {
    html! { a.account href={ (crate::routes::ACCOUNT_PAGES) (crate::routes::url_encode(id)) } { (id) } }
}

fn account_hits(lang: Lang, hits: &[AccountHit]) -> Markup {
    html! {
        table.accounts {
            tr { th { (lang.t("账户", "Account")) } th { (lang.t("银行", "Bank")) } th { (lang.t("持卡人(脱敏)", "Holder (masked)")) } }
            @for h in hits { tr { td { (account_link(&h.id)) } td { (h.bank.as_deref().unwrap_or("")) } td { (h.holder.as_deref().unwrap_or("")) } } }
        }
    }
}

fn transfer_rows(lang: Lang, rows: &[TransferRow], own: Option<&str>) -> Markup {
    let party = |p: &Option<String>| html! { @if let Some(p) = p { @if Some(p.as_str()) == own { (p) } @else { (account_link(p)) } } @else { (lang.t("现金", "cash")) } };
    html! {
        table #transfers {
            tr { th { (lang.t("时间", "Time")) } th { (lang.t("交易号", "Transaction")) } th { (lang.t("付款方", "Payer")) } th { (lang.t("收款方", "Payee")) }
                 th.num { (lang.t("金额(元)", "Amount (yuan)")) } th { (lang.t("渠道", "Channel")) } }
            @for t in rows {
                tr { td { (beijing(t.ts)) } td { (t.txn) } td { (party(&t.from)) } td { (party(&t.to)) } td.num { (yuan(t.amount_fen)) } td { (t.channel.unwrap_or("")) } }
            }
        }
    }
}

fn entry_rows(lang: Lang, entries: &[Entry]) -> Markup {
    html! {
        table.listed {
            tr { th { (lang.t("名单", "List")) } th { (lang.t("类型", "Kind")) } th { (lang.t("值", "Value")) } th { (lang.t("理由", "Reason")) }
                 th { (lang.t("来源", "Source")) } th { (lang.t("生效", "From")) } th { (lang.t("截止", "Until")) } }
            @for e in entries {
                tr { td { (list_name(lang, e.list)) } td { (kind_name(lang, e.kind)) } td { (e.value) } td { (e.reason) } td { (e.source) }
                     td { (beijing(e.valid_from)) } td { @if let Some(to) = e.valid_to { (beijing(to)) } } }
            }
        }
    }
}

fn report_rows(lang: Lang, reports: &[PublicReport]) -> Markup {
    html! {
        ul.reports { @for r in reports { li { (beijing(r.at)) " · " (kind_name(lang, r.kind)) " " (r.value) ": " (r.text) } } }
    }
}

fn case_links(lang: Lang, cases: &[Case]) -> Markup {
    html! {
        ul.cases { @for c in cases { li { a href={ "/console/cases/" (c.id) } { "#" (c.id) " " (c.title) } " · " (typology_name(lang, &c.typology)) " · " (beijing(c.created_at)) } } }
    }
}

/// The search page: the box, and what it found.
pub fn search(lang: Lang, user: &User, csrf: &str, q: &str, found: &Found) -> Markup {
    let nothing = found.accounts.is_empty()
        && found.transfers.is_empty()
        && found.cases.is_empty()
        && found.listed.is_empty()
        && found.reports.is_empty();
    layout(
        lang,
        lang.t("查询", "Search"),
        Some(user),
        csrf,
        html! {
            form #search-form method="get" action="/console/search" {
                input #q name="q" value=(q) maxlength="64" placeholder=(lang.t("账户、交易号、身份证号、手机号、网址或案件", "account, transaction, identity number, phone, URL or case"));
                " " button type="submit" { (lang.t("查询", "Search")) }
            }
            @if !q.is_empty() && nothing { p.flash { (lang.t("没有找到。", "Nothing found.")) } }
            @if !found.accounts.is_empty() { h2 { (lang.t("账户", "Accounts")) } (account_hits(lang, &found.accounts)) }
            @if !found.transfers.is_empty() { h2 { (lang.t("交易", "Transfers")) } (transfer_rows(lang, &found.transfers, None)) }
            @if !found.cases.is_empty() { h2 { (lang.t("案件", "Cases")) } (case_links(lang, &found.cases)) }
            @if !found.listed.is_empty() { h2 { (lang.t("名单", "Lists")) } (entry_rows(lang, &found.listed)) }
            @if !found.reports.is_empty() { h2 { (lang.t("群众举报", "Public reports")) } (report_rows(lang, &found.reports)) }
        },
    )
}

/// One account whole.
pub fn account(lang: Lang, user: &User, csrf: &str, a: &AccountView) -> Markup {
    layout(
        lang,
        &format!("{} {}", lang.t("账户", "Account"), a.risk.account),
        Some(user),
        csrf,
        html! {
            @let r = &a.risk;
            table #account-facts {
                tr { th { (lang.t("银行", "Bank")) } td { (r.bank.as_deref().unwrap_or("?")) @if r.external { " (" (lang.t("外部账户,仅作为交易对手出现", "external: seen only as a counterparty")) ")" } } }
                tr { th { (lang.t("持卡人(脱敏)", "Holder (masked)")) } td { (r.holder.as_ref().map_or("", |h| h.masked.as_str())) } }
                tr { th { (lang.t("开户", "Opened")) } td {
                    @if let Some(t) = r.opened_at { (beijing(t)) }
                    @if let Some(g) = r.open_region { " · " (crate::dashboard::province_name(lang, g)) " (" (g) ")" }
                    @if let Some(k) = r.class { " · " (lang.t("类别", "class")) " " (k) }
                } }
                @if let Some((accounts, banks)) = r.holder.as_ref().and_then(|h| h.accounts.zip(h.banks)) {
                    tr { th { (lang.t("同一持卡人", "Same holder")) } td { (accounts) " " (lang.t("个账户,", "accounts at ")) (banks) " " (lang.t("家银行", "banks")) } }
                }
            }
            h2 { (lang.t("风险", "Risk")) }
            div #risk {
                @if r.confirmed_mule {
                    p #confirmed-mule { strong { (lang.t("反诈案件已核实为涉诈账户:向其付款的转账会被拦截", "Confirmed as a mule account by the centre's cases: payments into it are blocked")) } }
                }
                @if let Some(live) = &r.live {
                    p { (lang.t("模型实时评分", "Mule model, live score")) ": " strong #live-score { (format!("{:.2}", live.score)) }
                        " (" (lang.t("0.5 及以上为可疑", "0.5 and above is flagged")) ")" }
                    @if !live.reasons.is_empty() { ul { @for r in &live.reasons { li { (lang.t(&r.message_zh, &r.message_en)) } } } }
                }
                @if let Some(d) = &r.detection {
                    p { strong { (lang.t("最近一次批量检测标记为涉诈账户", "Flagged as a mule by the latest batch detection")) } " (" (format!("{:.2}", d.score)) ")"
                        @if let Some(first) = d.reasons.first() { ": " (lang.t(&first.message_zh, &first.message_en)) } }
                }
                @if r.live.is_none() && r.detection.is_none() { p { (lang.t("未评分(外部账户)。", "Not scored (external account).")) } }
            }
            @if !r.listed.is_empty() { h2 { (lang.t("名单", "Lists")) } (entry_rows(lang, &r.listed)) }
            @if !a.siblings.is_empty() { h2 { (lang.t("同一持卡人的其他账户", "The holder's other accounts")) } (account_hits(lang, &a.siblings)) }
            @if !a.cases.is_empty() { h2 { (lang.t("涉及案件", "Cases")) } (case_links(lang, &a.cases)) }
            @if !a.alerts.is_empty() {
                h2 { (lang.t("预警", "Alerts")) }
                ul #account-alerts {
                    @for al in &a.alerts {
                        @let reasons: Vec<(String, String)> = serde_json::from_str(&al.reasons).unwrap_or_default();
                        li { "#" (al.id) " · " (format!("{:.3}", al.score)) " · " (alert_status(lang, &al.status)) " · " (beijing(al.created_at))
                             ul { @for (zh, en) in &reasons { li { (lang.t(zh, en)) } } } }
                    }
                }
            }
            @if !r.reports.is_empty() { h2 { (lang.t("群众举报", "Public reports")) } (report_rows(lang, &r.reports)) }
            h2 { (lang.t("最近交易", "Latest transfers")) }
            (transfer_rows(lang, &a.transfers, Some(&r.account)))
        },
    )
}

/// The public's reports, each value linked to a search for it.
pub fn public_reports(lang: Lang, user: &User, csrf: &str, reports: &[PublicReport], nav: Markup) -> Markup {
    layout(
        lang,
        lang.t("群众举报", "Public reports"),
        Some(user),
        csrf,
        html! {
            table #public-reports {
                tr { th { (lang.t("时间", "Time")) } th { (lang.t("类型", "Kind")) } th { (lang.t("对象", "Value")) } th { (lang.t("举报内容", "What was reported")) } }
                @for r in reports {
                    tr { td { (beijing(r.at)) } td { (kind_name(lang, r.kind)) }
                         td { a href={ "/console/search?q=" (crate::routes::url_encode(&r.value)) } { (r.value) } } td { (r.text) } }
                }
            }
            (nav)
        },
    )
}

/// What an alert is about, in `lang`.
pub fn alert_kind(lang: Lang, kind: &str) -> &'static str {
    match kind {
        "mule" => lang.t("涉诈账户", "mule account"),
        "transfer" => lang.t("拦截/延迟的转账", "held transfer"),
        "report" => lang.t("群众举报", "public report"),
        _ => lang.t("一人多卡", "card farmer"),
    }
}

/// An alert's status in `lang`.
pub fn alert_status(lang: Lang, s: &str) -> &'static str {
    match s {
        "open" => lang.t("待处理", "open"),
        "assigned" => lang.t("已认领", "taken"),
        "dismissed" => lang.t("已排除", "dismissed"),
        "case" => lang.t("已立案", "case opened"),
        _ => lang.t("未知", "unknown"),
    }
}

/// A message in the frame (not found, not yet possible).
pub fn message(lang: Lang, title: &str, user: &User, csrf: &str, text: &str) -> Markup {
    layout(lang, title, Some(user), csrf, html! { p.flash.err { (text) } })
}

/// The audit filter as a query string, e.g. `actor=wang&`.
pub fn audit_query(filter: &AuditFilter) -> String {
    let given = |x: &Option<String>| x.clone().unwrap_or_default();
    crate::routes::query_string(&[
        ("actor", &given(&filter.actor)),
        ("action", &given(&filter.action)),
        ("object", &given(&filter.object)),
    ])
}

/// The audit log.
pub fn audit(lang: Lang, user: &User, csrf: &str, rows: &[AuditRow], filter: &AuditFilter, nav: Markup) -> Markup {
    layout(
        lang,
        lang.t("审计日志", "Audit log"),
        Some(user),
        csrf,
        html! {
            form #audit-filter method="get" action="/console/audit" {
                input name="actor" placeholder=(lang.t("用户", "user")) value=(filter.actor.as_deref().unwrap_or("")) size="12" style="min-width:8em";
                input name="action" placeholder=(lang.t("操作(前缀)", "action (prefix)")) value=(filter.action.as_deref().unwrap_or("")) size="12" style="min-width:8em";
                input name="object" placeholder=(lang.t("对象", "object")) value=(filter.object.as_deref().unwrap_or("")) size="12" style="min-width:8em";
                " " button type="submit" { (lang.t("筛选", "Filter")) }
                " " a #export-audit href={ "/console/audit.csv?" (audit_query(filter)) } { (lang.t("导出 CSV", "Export CSV")) }
            }
            table #audit {
                tr { th { (lang.t("时间", "Time")) } th { (lang.t("用户", "User")) } th { (lang.t("操作", "Action")) } th { (lang.t("对象", "Object")) } th { (lang.t("详情", "Detail")) } }
                @for r in rows { tr { td { (beijing(r.at)) } td { (r.user) } td { (action_name(lang, &r.action)) " " code { (r.action) } } td { (r.object) } td { (r.detail) } } }
            }
            (nav)
        },
    )
}

/// The alert queue: filters and order (`q`), detection refresh, a bulk form the rows' boxes belong
/// to, and per-row actions.
#[allow(clippy::too_many_arguments)]
pub fn alerts(
    lang: Lang,
    user: &User,
    csrf: &str,
    rows: &[Alert],
    q: &AlertsQuery,
    banks: &[String],
    flash: Option<&str>,
    nav: Markup,
) -> Markup {
    let can_act = matches!(user.role, Role::Analyst | Role::Supervisor);
    let kind_name = |k: &str| alert_kind(lang, k);
    layout(
        lang,
        lang.t("预警", "Alerts"),
        Some(user),
        csrf,
        html! {
            @if let Some(f) = flash { p.flash #flash { (f) } }
            @if can_act {
                form method="post" action="/console/alerts/refresh" {
                    input type="hidden" name="csrf" value=(csrf);
                    button #refresh type="submit" { (lang.t("运行检测,更新预警", "Run detection and refresh alerts")) }
                }
            }
            form #alert-filter method="get" action="/console/alerts" {
                select name="kind" {
                    option value="" { (lang.t("所有类型", "every kind")) }
                    @for k in ALERT_KINDS { option value=(k) selected[q.kind == k] { (kind_name(k)) } }
                }
                " "
                select name="status" {
                    @for (value, zh, en) in [("open", "待处理及已认领", "open or taken"), ("mine", "我认领的", "taken by me"), ("dismissed", "已排除", "dismissed"), ("case", "已立案", "case opened"), ("all", "全部", "all")] {
                        option value=(value) selected[q.status == value || (q.status.is_empty() && value == "open")] { (lang.t(zh, en)) }
                    }
                }
                " "
                " "
                select name="typology" {
                    option value="" { (lang.t("所有诈骗类型", "every typology")) }
                    @for t in fanzha_model::TYPOLOGIES.iter().filter(|t| t.id != "none") {
                        option value=(t.id) selected[q.typology == t.id] { (lang.t(t.name_zh, t.name_en)) }
                    }
                }
                " "
                input name="bank" list="alert-banks" value=(q.bank) placeholder=(lang.t("银行代码", "bank code")) size="8" style="min-width:6em";
                datalist #alert-banks { @for b in banks { option value=(b) {} } }
                " "
                select name="province" {
                    option value="" { (lang.t("所有省份", "every province")) }
                    @for (code, zh, en) in crate::dashboard::PROVINCES {
                        option value=(code) selected[q.province == code.to_string()] { (lang.t(zh, en)) }
                    }
                }
                " "
                select name="min_score" {
                    @for (value, zh, en) in [("", "任意评分", "any score"), ("0.5", "评分 ≥ 0.5", "score ≥ 0.5"), ("0.7", "评分 ≥ 0.7", "score ≥ 0.7"), ("0.9", "评分 ≥ 0.9", "score ≥ 0.9")] {
                        option value=(value) selected[q.min_score == value] { (lang.t(zh, en)) }
                    }
                }
                " "
                select name="sort" {
                    option value="score" { (lang.t("按评分", "highest score first")) }
                    option value="newest" selected[q.sort == "newest"] { (lang.t("按时间", "newest first")) }
                }
                " " button type="submit" { (lang.t("筛选", "Filter")) }
                " " a #export-alerts href={ "/console/alerts.csv?" (q.query_string()) } { (lang.t("导出 CSV", "Export CSV")) }
            }
            @if can_act {
                form #bulk method="post" action="/console/alerts/bulk" {
                    input type="hidden" name="csrf" value=(csrf);
                    (lang.t("勾选的预警:", "Ticked alerts: "))
                    select name="action" { option value="assign" { (lang.t("认领", "take")) } option value="dismiss" { (lang.t("排除", "dismiss")) } }
                    " " input name="reason" placeholder=(lang.t("排除理由", "reason to dismiss")) maxlength="500" style="min-width:12em";
                    " " button type="submit" { (lang.t("执行", "Apply")) }
                }
            }
            table #alerts {
                tr { th {} th { "#" } th { (lang.t("类型", "Kind")) } th { (lang.t("对象", "Subject")) } th { (lang.t("诈骗类型 · 银行 · 省份", "Typology · bank · province")) } th.num { (lang.t("评分", "Score")) }
                     th { (lang.t("原因", "Reasons")) } th { (lang.t("状态", "Status")) } th { (lang.t("时间", "Raised")) } th { (lang.t("操作", "Action")) } }
                @for a in rows {
                    @let reasons: Vec<(String, String)> = serde_json::from_str(&a.reasons).unwrap_or_default();
                    tr.alert data-kind=(a.kind) {
                        td { @if can_act && matches!(a.status.as_str(), "open" | "assigned") { input type="checkbox" name="id" value=(a.id) form="bulk"; } }
                        td { (a.id) }
                        td { (kind_name(&a.kind)) }
                        td {
                            @match a.kind.as_str() {
                                "mule" => (account_link(&a.subject)),
                                "report" => a href={ "/console/search?q=" (crate::routes::url_encode(&a.subject)) } { (a.subject) },
                                _ => (a.subject),
                            }
                        }
                        td.where {
                            @let place = a.province.map(|p| crate::dashboard::province_name(lang, p as u32 * 10_000));
                            @let parts: Vec<String> = [a.typology.as_deref().map(|t| typology_name(lang, t)), a.bank.clone(), place].into_iter().flatten().collect();
                            @if parts.is_empty() { "—" } @else { (parts.join(" · ")) }
                        }
                        td.num { (format!("{:.3}", a.score)) }
                        td { ul { @for (zh, en) in &reasons { li { (lang.t(zh, en)) } } } }
                        td { (alert_status(lang, &a.status)) @if let Some(who) = &a.assignee { " · " (who) } @if let Some(n) = &a.note { " · " @if let Some(case) = n.strip_prefix("case:") { a href={ "/console/cases/" (case) } { (lang.t("案件", "case")) " #" (case) } } @else { (n) } } }
                        td { (beijing(a.created_at)) }
                        td {
                            @if can_act && matches!(a.status.as_str(), "open" | "assigned") {
                                @if a.status == "open" {
                                    form.inline method="post" action={ "/console/alerts/" (a.id) "/assign" } {
                                        input type="hidden" name="csrf" value=(csrf);
                                        button.assign type="submit" { (lang.t("认领", "Take")) }
                                    }
                                }
                                form.inline method="post" action={ "/console/alerts/" (a.id) "/dismiss" } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    input name="reason" placeholder=(lang.t("排除理由", "reason to dismiss")) size="14" style="min-width:8em";
                                    button.dismiss type="submit" { (lang.t("排除", "Dismiss")) }
                                }
                                form.inline method="post" action={ "/console/alerts/" (a.id) "/case" } {
                                    input type="hidden" name="csrf" value=(csrf);
                                    button.open-case type="submit" { (lang.t("立案", "Open a case")) }
                                }
                            }
                        }
                    }
                }
            }
            (nav)
        },
    )
}

/// A refusal.
pub fn forbidden(lang: Lang, user: &User, csrf: &str, why: &str) -> Markup {
    layout(lang, lang.t("无权访问", "Not allowed"), Some(user), csrf, html! { p.flash.err { (why) } })
}
