//! The auth bundle's own requests: to a provider's token and device endpoints, and Digest's unanswered
//! first request that fetches the server's challenge. Each goes by fetch, or through reqlab-echo's forward
//! mode when the provider (or server) sends no CORS headers a page could read its answer with. These are
//! not the user's request (the page's `net` sends that), so they live beside the flows they serve.

use crate::protocol::forward::ForwardRequest;
use gloo_net::http::{Method, RequestBuilder};
use reqlab_core::base64;
use web_sys::{RequestCredentials, RequestMode};

/// An answer: status, headers (lower-case names, as fetch gives them) and the body as text.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no answer could be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The server answered (a `no-cors` probe got through) but sends no CORS headers admitting this page.
    Cors(String),
    /// No answer at all.
    Network(String),
    /// reqlab-echo could not forward it.
    Forward(String),
}

impl Failure {
    pub fn sentence(&self, what: &str) -> String {
        match self {
            Failure::Cors(url) => format!(
                "{what} ({url}) answered, but sends no CORS headers that let this page read its answer, \
                 as many providers do for clients that are not single-page apps. Tick \"Exchange through \
                 reqlab-echo\" (reqlab-echo started with --forward sends it for the page, where CORS does not \
                 apply), or register the client as a single-page app with the provider."
            ),
            Failure::Network(why) => format!("{what} did not answer: {why}."),
            Failure::Forward(why) => format!("reqlab-echo could not forward the request: {why}."),
        }
    }
}

/// A request the bundle sends.
pub struct Outgoing<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Option<&'a [u8]>,
}

pub async fn send(request: &Outgoing<'_>, via_echo: bool) -> Result<Answer, Failure> {
    if via_echo {
        forward(request).await
    } else {
        direct(request).await
    }
}

async fn direct(request: &Outgoing<'_>) -> Result<Answer, Failure> {
    let mut builder = RequestBuilder::new(request.url)
        .method(Method::from_bytes(request.method.as_bytes()).unwrap_or(Method::GET))
        // Credentials are the request's own: no cookies of the page's origin ride along.
        .credentials(RequestCredentials::Omit);
    for (name, value) in request.headers {
        builder = builder.header(name, value);
    }
    let sent = match request.body {
        Some(body) => match builder.body(js_sys::Uint8Array::from(body)) {
            Ok(built) => built.send().await,
            Err(e) => return Err(Failure::Network(e.to_string())),
        },
        None => builder.send().await,
    };
    match sent {
        Ok(response) => Ok(Answer {
            status: response.status(),
            headers: response.headers().entries().collect(),
            body: response.text().await.unwrap_or_default(),
        }),
        Err(error) => {
            // An opaque answer to a no-cors GET proves the host is there: the browser withheld it (CORS).
            let probe = RequestBuilder::new(request.url)
                .mode(RequestMode::NoCors)
                .send()
                .await;
            Err(match probe {
                Ok(_) => Failure::Cors(request.url.to_string()),
                Err(_) => Failure::Network(error.to_string()),
            })
        }
    }
}

#[derive(serde::Deserialize)]
struct Forwarded {
    status: u16,
    headers: Vec<(String, String)>,
    body_base64: String,
}

async fn forward(request: &Outgoing<'_>) -> Result<Answer, Failure> {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let ask = ForwardRequest {
        method: request.method,
        url: request.url.to_string(),
        headers: request.headers.to_vec(),
        body_base64: request.body.map(base64::encode),
        follow_redirects: false,
    };
    let payload = serde_json::to_string(&ask).map_err(|e| Failure::Forward(e.to_string()))?;
    let reply = RequestBuilder::new(&format!("{origin}/forward"))
        .method(Method::POST)
        .header("Content-Type", "application/json")
        .body(payload)
        .map_err(|e| Failure::Forward(e.to_string()))?
        .send()
        .await
        .map_err(|e| Failure::Forward(format!("reqlab-echo did not answer at {origin} ({e})")))?;
    let text = reply.text().await.unwrap_or_default();
    match reply.status() {
        200 => {}
        404 => {
            return Err(Failure::Forward(
                "forward mode is off: start reqlab-echo with --forward".into(),
            ))
        }
        status => {
            return Err(Failure::Forward(format!(
                "it answered {status}: {}",
                text.trim()
            )))
        }
    }
    let answer: Forwarded = serde_json::from_str(&text)
        .map_err(|e| Failure::Forward(format!("its answer was not understood ({e})")))?;
    let body = base64::decode(&answer.body_base64)
        .map_err(|e| Failure::Forward(format!("its body was not base64 ({e})")))?;
    Ok(Answer {
        status: answer.status,
        headers: answer.headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
