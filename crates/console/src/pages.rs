//! The pages, server-rendered with maud (every interpolated value is HTML-escaped; the only raw
//! markup is the trace SVG, which fanzha draws itself).

use crate::audit::{AuditFilter, AuditRow};
use crate::db::{Alert, Case, FreezeRow, Page, Role, User, STATUSES};
use crate::i18n::{beijing, typology_name, yuan, Lang};
use maud::{html, Markup, PreEscaped, DOCTYPE};

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:0;color:#222}
header{background:#8b1a1a;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center}
header a,header button{color:#fff;text-decoration:none;background:none;border:0;font:inherit;cursor:pointer}
main{padding:1em 1.5em;max-width:1200px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums}.status{font-weight:bold}
.flash{background:#fff3cd;padding:.5em 1em;margin:.5em 0}.err{background:#f8d7da}
form.inline{display:inline}label{display:block;margin:.5em 0 .2em}input,select,textarea{font:inherit;padding:.3em;min-width:24em}
.graph{overflow:auto;border:1px solid #ddd;margin:1em 0}.spacer{flex:1}";

/// The frame of every signed-in page.
pub fn layout(lang: Lang, title: &str, user: Option<&User>, csrf: &str, body: Markup) -> Markup {
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
                        }
                        a href="/console/requests" { (lang.t("冻结请求", "Freeze requests")) }
                        @if u.role != Role::Liaison {
                            a href="/public" { (lang.t("文本检测", "Text check")) }
                        }
                        @if matches!(u.role, Role::Supervisor | Role::Auditor) {
                            a href="/console/audit" { (lang.t("审计日志", "Audit log")) }
                        }
                        span.spacer {}
                        a href={ "/console/lang?to=" (lang.t("en", "zh")) } { (lang.t("English", "中文")) }
                        span { (u.name) " (" (role_name(lang, u.role)) ")" }
                        form.inline method="post" action="/console/logout" {
                            input type="hidden" name="csrf" value=(csrf);
                            button type="submit" { (lang.t("退出", "Log out")) }
                        }
                    }
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

/// The login page.
pub fn login(lang: Lang, error: Option<&str>) -> Markup {
    layout(
        lang,
        lang.t("登录", "Log in"),
        None,
        "",
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

/// The case list.
pub fn cases(lang: Lang, user: &User, csrf: &str, cases: &[Case], nav: Markup) -> Markup {
    layout(
        lang,
        lang.t("案件", "Cases"),
        Some(user),
        csrf,
        html! {
            @if user.role != Role::Auditor {
                p { a href="/console/cases/new" { (lang.t("+ 根据受害人报案新建案件", "+ New case from a victim report")) } }
            }
            table {
                tr { th { "#" } th { (lang.t("标题", "Title")) } th { (lang.t("类型", "Typology")) }
                     th { (lang.t("受害人账户", "Victim account")) } th.num { (lang.t("涉案金额(元)", "Traced (yuan)")) }
                     th.num { (lang.t("可冻结(元)", "Freezable (yuan)")) } th { (lang.t("创建", "Opened")) } }
                @for c in cases {
                    tr {
                        td { (c.id) }
                        td { a href={ "/console/cases/" (c.id) } { (c.title) } }
                        td { (typology_name(lang, &c.typology)) }
                        td { (c.victim) }
                        td.num { (yuan(c.traced_fen)) }
                        td.num { (yuan(c.held_fen)) }
                        td { (beijing(c.created_at)) " · " (c.created_by) }
                    }
                }
            }
            (nav)
        },
    )
}

/// The new-case form.
pub fn new_case(lang: Lang, user: &User, csrf: &str, error: Option<&str>) -> Markup {
    new_case_with(lang, user, csrf, error, "")
}

/// The new-case form with the title filled in.
pub fn new_case_with(lang: Lang, user: &User, csrf: &str, error: Option<&str>, title: &str) -> Markup {
    layout(
        lang,
        lang.t("新建案件", "New case"),
        Some(user),
        csrf,
        html! {
            @if let Some(e) = error { p.flash.err { (e) } }
            form #case-form method="post" action="/console/cases" {
                input type="hidden" name="csrf" value=(csrf);
                label for="title" { (lang.t("标题", "Title")) }
                input #title name="title" required maxlength="200" value=(title);
                label for="victim" { (lang.t("受害人账户", "Victim account")) }
                input #victim name="victim" required maxlength="64";
                label for="txns" { (lang.t("被骗转账的交易号(逗号分隔)", "Reported transaction ids (comma-separated)")) }
                input #txns name="txns" required maxlength="2000";
                label for="reported_at" { (lang.t("报案时间(北京时间,如 2024-03-01 12:00;留空为最新数据)", "Reported at (Beijing time, e.g. 2024-03-01 12:00; empty: the latest data)")) }
                input #reported_at name="reported_at" maxlength="25" placeholder="2024-03-01 12:00";
                label for="typology" { (lang.t("诈骗类型", "Typology")) }
                select #typology name="typology" {
                    @for t in fanzha_model::TYPOLOGIES { option value=(t.id) { (typology_name(lang, t.id)) " (" (t.id) ")" } }
                }
                label for="narrative" { (lang.t("案情", "Narrative")) }
                textarea #narrative name="narrative" rows="4" maxlength="4000" {}
                p { button type="submit" { (lang.t("立案并追踪资金", "Open the case and trace the money")) } }
            }
        },
    )
}

/// One case: the trace graph, the freeze list by bank, and its requests.
pub fn case(
    lang: Lang,
    user: &User,
    csrf: &str,
    c: &Case,
    freeze: &[serde_json::Value],
    requests: &[FreezeRow],
    timeline: &[AuditRow],
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
            p { (lang.t("资金状态截至", "Money shown as of")) " " (beijing(c.as_of)) }
            p { (c.narrative) }
            p { (lang.t("追踪金额", "Traced")) " " strong { (yuan(c.traced_fen)) } " " (lang.t("元,其中仍在账户中(可冻结)", "yuan, of which still in accounts (freezable)")) " " strong.held { (yuan(c.held_fen)) } " " (lang.t("元", "yuan")) }
            h2 { (lang.t("资金流向图", "Where the money went")) }
            div.graph #trace-graph { (PreEscaped(&c.svg)) }
            h2 { (lang.t("按银行分组的冻结名单", "Freeze list by bank")) }
            table #freeze-list {
                tr { th { (lang.t("银行", "Bank")) } th { (lang.t("账户", "Account")) } th { (lang.t("持卡人", "Holder")) } th.num { (lang.t("金额(元)", "Amount (yuan)")) } th { (lang.t("紧急程度", "Urgency")) } }
                @for bank in freeze {
                    @for a in bank["accounts"].as_array().into_iter().flatten() {
                        tr {
                            td { (bank["bank"].as_str().unwrap_or("?")) }
                            td { (a["account"].as_str().unwrap_or("")) }
                            td { (a["holder"].as_str().unwrap_or("")) }
                            td.num { (yuan(a["amount_fen"].as_i64().unwrap_or(0))) }
                            td { (a["urgency"].as_str().unwrap_or("")) }
                        }
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
                @for t in timeline { li { (beijing(t.at)) " · " (t.user) " · " (t.action) " · " (t.object) " " (t.detail) } }
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
                    td { (r.id) }
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
                        @if r.status == "sent" && matches!(user.role, Role::Liaison | Role::Supervisor) {
                            form.inline method="post" action={ "/console/requests/" (r.id) "/outcome" } {
                                input type="hidden" name="csrf" value=(csrf);
                                select name="status" { @for s in &STATUSES[2..] { option value=(s) { (status_name(lang, s)) } } }
                                input name="saved_yuan" placeholder=(lang.t("挽回金额(元)", "saved (yuan)")) size="10" style="min-width:6em";
                                button type="submit" { (lang.t("登记结果", "Record outcome")) }
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
            }
            table #audit {
                tr { th { (lang.t("时间", "Time")) } th { (lang.t("用户", "User")) } th { (lang.t("操作", "Action")) } th { (lang.t("对象", "Object")) } th { (lang.t("详情", "Detail")) } }
                @for r in rows { tr { td { (beijing(r.at)) } td { (r.user) } td { (r.action) } td { (r.object) } td { (r.detail) } } }
            }
            (nav)
        },
    )
}

/// The alert queue.
pub fn alerts(lang: Lang, user: &User, csrf: &str, rows: &[Alert], flash: Option<&str>, nav: Markup) -> Markup {
    let can_act = matches!(user.role, Role::Analyst | Role::Supervisor);
    layout(
        lang,
        lang.t("预警", "Alerts"),
        Some(user),
        csrf,
        html! {
            @if let Some(f) = flash { p.flash { (f) } }
            @if can_act {
                form method="post" action="/console/alerts/refresh" {
                    input type="hidden" name="csrf" value=(csrf);
                    button #refresh type="submit" { (lang.t("运行检测,更新预警", "Run detection and refresh alerts")) }
                }
            }
            table #alerts {
                tr { th { "#" } th { (lang.t("类型", "Kind")) } th { (lang.t("对象", "Subject")) } th.num { (lang.t("评分", "Score")) }
                     th { (lang.t("原因", "Reasons")) } th { (lang.t("状态", "Status")) } th { (lang.t("操作", "Action")) } }
                @for a in rows {
                    @let reasons: Vec<(String, String)> = serde_json::from_str(&a.reasons).unwrap_or_default();
                    tr.alert data-kind=(a.kind) {
                        td { (a.id) }
                        td { (match a.kind.as_str() {
                            "mule" => lang.t("涉诈账户", "mule account"),
                            "transfer" => lang.t("拦截/延迟的转账", "held transfer"),
                            _ => lang.t("一人多卡", "card farmer"),
                        }) }
                        td { (a.subject) }
                        td.num { (format!("{:.2}", a.score)) }
                        td { ul { @for (zh, en) in &reasons { li { (lang.t(zh, en)) } } } }
                        td { (a.status) @if let Some(who) = &a.assignee { " · " (who) } @if let Some(n) = &a.note { " · " (n) } }
                        td {
                            @if can_act {
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
