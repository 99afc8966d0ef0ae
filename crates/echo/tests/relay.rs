//! The WebSocket relay, `/forward/websocket`: off without `--forward`; the same caller guards and SSRF
//! vectors as `/forward` (in process, where refusals are HTTP answers); and on a real socket, a relay to
//! `/websocket/bearer` with the page's headers and subprotocols, the close codes and reasons a page sees
//! when it is refused, and the relay's limits (message size, idle time, connections open at once).

mod support;

use axum::body::Body;
use base64::Engine;
use futures_util::{SinkExt, StreamExt};
use reqlab_echo::{Config, ForwardConfig};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;
use support::socket::{close_of, connect_offering, next, start, Socket};
use support::{request, send_with, Answer};
use tokio_tungstenite::tungstenite::{
    protocol::{frame::coding::CloseCode, CloseFrame},
    Message,
};

fn forwarding(forward: ForwardConfig) -> Config {
    Config {
        forward: Some(forward),
        ..Config::default()
    }
}

fn private_allowed() -> ForwardConfig {
    ForwardConfig {
        allow_private: true,
        ..ForwardConfig::default()
    }
}

fn encode_headers(pairs: &[(&str, &str)]) -> String {
    let json = serde_json::to_string(pairs).expect("JSON");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// In process: a handshake-looking GET (no socket to upgrade, so refusals come back as HTTP statuses).
async fn relay_in_process(config: Config, query: &str, headers: &[(&str, &str)]) -> Answer {
    let mut builder = request("GET", &format!("/forward/websocket?{query}"))
        .header("Host", "127.0.0.1:8080")
        .header("Connection", "Upgrade")
        .header("Upgrade", "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    send_with(config, builder.body(Body::empty()).expect("valid")).await
}

#[tokio::test]
async fn the_relay_is_off_without_forward_mode() {
    let answer = relay_in_process(Config::default(), "url=ws%3A%2F%2Fexample.com%2F", &[]).await;
    assert_eq!(answer.status, 404);
}

#[tokio::test]
async fn the_same_ssrf_vectors_as_forwarding_are_refused() {
    // `/forward`'s list, in WebSocket schemes; other schemes are refused outright.
    let vectors = [
        "ws://127.0.0.1/",
        "ws://127.1/",
        "ws://127.0.1/",
        "ws://0x7f000001/",
        "ws://0x7f.0x0.0x0.0x1/",
        "ws://2130706433/",
        "ws://017700000001/",
        "ws://0177.0.0.1/",
        "ws://127.000.000.001/",
        "ws://0/",
        "ws://0.0.0.0/",
        "ws://[::]/",
        "ws://[::1]/",
        "ws://[0:0:0:0:0:0:0:1]/",
        "ws://[::ffff:127.0.0.1]/",
        "ws://[::ffff:7f00:1]/",
        "ws://[::127.0.0.1]/",
        "ws://[64:ff9b::7f00:1]/",
        "ws://[2002:7f00:1::]/",
        "ws://localhost/",
        "ws://localhost./",
        "ws://LOCALHOST:8080/",
        "ws://169.254.169.254/latest/meta-data/",
        "ws://[fd00::1]/",
        "ws://[fe80::1]/",
        "ws://10.0.0.1/",
        "ws://172.16.0.1/",
        "ws://192.168.1.1/",
        "ws://100.64.0.1/",
        "ws://224.0.0.1/",
        "ws://\u{2460}\u{2461}\u{2466}.0.0.1/",
        "wss://127.0.0.1:22/",
        "http://127.0.0.1/",
        "https://example.com/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "ws://user:pass@example.com/",
    ];
    for url in vectors {
        let answer = relay_in_process(
            forwarding(ForwardConfig::default()),
            &format!("url={}", query_value(url)),
            &[],
        )
        .await;
        assert_eq!(answer.status, 403, "{url}: {}", answer.text());
        assert!(
            answer.text().starts_with("Not relayed: "),
            "{}",
            answer.text()
        );
    }
}

#[tokio::test]
async fn token_origins_rate_and_parameters_are_checked() {
    let config = forwarding(ForwardConfig {
        token: Some("s3cret".to_string()),
        allowed_origins: vec!["https://docs.example".to_string()],
        per_origin_per_minute: 3,
        ..ForwardConfig::default()
    });
    let url = format!("url={}", query_value("ws://127.0.0.1/"));
    let origin = ("Origin", "https://docs.example");
    let answer = relay_in_process(config.clone(), &url, &[origin]).await;
    assert_eq!(answer.status, 401);
    let answer = relay_in_process(config.clone(), &format!("{url}&token=wrong"), &[origin]).await;
    assert_eq!(answer.status, 401);
    let answer = relay_in_process(
        config.clone(),
        &format!("{url}&token=s3cret"),
        &[("Origin", "https://evil.example")],
    )
    .await;
    assert_eq!(answer.status, 403);
    assert!(answer.text().contains("origin"), "{}", answer.text());
    // Past the guards (token as a parameter or a header) the private URL itself is refused.
    let answer = relay_in_process(config.clone(), &format!("{url}&token=s3cret"), &[origin]).await;
    assert_eq!(answer.status, 403);
    assert!(
        answer.text().starts_with("Not relayed"),
        "{}",
        answer.text()
    );
    let answer = relay_in_process(
        config.clone(),
        &url,
        &[origin, ("X-Reqlab-Token", "s3cret")],
    )
    .await;
    assert_eq!(answer.status, 403);
    // The rate window is per app: one app, three allowed, the fourth refused.
    let app = reqlab_echo::app(config.clone());
    let mut statuses = Vec::new();
    for _ in 0..4 {
        use tower::ServiceExt;
        let response = app
            .clone()
            .oneshot(
                request("GET", &format!("/forward/websocket?{url}&token=s3cret"))
                    .header("Origin", "https://docs.example")
                    .body(Body::empty())
                    .expect("valid"),
            )
            .await
            .expect("infallible");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [403, 403, 403, 429]);
    let open = forwarding(ForwardConfig::default());
    for (query, status) in [
        ("", 400),
        ("url=not%20a%20url", 400),
        ("url=ws%3A%2F%2Fexample.com%2F&headers=%21%21", 400),
    ] {
        let answer = relay_in_process(open.clone(), query, &[]).await;
        assert_eq!(answer.status, status, "{query}: {}", answer.text());
        assert!(answer.text().ends_with(".\n"), "{}", answer.text());
    }
}

/// A page's connection to the relay, offering `protocols`.
async fn page(
    relay: SocketAddr,
    target: &str,
    headers: &[(&str, &str)],
    protocols: &str,
) -> (Socket, Option<String>) {
    let mut url = format!("ws://{relay}/forward/websocket?url={}", query_value(target));
    if !headers.is_empty() {
        url.push_str(&format!("&headers={}", encode_headers(headers)));
    }
    connect_offering(&url, protocols).await
}

#[tokio::test]
async fn the_relay_carries_headers_subprotocols_and_frames_both_ways() {
    let addr = start(forwarding(private_allowed())).await;
    let target = format!("ws://{addr}/websocket/bearer");
    let (mut socket, chosen) = page(
        addr,
        &target,
        &[("Authorization", "Bearer page-token")],
        "chat.v2, chat.v1",
    )
    .await;
    assert_eq!(chosen.as_deref(), Some("chat.v2"), "the upstream's choice");
    let greeting = next(&mut socket).await;
    let greeting: serde_json::Value =
        serde_json::from_str(greeting.to_text().expect("text")).expect("JSON");
    assert_eq!(greeting["token"], "page-token");
    socket.send(Message::text("through")).await.expect("send");
    assert_eq!(next(&mut socket).await, Message::text("through"));
    socket
        .send(Message::binary(vec![1u8, 2, 255]))
        .await
        .expect("send");
    assert_eq!(next(&mut socket).await, Message::binary(vec![1u8, 2, 255]));
    socket
        .send(Message::Close(Some(CloseFrame {
            code: CloseCode::Normal,
            reason: "done".into(),
        })))
        .await
        .expect("close");
    assert_eq!(close_of(&mut socket).await.0, 1000);
}

#[tokio::test]
async fn refusals_reach_the_page_as_close_codes_and_reasons() {
    // Without --allow-private the loopback upstream is refused, after the handshake, with a reason.
    let closed = start(forwarding(ForwardConfig::default())).await;
    let (mut socket, _) = page(closed, &format!("ws://{closed}/websocket/echo"), &[], "").await;
    let (code, reason) = close_of(&mut socket).await;
    assert_eq!(code, 1008, "{reason}");
    assert!(reason.contains("127.0.0.1"), "{reason}");
    // A name whose DNS answer is loopback is refused the same way.
    let (mut socket, _) = page(
        closed,
        &format!("ws://localhost:{}/", closed.port()),
        &[],
        "",
    )
    .await;
    assert_eq!(close_of(&mut socket).await.0, 1008);

    // The upstream refusing the handshake: its status and reason, as 1011.
    // The upstream may redirect anywhere; the relay reaches loopback only as an explicit exception.
    let addr = start(Config {
        allowed_redirect_hosts: vec!["169.254.169.254".to_string(), "127.0.0.2".to_string()],
        ..forwarding(ForwardConfig {
            allow_addresses: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
            ..ForwardConfig::default()
        })
    })
    .await;
    let (mut socket, chosen) = page(addr, &format!("ws://{addr}/websocket/bearer"), &[], "x").await;
    assert_eq!(chosen.as_deref(), Some("x"));
    let (code, reason) = close_of(&mut socket).await;
    assert_eq!(
        (code, reason.as_str()),
        (1011, "upstream answered 401 Unauthorized")
    );
    // Redirects are not followed, into private space or anywhere else.
    for target in [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.2/",
        "/websocket/echo",
    ] {
        let url = format!("ws://{addr}/redirect-to?url={}", query_value(target));
        let (mut socket, _) = page(addr, &url, &[], "").await;
        let (code, reason) = close_of(&mut socket).await;
        assert_eq!(code, 1011, "{reason}");
        assert!(
            reason.contains("302") && reason.contains("redirects are not followed"),
            "{reason}"
        );
    }
}

#[tokio::test]
async fn messages_over_the_relay_limit_close_with_1009() {
    let addr = start(forwarding(ForwardConfig {
        relay_max_message_bytes: 1024,
        ..private_allowed()
    }))
    .await;
    let (mut socket, _) = page(addr, &format!("ws://{addr}/websocket/echo"), &[], "").await;
    socket
        .send(Message::text("y".repeat(1000)))
        .await
        .expect("send");
    assert_eq!(next(&mut socket).await, Message::text("y".repeat(1000)));
    socket
        .send(Message::text("y".repeat(4096)))
        .await
        .expect("send");
    let (code, reason) = close_of(&mut socket).await;
    assert_eq!(code, 1009, "{reason}");
}

#[tokio::test]
async fn idle_relays_are_closed_with_1001() {
    let addr = start(forwarding(ForwardConfig {
        relay_idle_timeout: Duration::from_millis(300),
        ..private_allowed()
    }))
    .await;
    let (mut socket, _) = page(addr, &format!("ws://{addr}/websocket/echo"), &[], "").await;
    socket.send(Message::text("once")).await.expect("send");
    assert_eq!(next(&mut socket).await, Message::text("once"));
    let (code, reason) = close_of(&mut socket).await;
    assert_eq!(code, 1001, "{reason}");
}

#[tokio::test]
async fn relays_over_the_cap_are_refused_with_1013() {
    let addr = start(forwarding(ForwardConfig {
        relay_max_connections: 1,
        ..private_allowed()
    }))
    .await;
    let target = format!("ws://{addr}/websocket/echo");
    let (mut first, _) = page(addr, &target, &[], "").await;
    let (mut second, _) = page(addr, &target, &[], "").await;
    let (code, reason) = close_of(&mut second).await;
    assert_eq!(code, 1013, "{reason}");
    // The first is unaffected, and once it closes its place is free again.
    first.send(Message::text("still here")).await.expect("send");
    assert_eq!(next(&mut first).await, Message::text("still here"));
    first.close(None).await.expect("close");
    drop(first);
    let mut reopened = false;
    for _ in 0..50 {
        let (mut again, _) = page(addr, &target, &[], "").await;
        again.send(Message::text("again")).await.expect("send");
        match tokio::time::timeout(Duration::from_secs(5), again.next()).await {
            Ok(Some(Ok(Message::Text(text)))) if text.as_str() == "again" => {
                reopened = true;
                break;
            }
            _ => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    assert!(reopened, "the freed place was never reused");
}
