//! WebSocket endpoints, go-httpbin compatible: `/websocket/echo` sends every text and binary message back
//! as it came, answers a close with the same code, and honours `max_fragment_size` and `max_message_size`
//! (1009 above it); `/websocket/bearer` does the same behind `Authorization: Bearer`, which browsers cannot
//! send on a handshake, so it is what the forward relay is tried against.

use crate::reply::{bad_request, plain};
use crate::Config;
use axum::{
    extract::{
        ws::{
            rejection::WebSocketUpgradeRejection, CloseFrame, Message, WebSocket, WebSocketUpgrade,
        },
        Query, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// RFC 6455 close codes used here.
pub const GOING_AWAY: u16 = 1001;
pub const PROTOCOL_ERROR: u16 = 1002;
pub const TOO_BIG: u16 = 1009;

/// How long a closing side waits for the peer's close reply before hanging up.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

#[derive(Deserialize)]
pub struct EchoQuery {
    max_fragment_size: Option<String>,
    max_message_size: Option<String>,
}

/// Frame and message caps: go-httpbin's defaults (the body limit, and half of it per fragment) and caps (the
/// body limit). A fragment size not given never exceeds the message size asked for.
fn size_limits(query: &EchoQuery, max_body: usize) -> Result<(usize, usize), String> {
    let read = |name: &str, text: Option<&str>| -> Result<Option<usize>, String> {
        let Some(text) = text else { return Ok(None) };
        text.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max_body).contains(n))
            .map(Some)
            .ok_or(format!(
                "{name} must be a whole number of bytes from 1 to {max_body}."
            ))
    };
    let fragment = read("max_fragment_size", query.max_fragment_size.as_deref())?;
    let message = read("max_message_size", query.max_message_size.as_deref())?.unwrap_or(max_body);
    match fragment {
        Some(fragment) if fragment > message => Err(format!(
            "max_fragment_size {fragment} must not be more than max_message_size {message}."
        )),
        Some(fragment) => Ok((fragment, message)),
        None => Ok(((max_body / 2).clamp(1, message), message)),
    }
}

/// The subprotocols the client offers, in its order of preference.
pub fn offered_protocols(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// A plain request where a handshake belongs, answered with a sentence rather than axum's wording.
pub fn not_a_handshake(rejection: WebSocketUpgradeRejection) -> Response {
    let status = rejection.status();
    plain(
        status,
        &format!(
            "This endpoint speaks WebSocket: connect with a WebSocket client ({}).",
            rejection.body_text().trim_end_matches('.')
        ),
    )
}

pub async fn echo(
    State(config): State<Arc<Config>>,
    Query(query): Query<EchoQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    accept(&config, &query, &headers, upgrade, None)
}

/// `/websocket/bearer`: 401 with `WWW-Authenticate: Bearer` before any upgrade unless a non-empty bearer
/// token came; then a first text message saying so, then the echo.
pub async fn bearer(
    State(config): State<Arc<Config>>,
    Query(query): Query<EchoQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .filter(|token| !token.is_empty());
    let Some(token) = token else {
        let mut response = plain(
            StatusCode::UNAUTHORIZED,
            "This WebSocket needs an Authorization: Bearer <token> header on the handshake.",
        );
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    };
    let greeting = serde_json::json!({ "authenticated": true, "token": token }).to_string();
    accept(&config, &query, &headers, upgrade, Some(greeting))
}

fn accept(
    config: &Config,
    query: &EchoQuery,
    headers: &HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    greeting: Option<String>,
) -> Response {
    let (fragment, message) = match size_limits(query, config.max_body_bytes) {
        Ok(limits) => limits,
        Err(why) => return bad_request(&why),
    };
    let mut upgrade = match upgrade {
        Ok(upgrade) => upgrade.max_frame_size(fragment).max_message_size(message),
        Err(rejection) => return not_a_handshake(rejection),
    };
    // The first protocol offered is the one chosen, whatever it is: clients can watch negotiation work.
    if let Some(protocol) = offered_protocols(headers)
        .first()
        .and_then(|p| HeaderValue::from_str(p).ok())
    {
        upgrade.set_selected_protocol(protocol);
    }
    let idle = config.websocket_idle_timeout;
    upgrade
        .on_upgrade(move |mut socket| async move {
            if let Some(greeting) = greeting {
                if socket.send(Message::Text(greeting.into())).await.is_err() {
                    return;
                }
            }
            echo_until_closed(socket, idle, message).await;
        })
        .into_response()
}

async fn echo_until_closed(mut socket: WebSocket, idle: Duration, max_message: usize) {
    loop {
        let received = match tokio::time::timeout(idle, socket.recv()).await {
            Err(_) => {
                let reason = format!("no message for {} s", idle.as_secs_f64());
                close(&mut socket, GOING_AWAY, &reason).await;
                return;
            }
            Ok(None) => return,
            Ok(Some(received)) => received,
        };
        match received {
            Ok(message @ (Message::Text(_) | Message::Binary(_))) => {
                if socket.send(message).await.is_err() {
                    return;
                }
            }
            // Pings are answered by the protocol layer; a close is answered there with the same code, and
            // the next read sends that answer and ends the stream.
            Ok(Message::Ping(_) | Message::Pong(_) | Message::Close(_)) => {}
            Err(err) => {
                let (code, reason) = if is_too_big(&err) {
                    (TOO_BIG, format!("message over {max_message} bytes"))
                } else {
                    (PROTOCOL_ERROR, "protocol error".to_string())
                };
                close(&mut socket, code, &reason).await;
                return;
            }
        }
    }
}

/// True when a read failed because a frame or message was over its cap.
pub fn is_too_big(err: &axum::Error) -> bool {
    let inner: &(dyn std::error::Error + 'static) = err;
    let mut source = Some(inner);
    while let Some(current) = source {
        if let Some(tungstenite_err) =
            current.downcast_ref::<tokio_tungstenite::tungstenite::Error>()
        {
            return matches!(
                tungstenite_err,
                tokio_tungstenite::tungstenite::Error::Capacity(_)
            );
        }
        source = current.source();
    }
    false
}

/// Sends a close frame and waits briefly for the peer's reply, so the frame is read before the socket goes.
pub async fn close(socket: &mut WebSocket, code: u16, reason: &str) {
    let frame = CloseFrame {
        code,
        reason: close_reason(reason).into(),
    };
    if socket.send(Message::Close(Some(frame))).await.is_err() {
        return;
    }
    let _ = tokio::time::timeout(CLOSE_GRACE, async {
        while let Some(Ok(_)) = socket.recv().await {}
    })
    .await;
}

/// A close reason fits in 123 bytes (RFC 6455 §5.5): longer ones are cut at a character boundary.
pub fn close_reason(text: &str) -> String {
    let mut end = text.len().min(123);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(fragment: Option<&str>, message: Option<&str>) -> EchoQuery {
        EchoQuery {
            max_fragment_size: fragment.map(str::to_string),
            max_message_size: message.map(str::to_string),
        }
    }

    #[test]
    fn size_limits_follow_go_httpbin() {
        let max = 1024 * 1024;
        assert_eq!(size_limits(&query(None, None), max), Ok((max / 2, max)));
        assert_eq!(size_limits(&query(None, Some("100")), max), Ok((100, 100)));
        assert_eq!(
            size_limits(&query(Some("10"), Some("100")), max),
            Ok((10, 100))
        );
        for (fragment, message) in [
            (Some("0"), None),
            (None, Some("0")),
            (None, Some("1048577")),
            (Some("x"), None),
            (Some("200"), Some("100")),
        ] {
            assert!(size_limits(&query(fragment, message), max).is_err());
        }
    }

    #[test]
    fn protocols_keep_the_client_order() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::SEC_WEBSOCKET_PROTOCOL,
            HeaderValue::from_static("zeta, alpha"),
        );
        headers.append(
            header::SEC_WEBSOCKET_PROTOCOL,
            HeaderValue::from_static("beta"),
        );
        assert_eq!(offered_protocols(&headers), ["zeta", "alpha", "beta"]);
    }

    #[test]
    fn close_reasons_fit_a_control_frame() {
        assert_eq!(close_reason("short"), "short");
        let long = "é".repeat(100);
        let cut = close_reason(&long);
        assert!(cut.len() <= 123 && long.starts_with(&cut));
    }
}
