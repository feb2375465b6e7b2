//! fanzha on NATS JetStream. Banks (or `fanzha publish`) publish interchange records as JSON to
//! `fanzha.accounts.<bank>` and `fanzha.transfers.<bank>` (stream `FANZHA`); followers consume the
//! stream with a durable consumer, apply each record to their own store with the same checks as a
//! file row, make the batch durable, and only then acknowledge it. A record that cannot be applied
//! goes to `fanzha.dead.<kind>.<bank>` (stream `FANZHA_DEAD`) with the reason, and is acknowledged:
//! it never blocks the stream and is never dropped silently. Design and limits: `docs/scale.md`.

mod follow;
mod letters;
mod publish;
mod subjects;

pub use async_nats::jetstream::Context as Jetstream;
pub use follow::{follow, Apply, FollowOptions, FollowReport, StoreTarget};
pub use letters::dead_letters;
pub use publish::{publish, publish_record, PublishReport};
pub use subjects::{dead_subject, record_subject, DEAD_STREAM, STREAM};

use std::time::Duration;

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

/// Connects to `url` and makes sure both streams exist (`replicas` copies of each: 3 on a
/// three-server cluster).
pub async fn connect(url: &str, replicas: usize) -> Result<async_nats::jetstream::Context, StreamError> {
    use async_nats::jetstream::stream::{Config, StorageType};
    let client = async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(nats("connect"))?;
    let js = async_nats::jetstream::new(client);
    for (name, subjects) in [
        (STREAM, vec!["fanzha.accounts.*".to_string(), "fanzha.transfers.*".to_string()]),
        (DEAD_STREAM, vec!["fanzha.dead.>".to_string()]),
    ] {
        let config = Config {
            name: name.into(),
            subjects,
            storage: StorageType::File,
            num_replicas: replicas,
            ..Config::default()
        };
        js.get_or_create_stream(config).await.map_err(nats("create stream"))?;
    }
    Ok(js)
}
