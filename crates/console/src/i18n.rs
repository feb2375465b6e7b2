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
