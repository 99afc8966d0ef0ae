//! Echo handlers: answer with what the request carried, in httpbin's JSON shape
//! (`args, data, files, form, headers, json, method, origin, url`), so httpbin users' scripts work unchanged.

use crate::body::read_body;
use crate::reply::pretty_json;
use crate::Config;
use axum::{
    body::{Body, Bytes},
    extract::{ConnectInfo, Request, State},
    http::{header, request::Parts, HeaderMap},
    response::Response,
};
use base64::Engine;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// httpbin's echo document.
#[derive(Serialize)]
pub struct Echo {
    pub args: Map<String, Value>,
    pub data: String,
    pub files: Map<String, Value>,
    pub form: Map<String, Value>,
    pub headers: Map<String, Value>,
    pub json: Value,
    pub method: String,
    pub origin: String,
    pub url: String,
}

/// Reads the body (within the limit) and describes the whole request; the error is a ready 4xx answer.
pub async fn describe(config: &Config, request: Request) -> Result<Echo, Response> {
    let (parts, body) = request.into_parts();
    let body = read_body(body, config.max_body_bytes).await?;
    Ok(describe_parts(config, &parts, &body).await)
}

pub async fn describe_parts(config: &Config, parts: &Parts, body: &Bytes) -> Echo {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(body).into_owned();
    let mut echo = Echo {
        args: collect_pairs(parts.uri.query().unwrap_or_default().as_bytes()),
        data: String::new(),
        files: Map::new(),
        form: Map::new(),
        headers: title_cased_headers(&parts.headers, &config.exclude_headers),
        json: serde_json::from_str(&text).unwrap_or(Value::Null),
        method: parts.method.to_string(),
        origin: origin(parts),
        url: full_url(&parts.headers, &parts.uri),
    };
    if content_type.starts_with("application/x-www-form-urlencoded") {
        echo.form = collect_pairs(body);
    } else if let Some(boundary) = content_type
        .starts_with("multipart/form-data")
        .then(|| multer::parse_boundary(content_type).ok())
        .flatten()
    {
        match multipart_fields(body.clone(), boundary).await {
            Some((form, files)) => (echo.form, echo.files) = (form, files),
            None => echo.data = text,
        }
    } else {
        echo.data = text;
    }
    echo
}

/// Form fields and files of a multipart body as httpbin shows them: text as is, binary as a data URL.
/// `None` when the body is not valid multipart, so it is echoed as data instead.
async fn multipart_fields(
    body: Bytes,
    boundary: String,
) -> Option<(Map<String, Value>, Map<String, Value>)> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let (mut form, mut files) = (Map::new(), Map::new());
    while let Some(field) = multipart.next_field().await.ok()? {
        let name = field.name().unwrap_or_default().to_string();
        let is_file = field.file_name().is_some();
        let mime = field
            .content_type()
            .map(|m| m.to_string())
            .unwrap_or_else(|| "application/octet-stream".to_string());
        let bytes = field.bytes().await.ok()?;
        let value = match (is_file, std::str::from_utf8(&bytes)) {
            (_, Ok(text)) => text.to_string(),
            (_, Err(_)) => format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&bytes)
            ),
        };
        push_pair(if is_file { &mut files } else { &mut form }, name, value);
    }
    Some((form, files))
}

/// `/anything` and `/anything/{*path}`: any method, everything echoed.
pub async fn anything(State(config): State<Arc<Config>>, request: Request) -> Response {
    match describe(&config, request).await {
        Ok(echo) => pretty_json(&echo),
        Err(response) => response,
    }
}

/// `/post`, `/put`, `/patch`, `/delete`: the same document as `/anything`, on one method each.
pub async fn with_body(state: State<Arc<Config>>, request: Request) -> Response {
    anything(state, request).await
}

/// `/get`: httpbin answers only `args, headers, origin, url` here.
pub async fn get(State(config): State<Arc<Config>>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    pretty_json(&json!({
        "args": collect_pairs(parts.uri.query().unwrap_or_default().as_bytes()),
        "headers": title_cased_headers(&parts.headers, &config.exclude_headers),
        "origin": origin(&parts),
        "url": full_url(&parts.headers, &parts.uri),
    }))
}

/// `/headers`
pub async fn headers(State(config): State<Arc<Config>>, headers: HeaderMap) -> Response {
    pretty_json(&json!({ "headers": title_cased_headers(&headers, &config.exclude_headers) }))
}

/// `/ip`
pub async fn ip(request: Request<Body>) -> Response {
    let (parts, _) = request.into_parts();
    pretty_json(&json!({ "origin": origin(&parts) }))
}

/// `/user-agent`
pub async fn user_agent(headers: HeaderMap) -> Response {
    let agent = headers
        .get(header::USER_AGENT)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    pretty_json(&json!({ "user-agent": agent }))
}

/// `/uuid`
pub async fn uuid() -> Response {
    pretty_json(&json!({ "uuid": uuid::Uuid::new_v4().to_string() }))
}

/// The caller's address: the TCP peer (proxies' forwarding headers are not trusted).
pub fn origin(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default()
}

/// `a=1&a=2&b=3` -> `{"a": ["1", "2"], "b": "3"}`: one value is a string, repeats become a list (httpbin).
pub fn collect_pairs(encoded: &[u8]) -> Map<String, Value> {
    let mut map = Map::new();
    for (key, value) in form_urlencoded::parse(encoded) {
        push_pair(&mut map, key.into_owned(), value.into_owned());
    }
    map
}

fn push_pair(map: &mut Map<String, Value>, key: String, value: String) {
    let value = Value::String(value);
    match map.get_mut(&key) {
        Some(Value::Array(values)) => values.push(value),
        Some(existing) => *existing = Value::Array(vec![existing.take(), value]),
        None => {
            map.insert(key, value);
        }
    }
}

/// Header names as httpbin shows them (`Content-Type`), repeats joined with `,`, excluded names left out.
pub fn title_cased_headers(headers: &HeaderMap, exclude: &[String]) -> Map<String, Value> {
    let mut map = Map::new();
    for name in headers.keys() {
        if exclude.iter().any(|e| e == name.as_str()) {
            continue;
        }
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

pub fn full_url(headers: &HeaderMap, uri: &axum::http::Uri) -> String {
    if uri.scheme().is_some() {
        return uri.to_string();
    }
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    format!("http://{}{path}", host(headers))
}

/// The Host the client addressed, or `localhost` when it sent none.
pub fn host(headers: &HeaderMap) -> &str {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost")
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
