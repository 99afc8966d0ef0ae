//! Records over time in the three line-oriented JSON formats: `/ndjson`, `/jsonl` and `/json-seq`
//! (RFC 7464: each record after an RS byte, 0x1E, and ending with LF). Same pacing as `/sse`.

use crate::paced::{paced, Pace, PaceQuery};
use crate::reply::bad_request;
use crate::sse::no_buffering;
use crate::Config;
use axum::{
    body::Body,
    extract::{Query, State},
    http::{header, HeaderValue},
    response::Response,
};
use std::io::Write;
use std::sync::Arc;

/// RFC 7464's record separator.
const RS: u8 = 0x1e;

pub async fn ndjson(state: State<Arc<Config>>, query: Query<PaceQuery>) -> Response {
    records(state, query, "application/x-ndjson", None).await
}

pub async fn jsonl(state: State<Arc<Config>>, query: Query<PaceQuery>) -> Response {
    records(state, query, "application/jsonl", None).await
}

pub async fn json_seq(state: State<Arc<Config>>, query: Query<PaceQuery>) -> Response {
    records(state, query, "application/json-seq", Some(RS)).await
}

async fn records(
    State(config): State<Arc<Config>>,
    Query(query): Query<PaceQuery>,
    content_type: &'static str,
    prefix: Option<u8>,
) -> Response {
    let pace = match Pace::from_query(&query, config.max_delay) {
        Ok(pace) => pace,
        Err(why) => return bad_request(&why),
    };
    tokio::time::sleep(pace.delay).await;
    let body = paced(pace, move |id, timestamp, out| {
        out.extend(prefix);
        let _ = writeln!(
            out,
            "{{\"id\":{id},\"timestamp\":{timestamp},\"message\":\"record {id}\"}}"
        );
    });
    let mut response = Response::new(Body::from_stream(body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    no_buffering(headers);
    response
}
