//! A follower: consumes the stream with a durable consumer and applies each record to its store
//! (through [`Apply`]). A batch is committed (written and synced) before its last message is
//! acknowledged, so a follower killed at any point loses nothing: what it had not acknowledged is delivered again, and
//! a record already stored comes back "unchanged".

use crate::subjects::{dead_subject, kind_of};
use crate::{nats, StreamError, STREAM};
use async_nats::jetstream::consumer::{pull, AckPolicy, DeliverPolicy};
use async_nats::jetstream::{Context, Message};
use fanzha_ingest::{Applied, RecordBatch, RecordKind};
use fanzha_model::Horizon;
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
}

/// A store as a follower's target.
pub struct StoreTarget<'a>(pub &'a mut dyn Store);

impl Apply for StoreTarget<'_> {
    fn apply(&mut self, records: &[(RecordKind, &[u8])]) -> Result<Vec<Result<Applied, String>>, StreamError> {
        Ok(RecordBatch::apply_all(self.0, Horizon::now(), records)?)
    }
}

/// Follows the stream into `target`, calling `committed` after every durable batch.
pub async fn follow(
    js: &Context,
    target: &mut dyn Apply,
    options: &FollowOptions,
    mut committed: impl FnMut(&FollowReport),
) -> Result<FollowReport, StreamError> {
    let stream = js.get_stream(STREAM).await.map_err(nats("open stream"))?;
    let config = pull::Config {
        durable_name: Some(options.durable.clone()),
        ack_policy: AckPolicy::All,
        deliver_policy: DeliverPolicy::All,
        ack_wait: Duration::from_secs(60),
        max_ack_pending: (options.batch as i64).max(1) * 4,
        ..pull::Config::default()
    };
    let consumer: async_nats::jetstream::consumer::Consumer<pull::Config> =
        stream.get_or_create_consumer(&options.durable, config).await.map_err(nats("consumer"))?;
    let mut report = FollowReport::default();
    let mut quiet_since = Instant::now();
    loop {
        let mut messages = consumer
            .fetch()
            .max_messages(options.batch.max(1))
            .expires(Duration::from_millis(500))
            .messages()
            .await
            .map_err(nats("fetch"))?;
        let mut batch: Vec<Message> = Vec::new();
        while let Some(m) = messages.next().await {
            batch.push(m.map_err(nats("fetch"))?);
        }
        if batch.is_empty() {
            if options.until_idle.is_some_and(|idle| quiet_since.elapsed() >= idle) {
                return Ok(report);
            }
            continue;
        }
        quiet_since = Instant::now();
        apply(js, target, &batch, &options.durable, &mut report).await?;
        let last = batch.last().expect("not empty");
        last.double_ack().await.map_err(nats("acknowledge"))?;
        report.sequence = last.info().map(|i| i.stream_sequence).unwrap_or(report.sequence);
        report.batches += 1;
        committed(&report);
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
    let mut refused = Vec::new();
    for m in batch {
        let sequence = m.info().map(|i| i.stream_sequence).unwrap_or_default();
        if !seen.insert(sequence) {
            continue;
        }
        match kind_of(m.subject.as_str()) {
            Some(kind) => records.push((kind, &m.payload[..], m, sequence)),
            None => refused.push((m, sequence, format!("subject '{}' carries no fanzha record", m.subject))),
        }
    }
    let inputs: Vec<(RecordKind, &[u8])> = records.iter().map(|&(kind, json, _, _)| (kind, json)).collect();
    let outcomes = target.apply(&inputs)?;
    for ((_, _, m, sequence), outcome) in records.iter().zip(outcomes) {
        match outcome {
            Ok(Applied::Stored | Applied::Updated) => report.applied += 1,
            Ok(Applied::Unchanged) => report.unchanged += 1,
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
        let ack = js.publish(dead_subject(m.subject.as_str()), body.into()).await.map_err(nats("dead letter"))?;
        ack.await.map_err(nats("dead letter confirmation"))?;
        report.dead += 1;
    }
    Ok(())
}
