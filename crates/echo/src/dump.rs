//! `/dump/request`: the request as the server received it (request line, headers in wire order and case,
//! blank line, body), as text, so the app can show "what the server got".

use crate::body::read_body;
use crate::raw::RawHead;
use crate::Config;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use std::sync::Arc;

pub async fn dump(State(config): State<Arc<Config>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    // Over a real socket the serve loop kept the head's bytes; in process (tests, embedding), rebuild it.
    let head = match parts.extensions.get::<RawHead>() {
        Some(RawHead(bytes)) => bytes.to_vec(),
        None => rebuilt_head(&parts),
    };
    let body = match read_body(body, config.max_body_bytes).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let mut text = head;
    text.extend_from_slice(&body);
    let mut response = text.into_response();
    // Text, never HTML: the body is whatever the client sent.
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn rebuilt_head(parts: &axum::http::request::Parts) -> Vec<u8> {
    let target = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let mut head = format!("{} {target} {:?}\r\n", parts.method, parts.version).into_bytes();
    for (name, value) in &parts.headers {
        head.extend_from_slice(name.as_str().as_bytes());
        head.extend_from_slice(b": ");
        head.extend_from_slice(value.as_bytes());
        head.extend_from_slice(b"\r\n");
    }
    head.extend_from_slice(b"\r\n");
    head
}
