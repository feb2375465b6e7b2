//! fanzha on NATS JetStream. Banks (or `fanzha publish`) publish interchange records as JSON to
//! `fanzha.accounts.<bank>` and `fanzha.transfers.<bank>` (stream `FANZHA`); followers consume the
//! stream with a durable consumer, apply each record to their own store with the same checks as a
//! file row, make the batch durable, and only then acknowledge it. A record that cannot be applied
//! goes to `fanzha.dead.<kind>.<bank>` (stream `FANZHA_DEAD`) with the reason, and is acknowledged:
//! it never blocks the stream and is never dropped silently. Design and limits: `docs/scale.md`.

mod follow;
mod letters;
mod publish;
mod questions;
mod subjects;

pub use async_nats::jetstream::Context as Jetstream;
pub use async_nats::Client;
pub use follow::{
    apply_list_changes, claim_partition, follow, Apply, FollowOptions, FollowReport, StoreTarget, PARTITION_FILE,
};
pub use letters::dead_letters;
pub use publish::{publish, publish_list_change, publish_record, PublishReport};
pub use questions::{answer_questions, ask_partition, question_subject};
pub use subjects::{dead_subject, record_subject, DEAD_STREAM, LISTS_SUBJECT, STREAM};

use std::time::{Duration, Instant};

/// Why talking to NATS, reading an input or writing the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// The server could not be reached or refused a request.
    #[error("NATS {what}: {detail}")]
    Nats {
        /// What was being done.
        what: &'static str,
        /// The client's error.
        detail: String,
    },
    /// An input file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The store could not make a batch durable (nothing of the batch was acknowledged).
    #[error(transparent)]
    Store(#[from] fanzha_ingest::IngestError),
    /// The target could not take a batch (nothing of it was acknowledged).
    #[error("applying a batch: {0}")]
    Apply(String),
}

/// Wraps a client error with what was being done.
pub(crate) fn nats<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> StreamError {
    move |e| StreamError::Nats { what, detail: e.to_string() }
}

/// Connects to `url` (servers of one cluster may be listed, separated by commas; the client moves to
/// another when one goes away) and makes sure both streams exist (`replicas` copies of each: 3 on a
/// three-server cluster).
pub async fn connect(url: &str, replicas: usize) -> Result<async_nats::jetstream::Context, StreamError> {
    jetstream(client(url).await?, replicas).await
}

/// Connects to `url` (servers of one cluster separated by commas), retrying while the servers are
/// not yet listening.
pub async fn client(url: &str) -> Result<Client, StreamError> {
    let servers = url
        .split(',')
        .map(|u| u.trim().parse::<async_nats::ServerAddr>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(nats("server address"))?;
    // Servers started a moment ago may not listen yet.
    let mut failing = Failing::default();
    loop {
        let options = async_nats::ConnectOptions::new().connection_timeout(Duration::from_secs(5));
        match options.connect(servers.clone()).await.map_err(nats("connect")) {
            Ok(c) => return Ok(c),
            Err(e) => failing.retry(e).await?,
        }
    }
}

/// JetStream over `client`, with both streams made sure of (`replicas` copies of each).
pub async fn jetstream(client: Client, replicas: usize) -> Result<async_nats::jetstream::Context, StreamError> {
    use async_nats::jetstream::stream::{Config, StorageType};
    let js = async_nats::jetstream::new(client);
    for (name, subjects) in [
        (STREAM, vec!["fanzha.accounts.*".to_string(), "fanzha.transfers.*".to_string(), LISTS_SUBJECT.to_string()]),
        (DEAD_STREAM, vec!["fanzha.dead.>".to_string()]),
    ] {
        let config = Config {
            name: name.into(),
            subjects,
            storage: StorageType::File,
            num_replicas: replicas,
            ..Config::default()
        };
        // A cluster just started has no JetStream leader for a few seconds.
        let mut failing = Failing::default();
        let mut stream = loop {
            match js.get_or_create_stream(config.clone()).await.map_err(nats("create stream")) {
                Ok(s) => break s,
                Err(e) => failing.retry(e).await?,
            }
        };
        // A stream made by an earlier version lacks newer subjects (the lists').
        let info = stream.info().await.map_err(nats("stream info"))?;
        if config.subjects.iter().any(|s| !info.config.subjects.contains(s)) {
            let mut subjects = info.config.subjects.clone();
            subjects.extend(config.subjects.iter().filter(|s| !info.config.subjects.contains(s)).cloned());
            js.update_stream(Config { subjects, ..info.config.clone() }).await.map_err(nats("update stream"))?;
        }
    }
    Ok(js)
}

/// How long a publisher or follower keeps retrying a NATS request that fails (a server restarting, a stream
/// leader being elected) before it gives up with the error.
const RETRY_FOR: Duration = Duration::from_secs(60);

/// Consecutive failures of NATS requests: waits a little longer after each, and gives up once
/// they have lasted [`RETRY_FOR`].
#[derive(Default)]
pub(crate) struct Failing {
    since: Option<Instant>,
    pause: Duration,
}

impl Failing {
    /// Notes `e` (saying so on stderr) and waits before the next try; `Err` once failures have
    /// lasted too long.
    pub(crate) async fn retry(&mut self, e: StreamError) -> Result<(), StreamError> {
        let since = *self.since.get_or_insert_with(Instant::now);
        if since.elapsed() >= RETRY_FOR {
            return Err(e);
        }
        eprintln!("{e}; retrying");
        self.pause = (self.pause * 2).clamp(Duration::from_millis(100), Duration::from_secs(2));
        tokio::time::sleep(self.pause).await;
        Ok(())
    }

    /// A request went through.
    pub(crate) fn ok(&mut self) {
        *self = Failing::default();
    }
}
