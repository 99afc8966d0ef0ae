//! Reading request bodies within the size limit, whether the client announced a length or sent chunks.

use crate::reply::plain;
use axum::{
    body::{to_bytes, Body, Bytes},
    http::StatusCode,
    response::Response,
};

/// Reads the whole body, or answers 413 when it is over the limit (or 400 when the stream broke).
pub async fn read_body(body: Body, limit: usize) -> Result<Bytes, Response> {
    to_bytes(body, limit).await.map_err(|err| {
        if is_length_limit(&err) {
            too_large(limit)
        } else {
            plain(
                StatusCode::BAD_REQUEST,
                "The request body could not be read.",
            )
        }
    })
}

pub fn too_large(limit: usize) -> Response {
    plain(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!("Request body is over the limit of {limit} bytes."),
    )
}

/// axum wraps the length error; walk the source chain to find it.
fn is_length_limit(err: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}
