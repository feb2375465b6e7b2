//! Block and watch lists of accounts, holders, phone numbers and URLs, each entry with a reason, a
//! source and a validity span, kept as an append-only JSON Lines file so that every change is history:
//! a lookup "as of" a past time sees the lists as they were then (what a backtest needs).

use fanzha_model::Ts;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

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
    /// From when it applies (UTC epoch seconds).
    pub valid_from: i64,
    /// Until when it applies, exclusive (`None`: open).
    #[serde(default)]
    pub valid_to: Option<i64>,
}

impl Entry {
    /// Whether the entry applies at `at`.
    pub fn applies(&self, at: Ts) -> bool {
        self.valid_from <= at.0 && self.valid_to.is_none_or(|to| at.0 < to)
    }
}

/// Errors of the list file.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A line is not an entry.
    #[error("{path}:{line}: {message}")]
    BadLine {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// Why.
        message: String,
    },
    /// An entry is not valid.
    #[error("{0}")]
    Invalid(String),
}

/// The lists: every entry ever written, indexed by (kind, value).
#[derive(Debug, Default)]
pub struct Lists {
    entries: Vec<Entry>,
    by_value: HashMap<(EntryKind, String), Vec<usize>>,
    file: Option<PathBuf>,
}

impl Lists {
    /// Lists held only in memory (tests, one-off backtests).
    pub fn in_memory() -> Lists {
        Lists::default()
    }

    /// Opens (or starts) the list file at `path`. A torn last line (a crash mid-write) is ignored;
    /// any other bad line is an error naming the line.
    pub fn open(path: &Path) -> Result<Lists, ListError> {
        let io = |source| ListError::Io { path: path.display().to_string(), source };
        let mut lists = Lists { file: Some(path.to_path_buf()), ..Lists::default() };
        if !path.exists() {
            return Ok(lists);
        }
        let lines: Vec<String> =
            BufReader::new(File::open(path).map_err(io)?).lines().collect::<Result<_, _>>().map_err(io)?;
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Entry>(line) {
                Ok(e) => lists.insert(e),
                Err(_) if i + 1 == lines.len() => {} // torn tail: never acknowledged
                Err(e) => {
                    return Err(ListError::BadLine {
                        path: path.display().to_string(),
                        line: i + 1,
                        message: e.to_string(),
                    })
                }
            }
        }
        Ok(lists)
    }

    fn insert(&mut self, e: Entry) {
        self.by_value.entry((e.kind, normalize(e.kind, &e.value))).or_default().push(self.entries.len());
        self.entries.push(e);
    }

    /// Adds an entry; with a file, it is durable (written and synced) before this returns.
    pub fn add(&mut self, e: Entry) -> Result<(), ListError> {
        if e.value.trim().is_empty() || e.reason.trim().is_empty() || e.source.trim().is_empty() {
            return Err(ListError::Invalid("value, reason and source must not be empty".into()));
        }
        // valid_to == valid_from is an empty span: an entry closed the moment it began never applied.
        if e.valid_to.is_some_and(|to| to < e.valid_from) {
            return Err(ListError::Invalid("valid_to must not be before valid_from".into()));
        }
        if let Some(path) = &self.file {
            let io = |source| ListError::Io { path: path.display().to_string(), source };
            let mut f = OpenOptions::new().create(true).append(true).open(path).map_err(io)?;
            let mut line = serde_json::to_string(&e).expect("entries serialize");
            line.push('\n');
            f.write_all(line.as_bytes()).map_err(io)?;
            f.sync_data().map_err(io)?;
        }
        self.insert(e);
        Ok(())
    }

    /// Closes every open entry of `list` for (`kind`, `value`) at `at`, by appending closed copies.
    /// Returns how many were closed.
    pub fn remove(
        &mut self,
        list: ListName,
        kind: EntryKind,
        value: &str,
        at: Ts,
        source: &str,
    ) -> Result<usize, ListError> {
        let open: Vec<Entry> = self
            .lookup_all(kind, value)
            .filter(|e| e.list == list && e.applies(at))
            .map(|e| Entry { valid_to: Some(at.0), source: format!("{} (closed by {source})", e.source), ..e.clone() })
            .collect();
        let n = open.len();
        for e in open {
            self.add(e)?;
        }
        Ok(n)
    }

    fn lookup_all(&self, kind: EntryKind, value: &str) -> impl Iterator<Item = &Entry> {
        self.by_value.get(&(kind, normalize(kind, value))).into_iter().flatten().map(|&i| &self.entries[i])
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
        let mut l = Lists::open(&path).unwrap();
        l.add(entry("+86 138-0000-0000", 100, None)).unwrap();
        l.remove(ListName::Block, EntryKind::Phone, "8613800000000", Ts(200), "analyst:zhao").unwrap();
        let reopened = Lists::open(&path).unwrap();
        for lists in [&l, &reopened] {
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "8613800000000", Ts(99)).is_none(), "before");
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "86 13800000000", Ts(150)).is_some(), "during");
            assert!(lists.lookup(ListName::Block, EntryKind::Phone, "8613800000000", Ts(200)).is_none(), "after");
            assert!(lists.lookup(ListName::Watch, EntryKind::Phone, "8613800000000", Ts(150)).is_none(), "other list");
        }
        assert_eq!(reopened.entries().len(), 2, "history is kept");
    }

    #[test]
    fn bad_lines_are_named_and_a_torn_tail_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lists.jsonl");
        let good = serde_json::to_string(&entry("1", 0, None)).unwrap();
        std::fs::write(&path, format!("{good}\n{{\"list\":\"block\"")).unwrap();
        assert_eq!(Lists::open(&path).unwrap().entries().len(), 1);
        std::fs::write(&path, format!("oops\n{good}\n")).unwrap();
        let err = Lists::open(&path).unwrap_err().to_string();
        assert!(err.contains("lists.jsonl:1:"), "{err}");
        let mut l = Lists::in_memory();
        assert!(l.add(entry("", 0, None)).is_err());
        assert!(l.add(entry("1", 10, Some(5))).is_err());
    }
}
