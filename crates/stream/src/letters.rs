//! Reading the dead-letter stream: what followers refused, and why.

use crate::{nats, StreamError, DEAD_STREAM};
use async_nats::jetstream::Context;
use serde_json::Value;

/// Every dead letter still in the stream, oldest first: JSON objects with `follower`, `subject`,
/// `sequence` (of the refused record in the record stream), `reason` and `record`.
pub async fn dead_letters(js: &Context) -> Result<Vec<Value>, StreamError> {
    let mut stream = js.get_stream(DEAD_STREAM).await.map_err(nats("open dead-letter stream"))?;
    let info = stream.info().await.map_err(nats("dead-letter stream info"))?;
    let (first, last, count) = (info.state.first_sequence, info.state.last_sequence, info.state.messages);
    let mut letters = Vec::new();
    if count == 0 {
        return Ok(letters);
    }
    for sequence in first..=last {
        let Ok(m) = stream.get_raw_message(sequence).await else { continue };
        let letter = serde_json::from_slice(&m.payload)
            .unwrap_or_else(|_| serde_json::json!({ "unreadable": String::from_utf8_lossy(&m.payload) }));
        letters.push(letter);
    }
    Ok(letters)
}
