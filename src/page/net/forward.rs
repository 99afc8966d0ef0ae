//! Send stage, through reqlab-echo's forward mode: the echo server sends the request for the page, so CORS
//! does not apply and every response header is visible. Used when "Send via reqlab-echo" is on.

use super::send::SendError;
use crate::page::js_json::Json;
use crate::protocol::forward::ForwardRequest;
use gloo_net::http::RequestBuilder;
use reqlab_core::edit::model::RedirectMode;
use reqlab_core::render::response::Response;
use reqlab_core::{base64, PreparedBody, PreparedRequest};
use web_sys::AbortSignal;

/// What reqlab-echo's `/forward` answers (see crates/echo/README.md).
struct ForwardAnswer {
    status: u16,
    reason: Option<String>,
    headers: Vec<(String, String)>,
    body_base64: String,
    url: String,
    redirected: bool,
}

/// Reads the answer without a JSON parser of our own (see `js_json`).
fn read_answer(text: &str) -> Result<ForwardAnswer, String> {
    let answer = Json::parse(text).ok_or("it is not JSON")?;
    let text_field = |name: &str| answer.get(name).string().ok_or(format!("it has no {name}"));
    Ok(ForwardAnswer {
        status: answer
            .get("status")
            .whole(999)
            .ok_or("it has no status code")? as u16,
        reason: answer.get("reason").string(),
        headers: answer
            .get("headers")
            .pairs()
            .ok_or("its headers are not [name, value] pairs")?,
        body_base64: text_field("body_base64")?,
        url: text_field("url")?,
        redirected: answer
            .get("redirects")
            .items()
            .is_some_and(|hops| !hops.is_empty()),
    })
}

/// Asks the reqlab-echo at `echo_base` (`http://host:port`) to send the request and hand back the answer.
pub async fn send_via_echo(
    prepared: &PreparedRequest,
    echo_base: &str,
    signal: &AbortSignal,
) -> Result<Response, SendError> {
    let mut headers = prepared.headers.clone();
    let (bytes, content_type) = prepared
        .body
        .wire()
        .map_err(|file| SendError::FileMissing(file.name.clone()))?;
    // The browser writes multipart bodies itself; here the page must, with its own boundary.
    headers.extend(content_type.map(|value| ("Content-Type".to_string(), value)));
    let body = (!matches!(prepared.body, PreparedBody::None)).then_some(bytes);
    let ask = ForwardRequest {
        method: prepared.method.as_str(),
        url: prepared.url.to_string(),
        headers,
        body_base64: body.map(base64::encode),
        follow_redirects: prepared.options.redirect == RedirectMode::Follow,
    };
    // Writing this struct cannot fail; the error's text is not shown so that serde_json's error messages
    // (and std's I/O error names behind them) stay out of the page.
    let payload = serde_json::to_string(&ask)
        .map_err(|_| SendError::Refused("the request could not be written as JSON".to_string()))?;
    let started = super::send::now_ms();
    let reply = RequestBuilder::new(&format!("{}/forward", echo_base.trim_end_matches('/')))
        .method(gloo_net::http::Method::POST)
        .header("Content-Type", "application/json")
        .abort_signal(Some(signal))
        .body(payload)
        .map_err(|e| SendError::Refused(e.to_string()))?
        .send()
        .await
        .map_err(|e| {
            if signal.aborted() {
                SendError::Aborted
            } else {
                SendError::Forward(format!("reqlab-echo did not answer at {echo_base} ({e})"))
            }
        })?;
    let text = reply
        .text()
        .await
        .map_err(|e| SendError::BodyUnreadable(e.to_string()))?;
    if reply.status() != 200 {
        let why = match reply.status() {
            404 => "forward mode is off: start reqlab-echo with --forward".to_string(),
            status => format!("reqlab-echo answered {status}: {}", text.trim()),
        };
        return Err(SendError::Forward(why));
    }
    let answer = read_answer(&text)
        .map_err(|e| SendError::Forward(format!("reqlab-echo's answer was not understood: {e}")))?;
    let body = base64::decode(&answer.body_base64)
        .map_err(|e| SendError::Forward(format!("reqlab-echo's body was not base64: {e}")))?;
    Ok(Response {
        status: answer.status,
        status_text: answer.reason.unwrap_or_default(),
        headers: answer.headers,
        body,
        elapsed_ms: super::send::now_ms() - started,
        url: answer.url,
        redirected: answer.redirected,
        protocol: Some("http/1.1".to_string()),
        timing: None,
        truncated: false,
    })
}
