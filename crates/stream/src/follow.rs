//! A follower: consumes the stream with a durable consumer and applies each record to its store
//! (through [`Apply`]). A batch is committed (written and synced) before its last message is
//! acknowledged, so a follower killed at any point loses nothing: what it had not acknowledged is delivered again, and
//! a record already stored comes back "unchanged".

use crate::subjects::{dead_subject, kind_of, LISTS_SUBJECT};
use crate::{nats, Failing, StreamError, STREAM};
use async_nats::jetstream::consumer::{pull, AckPolicy, DeliverPolicy};
use async_nats::jetstream::stream::Stream;
use async_nats::jetstream::{Context, Message};
use fanzha_check::lists::{ListChange, ListError, Lists};
use fanzha_ingest::{Applied, RecordBatch, RecordKind};
use fanzha_model::{Horizon, Partition};
use fanzha_storage::Store;
use futures_util::StreamExt;
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// How to follow.
#[derive(Debug, Clone)]
pub struct FollowOptions {
    /// The durable consumer's name: one per follower (a restarted follower resumes from what it
    /// acknowledged; a new name builds a store from the start of the stream).
    pub durable: String,
    /// Most messages applied and committed together.
    pub batch: usize,
    /// Return after the stream has been quiet this long (for backfills and tests); `None`: follow
    /// until the process is stopped.
    pub until_idle: Option<Duration>,
}

/// What a follower did.
#[derive(Debug, Default, Clone)]
pub struct FollowReport {
    /// Records new to the store (or accounts now described).
    pub applied: u64,
    /// Redeliveries of records already stored, equal in every field.
    pub unchanged: u64,
    /// Transfers left to other partitions (touching no account this partition owns).
    pub elsewhere: u64,
    /// Changes to the lists applied.
    pub list_changes: u64,
    /// Records sent to the dead-letter stream, with the reason.
    pub dead: u64,
    /// Committed batches.
    pub batches: u64,
    /// The stream sequence of the last message acknowledged: the store reflects the stream up to it.
    pub sequence: u64,
}

/// Where a follower's records go: a store, or a serving node's live state around its store.
pub trait Apply {
    /// Applies `records` in order and makes them durable before it returns: one outcome per record
    /// (`Err` says why that record was refused). An `Err` of the whole means nothing may be
    /// acknowledged.
    fn apply(&mut self, records: &[(RecordKind, &[u8])]) -> Result<Vec<Result<Applied, String>>, StreamError>;

    /// Applies changes to the lists (JSON of `fanzha_check::lists::ListChange`), in order and
    /// durably, as [`Apply::apply`] does records.
    fn apply_lists(&mut self, changes: &[&[u8]]) -> Result<Vec<Result<(), String>>, StreamError>;
}

/// Applies list changes (JSON) to `lists`, each durable before the next; a change that does not
/// read or is invalid is refused with the reason, a file that cannot be written fails the whole.
pub fn apply_list_changes(lists: &mut Lists, changes: &[&[u8]]) -> Result<Vec<Result<(), String>>, StreamError> {
    let mut out = Vec::with_capacity(changes.len());
    for json in changes {
        let outcome = match serde_json::from_slice::<ListChange>(json) {
            Err(e) => Err(format!("not a list change: {e}")),
            Ok(change) => match lists.change(&change) {
                Ok(_) => Ok(()),
                Err(ListError::Invalid(why)) => Err(why),
                Err(e) => return Err(StreamError::Apply(e.to_string())),
            },
        };
        out.push(outcome);
    }
    Ok(out)
}

/// A store and its lists as a follower's target.
pub struct StoreTarget<'a> {
    /// The store.
    pub store: &'a mut dyn Store,
    /// The block and watch lists kept with it.
    pub lists: &'a mut Lists,
    /// Hold only this partition's share: every account, and the transfers touching the accounts it
    /// owns ([`Partition::owns`]); `None`: everything.
    pub partition: Option<Partition>,
}

impl Apply for StoreTarget<'_> {
    fn apply(&mut self, records: &[(RecordKind, &[u8])]) -> Result<Vec<Result<Applied, String>>, StreamError> {
        Ok(RecordBatch::apply_all(self.store, Horizon::now(), self.partition, records)?)
    }

    fn apply_lists(&mut self, changes: &[&[u8]]) -> Result<Vec<Result<(), String>>, StreamError> {
        apply_list_changes(self.lists, changes)
    }
}

/// The file in a store directory that says which partition the store holds.
pub const PARTITION_FILE: &str = "partition";

/// Binds the store in `dir` to `partition` (`None`: the whole stream) on its first follow, and
/// refuses a later follow with another: a store built as one partition holds only its transfers,
/// so it cannot become another partition, or the whole, by a change of flags.
pub fn claim_partition(dir: &std::path::Path, partition: Option<Partition>) -> Result<(), String> {
    let path = dir.join(PARTITION_FILE);
    let wanted = partition.map_or_else(|| "all".to_string(), |p| p.to_string());
    match std::fs::read_to_string(&path) {
        Ok(held) if held.trim() == wanted => Ok(()),
        Ok(held) => Err(format!(
            "{} holds partition '{}' of the stream, not '{wanted}': follow it as it was built, or into a new directory",
            dir.display(),
            held.trim()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let tmp = format!("{PARTITION_FILE}.tmp");
            fanzha_storage::file::replace_durably(dir, PARTITION_FILE, &tmp, format!("{wanted}\n").as_bytes())
                .map_err(|e| e.to_string())
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

type PullConsumer = async_nats::jetstream::consumer::Consumer<pull::Config>;

/// Whether the follower's durable consumer exists.
async fn exists(stream: &Stream, durable: &str) -> Result<bool, StreamError> {
    let names: Vec<String> = stream
        .consumer_names()
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(nats("list consumers"))?;
    Ok(names.iter().any(|n| n == durable))
}

/// The last stream sequence the follower acknowledged (its store holds at least that): its
/// consumer's acknowledgement floor, 0 when it has none yet.
async fn acknowledged(stream: &Stream, durable: &str) -> Result<u64, StreamError> {
    if !exists(stream, durable).await? {
        return Ok(0);
    }
    Ok(stream.consumer_info(durable).await.map_err(nats("consumer info"))?.ack_floor.stream_sequence)
}

/// Makes the follower's durable consumer anew, delivering from just after `applied` (the last
/// stream sequence its store holds). Made anew, not resumed: messages delivered to a run that died
/// before acknowledging them then come again at once and in order, not after the acknowledgement
/// wait behind newer ones (which, acknowledged cumulatively, would acknowledge them unapplied).
async fn open(stream: &Stream, options: &FollowOptions, applied: u64) -> Result<PullConsumer, StreamError> {
    if exists(stream, &options.durable).await? {
        stream.delete_consumer(&options.durable).await.map_err(nats("reset consumer"))?;
    }
    let config = pull::Config {
        durable_name: Some(options.durable.clone()),
        ack_policy: AckPolicy::All,
        deliver_policy: DeliverPolicy::ByStartSequence { start_sequence: applied + 1 },
        ack_wait: Duration::from_secs(60),
        max_ack_pending: (options.batch as i64).max(1) * 4,
        ..pull::Config::default()
    };
    stream.create_consumer(config).await.map_err(nats("consumer"))
}

/// Up to `max` messages, waiting at most half a second for them.
async fn fetch(consumer: &PullConsumer, max: usize) -> Result<Vec<Message>, StreamError> {
    let mut messages = consumer
        .fetch()
        .max_messages(max)
        .expires(Duration::from_millis(500))
        .messages()
        .await
        .map_err(nats("fetch"))?;
    let mut batch = Vec::new();
    while let Some(m) = messages.next().await {
        batch.push(m.map_err(nats("fetch"))?);
    }
    Ok(batch)
}

fn sequence_of(m: &Message) -> u64 {
    m.info().map(|i| i.stream_sequence).unwrap_or_default()
}

/// The consumer's count of deliveries at this message: 1 for a new consumer's first, and one
/// more for each delivery after (redeliveries too), so a gap means a delivery was lost.
fn delivery_of(m: &Message) -> u64 {
    m.info().map(|i| i.consumer_sequence).unwrap_or_default()
}

/// Follows the stream into `target`, calling `committed` once it has opened its consumer (with the
/// sequence the store already reflects: a restarted node that finds nothing new can say how far it
/// is) and after every durable batch.
///
/// Messages are applied in stream order with nothing skipped: a batch is cut before the first
/// message whose delivery count skips one (a delivery was lost with a connection), and the consumer
/// is opened again after the last one applied. NATS requests that keep failing are retried for up
/// to a minute (a server of the cluster restarting, a leader election) before the error is returned.
pub async fn follow(
    js: &Context,
    target: &mut dyn Apply,
    options: &FollowOptions,
    mut committed: impl FnMut(&FollowReport),
) -> Result<FollowReport, StreamError> {
    let mut failing = Failing::default();
    let stream = loop {
        match js.get_stream(STREAM).await.map_err(nats("open stream")) {
            Ok(s) => break s,
            Err(e) => failing.retry(e).await?,
        }
    };
    // What the store holds, once known: read from the consumer at start, then what this run applied.
    let mut applied: Option<u64> = None;
    let mut opened: Option<PullConsumer> = None;
    // The delivery count expected next from the consumer opened.
    let mut next_delivery = 1;
    let mut report = FollowReport::default();
    let mut quiet_since = Instant::now();
    loop {
        let consumer = match &opened {
            Some(c) => c,
            None => {
                let reopened = async {
                    let from = match applied {
                        Some(a) => a,
                        None => acknowledged(&stream, &options.durable).await?,
                    };
                    applied = Some(from);
                    open(&stream, options, from).await.map(|c| (c, from))
                };
                match reopened.await {
                    Ok((c, from)) => {
                        report.sequence = report.sequence.max(from);
                        next_delivery = 1;
                        committed(&report);
                        opened.insert(c)
                    }
                    Err(e) => {
                        failing.retry(e).await?;
                        continue;
                    }
                }
            }
        };
        let mut batch = match fetch(consumer, options.batch.max(1)).await {
            Ok(b) => b,
            Err(e) => {
                // What was delivered may have gone with the connection: open again after what is applied.
                failing.retry(e).await?;
                opened = None;
                continue;
            }
        };
        failing.ok();
        if batch.is_empty() {
            if options.until_idle.is_some_and(|idle| quiet_since.elapsed() >= idle) {
                return Ok(report);
            }
            continue;
        }
        quiet_since = Instant::now();
        // Only deliveries in an unbroken run are applied; a gap is a delivery lost in flight, and
        // acknowledging past it would acknowledge it unapplied.
        let in_order = batch
            .iter()
            .take_while(|m| {
                let fits = delivery_of(m) == next_delivery;
                next_delivery += u64::from(fits);
                fits
            })
            .count();
        let skipped_to = batch.get(in_order).map(sequence_of);
        batch.truncate(in_order);
        if let Some(last) = batch.last() {
            apply(js, target, &batch, &options.durable, &mut report).await?;
            report.sequence = report.sequence.max(sequence_of(last));
            applied = Some(report.sequence);
            report.batches += 1;
            // Acknowledged cumulatively: if this one is lost, the next covers it, and a redelivery
            // of what is stored comes back "unchanged".
            if let Err(e) = last.double_ack().await {
                eprintln!("NATS acknowledge: {e}; the next acknowledgement covers it");
            }
            committed(&report);
        }
        if let Some(s) = skipped_to {
            eprintln!("a delivery before stream sequence {s} was lost; reading again after {}", report.sequence);
            opened = None;
        }
    }
}

/// Applies one batch and makes it durable, then dead-letters the records that were refused (each
/// confirmed by the stream before the batch is acknowledged), as JSON naming the follower, the
/// original subject and sequence, the reason and the record. Each follower letters what it refused
/// itself; a follower killed between its commit and its letters letters them when the batch comes
/// again.
async fn apply(
    js: &Context,
    target: &mut dyn Apply,
    batch: &[Message],
    follower: &str,
    report: &mut FollowReport,
) -> Result<(), StreamError> {
    let mut seen = HashSet::new();
    let mut records = Vec::new();
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    for m in batch {
        let sequence = m.info().map(|i| i.stream_sequence).unwrap_or_default();
        if !seen.insert(sequence) {
            continue;
        }
        match kind_of(m.subject.as_str()) {
            Some(kind) => records.push((kind, &m.payload[..], m, sequence)),
            None if m.subject.as_str() == LISTS_SUBJECT => changes.push((&m.payload[..], m, sequence)),
            None => refused.push((m, sequence, format!("subject '{}' carries no fanzha record", m.subject))),
        }
    }
    let inputs: Vec<(RecordKind, &[u8])> = records.iter().map(|&(kind, json, _, _)| (kind, json)).collect();
    let outcomes = target.apply(&inputs)?;
    for ((_, _, m, sequence), outcome) in records.iter().zip(outcomes) {
        match outcome {
            Ok(Applied::Stored | Applied::Updated) => report.applied += 1,
            Ok(Applied::Unchanged) => report.unchanged += 1,
            Ok(Applied::Elsewhere) => report.elsewhere += 1,
            Err(reason) => refused.push((m, *sequence, reason)),
        }
    }
    let inputs: Vec<&[u8]> = changes.iter().map(|&(json, _, _)| json).collect();
    let outcomes = if inputs.is_empty() { Vec::new() } else { target.apply_lists(&inputs)? };
    for ((_, m, sequence), outcome) in changes.iter().zip(outcomes) {
        match outcome {
            Ok(()) => report.list_changes += 1,
            Err(reason) => refused.push((m, *sequence, reason)),
        }
    }
    for (m, sequence, reason) in refused {
        let letter = serde_json::json!({
            "follower": follower,
            "subject": m.subject.as_str(),
            "sequence": sequence,
            "reason": reason,
            "record": String::from_utf8_lossy(&m.payload),
        });
        let body = serde_json::to_vec(&letter).expect("JSON serializes");
        let mut failing = Failing::default();
        // The batch is not acknowledged before every letter is confirmed.
        loop {
            let sent = match js.publish(dead_subject(m.subject.as_str()), body.clone().into()).await {
                Ok(ack) => ack.await.map_err(nats("dead letter confirmation")),
                Err(e) => Err(nats("dead letter")(e)),
            };
            match sent {
                Ok(_) => break,
                Err(e) => failing.retry(e).await?,
            }
        }
        report.dead += 1;
    }
    Ok(())
}
