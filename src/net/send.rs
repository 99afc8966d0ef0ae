//! Send stage: one `PreparedRequest` through fetch, returned as a core `Response` with its elapsed time.

use gloo_net::http::{Headers, Method as FetchMethod, RequestBuilder};
use reqlab_core::response::Response;
use reqlab_core::{PreparedBody, PreparedRequest};
use std::fmt;
use wasm_bindgen::JsValue;

/// Why no response could be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum SendError {
    /// The browser refused to build the request (a method or header it forbids).
    Refused(String),
    /// fetch rejected: unreachable host, or the server's CORS policy does not admit this page.
    NoResponse(String),
    /// The response started but its body could not be read to the end.
    BodyUnreadable(String),
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Refused(why) => write!(f, "The browser refused to send this request: {why}"),
            SendError::NoResponse(why) => write!(
                f,
                "No response ({why}). The server may be unreachable, or its CORS policy does not allow \
                 requests from this page."
            ),
            SendError::BodyUnreadable(why) => {
                write!(f, "The response body could not be read to the end: {why}")
            }
        }
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{value:?}"))
}

pub async fn send(prepared: &PreparedRequest) -> Result<Response, SendError> {
    let method = FetchMethod::from_bytes(prepared.method.as_str().as_bytes())
        .map_err(|e| SendError::Refused(e.to_string()))?;
    // Built by hand because gloo's `header()` overwrites repeats and throws on values the browser refuses.
    let headers = web_sys::Headers::new().map_err(|e| SendError::Refused(js_message(&e)))?;
    for (name, value) in &prepared.headers {
        headers
            .append(name, value)
            .map_err(|e| SendError::Refused(format!("header {name}: {}", js_message(&e))))?;
    }
    let builder = RequestBuilder::new(&prepared.url.to_string())
        .method(method)
        .headers(Headers::from_raw(headers));
    let request = match &prepared.body {
        PreparedBody::None => builder.build(),
        PreparedBody::Text(text) => builder.body(JsValue::from_str(text)),
    }
    .map_err(|e| SendError::Refused(e.to_string()))?;

    let started = now_ms();
    let response = request
        .send()
        .await
        .map_err(|e| SendError::NoResponse(e.to_string()))?;
    let body = response
        .binary()
        .await
        .map_err(|e| SendError::BodyUnreadable(e.to_string()))?;
    Ok(Response {
        status: response.status(),
        status_text: response.status_text(),
        headers: response.headers().entries().collect(),
        body,
        elapsed_ms: now_ms() - started,
    })
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
