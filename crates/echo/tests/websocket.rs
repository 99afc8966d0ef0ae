//! WebSocket endpoints on a real socket: `/websocket/echo` echoes text and binary, answers a close with the
//! same code, negotiates the first offered subprotocol and closes 1009 over `max_message_size`;
//! `/websocket/bearer` refuses a handshake without a bearer token (401) and greets one with it. In process:
//! the 400s for bad sizes and plain requests.

mod support;

use futures_util::SinkExt;
use reqlab_echo::Config;
use std::time::Duration;
use support::get;
use support::socket::{close_of, connect_offering, next, start};
use tokio_tungstenite::tungstenite::{
    client::IntoClientRequest,
    protocol::{frame::coding::CloseCode, CloseFrame},
    Error, Message,
};

#[tokio::test]
async fn echo_sends_text_and_binary_back_and_mirrors_the_close() {
    let addr = start(Config::default()).await;
    let (mut socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/websocket/echo"))
        .await
        .expect("handshake");
    socket.send(Message::text("hello")).await.expect("send");
    assert_eq!(next(&mut socket).await, Message::text("hello"));
    socket
        .send(Message::binary(vec![0u8, 159, 146, 150]))
        .await
        .expect("send");
    assert_eq!(
        next(&mut socket).await,
        Message::binary(vec![0u8, 159, 146, 150])
    );
    socket
        .send(Message::Close(Some(CloseFrame {
            code: CloseCode::Normal,
            reason: "bye".into(),
        })))
        .await
        .expect("send close");
    assert_eq!(close_of(&mut socket).await.0, 1000);
    // Another code comes back as it went.
    let (mut socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/websocket/echo"))
        .await
        .expect("handshake");
    socket
        .send(Message::Close(Some(CloseFrame {
            code: CloseCode::from(4000),
            reason: "custom".into(),
        })))
        .await
        .expect("send close");
    assert_eq!(close_of(&mut socket).await, (4000, "custom".to_string()));
}

#[tokio::test]
async fn the_first_offered_subprotocol_is_chosen() {
    let addr = start(Config::default()).await;
    let (_, chosen) =
        connect_offering(&format!("ws://{addr}/websocket/echo"), "graphql-ws, chat").await;
    assert_eq!(chosen.as_deref(), Some("graphql-ws"));
}

#[tokio::test]
async fn messages_over_max_message_size_close_with_1009() {
    let addr = start(Config::default()).await;
    let (mut socket, _) = tokio_tungstenite::connect_async(format!(
        "ws://{addr}/websocket/echo?max_message_size=1024"
    ))
    .await
    .expect("handshake");
    socket
        .send(Message::text("x".repeat(1024)))
        .await
        .expect("send");
    assert_eq!(next(&mut socket).await, Message::text("x".repeat(1024)));
    socket
        .send(Message::text("x".repeat(2048)))
        .await
        .expect("send");
    let (code, reason) = close_of(&mut socket).await;
    assert_eq!(code, 1009, "{reason}");
    assert!(reason.contains("1024"), "{reason}");
}

#[tokio::test]
async fn idle_sockets_are_closed_with_1001() {
    let addr = start(Config {
        websocket_idle_timeout: Duration::from_millis(200),
        ..Config::default()
    })
    .await;
    let (mut socket, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/websocket/echo"))
        .await
        .expect("handshake");
    assert_eq!(close_of(&mut socket).await.0, 1001);
}

#[tokio::test]
async fn bearer_needs_a_token_on_the_handshake() {
    let addr = start(Config::default()).await;
    let url = format!("ws://{addr}/websocket/bearer");
    match tokio_tungstenite::connect_async(url.as_str()).await {
        Err(Error::Http(response)) => {
            assert_eq!(response.status(), 401);
            assert_eq!(
                response
                    .headers()
                    .get("www-authenticate")
                    .and_then(|v| v.to_str().ok()),
                Some("Bearer")
            );
        }
        other => panic!("expected a 401, got {:?}", other.map(|(_, r)| r.status())),
    }
    let mut request = url.as_str().into_client_request().expect("request");
    request
        .headers_mut()
        .insert("authorization", "Bearer abc123".parse().expect("value"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("handshake");
    let greeting = next(&mut socket).await;
    let greeting: serde_json::Value =
        serde_json::from_str(greeting.to_text().expect("text")).expect("JSON");
    assert_eq!(
        greeting,
        serde_json::json!({"authenticated": true, "token": "abc123"})
    );
    socket.send(Message::text("after")).await.expect("send");
    assert_eq!(next(&mut socket).await, Message::text("after"));
}

#[tokio::test]
async fn bad_sizes_and_plain_requests_are_refused() {
    for query in [
        "max_message_size=0",
        "max_message_size=huge",
        "max_fragment_size=20000000",
        "max_fragment_size=200&max_message_size=100",
    ] {
        let answer = get(&format!("/websocket/echo?{query}")).await;
        assert_eq!(answer.status, 400, "{query}");
        assert!(answer.text().ends_with(".\n"), "{}", answer.text());
    }
    // Without a handshake: a sentence, not an upgrade.
    let answer = get("/websocket/echo").await;
    assert_eq!(answer.status, 400);
    assert!(answer.text().contains("WebSocket"), "{}", answer.text());
    let answer = get("/websocket/bearer").await;
    assert_eq!(answer.status, 401);
    assert_eq!(answer.header("www-authenticate"), "Bearer");
}
