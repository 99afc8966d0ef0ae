//! `POST /sse/chat`: a streamed answer shaped like OpenAI's chat completions, for trying an LLM client
//! against a server that needs no key: one `chat.completion.chunk` event per word, then a `summary` event
//! whose data spans several `data:` lines (which a client must join with LF), then `data: [DONE]`.

use crate::reply::bad_request;
use crate::sse::event_stream;
use crate::Config;
use axum::{
    body::{Body, Bytes},
    extract::{Query, State},
    response::Response,
};
use futures_util::stream;
use serde::Deserialize;
use serde_json::{json, Value};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

/// Gap between events when none is asked for, and the largest one that may be.
const DEFAULT_DELAY_MS: u64 = 50;
const MAX_DELAY_MS: u64 = 1000;
/// Words of the user's message repeated at most: the answer, and so the stream, stays short.
const MAX_ECHOED_WORDS: usize = 500;

#[derive(Deserialize)]
pub struct ChatQuery {
    delay_ms: Option<String>,
}

pub async fn chat(
    State(config): State<Arc<Config>>,
    Query(query): Query<ChatQuery>,
    body: Bytes,
) -> Response {
    let asked: Value = if body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(err) => {
                return bad_request(&format!(
                    "The body is not valid JSON ({err}); send a chat request such as \
                     {{\"model\":\"any\",\"messages\":[{{\"role\":\"user\",\"content\":\"Hello\"}}],\"stream\":true}}."
                ))
            }
        }
    };
    let Some(fields) = asked.as_object() else {
        return bad_request("The body must be a JSON object with a messages list.");
    };
    let messages = match fields.get("messages") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(list)) => list.as_slice(),
        Some(_) => {
            return bad_request("messages must be a list of {\"role\", \"content\"} objects.")
        }
    };
    let delay_ms = match (query.delay_ms.as_deref(), fields.get("delay_ms")) {
        (Some(text), _) => text.trim().parse::<u64>().ok(),
        (None, Some(value)) => value.as_u64(),
        (None, None) => Some(DEFAULT_DELAY_MS),
    };
    let Some(delay_ms) = delay_ms.filter(|ms| *ms <= MAX_DELAY_MS) else {
        return bad_request(&format!(
            "delay_ms must be a whole number of milliseconds from 0 to {MAX_DELAY_MS}."
        ));
    };
    let model = fields
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or("reqlab-echo")
        .to_string();
    let answer = answer_to(last_user_text(messages));
    let events = events(&answer, &model);
    // The whole answer fits in the server's longest wait: a long message streams faster, not longer.
    let most = config.max_delay / u32::try_from(events.len()).unwrap_or(u32::MAX).max(1);
    let gap = Duration::from_millis(delay_ms).min(most);
    let body = stream::unfold(
        (events.into_iter(), true),
        move |(mut rest, first)| async move {
            let event = rest.next()?;
            if !first {
                tokio::time::sleep(gap).await;
            }
            Some((Ok::<_, Infallible>(event), (rest, false)))
        },
    );
    event_stream(Body::from_stream(body))
}

/// The text of the last message whose role is `user`: a plain string or OpenAI's list of content parts.
fn last_user_text(messages: &[Value]) -> Option<String> {
    let message = messages
        .iter()
        .rev()
        .find(|m| m.get("role").and_then(Value::as_str) == Some("user"))?;
    match message.get("content")? {
        Value::String(text) => Some(text.clone()),
        Value::Array(parts) => Some(
            parts
                .iter()
                .filter_map(|part| part.get("text").and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => None,
    }
}

/// Always at least two lines, so the summary event always needs several `data:` lines.
fn answer_to(said: Option<String>) -> String {
    let said = said
        .map(|text| text.replace("\r\n", "\n").replace('\r', "\n"))
        .unwrap_or_default();
    let mut words: Vec<&str> = said.split(' ').collect();
    let first = if said.trim().is_empty() {
        "You sent no user message.".to_string()
    } else if words.len() > MAX_ECHOED_WORDS {
        words.truncate(MAX_ECHOED_WORDS);
        format!("You said: {} …", words.join(" ").trim())
    } else {
        format!("You said: {}", said.trim())
    };
    format!("{first}\nThis answer came from reqlab-echo, one word per event.")
}

/// Every event of the stream, in order, ready to write.
fn events(answer: &str, model: &str) -> Vec<Bytes> {
    let id = format!("chatcmpl-{}", uuid::Uuid::new_v4().simple());
    let created = crate::paced::unix_ms() / 1000;
    let words: Vec<&str> = answer.split_inclusive([' ', '\n']).collect();
    let mut events = Vec::with_capacity(words.len() + 2);
    for (n, word) in words.iter().enumerate() {
        let mut delta = json!({ "content": word });
        if n == 0 {
            delta["role"] = json!("assistant");
        }
        let finish = (n + 1 == words.len()).then_some("stop");
        let chunk = json!({
            "id": id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{ "index": 0, "delta": delta, "finish_reason": finish }],
        });
        events.push(Bytes::from(format!("id: {n}\ndata: {chunk}\n\n")));
    }
    let mut summary = format!("id: {}\nevent: summary\n", words.len());
    for line in answer.split('\n') {
        summary.push_str(&format!("data: {line}\n"));
    }
    summary.push('\n');
    events.push(Bytes::from(summary));
    events.push(Bytes::from_static(b"data: [DONE]\n\n"));
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_echoes_the_last_user_message_over_two_lines() {
        let messages = json!([
            {"role": "user", "content": "first"},
            {"role": "assistant", "content": "ignored"},
            {"role": "user", "content": [{"type": "text", "text": "Hello there"}]},
        ]);
        let said = last_user_text(messages.as_array().expect("list"));
        let answer = answer_to(said);
        assert!(answer.starts_with("You said: Hello there\n"), "{answer}");
        assert_eq!(answer.lines().count(), 2);
        assert!(answer_to(None).starts_with("You sent no user message.\n"));
    }

    #[test]
    fn the_words_add_up_to_the_answer() {
        let answer = answer_to(Some("a b\nc".to_string()));
        let events = events(&answer, "m");
        let mut joined = String::new();
        for event in &events[..events.len() - 2] {
            let text = std::str::from_utf8(event).expect("UTF-8");
            let data = text
                .lines()
                .find_map(|l| l.strip_prefix("data: "))
                .expect("data line");
            let chunk: Value = serde_json::from_str(data).expect("JSON");
            joined.push_str(
                chunk["choices"][0]["delta"]["content"]
                    .as_str()
                    .expect("text"),
            );
        }
        assert_eq!(joined, answer);
    }
}
