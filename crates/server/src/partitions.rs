//! A node of a partitioned deployment (`fanzha serve --follow URL --partition K/P`). It answers
//! the other nodes' [`Question`]s about the accounts it owns, and asks them its own: a trace asked
//! of it is gathered from every partition (`fanzha_trace::trace_across`), a check goes to the
//! payee's partition (which asks the payer's for the payer's part of the check), an account's risk to the
//! account's. So any node answers any request, as one node holding everything would (design and
//! costs: docs/scale.md).

use crate::error::ApiError;
use crate::risk::AccountRisk;
use crate::state::App;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use fanzha_check::request::TransferRequest;
use fanzha_check::PayerPart;
use fanzha_model::{Partition, Ts};
use fanzha_storage::Store;
use fanzha_trace::{trace_across, AcrossError, Partitions, Slice, SliceRequest, TraceAnswer, TraceRequest};
use serde::{Deserialize, Serialize};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

/// How long a node waits for another partition's answer.
const ASK_WAIT: Duration = Duration::from_secs(10);

/// What one node of a partitioned deployment asks another (JSON, tagged by `ask`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "ask", rename_all = "snake_case")]
pub enum Question {
    /// Accounts' transfers, for a trace: answered with a [`Slice`].
    Slice(SliceRequest),
    /// The payer's part of a check of its payment to `payee` at `at` (UTC epoch seconds):
    /// answered with a [`PayerPart`]. Asked as `payer_day`, its name when it asked for the day
    /// alone: a node of that build ignores the payee and answers the day, which reads as a part with
    /// nothing else known, and its question reads as this one without a payee.
    #[serde(rename = "payer_day")]
    PayerPart {
        /// The payer's account id.
        account: String,
        /// The payee's account id, when the payment has one.
        payee: Option<String>,
        /// The checked transfer's time.
        at: i64,
    },
    /// A check (the JSON of `POST /v1/transfers/check`) of a transfer whose payee the partition
    /// holds: answered [`Forwarded`].
    Check {
        /// The request as the caller sent it.
        request: serde_json::Value,
    },
    /// An account's risk: answered [`Forwarded`].
    Risk {
        /// The account id.
        account: String,
    },
}

/// A question answered as the owner's API would answer it: the status and the JSON body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Forwarded {
    /// HTTP status.
    pub status: u16,
    /// JSON body.
    pub body: serde_json::Value,
}

impl Forwarded {
    fn of<T: Serialize>(answer: Result<T, ApiError>) -> Forwarded {
        match answer {
            Ok(body) => Forwarded { status: 200, body: serde_json::to_value(body).expect("answers serialize") },
            Err(e) => Forwarded { status: e.status.as_u16(), body: e.body() },
        }
    }
}

/// The JSON of `{"error": why}`: how a question that could not be answered is answered.
fn refusal(why: String) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "error": why })).expect("JSON serializes")
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("answers serialize")
}

/// Another node's answer as `T`; `Err` is its refusal (`{"error": why}`) or says it was not a `T`.
fn decode<T: serde::de::DeserializeOwned>(answer: &[u8]) -> Result<T, String> {
    serde_json::from_slice(answer).map_err(|_| {
        let v: serde_json::Value = serde_json::from_slice(answer).unwrap_or_default();
        v["error"].as_str().map_or_else(
            || format!("an answer fanzha does not read: {}", String::from_utf8_lossy(answer)),
            str::to_string,
        )
    })
}

/// Answers one question (JSON of a [`Question`]) from this node.
async fn answer(app: Arc<App>, question: Vec<u8>) -> Vec<u8> {
    let question = match serde_json::from_slice::<Question>(&question) {
        Ok(q) => q,
        Err(e) => return refusal(format!("not a question fanzha asks: {e}")),
    };
    match question {
        Question::Slice(req) => {
            let sequence = app.stream.get().map_or(0, |f| f.sequence.load(Ordering::Acquire));
            let Ok(live) = app.read_live() else { return refusal("the node's state is poisoned".into()) };
            let graph = live.graph();
            to_json(&Slice { sequence, ..Slice::of(live.store.ledger(), &graph, &req) })
        }
        Question::PayerPart { account, payee, at } => {
            let Ok(live) = app.read_live() else { return refusal("the node's state is poisoned".into()) };
            let ledger = live.store.ledger();
            let payee = payee.and_then(|id| ledger.account_ix(&id));
            let part = ledger.account_ix(&account).map(|a| live.checker.payer_part(a, payee, Ts(at)));
            to_json(&part.unwrap_or_default())
        }
        Question::Check { request } => {
            let checked = match serde_json::from_value::<TransferRequest>(request) {
                Ok(req) => {
                    let started = std::time::Instant::now();
                    match req.validate(app.horizon()) {
                        Ok(checked) => crate::routes::check_held(&app, &req, checked, started).await,
                        Err(e) => Err(ApiError::from(e)),
                    }
                }
                Err(e) => Err(ApiError::new(StatusCode::BAD_REQUEST, format!("body: {e}"))),
            };
            to_json(&Forwarded::of(checked))
        }
        Question::Risk { account } => to_json(&Forwarded::of(app.account_risk(&account))),
    }
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
            fanzha_stream::answer_questions(&client, partition, move |q| answer(app.clone(), q)).await
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
        self.ask_all([(partition, req)]).pop().expect("one answer a question")
    }

    fn ask_each(&mut self, questions: &[(u32, SliceRequest)]) -> Vec<Result<Slice, String>> {
        self.ask_all(questions.iter().map(|(p, req)| (*p, req)))
    }
}

impl NatsPartitions {
    /// Sends every question before awaiting any answer (a round costs its slowest partition);
    /// the answers in the questions' order.
    fn ask_all<'q>(&self, questions: impl IntoIterator<Item = (u32, &'q SliceRequest)>) -> Vec<Result<Slice, String>> {
        let asked: Vec<_> = questions
            .into_iter()
            .map(|(partition, req)| {
                let question = to_json(&Question::Slice(req.clone()));
                let p = Partition { index: partition, count: self.count };
                let client = self.client.clone();
                self.handle.spawn(async move { fanzha_stream::ask_partition(&client, p, question, ASK_WAIT).await })
            })
            .collect();
        let answers = async {
            let mut answers = Vec::with_capacity(asked.len());
            for task in asked {
                answers.push(task.await.map_err(|e| e.to_string()).and_then(|a| a.map_err(|e| e.to_string())));
            }
            answers
        };
        // On an async worker, the worker is moved aside while this thread waits.
        let answers = match tokio::runtime::Handle::try_current() {
            Ok(_) => tokio::task::block_in_place(|| self.handle.block_on(answers)),
            Err(_) => self.handle.block_on(answers),
        };
        answers.into_iter().map(|answer| self.checked(answer?)).collect()
    }

    /// A partition's answer to a slice question, read and held to the sequence wanted.
    fn checked(&self, answer: Vec<u8>) -> Result<Slice, String> {
        let slice: Slice = decode(&answer)?;
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
    /// On a partitioned node, the partition that owns account `id` when it is not this node's: the
    /// account's transfers are held there, and only there in full. `None`: this node holds them.
    pub fn owner_elsewhere(&self, id: &str) -> Option<Partition> {
        let p = self.stream.get().and_then(|f| f.partition).filter(|p| !p.owns(id))?;
        Some(Partition { index: Partition::owner(id, p.count), count: p.count })
    }

    /// An account's risk from this node's state (404 when it holds no such account).
    pub fn account_risk(&self, id: &str) -> Result<AccountRisk, ApiError> {
        let live = self.read_live()?;
        live.account_risk(id, Ts::now()).ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such account"))
    }

    /// Asks a node of partition `to` `question`: its answer (502 when it is not one), or 503 when
    /// it did not answer.
    async fn ask<T: serde::de::DeserializeOwned>(&self, to: Partition, question: &Question) -> Result<T, ApiError> {
        let unavailable = |why: String| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, why);
        let (client, _) = self
            .stream
            .get()
            .and_then(|f| f.partitioned())
            .ok_or_else(|| unavailable("this node is not connected to the other partitions yet; retry".into()))?;
        let answer = fanzha_stream::ask_partition(&client, to, to_json(question), ASK_WAIT)
            .await
            .map_err(|e| unavailable(format!("partition {to} did not answer: {e}; retry")))?;
        decode(&answer).map_err(|why| ApiError::new(StatusCode::BAD_GATEWAY, format!("partition {to} answered: {why}")))
    }

    /// Has a node of partition `to` answer `question` as its API would, and answers the same.
    pub async fn forward(&self, to: Partition, question: &Question) -> Result<Response, ApiError> {
        let forwarded: Forwarded = self.ask(to, question).await?;
        let status = StatusCode::from_u16(forwarded.status).unwrap_or(StatusCode::BAD_GATEWAY);
        Ok((status, Json(forwarded.body)).into_response())
    }

    /// Payer `account`'s part of a check of its payment to `payee` at `at`, from its partition
    /// `owner`.
    pub async fn payer_part(
        &self,
        owner: Partition,
        account: &str,
        payee: Option<&str>,
        at: Ts,
    ) -> Result<PayerPart, ApiError> {
        let question = Question::PayerPart { account: account.to_string(), payee: payee.map(str::to_string), at: at.0 };
        self.ask(owner, &question).await
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payer_question_of_the_build_before_is_still_understood() {
        let old = r#"{"ask":"payer_day","account":"6200000000000001","at":1700000000}"#;
        match serde_json::from_str::<Question>(old).unwrap() {
            Question::PayerPart { account, payee, at } => {
                assert_eq!((account.as_str(), payee, at), ("6200000000000001", None, 1_700_000_000));
            }
            other => panic!("read as {other:?}"),
        }
        let new = Question::PayerPart { account: "A".into(), payee: Some("B".into()), at: 1 };
        assert!(serde_json::to_string(&new).unwrap().contains(r#""ask":"payer_day""#));
    }
}
