//! A node of a partitioned deployment (`fanzha serve --follow URL --partition K/P`): it answers
//! other nodes' questions for its accounts' transfers, and coordinates the traces asked of it
//! across every partition (`fanzha_trace::trace_across`; design in docs/scale.md).

use crate::state::App;
use fanzha_model::Partition;
use fanzha_storage::Store;
use fanzha_trace::{trace_across, AcrossError, Partitions, Slice, SliceRequest, TraceAnswer, TraceRequest};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

/// How long a coordinator waits for one partition's answer.
const ASK_WAIT: Duration = Duration::from_secs(10);

/// Answers one question (JSON of [`SliceRequest`]) from the node's store: the JSON of a [`Slice`]
/// stating the node's stream sequence, or `{"error": …}`.
pub fn answer(app: &App, question: &[u8]) -> Vec<u8> {
    let error = |why: String| serde_json::to_vec(&serde_json::json!({ "error": why })).expect("JSON serializes");
    let req: SliceRequest = match serde_json::from_slice(question) {
        Ok(r) => r,
        Err(e) => return error(format!("not a slice request: {e}")),
    };
    let sequence = app.stream.get().map_or(0, |f| f.sequence.load(Ordering::Acquire));
    let Ok(live) = app.read_live() else { return error("the node's state is poisoned".into()) };
    let graph = live.graph();
    let slice = Slice { sequence, ..Slice::of(live.store.ledger(), &graph, &req) };
    serde_json::to_vec(&slice).expect("a slice serializes")
}

/// Answers questions to this node's partition for as long as the process runs, on a connection of
/// its own (reconnecting after a second when it fails).
pub async fn serve(app: Arc<App>, url: String, partition: Partition) {
    loop {
        let served = async {
            let client = fanzha_stream::client(&url).await?;
            if let Some(Ok(mut slot)) = app.stream.get().map(|f| f.client.write()) {
                *slot = Some(client.clone());
            }
            let app = app.clone();
            fanzha_stream::answer_slices(&client, partition, move |q| answer(&app, q)).await
        };
        if let Err(e) = served.await {
            eprintln!("partition {partition}: answering other nodes: {e}; retrying in 1 s");
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Every partition, reached over NATS from a blocking thread of the runtime `handle`.
pub struct NatsPartitions {
    /// The connection.
    pub client: fanzha_stream::Client,
    /// How many partitions.
    pub count: u32,
    /// Where the requests run.
    pub handle: tokio::runtime::Handle,
    /// Every partition must reflect at least this stream sequence (read your writes).
    pub wanted: Option<u64>,
}

impl Partitions for NatsPartitions {
    fn count(&self) -> u32 {
        self.count
    }

    fn ask(&mut self, partition: u32, req: &SliceRequest) -> Result<Slice, String> {
        let question = serde_json::to_vec(req).expect("a slice request serializes");
        let p = Partition { index: partition, count: self.count };
        let asked = fanzha_stream::ask_slice(&self.client, p, question, ASK_WAIT);
        // On an async worker, the worker is moved aside while this thread waits.
        let answer = match tokio::runtime::Handle::try_current() {
            Ok(_) => tokio::task::block_in_place(|| self.handle.block_on(asked)),
            Err(_) => self.handle.block_on(asked),
        }
        .map_err(|e| e.to_string())?;
        let slice: Slice = serde_json::from_slice(&answer).map_err(|_| {
            let v: serde_json::Value = serde_json::from_slice(&answer).unwrap_or_default();
            v["error"].as_str().map_or_else(|| "an answer that is not a slice".to_string(), str::to_string)
        })?;
        match self.wanted {
            Some(w) if slice.sequence < w => {
                Err(format!("it reflects the stream up to sequence {}, not yet {w}; retry shortly", slice.sequence))
            }
            _ => Ok(slice),
        }
    }
}

/// Why [`App::trace`] gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum TraceFailure {
    /// The request (as on one node) or a partition that did not answer.
    #[error(transparent)]
    Across(#[from] AcrossError),
    /// The node's state is poisoned.
    #[error(transparent)]
    Poisoned(#[from] crate::state::Poisoned),
}

impl App {
    /// Runs a trace: over this node's store, or, on a partitioned node, across every partition
    /// (`wanted`: each must reflect at least that stream sequence). The one way the API and the
    /// console trace. On a partitioned node it waits for other nodes: call it off the async
    /// workers (`spawn_blocking`), or it moves its own worker aside while it waits.
    pub fn trace(&self, req: &TraceRequest, wanted: Option<u64>) -> Result<TraceAnswer, TraceFailure> {
        let Some(following) = self.stream.get().filter(|f| f.partition.is_some()) else {
            let live = self.read_live()?;
            let graph = live.graph();
            return Ok(req.run(live.store.ledger(), &graph).map_err(AcrossError::from)?);
        };
        let Some((client, partition)) = following.partitioned() else {
            let detail = "this node is not connected to the other partitions yet; retry".to_string();
            let p = following.partition.map_or(0, |p| p.index);
            return Err(AcrossError::Unreachable { partition: p, detail }.into());
        };
        let handle = tokio::runtime::Handle::try_current().map_err(|e| AcrossError::Unreachable {
            partition: partition.index,
            detail: format!("no runtime to ask the other partitions from: {e}"),
        })?;
        let mut parts = NatsPartitions { client, count: partition.count, handle, wanted };
        Ok(trace_across(req, &mut parts)?)
    }
}
