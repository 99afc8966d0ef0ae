//! Request limits enforced inside the router (so in-process tests see them too): header count and size
//! (431), body size (413, announced or chunked), and total request duration (408). The socket-level twins
//! (header read timeout, connection cap, hyper's own head limits) live in `serve`.

use crate::body::too_large;
use crate::reply::plain;
use crate::Config;
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::Response,
};
use std::sync::Arc;

pub async fn limits(State(config): State<Arc<Config>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    if headers.len() > config.max_header_count {
        tracing::info!(
            count = headers.len(),
            limit = config.max_header_count,
            "too many header fields"
        );
        return plain(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            &format!(
                "Too many header fields: {} (limit {}).",
                headers.len(),
                config.max_header_count
            ),
        );
    }
    let head_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if head_bytes > config.max_header_bytes {
        tracing::info!(
            bytes = head_bytes,
            limit = config.max_header_bytes,
            "header fields too large"
        );
        return plain(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            &format!(
                "Header fields are {head_bytes} bytes (limit {}).",
                config.max_header_bytes
            ),
        );
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > config.max_body_bytes as u64) {
        tracing::info!(
            length = announced,
            limit = config.max_body_bytes,
            "body too large"
        );
        return too_large(config.max_body_bytes);
    }
    // Chunked bodies have no length up front: cap the stream itself, so every reader hits the limit.
    let request =
        request.map(|body| Body::new(http_body_util::Limited::new(body, config.max_body_bytes)));
    match tokio::time::timeout(config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::info!(limit = ?config.request_timeout, "request took too long");
            let mut response = plain(
                StatusCode::REQUEST_TIMEOUT,
                &format!(
                    "The request took longer than {} s.",
                    config.request_timeout.as_secs_f64()
                ),
            );
            response.headers_mut().insert(
                header::CONNECTION,
                axum::http::HeaderValue::from_static("close"),
            );
            response
        }
    }
}
