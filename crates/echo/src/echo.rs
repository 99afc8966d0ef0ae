//! Echo handlers: answer with what the request carried, in httpbin's JSON shape
//! (`args, data, files, form, headers, json, method, origin, url`), so httpbin users' scripts work unchanged.

use axum::{
    body::{to_bytes, Body},
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::net::SocketAddr;

#[derive(Clone)]
pub struct EchoState {
    pub max_body_bytes: usize,
}

/// httpbin's echo document.
#[derive(Serialize)]
pub struct Echo {
    args: Map<String, Value>,
    data: String,
    files: Map<String, Value>,
    form: Map<String, Value>,
    headers: Map<String, Value>,
    json: Value,
    method: String,
    origin: String,
    url: String,
}

/// `/anything` and `/anything/{*path}`: any method, everything echoed.
pub async fn anything(State(state): State<EchoState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = match read_body(body, state.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(response) => return *response,
    };
    let origin = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let text = String::from_utf8_lossy(&body).into_owned();
    let (data, form) = if is_form {
        (String::new(), collect_pairs(body.as_ref()))
    } else {
        (text.clone(), Map::new())
    };
    let echo = Echo {
        args: collect_pairs(parts.uri.query().unwrap_or_default().as_bytes()),
        json: serde_json::from_str(&text).unwrap_or(Value::Null),
        data,
        files: Map::new(),
        form,
        headers: title_cased_headers(&parts.headers),
        method: parts.method.to_string(),
        origin,
        url: full_url(&parts.headers, &parts.uri),
    };
    pretty_json(&echo)
}

/// Reads the whole body, or answers 413 when it is over the limit.
async fn read_body(body: Body, limit: usize) -> Result<axum::body::Bytes, Box<Response>> {
    to_bytes(body, limit).await.map_err(|_| {
        Box::new(
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("Request body is over the limit of {limit} bytes.\n"),
            )
                .into_response(),
        )
    })
}

/// `a=1&a=2&b=3` -> `{"a": ["1", "2"], "b": "3"}`: one value is a string, repeats become a list (httpbin).
fn collect_pairs(encoded: &[u8]) -> Map<String, Value> {
    let mut map = Map::new();
    for (key, value) in form_urlencoded::parse(encoded) {
        let value = Value::String(value.into_owned());
        match map.get_mut(key.as_ref()) {
            Some(Value::Array(values)) => values.push(value),
            Some(existing) => *existing = Value::Array(vec![existing.take(), value]),
            None => {
                map.insert(key.into_owned(), value);
            }
        }
    }
    map
}

/// Header names as httpbin shows them (`Content-Type`), repeats joined with `,`.
fn title_cased_headers(headers: &HeaderMap) -> Map<String, Value> {
    let mut map = Map::new();
    for name in headers.keys() {
        let values: Vec<String> = headers
            .get_all(name)
            .iter()
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect();
        map.insert(title_case(name.as_str()), Value::String(values.join(",")));
    }
    map
}

fn title_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn full_url(headers: &HeaderMap, uri: &axum::http::Uri) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost");
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    format!("http://{host}{path}")
}

/// httpbin indents its JSON by two spaces and ends it with a newline.
fn pretty_json(value: &impl Serialize) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(mut text) => {
            text.push('\n');
            ([(header::CONTENT_TYPE, "application/json")], text).into_response()
        }
        Err(err) => (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_pairs_become_lists() {
        let map = collect_pairs(b"a=1&b=x+y&a=2&a=%C3%A9");
        assert_eq!(map["a"], serde_json::json!(["1", "2", "é"]));
        assert_eq!(map["b"], "x y");
    }

    #[test]
    fn header_names_are_title_cased() {
        for (input, expected) in [
            ("content-type", "Content-Type"),
            ("x-a", "X-A"),
            ("dnt", "Dnt"),
        ] {
            assert_eq!(title_case(input), expected);
        }
    }
}
