//! Generated and timed bodies: `/delay`, `/drip`, `/stream`, `/stream-bytes`, `/bytes`, `/range`. Every size
//! and wait is capped by the configuration, so no request can make the server produce without end.

use crate::echo::describe;
use crate::reply::{bad_request, plain, pretty_json};
use crate::rng::SplitMix;
use crate::Config;
use axum::{
    body::{Body, Bytes},
    extract::{Path, Query, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use futures_util::stream;
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

/// `/stream/{n}` sends at most this many lines (httpbin's cap).
const MAX_LINES: usize = 100;

/// `/delay/{secs}`: waits (at most the configured cap), then echoes.
pub async fn delay(
    State(config): State<Arc<Config>>,
    Path(secs): Path<f64>,
    request: Request,
) -> Response {
    if !secs.is_finite() || secs < 0.0 {
        return bad_request("The delay must be a number of seconds, 0 or more.");
    }
    // Compared as floats first: a huge number of seconds does not fit a Duration.
    let wait = if secs >= config.max_delay.as_secs_f64() {
        config.max_delay
    } else {
        Duration::from_secs_f64(secs)
    };
    tokio::time::sleep(wait).await;
    match describe(&config, request).await {
        Ok(echo) => pretty_json(&echo),
        Err(response) => response,
    }
}

#[derive(Deserialize)]
pub struct DripQuery {
    duration: Option<f64>,
    numbytes: Option<usize>,
    code: Option<u16>,
    delay: Option<f64>,
}

/// `/drip?duration=2&numbytes=10&code=200&delay=0`: `numbytes` asterisks spread over `duration` seconds.
pub async fn drip(State(config): State<Arc<Config>>, Query(query): Query<DripQuery>) -> Response {
    let duration = query.duration.unwrap_or(2.0);
    let delay = query.delay.unwrap_or(0.0);
    let numbytes = query.numbytes.unwrap_or(10);
    let max = config.max_delay.as_secs_f64();
    if !(duration.is_finite() && delay.is_finite() && duration >= 0.0 && delay >= 0.0)
        || duration + delay > max
    {
        return bad_request(&format!("duration + delay must be 0 to {max} seconds."));
    }
    if numbytes > config.max_generated_bytes {
        return too_much(config.max_generated_bytes);
    }
    let Some(code) = query
        .code
        .and_then(|c| StatusCode::from_u16(c).ok())
        .or(query.code.is_none().then_some(StatusCode::OK))
    else {
        return bad_request("code must be an HTTP status code.");
    };
    let gap = if numbytes > 0 {
        Duration::from_secs_f64(duration / numbytes as f64)
    } else {
        Duration::ZERO
    };
    tokio::time::sleep(Duration::from_secs_f64(delay)).await;
    let body = stream::unfold(0usize, move |sent| async move {
        if sent >= numbytes {
            return None;
        }
        if sent > 0 {
            tokio::time::sleep(gap).await;
        }
        Some((Ok::<_, Infallible>(Bytes::from_static(b"*")), sent + 1))
    });
    let mut response = Response::new(Body::from_stream(body));
    *response.status_mut() = code;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(numbytes));
    response
}

/// `/stream/{n}`: `n` JSON lines (at most 100), each the `/get` document with an `id`, sent as chunks.
pub async fn lines(
    State(config): State<Arc<Config>>,
    Path(n): Path<usize>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let base = serde_json::json!({
        "args": crate::echo::collect_pairs(parts.uri.query().unwrap_or_default().as_bytes()),
        "headers": crate::echo::title_cased_headers(&parts.headers, &config.exclude_headers),
        "origin": crate::echo::origin(&parts),
        "url": crate::echo::full_url(&parts.headers, &parts.uri),
    });
    let count = n.min(MAX_LINES);
    let body = stream::iter((0..count).map(move |id| {
        let mut line = base.clone();
        line["id"] = serde_json::json!(id);
        let mut text = line.to_string();
        text.push('\n');
        Ok::<_, Infallible>(Bytes::from(text))
    }));
    (
        [(header::CONTENT_TYPE, "application/json")],
        Body::from_stream(body),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct BytesQuery {
    seed: Option<u64>,
    chunk_size: Option<usize>,
}

/// `/bytes/{n}?seed=`: `n` random bytes in one piece.
pub async fn bytes(
    State(config): State<Arc<Config>>,
    Path(n): Path<usize>,
    Query(query): Query<BytesQuery>,
) -> Response {
    if n > config.max_generated_bytes {
        return too_much(config.max_generated_bytes);
    }
    let data = generator(query.seed).bytes(n);
    ([(header::CONTENT_TYPE, "application/octet-stream")], data).into_response()
}

/// `/stream-bytes/{n}?seed=&chunk_size=`: `n` random bytes sent chunked.
pub async fn stream_bytes(
    State(config): State<Arc<Config>>,
    Path(n): Path<usize>,
    Query(query): Query<BytesQuery>,
) -> Response {
    if n > config.max_generated_bytes {
        return too_much(config.max_generated_bytes);
    }
    let chunk = query.chunk_size.unwrap_or(10 * 1024).clamp(1, 1024 * 1024);
    let mut rng = generator(query.seed);
    let body = stream::iter(
        (0..n)
            .step_by(chunk)
            .map(move |start| Ok::<_, Infallible>(Bytes::from(rng.bytes(chunk.min(n - start))))),
    );
    (
        [(header::CONTENT_TYPE, "application/octet-stream")],
        Body::from_stream(body),
    )
        .into_response()
}

fn generator(seed: Option<u64>) -> SplitMix {
    seed.map(SplitMix::seeded).unwrap_or_else(SplitMix::fresh)
}

fn too_much(limit: usize) -> Response {
    bad_request(&format!(
        "At most {limit} generated bytes (see --max-generated-bytes)."
    ))
}

/// `/range/{n}`: `n` bytes of `abc...z` repeated, honouring one `Range: bytes=` range (206 / 416).
pub async fn range(
    State(config): State<Arc<Config>>,
    Path(n): Path<usize>,
    headers: HeaderMap,
) -> Response {
    if n > config.max_generated_bytes {
        return too_much(config.max_generated_bytes);
    }
    let letter = |i: usize| b'a' + (i % 26) as u8;
    let asked = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (status, start, end) = match asked.map(|r| parse_range(r, n)) {
        None => (StatusCode::OK, 0, n),
        Some(Some((start, end))) => (StatusCode::PARTIAL_CONTENT, start, end),
        Some(None) => {
            let mut response = plain(StatusCode::RANGE_NOT_SATISFIABLE, "Range not satisfiable.");
            if let Ok(value) = HeaderValue::from_str(&format!("bytes */{n}")) {
                response.headers_mut().insert(header::CONTENT_RANGE, value);
            }
            return response;
        }
    };
    let data: Vec<u8> = (start..end).map(letter).collect();
    let mut response = (status, data).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if let Ok(etag) = HeaderValue::from_str(&format!("\"range{n}\"")) {
        headers.insert(header::ETAG, etag);
    }
    if status == StatusCode::PARTIAL_CONTENT {
        if let Ok(value) = HeaderValue::from_str(&format!("bytes {start}-{}/{n}", end - 1)) {
            headers.insert(header::CONTENT_RANGE, value);
        }
    }
    response
}

/// `bytes=a-b`, `bytes=a-`, `bytes=-k` -> half-open [start, end); `None` when unsatisfiable.
fn parse_range(text: &str, len: usize) -> Option<(usize, usize)> {
    let spec = text.trim().strip_prefix("bytes=")?;
    let (first, last) = spec.split(',').next()?.trim().split_once('-')?;
    let (start, end) = match (first.trim(), last.trim()) {
        ("", suffix) => {
            let k: usize = suffix.parse().ok()?;
            (len.saturating_sub(k), len)
        }
        (a, "") => (a.parse().ok()?, len),
        (a, b) => (
            a.parse().ok()?,
            b.parse::<usize>().ok()?.saturating_add(1).min(len),
        ),
    };
    (start < end && start < len).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        for (text, expected) in [
            ("bytes=0-9", Some((0, 10))),
            ("bytes=5-", Some((5, 26))),
            ("bytes=-3", Some((23, 26))),
            ("bytes=20-100", Some((20, 26))),
            ("bytes=30-40", None),
            ("bytes=9-3", None),
            ("items=0-1", None),
        ] {
            assert_eq!(parse_range(text, 26), expected, "{text}");
        }
    }
}
