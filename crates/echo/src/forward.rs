//! Forward mode (`--forward`, off by default): `POST /forward` with a JSON description of a request, and
//! reqlab-echo sends it and answers with the exact status, every header (even ones browsers hide), the
//! redirect chain and timing. Guarded by a token and an origin list when configured, a per-origin rate,
//! time and size caps, and the SSRF check on every hop. The same guards stand before the WebSocket relay.

use crate::forward_client::{start, Failure, Policy, Started};
use crate::forward_stream;
use crate::reply::{bad_request, plain, pretty_json};
use crate::ForwardConfig;
use axum::{
    body::Bytes,
    extract::State,
    http::{header, HeaderMap, Method, StatusCode},
    response::Response,
    Json,
};
use base64::Engine;
use hyper::body::Incoming;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use url::Url;

pub struct Forwarder {
    pub config: ForwardConfig,
    /// Per calling origin: start of the current minute and requests in it.
    windows: Mutex<HashMap<String, (Instant, u32)>>,
    /// One permit per WebSocket the relay may hold open at once.
    pub relay_slots: Arc<Semaphore>,
}

/// Why a caller may not use forwarding at all: the HTTP status to answer and a sentence.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub message: String,
}

impl Forwarder {
    pub fn new(config: ForwardConfig) -> Self {
        let slots = config.relay_max_connections;
        Forwarder {
            config,
            windows: Mutex::default(),
            relay_slots: Arc::new(Semaphore::new(slots)),
        }
    }

    /// The checks every use of forwarding passes first, HTTP and WebSocket alike: the token (from
    /// `X-Reqlab-Token`, or `query_token` where a browser cannot send headers), the origin, the rate.
    pub fn admit_caller(
        &self,
        headers: &HeaderMap,
        query_token: Option<&str>,
    ) -> Result<(), Refusal> {
        let config = &self.config;
        if let Some(token) = &config.token {
            let given = headers
                .get("x-reqlab-token")
                .map(|v| v.as_bytes())
                .or(query_token.map(str::as_bytes));
            if given != Some(token.as_bytes()) {
                return Err(Refusal {
                    status: StatusCode::UNAUTHORIZED,
                    message: "Forwarding needs the X-Reqlab-Token header.".to_string(),
                });
            }
        }
        let origin = header_text(headers, header::ORIGIN);
        if let Err(why) = origin_allowed(origin, header_text(headers, header::HOST), config) {
            return Err(Refusal {
                status: StatusCode::FORBIDDEN,
                message: why,
            });
        }
        if !self.admit(origin.unwrap_or("(no origin)")) {
            return Err(Refusal {
                status: StatusCode::TOO_MANY_REQUESTS,
                message: format!(
                    "More than {} forwarded requests a minute from this origin.",
                    config.per_origin_per_minute
                ),
            });
        }
        Ok(())
    }

    /// Fixed one-minute windows: simple, and enough to stop one page hammering a third party through us.
    fn admit(&self, origin: &str) -> bool {
        let Ok(mut windows) = self.windows.lock() else {
            return false;
        };
        let now = Instant::now();
        // Forget idle origins so the table cannot grow without bound.
        if windows.len() > 10_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(60));
        }
        let (start, count) = windows.entry(origin.to_string()).or_insert((now, 0));
        if now.duration_since(*start) >= Duration::from_secs(60) {
            *start = now;
            *count = 0;
        }
        *count += 1;
        *count <= self.config.per_origin_per_minute
    }
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
pub struct ForwardRequest {
    method: Option<String>,
    url: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    body: Option<String>,
    body_base64: Option<String>,
    #[serde(default = "yes")]
    follow_redirects: bool,
    /// Answer with the envelope's head on one line, then the upstream body as it arrives (`forward_stream`).
    #[serde(default)]
    stream: bool,
}

#[derive(Serialize)]
pub struct Hop {
    status: u16,
    url: String,
    location: String,
}

#[derive(Serialize)]
pub struct Timing {
    dns_ms: f64,
    connect_ms: f64,
    tls_ms: f64,
    wait_ms: f64,
    download_ms: f64,
    total_ms: f64,
}

/// Everything about the final response but its body: the whole answer, or a stream's first line.
#[derive(Serialize)]
pub struct Head {
    status: u16,
    reason: Option<&'static str>,
    headers: Vec<(String, String)>,
    url: String,
    address: String,
    redirects: Vec<Hop>,
    timing: Timing,
}

#[derive(Serialize)]
struct ForwardResponse {
    #[serde(flatten)]
    head: Head,
    body: Option<String>,
    body_base64: String,
    body_size: usize,
}

/// Where the redirects led: the last response, its body unread, and the way there.
struct Arrived {
    started: Started,
    url: Url,
    redirects: Vec<Hop>,
    began: Instant,
}

impl Arrived {
    /// The head for a streamed answer, and the body still to read.
    fn split(self) -> (Head, Incoming) {
        let got = self.started;
        let timing = Timing {
            dns_ms: got.dns_ms,
            connect_ms: got.connect_ms,
            tls_ms: got.tls_ms,
            wait_ms: got.wait_ms,
            download_ms: 0.0,
            total_ms: self.began.elapsed().as_secs_f64() * 1000.0,
        };
        let head = Head {
            status: got.status.as_u16(),
            reason: got.status.canonical_reason(),
            headers: header_pairs(&got.headers),
            url: self.url.to_string(),
            address: got.address.to_string(),
            redirects: self.redirects,
            timing,
        };
        (head, got.incoming)
    }
}

/// Response headers as `[name, value]` pairs, in the order they came.
fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// The whole answer, or the head with the body still to come.
enum Answer {
    Whole(ForwardResponse),
    Streamed(Head, Incoming),
}

pub async fn forward(
    State(forwarder): State<Arc<Forwarder>>,
    headers: HeaderMap,
    Json(asked): Json<ForwardRequest>,
) -> Response {
    let config = &forwarder.config;
    if let Err(refusal) = forwarder.admit_caller(&headers, None) {
        return plain(refusal.status, &refusal.message);
    }
    let Ok(method) = Method::from_bytes(asked.method.as_deref().unwrap_or("GET").as_bytes()) else {
        return bad_request("The method is not a valid HTTP method.");
    };
    let Ok(url) = Url::parse(&asked.url) else {
        return bad_request(&format!("{:?} is not an absolute URL.", asked.url));
    };
    let body = match (&asked.body, &asked.body_base64) {
        (_, Some(encoded)) => match base64::engine::general_purpose::STANDARD.decode(encoded) {
            Ok(bytes) => Bytes::from(bytes),
            Err(_) => return bad_request("body_base64 is not valid base64."),
        },
        (Some(text), None) => Bytes::from(text.clone()),
        (None, None) => Bytes::new(),
    };
    let streamed = asked.stream;
    let exchange = async {
        let arrived = follow(config, url, method, asked, body).await?;
        if streamed {
            let (head, incoming) = arrived.split();
            return Ok(Answer::Streamed(head, incoming));
        }
        read_whole(arrived, config.max_response_bytes)
            .await
            .map(Answer::Whole)
    };
    match tokio::time::timeout(config.timeout, exchange).await {
        Ok(Ok(Answer::Whole(answer))) => pretty_json(&answer),
        Ok(Ok(Answer::Streamed(head, incoming))) => {
            forward_stream::respond(&head, incoming, config.max_response_bytes, config.timeout)
        }
        Ok(Err(Failure::Refused(why))) => {
            tracing::warn!(reason = %why, "forward refused");
            plain(StatusCode::FORBIDDEN, &format!("Not forwarded: {why}."))
        }
        Ok(Err(Failure::TooLarge(limit))) => plain(
            StatusCode::BAD_GATEWAY,
            &format!("The response body is over the forwarding limit of {limit} bytes."),
        ),
        Ok(Err(Failure::Upstream(why))) => plain(StatusCode::BAD_GATEWAY, &format!("{why}.")),
        Err(_) => plain(
            StatusCode::GATEWAY_TIMEOUT,
            &format!(
                "The forwarded exchange took longer than {} s.",
                config.timeout.as_secs_f64()
            ),
        ),
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// With no list configured only the server's own pages may forward (a page elsewhere must not be able to
/// drive a proxy on the user's machine); non-browser callers send no Origin and are let through.
fn origin_allowed(
    origin: Option<&str>,
    host: Option<&str>,
    config: &ForwardConfig,
) -> Result<(), String> {
    let Some(origin) = origin else {
        return Ok(());
    };
    let listed = config
        .allowed_origins
        .iter()
        .any(|o| o.eq_ignore_ascii_case(origin));
    let same_origin = Url::parse(origin).ok().is_some_and(|o| {
        let authority = match o.port() {
            Some(port) => format!("{}:{port}", o.host_str().unwrap_or_default()),
            None => o.host_str().unwrap_or_default().to_string(),
        };
        host.is_some_and(|h| h.eq_ignore_ascii_case(&authority))
    });
    if listed || (config.allowed_origins.is_empty() && same_origin) {
        Ok(())
    } else {
        Err(format!(
            "The origin {origin} may not use forwarding (see --forward-origins)."
        ))
    }
}

/// Sends the request, following redirects when asked, checking every hop's address again. Returns at the
/// final response's head.
async fn follow(
    config: &ForwardConfig,
    mut url: Url,
    mut method: Method,
    asked: ForwardRequest,
    mut body: Bytes,
) -> Result<Arrived, Failure> {
    let began = Instant::now();
    let mut headers = asked.headers;
    let mut redirects = Vec::new();
    loop {
        let got = start(
            &url,
            &method,
            &headers,
            body.clone(),
            &Policy {
                allow_private: config.allow_private,
                exceptions: &config.allow_addresses,
            },
        )
        .await?;
        let location = got
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let (true, true, Some(location)) = (
            asked.follow_redirects,
            got.status.is_redirection(),
            location,
        ) {
            if redirects.len() >= config.max_redirects {
                return Err(Failure::Upstream(format!(
                    "more than {} redirects",
                    config.max_redirects
                )));
            }
            let next = url
                .join(&location)
                .map_err(|_| Failure::Upstream(format!("bad redirect location {location:?}")))?;
            redirects.push(Hop {
                status: got.status.as_u16(),
                url: url.to_string(),
                location: location.clone(),
            });
            // As browsers do: 303, and 301/302 after POST, continue as GET without a body.
            let to_get = got.status == StatusCode::SEE_OTHER
                || (matches!(got.status.as_u16(), 301 | 302) && method == Method::POST);
            if to_get && method != Method::HEAD {
                method = Method::GET;
                body = Bytes::new();
                headers.retain(|(n, _)| {
                    !n.eq_ignore_ascii_case("content-type")
                        && !n.eq_ignore_ascii_case("content-length")
                });
            }
            // Credentials stay with the origin they were meant for.
            if next.origin() != url.origin() {
                headers.retain(|(n, _)| {
                    !n.eq_ignore_ascii_case("authorization") && !n.eq_ignore_ascii_case("cookie")
                });
            }
            url = next;
            continue;
        }
        return Ok(Arrived {
            started: got,
            url,
            redirects,
            began,
        });
    }
}

/// Reads the final body (within the size cap) into the JSON answer.
async fn read_whole(arrived: Arrived, max_bytes: usize) -> Result<ForwardResponse, Failure> {
    let Arrived {
        started,
        url,
        redirects,
        began,
    } = arrived;
    let got = started.collect(max_bytes).await?;
    let text = std::str::from_utf8(&got.body).ok().map(str::to_string);
    Ok(ForwardResponse {
        head: Head {
            status: got.status.as_u16(),
            reason: got.status.canonical_reason(),
            headers: header_pairs(&got.headers),
            url: url.to_string(),
            address: got.address.to_string(),
            redirects,
            timing: Timing {
                dns_ms: got.dns_ms,
                connect_ms: got.connect_ms,
                tls_ms: got.tls_ms,
                wait_ms: got.wait_ms,
                download_ms: got.download_ms,
                total_ms: began.elapsed().as_secs_f64() * 1000.0,
            },
        },
        body: text,
        body_base64: base64::engine::general_purpose::STANDARD.encode(&got.body),
        body_size: got.body.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_checked() {
        let open = ForwardConfig::default();
        let listed = ForwardConfig {
            allowed_origins: vec!["https://docs.example".to_string()],
            ..ForwardConfig::default()
        };
        for (origin, host, config, ok) in [
            (None, Some("127.0.0.1:8080"), &open, true),
            (
                Some("http://127.0.0.1:8080"),
                Some("127.0.0.1:8080"),
                &open,
                true,
            ),
            (
                Some("https://evil.example"),
                Some("127.0.0.1:8080"),
                &open,
                false,
            ),
            (Some("null"), Some("127.0.0.1:8080"), &open, false),
            (
                Some("https://docs.example"),
                Some("127.0.0.1:8080"),
                &listed,
                true,
            ),
            (
                Some("https://docs.example.evil"),
                Some("127.0.0.1:8080"),
                &listed,
                false,
            ),
        ] {
            assert_eq!(
                origin_allowed(origin, host, config).is_ok(),
                ok,
                "{origin:?}"
            );
        }
    }
}
