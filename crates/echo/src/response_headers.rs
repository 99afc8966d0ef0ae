//! `/response-headers?Name=value`: the client picks response headers. Header injection (CR/LF) is refused,
//! and a content type that could run script is replaced, since the body reflects the client's input.

use crate::reply::bad_request;
use crate::safety::{has_control, neutral_content_type, sandbox_csp};
use axum::{
    extract::RawQuery,
    http::{header, HeaderName, HeaderValue},
    response::{IntoResponse, Response},
};
use serde_json::{Map, Value};

/// Headers a client may not set here: they would change how the message itself is framed or routed.
const FRAMING: [&str; 5] = [
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "upgrade",
];

pub async fn response_headers(RawQuery(query): RawQuery) -> Response {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut headers = Vec::new();
    for (name, value) in &pairs {
        if has_control(name) || has_control(value) {
            return bad_request(&format!(
                "Header {name:?} holds a control character (CR/LF injection is refused)."
            ));
        }
        let Ok(header_name) = HeaderName::from_bytes(name.as_bytes()) else {
            return bad_request(&format!("{name:?} is not a valid header name."));
        };
        if FRAMING.contains(&header_name.as_str()) {
            return bad_request(&format!("{name:?} cannot be set: it frames the message."));
        }
        let header_value = if header_name == header::CONTENT_TYPE {
            neutral_content_type(value)
        } else {
            match HeaderValue::from_str(value) {
                Ok(v) => v,
                Err(_) => return bad_request(&format!("{value:?} is not a valid header value.")),
            }
        };
        headers.push((header_name, header_value));
    }
    // The body lists the headers the client asked for, as httpbin does.
    let mut listed = Map::new();
    for (name, value) in &pairs {
        match listed.get_mut(name) {
            Some(Value::Array(values)) => values.push(Value::String(value.clone())),
            Some(existing) => {
                *existing = Value::Array(vec![existing.take(), Value::String(value.clone())])
            }
            None => {
                listed.insert(name.clone(), Value::String(value.clone()));
            }
        }
    }
    let body = serde_json::to_string_pretty(&listed).unwrap_or_default() + "\n";
    let mut response = body.into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let mut content_type_set = false;
    for (name, value) in headers {
        if name == header::CONTENT_TYPE {
            if !content_type_set {
                out.remove(header::CONTENT_TYPE);
                content_type_set = true;
            }
            // One content type only: a second one could confuse sniffing-averse parsers.
            out.insert(name, value);
        } else {
            out.append(name, value);
        }
    }
    let (name, value) = sandbox_csp();
    out.insert(name, value);
    response
}
