//! The stream's names: where records and dead letters are published.

use fanzha_ingest::RecordKind;

/// The stream of accounts and transfers.
pub const STREAM: &str = "FANZHA";
/// The stream of records a follower could not apply, with the reason.
pub const DEAD_STREAM: &str = "FANZHA_DEAD";
/// The subject of changes to the block and watch lists (`fanzha_check::lists::ListChange`), which
/// every node applies to its own lists.
pub const LISTS_SUBJECT: &str = "fanzha.lists";

/// A bank code as one subject token: characters other than ASCII letters, digits, `-` and `_`
/// become `_`; an empty code is `unknown`.
fn token(bank: &str) -> String {
    let t: String =
        bank.trim().chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if t.is_empty() {
        "unknown".into()
    } else {
        t
    }
}

/// `fanzha.accounts.<bank>` or `fanzha.transfers.<bank>`.
pub fn record_subject(kind: RecordKind, bank: &str) -> String {
    format!("fanzha.{}.{}", kind.as_str(), token(bank))
}

/// Where a record that arrived on `subject` goes when it cannot be applied: `fanzha.dead.` and
/// the subject's tail.
pub fn dead_subject(subject: &str) -> String {
    let tail = subject.strip_prefix("fanzha.").unwrap_or(subject);
    let tail: String = tail.chars().map(|c| if c == '*' || c == '>' || c == ' ' { '_' } else { c }).collect();
    format!("fanzha.dead.{tail}")
}

/// The kind of record a subject carries.
pub(crate) fn kind_of(subject: &str) -> Option<RecordKind> {
    let mut parts = subject.split('.');
    match (parts.next(), parts.next()) {
        (Some("fanzha"), Some("accounts")) => Some(RecordKind::Account),
        (Some("fanzha"), Some("transfers")) => Some(RecordKind::Transfer),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_name_the_kind_and_a_safe_bank_token() {
        assert_eq!(record_subject(RecordKind::Transfer, "ICBC"), "fanzha.transfers.ICBC");
        assert_eq!(record_subject(RecordKind::Account, "a.b *>"), "fanzha.accounts.a_b___");
        assert_eq!(record_subject(RecordKind::Account, " "), "fanzha.accounts.unknown");
        assert_eq!(kind_of("fanzha.transfers.ICBC"), Some(RecordKind::Transfer));
        assert_eq!(kind_of("fanzha.accounts.x"), Some(RecordKind::Account));
        assert_eq!(kind_of("fanzha.labels.x"), None);
        assert_eq!(dead_subject("fanzha.transfers.ICBC"), "fanzha.dead.transfers.ICBC");
        assert_eq!(kind_of(LISTS_SUBJECT), None, "list changes are not records");
        assert_eq!(dead_subject(LISTS_SUBJECT), "fanzha.dead.lists");
    }
}
