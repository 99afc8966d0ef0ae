//! `/sse`: go-httpbin's Server-Sent Events, `ping` events spread over time, each written the moment it is
//! due. Also the response shape every event stream here shares.

use crate::paced::{paced, Pace, PaceQuery};
use crate::reply::bad_request;
use crate::Config;
use axum::{
    body::Body,
    extract::{Query, State},
    http::{header, HeaderValue},
    response::Response,
};
use std::io::Write;
use std::sync::Arc;

/// `/sse?count=10&duration=5s&delay=0`: `count` events, the first at once and the last at `duration`.
pub async fn sse(State(config): State<Arc<Config>>, Query(query): Query<PaceQuery>) -> Response {
    let pace = match Pace::from_query(&query, config.max_delay) {
        Ok(pace) => pace,
        Err(why) => return bad_request(&why),
    };
    // As go-httpbin: nothing, not even the status line, before the initial delay is over.
    tokio::time::sleep(pace.delay).await;
    let body = paced(pace, |id, timestamp, out| {
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
