//! `fanzha serve --follow`: a serving node that follows the NATS JetStream stream (crates/stream)
//! into its live state. Each batch is applied to the store and made durable under the write lock,
//! then every new transfer is recorded by the live checker (as `POST /v1/transfers` does), and only
//! then is the batch acknowledged. Every answer says the stream sequence the node reflects
//! (`Fanzha-Stream-Sequence`); a request may ask for at least a sequence (`Fanzha-Min-Sequence`)
//! and gets 503 with `Retry-After` while the node is behind.

use crate::error::ApiError;
use crate::state::App;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use fanzha_ingest::{Applied, RecordBatch, RecordKind};
use fanzha_model::{Partition, TransferIx};
use fanzha_storage::Store;
use fanzha_stream::{Apply, FollowOptions, StreamError};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Response header: the stream sequence the answering node's store reflects.
pub const SEQUENCE_HEADER: &str = "fanzha-stream-sequence";
/// Request header: answer only from a node that reflects at least this sequence.
pub const MIN_SEQUENCE_HEADER: &str = "fanzha-min-sequence";

/// A node's place in the stream.
#[derive(Debug, Default)]
pub struct Following {
    /// The last stream sequence applied, made durable and acknowledged.
    pub sequence: AtomicU64,
    /// The connection the node follows on (none until it has connected): recorded transfers are
    /// published on it.
    pub js: std::sync::RwLock<Option<fanzha_stream::Jetstream>>,
    /// The partition this node holds, when the deployment is partitioned.
    pub partition: Option<Partition>,
    /// The connection other partitions are asked on (a partitioned node, once connected).
    pub client: std::sync::RwLock<Option<fanzha_stream::Client>>,
}

impl Following {
    /// The connection, when the node is connected.
    pub fn jetstream(&self) -> Option<fanzha_stream::Jetstream> {
        self.js.read().ok().and_then(|js| js.clone())
    }

    /// The connection to ask other partitions on and the partition held, on a partitioned node.
    pub fn partitioned(&self) -> Option<(fanzha_stream::Client, Partition)> {
        let client = self.client.read().ok().and_then(|c| c.clone());
        client.zip(self.partition)
    }
}

/// The live state as a follower's target.
struct LiveTarget(Arc<App>);

impl Apply for LiveTarget {
    fn apply(&mut self, records: &[(RecordKind, &[u8])]) -> Result<Vec<Result<Applied, String>>, StreamError> {
        let app = &self.0;
        let mut guard = app.write_live().map_err(|e| StreamError::Apply(e.to_string()))?;
        let live = &mut *guard;
        let before = live.store.ledger().transfers().len();
        let partition = app.stream.get().and_then(|f| f.partition);
        let outcomes = RecordBatch::apply_all(&mut live.store, app.horizon(), partition, records)?;
        for t in before..live.store.ledger().transfers().len() {
            live.record_committed(TransferIx::of(t));
        }
        Ok(outcomes)
    }

    fn apply_lists(&mut self, changes: &[&[u8]]) -> Result<Vec<Result<(), String>>, StreamError> {
        let mut live = self.0.write_live().map_err(|e| StreamError::Apply(e.to_string()))?;
        fanzha_stream::apply_list_changes(&mut live.checker.lists, changes)
    }
}

/// Follows the stream at `url` into `app` (holding `partition`'s share, and answering the other
/// partitions' questions for it) on a thread of its own, for as long as the process runs:
/// a lost connection or a failed batch is logged and retried after a second (nothing of a failed
/// batch was acknowledged, so it comes again).
pub fn spawn(
    app: Arc<App>,
    url: String,
    options: FollowOptions,
    partition: Option<Partition>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    app.stream.get_or_init(|| Following { partition, ..Following::default() });
    std::thread::Builder::new().name("fanzha-follow".into()).spawn(move || {
        let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt,
            Err(e) => return eprintln!("follow: no runtime: {e}"),
        };
        rt.block_on(async {
            if let Some(partition) = partition {
                tokio::spawn(crate::partitions::serve(app.clone(), url.clone(), partition));
            }
            loop {
                let run = async {
                    let js = fanzha_stream::connect(&url, 1).await?;
                    if let Some(Ok(mut slot)) = app.stream.get().map(|f| f.js.write()) {
                        *slot = Some(js.clone());
                    }
                    let mut target = LiveTarget(app.clone());
                    let app = app.clone();
                    fanzha_stream::follow(&js, &mut target, &options, move |r| {
                        if let Some(f) = app.stream.get() {
                            f.sequence.fetch_max(r.sequence, Ordering::AcqRel);
                        }
                    })
                    .await
                };
                if let Err(e) = run.await {
                    eprintln!("follow {url}: {e}; retrying in 1 s");
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        })
    })
}

/// Middleware: on a following node, refuses a request whose `Fanzha-Min-Sequence` the node has not
/// reached (503, `Retry-After: 1`) and states the node's sequence on every answer.
pub async fn sequence(State(app): State<Arc<App>>, req: Request<Body>, next: Next) -> Response {
    let Some(following) = app.stream.get() else { return next.run(req).await };
    let at = following.sequence.load(Ordering::Acquire);
    let wanted =
        req.headers().get(MIN_SEQUENCE_HEADER).map(|v| v.to_str().ok().and_then(|s| s.trim().parse::<u64>().ok()));
    let mut response = match wanted {
        Some(None) => ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("{MIN_SEQUENCE_HEADER} must be a stream sequence (an integer)"),
        )
        .into_response(),
        Some(Some(n)) if n > at => {
            let mut r = ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("this node reflects the stream up to sequence {at}, not yet {n}; retry shortly"),
            )
            .into_response();
            r.headers_mut().insert("retry-after", HeaderValue::from_static("1"));
            r
        }
        _ => next.run(req).await,
    };
    response.headers_mut().insert(SEQUENCE_HEADER, HeaderValue::from(at));
    response
}
