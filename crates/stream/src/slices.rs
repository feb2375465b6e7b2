//! Request-reply between the nodes of a partitioned deployment (core NATS, not the stream): a
//! node of partition K of P answers `fanzha.slices.<P>.<K>` in the queue group `fanzha-slices`,
//! so the nodes of one partition share the questions and one answers each. What is asked and
//! answered is the caller's (a trace's coordinator asks for accounts' transfers; see
//! `fanzha_trace::Slice`).

use crate::{nats, StreamError};
use async_nats::Client;
use fanzha_model::Partition;
use futures_util::StreamExt;
use std::time::Duration;

/// The subject a partition's nodes answer on.
pub fn slice_subject(partition: Partition) -> String {
    format!("fanzha.slices.{}.{}", partition.count, partition.index)
}

/// Answers every question to `partition` with `answer(question)` until the connection closes.
/// An answer larger than the server lets one message be is replaced by a JSON error saying so.
pub async fn answer_slices(
    client: &Client,
    partition: Partition,
    mut answer: impl FnMut(&[u8]) -> Vec<u8>,
) -> Result<(), StreamError> {
    let mut questions =
        client.queue_subscribe(slice_subject(partition), "fanzha-slices".into()).await.map_err(nats("subscribe"))?;
    while let Some(q) = questions.next().await {
        let Some(reply) = q.reply else { continue };
        let mut body = answer(&q.payload);
        let most = client.server_info().max_payload;
        if body.len() > most {
            let why = format!("the answer has {} bytes, more than one NATS message carries ({most})", body.len());
            body = serde_json::to_vec(&serde_json::json!({ "error": why })).expect("JSON serializes");
        }
        client.publish(reply, body.into()).await.map_err(nats("answer"))?;
    }
    Ok(())
}

/// Asks a node of `partition` `question` and waits at most `wait` for the answer.
pub async fn ask_slice(
    client: &Client,
    partition: Partition,
    question: Vec<u8>,
    wait: Duration,
) -> Result<Vec<u8>, StreamError> {
    let asked = client.request(slice_subject(partition), question.into());
    match tokio::time::timeout(wait, asked).await {
        Ok(answer) => Ok(answer.map_err(nats("ask a partition"))?.payload.to_vec()),
        Err(_) => Err(StreamError::Nats { what: "ask a partition", detail: format!("no answer within {wait:?}") }),
    }
}
