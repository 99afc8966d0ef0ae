//! Send stage: one `PreparedRequest` through fetch, returned as a core `Response` with its timing, or a
//! `SendError` that says what went wrong and what to do.

use super::body_reader::{read_body, Progress};
use super::diagnose::{diagnose, Failure};
use super::timing::resource_timing;
use gloo_net::http::{Headers, Method as FetchMethod, RequestBuilder};
use js_sys::Uint8Array;
use reqlab_core::edit::model::{CacheMode, CredentialsMode, RedirectMode};
use reqlab_core::http::headers::{value_bytes, ValueBytes};
use reqlab_core::render::response::Response;
use reqlab_core::{PreparedBody, PreparedRequest};
use std::fmt;
use wasm_bindgen::JsValue;
use web_sys::{AbortSignal, RequestCache, RequestCredentials, RequestRedirect};

/// Why no response could be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum SendError {
    /// The browser refused to build the request (a method or header it forbids).
    Refused(String),
    /// A file was named (from saved or shared JSON) but its bytes are not here: it must be picked again.
    FileMissing(String),
    /// An https page may not call an http URL.
    MixedContent,
    /// The server answered but its CORS policy does not admit this page; what triggered a preflight.
    Cors(Vec<String>),
    /// No answer: DNS, refused connection, TLS, or no network.
    Network(String),
    /// Forwarding through reqlab-echo failed (forward mode off, refused address, unreachable echo).
    Forward(String),
    /// The abort signal fired (cancel or timeout; the caller knows which).
    Aborted,
    /// The response started but its body could not be read to the end.
    BodyUnreadable(String),
    /// The auth made at send time could not be (see `authorize`): why, in a sentence.
    Auth(String),
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Refused(why) => write!(f, "The browser refused to send this request: {why}"),
            SendError::FileMissing(name) => write!(f, "The file \"{name}\" is not loaded: choose it again."),
            SendError::MixedContent => f.write_str(
                "Blocked as mixed content: this page is served over https and the URL is http. Use https, \
                 or open reqlab from http (for example from reqlab-echo).",
            ),
            SendError::Cors(preflight) => {
                f.write_str(
                    "CORS: the server answered (a second, no-cors request reqlab sent to the same URL, to tell \
                     CORS from no answer, got through), but it does not allow this page to read the response (no \
                     matching Access-Control-Allow-Origin",
                )?;
                if preflight.is_empty() {
                    f.write_str(").")?;
                } else {
                    write!(f, ", or it refused the preflight that {} required).", preflight.join(" and "))?;
                }
                f.write_str(
                    " Allow this origin on the server, tick \"Send via reqlab-echo\" in Options (reqlab-echo \
                     started with --forward sends it for you, without CORS), or use the curl snippet below, \
                     which sends exactly this request.",
                )
            }
            SendError::Network(why) => write!(
                f,
                "Network error: no answer from the server ({why}), nor to a second, no-cors request reqlab sent \
                 to the same URL to tell CORS from no answer. Check the host and port, that the server is \
                 running, and that the address resolves."
            ),
            SendError::Forward(why) => write!(f, "Sending via reqlab-echo failed: {why}."),
            SendError::Aborted => f.write_str("The request was aborted."),
            SendError::Auth(why) => f.write_str(why),
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
        .or_else(|| {
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| "an error the browser did not describe".to_string())
}

/// Sends and reads the whole response, reporting body progress, cutting the body at `cap` bytes.
pub async fn send(
    prepared: &PreparedRequest,
    signal: &AbortSignal,
    cap: usize,
    on_progress: &dyn Fn(Progress),
) -> Result<Response, SendError> {
    let method = FetchMethod::from_bytes(prepared.method.as_str().as_bytes())
        .map_err(|e| SendError::Refused(e.to_string()))?;
    // Built by hand because gloo's `header()` overwrites repeats and throws on values the browser refuses.
    let headers = web_sys::Headers::new().map_err(|e| SendError::Refused(js_message(&e)))?;
    for (name, value) in &prepared.headers {
        if let ValueBytes::BeyondLatin1(c) = value_bytes(value) {
            return Err(SendError::Refused(format!(
                "header {name} holds \"{c}\", and browsers send header values as Latin-1 only. Tick \"Send via \
                 reqlab-echo\" in Options, or copy a snippet: both send it as UTF-8, as curl does."
            )));
        }
        headers
            .append(name, value)
            .map_err(|e| SendError::Refused(format!("header {name}: {}", js_message(&e))))?;
    }
    let body = body_value(&prepared.body, &headers)?;
    let options = &prepared.options;
    let url = prepared.url.to_string();
    let builder = RequestBuilder::new(&url)
        .method(method)
        .headers(Headers::from_raw(headers))
        .redirect(match options.redirect {
            RedirectMode::Follow => RequestRedirect::Follow,
            RedirectMode::Manual => RequestRedirect::Manual,
            RedirectMode::Error => RequestRedirect::Error,
        })
        .credentials(match options.credentials {
            CredentialsMode::SameOrigin => RequestCredentials::SameOrigin,
            CredentialsMode::Omit => RequestCredentials::Omit,
            CredentialsMode::Include => RequestCredentials::Include,
        })
        .cache(match options.cache {
            CacheMode::Default => RequestCache::Default,
            CacheMode::NoStore => RequestCache::NoStore,
            CacheMode::Reload => RequestCache::Reload,
            CacheMode::NoCache => RequestCache::NoCache,
            CacheMode::ForceCache => RequestCache::ForceCache,
            CacheMode::OnlyIfCached => RequestCache::OnlyIfCached,
        })
        .abort_signal(Some(signal));
    let request = match body {
        None => builder.build(),
        Some(body) => builder.body(body),
    }
    .map_err(|e| SendError::Refused(e.to_string()))?;

    let started = now_ms();
    let response = match request.send().await {
        Ok(response) => response,
        Err(_) if signal.aborted() => return Err(SendError::Aborted),
        Err(err) => {
            return Err(match diagnose(prepared, err.to_string()).await {
                Failure::MixedContent => SendError::MixedContent,
                Failure::Cors { preflight } => SendError::Cors(preflight),
                Failure::Network(why) => SendError::Network(why),
            })
        }
    };
    let total = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse().ok());
    let (body, truncated) = match response.body() {
        None => (Vec::new(), false),
        Some(stream) => {
            let content_type = response.headers().get("content-type").unwrap_or_default();
            let stream = crate::page::bridge::watch(stream, &content_type);
            read_body(stream, total, cap, on_progress)
                .await
                .map_err(|e| {
                    if signal.aborted() {
                        SendError::Aborted
                    } else {
                        SendError::BodyUnreadable(js_message(&e))
                    }
                })?
        }
    };
    let elapsed_ms = now_ms() - started;
    // The browser files the Resource Timing entry just after the body ends; one turn of the event loop
    // is enough for it to be there.
    next_tick().await;
    let (protocol, timing) = match resource_timing(&url) {
        Some((protocol, timing)) => (protocol, Some(timing)),
        None => (None, None),
    };
    Ok(Response {
        status: response.status(),
        status_text: response.status_text(),
        headers: response.headers().entries().collect(),
        body,
        elapsed_ms,
        url: response.url(),
        redirected: response.redirected(),
        protocol,
        timing,
        truncated,
    })
}

/// The body as fetch takes it: the bytes `PreparedBody::wire` writes, so the page sends what the raw view and
/// the snippets show (FormData could not give a text part a Content-Type of its own). A multipart body's
/// Content-Type, with its boundary, joins `headers`.
fn body_value(
    body: &PreparedBody,
    headers: &web_sys::Headers,
) -> Result<Option<JsValue>, SendError> {
    if *body == PreparedBody::None {
        return Ok(None);
    }
    let (bytes, content_type) = body
        .wire()
        .map_err(|file| SendError::FileMissing(file.name.clone()))?;
    if let Some(content_type) = content_type {
        headers
            .append("Content-Type", &content_type)
            .map_err(|e| SendError::Refused(js_message(&e)))?;
    }
    Ok(Some(Uint8Array::from(&bytes[..]).into()))
}

/// Waits for one turn of the event loop (a zero-delay timer), letting the browser render and handle input.
pub(super) async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub(super) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
