//! Response helpers shared by every handler: httpbin-style JSON, short plain-text errors.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;

/// httpbin indents its JSON by two spaces and ends it with a newline.
pub fn pretty_json(value: &impl Serialize) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(mut text) => {
            text.push('\n');
            ([(header::CONTENT_TYPE, "application/json")], text).into_response()
        }
        Err(err) => plain(StatusCode::INTERNAL_SERVER_ERROR, &err.to_string()),
    }
}

/// A one-sentence answer. Always text/plain: it may quote what the client sent.
pub fn plain(status: StatusCode, message: &str) -> Response {
    let mut text = message.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut response = (status, text).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// 400 with a sentence saying what was wrong.
pub fn bad_request(message: &str) -> Response {
    plain(StatusCode::BAD_REQUEST, message)
}
