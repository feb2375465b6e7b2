//! Chinese first, English on request: the `lang` cookie picks the language of every page.

/// The page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文 (default).
    Zh,
    /// English.
    En,
}

impl Lang {
    /// From the `Cookie` header (`lang=en`).
    pub fn from_cookies(header: &str) -> Lang {
        match crate::auth::cookie(header, "lang") {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// Picks the text in this language.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// Fen as yuan with two decimals and thousands separators, e.g. `12,345.60`.
pub fn yuan(fen: i64) -> String {
    fanzha_model::Fen(fen).grouped()
}

/// A typology's name in `lang` (the model's catalogue; `none` on a case means "other"); an
/// unknown id as it is.
pub fn typology_name(lang: Lang, id: &str) -> String {
    match fanzha_model::Typology::by_id(id) {
        Some(t) if t.id == "none" => lang.t("其他", "other").to_string(),
        Some(t) => lang.t(t.name_zh, t.name_en).to_string(),
        None => id.to_string(),
    }
}

/// A list's name in `lang`.
pub fn list_name(lang: Lang, list: fanzha_check::lists::ListName) -> &'static str {
    match list {
        fanzha_check::lists::ListName::Block => lang.t("拦截", "block"),
        fanzha_check::lists::ListName::Watch => lang.t("关注", "watch"),
    }
}

/// What a list entry names, in `lang`.
pub fn kind_name(lang: Lang, kind: fanzha_check::lists::EntryKind) -> &'static str {
    use fanzha_check::lists::EntryKind;
    match kind {
        EntryKind::Account => lang.t("账户", "account"),
        EntryKind::Holder => lang.t("持有人", "holder"),
        EntryKind::Phone => lang.t("电话", "phone"),
        EntryKind::Url => lang.t("网址", "URL"),
    }
}

/// What an audit action code means, in `lang` (the code itself when unknown).
pub fn action_name(lang: Lang, code: &str) -> String {
    const NAMES: &[(&str, &str, &str)] = &[
        ("login", "登录", "logged in"),
        ("login.failed", "登录失败", "login failed"),
        ("login.locked", "登录被锁定", "login locked out"),
        ("logout", "退出", "logged out"),
        ("denied", "越权被拒", "refused"),
        ("case.create", "立案", "opened the case"),
        ("case.view", "查看案件", "viewed the case"),
        ("case.take", "承办案件", "took the case"),
        ("case.assign", "指派案件", "assigned the case"),
        ("case.close", "结案", "closed the case"),
        ("case.reopen", "重新办理", "reopened the case"),
        ("cases.export", "导出案件", "exported cases"),
        ("freeze.create", "生成冻结请求", "drafted a freeze request"),
        ("freeze.approve", "批准并发送冻结请求", "approved and sent the request"),
        ("freeze.outcome", "登记冻结结果", "recorded the outcome"),
        ("freeze.correct", "更正冻结结果", "corrected the outcome"),
        ("request.view", "查看冻结请求", "viewed the request"),
        ("request.notice", "打印通知书", "printed the notice"),
        ("request.export", "导出冻结请求", "exported the request"),
        ("requests.view", "查看冻结请求列表", "viewed the requests"),
        ("alert.assign", "认领预警", "took the alert"),
        ("alert.dismiss", "排除预警", "dismissed the alert"),
        ("alert.case", "预警立案", "opened a case from the alert"),
        ("alerts.refresh", "运行检测", "ran detection"),
        ("alerts.view", "查看预警", "viewed alerts"),
        ("account.view", "查看账户", "viewed the account"),
        ("search", "查询", "searched"),
        ("reports.view", "查看群众举报", "viewed public reports"),
        ("lists.view", "查看名单", "viewed the lists"),
        ("lists.add", "加入名单", "added to a list"),
        ("lists.remove", "移出名单", "removed from a list"),
        ("punishment.add", "列入惩戒名单", "added to the punishment list"),
        ("punishment.appeal", "登记申诉", "recorded an appeal"),
        ("audit.view", "查看审计日志", "viewed the audit log"),
        ("audit.export", "导出审计日志", "exported the audit log"),
        ("alerts.export", "导出预警", "exported alerts"),
        ("user.add", "添加用户", "added a user"),
        ("user.disable", "停用用户", "disabled a user"),
        ("user.reset", "重置密码", "reset a password"),
        ("apikey.add", "签发API密钥", "issued an API key"),
        ("apikey.revoke", "吊销API密钥", "revoked an API key"),
        ("api.record", "API记录转账", "API: recorded a transfer"),
        ("api.denied", "API调用被拒", "API: refused"),
    ];
    NAMES.iter().find(|n| n.0 == code).map_or_else(|| code.to_string(), |n| lang.t(n.1, n.2).to_string())
}

/// UTC epoch seconds in Beijing time with the zone, e.g. `2024-03-01 10:00 (UTC+8)`.
pub fn beijing(ts: i64) -> String {
    let t = fanzha_model::Ts(ts).to_rfc3339_shanghai();
    format!("{} {} (UTC+8)", &t[..10], &t[11..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_time() {
        assert_eq!(yuan(1_234_560), "12,345.60");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(beijing(1_709_258_400), "2024-03-01 10:00 (UTC+8)");
    }
}
