//! `/forward/websocket` (forward mode only): a WebSocket relay for pages, which cannot put headers such as
//! `Authorization` on a handshake. The relay opens the upstream connection first, with the page's headers
//! and offered subprotocols, behind the same guards as `/forward` (token, origin, rate, the SSRF check on the
//! address actually dialled); only then does it accept the page's handshake, with the subprotocol the
//! upstream chose, and relays frames both ways as they come. Anything that goes wrong once a handshake has
//! arrived is told with a close code and reason the page can read, since a refused handshake shows nothing.

use crate::forward::{Forwarder, Refusal};
use crate::forward_client::{connect, resolve, Failure, Io, Policy, HOP_BY_HOP};
use crate::reply::plain;
use crate::websocket::{
    close, close_reason, is_too_big, not_a_handshake, offered_protocols, GOING_AWAY, TOO_BIG,
};
use axum::{
    extract::{
        ws::{self, rejection::WebSocketUpgradeRejection, WebSocket, WebSocketUpgrade},
        Query, State,
    },
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;
use tokio_tungstenite::tungstenite::{
    self as ts, client::IntoClientRequest, protocol::frame::coding::CloseCode,
    protocol::WebSocketConfig,
};
use tokio_tungstenite::WebSocketStream;
use url::Url;

/// Close codes the page sees when the relay itself ends the connection. An upstream failure is 1011, not
/// 1014 ("bad gateway"): Chromium and tungstenite both treat a received 1014 as a protocol error.
const POLICY: u16 = 1008;
const UPSTREAM_FAILED: u16 = 1011;
const TRY_AGAIN_LATER: u16 = 1013;

/// How long one side is given to answer a close the other side started.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

/// The schemes the relay dials: plain, then TLS.
const WEBSOCKET: [&str; 2] = ["ws", "wss"];

type Upstream = WebSocketStream<Box<dyn Io>>;

#[derive(Deserialize)]
pub struct RelayQuery {
    url: Option<String>,
    headers: Option<String>,
    token: Option<String>,
}

/// Why the relay will not carry this connection: an HTTP answer for a request that is no handshake, a close
/// code and reason for one that is.
#[derive(Debug)]
struct Refused {
    status: StatusCode,
    code: u16,
    reason: String,
}

impl Refused {
    fn new(status: StatusCode, code: u16, reason: impl Into<String>) -> Self {
        Refused {
            status,
            code,
            reason: reason.into(),
        }
    }

    fn from_failure(failure: Failure) -> Self {
        match failure {
            Failure::Refused(why) => Refused::new(
                StatusCode::FORBIDDEN,
                POLICY,
                format!("Not relayed: {why}."),
            ),
            Failure::Upstream(why) => {
                Refused::new(StatusCode::BAD_GATEWAY, UPSTREAM_FAILED, format!("{why}."))
            }
            Failure::TooLarge(limit) => Refused::new(
                StatusCode::BAD_GATEWAY,
                UPSTREAM_FAILED,
                format!("The upstream's answer is over {limit} bytes."),
            ),
        }
    }
}

impl From<Refusal> for Refused {
    fn from(refusal: Refusal) -> Self {
        let code = if refusal.status == StatusCode::TOO_MANY_REQUESTS {
            TRY_AGAIN_LATER
        } else {
            POLICY
        };
        Refused::new(refusal.status, code, refusal.message)
    }
}

pub async fn relay(
    State(forwarder): State<Arc<Forwarder>>,
    Query(query): Query<RelayQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let offered = offered_protocols(&headers);
    match open(&forwarder, &query, &headers, &offered, upgrade.is_ok()).await {
        Ok((upstream, chosen, slot)) => match upgrade {
            Ok(upgrade) => {
                let config = &forwarder.config;
                let limit = config.relay_max_message_bytes;
                let idle = config.relay_idle_timeout;
                let mut upgrade = upgrade.max_message_size(limit).max_frame_size(limit);
                if let Some(protocol) = chosen {
                    upgrade.set_selected_protocol(protocol);
                }
                upgrade
                    .on_upgrade(move |page| pump(page, upstream, slot, idle, limit))
                    .into_response()
            }
            Err(rejection) => not_a_handshake(rejection),
        },
        Err(refused) => {
            tracing::info!(reason = %refused.reason, "WebSocket relay refused");
            match upgrade {
                Ok(mut upgrade) => {
                    // Choosing what was offered lets strict clients complete the handshake and read the reason.
                    if let Some(protocol) =
                        offered.first().and_then(|p| HeaderValue::from_str(p).ok())
                    {
                        upgrade.set_selected_protocol(protocol);
                    }
                    let (code, reason) = (refused.code, refused.reason);
                    upgrade
                        .on_upgrade(move |mut page| async move {
                            close(&mut page, code, &reason).await;
                        })
                        .into_response()
                }
                Err(_) => plain(refused.status, &refused.reason),
            }
        }
    }
}

/// Every check, then the upstream handshake. Nothing is dialled for a request that is not a handshake.
async fn open(
    forwarder: &Forwarder,
    query: &RelayQuery,
    headers: &HeaderMap,
    offered: &[String],
    is_handshake: bool,
) -> Result<(Upstream, Option<HeaderValue>, OwnedSemaphorePermit), Refused> {
    let config = &forwarder.config;
    forwarder.admit_caller(headers, query.token.as_deref())?;
    let Some(target) = query.url.as_deref() else {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            POLICY,
            "Say where to connect: /forward/websocket?url=wss://host/path.",
        ));
    };
    let url = Url::parse(target).map_err(|_| {
        Refused::new(
            StatusCode::BAD_REQUEST,
            POLICY,
            format!("{target:?} is not an absolute ws:// or wss:// URL."),
        )
    })?;
    let extra = match query.headers.as_deref() {
        Some(encoded) => decode_headers(encoded)
            .map_err(|why| Refused::new(StatusCode::BAD_REQUEST, POLICY, why))?,
        None => Vec::new(),
    };
    let policy = Policy {
        allow_private: config.allow_private,
        exceptions: &config.allow_addresses,
    };
    let addresses = resolve(&url, &policy, WEBSOCKET)
        .await
        .map_err(Refused::from_failure)?;
    if !is_handshake {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            POLICY,
            "This endpoint relays WebSocket: connect with a WebSocket client.",
        ));
    }
    let slot = forwarder
        .relay_slots
        .clone()
        .try_acquire_owned()
        .map_err(|_| {
            Refused::new(
                StatusCode::SERVICE_UNAVAILABLE,
                TRY_AGAIN_LATER,
                format!(
                    "{} relayed WebSockets are open already; try again later.",
                    config.relay_max_connections
                ),
            )
        })?;
    let handshake = async {
        let connection = connect(&url, &addresses, WEBSOCKET[1])
            .await
            .map_err(Refused::from_failure)?;
        let request = upstream_request(&url, &extra, offered)?;
        let settings = WebSocketConfig::default()
            .max_message_size(Some(config.relay_max_message_bytes))
            .max_frame_size(Some(config.relay_max_message_bytes));
        tokio_tungstenite::client_async_with_config(request, connection.stream, Some(settings))
            .await
            .map_err(upstream_refusal)
    };
    let (upstream, response) = tokio::time::timeout(config.timeout, handshake)
        .await
        .map_err(|_| {
            Refused::new(
                StatusCode::GATEWAY_TIMEOUT,
                UPSTREAM_FAILED,
                format!(
                    "The upstream did not complete the handshake within {} s.",
                    config.timeout.as_secs_f64()
                ),
            )
        })??;
    let chosen = response.headers().get("sec-websocket-protocol").cloned();
    Ok((upstream, chosen, slot))
}

/// The `headers` parameter: base64url (padding optional) of a JSON list of `[name, value]` pairs.
fn decode_headers(encoded: &str) -> Result<Vec<(String, String)>, String> {
    let bad = "headers must be base64url of a JSON list of [name, value] pairs.";
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.trim().trim_end_matches('='))
        .map_err(|_| bad.to_string())?;
    serde_json::from_slice(&bytes).map_err(|_| bad.to_string())
}

/// The upstream handshake: the page's headers (not the ones that belong to a connection or to the
/// handshake itself, which are the relay's to write) and the page's offered subprotocols.
fn upstream_request(
    url: &Url,
    extra: &[(String, String)],
    offered: &[String],
) -> Result<ts::handshake::client::Request, Refused> {
    let invalid = |why: String| Refused::new(StatusCode::BAD_REQUEST, POLICY, why);
    let mut request = url
        .as_str()
        .into_client_request()
        .map_err(|e| invalid(format!("The URL cannot be dialled: {e}.")))?;
    let headers = request.headers_mut();
    for (name, value) in extra {
        let lower = name.to_ascii_lowercase();
        if HOP_BY_HOP.contains(&lower.as_str()) || lower.starts_with("sec-websocket-") {
            continue;
        }
        let name = axum::http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| invalid(format!("{name:?} is not a header name.")))?;
        let value = HeaderValue::from_bytes(value.as_bytes())
            .map_err(|_| invalid(format!("The value of {name} is not a valid header value.")))?;
        headers.append(name, value);
    }
    if !offered.is_empty() {
        let joined = HeaderValue::from_str(&offered.join(", "))
            .map_err(|_| invalid("The offered subprotocols are not a valid header.".to_string()))?;
        headers.insert("sec-websocket-protocol", joined);
    }
    Ok(request)
}

/// What the page is told when the upstream would not take the handshake.
fn upstream_refusal(err: ts::Error) -> Refused {
    match err {
        ts::Error::Http(response) => {
            let status = response.status();
            let answered = format!(
                "upstream answered {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            );
            let reason = if status.is_redirection() {
                format!("{}; redirects are not followed", answered.trim_end())
            } else {
                answered.trim_end().to_string()
            };
            Refused::new(StatusCode::BAD_GATEWAY, UPSTREAM_FAILED, reason)
        }
        other => Refused::new(
            StatusCode::BAD_GATEWAY,
            UPSTREAM_FAILED,
            format!("upstream handshake failed: {other}"),
        ),
    }
}

/// Relays frames both ways, one at a time (a slow side holds the other back rather than filling memory),
/// until either side closes, a message is over the cap, or nothing moves for `idle`.
async fn pump(
    page: WebSocket,
    upstream: Upstream,
    slot: OwnedSemaphorePermit,
    idle: Duration,
    limit: usize,
) {
    let _slot = slot;
    let (mut to_page, mut from_page) = page.split();
    let (mut to_upstream, mut from_upstream) = upstream.split();
    let quiet = tokio::time::sleep(idle);
    tokio::pin!(quiet);
    loop {
        tokio::select! {
            _ = &mut quiet => {
                let reason = format!("no frame either way for {} s", idle.as_secs_f64());
                let _ = to_upstream.send(upstream_close(GOING_AWAY, &reason)).await;
                let _ = to_page.send(page_close(GOING_AWAY, &reason)).await;
                linger(&mut from_page, &mut from_upstream).await;
                return;
            }
            received = from_page.next() => {
                quiet.as_mut().reset(tokio::time::Instant::now() + idle);
                match received {
                    Some(Ok(ws::Message::Close(frame))) => {
                        let frame = frame.map(|f| ts::protocol::CloseFrame {
                            code: CloseCode::from(f.code),
                            reason: ts::Utf8Bytes::from(f.reason.as_str()),
                        });
                        let _ = to_upstream.send(ts::Message::Close(frame)).await;
                        // Sends the page the protocol's answer to its close.
                        let _ = to_page.flush().await;
                        wait_for_close(&mut from_upstream).await;
                        return;
                    }
                    Some(Ok(message)) => {
                        if to_upstream.send(to_tungstenite(message)).await.is_err() {
                            let _ = to_page.send(page_close(UPSTREAM_FAILED, "the upstream went away")).await;
                            return;
                        }
                    }
                    Some(Err(err)) => {
                        let (code, reason) = if is_too_big(&err) {
                            (TOO_BIG, format!("message over the relay's {limit} bytes"))
                        } else {
                            (POLICY, format!("page frame refused: {err}"))
                        };
                        let _ = to_upstream.send(upstream_close(code, &reason)).await;
                        let _ = to_page.send(page_close(code, &reason)).await;
                        linger(&mut from_page, &mut from_upstream).await;
                        return;
                    }
                    None => {
                        let _ = to_upstream.send(upstream_close(GOING_AWAY, "the page went away")).await;
                        return;
                    }
                }
            }
            received = from_upstream.next() => {
                quiet.as_mut().reset(tokio::time::Instant::now() + idle);
                match received {
                    Some(Ok(ts::Message::Close(frame))) => {
                        let frame = frame.map(|f| ws::CloseFrame {
                            code: u16::from(f.code),
                            reason: ws::Utf8Bytes::from(f.reason.as_str()),
                        });
                        let _ = to_page.send(ws::Message::Close(frame)).await;
                        let _ = to_upstream.flush().await;
                        wait_for_close(&mut from_page).await;
                        return;
                    }
                    Some(Ok(message)) => {
                        let Some(message) = from_tungstenite(message) else { continue };
                        if to_page.send(message).await.is_err() {
                            let _ = to_upstream.send(upstream_close(GOING_AWAY, "the page went away")).await;
                            return;
                        }
                    }
                    Some(Err(err)) => {
                        let (code, reason) = if matches!(err, ts::Error::Capacity(_)) {
                            (TOO_BIG, format!("upstream message over the relay's {limit} bytes"))
                        } else {
                            (UPSTREAM_FAILED, format!("upstream connection failed: {err}"))
                        };
                        let _ = to_upstream.send(upstream_close(code, &reason)).await;
                        let _ = to_page.send(page_close(code, &reason)).await;
                        wait_for_close(&mut from_page).await;
                        return;
                    }
                    None => {
                        let reason = "the upstream connection ended without a close frame";
                        let _ = to_page.send(page_close(UPSTREAM_FAILED, reason)).await;
                        wait_for_close(&mut from_page).await;
                        return;
                    }
                }
            }
        }
    }
}

fn page_close(code: u16, reason: &str) -> ws::Message {
    ws::Message::Close(Some(ws::CloseFrame {
        code,
        reason: close_reason(reason).into(),
    }))
}

fn upstream_close(code: u16, reason: &str) -> ts::Message {
    ts::Message::Close(Some(ts::protocol::CloseFrame {
        code: CloseCode::from(code),
        reason: close_reason(reason).into(),
    }))
}

/// Reads (and drops) what one side still sends until its close arrives, or a short while has passed.
async fn wait_for_close<S, M, E>(side: &mut S)
where
    S: futures_util::Stream<Item = Result<M, E>> + Unpin,
{
    let _ = tokio::time::timeout(CLOSE_GRACE, async {
        while let Some(Ok(_)) = side.next().await {}
    })
    .await;
}

/// Both sides were sent a close: give each the grace period to answer it.
async fn linger<A, B, MA, MB, EA, EB>(page: &mut A, upstream: &mut B)
where
    A: futures_util::Stream<Item = Result<MA, EA>> + Unpin,
    B: futures_util::Stream<Item = Result<MB, EB>> + Unpin,
{
    tokio::join!(wait_for_close(page), wait_for_close(upstream));
}

fn to_tungstenite(message: ws::Message) -> ts::Message {
    match message {
        ws::Message::Text(text) => ts::Message::Text(ts::Utf8Bytes::from(text.as_str())),
        ws::Message::Binary(data) => ts::Message::Binary(data),
        ws::Message::Ping(data) => ts::Message::Ping(data),
        ws::Message::Pong(data) => ts::Message::Pong(data),
        ws::Message::Close(_) => ts::Message::Close(None),
    }
}

/// `None` for raw frames, which a reading stream never yields.
fn from_tungstenite(message: ts::Message) -> Option<ws::Message> {
    Some(match message {
        ts::Message::Text(text) => ws::Message::Text(ws::Utf8Bytes::from(text.as_str())),
        ts::Message::Binary(data) => ws::Message::Binary(data),
        ts::Message::Ping(data) => ws::Message::Ping(data),
        ts::Message::Pong(data) => ws::Message::Pong(data),
        ts::Message::Close(_) => ws::Message::Close(None),
        ts::Message::Frame(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_decode_from_base64url_json() {
        let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(r#"[["Authorization","Bearer x"],["X-Ä","é"]]"#);
        assert_eq!(
            decode_headers(&encoded),
            Ok(vec![
                ("Authorization".to_string(), "Bearer x".to_string()),
                ("X-Ä".to_string(), "é".to_string())
            ])
        );
        assert!(decode_headers("!!").is_err());
        let not_pairs = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"a":1}"#);
        assert!(decode_headers(&not_pairs).is_err());
    }

    #[test]
    fn the_upstream_handshake_carries_headers_and_protocols_but_not_the_relays_own() {
        let url = Url::parse("ws://example.com:8080/chat").expect("URL");
        let extra = vec![
            ("Authorization".to_string(), "Bearer t".to_string()),
            ("Connection".to_string(), "close".to_string()),
            ("Sec-WebSocket-Key".to_string(), "mine".to_string()),
        ];
        let request =
            upstream_request(&url, &extra, &["a".to_string(), "b".to_string()]).expect("request");
        let headers = request.headers();
        assert_eq!(headers["authorization"], "Bearer t");
        assert_eq!(headers["sec-websocket-protocol"], "a, b");
        assert_eq!(headers["connection"], "Upgrade");
        assert_ne!(headers["sec-websocket-key"], "mine");
        assert_eq!(headers["host"], "example.com:8080");
    }
}
