//! Block and watch lists of accounts, holders, phone numbers and URLs, each entry with a reason, a
//! source and a validity span, kept as an append-only JSON Lines file so that every change is history:
//! a lookup "as of" a past time sees the lists as they were then (what a backtest needs).

use fanzha_model::Ts;
use fanzha_storage::{LineLog, OpenMode, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Longest list value (account id, holder digest, phone number, URL), in characters.
pub const MAX_VALUE_CHARS: usize = 256;
/// Longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 1_000;
/// Longest source, in characters.
pub const MAX_SOURCE_CHARS: usize = 200;

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListName {
    /// Stop it.
    Block,
    /// Look closer.
    Watch,
}

/// What an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// An account id.
    Account,
    /// A holder digest (hex, as fanzha shows it).
    Holder,
    /// A phone number.
    Phone,
    /// A URL or domain.
    Url,
}

impl ListName {
    /// Parses `block` or `watch` (the words of the list file and the API).
    pub fn parse(s: &str) -> Option<ListName> {
        match s {
            "block" => Some(ListName::Block),
            "watch" => Some(ListName::Watch),
            _ => None,
        }
    }

    /// The word of the list file and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            ListName::Block => "block",
            ListName::Watch => "watch",
        }
    }
}

impl EntryKind {
    /// Every kind, in the order forms offer them.
    pub const ALL: [EntryKind; 4] = [EntryKind::Account, EntryKind::Holder, EntryKind::Phone, EntryKind::Url];

    /// Parses `account`, `holder`, `phone` or `url` (the words of the list file and the API).
    pub fn parse(s: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The word of the list file and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Account => "account",
            EntryKind::Holder => "holder",
            EntryKind::Phone => "phone",
            EntryKind::Url => "url",
        }
    }
}

/// One list entry. `valid_to` closes it (a removal is a new line that closes the entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Block or watch.
    pub list: ListName,
    /// What `value` is.
    pub kind: EntryKind,
    /// The account id, holder digest, phone number or URL.
    pub value: String,
    /// Why it is listed.
    pub reason: String,
    /// Who listed it (e.g. `analyst:wang`, `detect mules`, `public report`).
    pub source: String,
    /// From when it applies (UTC epoch seconds; RFC 3339 in JSON).
    #[serde(with = "fanzha_model::rfc3339")]
    pub valid_from: i64,
    /// Until when it applies, exclusive (`None`: open).
    #[serde(default, with = "fanzha_model::rfc3339::option")]
    pub valid_to: Option<i64>,
}

impl Entry {
    /// Whether the entry applies at `at`.
    pub fn applies(&self, at: Ts) -> bool {
        self.valid_from <= at.0 && self.valid_to.is_none_or(|to| at.0 < to)
    }
}

/// A change to the lists, as it travels between the nodes that follow one stream (the
/// `fanzha.lists` messages, docs/scale.md) and as each node applies it ([`Lists::change`]): applied
/// twice, it changes nothing the second time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum ListChange {
    /// Add an entry.
    Add {
        /// The entry.
        entry: Entry,
    },
    /// Close the open entries of `list` for (`kind`, `value`) at `at`.
    Remove {
        /// Block or watch.
        list: ListName,
        /// What `value` is.
        kind: EntryKind,
        /// The value.
        value: String,
        /// From when they no longer apply (RFC 3339 in JSON).
        #[serde(with = "fanzha_model::rfc3339")]
        at: i64,
        /// Who closed them.
        source: String,
    },
}

impl ListChange {
    /// Checks the change as [`Lists::change`] will (before it is sent to other nodes).
    pub fn validate(&self) -> Result<(), ListError> {
        match self {
            ListChange::Add { entry } => Lists::validate(entry),
            ListChange::Remove { value, source, at, .. } => {
                within("value", value, MAX_VALUE_CHARS)?;
                within("source", source, MAX_SOURCE_CHARS)?;
                in_time_range("at", *at)
            }
        }
    }
}

/// Errors of the list and report files.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    /// The file could not be read or written, or is damaged (it names the file and line).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An entry is not valid.
    #[error("{0}")]
    Invalid(String),
}

/// The latest time a list file holds: 9999-12-31T23:59:59Z (later ones have no RFC 3339 form).
const LATEST_TIME: i64 = 253_402_300_799;

/// Checks that `secs` lies between 1970 and the end of year 9999; the error names `field`.
fn in_time_range(field: &str, secs: i64) -> Result<(), ListError> {
    if (0..=LATEST_TIME).contains(&secs) {
        Ok(())
    } else {
        Err(ListError::Invalid(format!("{field}: must lie between 1970 and the end of year 9999")))
    }
}

/// Checks that `value` has at most `max` characters; the error names `field`.
pub(crate) fn within(field: &str, value: &str, max: usize) -> Result<(), ListError> {
    if value.chars().count() > max {
        return Err(ListError::Invalid(format!("{field}: longer than {max} characters")));
    }
    Ok(())
}

/// The lists: every entry ever written, indexed by (kind, value).
#[derive(Debug, Default)]
pub struct Lists {
    entries: Vec<Entry>,
    by_value: HashMap<(EntryKind, String), Vec<usize>>,
    file: Option<LineLog<Entry>>,
}

impl Lists {
    /// Lists held only in memory (tests, one-off backtests).
    pub fn in_memory() -> Lists {
        Lists::default()
    }

    /// Opens the list file at `path` (see [`LineLog`] for its format and crash safety): for
    /// adding entries with [`OpenMode::Write`] or [`OpenMode::Create`] (a missing file is empty),
    /// or only for reading. A damaged file is an error naming the line.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Lists, ListError> {
        let (log, entries) = LineLog::open(path, mode, None)?;
        let mut lists = Lists::default();
        for e in entries {
            lists.insert(e);
        }
        lists.file = Some(log);
        Ok(lists)
    }

    fn insert(&mut self, e: Entry) {
        self.by_value.entry((e.kind, normalize(e.kind, &e.value))).or_default().push(self.entries.len());
        self.entries.push(e);
    }

    /// Adds an entry (checked by [`Lists::validate`]); with a file, it is durable (written and
    /// synced) before this returns.
    pub fn add(&mut self, e: Entry) -> Result<(), ListError> {
        Lists::validate(&e)?;
        self.append(e)
    }

    /// Checks an entry as [`Lists::add`] will: every field present and bounded, a value that
    /// normalizes to something, a span that is not reversed.
    pub fn validate(e: &Entry) -> Result<(), ListError> {
        if e.value.trim().is_empty() || e.reason.trim().is_empty() || e.source.trim().is_empty() {
            return Err(ListError::Invalid("value, reason and source must not be empty".into()));
        }
        within("value", &e.value, MAX_VALUE_CHARS)?;
        within("reason", &e.reason, MAX_REASON_CHARS)?;
        within("source", &e.source, MAX_SOURCE_CHARS)?;
        // A value that normalizes to nothing (a phone number without digits) would match every
        // other such value.
        if normalize(e.kind, &e.value).is_empty() {
            return Err(ListError::Invalid(format!(
                "value: '{}' is not a {} (nothing is left to compare once normalized)",
                e.value,
                e.kind.as_str()
            )));
        }
        in_time_range("valid_from", e.valid_from)?;
        if let Some(to) = e.valid_to {
            in_time_range("valid_to", to)?;
        }
        // valid_to == valid_from is an empty span: an entry closed the moment it began never applied.
        if e.valid_to.is_some_and(|to| to < e.valid_from) {
            return Err(ListError::Invalid("valid_to must not be before valid_from".into()));
        }
        Ok(())
    }

    /// Applies `change`: an entry added unless the very same line is there already, or a value's
    /// open entries closed. Returns how many lines it wrote.
    pub fn change(&mut self, change: &ListChange) -> Result<usize, ListError> {
        match change {
            ListChange::Add { entry } => {
                change.validate()?;
                // The latest line of the same entry decides: the same line again changes nothing,
                // while an entry closed since is opened again by it.
                let same =
                    |e: &&Entry| e.list == entry.list && e.valid_from == entry.valid_from && e.reason == entry.reason;
                if self.lookup_all(entry.kind, &entry.value).filter(same).last() == Some(entry) {
                    return Ok(0);
                }
                self.append(entry.clone()).map(|()| 1)
            }
            ListChange::Remove { list, kind, value, at, source } => {
                change.validate()?;
                self.remove(*list, *kind, value, Ts(*at), source)
            }
        }
    }

    /// Writes a line (durably, with a file) and indexes it.
    fn append(&mut self, e: Entry) -> Result<(), ListError> {
        if let Some(log) = &mut self.file {
            log.append(&e)?;
        }
        self.insert(e);
        Ok(())
    }

    /// Closes every open entry of `list` for (`kind`, `value`) at `at`, by appending closed copies.
    /// Returns how many were closed. The copies are the entries as they were (written before any
    /// bound existed, some may exceed today's), so they are not checked again.
    pub fn remove(
        &mut self,
        list: ListName,
        kind: EntryKind,
        value: &str,
        at: Ts,
        source: &str,
    ) -> Result<usize, ListError> {
        // An entry is its lines with one start and reason; the latest written decides.
        let mut latest: Vec<&Entry> = Vec::new();
        for e in self.lookup_all(kind, value).filter(|e| e.list == list) {
            match latest.iter_mut().find(|l| l.valid_from == e.valid_from && l.reason == e.reason) {
                Some(l) => *l = e,
                None => latest.push(e),
            }
        }
        let open: Vec<Entry> = latest
            .into_iter()
            .filter(|e| e.applies(at))
            .map(|e| Entry { valid_to: Some(at.0), source: format!("{} (closed by {source})", e.source), ..e.clone() })
            .collect();
        let n = open.len();
        within("source", source, MAX_SOURCE_CHARS)?;
        for e in open {
            self.append(e)?;
        }
        Ok(n)
    }

    /// The lines for (`kind`, `value`); none for a value that normalizes to nothing (entries like
    /// that, written before they were refused, match nothing).
    fn lookup_all(&self, kind: EntryKind, value: &str) -> impl Iterator<Item = &Entry> {
        let key = normalize(kind, value);
        let found = if key.is_empty() { None } else { self.by_value.get(&(kind, key)) };
        found.into_iter().flatten().map(|&i| &self.entries[i])
    }

    /// The entry of `list` that names (`kind`, `value`) at time `at`, as the lists stood then: the
    /// latest line written for that entry decides (so a later closing line ends it from its `valid_to`).
    pub fn lookup(&self, list: ListName, kind: EntryKind, value: &str, at: Ts) -> Option<&Entry> {
        if self.entries.is_empty() {
            return None;
        }
        let mut latest: HashMap<(i64, &str), &Entry> = HashMap::new();
        for e in self.lookup_all(kind, value).filter(|e| e.list == list) {
            latest.insert((e.valid_from, e.reason.as_str()), e);
        }
        latest.into_values().filter(|e| e.applies(at)).min_by_key(|e| e.valid_from)
    }

    /// Every line that names (`kind`, `value`), current or past, in the order written.
    pub fn history(&self, kind: EntryKind, value: &str) -> Vec<&Entry> {
        self.lookup_all(kind, value).collect()
    }

    /// Every line, in the order written.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

impl Lists {
    /// The form values are compared in: phone numbers by digits (without +86); URLs lower-cased without a trailing
    /// `/`; the rest trimmed.
    pub fn normalize(kind: EntryKind, value: &str) -> String {
        normalize(kind, value)
    }
}

fn normalize(kind: EntryKind, value: &str) -> String {
    match kind {
        EntryKind::Phone => {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            // +86 / 0086 before an 11-digit mainland mobile number is the same number.
            let national = digits.strip_prefix("0086").or_else(|| digits.strip_prefix("86"));
            match national {
                Some(n) if n.len() == 11 && n.starts_with('1') => n.to_string(),
                _ => digits,
            }
        }
        EntryKind::Url => value.trim().trim_end_matches('/').to_lowercase(),
        EntryKind::Account | EntryKind::Holder => value.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(value: &str, from: i64, to: Option<i64>) -> Entry {
        Entry {
            list: ListName::Block,
            kind: EntryKind::Phone,
            value: value.into(),
            reason: "reported scam caller".into(),
            source: "analyst:li".into(),
            valid_from: from,
            valid_to: to,
        }
    }

    #[test]
    fn words_match_the_file_format() {
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::parse(k.as_str()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.as_str()));
        }
        for l in [ListName::Block, ListName::Watch] {
            assert_eq!(ListName::parse(l.as_str()), Some(l));
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{}\"", l.as_str()));
        }
        assert_eq!(EntryKind::parse("email"), None);
    }

    #[test]
    fn lookups_are_point_in_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.jsonl");
        let mut l = Lists::open(&path, OpenMode::Create).unwrap();
        l.add(entry("+86 138-0000-0000", 100, None)).unwrap();
        l.remove(ListName::Block, EntryKind::Phone, "8613800000000", Ts(200), "analyst:zhao").unwrap();
        let reopened = Lists::open(&path, OpenMode::Read).unwrap();
        for lists in [&l, &reopened] {
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "8613800000000", Ts(99)).is_none(), "before");
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "86 13800000000", Ts(150)).is_some(), "during");
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "8613800000000", Ts(200)).is_none(), "after");
            assert!(lists.lookup(ListName::Watch, EntryKind::Phone, "8613800000000", Ts(150)).is_none(), "other list");
        }
        assert_eq!(reopened.entries().len(), 2, "history is kept");
    }

    #[test]
    fn changes_applied_twice_change_nothing_the_second_time() {
        let mut l = Lists::in_memory();
        let add = ListChange::Add { entry: entry("13800000000", 100, None) };
        let remove = ListChange::Remove {
            list: ListName::Block,
            kind: EntryKind::Phone,
            value: "138-0000-0000".into(),
            at: 200,
            source: "analyst:zhao".into(),
        };
        // As a node applies them from the stream, and again after a restart before acknowledging.
        assert_eq!((l.change(&add).unwrap(), l.change(&add).unwrap()), (1, 0));
        assert_eq!((l.change(&remove).unwrap(), l.change(&remove).unwrap()), (1, 0));
        assert_eq!(l.entries().len(), 2);
        let ListChange::Remove { list, kind, value, source, .. } = remove.clone() else { unreachable!() };
        let later = ListChange::Remove { list, kind, value, at: 300, source };
        assert_eq!(l.change(&later).unwrap(), 0, "already closed");
        assert!(l.lookup(ListName::Block, EntryKind::Phone, "13800000000", Ts(150)).is_some());
        assert!(l.lookup(ListName::Block, EntryKind::Phone, "13800000000", Ts(250)).is_none());
        // The messages' JSON.
        let json = serde_json::to_value(&remove).unwrap();
        assert_eq!((json["op"].as_str(), json["at"].as_str()), (Some("remove"), Some("1970-01-01T00:03:20Z")));
        assert_eq!(serde_json::from_value::<ListChange>(json).unwrap(), remove);
        let bad = ListChange::Add { entry: entry("", 100, None) };
        assert!(matches!(l.change(&bad), Err(ListError::Invalid(_))), "checked as an add is");
        // Added again after it was closed, the same entry is open again.
        assert_eq!(l.change(&add).unwrap(), 1);
        assert!(l.lookup(ListName::Block, EntryKind::Phone, "13800000000", Ts(250)).is_some());
        let far = ListChange::Add { entry: entry("13800000000", 300_000_000_000, None) };
        assert!(matches!(l.change(&far), Err(ListError::Invalid(m)) if m.starts_with("valid_from")));
    }

    #[test]
    fn bad_lines_are_named_and_a_torn_tail_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.jsonl");
        let good = serde_json::to_string(&entry("1", 0, None)).unwrap();
        std::fs::write(&path, format!("{good}\n{{\"list\":\"block\"")).unwrap();
        assert_eq!(Lists::open(&path, OpenMode::Read).unwrap().entries().len(), 1);
        std::fs::write(&path, format!("oops\n{good}\n")).unwrap();
        let err = Lists::open(&path, OpenMode::Read).unwrap_err().to_string();
        assert!(err.contains("lists.jsonl:1:"), "{err}");
        let mut l = Lists::in_memory();
        assert!(l.add(entry("", 0, None)).is_err());
        assert!(l.add(entry("1", 10, Some(5))).is_err());
    }

    /// Issue 23, finding 6: a phone entry with no digits matched every phone with no digits.
    #[test]
    fn values_that_normalize_to_nothing_are_refused() {
        let mut l = Lists::in_memory();
        for value in ["n/a", "+--", "电话"] {
            let err = l.add(entry(value, 0, None)).unwrap_err().to_string();
            assert!(err.contains("not a phone"), "{value}: {err}");
        }
        assert!(l.lookup(ListName::Block, EntryKind::Phone, "unknown", Ts(1)).is_none());
        let url = Entry { kind: EntryKind::Url, value: "///".into(), ..entry("x", 0, None) };
        assert!(l.add(url).is_err());
    }

    /// Entries without digits written before they were refused match nothing, and still close.
    #[test]
    fn old_entries_that_normalize_to_nothing_match_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.jsonl");
        let old = Entry { source: "s".repeat(MAX_SOURCE_CHARS), ..entry("n/a", 0, None) };
        std::fs::write(&path, format!("{}\n", serde_json::to_string(&old).unwrap())).unwrap();
        let mut l = Lists::open(&path, OpenMode::Write).unwrap();
        for phone in ["", "unknown", "n/a"] {
            assert!(l.lookup(ListName::Block, EntryKind::Phone, phone, Ts(1)).is_none(), "{phone:?}");
        }
        let long = Entry { source: "s".repeat(MAX_SOURCE_CHARS), ..entry("13800000000", 0, None) };
        l.append(long).unwrap();
        assert_eq!(
            l.remove(ListName::Block, EntryKind::Phone, "13800000000", Ts(5), "analyst:zhao").unwrap(),
            1,
            "closes though its source is long"
        );
    }

    /// Issue 23, finding 9: every field is bounded.
    #[test]
    fn long_fields_are_refused() {
        let mut l = Lists::in_memory();
        let long = "1".repeat(100_000);
        assert!(l.add(entry(&long, 0, None)).unwrap_err().to_string().starts_with("value:"));
        let e = Entry { reason: "原因".repeat(MAX_REASON_CHARS), ..entry("13800000000", 0, None) };
        assert!(l.add(e).unwrap_err().to_string().starts_with("reason:"));
        let e = Entry { source: "s".repeat(MAX_SOURCE_CHARS + 1), ..entry("13800000000", 0, None) };
        assert!(l.add(e).unwrap_err().to_string().starts_with("source:"));
        assert!(l.entries().is_empty());
    }

    /// Issue 23, finding 2: a torn last line (a crash mid-append) swallowed the next acknowledged
    /// entry, and the restart after that failed.
    #[test]
    fn an_entry_after_a_torn_line_is_kept_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.jsonl");
        Lists::open(&path, OpenMode::Create).unwrap().add(entry("13800000001", 0, None)).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(br#"{"crc32":"00000000","entry":{"list":"blo"#);
        std::fs::write(&path, &bytes).unwrap();
        Lists::open(&path, OpenMode::Write).unwrap().add(entry("13800000002", 0, None)).unwrap();
        for _ in 0..2 {
            let l = Lists::open(&path, OpenMode::Write).unwrap();
            let values: Vec<&str> = l.entries().iter().map(|e| e.value.as_str()).collect();
            assert_eq!(values, ["13800000001", "13800000002"]);
        }
    }
}
