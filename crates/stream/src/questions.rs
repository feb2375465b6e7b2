//! Request-reply between the nodes of a partitioned deployment (core NATS, not the stream): a
//! node of partition K of P answers `fanzha.partition.<P>.<K>` in the queue group
//! `fanzha-partition`, so the nodes of one partition share the questions and one answers each.
//! What is asked and answered is the caller's (a trace's coordinator asks for accounts' transfers,
//! a check for the payer's part; `fanzha_server::partitions`). These subjects must be open to
//! fanzha's nodes only: a question is answered without an API key, the asking node having checked
//! the caller's.

use crate::{nats, StreamError};
use async_nats::Client;
use fanzha_model::Partition;
use futures_util::StreamExt;
use std::future::Future;
use std::time::Duration;

/// The subject a partition's nodes answer on.
pub fn question_subject(partition: Partition) -> String {
    format!("fanzha.partition.{}.{}", partition.count, partition.index)
}

/// Answers every question to `partition` with `answer(question)`, each in a task of its own (an
/// answer may wait for another node's), until the connection closes. An answer larger than the
/// server lets one message be is replaced by a JSON error saying so.
pub async fn answer_questions<F, A>(client: &Client, partition: Partition, answer: F) -> Result<(), StreamError>
where
    F: Fn(Vec<u8>) -> A + Clone + Send + 'static,
    A: Future<Output = Vec<u8>> + Send + 'static,
{
    let mut questions = client
        .queue_subscribe(question_subject(partition), "fanzha-partition".into())
        .await
        .map_err(nats("subscribe"))?;
    while let Some(q) = questions.next().await {
        let Some(reply) = q.reply else { continue };
        let (client, answer) = (client.clone(), answer.clone());
        tokio::spawn(async move {
            let mut body = answer(q.payload.to_vec()).await;
            let most = client.server_info().max_payload;
            if body.len() > most {
                let why = format!("the answer has {} bytes, more than one NATS message carries ({most})", body.len());
                body = serde_json::to_vec(&serde_json::json!({ "error": why })).expect("JSON serializes");
            }
            if let Err(e) = client.publish(reply, body.into()).await {
                eprintln!("partition {partition}: answering: {e}");
            }
        });
    }
    Ok(())
}

/// Asks a node of `partition` `question` and waits at most `wait` for the answer.
pub async fn ask_partition(
    client: &Client,
    partition: Partition,
    question: Vec<u8>,
    wait: Duration,
) -> Result<Vec<u8>, StreamError> {
    let asked = client.request(question_subject(partition), question.into());
    match tokio::time::timeout(wait, asked).await {
        Ok(answer) => Ok(answer.map_err(nats("ask a partition"))?.payload.to_vec()),
        Err(_) => Err(StreamError::Nats { what: "ask a partition", detail: format!("no answer within {wait:?}") }),
    }
}
