//! `fanzha publish`: interchange files (CSV or JSON Lines) to the stream, one JSON message per
//! row, each confirmed by the stream before the report counts it.

use crate::subjects::{record_subject, LISTS_SUBJECT};
use crate::{nats, StreamError};
use async_nats::jetstream::context::PublishAckFuture;
use async_nats::jetstream::Context;
use fanzha_check::lists::ListChange;
use fanzha_ingest::RecordKind;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::io::BufRead;
use std::path::Path;

/// What was published.
#[derive(Debug, Default)]
pub struct PublishReport {
    /// Account records confirmed by the stream.
    pub accounts: u64,
    /// Transfer records confirmed by the stream.
    pub transfers: u64,
    /// Rows that could not be read as records (`file:line: reason`); they were not published.
    pub unreadable: Vec<String>,
}

/// Publishes in flight at most this many unconfirmed messages.
const WINDOW: usize = 1024;

/// Publishes `accounts`, then `transfers`. A transfer goes to the subject of its paying account's
/// bank (for a deposit, the receiving account's), as the accounts given name it, else `unknown`.
/// Each message carries `Nats-Msg-Id` = kind, id and a digest of the record, so the stream drops a
/// row republished unchanged within its duplicate window (followers treat later repeats as
/// redeliveries), while a row republished with any field changed reaches the followers as a
/// conflict.
pub async fn publish(
    js: &Context,
    accounts: Option<&Path>,
    transfers: Option<&Path>,
) -> Result<PublishReport, StreamError> {
    let mut report = PublishReport::default();
    let mut banks: HashMap<String, String> = HashMap::new();
    let mut pending: VecDeque<PublishAckFuture> = VecDeque::new();
    for (kind, path) in [(RecordKind::Account, accounts), (RecordKind::Transfer, transfers)] {
        let Some(path) = path else { continue };
        for row in Rows::open(path)? {
            let row = match row {
                Ok(row) => row,
                Err(why) => {
                    report.unreadable.push(why);
                    continue;
                }
            };
            let (id, bank) = match kind {
                RecordKind::Account => {
                    let id = text(&row, "account_id");
                    let bank = text(&row, "bank");
                    banks.insert(id.clone(), bank.clone());
                    (id, bank)
                }
                RecordKind::Transfer => {
                    let paying =
                        if text(&row, "kind").eq_ignore_ascii_case("deposit") { "to_account" } else { "from_account" };
                    (text(&row, "txn_id"), banks.get(&text(&row, paying)).cloned().unwrap_or_default())
                }
            };
            let ack = send(js, kind, &bank, &id, &row).await?;
            pending.push_back(ack);
            if pending.len() >= WINDOW {
                confirm(&mut pending, 1).await?;
            }
            match kind {
                RecordKind::Account => report.accounts += 1,
                RecordKind::Transfer => report.transfers += 1,
            }
        }
        confirm(&mut pending, usize::MAX).await?;
    }
    Ok(report)
}

/// Publishes one record (a JSON object with the interchange keys) to its bank's subject, with
/// `Nats-Msg-Id` = kind, `id` and a digest of the record; the stream's confirmation is the future.
async fn send(
    js: &Context,
    kind: RecordKind,
    bank: &str,
    id: &str,
    record: &Map<String, Value>,
) -> Result<PublishAckFuture, StreamError> {
    let body = serde_json::to_vec(record).expect("a JSON object serializes");
    let digest = Sha256::digest(&body);
    let digest = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    let mut headers = async_nats::HeaderMap::new();
    headers.insert("Nats-Msg-Id", format!("{}:{id}:{digest:x}", kind.as_str()).as_str());
    js.publish_with_headers(record_subject(kind, bank), headers, body.into()).await.map_err(nats("publish"))
}

/// Publishes one record of `bank` and waits until the stream has stored it: its stream sequence
/// (a repeat the stream dropped as a duplicate answers the first copy's sequence).
pub async fn publish_record(
    js: &Context,
    kind: RecordKind,
    bank: &str,
    id: &str,
    record: &Map<String, Value>,
) -> Result<u64, StreamError> {
    let ack = send(js, kind, bank, id, record).await?.await.map_err(nats("publish confirmation"))?;
    Ok(ack.sequence)
}

/// Publishes a change to the lists (every node applies it, this one included) and waits until the
/// stream has stored it: its stream sequence. No `Nats-Msg-Id`: the same change made twice on
/// purpose (an entry added, removed and added again) must reach the nodes every time; a repeat
/// changes nothing where it is applied ([`fanzha_check::lists::Lists::change`]).
pub async fn publish_list_change(js: &Context, change: &ListChange) -> Result<u64, StreamError> {
    let body = serde_json::to_vec(change).expect("a list change serializes");
    let ack = js.publish(LISTS_SUBJECT, body.into()).await.map_err(nats("publish"))?;
    Ok(ack.await.map_err(nats("publish confirmation"))?.sequence)
}

/// Waits for up to `n` of the oldest publishes to be confirmed.
async fn confirm(pending: &mut VecDeque<PublishAckFuture>, n: usize) -> Result<(), StreamError> {
    for _ in 0..n {
        let Some(ack) = pending.pop_front() else { break };
        ack.await.map_err(nats("publish confirmation"))?;
    }
    Ok(())
}

/// A field as text (numbers by their literal), or empty.
fn text(row: &Map<String, Value>, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The rows of an interchange file as JSON objects, read as they are published: JSON Lines when
/// its first non-blank character is `{`, else CSV with a header (empty cells left out). Each item
/// is the row or `file:line: reason`.
enum Rows {
    Json { lines: std::io::Lines<std::io::BufReader<std::fs::File>>, line: usize, path: String },
    Csv { records: csv::StringRecordsIntoIter<std::fs::File>, header: Vec<String>, line: usize, path: String },
}

impl Rows {
    fn open(path: &Path) -> Result<Rows, StreamError> {
        let io = |source| StreamError::Io { path: path.display().to_string(), source };
        let mut first = String::new();
        let mut peek = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
        while first.trim().is_empty() {
            first.clear();
            if peek.read_line(&mut first).map_err(io)? == 0 {
                break;
            }
        }
        let file = std::fs::File::open(path).map_err(io)?;
        let shown = path.display().to_string();
        if first.trim_start().starts_with('{') {
            return Ok(Rows::Json { lines: std::io::BufReader::new(file).lines(), line: 0, path: shown });
        }
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
        let header = reader
            .headers()
            .map_err(|e| io(std::io::Error::other(e)))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect();
        Ok(Rows::Csv { records: reader.into_records(), header, line: 1, path: shown })
    }
}

impl Iterator for Rows {
    type Item = Result<Map<String, Value>, String>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Rows::Json { lines, line, path } => loop {
                *line += 1;
                let text = match lines.next()? {
                    Ok(t) => t,
                    Err(e) => return Some(Err(format!("{path}:{line}: {e}"))),
                };
                if text.trim().is_empty() {
                    continue;
                }
                return Some(match serde_json::from_str::<Value>(&text) {
                    Ok(Value::Object(o)) => Ok(o),
                    Ok(_) => Err(format!("{path}:{line}: not a JSON object")),
                    Err(e) => Err(format!("{path}:{line}: not valid JSON: {e}")),
                });
            },
            Rows::Csv { records, header, line, path } => {
                let record = records.next()?;
                *line += 1;
                Some(match record {
                    Ok(r) => Ok(header
                        .iter()
                        .zip(r.iter())
                        .filter(|(_, v)| !v.trim().is_empty())
                        .map(|(h, v)| (h.clone(), Value::String(v.to_string())))
                        .collect()),
                    Err(e) => Err(format!("{path}:{line}: {e}")),
                })
            }
        }
    }
}
