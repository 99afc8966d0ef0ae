//! GraphQL over WebSocket on `/graphql`: the `graphql-transport-ws` protocol and the older `graphql-ws`
//! (subscriptions-transport-ws), the first of them the client offers. The `connection_init` payload is kept
//! for resolvers, since a browser cannot put `Authorization` on a handshake; the echo's message cap and idle
//! timeout hold here as on its other sockets.

use super::request_info::{ConnectionInit, RequestInfo};
use super::schema::EchoSchema;
use crate::reply::bad_request;
use crate::websocket::{close_reason, offered_protocols, GOING_AWAY};
use crate::Config;
use async_graphql::http::{WebSocket as GraphQlSocket, WebSocketProtocols, WsMessage};
use async_graphql::Data;
use axum::{
    extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade},
    http::{request::Parts, HeaderValue},
    response::{IntoResponse, Response},
};
use futures_util::{SinkExt, StreamExt};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Accepts the handshake when the client offers a GraphQL subprotocol, else 400 with a sentence.
pub fn upgrade(
    schema: EchoSchema,
    config: &Config,
    parts: &Parts,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Some((name, protocol)) = offered_protocols(&parts.headers)
        .into_iter()
        .find_map(|name| Some((name.clone(), WebSocketProtocols::from_str(&name).ok()?)))
    else {
        return bad_request(
            "A GraphQL WebSocket needs a subprotocol: offer graphql-transport-ws (or the older graphql-ws) \
             in Sec-WebSocket-Protocol.",
        );
    };
    let mut upgrade = upgrade
        .max_message_size(config.max_body_bytes)
        .max_frame_size(config.max_body_bytes);
    if let Ok(value) = HeaderValue::from_str(&name) {
        upgrade.set_selected_protocol(value);
    }
    let handshake = RequestInfo::new(parts, &config.exclude_headers);
    let idle = config.websocket_idle_timeout;
    upgrade
        .on_upgrade(move |socket| serve(socket, schema, protocol, handshake, idle))
        .into_response()
}

/// Runs the protocol until either side ends it, or until nothing has crossed the socket either way for
/// `idle` (a countdown that is still sending keeps the socket open though the client is silent).
async fn serve(
    socket: WebSocket,
    schema: EchoSchema,
    protocol: WebSocketProtocols,
    handshake: RequestInfo,
    idle: Duration,
) {
    let last_traffic = Arc::new(Mutex::new(Instant::now()));
    let touch = {
        let last_traffic = last_traffic.clone();
        move || {
            if let Ok(mut at) = last_traffic.lock() {
                *at = Instant::now();
            }
        }
    };
    let (mut sink, incoming) = socket.split();
    let heard = touch.clone();
    // Pings are answered by the WebSocket layer; only data messages carry the protocol.
    let incoming = incoming
        .take_while(|received| futures_util::future::ready(received.is_ok()))
        .filter_map(move |received| {
            heard();
            futures_util::future::ready(match received {
                Ok(message @ (Message::Text(_) | Message::Binary(_))) => Some(message.into_data()),
                _ => None,
            })
        });
    let mut connection_data = Data::default();
    connection_data.insert(handshake);
    let outgoing = GraphQlSocket::new(schema, incoming, protocol)
        .connection_data(connection_data)
        .on_connection_init(|payload| async move {
            let mut data = Data::default();
            data.insert(ConnectionInit(payload));
            Ok(data)
        });
    futures_util::pin_mut!(outgoing);
    loop {
        let quiet_since = last_traffic
            .lock()
            .map(|at| *at)
            .unwrap_or_else(|_| Instant::now());
        let deadline = tokio::time::Instant::from_std(quiet_since + idle);
        let message = tokio::select! {
            message = outgoing.next() => message,
            () = tokio::time::sleep_until(deadline) => {
                let quiet_for = last_traffic.lock().map(|at| at.elapsed()).unwrap_or_default();
                if quiet_for < idle {
                    continue;
                }
                let reason = format!("no message for {} s", idle.as_secs_f64());
                let frame = CloseFrame { code: GOING_AWAY, reason: close_reason(&reason).into() };
                let _ = sink.send(Message::Close(Some(frame))).await;
                return;
            }
        };
        let Some(message) = message else { return };
        touch();
        let frame = match message {
            WsMessage::Text(text) => Message::Text(text.into()),
            WsMessage::Close(code, reason) => Message::Close(Some(CloseFrame {
                code,
                reason: reason.into(),
            })),
        };
        if sink.send(frame).await.is_err() {
            return;
        }
    }
}
