//! Caching endpoints: conditional requests (`/cache`, `/etag/{etag}`) and `Cache-Control` (`/cache/{n}`).

use crate::echo::get;
use crate::reply::plain;
use crate::Config;
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use std::sync::Arc;

/// A fixed validator time: `/cache` content never changes, so neither does its Last-Modified.
const LAST_MODIFIED: &str = "Mon, 01 Jan 2024 00:00:00 GMT";
const CACHE_ETAG: &str = "\"reqlab-cache-v1\"";

/// `/cache`: 304 when the client sends any validator, the `/get` echo otherwise.
pub async fn cache(state: State<Arc<Config>>, request: Request) -> Response {
    let conditional = request.headers().contains_key(header::IF_MODIFIED_SINCE)
        || request.headers().contains_key(header::IF_NONE_MATCH);
    if conditional {
        return not_modified(CACHE_ETAG);
    }
    let mut response = get(state, request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::LAST_MODIFIED,
        HeaderValue::from_static(LAST_MODIFIED),
    );
    headers.insert(header::ETAG, HeaderValue::from_static(CACHE_ETAG));
    response
}

/// `/cache/{n}`: the `/get` echo, cacheable for `n` seconds.
pub async fn cache_for(
    state: State<Arc<Config>>,
    Path(seconds): Path<u32>,
    request: Request,
) -> Response {
    let mut response = get(state, request).await;
    if let Ok(value) = HeaderValue::from_str(&format!("public, max-age={seconds}")) {
        response.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    response
}

/// `/etag/{etag}`: honours If-None-Match (304) and If-Match (412) against the given tag.
pub async fn etag(
    state: State<Arc<Config>>,
    Path(tag): Path<String>,
    request: Request,
) -> Response {
    if tag.bytes().any(|b| !b.is_ascii_graphic() || b == b'"') {
        return plain(
            StatusCode::BAD_REQUEST,
            "An etag is visible ASCII without quotes.",
        );
    }
    let quoted = format!("\"{tag}\"");
    let headers = request.headers();
    if matches_any(headers, header::IF_NONE_MATCH, &tag) {
        return not_modified(&quoted);
    }
    if headers.contains_key(header::IF_MATCH) && !matches_any(headers, header::IF_MATCH, &tag) {
        return plain(StatusCode::PRECONDITION_FAILED, "If-Match did not match.");
    }
    let mut response = get(state, request).await;
    if let Ok(value) = HeaderValue::from_str(&quoted) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

/// `*`, `"tag"`, `W/"tag"` or a comma-separated list of them.
fn matches_any(headers: &HeaderMap, name: header::HeaderName, tag: &str) -> bool {
    headers
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|t| t == "*" || t == tag)
}

fn not_modified(etag: &str) -> Response {
    let mut response = Response::new(axum::body::Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    if let Ok(value) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}
