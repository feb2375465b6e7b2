//! Risk lookup (风险查询) of a phone number, URL or account, against the lists and the public's
//! reports (一键举报). Reports are kept as evidence in an append-only JSON Lines file, synced per write.

use crate::lists::{within, Entry, EntryKind, ListError, ListName, Lists, MAX_VALUE_CHARS};
use fanzha_model::Ts;
use fanzha_storage::{LineLog, OpenMode};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Longest report text kept.
pub const MAX_REPORT_CHARS: usize = 2_000;

/// One report from the public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicReport {
    /// What is reported.
    pub kind: EntryKind,
    /// The phone number, URL or account.
    pub value: String,
    /// What happened, in the reporter's words (the scam message, the call).
    pub text: String,
    /// When it was received (UTC epoch seconds; RFC 3339 in JSON).
    #[serde(with = "fanzha_model::rfc3339")]
    pub at: i64,
}

/// Every public report, by (kind, normalized value).
#[derive(Debug, Default)]
pub struct PublicReports {
    reports: Vec<PublicReport>,
    by_value: HashMap<(EntryKind, String), Vec<usize>>,
    file: Option<LineLog<PublicReport>>,
}

impl PublicReports {
    /// Opens the report file (a [`LineLog`]; a missing file is empty), for adding reports with a
    /// writing `mode`; a damaged file is an error naming the line.
    pub fn open(path: &Path, mode: OpenMode) -> Result<PublicReports, ListError> {
        let (log, reports) = LineLog::open(path, mode, None)?;
        let mut out = PublicReports::default();
        for r in reports {
            out.insert(r);
        }
        out.file = Some(log);
        Ok(out)
    }

    fn insert(&mut self, r: PublicReport) {
        self.by_value.entry((r.kind, Lists::normalize(r.kind, &r.value))).or_default().push(self.reports.len());
        self.reports.push(r);
    }

    /// Stores a report (durable before this returns).
    pub fn add(&mut self, r: PublicReport) -> Result<(), ListError> {
        if Lists::normalize(r.kind, &r.value).is_empty() {
            return Err(ListError::Invalid("value: empty".into()));
        }
        within("value", &r.value, MAX_VALUE_CHARS)?;
        within("text", &r.text, MAX_REPORT_CHARS)?;
        if let Some(log) = &mut self.file {
            log.append(&r)?;
        }
        self.insert(r);
        Ok(())
    }

    /// Reports of `kind` about `value` (each when given) received at or after `since`, newest
    /// first, at most `limit`.
    pub fn find(
        &self,
        kind: Option<EntryKind>,
        value: Option<&str>,
        since: Option<Ts>,
        limit: usize,
    ) -> Vec<&PublicReport> {
        let wanted = |r: &&PublicReport| {
            kind.is_none_or(|k| r.kind == k)
                && value.is_none_or(|v| Lists::normalize(r.kind, &r.value) == Lists::normalize(r.kind, v))
                && since.is_none_or(|s| r.at >= s.0)
        };
        self.reports.iter().rev().filter(wanted).take(limit).collect()
    }

    /// Reports about (`kind`, `value`) received up to `at`, oldest first.
    pub fn about(&self, kind: EntryKind, value: &str, at: Ts) -> Vec<&PublicReport> {
        let key = (kind, Lists::normalize(kind, value));
        self.by_value.get(&key).into_iter().flatten().map(|&i| &self.reports[i]).filter(|r| r.at <= at.0).collect()
    }
}

/// How risky a looked-up value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    /// Nothing known.
    Unknown,
    /// One or two public reports.
    Low,
    /// On the watch list, flagged by the latest mule detection, or three or more public reports.
    Medium,
    /// On the block list.
    High,
}

/// The answer to a lookup.
#[derive(Debug, Clone, Serialize)]
pub struct Lookup<'a> {
    /// What was looked up.
    pub kind: EntryKind,
    /// As given.
    pub value: &'a str,
    /// The overall risk.
    pub risk: Risk,
    /// List entries that apply now.
    pub listed: Vec<&'a Entry>,
    /// Flagged as a mule account by the latest batch detection (accounts only).
    pub suspected: bool,
    /// Public reports about it.
    pub reports: usize,
    /// The latest few reports' texts and times.
    pub recent_reports: Vec<&'a PublicReport>,
}

/// Looks `value` up at time `at`; `suspected` says the latest mule detection flagged it.
pub fn lookup<'a>(
    lists: &'a Lists,
    reports: &'a PublicReports,
    suspected: bool,
    kind: EntryKind,
    value: &'a str,
    at: Ts,
) -> Lookup<'a> {
    let listed: Vec<&Entry> =
        [ListName::Block, ListName::Watch].into_iter().filter_map(|l| lists.lookup(l, kind, value, at)).collect();
    let about = reports.about(kind, value, at);
    let risk = if listed.iter().any(|e| e.list == ListName::Block) {
        Risk::High
    } else if !listed.is_empty() || suspected || about.len() >= 3 {
        Risk::Medium
    } else if !about.is_empty() {
        Risk::Low
    } else {
        Risk::Unknown
    };
    let recent_reports = about.iter().rev().take(5).copied().collect();
    Lookup { kind, value, risk, listed, suspected, reports: about.len(), recent_reports }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_grows_with_reports_and_lists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reports.jsonl");
        let mut reports = PublicReports::open(&path, OpenMode::Create).unwrap();
        let mut lists = Lists::in_memory();
        let phone = "+86 170-1234-5678";
        assert_eq!(lookup(&lists, &reports, false, EntryKind::Phone, phone, Ts(100)).risk, Risk::Unknown);
        for at in [10, 20, 30] {
            let r =
                PublicReport {
                    kind: EntryKind::Phone, value: "8617012345678".into(), text: "自称公安局".into(), at
                };
            reports.add(r).unwrap();
        }
        assert_eq!(lookup(&lists, &reports, false, EntryKind::Phone, phone, Ts(15)).risk, Risk::Low, "as of then");
        let l = lookup(&lists, &reports, false, EntryKind::Phone, phone, Ts(100));
        assert_eq!((l.risk, l.reports, l.recent_reports[0].at), (Risk::Medium, 3, 30));
        let entry = Entry {
            list: ListName::Block,
            kind: EntryKind::Phone,
            value: phone.into(),
            reason: "confirmed scam line".into(),
            source: "analyst".into(),
            valid_from: 50,
            valid_to: None,
        };
        lists.add(entry).unwrap();
        assert_eq!(lookup(&lists, &reports, false, EntryKind::Phone, phone, Ts(100)).risk, Risk::High);
        let reopened = PublicReports::open(&path, OpenMode::Read).unwrap();
        assert_eq!(reopened.about(EntryKind::Phone, phone, Ts(100)).len(), 3, "durable");
        let long =
            PublicReport { kind: EntryKind::Url, value: "x".into(), text: "字".repeat(MAX_REPORT_CHARS + 1), at: 0 };
        assert!(reports.add(long).is_err());
    }
}
