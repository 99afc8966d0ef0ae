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
    let head = without_excluded(&head, &config.exclude_headers);
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

/// Drops header lines named in `--exclude-headers`, as every other echo does.
fn without_excluded(head: &[u8], exclude: &[String]) -> Vec<u8> {
    if exclude.is_empty() {
        return head.to_vec();
    }
    let mut out = Vec::with_capacity(head.len());
    for line in head.split_inclusive(|&b| b == b'\n') {
        let name = line.split(|&b| b == b':').next().unwrap_or_default();
        let excluded = line.contains(&b':')
            && exclude
                .iter()
                .any(|e| e.as_bytes().eq_ignore_ascii_case(name.trim_ascii()));
        if !excluded {
            out.extend_from_slice(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excluded_header_lines_are_dropped() {
        let head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 1.2.3.4\r\nVia: edge\r\n\r\n";
        let exclude = ["x-forwarded-for".to_string()];
        assert_eq!(
            without_excluded(head, &exclude),
            b"GET / HTTP/1.1\r\nHost: x\r\nVia: edge\r\n\r\n".to_vec()
        );
    }
}
