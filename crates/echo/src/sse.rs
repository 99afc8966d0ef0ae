//! `/sse`: go-httpbin's Server-Sent Events, `ping` events spread over time, each written the moment it is
//! due; as an event source server would, it continues after the id a reconnecting client names in
//! `Last-Event-ID`, and `retry=MS` tells clients how long to wait before reconnecting. Also the response
//! shape every event stream here shares.

use crate::paced::{paced, Pace, PaceQuery};
use crate::reply::bad_request;
use crate::Config;
use axum::{
    body::Body,
    extract::{Query, State},
    http::{header, HeaderMap, HeaderValue},
    response::Response,
};
use serde::Deserialize;
use std::io::Write;
use std::sync::Arc;

/// `/sse` beyond go-httpbin's parameters.
#[derive(Debug, Default, Deserialize)]
pub struct SseQuery {
    /// Milliseconds, sent as the stream's `retry` field.
    retry: Option<u64>,
}

/// `/sse?count=10&duration=5s&delay=0`: `count` events, the first at once and the last at `duration`,
/// numbered from 0, or from one after a numeric `Last-Event-ID`.
pub async fn sse(
    State(config): State<Arc<Config>>,
    Query(query): Query<PaceQuery>,
    Query(extra): Query<SseQuery>,
    headers: HeaderMap,
) -> Response {
    let pace = match Pace::from_query(&query, config.max_delay) {
        Ok(pace) => pace,
        Err(why) => return bad_request(&why),
    };
    let first = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(0, |last| last.saturating_add(1));
    let mut retry = extra.retry;
    // As go-httpbin: nothing, not even the status line, before the initial delay is over.
    tokio::time::sleep(pace.delay).await;
    let body = paced(pace, move |n, timestamp, out| {
        let id = first.saturating_add(n);
        if let Some(ms) = retry.take() {
            let _ = writeln!(out, "retry: {ms}");
        }
        let _ = write!(
            out,
            "id: {id}\nevent: ping\ndata: {{\"id\":{id},\"timestamp\":{timestamp}}}\n\n"
        );
    });
    event_stream(Body::from_stream(body))
}

/// A `text/event-stream` answer that no cache or proxy should hold back.
pub fn event_stream(body: Body) -> Response {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    no_buffering(headers);
    response
}

/// Streams are for watching arrive: caches must not keep them, and nginx-style proxies must not batch them.
pub fn no_buffering(headers: &mut axum::http::HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
}
